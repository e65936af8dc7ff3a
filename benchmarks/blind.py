"""How well derivcheck reads material it was not written against: the blind corpus.

`tests/data/blind/<part>/` holds claims and whole derivation documents that helpers who do not
work on the reader transcribed from public course notes and textbooks, exactly as printed,
with every verdict confirmed by independent code (`confirm.py` beside them). The corpus is
split in two halves by a hash of each item's family (a valid claim and its twins, a document
and its mutated twin, stay together): development work looks at the `dev` half only; the
`held` half is measured, never studied, until the end.

    python benchmarks/blind.py                  # both halves, figures only
    python benchmarks/blind.py --show dev       # and every wrong answer of the dev half
    python benchmarks/blind.py --json out.json  # figures as JSON
    python benchmarks/blind.py --parts d,e,f    # the second corpus only (g,h: the third;
                                                # i,j: the fourth; k,l: the fifth;
                                                # m,n: the sixth; o,p: the seventh;
                                                # q,r: the eighth; s,t: the ninth;
                                                # u,v: the tenth; w,x: the eleventh;
                                                # y,z: the twelfth; za,zb: the
                                                # thirteenth; zc,zd: the fourteenth;
                                                # ze,zf: the fifteenth; zg,zh:
                                                # the sixteenth; zi,zj: the
                                                # seventeenth; zk,zl: the
                                                # eighteenth; zm,zn: the
                                                # nineteenth; zo,zp: the
                                                # twentieth; zq,zr: the
                                                # twenty-first; zs,zt: the
                                                # twenty-second; zu,zv: the
                                                # twenty-third; zw,zx: the
                                                # twenty-fourth; zy,zz: the
                                                # twenty-fifth; zza,zzb: the
                                                # twenty-sixth; zzc,zzd: the
                                                # twenty-seventh; zze,zzf: the
                                                # twenty-eighth; zzg,zzh: the
                                                # twenty-ninth)

Run it against another checkout (an earlier commit in a worktree) with PYTHONPATH pointing
at that checkout: the script only uses `symbolic.check_claim` and `symbolic.check_document`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "blind"
HALVES = ("dev", "held")


def half_of(family: str) -> str:
    """`dev` or `held`, fixed by the family's name alone."""
    digest = hashlib.sha256(family.encode()).digest()
    return HALVES[digest[0] % 2]


@dataclass
class Tally:
    """Outcomes of one half: right, false valid, false invalid, unparseable, undecided."""

    counts: Counter = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)

    def add(self, expected: str, got: str, label: str) -> None:
        self.counts["total"] += 1
        if got == expected:
            self.counts["right"] += 1
            return
        outcome = {"valid": "false valid", "invalid": "false invalid"}.get(got, got)
        self.counts[outcome] += 1
        self.wrong.append(f"{label}: expected {expected}, got {got}")

    def figures(self) -> dict:
        total = self.counts["total"] or 1
        keys = ("right", "false valid", "false invalid", "unparseable", "undecided")
        return {"total": self.counts["total"],
                **{k: self.counts[k] for k in keys},
                **{f"{k} %": round(100 * self.counts[k] / total, 1) for k in keys}}


def check_claims(part: Path, tallies: dict[str, Tally]) -> None:
    from symbolic import check_claim

    for entry in yaml.safe_load((part / "claims.yaml").read_text()) or []:
        result = check_claim(entry["claim"], given=entry.get("given") or [],
                             shapes=entry.get("shapes") or {},
                             conventions=entry.get("conventions") or {})
        message = (result.message or "").splitlines()[0][:160] if result.message else ""
        tallies[half_of(entry["family"])].add(
            entry["expect"], str(result.verdict), f"{entry['id']} [{message}]")


def check_documents(part: Path, tallies: dict[str, Tally], first_errors: dict[str, list]) -> None:
    from symbolic import check_document

    for expect_path in sorted((part / "docs").glob("*.expect.yaml")):
        document = expect_path.with_name(expect_path.name.replace(".expect.yaml", ".md"))
        expect = yaml.safe_load(expect_path.read_text())
        family = re.sub(r"[-_]mutated$", "", document.stem)   # a twin goes with its original
        half = half_of(family)
        result = check_document(document)
        by_line: dict[int, list] = {}
        for step in result.steps:
            by_line.setdefault(step.line, []).extend(step.claim.links)
        blocks = _block_lines(document)
        used: Counter = Counter()   # links of a block already matched to earlier items
        expected_in: Counter = Counter()
        for item in expect["links"]:
            expected_in[item["line"]] += len(item["expect"])
        for item in expect["links"]:
            # the expected line is where the block starts (`$$`); its statements may start
            # on the lines after it, one per row of an alignment, and several items may name
            # the same block: each takes the links after those of the items before it
            links = [link for line in blocks.get(item["line"], [item["line"]])
                     for link in by_line.get(line, [])]
            start = used[item["line"]]
            if len(links) == expected_in[item["line"]]:
                # one link for each expected: paired by place, so a link read as a definition
                # where a claim was expected counts as not decided, and shifts no other
                used[item["line"]] += len(item["expect"])
                for k, verdict in enumerate(item["expect"], start):
                    if verdict == "definition":
                        continue
                    got = "undecided" if str(links[k].method) == "definition" \
                        else str(links[k].verdict)
                    tallies[half].add(verdict, got,
                                      f"{document.name}:{item['line']} link {k + 1}")
                continue
            checked = [link for link in links if str(link.method) != "definition"]
            wanted = [v for v in item["expect"] if v != "definition"]
            used[item["line"]] += len(wanted)
            for k, verdict in enumerate(wanted, start):
                got = str(checked[k].verdict) if k < len(checked) else "undecided"
                tallies[half].add(verdict, got, f"{document.name}:{item['line']} link {k + 1}")
        if not expect.get("mutations"):
            # a first error where the source itself is wrong (an expected invalid) is right
            wrong_lines = {line for item in expect["links"] if "invalid" in item["expect"]
                           for line in blocks.get(item["line"], [item["line"]])}
            wrong_first = [s.line for s in result.steps
                           if s.first_invalid and s.line not in wrong_lines]
            if wrong_first:
                first_errors[half].append(f"{document.name}: first error at {wrong_first}")


def _block_lines(document: Path) -> dict[int, list[int]]:
    """{a line where a math block may start: the lines of the statements of that block}:
    the block of the first statement at or after the line."""
    from symbolic.sources import read_document

    statements = read_document(document).statements
    out: dict[int, list[int]] = {}
    for line in range(1, len(document.read_text().splitlines()) + 1):
        first = next((s for s in statements if s.line >= line), None)
        if first is not None:
            out[line] = sorted({s.line for s in statements if s.block == first.block})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=HALVES, action="append", default=[],
                        help="print the wrong answers of this half")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--parts", default="",
                        help="only these parts, comma-separated (a,b,c: the first corpus; "
                             "d,e,f: the second; g,h: the third; i,j: the fourth; k,l: "
                             "the fifth; m,n: the sixth; o,p: the seventh; q,r: the "
                             "eighth; s,t: the ninth; u,v: the tenth; w,x: the "
                             "eleventh; y,z: the twelfth; za,zb: the thirteenth; "
                             "zc,zd: the fourteenth; ze,zf: the fifteenth; zg,zh: "
                             "the sixteenth; zi,zj: the seventeenth; zk,zl: the "
                             "eighteenth; zm,zn: the nineteenth; zo,zp: the "
                             "twentieth; zq,zr: the twenty-first; zs,zt: the "
                             "twenty-second; zu,zv: the twenty-third); "
                             "default every part")
    args = parser.parse_args(argv)
    chosen = set(filter(None, args.parts.split(",")))
    claims = {h: Tally() for h in HALVES}
    documents = {h: Tally() for h in HALVES}
    first_errors: dict[str, list] = {h: [] for h in HALVES}
    for part in sorted(p for p in CORPUS.iterdir() if (p / "claims.yaml").exists()
                       and (not chosen or p.name in chosen)):
        check_claims(part, claims)
        check_documents(part, documents, first_errors)
    report = {h: {"claims": claims[h].figures(), "document links": documents[h].figures(),
                  "false first errors": len(first_errors[h])} for h in HALVES}
    print(json.dumps(report, indent=2))
    for half in args.show:
        print(f"\n# wrong answers, {half} half")
        for line in claims[half].wrong + documents[half].wrong + first_errors[half]:
            print(" ", line)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
