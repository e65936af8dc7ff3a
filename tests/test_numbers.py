"""Printed numbers: what counts as one, its last digit's unit, and numbers in place of names."""

from __future__ import annotations

import pytest
import sympy

from symbolic.context import Context
from symbolic.notation import parse_side
from symbolic.numbers import (
    exact_value,
    literal_precision,
    printed_number,
    printed_text,
    substituted_numbers,
)


@pytest.mark.parametrize(("text", "value", "unit", "whole"), [
    ("0.798", "0.798", "0.001", False),
    ("-0.2", "-0.2", "0.1", False),
    ("3", "3", "1", True),
    (r"3.49 \times 10^{-32}", "3.49e-32", "1e-34", False),
    (r"10^{-8}", "1e-8", "1e-8", False),
    (r"(0.5)", "0.5", "0.1", False),
])
def test_a_printed_number_and_the_unit_of_its_last_digit(text, value, unit, whole):
    number = printed_number(parse_side(text))
    assert number.value == sympy.Rational(value) and number.unit == sympy.Rational(unit)
    assert number.whole is whole


@pytest.mark.parametrize("text", [r"0.4 \times -0.5", "x", r"2^{3}", r"1 + 2"])
def test_arithmetic_and_names_are_not_printed_numbers(text):
    assert printed_number(parse_side(text)) is None


def test_printed_text_is_the_number_as_written():
    assert printed_text(parse_side(r"3.49 \times 10^{-32}")) == r"3.49 \times 10^{-32}"
    assert printed_text(parse_side("-0.2")) == "-0.2"


def test_literal_precision_comes_from_the_rounded_decimals():
    assert literal_precision(parse_side(r"0.51 \times 3")) == pytest.approx(0.01 / 0.51)
    assert literal_precision(parse_side(r"0.5 \times 3")) == 0.0   # one digit: exact


def test_exact_values_are_rational_when_they_can_be():
    context = Context.from_given([r"z = w + 1"], values={"w": "0.5"})
    assert exact_value(context, parse_side("z")) == sympy.Rational(3, 2)
    assert exact_value(context, parse_side(r"\ln 2")).evalf(10) == sympy.log(2).evalf(10)
    assert exact_value(context, parse_side("x")) is None


def test_substitution_reads_through_definitions_and_either_order_of_a_product():
    context = Context.from_given([r"z = w x + b"], values={"w": 2, "x": 0.25, "b": 1})
    assert substituted_numbers(context, parse_side("z"), parse_side(r"0.25 \times 2 + 1"))
    assert substituted_numbers(context, parse_side("z"), parse_side(r"0.4 \times 2 + 1")) is None
    assert substituted_numbers(context, parse_side("z"), parse_side("1.5")) is None  # a number
