"""The functions of ML notation: derivative rules, special values, printing, numeric twins."""

from __future__ import annotations

import doctest
import warnings

import mpmath
import numpy as np
import pytest
import sympy
from sympy import (
    Float,
    Heaviside,
    KroneckerDelta,
    MatrixSymbol,
    Rational,
    Symbol,
    exp,
    lambdify,
    latex,
    log,
    symbols,
    tanh,
)
from sympy.core.function import ArgumentIndexError

from symbolic import functions
from symbolic.functions import (
    ACTIVATIONS,
    ELU,
    GELU,
    MPMATH_FUNCTIONS,
    NUMPY_FUNCTIONS,
    LeakyReLU,
    LogSumExp,
    NormalCDF,
    NormalPDF,
    ReLU,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
    VectorFunction,
)

x = Symbol("x", real=True)
z1, z2, z3 = symbols("z_1 z_2 z_3", real=True)
k = Symbol("k", integer=True, positive=True)
RNG = np.random.default_rng(7)


def numpy_function(expression, *args):
    return lambdify(args, expression, modules=[NUMPY_FUNCTIONS, "numpy"])


def central_difference(f, at, h=1e-6):
    return (f(at + h) - f(at - h)) / (2 * h)


# --------------------------------------------------------------------------- rules


def test_sigmoid_derivative_is_sigma_one_minus_sigma():
    assert Sigmoid(x).diff(x) == Sigmoid(x) * (1 - Sigmoid(x))


def test_softplus_derivative_is_sigmoid():
    assert Softplus(x).diff(x) == Sigmoid(x)


def test_relu_derivative_is_heaviside_with_zero_at_zero():
    assert ReLU(x).diff(x) == Heaviside(x, 0)
    assert Heaviside(0, 0) == 0


def test_leaky_relu_derivative_and_default_slope():
    alpha = Symbol("alpha")
    assert LeakyReLU(x) == LeakyReLU(x, Rational(1, 100))
    assert LeakyReLU(x, alpha).diff(x) == alpha + (1 - alpha) * Heaviside(x, 0)
    assert LeakyReLU(x, alpha).diff(alpha) == x * (1 - Heaviside(x, 0))


def test_tanh_is_sympys_own():
    assert ACTIVATIONS["tanh"] is tanh
    assert tanh(x).diff(x) == 1 - tanh(x) ** 2


def test_softmax_derivative_in_terms_of_itself():
    s1, s2 = Softmax(1, z1, z2, z3), Softmax(2, z1, z2, z3)
    assert s1.diff(z1) == s1 * (1 - s1)
    assert s1.diff(z2) == -s1 * s2
    assert Softmax(k, z1, z2).diff(z2) == Softmax(k, z1, z2) * (
        KroneckerDelta(k, 2) - Softmax(2, z1, z2))


def test_softmax_index_is_not_a_variable():
    with pytest.raises(ArgumentIndexError):
        Softmax(k, z1, z2).fdiff(1)


def test_log_sum_exp_derivative_is_softmax():
    assert LogSumExp(z1, z2, z3).diff(z2) == Softmax(2, z1, z2, z3)


ONE_ARGUMENT = [name for name in ACTIVATIONS]


@pytest.mark.parametrize("name", ONE_ARGUMENT)
def test_each_activation_rule_agrees_with_central_differences(name):
    activation = ACTIVATIONS[name]
    value = numpy_function(activation(x), x)
    slope = numpy_function(sympy.diff(activation(x), x), x)
    points = RNG.uniform(-4, 4, size=20)
    points = points[np.abs(points) > 1e-3]  # away from ReLU's kink
    fd = central_difference(value, points)
    np.testing.assert_allclose(np.broadcast_to(slope(points), fd.shape), fd, rtol=1e-7, atol=1e-9)


def test_softmax_and_log_sum_exp_rules_agree_with_central_differences():
    zs = (z1, z2, z3)
    at = RNG.normal(size=3)

    def along(f, m):
        """f as a function of component m alone, the others held at `at`."""
        def moved(t):
            point = at.copy()
            point[m] = t
            return f(*point)
        return moved

    functions_of_z = [LogSumExp(*zs), *(Softmax(index, *zs) for index in (1, 2, 3))]
    for expression in functions_of_z:
        value = numpy_function(expression, *zs)
        for m, variable in enumerate(zs):
            rule = numpy_function(expression.diff(variable), *zs)
            fd = central_difference(along(value, m), at[m])
            assert rule(*at) == pytest.approx(fd, rel=1e-6, abs=1e-10)


# --------------------------------------------------------------------------- values


def test_eval_gives_special_values_only():
    assert Sigmoid(0) == Rational(1, 2)
    assert Softplus(0) == log(2)
    assert ReLU(-3) == 0
    assert ReLU(Rational(5, 2)) == Rational(5, 2)
    assert LeakyReLU(-2) == Rational(-2, 100)
    assert Softmax(2, z1, z1, z1) == Rational(1, 3)
    assert LogSumExp(z1) == z1
    assert Sigmoid.eval(Float(0.5)) is None  # eval never approximates; SymPy's evalf
    assert Sigmoid(Float(0.5)) == pytest.approx(0.6224593312018546)  # does, for Floats
    assert isinstance(Sigmoid(x), Sigmoid)
    assert isinstance(Sigmoid(Rational(1, 2)), Sigmoid)


def test_rewrite_as_exp_gives_the_elementary_form():
    assert Sigmoid(x).rewrite(exp) == 1 / (1 + exp(-x))
    assert Softplus(x).rewrite(exp) == log(1 + exp(x))
    assert Softmax(2, z1, z2).rewrite(exp) == exp(z2) / (exp(z1) + exp(z2))
    assert LogSumExp(z1, z2).rewrite(exp) == log(exp(z1) + exp(z2))
    assert ReLU(x).rewrite(exp) == sympy.Piecewise((x, x > 0), (0, True))


def test_evalf_goes_through_the_elementary_form_without_overflow():
    mpmath.mp.dps = 30
    exact = 1 / (1 + mpmath.exp(800))
    assert Sigmoid(-800).evalf(30) == pytest.approx(float(exact), rel=1e-12)
    assert Sigmoid(-800).evalf(30) > 0  # 3.7e-348: below a double, not below mpmath
    assert Softmax(1, 1000, 1001).n() == pytest.approx(1 / (1 + np.e), rel=1e-12)
    assert Sigmoid(Rational(1, 3)).n(40) == sympy.N(1 / (1 + exp(-Rational(1, 3))), 40)


def test_softmax_rejects_an_index_out_of_range():
    with pytest.raises(ValueError, match=r"softmax index 4 is not one of 1, \.\.\., 3"):
        Softmax(4, z1, z2, z3)
    with pytest.raises(TypeError, match="at least one component"):
        Softmax(1)


# --------------------------------------------------------------------------- printing


def test_latex_reads_as_people_write():
    z = Symbol("z")
    assert latex(Sigmoid(z)) == r"\sigma\left(z\right)"
    assert latex(Sigmoid(z) ** 2) == r"\sigma^{2}\left(z\right)"
    assert latex(Softplus(z)) == r"\operatorname{softplus}\left(z\right)"
    assert latex(ReLU(z)) == r"\operatorname{ReLU}\left(z\right)"
    assert latex(LeakyReLU(z)) == r"\operatorname{LeakyReLU}\left(z\right)"
    assert latex(Softmax(k, z1, z2)) == r"\operatorname{softmax}\left(z_{1}, z_{2}\right)_{k}"
    assert latex(LogSumExp(z1, z2)) == r"\operatorname{LSE}\left(z_{1}, z_{2}\right)"


# --------------------------------------------------------------------------- numeric twins


EXTREMES = np.array([-800.0, -30.0, 0.0, 30.0, 800.0])


def test_numpy_twins_are_finite_at_extreme_inputs_without_warnings():
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        sigma = numpy_function(Sigmoid(x), x)(EXTREMES)
        softplus = numpy_function(Softplus(x), x)(EXTREMES)
        lse = numpy_function(LogSumExp(z1, z2), z1, z2)(np.array([1000.0, -1e3]),
                                                       np.array([1000.5, 1e3]))
        soft = numpy_function(Softmax(1, z1, z2), z1, z2)(1000.0, 1001.0)
    tail = 9.357622968840175e-14  # e^{-30} / (1 + e^{-30})
    np.testing.assert_allclose(sigma, [0.0, tail, 0.5, 1 - tail, 1.0])
    assert 0 <= sigma[0] < 1e-300
    np.testing.assert_allclose(softplus, [0.0, tail, np.log(2), 30.0, 800.0])
    np.testing.assert_allclose(lse, [1000.5 + np.log1p(np.exp(-0.5)), 1000.0])
    assert soft == pytest.approx(1 / (1 + np.e), rel=1e-14)


def test_numpy_twins_are_vectorised():
    values = RNG.normal(size=(4, 3))
    for cls in (Sigmoid, Softplus, ReLU):
        out = numpy_function(cls(x), x)(values)
        assert out.shape == values.shape
    soft = numpy_function(Softmax(2, z1, z2, z3), z1, z2, z3)(*values.T[:3, :])
    assert soft.shape == (4,)
    expected = np.exp(values[:, 1]) / np.exp(values).sum(axis=1)
    np.testing.assert_allclose(soft, expected)


def test_numpy_heaviside_is_zero_at_zero():
    step = numpy_function(ReLU(x).diff(x), x)
    np.testing.assert_array_equal(step(np.array([-1.0, 0.0, 2.0])), [0.0, 0.0, 1.0])
    leaky = numpy_function(LeakyReLU(x).diff(x), x)
    np.testing.assert_allclose(leaky(np.array([-1.0, 0.0, 2.0])), [0.01, 0.01, 1.0])


def test_mpmath_twins_at_high_precision():
    mpmath.mp.dps = 50
    try:
        sigma = lambdify(x, Sigmoid(x), modules=[MPMATH_FUNCTIONS, "mpmath"])
        point = mpmath.mpf(-800)
        assert sigma(point) == 1 / (1 + mpmath.exp(800))
        lse = lambdify((z1, z2), LogSumExp(z1, z2), modules=[MPMATH_FUNCTIONS, "mpmath"])
        expected = mpmath.log(mpmath.exp(1000) + mpmath.exp(mpmath.mpf("1000.5")))
        assert mpmath.almosteq(lse(1000, mpmath.mpf("1000.5")), expected, 1e-45)
        step = lambdify(x, ReLU(x).diff(x), modules=[MPMATH_FUNCTIONS, "mpmath"])
        assert step(mpmath.mpf(0)) == 0
    finally:
        mpmath.mp.dps = 15


def test_every_class_has_both_twins():
    classes = {Sigmoid, Softplus, ReLU, LeakyReLU, Softmax, LogSumExp}
    names = {c.__name__ for c in classes}
    assert names <= set(NUMPY_FUNCTIONS) and names <= set(MPMATH_FUNCTIONS)
    # and the twins of SymPy's own special functions the notation reads (y!, \binom)
    assert set(NUMPY_FUNCTIONS) - names == set(MPMATH_FUNCTIONS) - names == {
        "gamma", "factorial", "erf", "NormalCDF", "NormalPDF", "GELU", "SiLU", "Mish", "ELU"}


def test_activation_table():
    assert set(ACTIVATIONS) == {"sigmoid", "tanh", "softplus", "relu", "leaky_relu", "gelu",
                                "silu", "mish", "elu", "identity"}
    assert ACTIVATIONS["identity"](x) == x
    assert ACTIVATIONS["sigmoid"](x) == Sigmoid(x)


# --------------------------------------------------------------------------- vector form


def test_vector_function_entries_and_printing():
    z = MatrixSymbol("z", 3, 1)
    softmax = VectorFunction(Softmax, z)
    assert softmax.shape == (3, 1)
    assert softmax.as_explicit()[1, 0] == Softmax(2, z[0, 0], z[1, 0], z[2, 0])
    assert latex(softmax) == r"\operatorname{softmax}\left(z\right)"
    with pytest.raises(ValueError, match="column vector"):
        VectorFunction(Softmax, MatrixSymbol("Z", 2, 2))


def test_docstring_examples_run():
    assert doctest.testmod(functions).failed == 0


def test_normal_cdf_and_density():
    assert NormalCDF(0) == Rational(1, 2)
    assert NormalCDF(x).diff(x) == NormalPDF(x)
    assert NormalPDF(x).diff(x) == -x * NormalPDF(x)
    cdf = numpy_function(NormalCDF(x), x)
    assert cdf(1.0) == pytest.approx(0.8413447460685429, rel=1e-12)
    assert numpy_function(NormalPDF(x), x)(0.0) == pytest.approx(1 / np.sqrt(2 * np.pi))
    elementary = numpy_function(NormalCDF(x).rewrite(sympy.exp), x)
    assert elementary(-0.7) == pytest.approx(cdf(-0.7), rel=1e-12)
    assert mpmath.almosteq(MPMATH_FUNCTIONS["NormalCDF"](1), mpmath.ncdf(1))


def test_composite_activations_are_written_out():
    assert GELU(x) == x * NormalCDF(x)
    assert SiLU(x) == x * Sigmoid(x)
    assert GELU(x).diff(x) == NormalCDF(x) + x * NormalPDF(x)


def test_elu_values_and_derivative():
    assert ELU(2) == 2
    assert ELU(-1, Rational(1, 2)) == (sympy.exp(-1) - 1) / 2
    slope = numpy_function(ELU(x).diff(x), x)
    np.testing.assert_allclose(slope(np.array([-1.0, 0.0, 2.0])), [np.exp(-1), 1.0, 1.0])


@pytest.mark.parametrize("spelling, name", [("normal cdf", "NormalCDF"),
                                            ("normal pdf", "NormalPDF"), ("GELU", "GELU"),
                                            ("swish", "SiLU"), ("ELU", "ELU")])
def test_new_spellings_are_known(spelling, name):
    assert functions.find_function(spelling).name == name
