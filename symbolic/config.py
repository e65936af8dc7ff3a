"""Project settings: the `[tool.derivcheck]` table of the nearest `pyproject.toml`.

    [tool.derivcheck]
    conventions = { log = "natural", layout = "denominator" }
    include = ["*.md", "*.tex", "*.ipynb"]    # files a folder is searched for
    exclude = ["drafts/", "*.generated.md"]   # never checked when found in a folder
    budget = 10                               # seconds per link

The file is found by walking up from the first path checked (or the current folder)
until a `pyproject.toml` with such a table is met. Every key is optional; a wrong key
or value is an error that names the file, the key and what it takes.

    >>> Settings().include
    ('*.md', '*.tex', '*.ipynb')
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from symbolic.errors import DerivcheckError

__all__ = ["ConfigError", "DEFAULT_INCLUDE", "Settings", "find_pyproject", "load_settings"]

DEFAULT_INCLUDE = ("*.md", "*.tex", "*.ipynb")
KEYS = ("conventions", "include", "exclude", "budget")


class ConfigError(DerivcheckError):
    """A `[tool.derivcheck]` table that cannot be used; the message names file and key."""


@dataclass(frozen=True)
class Settings:
    """What `[tool.derivcheck]` says, with the defaults for what it leaves out."""

    conventions: dict = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    budget: float | None = None         # seconds per link; None: the checker's default
    root: Path | None = None            # the folder of the pyproject.toml read, if any


def find_pyproject(start: Path) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.derivcheck]` table, from `start` up."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and _table(path) is not None:
            return path
    return None


def _table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read {str(path)!r}: {error}") from None
    table = data.get("tool", {}).get("derivcheck")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.derivcheck] must be a table of settings")
    return table


def load_settings(start: Path) -> Settings:
    """The settings for checking `start` (a file or folder): its project's, or the defaults.

    Raises:
        ConfigError: the table has an unknown key or a value of the wrong kind.
    """
    path = find_pyproject(start)
    if path is None:
        return Settings()
    return settings_from_table(_table(path) or {}, path)


def settings_from_table(table: dict[str, Any], path: Path) -> Settings:
    """Settings from a parsed `[tool.derivcheck]` table found in the file `path`."""
    where = f"{path} [tool.derivcheck]"
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "it takes " + ", ".join(KEYS)
            raise ConfigError(f"{where}: unknown key {key!r}; {hint}")
    conventions = table.get("conventions", {})
    if not isinstance(conventions, dict):
        raise ConfigError(f"{where}: conventions must be a table, such as "
                          "conventions = {{ log = \"natural\" }}")
    include = _globs(table, "include", where, DEFAULT_INCLUDE)
    exclude = _globs(table, "exclude", where, ())
    budget = table.get("budget")
    if budget is not None and (isinstance(budget, bool) or not isinstance(budget, int | float)
                               or budget <= 0):
        raise ConfigError(f"{where}: budget is the time budget of each link in seconds, a "
                          f"number above 0, such as budget = 10; got {budget!r}")
    return Settings(dict(conventions), include, exclude,
                    float(budget) if budget is not None else None, path.parent)


def _globs(table: dict, key: str, where: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = table.get(key, default)
    if isinstance(value, str) or not isinstance(value, list | tuple) or \
            not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of glob patterns, such as "
                          f"{key} = [\"*.md\", \"notes/\"]; got {value!r}")
    return tuple(value)
