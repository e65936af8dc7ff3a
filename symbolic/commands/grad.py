r"""`derivcheck grad`: derive a model's gradients in closed form and print them.

The command parses options and prints; the library builds the model
(`symbolic.networks`), derives (`symbolic.gradients`) and writes (`symbolic.export`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import click
from sympy import Basic, Symbol

from symbolic.errors import DerivcheckError, ParseError
from symbolic.export import gradients_latex, gradients_text
from symbolic.functions import ACTIVATIONS
from symbolic.gradients import backprop
from symbolic.networks import (
    BUNDLED_MODELS,
    FORMS,
    LOSSES,
    Model,
    ModelError,
    bundled_model,
    model_from_definitions,
)
from symbolic.notation.matrix_build import Dimension, ShapedDefinitions

EXIT_UNUSABLE = 2  # the input could not be used, as for `derivcheck check`

SHAPED_EXAMPLE = (
    "derivcheck grad --given 'z = W x + b' --given 'L = \\frac{1}{2}(z - y)^T (z - y)' "
    "--shape W=mxn --shape x=nx1 --shape b=mx1 --shape y=mx1 --wrt W"
)
EXAMPLE = (
    "derivcheck grad --given 'z = w_1 x_1 + b' --given 'f = \\sigma(z)' "
    "--given 'L = -y\\ln f - (1-y)\\ln(1-f)' --wrt w_1"
)


class UnusableInput(click.ClickException):
    """A model, a definition or a variable that cannot be used: one message, exit 2.

    Shown as `derivcheck check` shows its errors: `error: ...` on standard error; a
    LaTeX fragment that could not be read follows, quoted with a caret.
    """

    exit_code = EXIT_UNUSABLE

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def _widths(text: str | None) -> list[int] | None:
    if text is None:
        return None
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise UnusableInput(f"--widths takes whole numbers separated by commas, "
                            f"such as 3,4,2; got {text!r}") from None


def _names(text: str | None) -> list[str] | None:
    return None if text is None else [part.strip() for part in text.split(",")]


def _listing() -> str:
    width = max(len(name) for name in BUNDLED_MODELS)
    lines = [f"{name:<{width}}  {entry.summary} ({entry.form} form by default)"
             for name, entry in BUNDLED_MODELS.items()]
    lines.append("")
    lines.append(f"activations: {', '.join(ACTIVATIONS)}; softmax for an MLP's last layer")
    lines.append(f"MLP losses: {', '.join(LOSSES)}")
    return "\n".join(lines)


def _key(name: str) -> str:
    """A name compared loosely: w_1, w_{1} and `w_{1}` are the same name."""
    return re.sub(r"[{}\s]", "", name)


def _pick(model: Model, wanted: Sequence[str]) -> list[Basic]:
    """The model's variables or intermediates named on the command line."""
    known = {_key(str(v)): v for v in (*model.variables, *model.definitions) if v != model.loss}
    picked = []
    for name in wanted:
        if _key(name) not in known:
            choices = ", ".join(str(v) for v in model.reported)
            raise UnusableInput(f"{model.name} has no {name!r}; it has {choices}")
        picked.append(known[_key(name)])
    return picked


def _definition(line: str) -> tuple[str, str]:
    """`name = expression` split at its first `=`."""
    name, equals, value = line.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise UnusableInput(f"--given takes a definition 'name = expression'; got {line!r}")
    return name.strip(), value.strip()


def _given_model(definitions: Sequence[str], wanted: Sequence[str]) -> tuple[Model, list[Basic]]:
    """A model from `--given 'name = LaTeX'` lines, read by the notation reader."""
    from symbolic.context import parse_expression

    read: dict[Basic, Basic] = {}
    for line in definitions:
        name, value = _definition(line)
        symbol = parse_expression(name)
        if not isinstance(symbol, Symbol):
            raise UnusableInput(f"the left side of {line!r} must be a single name")
        try:
            read[symbol] = parse_expression(value)
        except ParseError as error:
            raise UnusableInput(f"--given '{line}': {error}") from None
    variables = [parse_expression(w) for w in wanted]
    return model_from_definitions(read, reported=variables), variables


# A dimension: a positive whole number, or a letter with an optional subscript (m, D_h).
_DIMENSION = r"([1-9][0-9]*|[A-Za-z](?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?)"
_SHAPE = re.compile(rf"\s*{_DIMENSION}\s*[x×]\s*{_DIMENSION}\s*")


def _shape(option: str) -> tuple[str, Dimension, Dimension]:
    """`--shape W=3x2` as ("W", 3, 2); `--shape x=nx1` as ("x", "n", 1)."""
    name, equals, size = option.rpartition("=")
    match = _SHAPE.fullmatch(size)
    if not equals or not name.strip() or match is None:
        raise UnusableInput(f"--shape {option}: write NAME=ROWSxCOLUMNS, each a positive whole "
                            f"number or a letter, as in --shape W=3x2 or --shape x=nx1")
    rows, columns = (int(d) if d.isdigit() else d for d in match.groups())
    return name.strip(), rows, columns


def _shaped_model(definitions: Sequence[str], wanted: Sequence[str],
                  options: Sequence[str]) -> tuple[Model, list[Basic]]:
    """A model of vectors and matrices: `--given` lines read with the `--shape`s."""
    reader = ShapedDefinitions()
    for option in options:
        try:
            reader.declare(*_shape(option))
        except DerivcheckError as error:
            raise UnusableInput(f"--shape {option}: {error}") from None
    for line in definitions:
        try:
            reader.define(*_definition(line))
        except DerivcheckError as error:
            raise UnusableInput(f"--given '{line}': {error}") from None
    unused = reader.unused()
    if unused:
        option = next(o for o in options if _shape(o)[0] == unused[0])
        raise UnusableInput(f"--shape {option}: {unused[0]} is not used in any --given "
                            f"definition; remove it or correct the name")
    try:
        model = model_from_definitions(reader.definitions)
    except ModelError as error:
        raise UnusableInput(f"--given '{definitions[-1]}': {error}") from None
    try:
        variables = [reader.variable(w) for w in wanted]
    except DerivcheckError as error:
        raise UnusableInput(f"--wrt: {error}") from None
    return model, variables


@click.command(
    "grad",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"\b\nExamples:\n  derivcheck grad logistic-bce\n"
           f"  derivcheck grad mlp --widths 3,4,2 --activations relu,sigmoid --loss bce\n"
           f"  {SHAPED_EXAMPLE}\n"
           f"  {EXAMPLE}",
)
@click.argument("model", required=False)
@click.option("--list", "list_models", is_flag=True, help="List the bundled models and exit.")
@click.option("--form", type=click.Choice(FORMS), default=None,
              help="Explicit symbols (scalar) or vectors and matrices (matrix). "
                   "Default: the model's own.")
@click.option("--features", type=int, default=None, help="Number of inputs (regressions).")
@click.option("--classes", type=int, default=None, help="Number of classes (softmax-ce).")
@click.option("--widths", default=None, metavar="N0,N1,...",
              help="MLP widths, inputs first: 3,4,2 is 3 inputs, 4 hidden, 2 outputs.")
@click.option("--activations", default=None, metavar="NAME,...",
              help=f"MLP activations, one per layer: {', '.join(ACTIVATIONS)}, "
                   "or softmax last.")
@click.option("--loss", type=click.Choice(list(LOSSES)), default=None, help="MLP loss.")
@click.option("--l2", is_flag=True, default=None, help="Add the penalty λ‖W‖² on the weights.")
@click.option("--given", "givens", multiple=True, metavar="'NAME = LATEX'",
              help="Your own definition, in order; the last one is the loss. Repeat.")
@click.option("--shape", "shapes", multiple=True, metavar="NAME=RxC",
              help="With --given: NAME is a ROWS x COLUMNS matrix, each a whole number or "
                   "a letter: W=3x2, x=nx1. Repeat. A name with no shape is a scalar.")
@click.option("--wrt", multiple=True, metavar="NAME",
              help="Differentiate with respect to NAME (LaTeX). Repeat. "
                   "Default: the model's parameters.")
@click.option("--definitions", is_flag=True, help="Also print the model's definitions.")
@click.option("--format", "fmt", type=click.Choice(["latex", "text"]), default="latex",
              help="An align block of LaTeX (default), or plain text.")
def grad(model: str | None, list_models: bool, form: str | None, features: int | None,
         classes: int | None, widths: str | None, activations: str | None, loss: str | None,
         l2: bool | None, givens: tuple[str, ...], shapes: tuple[str, ...],
         wrt: tuple[str, ...], definitions: bool, fmt: str) -> None:
    """Derive a model's gradients in closed form and print them as LaTeX.

    MODEL is a bundled model (see --list), or leave it out and give your own
    definitions with --given and the variables with --wrt.
    """
    if list_models:
        click.echo(_listing())
        return
    if model and givens:
        raise click.UsageError("name a bundled MODEL or give --given definitions, not both")
    if not model and not givens:
        raise click.UsageError("name a bundled MODEL (see --list) or give --given definitions")
    if shapes and not givens:
        raise click.UsageError("--shape gives the shapes of the names in --given definitions")
    try:
        if shapes:
            built, variables = _shaped_model(givens, wrt, shapes)
        elif givens:
            built, variables = _given_model(givens, wrt)
        else:
            built = bundled_model(model, form=form, features=features, classes=classes,
                                  widths=_widths(widths), activations=_names(activations),
                                  loss=loss, l2=l2 or None)
            variables = _pick(built, wrt) if wrt else list(built.reported)
        result = backprop(built, variables or None)
    except DerivcheckError as error:
        raise UnusableInput(str(error)) from None
    if fmt == "text":
        click.echo(gradients_text(result))
    else:
        click.echo(gradients_latex(result, definitions=definitions))
