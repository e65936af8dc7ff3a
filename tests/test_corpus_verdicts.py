"""The claim corpus gives the verdicts pinned in tests/data/corpus_verdicts.yaml.

Speed work must change no verdict: every claim of `tests/data/claims` is checked again and
compared, verdict and method, with the pin (`benchmarks/verdicts.py --pin
tests/data/corpus_verdicts.yaml` writes it; pin again when verdicts improve on purpose).
A link stopped by a time limit on a loaded machine is the one difference allowed, as for
the seeds (tests/test_seeds.py).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent


def _verdicts_script():
    spec = importlib.util.spec_from_file_location("verdicts", ROOT / "benchmarks/verdicts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_corpus_verdict_is_the_pinned_one():
    script = _verdicts_script()
    pinned = yaml.safe_load((ROOT / "tests/data/corpus_verdicts.yaml").read_text())
    found: dict[str, dict] = {}
    for prefix in script.PINNED:          # two threads: the pool's two workers both busy
        found.update(script.every_verdict(prefix, threads=2))
    now = {key: f"{row['verdict']} {row['method']}" for key, row in found.items()}
    assert sorted(now) == sorted(pinned), "items were added or removed: pin again"
    changed = [(key, pinned[key], now[key]) for key in sorted(now)
               if now[key] != pinned[key] and not now[key].endswith(" timeout")]
    assert changed == []
