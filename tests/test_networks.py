"""Model builders: definitions, names, shapes, and scalar and matrix forms agreeing."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from sympy import (
    Add,
    ImmutableMatrix,
    MatrixSymbol,
    Symbol,
    lambdify,
    latex,
    log,
)

from symbolic import networks
from symbolic.functions import NUMPY_FUNCTIONS, ReLU, Sigmoid, Softmax, VectorFunction
from symbolic.networks import (
    BUNDLED_MODELS,
    Model,
    ModelError,
    bundled_model,
    linear_regression,
    logistic_regression,
    mlp,
    model_from_definitions,
    softmax_regression,
)


def s(name: str) -> Symbol:
    return Symbol(name, real=True)


def test_logistic_regression_definitions_in_order():
    model = logistic_regression(features=2)
    z, f, L = s("z"), s("f"), s("L")
    w1, w2, x1, x2, b, y = (s(n) for n in ("w_{1}", "w_{2}", "x_{1}", "x_{2}", "b", "y"))
    assert list(model.definitions) == [z, f, L]
    assert model.definitions[z] == w1 * x1 + w2 * x2 + b
    assert model.definitions[f] == Sigmoid(z)
    assert model.definitions[L] == -y * log(f) - (1 - y) * log(1 - f)
    assert model.parameters == (w1, w2, b)
    assert model.inputs == (x1, x2) and model.targets == (y,)
    assert model.loss == L


def test_names_print_as_written():
    model = mlp([2, 3, 1], ["relu", "sigmoid"], form="scalar")
    printed = {latex(name) for name in (*model.parameters, *model.definitions)}
    assert {r"w^{(1)}_{1,2}", r"b^{(2)}_{1}", r"z^{(1)}_{3}", r"a^{(2)}_{1}"} <= printed
    assert latex(softmax_regression(form="scalar").definitions[s(r"\hat{y}_{2}")]) == (
        r"\operatorname{softmax}\left(z_{1}, z_{2}, z_{3}\right)_{2}")
    sample = next(iter(linear_regression(features=1).definitions))
    assert latex(sample) == r"\hat{y}^{(i)}"
    assert latex(linear_regression(features=1).inputs[0]) == r"x^{(i)}_{1}"


def test_matrix_mlp_shapes_follow_the_widths():
    model = mlp([3, 4, 2], ["tanh", "softmax"], loss="ce")
    W1, b1, W2, b2 = model.parameters
    assert (W1.shape, b1.shape, W2.shape, b2.shape) == ((4, 3), (4, 1), (2, 4), (2, 1))
    names = list(model.definitions)
    assert [str(n) for n in names] == ["z^{(1)}", "a^{(1)}", "z^{(2)}", "a^{(2)}", "L"]
    assert model.definitions[names[3]] == VectorFunction(Softmax, names[2])
    assert model.definitions[model.loss].shape == (1, 1)
    assert model.adjoints == {names[0]: MatrixSymbol(r"\delta^{(1)}", 4, 1),
                              names[2]: MatrixSymbol(r"\delta^{(2)}", 2, 1)}


def test_scalar_mlp_has_every_weight_and_a_delta_per_unit():
    model = mlp([2, 3, 2], ["relu", "softmax"], loss="ce", form="scalar")
    assert len(model.parameters) == 3 * (2 + 1) + 2 * (3 + 1)
    assert model.definitions[s("a^{(1)}_{2}")] == ReLU(s("z^{(1)}_{2}"))
    assert model.adjoints[s("z^{(2)}_{1}")] == s(r"\delta^{(2)}_{1}")
    assert model.constraints[0].lhs == Add(s("y_{1}"), s("y_{2}"))


def _forward(model: Model, values: dict) -> float:
    """The loss of a model at values for its base variables (matrices as arrays)."""
    expression = model.expand(model.definitions[model.loss])
    table = {m: ImmutableMatrix(values[m]) for m in expression.atoms(MatrixSymbol)}
    expression = expression.xreplace(table)
    if hasattr(expression, "as_explicit"):
        expression = expression.as_explicit()[0, 0]
    atoms = sorted(expression.free_symbols, key=str)
    f = lambdify(atoms, expression, modules=[NUMPY_FUNCTIONS, "numpy"])
    return float(f(*[values[a] for a in atoms]))


@pytest.mark.parametrize("widths, activations, loss", [
    ([2, 3, 2], ["sigmoid", "softmax"], "ce"),
    ([2, 2, 2, 1], ["tanh", "leaky_relu", "sigmoid"], "bce"),
    ([2, 2], ["identity"], "squared_error"),
])
def test_scalar_and_matrix_forms_compute_the_same_loss(widths, activations, loss):
    rng = np.random.default_rng(3)
    scalar = mlp(widths, activations, loss=loss, form="scalar")
    matrix = mlp(widths, activations, loss=loss, form="matrix")
    values: dict = {}
    x = rng.normal(size=(widths[0], 1))
    outputs = widths[-1]
    y = np.eye(outputs)[:, [1 % outputs]] if loss == "ce" else rng.uniform(size=(outputs, 1))
    values[MatrixSymbol("x", widths[0], 1)] = x
    values[MatrixSymbol("y", widths[-1], 1)] = y
    values.update({s(f"x_{{{k + 1}}}"): x[k, 0] for k in range(widths[0])})
    values.update({s(f"y_{{{k + 1}}}"): y[k, 0] for k in range(widths[-1])})
    for layer in range(1, len(widths)):
        W = rng.normal(size=(widths[layer], widths[layer - 1]))
        b = rng.normal(size=(widths[layer], 1))
        values[MatrixSymbol(f"W^{{({layer})}}", *W.shape)] = W
        values[MatrixSymbol(f"b^{{({layer})}}", *b.shape)] = b
        for j in range(W.shape[0]):
            values[s(f"b^{{({layer})}}_{{{j + 1}}}")] = b[j, 0]
            for k in range(W.shape[1]):
                values[s(f"w^{{({layer})}}_{{{j + 1},{k + 1}}}")] = W[j, k]
    assert _forward(scalar, values) == pytest.approx(_forward(matrix, values), rel=1e-12)


def test_regressions_in_both_forms():
    for build in (linear_regression, logistic_regression, softmax_regression):
        for form in ("scalar", "matrix"):
            model = build(form=form)
            assert model.form == form
            assert model.loss in model.definitions
    matrix = softmax_regression(features=4, classes=5, form="matrix")
    assert [p.shape for p in matrix.parameters] == [(5, 4), (5, 1)]


def test_l2_adds_a_penalty_on_weights_only():
    model = logistic_regression(features=1, l2=True)
    lam, w, b = s(r"\lambda"), s("w_{1}"), s("b")
    loss = model.definitions[model.loss]
    assert loss.coeff(lam) == w**2
    assert not loss.coeff(lam).has(b)


def test_expand_and_depends_on():
    model = logistic_regression(features=1)
    f, z = s("f"), s("z")
    assert model.expand(f) == Sigmoid(s("w_{1}") * s("x_{1}") + s("b"))
    assert model.expand(f, keep=(z,)) == Sigmoid(z)
    assert model.depends_on(f, s("w_{1}"))
    assert not model.depends_on(z, s("y"))


def test_model_from_definitions_takes_the_last_as_loss():
    z, w, x, g, L = (s(n) for n in ("z", "w", "x", "g", "L"))
    model = model_from_definitions({z: w * x, g: z**2, L: g + w})
    assert model.loss == L
    assert model.parameters == (w, x)


def test_a_definition_may_only_use_earlier_names():
    z, w, f, L = (s(n) for n in ("z", "w", "f", "L"))
    with pytest.raises(ModelError, match="the definition of z uses f, which is not defined before"):
        model_from_definitions({z: w * f, f: w, L: z})


@pytest.mark.parametrize("call, message", [
    (lambda: mlp([2, 3, 1], ["relu"]), "2 layers need 2 activations, one per layer; got 1"),
    (lambda: mlp([2, 3, 1], ["softmax", "sigmoid"]), "unknown activation 'softmax' for layer 1"),
    (lambda: mlp([2, 3, 1], ["selu", "sigmoid"]), "unknown activation 'selu'.*known: sigmoid"),
    (lambda: mlp([2, 0, 1]), "width 1 must be a positive whole number, not 0"),
    (lambda: mlp([2]), "at least two widths"),
    (lambda: mlp([2, 1], loss="hinge"), "unknown loss 'hinge'; known: bce, ce, squared_error"),
    (lambda: logistic_regression(form="tensor"), "form must be one of scalar, matrix"),
    (lambda: bundled_model("svm"), "no bundled model 'svm'; known: linear-mse"),
    (lambda: bundled_model("mlp"), "mlp needs --widths"),
    (lambda: bundled_model("logistic-bce", classes=3), "logistic-bce takes no --classes"),
])
def test_errors_say_what_is_wrong(call, message):
    with pytest.raises(ModelError, match=message):
        call()


def test_every_bundled_model_builds_in_its_own_form():
    for name, entry in BUNDLED_MODELS.items():
        options = {"widths": [2, 2, 1]} if name == "mlp" else {}
        model = bundled_model(name, **options)
        assert model.form == entry.form
        assert entry.summary


def test_docstring_examples_run():
    assert doctest.testmod(networks).failed == 0
