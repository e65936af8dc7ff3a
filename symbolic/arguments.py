"""Checking the arguments of the public functions: a wrong one is named, with what it should be.

Each check raises `ArgumentTypeError` (a `TypeError`) or `ArgumentValueError` (a
`ValueError`), both `DerivcheckError`s, before any work starts.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping

from symbolic.errors import ArgumentTypeError, ArgumentValueError


def _type_name(value: object) -> str:
    return type(value).__name__


def claim_text(claim: object) -> str:
    """The claim: LaTeX text."""
    if not isinstance(claim, str):
        raise ArgumentTypeError(f"claim must be LaTeX text (a str) such as "
                                f"r\"\\frac{{d}}{{dx}} x^2 = 2x\", not a {_type_name(claim)}")
    return claim


def given_list(given: object) -> list[str]:
    """`given`: a list (or tuple) of LaTeX definitions."""
    if isinstance(given, str):
        raise ArgumentTypeError("given must be a list of LaTeX definitions, one per item, "
                                f"such as given=[{given!r}], not one string")
    if given is None:
        return []
    if not isinstance(given, (list, tuple)):
        raise ArgumentTypeError(f"given must be a list of LaTeX definitions such as "
                                f"[r\"z = w x + b\"], not a {_type_name(given)}")
    for k, entry in enumerate(given):
        if not isinstance(entry, str):
            raise ArgumentTypeError(f"given[{k}] must be LaTeX text such as r\"z = w x + b\", "
                                    f"not a {_type_name(entry)}")
    return list(given)


def shapes_mapping(shapes: object) -> dict:
    """`shapes`: name -> [rows, cols], each a positive int or a size's name."""
    if shapes is None:
        return {}
    if not isinstance(shapes, Mapping):
        raise ArgumentTypeError(f"shapes must be a dict such as {{\"x\": [1, \"D_x\"]}}, "
                                f"not a {_type_name(shapes)}")
    out = {}
    for name, dims in shapes.items():
        if not isinstance(name, str):
            raise ArgumentTypeError(f"each key of shapes must be a name (a str), not {name!r}")
        listed = [dims] if isinstance(dims, (int, str)) else dims
        if not isinstance(listed, (list, tuple)) or not 1 <= len(listed) <= 2 or not all(
                _is_dimension(d) for d in listed):
            raise ArgumentValueError(f"shapes[{name!r}] must be [rows, cols], each a positive "
                                     f"integer or a name such as \"D_x\", not {dims!r}")
        out[name] = list(listed)
    return out


def _is_dimension(value: object) -> bool:
    if isinstance(value, bool):
        return False
    return (isinstance(value, int) and value >= 1) or (isinstance(value, str)
                                                        and bool(value.strip()))


def conventions_mapping(conventions: object) -> dict:
    """`conventions`: a dict (unknown keys and values are warnings, never errors)."""
    if conventions is None:
        return {}
    if not isinstance(conventions, Mapping):
        raise ArgumentTypeError(f"conventions must be a dict such as {{\"log\": \"natural\"}}, "
                                f"not a {_type_name(conventions)}")
    return dict(conventions)


def values_mapping(values: object) -> dict:
    """`values`: name -> a finite number, or LaTeX text such as "\\frac{1}{2}"."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise ArgumentTypeError(f"values must be a dict such as {{\"w_0\": 0.5}}, "
                                f"not a {_type_name(values)}")
    for name, value in values.items():
        if not isinstance(name, str):
            raise ArgumentTypeError(f"each key of values must be a name (a str), not {name!r}")
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ArgumentTypeError(f"values[{name!r}] must be a number or LaTeX text, "
                                    f"not a {_type_name(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ArgumentValueError(f"values[{name!r}] must be a finite number, not {value}")
    return dict(values)


def budget(seconds: object) -> float:
    """`budget_seconds`: a positive number of seconds."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
            or not math.isfinite(seconds) or seconds <= 0:
        raise ArgumentValueError(f"budget_seconds must be a positive number of seconds, "
                                 f"not {seconds!r}")
    return float(seconds)


def document_source(source: object) -> object:
    """`check_document`'s source: the text (a str) or a path (str or os.PathLike)."""
    if not isinstance(source, (str, os.PathLike)):
        raise ArgumentTypeError(f"source must be a document's text or its path (a str or "
                                f"pathlib.Path), not a {_type_name(source)}")
    return source
