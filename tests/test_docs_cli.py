"""Every CLI statement in docs/ is true: commands parse, outputs shown are real outputs.

Each `$ derivcheck ...` line of a ```console block is checked:

- its arguments are ones the command accepts (parsed by the command itself);
- where the page shows output under it and the command needs no file of the reader's
  own (`grad`, `help`, the bundled derivations), it is run and its output must be the
  one shown.

The gallery, generated from a real run, is checked by running its script.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from symbolic.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)
DERIVCHECK = Path(sys.executable).with_name("derivcheck")


def console_examples() -> list[tuple[str, str, str]]:
    """(page, command, output shown) for each `$ derivcheck` line of the docs and README."""
    found = []
    for page in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]:
        for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
            lines = block.rstrip("\n").split("\n")
            for k, line in enumerate(lines):
                if not line.startswith("$ derivcheck"):
                    continue
                output = []
                for after in lines[k + 1:]:
                    if after.startswith("$ "):
                        break
                    output.append(after)
                found.append((page.name, line[2:], "\n".join(output)))
    return found


EXAMPLES = console_examples()


def _runnable(command: str) -> bool:
    words = shlex.split(command)
    return words[1] in ("grad", "help") or words[1:3] == ["check", "derivations/"]


def test_the_docs_have_cli_examples():
    assert len(EXAMPLES) >= 15
    assert sum(bool(output) and _runnable(command) for _, command, output in EXAMPLES) >= 5


@pytest.mark.parametrize("page, command, output", EXAMPLES,
                         ids=[f"{p}: {c[:60]}" for p, c, _ in EXAMPLES])
def test_cli_example_parses(page: str, command: str, output: str):
    words = shlex.split(command)[1:]
    context = main.make_context("derivcheck", list(words), resilient_parsing=False)
    # the group's one option, --version, exits; every example starts with its command
    name, sub, rest = main.resolve_command(context, words)
    sub.make_context(name, rest, parent=context)   # raises on an unknown option or value


@pytest.mark.parametrize("page, command, output",
                         [e for e in EXAMPLES if e[2] and _runnable(e[1])
                          and "derivations/" not in e[1]],
                         ids=lambda v: v[:50] if isinstance(v, str) else v)
def test_cli_example_output_is_real(page: str, command: str, output: str):
    done = subprocess.run([str(DERIVCHECK), *shlex.split(command)[1:]], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.stdout.rstrip("\n") == output, f"docs/{page}: {command}"


def test_the_gallery_is_a_real_current_run():
    done = subprocess.run([sys.executable, str(DOCS / "make_gallery.py"), "--check"],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr + done.stdout


def test_the_gallery_shows_no_internal_representation():
    text = (DOCS / "gallery.md").read_text(encoding="utf-8")
    assert "derivcheck check derivations/ --format concise" in text
    assert not re.search(r"\b(?:Neg|BinOp|Power|Name|Num|Call)\[", text)


@pytest.mark.parametrize("statement", [
    # docs/cli.md: "A `PATH` that does not exist is reported as an error; the other paths
    # are still checked and reported, and the exit status is `2`."
    "missing path",
])
def test_cli_page_statements(statement: str, tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text("$$2 x = x + x$$\n", encoding="utf-8")
    done = subprocess.run([str(DERIVCHECK), "check", str(good), str(tmp_path / "nope.md"),
                           "--format", "concise"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert done.stdout == "No problems in 1 document; 1 link is valid.\n"
    assert "error: no such file or folder:" in done.stderr
