r"""Builders for the models of ML courses, with named intermediates.

A `Model` holds its definitions in order (name -> expression in earlier names and in
the base variables), its parameters, inputs and targets, and the name of its loss. Every
builder makes two forms of the same model:

- ``form="scalar"``: explicit symbols such as `w^{(1)}_{1,2}`, `b^{(1)}_{1}`, `x_{1}`,
  the way small worked examples are written;
- ``form="matrix"``: shaped `MatrixSymbol`s `W^{(1)}`, `b^{(1)}`, `x`, the way the
  general result is written.

Symbol names are LaTeX, so SymPy's LaTeX printer prints them as written.

    >>> model = logistic_regression(features=2)
    >>> for name, expression in model.definitions.items():
    ...     print(name, "=", expression)
    z = b + w_{1}*x_{1} + w_{2}*x_{2}
    f = Sigmoid(z)
    L = -y*log(f) - (1 - y)*log(1 - f)
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from sympy import Add, Basic, Dummy, Eq, Expr, Symbol
from sympy.matrices.expressions import MatrixExpr, MatrixSymbol, OneMatrix
from sympy.tensor.indexed import Indexed, IndexedBase

from symbolic import losses
from symbolic.errors import DerivcheckError
from symbolic.functions import ACTIVATIONS, Softmax, VectorFunction

__all__ = [
    "BUNDLED_MODELS",
    "LOSSES",
    "Bundled",
    "Model",
    "ModelError",
    "SampleIndexed",
    "bundled_model",
    "linear_regression",
    "logistic_regression",
    "mlp",
    "model_from_definitions",
    "softmax_regression",
]

FORMS = ("scalar", "matrix")


class ModelError(DerivcheckError, ValueError):
    """A model that cannot be built as asked: an unknown name, or sizes that do not fit."""


class SampleIndexed(Indexed):
    r"""A per-sample quantity: `x^{(i)}_{j}`, the first index being the sample.

    >>> from sympy import latex, symbols
    >>> i, j = symbols("i j")
    >>> latex(SampleIndexed(IndexedBase("x"), i, j))
    'x^{(i)}_{j}'
    """

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        sample, *rest = self.indices
        tex = f"{printer._print(self.base.label)}^{{({printer._print(sample)})}}"
        if rest:
            tex += "_{" + ",".join(printer._print(index) for index in rest) + "}"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"


@dataclass(frozen=True, eq=False)
class Model:
    r"""A model: ordered definitions, what is learned, what is given, and the loss.

    Attributes:
        name: what it is, e.g. "logistic regression with binary cross-entropy".
        form: "scalar" or "matrix".
        definitions: name -> expression, in order; each uses only earlier names and
            base variables; the loss is the last.
        parameters, inputs, targets: the base variables, by role.
        loss: the name of the loss.
        adjoints: names whose gradient ∂L/∂name is given a name of its own, the backprop
            deltas: `z^{(l)}` -> `\delta^{(l)}`.
        constraints: equations the targets satisfy, such as Σ_k y_k = 1 for one-hot y.
        reported: the names whose gradients `derivcheck grad` shows (default: parameters).
    """

    name: str
    form: str
    definitions: dict[Basic, Basic]
    parameters: tuple[Basic, ...]
    inputs: tuple[Basic, ...] = ()
    targets: tuple[Basic, ...] = ()
    adjoints: dict[Basic, Basic] = field(default_factory=dict)
    constraints: tuple[Eq, ...] = ()
    reported: tuple[Basic, ...] = ()

    def __post_init__(self) -> None:
        names = list(self.definitions)
        if not names:
            raise ModelError("a model needs at least one definition (its loss)")
        for position, (name, expression) in enumerate(self.definitions.items()):
            for later in names[position:]:
                if expression.has(later):
                    raise ModelError(
                        f"the definition of {name} uses {later}, which is not defined before it"
                    )
        unknown = [n for n in self.adjoints if n not in self.definitions]
        if unknown:
            raise ModelError(f"adjoints are named for {unknown}, which are not defined")
        if not self.reported:
            object.__setattr__(self, "reported", tuple(self.parameters))

    @property
    def loss(self) -> Basic:
        """The name of the loss: the last definition."""
        return next(reversed(self.definitions))

    @property
    def variables(self) -> tuple[Basic, ...]:
        """The base variables: parameters, inputs, targets."""
        return (*self.parameters, *self.inputs, *self.targets)

    def expand(self, expression: Basic, keep: Sequence[Basic] = ()) -> Basic:
        """Substitute definitions until only base variables (and the names in `keep`) remain.

        >>> model = logistic_regression(features=1)
        >>> model.expand(Symbol("f", real=True))
        Sigmoid(b + w_{1}*x_{1})
        """
        for name, definition in reversed(self.definitions.items()):
            if name not in keep:
                expression = expression.xreplace({name: definition})
        return expression

    def depends_on(self, name: Basic, variable: Basic) -> bool:
        """Whether the definition of `name`, followed through earlier names, uses `variable`."""
        return self.expand(self.definitions[name], keep=(variable,)).has(variable)


# --------------------------------------------------------------------------- naming


def _symbol(name: str) -> Symbol:
    """A real scalar, as the notation reader makes one: `parse_expression("w_1")` is it."""
    return Symbol(name, real=True)


def _layer(name: str, layer: int) -> str:
    return f"{name}^{{({layer})}}"


def _indexed(name: str, *indices: int) -> Symbol:
    return _symbol(f"{name}_{{{','.join(str(i) for i in indices)}}}")


def _sample_index() -> tuple[Symbol, Symbol]:
    """The sample index i and the number of samples N."""
    return Symbol("i", integer=True, positive=True), Symbol("N", integer=True, positive=True)


def _sample(name: str, index: Symbol, *rest: int) -> SampleIndexed:
    return SampleIndexed(IndexedBase(_symbol(name)), index, *rest)


def _check_form(form: str) -> None:
    if form not in FORMS:
        raise ModelError(f"form must be one of {', '.join(FORMS)}, not {form!r}")


def _check_size(what: str, size: int) -> None:
    if not isinstance(size, int) or size < 1:
        raise ModelError(f"{what} must be a positive whole number, not {size!r}")


def _penalty(weights: Sequence[Basic], l2: bool) -> Any:
    """λ‖w‖² summed over the weights (biases are not penalised); 0 without `l2`."""
    if not l2:
        return 0
    strength = _symbol(r"\lambda")
    if isinstance(weights[0], MatrixExpr):
        return reduce(operator.add, [losses.l2_penalty(w, strength) for w in weights])
    return losses.l2_penalty(list(weights), strength)


def _with_loss(definitions: dict, loss: Any, weights: Sequence[Basic], l2: bool) -> dict:
    penalty = _penalty(weights, l2)
    definitions[_symbol("L")] = loss + penalty if penalty != 0 else loss
    return definitions


# --------------------------------------------------------------------------- regressions


def linear_regression(features: int = 2, form: str = "scalar", l2: bool = False) -> Model:
    r"""Linear regression over N samples with the mean squared error.

    Scalar form: ŷ^{(i)} = Σ_j w_j x^{(i)}_j + b and L = (1/N) Σ_i (y^{(i)} − ŷ^{(i)})².
    Matrix form: ŷ = X w + b 1 with X of N rows, and L = (1/N) (y − ŷ)ᵀ(y − ŷ).
    With `l2`, λ‖w‖² is added to the loss.
    """
    _check_form(form)
    _check_size("features", features)
    i, count = _sample_index()
    b = _symbol("b")
    if form == "matrix":
        X = MatrixSymbol("X", count, features)
        w = MatrixSymbol("w", features, 1)
        y = MatrixSymbol("y", count, 1)
        y_hat = MatrixSymbol(r"\hat{y}", count, 1)
        definitions = {y_hat: X * w + b * OneMatrix(count, 1)}
        _with_loss(definitions, losses.mean_squared_error(y, y_hat), [w], l2)
        return Model("linear regression, mean squared error", form, definitions,
                     parameters=(w, b), inputs=(X,), targets=(y,))
    weights = [_indexed("w", j) for j in range(1, features + 1)]
    xs = [_sample("x", i, j) for j in range(1, features + 1)]
    y_hat = _sample(r"\hat{y}", i)
    y = _sample("y", i)
    definitions = {y_hat: Add(*[w * x for w, x in zip(weights, xs, strict=True)]) + b}
    _with_loss(definitions, losses.mean_squared_error(y, y_hat, sample=(i, count)), weights, l2)
    return Model("linear regression, mean squared error", form, definitions,
                 parameters=(*weights, b), inputs=tuple(xs), targets=(y,))


def logistic_regression(features: int = 2, form: str = "scalar", l2: bool = False) -> Model:
    r"""Logistic regression with binary cross-entropy.

    Scalar form (one sample): z = Σ_j w_j x_j + b, f = σ(z), L = −y log f − (1 − y) log(1 − f).
    Matrix form (N samples): z = X w + b 1, f = σ(z), L = the mean of the same over rows.
    """
    _check_form(form)
    _check_size("features", features)
    b = _symbol("b")
    if form == "matrix":
        _, count = _sample_index()
        X = MatrixSymbol("X", count, features)
        w = MatrixSymbol("w", features, 1)
        y = MatrixSymbol("y", count, 1)
        z, f = MatrixSymbol("z", count, 1), MatrixSymbol("f", count, 1)
        definitions = {z: X * w + b * OneMatrix(count, 1), f: z.applyfunc(ACTIVATIONS["sigmoid"])}
        _with_loss(definitions, (1 / count) * losses.binary_cross_entropy(y, f), [w], l2)
        return Model("logistic regression, binary cross-entropy", form, definitions,
                     parameters=(w, b), inputs=(X,), targets=(y,), reported=(z, w, b))
    weights = [_indexed("w", j) for j in range(1, features + 1)]
    xs = [_indexed("x", j) for j in range(1, features + 1)]
    z, f, y = _symbol("z"), _symbol("f"), _symbol("y")
    definitions = {
        z: Add(*[w * x for w, x in zip(weights, xs, strict=True)]) + b,
        f: ACTIVATIONS["sigmoid"](z),
    }
    _with_loss(definitions, losses.binary_cross_entropy(y, f), weights, l2)
    return Model("logistic regression, binary cross-entropy", form, definitions,
                 parameters=(*weights, b), inputs=tuple(xs), targets=(y,),
                 reported=(z, *weights, b))


def softmax_regression(features: int = 2, classes: int = 3, form: str = "scalar",
                       l2: bool = False) -> Model:
    r"""Softmax regression with categorical cross-entropy and one-hot targets (Σ_k y_k = 1).

    z = W x + b, ŷ = softmax(z), L = −Σ_k y_k log ŷ_k, for one sample.
    """
    _check_form(form)
    _check_size("features", features)
    _check_size("classes", classes)
    if form == "matrix":
        x = MatrixSymbol("x", features, 1)
        W = MatrixSymbol("W", classes, features)
        b = MatrixSymbol("b", classes, 1)
        z = MatrixSymbol("z", classes, 1)
        y_hat = MatrixSymbol(r"\hat{y}", classes, 1)
        y = MatrixSymbol("y", classes, 1)
        definitions = {z: W * x + b, y_hat: VectorFunction(Softmax, z)}
        _with_loss(definitions, losses.categorical_cross_entropy(y, y_hat), [W], l2)
        return Model("softmax regression, categorical cross-entropy", form, definitions,
                     parameters=(W, b), inputs=(x,), targets=(y,),
                     constraints=(_one_hot(y),), reported=(z, W, b))
    xs = [_indexed("x", j) for j in range(1, features + 1)]
    W = [[_indexed("w", k, j) for j in range(1, features + 1)] for k in range(1, classes + 1)]
    bs = [_indexed("b", k) for k in range(1, classes + 1)]
    zs = [_indexed("z", k) for k in range(1, classes + 1)]
    y_hats = [_indexed(r"\hat{y}", k) for k in range(1, classes + 1)]
    ys = [_indexed("y", k) for k in range(1, classes + 1)]
    definitions: dict = {}
    for row, bias, z in zip(W, bs, zs, strict=True):
        definitions[z] = Add(*[w * x for w, x in zip(row, xs, strict=True)]) + bias
    for k, y_hat in enumerate(y_hats, 1):
        definitions[y_hat] = Softmax(k, *zs)
    weights = [w for row in W for w in row]
    _with_loss(definitions, losses.categorical_cross_entropy(ys, y_hats), weights, l2)
    return Model("softmax regression, categorical cross-entropy", form, definitions,
                 parameters=(*weights, *bs), inputs=tuple(xs), targets=tuple(ys),
                 constraints=(Eq(Add(*ys), 1),), reported=(*zs, *weights, *bs))


def _one_hot(y: MatrixSymbol) -> Eq:
    """Σ_k y_k = 1, written over the entries of a column vector of known length."""
    return Eq(Add(*[y[k, 0] for k in range(int(y.shape[0]))]), 1)


# --------------------------------------------------------------------------- MLPs

LOSSES: dict[str, Callable[..., Any]] = {
    "bce": losses.binary_cross_entropy,
    "ce": losses.categorical_cross_entropy,
    "squared_error": losses.squared_error,
}

# Output layers that are functions of the whole vector, not element-wise activations.
VECTOR_OUTPUTS = {"softmax": Softmax}


def _default_activations(layers: int, loss: str) -> list[str]:
    output = {"bce": "sigmoid", "ce": "softmax"}.get(loss, "identity")
    return ["sigmoid"] * (layers - 1) + [output]


def _check_activations(activations: Sequence[str], layers: int) -> None:
    if len(activations) != layers:
        raise ModelError(
            f"{layers} layers need {layers} activations, one per layer; got {len(activations)}"
        )
    for position, name in enumerate(activations, 1):
        allowed = name in ACTIVATIONS or (name in VECTOR_OUTPUTS and position == layers)
        if not allowed:
            known = ", ".join([*ACTIVATIONS, *(f"{v} (last layer)" for v in VECTOR_OUTPUTS)])
            raise ModelError(f"unknown activation {name!r} for layer {position}; known: {known}")


def _is_identity(activation: Callable[[Expr], Expr]) -> bool:
    probe = Dummy("probe")
    return activation(probe) == probe


def mlp(widths: Sequence[int], activations: Sequence[str] | None = None, loss: str = "bce",
        form: str = "matrix", l2: bool = False) -> Model:
    r"""A multilayer perceptron of any depth and width, for one sample.

    `widths` = [n_0, n_1, …, n_L]: n_0 inputs, then the width of each layer. Layer l
    computes z^{(l)} = W^{(l)} a^{(l−1)} + b^{(l)} and a^{(l)} = g_l(z^{(l)}) with a^{(0)} = x;
    `activations` names g_1 … g_L from `ACTIVATIONS` ("softmax" is allowed last). The loss
    is "bce", "ce" (one-hot targets) or "squared_error" between y and a^{(L)}. The
    backprop deltas δ^{(l)} = ∂L/∂z^{(l)} are named as the model's adjoints.

    >>> model = mlp([2, 3, 1], ["relu", "sigmoid"], loss="bce")
    >>> [str(name) for name in model.definitions]
    ['z^{(1)}', 'a^{(1)}', 'z^{(2)}', 'a^{(2)}', 'L']
    """
    _check_form(form)
    if len(widths) < 2:
        raise ModelError("an MLP needs at least two widths: the inputs and one layer")
    for position, width in enumerate(widths):
        _check_size(f"width {position}", width)
    if loss not in LOSSES:
        raise ModelError(f"unknown loss {loss!r}; known: {', '.join(LOSSES)}")
    layers = len(widths) - 1
    activations = list(activations or _default_activations(layers, loss))
    _check_activations(activations, layers)
    build = _matrix_layers if form == "matrix" else _scalar_layers
    definitions, parameters, weights, x, y, output, adjoints = build(widths, activations)
    _with_loss(definitions, LOSSES[loss](y, output), weights, l2)
    constraints = ()
    if loss == "ce":
        constraints = (_one_hot(y),) if form == "matrix" else (Eq(Add(*y), 1),)
    shape = "-".join(str(w) for w in widths)
    return Model(f"MLP {shape} ({', '.join(activations)}), {loss}", form, definitions,
                 parameters=tuple(parameters), inputs=tuple(x if form == "scalar" else [x]),
                 targets=tuple(y if form == "scalar" else [y]), adjoints=adjoints,
                 constraints=constraints)


def _matrix_layers(widths: Sequence[int], activations: Sequence[str]) -> tuple:
    x = MatrixSymbol("x", widths[0], 1)
    previous = x
    definitions: dict = {}
    parameters: list = []
    weights: list = []
    adjoints: dict = {}
    for layer, (width, name) in enumerate(zip(widths[1:], activations, strict=True), 1):
        W = MatrixSymbol(_layer("W", layer), width, widths[layer - 1])
        b = MatrixSymbol(_layer("b", layer), width, 1)
        z = MatrixSymbol(_layer("z", layer), width, 1)
        a = MatrixSymbol(_layer("a", layer), width, 1)
        definitions[z] = W * previous + b
        if name in VECTOR_OUTPUTS:
            definitions[a] = VectorFunction(VECTOR_OUTPUTS[name], z)
        elif _is_identity(ACTIVATIONS[name]):
            definitions[a] = z
        else:
            definitions[a] = z.applyfunc(ACTIVATIONS[name])
        adjoints[z] = MatrixSymbol(_layer(r"\delta", layer), width, 1)
        parameters += [W, b]
        weights.append(W)
        previous = a
    y = MatrixSymbol("y", widths[-1], 1)
    return definitions, parameters, weights, x, y, previous, adjoints


def _scalar_layers(widths: Sequence[int], activations: Sequence[str]) -> tuple:
    x = [_indexed("x", k) for k in range(1, widths[0] + 1)]
    previous = x
    definitions: dict = {}
    parameters: list = []
    weights: list = []
    adjoints: dict = {}
    for layer, (width, name) in enumerate(zip(widths[1:], activations, strict=True), 1):
        rows = range(1, width + 1)
        W = [[_indexed(_layer("w", layer), j, k) for k in range(1, len(previous) + 1)]
             for j in rows]
        b = [_indexed(_layer("b", layer), j) for j in rows]
        z = [_indexed(_layer("z", layer), j) for j in rows]
        a = [_indexed(_layer("a", layer), j) for j in rows]
        for j in range(width):
            definitions[z[j]] = Add(*[w * p for w, p in zip(W[j], previous, strict=True)]) + b[j]
            adjoints[z[j]] = _indexed(_layer(r"\delta", layer), j + 1)
        for j in range(width):
            if name in VECTOR_OUTPUTS:
                definitions[a[j]] = VECTOR_OUTPUTS[name](j + 1, *z)
            else:
                definitions[a[j]] = ACTIVATIONS[name](z[j])
        for j in range(width):
            parameters += W[j]
        parameters += b
        weights += [w for row in W for w in row]
        previous = a
    y = [_indexed("y", j) for j in range(1, widths[-1] + 1)]
    return definitions, parameters, weights, x, y, previous, adjoints


# --------------------------------------------------------------------------- own definitions


def model_from_definitions(definitions: Mapping[Basic, Basic],
                           reported: Sequence[Basic] = ()) -> Model:
    r"""A model from definitions given in order, such as those read from `--given`.

    Every symbol that is used but not defined is a variable one may differentiate with
    respect to; the last definition is the loss, a scalar (or a 1×1 matrix). With vectors
    and matrices among the definitions the model is in matrix form.

    >>> from sympy import symbols
    >>> z, w, x, L = symbols("z w x L")
    >>> model_from_definitions({z: w * x, L: z**2}).parameters
    (w, x)
    """
    definitions = dict(definitions)
    loss, value = next(reversed(definitions.items()), (None, None))
    if isinstance(value, MatrixExpr) and value.shape != (1, 1):
        rows, columns = value.shape
        raise ModelError(f"the loss {loss} is {rows}×{columns}, not a scalar; the last "
                         f"definition is the loss, such as \\frac{{1}}{{2}}(z - y)^T (z - y)")
    variables: list[Basic] = []
    for expression in definitions.values():
        sizes = _dimensions(expression)
        for symbol in sorted(expression.free_symbols - sizes, key=str):
            if symbol not in definitions and symbol not in variables:
                variables.append(symbol)
    form = "matrix" if any(isinstance(e, MatrixExpr) for e in definitions.values()) else "scalar"
    return Model("given definitions", form, definitions, parameters=tuple(variables),
                 reported=tuple(reported))


def _dimensions(expression: Basic) -> set[Basic]:
    """The symbols that size the matrices of an expression (the m, n of an m×n W)."""
    matrices = expression.atoms(MatrixExpr) | ({expression} if isinstance(expression, MatrixExpr)
                                               else set())
    return {symbol for matrix in matrices for size in matrix.shape
            for symbol in getattr(size, "free_symbols", ())}


# --------------------------------------------------------------------------- bundled models


@dataclass(frozen=True)
class Bundled:
    """A model `derivcheck grad NAME` knows: its builder, a one-line summary, its form."""

    build: Callable[..., Model]
    summary: str
    form: str
    options: tuple[str, ...]


BUNDLED_MODELS: dict[str, Bundled] = {
    "linear-mse": Bundled(linear_regression,
                          "linear regression, mean squared error over N samples",
                          "scalar", ("features", "l2")),
    "logistic-bce": Bundled(logistic_regression,
                            "logistic regression, binary cross-entropy",
                            "scalar", ("features", "l2")),
    "softmax-ce": Bundled(softmax_regression,
                          "softmax regression, categorical cross-entropy, one-hot targets",
                          "matrix", ("features", "classes", "l2")),
    "mlp": Bundled(mlp, "multilayer perceptron: --widths, --activations, --loss",
                   "matrix", ("widths", "activations", "loss", "l2")),
}


def bundled_model(name: str, form: str | None = None, **options: Any) -> Model:
    """Build a bundled model by name; options that are None are left at their defaults.

    >>> bundled_model("mlp", widths=[2, 2, 1]).name
    'MLP 2-2-1 (sigmoid, sigmoid), bce'
    """
    if name not in BUNDLED_MODELS:
        raise ModelError(f"no bundled model {name!r}; known: {', '.join(BUNDLED_MODELS)}")
    entry = BUNDLED_MODELS[name]
    given = {key: value for key, value in options.items() if value is not None}
    unused = [key for key in given if key not in entry.options]
    if unused:
        raise ModelError(f"{name} takes no {', '.join('--' + k for k in unused)}; "
                         f"it takes {', '.join('--' + k for k in entry.options)}")
    if name == "mlp" and "widths" not in given:
        raise ModelError("mlp needs --widths, such as --widths 3,4,2")
    return entry.build(form=form or entry.form, **given)
