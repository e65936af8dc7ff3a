"""Meaning for the tree of `ast`: concrete SymPy for one instance of sizes and indices.

A claim about `\\theta_i` or a `K`-vector holds for every index and size, so the checker
builds it for several instances (i = 1, 2; K = 2, 3, …) and checks each. Within one
instance everything is concrete: sums are expanded, vectors and matrices are explicit
SymPy matrices of scalar `Var`s, and `∂A/∂B` is asked of the scope (the context).
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import sympy

from symbolic import limits
from symbolic.differentials import differential_of
from symbolic.errors import (
    BroadcastShapeError,
    DerivcheckError,
    MeaningError,
    ShapeError,
    UnshapedError,
)
from symbolic.functions import held
from symbolic.notation import ast as A
from symbolic.notation.matrix_build import starred_matrices
from symbolic.notation.names import Var, base_of, canonical, var
from symbolic.notation.resolve import Reading, Resolved, unworded
from symbolic.notation.rewrite import to_latex
from symbolic.notation.trees import children, node_text, size_bound, ungroup, walk
from symbolic.notation.vocabulary import (
    ACCENTS,
    DENSITY_LETTERS,
    EXPECTATION,
    EXTREMA,
    IDENTITY,
    INDEX_LETTERS,
    LABEL_LETTERS,
    MATRIX_SOFTMAX,
    NORMAL_DENSITY,
    ONES,
    OPTIMUM,
    PARAMETER_GREEK,
    PARAMETER_LETTERS,
    SIGMA,
    SOFTMAX_AXIS,
    UNDEFINED_WORDS,
    UPDATE_MARKS,
    ZEROS,
    known_function,
)

MAX_SUM_TERMS = 64
SPREAD_SIZE = 2      # the instance whose named dimensions each get a size of their own
MAX_CALL_DEPTH = 16  # a defined function calling itself deeper than this is recursive


class Scope(Protocol):
    """What building needs from the context."""

    shapes: dict[str, tuple]        # name -> (rows, cols), each an int or a dimension name
    values: dict[str, sympy.Expr]   # names bound to numbers
    dot_products: bool              # `u \cdot v` of two vectors: their dot product
    samples_whole: bool             # x^{(i)} of a declared vector x: a sample shaped as x
    conventions: dict               # the conventions given (`softmax: rows`)
    functions: dict                 # the functions the text defines, by name

    def is_value(self, name: str) -> bool: ...
    def written_through_parameter(self, function) -> str | None: ...
    def is_size_name(self, name: A.Name) -> bool: ...
    def kind(self, name: str) -> str | None: ...
    def shape_of(self, name: str) -> tuple | None: ...
    def whole_value(self, name: str) -> int | None: ...
    def listed_length(self, name: str) -> int | None: ...
    def function_for(self, node: A.Node): ...
    def resolve(self, node: A.Node) -> Resolved: ...
    def partial(self, numerator, wrt, instance: Instance): ...
    def log_base(self) -> sympy.Expr | None: ...
    def stepped(self) -> frozenset[str]: ...
    def expand(self, expr, instance: Instance, keep=frozenset()): ...
    def defines_bare(self, name: str) -> bool: ...
    def is_function(self, base: str) -> bool: ...
    outside_varies: bool


@dataclass
class Instance:
    """Concrete sizes and index values for one build."""

    indices: dict[str, int] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    default_size: int = 3
    used: set[str] = field(default_factory=set)    # the sizes a build has consulted
    counts: frozenset[str] = frozenset()           # names that count terms of a sum here

    def with_indices(self, indices: dict[str, int]) -> Instance:
        """The same sizes with more index values fixed."""
        return Instance(dict(self.indices, **indices), self.sizes, self.default_size,
                        counts=self.counts)

    def size(self, name: str) -> int:
        self.used.add(name)
        return self.sizes.setdefault(name, self.default_size)

    def declare_dimensions(self, names: Iterable[str]) -> None:
        """Sizes for the named dimensions of the shapes (`m`, `n`, `D_h`), fixed up front.

        The instance of size 2 gives each dimension a size of its own (2, 3, 4, … in name
        order), so a claim that confuses two of them (a sum to n for a sum to m, 1/n for
        1/m, a product that only conforms when they agree) fails there; the other instances
        give them all one size, so a transposed matrix still conforms and is compared.
        """
        names = sorted(set(names))
        used = {self.sizes[n] for n in names if n in self.sizes}
        candidate = self.default_size
        if self.default_size == SPREAD_SIZE:
            # a layer's size, d_{2} or n^{(2)}: 2 and 3 by turns, so that the weights between
            # two layers are not square, and ten layers do not make ten sizes
            for name in names:
                layer = _layer_number(name)
                if layer is not None and name not in self.sizes:
                    self.sizes[name] = SPREAD_SIZE + layer % 2
                    used.add(self.sizes[name])
        for name in names:
            if name in self.sizes:
                continue
            if self.default_size == SPREAD_SIZE:
                while candidate in used:
                    candidate += 1
                used.add(candidate)
                self.sizes[name] = candidate
            else:
                self.sizes[name] = self.default_size


# How many outcomes an expectation averages over: an arbitrary distribution on that many
# points, its values drawn as any other quantity is; every symbol an expectation makes is
# marked so (a user's ω or ⟨ never is one)
OUTCOMES = 4
OUTCOME_MARK = r"\rangle\!\langle"

def expectation(body, over: str, random: list):
    """E[body] over an arbitrary distribution of `OUTCOMES` outcomes: the body at each, the
    symbols in `random` taking values of their own there, weighted by positive weights
    (1 + u_k², so that every sample is a distribution) divided by their sum."""
    weights = [1 + Var(rf"u^{{{OUTCOME_MARK} {over or 'E'}}}_{{{k}}}") ** 2
               for k in range(1, OUTCOMES + 1)]
    outcomes = [body.xreplace({symbol: outcome_of(symbol, k) for symbol in random})
                for k in range(1, OUTCOMES + 1)]
    total = functools.reduce(operator.add, (w * value for w, value in
                                            zip(weights, outcomes, strict=True)))
    return total / functools.reduce(operator.add, weights)


def law_weight(call, value, outcomes: list):
    """A distribution's probability of `value`, as `p_\\theta(x)` writes it (`call`, the
    undefined function applied): any one normalised over the values `outcomes` the drawn
    letter takes, that moves with the call's other arguments (its parameter), as the softmax
    of an arbitrary function of the value and the parameter. `p_\\theta(x^{(k)})` summed over
    k is 1 and `\\nabla_\\theta` of it 0, as for every distribution; what holds for such a
    one only by chance does not hold at a sample (see `compare.function_families`)."""
    score = sympy.Function(rf"{call.func}^{{{OUTCOME_MARK}}}", real=True)
    rest = call.args[1:]
    return sympy.exp(score(value, *rest)) / functools.reduce(
        operator.add, (sympy.exp(score(outcome, *rest)) for outcome in outcomes))


def density_letter(node: A.Node) -> str | None:
    """The letter a written probability is of: x of `p_\\theta(x)`, `q_\\phi(z)` (a density
    letter, subscripted, applied to one bare letter), parsed or resolved (a call of a
    function defined nowhere, its parameter the second argument); None for any other."""
    if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
            and node.left.base in DENSITY_LETTERS and len(node.left.sub) == 1 \
            and not node.left.sup and not node.left.primes:
        value = ungroup(node.right)
    elif isinstance(node, A.Call) and node.callee is A.Callee.ARBITRARY \
            and node.name.split("_")[0] in DENSITY_LETTERS and len(node.args) == 2 \
            and node.index is None and node.power is None and not node.primes:
        value = node.args[0]
    else:
        return None
    return value.base if isinstance(value, A.Name) and not value.sub and not value.sup \
        and not value.primes and len(value.base) == 1 else None


def outcome_letters(trees) -> frozenset[str]:
    """The letters a link draws values of from a distribution it writes: x of `\\sum_x
    p_\\theta(x) f(x)` (a sum over every value x takes, no bounds written) and of
    `\\mathbb{E}_{x \\sim p_\\theta(x)}[f(x)]`, where `p_\\theta(x)` is written somewhere
    in the link (or its subscript)."""
    drawn, written = set(), set()
    for tree in trees:
        for n in walk(tree):
            if isinstance(n, A.Expectation) and n.draw:
                drawn.add(n.draw)
                if n.law is not None:
                    written.add(density_letter(n.law))
            elif isinstance(n, A.SumOver) and n.index and n.index not in INDEX_LETTERS \
                    and n.lower is None and n.upper is None and not n.product:
                drawn.add(n.index)
            elif (letter := density_letter(n)) is not None:
                written.add(letter)
    return frozenset(drawn & written)


def _symbols_of(value) -> set:
    return set(getattr(value, "free_symbols", ()))


def outcome_of(symbol, k: int) -> Var:
    """The value a quantity that varies takes at outcome k of an expectation."""
    return Var(rf"{symbol.name}^{{{OUTCOME_MARK} {k}}}")


def _outcome_symbol(symbol) -> bool:
    """Whether a symbol is an expectation's own: an outcome's value or weight, which an
    outer expectation holds fixed (the E[X] of `E[X - E[X]]` is a number)."""
    return OUTCOME_MARK in symbol.name


def without_expectations(node: A.Node) -> A.Node:
    """The tree with every expectation a name of its own (`EXPECTATION`, never 0, which
    would take the factors before it away): what a link holds outside them."""
    if isinstance(node, A.Expectation):
        return A.Name(EXPECTATION, pos=node.pos)
    changes = {}
    for name in A.child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, A.Node):
            new = without_expectations(value)
            if new is not value:
                changes[name] = new
        elif isinstance(value, tuple) and any(isinstance(v, A.Node) for v in value):
            new = tuple(without_expectations(v) if isinstance(v, A.Node) else v
                        for v in value)
            if new != value:
                changes[name] = new
    return dataclasses.replace(node, **changes) if changes else node


def _parameter(symbol) -> bool:
    """Whether a symbol is a parameter's (`PARAMETER_LETTERS`), bare or numbered."""
    return base_of(symbol) in PARAMETER_LETTERS and (
        symbol.name == base_of(symbol) or symbol.name[len(base_of(symbol)):].strip("_{}")
        .isdigit())


def _require_expectation_read(trees: tuple, node: A.Expectation, modelled: bool) -> None:
    """An expectation is read over one distribution the link does not differentiate: two
    distributions (E_P and E_Q, or E beside E_P) may be one, and a derivative of an
    expectation may move its distribution, which is modelled only for one the link writes
    with its parameter (∇_θ E_{x∼p_θ(x)}, `outcome_letters`)."""
    found = [n for tree in trees for n in walk(tree) if isinstance(n, A.Expectation)]
    if len({_spelled(n.over) for n in (*found, node)}) > 1:
        raise MeaningError("expectations over different distributions are not modelled", "",
                           node.pos, "Check this step by hand.")
    if modelled:
        return
    for tree in trees:
        for n in walk(tree):
            inner = n.numerator if isinstance(n, A.Partial) and n.numerator is not None \
                else n.operand if isinstance(n, A.Partial) else \
                n if isinstance(n, A.Call) and "nabla" in n.name else None
            if inner is not None and any(isinstance(m, A.Expectation) for m in walk(inner)):
                raise MeaningError(
                    "the derivative of an expectation: whether its distribution depends on "
                    "the variable is not said, and derivcheck does not model it", "",
                    node.pos, "Take the derivative inside the expectation, or check this "
                    "step by hand.")


def _spelled(over: str) -> str:
    """An expectation's subscript without spacing and braces: `x \\sim p_{\\theta}(x)` and
    `x \\sim p_\\theta(x)` name one distribution."""
    return "".join(c for c in over if c not in " {}")


def _sample_label(node: A.Node) -> bool:
    """`y_i`, `t_n`: a one-letter name with one index letter, as a class label of a sample."""
    return isinstance(node, A.Name) and len(node.sub) == 1 and not node.sup \
        and not node.primes and len(node.base) == 1 and node.base not in INDEX_LETTERS \
        and isinstance(node.sub[0], A.Name) and node.sub[0].base in INDEX_LETTERS \
        and not node.sub[0].sub


def _value_in(node: A.Node, index: str) -> bool:
    """Whether `index` stands bare (not as a subscript) somewhere in `node`: the w of `w^2`."""
    if isinstance(node, A.Name):
        return node.base == index and not node.sub and not node.sup
    return any(_value_in(child, index) for child in children(node))


def _argument_in(node: A.Node, index: str) -> bool:
    """Whether `index` stands alone as the argument of an application in `node`: `y(x)`."""
    if isinstance(node, A.BinOp) and node.op in ("apply", "juxt") \
            and isinstance(node.right, A.Group):     # y(x), and a^L(x) read as a product
        inner = node.right.inner
        if isinstance(inner, A.Name) and inner.base == index and not inner.sub \
                and not inner.sup:
            return True
    if isinstance(node, A.Call) and any(isinstance(a, A.Name) and a.base == index
                                        and not a.sub and not a.sup for a in node.args):
        return True
    return any(_argument_in(child, index) for child in children(node))


def _layer_number(dimension: str) -> int | None:
    """The layer of a numbered dimension, `d_{2}` or `n^{(2)}`: 2; None for `m`, `D_{h}`."""
    for opener, closer in (("_{", "}"), ("^{(", ")}")):
        if opener in dimension and dimension.endswith(closer):
            label = dimension[dimension.index(opener) + len(opener):-len(closer)]
            if label.isdigit():
                return int(label)
    return None


@dataclass
class Annotation:
    """`\\underbrace{expr}_{value}`: a numeric sub-claim found while building."""

    expr: sympy.Expr
    value: sympy.Expr
    expr_node: A.Node
    value_node: A.Node


class BuildError(MeaningError):
    """A tree that parses but has no meaning here (a bad index, an unsized vector of ones)."""


class Builder:
    """Concrete SymPy for a resolved tree, in one instance of sizes and indices.

    `read` is the way in: it resolves a parsed tree against the scope, then builds it.
    Building decides nothing about the notation: the resolve pass has.
    """

    def __init__(self, scope: Scope, instance: Instance, source: str = "",
                 vectors: frozenset[str] = frozenset(),
                 dimensions: frozenset[str] | None = None, trees: tuple = ()):
        self.scope = scope
        self.trees = trees              # the link's sides, parsed: what an expectation is in
        self.constants: frozenset | None = None     # see `random_in`
        self.vectors = vectors          # bare names known to stand for whole vectors
        self.dimensions = dimension_names(scope) if dimensions is None else dimensions
        instance.declare_dimensions(self.dimensions)
        self.in_vector = False
        self.instance = instance
        self.source = source
        self.bound: dict[str, int] = {}
        self.annotations: list[Annotation] = []
        self.readings: list[Reading | str] = []
        self.call_depth = 0

    def fail(self, reason: str, node: A.Node, hint: str = "") -> BuildError:
        return BuildError(reason, self.source, getattr(node, "pos", None), hint)

    # -- dispatch --------------------------------------------------------------------
    def read(self, node: A.Node):
        """A parsed tree as SymPy: resolved against the scope, then built."""
        resolved = self.scope.resolve(node)
        self.readings.extend(resolved.readings)
        value = self.build(resolved.tree)
        self.refuse_unsized_ones(node, value)      # `A \mathbf{1} = \mathbf{1}`: alone, unsized
        return value

    def build(self, node: A.Node):
        """A resolved tree (or part of one) as SymPy."""
        method = getattr(self, "build_" + type(node).__name__)
        return method(node)

    def build_Unread(self, node: A.Unread):
        raise self.fail(f"this uses a definition that could not be read ({node.reason})", node)

    def build_Num(self, node: A.Num):
        return sympy.Rational(node.text)

    def build_Group(self, node: A.Group):
        return self.build(node.inner)

    def build_Neg(self, node: A.Neg):
        return -self.build(node.operand)

    def build_Annotated(self, node: A.Annotated):
        value = self.build(node.expr)
        if node.note is not None:
            note = self.build(node.note)
            if _is_number(note):
                self.annotations.append(Annotation(value, note, node.expr, node.note))
        return value

    def build_Expectation(self, node: A.Expectation):
        """E[body] as a linear operator over an arbitrary distribution: the body with its
        definitions in place, averaged over `OUTCOMES` outcomes of what varies in it
        (`expectation`). What holds for every distribution holds for such a one; what
        fails for one may hold for the one the text has in mind (see
        `claims._expectation_doubt`)."""
        if not any(isinstance(n, A.Expectation) for tree in self.trees for n in walk(tree)):
            # L = \mathbb{E}[(y - w x)^2] or J(w) = \mathbb{E}[…] defined: which names vary (w,
            # or y and x) is what the steps that use it would have to say
            raise MeaningError("an expectation in a definition: which of its names vary with "
                               "the outcome is not said", "", node.pos,
                               "Write the expectation in the steps, or check them by hand.")
        if node.plain and (self.scope.is_function("E") or self.scope.is_value("E")
                           or self.scope.defines_bare("E") or "E" in self.scope.functions):
            # E(w) = ½(wx - t)^2 defined, then E[w + 1]: E at a point, or an expectation
            raise MeaningError("E[…] in plain letters is an expectation, or the E defined here "
                               "at a point: the readings disagree", "", node.pos,
                               r"Write \mathbb{E}[…] for the expectation.")
        if node.draw and node.law is not None and (outcomes := self.outcomes(node.draw)) \
                and (value := self.expectation_under_law(node, outcomes)) is not None:
            _require_expectation_read(self.trees, node, modelled=True)
            return value
        # (a law defined in the text, p_θ(x) = σ(θ x), or one not read: its derivative
        # stays refused)
        _require_expectation_read(self.trees, node, modelled=False)
        body = self.expanded(node.body)
        return expectation(body, node.over, self.random_in(body))

    @functools.cached_property
    def drawn(self) -> frozenset[str]:
        """The letters this link draws from a distribution it writes (`outcome_letters`)."""
        return outcome_letters(self.trees)

    def outcomes(self, letter: str) -> list | None:
        """The values a drawn letter takes (`OUTCOMES` of them), or None when the letter is
        not drawn here, or stands for a vector, a matrix or a definition."""
        if letter not in self.drawn:
            return None
        value = self.build(A.Name(letter))
        if not isinstance(value, sympy.Symbol) or _outcome_symbol(value):
            return None
        return [outcome_of(value, k) for k in range(1, OUTCOMES + 1)]

    def outcomes_of_law(self, node: A.Call) -> list | None:
        """The values of its letter, when `node` is a written probability of a drawn letter
        (`p_\\theta(x)`, resolved: the parameter its second argument)."""
        letter = density_letter(node)
        return self.outcomes(letter) if letter is not None else None

    def sum_over_outcomes(self, node: A.SumOver, outcomes: list):
        """`\\sum_x f(x) p_\\theta(x)`: the body at each value the drawn x takes."""
        body, letter = self.build(node.body), self.build(A.Name(node.index))
        self.require_count_unsaid(body, letter, node)
        return functools.reduce(operator.add, (body.xreplace({letter: outcome})
                                               for outcome in outcomes))

    def require_count_unsaid(self, term, letter, node: A.Node) -> None:
        """`\\sum_y ((1 - ε) p_\\theta(y) + ε/4)`, `\\mathbb{E}[1/p_\\theta(x)]`: a part free of
        the drawn letter, summed over its values, counts them, which the text does not say
        (the model's four values would decide it)."""
        parts = sympy.Add.make_args(term) if isinstance(term, sympy.Expr) else ()
        if any(part != 0 and letter not in part.free_symbols for part in parts):
            raise self.fail(f"summed over every value {letter} takes, a part free of {letter} "
                            f"counts those values, and how many there are is not said", node,
                            "Write the sum with its bounds, as in \\sum_{k=1}^{K}.")

    def expectation_under_law(self, node: A.Expectation, outcomes: list):
        """`\\mathbb{E}_{x \\sim p_\\theta(x)}[f(x)]`: the body at each value x takes,
        weighted by the written distribution there (`law_weight`), which moves with θ."""
        law = ungroup(self.scope.resolve(node.law).tree)
        if not isinstance(law, A.Call) or self.outcomes_of_law(law) is None:
            return None
        letter, weight = self.build(A.Name(node.draw)), self.build(law)
        body = self.expanded(node.body)
        if not _is_matrix(body):
            self.require_count_unsaid(weight * body, letter, node)
        return functools.reduce(operator.add, (
            weight.xreplace({letter: outcome}) * body.xreplace({letter: outcome})
            for outcome in outcomes))

    def expanded(self, node: A.Node):
        """A tree built in this instance with its definitions in place."""
        return self.scope.expand(self.build(node), self.instance)

    def random_in(self, body) -> list:
        """The symbols of an expectation's body that vary with the outcome: all but the
        ones the link holds outside every expectation (α of `α E[v_{t-1}]`, with what their
        definitions bring in), which are constants. In the second reading
        (`outside_varies`) those that the expectations hold too vary as well, but for a
        parameter's (μ, σ)."""
        if self.constants is None:
            held_out = set()
            for tree in self.trees:
                try:
                    outside = Builder(self.scope, self.instance, self.source, self.vectors,
                                      self.dimensions).expanded(without_expectations(tree))
                    held_out |= _symbols_of(outside) - {Var(EXPECTATION)}
                except (DerivcheckError, TypeError, ValueError) as error:
                    # what the side holds constant cannot be told: nothing is read
                    raise MeaningError("what this step holds outside its expectations could "
                                       "not be read", "", None,
                                       "Check this step by hand.") from error
            if self.scope.outside_varies:
                under = self.symbols_under_expectations()
                held_out = {s for s in held_out if _parameter(s) or s not in under}
            self.constants = frozenset(held_out)
        return sorted((s for s in _symbols_of(body) - self.constants
                       if not _outcome_symbol(s)), key=str)

    def symbols_under_expectations(self) -> set:
        """Every symbol the link's expectations hold, their definitions in place."""
        found = set()
        for tree in self.trees:
            for node in walk(tree):
                if isinstance(node, A.Expectation):
                    try:
                        found |= _symbols_of(Builder(
                            self.scope, self.instance, self.source, self.vectors,
                            self.dimensions).expanded(without_expectations(node.body)))
                    except (DerivcheckError, TypeError, ValueError):
                        continue
        return found

    def build_Indicator(self, node: A.Indicator):
        if node.relation in ("==", "!=") and any(
                _sample_label(side) and side.base in self.instance.indices
                for side in (node.lhs, node.rhs)):
            left, right = self.index_value(node.lhs), self.index_value(node.rhs)
            # \mathbb{1}(k = y_i), y the label; \mathbb{1}(k \neq y_i), every other class
            return sympy.Integer((left == right) == (node.relation == "=="))
        diff = self.build(node.lhs) - self.build(node.rhs)
        if node.relation in (">", "<"):
            arg = diff if node.relation == ">" else -diff
            return sympy.Heaviside(arg, 0)
        if node.relation in (">=", "<="):
            arg = diff if node.relation == ">=" else -diff
            return sympy.Heaviside(arg, 1)
        if node.relation == "==":
            return sympy.KroneckerDelta(diff, 0)
        if node.relation == "!=":
            return 1 - sympy.KroneckerDelta(diff, 0)
        raise self.fail(f"the indicator relation '{node.relation}' is not supported", node)

    def build_At(self, node: A.At):
        """The expression with its definitions in place, then the point's values."""
        bound = [(self.build(name), self.build(point))
                 for name, point in zip(node.names, node.values, strict=True)]
        # the point's names are its own (x of `\nabla f(0.8, 0.8)` is not a given x = 1)
        kept = frozenset(s for symbol, _ in bound for s in (
            symbol if _is_matrix(symbol) else [symbol]) if isinstance(s, sympy.Symbol))
        value = self.scope.expand(self.build(node.expr), self.instance, keep=kept)
        replacements = {}               # all at once: \nabla f(y, x) swaps x and y
        for name, point, (symbol, number) in zip(node.names, node.values, bound, strict=True):
            if _is_matrix(symbol) != _is_matrix(number) or (
                    _is_matrix(symbol) and symbol.shape != number.shape):
                raise self.fail("the point's value does not have the shape of the name", point)
            pairs = zip(symbol, number, strict=True) if _is_matrix(symbol) \
                else [(symbol, number)]
            for old, new in pairs:
                if not isinstance(old, sympy.Symbol):
                    raise self.fail("only a name can be given a value at a point", name)
                replacements[old] = new
        return value.xreplace(replacements)

    def build_MatrixLiteral(self, node: A.MatrixLiteral):
        return sympy.ImmutableMatrix([[self.build(c) for c in row] for row in node.rows])

    def build_Abs(self, node: A.Abs):
        inner = self.build(node.operand)
        if _is_matrix(inner) and inner.is_square and inner.rows > 1:
            self.readings.append("|A| of a square matrix read as its determinant")
            return inner.det()
        if _is_matrix(inner):
            raise self.fail(f"|·| of a {_shape(inner)} matrix has no one meaning (a norm? "
                            "entry by entry?)", node, "Write \\|v\\| for a norm.")
        return sympy.Abs(inner)

    def build_Norm(self, node: A.Norm):
        inner = self.vector_value(node.operand)
        self.check_norm_order(node, inner)
        if _is_matrix(inner) and node.order == "1":
            return sum(sympy.Abs(e) for e in inner)      # ‖v‖_1: the sum of |v_i|
        if _is_matrix(inner):
            return sympy.sqrt(sum(e**2 for e in inner))
        return sympy.Abs(inner)

    def check_norm_order(self, node: A.Norm, inner) -> None:
        """‖A‖ and ‖A‖_F of a matrix are Frobenius; ‖A‖_2 would be the spectral norm, and
        ‖A‖_1 the largest column sum."""
        if node.order in ("1", "2") and _is_matrix(inner) and inner.rows > 1 and inner.cols > 1:
            which = "spectral norm" if node.order == "2" else "norm"
            raise self.fail(f"the {which} \\|A\\|_{node.order} of a matrix is not supported",
                            node, "For the Frobenius norm write \\|A\\|_F.")

    def build_Transpose(self, node: A.Transpose):
        inner = self.build(node.operand)
        if isinstance(inner, OnesVector):
            return OnesVector(not inner.row, inner.scale)
        if _is_matrix(inner):
            return inner.T
        if isinstance(node.operand, A.Name) and node.operand.base[:1].isupper() \
                and not _is_number(inner):
            # A^T on a capital name read as a number: the writer means a matrix, and reading
            # it as a number (A^T A = A A) would decide the claim by a misreading. (A lower-
            # case w^T x read as numbers is the product it stands for.)
            raise UnshapedError(f"{_name_text(self, node.operand)} is transposed, so it is "
                                "a matrix, but no shape is declared for it", self.source,
                                node.pos, "Declare its shape, as in shapes: {A: [m, n]}.")
        return inner

    def build_Power(self, node: A.Power):
        if isinstance(node.base, A.Name) and node.base.base == "e" and self._is_euler(node.base):
            exponent = self.build(node.exponent)
            return exponent.applyfunc(sympy.exp) if _is_matrix(exponent) else sympy.exp(exponent)
        if isinstance(node.base, A.Norm) and isinstance(node.exponent, A.Num) \
                and node.exponent.text == "2":
            inner = self.vector_value(node.base.operand)
            self.check_norm_order(node.base, inner)
            if _is_matrix(inner):
                return sum(e**2 for e in inner)
            return inner**2
        base = self.build(node.base)
        exponent = self.build(node.exponent)
        if _is_matrix(base) and base.shape == (1, 1) and not _is_matrix(exponent):
            base = base[0, 0]           # (x_i^T β)^{y_i}: a 1×1 product is a number
        if _is_matrix(base):
            if exponent.is_Integer and exponent < 0:      # A^{-1}, B^{-2}
                if base.rows != base.cols:
                    raise ShapeError(f"cannot invert a {base.rows}×{base.cols} matrix")
                if base.free_symbols:
                    limits.require_determinant_size(base.rows, "inverse")
                return _matrix_power(base.inv(), int(-exponent))
            if exponent.is_Integer and exponent > 0 and base.rows == base.cols:
                return _matrix_power(base, int(exponent))
            raise self.fail("a power of a non-square matrix has no meaning", node,
                            "Use \\odot for element-wise products.")
        if base.is_Number and exponent.is_number:   # 9^{9^{9^{9}}}: a tower stays unevaluated
            return _guarded_power(base, exponent)
        return sympy.Pow(base, exponent)

    def build_BinOp(self, node: A.BinOp):
        if node.op == "apply":
            raise self.fail("internal: an application reached the builder unresolved", node,
                            "Build trees through Builder.read, which resolves them first.")
        left = self.build(node.left)
        right = self.build(node.right)
        if node.op == "+":
            return self.add(left, right, node)
        if node.op == "-":
            return self.add(left, -right if not _is_matrix(right) else -right, node)
        if node.op == "/":
            if _is_matrix(right) and right.shape == (1, 1):
                right = right[0, 0]         # w^T x, a 1×1 product, is a number
            if _is_matrix(right) and 1 in right.shape and (
                    not _is_matrix(left) or left.shape == right.shape):
                # e^{Xβ} / (1 + e^{Xβ}), 1 / (1 + e^{-z}): a vector has no inverse, so the
                # division is entry by entry
                reciprocal = right.applyfunc(lambda e: 1 / e)
                return self.elementwise(left, reciprocal, node) if _is_matrix(left) \
                    else left * reciprocal
            if _is_matrix(right):
                raise self.fail("cannot divide by a matrix", node, "Multiply by its inverse.")
            try:
                return left / right
            except TypeError:   # \mathbf{1}^\top e^{a} of no size: no number to divide by
                raise self.fail("this division is not read: its denominator, as read, is "
                                "no number", node, "Declare the shapes of the vectors in "
                                "it.") from None
        if node.op == "odot":
            return self.elementwise(left, right, node)
        if node.op == "oslash":
            reciprocal = right.applyfunc(lambda e: 1 / e) if _is_matrix(right) else 1 / right
            return self.elementwise(left, reciprocal, node)
        if node.op == "outer":
            return left * right.T if _is_matrix(left) and _is_matrix(right) else left * right
        if node.op == "*" and _is_matrix(left) and _is_matrix(right) \
                and (1, 1) not in (left.shape, right.shape):
            raise starred_matrices(node)
        if _is_matrix(left) and _is_matrix(right) \
                and (_list_like(node.left) or _list_like(node.right)) \
                and not (node.op == "cdot" and _list_like(node.left) and _list_like(node.right)):
            return self.list_product(left, right, node)     # (a · between lists: a dot)
        return self.product(left, right, node)

    # -- arithmetic with shapes ------------------------------------------------------
    def add(self, left, right, node):
        self.refuse_unsized_ones(node, left, right)
        lm, rm = _is_matrix(left), _is_matrix(right)
        if not lm and not rm:
            return left + right
        if lm and rm:
            if left.shape == right.shape:
                return left + right
            if left.shape == right.shape[::-1] and 1 in left.shape and isinstance(node, A.BinOp):
                # (x_0, y_0) - \alpha \nabla g: a list's orientation is not written, so it
                # takes the other side's
                if _scaled_list(node.left) and left.rows == 1:
                    return left.T + right
                if _scaled_list(node.right) and right.rows == 1:
                    return left + right.T
            # a bias row broadcast over the rows of a batch
            if left.cols == right.cols and 1 in (left.rows, right.rows):
                big, row = (left, right) if right.rows == 1 else (right, left)
                return big + sympy.ImmutableMatrix.vstack(*[row] * big.rows)
            raise _shape_error(left, right,
                               f"cannot add a {_shape(left)} and a {_shape(right)} matrix "
                               f"in '{self.source}'")
        matrix, scalar = (left, right) if lm else (right, left)
        return matrix.applyfunc(lambda e: e + scalar)

    def product(self, left, right, node):
        scaled = _scaled_ones(left, right)
        if scaled is not None:
            return scaled
        left, right = self.sized_ones(left, right, node)
        lm, rm = _is_matrix(left), _is_matrix(right)
        if not lm or not rm:
            return left * right
        if left.cols == right.rows:
            return left * right
        if self.scope.dot_products and isinstance(node, A.BinOp) and node.op == "cdot" \
                and left.shape == right.shape and 1 in left.shape:
            self.readings.append(r"\cdot between two vectors read as their dot product")
            return sum(a * b for a, b in zip(left, right, strict=True))
        if left.shape == right.shape:
            self.readings.append("a product of two equal-shape arrays read as element-wise")
            return left.multiply_elementwise(right)
        if 1 in left.shape and 1 in right.shape and len(left) == len(right):
            self.readings.append("a product of two vectors read as their dot product")
            return sum(a * b for a, b in zip(left, right, strict=True))
        if left.shape == (1, 1) or right.shape == (1, 1):
            return left[0] * right if left.shape == (1, 1) else left * right[0]
        raise _shape_error(
            left, right, f"cannot multiply a {_shape(left)} by a {_shape(right)} matrix "
            f"(neither a matrix product nor an element-wise product fits) in '{self.source}'")

    def list_product(self, left, right, node):
        """A product with a list, whose orientation is not written (`(x, y)^T (x, y)`,
        `W (1, 2)`): each list is tried as a row and as a column; the one product that fits
        is it, and products that fit both ways and differ are in doubt."""
        lefts = [left, left.T] if _list_like(node.left) and 1 in left.shape else [left]
        rights = [right, right.T] if _list_like(node.right) and 1 in right.shape else [right]
        found = {sympy.ImmutableMatrix(a * b) for a in lefts for b in rights
                 if a.cols == b.rows}
        if len(found) > 1:
            raise MeaningError("a list in brackets or parentheses says no orientation, and "
                               "this product reads differently with it as a row and as a "
                               "column", "", node.pos,
                               "Write the list as a column with \\begin{pmatrix}, or "
                               "transpose it.")
        return found.pop() if found else self.product(left, right, node)

    def elementwise(self, left, right, node):
        self.refuse_unsized_ones(node, left, right)
        lm, rm = _is_matrix(left), _is_matrix(right)
        if lm and rm:
            if left.shape != right.shape:
                raise ShapeError(
                    f"an element-wise product needs equal shapes, not {_shape(left)} "
                    f"and {_shape(right)}, in '{self.source}'")
            return left.multiply_elementwise(right)
        return left * right

    def sized_ones(self, left, right, node):
        """`\\mathbf{1}^\\top G` sums the rows of G, `G \\mathbf{1}` its columns: the
        vector of ones takes the length the product needs."""
        if isinstance(left, OnesVector) and left.row and _is_matrix(right):
            left = left.scale * sympy.ImmutableMatrix.ones(1, right.rows)
        if isinstance(right, OnesVector) and not right.row and _is_matrix(left):
            right = right.scale * sympy.ImmutableMatrix.ones(left.cols, 1)
        self.refuse_unsized_ones(node, left, right)
        return left, right

    def refuse_unsized_ones(self, node: A.Node, *values) -> None:
        if any(isinstance(v, OnesVector) for v in values):
            raise self.fail("cannot tell the length of this vector of ones", node,
                            "Write its length as a subscript, as in \\mathbf{1}_m.")

    def ones(self, node: A.Name):
        """`\\mathbf{1}_m`: a column of m ones; bare `\\mathbf{1}`: sized by its product."""
        if node.sup or node.primes or node.suffix or len(node.sub) > 1:
            raise self.fail("the vector of ones takes one subscript, its length", node)
        if not node.sub:
            return OnesVector()
        length = self.index_value(node.sub[0])
        if not isinstance(length, int) or length < 1:
            raise self.fail("the length of a vector of ones must be a size", node)
        return sympy.ImmutableMatrix.ones(length, 1)

    def zeros(self, node: A.Name):
        """`\\mathbf{0}_m`: a column of m zeros. Bare, its size is not said: alone on a side
        it takes the other side's shape (`claims.build_sides`); elsewhere it is not read."""
        if node.sup or node.primes or node.suffix or len(node.sub) != 1:
            raise self.fail("cannot tell the size of this zero vector", node,
                            "Write its length as a subscript, as in \\mathbf{0}_m.")
        length = self.index_value(node.sub[0])
        if not isinstance(length, int) or length < 1:
            raise self.fail("the length of a zero vector must be a size", node)
        return sympy.ImmutableMatrix.zeros(length, 1)

    # -- names ---------------------------------------------------------------------
    def _is_euler(self, node: A.Name) -> bool:
        """e alone is Euler's number unless the text gives e itself a value or formula (not
        only its entries: e_i = y_i - \\hat{y}_i leaves e^{-z} Euler's)."""
        return not node.sub and not node.sup and not node.primes \
            and not self.scope.defines_bare("e")

    def index_value(self, node: A.Node) -> int | str:
        """An index as a whole number, or a label letter (the o of u_{o,2}) as itself.

        An index or bound may be a name bound to a whole number: `\\sum_{i=1}^{n}`, n = 4.
        """
        if isinstance(node, A.Name) and not node.sub and not node.sup and not node.primes \
                and node.base not in self.bound and node.base not in self.instance.indices:
            value = self.scope.values.get(canonical(node.base, (), (), node.suffix))
            if isinstance(value, sympy.Expr) and value.is_Integer:
                return int(value)
            if value is None and len(node.base) == 1 and node.base in self.scope.stepped():
                return node.base    # the i of W_i beside the gate i^t = …: a label, no index
        if isinstance(node, A.Name) and not node.sub and not node.sup \
                and node.base not in self.bound and node.base not in self.instance.indices \
                and node.base not in INDEX_LETTERS and (len(node.base) == 1
                                                        or node.base in UPDATE_MARKS):
            return node.base        # a label such as the o of u_{o,2}, the ⋆ of x^⋆
        if isinstance(node, A.Name) and not node.sub and not node.sup and not node.primes \
                and (node.base in PARAMETER_GREEK or node.base[1:].split("{")[0] in ACCENTS) \
                and node.base not in self.bound and node.base not in self.instance.indices \
                and canonical(node.base, (), (), "") not in self.scope.values:
            return node.base        # L_\theta, E_{\hat{w}}: the parameter it is a function of
        if _sample_label(node) and node.base not in self.bound \
                and not self.scope.is_value(node.base):
            # the label of sample i, y_i of s_{y_i}: a label as y is (the instance's class
            # label when it gives one, every sample's), else one per sample
            if node.base in self.instance.indices:
                return self.instance.indices[node.base]
            return canonical(node.base, (), (self.index_value(node.sub[0]),), "", 0)
        label = self.label_offset(node)
        if label is not None:
            return label
        if isinstance(node, A.BinOp) and node.op == "juxt" and isinstance(node.right, A.Group):
            # w_{0(1)}: weight 0 at step 1, as worked examples write it; never 0 times 1
            raise self.fail("an index with a step in parentheses after it is not read", node,
                            "Write the step as a superscript, as in w_0^{(1)}.")
        value = self.build(node)
        if not (isinstance(value, sympy.Expr) and value.is_Integer):
            raise self.fail("an index must be a whole number or an index letter", node)
        return int(value)

    def label_offset(self, node: A.Node) -> str | None:
        """`L-1` of `a^{L-1}`: the layer before the last, L a label (not a number) here."""
        if not (isinstance(node, A.BinOp) and node.op in ("+", "-")
                and isinstance(node.right, A.Num) and node.right.text.isdigit()):
            return None
        label = self.index_value(node.left) if isinstance(node.left, A.Name) else None
        return f"{label}{node.op}{node.right.text}" if isinstance(label, str) else None

    def build_Name(self, node: A.Name):
        """A quantity, an index's value, a size, or a whole declared vector or matrix.

        `W_{2,k,i}` is entry (k, i) of a declared matrix W_2 (unless W_{2,k,i} has a shape);
        a `positive` m that this claim sums to is the instance's size for m.
        """
        if node.suffix in LABEL_LETTERS and node.suffix in self.instance.indices \
                and not node.sub:
            # f_y with the class label an index here: the entry at the label's value
            number = A.Num(str(self.instance.indices[node.suffix]), node.pos)
            return self.build(dataclasses.replace(node, sub=(number,), suffix=""))
        if not node.sub and not node.sup and not node.primes \
                and node.base not in self.bound and node.base not in self.instance.indices:
            label = canonical(node.base, (), (), node.suffix, 0)
            if label in self.instance.sizes and (label in self.instance.counts
                                                 or self.scope.is_size_name(node)):
                return sympy.Integer(self.instance.sizes[label])
        entry = self.labelled_entry(node)
        if entry is not None:
            return entry
        if node.base == ONES:
            return self.ones(node)
        if node.base == ZEROS:
            return self.zeros(node)
        if self.is_dimension(node):
            return sympy.Integer(self.instance.size(_label(node)))
        if not node.sub and not node.sup and not node.suffix and not node.primes:
            if node.base in self.bound:
                return sympy.Integer(self.bound[node.base])
            if node.base in self.instance.indices:
                return sympy.Integer(self.instance.indices[node.base])
            if node.base == "e" and self._is_euler(node):
                return sympy.E
            if node.base == r"\pi" and not self.scope.is_value(r"\pi"):
                return sympy.pi
        if node.base == r"\delta" and len(node.sub) == 2 and not node.sup \
                and not self.scope.is_value(r"\delta"):
            i, j = (self.index_value(s) for s in node.sub)
            return sympy.Integer(int(i == j))
        if self.in_vector and not node.sub and not node.sup and node.base in self.vectors \
                and self.scope.shape_of(node.base) is None:
            n = self.instance.size("")
            name = canonical(node.base, (), (), node.suffix, node.primes)
            return sympy.ImmutableMatrix([Var(_entry_name(name, (k,))) for k in range(1, n + 1)])
        sup = tuple(self.index_value(s) for s in node.sup)
        sub = tuple(self.index_value(s) for s in node.sub)
        suffix = node.suffix
        if len(suffix) == 1 and (suffix in self.bound or suffix in self.instance.indices):
            # a label letter used as a summation index: \sum_c z_c
            sub, suffix = sub + (self.bound.get(suffix, self.instance.indices.get(suffix)),), ""
        node = A.Name(node.base, node.sub, node.sup, suffix, node.primes, node.pos)
        whole = canonical(node.base, sup, sub, node.suffix, node.primes)
        shape = self.scope.shape_of(whole)
        if shape is not None and whole == IDENTITY and IDENTITY not in self.scope.values \
                and self.scope.kind(IDENTITY) is None:
            rows, cols = self.dims(shape)
            if rows == cols:        # I with a shape and no value: the identity of that size
                return sympy.ImmutableMatrix(sympy.eye(rows))
        if shape is not None:
            return self.matrix_of(whole, shape)
        sample = self.sample_entry(node, sup, sub)
        if sample is not None:
            return sample
        container = canonical(node.base, sup, (), node.suffix, node.primes)
        if sub and self.scope.shape_of(container) is not None:
            rows, cols = self.dims(self.scope.shape_of(container))
            if len(sub) == 1 and 1 in (rows, cols):
                return Var(_entry_name(container, (sub[0],)))
            digits = node.sub[0].text if len(sub) == 1 and isinstance(node.sub[0], A.Num) \
                else ""
            if len(digits) == 2 and digits.isdigit() and 1 <= int(digits[0]) <= rows \
                    and 1 <= int(digits[1]) <= cols:
                # B_{11} of a matrix B: entry (1, 1), as entries are printed, never entry 11
                return Var(_entry_name(container, (int(digits[0]), int(digits[1]))))
            if len(sub) == 2:
                return Var(_entry_name(container, sub))
        return var(node.base, sup, sub, node.suffix, node.primes)

    def sample_entry(self, node: A.Name, sup: tuple, sub: tuple):
        """`\\hat{y}^{(i)}` with \\hat{y} an m×1 vector and no shape of its own for
        \\hat{y}^{(i)}: sample i of the vector, its entry i."""
        if len(sup) != 1 or not isinstance(sup[0], int):
            return None
        container = canonical(node.base, (), (), node.suffix, node.primes)
        shape = self.scope.shape_of(container)
        if shape is None or sub:
            return self.sample_row(node, sup[0], sub) if shape is None else None
        rows, cols = self.dims(shape)
        if 1 not in (rows, cols) or not 1 <= sup[0] <= rows * cols:
            return None
        if self.scope.samples_whole:            # sample i, shaped as x is, not entry i
            return self.matrix_of(canonical(node.base, sup, (), node.suffix, node.primes),
                                  shape)
        return Var(_entry_name(container, (sup[0],)))

    def sample_row(self, node: A.Name, sample: int, sub: tuple):
        """`x^{(i)}_j`, `x^{(i)}` with x unshaped and X an m×n matrix: sample i is row i of
        X (its features), as in X = [x^{(1)T}; …; x^{(m)T}]."""
        if node.suffix or node.primes or not node.base.isalpha() or not node.base.islower():
            return None
        rows_of = canonical(node.base.upper(), (), (), "", 0)
        shape = self.scope.shape_of(rows_of)
        if shape is None:
            return None
        rows, cols = self.dims(shape)
        if rows == 1 or cols == 1 or not 1 <= sample <= rows:
            return None
        if not sub:
            return sympy.ImmutableMatrix([Var(_entry_name(rows_of, (sample, k)))
                                          for k in range(1, cols + 1)])
        if len(sub) == 1 and isinstance(sub[0], int) and 1 <= sub[0] <= cols:
            return Var(_entry_name(rows_of, (sample, sub[0])))
        return None

    def labelled_entry(self, node: A.Name):
        """`W_{2,k,i}`: entry (k, i) of the declared matrix W_2, or None."""
        if len(node.sub) != 3 or not isinstance(node.sub[0], A.Num) or node.suffix:
            return None
        label = int(node.sub[0].text)
        sup = tuple(self.index_value(s) for s in node.sup)
        container = canonical(node.base, sup, (label,), "", node.primes)
        shape = self.scope.shape_of(container)
        whole = canonical(node.base, sup, (label, *node.sub[1:]), "", node.primes)
        if shape is None or self.scope.shape_of(whole) is not None:
            return None
        row, col = (self.index_value(s) for s in node.sub[1:])
        matrix = self.matrix_of(container, shape)
        if isinstance(row, int) and isinstance(col, int) and \
                1 <= row <= matrix.rows and 1 <= col <= matrix.cols:
            return matrix[row - 1, col - 1]
        return None

    def is_dimension(self, node: A.Name) -> bool:
        """A dimension of the shapes (the m of an m×n X) used as a value: its size."""
        if node.sub or node.sup or node.primes:
            return False
        label = _label(node)
        return label in self.dimensions and label not in self.bound \
            and label not in self.instance.indices and not self.scope.is_value(label)

    def is_layer_size(self, node: A.Node) -> bool:
        """`M_{l-1}`, `n_l` bounding a sum: the size of a layer, a name no definition or
        value gives, indexed by the layer."""
        if not (isinstance(node, A.Name) and node.sub and not node.sup and not node.primes
                and not self.scope.is_value(node.base) and node.base not in self.bound):
            return False
        try:
            return all(isinstance(self.index_value(s), int) for s in node.sub)
        except MeaningError:
            return False

    def index_ranges(self, node: A.Name) -> dict[str, int]:
        """How far the free indices of a defined entry run: `P_{ij}` of an m×k P gives
        i ≤ m, j ≤ k; a letter that does not index a declared shape is left out."""
        if not all(isinstance(s, A.Num) for s in node.sup):
            return {}       # a family z^{(l)}: its members' shapes are looked up one by one
        container = canonical(node.base, tuple(int(s.text) for s in node.sup), (),
                              node.suffix, node.primes)
        shape = self.scope.shape_of(container)
        if shape is None or not node.sub:
            return {}
        rows, cols = self.dims(shape)
        lengths = (rows * cols,) if len(node.sub) == 1 and 1 in (rows, cols) \
            else (rows, cols) if len(node.sub) == 2 else ()
        return {s.base: n for s, n in zip(node.sub, lengths, strict=False)
                if isinstance(s, A.Name) and not s.sub and s.base in INDEX_LETTERS}

    def dims(self, shape: tuple) -> tuple[int, int]:
        return tuple(d if isinstance(d, int) else self.instance.size(_dimension_key(d))
                     for d in shape)

    def matrix_of(self, name: str, shape: tuple) -> sympy.ImmutableMatrix:
        rows, cols = self.dims(shape)
        if rows == 1 or cols == 1:
            entries = [Var(_entry_name(name, (k,))) for k in range(1, rows * cols + 1)]
            return sympy.ImmutableMatrix(rows, cols, entries)
        if rows == cols and self.scope.kind(name) == "symmetric":   # B = B^T: B_{ji} is B_{ij}
            return sympy.ImmutableMatrix(rows, cols, lambda r, c: Var(
                _entry_name(name, (min(r, c) + 1, max(r, c) + 1))))
        return sympy.ImmutableMatrix(
            rows, cols, lambda r, c: Var(_entry_name(name, (r + 1, c + 1))))

    def vector_value(self, node: A.Node):
        """A name used whole as a vector (softmax(θ), ‖v‖): its entries 1..n."""
        saved, self.in_vector = self.in_vector, True
        try:
            value = self.build(node)
        finally:
            self.in_vector = saved
        if _is_matrix(value):
            return value
        if isinstance(node, A.Name) and isinstance(value, Var) and not node.sub:
            # z = [1, 2, 3] given: its three entries, whatever the size tried
            n = self.scope.listed_length(value.name) or self.instance.size("")
            return sympy.ImmutableMatrix([Var(_entry_name(value.name, (k,)))
                                          for k in range(1, n + 1)])
        listed = [s for s in getattr(value, "free_symbols", ()) if isinstance(s, Var)
                  and self.scope.listed_length(s.name)]
        if len(listed) == 1:        # softmax(z / T) with z = [1, 2, 3]: entry by entry
            (whole,) = listed
            return sympy.ImmutableMatrix([
                value.xreplace({whole: Var(_entry_name(whole.name, (k,)))})
                for k in range(1, self.scope.listed_length(whole.name) + 1)])
        return value

    # -- calls ---------------------------------------------------------------------
    def build_Call(self, node: A.Call):
        if node.index is not None and self.is_one_hot_label(node.index):
            return self.entry_at_label(node)
        if node.index is not None and not _parameter_written(node) \
                and isinstance(self.index_value(node.index), str):
            raise self.fail("an entry is picked by a whole number, an index letter or a "
                            "one-hot label", node.index,
                            "Declare the label one-hot: conventions: {symbols: {y: one-hot}}.")
        if node.callee is A.Callee.KNOWN:
            return self.known_call(node)
        if node.callee is A.Callee.OPERATOR:
            return self.operator_call(node)
        if node.callee is A.Callee.DEFINED:
            return self.decorate(self.build_defined(node), node)
        if node.callee is A.Callee.ARBITRARY:
            return self.undefined_call(node.name, node)
        raise self.fail(f"internal: the call {node.name} reached the builder unresolved", node,
                        "Build trees through Builder.read, which resolves them first.")

    def known_call(self, node: A.Call):
        """A function of `symbolic.functions`, entry by entry over a vector or matrix."""
        function = known_function(node.name)
        if function.takes_vector:
            return self.vector_call(function, node)
        parameters = len(node.args) - function.arity
        if parameters not in ((0, 1) if function.parameter else (0,)):
            raise self.fail(f"{function.name} takes {function.arity} argument(s)"
                            + (f" and its {function.parameter}" if function.parameter else ""),
                            node)
        arg = self.build(node.args[0])
        apply = function.apply
        if parameters:          # ELU(x, \alpha): the parameter written
            parameter = self.build(node.args[1])

            def apply(e, parameter=parameter):
                return function.apply(e, parameter)
        result = arg.applyfunc(lambda e: self.apply_fn(apply, e, node.primes)) \
            if _is_matrix(arg) else self.apply_fn(apply, arg, node.primes)
        return self.decorate(result, node)

    def vector_call(self, function, node: A.Call):
        """softmax(z), LSE(z): a function of one whole vector; an index picks an entry."""
        if function.vector_valued and _over_own_index(node):
            return self.decorate(self.entry_over_index(function, node), node)
        z = self.vector_value(node.args[0])
        entries = list(z) if _is_matrix(z) else [z]
        argument = node.args[0]
        if function.vector_valued and not _is_matrix(z) and isinstance(argument, A.Name) \
                and argument.sub:
            # softmax(x_{ij}) as row-wise notes write it: the entry (i, j) of softmax over
            # row i, not softmax of one number (which is 1)
            raise MeaningError(f"{node.name} of one entry ({to_latex(argument)}) is 1; "
                               f"the entry of {node.name} over its row or column is "
                               "likely meant, which is not read", self.source, None,
                               f"Write {node.name} of the vector and pick the entry, as "
                               f"in \\operatorname{{{node.name}}}(\\mathbf{{x}})_j.")
        if _is_matrix(z) and z.rows > 1 and z.cols > 1:
            return self.decorate(self.matrix_call(function, node, z), node)
        if not function.vector_valued:
            return self.decorate(function.apply(*entries), node)
        if node.index is not None:
            k = self.index_value(node.index)
            if not 1 <= k <= len(entries):
                raise self.fail(f"index {k} is out of range 1..{len(entries)}", node.index)
            return function.apply(k, *entries)
        return self.vector_call_on(function, entries, z.shape if _is_matrix(z) else (1, 1))

    def entry_over_index(self, function, node: A.Call):
        """`\\operatorname{softmax}_j(S_{ij})`: the entry j of softmax over what the
        argument's index j runs through (row i of S), at the j the entry is for."""
        argument, letter = node.args[0], node.index.base
        count = self.implicit_range(letter, argument)
        saved = self.bound.get(letter)
        at = self.index_value(node.index)
        entries = []
        try:
            for value in range(1, count + 1):
                self.bound[letter] = value
                entries.append(self.build(argument))
        finally:
            if saved is None:
                self.bound.pop(letter, None)
            else:
                self.bound[letter] = saved
        if not isinstance(at, int) or not 1 <= at <= count:
            raise self.fail(f"the entry {to_latex(node.index)} of {node.name} is not one of "
                            f"its {count}", node.index)
        return function.apply(at, *entries)

    def matrix_call(self, function, node: A.Call, z):
        """softmax(S) of a matrix, by the axis the `softmax:` convention names: row by row
        in attention, column by column where samples are columns. Over every entry at
        once, as one vector, nobody means; with no convention, which axis is not said."""
        axis = self.scope.conventions.get(SOFTMAX_AXIS)
        if axis not in ("rows", "columns") or node.index is not None:
            raise MeaningError(f"{node.name} of a matrix ({to_latex(node.args[0])}, "
                               f"{z.rows}×{z.cols}) {MATRIX_SOFTMAX}", self.source, None,
                               f"Declare the axis (conventions: {{softmax: rows}}), or write "
                               f"{node.name} of one row or column, as in "
                               rf"\operatorname{{{node.name}}}(\mathbf{{s}}_i).")
        lines = [z.row(i) for i in range(z.rows)] if axis == "rows" \
            else [z.col(j) for j in range(z.cols)]
        applied = [self.vector_call_on(function, list(line), line.shape) for line in lines]
        if axis == "rows":
            return sympy.ImmutableMatrix.vstack(*applied)
        return sympy.ImmutableMatrix.hstack(*applied)

    @staticmethod
    def vector_call_on(function, entries: list, shape: tuple[int, int]):
        """A vector function of these entries: its value (LSE), or its vector in this shape."""
        if not function.vector_valued:
            return sympy.ImmutableMatrix(1, 1, [function.apply(*entries)])
        return sympy.ImmutableMatrix(*shape, [function.apply(k, *entries)
                                              for k in range(1, len(entries) + 1)])

    def operator_call(self, node: A.Call):
        """log, max, min, tr, det, diag: operators the builder reads by name."""
        name = node.name
        if name in ("log", "ln", "lg"):
            return self.logarithm(node)
        if name in EXTREMA:
            args = [self.build(a) for a in node.args]
            if len(args) == 1 and _is_matrix(args[0]):
                args = list(args[0])            # \max(z): z's largest entry
            elif len(args) == 1:
                raise MeaningError(OPTIMUM.format(name=name), self.source, None,
                                   "Check this step by hand, or write the optimum's value.")
            return self.decorate(_extremum(sympy.Max if name == "max" else sympy.Min, args),
                                 node)
        if name in ("tr", "trace", "Tr", "det"):
            m = self.build(node.args[0])
            if not _is_matrix(m):
                return m
            if m.rows != m.cols:
                raise ShapeError(f"the {'determinant' if name == 'det' else 'trace'} needs "
                                 f"a square matrix, not a {_shape(m)} one, in "
                                 f"'{self.source}'")
            if name != "det":
                return m.trace()
            if m.free_symbols:
                limits.require_determinant_size(m.rows)
            return m.det()
        if name == NORMAL_DENSITY:
            return self.decorate(self.normal_density(node), node)
        if name == "vec":               # vec(A): A's columns stacked, one under the next
            m = self.build(node.args[0])
            return sympy.ImmutableMatrix(list(m.T)) if _is_matrix(m) else m
        if name == "factorial":
            return self.decorate(sympy.factorial(self.build(node.args[0])), node)
        if name == "binom":
            n, k = (self.build(a) for a in node.args)
            return self.decorate(sympy.binomial(n, k), node)
        v = self.vector_value(node.args[0])          # diag
        if _is_matrix(v) and v.rows == v.cols and v.rows > 1:
            # diag(M) of a square matrix: its diagonal, as a vector (as in MIT's 18.S096)
            return sympy.ImmutableMatrix([v[k, k] for k in range(v.rows)])
        return sympy.ImmutableMatrix(sympy.diag(*list(v))) if _is_matrix(v) else v

    def normal_density(self, node: A.Call):
        """`\\mathcal{N}(x \\mid \\mu, \\Sigma)`: the normal density at x, its second parameter a
        variance (a covariance matrix for a vector x, or a number for σ² I). A bare σ there
        may be the standard deviation, as some texts write it: not read."""
        spread = ungroup(node.args[2])
        if isinstance(spread, A.Name) and spread.base == SIGMA and not spread.sup:
            raise self.fail(f"the normal density's second parameter {to_latex(spread)} may be "
                            "the standard deviation or the variance", node,
                            "Write the variance, as in \\mathcal{N}(x \\mid \\mu, \\sigma^2).")
        x, mu, variance = (self.build(a) for a in node.args)
        if not _is_matrix(x):
            if _is_matrix(mu) or _is_matrix(variance):
                raise self.fail("the normal density of a number with a vector or matrix "
                                "parameter", node)
            return sympy.exp(-(x - mu) ** 2 / (2 * variance)) / sympy.sqrt(2 * sympy.pi * variance)
        size = x.rows * x.cols
        column = sympy.ImmutableMatrix(list(x)) - (sympy.ImmutableMatrix(list(mu))
                                                   if _is_matrix(mu) else mu * sympy.ones(size, 1))
        covariance = variance if _is_matrix(variance) else variance * sympy.eye(size)
        if covariance.shape != (size, size) or column.shape != (size, 1):
            raise ShapeError(f"the normal density of a {_shape(x)} vector with a "
                             f"{_shape(covariance)} covariance, in '{self.source}'")
        if not covariance.is_symmetric():
            raise self.fail(f"the normal density's covariance {to_latex(node.args[2])} is read "
                            "as any matrix, where a covariance is symmetric", node,
                            "Declare it so: conventions: {symbols: {\\Sigma: symmetric}}.")
        limits.require_determinant_size(size)
        quadratic = (column.T * covariance.inv() * column)[0]
        return sympy.exp(-quadratic / 2) / sympy.sqrt((2 * sympy.pi) ** size * covariance.det())

    def decorate(self, result, node: A.Call):
        if node.power is not None:
            power = self.build(node.power)
            result = result.applyfunc(lambda e: e**power) if _is_matrix(result) else result**power
        return result

    def apply_fn(self, fn, arg, primes: int):
        if primes == 0:
            return fn(arg)
        d = sympy.Dummy("u", real=True)
        return held(sympy.diff(fn(d), d, primes).subs(d, arg))

    def logarithm(self, node: A.Call):
        arg = self.build(node.args[0])
        base = self.build(node.args[1]) if len(node.args) > 1 else self.scope.log_base()
        if node.name == "ln":
            base = None

        def log(e):
            return sympy.log(e) if base is None else sympy.log(e) / sympy.log(base)
        result = arg.applyfunc(log) if _is_matrix(arg) else log(arg)
        return self.decorate(result, node)

    def is_one_hot_label(self, index: A.Node) -> bool:
        """Whether an index is a one-hot label vector: the y^{(i)} of softmax(s)_{y^{(i)}}."""
        return isinstance(index, A.Name) and not index.sub and not index.primes \
            and index.base not in INDEX_LETTERS and self.scope.kind(index.base) == "one-hot"

    def entry_at_label(self, node: A.Call):
        """`\\operatorname{softmax}(s)_{y}` for a one-hot y: the entry at y's class,
        Σ_k y_k softmax(s)_k (exact for every one-hot y, and only for one-hot y)."""
        label = node.index
        whole = self.build(dataclasses.replace(node, index=None))
        entries = list(whole) if _is_matrix(whole) else [whole]
        total = sympy.Integer(0)
        for k, entry in enumerate(entries, start=1):
            hot = self.build(A.Name(label.base, (A.Num(str(k)),), label.sup, label.suffix))
            total += hot * entry
        return total

    def build_defined(self, node: A.Call):
        """A call of a defined function: its body with the arguments in place."""
        definition = self.scope.function_for(node)
        if definition is None:
            raise self.fail(f"internal: {node.name} is not defined here", node)
        if self.call_depth >= MAX_CALL_DEPTH:
            raise self.fail(f"{definition.name} is defined in terms of itself", node)
        through = self.scope.written_through_parameter(definition)
        if through is not None and [node_text(a) for a in node.args] != [
                node_text(p) for p in definition.parameters]:
            # h_θ(x^{(i)}) with h_θ(x) = σ(z), z = θ^T x: z at x^{(i)}, or z as defined
            raise MeaningError(f"{definition.name}'s formula writes {through}, whose "
                               f"definition writes {definition.name}'s parameter: whether "
                               f"{through} moves with the argument is not said", self.source,
                               node.pos, f"Write {definition.name}'s formula in its "
                               "parameter itself.")
        self.call_depth += 1
        try:
            if node.primes:
                return self.defined_derivative(definition, node)
            return self.build(definition.applied_to(node.args, self.source))
        finally:
            self.call_depth -= 1

    def defined_derivative(self, definition, node: A.Call):
        """`g'(z)`, `g''(0)` for `g(u) = …`: the body differentiated in its parameter, then
        taken at the argument."""
        if len(definition.parameters) != 1:
            raise self.fail(f"{definition.name}' of a function of several arguments is not "
                            "read", node, "Write the partial derivative out, as "
                            "\\frac{\\partial}{\\partial u}.")
        (argument,) = node.args
        value = self.build(argument)
        held = A.Name(r"\star_{" + str(self.call_depth) + "}")   # a variable of its own
        if _is_matrix(value) and not self.entry_by_entry(definition, argument, value, held):
            return self.defined_gradient(definition, node, argument, value)
        body = self.build(definition.applied_to((held,), self.source))
        variable = self.build(held)
        self.require_no_entries(definition, body, variable)
        derivative = sympy.diff(body, variable, node.primes)
        if _is_matrix(value):
            return value.applyfunc(lambda entry: derivative.xreplace({variable: entry}))
        return derivative.xreplace({variable: value})

    def require_no_entries(self, definition, body, variable) -> None:
        """`f(\\mathbf{x}) = (x_1 + 1)^4 + x_1 x_2` differentiated at a number: its body holds
        the parameter's entries, so the parameter is a vector with no shape; read as a number,
        the derivative would be 0 by a misreading."""
        if any(s != variable and base_of(s) == variable.name and not s.name.endswith("_{0}")
               for s in getattr(body, "free_symbols", ())):      # w_0: an offset
            written = node_text(definition.parameters[0])
            raise UnshapedError(f"{definition.name} is a function of {written}, whose entries "
                                f"its definition holds, and no shape is declared for "
                                f"{written}, so its derivative is not read", self.source, None,
                                f"Declare the shape, as in shapes: {{{written}: [n, 1]}}.")

    def entry_by_entry(self, definition, argument: A.Node, value, held: A.Name) -> bool:
        """Whether a function of one parameter, applied to a vector, applies to each entry
        (`f(z) = \\text{ReLU}(z)`): its value at the vector is its value at each entry. Then
        f'(z) is the derivative entry by entry, not a gradient."""
        try:
            whole = self.build(definition.applied_to((argument,), self.source))
            body = self.build(definition.applied_to((held,), self.source))
        except (MeaningError, ShapeError, sympy.ShapeError, TypeError, ValueError):
            return False
        variable = self.build(held)
        entries = set().union(*(getattr(e, "free_symbols", set()) for e in value))
        # f(z) = exp(z) / S with S = Σ_j e^{z_j}: the body holds z through S too, so f is
        # no function of each entry alone
        others = getattr(body, "free_symbols", set()) - {variable}
        return _is_matrix(whole) and not _is_matrix(body) and whole.shape == value.shape \
            and not (others & entries) and not any(self.scope.is_value(str(s)) for s in others) \
            and whole == value.applyfunc(lambda entry: body.xreplace({variable: entry}))

    def defined_gradient(self, definition, node: A.Call, argument: A.Node, value):
        """`\\nabla f(\\mathbf{x})` for `f(\\mathbf{x}) = …` of a vector: the partial
        derivatives by each entry, shaped as the vector; `\\nabla^2 f(\\mathbf{x})`: the
        Hessian."""
        entries = list(value)
        if node.primes > 2 or not all(isinstance(e, sympy.Symbol) for e in entries) \
                or len(set(entries)) != len(entries):
            raise self.fail(f"the derivative of {definition.name} is read only as a "
                            "gradient at a vector of names", node,
                            "Write the gradient at the vector itself, as \\nabla f(x).")
        body = self.build(definition.applied_to((argument,), self.source))
        if _is_matrix(body) and body.shape == (1, 1):
            body = body[0, 0]
        if _is_matrix(body):
            raise self.fail(f"{definition.name} is not a number, so it has no gradient", node)
        if node.primes == 2:            # \\nabla^2 f(x): the Hessian
            return sympy.ImmutableMatrix(len(entries), len(entries),
                                         [sympy.diff(body, a, b) for a in entries
                                          for b in entries])
        return sympy.ImmutableMatrix(value.rows, value.cols,
                                     [sympy.diff(body, e) for e in entries])

    def undefined_call(self, name: str, node: A.Call):
        """A function known only by name; of one vector it applies entry by entry (r(V x))."""
        arguments = [self.build(a) for a in node.args]
        if len(arguments) == 1 and _is_matrix(arguments[0]):
            return arguments[0].applyfunc(lambda entry: self.unknown_function(name, [entry], node))
        if any(_is_matrix(a) for a in arguments):
            raise self.fail(f"the function {name} of several arguments is not known to "
                            "derivcheck", node,
                            "Define it in the given definitions (`derivcheck help notation`).")
        return self.unknown_function(name, arguments, node)

    def unknown_function(self, name: str, arguments: list, node: A.Call):
        function = sympy.Function(name, real=True)
        if not node.primes and (outcomes := self.outcomes_of_law(node)):
            return self.decorate(law_weight(function(*arguments), arguments[0], outcomes), node)
        if not node.primes:
            return self.decorate(function(*arguments), node)
        u = sympy.Dummy("u", real=True)
        derivative = held(sympy.diff(function(u), u, node.primes).subs(u, arguments[0]))
        return self.decorate(derivative, node)

    # -- piecewise ---------------------------------------------------------------------
    def build_Cases(self, node: A.Cases):
        pieces = []
        for value_node, conditions in node.branches:
            if says_undefined(value_node) or _subgradient_set(value_node, conditions):
                continue        # \text{undefined} at m = 1: no value there, none checked
            value = self.build(value_node)
            if _is_matrix(value):
                raise self.fail("a piecewise definition of a vector or matrix is not read",
                                value_node, "Write one case per entry.")
            condition = sympy.And(*(self.condition(c) for c in conditions)) \
                if conditions else sympy.true
            pieces.append((value, condition))
        return sympy.Piecewise(*pieces)        # where no case holds it has no value

    def condition(self, node: A.Indicator):
        left, right = self.build(node.lhs), self.build(node.rhs)
        if _is_matrix(left) or _is_matrix(right):
            raise self.fail("a condition compares numbers, not vectors", node)
        relation = {">": sympy.Gt, "<": sympy.Lt, ">=": sympy.Ge, "<=": sympy.Le,
                    "==": sympy.Eq, "!=": sympy.Ne}[node.relation]
        return relation(left, right)

    # -- sums and derivatives ------------------------------------------------------
    def build_SumOver(self, node: A.SumOver):
        index = node.index or self.guess_index(node.body)
        if node.index and node.lower is None and node.upper is None and not node.product \
                and (outcomes := self.outcomes(node.index)):
            return self.sum_over_outcomes(node, outcomes)
        if node.index and node.index not in INDEX_LETTERS and (
                _argument_in(node.body, index) or node.lower is None and node.upper is None
                and _value_in(node.body, index)):
            # \sum_w w^2 over every weight w of the network: not a sum of numbers either
            # Nielsen's C = \frac{1}{2n} \sum_x \|y(x) - a^L(x)\|^2: a sum over the
            # training inputs x, each a vector; not a sum of numbers x = 1, 2, …
            raise self.fail(f"a sum over every {index} (the samples or weights the text "
                            f"means), with {index} itself a quantity in it, is not read", node,
                            "Write the sum over an index, as in \\sum_{i=1}^{n} with "
                            "x^{(i)}, to check it.")
        if node.index and node.index in self.bound and node.lower is not None \
                and any(isinstance(n, A.Name) for n in walk(node.lower)):
            # \sum_{i=1}^n \sum_{i=c}^{C}: the inner sum takes the outer one's index again,
            # from a letter (c = 1 misprinted); \sum_i x_i \sum_i y_i shadows it, as written
            raise self.fail(f"a sum over {index} from {to_latex(node.lower)} inside a sum "
                            f"over {index}: the index is bound twice (likely a misprint)", node,
                            "Give the inner sum an index of its own.")
        lower = self.index_value(node.lower) if node.lower is not None else 1
        size, offset = size_bound(node.upper) or (None, 0)
        if node.upper is None:
            upper = self.implicit_range(index, node.body)
        elif size is not None and size.base not in self.bound \
                and (given := self.scope.whole_value(_label(size))) is not None:
            upper = given + offset                      # m = 4 given: \sum_{i=1}^{m} has 4
            lengths = {n for n in (self.indexed_length(m, index) for m in walk(node.body))
                       if isinstance(n, int)}
            if lengths and max(lengths) < upper:
                raise self.fail(f"this sum runs to {upper}, past the {max(lengths)} entries "
                                "given for what it sums", node,
                                "Check the bound against the list.")
        elif size is not None and not self.scope.is_value(size.base) \
                and size.base not in self.bound and size.base not in self.instance.indices:
            # \prod_{j=i+1}^{t}, t = 2; \sum_{q=0}^{N-1}: N - 1 of a size N
            upper = self.instance.size(_label(size)) + offset
        elif self.is_layer_size(node.upper):
            upper = self.instance.size(_name_text(self, node.upper))
        else:
            upper = self.index_value(node.upper)
        if not (isinstance(lower, int) and isinstance(upper, int)):
            raise self.fail("the bounds of this sum must be whole numbers or sizes", node)
        if upper - lower + 1 > MAX_SUM_TERMS:
            raise self.fail(f"this sum has {upper - lower + 1} terms; derivcheck expands at "
                            f"most {MAX_SUM_TERMS}", node)
        left_out = self.index_value(node.exclude) if node.exclude is not None else None
        if node.exclude is not None and not isinstance(left_out, int):
            raise self.fail("the value a sum leaves out must be a whole number or an index "
                            "letter", node.exclude)
        saved = self.bound.get(index)
        outer = getattr(self, "sum_scale", 1)      # nested sums multiply their terms
        limits.require_sum_terms(outer * max(upper - lower + 1, 1))
        self.sum_scale = outer * max(upper - lower + 1, 1)
        terms = []
        try:
            for value in range(lower, upper + 1):
                if value == left_out:
                    continue                       # \sum_{j \neq k}
                self.bound[index] = value
                terms.append(self.build(node.body))
        finally:
            self.sum_scale = outer
        if saved is None:
            self.bound.pop(index, None)
        else:
            self.bound[index] = saved
        if node.product:
            return sympy.Mul(*terms)
        if node.stacked:
            return self.stacked(node, terms)
        if not terms:
            return sympy.Integer(0)
        if _is_matrix(terms[0]) and not any(1 == n for n in terms[0].shape) \
                and not _uses_letter(node.body, index):
            # \sum_{i=1}^{N} dy with dy an N×D batch: the writer sums its rows, as batch
            # notation does; read as N copies of dy, the step would be decided by that
            raise self.fail(f"the terms of this sum do not use its index {index}, and they are "
                            "a matrix: it may add the matrix's rows, as batch notation writes "
                            "it", node, "Write the sum over the rows' index (dy_{i,:}), or "
                            "\\mathbf{1}^T dy.")
        total = terms[0]
        for term in terms[1:]:
            total = self.add(total, term, node)
        return total

    def stacked(self, node: A.SumOver, terms: list) -> sympy.ImmutableMatrix:
        """`[x_1, x_2, \\dots, x_n]`: the vector of the elided terms, n of them; a list in
        brackets is built as a row, as a list of numbers is (`MatrixLiteral`)."""
        if any(_is_matrix(term) for term in terms):
            raise self.fail("the entries this elision stands for are vectors or matrices",
                            node, "Write the entries as numbers, as in [x_1, \\dots, x_n].")
        return sympy.ImmutableMatrix(terms if node.stacked == "column" else [terms])

    def implicit_range(self, index: str, body: A.Node) -> int:
        """`\\sum_j` without bounds runs over what the body indexes with j: the entries of
        a vector (θ_j of a 1×D_y θ: D_y terms, x_j of x = [1, 0, 5]: 3 terms), the rows or
        columns of a matrix (W_{jk} of an m×n W: m terms for j, n for k); else over the
        instance's default range. Names it indexes that say different lengths leave the
        range unsaid: not read."""
        lengths = {length for n in walk(body)
                   if (length := self.indexed_length(n, index)) is not None}
        if not lengths:     # y_{i1} … y_{i4} given numbers: \sum_j y_{ij} runs over those
            lengths = {length for n in walk(body)
                       if (length := self.members_given(n, index)) is not None}
        if len(lengths) > 1:
            raise self.fail(f"the sum over {index} indexes names of different lengths "
                            f"({', '.join(map(str, sorted(lengths)))}), so how far it runs is "
                            "not said", body, "Write the sum's bounds.")
        return lengths.pop() if lengths else self.instance.size("")

    def indexed_length(self, node: A.Node, index: str) -> int | None:
        """How many values `index` takes in `node`, a name it indexes whose shape (or list)
        says; None for any other node."""
        if not (isinstance(node, A.Name) and 1 <= len(node.sub) <= 2
                and all(isinstance(s, A.Num) for s in node.sup)):
            return None
        places = [k for k, s in enumerate(node.sub) if isinstance(s, A.Name)
                  and s.base == index and not s.sub]
        if not places:
            return None
        sup = tuple(int(s.text) for s in node.sup)
        whole = canonical(node.base, sup, (), node.suffix, node.primes)
        shape = self.scope.shape_of(whole)
        listed = self.scope.listed_length(whole) if shape is None and len(node.sub) == 1 \
            else None
        if listed:
            shape = (listed, 1)
        if shape is None:
            return None
        rows, cols = self.dims(shape)
        if len(node.sub) == 1 and 1 in (rows, cols):
            return rows * cols
        return (rows, cols)[places[0]] if len(node.sub) == 2 else None

    def members_given(self, node: A.Node, index: str) -> int | None:
        """How many members 1, 2, … of a name `index` indexes the text gives values, when it
        gives some (y_{i1} = 0.4, …, y_{i4} = 1: 4 for j of y_{ij}); None otherwise."""
        if not isinstance(node, A.Name) or node.sup or node.primes > 1:
            return None
        places = [k for k, s in enumerate(node.sub) if isinstance(s, A.Name)
                  and s.base == index and not s.sub]
        if len(places) != 1:
            return None
        written = [node_text(s) for s in node.sub]
        given = self.scope.snapshot().values       # each member written, not a family's
        count = 0
        while count < MAX_SUM_TERMS:
            written[places[0]] = str(count + 1)
            key = canonical(node.base, (), tuple(written), node.suffix, node.primes)
            if key not in given and key not in self.scope.values:
                break
            count += 1
        return count or None

    def guess_index(self, body: A.Node) -> str:
        letters = sorted(free_index_letters(body) - set(self.bound))
        if len(letters) == 1:
            return letters[0]
        raise self.fail("cannot tell which index this sum runs over", body,
                        "Write the index under the sum, as in \\sum_j.")

    def build_Differential(self, node: A.Differential):
        """d E: left whole until the step says what varies (see `symbolic.differentials`)."""
        return differential_of(self.build(node.operand))

    def build_Partial(self, node: A.Partial):
        """∂A/∂B, asked of the scope. Inside `\\sum_{i=1}^{m}` it follows the definitions at
        that i: with `\\mathcal{J} = \\frac{1}{m} L^{(i)}`, the term i of
        `\\sum_i \\partial \\mathcal{J} / \\partial W` differentiates sample i's share."""
        summed = {k: v for k, v in self.bound.items() if k in INDEX_LETTERS}
        if not summed or all(self.instance.indices.get(k) == v for k, v in summed.items()):
            return self.partial(node)
        saved = self.instance
        self.instance = saved.with_indices(summed)
        try:
            return self.partial(node)
        finally:
            self.instance = saved

    def partial(self, node: A.Partial):
        wrt = self.build(node.wrt)
        target = node.numerator if node.numerator is not None else node.operand
        if target is None:
            raise self.fail("a derivative with nothing to differentiate", node)
        numerator = self.build(target)
        return self.scope.partial(numerator, wrt, self.instance)


@dataclass(frozen=True)
class OnesVector:
    """`\\mathbf{1}` written without its length: a column of ones (a row when transposed)
    whose length the product it stands in decides."""

    row: bool = False
    scale: sympy.Expr = sympy.Integer(1)

    def __neg__(self) -> OnesVector:
        return OnesVector(self.row, -self.scale)


def _over_own_index(node: A.Call) -> bool:
    """`\\operatorname{softmax}_j(S_{ij})`: an index letter on the call that the argument
    is indexed by: the entry of the function over that index."""
    argument = node.args[0] if len(node.args) == 1 else None
    return isinstance(node.index, A.Name) and not node.index.sub \
        and isinstance(argument, A.Name) \
        and any(isinstance(s, A.Name) and s.base == node.index.base for s in argument.sub)


def _scaled_ones(left, right) -> OnesVector | None:
    """`\\frac{1}{m} \\mathbf{1}^\\top`: a scalar times a vector of ones not yet sized."""
    for ones, other in ((left, right), (right, left)):
        if isinstance(ones, OnesVector) and not _is_matrix(other) \
                and not isinstance(other, OnesVector):
            return OnesVector(ones.row, ones.scale * other)
    return None


def dimension_names(scope: Scope) -> frozenset[str]:
    """The named dimensions of the declared shapes: `{X: [m, n]}` gives m and n."""
    shapes = getattr(scope, "shapes", None) or {}
    return frozenset(_dimension_key(d) for shape in shapes.values() for d in shape
                     if isinstance(d, str))


def _matrix_power(matrix, k: int):
    """A square matrix to a whole power by plain products: SymPy's own power simplifies each
    product of symbolic entries, which takes minutes on a 3×3 inverse."""
    return sympy.ImmutableMatrix(matrix.pow(k, method="multiply")) if k > 1 else matrix


def _dimension_key(dimension: str) -> str:
    """A dimension as written in the shapes (`D_h`, `D_{h}`) spelled as a name's label."""
    base, _, label = dimension.partition("_")
    return canonical(base, (), (), label.strip("{}"), 0) if label else dimension


def _label(name: A.Name) -> str:
    """A bare name with its label subscript, as dimensions are spelled: `m`, `D_{h}`."""
    return canonical(name.base, (), (), name.suffix, 0)


def _name_text(builder: Builder, name: A.Name) -> str:
    sub = tuple(builder.index_value(s) for s in name.sub)
    return canonical(name.base, (), sub, name.suffix, 0)


def _list_like(node: A.Node) -> bool:
    """A list, or a list transposed, alone or times numbers: `(2, 12)^T`, `\\frac{1}{4}[1, 2]`."""
    node = ungroup(node)
    return _scaled_list(node) or isinstance(node, A.Transpose) and _list_like(node.operand)


def _scaled_list(node: A.Node) -> bool:
    """A list in parentheses or brackets, alone or times numbers: `(2, -2)`,
    `\\frac{1}{4}(2, -2)`, `-[1, 2]`."""
    node = ungroup(node)
    if isinstance(node, A.Neg):
        return _scaled_list(node.operand)
    if isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot", "/"):
        return _scaled_list(node.right) or node.op != "/" and _scaled_list(node.left)
    return isinstance(node, A.MatrixLiteral) and node.listed and len(node.rows) == 1


def _was_tuple(inner: A.MatrixLiteral) -> bool:
    return len(inner.rows) == 1 and len(inner.rows[0]) > 1


def _entry_name(container: str, index: tuple[int, ...]) -> str:
    return container + "_{" + ",".join(str(i) for i in index) + "}"


def _shape_error(left, right, message: str) -> ShapeError:
    """The error for shapes that do not fit: one that broadcasting would make fit (a row or
    a column beside a matrix of as many columns or rows) is told apart."""
    (r1, c1), (r2, c2) = left.shape, right.shape
    if r1 == r2 and 1 in (c1, c2) or c1 == c2 and 1 in (r1, r2):
        return BroadcastShapeError(message + ": it fits only when the row or column is "
                                   "repeated over the matrix, as NumPy broadcasts")
    return ShapeError(message)


def _is_matrix(value) -> bool:
    return isinstance(value, sympy.MatrixBase)


def _is_number(value) -> bool:
    return isinstance(value, sympy.Expr) and not value.free_symbols


def _shape(m) -> str:
    return f"{m.rows}×{m.cols}"


def _guarded_power(base: sympy.Expr, exponent: sympy.Expr) -> sympy.Expr:
    """A numeric power, left unevaluated when evaluating it exactly would be enormous."""
    if limits.power_bits(base, exponent) > limits.MAX_POWER_BITS:
        return limits.HugePower(base, exponent)
    return sympy.Pow(base, exponent)


def _extremum(function, args: list):
    """max/min of scalars, or entry by entry when an argument is a vector or matrix."""
    shapes = {a.shape for a in args if _is_matrix(a)}
    if not shapes:
        return function(*args)
    if len(shapes) > 1:
        raise ShapeError("max and min of matrices need equal shapes, not "
                         + " and ".join(f"{r}×{c}" for r, c in sorted(shapes)))
    rows, cols = shapes.pop()
    def entry(a, i, j):
        return a[i, j] if _is_matrix(a) else a
    return sympy.ImmutableMatrix(rows, cols, lambda i, j: function(*(entry(a, i, j)
                                                                    for a in args)))


def free_index_letters(node: A.Node) -> set[str]:
    """Letters used as indices (in subscripts, sup indices, softmax indices), minus sum indices."""
    found: set[str] = set()

    def visit(n, bound: frozenset):
        if isinstance(n, A.Name) and n.base in (ONES, ZEROS):
            return          # the m of \mathbf{1}_m is a length, not an index
        if isinstance(n, A.Name):
            for idx in n.sub + n.sup:
                for letter in _letters(idx):
                    if letter not in bound:
                        found.add(letter)
            return
        if isinstance(n, A.SumOver):
            inner = bound | {n.index} if n.index else bound
            visit(n.body, inner)
            found.update(_letters(n.exclude) - bound if n.exclude is not None else ())
            for part in (n.lower, n.upper, n.exclude):
                if part is not None:
                    visit(part, bound)
            return
        if isinstance(n, A.Call) and n.index is not None:
            for letter in _letters(n.index):
                if letter not in bound:
                    found.add(letter)
        for child in children(n):
            visit(child, bound)

    visit(node, frozenset())
    return found


def _letters(node: A.Node) -> set[str]:
    if isinstance(node, A.Name) and not node.sub and not node.sup:
        return {node.base} if node.base in INDEX_LETTERS else set()
    out: set[str] = set()
    for child in children(node):
        out |= _letters(child)
    return out


def vector_names(*nodes: A.Node) -> frozenset[str]:
    """Bare names used whole as vectors: arguments of softmax/LSE/norms, or names indexed."""
    found: set[str] = set()
    for node in nodes:
        found |= _vector_names_of(node)
    return frozenset(found)


_VECTOR_NAMES: dict[int, tuple[A.Node, frozenset[str]]] = {}


def _vector_names_of(node: A.Node) -> frozenset[str]:
    """`vector_names` of one tree, remembered by identity: a context's definitions are
    asked again for every builder."""
    known = _VECTOR_NAMES.get(id(node))
    if known is not None and known[0] is node:
        return known[1]
    if len(_VECTOR_NAMES) > 20000:
        _VECTOR_NAMES.clear()
    names = _walk_vector_names(node)
    _VECTOR_NAMES[id(node)] = (node, names)   # the tree is kept, so its id stays its own
    return names


def _walk_vector_names(node: A.Node) -> frozenset[str]:
    found: set[str] = set()

    def visit(n):
        if isinstance(n, A.Call) and _takes_vector(n.name) and n.args \
                and isinstance(n.args[0], A.Name) and not n.args[0].sub:
            found.add(n.args[0].base)
        if isinstance(n, A.Norm) and isinstance(n.operand, A.Name):
            found.add(n.operand.base)
        if isinstance(n, A.Name) and n.sub and not n.sup:
            found.add(n.base)
        for child in children(n):
            visit(child)

    visit(node)
    return frozenset(found)


def _takes_vector(name: str) -> bool:
    function = known_function(name)
    return function is not None and function.takes_vector


def _uses_letter(node: A.Node, letter: str) -> bool:
    """Whether the tree writes the index letter anywhere (x_i, w_{i+1}, y^{(i)})."""
    return any(isinstance(n, A.Name) and n.base == letter and not n.sub and not n.sup
               for n in walk(node))


def says_undefined(node: A.Node) -> bool:
    """Whether a case's value is words saying it has none (`\\text{undefined}`,
    `\\text{does not exist}`; see `UNDEFINED_WORDS`)."""
    names = [n for n in walk(node) if isinstance(n, A.Name)]
    if not names or any(not isinstance(n, A.Name | A.BinOp | A.Group) or isinstance(
            n, A.BinOp) and n.op != "juxt" for n in walk(node)):
        return False
    words = "".join(unworded(n.base) for n in names if not (n.sub or n.sup))
    return len(names) == sum(1 for n in names if not (n.sub or n.sup)) \
        and words.lower().replace(" ", "") in UNDEFINED_WORDS


def _parameter_written(node: A.Call) -> bool:
    """Whether a defined function's subscript is a number written for its parameter, the
    0.5 of `\\ell_{0.5}(y, \\hat y)` with `\\ell_\\alpha(y, \\hat y) = …` (`entry_family`)."""
    return node.callee is A.Callee.DEFINED and isinstance(node.index, A.Num) \
        and not node.index.text.isdigit()


def _subgradient_set(value: A.Node, conditions: tuple[A.Indicator, ...]) -> bool:
    """Whether a case gives a set of values at a point, as a subgradient does at a kink:
    `[-\\alpha, 1-\\alpha] & u = 0`, an interval where an equality holds."""
    value = ungroup(value)
    return isinstance(value, A.MatrixLiteral) and value.listed and len(value.rows) == 1 \
        and len(value.rows[0]) == 2 and bool(conditions) \
        and all(c.relation == "==" for c in conditions)
