"""LaTeX files and Jupyter notebooks, read into the same document model as Markdown."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from symbolic import check_document
from symbolic.commands.check import check
from symbolic.document import DocumentReadError
from symbolic.latex_source import latex_as_markdown
from symbolic.sources import read_document

PAPER = r"""\documentclass{article}
\usepackage{amsmath}
\newcommand{\R}{\mathbb{R}}   % $$ a = b $$ in the preamble is never read
\title{Two small results}
\begin{document}
\maketitle
\section{Squares}
% a comment: $$ 1 = 2 $$
The ``binomial'' rule---written wrong:
\begin{equation}
  (a+b)^2 = a^2 + b^2 \label{eq:wrong}
\end{equation}
\section*{Sums}
\begin{align}
  \sum_{i=1}^{3} i &= 6 \\
  2 x &= x + x
\end{align}
and inline $y = y$ too, and
$$\frac{\partial}{\partial x} x^3 = 3 x^2$$
\end{document}
$$ 3 = 4 $$ after the end is never read
"""


def test_latex_keeps_every_line_number():
    markdown, title, problems = latex_as_markdown(PAPER)
    assert markdown.count("\n") == PAPER.count("\n")
    assert title == "Two small results" and problems == []


def test_latex_statements_sections_and_title(tmp_path: Path):
    path = tmp_path / "paper.tex"
    path.write_text(PAPER, encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Two small results"
    assert [(s.line, s.text, s.derivation) for s in doc.statements] == [
        (11, "(a+b)^2 = a^2 + b^2", 0),
        (15, r"\sum_{i=1}^{3} i = 6", 1),
        (16, "2 x = x + x", 1),
        (18, "y = y", 1),
        (19, r"\frac{\partial}{\partial x} x^3 = 3 x^2", 1),
    ]
    result = check_document(path)
    assert [(s.line, s.verdict) for s in result.steps] == [
        (11, "invalid"), (15, "valid"), (16, "valid"), (18, "valid"), (19, "valid")]


def test_latex_without_begin_document_is_a_fragment_or_a_problem():
    fragment, _, problems = latex_as_markdown("\\[ a = b \\]\n")
    assert "\\[ a = b \\]" in fragment and problems == []
    text, _, problems = latex_as_markdown("\\documentclass{article}\n\\[ a = b \\]\n")
    assert "a = b" not in text
    assert "no \\begin{document}" in problems[0].reason and problems[0].line == 1


def notebook(*cells) -> str:
    return nbformat.writes(nbformat.v4.new_notebook(cells=list(cells)))


def test_notebook_markdown_cells_with_cell_and_line(tmp_path: Path):
    path = tmp_path / "homework.ipynb"
    path.write_text(notebook(
        nbformat.v4.new_markdown_cell("---\ntitle: Homework 1\n---\nIntro."),
        nbformat.v4.new_code_cell("x = 1  # $$1 = 2$$ in code is never read"),
        nbformat.v4.new_markdown_cell("# Part 1\n\n$$(a+b)^2 = a^2 + b^2$$"),
        nbformat.v4.new_markdown_cell("Then\n$$2 x = x + x$$\n$$x = \\frac{1}{$$"),
    ), encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Homework 1"
    assert [(s.cell, s.line, s.text) for s in doc.statements] == [
        (3, 3, "(a+b)^2 = a^2 + b^2"), (4, 2, "2 x = x + x"), (4, 3, "x = \\frac{1}{")]
    result = CliRunner().invoke(check, [str(path), "--format", "concise"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{path}:cell 3:3: invalid: `(a+b)^2 = a^2 + b^2`: the two sides differ: a missing "
        "term 2 a b on the right side; at a = 1, b = 1: left side = 4.0, right side = 2.0",
        f"{path}:cell 4:3: unparseable: `x = \\frac{{1}}{{`: a bracket or brace is opened but "
        "never closed",
    ]


def test_notebook_problems_name_their_cell(tmp_path: Path):
    path = tmp_path / "n.ipynb"
    path.write_text(notebook(nbformat.v4.new_markdown_cell("a\n$$a = \n\nb")), "utf-8")
    [problem] = read_document(path).problems
    assert (problem.cell, problem.line) == (1, 2)
    assert problem.describe().startswith("cell 1, line 2: error:")


def test_a_file_that_is_not_a_notebook(tmp_path: Path):
    path = tmp_path / "broken.ipynb"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="as a Jupyter notebook"):
        read_document(path)
    result = CliRunner().invoke(check, [str(path)])
    assert result.exit_code == 2
    assert "cannot check" in result.stderr and "Traceback" not in result.stderr
