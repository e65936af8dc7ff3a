"""Deterministic work limits: what decides when a check gives up, instead of the clock.

A verdict must depend only on the input and the settings, never on machine load. Every
limit here counts work (terms, entries, definitions, digits), so the same input hits it on
every run and every machine; the message says which limit and how to stay under it.
The wall clock (`symbolic.budget`, the worker's hard kill in `symbolic.isolation`) is only
a safety net behind these, and says so when it fires.
"""

from __future__ import annotations

import sympy

from symbolic.errors import WorkLimitExceeded

# entries of one declared vector or matrix (`shapes: {W: [100, 100]}` is 10,000)
MAX_MATRIX_ENTRIES = 10_000
# terms a sum written with bounds expands to (`\sum_{i=1}^{64}\sum_{j=1}^{64}` is 4,096)
MAX_SUM_TERMS = 5_000
# rows of a symbolic matrix whose determinant or inverse is taken (cofactor growth)
MAX_SYMBOLIC_DETERMINANT = 6
# definitions followed from one name before the chain is called too long
MAX_DEFINITION_CHAIN = 100
# operations (sympy.count_ops) in the difference a symbolic proof is attempted on
MAX_PROOF_OPS = 400
# operations in a difference of numbers (no symbols) a proof is attempted on: beyond them,
# cancelling nested e^{1/20} takes minutes where evaluating takes a moment
MAX_NUMBER_PROOF_OPS = 40
MAX_PROOF_DENOMINATORS = 16   # terms of a common denominator a proof may build; else sampling
# operations after expansion; a proof that would expand further is not attempted
MAX_EXPANDED_OPS = 2_000
# bits of an exact integer power evaluated (2^4096 is about 1,233 digits)
MAX_POWER_BITS = 4096


def power_bits(base: sympy.Expr, exponent: sympy.Expr) -> float:
    """About how many bits `base ** exponent` needs exactly; inf when it cannot be told.

        >>> power_bits(sympy.Integer(2), sympy.Integer(10))
        10.0
    """
    try:
        if base in (0, 1, -1):
            return 0.0                      # 0, 1 and ±1 to any power are small
        magnitude = abs(float(exponent))
        log_base = abs(float(sympy.log(abs(base), 2)))
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return float("inf")
    return magnitude * max(1.0, log_base)


class HugePower(sympy.Function):
    """`base^exponent` of two numbers whose exact value is too large to compute (10^{10^{10}}).

    A plain SymPy power would be evaluated by the first product it enters; this one stays
    as written, prints as a power, and the comparison engine replaces it by a stand-in.
    """

    nargs = 2

    @classmethod
    def eval(cls, base, exponent):
        return None

    def _eval_evalf(self, prec):
        return None      # never computed: that is what would take hours

    def _latex(self, printer, exp=None):
        base, exponent = (printer._print(a) for a in self.args)
        text = f"{{{base}}}^{{{exponent}}}"
        return f"\\left({text}\\right)^{{{exp}}}" if exp else text


def require_entries(name: str, rows: int, cols: int) -> None:
    """Refuse a declared shape with more entries than MAX_MATRIX_ENTRIES."""
    if rows * cols > MAX_MATRIX_ENTRIES:
        raise WorkLimitExceeded(
            f"the shape of {name} is {rows}×{cols}: {rows * cols:,} entries, more than the "
            f"{MAX_MATRIX_ENTRIES:,} derivcheck expands; use symbolic sizes such as "
            "[D_x, D_h], which are checked at small sizes")


def require_sum_terms(terms: int) -> None:
    """Refuse a written-out sum with more than MAX_SUM_TERMS terms."""
    if terms > MAX_SUM_TERMS:
        raise WorkLimitExceeded(
            f"the sums here expand to {terms:,} terms, more than the {MAX_SUM_TERMS:,} "
            "derivcheck writes out; write the bounds as names (\\sum_{i=1}^{n}), which are "
            "checked at small sizes")


def require_definition_chain(length: int) -> None:
    """Refuse a chain of definitions longer than MAX_DEFINITION_CHAIN."""
    if length > MAX_DEFINITION_CHAIN:
        raise WorkLimitExceeded(
            f"following the definitions here takes more than {MAX_DEFINITION_CHAIN} steps "
            "(a chain of definitions that long, or one that refers to itself); check the "
            "derivation in shorter parts")


def require_determinant_size(rows: int, what: str = "determinant") -> None:
    """Refuse the determinant or inverse of a symbolic matrix larger than the limit."""
    if rows > MAX_SYMBOLIC_DETERMINANT:
        raise WorkLimitExceeded(
            f"the {what} of a {rows}×{rows} symbolic matrix is too large to write out "
            f"(derivcheck does up to {MAX_SYMBOLIC_DETERMINANT}×{MAX_SYMBOLIC_DETERMINANT})")
