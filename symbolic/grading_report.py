"""What `derivcheck grade` writes: a CSV and a JSON file with one entry per student, an HTML
index with a sortable table, and a feedback page per student.

    >>> from symbolic.grading_report import csv_columns
    >>> csv_columns(None)[:4]
    ['student', 'path', 'status', 'score']

The pages work offline: inline CSS, a few lines of plain JavaScript to sort the table, no
address named. A feedback page is the HTML report of `derivcheck check` for the student's
documents (`symbolic.html_report`) with the grade above it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence

from symbolic.grading import (
    ExpectedStatus,
    GradeStatus,
    GradingSettings,
    Reference,
    StudentGrade,
)
from symbolic.html_report import STYLE, math_html, render_html
from symbolic.presentation import VERDICT_ORDER
from symbolic.results import DocumentResult

__all__ = [
    "JSON_SCHEMA",
    "csv_columns",
    "csv_text",
    "feedback_page",
    "grades_json",
    "index_html",
    "page_names",
]

JSON_SCHEMA = "derivcheck-grades/1"
SCORE_DIGITS = 3

# How a grade's status looks: as a verdict badge's colours, with a word.
STATUS_CLASSES = {GradeStatus.GRADED: "v-valid", GradeStatus.UNREADABLE: "v-unparseable",
                  GradeStatus.FAILED: "v-undecided"}
EXPECTED_CLASSES = {ExpectedStatus.CORRECT: "v-valid", ExpectedStatus.WRONG: "v-invalid",
                    ExpectedStatus.UNDECIDED: "v-undecided", ExpectedStatus.MISSING: "missing"}


def score_text(score: float) -> str:
    """A score as the CSV and the pages print it: `0.875`."""
    return f"{score:.{SCORE_DIGITS}f}"


# --- CSV -----------------------------------------------------------------------------


def csv_columns(reference: Reference | None) -> list[str]:
    """The CSV's header: one column per verdict, and one per expected result."""
    columns = ["student", "path", "status", "score", "checked",
               *(str(v) for v in VERDICT_ORDER),
               "first_wrong_file", "first_wrong_line", "first_wrong_step",
               "first_wrong_message", "reason"]
    if reference is not None and reference.expected:
        columns += ["expected_reached", "expected_correct"]
        columns += [f"expected {n}: {e.lhs}" for n, e in enumerate(reference.expected, 1)]
    return columns


def _csv_row(grade: StudentGrade, reference: Reference | None) -> list[str]:
    first = grade.first_wrong
    row = [grade.student, grade.path, str(grade.status), score_text(grade.score),
           str(grade.checked), *(str(grade.counts.get(str(v), 0)) for v in VERDICT_ORDER),
           first.file if first else "", str(first.line) if first else "",
           first.step if first else "", first.message if first else "", grade.reason]
    if reference is not None and reference.expected:
        row.append(str(sum(e.status != ExpectedStatus.MISSING for e in grade.expected)))
        row.append(str(sum(e.status == ExpectedStatus.CORRECT for e in grade.expected)))
        row += [str(e.status) for e in grade.expected]
    return row


def csv_text(grades: Sequence[StudentGrade], reference: Reference | None) -> str:
    """The CSV: a header, then one row per student, in the order given."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_columns(reference))
    for grade in grades:
        writer.writerow(_csv_row(grade, reference))
    return buffer.getvalue()


# --- JSON ----------------------------------------------------------------------------


def grades_json(grades: Sequence[StudentGrade], settings: GradingSettings,
                pages: dict[str, str]) -> str:
    """The JSON file: the settings, then one entry per student, as the CSV but nested."""
    reference = settings.reference
    data = {
        "schema": JSON_SCHEMA,
        "score_rule": str(settings.rule),
        "reference": None if reference is None else {
            "path": reference.path,
            "expected": [{"lhs": e.lhs, "rhs": e.rhs, "line": e.line}
                         for e in reference.expected],
        },
        "students": [{**grade.to_dict(), "score": round(grade.score, SCORE_DIGITS),
                      "checked": grade.checked, "feedback": pages.get(grade.student, "")}
                     for grade in grades],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- pages ---------------------------------------------------------------------------


def page_names(students: Sequence[str]) -> dict[str, str]:
    """student id -> its feedback page's file name, safe and distinct on every system.

    >>> page_names(["Ann Lee", "ann_lee", "bo"])
    {'Ann Lee': 'Ann_Lee.html', 'ann_lee': 'ann_lee-2.html', 'bo': 'bo.html'}
    """
    names: dict[str, str] = {}
    taken: set[str] = set()
    for student in students:
        stem = re.sub(r"[^A-Za-z0-9._-]", "_", student).strip(".") or "student"
        candidate, n = stem, 1
        while candidate.casefold() in taken:   # macOS and Windows ignore case
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate.casefold())
        names[student] = f"{candidate}.html"
    return names


_GRADING_STYLE = """
.derivcheck .grade dl { display: grid; grid-template-columns: max-content auto;
  gap: 0.2em 1em; }
.derivcheck .grade dt { color: #59636e; }
.derivcheck .grade dd { margin: 0; }
.derivcheck .missing { color: #59636e; border-style: dashed; }
.derivcheck table.grades th[data-sort] { cursor: pointer; user-select: none; }
.derivcheck table.grades th[aria-sort=ascending]::after { content: " ▲"; }
.derivcheck table.grades th[aria-sort=descending]::after { content: " ▼"; }
.derivcheck table.grades td.message { max-width: 32em; }
"""

# Sorts the index's table by the clicked column: numbers as numbers, text as text.
_SORT_SCRIPT = """
document.querySelectorAll("table.grades").forEach(function (table) {
  var heads = table.querySelectorAll("thead th");
  heads.forEach(function (head, column) {
    head.addEventListener("click", function () {
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      var numeric = head.dataset.sort === "number";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
});
"""


def _page(title: str, body: str, script: str = "") -> str:
    script_tag = f"<script>{script}</script>" if script else ""
    return ("<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="derivcheck">'
            f"<title>{html.escape(title)}</title><style>{STYLE}{_GRADING_STYLE}"
            "body { margin: 1.5em auto; max-width: 90em; padding: 0 1em; }</style></head>"
            f'<body class="derivcheck"><header><h1>{html.escape(title)}</h1></header>'
            f"<main>{body}</main>{script_tag}</body></html>\n")


def _status_badge(status: GradeStatus) -> str:
    return f'<span class="badge {STATUS_CLASSES[status]}">{html.escape(str(status))}</span>'


def _expected_badge(status: ExpectedStatus) -> str:
    return f'<span class="badge {EXPECTED_CLASSES[status]}">{html.escape(str(status))}</span>'


def _where(file: str, line: int) -> str:
    return f"{file}:{line}" if file else f"line {line}"


def _cell(value: str | int | float, shown: str, css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return f'<td{attribute} data-value="{html.escape(str(value))}">{shown}</td>'


def index_html(grades: Sequence[StudentGrade], settings: GradingSettings,
               pages: dict[str, str], *, title: str = "derivcheck grades") -> str:
    """The class's index: a summary and a table, sortable by any column, one row per student.

    Args:
        grades: one per student, in the order to show them at first.
        settings: the run's settings (score rule, reference).
        pages: student id -> the feedback page's address, relative to the index.
    """
    reference = settings.reference
    expected = reference.expected if reference else ()
    heads = [("Student", "text"), ("Status", "text"), ("Score", "number"),
             *((f"{v}", "number") for v in VERDICT_ORDER), ("First wrong step", "text")]
    if expected:
        heads.append(("Expected results correct", "number"))
    header = "".join(f'<th scope="col" data-sort="{kind}">{html.escape(name)}</th>'
                     for name, kind in heads)
    rows = []
    for grade in grades:
        first = grade.first_wrong
        where = (f"{html.escape(_where(first.file, first.line))}: "
                 f"{html.escape(first.message)}" if first else
                 html.escape(grade.reason) if grade.reason else "—")
        link = f'<a href="{html.escape(pages[grade.student])}">{html.escape(grade.student)}</a>'
        cells = [_cell(grade.student, link), _cell(grade.status, _status_badge(grade.status)),
                 _cell(grade.score, score_text(grade.score), "num"),
                 *(_cell(grade.counts.get(str(v), 0), str(grade.counts.get(str(v), 0)), "num")
                   for v in VERDICT_ORDER),
                 _cell(f"{first.file}:{first.line:08d}" if first else "~", where, "message")]
        if expected:
            correct = sum(e.status == ExpectedStatus.CORRECT for e in grade.expected)
            cells.append(_cell(correct, f"{correct} of {len(expected)}", "num"))
        rows.append(f'<tr data-status="{grade.status}">{"".join(cells)}</tr>')
    graded = [g for g in grades if g.status == GradeStatus.GRADED]
    mean = sum(g.score for g in grades) / len(grades) if grades else 0.0
    facts = [f"{len(grades)} students, {len(graded)} graded, "
             f"{len(grades) - len(graded)} unreadable or failed; mean score "
             f"{score_text(mean)}.",
             f"Score rule: <code>{html.escape(str(settings.rule))}</code> — "
             + html.escape(_rule_sentence(settings)) + "."]
    if reference is not None:
        facts.append(f"Reference: <code>{html.escape(reference.path)}</code>"
                     + (", expected results: " + ", ".join(
                         f"{math_html(e.lhs)} = {math_html(e.rhs)}" for e in expected)
                        if expected else ""))
    body = ("".join(f"<p>{fact}</p>" for fact in facts)
            + '<p class="note">Click a column heading to sort by it.</p>'
            + '<div class="table-wrap"><table class="grades"><caption>Students</caption>'
            + f'<thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    return _page(title, body, _SORT_SCRIPT)


def _rule_sentence(settings: GradingSettings) -> str:
    if str(settings.rule) == "expected":
        return "the share of the expected results each student stated and got right"
    return ("the share of checked links that are valid; invalid, undecided and "
            "unparseable links count against it")


def feedback_page(grade: StudentGrade, results: Sequence[DocumentResult], *,
                  index: str = "../index.html") -> str:
    """A student's page: the grade, the expected results, then the report of each document."""
    facts = [("Status", _status_badge(grade.status)),
             ("Score", score_text(grade.score)),
             ("Submission", f'<span class="path">{html.escape(grade.path)}</span>')]
    if grade.reason:
        facts.append(("Why", html.escape(grade.reason)))
    if grade.first_wrong is not None:
        first = grade.first_wrong
        facts.append(("First wrong step", f"{html.escape(_where(first.file, first.line))}: "
                                          f"{math_html(first.step)}<br>"
                                          f"{html.escape(first.message)}"))
    facts.append(("Links checked", ", ".join(f"{grade.counts.get(str(v), 0)} {v}"
                                             for v in VERDICT_ORDER)))
    parts = [f'<p><a href="{html.escape(index)}">← All students</a></p>',
             '<section class="grade" aria-labelledby="grade-title">'
             '<h2 id="grade-title">Grade</h2><dl>'
             + "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
             + "</dl>"]
    if grade.expected:
        rows = "".join(
            f'<tr data-status="{e.status}"><td>{math_html(e.lhs)}</td>'
            f"<td>{_expected_badge(e.status)}</td>"
            f"<td>{html.escape(_where(e.file, e.line)) if e.line else '—'}</td>"
            f"<td>{html.escape(e.message)}</td></tr>" for e in grade.expected)
        parts.append('<div class="table-wrap"><table class="expected"><caption>Expected '
                     'results</caption><thead><tr><th scope="col">Result</th>'
                     '<th scope="col">Status</th><th scope="col">Stated at</th>'
                     f'<th scope="col">Why</th></tr></thead><tbody>{rows}</tbody></table>'
                     "</div>")
    if grade.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in grade.warnings)
        parts.append(f'<ul class="warnings" aria-label="files not read">{items}</ul>')
    parts.append("</section>")
    page = render_html(list(results), title=f"Feedback: {grade.student}",
                       intro_html="".join(parts))
    return page.replace("</style>", f"{_GRADING_STYLE}</style>", 1)
