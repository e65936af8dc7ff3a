"""Index notation's summation convention (`symbolic.notation.summation`)."""

import pytest

from symbolic.notation import ast as A
from symbolic.notation import parse_side
from symbolic.notation.summation import summation_convention


def read(left: str, right: str):
    return summation_convention(parse_side(left), parse_side(right))


def sums_of(node: A.Node) -> list[str]:
    return [n.index for n in A.walk(node) if isinstance(n, A.SumOver)]


def test_letters_written_twice_in_a_product_are_summed_where_they_stand():
    left, right, letters = read(r"\delta_{jp}\delta_{kq}A_{ij}B_{ki}", r"A_{ip}B_{qi}")
    assert letters == ("i", "j", "k")
    assert sorted(sums_of(left)) == ["i", "j", "k"] and sums_of(right) == ["i"]


def test_a_derivative_s_numerator_is_summed_inside_the_derivative():
    left, _, letters = read(r"\frac{\partial (A_{ij} X_{jk} B_{ki})}{\partial X_{pq}}",
                            r"A_{ip} B_{qi}")
    assert letters == ("i", "j", "k")
    assert isinstance(left, A.Partial) and sorted(sums_of(left.numerator)) == ["i", "j", "k"]


def test_a_sum_without_bounds_holds_its_own_letter():
    left, right, letters = read(r"B_{qi} A_{ip}", r"\sum_k B_{qk} A_{kp}")
    assert letters == ("i",)
    assert sums_of(left) == ["i"] and sums_of(right) == ["k"]


def test_a_repeated_subscript_of_one_name_is_its_trace():
    left, _, letters = read(r"\frac{\partial X_{ii}}{\partial X_{kl}}", r"\delta_{kl}")
    assert letters == ("i",) and sums_of(left) == ["i"]


@pytest.mark.parametrize(("left", "right"), [
    (r"\frac{\partial L}{\partial z_i}", r"(a_i - y_i) a_i"),           # i free on the left
    (r"\frac{\partial z^1_j}{\partial w^1_{k,j}}", r"a^0_k"),          # j of a derivative
    (r"\sum_{j=1}^{n} x_j y_j", r"x_i y_i"),                            # bounds written
    (r"(a_i b_i)^2", r"c"),                                             # where is the sum?
    (r"a_i b_i c_i", r"d"),                                             # three times
    (r"x_i y_i + z_j", r"w_j"),                                         # terms disagree
    (r"a_i b_i", r"c^{(i)}"),                                           # i elsewhere too
    (r"\frac{\partial L}{\partial w}", r"x"),                           # nothing repeated
])
def test_a_relation_not_in_clean_index_notation_reads_as_written(left, right):
    assert read(left, right) is None
