r"""Reports for editors and CI: concise `path:line:` lines, GitHub annotations, JUnit XML.

Each format lists problems — links that are invalid, undecided or could not be read, and
what went wrong while reading a document — as the tool that reads it expects:

- `render_concise`: one line per problem, `path:line: verdict: message` (a notebook's
  position is `path:cell N:line:`, as ruff writes it), then one summary line;
- `render_github`: GitHub Actions workflow commands, `::error file=…,line=…::message`,
  which the job's page shows on the lines of the pull request;
- `render_junit`: JUnit XML, one test case per checked link, which CI servers show as a
  test report.

    >>> from symbolic.results import *
    >>> link = LinkResult("2 x", "x", "=", Verdict.INVALID, Method.COUNTEREXAMPLE,
    ...                   "the two sides differ")
    >>> step = StepResult(3, "2 x = x", StepKind.CLAIM, ClaimResult("2 x = x", [link]))
    >>> print(render_concise([DocumentResult("a.md", "A", [step])]))
    a.md:3: invalid: `2 x = x`: the two sides differ
    Found 1 problem (1 invalid) in 1 document; 0 links are valid.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from symbolic.presentation import VERDICT_ORDER, VERDICT_STYLES, plural
from symbolic.report import link_rows
from symbolic.results import DocumentResult, Verdict

__all__ = ["Finding", "findings", "render_concise", "render_github", "render_junit"]

_WARNING_POSITION = re.compile(r"(?:cell (\d+), )?line (\d+): (.*)", re.S)
_ANSI = {"green": "32", "red": "31", "yellow": "33", "magenta": "35"}


@dataclass(frozen=True)
class Finding:
    """One problem in one document, where it is, and what it is."""

    path: str
    line: int
    cell: int | None
    severity: str       # a verdict ("invalid", "undecided", "unparseable") or "warning"
    message: str

    def location(self) -> str:
        """`path:12`, or `path:cell 3:2` in a notebook."""
        if self.cell is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:cell {self.cell}:{self.line}"


def _path(document: DocumentResult) -> str:
    return document.path or "<text>"


def findings(document: DocumentResult) -> list[Finding]:
    """The problems of one document, in line order: its warnings, then its links."""
    path = _path(document)
    found = []
    for warning in document.warnings:
        position = _WARNING_POSITION.fullmatch(warning)
        if position:
            cell, line, text = position.groups()
            found.append(Finding(path, int(line), int(cell) if cell else None, "warning", text))
        else:
            found.append(Finding(path, 1, None, "warning", warning))
    for row in link_rows(document):
        if row.verdict != Verdict.VALID:
            step = f"`{row.step}`: " if row.step else ""
            found.append(Finding(path, row.source_line, row.cell, str(row.verdict),
                                 f"{step}{row.message}"))
    return sorted(found, key=lambda f: (f.cell or 0, f.line))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- concise -------------------------------------------------------------------------


def render_concise(results: list[DocumentResult], *, color: bool = False,
                   quiet: bool = False) -> str:
    """One line per problem, `path:line: verdict: message`, then a summary line.

    Args:
        results: the checked documents.
        color: colour each verdict word with ANSI codes, in its verdict's colour.
        quiet: leave out the summary line.
    """
    lines = []
    for document in results:
        for finding in findings(document):
            severity = finding.severity
            if color:
                style = VERDICT_STYLES[Verdict(severity)].terminal if severity in {
                    str(v) for v in Verdict} else "yellow"
                severity = f"\x1b[{_ANSI[style]}m{severity}\x1b[0m"
            lines.append(f"{finding.location()}: {severity}: {_one_line(finding.message)}")
    if not quiet:
        lines.append(summary_line(results))
    return "\n".join(lines)


def summary_line(results: list[DocumentResult]) -> str:
    """`Found 3 problems (2 invalid, 1 unparseable) in 2 documents; 40 links are valid.`"""
    counts = {str(v): 0 for v in VERDICT_ORDER}
    for document in results:
        for verdict, n in document.counts().items():
            counts[verdict] += n
    valid = counts.pop(str(Verdict.VALID))
    problems = sum(counts.values())
    documents = plural(len(results), "document")
    valid_text = f"{plural(valid, 'link')} {'is' if valid == 1 else 'are'} valid"
    if not problems:
        return f"No problems in {documents}; {valid_text}."
    tally = ", ".join(f"{n} {verdict}" for verdict, n in counts.items() if n)
    return f"Found {plural(problems, 'problem')} ({tally}) in {documents}; {valid_text}."


# --- GitHub Actions ------------------------------------------------------------------

_GITHUB_COMMAND = {"invalid": "error", "unparseable": "error", "undecided": "warning",
                   "warning": "warning"}


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: list[DocumentResult]) -> str:
    """GitHub Actions workflow commands: one `::error` or `::warning` line per problem.

    Invalid and unreadable links are errors, undecided links and reading problems are
    warnings. A notebook's cell is named in the title, since GitHub counts lines of the
    notebook's JSON.
    """
    lines = []
    for document in results:
        for finding in findings(document):
            command = _GITHUB_COMMAND[finding.severity]
            title = f"derivcheck: {finding.severity}"
            properties = [f"file={_github_property(finding.path)}"]
            if finding.cell is None:
                properties.append(f"line={finding.line}")
            else:
                title += f" (cell {finding.cell}, line {finding.line})"
            properties.append(f"title={_github_property(title)}")
            lines.append(f"::{command} {','.join(properties)}::"
                         f"{_github_data(_one_line(finding.message))}")
    return "\n".join(lines)


# --- JUnit XML -----------------------------------------------------------------------

# Characters XML 1.0 cannot hold at all, even escaped (OCR output has some).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(results: list[DocumentResult]) -> str:
    """JUnit XML: a test suite per document, a test case per checked link.

    An invalid link is a failure, a link that could not be read an error, an undecided
    link is skipped (neither passed nor failed); definitions are not test cases.
    """
    suites = ElementTree.Element("testsuites", name="derivcheck")
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for document in results:
        path = _path(document)
        suite = ElementTree.SubElement(suites, "testsuite", name=_xml_text(path))
        tally = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for row in link_rows(document, verbose=True):
            if not row.checked:
                continue
            tally["tests"] += 1
            case = ElementTree.SubElement(
                suite, "testcase", classname=_xml_text(path),
                name=_xml_text(f"{row.position}: {row.step}"), file=_xml_text(path),
                line=str(row.source_line))
            message = _xml_text(_one_line(row.message))
            if row.verdict == Verdict.INVALID:
                tally["failures"] += 1
                failure = ElementTree.SubElement(case, "failure", type="invalid",
                                                 message=message)
                failure.text = _xml_text(row.message)
            elif row.verdict == Verdict.UNPARSEABLE:
                tally["errors"] += 1
                error = ElementTree.SubElement(case, "error", type="unparseable",
                                               message=message)
                error.text = _xml_text(row.detail or row.message)
            elif row.verdict == Verdict.UNDECIDED:
                tally["skipped"] += 1
                ElementTree.SubElement(case, "skipped", message=f"undecided: {message}")
        if document.warnings:
            err = ElementTree.SubElement(suite, "system-err")
            err.text = _xml_text("\n".join(f"warning: {w}" for w in document.warnings))
        for key, value in tally.items():
            suite.set(key, str(value))
            total[key] += value
    for key, value in total.items():
        suites.set(key, str(value))
    ElementTree.indent(suites)
    body = ElementTree.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body
