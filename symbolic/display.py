r"""Rich display of results in notebooks: the `_repr_html_` / `_repr_latex_` bodies.

    >>> from symbolic.results import ClaimResult, LinkResult, Method, Verdict
    >>> r = ClaimResult("x + x = 2 x", [LinkResult("x + x", "2 x", "=", Verdict.VALID,
    ...                                            Method.PROVED)])
    >>> print(claim_latex(r))
    $$\begin{aligned} x + x &= 2 x &&\text{✓ valid (proved)} \end{aligned}$$

The HTML reuses the report's pieces (`symbolic.html_report`), with its style inline and
scoped to a `.derivcheck` element, so an output looks the same in a notebook as in a
report and leaves the notebook's own style alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from symbolic.html_report import STYLE, claim_table, document_section, verdict_badge
from symbolic.presentation import verdict_label
from symbolic.verdicts import Method, Verdict

if TYPE_CHECKING:
    from symbolic.results import ClaimResult, DocumentResult, LinkResult

__all__ = ["claim_html", "claim_latex", "document_html"]


def _scoped(body: str) -> str:
    return f'<div class="derivcheck"><style>{STYLE}</style>{body}</div>'


def claim_html(result: ClaimResult) -> str:
    """A claim as an HTML table, one row per link, for `ClaimResult._repr_html_`."""
    return _scoped(claim_table(result, caption=f"Claim: {verdict_badge(result.verdict)}"))


def document_html(result: DocumentResult, index: int = 1) -> str:
    """A document's steps as the report shows them, for `DocumentResult._repr_html_`."""
    return _scoped(document_section(result, index, heading_level=3))


def claim_latex(result: ClaimResult) -> str:
    """A claim as display LaTeX, one aligned row per link with its verdict beside it."""
    rows = [_link_latex(link) for link in result.links]
    if not rows:
        rows = [_text(f"{verdict_label(result.verdict)}: {result.message}")]
    return "$$\\begin{aligned} " + " \\\\ ".join(rows) + " \\end{aligned}$$"


def _link_latex(link: LinkResult) -> str:
    note = verdict_label(link.verdict, link.method)
    if link.method not in (Method.NONE, Method.DEFINITION):
        note += f" ({link.method})"
    if link.verdict == Verdict.INVALID:
        if link.diagnosis:
            note += f": {link.diagnosis}"
        if link.counterexample is not None:
            note += f"; {link.counterexample.describe()}"
    elif link.verdict != Verdict.VALID and link.message:
        note += f": {link.message}"
    if link.verdict == Verdict.UNPARSEABLE:
        # LaTeX that could not be read may not typeset either: show it as text.
        formula = _text(f"{link.lhs} {link.relation} {link.rhs}")
        return f"&{formula} &&{_text(note)}"
    return f"{link.lhs} &{link.relation} {link.rhs} &&{_text(note)}"


# Characters that mean something inside \text{...}; a backslash is set in math mode.
_TEXT_ESCAPES = {c: "\\" + c for c in "{}$&#%_"} | {"^": "\\^{}", "~": "\\~{}"}


def _text(words: str) -> str:
    """Plain words as LaTeX `\\text{...}` pieces, whatever characters they hold."""
    pieces = []
    for piece in words.split("\\"):
        escaped = "".join(_TEXT_ESCAPES.get(c, c) for c in piece)
        pieces.append(f"\\text{{{escaped}}}" if escaped else "")
    return "\\backslash ".join(pieces)
