"""The context a document builds as it runs: kinds of steps, functions, cases, named numbers."""

from __future__ import annotations

import pytest
import sympy

from symbolic import check_claim, check_document
from symbolic.checker import case_assumption
from symbolic.context import Context, Expansion, name_key
from symbolic.limits import MAX_DEFINITION_CHAIN, WorkLimitExceeded
from symbolic.notation import ast as A
from symbolic.notation import parse_side
from symbolic.notation.build import Instance


def run(text: str):
    """(kind, verdicts) of every step of a document given as text."""
    result = check_document(text)
    return [(str(s.kind), [_word(k) for k in s.claim.links]) for s in result.steps]


def _word(link) -> str:
    return "definition" if link.method == "definition" else str(link.verdict)


# -- kinds of steps (rule 1 of tests/data/expected/README.md) ---------------------------


def test_a_restated_given_is_a_claim_and_a_new_name_is_a_definition():
    doc = "---\ngiven: ['z = 2 x']\n---\n$$z = 2 x$$\n\n$$z = 3 x$$\n\n$$y = 3 x$$\n"
    assert run(doc) == [("claim", ["valid"]), ("claim", ["invalid"]),
                        ("definition", ["definition"])]


def test_an_indexed_given_covers_every_index():
    doc = ("---\ngiven: ['y_j = \\delta_{jk}']\nconventions: {symbols: {k: index}}\n---\n"
           "$$y_k = 1$$\n\n$$y_k = 0$$\n")
    assert run(doc) == [("claim", ["valid"]), ("claim", ["invalid"])]


def test_a_statement_about_a_defined_name_is_a_claim_not_a_redefinition():
    doc = "$$y = 2 x$$\n\n$$y = 3 x$$\n\n$$\\frac{dy}{dx} = 2$$\n"
    assert run(doc) == [("definition", ["definition"]), ("claim", ["invalid"]),
                        ("claim", ["valid"])]


def test_a_new_section_may_define_a_name_afresh():
    doc = "$$y = 2 x$$\n\n# Another model\n\n$$y = 3 x$$\n\n$$\\frac{dy}{dx} = 3$$\n"
    assert run(doc) == [("definition", ["definition"]), ("definition", ["definition"]),
                        ("claim", ["valid"])]


def test_a_new_update_rule_that_brings_in_new_quantities_defines_afresh():
    doc = "$$w_N = w_0 - \\alpha E$$\n\n$$w_N = w_0 - \\eta y$$\n"
    assert run(doc) == [("definition", ["definition"]), ("definition", ["definition"])]


def test_binding_update_and_a_leading_arrow():
    doc = ("$$w = 0.5$$\n\n$$w = w - 0.1 \\times 2 = 0.5 - 0.2 = 0.3$$\n\n"
           "$$\\Rightarrow w = 1$$\n\n$$w + 1 = 2$$\n")
    assert run(doc) == [("binding", ["definition"]),
                        ("update", ["definition", "valid", "valid"]),
                        ("binding", ["definition"]), ("claim", ["valid"])]


def test_an_update_reads_the_old_value_and_binds_the_exact_new_one():
    doc = "$$w = 1$$\n\n$$w = w - 0.25 = 0.6$$\n\n$$w = 0.75$$\n"
    kinds = run(doc)
    assert kinds[1] == ("update", ["definition", "invalid"])      # 1 - 0.25 is 0.75
    assert check_document(doc).steps[1].claim.links[0].message == "updates w to 3/4"


def test_a_name_with_a_compound_index_is_defined_without_breaking_later_steps():
    doc = ("$$w^{(t+1)} = w^{(t)} - \\eta g$$\n\n"
           "$$\\frac{\\partial}{\\partial x} x^2 = 2 x$$\n")
    assert run(doc) == [("definition", ["definition"]), ("claim", ["valid"])]


# -- functions -------------------------------------------------------------------------


def test_a_given_function_is_applied_to_its_arguments():
    given = [r"\operatorname{CE}(y, p) = -\sum_{j=1}^{3} y_j \log p_j"]
    ok = check_claim(r"\operatorname{CE}(t, q) = -t_1 \log q_1 - t_2 \log q_2 - t_3 \log q_3",
                     given=given)
    assert ok.verdict == "valid"
    wrong = check_claim(r"\operatorname{CE}(t, q) = -t_1 \log q_1", given=given)
    assert wrong.verdict == "invalid"


def test_a_function_of_a_letter_is_defined_and_applied():
    given = [r"g(u) = u^2 + 1"]
    assert check_claim(r"g(2) = 5", given=given).verdict == "valid"
    assert check_claim(r"g(2) = 4", given=given).verdict == "invalid"
    assert check_claim(r"\frac{d}{dx} g(3 x) = 18 x", given=given).verdict == "valid"


def test_a_function_defined_in_the_text_is_a_definition_then_used():
    doc = "$$g(u, v) = u v^2$$\n\n$$g(2, 3) = 18$$\n\n$$g(1, 1) = 2$$\n"
    assert run(doc) == [("definition", ["definition"]), ("claim", ["valid"]),
                        ("claim", ["invalid"])]


def test_a_known_function_on_the_left_is_a_claim_not_a_definition():
    doc = "$$\\operatorname{LSE}(x) = \\log \\sum_i e^{x_i}$$\n"
    assert run(doc) == [("claim", ["valid"])]


def test_a_function_known_only_by_name_applies_entry_by_entry():
    given = [r"h = r(V x)"]
    shapes = {"V": [2, 2], "x": [2, 1], "h": [2, 1]}
    conventions = {"symbols": {"r": "function"}}
    claim = r"\frac{\partial h_2}{\partial x_1} = r'(V_{2,1} x_1 + V_{2,2} x_2) V_{2,1}"
    assert check_claim(claim, given=given, shapes=shapes,
                       conventions=conventions).verdict == "valid"
    wrong = r"\frac{\partial h_2}{\partial x_1} = r'(V_{2,1} x_1 + V_{2,2} x_2) V_{1,2}"
    assert check_claim(wrong, given=given, shapes=shapes,
                       conventions=conventions).verdict == "invalid"


def test_a_recursive_function_is_refused_not_a_hang():
    result = check_claim(r"g(2) = 1", given=[r"g(u) = g(u) + 1"])
    assert result.verdict == "undecided"
    assert "defined in terms of itself" in result.links[0].message


# -- case assumptions (rule 7) -------------------------------------------------------


def test_case_assumptions_relate_two_index_letters():
    assert case_assumption(r"i = k") == ("i", "=", "k")
    assert case_assumption(r"i \neq k") == ("i", r"\neq", "k")
    assert case_assumption(r"i = 1") is None
    assert case_assumption(r"x = y") is None


def test_a_case_holds_for_the_steps_after_it_until_the_next():
    doc = ("---\ngiven: ['y_j = \\delta_{jk}']\nconventions: {symbols: {i: index, k: index}}\n"
           "---\n$$y_i = 1$$\n\n$$i = k$$\n\n$$y_i = 1$$\n\n$$i \\neq k$$\n\n$$y_i = 0$$\n"
           "\n$$y_i = 1$$\n")
    assert run(doc) == [("claim", ["invalid"]), ("binding", ["definition"]),
                        ("claim", ["valid"]), ("binding", ["definition"]),
                        ("claim", ["valid"]), ("claim", ["invalid"])]


def test_a_case_ends_with_its_section():
    doc = ("---\ngiven: ['y_j = \\delta_{jk}']\nconventions: {symbols: {i: index, k: index}}\n"
           "---\n# One\n$$i = k$$\n\n$$y_i = 1$$\n\n# Two\n$$y_i = 1$$\n")
    assert run(doc)[1:] == [("claim", ["valid"]), ("claim", ["invalid"])]


# -- gradients in a worked example (rule 6) -----------------------------------------


WORKED = """---
given: ['q = w x', 'f = \\sigma(q)', 'L = -y \\log f - (1 - y) \\log(1 - f)']
values: {'x^{(1)}': 2, 'x^{(2)}': 4, 'y_1': 0, 'y_2': 1, 'w': 0}
---
$$\\nabla_{w} L = (f - y) x = \\frac{\\partial L}{\\partial w}$$

$$\\nabla_{w} L(f_1, y_1) = (0.5 - 0) \\times 2 = 1$$

$$\\nabla_{w} L = \\frac{1}{2} (1 - 2) = -0.5$$

$$w = w - 0.1 \\nabla_{w} L = 0 - 0.1 \\times (-0.5) = 0.05$$

$$\\nabla_{w} L = \\frac{1}{2} (1 + 3) = 3$$

$$w = w - 0.1 \\nabla_{w} L = 0.05 - 0.1 \\times 3 = -0.25$$
"""


def test_a_gradient_the_graph_cannot_evaluate_names_the_number_it_is_given():
    assert run(WORKED) == [
        ("claim", ["valid", "valid"]),               # a claim about the graph derivative
        ("definition", ["definition", "valid"]),     # a gradient at a data point
        ("definition", ["definition", "valid"]),     # the batch gradient names -0.5
        ("update", ["definition", "valid", "valid"]),
        ("definition", ["definition", "invalid"]),   # (1 + 3)/2 is 2, not 3
        ("update", ["definition", "invalid", "valid"]),  # the gradient is 2, exactly
    ]


def test_a_gradient_the_graph_evaluates_is_claimed():
    doc = "---\ngiven: ['q = r + w']\n---\n$$\\frac{\\partial q}{\\partial r} = 1$$\n\n" \
          "$$\\frac{\\partial q}{\\partial r} = 2$$\n"
    assert run(doc) == [("claim", ["valid"]), ("claim", ["invalid"])]


# -- reading rules the context supplies ---------------------------------------------


def test_a_gradient_by_a_row_vector_is_a_row_in_numerator_layout():
    given = [r"J = \frac{1}{2} \theta \theta^T"]
    shapes = {r"\theta": [1, 3]}
    row = check_claim(r"\frac{\partial J}{\partial \theta} = \theta", given=given, shapes=shapes,
                      conventions={"layout": "numerator"})
    assert row.verdict == "valid"
    column = check_claim(r"\frac{\partial J}{\partial \theta} = \theta^T", given=given,
                         shapes=shapes, conventions={"layout": "numerator"})
    assert column.verdict == "invalid" and column.links[0].diagnosis_kind == "transpose"


def test_a_diagonal_jacobian_may_be_written_as_its_diagonal():
    given = [r"h = \sigma(z)"]
    shapes = {"z": [1, 3], "h": [1, 3]}
    ok = check_claim(r"\frac{\partial h}{\partial z} = \sigma(z) \odot (1 - \sigma(z))",
                     given=given, shapes=shapes, conventions={"layout": "numerator"})
    assert ok.verdict == "valid"
    wrong = check_claim(r"\frac{\partial h}{\partial z} = \sigma(z)", given=given, shapes=shapes,
                        conventions={"layout": "numerator"})
    assert wrong.verdict == "invalid"


def test_an_entry_of_a_numbered_matrix_by_three_subscripts():
    given = [r"\theta = h W_2"]
    shapes = {"h": [1, 3], "W_2": [3, 3], r"\theta": [1, 3]}
    claim = r"\frac{\partial \theta_i}{\partial h_j} = W_{2,j,i}"
    assert check_claim(claim, given=given, shapes=shapes).verdict == "valid"
    swapped = r"\frac{\partial \theta_i}{\partial h_j} = W_{2,i,j}"
    assert check_claim(swapped, given=given, shapes=shapes).verdict == "invalid"


def test_a_sum_without_bounds_runs_over_the_vector_it_indexes():
    shapes = {r"\theta": [1, "D_y"]}
    claim = r"\frac{\partial}{\partial \theta_1} \log \sum_j e^{\theta_j} = " \
            r"\frac{e^{\theta_1}}{\sum_j e^{\theta_j}}"
    assert check_claim(claim, shapes=shapes).verdict == "valid"


def test_a_bound_whole_number_is_a_sum_limit():
    doc = "---\nvalues: {n: 3}\n---\n$$\\sum_{i=1}^{n} i = 6$$\n"
    assert run(doc) == [("claim", ["valid"])]


def test_a_definition_that_cannot_be_read_spoils_only_the_claims_that_need_it():
    given = [r"u = x_{1.5}", r"v = 2 x"]          # half an index: read, but meaningless
    context = Context.from_given(given)
    assert [d.name.base for d in context.definitions] == ["u", "v"]
    assert check_claim(r"\frac{\partial v}{\partial x} = 2", given=given).verdict == "valid"
    needs_it = check_claim(r"u = 1", given=given)
    # read, but without a meaning: what needs it is undecided, naming it, never unparseable
    assert needs_it.verdict == "undecided"
    assert "depends on u" in needs_it.message and "whole number" in needs_it.message


@pytest.mark.parametrize("text", [r"x_t - \alpha \nabla f(x_t)", r"\nabla g(w)"])
def test_the_gradient_of_a_function_at_a_point_reads_as_a_function(text):
    calls = [n for n in _walk(parse_side(text)) if type(n).__name__ == "Call"]
    assert calls and calls[0].name.startswith(r"\nabla ")


def _walk(node):
    yield node
    for value in vars(node).values():
        if hasattr(value, "pos"):
            yield from _walk(value)
        elif isinstance(value, tuple):
            for item in value:
                if hasattr(item, "pos"):
                    yield from _walk(item)


# -- printed numbers standing for quantities (rule 4) ---------------------------------


SUBSTITUTED = """---
given: ['z = w x + b', 'a = \\sigma(z)']
values: {w: 1, x: 0.4, b: 0.1}
---
$$(a - 1) x = (0.62 - 1) (0.4)$$

$$(a - 1) x = (0.61 - 1) (0.4)$$

$$(a - 1) x = (0.62 - 1) (0.5)$$

$$(a - 1) x = (1 - 0.62) (0.4)$$
"""


def test_each_printed_number_must_stand_for_the_quantity_it_replaces():
    # a = σ(0.5) = 0.6225: 0.62 is within one unit of its last digit, 0.61 is not; 0.5 is
    # not x; the last line is off by a factor of -1
    assert run(SUBSTITUTED) == [("claim", ["valid"]), ("claim", ["invalid"]),
                                ("claim", ["invalid"]), ("claim", ["invalid"])]
    first = check_document(SUBSTITUTED).steps[0].claim.links[0]
    assert "0.62 for 0.62245933" in first.message


PER_SAMPLE = [r"J = \frac{1}{m} (w x^{(i)} - y^{(i)})^2"]    # the per-sample share of a cost
SAMPLES = {"symbols": {"m": "positive"}}


def test_a_derivative_inside_a_sum_follows_the_definitions_at_the_sums_index():
    right = check_claim(r"\sum_{i=1}^{m} \frac{\partial J}{\partial w} = "
                        r"\frac{2}{m} \sum_{i=1}^{m} (w x^{(i)} - y^{(i)}) x^{(i)}",
                        given=PER_SAMPLE, conventions=SAMPLES)
    assert right.verdict == "valid"
    # every term at sample 1 is the reading this rules out
    one_sample = check_claim(r"\sum_{i=1}^{m} \frac{\partial J}{\partial w} = "
                             r"2 (w x^{(1)} - y^{(1)}) x^{(1)}",
                             given=PER_SAMPLE, conventions=SAMPLES)
    assert one_sample.verdict == "invalid"


def test_a_conditional_probability_defined_in_given_expands_per_sample():
    given = [r"p(Y = y^{(i)} \mid x^{(i)}) = \operatorname{softmax}(s^{(i)})_{y^{(i)}}",
             r"p(Y \mid X) = \prod_{i=1}^{N} p(Y = y^{(i)} \mid x^{(i)})"]
    conventions = {"symbols": {"y": "one-hot"}}
    right = r"\sum_{i=1}^{N} \sum_{k=1}^{K} y_k^{(i)} \log \operatorname{softmax}(s^{(i)})_k"
    assert check_claim(r"\log p(Y \mid X) = " + right, given=given,
                       conventions=conventions).verdict == "valid"
    sign = check_claim(r"-\log p(Y \mid X) = " + right, given=given, conventions=conventions)
    assert sign.verdict == "invalid" and "-1" in sign.diagnosis


def test_an_undefined_conditional_probability_is_a_probability():
    context = Context()
    assert context.kind(r"p(y \mid x)") == "probability"
    assert check_claim(r"\log p(y \mid x) = \log p(y \mid x)").verdict == "valid"


# -- expanding definitions --------------------------------------------------------------


def test_definitions_expanded_once_are_what_substituting_level_by_level_gives():
    context = Context.from_given([r"a = \sigma(z)", "z = w x + b", "L = (a - y)^2 + a"])
    instance = Instance()
    loss = context.read("L", instance)
    by_levels = context._expand_by_levels(loss, context.definitions_in(instance))
    assert context.expand(loss, instance) == by_levels
    assert not {"a", "z", "L"} & {s.name for s in by_levels.free_symbols}


def test_an_expansion_keeps_the_variable_held():
    context = Context.from_given(["z = w x + b", "L = z^2"])
    instance = Instance()
    z = context.read("z", instance)
    assert context.expand(context.read("L", instance), instance, keep=frozenset({z})) == z**2


def test_a_definition_that_refers_to_itself_is_expanded_level_by_level():
    mapping = {sympy.Symbol("p"): sympy.Symbol("q") + 1, sympy.Symbol("q"): sympy.Symbol("p")}
    assert Expansion(mapping).of(sympy.Symbol("p")) is None


def test_too_long_a_chain_of_definitions_is_refused():
    names = sympy.symbols(f"v0:{MAX_DEFINITION_CHAIN + 2}")
    mapping = {names[k]: names[k + 1] + 1 for k in range(len(names) - 1)}
    with pytest.raises(WorkLimitExceeded, match="more than"):
        Expansion(mapping).of(names[0])


def test_an_expansion_sympy_refuses_is_left_to_the_level_by_level_substitution():
    v, y, d = sympy.symbols("v y d")
    mapping = {v: y + 1, d: sympy.Derivative(sympy.Function("f")(v), v)}
    assert Expansion(mapping).of(d) is None


def test_the_vectors_a_builder_knows_follow_each_new_definition():
    """The names the definitions use whole as vectors are kept until the table changes:
    a definition added later is seen by the next builder, a forgotten one is not."""
    from symbolic.notation.build import Instance

    ctx = Context.from_given([r"p = \operatorname{softmax}(z)"])
    assert "z" in ctx.builder(Instance()).vectors
    ctx.define_latex(r"q = \operatorname{softmax}(u)")
    assert {"z", "u"} <= ctx.builder(Instance()).vectors
    ctx.forget("q")
    assert "u" not in ctx.builder(Instance()).vectors


# -- building the definitions once per instance ----------------------------------------------


def test_instances_that_differ_in_a_letter_no_definition_reads_share_one_build():
    """z_i is a family (each member sets i itself) and L sums over i: the i of a claim's
    instance changes neither, so instances i = 1 and i = 2 share one build."""
    ctx = Context.from_given([r"z_i = w x_i", r"L = \sum_i (z_i - y_i)^2"])
    first, second = Instance({"i": 1}), Instance({"i": 2})
    assert ctx.instance_key(first) == ctx.instance_key(second)
    assert ctx.definitions_in(first) is ctx.definitions_in(second)
    assert sympy.Symbol("z_{2}") in {sympy.Symbol(s.name) for s in ctx.definitions_in(first)}


def test_a_letter_a_definition_reads_free_tells_instances_apart():
    ctx = Context.from_given([r"J = \frac{1}{m} L^{(i)}"])
    first, second = Instance({"i": 1}), Instance({"i": 2})
    assert ctx.instance_key(first) != ctx.instance_key(second)
    assert ctx.definitions_in(first) != ctx.definitions_in(second)


def test_a_size_set_while_building_does_not_hide_an_unread_definition():
    """Building sets sizes on the instance (the length of s); the instance's key must not
    change with them, or the definition that could not be read (s_{y_i} with y_i = 0, a
    0-based class) is looked up under another key, missed, and L_1 sampled as a free
    number: a false "invalid" with an invented factor 8/L_1."""
    result = check_claim(
        r"L_i = \max(0, -7 - 13 + 10) + \max(0, 11 - 13 + 10)",
        given=[r"L_i = \sum_{j\neq y_i} \max(0, s_j - s_{y_i} + \Delta)", "s = [13, -7, 11]",
               "y_i = 0", r"\Delta = 10"],
        conventions={"symbols": {"y_i": "index"}})
    assert result.links[0].verdict == "undecided"
    assert "depends on L_{i}, whose definition could not be read" in result.links[0].message


# -- chains that name two things, and worked numbers -----------------------------------------


def test_a_new_name_in_the_middle_of_a_definition_is_defined_too():
    doc = r"""
$$y = o_1 = f(w_5 h_1 + b_3)$$

$$\frac{\partial y}{\partial h_1} = w_5 f'(w_5 h_1 + b_3)$$
"""
    assert run(doc) == [("definition", ["definition", "definition"]), ("claim", ["valid"])]


def test_a_function_in_the_middle_of_a_definition_is_defined_by_the_next_link():
    doc = r"""
$$y_c = \varsigma(\mathbf{z})_c = \frac{e^{z_c}}{\sum_{d=1}^C e^{z_d}}$$

$$\sum_{c=1}^C y_c = 1$$
"""
    result = check_document(doc)
    assert [link.message for link in result.steps[0].claim.links] == [
        "defines y_c", r"defines the function \varsigma_{c}"]
    assert run(doc)[1] == ("claim", ["valid"])


def test_the_range_of_an_index_is_stated_not_checked():
    result = check_document("$$c = 1 \\ldots C$$\n\n$$i = 1, \\dots, n$$\n")
    assert result.steps == []
    assert any("states the range of the index c" in w for w in result.warnings)


def test_a_derivative_through_a_name_a_worked_example_bound_is_undecided():
    """y was defined, then bound to its worked value: as read it is a constant, so its
    derivative is 0; never a counterexample from that."""
    doc = r"""
$$y = w x$$

$$L = (1 - y)^2$$

$$y = 0.5$$

$$\frac{\partial L}{\partial w} = -2 (1 - y) x$$
"""
    result = check_document(doc)
    link = result.steps[-1].claim.links[0]
    assert link.verdict == "undecided"
    assert "which a worked example bound to a number" in link.message


def test_numbers_substituted_into_a_function_need_the_points_values():
    doc = r"""
$$f(x) = \frac{1}{1 + e^{-x}}$$

$$h_1 = f(w_1 x_1 + w_2 x_2 + b_1) = f(-2 + -1 + 0)$$
"""
    link = check_document(doc).steps[-1].claim.links[1]
    assert link.verdict == "undecided"
    assert "a worked number, but the value here depends on b_{1}" in link.message


def test_a_label_in_words_before_a_definition_forms_no_link():
    """`\\mbox{Hidden Layer1 output} = x_1 = …`: the words name what follows; x_1 is
    defined, never claimed equal to a free number."""
    doc = r"""
$$\mbox{Hidden Layer1 output} = x_1 = f_1(W_1 x_0)$$

$$\frac{\partial x_1}{\partial x_0} = W_1 f_1'(W_1 x_0)$$
"""
    assert run(doc) == [("definition", ["definition"]), ("claim", ["valid"])]


def test_definitions_that_lead_back_to_themselves_give_no_value():
    # each level of the expansion held the last one twice: a document of such lines hung
    from symbolic import check_claim
    result = check_claim(r"a = 2 x", given=[r"a = b + b + x", r"b = a \cdot a + x"])
    assert result.verdict == "undecided"
    assert "lead back to themselves (a → b → a)" in result.message


def test_each_new_function_in_a_definition_chain_is_defined_by_the_side_after_it():
    # softsign defined through f, f by the fraction; f's later definition in another
    # example is not brought ahead into the line that defines f itself
    doc = r"""
$$y = softsign(x) = f(x) = \frac{x}{| x |+ 1}$$

$$\frac{dy}{dx} = f'(x) = \frac{1}{(| x | + 1)^{2}}$$

$$y = f(x) = |x|$$
"""
    steps = run(doc)
    assert steps[0] == ("definition", ["definition", "definition", "definition"])
    assert steps[1] == ("claim", ["valid", "valid"])


def test_a_consequence_that_restates_a_function_is_no_chain_of_definitions():
    # `\therefore \nabla f(β) = …` before the line that defines ∇f: a claim against it
    doc = r"""
$$f(w) = w^2$$

$$\therefore \nabla f(w) = 3 w$$

$$\nabla f(w) = 2 w$$
"""
    steps = run(doc)
    assert steps[1][0] == "claim" and steps[1][1] == ["invalid"]


def test_a_vector_written_by_its_own_entries_declares_its_shape():
    given = [r"\theta = \begin{bmatrix} \theta_1 \\ \theta_2 \end{bmatrix}",
             r"J(\theta) = (\theta_1 - 5)^2 + (\theta_2 - 5)^2"]
    context = Context.from_given(given[:1])
    assert context.shape_of(r"\theta") == (2, 1) and context.definitions == []
    assert check_claim(r"\frac{\partial}{\partial \theta_1} J(\theta) = 2(\theta_1 - 5)",
                       given=given).verdict == "valid"
    assert check_claim(r"\frac{\partial}{\partial \theta_1} J(\theta) = 2(\theta_2 - 5)",
                       given=given).verdict == "invalid"
    # numbered from 0, the entries are not the vector's 1, 2: nothing is declared
    assert Context.from_given([r"\theta = [\theta_0, \theta_1]^T"]).shape_of(r"\theta") is None


def test_sigma_squared_defined_is_a_variance():
    given = [r"\mu = \frac{1}{m}\sum_{j=1}^m x_j",
             r"\sigma^2 = \frac{1}{m} \sum_{j=1}^m (x_j - \mu)^2"]
    assert check_claim(r"\frac{\partial \sigma^2}{\partial \mu} = -\frac{2}{m}\sum_{j=1}^m "
                       r"(x_j - \mu)", given=given[1:]).verdict == "valid"
    assert check_claim(r"\frac{\partial \sigma^2}{\partial \mu} = \frac{2}{m}\sum_{j=1}^m "
                       r"(x_j - \mu)", given=given[1:]).verdict == "invalid"
    assert check_claim(r"\sigma^2 = \frac{1}{m}\sum_{j=1}^m x_j^2 - \mu^2",
                       given=given).verdict == "valid"


def test_a_given_derivative_of_a_defined_name_is_not_used():
    given = [r"E = \frac{1}{2} \sum_{j=1}^{M} (y_j - t_j)^2", r"y_j = \sigma(u_j)",
             r"\frac{\partial E}{\partial u_j} = (y_j - t_j) y_j (1 - y_j)"]
    context = Context.from_given(given)
    assert any("states a derivative of E" in w for w in context.warnings)
    claim = r"\frac{\partial E}{\partial u_j} = (y_j - t_j) y_j (1 - y_j)"
    assert check_claim(claim, given=given).verdict == "valid"
    wrong = [*given[:2], r"\frac{\partial E}{\partial u_j} = (y_j - t_j)"]   # a wrong premise
    assert check_claim(claim, given=wrong).verdict == "valid"       # the definitions decide
    # a derivative of a name nothing defines is what the text says it is
    stated = [r"\frac{\partial E}{\partial u_j} = y_j - t_j"]
    assert check_claim(claim, given=stated).verdict == "invalid"
    assert check_claim(r"\frac{\partial E}{\partial u_j} = y_j - t_j", given=stated).verdict \
        == "valid"


def test_a_known_function_at_a_new_name_names_the_value_not_the_function():
    context = Context.from_given([r"\sigma(z_i) = P_i = \frac{1}{1 + e^{-z_i}}"])
    assert "\\sigma" not in context.functions
    assert [d.key for d in context.definitions] == ["P"]
    assert [d.key for d in Context.from_given([r"\sigma(z_i) = P_i"]).definitions] == ["P"]


def test_one_function_at_an_expression_then_at_a_new_name_names_the_expression():
    context = Context.from_given([r"i^t = \sigma(W_ix^t + U_ih^{t-1}) = \sigma(\hat{i}^t)"])
    assert r"\hat{i}" in {d.key for d in context.definitions}
    assert check_claim(r"\frac{\partial i^t}{\partial \hat{i}^t} = i^t (1 - i^t)",
                       given=[r"i^t = \sigma(W_ix^t + U_ih^{t-1}) = \sigma(\hat{i}^t)"]).verdict \
        == "valid"


def test_a_gradient_written_with_delta_is_a_name_when_the_text_defines_it():
    given = [r"h^t = o^t \odot \tanh(c^t)", r"\delta h^t = \frac{\partial E}{\partial h^t}",
             r"\delta o^t = \frac{\partial E}{\partial o^t}"]
    assert check_claim(r"\delta o^t = \delta h^t \odot \tanh(c^t)", given=given).verdict \
        == "valid"
    assert check_claim(r"\delta o^t = \delta h^t \odot c^t", given=given).verdict == "invalid"
    # nothing defines δ î^t: the gradient, or δ times î^t, is in doubt
    doubt = check_claim(r"\delta \hat{i}^t = \delta i^t \odot i^t \odot (1-i^t)",
                        given=[r"i^t = \sigma(W_ix^t + U_ih^{t-1}) = \sigma(\hat{i}^t)"])
    assert doubt.verdict == "undecided" and "backprop notes write with δ" in doubt.message
    # δ defined: δ a is a product, as Nielsen writes ∂C/∂w = a_in δ_out
    assert check_claim(r"\frac{\partial C}{\partial w} = \delta a",
                       given=[r"\delta = \frac{\partial C}{\partial z}", "z = w a + b"]).verdict \
        == "valid"


def test_the_log_of_a_name_defines_the_name():
    gaussian = [r"\log{p(x \mid \mu, \sigma)} = -\frac{1}{2}\log{2\pi} - \frac{1}{2}"
                r"\log{\sigma^{2}} - \frac{1}{2\sigma^{2}}(x-\mu)^2"]
    claim = r"\frac{\partial}{\partial \mu} \log{p(x \mid \mu, \sigma)} = \frac{x - \mu}{\sigma^2}"
    assert check_claim(claim, given=gaussian).verdict == "valid"
    assert check_claim(claim.replace("x - \\mu}{", "x + \\mu}{"), given=gaussian).verdict \
        == "invalid"
    likelihood = [r"\log L(\theta) = k \log \theta - \theta"]
    assert check_claim(r"\frac{\partial \log L(\theta)}{\partial \theta} = \frac{k}{\theta} - 1",
                       given=likelihood).verdict == "valid"


def test_a_name_set_on_the_right_of_what_it_names_is_defined():
    context = Context.from_given([r"x^T \Sigma x = d"], {"x": [3, 1], r"\Sigma": [3, 3]})
    assert [name_key(d.name) for d in context.definitions] == ["d"]


def test_a_binary_side_condition():
    assert check_claim(r"y^2 = y", given=[r"y \in \{0, 1\}"]).verdict == "valid"


def test_symbols_keys_may_spell_greek_without_a_backslash():
    context = Context.from_given([], conventions={"symbols": {"Phi": "normal cdf"}})
    assert context.kind(r"\Phi") == "normal cdf"


@pytest.mark.parametrize(("text", "definition", "membership"), [
    (r"f(x):\mathbb{R}^{N} \ni x \mapsto a^{\mathrm{T}} x \in \mathbb{R}",
     r"f(x) = a^{\mathrm{T}} x", r"x \in \mathbb{R}^{N}"),
    (r"f: \mathbb{R}^n \to \mathbb{R}, x \mapsto x^T x", r"f(x) = x^T x",
     r"x \in \mathbb{R}^n"),
    (r"f: x \mapsto x^2", r"f(x) = x^2", None),
    (r"f = x \mapsto x^2", r"f(x) = x^2", None),      # `- f: x \mapsto x^2`, a YAML mapping
])
def test_a_function_given_by_where_it_sends_its_variable_is_defined(text, definition,
                                                                     membership):
    from symbolic.context import maps_to

    assert maps_to(text) == (definition, membership)
    assert maps_to(r"z = w x + b") is None
    context = Context.from_given([text], {}, {}, {})
    assert "f" in context.functions
    if membership is not None:
        assert context.shape_of("x")[1] == 1


def test_an_identity_in_the_given_defines_nothing_and_is_kept_as_a_fact():
    context = Context.from_given([r"y^\mathrm{T} y = \sum_{i=1}^{n} y_i^2"], {}, {}, {})
    assert not context.definitions
    [fact] = context.facts
    assert fact.text.startswith("y^") and fact.keys >= {"y"}
    assert [n.base for n in fact.names] == ["y", "y", "y"]     # n bounds, i indexes: apart
    assert any("states an identity" in w for w in context.warnings)
    # a relation of derivatives is no such identity: the definitions decide it
    from symbolic.context import stated_fact

    assert stated_fact(r"\frac{\partial Z}{\partial Y} \frac{\partial Y}{\partial X} = "
                       r"\alpha\delta") is None
    assert stated_fact(r"a < b") is None


def test_a_function_at_a_named_point_defines_nothing_and_a_marked_name_is_its_own():
    # f(x_p) = 0 says f's value at x_p: f stays free for `f(x) = w^T x + b` to define
    context = Context.from_given([r"f(\mathbf{x}_{p})=0"])
    assert "f" not in context.functions
    assert any("value at one point" in warning for warning in context.warnings)
    # H^{+} = … defines H^{+}, and a claim about it is a claim
    result = check_claim(r"H^+ = 2 H", given=[r"H^{+} = 3 H"])
    assert result.verdict == "invalid" and result.links[0].method != "definition"
    assert name_key(parse_side("H^{(+)}")) == name_key(parse_side("H^{+}")) == "H^{(+)}"


def test_a_chain_that_names_a_coefficient_defines_it():
    # d = α w = \frac{w^T x}{w^T w} w: α is the fraction, and d is α w
    context = Context.from_given([r"d=\alpha w=\frac{w^\top x}{w^\top w}w"])
    assert {d.key for d in context.definitions} == {"d", r"\alpha"}
    claim = r"\sqrt{d^\top d}=\sqrt{\frac{(w^\top x)^2}{(w^\top w)^2}w^\top w}"
    given = [r"d=\alpha w=\frac{w^\top x}{w^\top w}w"]
    assert check_claim(claim, given=given).verdict == "valid"
    assert check_claim(claim.replace("(w^\\top w)^2", "(w^\\top w)"), given=given).verdict \
        == "invalid"


def test_a_function_defined_again_with_its_parameters_renamed_is_the_same_function():
    context = Context.from_given([r"L = d(a, p) - d(a, n) + m", r"d(a, p) = \lVert a - p \rVert_2",
                                  r"d(a, n) = \lVert a - n \rVert_2"],
                                 shapes={"a": [3, 1], "p": [3, 1], "n": [3, 1]})
    assert "d" not in context.redefined
    assert not isinstance(next(d for d in context.definitions if d.key == "L").body, A.Unread)
    result = check_claim(r"\frac{\partial L}{\partial a} = \frac{a - p}{\lVert a - p \rVert_2}"
                         r" - \frac{a - n}{\lVert a - n \rVert_2}",
                         given=[r"L = d(a, p) - d(a, n) + m", r"d(a, p) = \lVert a - p \rVert_2",
                                r"d(a, n) = \lVert a - n \rVert_2"],
                         shapes={"a": [3, 1], "p": [3, 1], "n": [3, 1]})
    assert str(result.verdict) == "valid"
