"""Resolved trees read as whole vectors and matrices, and the gradients of models read so."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from sympy import Symbol, tanh
from sympy.matrices.expressions import (
    HadamardPower,
    HadamardProduct,
    MatAdd,
    MatMul,
    MatrixSymbol,
    OneMatrix,
    Transpose,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from test_gradients import Numeric, assert_agrees_with_finite_differences

from symbolic.errors import ParseError, ShapeError
from symbolic.export import gradients_latex, gradients_text, textbook_latex
from symbolic.functions import Sigmoid, VectorFunction
from symbolic.gradients import Backprop, backprop
from symbolic.networks import ModelError, model_from_definitions
from symbolic.notation import matrix_build
from symbolic.notation.matrix_build import MatrixFormError, ShapedDefinitions
from symbolic.notation.names import Var

m, n = (Symbol(d, integer=True, positive=True) for d in "mn")
W, x, b, y = MatrixSymbol("W", 3, 2), MatrixSymbol("x", 2, 1), MatrixSymbol("b", 3, 1), \
    MatrixSymbol("y", 3, 1)
SHAPES = {"W": (3, 2), "x": (2, 1), "b": (3, 1), "y": (3, 1), "v": (3, 1)}


def read(latex: str, shapes=None):
    return ShapedDefinitions(SHAPES if shapes is None else shapes).define("q", latex)[1]


def model_of(definitions: list[tuple[str, str]], shapes: dict):
    reader = ShapedDefinitions(shapes)
    for name, latex in definitions:
        reader.define(name, latex)
    return model_from_definitions(reader.definitions)


# --------------------------------------------------------------------------- reading


def tex(latex: str, shapes=None) -> str:
    return textbook_latex(read(latex, shapes))


def test_products_sums_and_transposes_are_matrix_expressions():
    assert read("W x + b") == MatAdd(MatMul(W, x), b)
    assert read("x^T W^T W x").shape == (1, 1)
    assert read("W^T") == Transpose(W)
    assert tex(r"\frac{1}{2}(y - b)^T (y - b)") == \
        r"\frac{1}{2} \left(y - b\right)^{\top} \left(y - b\right)"


def test_a_scalar_added_to_a_matrix_is_added_to_each_entry():
    assert tex("1 - b") == "1 - b"
    assert read("1 - b").shape == (3, 1)
    assert read("c b") == MatMul(Var("c"), b)


def test_equal_shapes_that_do_not_conform_multiply_element_wise():
    assert read(r"b \odot y") == HadamardProduct(b, y)
    assert read("b y") == HadamardProduct(b, y)     # as the checker reads u v


def test_functions_apply_entry_by_entry():
    sigma = read(r"\sigma(b)")
    t = Symbol("t")
    assert isinstance(sigma, ElementwiseApplyFunction) and sigma.function(t) == Sigmoid(t)
    assert isinstance(read(r"\log(1 - b)"), ElementwiseApplyFunction)
    assert isinstance(read(r"e^{b}"), ElementwiseApplyFunction)
    assert read(r"\tanh^2(c)") == tanh(Var("c"))**2
    assert isinstance(read(r"\operatorname{softmax}(b)"), VectorFunction)
    assert read(r"\sigma(c)") == Sigmoid(Var("c"))


def test_norms_and_sums_of_entries():
    assert tex(r"\|b\|^2") == r"b^{\top} b"
    assert tex(r"\|W\|_F^2") == r"\mathbf{1}^{\top} \left(W \odot W\right) \mathbf{1}"
    assert tex(r"\sum_i (b_i - y_i)^2") == r"\mathbf{1}^{\top} \left(b - y\right)^{\circ 2}"
    assert tex(r"\sum_{i=1}^{3} b_i") == r"\mathbf{1}^{\top} b"
    assert isinstance(read(r"\|b\|"), HadamardPower)


def test_dimensions_may_be_names():
    shapes = {"W": ("m", "n"), "x": ("n", 1)}
    assert read("W x", shapes).shape == (m, 1)
    assert read(r"\sum_{j=1}^{n} x_j", shapes) == MatMul(OneMatrix(1, n), MatrixSymbol("x", n, 1))


def test_a_defined_name_takes_its_values_shape():
    reader = ShapedDefinitions(SHAPES)
    z, _ = reader.define("z", "W x + b")
    assert z == MatrixSymbol("z", 3, 1)
    s, _ = reader.define("s", r"\lambda^2")
    assert s == Var("s")
    assert reader.variable("z") is z and reader.variable(r"\lambda") == Var(r"\lambda")


def test_shapes_that_do_not_fit_name_both_operands_and_the_shapes_to_check():
    with pytest.raises(ShapeError, match=r"^cannot multiply W \(3×2\) by b \(3×1\): the columns "
                                         r"of the first must match the rows of the second; "
                                         r"check the --shape of W, b$"):
        read("W b")
    with pytest.raises(ShapeError, match=r"cannot add W x \(3×1\) and x \(2×1\)"):
        read("W x + x")
    with pytest.raises(ShapeError, match=r"element-wise W \(3×2\) by b \(3×1\)"):
        read(r"W \odot b")


@pytest.mark.parametrize("latex, message", [
    ("b^2", r"b\^\{2\} is a power of a 3×1 matrix; write \(z - y\)\^T \(z - y\)"),
    ("f(b)", r"is not read with --shape; use element-wise functions"),
    ("b_1 + 1", r"b_\{1\} is an entry of b \(3×1\), which is read whole"),
    (r"\sum_{i=1}^{4} b_i", "runs from 1 to 4, but the vectors it sums have 3 entries"),
    (r"\frac{1}{b}", r"cannot divide by the 3×1 b"),
    (r"\mathbf{1}^T b", r"the vector of ones"),
    (r"|b|", r"write its norm"),
    (r"\frac{\partial b}{\partial y}", "a derivative is not read with --shape"),
    (r"x^T (W^T W)^{-1} x", r"the inverse .* is not read with --shape; give the inverse a name"),
])
def test_what_has_no_matrix_meaning_says_how_to_write_it(latex, message):
    with pytest.raises((MatrixFormError, ShapeError), match=message):
        read(latex)


def test_definitions_are_checked_against_their_declared_shape_and_order():
    reader = ShapedDefinitions({**SHAPES, "z": (2, 1)})
    with pytest.raises(ShapeError, match="z is declared 2×1 but its definition is 3×1"):
        reader.define("z", "W x + b")
    reader = ShapedDefinitions(SHAPES)
    reader.define("u", "W x")
    with pytest.raises(MatrixFormError, match="u is defined twice"):
        reader.define("u", "b")
    reader.define("p", "W x + t")
    with pytest.raises(MatrixFormError, match="t is used before its definition"):
        reader.define("t", "b")
    with pytest.raises(MatrixFormError, match=r"W has a shape already \(3×2\); give it one"):
        reader.declare("W", 2, 2)
    with pytest.raises(MatrixFormError, match="'W x' is not a single name"):
        ShapedDefinitions({"W x": (3, 1)})
    with pytest.raises(ParseError, match="never closed"):
        reader.define("r", r"\frac{")


def test_unused_shapes_are_reported_as_given():
    reader = ShapedDefinitions({"W": (3, 2), "x": (2, 1), r"\mathbf{q}": (3, 1)})
    reader.define("z", "W x")
    assert reader.unused() == [r"\mathbf{q}"]


def test_a_loss_that_is_not_a_scalar_is_refused():
    with pytest.raises(ModelError, match=r"the loss L is 3×1, not a scalar"):
        model_of([("z", "W x + b"), ("L", "z - y")], SHAPES)


# --------------------------------------------------------------------------- gradients


LINEAR = [("z", "W x + b"), ("L", r"\frac{1}{2}(z - y)^T (z - y)")]
LOGISTIC = [("z", "w^T x + b"), ("f", r"\sigma(z)"), ("L", r"-y \log f - (1-y) \log(1-f)")]
TWO_LAYERS = [("z_1", "W_1 x + b_1"), ("a_1", r"\tanh(z_1)"), ("z_2", "W_2 a_1 + b_2"),
              ("a_2", r"\sigma(z_2)"), ("L", r"-y^T \log a_2 - (1 - y)^T \log(1 - a_2)")]
MLP_SHAPES = {"W_1": (4, 3), "x": (3, 1), "b_1": (4, 1), "W_2": (2, 4), "b_2": (2, 1),
              "y": (2, 1)}


def test_the_linear_layer_gives_z_minus_y_times_x_transpose():
    result = backprop(model_of(LINEAR, SHAPES), [W, b])
    assert gradients_text(result) == "dL/dW = (z - y)*x.T\ndL/db = z - y"


def test_logistic_regression_with_a_weight_vector_gives_f_minus_y_times_x():
    model = model_of(LOGISTIC, {"w": (3, 1), "x": (3, 1)})
    result = backprop(model, [MatrixSymbol("w", 3, 1), Var("b")])
    assert gradients_latex(result).splitlines()[1:3] == [
        r"  \frac{\partial L}{\partial w} &= \left(f - y\right) x \\",
        r"  \frac{\partial L}{\partial b} &= f - y"]


@pytest.mark.parametrize("definitions, shapes", [
    (LINEAR, SHAPES),
    (LOGISTIC, {"w": (3, 1), "x": (3, 1)}),
    (TWO_LAYERS, MLP_SHAPES),
    ([("z", "W x"), ("L", r"\sum_i (z_i - y_i)^2 + \lambda \|W\|_F^2")], SHAPES),
    ([("h", r"\operatorname{ReLU}(W x + b)"), ("L", r"\frac{1}{2}\|h \odot v - y\|^2")], SHAPES),
    ([("z", "W x + b"), (r"\hat{y}", r"\operatorname{softmax}(z)"),
      ("L", r"-y^T \log \hat{y}")], SHAPES),
    ([("z", "W x"), ("L", r"\|\exp(z) - y\| + \sigma'(z)^T y")], SHAPES),
    ([("c", r"\lambda^2 + \tanh(\mu)"), ("L", r"c \|W x\|^2")], SHAPES),
])
def test_gradients_agree_with_finite_differences(definitions, shapes):
    assert_agrees_with_finite_differences(model_of(definitions, shapes))


def test_gradients_with_named_dimensions_agree_at_any_size():
    shapes = {"W": ("m", "n"), "x": ("n", 1), "b": ("m", 1), "y": ("m", 1)}
    model = model_of(LINEAR, shapes)
    result = backprop(model)
    assert gradients_text(backprop(model, [MatrixSymbol("W", m, n)])) == "dL/dW = (z - y)*x.T"
    for sizes in ({m: 3, n: 2}, {m: 1, n: 4}):
        sized = model_from_definitions({name.xreplace(sizes): value.xreplace(sizes)
                                        for name, value in model.definitions.items()})
        claimed = Backprop(sized, {}, {v.xreplace(sizes): g.xreplace(sizes)
                                       for v, g in result.gradients.items()})
        numeric = Numeric(sized, claimed)
        for variable in sized.parameters:
            assert np.allclose(numeric.claimed_gradient(variable),
                               numeric.finite_difference(variable), rtol=1e-6, atol=1e-9)


def test_docstring_examples_run():
    assert doctest.testmod(matrix_build).failed == 0
