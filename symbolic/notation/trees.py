"""Walking and comparing parsed trees: what every stage needs of a tree, written once."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from symbolic.errors import MeaningError
from symbolic.notation import ast as A
from symbolic.notation.names import canonical
from symbolic.notation.vocabulary import COMPOSITE, GREEK, INDEX_LETTERS, VARIATION, WORD_FONT

children = A.children     # the nodes directly below a node (see `ast.children`)
walk = A.walk             # every node of a tree, parents first (see `ast.walk`)


def is_list(node: A.Node) -> bool:
    """A list in brackets, whose orientation is not written: `[0.2, 0.8]`, or with an
    elision, `[x_1, \\dots, x_n]`."""
    return isinstance(node, A.MatrixLiteral) and node.listed \
        or isinstance(node, A.SumOver) and node.stacked == "list"


def ungroup(node: A.Node) -> A.Node:
    """The node inside any parentheses: `((x))` is `x`."""
    while isinstance(node, A.Group):
        node = node.inner
    return node


def node_text(node: A.Node) -> str:
    """A tree as canonical text, positions ignored: for comparing what was written."""
    if isinstance(node, A.Num):
        return node.text
    if isinstance(node, A.Name):
        sup = tuple(node_text(s) for s in node.sup)
        sub = tuple(node_text(s) for s in node.sub)
        return canonical(node.base, sup, sub, node.suffix, node.primes)
    parts = [_value_text(getattr(node, name)) for name in A.child_fields(type(node))]
    return f"{type(node).__name__}[{';'.join(parts)}]"


def _value_text(value) -> str:
    if isinstance(value, A.Node):
        return node_text(value)
    if isinstance(value, tuple):
        return "(" + ",".join(_value_text(v) for v in value) + ")"
    return repr(value)


def substitute_names(node: A.Node, mapping: dict[A.Name, A.Node], where: str = "") -> A.Node:
    """Replace each parameter name by an argument in a tree; `y_j` of an argument `t` is `t_j`.

    A summation index that shadows a parameter is left alone inside its sum.
    """
    if isinstance(node, A.Name):
        return _substitute_name(node, mapping, where)
    if isinstance(node, A.SumOver) and node.index is not None:
        inner = {p: a for p, a in mapping.items() if p.base != node.index or p.sub or p.sup}
        body = substitute_names(node.body, inner, where)
        lower = substitute_names(node.lower, mapping, where) if node.lower is not None else None
        upper = substitute_names(node.upper, mapping, where) if node.upper is not None else None
        return dataclasses.replace(node, body=body, lower=lower, upper=upper)
    changes = {}
    for name in A.child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, A.Node | tuple) and value != ():
            changes[name] = _substitute_value(value, mapping, where)
    return dataclasses.replace(node, **changes) if changes else node


def _substitute_value(value, mapping: dict[A.Name, A.Node], where: str):
    if isinstance(value, A.Node):
        return substitute_names(value, mapping, where)
    if isinstance(value, tuple):
        return tuple(_substitute_value(v, mapping, where) for v in value)
    return value


def _substitute_name(name: A.Name, mapping: dict[A.Name, A.Node], where: str) -> A.Node:
    for parameter, argument in mapping.items():
        # sub- and superscripts compared as written (their positions in the text differ)
        if (name.base, _texts(name.sup), name.suffix, name.primes) != (
                parameter.base, _texts(parameter.sup), parameter.suffix, parameter.primes):
            continue
        if _texts(name.sub) == _texts(parameter.sub):
            return argument if isinstance(argument, A.Name) else A.Group(argument, name.pos)
        if parameter.sub:
            continue
        # an entry of the parameter, y_j: the same entry of the argument
        if isinstance(argument, A.Name) and not argument.sub:
            return dataclasses.replace(argument, sub=name.sub, pos=name.pos)
        raise MeaningError(f"cannot take entry {name.base}_{{…}} of the argument given for "
                           f"{parameter.base}", where, None,
                           "Pass a name (a vector) for a parameter the definition indexes.")
    return name


def _texts(scripts: tuple) -> tuple[str, ...]:
    return tuple(node_text(s) for s in scripts)


def name_key(name: A.Name) -> str:
    """The name as the context spells it: `w_{1,1}^{(2)}` -> `w^{(2)}_{1,1}`."""
    sup = tuple(_index_text(s) for s in name.sup)
    sub = tuple(_index_text(s) for s in name.sub)
    return canonical(name.base, sup, sub, name.suffix, name.primes)


def _index_text(node: A.Node):
    if isinstance(node, A.Num) and node.text.isdigit():
        return int(node.text)
    if isinstance(node, A.Name) and not node.sub and not node.sup:
        return node.base
    return node_text(node)


def call_arguments(group: A.Node) -> tuple[A.Node, ...]:
    """The arguments inside the parentheses of `f(a, b)`: `(a, b)`; of `f(a)`: `(a,)`; of
    `f(\\begin{pmatrix} a & b \\end{pmatrix})`, the one printed row."""
    inner = group.inner if isinstance(group, A.Group) else group
    if isinstance(inner, A.MatrixLiteral) and inner.listed and len(inner.rows) == 1 \
            and len(inner.rows[0]) > 1:
        return inner.rows[0]
    return (inner,)


def function_key(node: A.Node) -> str | None:
    """How a function is named in calls: `CE`, `g`, `Af_{2}` (a label index is part of it)."""
    if isinstance(node, A.Call):
        if node.index is None:
            return node.name
        return f"{node.name}_{{{node_text(node.index)}}}"
    if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name):
        name = node.left
        sub = tuple(node_text(s) for s in name.sub)
        return canonical(name.base, (), sub, name.suffix, 0)
    return None


def entry_family(name: A.Name, functions: Collection[str]) -> str | None:
    """`s_{j}` of `s(\\mathbf x)_j` when `s(\\mathbf x)_i = …` defined the function for every
    entry i: the key it was defined by (`s_{i}`); None when no one such key is defined."""
    if len(name.sub) != 1 or name.sup or name.primes:
        return None
    (index,) = name.sub
    if not (isinstance(index, A.Num) or isinstance(index, A.Name)
            and index.base in INDEX_LETTERS and not (index.sub or index.sup)):
        return None
    letters = sorted(INDEX_LETTERS) if not isinstance(index, A.Num) or index.text.isdigit() \
        else []
    found = [key for letter in letters
             if (key := canonical(name.base, (), (letter,), name.suffix, 0)) in functions]
    if not found and isinstance(index, A.Num):  # ℓ_{0.5} of `\ell_\alpha(y, \hat y) = …`
        found = [key for letter in sorted(GREEK) if (key := canonical(
            name.base, (), (f"\\{letter}",), name.suffix, 0)) in functions]
    return found[0] if len(found) == 1 else None


def function_signature(head: A.Node) -> tuple[str, tuple[A.Name, ...]] | None:
    """`g(u, v)` or `\\operatorname{CE}(y, \\hat{y})` on the left of `=`: (name, parameters)."""
    key = function_key(head)
    if key is None:
        return None
    if isinstance(head, A.Call):
        if head.primes or head.power is not None or not head.parens:
            return None
        parameters = head.args
    else:
        if head.left.primes or not isinstance(head.right, A.Group):
            return None
        parameters = call_arguments(head.right)
    # C(\Theta^L): a power cannot be a parameter, so its superscript is a layer index
    parameters = tuple(layered_name(p) for p in parameters)
    if not parameters or not all(isinstance(p, A.Name) for p in parameters):
        return None
    return key, tuple(parameters)


def variation_name(node: A.Node) -> A.Name | None:
    """`\\delta h^t` (δ, then a name, printed together): the name δh^t, the gradient some
    notes write with δ (`\\delta h^t = \\frac{\\partial E}{\\partial h^t}`); None for
    anything else (δ_j, δ^l are quantities of their own)."""
    if not (isinstance(node, A.BinOp) and node.op == "juxt"):
        return None
    delta, name = node.left, layered_name(node.right)
    if not (isinstance(delta, A.Name) and delta.base == VARIATION and not (
            delta.sub or delta.sup or delta.primes or delta.suffix)
            and isinstance(name, A.Name) and not name.base.startswith(VARIATION)):
        return None
    return dataclasses.replace(name, base=f"{VARIATION} {name.base}", pos=delta.pos)


def layered_name(node: A.Node) -> A.Node:
    """`Z^1`, `A^l` where a name is defined or given a shape: a power cannot be defined,
    so the superscript is a layer index (`Z^{(1)}`); any other node is returned as it is."""
    if isinstance(node, A.Power) and isinstance(node.base, A.Name) and not node.base.sup \
            and not node.base.primes and (
                isinstance(node.exponent, A.Num) and node.exponent.text.isdigit()
                or isinstance(node.exponent, A.Name) and not node.exponent.sub
                or letter_offset(node.exponent)):
        base = node.base
        return A.Name(base.base, base.sub, (node.exponent,), base.suffix, 0, base.pos)
    return node


def letter_offset(node: A.Node) -> bool:
    """`k+1`, `t-1`: a letter plus or minus a whole number, as a step's index is written."""
    return isinstance(node, A.BinOp) and node.op in ("+", "-") \
        and isinstance(node.left, A.Name) and not node.left.sub and not node.left.sup \
        and isinstance(node.right, A.Num) and node.right.text.isdigit()


def is_capital(name: A.Name) -> bool:
    """A capital letter, Latin or Greek (X, \\Sigma, \\Phi): how a matrix is named."""
    letters = name.base.removeprefix("\\")
    return letters[:1].isupper() and (len(letters) == 1 or letters in GREEK)


def size_bound(upper: A.Node | None) -> tuple[A.Name, int] | None:
    """The name a sum runs to and how far past it, `(n, 0)` of `\\sum_{i=1}^{n}`, `(N, -1)`
    of a zero-based `\\sum_{q=0}^{N-1}`; None when the bound is no bare name so offset."""
    offset = 0
    if isinstance(upper, A.BinOp) and upper.op == "-" and isinstance(upper.right, A.Num) \
            and upper.right.text.isdigit():
        upper, offset = upper.left, -int(upper.right.text)
    if isinstance(upper, A.Name) and not upper.sub and not upper.sup and not upper.primes:
        return upper, offset
    return None


def factors(node: A.Node) -> list[A.Node]:
    """The factors of a product written by juxtaposition, left to right: `2 N L L`."""
    if isinstance(node, A.BinOp) and node.op == "juxt":
        return factors(node.left) + factors(node.right)
    return [node]


def letter_word(run: list[A.Node]) -> A.Name | None:
    """`NLL`, `loss`: single letters printed side by side with no space between them, as one
    name `\\mathrm{NLL}` (a sub- or superscript on the last letter is the word's); None when
    the run is not such a word."""
    if len(run) < 2 or not all(
            isinstance(n, A.Name) and len(n.base) == 1 and n.base.isalpha() and n.base.isascii()
            and not n.primes and not n.suffix for n in run):
        return None
    if any(n.sub or n.sup for n in run[:-1]):
        return None
    if any(b.pos != a.pos + 1 for a, b in zip(run, run[1:], strict=False)):
        return None
    last = run[-1]
    return A.Name(WORD_FONT + "{" + "".join(n.base for n in run) + "}", last.sub, last.sup, "",
                  0, run[0].pos)


def composite_of(name: A.Name) -> str:
    """How the key of every `composite_name` that calls `name` starts (w of `w(t+1)`)."""
    call = node_text(A.BinOp("apply", name, A.Num("0")))
    return f"{COMPOSITE}{{{call[:call.rindex(';') + 1]}"


def composite_name(node: A.Node) -> A.Name | None:
    """`f(g(x))`: a call of a function at an expression (not at names), as the name of the
    quantity a `given` defines it to be; None for anything else."""
    if not (isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name)):
        return None
    if function_signature(node) is not None:
        return None
    return A.Name(COMPOSITE + "{" + node_text(node) + "}", pos=node.pos)
