"""A built side as LaTeX, as far as a report shows it.

The report shows how a link was read, cut at a few hundred characters. A Jacobian or a
matrix of gradients prints to many thousands: printing its rows past the cut, each term
sorted into canonical order, is most of the time a typical matrix claim spends outside
checking. Here a matrix prints only the rows that reach the cut; the text is the whole
matrix's text up to at least `limit` characters, and the whole text when it is shorter.
An expanded network repeats its layers in every entry: each distinct subexpression is
printed once per process.
"""

from __future__ import annotations

import sympy
from sympy.printing.latex import LatexPrinter

from symbolic.compare import huge_powers
from symbolic.shared_printing import PRINTED_KEPT, SharedPrinting


def latex_prefix(value, limit: int) -> str:
    """`sympy.latex(value)`, or a prefix of it longer than `limit` characters.

    >>> x = sympy.Symbol("x")
    >>> latex_prefix(sympy.ImmutableMatrix([x**2, x]), 400)
    '\\\\left[\\\\begin{matrix}x^{2}\\\\\\\\x\\\\end{matrix}\\\\right]'

    Args:
        value: a SymPy expression or matrix.
        limit: where the caller cuts the text; only characters before it must be exact.

    Raises:
        Whatever SymPy's printer raises on `value`.
    """
    # ordering the terms evaluates them: 9^{9^{9^{9}}} would take hours
    printer = _SharedLatex({"order": "none" if huge_powers(value) else None})
    if isinstance(value, sympy.MatrixBase) and value.rows > 1:
        value = _rows_reaching(value, limit, printer)
    return printer.doprint(value)


class _SharedLatex(SharedPrinting, LatexPrinter):
    """`sympy.latex`, printing each distinct subexpression once per process (per setting
    of the term order). Equal expressions print alike, except where a bound variable is
    named differently (`f'(u)|_{u=2x}` equals `f'(ξ)|_{ξ=2x}`): those are printed each
    time."""

    printed: dict = {}      # (order, expression) -> its LaTeX

    def shared_key(self, expr: sympy.Basic):
        return None if _binds(expr) else (self._settings["order"], expr)


_BINDING: dict = {}      # expression -> whether it holds a variable it binds


def _binds(expr: sympy.Basic) -> bool:
    """Whether `expr` holds a construct that binds a variable (`Subs`, `Lambda`, a sum):
    equal expressions of that kind may name it differently. Kept per process; equal
    expressions hold such constructs alike."""
    found = _BINDING.get(expr)
    if found is None:
        if len(_BINDING) >= PRINTED_KEPT:
            _BINDING.clear()
        found = _BINDING[expr] = hasattr(expr, "bound_symbols") or any(
            _binds(a) for a in expr.args if isinstance(a, sympy.Basic))
    return found


def _rows_reaching(matrix, limit: int, printer: LatexPrinter):
    """The first rows of `matrix` whose entries print to more than `limit` characters (all
    of them when they never do). The same columns give the same environment (`matrix`, or
    `array` past ten columns), and rows print one after another, so the text of these
    rows is the start of the whole matrix's text."""
    printed, rows = 0, 0
    while rows < matrix.rows and printed <= limit:
        printed += sum(len(printer.doprint(entry)) for entry in matrix.row(rows))
        rows += 1
    return matrix if rows == matrix.rows else matrix[:rows, :]
