"""How names are spelled inside derivcheck: one canonical LaTeX string per symbol."""

from __future__ import annotations

import re

import sympy

from symbolic.notation.vocabulary import GREEK


class Var(sympy.Symbol):
    """A real quantity named by its canonical LaTeX (`w^{(2)}_{1,1}`, `\\hat{y}_{3}`)."""

    def __new__(cls, name: str, **assumptions):
        assumptions.setdefault("real", True)
        return super().__new__(cls, name, **assumptions)

    def _latex(self, printer=None) -> str:
        return self.name


def canonical(base: str, sup: tuple = (), sub: tuple = (), suffix: str = "",
              primes: int = 0) -> str:
    """`canonical("w", (2,), (1, 1))` -> `w^{(2)}_{1,1}`."""
    text = base + "'" * primes
    if sup:
        text += "^{(" + ",".join(str(s) for s in sup) + ")}"
    parts = [str(s) for s in sub]
    if suffix:
        parts.append(suffix)
    if parts:
        text += "_{" + ",".join(parts) + "}"
    return text


def spelled_greek(name: str) -> str:
    """A Greek letter spelled as YAML lets one write it, `Sigma`, `mu_k`, `Lambda^{(l)}`:
    the letter itself, `\\Sigma`, `\\mu_k`, `\\Lambda^{(l)}`. Any other name as it is."""
    match = re.match(r"([A-Za-z]+)(?=$|[_^{])", name)
    return "\\" + name if match and match.group(1) in GREEK else name


def var(base: str, sup: tuple = (), sub: tuple = (), suffix: str = "", primes: int = 0) -> Var:
    return Var(canonical(base, sup, sub, suffix, primes))


def base_of(symbol: sympy.Symbol) -> str:
    """The base of a canonical name: `w^{(2)}_{1,1}` -> `w^{(2)}`; used to group vectors."""
    name = symbol.name
    cut = name.rfind("_{")
    return name[:cut] if cut > 0 and name.endswith("}") else name


def subscript_of(symbol: sympy.Symbol) -> str:
    """The last subscript of a canonical name, as written: `out_{o1}` -> `o1`, `a_{1,2}`
    -> `1,2`; "" for a name with none."""
    base = base_of(symbol)
    return "" if base == symbol.name else symbol.name[len(base) + 2:-1]


_LAYERED = re.compile(r"^(.+?)\^\{\(([^()]*)\)\}")      # z^{(2)}_{1}: z, layer 2


def layer_of(name: str) -> tuple[str, str] | None:
    """The inverse of `canonical` for a layer: `z^{(r-1)}_{2}` -> ("z", "r-1"); None when
    the name has no layer."""
    found = _LAYERED.match(name)
    return (found.group(1), found.group(2)) if found else None


def family_of(name: str) -> str:
    """A canonical name without its indices: `x^{(2)}_{1}` -> `x`."""
    return re.split(r"\^\{\(|_\{", name, maxsplit=1)[0]
