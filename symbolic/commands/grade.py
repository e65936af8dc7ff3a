"""`derivcheck grade`: grade a folder of submissions, one folder or file per student.

The command parses options, shows progress and prints a summary; grading is
`symbolic.grading`, spreading the work and resuming `symbolic.grading_runner`, the files
written `symbolic.grading_report`.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from symbolic.errors import DerivcheckError

EXIT_OK = 0          # every student was graded (whatever their scores)
EXIT_UNREADABLE = 1  # some submission was unreadable, or derivcheck failed on it
EXIT_UNUSABLE = 2    # nothing could be graded: no such folder, a bad reference, ...

SCORE_RULES = ("expected", "links")
EXAMPLE = "derivcheck grade hw3/ --reference solution.md -o hw3-grades --jobs 4"


class RateColumn(ProgressColumn):
    """Students graded per second, over the run so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.2f} students/s", style="cyan")


@click.command(
    "grade",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"\b\nExamples:\n  {EXAMPLE}\n"
           "  derivcheck grade hw3/ --scheduler tcp://10.0.0.5:8786 --resume",
)
@click.argument("submissions", metavar="SUBMISSIONS")
@click.option("-o", "--output", metavar="DIR", default=None,
              help="Folder for grades.csv, grades.json, index.html and students/. "
                   "Default: SUBMISSIONS-grades beside the submissions folder.")
@click.option("-r", "--reference", metavar="FILE", default=None,
              help="A reference solution: its given definitions, shapes and conventions "
                   "fill in what a student's file lacks; its `expected:` list is graded.")
@click.option("--score", "score_rule", type=click.Choice(SCORE_RULES), default=None,
              help="expected: share of the reference's expected results stated and right; "
                   "links: share of checked links that are valid. Default: expected when "
                   "the reference lists expected results, else links. Unreadable scores 0.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Grade N students at a time in separate processes. "
                   "Default: the number of cores.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Send the work to a Dask distributed scheduler (tcp://host:8786) "
                   "instead; needs pip install 'derivcheck[dask]'.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run in the same output folder: students whose "
                   "files are unchanged are not graded again.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="Time budget per document.")
@click.pass_context
def grade(ctx: click.Context, submissions: str, output: str | None, reference: str | None,
          score_rule: str | None, jobs: int | None, scheduler: str | None, resume: bool,
          timeout: float | None) -> None:
    """Grade a folder of submissions: a CSV, a JSON file and HTML feedback per student.

    SUBMISSIONS holds one folder or one file per student; the folder's or file's name
    is the student id. A submission with nothing checkable in it (no math, no step
    that could be read, a binary file) is graded `unreadable` with score 0. Exit
    status: 0 when every student was graded, 1 when some submission was unreadable,
    2 when nothing could be graded.
    """
    if scheduler is not None and jobs is not None:
        raise click.UsageError("give --jobs (this machine) or --scheduler (a Dask cluster), "
                               "not both")
    from symbolic.grading import GradingError

    try:
        status = _run(submissions, output, reference, score_rule, jobs, scheduler, resume,
                      timeout)
    except GradingError as error:
        click.echo(f"error: {error}", err=True)
        status = EXIT_UNUSABLE
    except KeyboardInterrupt:
        click.echo("interrupted: the students finished so far are saved; run the same "
                   "command with --resume to continue", err=True)
        status = 130
    except Exception as error:  # noqa: BLE001 - a user sees one line, never a traceback
        click.echo(" ".join(f"error: derivcheck grade failed ({type(error).__name__}: "
                            f"{error}); the students finished so far are saved: run the "
                            "same command with --resume to continue, and please report "
                            "this".split()), err=True)
        status = EXIT_UNUSABLE
    ctx.exit(status)


def _run(submissions: str, output: str | None, reference_path: str | None,
         score_rule: str | None, jobs: int | None, scheduler: str | None, resume: bool,
         timeout: float | None) -> int:
    from symbolic.grading import (
        GradeStatus,
        GradingError,
        GradingSettings,
        ScoreRule,
        find_submissions,
        read_reference,
    )
    from symbolic.grading_runner import default_output, grade_class

    out = Path(output) if output else default_output(submissions)
    if out.exists() and not out.is_dir():
        raise GradingError(f"cannot write grades to {str(out)!r}: it is a file, not a folder")
    reference = None
    if reference_path is not None:
        try:
            reference = read_reference(reference_path, budget_seconds=timeout)
        except DerivcheckError as error:
            raise GradingError(str(error)) from None
    rule = ScoreRule(score_rule) if score_rule else None
    if rule == ScoreRule.EXPECTED and (reference is None or not reference.expected):
        raise GradingError("--score expected needs a --reference whose front matter lists "
                           "`expected:` results; use --score links without one")
    settings = GradingSettings(reference, rule, timeout)
    students = find_submissions(submissions, exclude=[out, *(
        [reference_path] if reference_path else [])])
    workers = 1 if scheduler else (jobs or _cores())

    stderr = Console(stderr=True)
    progress = Progress(
        TextColumn("grading"), BarColumn(), MofNCompleteColumn(), RateColumn(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        TextColumn("{task.description}"), console=stderr, transient=stderr.is_terminal,
        disable=not stderr.is_terminal,
    )
    task = progress.add_task("", total=len(students))

    def started(todo: int, resumed: int) -> None:
        if resumed:
            click.echo(f"resuming: {resumed} students already graded, {todo} to go", err=True)
        progress.update(task, completed=resumed)
        # The pool's processes start before the progress bar's thread (see `check`).
        if todo and workers == 1:
            progress.start()

    def advanced(student: str, done: int, total: int) -> None:
        if not progress.live.is_started:
            progress.start()
        progress.update(task, completed=done, description=student)

    try:
        run = grade_class(students, settings, out, jobs=workers, scheduler=scheduler,
                          resume=resume, on_start=started, on_progress=advanced)
    finally:
        progress.stop()
    unreadable = [g for g in run.grades if g.status != GradeStatus.GRADED]
    mean = sum(g.score for g in run.grades) / len(run.grades)
    click.echo(f"{len(run.grades)} students: {len(run.grades) - len(unreadable)} graded, "
               f"{len(unreadable)} unreadable or failed; mean score {mean:.3f} "
               f"(rule: {settings.rule})"
               + (f"; {run.resumed} resumed from the earlier run" if run.resumed else ""))
    for grade_ in unreadable:
        click.echo(f"  {grade_.student}: {grade_.status}: {grade_.reason}")
    click.echo(f"wrote {run.csv_path}, {run.json_path} and {run.index_path}")
    return EXIT_UNREADABLE if unreadable else EXIT_OK


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
