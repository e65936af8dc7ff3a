r"""Meaning for a resolved tree as whole vectors and matrices: `W x + b` as `MatMul`, `MatAdd`.

`symbolic.notation.build` writes every vector out entry by entry at small concrete sizes,
which is what checking a claim needs. A closed-form gradient needs the vectors whole, as
SymPy `MatrixSymbol`s of declared shapes, so that backprop (`symbolic.gradients`) can
write ∂L/∂W = (z − y) xᵀ. This module reads the same parsed and resolved trees into
matrix expressions:

| written | read as |
|---|---|
| `W x`, `x^T A x`, `c W` | the matrix product (`MatMul`), a scalar times a matrix |
| `a + b`, `1 - a` | the matrix sum (`MatAdd`); a scalar added to a matrix is added to each entry |
| `W^T` | `Transpose` |
| `a \odot b`, `u v` of equal shapes that do not conform | `HadamardProduct` |
| `\sigma(z)`, `\tanh z`, `\log a`, `e^{z}` of a matrix | applied element-wise |
| `\operatorname{softmax}(z)` | the vector function |
| `\|v\|^2`, `\|A\|_F^2` | vᵀv, 1ᵀ(A ⊙ A)1 |
| `\sum_i (z_i - y_i)^2` | the sum of the entries: 1ᵀ((z − y) ⊙ (z − y)) |

A name with a shape is a `MatrixSymbol`; a dimension is a whole number or a name (m, n);
a name with no shape is a real scalar.

    >>> reader = ShapedDefinitions({"W": (3, 2), "x": (2, 1), "b": (3, 1), "y": (3, 1)})
    >>> reader.define("z", "W x + b")
    (z, W*x + b)
    >>> name, loss = reader.define("L", r"\frac{1}{2} (z - y)^T (z - y)")
    >>> loss.shape
    (1, 1)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import sympy
from sympy import Basic, Dummy, Expr, Lambda, Rational, Symbol
from sympy.matrices.expressions import (
    HadamardPower,
    HadamardProduct,
    MatAdd,
    MatMul,
    MatrixExpr,
    MatrixSymbol,
    OneMatrix,
    Transpose,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

from symbolic.errors import DerivcheckError, MeaningError, ShapeError
from symbolic.functions import VectorFunction
from symbolic.notation import ast as A
from symbolic.notation import parse_side
from symbolic.notation.names import Var
from symbolic.notation.resolve import Snapshot, resolve
from symbolic.notation.rewrite import to_latex
from symbolic.notation.trees import node_text, ungroup, walk
from symbolic.notation.vocabulary import LOGARITHMS, ONES, known_function

__all__ = ["Dimension", "MatrixFormError", "MatrixBuilder", "ShapedDefinitions"]

Dimension = int | str   # a whole number, or a name such as "m" or "D_h"

# Names that stand for numbers unless they are defined or shaped.
CONSTANTS = {"e": sympy.E, r"\pi": sympy.pi}
# What the constructs with no matrix form here are called in a message.
UNREAD = {A.Partial: "a derivative", A.Cases: "a piecewise definition",
          A.MatrixLiteral: "a matrix written entry by entry", A.Indicator: "an indicator",
          A.Unread: "a definition that could not be read", A.Expectation: "an expectation"}
# How the fix is written when a power of a vector has no matrix meaning.
SQUARES_HINT = r"write (z - y)^T (z - y), \|z - y\|^2 or (z - y) \odot (z - y)"


class MatrixFormError(DerivcheckError, ValueError):
    """LaTeX that has no meaning with whole vectors and matrices: the reason and the fix,
    in one line."""

    def __init__(self, reason: str, fix: str = ""):
        self.reason = reason
        self.fix = fix
        super().__init__(f"{reason}; {fix}" if fix else reason)


def _is_matrix(value: Any) -> bool:
    return isinstance(value, MatrixExpr)


def _shape_text(value: Basic) -> str:
    """`3×2`, `m×n`, or `a scalar`: how a value's shape is named in a message."""
    if not _is_matrix(value):
        return "a scalar"
    rows, columns = value.shape
    return f"{rows}×{columns}"


# --------------------------------------------------------------------------- the builder


class MatrixBuilder:
    """A resolved tree as a SymPy matrix expression, names looked up in `symbols`.

    `symbols` maps a name as the reader spells it (`W^{(1)}`, `\\hat{y}`) to its
    `MatrixSymbol` or scalar; a name not in it is a real scalar of its own.
    """

    def __init__(self, symbols: Mapping[str, Basic]):
        self.symbols = symbols
        self.summed: dict[str, Basic | None] = {}    # index letter -> the length it runs over

    def build(self, node: A.Node) -> Basic:
        method = getattr(self, "build_" + type(node).__name__, None)
        if method is None:
            raise MatrixFormError(f"{UNREAD.get(type(node), 'this')} is not read with --shape",
                                  "write it with vectors, matrices and element-wise functions")
        return method(node)

    # -- leaves ------------------------------------------------------------------------
    def build_Num(self, node: A.Num) -> Expr:
        return Rational(node.text)

    def build_Group(self, node: A.Group) -> Basic:
        return self.build(node.inner)

    def build_Annotated(self, node: A.Annotated) -> Basic:
        return self.build(node.expr)

    def build_Name(self, node: A.Name) -> Basic:
        key = node_text(node)
        if key in self.symbols:
            return self.symbols[key]
        if node.sub:
            return self.entry(node)
        if node.base == ONES:
            raise MatrixFormError(r"the vector of ones \mathbf{1} is not read with --shape",
                                  r"write the sum of v's entries as \sum_i v_i")
        return CONSTANTS.get(key) or Var(key)

    def entry(self, node: A.Name) -> Basic:
        """`z_i` inside `\\sum_i`: the whole vector z, summed later; `w_1` (no vector w): a
        scalar of its own."""
        vector = dataclasses.replace(node, sub=())
        whole = self.symbols.get(node_text(vector))
        if whole is None:
            return Var(node_text(node))
        index = node.sub[0] if len(node.sub) == 1 else None
        letter = index.base if isinstance(index, A.Name) and not index.sub else None
        if letter not in self.summed or not _is_matrix(whole) or whole.shape[1] != 1:
            raise MatrixFormError(
                f"{to_latex(node)} is an entry of {to_latex(vector)} ({_shape_text(whole)}), "
                "which is read whole with --shape",
                r"write the vector itself, or the sum of its entries as \sum_i v_i")
        length = whole.shape[0]
        if self.summed[letter] is None:
            self.summed[letter] = length
        elif self.summed[letter] != length:
            raise ShapeError(f"the sum over {letter} runs over {self.summed[letter]} entries "
                             f"but {to_latex(vector)} has {length}; check the --shape of "
                             f"{to_latex(vector)}")
        return whole

    # -- sums and products -------------------------------------------------------------
    def build_Neg(self, node: A.Neg) -> Basic:
        value = self.build(node.operand)
        return _times(-1, value) if _is_matrix(value) else -value

    def build_BinOp(self, node: A.BinOp) -> Basic:
        left, right = self.build(node.left), self.build(node.right)
        if node.op in ("+", "-"):
            return self.add(node, left, right if node.op == "+" else _times(-1, right))
        if node.op == "/":
            if _is_matrix(right):
                raise ShapeError(f"cannot divide by the {_shape_text(right)} "
                                 f"{to_latex(ungroup(node.right))}; divide by a scalar")
            return _times(1 / right, left) if _is_matrix(left) else left / right
        if node.op == "odot":
            return self.elementwise_product(node, left, right)
        if node.op == "oslash":
            reciprocal = sympy.HadamardPower(right, -1) if _is_matrix(right) else 1 / right
            return self.elementwise_product(node, left, reciprocal)
        if node.op == "outer" and _is_matrix(left) and _is_matrix(right):
            return self.product(node, left, _transpose(right))
        if node.op == "*" and _is_matrix(left) and _is_matrix(right) \
                and (1, 1) not in (left.shape, right.shape):
            raise starred_matrices(node)
        return self.product(node, left, right)

    def add(self, node: A.BinOp, left: Basic, right: Basic) -> Basic:
        """A sum; a scalar added to a matrix is added to each entry (1 − a)."""
        if _is_matrix(left) and _is_matrix(right):
            if left.shape != right.shape:
                raise self.mismatch("add", node, left, right, "they need one shape")
            return _plus(left, right)
        if _is_matrix(left):
            return _plus(left, _times(right, OneMatrix(*left.shape)))
        if _is_matrix(right):
            return _plus(_times(left, OneMatrix(*right.shape)), right)
        return left + right

    def product(self, node: A.BinOp, left: Basic, right: Basic) -> Basic:
        """The matrix product where it conforms; else, for equal shapes, element-wise."""
        if not _is_matrix(left) or not _is_matrix(right):
            return _times(left, right)
        if left.shape[1] == right.shape[0]:
            return _times(left, right)
        if left.shape == right.shape:     # as the checker reads u v of two columns
            return HadamardProduct(left, right)
        raise self.mismatch("multiply", node, left, right,
                            "the columns of the first must match the rows of the second")

    def elementwise_product(self, node: A.BinOp, left: Basic, right: Basic) -> Basic:
        if not _is_matrix(left) or not _is_matrix(right):
            return _times(left, right)
        if left.shape != right.shape:
            raise self.mismatch("multiply element-wise", node, left, right,
                                "they need one shape")
        return HadamardProduct(left, right)

    def mismatch(self, verb: str, node: A.BinOp, left: Basic, right: Basic,
                 rule: str) -> ShapeError:
        """`cannot multiply W (3×2) by x (3×1): …; check the --shape of W, x`."""
        joint = " by " if verb.startswith("multiply") else " and "
        shaped = sorted({node_text(n) for n in walk(node) if isinstance(n, A.Name)
                         and _is_matrix(self.symbols.get(node_text(n)))})
        return ShapeError(
            f"cannot {verb} {to_latex(node.left)} ({_shape_text(left)}){joint}"
            f"{to_latex(node.right)} ({_shape_text(right)}): {rule}; check the --shape of "
            + ", ".join(shaped))

    def build_Transpose(self, node: A.Transpose) -> Basic:
        value = self.build(node.operand)
        return _transpose(value) if _is_matrix(value) else value

    # -- powers and norms --------------------------------------------------------------
    def build_Power(self, node: A.Power) -> Basic:
        if isinstance(node.base, A.Norm) and node.exponent == A.Num("2", node.exponent.pos):
            return self.squared_norm(node.base)
        base, exponent = self.build(node.base), self.build(node.exponent)
        if base == sympy.E:
            return self.elementwise(sympy.exp, exponent)
        if _is_matrix(exponent):
            raise MatrixFormError(f"the exponent of {to_latex(node)} is "
                                  f"{_shape_text(exponent)}, not a number")
        return self.power(node, base, exponent)

    def power(self, node: A.Node, base: Basic, exponent: Expr) -> Basic:
        """A scalar's power; a 1×1 matrix's, or a vector's inside a sum of its entries."""
        if not _is_matrix(base):
            return base**exponent
        if base.shape == (1, 1) or (self.summed and base.shape[1] == 1):
            return HadamardPower(base, exponent)
        if exponent == -1:
            raise MatrixFormError(f"the inverse {to_latex(node)} is not read with --shape",
                                  "give the inverse a name and a --shape of its own")
        raise MatrixFormError(f"{to_latex(node)} is a power of a {_shape_text(base)} matrix",
                              SQUARES_HINT)

    def squared_norm(self, node: A.Norm) -> Basic:
        r"""‖v‖² = vᵀv (v vᵀ for a row), ‖A‖² = ‖A‖_F² = 1ᵀ(A ⊙ A)1."""
        value = self.build(node.operand)
        if not _is_matrix(value):
            return value**2
        rows, columns = value.shape
        if node.order not in ("", "F", "2") or (node.order == "2" and 1 not in value.shape):
            raise MatrixFormError(f"the norm {to_latex(node)} is not read with --shape",
                                  r"write the Euclidean or Frobenius norm, \|A\|")
        if columns == 1:
            return _times(_transpose(value), value)
        if rows == 1:
            return _times(value, _transpose(value))
        return _times(OneMatrix(1, rows), HadamardProduct(value, value), OneMatrix(columns, 1))

    def build_Norm(self, node: A.Norm) -> Basic:
        squared = self.squared_norm(node)
        if _is_matrix(squared):
            return HadamardPower(squared, Rational(1, 2))
        return sympy.Abs(self.build(node.operand))

    def build_Abs(self, node: A.Abs) -> Basic:
        value = self.build(node.operand)
        if _is_matrix(value):
            raise MatrixFormError(f"|{to_latex(node.operand)}| of a {_shape_text(value)} "
                                  "matrix is not read", r"write its norm, \|v\|")
        return sympy.Abs(value)

    # -- functions ---------------------------------------------------------------------
    def build_Call(self, node: A.Call) -> Basic:
        if node.index is not None:
            raise MatrixFormError(f"{to_latex(node)} picks an entry, which is not read with "
                                  "--shape", "use the whole vector")
        if node.callee is A.Callee.KNOWN:
            return self.decorated(node, self.known_call(node))
        if node.callee is A.Callee.OPERATOR and node.name in LOGARITHMS and len(node.args) == 1:
            return self.decorated(node, self.elementwise(sympy.log, self.build(node.args[0])))
        raise MatrixFormError(f"{to_latex(node)} is not read with --shape",
                              "use element-wise functions such as \\sigma, \\tanh, \\log, "
                              "\\exp, ReLU, or softmax of a vector")

    def known_call(self, node: A.Call) -> Basic:
        function = known_function(node.name)
        if len(node.args) != function.arity:
            raise MatrixFormError(f"{function.name} takes {function.arity} argument(s), "
                                  f"not {len(node.args)}, in {to_latex(node)}")
        argument = self.build(node.args[0])
        if not function.takes_vector:
            return self.elementwise(_derivative(function.apply, node.primes), argument)
        column = _is_matrix(argument) and argument.shape[1] == 1
        if function.vector_valued and not node.primes and column and argument.shape[0].is_Integer:
            return VectorFunction(function.apply, argument)
        raise MatrixFormError(f"{to_latex(node)} is not read with --shape",
                              f"apply {function.name} to a column vector with a --shape of "
                              "whole numbers" if function.vector_valued else
                              f"write {function.name} out with \\log and \\exp")

    def elementwise(self, function: Any, argument: Basic) -> Basic:
        """f(z): of a scalar, or applied to each entry of a matrix."""
        if _is_matrix(argument):
            return ElementwiseApplyFunction(function, argument)
        return function(argument)

    def decorated(self, node: A.Call, value: Basic) -> Basic:
        r"""`\tanh^2(z)`: the power written on the function."""
        if node.power is None:
            return value
        return self.power(node, value, self.build(node.power))

    # -- sums over entries -------------------------------------------------------------
    def build_SumOver(self, node: A.SumOver) -> Basic:
        r"""`\sum_i (z_i - y_i)^2`: the body built with whole vectors for z_i, then 1ᵀ(…)."""
        letter = node.index or _only_index(node.body)
        if node.product or node.stacked or node.exclude is not None \
                or letter in self.summed:
            raise MatrixFormError(f"the sum over {letter} is not read with --shape",
                                  r"write a sum of entries as \sum_i v_i")
        self.summed[letter] = None
        try:
            body = self.build(node.body)
            length = self.summed[letter]
        finally:
            del self.summed[letter]
        if length is None or not _is_matrix(body):
            raise MatrixFormError(f"the sum over {letter} does not sum the entries of a "
                                  "vector with a --shape",
                                  f"index a shaped vector with {letter}, as in v_{letter}")
        lower = to_latex(node.lower) if node.lower is not None else "1"
        upper = to_latex(node.upper) if node.upper is not None else str(length)
        if (lower, upper) != ("1", str(length)):
            raise ShapeError(f"the sum over {letter} runs from {lower} to {upper}, but the "
                             f"vectors it sums have {length} entries; sum from 1 to {length}")
        return _times(OneMatrix(1, length), body)


def _times(*factors: Basic) -> Basic:
    """A product as written: flat, its number in front, sums and transposes kept whole."""
    if not any(_is_matrix(f) for f in factors):
        return sympy.Mul(*factors)
    return MatMul(*factors).doit(deep=False)


def _plus(*terms: MatrixExpr) -> MatrixExpr:
    return MatAdd(*terms).doit(deep=False)


def _transpose(value: MatrixExpr) -> MatrixExpr:
    """Aᵀ, kept whole: (z − y)ᵀ stays as written; (Aᵀ)ᵀ is A."""
    return value.arg if isinstance(value, Transpose) else Transpose(value)


def _derivative(function: Any, primes: int) -> Any:
    """f, or its derivative f′ for `\\sigma'(z)`, as a function of one argument."""
    if not primes:
        return function
    point = Dummy("u", real=True)
    return Lambda(point, sympy.diff(function(point), point, primes))


def _only_index(body: A.Node) -> str:
    letters = {sub.base for name in walk(body) if isinstance(name, A.Name)
               for sub in name.sub if isinstance(sub, A.Name) and not sub.sub}
    if len(letters) != 1:
        raise MatrixFormError("cannot tell which index this sum runs over",
                              r"write it under the sum, as in \sum_i")
    return letters.pop()


# --------------------------------------------------------------------------- definitions


class ShapedDefinitions:
    """Definitions `name = LaTeX` read in order into matrix expressions, with declared shapes.

    A defined name stands for its value's shape (a `MatrixSymbol`, or a scalar `Var`) in
    the definitions after it. `definitions` is ready for
    `symbolic.networks.model_from_definitions`.

    Args:
        shapes: name (LaTeX: `W`, `W^{(1)}`, `\\hat{y}`) -> (rows, columns), each a whole
            number or a dimension name.
    """

    def __init__(self, shapes: Mapping[str, tuple[Dimension, Dimension]] | None = None):
        self.symbols: dict[str, Basic] = {}
        self.declared: dict[str, str] = {}       # key -> the name as the shape gave it
        self.definitions: dict[Basic, Basic] = {}
        self._used: set[str] = set()
        for name, (rows, columns) in (shapes or {}).items():
            self.declare(name, rows, columns)

    def declare(self, name: str, rows: Dimension, columns: Dimension) -> MatrixSymbol:
        """Give `name` a shape: it is a rows × columns `MatrixSymbol` wherever it is used."""
        key = _name_key(name)
        if key in self.declared:
            raise MatrixFormError(f"{name} has a shape already "
                                  f"({_shape_text(self.symbols[key])})", "give it one shape")
        self.symbols[key] = MatrixSymbol(key, _dimension(rows), _dimension(columns))
        self.declared[key] = name
        return self.symbols[key]

    def snapshot(self) -> Snapshot:
        """What the resolve pass needs: every shaped and defined name is a quantity."""
        keys = set(self.symbols)
        bases = {parse_side(key).base for key in keys}
        return Snapshot(values=frozenset(keys | bases))

    def define(self, name: str, latex: str) -> tuple[Basic, Basic]:
        """Read `name = latex`; returns the name's symbol and its value."""
        key = _name_key(name)
        if any(str(known) == key for known in self.definitions):
            raise MatrixFormError(f"{name} is defined twice", "give each name one definition")
        if key in self._used:
            raise MatrixFormError(f"{name} is used before its definition",
                                  "define each name before the definitions that use it")
        tree = resolve(parse_side(latex), self.snapshot()).tree
        self._used |= {node_text(n) for n in walk(tree) if isinstance(n, A.Name)}
        self._used |= {node_text(dataclasses.replace(n, sub=())) for n in walk(tree)
                       if isinstance(n, A.Name) and n.sub}
        value = MatrixBuilder(self.symbols).build(tree)
        symbol = self.symbol_for(key, value)
        self.definitions[symbol] = value
        return symbol, value

    def symbol_for(self, key: str, value: Basic) -> Basic:
        """A defined name's symbol: shaped like its value, as declared if it was."""
        declared = self.symbols.get(key)
        if declared is not None and key in self.declared:
            self._used.add(key)
            if not _is_matrix(value) or declared.shape != value.shape:
                raise ShapeError(f"{self.declared[key]} is declared {_shape_text(declared)} "
                                 f"but its definition is {_shape_text(value)}; correct the "
                                 f"--shape of {self.declared[key]} or the definition")
            return declared
        symbol = MatrixSymbol(key, *value.shape) if _is_matrix(value) else Var(key)
        self.symbols[key] = symbol
        return symbol

    def variable(self, name: str) -> Basic:
        """The symbol a name stands for in these definitions (for `--wrt`)."""
        key = _name_key(name)
        return self.symbols.get(key, Var(key))

    def unused(self) -> list[str]:
        """The names given a shape that no definition uses, as they were given."""
        return [name for key, name in self.declared.items() if key not in self._used]


def _name_key(name: str) -> str:
    """A name as the reader spells it: `W_1` is `W_{1}`, `\\mathbf{x}` is `x`."""
    node = parse_side(name.strip())
    if not isinstance(node, A.Name):
        raise MatrixFormError(f"{name.strip()!r} is not a single name",
                              "name a vector or matrix such as W, x or W^{(1)}")
    return node_text(node)


def _dimension(dimension: Dimension) -> Basic:
    """A whole number, or a dimension name as a positive integer symbol."""
    if isinstance(dimension, int):
        return sympy.Integer(dimension)
    return Symbol(_name_key(dimension), integer=True, positive=True)


def starred_matrices(node: A.BinOp) -> MeaningError:
    """`X * W` of two matrices (a convolution layer's): `*` between matrices is a
    convolution as often as an entrywise or a matrix product, so it is not read."""
    return MeaningError(f"{to_latex(node.left)} * {to_latex(node.right)} may be a "
                        "convolution, an entrywise product or the matrix product", "",
                        node.pos, "Write the product as X W, X \\odot W, or by its entries.")
