"""The `derivcheck` command: argument parsing and output only; the library does the work."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Any

import click

from symbolic import DISTRIBUTION, __version__

# Each command: where it is defined, and the first line of its help, which `derivcheck
# --help` lists. A command's module is imported only when it runs or shows its own help:
# `grad` needs SymPy even to list its options' choices, and the listing should not wait
# for that. tests/test_imports.py checks that these lines are the commands' own.
COMMANDS = {
    "check": ("symbolic.commands.check:check",
              "Check every step of the derivations in PATH... and report where each goes wrong."),
    "grad": ("symbolic.commands.grad:grad",
             "Derive a model's gradients in closed form and print them as LaTeX."),
    "help": ("symbolic.commands.help:help_command",
             "Show a help topic, such as notation."),
    "grade": ("symbolic.commands.grade:grade",
              "Grade a folder of submissions: a CSV, a JSON file and HTML feedback per "
              "student."),
}


CHECKS_IN_WORKERS = {"check"}     # commands whose work runs in worker processes


class LazyGroup(click.Group):
    """A group whose commands are imported by name when first needed.

    Args:
        lazy_commands: command name -> ("module:attribute", one-line help).
    """

    def __init__(self, *args: Any, lazy_commands: Mapping[str, tuple[str, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands)
        self._listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands and cmd_name not in self.commands:
            where, summary = self.lazy_commands[cmd_name]
            if self._listing:  # only its line in the group's help is wanted
                return click.Command(cmd_name, help=summary)
            module, _, attribute = where.partition(":")
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple:
        if args and args[0] in CHECKS_IN_WORKERS \
                and not any(word in ("-h", "--help") for word in args[1:]):
            # the workers' fork server imports the engine while this process imports the
            # command and finds its documents
            import_module("symbolic.isolation").start_early()
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False


@click.group(cls=LazyGroup, lazy_commands=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]},
             epilog="\b\nExample:\n  derivcheck check derivations/")
@click.version_option(version=__version__, package_name=DISTRIBUTION)
def main() -> None:
    """Check hand-derived gradients in machine-learning notation."""
