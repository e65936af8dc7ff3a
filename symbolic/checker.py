"""`check_document`: every step of a derivation document, top to bottom like a notebook.

The steps are checked by `symbolic.stepwise` in a worker process (`symbolic.isolation`).
This module loads none of the engine, so that a caller that only hands documents to the
workers, as the command line does, never loads SymPy itself; the engine's names are
still read here (`symbolic.checker.check_read_document`), loaded on first use.
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING, Any

from symbolic import arguments as arguments_
from symbolic import isolation
from symbolic.budget import DEFAULT_BUDGET_SECONDS

if TYPE_CHECKING:
    from symbolic.results import DocumentResult

ENGINE = "symbolic.stepwise"

__all__ = ["check_document"]


def check_document(source: str | os.PathLike, *, path: str | None = None,
                   budget_seconds: float | None = None,
                   conventions: dict | None = None,
                   pool: isolation.WorkerPool | None = None) -> DocumentResult:
    """Check every step of a derivation document (a path or the text itself).

    >>> doc = "$$\\\\frac{\\\\partial}{\\\\partial x} x^2 = 2x$$"
    >>> check_document(doc).steps[0].verdict
    <Verdict.VALID: 'valid'>

    The check runs in a worker process (safe from any thread): a step that runs past the
    hard time limit or the memory cap is undecided, and the rest is still checked.

    Args:
        source: a path (Markdown, `.tex` or `.ipynb`), or the document's text.
        path: the path reports show; its suffix also says how text is read.
        budget_seconds: the wall-clock safety net per link (verdicts are decided by
            deterministic work limits; a link the net stops is undecided, method "timeout").
        conventions: defaults for the document's `conventions` (from the project's
            `[tool.derivcheck]`); the document's own front matter wins key by key.
        pool: the worker processes to use; by default, ones shared by the whole process.

    Raises:
        DocumentReadError: the file cannot be opened, or is not text.
        ArgumentTypeError, ArgumentValueError: an argument of the wrong type or value.
    """
    arguments = {
        "source": arguments_.document_source(source), "path": path,
        "budget_seconds": arguments_.budget(budget_seconds or DEFAULT_BUDGET_SECONDS),
        "conventions": arguments_.conventions_mapping(conventions),
    }
    if not isolation.enabled():
        return import_module(ENGINE).check_document_here(**arguments)
    return isolation.run_document(isolation.Named(ENGINE, "check_document_here"), arguments,
                                  pool)




def __getattr__(name: str) -> Any:
    """The engine's names (`check_document_here`, `check_read_document`, ...), on first use."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(ENGINE), name)
