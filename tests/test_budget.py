"""Time budgets: a deadline that holds inside long calls, and nested budgets that never
extend the one around them."""

from __future__ import annotations

import signal
import time

import pytest

from symbolic.budget import Budget, alarm
from symbolic.errors import BudgetExceeded


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_budget_stops_a_long_computation():
    budget = Budget(0.05)
    with pytest.raises(BudgetExceeded), budget.limit():
        _spin(5)


def test_a_spent_budget_refuses_more_work():
    budget = Budget(0.0)
    with pytest.raises(BudgetExceeded):
        budget.check()
    with pytest.raises(BudgetExceeded), budget.limit(1.0):
        pass


def test_an_inner_limit_is_never_longer_than_what_is_left():
    budget = Budget(0.1)
    with pytest.raises(BudgetExceeded), budget.limit(10.0):
        _spin(5)


def test_a_nested_alarm_does_not_extend_the_outer_one():
    # the outer alarm has 0.6 s; an inner block spends 0.3 s of it under an alarm of its own;
    # afterwards the outer alarm must have at most the 0.3 s that is left, not 0.6 s again
    with alarm(0.6):
        with alarm(5.0):
            _spin(0.3)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
    assert 0 < left <= 0.35
