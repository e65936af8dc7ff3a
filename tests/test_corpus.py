"""The claim corpus (tests/data/claims): course-material claims with hand-verified verdicts."""

from pathlib import Path

import pytest
import yaml

from symbolic import check_claim

CORPUS = [(path.name, entry) for path in sorted(Path(__file__).parent.glob("data/claims/*.yaml"))
          for entry in yaml.safe_load(path.read_text()) or []]

# Claims derivcheck cannot decide yet; each must stay "undecided"/"unparseable" (never wrong)
# until the reader or engine learns it, then leave this list.
KNOWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(("name", "entry"), CORPUS, ids=[e["id"] for _, e in CORPUS])
def test_corpus_claim(name, entry):
    result = check_claim(entry["claim"], given=entry.get("given") or [],
                         shapes=entry.get("shapes") or {},
                         conventions=entry.get("conventions") or {})
    if entry["id"] in KNOWN_GAPS:
        assert result.verdict in ("undecided", "unparseable"), result.message
        return
    assert result.verdict == entry["expect"], f"{name}: {result.message}"
    if entry["expect"] == "invalid":
        assert result.counterexample is not None or result.links[0].diagnosis_kind == "shape" \
            or result.links[0].diagnosis_kind == "transpose"
        wrong = next(link for link in result.links if link.verdict == "invalid")
        assert wrong.diagnosis_kind == entry.get("diagnosis"), f"{name}: {wrong.message}"


def test_corpus_is_large_and_balanced():
    assert len(CORPUS) >= 200
    invalid = sum(e["expect"] == "invalid" for _, e in CORPUS)
    assert invalid >= len(CORPUS) // 3
