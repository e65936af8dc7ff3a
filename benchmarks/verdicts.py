"""Every verdict derivcheck gives on the corpora, item by item, to compare two commits.

Speed work must change no verdict. This script checks every claim of the claim corpus
(`tests/data/claims`) and of the blind corpus (`tests/data/blind/*/claims.yaml`), every link
of the blind documents (`tests/data/blind/*/docs/*.md`) and of the seeds (`derivations/`),
and writes one line per item: its id, verdict, method, message and diagnosis. Run it on two
trees and compare:

    PYTHONPATH=/path/to/old .venv/bin/python benchmarks/verdicts.py --out old.json
    .venv/bin/python benchmarks/verdicts.py --out new.json
    .venv/bin/python benchmarks/verdicts.py --compare old.json new.json

`--pin FILE` writes the blind corpus's verdicts (verdict and method of each item) as YAML
for `tests/test_corpus_verdicts.py`. Checks run in this process (`DERIVCHECK_ISOLATION=off`),
as the in-process test of the pin does.
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


def claim_entries() -> list[tuple[str, dict]]:
    """(id, entry) of every claim, the claim corpus's first, then the blind corpus's."""
    out = []
    for path in sorted(CLAIMS.glob("*.yaml")):
        out += [(f"claims/{e['id']}", e) for e in yaml.safe_load(path.read_text()) or []]
    for path in sorted(BLIND.glob("*/claims.yaml")):
        out += [(f"blind/{e['id']}", e) for e in yaml.safe_load(path.read_text()) or []]
    return out


def documents() -> list[tuple[str, Path]]:
    """(id, path) of every blind document and every seed."""
    found = [(f"blind/{p.parent.parent.name}/{p.stem}", p)
             for p in sorted(BLIND.glob("*/docs/*.md"))]
    return found + [(f"seed/{p.stem}", p) for p in sorted((ROOT / "derivations").glob("*.md"))]


def _row(link) -> dict:
    return {"verdict": str(link.verdict), "method": str(link.method),
            "message": link.message or "", "diagnosis": link.diagnosis or ""}


def every_verdict(claims: bool = True, docs: bool = True) -> dict[str, dict]:
    """{item id: verdict, method, message, diagnosis} of every item, in this process."""
    os.environ["DERIVCHECK_ISOLATION"] = "off"
    from symbolic import check_claim, check_document

    out: dict[str, dict] = {}
    if claims:
        for key, entry in claim_entries():
            result = check_claim(entry["claim"], given=entry.get("given") or [],
                                 shapes=entry.get("shapes") or {},
                                 conventions=entry.get("conventions") or {})
            for k, link in enumerate(result.links, start=1):
                out[f"{key}.{k}"] = _row(link)
    if docs:
        for key, path in documents():
            result = check_document(path)
            for step in result.steps:
                for k, link in enumerate(step.claim.links, start=1):
                    out[f"{key}:{step.line}.{k}"] = _row(link)
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
    args = parser.parse_args(argv)
    if args.compare:
        old, new = (json.loads(p.read_text()) for p in args.compare)
        return compare(old, new)
    started = time.perf_counter()
    found = every_verdict()
    print(f"{len(found)} items in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.out:
        args.out.write_text(json.dumps(found, indent=1, sort_keys=True))
    if args.pin:
        pinned = {k: f"{v['verdict']} {v['method']}" for k, v in found.items()
                  if k.startswith("blind/")}
        args.pin.write_text(yaml.safe_dump(pinned, sort_keys=True, width=100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
