"""Show checked documents: on a terminal, as JSON, as Markdown.

The checker produces `DocumentResult`s; this module only renders them. Every renderer
shows the same rows: one per link of each relation chain, in document order, with the
first invalid step of each derivation marked.

    >>> from symbolic.results import DocumentResult
    >>> render_json([DocumentResult(path=None, title="empty", steps=[])])[:37]
    '{\\n  "schema": "derivcheck/report-v1",'

The JSON report validates against the JSON Schema shipped in the package, `json_schema()`.
"""

from __future__ import annotations

import dataclasses
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
    style_of,
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
    "Row",
    "printable",
    "first_invalid_steps",
    "link_message",
    "link_rows",
    "json_schema",
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
    definitions = sum(link.method == Method.DEFINITION for step in document.steps
                      for link in step.claim.links)
    also = f" (and {plural(definitions, 'definition')})" if definitions else ""
    line = (f"{plural(links, 'checked link')}{also} in {plural(len(document.steps), 'step')}: "
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
class Row:
    """One link of one step, as every format shows it (`link_rows` makes them)."""

    line: str           # the step's line on its first row, empty on the rows after
    step: str           # the link's LaTeX, shortened
    verdict: Verdict
    message: str
    reading: str
    first_error: bool   # this link is where its derivation first goes wrong
    source_line: int = 0
    detail: str = ""    # a message of several lines (a quoted fragment and a caret), whole
    cell: int | None = None     # the notebook cell of the step, if it is in one
    kind: StepKind = StepKind.CLAIM
    method: Method = Method.NONE

    @property
    def checked(self) -> bool:
        """A link that was checked: not a definition, a binding or an update's first link."""
        return self.method != Method.DEFINITION

    @property
    def position(self) -> str:
        """`line 12`, or `cell 3, line 2`."""
        line = f"line {self.source_line}"
        return line if self.cell is None else f"cell {self.cell}, {line}"


def link_rows(document: DocumentResult, verbose: bool = False) -> Iterator[Row]:
    """One row per link of each step, in document order; a step without links gives one."""
    firsts = {id(step) for step in first_invalid_steps(document)}
    for step in document.steps:
        notes = list(step.claim.warnings) if verbose else []
        if not step.claim.links:
            yield Row(_where(step), _shorten(step.source), step.verdict,
                      _join([step.claim.message, *notes]), "", False, step.line, "",
                      step.cell, step.kind)
            continue
        marked = False
        for index, link in enumerate(step.claim.links):
            first_error = (id(step) in firsts and not marked
                           and link.verdict == Verdict.INVALID)
            marked = marked or first_error
            message = link_message(link, verbose) or _what_it_did(link, step)
            detail = link.message.strip("\n") if "\n" in link.message.strip() else ""
            yield Row(
                _where(step) if index == 0 else "",
                _link_latex(link, step, index),
                link.verdict,
                _join([message, *(notes if index == 0 else [])]),
                _shorten(link.reading) if link.reading else "",
                first_error,
                step.line,
                detail,
                step.cell,
                step.kind,
                link.method,
            )


def _where(step: StepResult) -> str:
    """The step's line, as the table's first column shows it: `12`, or `3:2` (cell:line)."""
    return str(step.line) if step.cell is None else f"{step.cell}:{step.line}"


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


def link_message(link: LinkResult, verbose: bool = False) -> str:
    """What a row says about a link: its message's first line, diagnosis, counterexample."""
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


def verdict_text(verdict: Verdict, method: Method | None = None) -> Text:
    """The coloured mark and word for a verdict: `✓ valid` in green, …; for a definition's
    link the neutral `≔ defines`."""
    return Text(verdict_label(verdict, method), style=style_of(verdict, method).terminal)


def render_text(results: list[DocumentResult], *, verbose: bool = False, quiet: bool = False,
                console: Console) -> None:
    """Print each document's problems, its summary, then the grand total, through `console`.

    Problems come first: a document's table lists the links that are not valid, and the
    valid ones are folded into a count under it (`verbose` lists every link).

        >>> from rich.console import Console
        >>> render_text([DocumentResult(None, "empty", [])], console=Console(width=100))
        empty
        no math found: nothing was checked
        Total: 1 document, 0 with errors; links: 0 valid, 0 invalid, 0 undecided, 0 unparseable

    Args:
        results: one per document, in the order to show them.
        verbose: list every link, valid ones too, with a "read as" column (how each link
            was read) and the line that reproduces each counterexample.
        quiet: print only the problems: no summaries, no total, nothing for a document
            without any.
        console: where to print; its colour settings decide whether colour is used.
    """
    shown_any = False
    for document in results:
        rows = list(link_rows(document, verbose))
        problems = rows if verbose else [_with_line(r) for r in rows
                                         if r.verdict != Verdict.VALID]
        if quiet and not problems and not document.warnings and not document.errors:
            continue
        if shown_any:
            console.print()
        shown_any = True
        heading = Text(printable(document.title), style="bold")
        if document.path and document.path != document.title:
            heading.append(f"  {printable(document.path)}", style="dim")
        console.print(heading)
        if problems:
            console.print(_table(problems, verbose))
            for row in problems:
                if row.detail:
                    console.print(Text(f"{row.position}: ", style="magenta")
                                  + Text(printable(row.detail)), soft_wrap=True)
        folded = _folded(rows, problems)
        if folded and not quiet:
            console.print(Text(folded, style="dim"))
        for error in document.errors:
            console.print(Text(f"error: {printable(error)}", style="red"))
        for warning in document.warnings:
            console.print(Text(f"warning: {printable(warning)}", style="yellow"))
        if not quiet:
            console.print(Text(printable(summarize(document)), style=_summary_style(document)))
    if not quiet:
        console.print(Text(f"Total: {_total_line(results)}", style="bold"))


def _with_line(row: Row) -> Row:
    """A row shown without the rows before it in its chain: it names its own line."""
    if row.line:
        return row
    line = str(row.source_line) if row.cell is None else f"{row.cell}:{row.source_line}"
    return dataclasses.replace(row, line=line)


def _folded(rows: list[Row], shown: list[Row]) -> str:
    """`12 valid links and 3 definitions not shown (-v shows them)`, or ""."""
    kept = {id(row) for row in shown}
    hidden = [row for row in rows if id(row) not in kept and row.verdict == Verdict.VALID]
    if len(shown) == len(rows) or not hidden:
        return ""
    links = sum(row.checked for row in hidden)
    definitions = len(hidden) - links
    parts = [plural(links, "valid link")] if links else []
    if definitions:
        parts.append(plural(definitions, "definition"))
    return f"{' and '.join(parts)} not shown (-v shows them)"


def _table(rows: list[Row], verbose: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("step", overflow="fold", max_width=STEP_WIDTH)
    table.add_column("verdict", no_wrap=True)
    if verbose:
        table.add_column("read as", overflow="fold", max_width=STEP_WIDTH)
    table.add_column("message", overflow="fold", min_width=20)
    for row in rows:
        message = Text()
        if row.first_error:
            message.append("first error: ", style="bold red")
        message.append(printable(row.message))
        cells = [Text(row.line), Text(printable(row.step)), verdict_text(row.verdict, row.method)]
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
    """The report as JSON: `{"schema", "version", "documents", "totals"}`, indented.

    Every report validates against `json_schema()`, the JSON Schema shipped with the
    package.
    """
    from symbolic import __version__

    payload = {
        "schema": SCHEMA,
        "version": __version__,
        "documents": [document.to_dict() for document in results],
        "totals": totals(results),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of the JSON report, as shipped in the package."""
    from importlib.resources import files

    text = files("symbolic").joinpath("schemas", "report-v1.schema.json").read_text("utf-8")
    return json.loads(text)


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
            for row in link_rows(document, verbose):
                message = _md_text(row.message)
                if row.first_error:
                    message = f"**first error:** {message}"
                cells = [row.line, _md_code(row.step), verdict_label(row.verdict)]
                if verbose:
                    cells.append(_md_code(row.reading) if row.reading else "")
                cells.append(message)
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
            for row in link_rows(document, verbose):
                if row.detail:
                    out += [f"{row.position}:", "", "```text", row.detail, "```", ""]
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
