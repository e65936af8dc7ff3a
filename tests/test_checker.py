"""check_document: statements by kind, top to bottom, and every statement accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from symbolic import check_claim, check_document


def verdicts(text: str) -> list[tuple[int, str, str]]:
    return [(s.line, str(s.kind), str(s.verdict)) for s in check_document(text).steps]


def test_an_equivalence_in_a_document_is_a_checked_step():
    # \equiv is a relation like =: a wrong step must not vanish from the document
    assert verdicts("$$x + x \\equiv 3x$$\n") == [(1, "claim", "invalid")]
    assert check_claim(r"x + x \equiv 3x").verdict == "invalid"


def test_an_inequality_alone_is_not_a_step():
    assert verdicts("$$a \\neq b$$\n") == []


def test_a_piecewise_definition_is_one_definition():
    doc = ("$$f = \\begin{cases} z & z > 0 \\\\ 0 & z \\leq 0 \\end{cases}$$\n\n"
           "$$\\frac{d f}{d z} = \\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid")]


def test_the_relu_is_the_piecewise_function_it_is():
    relu = r"\begin{cases} z & z > 0 \\ 0 & z \leq 0 \end{cases}"
    assert check_claim(rf"\operatorname{{ReLU}}(z) = {relu}").verdict == "valid"
    wrong = r"\begin{cases} z & z > 0 \\ 1 & \text{otherwise} \end{cases}"
    assert check_claim(rf"\operatorname{{ReLU}}(z) = {wrong}").verdict == "invalid"


def test_an_expectation_is_undecided_not_a_factor():
    result = check_claim(r"\mathbb{E}[x] = x")
    assert result.verdict == "undecided" and "expectation" in result.message


def test_an_unknown_operator_is_undecided_until_declared():
    result = check_claim(r"\operatorname{foo}(z) = z")
    assert result.verdict == "undecided" and "not known" in result.message
    declared = check_claim(r"\operatorname{foo}(z) = z",
                           conventions={"symbols": {"foo": "function"}})
    assert declared.verdict == "invalid"       # any function: foo(z) = z does not hold for all


def test_a_text_that_was_read_but_means_nothing_checkable_is_undecided_not_unparseable():
    result = check_claim(r"\frac{\partial L}{\partial 3} = 1", given=[r"L = x^2"])
    assert result.verdict == "undecided" and "not a variable" in result.message


def test_a_step_that_needs_an_unreadable_definition_is_undecided_and_names_it():
    doc = "$$u = x_{1.5}$$\n\n$$v = 2 x$$\n\n$$u + v = 1$$\n\n$$\\frac{dv}{dx} = 2$$\n"
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in steps] == ["valid", "valid", "undecided", "valid"]
    assert "depends on u" in steps[2].claim.message


def test_the_first_invalid_step_of_each_derivation_is_marked_once():
    doc = "$$x + x = 3x$$\n\n$$y + y = 3y$$\n\n# Next\n\n$$z + z = 3z$$\n"
    steps = check_document(doc).steps
    assert [s.first_invalid for s in steps] == [True, False, True]


def test_a_new_name_with_parameters_defines_a_function():
    # J is no quantity here: `J(\theta) = …` defines the function J, never J times θ
    doc = ("$$J(\\theta) = \\theta^2 + 1$$\n\n$$\\ell(\\theta) = \\log J(\\theta)$$\n\n"
           "$$\\frac{d}{d\\theta} \\ell(\\theta) = \\frac{2\\theta}{\\theta^2+1}$$\n\n"
           "$$\\frac{d}{d\\theta} \\ell(\\theta) = \\frac{\\theta}{\\theta^2+1}$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "definition", "valid"),
                             (5, "claim", "valid"), (7, "claim", "invalid")]


def test_a_function_defined_by_its_entries_and_named_like_a_vector_is_defined():
    # s is the row vector s(x) and the function s: `s(\mathbf x)_i = …` defines the function
    # (its index printed after the parentheses), and H(y, s) of two arguments is no step
    doc = ("---\nshapes: {x: [1, n], s: [1, n], y: [1, n]}\n---\n"
           "$$ s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum e^{x_j}} $$\n\n"
           "$$ \\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} = s(\\mathbf x)_i - "
           "s(\\mathbf x)_i^2 $$\n\n"
           "$$ H(\\mathbf y, \\mathbf s) = -\\sum_{i=1}^n y_i \\log s_i $$\n\n"
           "$$ \\frac{\\partial H}{\\partial s_1} = -\\frac{y_1}{s_1} $$\n")
    assert verdicts(doc) == [(4, "definition", "valid"), (6, "claim", "valid"),
                             (8, "definition", "valid"), (10, "claim", "valid")]
    wrong = doc.replace("- s(\\mathbf x)_i^2", "+ s(\\mathbf x)_i^2")
    assert verdicts(wrong)[1] == (6, "claim", "invalid")


def test_an_index_inequality_after_a_formula_that_is_no_case_is_no_case():
    doc = ("Here $y = 2$, $i \\neq j$ is excluded.\n\n"
           "$$\\frac{\\partial}{\\partial x_j} x_i^2 = 0$$\n")
    assert verdicts(doc)[-1] == (3, "claim", "invalid")


def test_an_entry_of_a_matrix_s_product_is_no_function_definition():
    doc = ("---\nshapes: {W: [n, n], x: [n, 1]}\n---\n$$ \\mathbf{z} = W \\mathbf{x} $$\n\n"
           "$$ W(\\mathbf{x})_i = \\sum_j W_{ji} x_j $$\n")
    assert verdicts(doc)[-1][1] == "claim"


def test_a_membership_in_the_reals_says_the_shape():
    doc = ("Let $\\mathbf{w} \\in \\mathbb{R}^{3}$.\n\n"
           "$$\\mathbf{w}^T \\mathbf{w} = \\mathbf{w} \\mathbf{w}^T$$\n")
    result = check_document(doc)
    assert verdicts(doc) == [(3, "claim", "invalid")]
    assert any("w 3 × 1" in warning for warning in result.warnings)


def test_a_transposed_name_with_no_shape_beside_a_shaped_one_is_not_a_layout_mistake():
    # y, transposed, is a vector read as a number: the transpose the sides differ by shows
    # only that
    doc = ("1. $f(x) = (xx^T)\\sin.(x)$, for $x \\in \\mathbb{R}^m$.\n\n"
           "We use the identity $x^T y = y^T x$ here.\n")
    assert verdicts(doc)[-1] == (3, "claim", "undecided")


def test_a_clash_of_shapes_from_a_transposed_name_with_no_shape_is_not_shown_wrong():
    doc = ("Recall that $W \\in \\mathbb{R}^{m \\times d}$ and $z \\in \\mathbb{R}^m$.\n\n"
           "$$\\frac{\\partial J}{\\partial W} = "
           "\\frac{\\partial J}{\\partial z} \\cdot x^\\top$$\n")
    assert verdicts(doc)[-1] == (3, "claim", "undecided")


def test_cases_said_on_one_line_hold_together():
    # "$i = k$, $l \neq j$": both cases, not the last alone
    doc = ("Case two: $i = k$, $l \\neq j$, so\n\n"
           "$$\\frac{\\partial e^{x_{kl}}}{\\partial x_{ij}} + x_{kj} = x_{ij}$$\n")
    assert verdicts(doc) == [(1, "binding", "valid"), (1, "binding", "valid"),
                             (3, "claim", "valid")]


def test_a_function_used_before_the_line_that_defines_it_is_that_function():
    # "h = g(θx) = 1/(1 + e^{-θx}), where g(z) = 1/(1 + e^{-z})": g is the later g, not any g
    doc = ("$$h = g(\\theta x) = \\frac{1}{1 + e^{-\\theta x}}$$\n\nwhere\n\n"
           "$$g(z) = \\frac{1}{1 + e^{-z}}$$\n\n$$\\frac{dg}{dz} = g(z)(1 - g(z))$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (5, "definition", "valid"),
                             (7, "claim", "valid")]
    wrong = doc.replace("e^{-\\theta x}}$$", "e^{\\theta x}}$$")
    assert verdicts(wrong)[0] == (1, "definition", "invalid")


def test_two_relations_joined_by_and_are_two_statements():
    doc = ("$$J = L + s$$\n\n$$\\frac{\\partial J}{\\partial L} = 1 \\; \\textrm{and} \\; "
           "\\frac{\\partial J}{\\partial s} = 2.$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid"),
                             (3, "claim", "invalid")]


def test_a_definition_that_cannot_be_read_leaves_its_uses_undecided():
    # z's line elides terms; J uses a sample's z^{(i)}: never shown wrong for that
    doc = ("$$z = w_0 x_0 + w_1 x_1 \\dots w_m x_m$$\n\n"
           "$$J(w) = \\frac{1}{2} \\sum_{i=1}^{2} (y^{(i)} - z^{(i)})^2$$\n\n"
           "$$\\frac{\\partial J}{\\partial w_1} = -\\sum_{i=1}^{2} (y^{(i)} - z^{(i)}) x_1$$\n")
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in steps] == ["undecided", "valid", "undecided"]
    assert "depends on z" in steps[2].claim.message


def test_a_side_alone_on_its_line_is_continued_by_the_next():
    # `& \frac{∂z}{∂w} \\ & = x \\ & = 2x`: the first line is the left side of the next
    doc = ("$$z = w x$$\n\n$$\n\\begin{aligned}\n& \\frac{\\partial z}{\\partial w} \\\\\n"
           "& = x \\\\\n& = 2x\n\\end{aligned}\n$$\n")
    result = check_document(doc)
    assert [(s.line, str(s.verdict)) for s in result.steps] == [
        (1, "valid"), (6, "valid"), (7, "invalid")]
    assert not any("states no relation" in w for w in result.warnings)


def test_a_struck_through_term_is_still_there():
    # y \cancel{- y h} reads y - y h: the mark does not group what it strikes
    doc = ("$$L = y - y h - h + y h$$\n\n"
           "$$L = y \\cancel{- y h} - h \\cancel{+ y h} = y - h$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid")]


def test_a_function_of_a_sample_is_the_function_of_its_variable():
    # h(x^{(i)}) = … defines h of any x: the text goes on with h(x), and h alone
    doc = ("$$ h(x^{(i)}) = \\frac{1}{1 + e^{-w x^{(i)}}} $$\n\n"
           "$$ \\frac{\\partial h(x)}{\\partial w} = x h(x)(1 - h(x)) $$\n\n"
           "$$ \\frac{\\partial h(x)}{\\partial w} = h(x)(1 - h(x)) $$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid"),
                             (5, "claim", "invalid")]


def test_a_function_whose_body_cannot_be_read_leaves_its_uses_undecided():
    result = check_claim(r"\frac{\partial J}{\partial w} = 2w",
                         given=[r"J(w) = \operatorname{Cost}(w)"])
    assert result.verdict in ("undecided", "unparseable")
    assert "Cost" in result.message and "internal" not in result.message


LAYERED = dict(
    given=[r"Z^l = (W^l)^\top A^{\,l-1} + W_0^l", r"A^l = f^l(Z^l)"],
    shapes={"A^l": ["d_l", 1], "W^l": ["d_{l-1}", "d_l"], "W_0^l": ["d_l", 1],
            "Z^l": ["d_l", 1]},
    conventions={"layout": "denominator"})


def test_a_layered_recursion_through_undefined_functions_is_decided():
    # MIT 6.390's back-propagation recursion, f^l composed over four layers: its verdict
    # depended on the hash seed, and the twin's diagnosis ran out of time
    claim = (r"\frac{\partial \mathcal{L}}{\partial Z^l} = {f^l}'(Z^l) \Big(W^{l+1}"
             r"\frac{\partial \mathcal{L}}{\partial Z^{l+1}}\Big)")
    assert check_claim(claim, **LAYERED).verdict == "valid"
    transposed = claim.replace("W^{l+1}", "(W^{l+1})^\\top")
    wrong = check_claim(transposed, **LAYERED)
    assert wrong.verdict == "invalid" and wrong.links[0].diagnosis_kind == "transpose"


def test_a_function_is_defined_again_under_a_new_heading():
    # NBIS's chain-rule notebook: f and g of the first example are new functions in the
    # second; `t = g(x) = b - x` defines g, used a line above
    doc = ("$$f(g(x)) = \\frac{1}{2}(b-x)^2$$\n\n$$t = g(x) = b-x$$\n\n"
           "$$f(t) = \\frac{1}{2}t^2$$\n\n### Another example\n\n"
           "$$\\sigma(x) = f(g(x)) = \\frac{1}{1+e^{-x}}$$\n\n$$t = g(x) = 1+e^{-x}$$\n\n"
           "$$f(t) = \\frac{1}{t}$$\n")
    assert verdicts(doc) == [(1, "claim", "valid"), (3, "definition", "valid"),
                             (5, "definition", "valid"), (9, "claim", "valid"),
                             (11, "definition", "valid"), (13, "definition", "valid")]
    wrong = doc.replace("f(g(x)) = \\frac{1}{1+e^{-x}}", "f(g(x)) = \\frac{1}{1-e^{-x}}")
    assert verdicts(wrong)[3] == (9, "claim", "invalid")


def test_prose_with_inline_math_inside_a_display_is_prose():
    doc = "$$x + x = 2x \\quad\\textrm{express $t$ in terms of $x$}$$\n"
    assert verdicts(doc) == [(1, "claim", "valid")]


def test_a_case_after_a_line_is_that_lines_own_and_a_constraint_holds_everywhere():
    # math.SE 945871: `…,\quad i = j` is the line's condition, not the next lines'; the
    # answer's "given that \sum_k y_k = 1" holds for the steps above it too
    doc = ("$$L = -\\sum_j y_j \\log p_j, \\quad p_j = \\frac{e^{o_j}}{\\sum_k e^{o_k}}$$\n\n"
           "$$\\frac{\\partial p_j}{\\partial o_i} = p_i(1 - p_i),\\quad i = j$$\n\n"
           "$$\\frac{\\partial p_j}{\\partial o_i} = -p_i p_j,\\quad i \\neq j$$\n\n"
           "$$\\frac{\\partial L}{\\partial o_i} = p_i - y_i$$\n\n"
           "given that $\\sum_k y_k = 1$.\n")
    assert verdicts(doc) == [
        (1, "definition", "valid"), (1, "definition", "valid"), (3, "claim", "valid"),
        (3, "binding", "valid"), (5, "claim", "valid"), (5, "binding", "valid"),
        (7, "claim", "valid"), (9, "binding", "valid")]
    assert verdicts(doc.replace("p_i - y_i$$", "y_i - p_i$$"))[6] == (7, "claim", "invalid")


def test_a_function_with_other_parameters_is_another_function_and_its_gradient_ambiguous():
    # MIT 18.S096's problem set: f(x) of one problem, f(A) of the next, then "\nabla f"
    doc = ("$$f(x) = x^2$$\n\n$$f(A) = 3A$$\n\n$$\\nabla f = 3$$\n\n$$f(x) = 2$$\n")
    assert verdicts(doc)[:3] == [(1, "definition", "valid"), (3, "definition", "valid"),
                                 (5, "claim", "undecided")]
    assert verdicts("$$f(x) = x^2$$\n\n$$\\nabla f = 2x$$\n") == [
        (1, "definition", "valid"), (3, "claim", "valid")]


def test_a_range_beside_a_step_and_a_leading_therefore_claim_nothing():
    doc = ("$$f(w) = w^2$$\n\n"
           "$$\\frac{\\partial f}{\\partial w} = 2w,\\ \\forall j = 1,2,...,p$$\n\n"
           "$$\\therefore \\nabla f(w) = 2w$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid"),
                             (5, "claim", "valid")]


def test_a_definitions_link_that_brings_in_a_name_says_what_it_is():
    # Rong's (74): h_i = σ(u_i) = σ(Σ_k w_{ki} x_k) says what u_i is; u_i free would make
    # the second link "invalid" at a point the writer never meant
    doc = "$$h_i = \\sigma(u_i) = \\sigma (\\sum_{k=1}^{K}w_{ki}x_k)$$\n"
    [step] = check_document(doc).steps
    assert [str(link.verdict) for link in step.claim.links] == ["valid", "undecided"]
    assert "for the first time" in step.claim.links[1].message
    known = "$$u_i = 2 x_i$$\n\n$$h_i = \\sigma(u_i) = \\sigma(3 x_i)$$\n"
    assert verdicts(known)[-1] == (3, "definition", "invalid")


def test_a_constraint_on_a_name_the_document_defines_is_a_claim():
    doc = "Let $y_k = e^{z_k}$.\n\nThen\n$$\\sum_k y_k = 1$$\n"
    assert verdicts(doc) == [(1, "definition", "valid"), (4, "claim", "invalid")]


def test_a_name_the_definitions_rest_on_is_claimed_not_defined():
    # t = logit(p) after p = σ(t): t in terms of itself (an inverse), never a new t
    doc = ("$$p = \\sigma(t)$$\n\n$$t = \\log\\frac{p}{1-p}$$\n\n"
           "$$t = \\log\\frac{1-p}{p}$$\n\n$$w = w - \\eta p$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid"),
                             (5, "claim", "invalid"), (7, "update", "valid")]
    given = [r"p_i = \sigma(t_i)"]
    assert check_claim(r"t_i = \log(\frac{p_i}{1 - p_i})", given=given).verdict == "valid"
    assert check_claim(r"t_i = \log(\frac{1 - p_i}{p_i})", given=given).verdict == "invalid"
    lone = check_claim(r"z = \log(\frac{p}{1 - p})", given=given)
    assert lone.verdict == "undecided" and "defines z" in lone.message


def test_a_line_with_no_relation_before_a_function_defined_further_on_is_no_traceback():
    doc = "$$g(x)$$\n\n$$g(x) = x^2$$\n\n$$g(2) = 4$$\n"
    assert [v for _, _, v in verdicts(doc)] == ["valid", "valid"]


def test_entries_compared_in_the_prose_say_when_and_define_nothing():
    doc = ("Here $y_i = 1$ if the class is $i$, and $\\mathbf{p} = "
           "\\operatorname{softmax}(\\mathbf{x})$.\n\n"
           "Only the term with $p_i = p_j$ survives:\n\n"
           "$$\\frac{\\partial p_j}{\\partial x_j} = p_j(1 - p_j)$$\n")
    result = check_document(doc)
    assert [(s.line, str(s.kind), str(s.verdict)) for s in result.steps] == [
        (1, "binding", "valid"), (1, "definition", "valid"), (3, "binding", "valid"),
        (5, "claim", "valid")]
    said = [s.claim.links[0].message for s in result.steps if s.kind == "binding"]
    assert all("it defines nothing" in m for m in said) and len(said) == 2


def test_a_case_in_the_prose_holds_for_the_steps_after_it():
    doc = ("### When $j \\neq i$\n\n"
           "$$\\frac{\\partial p_j}{\\partial x_i} = -p_i p_j$$\n")
    given = "---\ngiven: ['p_j = \\operatorname{softmax}(x)_j']\n---\n"
    assert [str(s.verdict) for s in check_document(given + doc).steps][-1] == "valid"
    assert [str(s.verdict) for s in check_document(given + doc.replace(
        "-p_i p_j", "p_i p_j")).steps][-1] == "invalid"


def test_a_case_after_if_in_a_sentence_replaces_the_case_before_it():
    given = "---\ngiven: ['y_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}']\n---\n"
    doc = ("If $i = j$,\n\n$$\\frac{\\partial y_i}{\\partial x_j} = y_i (1 - y_i)$$\n\n"
           "If $i \\neq j$,\n\n$$\\frac{\\partial y_i}{\\partial x_j} = y_i (1 - y_i)$$\n")
    verdicts = [str(s.verdict) for s in check_document(given + doc).steps]
    assert verdicts[-1] == "invalid"      # read under i = j, it would pass
    right = doc[:doc.rindex("y_i (1 - y_i)")] + "-y_i y_j$$\n"
    assert [str(s.verdict) for s in check_document(given + right).steps][-1] == "valid"


def test_a_function_a_new_part_defines_unreadably_is_not_the_earlier_one():
    doc = ("### One\n\n$$L(p) = p^3 (1-p)^2$$\n\n### Two\n\n"
           "$$L(\\sigma) = f(x_1;\\sigma) \\cdots f(x_n;\\sigma)$$\n\n"
           "$$\\log L(\\sigma) = - n \\log \\sigma$$\n")
    steps = check_document(doc).steps
    assert str(steps[-1].verdict) == "undecided"       # never L(p) of the first part
    assert "could not be read" in steps[-1].claim.links[0].message


def test_a_name_defined_in_a_line_not_read_is_never_shown_wrong():
    doc = ("$$\\left\\{ A = \\sum_i x_i y_i ,\\; C = \\sum_i x_i \\right\\}$$\n\n"
           "$$a = \\frac{C}{A} = \\frac{\\sum_i x_i}{\\sum_i x_i y_i}$$\n\n"
           "$$B = \\sum_i x_i^2 \\frac{$$\n\n"
           "$$b = B + 1 = \\sum_i x_i^2 + 1$$\n")
    steps = check_document(doc).steps
    assert [(s.line, str(s.verdict)) for s in steps] == [
        (3, "undecided"), (5, "unparseable"), (7, "undecided")]
    assert "uses A, whose defining step could not be checked (line 1 was not read)" \
        in steps[0].claim.links[-1].message
    assert "(line 5 could not be read)" in steps[-1].claim.links[-1].message
    wrong = doc.replace("+ 1 = \\sum_i x_i^2 + 1", "+ 1 = \\sum_i x_i^2 + 2")
    assert [str(s.verdict) for s in check_document(wrong).steps][-1] == "undecided"


def test_a_system_of_equations_under_one_brace_defines_each_row():
    doc = ("$$\\left\\{\\begin{array}{l} A = \\sum_{i=1}^N x_i y_i \\\\ "
           "C = \\sum_{i=1}^N x_i \\\\ \\end{array} \\right.$$\n\n"
           "$$a = \\frac{C}{A} = \\frac{\\sum_{i=1}^N x_i}{\\sum_{i=1}^N x_i y_i}$$\n")
    steps = check_document(doc).steps
    assert [(s.line, str(s.kind)) for s in steps] == [(1, "definition")] * 2 + [(3, "definition")]
    assert [str(link.method) for link in steps[-1].claim.links] == ["definition", "sampled"]
    assert str(steps[-1].verdict) == "valid"
    assert str(check_document(doc.replace("x_i}{", "x_i^2}{")).steps[-1].verdict) == "invalid"


def test_a_defined_name_whose_value_cannot_be_built_is_never_picked_free():
    # y^{(1)} of the family y^{(i)} needs x^{(1)}, which nothing gives: z^{(2)} has no value
    doc = ("---\ngiven:\n"
           "- w^{(1)} = \\begin{pmatrix} 0.1 & -0.5 \\\\ -0.3 & -0.9 \\end{pmatrix}\n"
           "- b^{(1)} = \\begin{pmatrix} 0.1 \\\\ 0.5 \\end{pmatrix}\n"
           "- w^{(2)} = \\begin{pmatrix} -0.4 & 0.2 \\end{pmatrix}\n"
           "- b^{(2)} = 0.7\n- x=\\begin{pmatrix} 1.8 \\\\ -3.4 \\end{pmatrix}\n"
           "- y^{(i)} = \\sigma (w^{(i)} \\cdot x^{(i)}+b^{(i)})\n"
           "shapes:\n  w^{(1)}: [2, 2]\n  b^{(1)}: [2, 1]\n  w^{(2)}: [1, 2]\n  x: [2, 1]\n---\n"
           "$$z^{(2)} = w^{(2)} \\cdot y^{(1)} + b^{(2)}$$\n\n"
           "$$z^{(2)} = -0.4 \\cdot 0.8797 + 0.2 \\cdot 0.9534 + 0.7$$\n")
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in steps] == ["valid", "undecided"]
    assert "z^{(2)} is defined, but its definition could not give its value" \
        in steps[-1].claim.links[0].message


def test_a_system_to_solve_is_not_read_as_definitions():
    doc = ("Solve\n\n$$\\left\\{\\begin{array}{l} 2a + b = 5 \\\\ a - b = 1 "
           "\\end{array}\\right.$$\n\nwhich gives $a = 2$ and $b = 1$.\n")
    result = check_document(doc)
    assert not any(str(s.verdict) == "invalid" for s in result.steps)
    assert any("states no relation" in w for w in result.warnings)


def test_an_update_written_as_a_call_is_not_kept_from_line_to_line():
    doc = ("$$w(t+1) = w(t) - \\eta g$$\n\n$$w(t+1) - w(t) = -\\eta g$$\n\n"
           "$$w(t+1) = w(t) + \\eta g$$\n")
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in steps] == ["valid", "undecided", "undecided"]
    assert "defines w^{(t + 1)}" in steps[0].claim.links[0].message
    assert "not kept from line to line" in steps[1].claim.links[0].message


def test_the_prime_of_a_formula_of_one_letter_is_its_derivative_not_a_new_name():
    doc = "$$y = x^2 + 3x$$\n\n$$y' = 2x + 3$$\n\n$$y'' = 2$$\n\n$$y' = 2x$$\n"
    steps = check_document(doc).steps
    assert [str(s.kind) for s in steps] == ["definition", "claim", "claim", "claim"]
    assert [str(s.verdict) for s in steps[1:]] == ["valid", "valid", "invalid"]
    # the next value of w, written with a prime, is an update, never dw/dv
    update = "$$w = 3 v^2$$\n\n$$w' = w - 0.1$$\n\n$$w' = 3v^2 - 0.1$$\n"
    steps = check_document(update).steps
    assert str(steps[1].kind) == "definition"
    assert str(steps[2].verdict) == "valid"


def test_a_value_computed_again_from_other_numbers_is_not_rebound():
    doc = ("---\ngiven: ['T = 1']\n---\n$$Y = 0 + 5 = 5$$\n\n$$L = (Y - T)^2$$\n\n"
           "$$L = (5 - 10)^2 = 25$$\n")
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in steps][-1] == "undecided"
    assert "L has a value by its formula" in steps[-1].claim.links[0].message
    right = doc.replace("(5 - 10)^2 = 25", "(5 - 1)^2 = 16")
    assert [str(s.verdict) for s in check_document(right).steps][-1] == "valid"


def test_an_estimate_of_a_variance_defines_the_estimate():
    doc = "$$\\hat{\\sigma}^2 = \\frac{1}{n}\\sum_{k=1}^n x_k^2$$\n"
    step = check_document(doc).steps[0]
    assert str(step.kind) == "definition"


def test_a_gradient_named_with_d_names_the_others_so():
    doc = ("---\nshapes: {X: [4, 3], W: [3, 2]}\n---\n$$Z = XW + b$$\n\n$$A = \\sigma(Z)$$\n\n"
           "$$dA = \\frac{\\partial L}{\\partial A}$$\n\n"
           "$$dZ = dA \\odot A \\odot (1 - A)$$\n\n$$dW = X^T dZ$$\n\n$$dW = dZ^T X$$\n")
    steps = check_document(doc).steps
    assert "defines dA" in steps[2].claim.links[0].message
    assert [str(s.verdict) for s in steps[3:]] == ["valid", "valid", "invalid"]


def test_a_case_typed_in_plain_text_on_a_line_ending_in_a_colon_is_assumed():
    doc = ("$$p_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$$\n\n"
           "Case 2 (off-diagonal, j ≠ i):\n\n"
           "$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n")
    steps = check_document(doc).steps
    assert "assumes j ≠ i in the display after it" in steps[1].claim.links[0].message
    assert str(steps[-1].verdict) == "valid"
    # for that display only; and a sentence that only mentions the letters states no case
    later = doc + "\nFor all i and j:\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n"
    assert str(check_document(later).steps[-1].verdict) == "invalid"
    mention = doc.replace("Case 2 (off-diagonal, j ≠ i):", "For every pair, including j ≠ i:")
    assert str(check_document(mention).steps[-1].verdict) == "invalid"


def test_a_case_in_a_parenthesis_of_the_prose_is_not_assumed():
    doc = ("$$p_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$$\n\n"
           "The off-diagonal entries ($j \\neq i$) are easy.\n\n"
           "$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n")
    assert [str(s.verdict) for s in check_document(doc).steps][-1] == "invalid"


def test_entries_set_to_a_number_in_the_prose_without_if_are_in_doubt():
    doc = ("We start from $w_i = 0$ for every weight, and define\n\n"
           "$$L = \\sum_{i=1}^n (w_i x_i - t_i)^2$$\n\n"
           "$$\\frac{\\partial L}{\\partial w_i} = -2 t_i x_i$$\n")
    steps = check_document(doc).steps
    assert "start value or a condition" in steps[0].claim.links[0].message
    assert str(steps[-1].verdict) == "undecided"       # neither 0 nor free: in doubt
    wrong = doc.replace("-2 t_i x_i", "5 t_i x_i")
    assert str(check_document(wrong).steps[-1].verdict) == "undecided"


def test_entries_set_after_with_in_the_prose_are_a_condition():
    doc = ("The positive examples, those with $y_n = +1$, weigh more.\n\n"
           "$$L = \\sum_n \\exp(-y_n w x_n)$$\n\n"
           "$$\\frac{\\partial L}{\\partial w} = -\\sum_n y_n x_n \\exp(-y_n w x_n)$$\n")
    assert [str(s.verdict) for s in check_document(doc).steps][-1] == "valid"


WORKED = ("---\ngiven: ['y = 0']\nconventions: {log: natural, sigma: logistic}\n---\n"
          "$$ z_2 = 0.25 $$\n\n"
          "$$ a_2 = \\text{Sigmoid}(z_2) \\approx 0.562 $$\n\n"
          "$$ L = -\\left[y \\log(a_2) + (1 - y) \\log(1 - a_2)\\right] $$\n\n"
          "$$ \\frac{dL}{da_2} = GRADIENT = VALUE $$\n")


def worked(gradient: str, value: str) -> str:
    return WORKED.replace("GRADIENT", gradient).replace("VALUE", value)


def test_a_worked_gradient_is_checked_against_the_formula_that_computed_its_numerator():
    # L binds its number, as a_2 is bound; its formula still says what dL/da_2 is, so the
    # link is checked, not only named
    wrong = check_document(worked("a_2 - y", "0.562")).steps[-1].claim.links
    assert [str(link.verdict) for link in wrong] == ["invalid", "valid"]
    right = check_document(worked(r"\frac{1 - y}{1 - a_2} - \frac{y}{a_2}",
                                  "2.284")).steps[-1].claim.links
    assert [str(link.verdict) for link in right] == ["valid", "valid"]
    assert str(right[0].method) != "definition"     # checked, not only named


def test_an_acronym_in_plain_letters_heads_a_definition():
    doc = ("$$ MSE = (\\hat{y} - y)^2 $$\n\n$$ y = 3.0 $$\n\n$$ \\hat{y} = 4.2 $$\n\n"
           "$$ MSE = (4.2 - 3.0)^2 = 1.44 $$\n")
    steps = check_document(doc).steps
    assert steps[0].claim.links[0].message == "defines MSE"
    assert [str(link.verdict) for link in steps[-1].claim.links] == ["valid", "valid"]


def test_a_worked_gradient_right_only_at_the_examples_data_is_undecided():
    # with y = 1 the (1 - y) term vanishes: -1/a_2 is right there, and no formula for dL/da_2
    doc = WORKED.replace("given: ['y = 0']", "given: ['y = 1']")
    links = check_document(doc.replace("GRADIENT", r"-\frac{1}{a_2}").replace(
        "VALUE", "-1.779")).steps[-1].claim.links
    assert str(links[0].verdict) == "undecided" and "worked example's values" in links[0].message


def test_the_front_matter_reads_its_given_as_check_claim_does():
    # a function given by where it sends its variable, a quantifier in parentheses, and an
    # identity: the same reading as `given`, with the domain's shape
    doc = ("---\ngiven:\n- 'f(x):\\mathbb{R}^{N} \\ni x \\mapsto x^T x \\in \\mathbb{R}'\n"
           "- 'y_{i} = 2 x_{i} \\ (\\forall i)'\n"
           "- 'x^T x = \\sum_{i=1}^{N} x_i^2'\n---\n"
           "$$ \\nabla f(x) = 2x $$\n\n$$ \\frac{\\partial y_1}{\\partial x_1} = 2 $$\n")
    assert [v for _, _, v in verdicts(doc)] == ["valid", "valid"]


def test_because_separates_steps_as_therefore_does():
    doc = "$$\\because y = x^2 \\\\ \\therefore \\frac{dy}{dx} = 2x $$\n"
    assert verdicts(doc) == [(1, "definition", "valid"), (1, "claim", "valid")]



JOSE = ("$$L(a, y) = \\frac{1}{2}(a - y)^2$$\n\n"
        "$$\\delta^l = \\frac{\\partial L}{\\partial z^l}$$\n\n"
        "$$x = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$\n\n"
        "$$W^1 = \\begin{bmatrix} 0.1 & 0.3 \\\\ -0.2 & 0.4 \\end{bmatrix}$$\n\n"
        "$$W^2 = \\begin{bmatrix} 0.2 & -0.1 \\end{bmatrix}$$\n\n"
        "$$y = 1$$\n\n"
        "$$z^1 = W^1 x = \\begin{bmatrix} 0.7 \\\\ 0.6 \\end{bmatrix}$$\n\n"
        "$$a^1 = \\text{ReLU}(z^1)$$\n\n"
        "$$z^2 = W^2 a^1 = 0.08$$\n\n"
        "$$a^2 = \\text{sigmoid}(z^2) \\approx 0.5200$$\n\n"
        "$$\\delta^2 = (a^2 - y) \\cdot \\sigma'(z^2)$$\n\n"
        "$$\\delta^2 = -0.4800 \\cdot 0.2496 \\approx -0.1198$$\n\n"
        "$$\\frac{\\partial L}{\\partial W^2} = \\delta^2 (a^1)^T = "
        "-0.1198 \\cdot \\begin{bmatrix} 0.7 & 0.6 \\end{bmatrix}$$\n")


def test_a_worked_network_numbered_by_superscripts_reads_its_layers():
    # W^1 = [...] is layer 1 (nobody writes a first power), z^2 beside it layer 2; δ^2's own
    # definition is used over δ^l's; L(a, y) is the loss of the last layer's a; and the
    # gradient's entries, from rounded decimals, agree within their rounding
    steps = check_document(JOSE).steps
    assert [str(s.verdict) for s in steps if str(s.kind) == "claim"] == ["valid"] * 2
    assert all(str(s.verdict) != "invalid" for s in steps)
    wrong = JOSE.replace("= -0.1198 \\cdot", "= 0.1198 \\cdot")
    assert str(check_document(wrong).steps[-1].verdict) == "invalid"


def test_a_formula_set_equal_to_a_new_letter_names_it():
    doc = "$$X * W + b = Y$$\n\n$$Z = Y + 1$$\n"
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "definition", "valid")]


def test_a_case_said_in_plain_words_of_any_language_holds_for_the_next_block():
    doc = ("$${\\displaystyle a_j = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}}}\\quad\\forall j \\in "
           "\\left[ 1,q \\right]$$\n\nPour sa dérivée partielle, si j = i :\n\n"
           "$$\\frac{\\partial a_i}{\\partial z_j} = a_i(1 - a_j)$$\n")
    assert [v for _, _, v in verdicts(doc)][-1] == "valid"
    other = doc.replace("si j = i :", "si j ≠ i :")
    assert [v for _, _, v in verdicts(other)][-1] == "invalid"


def test_a_worked_value_of_a_name_bound_only_by_its_entries_is_in_doubt():
    doc = ("$$\\hat{m}_1 = \\frac{1}{1 - 0.9^1} = 10$$\n\n"
           "$$\\hat{v}_1 = \\frac{0.1}{1 - 0.999^1} = 100$$\n\n"
           "$$\\alpha = 0.1$$\n\n"
           "$$\\alpha \\times \\hat{m}/\\sqrt{\\hat{v}} = 0.1 \\times 10/10 = 0.1$$\n")
    links = check_document(doc).steps[-1].claim.links
    assert str(links[0].verdict) == "undecided" and "entries" in links[0].message


@pytest.mark.parametrize(("doc", "last"), [
    # a bound member of a family is no name for its derivative's value
    ("$$ p_i = \\sigma(z_i) $$\n\n$$ z_1 = 0 $$\n\n$$ p_1 = 0.5 $$\n\n"
     "$$ \\frac{\\partial p_1}{\\partial z_1} = 0.9 $$\n", "invalid"),
    # A^2 = [...] after A = [...]: the square of A, a claim
    ("$$ A = \\begin{bmatrix} 1 & 1 \\\\ 0 & 1 \\end{bmatrix} $$\n\n"
     "$$ A^2 = \\begin{bmatrix} 1 & 3 \\\\ 0 & 1 \\end{bmatrix} $$\n", "invalid"),
    # "for y = t:" of letters that are no index letters is no case
    ("$$ L = (y - t)^2 $$\n\nLet us check the gradient for y = t:\n\n"
     "$$ \\frac{\\partial L}{\\partial y} = 0 $$\n\nThen in general\n\n"
     "$$ \\frac{\\partial L}{\\partial t} = 0 $$\n", "invalid"),
    # digit superscripts read as layers throughout once the text numbers layers so
    ("$$ a^1 = \\begin{bmatrix} 0.8 \\\\ 0.6 \\\\ 0.0 \\end{bmatrix} $$\n\n"
     "$$ \\delta^2 = -0.1150 $$\n\n"
     "$$ \\delta^2 (a^1)^T = -0.1150 \\cdot \\begin{bmatrix} 0.8 & 0.6 & 0.0 \\end{bmatrix} $$\n",
     "valid"),
])
def test_what_the_twentieth_second_read_found(doc, last):
    assert str(check_document(doc).steps[-1].verdict) == last


@pytest.mark.parametrize("sign, verdict", [("-", "valid"), ("", "invalid")])
def test_a_quantifier_with_a_case_after_a_wide_space_is_that_case(sign, verdict):
    doc = ("$$ s_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}} $$\n\n"
           f"$$ \\frac{{\\partial s_i}}{{\\partial z_j}} = {sign}s_i s_j "
           "\\quad\\forall j \\neq i $$\n")
    steps = check_document(doc).steps
    assert [str(step.verdict) for step in steps[1:]] == [verdict, "valid"]
    assert "case" in steps[2].claim.links[0].message


NAMED = ("$$ z_1 = w_1 x $$\n\n$$ h = \\sigma(z_1) $$\n\n$$ z_2 = w_2 h $$\n\n"
         "$$ \\hat{y} = z_2 $$\n\n$$ L = \\frac{1}{2}(\\hat{y} - y)^2 $$\n\n"
         "With $x = 1$, $w_1 = 0$, $w_2 = 2$, $y = 0$:\n\n$$ z_1 = 0 $$\n\n$$ h = 0.5 $$\n\n"
         "$$ \\hat{y} = 1 $$\n\n"
         "$$ \\frac{\\partial L}{\\partial w_1} = (\\hat{y} - y) w_2 h (1 - h) x = 0.5 $$\n\n"
         "$$ \\frac{\\partial L}{\\partial w_1} = NUMBER $$\n")


@pytest.mark.parametrize(("number", "verdict"), [("0.9", "invalid"), ("0.50", "valid")])
def test_a_gradient_named_again_at_the_same_point_is_a_claim_about_its_number(number, verdict):
    assert str(check_document(NAMED.replace("NUMBER", number)).steps[-1].verdict) == verdict


def test_a_worked_value_labelled_in_parentheses_is_defined():
    doc = ("$$Z_2(in) = (1)(0.3) + (1)(-0.2) + (1)(0.3) = 0.3 - 0.2 + 0.3 = 0.4$$\n\n"
           "$$Z_2(in) + 1 = 1.4$$\n\n$$Z_2(in) + 1 = 1.5$$\n")
    assert verdicts(doc) == [(1, "definition", "valid"), (3, "claim", "valid"),
                             (5, "claim", "invalid")]


def test_a_name_labelled_by_a_word_leaves_the_bare_letter_free_to_be_a_function():
    # ℓ_{Hinge} = … defines another quantity than ℓ, so ℓ(m) = … defines the function ℓ
    doc = ("$$\\ell_{\\text{Hinge}} = \\max(1 - m, 0)$$\n\n"
           "Here $m = y f(x)$ is the margin, and $\\ell(m) = \\max(0, 1 - m)$.\n\n"
           "$$\\ell(2) = 0$$\n")
    assert verdicts(doc)[-1] == (5, "claim", "valid")


def test_a_case_opened_by_a_phrase_in_plain_words():
    doc = ("$$p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\nДля случая k ≠ j:\n\n"
           "$$\\frac{\\partial p_k}{\\partial z_j} = -p_k p_j$$\n")
    assert verdicts(doc)[-1] == (5, "claim", "valid")


def test_a_worked_value_labelled_by_a_word_names_it_and_checks_the_rest():
    doc = "$$v_1 baru = -0.1 + 0.2 \\cdot (-0.1407) \\cdot 0.4750 \\approx -0.1 - 0.01337$$\n"
    assert verdicts(doc) == [(1, "definition", "valid")]
    assert verdicts(doc.replace("-0.1 - 0.01337", "-0.1 + 0.01337")) == [
        (1, "definition", "invalid")]


def test_capitals_printed_together_as_words_of_a_worked_example():
    doc = ("---\ngiven: ['HI = \\begin{pmatrix} 0,2 & 0,3 & 0,2 \\end{pmatrix}', "
           "'W^{HO} = \\begin{pmatrix} 0,2 & 0,1 \\\\ 0,1 & 0,1 \\\\ 0,1 & 0,1 "
           "\\end{pmatrix}']\n---\n"
           "$$HO = \\sigma(HI) = \\begin{pmatrix} 0,5498 & 0,5744 & 0,5498 \\end{pmatrix}$$\n\n"
           "$$HO \\cdot W^{HO} = FI$$\n")
    steps = check_document(doc).steps
    assert [str(s.kind) for s in steps] == ["definition", "claim"]
    assert [str(link.verdict) for link in steps[0].claim.links] == ["valid", "valid"]
    assert "HO" in steps[1].claim.links[0].message and str(steps[1].verdict) == "undecided"
    wrong = check_document(doc.replace("0,5744", "0,5844")).steps[0].claim.links
    assert [str(link.verdict) for link in wrong] == ["valid", "invalid"]


def test_a_column_of_new_names_names_them_and_a_worked_sum_keeps_no_formula():
    column = ("$$\\begin{pmatrix} y_1 \\\\ y_2 \\\\ \\vdots \\\\ y_n \\end{pmatrix} = "
              "\\frac{1}{\\sum_{j=1}^n e^{x_j}} \\begin{pmatrix} e^{x_1} \\\\ e^{x_2} \\\\ "
              "\\vdots \\\\ e^{x_n} \\end{pmatrix}$$\n")
    (step,) = check_document(column).steps
    assert (str(step.kind), str(step.verdict)) == ("definition", "valid")
    # L computed from numbers after its formula: ∂L/∂b still follows the formula
    doc = ("---\ngiven: ['L(y, \\hat{y}) = \\frac{1}{2}(y - \\hat{y})^2', "
           "'\\hat{y} = \\sigma(w a + b)', 'w = 0.8', 'a = 0.5', 'b = 0.1', 'y = 1']\n---\n"
           "$$L = \\frac{1}{2}(1 - 0.6225)^2 = 0.0713$$\n\n"
           "$$\\frac{\\partial L}{\\partial b} = (\\hat{y} - y)\\hat{y}(1 - \\hat{y})$$\n")
    assert str(check_document(doc).steps[-1].verdict) == "valid"


GRADIENT_STEPS = ("Let $g(x, y) = x^2 + y^2$ and $\\alpha = 1/4$.\n\n"
                  "$$(x_0, y_0) = (1, -1)$$\n\n"
                  "$$\\nabla g(x_0, y_0) = (2x_0, 2y_0) = (2, -2)$$\n\n"
                  "$$(x_1, y_1) = (x_0, y_0) - \\alpha \\nabla g(x_0, y_0) = (1/2, -1/2)$$\n\n"
                  "$$(x_2, y_2) = (x_1, y_1) - \\alpha \\nabla g(x_1, y_1) = (1/4, -1/4)$$\n")


def test_points_written_as_pairs_take_their_printed_values():
    steps = check_document(GRADIENT_STEPS).steps
    links = [(s.line, str(link.method), str(link.verdict)) for s in steps
             for link in s.claim.links]
    assert links[2:] == [(3, "definition", "valid"), (5, "proved", "valid"),
                         (5, "numeric", "valid"), (7, "definition", "valid"),
                         (7, "proved", "valid"), (9, "definition", "valid"),
                         (9, "proved", "valid")]
    wrong = check_document(GRADIENT_STEPS.replace("(1/4, -1/4)", "(1/4, -1/2)")).steps
    assert [str(link.verdict) for link in wrong[-1].claim.links] == ["valid", "invalid"]
    # a pair set equal to no printed pair is not read: what uses it is never shown wrong
    unread = GRADIENT_STEPS.replace(" = (1/2, -1/2)", "")
    assert str(check_document(unread).steps[-1].verdict) != "invalid"


def test_a_setting_after_a_step_and_entries_named_by_a_pair():
    # (x = 1) after a step is the step at x = 1: never checked for every x
    steps = check_document("Let $f(x) = x^3$.\n\n$$f'(x) = 3 \\quad (x = 1)$$\n").steps
    assert str(steps[-1].verdict) != "invalid"
    # nor does a setting in a document bind the name for the lines after it
    doc = "Let $L = (w+1)^2$.\n\n$$L = 4 \\quad (w = 1)$$\n\n$$\\frac{dL}{dw} = 4w$$\n"
    assert str(check_document(doc).steps[-1].verdict) != "valid"
    tied = check_document("Let $f(x) = (x^2, 2x)$ and $x = 3$.\n\n$$(f_1, f_2) = (9, 7)$$\n")
    assert str(tied.steps[-1].verdict) == "undecided"
    # w listed by its entries, then the entries given a pair of values
    doc = ("Let $$w = (w_1, w_2)$$.\n\n$$(w_1, w_2) = (3, 4)$$\n\n$$w_1 + w_2 = 7$$\n")
    assert [str(s.verdict) for s in check_document(doc).steps][1:] == ["valid", "valid"]
    wrong = check_document(doc.replace("= 7", "= 8")).steps
    assert str(wrong[-1].verdict) == "invalid"


def test_a_defined_function_at_a_point_is_a_claim_never_a_new_function():
    doc = ("Let $f(x,y)=(x-1)^2+2(y+2)^2$ and $x_0=0$, $y_0=0$.\n\n$$f(x_0, y_0) = 9$$\n\n"
           "$$\\nabla f(x_0, y_0) = (-2, 8)$$\n")
    steps = check_document(doc).steps
    assert [(str(s.kind), str(s.verdict)) for s in steps[-2:]] == [("claim", "valid"),
                                                                   ("claim", "valid")]
    wrong = check_document(doc.replace("= 9", "= 8")).steps
    assert (str(wrong[-2].kind), str(wrong[-2].verdict)) == ("claim", "invalid")



def test_a_name_printed_again_with_another_shape_is_another_example():
    # X printed 3×3 in one example, then as a row of two entries in the next
    doc = ("$$X = \\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\\\ 7 & 8 & 9 \\end{bmatrix}$$\n\n"
           "Another example:\n\n$$X = \\begin{bmatrix} x_1 & x_2 \\end{bmatrix}$$\n\n"
           "$$W = \\begin{bmatrix} w_{11} & w_{12} \\\\ w_{21} & w_{22} \\end{bmatrix}$$\n\n"
           "$$X W = \\begin{bmatrix} x_1 w_{11} + x_2 w_{21} & x_1 w_{12} + x_2 w_{22} "
           "\\end{bmatrix}$$\n")
    steps = check_document(doc).steps
    assert str(steps[-1].verdict) == "valid"
    wrong = check_document(doc.replace("x_2 w_{22}", "x_2 w_{21}")).steps
    assert str(wrong[-1].verdict) == "invalid"


def test_a_gradient_of_a_name_defined_again_as_a_quantity_is_in_doubt():
    doc = ("$$f(x, y) = x^2 + 3y^2$$\n\n$$\\nabla f = (2x, 6y)$$\n\n"
           "$$f = \\frac{1}{n} \\sum_{i,j} x_{ij}^2$$\n\n$$\\nabla f = \\frac{X}{2}$$\n")
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in (steps[1], steps[-1])] == ["valid", "undecided"]
    assert "defined again" in steps[-1].claim.links[0].message



def test_a_condition_after_a_quantifier_binds_no_later_line():
    doc = ("$$\\frac{d}{dx}|x| = 1 \\quad \\forall x > 0$$\n\n$$\\frac{d}{dx}|x| = 1$$\n")
    steps = check_document(doc).steps
    assert str(steps[0].verdict) != "invalid" and str(steps[-1].verdict) == "invalid"


def test_a_name_printed_as_a_matrix_then_given_a_number_is_a_number():
    doc = ("Example 2: $W = \\begin{bmatrix}1&0\\\\0&2\\end{bmatrix}$.\n\n"
           "Example 3: Let $W = 3$ and $x = 2$.\n\n$$W x = 6$$\n")
    assert str(check_document(doc).steps[-1].verdict) == "valid"
    assert str(check_document(doc.replace("= 6$$", "= 7$$")).steps[-1].verdict) == "invalid"


MURUNDB_NEWTON = Path(__file__).parent / "data/blind/zg/docs/murundb-newton-example.md"


def test_a_function_defined_nowhere_given_a_value_at_a_given_point_defines_nothing():
    # murundb's Newton example (blind part zg) with its objective named g: f(x^0) = 17.0
    # made f the constant 17 and its gradient at x^0 wrong
    doc = MURUNDB_NEWTON.read_text().replace(r"\min f(\mathbf{x}) =", r"g(\mathbf{x}) =")
    steps = {step.line: step for step in check_document(doc).steps}
    assert str(steps[37].verdict) == "undecided" and "defined nowhere" in \
        steps[37].claim.links[0].message
    assert all(str(step.verdict) != "invalid" for step in steps.values())


def test_a_problem_stated_with_its_objective_defines_it_and_its_values_are_claims():
    # `\min f(\mathbf{x}) = …` defines f; f and its gradient and Hessian at the given
    # point x^0 are then claims, checked (f(x^0) = 17.0 had made f the constant 17)
    steps = {step.line: step for step in check_document(MURUNDB_NEWTON.read_text()).steps}
    assert steps[25].claim.links[0].message == "defines the function f"
    assert [str(steps[line].verdict) for line in (37, 55, 61, 73)] == ["valid"] * 4
    assert all(str(step.verdict) != "invalid" for step in steps.values())
    wrong = MURUNDB_NEWTON.read_text().replace(r"\left[5, 32 \right]^T", r"\left[5, 23 \right]^T")
    assert str({s.line: s for s in check_document(wrong).steps}[55].verdict) == "invalid"


def test_the_optimum_of_a_defined_function_is_not_its_value():
    doc = "$$f(x) = x^2 + 1$$\n\n$$\\min f(x) = 1$$\n\n$$\\min_x f(x) = 0$$\n"
    steps = check_document(doc).steps
    assert [str(s.verdict) for s in steps[1:]] == ["undecided", "undecided"]


def test_a_logarithm_of_a_new_name_defines_it_in_a_document():
    # Kalay's Poisson regression (blind part zy): ln λ_i = x_i'β is the model's link, so
    # the Hessian of the log-likelihood in β is checked (it was invalid, λ_i read as free)
    doc = (r"$$\ln \lambda _i = x_i '\beta .$$" "\n\n"
           r"$$L(\beta ) = \sum _{i=1} ^n (-\lambda _i + y_i x_i'\beta)$$" "\n\n"
           r"$$\dfrac{\partial ^2 L(\beta )}{\partial \beta \partial \beta '} = "
           r"-\sum _{i=1} ^n \lambda _i x_i x_i'$$" "\n")
    steps = check_document(doc).steps
    assert steps[0].claim.links[0].message.startswith("defines")
    assert str(steps[-1].verdict) == "valid"
    assert str(check_document(doc.replace(r"-\sum _{i=1} ^n \lambda", r"\sum _{i=1} ^n \lambda"))
               .steps[-1].verdict) == "invalid"


@pytest.mark.parametrize("doc, verdicts", [
    # an optimum's value defines nothing: not the entries it is the largest of, not f
    ("$$\\mathbf{z} = [1, 5, 2]^T$$\n\n$$\\max_{i} z_i = 5$$\n\n$$z_1 + z_3 = 10$$\n\n"
     "$$z_1 + z_3 = 3$$\n", ["valid", "undecided", "invalid", "valid"]),
    ("$$\\min_x f(x) = -4$$\n\n$$f(2) = -4$$\n", ["undecided", "undecided"]),
    ("$$\\min_{x} f(x) = f(x^*)$$\n\n$$f(x) = x^2$$\n\n$$f'(x) = 3x$$\n",
     ["undecided", "valid", "invalid"]),
    ("$$\\min_ = 0$$\n", ["undecided"]),
    # a scalar x^0 set to a number is a power, and never makes x^3 an iterate
    ("$$x^0 = 1$$\n\n$$f(x) = x^3 - 2$$\n\n$$f'(x) = 3x^2$$\n", ["valid", "valid", "valid"]),
    ("$$x^0 = 1$$\n\n$$f(x) = x^3 - 2$$\n\n$$f'(x) = 0$$\n", ["valid", "valid", "invalid"]),
    # the point x^0 is named by its value, never x to the power 0
    ("$$\\min f(\\mathbf{x}) = (x_1+1)^4 + x_1 x_2 + (x_2+1)^4$$\n\n"
     "$$\\mathbf{x}^0 = \\left[0, 1 \\right]^T$$\n\n$$f(\\mathbf{x}^0) = 18.0$$\n",
     ["valid", "valid", "invalid"]),
])
def test_what_the_twenty_fifth_second_read_found_in_documents(doc, verdicts):
    assert [str(step.verdict) for step in check_document(doc).steps] == verdicts


@pytest.mark.parametrize("doc, verdicts", [
    # L defined as a quantity, then L(0): L times 0 or L at w = 0; never a counterexample
    ("$$L = (w-2)^2$$\n\n$$L(0) = 4$$\n", ["valid", "undecided"]),
    ("$$L(w) = (w-2)^2$$\n\n$$L(0) = 4$$\n\n$$L(0) = 2$$\n", ["valid", "valid", "invalid"]),
    # the derivative of a defined name is determined: a number for it is a claim, never a
    # number it is named
    ("$$u_k = a_k + b_k$$\n\n$$\\frac{\\partial u_k}{\\partial a_k} = 2$$\n",
     ["valid", "invalid"]),
    ("$$u_k = a_k + b_k$$\n\n$$\\frac{\\partial u_k}{\\partial a_k} = 1$$\n",
     ["valid", "valid"]),
    ("$$u = a + 3 b$$\n\n$$\\frac{\\partial u}{\\partial b} = 2$$\n", ["valid", "invalid"]),
])
def test_what_older_wrong_verdicts_taught_in_the_twenty_sixth_session(doc, verdicts):
    assert [str(step.verdict) for step in check_document(doc).steps] == verdicts


@pytest.mark.parametrize("doc, verdicts", [
    # a binding of w_{12} keeps it one name beside z_j = Σ_k w_{jk} x_k
    ("Let $z_j = \\sum_k w_{jk} x_k$ with $w_{11} = 0.2$, $w_{12} = 0.5$, $x_1 = 1$, "
     "$x_2 = 2$.\n\n$$w_{11} x_1 + w_{12} x_2 = 0.2 + 1.0 = 1.2$$\n",
     ["valid", "valid", "valid", "valid", "valid", "valid"]),
    # \hspace narrower than \qquad around a factor is a space, never a statement's end
    ("Let $L = \\frac12 (\\hat y - y)^2$ and $\\hat y = w x$.\n\n$$\\frac{\\partial L}"
     "{\\partial w} = (\\hat y - y)\\,\\hspace{4mm} x \\hspace{4mm} = (\\hat y - y) x$$\n",
     ["valid", "valid", "valid"]),
])
def test_what_the_twenty_sixth_second_read_found_in_documents(doc, verdicts):
    assert [str(step.verdict) for step in check_document(doc).steps] == verdicts


SIGMOID_NAMED = ("$$\\hat{y} = \\sigma\\!\\left(\\sum_{j=0}^{n} w_j x_j\\right), \\quad \\text{on} "
                 "\\quad \\sigma(z) = \\frac{1}{1 + e^{-z}}.$$\n\n")


@pytest.mark.parametrize("tail, verdict", [
    # the Catalan notes: σ(z) = … restates the known sigmoid and names its variable z, so
    # ∂ŷ/∂z and ∂z/∂w_j read z as what σ is applied to, as a definition of σ would say
    ("$$\\frac{\\partial \\hat{y}}{\\partial z} = \\hat{y}\\,(1-\\hat{y}).$$\n", "valid"),
    ("$$\\frac{\\partial \\hat{y}}{\\partial z} = \\hat{y}\\,(1+\\hat{y}).$$\n", "invalid"),
    ("$$\\frac{\\partial z}{\\partial w_j} = x_j.$$\n", "valid"),
    ("$$\\frac{\\partial z}{\\partial w_j} = w_j.$$\n", "invalid"),
    # σ applied to two arguments: which one z names is not said
    ("$$h = \\sigma(v x)$$\n\n$$\\frac{\\partial \\hat{y}}{\\partial z} = "
     "\\hat{y}\\,(1-\\hat{y}).$$\n", "undecided"),
])
def test_a_known_functions_variable_the_text_restates_names_its_argument(tail, verdict):
    steps = check_document(SIGMOID_NAMED + tail).steps
    assert str(steps[-1].verdict) == verdict
    if verdict != "undecided":
        assert "z read as the argument \\sigma is applied to" in steps[-1].claim.links[0].reading


def test_a_derivative_by_a_letter_the_text_writes_but_no_definition_does_is_undecided():
    # σ' restated writes z but names no function's variable: as read ŷ does not depend on
    # z, 0 by a misreading, never a first error
    doc = ("$$\\hat{y} = \\sigma\\!\\left(\\sum_{j=0}^{n} w_j x_j\\right)$$\n\n"
           "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n\n"
           "$$\\frac{\\partial \\hat{y}}{\\partial z} = \\hat{y}\\,(1+\\hat{y}).$$\n")
    steps = check_document(doc).steps
    assert str(steps[-1].verdict) == "undecided"
    assert "no definition here does" in steps[-1].claim.links[0].message
    assert not any(step.first_invalid for step in steps)


LINEAR_COST = ("---\ngiven:\n- h_\\theta(x) = \\theta_0 + \\theta_1 x\n- J(\\theta_0,\\theta_1) = "
               "\\frac{1}{2m} \\sum_{i=1}^{m} (h_\\theta(x^{(i)}) - y^{(i)})^2\n---\n\n")
BIAS_CASE = ("$$ \\theta_0, j = 0: \\frac{\\partial}{\\partial \\theta_j} "
             "J(\\theta_0, \\theta_1) = \\frac{1}{m} \\sum_{i=1}^m "
             "(h_\\theta(x^{(i)}) - y^{(i)}) $$\n\n")


@pytest.mark.parametrize("doc, verdicts", [
    # mehrdad-dev's notes: a line headed by its case before a colon, j = 0 the bias θ_0
    (LINEAR_COST + BIAS_CASE, ["valid"]),
    (LINEAR_COST + BIAS_CASE.replace("\\frac{1}{m}", "\\frac{2}{m}"), ["invalid"]),
    # the case ends with its line: the same right side for every j is wrong at j = 1
    (LINEAR_COST + BIAS_CASE + "$$\\frac{\\partial}{\\partial \\theta_j} J(\\theta_0, \\theta_1) = "
     "\\frac{1}{m} \\sum_{i=1}^m (h_\\theta(x^{(i)}) - y^{(i)})$$\n", ["valid", "invalid"]),
    (LINEAR_COST + "$$ \\theta_1, j = 1: \\frac{\\partial}{\\partial \\theta_j} J(\\theta_0, "
     "\\theta_1) = \\frac{1}{m} \\sum_{i=1}^m (h_\\theta(x^{(i)}) - y^{(i)}) \\cdot x^{(i)} $$\n",
     ["valid"]),
    # a line headed by a case is a claim in that case, never a number it names
    ("Let $L = \\sum_{t=1}^{T} (h_t - y_t)^2$ with $h_t = w h_{t-1} + x_t$ and $h_0 = 0$.\n\n"
     "$$t = 1: \\frac{\\partial L}{\\partial w} = 2 (h_1 - y_1) h_0$$\n",
     ["valid", "valid", "valid", "invalid"]),
])
def test_a_line_headed_by_its_case_is_read_with_that_case_alone(doc, verdicts):
    assert [str(step.verdict) for step in check_document(doc).steps] == verdicts


def test_an_expectation_step_of_a_document_is_checked_and_an_assumption_never_a_first_error():
    doc = ("$$v_t = \\alpha v_{t-1} + (1 - \\alpha) g_t$$\n\n$$v_0 = 0$$\n\n"
           "$$\\mathbb{E}[v_t] = \\alpha \\mathbb{E}[v_{t-1}] + (1 - \\alpha) "
           "\\mathbb{E}[g_t]$$\n\n"
           "We assume:\n$$\\mathbb{E}[v_t] = (1 - \\alpha^t) \\mathbb{E}[g_t]$$\n")
    steps = check_document(doc).steps
    assert [str(step.verdict) for step in steps] == ["valid", "valid", "valid", "undecided"]
    assert "every distribution" in steps[-1].claim.links[0].message
    assert not any(step.first_invalid for step in steps)


def test_a_relation_opening_inline_math_in_prose_is_a_value_said_in_words():
    # the Norwegian notes' "(hobbit $=0$, alv $=1$)" after $[0,1]$: never a chain [0,1] = 0
    result = check_document("Klassene: $[0,1]$ (hobbit $=0$, alv $=1$).\n\n$$x = 2$$\n\n"
                            "$$y = x + 1$$\n\n$$= 3$$\n")
    assert [str(step.verdict) for step in result.steps] == [
        "undecided", "undecided", "valid", "valid", "valid"]
    assert "said in words" in result.steps[0].claim.links[0].message
    assert not any(step.first_invalid for step in result.steps)


KERNELS = """**Squared Exponential Kernel**

$$k(x,y) = \\exp\\left(-\\frac{1}{2\\ell}(x-y)^2\\right)$$

**Constant Kernel**

$$
\\begin{align*}
k(x,y) & = c \\triangleq e^\\theta\\\\
\\frac{d}{d\\theta} k(x,y) & = c = e^\\theta
\\end{align*}
$$
"""


def test_a_function_written_again_in_new_quantities_is_a_new_model():
    # k(x, y) = c, c mentioned nowhere before: the next example's k, or a wrong restatement
    # of the first; k is defined anew, and what rests on it is undecided either way. The
    # chain's `c \triangleq e^\theta` defines c, which the next line's claims use
    steps = check_document(KERNELS).steps
    assert [(s.line, str(s.kind)) for s in steps] == [(3, "definition"), (9, "definition"),
                                                      (10, "claim")]
    assert [link.message for link in steps[1].claim.links] == ["defines the function k",
                                                               "defines c"]
    assert [str(link.verdict) for link in steps[2].claim.links] == ["undecided", "valid"]
    wrong = KERNELS.replace("c = e^\\theta\n", "c = 2 e^\\theta\n")
    last = check_document(wrong).steps[-1]
    assert [str(link.verdict) for link in last.claim.links] == ["undecided", "invalid"]
    # a wrong restatement (its sign) never makes the step after it valid
    softmax = ("$$J(\\mathbf{z}) = -\\log\\frac{e^{z_y}}{\\sum_j e^{z_j}}$$\n\n"
               "$$J(\\mathbf{z}) = z_y + \\log \\sum_{k=1}^{K} e^{z_k}$$\n\n"
               "$$\\frac{\\partial J}{\\partial z_y} = 1 + "
               "\\frac{e^{z_y}}{\\sum_k e^{z_k}}$$\n")
    assert str(check_document(softmax).steps[-1].verdict) in ("invalid", "undecided")
    # written again in what the text has shown, k is claimed: a wrong restatement is wrong
    claim = "Take $$k(x) = x^2$$ and then $$k(x) = x^3$$\n"
    assert str(check_document(claim).steps[-1].verdict) == "invalid"
    restated = KERNELS.replace("$$k(x,y) = \\exp", "$$k(x,y) = \\exp\\left(-\\frac{1}{\\ell}"
                               "(x-y)^2\\right)$$\n\n$$k(x,y) = \\exp", 1)
    assert [str(s.verdict) for s in check_document(restated).steps][:2] == ["valid", "invalid"]


def test_a_restated_member_of_a_misread_sum_is_never_a_first_error():
    # net_k = ∑ w_hk · o_h read over k (its one index letter): net_j restated is in doubt
    doc = ("---\ngiven:\n- 'net_h = ∑ w_ih · x_i, o_h = σ(net_h)'\n- 'net_k = ∑ w_hk · o_h'\n---\n"
           "The sum at node $j$: $net_j = \\sum_i w_{ji} x_i$\n")
    [step] = check_document(doc).steps
    assert str(step.verdict) == "undecided"
    assert "its own index k" in step.claim.links[0].message


def test_the_entries_of_a_defined_matrix_restated_are_claimed():
    # S_{ij} written out after S = Q K^T/√d: a claim about S's entries, never names of their
    # own, through which the loss would depend on S twice (a false first error)
    doc = ("---\nshapes: {Q: [T_q, d], K: [T_kv, d], V: [T_kv, d]}\n---\n"
           "$$S = \\frac{QK^T}{\\sqrt{d}}$$\n\n$$P = \\text{softmax}(S)$$\n\n$$O = PV$$\n\n"
           "For $Q$: $S_{ij} = \\frac{1}{\\sqrt{d}} \\sum_k Q_{ik} K_{jk}$\n\n"
           "$$\\frac{\\partial L}{\\partial Q_{ik}} = \\sum_{j} \\frac{\\partial L}"
           "{\\partial S_{ij}} \\frac{1}{\\sqrt{d}} K_{jk}$$\n")
    steps = check_document(doc).steps
    assert str(steps[3].kind) == "claim" and str(steps[-1].verdict) != "invalid"


@pytest.mark.parametrize("doc, verdicts", [
    # η = log φ ties φ to η: g(η) = φ = … is a claim (1/(1 + e^{η}) is wrong)
    ("Let $p(y; \\phi) = \\phi^y (1 - \\phi)^{1 - y}$ and $\\eta = \\log \\frac{\\phi}{1 - "
     "\\phi}$.\n\nInverting, $g(\\eta) = \\phi = \\frac{1}{1 + e^{\\eta}}$.",
     ["valid", "valid", "valid", "invalid"]),
    # Bayes' rule after a probability is a claim about it, never its definition
    ("The posterior is $h(x) = p(C_1 \\mid x) = \\frac{p(x \\mid C_1)}{p(x \\mid C_1) + "
     "p(x \\mid C_2)}$.", ["valid", "undecided"]),
    # h(x) = p(y = 1 | x) = σ(z): the probability is σ(z), and ∂L/∂z is not 0
    ("$$z = w x + b$$\n\n$$h(x) = p(y = 1 \\mid x) = \\sigma(z)$$\n\n$$L = -y \\log h(x) - "
     "(1 - y) \\log(1 - h(x))$$\n\n$$\\frac{\\partial L}{\\partial z} = 0$$\n",
     ["valid", "valid", "valid", "valid", "invalid"]),
    # λ written before its worked value: the derivation is checked for every λ
    ("$$L = \\frac{1}{2}(w x - y)^2 + \\frac{\\lambda}{2} w^2$$\n\n$$\\frac{\\partial L}"
     "{\\partial w} = (w x - y) x + 2 \\lambda w$$\n\nWith $\\lambda = 0.1$ we get\n",
     ["valid", "invalid", "valid"]),
    # an entry updated is no restatement; a restatement in doubt leaves what rests on it so
    ("---\nshapes: {m: [3, 1], g: [3, 1]}\n---\nLet $\\beta = 0.9$ and $m = (1 - \\beta) g$."
     "\n\nThe update is $m_i = \\beta m_i + (1 - \\beta) g_i$.", ["valid", "valid", "valid"]),
    ("---\nshapes: {W: [2, 2], x: [2, 1], z: [2, 1]}\n---\nLet $z = W x$.\n\nNow let $z_i = "
     "w_i x_i + b_i$. Then $\\frac{\\partial z_i}{\\partial w_i} = 1$.",
     ["valid", "undecided", "undecided"]),
])
def test_what_the_second_reads_of_the_twenty_ninth_corpus_found(doc, verdicts):
    assert [str(link.verdict) for s in check_document(doc).steps
            for link in s.claim.links] == verdicts


def test_a_name_between_a_function_and_its_formula_is_named():
    # a(η) = λ = e^η: λ (a parameter of p above, determined by nothing) is e^η from here on
    doc = ("$$p(y; \\lambda) = \\frac{e^{-\\lambda} \\lambda ^y}{y!}$$\n\n"
           "$$a(\\eta) = \\lambda = e^{\\eta}$$\n\n$$(y - e^{\\eta}) x_j = (y - \\lambda) x_j$$\n")
    steps = check_document(doc).steps
    assert [str(link.method) for link in steps[1].claim.links] == ["definition", "definition"]
    assert str(steps[-1].verdict) == "valid"


LOGISTIC_GRADIENT = ("The prediction is $p = \\sigma(w x)$ and the loss is\n\n"
                     "$$L = -y \\log p - (1-y)\\log(1-p)$$\n\nIts gradient in w is\n\n"
                     "$$g = (p - y) x$$\n\nRecall that the gradient is given by\n\n$$g = {}$$\n")


@pytest.mark.parametrize("restated, verdict", [("(p - y) x", "valid"), ("(y - p) x", "undecided")])
def test_a_name_introduced_again_is_claimed_or_in_doubt(restated, verdict):
    # "is given by" before a name already defined: right, a claim; otherwise a new
    # definition or a wrong restatement, and never "defines g" as if it were new
    assert str(check_document(LOGISTIC_GRADIENT.format(restated)).steps[-1].verdict) == verdict


def test_a_function_restated_over_another_sum_letter_is_a_claim():
    doc = ("The model:\n\n$$f(x) = \\sum_{i=1}^{n} w_i x^i$$\n\n"
           "Restated:\n\n$$f(x) = \\sum_{k=1}^{n} w_k x^{k+1}$$\n")
    assert str(check_document(doc).steps[-1].verdict) == "invalid"
