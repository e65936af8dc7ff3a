"""Every step of a derivation document checked, top to bottom like a notebook.

`symbolic.checker.check_document` runs `check_document_here` in a worker process.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from symbolic.budget import Budget
from symbolic.claims import (
    check_chain,
    check_link,
    failed_link,
    labelled_by_word,
    labelled_call,
    leading_cases,
    part_of_known,
    reads_as_derivative,
    rests_on,
    tied_entries,
    words_only,
)
from symbolic.context import (
    Context,
    capital_words,
    case_assumption,
    defining_link,
    dependency_stated,
    has_layer,
    index_range,
    is_variance,
    mentioned_names,
    name_key,
    opens_with_condition,
    real_membership,
    side_constraint,
    sigma_read_as_quantity,
    sigma_spread,
)
from symbolic.derivatives import gradient_parts
from symbolic.document import Document, Statement
from symbolic.errors import DerivcheckError, MeaningError, NotationError, ShapeError
from symbolic.notation import ast as A
from symbolic.notation import objective, parse_side, split_chain
from symbolic.notation.build import Instance
from symbolic.notation.chains import Chain, Side
from symbolic.notation.names import Var, family_of
from symbolic.notation.rewrite import to_latex
from symbolic.notation.trees import (
    children,
    composite_name,
    function_key,
    function_signature,
    layered_name,
    node_text,
    ungroup,
    variation_name,
    walk,
)
from symbolic.notation.vocabulary import (
    CONSEQUENCES,
    CONSTANT_LETTERS,
    DEFINING,
    DIFFERENTIAL_D,
    GRADIENT_WORD,
    GREEK,
    INDEX_LETTERS,
    LOGARITHMS,
    MEMBERSHIP,
    WORD_FONT,
)
from symbolic.numbers import exact_value, is_printed_number, printed_number, show_number
from symbolic.results import (
    ClaimResult,
    Counterexample,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)
from symbolic.sources import read_document

# What checking one statement gives: what the statement does, and the verdicts of its links.
Checked = tuple[StepKind, ClaimResult]


def check_document_here(source: str | os.PathLike, path: str | None, budget_seconds: float,
                        conventions: dict | None = None, skipped: dict | None = None,
                        on_step: Callable[[int, int], None] | None = None) -> DocumentResult:
    """`check_document` in this process; `skipped` steps (index -> isolation.Stopped) are
    undecided for the reason given, and `on_step(index, links)` is told of each step."""
    document = read_document(source, name=path)
    return check_read_document(document, budget_seconds, conventions, skipped or {}, on_step)


def check_read_document(document: Document, budget_seconds: float,
                        conventions: dict | None = None, skipped: dict | None = None,
                        on_step: Callable[[int, int], None] | None = None) -> DocumentResult:
    skipped = skipped or {}
    warnings = [f"{p.position}: {p.reason} ({p.fragment})" for p in document.warnings]
    errors = [f"{p.position}: {p.reason} ({p.fragment})" for p in document.errors]
    texts = [*document.front.given, *(s.text for s in document.statements)]
    context = Context(conventions=sigma_read_as_quantity(
        texts, {**(conventions or {}), **document.front.conventions}),
        words=capital_words(texts), sigma_spread=sigma_spread(texts))
    warnings += [f"front matter: {w}" for w in context.warnings]
    setup_read = _load_front_matter(document, context, warnings)
    incomplete = document.front_unreadable or not setup_read
    if incomplete:
        errors.insert(0, "the setup (front matter) could not be read in full, so steps that "
                         "depend on it are undecided rather than invalid; fix the front "
                         "matter problems listed")
    steps: list[StepResult] = []
    previous: dict[int, str] = {}
    derivation = 0
    wrong: set[int] = set()           # derivations whose first invalid step has been seen
    lost: dict[str, str] = {}         # names whose defining step could not be checked -> why
    ahead = _function_definitions(document.statements)
    # `given that \sum_k y_k = 1`: a constraint on what the text never defines holds for the
    # whole document, wherever it is said
    constraints = _constraints(document.statements, context)
    held: list | None = None          # the cases in force, while a line's own case applies
    # the cases in force before a plain-text case for the next block (`Case 2 (k ≠ j):`),
    # the case's block, and the block it is for once seen
    before: tuple[list, int, int | None] | None = None
    for index, statement in enumerate(document.statements):
        if before is not None and before[2] is None and statement.block != before[1] \
                and not statement.inline:
            before = (before[0], before[1], statement.block)
        if before is not None and before[2] is not None and statement.block != before[2]:
            context.cases, before = before[0], None
        if statement.derivation != derivation:
            derivation, context.cases = statement.derivation, []   # a case ends with its part
        if held is not None and not _trailing_case(document.statements, index - 1, context):
            context.cases, held = held, None
        try:
            _define_ahead(index, statement, ahead, context)
        except Exception as error:  # never a traceback: the line is still checked as it reads
            warnings.append(f"line {statement.line}: the functions it calls could not be looked "
                            f"up further on ({type(error).__name__}); please report it")
        own = _trailing_case(document.statements, index, context)
        if own is not None and case_assumption(statement.text, context) is None:
            # `\frac{\partial p_j}{\partial o_i} = p_i(1 - p_i),\quad i = j`: that line's case
            held, context.cases = list(context.cases), [own]
        if index in skipped:
            kind, claim = StepKind.CLAIM, _stopped(statement, skipped[index])
            lost.update(dict.fromkeys(_defined_names(statement.text), skipped[index].reason))
        elif held is not None and _trailing_case(document.statements, index - 1, context):
            kind, claim = _line_case(statement, context)
        elif index in constraints:
            kind, claim = StepKind.BINDING, ClaimResult(statement.text, [LinkResult(
                statement.text, "", "=", Verdict.VALID, Method.DEFINITION,
                CONSTRAINT_WORDS[constraints[index][1]].format(constraints[index][0]))])
        elif (case := case_assumption(statement.text, context)) is not None:
            # `$i = k$, $l \neq j$`: cases said on one line hold together
            together = index > 0 and document.statements[index - 1].line == statement.line \
                and case_assumption(document.statements[index - 1].text, context) is not None
            if statement.for_next:
                before = (list(context.cases), statement.block, None)
            kind, claim = _assume_case(statement, case, context, together)
        elif (letter := index_range(statement.text, context)) is not None:
            warnings.append(f"line {statement.line}: '{_fragment(statement.text)}' states the "
                            f"range of the index {letter}; nothing in it is checked")
            continue
        elif statement.inline and _opens_with_relation(statement.text):
            # `(hobbit $=0$, alv $=1$)`: what the prose relates is said in words, never the
            # math before it
            kind, claim = StepKind.CLAIM, ClaimResult(statement.text, [LinkResult(
                "", statement.text.strip(), "=", Verdict.UNDECIDED, Method.NONE,
                "undecided: in the prose this opens with a relation, and what it relates is "
                "said in words (as `hobbit $=0$`), so there is nothing to check it against")])
        elif statement.inline and statement.assumed and statement.has_relation:
            warnings.append(f"line {statement.line}: '{_fragment(statement.text)}' is set "
                            "(\"setting … gives …\"), where it holds, not claimed; nothing in "
                            "it is checked")
            continue
        elif statement.inline and (said := _entries_compared(statement, context)):
            kind, claim = _prose_condition(statement, said, context)
        elif opens_with_condition(statement.text) and context.take_condition(statement.text,
                                                                             branches=False):
            warnings.append(f"line {statement.line}: '{_fragment(statement.text)}' is a "
                            "condition on the statement beside it; nothing in it is checked")
            continue
        elif (members := real_membership(statement.text)) is not None:
            context.take_condition(statement.text, branches=False)  # w \in \mathbb{R}^n
            said = ", ".join(f"{name} {' × '.join(map(str, dims)) if dims else 'a number'}"
                             for name, dims in members)
            warnings.append(f"line {statement.line}: '{_fragment(statement.text)}' says what "
                            f"the names are ({said}); nothing in it is checked")
            continue
        elif _membership(statement.text):
            warnings.append(f"line {statement.line}: '{_fragment(statement.text)}' says what "
                            "kind of thing a name is, with sizes derivcheck does not read (a "
                            "family's, or sizes with indices); declare the shapes to use them")
            continue
        elif not statement.has_relation:
            unclosed = unbalanced(statement.text)
            if not unclosed:
                # `\\frac{\\partial J}{\\partial w_j}` alone, then `= …`: the side it continues
                previous[statement.derivation] = statement.text.strip()
                if not _continued(document.statements, index):
                    warnings.append(f"line {statement.line}: this math states no relation (no "
                                    f"=, \\approx or \\Rightarrow outside braces), so nothing "
                                    f"in it is checked ({_fragment(statement.text)})")
                    lost.update(dict.fromkeys(_heads_unread(statement.text),
                                              f"line {statement.line} was not read"))
                continue
            # `\\frac{a}{b = c`: the relation is hidden inside an open brace
            kind, claim = StepKind.CLAIM, _unreadable_step(statement, unclosed)
            lost.update(dict.fromkeys(_heads_unread(statement.text),
                                      f"line {statement.line} could not be read"))
        else:
            if on_step is not None:
                on_step(index, _link_count(statement.text))
            try:
                kind, claim = check_statement(statement, context, budget_seconds,
                                              previous.get(statement.derivation))
            except Exception as error:  # one bad step never loses the rest of the document
                kind, claim = StepKind.CLAIM, _internal_error(statement, error)
            if claim.links and claim.links[0].verdict == Verdict.UNPARSEABLE:
                lost.update(dict.fromkeys(_heads_unread(statement.text),
                                          f"line {statement.line} could not be read"))
            previous[statement.derivation] = _last_side(statement.text)
            _mention(statement.text, context)
        try:
            if lost or incomplete:
                # what the step may depend on was lost: never shown wrong for that
                claim = _never_invalid_without(claim, statement.text,
                                               None if incomplete else lost)
            if claim.verdict == Verdict.INVALID:
                claim = _never_invalid_before(claim, _defined_further_on(
                    document.statements, index, context))
        except Exception as error:  # the safety net: a verdict in doubt is never shown
            kind, claim = StepKind.CLAIM, _internal_error(statement, error)
        first = claim.verdict == Verdict.INVALID and statement.derivation not in wrong
        if first:
            wrong.add(statement.derivation)
        steps.append(StepResult(statement.line, statement.text, kind, claim,
                                statement.derivation, first, cell=statement.cell))
    return DocumentResult(document.path, document.title, steps, warnings, errors)


_LATEX_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|.", re.S)


@dataclass(frozen=True)
class _FunctionDefinition:
    """`g(z) = …` at statement `index`: a function a text may use before it defines it
    ("h = g(\\theta^\\top x), where g(z) = …")."""

    index: int
    derivation: int
    head: A.Node
    body: A.Node
    source: str


def _function_definitions(statements: Sequence[Statement]) -> list[_FunctionDefinition]:
    found = []
    for index, statement in enumerate(statements):
        try:
            chain = split_chain(statement.text)
        except NotationError:
            continue
        # every defining link: `t = g(x) = b - x` defines g as well as t
        for k in range(len(chain.relations)):
            sides = defining_link(chain, k)
            if sides is None:
                continue
            head, body = sides
            if not isinstance(head, A.Name) and function_signature(head) is not None \
                    and not (is_printed_number(body)
                             and all(_at_point(p) for p in function_signature(head)[1])):
                found.append(_FunctionDefinition(index, statement.derivation, head, body,
                                                 chain.source))
    return found


def _at_point(parameter: A.Node) -> bool:
    """A number, or a name with a superscript (`\\mathbf{x}^0`, `w^{(k)}`): a point, never
    a function's parameter (`f(\\mathbf{x}^0) = 17.0` is f's value there)."""
    return is_printed_number(parameter) or isinstance(parameter, A.Name) and bool(parameter.sup)


def _define_ahead(index: int, statement: Statement, ahead: list[_FunctionDefinition],
                  context: Context) -> None:
    """Before a step that calls a function its part defines only further on, define it:
    the writer's `g` is the one of the later line, not any function. The later line then
    defines it again, as written (see `_define_function`)."""
    later = [d for d in ahead if d.index > index and d.derivation == statement.derivation]
    if not later:
        return
    called = _called_functions(statement.text) - _middle_functions(statement.text)
    for definition in later:
        name, parameters = function_signature(definition.head)
        known = context.function_for(definition.head)
        if name in called and (known is None and not _is_known_function(definition.head,
                                                                         context)
                               or known is not None and known.derivation is not None
                               and known.derivation != statement.derivation):
            context.define_function(name, parameters, definition.body, definition.source,
                                    statement.derivation)


def _middle_functions(text: str) -> set[str]:
    """The functions a statement defines in the middle of its chain (f of `y = softsign(x) =
    f(x) = …`): a later definition of one is not brought ahead into this line."""
    try:
        chain = split_chain(text)
    except NotationError:
        return set()
    out: set[str] = set()
    if not chain.relations or defining_link(chain, 0) is None:
        return out                   # `\therefore \nabla f(β) = …`: no chain of definitions
    for k in range(1, len(chain.relations)):
        sides = defining_link(chain, k)
        signature = function_signature(sides[0]) if sides is not None else None
        if signature is not None and not isinstance(sides[0], A.Name):
            out.add(signature[0])
    return out


def _called_functions(text: str) -> set[str]:
    """The names a statement applies to arguments, its own definition's head aside."""
    try:
        chain = split_chain(text)
        sides = [parse_side(side.text) for side in chain.sides if side.text]
    except NotationError:
        return set()
    if sides and chain.relations and chain.relations[0] in DEFINING \
            and function_signature(sides[0]) is not None:
        sides = sides[1:]
    return {key for side in sides for node in walk(side)
            if (key := function_key(node)) is not None}


def _continued(statements: Sequence[Statement], index: int) -> bool:
    """Whether the next statement of the same part starts with a relation (`= …`)."""
    following = statements[index + 1] if index + 1 < len(statements) else None
    if following is None or following.derivation != statements[index].derivation:
        return False
    try:
        chain = split_chain(following.text)
    except NotationError:
        return False
    return bool(chain.relations) and not chain.sides[0].text


def _link_count(text: str) -> int:
    try:
        return max(len(split_chain(text).relations), 1)
    except NotationError:
        return 1


def _statement_definition(text: str) -> tuple[A.Name, A.Node] | None:
    """(name, last side) of a statement whose first side is a bare name, or None."""
    try:
        chain = split_chain(text)
        head = parse_side(chain.sides[0].text) if chain.relations else None
        if not isinstance(head, A.Name):
            return None
        return head, parse_side(chain.sides[-1].text)
    except NotationError:
        return None


def _defined_names(text: str) -> set[str]:
    """The name a statement would define (`a = …` defines a), as the context spells it."""
    found = _statement_definition(text)
    return {name_key(found[0])} if found is not None else set()


def _heads_unread(text: str) -> list[str]:
    """The names a statement that could not be read seems to define, as the context spells
    them: B of `B = \\sum_i x_i^2 \\frac{`, A and C of `\\left\\{ A = …, C = … \\right\\}`
    (each piece's left side that reads as a name)."""
    found: set[str] = set()
    for piece in _UNREAD_PIECES.split(_UNREAD_BRACES.sub(" ", text)):
        head = piece.split("=", 1)[0] if "=" in piece else ""
        try:
            node = parse_side(head) if head.strip() else None
        except NotationError:
            continue
        if isinstance(node, A.Name):
            found.add(name_key(node))
    return sorted(found)


# what separates the statements of a block that was not read, and the braces around them
_UNREAD_PIECES = re.compile(r"\\\\|,|;|\\q?quad|&")
_UNREAD_BRACES = re.compile(r"\\left\s*(?:\\\{|\(|\[)|\\right\s*(?:\\\}|\)|\]|\.)"
                            r"|\\(?:begin|end)\{[a-z*]+\}(?:\{[^{}]*\})?")


def _membership(text: str) -> bool:
    """Whether a statement only says where a name lives (`W_i \\in \\mathbb{R}^{d_i}`)."""
    try:
        return split_chain(text).relations == (MEMBERSHIP,)
    except NotationError:
        return False


def _stopped(statement: Statement, stopped) -> ClaimResult:
    """A step whose worker was stopped (time, memory, crash): undecided, with the reason."""
    link = LinkResult(statement.text, "", "", Verdict.UNDECIDED, Method(stopped.reason),
                      stopped.message)
    return ClaimResult(statement.text, [link])


def _fragment(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_BRACES = {"{": "}", "\\left": "\\right"}


def unbalanced(text: str) -> str | None:
    """What is left open or closed too often in `text` (`{`, `\\left`), or None.

        >>> unbalanced(r"\\frac{a}{b = c")
        'a `{` is never closed'
    """
    depth = {"{": 0, "\\left": 0}
    for token in _LATEX_TOKEN.findall(text):
        for opener, closer in _BRACES.items():
            if token == opener:
                depth[opener] += 1
            elif token == closer:
                depth[opener] -= 1
                if depth[opener] < 0:
                    return f"a `{closer}` closes nothing"
    for opener, count in depth.items():
        if count > 0:
            return f"a `{opener}` is never closed"
    return None


def _unreadable_step(statement: Statement, reason: str) -> ClaimResult:
    link = LinkResult(statement.text, "", "", Verdict.UNPARSEABLE, Method.NONE,
                      f"this math cannot be read: {reason} (line {statement.line}: "
                      f"{_fragment(statement.text)}); close it, and check the step again")
    return ClaimResult(statement.text, [link])


def _never_invalid_without(claim: ClaimResult, source: str,
                           lost: dict[str, str] | None) -> ClaimResult:
    """The step's links with each invalid one made undecided when it may depend on what was
    lost: the front matter (`lost` None) or the names of steps that could not be checked."""
    if claim.verdict != Verdict.INVALID:
        return claim
    if lost is None:
        cause = "the front matter could not be read, and this step may depend on it"
    else:
        used = [name for name in lost if name in source or _uses(source, name)]
        if not used:
            return claim
        cause = (f"this step uses {used[0]}, whose defining step could not be checked "
                 f"({lost[used[0]]})")
    return _held_back(claim, lambda link: f"{cause}; without it this link looked wrong")


def _defined_further_on(statements: Sequence[Statement], index: int,
                        context: Context) -> dict[str, int]:
    """The names later lines of the same part define that nothing defines yet (`…= \\frac{1}
    {N_k} \\sum_i …`, then "where we set N_k = …"), with the line of each. `x = 2` further on
    binds a point, `w = w - \\eta g` updates w: neither defines what a step before rests on."""
    here = statements[index]
    found: dict[str, int] = {}
    for later in statements[index + 1:]:
        if later.derivation != here.derivation or not later.has_relation \
                or case_assumption(later.text, context) is not None:
            continue                    # `i = k`: a case, which defines nothing
        definition = _statement_definition(later.text)
        if definition is None:
            continue
        head, body = definition
        key = name_key(head)
        # (α = 0.01 "as usual" after max(αx, x) = …: a parameter's value, said later, of a
        # letter no line before wrote; λ = 0.1 of a worked example after L's definition
        # with λ is that example's, and the derivation before it is checked for every λ)
        if head.base not in INDEX_LETTERS and not context.is_value(key) \
                and not context.determines(head, later.derivation) \
                and (not is_printed_number(body) or head.base.lstrip("\\") in GREEK
                     and not any(_uses(s.text, key) for s in statements[:index])) \
                and key not in _names_in(body):
            found.setdefault(key, later.line)
    return found


def _never_invalid_before(claim: ClaimResult, later: dict[str, int]) -> ClaimResult:
    """The step's invalid links made undecided when they use a name the text defines only
    further on, other than as a derivative's variable: read free here, the name decided
    nothing."""
    def reason(link: LinkResult) -> str | None:
        try:
            sides = (parse_side(link.lhs), parse_side(link.rhs))
        except NotationError:
            return None
        variables = {name_key(m) for side in sides for n in walk(side)
                     if isinstance(n, A.Partial) for m in walk(n.wrt)
                     if isinstance(m, A.Name)}      # ∂x, ∂w^2, ∂(W x)
        used = (_names_in(sides[0]) | _names_in(sides[1])) - variables
        name = next((name for name in later if name in used), None)
        return None if name is None else (
            f"this link uses {name}, which the text defines only further on (line "
            f"{later[name]}), so here it is read as any number; read so, it looked wrong")
    return _held_back(claim, reason)


def _held_back(claim: ClaimResult, reason) -> ClaimResult:
    """The claim with each invalid link `reason` gives a reason for (a callable of the link,
    returning the reason or None) made undecided, saying why and what it looked like."""
    def reread(link: LinkResult) -> LinkResult:
        why = reason(link) if link.verdict == Verdict.INVALID else None
        if why is None:
            return link
        return LinkResult(link.lhs, link.rhs, link.relation, Verdict.UNDECIDED, Method.NONE,
                          f"undecided: {why}: {link.message}")
    return ClaimResult(claim.source, [reread(link) for link in claim.links], claim.warnings)


def _uses(text: str, name: str) -> bool:
    try:
        sides = split_chain(text).sides
        return any(name in _names_in(parse_side(side.text)) for side in sides if side.text)
    except NotationError:
        return False


def _last_side(text: str) -> str:
    """The last side of a chain, which a next line starting with `=` continues."""
    try:
        return split_chain(text).sides[-1].text
    except NotationError:
        return ""


def _load_front_matter(document: Document, context: Context, warnings: list[str]) -> bool:
    """Shapes, definitions and values into the context; False when a definition could not
    be read (a shape or value that cannot be used is a warning: steps that need it say so)."""
    front = document.front
    complete = True
    for name, dims in front.shapes.items():
        try:
            context.add_shape(name, dims)
        except DerivcheckError as error:
            warnings.append(f"front matter shapes: {name}: {error}")
    for k, text in enumerate(front.given):
        line = front.given_lines[k] if k < len(front.given_lines) else 0
        try:
            context.read_given(text)
        except (DerivcheckError, RecursionError) as error:
            reason = str(error).splitlines()[0] if str(error) else "nested too deeply"
            warnings.append(f"line {line}: the given definition '{text}' could not be read: "
                            f"{reason}")
            complete = False
    for name, value in front.values.items():
        try:
            context.bind_latex(name, value)
        except (DerivcheckError, ValueError, TypeError, ArithmeticError) as error:
            warnings.append(f"front matter values: {name}: {error}")
    context.settle_given()
    return complete


def _opens_with_relation(text: str) -> bool:
    """Whether a statement opens with a relation sign (`=0`, `\\approx 0.5`)."""
    try:
        chain = split_chain(text)
    except NotationError:
        return False
    return bool(chain.sides) and not chain.sides[0].text.strip() and bool(chain.relations)


def check_statement(statement: Statement, context: Context, budget_seconds: float,
                    previous: str | None) -> Checked:
    """One statement, read by its kind (rule 1 of the answer keys' README):

    - a line headed by its cases before a colon (`\\theta_0, j = 0: …`): the rest of the
      line, read with those cases in force;
    - a bare name that restates a `given` definition: a claim, every link checked;
    - a bare name that also occurs on the right (`w = w - \\alpha g`): an update;
    - a bare name already defined in this part of the document: a claim about it, unless
      the line binds a worked example's next printed value or brings in quantities the
      document has not mentioned (a new model, as a new update rule);
    - a bare name and a printed number: a binding; a bare name and an expression: a
      definition (or redefinition);
    - a gradient whose next side is all numbers (`\\nabla_{w} L = \\frac{1}{2}(…)`): a
      worked-example definition that names the number;
    - a function of names (`g(u) = u^2`) not known or given: a function definition;
    - anything else: a claim.

    The first link of a definition, binding or update is not checked; the others are.
    """
    def step(kind: StepKind, claim: ClaimResult) -> Checked:
        return kind, claim

    led = leading_cases(statement.text, context)
    if led is not None:                 # \theta_0, j = 0: \frac{\partial J}{…} = …
        before = context.cases
        context.cases = [*before, *led[0]]
        try:                            # a claim in that case, never a definition of its own
            return step(StepKind.CLAIM, check_chain(_without_leading_arrow(split_chain(
                led[1])), context, Budget(budget_seconds), previous))
        except NotationError as error:
            return step(StepKind.CLAIM, _unparseable(statement.text, error))
        finally:
            context.cases = before      # the line's case ends with it
    try:
        chain = _without_leading_arrow(split_chain(statement.text))
    except NotationError as error:
        return step(StepKind.CLAIM, _unparseable(statement.text, error))
    chain = _problem_stated(chain, context, statement.derivation)
    budget = Budget(budget_seconds)
    # a gradient named as a number stands for it in arithmetic that ends in a printed number
    context.use_gradient_values = _ends_in_a_number(chain)
    try:
        return _check_by_kind(statement, chain, context, budget, previous, step)
    finally:
        context.use_gradient_values = False


def _check_by_kind(statement: Statement, chain: Chain, context: Context, budget: Budget,
                   previous: str | None, step) -> Checked:
    variance = _variance_defined(chain, context)
    if variance is not None:
        return step(StepKind.DEFINITION, ClaimResult(
            chain.source, [variance, *_rest(chain, context, budget).links]))
    depends = dependency_stated(chain)
    if depends is not None:             # L = L(y_{11}, y_{12}): what L is a function of
        return step(StepKind.DEFINITION, ClaimResult(chain.source, [LinkResult(
            chain.sides[0].text, chain.sides[1].text, chain.relations[0], Verdict.VALID,
            Method.DEFINITION, f"says {depends} is a function of what it is applied to")]))
    point = _point_named(chain, context, budget)
    if point is not None:               # (x_1, y_1) = (x_0, y_0) - \alpha \nabla g = (…)
        return step(StepKind.DEFINITION, point)
    listed = _entries_named(chain, context)
    if listed is not None:              # (y_1, …, y_n)^T = \frac{1}{Z}(e^{x_1}, …)^T
        return step(StepKind.DEFINITION, ClaimResult(chain.source, [listed]))
    labelled = _labelled_by_words(chain, context)
    if labelled is not None:            # v_1 baru = -0.1 + …: the new v_1, in words
        return step(StepKind.DEFINITION, ClaimResult(
            chain.source, [labelled, *_rest(chain, context, budget).links]))
    head = _head(chain, context)
    logged = _logged_name(chain, context, statement.derivation) if head is None else None
    if logged is not None:              # \ln \lambda_i = x_i'\beta: defines λ_i
        context.define_latex(f"{chain.sides[0].text} = {chain.sides[1].text}")
        return step(StepKind.DEFINITION, ClaimResult(chain.source, [LinkResult(
            chain.sides[0].text, chain.sides[1].text, chain.relations[0], Verdict.VALID,
            Method.DEFINITION, f"defines {chain.sides[0].text.strip()}, so "
                               f"{node_text(logged)} as its exponential")]))
    if head is None and _named_on_the_right(chain, context):
        chain = Chain(chain.source, chain.sides[::-1], chain.relations)   # X W + b = Y
        head = _head(chain, context)
    if isinstance(head, A.Name) and statement.introduced and not context.is_given(head) \
            and context.determines(head, statement.derivation):
        return _introduced_again(statement, chain, head, context, budget, step, previous)
    if head is None or context.is_given(head) or _restates(head, chain, statement, context):
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    if _entry_of_a_defined_whole(head, context) and not _on_the_right(head, chain):
        return step(StepKind.CLAIM, _entries_restated(chain, head, context, budget, previous))
    body_text = chain.sides[1].text
    try:
        body = parse_side(body_text)
    except NotationError as error:
        if isinstance(head, A.Name):       # later steps that need it are undecided
            context.define_unreadable(head, error, statement.text)
        elif (signature := function_signature(head)) is not None \
                and _defines_function(head, statement.derivation, context):
            context.define_unreadable_function(*signature, error, statement.text,
                                               statement.derivation)
        return step(StepKind.CLAIM, _unparseable(statement.text, error))
    if isinstance(head, A.Partial):
        if exact_value(context, body, body_text) is None or _has_graph_value(head, context) \
                or _of_an_unread_name(head, context) \
                or _follows_from_definitions(head, context) \
                or any(isinstance(n, A.Cases) for n in walk(body)):   # a piecewise: a claim
            return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
        return _name_gradient(chain, head, body_text, context, budget, step)
    if not isinstance(head, A.Name):
        return _define_function(chain, head, body, context, budget, step, previous,
                                statement.derivation)
    key = name_key(head)
    if _derivative_named(head, body, context):
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    if key in _names_in(body):
        return _update(statement, chain, head, body_text, context, budget, step)
    if not is_printed_number(body) and key in rests_on([body], context):
        # t = \log\frac{p}{1-p} after p = \sigma(t): t in terms of itself, an inverse: a claim
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    if key in context.formulas and _names_in(context.formulas[key][1]) \
            and not is_printed_number(body) and not _names_in(body):
        # L = (5 - 10)^2 after L = (Y - T)^2 gave L its value (not w_2 = 0.004 - 0.01 (0.4)
        # after w_2 = -0.009 + 0.01: the next step of a worked update, bound anew)
        return step(StepKind.CLAIM, _recomputed(chain, head, context, budget, previous))
    return _define(statement, chain, head, body, body_text, context, budget, step)


def _logged_name(chain: Chain, context: Context, derivation: int) -> A.Name | None:
    """`\\ln \\lambda_i = x_i'\\beta`: the logarithm of a name nothing here determines, set
    equal to what does not hold it, defines the name (a model's link function), as the
    same line in `given` does. The name, or None."""
    if len(chain.sides) != 2 or chain.relations[0] not in DEFINING:
        return None
    try:
        lhs, rhs = parse_side(chain.sides[0].text), parse_side(chain.sides[1].text)
    except NotationError:
        return None
    if not (isinstance(lhs, A.Call) and lhs.name in LOGARITHMS and len(lhs.args) == 1
            and lhs.power is None and not lhs.primes):
        return None
    inner = ungroup(lhs.args[0])
    key = name_key(inner) if isinstance(inner, A.Name) else None
    if key is None or context.is_value(key) or context.determines(inner, derivation) \
            or any(isinstance(n, A.Name) and name_key(n) == key for n in walk(rhs)):
        return None
    return inner


def _named_on_the_right(chain: Chain, context: Context) -> bool:
    """`X * W + b = Y`, the first time Y is written: a formula set equal to a new letter
    names it, as a definition written the other way round would; a formula with a
    derivative in it is a claim about that derivative."""
    if len(chain.relations) != 1 or not context.names_last(chain, single=True):
        return False
    try:
        formula = parse_side(chain.sides[0].text)
    except NotationError:
        return False
    return not isinstance(formula, A.Name) and not is_printed_number(formula) and not any(
        isinstance(n, A.Partial | A.Differential | A.At) for n in walk(formula))


def _derivative_named(head: A.Name, body: A.Node, context: Context) -> bool:
    """`y' = 2x + 3` after `y = x^2 + 3x`, `f_x = 2x + 3y` after `f(x, y) = …`: a claim
    about a determined derivative (`claims.reads_as_derivative`); not `w' = w - \\eta g`,
    the next value of w, which an update binds."""
    return reads_as_derivative(head, context) and name_key(A.Name(head.base)) \
        not in _names_in(body)


def _recomputed(chain: Chain, head: A.Name, context: Context, budget: Budget,
                previous: str | None) -> ClaimResult:
    """`L = (5 - 10)^2 = 25` after `L = (Y_{pred} - Y_{true})^2` gave L its value by the
    text's numbers: the line computes L again, from numbers it does not bind, so it is
    checked against L's value; where it differs, it may be a new example's values or a
    slip, and is undecided, naming both."""
    checked = check_chain(chain, context, budget, previous)
    return _held_back(checked, lambda link: f"{to_latex(head)} has a value by its formula "
                      f"({context.formulas[name_key(head)][2].strip()}), and this line "
                      "computes it again from numbers it does not bind: another example's "
                      "values, or a slip")


def _restates(head: A.Node, chain: Chain, statement: Statement, context: Context) -> bool:
    """Whether `head = body` states something about a name already defined in this part of
    the document: a claim, never a redefinition. Not when the line updates the name (it is
    on the right too), binds a worked example's next printed value, or brings in
    quantities not mentioned before (a new model: `w_N = w_0 - \\eta y_i`)."""
    if not (isinstance(head, A.Name) and context.determines(head, statement.derivation)):
        return False
    try:
        body = parse_side(chain.sides[1].text)
    except NotationError:
        return True
    constants = {c for c in CONSTANT_LETTERS if not context.is_value(c)}   # e of e^{β x}
    return name_key(head) not in _names_in(body) and not is_printed_number(body) \
        and mentioned_names(body) - constants <= context.mentioned


def _entry_of_a_defined_whole(head: A.Node, context: Context) -> bool:
    """`S_{ij} = \\frac{1}{\\sqrt{d}} \\sum_k Q_{ik} K_{jk}` after `S = \\frac{Q
    K^T}{\\sqrt{d}}` (Q, K shaped): the entries of a vector or matrix the text has defined
    are determined, so this is a claim about them, never names of their own (which would
    let a loss depend on S twice)."""
    if not (isinstance(head, A.Name) and head.sub and not head.sup and not head.primes
            and all(isinstance(s, A.Name) and s.base in INDEX_LETTERS and not s.sub
                    for s in head.sub)):
        return False
    whole = dataclasses.replace(head, sub=())
    if not any(name_key(d.name) == name_key(whole) for d in context.definitions):
        return False        # (an earlier part's S is in force too: its P and O rest on it)
    try:
        built = context.definitions_in(Instance())
    except DerivcheckError:
        return False
    return Var(f"{name_key(whole)}_{{1}}") in built


def _on_the_right(head: A.Name, chain: Chain) -> bool:
    """Whether the head is written on the right too (`m_i = \\beta m_i + …`, an update), or
    the right side does not read (then the line is left to the reading that says so)."""
    try:
        return name_key(head) in _names_in(parse_side(chain.sides[1].text))
    except NotationError:
        return True


def _of_an_unread_name(gradient: A.Partial, context: Context) -> bool:
    """`\\frac{\\partial z_i}{\\partial w_i} = 1` after `z_i = …` could not be read (or was
    held in doubt): the derivative of that name is claimed, never named as a number."""
    numerator = gradient.numerator if gradient.numerator is not None else gradient.operand
    return isinstance(numerator, A.Name) and any(
        isinstance(d.body, A.Unread) and name_key(d.name) == name_key(numerator)
        for d in context.definitions)


def _entries_restated(chain: Chain, head: A.Name, context: Context, budget: Budget,
                      previous: str | None) -> ClaimResult:
    """`S_{ij} = …` restating the entries of a matrix defined before: a claim. One that does
    not hold, or cannot be checked, may be a wrong restatement or a new model's entries
    (`z_i = w_i x_i + b_i` after `z = W x`): undecided, and what rests on S_{ij} too."""
    claim = check_chain(chain, context, budget, previous)
    if all(link.verdict == Verdict.VALID for link in claim.links):
        return claim
    why = (f"{chain.sides[0].text.strip()} restates entries of a vector or matrix defined "
           "before, and the restatement could not be shown to hold: a wrong one, or a new "
           "model's entries")
    context.define_unreadable(head, MeaningError(why, "", None, ""), chain.source)
    return _held_back(claim, lambda link: why)


def _introduced_again(statement: Statement, chain: Chain, head: A.Name, context: Context,
                      budget: Budget, step, previous: str | None):
    """`α = x^T A x` after `α = y^T A x`, the sentence before saying "α is given by": a
    claim that holds is valid; one that does not may define α anew (the next proposition's)
    or restate it wrongly. It is undecided, α is defined anew, and every verdict that rests
    on it is undecided too (`claims._remodelled_doubt`)."""
    checked = check_chain(chain, context, budget, previous)
    if not checked.links or checked.links[0].verdict == Verdict.VALID:
        return step(StepKind.CLAIM, checked)
    try:
        body = parse_side(chain.sides[1].text)
    except NotationError:
        return step(StepKind.CLAIM, checked)
    defined = _define(statement, chain, head, body, chain.sides[1].text, context, budget, step)
    context.remodelled[head.base] = chain.source
    first = LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                       Verdict.UNDECIDED, Method.NONE,
                       f"undecided: {node_text(head)} is already defined, and the sentence "
                       "before introduces this as its definition: a new one (the next "
                       "example's), or a restatement that would be wrong; the steps that rest "
                       f"on it are undecided; name the new quantity apart to check them")
    return step(StepKind.CLAIM, ClaimResult(chain.source, [first, *defined[1].links[1:]]))


def _mention(text: str, context: Context) -> None:
    """Remember the names a statement mentions (see `_restates`)."""
    try:
        chain = split_chain(text)
        for side in chain.sides:
            if side.text:
                context.mentioned |= mentioned_names(parse_side(side.text))
    except NotationError:
        return


def _has_whole_indices(name: A.Name) -> bool:
    """Whether a value can be bound to the name: `w_{1,2}` can; `y_k` (every k) is defined."""
    return all(isinstance(i, A.Num) and i.text.isdigit() for i in (*name.sub, *name.sup))


def _has_graph_value(gradient: A.Partial, context: Context) -> bool:
    """Whether the graph gives the gradient a number here (`∂q/∂r = 1`): then it is claimed.

    A gradient the graph cannot evaluate — its inputs are data points the text substitutes
    by hand, or it is taken at a point, `\\nabla_{w} L(f_1, y_1)` — is named by the number.
    """
    saved, context.use_gradient_values = context.use_gradient_values, False
    try:
        return exact_value(context, gradient) is not None
    finally:
        context.use_gradient_values = saved


def _defining_head(chain: Chain, sides: int = 2) -> A.Node | None:
    """A chain's first side, read, when its first relation defines and it has `sides`
    sides or more; None otherwise (or when that side does not read)."""
    if len(chain.sides) < sides or chain.relations[0] not in DEFINING or not chain.sides[0].text:
        return None
    try:
        return parse_side(chain.sides[0].text)
    except NotationError:
        return None


def _labelled_by_words(chain: Chain, context: Context) -> LinkResult | None:
    """`v_1 baru = -0.1 + 0.2 \\cdot (-0.1407)`: a value labelled by a word (the new v_1),
    which names what nothing else uses: the first link names it, and the links after it
    are checked. None for any other chain."""
    head = _defining_head(chain, sides=3)
    if head is None or not labelled_by_word(head, context):
        return None
    return LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                      Verdict.VALID, Method.DEFINITION, f"names {chain.sides[0].text.strip()}")


def _point_named(chain: Chain, context: Context, budget: Budget) -> ClaimResult | None:
    """`(x_1, y_1) = (x_0, y_0) - \\alpha \\nabla g(x_0, y_0) = (1/2, -1/2)`: a list or column
    of names nothing here determines, set equal to a printed list or column of as many
    entries. Each name takes its entry of the first side printed so, and the links after
    the first are checked; with no such side, the names are not read, and what uses them is
    undecided. None for any other chain."""
    if len(chain.sides) < 2 or chain.relations[0] not in DEFINING:
        return None
    try:
        head = ungroup(parse_side(chain.sides[0].text))
    except NotationError:
        return None
    if not isinstance(head, A.MatrixLiteral) or not (
            len(head.rows) == 1 and head.listed or all(len(row) == 1 for row in head.rows)):
        return None
    tied = tied_entries(head, context)
    if tied is not None:                # (f_1, f_2) = … with f(x) = (x^2, 2x): not read
        return ClaimResult(chain.source, [dataclasses.replace(
            tied, lhs=chain.sides[0].text, rhs=chain.sides[1].text,
            relation=chain.relations[0])])
    names = [entry for row in head.rows for entry in row]
    if len(names) < 2 or not all(isinstance(n, A.Name) and not part_of_known(n, context)
                                 for n in names) \
            or len({name_key(n) for n in names}) != len(names):
        return None
    printed = next((side.text for side in chain.sides[1:] if _entries_count(side.text)
                    == len(names)), None)
    if printed is not None:
        context.define_latex(f"{chain.sides[0].text} = {printed}")
        said = "defines " + ", ".join(to_latex(n) for n in names)
    else:
        unread = NotationError("the entries of a list or column set equal to no printed "
                               "one are not read")
        for name in names:
            context.define_unreadable(name, unread, chain.source)
        said = "names the entries on the left, which derivcheck does not read as definitions"
    first = LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                       Verdict.VALID, Method.DEFINITION, said)
    return ClaimResult(chain.source, [first, *_rest(chain, context, budget).links])


def _entries_count(text: str) -> int | None:
    """How many entries a side printed as a list or a column has (None for any other)."""
    try:
        side = ungroup(parse_side(text))
    except NotationError:
        return None
    if isinstance(side, A.MatrixLiteral) and (len(side.rows) == 1 and side.listed
                                              or all(len(row) == 1 for row in side.rows)):
        return sum(len(row) for row in side.rows)
    return None


def _entries_named(chain: Chain, context: Context) -> LinkResult | None:
    """`\\begin{pmatrix} y_1 \\\\ \\vdots \\\\ y_n \\end{pmatrix} = …`: a column of names
    nothing here determines, set equal to what names them: it names each entry, which is
    not read (what depends on them stays undecided), and claims nothing. The link, or None
    for any other chain."""
    if len(chain.sides) != 2 or chain.relations[0] not in DEFINING:
        return None
    try:
        head = ungroup(parse_side(chain.sides[0].text))
    except NotationError:
        return None
    if isinstance(head, A.SumOver) and head.stacked:
        names = [head.body]                         # the entries an elision runs over
    elif isinstance(head, A.MatrixLiteral) and len(head.rows) > 1 \
            and all(len(row) == 1 for row in head.rows):
        names = [row[0] for row in head.rows]
    else:
        return None
    if not all(isinstance(n, A.Name) and n.sub and not context.is_value(name_key(n))
               and not context.is_value(n.base) for n in names):
        return None
    return LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                      Verdict.VALID, Method.DEFINITION,
                      "names the entries of the column on the left, which derivcheck does "
                      "not read as definitions")


def _variance_defined(chain: Chain, context: Context) -> LinkResult | None:
    """`\\sigma^2 = \\frac{1}{N}\\sum_j (x_j - \\mu)^2` where σ is not yet defined: a
    variance, which defines σ (its square root), as a `given` does. The first link, or
    None for any other chain."""
    head = _defining_head(chain)
    if head is None or not is_variance(head) or context.is_value(name_key(head.base)):
        return None
    try:
        context.define_latex(f"{chain.sides[0].text} = {chain.sides[1].text}")
    except NotationError:
        return None
    return LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                      Verdict.VALID, Method.DEFINITION, f"defines {chain.sides[0].text.strip()}")


def _follows_from_definitions(gradient: A.Partial, context: Context) -> bool:
    """Whether the definitions give the gradient as a formula or a number other than 0 (`y =
    x^2`, then `\\frac{dy}{dx} = 1`; `u = a + b`, then `\\frac{\\partial u}{\\partial a} = 2`)
    and the text binds no number (a worked example binds its data, and names the
    gradients it computes by hand): then a number for it is claimed, never named."""
    if context.values or not isinstance(gradient.numerator, A.Name):
        return False
    defined = {name_key(d.name): d.body for d in context.definitions}
    body = defined.get(name_key(gradient.numerator))
    if body is None or any(isinstance(n, A.Name) and name_key(n) in defined
                           for n in walk(body)):
        return False         # c = a + b, b = e^a: ∂c/∂a may be the local partial, 1
    # the index letters of the names at each index's first value (∂u_k/∂a_k: k = 1)
    letters = {s.base: 1 for n in walk(gradient) if isinstance(n, A.Name) for s in n.sub
               if isinstance(s, A.Name) and not s.sub and s.base in INDEX_LETTERS}
    try:
        value = context.read(to_latex(gradient), Instance(indices=letters))
    except (NotationError, ShapeError, TypeError, ValueError):
        return False
    symbols = getattr(value, "free_symbols", set())
    if not symbols:          # u_k = a_k + b_k: ∂u_k/∂a_k is 1, never a number to name
        return value != 0
    return all(gradient_parts(s) is None for s in symbols)


_ACRONYM = re.compile(r"\s*([A-Z]{3,})\s*")     # MSE, MAE, RMSE written in plain letters


def _head(chain: Chain, context: Context) -> A.Node | None:
    """The first side when it can name something: a bare name (`a^l_j` is one: a layer
    index, not a power), a gradient, a function."""
    if len(chain.sides) < 2 or chain.relations[0] not in DEFINING or not chain.sides[0].text:
        return None
    try:
        node = parse_side(chain.sides[0].text)
        if isinstance(node, A.Power):
            node = context.resolve(node).tree
    except NotationError:
        return None
    acronym = _ACRONYM.fullmatch(chain.sides[0].text)
    rest = " ".join(side.text for side in chain.sides[1:])
    if acronym and not any(context.is_value(c) or context.shape_of(c) is not None
                           or re.search(rf"(?<![A-Za-z\\]){c}(?![A-Za-z])", rest)
                           for c in acronym.group(1)):      # ABC = A(BC): a product
        return A.Name(f"{WORD_FONT}{{{acronym.group(1)}}}")     # MSE = …: a word, defined
    if (word := context.word_named(node)) is not None:
        return word                   # HO = \sigma(HI), with HI, HO, FI words of the text
    named = _gradient_named(node, chain)
    if named is not None:
        return named                  # dA = \frac{\partial L}{\partial A}: defines dA
    if _stepped_head(node) or _numbered_head(node, rest, context):
        node = layered_name(node)     # a^t = …, h^{t+1} = …: a power is never defined
    node = variation_name(node) or node      # \delta h^t = \frac{\partial E}{\partial h^t}
    if isinstance(node, A.Name) and name_key(node) is not None:
        return node
    if isinstance(node, A.Partial) and node.numerator is not None:
        return node
    if function_signature(node) is not None:
        return node
    if labelled_call(node, context):
        return composite_name(node)   # Z_1(in) = X_1 w_{11} + …: a value labelled, defined
    return None


def _gradient_named(node: A.Node, chain: Chain) -> A.Name | None:
    """`dA = \\frac{\\partial L}{\\partial A}`: d before a name, set equal to the gradient
    of a loss by that name, names that gradient as backprop code does: the name dA (a
    word), not the differential of A. None for any other head."""
    if not (isinstance(node, A.BinOp) and node.op == "juxt" and isinstance(node.left, A.Name)
            and node.left.base in DIFFERENTIAL_D and not (node.left.sub or node.left.sup)
            and isinstance(node.right, A.Name)):
        return None
    try:
        body = ungroup(parse_side(chain.sides[1].text))
    except NotationError:
        return None
    variable = node.right
    if not (isinstance(body, A.Partial) and body.numerator is not None and body.order == 1
            and isinstance(body.wrt, A.Name) and node_text(body.wrt) == node_text(variable)):
        return None
    return A.Name(f"{GRADIENT_WORD}{variable.base}}}", variable.sub, variable.sup,
                  pos=node.pos)


def _stepped_head(node: A.Node) -> bool:
    """`a^t`, `h^{t-1}`, `\\hat{a}^t` at the head of a definition: a Latin letter stepped by an
    index letter (alone or ± a number); the superscript is the step, since a power cannot be
    defined (`x^2 = 4` and `e^{x}` stay equations)."""
    if not (isinstance(node, A.Power) and isinstance(node.base, A.Name)):
        return False
    base, exponent = node.base, node.exponent
    letter = base.base.split("{")[-1].rstrip("}") if base.base.startswith("\\") else base.base
    if base.sup or base.base == "e" or len(letter) != 1 or not letter.isascii():
        return False
    if isinstance(exponent, A.BinOp) and exponent.op in ("+", "-") \
            and isinstance(exponent.right, A.Num):
        exponent = exponent.left
    return isinstance(exponent, A.Name) and exponent.base in INDEX_LETTERS \
        and not exponent.sub and not exponent.sup


def _numbered_head(node: A.Node, body: str, context: Context) -> bool:
    """`W^1 = …`, `W^2 = \\begin{bmatrix} … \\end{bmatrix}`, `a^2 = \\sigma(z^2)` after
    `z^1 = …` was read as layer 1: a new letter numbered by a superscript at the head of a
    definition is layer 1 (nobody writes a first power), point 0 when a vector is set to a
    list (`\\mathbf{x}^0 = [0, 1]^T`), and layer n when it is set to a
    matrix (no matrix is defined as a square) or when the text numbers layers so."""
    if not (isinstance(node, A.Power) and isinstance(node.base, A.Name)
            and isinstance(node.exponent, A.Num) and node.exponent.text.isdigit()):
        return False
    base = node.base
    if base.sup or base.primes or base.base == "e" or context.is_value(base.base) \
            or any(d.key == base.base and not has_layer(d.name) for d in context.definitions):
        return False            # A^2 = [...] after A = [...]: the square of A, a claim
    layered = [d.name.sup for d in context.definitions if has_layer(d.name)]
    # a digit layer elsewhere (z^2 = …, a^1 = …): the text numbers its layers so
    # (nor a power 0 of a vector set to a vector: \mathbf{x}^0 = [0, 1]^T is the point 0)
    point = node.exponent.text == "0" and (base.bold or bool(_LISTED.match(body.strip())))
    return node.exponent.text == "1" or point or bool(_MATRIX_LITERAL.match(body.strip())) or any(
        len(sup) == 1 and node_text(sup[0]).isdigit() for sup in layered) \
        or any(re.search(r"\^\{\(\d+\)\}", key) for key in context.values)


_LISTED = re.compile(r"(?:\\left\s*)?[\[(][^\]()]*,")     # [0, 1]^T, \left[0, 1 \right]
_MATRIX_LITERAL = re.compile(r"\\begin\{[bpvBV]?matrix\}|\\left\s*\[\s*\\begin\{array")


def _without_leading_arrow(chain: Chain) -> Chain:
    """`\\Rightarrow w = …`: a leading "therefore" forms no link; nor does a label in words
    before a definition (`\\mbox{Hidden Layer1 output} = x_1 = f_1(W_1 x_0)`)."""
    if chain.relations and not chain.sides[0].text and chain.relations[0] in CONSEQUENCES:
        return Chain(chain.source, chain.sides[1:], chain.relations[1:])
    if len(chain.relations) > 1 and words_only(chain.sides[0].text):
        return Chain(chain.source, chain.sides[1:], chain.relations[1:])
    return chain


def _problem_stated(chain: Chain, context: Context, derivation: int) -> Chain:
    """`\\min f(\\mathbf{x}) = (x_1 + 1)^4 + …`: a problem stated with its objective's
    definition. When the objective is a function new here and the right side a formula in
    its variables, the line defines it (the optimum is not claimed); otherwise the line
    states the optimum's value, which is not read (undecided)."""
    first = chain.sides[0] if chain.relations else None
    rest = objective(first.text) if first is not None else None
    if rest is None or chain.relations[0] not in DEFINING:
        return chain
    try:
        head, body = parse_side(rest), parse_side(chain.sides[1].text)
    except NotationError:
        return chain
    signature = function_signature(head)
    # the right side a formula in the objective's own variables, never its value (a number,
    # f(x^*)) and never the function itself
    if signature is None or not _defines_function(head, derivation, context) \
            or not {p.base for p in signature[1] if isinstance(p, A.Name)} \
            & {n.base for n in walk(body) if isinstance(n, A.Name)} \
            or signature[0] in _called_functions(chain.sides[1].text):
        return chain
    side = Side(rest, first.offset + first.text.index(rest))
    return Chain(chain.source, (side, *chain.sides[1:]), chain.relations)


def _ends_in_a_number(chain: Chain) -> bool:
    try:
        return len(chain.sides) > 1 and is_printed_number(parse_side(chain.sides[-1].text))
    except NotationError:
        return False


def _rest(chain: Chain, context: Context, budget: Budget) -> ClaimResult:
    """The links after the first, checked; a link that brings in a name inside the same
    function on one side only, for the first time (`h_i = \\sigma(u_i) = \\sigma(\\sum_k
    w_{ki} x_k)`), says what that name is: undecided, never a counterexample with u_i a free
    number."""
    rest = Chain(chain.source, chain.sides[1:], chain.relations[1:])
    if not rest.relations:
        return ClaimResult(rest.source, [])
    named = _named_by_definition(rest, context)
    if named is not None:       # k(x, y) = c \triangleq e^\theta: c is defined there
        later = _rest(rest, context, budget)
        return dataclasses.replace(later, links=[named, *later.links])
    result = check_chain(rest, context, budget)
    links = [_introducing(link, context) if link.verdict == Verdict.INVALID else link
             for link in result.links]
    return dataclasses.replace(result, links=links)


def _named_by_definition(rest: Chain, context: Context) -> LinkResult | None:
    """A chain's later link `c \\triangleq e^\\theta` (`:=`, `\\coloneqq`) at a plain name
    nothing determines: it defines that name (the link, reported so); None otherwise."""
    if rest.relations[0] != ":=":
        return None
    try:
        name, body = (parse_side(side.text) for side in rest.sides[:2])
    except NotationError:
        return None
    if not isinstance(name, A.Name) or context.is_value(name_key(name)) \
            or any(name_key(d.name) == name_key(name) for d in context.definitions):
        return None
    try:
        context.define(name, body, rest.source)
    except NotationError:
        return None
    return LinkResult(rest.sides[0].text, rest.sides[1].text, rest.relations[0],
                      Verdict.VALID, Method.DEFINITION, f"defines {rest.sides[0].text.strip()}")


def _introducing(link: LinkResult, context: Context) -> LinkResult:
    """`\\sigma(u_i) = \\sigma(\\sum_k w_{ki} x_k)`: the same function of a new name and of
    an expression says what the name is (undecided); any other link is left as it is."""
    try:
        sides = [parse_side(side) for side in (link.lhs, link.rhs)]
    except NotationError:
        return link
    keys = [function_key(ungroup(side)) for side in sides]
    if keys[0] is None or keys[0] != keys[1]:
        return link
    left, right = (mentioned_names(side) for side in sides)
    new = sorted((n for n in (left ^ right) - context.mentioned
                  if not context.is_value(n) and n not in ("e", r"\pi")),
                 key=lambda n: (n.isupper(), n))      # u_i before the size K
    if not new:
        return link
    return dataclasses.replace(
        link, verdict=Verdict.UNDECIDED, method=Method.NONE, counterexample=None,
        diagnosis=None, diagnosis_kind=None,
        message=f"undecided: {new[0]} appears here for the first time, inside "
                f"{keys[0]}(…) on one side only: the link says what it is rather than "
                f"claiming something about it; define {new[0]} on a line of its own "
                f"({new[0]} = …) to check it")


def _entries_compared(statement: Statement, context: Context) -> str:
    """`$y_i = 1$ if the class is $i$`, `only the term with $p_i = p_j$ survives`: in the
    prose, an entry at an index letter set equal to another entry of its family, or to a
    number with "if" after it, says when something holds ("condition"); read as a
    definition it would bind every entry. A number without it (`$w_i = 0$ for every
    weight`) may be a start value or a condition ("doubt"); anything else: ""."""
    try:
        chain = split_chain(statement.text)
        if len(chain.sides) != 2:
            return ""
        head, body = (parse_side(side.text) for side in chain.sides)
    except NotationError:
        return ""
    if not (isinstance(head, A.Name) and head.sub
            and any(isinstance(s, A.Name) and s.base in INDEX_LETTERS for s in head.sub)):
        return ""
    if context.determines(head, statement.derivation):
        return ""
    if isinstance(body, A.Num):     # `$w_i = 0$ for every weight`: a start value, or a
        return "condition" if statement.conditional else "doubt"     # condition: in doubt
    return "condition" if isinstance(body, A.Name) and body.base == head.base and body.sub \
        and body.sub != head.sub else ""


def _define(statement, chain: Chain, head: A.Name, body: A.Node, body_text: str,
            context: Context, budget: Budget, step) -> Checked:
    """`name = expression = …`: the name now means the expression; later links are checked."""
    name_text = chain.sides[0].text
    value = exact_value(context, body, body_text) if _has_whole_indices(head) else None
    middles = []                       # y = softsign(x) = f(x) = …: softsign, then f
    # z = f(x, y) = x y after z = f(x, y) = x + y: the next node's z and f, both anew
    again = any(d.key == name_key(head) for d in context.definitions)
    while (middle := _middle_definition(chain, context, len(middles) + 1, again)) is not None:
        middles.append(middle)
    defined: dict[int, str] = {}       # link (after the first) → what it defines
    for k in reversed(range(len(middles))):   # the last first: softsign's body calls f
        inner, middle_body = middles[k]
        if isinstance(inner, A.Name):
            context.define(inner, middle_body, statement.text, statement.derivation)
            defined[k] = f"defines {chain.sides[k + 1].text.strip()}"
        else:
            name, parameters = function_signature(inner)
            context.define_function(name, parameters, middle_body, chain.source,
                                    statement.derivation)
            defined[k] = f"defines the function {name}"
    checked = _rest(chain, context, budget)
    if defined:
        links = [dataclasses.replace(link, verdict=Verdict.VALID, method=Method.DEFINITION,
                                     counterexample=None, diagnosis=None, diagnosis_kind=None,
                                     message=defined[k]) if k in defined else link
                 for k, link in enumerate(checked.links)]
        checked = dataclasses.replace(checked, links=links)
    if value is not None:
        context.forget(name_key(head))
        context.bind(head, value)
        if not is_printed_number(body) and _names_in(body):
            # (L = \frac{1}{2}(1.0 - 0.7254)^2 is arithmetic: no formula of anything)
            context.formulas[name_key(head)] = (head, body, statement.text)
        kind = StepKind.BINDING if is_printed_number(body) else StepKind.DEFINITION
        what = f"binds {name_text} = {show_number(value)}"
    else:
        context.unbind(name_key(head))
        context.formulas.pop(name_key(head), None)
        context.define(head, body, statement.text, statement.derivation)
        kind, what = StepKind.DEFINITION, f"defines {name_text}"
    first = LinkResult(name_text, body_text, chain.relations[0], Verdict.VALID,
                       Method.DEFINITION, what)
    return step(kind, ClaimResult(chain.source, [first, *checked.links]))


def _middle_definition(chain: Chain, context: Context, k: int = 1, again: bool = False
                       ) -> tuple[A.Node, A.Node] | None:
    """(middle, body) of `name = middle = body` when link k says what the middle is: a
    function nothing defines or knows (`y_c = \\varsigma(\\mathbf{z})_c = \\frac{e^{z_c}}{…}`),
    one defined before when the name is defined `again` (the next node's `z = f(x, y) = x y`),
    or a new name (`y_{pred} = o_1 = f(…)`). That link defines it, and the name is defined
    through it. None for any other chain."""
    if len(chain.relations) <= k:
        return None
    sides = defining_link(chain, k)
    if sides is None:
        return None
    head = sides[0]
    if isinstance(head, A.Name):
        key = name_key(head)
        new = not (context.is_value(key) or key in context.mentioned
                   or any(d.key == key or name_key(d.name) == key for d in context.definitions))
        return sides if new and not _names_in(sides[1]) & {key} else None
    signature = function_signature(head)
    if signature is None:
        return None
    if again and signature[0] in context.functions:
        return sides         # a function defined before, its head defined anew
    if context.function_for(head) is not None or _is_known_function(head, context):
        return None
    return sides


def _update(statement, chain: Chain, head: A.Name, body_text: str, context: Context,
            budget: Budget, step) -> Checked:
    """`w = w - \\alpha g = …`: reads the old value of w, then binds the new one."""
    name_text = chain.sides[0].text
    checked = _rest(chain, context, budget)
    value = exact_value(context, parse_side(body_text), body_text)
    if value is None:
        # the update formula had unknowns: take the last printed number as the new value
        value = next((v for v in (_value_of(s.text, context) for s in
                                  reversed(chain.sides[1:])) if v is not None), None)
    if value is None:
        context.unbind(name_key(head))
        what = f"updates {name_text}; its new value is not a number"
    else:
        context.bind(head, value)
        what = f"updates {name_text} to {show_number(value)}"
    first = LinkResult(name_text, body_text, "=", Verdict.VALID, Method.DEFINITION, what)
    return step(StepKind.UPDATE, ClaimResult(chain.source, [first, *checked.links]))


def _name_gradient(chain: Chain, head: A.Partial, body_text: str, context: Context,
                   budget: Budget, step) -> Checked:
    """`\\nabla_{w_0} L = \\frac{1}{2}(40.15 + 0.15) = …` in a worked example names that number.

    A gradient of a plain name (not one at a data point, `L(f_1, y_1)`) then stands for the
    number in later arithmetic that ends in a printed number.
    """
    name_text = chain.sides[0].text
    value = exact_value(context, parse_side(body_text), body_text)
    checked = _rest(chain, context, budget)
    numerator, wrt = _key_of(head.numerator), _key_of(head.wrt)
    against, true_value = _against_formula(chain, head, numerator, context, budget)
    if against is None and numerator is not None and wrt is not None \
            and context.gradient_points.get((numerator, wrt)) == context.values:
        # named before at the same point: this line claims the number it was given
        against = _against_earlier_name(chain, context.gradient_values.get((numerator, wrt)),
                                        value)
    if against is not None and against.verdict == Verdict.INVALID:
        value = true_value              # the arithmetic after uses the formula's value
    if numerator is not None and wrt is not None and head.order == 1 and value is not None:
        context.bind_gradient(numerator, wrt, value)
    if against is not None:
        return step(StepKind.CLAIM, ClaimResult(chain.source, [against, *checked.links]))
    first = LinkResult(name_text, body_text, chain.relations[0], Verdict.VALID,
                       Method.DEFINITION, f"names the number {name_text} = {show_number(value)}")
    return step(StepKind.DEFINITION, ClaimResult(chain.source, [first, *checked.links]))


def _against_earlier_name(chain: Chain, earlier, value) -> LinkResult | None:
    """`\\frac{\\partial L}{\\partial w_1} = 0.9` after an earlier line named that gradient
    0.5: a gradient named again is a claim about the number it was given, true when the
    number printed here is that number to one unit of its last digit. The link, or None
    when nothing named it before (or this line's side is no number)."""
    if earlier is None or value is None:
        return None
    left, right = chain.sides[0].text, chain.sides[1].text
    try:
        printed = printed_number(parse_side(right))
    except NotationError:
        printed = None
    unit = printed.unit if printed is not None and not printed.whole else 0
    if abs(earlier - value) <= unit:
        return LinkResult(left, right, chain.relations[0], Verdict.VALID, Method.NUMERIC,
                          f"{show_number(value)} is the number an earlier line gave it")
    return LinkResult(left, right, chain.relations[0], Verdict.INVALID, Method.NUMERIC,
                      f"an earlier line gave it the value {show_number(earlier)}",
                      counterexample=Counterexample({}, show_number(earlier),
                                                    show_number(value)))


def _against_formula(chain: Chain, head: A.Partial, numerator: str | None, context: Context,
                     budget: Budget) -> tuple[LinkResult | None, object]:
    """`\\frac{dL}{da_2} = a_2 - y` in a worked example that computed L from its formula
    (`L = -\\log(1 - a_2)`, a_2 bound): the formula says what the derivative is, so the
    link is checked against it. The link (None when the formulas cannot say, or nothing
    computed the numerator), and the gradient's value by the formulas when it is wrong."""
    if numerator is None or numerator not in context.formulas:
        return None, None
    left, right, relation = chain.sides[0].text, chain.sides[1].text, chain.relations[0]
    at_values = context.with_formulas()
    at_point = check_link(left, right, relation, at_values, budget)
    if at_point.verdict == Verdict.INVALID:
        return at_point, exact_value(at_values, head, left)
    if at_point.verdict != Verdict.VALID:
        return None, None
    # right at the example's own values: a formula right only there (a term that vanishes
    # at y = 1) is no derivative the text may go on to use elsewhere
    general = check_link(left, right, relation, context.with_formulas(general=True), budget)
    if general.verdict != Verdict.INVALID:
        return (general if general.verdict == Verdict.VALID else None), None
    return dataclasses.replace(general, verdict=Verdict.UNDECIDED, method=Method.NONE,
                               counterexample=None, diagnosis=None, diagnosis_kind=None,
                               message="undecided: this holds at the worked example's values "
                               "but not at every value of its data, so a term may vanish "
                               "there; write the general formula to check it"), None


def _define_function(chain: Chain, head: A.Node, body: A.Node, context: Context,
                     budget: Budget, step, previous: str | None, derivation: int) -> Checked:
    """`g(u, v) = …` for a function not known: the function is defined; a known one is
    claimed. A function an earlier part of the document defined is defined again (a new
    example under a new heading), as a name is."""
    name, parameters = function_signature(head)
    defined = context.function_for(head)
    ahead = defined is not None and defined.source == chain.source     # see `_define_ahead`
    at_given_point = bool(parameters) and all(
        _at_point(p) and (context.is_value(name_key(p)) or context.is_value(node_text(p))
                          or any(name_key(d.name) == name_key(p) for d in context.definitions))
        for p in parameters)
    if at_given_point and defined is not None and not ahead \
            and not isinstance(defined.body, A.Unread) \
            and not any(_at_point(p) for p in defined.parameters):
        # f(\mathbf{x}^0) = 17.0 after f(\mathbf{x}) = …: f's value at the point, a claim
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    if (defined is None and not _is_known_function(head, context) or ahead
            or defined is not None and isinstance(defined.body, A.Unread)) and at_given_point:
        # f(\mathbf{x}^0) = 17.0 with x^0 given and f defined nowhere: f's value at a point,
        # which says nothing of f elsewhere (as a definition, f would be the constant 17)
        if ahead:
            context.forget_function(name)
        return step(StepKind.CLAIM, ClaimResult(chain.source, [LinkResult(
            chain.sides[0].text, chain.sides[1].text, chain.relations[0], Verdict.UNDECIDED,
            Method.NONE, f"undecided: this gives {name}'s value at a point the text has given, "
                         f"and {name} is defined nowhere, so it defines nothing and there is "
                         f"nothing to check it against; define {name} to check it")]))
    if defined is not None and defined.source == chain.source:
        context.forget_function(name)    # defined ahead of this line, for a use above it
    elif defined is not None and defined.derivation in (None, derivation) \
            and ([node_text(p) for p in defined.parameters] == [node_text(p) for p in parameters]
                 or _at_a_point(defined.parameters, parameters, context)) \
            and not _a_new_model(body, parameters, context) \
            or defined is None and _is_known_function(head, context):
        if defined is None and isinstance(body, A.Name) and not context.is_value(
                name_key(body)) and not context.determines(body, derivation):
            # σ(z_i) = P_i: names the value σ(z_i), never redefines σ
            context.define(body, head, chain.source, derivation)
            first = LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                               Verdict.VALID, Method.DEFINITION,
                               f"defines {chain.sides[1].text.strip()}")
            return step(StepKind.DEFINITION, ClaimResult(
                chain.source, [first, *_rest(chain, context, budget).links]))
        # the same function claimed again; f(A) = … after f(x) = … is another function
        if defined is None:
            _restated_variable(head, context)
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    anew = defined is not None and defined.derivation in (None, derivation) \
        and defined.source != chain.source \
        and [node_text(p) for p in defined.parameters] == [node_text(p) for p in parameters] \
        and _a_new_model(body, parameters, context)     # not f(A) = … after f(x) = …
    middle = _middle_named(chain, context, derivation)
    context.define_function(name, parameters, body, chain.source, derivation)
    if anew:     # `_a_new_model`: the next example's, or a wrong restatement of the first
        context.remodelled[name] = chain.source
    first = LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                       Verdict.VALID, Method.DEFINITION, f"defines the function {name}")
    if middle is not None:
        # a(\eta) = \lambda = e^{\eta}: a name nothing determines between, its value the
        # formula after it (λ, a parameter of p(y; λ) above, now named)
        context.define(middle[0], middle[1], chain.source, derivation)
        rest = _rest(chain, context, budget).links
        named = dataclasses.replace(rest[0], verdict=Verdict.VALID, method=Method.DEFINITION,
                                    counterexample=None, diagnosis=None, diagnosis_kind=None,
                                    message=f"defines {chain.sides[1].text.strip()}")
        return step(StepKind.DEFINITION, ClaimResult(chain.source, [first, named, *rest[1:]]))
    return step(StepKind.DEFINITION,
                ClaimResult(chain.source, [first, *_rest(chain, context, budget).links]))


def _middle_named(chain: Chain, context: Context, derivation: int
                  ) -> tuple[A.Name, A.Node] | None:
    """(λ, e^η) of `a(\\eta) = \\lambda = e^{\\eta}`: a name nothing determines between a
    function's head and a formula is named by the formula; None for any other chain."""
    middle = defining_link(chain, 1) if len(chain.relations) > 1 else None
    if middle is None or not isinstance(middle[0], A.Name):
        return None
    name = middle[0]
    key = name_key(name)
    if context.is_value(key) or context.determines(name, derivation) \
            or key in _names_in(middle[1]) or key in context.functions \
            or any(key in _names_in(d.body) for d in context.definitions) \
            or any(key in _names_in(f.body) and all(name_key(p) != key for p in f.parameters)
                   for f in context.functions.values()):
        return None     # η = log φ, then g(η) = φ = …: φ is tied to η already, a claim
    if r"\mid" in name.base and any(isinstance(n, A.Name) and r"\mid" in n.base
                                    for n in walk(middle[1])):
        return None     # h(x) = p(C_1 \mid x) = Bayes' rule: a claim about the probability
    return middle


def _a_new_model(body: A.Node, parameters: tuple, context: Context) -> bool:
    """`k(x,y) = \\exp(-\\frac{1}{2} \\sum_{i=1}^p \\frac{1}{\\ell_i}(x_i-y_i)^2)` after
    `k(x,y) = \\exp(-\\frac{1}{2\\ell}\\|x-y\\|^2)`: a function written again in terms of
    quantities the text has not mentioned (ℓ_i; `c` of `k(x,y) = c`) may be another model, the
    next example's, or a wrong restatement: it is defined anew, and the verdicts that rest on
    it are undecided (`context.remodelled`); a claim about the function writes what the text
    has already shown."""
    own = {name_key(p) for p in parameters if isinstance(p, A.Name)}
    constants = {c for c in CONSTANT_LETTERS if not context.is_value(c)}
    # a sum's own letter and its bounds are no quantity of a model (\sum_{k=1}^{K} …)
    sums = [n for n in walk(body) if isinstance(n, A.SumOver)]
    summed = {key for n in sums
              for key in ({n.index} | set().union(*(mentioned_names(b) for b in
                                                    (n.lower, n.upper) if b is not None)))}
    letters = {n.index for n in sums}
    # w_k of \sum_k w_k x^k beside w_i before: an entry of a family the text has shown
    entries = {name_key(n) for n in walk(body) if isinstance(n, A.Name) and any(
        isinstance(i, A.Name) and i.base in letters for i in n.sub)
        and family_of(name_key(n)) in {family_of(m) for m in context.mentioned}}
    return bool(mentioned_names(body) - constants - own - summed - entries
                - context.mentioned)


def _at_a_point(parameters: tuple, arguments: tuple, context: Context) -> bool:
    """Whether a defined function of numbers is written at a point: numbers, or names the
    text has given values as numbers (`f(x_0, y_0) = 9` with x_0, y_0 bound), so `f(…) = …`
    claims its value there and never defines f again. (A function of a vector, `f(\\mathbf{x})`
    at `\\mathbf{x}^1`, is left as before.)"""
    return len(parameters) == len(arguments) and all(
        isinstance(p, A.Name) and not p.bold and not p.sub and not p.sup
        and context.shape_of(name_key(p)) is None for p in parameters) and all(
        is_printed_number(a) or isinstance(a, A.Name) and not a.bold
        and context.is_value(name_key(a)) and context.shape_of(name_key(a)) is None
        and context.listed_length(name_key(a)) is None for a in arguments)


def _restated_variable(head: A.Node, context: Context) -> None:
    """`\\sigma(z) = \\frac{1}{1 + e^{-z}}`, σ known: the text names σ's variable z, as a
    definition of σ would; recorded for reading z as what σ is applied to
    (`claims._named_argument`). Only a plain name nothing here defines or gives a value."""
    name, parameters = function_signature(head)
    if len(parameters) != 1 or not isinstance(parameters[0], A.Name):
        return
    variable = parameters[0]
    key = name_key(variable)
    if key is None or variable.sub or variable.sup or context.is_value(key) \
            or any(name_key(d.name) == key for d in context.definitions):
        return
    try:
        resolved = context.resolve(head).tree
    except MeaningError:
        return
    if isinstance(resolved, A.Call):
        context.restated_variables.setdefault(key, (variable, resolved.name))


def _defines_function(head: A.Node, derivation: int, context: Context) -> bool:
    """Whether `head = …` would define a function (as `_define_function` decides): a new
    one, or one an earlier part of the document defined (a new example's L(σ))."""
    defined = context.function_for(head)
    if defined is None:
        return not _is_known_function(head, context)
    return defined.derivation not in (None, derivation)


def _is_known_function(head: A.Node, context: Context) -> bool:
    """Whether `head = …` says something about what is already known here: a function
    derivcheck knows (σ, softmax, log), one defined before, or a product `a(b + c)` of a
    quantity. Otherwise (an undefined f, an operator name not yet known) it defines one."""
    try:
        resolved = context.resolve(head).tree
    except MeaningError:
        return False        # \\operatorname{CE}(y, p) = … before CE is known: defines it
    if isinstance(resolved, A.Call):
        return resolved.callee is not A.Callee.ARBITRARY
    # read as a product: `a(b + c)` only says something of a quantity already here;
    # `J(\\theta) = …` with J new defines the function J
    name = head.left if isinstance(head, A.BinOp) else None
    shape = context.shape_of(name.base) if name is not None else None
    if name is not None and _entry_of_a_call(head) and name.base not in context.values \
            and name.base not in context.defined_families() \
            and (shape is None or 1 in shape):      # W(\mathbf x)_i of a matrix W: (W x)_i
        return False        # s(\mathbf x)_i = …: an entry of what s gives, s a function
    return name is None or context.is_value(name_key(name)) or context.is_value(name.base)


def _entry_of_a_call(head: A.Node) -> bool:
    """`s(\\mathbf x)_i`: a subscript printed after the parentheses, an entry of the call's
    value (a product would put the index on its own letter: s x_i)."""
    return isinstance(head, A.BinOp) and isinstance(head.left, A.Name) \
        and isinstance(head.right, A.Group) and bool(head.left.sub) \
        and all(getattr(s, "pos", 0) > head.right.pos for s in head.left.sub)


CONSTRAINT_WORDS = {
    "distribution": "assumes the entries of {} sum to 1 (they are drawn so) in the whole "
                    "document",
    "symmetric": "assumes {} is symmetric (it is drawn so) in the whole document"}


def _constraints(statements: Sequence[Statement], context: Context) -> dict:
    """{statement index: (name, kind)} of the constraints on names the text never defines
    (`\\sum_k y_k = 1`, `B = B^T`), taken into the context for the whole document."""
    found = {}
    defined = {family_of(name) for statement in statements
               for name in _defined_names(statement.text)}
    for index, statement in enumerate(statements):
        constraint = side_constraint(statement.text)
        if constraint is None or constraint[0] in defined:   # y_k = e^{z_k} defines y
            continue
        name, kind = constraint
        shaped = kind == "symmetric" and context.shape_of(name) is not None
        if (shaped or not context.is_value(name)) and context.take_condition(statement.text,
                                                                             branches=False):
            found[index] = constraint
    return found


def _trailing_case(statements: Sequence[Statement], index: int,
                   context: Context) -> tuple[str, str, str] | None:
    """The case written after statement `index` in its own block (`…,\\quad i = j`), if
    any: it is that statement's condition, not one for the steps that follow."""
    if index < 0 or index + 1 >= len(statements):
        return None
    statement, following = statements[index], statements[index + 1]
    if following.block != statement.block or case_assumption(statement.text, context):
        return None
    return case_assumption(following.text, context)


def _line_case(statement: Statement, context: Context) -> Checked:
    left, relation, right = case_assumption(statement.text, context)
    link = LinkResult(left, right, relation, Verdict.VALID, Method.DEFINITION,
                      f"the case of the line before: {left} "
                      f"{'=' if relation == '=' else '≠'} {right}")
    return StepKind.BINDING, ClaimResult(statement.text, [link])


def _prose_condition(statement: Statement, said: str, context: Context) -> Checked:
    """`$y_i = 1$ if the class is $i$`: said of entries in the prose, a condition; it binds
    nothing and claims nothing. `$w_i = 0$ for every weight`: a start value or a condition,
    in doubt: the steps that use those entries are undecided, naming it."""
    chain = split_chain(statement.text)
    message = "says in the prose when entries are equal (a condition, as in 'y_i = 1 if …'); " \
        "it defines nothing"
    if said == "doubt":
        head = parse_side(chain.sides[0].text)
        message = ("sets every entry in the prose: a start value or a condition, which the "
                   "text does not say; steps that use these entries are undecided")
        context.define_unreadable(head, MeaningError(
            "set for every entry in the prose (a start value or a condition)"),
            statement.text)
    link = LinkResult(chain.sides[0].text, chain.sides[1].text, "=", Verdict.VALID,
                      Method.DEFINITION, message)
    return StepKind.BINDING, ClaimResult(statement.text, [link])


def _assume_case(statement: Statement, case: tuple[str, str, str],
                 context: Context, together: bool = False) -> Checked:
    """A case stated (`i = k`): it holds until the next; what the case before it defined
    (`g' = e^{z_k}` with i = k, then `g' = e^{z_i}` with i ≠ k) held there only."""
    if not together:
        if context.cases and context.case_start is not None:
            for key in {name_key(d.name) for d in context.definitions[context.case_start:]}:
                context.forget(key)
        context.case_start = len(context.definitions)
    context.cases = [*context.cases, case] if together else [case]
    left, relation, right = case
    scope = "in the display after it" if statement.for_next \
        else "in the steps that follow, until the next case"
    link = LinkResult(left, right, relation, Verdict.VALID, Method.DEFINITION,
                      f"assumes {left} {'=' if relation == '=' else '≠'} {right} {scope}")
    return StepKind.BINDING, ClaimResult(statement.text, [link])


def _value_of(side: str, context: Context):
    try:
        return exact_value(context, parse_side(side), side)
    except NotationError:
        return None


def _key_of(node: A.Node | None) -> str | None:
    return name_key(node) if isinstance(node, A.Name) else None


def _names_in(node: A.Node) -> set[str]:
    found = set()
    if isinstance(node, A.Name):
        key = name_key(node)
        if key:
            found.add(key)
    if isinstance(node, A.Partial):
        return found   # ∇_w L mentions w only as the variable of differentiation
    for child in children(node):
        found |= _names_in(child)
    return found


def _unparseable(text: str, error: Exception) -> ClaimResult:
    """A step that could not be read: unparseable, or undecided when it was read but means
    nothing derivcheck can check (`claims.not_read`)."""
    if isinstance(error, MeaningError):
        link = LinkResult(text, "", "", Verdict.UNDECIDED, Method.NONE, f"undecided: {error}")
    else:
        link = LinkResult(text, "", "", Verdict.UNPARSEABLE, Method.NONE, str(error))
    return ClaimResult(text, [link])


def _internal_error(statement: Statement, error: Exception) -> ClaimResult:
    """A step whose check raised: its verdict names the cause (see `claims.failed_link`)."""
    return ClaimResult(statement.text, [failed_link(statement.text, "", "", error)])


__all__ = ["check_document_here", "check_link", "check_read_document"]
