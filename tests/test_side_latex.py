"""A side as the report shows it: SymPy's LaTeX, as far as the cut."""

from __future__ import annotations

import sympy

from symbolic.functions import Sigmoid
from symbolic.side_latex import latex_prefix

x, y = sympy.symbols("x y", real=True)


def test_a_short_side_prints_as_sympy_prints_it():
    side = Sigmoid(x + y) * (1 - Sigmoid(x + y)) + x**2
    assert latex_prefix(side, 400) == sympy.latex(side)


def test_a_long_matrix_prints_its_first_rows_as_the_whole_matrix_begins():
    entry = sum(Sigmoid(k * x + y) for k in range(1, 12))
    matrix = sympy.ImmutableMatrix(12, 2, [entry * k for k in range(24)])
    whole, cut = sympy.latex(matrix), latex_prefix(matrix, 400)
    assert len(cut) > 400 and len(cut) < len(whole) and whole.startswith(cut[:400])


def test_sides_equal_up_to_a_bound_variables_name_print_their_own_names():
    f = sympy.Function("f")
    u, xi = sympy.Symbol("u"), sympy.Symbol("xi")
    at_u = sympy.Subs(f(u).diff(u), u, 2 * x)
    at_xi = sympy.Subs(f(xi).diff(xi), xi, 2 * x)
    assert at_u == at_xi
    assert latex_prefix(at_u, 400) == sympy.latex(at_u)
    assert latex_prefix(at_xi, 400) == sympy.latex(at_xi)
