"""∂A/∂B against a context, the way DESIGN.md says.

Follow A's definitions until B appears, hold B as a variable, differentiate. A name used
but never defined is any differentiable function of the graph's outputs, and its gradient
(`∂L/∂y`, backprop's upstream gradient) is a quantity of its own. Vectors and matrices give
gradients and Jacobians in the context's layout.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import sympy
from sympy.core.function import AppliedUndef

from symbolic.compare import free_symbols
from symbolic.errors import MeaningError, NotationError, UnsaidDependence, UnshapedError
from symbolic.functions import held
from symbolic.notation import ast as A
from symbolic.notation import conditional_names, parse_side
from symbolic.notation.names import Var, base_of, family_of, layer_of, subscript_of
from symbolic.notation.trees import name_key
from symbolic.notation.vocabulary import DATA_LETTERS, ESTIMATE, LABEL_LETTERS, WEIGHT_LETTERS

if TYPE_CHECKING:
    from symbolic.context import Context
    from symbolic.notation.build import Instance


def partial(context: Context, numerator, wrt, instance: Instance):
    """∂numerator/∂wrt, both built for `instance`, in the context's layout.

    Denominator layout (the default): the gradient of a scalar has the variable's shape and
    the Jacobian of a vector N by a vector W has entry [i, j] = ∂N_j/∂W_i. Numerator layout
    transposes both; mixed layout keeps the gradient's shape and transposes the Jacobian.
    """
    if isinstance(numerator, sympy.MatrixBase) and numerator.shape == (1, 1):
        numerator = numerator[0]
    layout = context.conventions.get("layout")
    if isinstance(wrt, sympy.MatrixBase):
        if isinstance(numerator, sympy.MatrixBase):
            rows = [[partial(context, n, w, instance) for n in numerator] for w in wrt]
            jacobian = sympy.ImmutableMatrix(rows)
            return jacobian.T if layout in ("numerator", "mixed") else jacobian
        gradient = wrt.applyfunc(lambda w: partial(context, numerator, w, instance))
        if layout == "numerator":
            if 1 in wrt.shape:
                return gradient.reshape(1, len(wrt))   # by a vector, row or column: a row
            return gradient.T
        return gradient
    if isinstance(numerator, sympy.MatrixBase):
        return numerator.applyfunc(lambda n: partial(context, n, wrt, instance))
    if isinstance(wrt, sympy.Pow) and isinstance(wrt.base, sympy.Symbol) \
            and wrt.exp.is_Integer and wrt.exp > 1:
        # ∂ℓ/∂σ^2 = (∂ℓ/∂σ) / (2σ): v = σ^2 gives dσ/dv = 1/(2σ), on either branch of σ
        return partial(context, numerator, wrt.base, instance) / sympy.diff(wrt, wrt.base)
    if not isinstance(wrt, sympy.Symbol):
        raise MeaningError(f"cannot differentiate with respect to {sympy.latex(wrt)}: "
                           "it is not a variable", "", None,
                           "Differentiate with respect to a name such as w_1.")
    if context.use_gradient_values and isinstance(numerator, sympy.Symbol):
        named = context.gradient_values.get((numerator.name, wrt.name))
        if named is not None:
            return named
    definitions = context.definitions_in(instance)
    context.require_readable(numerator, instance)     # an unread definition is no unknown
    stated = gradient_symbol(numerator, wrt) if isinstance(numerator, Var) else None
    if stated is not None and numerator not in definitions and stated in definitions:
        return stated       # ∂u/∂f = -u^2 given, u defined nowhere: the text's derivative
    if isinstance(numerator, Var) and numerator not in definitions \
            and (given := context.stated_derivative(numerator, wrt, instance)) is not None:
        return given        # ∂w_{ij}/∂f_{ij} = -w_{ij}^n given, of the member asked for
    if context.written_held and numerator not in definitions \
            and wrt in free_symbols(numerator):
        return derivative(numerator, wrt)   # the defined names it writes held fixed
    if isinstance(numerator, Var) and numerator not in definitions and numerator != wrt \
            and not context.uses(numerator, instance):
        return upstream(context, numerator, wrt, instance)
    _require_partial_or_total(numerator, wrt, definitions, context, instance)
    expanded = context.expand(numerator, instance, keep=frozenset({wrt}))
    inverse = _through_inverse(numerator, expanded, wrt, context, instance)
    if inverse is not None:
        return inverse
    expanded = _written_through(numerator, expanded, wrt, definitions, context, instance)
    _require_not_beneath(numerator, expanded, wrt, definitions, context, instance)
    _require_one_reading(expanded, wrt)
    _require_label_apart(expanded, wrt)
    conditioned = _conditioned_on(expanded, wrt, context, instance)
    if conditioned:
        return _through_conditionals(expanded, wrt, conditioned)
    _require_dependence(expanded, wrt, context)
    if numerator in definitions:
        _require_variable_written(expanded, wrt, context)
    _require_twins_defined(expanded, wrt, definitions, context, instance)
    _require_parameters_written(expanded, wrt, context)
    return derivative(expanded, wrt)


def inverse_leaf(context: Context, wrt, instance: Instance, numerator=None):
    """The one variable a defined name is a function of (x for `z = x^2`, μ_i for
    `η_i = g(μ_i)`), so that what x determines has a derivative by z through the inverse.
    None when the name is not defined, its definition holds more than one variable or is
    not smooth (`\\max(0, x)`: no inverse where it is flat), or another definition holds
    that variable and another the numerator holds (`u = x`, `v = x + y` beside `f = x y`: by
    u at fixed v, or at fixed y, is not said), other than those `numerator` rests on."""
    definitions = context.definitions_in(instance)
    if not isinstance(wrt, sympy.Symbol) or wrt not in definitions:
        return None
    body = context.expand(wrt, instance)
    if not isinstance(body, sympy.Expr) or body.has(*_KINKED):
        return None
    leaves = [v for v in free_symbols(body) if not context.is_value(v.name)]
    if len(leaves) != 1 or leaves[0] in definitions:
        return None
    leaf = leaves[0]
    slope = sympy.diff(body, leaf)
    if slope == 0 or slope.has(*_KINKED):
        return None
    chain, frontier = {wrt}, {numerator} if isinstance(numerator, sympy.Symbol) else set()
    while frontier:
        chain |= frontier
        frontier = {s for name in frontier if name in definitions
                    for s in free_symbols(definitions[name]) if s in definitions} - chain
    # another function of x and of what the numerator holds besides (v = x + y beside
    # f = x y): u and v may be coordinates, and ∂f/∂u is then taken at fixed v
    besides = free_symbols(context.expand(numerator, instance)) - {leaf} \
        if isinstance(numerator, sympy.Basic) else set()
    for name in set(definitions) - chain:
        held = free_symbols(context.expand(name, instance)) \
            if isinstance(definitions[name], sympy.Basic) else set()
        if leaf in held and held & besides:
            return None
    return leaf


# what has no derivative everywhere: a kink, a step, a case split
_KINKED = (sympy.Heaviside, sympy.Piecewise, sympy.sign, sympy.DiracDelta, sympy.Max, sympy.Min,
           sympy.Abs)


def _through_inverse(numerator, expanded, wrt, context: Context, instance: Instance):
    r"""∂x/∂z with `z = x^2`, ∂y/∂z with `y = x^6` too, ∂μ_i/∂η_i with `g(μ_i) = η_i`: z is
    a function of the one variable x, so what x determines varies with z through its
    inverse, dx/dz = 1/(dz/dx). None when that is not the case (`expanded` is the
    numerator expanded down to z, which it must not hold)."""
    leaf = inverse_leaf(context, wrt, instance, numerator)
    if leaf is None or not isinstance(expanded, sympy.Expr) \
            or wrt in free_symbols(expanded) or leaf not in free_symbols(expanded):
        return None
    body = context.expand(wrt, instance)
    return sympy.diff(expanded, leaf) / sympy.diff(body, leaf)


def _require_not_beneath(numerator, expanded, wrt, definitions: dict, context: Context,
                         instance: Instance) -> None:
    """∂x/∂z, ∂L/∂z with `z = \\max(0, x)`, `L = x^2`: what is differentiated holds the one
    variable z is made of, not z, and no inverse reads it (a kink): read as written its
    derivative is 0, which the writer does not mean. (A unit beside another of its layer,
    made of many inputs, is another variable: its derivative is 0.)"""
    if wrt not in definitions or not isinstance(expanded, sympy.Basic) \
            or wrt in free_symbols(expanded) or numerator == wrt:
        return
    beneath = {s for s in free_symbols(context.expand(wrt, instance))
               if not context.is_value(s.name)}
    shared = sorted(str(s) for s in free_symbols(expanded) & beneath)
    if shared and len(beneath) == 1:    # (z_1 of a layer, many inputs: another unit's 0)
        raise MeaningError(
            f"{numerator} {'is' if str(numerator) == shared[0] else 'holds'} {shared[0]}, "
            f"which {wrt} is made of, but not {wrt}: how it varies with {wrt} (through an "
            "inverse, at what fixed) is not said", "", None,
            f"Write {numerator} in terms of {wrt} to check this.")


def _written_through(numerator, expanded, wrt, definitions: dict, context: Context,
                     instance: Instance):
    r"""∂ŷ/∂z with `ŷ = σ(w^T x + b)` and `z = w^T x + b` both defined: ŷ's definition does
    not write z, but it holds z's body, and the writer means the chain rule's factor through
    z. When every name of z's body enters only through it, ŷ is a function of z alone: it
    is read so (σ(z)). When some enter otherwise too (L = \|Ax - b\|^2 + \|x\|^2 of
    u = Ax - b), what ∂L/∂u holds fixed is not said: undecided, never 0. Otherwise the
    expansion as it was."""
    if wrt not in definitions or not hasattr(expanded, "free_symbols") \
            or wrt in free_symbols(expanded) or numerator == wrt:
        return expanded
    body = context.expand(wrt, instance)
    whole = context.expand(numerator, instance)
    parts = list(body) if isinstance(body, sympy.MatrixBase) else [body]   # u = Ax - b too
    if not (all(isinstance(p, sympy.Expr) and not p.is_Atom for p in parts)
            and isinstance(whole, sympy.Basic) and all(_holds(whole, p) for p in parts)):
        return expanded
    if len(parts) == 1 and isinstance(whole, sympy.Expr):
        through = whole.subs(parts[0], wrt)
        if not free_symbols(through) & free_symbols(parts[0]):
            return through
    raise MeaningError(
        f"{numerator} is not written through {wrt.name}, but its definition holds "
        f"{wrt.name}'s ({sympy.latex(body)}): read as written its derivative by {wrt.name} "
        f"is 0, while the chain rule through {wrt.name} gives another", "", None,
        f"Write {numerator}'s definition in terms of {wrt.name} to check this.")


def _holds(whole: sympy.Basic, part: sympy.Expr) -> bool:
    """Whether `whole` holds `part`, as written or negated (σ(z) = 1/(1 + e^{-z}) of
    z = wx + b holds e^{-b - wx})."""
    if whole.has(part):
        return True
    stand_in = sympy.Dummy()
    return whole.subs(part, stand_in).has(stand_in)


def _require_twins_defined(expanded, wrt: sympy.Symbol, definitions: dict, context: Context,
                           instance: Instance) -> None:
    """∂E/∂out_{h1} with E = E_{o1} + E_{o2}, out_{o1} defined through out_{h1} and its
    twin out_{o2} defined nowhere: out_{o2} likely depends on out_{h1} the same way, and
    reading it as a free number would drop that path. Say so rather than decide.

    Twins are names of one family with labels of their own (o1, o2): h_{t-1} beside a
    defined h_t is the recurrence's earlier step, which partial derivatives hold fixed."""
    if not hasattr(expanded, "free_symbols") or context.twins_read:
        return
    labelled: dict[str, list] = {}
    for var in definitions:
        if isinstance(var, sympy.Symbol):
            labelled.setdefault(base_of(var), []).append(var)
    for symbol in sorted(free_symbols(expanded) - {wrt}, key=str):
        base = base_of(symbol)
        if symbol in definitions or base == symbol.name or base not in labelled:
            continue
        label = subscript_of(symbol)
        for twin in sorted(labelled[base], key=str):
            # a_{j,i} beside a defined whole a = softmax(W^T x): a column a's text never built
            whole = twin.name == base and "," in label
            if not whole and not _twin_labels(label, subscript_of(twin)):
                continue
            if twin == wrt or _own_weight(wrt, twin, definitions):
                continue        # w_5 of net_{o1}: the twin out_{o2} has weights of its own
            if wrt in free_symbols(context.expand(twin, instance, keep=frozenset({wrt}))):
                raise UnsaidDependence(
                    f"{symbol.name} is defined nowhere, but its twin {twin.name} is, and "
                    f"depends on {wrt.name}: whether {symbol.name} does too is not said",
                    symbol.name, wrt.name)


def _own_weight(wrt: sympy.Symbol, twin: sympy.Symbol, definitions: dict) -> bool:
    """Whether `wrt` is a weight or bias written in a definition of the twin's own unit
    (w_5 in net_{o1} = w_5 out_{h1} + …, for out_{o1}): a weight feeds its unit only. One
    that enters through a unit all twins share (w_1 through out_{h1}) is no such weight."""
    if family_of(wrt.name) not in WEIGHT_LETTERS:
        return False
    label = subscript_of(twin)
    return any(wrt in free_symbols(value) for var, value in definitions.items()
               if isinstance(var, sympy.Symbol) and base_of(var) != var.name
               and subscript_of(var) == label)


def _twin_labels(mine: str, theirs: str) -> bool:
    """Labels of two members of one kind: o1 and o2, 1 and 2; not o1 and h2, nor an index
    letter or an offset (j, t-1)."""
    def kind(label: str) -> str | None:
        if not any(c.isdigit() for c in label) or any(c in label for c in "+-,"):
            return None
        return re.sub(r"\d+", "#", label)
    return mine != theirs and kind(mine) is not None and kind(mine) == kind(theirs)


def _require_label_apart(expr, wrt: sympy.Symbol) -> None:
    """`f_y` (or `f_{y_i}`), the entry at a class label, beside entries numbered f_1, f_2
    and a derivative by one of them: the label is one of those numbers, which one the data
    says, and the derivative differs there (∂f_y/∂f_k is 1 when k = y). Undecided."""
    family, index = _entry_of(wrt.name)
    if family is None:
        return
    entries = [_entry_of(s.name) for s in (*free_symbols(expr), wrt)]
    indices = [i for f, i in entries if f == family]
    labelled = [i for i in indices if _is_class_label(i)]
    if labelled and len(labelled) < len(indices):
        raise MeaningError(
            f"{family}_{{{labelled[0]}}} is the entry at a class label, which is one of the "
            f"entries numbered here; which one is not said, and the derivative by {wrt.name} "
            "differs there", "", None,
            f"Write the entry as a sum with an indicator, \\sum_j \\mathbb{{1}}(j = y) "
            f"{family}_j, to check the step.")


def _entry_of(name: str) -> tuple[str | None, str]:
    """(`f`, `y_{1}`) of the entry `f_{y_{1}}`: the name before its first subscript, and that
    subscript; (None, "") for a name with none."""
    cut = name.find("_{")
    if cut <= 0 or not name.endswith("}"):
        return None, ""
    return name[:cut], name[cut + 2:-1]


def _is_class_label(index: str) -> bool:
    """`y`, `t`, `y_{1}`: a class label (LABEL_LETTERS), alone or of one sample."""
    return re.fullmatch(r"[" + "".join(sorted(LABEL_LETTERS)) + r"](?:_\{\d+\})?", index) \
        is not None


def _conditioned_on(expr, wrt: sympy.Symbol, context: Context, instance: Instance) -> list:
    """The probabilities nothing defines that are written with `wrt` in them, given it
    (`p(x \\mid \\theta)` for θ), of it (a likelihood `\\mathcal{L}(\\mu \\mid D)`), by it
    (`P_\\theta(z \\mid x)`), or with a defined name that depends on it (`p(y \\mid \\mu)`
    with μ = w x): they depend on it, as their name says. Names are compared as read, the
    whole vector w standing for its entries w_1, …"""
    found = []
    for symbol in sorted(free_symbols(expr), key=str):
        if r"\mid" not in symbol.name:
            continue
        keys = {name_key(n) for n in conditional_names(symbol.name)}
        if any(_depends(key, wrt, context, instance) for key in keys):
            found.append(symbol)
    return found


def _depends(key: str, wrt: sympy.Symbol, context: Context, instance: Instance) -> bool:
    """Whether the quantity named `key` is `wrt`, holds it (the vector w of w_1), or is
    defined through it."""
    if key == wrt.name or key == base_of(wrt) or family_of(key) == family_of(wrt.name) \
            and family_of(key) != key:
        return True
    defined = Var(key)
    if defined not in context.definitions_in(instance):
        return False
    return wrt in free_symbols(context.expand(defined, instance, keep=frozenset({wrt})))


def _through_conditionals(expr, wrt: sympy.Symbol, conditioned: list):
    """∂expr/∂wrt with each of `conditioned` a function of wrt: the chain rule through it,
    its own derivative the quantity ∂p/∂θ (`\\nabla_\\theta \\log p(x \\mid \\theta)` is
    `\\frac{\\partial p}{\\partial \\theta} / p`)."""
    functions = {p: sympy.Function(f"_given{k}")(wrt) for k, p in enumerate(conditioned)}
    found = sympy.diff(expr.xreplace(functions), wrt)
    back = {sympy.Derivative(f, wrt): gradient_symbol(p, wrt) for p, f in functions.items()}
    return found.xreplace(back).xreplace({f: p for p, f in functions.items()})


DERIVATIVES_KEPT = 4096   # derivatives kept per process


def derivative(expr, wrt: sympy.Symbol):
    """`sympy.diff(expr, wrt)`, kept per process: a document differentiates the same
    expanded definitions in many links, instances and steps (001: 681 derivatives, 190
    distinct), and a new definition or value clears the context's own table. The result
    depends on the two expressions alone, so a kept one is the one SymPy would give.

    >>> x = sympy.Symbol("x")
    >>> derivative(x**2, x)
    2*x
    """
    if not isinstance(expr, sympy.Basic):     # a mutable matrix has no hash
        return held(sympy.diff(expr, wrt))
    return _kept_derivative(expr, wrt)


@functools.lru_cache(maxsize=DERIVATIVES_KEPT)
def _kept_derivative(expr: sympy.Basic, wrt: sympy.Symbol):
    return held(sympy.diff(expr, wrt))


def _require_partial_or_total(numerator, wrt: sympy.Symbol, definitions: dict,
                              context: Context, instance: Instance) -> None:
    """`\\frac{\\partial f(x_t, h_{t-1}, w)}{\\partial w}` with h_{t-1} itself a function of
    w: f's partial derivative by its last slot (h_{t-1} held) or the total derivative? The
    two readings differ, and the notation does not say which. Undecided."""
    if not hasattr(numerator, "atoms"):
        return
    for call in sorted(numerator.atoms(AppliedUndef), key=str):
        for argument in call.args:
            if isinstance(argument, sympy.Symbol) and argument != wrt \
                    and argument in definitions \
                    and wrt in context.expand(argument, instance).free_symbols:
                raise MeaningError(
                    f"in the derivative of {call} by {wrt.name}, {argument} depends on "
                    f"{wrt.name} too: the partial derivative (holding {argument}) and the "
                    "total one differ, and the notation does not say which is meant", "", None,
                    "Write the total derivative with the chain rule, or name the partial one.")


def _arity(symbol: sympy.Symbol) -> int:
    """How many indices a name's last subscript holds: 2 for `w_{1,2}`, 0 for `w`."""
    subscript = subscript_of(symbol)
    return subscript.count(",") + 1 if subscript else 0


def _labelled_by_capitals(symbol: sympy.Symbol) -> bool:
    """Whether a name's subscript is letters alone, a capital among them (`w_{JK}`, `w_{jK}`,
    `w_{J,K}`): an entry a capital labels (Fausett's unit J), which may be any of the entries
    numbered or lettered otherwise (not `out_{o1}`, a unit's label, nor `E_{total}`, a word)."""
    parts = [p.strip() for p in subscript_of(symbol).split(",")]
    return all(p.isalpha() and len(p) <= 2 for p in parts) \
        and any(c.isupper() for p in parts for c in p)


def _labelled_by_a_letter(symbol: sympy.Symbol) -> bool:
    """Whether an entry's subscript, once index letters are numbers, still holds a single
    lowercase letter (`V_{1,b}`): a label that may be any entry."""
    parts = [p.strip() for p in subscript_of(symbol).split(",")]
    return len(parts) > 1 and any(len(p) == 1 and p.isalpha() and p.islower() for p in parts) \
        and all(p.isdigit() or (len(p) == 1 and p.isalpha()) for p in parts)


def _require_dependence(expr, wrt: sympy.Symbol, context: Context) -> None:
    """∇_θ Σ_x p(x) f(x), or ∂/∂b of ½‖h_{W,b}(x) − y‖², with θ (b) nowhere in what is
    differentiated: as written the derivative is 0, but functions nothing defines (p, f, h)
    may depend on it, as the writer likely means. Say so."""
    family = base_of(wrt)          # w_{22} is of the family w of w_{i,j}
    if not hasattr(expr, "atoms"):
        return
    calls = expr.atoms(AppliedUndef)          # (the functions asked only when there are calls)
    hiding = context.hiding_functions() if calls else {}
    hidden = sorted(str(f.func) for f in calls
                    if str(f.func) in hiding and wrt not in free_symbols(f))
    if hidden:
        # J(w, b) = \frac{1}{2m} \sum_i (h(x^{(i)}) - y^{(i)})^2 + \frac{\lambda}{2m} \sum_j
        # w_j^2: b is written nowhere in J but through h, the model h_{w,b}; read free of w,
        # h would lose the terms the writer means
        raise MeaningError(
            f"{hidden[0]} is a function nothing here defines, and {hiding[hidden[0]]} is "
            f"defined as a function of parameters its formula writes only through "
            f"{hidden[0]}, which may depend on {wrt.name}", "", None,
            f"Define {hidden[0]} (as in {hidden[0]}(x) = w^T x + b) to check this.")
    symbols = free_symbols(expr)
    # p_θ(x), L_θ defined nowhere, by θ: its subscript says it is a quantity of θ, and
    # nothing says how; read as free of θ, its derivative would be 0 by a misreading
    named = sorted(s.name for s in symbols if s != wrt and base_of(s) != s.name
                   and subscript_of(s) == wrt.name)
    if named:
        raise MeaningError(
            f"{named[0]} is written as a quantity of {wrt.name} (its subscript), but nothing "
            f"here says how it depends on {wrt.name}", "", None,
            f"Define {named[0]} (as in {named[0]} = …) to check this.")
    kin = sorted((s for s in symbols if base_of(s) == family), key=str)
    arity = _arity(wrt)
    if kin and arity and all(_arity(s) != arity for s in kin):
        # ∂/∂Θ_{ij} of a sum of Θ_k s: Θ written with one index there and two here, so
        # which entries are the same is not said; read apart, the derivative would be 0
        raise MeaningError(
            f"{wrt.name} does not appear in what is differentiated, but {kin[0].name} does, "
            f"with {_arity(kin[0])} index(es) where {wrt.name} has {arity}: how they relate "
            "is not said", "", None, "Declare the shape of the matrix (shapes: {name: "
            "[rows, cols]}), or write its entries with the same indices throughout.")
    if kin and wrt not in symbols and any(_labelled_by_capitals(s) for s in (wrt, *kin)):
        # ∂/∂w_{JK} of what holds w_{jK}: a unit labelled by a capital (J, K) among entries
        # labelled by others, which may be it; read apart, the derivative would be 0
        raise MeaningError(
            f"{wrt.name} does not appear in what is differentiated, but {kin[0].name} does: "
            "letters label their entries, and whether they are the same entry is not said",
            "", None, "Write the entries with numbers, or with the same letters throughout.")
    if kin and wrt not in symbols and any(_labelled_by_a_letter(s) for s in kin):
        # ∂O_{ab}/∂V_{jp} of Σ_c A_{ac} V_{cb}: b, no index letter here, labels an entry that
        # may be the one p numbers; read apart, the derivative would be 0
        raise MeaningError(
            f"{wrt.name} does not appear in what is differentiated, but {kin[0].name} does, "
            "its entry labelled by a letter that may name the same one", "", None,
            "Write the entries with the same index letters throughout (i, j, k, …).")
    if kin:
        return
    # z^{(1)} absent where z^{(r)} stands: whether layer 1 is the labelled layer r (or r - 1)
    # is not said, so a derivative of 0 would be a misreading
    mine = layer_of(wrt.name)
    for symbol in sorted(symbols, key=str):
        theirs = layer_of(symbol.name)
        if mine and theirs and mine[1] != theirs[1] \
                and not (mine[1].isdigit() and theirs[1].isdigit()):
            raise MeaningError(
                f"{wrt.name} does not appear in what is differentiated, but {symbol.name} "
                f"does, and whether layer {mine[1]} is layer {theirs[1]} is not said", "", None,
                "Write the layers with numbers, or the last layer's definitions with its "
                "letter only.")
    # ŷ = a^{[2]} by z^{[2]}, with a^{[2]} defined nowhere: a layer's quantities are
    # computed from that layer's and earlier ones, so it may depend on z^{[2]}
    downstream = sorted(s.name for s in symbols if _downstream(s.name, mine)
                        and context.kind(s.name) is None and not context.is_value(s.name))
    if downstream and mine is not None and not mine[1].isdigit():
        # a^L by z^L, the same lettered layer: read free of z^L and depending on it, as the
        # chain rule ∂C/∂z^L = ∂C/∂a^L ∂a^L/∂z^L holds either way (`claims._twin_readings`)
        if context.twins_read:
            return
        raise UnsaidDependence(
            f"as read, this does not depend on {wrt.name}, but it holds {downstream[0]}, "
            f"defined nowhere here, of the same layer, which may depend on it",
            downstream[0], wrt.name)
    if downstream:
        raise MeaningError(
            f"as read, this does not depend on {wrt.name}, but it holds {downstream[0]}, "
            f"defined nowhere here, of the same layer or a later one, which may depend on "
            f"{wrt.name}", "", None, f"Define {downstream[0]} to check this.")
    unknown = sorted({str(f.func) for f in expr.atoms(AppliedUndef)})
    if unknown:
        raise MeaningError(
            f"{wrt.name} does not appear in what is differentiated, but it holds functions "
            f"not defined here ({', '.join(unknown)}) that may depend on it", "", None,
            f"Define them, or write the dependence, as in p(x; {wrt.name}).")
    # ŷ_i, p̂^{(i)}_k defined nowhere: a hat marks what the model computes from its
    # parameters, so it may well depend on the variable
    estimates = sorted(s.name for s in symbols if s.name.startswith(ESTIMATE))
    if estimates:
        raise MeaningError(
            f"{wrt.name} does not appear in what is differentiated, but it holds "
            f"{estimates[0]}, a model's output defined nowhere here, that may depend on it",
            "", None, f"Define {estimates[0]} (as in \\hat{{y}} = X w) to check this.")
    # J = -Σ y_{ji} log a_{ji} by W, with a_{ji} defined nowhere: 0 as read, where the
    # writer means a dependence the text did not spell out
    # (an entry of a family; a bare u of the product rule is any function, see claims)
    defined = context.defined_families()
    strangers = sorted(s.name for s in symbols if context.kind(s.name) is None
                       and gradient_parts(s) is None and base_of(s) != s.name
                       and family_of(s.name) in defined                # a of a_i = …
                       and context.shape_of(base_of(s)) is None)    # W_1's entries: inputs
    if strangers:
        raise MeaningError(
            f"as read, this does not depend on {wrt.name}, but it holds {strangers[0]}, "
            f"defined nowhere here, which may depend on {wrt.name}", "", None,
            f"Define {strangers[0]} to check this.")


def _require_parameters_written(expr, wrt: sympy.Symbol, context: Context) -> None:
    """`\\frac{\\partial l(\\theta)}{\\partial \\theta_j}` with `l(\\theta) = \\log p(y;
    \\lambda)`, "λ is a function of η, which is a function of θ" said in words: a function
    of θ whose formula does not write θ depends on it as the text says; read as written, the
    derivative would be 0. Say so."""
    family = base_of(wrt)
    if not hasattr(expr, "atoms") or wrt in free_symbols(expr):
        return
    unwritten = sorted(name for name, function in context.functions.items()
                       if any(p.base == family for p in function.parameters)
                       and family not in _bases_written(function.body, context))
    if unwritten:
        raise MeaningError(
            f"as read, this does not depend on {wrt.name}, but {unwritten[0]} is defined as a "
            f"function of {family}, and its formula does not write {family}: how it depends "
            "on it is not said", "", None, f"Write the formula of {unwritten[0]} in {family}.")


def _bases_written(body: A.Node, context: Context) -> set[str]:
    """The bases a formula writes, and those the definitions of its names and the
    functions it calls write, and so on (λ = e^η and η = θ^T x bring η and θ to `\\log
    p(y; λ)`; h_θ(x^{(i)}) brings θ, its subscript, and what h's formula writes)."""
    written: set[str] = set()
    pending: list = [body]
    while pending:
        node = pending.pop()
        for n in A.walk(node):
            if isinstance(n, A.Name) and n.base not in written:
                written.add(n.base)
                pending += [d.body for d in context.definitions
                            if getattr(d.name, "base", None) == n.base]
            elif isinstance(n, A.Call) and n.name not in written:
                written |= {n.name} | {p.base for p in _subscript_names(n.name)}
                if n.name in context.functions:
                    pending.append(context.functions[n.name].body)
    return written


def _subscript_names(spelled: str) -> list[A.Name]:
    """The names in a function's spelled subscript: θ of `h_{\\theta}`."""
    sub = spelled.partition("_")[2]
    try:
        return [n for n in A.walk(parse_side(sub)) if isinstance(n, A.Name)] if sub else []
    except NotationError:
        return []


def _require_variable_written(expr, wrt: sympy.Symbol, context: Context) -> None:
    """ŷ = σ(Σ_j w_j x_j), a defined name, by z, which the text writes (σ(z) = …, σ's
    variable) but no definition does: z names what the text says in words, σ's argument
    likely; read as a number of its own, the derivative would be 0 by a misreading. Say so.
    (A formula by a variable it does not hold, y^8 by x, is 0 as written.)"""
    # (x_3 beside \sum_{i=1}^{2} w_i x_i: an entry of a family the definitions write)
    if wrt not in free_symbols(expr) and wrt.name in context.mentioned and not context.values \
            and not context.is_value(wrt.name) and not any(
            d.key == wrt.name or any(isinstance(n, A.Name) and (
                name_key(n) == wrt.name or n.base == base_of(wrt) != wrt.name)
                for n in A.walk(d.body)) for d in context.definitions):
        raise MeaningError(
            f"as read, this does not depend on {wrt.name}, which the text writes but no "
            f"definition here does: {wrt.name} may name a quantity it says in words (the "
            "argument of a function)", "", None,
            f"Define {wrt.name} (as in {wrt.name} = …) to check this.")


def _downstream(name: str, layer: tuple[str, str] | None) -> bool:
    """Whether `name` is a network's quantity (not an input or target) of the numbered
    layer `layer` or a later one, or of the same lettered layer (a^L beside z^L)."""
    theirs = layer_of(name)
    if layer is None or theirs is None or theirs[0] in LABEL_LETTERS | DATA_LETTERS:
        return False
    if layer[1].isdigit() and theirs[1].isdigit():
        return int(theirs[1]) >= int(layer[1])
    return theirs[1] == layer[1]


def _require_one_reading(expr, wrt: sympy.Symbol) -> None:
    """∂/∂θ_j of an expression that holds θ itself, with no shape declared for θ: θ is a
    vector here, read as a number. The derivative would be 0 by a misreading; say so."""
    container = base_of(wrt)
    if not hasattr(type(expr), "free_symbols"):
        return
    symbols = free_symbols(expr)
    if container == wrt.name:
        entries = sorted(s.name for s in symbols if s != wrt
                         and base_of(s) == wrt.name and not s.name.endswith("_{0}"))
        if entries:
            # ∂/∂W of λ/2 ‖W‖² with no shape for W: the norm reads W by its entries, the
            # derivative takes it whole, as a number: 0 by a misreading (w_0 is an offset)
            raise UnshapedError(
                f"{wrt.name} is used by its entries ({entries[0]}) and whole, in the "
                f"derivative, and no shape is declared for it", "", None,
                f"Declare its shape, as in shapes: {{{wrt.name}: [m, n]}}.")
        return
    offset = wrt.name.endswith("_{0}") and wrt in symbols  # θ^T x + θ_0: an offset
    if any(s.name == container for s in symbols) and not offset:
        raise UnshapedError(
            f"{container} is used whole and by its entries ({wrt.name}), and no shape is "
            f"declared for it, so it is read as a number here", "", None,
            f"Declare its shape, as in shapes: {{{container}: [n, 1]}}.")


def upstream(context: Context, numerator: Var, wrt, instance: Instance):
    """∂L/∂B for a name L never defined: L is any function of the graph's outputs, so the
    chain rule runs through each output that reaches B."""
    definitions = context.definitions_in(instance)
    # the names some definition uses (`Context.uses`, asked once for all of them)
    used = set().union(*(free_symbols(value) for s, value in definitions.items()
                         if gradient_parts(s) is None))
    # a name defined as a gradient of L (δ = ∂L/∂z) is not an output L depends on
    # and neither is a derivative the text gives (∂L/∂y = y - t)
    gradients = _gradients_of(numerator, definitions)
    sinks = [s for s in definitions if s not in used and gradient_parts(s) is None
             and s not in gradients]
    reaching = [s for s in sinks if s != wrt and wrt in
                free_symbols(context.expand(s, instance, keep=frozenset({wrt})))]
    if context.losses_by_index:
        reaching = [s for s in reaching if _same_index(s, numerator)]
    if context.helpers_dropped:
        reaching = [s for s in reaching if not _helper(s, definitions, used)]
    if not reaching and _entries_apart(numerator, wrt, definitions) \
            and context.kind(base_of(numerator)) != "symmetric":    # Σ = Σ^T ties them
        return sympy.Integer(0)
    if not reaching:
        return gradient_symbol(numerator, wrt)
    _require_one_step(numerator, wrt, [s for s, value in definitions.items()
                                       if wrt in free_symbols(value)], context)
    _require_one_case(reaching, numerator)
    total = sympy.Integer(0)
    for sink in reaching:
        local = derivative(context.expand(sink, instance, keep=frozenset({wrt})), wrt)
        total += gradient_symbol(numerator, sink) * local
    return total


def _require_one_case(outputs: list, loss: sympy.Symbol) -> None:
    """`Y = \\gamma \\odot \\hat{X} + \\beta` beside `y_i = \\gamma \\hat{x}_i + \\beta`: outputs
    of one letter in both cases may be one quantity, whole and by its rows; the chain rule
    through both would count it twice. Undecided."""
    bases = {base_of(s) for s in outputs}
    twins = sorted(b for b in bases if b != b.lower() and b.lower() in bases)
    if twins:
        raise MeaningError(
            f"{loss.name} is defined nowhere, and the chain rule to it runs through both "
            f"{twins[0]} and {twins[0].lower()}, which may be one quantity written whole and "
            "by its rows", "", None, f"Define {loss.name}, or write the step with one of them.")


def _helper(output: sympy.Symbol, definitions: dict, used: set) -> bool:
    """Whether an output's formula is a part of an intermediate's, a definition others use:
    l_i = Σ_k e^{S_{ik}} of P_{ij} = e^{S_{ij}} / Σ_k e^{S_{ik}} (P feeding O = P V), a
    name the text gives a piece on the way. (q = x y + z holding p = x y is an output
    itself, and p stays one.)"""
    value = definitions[output]
    return isinstance(value, sympy.Expr) and not value.is_Atom and any(
        isinstance(other, sympy.Basic) and other != value and other.has(value)
        for name, other in definitions.items() if name != output and name in used)


def _same_index(output: sympy.Symbol, loss: sympy.Symbol) -> bool:
    """Whether an output is at the loss's own index: ŷ_1 of L_1, ŷ^{(1)} of L^{(1)}."""
    layers = layer_of(output.name), layer_of(loss.name)
    if layers[1] is not None:
        return layers[0] is not None and layers[0][1] == layers[1][1]
    return bool(subscript_of(loss)) and subscript_of(output) == subscript_of(loss)


def _entries_apart(numerator: Var, wrt, definitions: dict) -> bool:
    """`\\frac{\\partial X_{ij}}{\\partial X_{kl}}` at two entries of a matrix X that
    nothing defines: entries of one array are variables of their own, so the derivative of
    one by another is 0. Only entries by two numbers, of a family with no layer or step (h_2
    beside h_1 may be a recurrence's)."""
    base = base_of(numerator)
    return isinstance(wrt, sympy.Symbol) and base_of(wrt) == base and "^" not in base \
        and all(_MATRIX_ENTRY.fullmatch(subscript_of(s)) for s in (numerator, wrt)) \
        and not any(isinstance(s, sympy.Symbol) and base_of(s) == base for s in definitions)


_MATRIX_ENTRY = re.compile(r"\d+,\d+")


def _require_one_step(numerator: sympy.Symbol, wrt: sympy.Symbol, users: list,
                      context: Context) -> None:
    """∂J/∂Γ_f with J defined nowhere and `c^{<t>} = Γ_i c̃^{<t>} + Γ_f c^{<t-1>}`: the chain
    rule runs through c at several steps (the `users` whose definitions hold Γ_f), and
    whether the text means one step's part (Γ_f the gate's value at step t) or the sum over
    the steps is not said. Undecided."""
    generic = context.stepped_families()      # c of c^{<t>} = …, not a^{(2)} of its own
    steps: dict[str, dict[str, str]] = {}
    for user in users:
        found = layer_of(user.name)
        if found is not None and found[0] in generic:
            steps.setdefault(found[0], {}).setdefault(found[1], user.name)
    for family, by_step in sorted(steps.items()):
        members = list(by_step.values())        # z^{(2)}_1, z^{(2)}_2: one layer, one step
        if len(members) > 1:
            raise MeaningError(
                f"∂{numerator.name}/∂{wrt.name} runs through {family} at several steps "
                f"({', '.join(sorted(members)[:3])}), and whether one step's part or the sum "
                "over the steps is meant is not said", "", None,
                f"Define {numerator.name}, or write the step of {wrt.name} (as in "
                f"{wrt.name}^{{<t>}}).")


def gradient_symbol(numerator: sympy.Symbol, wrt: sympy.Symbol) -> Var:
    """The upstream gradient ∂L/∂y as a quantity of its own."""
    return Var(rf"\frac{{\partial {numerator.name}}}{{\partial {wrt.name}}}")


_GRADIENT_NAME = re.compile(r"\\frac\{\\partial (.+?)\}\{\\partial (.+)\}")


def gradient_parts(symbol: sympy.Symbol) -> tuple[str, str] | None:
    """(numerator, variable) of a `gradient_symbol`, or None for any other symbol."""
    match = _GRADIENT_NAME.fullmatch(symbol.name)
    return (match.group(1), match.group(2)) if match else None


def _gradients_of(numerator: sympy.Symbol, definitions: dict) -> set:
    """The names defined through a gradient of the numerator, directly or through each
    other: δ^{[2]} = ∂L/∂z^{[2]}, and δ^{[1]} = ((W^{[2]})^T δ^{[2]}) ⊙ σ'(z^{[1]})."""
    found = {s for s, value in definitions.items() if _mentions_gradient_of(numerator, value)}
    while more := {s for s, value in definitions.items()
                   if s not in found and free_symbols(value) & found}:
        found |= more
    return found


def _mentions_gradient_of(numerator: sympy.Symbol, value) -> bool:
    return any((parts := gradient_parts(s)) is not None and parts[0] == numerator.name
               for s in getattr(value, "free_symbols", ()))


def diagonal_reading(lhs, rhs) -> tuple:
    """`∂h/∂z = σ'(z)` for an element-wise h = σ(z): a diagonal Jacobian written as the vector
    of its diagonal. When one side is a square matrix that is exactly diagonal and the other
    a vector as long, the matrix is read as its diagonal, shaped like the vector."""
    for square, vector in ((lhs, rhs), (rhs, lhs)):
        if _is_diagonal_for(square, vector):
            diagonal = sympy.ImmutableMatrix(*vector.shape, [square[k, k]
                                                             for k in range(square.rows)])
            return (diagonal, rhs) if square is lhs else (lhs, diagonal)
    return lhs, rhs


def _is_diagonal_for(square, vector) -> bool:
    if not (isinstance(square, sympy.MatrixBase) and isinstance(vector, sympy.MatrixBase)):
        return False
    n = square.rows
    if square.cols != n or n < 2 or 1 not in vector.shape or len(vector) != n:
        return False
    return all(square[r, c] == 0 for r in range(n) for c in range(n) if r != c)
