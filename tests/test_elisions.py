"""Sums written with an elision (symbolic.notation.elisions): the terms around it give the
pattern, or the elision is not read."""

from __future__ import annotations

import pytest

from symbolic import check_claim
from symbolic.errors import MeaningError, ParseError
from symbolic.notation import ast as A
from symbolic.notation import parse_side
from symbolic.notation.rewrite import without_positions


def test_terms_that_count_up_one_index_are_their_sum():
    node = without_positions(parse_side(r"x_1 + x_2 + \cdots + x_n"))
    assert node == A.SumOver("k", A.Num("1"), A.Name("n"), A.Name("x", (A.Name("k"),)))


def test_a_term_outside_the_pattern_stays_outside_the_sum():
    node = without_positions(parse_side(r"\hat{w}_0 + \hat{w}_1 x_1 + \cdots + \hat{w}_n x_n"))
    assert isinstance(node, A.BinOp) and node.op == "+"
    assert node.left == A.Name(r"\hat{w}", (A.Num("0"),))
    assert isinstance(node.right, A.SumOver) and node.right.lower == A.Num("1")


def test_a_capital_subscript_ends_the_count():
    node = without_positions(parse_side(r"e^{z_1} + \cdots + e^{z_K}"))
    assert isinstance(node, A.SumOver) and node.upper == A.Name("K")


def test_a_numbered_end_must_lie_past_the_terms_written():
    node = without_positions(parse_side(r"w_1 x_1 + w_2 x_2 + \dots + w_5 x_5"))
    assert isinstance(node, A.SumOver) and node.upper == A.Num("5")
    with pytest.raises(MeaningError, match="elision"):
        parse_side(r"x_1 + x_2 + x_3 + \dots + x_2")


@pytest.mark.parametrize("text", [
    r"x_1 + x_2 + \cdots",                  # no last term
    r"x_1 + x_3 + \cdots + x_n",            # does not count by one
    r"x_1 + \cdots + y_n",                  # not one pattern
    r"a - x_1 + \cdots + x_n",              # the term before is subtracted
    r"x_0 - x_1 + x_2 + \cdots + x_n",      # a subtracted term like them does not count
    r"x_1 + \cdots + x_1",                  # nothing counts
])
def test_an_elision_without_a_pattern_is_not_read(text):
    with pytest.raises(MeaningError, match="elision"):
        parse_side(text)


def test_a_derivative_through_an_elided_sum_is_checked():
    given = [r"z = w_1 x_1 + w_2 x_2 + \dots + w_m x_m + b"]
    assert check_claim(r"\frac{\partial z}{\partial w_j} = x_j", given=given).verdict == "valid"
    wrong = check_claim(r"\frac{\partial z}{\partial w_j} = w_j", given=given)
    assert wrong.verdict == "invalid"


@pytest.mark.parametrize(("text", "stacked"), [
    (r"[x_1, x_2, \dots, x_n]", "list"),
    (r"(x_1, \ldots, x_n)", "list"),
    (r"\left(x_1, \ldots, x_n\right)", "list"),
    (r"\begin{bmatrix} x_1 \\ \vdots \\ x_n \end{bmatrix}", "column"),
    (r"\begin{bmatrix} x_1 & \cdots & x_n \end{bmatrix}", "row"),
])
def test_a_vector_written_with_an_elision_is_the_run_of_its_entries(text, stacked):
    node = without_positions(parse_side(text))
    assert node == A.SumOver("k", A.Num("1"), A.Name("n"), A.Name("x", (A.Name("k"),)),
                             stacked=stacked)


@pytest.mark.parametrize("text", [
    r"[1, x_1, \dots, x_n]",                # an entry outside the run
    r"[2 x_1, \dots, x_n]",                 # no pattern
    r"(x_1, \dots, x_n, 1)",                 # in parentheses too
])
def test_a_list_without_a_run_is_not_read_as_a_vector(text):
    with pytest.raises((MeaningError, ParseError)):
        parse_side(text)


def test_a_pair_in_parentheses_is_a_vector_and_after_in_an_interval():
    pair = parse_side("(0, 1)")
    assert isinstance(pair, A.MatrixLiteral) and pair.listed
    assert [entry.text for entry in pair.rows[0]] == ["0", "1"]
    with pytest.raises(ParseError):
        parse_side(r"x \in (0, 1)")


def test_a_vector_defined_by_its_elided_entries_declares_its_length():
    given = [r"\mathbf{x} = [x_1, x_2, \dots, x_n]^T", r"L = \mathbf{x}^T \mathbf{x}"]
    assert check_claim(r"\frac{\partial L}{\partial x_j} = 2 x_j", given=given).verdict == "valid"
    assert check_claim(r"\frac{\partial L}{\partial x_j} = x_j", given=given).verdict == "invalid"


def test_a_gradient_written_entry_by_entry_with_an_elision_is_checked():
    given = [r"f(x) = x^T x"]
    right = r"\nabla f(x) = [2 x_1, \dots, 2 x_n]^T"
    assert check_claim(right, given=given).verdict == "valid"
    assert check_claim(r"\nabla f(x) = [x_1, \dots, x_n]^T", given=given).verdict == "invalid"
