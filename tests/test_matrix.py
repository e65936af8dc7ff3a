"""Vector and matrix claims: shapes, named dimensions, broadcasting, ones, upstream gradients."""

import numpy as np
import pytest

from symbolic import check_claim
from symbolic.compare import sample_points
from symbolic.notation.build import Instance
from symbolic.notation.names import Var

LINEAR = [r"Y = X W + b"]
LINEAR_SHAPES = {"X": ["m", "n"], "W": ["n", "k"], "b": [1, "k"], "Y": ["m", "k"]}
DL_DY = r"\frac{\partial L}{\partial Y}"


def verdict(claim, given=(), shapes=None, conventions=None):
    return check_claim(claim, given=list(given), shapes=shapes or {},
                       conventions=conventions or {})


# -- named dimensions -----------------------------------------------------------------------
def test_dimensions_share_one_size_except_in_the_spread_instance():
    same, spread = Instance({}, {}, 3), Instance({}, {}, 2)
    same.declare_dimensions(["n", "m", "k"])
    spread.declare_dimensions(["n", "m", "k"])
    assert same.sizes == {"k": 3, "m": 3, "n": 3}
    assert sorted(spread.sizes.values()) == [2, 3, 4]


def test_a_dimension_written_as_a_value_is_its_size():
    assert verdict(r"\sum_{i=1}^{m} 1 = m", shapes={"X": ["m", 2]}).verdict == "valid"
    assert verdict(r"\frac{1}{m}\sum_{i=1}^{m} 2 = 2", shapes={"X": ["m", 2]}).verdict == "valid"


def test_a_sum_to_the_wrong_dimension_is_invalid():
    right = r"\frac{\partial L}{\partial b_j} = \sum_{i=1}^{m} \frac{\partial L}{\partial Y_{ij}}"
    wrong = r"\frac{\partial L}{\partial b_j} = \sum_{i=1}^{k} \frac{\partial L}{\partial Y_{ij}}"
    assert verdict(right, LINEAR, LINEAR_SHAPES).verdict == "valid"
    assert verdict(wrong, LINEAR, LINEAR_SHAPES).verdict == "invalid"


def test_one_over_the_wrong_dimension_is_invalid():
    shapes = {"X": ["m", "n"], "w": ["n", 1], "y": ["m", 1]}
    given = [r"L = \frac{1}{2m}\|X w - y\|^2"]
    assert verdict(r"\nabla_w L = \frac{1}{m} X^\top (X w - y)", given, shapes).verdict == "valid"
    assert verdict(r"\nabla_w L = \frac{1}{n} X^\top (X w - y)", given, shapes).verdict \
        == "invalid"


# -- a linear layer on a batch, given the upstream gradient ------------------------------------
@pytest.mark.parametrize(("claim", "expected"), [
    (rf"\frac{{\partial L}}{{\partial W}} = X^\top {DL_DY}", "valid"),
    (rf"\frac{{\partial L}}{{\partial X}} = {DL_DY} W^\top", "valid"),
    (rf"\frac{{\partial L}}{{\partial b}} = \mathbf{{1}}^\top {DL_DY}", "valid"),
    (rf"\frac{{\partial L}}{{\partial b}} = \mathbf{{1}}_m^\top {DL_DY}", "valid"),
    (rf"\frac{{\partial L}}{{\partial W}} = \left({DL_DY}\right)^\top X", "invalid"),
])
def test_linear_layer_backward(claim, expected):
    assert verdict(claim, LINEAR, LINEAR_SHAPES).verdict == expected


def test_the_bias_row_is_broadcast_over_the_batch():
    r = verdict(rf"\frac{{\partial L}}{{\partial b}} = {DL_DY}", LINEAR, LINEAR_SHAPES)
    assert r.verdict == "invalid" and r.links[0].diagnosis_kind == "shape"


# -- the vector of ones -----------------------------------------------------------------------
def test_ones_takes_the_length_its_product_needs():
    shapes = {"A": [2, 3]}
    assert verdict(r"\mathbf{1}^\top A = \begin{bmatrix} A_{1,1} + A_{2,1} & A_{1,2} + A_{2,2} "
                   r"& A_{1,3} + A_{2,3} \end{bmatrix}", shapes=shapes).verdict == "valid"
    assert verdict(r"A \mathbf{1} = \begin{bmatrix} A_{1,1} + A_{1,2} + A_{1,3} \\ "
                   r"A_{2,1} + A_{2,2} + A_{2,3} \end{bmatrix}", shapes=shapes).verdict == "valid"
    assert verdict(r"\frac{1}{2}\mathbf{1}^\top A = \mathbf{1}^\top A \frac{1}{2}",
                   shapes=shapes).verdict == "valid"


def test_ones_without_a_length_to_take_is_refused():
    r = verdict(r"\mathbf{1} + x = x + \mathbf{1}", shapes={"x": [3, 1]})
    assert r.verdict == "undecided"
    assert "length of this vector of ones" in r.message


# -- norms ------------------------------------------------------------------------------------
def test_frobenius_norm():
    shapes = {"A": [2, 3]}
    assert verdict(r"\|A\|_F^2 = \operatorname{tr}(A^\top A)", shapes=shapes).verdict == "valid"
    assert verdict(r"\nabla_A \|A\|_F^2 = 2A", shapes=shapes).verdict == "valid"


def test_the_spectral_norm_of_a_matrix_is_not_read_as_frobenius():
    r = verdict(r"\|A\|_2^2 = \operatorname{tr}(A^\top A)", shapes={"A": [2, 3]})
    assert r.verdict == "undecided"
    assert "spectral norm" in r.message


# -- delta rules --------------------------------------------------------------------------------
COLUMN = [r"z^{(1)} = W^{(1)} x + b^{(1)}", r"a^{(1)} = \sigma(z^{(1)})",
          r"z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}"]
COLUMN_SHAPES = {"x": [2, 1], "W^{(1)}": [3, 2], "b^{(1)}": [3, 1], "z^{(1)}": [3, 1],
                 "a^{(1)}": [3, 1], "W^{(2)}": [2, 3], "b^{(2)}": [2, 1], "z^{(2)}": [2, 1],
                 r"\delta^{(1)}": [3, 1], r"\delta^{(2)}": [2, 1]}


def test_a_delta_defined_as_a_gradient_of_l_is_not_an_output_of_the_graph():
    given = COLUMN + [r"\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}"]
    rule = r"\delta^{(1)} = (W^{(2)})^\top \delta^{(2)} \odot \sigma'(z^{(1)})"
    assert verdict(rule, given, COLUMN_SHAPES).verdict == "valid"
    assert verdict(r"\frac{\partial L}{\partial b^{(1)}} = \delta^{(1)}", given,
                   COLUMN_SHAPES).verdict == "valid"


# -- batches --------------------------------------------------------------------------------
def test_entries_defined_with_free_indices_cover_the_whole_shape():
    shapes = {"Z": ["m", "k"], "P": ["m", "k"]}
    given = [r"P_{ij} = 2 Z_{ij}"]
    assert verdict(r"P = 2 Z", given, shapes).verdict == "valid"


def test_a_one_hot_matrix_has_one_hot_rows():
    entries = [Var(f"Y_{{{i},{j}}}") for i in (1, 2, 3) for j in (1, 2)]
    columns = sample_points(entries, lambda s: "one-hot", seed=1)
    table = np.array([[columns[Var(f"Y_{{{i},{j}}}")] for j in (1, 2)] for i in (1, 2, 3)])
    assert np.all(table.sum(axis=1) == 1)


def test_a_batch_mean_loss_needs_its_one_over_m():
    shapes = {"X": ["m", 2], "W": [2, 2], "Y": ["m", 2], r"\hat Y": ["m", 2]}
    given = [r"\hat Y = X W", r"L = \frac{1}{2m}\|\hat Y - Y\|_F^2"]
    right = verdict(r"\frac{\partial L}{\partial W} = \frac{1}{m} X^\top (\hat Y - Y)", given,
                    shapes)
    wrong = verdict(r"\frac{\partial L}{\partial W} = X^\top (\hat Y - Y)", given, shapes)
    assert right.verdict == "valid"
    assert wrong.verdict == "invalid" and wrong.links[0].diagnosis_kind == "factor"
