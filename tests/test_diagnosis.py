"""Naming the mistake of an invalid link: symbolic.diagnosis and symbolic.notation.rewrite.

The corpus (tests/test_corpus.py) checks the kind of every mutated twin; these tests pin
each kind on claims written for this file, the repairs themselves, and the rule that a
diagnosis never changes a verdict.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from symbolic import check_claim, claims
from symbolic import diagnosis as D
from symbolic.notation import ast as A
from symbolic.notation import parse_side
from symbolic.notation.resolve import Snapshot, resolve
from symbolic.notation.rewrite import (
    inside_call,
    replace_at,
    subtrees,
    swap,
    to_latex,
    without_positions,
)


def kind_of(claim, **context):
    result = check_claim(claim, **context)
    wrong = [link for link in result.links if link.verdict == "invalid"]
    assert wrong, f"expected an invalid link: {result.message}"
    return wrong[0].diagnosis_kind, wrong[0].diagnosis


# -- the tree edits ---------------------------------------------------------------------------
def test_subtrees_and_replace_at_round_trip():
    tree = parse_side(r"(f - y)\,x_1")
    paths = {to_latex(node): path for path, node in subtrees(tree)}
    changed = replace_at(tree, paths["x_{1}"], parse_side("x_2"))
    assert to_latex(changed) == "(f - y) x_{2}"
    assert to_latex(tree) == "(f - y) x_{1}"          # trees are never edited in place


def test_swap_ignores_positions_and_can_skip_function_arguments():
    tree = resolve(parse_side(r"\sigma(u_1 v) u_2 + \sigma(u_2 v) u_1"), Snapshot()).tree
    u1, u2 = parse_side("u_1"), parse_side("u_2")
    assert to_latex(swap(tree, u1, u2)) == r"\sigma(u_{2} v) u_{1} + \sigma(u_{1} v) u_{2}"
    outside = swap(tree, u1, u2, where=lambda path: not inside_call(path))
    assert to_latex(outside) == r"\sigma(u_{1} v) u_{1} + \sigma(u_{2} v) u_{2}"


def test_without_positions_makes_equal_notation_equal():
    assert parse_side("a + w_1") != parse_side("w_1")
    first = [n for _, n in subtrees(parse_side("a + w_1")) if isinstance(n, A.Name)][-1]
    assert without_positions(first) == without_positions(parse_side("w_1"))


def test_to_latex_prints_calls_primes_and_fractions():
    assert to_latex(parse_side(r"\sigma'(z)")) == r"\sigma'(z)"
    assert to_latex(parse_side(r"\frac{a}{b}")) == r"\frac{a}{b}"
    assert to_latex(parse_side(r"\operatorname{ReLU}(-0.3)")) == r"\operatorname{ReLU}(-0.3)"


# -- each kind, on claims written for this file ----------------------------------------------
def test_sign():
    assert kind_of(r"\frac{d}{dx} x^2 = -2x")[0] == "sign"


def test_constant_factor():
    kind, message = kind_of(r"\frac{d}{dx} x^3 = x^2")
    assert kind == "factor" and r"\frac{1}{3}" in message


def test_factor_that_is_a_quantity():
    kind, message = kind_of(r"\frac{d}{dx} e^{a x} = e^{a x}")
    assert kind == "factor" and "a" in message


def test_activation_for_its_derivative():
    kind, message = kind_of(r"\frac{d}{dz}\tanh(z) = \tanh(z)")
    assert kind == "sigma-prime" and "tanh" in message


def test_derivative_for_the_activation():
    kind, _ = kind_of(r"\frac{d}{dz}\ln(1 + e^{z}) = \sigma'(z)")
    assert kind == "sigma-prime"


def test_two_quantities_swapped():
    kind, message = kind_of(r"\frac{\partial}{\partial p}(q \ln p) = \frac{p}{q}",
                            conventions={"symbols": {"p": "positive", "q": "positive"}})
    assert kind == "swapped" and "p" in message and "q" in message


def test_wrong_index():
    kind, message = kind_of(r"\frac{\partial z}{\partial x_2} = a_1",
                            given=[r"z = a_1 x_1 + a_2 x_2"])
    assert (kind, message) == ("index", "a_{1} written where a_{2} belongs")


def test_wrong_summation_index():
    kind, _ = kind_of(r"\frac{\partial}{\partial z_j}\sum_{k=1}^{K} c_k z_k = c_k")
    assert kind == "index"


def test_ocr_slip_that_explains_the_line():
    kind, message = kind_of(r"\frac{\partial}{\partial y}\frac{1}{2}(y - t)^2 = J - t")
    assert kind == "ocr" and "'J' is likely an OCR slip for y" in message


def test_extra_term():
    kind, message = kind_of(r"\frac{d}{dx}\left(x^2 + 3x\right) = 2x + 3 + x")
    assert kind == "term" and "x" in message


def test_missing_term():
    assert kind_of(r"\frac{d}{dx}\left(x^2 + 3x\right) = 2x")[0] == "term"


def test_transpose_in_a_matrix_claim():
    kind, _ = kind_of(r"\frac{\partial}{\partial x}\left(a^\top A x\right) = A a",
                      shapes={"a": [3, 1], "A": [3, 3], "x": [3, 1]})
    assert kind == "transpose"


# -- worked numbers ---------------------------------------------------------------------------
def test_number_off_by_two():
    kind, message = kind_of(r"e^{2} = 14.78")
    assert kind == "factor" and "2" in message


def test_number_that_is_the_derivative_of_what_was_asked():
    kind, _ = kind_of(r"\sigma(0) = 0.25")
    assert kind == "sigma-prime"


def test_number_with_a_lost_sign_names_the_expression_computed():
    kind, message = kind_of(r"1 - 0.2 \times (0.5 - 1) = 0.9")
    assert kind == "sign"
    assert message == r"the printed value is that of 1 + 0.2 \times (0.5 - 1)"


def test_number_with_a_wrong_element():
    kind, message = kind_of(r"\frac{e^{2}}{e^{1} + e^{2}} = 0.269")
    assert kind == "index" and "e^{1}" in message.split("that of")[1].split("}{")[0]


# -- a diagnosis is a courtesy ----------------------------------------------------------------
def test_valid_claims_carry_no_diagnosis():
    result = check_claim(r"\frac{d}{dz}\sigma(z) = \sigma(z)(1 - \sigma(z))")
    assert result.verdict == "valid" and result.links[0].diagnosis_kind is None


def test_a_failing_diagnosis_never_costs_the_verdict(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("diagnosis bug")

    monkeypatch.setenv("DERIVCHECK_ISOLATION", "off")   # the patch is in this process
    monkeypatch.setattr(claims, "diagnose", broken)
    monkeypatch.setattr(claims, "number_diagnosis", broken)
    for claim in (r"\frac{d}{dx} x^2 = -2x", r"e^{2} = 14.78"):
        result = check_claim(claim)
        assert result.verdict == "invalid" and result.counterexample is not None
        assert result.links[0].diagnosis_kind is None


def test_first_repair_stops_at_the_first_that_holds_and_skips_broken_ones():
    tree = parse_side("a + b")
    seen = []

    def holds(candidate):
        seen.append(to_latex(candidate))
        if to_latex(candidate) == "b":
            raise ValueError("cannot build")
        return to_latex(candidate) == "a"

    found = D.first_repair(D.term_repairs(tree), holds)
    assert found == D.Diagnosis("term", "an extra term b on the right side")
    assert seen == ["a"]


def test_first_repair_counts_distinct_repairs_against_its_limit():
    """A repair written twice is tried once and does not use up the limit: the third
    distinct repair is reached with a limit of 3, not with 2."""
    trees = [parse_side(text) for text in ("a", "a", "b", "a", "c")]
    candidates = [D.Repair("term", to_latex(tree), tree) for tree in trees]
    tried = []

    def holds(candidate):
        tried.append(to_latex(candidate))
        return to_latex(candidate) == "c"

    assert D.first_repair(iter(candidates), holds, limit=2) is None
    assert tried == ["a", "b"]
    assert D.first_repair(iter(candidates), holds, limit=3) == D.Diagnosis("term", "c")


@pytest.mark.parametrize(("ratio", "shown"), [(-1.0, "-1"), (0.5, r"\frac{1}{2}"),
                                              (1e-3, "10^{-3}"), (np.log(10), r"\ln 10")])
def test_nice_constants(ratio, shown):
    assert D.nice_constant(float(ratio))[1] == shown


def test_simple_constants_for_rounded_numbers_refuse_odd_fractions():
    assert D.nice_constant(0.8, rtol=0.01) is not None
    assert D.nice_constant(0.8, rtol=0.01, simple=True) is None


def test_no_diagnosis_from_degenerate_values():
    given = [r"p_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}"]
    for claim in (r"\sum_j \frac{\partial p_i}{\partial z_j} = 1",
                  r"\sum_j \frac{\partial p_j}{\partial z_j} = 0"):
        result = check_claim(claim, given=given)
        assert result.verdict == "invalid"
        assert result.links[0].diagnosis_kind not in ("sigma-prime", "factor"), result.message


# -- properties: a known mistake in a random expression gets its kind ------------------------
ATOMS = st.sampled_from(["x", "y", "w_1", r"\sigma(x)", r"e^{y}", "2", r"\frac{1}{2}"])


@st.composite
def expressions(draw, depth=2):
    if depth == 0:
        return draw(ATOMS)
    a, b = draw(expressions(depth=depth - 1)), draw(expressions(depth=depth - 1))
    op = draw(st.sampled_from(["+", "-", r"\cdot"]))
    return f"\\left({a} {op} {b}\\right)"


def _varies(a: str) -> bool:
    """Whether the expression is a non-constant function of its letters."""
    return check_claim(f"{a} = {a} + 0 x").verdict == "valid" and \
        check_claim(r"\frac{\partial}{\partial x} " + a + " + " + r"\frac{\partial}{\partial y} "
                    + a + r" + \frac{\partial}{\partial w_1} " + a + " = 0").verdict == "invalid"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=expressions(), mistake=st.sampled_from([("-1", "sign"), ("2", "factor"),
                                                 (r"\frac{1}{m}", "factor")]))
def test_a_multiple_of_the_truth_is_a_sign_or_factor(a, mistake):
    assume(_varies(a))
    factor, kind = mistake
    result = check_claim(f"{a} = {factor} \\left({a}\\right)")
    assert result.verdict == "invalid"
    assert result.links[0].diagnosis_kind == kind, result.message


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=expressions(), extra=st.sampled_from(["3", "z", r"z^2 y"]))   # never a multiple of a
def test_an_added_term_is_a_term(a, extra):
    assume(_varies(a))
    result = check_claim(f"{a} = {a} + {extra}")
    assert result.verdict == "invalid"
    assert result.links[0].diagnosis_kind == "term", result.message
