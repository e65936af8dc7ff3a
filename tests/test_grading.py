"""symbolic.grading: finding students, reading a reference, grading one student, scores.

The class is `grading_class`: 21 students made from the bundled logistic-regression
derivation, each correct, with one known mistake, or unreadable in a known way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from grading_class import (
    EXPECTED_FQ,
    EXPECTED_W0,
    UNREADABLE,
    base_text,
    make_class,
    reference_text,
)

from symbolic.grading import (
    ExpectedStatus,
    GradeStatus,
    GradingError,
    GradingSettings,
    ScoreRule,
    StudentGrade,
    find_submissions,
    grade_submission,
    read_reference,
)
from symbolic.grading_report import csv_columns, page_names
from symbolic.synthetic import Mistake, first_section, mutate
from symbolic.synthetic import make_class as make_synthetic

LINKS = 10   # checked links of the base derivation, all valid


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> tuple[Path, dict, Path]:
    root = tmp_path_factory.mktemp("school")
    known = make_class(root / "class")
    reference = root / "solution.md"
    reference.write_text(reference_text(), encoding="utf-8")
    return root / "class", known, reference


@pytest.fixture(scope="module")
def graded_by_links(school) -> dict[str, StudentGrade]:
    folder, _, _ = school
    return {s.student: grade_submission(s, GradingSettings()).grade
            for s in find_submissions(folder)}


@pytest.fixture(scope="module")
def graded_by_expected(school) -> dict[str, StudentGrade]:
    folder, _, reference = school
    settings = GradingSettings(read_reference(reference))
    return {s.student: grade_submission(s, settings).grade for s in find_submissions(folder)}


# --- finding students ----------------------------------------------------------------


def test_students_are_named_by_their_folder_or_file(school):
    folder, known, _ = school
    found = find_submissions(folder)
    assert len(found) == 21
    assert [s.student for s in found] == sorted([*known, *UNREADABLE])
    ben = next(s for s in found if s.student == "ben")
    assert ben.is_folder and [Path(f).name for f in ben.files] == ["homework.md"]
    assert ben.ignored == ("scan.jpg",)
    ann = next(s for s in found if s.student == "ann")
    assert ann.path == (folder / "ann.md").as_posix() and not ann.is_folder


def test_a_file_and_a_folder_of_the_same_name_stay_apart(tmp_path):
    (tmp_path / "bob.md").write_text("$$x = 1$$\n")
    (tmp_path / "bob").mkdir()
    (tmp_path / ".hidden.md").write_text("$$x = 1$$\n")
    (tmp_path / "out").mkdir()
    found = find_submissions(tmp_path, exclude=[tmp_path / "out"])
    assert [s.student for s in found] == ["bob", "bob.md"]


def test_no_such_folder_is_a_clear_error(tmp_path):
    with pytest.raises(GradingError, match="'.*nowhere' does not exist"):
        find_submissions(tmp_path / "nowhere")
    with pytest.raises(GradingError, match="no submissions in"):
        find_submissions(tmp_path)


# --- grades by the share of valid links ----------------------------------------------


def test_correct_students_score_one(graded_by_links):
    for student in ("ann", "ben"):
        grade = graded_by_links[student]
        assert grade.status == GradeStatus.GRADED
        assert grade.counts == {"valid": LINKS, "invalid": 0, "undecided": 0,
                                "unparseable": 0}
        assert grade.score == 1.0 and grade.first_wrong is None


def test_each_known_mistake_is_found_on_its_line(school, graded_by_links):
    _, known, _ = school
    mistakes = {s: k for s, k in known.items() if k is not None}
    assert len(mistakes) == 10
    for student, (line, mistake) in mistakes.items():
        grade = graded_by_links[student]
        assert grade.counts == {"valid": LINKS - 1, "invalid": 1, "undecided": 0,
                                "unparseable": 0}, student
        assert grade.score == pytest.approx(0.9)
        assert grade.first_wrong is not None and grade.first_wrong.line == line, student
        message = grade.first_wrong.message
        if line in (33, 35):   # a printed number: the message states the exact value
            assert message.startswith("the exact value is 1.0, which does not round to -1")
        else:
            assert message.startswith("the two sides differ"), student
        if mistake == Mistake.SIGN and line in (31, 37, 39):
            assert "off by a factor of -1: a sign error" in message, student


def test_a_student_without_the_setup_is_checked_as_written(graded_by_links):
    # Without a reference, `cat` (no front matter) has an L that is any function.
    grade = graded_by_links["cat"]
    assert grade.status == GradeStatus.GRADED and grade.score < 0.5


@pytest.mark.parametrize("student", sorted(UNREADABLE))
def test_unreadable_scores_zero_and_says_why(graded_by_links, graded_by_expected, student):
    for grade in (graded_by_links[student], graded_by_expected[student]):
        assert grade.status == GradeStatus.UNREADABLE
        assert grade.score == 0.0
        assert UNREADABLE[student] in grade.reason


def test_unreadable_reasons_name_the_line(graded_by_links):
    assert "line 3" in graded_by_links["badyaml"].reason
    assert "line 9" in graded_by_links["badgiven"].reason
    assert "answers.pdf" in graded_by_links["pdfonly"].reason


# --- grades by expected results ------------------------------------------------------


def test_reference_supplies_the_setup(graded_by_expected):
    grade = graded_by_expected["cat"]
    assert grade.counts["valid"] == LINKS and grade.score == 1.0


def test_expected_results_reached_and_correct(school, graded_by_expected):
    _, known, _ = school
    for student, mistake in known.items():
        grade = graded_by_expected[student]
        statuses = [e.status for e in grade.expected]
        line = mistake[0] if mistake else None
        wrong_w0 = line == 39
        wrong_fq = line == 31
        assert statuses == [
            ExpectedStatus.WRONG if wrong_w0 else ExpectedStatus.CORRECT,
            ExpectedStatus.WRONG if wrong_fq else ExpectedStatus.CORRECT,
        ], student
        assert grade.score == (0.5 if wrong_w0 or wrong_fq else 1.0), student
    stated = graded_by_expected["ann"].expected
    assert [(e.line, e.status) for e in stated] == [(39, "correct"), (31, "correct")]


def test_a_result_never_stated_is_missing(school, tmp_path):
    folder, _, _ = school
    reference = tmp_path / "solution.md"
    reference.write_text(reference_text(
        [EXPECTED_W0, r"\frac{\partial L}{\partial w_1} = (f - y) x_2"]), encoding="utf-8")
    settings = GradingSettings(read_reference(reference))
    ann = next(s for s in find_submissions(folder) if s.student == "ann")
    grade = grade_submission(ann, settings).grade
    assert [e.status for e in grade.expected] == ["correct", "missing"]
    assert grade.score == 0.5


def test_the_score_rule_can_be_chosen(school):
    folder, _, reference = school
    settings = GradingSettings(read_reference(reference), ScoreRule.LINKS)
    m31 = next(s for s in find_submissions(folder) if s.student == "m31-sign")
    grade = grade_submission(m31, settings).grade
    assert grade.score == pytest.approx(0.9)
    assert [e.status for e in grade.expected] == ["correct", "wrong"]


# --- the reference -------------------------------------------------------------------


def test_reference_lists_its_expected_results(school):
    _, _, path = school
    reference = read_reference(path)
    assert [(e.lhs, e.rhs) for e in reference.expected] == [
        tuple(side.strip() for side in EXPECTED_W0.split("=")),
        tuple(side.strip() for side in EXPECTED_FQ.split("=")),
    ]
    assert reference.expected[0].line == 13
    assert len(reference.given) == 6


def test_a_wrong_expected_result_is_refused(tmp_path):
    path = tmp_path / "solution.md"
    path.write_text(reference_text([r"\frac{\partial L}{\partial w_0} = (y - f) x_1"]),
                    encoding="utf-8")
    with pytest.raises(GradingError, match=r"line 13: the expected result .* is invalid in "
                                           r"the reference's own setup.*factor of -1"):
        read_reference(path)


def test_an_expected_entry_that_is_not_a_claim_is_refused(tmp_path):
    path = tmp_path / "solution.md"
    path.write_text(reference_text([r"\frac{\partial L}{\partial w_0}"]), encoding="utf-8")
    with pytest.raises(GradingError, match="line 13: expected result .* must be one claim"):
        read_reference(path)


def test_a_missing_reference_is_a_clear_error(tmp_path):
    with pytest.raises(GradingError, match="the reference cannot read .*no such file"):
        read_reference(tmp_path / "nope.md")


# --- outputs' pieces -----------------------------------------------------------------


def test_grade_round_trips_through_its_dict(graded_by_expected):
    for grade in graded_by_expected.values():
        assert StudentGrade.from_dict(grade.to_dict()) == grade


def test_page_names_are_distinct_ignoring_case():
    assert page_names(["A b", "a_b", "x/y", ".."]) == {
        "A b": "A_b.html", "a_b": "a_b-2.html", "x/y": "x_y.html", "..": "student.html"}


def test_csv_columns_name_each_expected_result(school):
    _, _, path = school
    columns = csv_columns(read_reference(path))
    assert columns[-3:] == ["expected_correct", r"expected 1: \frac{\partial L}{\partial w_0}",
                            r"expected 2: \frac{\partial f}{\partial q}"]


# --- synthetic students --------------------------------------------------------------


def test_mutations_are_the_known_mistakes():
    text = "$$a = (f - y) x_1$$\n\n$$b = c + d$$\n"
    assert mutate(text, 0, Mistake.FACTOR)[1].after == "(f - y)"
    assert mutate(text, 0, Mistake.SIGN)[1].after == r"-\left((f - y) x_1\right)"
    assert mutate(text, 1, Mistake.FACTOR) is None      # a sum has no factor to drop
    assert mutate(text, 2, Mistake.SIGN) is None        # no such block
    wrong, mutation = mutate(text, 1, Mistake.SIGN)
    assert mutation.line == 3 and wrong.splitlines()[2] == r"$$b = -\left(c + d\right)$$"


def test_make_class_is_the_same_every_run(tmp_path):
    sources = {"logistic": first_section(base_text())}
    one = make_synthetic(tmp_path / "one", sources, 12, seed=3)
    two = make_synthetic(tmp_path / "two", sources, 12, seed=3)
    assert [s.mutation for s in one] == [s.mutation for s in two]
    assert sum(s.mutation is None for s in one) < 12
    assert all(s.path.read_text() == t.path.read_text() for s, t in zip(one, two,
                                                                          strict=True))
