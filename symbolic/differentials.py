"""Differentials: `df = \\tr(A^{-1} dA)`, `d(x^T A x) = x^T (A + A^T) dx`.

The builder reads `d E` as `DifferentialOf(E)`, left unevaluated, since what varies is known
only once the whole step is built: the names whose own differential the step writes (dx,
dA). Each of them becomes x + dx, with dx a quantity of its own (an increment); every
other name holds still. `DifferentialOf(E)` is then E at the moved point minus E.

A step with differentials holds when its sides agree exactly, or to first order in the
increments with one side linear in them (`d(x^T x) = 2 x^T dx`, the differential as
matrix calculus writes it). Sides that differ to first order are wrong either way.
"""

from __future__ import annotations

import sympy

from symbolic.notation.names import Var

DIFFERENTIAL_PREFIX = r"\mathrm{d}"   # the increment of x is the quantity named \mathrm{d}x


class DifferentialOf(sympy.Function):
    """d E, unevaluated until the step's increments are known."""

    nargs = 1


def differential_of(value):
    """`d` applied to a built value: entry by entry for a vector or matrix."""
    if isinstance(value, sympy.MatrixBase):
        return value.applyfunc(DifferentialOf)
    return DifferentialOf(value)


def has_differentials(*exprs) -> bool:
    return any(hasattr(e, "has") and e.has(DifferentialOf) for e in exprs)


def differentiates(expr) -> bool:
    """Whether `expr` takes the differential of more than a name (df with f defined,
    d(x^T x)); a side with only increments (2 x^T dx) does not."""
    return hasattr(expr, "atoms") and any(not isinstance(d.args[0], sympy.Symbol)
                                          for d in expr.atoms(DifferentialOf))


def varied(*exprs) -> list[sympy.Symbol]:
    """The names whose own differential the sides write (x of dx), in a stable order."""
    found = {d.args[0] for e in exprs if hasattr(e, "atoms") for d in e.atoms(DifferentialOf)
             if isinstance(d.args[0], sympy.Symbol)}
    return sorted(found, key=lambda s: s.name)


def differentiated(*exprs) -> list[sympy.Symbol]:
    """The names inside the differentials (x and A of d(x^T A x)), in a stable order: what
    varies when no differential of a name says (d\\|x\\|^2 = d(x^T x))."""
    found = {s for e in exprs if hasattr(e, "atoms") for d in e.atoms(DifferentialOf)
             for s in _free(d.args[0])}
    return sorted(found, key=lambda s: s.name)


def increment(symbol: sympy.Symbol) -> sympy.Symbol:
    return Var(DIFFERENTIAL_PREFIX + symbol.name)


def increments(expr) -> set[sympy.Symbol]:
    return {s for s in _free(expr) if s.name.startswith(DIFFERENTIAL_PREFIX)}


def evaluated(expr, moved: dict):
    """Every DifferentialOf(E) in `expr` as E(x + dx) − E, for the names in `moved`."""
    if not hasattr(expr, "replace"):
        return expr
    return expr.replace(lambda e: isinstance(e, DifferentialOf),
                        lambda e: e.args[0].xreplace(moved) - e.args[0])


def first_order(expr, steps: set[sympy.Symbol]):
    """The part of `expr` of order 0 and 1 in the increments."""
    scale = sympy.Dummy("epsilon")
    scaled = _entrywise(expr, lambda e: e.xreplace({s: scale * s for s in steps}))
    return _entrywise(scaled, lambda e: e.subs(scale, 0) + sympy.diff(e, scale).subs(scale, 0))


def linear_in(expr, steps: set[sympy.Symbol]) -> bool:
    """Whether every entry of `expr` is a polynomial of degree at most 1 in the increments."""
    entries = list(expr) if isinstance(expr, sympy.MatrixBase) else [expr]
    for entry in entries:
        used = sorted(steps & _free(entry), key=lambda s: s.name)
        if not used:
            continue
        try:
            if sympy.Poly(sympy.expand(entry), *used).total_degree() > 1:
                return False
        except sympy.PolynomialError:
            return False
    return True


def _entrywise(expr, change):
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(change)
    return change(expr)


def _free(expr) -> set[sympy.Symbol]:
    return {s for s in getattr(expr, "free_symbols", ()) if isinstance(s, sympy.Symbol)}
