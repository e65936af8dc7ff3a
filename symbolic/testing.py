"""One-line checks for test suites: a gradient against finite differences, a claim.

    >>> import numpy as np
    >>> from symbolic.testing import assert_gradient
    >>> assert_gradient(lambda x: np.sum(x**2), lambda x: 2 * x, at=np.array([0.5, -1.0]))

Both helpers raise `AssertionError` with a message made to be pasted: both sides, the
worst coordinate, the point, and one line that reproduces the failure. Their own frames
are hidden from pytest's tracebacks. Every check is also told to the pytest plugin (when
it is active), which summarises them at the end of the session.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from symbolic.results import ClaimResult

__all__ = ["CheckRecord", "CheckLog", "assert_claim", "assert_gradient"]


# --------------------------------------------------------------------------- check log


@dataclass
class CheckRecord:
    """One check made by `assert_gradient` or `assert_claim`."""

    kind: str          # "gradient" or "claim"
    subject: str       # what was checked, as the user wrote it (shortened)
    outcome: str       # "passed" / "failed" for gradients; the verdict for claims
    passed: bool
    detail: str = ""   # one line on why it failed
    test: str = ""     # the pytest node id it was made in, when known
    test_failed: bool = False  # that test failed (a failed check in a passing test was caught)


@dataclass
class CheckLog:
    """The checks made while this log is active; the pytest plugin keeps one per session."""

    records: list[CheckRecord] = field(default_factory=list)
    current_test: str = ""

    def add(self, record: CheckRecord) -> None:
        record.test = record.test or self.current_test
        self.records.append(record)


# A stack, so that a pytest session started inside another (pytester) logs its own
# checks and not its parent's.
_LOGS: list[CheckLog] = []


def activate_log(log: CheckLog) -> None:
    _LOGS.append(log)


def deactivate_log(log: CheckLog) -> None:
    if log in _LOGS:
        _LOGS.remove(log)


def _record(record: CheckRecord) -> None:
    if _LOGS:
        _LOGS[-1].add(record)


def _shorten(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- gradients


@dataclass
class _Problem:
    """A scalar function of named array arguments and its claimed gradient, as numbers."""

    names: list[str]                        # argument names, in order
    shapes: list[tuple[int, ...]]
    value: Callable[[list[np.ndarray]], float]
    claimed: Callable[[list[np.ndarray]], list[np.ndarray]]
    exact: bool                             # evaluated at high precision (SymPy)
    reproduce: Callable[[object], str]      # point -> one line that reruns the check

    def coordinates(self) -> Iterator[tuple[int, tuple[int, ...], str]]:
        for k, (name, shape) in enumerate(zip(self.names, self.shapes, strict=True)):
            for index in np.ndindex(*shape):
                label = name if not index else f"{name}[{', '.join(map(str, index))}]"
                yield k, index, label


@dataclass
class _Mismatch:
    point: object
    label: str
    claimed: float
    finite_difference: float
    tolerance: float
    bad: int
    total: int
    claimed_all: list[np.ndarray]
    fd_all: list[np.ndarray]

    @property
    def excess(self) -> float:
        return abs(self.claimed - self.finite_difference) / self.tolerance


def assert_gradient(
    f: Any,
    grad: Any,
    at: Any,
    *,
    eps: float = 1e-6,
    rtol: float = 1e-6,
    atol: float = 1e-8,
) -> None:
    """Check a claimed gradient against central finite differences.

    Example: ``assert_gradient(lambda w: np.sum(w**2), lambda w: 2 * w, at=np.ones(3))``

    Args:
        f: the scalar function. Either a callable of one array, ``f(x)``, with `at` an
            array; a callable of named arguments, ``f(**point)``, with `at` a dict
            ``{name: value}``; or a SymPy expression, with `at` a dict
            ``{symbol: value}`` (symbols or their names).
        grad: the claimed gradient, in the same form: ``grad(x)`` returning an array of
            x's shape; ``grad(**point)`` returning a dict ``{name: value}`` or a sequence
            in the order of `at`; for SymPy, a sequence of expressions in the order of
            `at`, a dict ``{symbol: expression}`` or a SymPy Matrix.
        at: the point, or a list of points to check in turn. A NumPy array or a flat
            list of numbers is one point; give a matrix-shaped point as a NumPy array.
        eps: relative step of the differences: ``h = eps * max(1, |x_i|)``.
        rtol, atol: a coordinate passes when ``|claimed - fd| <= atol + rtol * |fd|``,
            widened by the rounding error the differences themselves carry.

    Raises:
        AssertionError: the claimed gradient differs at some coordinate; the message
            shows both sides, the worst coordinate, the point, and a line to reproduce.
        ValueError: the point is not usable (f not finite near it, a symbol without a
            value) -- the check could not be made either way.
    """
    __tracebackhide__ = True
    problem = _problem(f, grad, at)
    points = _points(at)
    worst: _Mismatch | None = None
    failing = 0
    for point in points:
        mismatch = _check_point(problem, point, eps, rtol, atol)
        if mismatch is not None:
            failing += 1
            if worst is None or mismatch.excess > worst.excess:
                worst = mismatch
    if worst is None:
        _record(CheckRecord("gradient", _shorten(problem.reproduce(points[0])), "passed",
                            True))
        return
    message = _gradient_message(problem, worst, failing, len(points))
    _record(CheckRecord(
        "gradient", _shorten(problem.reproduce(worst.point)), "failed", False,
        f"{worst.label}: claimed {_num(worst.claimed)}, "
        f"finite difference {_num(worst.finite_difference)}",
    ))
    raise AssertionError(message)


def _points(at: Any) -> list[Any]:
    """One point or several: a list of dicts/arrays/lists is several points."""
    if isinstance(at, (list, tuple)) and at and isinstance(
        at[0], (Mapping, np.ndarray, list, tuple)
    ):
        return list(at)
    return [at]


def _problem(f: Any, grad: Any, at: Any) -> _Problem:
    first = _points(at)[0]
    if _is_sympy(f):
        return _sympy_problem(f, grad, first)
    if not callable(f):
        raise TypeError(
            f"assert_gradient needs f to be a callable or a SymPy expression, "
            f"got {type(f).__name__}"
        )
    if isinstance(first, Mapping):
        return _keyword_problem(f, grad, first)
    return _array_problem(f, grad, first)


def _is_sympy(obj: Any) -> bool:
    # SymPy is heavy to import; an object can only be a SymPy one if SymPy is loaded.
    if "sympy" not in sys.modules:
        return False
    import sympy

    return isinstance(obj, sympy.Basic)


def _as_scalar(value: Any, what: str) -> float:
    array = np.asarray(value)
    if array.size != 1:
        raise TypeError(
            f"{what} returned an array of shape {array.shape}; assert_gradient checks the "
            "gradient of a scalar function -- check each output, or a weighted sum of them"
        )
    if np.iscomplexobj(array):
        raise TypeError(f"{what} returned a complex value {array.item()!r}")
    return float(array.reshape(()))


def _callable_name(obj: Any, default: str) -> str:
    name = getattr(obj, "__name__", "")
    return name if name.isidentifier() else default


def _array_problem(f: Callable, grad: Any, first: Any) -> _Problem:
    shape = np.asarray(first, dtype=float).shape
    if not callable(grad):
        raise TypeError("with f a callable, grad must be a callable too")
    f_name, g_name = _callable_name(f, "f"), _callable_name(grad, "grad")

    def value(args: list[np.ndarray]) -> float:
        return _as_scalar(f(args[0].copy()), f_name)

    def claimed(args: list[np.ndarray]) -> list[np.ndarray]:
        return [np.asarray(grad(args[0].copy()), dtype=float)]

    def reproduce(point: object) -> str:
        return f"assert_gradient({f_name}, {g_name}, at={_array_literal(point)})"

    return _Problem(["x"], [shape], value, claimed, False, reproduce)


def _keyword_problem(f: Callable, grad: Any, first: Mapping) -> _Problem:
    names = [str(name) for name in first]
    shapes = [np.asarray(v, dtype=float).shape for v in first.values()]
    if not callable(grad):
        raise TypeError("with f a callable, grad must be a callable too")
    f_name, g_name = _callable_name(f, "f"), _callable_name(grad, "grad")

    def kwargs(args: list[np.ndarray]) -> dict[str, Any]:
        return {n: (a.item() if a.ndim == 0 else a.copy()) for n, a in zip(names, args,
                                                                          strict=True)}

    def value(args: list[np.ndarray]) -> float:
        return _as_scalar(f(**kwargs(args)), f_name)

    def claimed(args: list[np.ndarray]) -> list[np.ndarray]:
        out = grad(**kwargs(args))
        if isinstance(out, Mapping):
            missing = [n for n in names if n not in out]
            if missing:
                raise AssertionError(
                    f"{g_name} returned no derivative for {', '.join(missing)}"
                )
            out = [out[n] for n in names]
        elif len(names) == 1 and np.ndim(out) == len(shapes[0]):
            out = [out]
        return [np.asarray(v, dtype=float) for v in out]

    def reproduce(point: object) -> str:
        return f"assert_gradient({f_name}, {g_name}, at={_dict_literal(point)})"

    return _Problem(names, shapes, value, claimed, False, reproduce)


def _sympy_problem(f: Any, grad: Any, first: Any) -> _Problem:
    import sympy

    if not isinstance(first, Mapping):
        raise TypeError(
            "with f a SymPy expression, give the point as a dict {symbol: value}"
        )
    by_name = {s.name: s for s in f.free_symbols if isinstance(s, sympy.Symbol)}
    symbols = [key if isinstance(key, sympy.Symbol) else by_name.get(str(key),
               sympy.Symbol(str(key))) for key in first]
    unbound = sorted(s.name for s in f.free_symbols if s not in symbols)
    if unbound:
        raise ValueError(
            f"f has symbols with no value in `at`: {', '.join(unbound)}; give every "
            "free symbol a value"
        )
    if isinstance(grad, Mapping):
        keyed = {(k.name if isinstance(k, sympy.Symbol) else str(k)): v
                 for k, v in grad.items()}
        missing = [s.name for s in symbols if s.name not in keyed]
        if missing:
            raise AssertionError(f"the claimed gradient has no entry for {', '.join(missing)}")
        components = [_sympy_component(keyed[s.name]) for s in symbols]
    else:
        components = [_sympy_component(g) for g in (
            list(grad) if isinstance(grad, sympy.MatrixBase) else grad)]
    if len(components) != len(symbols):
        raise AssertionError(
            f"the claimed gradient has {len(components)} components but `at` gives "
            f"{len(symbols)} variables ({', '.join(s.name for s in symbols)})"
        )
    digits = 30  # evaluate well past double precision, so the differences are the only error

    def at_point(expr: Any, args: list[np.ndarray], what: str) -> float:
        exact = {s: sympy.Float(repr(float(a)), digits) for s, a in zip(symbols, args,
                                                                       strict=True)}
        number = expr.xreplace(exact).evalf(digits)
        if not number.is_number:
            raise ValueError(f"{what} did not evaluate to a number at the point: {number}")
        if number.has(sympy.I) or not number.is_real:
            raise ValueError(f"{what} is not real at the point: {number}")
        return float(number)

    def value(args: list[np.ndarray]) -> float:
        return at_point(f, args, "f")

    def claimed(args: list[np.ndarray]) -> list[np.ndarray]:
        return [np.asarray(at_point(g, args, f"the claimed derivative {g}"))
                for g in components]

    def reproduce(point: object) -> str:
        assert isinstance(point, Mapping)
        where = ", ".join(f"{s.name}: {_num(float(v))}" for s, v in zip(symbols,
                          point.values(), strict=True))
        return f"assert_gradient({f}, {components}, at={{{where}}})"

    return _Problem([s.name for s in symbols], [() for _ in symbols], value, claimed,
                    True, reproduce)


def _sympy_component(g: Any) -> Any:
    import sympy

    # Strings would be parsed as Python by sympify; user text is never evaluated.
    if isinstance(g, str):
        raise TypeError(f"give the claimed gradient as SymPy expressions, not strings: {g!r}")
    return sympy.sympify(g, strict=True)


def _point_arrays(problem: _Problem, point: Any) -> list[np.ndarray]:
    values = list(point.values()) if isinstance(point, Mapping) else [point]
    arrays = [np.array(v, dtype=float) for v in values]
    shapes = [a.shape for a in arrays]
    if shapes != problem.shapes:
        raise ValueError(f"every point must have the first one's shapes {problem.shapes}, "
                         f"got {shapes}")
    return arrays


def _check_point(problem: _Problem, point: Any, eps: float, rtol: float,
                 atol: float) -> _Mismatch | None:
    __tracebackhide__ = True
    args = _point_arrays(problem, point)
    f0 = problem.value(args)
    if not np.isfinite(f0):
        raise ValueError(f"f is not finite at the point ({f0}); choose another point")
    claimed = problem.claimed(args)
    if len(claimed) != len(args) or any(c.shape != a.shape for c, a in zip(claimed, args,
                                                                          strict=False)):
        def shapes(arrays: list[np.ndarray]) -> object:
            return [a.shape for a in arrays] if len(arrays) != 1 else arrays[0].shape

        transposed = len(claimed) == len(args) and all(
            c.T.shape == a.shape for c, a in zip(claimed, args, strict=True))
        hint = " (its transpose has the point's shape: a layout slip?)" if transposed else ""
        raise AssertionError(
            f"the claimed gradient has shape {shapes(claimed)} but the point has shape "
            f"{shapes(args)}{hint}\nreproduce: {problem.reproduce(point)}"
        )
    unit = np.finfo(float).eps
    fd = [np.zeros(a.shape) for a in args]
    tolerance = [np.zeros(a.shape) for a in args]
    for k, index, _label in problem.coordinates():
        x = float(args[k][index])
        h = eps * max(1.0, abs(x))
        plus, minus = [a.copy() for a in args], [a.copy() for a in args]
        plus[k][index] = x + h
        minus[k][index] = x - h
        h = plus[k][index] - minus[k][index]  # the step actually taken, after rounding
        f_plus, f_minus = problem.value(plus), problem.value(minus)
        if not (np.isfinite(f_plus) and np.isfinite(f_minus)):
            raise ValueError(
                f"f is not finite within {h / 2:g} of the point in coordinate {_label}; "
                "choose another point or a smaller eps"
            )
        fd[k][index] = (f_plus - f_minus) / h
        # Rounding in f's values limits what the differences can resolve.
        rounding = 0.0 if problem.exact else 4 * unit * max(abs(f_plus), abs(f_minus)) / h
        tolerance[k][index] = atol + rtol * abs(fd[k][index]) + rounding
    mismatches = []
    for k, index, label in problem.coordinates():
        c, d, tol = float(claimed[k][index]), float(fd[k][index]), float(tolerance[k][index])
        if not np.isfinite(c) or abs(c - d) > tol:
            mismatches.append((abs(c - d) / tol if np.isfinite(c) else np.inf, label, c, d,
                               tol))
    if not mismatches:
        return None
    _, label, c, d, tol = max(mismatches, key=lambda m: m[0])
    return _Mismatch(point, label, c, d, tol, len(mismatches),
                     sum(1 for _ in problem.coordinates()), claimed, fd)


def _gradient_message(problem: _Problem, worst: _Mismatch, failing: int, total: int) -> str:
    lines = [
        "claimed gradient differs from central finite differences "
        f"at {worst.bad} of {worst.total} coordinates"
        + (f" (at {failing} of {total} points)" if total > 1 else ""),
        f"  point: {_point_text(problem, worst.point)}",
        f"  worst coordinate: {worst.label}",
        f"    claimed:           {_num(worst.claimed)}",
        f"    finite difference: {_num(worst.finite_difference)}",
        f"    difference:        {_num(abs(worst.claimed - worst.finite_difference))} "
        f"(tolerance {worst.tolerance:.3g})",
    ]
    if worst.total > 1:
        lines += [
            f"  claimed:           {_arrays_text(problem, worst.claimed_all)}",
            f"  finite difference: {_arrays_text(problem, worst.fd_all)}",
        ]
    lines.append(f"reproduce: {problem.reproduce(worst.point)}")
    return "\n".join(lines)


def _num(x: float) -> str:
    return repr(float(x))


def _array_literal(point: object) -> str:
    array = np.asarray(point, dtype=float)
    if array.ndim == 0:
        return _num(array.item())
    return f"np.array({_nested(array.tolist())})"


def _nested(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_nested(v) for v in value) + "]"
    return _num(value)


def _dict_literal(point: object) -> str:
    assert isinstance(point, Mapping)
    return "{" + ", ".join(f"{str(k)!r}: {_array_literal(v)}" for k, v in point.items()) + "}"


def _point_text(problem: _Problem, point: object) -> str:
    if isinstance(point, Mapping):
        return ", ".join(f"{k} = {_array_literal(v)}" for k, v in point.items())
    return f"x = {_array_literal(point)}"


def _arrays_text(problem: _Problem, arrays: list[np.ndarray]) -> str:
    if len(arrays) == 1:
        return _nested(arrays[0].tolist()) if arrays[0].ndim else _num(arrays[0].item())
    return "{" + ", ".join(
        f"{name}: {_nested(a.tolist()) if a.ndim else _num(a.item())}"
        for name, a in zip(problem.names, arrays, strict=True)
    ) + "}"


# --------------------------------------------------------------------------- claims


def assert_claim(
    claim: str,
    given: Sequence[str] | str = (),
    shapes: Mapping[str, Sequence[int | str]] | None = None,
    conventions: Mapping[str, Any] | None = None,
    *,
    allow_undecided: bool = False,
) -> ClaimResult:
    """Check a LaTeX claim with `symbolic.check_claim`; pass only when it is valid.

    Example: ``assert_claim(r"\\frac{\\partial}{\\partial x} x^2 = 2 x")``

    Args:
        claim: the relation chain, in LaTeX (``a = b = c``).
        given: definitions it depends on, in LaTeX (``z = w x + b``).
        shapes, conventions: as for `symbolic.check_claim`.
        allow_undecided: pass on "undecided" too (the checker could show neither way).
            "unparseable" always fails: a claim that cannot be read checks nothing.

    Returns:
        The `ClaimResult`, for further assertions.

    Raises:
        AssertionError: the claim is invalid (with the counterexample, the diagnosis and
            both sides), unparseable, or undecided without `allow_undecided`.
    """
    __tracebackhide__ = True
    from symbolic import check_claim

    givens = [given] if isinstance(given, str) else list(given)
    result = check_claim(claim, given=givens, shapes=dict(shapes or {}),
                         conventions=dict(conventions or {}))
    verdict = str(result.verdict)
    passed = verdict == "valid" or (verdict == "undecided" and allow_undecided)
    subject = _shorten(claim)
    link = result.deciding_link
    detail = "" if passed else (result.diagnosis or result.message or verdict)
    _record(CheckRecord("claim", subject, verdict, passed, _shorten(detail, 100)))
    if passed:
        return result
    lines = [f"claim is {verdict}: {claim}"]
    if result.message:
        # Parse errors come as several lines: the reason, the fragment, a caret, a hint.
        lines.append(textwrap.indent(result.message, "  "))
    if verdict == "invalid" and link is not None:
        lines += [
            "  left side:  " + link.lhs,
            "  right side: " + link.rhs,
        ]
        if link.diagnosis:
            lines.append(f"  diagnosis: {link.diagnosis}")
        if link.counterexample is not None:
            lines.append(f"  counterexample: {link.counterexample.describe()}")
    elif verdict == "undecided":
        lines.append("  pass allow_undecided=True to accept claims the checker cannot decide")
    for warning in result.warnings:
        lines.append(f"  warning: {warning}")
    reproduce = (link.counterexample.reproduce if link is not None and link.counterexample
                 and link.counterexample.reproduce else "")
    lines.append("reproduce: " + (reproduce or _claim_call(claim, givens, shapes, conventions)))
    raise AssertionError("\n".join(lines))


def _claim_call(claim: str, given: list[str], shapes: Any, conventions: Any) -> str:
    args = [_raw(claim)]
    if given:
        args.append("given=[" + ", ".join(_raw(g) for g in given) + "]")
    if shapes:
        args.append(f"shapes={dict(shapes)!r}")
    if conventions:
        args.append(f"conventions={dict(conventions)!r}")
    return f"symbolic.check_claim({', '.join(args)})"


def _raw(latex: str) -> str:
    """A Python literal for a LaTeX string, raw when that is possible."""
    if '"' not in latex and not latex.endswith("\\") and "\n" not in latex:
        return f'r"{latex}"'
    return repr(latex)
