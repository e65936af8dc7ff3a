"""`check_document`: every step of a derivation document, top to bottom like a notebook."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import mpmath
import sympy

from symbolic import arguments as arguments_
from symbolic import isolation
from symbolic.budget import Budget
from symbolic.claims import (
    DEFAULT_BUDGET_SECONDS,
    SKIPPED,
    check_chain,
    check_link,
    failed_link,
)
from symbolic.context import Context, function_signature, node_text
from symbolic.document import Document, Statement, read_document
from symbolic.errors import DerivcheckError, ParseError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import _ELEMENTWISE, FUNCTION_LETTERS, VECTOR_FUNCTIONS, Instance
from symbolic.notation.chains import Chain
from symbolic.notation.names import canonical
from symbolic.notation.parser import INDEX_LETTERS, OPERATORS
from symbolic.results import (
    ClaimResult,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)


def check_document(source: str | os.PathLike, *, path: str | None = None,
                   budget_seconds: float | None = None,
                   pool: isolation.WorkerPool | None = None) -> DocumentResult:
    """Check every step of a derivation document (a path or the text itself).

    >>> doc = "$$\\\\frac{\\\\partial}{\\\\partial x} x^2 = 2x$$"
    >>> check_document(doc).steps[0].verdict
    <Verdict.VALID: 'valid'>

    The check runs in a worker process (safe from any thread): a step that runs past the
    hard time limit or the memory cap is undecided, and the rest is still checked.

    Args:
        source: the document's text, or its path (str or pathlib.Path).
        path: the path reports show.
        budget_seconds: the wall-clock safety net per link (verdicts are decided by
            deterministic work limits; a link the net stops is undecided, method "timeout").
        pool: the worker processes to use; by default, ones shared by the whole process.

    Raises:
        DocumentReadError: the file cannot be opened, or is not text.
        ArgumentTypeError, ArgumentValueError: an argument of the wrong type or value.
    """
    arguments = {
        "source": arguments_.document_source(source), "path": path,
        "budget_seconds": arguments_.budget(budget_seconds or DEFAULT_BUDGET_SECONDS),
    }
    if not isolation.enabled():
        return check_document_here(**arguments)
    return isolation.run_document(arguments, pool)


def check_document_here(source: str | os.PathLike, path: str | None, budget_seconds: float,
                        skipped: dict | None = None,
                        on_step: Callable[[int, int], None] | None = None) -> DocumentResult:
    """`check_document` in this process; `skipped` steps (index -> isolation.Stopped) are
    undecided for the reason given, and `on_step(index, links)` is told of each step."""
    document = read_document(source, name=path)
    return check_read_document(document, budget_seconds, skipped or {}, on_step)


def check_read_document(document: Document, budget_seconds: float, skipped: dict | None = None,
                        on_step: Callable[[int, int], None] | None = None) -> DocumentResult:
    skipped = skipped or {}
    warnings = [f"line {p.line}: {p.reason} ({p.fragment})" for p in document.warnings]
    errors = [f"line {p.line}: {p.reason} ({p.fragment})" for p in document.errors]
    context = Context(conventions=document.front.conventions)
    warnings += [f"front matter: {w}" for w in context.warnings]
    setup_read = _load_front_matter(document, context, warnings)
    if document.front_unreadable or not setup_read:
        errors.insert(0, "the setup (front matter) could not be read in full, so steps that "
                         "depend on it are undecided rather than invalid; fix the front "
                         "matter problems listed")
    steps: list[StepResult] = []
    previous: dict[int, str] = {}
    derivation = 0
    lost: dict[str, str] = {}     # names whose defining step could not be checked -> why
    for index, statement in enumerate(document.statements):
        if statement.derivation != derivation:
            derivation, context.cases = statement.derivation, []   # a case ends with its part
        if index in skipped:
            steps.append(_stopped(statement, skipped[index]))
            lost.update(dict.fromkeys(_defined_names(statement.text), skipped[index].reason))
            continue
        if on_step is not None:
            on_step(index, _link_count(statement.text))
        case = case_assumption(statement.text, context)
        if case is not None:
            steps.append(_assume_case(statement, case, context))
            continue
        if not statement.has_relation:
            unclosed = unbalanced(statement.text)
            if unclosed:   # `\\frac{a}{b = c`: the relation is hidden inside an open brace
                steps.append(_unreadable_step(statement, unclosed))
            else:
                warnings.append(f"line {statement.line}: this math states no relation (no =, "
                                f"\\approx or \\Rightarrow outside braces), so nothing in it "
                                f"is checked ({_fragment(statement.text)})")
            continue
        try:
            step = check_statement(statement, context, budget_seconds,
                                   previous.get(statement.derivation))
        except Exception as error:  # one bad step never loses the rest of the document
            step = _internal_error(statement, error)
        if lost:
            step = _never_invalid_without(step, lost)
        steps.append(step)
        try:
            sides = split_chain(statement.text).sides
            if sides[-1].text:
                previous[statement.derivation] = sides[-1].text
        except ParseError:
            previous.pop(statement.derivation, None)
    if document.front_unreadable or not setup_read:
        # definitions, shapes or conventions may be missing: no step is shown wrong for that
        steps = [_never_invalid_without(step, None) for step in steps]
    _mark_first_invalid(steps)
    return DocumentResult(document.path, document.title, steps, warnings, errors)


_LATEX_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|.", re.S)


def _link_count(text: str) -> int:
    try:
        return max(len(split_chain(text).relations), 1)
    except ParseError:
        return 1


def _defined_names(text: str) -> set[str]:
    """The name a statement would define (`a = …` defines a), as the context spells it."""
    try:
        chain = split_chain(text)
        node = parse_side(chain.sides[0].text) if chain.relations else None
    except ParseError:
        return set()
    return {_key(node)} if isinstance(node, A.Name) and _key(node) else set()


def _stopped(statement: Statement, stopped) -> StepResult:
    """A step whose worker was stopped (time, memory, crash): undecided, with the reason."""
    link = LinkResult(statement.text, "", "", Verdict.UNDECIDED, Method(stopped.reason),
                      stopped.message)
    return StepResult(statement.line, statement.text, StepKind.CLAIM,
                      ClaimResult(statement.text, [link]), statement.derivation)


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


def _unreadable_step(statement: Statement, reason: str) -> StepResult:
    link = LinkResult(statement.text, "", "", Verdict.UNPARSEABLE, Method.NONE,
                      f"this math cannot be read: {reason} (line {statement.line}: "
                      f"{_fragment(statement.text)}); close it, and check the step again")
    return StepResult(statement.line, statement.text, StepKind.CLAIM,
                      ClaimResult(statement.text, [link]), statement.derivation)


def _never_invalid_without(step: StepResult, lost: dict[str, str] | None) -> StepResult:
    """The step with each invalid link made undecided when it may depend on what was lost:
    the front matter (`lost` None) or the names of steps that could not be checked."""
    if step.verdict != Verdict.INVALID:
        return step
    if lost is None:
        cause = "the front matter could not be read, and this step may depend on it"
    else:
        used = [name for name in lost if name in step.source or _mentions(step.source, name)]
        if not used:
            return step
        cause = (f"this step uses {used[0]}, whose defining step could not be checked "
                 f"({lost[used[0]]})")
    links = [LinkResult(k.lhs, k.rhs, k.relation, Verdict.UNDECIDED, Method.NONE,
                        f"undecided: {cause}; without it this link looked wrong: {k.message}")
             if k.verdict == Verdict.INVALID else k for k in step.claim.links]
    claim = ClaimResult(step.claim.source, links, step.claim.warnings)
    return StepResult(step.line, step.source, step.kind, claim, step.derivation)


def _mentions(text: str, name: str) -> bool:
    try:
        sides = split_chain(text).sides
        return any(name in _names_in(parse_side(side.text)) for side in sides if side.text)
    except ParseError:
        return False


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
            context.define_given(text)
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
    return complete


def check_statement(statement: Statement, context: Context, budget_seconds: float,
                    previous: str | None) -> StepResult:
    """One statement, read by its kind (rule 1 of the answer keys' README):

    - a bare name that restates a `given` definition: a claim, every link checked;
    - a bare name that also occurs on the right (`w = w - \\alpha g`): an update;
    - a bare name and a printed number: a binding; a bare name and an expression: a
      definition (or redefinition);
    - a gradient whose next side is all numbers (`\\nabla_{w} L = \\frac{1}{2}(…)`): a
      worked-example definition that names the number;
    - a function of names (`g(u) = u^2`) not known or given: a function definition;
    - anything else: a claim.

    The first link of a definition, binding or update is not checked; the others are.
    """
    def step(kind: StepKind, claim: ClaimResult) -> StepResult:
        return StepResult(statement.line, statement.text, kind, claim, statement.derivation)

    try:
        chain = _without_leading_arrow(split_chain(statement.text))
    except ParseError as error:
        return step(StepKind.CLAIM, _unparseable(statement.text, error))
    budget = Budget(budget_seconds)
    # a gradient named as a number stands for it in arithmetic that ends in a printed number
    context.use_gradient_values = _ends_in_a_number(chain)
    try:
        return _check_by_kind(statement, chain, context, budget, previous, step)
    finally:
        context.use_gradient_values = False


def _check_by_kind(statement: Statement, chain: Chain, context: Context, budget: Budget,
                   previous: str | None, step) -> StepResult:
    head = _head(chain)
    if head is None or context.is_given(head):
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    body_text = chain.sides[1].text
    try:
        body = parse_side(body_text)
    except ParseError as error:
        return step(StepKind.CLAIM, _unparseable(statement.text, error))
    if isinstance(head, A.Partial):
        if _numeric_value(body_text, context) is None or _has_graph_value(head, context):
            return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
        return _name_gradient(chain, head, body_text, context, budget, step)
    if not isinstance(head, A.Name):
        return _define_function(chain, head, body, context, budget, step, previous)
    key = _key(head)
    if key in _names_in(body):
        return _update(statement, chain, head, body_text, context, budget, step)
    return _define(statement, chain, head, body, body_text, context, budget, step)


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
        return _numeric_value(gradient, context) is not None
    finally:
        context.use_gradient_values = saved


def _head(chain: Chain) -> A.Node | None:
    """The first side when it can name something: a bare name, a gradient, a function."""
    if len(chain.sides) < 2 or chain.relations[0] not in ("=", ":=") or not chain.sides[0].text:
        return None
    try:
        node = parse_side(chain.sides[0].text)
    except ParseError:
        return None
    if isinstance(node, A.Name) and _key(node) is not None:
        return node
    if isinstance(node, A.Partial) and node.numerator is not None:
        return node
    if function_signature(node) is not None:
        return node
    return None


def _without_leading_arrow(chain: Chain) -> Chain:
    """`\\Rightarrow w = …`: a leading "therefore" forms no link."""
    if chain.relations and not chain.sides[0].text and chain.relations[0] in SKIPPED:
        return Chain(chain.source, chain.sides[1:], chain.relations[1:])
    return chain


def _ends_in_a_number(chain: Chain) -> bool:
    try:
        return len(chain.sides) > 1 and _is_printed_number(parse_side(chain.sides[-1].text))
    except ParseError:
        return False


def _is_printed_number(node: A.Node) -> bool:
    """0.798, -0.2, 3.49 \\times 10^{-32}, 10^{-8}: a number as printed, not arithmetic."""
    while isinstance(node, (A.Neg, A.Group)):
        node = node.operand if isinstance(node, A.Neg) else node.inner
    if isinstance(node, A.Num):
        return True
    if isinstance(node, A.Power):
        return _is_ten(node.base) and _is_printed_number(node.exponent)
    return isinstance(node, A.BinOp) and node.op in ("times", "cdot", "*", "juxt") and \
        isinstance(node.left, A.Num) and isinstance(node.right, A.Power) and \
        _is_ten(node.right.base) and _is_printed_number(node.right.exponent)


def _is_ten(node: A.Node) -> bool:
    return isinstance(node, A.Num) and node.text == "10"


def _rest(chain: Chain, context: Context, budget: Budget) -> ClaimResult:
    """The links after the first, checked."""
    rest = Chain(chain.source, chain.sides[1:], chain.relations[1:])
    return check_chain(rest, context, budget) if rest.relations else ClaimResult(rest.source, [])


def _define(statement, chain: Chain, head: A.Name, body: A.Node, body_text: str,
            context: Context, budget: Budget, step) -> StepResult:
    """`name = expression = …`: the name now means the expression; later links are checked."""
    name_text = chain.sides[0].text
    value = _numeric_value(body_text, context) if _has_whole_indices(head) else None
    checked = _rest(chain, context, budget)
    if value is not None:
        context.definitions = [d for d in context.definitions if _definition_key(d) != _key(head)]
        context.bind(head, value)
        kind = StepKind.BINDING if _is_printed_number(body) else StepKind.DEFINITION
        what = f"binds {name_text} = {_show(value)}"
    else:
        context.unbind(_key(head))
        context.define(head, body, statement.text)
        kind, what = StepKind.DEFINITION, f"defines {name_text}"
    first = LinkResult(name_text, body_text, chain.relations[0], Verdict.VALID,
                       Method.DEFINITION, what)
    return step(kind, ClaimResult(chain.source, [first, *checked.links]))


def _update(statement, chain: Chain, head: A.Name, body_text: str, context: Context,
            budget: Budget, step) -> StepResult:
    """`w = w - \\alpha g = …`: reads the old value of w, then binds the new one."""
    name_text = chain.sides[0].text
    checked = _rest(chain, context, budget)
    value = _numeric_value(body_text, context)
    if value is None:
        # the update formula had unknowns: take the last printed number as the new value
        value = next((v for v in (_numeric_value(s.text, context) for s in
                                  reversed(chain.sides[1:])) if v is not None), None)
    if value is None:
        context.unbind(_key(head))
        what = f"updates {name_text}; its new value is not a number"
    else:
        context.bind(head, value)
        what = f"updates {name_text} to {_show(value)}"
    first = LinkResult(name_text, body_text, "=", Verdict.VALID, Method.DEFINITION, what)
    return step(StepKind.UPDATE, ClaimResult(chain.source, [first, *checked.links]))


def _name_gradient(chain: Chain, head: A.Partial, body_text: str, context: Context,
                   budget: Budget, step) -> StepResult:
    """`\\nabla_{w_0} L = \\frac{1}{2}(40.15 + 0.15) = …` in a worked example names that number.

    A gradient of a plain name (not one at a data point, `L(f_1, y_1)`) then stands for the
    number in later arithmetic that ends in a printed number.
    """
    name_text = chain.sides[0].text
    value = _numeric_value(body_text, context)
    checked = _rest(chain, context, budget)
    numerator, wrt = _key_of(head.numerator), _key_of(head.wrt)
    if numerator is not None and wrt is not None and head.order == 1:
        context.bind_gradient(numerator, wrt, value)
    first = LinkResult(name_text, body_text, chain.relations[0], Verdict.VALID,
                       Method.DEFINITION, f"names the number {name_text} = {_show(value)}")
    return step(StepKind.DEFINITION, ClaimResult(chain.source, [first, *checked.links]))


def _define_function(chain: Chain, head: A.Node, body: A.Node, context: Context,
                     budget: Budget, step, previous: str | None) -> StepResult:
    """`g(u, v) = …` for a function not known: the function is defined; a known one is claimed."""
    name, parameters = function_signature(head)
    if context.function_for(head) is not None or _is_known_function(head, context):
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    context.define_function(name, parameters, body, chain.source)
    first = LinkResult(chain.sides[0].text, chain.sides[1].text, chain.relations[0],
                       Verdict.VALID, Method.DEFINITION, f"defines the function {name}")
    return step(StepKind.DEFINITION,
                ClaimResult(chain.source, [first, *_rest(chain, context, budget).links]))


def _is_known_function(head: A.Node, context: Context) -> bool:
    """A function derivcheck knows (σ, softmax, LSE, log…) or a name that is a value here."""
    if isinstance(head, A.Call):
        return head.name.lstrip("\\") in KNOWN_FUNCTIONS
    name = head.left
    if context.is_value(name.base):
        return True      # a(b + c) with a known quantity a is a product
    return not (context.is_function(name.base) or name.base in FUNCTION_LETTERS)


def case_assumption(text: str, context: Context | None = None) -> tuple[str, str, str] | None:
    """`i = k`, `i \\neq k`: a block relating two index letters states a case (or None)."""
    try:
        chain = split_chain(text)
    except ParseError:
        return None
    if len(chain.sides) != 2 or chain.relations[0] not in ("=", r"\neq"):
        return None
    letters = []
    for side in chain.sides:
        try:
            node = parse_side(side.text) if side.text else None
        except ParseError:
            return None
        if not (isinstance(node, A.Name) and not node.sub and not node.sup and not node.primes
                and not node.suffix and _is_index_letter(node.base, context)):
            return None
        letters.append(node.base)
    if letters[0] == letters[1]:
        return None
    return letters[0], "=" if chain.relations[0] == "=" else r"\neq", letters[1]


def _is_index_letter(letter: str, context: Context | None) -> bool:
    if context is not None and context.kind(letter) == "index":
        return True
    if context is not None and context.kind(letter) is not None:
        return False
    return letter in INDEX_LETTERS and (context is None or not context.is_value(letter))


def _assume_case(statement: Statement, case: tuple[str, str, str],
                 context: Context) -> StepResult:
    context.cases = [case]
    left, relation, right = case
    link = LinkResult(left, right, relation, Verdict.VALID, Method.DEFINITION,
                      f"assumes {left} {'=' if relation == '=' else '≠'} {right} in the steps "
                      "that follow, until the next case")
    return StepResult(statement.line, statement.text, StepKind.BINDING,
                      ClaimResult(statement.text, [link]), statement.derivation)


def _numeric_value(side: str | A.Node, context: Context):
    """The value of a side when every name in it has a value; None otherwise."""
    try:
        node = parse_side(side) if isinstance(side, str) else side
        text = side if isinstance(side, str) else ""
        instance = Instance()
        expr = context.builder(instance, text).build(node)
        expr = context.substitute_values(context.expand(expr, instance))
    except (DerivcheckError, TypeError, ValueError, AttributeError, RecursionError):
        return None
    if isinstance(expr, sympy.MatrixBase) or getattr(expr, "free_symbols", {1}):
        return None
    if expr.is_Rational:
        return expr
    try:
        from symbolic.claims import _mp
        with mpmath.workdps(50):
            value = _mp(expr)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return None if value is None else sympy.Float(value, 50)


# Functions derivcheck reads itself: a line `\\sigma(z) = …` claims something about them.
KNOWN_FUNCTIONS = frozenset({*(name.lstrip("\\") for name in _ELEMENTWISE), *VECTOR_FUNCTIONS,
                             *OPERATORS.values(), "H", "Heaviside", "diag", "trace", "Tr"})


def _show(value) -> str:
    return str(value) if value.is_Rational else mpmath.nstr(mpmath.mpf(str(value)), 8)


def _key(name: A.Name) -> str:
    """The name as the context spells it: `w_{1,1}^{(2)}` -> `w^{(2)}_{1,1}`, `w^{(t+1)}_{k}`."""
    sup = tuple(_index(s) for s in name.sup)
    sub = tuple(_index(s) for s in name.sub)
    return canonical(name.base, sup, sub, name.suffix, name.primes)


def _key_of(node: A.Node | None) -> str | None:
    return _key(node) if isinstance(node, A.Name) else None


def _index(node: A.Node):
    if isinstance(node, A.Num) and node.text.isdigit():
        return int(node.text)
    if isinstance(node, A.Name) and not node.sub and not node.sup:
        return node.base
    return node_text(node)


def _definition_key(definition) -> str:
    return _key(definition.name)


def _names_in(node: A.Node) -> set[str]:
    from symbolic.notation.build import _children
    found = set()
    if isinstance(node, A.Name):
        key = _key(node)
        if key:
            found.add(key)
    if isinstance(node, A.Partial):
        return found   # ∇_w L mentions w only as the variable of differentiation
    for child in _children(node):
        found |= _names_in(child)
    return found


def _unparseable(text: str, error: Exception) -> ClaimResult:
    link = LinkResult(text, "", "", Verdict.UNPARSEABLE, Method.NONE, str(error))
    return ClaimResult(text, [link])


def _internal_error(statement: Statement, error: Exception) -> StepResult:
    """A step whose check raised: its verdict names the cause (see `claims.failed_link`)."""
    base = LinkResult(statement.text, "", "", Verdict.UNDECIDED)
    link = failed_link(base, error)
    return StepResult(statement.line, statement.text, StepKind.CLAIM,
                      ClaimResult(statement.text, [link]), statement.derivation)


def _mark_first_invalid(steps: list[StepResult]) -> None:
    seen: set[int] = set()
    for step in steps:
        if step.verdict == Verdict.INVALID and step.derivation not in seen:
            step.first_invalid = True
            seen.add(step.derivation)


__all__ = ["check_document", "check_link"]
