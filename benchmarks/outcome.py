"""What one approach answered on one claim, and the tally over a run."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass

VERDICTS = ("valid", "invalid", "undecided", "unparseable", "error")


@dataclass
class SideResult:
    """One approach's answer on one claim."""

    verdict: str  # one of VERDICTS; "error" is an exception or a crash
    ms: float  # wall time for this claim, milliseconds
    detail: str = ""  # method, message or error text
    diagnosis: str | None = None  # the approach's diagnosis kind, where it gives one
    timeout: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Tally:
    """Accuracy and timing of one approach over a list of claims."""

    claims: int
    correct: int
    false_valid: int  # expected invalid, answered valid: the worst error
    false_invalid: int  # expected valid, answered invalid
    undecided: int
    timeouts: int
    unparseable: int
    errors: int
    median_ms: float
    p90_ms: float
    diagnosis_hits: int  # correct invalid verdicts whose diagnosis kind matches
    diagnosis_given: int  # correct invalid verdicts with any diagnosis kind

    @property
    def accuracy(self) -> float:
        return self.correct / self.claims if self.claims else 0.0


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def tally(expectations: list[tuple[str, str | None]], results: list[SideResult]) -> Tally:
    """Tally results against (expect, diagnosis) pairs, claim by claim."""
    correct = false_valid = false_invalid = 0
    hits = given = 0
    for (expect, diagnosis), r in zip(expectations, results, strict=True):
        if r.verdict == expect:
            correct += 1
            if expect == "invalid" and r.diagnosis:
                given += 1
                hits += r.diagnosis == diagnosis
        elif r.verdict == "valid":
            false_valid += 1
        elif r.verdict == "invalid":
            false_invalid += 1
    times = [r.ms for r in results]
    return Tally(
        claims=len(results),
        correct=correct,
        false_valid=false_valid,
        false_invalid=false_invalid,
        undecided=sum(r.verdict == "undecided" for r in results),
        timeouts=sum(r.timeout for r in results),
        unparseable=sum(r.verdict == "unparseable" for r in results),
        errors=sum(r.verdict == "error" for r in results),
        median_ms=statistics.median(times) if times else 0.0,
        p90_ms=percentile(times, 90),
        diagnosis_hits=hits,
        diagnosis_given=given,
    )
