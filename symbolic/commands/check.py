"""`derivcheck check`: check every step of derivation documents, report, set the exit status.

The command only finds files, spreads them over processes and renders; checking is
`symbolic.checker.check_document`, rendering `symbolic.report`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from symbolic import isolation, report
from symbolic.errors import DerivcheckError
from symbolic.isolation import WorkerPool
from symbolic.report import printable
from symbolic.results import DocumentResult, Method, Verdict

EXIT_OK = 0          # every checked link is valid (undecided ones allowed without --strict)
EXIT_INVALID = 1     # some step is invalid or unreadable, or a document has nothing checked
                     # (with --strict, also some step undecided)
EXIT_UNUSABLE = 2    # the input could not be used: no such path, no documents, not text

FORMATS = ("text", "json", "md", "html")
FORMAT_BY_SUFFIX = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html",
                    ".htm": "html", ".txt": "text"}
REPORT_WIDTH = 120   # columns of a text report that does not go to a terminal

EXAMPLE = "derivcheck check homework/ notes/backprop.md --format json -o report.json"


class InputError(DerivcheckError):
    """A path or an option that makes the run impossible; shown as one line, exit 2."""


@dataclass
class Outcome:
    """What checking one file gave: a result, or why there is none."""

    path: str
    result: DocumentResult | None = None
    error: str | None = None


@click.command(
    "check",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"\b\nExample:\n  {EXAMPLE}",
)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format. Default: from the -o file's suffix "
                   "(.json, .md, .html), else text.")
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("-v", "--verbose", is_flag=True,
              help="Show how each step was read, and reproduction lines.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check N files at a time, in N worker processes. Verdicts do not depend "
                   "on N. Default: the number of cores, at most the number of files.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS",
              help="The wall-clock safety net per link (default 30); a link it stops is "
                   "undecided, with the method \"timeout\". Verdicts are decided by "
                   "deterministic work limits, not by this.")
@click.option("--strict", is_flag=True,
              help="Also exit 1 when some step is undecided.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, output: str | None,
          verbose: bool, jobs: int | None, timeout: float | None, strict: bool) -> None:
    """Check every step of the derivations in PATH... and report where each goes wrong.

    A PATH is a document (Markdown with $$ math) or a folder, searched for *.md files
    at any depth (hidden folders are skipped). Exit status: 0 when every checked link
    is valid; 1 when some step is invalid or could not be read, or a document has
    nothing to check (with --strict, also when some step is undecided); 2 when the
    input could not be used.
    """
    try:
        status = _run(paths, fmt, output, verbose, jobs, timeout, strict)
    except InputError as error:
        click.echo(f"error: {error}", err=True)
        status = EXIT_UNUSABLE
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        status = 130
    except Exception as error:  # noqa: BLE001 - a user sees one line, never a traceback
        click.echo(_one_line(f"error: derivcheck failed ({type(error).__name__}: {error}); "
                             "please report this"), err=True)
        status = EXIT_UNUSABLE
    ctx.exit(status)


def _run(paths: Sequence[str], fmt: str | None, output: str | None, verbose: bool,
         jobs: int | None, timeout: float | None, strict: bool = False) -> int:
    out_path = _output_path(output)
    if fmt is None:
        fmt = FORMAT_BY_SUFFIX.get(out_path.suffix.lower(), "text") if out_path else "text"
    files = collect_documents(paths, exclude=out_path)
    try:
        from symbolic.checker import check_document  # noqa: F401 - fail before any work
    except ImportError as error:
        raise InputError(f"the checker could not be loaded ({error})") from None

    outcomes = _check_all(files, jobs, timeout)
    results = [o.result for o in outcomes if o.result is not None]
    errors = [o.error for o in outcomes if o.error is not None]
    for message in errors:
        click.echo(f"error: {message}", err=True)

    _write_report(results, fmt, out_path, verbose)
    if errors:
        return EXIT_UNUSABLE
    return exit_status(results, strict)


def exit_status(results: list[DocumentResult], strict: bool = False) -> int:
    """0 when every document is valid; 1 when one is invalid or unreadable, or has nothing
    checked (its verdict is then undecided), or, with `strict`, when one is undecided."""
    failing = {Verdict.INVALID, Verdict.UNPARSEABLE}
    for result in results:
        if result.verdict in failing or (strict and result.verdict == Verdict.UNDECIDED):
            return EXIT_INVALID
        if not any(link.method != Method.DEFINITION for step in result.steps
                   for link in step.claim.links):
            return EXIT_INVALID     # nothing checked: never a pass
    return EXIT_OK


# --- finding documents ---------------------------------------------------------------


def collect_documents(paths: Sequence[str], *, exclude: Path | None = None) -> list[Path]:
    """The files to check, in order: files as given, folders' *.md files sorted.

    Raises:
        InputError: a path does not exist, or no document was found at all.
    """
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise InputError("no such file or folder: " + ", ".join(repr(p) for p in missing))
    skip = {exclude.resolve()} if exclude else set()
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        found = _markdown_below(path) if path.is_dir() else [path]
        if path.is_dir() and not found:
            click.echo(f"warning: no *.md files in {given!r}", err=True)
        for file in found:
            key = file.resolve()
            if key not in skip:
                skip.add(key)
                files.append(file)
    if not files:
        raise InputError("no documents found in " + ", ".join(repr(p) for p in paths))
    return files


def _markdown_below(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, n) for n in names if n.endswith(".md") and not n.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


# --- checking ------------------------------------------------------------------------


def check_file(path: str, budget_seconds: float | None,
               pool: WorkerPool | None = None) -> Outcome:
    """Check one file in the pool's workers; never raises."""
    import symbolic.checker

    try:
        result = symbolic.checker.check_document(Path(path), path=path,
                                                 budget_seconds=budget_seconds, pool=pool)
    except (DerivcheckError, OSError) as error:
        return Outcome(path, error=_one_line(f"cannot check {path!r}: {error}"))
    except Exception as error:  # noqa: BLE001 - one bad document must not end the run
        return Outcome(path, error=_one_line(
            f"derivcheck failed on {path!r} ({type(error).__name__}: {error}); "
            "please report this with the document"))
    return Outcome(path, result=result)


def _one_line(message: str) -> str:
    return printable(" ".join(message.split()))


def _check_all(files: list[Path], jobs: int | None, timeout: float | None) -> list[Outcome]:
    """Outcomes in the order of `files`, checked by `jobs` worker processes.

    One thread per worker hands it a document and watches its steps (the worker pool
    kills a step that runs past its hard limit); results do not depend on `jobs`.
    """
    workers = min(jobs or _cores(), len(files))
    names = [str(f) for f in files]
    stderr = Console(stderr=True)
    progress = Progress(
        TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=stderr, transient=stderr.is_terminal,
        disable=not (len(files) > 1 or stderr.is_terminal),
    )
    task = progress.add_task("", total=len(files))
    pool = WorkerPool(workers) if isolation.enabled() else None
    try:
        with progress, ThreadPoolExecutor(max_workers=workers) as threads:
            futures = [threads.submit(check_file, name, timeout, pool) for name in names]
            index = {future: name for future, name in zip(futures, names, strict=True)}
            for future in as_completed(futures):
                progress.update(task, advance=1, description=index[future])
            progress.update(task, description="")
        return [future.result() for future in futures]
    finally:
        if pool is not None:
            pool.close()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- output --------------------------------------------------------------------------


def _output_path(output: str | None) -> Path | None:
    if output is None:
        return None
    path = Path(output)
    if path.is_dir():
        raise InputError(f"cannot write the report to {output!r}: it is a folder")
    if not path.parent.is_dir():
        raise InputError(f"cannot write the report to {output!r}: "
                         f"folder {str(path.parent)!r} does not exist")
    return path


def _write_report(results: list[DocumentResult], fmt: str, out_path: Path | None,
                  verbose: bool) -> None:
    if out_path is None:
        if fmt == "text":
            console = Console(highlight=False)
            if not console.is_terminal:
                console = Console(highlight=False, width=REPORT_WIDTH)
            report.render_text(results, verbose=verbose, console=console)
        else:
            click.echo(_render(results, fmt, verbose))
        return
    try:
        with out_path.open("w", encoding="utf-8") as handle:
            if fmt == "text":
                console = Console(file=handle, width=REPORT_WIDTH, highlight=False,
                                  color_system=None, force_terminal=False)
                report.render_text(results, verbose=verbose, console=console)
            else:
                handle.write(_render(results, fmt, verbose) + "\n")
    except OSError as error:
        raise InputError(f"cannot write the report to {str(out_path)!r}: "
                         f"{error.strerror or error}") from None


def _render(results: list[DocumentResult], fmt: str, verbose: bool) -> str:
    if fmt == "json":
        return report.render_json(results)
    if fmt == "html":
        from symbolic.html_report import render_html

        return render_html(results)
    return report.render_markdown(results, verbose=verbose)
