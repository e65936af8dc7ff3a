"""Shapes the text implies: names shown to be vectors or matrices, fitted to one another."""

from __future__ import annotations

from symbolic import check_claim
from symbolic.context import Context
from symbolic.notation import parse_side
from symbolic.shape_inference import infer_shapes

LEAST_SQUARES = [r"J(\theta) = \frac{1}{2}(X\theta - y)^T(X\theta - y)"]


def shapes(claim: str, given: list[str] = ()) -> dict:
    context = Context.from_given(list(given))
    lhs, rhs = (context.resolve(parse_side(side)).tree for side in claim.split(" = ", 1))
    return infer_shapes((lhs, rhs), context)


def test_a_transposed_capital_is_a_matrix_and_what_it_multiplies_fits_it():
    found = shapes(r"\nabla_\theta J(\theta) = X^T (X\theta - y)", LEAST_SQUARES)
    rows, cols = found["X"]
    assert found[r"\theta"] == [cols, 1] and found["y"] == [rows, 1] and rows != cols


def test_a_sum_over_the_entries_ties_the_length_to_its_bound():
    assert shapes(r"\theta^\top x = \sum_{j=1}^{d} \theta_j x_j") == {
        r"\theta": ["d", 1], "x": ["d", 1]}


def test_what_the_fit_cannot_follow_gives_no_shapes():
    assert shapes(r"\theta^\top x = \sum_{j=1}^{d-1} \theta_j x_j") == {}   # a bound d - 1
    assert shapes(r"\nabla_w L = (w^T w)^2 w", []) != {}
    assert shapes(r"w^2 = w^T w") == {}                   # a vector squared: no one meaning


def test_the_inferred_reading_decides_and_says_so():
    right = check_claim(r"\nabla_\theta J(\theta) = X^T (X\theta - y)", given=LEAST_SQUARES)
    assert right.verdict == "valid" and "no shapes are declared: read with X as" in \
        right.links[0].reading
    wrong = check_claim(r"\nabla_\theta J(\theta) = X^T (X\theta + y)", given=LEAST_SQUARES)
    assert wrong.verdict == "invalid" and wrong.links[0].counterexample is not None


def test_a_sample_vector_takes_the_shape_of_the_parameter_it_is_passed_for():
    given = [r"h_\theta(x) = \frac{1}{1 + e^{-\theta^T x}}",
             r"J(\theta) = -\frac{1}{m}\sum_{i=1}^{m} y^{(i)} \log h_\theta(x^{(i)}) "
             r"+ (1 - y^{(i)}) \log (1 - h_\theta(x^{(i)}))"]
    claim = (r"\frac{\partial}{\partial \theta_1} J(\theta) = "
             r"\frac{1}{m}\sum_{i=1}^{m}(h_\theta(x^{(i)}) - y^{(i)})x_1^{(i)}")
    assert check_claim(claim, given=given).verdict == "valid"
    assert check_claim(claim.replace("- y^{(i)})", "+ y^{(i)})"), given=given).verdict \
        == "invalid"


def test_a_claim_that_fits_only_by_a_misreading_stays_undecided():
    # a name whose sum runs to another bound: no shapes, as before
    result = check_claim(r"\theta^\top x = \sum_{j=1}^{d-1} \theta_j x_j")
    assert result.verdict == "undecided" and "no shape is declared" in result.message


def test_a_step_right_only_for_a_symmetric_matrix_is_undecided_not_wrong():
    claim = (r"\frac{\partial}{\partial s}(q - A s)^\top W (q - A s) = "
             r"-2A^\top W (q - A s)")
    kinds = {"symbols": {"A": "matrix", "W": "matrix", "q": "vector", "s": "vector"}}
    result = check_claim(claim, conventions=kinds)
    assert result.verdict == "undecided" and "W is symmetric" in result.message
    symmetric = {"symbols": {**kinds["symbols"], "W": "symmetric"}}
    assert check_claim(claim, conventions=symmetric).verdict == "valid"
    assert check_claim(claim.replace("-2A", "2A"), conventions=kinds).verdict == "invalid"


def test_a_capital_count_does_not_hide_a_matrix_the_text_implies():
    wrong = r"\nabla_\theta \frac{1}{2N}\|X\theta-y\|^2 = \frac1N X(X\theta-y)"
    assert check_claim(wrong).verdict == "undecided"      # as numbers it held: a misreading
    right = r"\nabla_\theta \frac{1}{2N}\|X\theta-y\|^2 = \frac1N X^T(X\theta-y)"
    assert check_claim(right).verdict == "valid"


def test_bold_names_beside_a_cdot_are_vectors_read_element_wise_or_as_a_dot_product():
    claim = r"\mathbf{w} \cdot \mathbf{x} = \sum_{i=1}^{d} w_i x_i"
    assert shapes(claim) == {}                       # element by element, a vector ≠ a sum
    context = Context.from_given([])
    context.dot_products = True
    lhs, rhs = (parse_side(side) for side in claim.split(" = ", 1))
    assert infer_shapes((lhs, rhs), context) == {"w": ["d", 1], "x": ["d", 1]}
    assert check_claim(claim).verdict == "valid"
    assert check_claim(r"\mathbf{w} \cdot \mathbf{x} = \sum_{i=1}^{d} w_i x_{i+1}").verdict \
        != "valid"


def test_an_offset_beside_the_vector_is_a_number_but_two_entries_zero_fit_nothing():
    given = [r"J = \frac{1}{2}\sum_{i=1}^n (\theta^T x^{(i)} + \theta_0 - y^{(i)})^2"]
    assert check_claim(r"\frac{\partial J}{\partial \theta_0} = \sum_{i=1}^n "
                       r"(\theta^T x^{(i)} + \theta_0 - y^{(i)})", given=given).verdict == "valid"
    assert shapes(r"\theta_0 x_0 + \theta^T x = \theta_0 + \theta^T x") == {}


def test_a_defined_name_spelled_like_an_index_and_a_greek_capital_transposed_are_fitted():
    # d = α w defines d, though d is often an index; Φ^T is a matrix, as X^T is
    assert shapes(r"d^\top d = \alpha^2 w^\top w",
                  [r"\alpha=\frac{w^\top x}{w^\top w}", r"d=\alpha w"])["d"][1] == 1
    found = shapes(r"\frac{\partial\varepsilon}{\partial \mathbf{w}} = "
                   r"-2 \Phi^T (\mathbf{y} - \Phi\mathbf{w})",
                   [r"\varepsilon = (\mathbf{y} - \Phi\mathbf{w})^T(\mathbf{y} - \Phi\mathbf{w})"])
    rows, cols = found[r"\Phi"]
    assert found["w"] == [cols, 1] and found["y"] == [rows, 1] and rows != cols
    given = [r"\varepsilon = (\mathbf{y} - \Phi\mathbf{w})^T(\mathbf{y} - \Phi\mathbf{w}) "
             r"+ \lambda\mathbf{w}^T\mathbf{w}"]
    claim = (r"\frac{\partial\varepsilon}{\partial \mathbf{w}} = "
             r"-2 \Phi^T (\mathbf{y} - \Phi\mathbf{w}) + 2\lambda \mathbf{w}")
    conventions = {"layout": "denominator"}
    assert check_claim(claim, given=given, conventions=conventions).verdict == "valid"
    assert check_claim(claim.replace("+ 2\\lambda", "- 2\\lambda"), given=given,
                       conventions=conventions).verdict == "invalid"


def test_bold_names_numbered_by_a_subscript_are_vectors_and_a_declared_kind_is_evidence():
    # μ_1, μ_2 in bold beside no whole μ are two vectors (class means), Σ symmetric a matrix
    claim = (r"\frac{1}{2}(\mathbf{x}-\mathbf{\mu}_{2})^\top\Sigma^{-1}"
             r"(\mathbf{x}-\mathbf{\mu}_{2})-\frac{1}{2}(\mathbf{x}-\mathbf{\mu}_{1})^\top\Sigma^{-1}(\mathbf{x}-\mathbf{\mu}_{1})"
             r" = (\mathbf{\mu}_{1}-\mathbf{\mu}_{2})^\top\Sigma^{-1}\mathbf{x}"
             r"+\frac{1}{2}(\mathbf{\mu}_{2}+\mathbf{\mu}_{1})^\top\Sigma^{-1}"
             r"(\mathbf{\mu}_{2}-\mathbf{\mu}_{1})")
    conventions = {"symbols": {"Sigma": "symmetric"}}
    context = Context.from_given([], conventions=conventions)
    lhs, rhs = (context.resolve(parse_side(side)).tree for side in claim.split(" = ", 1))
    found = infer_shapes((lhs, rhs), context)
    side = found["x"][0]
    assert found[r"\mu_{1}"] == found[r"\mu_{2}"] == [side, 1]
    assert found[r"\Sigma"] == [side, side]
    assert check_claim(claim, conventions=conventions).verdict == "valid"
    wrong = claim.replace(r"+\frac{1}{2}(\mathbf{\mu}_{2}", r"-\frac{1}{2}(\mathbf{\mu}_{2}")
    assert check_claim(wrong, conventions=conventions).verdict == "invalid"


def test_members_of_a_family_transposed_are_vectors_of_one_length():
    # Σ = \frac{1}{N} \sum_i x_i x_i^T: each x_i a vector, so Σ a matrix
    given = [r"\mathcal{L}(u, \lambda) = u^{\top} \Sigma u - \lambda \left( u^{\top} u - 1 \right)",
             r"\Sigma = \frac{1}{N} \sum_{i=1}^N x_i x_i^{\top}"]
    conventions = {"layout": "denominator"}
    right = check_claim(r"\nabla_u \mathcal{L}(u, \lambda) = 2 \Sigma u - 2 \lambda u",
                        given=given, conventions=conventions)
    assert right.verdict == "valid" and r"x_{i} as" in right.links[0].reading
    wrong = check_claim(r"\nabla_u \mathcal{L}(u, \lambda) = \Sigma u - 2 \lambda u",
                        given=given, conventions=conventions)
    assert wrong.verdict == "invalid"


def test_a_sum_with_the_identity_is_square_and_its_inverse_is_read():
    # (zI - A)^{-1}: square by the identity in it; (X^T X)^{-1} alone stays unfitted
    claim = r"\frac{d}{dz} \det(z I - A) = \det(zI - A) \tr \left( (z I - A)^{-1} \right)"
    assert check_claim(claim).verdict == "valid"
    assert check_claim(claim.replace(r"= \det", r"= -\det")).verdict == "invalid"
    assert check_claim(r"(X^T X)^{-1} X^T = X^{-1}").verdict == "undecided"


def test_a_family_of_matrices_inverted_and_of_vectors_in_a_transposed_difference():
    # Σ_k^{-1} beside no whole Σ: square matrices, symmetric as declared for Σ_k;
    # (x_i - m_k)^T: x_i and m_k vectors
    given = [r"A(m_k) := - \frac{1}{2} \sum_{i = 1}^{N} \left[ (x_i - m_k)^{T} \Sigma_k^{-1} "
             r"(x_i - m_k) \right] T_{k, i}^{(t)}"]
    conventions = {"log": "natural", "symbols": {"Sigma_k": "symmetric"}}
    claim = (r"\nabla_{m_k} A(m_k) = \sum_{i = 1}^{N} \Sigma_k^{-1} (x_i - m_k) "
             r"T_{k, i}^{(t)}")
    right = check_claim(claim, given=given, conventions=conventions)
    assert right.verdict == "valid"
    wrong = check_claim(claim.replace("(x_i - m_k) T", "(m_k - x_i) T"), given=given,
                        conventions=conventions)
    assert wrong.verdict == "invalid"
    assert Context.from_given([], conventions=conventions).kind(r"\Sigma_{2}") == "symmetric"


def test_a_function_at_a_vector_point_takes_a_vector_parameter():
    # f(x^0) with x^0 = [0, 1]^T: f's parameter x is a 2-vector, so ∇²f(x^0) is 2 × 2
    given = [r"f(\mathbf{x}) = (x_1 + 1)^4 + x_1 x_2  + (x_2 + 1)^4",
             r"\mathbf{x}^0 = \left[0, 1 \right]^T"]
    claim = (r"\nabla^2 f(\mathbf{x}^0) = "
             r"\left[\begin{array}{cc}12 & 1 \\ 1 & 48 \end{array} \right]")
    assert check_claim(claim, given=given).verdict == "valid"
    assert check_claim(claim.replace("48", "96"), given=given).verdict == "invalid"


def test_the_diagonal_matrix_of_a_vector_is_square():
    # Y = diag(y): y a vector of labels, Y square; so α^T (YKY) α has a gradient
    conventions = {"symbols": {"K": "symmetric", "y": "sign"}}
    claim = r"\nabla_\alpha (\frac12 \alpha^\top (YKY)\alpha) = (YKY)\alpha"
    given = [r"Y=\mathrm{diag}(y)"]
    assert check_claim(claim, given=given, conventions=conventions).verdict == "valid"
    assert check_claim(claim.replace("= (YKY)", r"= \frac12 (YKY)"), given=given,
                       conventions=conventions).verdict == "invalid"


def test_a_name_defined_from_shaped_matrices_takes_the_shape_of_its_definition():
    # O = P V, O not shaped: the chain rule through O reads O as the matrix P V is
    shaped = {"P": ["n", "m"], "V": ["m", "k"]}
    right = check_claim(r"\frac{\partial L}{\partial V} = P^T \frac{\partial L}{\partial O}",
                        given=["O = P V"], shapes=shaped)
    assert str(right.verdict) == "valid"
    wrong = check_claim(r"\frac{\partial L}{\partial V} = P \frac{\partial L}{\partial O}",
                        given=["O = P V"], shapes={"P": [3, 3], "V": [3, 3]})
    assert str(wrong.verdict) == "invalid" and "P^\\top was meant" in wrong.message


TWO_LAYERS = ["z^{(1)} = W^{(1)} x + b^{(1)}", r"a^{(1)} = f(z^{(1)}) = \text{ReLU}(z^{(1)})",
              "z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}", r"\hat{y} = \sigma(z^{(2)})",
              r"L = \frac{1}{2} (y - \hat{y})^2",
              r"\delta^{(2)} = \frac{\partial L}{\partial z^{(2)}}",
              r"\delta^{(1)} = \frac{\partial L}{\partial z^{(1)}}"]
TWO_SHAPES = {"W^{(1)}": [3, 2], "W^{(2)}": [1, 3], "x": [2, 1]}


def test_biases_and_layers_take_the_shapes_their_definitions_give_from_declared_ones():
    def verdict(claim: str) -> str:
        return str(check_claim(claim, given=TWO_LAYERS, shapes=TWO_SHAPES).verdict)

    assert verdict(r"\frac{\partial L}{\partial b^{(2)}} = \delta^{(2)}") == "valid"
    assert verdict(r"\frac{\partial L}{\partial W^{(1)}} = \delta^{(1)} x^T") == "valid"
    # f'(z) of f(z) = ReLU(z) at a vector: entry by entry, as f applies
    assert verdict(r"\frac{\partial L}{\partial b^{(1)}} = W^{(2)T} \delta^{(2)} \odot "
                   r"f'(z^{(1)})") == "valid"
    assert verdict(r"\frac{\partial L}{\partial b^{(1)}} = f'(z^{(1)})") == "invalid"
    # the sizes follow from declared shapes, so a product that does not fit them is wrong
    wrong = check_claim(r"\frac{\partial L}{\partial W^{(1)}} = x \delta^{(1)T}",
                        given=TWO_LAYERS, shapes=TWO_SHAPES)
    assert str(wrong.verdict) == "invalid" and "3×2" in wrong.message
