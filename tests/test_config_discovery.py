"""`[tool.derivcheck]` settings, and which files a folder search finds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import report_json

from symbolic.commands.check import check
from symbolic.config import ConfigError, Settings, find_pyproject, load_settings
from symbolic.discovery import Finder

ROOT = Path(__file__).resolve().parent.parent
LOG_100 = "$$\\log 100 = 2$$\n"     # true only when \log is base 10


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def names(paths: list[Path], base: Path) -> list[str]:
    return [p.relative_to(base).as_posix() for p in paths]


# --- settings ------------------------------------------------------------------------


def test_settings_are_found_walking_up(tmp_path: Path):
    write(tmp_path / "pyproject.toml", '[tool.derivcheck]\nbudget = 2\nexclude = ["old/"]\n'
                                       'conventions = { log = "10" }\n')
    deep = tmp_path / "notes" / "week1"
    deep.mkdir(parents=True)
    assert find_pyproject(deep) == tmp_path / "pyproject.toml"
    settings = load_settings(deep)
    assert settings == Settings({"log": "10"}, ("*.md", "*.tex", "*.ipynb"), ("old/",), 2.0,
                                tmp_path)


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path):
    write(tmp_path / "pyproject.toml", "[tool.derivcheck]\nbudget = 3\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_settings(tmp_path / "sub").budget == 3.0


@pytest.mark.parametrize("table, message", [
    ("budgett = 2", "unknown key 'budgett'; did you mean 'budget'?"),
    ("budget = -1", "budget is the time budget of each link in seconds"),
    ('include = "*.md"', "include must be a list of glob patterns"),
    ("conventions = 3", "conventions must be a table"),
])
def test_bad_settings_name_the_file_and_key(tmp_path: Path, table: str, message: str):
    write(tmp_path / "pyproject.toml", f"[tool.derivcheck]\n{table}\n")
    with pytest.raises(ConfigError, match="pyproject.toml"):
        load_settings(tmp_path)
    result = CliRunner().invoke(check, [str(write(tmp_path / "a.md", LOG_100))])
    assert result.exit_code == 2 and message in result.stderr


def test_project_conventions_apply_and_front_matter_wins(tmp_path: Path):
    plain = write(tmp_path / "plain.md", LOG_100)
    own = write(tmp_path / "own.md", "---\nconventions: {log: natural}\n---\n" + LOG_100)
    before = report_json(CliRunner().invoke(check, [str(plain), "-f", "json"]).stdout)
    assert before["documents"][0]["verdict"] == "invalid"
    write(tmp_path / "pyproject.toml", '[tool.derivcheck]\nconventions = { log = "10" }\n')
    after = report_json(CliRunner().invoke(check, [str(tmp_path), "-f", "json"]).stdout)
    assert [(d["path"].rsplit("/", 1)[-1], d["verdict"]) for d in after["documents"]] == [
        ("own.md", "invalid"), ("plain.md", "valid")]
    assert own.exists()


# --- discovery -----------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "venv/\n*.draft.md\n")
    for name in ("a.md", "b.tex", "c.ipynb", "notes.txt", "x.draft.md", "venv/lib/readme.md",
                 ".hidden/d.md", "docs/e.md", "docs/.gitignore", "docs/skip.md",
                 "old/f.md", "sub/g.md"):
        write(tmp_path / name, "skip.md\n" if name == "docs/.gitignore" else "$$a = a$$\n")
    return tmp_path


def test_folders_respect_gitignore_hidden_and_include(project: Path):
    found = Finder(("*.md", "*.tex", "*.ipynb")).below(project)
    assert names(found, project) == ["a.md", "b.tex", "c.ipynb", "docs/e.md", "old/f.md",
                                     "sub/g.md"]


def test_gitignore_of_a_parent_folder_applies(project: Path):
    write(project / "sub" / "venv" / "h.md", "$$a = a$$\n")
    assert names(Finder(("*.md",)).below(project / "sub"), project / "sub") == ["g.md"]


def test_project_and_command_line_excludes(project: Path):
    finder = Finder(("*.md",), ("old/",), project, cli_exclude=("sub",))
    assert names(finder.below(project), project) == ["a.md", "docs/e.md"]


def test_exclude_option_end_to_end(project: Path):
    write(project / "pyproject.toml", '[tool.derivcheck]\ninclude = ["*.md"]\n')
    result = CliRunner().invoke(check, [str(project), "--exclude", "docs/", "--exclude",
                                        "old", "-f", "json"])
    report = report_json(result.stdout)
    assert [Path(d["path"]).relative_to(project).as_posix() for d in report["documents"]] == [
        "a.md", "sub/g.md"]


def test_a_file_named_on_the_command_line_is_always_checked(project: Path):
    write(project / "x.draft.md", "$$(a+b)^2 = a^2 + 2ab + b^2$$\n")   # ignored by .gitignore
    result = CliRunner().invoke(check, [str(project / "x.draft.md"), "-f", "concise"])
    assert result.exit_code == 0 and "No problems in 1 document" in result.stdout


# --- pre-commit ----------------------------------------------------------------------


def test_pre_commit_hook_runs_the_command_it_names(tmp_path: Path):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "derivcheck" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "tex", "jupyter"}
    command, *arguments = hook["entry"].split()
    good = write(tmp_path / "good.md", "$$(a+b)^2 = a^2 + 2ab + b^2$$\n")
    bad = write(tmp_path / "bad.md", "$$(a+b)^2 = a^2 + b^2$$\n")
    exe = Path(sys.executable).with_name(command)
    ok = subprocess.run([str(exe), *arguments, str(good)], capture_output=True, text=True,
                        timeout=300)
    assert (ok.returncode, ok.stdout) == (0, "")
    failing = subprocess.run([str(exe), *arguments, str(good), str(bad)], capture_output=True,
                             text=True, timeout=300)
    assert failing.returncode == 1
    assert failing.stdout.startswith(f"{bad}:1: invalid: `(a+b)^2 = a^2 + b^2`")


def test_py_typed_ships_with_the_package():
    import symbolic

    assert (Path(symbolic.__file__).parent / "py.typed").is_file()
