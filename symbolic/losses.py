"""Losses as SymPy expressions over the symbols they are given; log is the natural log.

Each loss takes a target and a prediction in one of three forms, and returns the
matching form:

- a scalar expression each: one sample, one output;
- sequences of expressions: the loss summed over the components (a vector of symbols);
- column-vector matrix expressions (`MatrixSymbol("y", n, 1)`): the same sum written with
  matrix operations, a 1×1 matrix expression, which the matrix-form gradients follow.

    >>> from sympy import symbols
    >>> y, f = symbols("y f")
    >>> binary_cross_entropy(y, f)
    -y*log(f) - (1 - y)*log(1 - f)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sympy import Add, Expr, Rational, Sum, Symbol, log, sympify
from sympy.matrices.expressions import MatMul, MatrixExpr, OneMatrix, hadamard_product

__all__ = [
    "binary_cross_entropy",
    "categorical_cross_entropy",
    "l2_penalty",
    "mean_squared_error",
    "squared_error",
]

Values = Expr | Sequence[Expr] | MatrixExpr


def _pairs(target: Values, prediction: Values) -> list[tuple[Expr, Expr]]:
    """Component pairs of two scalar-or-sequence arguments, checking their lengths agree."""
    if isinstance(target, Sequence) != isinstance(prediction, Sequence):
        raise ValueError("give the target and the prediction in the same form")
    if not isinstance(target, Sequence):
        return [(sympify(target), sympify(prediction))]
    if len(target) != len(prediction):
        raise ValueError(f"{len(target)} targets but {len(prediction)} predictions")
    return [(sympify(t), sympify(p)) for t, p in zip(target, prediction, strict=True)]


def _is_matrix(value: Any) -> bool:
    return isinstance(value, MatrixExpr)


def _ones_like(column: MatrixExpr) -> MatrixExpr:
    return OneMatrix(*column.shape)


def squared_error(target: Values, prediction: Values) -> Expr | MatrixExpr:
    r"""½‖y − ŷ‖²: half the squared error, summed over components.

    >>> from sympy import symbols
    >>> y, p = symbols("y p")
    >>> squared_error(y, p)
    (-p + y)**2/2
    """
    if _is_matrix(target):
        residual = target - prediction
        return MatMul(Rational(1, 2), residual.T, residual)
    return Rational(1, 2) * Add(*[(t - p) ** 2 for t, p in _pairs(target, prediction)])


def mean_squared_error(
    target: Values, prediction: Values, sample: tuple[Symbol, Expr] | None = None
) -> Expr | MatrixExpr:
    r"""(1/N) Σ_i (y^{(i)} − ŷ^{(i)})²: the mean over N samples.

    With `sample=(i, N)` the target and prediction are expressions of the sample index i
    and the mean is a `Sum` over i = 1..N. Sequences are the samples themselves; a
    column vector of N rows holds one sample per row.

    >>> from sympy import IndexedBase, symbols
    >>> i, N = symbols("i N", integer=True, positive=True)
    >>> y, p = IndexedBase("y"), IndexedBase("p")
    >>> mean_squared_error(y[i], p[i], sample=(i, N))
    Sum((-p[i] + y[i])**2, (i, 1, N))/N
    """
    if sample is not None:
        index, count = sample
        return Sum((target - prediction) ** 2, (index, 1, count)) / count
    if _is_matrix(target):
        residual = target - prediction
        return MatMul(1 / sympify(target.shape[0]), residual.T, residual)
    pairs = _pairs(target, prediction)
    return Add(*[(t - p) ** 2 for t, p in pairs]) / len(pairs)


def binary_cross_entropy(target: Values, probability: Values) -> Expr | MatrixExpr:
    r"""−y log f − (1 − y) log(1 − f), summed over components.

    In matrix form, −(yᵀ log f + (1 − y)ᵀ log(1 − f)) with log applied element-wise.
    """
    if _is_matrix(target):
        ones = _ones_like(target)
        return -(
            target.T * probability.applyfunc(log)
            + (ones - target).T * (ones - probability).applyfunc(log)
        )
    return Add(*[-t * log(p) - (1 - t) * log(1 - p) for t, p in _pairs(target, probability)])


def categorical_cross_entropy(target: Values, probability: Values) -> Expr | MatrixExpr:
    r"""−Σ_k y_k log ŷ_k, for one-hot (or any probability-vector) targets.

    In matrix form, −yᵀ log ŷ with log applied element-wise.

    >>> from sympy import symbols
    >>> y1, y2, p1, p2 = symbols("y_1 y_2 p_1 p_2")
    >>> categorical_cross_entropy([y1, y2], [p1, p2])
    -y_1*log(p_1) - y_2*log(p_2)
    """
    if _is_matrix(target):
        return -(target.T * probability.applyfunc(log))
    return Add(*[-t * log(p) for t, p in _pairs(target, probability)])


def l2_penalty(weights: Values, strength: Expr | float) -> Expr | MatrixExpr:
    r"""λ‖w‖²: the squared Euclidean (for a matrix, Frobenius) norm, scaled by λ.

    For a column vector w this is λ wᵀw; for a matrix W, λ 1ᵀ(W ⊙ W)1.
    """
    strength = sympify(strength)
    if _is_matrix(weights):
        rows, columns = weights.shape
        if columns == 1:
            return strength * weights.T * weights
        squares = hadamard_product(weights, weights)
        return strength * OneMatrix(1, rows) * squares * OneMatrix(columns, 1)
    components = weights if isinstance(weights, Sequence) else [weights]
    return strength * Add(*[sympify(w) ** 2 for w in components])
