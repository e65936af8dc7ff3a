"""Grade a whole class: students spread over processes or a Dask cluster, resumable.

    >>> from symbolic.grading import GradingSettings, find_submissions
    >>> from symbolic.grading_runner import grade_class
    >>> run = grade_class(find_submissions("hw3"), GradingSettings(), "hw3-grades",
    ...                   jobs=2)                                  # doctest: +SKIP
    >>> run.csv_path                                               # doctest: +SKIP
    PosixPath('hw3-grades/grades.csv')

Each finished student's grade is saved at once in the output folder (`.state/`, next to
the feedback page in `students/`), so an interrupted run loses nothing: with
`resume=True` a student whose files and settings are unchanged is not graded again.
The CSV, the JSON file and the index are written at the end, always in student order, so
they are the same however the work was spread.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from symbolic.grading import (
    GradedSubmission,
    GradeStatus,
    GradingError,
    GradingSettings,
    StudentGrade,
    Submission,
    grade_submission,
    zero_grade,
)
from symbolic.grading_report import csv_text, feedback_page, grades_json, index_html, page_names

__all__ = ["CSV_NAME", "ClassRun", "INDEX_NAME", "JSON_NAME", "default_output", "grade_class"]

CSV_NAME = "grades.csv"
JSON_NAME = "grades.json"
INDEX_NAME = "index.html"
PAGES_FOLDER = "students"
STATE_FOLDER = ".state"
STATE_VERSION = 1
# How long to wait for a Dask scheduler to answer before saying it cannot be reached.
SCHEDULER_TIMEOUT = "20s"

# Called with (student id, how many are done, how many in all) after each student.
ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ClassRun:
    """What a run wrote, and how much of it was graded now rather than resumed."""

    grades: list[StudentGrade]
    graded: int         # students graded in this run
    resumed: int        # students taken from an earlier, interrupted run
    output: Path

    @property
    def csv_path(self) -> Path:
        return self.output / CSV_NAME

    @property
    def json_path(self) -> Path:
        return self.output / JSON_NAME

    @property
    def index_path(self) -> Path:
        return self.output / INDEX_NAME


def default_output(submissions: str | os.PathLike) -> Path:
    """Where grades go by default: beside the submissions folder, `<name>-grades`."""
    folder = Path(submissions).resolve()
    return folder.parent / f"{folder.name}-grades"


def grade_class(submissions: Sequence[Submission], settings: GradingSettings,
                output: str | os.PathLike, *, jobs: int = 1, scheduler: str | None = None,
                resume: bool = False, on_start: Callable[[int, int], None] | None = None,
                on_progress: ProgressCallback | None = None) -> ClassRun:
    """Grade every submission and write the CSV, the JSON file, the index and the pages.

    Args:
        submissions: from `symbolic.grading.find_submissions`.
        settings: the reference, the score rule, the time budget.
        output: the folder to write into; created when missing.
        jobs: processes on this machine (1: in this process).
        scheduler: the address of a Dask scheduler (`tcp://host:8786`): the students are
            graded on its workers instead. Needs the `dask` extra.
        resume: keep the grades an earlier run with the same settings saved for students
            whose files have not changed.
        on_start: called once with (students to grade now, students resumed).
        on_progress: called after each student with (student id, done, total).

    Raises:
        GradingError: the output folder cannot be written, or the scheduler cannot be used.
    """
    out = Path(output)
    pages = page_names([s.student for s in submissions])
    store = _StateStore(out, _settings_fingerprint(settings))
    done: dict[str, StudentGrade] = store.load(submissions, pages) if resume else {}
    if not resume:
        store.clear()
    todo = [s for s in submissions if s.student not in done]
    if on_start is not None:
        on_start(len(todo), len(done))
    total, finished = len(submissions), len(done)
    for submission, graded in _graded(todo, settings, jobs, scheduler):
        store.save(submission, graded, pages[submission.student])
        done[submission.student] = graded.grade
        finished += 1
        if on_progress is not None:
            on_progress(submission.student, finished, total)
    grades = [done[s.student] for s in submissions]
    links = {student: f"{PAGES_FOLDER}/{page}" for student, page in pages.items()}
    reference = settings.reference
    _write(out / CSV_NAME, csv_text(grades, reference))
    _write(out / JSON_NAME, grades_json(grades, settings, links))
    _write(out / INDEX_NAME, index_html(grades, settings, links))
    return ClassRun(grades, len(todo), total - len(todo), out)


# --- spreading the work --------------------------------------------------------------


def _graded(todo: list[Submission], settings: GradingSettings, jobs: int,
            scheduler: str | None) -> Iterator[tuple[Submission, GradedSubmission]]:
    """(submission, its grade) as each is finished."""
    if not todo:
        return
    if scheduler is not None:
        yield from _on_dask(todo, settings, scheduler)
    elif jobs <= 1 or len(todo) == 1:
        for submission in todo:
            yield submission, grade_submission(submission, settings)
    else:
        yield from _on_processes(todo, settings, min(jobs, len(todo)))


def _on_processes(todo: list[Submission], settings: GradingSettings,
                  workers: int) -> Iterator[tuple[Submission, GradedSubmission]]:
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        futures: dict[Future, Submission] = {
            pool.submit(grade_submission, s, settings): s for s in todo}
        for future in as_completed(futures):
            yield futures[future], _outcome(futures[future], settings, future.result)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _on_dask(todo: list[Submission], settings: GradingSettings,
             address: str) -> Iterator[tuple[Submission, GradedSubmission]]:
    try:
        from dask.distributed import Client
        from dask.distributed import as_completed as dask_completed
    except ImportError:
        raise GradingError("--scheduler needs Dask's distributed scheduler, an optional "
                           "extra: pip install 'derivcheck[dask]'") from None
    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise GradingError(f"cannot reach the Dask scheduler at {address!r}: "
                           f"{' '.join(str(error).split()) or type(error).__name__}; "
                           "check the address (tcp://host:8786) and that it runs") from None
    try:
        futures = client.map(grade_submission, todo, settings=settings, pure=False)
        which = {future.key: s for future, s in zip(futures, todo, strict=True)}
        for future in dask_completed(futures, loop=client.loop):
            submission = which[future.key]
            yield submission, _outcome(submission, settings, future.result)
    finally:
        client.close()


def _outcome(submission: Submission, settings: GradingSettings,
             result: Callable[[], GradedSubmission]) -> GradedSubmission:
    """The worker's answer, or a failed grade when the worker itself was lost."""
    try:
        return result()
    except Exception as error:  # noqa: BLE001 - a lost worker fails one student, not the run
        reason = " ".join(f"the worker grading this submission stopped ({type(error).__name__}"
                          f": {error}); grade it alone with --jobs 1".split())
        grade = zero_grade(submission, settings, GradeStatus.FAILED, reason)
        return GradedSubmission(grade)


# --- saved state, for --resume -------------------------------------------------------


class _StateStore:
    """One file per finished student in `<output>/.state/`, with what its grade depends on."""

    def __init__(self, output: Path, settings_fingerprint: str):
        self.output = output
        self.folder = output / STATE_FOLDER
        self.pages = output / PAGES_FOLDER
        self.settings_fingerprint = settings_fingerprint
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.pages.mkdir(exist_ok=True)
        except OSError as error:
            raise GradingError(f"cannot write grades to {str(output)!r}: "
                               f"{error.strerror or error}") from None

    def _state_file(self, page: str) -> Path:
        return self.folder / (Path(page).stem + ".json")

    def load(self, submissions: Sequence[Submission],
             pages: dict[str, str]) -> dict[str, StudentGrade]:
        """The grades saved for students whose files and settings are unchanged."""
        kept = {}
        for submission in submissions:
            page = pages[submission.student]
            try:
                saved = json.loads(self._state_file(page).read_text(encoding="utf-8"))
                if saved.get("fingerprint") != self._fingerprint(submission) or not (
                        self.pages / page).is_file():
                    continue
                kept[submission.student] = StudentGrade.from_dict(saved["grade"])
            except (OSError, ValueError, KeyError, TypeError):
                continue   # missing or from another version: graded again
        return kept

    def clear(self) -> None:
        for file in self.folder.glob("*.json"):
            file.unlink(missing_ok=True)

    def save(self, submission: Submission, graded: GradedSubmission, page: str) -> None:
        # The page first: a saved state always has its page.
        _write(self.pages / page, feedback_page(graded.grade, graded.results))
        state = {"version": STATE_VERSION, "fingerprint": self._fingerprint(submission),
                 "grade": graded.grade.to_dict()}
        _write(self._state_file(page), json.dumps(state, ensure_ascii=False))

    def _fingerprint(self, submission: Submission) -> str:
        digest = hashlib.sha256(self.settings_fingerprint.encode())
        digest.update(json.dumps([submission.student, submission.path,
                                  list(submission.ignored)]).encode())
        for file in submission.files:
            digest.update(file.encode("utf-8", "surrogateescape"))
            try:
                digest.update(Path(file).read_bytes())
            except OSError as error:
                digest.update(f"unreadable: {error}".encode())
        return digest.hexdigest()


def _settings_fingerprint(settings: GradingSettings) -> str:
    try:
        package = version("derivcheck")
    except PackageNotFoundError:
        package = "unknown"
    reference = settings.reference
    reference_text = ""
    if reference is not None:
        try:
            reference_text = Path(reference.path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            reference_text = repr(reference)
    return json.dumps([STATE_VERSION, package, str(settings.rule), settings.budget_seconds,
                       reference_text])


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a run stopped midway never leaves half a file."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(partial, path)
    except OSError as error:
        raise GradingError(f"cannot write {str(path)!r}: {error.strerror or error}") from None
