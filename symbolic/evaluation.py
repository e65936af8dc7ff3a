"""Numeric values of SymPy expressions, read straight off the tree: no printing, no compiling.

`lambdify` prints an expression to Python source, eliminates common subexpressions and
compiles the source: for an expanded network evaluated once at the sample points, that
costs a hundred times the arithmetic. Here each distinct subexpression is evaluated once,
with NumPy over every sample point at once, or with mpmath at one point. The arithmetic is
the arithmetic `lambdify`'s printers write (a product's denominator divides, `x^{1/2}` is
a square root, `H(0) = 1/2`); a construct with no rule here raises `Unsupported`, and the
caller compiles instead.

>>> import numpy as np, sympy
>>> x = sympy.Symbol("x", real=True)
>>> float_values([x**2 + 1], {x: np.array([1.0, 2.0])})
[array([2., 5.])]
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any

import mpmath
import numpy as np
import sympy

from symbolic.functions import MPMATH_FUNCTIONS, NUMPY_FUNCTIONS

_PRECISION = threading.RLock()


@contextlib.contextmanager
def high_precision(dps: int) -> Iterator[None]:
    """mpmath at `dps` digits inside the block. mpmath's precision is one setting for the
    whole process, so blocks in different threads (grading runs checks in threads) take
    turns: one thread leaving its block would otherwise lower another's precision."""
    with _PRECISION, mpmath.workdps(dps):
        yield


class Unsupported(Exception):
    """A construct this evaluator has no rule for (the caller compiles it instead)."""


class Arithmetic:
    """The number system one evaluation works in: its functions and constants."""

    functions: dict[str, Callable[..., Any]]

    def number(self, value: sympy.Expr) -> Any:
        raise NotImplementedError

    def square_root(self, value: Any) -> Any:
        raise NotImplementedError

    def heaviside(self, value: Any, at_zero: Any) -> Any:
        raise NotImplementedError

    def extremum(self, values: list, largest: bool) -> Any:
        raise NotImplementedError

    def kronecker(self, first: Any, second: Any) -> Any:
        """δ: 1 where the two (whole-number) values are equal, 0 elsewhere."""
        raise NotImplementedError


class NumpyArithmetic(Arithmetic):
    """Float arrays over every sample point at once."""

    functions = {**{name: getattr(np, name) for name in (
        "exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sign")},
        "Abs": np.abs, "asin": np.arcsin, "acos": np.arccos, "atan": np.arctan,
        "sech": lambda x: 1 / np.cosh(x),
        "asinh": np.arcsinh, "acosh": np.arccosh, "atanh": np.arctanh,
        "floor": np.floor, "ceiling": np.ceil, **NUMPY_FUNCTIONS}

    def number(self, value: sympy.Expr) -> Any:
        if value.is_Integer:
            return int(value)                 # as lambdify prints it: exact, an int
        if value.is_Rational:
            return value.p / value.q
        if value.is_Float or value.is_NumberSymbol:
            return float(value)
        if value is sympy.S.NaN:
            return np.nan                     # lambdify prints numpy's nan
        raise Unsupported(type(value).__name__)

    def square_root(self, value: Any) -> Any:
        return np.sqrt(value)

    def heaviside(self, value: Any, at_zero: Any) -> Any:
        return np.select([np.less(value, 0), np.equal(value, 0), True], [0, at_zero, 1],
                         default=np.nan)

    def extremum(self, values: list, largest: bool) -> Any:
        return functools.reduce(np.maximum if largest else np.minimum, values)

    def kronecker(self, first: Any, second: Any) -> Any:
        return np.where(np.equal(first, second), 1.0, 0.0)


class MpmathArithmetic(Arithmetic):
    """mpmath numbers at one point, at the working precision of the caller."""

    functions = {**{name: getattr(mpmath, name) for name in (
        "exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sign", "asin", "acos",
        "atan", "asinh", "acosh", "atanh", "floor", "sech")},
        "Abs": mpmath.fabs, "ceiling": mpmath.ceil, **MPMATH_FUNCTIONS}

    def number(self, value: sympy.Expr) -> Any:
        if value.is_Integer:
            return int(value)
        if value.is_Rational:
            return mpmath.mpf(value.p) / mpmath.mpf(value.q)
        if value.is_Float:
            return mpmath.mpf(value._mpf_)
        if value.is_NumberSymbol:
            return mpmath.mpf(value._as_mpf_val(mpmath.mp.prec))
        if value is sympy.S.NaN:
            return mpmath.nan                 # lambdify prints mpmath's nan
        raise Unsupported(type(value).__name__)

    def square_root(self, value: Any) -> Any:
        return mpmath.sqrt(value)

    def heaviside(self, value: Any, at_zero: Any) -> Any:
        # lambdify's mpmath code: `0 if x < 0 else H(0) if x == 0 else 1` (a complex x
        # raises TypeError there and here)
        if value < 0:
            return 0
        return at_zero if value == 0 else 1

    def extremum(self, values: list, largest: bool) -> Any:
        raise Unsupported("Max" if largest else "Min")

    def kronecker(self, first: Any, second: Any) -> Any:
        return mpmath.mpf(1 if first == second else 0)


NUMPY = NumpyArithmetic()
MPMATH = MpmathArithmetic()


def float_values(exprs: list, columns: dict, families: dict | None = None) -> list:
    """Each expression at every sample point: `columns` maps each symbol to its values,
    `families` each undefined function to the Lambda that stands for it."""
    return Evaluation(columns, NUMPY, families).values(exprs)


def high_precision_values(exprs: list, point: dict, families: dict | None = None) -> list:
    """Each expression at one point (symbol -> mpmath number), in mpmath's precision."""
    return Evaluation(point, MPMATH, families).values(exprs)


class Evaluation:
    """The values of the subexpressions met so far, at one set of points.

    A call of an undefined function is its family member's body evaluated at the call's
    arguments, in an evaluation of its own whose other symbols are read from this one.
    """

    def __init__(self, leaves: dict, arithmetic: Arithmetic, families: dict | None = None,
                 outer: Evaluation | None = None):
        self.known: dict = dict(leaves)
        self.arithmetic = arithmetic
        self.families = families or {}
        self.outer = outer

    def values(self, exprs: list) -> list:
        return [self.value(e) for e in exprs]

    def value(self, expr: sympy.Basic) -> Any:
        found = self.known.get(expr)
        if found is None:
            found = self.known[expr] = self._evaluate(expr)
        return found

    def _evaluate(self, expr: sympy.Basic) -> Any:
        if expr.is_Number or expr.is_NumberSymbol:
            return self.arithmetic.number(expr)
        if expr.is_Symbol:
            if self.outer is None:
                raise Unsupported(f"no value for {expr}")
            return self.outer.value(expr)
        if expr.is_Add:
            terms = [self.value(a) for a in expr.args]
            return functools.reduce(lambda a, b: a + b, terms)
        if expr.is_Mul:
            return self._product(expr)
        if expr.is_Pow:
            return self._power(expr.base, expr.exp)
        if isinstance(expr, (sympy.Max, sympy.Min)):
            return self.arithmetic.extremum([self.value(a) for a in expr.args],
                                            isinstance(expr, sympy.Max))
        if isinstance(expr, sympy.Heaviside):
            at_zero = expr.args[1] if len(expr.args) > 1 else sympy.S.Half
            if not at_zero.is_Number:
                raise Unsupported("Heaviside")
            return self.arithmetic.heaviside(self.value(expr.args[0]), self.value(at_zero))
        if isinstance(expr, sympy.KroneckerDelta):
            return self.arithmetic.kronecker(*self.values(list(expr.args)))
        if isinstance(expr, sympy.Function):
            return self._call(expr)
        if isinstance(expr, sympy.Derivative):
            return self._derivative_of_member(expr)
        if isinstance(expr, sympy.Subs):
            return self._substituted(expr)
        raise Unsupported(type(expr).__name__)

    def _product(self, expr: sympy.Mul) -> Any:
        """Numerator factors multiplied in order, then divided by the denominator's."""
        numerator, denominator = [], []
        for factor in expr.args:
            if factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
                denominator.append(self._power(factor.base, -factor.exp))
            else:
                numerator.append(self.value(factor))
        out = functools.reduce(lambda a, b: a * b, numerator) if numerator else 1
        if denominator:
            out = out / functools.reduce(lambda a, b: a * b, denominator)
        return out

    def _power(self, base: sympy.Expr, exponent: sympy.Expr) -> Any:
        if exponent is sympy.S.Half:
            return self.arithmetic.square_root(self.value(base))
        if exponent == -sympy.S.Half:
            return 1 / self.arithmetic.square_root(self.value(base))
        if exponent.is_Integer and exponent.is_negative:
            return self.value(base) ** float(exponent)     # lambdify writes x**(-2.0)
        return self.value(base) ** self.value(exponent)

    def _call(self, expr: sympy.Function) -> Any:
        family = self.families.get(expr.func)
        if family is not None:
            return self._family_member(family, expr.args)
        function = self.arithmetic.functions.get(type(expr).__name__)
        if function is None or not all(isinstance(a, sympy.Expr) for a in expr.args):
            raise Unsupported(type(expr).__name__)
        return function(*(self.value(a) for a in expr.args))

    def _family_member(self, family: sympy.Lambda, arguments: tuple,
                       body: sympy.Expr | None = None) -> Any:
        """`body` (the member itself unless given: a derivative of it) at the arguments."""
        if len(arguments) != len(family.variables):
            raise Unsupported(f"{family} called with {len(arguments)} arguments")
        values = {u: self.value(a) for u, a in zip(family.variables, arguments, strict=True)}
        inner = Evaluation(values, self.arithmetic, self.families, outer=self)
        return inner.value(family.expr if body is None else body)

    def _derivative_of_member(self, expr: sympy.Derivative) -> Any:
        """∂f(x, y)/∂x of an undefined f: the derivative of its family member, at (x, y)."""
        call = expr.expr
        family = self.families.get(getattr(call, "func", None))
        if family is None or len(set(call.args)) != len(call.args) \
                or not all(a.is_Symbol for a in call.args):
            raise Unsupported(f"the derivative {expr}")
        arguments = call.args
        slot = {a: u for a, u in zip(arguments, family.variables, strict=False)}
        if any(v not in slot for v, _ in expr.variable_count):
            raise Unsupported(f"the derivative {expr}")
        body = _derivative(family.expr, tuple((slot[v], n) for v, n in expr.variable_count))
        return self._family_member(family, arguments, body)

    def _substituted(self, expr: sympy.Subs) -> Any:
        """`Subs(e, u, p)` (the chain rule's f'(g(x))): e with u at the value of p."""
        values = {u: self.value(p) for u, p in zip(expr.variables, expr.point, strict=True)}
        return Evaluation(values, self.arithmetic, self.families, outer=self).value(expr.expr)


@functools.lru_cache(maxsize=256)
def _derivative(body: sympy.Expr, variable_count: tuple) -> sympy.Expr:
    return sympy.diff(body, *variable_count)
