r"""The line to paste that shows a counterexample again: a `symbolic.check_claim(...)` call.

    >>> from symbolic.context import Context
    >>> context = Context.from_given([r"f = \sigma(z)"])
    >>> print(check_claim_call("f", "=", "2 f", context, {"z": "1"}))
    symbolic.check_claim("f = 2 f", given=[r"f = \sigma(z)"], values={"z": "1"})

The call holds everything the link was checked with: the definitions in force (the
front matter's and the document's own, in order), shapes, conventions, the values bound
so far, and the point, so that it gives the same verdict in a fresh Python session.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["check_claim_call", "python_string"]


def python_string(text: str) -> str:
    """`text` as a Python literal that pastes cleanly: a raw string where one can be."""
    if "\\" not in text:
        return json.dumps(text, ensure_ascii=False)
    raw_safe = '"' not in text and "\n" not in text and not text.endswith("\\")
    return f'r"{text}"' if raw_safe else repr(text)


def _value_text(value: Any) -> str:
    return json.dumps(str(value))   # an exact number as text: "1/2", "-3"


def check_claim_call(lhs: str, relation: str, rhs: str, context: Any,
                     point: Mapping[str, str]) -> str:
    """A `symbolic.check_claim(...)` call that checks `lhs relation rhs` at `point`.

    Args:
        lhs, relation, rhs: the link as written.
        context: the `symbolic.context.Context` it was checked in.
        point: name (LaTeX) -> exact value as text, the counterexample's point.
    """
    claim = f"{lhs} {relation} {rhs}"
    arguments = [python_string(claim)]
    given = [f.source for f in context.functions.values() if f.source]
    given += [d.source for d in context.definitions if d.source]
    if given:
        arguments.append("given=[" + ", ".join(python_string(g) for g in given) + "]")
    if context.shapes:
        shapes = ", ".join(f"{python_string(name)}: {list(dims)!r}"
                           for name, dims in context.shapes.items())
        arguments.append(f"shapes={{{shapes}}}")
    if context.conventions:
        arguments.append(f"conventions={context.conventions!r}")
    values = {**{name: str(value) for name, value in context.values.items()}, **point}
    if values:
        pairs = ", ".join(f"{python_string(name)}: {_value_text(value)}"
                          for name, value in values.items())
        arguments.append(f"values={{{pairs}}}")
    return f"symbolic.check_claim({', '.join(arguments)})"
