"""Reading ML notation: LaTeX -> tree -> SymPy.

`split_chain` cuts a relation chain into sides; `parse_side` reads one side into a tree
(`symbolic.notation.ast`); `symbolic.notation.resolve` decides every reading of the tree
against a snapshot of the context; `symbolic.notation.build` gives the resolved tree meaning
for one instance of sizes and indices. Every spelling is in `symbolic.notation.vocabulary`.
"""

from __future__ import annotations

from functools import lru_cache

from symbolic.errors import NotationError
from symbolic.notation import ast
from symbolic.notation.chains import Chain, Side, split_chain
from symbolic.notation.lexer import tokenize
from symbolic.notation.parser import Parser, group_end
from symbolic.notation.vocabulary import (
    CLOSERS,
    CONDITIONAL_SEPARATORS,
    CONDITIONAL_SLOT,
    EXTREMA,
    LAYOUT,
    OPENERS,
    OPERATORS,
)


@lru_cache(maxsize=4096)
def parse_side(text: str) -> ast.Node:
    """Read one side of a relation into a tree; raises ParseError with a caret."""
    return Parser(text).parse()


@lru_cache(maxsize=1024)
def conditional_names(written: str) -> tuple[ast.Name, ...]:
    """The names a conditional probability's written form holds, head and parameters:
    `P_{\\theta}(z \\mid w_1 x + b)` -> P, θ, z, w_1, x, b. A piece that cannot be read
    (a slot) is left out."""
    tokens = [t for t in tokenize(written) if t.kind != "end"]
    opening = next((k for k, t in enumerate(tokens) if t.text == "("), None)
    if opening is None:
        return ()
    pieces: list[list] = [tokens[:opening], []]
    depth = 0
    for tok in tokens[opening + 1:]:
        depth += (tok.text in OPENERS) - (tok.text in CLOSERS)
        if depth < 0:
            break
        if depth == 0 and tok.text in CONDITIONAL_SEPARATORS:
            pieces.append([])
        else:
            pieces[-1].append(tok)
    names: list[ast.Name] = []
    for piece in pieces:
        try:
            # a slot (`y_{\\cdot}`, one quantity per index) read as an index of its own
            text = " ".join("k" if t.text == CONDITIONAL_SLOT else t.text for t in piece)
            tree = parse_side(text) if piece else None
        except NotationError:
            continue
        names += [n for n in ast.walk(tree) if isinstance(n, ast.Name)] if tree else []
    return tuple(names)


def objective(text: str) -> str | None:
    """`\\min_{\\mathbf{x}} f(\\mathbf{x})`, `\\max f(x)`: the text an optimum's operator
    is written before (from `f` on), or None when the text does not open with one."""
    try:
        tokens = [t for t in tokenize(text) if t.text not in LAYOUT]
    except NotationError:
        return None
    if OPERATORS.get(tokens[0].text) not in EXTREMA:
        return None
    k = 1
    if tokens[k].text == "_":            # the variable under it: one token, or a group
        end = group_end(tokens, k + 1) if tokens[k + 1].text == "{" else k + 1
        if end is None:
            return None
        k = end + 1
    if k >= len(tokens) or tokens[k].kind == "end":
        return None
    return text[tokens[k].pos:].strip()


__all__ = ["Chain", "Side", "ast", "conditional_names", "objective", "parse_side", "split_chain"]
