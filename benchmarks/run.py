"""Benchmark: derivcheck against the naive latex2sympy2 + sympy.simplify approach.

Both approaches check the same claims from tests/data/claims/ in one run; the output is
a Markdown table of accuracy and time per claim (see docs/benchmark.md).

    .venv/bin/python benchmarks/run.py                      # everything (several minutes)
    .venv/bin/python benchmarks/run.py --quick              # 8 claims per topic file
    .venv/bin/python benchmarks/run.py --only baseline --json bench.json
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPUS, load_claims  # noqa: E402
from outcome import tally  # noqa: E402
from report import render_markdown  # noqa: E402

APPROACHES = ("derivcheck", "baseline")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: .venv/bin/python benchmarks/run.py --quick --json bench.json",
    )
    parser.add_argument("--only", choices=APPROACHES, help="run one approach only")
    parser.add_argument("--quick", action="store_true", help="a subset: 8 claims per file")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds per claim before it counts as undecided (default 10)",
    )
    parser.add_argument(
        "--claims",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help="corpus folder (default tests/data/claims)",
    )
    parser.add_argument(
        "--select", metavar="TEXT", help="only claims whose id or topic contains TEXT"
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="print each claim's verdicts as they come"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    claims = load_claims(args.claims, quick=args.quick)
    if args.select:
        claims = [c for c in claims if args.select in c.id or args.select in c.topic]
    if not claims:
        print("no claims selected", file=sys.stderr)
        return 2
    approaches = [args.only] if args.only else list(APPROACHES)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    # Set up everything before timing anything: imports, the baseline's env and worker.
    check = None
    if "derivcheck" in approaches:
        from derivcheck_side import load_check_claim, run_claim, warm_up

        check = load_check_claim()
        log("derivcheck: warming up ...")
        warm_up(check)
    worker = None
    if "baseline" in approaches:
        from baseline import BaselineWorker, ensure_baseline_env

        worker = BaselineWorker(ensure_baseline_env(log=log), timeout=args.timeout)
        worker.start()

    results: dict[str, list] = {a: [] for a in approaches}
    started = time.perf_counter()
    try:
        for n, claim in enumerate(claims, 1):
            line = [f"[{n}/{len(claims)}] {claim.id} (expect {claim.expect})"]
            if check is not None:
                r = run_claim(check, claim, args.timeout)
                results["derivcheck"].append(r)
                line.append(f"derivcheck {r.verdict} {r.ms:.0f} ms")
            if worker is not None:
                r = worker.check(claim)
                results["baseline"].append(r)
                line.append(f"baseline {r.verdict} {r.ms:.0f} ms")
            if args.verbose:
                log(" | ".join(line))
            elif n % 20 == 0:
                log(f"{n}/{len(claims)} claims ...")
    finally:
        if worker is not None:
            worker.close()
    elapsed = time.perf_counter() - started

    expectations = [(c.expect, c.diagnosis) for c in claims]
    tallies = {a: tally(expectations, results[a]) for a in approaches}
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}",
        "claims": len(claims),
        "corpus": "tests/data/claims" if args.claims == DEFAULT_CORPUS else str(args.claims),
        "quick": args.quick,
        "timeout_s": args.timeout,
        "elapsed_s": round(elapsed, 1),
        "baseline_versions": worker.versions if worker else None,
        "baseline_restarts": worker.restarts if worker else None,
    }
    print(render_markdown(claims, results, tallies, meta))
    if args.json:
        payload = {
            "meta": meta,
            "summary": {a: {**vars(t), "accuracy": t.accuracy} for a, t in tallies.items()},
            "claims": [
                {
                    "id": c.id,
                    "topic": c.topic,
                    "expect": c.expect,
                    "diagnosis": c.diagnosis,
                    **{a: results[a][i].to_dict() for a in approaches},
                }
                for i, c in enumerate(claims)
            ],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
