"""Losses in scalar, vector-of-symbols and matrix form, each form equal to the others."""

from __future__ import annotations

import doctest

import pytest
from sympy import E, IndexedBase, MatrixSymbol, Rational, Sum, Symbol, expand, log, symbols

from symbolic import losses
from symbolic.losses import (
    binary_cross_entropy,
    categorical_cross_entropy,
    l2_penalty,
    mean_squared_error,
    squared_error,
)

y, p = symbols("y p", real=True)
ys = symbols("y_1:4", real=True)
ps = symbols("p_1:4", positive=True)


def explicit(matrix_loss):
    """The 1×1 matrix loss as one scalar, over the entries y[k, 0], p[k, 0]."""
    return matrix_loss.as_explicit()[0, 0]


def entries(name, rows):
    column = MatrixSymbol(name, rows, 1)
    return column, [column[r, 0] for r in range(rows)]


def test_squared_error_is_half_the_squared_norm():
    assert squared_error(y, p) == Rational(1, 2) * (y - p) ** 2
    assert squared_error(list(ys), list(ps)) == Rational(1, 2) * sum(
        (a - b) ** 2 for a, b in zip(ys, ps, strict=True))


def test_squared_error_matrix_form_equals_the_component_sum():
    Y, y_entries = entries("y", 3)
    P, p_entries = entries("p", 3)
    assert expand(explicit(squared_error(Y, P)) - squared_error(y_entries, p_entries)) == 0


def test_mse_is_a_mean_over_n_samples():
    i, N = symbols("i N", integer=True, positive=True)
    Y, P = IndexedBase("y"), IndexedBase("p")
    assert mean_squared_error(Y[i], P[i], sample=(i, N)) == Sum((Y[i] - P[i]) ** 2, (i, 1, N)) / N
    assert mean_squared_error(list(ys), list(ps)) == sum(
        (a - b) ** 2 for a, b in zip(ys, ps, strict=True)) / 3
    Ym, y_entries = entries("y", 3)
    Pm, p_entries = entries("p", 3)
    matrix = explicit(mean_squared_error(Ym, Pm))
    assert expand(matrix - mean_squared_error(y_entries, p_entries)) == 0


def test_binary_cross_entropy_uses_the_natural_log():
    assert binary_cross_entropy(y, p) == -y * log(p) - (1 - y) * log(1 - p)
    assert binary_cross_entropy(1, 1 / E) == 1
    Y, y_entries = entries("y", 2)
    P, p_entries = entries("p", 2)
    matrix = explicit(binary_cross_entropy(Y, P))
    assert expand(matrix - binary_cross_entropy(y_entries, p_entries)) == 0


def test_categorical_cross_entropy_sums_over_classes():
    assert categorical_cross_entropy(list(ys), list(ps)) == -sum(
        a * log(b) for a, b in zip(ys, ps, strict=True))
    Y, y_entries = entries("y", 3)
    P, p_entries = entries("p", 3)
    matrix = explicit(categorical_cross_entropy(Y, P))
    assert expand(matrix - categorical_cross_entropy(y_entries, p_entries)) == 0


def test_l2_penalty_is_lambda_times_squared_norm():
    lam = Symbol("lambda", positive=True)
    w = symbols("w_1:3", real=True)
    assert l2_penalty(list(w), lam) == lam * (w[0] ** 2 + w[1] ** 2)
    assert l2_penalty(w[0], 2) == 2 * w[0] ** 2
    column = MatrixSymbol("w", 2, 1)
    squared_norm = column[0, 0] ** 2 + column[1, 0] ** 2
    assert expand(explicit(l2_penalty(column, lam)) - lam * squared_norm) == 0
    W = MatrixSymbol("W", 2, 3)
    frobenius = lam * sum(W[r, c] ** 2 for r in range(2) for c in range(3))
    assert expand(explicit(l2_penalty(W, lam)) - frobenius) == 0


def test_forms_must_match():
    with pytest.raises(ValueError, match="3 targets but 2 predictions"):
        squared_error(list(ys), list(ps[:2]))
    with pytest.raises(ValueError, match="same form"):
        binary_cross_entropy(list(ys), p)


def test_docstring_examples_run():
    assert doctest.testmod(losses).failed == 0
