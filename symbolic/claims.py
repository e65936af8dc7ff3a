"""`check_claim`: one relation chain, every link checked against the context."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy
from sympy.core.function import AppliedUndef
from sympy.matrices.exceptions import NonSquareMatrixError

from symbolic import arguments as arguments_
from symbolic import compare as C
from symbolic import diagnosis as D
from symbolic import evaluation, isolation
from symbolic.budget import DEFAULT_BUDGET_SECONDS, Budget
from symbolic.context import (
    Context,
    Definition,
    capital_words,
    case_assumption,
    code_name,
    has_layer,
    is_printed_literal,
    name_key,
    named_functions,
    sigma_read_as_quantity,
    sigma_spread,
)
from symbolic.derivatives import diagonal_reading, gradient_parts, inverse_leaf
from symbolic.differentials import (
    differentiated,
    differentiates,
    evaluated,
    first_order,
    has_differentials,
    increment,
    linear_in,
    varied,
)
from symbolic.document import chained_statements, has_relation
from symbolic.errors import (
    BroadcastShapeError,
    BudgetExceeded,
    DefinitionShapeError,
    DerivcheckError,
    MeaningError,
    NotationError,
    ShapeError,
    UnsaidDependence,
    UnshapedDefinition,
    UnshapedError,
    UnshapedHessian,
    WorkLimitExceeded,
)
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import (
    OUTCOME_MARK,
    SPREAD_SIZE,
    Instance,
    free_index_letters,
    outcome_letters,
    says_undefined,
)
from symbolic.notation.chains import Chain, alignment_inside
from symbolic.notation.names import (
    Var,
    base_of,
    canonical,
    family_of,
    layer_of,
    spelled_greek,
    subscript_of,
)
from symbolic.notation.parser import says_comparison
from symbolic.notation.resolve import (
    D_GRADIENT_NAMED,
    names_only_new,
    primed_beside_plain,
    statement_readings,
)
from symbolic.notation.rewrite import subtrees, to_latex
from symbolic.notation.summation import summation_convention
from symbolic.notation.trees import (
    call_arguments,
    children,
    composite_name,
    composite_of,
    factors,
    function_signature,
    is_capital,
    is_list,
    letter_offset,
    letter_word,
    node_text,
    size_bound,
    substitute_names,
    ungroup,
    walk,
)
from symbolic.notation.vocabulary import (
    APPROXIMATELY,
    BEGIN_CASES,
    COMPOSITE,
    CONDITION_RELATIONS,
    CONDITION_WORDS,
    CONSTANT_FACTORS,
    CONSTANT_LETTERS,
    CONVENTIONS,
    DEFINING,
    DIFFERENTIAL_D,
    EQUALITIES,
    ESTIMATE,
    FOR_ALL,
    FRESH_INDEX_LETTERS,
    GENERIC_INDEX_LETTERS,
    GREEK,
    IDENTITY,
    INDEX_LETTERS,
    INEQUALITY_SIGNS,
    LABEL_LETTERS,
    LOGARITHMS,
    MATRIX_SOFTMAX,
    NABLA,
    NO_LINK,
    NORMAL_LETTERS,
    ONES,
    OTHERWISE,
    PROSE,
    SCALAR_OF_MATRIX,
    SIGMA,
    SIGMOID_NAMES,
    SIZE_LETTERS,
    SOFTMAX_AXIS,
    SYMBOL_KINDS,
    TRUE_CLASS_WORDS,
    TWIN_FREE_PART,
    TWIN_SLOPE,
    UPDATE_MARKS,
    VECTOR_ACCENT,
    WORD_FONT,
    ZEROS,
    known_function,
)
from symbolic.numbers import (
    exact_entries,
    exact_value,
    is_printed_number,
    literal_precision,
    printed_entries,
    printed_number,
    printed_text,
    substituted_numbers,
    to_mpmath,
)
from symbolic.reproduce import check_claim_call
from symbolic.results import ClaimResult, Counterexample, LinkResult, Method, Verdict
from symbolic.shape_inference import FRESH, infer_shapes, vector_member
from symbolic.side_latex import latex_prefix

MAX_INDEX_INSTANCES = 9

DIAGNOSIS_SECONDS = 10.0  # a safety net: the slowest corpus diagnosis takes under 1 s


def check_claim(claim: str, given: Sequence[str] = (), shapes: dict | None = None,
                conventions: dict | None = None, *, values: dict | None = None,
                budget_seconds: float = DEFAULT_BUDGET_SECONDS) -> ClaimResult:
    """Check a LaTeX claim, link by link, in a worker process (safe from any thread).

    >>> r = check_claim(r"\\frac{\\partial L}{\\partial w} = (f - y) x",
    ...                 given=[r"z = w x + b", r"f = \\sigma(z)",
    ...                        r"L = -y \\ln f - (1-y) \\ln(1-f)"])
    >>> r.verdict
    <Verdict.VALID: 'valid'>

    Args:
        claim: a relation chain in LaTeX, `a = b = c`.
        given: definitions, one LaTeX string each: `["z = w x + b", "f = \\sigma(z)"]`.
        shapes: name -> [rows, cols], each an int or a size's name.
        conventions: see `derivcheck help conventions`; unknown keys give warnings.
        values: name -> number (or LaTeX text) bound for numeric claims.
        budget_seconds: the wall-clock safety net per link; verdicts are decided by
            deterministic work limits, and a link it stops is undecided with method "timeout".

    Raises:
        ArgumentTypeError, ArgumentValueError: an argument of the wrong type or value.
    """
    arguments = {
        "claim": arguments_.claim_text(claim), "given": arguments_.given_list(given),
        "shapes": arguments_.shapes_mapping(shapes),
        "conventions": arguments_.conventions_mapping(conventions),
        "values": arguments_.values_mapping(values),
        "budget_seconds": arguments_.budget(budget_seconds),
    }
    if not isolation.enabled():
        return check_claim_here(**arguments)
    outcome = isolation.run_claim(check_claim_here, arguments, count_links(claim))
    if isinstance(outcome, isolation.Stopped):
        link = LinkResult(claim, "", "=", Verdict.UNDECIDED, Method(outcome.reason),
                          outcome.message)
        return ClaimResult(claim, [link])
    return outcome


def _reads(text: str) -> bool:
    """Whether every side of every statement of `text` parses."""
    try:
        return all(parse_side(side.text) is not None for piece in chained_statements(text)
                   for side in split_chain(piece).sides)
    except MeaningError:
        return True             # read, and not checkable (an integral): not garbled
    except NotationError:
        return False


def count_links(claim: str) -> int:
    """How many links the chain has (1 when it cannot be split)."""
    try:
        return max(len(split_chain(claim).relations), 1)
    except NotationError:
        return 1


def check_claim_here(claim: str, given: list[str], shapes: dict, conventions: dict,
                     values: dict, budget_seconds: float) -> ClaimResult:
    """`check_claim` in this process, with its arguments already checked."""
    claim = (alignment_inside(claim) or (0, claim))[1]   # \begin{align*} … \end{align*}
    conventions = sigma_read_as_quantity([claim, *given], conventions)
    try:
        context = Context.from_given(given, shapes, conventions, values,
                                     capital_words([claim, *given]))
        context.sigma_spread = sigma_spread([claim, *given])
    except (NotationError, ShapeError, WorkLimitExceeded) as error:
        # a given that parses but defines nothing derivcheck can use (`-\log p(θ) = …`,
        # `x \sim \mathcal{N}(…)`) leaves a claim that parses undecided, naming the given:
        # what it was to define cannot be told, so any verdict could rest on it; garbled
        # text, in the given or the claim, is unparseable
        verdict = Verdict.UNDECIDED if isinstance(error, MeaningError) or isinstance(
            error, NotationError) and _reads(claim) and all(map(_reads, given)) \
            else Verdict.UNPARSEABLE
        link = LinkResult(claim, "", "=", verdict, Method.NONE,
                          f"a given definition or shape could not be read: {error}")
        return ClaimResult(claim, [link])
    except Exception as error:  # nested too deeply, say: named, never raised
        found = failed(error)
        return ClaimResult(claim, [dataclasses.replace(
            found, message=f"a given definition could not be used: {found.message}"
        ).link(claim, "", "=")])
    try:
        claim = _without_label(_without_conditions(claim, context))
        result = _defining_chain(claim, context, budget_seconds) \
            or check_in_context(claim, context, budget_seconds=budget_seconds)
    except Exception as error:  # never a traceback: the cause is the verdict's message
        return ClaimResult(claim, [failed_link(claim, "", "", error)])
    return ClaimResult(result.source, result.links, [*context.warnings, *result.warnings])


def words_only(text: str) -> bool:
    """Whether a side is words and nothing else, `\\mbox{Hidden Layer1 output}` (several
    words: `\\text{loss}` is a name)."""
    return _WORDS.fullmatch(text.strip()) is not None


_WORDS = re.compile("(?:" + "|".join(re.escape(p) for p in PROSE) + r")\{[^{}]*\s[^{}]*\}")


def _without_label(claim: str) -> str:
    """`\\text{Element-wise product} = A = B`: a label in words before a chain forms no link;
    the chain after it."""
    try:
        chain = split_chain(claim)
    except NotationError:
        return claim
    if len(chain.relations) > 1 and words_only(chain.sides[0].text):
        return _chain_text(Chain(chain.source, chain.sides[1:], chain.relations[1:]))
    return claim


def _without_conditions(claim: str, context: Context) -> str:
    """`\\frac{\\partial p_j}{\\partial o_i} = p_i(1 - p_i),\\quad i = j`: the claim, with its
    side conditions taken into the context (`Context.take_condition`)."""
    quantified = _LEADING_FORALL.match(claim)
    if quantified is not None:          # \forall x \in (0, 1), \sigma^{-1}(x) = …
        cut = _top_level_comma(claim, quantified.end())
        if cut is not None and not any(word in claim[:cut] for word in PROSE) \
                and context.take_condition(claim[:cut], unread=False):
            claim = claim[cut + 1:]
    claim = _without_leading_case(claim, context)
    trailing = _TRAILING_FORALL.search(claim)
    condition = trailing and (trailing.group("condition") or trailing.group("bracketed"))
    if condition and not any(word in trailing.group() for word in PROSE) \
            and not _on_members(condition) and context.take_condition(condition, unread=False):
        claim = claim[:trailing.start()]        # … \quad \forall x > 0, … (\forall i \neq j)
    elif _unread_condition(claim):      # \forall z_j > 0, \forall k \neq y: never dropped
        raise MeaningError(f"the condition '{condition}' is not read, and the claim may hold "
                           "only where it does", "", None,
                           "Write the condition on a plain letter (x > 0) or as a case between "
                           "index letters (j \\neq i), or check the claim by hand.")
    try:
        pieces = chained_statements(claim)
    except NotationError:
        return claim
    if len(pieces) == 1 and BEGIN_CASES in pieces[0] and BEGIN_CASES not in claim:
        return pieces[0]        # rows aligned at = with their conditions: one piecewise claim
    if len(pieces) == 1 and FOR_ALL in claim and FOR_ALL not in pieces[0] \
            and not _unread_condition(claim):
        return pieces[0]        # … \quad \forall j \in [1, q]: the range, dropped
    if len(pieces) == 1 and "&" in claim and "&" not in pieces[0] \
            and BEGIN_CASES not in claim:
        return pieces[0]        # \begin{aligned} f =& &g \\ &+& h: one chain, aligned
    if len(pieces) < 2:
        return claim
    rest = [piece for piece in pieces if not context.take_condition(piece)]
    return rest[0] if len(rest) == 1 else claim


def _without_leading_case(claim: str, context: Context) -> str:
    """`\\theta_0, j = 0: \\frac{\\partial}{\\partial \\theta_j} J = …`: a case set before a
    colon, with the name it is about, as notes head each case of a formula; the case is
    taken into the context (`Context.take_condition`) and the claim after the colon is
    checked. The claim as it is when its head is anything else."""
    headed = _case_head(claim)
    if headed is None:
        return claim
    parts, rest = headed
    cases = [_index_at_number(part) or part for part in parts if has_relation(part)]
    taken = context.copy()
    if not cases or not all(isinstance(case, tuple) or taken.take_condition(case, unread=False)
                            for case in cases):
        return claim
    for case in cases:
        if isinstance(case, tuple):
            context.cases.append(case)      # j = 0: the case of index value 0
        else:
            context.take_condition(case, unread=False)
    return rest


def leading_cases(text: str, context: Context) -> tuple[list[tuple[str, str, str]], str] | None:
    """A document's line headed by its cases before a colon (`\\theta_0, j = 0: …`): the
    cases (`i = k`, `j = 0`, `i \\neq j`) and the line after the colon; None when its head
    is anything else, or states a condition that is not a case between indices (a line's
    case holds for that line only, so only cases, which end with it, are read)."""
    headed = _case_head(text)
    if headed is None:
        return None
    cases = [_index_at_number(part) or case_assumption(part, context)
             for part in headed[0] if has_relation(part)]
    if not cases or None in cases:
        return None
    return cases, headed[1]


def _case_head(claim: str) -> tuple[list[str], str] | None:
    """The parts of a head before a top-level colon, each a relation or a plain name, and
    what follows the colon when it states a relation; else None."""
    colon = _top_level_colon(claim)
    if colon is None:
        return None
    head, rest = claim[:colon], claim[colon + 1:]
    parts = [part.strip() for part in _top_level_split(head)]
    try:
        if not has_relation(rest) or not parts or not all(
                part and (has_relation(part) or isinstance(parse_side(part), A.Name))
                for part in parts):
            return None
    except NotationError:
        return None
    return parts, rest


_INDEX_AT_NUMBER = re.compile(r"\s*([a-z])\s*=\s*(\d+)\s*")


def _index_at_number(text: str) -> tuple[str, str, str] | None:
    """(j, =, 0) of `j = 0` with j an index letter; None for any other text."""
    found = _INDEX_AT_NUMBER.fullmatch(text)
    return (found.group(1), "=", found.group(2)) \
        if found and found.group(1) in INDEX_LETTERS else None


def _top_level_colon(text: str) -> int | None:
    """Where a colon stands outside every bracket, and not in `:=`, or None."""
    depth = 0
    for pos, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        if char == ":" and depth == 0 and not text.startswith(":=", pos) \
                and not (pos and text[pos - 1] == "\\"):
            return pos
    return None


def _top_level_split(text: str) -> list[str]:
    """The pieces of `text` between its commas outside every bracket."""
    pieces, start = [], 0
    while (cut := _top_level_comma(text, start)) is not None:
        pieces.append(text[start:cut])
        start = cut + 1
    return [*pieces, text[start:]]


def _on_members(condition: str) -> bool:
    """Whether a condition bounds members of a family (`z_j > 0`): a branch set on z_j does
    not reach the members z_1, z_2 a step is built with, so it is not taken."""
    try:
        chain = split_chain(_CONDITION_OPENING.sub("", condition, count=1))
        names = [n for side in chain.sides for n in walk(parse_side(side.text))
                 if isinstance(n, A.Name)]
    except NotationError:
        return True
    return len(chain.relations) == 1 and chain.relations[0] in INEQUALITY_SIGNS \
        and any(n.sub for n in names)


_CONDITION_OPENING = re.compile(rf"\s*{re.escape(FOR_ALL)}(?![A-Za-z])")


def _unread_condition(claim: str) -> bool:
    """Whether a quantifier at the claim's end states a condition (`\\forall z_j > 0`,
    `\\forall k \\neq y`), not a range: one not taken must never be dropped."""
    trailing = _TRAILING_FORALL.search(claim)
    condition = trailing and (trailing.group("condition") or trailing.group("bracketed"))
    return bool(condition) and any(relation in condition for relation in CONDITION_RELATIONS)


_LEADING_FORALL = re.compile(rf"\s*{re.escape(FOR_ALL)}(?![A-Za-z])")
_TRAILING_FORALL = re.compile(
    r"(?:\s|,|~|\\[,;: ])*(?:\\q?quad\s*(?P<condition>" + re.escape(FOR_ALL)
    + r"(?![A-Za-z])[^{}&]*)|(?:\\q?quad|\\[,;: ]|~|\s)*\(\s*(?P<bracketed>"
    + re.escape(FOR_ALL) + r"(?![A-Za-z])[^(){}&]*)\)\s*[.,]?\s*)$")


def _top_level_comma(text: str, start: int) -> int | None:
    """The position of the first comma after `start` outside every bracket, or None."""
    depth = 0
    for pos in range(start, len(text)):
        char = text[pos]
        depth += (char in "([{") - (char in ")]}")
        if char == "," and depth == 0:
            return pos
    return None


def _defining_chain(claim: str, context: Context, budget_seconds: float) -> ClaimResult | None:
    """`l(\\mathbf{w}) = \\log L(\\mathbf{w}) = …` with l neither given nor known: the first
    link defines l (nothing in it can be wrong), and the links after it are checked. A
    single link that only defines a new name claims nothing: it is undecided, and says so.
    None when the chain's first side is not a new name."""
    try:
        chain = split_chain(claim)
        tied = tied_entries(parse_side(chain.sides[0].text), context) \
            if len(chain.sides) > 1 and chain.relations[0] in DEFINING else None
        if tied is not None:
            return ClaimResult(claim, [dataclasses.replace(
                tied, lhs=chain.sides[0].text, rhs=chain.sides[1].text,
                relation=chain.relations[0])])
        head = _new_head(chain, context)
        inverted = _new_inverse(chain, context) if head is None else None
    except NotationError:
        return None
    if inverted is not None:
        return ClaimResult(claim, [LinkResult(
            chain.sides[0].text, chain.sides[1].text, chain.relations[0], Verdict.UNDECIDED,
            Method.DEFINITION, f"undecided: this defines {to_latex(inverted)} by its inverse, "
            "and nothing else determines it, so it claims nothing; give its definition in "
            "`given` to check a claim about it")])
    if head is None:
        return None
    left, right, relation = chain.sides[0].text, chain.sides[1].text, chain.relations[0]
    if len(chain.relations) == 1 and isinstance(parse_side(right), A.Name):
        return None                    # \hat{y} = y compares two names: a claim
    if len(chain.relations) == 1:
        return ClaimResult(claim, [LinkResult(
            left, right, relation, Verdict.UNDECIDED, Method.DEFINITION,
            f"undecided: this defines {left}, which nothing else determines, so it claims "
            "nothing; give its definition in `given` to check a claim about it")])
    try:
        if not isinstance(head, A.MatrixLiteral) and not _value_at_a_point(head, context):
            context.define_latex(f"{left} {relation} {right}")   # (nor D(1): no name)
    except NotationError:
        if not labelled_by_word(head, context):
            return None                 # (a label in words names what nothing else uses)
    first = LinkResult(left, right, relation, Verdict.VALID, Method.DEFINITION,
                       f"defines {left}")
    after = Chain(chain.source, chain.sides[1:], chain.relations[1:])
    try:            # a_j = \phi(\mathbf{z})_j = …: the next side names something new too
        second = _new_head(after, context)
        named = second is not None and not _known_head(second, context)
    except NotationError:
        named = False
    rest = _defining_chain(_chain_text(after), context, budget_seconds) if named else None
    if rest is None:
        rest = check_chain(after, context, Budget(budget_seconds))
    return ClaimResult(claim, [first, *rest.links])


def _known_head(head: A.Node, context: Context) -> bool:
    """Whether the name a head applies or indexes (s of `s(z)_j`, J of `J(\\theta)`) is one
    the context knows: defined, given a value, a function, or one derivcheck knows."""
    while isinstance(head, A.BinOp) and head.op == "apply":
        head = head.left
    name = head.name if isinstance(head, A.Call) else head.base if isinstance(head, A.Name) \
        else None
    return name is None or context.is_value(name) or context.is_function(name) \
        or any(family_of(key) == name for key in context.functions) \
        or any(d.name.base == name for d in context.definitions if isinstance(d.name, A.Name)) \
        or known_function(name.lstrip("\\")) is not None


def _chain_text(chain: Chain) -> str:
    """The chain's statement, written again from its sides and relations."""
    text = chain.sides[0].text
    for relation, side in zip(chain.relations, chain.sides[1:], strict=True):
        text = f"{text} {relation} {side.text}"
    return text


def _new_inverse(chain: Chain, context: Context) -> A.Name | None:
    """`\\mathbf{P}_n^{-1} = \\sigma^{-2} X^T X + P_0^{-1}` with P_n determined by nothing
    (and not on the other side): the one link names P_n by its inverse. The name, or None."""
    if len(chain.sides) != 2 or chain.relations[0] not in DEFINING:
        return None
    head = parse_side(chain.sides[0].text)
    if not (isinstance(head, A.Power) and isinstance(head.base, A.Name)
            and to_latex(head.exponent) == "-1"):
        return None
    key = name_key(head.base)
    other = parse_side(chain.sides[1].text)
    if context.is_value(key) or context.kind(key) or context.shape_of(key) is not None \
            or any(isinstance(n, A.Name) and name_key(n) == key
                   for tree in (other, *_bodies_used((other,), context)) for n in walk(tree)):
        return None
    return head.base


def _new_head(chain: Chain, context: Context) -> A.Node | None:
    """The chain's first side when it names something new: a bare name or a function of
    names that the context neither defines, binds, gives nor knows, and that no other side
    mentions."""
    if len(chain.sides) < 2 or chain.relations[0] not in DEFINING or not chain.sides[0].text:
        return None
    head = parse_side(chain.sides[0].text)
    if isinstance(head, A.MatrixLiteral):
        return head if _new_entries(head, chain, context) else None
    # F1 = \frac{2}{…}: the name F_1, as a notebook writes it (not F of FP beside it)
    coded = code_name(head) or (head if _CODE_NAME.fullmatch(chain.sides[0].text) else None)
    if coded is not None and not context.is_value(name_key(coded)) \
            and not context.is_value(coded.base):
        head = coded
    else:
        coded = None
    layer = isinstance(head, A.Power)
    if layer:       # w^{2} = w^{1} - \alpha \nabla f(w^{1}) with w^{1} defined: step 2
        head = context.resolve(head).tree
        if not (isinstance(head, A.Name) and head.sup) or any(
                name_key(d.name) == name_key(head) for d in context.definitions):
            return None
    # E_{total} is not E_{o1}, w_5^{+} is not w_5, w^{(2)} not w^{(1)}, p_k^{(t+1)} not
    # p_k^{(t)}, x_{n+1} not x_n: another quantity
    labelled = layer or isinstance(head, A.Name) and (bool(head.suffix) or any(
        isinstance(s, A.Name) and s.base in UPDATE_MARKS or isinstance(s, A.BinOp)
        for s in head.sup) or any(letter_offset(s) and s.op == "+" for s in head.sub)
        and not context.is_value(head.base)) or coded is not None
    if isinstance(head, A.Name) and _layer_of(head) is not None \
            and _only_other_members(head, context):
        labelled = True                 # \delta^{[1]}_j beside \delta^{[2]}: another layer's
    if isinstance(head, A.Name) and reads_as_derivative(head, context):
        return None                     # f_y with f(x, y) defined, y' with y = x^2
    if isinstance(head, A.Name):
        key = name_key(head)
        if context.is_value(key) or (context.is_value(head.base) and not labelled
                                     and not _only_other_members(head, context)) \
                or context.kind(key) or context.shape_of(key) is not None:
            return None
    elif function_signature(head) is not None:
        if context.function_for(head) is not None or _resolves_to_known(head, context):
            return None
        if isinstance(head, A.Call) and head.name.startswith(NABLA + " ") \
                and head.name.removeprefix(NABLA + " ") in context.functions:
            return None                    # \nabla f(x, y) of a defined f: its gradient
    elif (word := context.word_named(head)) is not None \
            and not context.is_value(name_key(word)):
        return head                     # HO = \sigma(HI): the word HO, as HI is one
    elif _value_at_a_point(head, context):
        pass                            # D(1) = (0.2 - 1)^2 + …: names D's value at 1
    elif not (labelled_by_word(head, context) or labelled_call(head, context)):
        return None                     # (v_1 baru, Z_2(in) = …: labelled values)
    bases = set()
    trees = []
    for number, side in enumerate(chain.sides[1:]):
        try:
            tree = parse_side(side.text)
        except NotationError:
            if number == 0:
                raise
            continue            # a later side not read (an elision): its own link says so
        trees.append(context.resolve(tree).tree if layer else tree)
    # t_i = \log\frac{p_i}{1 - p_i} with p_i = \sigma(t_i): the definitions the other sides
    # rest on hold t, so this relates t to itself (an inverse): a claim
    named = head if isinstance(head, A.Name) else factors(head)[0] \
        if isinstance(head, A.BinOp) and head.op == "juxt" else head.left \
        if isinstance(head, A.BinOp) else None
    for tree in (*trees, *_bodies_used(trees, context)):
        bases |= {name_key(n) if labelled else n.base for n in walk(tree)
                  if isinstance(n, A.Name) and not _other_member(n, named)}
    if named is not None and (name_key(named) if labelled else named.base) in bases:
        return None                    # x^{(2)} = x^2 compares x with itself: a claim
    return head


_CODE_NAME = re.compile(r"\s*[A-Za-z]\d+\s*")


def _value_at_a_point(head: A.Node, context: Context) -> bool:
    """`D(1)`: a call, at printed numbers, of a function nothing defines: a value named by
    its point, as worked examples name a distance or a loss at an iteration."""
    if not (isinstance(head, A.BinOp) and head.op == "apply" and isinstance(head.left, A.Name)
            and all(is_printed_number(a) for a in call_arguments(head.right))):
        return False
    try:
        call = context.resolve(head).tree
    except NotationError:
        return False
    return isinstance(call, A.Call) and call.callee is A.Callee.ARBITRARY and bool(call.args) \
        and not call.primes and all(is_printed_number(a) for a in call.args)


def _new_entries(head: A.MatrixLiteral, chain: Chain, context: Context) -> bool:
    """`(x_1, y_1) = (x_0, y_0) - \\alpha \\nabla g(x_0, y_0)`: a list or column of names, none
    of which the context determines or another side mentions, names the next point."""
    entries = [entry for row in head.rows for entry in row]
    # (x^*, y^*) = (12/7, -3/7): starred names, the optimum's, are new names too
    if not all(isinstance(e, A.Name) and not part_of_known(e, context) and all(
            isinstance(s, A.Name) and s.base in UPDATE_MARKS for s in e.sup)
               for e in entries):
        return False
    keys = {name_key(e) for e in entries}
    if len(keys) != len(entries) or any(
            context.is_value(key) or context.kind(key) or context.shape_of(key) is not None
            for key in keys):
        return False
    try:
        trees = [parse_side(side.text) for side in chain.sides[1:]]
    except NotationError:
        return False
    mentioned = {name_key(n) for tree in (*trees, *_bodies_used(trees, context))
                 for n in walk(tree) if isinstance(n, A.Name)}
    return not keys & mentioned


def tied_entries(head: A.Node, context: Context) -> LinkResult | None:
    """`(f_1, f_2) = …` with a function f defined: f's entries, or its partial derivatives?
    derivcheck does not read them as either; the link, undecided, or None for any other
    first side."""
    head = ungroup(head)
    if not isinstance(head, A.MatrixLiteral):
        return None
    tied = [e for row in head.rows for e in row if isinstance(e, A.Name) and e.sub
            and (e.base in context.functions or context.is_function(e.base))
            and not reads_as_derivative(e, context)]
    if not tied:
        return None
    return LinkResult(to_latex(head), "", "=", Verdict.UNDECIDED, Method.NONE,
                      f"undecided: {to_latex(tied[0])} may be an entry of the function "
                      f"{tied[0].base} or its partial derivative, which derivcheck does not "
                      f"read; write the derivative as \\frac{{\\partial {tied[0].base}}}"
                      f"{{\\partial x}}, or define {to_latex(tied[0])} (as in "
                      f"{to_latex(tied[0])} = …), to check it")


def part_of_known(name: A.Name, context: Context) -> bool:
    """Whether a name is a part of what the context knows: f_x with f(x, y) defined (its
    partial derivative), g_1 with g = \\nabla f defined (its entry; not w_1 where w is defined
    as (w_1, w_2), its own quantity), a name with a value, kind or shape."""
    key = name_key(name)
    if any(not d.name.sub and name_key(d.name) == name.base and any(
            isinstance(n, A.Name) and name_key(n) == key for n in walk(d.body))
           for d in context.definitions):
        return False                    # w = (w_1, w_2): w_1 is a quantity of its own
    return reads_as_derivative(name, context) or context.is_value(key) \
        or context.kind(key) is not None or context.shape_of(key) is not None \
        or any(not d.name.sub and name_key(d.name) == name.base for d in context.definitions)


def labelled_call(head: A.Node, context: Context) -> bool:
    """`Z_2(in)`: a name the context does not determine, labelled in parentheses by letters
    nothing here gives a value, as worked examples name a neuron's input: a new quantity
    (not y'(0), f_y(1, 2) or d(1 + e^{-x}), a derivative's value, nor a defined function's
    call)."""
    composite = composite_name(head)
    if composite is None:
        return False
    label = [n for n in walk(head.right) if not isinstance(n, A.Group | A.BinOp)]
    return not (context.function_for(head) is not None or _resolves_to_known(head, context)
                or context.is_value(composite.base) or context.is_value(node_text(head.left))
                or context.is_function(node_text(head.left)) or head.left.primes
                or head.left.base in DIFFERENTIAL_D or reads_as_derivative(head.left, context)
                or not all(isinstance(n, A.Name) and not context.is_value(name_key(n))
                           for n in label))


def labelled_by_word(head: A.Node, context: Context) -> bool:
    """`v_1 baru`, `w_5 new`: a name the context does not determine, then a word of three
    letters or more printed together, none of them a quantity here: the name labelled in
    words (the new v_1), as worked examples name an updated value."""
    parts = factors(head) if isinstance(head, A.BinOp) and head.op == "juxt" else []
    if len(parts) < 4 or not all(isinstance(n, A.Name) for n in parts):
        return False
    runs = [[parts[0]]]           # the letters printed together: `bias baru` is two words
    for before, letter in zip(parts, parts[1:], strict=False):
        if letter.pos == before.pos + 1 and not (before.sub or before.sup):
            runs[-1].append(letter)
        else:
            runs.append([letter])
    words = [run for run in runs[1:] if len(run) >= 3 and letter_word(run) is not None]
    if len(runs) < 2 or len(words) != len(runs) - 1 \
            or len(runs[0]) > 1 and letter_word(runs[0]) is None:
        return False
    first = parts[0]            # a name labelled must be one nothing here determines
    return len(runs[0]) > 1 or not (context.is_value(name_key(first))
                                    or context.is_value(first.base))


def reads_as_derivative(name: A.Name, context: Context) -> bool:
    """Whether the context reads a name as a derivative of what it defines: `y'` with
    y = x^2, `f_y` with f(x, y) defined (`resolve.primed_derivative`, `partial_by_subscript`):
    then it is determined, and a line giving it a value claims, never defines."""
    if not (name.primes or name.sub or name.suffix):
        return False
    try:
        return isinstance(context.resolve(name).tree, A.Partial | A.At)
    except NotationError:
        return False


def _true_class_entries(trees: tuple, context: Context) -> tuple[str, str | None] | None:
    """`L = -\\log \\hat{y}_\\text{true}` beside `L = -\\sum_k y_k \\log \\hat{y}_k`: an entry
    labelled with the true class, of a vector the definitions index. Its name, and the
    one-hot label that says which class that is (None when nothing declares one); None
    when the trees have no such entry."""
    labelled = [n for tree in trees for n in walk(tree) if isinstance(n, A.Name)
                and n.suffix in TRUE_CLASS_WORDS and not n.sub]
    if not labelled:
        return None
    indexed = {n.base for tree in (*trees, *(d.body for d in context.definitions))
               for n in walk(tree) if isinstance(n, A.Name) and n.sub}
    entry = next((n for n in labelled if n.base in indexed), None)
    if entry is None:
        return None
    hot = sorted(name for name, kind in (context.conventions.get("symbols") or {}).items()
                 if kind == "one-hot" and re.fullmatch(r"[A-Za-z]", name))
    return to_latex(entry), hot[0] if len(hot) == 1 else None


def _at_hot_class(trees: tuple, label: str, context: Context) -> tuple:
    """The trees with each entry at the true class written as an entry at a letter h, and
    each side using one summed over h weighted by the one-hot label's entry y_h: for a
    one-hot y, `\\sum_h y_h f(\\hat{y}_h)` is f at the hot class."""
    used = {n.base for tree in _trees_used(trees, context) for n in walk(tree)
            if isinstance(n, A.Name)} | {n.index for tree in trees for n in walk(tree)
                                          if isinstance(n, A.SumOver)}
    letter = next(c for c in "hgqrsuvcmo" if c not in used)
    index = A.Name(letter)

    out = []
    for tree in trees:
        rewritten = tree
        for node in [n for n in walk(tree) if isinstance(n, A.Name)
                     and n.suffix in TRUE_CLASS_WORDS and not n.sub]:
            rewritten = _with_node(rewritten, node,
                                   dataclasses.replace(node, suffix="", sub=(index,)))
        if rewritten is not tree:
            rewritten = A.SumOver(letter, None, None, A.BinOp(
                "juxt", A.Name(label, sub=(index,)), A.Group(rewritten)))
        out.append(rewritten)
    return tuple(out)


def _log_read_wider(trees: tuple, link: tuple[str, str, str], context: Context,
                    budget: Budget, decisions: tuple[str, ...], narrow: Verdict
                    ) -> Finding | None:
    """`\\ln \\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp(…)`, `\\log 2x` without parentheses,
    `\\log (1-p)^{1-y}`: read as the log of the first factor times the rest (the power of
    the log), the step's verdict is `narrow`;
    when the log taking the whole product, as the writer may mean, gives another (or is in
    doubt), it is undecided. None when no log without parentheses is followed by a factor,
    or both readings agree."""
    wider = tuple(_log_of_product(tree) for tree in trees)
    if wider == tuple(trees):
        return None
    try:
        found = check_symbolic(*wider, link, context, budget, decisions)
    except (NotationError, ShapeError, sympy.ShapeError) as error:
        found = undecided(str(error))
    if found.verdict == narrow:
        return None
    said = {Verdict.VALID: "it holds", Verdict.INVALID: "it does not hold"}
    return undecided("undecided: how far a log reaches is not written (a log without "
                     "parentheses followed by more factors, or a log of parentheses raised "
                     f"to a power); read as the log of the first factor only, {said[narrow]}, "
                     "and read as the log of all that follows, "
                     f"{said.get(found.verdict, 'it is in doubt')}; write the parentheses "
                     "(\\ln(a b) or \\ln(a)\\, b; \\ln((1-p)^k) or (\\ln(1-p))^k) to say which")


NARROWED_PRODUCTS = ("juxt", "cdot", "odot", "times", "*")


def _operator_read_narrow(trees: tuple, link: tuple[str, str, str], context: Context,
                          budget: Budget, decisions: tuple[str, ...], whole: Verdict
                          ) -> Finding | None:
    """`\\nabla_{\\mathbf s} H \\ \\mathbf J`, `\\nabla_a C \\odot \\sigma'(z)`: a derivative
    operator before a product whose first factor is a defined quantity or function may take
    that factor alone, as such texts mean, or the whole product, as read. When the readings
    disagree the step is undecided; None when no such operator stands, the narrow reading
    cannot be built, or both agree."""
    found = _narrow_reading(trees, link, context, budget, decisions)
    if found is None or found.verdict == whole:
        return None
    said = {Verdict.VALID: "it holds", Verdict.INVALID: "it does not hold"}
    return undecided("undecided: a derivative operator stands before a product; read as "
                     f"taking the whole product, {said[whole]}, and read as taking its first "
                     f"factor only, {said.get(found.verdict, 'it is in doubt')}; write the "
                     "parentheses (\\nabla_s (H J) or (\\nabla_s H) J) to say which")


def _narrow_reading(trees: tuple, link: tuple[str, str, str], context: Context,
                    budget: Budget, decisions: tuple[str, ...]) -> Finding | None:
    """The step read with each derivative operator before a product of a defined first
    factor taking that factor alone (`_narrowed`); None when no operator is so placed or
    that reading cannot be built."""
    narrow = tuple(_narrowed(tree, context) for tree in trees)
    if narrow == tuple(trees):
        return None
    try:
        return check_symbolic(*narrow, link, context, budget, decisions)
    except (NotationError, ShapeError, sympy.ShapeError):
        return None


def _narrowed(tree: A.Node, context: Context) -> A.Node:
    """The tree with each derivative operator before a product of a defined first factor
    taking that factor alone: ∇_s (H J) as (∇_s H) J."""
    for node in walk(tree):
        if not isinstance(node, A.Partial):
            continue
        product = node.operand if node.numerator is None else node.numerator
        if node.numerator is not None and not _operator_written(node):
            continue                    # \frac{\partial H J}{\partial s}: the fraction holds both
        first = _first_factor(product)
        if first is None or first is product or not _defined_factor(first, node.wrt, context):
            continue
        alone = dataclasses.replace(node, operand=first) if node.numerator is None \
            else dataclasses.replace(node, numerator=first)
        return _narrowed(_with_node(tree, node, _with_first_factor(product, alone)), context)
    return tree


def _operator_written(node: A.Partial) -> bool:
    """Whether ∂ stands before what it differentiates (∇_s H J), not over it in a fraction."""
    return getattr(node.wrt, "pos", 0) < getattr(node.numerator, "pos", 0)


def _first_factor(node: A.Node | None) -> A.Node | None:
    while isinstance(node, A.BinOp) and node.op in NARROWED_PRODUCTS:
        node = node.left
    return node


def _with_first_factor(node: A.Node, new: A.Node) -> A.Node:
    if isinstance(node, A.BinOp) and node.op in NARROWED_PRODUCTS:
        return dataclasses.replace(node, left=_with_first_factor(node.left, new))
    return new


def _defined_factor(node: A.Node, wrt: A.Node, context: Context) -> bool:
    """A defined function's call, or a defined quantity, other than the variable."""
    if isinstance(node, A.Call):
        return node.callee is A.Callee.DEFINED
    return isinstance(node, A.Name) and not (isinstance(wrt, A.Name) and node.base == wrt.base) \
        and family_of(name_key(node)) in context.defined_families()


def _log_of_product(tree: A.Node) -> A.Node:
    """The tree with each log written without parentheses taking the factors after it:
    `\\ln a\\, b c` as ln(a b c)."""
    while (widened := next((w for n in walk(tree)
                            if (w := _widened_log(n) or _widened_log_power(n)) is not None),
                           None)) is not None:
        tree = _with_node(tree, *widened)
    return tree


def _widened_log_power(node: A.Node) -> tuple[A.Node, A.Node] | None:
    """For `\\log (1-p)^{1-y}` (a log of parentheses raised to a power): the node and the
    log of the power, log((1-p)^{1-y}), as Bernoulli likelihoods mean it; None otherwise."""
    call = node.base if isinstance(node, A.Power) else None
    if not (isinstance(call, A.Call) and call.name in LOGARITHMS and call.parens
            and len(call.args) == 1 and call.power is None and not call.primes):
        return None
    power = A.Power(A.Group(call.args[0], call.pos), node.exponent, node.pos)
    return node, dataclasses.replace(call, args=(power,), parens=False)


def _widened_log(node: A.Node) -> tuple[A.Node, A.Node] | None:
    """For `\\log a\\, b` (a product whose first factor ends in a log written without
    parentheses): the node and the product with the log taking b; None for anything else.
    A log of a call (`\\log \\sigma(w x)\\, y`) is whole."""
    if not (isinstance(node, A.BinOp) and node.op == "juxt"):
        return None
    log = node.left.right if isinstance(node.left, A.BinOp) and node.left.op == "juxt" \
        else node.left
    if not (isinstance(log, A.Call) and log.name in LOGARITHMS and not log.parens
            and len(log.args) == 1 and log.power is None and not log.primes) \
            or isinstance(log.args[0], A.Call | A.Group) \
            or isinstance(log.args[0], A.BinOp) and log.args[0].op == "apply":
        return None
    wide = dataclasses.replace(log, args=(A.BinOp("juxt", log.args[0], node.right,
                                                  node.pos),))
    return node, wide if log is node.left else dataclasses.replace(node.left, right=wide)


def _other_member(name: A.Name, head: A.Node | None) -> bool:
    """Whether `name` is another numbered member of the family the head numbers: z_1 beside
    the head z_2 (`z_2 = a_1 w_2` with a_1 = ReLU(z_1)) is another quantity, where t_i beside
    t_i, or p_i beside p_1, may be the same one."""
    return isinstance(head, A.Name) and isinstance(name, A.Name) and name.base == head.base \
        and _numbered(head) and _numbered(name) and name_key(name) != name_key(head)


def _only_other_members(head: A.Name, context: Context) -> bool:
    """Whether the head is numbered and every definition of its letter is of another
    numbered member, or labelled in words: h_2 after `h_1 = 2` or `h_{new} = …` is new,
    after `\\mathbf{h} = W x` or `h_i = …` an entry of what is defined."""
    members = [d.name for d in context.definitions if d.name.base == head.base]
    if _layer_of(head) is not None and members \
            and all(_layer_of(m) not in (None, _layer_of(head)) for m in members) \
            and not any(isinstance(name, A.Name) and name.base == head.base
                        and _layer_of(name) in (None, _layer_of(head)) for name in context.given):
        return True     # \delta^{[1]}_j beside \delta^{[2]} = …: a quantity of another layer
    return _numbered(head) and bool(members) and all(   # (x_{new} is labelled in words)
        _other_member(member, head) or bool(member.suffix) for member in members) and not any(
        isinstance(name, A.Name) and name.base == head.base and not _other_member(name, head)
        and not name.suffix for name in context.given)


def _layer_of(name: A.Name) -> str | None:
    r"""The number of a name's layer superscript (`\delta^{(2)}`: "2"), or None."""
    if len(name.sup) == 1 and isinstance(name.sup[0], A.Num) and name.sup[0].text.isdigit():
        return name.sup[0].text
    return None


def _numbered(name: A.Name) -> bool:
    """Whether whole numbers alone index the name (z_2, w_{12}), with nothing above it."""
    return bool(name.sub) and not name.sup and not name.primes \
        and all(isinstance(index, A.Num) for index in name.sub)


def _resolves_to_known(head: A.Node, context: Context) -> bool:
    """Whether `f(x)` calls a function the notation knows (σ, softmax) or one defined here:
    then it is no new function."""
    try:
        resolved = context.resolve(head).tree
    except MeaningError:
        return False          # an operator name not known: new
    if isinstance(resolved, A.BinOp) and resolved.op == "juxt":
        resolved = resolved.left            # \dot{F}(p) of a defined F: F'(p) \dot{p}
    return isinstance(resolved, A.Call) and resolved.callee in (
        A.Callee.KNOWN, A.Callee.DEFINED, A.Callee.OPERATOR)


def check_in_context(claim: str, context: Context, *, budget_seconds: float =
                     DEFAULT_BUDGET_SECONDS, previous: str | None = None) -> ClaimResult:
    """Check a chain in an existing context; `previous` is the side a leading `=` continues."""
    try:
        chain = split_chain(claim)
    except NotationError as error:
        return ClaimResult(claim, [not_read(error).link(claim, "", "")])
    return check_chain(chain, context, Budget(budget_seconds), previous)


def check_chain(chain: Chain, context: Context, budget: Budget,
                previous: str | None = None) -> ClaimResult:
    sides = [s.text for s in chain.sides]
    if sides and not sides[0] and previous:
        sides[0] = previous
    links: list[LinkResult] = []
    if not chain.relations and sides and sides[0]:
        links.extend(annotation_links(sides[0], "", context, budget))
    named = context.name_last(chain, chain.source) if sides[0] else None
    # … = \frac{1}{1 + e^{-\eta}} = \mu: names μ, once the links before it hold
    value_named = named is None and bool(sides[0]) and context.names_last(chain)
    held, context.statement = context.statement, tuple(_parsed_sides(sides))
    try:
        links += _chain_links(chain, sides, context, budget, named, value_named)
        context.steps_written |= statement_readings(context.statement,
                                                    context.snapshot()).stepped
    finally:
        context.statement = held
    links = _through_derivatives_elsewhere(links, sides, context)
    hints = D.ocr_hints(chain.source)
    if hints:   # what may explain a line that could not be read
        links = [dataclasses.replace(link, message=f"{link.message} ({'; '.join(hints)})")
                 if link.verdict == Verdict.UNPARSEABLE else link for link in links]
    return ClaimResult(chain.source, links)


def _parsed_sides(sides: list[str]) -> list[A.Node]:
    """The sides that read, as trees (one that does not is left out)."""
    parsed = []
    for side in filter(None, sides):
        try:
            parsed.append(parse_side(side))
        except NotationError:
            continue
    return parsed


def _chain_links(chain: Chain, sides: list[str], context: Context, budget: Budget, named,
                 value_named: bool) -> list[LinkResult]:
    """Each link of the chain checked in turn (see `check_chain`)."""
    links: list[LinkResult] = []
    for k, relation in enumerate(chain.relations):
        left, right = sides[k], sides[k + 1]
        if relation in NO_LINK:
            continue
        last = k == len(chain.relations) - 1
        if last and value_named and not any(link.verdict == Verdict.INVALID for link in links):
            named = context.name_value_last(chain, chain.source)
        if named is not None and last:
            # … = 2(y - t) =: \delta: names δ, claims nothing
            links.append(LinkResult(left, right, relation, Verdict.VALID, Method.DEFINITION,
                                    f"names {right.strip()}"))
            continue
        if not left:
            links.append(LinkResult("", right, relation, Verdict.UNDECIDED, Method.NONE,
                                    "this line continues a chain whose last side is unknown "
                                    "(the line before it could not be read)"))
            continue
        step = Budget(budget.seconds)    # each link has the whole budget: a long chain
        try:                             # is not starved
            links.append(check_link(left, right, relation, context, step))
            links.extend(annotation_links(left if k == 0 else None, right, context, step))
        except Exception as error:  # deep nesting while reading, say: named, never raised
            links.append(failed_link(left, right, relation, error))
    return links


def _through_derivatives_elsewhere(links: list[LinkResult], sides: list[str],
                                   context: Context) -> list[LinkResult]:
    """`\\frac{df}{du} \\frac{du}{dx} = 2u \\cdot 3 = 2(3x + 1) \\cdot 3` with u defined
    nowhere: the chain differentiates u, so u stands for a function of the variable the
    text does not define; read as a free number, a link using it would be shown wrong by a
    misreading. Such a link is undecided, naming u."""
    if not any(link.verdict == Verdict.INVALID for link in links):
        return links                    # every chain passes here: read nothing more
    trees = []
    for side in sides:
        try:
            trees.append(parse_side(side) if side else None)
        except NotationError:
            trees.append(None)
    differentiated = {name_key(n.numerator): to_latex(n) for tree in trees if tree is not None
                      for n in walk(tree) if isinstance(n, A.Partial)
                      and isinstance(n.numerator, A.Name) and not _named_here(n.numerator, context)
                      and not _inverse_of(n, context)}
    if not differentiated:
        return links
    out = []
    for link in links:
        # u on one side only (2u \cdot 3 = 2(3x + 1) \cdot 3): the link hangs on what u is;
        # on both sides, a difference shows without it
        one_side = _plain_value_keys(link.lhs) ^ _plain_value_keys(link.rhs)
        used = sorted(key for key in one_side if key in differentiated
                      and f"{key} {TIED_TO_VARIABLE}" not in link.reading
                      and f"{key} {ARGUMENT_NAMED}" not in link.reading)
        if link.verdict == Verdict.INVALID and used:
            link = dataclasses.replace(
                link, verdict=Verdict.UNDECIDED, method=Method.NONE, counterexample=None,
                diagnosis=None, diagnosis_kind=None, message=(
                    f"undecided: {used[0]} is differentiated elsewhere in this chain "
                    f"({differentiated[used[0]]}), so it stands for a function nothing here "
                    f"defines; read as a free number it would decide this link by a "
                    f"misreading\nDefine {used[0]} (as in {used[0]} = …) to check it."))
        out.append(link)
    return out


def _named_here(name: A.Name, context: Context) -> bool:
    """Whether a name is a quantity or function the context knows (defined, shaped, given
    values, or a function derivcheck knows, as σ is)."""
    key = name_key(name)
    return context.is_value(key) or key in context.functions \
        or family_of(key) in context.defined_families() or context.kind(key) is not None \
        or known_function(name.base) is not None


def _plain_value_keys(side: str) -> set[str]:
    """The keys of the names a side uses as values (not as what a derivative differentiates)."""
    try:
        tree = parse_side(side)
    except NotationError:
        return set()
    inside = {id(n.numerator) for n in walk(tree) if isinstance(n, A.Partial)} | {
        id(n.left) for n in walk(tree) if isinstance(n, A.BinOp) and n.op == "apply"}
    return {name_key(n) for n in walk(tree) if isinstance(n, A.Name) and id(n) not in inside}


# the numeric path's answer for sides that are not all numbers: a formula's to check
NOT_NUMBERS = "undecided: the sides are not all numbers"


def annotation_links(left: str | None, right: str, context: Context, budget: Budget):
    """`\\underbrace{0.4 \\times -0.5}_{-0.2}` inside a side: a numeric sub-claim."""
    out = []
    for text in (t for t in (left, right) if t):
        try:
            node = parse_side(text)
        except NotationError:
            continue
        for expr_node, note_node in _annotations(node):
            if names_only_new(note_node, context.snapshot()):
                continue        # \underbrace{…}_{scalars}, _{x}: prose, or a name it gives
            found = numeric_finding(expr_node, note_node, "=", context, budget, text, text)
            if found.message == NOT_NUMBERS:    # \underbrace{\frac{1}{1 + e^{-\eta}}}_{p}
                found = _annotation_as_formula(expr_node, note_node, context, budget)
            out.append(found.link(text, text, "="))
    return out


def _annotation_as_formula(expr_node: A.Node, note_node: A.Node, context: Context,
                           budget: Budget) -> Finding:
    """An underbrace's note that names what the brace holds as a formula: checked as the
    link `expr = note`."""
    try:
        trees = tuple(context.resolve(n).tree for n in (expr_node, note_node))
        return check_symbolic(*trees, (to_latex(expr_node), "=", to_latex(note_node)),
                              context, budget)
    except NotationError as error:
        return not_read(error)
    except Exception as error:  # never a traceback: the note is not shown wrong for it
        return undecided(f"undecided: the note under the brace could not be checked "
                         f"({type(error).__name__})")


def _annotations(node: A.Node):
    if isinstance(node, A.Annotated) and node.note is not None:
        yield node.expr, node.note
    for child in children(node):
        yield from _annotations(child)


@dataclass
class Sides:
    lhs: object
    rhs: object
    lhs_raw: object
    rhs_raw: object
    instance: Instance


@dataclass(frozen=True)
class Finding:
    """What checking one link found; it becomes the link's `LinkResult` once, at the end."""

    verdict: Verdict
    method: Method = Method.NONE
    message: str = ""
    counterexample: Counterexample | None = None
    diagnosis: D.Diagnosis | None = None
    reading: str = ""
    # the names the difference between the sides depends on, when a given's identity asks
    # (see `_fact_bearing`); None when not worked out
    varied: frozenset[str] | None = None
    # whether every size read follows from declared shapes, so that a shape that does not
    # fit is the step's own mistake, not a misread size (see `_inferred_reading`)
    sizes_settled: bool = False

    def link(self, left: str, right: str, relation: str) -> LinkResult:
        kind, text = (self.diagnosis.kind, self.diagnosis.message) if self.diagnosis \
            else (None, None)
        return LinkResult(left, right, relation, self.verdict, self.method, self.message,
                          self.counterexample, text, kind, self.reading)


def undecided(message: str) -> Finding:
    return Finding(Verdict.UNDECIDED, Method.NONE, message)


def not_read(error: NotationError) -> Finding:
    """Text that could not be read (unparseable), or was read but has no meaning derivcheck
    can check (undecided, saying why)."""
    if isinstance(error, MeaningError):
        return undecided(f"undecided: {error}")
    return Finding(Verdict.UNPARSEABLE, Method.NONE, str(error))


def check_link(left: str, right: str, relation: str, context: Context,
               budget: Budget) -> LinkResult:
    """One link `left relation right` of a chain, checked in the context."""
    return find(left, right, relation, context, budget).link(left, right, relation)


def find(left: str, right: str, relation: str, context: Context, budget: Budget) -> Finding:
    """What one link is: its verdict, method and message (see `_find`). A difference is
    then asked each of `DOUBTS`: the first that finds it may come from a misreading (or
    reads the link another way) gives the verdict instead. An undecided link that writes a
    function's variable defined nowhere is read again with it the function's argument
    (`_named_argument_reading`)."""
    finding = _doubted(left, right, relation, context, budget)
    if finding.verdict == Verdict.UNDECIDED:
        return _named_argument_reading((left, right, relation), context, budget) or finding
    return finding


def _doubted(left: str, right: str, relation: str, context: Context,
             budget: Budget) -> Finding:
    """`_find`, then the doubts (see `find`)."""
    finding = _find(left, right, relation, context, budget)
    if finding.verdict in (Verdict.VALID, Verdict.INVALID) and not context.outside_varies:
        finding = _expectation_reading_doubt((left, right, relation), finding, context,
                                             budget) or finding
    if finding.verdict in (Verdict.VALID, Verdict.INVALID) \
            and EVERY_FUNCTION not in finding.message \
            and (vacuous := _vacuous_in_link(left, right, context)) is not None:
        finding = (_holds_for_every_function(*vacuous[1], (left, relation, right), context,
                                             budget, ()) if finding.verdict == Verdict.VALID
                   else None) or undecided(f"undecided: {vacuous[0]}")
    if finding.verdict == Verdict.UNDECIDED:
        finding = _read_with_definition_shapes((left, right, relation), finding, context,
                                               budget) or finding
    if finding.verdict == Verdict.UNDECIDED and ROWS_APART in finding.message:
        finding = _read_as_entries((left, right, relation), context, budget) or finding
    if finding.verdict == Verdict.UNDECIDED and _softmax_in_doubt((left, right), finding,
                                                                  context):
        finding = _softmax_by_axes((left, right, relation), context, budget) or finding
    if finding.verdict == Verdict.VALID:
        finding = _brace_doubt((left, right, relation), finding, context, budget) \
            or _function_doubt((left, right, relation), context, budget) \
            or _sample_entry_doubt((left, right, relation), finding, context, budget) \
            or finding
    if D_GRADIENT_NAMED in finding.reading and finding.verdict in (Verdict.VALID,
                                                                 Verdict.INVALID):
        finding = _named_gradients_doubt((left, right, relation), finding, context, budget)
    if finding.verdict in (Verdict.VALID, Verdict.INVALID) and not context.other_reading \
            and (context.unread_conventions or _unread_kinds(context)):
        finding = _convention_doubt((left, right, relation), finding, context, budget)
    if finding.verdict in (Verdict.VALID, Verdict.INVALID):
        finding = _differentiated_product_doubt((left, right), context) or finding
    if finding.verdict in (Verdict.VALID, Verdict.INVALID) and context.remodelled:
        finding = _remodelled_doubt((left, right), context) or finding
    if finding.verdict in (Verdict.VALID, Verdict.INVALID) and context.drawn:
        finding = _drawn_doubt((left, right), context) or finding
    if finding.verdict in (Verdict.VALID, Verdict.INVALID):
        finding = _primed_beside_doubt((left, right, relation), finding, context, budget) \
            or finding
    if finding.verdict == Verdict.VALID and context.conventions.get("layout"):
        finding = _unshaped_chain_doubt((left, right), context) or finding
    if finding.verdict != Verdict.INVALID:
        return finding
    link = (left, right, relation)
    for doubt in DOUBTS:
        reread = doubt(link, finding, context, budget)
        if reread is not None:
            return reread
    return finding


def _named_argument_reading(link, context: Context, budget: Budget) -> Finding | None:
    """`\\hat{y} = \\sigma(\\sum_j w_j x_j)`, where `\\sigma(z) = …`: a link that writes z,
    defined nowhere, reads it as the argument σ is applied to, as the text means by naming
    σ's variable (`\\frac{\\partial \\hat{y}}{\\partial z} = \\hat{y}(1 - \\hat{y})`). The
    link read so, with the reading said; None when no such name, or no verdict either way."""
    named = _named_argument(link[:2], context)
    if named is None:
        return None
    parameter, function, argument, source = named
    reading = context.copy()
    try:
        reading.define(parameter, argument, source)
    except NotationError:
        return None
    found = find(*link, reading, budget)
    if found.verdict not in (Verdict.VALID, Verdict.INVALID):
        return None
    note = (f"{name_key(parameter)} {ARGUMENT_NAMED} {function} is applied to in "
            f"{source.strip()}")
    return dataclasses.replace(found, reading="; ".join(filter(None, (found.reading, note))))


def _named_argument(sides, context: Context) -> tuple[A.Name, str, A.Node, str] | None:
    """(z, σ, the argument, the definition that applies σ to it) when the sides write a
    plain name z that nothing defines or gives a value, the variable of exactly one
    function defined with one parameter (or of a known function the text restates,
    `Context.restated_variables`), which the definitions apply to one argument only (one
    that does not write z); else None."""
    try:
        trees = [context.resolve(parse_side(side)).tree for side in sides]
    except NotationError:
        return None
    defined = {name_key(d.name) for d in context.definitions}
    written = {name_key(n) for tree in trees for n in walk(tree)
               if isinstance(n, A.Name) and not n.sub and not n.sup and not n.primes}
    for key in sorted(written - defined):
        functions = [(f.parameters[0], f.name) for f in context.functions.values()
                     if len(f.parameters) == 1 and name_key(f.parameters[0]) == key]
        if not functions and key in context.restated_variables:
            functions = [context.restated_variables[key]]   # σ(z) = … restated, σ known
        if context.is_value(key) or len(functions) != 1:
            continue
        parameter, function = functions[0]
        applied = [call for d in context.definitions for call in walk(d.body)
                   if isinstance(call, A.Call) and call.name not in LOGARITHMS | {"exp"}
                   and call.args and not isinstance(ungroup(call.args[0]), A.Name)]
        calls = [(call.args[0], d.source) for d in context.definitions for call in walk(d.body)
                 if isinstance(call, A.Call) and call.name == function
                 and len(call.args) == 1]
        # (h = f(u x) beside \hat{y} = \sigma(v h): z may be either's argument, σ's most
        # likely; only when no other function is applied to a formula)
        if any(call.name != function for call in applied):
            continue
        if len({node_text(argument) for argument, _ in calls}) == 1 and not any(
                isinstance(n, A.Name) and name_key(n) == key for n in walk(calls[0][0])):
            return parameter, function, calls[0][0], calls[0][1]
    return None


def _entry_against_whole_doubt(link, finding: Finding, context: Context,
                               budget: Budget) -> Finding | None:
    """One side written by its entries, the other whole: read at the entry a derivative's
    variable names, or undecided."""
    left, right, relation = link
    whole = _entry_against_whole(left, right, context) \
        if _ENTRY_READING not in finding.reading else None
    if whole is None:
        return None
    square = _square_entry_reading(left, right, relation, context, budget)
    return square or undecided(
        f"undecided: one side is written by its entries ({whole[1]}), the other whole "
        f"({whole[0]}), as index notation says what a matrix's entry is, and the difference "
        "found may come only from reading them apart; derivcheck reads such a link at the "
        "entry a derivative's variable names (\\partial X_{kl}), with the shapes declared "
        f"(shapes: {{{whole[0]}: [n, n]}})")


def _index_notation_doubt(link, finding: Finding, context: Context,
                          budget: Budget) -> Finding | None:
    """δ_{jp} δ_{kq} A_{ij} B_{ki} = A_{ip} B_{qi}: read with its repeated letters summed; a
    difference there that reading the letters as written does not show is in doubt."""
    left, right, relation = link
    if not _index_notation(left, right, context):
        return None
    plain = _find(left, right, relation, context, budget, summed=False)
    if plain.verdict != Verdict.VALID:
        return None
    return undecided("undecided: with the letters written twice in a product summed over, as "
                     "index notation writes a sum, the sides differ; read as written, each "
                     "letter one index value, they agree; write the sums (\\sum_i) to say "
                     "which is meant")


def _point_doubt(link, finding: Finding, context: Context, budget: Budget) -> Finding | None:
    if not _point_read(link[0], link[1], context):
        return None
    return undecided("undecided: a letter read as the point of a function's own parameters "
                     "in \\nabla f(X) may stand for a quantity elsewhere in the step; write "
                     "the gradient at its parameters, \\nabla f(x, y)")


def _member_doubt(link, finding: Finding, context: Context, budget: Budget) -> Finding | None:
    member = _member_of_defined(link[0], link[1], context)
    if member is None:
        return None
    return undecided(f"undecided: {member[0]} is defined nowhere, but {member[1]} is: "
                     f"{member[0]} may be {member[1]} for one sample or step, which its "
                     f"definition does not say, and read as a free number it decides "
                     f"nothing; define {member[0]} to check this")


def _fact_doubt(link, finding: Finding, context: Context, budget: Budget) -> Finding | None:
    """A difference found where a given states an identity about the names the step rests
    on: the samples were not drawn to satisfy it."""
    fact = _fact_bearing(finding, link[0], link[1], context) if context.facts else None
    if fact is None:
        return None
    return undecided(f"undecided: the given states '{fact}', and the samples were not drawn "
                     "to satisfy it, so the difference found may lie where it fails; write "
                     "what it says into the definitions to check this")


def _default_parameter_doubt(link, finding: Finding, context: Context,
                             budget: Budget) -> Finding | None:
    """`ELU(x) = … \\gamma(e^x - 1)`: ELU read with its α at the default (1) beside a free
    name the text may mean for it. When the link holds with that name as the parameter
    (`ELU(x, \\gamma)`), the difference came from the default alone: undecided."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    calls = [node for tree in trees for node in walk(tree)
             if isinstance(node, A.Call) and len(node.args) == 1
             and node.callee == A.Callee.KNOWN and node.name not in context.functions
             and (function := known_function(node.name)) is not None and function.parameter]
    if not calls:
        return None
    arguments = {name_key(n) for node in calls for arg in node.args for n in walk(arg)
                 if isinstance(n, A.Name)}
    free = sorted({name_key(n): n for tree in trees for n in _values_outside_indices(tree)
                   if name_key(n) not in arguments and not context.is_value(name_key(n))
                   and not _is_constant(n)
                   and not any(d.key == name_key(n) for d in context.definitions)}.items())
    for _, name in free:
        parameterised = tuple(_with_parameter(tree, calls, name) for tree in trees)
        try:
            found = check_symbolic(*parameterised, link, context, budget)
        except Exception:  # noqa: BLE001 - this reading only ever withdraws a verdict
            continue
        if found.verdict == Verdict.VALID:
            function = known_function(calls[0].name)
            shown = f"{function.name}({to_latex(calls[0].args[0])}, {to_latex(name)})"
            return undecided(f"undecided: {function.name}({to_latex(calls[0].args[0])}) is "
                             f"read with its {function.parameter} at its default, and the step "
                             f"holds as {shown}, which the text may mean; write {shown} to "
                             "say so")
    return None


def _with_parameter(tree: A.Node, calls: list[A.Call], parameter: A.Name) -> A.Node:
    """The tree with each of `calls` given `parameter` as its second argument."""
    for call in calls:
        tree = _with_node(tree, call, dataclasses.replace(call, args=(*call.args, parameter)))
    return tree


def _domain_doubt(link, finding: Finding, context: Context,
                  budget: Budget) -> Finding | None:
    """A counterexample that makes negative a name the text shows positive (`_written_positive`)
    is no point of the claim as meant: SymPy writes `\\exp(-\\log \\sigma)` as 1/σ at once,
    and a Huber threshold δ below 0 empties a branch. The link read again with each such
    name positive."""
    point = finding.counterexample.point if finding.counterexample else {}
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    reasons = _written_positive(trees, context)
    negative = sorted(name for name in reasons
                      if point.get(name, "").startswith("-") and context.kind(name) is None)
    if not negative:
        return None
    positive = context.copy()
    positive.conventions["symbols"] = dict(positive.conventions.get("symbols") or {}) | \
        dict.fromkeys(negative, "positive")
    positive._changed()
    found = _find(*link, positive, budget)
    note = "; ".join(f"{name} read as positive, as {reasons[name]} says" for name in negative)
    return dataclasses.replace(found, reading="; ".join(filter(None, (found.reading, note))))


def _outside_cases(node: A.Node):
    """The nodes of a tree, but not those in a branch of a piecewise value (`\\log x` for
    x > 0 says nothing of x in the other branch): a case's conditions are kept."""
    yield node
    if isinstance(node, A.Cases):
        for _, conditions in node.branches:
            for condition in conditions:
                yield from walk(condition)
        return
    for child in children(node):
        yield from _outside_cases(child)


def _written_positive(trees, context: Context) -> dict[str, str]:
    """The names the text shows to be positive, by LaTeX name, with what shows it: a name
    under a logarithm (`\\log \\sigma`), or one an absolute value or norm is compared with in
    a condition (`|e_i| \\le \\delta`, a threshold)."""
    found: dict[str, str] = {}
    for node in (n for tree in _trees_used(trees, context) for n in _outside_cases(tree)):
        if isinstance(node, A.Call) and node.name in LOGARITHMS \
                and isinstance(arg := ungroup(node.args[0]), A.Name) and not arg.sub:
            found.setdefault(to_latex(arg), "the logarithm of it")
        elif isinstance(node, A.Indicator) and node.relation in ("<", ">", "<=", ">=") \
                and any(isinstance(ungroup(side), A.Abs | A.Norm)
                        for side in (node.lhs, node.rhs)):
            for side in (node.lhs, node.rhs):
                if isinstance(name := ungroup(side), A.Name) and not name.sub:
                    found.setdefault(to_latex(name), "comparing an absolute value with it")
    return found


# Ways a difference may come from reading a link other than as its writer meant, each asked
# in turn by `find`
def _one_member_doubt(link, finding: Finding, context: Context,
                      budget: Budget) -> Finding | None:
    """`\\hat{y_1} = a x_1 + b` the only definition of ŷ, beside ŷ_i of every i in the step:
    the text most likely means each member so (a misprint for ŷ_i), and the other members,
    read free, decide nothing."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    numbered: dict = {}
    lettered_families = {(d.name.base, d.name.suffix) for d in context.definitions
                         if d.name.sub and not all(isinstance(s, A.Num) for s in d.name.sub)}
    for d in context.definitions:       # h_0 = 0 beside h_t = …: a start, not a misprint
        if d.name.sub and all(isinstance(s, A.Num) for s in d.name.sub) \
                and (d.name.base, d.name.suffix) not in lettered_families:
            numbered.setdefault((d.name.base, d.name.suffix), []).append(d)
    lettered = [n for tree in _trees_used(trees, context) for n in walk(tree)
                if isinstance(n, A.Name) and n.sub
                and len(numbered.get((n.base, n.suffix), ())) == 1
                and any(isinstance(s, A.Name) for s in n.sub)]
    if not lettered:
        return None
    written = to_latex(numbered[(lettered[0].base, lettered[0].suffix)][0].name)
    family = to_latex(lettered[0])
    return undecided(f"undecided: {written} is the only member of {lettered[0].base} defined, "
                     f"and the step uses {family} of every index: the text may mean each "
                     f"member so; read free, the others decide nothing; define {family} "
                     "(with its index) to check this")


def _named_gradients_doubt(link, finding: Finding, context: Context,
                           budget: Budget) -> Finding:
    """`d\\hat{x} = r\\, dx + x\\, dr` where the text names a gradient dy: read with d-names
    as gradients, and read with d as the differential (`Context.gradients_named`). A
    verdict the two readings disagree on is undecided; a differential reading that is
    refused (dZ = dA ⊙ f'(Z), A = f(Z): it would run backwards) leaves the first."""
    plain = context.copy()
    plain.gradients_named = False
    plain._changed()
    other = _find(link[0], link[1], link[2], plain, budget)
    refused = BACKPROP_NAMES in other.message or DIFFERENTIAL_ALONE in other.message
    if other.verdict == finding.verdict or refused or (
            finding.verdict == Verdict.VALID and other.verdict != Verdict.INVALID):
        return finding
    said = {Verdict.VALID: "holds", Verdict.INVALID: "does not hold"}
    return undecided(f"undecided: with its d-names read as the gradients the text names so, "
                     f"the step {said[finding.verdict]}, and with d read as a differential it "
                     f"{said.get(other.verdict, 'is in doubt')}; write the gradients with ∂ "
                     "(or name them as the text does throughout) to say which")


def _function_doubt(link, context: Context, budget: Budget) -> Finding | None:
    """`\\nabla_\\theta V(s') = 0`, V defined nowhere: a capital before parentheses of a
    name, read as a product, holds θ nowhere, so its derivative is 0; read as a function
    (a value function, of s' and what the text does not say) it may not be. A step that
    holds as read, with such a letter inside a derivative, is read with the letter as any
    function: undecided when it does not hold so; None otherwise."""
    try:
        read = [context.resolve(parse_side(side)) for side in link[:2]]
    except NotationError:
        return None
    if not any(isinstance(n, A.Partial) for r in read for n in walk(r.tree)):
        return None
    # a capital before parentheses of one name only: V(s'), not N(ȳ - b_0) (N a size)
    at_names = {node.left.base for r in read for node in walk(r.tree)
                if isinstance(node, A.BinOp) and node.op == "juxt"
                and isinstance(node.left, A.Name) and isinstance(node.right, A.Group)
                and isinstance(node.right.inner, A.Name)}
    letters = sorted({r.written.removesuffix("(…)") for side in read for r in side.readings
                      if r.read_as.endswith("is not a function here")
                      and re.fullmatch(r"[A-Z]", r.written.removesuffix("(…)"))
                      and r.written.removesuffix("(…)") in at_names
                      and r.written.removesuffix("(…)") not in SIZE_LETTERS})
    if not letters or context.other_reading:
        return None
    found = _read_as((link[0], link[2], link[1]), context, dict.fromkeys(letters, "function"),
                     budget)
    if found is None or found.verdict == Verdict.VALID:
        return None
    declared = ", ".join(f"{letter}: function" for letter in letters)
    return undecided(f"undecided: {', '.join(letters)}(…) read as a product it holds; read as "
                     "a function nothing here defines, which may depend on what the step "
                     f"differentiates by, it does not; declare it (symbols: {{{declared}}}) "
                     "or define it to check this")


def _brace_doubt(link, finding: Finding, context: Context, budget: Budget) -> Finding | None:
    """`a - \\underbrace{b - c}_{\\text{scalars}} + d`: a brace under terms may group them, as
    parentheses do (a - b + c), or only annotate them (a - b - c). Read as an annotation,
    a step whose verdict (valid or invalid, as grouped) is the other one is undecided,
    naming both; None when the readings agree or the step has no such brace."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    spliced = tuple(_braces_spliced(tree) for tree in trees)
    if spliced == trees:
        return None
    try:
        found = check_symbolic(*spliced, (link[0], link[2], link[1]), context, budget, ())
    except (NotationError, ShapeError, sympy.ShapeError):
        return None
    if {found.verdict, finding.verdict} != {Verdict.VALID, Verdict.INVALID}:
        return None
    said = {Verdict.VALID: "holds", Verdict.INVALID: "does not hold"}
    return undecided("undecided: a brace under a sum of terms after a minus sign may group "
                     "them, as parentheses do, or only annotate them; read as grouping, the "
                     f"step {said[finding.verdict]}, and read as an annotation it "
                     f"{said[found.verdict]}; write parentheses inside the brace, or the signs "
                     "of each term, to say which")


def _braces_spliced(tree: A.Node) -> A.Node:
    """The tree with each brace under a sum, after + or -, read as annotating its terms only:
    `a - \\underbrace{b - c}_{x}` as `a - b - c`."""
    while (node := next((n for n in walk(tree) if isinstance(n, A.BinOp)
                         and n.op in ("+", "-") and isinstance(n.right, A.Annotated)),
                        None)) is not None:
        tree = _with_node(tree, node, _spliced(node.op, node.left, node.right.expr, node.pos))
    return tree


def _spliced(op: str, left: A.Node, terms: A.Node, pos: int) -> A.Node:
    if isinstance(terms, A.BinOp) and terms.op in ("+", "-"):
        return A.BinOp(terms.op, _spliced(op, left, terms.left, pos), terms.right, terms.pos)
    return A.BinOp(op, left, terms, pos)


def _entry_sum_doubt(link, finding: Finding, context: Context,
                     budget: Budget) -> Finding | None:
    r"""`\frac{\partial L}{\partial w} = 2 (w x_i - y_i) x_i` beside `\ell_i = (w x_i - y_i)^2`,
    L = Σ_i ℓ_i: i, written twice in a product on one side only, may be summed, as index
    notation sums it, but the definitions index with i too, so it was read as one index
    value. When a defined family's own letters alone kept the sum from being read, and read
    with the sum the step holds, undecided: the per-sample term is a common slip, and index
    notation's sum as common. None otherwise: wrong read either way, or i held for one
    sample by L = ½(w x_i - y_i)^2, the difference stands."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    convention = summation_convention(*trees)
    if convention is None or _summable_here(convention[2], trees, context) \
            or not _summable_here(convention[2], trees, context, every_entry=True):
        return None
    summed = _find(link[0], link[1], link[2], context, budget, every_entry=True)
    if summed.verdict == Verdict.INVALID:
        return None             # wrong read either way: the difference stands
    letters = " and ".join(convention[2])
    return undecided(f"undecided: {letters}, each written twice in a product on one side "
                     "only, may be summed over, as index notation sums them, or be one index "
                     "value, as the definitions use them; read with the sum the step is not "
                     "shown wrong, and as one index value it is; write the sum "
                     f"(\\sum_{{{convention[2][0]}}}) or the index's value to say which")


def _sample_entry_doubt(link, finding: Finding, context: Context,
                        budget: Budget) -> Finding | None:
    """`\\frac{\\partial (\\theta^T x^{(1)})}{\\partial \\theta_1} = x_1^{(1)}` with x declared
    n×1: x^{(1)}, with no shape of its own, was read as entry 1 of the vector x (the vector
    of every sample's value); read as sample 1, a vector shaped as x, the verdict may be the
    other one. Undecided, naming both, when it is; None otherwise."""
    if context.samples_whole or not context.shapes:     # every valid step asks: cheap first
        return None
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    samples = sorted({(to_latex(n), to_latex(dataclasses.replace(n, sup=())))
                      for tree in _trees_used(trees, context) for n in walk(tree)
                      if isinstance(n, A.Name) and len(n.sup) == 1 and not n.sub
                      and context.shape_of(name_key(n)) is None
                      and _vector_shape(context.shape_of(name_key(dataclasses.replace(
                          n, sup=()))))})
    if not samples:
        return None
    whole = context.copy()
    whole.samples_whole = True
    other = find(link[0], link[1], link[2], whole, budget).verdict
    if {other, finding.verdict} != {Verdict.VALID, Verdict.INVALID}:
        return None
    sample, name = samples[0]
    said = {Verdict.VALID: "holds", Verdict.INVALID: "does not hold"}
    return undecided(f"undecided: read with {sample} an entry of the vector {name} (one "
                     f"number per sample), the step {said[finding.verdict]}; read as one "
                     f"sample's vector, shaped as {name}, it {said[other]}; declare its "
                     f"shape (shapes: {{{sample}: [n, 1]}}) to say which")


def _vector_shape(shape) -> bool:
    return shape is not None and len(shape) == 2 and 1 in shape


def _value_called_doubt(link, finding: Finding, context: Context,
                        budget: Budget) -> Finding | None:
    """`\\mathrm{istd}(x, \\varepsilon) = 1/\\sqrt{\\sigma^2(x) + \\varepsilon}` with σ a
    symbol: in the body of a function the step uses, a quantity's power before parentheses
    that hold one of the function's parameters is the quantity as a function of it as often
    as a product; read as a product, a difference may come only from that. Undecided."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    for function in _used_functions(trees, context):
        parameters = {node_text(p) for p in function.parameters}
        for node in walk(function.written or function.body):
            if isinstance(node, A.Call) and node.power is not None and len(node.args) == 1:
                name, power, argument = node.name, node.power, node.args[0]
            elif isinstance(node, A.BinOp) and node.op in ("juxt", "apply") \
                    and isinstance(node.left, A.Power) and isinstance(node.left.base, A.Name) \
                    and isinstance(node.right, A.Group):
                name, power, argument = node.left.base.base, node.left.exponent, node.right.inner
            else:
                continue
            if node_text(argument) in parameters and (
                    name == SIGMA and context.sigma_is_symbol() or context.is_value(name)):
                quantity = f"{name}^{{{to_latex(power)}}}"
                return undecided(f"undecided: {quantity}({to_latex(argument)}) may be "
                                 f"{quantity} as a function of {to_latex(argument)} (as "
                                 "read, a product); define it as a name of its own to check "
                                 "this")
    return None


def _substitution_doubt(link, finding: Finding, context: Context,
                        budget: Budget) -> Finding | None:
    """`X_1 w_{11} + X_2 w_{21} + b_1 = (1)(-0.3) + (1)(0.3) + (1)(-0.1)`: the right side is
    the left with a number put for each name (`numbers.substituted_numbers`), as a worked
    example substitutes the values its table or prose gives. Where some of those names are
    given nothing here, a difference comes only from that: undecided, naming them."""
    try:
        sides = [parse_side(side) for side in link[:2]]
    except NotationError:
        return None
    substitution = substituted_numbers(context, *sides, assumed_only=True)
    if substitution is None or not substitution.assumed:
        return None
    return undecided("undecided: the numbers stand for values not given here ("
                     + ", ".join(substitution.assumed[:4]) + "); bind them before this step "
                     "to check it")


def _differentiated_product_doubt(sides: tuple[str, str], context: Context) -> Finding | None:
    """`\\frac{\\partial l_n(\\theta)}{\\partial \\theta}` with l_n defined nowhere: read as
    the product l_n θ, its derivative is l_n; the writer, differentiating it by θ, means a
    function of θ. A step that turns on it is undecided."""
    try:
        trees = [context.resolve(parse_side(side)).tree for side in sides]
    except NotationError:
        return None
    for node in (n for tree in trees for n in walk(tree)):
        if not isinstance(node, A.Partial) or (node.numerator or node.operand) is None:
            continue
        top = ungroup(node.numerator if node.numerator is not None else node.operand)
        if not (isinstance(top, A.BinOp) and top.op == "juxt" and isinstance(top.left, A.Name)
                and isinstance(top.right, A.Group)):
            continue                    # (read as a function's call, it is no product)
        if top.left.base in CONSTANT_FACTORS:
            continue                    # λ(x - 1), c_λ(w^2 + 1): a constant's product
        head, variables = top.left, {name_key(n) for n in walk(node.wrt) if isinstance(n, A.Name)}
        held = {name_key(n) for n in walk(top.right) if isinstance(n, A.Name)}
        key = name_key(head)
        if variables & held and not context.is_function(head.base) \
                and not context.is_function(key) and key not in context.functions \
                and not any(d.key == key for d in context.definitions) \
                and not context.is_value(key) and known_function(head.base.lstrip("\\")) is None:
            return undecided(f"undecided: {to_latex(head)} is defined nowhere, and the step "
                             f"differentiates {to_latex(top)}: as read, the product of "
                             f"{to_latex(head)} and its bracket, while a function of "
                             f"{to_latex(node.wrt)} may be meant; define {to_latex(head)} to "
                             "check this")
    return None


def _primed_beside_doubt(link: tuple[str, str, str], finding: Finding, context: Context,
                         budget: Budget) -> Finding | None:
    """`\\frac{\\partial (x'x)}{\\partial x} = 2x`: a letter primed beside itself in a step
    that differentiates by it may be its transpose (x'x = xᵀx, as statistics and MATLAB
    write it) or a quantity of its own (a second point x'). The step read both ways: the
    verdict when they agree, else undecided. None when there is no such letter."""
    try:
        trees = [parse_side(side) for side in link[:2]]
    except NotationError:
        return None
    nodes = [n for tree in trees for n in walk(tree)]
    variables = {node_text(n.wrt) for n in nodes if isinstance(n, A.Partial)
                 and isinstance(n.wrt, A.Name) and not (n.wrt.primes or n.wrt.sub or n.wrt.sup)}
    beside = primed_beside_plain(nodes)
    primed = variables & beside
    primed = {name for name in primed if not context.is_value(f"{name}'")
              and not context.is_function(name)
              and not any(name_key(d.name) == name for d in context.definitions)}
    if not primed:
        return None
    left, right, relation = link
    for name in sorted(primed):
        spelled = re.compile(rf"(?<![A-Za-z\\]){re.escape(name)}'(?!')")
        left, right = (spelled.sub(lambda _, name=name: f"{name}^{{T}}", side)
                       for side in (left, right))
    transposed = _find(left, right, relation, context, budget)
    if transposed.verdict == finding.verdict:
        return None
    if finding.verdict == Verdict.INVALID and finding.counterexample is None \
            and transposed.verdict == Verdict.VALID:
        return transposed       # x' x of a vector x: as a second point, no product fits
    shown = ", ".join(f"{name}'" for name in sorted(primed))
    return undecided(f"undecided: {shown} beside {', '.join(sorted(primed))} may be its "
                     f"transpose (x'x as xᵀx) or a quantity of its own (a second point); "
                     f"read as a quantity the step is {finding.verdict}, read as the transpose "
                     f"it is {transposed.verdict}; write ^T, or name the other quantity")


def _unshaped_chain_doubt(sides: tuple[str, str], context: Context) -> Finding | None:
    r"""`\frac{\partial c}{\partial z_k} = \frac{\partial z_{k+1}}{\partial z_k}
    \frac{\partial c}{\partial z_{k+1}}` under a declared layout, with no shapes: the layout
    says the derivatives are vectors and matrices, whose order in a product matters, while
    read as numbers any order holds. Undecided, unless a derivative's variable has a shape."""
    try:
        trees = [context.resolve(parse_side(side)).tree for side in sides]
    except NotationError:
        return None
    for node in (n for tree in trees for n in walk(tree)):
        if not (isinstance(node, A.BinOp) and node.op in PRODUCTS):
            continue
        partials = [f for f in factors(node) if isinstance(ungroup(f), A.Partial)]
        variables = [n for f in partials for n in walk(ungroup(f).wrt) if isinstance(n, A.Name)]
        if _chained_in_layout([ungroup(f) for f in partials], context.conventions["layout"]):
            continue        # ∂c/∂a ∂a/∂z in numerator layout: the order the layout writes
        if len(partials) > 1 and variables and not any(
                context.shape_of(name_key(n)) is not None
                or context.shape_of(family_of(name_key(n))) is not None for n in variables):
            return undecided(
                f"undecided: the layout is declared ({context.conventions['layout']}), so the "
                f"derivatives multiplied in {to_latex(node)} are vectors and matrices, whose "
                "order matters; no shapes are declared, and read as numbers any order holds; "
                "declare the shapes to check it")
    return None


def _chained_in_layout(partials: list, layout: str) -> bool:
    """Whether derivatives multiplied run as the chain rule runs in the layout: numerator
    layout, ∂c/∂a ∂a/∂z (each variable the next one's numerator); denominator layout, the
    other way round, ∂z/∂b ∂a/∂z ∂c/∂a."""
    if len(partials) < 2 or not all(isinstance(p.numerator, A.Name) and isinstance(p.wrt, A.Name)
                                    for p in partials):
        return False
    ordered = partials if layout == "numerator" else partials[::-1]
    return all(name_key(before.wrt) == name_key(after.numerator)
               for before, after in zip(ordered, ordered[1:], strict=False))


def _drawn_doubt(sides: tuple[str, str], context: Context) -> Finding | None:
    """`\\nabla_x \\log p(x) = -x` beside `x \\sim \\mathcal{N}(0, 1)`: a letter nothing defines,
    applied to a name a given draws from a distribution, may be that distribution's density
    (read as a product, or any function, it decides by a misreading): undecided."""
    try:
        trees = [parse_side(side) for side in sides]
    except NotationError:
        return None
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name):
            head, argument = node.left, node.right
        elif isinstance(node, A.Call) and node.callee is A.Callee.UNRESOLVED \
                and known_function(node.name.lstrip("\\")) is None \
                and node.name not in LOGARITHMS:
            head, argument = A.Name(node.name), A.Group(A.Num("0"))
            argument = node.args[0] if node.args else argument
        else:
            continue
        drawn = sorted(to_latex(n) for n in walk(argument) if isinstance(n, A.Name)
                       and n.base in context.drawn)
        if drawn and name_key(head) not in context.functions \
                and not any(d.key == name_key(head) for d in context.definitions):
            return undecided(f"undecided: {to_latex(head)}(…) may be the density of the "
                             f"distribution {drawn[0]} is drawn from (a given says which), "
                             "which derivcheck does not model; define it to check this")
    return None


def _listing_doubt(link, finding: Finding, context: Context,
                   budget: Budget) -> Finding | None:
    """`\\mathbf{w} = \\Phi^T \\mathbf{a}` beside `\\Phi = (\\phi(x_1), \\cdots,
    \\phi(x_n))^T` (read as a matrix of its own): a step that writes the letters of such a
    listing's entries beside the name loses what ties them; found wrong so, undecided."""
    if not context.listings:
        return None
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    used = _trees_used(trees, context)
    keys = {name_key(n) for tree in used for n in walk(tree) if isinstance(n, A.Name)}
    bases = {n.base for tree in used for n in walk(tree) if isinstance(n, A.Name)}
    for name, letters in context.listings.items():
        if name in keys and letters & bases:
            return undecided(f"undecided: {name} is listed by its entries with an elision, "
                             "which is read as a vector or matrix of its own, and this step "
                             f"writes {', '.join(sorted(letters & bases))} beside it; write "
                             "the step without them, or give the entries' relation to check it")
    return None

def _local_partial_doubt(link, finding: Finding, context: Context,
                         budget: Budget) -> Finding | None:
    """`\\frac{\\partial}{\\partial x_i} \\frac{x_i - \\mu_B}{\\sqrt{\\sigma^2_B + \\epsilon}}
    = \\frac{1}{\\sqrt{\\sigma^2_B + \\epsilon}}`: a formula written out under the derivative,
    holding both its variable and names defined from it. Backprop's local derivatives hold
    those names fixed (the other paths are added apart); a total derivative does not. When
    the step holds only as the local one, which is meant is not said: undecided."""
    left, right, _ = link
    if context.written_held or not context.definitions:
        return None
    try:
        trees = [context.resolve(parse_side(side)).tree for side in (left, right)]
    except NotationError:
        return None
    defined = {name_key(d.name) for d in context.definitions}
    formulas = [ungroup(n.numerator if n.numerator is not None else n.operand)
                for tree in trees for n in walk(tree) if isinstance(n, A.Partial)]
    written = [f for f in formulas if f is not None and not isinstance(f, A.Name)
               and any(isinstance(m, A.Name) and name_key(m) in defined for m in walk(f))]
    if not written:
        return None
    held = context.copy()
    held.written_held = True
    if find(*link[:2], link[2], held, budget).verdict != Verdict.VALID:
        return None
    return undecided("undecided: this holds as a local derivative, with the names defined "
                     "from the variable that the formula writes held fixed (as backprop "
                     "writes each path apart), and not as the total derivative; which is "
                     "meant is not said")


def _summed_range_doubt(link, finding: Finding, context: Context,
                        budget: Budget) -> Finding | None:
    """`\\frac{\\partial}{\\partial w_{jk}} \\sum_{i=1}^{2} z_i w_{ik} = z_j`, shown wrong at
    j = 3: a free index in the slot the sums run over to a printed bound may take only their
    values, as the writer likely means, or any; a step right over the sums' values only is
    undecided, never valid (the text may write more members elsewhere)."""
    point = finding.counterexample.point if finding.counterexample else {}
    beyond = ", ".join(f"{k} = {v}" for k, v in point.items()
                       if k in INDEX_LETTERS and str(v).isdigit())
    if not beyond or context.summed_ranges:
        return None
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    if not _summed_to_numbers(_trees_used(trees, context)):
        return None                     # no sum to a printed bound: nothing to read again
    summed = context.copy()
    summed.summed_ranges = True
    if find(*link, summed, budget).verdict != Verdict.VALID:
        return None
    return undecided("undecided: this holds for the index values the sums run over, and "
                     f"not beyond them ({beyond}); whether the index runs further is not "
                     "said; write its range to check it")


def _expectation_doubt(link, finding: Finding, context: Context,
                       budget: Budget) -> Finding | None:
    """A difference found under an expectation, read over an arbitrary distribution
    (`build.expectation`), or under a sum over every value a written distribution draws
    (`\\sum_x p_\\theta(x) f(x)`, `build.law_weight`): the step does not hold for every
    distribution, and it may hold for the one the text has in mind, which notes often say
    in words (a noise of mean 0, a Bernoulli mask, a Gaussian, i.i.d. samples). Undecided,
    never invalid."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    used = _trees_used(trees, context)
    drawn = outcome_letters(used)
    bodies = [n.body for tree in used for n in walk(tree)
              if isinstance(n, A.Expectation)
              or isinstance(n, A.SumOver) and n.index in drawn and n.lower is None]
    if not bodies or not any(isinstance(n, A.Name) and not context.is_value(name_key(n))
                             for tree in _trees_used(tuple(bodies), context) for n in walk(tree)):
        return None         # \mathbb{E}[x] = 4 with x = 3 given: a number's expectation
    read = "expectations" if any(isinstance(n, A.Expectation) for tree in used
                                 for n in walk(tree)) else "sums over every value drawn"
    return undecided(f"undecided: with its {read} read over any distribution this step "
                     "does not hold, and it may hold for the one the text has in mind (a "
                     "mean of 0, independent factors, i.i.d. samples, said in words); "
                     "derivcheck checks expectation steps that hold for every distribution")


def _literal_derivative_doubt(link, finding: Finding, context: Context,
                              budget: Budget) -> Finding | None:
    """`\\frac{d}{dx} f(2) = 0` with f(x) = x^3: read as f'(2) it is wrong, taken literally
    (the derivative of the number f(2)) right; the readings disagree: undecided."""
    try:
        trees = [parse_side(side) for side in link[:2]]
    except NotationError:
        return None
    if not any(_derivative_of_a_value(n) for tree in trees for n in walk(tree)):
        return None
    for side in link[:2]:
        try:
            value = exact_value(context, parse_side(side), side)
        except NotationError:
            continue
        if value is not None and value == 0:
            return undecided("undecided: the derivative here is read at a point (f'(2)), and "
                             "taken literally, the derivative of the number f(2), it is 0, as "
                             "the other side is; write f'(2) or \\left.\\frac{df}{dx}"
                             "\\right|_{x=2} to check this")
    return None


def _remodelled_doubt(sides: tuple[str, str], context: Context) -> Finding | None:
    """A verdict that rests on a function the document wrote again in quantities it had
    not mentioned (`k(x,y) = c` after `k(x,y) = \\exp(…)`): the next example's function, or a
    wrong restatement of the first one; the verdict differs with the reading. Undecided."""
    try:
        trees = [parse_side(side) for side in sides]
    except NotationError:
        return None
    nodes = [n for tree in (*trees, *_bodies_used(trees, context)) for n in walk(tree)]
    written = {n.base for n in nodes if isinstance(n, A.Name)} \
        | {n.name for n in nodes if isinstance(n, A.Call)}
    used = sorted(name for name in context.remodelled if name in written)
    if not used:
        return None
    return undecided(f"undecided: {used[0]} is defined again ('{context.remodelled[used[0]]}'"
                     f"): a new example's {used[0]}, or a restatement of the first one, which "
                     "would be wrong; the verdict here turns on which; name the new one apart "
                     "to check this")


def _own_index_sum_doubt(link, finding: Finding, context: Context,
                         budget: Budget) -> Finding | None:
    """A difference found where a definition bears whose sum, with no index written, was
    read over the entry's own index (`net_k = ∑ w_hk · o_h` over k, as k is the one index
    letter its terms write): the text most likely sums over the other letter (h), so the
    difference may come from the misreading. Undecided, naming it."""
    if not context.summed_over_own:
        return None
    try:
        trees = [parse_side(side) for side in link[:2]]
    except NotationError:
        return None
    names = {name_key(n) for tree in trees for n in walk(tree) if isinstance(n, A.Name)}
    names |= {d.key for d in _definitions_used(trees, context)}
    families = {family_of(name) for name in names}      # net_j of net_k's family too
    misread = sorted(key for key in context.summed_over_own if family_of(key) in families)
    if not misread:
        return None
    letter = context.summed_over_own[misread[0]]
    return undecided(f"undecided: {misread[0]} is defined by a sum with no index written, "
                     f"read over its own index {letter} (the one index letter its terms "
                     f"write); the text may sum over another letter, so the difference "
                     "found may come from that reading; write the sum's index (\\sum_h)")


def _derivative_of_a_value(node: A.Node) -> bool:
    """Whether a node differentiates a call at an argument that does not hold the variable
    (`\\frac{d}{dx} f(2)`, `\\frac{d f(2)}{dx}`): f'(2), or the derivative of a number."""
    if not (isinstance(node, A.Partial) and isinstance(node.wrt, A.Name)):
        return False
    target = node.numerator if node.numerator is not None else node.operand
    if isinstance(target, A.BinOp) and target.op == "apply":
        arguments = [target.right]
    elif isinstance(target, A.Call):
        arguments = list(target.args)
    else:
        return False
    return not any(isinstance(n, A.Name) and n.base == node.wrt.base
                   for argument in arguments for n in walk(argument))


def _capital_applied_doubt(link, finding: Finding, context: Context,
                           budget: Budget) -> Finding | None:
    """`\\nabla f(x) = S(x) = …` with S defined nowhere: a capital letter before parentheses,
    read as a product, may be a function the text names in words (S for the softmax); a
    difference found may come only from that reading."""
    applied = _CAPITAL_AS_PRODUCT.search(finding.reading)
    if applied is None:
        return None
    letter = applied.group(1)
    bodies = [*(d.written or d.body for d in context.definitions),
              *(f.written or f.body for f in context.functions.values())]
    if any(isinstance(n, A.Name) and n.base == letter for body in bodies for n in walk(body)) \
            or any(isinstance(n, A.SumOver) and n.upper is not None and letter in node_text(
                n.upper) for body in bodies for n in walk(body)):
        return None         # N of \sum_{n=1}^{N}: a count the definitions write, a factor
    return undecided(f"undecided: {letter}(…) is read as {letter} times what follows, as "
                     f"{letter} is defined nowhere here; it may be a function the text names in "
                     f"words, and the difference found may come from that; define {letter} to "
                     "check this")


_CAPITAL_AS_PRODUCT = re.compile(r"\b([A-Z])\(…\) read as a product: \1 is not a function here")


def _expectation_reading_doubt(link, finding: Finding, context: Context,
                               budget: Budget) -> Finding | None:
    """`\\mathbb{E}[x] = x`, `\\mathbb{E}[\\ell] = (y - w x)^2`: what a link holds outside its
    expectations may be a constant there (a of `\\mathbb{E}[a X] = a \\mathbb{E}[X]`) or vary
    with the outcome. A step found valid with it constant is read again with it varying too
    (but for a parameter's letter, μ, σ); when the readings disagree, undecided."""
    if finding.verdict != Verdict.VALID:
        return None
    try:
        trees = tuple(parse_side(side) for side in link[:2])
    except NotationError:
        return None
    if not any(isinstance(n, A.Expectation) for tree in trees for n in walk(tree)):
        return None
    varying = context.copy()
    varying.outside_varies = True
    other = _find(*link, varying, budget)
    if other.verdict == Verdict.VALID:
        return None
    return undecided("undecided: this holds with what it writes outside its expectations "
                     f"held constant, and is {other.verdict} with it varying as what the "
                     "expectations average does; which it is is not said; check this step by "
                     "hand")


def _offset_doubt(link, finding: Finding, context: Context,
                  budget: Budget) -> Finding | None:
    """`z = \\theta^T x` against `z = \\theta_0 + \\theta_1 x_1 + \\dots` (or `\\sum_{i=0}^n
    \\theta_i x_i`): the offset θ_0 may be the product's own first term (x_0 = 1, as many
    notes fold it in) or apart from it, as read; a difference found where both are written
    is undecided."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    nodes = [n for tree in _trees_used(trees, context) for n in walk(tree)]
    offsets = {n.base for n in nodes if isinstance(n, A.Name) and len(n.sub) == 1
               and isinstance(n.sub[0], A.Num) and n.sub[0].text == "0" and not n.sup}
    whole = {n.operand.base for n in nodes if isinstance(n, A.Transpose)
             and isinstance(n.operand, A.Name) and not n.operand.sub
             and n.operand.base in offsets}             # θ^T x beside θ_0
    whole |= {m.base for n in nodes if isinstance(n, A.SumOver) and isinstance(n.lower, A.Num)
              and n.lower.text == "0" for m in walk(n.body) if isinstance(m, A.Name)
              and m.base in offsets and len(m.sub) == 1 and isinstance(m.sub[0], A.Name)
              and m.sub[0].base == n.index}             # \sum_{i=0}^n w_i x_i beside w_0
    whole = sorted(whole)
    if not whole or any(context.is_value(name_key(n)) for n in nodes
                        if isinstance(n, A.Name) and n.base not in offsets
                        and len(n.sub) == 1 and isinstance(n.sub[0], A.Num)
                        and n.sub[0].text == "0"):
        return None                         # x_0 = 2 given: what x_0 is, is said
    name = to_latex(A.Name(whole[0]))
    return undecided(f"undecided: {name}_0 is written apart and within a product or a sum "
                     f"with {name}, which may hold it (with x_0 = 1, as many notes take it) "
                     "or leave it apart, as read; which is meant is not said; write x_0 = 1, "
                     f"or the offset apart, as in {name}_0 + {name}^T x, to check it")


def _one_entry_given_doubt(link, finding: Finding, context: Context,
                           budget: Budget) -> Finding | None:
    """`L = -\\log \\hat{y}_c` with `L = -\\sum_k y_k \\log \\hat{y}_k` and `y_c = 1` given:
    one entry of a target set to 1 at a label may say it is one-hot there (its other
    entries 0, as a distribution's must be), which is not written; a difference found
    where the other entries count is undecided."""
    ones = {d.name.base: d.name for d in context.definitions
            if isinstance(d.name, A.Name) and len(d.name.sub) == 1 and not d.name.sup
            and isinstance(d.name.sub[0], A.Name) and not d.name.sub[0].sub
            and isinstance(d.body, A.Num) and d.body.text == "1"}
    if not ones:
        return None
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    others = sorted(n.base for tree in _trees_used(trees, context) for n in walk(tree)
                    if isinstance(n, A.Name) and n.base in ones and len(n.sub) == 1
                    and n.sub != ones[n.base].sub)
    if not others:
        return None
    one = to_latex(ones[others[0]])
    return undecided(f"undecided: {one} = 1 is given, which may say the target is one-hot "
                     "(its other entries 0) or set that entry only; read with the others "
                     "free this does not hold, and one-hot it may; which is meant is not "
                     "said; give the other entries to check it")


DOUBTS = (_expectation_doubt, _entry_against_whole_doubt, _index_notation_doubt,
          _entry_sum_doubt, _point_doubt, _member_doubt, _fact_doubt, _default_parameter_doubt,
          _domain_doubt, _one_member_doubt, _brace_doubt, _sample_entry_doubt,
          _value_called_doubt, _substitution_doubt, _listing_doubt, _local_partial_doubt,
          _summed_range_doubt, _capital_applied_doubt, _literal_derivative_doubt,
          _own_index_sum_doubt, _offset_doubt, _one_entry_given_doubt)


def _member_of_defined(left: str, right: str, context: Context) -> tuple[str, str] | None:
    """`\\phi(z^{(i)})` in what the step rests on, with `z = \\sum_j w_j x_j` defined and
    z^{(i)} not: (the member, the defined name) of the first such name; None if none. A
    subscript is left alone: \\hat{y}_i of a defined \\hat{y} is its entry, a_0 a name."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in (left, right))
    except NotationError:
        return None
    bare = {d.name.base: d.name for d in context.definitions
            if not d.name.sub and not d.name.sup and not d.name.suffix and not d.name.primes
            and not isinstance(d.body, A.Unread)}
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if isinstance(node, A.Name) and node.sup and not node.sub and node.base in bare \
                and not node.suffix and not context.is_value(name_key(node)) \
                and not any(_may_name(node, d.name) for d in context.definitions) \
                and context.shape_of(node.base) is None:
            return to_latex(node), to_latex(bare[node.base])
    return None


def _fact_bearing(finding: Finding, left: str, right: str, context: Context) -> str | None:
    """The first identity of the given that the difference found may break: one writing a
    name the link rests on, each of whose names the difference depends on (or, when that
    is not known, the counterexample gives a value to), by itself or by its entries, or a
    definition fixes. None when each such identity relates a free name the difference does
    not depend on: taking that name's value from the identity, the difference stands."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in (left, right))
    except NotationError:
        return context.facts[0].text        # not read: what it rests on cannot be told
    keys = {key for tree in _trees_used(trees, context) for n in walk(tree)
            if isinstance(n, A.Name) and (key := name_key(n)) is not None}
    named = finding.varied if finding.varied is not None else \
        finding.counterexample.point if finding.counterexample is not None else None
    varied = [n for n in map(_name_of, named or ()) if n is not None]

    def free(name: A.Name) -> bool:     # V of |σ^2 V| = (σ^2)^n |V|, where only σ varies
        return not any(n.base == name.base for n in varied) \
            and not any(_may_name(name, d.name) for d in context.definitions)

    families = {family_of(key) for key in keys} - INDEX_LETTERS    # u_1 of u_i^T u_i = 1
    worked = _is_worked_example(*trees)        # 64 d + 64 = 128064.0, 0.562 \cdot 0.438
    bearing = (fact for fact in context.facts if (worked or not fact.at_point)
               and (fact.keys & keys or {family_of(key) for key in fact.keys} & families)
               and (named is None or not any(map(free, fact.names))))
    return next((fact.text for fact in bearing), None)


def _name_of(text: str) -> A.Name | None:
    """The name a counterexample's symbol is, `y_{1}`; of an entry of a member, `e_{1}_{2}`,
    the member's (None when it reads as no name)."""
    try:
        node = parse_side(text)
    except NotationError:
        entry = re.fullmatch(r"(.+_\{[^{}]*\})_\{[^{}]*\}", text)
        return _name_of(entry.group(1)) if entry else None
    return node if isinstance(node, A.Name) else None


def _square_entry_reading(left: str, right: str, relation: str, context: Context,
                          budget: Budget) -> Finding | None:
    """`\\frac{\\partial}{\\partial X} \\tr(XA) = \\frac{\\partial (X_{ij} A_{ji})}{\\partial
    X_{kl}}` with no shapes: the capitals the text writes as matrices (in a trace,
    differentiated by) read as square ones, the whole side at the entry the letters name.
    Its finding when that reading is the entry reading and decides; None otherwise."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in (left, right))
    except NotationError:
        return None
    capitals = {name_key(n) for tree in trees for n in walk(tree)
                if isinstance(n, A.Name) and is_capital(n) and not n.sub and not n.sup
                and context.shape_of(name_key(n)) is None and not context.is_value(n.base)}
    if not capitals or not capitals <= _shown_as_matrices(trees, context) \
            or _read_as_numbers_still(trees, context, dict.fromkeys(capitals, ["n", "n"])):
        return None
    square = context.copy()
    for name in sorted(capitals):
        square.add_shape(name, ["n", "n"])
    found = _find(left, right, relation, square, budget)
    if _ENTRY_READING not in found.reading or found.verdict not in (Verdict.VALID,
                                                                    Verdict.INVALID) \
            or found.verdict == Verdict.VALID and not _square_is_general(trees, context):
        return None
    return dataclasses.replace(found, reading="; ".join((
        found.reading, f"{', '.join(sorted(capitals))} read as square matrices, as the text "
        "writes them")))


def _entry_against_whole(left: str, right: str, context: Context
                         ) -> tuple[str, str] | None:
    """`\\frac{\\partial}{\\partial X} \\tr(X) = \\frac{\\partial X_{ii}}{\\partial X_{kl}}`:
    one side has free index letters the other has none of, and the other uses whole a name
    the first indexes. (The name, the letters); None for any other link."""
    try:
        trees = [context.resolve(parse_side(side)).tree for side in (left, right)]
    except NotationError:
        return None
    trees = list((summation_convention(*trees) or (*trees, ()))[:2])
    letters = [({s.base for n in walk(tree) if isinstance(n, A.Name) for s in n.sub
                 if isinstance(s, A.Name) and not s.sub and len(s.base) == 1}
                | free_index_letters(tree))
               - {n.index for n in walk(tree) if isinstance(n, A.SumOver)}
               for tree in trees]
    for indexed, whole_side in ((0, 1), (1, 0)):
        if not letters[indexed] or letters[whole_side]:
            continue
        used = {n.base for n in walk(trees[indexed]) if isinstance(n, A.Name) and n.sub}
        for n in _outside_calls(trees[whole_side]):
            if isinstance(n, A.Name) and not n.sub and n.base in used:
                return to_latex(n), ", ".join(sorted(letters[indexed]))
    return None


def _outside_calls(node: A.Node):
    """The nodes of a tree outside the arguments of calls (`x` of `s(\\mathbf x)_i` is the
    function's argument, not a matrix the step writes whole)."""
    yield node
    if isinstance(node, A.Call) or isinstance(node, A.BinOp) and node.op == "apply":
        return
    for child in children(node):
        yield from _outside_calls(child)


_POINT_READING = "the point of "     # resolve's reading of X in \nabla f(X), f(x, y) = …


def _point_read(left: str, right: str, context: Context) -> bool:
    """Whether a side reads a letter as the point of a function's parameters, `\\nabla f(X)`."""
    try:
        readings = [r for side in (left, right) for r in context.resolve(parse_side(side)).readings]
    except NotationError:
        return False
    return any(r.read_as.startswith(_POINT_READING) for r in readings)


def _index_notation(left: str, right: str, context: Context) -> bool:
    """Whether the link reads with index notation's summation convention."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in (left, right))
    except NotationError:
        return False
    convention = summation_convention(*trees)
    return convention is not None and _summable_here(convention[2], trees, context)


def _summable_here(letters, trees, context: Context, every_entry: bool = False) -> bool:
    """Whether letters a link's index notation sums over are free of the definitions it
    rests on: L = ½(w x_i - y_i)^2 and ℓ_i = (w x_i - y_i)^2 hold i for one sample, so i is
    no sum's there. A matrix entry's own letters (i, b of O_{ib} = …), of a family the
    link writes by its entries (∂L/∂O_{ib}), stand for any entry, and do not; with
    `every_entry`, no defined name's own letters do."""
    written = {n.base for tree in trees for n in walk(tree) if isinstance(n, A.Name) and n.sub}
    taken = set().union(*(free_index_letters(d.body) - (
        free_index_letters(d.name) if every_entry or len(d.name.sub) >= 2
        and d.name.base in written else set()) for d in _definitions_used(trees, context)),
                        *(free_index_letters(f.body) for f in _used_functions(trees, context)))
    # the i of `y_{i1} = 0.4`: a member given a number beside it is of one sample i
    taken |= {n.base for d in context.definitions
              if any(isinstance(s, A.Num) for s in d.name.sub)
              for s in d.name.sub for n in walk(s) if isinstance(n, A.Name)}
    return not set(letters) & taken


def _find(left: str, right: str, relation: str, context: Context, budget: Budget,
          summed: bool = True, every_entry: bool = False) -> Finding:
    """What one link is; with `summed`, a link in index notation reads its repeated letters
    as sums (`summation.summation_convention`)."""
    if relation not in EQUALITIES:
        return undecided(f"relations like {relation} are not checked")
    try:
        lhs_tree = parse_side(left)
        try:
            sides = (lhs_tree, parse_side(right))
        except NotationError:
            context.resolve(lhs_tree)       # what the left side cannot mean is said first
            raise
        # x_i' alone on a side, with x_i' \beta in a definition: the definition's reading
        across = statement_readings((*sides, *context.statement,
                                     *(d.written or d.body for d in context.definitions)),
                                    context.snapshot())
        lhs_read, rhs_read = (context.resolve(side, across) for side in sides)
        update = _next_step_defined(lhs_read.tree, relation, across, context)
        if update is not None:
            return update
        if across.stepped & context.steps_written:
            return undecided(f"undecided: {min(across.stepped & context.steps_written)} is "
                             "written at steps (w(t+1) = …) on an earlier line, and updates "
                             "written as calls are not kept from line to line; write its steps "
                             "as superscripts (w^{(t+1)}) to check this")
    except UnshapedHessian as error:
        return _hessian_inferred((left, relation, right), context, budget) or not_read(error)
    except NotationError as error:
        return not_read(error)
    lhs_node, rhs_node = lhs_read.tree, rhs_read.tree
    if context.sigma_is_symbol() and any(
            isinstance(node, A.Name) and node.base == SIGMA and node.primes
            for tree in (lhs_node, rhs_node) for node in walk(tree)):
        return undecided("undecided: σ′ is the derivative of a function, but σ is declared a "
                         "plain quantity (sigma: symbol): the readings disagree; drop `sigma: "
                         "symbol` when σ is a function (σ′ is its derivative)")
    signed = _signed_part((lhs_node, rhs_node), context)
    if signed is not None:
        return undecided(f"undecided: {signed[0]} may be the positive (or negative) part of "
                         f"{signed[1]}, which is defined here, or a name of its own; define "
                         f"{signed[0]} to check this")
    refused = None if context.differentials_kept \
        else _differentials_refused((lhs_node, rhs_node), context)
    if refused is not None:
        return (BACKPROP_NAMES in refused
                and _backprop_reading((left, right, relation), (lhs_node, rhs_node), context,
                                      budget)) or undecided(f"undecided: {refused}")
    lhs_node, rhs_node = _arrow_variables((lhs_node, rhs_node), context)
    lhs_node, rhs_node = _paired_digits((lhs_node, rhs_node), context)
    at_class = _true_class_entries((lhs_node, rhs_node), context)
    if at_class is not None:
        entry, label = at_class
        if label is None:
            return undecided(f"undecided: {entry} is the entry at the true class, and no "
                             "one label here is declared one-hot to say which class that "
                             "is; declare it (symbols: {y: one-hot}) to check this")
        lhs_node, rhs_node = _at_hot_class((lhs_node, rhs_node), label, context)
    decisions = tuple(str(r) for r in (*lhs_read.readings, *rhs_read.readings))
    convention = summation_convention(lhs_node, rhs_node) if summed else None
    if convention is not None and not _summable_here(convention[2], (lhs_node, rhs_node),
                                                     context, every_entry):
        convention = None
    if convention is not None:      # A_{ij} X_{jk} B_{ki}: the sum over i, j, k
        lhs_node, rhs_node, letters = convention
        decisions += (f"{', '.join(letters)}, each written twice in a product, summed over "
                      "(index notation)",)
    means = bars_as_means((lhs_node, rhs_node), context)
    if means:
        context = context.copy()
        for mean in means:
            context.define_latex(mean)
        decisions += tuple(f"{mean.replace(' = ', ' read as the mean ', 1)}" for mean in means)
    unbound = _name_given_a_number(lhs_node, rhs_node, context)
    if unbound is not None:
        return undecided(f"undecided: this gives {unbound} a printed value, and nothing here "
                         f"determines it to check that against; define {unbound} (or bind its "
                         "value) before this line to check it")
    substitutions = substituted_numbers(context, lhs_node, rhs_node)   # printed inputs
    if substitutions is not None and substitutions.assumed:
        return undecided("undecided: the numbers stand for values not given here ("
                         + ", ".join(substitutions.assumed) + "); bind them before this "
                         "step to check it")
    if substitutions is not None:
        return Finding(Verdict.VALID, Method.NUMERIC,
                       "each printed number stands for the quantity it replaces: "
                       + ", ".join(substitutions.found))
    trees = (lhs_node, rhs_node)
    if _dots_between_lists(trees) and any(isinstance(ungroup(t), A.MatrixLiteral)
                                          for t in trees):
        return undecided("undecided: a \\cdot between two printed vectors is most often their "
                         "dot product, a number, and is set against a vector here, as if "
                         "element by element; write \\odot for the element-wise product")
    try:
        _require_letter_written_one_way(trees, context)
        _require_call_where_given(trees, context)
    except MeaningError as error:
        return undecided(f"undecided: {error}")
    free_index = free_index_letters(lhs_node) | free_index_letters(rhs_node) \
        | class_labels(trees, context) | compared_letters(trees, context) \
        | generic_indices(trees, context)          # ∂MSE/∂\hat{y}_p = 0 holds at no p
    printed = printed_number(rhs_node) is not None or printed_number(lhs_node) is not None \
        or printed_entries(rhs_node) is not None or printed_entries(lhs_node) is not None \
        or relation == APPROXIMATELY
    worked = _is_worked_example(lhs_node, rhs_node)
    # y_k = 1 holds for every k; p = \frac{e^2}{1 + e^2}, with p = \sigma(\beta_i), is p at
    # one point, whatever index p's definition runs over
    written = {n.base for tree in trees for n in walk(tree) if isinstance(n, A.Name)} \
        | {n.index for tree in trees for n in walk(tree) if isinstance(n, A.SumOver)}
    if (printed or worked) and (not free_index or worked and not free_index & written):
        numeric = numeric_finding(lhs_node, rhs_node, relation, context, budget, left, right)
        arithmetic = all(_is_worked_example(side, side) for side in (lhs_node, rhs_node))
        # \mathbf{x} - \mathbf{p} = 0 with p a projection: vectors read as numbers decide
        # nothing; the symbolic path reads them with the shapes the text implies
        as_numbers = numeric.verdict != Verdict.UNDECIDED \
            and bool(_vectors_read_as_numbers(trees, context))
        if not as_numbers and (numeric.reading == WORKED_EXAMPLE or (printed or arithmetic) and (
                numeric.verdict != Verdict.UNDECIDED or relation == APPROXIMATELY)):
            return numeric     # 0.4 × 0.59327 + … = 0.23731 + …: to the printed precision
    try:
        found = check_symbolic(lhs_node, rhs_node, (left, relation, right), context, budget,
                               decisions)
        as_numbers = list(dict.fromkeys(
            _vectors_read_as_numbers(trees, context) + _kinds_read_as_numbers(trees, context))) \
            if found.verdict == Verdict.VALID else []
        unsaid = _derivative_of_undefined(trees, context) \
            if found.verdict == Verdict.VALID and not context.twins_read else None
        if unsaid is not None:
            return _twin_readings((left, relation, right), context, budget, UnsaidDependence(
                f"{unsaid[0]} is defined nowhere, and the step writes its derivative by "
                f"{unsaid[1]}: whether it depends on {unsaid[1]} is not said", *unsaid))
        members = _members_as_vectors_disagree(trees, (left, relation, right), context,
                                               budget, decisions) \
            if found.verdict == Verdict.VALID and not as_numbers else None
        if members:
            return _valid_only_as_numbers(members)
        if as_numbers:
            # the shapes the text implies must cover each such name: A^{-1} B = B A^{-1} with
            # only B's shape inferred still reads A as a number
            # (with no shapes implied, capitals read square: only a step that holds so, as
            # it does for numbers, is decided; `d X^{-1} = -X^{-2} dX` may mean numbers)
            inferred = infer_shapes(trees, context)
            square = {} if inferred else _plausible_shapes(trees, context, inverted=True)
            covered = all(key in (inferred or square)
                          for key in _matrices_by_form(trees, context))
            shaped = _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                           decisions) if covered else None
            if shaped is not None and square and shaped.verdict != Verdict.VALID:
                shaped = None
            return shaped or _valid_only_as_numbers(as_numbers)
        other = _call_readings((left, relation, right), trees, context, budget,
                               (*lhs_read.readings, *rhs_read.readings)) \
            if found.verdict == Verdict.INVALID else None
        if other is not None:
            return other
        by_index = (_step_loss_reading(trees, (left, relation, right), context, budget)
                    or _outputs_reading(trees, (left, relation, right), context, budget)
                    or _hot_index_reading(trees, (left, relation, right), context, budget,
                                          decisions)) \
            if found.verdict == Verdict.INVALID else None
        if by_index is not None:
            return by_index
        if found.verdict == Verdict.INVALID and infer_shapes(trees, context):
            # B = W A of matrices, B's shape not declared: its entries and B whole are read
            # apart; the shapes the text implies read them together
            inferred = _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                             decisions)
            if inferred is not None:
                return inferred
        transposed = found.verdict == Verdict.INVALID and found.diagnosis is not None \
            and found.diagnosis.kind == "transpose" and found.counterexample is None
        beside = _vectors_read_as_numbers(trees, context, exempt=False) if transposed else []
        if beside:          # x^T y = y^T x with x shaped, y not: y, transposed, read as a number
            return undecided(f"undecided: {_read_as_a_number(found.message, beside[0])}")
        unshaped = _kinds_read_as_numbers(trees, context) \
            if found.verdict == Verdict.INVALID else []
        if unshaped:        # |\sigma^2 V| with V: symmetric and no shape: |·| of a number
            return undecided(f"undecided: {unshaped[0]} is declared a vector or matrix, but "
                             "no shape is declared for it (nor implied by the text), so it "
                             "was read as a number; declare its shape to check this (shapes: "
                             f"{{{unshaped[0]}: [n, n]}})")
        symmetric = _symmetric_convention(trees, (left, relation, right), context, budget,
                                          decisions) if found.verdict == Verdict.INVALID \
            else None
        if symmetric is not None:
            return symmetric

        determinant = _determinant_in_doubt(trees, context) \
            if found.verdict == Verdict.INVALID else None
        if determinant is not None:
            return undecided(f"undecided: |…| around {determinant}, a capital with no shape, "
                             "may be a determinant, as of a covariance matrix; read as the "
                             "absolute value of a number it does not hold; declare the shape "
                             f"to check it (shapes: {{{determinant}: [n, n]}})")
        spread = _spread_unshaped(trees, context) if found.verdict == Verdict.INVALID else []
        inferred = _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                         decisions) \
            if spread and _defined_matrices(trees, context) else None
        if inferred is not None:
            return inferred
        if spread:
            return undecided(f"undecided: {spread[0]} is a matrix by its definition, "
                             "but no shape is declared for it, so its entries and the name "
                             "written whole are read apart; declare its shape to check this "
                             f"(shapes: {{{spread[0]}: [n, m]}})")
        both = _whole_and_entries(trees, context) if found.verdict == Verdict.INVALID else []
        if both:
            return _entrywise_reading((left, right, relation), both, context, budget) \
                or undecided(f"undecided: {both[0]} is written whole and by its entries "
                             f"({both[0]}_i), and no shape says how they relate, so a "
                             "difference may come only from reading them apart; declare its "
                             f"shape to check this (shapes: {{{both[0]}: [n, 1]}})")
        two_ways = _read_two_ways(trees, context) if found.verdict == Verdict.INVALID else []
        if two_ways:        # ‖w‖² = w^T w: the norm read w whole, the transpose as a number
            return _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                         decisions) or undecided(
                f"undecided: {two_ways[0]} is read as a vector in a norm and as a number "
                "where it is transposed; declare its shape to check this (shapes: "
                f"{{{two_ways[0]}: [n, 1]}})")
        decided = found.verdict in (Verdict.INVALID, Verdict.VALID)
        wider = _log_read_wider(trees, (left, relation, right), context, budget, decisions,
                                found.verdict) if decided else None
        narrower = _operator_read_narrow(trees, (left, relation, right), context, budget,
                                         decisions, found.verdict) \
            if decided and wider is None else None
        return wider or narrower or found
    except UnsaidDependence as error:
        return _twin_readings((left, relation, right), context, budget, error)
    except UnshapedError as error:
        return _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                     decisions) or failed(error)
    except (ShapeError, sympy.ShapeError) as error:
        identity = _identity_sized(trees, (left, relation, right), context, budget, decisions)
        if identity is not None:
            return identity
        narrow = _narrow_reading(trees, (left, relation, right), context, budget, decisions)
        if narrow is not None and narrow.verdict in (Verdict.VALID, Verdict.INVALID):
            # ∇_a C ⊙ σ'(z): the whole product does not fit, so ∇ takes C alone
            return dataclasses.replace(narrow, reading="; ".join(filter(None, (
                narrow.reading, "the derivative operator read as taking the first factor of "
                "the product after it: taking the whole product, the shapes do not fit"))))
        # ∂L/∂z_2 · W_2^T with z_2 = h W_2 + b_2 not shaped: z_2 is a row by its definition,
        # read whole as a number; a shape that does not fit then shows only the misreading
        spread = _spread_unshaped(trees, context)
        elided = _elided_lengths(trees)
        if len(elided) > 1:
            # [x_1, …, x_n] beside [y_1, …, y_m]: derivcheck gives each length a size of its own
            return undecided(f"undecided: as read, the shapes do not fit ({error}); the vectors "
                             f"written with an elision run to {', '.join(elided)}, which "
                             "derivcheck reads at sizes of its own; declare the shapes to "
                             "check this")
        unshaped = _unshaped_beside_shapes(trees, context) or _bold_unshaped(trees, context) \
            or _unshaped_variable(trees, context) or _unshaped_capital(trees, context) \
            or _whole_beside_entries(trees, context) \
            or next(iter(_vectors_read_as_numbers(trees, context, exempt=False)), None)
        mapped = _functions_of_vectors(trees, context)
        if not spread and mapped:
            # y = g(x) with x m×1 and y n×1: g, any function, is read entry by entry
            return undecided(f"undecided: as read, the shapes do not fit ({error}); "
                             f"{mapped} is any function, read entry by entry, and the "
                             "shapes say it maps a vector to one of another length, which "
                             "derivcheck does not read")
        if not spread and unshaped:
            # y - X\hat{w} in a definition, \hat{w} with no shape: read as a number; a name
            # also written by its entries (2v beside 2v_1, …), or in bold, is a vector, read
            # with the shapes the text implies (a bias added to a vector may be a number)
            inferred = _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                             decisions) \
                if _whole_beside_entries(trees, context) \
                or _bold_unshaped(_trees_used(trees, context), context) \
                or _times_a_matrix(unshaped, trees, context) else None
            return inferred or undecided(f"undecided: {_read_as_a_number(error, unshaped)}")
        if any(isinstance(n, A.MatrixLiteral) for tree in trees for n in walk(tree)) and any(
                not isinstance(d, int) for dims in context.shapes.values() for d in dims):
            # X = [[1, 1], [1, 1]] with X declared [D+1, N]: the printed matrix fixes sizes
            # the shapes leave open, and derivcheck reads them at sizes of its own
            return undecided(f"undecided: as read, the shapes do not fit ({error}); a printed "
                             "matrix fixes sizes that the declared shapes name by letters, "
                             "which derivcheck reads at sizes of its own; declare them as "
                             "numbers to check this")
        if not spread:
            return _shape_failure(trees, (left, relation, right), context, budget, decisions,
                                  error)
        return _with_inferred_shapes(trees, (left, relation, right), context, budget,
                                     decisions) or undecided(
            f"undecided: {spread[0]} is a vector or matrix by its definition, but no shape "
            "is declared for it, so it is read whole as a number here; declare its shape to "
            f"check this (shapes: {{{spread[0]}: [n, m]}})")
    except Exception as error:  # never a traceback: each failure is named in the verdict
        return _shape_failure(trees, (left, relation, right), context, budget, decisions,
                              error)


# why d before a name is not read as a differential where backprop code names gradients so
BACKPROP_NAMES = "may be the gradient of a loss, as backprop code names it"
DIFFERENTIAL_ALONE = "a differential stands against a side with none"


def _differentials_refused(trees: tuple, context: Context) -> str | None:
    """Why the step's differentials are not read as differentials; None when they are (or
    when it has none). `d(1 + e^{-x}) = -e^{-x}`: a differential equal to what has none,
    where d means the derivative; `dV = P^T dO`: a gradient's name (see `_gradient_names`)."""
    held = [any(isinstance(n, A.Differential) for n in walk(tree)) for tree in trees]
    if any(held) and not all(held):
        return (f"{DIFFERENTIAL_ALONE}, so d may mean the "
                "derivative here; write \\frac{d}{dx}(…) for the derivative, or the "
                "differentials on both sides (df = f'(x) dx)")
    bare, changed = _differentials_of(trees, context)
    increments = {name_key(d.operand) for d in bare}
    partials = [n for tree in trees for n in walk(tree) if isinstance(n, A.Partial)
                and not (isinstance(n.wrt, A.Name) and name_key(n.wrt) in increments)]
    if partials and (bare or changed):
        # dβ = dy · ∂y/∂β: dy is the upstream gradient; df = ∂f/∂x dx writes dx beside it
        return (f"{to_latex((bare or changed)[0])} stands beside a partial derivative by a "
                "name whose differential is not written, as backprop code writes the "
                "gradient it passes back (dy for ∂L/∂y); write the gradients with ∂")
    gradient = _gradient_names(bare, changed, trees, context)
    if gradient is not None:
        return (f"{gradient} {BACKPROP_NAMES}, or a "
                "differential; write the gradient as \\frac{\\partial L}{\\partial V}, or "
                "the differential of what depends on the name (df = … dx)")
    return None


# the names a loss nothing names is given when d-names are read as its gradients
UNNAMED_LOSSES = ("L", "\\mathcal{L}", "\\ell", "J", "E")


def _backprop_reading(link: tuple[str, str, str], trees: tuple, context: Context,
                      budget: Budget) -> Finding | None:
    """`dV = P^T dO` beside `O = PV`, where nothing names a loss: the d-names read as the
    gradients of one loss of the graph's outputs, as backprop code names them (dV for
    ∂L/∂V, L any such loss). A step that holds so is valid; one that does not is invalid
    only when its differentials, read as such, do not hold either (`dx = dz / w` beside
    `z = wx` holds as differentials): else undecided. None when the reading cannot be
    taken (a d-name of what the text writes nowhere)."""
    if context.unnamed_loss is not None or context.other_reading:
        return None
    written = {n.base for tree in (*trees, *context.statement,
                                   *(x for d in context.definitions
                                     for x in (d.name, d.written or d.body)))
               for n in walk(tree) if isinstance(n, A.Name)}
    loss = next((name for name in UNNAMED_LOSSES if name not in written), None)
    if loss is None:
        return None
    as_gradients = context.copy()
    as_gradients.unnamed_loss = A.Name(loss)
    if not context.conventions.get("layout"):   # backprop's gradients have their names' shape
        as_gradients.conventions = {**context.conventions, "layout": "denominator"}
    as_gradients._changed()
    found = find(*link, as_gradients, budget)
    if found.verdict == Verdict.VALID and not context.shapes:
        found = _holds_as_matrices(link, found, as_gradients, budget)
    if found.verdict == Verdict.UNDECIDED and BACKPROP_NAMES not in found.message \
            and DIFFERENTIAL_ALONE not in found.message:
        return found                # in doubt as gradients (for numbers only, say): why
    if found.verdict not in (Verdict.VALID, Verdict.INVALID):
        return None
    found = dataclasses.replace(found, reading=f"d-names read as the gradients of a loss the "
                                f"text does not name ({loss}), as backprop code writes them; "
                                f"{found.reading}".rstrip("; "))
    if found.verdict == Verdict.VALID:
        return found
    as_differentials = context.copy()
    as_differentials.differentials_kept = True
    as_differentials._changed()
    other = find(*link, as_differentials, budget)
    return found if other.verdict == Verdict.INVALID else undecided(
        "undecided: with its d-names read as the gradients of a loss, as backprop code names "
        f"them, the step does not hold, and with d read as a differential it "
        f"{'holds' if other.verdict == Verdict.VALID else 'is in doubt'}; write the gradients "
        "with ∂ (\\frac{\\partial L}{\\partial V}) to say which")


def _holds_as_matrices(link: tuple[str, str, str], found: Finding, context: Context,
                       budget: Budget) -> Finding:
    """A backprop step found valid with no shapes declared, checked again with the capitals
    it multiplies read as matrices and what they multiply as vectors (`dx = dy A` beside
    y = Ax holds for numbers only): the finding when it holds so too, or when there is no
    such reading; undecided when it does not, or its shapes do not fit."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return found
    shapes = _plausible_shapes(trees, context)
    if not shapes:
        return found
    for reading in (infer_shapes(trees, context), shapes):     # the text's shapes first
        again = _read_with(trees, (link[0], link[2], link[1]), context, budget, reading,
                           general=False, clash=True) if reading else None
        if again is not None and again.verdict == Verdict.VALID:
            return found
    return undecided(f"undecided: with its d-names read as backprop's gradients (dV for "
                     f"∂L/∂V), this holds with {', '.join(sorted(shapes))} read as numbers, but "
                     "not with the capitals read as matrices and what they multiply as "
                     "vectors; declare the shapes to check it")


def _gradient_names(bare: list, changed: list, trees: tuple, context: Context) -> str | None:
    """`dV = P^T dO`, `dZ = dA \\odot g'(Z)`: d before a name nothing defines, standing
    alone as a side, or beside a differential of what does not depend on that name, is how
    backprop code names the loss's gradient (dV for ∂L/∂V), not a differential as matrix
    calculus writes one (`df = \\tr(G^T dX)`, `d(x^T x) = 2x^T dx`). The first such
    differential, shown; None when the step reads as differentials (or has none)."""
    held = {name_key(n) for d in changed for tree in _trees_used((d.operand,), context)
            for n in walk(tree) if isinstance(n, A.Name)}
    held |= {name_key(n) for d in changed if isinstance(d.operand, A.Name)
             and d.operand.base in context.functions
             for n in walk(context.functions[d.operand.base].body) if isinstance(n, A.Name)}
    alone = [tree for tree in map(ungroup, trees) if any(tree is d for d in bare)]
    loose = [d for d in bare if changed and name_key(d.operand) not in held]
    # dS = dP ⊙ P(1 - P) with P = softmax(S): the differential of what the right side's
    # quantities are made from, written through theirs, runs backwards as a differential
    # (dP = … dS), as backprop code writes the gradient it passes back
    backwards = [d for d in (*bare, *changed) if _differential_of_input(d, trees, context)]
    # dP = dO V^T defines a name dP: the text names gradients so, and dO is one too
    names_gradients = any(_GRADIENT_WORD.fullmatch(x.key) for x in context.definitions)
    # (not when that reading is being set against the gradients' one: `find`)
    listed = [*bare, *changed] if names_gradients and context.gradients_named else []
    found = alone or loose or listed or backwards
    return to_latex(found[0]) if found else None


def _differential_of_input(differential: A.Differential, trees: tuple,
                           context: Context) -> bool:
    """Whether a differential on the left side is of a quantity that the definitions of the
    right side's differentiated names are made from (dS beside dP, P = softmax(S))."""
    if not any(differential is n for n in walk(trees[0])) \
            or not isinstance(differential.operand, A.Name):
        return False
    key = name_key(differential.operand)
    right = [n.operand for n in walk(trees[1]) if isinstance(n, A.Differential)
             and isinstance(n.operand, A.Name)]
    return any(key in rests_on((operand,), context) for operand in right)


_GRADIENT_WORD = re.compile(re.escape(WORD_FONT) + r"\{d[A-Za-z]\}")   # dP, dW: a gradient


def _differentials_of(trees: tuple, context: Context) -> tuple[list, list]:
    """The differentials the trees write: of names nothing defines (dx, the increments)
    and of anything else (df with f defined, d(x^T A x))."""
    defined = {d.key for d in context.definitions} | set(context.functions)
    nodes = [n for tree in trees for n in walk(tree) if isinstance(n, A.Differential)]
    bare = [n for n in nodes if isinstance(n.operand, A.Name)
            and name_key(n.operand) not in defined and n.operand.base not in defined]
    return bare, [n for n in nodes if all(n is not b for b in bare)]


def _hessian_inferred(link: tuple[str, str, str], context: Context,
                      budget: Budget) -> Finding | None:
    """`\\nabla^2 f(x) = \\frac12 (A + A^T)` with f(x) = ½ x^T A x − b^T x: read with the
    shapes the text implies (x a vector, A square), when it implies them; None otherwise."""
    read = context.copy()
    read.hessians_unshaped = True
    try:
        trees = tuple(read.resolve(parse_side(side)).tree for side in (link[0], link[2]))
    except NotationError:
        return None
    shapes = infer_shapes(trees, read)
    if not shapes:
        return None
    found = _read_with(trees, link, read, budget, shapes)
    if found is None or found.verdict == Verdict.UNDECIDED:
        return None
    square = _symmetric_reprieve(trees, link, read, shapes, budget, ()) \
        if found.verdict == Verdict.INVALID else []
    if square:
        return _symmetric_in_doubt(square)
    said = ", ".join(f"{name} as {' × '.join(map(str, dims))}" for name, dims in shapes.items())
    return dataclasses.replace(found, reading="; ".join(filter(None, (
        found.reading, f"no shapes are declared: read with {said}, as the text implies"))))


def _hot_index_reading(trees, link: tuple[str, str, str], context: Context, budget: Budget,
                       decisions: tuple[str, ...]) -> Finding | None:
    """`loss = -y^i \\ln s^i` beside `loss = -\\sum_i y^i \\ln s^i`, y declared one-hot: an
    index free on one side only, on the label's entry, may be the hot class (where y^i = 1),
    not every class. Read so (the side summed over i, weighted by y^i), a step that holds
    is undecided, naming both readings; None when it does not hold so, or no side is such."""
    hot = [name for name, kind in (context.conventions.get("symbols") or {}).items()
           if kind == "one-hot"]
    free = [free_index_letters(tree) for tree in trees]
    for k, tree in enumerate(trees):
        for letter in sorted(free[k] - free[1 - k]):
            entries = [n for n in walk(tree) if isinstance(n, A.Name) and n.base in hot
                       and letter in {node_text(i) for i in (*n.sub, *n.sup)}]
            if not entries:
                continue
            summed = A.SumOver(letter, None, None, A.BinOp("juxt", entries[0], A.Group(tree)))
            read = (summed, trees[1]) if k == 0 else (trees[0], summed)
            try:
                found = check_symbolic(*read, link, context, budget, decisions)
            except (NotationError, ShapeError, sympy.ShapeError):
                return None
            if found.verdict != Verdict.VALID:
                return None
            return undecided(f"undecided: {letter} is free on one side only: for every "
                             f"{letter} the step does not hold, and at the class where "
                             f"{to_latex(entries[0])} = 1 (the one-hot label's) it holds; "
                             "write the entry at the true class as a name of its own "
                             f"(\\hat{{y}}_{{true}}) to check this")
    return None


def _step_loss_reading(trees, link: tuple[str, str, str], context: Context,
                       budget: Budget) -> Finding | None:
    """`\\frac{\\partial L_t}{\\partial u} = \\frac{\\partial L_t}{\\partial \\hat{y}_t}
    \\frac{\\partial \\hat{y}_t}{\\partial u}` with L_t defined nowhere: read as any function
    of all the outputs, L_t misses the terms through ŷ at other steps; read as a step's
    loss, of the outputs at its own index only, it holds. When the second reading holds,
    undecided, naming both; None when it does not, or when no such loss is written."""
    losses = [to_latex(n.numerator) for tree in trees for n in walk(tree)
              if isinstance(n, A.Partial) and isinstance(n.numerator, A.Name)
              and (n.numerator.sub or n.numerator.sup) and not context.is_value(
                  name_key(n.numerator)) and not context.is_function(n.numerator.base)]
    if not losses or context.losses_by_index:
        return None
    own = context.copy()
    own.losses_by_index = True
    if find(link[0], link[2], link[1], own, budget).verdict != Verdict.VALID:
        return None
    return undecided(f"undecided: {losses[0]} is defined nowhere; as a loss of every output "
                     "the step misses terms, and as the loss at its own index (of the "
                     "outputs at that index only) it holds; define it to check this")


def _outputs_reading(trees, link: tuple[str, str, str], context: Context,
                     budget: Budget) -> Finding | None:
    """`\\frac{\\partial L}{\\partial S_{ij}} = \\sum_k \\frac{\\partial L}{\\partial P_{ik}}
    \\frac{\\partial P_{ik}}{\\partial S_{ij}}` with L defined nowhere, O = P V, and a helper
    `l_i = \\sum_k e^{S_{ik}}` that names a part of P's formula: l ends the definitions as O
    does, and read as a function of both, L's step misses the terms through l. When the
    step holds with L a function of the outputs save such helpers, undecided, naming it;
    None otherwise (p = x y and q = x + y are both outputs: forgetting q is wrong)."""
    if context.helpers_dropped or not any(
            isinstance(n, A.Partial) and isinstance(n.numerator, A.Name)
            and not context.is_value(name_key(n.numerator))
            and not context.is_function(n.numerator.base)
            for tree in trees for n in walk(tree)):
        return None
    own = context.copy()
    own.helpers_dropped = True
    if find(link[0], link[2], link[1], own, budget).verdict != Verdict.VALID:
        return None
    return undecided("undecided: the loss here is defined nowhere, so it is read as a function "
                     "of every quantity the definitions end in; one of them names a part of "
                     "another's formula, a helper the text likely does not mean the loss to "
                     "depend on, and read without it the step holds; define the loss to check "
                     "this")


def _twin_readings(link: tuple[str, str, str], context: Context, budget: Budget,
                   error: UnsaidDependence) -> Finding:
    """The step read with the twin the text leaves undefined free of the variable, as
    written, and depending on it (`out_{o2} = \\Upsilon + \\Xi out_{h1}`): valid when it
    holds in both (∂E_{total}/∂out_{h1} = ∂E_{o1}/∂out_{h1} + ∂E_{o2}/∂out_{h1} does), else
    undecided, naming the twin."""
    free = context.copy()
    free.twins_read = True
    tied = free.copy()
    try:
        tied.define_latex(f"{error.twin} = {TWIN_FREE_PART} + {TWIN_SLOPE} {error.variable}")
    except NotationError:
        return failed(error)
    findings = [find(link[0], link[2], link[1], reading, budget) for reading in (free, tied)]
    if all(found.verdict == Verdict.VALID for found in findings):
        return findings[0]
    if findings[1].verdict == Verdict.INVALID and findings[1].counterexample is not None \
            and _writes_nothing_new(link, context, error):
        # ∂L/∂θ = 2(t - y) ∂y/∂θ with L = (y - t)^2: the step writes ∂y/∂θ, so y depends
        # on θ, and with any slope but 0 it is wrong; no letter of its own could be that slope
        return dataclasses.replace(findings[1], reading="; ".join(filter(None, (
            findings[1].reading, f"{error.twin} {TIED_TO_VARIABLE} {error.variable}, as the "
            "step's derivative of it says"))))
    # wrong in both shows nothing: the tied reading's slope is any number, and the claim may
    # write the twin's own (w_7), which no reading here can know
    return failed(error)


TIED_TO_VARIABLE = "read as depending on"     # a twin tied to the variable (_twin_readings)
ARGUMENT_NAMED = "read as the argument"     # z of σ(z) = …, read as what σ is applied to


def _writes_nothing_new(link: tuple[str, str, str], context: Context,
                        error: UnsaidDependence) -> bool:
    """Whether the link writes the twin's derivative by the variable (∂y/∂θ), and every
    other name it writes is the variable or one the context defines or its definitions
    hold: no letter of the link's own could stand for how the twin varies."""
    try:
        trees = [parse_side(side) for side in (link[0], link[2])]
    except NotationError:
        return False
    by_variable = [name_key(n.numerator) for tree in trees for n in walk(tree)
                   if isinstance(n, A.Partial) and isinstance(n.numerator, A.Name)
                   and isinstance(n.wrt, A.Name) and name_key(n.wrt) == error.variable]
    # df/dt = ∂f/∂t + ∂f/∂x dx/dt: one name differentiated twice by the variable, a total
    # and a partial derivative, which the tied reading does not tell apart
    if error.twin not in by_variable or len(by_variable) != len(set(by_variable)):
        return False
    known = {error.twin, error.variable} | {d.key for d in context.definitions} | {
        name_key(n) for tree in _bodies_used(tuple(trees), context) for n in walk(tree)
        if isinstance(n, A.Name)}
    return all(name_key(n) in known or context.is_value(name_key(n))
               or n.base in INDEX_LETTERS and not n.sub       # i of θ_i
               for tree in trees for n in walk(tree) if isinstance(n, A.Name))


def _identity_sized(trees, link: tuple[str, str, str], context: Context, budget: Budget,
                    decisions: tuple[str, ...]) -> Finding | None:
    """`\\frac{\\partial^2 f}{\\partial x^2} = 2I` with I defined nowhere, read as a number,
    beside an N×N side: I is the identity, of a size the declared shapes name. Read with I
    of each such size; the verdict when the sizes that build agree, else undecided (None
    when I does not stand here so)."""
    if not any(isinstance(n, A.Name) and n.base == IDENTITY and not (n.sub or n.sup or n.primes)
               for tree in trees for n in walk(tree)) or context.is_value(IDENTITY) \
            or context.shape_of(IDENTITY) is not None or context.kind(IDENTITY) is not None:
        return None
    sizes = sorted({d for shape in context.shapes.values() for d in shape if d != 1}, key=str)
    readings = [_read_with(trees, link, context, budget, {IDENTITY: [size, size]},
                           decisions=(*decisions, f"{IDENTITY} read as the {size}×{size} "
                                      "identity"))
                for size in sizes]
    decided = [f for f in readings if f is not None and f.verdict != Verdict.UNPARSEABLE]
    if decided and len({f.verdict for f in decided}) == 1:
        return decided[0]
    return undecided(f"undecided: {IDENTITY} is defined nowhere and read as a number the "
                     "shapes do not fit; it may be the identity matrix, whose size nothing "
                     f"here declares; declare it (shapes: {{{IDENTITY}: [n, n]}})")


def _shape_failure(trees, link: tuple[str, str, str], context: Context, budget: Budget,
                   decisions: tuple[str, ...], error: BaseException) -> Finding:
    """What a check that raised `error` found, a shape that does not fit included."""
    # read element by element, `w \cdot x` of two vectors may not fit where the dot
    # product does (`_require_one_reading_of_dots`, a vector squared)
    dots = _read_with(trees, link, context, budget, {}, decisions=decisions, dots=True) \
        if not isinstance(error, BudgetExceeded) and context.shapes \
        and _dots_between_vectors(trees, context) else None
    defined = _defined_matrices(trees, context) \
        if isinstance(error, ShapeError | sympy.ShapeError | UnshapedError) else False
    lone = [to_latex(side) for side in map(ungroup, trees) if isinstance(side, A.Name)
            and context.shape_of(name_key(side)) is None and not context.is_value(name_key(side))
            and context.shape_of(side.base) is None]       # z_1 of a shaped z: an entry
    unbuilt = _unbuilt_definitions(trees, context) \
        if isinstance(error, ShapeError | sympy.ShapeError) and _agreed([dots]) is None else []
    if unbuilt:
        # ∂L/∂a^{(1)} with a^{(1)} = ReLU(W^{(1)} x + b^{(1)}) not built at the sizes read:
        # read as a number, its gradient clashes with the vector beside it by a misreading
        return undecided(f"undecided: {error}; {unbuilt[0]} is defined, but its definition "
                         "could not be built with the shapes given, so it was read as a "
                         "number; declare the shapes of what it is made of to check this")
    if lone and isinstance(error, ShapeError | sympy.ShapeError) and _agreed([dots]) is None:
        # δ^{(1)} = ∂L/∂z^{(1)}, δ^{(1)} defined nowhere: a name of no shape against a
        # vector shows only that it was read as a number
        return undecided(f"undecided: {error}; {lone[0]} is defined nowhere and has no "
                         f"declared shape, so it was read as a number; declare its shape "
                         f"(shapes: {{{lone[0]}: [n, 1]}}) or define it to check this")
    if _agreed([dots]) is not None or not defined:
        return _agreed([dots]) or failed(error)
    # O = P V with P and V shaped and O not: O is the matrix its definition gives; read
    # as a number, a clash of shapes shows only the misreading
    return _with_inferred_shapes(trees, link, context, budget, decisions) or undecided(
        f"undecided: {error}; a name here is a matrix by its definition but has no declared "
        "shape, and the shapes its definition gives do not decide the step; declare them "
        "to check it")


def _defined_matrices(trees, context: Context) -> bool:
    """Whether the only shapes the text implies and does not declare are those of names the
    definitions give or use, beside declared shapes: O of `O = P V`, P and V shaped; z and
    b of `z = W x + b`, W and x shaped (b, added to a vector, is one)."""
    if not context.shapes:
        return False
    inferred = infer_shapes(trees, context) or _definition_shapes(trees, context)
    defined = {d.key for d in context.definitions} | {name_key(d.name)
                                                      for d in context.definitions}
    used = {name_key(n) for d in context.definitions for n in walk(d.body)
            if isinstance(n, A.Name)}
    return bool(inferred) and all(name in defined | used for name in inferred)


def _vectors_read_as_numbers(trees, context: Context, exempt: bool = True) -> list[str]:
    """The names the step, or what it rests on, shows to be vectors or matrices but that have
    no shape, so are read as numbers: transposed (`w^T x`, `(x - \\mu)^T`), set in bold on
    either side of a `\\cdot` or in a product (`\\mathbf{w} \\cdot \\mathbf{x}`), or a
    capital raised to a power (`\\mathbf{X}^2`, `\\Sigma^{-1}`). A step that holds for
    numbers holds for vectors of length 1 only; wrong for numbers, it is wrong for vectors
    too."""
    found: list[str] = []
    counts = _counts(trees, context)
    for tree in _trees_used(trees, context):
        for node in walk(tree):
            if isinstance(node, A.Transpose):
                operands = [node.operand]
            elif isinstance(node, A.BinOp) and node.op == "cdot":
                operands = [side for side in (node.left, node.right)
                            if isinstance(ungroup(side), A.Name) and ungroup(side).bold]
            elif isinstance(node, A.Power) and isinstance(node.base, A.Name) \
                    and is_capital(node.base) and (node.base.bold or to_latex(
                        node.exponent).startswith("-")) \
                    and node.base.base not in counts:
                operands = [node.base]      # \mathbf{X}^{-1}, \Sigma^{-2}: a matrix's inverse
            elif isinstance(node, A.BinOp) and node.op == "juxt" and all(
                    isinstance(ungroup(side), A.Name) and ungroup(side).bold
                    for side in (node.left, node.right)) and any(
                    is_capital(ungroup(side)) for side in (node.left, node.right)):
                operands = [node.left, node.right]      # \mathbf{A}\mathbf{x}: a product
            else:
                continue
            for operand in operands:
                names = [n for n in _whole_names(operand) if n.base != ONES]
                # x_i^T, W^{(l)T}: a member of a family, which the fit does not follow yet
                # (a bold numbered \mathbf{x}_0 it does)
                # ((\delta^{[1]})^T, a layer's vector transposed, is shown as one: with no
                # shape, a step right as numbers only may be wrong, x δ^T for δ x^T)
                layered = isinstance(node, A.Transpose) and len(names) == 1 \
                    and not names[0].sub and layer_of(name_key(names[0])) is not None \
                    and not _family_shaped(names[0], context)
                if any(isinstance(n, A.MatrixLiteral) for n in walk(operand)) or any(
                        n.sup and not layered or n.sub and not vector_member(n)
                        for n in names) or any(
                        context.shape_of(name_key(n)) is not None
                        or (context.is_value(name_key(n)) and not n.bold
                            and context.kind(n.base) not in ("vector", "matrix"))
                        for n in names):
                    # a vector or matrix declared by kind, with no shape, is read as a number
                    # a defined name set in bold may still be a vector read as a number:
                    # (\mathbf{a} - \mathbf{y})^T with \mathbf{a} = σ(W \mathbf{x} + b)
                    continue
                found += [to_latex(n) for n in names if to_latex(n) not in found]
    return [] if found and exempt and _only_scalars_of(found, trees, context) else found


def _matrices_by_form(trees, context: Context) -> set[str]:
    """The keys of the names with no shape that are matrices by how they are written: a
    capital raised to a negative power (`A^{-1}`) that the text does not count with, a bold
    capital raised to any, or a bold capital beside another bold name (`\\mathbf{A}\\mathbf{x}`)."""
    counts = _counts(trees, context)
    found: set[A.Name] = set()
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if isinstance(node, A.Power) and isinstance(node.base, A.Name) and is_capital(node.base) \
                and (node.base.bold or to_latex(node.exponent).startswith("-")) \
                and node.base.base not in counts:
            found.add(node.base)
        elif isinstance(node, A.BinOp) and node.op == "juxt":
            found |= {ungroup(side) for side in (node.left, node.right)
                      if isinstance(ungroup(side), A.Name) and ungroup(side).bold
                      and is_capital(ungroup(side))}
    return {name_key(n) for n in found if context.shape_of(name_key(n)) is None}


def _counts(trees, context: Context) -> set[str]:
    """Letters the text uses as counts: a sum's bound (`\\sum_{i=1}^N`), a denominator
    (`\\frac{1}{2N}`), or declared numbers; N^{-1} of these is a number's inverse."""
    counts: set[str] = set()
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if isinstance(node, A.SumOver) and node.upper is not None:
            counts |= {n.base for n in walk(node.upper) if isinstance(n, A.Name)}
        elif isinstance(node, A.BinOp) and node.op == "/":
            counts |= {n.base for n in walk(node.right) if isinstance(n, A.Name)}
    return counts | {name for name, kind in (context.conventions.get("symbols") or {}).items()
                     if kind in ("positive", "constant", "index")}


def _readings_of(tree: A.Node, context: Context) -> tuple:
    """How a definition's tree was read; () for one that cannot be read (an unknown
    function in a body the step may not use: that body speaks for no step)."""
    try:
        return context.resolve(tree).readings
    except NotationError:
        return ()


# the doubt of a step that holds with its vectors read as numbers (`_matrix_reading_disagrees`)
_AGREE_AS_NUMBERS = "read as numbers, but not with"


def _call_readings(link: tuple[str, str, str], trees, context: Context, budget: Budget,
                   readings) -> Finding | None:
    """Undecided when the step, wrong as read, holds (or is in doubt) read the other way a
    letter before parentheses allows: `\\Phi(z)` read as a product (Φ not a function here)
    holds as a call of some function, or Φ(·) and φ(·) read as functions it does not know
    hold as the standard normal CDF and density, as statistics writes them (GELU = x Φ(x),
    probit). None when no letter was read so or the other reading is wrong too."""
    if context.other_reading:
        return None                        # one other reading at a time, never nested
    written = [*(d.written for d in context.definitions if d.written is not None),
               *(f.written for f in context.functions.values() if f.written is not None)]
    readings = [*readings, *(r for tree in written for r in _readings_of(tree, context))]
    # a Greek letter alone before parentheses (Φ(z), Ψ(x)) is the doubtful one; w_1(1 - a)
    # of a weight is a product
    products = sorted({r.written.removesuffix("(…)") for r in readings
                       if r.read_as.endswith("is not a function here")
                       and re.fullmatch(r"\\[A-Za-z]+", r.written.removesuffix("(…)"))
                       and r.written.removesuffix("(…)")[1:] in GREEK})
    calls = [node for tree in _trees_used(trees, context) for node in walk(tree)
             if isinstance(node, A.Call) and node.callee == A.Callee.ARBITRARY]
    if products and all(any(c.name == p and c.primes for c in calls) for p in products):
        # Φ'(z) beside Φ(z): the step itself shows Φ is a function
        return _agreed([_read_as(link, context, dict.fromkeys(products, "function"), budget)])
    called = {call.name for call in calls}
    normal = [letter for letter in NORMAL_LETTERS if letter in called or letter in products]
    trials = [(dict.fromkeys(products, "function"), "functions it does not define")] \
        if products else []
    if normal:
        trials.append(({letter: NORMAL_LETTERS[letter] for letter in normal},
                       "the standard normal CDF and density"))
    for symbols, what in trials:
        found = _read_as(link, context, symbols, budget)
        # in doubt only for what the other reading makes of the letter itself: a function
        # nothing defines (ℓ(β) differentiated), not for anything else it leaves open
        if found is not None and (found.verdict == Verdict.VALID
                                  or found.verdict == Verdict.UNDECIDED
                                  and (UNDEFINED_FUNCTION in found.message
                                       or _AGREE_AS_NUMBERS in found.message)):
            letters = ", ".join(symbols)
            declared = ", ".join(f"{k}: {v}" for k, v in symbols.items())
            holds = "this holds" if found.verdict == Verdict.VALID else \
                "it is in doubt (" + found.message.removeprefix("undecided: ").splitlines()[0] + ")"
            return undecided(f"undecided: read with {letters} as {what}, {holds}; read as "
                             "written here it does not hold; declare what they are to check "
                             f"it (symbols: {{{declared}}})")
    return None


def _spread_unshaped(trees, context: Context) -> list[str]:
    """The names a definition makes a matrix (`Y_1 = W X_1` of declared matrices) with no
    shape declared, built entry by entry, numbered in one run, and written whole too (`Z =
    Y_1 + Y_2`, or in the step): the entries and the name are read apart."""
    try:
        definitions = context.definitions_in(Instance())
    except Exception:  # noqa: BLE001 — definitions that cannot be built spread nothing
        return []
    built = {str(symbol) for symbol in definitions}
    values = list(definitions.values())
    def has_entries(d: Definition) -> bool:     # a_1 = …, ŷ_i = …: entries of their own
        return any(other is not d and other.name.base == d.name.base and other.name.sub
                   and other.name.sup == d.name.sup for other in context.definitions)

    whole = {str(s) for value in values for s in getattr(value, "free_symbols", ())} \
        | {name_key(n) for tree in trees for n in walk(tree) if isinstance(n, A.Name)}
    def of_matrices(d: Definition) -> bool:      # W X_1, h W_2: of two declared arrays
        shaped = [context.shape_of(name_key(n)) for n in walk(d.body) if isinstance(n, A.Name)]
        return sum(1 for shape in shaped if shape and any(dim != 1 for dim in shape)) >= 2

    return sorted(key for d in context.definitions
                  if context.shape_of(key := name_key(d.name)) is None
                  and f"{key}_{{1}}" in built and key in whole and not has_entries(d)
                  and of_matrices(d))


def _whole_and_entries(trees, context: Context) -> list[str]:
    """The vectors the text writes whole, `\\hat{X} = (X - \\mu)/\\sigma`, and by entries,
    `\\mu = \\frac{1}{n}\\sum_i X_i`, with no shape declared, when the step writes one of
    them: read as a number and as numbers of its own, whatever ties them is lost. A vector
    is an undefined name whose entries a sum runs over (not a sample's numbered values,
    y_1 = 0), or a name defined whole from one and used by entries; never the argument of a
    function (h_θ(x), softmax(s)_k with s_k defined)."""
    def family(name: A.Name) -> str:
        return canonical(name.base, tuple(map(node_text, name.sup)), (), name.suffix,
                         name.primes)

    def names(node: A.Node):
        if isinstance(node, A.Call) and node.callee in (A.Callee.DEFINED, A.Callee.ARBITRARY) \
                or isinstance(node, A.Call) and (known := known_function(node.name)) is not None \
                and known.takes_vector:
            return          # a function's argument: what it takes is the function's affair
        if isinstance(node, A.Name):
            yield node
        for child in children(node):
            yield from names(child)

    # what the step rests on: x̂ = (x - μ)/σ, defined but not used, ties nothing here
    # what the step rests on (the functions' bodies too: y_pred = w_1 x + w_0 in
    # L(w_0, w_1) = Σ_i (y_i - y_pred)^2), and the whole its entries are of (p = e^z / S
    # beside p_j); x̂ = (x - μ)/σ, defined but not used, ties nothing here
    used = _trees_used(trees, context)
    rests_on = _definitions_used(used, context)
    by_entry = {family(n) for tree in (*used, *(d.body for d in rests_on))
                for n in walk(tree) if isinstance(n, A.Name) and len(n.sub) == 1}
    rests_on += [d for d in context.definitions if not d.name.sub
                 and family(d.name) in by_entry and d not in rests_on]
    read = [n for tree in (*used, *(d.body for d in rests_on), *(d.name for d in rests_on))
            for n in names(tree)]
    whole = {family(n) for n in read if not n.sub}
    entries = {family(n) for n in read if len(n.sub) == 1}
    # a sum anywhere shows a vector (s = Σ_k x_k, even unused)
    everything = (*used, *(d.body for d in context.definitions))
    summed = {family(n) for tree in everything for total in walk(tree)
              if isinstance(total, A.SumOver) and total.index for n in walk(total.body)
              if isinstance(n, A.Name) and len(n.sub) == 1
              and isinstance(n.sub[0], A.Name) and n.sub[0].base == total.index}
    defined = {family(d.name): d.body for d in context.definitions}
    vectors = {name for name in whole & summed if name not in defined}
    grew = bool(vectors)
    while grew:
        grew = False
        for name, body in defined.items():
            if name not in vectors and name in whole & entries and any(
                    family(n) in vectors for n in names(body) if not n.sub):
                vectors.add(name)
                grew = True
    written = {family(n) for tree in trees for n in walk(tree) if isinstance(n, A.Name)}
    return sorted(name for name in vectors & written
                  if context.shape_of(name) is None and context.kind(name) is None)


# what an element-wise formula is made of: a vector in it is read entry by entry
_ELEMENTWISE_OPS = frozenset({"+", "-", "/", "*", "juxt", "cdot", "times"})


def _entrywise_reading(link: tuple[str, str, str], names: list[str], context: Context,
                       budget: Budget) -> Finding | None:
    """`p = e^{z} / S` beside `S = \\sum_k e^{z_k}` and a step in p_j: a name defined whole
    by an element-wise formula of one vector, whose entries the text sums, is that formula
    entry by entry (p_i = e^{z_i} / S). The link found again so, when that decides it;
    None otherwise (no such definition, or still in doubt)."""
    if context.other_reading:
        return None
    summed = {n.base for d in context.definitions for total in walk(d.body)
              if isinstance(total, A.SumOver) and total.index for n in walk(total.body)
              if isinstance(n, A.Name) and len(n.sub) == 1 and isinstance(n.sub[0], A.Name)
              and n.sub[0].base == total.index}
    read = context.copy()
    read.other_reading = True
    taken = {n.base for tree in (*_parsed_sides(list(link[:2])), *(
        d.written or d.body for d in context.definitions)) for n in walk(tree)
        if isinstance(n, A.Name)} | {n.index for d in context.definitions
                                     for n in walk(d.body) if isinstance(n, A.SumOver)}
    letter = next((c for c in ("i", *FRESH_INDEX_LETTERS) if c not in taken), None)
    entrywise = [d for d in context.definitions if d.key in names and not d.name.sub
                 and not d.name.sup and _elementwise(d.body)]
    if letter is None or not entrywise:
        return None
    try:
        for definition in entrywise:
            vectors = {n.base for n in walk(definition.body) if isinstance(n, A.Name)
                       and not n.sub and n.base in summed and not context.is_value(n.base)}
            if len(vectors) != 1:
                return None
            entry = A.Name(vectors.pop(), (A.Name(letter),))
            body = substitute_names(definition.body, {A.Name(entry.base): entry})
            read.definitions = [d for d in read.definitions if d is not definition]
            read._changed()
            name = dataclasses.replace(definition.name, sub=(A.Name(letter),))
            read.define_latex(f"{to_latex(name)} = {to_latex(body)}")
    except NotationError:
        return None
    found = find(*link, read, budget)
    if found.verdict not in (Verdict.VALID, Verdict.INVALID):
        return None
    shown = ", ".join(to_latex(d.name) for d in entrywise)
    return dataclasses.replace(found, reading=f"{shown} read entry by entry, as its formula "
                               f"is element-wise; {found.reading}".rstrip("; "))


def _elementwise(body: A.Node) -> bool:
    """Whether a formula is element-wise in its names: sums, products and quotients of
    names and numbers, powers by numbers, and scalar functions (e^z / S, σ(z))."""
    for node in walk(body):
        if isinstance(node, A.BinOp) and node.op not in _ELEMENTWISE_OPS \
                or isinstance(node, A.Power) and not isinstance(ungroup(node.exponent),
                                                               A.Num | A.Name | A.Neg) \
                or isinstance(node, A.Call) and (known_function(node.name) is None
                                                 or known_function(node.name).takes_vector) \
                and node.name not in (r"\exp", r"\log", r"\ln", r"\sqrt") \
                or isinstance(node, A.Transpose | A.Norm | A.SumOver | A.MatrixLiteral
                              | A.Partial | A.Differential | A.Cases):
            return False
        if isinstance(node, A.Name) and (node.sub or node.sup):
            return False
    return True


def _read_as(link: tuple[str, str, str], context: Context, symbols: dict,
             budget: Budget) -> Finding | None:
    """The link found again with these kinds declared (`{\\Phi: function}`); None when
    that reading cannot be built."""
    read = context.copy()
    read.other_reading = True
    read.conventions = {**context.conventions,
                        "symbols": {**(context.conventions.get("symbols") or {}), **symbols}}
    try:
        read.settle_given()          # the definitions, too, read with the new kinds
        return find(link[0], link[2], link[1], read, budget)
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 — a reading that cannot be built shows nothing
        return None


def _read_two_ways(trees, context: Context) -> list[str]:
    """The names read as numbers where transposed (`w^T w`) and as vectors elsewhere, as a
    norm's operand is (`\\|w\\|^2`): the sides then read w two ways, and a difference
    between them shows only that."""
    operands = {to_latex(ungroup(n.operand)) for tree in _trees_used(trees, context)
                for n in walk(tree) if isinstance(n, A.Norm)}
    # a name only the definitions hold (w of ∂L/∂b) leaves the difference the step shows
    arguments = {id(a) for tree in trees for n in walk(tree)
                 if isinstance(n, A.Call) and n.callee == A.Callee.DEFINED for a in n.args}
    written = {to_latex(n) for tree in trees for n in walk(tree)
               if isinstance(n, A.Name) and id(n) not in arguments}
    return [name for name in _vectors_read_as_numbers(trees, context, exempt=False)
            if name in operands and name in written]


def _only_scalars_of(shown: list[str], trees, context: Context) -> bool:
    """Whether the names read as numbers enter the step only through scalars of them, dot
    products and norms (`y_n(\\mathbf{w} \\cdot \\mathbf{x}_n + b)`, `x^T x - 1`) that
    numbers reach in full (`_reachable_by_numbers`), and nothing is differentiated by them:
    then the verdict read with numbers is the vectors'. ((w^T x)^2 = ‖w‖^2 ‖x‖^2: not so.)"""
    used = _trees_used(trees, context)
    covered: set[int] = set()
    scalars: set[frozenset[str]] = set()
    for node in (n for tree in used for n in walk(tree)):
        if isinstance(node, A.Partial) and isinstance(node.wrt, A.Name) \
                and to_latex(node.wrt) in shown:
            return False                     # ∂/∂w: the vector itself varies
        for pair in _scalar_pairs(node):
            covered |= {id(n) for n in pair}
            scalars.add(frozenset(to_latex(n) for n in pair))
        function = context.functions.get(node.name) if isinstance(node, A.Call) else None
        if function is not None:     # \mathcal{L}(\mathbf{w}, b): at its own parameters
            covered |= {id(arg) for arg, parameter in zip(node.args, function.parameters,
                                                          strict=False)
                        if isinstance(arg, A.Name) and name_key(arg) == name_key(parameter)}
    whole = [n for tree in used for n in walk(tree)
             if isinstance(n, A.Name) and to_latex(n) in shown]
    return all(id(n) in covered for n in whole) and _reachable_by_numbers(scalars)


def _reachable_by_numbers(scalars: set[frozenset[str]]) -> bool:
    """Whether numbers put for the names reach every value the scalars take for vectors:
    so when the dot products between names form a forest (no cycle: (w·x)(y·z) and
    (x·y)(z·w) agree for numbers, not for vectors), with at most one norm per tree (‖w‖
    and ‖x‖ fix |w·x| for numbers)."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    normed: set[str] = set()
    for pair in scalars:
        if len(pair) == 1:                       # ‖w‖ or w^T w
            normed.add(next(iter(pair)))
            continue
        a, b = sorted(pair)
        if root(a) == root(b):
            return False                         # a cycle of dot products
        parent[root(a)] = root(b)
    trees = [root(name) for name in normed]
    return len(trees) == len(set(trees))


def _scalar_pairs(node: A.Node) -> list[tuple[A.Name, ...]]:
    """The names of the scalars `u^T v`, `u \\cdot v` (bold), `‖u‖` that this node writes."""
    if isinstance(node, A.Norm) and isinstance(ungroup(node.operand), A.Name):
        return [(ungroup(node.operand),)]
    if not (isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot")):
        return []
    if node.op == "cdot":
        left, right = ungroup(node.left), ungroup(node.right)
        return [(left, right)] if isinstance(left, A.Name) and isinstance(right, A.Name) \
            and left.bold else []
    parts = factors(node)
    # x^T A x: x^T A is no scalar when A is a matrix, as a capital names one
    return [(first.operand, second) for first, second in zip(parts, parts[1:], strict=False)
            if isinstance(first, A.Transpose) and isinstance(first.operand, A.Name)
            and isinstance(second, A.Name) and not is_capital(second)]


def _whole_names(node: A.Node) -> list[A.Name]:
    """The names in a tree, not those inside a name's indices (l of W^{(l)})."""
    if isinstance(node, A.Name):
        return [node]
    return [name for child in children(node) for name in _whole_names(child)]


def _dots_between_vectors(trees, context: Context) -> bool:
    """Whether the step, or what it rests on, writes `\\cdot` between two quantities that
    are not numbers written out (`w \\cdot x`, not `2 \\cdot x`)."""
    return any(isinstance(node, A.BinOp) and node.op == "cdot"
               and not any(isinstance(ungroup(side), A.Num) for side in (node.left, node.right))
               for tree in _trees_used(trees, context) for node in walk(tree))


def _agreed(findings: list[Finding | None]) -> Finding | None:
    """The verdict of the readings that decide, when they agree (the first, with its
    reading); undecided when they disagree or one is in doubt; None when none decides."""
    decided = [f for f in findings if f is not None and f.verdict != Verdict.UNPARSEABLE and (
        f.verdict != Verdict.INVALID or f.counterexample is not None or f.sizes_settled)]
    if not decided:
        return None
    for finding in decided:
        if finding.verdict == Verdict.UNDECIDED:
            return finding
    if len({f.verdict for f in decided}) > 1:
        return undecided("undecided: a \\cdot between two vectors may be their dot product "
                         "or the element-wise product; read one way the step holds, read the "
                         "other it does not; write u^T v for the dot product, or u \\odot v "
                         "element by element")
    return decided[0]


def _next_step_defined(lhs: A.Node, relation: str, across, context: Context) -> Finding | None:
    """`w(t+1) = w(t) - \\eta g`: the value at the next step, which nothing defines, is
    defined by the update (as `w^{(t+1)} = …` is), not claimed; None for any other link."""
    if not (isinstance(lhs, A.Name) and relation in DEFINING and len(lhs.sup) == 1
            and isinstance(lhs.sup[0], A.BinOp) and lhs.sup[0].op == "+"
            and letter_offset(lhs.sup[0])
            and node_text(dataclasses.replace(lhs, sup=())) in across.stepped):
        return None
    family = family_of(name_key(lhs))
    plain = node_text(dataclasses.replace(lhs, sup=()))
    if context.is_value(name_key(lhs)) or plain in context.steps_written or any(
            family_of(name_key(d.name)) == family for d in context.definitions):
        # written before (w(t+1) = … on an earlier line): that update is not kept, so this
        # one is neither a definition nor shown right or wrong
        return undecided(f"undecided: {to_latex(lhs)}, the value at the next step, is written "
                         "before this, and updates written as calls are not kept from line to "
                         f"line; write it {to_latex(lhs)} (a superscript) to check this")
    return Finding(Verdict.VALID, Method.DEFINITION,
                   f"defines {to_latex(lhs)}, the value at the next step (an update)")


def _derivative_of_undefined(trees, context: Context) -> tuple[str, str] | None:
    """`\\frac{\\partial Y}{\\partial W}` in a step, with Y defined nowhere but held by a
    definition (L = (Y - T)^2): read as written, Y does not depend on W, so the derivative
    is 0 (and ∂L/∂W with it), which the text, writing it, does not mean. (Y, W) as the
    context spells them, or None."""
    held = {name_key(n) for tree in _bodies_used(trees, context) for n in walk(tree)
            if isinstance(n, A.Name)}
    # J of `\\delta = \\frac{\\partial J}{\\partial z}`: a gradient the text names, the chain
    # rule's, which reads J as depending on what it is taken by
    graded = {name_key(n.numerator) for d in context.definitions
              for n in (*walk(d.written or d.body), *walk(d.name))
              if isinstance(n, A.Partial) and isinstance(n.numerator, A.Name)}
    graded |= {parts[0] for d in context.definitions
               if (parts := gradient_parts(Var(name_key(d.name)))) is not None}
    for node in (n for tree in trees for n in walk(tree)):
        if not (isinstance(node, A.Partial) and isinstance(node.numerator, A.Name)
                and isinstance(node.wrt, A.Name) and node.order == 1):
            continue
        name, variable = name_key(node.numerator), name_key(node.wrt)
        if name != variable and name in held - graded and not context.is_value(name) \
                and not context.is_function(node.numerator.base) \
                and context.shape_of(name) is None and not free_index_letters(node.numerator) \
                and not _inverse_of(node, context):
            return name, variable
    return None


def _inverse_of(partial: A.Partial, context: Context) -> bool:
    """Whether ∂x/∂z takes its variable z defined as a function of x alone (z = x^2), so
    that x varies with z through the inverse (`derivatives.inverse_leaf`)."""
    try:
        instance = instances_for(partial, partial, context)[0]
        builder = context.builder(instance)
        numerator = builder.read(partial.numerator)
        leaf = inverse_leaf(context, builder.read(partial.wrt), instance, numerator)
        return leaf is not None and leaf == numerator
    except (NotationError, ShapeError, TypeError, ValueError):
        return False


def _members_as_vectors_disagree(trees, link: tuple[str, str, str], context: Context,
                                 budget: Budget, decisions: tuple[str, ...]) -> list[str]:
    """`\\mathbf{x}_i \\mathbf{x}_i^T = \\mathbf{x}_i^T \\mathbf{x}_i` with no shapes: members
    of a family, transposed, are vectors that the fit does not follow, so the step holds
    with them read as numbers. Read with each such family's members as vectors: the
    members as written when the sides then disagree in every layout, or make a defined name
    a matrix of no declared shape; [] when they agree, or when that reading cannot be built
    (w_{y_i} beside w_j: a member the shapes miss)."""
    members = {to_latex(name): _spelled_key(name) for tree in trees for node in walk(tree)
               if isinstance(node, A.Transpose)
               and isinstance(name := ungroup(node.operand), A.Name)
               and name.sub and not name.sup and not vector_member(name)
               and _unshaped(name, context) and not _family_shaped(name, context)}
    if not members:
        return []
    beside = _beside_members((*trees, *_bodies_used(trees, context)), members, context)
    shapes = dict.fromkeys([*members.values(), *beside], ["n", 1])
    layouts = [context.conventions["layout"]] if context.conventions.get("layout") \
        else ["numerator", "denominator"]
    # x_i x_i^T against x_i^T x_i: a matrix against a number, once the members are vectors
    readings = (_read_with(trees, link, context, budget, shapes, layout=layout,
                           decisions=decisions, general=False, clash=True)
                for layout in layouts)
    return sorted(members) if all(found is not None and found.verdict in (Verdict.INVALID,
                                                                         Verdict.UNDECIDED)
                                  for found in readings) else []


def _beside_members(trees, members: dict[str, str], context: Context) -> list[str]:
    """The lone lowercase names with no shape that multiply a member read as a vector, or
    are transposed: w of `x_i^T w`, a vector beside it (read as a number, the shapes would
    clash by the misreading alone)."""
    found: list[str] = []
    for node in (n for tree in trees for n in walk(tree)):
        pairs = [(node.left, node.right)] if isinstance(node, A.BinOp) \
            and node.op in ("juxt", "*", "cdot") else []
        for left, right in pairs:
            edges = (_edge_factor(left, last=True), _edge_factor(right, last=False))
            if not any(e is not None and to_latex(e) in members for e in edges):
                continue
            found += [name_key(e) for e in edges if e is not None and not e.sub
                      and not is_capital(e) and e.base not in INDEX_LETTERS
                      and _unshaped(e, context) and name_key(e) not in found]
    return found


def _valid_only_as_numbers(names: list[str]) -> Finding:
    shown = ", ".join(names) + (" are numbers" if len(names) > 1 else " is a number")
    return undecided(f"undecided: this holds when {shown}, but the text shows a vector or "
                     "matrix there (a name transposed, a bold one beside \\cdot or in a "
                     "product, a capital inverted, or one the conventions declare a vector "
                     "or matrix), and no shape is declared for it (nor "
                     "implied by the text); declare the shapes to check it (shapes: "
                     f"{{{names[0]}: [n, 1]}})")


def _read_with(trees, link: tuple[str, str, str], context: Context, budget: Budget,
               shapes: dict, symbols: dict | None = None, layout: str | None = None,
               decisions: tuple[str, ...] = (), general: bool = True,
               dots: bool = False, clash: bool = False) -> Finding | None:
    """The step checked a second way: with these shapes (and kinds, and layout) added to the
    context, and `\\cdot` between vectors read as the dot product if `dots`. None when that
    reading cannot be built, which shows nothing; with `clash`, sides whose shapes do not
    fit (a matrix against a number) are invalid instead."""
    read = context.copy()
    read.dot_products = read.dot_products or dots
    if symbols or layout:
        read.conventions = {**context.conventions,
                            **({"layout": layout} if layout else {}),
                            **({"symbols": symbols} if symbols else {})}
        read._changed()
    spelled = {name_key(n): _spelled_key(n) for tree in (*trees, *_bodies_used(trees, context))
               for n in walk(tree) if isinstance(n, A.Name)}
    try:
        for name, dims in shapes.items():
            read.add_shape(spelled.get(name, name), dims)     # A^{(l-1)} as written
        return check_symbolic(*trees, link, read, budget, decisions, general=general)
    except BudgetExceeded:
        raise
    except (ShapeError, UnshapedError) as error:
        if clash and (isinstance(error, ShapeError) or isinstance(error.__cause__, ShapeError)):
            return Finding(Verdict.INVALID, Method.NONE, str(error))
        if clash and isinstance(error, UnshapedDefinition) and error.name in {
                to_latex(tree) for tree in trees if isinstance(tree, A.Name)}:
            # C = Σ_i x_i^T x_i beside C = Σ_i x_i x_i^T: the reading makes the side C a
            # matrix of no declared shape, which the reading as numbers did not see
            return Finding(Verdict.UNDECIDED, Method.NONE, str(error))
        return None
    except Exception:  # noqa: BLE001 — a reading that cannot be built shows nothing
        return None


def _spelled_key(name: A.Name) -> str:
    """A layer's name as a shape can be declared for it, `A^{l-1}`, where its key spells
    the layer as a tree; any other name's key."""
    if len(name.sup) != 1 or name.suffix or name.primes:
        return name_key(name)
    sub = "_{" + ",".join(to_latex(ungroup(s)) for s in name.sub) + "}" if name.sub else ""
    return f"{name.base}{sub}^{{{to_latex(ungroup(name.sup[0]))}}}"


def _symmetric_reprieve(trees, link, context: Context, shapes: dict, budget: Budget,
                        decisions: tuple[str, ...]) -> list[str]:
    """The square matrices the shapes were inferred for whose being symmetric makes the
    step, wrong as read, hold (`\\nabla_s (q - As)^T W (q - As) = -2A^T W (q - As)`): those
    square by the step's first side and its definitions, not by the claim's own side. []
    when there are none, or the step stays wrong."""
    left = infer_shapes((trees[0], trees[0]), context)
    square = [name for name, (rows, cols) in shapes.items()
              if rows == cols and name in left and left[name][0] == left[name][1]]
    # a declared square matrix in what the first side differentiates: C of w^T C w
    first = {name_key(n) for tree in (trees[0], *_bodies_used(trees[:1], context),
                                      *(f.body for f in context.functions.values()))
             for n in walk(tree) if isinstance(n, A.Name)}
    square += sorted(name for name, dims in context.shapes.items()
                     if len(dims) == 2 and dims[0] == dims[1] and dims[0] != 1
                     and name in first and name not in square)
    kinds = context.conventions.get("symbols") or {}
    if not square or any(kinds.get(name) not in (None, "matrix") for name in square):
        return []
    symbols = {**kinds, **dict.fromkeys(square, "symmetric")}
    found = _read_with(trees, link, context, budget, shapes, symbols=symbols,
                       decisions=decisions)
    return square if found is not None and found.verdict == Verdict.VALID else []


def _with_inferred_shapes(trees, link: tuple[str, str, str], context: Context, budget: Budget,
                          decisions: tuple[str, ...]) -> Finding | None:
    """The step read with the shapes the text implies (`shape_inference`): X of `X^T(Xθ - y)`
    a matrix, θ and y vectors that fit it. Its verdict when that reading builds and decides
    (a value that differs, not a shape that does not fit, which would show only that the
    inferred shapes were wrong); None otherwise. A `\\cdot` between vectors is read both as
    the element-wise and as the dot product (`_agreed`)."""
    readings = [_inferred_reading(trees, link, context, budget, decisions)]
    if _dots_between_vectors(trees, context):
        dots = context.copy()
        dots.dot_products = True
        readings.append(_inferred_reading(trees, link, dots, budget, decisions))
    return _agreed(readings)


def _inferred_reading(trees, link: tuple[str, str, str], context: Context, budget: Budget,
                      decisions: tuple[str, ...]) -> Finding | None:
    shapes = infer_shapes(trees, context) or _definition_shapes(trees, context)
    square = False
    if not shapes:      # ∂(Ax)/∂x = Aᵀ: the capitals written as matrices, read square
        plausible = _plausible_shapes(trees, context, inverted=True)
        capitals = {name for name in plausible if name.lstrip("\\")[:1].isupper()}
        square = bool(capitals) and capitals <= _shown_as_matrices(trees, context)
        shapes = plausible if square else {}
    found = _read_with(trees, link, context, budget, shapes, decisions=decisions) \
        if shapes and _unshaped_capital(trees, context, shapes) is None else None
    if found is None or square and (_read_as_numbers_still(trees, context, shapes) or (
            found.verdict == Verdict.VALID and not _square_is_general(trees, context))):
        return None     # a name the square reading leaves a number may be a vector
    # a shape that does not fit shows only that inferred shapes were wrong, unless each
    # follows from declared ones (z of `z = W x + b`, W and x shaped): then it is the step's
    settled = not square and all(not str(d).startswith(FRESH)
                                 for dims in shapes.values() for d in dims)
    square = _symmetric_reprieve(trees, link, context, shapes, budget, decisions) \
        if found.verdict == Verdict.INVALID else []
    if square:
        return _symmetric_in_doubt(square)
    if found.verdict == Verdict.VALID or found.verdict == Verdict.INVALID \
            and (found.counterexample is not None or settled):
        said = ", ".join(f"{name} as {' × '.join(map(str, dims))}"
                         for name, dims in shapes.items())
        note = f"no shapes are declared: read with {said}, as the text implies"
        return dataclasses.replace(found, reading="; ".join(filter(None, (found.reading, note))),
                                   sizes_settled=settled)
    return None


def _read_with_definition_shapes(link, finding: Finding, context: Context,
                                 budget: Budget) -> Finding | None:
    """A step undecided as read for want of a name's shape, read again with the shapes the
    definitions give the names it uses from declared shapes (`_shaped_by_definitions`):
    its verdict when that reading decides, else None. Only when the doubt names a defined
    name with no declared shape (O of `\\frac{\\partial L}{\\partial O}`, z^{(2)} whose
    definition could not give its value), not for any other doubt. A step
    wrong so but right when a square matrix is symmetric (`\\nabla^2 f(x) = P` of
    f = ½ x^T P x + …) is undecided, naming it."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in link[:2])
    except NotationError:
        return None
    shaped, implied = _shaped_by_definitions(trees, context)
    named = set(implied) | {name_key(d.name) for d in context.definitions
                            if context.shape_of(name_key(d.name)) is None}
    if not implied or not any(re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z_^])",
                                        finding.message) for name in named):
        return None
    found = _find(link[0], link[1], link[2], shaped, budget)
    if found.verdict not in (Verdict.VALID, Verdict.INVALID):
        return None
    square = _symmetric_reprieve(trees, (link[0], link[2], link[1]), context, implied, budget,
                                 ()) if found.verdict == Verdict.INVALID else []
    if square:
        return _symmetric_in_doubt(square)
    said = ", ".join(f"{name} as {' × '.join(map(str, dims))}" for name, dims in implied.items())
    return dataclasses.replace(found, reading="; ".join(filter(None, (
        found.reading, f"read with {said}, as the definitions give them"))))


def _unread_kinds(context: Context) -> dict[str, str]:
    """The names declared with a kind derivcheck does not know (`y: onehot`): name -> kind."""
    return {str(name): str(kind) for name, kind in
            (context.conventions.get("symbols") or {}).items()
            if kind not in SYMBOL_KINDS and known_function(str(kind)) is None}


def _convention_doubt(link, finding: Finding, context: Context, budget: Budget) -> Finding:
    """A verdict where a convention was given a value not understood (`log: ten`): the
    step read with each value the convention may take keeps its verdict when they all
    give it, and is undecided, naming the convention, when they differ. A step that
    uses a name declared with a kind not understood (`y: onehot`) is undecided; so is a
    step shown wrong beside a convention derivcheck does not know (`case: i \\neq j`)."""
    for name, kind in _unread_kinds(context).items():
        if _uses_name(link[:2], name, context):
            return undecided(f"undecided: {name} is declared as '{kind}', which derivcheck "
                             "does not understand, and this step uses it; declare one of "
                             f"{', '.join(sorted(SYMBOL_KINDS))}, or a function's name")
    for key, written in context.unread_conventions.items():
        if key not in CONVENTIONS:
            if finding.verdict == Verdict.VALID:
                continue        # (a step right everywhere is right where a condition holds)
            return undecided(f"undecided: the convention '{written}' is not one derivcheck "
                             "knows, and it may restrict the step (a condition) or change "
                             "its reading; known: " + ", ".join(CONVENTIONS) + " (write a "
                             "condition in `given`)")
        verdicts = {}
        for value in sorted(CONVENTIONS[key] - {"e"}):
            found = _found_with_convention(link, context, key, value, budget)
            verdicts[value] = found.verdict if found is not None else Verdict.UNDECIDED
        if set(verdicts.values()) != {finding.verdict}:
            said = "; ".join(f"{key}: {value} gives {verdict}"
                             for value, verdict in verdicts.items())
            return undecided(f"undecided: the convention '{written}' is not understood, and "
                             f"the verdict turns on it ({said}); write one of "
                             f"{', '.join(sorted(CONVENTIONS[key]))}")
    return finding


def _found_with_convention(link, context: Context, key: str, value: str,
                           budget: Budget) -> Finding | None:
    """The link found again with one convention given a value (`softmax: rows`), the
    definitions read with it too; None when that reading cannot be built."""
    read = context.copy()
    read.conventions = {**context.conventions, key: value}
    read.unread_conventions = {other: written for other, written in
                               context.unread_conventions.items() if other != key}
    try:
        read.settle_given()
        return find(link[0], link[1], link[2], read, budget)
    except BudgetExceeded:
        raise
    except Exception:  # noqa: BLE001 — a reading that cannot be built decides nothing
        return None


def _uses_name(sides, name: str, context: Context) -> bool:
    """Whether the sides, or the definitions they rest on, write this name."""
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in sides)
        key = name_key(parse_side(spelled_greek(name)))
    except NotationError:
        return True
    return any(isinstance(node, A.Name) and key in (name_key(node), node.base)
               for tree in _trees_used(trees, context) for node in walk(tree))


def _softmax_in_doubt(sides, finding: Finding, context: Context) -> bool:
    """Whether an undecided step may turn on the axis of a softmax of a matrix: it says so,
    or it rests on a vector function (softmax, LSE) with no axis declared, and a declared
    shape is a matrix (of vectors only, both readings are the same one)."""
    if context.conventions.get(SOFTMAX_AXIS):
        return False
    if MATRIX_SOFTMAX in finding.message:
        return True
    if not any(len(dims) == 2 and 1 not in dims for dims in context.shapes.values()):
        return False
    try:
        trees = tuple(context.resolve(parse_side(side)).tree for side in sides)
    except NotationError:
        return False
    # (a loss defined nowhere rests on all of them: L after P = softmax(S), O = P V)
    return any(isinstance(node, A.Call) and node.callee == A.Callee.KNOWN
               and getattr(known_function(node.name), "takes_vector", False)
               for tree in (*_trees_used(trees, context),
                            *(d.body for d in context.definitions)) for node in walk(tree))


def _softmax_by_axes(link, context: Context, budget: Budget) -> Finding | None:
    """A step with softmax of a matrix, no axis declared, read row by row and column by
    column: the verdict when both readings give it (the step does not turn on the axis),
    undecided naming both when they differ; None when a reading cannot be built or the
    text declared an axis."""
    if context.conventions.get(SOFTMAX_AXIS):
        return None
    found = {axis: _found_with_convention(link, context, SOFTMAX_AXIS, axis, budget)
             for axis in ("rows", "columns")}
    if None in found.values():
        return None
    verdicts = {axis: f.verdict for axis, f in found.items()}
    if set(verdicts.values()) <= {Verdict.VALID, Verdict.INVALID} \
            and len(set(verdicts.values())) == 1:
        return dataclasses.replace(found["rows"], reading="; ".join(filter(None, (
            found["rows"].reading, "softmax of a matrix read row by row and column by "
            "column alike"))))
    if set(verdicts.values()) == {Verdict.VALID, Verdict.INVALID}:
        said = {Verdict.VALID: "holds", Verdict.INVALID: "does not hold"}
        return undecided(f"undecided: with softmax taken row by row the step "
                         f"{said[verdicts['rows']]}, and column by column it "
                         f"{said[verdicts['columns']]}; declare the axis (conventions: "
                         "{softmax: rows}) to check it")
    return None


def _symmetric_in_doubt(square: list[str]) -> Finding:
    """Undecided: the step holds only when these square matrices are symmetric."""
    return undecided(f"undecided: this holds when {', '.join(square)} is symmetric, as a "
                     "quadratic form's matrix often is, and not otherwise; the text may say "
                     f"so in words (declare symbols: {{{square[0]}: symmetric}})")


def _shaped_by_definitions(trees, context: Context) -> tuple[Context, dict]:
    """The context with the shapes its definitions give, from declared shapes, to the
    defined names the step uses and nothing declares (O of `O = P V`, P and V shaped), and
    those shapes: a copy, or the context itself and {} when there are none."""
    if not context.shapes:
        return context, {}
    implied = {name: dims for name, dims in _definition_shapes(trees, context).items()
               if context.shape_of(name) is None}
    if not implied:
        return context, {}
    shaped = context.copy()
    try:
        for name, dims in implied.items():
            shaped.add_shape(name, dims)
    except DerivcheckError:
        return context, {}
    return shaped, implied


def _definition_shapes(trees, context: Context) -> dict:
    """The shapes the definitions alone imply for the defined names a step uses, when each
    follows from declared shapes (z and b of `z = W x + b`, W and x shaped): a step that
    does not fit them is then wrong, not misread. {} when any is left open or they clash."""
    defined = {d.key for d in context.definitions} | {name_key(d.name)
                                                      for d in context.definitions}
    used = {name_key(n): n for tree in trees for n in walk(tree)
            if isinstance(n, A.Name) and name_key(n) in defined}
    shapes: dict = {}
    for node in used.values():
        for name, dims in infer_shapes((node, node), context).items():
            if shapes.setdefault(name, dims) != dims \
                    or any(str(d).startswith(FRESH) for d in dims):
                return {}
    # δ = ∂L/∂z of a loss L: a gradient has the shape of what it is taken by
    for d in context.definitions:
        body = ungroup(d.body)
        if name_key(d.name) in used and isinstance(body, A.Partial) \
                and isinstance(body.wrt, A.Name) and context.shape_of(name_key(d.name)) is None:
            dims = context.shape_of(name_key(body.wrt)) or shapes.get(name_key(body.wrt))
            if dims is not None:
                shapes.setdefault(name_key(d.name), list(dims))
    return shapes


def _square_is_general(trees, context: Context) -> bool:
    """Whether a step that holds for square matrices holds for every shape that fits: so
    when it is made of products, sums, transposes and traces alone (padding rectangular
    matrices with zeros keeps each), not of an inverse, a determinant, a power or the
    identity (`(X^T X)^{-1} X^T = X^{-1}` holds only for square X). The inverse of a name
    alone, where nothing else is inverted, is none of those: that name is square (`d(X^{-1})
    = -X^{-1} dX X^{-1}`)."""
    powers = [n for tree in _trees_used(trees, context) for n in walk(tree)
              if isinstance(n, A.Power)]
    if powers and all(to_latex(n.exponent) == "-1" and isinstance(n.base, A.Name)
                      for n in powers):
        powers = []
    return not powers and not any(isinstance(n, A.Call) and n.name in ("det", "inv")
                   or isinstance(n, A.Abs) or isinstance(n, A.Name) and n.base == IDENTITY
                   for tree in _trees_used(trees, context) for n in walk(tree))


def _read_as_numbers_still(trees, context: Context, shapes: dict) -> bool:
    """Whether, with these shapes added, the step may still read as a number a name that is
    a vector or matrix: it rests on definitions or functions (`\\hat{y} = softmax(\\theta)`,
    whose shapes the square reading does not follow), leaves a name of its own unshaped, or shows
    one transposed or bold. A verdict of that reading may rest on the misreading."""
    if _bodies_used(trees, context) or _used_functions(trees, context) \
            or _left_unshaped(trees, context, shapes):
        return True
    shaped = context.copy()
    try:
        for name, dims in shapes.items():
            shaped.add_shape(name, dims)
    except NotationError:
        return True
    return bool(_vectors_read_as_numbers(trees, shaped, exempt=False))


def _left_unshaped(trees, context: Context, shapes: dict) -> bool:
    """Whether a bare name of the step, or of what it rests on, is neither shaped (declared
    or in `shapes`), defined, nor an index: a reading that builds it as a number may
    misread a vector."""
    return any(not n.sub and not n.sup and n.base not in INDEX_LETTERS
               and (key := name_key(n)) not in shapes and context.shape_of(key) is None
               and not context.is_value(n.base) and not _is_constant(n)
               for tree in _trees_used(trees, context) for n in _names_outside_indices(tree))


def _names_outside_indices(node: A.Node):
    """The names of a tree, not those inside another name's indices (p of X_{pq})."""
    if isinstance(node, A.Name):
        yield node
        return
    for child in children(node):
        yield from _names_outside_indices(child)


def _kinds_read_as_numbers(trees, context: Context) -> list[str]:
    """The names the step uses whole that the conventions declare vectors or matrices
    (`symbols: {V: symmetric}`, `{Lambda_k: symmetric}` for each Λ_k) but that have no
    shape: they are built as numbers."""
    declared = context.conventions.get("symbols") or {}
    found: list[str] = []
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if not isinstance(node, A.Name) or node.sup:
            continue
        key = name_key(node)
        kind = declared.get(key) if node.sub else context.kind(key)   # w_i: w's entry
        if kind in ("vector", "matrix", "symmetric") and context.shape_of(key) is None \
                and to_latex(node) not in found:
            found.append(to_latex(node))
    return found


def _symmetric_convention(trees, link: tuple[str, str, str], context: Context,
                          budget: Budget, decisions: tuple[str, ...]) -> Finding | None:
    """`\\frac{d}{d\\Sigma} \\log|\\Sigma| = \\Sigma^{-1}` with Σ declared symmetric: wrong
    with its entries tied (Σ_12 = Σ_21, as derivcheck draws it), right with them apart, as
    many texts differentiate; which is meant is not said. Undecided when the step holds
    with the entries apart; None otherwise."""
    declared = dict(context.conventions.get("symbols") or {})
    by = {name_key(n.wrt) for tree in trees for n in walk(tree)
          if isinstance(n, A.Partial) and isinstance(n.wrt, A.Name)}
    tied = sorted(key for key in by if declared.get(key) == "symmetric")
    if not tied:
        return None
    apart = _read_with(trees, link, context, budget, {},
                       symbols={k: v for k, v in declared.items() if k not in tied},
                       decisions=decisions)
    if apart is None or apart.verdict != Verdict.VALID:
        return None
    return undecided(f"undecided: differentiated by {tied[0]}, declared symmetric, the step "
                     "does not hold with its entries tied (as drawn) and holds with them "
                     "apart, as many texts differentiate by a symmetric matrix; which is meant "
                     f"is not said (declare it a plain matrix, symbols: {{{tied[0]}: matrix}}, "
                     "if its entries are meant apart)")


def _determinant_in_doubt(trees, context: Context) -> str | None:
    """`\\lvert \\sigma^2 V \\rvert` with no shape for the capital V: |V| may be the
    determinant of a matrix, as statistics writes it, not the absolute value of a number.
    The capital, or None."""
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if isinstance(node, A.Abs):
            for name in (n for n in walk(node.operand) if isinstance(n, A.Name)):
                if is_capital(name) and context.shape_of(name_key(name)) is None \
                        and not context.is_value(name_key(name)):
                    return to_latex(name)
    return None


def _unshaped_capital(trees, context: Context, shapes: dict | None = None) -> str | None:
    """A capital that multiplies a name with a shape (declared, or in the inferred `shapes`)
    and has none of its own (`z^T \\Lambda_k z` with z a vector and the family Λ_k
    unshaped): read as a number, it would decide the step for a matrix. None if none."""
    def shaped(name: A.Name) -> bool:
        key = name_key(name)
        return key in (shapes or {}) or context.shape_of(key) is not None
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if not (isinstance(node, A.BinOp) and node.op in ("juxt", "*")):
            continue
        names = [ungroup(f.operand if isinstance(f, A.Transpose) else f)
                 for f in factors(node)]
        names = [n for n in names if isinstance(n, A.Name)]
        if any(shaped(n) for n in names):
            found = next((n for n in names if is_capital(n) and not shaped(n)), None)
            if found is not None:
                return node_text(found)
    return None


def _signed_part(trees, context: Context) -> tuple[str, str] | None:
    """`u_+` with u defined (`u = 1 - y w x`) and u_+ not: the hinge's positive part
    max(0, u), or a label of its own as p_{+} is; the reading is in doubt. The name and the
    defined one, or None."""
    defined = {name_key(d.name) for d in context.definitions} | set(context.values) \
        | set(context.functions)
    for tree in _trees_used(trees, context):
        for node in walk(tree):
            if isinstance(node, A.Name) and node.suffix in ("+", "-") and not node.sub:
                plain = name_key(dataclasses.replace(node, suffix=""))
                if plain in defined and name_key(node) not in defined:
                    return name_key(node), plain
    return None


def bars_as_means(trees, context: Context) -> list[str]:
    """`\\bar{x}` beside a sum over x_n: the mean of the x_n, as statistics writes it
    (`-N(\\bar{y} - \\beta_0 - \\beta_1 \\bar{x})` for `-\\sum_{n=1}^{N}(y_n - …)`). The
    definitions, as LaTeX, of each bar that nothing defines and whose letter one sum (one
    index, one range) indexes, in the trees or the definitions they rest on."""
    bars = {n for tree in trees for n in walk(tree) if isinstance(n, A.Name)
            and n.base.startswith(r"\bar{") and not n.sub and not n.sup and not n.primes}
    bars = {n for n in bars if not context.is_value(name_key(n)) and context.kind(n.base) is None}
    if not bars:
        return []
    used = _trees_used(trees, context)
    sums = [node for tree in used for _, node in subtrees(tree)
            if isinstance(node, A.SumOver) and node.index and isinstance(node.upper, A.Name)]
    out = []
    for bar in sorted(bars, key=lambda n: n.base):
        letter = bar.base[len(r"\bar{"):-1]
        ranges = {(node.index, to_latex(node.lower) if node.lower is not None else "1",
                   to_latex(node.upper)) for node in sums
                  if any(isinstance(n, A.Name) and n.base == letter and len(n.sub) == 1
                         and to_latex(n.sub[0]) == node.index and not n.sup
                         for n in walk(node.body))}
        if len(ranges) == 1 and not any(r[0] == letter for r in ranges):
            (index, lower, upper), = ranges
            out.append(f"{bar.base} = \\frac{{1}}{{{upper}}}\\sum_{{{index}={lower}}}^{{{upper}}} "
                       f"{letter}_{{{index}}}")
    return out


INTERNAL_ERROR = "please report it"   # the words that mark an error derivcheck did not expect


def _raised_in_sympy(error: BaseException) -> bool:
    """Whether the error comes from inside SymPy (a limit of its algebra, such as a
    derivative with respect to an expression), not from derivcheck's own code."""
    frames = traceback.extract_tb(error.__traceback__) if error.__traceback__ else []
    return bool(frames) and f"{os.sep}sympy{os.sep}" in frames[-1].filename


def failed(error: BaseException) -> Finding:
    """What a check that raised `error` found: the reason, never a traceback.

    A shape that cannot fit is invalid (as a ShapeError always is); text that cannot be read
    is unparseable, text read without a checkable meaning undecided; a limit reached, a
    number too large and the like are undecided, naming the cause. Anything else is
    undecided and asks to be reported.
    """
    if isinstance(error, NotationError):
        return not_read(error)
    if isinstance(error, DefinitionShapeError):
        return undecided(f"undecided: a definition this step rests on does not fit the "
                         f"shapes as read ({error}), so the step is not shown wrong; declare "
                         "the shapes its names have (a bias added to every row is [1, n])")
    if isinstance(error, BroadcastShapeError):
        return undecided(f"undecided: {error}; whether that is meant the text does not say, "
                         "so the step is not shown wrong (write the repetition, as "
                         "\\mathbf{1} b^T for a row b repeated down the rows, to say it)")
    if isinstance(error, (ShapeError, NonSquareMatrixError, sympy.ShapeError)):
        message = str(error) or "the shapes of the matrices here do not fit"
        return Finding(Verdict.INVALID, Method.NONE, message,
                       diagnosis=D.Diagnosis("shape", message))
    if isinstance(error, BudgetExceeded):
        return Finding(Verdict.UNDECIDED, Method.TIMEOUT,
                       f"undecided: the wall-clock safety net fired ({error})")
    if isinstance(error, MemoryError):
        return Finding(Verdict.UNDECIDED, Method.MEMORY,
                       "undecided: this needed more memory than allowed")
    return undecided(_undecided_because(error))


def _require_not_at_unknown_points(sides: Sides) -> None:
    """`f(1) = 1.86` with f defined nowhere: a value at a point of a function nothing
    defines is any number, so sides that differ only there show no mistake."""
    pair = (sides.lhs, sides.rhs)
    calls = sorted({str(call) for side in pair if isinstance(side, sympy.Basic)
                    for call in side.atoms(AppliedUndef)})
    if calls and not any(_free(side) for side in pair):
        raise MeaningError(f"{calls[0]} is the value at a point of a function defined nowhere "
                           "here, so it stands for any number and there is nothing to check "
                           "it against", "", None, "Define the function to check this.")


def _undecided_because(error: BaseException) -> str:
    if isinstance(error, WorkLimitExceeded):
        return f"undecided: {error}"
    if isinstance(error, RecursionError):
        return "undecided: the expression is nested too deeply to evaluate"
    if isinstance(error, OverflowError):
        return "undecided: a number here is too large to compute with"
    if isinstance(error, ZeroDivisionError):
        return "undecided: a side divides by zero"
    if isinstance(error, (ValueError, TypeError, NotImplementedError)) \
            and _raised_in_sympy(error):
        lines = [line for line in str(error).splitlines() if line.strip()]
        first = lines[0][:160] if lines else type(error).__name__
        return f"undecided: SymPy cannot evaluate this ({first})"
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    at = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
    return (f"undecided: derivcheck could not check this ({type(error).__name__}{at}); "
            f"{INTERNAL_ERROR}")


def failed_link(left: str, right: str, relation: str, error: BaseException) -> LinkResult:
    """The link `left relation right` whose check raised `error` (see `failed`)."""
    return failed(error).link(left, right, relation)


def instances_for(lhs_node, rhs_node, context: Context) -> list[Instance]:
    in_definitions = set()
    for d in context.definitions:
        in_definitions |= free_index_letters(d.body) - free_index_letters(d.name)
    for f in _used_functions((lhs_node, rhs_node), context):
        # y_i(x) = e^{x_i} / …: i indexes the family
        in_definitions |= free_index_letters(f.body) - set().union(
            *map(free_index_letters, f.parameters))
    letters = sorted((free_index_letters(lhs_node) | free_index_letters(rhs_node)
                      | in_definitions | class_labels((lhs_node, rhs_node), context)
                      | compared_letters((lhs_node, rhs_node), context)
                      | generic_indices((lhs_node, rhs_node), context)
                      | _generic_beside_sums((lhs_node, rhs_node)))
                     - {d.name.base for d in context.definitions})
    known = index_ranges(letters, (lhs_node, rhs_node), context)
    counts = sum_bound_sizes((lhs_node, rhs_node), context)
    bounds = sorted(set(counts) | sum_bound_names((lhs_node, rhs_node), context, letters))
    listed = _listed_count((lhs_node, rhs_node), context)
    if listed:
        counts, bounds = [listed[0]], [listed[0]]   # \frac1n \sum_i x_i, x = [1, 2, 3, 7]
    elif not bounds and (implicit := _implicit_count((lhs_node, rhs_node), context)):
        counts, bounds = [implicit], [implicit]      # \sum_i 1 = n: the sum runs to n
    # `m = n` said (a case) or a bound the context defines: the sizes are tied
    tied = _bound_by_value((lhs_node, rhs_node), context) or any(
        left in bounds and right in bounds and relation == "="
        for left, relation, right in context.cases)
    first = _first_steps((lhs_node, rhs_node), context)
    start, starts = _first_index((lhs_node, rhs_node), context, letters)   # 0: sums from 0
    # `j = 0: …` (θ_0, a bias): a case that fixes a letter at a number is that index alone,
    # wherever the letter's range would start
    fixed = {left: int(right) for left, relation, right in context.cases
             if relation == "=" and left in letters and right.isdigit()}
    out = []
    run = _listed_run((lhs_node, rhs_node), context) if not bounds else None
    # ∂L/∂w_3 beside L = w_1 x_1 + … + w_n x_n: a size below the member written leaves it out
    least = _largest_member((lhs_node, rhs_node)) if bounds and not tied else 0
    # (two sizes always: a claim right only where the bound is the member's number is not)
    for size in (run,) if run else (3, 2) if least <= 2 else (least, least + 1):
        sizes = dict.fromkeys(bounds, size) if tied else bound_sizes(bounds, size)
        if listed:
            sizes[listed[0]] = listed[1]
        ranges = []
        for letter in letters:
            begin, bound = starts.get(letter, (start, None))
            # a letter whose names the sums run over to a bound (\sum_{k=0}^{n} a_k) takes
            # every value they reach, the bound too
            last = size - 1 + begin if bound is None else sizes.get(bound[0], size) + bound[1]
            ranges.append(range(fixed[letter], fixed[letter] + 1) if letter in fixed else
                          range(min(first.get(letter, begin), known.get(letter, last)),
                                known.get(letter, last) + 1))
        combos = [c for c in itertools.product(*ranges)
                  if context.admits(dict(zip(letters, c, strict=True)))]   # case assumptions
        if len(combos) > MAX_INDEX_INSTANCES:
            combos = combos[:: max(1, len(combos) // MAX_INDEX_INSTANCES)][:MAX_INDEX_INSTANCES]
        for combo in combos:
            out.append(Instance(dict(zip(letters, combo, strict=True)), dict(sizes), size,
                                counts=frozenset(counts)))
    return out


def _largest_member(trees: tuple) -> int:
    """The largest number the trees write as a name's one subscript (3 of w_3), or 0; past
    the default sizes (say 12) it is not read: the sizes stay the defaults."""
    numbers = [int(n.sub[0].text) for tree in trees for n in walk(tree)
               if isinstance(n, A.Name) and len(n.sub) == 1 and isinstance(n.sub[0], A.Num)
               and n.sub[0].text.isdigit()]
    largest = max(numbers, default=0)
    return largest if largest <= MAX_MEMBER_SIZE else 0


MAX_MEMBER_SIZE = 6     # the largest size an instance takes for a member a claim writes


def _implicit_count(trees: tuple, context: Context) -> str | None:
    """`\\sum_i 1 = n`, `\\delta_{ii} = d`: the one sum written without bounds, over what no
    shape sizes, beside one size letter the step uses as a value and nothing else gives a
    meaning (no definition, value, kind or shape): that letter counts the sum's terms. Not
    when the sum's terms write the letter (`\\sum_k \\binom{n}{k}` runs from 0), nor beside
    a second such sum over other names (which would run to the same letter unsaid): the
    sums of `\\mu = \\frac1n \\sum_k x_k` and `\\sigma^2 = \\frac1n \\sum_k (x_k - \\mu)^2` run
    over the entries of one x, so n counts both."""
    used = _trees_used(trees, context)
    unbounded = [node for tree in used for node in walk(tree)
                 if isinstance(node, A.SumOver) and node.upper is None and node.lower is None
                 and not node.stacked]
    if not unbounded or context.shapes or len(unbounded) > 1 and (
            len(entries := {_entries_summed(node) for node in unbounded}) != 1
            or not entries.pop()):
        return None
    # (a mean's 1/n in the terms is a scale, not a count's own term)
    scales = {id(ungroup(b.right)) for node in unbounded for b in walk(node.body)
              if isinstance(b, A.BinOp) and b.op == "/" and isinstance(ungroup(b.right), A.Name)}
    in_terms = {n.base for node in unbounded for n in walk(node.body)
                if isinstance(n, A.Name) and id(n) not in scales}
    letters = {canonical(n.base, (), (), n.suffix, 0) for tree in used
               for n in _values_outside_indices(tree) if n.base in SIZE_LETTERS}
    letters = {label for label in letters if not context.is_value(label)
               and context.kind(label) is None and label not in in_terms
               and not any(d.key == label for d in context.definitions)}
    return letters.pop() if len(letters) == 1 else None


def _entries_summed(node: A.SumOver) -> frozenset[tuple[str, str]]:
    """The names a sum's terms take entries of by its letter: x of `\\sum_k (x_k - \\mu)^2`."""
    return frozenset((n.base, n.suffix) for n in walk(node.body) if isinstance(n, A.Name)
                     and len(n.sub) == 1 and isinstance(n.sub[0], A.Name)
                     and n.sub[0].base == node.index and not n.sub[0].sub)


def _listed_count(trees: tuple, context: Context) -> tuple[str, int] | None:
    """`\\bar x = \\frac{1}{n}\\sum_i x_i` with x = [1, 2, 3, 7]: every sum of the step runs
    from 1 over the entries of vectors given as lists of one length, without a bound or to
    one size letter, and the step's one size letter that nothing else gives a meaning counts
    them: (the letter, the lists' length)."""
    used = _trees_used(trees, context)
    sums = [node for tree in used for node in walk(tree)
            if isinstance(node, A.SumOver) and not node.stacked and not node.product]
    if not sums or context.shapes:
        return None
    lengths, uppers = set(), set()
    for node in sums:
        bound = size_bound(node.upper)
        if node.index is None or node.exclude is not None \
                or (node.lower is not None and to_latex(node.lower) != "1") \
                or (node.upper is not None and (bound is None or bound[1] != 0)):
            return None
        if bound is not None:
            uppers.add(canonical(bound[0].base, (), (), bound[0].suffix, 0))
        indexed = [n for n in walk(node.body) if isinstance(n, A.Name) and len(n.sub) == 1
                   and isinstance(n.sub[0], A.Name) and n.sub[0].base == node.index]
        listed = {context.listed_length(canonical(n.base, (), (), n.suffix, n.primes))
                  for n in indexed}
        if not indexed or None in listed:
            return None
        lengths |= listed
    # the letter counts: a sum's bound or a denominator (1/n), never an exponent, a centre
    # (x_i - m) or a variable of differentiation
    counted = _counts(trees, context)
    varied = {m.base for tree in used for n in walk(tree) if isinstance(n, A.Partial)
              for m in walk(n.wrt) if isinstance(m, A.Name)}
    letters = {canonical(n.base, (), (), n.suffix, 0) for tree in used
               for n in _values_outside_indices(tree) if n.base in SIZE_LETTERS}
    letters = {label for label in letters | uppers if not context.is_value(label)
               and context.kind(label) is None and label in counted and label not in varied
               and not any(d.key == label for d in context.definitions)}
    if len(lengths) != 1 or len(letters) != 1 or not uppers <= letters:
        return None
    return letters.pop(), lengths.pop()


def _first_index(trees: tuple, context: Context, letters) -> tuple[int, dict[str, tuple]]:
    """The first value of an index: 0 where every sum with a written start counts from 0
    (`\\sum_{q=0}^{N-1}`, as code-minded notes write), else 1; and the free letters that
    count from where the sums over their names do, when sums from 0 stand beside sums from
    1 over other names (`_first_index_by_family`). Otherwise such sums leave which values a
    free letter takes unsaid: undecided."""
    starts = {node.lower.text for tree in _trees_used(trees, context) for node in walk(tree)
              if isinstance(node, A.SumOver) and isinstance(node.lower, A.Num)}
    by_family = _first_index_by_family(trees, context, letters) \
        if "0" in starts and starts - {"0"} else None
    if "0" in starts and starts - {"0"} and by_family is None:
        raise MeaningError("sums here count from 0 and from " + min(starts - {"0"}) + ", so "
                           "which values a letter free of them takes is not said", "", None,
                           "Write every sum from the same first index.")
    offsets: dict[str, set[int]] = {}      # \sum_{k=0}^{N} beside \sum_{q=0}^{N-1}
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if isinstance(node, A.SumOver) and isinstance(node.lower, A.Num) \
                and (bound := size_bound(node.upper)) is not None:
            offsets.setdefault(bound[0].base, set()).add(bound[1])
    unequal = sorted(size for size, seen in offsets.items() if len(seen) > 1)
    if "0" in starts and unequal:
        raise MeaningError(f"sums here run to {unequal[0]} and to {unequal[0]} less one, so "
                           "how many terms each has is not said", "", None,
                           "Write every sum over the same entries with the same bounds.")
    shaped = sorted(name_key(n) for tree in _trees_used(trees, context) for n in walk(tree)
                    if isinstance(n, A.Name) and context.shape_of(name_key(n)) is not None)
    if starts == {"0"} and shaped:
        raise MeaningError(f"a sum counts from 0 while {shaped[0]} has a shape, whose entries "
                           "derivcheck numbers from 1", "", None,
                           "Write the sum from 1 to the size.")
    if by_family is not None:
        return 1, by_family
    return (0 if starts == {"0"} else 1), {}


def _listed_run(trees: tuple, context: Context) -> int | None:
    """`\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}` with `z = [1, 2]`: every
    sum without bounds runs over the entries of names given as lists of one length, which
    is then the only size. None otherwise."""
    used = _trees_used(trees, context)
    sums = [node for tree in used for node in walk(tree) if isinstance(node, A.SumOver)
            and not node.stacked and node.lower is None and node.upper is None]
    lengths = set()
    for node in sums:
        indexed = [n for n in walk(node.body) if isinstance(n, A.Name) and len(n.sub) == 1
                   and isinstance(n.sub[0], A.Name) and n.sub[0].base == node.index]
        listed = {context.listed_length(canonical(n.base, (), (), n.suffix, n.primes))
                  for n in indexed}
        if not indexed or None in listed or node.exclude is not None:
            return None
        lengths |= listed
    return lengths.pop() if len(lengths) == 1 and not context.shapes else None


def _first_index_by_family(trees: tuple, context: Context,
                           letters) -> dict[str, tuple] | None:
    """Sums from 0 beside sums from 1 over other names (`\\sum_{k=0}^{n} \\theta_k x_k^{(i)}`
    inside `\\sum_{i=1}^{m}`): each free letter counts from where the sums over the names it
    indexes count (j of θ_j from 0), to where they end: letter -> (first value, (bound,
    offset) or None). None when a letter indexes names of both kinds, or none that a sum
    with a written start indexes."""
    used = [n for tree in _trees_used(trees, context) for n in walk(tree)]
    if any(isinstance(n, A.SumOver) and not n.stacked and not isinstance(n.lower, A.Num)
           for n in used):
        return None             # \sum_{k \neq j}^{n}: where it starts is the free letters' too
    begins: dict[tuple[str, int], set[tuple]] = {}
    for total in used:
        if isinstance(total, A.SumOver) and isinstance(total.lower, A.Num) \
                and total.lower.text in ("0", "1") and total.index:
            bound = size_bound(total.upper)
            top = (canonical(bound[0].base, (), (), bound[0].suffix, 0), bound[1]) \
                if bound is not None else None
            for n in walk(total.body):
                if isinstance(n, A.Name):
                    for slot in range(len(_slots(n))):
                        if _slot_letter(n, slot) == total.index:
                            begins.setdefault((n.base, slot), set()).add(
                                (int(total.lower.text), top))
    scripts: dict[str, set[int]] = {}       # θ_j beside θ_{ij}: which θ is not said
    for n in used:
        if isinstance(n, A.Name) and n.sub:
            scripts.setdefault(n.base, set()).add(len(n.sub))
    out = {}
    for letter in letters:
        named = [(n, slot) for tree in trees for n in _free_names(tree, frozenset())
                 for slot in range(len(_slots(n))) if _slot_letter(n, slot) == letter]
        found = {b for n, slot in named for b in begins.get((n.base, slot), ())}
        if len(found) != 1 or any(len(scripts.get(n.base, ())) > 1 for n, _ in named):
            return None
        out[letter] = found.pop()
    return out


def _first_steps(trees: tuple, context: Context) -> dict[str, int]:
    """The first value of each step letter that a claim writes a step back (`x_{t-1}`)
    beside a recurrence (`h_t = \\tanh(w h_{t-1} + u x_t)`): at t = 1 the claim reads the
    sequence's start (h_0, x_0), not the step it is about, so it is checked from t = 2 on."""
    recursive = {family_of(name_key(d.name)) for d in context.definitions
                 if free_index_letters(d.name) and any(
                     isinstance(n, A.Name) and family_of(name_key(n)) == family_of(
                         name_key(d.name)) and n is not d.name for n in walk(d.body))}
    if not recursive:
        return {}
    first: dict[str, int] = {}
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.Name) and len(node.sub) == 1 and letter_offset(node.sub[0]) \
                and node.sub[0].op == "-":
            letter, back = node.sub[0].left.base, int(node.sub[0].right.text)
            first[letter] = max(first.get(letter, 1), 1 + back)
    return first


def class_labels(trees, context: Context) -> set[str]:
    """The class labels (y, t) the trees, or the definitions they rest on, index with and
    never use as values: `f_y`, `s_{y_i}`, `\\sum_{j \\neq y_i}`. Each is an index of the
    instances, as a free index is: the entry at the label is one of the entries (f_y is f_2
    where y = 2), so a derivative by f_k sees it where k = y. A label used as a value too
    (`y_i \\log p_i`), or one the context defines or declares, is not one."""
    used = _trees_used(trees, context)
    indexing: set[str] = set()
    valued: set[str] = set()
    for tree in used:
        _label_uses(tree, indexing, valued, inside=False)
    # y_i and y_j, or y_i under a sum over i: labels of several samples, which one value
    # for every sample would make equal (s_{y_i} = s_{y_j} would hold): not an index then
    samples: dict[str, set[str]] = {}
    summed = {n.index for tree in used for n in walk(tree) if isinstance(n, A.SumOver)}
    for tree in used:
        for n in walk(tree):
            if isinstance(n, A.Name) and n.base in LABEL_LETTERS and len(n.sub) == 1 \
                    and isinstance(n.sub[0], A.Name):
                samples.setdefault(n.base, set()).add(n.sub[0].base)
    several = {label for label, letters in samples.items()
               if len(letters) > 1 or letters & summed}
    return {letter for letter in indexing - valued - INDEX_LETTERS - several
            if not context.is_value(letter) and context.kind(letter) is None
            and context.shape_of(letter) is None}


def compared_letters(trees, context: Context) -> set[str]:
    """Letters that a Kronecker delta compares (`\\delta_{pq}`): they may be equal, so they
    run over the entries as index letters do, whatever the letter (p and q are not index
    letters elsewhere, and read as two fixed labels they were never equal)."""
    out: set[str] = set()
    for tree in trees:
        for node in walk(tree):
            if isinstance(node, A.Name) and node.base == r"\delta" and len(node.sub) == 2 \
                    and not node.sup and all(isinstance(s, A.Name) and not s.sub and not s.sup
                                             and len(s.base) == 1 for s in node.sub):
                out |= {s.base for s in node.sub}
    return {letter for letter in out - INDEX_LETTERS
            if not context.is_value(letter) and context.kind(letter) is None
            and not context.is_value(r"\delta")}


def generic_indices(trees, context: Context) -> set[str]:
    """p and q in `\\frac{\\partial \\mathrm{MSE}}{\\partial \\hat{y}_p}` where MSE sums
    \\hat{y}_i: letters of a generic entry that index a family the definitions index with
    index letters. They run over its entries as i does (read as fixed labels, \\hat{y}_p
    was no entry of the sum). A letter a definition's own name carries is left alone."""
    indexed = {(n.base, len(n.sub)) for d in context.definitions for tree in (d.name, d.body)
               for n in walk(tree) if isinstance(n, A.Name) and n.sub
               and any(isinstance(s, A.Name) and s.base in INDEX_LETTERS for s in n.sub)}
    # (or with numbers: w_{2,s}^{(1)} beside w_{2,1}^{(1)} and w_{2,2}^{(1)} is one of them,
    # where every family the letter indexes is written to the same last member)
    numbered = {(n.base, len(n.sub)) for d in context.definitions for tree in (d.name, d.body)
                for n in walk(tree) if isinstance(n, A.Name) and n.sub
                and any(isinstance(s, A.Num) for s in n.sub)} - indexed
    uses = [(n, slot) for tree in trees for n in walk(tree) if isinstance(n, A.Name)
            for n in (_suffix_as_index(n, GENERIC_INDEX_LETTERS),)
            for slot in range(len(_slots(n))) if _slot_letter(n, slot) in GENERIC_INDEX_LETTERS]
    written = numbered & {(n.base, len(n.sub)) for n, _ in uses}
    if written:                 # (the numbered names gathered once, for what the step uses)
        members = _numbered_names(context)
        indexed |= {family for family in written if _members_agree(family, uses, members)}
    named = {s.base for d in context.definitions for s in (*d.name.sub, *d.name.sup)
             if isinstance(s, A.Name)} | {d.name.suffix for d in context.definitions}
    out = set()
    for tree in trees:
        for n in walk(tree):
            if isinstance(n, A.Name) and (n.base, len(n.sub)) in indexed:
                out |= {s.base for s in n.sub if isinstance(s, A.Name) and s.base in
                        GENERIC_INDEX_LETTERS and not s.sub and not s.sup}
            if isinstance(n, A.Name) and n.suffix in GENERIC_INDEX_LETTERS \
                    and (n.base, 1) in indexed and not n.sub:
                out.add(n.suffix)                          # \hat{y}_p read with p a label
    return {letter for letter in out - named
            if not context.is_value(letter) and context.kind(letter) is None}


def _members_agree(family: tuple[str, int], uses: list, members: list[A.Name]) -> bool:
    """Whether the generic letters that index a numbered family (in `uses`, the names a
    step indexes by a generic letter, and where) index only families written to the same
    last member among `members` (`\\partial w_s` beside `x_s`, with w_1, w_2 and x_1, x_2
    written; with w_3 written too, which values it takes is in doubt)."""
    letters = {_slot_letter(n, slot) for n, slot in uses if (n.base, len(n.sub)) == family}
    lasts = {max((int(_slots(m)[slot].text) for m in members if _same_family(n, m, slot)),
                 default=0)
             for n, slot in uses if _slot_letter(n, slot) in letters}
    if len(lasts - {0}) > 1:
        raise MeaningError(f"{min(letters)} indexes names written with different numbers of "
                           f"members (up to {', '.join(map(str, sorted(lasts - {0})))}), so "
                           "which values it takes is not said", "", None,
                           "Write the step for one member, or with an index letter over a "
                           "sum.")
    return len(lasts) == 1 and lasts.pop() >= 2


def _generic_beside_sums(trees) -> set[str]:
    """p and q of `\\frac{\\partial (A_{ij} X_{jk} B_{ki})}{\\partial X_{pq}}` beside
    sums over the whole range of their indices (`\\sum_j`, or index notation's): letters
    of a generic entry, subscripts of the names the sums index, run over the entries too."""
    sums = [n for tree in trees for n in walk(tree)
            if isinstance(n, A.SumOver) and n.index and n.lower is None and n.upper is None]
    summed = {(n.base, len(n.sub)) for total in sums for n in walk(total.body)
              if isinstance(n, A.Name) and any(isinstance(s, A.Name) and s.base == total.index
                                               for s in n.sub)}
    return {s.base for tree in trees for n in walk(tree)
            if isinstance(n, A.Name) and (n.base, len(n.sub)) in summed for s in n.sub
            if isinstance(s, A.Name) and s.base in GENERIC_INDEX_LETTERS and not s.sub
            and not s.sup}


def _label_uses(node: A.Node, indexing: set[str], valued: set[str], inside: bool) -> None:
    """Sort the label letters of a tree into those that index (inside a subscript, a sum's
    bounds, an equality indicator) and those that stand as values."""
    if isinstance(node, A.Name):
        if node.suffix in LABEL_LETTERS and not node.sub:
            indexing.add(node.suffix)                    # f_y: the suffix is the label
        if node.base in LABEL_LETTERS and (not node.sub or len(node.sub) == 1
                                           and isinstance(node.sub[0], A.Name)
                                           and node.sub[0].base in INDEX_LETTERS) \
                and not node.sup and not node.primes:
            (indexing if inside else valued).add(node.base)
        for part in (*node.sub, *node.sup):
            _label_uses(part, indexing, valued, inside=True)
        return
    if isinstance(node, A.Indicator) and node.relation in ("==", "!="):
        # k = y_i compares indices; y = 1 gives the label a number: a value (binary)
        compares = not any(isinstance(side, A.Num) for side in (node.lhs, node.rhs))
        for side in (node.lhs, node.rhs):
            _label_uses(side, indexing, valued, inside=compares)
        return
    if isinstance(node, A.SumOver):
        for part in (node.lower, node.upper, node.exclude):
            if part is not None:
                _label_uses(part, indexing, valued, inside=True)
        _label_uses(node.body, indexing, valued, inside)
        return
    for child in children(node):
        _label_uses(child, indexing, valued, inside)


def bound_sizes(bounds: Sequence[str], size: int) -> dict[str, int]:
    """The sizes of the names that bound sums in one instance.

    The instance of size 2 gives each name a size of its own (2, 3, 4, … in name order), so
    that a sum to n written for a sum to m (`\\sum_{i=1}^{n} x_i = \\sum_{i=1}^{m} x_i`) is
    told apart; no size is below 2, so a free index (1 or 2 there) lies inside every sum.
    """
    if size != SPREAD_SIZE:
        return dict.fromkeys(bounds, size)
    return {name: size + k for k, name in enumerate(sorted(bounds))}


def _bound_by_value(trees, context: Context) -> bool:
    """Whether a sum runs to a name the context defines (`m = n`, then a sum to m): the
    sizes are tied by the definition, so they are not told apart (see `bound_sizes`)."""
    return any(isinstance(node, A.SumOver) and (bound := size_bound(node.upper)) is not None
               and context.is_value(bound[0].base)
               for tree in (*trees, *_bodies_used(trees, context)) for _, node in subtrees(tree))


def sum_bound_names(trees, context: Context, letters: Sequence[str]) -> set[str]:
    """The bare names that bound a sum in the trees or the definitions they use, other than
    quantities and index letters: the sizes the sums run to (`n` of `\\sum_{i=1}^{n}`)."""
    out = set()
    for tree in _trees_used(trees, context):
        for _, node in subtrees(tree):
            bound = size_bound(node.upper) if isinstance(node, A.SumOver) else None
            upper = bound[0] if bound is not None else None
            if upper is not None and upper.base not in letters \
                    and not context.is_value(upper.base):
                out.add(canonical(upper.base, (), (), upper.suffix, 0))
    return out


def _used_functions(trees, context: Context) -> list:
    """The defined functions the sides, or the definitions they rest on, call or name, and
    the functions those call in turn."""
    if not context.functions:
        return []
    named = named_functions([*trees, *(d.written or d.body for d in context.definitions)])
    used: list = []
    while True:         # and the functions those call: \ell(\lambda) = \log L(\lambda)
        more = [f for key, f in context.functions.items()
                if family_of(key) in named and f not in used]
        if not more:
            return used
        used += more
        named |= named_functions([f.body for f in more])


def sum_bound_sizes(trees, context: Context) -> list[str]:
    """Names declared `positive` (or `constant`) that bound a sum: sizes in this claim.

    `\\sum_{i=1}^{m}` with `symbols: {m: positive}` counts m samples, so m is a whole number:
    in a claim that sums to m (or whose definitions do), m is the instance's size everywhere,
    `\\frac{1}{m}` included, and the claim must hold at every size tried.
    """
    out = set()
    used = _trees_used(trees, context)      # a function's body too: \ell(\mu) = \sum_i^n …
    values = {canonical(n.base, (), (), n.suffix, 0) for tree in used
              for n in _values_outside_indices(tree)}
    for tree in used:
        for _, node in subtrees(tree):
            bound = size_bound(node.upper) if isinstance(node, A.SumOver) else None
            if bound is None:
                continue
            upper = bound[0]
            label = canonical(upper.base, (), (), upper.suffix, 0)
            # declared a count, or a free name the claim also uses as a value: the number of
            # terms, \sum_{i=1}^{n} 1 = n
            if context.is_size_name(upper) or (label in values and not context.is_value(label)
                                               and context.kind(label) is None):
                out.add(label)
    return sorted(out)


def _values_outside_indices(tree: A.Node):
    """The bare names a tree uses as values: not as indices, bounds or variables."""
    if isinstance(tree, A.Name):
        if not tree.sub and not tree.sup and not tree.primes:
            yield tree
        return
    if isinstance(tree, A.SumOver):
        yield from _values_outside_indices(tree.body)
        return
    if isinstance(tree, A.Partial):
        for part in (tree.numerator, tree.operand):
            if part is not None:
                yield from _values_outside_indices(part)
        return
    for child in children(tree):
        yield from _values_outside_indices(child)


def index_ranges(letters, trees, context: Context) -> dict[str, int]:
    """How far each free index runs, where the context's names fix it.

    `a_j^{(1)}` in a network whose context names `a_1^{(1)}` and `a_2^{(1)}` only runs over
    j = 1, 2: the range is the largest whole-number subscript the context gives that family
    (same base and decorations, same numbers in the other positions) in the position where
    j stands. Over several uses the smallest such range holds; a letter whose family the
    context never numbers (or numbers only once) keeps the default sizes.
    """
    named = [_suffix_as_index(node, letters) for tree in trees
             for node in _free_names(tree, frozenset())]
    uses = [(node, slot) for node in named for slot in range(len(node.sub) + len(node.sup))]
    uses = [(node, slot) for node, slot in uses if _slot_letter(node, slot) in letters
            and not _has_shape(node, context)]
    if not uses:
        return {}
    numbered = _numbered_names(context)
    out: dict[str, int] = {}
    for node, slot in uses:
        largest = max((int(_slots(n)[slot].text) for n in numbered
                       if _same_family(node, n, slot)), default=0)
        letter = _slot_letter(node, slot)
        if largest >= 2:
            out[letter] = min(out.get(letter, largest), largest)
    if context.summed_ranges:
        for letter, bound in _summed_bounds(uses, numbered, trees, context).items():
            out[letter] = min(out.get(letter, bound), bound)
    return out


def _summed_bounds(uses, numbered: list[A.Name], trees, context: Context) -> dict[str, int]:
    """\\frac{\\partial}{\\partial w_{jk}} \\sum_{i=1}^{2} z_i w_{ik} = z_j: j is one of the
    i, when every use of j is a slot a sum runs over to one printed bound, no member past it
    is written (w_3 beside \\sum_{i=1}^{2} w_i x_i) and no shape says how far it runs
    (x_j with x = (x_1, x_2, x_3)): {letter: the bound}. The second reading of
    `_summed_range_doubt`, which never makes a step valid."""
    used = _trees_used(trees, context)
    summed = _summed_to_numbers(used)
    if not summed:
        return {}
    written = [_digits_paired(n) for tree in (*used, *(d.name for d in context.definitions),
                                              *(d.written or d.body for d in context.definitions))
               for n in walk(tree) if isinstance(n, A.Name)]
    shapes = {name.split("_")[0].split("^")[0] for name in context.shapes}
    summed_to: dict[str, set] = {}      # a letter -> the bounds of its uses (None: none)
    for node, slot in uses:
        members = max((int(_slots(n)[slot].text) for n in (*numbered, *written)
                       if _same_family(node, n, slot)), default=0)
        bounds = {upper for name, at, upper in summed if at == slot
                  and _same_family(node, name, slot)}
        fits = len(bounds) == 1 and members <= min(bounds) \
            and not {node.base, node.base.upper()} & shapes
        summed_to.setdefault(_slot_letter(node, slot), set()).add(min(bounds) if fits else None)
    shaped = {letter for tree in trees for n in walk(tree) if isinstance(n, A.Name)
              and _has_shape(n, context) for letter in free_index_letters(n)}
    return {letter: bounds.pop() for letter, bounds in summed_to.items()
            if len(bounds) == 1 and None not in bounds and letter not in shaped
            and min(bounds) >= 2}


def _digits_paired(name: A.Name) -> A.Name:
    """`w_{31}` as `w_{3,1}`: two digits, the row and column they are beside w_{jk}."""
    if len(name.sub) == 1 and isinstance(name.sub[0], A.Num) and len(name.sub[0].text) == 2 \
            and name.sub[0].text.isdigit():
        return dataclasses.replace(name, sub=tuple(A.Num(d, name.sub[0].pos + k)
                                                   for k, d in enumerate(name.sub[0].text)))
    return name


def _summed_to_numbers(trees) -> list[tuple[A.Name, int, int]]:
    """(a name the terms of a sum from 1 to a printed number write, the slot the sum's
    letter takes, that number) for each: (w_{ik}, 0, 2) of `\\sum_{i=1}^{2} z_i w_{ik}`,
    the name written with 1 in the slot (as a numbered member of its family is)."""
    out = []
    for tree in trees:
        for node in walk(tree):
            if not (isinstance(node, A.SumOver) and node.index and not node.product
                    and node.exclude is None and isinstance(node.lower, A.Num)
                    and node.lower.text == "1" and isinstance(node.upper, A.Num)
                    and node.upper.text.isdigit()):
                continue
            for name in walk(node.body):
                if not isinstance(name, A.Name):
                    continue
                slots = _slots(name)
                for at, index in enumerate(slots):
                    if isinstance(index, A.Name) and index.base == node.index \
                            and not index.sub and not index.sup:
                        member = slots[:at] + (A.Num("1", index.pos),) + slots[at + 1:]
                        out.append((dataclasses.replace(name, sub=member[:len(name.sub)],
                                                        sup=member[len(name.sub):]),
                                    at, int(node.upper.text)))
    return out


def rests_on(trees, context: Context) -> set[str]:
    """The names (keys) the definitions the trees name are written in, and so on: what the
    trees depend on through the context (`t` for `p` when p = \\sigma(t))."""
    return {key for body in _bodies_used(trees, context) for n in walk(body)
            if isinstance(n, A.Name) and (key := name_key(n)) is not None}


def _trees_used(trees, context: Context) -> tuple[A.Node, ...]:
    """The trees, with the bodies of the definitions and functions they rest on."""
    return (*trees, *_bodies_used(trees, context),
            *(f.body for f in _used_functions(trees, context)))


def _bodies_used(trees, context: Context) -> list[A.Node]:
    """The bodies of the definitions the trees name, and of those those name, and so on."""
    return [definition.body for definition in _definitions_used(trees, context)]


def _definitions_used(trees, context: Context) -> list[Definition]:
    """The definitions the trees name, and those those name, and so on."""
    names = [n for tree in trees for _, n in subtrees(tree) if isinstance(n, A.Name)]
    used: list[Definition] = []
    pending = list(context.definitions)
    grew = True
    while grew:
        grew = False
        for definition in [d for d in pending if any(_may_name(n, d.name) for n in names)]:
            pending.remove(definition)
            used.append(definition)
            names += [n for _, n in subtrees(definition.body) if isinstance(n, A.Name)]
            grew = True
    return used


def _may_name(use: A.Name, defined: A.Name) -> bool:
    """Whether `use` may stand for the defined name: `W` is not `W_2`; `w_j` may be `w_1`."""
    if (use.base, use.suffix, use.primes, len(use.sub), len(use.sup)) != \
            (defined.base, defined.suffix, defined.primes, len(defined.sub), len(defined.sup)):
        return False
    return all(not (isinstance(a, A.Num) and isinstance(b, A.Num)) or a.text == b.text
               for a, b in zip(_slots(use), _slots(defined), strict=True))


def _suffix_as_index(node: A.Name, letters) -> A.Name:
    """`x_s` read with s a label (x's suffix) when s runs as an index: the name indexed by s."""
    if node.suffix in letters and not node.sub:
        return dataclasses.replace(node, sub=(A.Name(node.suffix),), suffix="")
    return node


def _free_names(node: A.Node, bound: frozenset):
    """The names of a tree whose index letters are free (not a sum's own index)."""
    if isinstance(node, A.Name):
        if not any(_slot_letter(node, k) in bound for k in range(len(_slots(node)))):
            yield node
        return
    if isinstance(node, A.SumOver) and node.index:
        bound = bound | {node.index}
    for child in children(node):
        yield from _free_names(child, bound)


def _has_shape(node: A.Name, context: Context) -> bool:
    """Whether the name is an entry of a declared vector or matrix: its shape, not the
    names the context happens to number, says how far its index runs."""
    if not all(isinstance(s, A.Num) and s.text.isdigit() for s in node.sup):
        return False
    container = canonical(node.base, tuple(int(s.text) for s in node.sup), (), node.suffix,
                          node.primes)
    return context.shape_of(container) is not None


def _slots(node: A.Name) -> tuple[A.Node, ...]:
    return node.sub + node.sup


def _slot_letter(node: A.Name, slot: int) -> str | None:
    index = _slots(node)[slot]
    if isinstance(index, A.Name) and not index.sub and not index.sup:
        return index.base
    return None


def _same_family(use: A.Name, name: A.Name, slot: int) -> bool:
    """Whether `name` is a numbered member of `use`'s family at `slot` (`w_{1,2}` of `w_{1,j}`)."""
    if (use.base, use.suffix, use.primes, len(use.sub), len(use.sup)) != \
            (name.base, name.suffix, name.primes, len(name.sub), len(name.sup)):
        return False
    for k, (mine, theirs) in enumerate(zip(_slots(use), _slots(name), strict=True)):
        if k == slot:
            if not (isinstance(theirs, A.Num) and theirs.text.isdigit()):
                return False
        elif isinstance(mine, A.Num) and not (isinstance(theirs, A.Num)
                                              and theirs.text == mine.text):
            return False
    return True


def _numbered_names(context: Context) -> list[A.Name]:
    """Every name with an index in the context's definitions and values."""
    trees: list[A.Node] = []
    for definition in context.definitions:
        trees += [definition.name, definition.body]
    for key in context.values:
        try:
            trees.append(parse_side(key))
        except NotationError:
            continue
    return [node for tree in trees for _, node in subtrees(tree)
            if isinstance(node, A.Name) and (node.sub or node.sup)]


def build_sides(lhs_node, rhs_node, left, right, context: Context, instance: Instance) -> Sides:
    both = (lhs_node, rhs_node)
    bare = (_bare_vector(lhs_node), _bare_vector(rhs_node))
    if bare[0] and not bare[1]:
        rhs_raw = context.builder(instance, right, both).read(rhs_node)
        lhs_raw = _sized_like(bare[0], rhs_raw)
    else:
        lhs_raw = context.builder(instance, left, both).read(lhs_node)
        rhs_raw = _sized_like(bare[1], lhs_raw) if bare[1] and not bare[0] \
            else context.builder(instance, right, both).read(rhs_node)
    lhs_raw = _listed_as_column(lhs_node, lhs_raw, rhs_raw, rhs_node)
    rhs_raw = _listed_as_column(rhs_node, rhs_raw, lhs_raw, lhs_node)
    lhs_raw, rhs_raw = _printed_zero(lhs_node, lhs_raw, rhs_raw), \
        _printed_zero(rhs_node, rhs_raw, lhs_raw)
    lhs = context.expand(lhs_raw, instance)
    rhs = context.expand(rhs_raw, instance)
    return Sides(lhs, rhs, lhs_raw, rhs_raw, instance)


def _require_indices_not_values(lhs_node, rhs_node, instances: list[Instance]) -> None:
    """`\\cos(x + 2 \\pi c)` where only a definition indexes with c (`g = z_c`): the
    instances would give the claim's constant c the values 1, 2, 3. Whether c is a constant
    or that index is not said: undecided. (A letter the claim itself indexes with is its
    index wherever it stands: `\\beta^k` beside `z^{k+1}`.)"""
    own = free_index_letters(lhs_node) | free_index_letters(rhs_node)
    letters = set(instances[0].indices) - own if instances else set()
    for letter in sorted(letters):
        if any(_stands_bare(tree, letter) for tree in (lhs_node, rhs_node)):
            raise MeaningError(
                f"{letter} numbers entries in a definition here and also stands alone as a "
                f"value, so whether {letter} is a constant or that index is not said", "", None,
                f"Write the constant with another letter than {letter}.")


def _stands_bare(node: A.Node, letter: str) -> bool:
    """Whether `letter` stands alone as a value in a tree: not as an index, a sum's own
    index or bound."""
    if isinstance(node, A.Name):
        return node.base == letter and not (node.sub or node.sup or node.suffix or node.primes)
    if isinstance(node, A.SumOver):
        return node.index != letter and _stands_bare(node.body, letter)
    if isinstance(node, A.Call):         # \operatorname{softmax}(t)_k: k is an index there
        return any(_stands_bare(arg, letter) for arg in node.args)
    if isinstance(node, A.Indicator) and node.relation in ("==", "!=") \
            and all(isinstance(side, A.Name) and side.base in INDEX_LETTERS | LABEL_LETTERS
                    and not side.sub for side in (node.lhs, node.rhs)):
        return False                     # the case i \neq c compares two indices
    return any(_stands_bare(child, letter) for child in children(node))


def _bare_vector(node: A.Node) -> str | None:
    """`\\mathbf{1}` or `\\mathbf{0}` alone on a side, no length written: which, or None."""
    bare = ungroup(node)
    return bare.base if isinstance(bare, A.Name) and bare.base in (ONES, ZEROS) \
        and not bare.sub and not bare.sup else None


def _sized_like(vector: str, other):
    """`A \\mathbf{1} = \\mathbf{1}`, `\\frac{d}{dc}(c) = \\mathbf{1}`, `x - x = \\mathbf{0}`:
    the vector of ones alone on a side is the column of the other side's length; the zero
    vector takes the other side's shape; against a number, either is that number. Against
    a row or a matrix, the ones' orientation is not said."""
    one = vector == ONES
    if not isinstance(other, sympy.MatrixBase):
        return sympy.Integer(1 if one else 0)
    if not one:
        return sympy.ImmutableMatrix.zeros(*other.shape)
    if other.shape[1] != 1:
        raise MeaningError("cannot tell the shape of this vector of ones: the other side is a "
                           "row or a matrix, and a bare \\mathbf{1} says no orientation", "",
                           None, "Write it as \\mathbf{1}_m or \\mathbf{1}_m^T.")
    return sympy.ImmutableMatrix.ones(other.rows, 1)


def _printed_zero(node: A.Node, value, other):
    """`x - x = 0`, `X^T(Xw - y) = 0`: a side printed as the number 0 against a vector or
    matrix is the zero of its shape. Only a printed 0: one a side was computed to be (a
    derivative read as 0) stays a number, and its shape clash shows."""
    bare = ungroup(node)
    if isinstance(bare, A.Num) and bare.text == "0" and isinstance(other, sympy.MatrixBase) \
            and not isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix.zeros(*other.shape)
    return value


def _listed_as_column(node: A.Node, value, other, other_node: A.Node):
    """`\\nabla f = [2x - 2, 200y]`: a list in brackets says no orientation, so set against a
    column of its length it is that column (a row written `\\begin{bmatrix} a & b
    \\end{bmatrix}`, or a list transposed, keeps its own; so does a list set against a
    list, `[a, b] = [a, b]^T`)."""
    node = node.inner if isinstance(node, A.Group) else node
    # `2 * [-0.24, 1.02]`: numbers and lists only, orienting nothing either
    numbers = any(is_list(n) for n in walk(node)) and all(
        isinstance(n, A.Num | A.BinOp | A.Group | A.Neg) or is_list(n) for n in walk(node))
    if (is_list(node) or numbers) and not _oriented_by_a_list(other_node) \
            and isinstance(value, sympy.MatrixBase) and isinstance(other, sympy.MatrixBase) \
            and value.rows == 1 and other.cols == 1 and other.rows == value.cols > 1:
        return value.T
    return value


def _oriented_by_a_list(node: A.Node) -> bool:
    """Whether a list decides the orientation of `node`'s value: it is a list, or holds a
    list transposed (`[a, b]^T`). A list added to a column takes the column's
    (`(x_0, y_0) - \\alpha \\nabla g`)."""
    return is_list(ungroup(node)) or any(
        isinstance(n, A.Transpose) and any(is_list(m) for m in walk(n.operand))
        for n in walk(node))


def check_symbolic(lhs_node, rhs_node, link: tuple[str, str, str], context: Context,
                   budget: Budget, decisions: tuple[str, ...] = (),
                   general: bool = True) -> Finding:
    """Both sides built and compared for each instance of indices and sizes; the first
    instance where they differ decides."""
    _require_whole_names(lhs_node, rhs_node, context)
    _require_one_reading_of_vectors(lhs_node, rhs_node, context)
    reading = ""
    last = None
    uses_sizes = False
    held: dict = {}     # sides sampled and found to agree: another index that changed nothing
    undefined: Finding | None = None    # the first index where a side is undefined
    instances = instances_for(lhs_node, rhs_node, context)
    _require_indices_not_values(lhs_node, rhs_node, instances)
    differentials = any(isinstance(n, A.Differential) for tree in _trees_used(
        (lhs_node, rhs_node), context) for n in walk(tree))
    constants = _held_by_definition((lhs_node, rhs_node), context) if differentials \
        else frozenset()
    one_size = len({instance.default_size for instance in instances}) == 1   # a list's run
    for number, instance in enumerate(instances):
        if instance.default_size == 2 and not uses_sizes and not one_size:
            break
        budget.check()
        sides = None
        try:
            sides = _on_branch(build_sides(lhs_node, rhs_node, link[0], link[2], context,
                                           instance), context)
            entry = _entry_read(sides, (lhs_node, rhs_node), context)
            if entry is not None:       # ∂tr(XA)/∂X = ∂(X_{ij} A_{ji})/∂X_{kl}: entry (k, l)
                sides, decisions = entry, (*decisions, _ENTRY_READING)
            sides, moved = _moved(sides, context, still=constants) if differentials \
                else (sides, None)
            uses_sizes = uses_sizes or bool(instance.sizes) or bool(instance.indices)
            reading = reading or "; ".join((*decisions, _reading(sides)))
            if _free(sides.lhs) == set() or _free(sides.rhs) == set():
                sides = numeric_sides(sides, context) or sides
            built = _hashable(sides) if number else None
            if built is not None and built in held:
                last = held[built]      # the same sides sampled again: the same answer
                continue
            found = _compare_differentials(sides, moved, context, budget, number == 0,
                                           (lhs_node, rhs_node), link) \
                if moved is not None and moved.steps else \
                compare_sides(sides, context, budget, prove=number == 0,
                              trees=(lhs_node, rhs_node), link=link)
            still = _frozen_names_decide(lhs_node, rhs_node, link, context, budget, instance,
                                         moved.frozen) \
                if moved is not None and found.verdict == Verdict.VALID else None
            if still is not None:
                return undecided(f"undecided: this holds when {still} holds still (its "
                                 "differential is not written) and not when it varies; "
                                 f"declare it a constant to check it (symbols: {{{still}: "
                                 "constant}), or write its differential")
            if built is not None and found.verdict == Verdict.VALID:
                held[built] = found
            if found.verdict == Verdict.INVALID:
                _require_not_at_unknown_points(sides)
        except ShapeError as error:
            if sides is not None:
                _require_vectors_read_whole(sides, context)
            _require_not_a_substitution((lhs_node, rhs_node), context)   # W x = [1 2] [3 4]^T
            _require_vectors_written_whole((lhs_node, rhs_node), context, instance)
            unshaped = _unshaped_beside_shapes((lhs_node, rhs_node), context) \
                or _bold_unshaped((lhs_node, rhs_node), context) \
                or _free_side((lhs_node, rhs_node), context)
            if unshaped:
                raise UnshapedError(_read_as_a_number(error, unshaped)) from error
            _require_one_reading_of_dots((lhs_node, rhs_node), error, context, instance)
            if GUESSED_LENGTH not in instance.used:
                raise
            # the shapes are derivcheck's guesses (a name read as a vector of the default
            # length): a mismatch between guesses shows nothing about the claim
            raise UnshapedError(f"as read, the shapes do not fit ({error}); a name here has "
                                "no declared shape, so this is not shown wrong: declare the "
                                "shapes (shapes: {name: [rows, cols]}) to check it") from error
        if found.verdict == Verdict.INVALID:
            rounded = _within_rounding(sides, rhs_node, context)
            if rounded is not None:
                return rounded
            _require_known_probabilities(sides)
            _require_no_unsized_identity(sides, context)
            _require_estimates_on_both_sides(sides)
            _require_rows_read_whole(sides, context)
            _require_no_worded_condition(link)
            _require_not_a_substitution((lhs_node, rhs_node), context)
            _require_not_a_renaming((lhs_node, rhs_node), context)
            _require_one_reading_of_vectors(lhs_node, rhs_node, context, used=True)
            _require_powers_apart_from_layers((lhs_node, rhs_node), context)
            if instance.default_size == SPREAD_SIZE:
                _require_one_length_per_vector((lhs_node, rhs_node), context)
            if (whole := _whole_beside_entries((lhs_node, rhs_node), context,
                                               step_only=True)) is not None:
                # \sum_{i,j} A_{ji} B_{ij} = \tr(AB): A read whole as a number
                raise UnshapedError(f"{whole} is written whole and by its entries, and no "
                                    "shape is declared for it, so whole it is read as a "
                                    "number", "", None,
                                    f"Declare its shape (shapes: {{{whole}: [n, n]}}).")
            _require_point_given(sides, (lhs_node, rhs_node), context)
            _require_labelled_layers_defined(sides, context)
            _require_vectors_read_whole(sides, context)
            _require_parameters_shaped((lhs_node, rhs_node), context)
            _require_entries_within_sizes(sides, context)
            try:
                _require_one_reading_of_gradients(sides, (lhs_node, rhs_node))
            except MeaningError:
                holds = _holds_for_every_function(lhs_node, rhs_node, link, context, budget,
                                                  decisions) if general else None
                if holds is None:
                    raise
                return holds
            _require_related_gradients(sides, context)
            _require_functions_on_both_sides(sides, context)
            _require_no_rebound_name((lhs_node, rhs_node), context)
            _require_dependence_as_read((lhs_node, rhs_node), sides, context)
            _require_members_built(sides, context)
            _require_indexed_members(sides, context)
            _require_definitions_used(sides, context)
            _require_extent_said(sides, (lhs_node, rhs_node), context)
            _require_accented_known(sides, context)
            _require_one_arity_per_family(sides, context)
            _require_arrows_apart((lhs_node, rhs_node,
                                   *_bodies_used((lhs_node, rhs_node), context)))
            _require_words_defined((lhs_node, rhs_node), context)
            _require_primes_read((lhs_node, rhs_node), context)
            _require_rows_apart((lhs_node, rhs_node), context)
            _require_no_name_from_nowhere(sides, context)
            _require_not_a_label_reading(sides, context, budget)
        at = " (at " + ", ".join(f"{k} = {v}" for k, v in instance.indices.items()) + ")" \
            if instance.indices else ""
        outside = _members_outside(sides, context) \
            if found.verdict == Verdict.INVALID and instance.indices and sides is not None else []
        if outside:
            # M_{2,n-1} at n = 1: member 0 of a family its definitions give from 1 (an empty
            # sum, a division by 0 there) is a free number only by a misreading
            undefined = undefined or undecided(
                f"undecided: {outside[0]} is a member of a family this step's definitions "
                f"give, at an index they do not reach{at}, so it would be a free number there; "
                "at the other indices tried the step holds")
            continue
        if found.message == C.UNDEFINED_SIDE and instance.indices:
            # x̄_{n-1} / (n - 1) at n = 1: undefined there only; another index may decide
            undefined = undefined or dataclasses.replace(found, message=found.message + at,
                                                         reading=reading)
            continue
        if found.verdict != Verdict.VALID:
            return dataclasses.replace(found, message=found.message + at, reading=reading)
        last = found
    if undefined is not None:
        return undefined
    if last is None:
        return undecided("nothing to compare")
    disagreeing = _matrix_reading_disagrees(lhs_node, rhs_node, link, context, budget) \
        if general else None
    if disagreeing is not None:
        return disagreeing
    if general and last.verdict == Verdict.VALID \
            and (layer := _layer_matrix_unread((lhs_node, rhs_node), link, context, budget)):
        return undecided(f"undecided: {layer} is a layer's weights, most likely a matrix, and "
                         "the step holds with it read as a number; with it a matrix the step "
                         "could not be built, so a missing transpose would go unseen (declare "
                         f"the shapes, as in shapes: {{{layer}: [n, m]}}, to check it)")
    if uses_sizes and last.method == Method.PROVED:
        if listed := _listed_count((lhs_node, rhs_node), context):
            return Finding(Verdict.VALID, Method.PROVED,
                           f"proved with {listed[0]} = {listed[1]}, the number of entries "
                           "the sums run over", reading=reading)
        tried = sorted({instance.default_size for instance in instances})
        said = f"size {tried[0]}" if len(tried) == 1 else \
            f"sizes {', '.join(map(str, tried[:-1]))} and {tried[-1]}"
        return Finding(Verdict.VALID, Method.SAMPLED,
                       f"proved for each index and size tried ({said})", reading=reading)
    return dataclasses.replace(last, reading=reading)


_ENTRY_READING = ("the side written whole read at the entry the other side's letters name, "
                  "as index notation writes a matrix by its entries")


def _entry_read(sides: Sides, trees: tuple, context: Context) -> Sides | None:
    """`\\frac{\\partial}{\\partial X} \\tr(XA) = \\frac{\\partial (X_{ij} A_{ji})}{\\partial
    X_{kl}}`: a matrix (or vector) side against a number with the free letters of a
    derivative's variable, X_{kl}, which the whole side does not write. The sides with the
    whole one at entry (k, l) of this instance, in the layout where a gradient has its
    variable's shape; None for any other link."""
    if context.conventions.get("layout") == "numerator":
        return None
    ordered = _entry_letters(trees)
    if ordered is None:
        return None
    letters = frozenset(ordered)
    for whole, other, tree in ((sides.lhs, sides.rhs, trees[0]), (sides.rhs, sides.lhs, trees[1])):
        if not isinstance(whole, sympy.MatrixBase) or isinstance(other, sympy.MatrixBase) \
                or whole.shape == (1, 1) or letters & free_index_letters(tree) \
                or letters & _generic_beside_sums((tree,)) \
                or any(isinstance(n, A.Name) and any(isinstance(s, A.Name) and s.base in letters
                                                     for s in n.sub) for n in walk(tree)):
            continue
        at = [sides.instance.indices.get(letter) for letter in ordered]
        if None in at or len(at) != (1 if 1 in whole.shape else 2):
            return None
        if any(k < 1 for k in at) or (len(at) == 2 and (at[0] > whole.rows or at[1] > whole.cols)) \
                or (len(at) == 1 and at[0] > len(whole)):
            return None
        value = whole[at[0] - 1, at[1] - 1] if len(at) == 2 else whole[at[0] - 1]
        return Sides(value, sides.rhs, sides.lhs_raw, sides.rhs_raw, sides.instance) \
            if whole is sides.lhs else \
            Sides(sides.lhs, value, sides.lhs_raw, sides.rhs_raw, sides.instance)
    return None


def _entry_letters(trees: tuple) -> tuple[str, ...] | None:
    """The letters of the first derivative's variable written by letter entries, in the
    order it writes them (row, then column: the k, l of ∂/∂X_{kl}); None when no derivative
    is so written."""
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.Partial) and isinstance(node.wrt, A.Name) and node.wrt.sub \
                and all(isinstance(s, A.Name) and not s.sub and len(s.base) == 1
                        for s in node.wrt.sub):
            return tuple(s.base for s in node.wrt.sub)
    return None


def _moved(sides: Sides, context: Context, every: bool = False,
           still: frozenset[str] = frozenset()) -> tuple[Sides, Moved]:
    """The sides with each differential evaluated, and what moved; the sides as they were,
    and nothing moved, when they hold no differential after all. The names whose own
    differential the step writes vary (every name inside a differential, with `every`, but
    those declared constant and those `still`); with none written, every name inside one
    varies."""
    if not has_differentials(sides.lhs, sides.rhs):
        return sides, Moved(frozenset(), (False, False), ())
    held = (differentiates(sides.lhs), differentiates(sides.rhs))
    written = varied(sides.lhs, sides.rhs)
    inside = [v for v in differentiated(sides.lhs, sides.rhs)
              if "constant" not in (context.kind(v.name), context.kind(family_of(v.name)))
              and family_of(v.name) not in still and v.name not in still]
    variables = sorted(set(written) | set(inside), key=lambda v: v.name) \
        if every or not written else written
    if not variables:
        raise MeaningError("this writes a differential, but no differential of a name (dx), "
                           "so what varies is not said", "", None,
                           "Write the differential of the variable too, as in "
                           "d(x^T x) = 2 x^T dx.")
    moved = {v: v + increment(v) for v in variables}
    frozen = tuple(sorted({family_of(v.name) for v in inside if v not in written})) \
        if written else ()
    return dataclasses.replace(sides, lhs=evaluated(sides.lhs, moved),
                               rhs=evaluated(sides.rhs, moved)), \
        Moved(frozenset(increment(v) for v in variables), held, frozen)


@dataclass(frozen=True)
class Moved:
    """What a step's differentials moved: the increments (dx), whether each side takes the
    differential of more than a name, and the names inside one that held still (their
    differential unwritten)."""

    steps: frozenset
    held: tuple[bool, bool]
    frozen: tuple[str, ...]


def _compare_differentials(sides: Sides, moved: Moved, context: Context, budget: Budget,
                           prove: bool, trees: tuple, link: tuple[str, str, str]) -> Finding:
    """Sides with increments (dx). A differential set against a side written without one:
    that side linear in the increments means the differential (`d(x^T x) = 2 x^T dx`),
    checked to first order; past first order it means the exact change (`df = f(v + dv) -
    f(v)`), checked exactly. Otherwise the sides must agree exactly. Different to first
    order is invalid either way; equal to first order only is undecided."""
    steps = set(moved.steps)
    written = [side for side, held in zip((sides.lhs, sides.rhs), moved.held, strict=True)
               if not held]
    first = dataclasses.replace(sides, lhs=first_order(sides.lhs, moved.steps),
                                rhs=first_order(sides.rhs, moved.steps))
    if len(written) == 1 and linear_in(written[0], steps):
        found = compare_sides(first, context, budget, prove=prove, trees=trees, link=link)
        return dataclasses.replace(found, message=(
            "the first-order parts differ: " if found.verdict == Verdict.INVALID else
            "equal to first order in the increments, as differentials are: ") + found.message)
    exact = compare_sides(sides, context, budget, prove=prove, trees=trees, link=link)
    if exact.verdict != Verdict.INVALID:
        return exact
    found = compare_sides(first, context, budget, prove=prove, trees=trees, link=link)
    if found.verdict == Verdict.INVALID:
        return dataclasses.replace(found, message="the first-order parts differ: "
                                   + found.message)
    if found.verdict != Verdict.VALID:
        return found
    return undecided("undecided: the sides agree to first order in the increments but not "
                     "beyond, and a side is written past first order: whether the exact "
                     "change or the differential is meant is not said")


def _held_by_definition(trees: tuple, context: Context) -> frozenset[str]:
    """`\\mathrm{d}f(\\mathbf{w})` with `f(\\mathbf{w}) = \\|X w - y\\|^2` defined: the
    names of f's body that are not its parameters (X, y) hold still in its differential, as
    writing f of w alone says; not those another differential of the step holds (d(f a))."""
    held: set[str] = set()
    elsewhere: set[str] = set()         # names inside another differential: they may vary
    for node in (n for tree in trees for n in walk(tree)):
        call = node.operand if isinstance(node, A.Differential) else None
        if isinstance(call, A.Call) and call.callee == A.Callee.DEFINED \
                and call.name in context.functions:
            function = context.functions[call.name]
            parameters = {name_key(p) for p in function.parameters if isinstance(p, A.Name)}
            held |= {name_key(n) for n in walk(function.body)
                     if isinstance(n, A.Name) and name_key(n) not in parameters}
        elif isinstance(node, A.Differential):
            elsewhere |= {name_key(n) for n in walk(node.operand) if isinstance(n, A.Name)}
    return frozenset(held - elsewhere)


def _frozen_names_decide(lhs_node, rhs_node, link: tuple[str, str, str], context: Context,
                         budget: Budget, instance: Instance, frozen: tuple[str, ...]) -> str | None:
    """`d(XY) = dX\\, Y`: it holds when Y holds still, as its differential is not written,
    and not when Y varies too (a product rule's term dropped). Which is meant the text says
    in words: the names that decide it, or None when the step holds either way."""
    if not frozen:
        return None
    sides, moved = _moved(_on_branch(build_sides(lhs_node, rhs_node, link[0], link[2],
                                                 context, instance), context), context,
                          every=True)
    found = _compare_differentials(sides, moved, context, budget, False, (lhs_node, rhs_node),
                                   link)
    return None if found.verdict == Verdict.VALID else ", ".join(frozen)


class Margin(sympy.Symbol):
    """How far a side condition holds, `1 - y w^T x` of `1 - y w^T x > 0`: a positive number,
    drawn as one."""

    def __new__(cls, name: str) -> Margin:
        return super().__new__(cls, name, positive=True)


def _on_branch(sides: Sides, context: Context) -> Sides:
    """The sides where the side conditions hold: for `1 - y w^T x > 0`, a symbol the margin
    is linear in (w) is written through the margin m > 0 (w = (1 - m)/(y x)), so
    max(0, 1 - y w^T x) is m, its step is 1, and samples are drawn on that branch only. A
    condition with no such symbol leaves the sides as they are; one that cannot be built
    makes the step undecided."""
    for left, sign, right in context.inequalities:
        try:
            bound = build_sides(context.resolve(left).tree, context.resolve(right).tree,
                                "", "", context, sides.instance)
        except (NotationError, ShapeError) as error:
            raise MeaningError(f"the side condition could not be read ({error})", "", None,
                               "Write it as an inequality between numbers, 1 - y w x > 0.") \
                from error
        left_value, right_value = (v[0] if isinstance(v, sympy.MatrixBase) and v.shape == (1, 1)
                                   else v for v in (bound.lhs, bound.rhs))   # w^T x: a number
        if isinstance(left_value, sympy.MatrixBase) or isinstance(right_value, sympy.MatrixBase):
            raise MeaningError("a side condition between vectors or matrices is not read", "",
                               None, "Write it entry by entry.")
        gap = sympy.expand(sign * (left_value - right_value))
        margin = Margin(f"({sympy.latex(gap)})")
        # as written (z > 0 against sides in z) and through the definitions (z = w x + b
        # against sides in w, x, b): each form moves the symbols the sides hold
        for form in (gap, sympy.expand(context.expand(gap, sides.instance))):
            sides = _through_margin(sides, form, margin)
    return sides


def _through_margin(sides: Sides, gap, margin: Margin) -> Sides:
    """The sides with one symbol of theirs that `gap` is linear in written through the
    margin (gap = margin > 0); as they were when there is none."""
    held = C.free_symbols(sides.lhs) | C.free_symbols(sides.rhs)
    # a symbol a derivative is taken in, or an undefined function is applied to, stays
    inside = {s for side in (sides.lhs, sides.rhs) if hasattr(side, "atoms")
              for node in side.atoms(sympy.Derivative, sympy.Subs, AppliedUndef)
              for s in C.free_symbols(node)}
    for symbol in sorted(C.free_symbols(gap) & held - inside, key=lambda s: s.name):
        if sympy.degree(gap, symbol) != 1:
            continue                          # only a margin linear in the symbol
        solved = sympy.solve(sympy.Eq(gap, margin), symbol, dict=True)
        if len(solved) == 1 and symbol not in C.free_symbols(solved[0][symbol]):
            value = solved[0][symbol]
            return dataclasses.replace(sides, lhs=_put(sides.lhs, symbol, value),
                                       rhs=_put(sides.rhs, symbol, value))
    return sides


def _put(expr, symbol, value):
    return expr.xreplace({symbol: value}) if hasattr(expr, "xreplace") else expr


def _require_one_reading_of_dots(trees: tuple, error: ShapeError, context: Context,
                                 instance: Instance) -> None:
    """`(w \\cdot x) + b = 7` with w and x vectors: read element-wise (as `\\cdot` between
    two vectors of one shape is), the shapes do not fit, but read as the dot product they
    do. The writer's reading is not said: undecided, never a shape error."""
    for tree in trees:
        for node in walk(tree):
            if not (isinstance(node, A.BinOp) and node.op == "cdot"):
                continue
            try:
                builder = context.builder(instance)
                operands = [builder.read(node.left), builder.read(node.right)]
            except (NotationError, ShapeError, TypeError, ValueError):
                continue
            shapes = {v.shape for v in operands if isinstance(v, sympy.MatrixBase)}
            if len(shapes) == 1 and all(isinstance(v, sympy.MatrixBase) for v in operands) \
                    and 1 in next(iter(shapes)):
                raise MeaningError(
                    f"as read, the shapes do not fit ({error}); a \\cdot between two vectors "
                    "may be their dot product or the element-wise product, and the text does "
                    "not say which", "", None,
                    "Write u^T v for the dot product, or u \\odot v element by element.")


GUESSED_LENGTH = ""    # the size an instance gives a vector whose length nothing declares


def _hashable(sides: Sides) -> tuple | None:
    """The two built sides as a key (a mutable matrix made immutable), or None."""
    try:
        key = tuple(sympy.ImmutableMatrix(v) if isinstance(v, sympy.MatrixBase) else v
                    for v in (sides.lhs, sides.rhs))
        hash(key)
    except (TypeError, ValueError):
        return None
    return key


def _require_whole_names(lhs_node, rhs_node, context: Context) -> None:
    """`\\delta^L = …` where only the entries `\\delta^l_j` are defined and no shape is
    declared: the whole would be read as a number of its own, a misreading. Say so."""
    families = {(d.name.base, len(d.name.sup)): d.name for d in context.definitions
                if d.name.sub}
    # \hat{m}_1 = 10 of a worked example, bound: \hat{m} in a worked number is likely it
    for key in context.values if _is_worked_example(lhs_node, rhs_node) else ():
        try:
            bound = parse_side(key)
        except NotationError:
            continue
        if isinstance(bound, A.Name) and bound.sub:
            families.setdefault((bound.base, len(bound.sup)), bound)
    if not families:
        return
    # a vector function's argument and a norm's operand are vectors by their place
    whole = {id(n.args[0]) for tree in (lhs_node, rhs_node) for n in walk(tree)
             if isinstance(n, A.Call) and n.args and _takes_vector(n.name)}
    whole |= {id(n.operand) for tree in (lhs_node, rhs_node) for n in walk(tree)
              if isinstance(n, A.Norm)}
    whole |= _bound_at_points((lhs_node, rhs_node))
    # e^{-z} beside e_i = y_i - \hat{y}_i: Euler's number, raised (see `Builder._is_euler`)
    whole |= {id(n.base) for tree in (lhs_node, rhs_node) for n in walk(tree)
              if isinstance(n, A.Power) and isinstance(n.base, A.Name) and n.base.base == "e"
              and not n.base.sub and not context.defines_bare("e")}
    for tree in (lhs_node, rhs_node):
        for node in walk(tree):
            if not isinstance(node, A.Name) or node.sub or node.suffix or id(node) in whole:
                continue
            key = name_key(node)
            family = families.get((node.base, len(node.sup)))
            if family is None or key in context.values or context.shape_of(key) is not None \
                    or any(name_key(d.name) == key for d in context.definitions):
                continue
            raise UnshapedError(
                f"{to_latex(node)} is used whole, but only its entries "
                f"{to_latex(family)} are defined, and no shape is declared for it",
                "", None, f"Declare its shape (shapes: {{{key}: [n, 1]}}), or write the claim "
                          "for one entry.")


def _bound_at_points(trees) -> set[int]:
    """The names an evaluation at a point binds (`x` and `y` in `\\nabla g` read at
    `(x_0, y_0)`), by identity: they stand for the point's values, not for themselves."""
    bound = set()
    for tree in trees:
        for at in walk(tree):
            if isinstance(at, A.At):
                keys = {name_key(n) for n in at.names if isinstance(n, A.Name)}
                bound |= {id(n) for part in (at.expr, *at.names) for n in walk(part)
                          if isinstance(n, A.Name) and name_key(n) in keys}
    return bound


def _require_one_reading_of_vectors(lhs_node, rhs_node, context: Context,
                                    used: bool = False) -> None:
    """`\\theta^\\top x = \\sum_j \\theta_j x_j` with no shapes: θ is a vector (transposed,
    and with entries), and reading the whole as a number would decide by a misreading.
    With `used`, in the definitions the step rests on too (`L = -y \\log σ(\\mathbf{w}
    \\cdot \\mathbf{x} + b)` beside `z = \\sum_i w_i x_i + b`)."""
    step = (lhs_node, rhs_node)
    trees = tuple(_trees_used(step, context)) if used else step
    entries = {(n.base, n.suffix) for tree in trees for n in walk(tree)   # θ_0: an offset
               if isinstance(n, A.Name) and n.sub and not n.sup and node_text(n.sub[0]) != "0"}
    for tree in trees:
        for node in walk(tree):
            if isinstance(node, A.Transpose) and (not used or any(tree is t for t in step)):
                wholes, how = [node.operand], "transposed"
            elif isinstance(node, A.BinOp) and node.op == "cdot":       # \mathbf{w}\cdot…
                wholes = [ungroup(side) for side in (node.left, node.right)
                          if isinstance(ungroup(side), A.Name) and ungroup(side).bold]
                how = "set in bold beside \\cdot"
            else:
                continue
            for whole in wholes:
                if not (isinstance(whole, A.Name) and not whole.sub and not whole.sup) \
                        or (whole.base, whole.suffix) not in entries:
                    continue
                key = name_key(whole)
                if context.shape_of(key) is None and key not in context.values:
                    raise UnshapedError(
                        f"{to_latex(whole)} is {how} and used by its entries, so it is a "
                        "vector, but no shape is declared for it", "", None,
                        f"Declare its shape (shapes: {{{key}: [n, 1]}}), or write the claim "
                        "for one entry.")


def _require_vectors_read_whole(sides: Sides, context: Context) -> None:
    """`z = W^\\top a + c` defined, no shape declared for z: z stands for its entries
    z_1, z_2, …, and read whole it is a number, a misreading that decides nothing."""
    defined = context.definitions_in(sides.instance)
    for value in (sides.lhs_raw, sides.rhs_raw):
        for symbol in sorted(_free(value), key=str):
            if symbol not in defined and Var(symbol.name + "_{1}") in defined:
                raise UnshapedDefinition(
                    str(symbol),
                    f"{symbol} is defined as a vector or matrix, but no shape is declared "
                    "for it, so it is read as a number here", "", None,
                    f"Declare its shape (shapes: {{{symbol}: [n, 1]}}).")


def _require_entries_within_sizes(sides: Sides, context: Context) -> None:
    """`\\frac{\\partial y_3}{\\partial x_7} = W_{7,3}` with x 1×D: in an instance where D is
    3, x_7 is no entry of x but a number of its own, so the sides differ by a misreading.
    Undecided, naming the entry."""
    builder = context.builder(sides.instance)
    built = context.definitions_in(sides.instance)
    generic = {family_of(d.key) for d in context.definitions
               if any(not isinstance(script, A.Num) for script in (*d.name.sub, *d.name.sup))}
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        found = re.fullmatch(r"(.+)_\{(\d+)(?:,(\d+))?\}", symbol.name)
        shape = context.shape_of(found.group(1)) if found else None
        if shape is None and symbol not in built and family_of(symbol.name) in generic \
                and gradient_parts(symbol) is None and _past_members(symbol, built):
            # z_3 with z_t = w x_t defined for every t: built for the steps of the sizes
            # tried, z_3 past them is read as a number of its own
            raise MeaningError(
                f"{symbol.name} is a member of {family_of(symbol.name)}, defined for every "
                "index, beyond the members derivcheck builds here, so it is read as a number "
                "of its own", "", None, "Write the claim with the index letter (z_t, "
                "z_{t+1}), or declare the sizes as numbers.")
        if shape is None:
            continue
        rows, cols = builder.dims(shape)
        at = [int(n) for n in found.groups()[1:] if n is not None]
        limits = [rows * cols] if len(at) == 1 and 1 in (rows, cols) else [rows, cols]
        if any(k > limit for k, limit in zip(at, limits, strict=False)):
            raise MeaningError(
                f"{symbol.name} is beyond the sizes derivcheck checks {found.group(1)} at "
                f"({rows}×{cols}), so it is read as a number of its own", "", None,
                "Write the claim with index letters (x_j), or declare the sizes as numbers.")


def _member_number(name: str) -> int | None:
    """The one whole number that numbers a member: 3 of z_{3} or of w^{(3)}; None else."""
    found = re.fullmatch(r"[^_^]+(?:_\{(\d+)\}|\^\{\((\d+)\)\})", name)
    return int(found.group(1) or found.group(2)) if found else None


def _past_members(symbol, built: dict) -> bool:
    """Whether `symbol` is numbered past every member of its family built here (z_3 with
    z_1, z_2 built); a member before them (h_0, w^{(1)}) is the start, free as it is."""
    number = _member_number(symbol.name)
    family = family_of(symbol.name)
    numbers = [n for key in built if isinstance(key, sympy.Symbol)
               and family_of(key.name) == family
               and (n := _member_number(key.name)) is not None]
    return number is not None and bool(numbers) and number > max(numbers)


def _require_parameters_shaped(trees: tuple, context: Context) -> None:
    """`L(\\mathbf{p}) = -\\sum_i y_i \\log p_i` called at a p defined whole
    (`\\mathbf{p} = \\operatorname{softmax}(\\mathbf{x})`) with no shape: the body reads p by
    its entries, which nothing defines, so the loss would not depend on what p is defined
    from, a misreading that decides nothing."""
    defined = {name_key(d.name) for d in context.definitions if not d.name.sub}
    for call in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if not (isinstance(call, A.Call) and call.callee == A.Callee.DEFINED
                and call.name in context.functions):
            continue
        function = context.functions[call.name]
        for parameter, argument in zip(function.parameters, call.args, strict=False):
            if not (isinstance(argument, A.Name) and not argument.sub) \
                    or name_key(argument) not in defined \
                    or context.shape_of(name_key(argument)) is not None:
                continue
            entries = [n for n in walk(function.body) if isinstance(n, A.Name) and n.sub
                       and (n.base, n.suffix, n.sup) == (parameter.base, parameter.suffix,
                                                         parameter.sup)]
            if entries:
                raise UnshapedError(
                    f"{to_latex(argument)} is defined whole and passed to {function.name}, "
                    f"whose definition uses its entries ({to_latex(entries[0])}), and no shape "
                    "is declared for it, so it is read as a number here", "", None,
                    f"Declare its shape (shapes: {{{name_key(argument)}: [n, 1]}}).")


def _require_vectors_written_whole(trees: tuple, context: Context, instance) -> None:
    """`(p^T x) v + (v^T p) x` with x and v defined as vectors and no shape declared: the
    sides cannot be built (x read as a number does not fit p^T), which shows nothing."""
    defined = context.definitions_in(instance)
    # (and what the step rests on: Z of `dZ` given as \frac{\partial L}{\partial Z})
    for node in (n for tree in (*trees, *_bodies_used(trees, context)) for n in walk(tree)):
        if isinstance(node, A.Name) and not node.sub and not node.sup:
            key = name_key(node)
            if context.shape_of(key) is None and Var(key + "_{1}") in defined:
                raise UnshapedError(
                    f"{to_latex(node)} is defined as a vector or matrix, but no shape is "
                    "declared for it, so it is read as a number here", "", None,
                    f"Declare its shape (shapes: {{{key}: [n, 1]}}).")


def _require_one_reading_of_gradients(sides: Sides, trees: tuple) -> None:
    """`\\frac{\\partial}{\\partial u} uv = u \\frac{\\partial v}{\\partial u} + …` with v
    defined nowhere: v is a quantity of its own (∂(uv)/∂u = v) and also any function of u
    (∂v/∂u unknown). The two readings disagree, so the step is not shown wrong."""
    symbols = _free(sides.lhs) | _free(sides.rhs)
    names = {s.name for s in symbols} | {name_key(n) for tree in trees
                                         for n in _values_written(tree)}
    for symbol in sorted(symbols, key=str):
        numerator = (gradient_parts(symbol) or (None,))[0]
        if numerator is not None and numerator in names:
            raise MeaningError(
                f"{numerator} is used as a quantity of its own and through its derivative "
                f"{symbol.name}, and nothing defines it, so it is read two ways", "", None,
                f"Define {numerator}, or say it does not depend on the variable.")


def _matrix_reading_disagrees(lhs_node, rhs_node, link: tuple[str, str, str],
                              context: Context, budget: Budget) -> Finding | None:
    """`\\nabla_x f(x) = A(Ax - b)` with no shapes: as numbers the sides agree, but A is
    most likely a matrix and x, b vectors, and then they do not (Aᵀ was meant). A capital
    letter with no shape, in a product, is read a second way, as a square matrix, with the
    names it multiplies as vectors; when the two readings disagree the step is undecided,
    unless the text writes each such capital as a matrix (transposed, in a trace, the
    variable of a derivative): then the second reading is the text's, and decides. None
    when they agree, or when the second reading cannot be built."""
    trees = (lhs_node, rhs_node)
    shapes = _plausible_shapes(trees, context)
    wrong = _wrong_reading_with_shapes(shapes, lhs_node, rhs_node, link, context, budget) \
        if shapes else None
    if wrong is None:
        # the square reading cannot be built (a capital count, 1/(2N)): the shapes the
        # text implies (`shape_inference`) are the second reading
        shapes = infer_shapes(trees, context)
        wrong = _wrong_reading_with_shapes(shapes, lhs_node, rhs_node, link, context, budget,
                                   shown=True) if shapes else None
        if wrong is None:
            return None
    capitals = {name for name in shapes if name.lstrip("\\")[:1].isupper()}
    if wrong.counterexample is not None and capitals \
            and capitals <= _shown_as_matrices(trees, context) \
            and not _read_as_numbers_still(trees, context, shapes):
        return dataclasses.replace(wrong, reading="; ".join(filter(None, (
            wrong.reading, f"{', '.join(sorted(shapes))} read as square matrices and the "
            "names they multiply as vectors, as the text writes them (transposed, in a "
            "trace, differentiated by)"))))
    named = ", ".join(sorted(shapes))
    second = "the capitals read as matrices and what they multiply as vectors" if capitals \
        else "them read as the vectors and matrices the text implies"
    return undecided(f"undecided: the sides agree with {named} read as numbers, but not with "
                     f"{second}; no shapes are declared to tell which is meant (declare "
                     "them, as in shapes: {A: [m, n], x: [n, 1]}, to check it)")


def _layer_matrix_unread(trees: tuple, link: tuple[str, str, str], context: Context,
                         budget: Budget) -> str | None:
    """`\\frac{\\partial J}{\\partial A^{[l-1]}} = W^{[l]} dZ^{[l]}` with no shapes: a layer's
    capital in a product (W^{[l]}, W^{(2)}) is its weights, a matrix; when the step holds
    with it read as a number and no reading with it a matrix can be built, the order and
    transposes the step turns on are unread. The capital, or None when there is
    none or a matrix reading agrees."""
    layered = [name for tree in trees for node in walk(tree)
               if isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot")
               for name in (_bare_name(node.left, layered=True),
                            _bare_name(node.right, layered=True))
               if name is not None and name.sup and is_capital(name) and _unshaped(name, context)
               and not _family_shaped(name, context)]
    if not layered:
        return None
    layouts = [context.conventions["layout"]] if context.conventions.get("layout") \
        else ["numerator", "denominator"]
    for shapes in (_plausible_shapes(trees, context), infer_shapes(trees, context)):
        for layout in layouts if shapes else ():
            found = _read_with(trees, link, context, budget, shapes, layout=layout,
                               general=False)
            if found is not None and found.verdict == Verdict.VALID:
                return None
    return to_latex(layered[0])


def _shown_as_matrices(trees, context: Context) -> set[str]:
    """The keys of the names with no shape that the text writes as matrices: those of
    `_matrices_by_form`, and a capital transposed, inside a trace or a determinant, or
    differentiated by (`\\frac{\\partial}{\\partial X}`, `\\nabla_X`)."""
    found = set(_matrices_by_form(trees, context))
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        inner = [node.operand] if isinstance(node, A.Transpose) and not node.prime \
            and isinstance(ungroup(node.operand), A.Name) else \
            list(node.args) if isinstance(node, A.Call) and node.name in SCALAR_OF_MATRIX else \
            [node.wrt] if isinstance(node, A.Partial) else []
        found |= {name_key(n) for part in inner for n in walk(part)
                  if isinstance(n, A.Name) and is_capital(n) and not n.sub}
    return {key for key in found if context.shape_of(key) is None}


def _wrong_reading_with_shapes(shapes: dict, lhs_node, rhs_node, link: tuple[str, str, str],
                       context: Context, budget: Budget, shown: bool = False) -> Finding | None:
    """The finding when the step is wrong, in every layout that may be meant, with these
    shapes for its names (and, when `shown`, wrong at a point, not by a shape that does not
    fit); None when it is not."""
    layouts = [context.conventions["layout"]] if context.conventions.get("layout") \
        else ["numerator", "denominator"]      # right in either layout is right
    # W ∂L/∂y, with ∂L/∂y a row, does not build: not right in that layout, when the step
    # itself writes the capitals read square
    written = {name_key(n) for tree in (lhs_node, rhs_node) for n in walk(tree)
               if isinstance(n, A.Name)}
    skipped = not shown and len(layouts) > 1 and all(
        key in written for key in shapes if key.lstrip("\\")[:1].isupper())
    wrong = None
    for layout in layouts:
        found = _read_with((lhs_node, rhs_node), link, context, budget, shapes, layout=layout,
                           general=False)
        if found is None and skipped:
            continue
        if found is None or found.verdict != Verdict.INVALID \
                or shown and found.counterexample is None:
            return None
        wrong = wrong or found
    return wrong


def _inverted_or_varied(node: A.Node) -> A.Node:
    """X of `X^{-1}` and of `dX`: the matrix a factor inverts or varies, else the factor."""
    while True:
        if isinstance(node, A.Power) and to_latex(node.exponent) == "-1":
            node = node.base
        elif isinstance(node, A.Differential):
            node = node.operand
        elif isinstance(node, A.Group):
            node = node.inner
        else:
            return node


def _plausible_shapes(trees: tuple, context: Context,
                      inverted: bool = False) -> dict[str, list]:
    """Capital letters with no shape that multiply something (A x, W^T h), as n×n, and the
    names they multiply, as n×1; {} when there is no such capital. With `inverted`, a
    capital inverted or varied in a product (`X^{-1} dX X^{-1}`) counts too."""
    unwrapped = _inverted_or_varied if inverted else (lambda node: node)
    bodies = [d.written or d.body for d in context.definitions] + \
        [f.written or f.body for f in context.functions.values()]
    shapes: dict[str, list] = {}
    vectors: set[str] = set()
    for node in (n for tree in (*trees, *bodies) for n in walk(tree)):
        if not (isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot")):
            continue
        sides = [_bare_name(unwrapped(node.left), layered=True),
                 _bare_name(unwrapped(node.right), layered=True)]
        capitals = [n for n in sides if n is not None and n.base.isupper() and len(n.base) == 1
                    and _unshaped(n, context)]
        for name in capitals:
            shapes[name_key(name)] = ["n", "n"]
        if capitals:
            for name in sides:
                if name is not None and name not in capitals and not name.base.isupper() \
                        and _unshaped(name, context):
                    shapes.setdefault(name_key(name), ["n", 1])
                elif name is not None and name not in capitals and not name.base.isupper():
                    vectors.add(name_key(name))         # a of W a, with a = σ(u) defined
    # y = W x + b: what a definition adds to such a product, and the name it defines, are
    # vectors of that length too (b and y), and so are the names an element-wise formula
    # of such a vector is written in (u of a = σ(u)), or the second reading cannot be built
    for definition in _definitions_used(trees, context):    # (what the step rests on only)
        body = definition.written or definition.body
        key = name_key(definition.name)
        if not (any(name_key(n) in shapes for n in walk(body) if isinstance(n, A.Name)
                    and n.base.isupper())
                or (key in vectors or shapes.get(key) == ["n", 1])
                and _elementwise(definition.body)):
            continue
        for name in (definition.name, *(n for n in walk(body) if isinstance(n, A.Name))):
            if isinstance(name, A.Name) and not name.sub and not name.base.isupper() \
                    and len(name.base.lstrip("\\")) == 1 and name.base not in INDEX_LETTERS \
                    and (_unshaped(name, context) or name_key(name) in vectors
                         or name is definition.name) \
                    and not _is_constant(name):
                shapes.setdefault(name_key(name), ["n", 1])
    return shapes if any(d == ["n", "n"] for d in shapes.values()) else {}


def _unshaped_beside_shapes(trees: tuple, context: Context) -> str | None:
    """`\\nabla g(w) = 2 C w + b` with shapes for C and b but none for w: w, read as a
    number, makes the shapes clash by a misreading. The first such name, or None."""
    if not context.shapes:
        return None
    for node in (n for tree in trees for n in walk(tree)):
        if not (isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot")):
            continue
        pair = (_edge_name(node.left, last=True), _edge_name(node.right, last=False))
        for name, other in (pair, pair[::-1]):
            if name is not None and other is not None and name.base not in INDEX_LETTERS \
                    and _unshaped(name, context) and not _is_constant(name) \
                    and context.shape_of(name_key(other)) is not None:
                return node_text(name)      # multiplied by a shaped name: C w
    return None


def _unshaped_variable(trees: tuple, context: Context) -> str | None:
    """`\\frac{\\partial L}{\\partial i}` with shapes declared for the rest and none for i,
    defined nowhere: read as a number, the derivative's shape is a guess, and a clash of
    shapes shows only that. The first such variable, or None."""
    if not context.shapes:
        return None
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.Partial) and isinstance(node.wrt, A.Name) \
                and context.shape_of(name_key(node.wrt)) is None \
                and not node.wrt.sub and family_of(name_key(node.wrt)) \
                not in context.defined_families():
            return node_text(node.wrt)
    return None


def _functions_of_vectors(trees: tuple, context: Context) -> str | None:
    """The first function nothing defines that the step, or a definition it rests on,
    applies to a name with a declared vector or matrix shape (`g(\\bm{x})`), or None."""
    for tree in (*trees, *_bodies_used(trees, context)):
        for node in walk(tree):
            if isinstance(node, A.Call) and node.callee == A.Callee.ARBITRARY and any(
                    isinstance(arg, A.Name) and (shape := context.shape_of(name_key(arg)))
                    and any(dim != 1 for dim in shape) for arg in node.args):
                return node.name
    return None


def _read_as_a_number(error: BaseException | str, name: str) -> str:
    """Why a clash of shapes caused by `name`, with no shape, read as a number shows
    nothing, and what to do."""
    return (f"as read, the shapes do not fit ({error}); {name} has no declared shape and is "
            f"read as a number, so this is not shown wrong: declare its shape to check it "
            f"(shapes: {{{name}: [n, 1]}})")


def _times_a_matrix(name: str, trees: tuple, context: Context) -> bool:
    """Whether the step, or what it rests on, multiplies the name by a capital (`X\\hat{w}`):
    a vector then, never a number added to every entry as a bias may be."""
    for node in (n for tree in _trees_used(trees, context) for n in walk(tree)):
        if isinstance(node, A.BinOp) and node.op in ("juxt", "*"):
            names = [f for f in factors(node) if isinstance(f, A.Name)]
            if any(node_text(f) == name for f in names) and any(is_capital(f) for f in names):
                return True
    return False


def _elided_lengths(trees: tuple) -> list[str]:
    """The lengths the vectors written with an elision run to (`n` of `[x_1, …, x_n]`)."""
    return sorted({to_latex(n.upper) for tree in trees for n in walk(tree)
                   if isinstance(n, A.SumOver) and n.stacked and n.upper is not None})


def _whole_beside_entries(trees: tuple, context: Context, step_only: bool = False
                          ) -> str | None:
    """`[2v_1, \\dots, 2v_n]^T = 2v`: a name written whole beside its entries, with no
    shape, is a vector read as a number; a shape clash shows only that. The first such
    name, or None; with `step_only`, written so in the step itself (not its definitions)."""
    nodes = [n for tree in (trees if step_only else _trees_used(trees, context))
             for n in walk(tree) if isinstance(n, A.Name)]
    if step_only:       # not the parameters a function's name stands for (∇_b L(w, b, α))
        called = {id(n) for tree in trees for call in walk(tree) if isinstance(call, A.Call)
                  and call.callee != A.Callee.OPERATOR for arg in call.args for n in walk(arg)}
        # nor a subscript's letter (θ of h_θ)
        called |= {id(n) for name in nodes for script in (*name.sub, *name.sup)
                   for n in walk(script)}
        nodes = [n for n in nodes if id(n) not in called]
    entered = {(n.base, n.suffix) for n in nodes if n.sub and not n.sup and (
        not step_only or all(c in INDEX_LETTERS for c in _index_letters_written(n)))}
    for node in nodes:
        if not node.sub and not node.sup and (node.base, node.suffix) in entered \
                and node.base not in INDEX_LETTERS and _unshaped(node, context) \
                and not any(d.key == name_key(node) for d in context.definitions):
            return node_text(node)
    return None


def _bold_unshaped(trees: tuple, context: Context) -> str | None:
    """`\\frac{\\partial \\mathbf{a}}{\\partial \\mathbf{z}} = \\begin{bmatrix} … \\end{bmatrix}`:
    a name set in bold, a vector by its font, with no shape declared is read as a number,
    and a shape clash shows only that; so is `\\mathbf{P}_n`, bold with a label or a
    sample's index, when its family has no shape either. The first such name, or None."""
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.Name) and node.bold \
                and (not node.sub or context.shape_of(family_of(name_key(node))) is None) \
                and context.shape_of(key := name_key(node)) is None \
                and key not in context.values and context.kind(key) is None \
                and not context.is_function(node.base):
            return node_text(node)
    return None


def _free_side(trees: tuple, context: Context) -> str | None:
    """`Patch = \\begin{bmatrix} … \\end{bmatrix}`: a side made only of names the context
    neither defines, gives values nor shapes is a number only because no shape is said, and
    a clash of shapes with it shows nothing. Its text, or None."""
    for tree in trees:
        names = [n for n in walk(tree) if isinstance(n, A.Name)]
        if any(isinstance(n, A.MatrixLiteral) for n in walk(tree)):
            continue        # a printed matrix is no number for want of a shape
        if names and all(_unshaped(n, context) and n.base not in (IDENTITY, ONES)
                         and context.shape_of(n.base) is None
                         and context.shape_of(family_of(name_key(n))) is None
                         and not any(d.key == name_key(n) or name_key(d.name) == name_key(n)
                                     for d in context.definitions) for n in names):
            return to_latex(tree)
    return None


def _edge_name(node: A.Node, last: bool) -> A.Name | None:
    """The name at the edge of a product that meets its neighbour: w of `2 C w` on the
    left of a product (last), A of `A x` on its right (first)."""
    while isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot"):
        node = node.right if last else node.left
    return _bare_name(node)


def _edge_factor(node: A.Node, last: bool) -> A.Name | None:
    """The name, indexed or not, at the edge of a product, through brackets and a
    transpose: x_i of `x_i^T` on the left of `x_i^T w`."""
    while isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot"):
        node = node.right if last else node.left
    while isinstance(node, (A.Group, A.Transpose)):
        node = node.inner if isinstance(node, A.Group) else node.operand
    return node if isinstance(node, A.Name) else None


def _bare_name(node: A.Node, layered: bool = False) -> A.Name | None:
    """The name a factor is, through brackets and a transpose: A of `A^T`, x of `(x)`; with
    `layered`, a layer's name too (`W^{[l]}`, `a^{(l-1)}`)."""
    while isinstance(node, (A.Group, A.Transpose)):
        node = node.inner if isinstance(node, A.Group) else node.operand
    return node if isinstance(node, A.Name) and not node.sub \
        and (not node.sup or layered and has_layer(node)) else None


def _unshaped(name: A.Name, context: Context) -> bool:
    key = name_key(name)
    return context.shape_of(key) is None and not context.is_value(key) \
        and context.kind(key) is None and not context.is_function(name.base)


def _family_shaped(name: A.Name, context: Context) -> bool:
    """Whether a shape is declared for a member of the name's family (W^{(l)}: [n, m] gives
    each W^{(1)}, W^{(2)} … one)."""
    family = family_of(name_key(name))
    return any(family_of(key) == family for key in context.shapes)


PROSE_NOTE = re.compile("(?:" + "|".join(map(re.escape, PROSE)) + r")\s*\{([^{}]*)\}")


def _require_not_a_substitution(trees: tuple[A.Node, A.Node], context: Context) -> None:
    """`(y - p)^2 = (1 - 0)^2`: the right side is the left with numbers put for its free
    names, one number per name; the values are said in the text (for y = 1, p = 0), not
    here, so the step is right at them and shows nothing elsewhere. Undecided."""
    put: dict[str, str] = {}
    if isinstance(trees[0], A.Name | A.Partial) or not _substituted(*trees, put) or not put:
        return                           # y_k = 0, ∂L/∂p = 0 state a value: no substitution
    bases = {name_key(n): n.base for n in walk(trees[0]) if isinstance(n, A.Name)}
    if any(context.is_value(key) or context.is_value(bases.get(key, key)) or context.kind(key)
           for key in put):
        return
    values = ", ".join(f"{key} = {number}" for key, number in put.items())
    raise MeaningError(
        f"this step puts numbers for names ({values}), values the text gives and this "
        "claim does not", "", None,
        "Give them as values (values: {" + ", ".join(f"{k}: {v}" for k, v in put.items())
        + "}) to check the step.")


def _require_one_length_per_vector(trees: tuple, context: Context) -> None:
    """`\\sum_{k=1}^{N} e^{z_k}` in the step, `\\sum_{k=1}^{K} e^{z_k}` in the softmax it
    differentiates: the definition sums all of z, and the step, in a letter of its own,
    likely all of z too, so N and K may both be its length, which no shape says. Told apart
    (the instance that gives each size letter a size of its own), the step fails by that
    reading only: undecided."""
    lengths: dict[str, set[str]] = {}
    step: dict[str, set[str]] = {}
    in_step = {id(n) for tree in trees for n in walk(tree)}
    for tree in _trees_used(trees, context):
        for node in walk(tree):
            bound = size_bound(node.upper) if isinstance(node, A.SumOver) else None
            if bound is None or bound[1] != 0 or not node.index \
                    or to_latex(node.lower) not in ("1", "None") and node.lower is not None:
                continue
            for n in walk(node.body):
                if isinstance(n, A.Name) and len(n.sub) == 1 and isinstance(n.sub[0], A.Name) \
                        and n.sub[0].base == node.index and not n.sub[0].sub:
                    lengths.setdefault(n.base, set()).add(node_text(bound[0]))
                    if id(node) in in_step:
                        step.setdefault(n.base, set()).add(node_text(bound[0]))
    for base, sizes in sorted(lengths.items()):
        # (\sum_{i=1}^{n} x_i = \sum_{i=1}^{m} x_i, both in the step, are sums of two sizes)
        if len(sizes) > 1 and sizes - step.get(base, set()) and step.get(base) \
                and context.shape_of(base) is None:
            first, second = sorted(sizes)[:2]
            raise MeaningError(f"{base} is summed to {first} and to {second}: both may be its "
                               "length, which no shape says", "", None,
                               f"Write one letter for the length of {base}, or declare its "
                               f"shape (shapes: {{{base}: [{first}, 1]}}).")


def _require_powers_apart_from_layers(trees: tuple, context: Context) -> None:
    """`a^2 = \\text{sigmoid}(z^2)` with `z^2 = 0.15` read as layer 2 and a defined nowhere:
    a^2 may be a's layer 2 as z^2 is, not a square. Undecided."""
    layers = {key.split("^{(")[1].rstrip(")}") for key in (*context.values,
                                                           *(d.key for d in context.definitions),
                                                           *(name_key(d.name)
                                                             for d in context.definitions))
              if "^{(" in key}
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.Power) and isinstance(node.base, A.Name) \
                and not node.base.sup and not node.base.sub \
                and isinstance(node.exponent, A.Num) and node.exponent.text in layers \
                and not context.is_value(name_key(node.base)) \
                and context.kind(name_key(node.base)) is None:
            shown = to_latex(node)
            raise MeaningError(f"{shown} may be layer {node.exponent.text} of "
                               f"{node.base.base}, as other names here are, or a power", "",
                               node.pos, f"Write {node.base.base}^{{({node.exponent.text})}} "
                               "for the layer.")


def _require_not_a_renaming(trees: tuple[A.Node, A.Node], context: Context) -> None:
    """`(-\\frac{y}{p} + \\frac{1-y}{1-p})\\sigma(z) = (-\\frac{y}{\\sigma(z)} + …)\\sigma(z)`
    after "p is σ(z)" in the prose: the right side is the left with a formula put for each
    of some letters nothing here defines; that the letter is that formula is said in words,
    so a point where it is not shows nothing. Undecided."""
    put: dict[str, str] = {}
    if isinstance(trees[0], A.Name | A.Partial) \
            or not _substituted(*trees, put, formulas=True) or not put:
        return
    put = {key: formula for key, formula in put.items() if key != formula}
    bases = {name_key(n): n.base for n in walk(trees[0]) if isinstance(n, A.Name)}
    # a letter the definitions are written in (p of J = -y \ln p - …), defined nowhere
    written = {name_key(n) for d in context.definitions for n in walk(d.written or d.body)
               if isinstance(n, A.Name)}
    if not put or any(context.is_value(key) or context.is_value(bases.get(key, key))
                      or context.kind(key) or key not in written for key in put):
        return
    key, formula = next(iter(put.items()))
    raise MeaningError(
        f"this step writes {formula} where the side before it writes {key}, which nothing "
        f"here defines: that {key} is {formula} may be said in words", "", None,
        f"Define {key} = {formula} to check the step.")


def _substituted(left, right, put: dict[str, str], formulas: bool = False) -> bool:
    """Whether `right` is `left` with a number for each of some names (one per name); with
    `formulas`, with a formula (no name or number: one letter for another is a slip) for
    each of them."""
    if formulas and isinstance(left, A.Name) and not left.sub and not left.sup \
            and not isinstance(ungroup(right), A.Name | A.Num | A.Neg):
        key = name_key(left)
        return key is not None and put.setdefault(key, to_latex(right)) == to_latex(right)
    number = right.text if isinstance(right, A.Num) else "-" + right.operand.text \
        if isinstance(right, A.Neg) and isinstance(right.operand, A.Num) else None
    if isinstance(left, A.Name) and printed_entries(right) is not None:
        # W_1 x = \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} 1 \\ 1
        # \end{bmatrix}: a printed matrix of numbers for a name
        key = name_key(left)
        return key is not None and put.setdefault(key, to_latex(right)) == to_latex(right)
    if isinstance(left, A.Name | A.Partial) and number is not None:
        # w = 0.5, ∂L/∂z = -0.1360: a number for a name, or for a derivative of one
        key = name_key(left) if isinstance(left, A.Name) else to_latex(left)
        return key is not None and put.setdefault(key, number) == number
    if isinstance(right, A.Neg) and isinstance(right.operand, A.BinOp) \
            and right.operand.op in PRODUCTS:         # a x = -0.1360 * 2.0: (-0.1360) 2.0
        inner = right.operand
        right = dataclasses.replace(inner, left=A.Neg(inner.left, right.pos))
    if isinstance(left, A.BinOp) and isinstance(right, A.BinOp) \
            and {left.op, right.op} <= PRODUCTS:      # a x = 0.5 * 2.0: one product
        return _substituted(left.left, right.left, put, formulas) \
            and _substituted(left.right, right.right, put, formulas)
    if isinstance(left, tuple) and isinstance(right, tuple):
        return len(left) == len(right) and all(
            _substituted(a, b, put, formulas) for a, b in zip(left, right, strict=True))
    if not (isinstance(left, A.Node) and isinstance(right, A.Node)):
        return left == right
    if type(left) is not type(right):
        return False
    if isinstance(left, (A.Name, A.Num)):
        return to_latex(left) == to_latex(right)
    return all(_substituted(getattr(left, f), getattr(right, f), put, formulas)
               for f in A.child_fields(type(left)))


PRODUCTS = frozenset({"juxt", "*", "cdot", "times"})     # the ways a product is written


def _require_no_worded_condition(link: tuple[str, str, str]) -> None:
    """`\\frac{\\partial C}{\\partial b} = \\frac{2}{N} \\sum_i e_i \\text{(for the nonzero
    activation case)}`: the step holds under a condition said in words, which is not read,
    so a point outside it shows nothing. Undecided."""
    for note in PROSE_NOTE.findall(link[0] + " " + link[2]):
        words = set(re.findall(r"[a-z]+", note.lower()))
        if words <= CONDITION_WORDS | OTHERWISE:
            continue            # `\text{if } z > 0`: the word alone, the condition in math
        if words & CONDITION_WORDS and not says_comparison(note):
            raise MeaningError(
                f"the step holds under a condition said in words ({note.strip(' ()')}), which "
                "derivcheck does not read", "", None,
                "Write the condition in math, as in \\begin{cases} … & z > 0 \\end{cases}.")


def _require_labelled_layers_defined(sides: Sides, context: Context) -> None:
    """`a_j^L (1 - a_j^L)` with `a_j^l = \\sigma(z_j^l)` defined for every layer l: the last
    layer L is one of them, but derivcheck builds the definitions for numbered layers only;
    a free a^{(L)} would be a value the context determines. Undecided."""
    layered = {family_of(name_key(d.name)) for d in context.definitions
               if any(isinstance(s, A.Name) and s.base in INDEX_LETTERS and not s.sub
                      for s in d.name.sup)}
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        layer = layer_of(symbol.name)
        if layer is not None and not layer[1].lstrip("-").isdigit() \
                and family_of(symbol.name) in layered:
            raise MeaningError(
                f"{symbol.name} is layer {layer[1]} of {layer[0]}, which the definitions give "
                "for every layer, but derivcheck builds them for numbered layers only", "",
                None, f"Write the step for a numbered layer, or define {layer[0]}^{{{layer[1]}}} "
                "itself.")


def _require_no_name_from_nowhere(sides: Sides, context: Context) -> None:
    """`\\frac{\\partial C}{\\partial b} = \\frac{2}{N} \\sum_i e_i` after "we substitute an
    error term $e_i = …$" in the prose: one side is all the definitions' quantities, the
    other brings a name nothing here mentions. What it stands for is said in words, not in
    a definition: undecided, never a counterexample with e_i a free number."""
    definitions = context.definitions_in(sides.instance)
    known = {str(k) for k in definitions} | {s.name for value in definitions.values()
                                             for s in _free(value)}
    known |= {s.name for side in (sides.lhs, sides.rhs) for s in _free(side)
              if isinstance(s, Margin)}           # a side condition's margin: stated
    left, right = ({s.name for s in _free(side)} for side in (sides.lhs, sides.rhs))
    families = {family_of(n) for n in known | left | right if n not in left ^ right} | {
        family_of(n) for n in known}
    for here, there in ((left, right), (right, left)):
        strangers = sorted(n for n in here - there - known if gradient_parts(Var(n)) is None
                           and family_of(n) not in families)
        if strangers and there and not there - known \
                and not _a_slip_for_a_known_name(sides, strangers[0], sorted(there)):
            raise MeaningError(
                f"{strangers[0]} is defined nowhere and stands on one side only, set against "
                "what the definitions give: it may name something the text says in words",
                "", None, f"Define {strangers[0]} (in `given` or a display equation) to "
                "check this.")


def _require_accented_known(sides: Sides, context: Context) -> None:
    """`\\bar{b} = \\bar{z}` with b and z the definitions' quantities and the barred
    names defined nowhere: a bar (tilde, dot) over a known quantity makes one from it, a
    mean or, in some notes, the loss's gradient by it, said in words. Read as free numbers,
    they would decide the step: undecided, never a counterexample."""
    definitions = context.definitions_in(sides.instance)
    known = {str(k) for k in definitions} | {s.name for value in definitions.values()
                                             for s in _free(value)}
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        found = _ACCENTED.fullmatch(family_of(symbol.name))
        if found and symbol.name not in known and context.kind(symbol.name) is None \
                and any(family_of(k) == found.group(1) for k in known):
            raise MeaningError(
                f"{symbol.name} is defined nowhere, but {found.group(1)} is: it may be a "
                f"quantity made from {found.group(1)} (a mean, or a gradient by it, as some "
                "notes write error signals), said in words", "", None,
                f"Define {symbol.name} to check this.")


_ACCENTED = re.compile(r"\\(?:bar|tilde|dot|overline)\{(.+)\}")


def _require_extent_said(sides: Sides, trees: tuple, context: Context) -> None:
    """∂L/∂w_j = Σ_{b=1}^{B} Σ_{h=1}^{H} ∂L/∂y_{bh} ∂y_{bh}/∂w_j with `y_{ij} = …` and L
    defined nowhere: the chain rule runs through every member of y, which no shape bounds
    (its members are built to the longest sum's size), while the sums stop at B and H. The
    difference may be only that guess. Undecided, naming the family."""
    upstream = {base_of(Var(parts[1])) for symbol in _free(sides.lhs) | _free(sides.rhs)
                if (parts := gradient_parts(symbol)) is not None}
    if not upstream:
        return
    for definition in context.definitions:
        key = name_key(dataclasses.replace(definition.name, sub=()))
        if not definition.name.sub or key not in upstream or context.shape_of(key) is not None:
            continue
        bounds = sorted({to_latex(node.upper) for tree in trees for node in walk(tree)
                         if isinstance(node, A.SumOver) and node.upper is not None
                         and any(isinstance(n, A.Name) for n in walk(node.upper))
                         and any(isinstance(n, A.Name) and name_key(dataclasses.replace(
                             n, sub=())) == key for n in walk(node.body))})
        if bounds:
            raise MeaningError(
                f"the chain rule runs through every {key}_{{…}}, and no shape says how far "
                f"its indices run, while the sums here stop at {', '.join(bounds)}", "", None,
                f"Declare its shape (shapes: {{{key}: [{', '.join(bounds[:2])}]}}).")


def _require_definitions_used(sides: Sides, context: Context) -> None:
    """`\\hat{y} - y = 0.5225 - 5` with ŷ defined, where the definitions could not give its
    value here (a family's member that clashes with a name, a definition left out): ŷ
    stays free, and a value picked for it shows nothing. Undecided, never a counterexample."""
    built = context.definitions_in(sides.instance)
    defined = {name_key(d.name) for d in context.definitions if d.error is None
               and not free_index_letters(d.name)}
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        if symbol.name in defined and symbol not in built:
            raise MeaningError(f"{symbol.name} is defined, but its definition could not give "
                               "its value here, so it is read as a free number", "", None,
                               f"Check the definition of {symbol.name} and what it rests on.")


def _unbuilt_definitions(trees, context: Context) -> list[str]:
    """The defined names the trees use, with no declared shape, whose definitions do not
    build at the first instance of sizes (a shape in them that does not fit)."""
    defined = {name_key(d.name): d for d in context.definitions
               if not isinstance(d.body, A.Unread)}
    used = [key for tree in trees for n in walk(tree) if isinstance(n, A.Name)
            and (key := name_key(n)) in defined and context.shape_of(key) is None]
    if not used:
        return []
    try:
        instance = instances_for(*trees, context)[0]
        built = {str(k) for k in context.definitions_in(instance)}
    except Exception:  # noqa: BLE001 — what cannot even be listed is not built either
        return sorted(set(used))
    return sorted({key for key in used if key not in built
                   and not any(b.startswith(key + "_{") for b in built)})


def _members_outside(sides: Sides, context: Context) -> list[str]:
    """The members the sides use, as free numbers, of families the definitions give for a
    letter (x̄_0 beside `\\bar{x}_n = \\frac{1}{n}\\sum_{i=1}^n x_i`): [] when none."""
    lettered = {family_of(name_key(d.name)) for d in context.definitions
                if d.name.sub and any(isinstance(n, A.Name) for s in d.name.sub for n in walk(s))}
    # a recurrence's early members (θ_0 of θ_{t+1} = φ_t + …) are its free start, not
    # members out of reach: only families given by a closed formula count
    lettered = {family for family in lettered if family not in {
        family_of(key) for key in rests_on(
            tuple(d.name for d in context.definitions
                  if family_of(name_key(d.name)) == family), context)}}
    built = context.definitions_in(sides.instance)
    # (not Y_{1,1} beside Y_{pred,ik}: the word tells it apart)
    labels: dict[str, set[frozenset]] = {}
    for var in built:
        if isinstance(var, sympy.Symbol):
            labels.setdefault(family_of(var.name), set()).add(_word_slots(var))
    return sorted(s.name for s in _free(sides.lhs) | _free(sides.rhs)
                  if s not in built and family_of(s.name) in lettered
                  and re.search(r"\d\}$", s.name)
                  and _word_slots(s) in labels.get(family_of(s.name), {_word_slots(s)}))


def _require_members_built(sides: Sides, context: Context) -> None:
    """`y_p = x_p^2` with p, not an index letter, in the subscript, then `y_1` in a claim:
    y_1 is likely member 1 of the family, which was not built (y_p is one name of its own),
    so y_1 would be sampled as a free number. Undecided, never a counterexample."""
    labelled = {}        # (base, superscripts, indices) -> (the defined name, its letter)
    for definition in context.definitions:      # y_p, O_{ib}: p, b read as labels
        slots = _index_letters_written(definition.name)
        labels = _label_letters(slots)
        if labels:
            labelled[_family_key(definition.name, slots)] = (definition.name, labels[0])
    if not labelled:
        return
    # the definitions count too: BCE summing a_1 … a_m, differentiated by z_q, is 0 as read
    built = context.definitions_in(sides.instance)
    held = set().union(_free(sides.lhs), _free(sides.rhs), *map(_free, built.values())) \
        - set(built)                                      # s_1 defined itself: no member
    for symbol in sorted(held, key=str):
        try:
            used = parse_side(symbol.name)
        except NotationError:
            continue
        if not isinstance(used, A.Name) or used.suffix or not used.sub \
                or not all(isinstance(index, A.Num) for index in used.sub):
            continue
        found = labelled.get(_family_key(used, used.sub))
        if found is not None:
            family, letter = found
            raise MeaningError(
                f"{symbol.name} may be a member of {to_latex(family)}, defined with {letter} "
                f"in its index, but {letter} is not read as an index letter, so the family's "
                f"members are not built and {symbol.name} would be a free number", "", None,
                f"Write the definition with an index letter (i, j, k) in place of {letter}, "
                f"or define {symbol.name} itself.")


def _require_indexed_members(sides: Sides, context: Context) -> None:
    """`a_u` in a step with `a_i = …` defined, or x_{ab} with a definition written in x_{ik}
    (u, a, b no index letters): a_u is likely the family's member at u, which the builder
    reads as a name of its own, a free number, so the step would be decided by that
    misreading. Undecided, naming it."""
    families = {}        # (base, superscripts, indices) -> the defined name
    # x_{ik} summed over k in `y_{ij} = \sum_k x_{ik} w_{kj}` too: x_{ab} is its member (not
    # s_o beside \sum_k s_k in one definition, which writes them apart: the positive sample
    # and the negatives)
    bodies = [n for d in context.definitions for n in walk(d.written or d.body)
              if isinstance(n, A.Name)]
    in_bodies = {_labelled_slots(n) for n in bodies}
    summed = [n for d in context.definitions for total in walk(d.written or d.body)
              if isinstance(total, A.SumOver) and total.index for n in walk(total.body)
              if isinstance(n, A.Name) and any(isinstance(s, A.Name) and s.base == total.index
                                               for s in n.sub)]
    for name in [d.name for d in context.definitions] + summed:
        slots = _index_letters_written(name)
        if slots and all(letter in INDEX_LETTERS for letter in slots):
            families.setdefault(_family_key(name, slots), name)
    defined_families = {_family_key(d.name, _index_letters_written(d.name))
                        for d in context.definitions}
    if not families:
        return
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        try:
            used = parse_side(symbol.name)
        except NotationError:
            continue
        if not isinstance(used, A.Name):
            continue
        written = _index_letters_written(used)
        letters = [c for c in _label_letters(written) if not context.is_value(c)]
        family = families.get(_family_key(used, written))
        if family is not None and _family_key(used, written) not in defined_families \
                and _labelled_slots(used) in in_bodies:
            continue
        if letters and family is not None:
            raise MeaningError(
                f"{symbol.name} may be a member of {to_latex(family)}, at {letters[0]}, but "
                f"{letters[0]} is not read as an index letter, so {symbol.name} would be a "
                "free number", "", None,
                f"Write the index with an index letter (i, j, k) in place of {letters[0]}.")


def _labelled_slots(name: A.Name) -> tuple:
    """A name's base, superscripts and the label letters of its subscript in their slots
    (`u_{o,l}` and `u_{o,1}`: u, o first): the labelled member it writes."""
    return name.base, node_text(A.Group(name.sup)), tuple(
        c if c in _label_letters([c]) else "" for c in _index_letters_written(name))


def _family_key(name: A.Name, slots) -> tuple[str, str, int]:
    """A family's key: its base, its superscripts, and how many indices it takes."""
    return name.base, node_text(A.Group(name.sup)), len(slots)


def _label_letters(slots: list[str]) -> list[str]:
    """The single letters of a subscript that are no index letters (p, b, u): labels."""
    return [c for c in slots if len(c) == 1 and c.isalpha() and c not in INDEX_LETTERS]


def _index_letters_written(name: A.Name) -> list[str]:
    """What a name's subscript writes, a slot each: `a_i` ["i"], `a_{1,u}` ["", "u"] (a
    number or an expression is ""); [] for a name with no subscript or a word in it."""
    if name.suffix:
        return [name.suffix] if len(name.suffix) == 1 and not name.sub else []
    return [s.base if isinstance(s, A.Name) and not s.sub else "" for s in name.sub]


def _require_one_arity_per_family(sides: Sides, context: Context) -> None:
    """`-\\sum_i \\sum_j y_{ji} \\log a_{ji}` with only `a_i = …` defined: a_{ji} is
    sample i's a_j, which the text builds with one index; read as a free number, the
    step would fail by a misreading. Undecided, naming it."""
    built = context.definitions_in(sides.instance)
    arity: dict[str, set[int]] = {}
    labels: dict[str, set[frozenset]] = {}
    for var in built:
        if isinstance(var, sympy.Symbol) and base_of(var) != var.name:
            arity.setdefault(base_of(var), set()).add(_index_count(var))
            labels.setdefault(base_of(var), set()).add(_word_slots(var))
    # a family defined whole (\mathbf{a} = softmax(W^T x)) that could not be built: its
    # entries are no free numbers either
    for family in context.defined_families() - {family_of(str(var)) for var in built}:
        arity.setdefault(family, set())
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        base = base_of(symbol)
        if symbol in built or base == symbol.name or base not in arity \
                or gradient_parts(symbol) is not None or _index_count(symbol) in arity[base] \
                or base in labels and _word_slots(symbol) not in labels[base]:
            continue        # (Y_{ik} beside Y_{pred,ik}: a quantity the word tells apart)
        raise MeaningError(
            f"{symbol.name} is defined nowhere, but {base} is defined: which of its entries "
            f"{symbol.name} stands for is not said", "", None,
            f"Define {symbol.name} (as in {base}_{{ji}} = …) to check this.")


def _word_slots(symbol: sympy.Symbol) -> frozenset[str]:
    """The words among a canonical name's subscripts: {pred} of `Y_{1,1,pred}`."""
    return frozenset(slot for slot in subscript_of(symbol).split(",")
                     if len(slot) > 1 and not slot.isdigit() and "{" not in slot)


def _arrow_variables(trees: tuple, context: Context) -> tuple:
    """`\\nabla_w \\|\\vec{y} - X\\vec{w}\\|^2`: a derivative's variable written plain, where
    the step (and the text it rests on) writes the letter only with the arrow, is the
    arrow's vector; the trees with each such variable written with its arrow."""
    if not any(isinstance(n, A.Name) and n.base.startswith(VECTOR_ACCENT + "{")
               for tree in trees for n in walk(tree)):
        return trees                    # no arrow in the step: nothing to rewrite
    written = (*trees, *(d.name for d in context.definitions),
               *(d.body for d in context.definitions),
               *(f.body for f in context.functions.values()))
    names = [n for tree in written for n in walk(tree) if isinstance(n, A.Name)]
    variables = {id(n.wrt) for tree in written for n in walk(tree)
                 if isinstance(n, A.Partial) and isinstance(n.wrt, A.Name)}
    arrows = {n.base.removeprefix(VECTOR_ACCENT + "{").removesuffix("}") for n in names
              if n.base.startswith(VECTOR_ACCENT + "{") and not n.sub and not n.sup}
    plain = {n.base for n in names if id(n) not in variables and not n.sub and not n.sup}
    out = []
    for tree in trees:
        for partial in [n for n in walk(tree) if isinstance(n, A.Partial)]:
            wrt = partial.wrt
            if isinstance(wrt, A.Name) and wrt.base in arrows - plain and not wrt.sub \
                    and not wrt.sup and not wrt.suffix:
                arrowed = dataclasses.replace(wrt, base=f"{VECTOR_ACCENT}{{{wrt.base}}}")
                tree = _with_node(tree, wrt, arrowed)
        out.append(tree)
    return tuple(out)


def _paired_digits(trees: tuple, context: Context) -> tuple:
    """`a_{i1} b_{12}` beside `b_{k2}`, in the step or the definitions it uses: a name
    written with two index slots, one an index letter, and never with one letter, has pairs
    for subscripts, so its two digits `12` are row 1 and column 2, never a twelfth entry.
    The trees with each such subscript written as the pair."""
    if not any(isinstance(n, A.Name) and len(n.sub) == 1 and isinstance(n.sub[0], A.Num)
               and len(n.sub[0].text) == 2 for tree in trees for n in walk(tree)):
        return trees                    # no two digits under a name: nothing to pair
    written = (*trees, *(d.name for d in context.definitions),
               *(d.body for d in context.definitions))
    paired = {_name_without_sub(n) for tree in written for n in walk(tree)
              if isinstance(n, A.Name) and len(n.sub) == 2
              and all(isinstance(s, A.Num) and s.text.isdigit() and len(s.text) == 1
                      or isinstance(s, A.Name) and not s.sub and s.base in INDEX_LETTERS
                      for s in n.sub)
              and any(isinstance(s, A.Name) for s in n.sub)}
    # (beside w_j too, w_{22} may be the twenty-second w_j: no pairs are said)
    paired -= {_name_without_sub(n) for tree in written for n in walk(tree)
               if isinstance(n, A.Name) and len(n.sub) == 1 and isinstance(n.sub[0], A.Name)}
    if not paired:
        return trees
    # w_{12} that a definition or a binding writes as it is stays one name everywhere
    kept = {name_key(n) for d in context.definitions for tree in (d.name, d.body)
            for n in walk(tree) if isinstance(n, A.Name)} | set(context.values)
    pairs = {name: pair for tree in trees for name in walk(tree)
             if isinstance(name, A.Name) and (pair := _digits_paired(name)) is not name
             and _name_without_sub(name) in paired and name_key(name) not in kept}
    return tuple(substitute_names(tree, pairs) for tree in trees) if pairs else trees


def _name_without_sub(name: A.Name) -> str:
    """A name's letter, marks and superscript, its subscript left out: what tells b_{12}
    and b_{k2} to be entries of one quantity."""
    return to_latex(dataclasses.replace(name, sub=(), primes=0))


def _require_arrows_apart(trees: tuple) -> None:
    """`\\langle \\vec v_i, \\vec v_j \\rangle` beside `v_{ij}`, in the step or the
    definitions it uses (net_j = \\vec{w_j}\\vec{x_j}, then ∂net_j/∂w_{ji}): the arrow's
    vectors may be the rows of v, written by their entries, or quantities of their own; a
    step wrong as read may be right the other way. Undecided, naming it."""
    names = [n for tree in trees for n in walk(tree) if isinstance(n, A.Name)]
    plain = {n.base for n in names}
    for name in names:
        letter = name.base.removeprefix(VECTOR_ACCENT + "{").removesuffix("}")
        if letter != name.base and letter in plain:
            raise MeaningError(
                f"{to_latex(name)} and {letter} are both written: the arrow's vector may be "
                f"made of {letter}'s entries, or be a quantity of its own", "", None,
                f"Write one of them (the entries {letter}_{{ij}}, or the vectors), or declare "
                "the shapes.")


def _require_rows_apart(trees: tuple, context: Context) -> None:
    """`\\frac{1}{N}\\sum_i x_i^T (x_i w - y_i)` beside `\\|X w - y\\|^2`: the x_i may be
    the rows of X, as course notes write a design matrix and its samples, or quantities of
    their own. A step wrong as read is undecided, naming both."""
    names = [n for tree in (*trees, *_bodies_used(trees, context),
                            *(f.body for f in context.functions.values()))
             for n in walk(tree) if isinstance(n, A.Name)]
    # W of `W = \begin{bmatrix} w_{11} & … \end{bmatrix}`: its entries are those w's
    printed = {d.key for d in context.definitions
               if isinstance(ungroup(d.written or d.body), A.MatrixLiteral)}
    # Z = \sum_k e^{z_k}, S = \sum_i x_i x_i^T: a sum over the entries, no stack of them
    summed = {d.key for d in context.definitions
              if any(isinstance(n, A.SumOver) for n in walk(d.body))}
    whole = {n.base for n in names if not n.sub and len(n.base) == 1 and n.base.isupper()
             and name_key(n) not in printed | summed}
    for name in names:
        if name.sub and len(name.base) == 1 and name.base.upper() in whole \
                and name.base.islower():
            raise MeaningError(
                f"{to_latex(name)} and {name.base.upper()} are both written: the "
                f"{name.base}'s {ROWS_APART} {name.base.upper()}, or quantities of "
                "their own", "", None, "Write the step with one of them, or declare the shapes.")


ROWS_APART = "may be the rows of"


def _read_as_entries(link, context: Context, budget: Budget) -> Finding | None:
    """`\\alpha = \\sum_{j} \\sum_{k} a_{jk} y_j x_k` beside `\\alpha = y^T A x`: a lower-case
    letter with two indices, beside its capital written whole and nothing defining either
    letter's entries, writes the capital's entries (A = [a_{jk}]), as matrix calculus
    does. The link read so: its verdict when that decides, else None."""
    try:
        trees = [parse_side(side) for side in link[:2]]
    except NotationError:
        return None
    names = [n for tree in (*trees, *_bodies_used(trees, context)) for n in walk(tree)
             if isinstance(n, A.Name)]
    whole = {n.base for n in names if not n.sub and not n.sup and len(n.base) == 1
             and n.base.isupper()}
    entries = {n.base for n in names if len(n.sub) == 2 and not n.sup and not n.primes
               and n.base.upper() in whole and n.base.islower()}
    if any(context.kind(e.upper()) == "symmetric" for e in entries):
        return None     # A = A^T declared: its written entries are not read as symmetric
    if not entries or any(len(n.sub) != 2 for n in names if n.base in entries) \
            or any(d.name.base in entries | {e.upper() for e in entries}
                   and isinstance(d.name, A.Name) and d.name.sub for d in context.definitions):
        return None
    written = [_capital_entries(side, entries) for side in link[:2]]
    try:
        if any(isinstance(n, A.Name) and n.base in entries for side in written
               for n in walk(parse_side(side))):
            return None         # \mathbf{a}_{jk}: an entry the text spells otherwise
    except NotationError:
        return None
    found = _find(written[0], written[1], link[2], context, budget)
    if found.verdict not in (Verdict.VALID, Verdict.INVALID):
        return None
    said = ", ".join(f"{e}_{{jk}} as the entries of {e.upper()}" for e in sorted(entries))
    return dataclasses.replace(found, reading="; ".join(filter(None, (found.reading,
                                                                      f"read with {said}"))))


def _capital_entries(side: str, letters: set[str]) -> str:
    """The side with each entry a_{jk} of the letters written A_{jk}."""
    for letter in letters:
        side = re.sub(rf"(?<![A-Za-z\\]){letter}(?=\s*_)", letter.upper(), side)
    return side


def _require_primes_read(trees: tuple, context: Context) -> None:
    """`y' = 2x` with `y = x^2`: a prime on a name the text defines, where the primed name
    is defined nowhere, is most likely its derivative, which a name of its own (as y' is
    read) is not. Undecided, never a counterexample."""
    defined = {name_key(d.name) for d in context.definitions}
    for node in (n for tree in trees for n in walk(tree)):
        if isinstance(node, A.Name) and node.primes and not context.is_value(name_key(node)) \
                and name_key(dataclasses.replace(node, primes=0)) in defined:
            plain = to_latex(dataclasses.replace(node, primes=0))
            raise MeaningError(f"{to_latex(node)} may be the derivative of {plain}, which is "
                               f"defined here, or a quantity of its own", "", None,
                               f"Write the derivative as \\frac{{d{plain}}}{{dx}} to check it.")


def _require_words_defined(trees: tuple, context: Context) -> None:
    """`\\text{symmetric }\\nabla f = …`: a word nothing defines, read as a quantity
    multiplying, is likely the prose around the math (an adjective, a label). A step wrong
    as read is undecided, naming it. Not a case's `\\text{undefined}` (no value there)."""
    for tree in trees:
        said = {id(n) for cases in walk(tree) if isinstance(cases, A.Cases)
                for value, _ in cases.branches if says_undefined(value) for n in walk(value)}
        for node in walk(tree):
            if isinstance(node, A.Name) and node.base.startswith(WORD_FONT + "{") \
                    and id(node) not in said and not context.is_value(name_key(node)) \
                    and not context.is_function(node.base):
                raise MeaningError(
                    f"{to_latex(node)} is a word defined nowhere here: it may be prose around "
                    "the math rather than a quantity", "", None,
                    f"Define {to_latex(node)}, or move the word out of the formula.")


def _index_count(symbol: sympy.Symbol) -> int:
    """How many indices the last subscript of a canonical name holds: `a_{1,2}` -> 2."""
    return subscript_of(symbol).count(",") + 1


def _a_slip_for_a_known_name(sides: Sides, stranger: str, known: list[str]) -> bool:
    """Whether the stranger is a known name misread (OCR's J for y): put in its place, the
    sides agree. Then the step is a slip the diagnosis names, not a name from nowhere."""
    difference = sides.lhs - sides.rhs
    for name in known[:MAX_SLIP_CANDIDATES]:
        swapped = difference.xreplace({Var(stranger): Var(name)})
        entries = list(swapped) if isinstance(swapped, sympy.MatrixBase) else [swapped]
        try:
            if all(sympy.expand(e) == 0 for e in entries):
                return True
        except Exception:  # noqa: BLE001 — an expression SymPy cannot expand is no slip
            continue
    return False


MAX_SLIP_CANDIDATES = 8


def _require_rows_read_whole(sides: Sides, context: Context) -> None:
    """`\\nabla_{\\theta_j} J = … + \\lambda \\theta_j` with `\\theta_{ij}` in J and no shape
    for θ: θ_j is row j of the matrix θ, read as a number of its own, so the sides differ by
    a misreading. Undecided."""
    names = {s.name for s in _free(sides.lhs) | _free(sides.rhs)}
    defined = {s.name for value in context.definitions_in(sides.instance).values()
               for s in _free(value)}
    for name in sorted(names):
        base = base_of(Var(name))
        index = name[len(base):].strip("_{}")
        rows = sorted(n for n in names | defined if n.startswith(base + "_{" + index + ",")) \
            if base != name and index.isdigit() and len(index) == 1 else []
        if rows:
            raise MeaningError(
                f"{base} is used with one index ({name}) and with two ({rows[0]}), and no "
                "shape is declared for it", "", None,
                f"Declare its shape, as in shapes: {{{base}: [k, n]}}.")


def _require_no_unsized_identity(sides: Sides, context: Context) -> None:
    """`\\frac{\\partial x_{l+1}}{\\partial x_l} = \\mathbf{I} + …` with I defined nowhere: I is
    most likely the identity matrix (of a size nothing declares), not a free number; so are
    I_n and I' (an identity with a zero where the intercept is not penalized)."""
    if any(base_of(s).rstrip("'") == IDENTITY and not context.is_value(s.name)
           for s in _free(sides.lhs) | _free(sides.rhs)) and not context.is_value(IDENTITY):
        raise UnshapedError(
            f"{IDENTITY} is defined nowhere: it may be the identity matrix, whose size "
            "nothing here declares", "", None,
            f"Declare the shapes of the vectors here (and of {IDENTITY}), or define "
            f"{IDENTITY}.")


def _require_estimates_on_both_sides(sides: Sides) -> None:
    """`-\\frac{2}{N} \\sum_i (y_i - X_i W) X_i = -\\frac{2}{N} \\sum_i (y_i - \\hat{y}_i) X_i`
    with ŷ defined nowhere: one side writes the model's output where the other holds its
    value. As a free number ŷ makes the sides differ by a misreading: undecided."""
    names = [{s.name for s in _free(side)} for side in (sides.lhs, sides.rhs)]
    left, right = ({n for n in side if n.startswith(ESTIMATE)} for side in names)
    alone = sorted(left ^ right)
    # the rest of ŷ's side is written on the other side too (\hat{y} = y is a claim)
    rest = (names[0] - left) if left - right else (names[1] - right)
    other = names[1] if left - right else names[0]
    if alone and rest and rest <= other:
        raise MeaningError(
            f"{alone[0]} is defined nowhere and stands on one side only: the other side may "
            "hold its value (a model's output)", "", None,
            f"Define {alone[0]} (as in \\hat{{y}} = X w) to check this.")


def _holds_for_every_function(lhs_node, rhs_node, link: tuple[str, str, str],
                              context: Context, budget: Budget,
                              decisions: tuple[str, ...]) -> Finding | None:
    """`\\frac{\\partial (uv)}{\\partial x} = u \\frac{\\partial v}{\\partial x} + v
    \\frac{\\partial u}{\\partial x}` with u, v defined nowhere: a name whose derivative by x
    is written is read as any function of x. What holds for every such function holds for
    the writer's, so only a valid verdict is kept (None otherwise: a particular function
    the text did not give may still make the step right)."""
    variables = _variables_of_undefined(lhs_node, rhs_node, context)
    nodes = [n for tree in (lhs_node, rhs_node) for n in walk(tree)]
    if variables is None or any(
            isinstance(n, A.Transpose) or isinstance(n, A.Name) and n.base.isupper()
            and context.shape_of(name_key(n)) is None for n in nodes):
        return None     # ∂(A u)/∂x = ∂u/∂x A^T: matrices read as numbers hide the order
    mapping = {name: A.BinOp("apply", name, A.Group(
        args[0] if len(args) == 1 else A.MatrixLiteral((tuple(args),), name.pos), name.pos),
        name.pos) for name, args in variables.items()}
    functions = dict(context.conventions.get("symbols") or {})
    functions.update({name_key(name): "function" for name in variables})
    general = context.copy()
    general.conventions = dict(context.conventions, symbols=functions)
    general._changed()
    said = ", ".join(f"{node_text(n)} as any function of "
                     + ", ".join(node_text(a) for a in args) for n, args in variables.items())
    try:
        found = check_symbolic(substitute_names(lhs_node, mapping),
                               substitute_names(rhs_node, mapping), link, general, budget,
                               (*decisions, said + " (its derivative is written)"),
                               general=False)
    except Exception:  # noqa: BLE001 — any failure of this second reading leaves the first's
        return None
    if found.verdict != Verdict.VALID:
        return None
    return dataclasses.replace(found, message=f"{found.message}{EVERY_FUNCTION}{said}")


EVERY_FUNCTION = ", for every function: "     # how a reading of names as any functions reads


# ∂, ∇, \frac{d…}{d…} or d/dx in a link's text: a derivative it may write
_WRITES_A_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\d?frac\s*\{\s*d|(?<![A-Za-z])d\s*/")


def _vacuous_in_link(left: str, right: str, context: Context) -> tuple | None:
    """`_vacuous_derivative` of a link's sides as written: (why, the two trees), or None."""
    if not _WRITES_A_DERIVATIVE.search(left + right):
        return None             # most links: no derivative to read again
    try:
        trees = (parse_side(left), parse_side(right))
        resolved = tuple(context.resolve(tree).tree for tree in trees)  # du: a differential
    except NotationError:
        return None
    if context.twins_read or _derivative_of_undefined(resolved, context) is not None:
        return None     # Y held by L = (Y - T)^2: read both ways (`_twin_readings`)
    why = _vacuous_derivative(resolved, context)
    return None if why is None else (why, trees)


def _vacuous_derivative(trees: tuple, context: Context) -> str | None:
    """`\\frac{d \\det(A)}{dt} = \\sum_{i,j} \\frac{d a_{ij}}{dt} A_{ji}`, or `\\frac{\\partial}
    {\\partial x} \\frac{u}{v} = \\frac{v u' - u v'}{v^2}`, with a_{ij}, u, v defined nowhere
    and t, x written in no definition: the step differentiates what holds only such names
    by a variable nothing here depends on, and writes the derivative (differential, prime)
    of one of them, which the writer means to depend on it; as read every such derivative
    is 0, which decides the step. Why, or None. (`\\frac{d}{dc}(ab) = 0` writes none: a
    claim that ab is free of c.)"""
    heads = {d.name.base for d in context.definitions}
    bodies = [*(d.written or d.body for d in context.definitions),
              *(f.written or f.body for f in context.functions.values())]
    in_bodies = {n.base for body in bodies for n in walk(body) if isinstance(n, A.Name)}
    nodes = [n for tree in trees for n in walk(tree)]

    def free(name: A.Name) -> bool:
        key = name_key(dataclasses.replace(name, primes=0))
        return key is not None and not context.is_value(key) \
            and not context.is_value(name.base) and context.kind(key) is None \
            and context.function_for(name) is None and not context.is_function(name.base) \
            and name.base not in CONSTANT_LETTERS and name.base not in heads

    variables = set()
    for node in nodes:
        if not (isinstance(node, A.Partial) and isinstance(node.wrt, A.Name)) \
                or node.wrt.base in in_bodies | heads:
            continue
        target = node.numerator if node.numerator is not None else node.operand
        names = [n for n in walk(target) if isinstance(n, A.Name) and free(n)] \
            if target is not None else []
        if not names or any(n.base == node.wrt.base for n in walk(target)
                            if isinstance(n, A.Name)) \
                or isinstance(target, A.Name) and target.base not in in_bodies:
            continue                # ∂L/∂y with L defined nowhere: any number, not 0
        variables.add(node.wrt.base)
    if not variables:
        return None
    differentiated = [n.numerator for n in nodes if isinstance(n, A.Partial)
                      and isinstance(n.numerator, A.Name)] \
        + [n.operand for n in nodes if isinstance(n, A.Differential)
           and isinstance(n.operand, A.Name)] \
        + [n for n in nodes if isinstance(n, A.Name) and n.primes]
    for name in differentiated:
        if name.base not in variables and free(name):
            return (f"{to_latex(name)} is defined nowhere, and the step differentiates it by "
                    f"{', '.join(sorted(variables))}, which nothing here is written in: as "
                    "read that derivative is 0, which would decide the step")
    return None


def _variables_of_undefined(lhs_node, rhs_node, context: Context) -> dict | None:
    """Each name defined nowhere whose derivative the step writes (∂v/∂x), with the
    variables it is differentiated by; None when there is none, or when such a name is
    itself a variable of differentiation (v(u(x)): which depends on which is not said)."""
    variables: dict[A.Name, list[A.Name]] = {}
    by: set[str] = set()
    for node in (n for tree in (lhs_node, rhs_node) for n in walk(tree)):
        if not (isinstance(node, A.Partial) and isinstance(node.wrt, A.Name)):
            continue
        numerator = node.numerator
        if numerator == node.wrt:
            continue                        # ∂u/∂u = 1: u is the variable
        by.add(name_key(node.wrt))
        if isinstance(numerator, A.Name) and not context.is_value(name_key(numerator)) \
                and context.function_for(numerator) is None and not numerator.sub \
                and not numerator.sup:
            bare = A.Name(numerator.base, suffix=numerator.suffix, primes=numerator.primes)
            known = variables.setdefault(bare, [])
            if all(name_key(v) != name_key(node.wrt) for v in known):
                known.append(node.wrt)
    if not variables or any(name_key(n) in by for n in variables):
        return None
    return variables


def _name_given_a_number(lhs_node, rhs_node, context: Context) -> str | None:
    """`… = w_5 = 0.40` (or `a_1 = 6 - 0.1 \\times 2`) with w_5 neither defined nor bound: the
    line tells w_5's value, maybe by arithmetic; it claims nothing that can be checked. The
    name, or None."""
    for name, number in ((lhs_node, rhs_node), (rhs_node, lhs_node)):
        if isinstance(name, A.Name) and name.base not in (ONES, ZEROS) and (
                printed_number(number) is not None
                or not any(isinstance(n, A.Name | A.Call) for n in walk(number))) \
                and not free_index_letters(name) and exact_value(context, name) is None \
                and not any(name_key(d.name) == name_key(name) for d in context.definitions):
            return to_latex(name)
    return None


def _require_dependence_as_read(trees: tuple, sides: Sides, context: Context) -> None:
    """`\\frac{\\partial E}{\\partial W_3} = \\delta_3 x_2^T` with E = ½‖z − t‖², z
    defined nowhere, and δ_3 a function of W_3: as read E does not hold W_3, so the
    derivative is 0, while the claimed one depends on W_3. The writer means z to depend on
    it (z is the network's output, named in words): undecided, never a counterexample."""
    for tree, other in ((trees[0], sides.rhs), (trees[1], sides.lhs)):
        # ∂net_k/∂α_j under \sum_k: read at one k, as dependence does not change with it
        summed = {n.index for n in walk(tree) if isinstance(n, A.SumOver) and n.index
                  and n.index not in sides.instance.indices}
        instance = sides.instance.with_indices(dict.fromkeys(sorted(summed), 1))
        for node in walk(tree):
            if not isinstance(node, A.Partial) or not isinstance(node.numerator,
                                                                 A.Name | A.Call):
                continue
            try:
                builder = context.builder(instance)
                function = context.functions.get(node.numerator.name) \
                    if isinstance(node.numerator, A.Call) else None
                if isinstance(node.numerator, A.Call) and (
                        function is None or node.numerator.args != function.parameters):
                    continue
                if function is not None:        # J(w_1, w_2, b) = …: J's body
                    numerator = context.expand(builder.read(function.body), instance)
                else:
                    written = builder.read(node.numerator)
                    if written in context.definitions_in(instance):
                        numerator = context.expand(written, instance)
                wrt = builder.read(node.wrt)
            except (NotationError, ShapeError, TypeError, ValueError):
                continue
            if function is None and written not in context.definitions_in(instance):
                # a gradient of what nothing defines is any number, unless the definitions
                # are written in it
                _require_leaf_dependence(node, written, wrt, context, instance)
                continue
            variables = set(wrt) if isinstance(wrt, sympy.MatrixBase) else {wrt}
            held = _free(numerator)
            try:        # what the other side holds through its definitions (P_i = σ(z_i))
                expanded = _free(context.expand(other, instance)) | _free(other)
            except (NotationError, ShapeError, TypeError, ValueError):
                expanded = _free(other)
            # a name the claimed derivative does not hold first: z, not the target t
            strangers = sorted((s in _free(other), str(s)) for s in held - variables
                               if not context.is_value(str(s)) and gradient_parts(s) is None)
            strangers = [name for _, name in strangers]
            if held & variables or not strangers or not variables & expanded:
                continue
            raise MeaningError(
                f"as read, {to_latex(node.numerator)} does not depend on "
                f"{to_latex(node.wrt)}, while the other side does: it holds {strangers[0]}, "
                f"defined nowhere here, which may stand for what depends on it", "", None,
                f"Define {strangers[0]} (as in {strangers[0]} = …) to check this step.")


def _require_leaf_dependence(node: A.Partial, numerator, wrt, context: Context,
                             instance: Instance) -> None:
    """`\\frac{dJ}{dp}\\frac{dp}{dz}` with `J = -y \\ln p - …` defined and p defined nowhere
    ("p is σ(z)", in words): p is a quantity J is written in, and read so its derivative by
    z is 0; the writer, who writes that derivative, means p to depend on z. Undecided."""
    if not (isinstance(numerator, sympy.Symbol) and isinstance(wrt, sympy.Symbol)) \
            or numerator == wrt or family_of(numerator.name) == family_of(wrt.name) \
            or gradient_parts(numerator) is not None or context.is_value(numerator.name) \
            or context.kind(numerator.name) is not None \
            or not context.uses(numerator, instance) \
            or inverse_leaf(context, wrt, instance, numerator) == numerator:   # x by z = x^2
        return
    raise MeaningError(f"{to_latex(node.numerator)} is defined nowhere, yet its derivative "
                       f"by {to_latex(node.wrt)} is written: how it depends on "
                       f"{to_latex(node.wrt)} is not said (the text may say it in words)",
                       "", None, f"Define {to_latex(node.numerator)} to check this step.")


def _require_point_given(sides: Sides, trees: tuple, context: Context) -> None:
    """`p = \\frac{e^{2}}{1 + e^{2}}` with p = σ(β_i): a worked example at one point (β_i
    = 2), one side a number, the other a value at inputs its definitions hold and the text
    has not given; shown wrong only at inputs the sampler chose. (`(y - p)^2 = 1` writes
    its unknowns: a claim about every y and p.)"""
    unknown = _free(sides.lhs) | _free(sides.rhs)
    written = {name_key(n) for tree in trees for n in _values_written(tree)}
    # `r_1 = 1 \cdot r_2 + (3 - 1)` with r_2 given a number: a number worked from it too
    # (not where a worked example printed its intermediates: their numbers decide)
    worked = _is_worked_example(*trees) or not _worked_definitions(context) and any(
        not _free(value) and any(_given_a_number(n, context) for n in _values_written(tree))
        for value, tree in ((sides.lhs, trees[0]), (sides.rhs, trees[1])))
    if unknown and not (_free(sides.lhs) and _free(sides.rhs)) \
            and worked and not any(s.name in written for s in unknown):
        unknowns = ", ".join(sorted(str(s) for s in unknown)[:4])
        raise MeaningError(f"a worked number, but the value here depends on {unknowns}, which "
                           "the text has not given", "", None, "Bind them to check it.")


def _given_a_number(name: A.Name, context: Context) -> bool:
    """Whether the context gives the name a printed number (`r_2 = 1`)."""
    key = name_key(name)
    return key in context.values or any(
        name_key(d.name) == key and is_printed_number(d.written or d.body)
        for d in context.definitions)


def _require_call_where_given(trees: tuple, context: Context) -> None:
    """`f(\\mathbf{x} - \\alpha \\mathbf{g})` with f defined nowhere but given at another
    argument (`f(\\mathbf{x} + \\delta\\mathbf{x}) = …`, a Taylor expansion): the text
    says what f is there only, so its value here is not read, and any counterexample
    would come from an f the text does not mean. Read on the trees, before any verdict."""
    given = {d.key for d in context.definitions if d.key.startswith(COMPOSITE + "{")}
    if not given:
        return
    for node in (n for tree in trees for n in walk(tree)):
        if not (isinstance(node, A.Call) and node.callee is A.Callee.ARBITRARY
                and len(node.args) == 1):
            continue
        name = A.Name(node.name)
        written = composite_name(A.BinOp("apply", name, A.Group(node.args[0])))
        if any(key.startswith(composite_of(name)) for key in given) \
                and (written is None or name_key(written) not in given):
            raise MeaningError(
                f"{node.name} is defined nowhere, and the text gives its value at another "
                f"argument only, so its value at {to_latex(node.args[0])} is not read", "",
                None, f"Define {node.name} (as in {node.name}(x) = …) to check this step.")


def _require_letter_written_one_way(trees: tuple, context: Context) -> None:
    """`\\frac{\\partial E}{\\partial a^{(L)}_1} = 0` with E = ½ Σ_k (a_k − y_k)², or
    the operator on that sum: the derivative by a letter with a layer, of what holds the
    letter only without one (or the other way round), is 0 as read, by a misreading. Read
    on the trees, before any verdict (a printed number decides early), once per step."""
    defined = {name_key(d.name): d.body for d in context.definitions}
    for node in (n for tree in trees for n in walk(tree)):
        if not (isinstance(node, A.Partial) and isinstance(node.wrt, A.Name)):
            continue
        body = node.operand if node.numerator is None else \
            defined.get(name_key(node.numerator)) if isinstance(node.numerator, A.Name) \
            else None
        if body is None:
            continue
        wrt = node.wrt
        held = [n for n in walk(body) if isinstance(n, A.Name) and n.base == wrt.base]
        if not held and wrt.sub and wrt.base[:1].islower():
            # ∂E/∂w^{HO}_{ij} with E through σ(HO W^{HO}): the entries of W^{HO}, as read
            # nowhere (each derivative by w_{ij} is 0)
            held = [n for b in (body, *_bodies_used((body,), context)) for n in walk(b)
                    if isinstance(n, A.Name) and n.base == wrt.base[:1].upper() + wrt.base[1:]
                    and not n.sub
                    and n.sup == wrt.sup]
        if not held or any(bool(n.sup) == bool(wrt.sup) and n.base == wrt.base for n in held):
            continue
        stranger = held[0]
        if name_key(stranger) in defined or context.is_value(name_key(stranger)):
            continue
        raise MeaningError(
            f"as read, this does not depend on {to_latex(wrt)}, but it holds "
            f"{to_latex(stranger)}, defined nowhere here, the same letter written another "
            "way, which may be what the text means", "", None,
            "Write the definition with the names the step uses.")


MAX_LABEL_READINGS = 3    # vectors tried as one-hot labels before a claim is shown wrong


def _require_not_a_label_reading(sides: Sides, context: Context, budget: Budget) -> None:
    """`-t_i + y_i \\sum_j t_j = y_i - t_i`: wrong for any t, right when t is one-hot, as a
    class label is, which the text says in words ("only one class is active"). A reading
    the context cannot rule out for a target's letter (y, t): undecided, naming it, never a
    counterexample."""
    members: dict[str, set] = {}
    for symbol in _free(sides.lhs) | _free(sides.rhs):
        name = str(symbol)
        if re.fullmatch(r"[^_^]+_\{\d+\}", name) and gradient_parts(symbol) is None:
            members.setdefault(family_of(name), set()).add(symbol)
    families = sorted(f for f, found in members.items() if len(found) > 1
                      and context.kind(f) is None and f in LABEL_LETTERS)
    lhs_value, rhs_value = diagonal_reading(sides.lhs, sides.rhs)
    layout = context.conventions.get("layout", "denominator")
    labels = sorted(str(s) for s in _free(sides.lhs) | _free(sides.rhs)
                    if base_of(s).split("^")[0] in LABEL_LETTERS and context.kind(str(s)) is None
                    and re.fullmatch(r"[yt](\^\{\([^)]*\)\})?", str(s)))
    for label in labels[:MAX_LABEL_READINGS]:      # P(y) = σ((2y - 1) z): y is 0 or 1
        def binary(symbol, label=label):
            return "binary" if str(symbol) == label else context.kind(symbol.name)
        outcome, _, _ = C.compare_shaped(lhs_value, rhs_value, binary, budget, False, layout)
        if outcome.verdict == Verdict.VALID:
            raise MeaningError(
                f"this holds when {label} is 0 or 1, as a binary class label is, and not "
                "otherwise; the text may say so in words", "", None,
                f"Declare it (symbols: {{{label}: binary}}) to check this step.")
    for family in families[:MAX_LABEL_READINGS]:
        def kind(symbol, family=family):
            return "one-hot" if symbol in members[family] else context.kind(symbol.name)
        outcome, _, _ = C.compare_shaped(lhs_value, rhs_value, kind, budget, False, layout)
        if outcome.verdict == Verdict.VALID:
            raise MeaningError(
                f"this holds when {family} is one-hot (one entry 1, the others 0), as a class "
                f"label is, and not otherwise; the text may say so in words", "", None,
                f"Declare it (symbols: {{{family}: one-hot}}) to check this step.")
    _require_not_a_distribution_reading(sides, context, budget)


def _require_not_a_distribution_reading(sides: Sides, context: Context,
                                        budget: Budget) -> None:
    """`-\\sum_j (y_{ji} s_j - y_{ji} L) = -\\sum_j y_{ji} s_j + L`: right when sample i's
    target entries sum to 1, as a distribution's (or a one-hot label's) do, which the text
    says in words. A reading a target's letter (y, t) cannot rule out, when nothing declares
    its entries: undecided, naming it, never a counterexample."""
    members: dict[str, list] = {}
    for symbol in _free(sides.lhs) | _free(sides.rhs):
        name = str(symbol)
        if gradient_parts(symbol) is None and family_of(name) in LABEL_LETTERS \
                and base_of(symbol) != name \
                and context.kind(name) in (None, "probability"):
            members.setdefault(family_of(name), []).append(symbol)
    layout = context.conventions.get("layout", "denominator")
    for family, found in sorted(members.items()):
        rows = _one_varying_index(found)
        if rows is None:
            continue
        spread = {symbol: Var(f"{family}_{{{k + 1}}}") for k, symbol in enumerate(rows)}
        lhs, rhs = (side.xreplace(spread) if isinstance(side, sympy.Basic) else side
                    for side in diagonal_reading(sides.lhs, sides.rhs))
        named = frozenset(spread.values())
        def kind(symbol, named=named):
            return "distribution" if symbol in named else context.kind(symbol.name)
        outcome, _, _ = C.compare_shaped(lhs, rhs, kind, budget, False, layout)
        if outcome.verdict == Verdict.VALID:
            raise MeaningError(
                f"this holds when the entries of {family} sum to 1, as a distribution's (or a "
                "one-hot label's) do, and not otherwise; the text may say so in words", "",
                None, f"Declare it (symbols: {{{family}: distribution}}) to check this step.")


def _one_varying_index(symbols: list) -> list | None:
    """Entries of one family that differ in one index only (y_{1,1}, y_{2,1}, y_{3,1}), in
    order; None for one entry, or entries that differ in more."""
    if len(symbols) < 2:
        return None
    indices = [subscript_of(s).split(",") for s in symbols]
    if len({len(i) for i in indices}) != 1:
        return None
    varying = [k for k in range(len(indices[0])) if len({i[k] for i in indices}) > 1]
    if len(varying) != 1:
        return None
    return [s for _, s in sorted(zip(indices, symbols, strict=True), key=lambda p: p[0])]


def _require_no_rebound_name(trees: tuple, context: Context) -> None:
    """`y_{pred} = 0.524` in a worked example, after y_{pred} was defined as f(…): the
    value took the definition's place, so a derivative through y_{pred} is 0 as read,
    which the writer does not mean. A derivative that meets such a name is undecided."""
    if not context.rebound or not any(isinstance(n, A.Partial)
                                      for tree in trees for n in walk(tree)):
        return
    used = [*trees, *_bodies_used(trees, context)]
    met = sorted(context.rebound & {name_key(n) for tree in used for n in walk(tree)
                                    if isinstance(n, A.Name)})
    if met:
        raise MeaningError(
            f"a derivative here goes through {met[0]}, which a worked example bound to a "
            f"number in place of its definition, so it is read as a constant", "", None,
            f"Give the worked value a name of its own ({met[0]}^{{*}} = …) to keep the "
            f"definition of {met[0]} in force.")


UNDEFINED_FUNCTION = "is a function nothing here defines"


def _require_functions_on_both_sides(sides: Sides, context: Context) -> None:
    """`\\frac{\\partial \\ell(\\beta)}{\\partial \\beta} = \\frac{\\partial}{\\partial \\beta}
    \\sum_i …` with ℓ defined nowhere: the derivative of a function nothing here defines,
    set against a side without that function, is any function of its argument (the text
    may define ℓ by this very line). Undecided, never a counterexample."""
    def functions(side) -> tuple[set, set]:
        """The undefined functions a side applies, and those it differentiates."""
        found = C.atoms_of(side, AppliedUndef, sympy.Derivative)
        return ({f.func for f in found if isinstance(f, AppliedUndef)},
                {d.expr.func for d in found
                 if isinstance(d, sympy.Derivative) and isinstance(d.expr, AppliedUndef)})

    lhs, rhs = functions(sides.lhs), functions(sides.rhs)
    for (_, differentiated_here), (applied, differentiated_there), there in (
            (lhs, rhs, sides.rhs), (rhs, lhs, sides.lhs)):
        letters = {s.name for s in _free(there)}      # Φ read as a number there: not alone
        alone = sorted(str(f) for f in differentiated_here - applied - differentiated_there
                       if str(f) not in letters and OUTCOME_MARK not in str(f))
        if alone:
            raise MeaningError(
                f"{alone[0]} {UNDEFINED_FUNCTION}, and its derivative is set "
                "against a side without it: it stands for any function", "", None,
                f"Define {alone[0]} (as in {alone[0]}(x) = …) to check this step.")
    declared = context.conventions.get("symbols") or {}
    for written, (applied, taken) in ((sides.lhs, rhs), (sides.rhs, lhs)):
        lone = _lone_derivative_of(written)
        if lone is not None and lone in applied and lone not in taken \
                and declared.get(str(lone)) != "function":     # σ: function, any one
            # A = f(Z), then ∂A/∂Z = A(1 - A): f' said in terms of f, which only some
            # functions satisfy (the sigmoid here); the text may say in words which f it is
            raise MeaningError(
                f"{lone} {UNDEFINED_FUNCTION}, and its derivative is set equal to an "
                f"expression of {lone} itself, which holds for particular functions only (as "
                "σ' = σ(1 - σ) does for the sigmoid); which one is meant is not said", "",
                None, f"Declare it, as in conventions: {{symbols: {{{lone}: sigmoid}}}}.")


def _lone_derivative_of(side):
    """The undefined function a side is the derivative of, and nothing more (f'(Z), at a
    point or not); None for any other side."""
    if isinstance(side, sympy.Subs):
        side = side.expr
    if isinstance(side, sympy.Derivative) and isinstance(side.expr, AppliedUndef):
        return side.expr.func
    return None


def _require_related_gradients(sides: Sides, context: Context) -> None:
    """`\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial o}
    \\frac{\\partial o}{\\partial w}` with none of E, o, w defined: each derivative is any
    number, unrelated to the others, so the chain rule cannot be shown wrong. Undecided."""
    defined = {str(v) for v in context.definitions_in(sides.instance)}
    undefined: set[str] = set()
    for symbol in sorted(_free(sides.lhs) | _free(sides.rhs), key=str):
        if gradient_parts(symbol) is None:
            continue
        numerator, wrt = gradient_parts(symbol)
        if numerator not in defined and numerator != wrt \
                and family_of(numerator) != numerator and (
                    wrt in defined and family_of(numerator) == family_of(wrt)
                    or family_of(numerator) in context.functions):
            # \xi_1 through \xi = \frac{1}{N}\sum_i …, or with \xi(t_i, y_i) = … defined: a
            # sample's term of ξ, not any function of what it is differentiated by
            raise MeaningError(
                f"{numerator} is defined nowhere, but {family_of(numerator)} is: "
                f"{numerator} may be its term for one sample, not any function", "", None,
                f"Define {numerator} (as in {numerator} = …) to check this step.")
        if numerator not in defined and wrt not in defined:
            raise MeaningError(
                f"{symbol.name} relates quantities that nothing here defines, so it stands "
                "for any number", "", None,
                "Define them (net = w out + b, out = \\sigma(net)) to check the chain rule.")
        if numerator not in defined:
            undefined.add(numerator)
    if len(undefined) > 1:
        # E_total and E_o1 both any function of the graph: how they relate is not said
        names = ", ".join(sorted(undefined))
        raise MeaningError(f"{names} are not defined here, so how they relate to each other "
                           "is not known", "", None, "Define them to check this step.")
    if undefined:
        # ∂E/∂w = δ_{h1} i_1 with δ_{h1} defined nowhere: it likely names a gradient of E
        used = set().union(*(getattr(v, "free_symbols", set()) for v in
                             context.definitions_in(sides.instance).values()))
        for side, other in ((sides.lhs, sides.rhs), (sides.rhs, sides.lhs)):
            loose = sorted(str(s) for s in _free(side) - _free(other) - used
                           if gradient_parts(s) is None and str(s) not in defined)
            if loose and any(gradient_parts(s) for s in _free(other)):
                raise MeaningError(
                    f"{loose[0]} is defined nowhere, and it may stand for a gradient of "
                    f"{sorted(undefined)[0]}", "", None, f"Define {loose[0]} to check this.")
        loss = sorted(undefined)[0]
        by = [{family_of(gradient_parts(s)[1]) for s in _gradients_of(side, undefined)}
              for side in (sides.lhs, sides.rhs)]
        if by[0] and by[1] and not by[0] & by[1]:
            # ∂L/∂x̂ on one side and ∂L/∂y on the other, y = x̂ ⊙ w: which holds depends on
            # how L, defined nowhere, reaches each, which the reading may have cut apart
            raise MeaningError(
                f"{loss} is defined nowhere here, and the sides hold its gradients by "
                f"different quantities ({sorted(by[0])[0]} on one, {sorted(by[1])[0]} on the "
                "other), which only its definition relates", "", None,
                f"Define {loss} to check this.")
        if bool(_gradients_of(sides.lhs, undefined)) != bool(_gradients_of(sides.rhs, undefined)):
            # ∂E/∂u_j = y_j - t_j with E defined nowhere: the chain rule leaves E's own
            # derivatives, which a closed form can match only for the E the writer means
            raise MeaningError(
                f"{loss} is defined nowhere here, so its derivatives are any "
                "numbers, and one side is a closed form that only its definition could "
                "check", "", None, f"Define {loss} to check this.")


def _gradients_of(side, numerators: set[str]) -> list:
    """The derivatives of the named quantities a built side holds."""
    return [s for s in _free(side)
            if (parts := gradient_parts(s)) is not None and parts[0] in numerators]


def _require_known_probabilities(sides: Sides) -> None:
    """`p(y \\mid x)` that nothing defines depends on a distribution: sides that differ as
    free numbers may still agree for every distribution (Bayes' rule), so never invalid."""
    for value in (sides.lhs, sides.rhs):
        for symbol in sorted(_free(value), key=str):
            if r"\mid" in str(symbol):
                raise MeaningError(
                    f"{symbol} is a probability that is not defined here: its value depends "
                    "on a distribution derivcheck does not know", "", None,
                    "Define it (p(y \\mid x) = …) before the step, or check the step by hand.")


def _takes_vector(name: str) -> bool:
    function = known_function(name)
    return function is not None and function.takes_vector


def numeric_sides(sides: Sides, context: Context) -> Sides | None:
    lhs = context.substitute_values(sides.lhs)
    rhs = context.substitute_values(sides.rhs)
    if _free(lhs) or _free(rhs):
        return None
    return Sides(lhs, rhs, sides.lhs_raw, sides.rhs_raw, sides.instance)


def _free(value) -> set:
    return C.free_symbols(value)


def compare_sides(sides: Sides, context: Context, budget: Budget, prove: bool = True,
                  trees: tuple | None = None, link: tuple[str, str, str] = ("", "=", "")
                  ) -> Finding:
    """The two built sides compared entry by entry (see `compare.compare_shaped`), and the
    kind of mistake when they differ."""
    lhs_value, rhs_value = diagonal_reading(sides.lhs, sides.rhs)
    layout = context.conventions.get("layout", "denominator")
    outcome, lhs_entries, rhs_entries = C.compare_shaped(
        lhs_value, rhs_value, context_kind(context), budget, prove, layout)
    if outcome.verdict != Verdict.INVALID or outcome.layout_mistake is not None:
        return Finding(outcome.verdict, outcome.method, outcome.message,
                       diagnosis=outcome.layout_mistake)
    found = courtesy(lambda: diagnose(outcome, sides, lhs_entries, rhs_entries,
                                      context, trees, link[2]), budget)
    message = f"{outcome.message}: {found.message}" if found else outcome.message
    varied = courtesy(lambda: _difference_names(lhs_entries, rhs_entries), budget) \
        if context.facts else None
    return Finding(outcome.verdict, outcome.method, message,
                   _counterexample(outcome, sides.instance, link, context), found,
                   varied=varied)


def _difference_names(lhs_entries, rhs_entries) -> frozenset[str]:
    """The names of the symbols the entries' differences, expanded, are written in."""
    return frozenset(symbol.name for left, right in zip(lhs_entries, rhs_entries, strict=True)
                     for symbol in C.free_symbols(sympy.expand(left - right)))


def context_kind(context: Context):
    spread = context.sigma_spread and context.sigma_is_symbol()

    def kind(symbol):
        if isinstance(symbol, Margin):
            return "positive"
        declared = context.kind(symbol.name)
        if declared is None and spread and symbol.name.startswith(SIGMA) \
                and not symbol.name[len(SIGMA):][:1].isalpha():
            return "positive"       # σ, σ_1, σ_{\mathcal{B}} as quantities: spreads
        return declared
    return kind


def _counterexample(outcome: C.Outcome, instance: Instance, link: tuple[str, str, str],
                    context: Context) -> Counterexample:
    point = {s.name: str(v) for s, v in outcome.point.items()}
    for letter, value in instance.indices.items():
        point[letter] = str(value)
    return Counterexample(point, outcome.lhs_value, outcome.rhs_value,
                          check_claim_call(*link, context, point))


def courtesy(find, budget: Budget) -> D.Diagnosis | None:
    """Run a diagnosis within its own small budget; it must never cost the verdict."""
    try:
        with budget.limit(DIAGNOSIS_SECONDS):
            return find()
    except Exception:  # BudgetExceeded included: no diagnosis is better than a late one
        return None


def diagnose(outcome, sides: Sides, lhs_entries, rhs_entries, context: Context,
             trees: tuple | None, right: str) -> D.Diagnosis | None:
    """The kind of mistake: the values first, then repairs of the right side's tree."""
    samples = outcome.samples
    if not samples:
        return None
    finite = samples["finite"]
    truth, claimed = samples["lhs"][:, finite], samples["rhs"][:, finite]
    columns = D.leaf_columns(samples, finite)
    tiled = {s: np.tile(v, truth.shape[0]) for s, v in columns.items()}
    truth, claimed = truth.ravel(), claimed.ravel()
    numeric = not any(np.ptp(v) > 0 for v in columns.values())   # both sides are numbers
    single = len(lhs_entries) == 1
    checks = [
        lambda: D.constant_ratio(truth, claimed, 1e-7, simple=numeric),
        lambda: D.quantity_ratio(truth, claimed, tiled),
        lambda: _transposed(sides, samples),
        lambda: D.sigma_prime_values(truth, claimed, 1e-7 * np.abs(claimed)),
    ]
    if trees is not None:
        lhs_tree, rhs_tree = trees
        names = D.names_in([lhs_tree, *(d.body for d in context.definitions),
                            *(d.name for d in context.definitions)])
        holds = _holds_at_samples(sides, samples, context, lhs_tree, right)
        checks.append(lambda: D.first_repair(D.repairs(rhs_tree, right, names, numeric),
                                             holds))
    if not numeric:
        checks += [
            lambda: D.constant_difference(truth, claimed),
            lambda: _missing_term(samples, lhs_entries, rhs_entries) if single else None,
            lambda: _expansion_terms(lhs_entries, rhs_entries),
            lambda: D.difference_is_one_product(truth, claimed, tiled) if single else None,
        ]
    return D.first_found(*checks)


def _holds_at_samples(sides: Sides, samples: dict, context: Context, lhs_tree, right: str):
    lhs_shape = C.entries_of(sides.lhs)[1]

    def holds(tree) -> bool:
        raw = context.builder(sides.instance, right, (lhs_tree, tree)).read(tree)
        value = context.substitute_values(context.expand(raw, sides.instance))
        entries, shape = C.entries_of(value)
        if shape != lhs_shape:
            if not (shape and lhs_shape and shape == lhs_shape[::-1]):
                return False
            entries = list(value.T)
        return C.agrees_with(samples, entries, "rhs")
    return holds


def _transposed(sides: Sides, samples: dict) -> D.Diagnosis | None:
    expr = sides.rhs
    if isinstance(expr, sympy.MatrixBase) and expr.rows == expr.cols and expr.rows > 1 \
            and C.agrees_with(samples, list(expr.T), "rhs"):
        return D.Diagnosis("transpose", "equals the transpose")
    return None


def _expansion_terms(lhs_entries, rhs_entries) -> D.Diagnosis | None:
    if any(C.expansion_too_large(a - b) for a, b in zip(lhs_entries, rhs_entries, strict=True)):
        return None             # a courtesy, not worth writing out thousands of terms
    found = [D.expansion_terms(a, b) for a, b in zip(lhs_entries, rhs_entries, strict=True)
             if sympy.expand(a - b) != 0]
    kinds = {f.message.split(" term")[0] if f else None for f in found}
    return found[0] if found and None not in kinds and len(kinds) == 1 else None


def _missing_term(samples, lhs_entries, rhs_entries) -> D.Diagnosis | None:
    with np.errstate(invalid="ignore", over="ignore"):    # inf - inf at a pole: not finite
        diff = samples["lhs"][0] - samples["rhs"][0]
    finite = samples["finite"]
    for expr in (lhs_entries[0], rhs_entries[0]):
        terms = sympy.Add.make_args(sympy.expand(expr)) if len(sympy.Add.make_args(expr)) > 1 \
            else sympy.Add.make_args(expr)
        if len(terms) < 2:
            continue
        terms = [C.with_functions(t, samples.get("families", {})) for t in terms]
        values = C.evaluate_float(samples["symbols"], terms, samples["columns"], C.SAMPLES)
        if values is None:
            continue
        for term, v in zip(terms, values, strict=True):
            ok = finite & np.isfinite(v)
            for sign in (1, -1):
                if ok.sum() >= 3 and np.allclose(diff[ok], sign * v[ok], rtol=1e-7, atol=1e-10):
                    where = "a missing" if sign == 1 else "an extra"   # right = left ∓ term
                    return D.Diagnosis("term", f"{where} term{D.term_text(term)} on the right "
                                               "side")
    return None


# -- numeric claims -------------------------------------------------------------------
def _at_each_size(lhs_node, rhs_node, relation, context: Context, budget: Budget,
                  left: str, right: str) -> Finding:
    """`numeric_finding` at sizes 2 and 3: valid when it holds at both, invalid when it
    fails at both (`\\frac{1}{n}\\sum_{i=1}^{n} 0.5 = 0.49`), otherwise undecided: a number
    right at one size only (`\\sum_{k \\in D} 1 = 3`) may be right at the size the text
    means and does not give."""
    findings = [numeric_finding(lhs_node, rhs_node, relation, context, budget, left, right,
                                size) for size in (2, 3)]
    if all(found.verdict == Verdict.INVALID for found in findings):
        return dataclasses.replace(findings[0], message=f"{findings[0].message} (at size 2)")
    if all(found.verdict == Verdict.VALID for found in findings):
        return dataclasses.replace(findings[-1],
                                   message=f"{findings[-1].message}, at sizes 2 and 3")
    return undecided("undecided: the value depends on a size the text does not give, and "
                     "holds at one size tried but not at another; bind the size (as in n = 4) "
                     "to check it")


def numeric_finding(lhs_node, rhs_node, relation, context: Context, budget: Budget,
                    left: str, right: str, size: int | None = None) -> Finding:
    """Both sides' exact values against the printed precision: valid when the printed
    number is the exact value rounded or cut off (`_printed_from`), invalid (with the exact
    value) otherwise. A value that depends on a size (`\\frac{1}{n}\\sum_{i=1}^{n} 0.5`)
    must hold at each size tried, 2 and 3.
    """
    listed = _listed_count((lhs_node, rhs_node), context)     # 1/n beside x = [1, 2, 3]
    counts = [listed[0]] if listed else [
        name for name in sum_bound_sizes((lhs_node, rhs_node), context)
        if not context.is_value(name)]      # m = 4 given: the sum runs to 4
    if counts and not listed and size is None:
        return _at_each_size(lhs_node, rhs_node, relation, context, budget, left, right)
    if size is None and not counts:
        size = _listed_run((lhs_node, rhs_node), context)   # \sum_j e^{z_j}, z = [1, 2]
    try:
        sizes = dict([listed]) if listed else dict.fromkeys(counts, size)
        instance = Instance(sizes, default_size=size or 3, counts=frozenset(counts))
        built = (context.builder(instance, left).read(lhs_node),
                 context.builder(instance, right).read(rhs_node))
        reading_sizes = set(instance.used)
        lhs, rhs = (context.substitute_values(context.expand(side, instance)) for side in built)
        # sizes consulted only to build definitions the sides do not use leave them alone
        if (lhs, rhs) == built:
            instance.used = reading_sizes
    except (NotationError, ShapeError) as error:
        # read as a formula instead (a sum to m is a size there); an approximation has no
        # other reading
        if relation == APPROXIMATELY and not isinstance(error, MeaningError):
            return Finding(Verdict.UNPARSEABLE, Method.NUMERIC, str(error))
        return Finding(Verdict.UNDECIDED, Method.NUMERIC, str(error))
    except Exception as error:  # a number too large to build, a limit: named, never raised
        return failed(error)
    if instance.used and size is None:
        return _at_each_size(lhs_node, rhs_node, relation, context, budget, left, right)
    # (2, 4)(3, 4)^T = 22: a row times a column is the number it holds
    lhs, rhs = (value[0] if isinstance(value, sympy.MatrixBase) and value.shape == (1, 1)
                and not isinstance(other, sympy.MatrixBase) else value
                for value, other in ((lhs, rhs), (rhs, lhs)))
    if isinstance(lhs, sympy.MatrixBase) != isinstance(rhs, sympy.MatrixBase) \
            and not context.dot_products and _dots_between_lists((lhs_node, rhs_node)):
        # [ -4 -2  2 ] ⋅ [ 0 -1 -1 ] = 0: the other side a number, the dot is the dot product
        read = context.copy()
        read.dot_products = True
        return numeric_finding(lhs_node, rhs_node, relation, read, budget, left, right)
    if not (_free(lhs) or _free(rhs)) and isinstance(lhs, sympy.MatrixBase) \
            and isinstance(rhs, sympy.MatrixBase):
        return _entries_against_printed(lhs, rhs, lhs_node, rhs_node, (left, relation, right),
                                        context)
    if _free(lhs) or _free(rhs) or isinstance(lhs, sympy.MatrixBase) \
            or isinstance(rhs, sympy.MatrixBase):
        unknown = _free(lhs) | _free(rhs)
        written = {name_key(n) for tree in (lhs_node, rhs_node) for n in _values_written(tree)}
        substituted = any(_at_numbers(n) for tree in (lhs_node, rhs_node) for n in walk(tree)) \
            or _beside_given_numbers((lhs_node, rhs_node), context)
        if relation == APPROXIMATELY or _is_worked_example(lhs_node, rhs_node) and (
                substituted or not any(s.name in written for s in unknown)):
            if not unknown:         # ∇f(1, 2) = [0, 0] read as a number against a vector
                return Finding(Verdict.UNDECIDED, Method.NUMERIC,
                               "undecided: a worked number, but as read one side is a vector "
                               "or matrix and the other is not; declare the shapes (shapes: "
                               "{name: [rows, cols]}) to check it", reading=WORKED_EXAMPLE)
            # the unknowns come from definitions, or the link substitutes numbers for them
            # (`f(w_1 x_1 + b) = f(-2 + 0)`): the point's values, not given here
            unknowns = ", ".join(sorted(str(s) for s in unknown)[:4])
            return Finding(Verdict.UNDECIDED, Method.NUMERIC,
                           f"undecided: a worked number, but the value here depends on "
                           f"{unknowns}, which the text has not given: bind them to check it",
                           reading=WORKED_EXAMPLE)
        return undecided(NOT_NUMBERS)
    try:
        with budget.limit(), evaluation.high_precision(40):
            lv = to_mpmath(lhs)
            rv = to_mpmath(rhs)
    except (TypeError, ValueError):
        return Finding(Verdict.UNDECIDED, Method.NUMERIC,
                       "undecided: the value could not be computed")
    except Exception as error:  # a value too large, the safety net: named, never raised
        return failed(error)
    if lv is None or rv is None:
        return Finding(Verdict.UNDECIDED, Method.NUMERIC,
                       "undecided: a side is not a finite real number")
    lit_r, lit_l = printed_number(rhs_node), printed_number(lhs_node)
    if lit_r is not None or lit_l is not None:
        return _against_printed(lit_r, lit_l, lv, rv, lhs_node, rhs_node, relation, context,
                                budget, left, right)
    scale = max(abs(lv), abs(rv))
    if all(_is_worked_example(side, side) for side in (lhs_node, rhs_node)):
        # 0.40 × 0.59327 + … = 0.23731 + …: the right side's numbers are rounded results,
        # each good to one unit of its last digit; the left side's are the inputs
        # (not the inputs: a decimal the left side prints too, `0.5 + 0.0134 ≈ 0.5 - 0.0134`,
        # or one the text gives, is the same exact number on both sides)
        # (and ε dropped, 10 for \sqrt{100} + 10^{-8}: no printed step means a part in 10^7)
        tolerance = _rounding_reach(rhs_node, context, _copied_inputs(lhs_node, rhs_node,
                                                                      context)) \
            + mpmath.mpf(10) ** -7 * max(scale, 1)
    else:
        relative = literal_precision(lhs_node) + literal_precision(rhs_node)
        tolerance = mpmath.mpf(relative) * scale + mpmath.mpf(10) ** -12 * max(scale, 1)
    if abs(lv - rv) <= tolerance:
        return Finding(Verdict.VALID, Method.NUMERIC,
                       f"both sides evaluate to {mpmath.nstr(lv, 6)} within the printed "
                       "precision")
    message = f"the left side is {mpmath.nstr(lv, 8)} but the right side is {mpmath.nstr(rv, 8)}"
    mistake = NumberMistake(rhs_node, right, lv, rv, tolerance, printed=False)
    return _numeric_invalid(message, lv, rv, mistake, (left, relation, right), context, budget)


WORKED_EXAMPLE = "a worked example's number"


def _copied_inputs(lhs_node, rhs_node, context: Context) -> frozenset:
    """The decimals of a worked step's right side that are exact: the inputs the text
    gives, and those the left side prints as often as the right does (the 0.5 of
    `0.5 + 0.0134 \\approx 0.5 - 0.0134`, copied); a decimal printed more often on the
    right (`0.5 \\times 0.33 + 0.17 \\approx 0.17 + 0.17`) is a rounded result there too."""
    def printed(node) -> dict:
        counts: dict = {}
        for n in walk(node):
            if isinstance(n, A.Num) and "." in n.text:
                counts[sympy.Rational(n.text)] = counts.get(sympy.Rational(n.text), 0) + 1
        return counts
    left, right = printed(lhs_node), printed(rhs_node)
    given = frozenset(sympy.Rational(d.source.split("=")[-1].strip().rstrip(".,"))
                      for d in context.definitions if _is_printed_input(d)) \
        | {v for v in context.values.values() if isinstance(v, sympy.Rational)}
    return given | {value for value, count in right.items() if left.get(value, 0) >= count}


def _entries_within_rounding(sides: Sides, rhs_node, context: Context) -> Finding | None:
    """`δ^2 (a^1)^T = -0.1150 \\cdot [0.8, 0.6, 0.0]`: `_within_rounding` entry by entry."""
    lhs, rhs = sides.lhs, sides.rhs
    if not (isinstance(lhs, sympy.MatrixBase) and isinstance(rhs, sympy.MatrixBase)
            and lhs.shape == rhs.shape):
        return None
    reaches = _entry_reaches(rhs_node, context)
    if reaches is None or len(reaches) != len(lhs):
        return None
    with evaluation.high_precision(40):
        for left, right, reach in zip(lhs, rhs, reaches, strict=True):
            lv, rv = to_mpmath(left), to_mpmath(right)
            if lv is None or rv is None \
                    or abs(lv - rv) > reach / 2 + mpmath.mpf(10) ** -12 * max(abs(lv), 1):
                return None
    return Finding(Verdict.VALID, Method.NUMERIC, f"each of the {len(lhs)} entries agrees "
                   "within the printed precision", reading=WORKED_EXAMPLE)


def _within_rounding(sides: Sides, rhs_node, context: Context) -> Finding | None:
    """`\\frac{\\partial L}{\\partial a_2} = 0.609 - 0.01` at a worked example's point: the
    right side's decimals are rounded results, so the sides agree when they differ by no
    more than that rounding reaches (None when this is not such a link, or they differ)."""
    if not _is_worked_example(rhs_node, rhs_node) or _free(sides.lhs) or _free(sides.rhs):
        return None
    if isinstance(sides.lhs, sympy.MatrixBase) or isinstance(sides.rhs, sympy.MatrixBase):
        return _entries_within_rounding(sides, rhs_node, context)
    lv, rv = to_mpmath(sides.lhs), to_mpmath(sides.rhs)
    if lv is None or rv is None:
        return None
    reach = _rounding_reach(rhs_node, context, _exact_decimals(rhs_node, context)) / 2 \
        + mpmath.mpf(10) ** -12 * max(abs(lv), 1)
    if abs(lv - rv) <= reach:
        return Finding(Verdict.VALID, Method.NUMERIC, f"both sides evaluate to "
                       f"{mpmath.nstr(lv, 6)} within the printed precision",
                       reading=WORKED_EXAMPLE)
    rounded = {exact: value for exact, value in
               _rounded_intermediates(context, sides.instance).items() if sides.lhs.has(exact)}
    carried = to_mpmath(sides.lhs.xreplace({e: v for e, (v, _) in rounded.items()})) \
        if rounded else None
    if carried is None or abs(carried - rv) > reach:
        return None
    names = ", ".join(name for _, name in rounded.values())
    return Finding(Verdict.VALID, Method.NUMERIC, f"the left side is {mpmath.nstr(lv, 6)}, "
                   f"and {mpmath.nstr(carried, 6)} with the text's rounded values ({names}) "
                   "carried forward, as the right side computes it", reading=WORKED_EXAMPLE)


def _worked_definitions(context: Context) -> list:
    """The definitions by a formula that the text also gives a printed value
    (`a = \\sigma(z) = 0.75`): the worked example's intermediate results."""
    return [d for d in context.definitions if d.error is None
            and not is_printed_number(d.body) and _printed_value(d) is not None]


def _printed_value(definition) -> str | None:
    """The printed number a definition's chain ends in (`0.75` of `a = σ(z) = 0.75`)."""
    try:
        chain = split_chain(definition.source)
    except NotationError:
        return None
    last = chain.sides[-1].text
    return last if len(chain.sides) > 2 and is_printed_literal(last) else None


def _rounded_intermediates(context: Context, instance: Instance) -> dict:
    """Each worked intermediate's exact value at the example's point, mapped to the number
    the text printed for it, when that number is its value rounded (σ(1.1) ↦ 0.75, printed
    for 0.7503), and its name: the values a writer who rounds as they go carries on."""
    rounded = {}
    for definition in _worked_definitions(context):
        try:
            exact = context.substitute_values(context.expand(
                context.builder(instance, definition.source).read(definition.body), instance))
        except (NotationError, ShapeError):
            continue
        printed = _printed_value(definition)
        value = to_mpmath(exact) if not _free(exact) else None
        if value is None or exact.is_Rational:
            continue
        half = mpmath.mpf(10) ** -len(printed.partition(".")[2]) / 2
        if abs(value - mpmath.mpf(printed)) <= half * (1 + mpmath.mpf(10) ** -9):
            rounded[exact] = (sympy.Rational(printed), f"{to_latex(definition.name)} = {printed}")
    return rounded


def _rounding_given_values(node: A.Node, context: Context) -> frozenset:
    """The decimals of a side that round, to their printed digits, a value the text gives
    (0.1667 of w_i = 1/6): rounded copies of it, not exact inputs."""
    values = []
    for definition in context.definitions:       # w_i = \frac{1}{6}: its body's value
        value = exact_value(context, definition.body)
        if isinstance(value, sympy.Expr) and value.is_number and value.is_real:
            values.append(mpmath.mpf(str(sympy.N(value, 30))))
    out = set()
    for n in walk(node):
        if not (isinstance(n, A.Num) and "." in n.text):
            continue
        printed = sympy.Rational(n.text)
        half = sympy.Rational(1, 2 * 10 ** len(n.text.split(".")[1]))
        digits = n.text.replace(".", "").lstrip("-0")
        if len(digits) < 2:
            continue        # 0.3, a weight the text gives, is no rounded copy of 0.315
        if any(v != to_mpmath(printed) and abs(v - to_mpmath(printed)) <= to_mpmath(half)
               for v in values):
            out.add(printed)
    return frozenset(out)


def _exact_decimals(node: A.Node, context: Context) -> frozenset:
    """The decimals of a side that are exact: a computed value printed rounded (0.609, 0.31:
    two digits or more) is within half a unit of its last digit; the inputs the text gives
    (y = 0.01, w = 0.25), or writes with one digit (a rate 0.1), are exact."""
    return frozenset(printed_number(d.written if d.written is not None else d.body).value
                     for d in context.definitions if _is_printed_input(d)) \
        | {v for v in context.values.values() if isinstance(v, sympy.Rational)} \
        | {sympy.Rational(n.text) for n in walk(node)
           if isinstance(n, A.Num) and len(n.text.replace(".", "").strip("0")) < 2}


def _rounding_reach(node: A.Node, context: Context, exact: frozenset = frozenset()
                    ) -> mpmath.mpf:
    """How far a side of printed decimals may be from its exact value when each decimal is
    off by one unit of its last digit (first order: the change from each one in turn); the
    decimals in `exact` are given values, not rounded ones. A decimal printed twice is one
    rounded quantity, off the same way in both places (0.612 of `0.612 (1 - 0.612)`)."""
    value = exact_value(context, node)
    reach = mpmath.mpf(0)
    if value is None:
        return reach
    for moved_node in _nudged(node, exact):
        moved = exact_value(context, moved_node)
        if moved is not None:
            reach += abs(mpmath.mpf(str(sympy.N(moved - value, 30))))
    return reach


def _entry_reaches(node: A.Node, context: Context) -> list | None:
    """`_rounding_reach` of each entry of a side that computes a vector or matrix from
    printed decimals (`-0.1150 \\cdot [0.8, 0.6]`); None when it has no such value."""
    values = exact_entries(context, node)
    if values is None:
        return None
    reaches = [mpmath.mpf(0)] * len(values)
    for moved_node in _nudged(node, _exact_decimals(node, context)):
        moved = exact_entries(context, moved_node)
        if moved is not None and len(moved) == len(values):
            reaches = [r + abs(mpmath.mpf(str(sympy.N(m - v, 30))))
                       for r, m, v in zip(reaches, moved, values, strict=True)]
    return reaches


def _nudged(node: A.Node, exact: frozenset) -> Iterator[A.Node]:
    """The tree once for each decimal it prints (not in `exact`), that decimal one unit of
    its last digit larger wherever it is printed."""
    printed: dict[str, list[A.Num]] = {}
    for literal in (n for n in walk(node) if isinstance(n, A.Num) and "." in n.text
                    and sympy.Rational(n.text) not in exact):
        printed.setdefault(literal.text, []).append(literal)
    for text, literals in printed.items():
        decimals = len(text.split(".")[1])
        nudged = A.Num(_decimal(sympy.Rational(text) + sympy.Rational(1, 10**decimals),
                                decimals))
        moved_node = node
        for literal in literals:
            moved_node = _with_node(moved_node, literal, nudged)
        yield moved_node


def _is_printed_input(definition) -> bool:
    """`y = 0.01`: a definition whose body is one printed number, an input of the example."""
    body = definition.written if definition.written is not None else definition.body
    if isinstance(body, A.Neg):
        body = body.operand
    return isinstance(body, A.Num) and "=" in definition.source and \
        printed_number(body) is not None


def _decimal(value: sympy.Rational, decimals: int) -> str:
    return f"{float(value):.{decimals}f}" if decimals <= 15 else str(sympy.N(value, 30))


def _with_node(tree: A.Node, old: A.Node, new: A.Node) -> A.Node:
    """`tree` with the node `old` (that very node) replaced by `new`."""
    if tree is old:
        return new
    changes = {}
    for item in dataclasses.fields(tree):
        value = getattr(tree, item.name)
        if isinstance(value, A.Node):
            changes[item.name] = _with_node(value, old, new)
        elif isinstance(value, tuple) and value and any(isinstance(v, (A.Node, tuple))
                                                         for v in value):
            changes[item.name] = tuple(
                _with_node(v, old, new) if isinstance(v, A.Node)
                else tuple(_with_node(w, old, new) if isinstance(w, A.Node) else w for w in v)
                if isinstance(v, tuple) else v for v in value)
    return dataclasses.replace(tree, **changes) if changes else tree


def _beside_given_numbers(trees: tuple, context: Context) -> bool:
    """Whether one side is a printed number and the other writes a name the text gives a
    printed number (`x_0 w_{01} + x_1 = 0.3` with x_0 = 1, x_1 = 0): a worked step at the
    text's point, whose other names are that point's values too, never any values. (Numbers
    put for the names, `w x = (0.4)(2)`, are checked against what the text gives.)"""
    if not any(printed_number(tree) is not None for tree in trees):
        return False
    given = {name_key(d.name) for d in context.definitions if is_printed_number(d.body)}
    return any(name_key(n) in given for tree in trees for n in _values_written(tree))


def _values_written(node: A.Node):
    """The names a side uses as quantities: not a derivative's variable, nor a name whose
    derivative it takes (`v` in `\\frac{\\partial v}{\\partial u}`; `v` in
    `\\frac{\\partial (v a)}{\\partial x}` is one)."""
    if isinstance(node, A.Name):
        yield node
        return
    for child in children(node):
        if isinstance(node, A.Partial) and (child is node.wrt or child is node.numerator
                                            and isinstance(child, A.Name)):
            continue
        yield from _values_written(child)


def _dots_between_lists(trees) -> bool:
    """Whether a `\\cdot` stands between two printed vectors (`[0, 1, 0] \\cdot [2, 1, -1]`;
    a printed row times a printed matrix is a product of matrices)."""
    def vector(side: A.Node) -> bool:
        side = ungroup(side)
        return isinstance(side, A.MatrixLiteral) and (len(side.rows) == 1
                                                      or all(len(r) == 1 for r in side.rows))
    return any(isinstance(n, A.BinOp) and n.op == "cdot" and vector(n.left) and vector(n.right)
               for tree in trees for n in walk(tree))


def _is_worked_example(lhs_node, rhs_node) -> bool:
    """Whether a side is arithmetic of numbers (`0.7413 * 0.1868`, `\\frac{1}{4}(1 + 0 + 1)`)
    or a function at numbers (`f(-2 + -1 + 0)`): a worked example at one point, whose
    unknowns are that point's values, never any values (`2x = 2` with x free is a claim
    about every x; `E = 0.2748` is not)."""
    return any(not any(isinstance(n, A.Name) and not _is_constant(n) for n in walk(node))
               and (any(isinstance(n, A.Num) and "." in n.text or _at_numbers(n)
                        for n in walk(node))
                    or sum(isinstance(n, A.Num) for n in walk(node)) >= 2)
               for node in (lhs_node, rhs_node))


def _at_numbers(node: A.Node) -> bool:
    """A function at arithmetic of two numbers or more, `f(-2 + -1 + 0)`: the inputs of a
    worked example substituted. One number (`\\tanh^2(2)` for tanh²(z)) may be a misread
    letter, and is left to the claim's own reading."""
    return isinstance(node, A.Call) and sum(
        isinstance(n, A.Num) for arg in node.args for n in walk(arg)) >= 2


def _is_constant(name: A.Name) -> bool:
    """e and π written as names: numbers, not quantities."""
    return name.base in ("e", r"\pi") and not (name.sub or name.sup or name.suffix)


def _entries_against_printed(lhs, rhs, lhs_node, rhs_node, link: tuple[str, str, str],
                             context: Context) -> Finding:
    """Vectors of numbers (`\\operatorname{softmax}([1,2,3]^T) = [0.090, 0.245, 0.665]^T`):
    entry by entry, each to the precision it was printed with. A list in brackets says no
    orientation (`softmax(z) = [0.090, 0.245, 0.665]`): it is set against the other side's
    vector either way."""
    listed = [isinstance(ungroup(node), A.MatrixLiteral) and ungroup(node).listed
              for node in (lhs_node, rhs_node)]
    if lhs.shape != rhs.shape and lhs.shape == rhs.shape[::-1] and 1 in lhs.shape \
            and any(listed):
        lhs, rhs = (lhs.T, rhs) if listed[0] else (lhs, rhs.T)
    if lhs.shape != rhs.shape:
        return undecided(f"the left side is {lhs.rows}×{lhs.cols} but the right side is "
                         f"{rhs.rows}×{rhs.cols}")
    printed = printed_entries(rhs_node) or printed_entries(lhs_node) or []
    exact_side = lhs if printed_entries(rhs_node) else rhs
    with evaluation.high_precision(40):
        for k in range(len(lhs)):
            exact, other = to_mpmath(exact_side[k]), to_mpmath((rhs if exact_side is lhs
                                                                else lhs)[k])
            if exact is None or other is None:
                return undecided("an entry is not a finite real number")
            unit = to_mpmath(printed[k].unit) if k < len(printed) and not printed[k].whole \
                else mpmath.mpf(10) ** -12 * max(abs(exact), 1)
            if not _printed_from(exact, other, unit):
                return Finding(
                    Verdict.INVALID, Method.NUMERIC,
                    f"entry {k + 1} of {len(lhs)}: the exact value {mpmath.nstr(exact, 12)} "
                    f"does not round to {mpmath.nstr(other, 12)}",
                    Counterexample({}, mpmath.nstr(to_mpmath(lhs[k]), 12),
                                   mpmath.nstr(to_mpmath(rhs[k]), 12),
                                   check_claim_call(*link, context, {})))
    return Finding(Verdict.VALID, Method.NUMERIC,
                   f"each of the {len(lhs)} entries matches to the printed precision")


def _against_printed(lit_r, lit_l, lv, rv, lhs_node, rhs_node, relation, context: Context,
                     budget: Budget, left: str, right: str) -> Finding:
    """One side is a printed number: the other side's exact value must round to it."""
    number, exact = (lit_r, lv) if lit_r is not None else (lit_l, rv)
    printed = to_mpmath(number.value)
    shown_printed = printed_text(lhs_node if lit_l is not None else rhs_node)
    error = abs(exact - printed)
    expr_tree, expr_text = (rhs_node, right) if lit_r is None else (lhs_node, left)
    if number.whole and relation == "=":
        ok = error <= mpmath.mpf(10) ** -30 * max(abs(printed), 1)
    else:
        # 0.1667 + 0.1667 = 0.3333 with w_i = 1/6 given: an input that rounds a value the
        # text gives may be off by half a unit too (any other decimal is exact as printed)
        rounded = _rounding_given_values(expr_tree, context)
        given = frozenset(sympy.Rational(n.text) for n in walk(expr_tree)
                          if isinstance(n, A.Num) and "." in n.text) - rounded
        reach = _rounding_reach(expr_tree, context, given) / 2 if rounded else 0
        ok = _printed_from(exact, printed, to_mpmath(number.unit), reach)
    shown = mpmath.nstr(exact, 12)
    if ok:
        return Finding(Verdict.VALID, Method.NUMERIC,
                       f"the exact value {shown} matches {shown_printed} to the printed "
                       "precision")
    mistake = NumberMistake(expr_tree, expr_text, exact, printed, to_mpmath(number.unit),
                            printed=True)
    return _numeric_invalid(f"the exact value is {shown}, which does not round to "
                            f"{shown_printed}", lv, rv, mistake, (left, relation, right),
                            context, budget)


def _printed_from(exact, printed, unit, reach=0) -> bool:
    """Whether `printed` is `exact` rounded, or cut off after its last printed digit, to
    within `reach` (0.197 for 0.19664 or 0.19712; 0.1 never for 0.025, which no rounding or
    cutting off prints so). A number printed to three significant digits or more may be off
    by less than one unit of its last digit, as rounded inputs carried through leave it."""
    slack = unit * mpmath.mpf(10) ** -12
    if abs(exact - printed) <= unit / 2 + slack + reach:
        return True                                     # rounded
    if abs(printed) >= 100 * unit and abs(exact - printed) < unit - slack + reach:
        return True     # 4.264 for 4.26309: three digits or more, rounded inputs carried
    magnitude, shown = abs(exact), abs(printed)
    # cut off: 0.4 for 0.49, never for 0.5
    return exact * printed >= 0 \
        and shown - slack - reach <= magnitude < shown + unit - slack + reach


def _numeric_invalid(message: str, lv, rv, mistake: NumberMistake, link: tuple[str, str, str],
                     context: Context, budget: Budget) -> Finding:
    found = courtesy(lambda: number_diagnosis(mistake, context), budget)
    return Finding(Verdict.INVALID, Method.NUMERIC,
                   f"{message}: {found.message}" if found else message,
                   Counterexample({}, mpmath.nstr(lv, 12), mpmath.nstr(rv, 12),
                                  check_claim_call(*link, context, {})), found)


@dataclass
class NumberMistake:
    """A worked number that is off: the `claimed` value against the `truth`.

    With a `printed` number, `tree` is the expression whose exact value is the truth, and
    a repair explains the mistake when the repaired expression gives the printed number.
    Otherwise `tree` is the claimed side, and a repair must give the truth.
    """

    tree: A.Node
    text: str
    truth: mpmath.mpf
    claimed: mpmath.mpf
    tolerance: mpmath.mpf  # absolute: less than one unit of the last printed digit
    printed: bool

    def reaches(self, value, target) -> bool:
        return value is not None and abs(value - target) < self.tolerance

    def repaired(self, value) -> bool:
        return self.reaches(value, self.claimed if self.printed else self.truth)


def number_diagnosis(mistake: NumberMistake, context: Context) -> D.Diagnosis | None:
    """Why a worked number is off: the same kinds as for formulas, on one value."""
    truth, claimed = float(mistake.truth), float(mistake.claimed)
    rtol = min(float(mistake.tolerance) / max(abs(claimed), 1e-300), 0.05)
    instance = Instance()

    def value_of(tree):
        built = context.builder(instance, mistake.text).read(tree)
        return to_mpmath(context.substitute_values(context.expand(built, instance)))

    def holds(tree) -> bool:
        return mistake.repaired(value_of(tree))

    def described(repair: D.Repair) -> str:
        if not mistake.printed or repair.kind == "ocr":
            return repair.message
        shown = to_latex(repair.tree)
        return (f"the printed value is that of {shown}" if len(shown) <= 80
                else f"the printed value is that of the expression with one change "
                     f"({repair.kind})")

    def extra_term() -> D.Diagnosis | None:
        for _, sub in itertools.islice(subtrees(mistake.tree), 1, 60):
            try:
                v = value_of(sub)
            except DerivcheckError:
                continue
            if v is not None and v != 0 and mistake.reaches(mistake.truth + v,
                                                            mistake.claimed):
                return D.Diagnosis("term", f"an extra term {to_latex(sub)}: the value is the "
                                           "right one plus it")
        return None

    truths, claims = np.array([truth]), np.array([claimed])
    atol = float(mistake.tolerance)
    return D.first_found(
        lambda: D.first_repair(D.sigma_prime_repairs(mistake.tree), holds, describe=described),
        lambda: D.sigma_prime_values(truths, claims, atol)
        if _mentions_sigmoid(mistake.tree, context) else None,
        lambda: D.constant_ratio(truths, claims, rtol, simple=True),
        lambda: D.first_repair(D.repairs(mistake.tree, mistake.text, [], numeric=True), holds,
                               describe=described),
        extra_term)


def _mentions_sigmoid(tree: A.Node, context: Context) -> bool:
    """Whether a worked number's expression, or what it rests on, holds a sigmoid: only
    then may a value that is s where s(1 - s) belongs be a σ' slip (0.0076 printed for
    0.0075 is s(1 - s) ≈ s, a coincidence of small numbers)."""
    return any(isinstance(n, A.Call) and n.name.lstrip("\\") in SIGMOID_NAMES
               or isinstance(n, A.Name) and n.base == SIGMA
               for used in _trees_used((tree,), context) for n in walk(used))


def _reading(sides: Sides) -> str:
    text = f"{_shown(sides.lhs_raw)} = {_shown(sides.rhs_raw)}"
    return text if len(text) < 400 else text[:397] + "…"


SHOWN_KEPT = 2048
_SHOWN: dict = {}      # expression -> its LaTeX, printed without a failure


def _shown(value) -> str:
    """A side as LaTeX, kept per process (the middle side of a chain is printed for both
    its links; the printed text depends on the expression alone). A printing that failed
    (stopped by the budget, say) is not kept."""
    if not isinstance(value, sympy.Basic):
        return _show(value)[0]
    text = _SHOWN.get(value)
    if text is None:
        text, printed = _show(value)
        if printed:
            if len(_SHOWN) >= SHOWN_KEPT:
                _SHOWN.clear()
            _SHOWN[value] = text
    return text


def _show(value) -> tuple[str, bool]:
    try:
        return latex_prefix(value, 400), True     # `_reading` cuts at 400 characters
    except Exception:  # printing must never hide a verdict
        return str(value), False
