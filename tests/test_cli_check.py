"""`derivcheck check`, through the installed executable and through click's CliRunner.

The documents in tests/data/docs have verdicts no checker can argue with:
`d/dx x^2 = 2x` is valid, `(a+b)^2 = a^2 + b^2` is invalid, `\\frac{2x}{` cannot be read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from conftest import report_json

from symbolic.commands.check import EXAMPLE, check

DATA = Path(__file__).resolve().parent / "data" / "docs"
VALID = DATA / "valid" / "square.md"
INVALID = DATA / "invalid" / "binomial.md"
UNPARSEABLE = DATA / "unparseable" / "brace.md"
FOLDER = DATA / "folder"
DERIVCHECK = Path(sys.executable).parent / "derivcheck"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real `derivcheck` command, as a user runs it."""
    return subprocess.run([str(DERIVCHECK), *map(str, args)], capture_output=True,
                          text=True, timeout=600, cwd=cwd,
                          env={**os.environ, "COLUMNS": "160"})


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(check, [str(a) for a in args])


def assert_one_clean_line(stderr: str, *fragments: str) -> None:
    """An error is one line, names what is wrong, and has no traceback."""
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, stderr
    for fragment in fragments:
        assert fragment in errors[0]
    assert "Traceback" not in stderr


# --- exit status ---------------------------------------------------------------------


def test_valid_document_exits_0():
    done = run("check", VALID)
    assert done.returncode == 0, done.stderr
    assert "1 valid link not shown (-v shows them)" in done.stdout
    assert "✓ valid" in run("check", VALID, "-v").stdout
    assert "1 checked link in 1 step: 1 valid, 0 invalid" in done.stdout


def test_invalid_document_exits_1_and_shows_the_counterexample():
    done = run("check", INVALID)
    assert done.returncode == 1, done.stderr
    assert "✗ invalid" in done.stdout and "first error" in done.stdout
    assert "left side" in done.stdout and "right side" in done.stdout


def test_unparseable_without_invalid_exits_1_and_says_so():
    result = invoke(UNPARSEABLE)
    assert result.exit_code == 1, result.output
    assert "⚠ unparseable" in result.stdout
    assert "no step is wrong, but 1 link could not be read" in result.stdout


def test_any_invalid_or_unreadable_document_makes_the_run_exit_1():
    assert invoke(VALID, INVALID, UNPARSEABLE).exit_code == 1
    assert invoke(VALID, UNPARSEABLE).exit_code == 1
    assert invoke(VALID).exit_code == 0


def test_strict_makes_an_undecided_step_exit_1(tmp_path: Path):
    doc = tmp_path / "undefined.md"
    doc.write_text("$$\\frac{d}{dx} x^2 = 2x$$\n$$\\frac{1}{0} = 1$$\n", encoding="utf-8")
    assert invoke(doc).exit_code == 0                  # undecided alone does not fail
    assert invoke(doc, "--strict").exit_code == 1
    assert invoke(VALID, "--strict").exit_code == 0


def test_a_document_with_nothing_to_check_exits_1(tmp_path: Path):
    doc = tmp_path / "prose.md"
    doc.write_text("Only prose here, and a lone $$a + b$$ expression.\n", encoding="utf-8")
    result = invoke(doc)
    assert result.exit_code == 1
    assert "no math found: nothing was checked" in result.stdout


def test_an_unclosed_brace_exits_1_with_its_line(tmp_path: Path):
    doc = tmp_path / "garbled.md"
    doc.write_text("$$\\frac{\\partial f}{\\partial z = f(1 - f)$$\n", encoding="utf-8")
    result = invoke(doc)
    assert result.exit_code == 1
    assert "a `{` is never closed" in result.stdout


def test_front_matter_that_is_not_yaml_exits_1_and_says_the_setup_was_lost(tmp_path: Path):
    doc = tmp_path / "setup.md"
    doc.write_text("---\ngiven: [f = \\sigma(z)\n---\n"
                   "$$\\frac{\\partial f}{\\partial z} = f(1 - f)$$\n", encoding="utf-8")
    result = invoke(doc)
    assert result.exit_code == 1
    assert "error: the setup (front matter) could not be read" in result.stdout
    assert "✗ invalid" not in result.stdout


@pytest.mark.parametrize("name, data", [("random.md", bytes(range(256)) * 4),
                                        ("latin1.md", "$$é = e$$".encode("latin-1"))])
def test_binary_or_non_utf8_input_exits_2(tmp_path: Path, name: str, data: bytes):
    doc = tmp_path / name
    doc.write_bytes(data)
    result = invoke(doc)
    assert result.exit_code == 2
    assert "cannot check" in result.stderr


def test_control_characters_are_escaped_in_the_text_report(tmp_path: Path):
    doc = tmp_path / "escape.md"
    doc.write_text("# Title \x1b[2J\n$$x \x1b[31m = x$$\n", encoding="utf-8")
    result = invoke(doc)
    assert "\x1b" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_missing_path_exits_2_naming_it_and_the_rest_is_still_checked():
    done = run("check", VALID, "no/such/derivation.md", "--format", "concise")
    assert done.returncode == 2
    assert done.stdout == "No problems in 1 document; 1 link is valid.\n"
    assert_one_clean_line(done.stderr, "no such file or folder", "'no/such/derivation.md'")


def test_missing_path_through_cli_runner():
    result = invoke("missing.md", "also-missing/")
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr, "'missing.md'", "'also-missing/'")


def test_folder_without_documents_exits_2(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("$$a = b$$\n", encoding="utf-8")
    result = invoke(tmp_path)
    assert result.exit_code == 2
    assert "warning: no documents (*.md, *.tex, *.ipynb) in" in result.stderr
    assert_one_clean_line(result.stderr, "no documents found")


def test_unreadable_file_exits_2_and_the_rest_is_still_reported(tmp_path: Path):
    (tmp_path / "ok.md").write_text("$$\\frac{\\partial}{\\partial x} x^2 = 2x$$\n",
                                    encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")  # listed, cannot be read
    result = invoke(tmp_path, "--format", "json")
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr, "gone.md")
    data = report_json(result.stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["ok.md"]


def test_a_checker_failure_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch):
    import symbolic.checker

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(symbolic.checker, "check_document", broken)
    result = invoke(VALID, "--jobs", "1")
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr, "derivcheck failed on", "RuntimeError: boom")


# --- formats and output ----------------------------------------------------------------


def test_json_report_on_stdout_with_folders_sorted_and_hidden_skipped():
    done = run("check", FOLDER, VALID, "--format", "json")
    assert done.returncode == 1, done.stderr
    data = report_json(done.stdout)  # the progress bar went to stderr, not here
    assert data["schema"] == "derivcheck/report-v1"
    names = [Path(d["path"]).relative_to(DATA).as_posix() for d in data["documents"]]
    assert names == ["folder/a.md", "folder/d.md", "folder/sub/c.md", "valid/square.md"]
    assert [d["verdict"] for d in data["documents"]] == ["valid", "valid", "invalid",
                                                         "valid"]
    assert data["totals"]["documents"] == 4
    assert data["totals"]["documents_with_errors"] == 1
    assert data["totals"]["links"]["invalid"] == 1
    step = data["documents"][2]["steps"][0]
    assert (step["line"], step["verdict"], step["first_invalid"]) == (3, "invalid", True)


def test_output_file_takes_the_report_and_its_format_from_the_suffix(tmp_path: Path):
    report = tmp_path / "report.json"
    done = run("check", INVALID, "-o", report)
    assert done.returncode == 1
    assert done.stdout == ""
    data = report_json(report.read_text(encoding="utf-8"))
    assert data["documents"][0]["title"] == "A binomial slip"


@pytest.mark.parametrize(("name", "fmt", "start"), [
    ("report.md", None, "# derivcheck report"),
    ("report.txt", None, "A binomial slip"),
    ("report.out", "md", "# derivcheck report"),
    ("report.html", None, "<!DOCTYPE html>"),
])
def test_output_formats(tmp_path: Path, name: str, fmt: str | None, start: str):
    report = tmp_path / name
    result = invoke(INVALID, "-o", report, *(["--format", fmt] if fmt else []))
    assert result.exit_code == 1, result.output
    text = report.read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "\x1b[" not in text


def test_text_report_to_a_pipe_has_no_colour_codes():
    done = run("check", INVALID)
    assert "\x1b[" not in done.stdout


def test_markdown_on_stdout():
    result = invoke(INVALID, "--format", "md")
    assert result.stdout.startswith("# derivcheck report")
    assert "| 3 | `(a+b)^2 = a^2 + b^2` | ✗ invalid |" in result.stdout


def test_verbose_shows_how_steps_were_read():
    assert "read as" in invoke(VALID, "-v").stdout
    assert "read as" not in invoke(VALID).stdout


def test_output_into_a_missing_folder_exits_2(tmp_path: Path):
    result = invoke(VALID, "-o", tmp_path / "nope" / "report.json")
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr, "cannot write the report", "does not exist")


def test_the_report_file_is_not_checked_as_a_document(tmp_path: Path):
    (tmp_path / "a.md").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "report.md"
    for _ in range(2):
        result = invoke(tmp_path, "-o", report)
        assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").count("## ") == 2  # a.md, then Total


# --- jobs and options ------------------------------------------------------------------


def test_jobs_2_gives_the_same_report_as_jobs_1():
    one = run("check", FOLDER, INVALID, VALID, UNPARSEABLE, "--format", "json", "--jobs", "1")
    two = run("check", FOLDER, INVALID, VALID, UNPARSEABLE, "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert report_json(one.stdout) == report_json(two.stdout)


def test_jobs_2_through_cli_runner_keeps_input_order():
    result = invoke(INVALID, VALID, UNPARSEABLE, "--format", "json", "--jobs", "2")
    paths = [d["path"] for d in report_json(result.stdout)["documents"]]
    assert paths == [str(INVALID), str(VALID), str(UNPARSEABLE)]


@pytest.mark.parametrize("option", [["--jobs", "0"], ["--timeout", "0"],
                                    ["--format", "pdf"]])
def test_bad_options_exit_2(option: list[str]):
    result = invoke(VALID, *option)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_timeout_is_accepted():
    assert invoke(VALID, "--timeout", "30").exit_code == 0


def test_a_path_given_twice_is_checked_once():
    result = invoke(VALID, VALID, "--format", "json")
    assert len(report_json(result.stdout)["documents"]) == 1


# --- help ------------------------------------------------------------------------------


def _ends_with_example(help_text: str) -> bool:
    """The help ends with a heading `Example:` or `Examples:` and literal commands under it."""
    lines = [line.strip() for line in help_text.rstrip().splitlines()]
    k = len(lines) - 1
    while k >= 0 and lines[k].startswith("derivcheck "):
        k -= 1
    return k < len(lines) - 1 and k >= 0 and lines[k].rstrip(":").lower() in ("example",
                                                                              "examples")


def test_check_help_ends_with_an_example():
    result = CliRunner().invoke(check, ["--help"])
    assert result.exit_code == 0
    assert _ends_with_example(result.stdout)
    assert result.stdout.rstrip().endswith(EXAMPLE)


def test_help_of_every_command_ends_with_an_example():
    from symbolic.cli import main

    assert _ends_with_example(CliRunner().invoke(main, ["--help"]).stdout)
    ctx = click.Context(main)
    assert "check" in main.list_commands(ctx)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        text = CliRunner().invoke(main, [name, "--help"]).stdout
        assert _ends_with_example(text), f"`derivcheck {name} --help` ends without an example"
        if isinstance(command, click.Group):
            for sub in command.commands:
                text = CliRunner().invoke(main, [name, sub, "--help"]).stdout
                assert _ends_with_example(text), f"`derivcheck {name} {sub} --help`"


def test_installed_executable_help_ends_with_the_example():
    done = run("check", "--help")
    assert done.returncode == 0
    assert _ends_with_example(done.stdout)
    assert "Exit status: 0 when every checked link is valid; 1 when some step is invalid or " \
           "could not be read, or a document has nothing to check (with --strict, also when " \
           "some step is undecided); 2 when the input could not be used." \
           in " ".join(done.stdout.split())


def test_a_failure_while_reporting_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch):
    import symbolic.report

    def broken(*args, **kwargs):
        raise ValueError("cannot render")

    monkeypatch.setattr(symbolic.report, "render_json", broken)
    result = invoke(VALID, "--format", "json")
    assert result.exit_code == 2
    assert_one_clean_line(result.stderr, "derivcheck failed", "ValueError: cannot render")


def test_the_costliest_documents_are_started_first(tmp_path):
    """With several workers the document with the most derivatives starts first (a long
    one started last would leave a core idle); the report keeps the order given."""
    from symbolic.commands.check import Work, expected_cost

    light = tmp_path / "light.md"
    light.write_text("$$x = x$$\n")
    heavy = tmp_path / "heavy.md"
    heavy.write_text("$$\\frac{\\partial L}{\\partial w} = \\nabla_w L$$\n")
    assert expected_cost(Work(str(heavy))) == 3 > expected_cost(Work(str(light))) == 0
    assert expected_cost(Work("-", name="stdin", text="$$\\nabla f = 0$$")) == 1
    assert expected_cost(Work(str(tmp_path / "missing.md"))) == 0


def test_check_starts_its_workers_fork_server_first_but_not_for_help(monkeypatch, tmp_path):
    """`derivcheck check` starts the fork server before it imports its own command, so
    that the server imports the engine meanwhile; `check --help` starts nothing."""
    import symbolic.isolation
    from symbolic.cli import main

    started = []
    monkeypatch.setattr(symbolic.isolation, "start_early", lambda: started.append(True))
    document = tmp_path / "one.md"
    document.write_text("$$x + x = 2x$$\n")
    assert CliRunner().invoke(main, ["check", "--help"]).exit_code == 0
    assert started == []
    result = CliRunner().invoke(main, ["check", str(document), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert started == [True]
