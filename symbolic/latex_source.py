r"""Read a LaTeX file (`.tex`) into the same `Document` as Markdown.

The file is turned into Markdown line for line, so that every line number still points
into the `.tex` file, and then read by the Markdown reader:

- the preamble (`\documentclass` … `\begin{document}`) and whatever follows
  `\end{document}` are skipped; a file without `\begin{document}` is read whole, as a
  fragment that another file `\input`s;
- `%` comments are dropped;
- each `\section` (and `\chapter`) starts a derivation, as a Markdown heading does;
- `equation`, `align`, `gather`, `multline` (starred or not), `\[ … \]` and `$$ … $$`
  are read as math, and so is inline `$ … $` that holds a relation;
- `\title{…}` gives the document's title.

    >>> doc = read_latex("\\documentclass{article}\n\\title{Squares}\n"
    ...                  "\\begin{document}\n\\section{One}\n"
    ...                  "\\begin{equation} (x+1)^2 = x^2 + 2x + 1 \\end{equation}\n"
    ...                  "\\end{document}\n", "notes.tex", [])
    >>> doc.title, [(s.line, s.text) for s in doc.statements]
    ('Squares', [(5, '(x+1)^2 = x^2 + 2x + 1')])
"""

from __future__ import annotations

import dataclasses
import re

from symbolic.document import Document, Problem, parse_markdown

__all__ = ["latex_as_markdown", "read_latex"]

_COMMENT = re.compile(r"(?<!\\)%.*$", re.M)
_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_DOCUMENT_CLASS = re.compile(r"\\documentclass\b")
_BRACED = r"\{((?:[^{}\n]|\{[^{}\n]*\})*)\}"
_TITLE = re.compile(r"\\title\s*(?:\[[^\]\n]*\])?\s*" + _BRACED)
_SECTION = re.compile(r"^[ \t]*\\(?:chapter|section)\*?\s*(?:\[[^\]\n]*\])?\s*" + _BRACED, re.M)
# Lines that Markdown would read as something other than text: rules, setext underlines,
# fences and headings. In LaTeX they are text (`---` is an em dash), so they are blanked.
_MARKDOWN_LINE = re.compile(r"^[ \t]*(?:([-*_=])(?:[ \t]*\1){2,}|`{3,}.*|~{3,}.*|#.*)[ \t]*$",
                            re.M)


def _blank(text: str) -> str:
    """The text with everything but its line breaks removed: line numbers are kept."""
    return "\n" * text.count("\n")


def latex_as_markdown(text: str) -> tuple[str, str, list[Problem]]:
    """The Markdown that reads like the LaTeX `text`, line for line, and its `\\title`.

    Returns:
        (markdown, title or "", problems met while converting).
    """
    problems: list[Problem] = []
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _COMMENT.sub("", text)
    begin = _BEGIN_DOCUMENT.search(text)
    title_match = _TITLE.search(text, 0, begin.start() if begin else len(text))
    title = " ".join(title_match.group(1).split()) if title_match else ""
    if begin:
        end = _END_DOCUMENT.search(text, begin.end())
        stop = end.start() if end else len(text)
        text = _blank(text[: begin.end()]) + text[begin.end() : stop] + _blank(text[stop:])
    elif _DOCUMENT_CLASS.search(text):
        line = text[: _DOCUMENT_CLASS.search(text).start()].count("\n") + 1
        problems.append(Problem(
            line, "\\documentclass",
            "the file has a \\documentclass but no \\begin{document}, so nothing in it was "
            "read; add \\begin{document} before the text"))
        text = _blank(text)
    text = text.replace("`", "'")   # a LaTeX opening quote is no Markdown code span
    text = _MARKDOWN_LINE.sub("", text)
    text = _SECTION.sub(lambda m: "# " + " ".join(m.group(1).split()), text)
    return text, title, problems


def read_latex(text: str, path: str | None, problems: list[Problem]) -> Document:
    """Read the LaTeX `text` of the file `path`; `problems` holds what was met before."""
    markdown, title, converting = latex_as_markdown(text)
    document = parse_markdown(markdown, path, [*problems, *converting])
    return dataclasses.replace(document, title=title) if title else document
