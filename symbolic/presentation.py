"""What every report format shares: how a verdict looks, the order verdicts are listed in.

The terminal and Markdown reports (`symbolic.report`), the HTML page and the notebook
display (`symbolic.html_report`, `symbolic.display`) all mark a verdict by the same
symbol beside its word, so that it is never told by colour alone:

    >>> from symbolic.results import Verdict
    >>> verdict_label(Verdict.INVALID)
    '✗ invalid'
    >>> VERDICT_STYLES[Verdict.INVALID].terminal
    'red'

A new verdict is one row of `VERDICT_STYLES`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from symbolic.verdicts import Method, Verdict

if TYPE_CHECKING:
    from symbolic.results import DocumentResult

__all__ = [
    "VERDICT_ORDER",
    "VERDICT_STYLES",
    "DEFINITION_STYLE",
    "style_of",
    "VerdictStyle",
    "plural",
    "total_counts",
    "verdict_label",
]


@dataclass(frozen=True)
class VerdictStyle:
    """How one verdict is shown, in every format."""

    symbol: str         # before the word, everywhere
    terminal: str       # a rich colour name
    colour: str         # the HTML badge's text colour, CSS
    background: str     # and its background


VERDICT_STYLES: dict[Verdict, VerdictStyle] = {
    Verdict.VALID: VerdictStyle("✓", "green", "#116329", "#dafbe1"),
    Verdict.INVALID: VerdictStyle("✗", "red", "#a40e26", "#ffebe9"),
    Verdict.UNDECIDED: VerdictStyle("?", "yellow", "#7d4e00", "#fff8c5"),
    Verdict.UNPARSEABLE: VerdictStyle("⚠", "magenta", "#6639ba", "#fbefff"),
}

# A definition, binding or update is no verdict: it is shown in a neutral style of its own,
# never as ✓ valid, and it is not counted among the links (`DocumentResult.counts`).
DEFINITION_STYLE = VerdictStyle("≔", "blue", "#0550ae", "#ddf4ff")
DEFINITION_WORD = "defines"

# The order verdicts are listed in: tallies, counts, table columns.
VERDICT_ORDER = (Verdict.VALID, Verdict.INVALID, Verdict.UNDECIDED, Verdict.UNPARSEABLE)


def verdict_label(verdict: Verdict | str, method: Method | str | None = None) -> str:
    """The verdict's symbol and word: `✓ valid`; a definition's link: `≔ defines`."""
    if method == Method.DEFINITION:
        return f"{DEFINITION_STYLE.symbol} {DEFINITION_WORD}"
    verdict = Verdict(verdict)
    return f"{VERDICT_STYLES[verdict].symbol} {verdict}"


def style_of(verdict: Verdict | str, method: Method | str | None = None) -> VerdictStyle:
    """How a link is shown: its verdict's style, or the neutral one of a definition."""
    return DEFINITION_STYLE if method == Method.DEFINITION else VERDICT_STYLES[Verdict(verdict)]


def total_counts(results: Iterable[DocumentResult]) -> dict[str, int]:
    """`DocumentResult.counts()` summed over documents: links per verdict."""
    tally = {str(v): 0 for v in VERDICT_ORDER}
    for result in results:
        for verdict, n in result.counts().items():
            tally[verdict] = tally.get(verdict, 0) + n
    return tally


def plural(count: int, noun: str) -> str:
    """`1 link`, `2 links`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
