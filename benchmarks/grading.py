"""Grading throughput: N synthetic students made from the bundled derivations, graded.

Each student is one of the derivations in derivations/ with, for most of them, one known
mistake put in (a flipped sign or a dropped factor, `symbolic.synthetic`). The class is
graded on this machine (`--jobs`) or through a Dask LocalCluster (`--dask-workers`), and
the script prints students per second and checks the grades: every student with a
mistake must have an invalid link no earlier than the line of its mistake.

    .venv/bin/python benchmarks/grading.py -n 50 --jobs 2
    .venv/bin/python benchmarks/grading.py -n 50 --dask-workers 2
    .venv/bin/python benchmarks/grading.py -n 500 --jobs 2 --short --timeout 2

`--short` keeps each derivation's first section only (as the tests do); `--timeout` is
the time budget per document. Both make a run cheaper; the note says which were used.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

from symbolic.grading import GradingSettings, find_submissions
from symbolic.grading_runner import grade_class
from symbolic.synthetic import first_section, make_class

ROOT = Path(__file__).resolve().parents[1]


def sources(short: bool) -> dict[str, str]:
    texts = {p.stem: p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "derivations").glob("*.md"))}
    return {name: first_section(text) for name, text in texts.items()} if short else texts


def run(count: int, jobs: int, dask_workers: int, short: bool, timeout: float | None,
        seed: int) -> int:
    with tempfile.TemporaryDirectory(prefix="derivcheck-grading-") as tmp:
        folder, out = Path(tmp) / "class", Path(tmp) / "grades"
        students = make_class(folder, sources(short), count, seed=seed)
        settings = GradingSettings(budget_seconds=timeout)
        submissions = find_submissions(folder)
        start = time.perf_counter()
        if dask_workers:
            from dask.distributed import LocalCluster

            with LocalCluster(n_workers=dask_workers, threads_per_worker=1,
                              processes=True, dashboard_address=None) as cluster:
                ready = time.perf_counter()
                grade_class(submissions, settings, out, scheduler=cluster.scheduler_address)
            where = f"Dask LocalCluster, {dask_workers} worker processes " \
                    f"(cluster start {ready - start:.1f} s included)"
        else:
            grade_class(submissions, settings, out, jobs=jobs)
            where = f"{jobs} local process{'es' if jobs > 1 else ''}"
        elapsed = time.perf_counter() - start
        with (out / "grades.csv").open(newline="", encoding="utf-8") as handle:
            rows = {row["student"]: row for row in csv.DictReader(handle)}
    missed = [s.student for s in students if s.mutation is not None and (
        rows[s.student]["invalid"] == "0"
        or int(rows[s.student]["first_wrong_line"] or 0) > s.mutation.line)]
    mutated = sum(s.mutation is not None for s in students)
    print(f"{count} students ({'first sections' if short else 'whole derivations'}, "
          f"{mutated} with a known mistake), {where}, budget "
          f"{timeout if timeout else 'default'} s per document")
    print(f"  {elapsed:.1f} s: {count / elapsed:.2f} students/s")
    # A mutation in a definition or a binding changes what is defined: no claim is wrong.
    print(f"  mutated students with an invalid step at or before the mutated line: "
          f"{mutated - len(missed)} of {mutated} (the others' mutation hit a definition, "
          "a binding or an operator's operand)"
          + (f"; e.g. {', '.join(missed[:5])}" if missed else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=50, help="students (default 50)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="local processes (default: the number of cores)")
    parser.add_argument("--dask-workers", type=int, default=0, metavar="N",
                        help="grade through a Dask LocalCluster with N worker processes")
    parser.add_argument("--short", action="store_true",
                        help="each derivation's first section only")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="time budget per document")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    return run(args.count, args.jobs, args.dask_workers, args.short, args.timeout, args.seed)


if __name__ == "__main__":
    sys.exit(main())
