"""Any input a derivation comes in, read into the one document model.

Markdown (`symbolic.document`), LaTeX files (`symbolic.latex_source`) and Jupyter notebooks
(`symbolic.notebook_source`) each have a reader; `read_document` picks one by the suffix.
"""

from __future__ import annotations

import os
from pathlib import Path

from symbolic.document import (
    NOTEBOOK_SUFFIXES,
    TEX_SUFFIXES,
    Document,
    parse_markdown,
    read_source,
)
from symbolic.latex_source import read_latex
from symbolic.notebook_source import read_notebook


def read_document(source: str | os.PathLike, *, name: str | None = None) -> Document:
    """Read a document from its text or from a file.

        >>> read_document("$$a = b$$").statements[0].text
        'a = b'

    Args:
        source: the document's text when it is a `str` holding a newline or a `$` (or
            is empty); otherwise, and always for a `pathlib.Path`, the path of a file.
        name: the document's path as reports should show it; defaults to the file's
            path, and to None for text. Its suffix picks the reader: `.tex`, `.ipynb`,
            else Markdown.

    Raises:
        DocumentReadError: the file cannot be opened. Nothing in the text raises.
    """
    text, path, problems = read_source(source, name=name)
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in TEX_SUFFIXES:
        return read_latex(text, path, problems)
    if suffix in NOTEBOOK_SUFFIXES:
        return read_notebook(text, path, problems)
    return parse_markdown(text, path, problems)
