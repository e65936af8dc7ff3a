"""`derivcheck grade`: the files it writes, the same CSV however the work is spread, resume.

The class is `grading_class` (21 synthetic students with known mistakes); its grades are
checked one by one in test_grading.py, and here as the rows of the CSV.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from grading_class import UNREADABLE, make_class, reference_text

from symbolic import grading_runner
from symbolic.commands.grade import EXAMPLE, grade
from symbolic.grading import GradingSettings, find_submissions
from symbolic.grading_runner import default_output, grade_class


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(grade, [str(a) for a in args])


def rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> tuple[Path, dict, Path]:
    root = tmp_path_factory.mktemp("cli-school")
    known = make_class(root / "class")
    reference = root / "solution.md"
    reference.write_text(reference_text(), encoding="utf-8")
    return root / "class", known, reference


@pytest.fixture(scope="module")
def graded(school, tmp_path_factory) -> tuple[Result, Path]:
    """One run with the reference, in this process (--jobs 1)."""
    folder, _, reference = school
    out = tmp_path_factory.mktemp("grades-j1")
    return invoke(folder, "--reference", reference, "-o", out, "--jobs", "1"), out


def test_the_run_reports_and_exits_1_for_unreadable_work(graded):
    result, out = graded
    assert result.exit_code == 1, result.output
    assert "21 students: 13 graded, 8 unreadable or failed; mean score 0.524 " \
           "(rule: expected)" in result.output
    assert f"wrote {out / 'grades.csv'}" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".state", "grades.csv", "grades.json", "index.html", "students"]


def test_csv_has_one_row_per_student_with_the_known_grades(school, graded):
    _, known, _ = school
    _, out = graded
    table = rows(out / "grades.csv")
    assert len(table) == 21
    for student, mistake in known.items():
        row = table[student]
        line = mistake[0] if mistake else None
        assert row["status"] == "graded"
        assert row["score"] == ("0.500" if line in (31, 39) else "1.000"), student
        assert (row["valid"], row["invalid"]) == (("10", "0") if line is None else ("9", "1"))
        assert row["first_wrong_line"] == ("" if line is None else str(line)), student
        assert row["expected_reached"] == "2"
        assert row[r"expected 1: \frac{\partial L}{\partial w_0}"] == (
            "wrong" if line == 39 else "correct")
        assert row[r"expected 2: \frac{\partial f}{\partial q}"] == (
            "wrong" if line == 31 else "correct")
    for student, reason in UNREADABLE.items():
        row = table[student]
        assert (row["status"], row["score"], row["checked"]) == ("unreadable", "0.000", "0")
        assert reason in row["reason"]
        assert row["expected_correct"] == "0"
    m39 = table["m39-sign"]
    assert m39["first_wrong_step"].endswith(r"= -\left((f - y) x_1\right)")
    assert m39["first_wrong_message"] == ("the two sides differ: off by a factor of -1: "
                                          "a sign error")
    assert table["ben"]["path"].endswith("/class/ben")


def test_json_says_the_same_as_the_csv(graded):
    _, out = graded
    data = json.loads((out / "grades.json").read_text(encoding="utf-8"))
    table = rows(out / "grades.csv")
    assert data["schema"] == "derivcheck-grades/1" and data["score_rule"] == "expected"
    assert [e["lhs"] for e in data["reference"]["expected"]] == [
        r"\frac{\partial L}{\partial w_0}", r"\frac{\partial f}{\partial q}"]
    assert [s["student"] for s in data["students"]] == list(table)
    for entry in data["students"]:
        row = table[entry["student"]]
        assert f"{entry['score']:.3f}" == row["score"]
        assert entry["status"] == row["status"]
        assert str(entry["counts"]["invalid"]) == row["invalid"]
        assert (out / entry["feedback"]).is_file()


def test_index_links_a_feedback_page_per_student(graded):
    _, out = graded
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(students/[^"]+)">([^<]+)</a>', index)
    assert len(links) == 21
    for href, student in links:
        page = (out / href).read_text(encoding="utf-8")
        assert f"<title>Feedback: {html.escape(student)}</title>" in page
        assert 'href="../index.html"' in page
    assert "http" not in index and "<script src" not in index
    m31 = (out / "students" / "m31-sign.html").read_text(encoding="utf-8")
    assert "First wrong step of this derivation" in m31
    assert '<tr data-status="wrong">' in m31


def test_a_process_pool_gives_the_same_csv(school, graded, tmp_path):
    folder, _, reference = school
    _, out = graded
    result = invoke(folder, "--reference", reference, "-o", tmp_path, "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert (tmp_path / "grades.csv").read_bytes() == (out / "grades.csv").read_bytes()
    assert (tmp_path / "grades.json").read_bytes() == (out / "grades.json").read_bytes()


def test_a_dask_cluster_gives_the_same_csv(school, graded, tmp_path):
    from dask.distributed import LocalCluster

    folder, _, reference = school
    _, out = graded
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        result = invoke(folder, "--reference", reference, "-o", tmp_path,
                        "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 1, result.output
    assert (tmp_path / "grades.csv").read_bytes() == (out / "grades.csv").read_bytes()


def test_resume_grades_only_what_is_not_done(school, tmp_path):
    folder, _, _ = school
    copy = tmp_path / "class"
    shutil.copytree(folder, copy)
    out = tmp_path / "out"
    settings = GradingSettings()
    first = grade_class(find_submissions(copy), settings, out)
    assert (first.graded, first.resumed) == (21, 0)
    before = first.csv_path.read_bytes()
    # An interrupted run: two students' grades were never saved; one student changed.
    (out / ".state" / "ann.json").unlink()
    (out / ".state" / "prose.json").unlink()
    (copy / "m25-sign.md").write_text((copy / "ann.md").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    done: list[str] = []
    again = grade_class(find_submissions(copy), settings, out, resume=True,
                        on_progress=lambda student, n, total: done.append(student))
    assert (again.graded, again.resumed) == (3, 18)
    assert sorted(done) == ["ann", "m25-sign", "prose"]
    after = rows(again.csv_path)
    assert after["m25-sign"]["score"] == "1.000" and after["ann"]["score"] == "1.000"
    # Other settings are another run: nothing is taken from the saved state.
    other = grade_class(find_submissions(copy), GradingSettings(budget_seconds=7.0), out,
                        resume=True)
    assert (other.graded, other.resumed) == (21, 0)
    (copy / "m25-sign.md").write_bytes((folder / "m25-sign.md").read_bytes())
    assert grade_class(find_submissions(copy), settings, out).csv_path.read_bytes() == before


def test_resume_through_the_command(school, tmp_path):
    folder, _, _ = school
    first = invoke(folder, "-o", tmp_path, "--jobs", "1")
    assert first.exit_code == 1
    before = (tmp_path / "grades.csv").read_bytes()
    for name in ("m31-sign.json", "binary.json"):
        (tmp_path / ".state" / name).unlink()
    again = invoke(folder, "-o", tmp_path, "--jobs", "1", "--resume")
    assert again.exit_code == 1, again.output
    assert "resuming: 19 students already graded, 2 to go" in again.output
    assert "19 resumed from the earlier run" in again.output
    assert (tmp_path / "grades.csv").read_bytes() == before


def test_without_resume_every_student_is_graded_again(school, tmp_path):
    folder, _, _ = school
    two = tmp_path / "two"
    two.mkdir()
    for name in ("ann.md", "prose.md"):
        (two / name).write_bytes((folder / name).read_bytes())
    grade_class(find_submissions(two), GradingSettings(), tmp_path / "out")
    run = grade_class(find_submissions(two), GradingSettings(), tmp_path / "out")
    assert (run.graded, run.resumed) == (2, 0)


# --- options and errors --------------------------------------------------------------


def test_default_output_is_beside_the_submissions(tmp_path):
    assert default_output(tmp_path / "hw3") == tmp_path.resolve() / "hw3-grades"


def test_score_expected_needs_expected_results(school, tmp_path):
    folder, _, _ = school
    result = invoke(folder, "-o", tmp_path, "--score", "expected")
    assert result.exit_code == 2
    assert "--score expected needs a --reference" in result.output


def test_a_bad_reference_is_one_clear_line(school, tmp_path):
    folder, _, _ = school
    bad = tmp_path / "solution.md"
    bad.write_text(reference_text([r"\frac{\partial f}{\partial q} = f"]), encoding="utf-8")
    result = invoke(folder, "-o", tmp_path / "out", "--reference", bad)
    assert result.exit_code == 2
    assert result.output.startswith("error: the reference ")
    assert "line 13: the expected result" in result.output
    assert "Traceback" not in result.output


def test_jobs_and_scheduler_together_are_refused(school, tmp_path):
    folder, _, _ = school
    result = invoke(folder, "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2 and "not both" in result.output


def test_without_dask_the_scheduler_option_says_what_to_install(school, tmp_path,
                                                                 monkeypatch):
    folder, _, _ = school
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    result = invoke(folder, "-o", tmp_path, "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert "pip install 'derivcheck[dask]'" in result.output


def test_an_unreachable_scheduler_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setattr(grading_runner, "SCHEDULER_TIMEOUT", "1s")
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ann.md").write_text("$$x = 1$$\n", encoding="utf-8")
    result = invoke(tmp_path / "class", "-o", tmp_path / "out",
                    "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2, result.output
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in result.output


def test_no_such_folder(tmp_path):
    result = invoke(tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_help_ends_with_an_example():
    result = invoke("--help")
    assert result.exit_code == 0
    assert result.output.rstrip().splitlines()[-2].strip() == EXAMPLE


# --- in a browser --------------------------------------------------------------------

SORT_PROBE = """
<script>
(function () {
  const column = (name) => [...document.querySelectorAll("table.grades thead th")]
    .findIndex((th) => th.textContent === name);
  const order = (k) => [...document.querySelectorAll("table.grades tbody tr")]
    .map((tr) => tr.cells[k].dataset.value);
  const score = column("Score");
  const head = document.querySelectorAll("table.grades thead th")[score];
  head.click();
  const up = order(score);
  head.click();
  const down = order(score);
  const student = column("Student");
  document.querySelectorAll("table.grades thead th")[student].click();
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({up, down, names: order(student),
    sorted: head.getAttribute("aria-sort"),
    resources: performance.getEntriesByType("resource").map((e) => e.name)});
  document.body.appendChild(out);
})();
</script>
"""


def test_index_sorts_in_chromium_and_pages_open(chromium, graded, tmp_path):
    _, out = graded
    probed = out / "probed-index.html"
    probed.write_text((out / "index.html").read_text(encoding="utf-8")
                      .replace("</body>", SORT_PROBE + "</body>"), encoding="utf-8")
    dom = chromium.dump_dom(probed)
    probed.unlink()
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[:2000]
    seen = json.loads(html.unescape(found.group(1)))
    up = [float(v) for v in seen["up"]]
    assert up == sorted(up) and up[0] == 0.0 and up[-1] == 1.0
    assert [float(v) for v in seen["down"]] == sorted(up, reverse=True)
    assert seen["names"] == sorted(seen["names"])
    assert seen["resources"] == []
    page = chromium.dump_dom(out / "students" / "m39-sign.html")
    assert "Feedback: m39-sign" in page and "<math" in page
    assert "off by a factor of -1" in page
