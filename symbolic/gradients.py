r"""Gradients through a model, simplified to the closed forms people write.

This module is machinery only: derivative rules come from each function's `fdiff`
(`symbolic.functions`) and structure from the model's definitions; it never names a
particular activation or loss.

The method is backprop over the model's definitions. Each name's adjoint ∂L/∂name is
worked out once, from the definitions that use it:

    ∂L/∂v = Σ over names c whose definition uses v of  (∂L/∂c) · ∂c/∂v.

The local derivative ∂c/∂v is taken by SymPy's `diff` (scalar form) or by the pullback
rules of matrix calculus (matrix form; element-wise functions through their `fdiff`),
re-expressed by the names of the intermediates (σ(z) becomes f, so σ' = σ(1 − σ)
becomes f(1 − f)), and tidied: of a few equal forms (as it is, with common factors
taken out, cancelled, expanded, factored, with the targets' constraints such as
Σ_k y_k = 1 used) the shortest wins. The adjoints a model names (an MLP's deltas
δ^{(l)} = ∂L/∂z^{(l)}) stay symbols in the layers before them. Per-sample names inside a
sum over samples are written out where they are used. That is how BCE∘σ gives
(f − y) x_j and softmax–CE gives ŷ − y with no rule written for either.

    >>> from symbolic.networks import logistic_regression
    >>> from sympy import Symbol
    >>> gradient(logistic_regression(features=2), Symbol("w_{1}", real=True))
    x_{1}*(f - y)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce

from sympy import (
    Add,
    Basic,
    Dummy,
    Eq,
    Expr,
    Lambda,
    Mul,
    Pow,
    S,
    Sum,
    Symbol,
    cancel,
    count_ops,
    default_sort_key,
    diff,
    expand,
    factor,
    factor_terms,
)
from sympy.matrices.expressions import (
    HadamardPower,
    HadamardProduct,
    Identity,
    MatAdd,
    MatMul,
    MatrixExpr,
    MatrixSymbol,
    OneMatrix,
    Trace,
    Transpose,
    ZeroMatrix,
)
from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.matrices.immutable import ImmutableMatrix
from sympy.tensor.indexed import Indexed

from symbolic.errors import DerivcheckError
from symbolic.functions import VectorFunction
from symbolic.networks import Model

__all__ = ["Backprop", "GradientError", "backprop", "gradient"]


class GradientError(DerivcheckError, ValueError):
    """A gradient that cannot be taken: an unknown variable, or an expression with no rule."""


@dataclass(frozen=True, eq=False)
class Backprop:
    r"""A model's gradients in closed form.

    Attributes:
        model: the model they are of.
        deltas: delta name -> closed form, the output layer first; each closed form uses
            the model's names and the deltas of later layers.
        gradients: name -> ∂L/∂name, in the model's names and the deltas.
    """

    model: Model
    deltas: dict[Basic, Basic]
    gradients: dict[Basic, Basic]

    def inline(self, expression: Basic) -> Basic:
        """Replace every delta by its closed form, until none is left."""
        for _ in range(len(self.deltas) + 1):
            replaced = expression.xreplace(self.deltas)
            if replaced == expression:
                break
            expression = replaced
        return expression

    def expand(self, expression: Basic) -> Basic:
        """The expression in the model's base variables only: deltas and names expanded."""
        return self.model.expand(self.inline(expression))


def backprop(model: Model, wrt: Sequence[Basic] | None = None) -> Backprop:
    r"""The deltas of `model` and ∂L/∂v for each v in `wrt` (default: `model.reported`).

    >>> from symbolic.networks import mlp
    >>> result = backprop(mlp([2, 2, 1], ["sigmoid", "sigmoid"], loss="bce"))
    >>> [str(delta) for delta in result.deltas]
    ['\\delta^{(2)}', '\\delta^{(1)}']
    """
    derivation = _Derivation(model)
    names = list(model.definitions)
    deltas = {}
    for name in reversed(names):
        if name in model.adjoints:
            deltas[model.adjoints[name]] = derivation.adjoint(name)
    targets = model.reported if wrt is None else wrt
    gradients = {v: derivation.adjoint(_checked(model, v)) for v in targets}
    return Backprop(model, deltas, gradients)


def gradient(model: Model, wrt: Basic) -> Basic:
    """∂L/∂wrt in closed form, in the model's names (deltas written out).

    `wrt` is a parameter, an input or an intermediate name such as the logits z.
    """
    result = backprop(model, [wrt])
    return result.inline(result.gradients[wrt])


def _checked(model: Model, variable: Basic) -> Basic:
    """The model's own symbol for `variable`: itself, or the one of the same name.

    Symbols are equal only with equal assumptions; a name means one thing in a model,
    so `Symbol("w_{1}")` finds the model's real `w_{1}`.
    """
    if variable == model.loss:
        raise GradientError("∂L/∂L is 1: name a parameter, an input or an intermediate")
    if variable in model.definitions or any(
        definition.has(variable) for definition in model.definitions.values()
    ):
        return variable
    for known in (*model.variables, *model.definitions):
        if str(known) == str(variable) and known != model.loss:
            return known
    names = ", ".join(str(v) for v in (*model.parameters, *model.definitions))
    raise GradientError(f"{variable} does not appear in the model; it has {names}")


# --------------------------------------------------------------------------- the derivation


class _Derivation:
    """Backprop over one model's definitions.

    Every name is a cut, its adjoint ∂L/∂name worked out once, except names indexed by a
    summation index (per-sample quantities inside a sum over samples), which are written
    out where they are used. The adjoints the model names (the deltas) stay symbols in
    what comes before them; the others are written in.
    """

    def __init__(self, model: Model):
        self.model = model
        self.definitions = model.definitions
        self.matrix = model.form == "matrix"
        self.cuts = [name for name in self.definitions if not isinstance(name, Indexed)]
        self._is_cut = set(self.cuts)
        self._adjoints: dict[Basic, Basic] = {}
        self.names = _Names(self.definitions, model.loss)
        self._dependence: dict[tuple[Basic, Basic], bool] = {}

    def _upstream(self, cut: Basic) -> Basic:
        """∂L/∂cut as the names before it see it: 1 for L, a delta's name, or its closed form."""
        if cut == self.model.loss:
            loss = self.definitions[cut]
            return Identity(1) if isinstance(loss, MatrixExpr) else S.One
        if cut in self.model.adjoints:
            return self.model.adjoints[cut]
        return self.adjoint(cut)

    def adjoint(self, variable: Basic) -> Basic:
        """∂L/∂variable: each cut using it contributes (∂L/∂cut) · ∂cut/∂variable."""
        if variable not in self._adjoints:
            self._adjoints[variable] = self._work_out(variable)
        return self._adjoints[variable]

    def _work_out(self, variable: Basic) -> Basic:
        parts = []
        for cut in self.cuts:
            if cut == variable:
                continue
            expression = self._towards(cut, variable)
            if not expression.has(variable):
                continue
            parts.append(self._chain(expression, variable, self._upstream(cut)))
        if not parts:
            return self._zero_like(variable)
        if self.matrix:
            return _tidy_matrix(reduce(lambda x, y: x + y, parts), self.model.constraints)
        return _tidy(Add(*parts), self.model.constraints)

    def _zero_like(self, variable: Basic) -> Basic:
        return ZeroMatrix(*variable.shape) if isinstance(variable, MatrixExpr) else S.Zero

    def _depends(self, name: Basic, variable: Basic) -> bool:
        key = (name, variable)
        if key not in self._dependence:
            self._dependence[key] = self.model.depends_on(name, variable)
        return self._dependence[key]

    def _towards(self, cut: Basic, variable: Basic) -> Basic:
        """The cut's definition with the non-cut names that lead to `variable` written out."""
        expression = self.definitions[cut]
        for name, definition in reversed(self.definitions.items()):
            if name in self._is_cut or name == variable or not expression.has(name):
                continue
            if self._depends(name, variable):
                expression = expression.xreplace({name: definition})
        return expression

    def _chain(self, expression: Basic, variable: Basic, upstream: Basic) -> Basic:
        if self.matrix:
            pullback = _Pullback(self.names, self.model.constraints)
            return pullback.through(expression, variable, upstream)
        local = _tidy(self.names.reexpress(diff(expression, variable)), self.model.constraints)
        return upstream * local


class _Names:
    """Re-expressing results by the names of the intermediates: σ(z) back to f."""

    def __init__(self, definitions: dict[Basic, Basic], loss: Basic):
        # Earliest first, so σ(b + w x) becomes σ(z) before σ(z) becomes f. An alias
        # a := z turns z into a: the later name stands for both.
        self.replacements = [
            (definition, name, _atoms(definition))
            for name, definition in definitions.items() if name != loss
        ]

    def reexpress(self, expression: Basic) -> Basic:
        for old, new, needed in self.replacements:
            if needed <= _atoms(expression):
                expression = _replace(expression, old, new)
        return expression


def _atoms(expression: Basic) -> set:
    """The symbols in an expression, bound ones included."""
    return expression.atoms(Symbol, MatrixSymbol)


def _replace(expression: Basic, old: Basic, new: Basic) -> Basic:
    """Replace `old` by `new`: also part of a sum, a multiple of it, and inside sums over
    an index that `old` uses."""
    if isinstance(expression, MatrixExpr) or isinstance(old, MatrixExpr):
        return _replace_matrix(expression, old, new)
    forms = [expression.subs(old, new)]
    if isinstance(old, Add):  # 2 b + 2 w x - 2 y holds 2 (b + w x), which SymPy spread out
        forms.append(factor_terms(expression).subs(old, new))
    expression = min(forms, key=count_ops)
    sums = {s: Sum(_replace(s.function, old, new), *s.limits) for s in expression.atoms(Sum)}
    return expression.xreplace(sums) if sums else expression


def _replace_matrix(expression: Basic, old: Basic, new: Basic) -> Basic:
    expression = expression.xreplace({old: new})
    if not isinstance(old, MatAdd):
        return expression
    parts = set(old.args)
    negated = {(-term).doit() for term in old.args}

    def holds(e: Basic) -> bool:
        return isinstance(e, MatAdd) and (parts <= set(e.args) or negated <= set(e.args))

    def replaced(e: MatAdd) -> MatrixExpr:
        terms = set(e.args)
        if parts <= terms:
            return MatAdd(new, *(terms - parts)).doit()
        return MatAdd(-new, *(terms - negated)).doit()

    return expression.replace(holds, replaced)


# --------------------------------------------------------------------------- tidying scalars


def _tidy(expression: Expr, constraints: Sequence[Eq] = ()) -> Expr:
    """The shortest of a few equal forms of `expression`; ties go to the earlier form."""
    return _tidy_cached(expression, tuple(constraints))


# Past this many operations an expression is left as it is: factoring and cancelling
# can take very long on large expressions, and closed forms people write are small.
TIDY_LIMIT = 400


@lru_cache(maxsize=4096)
def _tidy_cached(expression: Expr, constraints: tuple[Eq, ...]) -> Expr:
    if expression.is_Atom or count_ops(expression) > TIDY_LIMIT:
        return expression
    expression = _tidy_summands(expression, constraints)
    forms = [expression, *_rewritten(expression)]
    for constraint in constraints:
        used = _use_sum_constraint(expression, constraint)
        if used != expression:
            forms += [used, *_rewritten(used)]
    forms = [_absorb_sign(_constants_out_of_sums(form)) for form in forms]
    return min(enumerate(forms), key=lambda pair: (count_ops(pair[1]), pair[0]))[1]


def _rewritten(expression: Expr) -> list[Expr]:
    forms = []
    has_fractions = any(p.exp.is_negative for p in expression.atoms(Pow))
    transforms = (factor_terms, cancel, expand, factor) if has_fractions else (
        factor_terms, expand, factor)
    for transform in transforms:
        try:
            forms.append(transform(expression))
        except (TypeError, ValueError, NotImplementedError):  # a form SymPy cannot make
            continue
    return forms


def _tidy_summands(expression: Expr, constraints: Sequence[Eq]) -> Expr:
    sums = {s: Sum(_tidy(s.function, constraints), *s.limits) for s in expression.atoms(Sum)}
    return expression.xreplace(sums) if sums else expression


def _constants_out_of_sums(expression: Expr) -> Expr:
    """Σ_i c g_i = c Σ_i g_i for c free of the summation index."""
    def pull(s: Sum) -> Expr:
        indices = [limit[0] for limit in s.limits]
        constant, rest = s.function.as_independent(*indices, as_Add=False)
        return constant * Sum(rest, *s.limits) if constant != 1 else s

    sums = {s: pull(s) for s in expression.atoms(Sum)}
    return expression.xreplace(sums) if sums else expression


def _absorb_sign(expression: Expr) -> Expr:
    """−c (a − b) as c (b − a): a leading minus goes into the first sum among the factors."""
    if not (isinstance(expression, Mul) and expression.could_extract_minus_sign()):
        return expression
    factors = list(expression.args)
    for position, factor_ in enumerate(factors):
        if isinstance(factor_, Add):
            factors[position] = -factor_
            return -Mul(*factors)
    return expression


def _use_sum_constraint(expression: Expr, constraint: Eq) -> Expr:
    """Use Σ_k y_k = t where it shortens `expression` (linear in the y_k).

    Write the expression as r + Σ_k c_k y_k; for each coefficient c among the c_k,
    r + c t + Σ_k (c_k − c) y_k is equal, and the shortest is kept.
    """
    variables = Add.make_args(constraint.lhs)
    total = constraint.rhs
    if not expression.has(*variables):
        return expression
    polynomial = expand(expression)
    coefficients = [polynomial.coeff(v) for v in variables]
    rest = polynomial.xreplace({v: 0 for v in variables})
    linear = rest + Add(*[c * v for c, v in zip(coefficients, variables, strict=True)])
    if expand(linear - polynomial) != 0 or any(c.has(*variables) for c in coefficients):
        return expression
    best = expression
    for common in dict.fromkeys(coefficients):
        candidate = rest + common * total + Add(
            *[(c - common) * v for c, v in zip(coefficients, variables, strict=True)]
        )
        candidate = expand(candidate)
        if count_ops(candidate) < count_ops(best):
            best = candidate
    return best


# --------------------------------------------------------------------------- matrix form


class _Pullback:
    """Matrix-calculus pullbacks: given G = ∂L/∂(expression), the part of ∂L/∂(variable)."""

    def __init__(self, names: _Names, constraints: Sequence[Eq]):
        self.names = names
        self.constraints = constraints

    def through(self, expression: Basic, variable: Basic, upstream: Basic) -> Basic:
        if expression == variable:
            return upstream
        if not expression.has(variable):
            return None
        upstream = _tidy_matrix(self.names.reexpress(upstream), self.constraints)
        if not isinstance(expression, MatrixExpr) and not isinstance(variable, MatrixExpr):
            return self._scalar(expression, variable, upstream)
        rule = getattr(self, "_" + type(expression).__name__, None)
        if rule is None:
            raise GradientError(
                f"no rule to differentiate {type(expression).__name__} in matrix form: "
                f"{expression}; write the model in scalar form instead"
            )
        return rule(expression, variable, upstream)

    def _scalar(self, expression: Expr, variable: Basic, upstream: Basic) -> Basic:
        """A scalar of scalars (c = λ² among matrices): its derivative times the upstream."""
        local = _tidy(self.names.reexpress(diff(expression, variable)), self.constraints)
        return MatMul(local, upstream).doit() if isinstance(upstream, MatrixExpr) \
            else local * upstream

    def _sum(self, parts: list) -> Basic:
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        return reduce(lambda x, y: x + y, parts)

    def _MatAdd(self, expression: MatAdd, variable: Basic, upstream: Basic) -> Basic:
        return self._sum([self.through(term, variable, upstream) for term in expression.args])

    def _MatMul(self, expression: MatMul, variable: Basic, upstream: Basic) -> Basic:
        coefficient, matrices = expression.as_coeff_matrices()
        parts = []
        if coefficient.has(variable):  # a scalar variable in the coefficient, such as b 1
            product = MatMul(*matrices)
            parts.append(diff(coefficient, variable) * _inner(upstream, product))
        for position, matrix in enumerate(matrices):
            if not matrix.has(variable):
                continue
            # ∂/∂M of ⟨G, c A M B⟩ is c Aᵀ G Bᵀ
            left, right = matrices[:position], matrices[position + 1:]
            factors = [*([MatMul(*left).T] if left else []), upstream,
                       *([MatMul(*right).T] if right else [])]
            inner = MatMul(coefficient, *factors).doit()
            parts.append(self.through(matrix, variable, inner))
        return self._sum(parts)

    def _Transpose(self, expression: Transpose, variable: Basic, upstream: Basic) -> Basic:
        return self.through(expression.arg, variable, upstream.T)

    def _HadamardProduct(self, expression: HadamardProduct, variable: Basic,
                         upstream: Basic) -> Basic:
        parts = []
        for position, term in enumerate(expression.args):
            others = expression.args[:position] + expression.args[position + 1:]
            parts.append(self.through(term, variable, HadamardProduct(upstream, *others)))
        return self._sum(parts)

    def _HadamardPower(self, expression: HadamardPower, variable: Basic,
                       upstream: Basic) -> Basic:
        base, power = expression.base, expression.exp
        local = power * HadamardPower(base, power - 1)
        return self.through(base, variable, HadamardProduct(upstream, local))

    def _ElementwiseApplyFunction(self, expression: ElementwiseApplyFunction, variable: Basic,
                                  upstream: Basic) -> Basic:
        local = self.names.reexpress(_elementwise_derivative(expression))
        return self.through(expression.expr, variable, HadamardProduct(upstream, local))

    def _VectorFunction(self, expression: VectorFunction, variable: Basic,
                        upstream: Basic) -> Basic:
        local = self._vector_pullback(expression, upstream)
        return self.through(expression.argument, variable, local)

    def _vector_pullback(self, node: VectorFunction, upstream: MatrixExpr) -> MatrixExpr:
        """Jᵀ G for a vector function, worked entry by entry, then read back as a vector."""
        size = int(node.shape[0])
        inputs = [Dummy(f"u{r}") for r in range(size)]
        value = self.names.reexpress(node)
        if not isinstance(value, MatrixSymbol):
            value = MatrixSymbol(f"v{id(node)}", *node.shape)
        outputs = {node.function(k + 1, *inputs): value[k, 0] for k in range(size)}
        g = upstream.as_explicit()
        entries = []
        for m in range(size):
            entry = Add(*[g[k, 0] * diff(f, inputs[m]) for f, k in
                          ((f, int(f.args[0]) - 1) for f in outputs)])
            entry = entry.xreplace(outputs)
            entries.append(_tidy(entry, self.constraints))
        return _as_vector(entries, node.shape)


def _inner(upstream: MatrixExpr, matrix: MatrixExpr) -> MatrixExpr:
    """⟨G, M⟩: Gᵀ-weighted sum of M's entries; Mᵀ G for column vectors."""
    if matrix.shape[1] == 1:
        return MatMul(matrix.T, upstream).doit()
    return Trace(MatMul(matrix.T, upstream))


def _elementwise_derivative(node: ElementwiseApplyFunction) -> MatrixExpr:
    """f'(z) for f applied element-wise, from f's own `fdiff`, in terms of f(z) itself."""
    point = Dummy("t")
    value = node.function(point)
    itself = Dummy("f")
    local = diff(value, point).subs(value, itself)
    return _lift(local, {point: node.expr, itself: node}, node.shape)


def _as_vector(entries: list[Expr], shape: tuple) -> MatrixExpr:
    """Entries e_m that follow one pattern in the m-th entries of matrices, as that pattern.

    ŷ[m, 0] − y[m, 0] for every m reads back as ŷ − y; otherwise the explicit column.
    """
    templates = []
    leaves: dict[Dummy, MatrixExpr] = {}
    for m, entry in enumerate(entries):
        elements = {e for e in entry.atoms(MatrixElement)}
        if any(e.i != m or e.j != 0 for e in elements):
            return ImmutableMatrix(entries)
        placeholders = {}
        for e in elements:
            placeholder = next((d for d, parent in leaves.items() if parent == e.parent), None)
            if placeholder is None:
                placeholder = Dummy(str(e.parent))
                leaves[placeholder] = e.parent
            placeholders[e] = placeholder
        templates.append(entry.xreplace(placeholders))
    if any(t != templates[0] for t in templates):
        return ImmutableMatrix(entries)
    return _lift(templates[0], leaves, shape)


# --------------------------------------------------------------------------- element-wise algebra


class _CannotLift(Exception):
    """A scalar template with a part that has no element-wise matrix form."""


def _lift(template: Expr, leaves: dict[Dummy, MatrixExpr], shape: tuple) -> MatrixExpr:
    """The matrix expression whose every entry is `template` of the leaves' entries.

    Sums become matrix sums, products Hadamard products, powers Hadamard powers and
    functions element-wise applications; a constant c becomes c times the ones matrix.
    """
    if template in leaves:
        return leaves[template]
    if not template.has(*leaves):
        return ZeroMatrix(*shape) if template == 0 else template * OneMatrix(*shape)
    if isinstance(template, Add):
        return MatAdd(*[_lift(term, leaves, shape) for term in template.args]).doit()
    if isinstance(template, Mul):
        constant, varying = template.as_independent(*leaves, as_Add=False)
        lifted = [_lift(f, leaves, shape) for f in Mul.make_args(varying)]
        ordered = sorted(lifted, key=default_sort_key)  # SymPy's canonical order
        product = ordered[0] if len(ordered) == 1 else HadamardProduct(*ordered)
        return product if constant == 1 else MatMul(constant, product)
    if isinstance(template, Pow) and not template.exp.has(*leaves):
        return HadamardPower(_lift(template.base, leaves, shape), template.exp)
    varying = [arg for arg in template.args if arg.has(*leaves)]
    if getattr(template, "is_Function", False) and len(varying) == 1:
        point = Dummy("t")
        function = Lambda(point, template.xreplace({varying[0]: point}))
        return ElementwiseApplyFunction(function, _lift(varying[0], leaves, shape))
    raise _CannotLift(template)


def _descend(expression: MatrixExpr, leaves: dict[Dummy, MatrixExpr],
             constraints: Sequence[Eq]) -> Expr:
    """The scalar template of an element-wise matrix expression; other parts are leaves."""
    if isinstance(expression, MatAdd):
        return Add(*[_descend(term, leaves, constraints) for term in expression.args])
    if isinstance(expression, HadamardProduct):
        return Mul(*[_descend(term, leaves, constraints) for term in expression.args])
    if isinstance(expression, HadamardPower):
        return Pow(_descend(expression.base, leaves, constraints), expression.exp)
    if isinstance(expression, ElementwiseApplyFunction):
        return expression.function(_descend(expression.expr, leaves, constraints))
    if isinstance(expression, OneMatrix) or (
        isinstance(expression, Identity) and expression.shape == (1, 1)
    ):
        return S.One
    if isinstance(expression, ZeroMatrix):
        return S.Zero
    if isinstance(expression, MatMul):
        coefficient, matrices = expression.as_coeff_matrices()
        if len(matrices) == 1:
            return coefficient * _descend(matrices[0], leaves, constraints)
        tidied = _product(S.One, [_tidy_matrix(m, constraints) for m in matrices])
        return coefficient * _leaf(tidied, leaves)
    return _leaf(expression, leaves)


def _leaf(expression: MatrixExpr, leaves: dict[Dummy, MatrixExpr]) -> Dummy:
    for placeholder, leaf in leaves.items():
        if leaf == expression:
            return placeholder
    placeholder = Dummy("M")
    leaves[placeholder] = expression
    return placeholder


def _tidy_matrix(expression: Basic, constraints: Sequence[Eq] = ()) -> Basic:
    """The tidiest form of a matrix expression: element-wise parts tidied as scalars."""
    if not isinstance(expression, MatrixExpr) or isinstance(expression, ImmutableMatrix):
        return expression
    return _tidy_matrix_cached(expression, tuple(constraints))


@lru_cache(maxsize=4096)
def _tidy_matrix_cached(expression: MatrixExpr, constraints: tuple[Eq, ...]) -> MatrixExpr:
    expression = _factor_common(_untransposed_scalars(expression.doit()), constraints)
    leaves: dict[Dummy, MatrixExpr] = {}
    template = _descend(expression, leaves, constraints)
    try:
        result = _lift(_tidy(template), leaves, expression.shape)
    except _CannotLift:
        return expression
    return _sign_into_sum(_product(S.One, [result]))


def _untransposed_scalars(expression: MatrixExpr) -> MatrixExpr:
    """fᵀ as f for a 1×1 f: the transpose of a scalar is itself."""
    return expression.replace(lambda e: isinstance(e, Transpose) and e.shape == (1, 1),
                              lambda e: e.arg)


def _sign_into_sum(expression: MatrixExpr) -> MatrixExpr:
    """−c A (x − y) as c A (y − x), as people write (ŷ − y) rather than −(y − ŷ)."""
    if not isinstance(expression, MatMul):
        return expression
    coefficient, matrices = expression.as_coeff_matrices()
    if not coefficient.could_extract_minus_sign():
        return expression
    for position, matrix in enumerate(matrices):
        if isinstance(matrix, MatAdd):
            flipped = (-matrix).doit()
            rest = [*matrices[:position], flipped, *matrices[position + 1:]]
            return _product(-coefficient, rest)
    return expression


def _factor_common(expression: MatrixExpr, constraints: Sequence[Eq]) -> MatrixExpr:
    """A B + A C as A (B + C), and B A + C A as (B + C) A, with the inner sum tidied."""
    if isinstance(expression, MatMul):
        coefficient, matrices = expression.as_coeff_matrices()
        inner = [_factor_common(m, constraints) for m in matrices]
        return _product(coefficient, inner) if inner != matrices else expression
    if not isinstance(expression, MatAdd):
        return expression
    splits = []
    for term in expression.args:
        coefficient, matrices = (term.as_coeff_matrices() if isinstance(term, MatMul)
                                 else (S.One, [term]))
        if len(matrices) < 2:
            return expression
        splits.append((coefficient, matrices))
    for end in (0, -1):
        common = splits[0][1][end]
        if all(matrices[end] == common for _, matrices in splits):
            rests = [matrices[1:] if end == 0 else matrices[:-1] for _, matrices in splits]
            inner = MatAdd(*[MatMul(c, *rest) for (c, _), rest in zip(splits, rests, strict=True)])
            inner = _tidy_matrix(inner.doit(), constraints)
            return _product(S.One, [common, inner] if end == 0 else [inner, common])
    return expression


def _product(coefficient: Expr, matrices: list[MatrixExpr]) -> MatrixExpr:
    """c A B … as one flat product, its scalar in front and not spread into any sum."""
    flat: list[MatrixExpr] = []

    def gather(factor_: Basic) -> None:
        nonlocal coefficient
        if isinstance(factor_, MatMul):
            for arg in factor_.args:
                gather(arg)
        elif isinstance(factor_, MatrixExpr):
            flat.append(factor_)
        else:
            coefficient *= factor_

    for matrix in matrices:
        gather(matrix)
    if coefficient == 1:
        return flat[0] if len(flat) == 1 else MatMul(*flat)
    return MatMul(coefficient, *flat)
