"""Every row of the notation table (docs/notation.md) is read on purpose."""

import pytest
import sympy

from symbolic import ParseError, check_claim
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain

SQUARE = {"A": [2, 2], "B": [2, 2]}

# (claim, given, shapes, conventions, expected verdict) — each pins one reading.
ROWS = [
    # derivatives
    (r"\frac{\partial L}{\partial w} = 2 w", ["L = w^2"], {}, {}, "valid"),
    (r"\nabla_w L = 2 w", ["L = w^2"], {}, {}, "valid"),
    (r"\partial L / \partial w = 2 w", ["L = w^2"], {}, {}, "valid"),
    (r"\frac{dL}{dw} = 2 w", ["L = w^2"], {}, {}, "valid"),
    # superscript indices are part of the name, never powers
    (r"x^{(2)} = x^2", [], {}, {}, "invalid"),
    (r"a^{(2)}_{1} + w^{(1)}_{1,1} = w^{(1)}_{1,1} + a^{(2)}_{1}", [], {}, {}, "valid"),
    (r"x^{(i)} = x^{(j)}", [], {}, {}, "invalid"),
    # transpose
    (r"(A B)^T = B^T A^T", [], SQUARE, {}, "valid"),
    (r"(A B)^\top = B^{\top} A^{\top}", [], SQUARE, {}, "valid"),
    (r"(A B)^{\mathsf{T}} = A^T B^T", [], SQUARE, {}, "invalid"),
    # element-wise products
    (r"u \odot v = v \odot u", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    (r"u \circ v = u \odot v", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    # sigma and its derivative
    (r"\sigma(z) = \frac{1}{1 + e^{-z}}", [], {}, {}, "valid"),
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", [], {}, {}, "valid"),
    (r"\sigma^{\prime}(z) = \sigma(z)", [], {}, {}, "invalid"),
    (r"\sigma(z) = \sigma z", [], {}, {"sigma": "symbol"}, "valid"),
    # logarithms
    (r"\log e = 1", [], {}, {}, "valid"),
    (r"\lg e = 1", [], {}, {}, "valid"),
    (r"\ln e^{z} = z", [], {}, {}, "valid"),
    (r"\log 100 = 2", [], {}, {"log": "10"}, "valid"),
    # exponentials
    (r"e^{z} = \exp(z)", [], {}, {}, "valid"),
    # decorated names are distinct symbols
    (r"\hat{y} = y", [], {}, {}, "invalid"),
    (r"\hat y - \hat{y} = 0", [], {}, {}, "valid"),
    (r"\bar{x} = x", [], {}, {}, "invalid"),
    (r"\mathbf{x} + \boldsymbol{x} = 2 x", [], {}, {}, "valid"),
    # known functions
    (r"\operatorname{softmax}(z)_1 = \frac{e^{z_1}}{\sum_j e^{z_j}}", [], {}, {}, "valid"),
    (r"\text{ReLU}(z) = \max(0, z)", [], {}, {}, "valid"),
    (r"\mathrm{LSE}(z) = \log \sum_j e^{z_j}", [], {}, {}, "valid"),
    (r"\frac{d}{dz} \text{ReLU}(z) = H(z)", [], {}, {}, "valid"),
    (r"\operatorname{softplus}(z) = \ln(1 + e^{z})", [], {}, {}, "valid"),
    # norms
    (r"\|v\|^2 = \sum_k v_k^2", [], {}, {}, "valid"),
    (r"\|v\|_2^2 = v^T v", [], {"v": [3, 1]}, {}, "valid"),
    # sums without bounds run over the index's range
    (r"\sum_j 1 = \sum_{j=1}^{K} 1", [], {}, {}, "valid"),
    (r"\sum_j e^{\theta_j} = e^{\theta_1} + e^{\theta_2} + e^{\theta_3}", [],
     {r"\theta": [1, 3]}, {}, "valid"),
    # an entry of a numbered matrix by three subscripts
    (r"\frac{\partial \theta_2}{\partial h_1} = W_{2,1,2}", [r"\theta = h W_2"],
     {"h": [1, 2], "W_2": [2, 2], r"\theta": [1, 2]}, {}, "valid"),
    # functions defined in `given`, and functions known only by name
    (r"g(3) = 10", ["g(u) = u^2 + 1"], {}, {}, "valid"),
    (r"\operatorname{CE}(y, q) = -y \log q", [r"\operatorname{CE}(a, b) = -a \log b"], {}, {},
     "valid"),
    (r"r(V x)^T r(V x) = \sum_{i=1}^{2} r(V_{i,1} x_1 + V_{i,2} x_2)^2", [],
     {"V": [2, 2], "x": [2, 1]}, {"symbols": {"r": "function"}}, "valid"),
    # i, j, k are indices, never the imaginary unit
    (r"i^2 = -1", [], {}, {}, "invalid"),
    # Kronecker delta and indicator
    (r"\sum_j \delta_{ij} z_j = z_i", [], {}, {}, "valid"),
    (r"\mathbb{1}[z > 0] = H(z)", [], {}, {}, "valid"),
    # trace, determinant, inverse, diag
    (r"\operatorname{tr}(A B) = \operatorname{tr}(B A)", [], SQUARE, {}, "valid"),
    (r"\det(A B) = \det A \det B", [], SQUARE, {}, "valid"),
    (r"(A^{-1})^T = (A^T)^{-1}", [], SQUARE, {}, "valid"),
    (r"\operatorname{diag}(v) u = v \odot u", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    # layout commands are not math
    (r"\left( a + b \right) \quad = \boxed{b + a}", [], {}, {}, "valid"),
    (r"a \text{ (by symmetry) } = a", [], {}, {}, "valid"),
]


@pytest.mark.parametrize(("claim", "given", "shapes", "conventions", "expected"), ROWS,
                         ids=[row[0][:40] for row in ROWS])
def test_notation_row(claim, given, shapes, conventions, expected):
    result = check_claim(claim, given=given, shapes=shapes, conventions=conventions)
    assert result.verdict == expected, result.message


def test_superscript_in_parentheses_is_an_index_not_a_power():
    node = parse_side(r"w^{(2)}_{1,1}")
    assert isinstance(node, A.Name)
    assert node.base == "w" and len(node.sup) == 1 and len(node.sub) == 2


def test_sigma_prime_is_a_derivative_not_a_product():
    node = parse_side(r"\sigma'(z)")
    assert isinstance(node, A.Call) and node.primes == 1


def test_sigma_of_a_sum_is_a_call():
    # the grammar of latex2sympy2 reads \sigma(x W + b) as a product; we do not
    node = parse_side(r"\sigma(x W + b)")
    assert isinstance(node, A.Call) and node.name == r"\sigma"


def test_relations_are_split_before_reading_and_never_solved():
    chain = split_chain(r"a = b \approx c \Rightarrow d")
    assert [s.text for s in chain.sides] == ["a", "b", "c", "d"]
    assert chain.relations == ("=", r"\approx", r"\Rightarrow")


def test_indicator_keeps_its_comparison_inside_brackets():
    chain = split_chain(r"\mathbb{1}[z > 0] = H(z)")
    assert chain.relations == ("=",)


def test_parse_error_quotes_the_fragment_with_a_caret():
    with pytest.raises(ParseError, match=r"unknown command \\foo") as info:
        parse_side(r"x + \foo y")
    text = str(info.value)
    assert r"x + \foo y" in text
    caret_line = text.splitlines()[2]
    assert caret_line.index("^") == text.splitlines()[1].index("\\")


def test_unclosed_group_says_how_to_fix_it():
    with pytest.raises(ParseError, match="never closed"):
        parse_side(r"\frac{1}{2")


def test_runaway_line_is_refused_with_a_clear_message():
    with pytest.raises(ParseError, match="at most"):
        parse_side("x + " * 2000 + "x")


def test_no_state_leaks_between_calls():
    first = check_claim(r"\frac{\partial L}{\partial w} = 2w", given=["L = w^2"])
    second = check_claim(r"\frac{\partial L}{\partial w} = 2w", given=["L = w^3"])
    assert first.verdict == "valid" and second.verdict == "invalid"


def test_reading_is_reported():
    result = check_claim(r"\frac{\partial L}{\partial w} = 2w", given=["L = w^2"])
    assert "2" in result.links[0].reading and "w" in result.links[0].reading


def test_imaginary_unit_never_appears():
    from symbolic.context import Context
    expr = Context().read("i j + k")
    assert not expr.has(sympy.I)
