"""`derivcheck help TOPIC`: every topic prints, and what it says is what the code does."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from symbolic.cli import main
from symbolic.config import DEFAULT_INCLUDE, settings_from_table
from symbolic.help_topics import TOPICS
from symbolic.notation import parse_side


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_prints(topic: str):
    result = CliRunner().invoke(main, ["help", topic])
    assert result.exit_code == 0
    assert result.output.startswith(TOPICS[topic][0] + "\n")


def test_help_without_a_topic_lists_them():
    result = CliRunner().invoke(main, ["help"])
    assert [line.split()[0] for line in result.output.splitlines()] == sorted(TOPICS)


def test_an_unknown_topic_is_a_usage_error():
    result = CliRunner().invoke(main, ["help", "notations"])
    assert result.exit_code == 2 and "'notations' is not one of" in result.output


def test_the_config_topic_is_a_table_the_settings_accept():
    toml = "\n".join(line.split("#")[0] for line in TOPICS["config"][1].splitlines()
                     if line.startswith("  ") and "=" in line or "[tool" in line)
    table = tomllib.loads(toml)["tool"]["derivcheck"]
    settings = settings_from_table(table, Path("pyproject.toml"))
    assert settings.include == DEFAULT_INCLUDE and settings.budget == 10.0


def test_the_notation_topic_shows_only_notation_the_reader_reads():
    spellings = re.findall(r"^  (\\\S.*?|\S.*?)\s{2,}", TOPICS["notation"][1], re.M)
    assert len(spellings) >= 12
    for cell in spellings:
        for spelling in re.split(r",\s(?![^()]*\))", cell):   # commas outside brackets
            if "(on a matrix)" in spelling or "..." in spelling or "=" in spelling or \
                    spelling.strip() in (r"\odot", r"\circ", r"\left", r"\right", r"\quad",
                                         r"\boxed{}"):   # operators and layout
                continue
            spelling = spelling.strip()
            if re.fullmatch(r"\\[a-z]+|\\sum\S*|\\operatorname\{\w+\}", spelling):  # give it
                spelling += " x_j"                                # something to act on
            parse_side(spelling)   # raises ParseError on notation it cannot read
