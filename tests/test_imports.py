"""What importing derivcheck costs: the engine (SymPy) loads only when a check needs it.

`import symbolic` runs in every pytest session of the environment (the plugin) and in
every `derivcheck --help`; each case runs in a fresh interpreter, since this one has
long since loaded SymPy.
"""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import symbolic


def _loads_sympy(code: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('sympy' in sys.modules)"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] == "True"


def test_import_symbolic_does_not_load_sympy():
    assert not _loads_sympy("import symbolic")


def test_pytest_plugin_does_not_load_sympy():
    assert not _loads_sympy("import symbolic.pytest_plugin")


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["--version"]])
def test_cli_help_does_not_load_sympy(args):
    assert not _loads_sympy(f"from symbolic.cli import main\n"
                            f"main({args!r}, standalone_mode=False)")


def test_a_document_checked_in_a_worker_does_not_load_the_engine_in_the_caller():
    # the command line's cold start: the workers load SymPy, the caller need not
    assert not _loads_sympy("from symbolic.checker import check_document\n"
                            "assert check_document('$$2 x + x = 3 x$$').steps")


def test_first_use_of_a_public_name_loads_the_engine():
    assert _loads_sympy("import symbolic\nsymbolic.check_claim")


@pytest.mark.parametrize("name", symbolic.__all__)
def test_every_public_name_resolves(name):
    value = getattr(symbolic, name)
    assert value.__name__ == name
    assert value.__module__.startswith("symbolic.")
    assert name in dir(symbolic)


def test_public_names_are_the_defining_modules_objects():
    from symbolic.checker import check_document
    from symbolic.claims import check_claim
    from symbolic.results import Verdict

    assert symbolic.check_claim is check_claim
    assert symbolic.check_document is check_document
    assert symbolic.Verdict is Verdict


def test_star_import_gives_the_public_names():
    namespace: dict = {}
    exec("from symbolic import *", namespace)
    assert set(symbolic.__all__) <= set(namespace)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'symbolic' has no attribute 'chek_claim'"):
        symbolic.chek_claim  # noqa: B018


def test_submodules_still_import_by_name():
    from symbolic import report

    assert report.SCHEMA == "derivcheck/report-v1"


def test_command_listing_is_the_same_before_and_after_the_commands_load():
    # The group lists its commands from `COMMANDS` without importing them: those
    # lines must be what the commands themselves would show.
    from symbolic.cli import COMMANDS, main

    done = subprocess.run(
        [sys.executable, "-c", "from symbolic.cli import main\n"
                               "main(['--help'], prog_name='derivcheck')"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    ctx = click.Context(main)
    for name in COMMANDS:
        main.get_command(ctx, name)  # loads it
    assert set(COMMANDS) <= set(main.commands)
    loaded = CliRunner().invoke(main, ["--help"], prog_name="derivcheck",
                                terminal_width=80).stdout
    assert done.stdout == loaded
    for name, (_, summary) in COMMANDS.items():
        assert main.commands[name].help.splitlines()[0] == summary
