"""The `derivcheck` command: argument parsing and output only; the library does the work."""

from __future__ import annotations

import click

from symbolic.commands.check import check
from symbolic.commands.grad import grad


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog="\b\nExample:\n  derivcheck check derivations/")
@click.version_option(package_name="derivcheck")
def main() -> None:
    """Check hand-derived gradients in machine-learning notation."""


main.add_command(check)
main.add_command(grad)
