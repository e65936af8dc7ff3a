"""The words of a verdict: how a link came out, how that was decided, what a step does.

Plain enums with no dependencies, so that everything that shows results can name them
without importing the results themselves.
"""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """How one link of a claim came out; a str, so `r.verdict == "valid"` works."""

    VALID = "valid"
    INVALID = "invalid"
    UNDECIDED = "undecided"
    UNPARSEABLE = "unparseable"


# Worst first: the verdict of a chain is its worst link's.
SEVERITY = {Verdict.INVALID: 3, Verdict.UNPARSEABLE: 2, Verdict.UNDECIDED: 1, Verdict.VALID: 0}


class Method(StrEnum):
    """How a verdict was reached."""

    PROVED = "proved"          # the difference simplified to zero
    SAMPLED = "sampled"        # agreement at many random points of the domains
    NUMERIC = "numeric"        # a numeric claim checked against its printed precision
    COUNTEREXAMPLE = "counterexample"  # a point where the sides differ, confirmed
    DEFINITION = "definition"  # the link defines a new name; nothing to check
    NONE = "none"              # nothing could be decided
    # undecided because a safety net stopped the check (never a work limit: those are NONE)
    TIMEOUT = "timeout"        # the wall-clock safety net fired
    MEMORY = "memory"          # the check needed more than the memory cap
    CRASH = "crash"            # the worker process checking it died


class StepKind(StrEnum):
    """What a relation chain in a document does."""

    CLAIM = "claim"            # every link is checked
    DEFINITION = "definition"  # first side is a bare new name: defines it, rest is checked
    BINDING = "binding"        # `w_0 = 0.5`: binds a value for the worked example
    UPDATE = "update"          # `w_0 = w_0 - \alpha g = ...`: reads the old value, binds the new
