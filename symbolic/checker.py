"""`check_document`: every step of a derivation document, top to bottom like a notebook."""

from __future__ import annotations

import os
import traceback

import mpmath
import sympy

from symbolic.budget import Budget
from symbolic.claims import DEFAULT_BUDGET_SECONDS, check_chain, check_link
from symbolic.context import Context
from symbolic.document import Document, Statement, read_document
from symbolic.errors import DerivcheckError, ParseError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import Instance
from symbolic.notation.chains import Chain
from symbolic.notation.names import canonical
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
                   budget_seconds: float | None = None) -> DocumentResult:
    """Check every step of a derivation document (a path or the text itself).

    >>> doc = "$$\\\\frac{\\\\partial}{\\\\partial x} x^2 = 2x$$"
    >>> check_document(doc).steps[0].verdict
    <Verdict.VALID: 'valid'>
    """
    document = read_document(source, name=path)
    return check_read_document(document, budget_seconds or DEFAULT_BUDGET_SECONDS)


def check_read_document(document: Document, budget_seconds: float) -> DocumentResult:
    warnings = [f"line {p.line}: {p.reason} ({p.fragment})" for p in document.problems]
    context = Context(conventions=document.front.conventions)
    warnings += [f"front matter: {w}" for w in context.warnings]
    _load_front_matter(document, context, warnings)
    steps: list[StepResult] = []
    previous: dict[int, str] = {}
    for statement in document.statements:
        if not statement.has_relation:
            continue   # a lone expression states nothing to check
        try:
            step = check_statement(statement, context, budget_seconds,
                                   previous.get(statement.derivation))
        except Exception as error:  # one bad step never loses the rest of the document
            step = _internal_error(statement, error)
        steps.append(step)
        try:
            sides = split_chain(statement.text).sides
            if sides[-1].text:
                previous[statement.derivation] = sides[-1].text
        except ParseError:
            previous.pop(statement.derivation, None)
    _mark_first_invalid(steps)
    return DocumentResult(document.path, document.title, steps, warnings)


def _load_front_matter(document: Document, context: Context, warnings: list[str]) -> None:
    front = document.front
    for name, dims in front.shapes.items():
        try:
            context.add_shape(name, dims)
        except DerivcheckError as error:
            warnings.append(f"front matter shapes: {name}: {error}")
    for k, text in enumerate(front.given):
        line = front.given_lines[k] if k < len(front.given_lines) else 0
        try:
            context.define_latex(text)
        except DerivcheckError as error:
            warnings.append(f"line {line}: the given definition '{text}' could not be read: "
                            f"{str(error).splitlines()[0]}")
    for name, value in front.values.items():
        try:
            context.bind_latex(name, value)
        except (DerivcheckError, ValueError, TypeError) as error:
            warnings.append(f"front matter values: {name}: {error}")


def check_statement(statement: Statement, context: Context, budget_seconds: float,
                    previous: str | None) -> StepResult:
    def step(kind: StepKind, claim: ClaimResult) -> StepResult:
        return StepResult(statement.line, statement.text, kind, claim, statement.derivation)

    try:
        chain = split_chain(statement.text)
    except ParseError as error:
        return step(StepKind.CLAIM, _unparseable(statement.text, error))
    budget = Budget(budget_seconds)
    head = _bare_name(chain)
    if head is None or len(chain.sides) < 2 or chain.relations[0] not in ("=", ":="):
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    body_text = chain.sides[1].text
    try:
        body = parse_side(body_text)
    except ParseError as error:
        return step(StepKind.CLAIM, _unparseable(statement.text, error))
    key = _key(head)
    if key is None:
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    mentions_itself = key in _names_in(body)
    defined = any(d.key == key or _definition_key(d) == key for d in context.definitions)
    if mentions_itself and key in context.values:
        return _update(statement, chain, head, body_text, context, budget, step)
    if defined and key not in context.values:
        return step(StepKind.CLAIM, check_chain(chain, context, budget, previous))
    return _define(statement, chain, head, body, body_text, context, budget, step)


def _define(statement, chain: Chain, head: A.Name, body: A.Node, body_text: str,
            context: Context, budget: Budget, step) -> StepResult:
    """`name = expression = …`: the name now means the expression; later links are checked."""
    name_text = chain.sides[0].text
    value = _numeric_value(body_text, context)
    rest = Chain(chain.source, chain.sides[1:], chain.relations[1:])
    checked = check_chain(rest, context, budget) if rest.relations else ClaimResult(rest.source, [])
    if value is not None:
        context.definitions = [d for d in context.definitions if _definition_key(d) != _key(head)]
        context.bind(head, value)
        kind, what = StepKind.BINDING, f"binds {name_text} = {_show(value)}"
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
    rest = Chain(chain.source, chain.sides[1:], chain.relations[1:])
    checked = check_chain(rest, context, budget) if rest.relations else ClaimResult(rest.source, [])
    value = _numeric_value(body_text, context)
    if value is None:
        # the update formula had unknowns: take the last printed number as the new value
        value = next((v for v in (_numeric_value(s.text, context) for s in
                                  reversed(chain.sides[1:])) if v is not None), None)
    if value is None:
        first = LinkResult(name_text, body_text, "=", Verdict.UNDECIDED, Method.NONE,
                           f"the new value of {name_text} could not be computed")
    else:
        context.bind(head, value)
        first = LinkResult(name_text, body_text, "=", Verdict.VALID, Method.DEFINITION,
                           f"updates {name_text} to {_show(value)}")
    return step(StepKind.UPDATE, ClaimResult(chain.source, [first, *checked.links]))


def _numeric_value(text: str, context: Context):
    """The value of a side when every name in it has a value; None otherwise."""
    try:
        node = parse_side(text)
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


def _show(value) -> str:
    return str(value) if value.is_Rational else mpmath.nstr(mpmath.mpf(str(value)), 8)


def _bare_name(chain: Chain) -> A.Name | None:
    if not chain.sides or not chain.sides[0].text:
        return None
    try:
        node = parse_side(chain.sides[0].text)
    except ParseError:
        return None
    return node if isinstance(node, A.Name) else None


def _key(name: A.Name) -> str | None:
    try:
        sup = tuple(_index(s) for s in name.sup)
        sub = tuple(_index(s) for s in name.sub)
    except ValueError:
        return None
    return canonical(name.base, sup, sub, name.suffix, name.primes)


def _index(node: A.Node):
    if isinstance(node, A.Num) and node.text.isdigit():
        return int(node.text)
    if isinstance(node, A.Name) and not node.sub and not node.sup:
        return node.base
    raise ValueError("not a simple index")


def _definition_key(definition) -> str | None:
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
    where = traceback.extract_tb(error.__traceback__)[-1]
    link = LinkResult(statement.text, "", "", Verdict.UNDECIDED, Method.NONE,
                      f"undecided: derivcheck could not check this step ({type(error).__name__}"
                      f" at {os.path.basename(where.filename)}:{where.lineno}); please report it")
    return StepResult(statement.line, statement.text, StepKind.CLAIM,
                      ClaimResult(statement.text, [link]), statement.derivation)


def _mark_first_invalid(steps: list[StepResult]) -> None:
    seen: set[int] = set()
    for step in steps:
        if step.verdict == Verdict.INVALID and step.derivation not in seen:
            step.first_invalid = True
            seen.add(step.derivation)


__all__ = ["check_document", "check_link"]
