"""∂A/∂B against a context: layouts, upstream gradients, the diagonal reading."""

from __future__ import annotations

import sympy

from symbolic import check_claim
from symbolic.context import Context
from symbolic.derivatives import diagonal_reading, gradient_symbol, partial
from symbolic.notation.build import Instance
from symbolic.notation.names import Var


def test_diagonal_reading_leaves_a_full_matrix_alone():
    full = sympy.ImmutableMatrix([[1, 2], [0, 1]])
    vector = sympy.ImmutableMatrix([[1, 1]])
    assert diagonal_reading(full, vector) == (full, vector)
    diagonal = sympy.ImmutableMatrix([[3, 0], [0, 4]])
    assert diagonal_reading(diagonal, vector)[0] == sympy.ImmutableMatrix([[3, 4]])


def test_a_derivative_follows_definitions_and_holds_the_variable():
    context = Context.from_given([r"z = w x + b", r"f = z^2"])
    f, z, w, x, b = (Var(n) for n in "fzwxb")
    assert partial(context, f, z, Instance()) == 2 * z
    assert sympy.expand(partial(context, f, w, Instance()) - 2 * x * (w * x + b)) == 0


def test_an_undefined_name_has_an_upstream_gradient_through_the_outputs():
    context = Context.from_given([r"y = w x"])
    L, y, w, x = (Var(n) for n in ("L", "y", "w", "x"))
    assert partial(context, L, w, Instance()) == gradient_symbol(L, y) * x


LAYOUT_GIVEN = [r"h = \sigma(z)"]
LAYOUT_SHAPES = {"h": [2, 1], "z": [2, 1]}


def test_mixed_layout_keeps_the_gradient_shape_and_transposes_the_jacobian():
    W_shapes = {"W": [2, 3], "x": [3, 1], "y": [2, 1]}
    # the Jacobian of y = W x by x is W in numerator (and mixed) layout, W^T in denominator
    mixed = {"layout": "mixed"}
    assert check_claim(r"\frac{\partial y}{\partial x} = W", given=[r"y = W x"],
                       shapes=W_shapes, conventions=mixed).verdict == "valid"
    assert check_claim(r"\frac{\partial y}{\partial x} = W^T", given=[r"y = W x"],
                       shapes=W_shapes).verdict == "valid"
    # the gradient of a scalar keeps the variable's shape in mixed layout
    assert check_claim(r"\frac{\partial s}{\partial x} = W^T \mathbf{1}_2", given=[
        r"s = \sum_{i=1}^{2} y_i", r"y = W x"], shapes=W_shapes,
        conventions=mixed).verdict == "valid"


def test_a_kept_derivative_is_the_one_sympy_gives_for_those_very_expressions():
    """The per-process table of derivatives is keyed by the expression and the variable:
    a symbol of the same name with other assumptions, or another expression, is another
    entry, never a stale one."""
    from symbolic.derivatives import derivative

    x = sympy.Symbol("x")
    positive = sympy.Symbol("x", positive=True)
    assert derivative(x**2, x) == 2 * x
    assert derivative(x**2, positive) == 0                 # another symbol altogether
    assert derivative(positive**2, positive) == 2 * positive
    assert derivative(sympy.sin(x), x) == sympy.cos(x)
    assert derivative(sympy.Matrix([x**2]), x) == sympy.Matrix([2 * x])   # no hash: as is


def test_a_later_layer_defined_nowhere_may_depend_on_the_variable():
    # ŷ = a^{[2]}, a^{[2]} defined nowhere: as read ∂ŷ/∂z^{[2]} is 0 and the chain without
    # σ' held as 0 = 0; a layer's activation is computed from that layer and earlier ones
    given = [r"L = \tfrac{1}{2} (\hat y - y)^2", r"\hat y = a^{[2]}"]
    claim = (r"\tfrac{dL}{dw^{[1]}} = \tfrac{dL}{d\hat y} \cdot \tfrac{d\hat y}{dz^{[2]}} "
             r"\cdot \tfrac{dz^{[2]}}{da^{[1]}} \cdot \tfrac{dz^{[1]}}{dw^{[1]}}")
    result = check_claim(claim, given=given)
    assert result.verdict == "undecided" and "a^{(2)}" in result.message
    # a later layer's parameter cannot reach an earlier layer: 0 is right
    later = check_claim(r"\frac{\partial L}{\partial b^{[3]}} = 0",
                        given=[r"L = \frac{1}{2} (a^{[2]} - y)^2"])
    assert later.verdict == "valid"


def test_a_definition_that_holds_another_s_body_is_read_through_it():
    # ŷ = σ(w^T x + b) holds z's body: ∂ŷ/∂z is σ'(z), also with σ written out (e^{-z})
    given = [r"\hat{y} = \sigma(w^T x + b)", "z = w^T x + b", r"\sigma(z) = \frac{1}{1 + e^{-z}}"]
    assert check_claim(r"\frac{\partial \hat{y}}{\partial z} = \hat{y}(1-\hat{y})",
                       given=given).verdict == "valid"
    assert check_claim(r"\frac{\partial \hat{y}}{\partial z} = \hat{y}(1+\hat{y})",
                       given=given).verdict == "invalid"
    context = Context.from_given([r"f = (w x + b)^2 + c", "z = w x + b"])
    f, z = Var("f"), Var("z")
    assert sympy.expand(partial(context, f, z, Instance()) - 2 * z) == 0
    # names of the body that also enter otherwise: what ∂L/∂u holds fixed is not said
    mixed = check_claim(r"\frac{\partial L}{\partial u} = 2 u",
                        given=[r"L = (a x - c)^2 + x^2", "u = a x - c"])
    assert mixed.verdict == "undecided" and "not written through u" in mixed.message
