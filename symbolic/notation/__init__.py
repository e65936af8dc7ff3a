"""Reading ML notation: LaTeX -> tree -> SymPy.

`split_chain` cuts a relation chain into sides; `parse_side` reads one side into a tree
(`symbolic.notation.ast`); `symbolic.notation.build` gives the tree meaning for one
instance of sizes and indices, with the context's help.
"""

from __future__ import annotations

from functools import lru_cache

from symbolic.notation import ast
from symbolic.notation.chains import Chain, Side, split_chain
from symbolic.notation.parser import Parser


@lru_cache(maxsize=4096)
def parse_side(text: str) -> ast.Node:
    """Read one side of a relation into a tree; raises ParseError with a caret."""
    return Parser(text).parse()


def parse_expression(latex: str, conventions: dict | None = None):
    """Read a LaTeX expression into SymPy, with no context: `parse_expression("x^2")`."""
    from symbolic.context import Context

    return Context(conventions=conventions or {}).read(latex)


__all__ = ["Chain", "Side", "ast", "parse_expression", "parse_side", "split_chain"]
