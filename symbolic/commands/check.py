"""`derivcheck check`: check every step of derivation documents, report, set the exit status.

The command only finds files, spreads them over processes and renders; checking is
`symbolic.checker.check_document`, rendering `symbolic.report`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from symbolic import isolation, report
from symbolic.ci_formats import render_concise, render_github, render_junit
from symbolic.config import DEFAULT_INCLUDE, ConfigError, load_settings
from symbolic.discovery import Finder
from symbolic.document import DocumentReadError, decode_utf8
from symbolic.errors import DerivcheckError
from symbolic.isolation import WorkerPool
from symbolic.report import printable
from symbolic.results import DocumentResult, Method, Verdict

EXIT_OK = 0          # every checked link is valid (undecided ones allowed without --strict)
EXIT_INVALID = 1     # some step is invalid or unreadable, or a document has nothing checked
                     # (with --strict, also some step undecided)
EXIT_UNUSABLE = 2    # the input could not be used: no such path, no documents, not text

FORMATS = ("text", "concise", "json", "github", "junit", "md", "html")
FORMAT_BY_SUFFIX = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html",
                    ".htm": "html", ".txt": "text", ".xml": "junit"}
REPORT_WIDTH = 120   # columns of a text report that does not go to a terminal
STDIN = "-"          # the PATH that means standard input

EXAMPLE = "derivcheck check homework/ notes/backprop.md --format json -o report.json"


class InputError(DerivcheckError):
    """A path or an option that makes the run impossible; shown as one line, exit 2."""


@dataclass
class Outcome:
    """What checking one file gave: a result, or why there is none."""

    path: str
    result: DocumentResult | None = None
    error: str | None = None


@dataclass(frozen=True)
class Output:
    """How the report is written: its format, where, and how much of it."""

    fmt: str
    path: Path | None
    verbose: bool
    quiet: bool
    color: str          # "auto", "always" or "never"


@click.command(
    "check",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="\b\nExamples:\n  derivcheck check derivations/ --format concise\n"
           "  derivcheck check - --stdin-filename notes.tex < notes.tex\n"
           f"  {EXAMPLE}",
)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format: text (a table of problems), concise (path:line: lines "
                   "for editors), json, github (Actions annotations), junit (XML), md or "
                   "html. Default: from the -o file's suffix (.json, .md, .html, .xml), "
                   "else text.")
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every link, valid ones too, with how each was read and lines "
                   "that reproduce counterexamples.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print only the problems: no summaries, no progress bar.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour the report: auto colours a terminal unless NO_COLOR is set.")
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Leave out files and folders matching PATTERN (gitignore-style, relative "
                   "to each folder searched) when searching folders. Repeat.")
@click.option("--stdin-filename", metavar="NAME", default=None,
              help="The name a document read from standard input (PATH -) is reported "
                   "under; its suffix (.md, .tex, .ipynb) says how it is read.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check N files at a time, in N worker processes. Verdicts do not depend "
                   "on N. Default: the number of cores, at most the number of files.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS",
              help="The wall-clock safety net per link ([tool.derivcheck] budget, else 30); "
                   "a link it stops is undecided, with the method \"timeout\". Verdicts are "
                   "decided by deterministic work limits, not by this.")
@click.option("--strict", is_flag=True,
              help="Also exit 1 when some step is undecided.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, output: str | None,
          verbose: bool, quiet: bool, color: str, exclude: tuple[str, ...],
          stdin_filename: str | None, jobs: int | None, timeout: float | None,
          strict: bool) -> None:
    """Check every step of the derivations in PATH... and report where each goes wrong.

    A PATH is a document (Markdown, LaTeX .tex or a Jupyter .ipynb notebook), a folder,
    or - for standard input. A folder is searched at any depth for *.md, *.tex and
    *.ipynb files, leaving out hidden files, what .gitignore ignores and --exclude.
    Settings come from [tool.derivcheck] in the nearest pyproject.toml (see `derivcheck
    help config`). Exit status: 0 when every checked link is valid; 1 when some step is
    invalid or could not be read, or a document has nothing to check (with --strict, also
    when some step is undecided); 2 when the input could not be used.
    """
    try:
        status = _run(paths, fmt, output, verbose, quiet, color, exclude, stdin_filename,
                      jobs, timeout, strict)
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
         quiet: bool, color: str, exclude: Sequence[str], stdin_filename: str | None,
         jobs: int | None, timeout: float | None, strict: bool = False) -> int:
    out_path = _output_path(output)
    if fmt is None:
        fmt = FORMAT_BY_SUFFIX.get(out_path.suffix.lower(), "text") if out_path else "text"
    first = next((p for p in paths if p != STDIN and os.path.exists(p)), None)
    try:
        settings = load_settings(Path(first) if first else Path.cwd())
    except ConfigError as error:
        raise InputError(str(error)) from None
    finder = Finder(settings.include, settings.exclude, settings.root, exclude)
    documents, missing = collect_documents(paths, finder=finder, exclude=out_path,
                                           quiet=quiet)
    stdin_text = None
    if STDIN in paths:
        try:
            stdin_text = _read_stdin()
        except DocumentReadError as error:   # like an unreadable file: the rest is checked
            missing.append(f"cannot check {stdin_filename or '<stdin>'!r}: {error}")
            documents = [d for d in documents if str(d) != STDIN]
    try:
        from symbolic.checker import check_document  # noqa: F401 - fail before any work
    except ImportError as error:
        raise InputError(f"the checker could not be loaded ({error})") from None

    work = [Work(str(d), stdin_filename or "<stdin>", stdin_text) if str(d) == STDIN
            else Work(str(d)) for d in documents]
    outcomes = _check_all(work, jobs, timeout or settings.budget, settings.conventions, quiet)
    results = [o.result for o in outcomes if o.result is not None]
    errors = missing + [o.error for o in outcomes if o.error is not None]
    for message in errors:
        click.echo(f"error: {message}", err=True)

    _write_report(results, Output(fmt, out_path, verbose, quiet, color))
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


def _read_stdin() -> str:
    # bytes, decoded as UTF-8 like a file: the console's code page would garble `σ` on Windows
    text = decode_utf8(sys.stdin.buffer.read(), "standard input")
    # A text with neither a line break nor a `$` would be taken for a path.
    return text if text.endswith("\n") or not text else text + "\n"


# --- finding documents ---------------------------------------------------------------


def collect_documents(paths: Sequence[str], *, finder: Finder | None = None,
                      exclude: Path | None = None,
                      quiet: bool = False) -> tuple[list[Path], list[str]]:
    """The files to check, in order, and one message per path that does not exist.

    Files are taken as given, folders searched (see `symbolic.discovery`); `-` is
    standard input.

    Raises:
        InputError: no document was found at all.
    """
    finder = finder or Finder(DEFAULT_INCLUDE)
    missing = [f"no such file or folder: {p!r}" for p in paths
               if p != STDIN and not os.path.exists(p)]
    skip = {exclude.resolve()} if exclude else set()
    files: list[Path] = []
    for given in paths:
        if given == STDIN:
            if Path(STDIN) not in files:
                files.append(Path(STDIN))
            continue
        path = Path(given)
        if not path.exists():
            continue
        found = finder.below(path) if path.is_dir() else [path]
        if path.is_dir() and not found and not quiet:
            click.echo(f"warning: no documents (*.md, *.tex, *.ipynb) in {given!r}", err=True)
        for file in found:
            key = file.resolve()
            if key not in skip:
                skip.add(key)
                files.append(file)
    if not files:
        raise InputError("; ".join(missing) if missing else
                         "no documents found in " + ", ".join(repr(p) for p in paths))
    return files, missing


# --- checking ------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """One document to check: a path, or text read from standard input under a name."""

    path: str
    name: str | None = None
    text: str | None = None

    @property
    def shown(self) -> str:
        return self.name or self.path


def check_file(work: Work | str, budget_seconds: float | None,
               conventions: dict | None = None, pool: WorkerPool | None = None) -> Outcome:
    """Check one file in the pool's workers; never raises."""
    import symbolic.checker

    if isinstance(work, str):
        work = Work(work)
    path = work.shown
    try:
        source = work.text if work.text is not None else Path(work.path)
        result = symbolic.checker.check_document(source, path=path,
                                                 budget_seconds=budget_seconds,
                                                 conventions=conventions, pool=pool)
    except (DerivcheckError, OSError) as error:
        return Outcome(path, error=_one_line(f"cannot check {path!r}: {error}"))
    except Exception as error:  # noqa: BLE001 - one bad document must not end the run
        return Outcome(path, error=_one_line(
            f"derivcheck failed on {path!r} ({type(error).__name__}: {error}); "
            "please report this with the document"))
    return Outcome(path, result=result)


def _one_line(message: str) -> str:
    return printable(" ".join(message.split()))


def _check_all(work: list[Work], jobs: int | None, timeout: float | None,
               conventions: dict | None = None, quiet: bool = False) -> list[Outcome]:
    """Outcomes in the order of `work`, checked by `jobs` worker processes.

    One thread per worker hands it a document and watches its steps (the worker pool
    kills a step that runs past its hard limit); results do not depend on `jobs`.
    """
    workers = min(jobs or _cores(), len(work))
    names = [w.shown for w in work]
    stderr = Console(stderr=True)
    progress = Progress(
        TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=stderr, transient=stderr.is_terminal,
        disable=quiet or not (len(work) > 1 or stderr.is_terminal),
    )
    task = progress.add_task("", total=len(work))
    pool = WorkerPool(workers) if isolation.enabled() else None
    try:
        with progress, ThreadPoolExecutor(max_workers=workers) as threads:
            # the costliest first: a long document started last would leave a core idle
            order = sorted(range(len(work)), key=lambda k: -expected_cost(work[k]))
            submitted = {k: threads.submit(check_file, work[k], timeout, conventions, pool)
                         for k in order}
            futures = [submitted[k] for k in range(len(work))]
            index = {future: name for future, name in zip(futures, names, strict=True)}
            for future in as_completed(futures):
                progress.update(task, advance=1, description=index[future])
            progress.update(task, description="")
        return [future.result() for future in futures]
    finally:
        if pool is not None:
            pool.close()


COSTLY = ("\\partial", "\\nabla")   # derivatives: most of what checking a document costs


def expected_cost(work: Work) -> int:
    """How long a document may take to check, roughly: the derivatives it writes.

    It only orders the work (results keep the order of `work`); an unreadable file costs 0
    and reports its error when its turn comes.
    """
    try:
        text = work.text if work.text is not None else \
            Path(work.path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    return sum(text.count(token) for token in COSTLY)


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


def _colour(color: str, stream_is_terminal: bool) -> bool:
    """Whether to colour: `always`, `never`, or on a terminal unless NO_COLOR is set."""
    if color != "auto":
        return color == "always"
    return stream_is_terminal and not os.environ.get("NO_COLOR")


def _console(output: Output, file=None) -> Console:
    if file is not None:   # a report file: never coloured
        return Console(file=file, width=REPORT_WIDTH, highlight=False, color_system=None,
                       force_terminal=False)
    console = Console(highlight=False)
    coloured = _colour(output.color, console.is_terminal)
    width = None if console.is_terminal else REPORT_WIDTH
    return Console(highlight=False, width=width, force_terminal=coloured or None,
                   no_color=not coloured, color_system="standard" if coloured else None)


def _write_report(results: list[DocumentResult], output: Output) -> None:
    if output.path is None:
        if output.fmt == "text":
            report.render_text(results, verbose=output.verbose, quiet=output.quiet,
                               console=_console(output))
        else:
            colour = _colour(output.color, sys.stdout.isatty())
            text = _render(results, output, colour)
            if text:
                click.echo(text, color=colour)
        return
    try:
        with output.path.open("w", encoding="utf-8") as handle:
            if output.fmt == "text":
                report.render_text(results, verbose=output.verbose, quiet=output.quiet,
                                   console=_console(output, handle))
            else:
                handle.write(_render(results, output, False) + "\n")
    except OSError as error:
        raise InputError(f"cannot write the report to {str(output.path)!r}: "
                         f"{error.strerror or error}") from None


def _render(results: list[DocumentResult], output: Output, colour: bool) -> str:
    if output.fmt == "json":
        return report.render_json(results)
    if output.fmt == "concise":
        return render_concise(results, color=colour, quiet=output.quiet)
    if output.fmt == "github":
        return render_github(results)
    if output.fmt == "junit":
        return render_junit(results)
    if output.fmt == "html":
        from symbolic.html_report import render_html

        return render_html(results)
    return report.render_markdown(results, verbose=output.verbose)
