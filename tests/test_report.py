"""Rendering results: terminal tables, the JSON report and its documented schema, Markdown."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from conftest import report_json
from rich.console import Console

import symbolic
from symbolic.report import (
    SCHEMA,
    first_invalid_steps,
    render_json,
    render_markdown,
    render_text,
    summarize,
    totals,
    verdict_text,
)
from symbolic.results import (
    ClaimResult,
    Counterexample,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"


def link(lhs: str, rhs: str, verdict: Verdict, **kw) -> LinkResult:
    return LinkResult(lhs=lhs, rhs=rhs, relation=kw.pop("relation", "="), verdict=verdict,
                      **kw)


def step(line: int, links: list[LinkResult], *, kind: StepKind = StepKind.CLAIM,
         derivation: int = 0, source: str = "", first_invalid: bool = False,
         warnings: list[str] | None = None) -> StepResult:
    if not source:
        source = " = ".join([links[0].lhs] + [lk.rhs for lk in links]) if links else ""
    claim = ClaimResult(source=source, links=links, warnings=warnings or [])
    return StepResult(line=line, source=source, kind=kind, claim=claim,
                      derivation=derivation, first_invalid=first_invalid)


SIGN_SLIP = link(
    r"\frac{\partial L}{\partial w}", r"(y - f) x", Verdict.INVALID,
    method=Method.COUNTEREXAMPLE, message="the sides differ",
    diagnosis="off by a factor of -1", diagnosis_kind="sign",
    counterexample=Counterexample({"x": "1", "y": "0", "f": "1/2"}, "1/2", "-1/2",
                                  reproduce='symbolic.check_claim("(y - f) x = (f - y) x")'),
    reading=r"\left(f - y\right) x",
)


def logistic() -> DocumentResult:
    """A document with every kind of step and verdict, in two derivations."""
    return DocumentResult(
        path="notes/logistic.md",
        title="Logistic regression",
        steps=[
            step(3, [link("z", "w x + b", Verdict.VALID, method=Method.DEFINITION)],
                 kind=StepKind.DEFINITION),
            step(4, [link("w", "0.5", Verdict.VALID, method=Method.DEFINITION)],
                 kind=StepKind.BINDING),
            step(6, [
                link(r"\frac{\partial L}{\partial f}", r"\frac{-y}{f} + \frac{1-y}{1-f}",
                     Verdict.VALID, method=Method.PROVED, reading=r"\frac{f - y}{f(1-f)}"),
                link(r"\frac{-y}{f} + \frac{1-y}{1-f}", r"\frac{f-y}{f(1-f)}",
                     Verdict.VALID, method=Method.SAMPLED, message="agrees at 64 points"),
            ]),
            step(8, [SIGN_SLIP]),
            step(9, [link("a", "b", Verdict.INVALID, method=Method.COUNTEREXAMPLE,
                          counterexample=Counterexample({"a": "0", "b": "1"}, "0", "1"))]),
            step(11, [link(r"\sigma(7.5)", "0.99944", Verdict.UNDECIDED,
                           message="ran out of time")], derivation=1),
            step(12, [link(r"x = \frac{1}{", "", Verdict.UNPARSEABLE, relation="",
                           message="a brace opened at column 11 is never closed")],
                 derivation=1, source=r"x = \frac{1}{"),
            step(13, [
                link("w", r"w - \alpha g", Verdict.VALID, method=Method.DEFINITION),
                link(r"w - \alpha g", "0.4", Verdict.INVALID, method=Method.NUMERIC,
                     message="the exact value is 0.45"),
            ], kind=StepKind.UPDATE, derivation=1, warnings=["alpha has no value"]),
        ],
        warnings=["unknown convention `logs`"],
    )


def clean() -> DocumentResult:
    return DocumentResult(path="clean.md", title="clean", steps=[
        step(1, [link(r"\frac{d}{dx} x^2", "2x", Verdict.VALID, method=Method.PROVED)])])


def unreadable_only() -> DocumentResult:
    return DocumentResult(path="ocr.md", title="ocr", steps=[
        step(2, [link("6(7.5)", "", Verdict.UNPARSEABLE, relation="",
                      message="cannot read `6(`")], source="6(7.5)")])


def plain(results: list[DocumentResult], **kw) -> str:
    out = io.StringIO()
    render_text(results, console=Console(file=out, width=200, color_system=None), **kw)
    return out.getvalue()


def table_rows(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"\s*\d*\s+\S", line)]


# --- shared facts ----------------------------------------------------------------------


def test_first_invalid_step_of_each_derivation_from_verdicts():
    doc = logistic()
    assert [s.line for s in first_invalid_steps(doc)] == [8, 13]


def test_first_invalid_flags_of_the_checker_win():
    doc = logistic()
    doc = dataclasses.replace(doc, steps=[dataclasses.replace(s, first_invalid=k == 4)
                                          for k, s in enumerate(doc.steps)])
    assert [s.line for s in first_invalid_steps(doc)] == [9]


def test_totals():
    assert totals([logistic(), clean(), unreadable_only()]) == {
        "documents": 3,
        "documents_with_errors": 1,
        "documents_with_unparseable": 2,
        "steps": 10,
        # definitions are no verdicts: not counted among the links
        "links": {"valid": 3, "invalid": 3, "undecided": 1, "unparseable": 2},
        "verdict": "invalid",
    }
    assert totals([])["verdict"] == "valid"


def test_summary_lines():
    assert summarize(logistic()) == (
        "7 checked links (and 3 definitions) in 8 steps: 2 valid, 3 invalid, 1 undecided, "
        "1 unparseable; first error at line 8, 13")
    assert summarize(clean()) == ("1 checked link in 1 step: 1 valid, 0 invalid, 0 undecided, "
                                  "0 unparseable")
    assert summarize(unreadable_only()).endswith(
        "no step is wrong, but 1 link could not be read")


# --- terminal --------------------------------------------------------------------------


def test_text_lists_problems_and_folds_valid_links_into_a_count():
    out = plain([logistic()])
    rows = table_rows(out)
    assert not any("✓ valid" in r for r in rows)
    assert any("✗ invalid" in r for r in rows)
    follow = next(r for r in rows if r"… = 0.4" in r)
    assert re.match(r"\s*13\s", follow)   # shown without its chain, it names its line
    assert "2 valid links and 3 definitions not shown (-v shows them)" in out


def test_quiet_text_shows_only_problems():
    out = plain([logistic(), clean()], quiet=True)
    assert "Total" not in out and "clean" not in out and "✗ invalid" in out
    assert plain([clean()], quiet=True) == ""


def test_verbose_text_has_a_row_per_link_with_line_step_verdict_message():
    out = plain([logistic()], verbose=True)
    assert "Logistic regression  notes/logistic.md" in out
    rows = table_rows(out)
    chain = [r for r in rows if r"\frac{\partial L}{\partial f} =" in r or "… =" in r]
    assert len(chain) >= 2
    assert re.match(r"\s*6\s", chain[0])
    assert "✓ valid" in chain[0] and "proved" in chain[0]
    follow = next(r for r in rows if r"… = \frac{f-y}{f(1-f)}" in r)
    assert not re.match(r"\s*\d", follow)  # the line is shown once per step
    assert "agrees at 64 points" in follow


def test_text_shows_diagnosis_and_counterexample_and_marks_first_errors():
    out = plain([logistic()])
    sign = next(r for r in table_rows(out) if "(y - f) x" in r)
    assert "✗ invalid" in sign
    assert "first error: the sides differ; off by a factor of -1; " in sign
    assert "at x = 1, y = 0, f = 1/2: left side = 1/2, right side = -1/2" in sign
    second = next(r for r in table_rows(out) if re.match(r"\s*9\s", r))
    assert "first error" not in second
    update = [r for r in table_rows(out) if "0.4" in r and "invalid" in r]
    assert "first error: " in update[0]


def test_text_shows_unparseable_reason_and_kinds():
    out = plain([logistic()], verbose=True)
    assert re.search(r"x = \\frac\{1\}\{\s+⚠ unparseable\s+a brace opened", out)
    assert "? undecided" in out and "ran out of time" in out
    assert "defines z" in out and "binds w" in out and "updates w" in out
    assert "[definition]" not in out
    assert "warning: unknown convention `logs`" in out


PARSE_ERROR = "this '{' is never closed\n    x = \\frac{1}{\n              ^\nAdd the matching '}'."


def test_a_message_of_several_lines_is_shown_whole_under_the_table():
    doc = DocumentResult("p.md", "p", [
        step(7, [link(r"x = \frac{1}{", "", Verdict.UNPARSEABLE, relation="",
                      message=PARSE_ERROR)], source=r"x = \frac{1}{")])
    out = plain([doc])
    [row] = [r for r in table_rows(out) if "⚠ unparseable" in r]
    assert row.rstrip().endswith("this '{' is never closed")
    assert "line 7: " + PARSE_ERROR in out  # the caret still under the brace
    md = render_markdown([doc])
    assert "```text\n" + PARSE_ERROR + "\n```" in md
    assert "| 7 | `x = \\frac{1}{` | ⚠ unparseable | this '{' is never closed |" in md


def test_text_summary_and_grand_total():
    out = plain([logistic(), clean(), unreadable_only()])
    assert "first error at line 8, 13" in out
    assert "no step is wrong, but 1 link could not be read" in out
    assert out.rstrip().splitlines()[-1] == (
        "Total: 3 documents, 1 with errors, 2 with steps that could not be read; "
        "links: 3 valid, 3 invalid, 1 undecided, 2 unparseable")


def test_verbose_adds_read_as_reproduction_and_notes():
    quiet, loud = plain([logistic()]), plain([logistic()], verbose=True)
    assert "read as" not in quiet and "read as" in loud
    assert r"\left(f - y\right) x" in loud and r"\left(f - y\right) x" not in quiet
    assert "reproduce: symbolic.check_claim(" in loud and "reproduce:" not in quiet
    assert "alpha has no value" in loud and "alpha has no value" not in quiet


def test_long_latex_is_shortened_in_the_table():
    long = "+".join(f"x_{{{i}}}" for i in range(100))
    doc = DocumentResult("long.md", "long", [step(1, [link("s", long, Verdict.VALID)])])
    out = plain([doc], verbose=True)
    assert "…" in out and long not in out
    assert long in render_json([doc])


def test_latex_brackets_are_not_rich_markup():
    doc = DocumentResult(None, "[bold]title[/bold]", [
        step(1, [link(r"\left[a\right]", "[red]b[/red]", Verdict.VALID)])])
    out = plain([doc], verbose=True)
    assert "[bold]title[/bold]" in out
    assert r"\left[a\right] = [red]b[/red]" in out


def test_verdicts_are_coloured():
    assert [(verdict_text(v).plain, str(verdict_text(v).style)) for v in Verdict] == [
        ("✓ valid", "green"), ("✗ invalid", "red"), ("? undecided", "yellow"),
        ("⚠ unparseable", "magenta")]
    out = io.StringIO()
    render_text([clean()], verbose=True, console=Console(file=out, force_terminal=True,
                                           color_system="standard", width=120))
    assert "\x1b[32m✓ valid" in out.getvalue()


def test_every_verdict_has_one_style_shared_by_every_format():
    from symbolic.html_report import verdict_badge
    from symbolic.presentation import VERDICT_ORDER, VERDICT_STYLES, verdict_label

    assert set(VERDICT_STYLES) == set(VERDICT_ORDER) == set(Verdict)
    for verdict, style in VERDICT_STYLES.items():
        assert verdict_text(verdict).plain == verdict_label(verdict) == f"{style.symbol} {verdict}"
        assert style.symbol in verdict_badge(verdict)


def test_a_document_without_math():
    out = plain([DocumentResult("empty.md", "empty", [])])
    assert "no math found" in out and "line" not in out


# --- JSON ------------------------------------------------------------------------------


def test_json_schema_and_totals():
    data = report_json(render_json([logistic(), clean()]))
    assert list(data) == ["schema", "version", "documents", "totals"]
    assert data["version"] == symbolic.__version__ != "0+unknown"
    assert data["schema"] == SCHEMA == "derivcheck/report-v1"
    assert [d["path"] for d in data["documents"]] == ["notes/logistic.md", "clean.md"]
    assert data["totals"] == totals([logistic(), clean()])
    sign = data["documents"][0]["steps"][3]
    assert sign["verdict"] == "invalid" and sign["line"] == 8
    assert sign["links"][0]["counterexample"]["point"] == {"x": "1", "y": "0", "f": "1/2"}
    assert sign["links"][0]["diagnosis_kind"] == "sign"


def test_json_keeps_unicode_and_is_stable():
    doc = DocumentResult("ف.md", "σ-شبکه", [])
    text = render_json([doc])
    assert "σ-شبکه" in text
    assert text == render_json([doc])


def _documented_keys() -> dict[str, set[str]]:
    """From docs/document-format.md, "JSON report": the keys of each object's table."""
    text = (DOCS / "document-format.md").read_text(encoding="utf-8")
    section = text.split("## JSON report", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, set[str]] = {}
    for block in re.split(r"\n### ", section)[1:]:
        name = block.split("\n", 1)[0].strip().strip("`")
        keys = re.findall(r"^\|\s*`([a-z_]+)`\s*\|", block, re.M)
        tables[name] = set(keys)
    return tables


def test_json_matches_the_documented_schema_key_for_key():
    documented = _documented_keys()
    data = report_json(render_json([logistic(), unreadable_only()]))
    document = data["documents"][0]
    steps = document["steps"]
    links = [lk for s in steps for lk in s["links"]]
    examples = [lk["counterexample"] for lk in links if lk["counterexample"]]
    actual = {
        "report": [data],
        "totals": [data["totals"]],
        "totals.links": [data["totals"]["links"]],
        "document": data["documents"],
        "document.counts": [document["counts"]],
        "step": steps,
        "link": links,
        "counterexample": examples,
    }
    assert set(documented) == set(actual)
    for name, objects in actual.items():
        for obj in objects:
            assert set(obj) == documented[name], name


# --- Markdown --------------------------------------------------------------------------


def test_markdown_has_a_table_per_document_and_totals():
    md = render_markdown([logistic(), clean()])
    assert md.startswith("# derivcheck report\n")
    assert "## Logistic regression" in md and "## clean" in md
    assert md.count("| line | step | verdict | message |") == 2
    assert "| 8 | `\\frac{\\partial L}{\\partial w} = (y - f) x` | ✗ invalid | " \
           "**first error:** the sides differ; off by a factor of -1;" in md
    assert "## Total" in md
    assert md.rstrip().endswith("1 unparseable")


def test_markdown_escapes_pipes_and_markup():
    doc = DocumentResult("n.md", "a_b *c*", [
        step(1, [link(r"\|v\|^2", "v^T v", Verdict.INVALID,
                      message="<script> | x_1 *")])])
    md = render_markdown([doc])
    assert "## a\\_b \\*c\\*" in md
    assert r"`\\|v\\|^2 = v^T v`" in md
    assert r"\<script\> \| x\_1 \*" in md
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells, no stray pipe


def test_markdown_verbose_adds_read_as():
    assert "read as" not in render_markdown([logistic()])
    assert "| line | step | verdict | read as | message |" in render_markdown(
        [logistic()], verbose=True)


@pytest.mark.parametrize("render", [render_json, render_markdown])
def test_empty_results(render):
    assert "0" in render([])
