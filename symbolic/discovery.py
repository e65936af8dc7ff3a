"""Which files `derivcheck check` reads: the paths given, and folders searched.

A file named on the command line is always checked. A folder is searched at any depth
for the files the `include` patterns match (Markdown, LaTeX and notebooks by default),
leaving out

- hidden files and folders (`.git`, `.venv`, `.drafts`),
- whatever the `.gitignore` files of the folder, its subfolders and its parent folders
  up to the repository's top ignore,
- whatever the `exclude` patterns match (the project's and `--exclude`).

Patterns are gitignore-style (read with `pathspec`): `*.md` matches at any depth,
`drafts/` a folder and everything in it, `/notes/*.md` only at the top. The project's
patterns are relative to its `pyproject.toml`, `--exclude` patterns to the folder searched.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pathspec

__all__ = ["Finder", "gitignore_specs"]


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def _repository_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def gitignore_specs(folder: Path) -> list[tuple[Path, pathspec.PathSpec]]:
    """The `.gitignore` files that apply to `folder` from above: its own and its parents'
    up to the repository's top (none above it when it is in no repository)."""
    top = _repository_top(folder)
    chain = [folder] if top is None else [folder, *folder.parents[: len(folder.parents)
                                                                 - len(top.parents)]]
    specs = []
    for directory in reversed(chain):
        spec = _read_gitignore(directory)
        if spec is not None:
            specs.append((directory, spec))
    return specs


def _read_gitignore(directory: Path) -> pathspec.PathSpec | None:
    file = directory / ".gitignore"
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(lines)


class Finder:
    """Searches folders for documents with the project's patterns and `--exclude`.

    Args:
        include: gitignore-style patterns of the files to check.
        exclude: patterns never checked, relative to `root`.
        root: the folder the project's patterns are relative to (None: the folder
            searched).
        cli_exclude: `--exclude` patterns, relative to the folder searched.
    """

    def __init__(self, include: Sequence[str], exclude: Sequence[str] = (),
                 root: Path | None = None, cli_exclude: Sequence[str] = ()):
        self.include = _spec(include)
        self.exclude = _spec(exclude)
        self.root = root.resolve() if root else None
        self.cli_exclude = _spec(cli_exclude)

    def excluded(self, path: Path, base: Path, is_dir: bool) -> bool:
        """Whether the exclude patterns leave `path` out (`base`: the folder searched)."""
        suffix = "/" if is_dir else ""
        inside = _relative(path, base)
        project = _relative(path, self.root) if self.root else inside
        return bool((project is not None and self.exclude.match_file(project + suffix))
                    or (inside is not None and self.cli_exclude.match_file(inside + suffix)))

    def below(self, folder: Path) -> list[Path]:
        """The documents in `folder`, at any depth, sorted by path."""
        base = folder.resolve()
        ignores = gitignore_specs(base)
        found: list[Path] = []
        for root, dirs, names in os.walk(base):
            here = Path(root)
            own = _read_gitignore(here) if here != base else None
            if own is not None:
                ignores = [*ignores, (here, own)]
            active = [(d, s) for d, s in ignores if here == d or d in here.parents]
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not self._left_out(here / d, base, active, True))
            for name in sorted(names):
                path = here / name
                if name.startswith(".") or self._left_out(path, base, active, False):
                    continue
                if self.include.match_file(path.relative_to(base).as_posix()):
                    found.append(Path(folder, path.relative_to(base)))
        return sorted(found, key=lambda p: p.relative_to(folder).parts)

    def _left_out(self, path: Path, base: Path, ignores, is_dir: bool) -> bool:
        suffix = "/" if is_dir else ""
        for directory, spec in ignores:
            relative = _relative(path, directory)
            if relative is not None and spec.match_file(relative + suffix):
                return True
        return self.excluded(path, base, is_dir)
