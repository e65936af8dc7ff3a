"""Every verdict derivcheck gives on the corpora, item by item, to compare two commits.

Speed work must change no verdict. This script checks every claim of the claim corpus
(`tests/data/claims`) and of the blind corpus (`tests/data/blind/*/claims.yaml`), every link
of the blind documents (`tests/data/blind/*/docs/*.md`) and of the seeds (`derivations/`),
and writes one line per item: its id, verdict, method, message and diagnosis. Run it on two
trees and compare:

    PYTHONPATH=/path/to/old .venv/bin/python benchmarks/verdicts.py --out old.json
    .venv/bin/python benchmarks/verdicts.py --out new.json
    .venv/bin/python benchmarks/verdicts.py --compare old.json new.json

`--pin FILE` writes the claim corpus's verdicts (verdict and method of each item) as YAML;
`tests/test_corpus.py` checks every run against `tests/data/corpus_verdicts.yaml`.
The blind corpus is compared with `--out`/`--compare` under `PYTHONHASHSEED=0`, not
pinned: a few of its layered claims (deep compositions of undefined functions) draw other
samples under another hash seed, and can turn from valid to undecided.
Checks run in this process (`DERIVCHECK_ISOLATION=off`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests/data/blind"
CLAIMS = ROOT / "tests/data/claims"
PINNED = ("claims/",)     # the items tests/data/corpus_verdicts.yaml pins


def claim_entries(parts: str | None = None) -> list[tuple[str, dict]]:
    """(id, entry) of every claim, the claim corpus's first, then the blind corpus's (of
    the blind `parts` only, when given: a part still held back is not looked at)."""
    out = []
    for path in sorted(CLAIMS.glob("*.yaml")):
        out += [(f"claims/{e['id']}", e) for e in yaml.safe_load(path.read_text()) or []]
    for path in sorted(BLIND.glob("*/claims.yaml")):
        if parts is None or path.parent.name in parts:
            out += [(f"blind/{e['id']}", e) for e in yaml.safe_load(path.read_text()) or []]
    return out


def documents(parts: str | None = None) -> list[tuple[str, Path]]:
    """(id, path) of every blind document (of `parts` only, when given) and every seed."""
    found = [(f"blind/{p.parent.parent.name}/{p.stem}", p)
             for p in sorted(BLIND.glob("*/docs/*.md"))
             if parts is None or p.parent.parent.name in parts]
    return found + [(f"seed/{p.stem}", p) for p in sorted((ROOT / "derivations").glob("*.md"))]


def _row(link) -> dict:
    return {"verdict": str(link.verdict), "method": str(link.method),
            "message": link.message or "", "diagnosis": link.diagnosis or ""}


def check_item(key: str, item) -> dict[str, dict]:
    """The rows of one item: a claim entry (its links) or a document (its links)."""
    from symbolic import check_claim, check_document

    if isinstance(item, dict):
        result = check_claim(item["claim"], given=item.get("given") or [],
                             shapes=item.get("shapes") or {},
                             conventions=item.get("conventions") or {})
        return {f"{key}.{k}": _row(link) for k, link in enumerate(result.links, start=1)}
    result = check_document(item)
    return {f"{key}:{step.line}.{k}": _row(link) for step in result.steps
            for k, link in enumerate(step.claim.links, start=1)}


def items(only: str = "", parts: str | None = None) -> list[tuple[str, dict | Path]]:
    """Every claim and document, as (id, claim entry or path); `only`: ids starting so."""
    return [(k, v) for k, v in (*claim_entries(parts), *documents(parts))
            if k.startswith(only)]


def every_verdict(only: str = "", threads: int = 1, parts: str | None = None
                  ) -> dict[str, dict]:
    """{item id: verdict, method, message, diagnosis} of every item (ids starting with
    `only`), checked by `threads` threads (each check in the default worker pool, or in
    this process with DERIVCHECK_ISOLATION=off)."""
    from concurrent.futures import ThreadPoolExecutor

    out: dict[str, dict] = {}
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for rows in pool.map(lambda pair: check_item(*pair), items(only, parts)):
            out.update(rows)
    return out


def compare(old: dict, new: dict) -> int:
    """Print every item whose verdict or method differs (and how many messages differ)."""
    changed = [k for k in old.keys() | new.keys()
               if (old.get(k) or {}).get("verdict") != (new.get(k) or {}).get("verdict")
               or (old.get(k) or {}).get("method") != (new.get(k) or {}).get("method")]
    worded = [k for k in old.keys() & new.keys() if k not in changed and old[k] != new[k]]
    for key in sorted(changed):
        print(f"{key}: {old.get(key)} -> {new.get(key)}")
    for key in sorted(worded):
        print(f"(message) {key}:\n  {old[key]}\n  {new[key]}")
    print(f"{len(old)} items before, {len(new)} after; {len(changed)} verdicts or methods "
          f"differ, {len(worded)} messages or diagnoses differ")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write every item's verdict here (JSON)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"),
                        help="compare two files written by --out")
    parser.add_argument("--pin", type=Path, metavar="FILE",
                        help="write the blind corpus's verdicts and methods (YAML)")
    parser.add_argument("--parts", default=None,
                        help="the blind parts to check, e.g. abcdefgh (default: all)")
    args = parser.parse_args(argv)
    if args.compare:
        old, new = (json.loads(p.read_text()) for p in args.compare)
        return compare(old, new)
    os.environ["DERIVCHECK_ISOLATION"] = "off"
    started = time.perf_counter()
    found = every_verdict(parts=args.parts) if args.out or not args.pin else {
        key: row for prefix in PINNED for key, row in every_verdict(prefix).items()}
    print(f"{len(found)} items in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.out:
        args.out.write_text(json.dumps(found, indent=1, sort_keys=True))
    if args.pin:
        pinned = {k: f"{v['verdict']} {v['method']}" for k, v in found.items()
                  if k.startswith(PINNED)}
        args.pin.write_text(yaml.safe_dump(pinned, sort_keys=True, width=100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
