r"""Synthetic students: a derivation with one known mistake put in, for tests and benchmarks.

    >>> text = "$$\\frac{d}{dx} x^2 = 2 x$$\n"
    >>> wrong, mutation = mutate(text, 0, Mistake.SIGN)
    >>> wrong
    '$$\\frac{d}{dx} x^2 = -\\left(2 x\\right)$$\n'
    >>> mutation.line, mutation.mistake
    (1, <Mistake.SIGN: 'sign'>)

The mistakes are the ones students make most: a flipped sign, a dropped factor. Each is
made in the last side of one one-line `$$ … $$` block that holds a relation, so the step
on that line is the one that goes wrong, and its line is known.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = ["Mistake", "Mutation", "SyntheticStudent", "first_section", "make_class",
           "mutable_blocks", "mutate"]

_BLOCK = re.compile(r"^\$\$(?P<math>[^$\n]+)\$\$[ \t]*$", re.M)
_OPEN = "({["
_CLOSE = ")}]"


class Mistake(StrEnum):
    """A known mistake, made in the last side of a step."""

    SIGN = "sign"          # X becomes -(X)
    FACTOR = "factor"      # the last factor of a product is dropped: (f - y) x_1 -> (f - y)


@dataclass(frozen=True)
class Mutation:
    """Where a mistake was put, and what the side was before and after."""

    mistake: Mistake
    line: int          # 1-based line of the block
    before: str
    after: str


@dataclass(frozen=True)
class SyntheticStudent:
    """One student written by `make_class`: its id, its file, and its mistake (or None)."""

    student: str
    path: Path
    source: str                    # the derivation it was made from
    mutation: Mutation | None


def first_section(text: str) -> str:
    """The front matter and the text before the second `# ` heading: a short derivation."""
    headings = [m.start() for m in re.finditer(r"^# ", text, re.M)]
    return text if len(headings) < 2 else text[: headings[1]]


def mutable_blocks(text: str) -> list[tuple[int, str]]:
    """(line, math) of every one-line `$$ … $$` block with a relation, in order."""
    blocks = []
    for match in _BLOCK.finditer(text):
        if _last_side(match.group("math")) is not None:
            blocks.append((text.count("\n", 0, match.start()) + 1, match.group("math")))
    return blocks


def mutate(text: str, block: int, mistake: Mistake) -> tuple[str, Mutation] | None:
    """`text` with `mistake` made in its `block`-th mutable block; None where it cannot be
    made (a dropped factor needs a product; a sign needs a side that is not 0)."""
    matches = [m for m in _BLOCK.finditer(text) if _last_side(m.group("math")) is not None]
    if not 0 <= block < len(matches):
        return None
    match = matches[block]
    math = match.group("math")
    start = _last_side(math)
    side = math[start:].strip()
    changed = _changed(side, mistake)
    if changed is None:
        return None
    new_math = math[:start] + " " + changed
    begin = match.start("math")
    line = text.count("\n", 0, match.start()) + 1
    new_text = text[:begin] + new_math.replace("  ", " ") + text[match.end("math"):]
    return new_text, Mutation(mistake, line, side, changed)


def _changed(side: str, mistake: Mistake) -> str | None:
    if mistake == Mistake.SIGN:
        return None if side in ("0", "") else f"-\\left({side}\\right)"
    starts = _factor_starts(side)
    if starts is None or len(starts) < 2:
        return None
    kept = side[: starts[-1]].rstrip()
    for operator in (r"\times", r"\cdot"):
        kept = kept.removesuffix(operator).rstrip()
    return kept


def _last_side(math: str) -> int | None:
    """Where the last side starts: after the last `=` outside brackets; None without one."""
    depth, last = 0, None
    i = 0
    while i < len(math):
        if math.startswith(r"\left", i) or math.startswith(r"\right", i):
            depth += 1 if math.startswith(r"\left", i) else -1
            i += 6 if math.startswith(r"\right", i) else 5
            i += 1 if i < len(math) and math[i] != "\\" else 0
            continue
        char = math[i]
        if char == "\\":
            i += 2
            continue
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
        elif char == "=" and depth == 0:
            last = i + 1
        i += 1
    return last


def _factor_starts(side: str) -> list[int] | None:
    """Where each top-level factor of a product starts (`(f - y) x_1`, `a \\times b`,
    `(1 - f)(f)`); None for a sum, which has no single factor to drop."""
    starts, depth, i, after_space = [0], 0, 0, False
    while i < len(side):
        char = side[i]
        if depth == 0 and i > 0 and char in "+-":
            return None
        if depth == 0 and (after_space or (char == "(" and side[:i].rstrip().endswith(")"))) \
                and char != " " and not side.startswith((r"\times", r"\cdot"), i):
            starts.append(i)
        after_space = False
        if char == "\\":
            command = re.match(r"\\[A-Za-z]+|\\.", side[i:]).group()
            depth += (command == r"\left") - (command == r"\right")
            if command in (r"\times", r"\cdot") and depth == 0:
                after_space = True
            i += len(command)
            continue
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
        elif char == " " and depth == 0:
            after_space = True
        i += 1
    return starts


def make_class(folder: str | Path, sources: dict[str, str], count: int, *,
               seed: int = 0, correct_share: float = 0.2) -> list[SyntheticStudent]:
    """Write `count` students into `folder`, each one file made from one of `sources`.

    Students are named `student-001`, … . About `correct_share` of them hand in the
    source unchanged; every other one makes one mistake in one block, chosen at random
    (seeded: the same class every run).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pick = random.Random(seed)
    names = sorted(sources)
    students = []
    for number in range(1, count + 1):
        source = names[(number - 1) % len(names)]
        text, mutation = sources[source], None
        if pick.random() >= correct_share:
            options = [(b, m) for b in range(len(mutable_blocks(text))) for m in Mistake]
            pick.shuffle(options)
            for block, mistake in options:
                made = mutate(text, block, mistake)
                if made is not None:
                    text, mutation = made
                    break
        path = folder / f"student-{number:03d}.md"
        path.write_text(text, encoding="utf-8")
        students.append(SyntheticStudent(path.stem, path, source, mutation))
    return students
