"""The claim corpus (tests/data/claims): course-material claims with hand-verified verdicts.

Speed work must change no verdict either: each link's verdict and method are pinned in
tests/data/corpus_verdicts.yaml (`benchmarks/verdicts.py --pin tests/data/corpus_verdicts.yaml`
writes it; pin again when verdicts improve on purpose). A link stopped by a time limit on a
loaded machine is the one difference allowed, as for the seeds (tests/test_seeds.py).
"""

from pathlib import Path

import pytest
import yaml

from symbolic import check_claim

CORPUS = [(path.name, entry) for path in sorted(Path(__file__).parent.glob("data/claims/*.yaml"))
          for entry in yaml.safe_load(path.read_text()) or []]

PINNED = yaml.safe_load((Path(__file__).parent / "data/corpus_verdicts.yaml").read_text())

# Claims derivcheck cannot decide yet; each must stay "undecided"/"unparseable" (never wrong)
# until the reader or engine learns it, then leave this list.
KNOWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(("name", "entry"), CORPUS, ids=[e["id"] for _, e in CORPUS])
def test_corpus_claim(name, entry):
    result = check_claim(entry["claim"], given=entry.get("given") or [],
                         shapes=entry.get("shapes") or {},
                         conventions=entry.get("conventions") or {})
    pinned = {key: value for key, value in PINNED.items()
              if key.rsplit(".", 1)[0] == f"claims/{entry['id']}"}
    now = {f"claims/{entry['id']}.{k}": f"{link.verdict} {link.method}"
           for k, link in enumerate(result.links, start=1)}
    assert sorted(now) == sorted(pinned), "links were added or removed: pin again"
    assert {key: value for key, value in now.items() if not value.endswith(" timeout")} == \
        {key: pinned[key] for key, value in now.items() if not value.endswith(" timeout")}
    if entry["id"] in KNOWN_GAPS:
        assert result.verdict in ("undecided", "unparseable"), result.message
        return
    assert result.verdict == entry["expect"], f"{name}: {result.message}"
    if entry["expect"] == "invalid":
        assert result.counterexample is not None or result.links[0].diagnosis_kind == "shape" \
            or result.links[0].diagnosis_kind == "transpose"
        wrong = next(link for link in result.links if link.verdict == "invalid")
        assert wrong.diagnosis_kind == entry.get("diagnosis"), f"{name}: {wrong.message}"


def test_every_pinned_claim_is_in_the_corpus():
    ids = {f"claims/{entry['id']}" for _, entry in CORPUS}
    assert {key.rsplit(".", 1)[0] for key in PINNED} == ids


def test_corpus_is_large_and_balanced():
    assert len(CORPUS) >= 200
    invalid = sum(e["expect"] == "invalid" for _, e in CORPUS)
    assert invalid >= len(CORPUS) // 3
