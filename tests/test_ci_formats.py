"""`--format concise|github|junit`, `-q`, `--color`, stdin: the outputs editors and CI read."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from conftest import report_json

from symbolic.ci_formats import findings, render_concise, render_github, render_junit
from symbolic.results import (
    ClaimResult,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)

DATA = Path(__file__).resolve().parent / "data" / "docs"
VALID = DATA / "valid" / "square.md"
INVALID = DATA / "invalid" / "binomial.md"
UNPARSEABLE = DATA / "unparseable" / "brace.md"
DERIVCHECK = Path(sys.executable).parent / "derivcheck"
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, stdin: str | None = None, env: dict | None = None,
        cwd: Path = ROOT) -> subprocess.CompletedProcess:
    args = tuple(relative(a) if isinstance(a, Path) and a.is_relative_to(ROOT) else a
                 for a in args)
    return subprocess.run([str(DERIVCHECK), *map(str, args)], capture_output=True, text=True,
                          timeout=600, input=stdin, cwd=cwd,
                          env={**os.environ, "COLUMNS": "160", **(env or {})})


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def document(*links: LinkResult, path: str = "notes.md", cell: int | None = None,
             warnings: tuple[str, ...] = ()) -> DocumentResult:
    steps = [StepResult(3 + k, f"{lk.lhs} = {lk.rhs}", StepKind.CLAIM,
                        ClaimResult(f"{lk.lhs} = {lk.rhs}", [lk]), cell=cell)
             for k, lk in enumerate(links)]
    return DocumentResult(path, "t", steps, list(warnings))


def link(verdict: Verdict, message: str = "", method: Method = Method.NONE) -> LinkResult:
    return LinkResult("2 x", "x", "=", verdict, method, message)


# --- concise -------------------------------------------------------------------------


def test_concise_has_one_line_per_problem_and_a_summary():
    done = run("check", "--format", "concise", INVALID, UNPARSEABLE, VALID)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        f"{relative(INVALID)}:3: invalid: `(a+b)^2 = a^2 + b^2`: the two sides differ: a "
        "missing term 2 a b on the right side; at a = 1, b = 1: left side = 4.0, right side "
        "= 2.0",
        f"{relative(UNPARSEABLE)}:3: unparseable: `\\frac{{\\partial}}{{\\partial x}} x^2 = "
        "\\frac{2x}{`: a bracket or brace is opened but never closed",
        "Found 2 problems (1 invalid, 1 unparseable) in 3 documents; 1 link is valid.",
    ]


def test_concise_quiet_prints_nothing_when_all_is_valid():
    done = run("check", "--format", "concise", "-q", VALID)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_concise_names_notebook_cells_as_ruff_does():
    doc = document(link(Verdict.INVALID, "wrong"), path="nb.ipynb", cell=4)
    assert render_concise([doc], quiet=True) == "nb.ipynb:cell 4:3: invalid: `2 x = x`: wrong"


def test_reading_warnings_are_findings_at_their_line():
    doc = document(warnings=("line 7: `$$` is not closed ($$a = )", "front matter: odd"))
    assert [(f.line, f.severity) for f in findings(doc)] == [(1, "warning"), (7, "warning")]


def test_color_always_never_and_no_color():
    always = run("check", "--format", "concise", "--color", "always", INVALID)
    assert "\x1b[31minvalid\x1b[0m" in always.stdout
    for args, env in [(["--color", "never"], {}), ([], {"NO_COLOR": "1"}), ([], {})]:
        done = run("check", "--format", "concise", *args, INVALID, env=env)
        assert "\x1b[" not in done.stdout    # a pipe is never coloured on auto
    text = run("check", "--color", "always", INVALID)
    assert "\x1b[31m✗ invalid" in text.stdout
    assert "\x1b[" not in run("check", INVALID, env={"NO_COLOR": "1"}).stdout


# --- stdin ---------------------------------------------------------------------------


def test_stdin_is_read_as_a_document():
    done = run("check", "-", "--format", "concise", stdin="$$(a+b)^2 = a^2 + b^2$$")
    assert done.returncode == 1
    assert done.stdout.startswith("<stdin>:1: invalid: `(a+b)^2 = a^2 + b^2`")


def test_stdin_filename_names_it_and_picks_the_reader():
    tex = "\\documentclass{article}\n\\begin{document}\n\\[ 2 x = x + x \\]\n\\end{document}\n"
    done = run("check", "-", "--stdin-filename", "proof.tex", "--format", "json", stdin=tex)
    assert done.returncode == 0, done.stderr
    report = report_json(done.stdout)
    assert report["documents"][0]["path"] == "proof.tex"
    assert [s["line"] for s in report["documents"][0]["steps"]] == [3]


def run_bytes(*args: str, stdin: bytes, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(DERIVCHECK), *args], capture_output=True, timeout=600,
                          input=stdin, cwd=ROOT, env={**os.environ, **(env or {})})


def test_stdin_is_utf8_whatever_the_locale():
    # `σ(z)` as UTF-8 bytes, under a Latin-1 console (a Windows code page does the same)
    text = "$$\\frac{d}{dz} \\sigma(z) = σ(z)(1 - σ(z))$$\n".encode()
    done = run_bytes("check", "-", "--format", "concise", stdin=text,
                     env={"PYTHONIOENCODING": "latin-1"})
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"1 link is valid" in done.stdout


def test_stdin_that_is_not_utf8_is_named_with_its_line_and_the_rest_is_checked():
    done = run_bytes("check", "--format", "concise", "-", relative(INVALID),
                     stdin=b"$$x = x$$\n$$y \xff = y$$\n")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "error: cannot check '<stdin>': cannot read standard input: line 2 is not valid UTF-8 "
        "(bytes b'\\xff = y$$\\n'); save the file as UTF-8")
    assert done.stdout.decode().startswith(f"{relative(INVALID)}:3: invalid:")


# --- GitHub --------------------------------------------------------------------------


def test_github_annotations():
    done = run("check", "--format", "github", INVALID, VALID)
    assert done.returncode == 1
    [line] = done.stdout.splitlines()
    assert line.startswith(f"::error file={relative(INVALID)},line=3,"
                           "title=derivcheck%3A invalid::`(a+b)^2 = a^2 + b^2`: the two sides")


def test_github_escapes_and_levels():
    doc = document(link(Verdict.UNDECIDED, "100% sure, or not"), path="a,b:c.md")
    assert render_github([doc]) == (
        "::warning file=a%2Cb%3Ac.md,line=3,title=derivcheck%3A undecided::"
        "`2 x = x`: 100%25 sure, or not")
    notebook = document(link(Verdict.INVALID, "no"), path="nb.ipynb", cell=2)
    assert render_github([notebook]) == (
        "::error file=nb.ipynb,title=derivcheck%3A invalid (cell 2%2C line 3)::`2 x = x`: no")


# --- JUnit ---------------------------------------------------------------------------


def test_junit_has_one_test_case_per_checked_link():
    doc = document(link(Verdict.VALID, "proved", Method.PROVED),
                   link(Verdict.INVALID, "differ", Method.COUNTEREXAMPLE),
                   link(Verdict.UNDECIDED, "time"), link(Verdict.UNPARSEABLE, "brace"),
                   LinkResult("z", "w x", "=", Verdict.VALID, Method.DEFINITION))
    root = ElementTree.fromstring(render_junit([doc]))
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "4", "failures": "1", "errors": "1", "skipped": "1"}
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [f"line {n}: 2 x = x" for n in (3, 4, 5, 6)]
    assert [[child.tag for child in c] for c in cases] == [[], ["failure"], ["skipped"],
                                                          ["error"]]


def test_junit_from_the_command_line_and_from_the_xml_suffix(tmp_path: Path):
    done = run("check", INVALID, VALID, "-o", tmp_path / "derivcheck.xml")
    assert done.returncode == 1
    root = ElementTree.parse(tmp_path / "derivcheck.xml").getroot()
    assert [s.get("name") for s in root.findall("testsuite")] == [relative(INVALID),
                                                                  relative(VALID)]
    assert root.get("failures") == "1" and root.get("tests") == "2"


def test_junit_survives_characters_xml_cannot_hold():
    doc = document(link(Verdict.INVALID, "OCR left \x0c here"))
    assert "\ufffd" in render_junit([doc])
    ElementTree.fromstring(render_junit([doc]))


# --- JSON ----------------------------------------------------------------------------


def test_json_report_names_the_version_and_validates(tmp_path: Path):
    import symbolic

    done = run("check", INVALID, "--format", "json")
    assert report_json(done.stdout)["version"] == symbolic.__version__


def test_reproduce_line_gives_the_same_verdict_when_pasted():
    import symbolic

    done = run("check", INVALID, "--format", "json")
    counterexample = report_json(done.stdout)["documents"][0]["steps"][0]["links"][0][
        "counterexample"]
    call = counterexample["reproduce"]
    assert call == ('symbolic.check_claim("(a+b)^2 = a^2 + b^2", '
                    'values={"a": "1", "b": "1"})')
    namespace = {"symbolic": symbolic}
    exec(f"result = {call}", namespace)   # our own output, pasted as a user would
    assert namespace["result"].verdict == "invalid"
