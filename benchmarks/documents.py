"""How fast whole documents are checked, now and at an earlier commit, in one run.

For each seed document (derivations/*.md) and each document of the blind corpus
(tests/data/blind/*/docs/*.md) it prints:

- cold: one fresh process per document, `derivcheck check FILE --format json`, with the
  default isolation (the check runs in a worker process, as a user gets it);
- warm: the same document checked again in one process that has checked it before, with
  `DERIVCHECK_ISOLATION=off` so that each link can be timed: links per second, and the
  median and p90 time of one link (`symbolic.claims.check_link`, timed by a wrapper);

and the same figures for the baseline commit (`--baseline`, default f671f91), checked out
into a temporary git worktree that is removed afterwards. The two trees are measured in
turn, document by document, so that a noisy machine weighs on both alike, and the ratio
(baseline / now) is taken from this one run. Then the whole derivations/ folder with
`--jobs 2`, the cold start of `import symbolic; symbolic.check_claim(...)`, and the
claim corpus (tests/data/claims) checked twice in one process: the median time of a claim
on its first check and when checked again (warm).

    .venv/bin/python benchmarks/documents.py                  # everything (about 10 min)
    .venv/bin/python benchmarks/documents.py --seeds-only     # the five seeds
    .venv/bin/python benchmarks/documents.py --baseline HEAD~1 --repeat 3
    .venv/bin/python benchmarks/documents.py --profile 001 003  # cProfile, this tree only

The table (Markdown) goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve()
DEFAULT_BASELINE = "f671f91"     # the state before the speed-up work of issue 13
CLAIM = r"\frac{\partial}{\partial x} \sigma(x) = \sigma(x)(1 - \sigma(x))"
CLI = ("import sys; from symbolic.cli import main; "
       "sys.argv = ['derivcheck', *sys.argv[1:]]; main()")
COLD_START = (f"import symbolic; symbolic.check_claim({CLAIM!r})")


def documents(root: Path, seeds_only: bool) -> list[Path]:
    """The documents to check, as paths relative to the repository root."""
    found = sorted((root / "derivations").glob("*.md"))
    if not seeds_only:
        found += sorted((root / "tests/data/blind").glob("*/docs/*.md"))
    return [p.relative_to(root) for p in found]


# --- inside one measuring process (PYTHONPATH = the tree measured) ---------------------


def measure_warm(document: str, repeat: int) -> dict:
    """Check `document` once to warm up, then `repeat` times, timing every link."""
    os.environ["DERIVCHECK_ISOLATION"] = "off"
    import symbolic.claims as claims
    from symbolic.checker import check_document

    link_times: list[float] = []
    original = claims.check_link

    def timed_link(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            link_times.append(time.perf_counter() - start)

    claims.check_link = timed_link
    start = time.perf_counter()
    check_document(document)
    first = time.perf_counter() - start
    runs, per_link = [], []
    for _ in range(repeat):
        link_times.clear()
        start = time.perf_counter()
        check_document(document)
        runs.append(time.perf_counter() - start)
        per_link.append(list(link_times))
    return {"module": claims.__file__, "first": first, "runs": runs, "links": per_link}


def measure_claims() -> dict:
    """Every claim of the claim corpus checked once (first), then all of them again (warm),
    each timed: the per-claim times of both passes, in milliseconds."""
    os.environ["DERIVCHECK_ISOLATION"] = "off"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import DEFAULT_CORPUS, load_claims

    import symbolic.claims as claims

    corpus = load_claims(DEFAULT_CORPUS)
    passes = []
    for _ in range(2):
        times = []
        for claim in corpus:
            start = time.perf_counter()
            claims.check_claim(claim.claim, given=list(claim.given), shapes=dict(claim.shapes),
                               conventions=dict(claim.conventions))
            times.append(1000 * (time.perf_counter() - start))
        passes.append(times)
    return {"module": claims.__file__, "first": passes[0], "warm": passes[1]}


# --- in the driver ---------------------------------------------------------------------


@dataclass
class Figures:
    """What was measured of one document in one tree."""

    cold: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)    # first check in a process
    warm: list[float] = field(default_factory=list)     # checks after that one
    links: list[float] = field(default_factory=list)     # seconds per link, every run
    count: int = 0                                        # links per check
    error: str = ""


@dataclass
class Tree:
    """A checkout of the code to measure, and how to run Python on it."""

    label: str
    path: Path
    python: str

    def environment(self, isolation: bool) -> dict:
        env = {**os.environ, "PYTHONPATH": str(self.path)}
        env.pop("DERIVCHECK_ISOLATION", None)
        if not isolation:
            env["DERIVCHECK_ISOLATION"] = "off"
        return env

    def timed(self, arguments: list[str], isolation: bool = True,
              timeout: float = 600) -> tuple[float, subprocess.CompletedProcess]:
        start = time.perf_counter()
        done = subprocess.run([self.python, *arguments], cwd=self.path, capture_output=True,
                              text=True, env=self.environment(isolation), timeout=timeout)
        return time.perf_counter() - start, done


def cold_check(tree: Tree, arguments: list[str]) -> float:
    """Wall seconds of one `derivcheck check ...` in a fresh process."""
    seconds, done = tree.timed(["-c", CLI, "check", *arguments, "--format", "json"])
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{tree.label}: derivcheck check {' '.join(arguments)} exited "
                           f"{done.returncode}: {done.stderr.strip()[-300:]}")
    return seconds


def warm_check(tree: Tree, document: Path, repeat: int, figures: Figures) -> None:
    _, done = tree.timed([str(SCRIPT), "--measure", str(ROOT / document), "--repeat",
                          str(repeat)], isolation=False)
    if done.returncode != 0:
        figures.error = done.stderr.strip().splitlines()[-1][-80:] if done.stderr else "failed"
        return
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(result["module"]).resolve().is_relative_to(tree.path.resolve()):
        raise RuntimeError(f"{tree.label} imported {result['module']}, not its own tree")
    figures.first.append(result["first"])
    figures.warm += result["runs"]
    for run in result["links"]:
        figures.links += run
    figures.count = len(result["links"][0]) if result["links"] else 0


@contextlib.contextmanager
def baseline_tree(ref: str, python: str) -> Iterator[Tree]:
    """`ref` checked out into a temporary worktree, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="derivcheck-baseline-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), ref],
                   check=True, capture_output=True)
    try:
        commit = subprocess.run(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"],
                                check=True, capture_output=True, text=True).stdout.strip()
        yield Tree(f"baseline {commit}", folder, python)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)],
                       capture_output=True)
        with contextlib.suppress(OSError):
            folder.parent.rmdir()


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p90(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def ratio(before: float, after: float) -> str:
    if not (before > 0 and after > 0):
        return "–"
    return f"{before / after:.1f}×"


def measure(trees: list[Tree], paths: list[Path], repeat: int,
            cold_repeat: int) -> dict[str, dict[Path, Figures]]:
    """Every document in every tree, the trees in turn (alternating which goes first)."""
    figures = {t.label: {p: Figures() for p in paths} for t in trees}
    for k, path in enumerate(paths):
        for r in range(cold_repeat):
            order = trees if (k + r) % 2 == 0 else trees[::-1]
            for tree in order:
                try:
                    figures[tree.label][path].cold.append(
                        cold_check(tree, [str(ROOT / path)]))
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    figures[tree.label][path].error = str(error)[-80:]
        for tree in (trees if k % 2 == 0 else trees[::-1]):
            warm_check(tree, path, repeat, figures[tree.label][path])
        shown = "  ".join(f"{t.label}: cold {median(figures[t.label][path].cold):.2f}s warm "
                          f"{median(figures[t.label][path].warm):.2f}s" for t in trees)
        progress(f"{path}: {shown}")
    return figures


def whole_folder(trees: list[Tree], cold_repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {t.label: [] for t in trees}
    for r in range(cold_repeat):
        for tree in (trees if r % 2 == 0 else trees[::-1]):
            out[tree.label].append(cold_check(tree, ["derivations", "--jobs", "2"]))
    return out


def cold_start(trees: list[Tree], cold_repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {t.label: [] for t in trees}
    for r in range(max(cold_repeat, 3)):
        for tree in (trees if r % 2 == 0 else trees[::-1]):
            seconds, done = tree.timed(["-c", COLD_START])
            if done.returncode == 0:
                out[tree.label].append(seconds)
    return out


def claim_corpus(trees: list[Tree]) -> dict[str, dict[str, list[float]]]:
    """The claim corpus in one process per tree: ms per claim, first check and again."""
    out = {}
    for tree in trees:
        _, done = tree.timed([str(SCRIPT), "--measure-claims"], isolation=False, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(f"{tree.label}: the claim corpus failed: {done.stderr[-300:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        if not Path(result["module"]).resolve().is_relative_to(tree.path.resolve()):
            raise RuntimeError(f"{tree.label} imported {result['module']}, not its own tree")
        out[tree.label] = result
    return out


def table(trees: list[Tree], paths: list[Path], figures: dict) -> str:
    before, after = trees
    b, a = figures[before.label], figures[after.label]
    lines = [
        f"Times: {before.label} → {after.label} (ratio = before / after). Cold: one "
        "`derivcheck check FILE --format json` process per document, isolation on. Warm: "
        "in-process with DERIVCHECK_ISOLATION=off, after one check of the same document "
        "(first in-process: that first check, with the modules loaded but no cache filled); "
        "per-link times (of the warm checks) from a wrapper around "
        "`symbolic.claims.check_link`.",
        "",
        "| document | links | cold s | first in-process s | warm s | links/s warm | "
        "median ms/link | p90 ms/link |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for path in paths:
        fb, fa = b[path], a[path]
        count = fa.count or fb.count
        speed_b = fb.count / median(fb.warm) if fb.warm else float("nan")
        speed_a = fa.count / median(fa.warm) if fa.warm else float("nan")
        cells = [
            _pair(median(fb.cold), median(fa.cold), "{:.2f}"),
            _pair(median(fb.first), median(fa.first), "{:.2f}"),
            _pair(median(fb.warm), median(fa.warm), "{:.2f}"),
            _pair(speed_b, speed_a, "{:.0f}", higher=True),
            _pair(1000 * median(fb.links), 1000 * median(fa.links), "{:.1f}"),
            _pair(1000 * p90(fb.links), 1000 * p90(fa.links), "{:.1f}"),
        ]
        name = path.name.removesuffix(".md")
        note = "".join(f" ({t.label}: {f.error})" for t, f in ((before, fb), (after, fa))
                       if f.error)
        lines.append(f"| {name}{note} | {count} | " + " | ".join(cells) + " |")
    every_b = [t for f in b.values() for t in f.links]
    every_a = [t for f in a.values() for t in f.links]
    lines.append(f"| **all links** | {len(every_a) // max(1, _runs(a))} | | | | | "
                 + _pair(1000 * median(every_b), 1000 * median(every_a), "{:.1f}") + " | "
                 + _pair(1000 * p90(every_b), 1000 * p90(every_a), "{:.1f}") + " |")
    return "\n".join(lines)


def _runs(figures: dict) -> int:
    return max((len(f.warm) for f in figures.values()), default=1)


def _pair(before: float, after: float, form: str, higher: bool = False) -> str:
    if before != before or after != after:     # nan: not measured
        return "–"
    shown = f"{form.format(before)} → {form.format(after)}"
    return f"{shown} ({ratio(after, before) if higher else ratio(before, after)})"


def summary_rows(trees: list[Tree], title: str, values: dict[str, list[float]]) -> str:
    before, after = (median(values[t.label]) for t in trees)
    return f"| {title} | {before:.2f} | {after:.2f} | {ratio(before, after)} |"


def profile(names: list[str], top: int) -> None:
    """cProfile of checking seed documents in this process, top entries by cumulative time."""
    import cProfile
    import io
    import pstats

    os.environ["DERIVCHECK_ISOLATION"] = "off"
    sys.path.insert(0, str(ROOT))
    from symbolic.checker import check_document

    for name in names:
        path = next((p for p in (ROOT / "derivations").glob(f"{name}*.md")), None)
        if path is None:
            sys.exit(f"no seed document starts with {name!r} in derivations/")
        check_document(str(path.parent / "000-softmax-regression-softplus-network.md"))
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(check_document, str(path))
        seconds = time.perf_counter() - start
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
        print(f"## {path.name} ({seconds:.2f} s under the profiler)\n\n```")
        print("\n".join(line[:160] for line in text.getvalue().splitlines()
                        if line.strip() and not line.startswith(("   Ordered", "   List"))))
        print("```\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE,
                        help=f"the commit to compare with (default {DEFAULT_BASELINE})")
    parser.add_argument("--repeat", type=int, default=2,
                        help="warm checks of each document after the warm-up (default 2)")
    parser.add_argument("--cold-repeat", type=int, default=1,
                        help="cold processes per document and tree (default 1)")
    parser.add_argument("--seeds-only", action="store_true", help="only derivations/*.md")
    parser.add_argument("--profile", nargs="+", metavar="SEED",
                        help="profile these seeds (by number) in this tree, and stop")
    parser.add_argument("--top", type=int, default=30, help="profile entries shown")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--measure-claims", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure_warm(options.measure, options.repeat)))
        return
    if options.measure_claims:
        print(json.dumps(measure_claims()))
        return
    if options.profile:
        profile(options.profile, options.top)
        return
    # a stopped run (kill, Ctrl-C) still removes its temporary worktree
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    python = sys.executable
    paths = documents(ROOT, options.seeds_only)
    with baseline_tree(options.baseline, python) as before:
        now = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "symbolic"],
                               capture_output=True, text=True).stdout.strip()
        trees = [before, Tree(f"now {now}{'+changes' if dirty else ''}", ROOT, python)]
        progress(f"measuring {len(paths)} documents: {trees[0].label} and {trees[1].label}")
        figures = measure(trees, paths, options.repeat, options.cold_repeat)
        progress("derivations/ with --jobs 2 ...")
        folder = whole_folder(trees, max(options.cold_repeat, 2))
        progress("cold start of check_claim ...")
        start_up = cold_start(trees, options.cold_repeat)
        progress("the claim corpus, twice in one process ...")
        corpus = claim_corpus(trees)
    print(f"# Documents: {trees[0].label} → {trees[1].label}\n")
    print(f"{os.cpu_count()} cores; warm figures are medians of {options.repeat} checks; "
          f"cold figures medians of {options.cold_repeat} process(es).\n")
    print(table(trees, paths, figures))
    print("\n| whole runs (seconds, cold, isolation on) | before | after | ratio |")
    print("|---|---:|---:|---:|")
    print(summary_rows(trees, "`derivcheck check derivations/ --jobs 2`", folder))
    print(summary_rows(trees, "`import symbolic; symbolic.check_claim(...)`, one claim "
                       "(a fresh process)", start_up))
    print("\n| claim corpus (tests/data/claims), ms per claim, one process, isolation off "
          "| before | after | ratio |")
    print("|---|---:|---:|---:|")
    for key, title in (("first", "median, first check"), ("warm", "median, checked again "
                                                                    "(warm)")):
        before, after = (median(corpus[t.label][key]) for t in trees)
        print(f"| {title} | {before:.1f} | {after:.1f} | {ratio(before, after)} |")


if __name__ == "__main__":
    main()
