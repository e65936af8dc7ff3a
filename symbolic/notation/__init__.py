"""Reading ML notation: LaTeX -> tree -> SymPy.

`split_chain` cuts a relation chain into sides; `parse_side` reads one side into a tree
(`symbolic.notation.ast`); `symbolic.notation.resolve` decides every reading of the tree
against a snapshot of the context; `symbolic.notation.build` gives the resolved tree meaning
for one instance of sizes and indices. Every spelling is in `symbolic.notation.vocabulary`.
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


__all__ = ["Chain", "Side", "ast", "parse_side", "split_chain"]
