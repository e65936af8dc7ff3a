r"""Grade a class: one folder or file per student, one grade per student.

    >>> from symbolic.grading import GradingSettings, find_submissions, grade_submission
    >>> grades = [grade_submission(s, GradingSettings()) for s in find_submissions("hw3/")]
    >>> grades[0].student, grades[0].status, grades[0].score          # doctest: +SKIP
    ('alice', <GradeStatus.GRADED: 'graded'>, 0.9)

Each student's documents are checked by `symbolic.checker` as they are; a reference
solution (`read_reference`) supplies the setup (given definitions, shapes, conventions)
a student's file lacks, and lists expected results, each a claim `LHS = RHS` in its
front matter under `expected:`. A submission that cannot be read — no document, a binary
file, no math, no step that could be read, a front matter that could not be read — is
graded `unreadable` with score 0: it is never counted as correct.

The score rules are in `ScoreRule`; the outputs (CSV, JSON, HTML) in
`symbolic.grading_report`; running a class over cores or a Dask cluster in
`symbolic.grading_runner`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from symbolic.errors import DerivcheckError
from symbolic.presentation import VERDICT_ORDER
from symbolic.results import SEVERITY, DocumentResult, Method, StepResult, Verdict

__all__ = [
    "DOCUMENT_SUFFIXES",
    "ExpectedOutcome",
    "ExpectedResult",
    "FirstWrongStep",
    "GradeStatus",
    "GradingError",
    "GradingSettings",
    "Reference",
    "ScoreRule",
    "StudentGrade",
    "Submission",
    "find_submissions",
    "grade_submission",
    "read_reference",
]

# Files read as a student's documents inside a student's folder. A student given as a
# single file is read whatever its suffix (and reported unreadable when it is binary).
DOCUMENT_SUFFIXES = (".md", ".markdown", ".tex", ".txt")
# Bytes looked at to tell a binary file (a PDF, an image, a Word file) from text.
SNIFF_BYTES = 8192
# The key of the reference's front matter that lists expected results.
EXPECTED_KEY = "expected"


class GradingError(DerivcheckError):
    """A class that cannot be graded as asked: a missing folder, a reference that is wrong."""


class ScoreRule(StrEnum):
    """How a student's score, from 0 to 1, is computed. Unreadable always scores 0.

    - `expected`: the share of the reference's expected results the student reached and
      got right (the default when the reference lists expected results);
    - `links`: the share of checked links that are valid; invalid, undecided and
      unparseable links count against it (the default otherwise).
    """

    EXPECTED = "expected"
    LINKS = "links"


class GradeStatus(StrEnum):
    """Whether a submission could be graded."""

    GRADED = "graded"
    UNREADABLE = "unreadable"   # nothing in it could be checked: score 0, never "correct"
    FAILED = "failed"           # derivcheck itself failed on it: score 0, please report


class ExpectedStatus(StrEnum):
    """How a student did on one expected result."""

    CORRECT = "correct"      # stated, equal to the expected result, and the step is valid
    WRONG = "wrong"          # stated, and it or the step stating it is invalid
    UNDECIDED = "undecided"  # stated, but neither could be shown
    MISSING = "missing"      # never stated


@dataclass(frozen=True)
class ExpectedResult:
    """One result the reference expects: `\\frac{\\partial L}{\\partial W_1} = …`."""

    lhs: str          # the quantity, as LaTeX: a student states it by writing this side
    rhs: str          # its value, as LaTeX
    key: str          # the quantity as read (positions ignored): \nabla_{W_1} L matches too
    line: int         # where the reference lists it


@dataclass(frozen=True)
class Reference:
    """A reference solution: the setup it supplies and the results it expects."""

    path: str
    given: tuple[str, ...] = ()
    given_lines: tuple[int, ...] = ()
    shapes: dict = field(default_factory=dict)
    conventions: dict = field(default_factory=dict)
    expected: tuple[ExpectedResult, ...] = ()


@dataclass(frozen=True)
class GradingSettings:
    """Everything a grade depends on besides the submission itself."""

    reference: Reference | None = None
    score_rule: ScoreRule | None = None     # None: `expected` when there are any, else `links`
    budget_seconds: float | None = None     # time budget per document

    @property
    def rule(self) -> ScoreRule:
        if self.score_rule is not None:
            return self.score_rule
        has_expected = self.reference is not None and bool(self.reference.expected)
        return ScoreRule.EXPECTED if has_expected else ScoreRule.LINKS


@dataclass(frozen=True)
class Submission:
    """One student's work: a file, or a folder of files."""

    student: str              # from the folder's or the file's name
    path: str                 # as the user gave it, with / as separator
    files: tuple[str, ...]    # the documents to read, in order
    is_folder: bool = False
    ignored: tuple[str, ...] = ()   # files in the folder that are not documents


@dataclass(frozen=True)
class FirstWrongStep:
    """Where a student's work first goes wrong."""

    file: str       # relative to the student's folder; "" for a student given as one file
    line: int
    step: str       # the step's LaTeX
    message: str


@dataclass(frozen=True)
class ExpectedOutcome:
    """How a student did on one expected result."""

    lhs: str
    status: ExpectedStatus
    line: int = 0           # where the student states it (0: nowhere)
    file: str = ""
    message: str = ""


@dataclass(frozen=True)
class StudentGrade:
    """One student's grade: what the CSV row, the JSON entry and the index show."""

    student: str
    path: str
    status: GradeStatus
    score: float
    counts: dict[str, int]              # checked links per verdict (definitions not counted)
    reason: str = ""                    # why unreadable or failed
    first_wrong: FirstWrongStep | None = None
    expected: tuple[ExpectedOutcome, ...] = ()
    files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def checked(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> StudentGrade:
        """The inverse of `to_dict` (a resumed run reads grades back from its state)."""
        first = data.get("first_wrong")
        return cls(
            student=data["student"], path=data["path"], status=GradeStatus(data["status"]),
            score=float(data["score"]), counts=dict(data["counts"]), reason=data["reason"],
            first_wrong=FirstWrongStep(**first) if first else None,
            expected=tuple(ExpectedOutcome(**{**e, "status": ExpectedStatus(e["status"])})
                           for e in data["expected"]),
            files=tuple(data["files"]), warnings=tuple(data["warnings"]),
        )


@dataclass(frozen=True)
class GradedSubmission:
    """A grade and the checked documents its feedback page shows (see grading_report)."""

    grade: StudentGrade
    results: tuple[DocumentResult, ...] = ()


# --- finding submissions -------------------------------------------------------------


def find_submissions(folder: str | os.PathLike, *,
                     exclude: Sequence[str | os.PathLike] = ()) -> list[Submission]:
    """The students in `folder`: each entry (a folder or a file) is one student, by name.

    Hidden entries (a leading `.`) and the paths in `exclude` (the output folder, the
    reference) are skipped. Students are sorted by id.

    Raises:
        GradingError: `folder` is not a folder, or holds no submission.
    """
    root = Path(folder)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise GradingError(f"the submissions folder {str(folder)!r} {what}; give the folder "
                           "holding one folder or file per student")
    skip = {Path(p).resolve() for p in exclude}
    entries = sorted((e for e in root.iterdir() if not e.name.startswith(".")
                      and e.resolve() not in skip), key=lambda e: e.name)
    stems = [e.stem if e.is_file() else e.name for e in entries]
    submissions = []
    for entry, stem in zip(entries, stems, strict=True):
        # bob.md and bob/ both present: their full names tell them apart
        student = stem if stems.count(stem) == 1 else entry.name
        shown = _shown_path(folder, entry.name)
        if entry.is_dir():
            documents, ignored = _documents_below(entry, skip)
            submissions.append(Submission(student, shown, tuple(documents), True,
                                          tuple(ignored)))
        else:
            submissions.append(Submission(student, shown, (str(entry),)))
    if not submissions:
        raise GradingError(f"no submissions in {str(folder)!r}: it should hold one folder "
                           "or one file per student")
    return sorted(submissions, key=lambda s: s.student)


def _shown_path(folder: str | os.PathLike, name: str) -> str:
    return (Path(folder) / name).as_posix()


def _documents_below(folder: Path, skip: set[Path]) -> tuple[list[str], list[str]]:
    documents, ignored = [], []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and Path(root, d).resolve() not in skip)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root, name)
            relative = path.relative_to(folder).as_posix()
            (documents if path.suffix.lower() in DOCUMENT_SUFFIXES else ignored).append(
                (relative, str(path)))
    documents.sort()
    ignored.sort()
    return [full for _, full in documents], [rel for rel, _ in ignored]


# --- the reference -------------------------------------------------------------------


def read_reference(path: str | os.PathLike, *,
                   budget_seconds: float | None = None) -> Reference:
    """Read a reference solution, and check that its expected results hold in its setup.

    The front matter's `given`, `shapes` and `conventions` are supplied to students who
    lack them; `expected:` lists results, each a claim `LHS = RHS`, such as
    `'\\frac{\\partial L}{\\partial w_0} = (f - y) x_1'`.

    Raises:
        GradingError: the file cannot be read, its setup or an expected result cannot be
            read, or an expected result is not valid in the reference's own setup.
    """
    from symbolic.checker import check_read_document
    from symbolic.claims import DEFAULT_BUDGET_SECONDS
    from symbolic.document import DocumentReadError, Statement
    from symbolic.sources import read_document

    try:
        document = read_document(Path(path))
    except DocumentReadError as error:
        raise GradingError(f"the reference {error}") from None
    where = f"the reference {str(path)!r}"
    errors = [p.describe() for p in document.errors]
    if errors:
        raise GradingError(f"{where} could not be read: {errors[0]}")
    expected = _expected_results(document, where)
    # The expected results are checked at the end of the reference, as its last steps.
    last = max((s.derivation for s in document.statements), default=-1) + 1
    # A group on the left: each is a claim, never a definition that names a value.
    probes = [Statement(e.line, f"\\left({e.lhs}\\right) = {e.rhs}", -1, last)
              for e in expected]
    checked = check_read_document(
        dataclasses.replace(document, statements=[*document.statements, *probes]),
        budget_seconds or DEFAULT_BUDGET_SECONDS)
    unread = [w for w in checked.warnings if "could not be read" in w]
    if unread:
        raise GradingError(f"{where}: {unread[0]}")
    for outcome, result in zip(expected, checked.steps[len(checked.steps) - len(probes):],
                               strict=True):
        if result.verdict != Verdict.VALID:
            link = result.claim.deciding_link
            raise GradingError(
                f"{where}, line {outcome.line}: the expected result {outcome.lhs} = "
                f"{outcome.rhs} is {result.verdict} in the reference's own setup"
                f"{': ' + _one_line(link.message) if link and link.message else ''}; "
                "fix the reference or its `given`")
    front = document.front
    return Reference(str(path), tuple(front.given), tuple(front.given_lines),
                     dict(front.shapes), dict(front.conventions), tuple(expected))


def _expected_results(document, where: str) -> list[ExpectedResult]:
    from symbolic.errors import ParseError
    from symbolic.notation import parse_side, split_chain
    from symbolic.notation.trees import node_text

    raw = document.front.extra.get(EXPECTED_KEY, [])
    if isinstance(raw, dict):
        raw = [f"{k} = {v}" for k, v in raw.items()]
    if not isinstance(raw, list) or not all(isinstance(e, str) for e in raw):
        raise GradingError(f"{where}: `{EXPECTED_KEY}` must be a list of claims, one per "
                           "line: `- '\\frac{\\partial L}{\\partial w_0} = (f - y) x_1'`")
    line = _front_matter_line(document, EXPECTED_KEY)
    results = []
    for number, text in enumerate(raw, start=1):
        try:
            chain = split_chain(text)
            if len(chain.sides) != 2 or chain.relations[0] != "=" or not all(
                    s.text.strip() for s in chain.sides):
                raise GradingError("")
            lhs, rhs = (s.text.strip() for s in chain.sides)
            key = node_text(parse_side(lhs))
            parse_side(rhs)
        except (ParseError, GradingError) as error:
            detail = f" ({_one_line(str(error))})" if str(error) else ""
            raise GradingError(
                f"{where}, line {line + number}: expected result {text!r} must be one claim "
                f"`quantity = value`, such as "
                f"'\\frac{{\\partial L}}{{\\partial w_0}} = (f - y) x_1'{detail}") from None
        results.append(ExpectedResult(lhs, rhs, key, line + number))
    return results


def _front_matter_line(document, key: str) -> int:
    """The line of `key:` in the front matter (the reader keeps no line for extra keys)."""
    if not document.path:
        return 0
    try:
        text = Path(document.path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 0


# --- grading one student -------------------------------------------------------------


def grade_submission(submission: Submission, settings: GradingSettings) -> GradedSubmission:
    """Check every document of one student and grade them; never raises.

    Example: ``grade_submission(find_submissions("hw3")[0], GradingSettings()).grade.score``
    """
    try:
        return _grade(submission, settings)
    except Exception as error:  # noqa: BLE001 - one student never ends the class's run
        reason = _one_line(f"derivcheck failed on this submission ({type(error).__name__}: "
                           f"{error}); please report it with the submission")
        grade = zero_grade(submission, settings, GradeStatus.FAILED, reason)
        return GradedSubmission(grade)


def _grade(submission: Submission, settings: GradingSettings) -> GradedSubmission:
    from symbolic.claims import DEFAULT_BUDGET_SECONDS

    budget = settings.budget_seconds or DEFAULT_BUDGET_SECONDS
    results: list[DocumentResult] = []
    names: list[str] = []           # each result's file, inside the student's folder
    unreadable: list[str] = []      # one reason per file that could not be read
    probes: dict[str, list[tuple[ExpectedResult, StepResult, StepResult]]] = {}
    for file in submission.files:
        name = _relative(submission, file)
        read = _read_student_document(file, submission.path if not submission.is_folder
                                      else f"{submission.path}/{name}", settings)
        if isinstance(read, str):
            unreadable.append(f"{name}: {read}" if name else read)
            continue
        result, found = _check_with_probes(read, settings, budget)
        results.append(result)
        names.append(name)
        probes[name] = found
    reason = _unreadable_reason(submission, results, unreadable)
    if reason:
        grade = zero_grade(submission, settings, GradeStatus.UNREADABLE, reason,
                          warnings=tuple(unreadable))
        return GradedSubmission(grade, tuple(results))
    counts = _checked_counts(results)
    expected = _expected_outcomes(settings, probes)
    grade = StudentGrade(
        student=submission.student, path=submission.path, status=GradeStatus.GRADED,
        score=_score(settings.rule, counts, expected), counts=counts,
        first_wrong=_first_wrong(names, results), expected=expected,
        files=tuple(_relative(submission, f) for f in submission.files),
        warnings=tuple(unreadable),
    )
    return GradedSubmission(grade, tuple(results))


def _relative(submission: Submission, file: str) -> str:
    """A file's path inside the student's folder; "" for a student given as one file."""
    if not submission.is_folder:
        return ""
    return Path(file).relative_to(Path(submission.path)).as_posix()


def _read_student_document(file: str, shown: str, settings: GradingSettings):
    """The document with the reference's setup filled in; or why it cannot be read."""
    from symbolic.document import DocumentReadError
    from symbolic.sources import read_document

    try:
        with open(file, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        return f"cannot be opened ({error.strerror or error})"
    if b"\0" in head:
        return "a binary file, not text: hand in the derivation as Markdown or LaTeX text"
    try:
        document = read_document(Path(file), name=shown)
    except DocumentReadError as error:
        return str(error)
    setup = [p for p in document.errors if p.reason.startswith("the front matter")]
    if setup:
        return f"the front matter (setup) could not be read: {setup[0].describe()}"
    return _with_reference_setup(document, settings.reference)


def _with_reference_setup(document, reference: Reference | None):
    """The student's setup, completed from the reference's where the student gives none.

    `given`: the student's own when there is any, else the reference's. `shapes` and
    `conventions`: the reference's, overridden name by name by the student's.
    """
    if reference is None:
        return document
    front = document.front
    conventions = {**reference.conventions, **front.conventions}
    symbols = {**reference.conventions.get("symbols", {}), **front.conventions.get("symbols",
                                                                                      {})}
    if symbols and all(isinstance(s, dict) for s in (reference.conventions.get("symbols", {}),
                                                     front.conventions.get("symbols", {}))):
        conventions["symbols"] = symbols
    given, lines = (front.given, front.given_lines) if front.given else (
        list(reference.given), [0] * len(reference.given))
    merged = dataclasses.replace(front, given=given, given_lines=lines,
                                 shapes={**reference.shapes, **front.shapes},
                                 conventions=conventions)
    return dataclasses.replace(document, front=merged)


def _check_with_probes(document, settings: GradingSettings, budget: float):
    """Check a document; with expected results, also compare the student's last statement
    of each with the expected value, right after it, in the student's own context.

    Returns the document's result as the student wrote it (the probes taken out) and, per
    expected result stated in it, (expected, the student's step, the probe's step).
    """
    from symbolic.checker import check_read_document

    reference = settings.reference
    stated = _last_statements(document, reference.expected if reference else ())
    statements, probe_at = [], {}
    for index, statement in enumerate(document.statements):
        statements.append(statement)
        own = len(statements) - 1      # the statement's place among the probes
        for expected, last_side in stated.get(index, []):
            probe_at[len(statements)] = (expected, own)
            # A group on the left: the probe is a claim, never a definition or a binding.
            statements.append(dataclasses.replace(
                statement, text=f"\\left({expected.rhs}\\right) = {last_side}"))
    if not probe_at:
        return check_read_document(document, budget), []
    checked = check_read_document(dataclasses.replace(document, statements=statements),
                                  budget)
    # Steps come back in statement order; a statement without a relation gives none.
    by_statement = _steps_by_statement(statements, checked.steps)
    found = []
    for position, (expected, own) in probe_at.items():
        step, probe = by_statement.get(own), by_statement.get(position)
        if step is not None and probe is not None:
            found.append((expected, step, probe))
    probe_steps = {id(by_statement[p]) for p in probe_at if p in by_statement}
    kept = [s for s in checked.steps if id(s) not in probe_steps]
    return _without_probes(checked, kept), found


def _steps_by_statement(statements, steps: list[StepResult]) -> dict[int, StepResult]:
    """Statement index -> its step. Steps come back in order, each with its statement's line
    and text; a statement that gives none (no relation) is passed over."""
    mapping, position = {}, 0
    for index, statement in enumerate(statements):
        if position < len(steps) and (steps[position].line, steps[position].source) == (
                statement.line, statement.text):
            mapping[index] = steps[position]
            position += 1
    return mapping


def _without_probes(checked: DocumentResult, steps: list[StepResult]) -> DocumentResult:
    """The result as if only the student's steps were checked: first-wrong marks anew."""
    seen: set[int] = set()
    marked = []
    for step in steps:
        first = step.verdict == Verdict.INVALID and step.derivation not in seen
        if first:
            seen.add(step.derivation)
        marked.append(dataclasses.replace(step, first_invalid=first))
    return dataclasses.replace(checked, steps=marked)


def _last_statements(document, expected: Sequence[ExpectedResult]):
    """statement index -> [(expected result, the chain's last side)] for the last statement
    of the document that states each expected result (one of its sides is the quantity)."""
    if not expected:
        return {}
    from symbolic.errors import ParseError
    from symbolic.notation import parse_side, split_chain
    from symbolic.notation.trees import node_text

    last: dict[int, tuple[int, str]] = {}
    for index, statement in enumerate(document.statements):
        try:
            sides = [s.text for s in split_chain(statement.text).sides if s.text.strip()]
        except ParseError:
            continue
        keys = set()
        for side in sides:
            try:
                keys.add(node_text(parse_side(side)))
            except (ParseError, RecursionError):
                continue
        for number, item in enumerate(expected):
            if item.key in keys and len(sides) > 1:
                last[number] = (index, sides[-1])
    stated: dict[int, list] = {}
    for number, (index, side) in sorted(last.items()):
        stated.setdefault(index, []).append((expected[number], side))
    return stated


def _expected_outcomes(settings: GradingSettings, probes) -> tuple[ExpectedOutcome, ...]:
    reference = settings.reference
    if reference is None:
        return ()
    latest: dict[str, tuple[str, StepResult, StepResult]] = {}
    for file, found in probes.items():
        for expected, step, probe in found:
            latest[expected.key] = (file, step, probe)   # later files have the last word
    outcomes = []
    for expected in reference.expected:
        if expected.key not in latest:
            outcomes.append(ExpectedOutcome(expected.lhs, ExpectedStatus.MISSING))
            continue
        file, step, probe = latest[expected.key]
        outcomes.append(_expected_outcome(expected, file, step, probe))
    return tuple(outcomes)


def _expected_outcome(expected: ExpectedResult, file: str, step: StepResult,
                      probe: StepResult) -> ExpectedOutcome:
    compared = [link for link in probe.claim.links if link.method != Method.DEFINITION]
    comparison = compared[-1].verdict if compared else Verdict.UNDECIDED
    worst = max((comparison, _checked_verdict(step)), key=SEVERITY.__getitem__)
    if worst == Verdict.VALID:
        status, message = ExpectedStatus.CORRECT, "stated and equal to the expected result"
    elif comparison == Verdict.INVALID:
        status = ExpectedStatus.WRONG
        message = _one_line(f"differs from the expected {expected.rhs}: "
                            f"{compared[-1].message}")
    elif worst == Verdict.INVALID:
        status, message = ExpectedStatus.WRONG, "the step stating it has an invalid link"
    else:
        status = ExpectedStatus.UNDECIDED
        message = "whether it equals the expected result could not be decided"
    return ExpectedOutcome(expected.lhs, status, step.line, file, message)


def _checked_verdict(step: StepResult) -> Verdict:
    verdicts = [link.verdict for link in step.claim.links if link.method != Method.DEFINITION]
    return max(verdicts, key=SEVERITY.__getitem__) if verdicts else Verdict.VALID


def _checked_counts(results: Sequence[DocumentResult]) -> dict[str, int]:
    """Links per verdict over all documents; definitions and bindings are not verdicts."""
    counts = {str(v): 0 for v in VERDICT_ORDER}
    for result in results:
        for step in result.steps:
            for link in step.claim.links:
                if link.method != Method.DEFINITION:
                    counts[str(link.verdict)] += 1
    return counts


def _unreadable_reason(submission: Submission, results: Sequence[DocumentResult],
                       unreadable: Sequence[str]) -> str:
    if not submission.files:
        found = f" (found {', '.join(submission.ignored[:5])})" if submission.ignored else ""
        return ("no document to check: a student's folder should hold Markdown or LaTeX "
                f"files ({', '.join(DOCUMENT_SUFFIXES)}){found}")
    if not results:
        return "; ".join(unreadable)
    setup = [w for r in results for w in r.warnings
             if w.startswith("line ") and "the given definition" in w]
    if setup:
        return f"the setup (given definitions) could not be read: {setup[0]}"
    counts = _checked_counts(results)
    checked = sum(counts.values())
    if not any(r.steps for r in results):
        return "no math to check: no $$ block or equation with a relation (=, \\approx)"
    if checked == 0:
        return "no claim to check: every step only defines or binds a name"
    if counts[Verdict.UNPARSEABLE] == checked:
        return (f"none of the {checked} checked links could be read as LaTeX "
                "(all unparseable)")
    return ""


def _score(rule: ScoreRule, counts: dict[str, int],
           expected: Sequence[ExpectedOutcome]) -> float:
    if rule == ScoreRule.EXPECTED:
        if not expected:
            return 0.0
        return sum(e.status == ExpectedStatus.CORRECT for e in expected) / len(expected)
    checked = sum(counts.values())
    return counts[Verdict.VALID] / checked if checked else 0.0


def _first_wrong(names: Sequence[str],
                 results: Sequence[DocumentResult]) -> FirstWrongStep | None:
    """The first invalid step: in the first file that has one, the earliest line."""
    for name, result in zip(names, results, strict=True):
        marked = [s for s in result.steps if s.first_invalid]
        if marked:
            step = min(marked, key=lambda s: s.line)
            link = step.claim.deciding_link
            return FirstWrongStep(name, step.line, step.source,
                                  _one_line(link.message if link else ""))
    return None


def zero_grade(submission: Submission, settings: GradingSettings, status: GradeStatus,
               reason: str, warnings: tuple[str, ...] = ()) -> StudentGrade:
    """The grade of a submission that could not be checked: score 0, with the reason."""
    expected = ()
    if settings.reference is not None:
        expected = tuple(ExpectedOutcome(e.lhs, ExpectedStatus.MISSING)
                         for e in settings.reference.expected)
    return StudentGrade(submission.student, submission.path, status, 0.0,
                        {str(v): 0 for v in VERDICT_ORDER}, reason, None, expected,
                        tuple(_relative(submission, f) for f in submission.files), warnings)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
