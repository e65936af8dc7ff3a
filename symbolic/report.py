"""Show checked documents: on a terminal, as JSON, as Markdown.

The checker produces `DocumentResult`s; this module only renders them. Every renderer
shows the same rows: one per link of each relation chain, in document order, with the
first invalid step of each derivation marked.

    >>> from symbolic.results import DocumentResult
    >>> render_json([DocumentResult(path=None, title="empty", steps=[])])[:37]
    '{\\n  "schema": "derivcheck/report-v1",'

The JSON schema is documented field by field in docs/document-format.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from symbolic.presentation import (
    VERDICT_ORDER,
    VERDICT_STYLES,
    plural,
    total_counts,
    verdict_label,
)
from symbolic.results import (
    SEVERITY,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)

__all__ = [
    "SCHEMA",
    "printable",
    "first_invalid_steps",
    "render_json",
    "render_markdown",
    "render_text",
    "summarize",
    "totals",
]

SCHEMA = "derivcheck/report-v1"
STEP_WIDTH = 60  # characters of LaTeX shown per row; JSON always has all of it


# --- what every format shows ---------------------------------------------------------


def first_invalid_steps(document: DocumentResult) -> list[StepResult]:
    """The first invalid step of each derivation, in order.

    The checker's `first_invalid` flags are used when it set any; otherwise they are
    worked out from the verdicts.
    """
    flagged = [step for step in document.steps if step.first_invalid]
    if flagged:
        return flagged
    seen: set[int] = set()
    firsts = []
    for step in document.steps:
        if step.verdict == Verdict.INVALID and step.derivation not in seen:
            seen.add(step.derivation)
            firsts.append(step)
    return firsts


def totals(results: list[DocumentResult]) -> dict:
    """Counts over every document: the "totals" object of the JSON report."""
    verdicts = [document.verdict for document in results]
    return {
        "documents": len(results),
        "documents_with_errors": sum(v == Verdict.INVALID for v in verdicts),
        "documents_with_unparseable": sum(
            bool(document.errors)
            or any(step.verdict == Verdict.UNPARSEABLE for step in document.steps)
            for document in results),
        "steps": sum(len(document.steps) for document in results),
        "links": total_counts(results),
        "verdict": str(max(verdicts, key=SEVERITY.__getitem__, default=Verdict.VALID)),
    }


def summarize(document: DocumentResult) -> str:
    """One line: the document's link counts and where it first goes wrong.

        >>> summarize(DocumentResult(path=None, title="t", steps=[]))
        'no math found: nothing was checked'
    """
    if document.errors:
        unread = "some text could not be read (see the errors above)"
        return unread if not document.steps else f"{_counts_line(document)}; {unread}"
    if not document.steps:
        return "no math found: nothing was checked"
    return _counts_line(document)


def _counts_line(document: DocumentResult) -> str:
    counts = document.counts()
    links = sum(counts.values())
    line = (f"{plural(links, 'link')} in {plural(len(document.steps), 'step')}: "
            f"{_tally(counts)}")
    firsts = first_invalid_steps(document)
    if firsts:
        line += "; first error at line " + ", ".join(str(step.line) for step in firsts)
    elif counts[str(Verdict.UNPARSEABLE)]:
        unread = counts[str(Verdict.UNPARSEABLE)]
        line += f"; no step is wrong, but {plural(unread, 'link')} could not be read"
    return line


def _total_line(results: list[DocumentResult]) -> str:
    total = totals(results)
    line = (f"{plural(total['documents'], 'document')}, "
            f"{total['documents_with_errors']} with errors")
    if total["documents_with_unparseable"]:
        line += f", {total['documents_with_unparseable']} with steps that could not be read"
    return f"{line}; links: {_tally(total['links'])}"


def _tally(counts: dict[str, int]) -> str:
    """`3 valid, 1 invalid, 0 undecided, 0 unparseable`: links per verdict."""
    return ", ".join(f"{counts[str(v)]} {v}" for v in VERDICT_ORDER)


def _shorten(latex: str, width: int = STEP_WIDTH) -> str:
    latex = " ".join(latex.split())
    return latex if len(latex) <= width else latex[: width - 1] + "…"


@dataclass
class _Row:
    """One link of one step, as every format shows it."""

    line: str           # the step's line on its first row, empty on the rows after
    step: str           # the link's LaTeX, shortened
    verdict: Verdict
    message: str
    reading: str
    first_error: bool   # this link is where its derivation first goes wrong
    source_line: int = 0
    detail: str = ""    # a message of several lines (a quoted fragment and a caret), whole


def _rows(document: DocumentResult, verbose: bool) -> Iterator[_Row]:
    firsts = {id(step) for step in first_invalid_steps(document)}
    for step in document.steps:
        notes = list(step.claim.warnings) if verbose else []
        if not step.claim.links:
            yield _Row(str(step.line), _shorten(step.source), step.verdict,
                       _join([step.claim.message, *notes]), "", False, step.line)
            continue
        marked = False
        for index, link in enumerate(step.claim.links):
            first_error = (id(step) in firsts and not marked
                           and link.verdict == Verdict.INVALID)
            marked = marked or first_error
            message = _link_message(link, verbose) or _what_it_did(link, step)
            detail = link.message.strip("\n") if "\n" in link.message.strip() else ""
            yield _Row(
                str(step.line) if index == 0 else "",
                _link_latex(link, step, index),
                link.verdict,
                _join([message, *(notes if index == 0 else [])]),
                _shorten(link.reading) if link.reading else "",
                first_error,
                step.line,
                detail,
            )


def _what_it_did(link: LinkResult, step: StepResult) -> str:
    """The message of a link the checker said nothing about: its method, in words."""
    if link.method == Method.DEFINITION:
        verb = {StepKind.BINDING: "binds", StepKind.UPDATE: "updates"}.get(step.kind,
                                                                           "defines")
        return f"{verb} {_shorten(link.lhs, 30)}"
    return str(link.method)


def _link_latex(link: LinkResult, step: StepResult, index: int) -> str:
    if not link.relation:  # the chain could not be cut into sides
        return _shorten(link.lhs or step.source)
    if index == 0:
        return _shorten(f"{link.lhs} {link.relation} {link.rhs}")
    return _shorten(f"… {link.relation} {link.rhs}")


def _link_message(link: LinkResult, verbose: bool) -> str:
    # A message of several lines (a parse error quoting its fragment) is shown whole
    # under the table, where its caret lines up; its row carries its first line.
    parts = [link.message.strip().split("\n", 1)[0]]
    if link.diagnosis and link.diagnosis not in link.message:
        parts.append(link.diagnosis)
    if link.counterexample is not None:
        parts.append(link.counterexample.describe())
        if verbose and link.counterexample.reproduce:
            parts.append(f"reproduce: {link.counterexample.reproduce}")
    if verbose:
        parts.extend(f"note: {warning}" for warning in link.warnings)
    return _join(parts)


def _join(parts: list[str]) -> str:
    return "; ".join(part.strip() for part in parts if part and part.strip())


# --- terminal ------------------------------------------------------------------------


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control and escape characters written out (`\\x1b`), for a terminal.

    A document's text could otherwise move the cursor, recolour the terminal or reorder
    what is shown (bidirectional overrides).

        >>> printable("a\\x1b[2Jb")
        'a\\\\x1b[2Jb'
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def verdict_text(verdict: Verdict) -> Text:
    """The coloured mark and word for a verdict: `✓ valid` in green, …"""
    return Text(verdict_label(verdict), style=VERDICT_STYLES[verdict].terminal)


def render_text(results: list[DocumentResult], *, verbose: bool = False,
                console: Console) -> None:
    """Print each document's table, its summary, then the grand total, through `console`.

        >>> from rich.console import Console
        >>> render_text([DocumentResult(None, "empty", [])], console=Console(width=100))
        empty
        no math found: nothing was checked
        Total: 1 document, 0 with errors; links: 0 valid, 0 invalid, 0 undecided, 0 unparseable

    Args:
        results: one per document, in the order to show them.
        verbose: add a "read as" column: how each link was read.
        console: where to print; its colour settings decide whether colour is used.
    """
    for number, document in enumerate(results):
        if number:
            console.print()
        heading = Text(printable(document.title), style="bold")
        if document.path and document.path != document.title:
            heading.append(f"  {printable(document.path)}", style="dim")
        console.print(heading)
        if document.steps:
            console.print(_table(document, verbose))
            for row in _rows(document, verbose):
                if row.detail:
                    console.print(Text(f"line {row.source_line}: ", style="magenta")
                                  + Text(printable(row.detail)), soft_wrap=True)
        for error in document.errors:
            console.print(Text(f"error: {printable(error)}", style="red"))
        for warning in document.warnings:
            console.print(Text(f"warning: {printable(warning)}", style="yellow"))
        console.print(Text(printable(summarize(document)), style=_summary_style(document)))
    console.print(Text(f"Total: {_total_line(results)}", style="bold"))


def _table(document: DocumentResult, verbose: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("step", overflow="fold", max_width=STEP_WIDTH)
    table.add_column("verdict", no_wrap=True)
    if verbose:
        table.add_column("read as", overflow="fold", max_width=STEP_WIDTH)
    table.add_column("message", overflow="fold", min_width=20)
    for row in _rows(document, verbose):
        message = Text()
        if row.first_error:
            message.append("first error: ", style="bold red")
        message.append(printable(row.message))
        cells = [Text(row.line), Text(printable(row.step)), verdict_text(row.verdict)]
        if verbose:
            cells.append(Text(printable(row.reading), style="dim"))
        cells.append(message)
        table.add_row(*cells)
    return table


def _summary_style(document: DocumentResult) -> str:
    # Only a summary that needs the reader's attention is coloured, in its verdict's colour.
    if document.verdict in (Verdict.INVALID, Verdict.UNPARSEABLE):
        return VERDICT_STYLES[document.verdict].terminal
    return ""


# --- JSON ----------------------------------------------------------------------------


def render_json(results: list[DocumentResult]) -> str:
    """The report as JSON: `{"schema", "documents", "totals"}`, indented, UTF-8 text."""
    payload = {
        "schema": SCHEMA,
        "documents": [document.to_dict() for document in results],
        "totals": totals(results),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


# --- Markdown ------------------------------------------------------------------------

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_|<>[]~#"})


def render_markdown(results: list[DocumentResult], *, verbose: bool = False) -> str:
    """The report as Markdown: a heading and a table per document, then the totals."""
    out = ["# derivcheck report", ""]
    for document in results:
        out.append(f"## {_md_text(document.title)}")
        out.append("")
        if document.path:
            out += [_md_code(document.path), ""]
        if document.steps:
            header = ["line", "step", "verdict", *(["read as"] if verbose else []), "message"]
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "|".join("---:" if h == "line" else "---" for h in header) + "|")
            for row in _rows(document, verbose):
                message = _md_text(row.message)
                if row.first_error:
                    message = f"**first error:** {message}"
                cells = [row.line, _md_code(row.step), verdict_label(row.verdict)]
                if verbose:
                    cells.append(_md_code(row.reading) if row.reading else "")
                cells.append(message)
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
            for row in _rows(document, verbose):
                if row.detail:
                    out += [f"line {row.source_line}:", "", "```text", row.detail, "```", ""]
        for warning in document.warnings:
            out += [f"> warning: {_md_text(warning)}", ""]
        out += [_md_text(summarize(document)), ""]
    out += ["## Total", "", _md_text(_total_line(results)), ""]
    return "\n".join(out)


def _md_text(text: str) -> str:
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)


def _md_code(text: str) -> str:
    """A code span that survives a table cell: pipes escaped, backticks fenced."""
    text = " ".join(text.split()).replace("|", "\\|")
    if not text:
        return ""
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"
