"""`check_claim`: one relation chain, every link checked against the context."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy

from symbolic import compare as C
from symbolic import diagnosis as D
from symbolic import functions as F
from symbolic.budget import Budget
from symbolic.context import Context, diagonal_reading
from symbolic.errors import BudgetExceeded, DerivcheckError, ParseError, ShapeError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import Instance, free_index_letters
from symbolic.notation.chains import Chain
from symbolic.notation.names import canonical
from symbolic.notation.rewrite import subtrees, to_latex
from symbolic.results import ClaimResult, Counterexample, LinkResult, Method, Verdict

DEFAULT_BUDGET_SECONDS = 5.0
EQUALITIES = {"=", r"\approx", ":="}
SKIPPED = {r"\Rightarrow", r"\to"}
MAX_INDEX_INSTANCES = 9

DIAGNOSIS_SECONDS = 3.0   # a safety net: the slowest corpus diagnosis takes under 1 s


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
        step = Budget(budget.seconds)    # each link has the whole budget: a long chain
        links.append(check_link(left, right, relation, context, step))   # is not starved
        links.extend(annotation_links(left if k == 0 else None, right, context, step))
    result = ClaimResult(chain.source, links)
    hints = D.ocr_hints(chain.source)
    for link in links:
        if link.verdict == Verdict.UNPARSEABLE and hints:
            link.message += " (" + "; ".join(hints) + ")"
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
    substitutions = context.substituted_numbers(lhs_node, rhs_node)   # printed inputs
    if substitutions is not None:
        return LinkResult(left, right, relation, Verdict.VALID, Method.NUMERIC,
                          "each printed number stands for the quantity it replaces: "
                          + ", ".join(substitutions))
    free_index = free_index_letters(lhs_node) | free_index_letters(rhs_node)
    if (_numeric_literal(rhs_node) is not None or _numeric_literal(lhs_node) is not None
            or relation == r"\approx") and not free_index:   # y_k = 1 holds for every k
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
    known = index_ranges(letters, (lhs_node, rhs_node), context)
    counts = sum_bound_sizes((lhs_node, rhs_node), context)
    out = []
    for size in (3, 2):
        ranges = [range(1, known.get(letter, size) + 1) for letter in letters]
        combos = [c for c in itertools.product(*ranges)
                  if context.admits(dict(zip(letters, c, strict=True)))]   # case assumptions
        if len(combos) > MAX_INDEX_INSTANCES:
            combos = combos[:: max(1, len(combos) // MAX_INDEX_INSTANCES)][:MAX_INDEX_INSTANCES]
        for combo in combos:
            out.append(Instance(dict(zip(letters, combo, strict=True)),
                                dict.fromkeys(counts, size), size))
    return out


def sum_bound_sizes(trees, context: Context) -> list[str]:
    """Names declared `positive` (or `constant`) that bound a sum: sizes in this claim.

    `\\sum_{i=1}^{m}` with `symbols: {m: positive}` counts m samples, so m is a whole number:
    in a claim that sums to m (or whose definitions do), m is the instance's size everywhere,
    `\\frac{1}{m}` included, and the claim must hold at every size tried.
    """
    out = set()
    for tree in (*trees, *_bodies_used(trees, context)):
        for _, node in subtrees(tree):
            upper = node.upper if isinstance(node, A.SumOver) else None
            if isinstance(upper, A.Name) and not upper.sub and not upper.sup \
                    and not upper.primes and context.is_size_name(upper):
                out.add(canonical(upper.base, (), (), upper.suffix, 0))
    return sorted(out)


def index_ranges(letters, trees, context: Context) -> dict[str, int]:
    """How far each free index runs, where the context's names fix it.

    `a_j^{(1)}` in a network whose context names `a_1^{(1)}` and `a_2^{(1)}` only runs over
    j = 1, 2: the range is the largest whole-number subscript the context gives that family
    (same base and decorations, same numbers in the other positions) in the position where
    j stands. Over several uses the smallest such range holds; a letter whose family the
    context never numbers (or numbers only once) keeps the default sizes.
    """
    uses = [(node, slot) for tree in trees for node in _free_names(tree, frozenset())
            for slot in range(len(node.sub) + len(node.sup))]
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
    return out


def _bodies_used(trees, context: Context) -> list[A.Node]:
    """The bodies of the definitions the trees name, and of those those name, and so on."""
    names = [n for tree in trees for _, n in subtrees(tree) if isinstance(n, A.Name)]
    bodies: list[A.Node] = []
    pending = list(context.definitions)
    grew = True
    while grew:
        grew = False
        for definition in [d for d in pending if any(_may_name(n, d.name) for n in names)]:
            pending.remove(definition)
            bodies.append(definition.body)
            names += [n for _, n in subtrees(definition.body) if isinstance(n, A.Name)]
            grew = True
    return bodies


def _may_name(use: A.Name, defined: A.Name) -> bool:
    """Whether `use` may stand for the defined name: `W` is not `W_2`; `w_j` may be `w_1`."""
    if (use.base, use.suffix, use.primes, len(use.sub), len(use.sup)) != \
            (defined.base, defined.suffix, defined.primes, len(defined.sub), len(defined.sup)):
        return False
    return all(not (isinstance(a, A.Num) and isinstance(b, A.Num)) or a.text == b.text
               for a, b in zip(_slots(use), _slots(defined), strict=True))


def _free_names(node: A.Node, bound: frozenset):
    """The names of a tree whose index letters are free (not a sum's own index)."""
    if isinstance(node, A.Name):
        if not any(_slot_letter(node, k) in bound for k in range(len(_slots(node)))):
            yield node
        return
    if isinstance(node, A.SumOver) and node.index:
        bound = bound | {node.index}
    for child in _children(node):
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
        except ParseError:
            continue
    return [node for tree in trees for _, node in subtrees(tree)
            if isinstance(node, A.Name) and (node.sub or node.sup)]


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
        link = compare_sides(sides, base, context, budget, prove=number == 0,
                             trees=(lhs_node, rhs_node))
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
                  prove: bool = True, trees: tuple | None = None) -> LinkResult:
    lhs_value, rhs_value = diagonal_reading(sides.lhs, sides.rhs)
    lhs_entries, lhs_shape = _entries(lhs_value)
    rhs_entries, rhs_shape = _entries(rhs_value)
    transposed = False
    if lhs_shape != rhs_shape:
        if lhs_shape and rhs_shape and lhs_shape == rhs_shape[::-1]:
            rhs_entries = list(rhs_value.T)
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
        found = courtesy(lambda: diagnose(outcome, sides, lhs_entries, rhs_entries,
                                          context, trees, base.rhs), budget)
        if found:
            link.diagnosis_kind, link.diagnosis = found.kind, found.message
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
    lhs_shape = _entries(sides.lhs)[1]

    def holds(tree) -> bool:
        raw = context.builder(sides.instance, right, (lhs_tree, tree)).build(tree)
        value = context.substitute_values(context.expand(raw, sides.instance))
        entries, shape = _entries(value)
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
    found = [D.expansion_terms(a, b) for a, b in zip(lhs_entries, rhs_entries, strict=True)
             if sympy.expand(a - b) != 0]
    kinds = {f.message.split(" term")[0] if f else None for f in found}
    return found[0] if found and None not in kinds and len(kinds) == 1 else None


def _missing_term(samples, lhs_entries, rhs_entries) -> D.Diagnosis | None:
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
def _numeric_literal(node: A.Node):
    """(value, unit, is_integer) of a printed number: 0.798, -0.2, 3.49 \\times 10^{-32}."""
    sign = 1
    if isinstance(node, A.Neg):
        sign, node = -1, node.operand
    if isinstance(node, A.Group):
        # -(1) and -\left(0.5\right) are negative: the sign outside the group counts
        inner = _numeric_literal(node.inner)
        return None if inner is None else (sign * inner[0], *inner[1:])
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
        # read as a formula instead (a sum to m is a size there); an approximation has no
        # other reading
        link.verdict = Verdict.UNPARSEABLE if relation == r"\approx" else Verdict.UNDECIDED
        link.message = str(error)
        return link
    if instance.used:
        # a value that depends on a size (\sum_{i=1}^{n} 1) must hold at every size: the
        # symbolic path tries more than one
        link.method = Method.NONE
        link.message = "the value depends on a size: it is checked at more than one size"
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
            expr_tree, expr_text = (rhs_node, right) if lit_r is None else (lhs_node, left)
            _diagnose_number(link, NumberMistake(expr_tree, expr_text, exact, _mp(printed),
                                                 _mp(unit), printed=True), context, budget)
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
        _diagnose_number(link, NumberMistake(rhs_node, right, lv, rv, tolerance, printed=False),
                         context, budget)
    return link


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


def _diagnose_number(link: LinkResult, mistake: NumberMistake, context: Context,
                     budget: Budget) -> None:
    found = courtesy(lambda: number_diagnosis(mistake, context), budget)
    if found:
        link.diagnosis_kind, link.diagnosis = found.kind, found.message
        link.message = f"{link.message}: {found.message}"


def number_diagnosis(mistake: NumberMistake, context: Context) -> D.Diagnosis | None:
    """Why a worked number is off: the same kinds as for formulas, on one value."""
    truth, claimed = float(mistake.truth), float(mistake.claimed)
    rtol = min(float(mistake.tolerance) / max(abs(claimed), 1e-300), 0.05)
    instance = Instance()

    def value_of(tree):
        built = context.builder(instance, mistake.text).build(tree)
        return _mp(context.substitute_values(context.expand(built, instance)))

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
        lambda: D.sigma_prime_values(truths, claims, atol),
        lambda: D.constant_ratio(truths, claims, rtol, simple=True),
        lambda: D.first_repair(D.repairs(mistake.tree, mistake.text, [], numeric=True), holds,
                               describe=described),
        extra_term)


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
