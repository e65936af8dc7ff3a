"""The resolve pass: each reading decided once, from a snapshot, and recorded."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from symbolic import check_claim
from symbolic.errors import MeaningError
from symbolic.notation import ast as A
from symbolic.notation import parse_side
from symbolic.notation.resolve import Snapshot, resolve
from symbolic.notation.trees import walk


def read(text: str, **snapshot) -> A.Node:
    return resolve(parse_side(text), Snapshot(**snapshot)).tree


def test_a_value_before_parentheses_is_a_product():
    node = read("f(1 - f)", values=frozenset({"f"}))
    assert isinstance(node, A.BinOp) and node.op == "juxt"


def test_an_undefined_function_letter_before_parentheses_is_any_function():
    node = read("f(x)")
    assert isinstance(node, A.Call) and node.callee is A.Callee.ARBITRARY


def test_a_defined_function_is_called():
    node = read("g(u)", functions=frozenset({"g"}))
    assert isinstance(node, A.Call) and node.callee is A.Callee.DEFINED


def test_sigma_is_the_sigmoid_unless_declared_a_symbol():
    assert read(r"\sigma(z)").callee is A.Callee.KNOWN
    as_symbol = read(r"\sigma(z)", sigma_is_symbol=True)
    assert isinstance(as_symbol, A.BinOp) and as_symbol.op == "juxt"


def test_a_name_declared_a_function_is_called():
    node = read("a(z)", kinds=MappingProxyType({"a": "function"}))
    assert isinstance(node, A.Call) and node.callee is A.Callee.ARBITRARY


def test_an_unknown_operator_name_has_no_meaning_and_says_how_to_declare_it():
    with pytest.raises(MeaningError, match=r"operatorname\{foo\}.*not known") as caught:
        read(r"\operatorname{foo}(z)")
    assert "conventions: {symbols: {foo: function}}" in str(caught.value)


def test_a_layer_superscript_is_an_index_when_superscripts_are_indices():
    node = read(r"a^{l-1}_k", superscripts="index")
    assert isinstance(node, A.Name) and node.sup and node.sub


def test_a_layer_letter_is_an_index_unless_superscripts_are_powers():
    assert isinstance(read("a^l"), A.Name) and isinstance(read("z^{L-1}"), A.Name)
    assert isinstance(read("a^l", superscripts="power"), A.Power)
    assert isinstance(read("x^n"), A.Power)           # n is no layer letter
    assert isinstance(read("x^2", superscripts="index"), A.Power)


def test_the_pass_leaves_no_application_behind_and_records_its_decisions():
    resolved = resolve(parse_side(r"f(1 - f) + g(z)"), Snapshot(values=frozenset({"f"})))
    assert not any(isinstance(n, A.BinOp) and n.op == "apply" for n in walk(resolved.tree))
    assert [str(r) for r in resolved.readings] == [
        "f(…) read as a product: f is a quantity here",
        "g(…) read as a call of g, any differentiable function (it is not defined here)"]


def test_the_report_shows_how_a_line_was_read():
    result = check_claim(r"\frac{\partial f}{\partial z} = f(1 - f)", given=[r"f = \sigma(z)"])
    assert result.verdict == "valid"
    assert "f(…) read as a product: f is a quantity here" in result.links[0].reading


def test_a_function_parameter_is_a_quantity_inside_the_body():
    # f is a parameter of g here, so f(1 - f) in g's body is a product, not a call
    result = check_claim(r"g(0.5) = 0.25", given=[r"g(f) = f(1 - f)"])
    assert result.verdict == "valid"


def test_the_derivative_of_a_defined_function_by_its_name():
    # \frac{df}{dx} with f(x) = … defined: the function's derivative, not an undefined f
    result = check_claim(r"\frac{\mathrm{d}f}{\mathrm{d}x} = 2x + \cos(x)",
                         given=[r"f(x) = x^2 + \sin(x)"])
    assert result.verdict == "valid"
    wrong = check_claim(r"\frac{df}{dx} = 2x", given=[r"f(x) = x^2 + \sin(x)"])
    assert wrong.verdict == "invalid"


def test_a_third_derivative_in_lagrange_notation():
    given = [r"f(x) = \sin(x) + \cos(x)"]
    assert check_claim(r"f^{(3)}(0) = -1", given=given).verdict == "valid"
    assert check_claim(r"f^{(3)}(0) = 1", given=given).verdict == "invalid"


def test_function_names_typed_as_plain_letters():
    assert check_claim(r"\frac{dy}{dx} = cos(x^2) 2x", given=["y = sin(x^2)"]).verdict == "valid"
    assert check_claim(r"tanh'(z) = 1 - tanh(z)^2").verdict == "valid"
    assert check_claim(r"a(b + c) = ab + ac").verdict == "valid"     # no function word


def test_a_symbol_kind_is_found_however_the_name_is_typeset():
    claim = r"\sum_j y_j = 1"
    assert check_claim(claim, conventions={"symbols": {r"\mathbf{y}": "one-hot"}},
                       shapes={"y": [3, 1]}).verdict == "valid"
