"""derivcheck: check gradient derivations written in machine-learning notation.

The public API is listed in ``__all__``; every other module is an implementation detail.
"""

from symbolic.checker import check_document
from symbolic.claims import check_claim
from symbolic.errors import DerivcheckError, ParseError, ShapeError
from symbolic.results import (
    ClaimResult,
    Counterexample,
    DocumentResult,
    LinkResult,
    Method,
    StepResult,
    Verdict,
)

__all__ = [
    "ClaimResult",
    "Counterexample",
    "DerivcheckError",
    "DocumentResult",
    "LinkResult",
    "Method",
    "ParseError",
    "ShapeError",
    "check_claim",
    "check_document",
    "StepResult",
    "Verdict",
]
