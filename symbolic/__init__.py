"""derivcheck: check gradient derivations written in machine-learning notation.

The public API is listed in ``__all__``; every other module is an implementation detail.

Each public name is imported on first use (PEP 562): the checking engine takes about a
second to load (SymPy, the parser), and the pytest plugin and ``derivcheck --help``
import this package without needing it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Module attributes beside the public API (not in `__all__`, which lists the API's
# functions and classes). The distribution's name on PyPI is derivcheck-ml; the PyPI
# projects named `derivcheck` and `symbolic` are unrelated to this one. `__version__` is
# read on first use (below): a worker process never needs it, and reading it loads
# importlib.metadata (about 20 ms of every worker's start).
DISTRIBUTION = "derivcheck-ml"


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"

if TYPE_CHECKING:  # what type checkers and editors see; at run time, `__getattr__` below
    from symbolic.checker import check_document
    from symbolic.claims import check_claim
    from symbolic.errors import DerivcheckError, ParseError, ShapeError
    from symbolic.results import (
        ClaimResult,
        Counterexample,
        DocumentResult,
        LinkResult,
        StepResult,
    )
    from symbolic.verdicts import Method, Verdict

__all__ = [
    "ClaimResult",
    "Counterexample",
    "DerivcheckError",
    "DocumentResult",
    "LinkResult",
    "Method",
    "ParseError",
    "ShapeError",
    "check_claim",
    "check_document",
    "StepResult",
    "Verdict",
]

# Each public name, and the module that defines it.
_MODULES = {
    "check_document": "symbolic.checker",
    "check_claim": "symbolic.claims",
    "DerivcheckError": "symbolic.errors",
    "ParseError": "symbolic.errors",
    "ShapeError": "symbolic.errors",
    "ClaimResult": "symbolic.results",
    "Counterexample": "symbolic.results",
    "DocumentResult": "symbolic.results",
    "LinkResult": "symbolic.results",
    "Method": "symbolic.verdicts",
    "StepResult": "symbolic.results",
    "Verdict": "symbolic.verdicts",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = version = _version()
        return version
    module = _MODULES.get(name)
    if module is None:
        # Also how `from symbolic import report` learns that `report` is a submodule.
        raise AttributeError(f"module 'symbolic' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # the next use is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
