"""Fuzz the checker: mutated seed lines, mutated corpus claims and small mutated documents.

Reports how many inputs were checked, and how many of them crashed (an exception escaped
the API), hung (the call took longer than --hang seconds), ran over budget (a safety net
fired: method timeout, memory or crash), or ended in an internal error swallowed as
"undecided … please report it"; and the workers' peak memory.

    .venv/bin/python benchmarks/fuzz.py                  # 2,000 inputs, seed 11
    .venv/bin/python benchmarks/fuzz.py --inputs 200 --seed 3 --show

The same seed gives the same inputs on every machine (tests/test_fuzz.py runs a short one).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symbolic import isolation  # noqa: E402
from symbolic.checker import check_document_here  # noqa: E402
from symbolic.claims import (  # noqa: E402
    DEFAULT_BUDGET_SECONDS,
    INTERNAL_ERROR,
    check_claim_here,
    count_links,
)
from symbolic.results import Method  # noqa: E402
from symbolic.sources import read_document  # noqa: E402

SAFETY_NETS = {Method.TIMEOUT, Method.MEMORY, Method.CRASH}

# what a mutation may insert: the pieces OCR and typing get wrong
FRAGMENTS = [
    "{", "}", "(", ")", "[", "]", "^", "_", "=", "&", "\\\\", "$", "'", ",", "0", "1", "-",
    "\\frac", "\\frac{1}{0}", "\\sum_{i=1}^{64}", "\\prod", "\\left(", "\\right)", "\\sigma",
    "\\partial", "\\ln 0", "10^{10^{10}}", "^{10^{6}}", "9^{9^{9}}", "\\det", "\\operatorname{tr}",
    "\\begin{bmatrix}1 & 2\\end{bmatrix}", "\\max(0, X)", "x_{x_{x_{x}}}", "\\approx",
    "\\underbrace{0.4}_{0.5}", "\x00", "\x1b[2J", "\u202e", "é", "\\mathbb{1}", "\\odot", "^T",
    "\\nabla_w", "\\hat{y}", "y^{(i)}", "e^{", "\\sqrt", "\\int", "\\lim", "%", "#",
]


@dataclass(frozen=True)
class Input:
    """One fuzzed input: a claim (with the corpus entry's context) or a document's text."""

    kind: str             # "seed line", "corpus claim" or "document"
    text: str
    given: tuple = ()
    shapes: dict = field(default_factory=dict)
    conventions: dict = field(default_factory=dict)


def seed_lines() -> list[str]:
    """Every statement of the transcribed seed documents, in order."""
    return [s.text for path in sorted((ROOT / "derivations").glob("*.md"))
            for s in read_document(path).statements]


def corpus_claims() -> list[dict]:
    """Every entry of the claim corpus (tests/data/claims/*.yaml), in order."""
    return [entry for path in sorted((ROOT / "tests/data/claims").glob("*.yaml"))
            for entry in yaml.safe_load(path.read_text()) or []]


def front_matters() -> list[str]:
    """The front matter of each seed document, with its --- lines."""
    out = []
    for path in sorted((ROOT / "derivations").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        end = text.find("\n---", 3)
        out.append(text[: end + 4] + "\n" if text.startswith("---") and end > 0 else "")
    return out


def mutate(text: str, rng: random.Random) -> str:
    """One to three random edits: delete, insert a fragment, duplicate, swap, cut, repeat."""
    for _ in range(rng.randint(1, 3)):
        if not text:
            text = rng.choice(FRAGMENTS)
            continue
        at = rng.randrange(len(text) + 1)
        span = rng.randint(1, 12)
        edit = rng.randrange(7)
        if edit == 0:
            text = text[:at] + text[at + span:]
        elif edit in (1, 2):
            text = text[:at] + rng.choice(FRAGMENTS) + text[at:]
        elif edit == 3:
            text = text[:at] + text[at:at + span] * 2 + text[at:]
        elif edit == 4 and len(text) > 2:
            i, j = sorted(rng.sample(range(len(text)), 2))
            text = text[:i] + text[j] + text[i + 1:j] + text[i] + text[j + 1:]
        elif edit == 5:
            text = text[:at]
        else:
            text = text[:at] + text[at:at + span] * rng.randint(20, 200) + text[at:]
    return text


def fuzz_inputs(count: int, seed: int) -> list[Input]:
    """`count` inputs, the same for the same seed: about 45% seed lines, 40% corpus claims
    (with their given definitions, shapes and conventions), 15% small documents."""
    rng = random.Random(seed)
    lines, corpus, fronts = seed_lines(), corpus_claims(), front_matters()
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.45:
            out.append(Input("seed line", mutate(rng.choice(lines), rng)))
        elif roll < 0.85:
            entry = rng.choice(corpus)
            out.append(Input("corpus claim", mutate(entry["claim"], rng),
                             tuple(entry.get("given") or ()), entry.get("shapes") or {},
                             entry.get("conventions") or {}))
        else:
            front = rng.choice(fronts)
            body = "".join(f"$${rng.choice(lines)}$$\n" for _ in range(3))
            document = front + body
            if rng.random() < 0.5:
                document = mutate(document, rng)      # the front matter may break too
            else:
                document = front + mutate(body, rng)
            out.append(Input("document", document))
    return out


@dataclass
class Outcome:
    """What checking one input gave."""

    seconds: float
    verdicts: list[str]
    crash: str | None = None       # an exception that escaped the API
    swallowed: bool = False        # an internal error reported as "please report it"
    over_budget: str | None = None  # a safety net that fired: timeout, memory, crash


def check_input(item: Input, pool: isolation.WorkerPool,
                budget_seconds: float = DEFAULT_BUDGET_SECONDS) -> Outcome:
    """Check one input in the pool's workers, as `check_claim`/`check_document` would."""
    started = time.perf_counter()
    try:
        if item.kind == "document":
            result = isolation.run_document(check_document_here,
                                            {"source": item.text + "\n", "path": None,
                                             "budget_seconds": budget_seconds}, pool)
            links = [link for step in result.steps for link in step.claim.links]
        else:
            outcome = isolation.run_claim(
                check_claim_here,
                {"claim": item.text, "given": list(item.given), "shapes": item.shapes,
                 "conventions": item.conventions, "values": {},
                 "budget_seconds": budget_seconds}, count_links(item.text), pool)
            if isinstance(outcome, isolation.Stopped):
                return Outcome(time.perf_counter() - started, ["undecided"],
                               over_budget=outcome.reason)
            links = outcome.links
    except Exception as error:  # noqa: BLE001 - that is what is counted
        return Outcome(time.perf_counter() - started, [],
                       crash=f"{type(error).__name__}: {str(error)[:200]}")
    nets = [str(link.method) for link in links if link.method in SAFETY_NETS]
    return Outcome(time.perf_counter() - started, [str(link.verdict) for link in links],
                   swallowed=any(INTERNAL_ERROR in link.message for link in links),
                   over_budget=nets[0] if nets else None)


@dataclass
class Summary:
    inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    over_budget: int = 0
    swallowed: int = 0
    peak_memory_mb: float = 0.0
    slowest_seconds: float = 0.0
    verdicts: Counter = field(default_factory=Counter)
    examples: list[tuple[str, Input, Outcome]] = field(default_factory=list)

    def line(self) -> str:
        return (f"inputs {self.inputs}, crashes {self.crashes}, hangs {self.hangs}, "
                f"over budget {self.over_budget}, swallowed errors {self.swallowed}, "
                f"peak worker memory {self.peak_memory_mb:.0f} MB, "
                f"slowest {self.slowest_seconds:.1f} s")


def run(inputs: list[Input], hang_seconds: float = 30.0,
        budget_seconds: float = DEFAULT_BUDGET_SECONDS, workers: int = 1) -> Summary:
    """Check every input in `workers` worker processes, at most `workers` at once, and
    count what went wrong, input by input in their order."""
    pool = isolation.WorkerPool(workers)
    try:
        with ThreadPoolExecutor(workers) as threads:
            checked = list(threads.map(lambda item: _checked(item, pool, budget_seconds),
                                       inputs))
    finally:
        pool.close()
    summary = Summary()
    for item, (outcome, peak) in zip(inputs, checked, strict=True):
        summary.inputs += 1
        summary.verdicts.update(outcome.verdicts)
        summary.slowest_seconds = max(summary.slowest_seconds, outcome.seconds)
        problems = [("crash", bool(outcome.crash)), ("hang", outcome.seconds > hang_seconds),
                    ("over budget", bool(outcome.over_budget)),
                    ("swallowed", outcome.swallowed)]
        summary.crashes += problems[0][1]
        summary.hangs += problems[1][1]
        summary.over_budget += problems[2][1]
        summary.swallowed += problems[3][1]
        summary.examples += [(kind, item, outcome) for kind, found in problems if found]
        if isinstance(peak, float):
            summary.peak_memory_mb = max(summary.peak_memory_mb, peak)
    return summary


def _checked(item: Input, pool: isolation.WorkerPool, budget_seconds: float
             ) -> tuple[Outcome, object]:
    """One input's outcome, and the peak memory of the worker after it."""
    outcome = check_input(item, pool, budget_seconds)
    return outcome, pool.run(isolation.peak_memory_mb, (), budget_seconds=5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--hang", type=float, default=30.0, help="seconds that count as a hang")
    parser.add_argument("--show", action="store_true", help="print every problem input")
    parser.add_argument("--workers", type=int, default=1, help="worker processes at once")
    options = parser.parse_args()
    started = time.perf_counter()
    summary = run(fuzz_inputs(options.inputs, options.seed), options.hang,
                  workers=options.workers)
    print(summary.line())
    print("verdicts of the links: " + ", ".join(f"{k} {v}" for k, v in
                                                 sorted(summary.verdicts.items())))
    print(f"total {time.perf_counter() - started:.0f} s")
    for kind, item, outcome in summary.examples if options.show else summary.examples[:10]:
        print(f"\n[{kind}] {item.kind}: {item.text[:300]!r}")
        print(f"    {outcome.crash or outcome.over_budget or ''} ({outcome.seconds:.1f} s)")


if __name__ == "__main__":
    main()
