"""Notebook display: claim_html, claim_latex, document_html."""

from __future__ import annotations

import re

from conftest import SIGN_SLIP, make_logistic_document

from symbolic.display import claim_html, claim_latex, document_html
from symbolic.html_report import STYLE
from symbolic.results import ClaimResult, LinkResult, Method, Verdict

VALID = LinkResult("x + x", "2 x", "=", Verdict.VALID, Method.PROVED)


def _balanced(latex: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\[{}]|[{}]", latex):
        if match.group(0) in ("{", "}"):
            depth += 1 if match.group(0) == "{" else -1
            if depth < 0:
                return False
    return depth == 0


def test_claim_latex_valid():
    assert claim_latex(ClaimResult("x + x = 2 x", [VALID])) == (
        r"$$\begin{aligned} x + x &= 2 x &&\text{✓ valid (proved)} \end{aligned}$$"
    )


def test_claim_latex_chain_has_one_row_per_link():
    second = LinkResult("2 x", r"x^2", "=", Verdict.UNDECIDED,
                        message="The time budget ran out.")
    latex = claim_latex(ClaimResult("x + x = 2 x = x^2", [VALID, second]))
    rows = latex.removeprefix(r"$$\begin{aligned} ").removesuffix(r" \end{aligned}$$")
    assert rows.split(r" \\ ") == [
        r"x + x &= 2 x &&\text{✓ valid (proved)}",
        r"2 x &= x^2 &&\text{? undecided: The time budget ran out.}",
    ]


def test_claim_latex_invalid_gives_diagnosis_and_counterexample():
    latex = claim_latex(ClaimResult("", [SIGN_SLIP]))
    assert latex.startswith(r"$$\begin{aligned} \frac{\partial L}{\partial w_1} &= (y - f) x_2 ")
    assert (r"\text{✗ invalid (counterexample): off by a factor of -1; at f = 1/2, y = 0, "
            r"x\_2 = 1: left side = 1/2, right side = -1/2}") in latex
    assert _balanced(latex)


def test_claim_latex_unparseable_shows_the_source_as_text():
    link = LinkResult(r"\frac{1}{", "50%", "=", Verdict.UNPARSEABLE,
                      message="A brace is never closed.")
    latex = claim_latex(ClaimResult("", [link]))
    assert latex == (
        r"$$\begin{aligned} &\backslash \text{frac\{1\}\{ = 50\%} "
        r"&&\text{⚠ unparseable: A brace is never closed.} \end{aligned}$$"
    )
    assert _balanced(latex)


def test_claim_latex_without_links():
    assert claim_latex(ClaimResult("x", [])) == (
        r"$$\begin{aligned} \text{? undecided: nothing to check} \end{aligned}$$"
    )


def test_claim_html_is_scoped_and_self_styled():
    out = claim_html(ClaimResult("x + x = 2 x", [VALID]))
    assert out.startswith(f'<div class="derivcheck"><style>{STYLE}</style>')
    assert out.endswith("</div>")
    assert "<caption>Claim: " in out and "✓</span> valid" in out
    assert out.count("<math") == 3  # lhs, relation, rhs
    assert "(proved)" in out


def test_claim_html_invalid_has_counterexample_and_diagnosis():
    out = claim_html(ClaimResult("", [VALID, SIGN_SLIP]))
    assert out.count("<tr data-verdict=") == 2
    assert "Diagnosis: off by a factor of -1" in out
    assert "<dt>left side</dt>" in out
    assert "✗</span> invalid</span></caption>" in out


def test_document_html_matches_the_report_section():
    doc = make_logistic_document()
    out = document_html(doc)
    assert out.startswith('<div class="derivcheck"><style>')
    assert ('<h3 id="doc-1-title" dir="auto">Logistic regression with binary cross-entropy'
            "</h3>") in out
    counts = dict(re.findall(r'data-verdict="(\w+)"><span class="icon" aria-hidden="true">.'
                             r'</span> <span class="n">(\d+)</span>', out))
    assert {k: int(v) for k, v in counts.items()} == doc.counts()
    assert "First wrong step of this derivation" in out
    assert "<h1" not in out and "<html" not in out
