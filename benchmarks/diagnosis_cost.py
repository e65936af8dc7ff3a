"""What naming the mistake costs: check_claim on the corpus with and without diagnosis.

Both variants run in one process, claim by claim and interleaved, so machine load affects
them alike. Prints the median and p90 time per claim for the invalid claims and overall.

    .venv/bin/python benchmarks/diagnosis_cost.py [--select TEXT] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPUS, load_claims  # noqa: E402

from symbolic import check_claim, claims  # noqa: E402


def timed(claim) -> float:
    start = time.perf_counter()
    check_claim(claim.claim, given=claim.given, shapes=claim.shapes,
                conventions=claim.conventions)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--select", metavar="TEXT", help="only claims whose id contains TEXT")
    parser.add_argument("--repeat", type=int, default=3, help="runs per claim (median kept)")
    args = parser.parse_args(argv)
    corpus = [c for c in load_claims(DEFAULT_CORPUS)
              if not args.select or args.select in c.id]
    with_diagnosis, without = {}, {}
    real = claims.courtesy
    for claim in corpus:
        timed(claim)    # warm the caches for this claim's notation
        runs_with, runs_without = [], []
        for _ in range(args.repeat):
            claims.courtesy = real
            runs_with.append(timed(claim))
            claims.courtesy = lambda find, budget: None
            runs_without.append(timed(claim))
        claims.courtesy = real
        with_diagnosis[claim.id] = statistics.median(runs_with)
        without[claim.id] = statistics.median(runs_without)
    invalid = [c.id for c in corpus if c.expect == "invalid"]
    for label, ids in (("invalid claims", invalid), ("all claims", [c.id for c in corpus])):
        a = sorted(with_diagnosis[i] for i in ids)
        b = sorted(without[i] for i in ids)
        print(f"{label} ({len(ids)}): median {1e3 * statistics.median(a):.1f} ms with diagnosis, "
              f"{1e3 * statistics.median(b):.1f} ms without "
              f"(×{statistics.median(a) / statistics.median(b):.2f}); "
              f"p90 {1e3 * a[int(0.9 * len(a))]:.0f} ms vs {1e3 * b[int(0.9 * len(b))]:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
