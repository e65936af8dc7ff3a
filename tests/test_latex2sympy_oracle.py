r"""Differential test: derivcheck's reader against latex2sympy2, on plain math.

latex2sympy2 cannot read ML notation soundly (DESIGN.md), and it never sees user text:
it is in the test extra only, as an independent oracle. On plain math — single-letter
variables, `+ - \cdot / ^`, `\frac`, `\sqrt`, `\exp`, `\ln`, `\sin` — both readers must give
the same SymPy expression. Hypothesis writes the LaTeX; a failure prints it.

The subset leaves out what the two read differently on purpose: `e` (Euler's number to
latex2sympy2), the index letters `i j k l m n t d` and the function letters `f g h`.
Every operand that is itself an operation is in `\left( \right)`, so that the test is
about the constructs, not about how far a `-` or a juxtaposition reaches.
"""

from __future__ import annotations

import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from latex2sympy2_extended import latex2sympy

from symbolic.context import parse_expression

LETTERS = "abcpqrsuvwxyz"

atoms = st.one_of(st.sampled_from(LETTERS), st.integers(1, 9).map(str))


def _grouped(text: str) -> str:
    return text if len(text) == 1 else rf"\left({text}\right)"


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pairs = st.tuples(inner, inner)
    return st.one_of(
        pairs.map(lambda p: f"{_grouped(p[0])} + {_grouped(p[1])}"),
        pairs.map(lambda p: f"{_grouped(p[0])} - {_grouped(p[1])}"),
        pairs.map(lambda p: rf"{_grouped(p[0])} \cdot {_grouped(p[1])}"),
        pairs.map(lambda p: f"{_grouped(p[0])} / {_grouped(p[1])}"),
        # a power's exponent is a letter or a digit: a tower of numbers (2^{4^{7}}) has an
        # exact value too large to compare, which derivcheck keeps unevaluated on purpose
        st.tuples(inner, atoms).map(lambda p: f"{_grouped(p[0])}^{{{p[1]}}}"),
        pairs.map(lambda p: rf"\frac{{{p[0]}}}{{{p[1]}}}"),
        inner.map(lambda a: rf"\sqrt{{{a}}}"),
        inner.map(lambda a: rf"\exp\left({a}\right)"),
        inner.map(lambda a: rf"\ln\left({a}\right)"),
        inner.map(lambda a: rf"\sin\left({a}\right)"),
    )


plain_math = st.recursive(atoms, _extend, max_leaves=6)


def _evaluated(expression: sympy.Basic) -> sympy.Basic:
    r"""The tree rebuilt bottom-up with SymPy's automatic evaluation on: latex2sympy2 keeps
    `\sqrt{1}` as an unevaluated power, derivcheck gives `1`."""
    if expression.is_Atom:
        return expression
    if isinstance(expression, sympy.log) and len(expression.args) == 2 \
            and expression.args[1] == sympy.E:   # latex2sympy2 writes \ln x as log(x, E)
        return sympy.log(_evaluated(expression.args[0]))
    return expression.func(*(_evaluated(a) for a in expression.args))


def _plain(expression: sympy.Basic) -> sympy.Basic:
    """Evaluated, with real symbols of the same names: derivcheck's variables are real."""
    renamed = expression.xreplace({s: sympy.Symbol(s.name, real=True)
                                   for s in expression.free_symbols})
    return _evaluated(renamed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain_math)
def test_both_readers_give_the_same_sympy_expression(latex: str):
    ours = _plain(parse_expression(latex))
    oracle = _plain(latex2sympy(latex))
    # the same expression, or the same value written another way ((2^2)^a and 2^{2a});
    # a division by zero is undefined in both, however each writes it (zoo*a and zoo)
    undefined = all(e.has(sympy.zoo, sympy.nan) for e in (ours, oracle))
    assert ours == oracle or undefined or sympy.simplify(ours - oracle) == 0, \
        f"{latex}: derivcheck {ours} but latex2sympy2 {oracle}"


def test_the_oracle_is_used_by_tests_only():
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "symbolic"
    for module in package.rglob("*.py"):
        assert "latex2sympy" not in module.read_text(encoding="utf-8"), module
