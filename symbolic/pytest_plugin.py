"""The derivcheck pytest plugin, registered through the `pytest11` entry point.

It gives tests a `derivcheck` fixture and ends the session's terminal report with a
"derivcheck" section that sums up the checks made (only when some were made):

    def test_sigmoid_gradient(derivcheck):
        derivcheck.assert_gradient(sigmoid, sigmoid_grad, at=np.array([0.0, 1.5]))

Every pytest run in an environment where derivcheck is installed loads this plugin, so
it imports only the check log (`symbolic.testing`, which needs NumPy); the checking
engine (SymPy, the parser) is imported by the first `assert_claim` that runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import pytest

from symbolic import testing
from symbolic.presentation import VERDICT_ORDER, plural
from symbolic.testing import CheckLog

if TYPE_CHECKING:
    from symbolic.testing import CheckRecord

_LOG_KEY = pytest.StashKey[CheckLog]()


class DerivcheckFixture:
    """What the `derivcheck` fixture gives a test: the helpers, and its own checks."""

    def __init__(self, log: CheckLog, test: str) -> None:
        self._log = log
        self._test = test

    def assert_gradient(self, f: Any, grad: Any, at: Any, **tolerances: float) -> None:
        """`symbolic.testing.assert_gradient`."""
        __tracebackhide__ = True
        testing.assert_gradient(f, grad, at, **tolerances)

    def assert_claim(self, claim: str, given: Any = (), shapes: Any = None,
                     conventions: Any = None, *, allow_undecided: bool = False) -> Any:
        """`symbolic.testing.assert_claim`."""
        __tracebackhide__ = True
        return testing.assert_claim(claim, given, shapes, conventions,
                                    allow_undecided=allow_undecided)

    @property
    def checks(self) -> list[CheckRecord]:
        """The checks this test has made so far."""
        return [r for r in self._log.records if r.test == self._test]


def pytest_configure(config: pytest.Config) -> None:
    log = CheckLog()
    config.stash[_LOG_KEY] = log
    testing.activate_log(log)


def pytest_unconfigure(config: pytest.Config) -> None:
    log = config.stash.get(_LOG_KEY, None)
    if log is not None:
        testing.deactivate_log(log)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, Any, Any]:
    log = item.config.stash.get(_LOG_KEY, None)
    if log is None:
        return (yield)
    log.current_test = item.nodeid
    try:
        return (yield)
    finally:
        log.current_test = ""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo
                              ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    log = item.config.stash.get(_LOG_KEY, None)
    if log is not None and report.failed:
        for record in log.records:
            if record.test == item.nodeid:
                record.test_failed = True
    return report


@pytest.fixture
def derivcheck(request: pytest.FixtureRequest) -> DerivcheckFixture:
    """assert_gradient / assert_claim, with the checks this test made in `.checks`."""
    return DerivcheckFixture(request.config.stash[_LOG_KEY], request.node.nodeid)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int,
                            config: pytest.Config) -> None:
    log = config.stash.get(_LOG_KEY, None)
    if log is None or not log.records:
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("=", "derivcheck")
    for line in summary_lines(log.records):
        write(line)


def summary_lines(records: list[CheckRecord]) -> list[str]:
    """The report section's lines: totals per kind, then each failed check."""
    tests = {r.test for r in records}
    lines = [f"{plural(len(records), 'check')} in {plural(len(tests), 'test')}"]
    gradients = [r for r in records if r.kind == "gradient"]
    if gradients:
        passed = sum(r.passed for r in gradients)
        lines.append(f"  gradients: {passed} passed, {len(gradients) - passed} failed"
                     + _caught(gradients))
    claims = [r for r in records if r.kind == "claim"]
    if claims:
        tally = Counter(r.outcome for r in claims)
        shown = ", ".join(f"{tally[v]} {v}" for v in VERDICT_ORDER if tally[v])
        lines.append(f"  claims: {shown}" + _caught(claims))
    # A failed check inside a test that passed was expected by it (pytest.raises).
    failed = [r for r in records if not r.passed and r.test_failed]
    if failed:
        lines.append("failed checks:")
        for r in failed:
            where = f"{r.test}: " if r.test else ""
            lines.append(f"  {where}{r.kind} {r.subject}")
            if r.detail:
                lines.append(f"      {r.detail}")
    return lines


def _caught(records: list[CheckRecord]) -> str:
    caught = sum(not r.passed and not r.test_failed for r in records)
    return f" ({caught} of the failures expected by a passing test)" if caught else ""
