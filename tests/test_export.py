"""Exported LaTeX of the canonical cases, the textbook printer, and plain text."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from sympy import IndexedBase, MatrixSymbol, OneMatrix, Symbol, symbols

from symbolic import export
from symbolic.export import (
    gradients_latex,
    gradients_text,
    latex_document,
    partial_latex,
    textbook_latex,
)
from symbolic.functions import Sigmoid
from symbolic.gradients import backprop
from symbolic.networks import (
    SampleIndexed,
    linear_regression,
    logistic_regression,
    mlp,
    softmax_regression,
)


def assert_well_formed(tex: str) -> None:
    """Balanced braces, \\left with \\right, every \\begin with its \\end, no x^a^b."""
    depth = 0
    for character in tex:
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0, tex
    assert depth == 0, tex
    assert tex.count(r"\left") == tex.count(r"\right"), tex
    open_environments = []
    for kind, name in re.findall(r"\\(begin|end)\{(\w+\*?)\}", tex):
        if kind == "begin":
            open_environments.append(name)
        else:
            assert open_environments.pop() == name, tex
    assert not open_environments
    assert not re.search(r"\^\{[^{}]*\}\^", tex), "a double superscript does not compile"


def test_logistic_regression_reads_f_minus_y_times_x():
    tex = gradients_latex(backprop(logistic_regression(features=2)))
    assert tex == "\n".join([
        r"\begin{align}",
        r"  \frac{\partial L}{\partial z} &= f - y \\",
        r"  \frac{\partial L}{\partial w_{1}} &= \left(f - y\right) x_{1} \\",
        r"  \frac{\partial L}{\partial w_{2}} &= \left(f - y\right) x_{2} \\",
        r"  \frac{\partial L}{\partial b} &= f - y",
        r"\end{align}",
    ])


def test_softmax_regression_reads_y_hat_minus_y():
    tex = gradients_latex(backprop(softmax_regression(form="matrix")))
    assert tex == "\n".join([
        r"\begin{align}",
        r"  \frac{\partial L}{\partial z} &= \hat{y} - y \\",
        r"  \frac{\partial L}{\partial W} &= \left(\hat{y} - y\right) x^{\top} \\",
        r"  \frac{\partial L}{\partial b} &= \hat{y} - y",
        r"\end{align}",
    ])


def test_mse_keeps_two_over_n_in_front():
    scalar = gradients_latex(backprop(linear_regression(features=1)))
    assert (r"\frac{\partial L}{\partial w_{1}} &= \frac{2}{N} \sum_{i=1}^{N} "
            r"\left(\hat{y}^{(i)} - y^{(i)}\right) x^{(i)}_{1}") in scalar
    matrix = gradients_latex(backprop(linear_regression(features=1, form="matrix")))
    residual = r"\left(\hat{y} - y\right)"
    assert rf"\frac{{\partial L}}{{\partial w}} &= \frac{{2}}{{N}} X^{{\top}} {residual}" in matrix
    ones = r"\mathbf{1}^{\top}"
    assert rf"\frac{{\partial L}}{{\partial b}} &= \frac{{2}}{{N}} {ones} {residual}" in matrix


def test_mlp_backprop_lines():
    tex = gradients_latex(backprop(mlp([3, 4, 2], ["sigmoid", "sigmoid"], loss="bce")))
    lines = tex.splitlines()
    assert lines[1] == r"  \delta^{(2)} &= a^{(2)} - y \\"
    assert lines[2] == (r"  \delta^{(1)} &= \left(\left(W^{(2)}\right)^{\top} \delta^{(2)}\right)"
                        r" \odot a^{(1)} \odot \left(1 - a^{(1)}\right) \\")
    assert lines[3] == r"  \frac{\partial L}{\partial W^{(1)}} &= \delta^{(1)} x^{\top} \\"
    assert lines[4] == r"  \frac{\partial L}{\partial b^{(1)}} &= \delta^{(1)} \\"
    assert lines[5] == (r"  \frac{\partial L}{\partial W^{(2)}} &= "
                        r"\delta^{(2)} \left(a^{(1)}\right)^{\top} \\")


def test_activation_derivatives_print_as_written():
    relu = gradients_latex(backprop(mlp([2, 3, 1], ["relu", "sigmoid"])))
    assert r"\odot \mathbb{1}\left[z^{(1)} > 0\right]" in relu
    tanh = gradients_latex(backprop(mlp([2, 3, 1], ["tanh", "sigmoid"])))
    assert r"\odot \left(1 - \left(a^{(1)}\right)^{\circ 2}\right)" in tanh


def test_definitions_come_first_when_asked():
    tex = gradients_latex(backprop(logistic_regression(features=1)), definitions=True)
    lines = tex.splitlines()
    assert lines[1] == r"  z &= b + w_{1} x_{1} \\"
    assert lines[2] == r"  f &= \sigma\left(z\right) \\"
    assert lines[3].startswith(r"  L &= - y \log{\left(f \right)}")


def test_every_bundled_case_is_well_formed_latex():
    models = [
        logistic_regression(), logistic_regression(form="matrix", l2=True),
        linear_regression(), linear_regression(form="matrix"),
        softmax_regression(), softmax_regression(form="matrix"),
        mlp([2, 3, 2], ["leaky_relu", "softmax"], loss="ce"),
        mlp([2, 2, 1], ["softplus", "identity"], loss="squared_error", form="scalar"),
    ]
    for model in models:
        tex = gradients_latex(backprop(model), definitions=True)
        assert_well_formed(tex)
    document = latex_document(tex, title="Gradients")
    assert document.startswith("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n")
    assert_well_formed(document)


def test_textbook_order_of_factors():
    f, y, x = symbols("f y x_1")
    a = Symbol("a")
    assert textbook_latex(x * (f - y)) == r"\left(f - y\right) x_{1}"
    assert textbook_latex(a * (1 - a)) == r"a \left(1 - a\right)"
    assert textbook_latex(Sigmoid(Symbol("z")) * (1 - Sigmoid(Symbol("z")))) == (
        r"\sigma\left(z\right) \left(1 - \sigma\left(z\right)\right)")
    assert textbook_latex(-2 * x * (y - f)) == r"- 2 \left(y - f\right) x_{1}"


def test_transposes_and_ones():
    W = MatrixSymbol("W^{(2)}", 3, 2)
    x = MatrixSymbol("x", 2, 1)
    assert textbook_latex(W.T) == r"\left(W^{(2)}\right)^{\top}"
    assert textbook_latex(x.T) == r"x^{\top}"
    assert textbook_latex(OneMatrix(3, 1)) == r"\mathbf{1}"
    assert textbook_latex(OneMatrix(3, 1) - W * x) == r"1 - W^{(2)} x"


def test_a_per_sample_quantity_squared_gets_parentheses():
    i = Symbol("i")
    tex = textbook_latex(SampleIndexed(IndexedBase("x"), i, 1) ** 2)
    assert tex == r"\left(x^{(i)}_{1}\right)^{2}"


def test_partial_latex():
    assert partial_latex(Symbol("L"), MatrixSymbol("W^{(1)}", 2, 2)) == (
        r"\frac{\partial L}{\partial W^{(1)}}")


def test_plain_text():
    assert gradients_text(backprop(logistic_regression(features=1))) == "\n".join([
        "dL/dz = f - y",
        "dL/dw_1 = (f - y)*x_1",
        "dL/db = f - y",
    ])
    text = gradients_text(backprop(mlp([2, 2, 1], ["relu", "sigmoid"])))
    assert text.splitlines()[:2] == ["delta^(2) = a^(2) - y",
                                     "delta^(1) = (W^(2).T*delta^(2)) ⊙ 1[z^(1) > 0]"]


def test_docstring_examples_run():
    assert doctest.testmod(export).failed == 0


def test_the_models_page_python_examples_run():
    page = Path(__file__).resolve().parent.parent / "docs" / "models.md"
    blocks = re.findall(r"^```python\n(.*?)^```$", page.read_text(encoding="utf-8"), re.S | re.M)
    assert len(blocks) == 2
    for code in blocks:
        exec(compile(code, str(page), "exec"), {})
