"""Sums written with an elision: `w_1 x_1 + w_2 x_2 + \\cdots + w_n x_n` is
`\\sum_{k=1}^{n} w_k x_k`.

The terms written before the elision and the last one after it give the pattern: they must
be the same notation but for whole numbers that count up by one from term to term (1, 2, …)
and end at the last term's value (n, or a number). Anything else is not filled in: a step
that writes it stays undecided, as an elision derivcheck cannot read.
"""

from __future__ import annotations

import dataclasses

from symbolic.notation import ast as A
from symbolic.notation.rewrite import Path, replace_at, without_positions


@dataclasses.dataclass(frozen=True)
class _Slot:
    """One place where the terms differ: the first term's whole number there, and what the
    last term has in its place."""

    path: Path
    first: int
    last: A.Node


def elided_sum(written: list[A.Node], last: A.Node, letter: str, pos: int,
               before: A.Node | None = None) -> tuple[int, A.Node] | None:
    """The sum the elision stands for, as (how many of the `written` terms, counted from
    the end, it takes in, the sum), or None when the terms show no pattern. `before` is
    the term ahead of the added ones (x_1 of `x_0 - x_1 + x_2 + ⋯`), if any."""
    for start in range(len(written)):
        run = written[start:]
        slots = _slots(run[0], last)
        if not slots or not _counts_up(slots, len(run)):
            continue
        body = _pattern(run[0], slots, letter)
        lowest = slots[0].first
        ahead = written[start - 1] if start else before
        if ahead is not None and _slots(ahead, last):
            return None         # x_1 + x_3 + ⋯ + x_n: a term like them that does not count
        if all(_same(_instance(body, letter, lowest + k), term) for k, term in enumerate(run)):
            return len(run), A.SumOver(letter, A.Num(str(lowest), pos), slots[0].last,
                                       body, pos=pos)
    return None


def _slots(first: A.Node, last: A.Node) -> list[_Slot] | None:
    """Where `first` and `last` differ, each a whole number in `first`; None when they
    differ anywhere else."""
    out: list[_Slot] = []
    return out if _align(without_positions(first), without_positions(last), (), out) \
        else None


def _align(a: A.Node, b: A.Node, path: Path, out: list[_Slot]) -> bool:
    if a == b:
        return True
    if isinstance(a, A.Num) and a.text.isdigit():
        out.append(_Slot(path, int(a.text), b))
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, A.Name) and _labelled_end(a, b):     # z_1 … z_K: K reads as a label
        out.append(_Slot((*path, ("sub", 0)), int(a.sub[0].text), A.Name(b.suffix)))
        return True
    nodes = A.child_fields(type(a))
    for item in dataclasses.fields(a):
        left, right = getattr(a, item.name), getattr(b, item.name)
        if item.name == "pos" or item.name not in nodes:
            if item.name != "pos" and left != right:
                return False
            continue
        if isinstance(left, A.Node) and isinstance(right, A.Node):
            if not _align(left, right, (*path, (item.name, None)), out):
                return False
        elif isinstance(left, tuple) and isinstance(right, tuple) and len(left) == len(right):
            for k, (x, y) in enumerate(zip(left, right, strict=True)):
                if isinstance(x, A.Node) and isinstance(y, A.Node):
                    if not _align(x, y, (*path, (item.name, k)), out):
                        return False
                elif x != y:
                    return False
        elif left != right:
            return False
    return True


def _labelled_end(a: A.Name, b: A.Name) -> bool:
    """`z_1` beside `z_K`: the capital subscript, a label to the reader, ends the count."""
    return len(a.sub) == 1 and isinstance(a.sub[0], A.Num) and a.sub[0].text.isdigit() \
        and not a.suffix and not b.sub and len(b.suffix) == 1 and b.suffix.isalpha() \
        and dataclasses.replace(a, sub=()) == dataclasses.replace(b, suffix="")


def _counts_up(slots: list[_Slot], written: int) -> bool:
    """Every slot runs with the first one (x_{k+1} beside w_k), to an end past the terms
    written: a number beyond them, or one name or expression in every slot alike."""
    reference = slots[0]
    ends = [_whole(slot.last) for slot in slots]
    if all(end is not None for end in ends):
        return all(end - slot.first == ends[0] - reference.first
                   for end, slot in zip(ends, slots, strict=True)) \
            and ends[0] >= reference.first + written
    return all(end is None and slot.first == reference.first and slot.last == reference.last
               for end, slot in zip(ends, slots, strict=True))


def _whole(node: A.Node) -> int | None:
    return int(node.text) if isinstance(node, A.Num) and node.text.isdigit() else None


def _pattern(first: A.Node, slots: list[_Slot], letter: str) -> A.Node:
    """The first term with the counting numbers replaced by the index (k, k + 1, k - 1)."""
    body = first
    for slot in slots:
        offset = slot.first - slots[0].first
        index: A.Node = A.Name(letter)
        if offset:
            index = A.BinOp("+" if offset > 0 else "-", index, A.Num(str(abs(offset))))
        body = replace_at(body, slot.path, index)
    return body


def _instance(body: A.Node, letter: str, value: int) -> A.Node:
    """The pattern at one value of the index, as a term written out would read."""
    out = body
    stripped = without_positions(body)
    for path, _ in _index_paths(stripped, letter):
        node = _at(stripped, path)
        out = replace_at(out, path, A.Num(str(value + _offset(node, letter))))
    return out


def _index_paths(node: A.Node, letter: str, path: Path = ()):
    if _offset(node, letter) is not None:
        yield path, node
        return
    for name in A.child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, A.Node):
            yield from _index_paths(value, letter, (*path, (name, None)))
        elif isinstance(value, tuple):
            for k, item in enumerate(value):
                if isinstance(item, A.Node):
                    yield from _index_paths(item, letter, (*path, (name, k)))


def _offset(node: A.Node, letter: str) -> int | None:
    """0 for the index itself, c for k + c and −c for k − c; None for anything else."""
    if isinstance(node, A.Name) and node == A.Name(letter, pos=node.pos):
        return 0
    if isinstance(node, A.BinOp) and node.op in ("+", "-") and _offset(node.left, letter) == 0 \
            and isinstance(node.right, A.Num) and node.right.text.isdigit():
        return int(node.right.text) * (1 if node.op == "+" else -1)
    return None


def _at(node: A.Node, path: Path) -> A.Node:
    for name, k in path:
        node = getattr(node, name) if k is None else getattr(node, name)[k]
    return node


def _same(a: A.Node, b: A.Node) -> bool:
    return without_positions(a) == without_positions(b)

