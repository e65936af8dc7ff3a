"""The parser at tree level: what each piece of notation is read into, before any meaning."""

from __future__ import annotations

import pytest

from symbolic.errors import MeaningError, ParseError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.chains import joined_rows
from symbolic.notation.parser import says_comparison
from symbolic.notation.rewrite import without_positions
from symbolic.notation.trees import node_text


def test_a_name_keeps_its_decorations():
    node = without_positions(parse_side(r"\hat{y}^{(i)}_{k}"))
    assert node == A.Name(r"\hat{y}", (A.Name("k"),), (A.Name("i"),))


def test_a_name_before_parentheses_is_left_for_the_resolve_pass():
    node = parse_side(r"f(1 - f)")
    assert isinstance(node, A.BinOp) and node.op == "apply"
    assert isinstance(node.left, A.Name) and isinstance(node.right, A.Group)


def test_a_function_labelled_by_a_superscript_and_called_at_a_tuple_is_a_call():
    node = without_positions(parse_side(r"Q^\pi(s, a_0)"))
    assert isinstance(node, A.BinOp) and node.op == "apply"
    assert node.left == A.Name("Q", (), (A.Name(r"\pi"),))
    # a capital labelled by a Greek letter is a call with one argument too (V^π(s)); a
    # small letter's superscript stays a power times a group, for the resolve pass
    assert parse_side(r"V^\pi(s)").op == "apply"
    assert isinstance(parse_side(r"x^\pi(s)").left, A.Power)
    # a number's power before a pair multiplies the vector the pair is
    node = parse_side("x^2(a, b)")
    pair = node.right.inner if isinstance(node.right, A.Group) else node.right
    assert isinstance(node.left, A.Power) and pair.listed
    assert [entry.base for entry in pair.rows[0]] == ["a", "b"]


def test_a_script_typed_in_braces_after_a_name_is_its_script():
    assert without_positions(parse_side(r"\delta{_2}")) == without_positions(
        parse_side(r"\delta_2"))


def test_sqrt_typed_as_a_word_is_the_square_root():
    assert without_positions(parse_side("sqrt(8)")) == without_positions(
        parse_side(r"\sqrt(8)"))


def test_an_operator_name_is_a_call():
    node = parse_side(r"\operatorname{softmax}(z)_j")
    assert isinstance(node, A.Call) and node.name == "softmax"
    assert without_positions(node.index) == A.Name("j")
    assert node.callee is A.Callee.UNRESOLVED


def test_a_word_with_a_letter_superscript_and_nothing_to_apply_to_is_a_name():
    node = without_positions(parse_side(r"\operatorname{net}_{t}^{l}"))
    assert node == A.Name(r"\operatorname{net}", (A.Name("t"),), (A.Name("l"),))
    assert isinstance(parse_side(r"\mathrm{net}^{l} + 1"), A.BinOp)
    called = parse_side(r"\sin^2 x")      # a number raised: a power of the call
    assert isinstance(called, A.Call) and called.power == A.Num("2", pos=5)


def test_plain_text_ends_a_subscript_before_a_function_called_after_it():
    # y_iln(q_i) is y_i ln(q_i); P_ij stays P_{ij}
    node = without_positions(parse_side("y_iln(q_i)"))
    assert isinstance(node, A.BinOp) and node.left == A.Name("y", (A.Name("i"),))
    assert isinstance(node.right, A.Call) and node.right.name == "ln"
    assert without_positions(parse_side("P_ij")) == A.Name("P", (A.Name("i"), A.Name("j")))


def test_a_layer_superscript_then_a_subscript_stays_on_the_name():
    node = parse_side(r"a^l_j")
    assert isinstance(node, A.Power) and node.base.base == "a"
    assert node.base.sub == (A.Name("j", pos=4),) and node.exponent == A.Name("l", pos=2)


def test_cases_are_branches_of_a_value_and_its_conditions():
    node = parse_side(r"\begin{cases} z & z > 0 \\ 0 & \text{otherwise} \end{cases}")
    assert isinstance(node, A.Cases)
    (first_value, first_condition), (second_value, second_condition) = node.branches
    assert first_value == A.Name("z", pos=14)
    assert [c.relation for c in first_condition] == [">"]
    assert second_value == A.Num("0", pos=27) and second_condition == ()


def test_a_chained_condition_is_two_comparisons():
    node = parse_side(r"\begin{cases} 1 & 0 < p < 1 \\ 0 & p \geq 1 \end{cases}")
    conditions = node.branches[0][1]
    assert [c.relation for c in conditions] == ["<", "<"]


def test_a_condition_that_is_not_a_comparison_has_no_meaning():
    with pytest.raises(MeaningError, match="not a comparison"):
        parse_side(r"\begin{cases} 1 & p \\ 0 & q \end{cases}")


def test_a_matrix_whose_second_column_compares_is_piecewise():
    node = parse_side(r"\begin{Bmatrix} z & z > 0 \\ 0 & z <= 0 \end{Bmatrix}")
    assert isinstance(node, A.Cases)
    assert [[c.relation for c in condition] for _, condition in node.branches] == [[">"],
                                                                                  ["<="]]
    matrix = parse_side(r"\begin{bmatrix} z & 0 \\ 0 & z \end{bmatrix}")
    assert isinstance(matrix, A.MatrixLiteral)


def test_a_chain_is_not_cut_inside_an_environment():
    chain = split_chain(r"f = \begin{cases} z & z > 0 \\ 0 & z \leq 0 \end{cases}")
    assert chain.relations == ("=",)
    assert chain.sides[1].text.startswith(r"\begin{cases}")


@pytest.mark.parametrize("text", [r"\mathbb{E}[x \mid y]", r"\int_0^1 x\,dx",
                                  r"\mathbb{P}(y = 1)"])
def test_recognised_but_uncheckable_notation_has_no_meaning(text):
    with pytest.raises(MeaningError):
        parse_side(text)


@pytest.mark.parametrize(("text", "where"), [(r"\frac{1}{2", 0), (r"(a + b", 0), (r"x + ", 4)])
def test_unreadable_text_is_a_parse_error_with_a_caret(text, where):
    with pytest.raises(ParseError) as caught:
        parse_side(text)
    assert caught.value.source == text and "^" in str(caught.value)


def test_a_matrix_literal_is_rows_of_entries():
    node = parse_side(r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}")
    assert [[cell.text for cell in row] for row in node.rows] == [["1", "2"], ["3", "4"]]


def test_a_comparison_said_in_prose_around_math_is_that_comparison():
    node = parse_side(r"\begin{cases} 1, & \text{if $y$ is 1} \\ 0, & \text{if $y$ is not 1} "
                      r"\end{cases}")
    assert [[c.relation for c in condition] for _, condition in node.branches] == [["=="],
                                                                                  ["!="]]
    assert says_comparison("for $i \\neq j$") and not says_comparison("in the case $a > 0$")


def test_a_letter_in_braces_that_is_called_is_the_letter():
    called = parse_side(r"{\ell}(p, y)")
    assert called.op == "apply" and called.left.base == r"\ell"
    quotient = parse_side(r"\frac{1}{\ell}(p)")           # a command's argument: no callee
    assert quotient.op == "juxt" and quotient.left.op == "/"


def test_braces_around_the_parts_of_a_slashed_derivative_group_nothing():
    braced = parse_side(r"{\partial \xi}/{\partial z_i}")
    assert isinstance(braced, A.Partial)
    assert (braced.numerator.base, braced.wrt.base, braced.order) == (r"\xi", "z", 1)


def test_a_layer_then_a_transpose_in_one_superscript():
    node = parse_side(r"W^{[l] T}")
    assert isinstance(node, A.Transpose) and node.operand.base == "W"
    assert [s.base for s in node.operand.sup] == ["l"]


def test_a_group_that_holds_only_a_group_is_that_group():
    assert isinstance(parse_side(r"\frac{\partial}{{\partial z}} z^2"), A.Partial)


def test_a_derivative_written_with_the_arguments_of_its_function():
    written = parse_side(r"\frac{df}{dz}(x,z)")
    assert isinstance(written, A.Partial) and written.numerator.base == "f"
    product = parse_side(r"\frac{dy}{dx}(x - 1)")        # not a list of names: a product
    assert isinstance(product, A.BinOp) and isinstance(product.left, A.Partial)


def test_a_bare_number_argument_of_a_fraction_is_one_digit_as_in_tex():
    half = without_positions(parse_side(r"\frac12"))
    assert half == A.BinOp("/", A.Group(A.Num("1")), A.Group(A.Num("2")))
    over = without_positions(parse_side(r"\frac1{2m}"))
    assert over.left == A.Group(A.Num("1")) and over.right.inner.op == "juxt"
    assert without_positions(parse_side(r"\binom42")).args == (A.Num("4"), A.Num("2"))


def test_a_known_function_after_d_is_differentiated_over_the_variable():
    bare = parse_side(r"\frac{d\tanh}{dx}")
    called = parse_side(r"\frac{d\tanh(x)}{dx}")
    for node in (bare, called):
        assert isinstance(node, A.Partial) and node.wrt.base == "x"
        assert without_positions(node.numerator) == without_positions(parse_side(r"\tanh(x)"))


def test_a_sign_as_a_subscript_is_a_label():
    assert parse_side(r"p_{+}").suffix == "+" and parse_side(r"p_-").suffix == "-"


def test_terms_after_a_sum_that_use_its_index_are_summed():
    node = parse_side(r"-\sum_{i=1}^{m} y^{(i)} \log h + (1 - y^{(i)}) \log(1 - h)")
    assert isinstance(node, A.Neg) and isinstance(node.operand, A.SumOver)
    assert node.operand.body.op == "+"
    apart = parse_side(r"\sum_{i=1}^{m} x_i + \lambda \sum_{j} w_j^2")  # no i: a term apart
    assert apart.op == "+" and isinstance(apart.left, A.SumOver)
    own = parse_side(r"\sum_i x_i - \sum_i y_i")       # a sum of its own binds its i
    assert own.op == "-" and isinstance(own.right, A.SumOver)


def test_two_bars_written_together_as_commands_are_a_norm():
    for text in (r"\vert\vert w \vert\vert^2", r"\left\vert\left\vert w \right\vert\right\vert^2",
                 r"||w||^2"):
        node = parse_side(text)
        assert isinstance(node, A.Power) and isinstance(node.base, A.Norm), text
    assert isinstance(parse_side(r"|x||y|"), A.BinOp)       # two absolute values


def test_a_minus_in_the_numerator_of_a_derivative_negates_it():
    node = parse_side(r"\frac{- \partial L}{\partial p_j}")
    assert isinstance(node, A.Neg) and isinstance(node.operand, A.Partial)


def test_a_doubled_equals_in_a_comparison_is_one():
    assert without_positions(parse_side(r"1(k == i)")) == without_positions(
        parse_side(r"1(k = i)"))


def test_a_word_as_a_superscript_is_part_of_the_name_never_a_power():
    assert parse_side(r"w^{new}") == A.Name("w^{new}")
    assert parse_side(r"\theta^{MLE}").base == r"\theta^{MLE}"
    called = parse_side(r"L^\text{logistic}(\beta)")
    assert called.op == "apply" and called.left.base == "L^{logistic}"
    assert isinstance(parse_side(r"e^{wx}"), A.Power)         # two letters: a product
    assert isinstance(parse_side(r"e^{abc}"), A.Power)        # e: always a power


def test_a_primed_summation_index_is_a_letter_of_its_own():
    node = parse_side(r"\sum_{j^{'}=1}^{V} \exp(u_{j^{'}}) + u_j")
    assert node.op == "+" and isinstance(node.left, A.SumOver)
    inner = node.left
    assert inner.index not in ("j", None) and inner.body.args[0].sub[0].base == inner.index
    assert node.right.sub[0].base == "j"                # the unprimed j stays j


def test_a_sum_without_an_index_runs_over_the_letter_only_its_body_uses():
    node = parse_side(r"\frac{\sum e^{x_d} e^{x_i}}{\sum e^{x_d}} - e^{x_i}").left
    sums = [n for n in (node.left.inner, node.right.inner) if isinstance(n, A.SumOver)]
    assert [s.index for s in sums] == ["d", "d"]
    called = parse_side(r"\log(\sum_j \exp(z_j)) - \log \sum \exp(z_k)")
    assert called.right.args[0].index == "k"
    assert parse_side(r"x_i - \sum x_i").right.index is None     # i is used outside: unsaid


def test_tex_forms_of_fractions_operators_and_negation():
    half = without_positions(parse_side(r"\frac{1}{2}"))
    assert without_positions(parse_side(r"{1 \over 2}")) == half
    assert without_positions(parse_side(r"1 \over 2")) == half
    assert without_positions(parse_side(r"\mathop{\rm argmax}(z)")) == without_positions(
        parse_side(r"\operatorname{argmax}(z)"))
    assert parse_side(r"\sum_{y \not= k} p_y").exclude.base == "k"
    assert parse_side(r"\overrightarrow{w}").base == r"\vec{w}"
    assert without_positions(parse_side(r"x \hspace{1cm} y")) == without_positions(
        parse_side(r"x y"))


def test_an_infix_fraction_of_differentials_is_a_derivative():
    node = parse_side(r"{\delta Sig \over \delta x}")
    assert isinstance(node, A.Partial) and node.wrt.base == "x"


def test_a_capitalised_word_s_power_before_parentheses_is_a_power_of_the_call():
    node = parse_side(r"Tanh^2(x)")
    assert isinstance(node, A.Call) and node.name == "Tanh" and node.power.text == "2"
    assert not isinstance(parse_side(r"abc^2(x)"), A.Call)        # lowercase letters multiply


def test_a_bold_letter_is_the_same_name_and_remembers_it_was_bold():
    bold, plain = parse_side(r"\mathbf{w}"), parse_side("w")
    assert bold == plain and bold.bold and not plain.bold
    assert parse_side(r"\boldsymbol{\theta}_j").bold and not parse_side(r"\mathbf{1}").bold


def test_a_subscript_inside_an_accent_is_the_name_s_index():
    assert without_positions(parse_side(r"\hat {x_i}")) == without_positions(
        parse_side(r"\hat{x}_i"))
    assert without_positions(parse_side(r"\mathbf{x_i}")) == without_positions(
        parse_side(r"x_i"))


def test_a_capitalised_word_in_parentheses_before_the_math_is_a_label():
    assert without_positions(parse_side(r"(Mean) \space \mu")) == A.Name(r"\mu")
    assert isinstance(parse_side(r"(a + b) c"), A.BinOp)             # math stays math


def test_a_sum_in_braces_before_a_bracket_is_in_doubt():
    with pytest.raises(MeaningError, match="braces do not show"):
        parse_side(r"{a - \frac{1}{N} - b}\left(c\right)")
    assert isinstance(parse_side(r"\left(a - b\right)\left(c\right)"), A.BinOp)


def test_an_equation_editor_s_braced_letter_takes_its_scripts():
    assert without_positions(parse_side(r"{ p }_{ i }")) == without_positions(parse_side("p_i"))
    assert without_positions(parse_side(r"\hat{p}_i")) == without_positions(
        parse_side(r"\hat{p}_{i}"))
    total = parse_side(r"\sum _{ k }^{  }{ exp\left( { a }_{ k } \right)  }")
    assert isinstance(total, A.SumOver) and total.index == "k"


def test_a_sum_that_leaves_one_out_runs_over_the_letter_its_terms_use():
    total = parse_side(r"\sum_{i \neq j} \frac{y_j}{p_j}")
    assert total.index == "j" and total.exclude.base == "i"
    assert parse_side(r"\sum_{j \neq i} y_j").index == "j"


def test_a_letter_then_a_digit_in_a_subscript_are_two_indices():
    assert [type(s).__name__ for s in parse_side("x_{i2}").sub] == ["Name", "Num"]
    assert len(parse_side("x_{i+2}").sub) == 1


def test_a_word_typed_after_an_unbraced_subscript_finishes_it():
    assert parse_side("y_pred") == A.Name("y", suffix="pred")
    assert without_positions(parse_side("w_ix_i")) == without_positions(parse_side("w_i x_i"))


def test_a_derivative_typed_inline_with_d_is_a_derivative():
    assert without_positions(parse_side("dL/dz")) == without_positions(
        parse_side(r"\partial L / \partial z"))
    assert isinstance(parse_side("dŷ / dz"), A.Partial)          # an accented name
    assert isinstance(parse_side("a/d"), A.BinOp)                 # no d against a name


def test_a_thousands_separator_is_one_number_but_a_list_keeps_its_commas():
    from symbolic.notation.lexer import tokenize
    assert [t.text for t in tokenize("10,000*0.01")][:1] == ["10000"]
    assert [t.text for t in tokenize("[100,200]")][1:4] == ["100", ",", "200"]


def test_a_set_in_a_subscript_is_a_label():
    assert parse_side(r"\mu_{\mathcal{B}}") == A.Name(r"\mu", suffix=r"\mathcal{B}")


def test_a_sum_s_index_over_two_letters_is_their_sample_index_not_a_power():
    total = parse_side(r"\sum^N_{i=1} (w^T x^i - y^i) x^i")
    names = {n.base: n.sup for n in A.walk(total) if isinstance(n, A.Name) and n.sup}
    assert set(names) == {"x", "y"}
    assert isinstance(parse_side(r"\sum_i x^i").body, A.Power)               # a power series
    assert isinstance(parse_side(r"\sum_t \gamma^t r^t").body.left, A.Power)    # a discount


def test_a_sum_whose_terms_use_no_index_before_more_terms_is_in_doubt():
    with pytest.raises(MeaningError, match="what this sum covers"):
        parse_side(r"\sum^N_{i=1} - \log{1} + \log (1 + e^{-yw^Tx})")
    assert isinstance(parse_side(r"\sum_{i=1}^{N} 1"), A.SumOver)


def test_digits_between_letters_stay_a_product():
    assert without_positions(parse_side("x2x")) == without_positions(parse_side("x 2 x"))
    assert parse_side("w12").sub[0].text == "12"


def test_alignment_marks_beside_a_relation_are_layout():
    assert [s.text.strip() for s in split_chain(r"a &= b =& c").sides] == ["a", "b", "c"]


def test_cfrac_is_a_fraction():
    assert without_positions(parse_side(r"\cfrac{1}{2}")) \
        == without_positions(parse_side(r"\frac{1}{2}"))


def test_snake_case_text_is_one_word():
    name = parse_side(r"\text{attention\_weights}")
    assert isinstance(name, A.Name) and "attentionweights" in name.base


def test_a_font_over_an_unbraced_letter_is_that_letter_in_bold():
    assert without_positions(parse_side(r"\hat{\boldsymbol w}")) \
        == without_positions(parse_side(r"\hat{\boldsymbol{w}}"))


def test_a_sum_over_two_index_letters_written_together_is_two_sums():
    node = parse_side(r"\sum_{kl} W_{kl}^2")
    assert isinstance(node, A.SumOver) and node.index == "k"
    assert isinstance(node.body, A.SumOver) and node.body.index == "l"


def test_an_upper_bound_that_repeats_the_index_is_the_bound():
    node = parse_side(r"\sum_{p=0}^{p=P} y_p")
    assert isinstance(node.upper, A.Name) and node.upper.base == "P"


@pytest.mark.parametrize("text", [r"\frac{\partial y}{\partial x}_{\text{direct}}",
                                  r"\left(\frac{\partial y}{\partial x}\right)_{i,:}"])
def test_a_subscript_on_a_derivative_or_bracket_is_not_read(text):
    with pytest.raises(MeaningError):
        parse_side(text)


def test_nabla_alone_names_the_implied_loss_gradient():
    node = parse_side(r"\nabla_{X_i} + 1")
    assert isinstance(node.left, A.Name) and node.left.base == r"\nabla_{X}"
    assert [s.base for s in node.left.sub] == ["i"]
    assert isinstance(parse_side(r"\nabla_w L"), A.Partial)


def test_rows_that_go_on_with_an_alignment_mark_are_one_chain():
    chain = split_chain(r"a &= b \\ &= c")
    assert [s.text.strip() for s in chain.sides] == ["a", "b", "c"]
    two_rows = r"&f = 2x \\ &g = 2x"                    # a row of its own: not joined
    assert joined_rows(two_rows) == two_rows
    cases = split_chain(r"y = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}")
    assert len(cases.sides) == 2


def test_a_labelled_conditional_probability_is_one_name():
    node = parse_side(r"p^m(x \mid \lambda)")
    assert isinstance(node, A.Name) and node.base == r"p^{m}(x \mid \lambda)"


def test_angle_brackets_are_the_inner_product():
    node = parse_side(r"\langle x, y \rangle")
    assert isinstance(node, A.Call) and node.name == "tr"
    assert isinstance(node.args[0].left, A.Transpose)


def test_the_gradient_of_a_function_with_a_label():
    node = parse_side(r"\nabla J_i(w)")
    assert isinstance(node, A.Call) and node.name == r"\nabla J_{i}"


def test_a_tuple_in_a_subscript_is_a_label():
    assert parse_side(r"E_{(w, b)}") == A.Name("E", suffix="(w,b)", pos=0)


def test_braces_around_one_expression_group_it_and_hold_an_operators_arguments():
    group = parse_side(r"\{ 1 - y \}")
    assert isinstance(group, A.Group)
    call = parse_side(r"\max\{0, 1 - y\}")
    assert isinstance(call, A.Call) and len(call.args) == 2
    with pytest.raises(ParseError):
        parse_side(r"\{0, 1\}")


def test_a_words_derivative_is_the_call_with_primes():
    node = parse_side(r"\text{ReLU}'(x)")
    assert isinstance(node, A.Call) and node.name == "ReLU" and node.primes == 1


def test_a_bold_one_before_a_comparison_is_an_indicator():
    assert isinstance(parse_side(r"\mathbf{1}\{ i = j \}"), A.Indicator)
    assert isinstance(parse_side(r"\mathbf{1}^T x"), A.BinOp)     # the vector of ones


def test_an_array_in_a_left_brace_is_the_cases_of_a_piecewise_value():
    node = parse_side(r"\left\{ \begin{array}{ll} a & (x \geq 0) \\ b & otherwise "
                      r"\end{array}\right.")
    assert isinstance(node, A.Cases) and len(node.branches) == 2
    assert node.branches[1][1] == ()            # otherwise


def test_a_run_of_unicode_subscripts_is_one_subscript():
    node = without_positions(parse_side("δᵢⱼ"))
    assert node == A.Name(r"\delta", (A.Name("i"), A.Name("j")))
    assert without_positions(parse_side("x⁽ⁱ⁾")) == A.Name("x", (), (A.Name("i"),))


def test_a_combining_accent_decorates_the_letter_before_it():
    assert without_positions(parse_side("y\u0302")) == A.Name(r"\hat{y}")
    assert without_positions(parse_side("x\u0304")) == A.Name(r"\bar{x}")


def test_the_at_sign_is_a_matrix_product():
    node = without_positions(parse_side("A @ B"))
    assert node == A.BinOp("juxt", A.Name("A"), A.Name("B"))


def test_a_squared_nabla_after_its_subscript_is_the_hessian():
    assert without_positions(parse_side(r"\nabla_w^2 P")) == \
        without_positions(parse_side(r"\nabla^2_w P"))


def test_a_slashed_derivative_by_an_accented_name():
    node = parse_side("dL/dŷ")
    assert isinstance(node, A.Partial) and without_positions(node.wrt) == A.Name(r"\hat{y}")


def test_the_word_sum_typed_with_an_index_is_a_sum():
    node = without_positions(parse_side(r"sum_{j=1}^{n}(x_j^2)"))
    assert isinstance(node, A.SumOver) and node.index == "j" and node.upper == A.Name("n")
    assert not isinstance(parse_side(r"cumsum_k(x)"), A.SumOver)


def test_plain_text_writes_a_subscript_of_several_characters_unbraced():
    # no command anywhere: typed as code, P_ij is P_{ij}; w_ix_i stays w_i x_i
    assert without_positions(parse_side("P_ij")) == without_positions(parse_side("P_{ij}"))
    assert without_positions(parse_side("x_ik * W_kj")) == without_positions(
        parse_side(r"x_{ik} * W_{kj}"))
    assert without_positions(parse_side("w_ix_i")) == without_positions(parse_side("w_i x_i"))
    # in LaTeX, TeX's reading stands: w_ij is w_i times j
    assert without_positions(parse_side(r"w_ij \cdot 1")) != without_positions(
        parse_side(r"w_{ij} \cdot 1"))


def test_a_unicode_subscript_run_keeps_its_letters_in_place():
    # Σᵢⱼ is a sum over i and j, as \sum_{ij} is
    assert without_positions(parse_side("Σᵢⱼ a_ij")) == without_positions(
        parse_side(r"\sum_{ij} a_{ij}"))


def test_an_entry_of_a_bracketed_matrix_expression_is_written_out():
    def same(left: str, right: str) -> bool:
        return without_positions(parse_side(left)) == without_positions(parse_side(right))

    product = parse_side(r"(BA)_{qp}")
    assert isinstance(product, A.SumOver) and product.lower is None and product.upper is None
    k = product.index
    assert without_positions(product) == without_positions(
        parse_side(rf"\sum_{k} B_{{q{k}}} A_{{{k}p}}"))
    assert same(r"(A^T)_{kl}", r"A_{lk}") and same(r"X^T_{jk}", r"X_{kj}")
    column = parse_side(r"(Ax)_i")
    assert without_positions(column) == without_positions(
        parse_side(rf"\sum_{column.index} A_{{i{column.index}}} x_{column.index}"))
    assert isinstance(parse_side(r"(XB + BX)^T_{pq}"), A.BinOp)


def test_numbers_side_by_side_in_brackets_are_a_vector():
    vector = parse_side(r"[ 2  1 -1 ]")
    assert isinstance(vector, A.MatrixLiteral) and len(vector.rows[0]) == 3
    assert isinstance(parse_side(r"[2 - 1]"), A.Group)        # spaced apart: a difference


def test_a_prime_written_as_a_superscript_and_a_braced_power_below_the_line():
    def same(left: str, right: str) -> bool:
        return without_positions(parse_side(left)) == without_positions(parse_side(right))

    assert same(r"(x^2)^{\prime}", r"(x^2)'")
    assert same(r"\frac{\partial^{2} f}{\partial x^{2}}", r"\frac{\partial^2 f}{\partial x^2}")
    gradient = parse_side(r"(\nabla f)(x)")
    assert isinstance(gradient, A.Call) and len(gradient.args) == 1
    assert isinstance(parse_side(r"tr(AB)"), A.Call)


@pytest.mark.parametrize("text", [r"\mathbf{E}[T(X)]", r"\mathrm{Var}[X]", r"\text{Var}[X]",
                                  r"\mathrm{E}[X] - \mu"])
def test_an_expectation_or_variance_in_a_font_is_refused(text):
    with pytest.raises(MeaningError, match="distribution"):
        parse_side(text)


def test_a_double_bar_between_a_divergence_s_arguments_separates_them():
    for text in (r"KL(P \| Q)", r"KL(P || Q)", r"KL(P \parallel Q)"):
        call = parse_side(text)
        assert isinstance(call, A.Call) and len(call.args) == 2, text
    # a norm's bars, and two absolute values side by side, are left alone
    assert isinstance(parse_side(r"f(\|x\|)").right.inner, A.Norm)
    product = parse_side(r"f(|a||b|)").right.inner
    assert isinstance(product.left, A.Abs) and isinstance(product.right, A.Abs)


def test_a_bold_zero_is_the_zero_vector_and_a_bold_one_the_vector_of_ones():
    assert parse_side(r"\mathbf{0}").base == parse_side(r"\boldsymbol{0}").base == r"\mathbf{0}"
    assert parse_side(r"\mathbf{1}").base == r"\mathbf{1}"
    assert parse_side(r"\mathbf{0.5}") == A.Num("0.5", pos=8)


def test_a_statement_in_bold_or_broken_over_lines_is_one_chain():
    bold = split_chain(r"\mathbf{\frac{\partial L}{\partial d} = f}")
    assert [side.text.strip() for side in bold.sides] == [r"\frac{\partial L}{\partial d}", "f"]
    broken = split_chain(r"a \\ = b \\ = c")
    assert [side.text.strip() for side in broken.sides] == ["a", "b", "c"]
    # a bold name on one side stays that side's
    assert [side.text.strip() for side in split_chain(r"\mathbf{x} = y").sides] \
        == [r"\mathbf{x}", "y"]


def test_an_event_as_an_argument_is_a_probability_derivcheck_does_not_model():
    with pytest.raises(MeaningError, match="an event as an argument"):
        parse_side("P(Y=y)")
    with pytest.raises(MeaningError, match="an event as an argument"):
        parse_side(r"P(X > 0)")


@pytest.mark.parametrize(("text", "numbers"), [
    (r"= 0,3", ["0.3"]),                                      # a continental decimal
    (r"\begin{pmatrix} 0,5498 & 0,1 \end{pmatrix}", ["0.5498", "0.1"]),
    ("(0,1)", ["0", "1"]),                                    # a pair, or an interval
    ("x_{0,1}", ["0", "1"]),                                  # a pair of indices
    ("[0,1]", ["0", "1"]),
    ("i = 1,2", ["1", "2"]),                                  # the values an index takes
    ("10,000", ["10000"]),                                    # a thousands separator
])
def test_a_decimal_comma_stands_where_no_list_can(text, numbers):
    from symbolic.notation.lexer import tokenize
    assert [t.text for t in tokenize(text) if t.kind == "number"] == numbers


def test_a_word_superscript_then_an_entry_and_a_bold_letter_with_its_index_inside():
    weight = parse_side(r"w^{IH}_{01}")
    assert (weight.base, [n.text for n in weight.sub]) == (r"w^{IH}", ["01"])
    assert without_positions(parse_side(r"\mathbf{e_i}")) \
        == without_positions(parse_side(r"\mathbf{e}_i"))


def test_braced_letters_with_scripts_side_by_side_are_a_product():
    # equation editors brace every letter: { \beta }_{ 1 }{ x }_{ i1 } is β_1 x_{i1}
    assert without_positions(parse_side(r"{ \beta }_{ 1 }{ x }_{ i1 }")) \
        == without_positions(parse_side(r"\beta_{1} x_{i1}"))


def test_a_row_break_with_its_space_and_octave_element_wise_product():
    from symbolic.notation.lexer import tokenize
    # \\[8pt]: the space after a row break is no factor of the next row
    assert [t.text for t in tokenize(r"a \\[8pt] b \\ [c]")][:-1] == [
        "a", "\\\\", "b", "\\\\", "[", "c", "]"]
    column = node_text(parse_side(r"\begin{bmatrix} a \\[4pt] b \end{bmatrix}"))
    assert column == node_text(parse_side(r"\begin{bmatrix} a \\ b \end{bmatrix}"))
    # a .* b, as Octave (and notes copied from it) writes the element-wise product
    assert node_text(parse_side(r"g(u) .* (1 - g(u))")) == \
        node_text(parse_side(r"g(u) \odot (1 - g(u))"))


@pytest.mark.parametrize("text, over", [
    (r"\mathbb{E}[v_t]", ""),
    (r"\mathbb{E}_{P}\left[ \log(q(x)) \right]", "P"),
    (r"\mathbb{E}_{x \sim p}[f(x)]", r"x \sim p"),
])
def test_an_expectation_reads_with_the_distribution_it_is_under(text, over):
    node = parse_side(text)
    assert isinstance(node, A.Expectation) and node.over == over
