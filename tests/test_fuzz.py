"""A short fuzz run (benchmarks/fuzz.py, fixed seed): no crash, hang or swallowed error.

Bounded by the number of inputs (150, about ten seconds on a loaded 2-core machine), never by a
timed assertion; the full 2,000-input run is `benchmarks/fuzz.py`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
INPUTS = 150
SEED = 20240611


def _fuzz_module():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _fuzz_module()


def test_the_same_seed_gives_the_same_inputs():
    assert fuzz.fuzz_inputs(20, SEED) == fuzz.fuzz_inputs(20, SEED)
    kinds = {item.kind for item in fuzz.fuzz_inputs(INPUTS, SEED)}
    assert kinds == {"seed line", "corpus claim", "document"}


def test_mutations_change_the_text():
    import random

    rng = random.Random(0)
    line = r"\frac{\partial L}{\partial w} = (f - y) x"
    assert sum(fuzz.mutate(line, rng) != line for _ in range(50)) >= 45


def test_fuzzed_inputs_never_crash_hang_or_swallow_an_error():
    summary = fuzz.run(fuzz.fuzz_inputs(INPUTS, SEED), hang_seconds=30.0, workers=2)
    problems = "\n".join(f"[{kind}] {item.kind}: {item.text[:200]!r} -> "
                         f"{outcome.crash or outcome.over_budget}"
                         for kind, item, outcome in summary.examples)
    assert summary.inputs == INPUTS
    assert (summary.crashes, summary.hangs, summary.swallowed, summary.over_budget) == \
        (0, 0, 0, 0), problems
    assert sum(summary.verdicts.values()) > INPUTS      # every input gave verdicts
