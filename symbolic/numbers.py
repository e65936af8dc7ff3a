"""Printed numbers: what a worked example writes, and to what precision.

`0.798`, `-0.2`, `3.49 \\times 10^{-32}` and `10^{-8}` are numbers as printed; each carries
the unit of its last printed digit, and a printed number is right when the exact value is
within one such unit. This module is the one place that reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import mpmath
import sympy
from sympy.core.function import AppliedUndef

from symbolic import evaluation
from symbolic import functions as F
from symbolic.errors import DerivcheckError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import Instance
from symbolic.notation.rewrite import to_latex
from symbolic.notation.trees import children, factors, letter_word, node_text, ungroup, walk
from symbolic.notation.vocabulary import PRODUCT_OPS

if TYPE_CHECKING:
    from symbolic.context import Context

HIGH_DPS = 50                # digits for exact values that are not rational
MAX_EXPONENT = 400           # 10^{k} beyond this is not a printed number


@dataclass(frozen=True)
class PrintedNumber:
    """A number as printed: its value, the unit of its last digit, and whether it is whole."""

    value: sympy.Rational
    unit: sympy.Rational
    whole: bool


def printed_number(node: A.Node) -> PrintedNumber | None:
    """The printed number a tree is, or None when it is arithmetic or has names.

        >>> from symbolic.notation import parse_side
        >>> printed_number(parse_side(r"3.49 \\times 10^{-2}")).unit
        1/10000
    """
    node = ungroup(node)
    if isinstance(node, A.Neg):
        inner = printed_number(node.operand)
        return None if inner is None else PrintedNumber(-inner.value, inner.unit, inner.whole)
    if isinstance(node, A.Num):
        decimals = len(node.text.split(".")[1]) if "." in node.text else 0
        return PrintedNumber(sympy.Rational(node.text), sympy.Rational(1, 10**decimals),
                             decimals == 0)
    if isinstance(node, A.Power):                      # 10^{-8}
        return _scaled(PrintedNumber(sympy.Integer(1), sympy.Integer(1), True), node)
    if isinstance(node, A.BinOp) and node.op in PRODUCT_OPS \
            and isinstance(node.right, A.Power):      # 3.49 \times 10^{-32}
        mantissa = printed_number(node.left)
        return None if mantissa is None else _scaled(mantissa, node.right)
    return None


def printed_entries(node: A.Node) -> list[PrintedNumber] | None:
    """The printed numbers of a vector or matrix of them (`[0.090, 0.245, 0.665]^T`), in
    the order of the matrix's entries row by row; None when any entry is not one.

        >>> from symbolic.notation import parse_side
        >>> [e.unit for e in printed_entries(parse_side("[0.5, 1.25]^T"))]
        [1/10, 1/100]
    """
    node = ungroup(node)
    transposed = isinstance(node, A.Transpose)
    if transposed:
        node = ungroup(node.operand)
    if not isinstance(node, A.MatrixLiteral):
        return None
    rows = [[printed_number(entry) for entry in row] for row in node.rows]
    if any(entry is None for row in rows for entry in row):
        return None
    if transposed:
        rows = [list(column) for column in zip(*rows, strict=True)]
    return [entry for row in rows for entry in row]


def _scaled(mantissa: PrintedNumber, power: A.Power) -> PrintedNumber | None:
    if not (isinstance(power.base, A.Num) and power.base.text == "10"):
        return None
    exponent = printed_number(power.exponent)
    if exponent is None or not exponent.whole or abs(exponent.value) > MAX_EXPONENT:
        return None
    scale = sympy.Integer(10) ** exponent.value
    return PrintedNumber(mantissa.value * scale, mantissa.unit * scale, False)


def is_printed_number(node: A.Node) -> bool:
    return printed_number(node) is not None


def has_printed_number(node: A.Node) -> bool:
    return is_printed_number(node) or any(has_printed_number(c) for c in children(node))


def printed_text(node: A.Node) -> str:
    """A printed number as it was written: -0.2, 3.49 \\times 10^{-32}."""
    node = ungroup(node)
    if isinstance(node, A.Neg):
        return "-" + printed_text(node.operand)
    if isinstance(node, A.Num):
        return node.text
    if isinstance(node, A.Power):
        return f"10^{{{printed_text(node.exponent)}}}"
    if isinstance(node, A.BinOp):
        return f"{printed_text(node.left)} \\times {printed_text(node.right)}"
    return "the printed value"


def literal_precision(node: A.Node) -> float:
    """Relative precision of the rounded decimals written in a side (2+ significant digits):
    `0.4 \\times 0.51` is good to about 1/51 relative, from 0.51."""
    total = 0.0
    for n in walk(node):
        if isinstance(n, A.Num) and "." in n.text:
            digits = n.text.replace(".", "").lstrip("0")
            if len(digits) >= 2:
                decimals = len(n.text.split(".")[1])
                total += 10.0 ** (-decimals) / float(sympy.Rational(n.text))
    return total


# -- exact values ---------------------------------------------------------------------------
def to_mpmath(value) -> mpmath.mpf | None:
    """A number-valued SymPy expression as an mpmath number at the working precision; None
    when it is not a finite real."""
    from symbolic.compare import guard_huge_powers, huge_powers, undefined_constant

    value = sympy.sympify(value)
    expr = guard_huge_powers(value)
    if undefined_constant(expr) or huge_powers(value):
        return None       # 1/0, or a number too large to be a printed value's match
    if expr.atoms(AppliedUndef):
        return None       # f(1) of a function defined nowhere: any number
    try:
        [result] = evaluation.high_precision_values([expr], {})
        result = mpmath.mpmathify(result)
    except Exception:  # a construct with no rule there, or failed arithmetic: compiled
        try:
            f = sympy.lambdify([], expr, modules=[F.MPMATH_FUNCTIONS, "mpmath"])
            result = mpmath.mpmathify(f())
        except (KeyError, NotImplementedError, OverflowError, ZeroDivisionError):
            return None
    if isinstance(result, mpmath.mpc):
        if abs(result.imag) > mpmath.mpf(10) ** -30:
            return None
        result = result.real
    return result if mpmath.isfinite(result) else None


def exact_value(context: Context, node: A.Node, source: str = "") -> sympy.Expr | None:
    """The value of a tree when every name in it has one: exact when rational, else to 50
    digits; None when some name has no value or the value is not a finite real."""
    expr = _built_value(context, node, source)
    if expr is None or isinstance(expr, sympy.MatrixBase):
        return None
    return _exact_number(expr)


def exact_entries(context: Context, node: A.Node) -> list | None:
    """The entries of a tree whose value is a vector or matrix of numbers, each as
    `exact_value` gives it; None when it is no such tree or an entry has no value."""
    expr = _built_value(context, node)
    if not isinstance(expr, sympy.MatrixBase):
        return None
    entries = [_exact_number(entry) for entry in expr]
    return None if any(entry is None for entry in entries) else entries


def _built_value(context: Context, node: A.Node, source: str = ""):
    try:
        instance = Instance()
        expr = context.builder(instance, source).read(node)
        return context.substitute_values(context.expand(expr, instance))
    except (DerivcheckError, TypeError, ValueError, AttributeError, RecursionError):
        return None


def _exact_number(expr) -> sympy.Expr | None:
    if getattr(expr, "free_symbols", {1}):
        return None
    if expr.is_Rational:
        return expr
    try:
        with evaluation.high_precision(HIGH_DPS):
            value = to_mpmath(expr)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return None if value is None else sympy.Float(value, HIGH_DPS)


def show_number(value: sympy.Expr) -> str:
    """A value for a message: exact when rational, else eight significant digits."""
    return str(value) if value.is_Rational else mpmath.nstr(mpmath.mpf(str(value)), 8)


# -- printed numbers in place of quantities ----------------------------------------------------
@dataclass(frozen=True)
class Substitution:
    """How a side of printed numbers stands for the other: each number for the quantity it
    replaces (`found`), and the names with no value here that it gives one (`assumed`)."""

    found: tuple[str, ...]
    assumed: tuple[str, ...] = ()


def substituted_numbers(context: Context, lhs: A.Node, rhs: A.Node,
                        assumed_only: bool = False) -> Substitution | None:
    """Whether one side is the other with quantities replaced by printed numbers, each
    within one unit of its last digit of the exact quantity it replaces (rule 4 of the
    answer keys): `(a - y) a_0 = (0.78 - 1) (0.4)`. A name with no value here may stand
    for a number too (`w_5 * out_{h1}` as `0.4 * 0.593`), but then nothing is shown: the
    substitution says which values the text assumes. None when the shapes do not match
    (the link is then compared as usual), or, unless `assumed_only`, when every number
    stands for a name with no value."""
    try:
        lhs, rhs = context.resolve(lhs).tree, context.resolve(rhs).tree
    except DerivcheckError:
        return None         # the link itself says why it cannot be read
    for quantity, printed in ((lhs, rhs), (rhs, lhs)):
        if is_printed_number(printed) or not _has_name(quantity) \
                or not has_printed_number(printed):
            continue
        found: list[str] = []
        matcher = _NumberMatcher(context)
        if matcher.match(quantity, printed, found, 0) and (found or assumed_only
                                                           and matcher.assumed):
            assumed = tuple(f"{name} = {number}" for name, number in matcher.assumed.items())
            return Substitution(tuple(found), assumed)
    return None


def _has_name(node: A.Node) -> bool:
    return isinstance(node, A.Name) or any(_has_name(c) for c in children(node))


class _NumberMatcher:
    """Walks a side and its printed twin together (products and sums in either order,
    defined names through their definitions); every printed number must be within one
    unit of its last digit of the exact quantity it stands in for."""

    MAX_DEPTH = 6
    COMMUTATIVE = PRODUCT_OPS | {"+"}

    def __init__(self, context: Context):
        self.context = context
        self.assumed: dict[str, str] = {}    # a name with no value -> the number it stands as

    def match(self, quantity: A.Node, printed: A.Node, found: list[str], depth: int) -> bool:
        quantity, printed = ungroup(quantity), ungroup(printed)
        # `bias_1` printed as letters side by side is one name; `(1)(-0.1)` for b_1 puts a
        # 1 for nothing the side writes
        quantity = letter_word(factors(quantity)) or quantity
        if isinstance(printed, A.BinOp) and printed.op in PRODUCT_OPS \
                and not (isinstance(quantity, A.BinOp) and quantity.op in PRODUCT_OPS):
            unit = [other for one, other in ((printed.left, printed.right),
                                             (printed.right, printed.left))
                    if node_text(ungroup(one)) == "1"]
            if unit:
                printed = ungroup(unit[0])
        if is_printed_number(printed):
            if is_printed_number(quantity):
                return node_text(quantity) == node_text(printed)
            return self.stands_for(quantity, printed, found)
        if isinstance(quantity, A.Name) and depth < self.MAX_DEPTH:
            body = self.definition_of(quantity)
            if body is not None and self.match(body, printed, found, depth + 1):
                return True
        return self.same_shape(quantity, printed, found, depth)

    def same_shape(self, quantity: A.Node, printed: A.Node, found: list[str], depth: int) -> bool:
        if isinstance(quantity, A.BinOp) and isinstance(printed, A.BinOp):
            same_op = quantity.op == printed.op or (
                quantity.op in PRODUCT_OPS and printed.op in PRODUCT_OPS)
            if not same_op:
                return False
            orders = [(quantity.left, quantity.right)]
            if quantity.op in self.COMMUTATIVE:
                orders.append((quantity.right, quantity.left))
            for left, right in orders:
                trial: list[str] = []
                if self.match(left, printed.left, trial, depth) and \
                        self.match(right, printed.right, trial, depth):
                    found.extend(trial)
                    return True
            return False
        if type(quantity) is not type(printed):
            return False
        if isinstance(quantity, A.Neg):
            return self.match(quantity.operand, printed.operand, found, depth)
        if isinstance(quantity, A.Power):
            return self.match(quantity.base, printed.base, found, depth) and \
                self.match(quantity.exponent, printed.exponent, found, depth)
        if isinstance(quantity, A.Call):
            if (quantity.name, quantity.primes, len(quantity.args)) != (
                    printed.name, printed.primes, len(printed.args)) or \
                    node_text(quantity.index or A.Num("")) != node_text(printed.index or A.Num("")):
                return False
            return all(self.match(a, b, found, depth)
                       for a, b in zip(quantity.args, printed.args, strict=True))
        if isinstance(quantity, A.Annotated):
            return self.match(quantity.expr, printed.expr, found, depth)
        return node_text(quantity) == node_text(printed)

    def definition_of(self, name: A.Name) -> A.Node | None:
        for definition in self.context.definitions:
            if node_text(definition.name) == node_text(name):
                return definition.body
        return None

    def stands_for(self, quantity: A.Node, printed: A.Node, found: list[str]) -> bool:
        exact = exact_value(self.context, quantity)
        number = printed_number(printed)
        if number is None:
            return False
        if exact is None:
            exact = self.printed_value(quantity)
        if exact is None:
            return self.assume(quantity, printed)
        error = abs(sympy.N(exact - number.value, 30))
        if not (error < number.unit * (1 - sympy.Rational(1, 10**12))):
            return False
        if error > number.unit / 2 and not abs(number.value) / 2 <= abs(exact) \
                <= 2 * abs(number.value):
            return False        # 0.01 for 0.001: past rounding, and off by a factor
        found.append(f"{to_latex(printed)} for {sympy.N(exact, 8)}")   # LaTeX, as written
        return True

    def printed_value(self, quantity: A.Node) -> sympy.Expr | None:
        """The number a worked example printed for a name at the end of its definition
        (`out_{h1} = \\frac{1}{1+e^{-net_{h1}}} = … = 0.593269992`)."""
        if isinstance(quantity, A.Partial) and isinstance(quantity.numerator, A.Name) \
                and isinstance(quantity.wrt, A.Name):
            # a gradient whose number the worked example gave (∂E/∂w_5 = … = 0.0822)
            return self.context.named_gradient(quantity.numerator, quantity.wrt)
        if not isinstance(quantity, A.Name):
            return None
        for definition in self.context.definitions:
            if node_text(definition.name) == node_text(quantity) and definition.source:
                try:
                    last = parse_side(split_chain(definition.source).sides[-1].text)
                except DerivcheckError:
                    return None
                number = printed_number(last)
                return None if number is None else number.value
        return None

    def assume(self, quantity: A.Node, printed: A.Node) -> bool:
        """A bare name that nothing gives a value: the text's number for it, the same each
        time it occurs."""
        if not isinstance(quantity, A.Name) or any(
                node_text(d.name) == node_text(quantity) for d in self.context.definitions):
            return False
        name, number = to_latex(quantity), to_latex(printed)
        return self.assumed.setdefault(name, number) == number
