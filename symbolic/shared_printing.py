"""Printing each distinct subexpression once per process.

An expanded network repeats its layers in every entry, and the links of a document repeat
its definitions: a SymPy printer that keeps the text of each subexpression it printed (with
no arguments) prints each once. `compare` seeds its samples from such `srepr` text, and a
report's readings are such LaTeX.
"""

from __future__ import annotations

import sympy

PRINTED_KEPT = 20_000     # subexpressions whose text is kept per process, per printer


class SharedPrinting:
    """A mixin for a SymPy printer class whose `_print` of an expression is the same
    wherever the expression stands; each class using it sets its own `printed = {}`.

    >>> from sympy.printing.repr import ReprPrinter
    >>> class SharedRepr(SharedPrinting, ReprPrinter):
    ...     printed = {}
    >>> SharedRepr().doprint(sympy.Symbol("x") + 1)
    "Add(Symbol('x'), Integer(1))"
    """

    printed: dict

    def shared_key(self, expr: sympy.Basic):
        """What the kept text is kept under (None: print it each time)."""
        return expr

    def _print(self, expr, **kwargs) -> str:
        key = None if kwargs or not isinstance(expr, sympy.Basic) else self.shared_key(expr)
        if key is None:
            return super()._print(expr, **kwargs)
        text = self.printed.get(key)
        if text is None:
            if len(self.printed) >= PRINTED_KEPT:
                self.printed.clear()
            text = self.printed[key] = super()._print(expr)
        return text
