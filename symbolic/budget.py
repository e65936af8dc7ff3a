"""Wall-clock safety nets: a deadline that holds even inside a SymPy call, where it can.

Verdicts are decided by deterministic work limits (`symbolic.limits`); a budget here only
stops a check that ran far past them, and the verdict then says the safety net fired.

Interrupting a running SymPy call needs `SIGALRM`, which exists only on Unix and works only
in the main thread. Elsewhere (Windows, any other thread) the budget is cooperative: it is
checked between steps (`Budget.check`), and the hard kill of the worker process
(`symbolic.isolation`) bounds whatever runs between two checks.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from symbolic.errors import BudgetExceeded

# the wall-clock safety net per link: far above what the work limits allow, so that it
# never decides a verdict on a loaded machine; when it fires, the verdict says so
DEFAULT_BUDGET_SECONDS = 30.0


class Budget:
    """A deadline; `with budget.limit(0.5):` bounds one step by the smaller of the two."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def check(self) -> None:
        if self.remaining() <= 0:
            raise BudgetExceeded(f"the time budget of {self.seconds:g} s ran out")

    @contextmanager
    def limit(self, seconds: float | None = None) -> Iterator[None]:
        allowed = self.remaining() if seconds is None else min(seconds, self.remaining())
        if allowed <= 0:
            raise BudgetExceeded(f"the time budget of {self.seconds:g} s ran out")
        with alarm(allowed):
            yield
        if not can_interrupt():
            self.check()      # cooperative: at least the end of the block is checked


def can_interrupt() -> bool:
    """Whether a running call can be interrupted here: SIGALRM exists and this is the
    main thread (signal handlers can only be set there)."""
    return (hasattr(signal, "SIGALRM") and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread())


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` where `can_interrupt()`; elsewhere only time it.

    An alarm already set by the caller (an outer budget) is restored afterwards, less the
    time this block took.
    """
    if not can_interrupt():
        yield
        return

    def interrupt(signum, frame):
        raise BudgetExceeded(f"stopped after {seconds:.2g} s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, interrupt)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:
            left = max(old_delay - (time.monotonic() - started), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, left, old_interval)
