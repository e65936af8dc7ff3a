"""The derivcheck side: `symbolic.check_claim` in this process, warmed up, then timed.

>>> check = load_check_claim()
>>> warm_up(check)
>>> run_claim(check, claim, timeout=10.0)   # -> SideResult(verdict="valid", ...)
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable

from outcome import SideResult

# Claims outside the corpus, so that warming up does not pre-fill caches for the very
# claims being timed; one of each kind the checker handles (derivative through givens,
# operator form, numeric, upstream gradient, matrix).
WARM_UP = [
    (r"\frac{\partial L}{\partial u} = 3u^2 v", [r"L = u^3 v"], {}, {}),
    (r"\frac{d}{dt}\tanh(3t) = 3(1 - \tanh^2(3t))", [], {}, {}),
    (r"e^{0.1} \approx 1.105", [], {}, {}),
    (r"\frac{\partial L}{\partial t} = \frac{\partial L}{\partial s} \cdot 3", [r"s = 3t"], {}, {}),
    (r"\nabla_v \|v\|^2 = 2v", [], {"v": [2, 1]}, {}),
]


class _ClaimTimeout(BaseException):
    """Raised by the alarm; a BaseException so the checker cannot swallow it."""


def _on_alarm(signum, frame):
    raise _ClaimTimeout()


def load_check_claim() -> Callable:
    """`symbolic.check_claim`, or exit with a message saying how to go on without it."""
    try:
        import symbolic
    except ImportError as exc:
        raise SystemExit(
            f"derivcheck side: cannot import `symbolic` ({exc}). Install the project "
            "(pip install -e .) or run the baseline alone: --only baseline"
        ) from None
    check = getattr(symbolic, "check_claim", None)
    if check is None:
        raise SystemExit(
            "derivcheck side: `symbolic.check_claim` does not exist yet (the API in "
            "DESIGN.md). Run the baseline alone meanwhile: --only baseline"
        )
    return check


def warm_up(check: Callable) -> None:
    """Run the checker on a few claims outside the corpus: imports, parser tables, caches."""
    for claim, given, shapes, conventions in WARM_UP:
        try:
            check(claim, given=given, shapes=shapes, conventions=conventions)
        except Exception:  # a failing warm-up claim still warms up
            pass


def run_claim(check: Callable, claim, timeout: float) -> SideResult:
    """Check one corpus claim under a wall-clock alarm; any failure becomes a verdict."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    start = time.perf_counter()
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            result = check(
                claim.claim,
                given=list(claim.given),
                shapes=dict(claim.shapes),
                conventions=dict(claim.conventions),
            )
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        ms = (time.perf_counter() - start) * 1000.0
    except _ClaimTimeout:
        return SideResult("undecided", timeout * 1000.0, detail="benchmark timeout", timeout=True)
    except Exception as exc:  # check_claim should never raise; count it
        ms = (time.perf_counter() - start) * 1000.0
        return SideResult("error", ms, detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    finally:
        signal.signal(signal.SIGALRM, previous)
    deciding = getattr(result, "deciding_link", None)
    return SideResult(
        verdict=str(result.verdict),
        ms=ms,
        detail=f"{getattr(result, 'method', '')}: {getattr(result, 'message', '')}".strip(": "),
        diagnosis=getattr(deciding, "diagnosis_kind", None),
    )
