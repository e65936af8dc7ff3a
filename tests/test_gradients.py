"""Closed-form gradients: their structure, and finite differences through whole models."""

from __future__ import annotations

import ast
import doctest
import inspect

import numpy as np
import pytest
import sympy
from sympy import (
    Add,
    Function,
    ImmutableMatrix,
    Indexed,
    IndexedBase,
    Mul,
    Rational,
    Sum,
    Symbol,
    lambdify,
    log,
)
from sympy.matrices.expressions import (
    HadamardProduct,
    MatMul,
    MatrixExpr,
    MatrixSymbol,
    OneMatrix,
)

from symbolic import gradients
from symbolic.functions import ACTIVATIONS, NUMPY_FUNCTIONS, Sigmoid
from symbolic.gradients import Backprop, GradientError, backprop, gradient
from symbolic.networks import (
    Model,
    SampleIndexed,
    linear_regression,
    logistic_regression,
    mlp,
    model_from_definitions,
    softmax_regression,
)

N = Symbol("N", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
SAMPLES = 3


# --------------------------------------------------------------------------- numeric oracle


class Numeric:
    """A model run forward in NumPy, for finite differences; N = 3 samples where there are N.

    Each definition, delta and gradient is compiled on its own, in explicit entries, and
    evaluated in order, so the oracle stays fast for deep models: the loss comes from the
    forward pass alone, the claimed gradients from the closed forms.
    """

    def __init__(self, model: Model, result: Backprop, seed: int = 0):
        self.model = model
        if any(isinstance(name, Indexed) for name in model.definitions):
            # Names inside a sum over samples: write them out, the sums are short.
            loss = model.expand(model.definitions[model.loss])
            self.steps = [(model.loss, loss)]
            closed = {v: result.expand(g) for v, g in result.gradients.items()}
        else:
            self.steps = list(model.definitions.items())
            closed = result.gradients
        self.deltas = list(result.deltas.items())
        self.table: dict = {}
        self.plain: dict = {}
        self.forward = [(name, self._compile(e)) for name, e in self.steps]
        self.backward = [(name, self._compile(e)) for name, e in self.deltas]
        self.claimed = {v: self._compile(g) for v, g in closed.items()}
        self.values = self._point(np.random.default_rng(seed))

    # ----------------------------------------------------------------- compiling

    def _concrete(self, expression):
        expression = expression.subs(N, SAMPLES)
        return expression.doit() if expression.has(Sum) else expression

    def _entries(self, matrix):
        if matrix not in self.table:
            rows, columns = (int(d) for d in matrix.shape)
            self.table[matrix] = ImmutableMatrix(
                rows, columns, lambda r, c: Symbol(f"{matrix.name}[{r},{c}]"))
        return self.table[matrix]

    def _plain(self, atom):
        if atom not in self.plain:
            self.plain[atom] = Symbol(f"v{len(self.plain)}")
        return self.plain[atom]

    def _compile(self, expression):
        expression = self._concrete(expression)
        if isinstance(expression, MatrixExpr):
            for m in expression.atoms(MatrixSymbol):
                self._entries(m)
            expression = expression.xreplace(self.table).as_explicit()
        matrix = sympy.Matrix([expression]) if not isinstance(expression, sympy.MatrixBase) \
            else sympy.Matrix(expression)
        atoms = sorted(matrix.atoms(Symbol, Indexed) - {i}, key=str)
        args = [self._plain(a) for a in atoms]
        function = lambdify(args, matrix.xreplace(self.plain), modules=[NUMPY_FUNCTIONS, "numpy"])
        return atoms, function

    def _symbols(self, name):
        """The scalar symbols holding a name's value, in row-major order."""
        concrete = self._concrete(name)
        if isinstance(concrete, MatrixExpr):
            return list(self._entries(concrete))
        return [concrete]

    # ----------------------------------------------------------------- evaluating

    def _point(self, rng):
        defined = {a for name, _ in [*self.steps, *self.deltas] for a in self._symbols(name)}
        needed = {a for _, (atoms, _) in [*self.forward, *self.backward] for a in atoms}
        needed |= {a for atoms, _ in self.claimed.values() for a in atoms}
        values = {a: rng.normal(0, 0.7) for a in sorted(needed - defined, key=str)}
        for constraint in self.model.constraints:  # one-hot targets
            members = [self._entry_symbol(v) for v in Add.make_args(constraint.lhs)]
            hot = rng.integers(len(members))
            for position, member in enumerate(members):
                values[member] = 1.0 if position == hot else 0.0
        return values

    def _entry_symbol(self, variable):
        if isinstance(variable, sympy.matrices.expressions.matexpr.MatrixElement):
            return self._entries(variable.parent)[int(variable.i), int(variable.j)]
        return variable

    def _run(self, steps, values):
        for name, (atoms, function) in steps:
            result = np.ravel(function(*[values[a] for a in atoms]))
            values.update(zip(self._symbols(name), result, strict=True))
        return values

    def loss_at(self, values):
        values = self._run(self.forward, dict(values))
        (loss,) = self._symbols(self.model.loss)   # a scalar, or the entry of a 1×1 matrix
        return float(values[loss])

    def claimed_gradient(self, variable):
        values = self._run(self.backward, self._run(self.forward, dict(self.values)))
        atoms, function = self.claimed[variable]
        return np.ravel(function(*[values[a] for a in atoms]))

    def finite_difference(self, variable, h=1e-6):
        out = []
        for entry in self._symbols(variable):
            up, down = dict(self.values), dict(self.values)
            up[entry] += h
            down[entry] -= h
            out.append((self.loss_at(up) - self.loss_at(down)) / (2 * h))
        return np.array(out)


def assert_agrees_with_finite_differences(model: Model, seed: int = 0, rtol: float = 1e-6):
    result = backprop(model, model.parameters)
    numeric = Numeric(model, result, seed)
    for variable in model.parameters:
        claimed = numeric.claimed_gradient(variable)
        fd = numeric.finite_difference(variable)
        scale = np.maximum(np.abs(fd), 1e-3)
        assert np.all(np.abs(claimed - fd) <= rtol * scale + 1e-9), (variable, claimed, fd)


# --------------------------------------------------------------------------- closed forms


def s(name: str) -> Symbol:
    return Symbol(name, real=True)


def test_logistic_bce_gives_f_minus_y_times_x():
    model = logistic_regression(features=2)
    f, y = s("f"), s("y")
    assert gradient(model, s("w_{1}")) == Mul(s("x_{1}"), f - y)
    assert gradient(model, s("w_{2}")) == Mul(s("x_{2}"), f - y)
    assert gradient(model, s("b")) == f - y
    assert gradient(model, s("z")) == f - y


def test_softmax_ce_gives_y_hat_minus_y_for_each_logit():
    model = softmax_regression(features=2, classes=3)
    for k in (1, 2, 3):
        assert gradient(model, s(f"z_{{{k}}}")) == s(rf"\hat{{y}}_{{{k}}}") - s(f"y_{{{k}}}")
    assert gradient(model, s("w_{2,1}")) == s("x_{1}") * (s(r"\hat{y}_{2}") - s("y_{2}"))


def test_softmax_ce_in_matrix_form_is_y_hat_minus_y():
    model = softmax_regression(features=2, classes=3, form="matrix")
    z, W, b = model.reported
    y_hat, y, x = MatrixSymbol(r"\hat{y}", 3, 1), MatrixSymbol("y", 3, 1), MatrixSymbol("x", 2, 1)
    assert gradient(model, z) == y_hat - y
    assert gradient(model, b) == y_hat - y
    assert gradient(model, W) == MatMul(y_hat - y, x.T)
    assert gradient(model, W).shape == W.shape


def test_mse_with_a_linear_model_has_two_over_n():
    model = linear_regression(features=2)
    y_hat, y, x = (IndexedBase(s(name)) for name in (r"\hat{y}", "y", "x"))
    residual = SampleIndexed(y_hat, i) - SampleIndexed(y, i)
    expected = Rational(2) / N * Sum(residual * SampleIndexed(x, i, 1), (i, 1, N))
    assert gradient(model, s("w_{1}")) == expected
    assert gradient(model, s("b")) == Rational(2) / N * Sum(residual, (i, 1, N))


def test_mse_in_matrix_form_is_two_over_n_x_transpose_residual():
    model = linear_regression(features=2, form="matrix")
    w, b = model.parameters
    X = MatrixSymbol("X", N, 2)
    residual = MatrixSymbol(r"\hat{y}", N, 1) - MatrixSymbol("y", N, 1)
    assert gradient(model, w) == MatMul(2 / N, X.T, residual)
    assert gradient(model, w).shape == (2, 1)
    assert gradient(model, b) == MatMul(2 / N, OneMatrix(N, 1).T, residual)


def test_logistic_in_matrix_form_is_mean_of_f_minus_y_times_x():
    model = logistic_regression(features=3, form="matrix")
    z, w, _ = model.reported
    residual = MatrixSymbol("f", N, 1) - MatrixSymbol("y", N, 1)
    assert gradient(model, z) == MatMul(1 / N, residual)
    assert gradient(model, w) == MatMul(1 / N, MatrixSymbol("X", N, 3).T, residual)


def _layer(name, layer, rows, columns=1):
    return MatrixSymbol(f"{name}^{{({layer})}}", rows, columns)


def test_backprop_deltas_in_matrix_form():
    model = mlp([3, 4, 2], ["sigmoid", "sigmoid"], loss="bce")
    result = backprop(model)
    d1, d2 = _layer(r"\delta", 1, 4), _layer(r"\delta", 2, 2)
    a1, a2, W2 = _layer("a", 1, 4), _layer("a", 2, 2), _layer("W", 2, 2, 4)
    assert list(result.deltas) == [d2, d1]
    assert result.deltas[d2] == a2 - MatrixSymbol("y", 2, 1)
    assert result.deltas[d1] == HadamardProduct(W2.T * d2, a1, OneMatrix(4, 1) - a1).doit()
    W1, b1 = model.parameters[:2]
    assert result.gradients[W1] == d1 * MatrixSymbol("x", 3, 1).T
    assert result.gradients[b1] == d1
    assert result.gradients[W2] == d2 * a1.T
    for parameter in model.parameters:
        assert result.gradients[parameter].shape == parameter.shape


def test_hidden_delta_uses_each_activations_own_derivative():
    z1, a1 = _layer("z", 1, 3), _layer("a", 1, 3)
    W2, d2 = _layer("W", 2, 1, 3), _layer(r"\delta", 2, 1)
    z, a = z1[0, 0], a1[0, 0]
    derivative = {
        "relu": sympy.Heaviside(z, 0),
        "tanh": 1 - a**2,
        "softplus": Sigmoid(z),
        "leaky_relu": Rational(1, 100) + Rational(99, 100) * sympy.Heaviside(z, 0),
        "identity": 1,
    }
    for name, expected in derivative.items():
        model = mlp([2, 3, 1], [name, "sigmoid"], loss="bce")
        delta = backprop(model).deltas[_layer(r"\delta", 1, 3)]
        upstream = W2.T * d2
        if name == "identity":
            assert delta == upstream
            continue
        assert delta.has(HadamardProduct) and delta.has(upstream), name
        entry = delta.as_explicit()[0, 0]
        assert sympy.expand(entry - upstream.as_explicit()[0, 0] * expected) == 0, name


def test_scalar_mlp_deltas_name_the_layer_above():
    model = mlp([2, 2, 2], ["sigmoid", "softmax"], loss="ce", form="scalar")
    result = backprop(model)
    d = {(layer, j): s(f"\\delta^{{({layer})}}_{{{j}}}") for layer in (1, 2) for j in (1, 2)}
    a = {(layer, j): s(f"a^{{({layer})}}_{{{j}}}") for layer in (1, 2) for j in (1, 2)}
    w = {(j, k): s(f"w^{{(2)}}_{{{j},{k}}}") for j in (1, 2) for k in (1, 2)}
    assert result.deltas[d[2, 1]] == a[2, 1] - s("y_{1}")
    expected = a[1, 1] * (1 - a[1, 1]) * (d[2, 1] * w[1, 1] + d[2, 2] * w[2, 1])
    assert result.deltas[d[1, 1]] == expected
    assert result.gradients[s("w^{(1)}_{2,1}")] == d[1, 2] * s("x_{1}")
    assert result.gradients[s("b^{(2)}_{2}")] == d[2, 2]


def test_l2_penalty_adds_two_lambda_w():
    model = logistic_regression(features=1, l2=True)
    data_term = s("x_{1}") * (s("f") - s("y"))
    assert gradient(model, s("w_{1}")) == data_term + 2 * s(r"\lambda") * s("w_{1}")


# --------------------------------------------------------------------------- finite differences


@pytest.mark.parametrize("build", [linear_regression, logistic_regression, softmax_regression])
@pytest.mark.parametrize("form", ["scalar", "matrix"])
def test_regressions_agree_with_finite_differences(build, form):
    assert_agrees_with_finite_differences(build(form=form, l2=form == "matrix"))


MLPS = [
    ([3, 2], ["sigmoid"], "bce"),
    ([2, 3, 2], ["relu", "softmax"], "ce"),
    ([2, 3, 2, 2], ["tanh", "leaky_relu", "identity"], "squared_error"),
    ([2, 2, 3, 2, 1], ["softplus", "sigmoid", "relu", "sigmoid"], "bce"),
]


@pytest.mark.parametrize("widths, activations, loss", MLPS)
@pytest.mark.parametrize("form", ["scalar", "matrix"])
def test_mlps_of_depth_one_to_four_agree_with_finite_differences(widths, activations, loss, form):
    model = mlp(widths, activations, loss=loss, form=form)
    assert_agrees_with_finite_differences(model, seed=len(widths))


def test_the_oracle_catches_a_wrong_gradient():
    model = logistic_regression(features=1)
    result = backprop(model, model.parameters)
    w = s("w_{1}")
    wrong = Backprop(model, {}, {**result.gradients, w: s("x_{1}") * (s("y") - s("f"))})
    numeric = Numeric(model, wrong)
    assert not np.allclose(numeric.claimed_gradient(w), numeric.finite_difference(w))


# --------------------------------------------------------------------------- generic machinery


class Cube(Function):
    """A function the library has never heard of: c(x) = x³, with c'(x) = 3x²."""

    nargs = 1

    def fdiff(self, argindex=1):
        return 3 * self.args[0] ** 2


def test_any_function_with_fdiff_goes_through_unchanged_machinery():
    z, x, w, g, L, y = (s(n) for n in ("z", "x", "w", "g", "L", "y"))
    model = model_from_definitions({z: w * x, g: Cube(z), L: (g - y) ** 2 / 2})
    assert gradient(model, w) == 3 * x * z**2 * (g - y)


def test_gradients_module_never_names_an_activation_or_a_loss():
    tree = ast.parse(inspect.getsource(gradients))
    identifiers = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            identifiers.add(node.id)
        elif isinstance(node, ast.Attribute):
            identifiers.add(node.attr)
        elif isinstance(node, ast.alias):
            identifiers.add(node.name)
    named = {name.lower() for name in identifiers} - {"identity"}  # the matrix I, not f(x) = x
    forbidden = {*ACTIVATIONS, "sigmoid", "softmax", "softplus", "logsumexp", "tanh", "log",
                 "binary_cross_entropy", "categorical_cross_entropy", "squared_error"}
    assert not named & forbidden


def test_unknown_variable_is_an_error_naming_what_there_is():
    with pytest.raises(GradientError, match=r"v does not appear in the model; it has w_\{1\}"):
        gradient(logistic_regression(features=1), s("v"))
    with pytest.raises(GradientError, match="is 1"):
        gradient(logistic_regression(features=1), s("L"))


def test_inline_writes_the_deltas_out():
    model = mlp([2, 2, 1], ["sigmoid", "sigmoid"], loss="bce")
    result = backprop(model)
    W1 = model.parameters[0]
    assert not result.inline(result.gradients[W1]).has(_layer(r"\delta", 1, 2))
    assert gradient(model, W1) == result.inline(result.gradients[W1])


def test_sigmoid_output_is_named_not_expanded():
    model = logistic_regression(features=1)
    assert not gradient(model, s("w_{1}")).has(Sigmoid)
    assert not gradient(model, s("w_{1}")).has(log)


def test_large_expressions_are_left_as_they_are():
    terms = Add(*[Symbol(f"t{k}") * Symbol(f"u{k}") * (1 + Symbol(f"v{k}")) for k in range(200)])
    assert gradients.count_ops(terms) > gradients.TIDY_LIMIT
    assert gradients._tidy(terms) is terms


def test_a_variable_is_found_by_name_whatever_its_assumptions():
    model = logistic_regression(features=1)
    assert gradient(model, Symbol("w_{1}")) == gradient(model, s("w_{1}"))


def test_docstring_examples_run():
    assert doctest.testmod(gradients).failed == 0
