"""Small edits of a parsed side: the trees a diagnosis tries in place of what was written.

A tree is immutable; every edit returns a new tree. A *path* names one node: the field
names and positions walked from the root (`(("right", None), ("args", 0))`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from symbolic.notation import ast as A

Path = tuple[tuple[str, int | None], ...]


def subtrees(node: A.Node, path: Path = ()) -> Iterator[tuple[Path, A.Node]]:
    """Every node of the tree with its path, parents before children."""
    yield path, node
    for name in A.child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, A.Node):
            yield from subtrees(value, (*path, (name, None)))
        elif isinstance(value, tuple):
            for k, item in enumerate(value):
                if isinstance(item, A.Node):
                    yield from subtrees(item, (*path, (name, k)))


def replace_at(node: A.Node, path: Path, new: A.Node) -> A.Node:
    """The tree with the node at `path` replaced by `new`."""
    if not path:
        return new
    (name, k), rest = path[0], path[1:]
    value = getattr(node, name)
    if k is None:
        return dataclasses.replace(node, **{name: replace_at(value, rest, new)})
    items = list(value)
    items[k] = replace_at(items[k], rest, new)
    return dataclasses.replace(node, **{name: tuple(items)})


def without_positions(node: A.Node) -> A.Node:
    """The same tree with every source position set to 0, so equal notation compares equal."""
    changes = {"pos": 0}
    for name in A.child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, A.Node):
            changes[name] = without_positions(value)
        elif isinstance(value, tuple):
            changes[name] = tuple(without_positions(v) if isinstance(v, A.Node) else v
                                  for v in value)
    return dataclasses.replace(node, **changes)


def replace_all(node: A.Node, old: A.Node, new: A.Node) -> A.Node:
    """Every occurrence of `old` (positions ignored) replaced by `new`."""
    old = without_positions(old)
    out = node
    for path, sub in reversed(list(subtrees(node))):
        if without_positions(sub) == old:
            out = replace_at(out, path, new)
    return out


def swap(node: A.Node, first: A.Node, second: A.Node,
         where: Callable[[Path], bool] | None = None) -> A.Node:
    """`first` and `second` exchanged everywhere (positions ignored), or where `where` says."""
    a, b = without_positions(first), without_positions(second)
    out = node
    for path, sub in reversed(list(subtrees(node))):
        if where is not None and not where(path):
            continue
        plain = without_positions(sub)
        if plain == a:
            out = replace_at(out, path, b)
        elif plain == b:
            out = replace_at(out, path, a)
    return out


def inside_call(path: Path) -> bool:
    """Whether a path runs through a function's arguments: the z of `\\sigma(z)`."""
    return any(name == "args" for name, _ in path)


def to_latex(node: A.Node) -> str:
    """LaTeX for a (small) tree, for messages: `w_{2}`, `\\sigma'(z)`, `-0.3`."""
    match node:
        case A.Num(text=text):
            return text
        case A.Name():
            return _name_latex(node)
        case A.Annotated(expr=expr):
            return to_latex(expr)
        case A.At(expr=expr, names=names, values=values):
            point = ", ".join(f"{to_latex(n)} = {to_latex(v)}" for n, v in zip(names, values,
                                                                             strict=True))
            return f"{to_latex(expr)}\\big|_{{{point}}}"
        case A.Group(inner=inner):
            return f"({to_latex(inner)})"
        case A.Expectation(body=body, over=over):
            under = f"_{{{over}}}" if over else ""
            return f"\\mathbb{{E}}{under}[{to_latex(body)}]"
        case A.Neg(operand=operand):
            return f"-{to_latex(operand)}"
        case A.Power(base=base, exponent=exponent):
            return f"{to_latex(base)}^{{{to_latex(exponent)}}}"
        case A.Transpose(operand=operand):
            return f"{to_latex(operand)}^\\top"
        case A.Differential(operand=operand):
            return f"\\mathrm{{d}}{to_latex(operand)}"
        case A.Call(name=name, args=args, primes=primes, power=power):
            inner = ", ".join(to_latex(a) for a in args)
            head = name if name.startswith("\\") else f"\\operatorname{{{name}}}"
            shown_power = "" if power is None else f"^{{{to_latex(power)}}}"
            return f"{head}{chr(39) * primes}{shown_power}({inner})"
        case A.Partial(numerator=numerator, wrt=wrt, operand=operand, order=order):
            top = "\\partial" + (f"^{{{order}}}" if order > 1 else "")
            bottom = f"\\partial {to_latex(wrt)}" + (f"^{{{order}}}" if order > 1 else "")
            if numerator is not None:
                return f"\\frac{{{top} {to_latex(numerator)}}}{{{bottom}}}"
            return f"\\frac{{{top}}}{{{bottom}}} {to_latex(operand)}"
        case A.BinOp(op=op, left=left, right=right):
            if op == "/":
                return f"\\frac{{{to_latex(_bare(left))}}}{{{to_latex(_bare(right))}}}"
            joiner = {"+": " + ", "-": " - ", "juxt": " ", "apply": "", "*": " ",
                      "odot": " \\odot ", "cdot": " \\cdot ", "times": " \\times ",
                      "oslash": " \\oslash "}.get(op, " ")
            return f"{to_latex(left)}{joiner}{to_latex(right)}"
    return "…"


def _name_latex(node: A.Name) -> str:
    text = node.base + "'" * node.primes
    if node.sup:
        text += "^{(" + ",".join(to_latex(s) for s in node.sup) + ")}"
    parts = [to_latex(s) for s in node.sub] + ([node.suffix] if node.suffix else [])
    if parts:
        text += "_{" + ",".join(parts) + "}"
    return text


def _bare(node: A.Node) -> A.Node:
    return node.inner if isinstance(node, A.Group) else node
