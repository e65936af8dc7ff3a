r"""Read a Jupyter notebook (`.ipynb`) into the same `Document` as Markdown.

The math of a notebook is in its Markdown cells; code cells and outputs are skipped.
The Markdown cells are read together, in order, as one Markdown document (front matter
may open the first of them), and every statement and problem says which cell it is in
(numbered from 1 among all cells, as Jupyter shows them) and its line in that cell.

    >>> import nbformat
    >>> notebook = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("import numpy"),
    ...     nbformat.v4.new_markdown_cell("# Square\n$$\\frac{d}{dx} x^2 = 2x$$")])
    >>> doc = read_notebook(nbformat.writes(notebook), "square.ipynb", [])
    >>> [(s.cell, s.line, s.text) for s in doc.statements]
    [(2, 2, '\\frac{d}{dx} x^2 = 2x')]
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import logging
import warnings
from dataclasses import dataclass

from symbolic.document import Document, DocumentReadError, Problem, parse_markdown

__all__ = ["CellMap", "read_notebook"]


@dataclass(frozen=True)
class CellMap:
    """Where each Markdown cell starts in the joined text: line -> (cell, line in cell)."""

    starts: tuple[int, ...]   # first line of each Markdown cell in the joined text
    cells: tuple[int, ...]    # its number among all the notebook's cells, from 1

    def locate(self, line: int) -> tuple[int | None, int]:
        """(cell, line within the cell) of a line of the joined text."""
        k = bisect.bisect_right(self.starts, line) - 1
        if k < 0:
            return None, line
        return self.cells[k], line - self.starts[k] + 1


def _markdown_cells(text: str, path: str | None) -> list[tuple[int, str]]:
    import nbformat

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            logging.getLogger("nbformat").disabled = True
            notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    except (json.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DocumentReadError(
            f"cannot read {path or 'the notebook'!r} as a Jupyter notebook ({reason}); "
            "save it from Jupyter again, or check the file is the notebook's JSON") from None
    cells = notebook.get("cells", []) if notebook.get("nbformat", 4) >= 4 else [
        cell for sheet in notebook.get("worksheets", []) for cell in sheet.get("cells", [])]
    found = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            found.append((number, "".join(source) if isinstance(source, list) else source))
    return found


def read_notebook(text: str, path: str | None, problems: list[Problem]) -> Document:
    """Read the notebook JSON `text` of the file `path`.

    Raises:
        DocumentReadError: the text is not a notebook.
    """
    joined: list[str] = []
    starts, numbers = [], []
    line = 1
    for number, source in _markdown_cells(text, path):
        source = source.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
        starts.append(line)
        numbers.append(number)
        joined.append(source)
        line += source.count("\n") + 2   # the cell's lines and one blank line after it
    cells = CellMap(tuple(starts), tuple(numbers))
    document = parse_markdown("\n\n".join(joined) + "\n", path, problems)

    def statement(s):
        cell, local = cells.locate(s.line)
        return dataclasses.replace(s, line=local, cell=cell)

    def problem(p):
        cell, local = cells.locate(p.line)
        return dataclasses.replace(p, line=local, cell=cell)

    given_lines = [cells.locate(n)[1] for n in document.front.given_lines]
    front = dataclasses.replace(document.front, given_lines=given_lines)
    return dataclasses.replace(
        document, front=front,
        statements=[statement(s) for s in document.statements],
        problems=[problem(p) for p in document.problems])
