r"""A model's gradients as LaTeX that compiles and reads like a textbook, or as plain text.

    >>> from symbolic.networks import logistic_regression
    >>> from symbolic.gradients import backprop
    >>> print(gradients_latex(backprop(logistic_regression(features=1))))
    \begin{align}
      \frac{\partial L}{\partial z} &= f - y \\
      \frac{\partial L}{\partial w_{1}} &= \left(f - y\right) x_{1} \\
      \frac{\partial L}{\partial b} &= f - y
    \end{align}

The printer writes `\hat{y}`, `\sigma`, `\odot` for the element-wise product, `^{\top}`
for the transpose, `H\left(z\right)` for the step (H(0) = 0, the ReLU' of PyTorch), and puts
products in the order people write them: a sum such as (f − y) before the variables it
multiplies, but x(1 − x) with the sum after the factor it repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sympy import Add, Basic, Dummy, Expr, Heaviside, Mul, S, Sum, Symbol, fraction
from sympy.matrices.expressions import (
    HadamardPower,
    HadamardProduct,
    Identity,
    MatAdd,
    MatMul,
    MatrixSymbol,
    OneMatrix,
    Transpose,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import precedence
from sympy.printing.str import StrPrinter

from symbolic.gradients import Backprop, backprop
from symbolic.networks import Model, SampleIndexed

__all__ = [
    "TextbookLatexPrinter",
    "gradients_latex",
    "gradients_text",
    "latex_document",
    "partial_latex",
    "textbook_latex",
]


# --------------------------------------------------------------------------- factor order


def _is_sum(factor: Basic) -> bool:
    return isinstance(factor, Add)  # MatAdd is an Add too


def _textbook_order(factors: Sequence[Basic]) -> list[Basic]:
    """The order people write a product in.

    Numbers first, then matrix products, as in (Wᵀ δ) ⊙ a; then sums that repeat none
    of the other factors, as in (f − y) x; then the rest, each followed by the sums that
    repeat it, as in a (1 − a).
    """
    numbers = [f for f in factors if f.is_number]
    others = [f for f in factors if not f.is_number]
    compound = [f for f in others if isinstance(f, (MatMul, Transpose))]
    plain = [f for f in others if not _is_sum(f) and f not in compound]
    sums = [f for f in others if _is_sum(f)]
    attached: dict[int, list[Basic]] = {}
    free_sums = []
    for s in sums:
        owner = next((k for k, p in enumerate(plain) if s.has(p)), None)
        if owner is None:
            free_sums.append(s)
        else:
            attached.setdefault(owner, []).append(s)
    ordered = [*numbers, *compound, *free_sums]
    for k, p in enumerate(plain):
        ordered += [p, *attached.get(k, [])]
    return ordered


def _is_ones(matrix: Basic) -> bool:
    """The ones matrix, or the 1×1 identity (the ones matrix SymPy writes for 1×1)."""
    return isinstance(matrix, OneMatrix) or (isinstance(matrix, Identity)
                                             and matrix.shape == (1, 1))


def _summand(term: Basic) -> Basic:
    """A term of a matrix sum as people write it: c for c times the ones matrix, as in
    1 − a, or c times the 1×1 identity, as in f − y of scalars."""
    if _is_ones(term):
        return S.One
    if isinstance(term, MatMul):
        coefficient, matrices = term.as_coeff_matrices()
        if len(matrices) == 1 and _is_ones(matrices[0]):
            return coefficient
    return term


def _negative(term: Basic) -> bool:
    """Whether a term is written with a minus: −a, −2 a, and −y a with a symbol's minus."""
    if isinstance(term, MatMul):
        return term.args[0].could_extract_minus_sign()
    return term.could_extract_minus_sign()


def _scalars_first(matrices: Sequence[Basic]) -> list[Basic]:
    """The factors of a matrix product, 1×1 sums first: a 1×1 factor is a scalar, and
    people write (f − y) x, not x (f − y) (but Wᵀ δ as it stands)."""
    return sorted(matrices, key=lambda m: not (isinstance(m, MatAdd) and m.shape == (1, 1)))


# --------------------------------------------------------------------------- LaTeX


class TextbookLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer, writing products, transposes and matrices as textbooks do."""

    printmethod = "_latex"

    def _print_Mul(self, expr: Expr) -> str:
        if not expr.is_commutative:
            return super()._print_Mul(expr)
        if expr.could_extract_minus_sign():
            inner = self._print_Mul(-expr) if isinstance(-expr, Mul) else self._print(-expr)
            return "- " + (rf"\left({inner}\right)" if isinstance(-expr, Add) else inner)
        numerator, denominator = fraction(expr, exact=True)
        coefficient, rest = numerator.as_coeff_Mul()
        simple_denominator = denominator.is_Symbol or denominator.is_Integer
        if denominator != 1 and simple_denominator and rest.has(Add, Sum):
            # (2/N) Σ ... rather than one fraction over everything
            head = rf"\frac{{{self._print(coefficient)}}}{{{self._print(denominator)}}}"
            return f"{head} {self._product(Mul.make_args(rest))}"
        if denominator != 1:
            return super()._print_Mul(expr)
        return self._product(Mul.make_args(expr))

    def _product(self, factors: Sequence[Basic]) -> str:
        ordered = _textbook_order(factors)
        if len(ordered) == 1:
            return self._print(ordered[0])
        texts = []
        for position, factor in enumerate(ordered):
            tex = self._print(factor)
            if self._needs_mul_brackets(factor, first=position == 0,
                                        last=position == len(ordered) - 1):
                tex = rf"\left({tex}\right)"
            texts.append(tex)
        return " ".join(texts)

    def _print_MatAdd(self, expr: MatAdd) -> str:
        # Positive terms first, and the ones matrix in a sum written 1: 1 - a, not - a + 1.
        terms = sorted((_summand(t) for t in expr.args), key=_negative)
        tex = ""
        for position, term in enumerate(terms):
            negative = _negative(term)
            shown = -term if negative else term
            if position:
                tex += " - " if negative else " + "
            elif negative:
                tex += "- "
            body = self._print(shown)
            if isinstance(shown, Add):
                body = rf"\left({body}\right)"
            tex += body
        return tex

    def _print_OneMatrix(self, expr: OneMatrix) -> str:
        # a row of ones is the transpose of the column people write as 1
        return r"\mathbf{1}^{\top}" if expr.shape[0] == 1 != expr.shape[1] else r"\mathbf{1}"

    def _print_MatMul(self, expr: MatMul) -> str:
        coefficient, matrices = expr.as_coeff_matrices()
        matrices = _scalars_first(matrices)
        sign = ""
        if coefficient.could_extract_minus_sign():
            sign, coefficient = "- ", -coefficient
        texts = []
        if coefficient != 1:
            tex = self._print(coefficient)
            texts.append(rf"\left({tex}\right)" if isinstance(coefficient, Add) else tex)
        for matrix in matrices:
            tex = self._print(matrix)
            if isinstance(matrix, (MatAdd, HadamardProduct)):
                tex = rf"\left({tex}\right)"
            texts.append(tex)
        return sign + " ".join(texts)

    def _print_Transpose(self, expr: Transpose) -> str:
        inner = self._print(expr.arg)
        simple = isinstance(expr.arg, (MatrixSymbol, OneMatrix)) and "^" not in inner
        return rf"{inner}^{{\top}}" if simple else rf"\left({inner}\right)^{{\top}}"

    def _print_HadamardProduct(self, expr: HadamardProduct) -> str:
        texts = []
        for factor in _textbook_order(expr.args):
            tex = self._print(factor)
            if isinstance(factor, (MatAdd, MatMul, HadamardProduct)):
                tex = rf"\left({tex}\right)"
            texts.append(tex)
        return r" \odot ".join(texts)

    def _print_HadamardPower(self, expr: HadamardPower) -> str:
        base = self._print(expr.base)
        if not (isinstance(expr.base, MatrixSymbol) and "^" not in base):
            base = rf"\left({base}\right)"
        return rf"{base}^{{\circ {self._print(expr.exp)}}}"

    def _print_ElementwiseApplyFunction(self, expr: ElementwiseApplyFunction) -> str:
        # f applied element-wise is written f(z): print f of a stand-in, then put z in
        stand_in = Symbol("STANDIN")
        template = self._print(expr.function(stand_in))
        return template.replace("STANDIN", self._print(expr.expr))

    def _print_Heaviside(self, expr: Heaviside, exp: str | None = None) -> str:
        argument, at_zero = expr.args
        if at_zero != 0:
            return super()._print_Heaviside(expr, exp)
        # The step with H(0) = 0, ReLU's derivative, written as the indicator 1[z > 0]:
        # it needs no definition, and the notation reader reads it back as this step.
        tex = rf"\mathbb{{1}}\left[{self._print(argument)} > 0\right]"
        return tex if exp is None else f"{tex}^{{{exp}}}"

    def _print_Add(self, expr: Expr, order: str | None = None) -> str:
        if isinstance(expr, MatAdd):
            return self._print_MatAdd(expr)
        # Positive terms first, in SymPy's order otherwise: z - y, not - y + z.
        terms = sorted(self._as_ordered_terms(expr, order=order),
                       key=lambda term: term.could_extract_minus_sign())
        tex = ""
        for position, term in enumerate(terms):
            if position == 0:
                pass
            elif term.could_extract_minus_sign():
                tex += " - "
                term = -term
            else:
                tex += " + "
            term_tex = self._print(term)
            if self._needs_add_brackets(term):
                term_tex = rf"\left({term_tex}\right)"
            tex += term_tex
        return tex

    def _helper_print_standard_power(self, expr: Expr, template: str) -> str:
        tex = super()._helper_print_standard_power(expr, template)
        base = self._print(expr.base)
        if "^" in base and tex.startswith(base) and not expr.base.is_Symbol:
            # x^{(i)}_{1} squared needs parentheses: a double superscript does not compile
            return template % (rf"\left({base}\right)", self._print(expr.exp))
        return tex


def _apply(name: str, argument: str, power: str | None) -> str:
    head = name if power is None else f"{name}^{{{power}}}"
    return rf"{head}\left({argument}\right)"


def textbook_latex(expression: Basic) -> str:
    r"""LaTeX of one expression, written as a textbook would.

    >>> from sympy import symbols
    >>> f, y, x = symbols("f y x_1")
    >>> textbook_latex(x * (f - y))
    '\\left(f - y\\right) x_{1}'
    """
    return TextbookLatexPrinter().doprint(expression)


def partial_latex(of: Basic, wrt: Basic) -> str:
    r"""`\frac{\partial L}{\partial w}` for the two names."""
    return rf"\frac{{\partial {textbook_latex(of)}}}{{\partial {textbook_latex(wrt)}}}"


def _lines(result: Backprop, definitions: bool) -> list[tuple[str, str]]:
    rows = []
    model = result.model
    if definitions:
        rows += [(textbook_latex(name), textbook_latex(value))
                 for name, value in model.definitions.items()]
    rows += [(textbook_latex(delta), textbook_latex(value))
             for delta, value in result.deltas.items()]
    rows += [(partial_latex(model.loss, variable), textbook_latex(value))
             for variable, value in result.gradients.items()]
    return rows


def gradients_latex(result: Backprop | Model, *, definitions: bool = False,
                    environment: str = "align") -> str:
    r"""The gradients as one `align` block: the deltas, then ∂L/∂v for each variable.

    Args:
        result: a `Backprop` (from `symbolic.gradients.backprop`), or a model, whose
            reported gradients are worked out.
        definitions: also write the model's definitions first (the forward pass).
        environment: the amsmath environment, "align" or "align*".
    """
    if isinstance(result, Model):
        result = backprop(result)
    rows = [rf"  {left} &= {right}" for left, right in _lines(result, definitions)]
    body = " \\\\\n".join(rows)
    return f"\\begin{{{environment}}}\n{body}\n\\end{{{environment}}}"


def latex_document(body: str, title: str = "") -> str:
    """A complete LaTeX document around `body` (amsmath, amssymb), ready for pdflatex."""
    heading = f"\\section*{{{title}}}\n" if title else ""
    return (
        "\\documentclass{article}\n"
        "\\usepackage{amsmath,amssymb}\n"
        "\\begin{document}\n"
        f"{heading}{body}\n"
        "\\end{document}\n"
    )


# --------------------------------------------------------------------------- plain text


class _TextPrinter(StrPrinter):
    """SymPy's str printer with the LaTeX left out of names: w^(1)_1,2, y_hat, delta^(2)."""

    def _print(self, expr: Any, **kwargs: Any) -> str:
        if isinstance(expr, SampleIndexed):  # ahead of Indexed's own str method
            return self._print_SampleIndexed(expr)
        return super()._print(expr, **kwargs)

    def _print_Symbol(self, expr: Symbol) -> str:
        return _plain_name(expr.name)

    def _print_MatrixSymbol(self, expr: MatrixSymbol) -> str:
        return _plain_name(expr.name)

    def _print_Heaviside(self, expr: Heaviside) -> str:
        return f"1[{self._print(expr.args[0])} > 0]"

    def _print_ElementwiseApplyFunction(self, expr: ElementwiseApplyFunction) -> str:
        stand_in = Dummy("standin")
        template = self._print(expr.function(stand_in))
        return template.replace(self._print(stand_in), self._print(expr.expr))

    def _print_OneMatrix(self, expr: OneMatrix) -> str:
        return "1.T" if expr.shape[0] == 1 != expr.shape[1] else "1"

    def _print_HadamardPower(self, expr: HadamardPower) -> str:
        return f"{self.parenthesize(expr.base, 1000)}^∘{self._print(expr.exp)}"

    def _print_SampleIndexed(self, expr: Basic) -> str:
        sample, *rest = expr.indices
        tail = "_" + ",".join(self._print(r) for r in rest) if rest else ""
        return f"{self._print(expr.base.label)}^({self._print(sample)}){tail}"

    def _print_Add(self, expr: Expr, order: str | None = None) -> str:
        # Positive terms first, in SymPy's order otherwise: z - y, not -y + z.
        return self._signed_sum(self._as_ordered_terms(expr, order=order),
                                lambda term: self.parenthesize(term, 40))

    def _print_MatAdd(self, expr: MatAdd) -> str:
        return self._signed_sum([_summand(term) for term in expr.args], self._print)

    def _print_MatMul(self, expr: MatMul) -> str:
        coefficient, matrices = expr.as_coeff_matrices()
        ordered = _scalars_first(matrices)
        if ordered == list(matrices):
            return super()._print_MatMul(expr)
        factors = [coefficient, *ordered] if coefficient != 1 else ordered
        return "*".join(self.parenthesize(factor, precedence(expr)) for factor in factors)

    def _signed_sum(self, terms, positive) -> str:
        """`a + b - c`: positive terms first (stable sort), each later one printed by `positive`."""
        terms = sorted(terms, key=_negative)
        text = self._print(terms[0])
        for term in terms[1:]:
            if _negative(term):
                text += f" - {self.parenthesize(-term, 40)}"
            else:
                text += f" + {positive(term)}"
        return text

    def _print_HadamardProduct(self, expr: HadamardProduct) -> str:
        return " ⊙ ".join(self.parenthesize(f, 50) for f in _textbook_order(expr.args))

    def _print_Mul(self, expr: Expr) -> str:
        if expr.is_commutative and not expr.could_extract_minus_sign() and \
                fraction(expr)[1] == 1:
            return "*".join(self.parenthesize(f, 50) for f in _textbook_order(expr.args))
        return super()._print_Mul(expr)


_LATEX_WORDS = {r"\hat{y}": "y_hat", r"\delta": "delta", r"\lambda": "lambda"}


def _plain_name(name: str) -> str:
    for latex, word in _LATEX_WORDS.items():
        name = name.replace(latex, word)
    return name.replace("{", "").replace("}", "").replace("\\", "")


def _text(expression: Any) -> str:
    return _TextPrinter().doprint(expression)


def gradients_text(result: Backprop | Model) -> str:
    """The gradients as plain text, one line each: `dL/dw_1 = (f - y)*x_1`."""
    if isinstance(result, Model):
        result = backprop(result)
    loss = _text(result.model.loss)
    lines = [f"{_text(d)} = {_text(v)}" for d, v in result.deltas.items()]
    lines += [f"d{loss}/d{_text(v)} = {_text(g)}" for v, g in result.gradients.items()]
    return "\n".join(lines)

