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
from symbolic.commands.grad import EXAMPLE, SHAPED_EXAMPLE, grad

GIVEN = [
    "--given", "z = w_1 x_1 + b",
    "--given", r"f = \sigma(z)",
    "--given", r"L = -y\ln f - (1-y)\ln(1-f)",
]


def run(*args: str):
    return CliRunner().invoke(grad, list(args))


def align(*rows: str) -> str:
    """What `grad` prints for an align block of these rows."""
    body = " \\\\\n".join(f"  {row}" for row in rows)
    return f"\\begin{{align}}\n{body}\n\\end{{align}}\n"


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
    assert result.output == align(r"\frac{\partial L}{\partial w_{1}} &= \left(f - y\right) x_{1}")
    text = run(*GIVEN, "--wrt", "w_1", "--wrt", "b", "--format", "text")
    assert text.output == "dL/dw_1 = (f - y)*x_1\ndL/db = f - y\n"


SHAPED = [
    "--given", "z = W x + b",
    "--given", r"L = \frac{1}{2}(z - y)^T (z - y)",
    "--shape", "W=3x2", "--shape", "x=2x1", "--shape", "b=3x1", "--shape", "y=3x1",
]


def test_shaped_definitions_give_the_textbook_gradients():
    result = run(*SHAPED, "--wrt", "W", "--wrt", "b")
    assert result.exit_code == 0, result.output
    assert result.output == align(r"\frac{\partial L}{\partial W} &= \left(z - y\right) x^{\top}",
                                  r"\frac{\partial L}{\partial b} &= z - y")
    text = run(*SHAPED, "--wrt", "W", "--wrt", "b", "--format", "text")
    assert text.output == "dL/dW = (z - y)*x.T\ndL/db = z - y\n"


def test_shaped_gradients_agree_with_finite_differences():
    from test_gradients import assert_agrees_with_finite_differences

    from symbolic.commands.grad import _shaped_model

    givens = SHAPED[1:4:2]
    model, _ = _shaped_model(givens, [], SHAPED[5::2])
    assert_agrees_with_finite_differences(model)


def test_dimensions_may_be_letters_and_a_name_without_shape_is_a_scalar():
    result = run("--given", "z = w^T x + b", "--given", r"f = \sigma(z)",
                 "--given", r"L = -y \log f - (1-y) \log(1-f)",
                 "--shape", "w=nx1", "--shape", "x=nx1", "--wrt", "w", "--wrt", "b",
                 "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.output == "dL/dw = (f - y)*x\ndL/db = f - y\n"
    layers = run("--given", "z_1 = W_1 x + b_1", "--given", r"a_1 = \tanh(z_1)",
                 "--given", "z_2 = W_2 a_1", "--given", r"L = \frac{1}{2}\|z_2 - y\|^2",
                 "--shape", "W_1=hxn", "--shape", "x=nx1", "--shape", "b_1=hx1",
                 "--shape", "W_2=mxh", "--shape", "y=mx1", "--wrt", "W_1", "--format", "text")
    assert layers.exit_code == 0, layers.output
    assert layers.output == \
        "dL/dW_1 = ((W_2.T*(z_2 - y)) ⊙ (1 - (a_1)^∘2))*x.T\n"


def _shaped(*changes: str) -> list[str]:
    """SHAPED with its --shape options replaced by `changes` where a name matches."""
    names = {change.partition("=")[0] for change in changes}
    kept = [s for s in SHAPED[5::2] if s.partition("=")[0] not in names]
    return [*SHAPED[:4], *(a for s in [*kept, *changes] for a in ("--shape", s))]


@pytest.mark.parametrize("args, message", [
    (_shaped("x=3x1"), "--given 'z = W x + b': cannot multiply W (3×2) by x (3×1): the columns "
                       "of the first must match the rows of the second; check the --shape of W, x"),
    (_shaped("W=3by2"), "--shape W=3by2: write NAME=ROWSxCOLUMNS, each a positive whole number "
                        "or a letter, as in --shape W=3x2 or --shape x=nx1"),
    (_shaped("W=0x2"), "--shape W=0x2: write NAME=ROWSxCOLUMNS"),
    (_shaped("q=3x1"), "--shape q=3x1: q is not used in any --given definition; remove it or "
                       "correct the name"),
    (_shaped("b=2x1"), "cannot add W x (3×1) and b (2×1): they need one shape; check the "
                       "--shape of W, b, x"),
    (_shaped("W x=3x2"), "--shape W x=3x2: 'W x' is not a single name"),
    (["--given", "z = W x", "--given", "L = z - y", "--shape", "W=3x2", "--shape", "x=2x1",
      "--shape", "y=3x1"], "--given 'L = z - y': the loss L is 3×1, not a scalar"),
    (["--given", "z = W x", "--given", "L = z^2", "--shape", "W=3x2", "--shape", "x=2x1"],
     r"--given 'L = z^2': z^{2} is a power of a 3×1 matrix; write (z - y)^T (z - y)"),
    (["--given", "z = W x", "--given", r"L = \operatorname{softmax}(z)", "--shape", "W=mxn",
      "--shape", "x=nx1"], "apply Softmax to a column vector with a --shape of whole numbers"),
])
def test_shape_errors_exit_2_with_one_line(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert message in result.output


def test_shape_goes_with_given():
    result = run("logistic-bce", "--shape", "W=3x2")
    assert result.exit_code == 2
    assert "--shape gives the shapes of the names in --given definitions" in result.output


@pytest.mark.parametrize("args, message", [
    (["svm"], "no bundled model 'svm'; known: linear-mse, logistic-bce, softmax-ce, mlp"),
    (["mlp"], "mlp needs --widths, such as --widths 3,4,2"),
    (["mlp", "--widths", "3,x"], "--widths takes whole numbers separated by commas"),
    (["mlp", "--widths", "2,2", "--activations", "selu"], "unknown activation 'selu'"),
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


def test_the_shaped_help_example_runs():
    result = run(*shlex.split(SHAPED_EXAMPLE)[2:])
    assert result.exit_code == 0, result.output
    assert r"\frac{\partial L}{\partial W} &= \left(z - y\right) x^{\top}" in result.output
