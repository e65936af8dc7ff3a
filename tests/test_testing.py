"""assert_gradient and assert_claim, directly and through the pytest plugin."""

from __future__ import annotations

import re

import numpy as np
import pytest
import sympy as sp
from conftest import SIGN_SLIP

import symbolic
from symbolic.pytest_plugin import summary_lines
from symbolic.results import ClaimResult, LinkResult, Method, Verdict
from symbolic.testing import (
    CheckLog,
    CheckRecord,
    activate_log,
    assert_claim,
    assert_gradient,
    deactivate_log,
)


def logistic(x):
    return 1 / (1 + np.exp(-x))


def bce_loss(w):
    """Binary cross-entropy of a logistic unit on one sample x = (1, 2, -1), y = 1."""
    x, y = np.array([1.0, 2.0, -1.0]), 1.0
    f = logistic(w @ x)
    return -y * np.log(f) - (1 - y) * np.log(1 - f)


def bce_grad(w):
    x, y = np.array([1.0, 2.0, -1.0]), 1.0
    return (logistic(w @ x) - y) * x


def bce_grad_sign_slip(w):
    x, y = np.array([1.0, 2.0, -1.0]), 1.0
    return (y - logistic(w @ x)) * x


# --------------------------------------------------------------------------- numpy


def test_right_gradient_passes():
    assert_gradient(bce_loss, bce_grad, at=np.array([0.5, -0.25, 1.0]))


def test_several_points():
    assert_gradient(bce_loss, bce_grad, at=[np.zeros(3), np.array([0.1, 0.2, 0.3]),
                                            [-1.0, 0.5, 2.0]])


def test_wrong_gradient_message_shows_both_sides_worst_coordinate_point_and_reproduction():
    with pytest.raises(AssertionError) as failure:
        assert_gradient(bce_loss, bce_grad_sign_slip, at=np.array([0.5, -0.25, 1.0]))
    message = str(failure.value)
    assert message.startswith(
        "claimed gradient differs from central finite differences at 3 of 3 coordinates")
    assert "point: x = np.array([0.5, -0.25, 1.0])" in message
    # x[1] = 2 is the largest input, so the largest error.
    assert "worst coordinate: x[1]" in message
    claimed = float(re.search(r"    claimed: +(\S+)", message).group(1))
    fd = float(re.search(r"    finite difference: +(\S+)", message).group(1))
    expected = bce_grad(np.array([0.5, -0.25, 1.0]))[1]
    assert claimed == pytest.approx(-expected) and fd == pytest.approx(expected, rel=1e-8)
    assert message.splitlines()[-1] == (
        "reproduce: assert_gradient(bce_loss, bce_grad_sign_slip, "
        "at=np.array([0.5, -0.25, 1.0]))"
    )


def test_reproduction_line_reproduces():
    with pytest.raises(AssertionError) as failure:
        assert_gradient(bce_loss, bce_grad_sign_slip, at=[np.zeros(3), np.ones(3)])
    line = str(failure.value).splitlines()[-1].removeprefix("reproduce: ")
    with pytest.raises(AssertionError, match="claimed gradient differs"):
        eval(line, {"assert_gradient": assert_gradient, "np": np, "bce_loss": bce_loss,
                    "bce_grad_sign_slip": bce_grad_sign_slip})


def test_failure_at_one_of_several_points_is_counted():
    # The claimed gradient is right near the origin and twice too large away from it.
    def half(w):
        return 0.5 * np.sum(w**2)

    def grad_wrong_off_origin(w):
        return w if abs(w[0]) < 1 else 2 * w

    with pytest.raises(AssertionError, match=r"at 1 of 2 points"):
        assert_gradient(half, grad_wrong_off_origin, at=[np.zeros(2), np.array([3.0, 1.0])])


def test_matrix_point_and_a_transposed_gradient():
    W = np.arange(6.0).reshape(2, 3) / 7

    def loss(W):
        return np.sum(np.tanh(W) * np.array([1.0, 2.0, 3.0]))

    assert_gradient(loss, lambda W: (1 - np.tanh(W) ** 2) * np.array([1.0, 2.0, 3.0]), at=W)
    with pytest.raises(AssertionError, match=r"shape \(3, 2\) but the point has shape "
                                             r"\(2, 3\) \(its transpose has the point's"):
        assert_gradient(loss, lambda W: ((1 - np.tanh(W) ** 2) * [1.0, 2.0, 3.0]).T, at=W)


def test_matrix_coordinates_are_named_by_row_and_column():
    W = np.ones((2, 2))
    with pytest.raises(AssertionError, match=r"worst coordinate: x\[1, 0\]"):
        assert_gradient(lambda W: W[1, 0] ** 3, lambda W: np.zeros((2, 2)), at=W)


def test_keyword_arguments_and_a_dict_gradient():
    def loss(w, b):
        return (w * 2.0 + b - 1.0) ** 2

    def grad(w, b):
        r = w * 2.0 + b - 1.0
        return {"w": 4.0 * r, "b": 2.0 * r}

    assert_gradient(loss, grad, at={"w": 0.3, "b": -0.2})
    with pytest.raises(AssertionError, match=r"worst coordinate: b\n") as failure:
        assert_gradient(loss, lambda w, b: [4.0 * (2 * w + b - 1), 0.0], at={"w": 0.3, "b": 1.2})
    # A lambda has no name to paste: it is called `grad` in the reproduction.
    assert str(failure.value).endswith(
        "reproduce: assert_gradient(loss, grad, at={'w': 0.3, 'b': 1.2})")


def test_rounding_noise_of_a_large_function_is_not_a_failure():
    # f is about 1e8: double-precision differences cannot resolve better than ~1e-2 here.
    assert_gradient(lambda x: 1e8 + np.sum(x**2), lambda x: 2 * x, at=np.array([1e-3, 2.0]))


def test_non_scalar_function_is_pointed_to_its_outputs():
    with pytest.raises(TypeError, match=r"returned an array of shape \(2,\); assert_gradient "
                                        r"checks the gradient of a scalar function"):
        assert_gradient(lambda x: x**2, lambda x: 2 * x, at=np.ones(2))


def test_function_not_finite_at_the_point_is_a_usage_error():
    def log_or_nan(x):
        return float(np.log(x[0])) if x[0] > 0 else float("nan")

    with pytest.raises(ValueError, match="f is not finite at the point"):
        assert_gradient(log_or_nan, lambda x: 1 / x, at=np.array([-1.0]))


# --------------------------------------------------------------------------- sympy


def test_sympy_expression_and_gradient():
    w, x, y = sp.symbols("w x y")
    f = 1 / (1 + sp.exp(-w * x))
    loss = -y * sp.log(f) - (1 - y) * sp.log(1 - f)
    # Every free symbol is a variable of the check: the gradient has one entry per symbol.
    full = [sp.diff(loss, s) for s in (w, x, y)]
    assert_gradient(loss, full, at={w: 0.7, x: 1.5, y: 1.0})
    assert_gradient(loss, {"y": full[2], w: full[0], x: full[1]}, at={w: 0.7, x: 1.5, y: 1.0})


def test_sympy_wrong_gradient_names_the_symbol():
    w, x = sp.symbols("w x")
    f = sp.log(1 + sp.exp(w * x))
    with pytest.raises(AssertionError) as failure:
        assert_gradient(f, sp.Matrix([x / (1 + sp.exp(w * x)), w / (1 + sp.exp(-w * x))]),
                        at=[{w: 0.0, x: 0.0}, {"w": 0.5, "x": 2.0}])
    message = str(failure.value)
    assert "worst coordinate: w" in message
    assert "point: w = 0.5, x = 2.0" in message
    assert "reproduce: assert_gradient(log(exp(w*x) + 1), " in message
    assert "at={w: 0.5, x: 2.0})" in message


def test_sympy_symbol_without_a_value_is_reported():
    a, b = sp.symbols("a b")
    with pytest.raises(ValueError, match="f has symbols with no value in `at`: b"):
        assert_gradient(a * b, [b], at={a: 1.0})


def test_sympy_gradient_given_as_a_string_is_refused():
    a = sp.Symbol("a")
    with pytest.raises(TypeError, match="not strings"):
        assert_gradient(a**2, ["2*a"], at={a: 1.0})


def test_sympy_gradient_with_the_wrong_number_of_components():
    a, b = sp.symbols("a b")
    with pytest.raises(AssertionError, match="has 1 components but `at` gives 2 variables"):
        assert_gradient(a * b, [b], at={a: 1.0, b: 2.0})


# --------------------------------------------------------------------------- claims
# The first tests give assert_claim hand-built results; the last ones use the real
# checker, `symbolic.check_claim`.

BCE_GIVEN = [r"z = w x + b", r"f = \sigma(z)", r"L = -y \ln f - (1-y) \ln(1-f)"]


def _fake_checker(monkeypatch, *links: LinkResult, warnings=()):
    calls = []

    def check_claim(claim, given=(), shapes=None, conventions=None):
        calls.append((claim, given, shapes, conventions))
        return ClaimResult(claim, list(links), list(warnings))

    monkeypatch.setattr(symbolic, "check_claim", check_claim, raising=False)
    return calls


def test_assert_claim_returns_the_result_when_valid(monkeypatch):
    calls = _fake_checker(monkeypatch, LinkResult("a", "b", "=", Verdict.VALID, Method.PROVED))
    result = assert_claim("a = b", given="b = a", shapes={"x": [1, 2]},
                          conventions={"log": "natural"})
    assert result.verdict == "valid"
    assert calls == [("a = b", ["b = a"], {"x": [1, 2]}, {"log": "natural"})]


def test_assert_claim_invalid_shows_sides_diagnosis_counterexample(monkeypatch):
    _fake_checker(monkeypatch, SIGN_SLIP)
    claim = r"\frac{\partial L}{\partial w_1} = (y - f) x_2"
    with pytest.raises(AssertionError) as failure:
        assert_claim(claim, given=BCE_GIVEN)
    assert str(failure.value).splitlines() == [
        f"claim is invalid: {claim}",
        "  The sides differ at a point where both are finite.",
        r"  left side:  \frac{\partial L}{\partial w_1}",
        "  right side: (y - f) x_2",
        "  diagnosis: off by a factor of -1",
        "  counterexample: at f = 1/2, y = 0, x_2 = 1: left side = 1/2, right side = -1/2",
        "reproduce: " + SIGN_SLIP.counterexample.reproduce,
    ]


def test_assert_claim_undecided_fails_unless_allowed(monkeypatch):
    _fake_checker(monkeypatch, LinkResult("a", "b", "=", Verdict.UNDECIDED,
                                          message="The time budget ran out."),
                  warnings=["unknown convention key 'logs'"])
    with pytest.raises(AssertionError) as failure:
        assert_claim("a = b", given=["b = c"], conventions={"logs": "natural"})
    assert str(failure.value).splitlines() == [
        "claim is undecided: a = b",
        "  The time budget ran out.",
        "  pass allow_undecided=True to accept claims the checker cannot decide",
        "  warning: unknown convention key 'logs'",
        """reproduce: symbolic.check_claim(r"a = b", given=[r"b = c"], """
        """conventions={'logs': 'natural'})""",
    ]
    assert assert_claim("a = b", allow_undecided=True).verdict == "undecided"


def test_assert_claim_unparseable_fails_even_when_undecided_is_allowed(monkeypatch):
    _fake_checker(monkeypatch, LinkResult(r"\frac{1}{", "2", "=", Verdict.UNPARSEABLE,
                                          message="A brace is never closed."))
    with pytest.raises(AssertionError, match=r"claim is unparseable: \\frac\{1\}\{ = 2\n"
                                             r"  A brace is never closed\."):
        assert_claim(r"\frac{1}{ = 2", allow_undecided=True)


def test_assert_claim_indents_a_parse_error_with_its_caret(monkeypatch):
    message = "unknown command \\foo\n    x \\foo\n      ^\nWrite it another way."
    _fake_checker(monkeypatch, LinkResult("y", r"x \foo", "=", Verdict.UNPARSEABLE,
                                          message=message))
    with pytest.raises(AssertionError) as failure:
        assert_claim(r"y = x \foo")
    assert str(failure.value).splitlines()[:5] == [
        r"claim is unparseable: y = x \foo",
        r"  unknown command \foo",
        r"      x \foo",
        "        ^",
        "  Write it another way.",
    ]


def test_assert_claim_with_nothing_to_check_is_undecided(monkeypatch):
    _fake_checker(monkeypatch)
    with pytest.raises(AssertionError, match="claim is undecided: a\n  nothing to check"):
        assert_claim("a")


def test_assert_claim_is_logged(monkeypatch):
    _fake_checker(monkeypatch, SIGN_SLIP)
    log = CheckLog()
    activate_log(log)
    try:
        with pytest.raises(AssertionError):
            assert_claim("a = b")
    finally:
        deactivate_log(log)
    assert [(r.kind, r.subject, r.outcome, r.detail) for r in log.records] == [
        ("claim", "a = b", "invalid", "off by a factor of -1")]


# These use the real checker (symbolic.check_claim, the lead's symbolic/claims.py).


def test_real_claim_bce_gradient_is_valid():
    result = assert_claim(r"\frac{\partial L}{\partial w} = (f - y) x", given=BCE_GIVEN)
    assert result.verdict == "valid"


def test_real_claim_bce_gradient_with_sign_slip_is_invalid():
    with pytest.raises(AssertionError) as failure:
        assert_claim(r"\frac{\partial L}{\partial w} = (y - f) x", given=BCE_GIVEN)
    message = str(failure.value)
    assert message.startswith(r"claim is invalid: \frac{\partial L}{\partial w} = (y - f) x")
    assert "  right side: (y - f) x" in message
    assert "  counterexample: at " in message
    assert "  diagnosis: " in message and "-1" in message


def test_real_claim_that_cannot_be_read_is_unparseable():
    with pytest.raises(AssertionError, match="claim is unparseable"):
        assert_claim(r"\frac{\partial L}{\partial w = (f - y) x", given=BCE_GIVEN)


# --------------------------------------------------------------------------- the log


def test_checks_are_logged_to_the_innermost_active_log():
    outer, inner = CheckLog(), CheckLog()
    activate_log(outer)
    activate_log(inner)
    try:
        assert_gradient(lambda x: float(x @ x), lambda x: 2 * x, at=np.ones(2))
        with pytest.raises(AssertionError):
            assert_gradient(lambda x: float(x @ x), lambda x: x, at=np.ones(2))
    finally:
        deactivate_log(inner)
        deactivate_log(outer)
    assert outer.records == []
    assert [(r.kind, r.outcome, r.passed) for r in inner.records] == [
        ("gradient", "passed", True), ("gradient", "failed", False)]
    assert inner.records[1].detail.startswith("x[0]: claimed 1.0, finite difference 2.0000")


def test_summary_lines():
    records = [
        CheckRecord("gradient", "assert_gradient(f, g, at=0.0)", "passed", True, test="t::a"),
        CheckRecord("gradient", "assert_gradient(f, h, at=0.0)", "failed", False, "x: 1 vs 2",
                    test="t::b", test_failed=True),
        CheckRecord("gradient", "assert_gradient(f, k, at=0.0)", "failed", False, "x: 1 vs 3",
                    test="t::a"),
        CheckRecord("claim", "a = b", "valid", True, test="t::b", test_failed=True),
        CheckRecord("claim", "a = c", "invalid", False, "off by a factor of -1", test="t::c",
                    test_failed=True),
        CheckRecord("claim", "a = d", "undecided", True, test="t::c", test_failed=True),
    ]
    assert summary_lines(records) == [
        "6 checks in 3 tests",
        "  gradients: 1 passed, 2 failed (1 of the failures expected by a passing test)",
        "  claims: 1 valid, 1 invalid, 1 undecided",
        "failed checks:",
        "  t::b: gradient assert_gradient(f, h, at=0.0)",
        "      x: 1 vs 2",
        "  t::c: claim a = c",
        "      off by a factor of -1",
    ]


# --------------------------------------------------------------------------- the plugin

SUITE = '''
import numpy as np

def loss(w):
    return float(np.log1p(np.exp(w @ np.array([1.0, -2.0]))))

def grad_{name}(w):
    x = np.array([1.0, -2.0])
    s = 1 / (1 + np.exp(-(w @ x)))
    return {expr}

def test_gradient(derivcheck):
    derivcheck.assert_gradient(loss, grad_{name}, at=np.array([0.3, 0.1]))
    assert [c.outcome for c in derivcheck.checks] == ["passed"]
'''


def test_plugin_reports_a_wrong_gradient_then_a_right_one(pytester):
    # Plugins from entry points load in pytester too: this is the installed plugin.
    pytester.makepyfile(test_suite=SUITE.format(name="wrong", expr="(1 - s) * x"))
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    for line in [
        "E       AssertionError: claimed gradient differs from central finite differences "
        "at 2 of 2 coordinates",
        "E         point: x = np.array([0.3, 0.1])",
        "E         worst coordinate: x[1]",
        "E           claimed:           -0.95004162504",
        "E           finite difference: -1.04995837496",
        "E       reproduce: assert_gradient(loss, grad_wrong, at=np.array([0.3, 0.1]))",
    ]:
        assert line in out, line
    section = out[out.index("= derivcheck ="):].splitlines()
    assert section[1:5] == [
        "1 check in 1 test",
        "  gradients: 0 passed, 1 failed",
        "failed checks:",
        "  test_suite.py::test_gradient: gradient assert_gradient(loss, grad_wrong, "
        "at=np.array([0.3, 0.1]))",
    ]
    assert section[5].startswith("      x[1]: claimed -0.95004162504")
    # The helper's own frames are hidden: the traceback ends in the test.
    assert "symbolic/testing.py" not in result.stdout.str()
    assert "def _check_point" not in result.stdout.str()

    pytester.makepyfile(test_suite=SUITE.format(name="right", expr="s * x"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*= derivcheck =*", "1 check in 1 test",
                                 "  gradients: 1 passed, 0 failed"])
    assert "failed checks:" not in result.stdout.str()


def test_plugin_adds_no_section_when_no_check_was_made(pytester):
    pytester.makepyfile("def test_nothing():\n    assert True\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    assert "= derivcheck =" not in result.stdout.str()


def test_plugin_counts_checks_made_without_the_fixture(pytester):
    pytester.makepyfile('''
        import numpy as np
        from symbolic.testing import assert_gradient

        def test_one():
            assert_gradient(lambda x: float(x @ x), lambda x: 2 * x, at=np.ones(3))

        def test_two():
            assert_gradient(lambda x: float(x @ x), lambda x: 2 * x, at=[np.ones(3), np.zeros(3)])
            assert_gradient(lambda x: float(np.sum(np.sin(x))), np.cos, at=np.ones(2))
    ''')
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*= derivcheck =*", "3 checks in 2 tests",
                                 "  gradients: 3 passed, 0 failed"])


def test_plugin_is_registered_by_entry_point(pytester):
    result = pytester.runpytest("--trace-config")
    result.stdout.fnmatch_lines(["*derivcheck*symbolic/pytest_plugin.py*"])


def test_fixture_exposes_the_helpers(pytester):
    pytester.makepyfile('''
        def test_helpers(derivcheck):
            assert callable(derivcheck.assert_gradient) and callable(derivcheck.assert_claim)
            assert derivcheck.checks == []
    ''')
    pytester.runpytest().assert_outcomes(passed=1)


CLAIM_SUITE = r'''
GIVEN = [r"z = w x + b", r"f = \sigma(z)", r"L = -y \ln f - (1-y) \ln(1-f)"]

def test_claim(derivcheck):
    derivcheck.assert_claim(r"\frac{\partial L}{\partial w} = {rhs}", given=GIVEN)
'''


def test_plugin_reports_a_wrong_claim_then_a_right_one(pytester):
    # Uses the real checker (symbolic.check_claim).
    pytester.makepyfile(test_user_claims=CLAIM_SUITE.replace("{rhs}", "(y - f) x"))
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert r"AssertionError: claim is invalid: \frac{\partial L}{\partial w} = (y - f) x" in out
    section = out[out.index("= derivcheck ="):].splitlines()
    assert section[1:5] == [
        "1 check in 1 test",
        "  claims: 1 invalid",
        "failed checks:",
        r"  test_user_claims.py::test_claim: claim \frac{\partial L}{\partial w} = (y - f) x",
    ]

    pytester.makepyfile(test_user_claims=CLAIM_SUITE.replace("{rhs}", "(f - y) x"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    out = result.stdout.str()
    assert out[out.index("= derivcheck ="):].splitlines()[1:3] == [
        "1 check in 1 test", "  claims: 1 valid"]
