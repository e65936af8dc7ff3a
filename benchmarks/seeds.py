"""Agreement of `derivcheck check derivations/` with the hand-made answer keys.

Prints the number of links that agree with tests/data/expected/*.yaml, a breakdown of the
disagreements by category (key verdict -> our verdict), and, per document, every
disagreeing link: line, link number, chain, both verdicts and our message.

    .venv/bin/python benchmarks/seeds.py                         # everything
    .venv/bin/python benchmarks/seeds.py --show valid-unparseable
    .venv/bin/python benchmarks/seeds.py --summary               # totals only
    .venv/bin/python benchmarks/seeds.py --doc 002               # one document
    .venv/bin/python benchmarks/seeds.py --pin tests/data/seed_verdicts.yaml

`--pin` writes every link's verdict as it is now; `tests/test_seeds.py` checks each run
against that file, so that a change that should not change verdicts (speed work) shows
every one it changes. Pin again when a change improves verdicts on purpose.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symbolic import check_document  # noqa: E402

DERIVATIONS = ROOT / "derivations"
KEYS = ROOT / "tests/data/expected"


@dataclass(frozen=True)
class Disagreement:
    document: str
    line: int
    link: int           # 1-based link number within the chain
    chain: str
    expected: str
    got: str
    message: str

    @property
    def category(self) -> str:
        return f"{self.expected}-{self.got}"


def is_annotation(link) -> bool:
    """An `\\underbrace{A}_{B}` sub-claim: checked as its own claim `A = B`, not a link."""
    return link.lhs == link.rhs and r"\underbrace" in link.lhs


def verdict_word(link) -> str:
    """The key's vocabulary: a definition link is `definition`, else the verdict."""
    return "definition" if link.method == "definition" else str(link.verdict)


def compare_document(path: Path) -> tuple[int, int, list[Disagreement]]:
    """(agreeing links, links in the key, disagreements) for one document."""
    key = yaml.safe_load((KEYS / f"{path.stem}.yaml").read_text())
    result = check_document(path)
    by_line: dict[int, list] = collections.defaultdict(list)
    for step in result.steps:
        by_line[step.line].extend(k for k in step.claim.links if not is_annotation(k))
    agree, total, out = 0, 0, []
    for entry in key:
        links = by_line.get(entry["line"], [])
        for k, expected in enumerate(entry["links"]):
            total += 1
            got = verdict_word(links[k]) if k < len(links) else "missing"
            message = links[k].message if k < len(links) else "no link at this position"
            if got == expected:
                agree += 1
            else:
                out.append(Disagreement(path.stem[:3], entry["line"], k + 1, entry["chain"],
                                        expected, got, message))
    return agree, total, out


def pinned_verdicts(paths: list[Path]) -> dict[str, list[str]]:
    """Every link's verdict, per document: `line.link verdict` (definitions as such)."""
    out = {}
    for path in paths:
        result = check_document(path)
        out[path.stem] = [f"{step.line}.{k} {verdict_word(link)}"
                          for step in result.steps
                          for k, link in enumerate(step.claim.links, start=1)]
    return out


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: .venv/bin/python benchmarks/seeds.py --show definition-invalid",
    )
    parser.add_argument("--show", metavar="CATEGORY",
                        help="only disagreements of this category, e.g. valid-unparseable")
    parser.add_argument("--doc", metavar="PREFIX", help="only documents whose name starts so")
    parser.add_argument("--summary", action="store_true", help="totals and categories only")
    parser.add_argument("--width", type=int, default=110, help="width of chains and messages")
    parser.add_argument("--pin", type=Path, metavar="FILE",
                        help="write every link's verdict to FILE (YAML) and exit")
    args = parser.parse_args(argv)
    if args.pin:
        pinned = pinned_verdicts(sorted(DERIVATIONS.glob("*.md")))
        args.pin.write_text(yaml.safe_dump(pinned, sort_keys=True, width=100))
        print(f"wrote {sum(map(len, pinned.values()))} verdicts to {args.pin}")
        return 0

    paths = sorted(DERIVATIONS.glob("*.md"))
    if args.doc:
        paths = [p for p in paths if p.name.startswith(args.doc)]
    agree = total = 0
    every: list[Disagreement] = []
    started = time.perf_counter()
    for path in paths:
        a, t, found = compare_document(path)
        agree, total = agree + a, total + t
        every.extend(found)
        print(f"{path.stem}: {a}/{t}")
    elapsed = time.perf_counter() - started
    print(f"\nagreement: {agree}/{total} links ({elapsed:.1f} s)")
    categories = collections.Counter(d.category for d in every)
    for category, count in categories.most_common():
        print(f"  {count:4d}  {category}")
    false_valid = [d for d in every if d.expected == "invalid" and d.got == "valid"]
    print(f"false valid: {len(false_valid)}")
    if args.summary:
        return 0
    shown = [d for d in every if not args.show or d.category == args.show]
    document = None
    for d in shown:
        if d.document != document:
            document = d.document
            print(f"\n== {document}")
        print(f"{d.line:4d}.{d.link} {d.expected} -> {d.got}: {shorten(d.chain, args.width)}")
        print(f"        {shorten(d.message, args.width)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
