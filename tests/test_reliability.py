"""Never silent, never hung, never crashed (issue 11): every reproducer gets a real verdict.

Each claim here once raised, hung, or came back wrongly valid. Each now gets a verdict from
the deterministic work limits (well before the wall-clock safety net), or a clear argument
error for API misuse.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import symbolic.budget
from symbolic import check_claim, check_document
from symbolic.checker import check_document_here
from symbolic.claims import check_claim_here
from symbolic.errors import ArgumentTypeError, ArgumentValueError, DerivcheckError
from symbolic.isolation import Stopped, WorkerPool, cap_memory, run_document
from symbolic.results import Method

# --- crashes: an exception escaped the API ---------------------------------------------


@pytest.mark.parametrize("claim", [r"\ln 0 = 0", r"\frac{1}{0} = 1", r"\frac{x}{0} = 1"])
def test_a_side_undefined_everywhere_is_undecided_and_says_why(claim):
    result = check_claim(claim)
    assert result.verdict == "undecided"
    assert "divides by zero" in result.message


def test_the_trace_of_a_non_square_matrix_is_a_shape_mistake():
    result = check_claim(r"\operatorname{tr}\begin{bmatrix}1 & 2 & 3\\ 4 & 5 & 6\end{bmatrix} = 1")
    assert result.verdict == "invalid"
    assert "needs a square matrix, not a 2×3 one" in result.message


def test_a_number_too_large_to_compute_is_undecided():
    result = check_claim(r"\log_{10}(1 + {e^{e^{e^{e^{10}}}}}^{0.2}) = 0.798")
    assert result.verdict == "undecided"
    assert "too large" in result.message


def test_long_garbled_subscripts_are_unparseable():
    result = check_claim("x_{" * 300 + "1" + "}" * 300 + " = 1")
    assert result.verdict == "unparseable"
    assert "nested too deeply" in result.message


def test_max_of_a_matrix_is_taken_entry_by_entry():
    result = check_claim(r"\max(0, X) = X", shapes={"X": [2, 2]})
    assert result.verdict == "invalid"            # false where an entry is negative
    assert check_claim(r"\max(X, X) = X", shapes={"X": [2, 2]}).verdict == "valid"


def test_an_indexed_name_set_to_a_number_is_a_definition_not_a_crash():
    result = check_document("$$y_k = 1$$\n$$y_2 + 1 = 2$$\n")
    assert [str(s.kind) for s in result.steps] == ["definition", "claim"]
    assert result.steps[1].verdict == "valid"


# --- wrong "valid" on huge values -------------------------------------------------------


@pytest.mark.parametrize("claim, zero", [(r"x^{10^{10^{10}}} = 0", "1"),
                                         (r"(1 + x)^{10^{6}} = 0", "0")])
def test_a_value_that_underflows_never_counts_as_agreement(claim, zero):
    result = check_claim(claim)
    assert result.verdict == "invalid", result.message
    assert result.counterexample.point == {"x": zero}


def test_exact_zeros_still_agree():
    assert check_claim(r"x - x = 0").verdict == "valid"
    assert check_claim(r"e^{-1000} x = 0").verdict != "valid"    # 10^{-434} x is not 0


# --- hangs: each is decided by a work limit ----------------------------------------------


def test_a_tower_of_powers_is_decided_quickly():
    result = check_claim(r"9^{9^{9^{9}}} - 1 = 0")
    assert result.verdict == "undecided"
    assert result.method == Method.NONE             # a work limit, not the safety net


def test_a_huge_power_in_a_derivative_is_decided():
    result = check_claim(r"\frac{d}{dz}\sigma(z) = \frac{e^{-z}}{(1+e^{-z})^{10^{10^{10}}}}")
    assert result.verdict == "invalid"


def test_a_large_symbolic_determinant_is_refused_by_a_limit():
    rows = r"\\".join("&".join(["x"] * 32) for _ in range(32))     # 2,100 characters
    result = check_claim(r"\det \begin{bmatrix}" + rows + r"\end{bmatrix} = 0")
    assert result.verdict == "undecided"
    assert "32×32 symbolic matrix is too large" in result.message


def test_nested_sums_are_refused_by_a_limit_on_terms():
    result = check_claim(r"\sum_{i=1}^{64}\sum_{j=1}^{64}\sum_{k=1}^{64} x_i y_j z_k = 0")
    assert result.verdict == "undecided"
    assert "262,144 terms" in result.message


def test_a_chain_of_300_definitions_is_decided():
    given = ["a_{0} = x"] + [f"a_{{{k}}} = a_{{{k - 1}}} + x" for k in range(1, 301)]
    front = "---\ngiven:\n" + "".join(f"  - {g}\n" for g in given) + "---\n"
    result = check_document(front + r"$$\frac{\partial a_{300}}{\partial x} = 301$$" + "\n")
    assert result.steps[-1].verdict in ("valid", "undecided")
    assert result.steps[-1].claim.links[-1].method != Method.TIMEOUT


def test_a_huge_declared_shape_is_refused_with_the_limit():
    result = check_document("---\nshapes: {W: [100000, 100000]}\n---\n$$W^T W = W W^T$$\n")
    assert any("10,000,000,000 entries" in w for w in result.warnings)
    assert result.steps[0].claim.links[0].method != Method.TIMEOUT


# --- API misuse: a message that says what the argument should be --------------------------


def test_given_as_one_string_says_to_pass_a_list():
    with pytest.raises(ArgumentTypeError, match=r"given must be a list .*given=\['z = x'\]"):
        check_claim("z = x", given="z = x")


@pytest.mark.parametrize("shapes, error", [(["x", 1], ArgumentTypeError),
                                           ({"x": [0, 1]}, ArgumentValueError),
                                           ({"x": [1, 2, 3]}, ArgumentValueError)])
def test_shapes_of_the_wrong_type_say_what_a_shape_is(shapes, error):
    with pytest.raises(error, match="shapes"):
        check_claim("x = x", shapes=shapes)
    assert issubclass(error, DerivcheckError)


def test_a_value_out_of_the_float_range_is_refused():
    with pytest.raises(ArgumentValueError, match=r"values\['x'\] must be a finite number"):
        check_claim("x = 1", values={"x": float("inf")})


def test_values_in_front_matter_out_of_range_are_an_error_of_the_setup():
    result = check_document("---\nvalues: {x: 1e999}\n---\n$$x + 1 = 2$$\n")
    assert result.verdict != "valid"
    assert any("finite number" in e for e in result.errors)


def test_a_claim_that_is_not_text_is_refused():
    with pytest.raises(ArgumentTypeError, match="claim must be LaTeX text"):
        check_claim(42)


# --- YAML: safe loading with limits ------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for k in range(1, 9):
        bomb += f"{'abcdefghij'[k]}: &{'abcdefghij'[k]} [" + ", ".join(
            [f"*{'abcdefghij'[k - 1]}"] * 10) + "]\n"
    bomb += "given: [*i]\n---\n$$x = x$$\n"
    result = check_document(bomb)
    assert result.verdict == "unparseable"
    assert any("expands to more than" in e for e in result.errors)


def test_a_recursive_yaml_alias_is_refused():
    result = check_document("---\ngiven: &b [*b]\n---\n$$x = x$$\n")
    assert result.verdict == "unparseable"
    assert any("recursive alias" in e for e in result.errors)


# --- nothing silent -------------------------------------------------------------------


def test_an_unclosed_brace_is_unparseable_with_its_line():
    result = check_document("intro\n\n$$\\frac{\\partial f}{\\partial z = f(1 - f)$$\n")
    assert result.verdict == "unparseable"
    assert result.steps[0].line == 3
    assert "a `{` is never closed" in result.steps[0].claim.message


def test_math_without_a_relation_is_reported():
    result = check_document("$$x = x$$\n\n$$a + b$$\n")
    assert any(w.startswith("line 3: this math states no relation") for w in result.warnings)


def test_a_front_matter_error_leaves_no_step_invalid():
    text = ("---\ngiven:\n  - f = \\sigma(z)\n  - [broken\n---\n"
            "$$\\frac{\\partial f}{\\partial z} = f(1 - f)$$\n$$\\frac{d}{dx} x^2 = 3x$$\n")
    result = check_document(text)
    assert result.verdict == "unparseable"
    assert result.errors[0].startswith("the setup (front matter) could not be read")
    assert all(step.verdict != "invalid" for step in result.steps)


def test_a_document_with_nothing_checkable_is_not_valid():
    assert check_document("just prose, $5 and no math\n").verdict == "undecided"
    assert check_document("$$a + b$$\n").verdict == "undecided"


# --- isolation: threads, no SIGALRM, a killed worker -------------------------------------


def test_check_claim_is_safe_from_threads():
    claims = [r"\frac{d}{dx} x^2 = 2x", r"\frac{d}{dx} x^3 = 2x",
              r"\sigma'(z) = \sigma(z)(1 - \sigma(z))"]
    results: dict[int, str] = {}

    def work(k: int) -> None:
        results[k] = str(check_claim(claims[k % 3]).verdict)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == {k: ["valid", "invalid", "valid"][k % 3] for k in range(6)}


def test_the_budget_works_without_sigalrm(monkeypatch):
    """Windows has no SIGALRM: the budget is cooperative there, and checks still finish."""
    monkeypatch.delattr(signal, "SIGALRM")
    monkeypatch.setenv("DERIVCHECK_ISOLATION", "off")   # this process, where SIGALRM is gone
    assert not symbolic.budget.can_interrupt()
    with symbolic.budget.Budget(5).limit(1):
        pass
    assert check_claim(r"\frac{d}{dx} x^2 = 2x").verdict == "valid"
    assert check_claim(r"\frac{d}{dx} x^3 = 2x").verdict == "invalid"


def test_a_budget_off_the_main_thread_is_cooperative():
    seen = []
    thread = threading.Thread(target=lambda: seen.append(symbolic.budget.can_interrupt()))
    thread.start()
    thread.join()
    assert seen == [False]


def test_a_killed_step_is_undecided_and_the_rest_is_still_checked(monkeypatch):
    """A step that outlives its hard limit is stopped; the rest of the document goes on."""
    import symbolic.isolation as isolation

    # the hard limit of a two-link step is made 0 s: its worker is killed as it starts
    monkeypatch.setattr(isolation, "hard_seconds",
                        lambda budget, links: 0.0 if links == 2 else 120.0)
    # the two-link step takes a tenth of a second or more (12×12 matrices), so it cannot
    # end between two looks of the watcher (POLL_SECONDS) before the limit is seen
    text = ("---\nshapes: {W: [12, 12], v: [12, 1]}\n---\n"
            "$$\\frac{d}{dx} x^2 = 2x$$\n"
            "$$\\frac{\\partial}{\\partial v} v^T W v = (W + W^T) v = (W^T + W) v$$\n"
            "$$\\frac{d}{dx} x^3 = 2x$$\n")
    pool = WorkerPool(1)
    try:
        result = run_document(check_document_here,
                              {"source": text, "path": None, "budget_seconds": 5}, pool)
    finally:
        pool.close()
    assert [str(s.verdict) for s in result.steps] == ["valid", "undecided", "invalid"]
    stopped = result.steps[1].claim.links[0]
    assert stopped.method == Method.TIMEOUT
    assert "hard time limit" in stopped.message


def test_a_worker_that_dies_is_a_crash_of_that_step_only():
    import symbolic.isolation as isolation

    pool = WorkerPool(1)
    try:
        outcome = pool.run(_die, (), budget_seconds=5)
        assert isinstance(outcome, Stopped) and outcome.reason == "crash"
        # the pool goes on with a fresh worker
        assert isolation.run_claim(check_claim_here,
                                   {"claim": "x = x", "given": [], "shapes": {},
                                    "conventions": {}, "values": {}, "budget_seconds": 5},
                                   1, pool).verdict == "valid"
    finally:
        pool.close()


def _die(token: int) -> None:
    import os

    from symbolic.isolation import report_step
    report_step(token, 0, 1)
    os._exit(3)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="no resource limits on Windows")
def test_the_memory_cap_turns_a_huge_allocation_into_memory_error():
    pool = WorkerPool(1, memory_mb=1024)
    try:
        assert pool.run(_allocate, (), budget_seconds=5) == "memory error"
    finally:
        pool.close()


def _allocate(token: int) -> str:
    try:
        block = bytearray(2 * 1024**3)
    except MemoryError:
        return "memory error"
    return f"allocated {len(block)}"


def test_cap_memory_caps_where_the_system_has_resource_limits():
    import importlib.util

    # a cap of 1 PiB: far above any use, so harmless to this test process
    assert cap_memory(1 << 30) is (importlib.util.find_spec("resource") is not None)


def test_a_folder_with_a_package_of_the_same_name_is_never_imported(tmp_path):
    # a submission folder that holds a `symbolic/` package must not run it in the workers
    evil = tmp_path / "symbolic"
    evil.mkdir()
    (evil / "__init__.py").write_text('raise SystemExit("the folder\'s own symbolic ran")\n')
    (tmp_path / "a.md").write_text("$$x + x = 2x$$\n")
    exe = Path(sys.executable).with_name("derivcheck")
    done = subprocess.run([str(exe), "check", "a.md", "--format", "concise"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ran" not in done.stdout + done.stderr


SCRIPT = '''import symbolic
{indent}print(symbolic.check_claim(r"\\frac{{d}}{{dx}} x^2 = 2x").verdict.value)
'''


@pytest.mark.parametrize("guarded", [False, True])
def test_a_script_without_a_main_guard_is_checked_in_its_own_process(tmp_path, guarded):
    """Workers import the main script again: an unguarded top-level call would run in each
    of them (Python refuses to start processes there). It is checked in-process, with a
    warning that names the fix; a guarded script uses workers and is not warned."""
    body = SCRIPT.format(indent="if __name__ == '__main__':\n    " if guarded else "")
    script = tmp_path / "check_mine.py"
    script.write_text(body, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "valid\n"
    assert "Traceback" not in run.stderr
    assert ("outside `if __name__ == \"__main__\":`" in run.stderr) is not guarded


def _pid_after(token: int, seconds: float) -> int:
    import os
    import time

    time.sleep(seconds)
    return os.getpid()


def test_checks_one_at_a_time_go_to_one_warm_worker_and_at_once_to_several():
    """A task goes to the lowest free slot: sequential checks reuse one worker (and its
    caches); concurrent ones spread over the slots."""
    from concurrent.futures import ThreadPoolExecutor

    pool = WorkerPool(2)
    try:
        one_by_one = {pool.run(_pid_after, (0.0,), budget_seconds=5) for _ in range(6)}
        assert len(one_by_one) == 1
        with ThreadPoolExecutor(max_workers=2) as threads:
            at_once = set(threads.map(lambda _: pool.run(_pid_after, (1.0,), budget_seconds=5),
                                      range(2)))
        assert len(at_once) == 2 and one_by_one < at_once
    finally:
        pool.close()
