"""Time budgets that hold even inside a SymPy call that would run for hours."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from symbolic.errors import BudgetExceeded


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


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (main thread only; elsewhere it only times)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise BudgetExceeded(f"stopped after {seconds:.2g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:
            # an enclosing budget keeps its own deadline: the time spent in here is gone
            left = old_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), old_interval)
