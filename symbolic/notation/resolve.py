"""The resolve pass: every reading of a parsed tree decided once, against a snapshot.

The parser reads text into a tree without meaning. Some of it has two readings that only
the context can tell apart:

- `f(1 - f)`: a call of a function f, or f times (1 - f)?
- `\\sigma(z)`: the logistic sigmoid, or a quantity σ times z (`sigma: symbol`)?
- `\\operatorname{foo}(z)`: a function derivcheck knows, one the context defines, or a name
  it cannot check?
- `a^l`: a power, or layer l of a (`superscripts: index`)?

This pass decides each of them, once, from a `Snapshot` of the context taken at the
statement, and records how it decided (`Reading`), so the report can say how a line was
read. What comes out has no `apply` node left: every call is an `ast.Call` that says what it
applies (`ast.Callee`), every product a product. The builder gives the result meaning and
decides nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from symbolic.errors import MeaningError, UnshapedHessian
from symbolic.notation import ast as A
from symbolic.notation.names import canonical
from symbolic.notation.rewrite import to_latex
from symbolic.notation.trees import (
    call_arguments,
    composite_name,
    composite_of,
    entry_family,
    factors,
    function_key,
    is_capital,
    is_list,
    letter_offset,
    letter_word,
    name_key,
    node_text,
    ungroup,
    variation_name,
    walk,
)
from symbolic.notation.vocabulary import (
    ACCENTS,
    ARGUMENT_LETTERS,
    AT_POINT,
    CAPITALISED_LOG,
    COMBINATORICS,
    CONSTANT_FACTORS,
    CONSTANT_LETTERS,
    DIFFERENTIAL_D,
    EULER,
    EXTREMA,
    FUNCTION_LETTERS,
    GATE_LETTERS,
    GRADIENT_WORD,
    GREEK,
    IMPLIED_FUNCTION_LETTERS,
    IMPLIED_OPERATIONS,
    IMPLIED_VARIABLE,
    INDEX_LETTERS,
    LOGARITHMS,
    MATRIX_OPERATORS,
    NABLA,
    NORMAL_DENSITY,
    OPERATOR_AT_A_POINT,
    OPERATORNAME,
    PROSE,
    REFUSED_OPERATORS,
    SAMPLE_LETTER,
    SIGMA,
    STEP_FUNCTION,
    SYMBOL_KINDS,
    TIME_DERIVATIVE,
    TIME_LETTER,
    VARIATION,
    VECTOR_ACCENT,
    WORD_FONT,
    known_function,
)

# Calls the builder reads by name itself (logarithms, extrema, matrix operators).
BUILDER_OPERATORS = frozenset({*LOGARITHMS, *EXTREMA, *MATRIX_OPERATORS, *COMBINATORICS,
                               NORMAL_DENSITY})
# A superscript that names a layer when superscripts are not declared: a^l, a^{l+1}, z^L.
LAYER_LETTERS = frozenset({"l", "L", r"\ell"})


def _only_scalar(node: A.Node) -> bool:
    """Whether an expression holds what only a number can be: an exponential, a function
    called, a power by a number, a division (then a prime on it is no transpose)."""
    return any(isinstance(n, A.Call) or isinstance(n, A.Power) and not isinstance(
        n.exponent, A.Name) or isinstance(n, A.BinOp) and n.op in ("/", "apply")
        for n in walk(node))


def unworded(base: str) -> str:
    """`\\mathrm{ELU}` -> `ELU`: a word set in a font, as a function's name is written."""
    for font in (WORD_FONT, OPERATORNAME, *sorted(PROSE)):
        if base.startswith(font + "{") and base.endswith("}"):
            return base[len(font) + 1 : -1]
    return base


@dataclass(frozen=True)
class Snapshot:
    """What the context knows at one statement, frozen: enough to decide every reading."""

    values: frozenset[str] = frozenset()        # names that stand for quantities here
    functions: frozenset[str] = frozenset()     # names of functions defined with parameters
    parameters: Mapping[str, tuple] = field(default_factory=lambda: MappingProxyType({}))
    used_in: Mapping[str, frozenset] = field(default_factory=lambda: MappingProxyType({}))
    kinds: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    layered: frozenset[str] = frozenset()       # bases used with a layer superscript: a^{(l)}
    steps: frozenset[str] = frozenset()         # letters a defined name is stepped by: t of h^t
    gated: frozenset[str] = frozenset()         # bases labelled by a letter: Γ of Γ_f, W of W_o
    bare: frozenset[str] = frozenset()          # letters the definitions write bare: a of a h
    redefined: frozenset[str] = frozenset()     # functions defined more than once here
    shaped: frozenset[str] = frozenset()        # names given a shape
    defined: frozenset[str] = frozenset()       # names a definition gives
    # the bases each definition's body writes: w, x, b of `z = w x + b`
    written_in: Mapping[str, frozenset] = field(default_factory=lambda: MappingProxyType({}))
    # bases defined only at layers (a^{(1)}, a^{(2)}), never bare: a parameter a is none of them
    layers_only: frozenset[str] = frozenset()
    # the last layer of each of those, where every layer is a number: {"a": "2"}
    last_layer: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    sigma_is_symbol: bool = False
    hessians_unshaped: bool = False             # ∇²f(x) read before x's shape is inferred
    superscripts: str = ""                      # "index", "power", or "" (undeclared)
    # the one letter a defined value is a formula of: x of `y = x^2`, whose y' is dy/dx
    variable_of: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # how the text names a loss's gradients: "d" of `dA = \frac{\partial L}{\partial A}`,
    # G of `G_O = \partial L / \partial O`, each with its loss (see `gradient_prefix`)
    gradient_names: Mapping[str, A.Name] = field(default_factory=lambda: MappingProxyType({}))
    # the names the definitions' bodies write (X of `Z = XW + b`), where the text names
    # gradients: the inputs whose gradients (dX) it names too
    written: frozenset[str] = frozenset()
    # capitals the text prints together as names (`HO`, `FI`): words, whether defined or not
    words: frozenset[str] = frozenset()

    def is_value(self, name: str) -> bool:
        kind = self.kind(name)
        return name in self.values or kind not in (None, "function", "index") \
            and kind in SYMBOL_KINDS

    def is_function(self, name: str) -> bool:
        return name in self.functions or self.kind(name) == "function"

    def kind(self, name: str) -> str | None:
        for candidate in name_candidates(name):
            if candidate in self.kinds:
                return self.kinds[candidate]
        return None

    def without_values(self, names: frozenset[str]) -> Snapshot:
        """The same snapshot with some names no longer quantities (a name being defined)."""
        return dataclasses.replace(self, values=self.values - names)

    def with_values(self, names: frozenset[str]) -> Snapshot:
        """The same snapshot with more names standing for quantities (a function's
        parameters, inside its body)."""
        return dataclasses.replace(self, values=self.values | names)


@dataclass(frozen=True)
class Reading:
    """One decision of the pass: what was written and how it was read."""

    written: str
    read_as: str

    def __str__(self) -> str:
        return f"{self.written} read as {self.read_as}"


@dataclass(frozen=True)
class Resolved:
    tree: A.Node
    readings: tuple[Reading, ...] = ()


@dataclass(frozen=True)
class Across:
    """Readings one statement decides for all its sides (and definitions) at once."""

    transposed: frozenset[str] = frozenset()   # x_i' of `x_i' \\beta`: a prime that transposes
    # x' of `k = x x'`: a primed name that stands as a quantity (a second point), never β'
    # of a Hessian `\\partial\\beta \\partial\\beta'`
    primed_quantities: frozenset[str] = frozenset()
    stepped: frozenset[str] = frozenset()      # w of `w(t+1) = w(t) - \\eta g`: steps' values
    # f, g of `(f g)' = f' g + f g'`: functions of one variable the text leaves unnamed
    implied: frozenset[str] = frozenset()
    # u of `\frac{d}{dx}(u(x) v(x)) = u'(x) v(x) + …`: names applied primed, so functions
    differentiated: frozenset[str] = frozenset()
    # x of `(x^2 + 3x)' = (x^2)' + (3x)'`: letters whose primed parentheses, somewhere in
    # the statement, can only be a derivative; a prime on others of that letter is one too
    primes_differentiate: frozenset[str] = frozenset()
    # the letters written bare anywhere in the statement (w of `w(0.5)` beside `w x`: w is a
    # quantity there, never a function) and the names written with a dot (\dot{p})
    bare: frozenset[str] = frozenset()
    dotted: frozenset[str] = frozenset()

    def reads_alone(self) -> bool:
        """Whether a side read with these readings reads as it does alone, as far as the
        readings that turn a side's meaning go (transposes, quantities, steps, functions):
        then a side read again alone, as a doubt reads it, keeps its statement's reading."""
        return dataclasses.replace(self, primes_differentiate=frozenset(), bare=frozenset(),
                                   dotted=frozenset()) == NOTHING_ACROSS


NOTHING_ACROSS = Across()


def statement_readings(trees: tuple[A.Node, ...], snapshot: Snapshot) -> Across:
    """What the trees of one statement write that reads the same in each of them: names
    primed as transposes (`_Pass.primes_transposing`: `x_i' \\beta` and `x_i'` alone), and
    values at steps written as calls (`_Pass.values_at_steps`)."""
    pass_ = _Pass(snapshot)
    nodes = [n for tree in trees for n in walk(tree)]
    return Across(transposed=frozenset(pass_.primes_transposing(nodes)),
                  primed_quantities=_primed_quantities(nodes),
                  stepped=frozenset(pass_.values_at_steps(nodes)),
                  implied=_implied_functions(nodes, snapshot),
                  differentiated=_differentiated_functions(nodes),
                  primes_differentiate=_primes_differentiating(nodes),
                  bare=_standing_letters(nodes),
                  dotted=_dotted(nodes))


def _standing_letters(nodes: list[A.Node]) -> frozenset[str]:
    """The letters written alone as quantities (not applied to parentheses, not raised by a
    superscript, not differentiated): w of `w x`, not of `w(0.5)` alone."""
    applied = {id(n.left) for n in nodes if isinstance(n, A.BinOp) and n.op == "apply"}
    # (nor differentiated: c of \frac{\partial c}{\partial D_i} is a function of D)
    applied |= {id(n.numerator) for n in nodes if isinstance(n, A.Partial)}
    return frozenset(n.base for n in nodes if isinstance(n, A.Name) and id(n) not in applied
                     and not n.sup)


def _dotted(nodes: list[A.Node]) -> frozenset[str]:
    """The names written with Newton's dot (\\dot{p} of `\\dot p`), by their bases."""
    return frozenset(n.base for n in nodes if isinstance(n, A.Name)
                     and n.base.startswith(TIME_DERIVATIVE + "{"))


def _primes_differentiating(nodes: list[A.Node]) -> frozenset[str]:
    """The letters x of primed parentheses `(x^2)'`, `(e^{x})'` that hold one plain letter
    and what only a number can be: there the prime is a derivative by x."""
    found = set()
    for node in nodes:
        if isinstance(node, A.Transpose) and node.prime \
                and isinstance(node.operand, A.Group) and _only_scalar(node.operand):
            letters = {n.base for n in walk(node.operand) if isinstance(n, A.Name)
                       and n.base != EULER}
            plain = all(not (n.sub or n.sup or n.bold) for n in walk(node.operand)
                        if isinstance(n, A.Name))
            if len(letters) == 1 and plain:
                found |= letters
    return frozenset(found)


def _differentiated_functions(nodes: list[A.Node]) -> frozenset[str]:
    """u and v of `u'(x) v(x) + u(x) v'(x)`: names the statement applies with a prime, the
    derivative of a function, so that the same name applied unprimed is that function; and
    z_1 of `\\frac{d}{dx} f(z_1(x))`, applied to the variable the statement differentiates
    by (not a letter that names a constant: c(x))."""
    variables = {node_text(n.wrt) for n in nodes if isinstance(n, A.Partial)
                 and isinstance(n.wrt, A.Name)}
    applied = {id(n.left) for n in nodes if isinstance(n, A.BinOp) and n.op == "apply"}
    # l of `\\frac{\\partial l(\\theta)}{\\partial \\theta} = l`, written bare too: its value,
    # which the step may give by a definition elsewhere, not a function of any form
    bare = {node_text(n) for n in nodes if isinstance(n, A.Name) and id(n) not in applied}
    return frozenset(node_text(dataclasses.replace(n.left, primes=0)) for n in nodes
                     if isinstance(n, A.BinOp) and n.op == "apply"
                     and isinstance(n.left, A.Name) and (n.left.primes or (
                         n.left.base not in CONSTANT_FACTORS and not n.left.sup
                         and node_text(n.left) not in bare
                         and node_text(ungroup(n.right)) in variables
                         and isinstance(ungroup(n.right), A.Name))))


def _implied_functions(nodes: list[A.Node], snapshot: Snapshot) -> frozenset[str]:
    """f and g of `(f + g)' = f' + g'`, the rules of differentiation: letters that name
    functions, written bare (never applied, never indexed), undefined, with a prime on a
    group of them only. Each is a function of one variable the text does not name; none
    when a name x is written (it would be that variable, or another)."""
    names = [n for n in nodes if isinstance(n, A.Name)]
    letters = {n.base for n in names if n.base in IMPLIED_FUNCTION_LETTERS}
    applied = {n.left.base for n in nodes if isinstance(n, A.BinOp) and n.op == "apply"
               and isinstance(n.left, A.Name)}
    groups = [n.operand for n in nodes if isinstance(n, A.Transpose) and n.prime
              and isinstance(n.operand, A.Group)]
    inside = {n.base for group in groups for n in walk(group) if isinstance(n, A.Name)
              and not (n.base == EULER and not snapshot.is_value(EULER))}
    if not groups or not inside or not inside <= letters or IMPLIED_VARIABLE in {
            n.base for n in names} or letters & applied or any(
            (n.sub or n.sup or n.suffix or n.bold) for n in names if n.base in letters) \
            or any(isinstance(n, A.Transpose) for group in groups for n in walk(group)) \
            or any(isinstance(n, A.BinOp) and n.op not in IMPLIED_OPERATIONS for n in nodes) \
            or any(snapshot.is_value(letter) or letter in snapshot.defined
                   or letter in snapshot.functions or letter in snapshot.shaped
                   for letter in letters):
        return frozenset()
    return frozenset(letters)


def _primed_quantities(nodes: list[A.Node]) -> frozenset[str]:
    """The names primed once that stand as quantities, not only as a derivative's variable."""
    variables = {id(n.wrt) for n in nodes if isinstance(n, A.Partial)}
    return frozenset(node_text(n) for n in nodes if isinstance(n, A.Name) and n.primes == 1
                     and id(n) not in variables)


def primed_beside_plain(nodes: list[A.Node]) -> frozenset[str]:
    """Names primed in a product beside themselves unprimed, `r' r`, `y' y`: a transpose
    times the vector as statistics writes it, or a derivative times the function."""
    out = set()
    for n in nodes:
        if isinstance(n, A.BinOp) and n.op == "juxt":
            names = [f for f in factors(n) if isinstance(f, A.Name)]
            plain = {node_text(f) for f in names if not f.primes}
            out |= {node_text(dataclasses.replace(f, primes=0)) for f in names
                    if f.primes == 1 and node_text(dataclasses.replace(f, primes=0)) in plain}
    return frozenset(out)


def resolve(tree: A.Node, snapshot: Snapshot, across: Across = NOTHING_ACROSS) -> Resolved:
    """Decide every reading of `tree` against `snapshot`.

        >>> from symbolic.notation import parse_side
        >>> r = resolve(parse_side("f(1 - f)"), Snapshot(values=frozenset({"f"})))
        >>> r.tree.op, str(r.readings[0])
        ('juxt', 'f(…) read as a product: f is a quantity here')
    """
    pass_ = _Pass(snapshot)
    nodes = list(walk(tree))
    # letters the tree writes with no superscript (a of ∂/∂a, x of x^2 + x^t): never stepped
    pass_.bare = bare_letters(tree)
    pass_.summed = {n.index for n in nodes if isinstance(n, A.SumOver)}   # never a gate
    pass_.transposing = pass_.primes_transposing(nodes) | across.transposed
    pass_.stepped = pass_.values_at_steps(nodes) | across.stepped
    pass_.primed_quantities = _primed_quantities(nodes) | across.primed_quantities
    pass_.implied = across.implied
    # (the statement's, when one is given: a name written bare in another tree is excluded)
    pass_.differentiated = across.differentiated if across is not NOTHING_ACROSS \
        else _differentiated_functions(nodes)
    pass_.beside_plain = primed_beside_plain(nodes)
    pass_.primes_differentiate = _primes_differentiating(nodes) | across.primes_differentiate
    pass_.bare_across = _standing_letters(nodes) | across.bare
    pass_.dotted = _dotted(nodes) | across.dotted
    # h_θ(x^{(i)}): the arguments each name is applied to in the tree, as written
    pass_.applied = {}
    for n in nodes:
        if isinstance(n, A.BinOp) and n.op == "apply" and isinstance(n.left, A.Name) \
                and isinstance(ungroup(n.right), A.Name):     # not f(1 - f), a product
            key = canonical(n.left.base, (), tuple(node_text(s) for s in n.left.sub),
                            n.left.suffix, 0)
            pass_.applied.setdefault(key, set()).add(node_text(n.right))
    pass_.calls_sigma = any(isinstance(n, A.Call) and n.name == SIGMA for n in nodes) or any(
        isinstance(n, A.BinOp) and n.op == "apply" and isinstance(n.left, A.Name)
        and n.left.base == SIGMA for n in nodes)
    pass_.powered = {id(n) for n in nodes if isinstance(n, A.BinOp) and n.op == "juxt"
                     for a, b in zip(factors(n), factors(n)[1:], strict=False)
                     if isinstance(a, A.Power) and isinstance(b, A.Group)}
    # σ^2 with no argument somewhere (a variance): σ^2(x - μ) beside it is in doubt
    pass_.variance = any(_is_sigma_squared(n) and not any(
        id(n) == id(a) for m in nodes if isinstance(m, A.BinOp) and m.op == "juxt"
        for a, b in zip(factors(m), factors(m)[1:], strict=False) if isinstance(b, A.Group))
        for n in nodes)
    return Resolved(pass_.visit(tree), tuple(dict.fromkeys(pass_.readings)))


def _step_of(argument: A.Node) -> A.Node | None:
    """The step a call's parentheses hold: t of `(t)`, t + 1 of `(t+1)`; None for any other
    argument."""
    inner = ungroup(argument)
    if isinstance(inner, A.Name) and len(inner.base) == 1 and inner.base.islower() \
            and not (inner.sub or inner.sup or inner.primes) or letter_offset(inner):
        return inner
    return None


def bare_letters(tree: A.Node) -> frozenset[str]:
    """The letters a tree writes with no superscript and not raised to a power: the a of
    `\\frac{\\partial}{\\partial a}` or of `a h^{t-1}` (the c of `c^t` is not bare)."""
    raised = {id(n.base) for n in walk(tree) if isinstance(n, A.Power)}
    return frozenset(n.base for n in walk(tree) if isinstance(n, A.Name) and not n.sup
                     and id(n) not in raised)


GRADIENT_NAMED = "as the text names gradients"     # the reading `named_gradient` gives
D_GRADIENT_NAMED = GRADIENT_NAMED + " with d"       # … of a name d makes (dZ), not G_Z


def _unwrapped(node: A.Node) -> A.Node:
    """The parentheses of a call under the power or transpose written on them: (s, a) of
    `Q(s, a)^2`."""
    while isinstance(node, A.Power | A.Transpose):
        node = node.base if isinstance(node, A.Power) else node.operand
    return node


def _parameter_of(name: A.Name) -> A.Name | None:
    """The parameter a function's name is subscripted by, `\\theta` of `p_\\theta` and
    `h_\\theta`: one Greek letter; None for any other name (f_y, f_h, g_t: labels)."""
    if len(name.sub) != 1 or name.sup or name.suffix:
        return None
    sub = name.sub[0]
    return sub if isinstance(sub, A.Name) and not (sub.sub or sub.sup or sub.primes) \
        and sub.base.startswith("\\") and sub.base[1:] in GREEK else None


def gradient_prefix(name: A.Name, body: A.Node) -> tuple[str, A.Name] | None:
    """The prefix a definition names a loss's gradient with, and the loss: ("d", L) of
    `dA = \\frac{\\partial L}{\\partial A}` (dA read as a word), ("G", L) of
    `G_O = \\partial L / \\partial O`; None for any other definition."""
    body = ungroup(body)
    if not (isinstance(body, A.Partial) and body.order == 1 and body.numerator is not None
            and isinstance(loss := ungroup(body.numerator), A.Name)
            and isinstance(body.wrt, A.Name) and not loss.sub and not loss.sup):
        return None
    wrt = body.wrt
    prefix = GRADIENT_WORD
    if name.base == prefix + wrt.base + "}" and (name.sub, name.sup) == (wrt.sub, wrt.sup) \
            and not wrt.suffix:
        return "d", loss
    labelled = name.sub == () and name.suffix == wrt.base or len(name.sub) == 1 \
        and node_text(name.sub[0]) == node_text(wrt) and not name.suffix
    if labelled and not name.sup and not (wrt.sub or wrt.sup or wrt.suffix) \
            and len(name.base) == 1 and name.base.isupper():
        return name.base, loss
    return None


def names_only_new(note: A.Node, snapshot: Snapshot) -> bool:
    """Whether a brace's note is only names nothing here gives a value: a word
    (`\\text{Paso A}`, `scalars`) or a name the brace gives what it holds, nothing to check
    (`_{p}` with p defined is checked)."""
    return all(isinstance(n, A.BinOp) and n.op == "juxt" or isinstance(n, A.Name)
               and not n.sub and not n.sup and not snapshot.is_value(node_text(n))
               and not snapshot.is_value(n.base) for n in walk(note))


def sole_variable(body: A.Node, values: frozenset[str]) -> str | None:
    """The one plain letter a formula is written in, none of them a quantity the context
    determines or a constant: x of `x^2 + \\sin(x)`, None for `a x + b`."""
    summed = {n.index for n in walk(body) if isinstance(n, A.SumOver)}   # j of \sum_j e^{z_j}
    letters = {n.base for n in walk(body) if isinstance(n, A.Name)
               and n.base not in values and n.base not in CONSTANT_LETTERS
               and n.base not in summed}
    plain = all(not (n.sub or n.sup or n.primes or n.suffix) for n in walk(body)
                if isinstance(n, A.Name) and n.base in letters)
    return next(iter(letters)) if len(letters) == 1 and plain else None


def _is_sigma_squared(node: A.Node) -> bool:
    return isinstance(node, A.Power) and isinstance(node.base, A.Name) \
        and node.base.base == SIGMA and not (node.base.sub or node.base.sup) \
        and isinstance(node.exponent, A.Num) and node.exponent.text == "2"


class _Pass:
    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self.readings: list[Reading] = []
        self.called: set[int] = set()     # powers printed before parentheses: σ^2(z)
        self.bare: frozenset[str] = frozenset()
        self.applied: dict[str, set[str]] = {}     # see `resolve`
        self.summed: set[str] = set()
        self.powered: set[int] = set()
        self.variance = False
        self.transposing: set[str] = set()     # names whose prime transposes: x_i' of x_i' β
        self.stepped: set[str] = set()         # names called at steps: w of w(t + 1)
        self.primed_quantities: frozenset[str] = frozenset()    # see `Across`
        self.implied: frozenset[str] = frozenset()              # see `Across`
        self.differentiated: frozenset[str] = frozenset()       # see `Across`
        self.beside_plain: frozenset[str] = frozenset()   # y of y' y (`primed_beside_plain`)
        self.primes_differentiate: frozenset[str] = frozenset()   # see `Across`
        self.bare_across: frozenset[str] = frozenset()            # see `Across`
        self.dotted: frozenset[str] = frozenset()                 # see `Across`
        self.calls_sigma = False          # σ(…) written: σ is the sigmoid in this tree
        # the names of several letters that stand for quantities here: NLL of \mathrm{NLL}
        prefix = WORD_FONT + "{"
        self.words = frozenset(v[len(prefix):-1] for v in snapshot.values
                               if v.startswith(prefix) and v[len(prefix):-1].isalpha()) \
            | snapshot.words

    def visit(self, node: A.Node) -> A.Node:
        composed = self.composition(node)
        if composed is not None:
            return self.visit(composed)
        if isinstance(node, A.BinOp) and node.op == "apply" \
                and node_text(node.left) in self.transposing:
            return self.visit(A.BinOp("juxt", node.left, node.right, node.pos))    # X'(y - Xb)
        if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
                and node_text(node.left) in self.stepped and _step_of(node.right) is not None:
            step = _step_of(node.right)
            self.readings.append(Reading(to_latex(node), f"{_shown(node.left)} at step "
                                                         f"{to_latex(step)}"))
            return self.visit(dataclasses.replace(node.left, sup=(step,)))    # w^{(t+1)}
        if isinstance(node, A.Name) and node_text(node) in self.transposing:
            plain = dataclasses.replace(node, primes=0)
            self.readings.append(Reading(to_latex(node), f"the transpose of {_shown(plain)}"))
            return A.Transpose(self.visit(plain), node.pos, prime=True)
        if isinstance(node, A.Name) and node.primes and (
                derivative := self.primed_derivative(node)) is not None:
            return derivative
        if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
                and node.left.primes and isinstance(node.right, A.Group) \
                and len(call_arguments(node.right)) == 1 \
                and (derivative := self.primed_derivative(node.left)) is not None:
            # y'(0), y'(x) with y = x^2 + 3x: the derivative at the point written
            variable = A.Name(self.snapshot.variable_of[node_text(
                dataclasses.replace(node.left, primes=0))], pos=node.pos)
            return A.At(derivative, (variable,), (self.visit(call_arguments(node.right)[0]),),
                        node.pos)
        if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
                and self.subscript_variables(node.left):
            return self.visit(self.partial_by_subscript(node.left, node.right))    # f_y(1, 2)
        if isinstance(node, A.Name) and self.subscript_variables(node):
            return self.visit(self.partial_by_subscript(node, None))               # f_{xy}
        if isinstance(node, A.Name) and (gradient := self.named_gradient(node)) is not None:
            return gradient                                        # G_V, dZ as \mathrm{dZ}
        if isinstance(node, A.Annotated) and node.note is not None \
                and names_only_new(node.note, self.snapshot):
            return self.visit(dataclasses.replace(node, note=None))   # _{\text{Paso A}}
        if isinstance(node, A.BinOp) and node.op == "apply" \
                and (along := self.along_a_path(node)) is not None:
            return self.visit(along)
        if isinstance(node, A.BinOp) and node.op == "apply":
            composite = composite_name(node)
            if composite is not None and self.snapshot.is_value(composite.base):
                self.readings.append(Reading(to_latex(node), "the composition given a value"))
                return composite
            applied = self.application(node)
            if isinstance(applied, A.BinOp) and applied.op == "juxt" \
                    and self.is_differential_d(applied.left):
                return self.differentials(applied)        # d(x^T x): read as a product
            return applied
        if isinstance(node, A.BinOp) and node.op == "juxt" and isinstance(node.left, A.BinOp) \
                and node.left.op in ("outer", "cdot", "times", "odot", "*") \
                and self.is_differential_d(node.left.right) \
                and isinstance(node.right, A.Group | A.Name):
            # U \otimes d(V), u * dv: the d takes what follows it, not the product before
            return self.visit(dataclasses.replace(node.left, right=A.BinOp(
                "juxt", node.left.right, node.right, node.pos)))
        if isinstance(node, A.BinOp) and node.op == "juxt":
            at_point = self.derivative_at_point(node)
            if at_point is not node:
                return self.visit(at_point)
            joined = self.defined_words(node)
            if joined is not node:
                return self.visit(joined)
            self.refuse_inverse_function(node)
            differentials = self.differentials(node)
            if differentials is not node:
                return self.visit(differentials)
            powered = self.powered_calls(node)
            if powered is not node:
                return self.visit(powered)
            parts = factors(node)
            self.called |= {id(a) for a, b in zip(parts, parts[1:], strict=False)
                            if isinstance(a, A.Power) and isinstance(b, A.Group)}
            return self.variations(self.rebuild(node))
        if isinstance(node, A.Call):
            return self.call(node)
        if isinstance(node, A.Power):
            return self.power(node)
        if isinstance(node, A.Partial) and isinstance(node.operand, A.Partial):
            hessian = self.hessian_by_prime(node)
            if hessian is not node:
                return self.visit(hessian)
        if isinstance(node, A.Partial):
            at_point = self.derivative_of_a_call_at(node)
            if at_point is not node:
                return self.visit(at_point)
            partial = self.rebuild(self.function_derivative(node))
            if isinstance(node.wrt, A.Name):  # ∂L/∂f: f is what varies, not a call of f
                partial = dataclasses.replace(partial, wrt=self.gate_label(node.wrt))
            return partial
        if isinstance(node, A.BinOp) and node.op == "/":
            derivative = self.delta_fraction(node)
            if derivative is not node:
                return self.visit(derivative)
        lifted = node.operand if isinstance(node, A.Transpose) else \
            node.base if isinstance(node, A.Power) else None
        if isinstance(lifted, A.Name) and self.splits_bold(lifted):
            raise MeaningError(
                f"{to_latex(node)}: the transpose or power may be of the product "
                f"{' '.join(lifted.base)} or of its last letter alone", "", node.pos,
                "Write the product with its letters apart, and parentheses where meant.")
        if isinstance(node, A.Transpose) and node.prime and isinstance(node.operand, A.Transpose) \
                and node.operand.prime and isinstance(node.operand.operand, A.Group):
            raise MeaningError(f"{to_latex(node.operand.operand)}'' may be a second derivative "
                               "or transposes", "", node.pos,
                               "Write it as \\frac{d^2}{dx^2}(…) to check this.")
        if isinstance(node, A.Transpose) and node.prime and isinstance(node.operand, A.Group) \
                and self.implied:           # (f g)': the derivative by the implied variable
            return self.visit(A.Partial(node.operand, A.Name(IMPLIED_VARIABLE, pos=node.pos),
                                        None, 1, node.pos))
        if isinstance(node, A.Name) and node.base in self.implied:
            self.readings.append(Reading(to_latex(node), f"a function of {IMPLIED_VARIABLE}, "
                                         "the variable the rule leaves unnamed"))
            return A.Call(node.base, (A.Name(IMPLIED_VARIABLE, pos=node.pos),), None,
                          node.primes, None, True, node.pos, A.Callee.ARBITRARY)
        if isinstance(node, A.Transpose) and node.prime and isinstance(node.operand, A.Group):
            derivative = self.primed_group(node)
            if derivative is not node:
                return self.visit(derivative)
        if isinstance(node, A.Name):
            product = self.bold_product(node)
            if product is not node:
                return self.visit(product)
            return self.function_value(self.gate_label(node))
        return self.rebuild(node)

    def derivative_at_point(self, node: A.BinOp) -> A.Node:
        """`\\frac{dR}{dh}(0)` with `R(h) = …` defined: the derivative of a function by its
        parameter, then numbers in parentheses, is the derivative at that point (a product
        with (0) would be written 0); `\\frac{dh}{dw_0}(\\vec{x}_i)` with `h(\\vec{x}) = …`,
        the derivative at a sample of the function's own parameter."""
        before = node.left.right if isinstance(node.left, A.BinOp) \
            and node.left.op in ("juxt", "cdot", "*", "times") else node.left
        after = node.right.base if isinstance(node.right, A.Power) else node.right
        if is_list(after):                  # \frac{\partial f}{\partial x}(1, 2): the pair
            after = A.Group(after, after.pos)
        if not (isinstance(after, A.Group) and isinstance(before, A.Partial)
                and isinstance(before.numerator, A.Name) and isinstance(before.wrt, A.Name)
                and before.order == 1):
            return node
        name = before.numerator
        key = canonical(name.base, (), tuple(node_text(s) for s in name.sub), name.suffix, 0)
        parameters = tuple(self.snapshot.parameters.get(key, ()))
        if not parameters or key in self.snapshot.values:
            return node                     # no function defined with parameters: a product
        values = call_arguments(after)
        numbers = not any(isinstance(n, A.Name) for value in values for n in walk(value))
        # \frac{dh}{dw_0}(\vec{x}_i) with h(\vec{x}) = …: at a sample of h's own parameter
        fits = len(parameters) == len(values) and all(isinstance(p, A.Name) for p in parameters)
        samples = fits and all(isinstance(v, A.Name) and v.base == p.base and not p.sub
                               for v, p in zip(values, parameters, strict=True))
        if not (fits and (numbers and any(p.base == before.wrt.base for p in parameters)
                          or samples)):
            raise MeaningError(
                f"{to_latex(before)}({', '.join(map(to_latex, values))}) may be the derivative "
                "at a point or a product with what the parentheses hold", "", after.pos,
                "Write the point with a bar, \\left.\\frac{dR}{dh}\\right|_{h=0}, or the "
                "product with \\cdot.")
        self.readings.append(Reading(to_latex(node), "the derivative at "
                                     + ", ".join(map(to_latex, values))))
        variables = self.own_variables(key, parameters) if numbers else parameters
        taken: A.Node = before
        written = [node_text(p) for p in parameters]
        if variables != parameters and node_text(before.wrt) in written:
            # y = 5 given: ∂f/∂x at (1, 2) takes y = 2
            wrt = variables[written.index(node_text(before.wrt))]
            taken = A.Partial(A.Call(key, variables, None, 0, None, True, name.pos,
                                     A.Callee.DEFINED), wrt, None, 1, before.pos)
        else:
            variables = parameters
        evaluated: A.Node = A.At(taken, variables, values, after.pos)
        if isinstance(node.right, A.Power):
            evaluated = dataclasses.replace(node.right, base=evaluated)
        return evaluated if before is node.left else dataclasses.replace(
            node.left, right=evaluated)

    def derivative_of_a_call_at(self, node: A.Partial) -> A.Node:
        """`\\frac{d^2 LL(\\hat{\\lambda})}{d\\lambda^2}` with `LL(\\lambda) = …` defined: the
        derivative of the function by its own parameter at a point (`_point_of`), as
        LL''(λ̂); taken literally it would be 0, which nobody writes (nor `\\frac{d}{da} f(6)`,
        the operator before the call). The outer derivative of a second one (`\\frac{d}{dx}`
        of `\\frac{d f(a)}{dx}`) is taken before the point too."""
        if node.numerator is None and isinstance(node.operand, A.Partial) \
                and isinstance(node.wrt, A.Name):
            inner = self.derivative_of_a_call_at(node.operand)
            if not (isinstance(inner, A.At) and name_key(inner.names[0]) == name_key(node.wrt)):
                return node
            return dataclasses.replace(inner, expr=dataclasses.replace(node, operand=inner.expr))
        # (`\frac{d}{da} f(6)`, the operator before the call, is the same derivative)
        called = self.called_function(node.operand if node.numerator is None
                                      else node.numerator)
        if called is None or not isinstance(node.wrt, A.Name):
            return node
        key, values = called
        parameters = tuple(self.snapshot.parameters.get(key, ()))
        if key in self.snapshot.values or len(parameters) != 1 or len(values) != 1 \
                or not isinstance(parameters[0], A.Name) \
                or name_key(parameters[0]) != name_key(node.wrt) \
                or not _point_of(values[0], parameters[0]):
            return node
        literally = f" ({OPERATOR_AT_A_POINT})" if node.numerator is None else ""
        self.readings.append(Reading(to_latex(node), f"the derivative of {key} by "
                                     f"{_shown(node.wrt)}, at {to_latex(values[0])}{literally}"))
        function = A.Call(key, parameters, None, 0, None, True, node.pos, A.Callee.DEFINED)
        return A.At(dataclasses.replace(node, numerator=function, operand=None), parameters,
                    values, node.pos)

    def called_function(self, node: A.Node | None) -> tuple[str, tuple[A.Node, ...]] | None:
        """(the function's key, its arguments) of `f(a)` or `\\mathrm{LL}(\\hat\\lambda)`
        written plainly (no primes, power or superscript), or None."""
        if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
                and not node.left.primes and not node.left.sup:
            return function_key(node), call_arguments(node.right)
        if isinstance(node, A.Call) and node.callee in (A.Callee.UNRESOLVED, A.Callee.DEFINED) \
                and not node.primes and node.power is None and node.parens:
            return function_key(node), node.args
        return None

    def delta_fraction(self, node: A.BinOp) -> A.Node:
        """`{\\delta E \\over \\delta U}`: δ before a name over δ before a name, with δ and
        neither name after it defined as δ-names, is the derivative written with δ for ∂, as
        older notes write it."""
        sides = []
        for side in (ungroup(node.left), ungroup(node.right)):
            parts = factors(side) if isinstance(side, A.BinOp) and side.op == "juxt" else []
            if len(parts) < 2 or not (isinstance(parts[0], A.Name) and parts[0].base == VARIATION
                                      and not (parts[0].sub or parts[0].sup or parts[0].primes)):
                return node
            named = variation_name(A.BinOp("juxt", parts[0], parts[1], node.pos))
            if named is not None and self.defines_base(named.base):
                return node                 # δh^t = … defined: that name
            sides.append(functools.reduce(lambda a, b: A.BinOp("juxt", a, b, node.pos),
                                          parts[1:]))
        if self.snapshot.is_value(VARIATION) or self.snapshot.kind(VARIATION) is not None:
            return node
        self.readings.append(Reading(to_latex(node), "a derivative, δ written for ∂"))
        return A.Partial(sides[0], sides[1], None, 1, node.pos)

    def splits_bold(self, name: A.Name) -> bool:
        """Whether a bold name is a run of letters read as their product (`bold_product`)."""
        base = name.base
        return name.bold and not (name.sub or name.sup or name.suffix or name.primes) \
            and 2 <= len(base) <= 3 and base.isascii() and base.isalpha() \
            and not base.islower() and not (len(base) == 3 and base.isupper()) \
            and not (self.snapshot.is_value(base) or base in self.snapshot.defined
                     or base in self.snapshot.shaped or base in self.snapshot.functions
                     or known_function(base) is not None)

    def transposed_by_prime(self, node: A.Node) -> bool:
        """Whether a name primed once may be a transpose (see `primes_transposing`): a
        capital, a bold name or a member (X', x_i'), where nothing defines it or the name
        primed and its letter is no function. (y' of `y = \\sqrt{x^2 + 1}`, or a lone
        lowercase y', may be a derivative: never read so.)"""
        if not (isinstance(node, A.Name) and node.primes == 1 and not node.sup
                and not node.suffix and (is_capital(node) or node.bold or node.sub)):
            return False
        return self.prime_may_transpose(node)

    def prime_may_transpose(self, node: A.Name) -> bool:
        """Nothing defines the name primed or unprimed (a shape may be declared: X' of an
        n×p X), and its letter is no function."""
        plain = node_text(dataclasses.replace(node, primes=0))
        return not self.snapshot.is_value(node_text(node)) \
            and not any(key in self.snapshot.defined for key in (node_text(node), plain,
                                                                 node.base)) \
            and not self.snapshot.is_function(node.base) \
            and known_function(node.base) is None and node.base not in FUNCTION_LETTERS

    def hessian_by_prime(self, node: A.Partial) -> A.Node:
        """`\\frac{\\partial^2 \\ln L}{\\partial\\beta \\partial\\beta'}`: the Hessian by β, the
        second variable written transposed (as econometrics writes it), when β' may be a
        transpose."""
        inner = node.operand
        pair = (node.wrt, inner.wrt)
        if not all(isinstance(v, A.Name) for v in pair):
            return node
        primed = [v for v in pair if v.primes == 1]
        if len(primed) != 1 or node_text(primed[0]) in self.primed_quantities \
                or primed[0].sup or primed[0].suffix \
                or not self.prime_may_transpose(primed[0]) \
                or dataclasses.replace(primed[0], primes=0, pos=0) != dataclasses.replace(
                    next(v for v in pair if v is not primed[0]), pos=0):
            return node
        plain = dataclasses.replace(primed[0], primes=0)
        if not (plain.base.startswith("\\") or plain.bold or is_capital(plain)):
            # x': a second point (a kernel's k(x, x')) as often as x transposed
            raise MeaningError(f"\\partial {to_latex(primed[0])} may be by a second variable "
                               f"{to_latex(primed[0])} or by {_shown(plain)} transposed (a "
                               "Hessian)", "", node.pos,
                               f"Write \\frac{{\\partial^2}}{{\\partial {_shown(plain)}^2}} for "
                               "the Hessian, or name the second variable apart.")
        self.readings.append(Reading(f"\\partial {to_latex(primed[0])}",
                                     f"the Hessian by {_shown(plain)}, its second variable "
                                     "transposed"))
        return dataclasses.replace(node, wrt=plain, operand=dataclasses.replace(inner, wrt=plain))

    def values_at_steps(self, nodes: list[A.Node]) -> set[str]:
        """`v_{kj}(t+1) = v_{kj}(t) - \\alpha g`: a name no function, called at two steps of
        one letter (t and t + 1), is its values at those steps, `v_{kj}^{(t+1)}`."""
        steps: dict[str, set[str]] = {}
        called: dict[str, A.Name] = {}
        # w(t+1) = … given: that call is a value of its own (`composite_name`), so read as
        # such, w is never read at steps
        given = {node_text(n.left) for n in nodes if (composite := composite_name(n)) is not None
                 and self.snapshot.is_value(composite.base)}
        for node in nodes:
            if isinstance(node, A.BinOp) and node.op == "apply" \
                    and isinstance(node.left, A.Name) and not node.left.sup \
                    and not node.left.primes and (step := _step_of(node.right)) is not None \
                    and not any(self.snapshot.is_value(key) or key in self.snapshot.defined
                                for key in (node_text(node.left), node.left.base)) \
                    and not self.snapshot.is_function(node.left.base) \
                    and known_function(node.left.base) is None \
                    and node.left.base not in FUNCTION_LETTERS:
                steps.setdefault(node_text(node.left), set()).add(node_text(step))
                called[node_text(node.left)] = node.left
        # `given: w(t+1) = …` holds a call of w as a value: w is read so, never at steps
        given |= {key for key, name in called.items() if any(
            value.startswith(composite_of(name)) for value in self.snapshot.values)}
        return {name for name, at in steps.items() if len(at) > 1} - given

    def primed_derivative(self, name: A.Name) -> A.Partial | None:
        """`y'` and `y''` with `y = x^2`: a prime on a value defined as a formula of one
        letter, the primed name given nothing of its own, is its derivative in that letter."""
        plain = dataclasses.replace(name, primes=0)
        variable = self.snapshot.variable_of.get(node_text(plain))
        if variable is None or name.primes > 2 or name.sub or name.sup or name.suffix \
                or self.snapshot.is_value(node_text(name)) \
                or node_text(plain) in self.beside_plain:     # r' r: may be rᵀ r
            return None
        self.readings.append(Reading(to_latex(name), f"the derivative of {_shown(plain)} in "
                                                     f"{variable}"))
        wrt = A.Name(variable, pos=name.pos)
        derivative = A.Partial(plain, wrt, pos=name.pos)
        if name.primes == 2:
            derivative = A.Partial(None, wrt, derivative, pos=name.pos)
        return derivative

    def gradient_after_d(self, d: A.Name, after: A.Node) -> A.Node | None:
        """`dZ`, `dZ^T` with the text naming gradients `dA` (`named_gradient`): the
        gradient by Z (transposed); None when d and what follows are no such name."""
        operand = after.operand if isinstance(after, A.Transpose) else after
        if not isinstance(operand, A.Name) or operand.suffix:
            return None
        gradient = self.named_gradient(dataclasses.replace(
            operand, base=f"{WORD_FONT}{{{d.base}{operand.base}}}"))
        if gradient is None or operand is after:
            return gradient
        return dataclasses.replace(after, operand=gradient)

    def composition(self, node: A.Node) -> A.Call | None:
        """`(g' \\circ f)` with g and f functions the text defines (f of one parameter x):
        g'(f(x)), the composition taken at f's parameter; `(g \\circ f)(2)` at the point
        written. ∘ between anything else is the element-wise product. None otherwise."""
        argument = None
        if isinstance(node, A.BinOp) and node.op in ("apply", "juxt") \
                and isinstance(node.left, A.Group) and isinstance(node.right, A.Group) \
                and len(call_arguments(node.right)) == 1:
            node, argument = node.left, call_arguments(node.right)[0]
        node = ungroup(node)
        if not (isinstance(node, A.BinOp) and node.op == "odot"
                and isinstance(node.left, A.Name) and isinstance(node.right, A.Name)):
            return None
        outer, inner = node.left, node.right
        plain = dataclasses.replace(outer, primes=0)
        parameters = self.snapshot.parameters.get(node_text(inner), ())
        if inner.primes or len(parameters) != 1 or not (
                self.snapshot.is_function(node_text(plain))
                or known_function(node_text(plain)) is not None):
            return None
        self.readings.append(Reading(to_latex(node), "a composition of functions"))
        inner_call = A.Call(node_text(inner), (argument or parameters[0],), pos=inner.pos)
        return A.Call(node_text(plain), (inner_call,), primes=outer.primes, pos=outer.pos)

    def named_gradient(self, name: A.Name) -> A.Partial | None:
        """`G_V` beside `G_O = \\partial L/\\partial O`, `\\mathrm{dZ}` beside
        `dA = \\frac{\\partial L}{\\partial A}`: a name the text's own pattern for a
        loss's gradients makes, given nothing of its own, of a quantity here: the gradient."""
        if not self.snapshot.gradient_names or self.snapshot.is_value(node_text(name)):
            return None
        prefix = GRADIENT_WORD
        if name.base.startswith(prefix) and len(name.base) > len(prefix) + 1 \
                and "d" in self.snapshot.gradient_names:
            variable = A.Name(name.base[len(prefix):-1], name.sub, name.sup, pos=name.pos)
            loss = self.snapshot.gradient_names["d"]
        elif name.base in self.snapshot.gradient_names and not name.sup and (
                bool(name.suffix) != bool(name.sub)) and len(name.sub) <= 1:
            variable = A.Name(name.suffix, pos=name.pos) if name.suffix \
                else name.sub[0]
            loss = self.snapshot.gradient_names[name.base]
        else:
            return None
        if not isinstance(variable, A.Name) or not (
                self.snapshot.is_value(node_text(variable))
                or node_text(variable) in self.snapshot.written):
            return None
        named = D_GRADIENT_NAMED if name.base.startswith(prefix) else GRADIENT_NAMED
        self.readings.append(Reading(to_latex(name), f"the gradient of {_shown(loss)} by "
                                     f"{_shown(variable)}, {named}"))
        return A.Partial(loss, self.visit(variable), pos=name.pos)

    def subscript_variables(self, name: A.Name) -> tuple[A.Name, ...]:
        """The variables a subscript differentiates by, `f_y` and `f_{xy}` with `f(x, y)`
        defined and f_y given nothing of its own: a subscript made only of the function's
        parameters is its partial derivative, as calculus writes it; () for any other."""
        parameters = self.snapshot.parameters.get(name.base, ())
        if not parameters or name.sup or name.primes or not (name.sub or name.suffix) \
                or self.snapshot.is_value(node_text(name)) \
                or self.snapshot.is_function(node_text(name)):
            return ()
        own = {p.base: p for p in parameters
               if isinstance(p, A.Name) and not (p.sub or p.sup or p.suffix or p.primes)}
        letters = [n.base if isinstance(n, A.Name) and not (n.sub or n.sup or n.suffix
                                                            or n.primes) else None
                   for n in name.sub] if name.sub else list(name.suffix)
        if len(letters) > 2 or not all(letter in own for letter in letters):
            return ()
        return tuple(own[letter] for letter in letters)

    def partial_by_subscript(self, name: A.Name, arguments: A.Node | None) -> A.Node:
        """`f_y`, `f_{xy}` and `f_y(1, 2)` (`subscript_variables`): the partial derivative of
        the function, at its own parameters or at the point written."""
        variables = self.subscript_variables(name)
        parameters = tuple(self.snapshot.parameters[name.base])
        self.readings.append(Reading(to_latex(name), f"the partial derivative of "
                                     f"{_shown(A.Name(name.base))} by "
                                     f"{', '.join(map(_shown, variables))}"))
        derivative: A.Node = A.Partial(A.Call(name.base, parameters, None, 0, None, True,
                                              name.pos, A.Callee.DEFINED),
                                       variables[0], pos=name.pos)
        for variable in variables[1:]:
            derivative = A.Partial(None, variable, derivative, pos=name.pos)
        if arguments is None:
            return derivative
        values = call_arguments(arguments)
        if len(values) != len(parameters):
            raise MeaningError(f"{to_latex(name)} is given {len(values)} arguments, and "
                               f"{name.base} has {len(parameters)} parameters", "", name.pos,
                               f"Write {name.base}'s partial derivative at a point of all "
                               "its parameters.")
        return A.At(derivative, parameters, values, name.pos)

    def own_variables(self, key: str, parameters: tuple) -> tuple:
        """A function's parameters, renamed apart where the text gives one of them a value
        (x = 1 beside `\\nabla f(0.8, 0.8)`): a derivative at a point is taken in variables
        of its own. Unchanged otherwise, and where the body reaches its parameters through a
        definition (g(x, y) = h + y with h = x^2)."""
        written = {p.base for p in parameters if isinstance(p, A.Name)}
        if not any(isinstance(p, A.Name) and (self.snapshot.is_value(node_text(p))
                                              or node_text(p) in self.snapshot.defined)
                   for p in parameters) or any(
                name not in written and name in self.snapshot.defined
                for name in self.snapshot.used_in.get(key, frozenset())):
            return parameters
        return tuple(dataclasses.replace(p, suffix=p.suffix + AT_POINT)
                     if isinstance(p, A.Name) else p for p in parameters)

    def primes_transposing(self, nodes: list[A.Node]) -> set[str]:
        """`x_i' \\beta`, `X'X`, `X'(y - X\\beta)`: a name primed once that multiplies what
        follows it, where it may be a transpose, is transposed (the prime of statistics and
        econometrics) wherever the tree writes it; a derivative is a call, `f'(x)`."""
        found = set()
        for node in nodes:
            if isinstance(node, A.BinOp) and node.op == "juxt":
                parts = factors(node)
                found |= {node_text(part) for part, after in zip(parts, parts[1:], strict=False)
                          if self.transposed_by_prime(part)
                          and not isinstance(ungroup(after), A.Num | A.Group)}
            elif isinstance(node, A.BinOp) and node.op == "apply" \
                    and self.transposed_by_prime(node.left) \
                    and len(node.left.base) == 1 and node.left.base.isupper() \
                    and not isinstance(ungroup(node.right), A.Name | A.Num):
                found.add(node_text(node.left))     # X'(y - X\beta); \Phi'(z) is a derivative
        return found

    def primed_group(self, node: A.Transpose) -> A.Node:
        """`(e^{2z} - 1)'`: a prime on parentheses is a transpose of what holds a vector or
        matrix ((Xw)', written bold, with an arrow or shaped), and the derivative by its one
        variable of what only a number can be (an exponential, a function, a power); of
        anything else (several variables, a defined letter, `(1 - x)'`, `(x^3)''`) it is
        in doubt."""
        # f and g of `(f(g(x)))'` are functions applied, no variable of it
        called = {id(n.left) for n in walk(node.operand) if isinstance(n, A.BinOp)
                  and n.op == "apply" and isinstance(n.left, A.Name) and not n.left.sub
                  and (n.left.base in FUNCTION_LETTERS or self.snapshot.is_function(n.left.base))
                  and not self.snapshot.is_value(n.left.base)}
        names = {n.base: n for n in walk(node.operand) if isinstance(n, A.Name)
                 and id(n) not in called
                 and not (n.base == EULER and not self.snapshot.is_value(EULER))}
        if any(isinstance(n, A.Power) and to_latex(n.exponent) == "-1"
               for n in walk(node.operand)):
            # (X^{-1})' = -X^{-1} X' X^{-1}: matrix calculus's derivative by a parameter, as
            # often as a transpose (which X^{-T} would write)
            raise MeaningError(f"{to_latex(node.operand)}' may be a derivative by a parameter "
                               "the text does not name, or a transpose", "", node.pos,
                               "Write the transpose as ^T, or the derivative as "
                               "\\frac{d}{dt}(…).")
        if any(n.bold or n.base in self.snapshot.shaped or n.base.startswith(VECTOR_ACCENT)
               or self.snapshot.kind(n.base) in ("vector", "matrix") for n in names.values()):
            return node
        doubt = None
        variables = {base: n for base, n in names.items() if base not in CONSTANT_FACTORS
                     or self.snapshot.is_value(base) or base in self.snapshot.defined}
        if len(variables) == 1 and len(names) > 1 and any(
                isinstance(n, A.BinOp) and n.op == "apply" for n in walk(node.operand)):
            # (c \cdot f(x))': the constant-multiple rule, c a constant (c, k, a, λ, …)
            names = variables
        if not names:
            doubt = "a derivative of a constant"
        elif len(names) > 1 or any(n.sub or n.sup for n in names.values()):
            doubt = f"a derivative, and by which of {', '.join(sorted(names))} is not said"
        elif any(self.snapshot.is_value(n.base) or n.base in self.snapshot.defined
                 for n in names.values()):
            doubt = "a derivative, and its letter is defined here: by it, or by what it " \
                "depends on, is not said"
        elif not _only_scalar(node.operand) and not set(names) <= self.primes_differentiate:
            doubt = "a derivative, or a transpose of what the parentheses hold"
        if doubt is not None:
            raise MeaningError(f"{to_latex(node.operand)}' may be {doubt}", "", node.pos,
                               "Write the derivative as \\frac{d}{dx}(…) to check this.")
        letter = next(iter(names.values()))
        self.readings.append(Reading(f"{to_latex(node.operand)}'",
                                     f"the derivative by {letter.base}"))
        return A.Partial(node.operand, A.Name(letter.base, pos=letter.pos), None, 1, node.pos)

    def bold_product(self, name: A.Name) -> A.Node:
        """`\\mathbf{AX}`, `\\mathbf{Wx}`: a bold run of two or three letters, one of them a
        capital, that nothing here names, is the product of the bold letters, as matrix
        calculus writes `\\mathbf{Ax}`; an acronym of three capitals (`\\mathbf{MSE}`) is
        no product."""
        if not self.splits_bold(name):
            return name
        base = name.base
        letters = [A.Name(letter, pos=name.pos + k, bold=True) for k, letter in enumerate(base)]
        self.readings.append(Reading(to_latex(name), "the product " + " ".join(base)))
        product: A.Node = letters[0]
        for letter in letters[1:]:
            product = A.BinOp("juxt", product, letter, name.pos)
        return product

    def gate_label(self, name: A.Name) -> A.Name:
        """`\\Gamma_i` beside `\\Gamma_f`, `\\Gamma_o` (an LSTM's gates, W_i beside W_f): i
        labels the input gate as f labels the forget gate, not a running index."""
        if name.base not in self.snapshot.gated or name.suffix or len(name.sub) != 1 \
                or not isinstance(name.sub[0], A.Name) or name.sub[0].sub or name.sub[0].sup \
                or name.sub[0].base not in INDEX_LETTERS or name.sub[0].base not in GATE_LETTERS \
                or name.sub[0].base in self.summed:
            return name
        letter = name.sub[0].base
        self.readings.append(Reading(to_latex(name), f"{letter} a label, as the other letters "
                                                     f"of {name.base} are"))
        return dataclasses.replace(name, sub=(), suffix=letter)

    def defined_words(self, node: A.BinOp) -> A.Node:
        """`2 NLL` with `NLL = …` defined: the letters N, L, L printed together are that
        name, not a product (`letter_word`)."""
        words = self.words
        if not words:
            return node
        parts = factors(node)
        first = parts[0]
        if isinstance(first, A.BinOp) and first.op in ("cdot", "*", "times") \
                and isinstance(first.right, A.Name) and len(parts) > 1:
            # 2 \cdot HO: the operator binds H alone as parsed; the word is H with O
            rest = functools.reduce(lambda a, b: A.BinOp("juxt", a, b, node.pos),
                                    [first.right, *parts[1:]])
            joined = self.defined_words(rest)
            if joined is not rest:
                return A.BinOp(first.op, first.left, joined, first.pos)
        longest = max(map(len, words))
        out: list[A.Node] = []
        i = 0
        while i < len(parts):
            for j in range(min(len(parts), i + longest), i + 1, -1):
                last = parts[j - 1]
                # EH^T, EH^2: the transpose or power of the word
                inner = last.operand if isinstance(last, A.Transpose) else \
                    last.base if isinstance(last, A.Power) else last
                word = letter_word([*parts[i:j - 1], inner])
                letters = word.base[len(WORD_FONT) + 1:-1] if word is not None else ""
                if letters in words:
                    self.readings.append(Reading(letters, f"the name {word.base}"))
                    out.append(dataclasses.replace(last, operand=word)
                               if isinstance(last, A.Transpose) else
                               dataclasses.replace(last, base=word)
                               if isinstance(last, A.Power) else word)
                    i = j
                    break
            else:
                out.append(parts[i])
                i += 1
        if len(out) == len(parts):
            return node
        return functools.reduce(lambda a, b: A.BinOp("juxt", a, b, node.pos), out)

    def function_value(self, name: A.Name) -> A.Node:
        """`f` alone, with `f(x) = …` defined: the function's value at its own parameters,
        f(x), as `J` stands for J(θ) in the text that defines J(θ)."""
        if name.sup or name.primes:
            return self.rebuild(name)
        if not name.sub and not name.suffix and known_function(name.base) is not None \
                and not self.snapshot.is_value(name.base) \
                and not (name.base == SIGMA and self.snapshot.sigma_is_symbol):
            raise MeaningError(
                f"{_shown(name)} stands alone, without its argument: it is a function here, "
                "and which value it stands for is not said", "", name.pos,
                f"Write {_shown(name)}(z), or define the value ({_shown(name)} = …), or declare "
                f"it a quantity (conventions: {{sigma: symbol}} for σ).")
        key = canonical(name.base, (), tuple(node_text(s) for s in name.sub), name.suffix, 0)
        if key not in self.snapshot.parameters or key in self.snapshot.values \
                or name.sub and canonical(name.base, (), (), name.suffix, 0) \
                in self.snapshot.defined:
            # s_i of `s_i(\mathbf x) = …`: the member of the family it defines, a quantity
            # a derivative by s_1 holds (its value is the function's at its parameters)
            return self.rebuild(name)
        parameters = self.snapshot.parameters[key]
        own = node_text(A.Group(parameters[0])) if len(parameters) == 1 else None
        if own is not None and self.applied.get(key, {own}) - {own}:
            # ∂ log h_θ(x^{(i)}) / ∂ h_θ: h_θ alone may be h_θ(x^{(i)}) or h_θ(x)
            raise MeaningError(f"{_shown(name)} stands alone beside {_shown(name)} applied to "
                               "other arguments: whether it is the function at its own "
                               "parameters or at those is not said", "", name.pos,
                               f"Write the argument, as in {_shown(name)}(x^{{(i)}}).")
        self.readings.append(Reading(_shown(name), f"{_shown(name)}("
                                     f"{', '.join(map(_shown, parameters))}), the function "
                                     "at its own parameters"))
        return A.Call(key, tuple(parameters), None, 0, None, True, name.pos, A.Callee.DEFINED)

    def function_derivative(self, node: A.Partial) -> A.Partial:
        """`\\frac{df}{dx}`, `\\nabla_\\theta J` with `f(x) = …`, `J(\\theta) = …` defined:
        the derivative of the function at its own parameters."""
        name = node.numerator
        word = letter_word(factors(name)) if isinstance(name, A.BinOp) else None
        if word is not None and unworded(word.base) in self.snapshot.parameters:
            name = word             # \frac{d Sig}{dx} with Sig(x) = …: the function Sig
        elif word is not None and known_function(unworded(word.base)) is not None \
                and not word.sub and not word.sup:
            name = dataclasses.replace(word, base=unworded(word.base))   # {d Tanh \over dx}
            node = dataclasses.replace(node, numerator=name)
        if isinstance(name, A.Name) and _sample_superscript(name) \
                and canonical(name.base, (), (), name.suffix, 0) in self.snapshot.parameters:
            name = dataclasses.replace(name, sup=())     # l^{(i)} of l^{(i)}(w, b) = …
        if not (isinstance(name, A.Name) and not name.sup and not name.primes):
            return node
        if not name.sub and not name.suffix and known_function(name.base) is not None \
                and not self.snapshot.is_value(name.base) and isinstance(node.wrt, A.Name) \
                and node.wrt.base in ARGUMENT_LETTERS and not node.wrt.sub and not node.wrt.sup \
                and not self.snapshot.is_value(node.wrt.base) \
                and not (name.base == SIGMA and self.snapshot.sigma_is_symbol):
            # \frac{d\sigma}{dz}: the known function of its usual argument, differentiated (by
            # a weight, ∂σ/∂w, σ's argument is some expression in w: not read)
            self.readings.append(Reading(f"d {_shown(name)}",
                                         f"{_shown(name)}({_shown(node.wrt)}), differentiated"))
            call = A.Call(name.base, (node.wrt,), None, 0, None, True, name.pos, A.Callee.KNOWN)
            return dataclasses.replace(node, numerator=call)
        key = canonical(name.base, (), tuple(node_text(s) for s in name.sub), name.suffix, 0)
        word = unworded(name.base)
        if key not in self.snapshot.parameters and not name.sub and not name.suffix \
                and word in self.snapshot.parameters:
            key = word           # \text{ELU} over \text{ELU}(z_i) = …: the function ELU
        if key not in self.snapshot.parameters or key in self.snapshot.values:
            return node          # f_2 of `f_2(y) = …` is the function f_{2}
        own = tuple(self.snapshot.parameters[key])
        parameters = self.at_last_layer(name, own, node.wrt)
        wrt = node.wrt
        if parameters == own and isinstance(wrt, A.Name) \
                and all(isinstance(p, A.Name) for p in parameters) \
                and not any(p.base == wrt.base for p in parameters) \
                and wrt.base not in self.snapshot.used_in.get(key, frozenset()) \
                and not any(canonical(p.base, (), (), p.suffix, p.primes)
                            in self.snapshot.defined - self.snapshot.layers_only
                            or self.snapshot.is_function(p.base)
                            for p in parameters):     # L(e) with e(θ) defined: through e
            # f(z) = z^2, then \frac{\partial f}{\partial x}: f of x, its argument renamed;
            # with several parameters, which one x stands for is not said
            through = self.snapshot.written_in.get(canonical(wrt.base, (), (), wrt.suffix, 0),
                                                   frozenset()) & {p.base for p in parameters}
            if through:
                # J(θ) = … σ(θ x) …, z = θ x: J' at z (its argument renamed), or J through
                # z (σ(z) - y), which holds J's other terms in θ apart: not said which
                raise MeaningError(f"{_shown(wrt)} is defined through {_shown(name)}'s "
                                   f"parameter {sorted(through)[0]}: the derivative may be "
                                   f"{_shown(name)}' with its argument renamed, or "
                                   f"{_shown(name)} through {_shown(wrt)}, which is not said",
                                   "", None, f"Write {_shown(name)} in {_shown(wrt)}, or "
                                   "the derivative by its parameter.")
            if len(parameters) != 1:
                raise MeaningError(f"{_shown(name)} is a function of {len(parameters)} "
                                   f"parameters, none of them {_shown(wrt)}: which one "
                                   f"{_shown(wrt)} stands for is not said", "", None,
                                   f"Write the derivative by a parameter of {_shown(name)}.")
            self.readings.append(Reading(f"\\partial {_shown(name)}",
                                         f"{_shown(name)}({_shown(wrt)}), differentiated"))
            parameters = (wrt,)
        else:
            self.readings.append(Reading(f"\\partial {_shown(name)}",
                                         f"the derivative of the function {_shown(name)}"))
        call = A.Call(key, parameters, None, 0, None, True, name.pos, A.Callee.DEFINED)
        return dataclasses.replace(node, numerator=call)

    def at_last_layer(self, name: A.Node, parameters: tuple, wrt: A.Node) -> tuple:
        """`L(a, y) = \\frac{1}{2}(a - y)^2` beside layers `a^1 = …`, `a^2 = …` and no bare
        a, differentiated by what is no parameter: the loss of the network's output, L at
        the last layer's a (`L(a^{(2)}, y)`); the parameters as they are otherwise."""
        if isinstance(wrt, A.Name) and any(isinstance(p, A.Name) and p.base == wrt.base
                                           for p in parameters):
            return parameters
        last = [p for p in parameters if isinstance(p, A.Name) and not p.sup and not p.sub
                and p.base in self.snapshot.last_layer]
        if len(last) != 1:
            return parameters
        layer = A.Num(self.snapshot.last_layer[last[0].base], last[0].pos)
        output = dataclasses.replace(last[0], sup=(layer,))
        self.readings.append(Reading(f"\\partial {_shown(name)}", f"{_shown(name)} of "
                                     f"{_shown(output)}, the last layer's {_shown(last[0])}"))
        return tuple(output if p is last[0] else p for p in parameters)

    def rebuild(self, node: A.Node) -> A.Node:
        changes = {}
        for name in A.child_fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, A.Node | tuple) and value != ():
                new = self.visit_value(value)
                if new is not value:
                    changes[name] = new
        return dataclasses.replace(node, **changes) if changes else node

    def visit_value(self, value):
        if isinstance(value, A.Node):
            return self.visit(value)
        if isinstance(value, tuple):
            new = tuple(self.visit_value(v) for v in value)
            return value if all(a is b for a, b in zip(new, value, strict=True)) else new
        return value

    # -- f(x): a call or a product -------------------------------------------------------
    def along_a_path(self, node: A.BinOp) -> A.Node | None:
        """`\\dot{F}(p)` with `F(u) = …` defined: by Newton's dot, F's derivative along the
        path p(t), F'(p) \\dot{p}, where the statement or a definition writes \\dot{p}, and
        F'(p) otherwise (at t itself, F'(t)); None for any other call."""
        name, arguments = node.left, call_arguments(_unwrapped(node.right))
        prefix = TIME_DERIVATIVE + "{"
        if not (isinstance(name, A.Name) and name.base.startswith(prefix)
                and name.base.endswith("}") and not name.sub and not name.sup
                and not name.primes and len(arguments) == 1
                and isinstance(ungroup(arguments[0]), A.Name)):
            return None
        function = name.base[len(prefix):-1].strip()
        if function not in self.snapshot.functions or self.snapshot.is_value(name.base):
            return None
        path = ungroup(arguments[0])
        speed = dataclasses.replace(path, base=f"{prefix}{path.base}}}")
        parameters = self.snapshot.parameters.get(function, ())
        if any(key in self.snapshot.shaped
               for key in (name_key(path), *(name_key(p) for p in parameters))):
            raise MeaningError(f"{_shown(name)}: Newton's dot on a function of a vector or "
                               "matrix is not read", "", node.pos,
                               "Write the derivative out, as in \\nabla V(x)^T \\dot{x}.")
        derivative = A.Call(function, (path,), None, 1, None, True, node.pos)
        if speed.base not in self.dotted and not self.snapshot.is_value(name_key(speed)) \
                or path.base == TIME_LETTER and not path.sub:
            # \dot{g}(z) = g(z)(1 - g(z)), no \dot{z} written: the dot is g's derivative
            self.readings.append(Reading(_shown(name), f"the derivative of {function}"))
            return derivative
        self.readings.append(Reading(_shown(name), f"the derivative of {function} along a path "
                                                   f"(Newton's dot): times {_shown(speed)}"))
        return A.BinOp("juxt", derivative, speed, node.pos)

    def application(self, node: A.BinOp) -> A.Node:
        if node.left.sup:
            node = self.lagrange(node)
        name: A.Name = node.left
        right, wrappers = node.right, []
        while isinstance(right, A.Power | A.Transpose):   # f(x)^2, v(y - t)^T
            wrappers.append(right)
            right = right.base if isinstance(right, A.Power) else right.operand
        callee, spelling, why = self.callee_of(name, node)
        if callee is None:
            self.readings.append(Reading(f"{_shown(name)}(…)", f"a product: {why}"))
            arguments = call_arguments(right)
            if len(arguments) > 1:
                raise MeaningError(
                    f"cannot read {_shown(name)}(…, …): {why}", "", node.pos,
                    "Declare the function (conventions: {symbols: {NAME: function}}) or "
                    "define it, as in g(u, v) = u v.")
            return A.BinOp("juxt", self.visit(name), self.visit(node.right), node.pos)
        self.readings.append(Reading(f"{_shown(name)}(…)", why))
        index = None
        if callee is A.Callee.DEFINED and spelling not in self.snapshot.functions:
            # s(\mathbf x)_j of s(\mathbf x)_i = …: the entry, an index the claim ranges over
            spelling = canonical(name.base, (), (), name.suffix, 0)
            index = self.visit(name.sub[0])
        elif callee is A.Callee.KNOWN and len(name.sub) == 1 \
                and (known := known_function(spelling)) is not None and known.takes_vector:
            index = self.visit(name.sub[0])     # s_k(\mathbf{x}), s declared the softmax
        arguments = tuple(self.visit(a) for a in call_arguments(right))
        if callee is A.Callee.ARBITRARY and (parameter := _parameter_of(name)) is not None \
                and all(node_text(a) != node_text(parameter) for a in arguments):
            # h_\theta(x), defined nowhere: any function of x and of θ, which its
            # subscript says it depends on
            if _shown(parameter) not in why:
                self.readings.append(Reading(f"{_shown(name)}(…)", f"any function of "
                                             f"{_shown(parameter)} too (its subscript)"))
            arguments = (*arguments, self.visit(parameter))
        call: A.Node = A.Call(spelling, arguments, index, name.primes, None, True, node.pos,
                              callee)
        for wrapper in reversed(wrappers):
            call = A.Power(call, self.visit(wrapper.exponent), wrapper.pos) \
                if isinstance(wrapper, A.Power) else A.Transpose(call, wrapper.pos)
        return call

    def powered_calls(self, node: A.BinOp) -> A.Node:
        """`\\sigma^2(z)`: a known function's power printed before its parentheses is a
        power of the call, σ(z)², as `\\tanh^2(z)` is."""
        parts = factors(node)
        out: list[A.Node] = []
        i = 0
        while i < len(parts):
            power, group = parts[i], parts[i + 1] if i + 1 < len(parts) else None
            base = power.base if isinstance(power, A.Power) else None
            if isinstance(group, A.Group) and isinstance(base, A.Name) \
                    and not (base.sub or base.sup or base.primes or base.suffix) \
                    and not (base.base == SIGMA and (self.variance or not self.calls_sigma)) \
                    and to_latex(power.exponent) != "-1" \
                    and known_function(base.base) is not None \
                    and not self.snapshot.is_value(base.base) \
                    and not (base.base == SIGMA and self.snapshot.sigma_is_symbol):
                out.append(A.Call(base.base, (group.inner,), None, 0, power.exponent, True,
                                  power.pos))
                i += 2
                continue
            out.append(power)
            i += 1
        if len(out) == len(parts):
            return node
        return functools.reduce(lambda a, b: A.BinOp("juxt", a, b, node.pos), out)

    def variations(self, node: A.Node) -> A.Node:
        """`\\delta h^t` with δh^t defined (`\\delta h^t = \\frac{\\partial E}{\\partial
        h^t}`): that name, not δ times h^t. With neither δh^t nor δ defined, δ before a name
        is in doubt: the gradient δh some notes write, or δ times h."""
        parts = factors(node) if isinstance(node, A.BinOp) and node.op == "juxt" else [node]
        out: list[A.Node] = []
        i = 0
        while i < len(parts):
            pair = A.BinOp("juxt", parts[i], parts[i + 1], parts[i].pos) \
                if i + 1 < len(parts) else None
            name = variation_name(pair) if pair is not None else None
            if name is None:
                out.append(parts[i])
                i += 1
                continue
            if self.defines_base(name.base):
                self.readings.append(Reading(to_latex(name), "a name of its own, as defined"))
                out.append(name)
                i += 2
                continue
            if not self.snapshot.is_value(VARIATION) and self.snapshot.kind(VARIATION) is None:
                raise MeaningError(
                    f"{to_latex(parts[i])} {to_latex(parts[i + 1])} may be the gradient "
                    f"{to_latex(name)} that backprop notes write with δ (∂E/∂x), or δ times "
                    f"{to_latex(parts[i + 1])}, and nothing here defines either", "",
                    parts[i].pos, f"Define it ({to_latex(name)} = \\frac{{\\partial E}}"
                    "{\\partial …}), or define δ.")
            out.append(parts[i])
            i += 1
        if len(out) == len(parts):
            return node
        return functools.reduce(lambda a, b: A.BinOp("juxt", a, b, node.pos), out)

    def defines_base(self, base: str) -> bool:
        """Whether a definition gives a name written with this base (δh of δh^{(t)})."""
        return any(key == base or key.startswith((base + "^", base + "_", base + "'"))
                   for key in (*self.snapshot.values, *self.snapshot.defined))

    def differentials(self, node: A.BinOp) -> A.Node:
        """`d(x^T x) = 2 x^T dx`, `df = \\tr(A^{-1} dA)`: d before a quantity, when d is no
        quantity here, is the differential of that quantity. `d x^2` stays unread: (dx)^2
        or d(x^2); `d X^{-1}` is d(X^{-1})."""
        parts = factors(node)
        if not any(self.is_differential_d(part) for part in parts[:-1]):
            return node
        out: list[A.Node] = []
        k = 0
        while k < len(parts):
            part = parts[k]
            if not self.is_differential_d(part) or k + 1 == len(parts):
                out.append(part)
                k += 1
                continue
            after = parts[k + 1]
            if isinstance(after, A.Power) and isinstance(after.base, A.Name) \
                    and to_latex(after.exponent) == "-1":
                # d X^{-1}: of the inverse, as an inverse of a differential is never small
                self.readings.append(Reading(f"{to_latex(part)} {to_latex(after)}",
                                             f"d({to_latex(after)})"))
                out.append(A.Differential(after, part.pos))
                k += 2
                continue
            if isinstance(after, A.BinOp) and after.op == "apply" \
                    and isinstance(after.left, A.Name) \
                    and _holds_itself(after.right, after.left) \
                    and self.callee_of(after.left, after)[0] is None:
                # d X (X^{-1}): the differential of X times the parentheses, which hold X (so
                # X is no function there)
                out += [A.Differential(after.left, part.pos), after.right]
                k += 2
                continue
            if isinstance(after, A.Power) and isinstance(after.base, A.Name):
                raise MeaningError(
                    f"{to_latex(part)} {to_latex(after)} may be the differential of the power "
                    "or the power of the differential", "", part.pos,
                    f"Write d({to_latex(after)}) or (d{to_latex(after.base)})^{{...}}.")
            word = isinstance(after, A.Name) and part.base + after.base in self.words
            gradient = self.gradient_after_d(part, after) if not word else None
            out.append(gradient if gradient is not None else
                       dataclasses.replace(after, base=f"{WORD_FONT}{{{part.base}{after.base}}}")
                       if word else A.Differential(after, part.pos))     # dP_{ij}, dP defined
            k += 2
        return functools.reduce(lambda a, b: A.BinOp("juxt", a, b, node.pos), out)

    def is_differential_d(self, node: A.Node) -> bool:
        return isinstance(node, A.Name) and node.base in DIFFERENTIAL_D and not (
            node.sub or node.sup or node.primes or node.suffix) \
            and not self.snapshot.is_value(node.base) and self.snapshot.kind(node.base) is None

    def refuse_inverse_function(self, node: A.BinOp) -> None:
        """`f^{-1}(y)` with f a function: its inverse, which derivcheck does not build (read
        as 1/f times y it would decide the step by a misreading)."""
        power = node.left
        if not (isinstance(power, A.Power) and isinstance(power.base, A.Name)
                and isinstance(node.right, A.Group) and to_latex(power.exponent) == "-1"):
            return
        name = power.base
        if self.callee_of(name, A.BinOp("apply", name, node.right, node.pos))[0] is not None:
            raise MeaningError(f"{_shown(name)}^{{-1}}(…) is the inverse function of "
                               f"{_shown(name)}, which derivcheck does not build", "", node.pos,
                               "Name the inverse's value (x = …) and check the steps about it.")

    def lagrange(self, node: A.BinOp) -> A.BinOp:
        """`f^{(3)}(0)`: the third derivative of a function f, when f is one here and
        `f^{(3)}` is no quantity of its own (`a^{(2)}(1 - a^{(2)})` stays a product)."""
        name: A.Name = node.left
        plain = dataclasses.replace(name, sup=())
        if self.snapshot.is_value(node_text(dataclasses.replace(name, sub=(), primes=0))) \
                or self.callee_of(plain, dataclasses.replace(node, left=plain))[0] is None:
            return node
        order = name.sup[0] if len(name.sup) == 1 else None
        if _sample_superscript(name) and not name.sub:
            # D2L's l^{(i)}(w, b): the loss of sample i, a function whose body (written
            # l^{(i)}(w, b) = …) holds sample i's quantities; never an i-th derivative
            self.readings.append(Reading(f"{_shown(name)}(…)",
                                         f"{_shown(plain)}(…) of sample {order.base}"))
            return dataclasses.replace(node, left=plain)
        if not (isinstance(order, A.Num) and order.text.isdigit()):
            raise MeaningError(f"a superscript on the function {_shown(plain)} is not read", "",
                               node.pos, "Write its derivatives with primes or \\frac{d}{dx}.")
        self.readings.append(Reading(f"{_shown(name)}(…)",
                                     f"the derivative of order {order.text} of {_shown(plain)}"))
        return dataclasses.replace(node, left=dataclasses.replace(
            plain, primes=plain.primes + int(order.text)))

    def callee_of(self, name: A.Name, node: A.BinOp) -> tuple[A.Callee | None, str, str]:
        """What `name(…)` applies, the name to call it by, and why it was read so."""
        snapshot = self.snapshot
        label = canonical(name.base, (), (), name.suffix, 0)
        shown = _shown(name)
        key = function_key(node)
        alone = _holds_itself(node.right, name)
        if key in snapshot.functions and not alone:
            return A.Callee.DEFINED, key, f"a call of the function {shown} defined here"
        if not alone and entry_family(name, snapshot.functions) is not None:
            return A.Callee.DEFINED, key, (f"the entry {node_text(name.sub[0])} of the function "
                                           f"{_shown(dataclasses.replace(name, sub=()))} "
                                           "defined here for every entry")
        if _at_its_own_value(name, node.right) and not snapshot.is_function(name.base) \
                and snapshot.kind(label) is None:
            raise MeaningError(
                f"{shown} is applied at its own lower-case letter, as a random variable's "
                f"function at its value is (f_{{{shown}}}(…), F_{{{shown}}}(…)); a product "
                f"{shown} times it is not meant", "", name.pos,
                f"Write the function with {shown} as its subscript, as in f_{{{shown}}}(…).")
        declared = (snapshot.kind(name_key(name)) if name.sub else None) \
            or snapshot.kind(label) or snapshot.kind(name.base)    # f_3: sigmoid, f: sigmoid
        if declared is not None and declared not in SYMBOL_KINDS and not alone:
            known = known_function(str(declared))
            if known is None:     # `\Phi: normal-cdf`: a kind derivcheck does not know
                raise MeaningError(
                    f"{shown} is declared '{declared}', which derivcheck does not know, so "
                    f"what {shown}(…) is cannot be read", "", name.pos,
                    f"Define it ({shown}(u) = …), or declare it any function "
                    f"(symbols: {{{label}: function}}).")
            return A.Callee.KNOWN, str(declared), f"the function {known.name}, as declared"
        if not alone and "function" in (snapshot.kind(label), snapshot.kind(name.base)):
            # σ: function, a placeholder for any activation: not the sigmoid it would be
            what = "the derivative of a function" if name.primes else "a call of"
            return A.Callee.ARBITRARY, key, f"{what} {shown}, declared a function"
        is_value = snapshot.is_value(label) or snapshot.is_value(name.base)
        if alone and not is_value:
            return None, "", (f"{shown} also stands alone inside the parentheses, so it is the "
                              f"value {shown} there")
        if name.base == STEP_FUNCTION and not name.sub and not is_value \
                and len(call_arguments(node.right)) == 1:    # H(y, s): no step function
            return A.Callee.KNOWN, "Heaviside", "the Heaviside step H"
        known = known_function(name.base) if not name.sub and not name.suffix else None
        if known is not None and not is_value and not (
                name.base == SIGMA and snapshot.sigma_is_symbol):
            return A.Callee.KNOWN, name.base, f"the function {known.name}"
        if name.primes and name.base == SIGMA and snapshot.sigma_is_symbol:
            raise MeaningError(
                "σ′ is the derivative of a function, but σ is declared a plain quantity "
                "(sigma: symbol), so σ(…) elsewhere is a product: the readings disagree", "",
                name.pos, "Drop `sigma: symbol` when σ is a function (σ′ is its derivative).")
        if name.primes and not is_value:
            return A.Callee.ARBITRARY, key, f"the derivative of a function {shown}"
        if is_value and not alone and name_key(name) in snapshot.defined \
                and name_key(name) not in snapshot.shaped \
                and len(arguments := call_arguments(_unwrapped(node.right))) == 1 \
                and isinstance(ungroup(arguments[0]), A.Num):
            # L = (w - 2)^2, then L(0) = 4: L times 0, or L's value at w = 0
            raise MeaningError(
                f"{shown} is defined as a quantity, so {shown}({node_text(arguments[0])}) is "
                f"{shown} times {node_text(arguments[0])} or {shown}'s value at a point: the "
                "readings disagree", "", name.pos,
                f"Define {shown} as a function of its variable ({shown}(w) = …) to check its "
                "value at a point.")
        if is_value:
            return None, "", f"{shown} is a quantity here"
        if not alone and not name.primes and node_text(name) in self.differentiated \
                and node_text(name) not in self.transposing:
            return A.Callee.ARBITRARY, key, (f"a call of {shown}, a function: {shown}′(…) is "
                                             "its derivative here")
        if snapshot.is_function(name.base) or snapshot.is_function(label):
            return A.Callee.ARBITRARY, key, f"a call of {shown}, declared a function"
        if name.base in FUNCTION_LETTERS:      # f(x), and h_\theta(x), h_{W,b}(x), f_1(x)
            return A.Callee.ARBITRARY, key, (f"a call of {shown}, any differentiable function "
                                             f"(it is not defined here)")
        labelled = len(name.sup) == 1 and isinstance(name.sup[0], A.Name) \
            and name.sup[0].base[1:] in GREEK and name.base.isupper()      # V^\pi(s)
        if name.sup and len(name.base) == 1 and (
                labelled or len(call_arguments(_unwrapped(node.right))) > 1):
            # Q^\pi(s, a), V^{\pi}(s, a): a labelled name called at a tuple, a function
            return A.Callee.ARBITRARY, key, (f"a call of {shown}, any differentiable function "
                                             f"(it is not defined here)")
        if (parameter := _parameter_of(name)) is not None and len(name.base) == 1 \
                and all(isinstance(ungroup(a), A.Name)
                        for a in call_arguments(_unwrapped(node.right))):
            # p_\theta(\tau), q_\phi(z): a density its Greek subscript parameterises
            return A.Callee.ARBITRARY, key, (f"a call of {shown}, any differentiable function "
                                             f"of its argument and {_shown(parameter)}")
        if name.base == SIGMA and snapshot.sigma_is_symbol:
            return None, "", "σ is a quantity here (sigma: symbol)"
        arguments = call_arguments(_unwrapped(node.right))
        if len(name.base) == 1 and name.base.islower() and not name.sub and not name.sup \
                and name.base not in self.bare_across \
                and key not in snapshot.shaped and len(arguments) == 1 \
                and isinstance(ungroup(arguments[0]), A.Name) \
                and name_key(ungroup(arguments[0])) in snapshot.shaped:
            # c(D) of a vector D: a function of it (a product would be written c D)
            return A.Callee.ARBITRARY, key, (f"a call of {shown}, any differentiable function "
                                             "of the vector or matrix it is applied to")
        if len(name.base) == 1 and name.base.isupper() and name.base not in self.bare_across \
                and not name.sub and not name.sup and len(arguments) == 1 \
                and isinstance(ungroup(arguments[0]), A.Num) and key not in snapshot.shaped:
            # D(1), L(0): a letter nothing gives a value, at a printed number, is a value at
            # a point (a product would be written D \cdot 1)
            return A.Callee.ARBITRARY, key, (f"{shown}'s value at a point ({shown} is not "
                                             "defined here)")
        return None, "", f"{shown} is not a function here"

    # -- \operatorname{name}(…), \log x, \nabla f(x) ----------------------------------------
    def call(self, node: A.Call) -> A.Node:
        name = node.name
        if name == NABLA:
            return self.visit(self.gradient_in_its_variable(node))
        args = tuple(self.visit(a) for a in node.args)
        index = self.visit(node.index) if node.index is not None else None
        power = self.visit(node.power) if node.power is not None else None
        resolved = dataclasses.replace(node, args=args, index=index, power=power)
        if node.callee is not A.Callee.UNRESOLVED:
            return resolved
        if name in REFUSED_OPERATORS:
            raise MeaningError(REFUSED_OPERATORS[name], "", node.pos,
                               "Check this step by hand, or write the quantity it stands for "
                               "as a name of its own.")
        key = function_key(node)
        if key in self.snapshot.functions or name in self.snapshot.functions:
            return dataclasses.replace(resolved, callee=A.Callee.DEFINED)
        if name in BUILDER_OPERATORS:
            return dataclasses.replace(resolved, callee=A.Callee.OPERATOR)
        if name == CAPITALISED_LOG and all(isinstance(a, A.Num) for a in args):
            raise MeaningError("Log of a number: the base (10, as tables print Log, or e) is "
                               "not said", "", node.pos, "Write \\log_{10} or \\ln.")
        if name == CAPITALISED_LOG:
            # Log(p_\theta(x)): the logarithm capitalised, as some notes print it (LN, Ln
            # stay unknown: LayerNorm is written so)
            return dataclasses.replace(resolved, name="log", callee=A.Callee.OPERATOR)
        if known_function(name) is not None:
            if name == SIGMA and self.snapshot.sigma_is_symbol:
                return A.BinOp("juxt", A.Name(SIGMA, pos=node.pos),
                               A.Group(args[0], node.pos), node.pos)
            return dataclasses.replace(resolved, callee=A.Callee.KNOWN)
        gradient_of = name.removeprefix("\\nabla ")
        if gradient_of != name and not args and gradient_of in self.snapshot.functions \
                and self.snapshot.is_value(gradient_of):
            raise MeaningError(
                f"{name} alone: {gradient_of} is a function here and, defined again, a "
                "quantity, so in which variable its gradient is taken is not said", "",
                node.pos, f"Write the variable, as in \\nabla_{{x}} {gradient_of}.")
        if gradient_of != name and not args and gradient_of in self.snapshot.redefined:
            raise MeaningError(
                f"{name} alone: {gradient_of} is defined more than once here, so which one "
                "(and in which variable) is not said", "", node.pos,
                f"Write the argument, as in {name}(x), or the variable, as in "
                f"\\nabla_{{x}} {gradient_of}.")
        at = args or self.snapshot.parameters.get(gradient_of, ())
        if gradient_of != name and node.primes and not self.snapshot.hessians_unshaped \
                and not all(isinstance(a, A.Name) and (
                    canonical(a.base, (), (), a.suffix, 0) in self.snapshot.shaped
                    or name_key(a) in self.snapshot.shaped) for a in at):   # x^0 = [0, 1]^T
            raise UnshapedHessian(
                f"\\nabla^2 {gradient_of}: the Hessian at a point with no declared shape would "
                "be read as the second derivative of a number", "", node.pos,
                "Declare the shape of the variable (shapes: {w: [n, 1]}).")
        if gradient_of != name and len(self.snapshot.parameters.get(gradient_of, ())) == 1:
            # \nabla L(w) with L(w) = … defined: L's derivative at w (at its own w when
            # written \nabla L alone)
            self.readings.append(Reading(name, f"the derivative of the function {gradient_of}"))
            return A.Call(gradient_of, args or self.snapshot.parameters[gradient_of], None,
                          1 + node.primes, None, True, node.pos, A.Callee.DEFINED)
        parameters = self.snapshot.parameters.get(gradient_of, ())
        point = len(args) == 1 and isinstance(args[0], A.Name) and len(parameters) > 1 \
            and not args[0].sub and not args[0].sup and not self.snapshot.is_value(
                args[0].base) and canonical(args[0].base, (), (), args[0].suffix, 0) \
            not in self.snapshot.shaped and all(args[0].base != p.base for p in parameters)
        if point:       # \nabla f(X) with f(x, y) = …: X names the point (x, y)
            self.readings.append(Reading(node_text(args[0]), "the point of "
                                         f"{gradient_of}'s own parameters"))
            args = ()
        if gradient_of != name and not node.primes and len(parameters) > 1 \
                and len(args) in (0, len(parameters)) \
                and not any(canonical(p.base, (), (), p.suffix, 0) in self.snapshot.shaped
                            for p in parameters):
            # \nabla f with f(x, y) = …: the column of its partial derivatives, taken at its
            # own parameters, then evaluated at the point when one is written (\nabla f(1, 2))
            self.readings.append(Reading(name, f"the gradient of the function {gradient_of} "
                                               "in its parameters, a column"))
            point = bool(args) and [node_text(a) for a in args] != [node_text(p)
                                                                     for p in parameters]
            # at a point, the partials are taken in names of their own (a value the text
            # gives f's parameter elsewhere, x = 1, is not the point's)
            variables = self.own_variables(gradient_of, parameters) if point else parameters
            at = A.Call(gradient_of, variables, None, 0, None, True, node.pos,
                        A.Callee.DEFINED)
            column: A.Node = A.MatrixLiteral(tuple((A.Partial(at, v, None, 1, node.pos),)
                                                   for v in variables), node.pos)
            if point:
                column = A.At(column, variables, args, node.pos)
            return self.visit(column)
        if gradient_of != name and not args:
            raise MeaningError(
                f"{name} has no variable: {gradient_of} is not a function of one argument "
                "defined here", "", node.pos,
                f"Write the variable as a subscript, as in \\nabla_{{w}} {gradient_of}, or "
                f"define {gradient_of}(w) = ….")
        if any(self.snapshot.is_function(spelling) for spelling in _spellings(node)) \
                or name.startswith(r"\nabla "):
            return dataclasses.replace(resolved, callee=A.Callee.ARBITRARY)
        if len(name) <= 3 and name.isalpha() and name.isupper() and len(args) == 1 \
                and not node.primes and all(self.snapshot.is_value(letter) or letter in
                                            self.snapshot.shaped for letter in name):
            # AB(x + y) with A and B matrices (or values): their product, not a function AB
            self.readings.append(Reading(f"{name}(…)", "a product of the quantities "
                                         + ", ".join(name)))
            product: A.Node = A.Group(args[0], node.pos)
            for letter in reversed(name):
                product = A.BinOp("juxt", A.Name(letter, pos=node.pos), product, node.pos)
            return self.visit(product)
        shown = name if name.startswith("\\") else rf"\operatorname{{{name}}}"
        raise MeaningError(
            f"the function {shown} is not known to derivcheck", "", node.pos,
            f"Define it (for example {name}(u) = …), or declare it as any differentiable "
            f"function: conventions: {{symbols: {{{name}: function}}}}.")

    def gradient_in_its_variable(self, node: A.Call) -> A.Partial:
        """`\\nabla (x^T A x)` with shapes for A and x and A constant: the gradient in the
        one name that has a shape and is no constant (x); undecided when there is not one."""
        (expression,) = node.args
        shaped = {canonical(n.base, (), (), n.suffix, 0): n for n in walk(expression)
                  if isinstance(n, A.Name) and not n.sub and not n.sup}
        variables = sorted(key for key in shaped if key in self.snapshot.shaped
                           and key not in self.snapshot.defined
                           and self.snapshot.kind(key) not in ("constant", "matrix"))
        if len(variables) != 1:
            raise MeaningError(
                "\\nabla without its variable: the expression has "
                f"{'no' if not variables else len(variables)} shaped names that vary "
                f"({', '.join(variables)})", "", node.pos,
                "Write the variable as a subscript, as in \\nabla_{x}, or declare the others "
                "constant (conventions: {symbols: {A: constant}}).")
        self.readings.append(Reading(NABLA, f"the gradient in {variables[0]}"))
        return A.Partial(expression, shaped[variables[0]], None, 1, node.pos)

    # -- a^l: a power or a layer ----------------------------------------------------------
    def power(self, node: A.Power) -> A.Node:
        base, exponent = node.base, node.exponent
        if isinstance(base, A.Name) and base.base == SIGMA and not (
                base.sub or base.sup or base.primes or base.suffix) \
                and isinstance(exponent, A.Num) and exponent.text == "2" \
                and not self.snapshot.is_function(SIGMA) and id(node) not in self.called:
            # 2\pi\sigma^2: the square of a quantity σ, the variance (σ², no argument)
            self.readings.append(Reading("\\sigma^2", "the variance: σ a quantity here"))
            return node
        if isinstance(base, A.Name) and not base.sup and self.is_layer(base, exponent):
            self.readings.append(Reading(f"{_shown(base)}^{{{to_latex(exponent)}}}",
                                         "a layer (or step) index, not a power"))
            return A.Name(base.base, base.sub, (exponent,), base.suffix, base.primes, base.pos)
        return self.rebuild(node)

    def is_layer(self, base: A.Name, exponent: A.Node) -> bool:
        """`a^l`, `\\delta^{l+1}`, `z^L`: a layer index, not a power (and `Z^1` when a name
        Z^k is defined with a layer index). Any letter superscript
        is an index when superscripts are declared indices; otherwise the layer letters
        l, L and ℓ (alone or ± a number) are, as in every backprop text; with
        `superscripts: power` none is."""
        if self.snapshot.superscripts == "power":
            return False
        label = canonical(base.base, (), (), base.suffix, 0)
        layered = label in self.snapshot.layered or base.base in self.snapshot.layered
        if isinstance(exponent, A.Num):       # Z^1 where Z^1 = … defines layer 1
            # a^0_k: nobody writes an entry to the power 0; it is the input layer 0 (x^0 in a
            # polynomial, e^0, stay powers)
            return layered and exponent.text.isdigit() or exponent.text == "0" \
                and bool(base.sub) and base.base != "e"
        letters = _letters(exponent)
        if not letters:
            return False
        if self.snapshot.superscripts == "index":
            return True
        # c^t beside h^t = …: the step t of a Latin letter (β^t, γ^t stay powers, as in Adam)
        stepped = letters <= self.snapshot.steps and base.base not in self.bare \
            and base.base not in self.snapshot.bare and base.base.lstrip("\\").isascii() \
            and (len(base.base) == 1 or base.base[:1] == "\\" and "{" in base.base
                 and len(base.base.split("{")[1].rstrip("}")) == 1)
        return letters <= LAYER_LETTERS | (INDEX_LETTERS if layered else frozenset()) \
            or (layered and letters <= INDEX_LETTERS) or stepped


def _spellings(node: A.Call) -> list[str]:
    """How conventions may name a call's function: `Af`, `\\operatorname{Af}`, and with its
    index `Af_{2}`, `\\operatorname{Af}_2`, `\\operatorname{Af}_{2}`."""
    words = [node.name, rf"\operatorname{{{node.name}}}", rf"\mathrm{{{node.name}}}"]
    if node.index is None:
        return words
    index = to_latex(node.index)
    return [f"{word}{joint}" for word in words
            for joint in (f"_{index}", f"_{{{index}}}")]


def _letters(node: A.Node) -> set[str]:
    """The index-like letters of a superscript such as `l`, `l+1`, `L-1`; empty otherwise."""
    if isinstance(node, A.Name):
        return {node.base} if not node.sub and not node.sup else set()
    if isinstance(node, A.BinOp) and node.op in ("+", "-") and isinstance(node.right, A.Num):
        return _letters(node.left)
    if isinstance(node, A.Group):
        return _letters(node.inner)
    return set()


def _at_its_own_value(name: A.Name, argument: A.Node) -> bool:
    """`X_i(x_i)`, `X(x)`: an upper-case letter applied at the same letter in lower case, with
    the same indices: a random variable's density or distribution lost its `f_`."""
    arguments = call_arguments(_unwrapped(argument))
    value = ungroup(arguments[0]) if len(arguments) == 1 else None
    return len(name.base) == 1 and name.base.isupper() and not name.primes \
        and isinstance(value, A.Name) and value.base == name.base.lower() \
        and node_text(dataclasses.replace(value, base=name.base)) == node_text(
            dataclasses.replace(name, bold=value.bold))


def _holds_itself(argument: A.Node, name: A.Name) -> bool:
    """`f(1 - f)`: whether the bare name (no argument of its own) stands inside what
    follows it; then it is a value times the parentheses, as in a_j(1 - a_j), and so is
    `φ_i(1 - φ_j)`, a member beside another of its family."""
    if name.primes:
        return False
    text = node_text(name)
    called = {id(node.left) for node in walk(argument)
              if isinstance(node, A.BinOp) and node.op == "apply"}   # f(1 - f(x))
    return any(isinstance(node, A.Name) and id(node) not in called
               and (node_text(node) == text or _members_of_one_family(node, name))
               for node in walk(argument))


def _members_of_one_family(one: A.Name, other: A.Name) -> bool:
    """`φ_i` and `φ_j`: one base, no primes, each with one index letter as its subscript."""
    return one.base == other.base and one.sup == other.sup and not one.primes \
        and len(one.sub) == len(other.sub) == 1 \
        and all(isinstance(n.sub[0], A.Name) and n.sub[0].base in INDEX_LETTERS
                and not n.sub[0].sub for n in (one, other))


def _point_of(argument: A.Node, parameter: A.Name) -> bool:
    """Whether an argument is a point of the parameter: a number, or the parameter's letter
    marked (\\hat{\\lambda}, \\bar{x}, x^*, x_0, \\theta^{(t)}), which nothing makes depend on
    the parameter itself."""
    if not any(isinstance(n, A.Name) for n in walk(argument)):
        return True
    if not isinstance(argument, A.Name) or parameter.sub or parameter.sup:
        return False
    accented = re.fullmatch(r"\\([a-z]+)\{(.+)\}", argument.base)
    if accented is not None and accented.group(1) in ACCENTS.values():
        return accented.group(2) == parameter.base and not argument.sub
    return argument.base == parameter.base and bool(argument.sub or argument.sup
                                                    or argument.suffix)


def _shown(name: A.Name) -> str:
    return to_latex(dataclasses.replace(name, primes=0))


def name_candidates(name: str) -> list[str]:
    """`y^{(2)}_{1}` -> [`y^{(2)}_{1}`, `y^{(2)}`, `y`]: where to look up a symbol's kind."""
    out = [name]
    cut = name.find("_{")
    if cut > 0:
        out.append(name[:cut])
    for sep in ("^{", "_{", "'"):
        cut = name.find(sep)
        if cut > 0:
            out.append(name[:cut])
    if "_" in name and not name.startswith("\\"):
        out.append(name.split("_")[0])
    return out


def _sample_superscript(name: A.Name) -> bool:
    """Whether a name carries only the sample superscript, as l of `l^{(i)}(w, b)` does."""
    return len(name.sup) == 1 and isinstance(name.sup[0], A.Name) \
        and name.sup[0].base == SAMPLE_LETTER and not name.sup[0].sub and not name.sup[0].sup
