"""Differentials (symbolic.differentials): what varies, the moved point, first order."""

from __future__ import annotations

import sympy

from symbolic import check_claim
from symbolic.differentials import (
    DifferentialOf,
    differential_of,
    evaluated,
    first_order,
    increment,
    linear_in,
    varied,
)
from symbolic.notation.names import Var

x, a = Var("x"), Var("a")
dx = increment(x)


def test_the_names_whose_own_differential_is_written_vary():
    expr = DifferentialOf(a * x**2) + 2 * DifferentialOf(x)
    assert varied(expr) == [x]
    moved = evaluated(expr, {x: x + dx})
    assert sympy.expand(moved) == sympy.expand(a * (x + dx) ** 2 - a * x**2 + 2 * dx)


def test_a_matrix_has_a_differential_entry_by_entry():
    value = differential_of(sympy.ImmutableMatrix([[x, a]]))
    assert value == sympy.ImmutableMatrix([[DifferentialOf(x), DifferentialOf(a)]])


def test_first_order_keeps_orders_zero_and_one_in_the_increments():
    expr = 3 + 2 * x * dx + dx**2
    assert sympy.expand(first_order(expr, {dx})) == 3 + 2 * x * dx
    assert linear_in(2 * x * dx, {dx}) and not linear_in(expr, {dx})
    assert not linear_in(sympy.exp(dx), {dx})


def test_a_step_past_first_order_on_both_sides_is_undecided():
    exact = check_claim(r"d(x^2) = 2 x dx + (dx)^2")
    assert exact.verdict == "valid"
    result = check_claim(r"d(x^2) + (dx)^2 = 2 x dx + 3 (dx)^2")
    assert result.verdict == "undecided" and "first order" in result.message
    wrong = check_claim(r"d(x^3) = 2 x^2 dx")
    assert wrong.verdict == "invalid" and "first-order" in wrong.links[0].message


def test_backprop_names_of_gradients_are_not_read_as_differentials():
    # dV for ∂L/∂V, as backprop code writes it: alone as a side, it is the gradient of a
    # loss nothing names (as a differential it would run backwards); beside the
    # differential of a name the text writes nowhere else, it is in doubt
    given = [r"O = P V"]
    alone = check_claim(r"dV = P^T dO", given=given, shapes={"P": [2, 2], "V": [2, 2]})
    assert alone.verdict == "valid" and "backprop" in alone.links[0].reading
    assert check_claim(r"dV = P dO", given=given,
                       shapes={"P": [2, 2], "V": [2, 2]}).verdict == "invalid"
    loose = check_claim(r"dO = dA \odot O", given=given)
    assert loose.verdict == "undecided" and "backprop" in loose.message
    # a text that defines dP names its gradients so: dO is one too
    named = check_claim(r"dP + dO = dO + dP", given=[r"dP = dO V^T", r"O = P V"])
    assert named.verdict == "undecided"


def test_a_derivative_restated_beside_its_function_defines_nothing():
    # f'(Z) = ∂A/∂Z beside A = f(Z) restates what f' is; g'(Z) of another function defines g'
    given = [r"L = A^2", r"A = \sigma(Z)", r"f'(Z) = \frac{\partial A}{\partial Z}"]
    assert check_claim(r"f'(Z) = A(1+A)", given=given).verdict == "invalid"
    restated = [r"A = f(Z)", r"f'(Z) = \frac{\partial A}{\partial Z}"]
    assert check_claim(r"\frac{\partial A}{\partial Z} = f'(Z)", given=restated).verdict \
        == "valid"


def test_a_differential_against_a_side_with_none_is_undecided():
    result = check_claim(r"d(1 + e^{-x}) = -e^{-x}")
    assert result.verdict == "undecided" and "derivative" in result.message


def test_every_name_varies_when_no_differential_of_a_name_is_written():
    assert check_claim(r"d \Vert x \Vert^2 = d(x^T x)", shapes={"x": [3, 1]}).verdict == "valid"


def test_a_differential_beside_a_partial_by_a_name_it_does_not_vary_is_a_gradient():
    # dβ = dy · ∂y/∂β: backprop's upstream gradient; df = ∂f/∂x dx is a differential
    given = [r"y = \gamma x + \beta"]
    result = check_claim(r"dy \cdot \frac{\partial y}{\partial \beta} = dy", given=given)
    assert result.verdict == "undecided" and "partial derivative" in result.message
    assert check_claim(r"df = \frac{\partial f}{\partial x} dx", given=[r"f = x^3"]).verdict \
        == "valid"


RMS_NORM = [r"\mathbf{y} = \hat{\mathbf{x}} \odot \mathbf{w}",
            r"\hat{\mathbf{x}} = r \mathbf{x} = \frac{\mathbf{x}}{RMS(\mathbf{x})}",
            r"RMS(\mathbf{x}) = \sqrt{\frac{1}{N} \sum_{i=1}^{N} x_i^2 + \epsilon}",
            r"r = \frac{1}{RMS(\mathbf{x})}", r"\frac{dL}{d\mathbf{y}} =: d\mathbf{y}"]


def test_d_names_read_as_the_texts_gradients_and_as_differentials_must_agree():
    # dy names ∂L/∂y, yet dx̂ = r dx + x dr is the product rule of differentials: in doubt
    result = check_claim(r"d\hat{\mathbf{x}} = r\, d\mathbf{x} + \mathbf{x}\, dr",
                         given=RMS_NORM, shapes={"x": ["N", 1], "y": ["N", 1]})
    assert str(result.verdict) == "undecided"
    assert "read as a differential" in result.message
    # gradients of an undefined loss by different quantities on the two sides decide nothing
    gradient = check_claim(r"\frac{\partial L}{\partial \mathbf{x}} = r\, \mathbf{g} - "
                           r"\frac{r^3}{N} \mathbf{x}\, (\mathbf{g}^{\top} \mathbf{x})",
                           given=[*RMS_NORM, r"\frac{\partial L}{\partial \hat{\mathbf{x}}} = "
                                             r"d\mathbf{y} \odot \mathbf{w} \coloneqq \mathbf{g}"],
                           shapes={"x": ["N", 1], "y": ["N", 1]})
    assert str(gradient.verdict) == "undecided"
