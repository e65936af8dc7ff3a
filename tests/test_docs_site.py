"""The docs site builds with no warning, and the examples on its pages run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

NAV = [
    ("Home", "index.md"),
    ("Getting started", "getting-started.md"),
    ("Document format", "document-format.md"),
    ("Notation", "notation.md"),
    ("Vectors and matrices", "matrix.md"),
    ("Verdicts and diagnoses", "verdicts.md"),
    ("CLI", "cli.md"),
    ("Grading a class", "grading.md"),
    ("Python API", "api.md"),
    ("API reference", "reference.md"),
    ("pytest helpers", "pytest.md"),
    ("Models and export", "models.md"),
    ("Benchmark", "benchmark.md"),
    ("Gallery", "gallery.md"),
]

# Pages whose untitled ```python blocks run top to bottom, like a notebook.
EXAMPLE_PAGES = ["index.md", "getting-started.md", "verdicts.md", "api.md", "matrix.md",
                 "grading.md", "notation.md"]

FENCE = re.compile(r"^```python([^\n]*)\n(.*?)^```$", re.S | re.M)


def python_blocks(page: str) -> list[tuple[str, str]]:
    """(title, code) of each ```python block; title is "" when it has none."""
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = []
    for options, code in FENCE.findall(text):
        title = re.search(r'title="([^"]+)"', options)
        blocks.append((title.group(1) if title else "", code))
    return blocks


def test_nav_is_the_planned_one():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [tuple(entry.items())[0] for entry in config["nav"]] == NAV
    assert config["strict"] is True


def test_site_builds_strict_without_warnings(tmp_path):
    # Fails while a page in the nav, or a file a page links to, does not exist yet.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    output = done.stdout + done.stderr
    warnings = [line for line in output.splitlines() if "WARNING" in line]
    assert done.returncode == 0 and not warnings, "\n".join(warnings) or output[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "images" / "derivations-report.png").is_file()
    assert (tmp_path / "site" / "images" / "grading-index.png").is_file()
    # The helper script is not published.
    assert not (tmp_path / "site" / "make_screenshot.py").exists()


@pytest.mark.parametrize("page", EXAMPLE_PAGES)
def test_page_examples_run(page, tmp_path):
    code = "\n\n".join(code for title, code in python_blocks(page) if not title)
    assert code, f"{page} has no Python example"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"an example in docs/{page} failed:\n{done.stderr[-3000:]}"


def test_pytest_page_test_files_pass(pytester):
    files = {title: code for title, code in python_blocks("pytest.md") if title}
    assert sorted(files) == ["test_derivation.py", "test_logistic.py", "test_softplus.py",
                             "test_with_fixture.py"]
    for title, code in files.items():
        pytester.makepyfile(**{title.removesuffix(".py"): code})
    # in a subprocess: an in-process run would restore sys.modules under the worker pool
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=4)
    out = result.stdout.str()
    assert out[out.index("= derivcheck ="):].splitlines()[1:4] == [
        "4 checks in 4 tests", "  gradients: 3 passed, 0 failed", "  claims: 1 valid"]


def test_gallery_shows_the_derivations_report():
    text = (DOCS / "gallery.md").read_text(encoding="utf-8")
    assert re.search(r"!\[[^\]]+\]\(images/derivations-report\.png\)", text)
    assert (DOCS / "make_screenshot.py").is_file()
