"""The tree a LaTeX side is read into, before any meaning is given to it.

Parsing builds this tree from tokens alone; `symbolic.notation.build` gives it meaning
(SymPy) with the context's help: whether `f(x)` is a call or a product, whether `u v`
is a matrix or an element-wise product.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Node:
    pos: int


# fields that never hold a node a walk should visit (an expectation's `law` is read apart)
NOT_NODES = frozenset({"pos", "bold", "unwritten", "plain", "draw", "law"})


@functools.cache
def child_fields(kind: type) -> tuple[str, ...]:
    """A node class's fields that may hold nodes (all but the position), in order: asked
    once per class, as every walk of every tree asks it."""
    return tuple(item.name for item in dataclasses.fields(kind) if item.name not in NOT_NODES)


def children(node: Node) -> list[Node]:
    """The nodes directly below `node`, in field order (nested tuples included)."""
    out: list[Node] = []
    for name in child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, Node):
            out.append(value)
        elif isinstance(value, tuple) and value:
            _collect(value, out)
    return out


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def _collect(values: tuple, out: list[Node]) -> None:
    for value in values:
        if isinstance(value, Node):
            out.append(value)
        elif isinstance(value, tuple):
            _collect(value, out)


@dataclass(frozen=True)
class Num(Node):
    text: str           # "0.798", "3"
    pos: int = 0


@dataclass(frozen=True)
class Name(Node):
    """A symbol with its decorations: `\\hat{y}^{(i)}_{k}` is base `\\hat{y}`, sup (i), sub (k)."""

    base: str                       # canonical LaTeX of the base: "w", "\\hat{y}", "\\theta"
    sub: tuple[Node, ...] = ()      # index expressions from the subscript
    sup: tuple[Node, ...] = ()      # index expressions from a parenthesised superscript
    suffix: str = ""                # a label subscript that is part of the name: L_{CE}
    primes: int = 0
    pos: int = 0
    # set in bold (\mathbf{w}): the same quantity as w, and typeset as a vector or matrix,
    # which tells `w \cdot x` between two of them from a product of numbers
    bold: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class BinOp(Node):
    op: str   # "+", "-", "*", "juxt" (implicit), "/", "odot", "cdot", "times", "apply"
    left: Node
    right: Node
    pos: int = 0


@dataclass(frozen=True)
class Neg(Node):
    operand: Node
    pos: int = 0


@dataclass(frozen=True)
class Power(Node):
    base: Node
    exponent: Node
    pos: int = 0


@dataclass(frozen=True)
class Transpose(Node):
    operand: Node
    pos: int = 0
    prime: bool = False     # written with a prime, (Xw)': a transpose, or a derivative


class Callee(StrEnum):
    """What a call applies, as the resolve pass decided it (unset straight from the parser)."""

    UNRESOLVED = ""
    KNOWN = "known"            # a function of `symbolic.functions`: σ, softplus, tanh, …
    OPERATOR = "operator"      # log, max, min, det, tr, diag: read by the builder itself
    DEFINED = "defined"        # a function the context defines with parameters: g(u) = …
    ARBITRARY = "arbitrary"    # any differentiable function: f(x) with f undefined


@dataclass(frozen=True)
class Call(Node):
    """`f(args)` or an operator such as `\\log x`. `name` is the function as written."""

    name: str
    args: tuple[Node, ...]
    index: Node | None = None       # \operatorname{softmax}(z)_j
    primes: int = 0                 # \sigma'(z)
    power: Node | None = None       # \log^2 x
    parens: bool = True             # whether the arguments were in parentheses
    pos: int = 0
    callee: Callee = Callee.UNRESOLVED


@dataclass(frozen=True)
class Partial(Node):
    """∂A/∂B: `numerator` is None for the operator form applied to `operand`."""

    numerator: Node | None
    wrt: Node
    operand: Node | None = None
    order: int = 1
    pos: int = 0


@dataclass(frozen=True)
class Differential(Node):
    """`d x`, `\\mathrm{d}X`, `d(x^T A x)`: the differential of what follows the d."""

    operand: Node
    pos: int = 0


@dataclass(frozen=True)
class SumOver(Node):
    index: str | None       # summation variable, None when not written (\sum y_k)
    lower: Node | None
    upper: Node | None
    body: Node
    product: bool = False   # \prod
    pos: int = 0
    exclude: Node | None = None     # \sum_{j \neq k}: the index value left out
    # not a sum but the vector of its terms: "list" for `[x_1, x_2, \dots, x_n]` (a list
    # in brackets, whose orientation is not written), "column" or "row" for a bmatrix's
    stacked: str = ""
    # the index was not written; the side's letters told it (no part of the notation's
    # identity: `\sum y_k` read so equals `\sum_k y_k`)
    unwritten: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Norm(Node):
    operand: Node
    pos: int = 0
    order: str = ""     # as written: "2" in \|v\|_2, "F" in \|A\|_F, "" when bare


@dataclass(frozen=True)
class Abs(Node):
    operand: Node
    pos: int = 0


@dataclass(frozen=True)
class Expectation(Node):
    """`\\mathbb{E}_{P}[body]`: the expectation of `body` under the distribution its
    subscript names (`over`, the subscript's text; "" when none is written)."""

    body: Node
    over: str = ""
    pos: int = 0
    plain: bool = field(default=False, compare=False)     # E[…] in plain letters
    # `x \sim p_\theta(x)`: the letter drawn ("" when the subscript draws none) and what
    # from, parsed (None when it does not read); both only a reading of `over`
    draw: str = field(default="", compare=False)
    law: Node | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Indicator(Node):
    """`\\mathbb{1}[lhs > rhs]`."""

    lhs: Node
    relation: str
    rhs: Node
    pos: int = 0


@dataclass(frozen=True)
class Cases(Node):
    """`\\begin{cases} z & z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}`: (value, conditions)
    per branch, in order; a branch with no conditions holds wherever none before it does."""

    branches: tuple[tuple[Node, tuple[Indicator, ...]], ...]
    pos: int = 0


@dataclass(frozen=True)
class At(Node):
    """`\\left.\\frac{d}{dx} f\\right|_{x = 1}`: an expression evaluated at a point."""

    expr: Node
    names: tuple[Node, ...]
    values: tuple[Node, ...]
    pos: int = 0


@dataclass(frozen=True)
class Annotated(Node):
    """`\\underbrace{expr}_{value}`: a side value with a stated numeric sub-result."""

    expr: Node
    note: Node | None
    pos: int = 0


@dataclass(frozen=True)
class MatrixLiteral(Node):
    rows: tuple[tuple[Node, ...], ...]
    pos: int = 0
    listed: bool = False    # `[a, b]`: a list in brackets, whose orientation is not written


@dataclass(frozen=True)
class Group(Node):
    """Parentheses kept, so `f(1-f)` can be told from a call after the fact."""

    inner: Node
    pos: int = 0


@dataclass(frozen=True)
class Unread(Node):
    """What stands for a definition's body that could not be read: building it fails with
    the reason, so what depends on it is undecided."""

    reason: str
    pos: int = 0


@dataclass
class Notes:
    """What the parser noticed while reading, for the 'read as' report."""

    items: list[str] = field(default_factory=list)
