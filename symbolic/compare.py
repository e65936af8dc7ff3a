"""Deciding whether two SymPy sides are equal: sampling, high precision, bounded proof.

Soundness first. "invalid" only with a point where both sides are finite and differ,
confirmed with mpmath at 50 digits; "valid" only when every sampled point agrees and two
of them agree again at 50 digits — reported as "proved" only when the difference
simplifies to zero within the budget. Anything else is "undecided".
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy
from sympy.core.function import AppliedUndef
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import MpmathPrinter
from sympy.printing.repr import ReprPrinter

from symbolic import evaluation, limits
from symbolic.budget import Budget
from symbolic.diagnosis import Diagnosis
from symbolic.errors import BudgetExceeded, ShapeError
from symbolic.functions import MPMATH_FUNCTIONS, NUMPY_FUNCTIONS, MLFunction
from symbolic.shared_printing import SharedPrinting
from symbolic.verdicts import Method, Verdict

SAMPLES = 24
MIN_FINITE = 6
TAME_AMPLITUDE = 0.2   # the scale of a random function's coefficients, retried
FLOAT_RTOL = 1e-8
FLOAT_ATOL = 1e-12
HIGH_DPS = 50
HIGH_RTOL = mpmath.mpf("1e-25")
STRUCTURED = [1.0, 0.5, -1.0, 2.0, -0.5, 1.5, 0.25, -2.0, 3.0, 0.75]
COMPILED_CACHE = 512      # compiled functions kept per process (each a few kB)


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    method: Method
    message: str = ""
    point: dict | None = None            # Symbol -> exact value (sympy Rational)
    lhs_value: str = ""
    rhs_value: str = ""
    samples: dict = field(default_factory=dict)   # for diagnosis: points, lhs, rhs arrays
    layout_mistake: Diagnosis | None = None        # the sides agree only when transposed


def _seed(*exprs) -> int:
    printer = _SharedRepr()
    text = "|".join(printer.doprint(e) for e in exprs)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "little")


class _SharedRepr(SharedPrinting, ReprPrinter):
    """`srepr`, printing each distinct subexpression once per process: an expanded network
    repeats its layers, the links of a document repeat its definitions, and sorting the
    terms of each repeat again is most of srepr's time."""

    printed: dict = {}

    def _print_Dummy(self, expr) -> str:
        # a dummy's index is drawn afresh each process: the seed must not depend on it
        return f"Dummy({expr.name!r})"

    def _print_Add(self, expr) -> str:
        # terms are ordered by their sort keys, which a dummy's index changes: the seed
        # orders them by their text
        return f"Add({', '.join(sorted(map(self._print, expr.args)))})"

    def _print_Mul(self, expr) -> str:
        if not expr.is_commutative:
            return super()._print_Mul(expr)
        return f"Mul({', '.join(sorted(map(self._print, expr.args)))})"

    def _print_Subs(self, expr) -> str:
        # equal substitutions may name their variable differently (u, ξ): the kept text is
        # the one of whichever was printed first, so the variables are printed by position
        positions = {v: sympy.Symbol(f"⟨{k}⟩") for k, v in enumerate(expr.variables)}
        return f"Subs({self._print(expr.expr.xreplace(positions))}, {self._print(expr.point)})"


def random_functions(exprs: list, seed: int) -> tuple[list, list, dict]:
    """Replace each undefined function by a random member of a rich family.

    A claim about an arbitrary differentiable f must hold for every f; a random
    f(u) = c0 + c1 u + c2 u²/2 + c3 sin(u) + … makes a false claim fail with probability one.
    """
    families, coefficients = function_families(exprs)
    return [with_functions(e, families) for e in exprs], coefficients, families


def subexpressions(exprs) -> set:
    """Every distinct subexpression of `exprs` (themselves included), each visited once.

    `atoms` and `has` walk every occurrence: an expanded network repeats its layers, so
    one walk of the distinct parts, shared by every question asked of them, costs a
    fraction. Asking the set gives what `atoms` gives.
    """
    seen: set = set()
    pending = [e for e in exprs if isinstance(e, sympy.Basic)]
    while pending:
        node = pending.pop()
        if node not in seen:
            seen.add(node)
            pending.extend(a for a in node.args if isinstance(a, sympy.Basic))
    return seen


_BASIC_FREE_SYMBOLS = sympy.Basic.__dict__["free_symbols"]
_FREE_SYMBOLS_RULE: dict[type, bool] = {}   # class -> whether it keeps Basic's rule


FREE_SYMBOLS_KEPT = 50_000    # subexpressions whose free symbols are kept per process
_FREE_SYMBOLS: dict = {}      # subexpression -> its free symbols (never changed once kept)


def free_symbols(expr) -> set:
    """`expr.free_symbols`, each distinct subexpression asked once per process.

    Basic's rule (the union over the arguments) walks every repeat of a subexpression; here
    each is done once, and kept: the links of a document ask about the same definitions
    again and again. A class with a rule of its own (a symbol, a derivative, a Lambda,
    `Subs`, a matrix) is asked for it, so the answer is SymPy's.
    """
    if not isinstance(expr, sympy.Basic):
        return set(expr.free_symbols) if hasattr(expr, "free_symbols") else set()
    memo = _FREE_SYMBOLS
    if len(memo) >= FREE_SYMBOLS_KEPT:
        memo.clear()

    def of(e) -> set:
        found = memo.get(e)
        if found is None:
            kind = type(e)
            basic = _FREE_SYMBOLS_RULE.get(kind)
            if basic is None:
                owner = next(k for k in kind.__mro__ if "free_symbols" in k.__dict__)
                basic = _FREE_SYMBOLS_RULE[kind] = \
                    owner.__dict__["free_symbols"] is _BASIC_FREE_SYMBOLS
            found = memo[e] = set().union(*map(of, e.args)) if basic else e.free_symbols
        return found
    return set(of(expr))


def function_families(exprs: list, nodes: set | None = None) -> tuple[dict, list]:
    """Each undefined function's family member (a Lambda), and all their coefficients;
    `nodes`, when given, are the `subexpressions` of `exprs`."""
    if nodes is None:
        nodes = subexpressions(exprs)
    calls = {n for n in nodes if isinstance(n, AppliedUndef)}
    families = {}
    coefficients: list = []
    for func in sorted({c.func for c in calls}, key=str):
        arity = max(len(c.args) for c in calls if c.func == func)
        families[func], cs = _family(func, arity)
        coefficients += cs
    return families, coefficients


@functools.lru_cache(maxsize=256)
def _family(func, arity: int) -> tuple[sympy.Lambda, list]:
    """The family of an undefined function of `arity` arguments, and its coefficients,
    built once per process: they are only names for the columns the samples fill."""
    us = [sympy.Dummy(f"u{k}", real=True) for k in range(arity)]
    pairs = list(itertools.combinations(us, 2))
    cs = [sympy.Dummy(f"c_{func}_{k}", real=True)
          for k in range(1 + 4 * arity + 2 * len(pairs))]
    body = cs[0]
    for k, u in enumerate(us):
        body += cs[1 + 4 * k] * u + cs[2 + 4 * k] * u**2 / 2 + cs[3 + 4 * k] * sympy.sin(u) \
            + cs[4 + 4 * k] * sympy.exp(u / 3)
    # g(x, y) is not a sum of functions of x and of y alone: ∂²g/∂x∂y = 0 must not hold
    for k, (u, v) in enumerate(pairs):
        body += cs[1 + 4 * arity + 2 * k] * u * v \
            + cs[2 + 4 * arity + 2 * k] * sympy.sin(u * v / 2)
    return sympy.Lambda(tuple(us), body), cs


def with_functions(expr, families: dict):
    """`expr` with each undefined function replaced by its chosen member of the family."""
    if not families or not isinstance(expr, sympy.Basic):
        return expr
    expr = _derivatives_at_points(expr)
    # one substitution pass per level of nesting (f(g(x))), not a full `replace` walk of
    # the expression for every function
    while calls := {c: families[c.func](*c.args) for c in expr.atoms(AppliedUndef)
                    if c.func in families}:
        expr = expr.xreplace(calls)
    return expr.doit()


def _derivatives_at_points(expr):
    """`Derivative(f(g(x)), g(x))`, f' at g(x), as a derivative in a variable of its own
    evaluated there: once g is replaced by its family member, a derivative by that
    expression could not be taken."""
    def at_points(derivative):
        body, variables, points = derivative.expr, [], {}
        for variable, count in derivative.variable_count:
            if not isinstance(variable, sympy.Symbol):
                point = sympy.Dummy("p", real=True)
                body, points[point] = body.xreplace({variable: point}), variable
                variable = point
            variables.append((variable, count))
        return sympy.Subs(sympy.Derivative(body, *variables), tuple(points),
                          tuple(points.values()))
    return expr.replace(lambda e: isinstance(e, sympy.Derivative) and any(
        not isinstance(v, sympy.Symbol) for v, _ in e.variable_count), at_points)


def _project(value: float, kind: str | None, rng: np.random.Generator) -> float:
    if kind == "probability":
        return value if 0 < value < 1 else float(np.round(rng.uniform(0.05, 0.95), 2))
    if kind == "positive":
        return abs(value) if value != 0 else 0.5
    if kind == "binary":
        return float(rng.integers(0, 2)) if value not in (0.0, 1.0) else value
    if kind == "sign":
        return 1.0 if value > 0 else -1.0
    if kind in ("index",):
        return float(int(abs(value)) % 2 + 1)   # a label within every size tried (2, 3)
    return value


def sample_points(symbols: list, kind_of: Callable, seed: int, count: int = SAMPLES) -> dict:
    """Points of the declared domains: simple values first, then random 2-decimal ones."""
    rng = np.random.default_rng(seed)
    columns = {}
    groups: dict[str, list] = {}
    spread: dict[str, list] = {}       # distributions: entries ≥ 0 that sum to 1 exactly
    for k, s in enumerate(symbols):
        kind = kind_of(s)
        if kind == "one-hot":
            groups.setdefault(_container(s.name), []).append(s)
            continue
        if kind == "distribution":
            spread.setdefault(_container(s.name), []).append(s)
            continue
        if kind in _PROJECTED_WITHOUT_DRAWS:
            columns[s] = _column(k, kind, rng, count)
            continue
        values = []
        for p in range(count):
            if p < 3:
                raw = STRUCTURED[p]
            elif p < 6:
                raw = STRUCTURED[(p + k) % len(STRUCTURED)]
            else:
                raw = float(np.round(rng.normal(0, 1.3), 2)) or 0.37
            values.append(_project(raw, kind, rng))
        columns[s] = np.array(values)
    for members in groups.values():
        members.sort(key=lambda s: s.name)
        # one entry alone of a one-hot vector at an index tried (Y_{1,1} of y_k at the case
        # k = l) may be 0 as well: the class may be another the expression does not write;
        # at a label (y_o, the class the text names) it is the hot one
        alone = len(members) == 1 and _last_index(members[0].name).isdigit()
        hot = rng.integers(0, len(members) + alone, size=count)
        for j, s in enumerate(members):
            columns[s] = (hot == j).astype(float)
    for members in spread.values():
        members.sort(key=lambda s: s.name)
        shares = np.array([_shares(len(members), rng) for _ in range(count)])
        for j, s in enumerate(members):
            columns[s] = shares[:, j]
    return columns


def _shares(n: int, rng: np.random.Generator, parts: int = 20) -> list[float]:
    """n positive multiples of 1/20 that sum to 1 exactly (as the decimals they print as)."""
    cuts = sorted(rng.choice(np.arange(1, parts), size=min(n - 1, parts - 1), replace=False))
    counts = np.diff([0, *cuts, parts])
    return [c / parts for c in counts] + [0.0] * (n - len(counts))


_PROJECTED_WITHOUT_DRAWS = (None, "positive", "sign", "index")   # `_project` draws nothing


def _column(k: int, kind: str | None, rng: np.random.Generator, count: int) -> np.ndarray:
    """`sample_points`' column for the k-th symbol of a kind whose projection draws no
    random number: the same values as its point-by-point loop, drawn as one array (a
    Generator's array of normals is its sequence of single normals)."""
    simple = [STRUCTURED[p] if p < 3 else STRUCTURED[(p + k) % len(STRUCTURED)]
              for p in range(min(count, 6))]
    drawn = np.round(rng.normal(0, 1.3, size=max(count - 6, 0)), 2)
    drawn[drawn == 0] = 0.37                      # `… or 0.37`: -0.0 too
    column = np.concatenate([np.array(simple, dtype=float), drawn])
    if kind == "positive":
        column = np.where(column != 0, np.abs(column), 0.5)
    elif kind == "sign":
        column = np.where(column > 0, 1.0, -1.0)
    elif kind == "index":
        column = (np.abs(column).astype(int) % 2 + 1).astype(float)
    return column


def _last_index(name: str) -> str:
    """The last index a canonical name's subscript writes: `2` of `Y_{1,2}`, `o` of `y_{o}`."""
    cut = name.rfind("_{")
    return name[cut + 2:].rstrip("}").rsplit(",", 1)[-1] if cut > 0 else ""


def _container(name: str) -> str:
    cut = name.rfind("_{")
    if cut > 0 and "," in name[cut:]:
        return name[:name.rfind(",")]      # Y_{i,j} of a one-hot matrix: each row is one-hot
    return name[:cut] if cut > 0 else name


def _exact(value: float) -> sympy.Rational:
    return sympy.Rational(repr(float(value)))


def _lambdify(symbols, exprs, modules):
    """Compile with plain argument names: one renaming pass instead of one per argument.

    The same expressions (after renaming) are compiled once per process: a document
    compares the same expanded definitions in many links and steps.
    """
    plain = _plain_symbols(len(symbols))
    rename = dict(zip(symbols, plain, strict=True))
    renamed = tuple(sympy.sympify(e).xreplace(rename) for e in exprs)
    target = "numpy" if "numpy" in modules else "mpmath"
    return _compiled(renamed, len(symbols), target)


@functools.lru_cache(maxsize=64)
def _plain_symbols(count: int) -> tuple:
    return tuple(sympy.Symbol(f"_v{k}", real=True) for k in range(count))


@functools.lru_cache(maxsize=COMPILED_CACHE)
def _compiled(renamed: tuple, count: int, target: str):
    """`renamed` (in the arguments _v0, _v1, …) compiled for NumPy or mpmath.

    A compiled function is pure, so reusing it changes no value.
    """
    modules = [NUMPY_FUNCTIONS, "numpy"] if target == "numpy" else [MPMATH_FUNCTIONS, "mpmath"]
    # common subexpressions (an expanded network repeats its layers) printed once, and
    # terms printed in the order they are stored rather than sorted: both much faster
    return sympy.lambdify(list(_plain_symbols(count)), list(renamed), modules=modules,
                          dummify=False, cse=_common_subexpressions if USE_CSE else False,
                          printer=_printer(modules))


def _common_subexpressions(exprs):
    """SymPy's cse without sorting every argument list into canonical order first."""
    return sympy.cse(exprs, order="none", list=False)


USE_CSE = True


def _printer(modules):
    """lambdify's printer for these modules, without sorting the terms of every sum."""
    user = {name: name for m in modules if isinstance(m, dict) for name in m}
    printer = NumPyPrinter if "numpy" in modules else MpmathPrinter
    return printer({"fully_qualified_modules": False, "inline": True, "order": "none",
                    "allow_unknown_functions": True, "user_functions": user})


def huge_powers(expr) -> list:
    """The numeric powers of `expr` too large to evaluate exactly (`10^{10^{10}}`)."""
    if not isinstance(expr, sympy.Basic):
        return []
    powers = expr.atoms(limits.HugePower, sympy.Pow)     # one walk for both kinds
    found = {p for p in powers if isinstance(p, limits.HugePower)}
    found |= {p for p in powers if isinstance(p, sympy.Pow) and p.base.is_Number
              and p.exp.is_number and not p.exp.has(limits.HugePower)
              and limits.power_bits(p.base, p.exp) > limits.MAX_POWER_BITS}
    # outermost first: a tower's inner powers go with it
    return sorted((p for p in found if not any(p != q and q.has(p) for q in found)),
                  key=sympy.srepr)


def _huge_among(nodes: set) -> bool:
    """Whether some of `nodes` (`subexpressions`) is a power `huge_powers` would name."""
    return any(isinstance(p, limits.HugePower) or (
        isinstance(p, sympy.Pow) and p.base.is_Number and p.exp.is_number
        and not p.exp.has(limits.HugePower)
        and limits.power_bits(p.base, p.exp) > limits.MAX_POWER_BITS) for p in nodes
        if isinstance(p, (limits.HugePower, sympy.Pow)))


def guard_huge_powers(expr, stand_ins: dict | None = None):
    """Each numeric power too large to evaluate exactly becomes a large stand-in (never a hang).

    The stand-in is an even multiple of 10^400 (of 10^-400 for a power below 1), distinct
    for each distinct power, so that no two different powers look alike. Far outside the
    float range, it makes every point where it matters overflow or underflow, and such
    points never count as agreement (`compare`); at 0 and 1 it gives the exact value. An odd
    power (9^{9^{9}}) would give (-1)^n the wrong sign: `odd_stand_in` tells `compare` to
    keep to points where no variable is negative.
    """
    stand_ins = {} if stand_ins is None else stand_ins
    huge = huge_powers(expr)
    for p in huge:
        if p not in stand_ins:
            scale = sympy.Float(10**400 * (len(stand_ins) + 1), 30)
            base, exponent = p.args
            large = (exponent.is_positive is not False) == bool(abs(base) >= 1)
            stand_ins[p] = scale if large else 1 / scale
    return expr.xreplace({p: stand_ins[p] for p in huge}) if huge else expr


def odd_stand_in(stand_ins: dict) -> bool:
    """Whether a replaced power may be an odd whole number (its parity is lost)."""
    return any(not (p.args[0].is_integer and p.args[0].is_even) for p in stand_ins)


def undefined_constant(expr) -> bool:
    """Whether `expr` holds 1/0 or 0/0 (SymPy's zoo and nan): undefined everywhere."""
    return isinstance(expr, sympy.Basic) and expr.has(sympy.zoo, sympy.nan)


class RangeFlags:
    """Whether float evaluation underflowed or overflowed anywhere (numpy's error callback)."""

    def __init__(self):
        self.out_of_range = False

    def __call__(self, kind: str, flag: int) -> None:
        if "underflow" in kind or "overflow" in kind:
            self.out_of_range = True


def evaluate_float(symbols, exprs, columns, count, flags: RangeFlags | None = None,
                   families: dict | None = None):
    """Each expression at every sample point (None where it cannot be evaluated);
    `families` gives the undefined functions that are still to be written in."""
    watch = flags if flags is not None else RangeFlags()
    values = _float_values_from_tree(symbols, exprs, columns, watch, families)
    if values is None and not _has_no_compiled_code(exprs):
        values = _float_values_compiled(symbols, _written_in(exprs, families), columns, watch)
    if values is None:
        return None
    out = []
    for v in values:
        arr = np.asarray(v, dtype=complex) if np.iscomplexobj(v) else np.asarray(v, dtype=float)
        if arr.ndim == 0:
            arr = np.full(count, arr)
        if np.iscomplexobj(arr):
            arr = np.where(np.abs(arr.imag) < 1e-12, arr.real, np.nan)
        out.append(np.asarray(arr, dtype=float))
    return out


NO_COMPILED_CODE = (sympy.DiracDelta,)   # lambdify's NumPy code calls them: a NameError


def _has_no_compiled_code(exprs: list) -> bool:
    """Whether compiled code could not evaluate `exprs` either (it would raise NameError,
    and give no values): then it is not compiled at all."""
    return any(isinstance(e, sympy.Basic) and e.has(*NO_COMPILED_CODE) for e in exprs)


def _written_in(exprs: list, families: dict | None) -> list:
    return [with_functions(e, families) for e in exprs] if families else exprs


def _float_values_from_tree(symbols, exprs, columns, flags: RangeFlags, families):
    """The values read off the trees (`symbolic.evaluation`), or None where a construct
    has no rule there or the arithmetic fails: then the compiled path decides, as before."""
    watch = RangeFlags()
    with np.errstate(all="ignore", under="call", over="call"):
        previous = np.seterrcall(watch)
        try:
            values = evaluation.float_values(exprs, {s: columns[s] for s in symbols}, families)
        except Exception:  # any failure: compiled instead, as before
            return None
        finally:
            np.seterrcall(previous)
    flags.out_of_range |= watch.out_of_range
    return values


def _float_values_compiled(symbols, exprs, columns, flags: RangeFlags):
    try:
        f = _lambdify(symbols, exprs, [NUMPY_FUNCTIONS, "numpy"])
    except (KeyError, TypeError, ValueError, NotImplementedError, RecursionError):
        return None      # a construct the numeric printer has no code for
    args = [columns[s] for s in symbols]
    with np.errstate(all="ignore", under="call", over="call"):
        previous = np.seterrcall(flags)
        try:
            return f(*args)
        except (ZeroDivisionError, OverflowError, ValueError, TypeError, NameError,
                FloatingPointError):
            return None
        finally:
            np.seterrcall(previous)


def kink_arguments(exprs, nodes: set | None = None) -> list:
    """Where a step, max, |·|, a piecewise boundary or an ML function's kink (ReLU at 0) is
    not differentiable: the claim says nothing there. `nodes`, when given, are the
    `subexpressions` of `exprs`: each kink is then listed once."""
    out = []
    for found in ([_kinked_among(nodes)] if nodes is not None else map(_kinked, exprs)):
        for h in found[0]:
            out.append(h.args[0])
        for m in found[1]:
            out.extend(a - b for a, b in zip(m.args, m.args[1:], strict=False))
        for piecewise in found[2]:      # `y = 1` picks a case; only an inequality has an edge
            for _, condition in piecewise.args:
                out.extend(r.lhs - r.rhs for r in condition.atoms(sympy.core.relational.Relational)
                           if not isinstance(r, (sympy.Eq, sympy.Ne)))
        for f in found[3]:
            out.extend(f.kinks())
    return out


KINKED = ((sympy.Heaviside, sympy.Abs, sympy.sign, sympy.DiracDelta), (sympy.Max, sympy.Min),
          (sympy.Piecewise,), (MLFunction,))


def _kinked(expr) -> list[set]:
    """The distinct subexpressions of `expr` of each group of KINKED (as `atoms` finds them)."""
    found: list[set] = [set() for _ in KINKED]
    for node in sympy.preorder_traversal(expr):
        for group, types in zip(found, KINKED, strict=True):
            if isinstance(node, types):
                group.add(node)
    return found


def _kinked_among(nodes: set) -> list[set]:
    """`_kinked` of the expressions whose `subexpressions` are `nodes`."""
    return [{n for n in nodes if isinstance(n, types)} for types in KINKED]


def at_kinks(symbols, exprs, columns, families: dict | None = None,
             nodes: set | None = None) -> np.ndarray:
    """The sample points at a kink; `families` as in `evaluate_float` (a family has none),
    `nodes` as in `kink_arguments`. Which points is a union over the kinks: their order
    and repeats change nothing."""
    arguments = kink_arguments(exprs, nodes)
    mask = np.zeros(SAMPLES, dtype=bool)
    if not arguments:
        return mask
    values = evaluate_float(symbols, arguments, columns, SAMPLES, families=families)
    if values is None:
        return ~mask
    for v in values:
        mask |= ~np.isfinite(v) | (np.abs(v) < 1e-9)
    return mask


class HighPrecision:
    """Expressions evaluated at single points with 50 digits: read off the trees, or
    compiled once, on first need, where the trees have a construct with no rule."""

    def __init__(self, symbols, exprs, families: dict | None = None):
        self.symbols, self.exprs, self.compiled = symbols, exprs, None
        self.families = families
        self.from_tree = True

    def __call__(self, point: dict):
        if self.from_tree:
            with evaluation.high_precision(HIGH_DPS):
                args = _high_arguments(self.symbols, point)
                try:
                    values = evaluation.high_precision_values(
                        self.exprs, dict(zip(self.symbols, args, strict=True)), self.families)
                except Exception:  # any failure: compiled instead
                    self.from_tree = False
                else:
                    return _finite_reals(values)
        if self.compiled is None:
            self.exprs = _written_in(self.exprs, self.families)
            self.compiled = _lambdify(self.symbols, self.exprs, [MPMATH_FUNCTIONS, "mpmath"])
        return evaluate_high(self.symbols, self.exprs, point, self.compiled)


def _high_arguments(symbols, point: dict) -> list:
    return [mpmath.mpf(point[s].p) / point[s].q for s in symbols]


def evaluate_high(symbols, exprs, point: dict, compiled=None):
    """Both sides at one point with 50 digits; None where either is not a finite real."""
    with evaluation.high_precision(HIGH_DPS):
        try:
            f = compiled or _lambdify(symbols, exprs, [MPMATH_FUNCTIONS, "mpmath"])
        except (KeyError, TypeError, ValueError, NotImplementedError, RecursionError):
            return None
        try:
            values = f(*_high_arguments(symbols, point))
        except (ZeroDivisionError, OverflowError, ValueError, TypeError):
            return None
        return _finite_reals(values)


def _finite_reals(values) -> list | None:
    """The values as mpmath reals, or None where one is not a finite real."""
    with evaluation.high_precision(HIGH_DPS):
        out = []
        for v in values:
            if v is None:
                return None          # a piecewise function where none of its cases holds
            v = mpmath.mpmathify(v)
            if isinstance(v, mpmath.mpc):
                if abs(v.imag) > mpmath.mpf(10) ** (-HIGH_DPS + 10):
                    return None
                v = v.real
            if not mpmath.isfinite(v):
                return None
            out.append(v)
        return out


def differ_high(a, b) -> bool:
    scale = max(abs(a), abs(b))
    return abs(a - b) > HIGH_RTOL * scale + mpmath.mpf(10) ** (-40)


UNDEFINED_SIDE = "a side is undefined: it divides by zero (or takes the logarithm of 0)"


def compare(lhs_entries: list, rhs_entries: list, kind_of: Callable, budget: Budget,
            prove: bool = True) -> Outcome:
    """Compare two lists of scalar expressions entry by entry."""
    stand_ins: dict = {}
    lhs_entries = [sympy.sympify(e) for e in lhs_entries]
    rhs_entries = [sympy.sympify(e) for e in rhs_entries]
    nodes = subexpressions(lhs_entries + rhs_entries)
    if _huge_among(nodes):      # rare: then entry by entry, as `guard_huge_powers` says
        lhs_entries = [guard_huge_powers(e, stand_ins) for e in lhs_entries]
        rhs_entries = [guard_huge_powers(e, stand_ins) for e in rhs_entries]
        nodes = subexpressions(lhs_entries + rhs_entries)
    if (sympy.zoo in nodes or sympy.nan in nodes) \
            and any(undefined_constant(e) for e in lhs_entries + rhs_entries):
        return Outcome(Verdict.UNDECIDED, Method.NONE, UNDEFINED_SIDE)
    if all((left - right) == 0
           for left, right in zip(lhs_entries, rhs_entries, strict=True)):
        return Outcome(Verdict.VALID, Method.PROVED, "both sides are the same expression")
    outcome = _compare_sampled(lhs_entries, rhs_entries, kind_of, budget, prove,
                               nonnegative=odd_stand_in(stand_ins), nodes=nodes)
    if stand_ins and outcome.verdict == Verdict.VALID:
        # agreement where a stand-in for 10^{10^{10}} decides nothing about the real number
        return Outcome(Verdict.UNDECIDED, Method.NONE,
                       "a side holds a number too large to evaluate ("
                       + sympy.latex(next(iter(stand_ins)), order="none")[:60]
                       + "); agreement at sample points shows nothing about it")
    return outcome


def compared_labels(nodes: set) -> set:
    """The symbols an indicator compares for equality, `y` of `\\mathbb{1}\\{y = k\\}`: class
    labels, so whole numbers. A sample of 1/2 would make the indicator 0 everywhere, a point
    the writer never meant. `nodes` are the `subexpressions` of the sides."""
    return {s for delta in nodes if isinstance(delta, sympy.KroneckerDelta)
            for s in delta.free_symbols}


def case_values(nodes: set) -> dict:
    """The symbols of piecewise values whose every case is `y = c` for a number c, with those
    numbers: `\\begin{cases} -\\log p & y = 1 \\\\ -\\log(1 - p) & y = 0 \\end{cases}`
    says y is 0 or 1, so it is sampled there, never at 1/2 where no case holds."""
    found: dict = {}
    other: set = set()
    for piecewise in (n for n in nodes if isinstance(n, sympy.Piecewise)):
        picked = [condition for _, condition in piecewise.args]
        if all(isinstance(c, sympy.Eq) and c.lhs.is_Symbol and c.rhs.is_Number for c in picked):
            for c in picked:
                found.setdefault(c.lhs, set()).add(c.rhs)
        else:       # `otherwise`, `y \neq 1`: the cases cover other values too
            other |= set().union(*(getattr(c, "free_symbols", set()) for c in picked))
    return {s: sorted(values) for s, values in found.items() if s not in other}


def _under_real_domains(nodes: set) -> set:
    """The symbols inside a log, a root (a power not a whole number), a factorial or a
    gamma function: where those are real only for positive arguments."""
    inside: set = set()
    for node in nodes:
        if isinstance(node, sympy.log | sympy.factorial | sympy.gamma | sympy.loggamma):
            inside |= free_symbols(node.args[0])
        elif isinstance(node, sympy.Pow) and not node.exp.is_integer:
            inside |= free_symbols(node.base)
    return inside


def _compare_sampled(lhs_entries: list, rhs_entries: list, kind_of: Callable, budget: Budget,
                     prove: bool, nonnegative: bool = False, nodes: set | None = None,
                     positive: frozenset = frozenset()) -> Outcome:
    seed = _seed(*lhs_entries, *rhs_entries)
    exprs = lhs_entries + rhs_entries
    nodes = subexpressions(exprs) if nodes is None else nodes
    # undefined functions are evaluated through their families where they stand; they are
    # written in (`with_functions`) only where the values must be compiled
    families, coefficients = function_families(exprs, nodes)
    n = len(lhs_entries)
    symbols = sorted(set().union(*map(free_symbols, exprs)) - set(coefficients),
                     key=lambda s: s.name) + coefficients
    labels = compared_labels(nodes)
    columns = sample_points(symbols, lambda s: None if s in coefficients
                            else kind_of(s) or ("index" if s in labels else
                                                "positive" if s in positive else None), seed)
    for s, chosen in case_values(nodes).items():
        if s in columns and s not in coefficients and kind_of(s) is None:
            columns[s] = np.resize(np.array(chosen, dtype=float), SAMPLES)
    budget.check()
    sampled = _sampled_values(symbols, exprs, columns, families, nodes, n)
    if sampled is not None and coefficients and np.count_nonzero(sampled[2]) < MIN_FINITE:
        # composed functions (a network's f(W f(W f(…)))) overflow for most members of the
        # family: members of a smaller amplitude are as good a test of "every f"
        for c in coefficients:
            columns[c] = columns[c] * TAME_AMPLITUDE
        sampled = _sampled_values(symbols, exprs, columns, families, nodes, n)
    if sampled is None:
        return Outcome(Verdict.UNDECIDED, Method.NONE,
                       "the sides could not be evaluated numerically")
    lv, rv, finite, flags = sampled
    high_at = HighPrecision(symbols, exprs, families)
    with np.errstate(invalid="ignore", over="ignore"):   # inf - inf at a pole: not finite
        close = np.all(np.abs(lv - rv) <= FLOAT_RTOL * np.maximum(np.abs(lv), np.abs(rv))
                       + FLOAT_ATOL, axis=0)
    if nonnegative:
        finite &= np.all([columns[s] >= 0 for s in symbols], axis=0) if symbols else True
    if flags.out_of_range:
        # a side that underflowed to 0 agrees with anything small: such points are no sample
        finite &= ~_underflowed(lv, rv, finite & close, symbols, columns, high_at, n)
    samples = {"symbols": symbols, "columns": columns, "lhs": lv, "rhs": rv,
               "finite": finite, "coefficients": coefficients, "exprs": exprs,
               "families": families}
    # every finite point where the sides look different, simplest first
    for p in np.flatnonzero(finite & ~close):
        budget.check()
        point = {s: _exact(columns[s][p]) for s in symbols}
        high = high_at(point)
        if high is None:
            continue
        pairs = list(zip(high[:n], high[n:], strict=True))
        bad = [k for k, (a, b) in enumerate(pairs) if differ_high(a, b)]
        if bad:
            k = bad[0]
            shown = {s: v for s, v in point.items() if s not in coefficients}
            entry = "" if n == 1 else f" (entry {k + 1} of {n})"
            return Outcome(
                Verdict.INVALID, Method.COUNTEREXAMPLE,
                f"the two sides differ{entry}",
                point=shown, lhs_value=mpmath.nstr(pairs[k][0], 8),
                rhs_value=mpmath.nstr(pairs[k][1], 8), samples=samples)
    agreeing = np.flatnonzero(finite & close)
    if len(agreeing) < MIN_FINITE and flags.out_of_range:
        found = _counterexample_near_zero(symbols, kind_of, coefficients, high_at, n, seed,
                                          nonnegative)
        if found is not None:
            point, k, pair = found
            return Outcome(Verdict.INVALID, Method.COUNTEREXAMPLE,
                           "the two sides differ" + ("" if n == 1 else
                                                     f" (entry {k + 1} of {n})"),
                           point=point, lhs_value=mpmath.nstr(pair[0], 8),
                           rhs_value=mpmath.nstr(pair[1], 8), samples=samples)
    restricted = _under_real_domains(nodes) - set(coefficients) if not positive else set()
    if len(agreeing) < MIN_FINITE and restricted:
        # log(λ x_i), (λ x_i)^{y_i}: real only where what is under a log, a root or a
        # factorial is positive, as rates and counts are; those are sampled there
        return _compare_sampled(lhs_entries, rhs_entries, kind_of, budget, prove,
                                nonnegative, nodes, positive=frozenset(restricted))
    if len(agreeing) < MIN_FINITE:
        return Outcome(Verdict.UNDECIDED, Method.NONE,
                       f"only {len(agreeing)} of {SAMPLES} sample points gave finite values "
                       "on both sides", samples=samples)
    for p in agreeing[:2]:
        budget.check()
        point = {s: _exact(columns[s][p]) for s in symbols}
        high = high_at(point)
        if high is not None and any(differ_high(a, b) for a, b in zip(high[:n], high[n:],
                                                                      strict=True)):
            shown = {s: v for s, v in point.items() if s not in coefficients}
            return Outcome(Verdict.INVALID, Method.COUNTEREXAMPLE,
                           "the two sides differ by a tiny amount",
                           point=shown, lhs_value=mpmath.nstr(high[0], 30),
                           rhs_value=mpmath.nstr(high[n], 30), samples=samples)
    if prove and not coefficients and _small(lhs_entries + rhs_entries) \
            and _may_be_identity(symbols, high_at, n) \
            and try_proof(lhs_entries, rhs_entries, budget, budget.remaining() / 3):
        # (a third of what is left: a proof the clock stops leaves the sampled verdict)
        return Outcome(Verdict.VALID, Method.PROVED, "the difference simplifies to zero")
    where = f" with {', '.join(sorted(s.name for s in positive))} positive (where the sides " \
        "are real)" if positive else ""
    return Outcome(Verdict.VALID, Method.SAMPLED,
                   f"the sides agree at {len(agreeing)} sample points{where}", samples=samples)


def _sampled_values(symbols: list, exprs: list, columns: dict, families: dict, nodes: set,
                    n: int) -> tuple | None:
    """The sides' values at the samples, where both are finite and off any kink, and the
    range flags of evaluating them; None when they cannot be evaluated."""
    flags = RangeFlags()
    values = evaluate_float(symbols, exprs, columns, SAMPLES, flags, families)
    if values is None:
        return None
    lv = np.array(values[:n])
    rv = np.array(values[n:])
    finite = np.all(np.isfinite(lv) & np.isfinite(rv), axis=0) & ~at_kinks(
        symbols, exprs, columns, families, nodes)
    return lv, rv, finite, flags


def _small(exprs: list) -> bool:
    """Whether a proof is worth trying: fewer than 400 operations in all."""
    return sum(sympy.count_ops(e) for e in exprs) < 400


def compare_shaped(lhs_value, rhs_value, kind_of: Callable, budget: Budget, prove: bool,
                   layout: str) -> tuple[Outcome, list, list]:
    """Two scalars, vectors or matrices compared entry by entry: (outcome, entries, entries).

    Sides whose shapes are each other's transpose are compared as transposes: when they
    agree so, the claim is the gradient in the other layout, which the declared (or
    default denominator) layout makes a mistake. Any other mismatch of shapes is a
    ShapeError.
    """
    lhs_entries, lhs_shape = entries_of(lhs_value)
    rhs_entries, rhs_shape = entries_of(rhs_value)
    scalar, whole = (rhs_entries, lhs_entries) if rhs_shape is None else (lhs_entries, rhs_entries)
    if (lhs_shape is None) != (rhs_shape is None) and _constant(scalar[0]) \
            and all(sympy.simplify(entry - scalar[0]) == 0 for entry in whole):
        # f'(z) = 2 with f(z) = 2z on a vector: each entry is 2, which is what it says
        return Outcome(Verdict.UNDECIDED, Method.NONE, "undecided: a number stands against a "
                       "vector or matrix whose every entry it equals; read entry by entry it "
                       "holds, read whole the shapes differ"), lhs_entries, rhs_entries
    transposed = lhs_shape != rhs_shape
    if transposed:
        if not (lhs_shape and rhs_shape and lhs_shape == rhs_shape[::-1]):
            raise ShapeError(f"the left side is {shape_text(lhs_shape)} but the right side is "
                             f"{shape_text(rhs_shape)}")
        rhs_entries = list(rhs_value.T)
    outcome = compare(lhs_entries, rhs_entries, kind_of, budget, prove)
    if not transposed:
        return outcome, lhs_entries, rhs_entries
    if outcome.verdict == Verdict.VALID:
        mistake = layout_mistake(lhs_shape, rhs_shape, layout)
        outcome = Outcome(Verdict.INVALID, Method.NONE, mistake.explanation,
                          layout_mistake=mistake.diagnosis)
    else:
        outcome = dataclasses.replace(outcome, message=(
            f"{outcome.message} (compared with the transpose: shapes "
            f"{shape_text(lhs_shape)} and {shape_text(rhs_shape)})"))
    return outcome, lhs_entries, rhs_entries


@dataclass(frozen=True)
class LayoutMistake:
    diagnosis: Diagnosis
    explanation: str


def layout_mistake(lhs_shape, rhs_shape, layout: str) -> LayoutMistake:
    """A claim that is right in the other layout, said as a transpose mistake."""
    other = "numerator" if layout == "denominator" else "denominator"
    return LayoutMistake(
        Diagnosis("transpose", f"equals the transpose: right in {other} layout"),
        f"the left side is {shape_text(lhs_shape)} but the right side is "
        f"{shape_text(rhs_shape)}; it equals the transpose, which is the gradient in {other} "
        f"layout (this document uses {layout} layout; set conventions: {{layout: {other}}} "
        "if that is what you meant)")


def _constant(entry) -> bool:
    """Whether a side's one entry is a number with no quantity in it (0, 2, 1/2)."""
    return isinstance(entry, sympy.Basic) and entry.is_number is True and entry.is_real is True


def entries_of(value) -> tuple[list, tuple[int, int] | None]:
    """A side's entries in order, and its shape (None for a scalar or a 1×1 matrix)."""
    if isinstance(value, sympy.MatrixBase):
        if value.shape == (1, 1):
            return [value[0]], None
        return list(value), value.shape
    return [value], None


def shape_text(shape) -> str:
    return "a scalar" if shape is None else f"{shape[0]}×{shape[1]}"


TINY = 1e-280     # below this, a float may be an underflow rather than the value


def _underflowed(lv, rv, candidates, symbols, columns, high_at, n) -> np.ndarray:
    """Points where a side's float value is 0 or tiny but its exact value is not a float.

    Exact zeros (a difference that cancels) stay samples; a value such as 0.5^{10^{6}},
    which is nonzero but below every float, does not.
    """
    small = candidates & np.any((np.abs(lv) < TINY) | (np.abs(rv) < TINY), axis=0)
    out = np.zeros(SAMPLES, dtype=bool)
    for p in np.flatnonzero(small):
        high = high_at({s: _exact(columns[s][p]) for s in symbols})
        out[p] = high is None or any(v != 0 and abs(v) < TINY for v in high)
    return out


NEAR_ZERO = ("0", "1/10", "-1/10", "1/1000")


def _counterexample_near_zero(symbols, kind_of, coefficients, high_at, n, seed,
                              nonnegative: bool = False):
    """Where samples overflowed or underflowed: try 0 and small values, at 50 digits.

    `(1 + x)^{10^{6}} = 0` has no float sample that does not overflow or underflow except
    at x = -1, where it holds; at x = 0 both sides are plain numbers and differ.
    """
    rng = np.random.default_rng(seed)
    for text in NEAR_ZERO:
        raw = float(sympy.Rational(text))
        point = {s: _exact(_project(raw, None if s in coefficients else kind_of(s), rng))
                 for s in symbols}
        if nonnegative and any(v < 0 for v in point.values()):
            continue
        high = high_at(point)
        if high is None or any(v != 0 and (abs(v) < TINY or abs(v) > 1 / TINY) for v in high):
            continue
        for k, (a, b) in enumerate(zip(high[:n], high[n:], strict=True)):
            if differ_high(a, b):
                shown = {s: v for s, v in point.items() if s not in coefficients}
                return shown, k, (a, b)
    return None


PROOFS_KEPT = 1024
_PROOFS: dict = {}     # (left entries, right entries) -> whether the work limits allow a proof


def try_proof(lhs_entries, rhs_entries, budget: Budget, seconds: float = 30.0) -> bool:
    """Whether every difference simplifies to zero, within deterministic work limits.

    The limits decide (operation counts before and after expansion); `seconds` is only a
    safety net, and a proof it stops is reported as not found. What the limits decide is
    kept per process (a document checked again, as an editor does, asks again); what the
    clock or the stack's depth stopped is not.
    """
    key = (tuple(lhs_entries), tuple(rhs_entries))
    found = _PROOFS.get(key)
    if found is None:
        try:
            with budget.limit(seconds):
                found = _proved(lhs_entries, rhs_entries)
        except (BudgetExceeded, RecursionError):
            return False
        except (TypeError, ValueError, ZeroDivisionError, OverflowError,
                limits.WorkLimitExceeded):
            found = False
        if len(_PROOFS) >= PROOFS_KEPT:
            _PROOFS.clear()
        _PROOFS[key] = found
    return found


def _proved(lhs_entries, rhs_entries) -> bool:
    for left, right in zip(lhs_entries, rhs_entries, strict=True):
        d = (left - right).rewrite(sympy.exp)
        if not free_symbols(d) and sympy.count_ops(d) > limits.MAX_NUMBER_PROOF_OPS:
            return False        # numbers (e^{1/20} nested): evaluated, never cancelled
        if sympy.count_ops(d) > limits.MAX_PROOF_OPS or expansion_too_large(d) \
                or _denominators(d) > limits.MAX_PROOF_DENOMINATORS:
            return False        # cancel would multiply the denominators out: leave it
        if _rational_in_exponentials(d):
            continue            # σ's e^{-z} as a letter of its own: cancels, as it must
        d = sympy.cancel(sympy.expand(d))
        if d != 0 and (sympy.count_ops(d) > limits.MAX_PROOF_OPS
                       or sympy.simplify(d) != 0):
            return False
    return True


def _rational_in_exponentials(d) -> bool:
    """Whether a difference is 0 as a rational function of its exponentials, each taken as
    a letter of its own (`e^{-a x - b}` of a sigmoid): a fast proof where `simplify` on the
    exponentials is slow. False proves nothing (e^{a} e^{b} = e^{a+b} is not seen)."""
    powers = sorted(d.atoms(sympy.exp), key=sympy.default_sort_key)
    if not powers:
        return False
    letters = {power: sympy.Dummy() for power in powers}
    return sympy.cancel(sympy.together(d.xreplace(letters))) == 0


def _may_be_identity(symbols: list, high_at: HighPrecision, n: int) -> bool:
    """Whether the sides may be equal as expressions, as a proof must show them.

    Sampling checks a claim where the writer meant it: a one-hot y, a binary label, a
    probability. A claim that holds only there (log softmax(s)_y = Σ_k y_k log softmax(s)_k
    for a one-hot y) is no identity, and no proof can find it one; trying costs a
    `simplify`. False when the sides differ, at 50 digits, at one point outside those
    domains that every symbol's assumptions allow (numbers in (0, 1)).
    """
    if any(s.is_integer or s.is_zero or s.is_nonpositive or s.is_rational is False
           for s in symbols):
        return True                  # no such point: the proof decides
    point = {s: _generic(k) for k, s in enumerate(symbols)}
    high = high_at(point)
    return high is None or not any(differ_high(a, b) for a, b in zip(high[:n], high[n:],
                                                                      strict=True))


def _generic(k: int) -> sympy.Rational:
    """The k-th of numbers spread over (0, 1), none of them 0: the fractional parts of
    k times the golden ratio, to 6 digits."""
    return sympy.Rational(int((k + 1) * 0.6180339887498949 % 1 * 10**6), 10**6)


def _denominators(expr) -> int:
    """How many terms the common denominator of `expr` would have: the product of the
    term counts of the different denominators it divides by (bases of negative powers)."""
    size = 1
    for base in {p.base for p in expr.atoms(sympy.Pow)
                 if p.exp.is_negative and not p.base.is_Number}:
        size *= len(sympy.Add.make_args(base))
    return size


def expansion_too_large(expr) -> bool:
    """Whether expanding `expr` would write out more than MAX_EXPANDED_OPS terms.

    The bound multiplies out the terms of each product's factors and powers' bases.
    """
    def terms(e) -> float:
        if e.is_Add:
            return sum(terms(a) for a in e.args)
        if e.is_Mul:
            out = 1.0
            for a in e.args:
                out *= terms(a)
            return out
        if e.is_Pow and e.exp.is_Integer and e.exp > 0:
            return terms(e.base) ** min(int(e.exp), 64)
        return 1.0
    try:
        return terms(expr) > limits.MAX_EXPANDED_OPS
    except (OverflowError, RecursionError):
        return True


def atoms_of(expr, *types: type) -> set:
    """`expr.atoms(*types)` (of every entry of a matrix), each distinct subexpression
    visited once: Basic's walk visits every repeat, which in the entries of a symbolic
    inverse is millions of nodes."""
    stack = list(expr) if isinstance(expr, sympy.MatrixBase) else [expr]
    seen: set = set()
    found: set = set()
    while stack:
        e = stack.pop()
        if not isinstance(e, sympy.Basic) or e in seen:
            continue
        seen.add(e)
        if isinstance(e, types):
            found.add(e)
        stack.extend(e.args)
    return found


def agrees_with(samples: dict, other_exprs: list, side: str) -> bool:
    """Whether replacement expressions for one side match the other side at the samples."""
    symbols, columns = samples["symbols"], samples["columns"]
    families = samples.get("families", {})
    nodes = subexpressions(other_exprs)
    extra = set().union(*map(free_symbols, other_exprs)) - set(symbols)
    if extra or any(isinstance(n, AppliedUndef) and n.func not in families for n in nodes):
        return False
    # the undefined functions are evaluated through their families where they stand, as
    # the sides were
    values = evaluate_float(symbols, other_exprs, columns, SAMPLES, families=families)
    if values is None:
        return False
    mine = np.array(values)
    target = samples["lhs"] if side == "rhs" else samples["rhs"]
    finite = samples["finite"] & np.all(np.isfinite(mine), axis=0)
    if finite.sum() < MIN_FINITE:
        return False
    return bool(np.all(np.abs(mine[:, finite] - target[:, finite])
                       <= FLOAT_RTOL * np.maximum(np.abs(mine[:, finite]),
                                                  np.abs(target[:, finite])) + FLOAT_ATOL))
