"""MkDocs hook: typeset the docs' math as MathML when the site is built.

`pymdownx.arithmatex` (generic mode) marks `$...$` and `$$...$$` in the pages; this hook
turns each mark into MathML with latex2mathml, a dependency of derivcheck already (the
HTML report uses it). Browsers render MathML themselves: the site needs no JavaScript,
no web font and no network to show its math.
"""

from __future__ import annotations

import html
import logging
import re

from latex2mathml.converter import convert

log = logging.getLogger("mkdocs.hooks.mathml")

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])'
    r"\s*</(?P=tag)>", re.S)


def _mathml(match: re.Match, page: str) -> str:
    block = match.group("block") is not None
    latex = html.unescape(match.group("block") if block else match.group("inline"))
    try:
        return convert(latex, display="block" if block else "inline")
    except Exception as error:  # noqa: BLE001 - any failure of the converter on a formula
        log.warning("%s: the formula %r could not be typeset: %s", page, latex, error)
        return match.group(0)


def on_page_content(content: str, page, config, files) -> str:
    return _MATH.sub(lambda m: _mathml(m, page.file.src_uri), content)
