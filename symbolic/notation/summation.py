"""Index notation's summation convention: an index letter written twice in one product, and
nowhere free, is summed over (`A_{ij} X_{jk} B_{ki}` is tr(AXB), `X_{ii}` is tr(X)).

A relation reads so only when its two sides say it together: no sum with bounds is written,
every letter is written once (free) or twice (summed) in each product, the terms of a sum have
the same free letters, and no letter summed on one side is free on the other: `\\frac{\\partial
L}{\\partial z_i} = (a_i - y_i) a_i` keeps i free, as i is free on the left. A sum written
without bounds (`\\sum_k`, or the one an entry `(BA)_{qp}` stands for) holds its own letter.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from symbolic.notation import ast as A
from symbolic.notation.trees import walk
from symbolic.notation.vocabulary import PRODUCT_OPS, SUMMABLE_LETTERS


class _NotIndexNotation(Exception):
    """The side is not written in clean index notation: read it as written."""


def summation_convention(lhs: A.Node, rhs: A.Node
                         ) -> tuple[A.Node, A.Node, tuple[str, ...]] | None:
    """Both sides with the sums the convention implies written out, and the letters summed;
    None when the relation does not read so (see the module's note)."""
    if any(isinstance(n, A.SumOver) and (n.lower is not None or n.upper is not None
                                         or n.index is None)
           for side in (lhs, rhs) for n in walk(side)):
        return None
    try:
        (left, left_free, left_summed), (right, right_free, right_summed) = \
            _summed(lhs), _summed(rhs)
    except _NotIndexNotation:
        return None
    summed = left_summed | right_summed
    if not summed or summed & (set(left_free) | set(right_free)):
        return None
    written = Counter(n.base for side in (lhs, rhs) for n in walk(side)
                      if isinstance(n, A.Name) and n.base in summed and not n.sub)
    counted = _subscript_letters(lhs, strict=False) + _subscript_letters(rhs, strict=False)
    if any(written[letter] != counted[letter] for letter in summed):
        return None         # written elsewhere too (a superscript, a bound): not so simple
    return left, right, tuple(sorted(summed))


def _summed(node: A.Node) -> tuple[A.Node, Counter, set[str]]:
    """The node with its implied sums, its free letters (each once), and the letters summed."""
    if isinstance(node, A.BinOp) and node.op in ("+", "-"):
        left, left_free, left_summed = _summed(node.left)
        right, right_free, right_summed = _summed(node.right)
        if set(left_free) != set(right_free):
            raise _NotIndexNotation
        return A.BinOp(node.op, left, right, node.pos), left_free, left_summed | right_summed
    if isinstance(node, A.Neg):
        inner, free, summed = _summed(node.operand)
        return A.Neg(inner, node.pos), free, summed
    if isinstance(node, A.Group):
        inner, free, summed = _summed(node.inner)
        return A.Group(inner, node.pos), free, summed
    return _term(node)


def _term(node: A.Node) -> tuple[A.Node, Counter, set[str]]:
    """A product (or a single factor): the letters written twice in it are summed over it."""
    node, counts, summed = _product(node)
    if any(count > 2 for count in counts.values()):
        raise _NotIndexNotation
    twice = sorted(letter for letter, count in counts.items() if count == 2)
    for letter in twice:
        node = A.SumOver(letter, None, None, node, pos=node.pos)
    return node, Counter({k: 1 for k, v in counts.items() if v == 1}), summed | set(twice)


def _product(node: A.Node) -> tuple[A.Node, Counter, set[str]]:
    """A product's factors with their own sums written, and the letters they write free."""
    if isinstance(node, A.BinOp) and node.op in PRODUCT_OPS:
        left, left_counts, left_summed = _product(node.left)
        right, right_counts, right_summed = _product(node.right)
        return (A.BinOp(node.op, left, right, node.pos), left_counts + right_counts,
                left_summed | right_summed)
    return _factor(node)


def _factor(factor: A.Node) -> tuple[A.Node, Counter, set[str]]:
    """One factor: a group or a derivative's numerator has terms of its own, summed inside
    it; a name writes the letters of its subscripts (X_{ii} twice); any other node writes
    each of its letters once, or does not read so."""
    if isinstance(factor, A.Group | A.Neg) or isinstance(factor, A.BinOp) \
            and factor.op in ("+", "-"):
        return _summed(factor)
    if isinstance(factor, A.Partial):
        return _derivative(factor)
    if isinstance(factor, A.SumOver):     # \sum_k B_{qk} A_{kp}: k is the sum's own
        held = f"{_HELD}{{{factor.index}}}"      # one per letter: sums nest
        body, free, summed = _summed(_renamed(factor.body, factor.index, held))
        if held in free or held in summed:
            raise _NotIndexNotation
        return dataclasses.replace(factor, body=_renamed(body, held, factor.index)), free, \
            summed
    if isinstance(factor, A.Transpose):
        operand, free, summed = _factor(factor.operand)
        return A.Transpose(operand, factor.pos, factor.prime), free, summed
    counts = _subscript_letters(factor)
    if not isinstance(factor, A.Name) and any(count > 1 for count in counts.values()):
        raise _NotIndexNotation         # (a_i b_i)^2, f(x_i, y_i): where the sum goes is unsaid
    return factor, counts, set()


def _derivative(node: A.Partial) -> tuple[A.Node, Counter, set[str]]:
    """∂(A_{ij} X_{jk} B_{ki})/∂X_{pq}: the numerator's own sums, and its free letters with the
    variable's. A letter of both (∂z_j/∂w_{kj}) is one index value, never a sum."""
    by = _subscript_letters(node.wrt)
    target = node.numerator if node.numerator is not None else node.operand
    if target is None or any(count > 1 for count in by.values()):
        raise _NotIndexNotation
    inner, free, summed = _summed(target)
    if (set(free) | summed) & set(by):
        raise _NotIndexNotation
    rebuilt = A.Partial(inner, node.wrt, node.operand, node.order, node.pos) \
        if node.numerator is not None else \
        A.Partial(None, node.wrt, inner, node.order, node.pos)
    return rebuilt, free + by, summed


def _subscript_letters(node: A.Node, strict: bool = True) -> Counter:
    """How often each index letter stands in the subscripts of the names within a node (and
    in a call's entry index, `softmax(z)_i`); `strict`, a node with sums or derivatives
    inside does not read so."""
    counts: Counter = Counter()
    for n in walk(node):
        indices = n.sub if isinstance(n, A.Name) else (n.index,) \
            if isinstance(n, A.Call) and n.index is not None else ()
        for index in indices:
            counts.update(m.base for m in walk(index) if isinstance(m, A.Name)
                          and m.base in SUMMABLE_LETTERS and not m.sub and not m.sup)
        if strict and isinstance(n, A.SumOver | A.Differential | A.Partial | A.At):
            raise _NotIndexNotation
    return counts


_HELD = "\\natural"      # a sum's own letter while its body is read: no index letter


def _renamed(node: A.Node, old: str, new: str) -> A.Node:
    """The tree with the index letter `old` written `new` wherever it stands as a name."""
    if isinstance(node, A.Name):
        if node.base == old and not node.sub and not node.sup:
            return dataclasses.replace(node, base=new)
        return dataclasses.replace(node, sub=tuple(_renamed(s, old, new) for s in node.sub))
    changes = {}
    for field_name in A.child_fields(type(node)):
        value = getattr(node, field_name)
        if isinstance(value, A.Node):
            changes[field_name] = _renamed(value, old, new)
        elif isinstance(value, tuple) and value:
            changes[field_name] = tuple(_renamed(v, old, new) if isinstance(v, A.Node) else v
                                        for v in value)
    return dataclasses.replace(node, **changes) if changes else node
