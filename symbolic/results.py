"""What a check returns: verdicts, counterexamples, per-link and per-document results.

These dataclasses are the contract between the checking engine and everything that
shows its answers (terminal, JSON, Markdown, HTML, pytest). They hold plain data only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from symbolic.verdicts import SEVERITY, Method, StepKind, Verdict


@dataclass(frozen=True)
class Counterexample:
    """A point where both sides are finite and differ, confirmed at high precision."""

    point: dict[str, str]       # name (as LaTeX) -> value, as exact text ("1/2", "-1")
    lhs_value: str
    rhs_value: str
    reproduce: str = ""         # one line a user can paste to see it again

    def describe(self) -> str:
        at = ", ".join(f"{k} = {v}" for k, v in self.point.items()) or "every point"
        return f"at {at}: left side = {self.lhs_value}, right side = {self.rhs_value}"


@dataclass(frozen=True)
class LinkResult:
    """The verdict on one link `lhs REL rhs` of a relation chain."""

    lhs: str                    # LaTeX as written
    rhs: str
    relation: str               # "=", "\\approx", "\\Rightarrow", ...
    verdict: Verdict
    method: Method = Method.NONE
    message: str = ""           # one sentence for the user
    counterexample: Counterexample | None = None
    diagnosis: str | None = None        # "off by a factor of -1", "equals the transpose", ...
    diagnosis_kind: str | None = None   # "sign", "factor", "term", "transpose", ...
    reading: str = ""           # how the link was read, as LaTeX of the parsed sides
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ClaimResult:
    """The verdict on a claim: one relation chain `a = b = c`, one LinkResult per link."""

    source: str
    links: list[LinkResult]
    warnings: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        if not self.links:
            return Verdict.UNDECIDED
        return max((link.verdict for link in self.links), key=SEVERITY.__getitem__)

    def _first(self, verdict: Verdict) -> LinkResult | None:
        return next((link for link in self.links if link.verdict == verdict), None)

    @property
    def deciding_link(self) -> LinkResult | None:
        return self._first(self.verdict)

    @property
    def method(self) -> Method:
        link = self.deciding_link
        return link.method if link else Method.NONE

    @property
    def counterexample(self) -> Counterexample | None:
        link = self.deciding_link
        return link.counterexample if link else None

    @property
    def diagnosis(self) -> str | None:
        link = self.deciding_link
        return link.diagnosis if link else None

    @property
    def message(self) -> str:
        link = self.deciding_link
        return link.message if link else "nothing to check"

    def _repr_html_(self) -> str:
        from symbolic.display import claim_html
        return claim_html(self)

    def _repr_latex_(self) -> str:
        from symbolic.display import claim_latex
        return claim_latex(self)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "verdict": str(self.verdict),
            "links": [link.to_dict() for link in self.links],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class StepResult:
    """One relation chain of a document, with where it stands in the source."""

    line: int                  # 1-based line of the source where the chain starts
    source: str                # the chain's LaTeX, as written
    kind: StepKind
    claim: ClaimResult
    derivation: int = 0        # which derivation (math block run) of the document it is in
    first_invalid: bool = False  # the first invalid step of its derivation
    cell: int | None = None    # a notebook's cell (1-based) holding it; `line` is then its line

    @property
    def position(self) -> str:
        """Where the step stands, in words: `line 12`, or `cell 3, line 2` in a notebook."""
        return f"line {self.line}" if self.cell is None else f"cell {self.cell}, line {self.line}"

    @property
    def verdict(self) -> Verdict:
        return self.claim.verdict

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "cell": self.cell,
            "source": self.source,
            "kind": str(self.kind),
            "derivation": self.derivation,
            "first_invalid": self.first_invalid,
            **{k: v for k, v in self.claim.to_dict().items() if k != "source"},
        }


@dataclass(frozen=True)
class DocumentResult:
    """Every step of one document, in order."""

    path: str | None
    title: str
    steps: list[StepResult]
    warnings: list[str] = field(default_factory=list)
    # text that could not be read at all (front matter, an unclosed `$$`): the document
    # cannot be valid, and the report says where
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many checked links came out each way, over the whole document.

        A definition, binding or update's first link (method "definition") is no verdict
        and is not counted.
        """
        tally = {str(v): 0 for v in Verdict}
        for step in self.steps:
            for link in step.claim.links:
                if link.method != Method.DEFINITION:
                    tally[str(link.verdict)] += 1
        return tally

    @property
    def verdict(self) -> Verdict:
        """The worst step's verdict; unparseable when some text could not be read, and
        undecided when nothing was checked (a document is never valid for saying nothing)."""
        verdicts = [step.verdict for step in self.steps]
        if self.errors:
            verdicts.append(Verdict.UNPARSEABLE)
        if not any(link.method != Method.DEFINITION for step in self.steps
                   for link in step.claim.links):
            verdicts.append(Verdict.UNDECIDED)     # nothing checkable
        return max(verdicts, key=SEVERITY.__getitem__)

    def _repr_html_(self) -> str:
        from symbolic.display import document_html
        return document_html(self)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "verdict": str(self.verdict),
            "counts": self.counts(),
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "steps": [step.to_dict() for step in self.steps],
        }
