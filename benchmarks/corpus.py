"""The claim corpus (tests/data/claims/*.yaml) as the benchmark reads it.

>>> claims = load_claims(DEFAULT_CORPUS)
>>> claims[0].id, claims[0].expect
('act-sigmoid-deriv', 'valid')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims"

# --quick keeps this many claims from the top of each file: each file lists a valid
# claim followed by its invalid twins, so the head of a file is a balanced sample.
QUICK_PER_FILE = 8


@dataclass(frozen=True)
class Claim:
    """One corpus entry; the fields mirror the YAML schema (tests/data/claims/README.md)."""

    id: str
    topic: str  # the file it came from, without ".yaml"
    claim: str
    given: tuple[str, ...]
    shapes: dict = field(default_factory=dict)
    conventions: dict = field(default_factory=dict)
    expect: str = "valid"
    diagnosis: str | None = None
    note: str = ""


def load_claims(folder: Path = DEFAULT_CORPUS, quick: bool = False) -> list[Claim]:
    """Every claim of every `*.yaml` in folder, in file then entry order.

    Args:
        folder: the corpus folder.
        quick: keep only the first QUICK_PER_FILE claims of each file.
    """
    # the claim corpus is one folder of *.yaml; the blind corpus a folder per part, each with
    # its claims.yaml (its documents' *.expect.yaml files are no claims)
    files = sorted(p for p in Path(folder).rglob("*.yaml") if not p.name.endswith(".expect.yaml"))
    if not files:
        raise SystemExit(f"no claim files (*.yaml) in {folder}")
    claims: list[Claim] = []
    for path in files:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if quick:
            entries = entries[:QUICK_PER_FILE]
        for entry in entries:
            claims.append(
                Claim(
                    id=entry["id"],
                    topic=str(path.relative_to(folder).with_suffix("")),
                    claim=entry["claim"],
                    given=tuple(entry.get("given") or ()),
                    shapes=dict(entry.get("shapes") or {}),
                    conventions=dict(entry.get("conventions") or {}),
                    expect=entry["expect"],
                    diagnosis=entry.get("diagnosis", entry.get("mistake")),
                    note=entry.get("note") or "",
                )
            )
    ids = [c.id for c in claims]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SystemExit(f"duplicate claim ids in {folder}: {', '.join(duplicates)}")
    return claims
