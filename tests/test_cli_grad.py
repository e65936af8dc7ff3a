"""`derivcheck grad`: output, formats, the user's own definitions, errors and exit codes."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from symbolic.cli import main
from symbolic.commands.grad import EXAMPLE, grad

GIVEN = [
    "--given", "z = w_1 x_1 + b",
    "--given", r"f = \sigma(z)",
    "--given", r"L = -y\ln f - (1-y)\ln(1-f)",
]


def run(*args: str):
    return CliRunner().invoke(grad, list(args))


def test_logistic_bce_prints_f_minus_y_times_x():
    result = run("logistic-bce")
    assert result.exit_code == 0
    assert r"\frac{\partial L}{\partial w_{1}} &= \left(f - y\right) x_{1} \\" in result.output
    assert result.output.startswith(r"\begin{align}")
    assert result.output.rstrip().endswith(r"\end{align}")


def test_softmax_ce_prints_y_hat_minus_y():
    result = run("softmax-ce")
    assert result.exit_code == 0
    assert r"\frac{\partial L}{\partial z} &= \hat{y} - y \\" in result.output
    assert r"\frac{\partial L}{\partial W} &= \left(\hat{y} - y\right) x^{\top} \\" in result.output


def test_mlp_with_widths_activations_and_loss():
    result = run("mlp", "--widths", "3,4,2", "--activations", "relu,sigmoid", "--loss", "bce")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[1] == r"  \delta^{(2)} &= a^{(2)} - y \\"
    assert lines[2] == (r"  \delta^{(1)} &= \left(\left(W^{(2)}\right)^{\top} \delta^{(2)}\right)"
                        r" \odot \mathbb{1}\left[z^{(1)} > 0\right] \\")
    assert len(lines) == 8


def test_form_wrt_and_text_format():
    result = run("logistic-bce", "--form", "matrix", "--wrt", "w", "--format", "text")
    assert result.exit_code == 0
    assert result.output == "dL/dw = 1/N*X.T*(f - y)\n"
    result = run("softmax-ce", "--form", "scalar", "--classes", "2", "--wrt", "z_{2}")
    assert r"\frac{\partial L}{\partial z_{2}} &= \hat{y}_{2} - y_{2}" in result.output


def test_definitions_flag_prints_the_model_first():
    result = run("logistic-bce", "--features", "1", "--definitions")
    assert result.output.splitlines()[1:3] == [r"  z &= b + w_{1} x_{1} \\",
                                               r"  f &= \sigma\left(z\right) \\"]


def test_list_names_every_bundled_model():
    result = run("--list")
    assert result.exit_code == 0
    for name in ("linear-mse", "logistic-bce", "softmax-ce", "mlp"):
        assert name in result.output
    assert "leaky_relu" in result.output


def test_own_definitions_through_the_notation_reader():
    result = run(*GIVEN, "--wrt", "w_1")
    assert result.exit_code == 0, result.output
    assert result.output == "\n".join([
        r"\begin{align}",
        r"  \frac{\partial L}{\partial w_{1}} &= \left(f - y\right) x_{1}",
        r"\end{align}",
        "",
    ])
    text = run(*GIVEN, "--wrt", "w_1", "--wrt", "b", "--format", "text")
    assert text.output == "dL/dw_1 = (f - y)*x_1\ndL/db = f - y\n"


@pytest.mark.parametrize("args, message", [
    (["svm"], "no bundled model 'svm'; known: linear-mse, logistic-bce, softmax-ce, mlp"),
    (["mlp"], "mlp needs --widths, such as --widths 3,4,2"),
    (["mlp", "--widths", "3,x"], "--widths takes whole numbers separated by commas"),
    (["mlp", "--widths", "2,2", "--activations", "gelu"], "unknown activation 'gelu'"),
    (["logistic-bce", "--wrt", "q"], "has no 'q'; it has z, w_{1}, w_{2}, b"),
    (["logistic-bce", "--classes", "3"], "logistic-bce takes no --classes"),
    (["--given", "z = w_1 x_1 + \\frac{"], "is never closed"),
    (["--given", "z w"], "--given takes a definition 'name = expression'"),
])
def test_unusable_input_exits_2_with_a_message(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_usage_errors_exit_2():
    assert run().exit_code == 2
    both = run("logistic-bce", *GIVEN)
    assert both.exit_code == 2
    assert "not both" in both.output


def test_help_ends_with_a_real_example():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.rstrip().endswith(EXAMPLE)
    example = EXAMPLE.split()
    assert example[:2] == ["derivcheck", "grad"]


def test_through_the_derivcheck_group():
    result = CliRunner().invoke(main, ["grad", "logistic-bce", "--wrt", "b"])
    assert result.exit_code == 0
    assert r"\frac{\partial L}{\partial b} &= f - y" in result.output


def test_the_installed_command():
    command = Path(sys.executable).parent / "derivcheck"
    done = subprocess.run([str(command), "grad", "softmax-ce", "--wrt", "b"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "\\begin{align}\n  \\frac{\\partial L}{\\partial b} &= \\hat{y} - y\n" \
                          "\\end{align}\n"


MODELS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "models.md"


def console_examples() -> list[tuple[str, str]]:
    """(command, output) of each `$ derivcheck grad` block on the models page."""
    text = MODELS_PAGE.read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"^```console\n(.*?)^```$", text, re.S | re.M):
        command, _, output = block.partition("\n")
        examples.append((command.removeprefix("$ "), output))
    return examples


def test_the_models_page_shows_real_output():
    examples = console_examples()
    assert len(examples) >= 5
    for command, output in examples:
        words = shlex.split(command)
        assert words[:2] == ["derivcheck", "grad"], command
        result = run(*words[2:])
        assert result.exit_code == 0, command
        assert result.output == output, command
