"""`check_claim`: one relation chain, every link checked against the context."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import mpmath
import sympy

from symbolic import compare as C
from symbolic import functions as F
from symbolic.budget import Budget
from symbolic.context import Context
from symbolic.errors import BudgetExceeded, ParseError, ShapeError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import Instance, free_index_letters
from symbolic.notation.chains import Chain
from symbolic.notation.names import Var
from symbolic.results import ClaimResult, Counterexample, LinkResult, Method, Verdict

DEFAULT_BUDGET_SECONDS = 5.0
EQUALITIES = {"=", r"\approx", ":="}
SKIPPED = {r"\Rightarrow", r"\to"}
MAX_INDEX_INSTANCES = 9

# Likely OCR slips and what each one probably stands for.
OCR_SLIPS = [
    (re.compile(r"(?<![\d.\w])6\s*(\\left)?\s*\("), "'6(' is likely an OCR slip for \\sigma("),
    (re.compile(r"\\frac\{1\}\{r\}"), "'\\frac{1}{r}' is likely an OCR slip for \\frac{1}{2}"),
]


def check_claim(claim: str, given=(), shapes: dict | None = None,
                conventions: dict | None = None, *, values: dict | None = None,
                budget_seconds: float = DEFAULT_BUDGET_SECONDS) -> ClaimResult:
    """Check a LaTeX claim, link by link.

    >>> r = check_claim(r"\\frac{\\partial L}{\\partial w} = (f - y) x",
    ...                 given=[r"z = w x + b", r"f = \\sigma(z)",
    ...                        r"L = -y \\ln f - (1-y) \\ln(1-f)"])
    >>> r.verdict
    <Verdict.VALID: 'valid'>
    """
    try:
        context = Context.from_given(given, shapes, conventions, values)
    except (ParseError, ShapeError) as error:
        link = LinkResult(claim, "", "=", Verdict.UNPARSEABLE, Method.NONE,
                          f"a given definition could not be read: {error}")
        return ClaimResult(claim, [link])
    result = check_in_context(claim, context, budget_seconds=budget_seconds)
    result.warnings[:0] = context.warnings
    return result


def check_in_context(claim: str, context: Context, *, budget_seconds: float =
                     DEFAULT_BUDGET_SECONDS, previous: str | None = None) -> ClaimResult:
    """Check a chain in an existing context; `previous` is the side a leading `=` continues."""
    try:
        chain = split_chain(claim)
    except ParseError as error:
        return ClaimResult(claim, [LinkResult(claim, "", "", Verdict.UNPARSEABLE,
                                              message=str(error))])
    return check_chain(chain, context, Budget(budget_seconds), previous)


def check_chain(chain: Chain, context: Context, budget: Budget,
                previous: str | None = None) -> ClaimResult:
    sides = [s.text for s in chain.sides]
    if sides and not sides[0] and previous:
        sides[0] = previous
    links: list[LinkResult] = []
    if not chain.relations and sides and sides[0]:
        links.extend(annotation_links(sides[0], "", context, budget))
    for k, relation in enumerate(chain.relations):
        left, right = sides[k], sides[k + 1]
        if relation in SKIPPED:
            continue
        if not left:
            links.append(LinkResult("", right, relation, Verdict.UNDECIDED, Method.NONE,
                                    "this line continues a chain whose last side is unknown "
                                    "(the line before it could not be read)"))
            continue
        links.append(check_link(left, right, relation, context, budget))
        links.extend(annotation_links(left if k == 0 else None, right, context, budget))
    result = ClaimResult(chain.source, links)
    hints = [note for pattern, note in OCR_SLIPS if pattern.search(chain.source)]
    for link in links:
        if link.verdict in (Verdict.INVALID, Verdict.UNPARSEABLE) and hints:
            link.message += " (" + "; ".join(hints) + ")"
            if link.diagnosis_kind is None and link.verdict == Verdict.INVALID:
                link.diagnosis_kind = "ocr"
                link.diagnosis = hints[0]
    return result


def annotation_links(left: str | None, right: str, context: Context, budget: Budget):
    """`\\underbrace{0.4 \\times -0.5}_{-0.2}` inside a side: a numeric sub-claim."""
    out = []
    for text in (t for t in (left, right) if t):
        try:
            node = parse_side(text)
        except ParseError:
            continue
        for expr_node, note_node in _annotations(node):
            out.append(check_numeric_nodes(expr_node, note_node, "=", context, budget,
                                           text, text))
    return out


def _annotations(node: A.Node):
    if isinstance(node, A.Annotated) and node.note is not None:
        yield node.expr, node.note
    for child in _children(node):
        yield from _annotations(child)


def _children(node):
    from symbolic.notation.build import _children as children
    return children(node)


@dataclass
class Sides:
    lhs: object
    rhs: object
    lhs_raw: object
    rhs_raw: object
    instance: Instance


def check_link(left: str, right: str, relation: str, context: Context,
               budget: Budget) -> LinkResult:
    base = LinkResult(left, right, relation, Verdict.UNDECIDED)
    if relation not in EQUALITIES:
        base.message = f"relations like {relation} are not checked"
        return base
    try:
        lhs_node, rhs_node = parse_side(left), parse_side(right)
    except ParseError as error:
        base.verdict = Verdict.UNPARSEABLE
        base.message = str(error)
        return base
    if _numeric_literal(rhs_node) is not None or _numeric_literal(lhs_node) is not None \
            or relation == r"\approx":
        numeric = check_numeric_nodes(lhs_node, rhs_node, relation, context, budget, left, right)
        if numeric.verdict != Verdict.UNDECIDED or relation == r"\approx":
            return numeric
    try:
        return check_symbolic(lhs_node, rhs_node, base, context, budget)
    except BudgetExceeded as error:
        base.message = f"undecided: {error}"
        return base
    except ShapeError as error:
        base.verdict = Verdict.INVALID
        base.method = Method.NONE
        base.diagnosis_kind = "shape"
        base.diagnosis = str(error)
        base.message = str(error)
        return base
    except ParseError as error:
        base.verdict = Verdict.UNPARSEABLE
        base.message = str(error)
        return base
    except Exception as error:  # never a traceback: an unexpected failure is "undecided"
        base.verdict = Verdict.UNDECIDED
        base.message = f"undecided: this could not be evaluated ({type(error).__name__})"
        return base


def instances_for(lhs_node, rhs_node, context: Context) -> list[Instance]:
    in_definitions = set()
    for d in context.definitions:
        in_definitions |= free_index_letters(d.body) - free_index_letters(d.name)
    letters = sorted((free_index_letters(lhs_node) | free_index_letters(rhs_node)
                      | in_definitions) - {d.name.base for d in context.definitions})
    out = []
    for size in (3, 2):
        combos = list(itertools.product(range(1, size + 1), repeat=len(letters)))
        if len(combos) > MAX_INDEX_INSTANCES:
            combos = combos[:: max(1, len(combos) // MAX_INDEX_INSTANCES)][:MAX_INDEX_INSTANCES]
        for combo in combos:
            out.append(Instance(dict(zip(letters, combo, strict=True)), {}, size))
    return out


def build_sides(lhs_node, rhs_node, left, right, context: Context, instance: Instance) -> Sides:
    both = (lhs_node, rhs_node)
    lhs_raw = context.builder(instance, left, both).build(lhs_node)
    rhs_raw = context.builder(instance, right, both).build(rhs_node)
    lhs = context.expand(lhs_raw, instance)
    rhs = context.expand(rhs_raw, instance)
    return Sides(lhs, rhs, lhs_raw, rhs_raw, instance)


def check_symbolic(lhs_node, rhs_node, base: LinkResult, context: Context,
                   budget: Budget) -> LinkResult:
    readings = []
    last = None
    uses_sizes = False
    for number, instance in enumerate(instances_for(lhs_node, rhs_node, context)):
        if instance.default_size == 2 and not uses_sizes:
            break
        budget.check()
        sides = build_sides(lhs_node, rhs_node, base.lhs, base.rhs, context, instance)
        uses_sizes = uses_sizes or bool(instance.sizes) or bool(instance.indices)
        if not readings:
            readings.append(_reading(sides))
        if _free(sides.lhs) == set() or _free(sides.rhs) == set():
            numeric = numeric_sides(sides, context)
            if numeric is not None:
                sides = numeric
        link = compare_sides(sides, base, context, budget, prove=number == 0)
        link.reading = readings[0]
        if link.verdict != Verdict.VALID:
            if instance.indices:
                link.message += " (at " + ", ".join(f"{k} = {v}" for k, v in
                                                    instance.indices.items()) + ")"
            return link
        last = link
    if last is None:
        base.message = "nothing to compare"
        return base
    if uses_sizes and last.method == Method.PROVED:
        last.method = Method.SAMPLED
        last.message = "proved for each index and size tried (sizes 2 and 3)"
    return last


def numeric_sides(sides: Sides, context: Context) -> Sides | None:
    lhs = context.substitute_values(sides.lhs)
    rhs = context.substitute_values(sides.rhs)
    if _free(lhs) or _free(rhs):
        return None
    return Sides(lhs, rhs, sides.lhs_raw, sides.rhs_raw, sides.instance)


def _free(value) -> set:
    return set(value.free_symbols) if hasattr(value, "free_symbols") else set()


def _entries(value) -> tuple[list, tuple[int, int] | None]:
    if isinstance(value, sympy.MatrixBase):
        if value.shape == (1, 1):
            return [value[0]], None
        return list(value), value.shape
    return [value], None


def compare_sides(sides: Sides, base: LinkResult, context: Context, budget: Budget,
                  prove: bool = True) -> LinkResult:
    lhs_entries, lhs_shape = _entries(sides.lhs)
    rhs_entries, rhs_shape = _entries(sides.rhs)
    transposed = False
    if lhs_shape != rhs_shape:
        if lhs_shape and rhs_shape and lhs_shape == rhs_shape[::-1]:
            rhs_entries = list(sides.rhs.T)
            transposed = True
        else:
            raise ShapeError(f"the left side is {_shape_text(lhs_shape)} but the right side is "
                             f"{_shape_text(rhs_shape)}")
    outcome = C.compare(lhs_entries, rhs_entries, context_kind(context), budget, prove)
    link = LinkResult(base.lhs, base.rhs, base.relation, outcome.verdict, outcome.method,
                      outcome.message)
    if transposed:
        layout = context.conventions.get("layout", "denominator")
        other = "numerator" if layout == "denominator" else "denominator"
        if outcome.verdict == Verdict.VALID:
            link.verdict = Verdict.INVALID
            link.method = Method.NONE
            link.diagnosis_kind = "transpose"
            link.diagnosis = f"equals the transpose: right in {other} layout"
            link.message = (f"the left side is {_shape_text(lhs_shape)} but the right side is "
                            f"{_shape_text(rhs_shape)}; it equals the transpose, which is the "
                            f"gradient in {other} layout (this document uses {layout} layout; "
                            f"set conventions: {{layout: {other}}} if that is what you meant)")
            return link
        link.message += f" (compared with the transpose: shapes {_shape_text(lhs_shape)} " \
                        f"and {_shape_text(rhs_shape)})"
    if outcome.verdict == Verdict.INVALID:
        link.counterexample = _counterexample(outcome, sides.instance)
        try:
            diagnosis = diagnose(outcome, sides, lhs_entries, rhs_entries, context, budget)
        except Exception:  # a diagnosis is a courtesy: it must never cost the verdict
            diagnosis = None
        if diagnosis:
            link.diagnosis_kind, link.diagnosis = diagnosis
            link.message = f"{link.message}: {link.diagnosis}"
    return link


def _shape_text(shape) -> str:
    return "a scalar" if shape is None else f"{shape[0]}×{shape[1]}"


def context_kind(context: Context):
    def kind(symbol):
        return context.kind(symbol.name)
    return kind


def _counterexample(outcome: C.Outcome, instance: Instance) -> Counterexample:
    point = {s.name: str(v) for s, v in outcome.point.items()}
    for letter, value in instance.indices.items():
        point[letter] = str(value)
    return Counterexample(point, outcome.lhs_value, outcome.rhs_value)


def diagnose(outcome, sides: Sides, lhs_entries, rhs_entries, context, budget):
    """The kind of mistake, from one list of candidates tried in turn."""
    found = C.ratio_diagnosis(outcome)
    if found:
        return found
    samples = outcome.samples
    if not samples:
        return None
    for kind, message, mutate in MUTATIONS:
        for side in ("rhs", "lhs"):
            try:
                entries = mutate(sides, side, context)
            except (ValueError, TypeError, ShapeError, ParseError):
                entries = None
            if entries is not None and C.agrees_with(samples, entries, side):
                return kind, message
    term = _missing_term(samples, lhs_entries, rhs_entries)
    return term


def _mutate_sigma(sides: Sides, side: str, context):
    expr = sides.rhs if side == "rhs" else sides.lhs
    if not expr.has(F.Sigmoid):
        return None
    changed = expr.replace(F.Sigmoid, lambda u: F.Sigmoid(u) * (1 - F.Sigmoid(u)))
    return _entries(changed)[0]


def _mutate_swap_hat(sides: Sides, side: str, context):
    raw = sides.rhs_raw if side == "rhs" else sides.lhs_raw
    symbols = getattr(raw, "free_symbols", set())
    swap = {}
    for s in symbols:
        if s.name.startswith(r"\hat{"):
            plain = Var(s.name[5:].replace("}", "", 1))
            swap[s], swap[plain] = plain, s
    if not swap:
        return None
    swapped = raw.xreplace(swap)
    return _entries(context.expand(swapped, sides.instance))[0]


def _mutate_transpose(sides: Sides, side: str, context):
    expr = sides.rhs if side == "rhs" else sides.lhs
    if isinstance(expr, sympy.MatrixBase) and expr.rows == expr.cols and expr.rows > 1:
        return list(expr.T) if side == "rhs" else None
    return None


MUTATIONS = [
    ("sigma-prime", "\\sigma written where \\sigma' belongs", _mutate_sigma),
    ("swapped", "\\hat{y} and y are swapped", _mutate_swap_hat),
    ("transpose", "equals the transpose", _mutate_transpose),
]


def _missing_term(samples, lhs_entries, rhs_entries):
    import numpy as np
    if len(lhs_entries) != 1:
        return None
    diff = samples["lhs"][0] - samples["rhs"][0]
    finite = samples["finite"]
    for label, expr in (("left", lhs_entries[0]), ("right", rhs_entries[0])):
        terms = sympy.Add.make_args(sympy.expand(expr)) if len(sympy.Add.make_args(expr)) > 1 \
            else sympy.Add.make_args(expr)
        if len(terms) < 2:
            continue
        values = C.evaluate_float(samples["symbols"], list(terms), samples["columns"], C.SAMPLES)
        if values is None:
            continue
        for term, v in zip(terms, values, strict=True):
            ok = finite & np.isfinite(v)
            for sign in (1, -1):
                if ok.sum() >= 3 and np.allclose(diff[ok], sign * v[ok], rtol=1e-7, atol=1e-10):
                    where = "an extra" if (label == "right") == (sign == -1) else "a missing"
                    return "term", f"{where} term {sympy.latex(term)} on the right side"
    return None


# -- numeric claims -------------------------------------------------------------------
def _numeric_literal(node: A.Node):
    """(value, unit, is_integer) of a printed number: 0.798, -0.2, 3.49 \\times 10^{-32}."""
    sign = 1
    if isinstance(node, A.Neg):
        sign, node = -1, node.operand
    if isinstance(node, A.Group):
        return _numeric_literal(node.inner)
    if isinstance(node, A.Num):
        value = sympy.Rational(node.text) * sign
        decimals = len(node.text.split(".")[1]) if "." in node.text else 0
        return value, sympy.Rational(1, 10**decimals), decimals == 0
    if isinstance(node, A.BinOp) and node.op in ("times", "cdot", "*", "juxt") \
            and isinstance(node.right, A.Power) and isinstance(node.right.base, A.Num) \
            and node.right.base.text == "10":
        mantissa = _numeric_literal(node.left)
        exponent = _numeric_literal(node.right.exponent)
        if mantissa and exponent and exponent[2]:
            scale = sympy.Integer(10) ** exponent[0]
            return sign * mantissa[0] * scale, mantissa[1] * scale, False
    return None


def _literal_precision(node: A.Node) -> float:
    """Relative precision of the rounded decimals written in a side (2+ significant digits)."""
    total = 0.0
    for n in _walk(node):
        if isinstance(n, A.Num) and "." in n.text:
            digits = n.text.replace(".", "").lstrip("0")
            if len(digits) >= 2:
                decimals = len(n.text.split(".")[1])
                total += 10.0 ** (-decimals) / float(sympy.Rational(n.text))
    return total


def _walk(node):
    yield node
    for child in _children(node):
        yield from _walk(child)


def check_numeric_nodes(lhs_node, rhs_node, relation, context: Context, budget: Budget,
                        left: str, right: str) -> LinkResult:
    link = LinkResult(left, right, relation, Verdict.UNDECIDED, Method.NUMERIC)
    try:
        instance = Instance()
        lhs = context.substitute_values(context.expand(
            context.builder(instance, left).build(lhs_node), instance))
        rhs = context.substitute_values(context.expand(
            context.builder(instance, right).build(rhs_node), instance))
    except BudgetExceeded as error:
        link.message = f"undecided: {error}"
        return link
    except (ParseError, ShapeError) as error:
        link.verdict = Verdict.UNPARSEABLE
        link.message = str(error)
        return link
    if _free(lhs) or _free(rhs) or isinstance(lhs, sympy.MatrixBase) \
            or isinstance(rhs, sympy.MatrixBase):
        link.method = Method.NONE
        if relation == r"\approx":
            link.message = "an approximation with unknowns left: bind their values to check it"
        return link
    lit_r, lit_l = _numeric_literal(rhs_node), _numeric_literal(lhs_node)
    try:
        with budget.limit(1.0), mpmath.workdps(40):
            lv = _mp(lhs)
            rv = _mp(rhs)
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError, OverflowError):
        link.message = "undecided: the value could not be computed"
        return link
    if lv is None or rv is None:
        link.message = "undecided: a side is not a finite real number"
        return link
    if lit_r is not None or lit_l is not None:
        (printed, unit, integer), exact = (lit_r, lv) if lit_r is not None else (lit_l, rv)
        # less than one unit of the last printed digit (0.5 printed as 0.4 is wrong)
        error = abs(exact - _mp(printed))
        if integer and relation == "=":
            ok = error <= mpmath.mpf(10) ** -30 * max(abs(_mp(printed)), 1)
        else:
            ok = error < _mp(unit) * (1 - mpmath.mpf(10) ** -12)
        shown = mpmath.nstr(exact, 12)
        if ok:
            link.verdict = Verdict.VALID
            link.message = (f"the exact value {shown} matches "
                            f"{_printed_text(lhs_node if lit_l is not None else rhs_node)} "
                            "to the printed precision")
        else:
            link.verdict = Verdict.INVALID
            link.counterexample = Counterexample({}, mpmath.nstr(lv, 12), mpmath.nstr(rv, 12))
            link.message = (f"the exact value is {shown}, which does not round to "
                            f"{_printed_text(lhs_node if lit_l is not None else rhs_node)}")
            ratio = exact / _mp(printed) if printed != 0 else None
            if ratio is not None and abs(ratio + 1) < mpmath.mpf("1e-3"):
                link.diagnosis_kind, link.diagnosis = "sign", "off by a factor of -1: a sign error"
        return link
    relative = _literal_precision(lhs_node) + _literal_precision(rhs_node)
    scale = max(abs(lv), abs(rv))
    tolerance = mpmath.mpf(relative) * scale + mpmath.mpf(10) ** -12 * max(scale, 1)
    if abs(lv - rv) <= tolerance:
        link.verdict = Verdict.VALID
        link.message = f"both sides evaluate to {mpmath.nstr(lv, 6)} within the printed precision"
    else:
        link.verdict = Verdict.INVALID
        link.counterexample = Counterexample({}, mpmath.nstr(lv, 12), mpmath.nstr(rv, 12))
        link.message = (f"the left side is {mpmath.nstr(lv, 8)} but the right side is "
                        f"{mpmath.nstr(rv, 8)}")
        if rv != 0 and abs(lv / rv + 1) < mpmath.mpf("1e-6"):
            link.diagnosis_kind, link.diagnosis = "sign", "off by a factor of -1: a sign error"
    return link


def _printed_text(node) -> str:
    """A printed number as it was written: -0.2, 3.49 \\times 10^{-32}."""
    if isinstance(node, A.Neg):
        return "-" + _printed_text(node.operand)
    if isinstance(node, A.Group):
        return _printed_text(node.inner)
    if isinstance(node, A.Num):
        return node.text
    if isinstance(node, A.BinOp):
        return f"{_printed_text(node.left)} \\times 10^{{{_printed_text(node.right.exponent)}}}"
    return "the printed value"


def _mp(value):
    expr = C.guard_huge_powers(sympy.sympify(value))
    f = sympy.lambdify([], expr, modules=[F.MPMATH_FUNCTIONS, "mpmath"])
    result = mpmath.mpmathify(f())
    if isinstance(result, mpmath.mpc):
        if abs(result.imag) > mpmath.mpf(10) ** -30:
            return None
        result = result.real
    return result if mpmath.isfinite(result) else None


def _reading(sides: Sides) -> str:
    def show(value) -> str:
        try:
            return sympy.latex(value)
        except Exception:  # printing must never hide a verdict
            return str(value)
    text = f"{show(sides.lhs_raw)} = {show(sides.rhs_raw)}"
    return text if len(text) < 400 else text[:397] + "…"
