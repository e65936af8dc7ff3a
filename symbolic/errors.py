"""One root for every error derivcheck raises on purpose."""

from __future__ import annotations


class DerivcheckError(Exception):
    """Base class: every error derivcheck raises on purpose derives from it."""


class NotationError(DerivcheckError):
    """A problem with a piece of LaTeX: the message quotes it with a caret and gives a fix."""

    def __init__(self, reason: str, source: str = "", position: int | None = None,
                 hint: str = ""):
        self.reason = reason
        self.source = source
        self.position = position
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        lines = [self.reason]
        if self.source:
            shown, pos = _window(self.source, self.position)
            lines.append("    " + shown)
            if pos is not None:
                lines.append("    " + " " * pos + "^")
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)


class ParseError(NotationError, ValueError):
    """LaTeX that could not be read: the step is unparseable.

    The message quotes the fragment, points at the offending place with a caret and
    says how to write it instead.
    """


class MeaningError(NotationError):
    """LaTeX that was read but has no meaning derivcheck can check here: the step is
    undecided, never unparseable (`\\mathbb{E}[x]`, an unknown operator name, a derivative
    with respect to a number)."""


class UnshapedError(MeaningError):
    """A name the text shows to be a vector or matrix, with no declared shape: read as a
    number, the step would be decided by a misreading (`shape_inference` may read it)."""


class UnshapedDefinition(UnshapedError):
    """A name defined as a vector or matrix (its entries are), read whole with no shape:
    `name` is that name as the step writes it."""

    def __init__(self, name: str, *args) -> None:
        super().__init__(*args)
        self.name = name


class UnshapedHessian(UnshapedError):
    """`\\nabla^2 f(x)` with no shape for x: read with the shapes the text implies, if it
    implies them (`claims.find`), else undecided."""


class UnsaidDependence(MeaningError):
    """A name the text leaves undefined whose twin depends on the variable (`out_{o2}`
    beside `out_{o1}`, by `out_{h1}`): whether it does too is not said, so the step is read
    both ways (`claims.find`)."""

    def __init__(self, message: str, twin: str, variable: str):
        super().__init__(message, "", None, f"Define {twin} as well.")
        self.twin, self.variable = twin, variable


class ShapeError(DerivcheckError, ValueError):
    """A product or sum whose operand shapes cannot fit, or a claim of the wrong shape."""


class BroadcastShapeError(ShapeError):
    """Shapes that fit only when a row or a column is stretched over a matrix, as NumPy
    broadcasts (`dy \\cdot \\gamma` of an N×D and a 1×D): the math does not say it."""


class DefinitionShapeError(ShapeError):
    """A definition whose shapes do not fit as read (`z = x W + b` with b a column): what
    the text defines is in question, not the claim that uses it."""


class BudgetExceeded(DerivcheckError):
    """An operation ran past its time budget (the wall-clock safety net fired)."""


class WorkLimitExceeded(DerivcheckError):
    """An input needs more work than the deterministic limits allow (symbolic.limits).

    Unlike `BudgetExceeded`, this depends only on the input: the same input always hits it.
    """


class ArgumentError(DerivcheckError):
    """An argument of a public function of the wrong type or value; says what it should be."""


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of the wrong type: `given="z = x"` instead of `given=["z = x"]`."""


class ArgumentValueError(ArgumentError, ValueError):
    """An argument of the right type but a value that cannot be used."""


def _window(source: str, position: int | None, width: int = 70) -> tuple[str, int | None]:
    """Cut a long source to about `width` characters around `position`."""
    if len(source) <= width:
        return source, position
    if position is None:
        return source[: width - 1] + "…", None
    start = max(0, min(position - width // 2, len(source) - width))
    shown = source[start : start + width]
    pos = position - start
    if start > 0:
        shown, pos = "…" + shown[1:], pos
    if start + width < len(source):
        shown = shown[:-1] + "…"
    return shown, pos
