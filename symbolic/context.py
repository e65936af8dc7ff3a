"""The symbol table a claim is checked against.

Definitions (`z = w x + b`), symbol kinds and domains, shapes, conventions and numeric
bindings. It answers `∂A/∂B` the way DESIGN.md says: follow A's definitions until B
appears, hold B as a variable, differentiate; a name used but never defined is any
differentiable function, and its gradient is a quantity of its own.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import re
from dataclasses import dataclass, field
from types import MappingProxyType

import sympy

from symbolic import derivatives, limits
from symbolic.compare import free_symbols, subexpressions
from symbolic.document import chained_statements, has_relation, setting_apart
from symbolic.errors import (
    DefinitionShapeError,
    MeaningError,
    NotationError,
    ParseError,
    ShapeError,
)
from symbolic.functions import At
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import (
    Builder,
    Instance,
    dimension_names,
    free_index_letters,
    vector_names,
)
from symbolic.notation.names import Var, canonical, family_of, spelled_greek
from symbolic.notation.resolve import (
    NOTHING_ACROSS,
    Across,
    Resolved,
    Snapshot,
    bare_letters,
    gradient_prefix,
    name_candidates,
    resolve,
    sole_variable,
)
from symbolic.notation.rewrite import to_latex, without_positions
from symbolic.notation.trees import (
    call_arguments,
    children,
    composite_name,
    entry_family,
    factors,
    function_key,
    function_signature,
    is_capital,
    layered_name,
    letter_offset,
    letter_word,
    name_key,
    node_text,
    substitute_names,
    ungroup,
    variation_name,
    walk,
)
from symbolic.notation.vocabulary import (
    ARROW,
    CONDITION_RELATIONS,
    CONSTANT_LETTERS,
    CONVENTION_SPELLINGS,
    CONVENTIONS,
    DEFINING,
    DIFFERENTIAL_D,
    DISTRIBUTION_RANGES,
    DOMAIN_ELEMENT,
    DRAWN_FROM,
    ELISIONS,
    EULER,
    FRESH_INDEX_LETTERS,
    GATE_LETTERS,
    GENERIC_INDEX_LETTERS,
    INDEX_LETTERS,
    INEQUALITY_SIGNS,
    LABEL_LETTERS,
    LOGARITHMS,
    MAPS_TO,
    MEMBERSHIP,
    NAMING,
    NOT_DRAWN,
    NOT_EQUAL,
    REAL_FIELDS,
    SIGMA,
    SIZE_KINDS,
    SIZE_LETTERS,
    SYMBOL_KINDS,
    UPDATE_MARKS,
    VECTOR_ACCENT,
    WORD_FONT,
    known_function,
)
from symbolic.numbers import exact_value, is_printed_number

CONDITIONAL_BAR = r" \mid "      # in the name a conditional probability is read as
MAX_RESOLVED = 20000              # resolved trees remembered per context


@dataclass(frozen=True)
class Definition:
    """`name = body`: `body` is the resolved tree, `written` the tree as parsed."""

    name: A.Name
    body: A.Node                          # A.Unread when it could not be read
    source: str
    written: A.Node | None = None
    error: NotationError | None = None    # why the body could not be read, if it could not
    derivation: int | None = None         # the document's part that defined it; None: given

    @property
    def key(self) -> str:
        return canonical(self.name.base, (), (), self.name.suffix, self.name.primes)


@dataclass(frozen=True)
class FunctionDefinition:
    """A function of its parameters: `\\operatorname{CE}(y, p) = -\\sum_j y_j \\log p_j`.

    `body` is resolved with the parameters standing for quantities; `written` as parsed.
    """

    name: str                       # the function as called: "CE", "f", "g_{1}"
    parameters: tuple[A.Name, ...]
    body: A.Node
    source: str
    written: A.Node | None = None
    derivation: int | None = None   # the document's part that defined it; None: given

    def applied_to(self, arguments: tuple[A.Node, ...], where: str = "") -> A.Node:
        """The body with each parameter replaced by its argument (all at once)."""
        held = len(self.parameters) - len(arguments)
        if held and not (0 < held <= self.data_parameters()):
            raise MeaningError(f"{self.name} takes {len(self.parameters)} argument(s) "
                               f"but is given {len(arguments)}", where, None,
                               f"Call it as in its definition: {self.source}")
        # J(θ, θ_0) of J(θ, θ_0; D): the data after the semicolon keep their names
        mapping = dict(zip(self.parameters, arguments, strict=False))
        body = self.body
        members = [(p, a) for p, a in mapping.items() if _member_letter(p) is not None]
        (parameter, argument), = members if len(members) == 1 else [(None, None)]
        letter = _member_letter(parameter) if parameter is not None else None
        if letter is not None and any(letter in _subscript_letters(p) for p in mapping
                                      if p is not parameter):
            letter = None       # f(x_i, w_i): the letter is the other parameter's too
        if letter is not None and isinstance(argument, A.Name) \
                and argument.base == parameter.base and len(argument.sub) == 1 \
                and argument.sup == parameter.sup and argument.sub[0] != parameter.sub[0]:
            # p(x_i) = softmax(x)_i at x_j: p's body with j for i, softmax(x)_j (a sum over j
            # in the body sums over a fresh letter first)
            body = _entry_body(body, letter, argument.sub[0])
            if body is None:
                raise MeaningError(f"{self.name} is defined at {to_latex(parameter)}, and its "
                                   f"body at {to_latex(argument)} cannot be told", where, None,
                                   "Write the sums in its body with their indices.")
        return substitute_names(body, mapping, where)

    def data_parameters(self) -> int:
        """How many parameters come after a `;` in the definition (`J(W, b; x, y)`: 2)."""
        head = self.source.split("=", 1)[0]
        if ";" not in head:
            return 0
        return head.rsplit(";", 1)[1].count(",") + 1


@dataclass(frozen=True)
class Fact:
    """An identity a given states between expressions, `y^T y = \\sum_{i=1}^{n} y_i^2`: it
    defines nothing, and samples are not drawn on it."""

    text: str
    keys: frozenset[str]        # the keys of the names it writes
    names: tuple[A.Name, ...]   # the names it relates (not a sum's bounds or index)
    # a name's printed value at the text's point (`d = L_{\max} \times 20 = 2{,}000`):
    # it bears on worked steps only, which print numbers
    at_point: bool = False


@dataclass
class Context:
    """Definitions, shapes, conventions and values; `Context.from_given(...)` reads LaTeX."""

    definitions: list[Definition] = field(default_factory=list)
    shapes: dict[str, tuple] = field(default_factory=dict)
    conventions: dict = field(default_factory=dict)
    values: dict[str, sympy.Expr] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    functions: dict[str, FunctionDefinition] = field(default_factory=dict)
    # the left sides of the front matter's `given`: restating one is a claim, not a definition
    given: list[A.Node] = field(default_factory=list)
    # case assumptions between index letters, `i = k` or `i \neq k`: (left, relation, right)
    cases: list[tuple[str, str, str]] = field(default_factory=list)
    # gradients a worked example has named as numbers: (numerator, variable) -> value
    gradient_values: dict[tuple[str, str], sympy.Expr] = field(default_factory=dict)
    # whether ∂L/∂w stands for the number it was given (in a worked example's arithmetic)
    use_gradient_values: bool = False
    # the bound values at which each of those gradients was named (another point, another
    # number: the next epoch of a worked example names it anew)
    gradient_points: dict[tuple[str, str], dict] = field(default_factory=dict)
    # the names a document has mentioned so far (a line that brings in new ones is new)
    mentioned: set[str] = field(default_factory=set)
    # the sides of the chain being checked: what they write reads the same in each link
    statement: tuple = ()
    # names earlier statements wrote at steps as calls (w(t+1) = w(t) - …): their updates
    # are not kept, so a later step through them is not checked
    steps_written: set[str] = field(default_factory=set)
    # functions defined more than once (f of one problem, then f of the next)
    redefined: set[str] = field(default_factory=set)
    # names a worked example bound to a number in place of their definition (y = 0.524)
    rebound: set[str] = field(default_factory=set)
    # the formulas of names a worked example computed, by key (`L = -\log(1 - a_2)` with
    # a_2 bound: L binds its number, and its formula still says what ∂L/∂a_2 is)
    formulas: dict[str, tuple[A.Name, A.Node, str]] = field(default_factory=dict)
    # whether `\cdot` between two vectors of one shape is their dot product (the second
    # reading of such a step; the first is element by element)
    dot_products: bool = False
    # side conditions that select a branch, `1 - y w^T x > 0`: (left, sign, right) as read
    inequalities: list[tuple[A.Node, int, A.Node]] = field(default_factory=list)
    # a step read a second way (Φ a function, the normal CDF): never a third
    other_reading: bool = False
    # whether a free index in a slot sums run over to a printed bound takes only their values
    # (a second reading, `claims._summed_range_doubt`)
    summed_ranges: bool = False
    # whether a name left undefined beside a twin that depends on the variable is read as
    # written, free of it (each reading of such a step sets it; see `claims.find`)
    twins_read: bool = False
    # whether a derivative of a formula written out holds the defined names it writes fixed,
    # as backprop's local derivatives do (`claims._local_partial_doubt` reads a step so)
    written_held: bool = False
    # whether ∇²f(x) with no shape for x is read (to infer the shapes the text implies)
    hessians_unshaped: bool = False
    # whether names made as the text names a loss's gradients (dZ beside dA = ∂L/∂A) are
    # read as those gradients (`Snapshot.gradient_names`), or d as a differential
    gradients_named: bool = True
    # the loss that d-names are read as the gradients of when nothing names it
    # (`dV = P^T dO` beside `O = PV`; see `claims._backprop_reading`), and whether a
    # step's differentials are read as such even where they run backwards (that reading
    # set against this one)
    unnamed_loss: A.Name | None = None
    differentials_kept: bool = False
    # whether a loss left undefined and indexed (L_t) is read as depending on the outputs
    # at its own index only (ŷ_t), as a step's loss does (see `derivatives.upstream`)
    losses_by_index: bool = False
    # whether a loss defined nowhere is read as a function of the graph's outputs save the
    # helpers, outputs whose formula is a part of another definition's (l_i = Σ_k e^{S_{ik}}
    # of P_{ij} = e^{S_{ij}} / Σ_k e^{S_{ik}}; see `claims._outputs_reading`)
    helpers_dropped: bool = False
    # whether `x^{(i)}` of a declared vector x, with no shape of its own, is sample i with
    # x's shape, not x's entry i (the second reading; see `claims._sample_entry_doubt`)
    samples_whole: bool = False
    # identities a given states about expressions, `y^T y = \sum_i y_i^2`, as `Fact`s:
    # samples are not drawn on them (see `claims.find`)
    facts: list[Fact] = field(default_factory=list)
    # derivatives the text gives of indexed names nothing defines (`\frac{\partial
    # w_{ij}}{\partial f_{ij}} = -w_{ij}^n`): (head, body, source) each, used wherever a
    # member's derivative is written (see `stated_derivative`)
    stated_derivatives: list[tuple[A.Partial, A.Node, str]] = field(default_factory=list)
    # entries defined by a sum with no index written that their terms' letters made a sum
    # over the entry's own index (`net_k = ∑ w_hk · o_h`, read over k): name -> that letter.
    # A difference found where one bears is undecided (see `claims._own_index_sum_doubt`)
    summed_over_own: dict[str, str] = field(default_factory=dict)
    # functions a document writes again in quantities not mentioned before, defined anew
    # (the next example's, or a wrong restatement): name -> that line. A verdict that rests
    # on one is undecided (see `claims._remodelled_doubt`)
    remodelled: dict[str, str] = field(default_factory=dict)
    # conventions given with a value not understood (`log: ten`, or a key close to a known
    # one, `logs: 10`): key -> the value as written. A verdict that turns on one is
    # undecided (see `claims._convention_doubt`)
    unread_conventions: dict[str, str] = field(default_factory=dict)
    # names a definition lists by their entries with an elision (`\Phi = (\phi(x_1), …,
    # \phi(x_n))^T`): name -> the letters the entries are written with. Such a name is a
    # vector or matrix of its own; a step found wrong that writes those letters beside it is
    # undecided (see `claims._listing_doubt`)
    listings: dict[str, frozenset[str]] = field(default_factory=dict)
    # capitals the text prints together as names (`HI`, `HO` of a worked example that writes
    # `HO = \sigma(HI)`; see `capital_words`): each is one quantity, never a product
    words: frozenset[str] = frozenset()
    # whether σ, where it is a quantity (`sigma: symbol`), is drawn positive, as a spread is
    # (see `sigma_spread`)
    sigma_spread: bool = False
    # the letters of names a given says are drawn from a distribution (`y \sim …`): a
    # function the text leaves undefined applied to one may be its density, which is not
    # modelled (see `claims._drawn_doubt`)
    drawn: frozenset[str] = frozenset()
    # names whose shape a matrix of printed numbers gave (`_shape_from_literal`), not a
    # declaration: a later definition of the name (another example's X) sets it anew
    printed_shapes: set[str] = field(default_factory=set)
    # the variable of a known function the text restates (`\sigma(z) = \frac{1}{1 +
    # e^{-z}}` in a document): the variable's key -> (the variable, the function's name),
    # as a definition's parameter would be (see `claims._named_argument`)
    restated_variables: dict[str, tuple[A.Name, str]] = field(default_factory=dict)
    # the second reading of expectations: a Latin letter written both under an expectation
    # and outside one varies with the outcome (see `claims._expectation_reading_doubt`)
    outside_varies: bool = False
    # how many definitions there were when the case in force began (None: no case): what a
    # case defines (`g' = e^{z_k}` with i = k) holds in that case only (see `stepwise`)
    case_start: int | None = None

    def __post_init__(self) -> None:
        self.conventions = dict(self.conventions or {})
        self._check_conventions()
        self._normalize_symbols()
        self._changed()

    def _changed(self) -> None:
        """Forget what was derived from the table: built instances, the snapshot."""
        self._instances: dict[tuple, dict] = {}
        self._unreadable: dict[tuple, dict] = {}   # per instance: name -> why its body failed
        self._snapshot: Snapshot | None = None
        self._resolved: dict[int, tuple[A.Node, Across, Resolved]] = {}
        self._partials: dict[tuple, sympy.Basic] = {}   # (numerator, wrt, instance) -> ∂
        self._expansions: dict[tuple, Expansion] = {}   # (instance, keep) -> definitions
        self._vectors: frozenset[str] | None = None     # `vector_names` of the definitions
        self._letters: frozenset[str] | None = None     # the letters the definitions write
        self._members: dict[tuple, tuple] = {}          # (definition, instance) -> its build
        self._order: list[tuple[int, Definition]] | None = None   # see `_building_order`
        self._stepped_back: frozenset[str] | None = None    # see `_from_step_zero`
        self._numbered_from_zero: frozenset[str] | None = None  # see `_counts_from_zero`
        self._dimensions: frozenset[str] | None = None  # `dimension_names` of the shapes
        self._alone: frozenset | None = None    # families built by member (`_members_written`)
        self._written: tuple = (None, ())       # (the statement, its members past the sizes)

    # -- construction --------------------------------------------------------------
    @classmethod
    def from_given(cls, given=(), shapes=None, conventions=None, values=None,
                   words: frozenset[str] = frozenset()) -> Context:
        """A context from LaTeX definitions in any order, shapes, conventions and values;
        `words`, the capitals the text prints together as names (`capital_words`)."""
        ctx = cls(shapes={}, conventions=conventions or {})
        for name, dims in (shapes or {}).items():
            ctx.add_shape(name, dims)
        ctx.words = frozenset(w for w in words if not any(ctx.shape_of(c) for c in w))
        for text in given:
            ctx.read_given(text)
        for name, value in (values or {}).items():
            ctx.bind_latex(name, value)
        ctx.settle_given()
        return ctx

    def read_given(self, text: str) -> None:
        """One entry of `given` (or of a document's front matter) read into the context:
        each statement it holds, its side conditions taken in; a definition that could not
        be read is unread (`given_unread`), or its error raised."""
        # `f(w) = \tfrac{1}{2} w^T A w, \qquad w \in \mathbf{R}^n`: one statement each
        statements = chained_statements(setting_apart(text))
        pieces = [piece for piece in statements if not self.take_condition(piece)]
        if statements and not pieces:
            return                                   # `i = k`: the case, nothing defined
        if len(pieces) > 1:
            self.warnings.extend(f"given: '{piece}' states no relation; it defines nothing"
                                 for piece in pieces if not has_relation(piece))
        pieces = [piece for piece in pieces if has_relation(piece)] \
            if len(pieces) > 1 else pieces[:1] or [text]       # one statement: read or not
        for piece in pieces:
            if (stated := _distribution_stated(piece)) is not None:
                names, kind = stated            # Y_i \sim \text{Bern}(\mu_i): what Y_i is drawn
                for name in names if kind is not None else ():   # from; its values' range
                    self._declare(name_key(name), kind)
                self.drawn |= {name.base for name in names}      # x_1 of x_i ~ … as well
                self.warnings.append(f"given: '{piece}' states a distribution; it defines "
                                     "nothing")
                continue
            if (inner := _functions_of_functions(piece)) is not None:
                for name, call in inner:        # h(f(s, t), g(s, t)): f and g of s and t
                    self.define(name, call, piece)
                self.warnings.append(f"given: '{piece}' states what a quantity depends on, "
                                     "through functions nothing defines; it defines those")
                continue
            if _dependence_only(piece):         # L = L(y_{11}, y_{12}): what L depends on
                self.warnings.append(f"given: '{piece}' states what a quantity depends on; "
                                     "it defines nothing")
                continue
            if _signature_only(piece):          # \phi_\tau: \mathbb{R}^N \to \Delta^{N-1}
                self.warnings.append(f"given: '{piece}' states where a function maps from "
                                     "and to; it defines nothing")
                continue
            if (mapped := maps_to(piece)) is not None:       # f: x \mapsto …
                piece, membership = mapped
                if membership is not None:
                    self.take_condition(membership)
            try:
                self.define_given(piece)
            except NotationError as error:
                self.given_unread(piece, error)

    def given_unread(self, text: str, error: NotationError) -> None:
        """A given that could not be read: the name it defines, when its left side says
        which, is unread (what depends on it is undecided); otherwise the error stands, for
        nothing here can say which claims it bears on."""
        if self.listed_apart(text):
            return
        if _states_a_derivative(text):
            # `\\frac{\\partial E}{\\partial x_i} = \\sum_j …`, `\\mathrm{d}f = …`: a premise
            # about derivatives, which the definitions decide; it defines nothing
            self.warnings.append(f"given: '{text}' states a derivative; the definitions "
                                 "decide it, and it defines nothing")
            return
        inverse = _inverse_defined(text)
        if inverse is not None:     # P_n^{-1} = σ^{-2} X^T X + P_0^{-1}: that matrix's inverse
            self.define(*inverse, text)
            return
        head = _defined_head(text)
        if head is None and (fact := stated_fact(text)) is not None:
            # y^T y = \sum_i y_i^2, |σ^2 V| = (σ^2)^n |V|: an identity, which names nothing
            self.facts.append(fact)
            self.warnings.append(f"given: '{text}' states an identity; it defines nothing, "
                                 "and samples are not drawn to satisfy it, so a step it "
                                 "bears on is never found invalid")
            return
        if head is None or len(split_chain(text).sides) > 2:
            raise error          # A = σ(…) = (a^{(0)}, …): what the chain's sides name too
        if isinstance(head, A.Name):
            self.define_unreadable(head, error, text)
        else:
            self.define_unreadable_function(*head, error, text)

    def define_unreadable_function(self, name: str, parameters: tuple[A.Name, ...],
                                   error: NotationError, source: str = "",
                                   derivation: int | None = None) -> None:
        """A function whose body could not be read: every call of it is undecided (an
        earlier function of that name, of another part of the document, is not used)."""
        unread = A.Unread(getattr(error, "reason", str(error)))
        self.functions[name] = FunctionDefinition(name, parameters, unread, source, unread,
                                                  derivation)
        self._changed()

    def take_condition(self, text: str, branches: bool = True, unread: bool = True) -> bool:
        """A side statement beside a definition or claim, taken in: `i = k` (or `{\\rm if}~i
        = k`) is the case in force; `for~i=1,..., C` states a range, which defines nothing
        (a warning); with `branches`, `1 - y w^T x > 0` selects the branch where it holds (a
        claim's, or the whole setup's; a document's line leaves it to the line beside it,
        unread). False when `text` is no such statement (or, with `unread` False, a condition
        not read)."""
        stated = _CONDITION_WORDS.sub("", text, count=1)
        if (members := real_membership(stated)) is not None:
            for name, dims in members:      # w \in \mathbb{R}^{n}: w's shape, n × 1
                if dims and self.shape_of(name) is None:
                    self.add_shape(name, dims)
            return True
        if (case := case_assumption(stated, self)) is not None:
            self.cases.append(case)
            return True
        if index_range(stated, self) is not None:
            return True                   # i = 1, …, M: the range an index runs over
        if (constraint := side_constraint(stated)) is not None \
                and not any(d.key == constraint[0] for d in self.definitions):
            self._declare(*constraint)    # B = B^T: symmetric; \sum_k y_k = 1: a distribution
            return True
        if (bounded := _bounded_name(stated)) is not None \
                and not any(name_key(d.name) == bounded[0] for d in self.definitions):
            if known_function(bounded[0].lstrip("\\")) is None or self.is_value(bounded[0]) \
                    or bounded[0] == SIGMA and self.sigma_is_symbol():
                self._declare(*bounded)   # 0 < k < 1: drawn in (0, 1); k > 0: positive
            return True                   # σ > 0 says what σ's values are; σ stays σ
        if stated != text and (quantified := _quantified_name(stated)) is not None \
                and not self.is_value(quantified) and quantified not in self.functions:
            return True                   # \forall i, …; \forall x \neq 0, … (never drawn)
        if branches and (inequality := _inequality(stated)) is not None:
            self.inequalities.append(inequality)    # 1 - y w^T x > 0: that branch
            self._changed()
            return True
        if stated != text and unread:
            self.warnings.append(f"'{text}' states a condition derivcheck does not read; "
                                 "it defines nothing")
            return True
        return False

    def _declare(self, name: str, kind: str) -> None:
        """A kind a side condition gives a name, unless one more precise is declared."""
        symbols = dict(self.conventions.get("symbols") or {})
        if symbols.get(name) in (None, "constant", "matrix"):   # a constant in that range
            symbols[name] = kind
        self.conventions = {**self.conventions, "symbols": symbols}
        self._changed()

    def copy(self) -> Context:
        new = Context(list(self.definitions), dict(self.shapes), dict(self.conventions),
                      dict(self.values), list(self.warnings), dict(self.functions),
                      list(self.given), list(self.cases), dict(self.gradient_values),
                      self.use_gradient_values, redefined=set(self.redefined),
                      rebound=set(self.rebound), formulas=dict(self.formulas),
                      dot_products=self.dot_products,
                      inequalities=list(self.inequalities), other_reading=self.other_reading,
                      summed_ranges=self.summed_ranges,
                      twins_read=self.twins_read, hessians_unshaped=self.hessians_unshaped,
                      written_held=self.written_held,
                      losses_by_index=self.losses_by_index,
                      helpers_dropped=self.helpers_dropped, samples_whole=self.samples_whole,
                      gradients_named=self.gradients_named, facts=list(self.facts),
                      stated_derivatives=list(self.stated_derivatives),
                      summed_over_own=dict(self.summed_over_own),
                      remodelled=dict(self.remodelled),
                      unread_conventions=dict(self.unread_conventions),
                      unnamed_loss=self.unnamed_loss,
                      differentials_kept=self.differentials_kept,
                      listings=dict(self.listings), words=self.words,
                      sigma_spread=self.sigma_spread, drawn=self.drawn,
                      printed_shapes=set(self.printed_shapes),
                      restated_variables=dict(self.restated_variables),
                      outside_varies=self.outside_varies)
        return new

    def add_shape(self, name: str, dims) -> None:
        name = spelled_greek(name)          # shapes: {Sigma: [p, p]} is Σ's
        node = parse_side(name)
        node = letter_word(factors(node)) or layered_name(node)     # EH: [N, 1], Z^1: [n, 1]
        if not isinstance(node, A.Name):
            raise ParseError(f"a shape must be given for a name, not '{name}'", name, 0)
        letters = sorted(free_index_letters(node))
        if letters:     # x^{(i)}: [d, 1], A^l: [d_l, 1]: a shape for each member of the family
            for values in family_members(letters):
                member = substitute_indices(node, values, name)
                sizes = [_member_dimension(d, values, name) for d in _dimension_list(dims)]
                if any(isinstance(s, A.Num) and s.text.startswith("-")
                       for s in (*member.sup, *member.sub)) \
                        or any("{-" in d or "(-" in d for d in sizes if isinstance(d, str)):
                    continue        # A^{l-1}, or W^0 of size d_{-1}: no such member
                self.add_shape(node_text(member), sizes)
            return
        key = canonical(node.base, tuple(_index(s, name) for s in node.sup),
                        tuple(_index(s, name) for s in node.sub), node.suffix, node.primes)
        if isinstance(dims, (int, str)):
            dims = [dims, 1]
        dims = list(dims)
        if len(dims) == 1:
            dims.append(1)
        if len(dims) != 2:
            raise ParseError(f"the shape of {name} must be [rows, cols], not {dims}", name, None)
        if all(isinstance(d, int) for d in dims):
            limits.require_entries(name, *dims)
        self.shapes[key] = tuple(d if isinstance(d, int) else str(d) for d in dims)
        if len(node.base) == 1 and key == node.base:
            # shapes: {w: …} says what \vec{w} is too, the arrow set over the same vector
            self.shapes.setdefault(f"{VECTOR_ACCENT}{{{node.base}}}", self.shapes[key])
        self._changed()

    def define_latex(self, text: str) -> Definition | FunctionDefinition:
        """`z = w x + b` defines a name; `\\operatorname{CE}(y, p) = …` or `g(u) = …` a function.

        In a chain `h(x) \\triangleq o = W a + b` each side that is a bare name not yet
        defined is defined by the side after it, too: nothing written is dropped.
        """
        chain = split_chain(text)
        named = self.name_last(chain, text)
        if named is not None and len(chain.sides) == 2:
            return named                    # \frac{dL}{dy} =: dy
        if len(chain.sides) < 2 or chain.relations[0] not in DEFINING:
            raise ParseError("a definition must read 'name = expression'", text, 0,
                             "Write it as z = w x + b.")
        for side in chain.sides[2:]:
            parse_side(side.text)    # every side is read: one that is not makes it unreadable
        named = 1          # the side the head is defined by: σ(î^t) once î^t is named
        for k in range(1, len(chain.sides) - 1):
            if self._define_argument(chain, k, text):
                named = 2 if k == 1 else named
            else:
                self._define_inner(chain, k, text)
        lhs = parse_side(chain.sides[0].text)
        if is_variance(lhs):                 # σ^2 = \frac{1}{m}\sum_i (x_i - μ)^2
            body = parse_side(chain.sides[1].text)
            root = A.Power(A.Group(body, lhs.pos), A.Num("0.5"), lhs.pos)
            return self.define(lhs.base, root, text)
        if isinstance(lhs, A.Power):          # a^l_j = …, Z^1 = …: a layer index, not a power
            lhs = layered_name(self.resolve(lhs).tree)
        try:
            body = parse_side(chain.sides[named].text)
            while _conditional_probability(body) and named + 1 < len(chain.sides) \
                    and not any(_conditional_probability(n) for n in walk(
                        parse_side(chain.sides[named + 1].text))):   # Bayes' rule: a claim
                # h_w(x) = p(y = 1 \mid x) = σ(w^T x + b): the formula after the probability
                # (which the chain defines too) is the body its parameters are put in
                named += 1
                body = parse_side(chain.sides[named].text)
        except NotationError as error:
            if not isinstance(lhs, A.Name):
                raise
            return self.define_unreadable(lhs, error, text)
        lhs = self._word_named(lhs)
        last = parse_side(chain.sides[-1].text) if len(chain.sides) > 2 else None
        if isinstance(lhs, A.Name) and last is not None and is_printed_number(last) \
                and any(isinstance(n, A.Name) for n in walk(body)) \
                and (fact := stated_fact(f"{chain.sides[0].text} = {chain.sides[-1].text}")):
            # d = L_{\max} \times 20 = 2{,}000: d is its formula, and the value the text
            # gives it at its point is an identity: a step it bears on is never invalid
            self.facts.append(dataclasses.replace(fact, at_point=True))
        if isinstance(lhs, A.Name):
            while _own_entries(lhs, body) and named + 1 < len(chain.sides):
                named += 1      # x = [x_1, x_2]^T = (0.2, 0.4)^T: the values define x
                body = parse_side(chain.sides[named].text)
            return self.define(lhs, body, text)
        if (pairs := _entry_pairs(lhs, body)) is not None:
            for name, value in pairs:       # (x_0, y_0) = (1, -1): x_0 = 1 and y_0 = -1
                defined = self.define(name, value, text)
            return defined
        signature = function_signature(lhs)
        if signature is None and composite_name(lhs) is not None:
            # f(g(x)) = \frac{1}{2}(b - x)^2: that composition, wherever it is written
            return self.define(composite_name(lhs), body, text)
        if signature is None and (logged := self._logged(lhs, body, text)) is not None:
            return logged
        if signature is None and isinstance(body, A.Name) and len(chain.sides) == 2 \
                and not isinstance(lhs, A.Call | A.Partial) \
                and not self.determines(body, 0) and body.base not in self.values:
            # L^T L = \Sigma: a name set on the right of what it names
            return self.define(body, lhs, text)
        if signature is None:
            raise ParseError("the left side of a definition must be a single name or a "
                             "function of names", text, 0,
                             "Write it as z = w x + b, or as g(u, v) = u v.")
        name, parameters = signature
        if known_function(name) is None and name not in self.functions \
                and isinstance(body, A.Name) and len(chain.sides) == 2 and body.sub \
                and len(parameters) == 1 and isinstance(parameters[0], A.Name) \
                and [node_text(i) for i in parameters[0].sub] == [node_text(i) for i in body.sub] \
                and not _holds_any(body, parameters) and not self.determines(body, 0) \
                and body.base not in self.values and not self.is_function(name):
            # g(\mu_i) = \eta_i: names η_i the value at μ_i of a function g the text leaves
            # open (a link function): any differentiable g (`f(x) = c` is a constant one)
            self._declare(name, "function")
            return self.define(body, lhs, text)
        if known_function(name) is None and name not in self.functions \
                and isinstance(body, A.Name) and len(chain.sides) == 2 \
                and not _holds_any(body, parameters) and body.base.startswith("\\") \
                and body.base not in CONSTANT_LETTERS and not body.sub and not body.sup \
                and not self.is_value(body.base) and not self.is_function(name):
            # g(\mu) = \eta: g constant, or η the name of g's value (a link function)? not
            # said; a Latin letter (`f(x) = c`) is a constant
            self.define_unreadable_function(
                name, parameters, MeaningError(
                    f"{text} may define a constant function or name {node_text(body)} the "
                    "value of a function the text leaves open", text, 0,
                    "Write the function's body, or declare it (symbols: {g: function})."),
                text)
            return self.functions[name]
        if known_function(name) is not None and not self.sigma_is_symbol() \
                and not _holds_any(body, parameters):
            # σ(z_i) = P_i (= \frac{1}{1 + e^{-z_i}}): names the value σ(z_i), not σ
            inner = [d for d in self.definitions if d.source == text]
            if inner:
                return inner[-1]
            if isinstance(body, A.Name):
                return self.define(body, lhs, text)
        return self.define_function(name, parameters, body, text)

    def _logged(self, lhs: A.Node, body: A.Node, text: str
                ) -> Definition | FunctionDefinition | None:
        """`\\log p(x \\mid \\mu) = …` or `\\log L(\\theta) = …`: the logarithm of a name
        (or of a function of names) defines that name as the power it is the log of."""
        if not (isinstance(lhs, A.Call) and lhs.name in LOGARITHMS and 1 <= len(lhs.args) <= 2
                and lhs.power is None and not lhs.primes):
            return None
        inner = lhs.args[0]
        while isinstance(inner, A.Group):
            inner = inner.inner
        if len(lhs.args) == 2:                 # \log_2 p: the base written
            base = lhs.args[1]
        else:                                  # \ln: natural, whatever the convention
            default = None if lhs.name == "ln" else self.log_base()
            base = None if default is None else A.Num(str(default), lhs.pos)
        power = A.Call("exp", (body,), pos=lhs.pos) if base is None \
            else A.Power(A.Group(base, lhs.pos), A.Group(body, lhs.pos), lhs.pos)
        if isinstance(inner, A.Name):
            return self.define(inner, power, text)
        signature = function_signature(inner)
        if signature is None:
            return None
        return self.define_function(*signature, power, text)

    def _is_product_of_values(self, run: list[A.Node]) -> bool:
        """Whether every letter of a run is a quantity here (`AB = …` with A and B defined
        states a product)."""
        return all(isinstance(n, A.Name) and self.is_value(n.base) for n in run)

    def _word_named(self, node: A.Node) -> A.Node:
        """`NLL`, `w1`, `dy`, `\\delta h^t` on the left of a definition: the one name the
        letters spell (a product is never defined); any other node as it is."""
        word = letter_word(factors(node)) or code_name(node) or variation_name(node)
        if word is not None and not self._is_product_of_values(factors(node)):
            return word
        return node

    def name_last(self, chain, text: str) -> Definition | None:
        """`\\frac{dL}{dy} =: dy`, `… = dy \\odot w \\coloneqq g`: a new name set last, after
        `=:`, or after `:=` beside what is no name (which `:=` cannot define), is named by
        the side before it. The definition, or None when the chain names nothing so."""
        if len(chain.sides) < 2 or chain.relations[-1] != NAMING \
                and not (chain.relations[-1] == ":=" and len(chain.sides) > 2):
            return None
        try:
            before, last = parse_side(chain.sides[-2].text), parse_side(chain.sides[-1].text)
        except NotationError:
            return None
        last = self._word_named(last)
        if not isinstance(last, A.Name) or self.is_value(name_key(last)) \
                or any(d.name == last for d in self.definitions) \
                or chain.relations[-1] != NAMING and isinstance(before, A.Name):
            return None
        return self.define(last, before, text)

    def names_last(self, chain, single: bool = False) -> bool:
        """`\\frac{dA}{d\\eta} = \\frac{e^\\eta}{1 + e^\\eta} = \\mu`: a chain of two links or more
        ending in `=` and a bare letter that is no constant (e, π, I), and that nothing has
        defined, given, bound, constrained or mentioned, and no other side writes, names the
        value (as "which is the mean μ" says). With `single`, one link will do (`X W + b =
        Y` in a document names Y)."""
        if len(chain.relations) < (1 if single else 2) or chain.relations[-1] != "=":
            return False
        try:
            last = parse_side(chain.sides[-1].text)
            others = [parse_side(side.text) for side in chain.sides[:-1] if side.text]
        except NotationError:
            return False
        if not isinstance(last, A.Name) or last.sub or last.sup or last.suffix or last.primes \
                or last.base in INDEX_LETTERS | SIZE_LETTERS | CONSTANT_LETTERS:
            return False
        key = name_key(last)
        return not self.is_value(key) and self.kind(key) is None \
            and self.shape_of(key) is None and key not in self.mentioned \
            and not any(d.name.base == last.base for d in self.definitions) \
            and not self._writes(last.base, others) and not self._says(last.base)

    def name_value_last(self, chain, text: str) -> Definition:
        """The definition `names_last` says the chain makes: its last letter, the side
        before it."""
        return self.define(parse_side(chain.sides[-1].text), parse_side(chain.sides[-2].text),
                           text)

    def _writes(self, base: str, trees: list[A.Node]) -> bool:
        """Whether the trees, or the bodies of the definitions and functions, write a name
        with this base."""
        bodies = [*(d.written or d.body for d in self.definitions),
                  *(f.written or f.body for f in self.functions.values())]
        return any(isinstance(n, A.Name) and n.base == base
                   for tree in (*trees, *bodies) for n in walk(tree))

    def _says(self, base: str) -> bool:
        """Whether the text of a definition, function, fact or condition writes the letter
        (one that could not be read included)."""
        texts = [*(d.source for d in self.definitions),
                 *(f.source for f in self.functions.values()), *(f.text for f in self.facts),
                 *(to_latex(side) for left, _, right in self.inequalities
                   for side in (left, right))]
        return any(re.search(re.escape(base) + r"(?![A-Za-z])", text) for text in texts)

    def _define_inner(self, chain, k: int, text: str) -> None:
        """Side k of a definition chain, when it is a bare new name, is defined by side k+1."""
        sides = defining_link(chain, k)
        if sides is None:
            return
        name, body = sides
        if isinstance(name, A.Name) and not any(d.name == name for d in self.definitions):
            self.define(name, body, text)
            return
        coefficient = _coefficient_named(name, body)
        if coefficient is not None and self._new_head(coefficient[0]) \
                and not self.is_value(name_key(coefficient[0])):
            self.define(*coefficient, text)     # d = α w = \frac{w^T x}{w^T w} w: α
            return
        composite = composite_name(name)          # σ(x) = f(g(x)) = … defines f(g(x)) too
        if composite is not None and not self.is_value(composite.base):
            self.define(composite, body, text)
            return
        inner = ungroup(name.args[0]) if isinstance(name, A.Call) and name.args else None
        if inner is not None and self._new_head(inner) \
                and self._logged(name, body, text) is not None:
            return          # LL(λ) = \log p(y|λ) = \log[…]: defines p(y|λ) too
        signature = function_signature(name)      # u_1 = f_1(x) = x^3 defines f_1 too
        if signature is not None and signature[0] not in self.functions \
                and self.function_for(name) is None \
                and (known_function(signature[0]) is None or self.sigma_is_symbol()):
            # σ(u_i) = σ(\sum_k w_{ki} x_k) says what u_i is; it does not define σ
            self.define_function(*signature, body, text)

    def _new_head(self, head: A.Node) -> bool:
        """Whether a head names something not yet defined: a name, or a function of names
        (`L(\\lambda)`) that is neither defined nor known."""
        if isinstance(head, A.Name):
            return not any(d.name == head for d in self.definitions)
        signature = function_signature(head)
        return signature is not None and signature[0] not in self.functions \
            and known_function(signature[0]) is None and self.function_for(head) is None

    def _define_argument(self, chain, k: int, text: str) -> bool:
        """`i^t = \\sigma(W_i x^t + U_i h^{t-1}) = \\sigma(\\hat{i}^t)`: one known function
        at a new name, right after it at an expression, names that expression (î^t)."""
        sides = defining_link(chain, k)
        if sides is None:
            return False
        if not all(isinstance(side, A.Call) or isinstance(side, A.BinOp) and side.op == "apply"
                   for side in sides):
            return False
        try:
            written, named = (self.resolve(side).tree for side in sides)
        except NotationError:
            return False
        if not (isinstance(written, A.Call) and isinstance(named, A.Call)
                and written.name == named.name and len(written.args) == len(named.args) == 1
                and written.callee == named.callee == A.Callee.KNOWN):
            return False
        name = layered_name(named.args[0])
        if not isinstance(name, A.Name) or self.is_value(name_key(name)) \
                or any(d.key == name_key(name) for d in self.definitions):
            return False
        self.define(name, written.args[0], text)
        return True

    def define_given(self, text: str) -> Definition | FunctionDefinition | None:
        """A definition from the front matter's `given`, remembered as given. A printed
        number for a name a formula defines (`out = \\sigma(net)`, then `out = 0.75`) is its
        value at the worked example's point: the formula stays, the number is remembered."""
        worked = self._worked_value(text)
        if worked is not None:
            return worked
        if self._names_a_gradient(text) or _states_dependency(text):
            return None
        definition = self._given_gradient(text)
        if definition is None and self._derivative_of_the_undefined(text):
            return None
        if definition is None and self._states_a_determined_gradient(text):
            return None
        if definition is None and self._restates_a_derivative(text):
            self.warnings.append(f"given: '{text}' states a derivative; the definitions "
                                 "decide it, and it defines nothing")
            return None
        if definition is None and (function := _value_at_a_point(text)) is not None:
            # f(\mathbf{x}_p) = 0: f at one point, which says nothing of f elsewhere; f is
            # the function there, no free name of the fact
            fact = stated_fact(text)
            self.facts.append(dataclasses.replace(
                fact, names=tuple(n for n in fact.names if n.base != function)))
            self.warnings.append(f"given: '{text}' states a function's value at one point; "
                                 "it defines nothing")
            return None
        if definition is None and (fact := _moment_stated(text)) is not None:
            # \mathbb{E}[g_i] = \mu: what the distribution is, which defines nothing
            self.facts.append(fact)
            self.warnings.append(f"given: '{text}' states an expectation, a fact about the "
                                 "distribution; it defines nothing")
            return None
        if definition is None and self._printed_value_of(text):
            solved = self._solved_for_a_term(text)
            fact = stated_fact(text)
            if solved is None and fact is not None:     # y_1 = a^2 + 3 after y_1 = 85
                self.facts.append(fact)
                self.warnings.append(f"given: '{text}' states a formula for a name given a "
                                     "printed value: an equation, which defines nothing")
                return None
            definition = solved
        definition = definition or self.define_latex(text)
        self._later_sides_stated(text)
        self.mentioned |= mentioned_names(definition.written or definition.body)
        if isinstance(definition, Definition):
            self.mentioned.add(name_key(definition.name))
        self.given.append(definition.name if isinstance(definition, Definition)
                          else parse_side(split_chain(text).sides[0].text))
        return definition

    def _later_sides_stated(self, text: str) -> None:
        """`q_{ij} = \\frac{w_{ij}}{\\sum_{kl} w_{kl}} = \\frac{w_{ij}}{S}`: a given chain's later
        side that writes a name nothing determines (S) in place of others (the w_{kl} of the
        sum) says what that name is only by the equation; it is kept as a fact (`Fact`),
        which the samples do not satisfy, so a difference found where it bears is never a
        counterexample."""
        try:
            chain = split_chain(text)
            sides = [parse_side(side.text) for side in chain.sides]
        except NotationError:
            return
        named = {name_key(d.name) for d in self.definitions if d.source == text}
        for k in range(2, len(sides)):
            bases = {n.base for n in walk(sides[k - 1]) if isinstance(n, A.Name)}
            if any(isinstance(n, A.Name) and name_key(n) in named for n in walk(sides[k - 1])):
                continue        # d = \alpha w = …: the side after defines α
            # S of Σ_{kl} w_{kl} written S: a plain name of a letter the side before does
            # not write (not w_i of w \cdot x = Σ_i w_i x_i, nor Euler's e)
            aside = {id(m) for n in walk(sides[k]) for m in (
                [m for s in (*n.sub, *n.sup) for m in walk(s)] if isinstance(n, A.Name) else
                [m for b in (n.lower, n.upper) if b is not None for m in walk(b)]
                if isinstance(n, A.SumOver) else [])}      # indices and a sum's bounds
            brought = [n for n in walk(sides[k]) if isinstance(n, A.Name) and not n.sub
                       and not n.sup and id(n) not in aside and n.base not in bases
                       and self._undetermined(n) and (n.base != "e" or self.defines_bare("e"))]
            if chain.relations[k - 1] == "=" and brought:
                fact = stated_fact(f"{chain.sides[k - 1].text} = {chain.sides[k].text}")
                if fact is not None:
                    self.facts.append(fact)

    def _printed_value_of(self, text: str) -> bool:
        """Whether `text` gives a formula for a name the text has given a printed value,
        with a name nothing determines (`y_1 = a x_1 + b` after `(x_1, y_1) = (1.11, 85)`;
        not `out = \\sigma(net)` after `out = 0.75` and `net = 1.1`)."""
        sides = _equation_sides(text)
        return sides is not None and isinstance(sides[0], A.Name) \
            and any(isinstance(n, A.Name) and self._undetermined(n) for n in walk(sides[1])) \
            and any(name_key(d.name) == name_key(sides[0])
                    and is_printed_literal(node_text(d.written or d.body))
                    for d in self.definitions)

    def _solved_for_a_term(self, text: str) -> Definition | None:
        """`y_1 = a x_1 + b` after `(x_1, y_1) = (1.11, 85)`: a formula for a name the text
        has given a printed value is an equation its other names satisfy, never a new value.
        Solved for the last name nothing determines that it adds once (b = y_1 - a x_1), it
        defines that name; None when no name is so (`_printed_value_of` tells the text)."""
        head, body = _equation_sides(text)
        if any(d.name.base == head.base and name_key(d.name) != name_key(head)
               and is_printed_literal(node_text(d.written or d.body)) for d in self.definitions):
            return None     # y_2 given too: a model fitted to several points, up to noise
        terms = _additive_terms(body)
        keys = [name_key(n) for n in walk(body) if isinstance(n, A.Name)]
        free = [k for k, (_, term) in enumerate(terms) if isinstance(term, A.Name)
                and self._undetermined(term)
                and keys.count(name_key(term)) == 1]
        if not free or len(terms) < 2:
            return None
        negated, solved = terms[free[-1]]
        rest = [term if not minus else A.Neg(term) for k, (minus, term) in enumerate(terms)
                if k != free[-1]]
        others = functools.reduce(lambda left, right: A.BinOp("+", left, right), rest)
        value = A.BinOp("-", A.Group(others), head) if negated \
            else A.BinOp("-", head, A.Group(others))
        return self.define(solved, value, text)

    def _restates_a_derivative(self, text: str) -> bool:
        """`f'(Z) = \\frac{\\partial A}{\\partial Z}` with `A = f(Z)` defined: the
        function's derivative said to be what the definitions already make it, which
        names nothing new (`g'(Z) = …` of another function defines g')."""
        sides = _equation_sides(text)
        if sides is None:
            return False
        head, body = sides
        if not (_primed_call(head) and isinstance(body, A.Partial)
                and isinstance(body.numerator, A.Name)):
            return False
        function = head.name if isinstance(head, A.Call) else head.left.base
        argument = head.args[0] if isinstance(head, A.Call) else ungroup(head.right)
        written = [d.written for d in self.definitions
                   if name_key(d.name) == name_key(body.numerator)]
        return any(isinstance(w, A.BinOp) and w.op == "apply" and isinstance(w.left, A.Name)
                   and w.left.base == function
                   and node_text(ungroup(w.right)) == node_text(argument) == node_text(body.wrt)
                   for w in written if w is not None)

    def _made_of(self, node: A.Node | None) -> set[str]:
        """The names a quantity is made of, through the definitions given so far."""
        bodies = {name_key(d.name): d.body for d in self.definitions}
        seen: set[str] = set()
        todo = [name_key(n) for n in walk(node) if isinstance(n, A.Name)] if node else []
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            if key in bodies:
                todo += [name_key(n) for n in walk(bodies[key]) if isinstance(n, A.Name)]
        return seen

    def _given_gradient(self, text: str) -> Definition | None:
        """`\\frac{\\partial J}{\\partial z} = \\delta` given: δ names the gradient."""
        chain = split_chain(text)
        head = _gradient_head(chain)
        if head is None or len(chain.sides) != 2:
            return None
        body = parse_side(chain.sides[1].text)
        key = name_key(body) if isinstance(body, A.Name) else None
        # ∂y/∂w = x after y = w x: x is what y is made of, so this states a derivative
        # (naming it x would define x by itself); ∂L/∂z = δ names the gradient δ
        used = key is not None and key in self._made_of(head.numerator)
        if key is not None and key not in self.values and not used \
                and not any(name_key(d.name) == key for d in self.definitions):
            return self.define(body, head, text)
        if self._undetermined(head.numerator) and not any(
                isinstance(n, A.Name) and (n.sub or n.sup) for n in (head.numerator, head.wrt)):
            # ∂Z/∂X = αδ + αε + … with Z defined nowhere: that derivative is the expression
            gradient = derivatives.gradient_symbol(Var(name_key(head.numerator)),
                                                   Var(name_key(head.wrt)))
            return self.define(A.Name(gradient.name, pos=head.pos), body, text)
        return None

    def _derivative_of_the_undefined(self, text: str) -> bool:
        """`\\frac{\\partial w_{ij}}{\\partial f_{ij}} = -w_{ij}^n` given, with w defined
        nowhere and indices that are letters: the text says what that derivative is, which
        nothing else can; kept (`stated_derivatives`) for every member it is written of."""
        chain = split_chain(text)
        head = _gradient_head(chain)
        if head is None or len(chain.sides) != 2 or not self._undetermined(head.numerator):
            return False
        indices = [*head.numerator.sub, *head.wrt.sub]
        if not indices or not all(isinstance(i, A.Name) and not i.sub and not i.sup
                                  and i.base in INDEX_LETTERS for i in indices):
            return False
        self.stated_derivatives.append((head, parse_side(chain.sides[1].text), text))
        self.warnings.append(f"given: '{text}' states a derivative of "
                             f"{to_latex(head.numerator)}, which nothing defines; it is used "
                             "where that derivative is written")
        return True

    def stated_derivative(self, numerator: sympy.Symbol, wrt: sympy.Symbol,
                          instance: Instance) -> sympy.Expr | None:
        """∂numerator/∂wrt as the text gives it (`stated_derivatives`), built with the
        index letters set to the members' numbers; None when it gives none."""
        for head, body, source in self.stated_derivatives:
            member, other = _member_indices(head.numerator, numerator), \
                _member_indices(head.wrt, wrt)
            if member is None or other is None \
                    or any(member[k] != other[k] for k in member.keys() & other.keys()):
                continue
            builder = self.builder(instance.with_indices({**member, **other}), source)
            try:
                if builder.build(head.numerator) == numerator \
                        and builder.build(head.wrt) == wrt:
                    return builder.build(body)
            except NotationError as error:
                raise MeaningError(f"the derivative given in '{source}' could not be read "
                                   f"({error.reason})", source, 0,
                                   "Write that derivative with names derivcheck reads.") \
                    from error
        return None

    def _undetermined(self, name: A.Name) -> bool:
        """Whether nothing here defines `name`: no definition, function or value."""
        key = name_key(name)
        return key not in self.values and not self.is_function(name.base) \
            and not any(name_key(d.name) == key for d in self.definitions)

    def _states_a_determined_gradient(self, text: str) -> bool:
        """`\\frac{\\partial E}{\\partial u_j} = (y_j - t_j) y_j (1 - y_j)` given, with E
        defined: the definitions determine that derivative, so the line adds nothing and
        binds nothing (a warning says so); a claim about it is checked against them."""
        chain = split_chain(text)
        head = _gradient_head(chain)
        if head is None or len(chain.sides) != 2:       # ∂E/∂y_j = δ_j = …: δ_j is defined
            return False
        numerator = head.numerator
        key = name_key(numerator)
        bodies = [d.body for d in self.definitions if name_key(d.name) == key]
        function = self.functions.get(canonical(numerator.base, (), (), numerator.suffix, 0))
        bodies += [function.body] if function is not None else []
        if not bodies or any(isinstance(n, A.Call) and n.callee == A.Callee.ARBITRARY
                             or isinstance(n, A.Unread) for b in bodies for n in walk(b)):
            return False        # L(w) = f(wx), f unknown: the given says what L does not
        self.warnings.append(f"given: '{text}' states a derivative of {to_latex(numerator)}, "
                             "which its definition determines; it is not used")
        return True

    def _names_a_gradient(self, text: str) -> bool:
        """`\\frac{\\partial E}{\\partial w} = … = 0.08` given: a worked example's number for
        the gradient, which it stands for in arithmetic that ends in a printed number."""
        from symbolic.numbers import printed_number

        chain = split_chain(text)
        head = _gradient_head(chain)
        number = printed_number(parse_side(chain.sides[-1].text)) if head else None
        if number is None:
            return False
        self.bind_gradient(name_key(head.numerator), name_key(head.wrt), number.value)
        return True

    def _worked_value(self, text: str) -> Definition | None:
        """`out = 0.75`, or `a = \\sigma(1.1) = \\frac{1}{1 + e^{-1.1}} \\approx 0.75`,
        for a name a formula defines: its value at the worked example's point."""
        chain = split_chain(text)
        if len(chain.sides) < 2 or chain.relations[0] not in DEFINING:
            return None
        head = parse_side(chain.sides[0].text)
        if not isinstance(head, A.Name) or not all(self._is_number(side.text)
                                                   for side in chain.sides[1:]):
            return None
        last = chain.sides[-1].text
        for k, definition in enumerate(self.definitions):
            if definition.name == head and definition.error is None \
                    and not is_printed_literal(split_chain(definition.source).sides[-1].text):
                if is_printed_literal(last):
                    self.definitions[k] = dataclasses.replace(
                        definition, source=f"{definition.source} = {last}")
                    self._changed()
                return self.definitions[k]
        return None

    def _is_number(self, text: str) -> bool:
        """Whether `text` is a printed number, or arithmetic on numbers alone (σ(1.1))."""
        if is_printed_literal(text):
            return True
        try:
            node = parse_side(text)
        except NotationError:
            return False
        applied = {id(n.left) for n in walk(node) if isinstance(n, A.BinOp) and n.op == "apply"}
        return not any(isinstance(n, A.Name) and n.base != EULER and id(n) not in applied
                       for n in walk(node)) and exact_value(self, node, text) is not None

    def settle_given(self) -> None:
        """Read every definition again once all of `given` is known: givens come in any
        order, so `h = g(z)` before `g(u) = u^2` still calls g, and `L = d(a, p)` that
        could not be read before `d(a, p) = …` is read again."""
        for unread in [d for d in self.definitions if isinstance(d.body, A.Unread)
                       and d.source and self.functions]:
            try:
                self.define_given(unread.source)
            except NotationError:
                continue        # still unread, as it was
        for definition in self.definitions:    # z_1 = 2 x_1 before x_1 = (1, 2)^T
            if isinstance(definition.name, A.Name) and definition.written is not None:
                self._shape_through_scaling(definition.name, definition.written)
        self.definitions = [self._settled(d) for d in self.definitions]
        self.functions = {key: dataclasses.replace(
            f, body=self._resolve_body(f.written, f.parameters)) for key, f in
            self.functions.items()}
        self._changed()

    def _settled(self, definition: Definition) -> Definition:
        if definition.written is None:
            return definition
        try:
            return dataclasses.replace(definition, body=self._resolve_body(
                definition.written, defining=definition.name))
        except MeaningError as error:
            return Definition(definition.name, A.Unread(error.reason), definition.source, None,
                              error)

    def define_function(self, name: str, parameters: tuple[A.Name, ...], body: A.Node,
                        source: str = "", derivation: int | None = None
                        ) -> FunctionDefinition:
        parameters, body = _unsampled(parameters, body)
        earlier = self.functions.get(name)
        if earlier is not None and _renamed(earlier, parameters, body):
            return earlier      # d(a, p) = ‖a - p‖, then d(a, n) = ‖a - n‖: one function
        if earlier is not None and earlier.source != source:
            self.redefined.add(name)         # f of problem 4, then f of problem 5
        self.functions[name] = FunctionDefinition(name, parameters, body, source, body,
                                                  derivation)
        self._changed()
        try:
            self._require_parameters_used(name, parameters, body)
            resolved = self._resolve_body(body, parameters)
        except NotationError as error:
            # a function whose body cannot be read: using it is undecided, naming why
            self.functions[name] = FunctionDefinition(
                name, parameters, A.Unread(getattr(error, "reason", str(error))), source, body,
                derivation)
            self._changed()
            raise
        self.functions[name] = FunctionDefinition(name, parameters, resolved, source, body,
                                                  derivation)
        self._changed()
        member = _family_member(name, parameters)
        if member is not None:
            # y_i(x) = e^{x_i} / \sum_j e^{x_j}: y_k alone is the family's member k at x
            self.define(member, body, source)
        return self.functions[name]

    def _require_parameters_used(self, name: str, parameters: tuple[A.Name, ...],
                                 body: A.Node) -> None:
        """`\\operatorname{adj}(X) = C^T` ("C the cofactor matrix of X"): a body that is one
        letter nothing here defines, transposed or inverted, and no parameter, holds what the
        words say of the parameters; read as written, C would be free of X."""
        letter = ungroup(body)
        if isinstance(letter, A.Name):
            return              # h_θ(x) ≜ o = W a + b: o names the output, defined after
        while isinstance(letter, A.Transpose | A.Power):     # C^T, C^{-1}
            letter = ungroup(letter.operand if isinstance(letter, A.Transpose) else letter.base)
        if not parameters or not isinstance(letter, A.Name) \
                or any(p.base == letter.base for p in parameters) \
                or letter.base in CONSTANT_LETTERS or self.is_value(letter.base) \
                or self.is_function(letter.base) or self.kind(letter.base) is not None:
            return
        shown = ", ".join(p.base for p in parameters)
        raise MeaningError(f"the body of {name}({shown}) is {to_latex(body)}, which writes "
                           f"none of {shown}, and nothing here defines {letter.base}: how it "
                           f"depends on {shown} is not said", "", 0,
                           f"Define {letter.base} in terms of {shown}.")

    def forget_function(self, name: str) -> None:
        self.functions.pop(name, None)
        self._changed()

    def _resolve_body(self, body: A.Node, parameters: tuple[A.Name, ...] = (),
                      defining: A.Name | None = None) -> A.Node:
        """A definition's body read against the context as it stands, its parameters (if
        any) standing for quantities, the name it defines (if any) not yet one."""
        snapshot = self.snapshot()
        if defining is not None and not any(d.name != defining and d.name.base == defining.base
                                            for d in self.definitions):
            snapshot = snapshot.without_values(frozenset({
                defining.base, canonical(defining.base, (), (), defining.suffix, 0)}))
        if parameters:
            snapshot = snapshot.with_values(frozenset(
                canonical(p.base, (), (), p.suffix, 0) for p in parameters))
        return resolve(body, snapshot).tree

    def is_given(self, head: A.Node) -> bool:
        """Whether `head` restates a left side of `given`: `y_k` for `y_j = …`, `z` for `z = …`.

        An index letter of the given name stands for any index; anything else must match.
        """
        return any(_same_head(head, given) for given in self.given)

    def admits(self, indices: dict[str, int]) -> bool:
        """Whether index values fit the case assumptions in force (`i = k`, `i \\neq k`)."""
        for left, relation, right in self.cases:
            if left in indices and (right in indices or right.isdigit()):
                equal = indices[left] == (indices[right] if right in indices else int(right))
                if equal != (relation == "="):
                    return False
        return True

    def bind_gradient(self, numerator: str, wrt: str, value: sympy.Expr) -> None:
        """A worked example's `\\nabla_{w} L = … = 20.15`: that gradient now names the number."""
        self.gradient_values[(numerator, wrt)] = value
        self.gradient_points[(numerator, wrt)] = dict(self.values)

    def named_gradient(self, numerator: A.Name, wrt: A.Name) -> sympy.Expr | None:
        """The number a worked example gave ∂numerator/∂wrt, if it gave one."""
        return self.gradient_values.get((name_key(numerator), name_key(wrt)))

    def define(self, name: A.Name, body: A.Node, source: str = "",
               derivation: int | None = None) -> Definition:
        """`name = body`, read against the context as it stands now (the name itself is not
        yet a quantity in its body: `J = J(a)` with J declared a function calls it)."""
        written = name
        if name_key(name) in self.printed_shapes:    # X of another example, defined anew
            self.printed_shapes.discard(name_key(name))
            self.shapes.pop(name_key(name), None)
            self._changed()
        if _own_entries(name, body):
            # θ = [θ_1, θ_2]^T: a vector written by its own entries declares its shape and
            # defines nothing (as a definition it would lead back to itself)
            literal = _ungrouped_literal(body)
            entries = len(literal.rows) * len(literal.rows[0])
            shape = [entries, 1] if literal.listed \
                else [len(literal.rows), len(literal.rows[0])]      # [θ_1, θ_2]: a list
            declared = self.shape_of(name_key(name))
            if declared is None:
                self.add_shape(name_key(name), shape)
            if declared is None or list(declared) == shape:       # (declared alike: as said)
                return Definition(name, body, source, body, derivation=derivation)
        if _own_entries(name, body, numbered_from_one=False) and not _own_entries(name, body):
            # w = (w_0, w_1): its own entries, numbered otherwise than 1, 2, …, which
            # derivcheck's entries are: not read (what uses w is undecided)
            return self.define_unreadable(name, MeaningError(
                f"{node_text(name)} lists its own entries numbered otherwise than 1, 2, …, "
                "as derivcheck numbers a vector's entries", source, 0,
                "Number the entries from 1, or write the step with the entries."), source)
        elided = _own_elided_entries(name, body)
        if elided is not None and self.shape_of(name_key(name)) is None:
            # x = [x_1, x_2, \dots, x_n]^T: a vector of n entries, which it defines none of
            self.add_shape(name_key(name), elided)
            return Definition(name, body, source, body, derivation=derivation)
        name, body = _generic_letter_as_index(name, body, self)
        if (held := _unwritten_sum_over_own_index(name, body)) is not None:
            self.summed_over_own[name_key(name)] = held    # see `claims._own_index_sum_doubt`
        if (other := self._told_apart_by_letter(name, body)) is not None:
            return self.define_unreadable(name, MeaningError(
                f"{node_text(name)} is defined through {other}, of the same letter under "
                f"another index, which is defined too: the text tells two quantities apart "
                "by their index letter (as δ_k of the output units and δ_j of the hidden "
                "ones), which derivcheck does not read", source, 0,
                r"Name them apart (\delta^{o}_k, \delta^{h}_j) to check the steps."), source)
        try:
            body = _einstein_summed(body, _carried_indices(name)) if name.sub else body
            _require_no_repeated_index(name, body, written)
            definition = Definition(name, self._resolve_body(body, defining=name), source,
                                    body, derivation=derivation)
        except MeaningError as error:
            return self.define_unreadable(name, error, source)
        self._shape_from_literal(name, body)
        self._shape_through_elementwise(name, definition.body)
        self._shape_through_scaling(name, body)
        return self._add(definition)

    def _told_apart_by_letter(self, name: A.Name, body: A.Node) -> str | None:
        """`\\delta_j = \\delta\\_in_j f'(z\\_in_j)` with δ_k defined and
        `\\delta\\_in_j = \\sum_k \\delta_k w_{jk}`: a family member defined through a member
        of the same family under another index letter that has a definition of its own. The
        other member as written, or None."""
        letter = _single_index_letter(name)
        if letter is None:
            return None
        names = [n for n in walk(body) if isinstance(n, A.Name)]
        for used in list(names):       # one step through what the body's names are defined as
            names += [n for d in self.definitions if d.name.base == used.base
                      and d.written is not None for n in walk(d.written) if isinstance(n, A.Name)]
        for other in names:
            theirs = _single_index_letter(other)
            if other.base == name.base and other.sup == name.sup and theirs is not None \
                    and theirs != letter and any(
                        d.name.base == name.base and _single_index_letter(d.name) == theirs
                        for d in self.definitions):
                return node_text(other)
        return None

    def word_named(self, node: A.Node) -> A.Name | None:
        """`HO`, `HI_1`: letters printed side by side that the text prints as a word
        (`words`), as that word's name; None for anything else."""
        if not (isinstance(node, A.BinOp) and node.op == "juxt"):
            return None
        word = letter_word(factors(node))
        return word if word is not None and word.base[len(WORD_FONT) + 1:-1] in self.words \
            else None

    def _shape_through_elementwise(self, name: A.Name, body: A.Node) -> None:
        """`\\mathbf{a}^{[1]} = \\sigma(\\mathbf{z}^{[1]})` with a's shape declared and z's
        not: a function taken entry by entry keeps the shape, so z has a's."""
        shape = self.shape_of(name_key(name))
        if shape is None or not isinstance(body, A.Call) or len(body.args) != 1:
            return
        function = known_function(body.name)
        argument = ungroup(body.args[0])
        if function is None or function.takes_vector or not isinstance(argument, A.Name) \
                or argument.sub or self.shape_of(name_key(argument)) is not None:
            return
        self.add_shape(name_key(argument), list(shape))

    def _shape_through_scaling(self, name: A.Name, body: A.Node) -> None:
        """`\\mathbf{z}_1 = 2\\mathbf{x}_1` with x_1's shape known and z_1's not: a number
        times a vector or matrix has its shape."""
        key = name_key(name)
        parts = factors(ungroup(body.operand if isinstance(body, A.Neg) else body))
        shaped = [p for p in parts if isinstance(p, A.Name)
                  and self.shape_of(name_key(p)) is not None]
        if self.shape_of(key) is not None or name.sup or len(shaped) != 1 \
                or not all(p is shaped[0] or isinstance(p, A.Num) for p in parts):
            return
        self.add_shape(key, list(self.shape_of(name_key(shaped[0]))))

    def _shape_from_literal(self, name: A.Name, body: A.Node) -> None:
        """`W = \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}`: a name defined as a matrix
        of numbers written out (or of entries, `_entry_like`) has that shape, unless one is
        declared. A list in brackets
        (`w = [1, 2]`) says no orientation, and a block of names may hold blocks: neither
        gives one. A numbered layer's (`z^{[1]} = …`, `W_1 = …`) is that layer's shape."""
        key = name_key(name)
        literal = body.inner if isinstance(body, A.Group) else body
        transposed = isinstance(literal, A.Transpose)     # x = (1, 2)^T: a row, transposed
        if transposed:
            literal = ungroup(literal.operand)
        numbered = all(isinstance(s, A.Num) for s in name.sub)     # W_1 = (…): matrix 1's
        if not numbered or name.sup and free_index_letters(name) \
                or self.shape_of(key) is not None \
                or not isinstance(literal, A.MatrixLiteral) or literal.listed and not transposed \
                or len({len(row) for row in literal.rows}) != 1 \
                or not all(_is_written_number(entry) or self._entry_like(entry)
                           for row in literal.rows for entry in row):
            return
        rows, cols = len(literal.rows), len(literal.rows[0])
        if transposed:
            rows, cols = cols, rows
        if rows * cols > 1:
            self.add_shape(key, [rows, cols])
            self.printed_shapes.add(key)

    def _entry_like(self, entry: A.Node) -> bool:
        """`x_1`, `x_1 \\cdot w_{11} + x_2 \\cdot w_{21}`: an entry written with indexed
        small letters only (no capital, no bold, none a vector here), a number, never a
        block of a block matrix."""
        names = [n for n in walk(entry) if isinstance(n, A.Name)]
        return bool(names) and all(
            n.sub and not n.bold and not n.sup and n.base.lstrip("\\")[:1].islower()
            and self.shape_of(name_key(n)) is None and self.shape_of(n.base) is None
            for n in names)

    def determines(self, head: A.Name, derivation: int) -> bool:
        """Whether a name is already defined for this part of the document (or given):
        then a line `head = …` claims something about it and never redefines it. A
        definition that could not be read determines nothing: a later one replaces it."""
        return any(d.derivation in (None, derivation) and _same_head(head, d.name)
                   and not isinstance(d.body, A.Unread) for d in self.definitions)

    def define_unreadable(self, name: A.Name, error: NotationError,
                          source: str = "") -> Definition:
        """A name whose definition could not be read: what depends on it is undecided (one
        listed by its entries with an elision is a vector or matrix of its own)."""
        if self.listed_apart(source):
            return Definition(name, A.Unread("listed with an elision"), source)
        return self._add(Definition(name, A.Unread(getattr(error, "reason", str(error))),
                                    source, None, error))

    def listed_apart(self, text: str) -> bool:
        """`\\mathbf{y} = (y_1, y_2, \\cdots, y_n)^T`: a name listed by its entries with an
        elision, which derivcheck cannot build, is taken as a vector or matrix of its own
        (`listings`); False when the text is no such listing."""
        listed = _listing(text)
        if listed is None:
            return False
        name, letters = listed
        self.listings[name] = letters
        self.warnings.append(f"'{text}' lists the entries of {name} with an elision: {name} "
                             "is read as a vector or matrix of its own")
        return True

    def _add(self, definition: Definition) -> Definition:
        self.definitions = [d for d in self.definitions if d.name != definition.name] \
            + [definition]
        self._changed()
        return definition

    def with_formulas(self, general: bool = False) -> Context:
        """This context with the worked example's formulas in force in place of the
        numbers they computed, and no gradient named by hand; its data stay bound, or, when
        `general`, go too (every name then stands for any value)."""
        restored = self.copy()
        restored.gradient_values, restored.use_gradient_values = {}, False   # the writer's
        if general:
            restored.values = {}
            restored.definitions = [d for d in restored.definitions
                                    if not is_printed_number(d.body)]
        for key, (name, body, source) in self.formulas.items():
            restored.unbind(key)
            restored.define(name, body, source)
        return restored

    def forget(self, key: str) -> None:
        """Drop the definition of a name (it is about to be bound to a number)."""
        kept = [d for d in self.definitions if name_key(d.name) != key]
        if len(kept) < len(self.definitions):
            self.rebound.add(key)
        self.definitions = kept
        self._changed()

    def bind_latex(self, name: str, value) -> None:
        node = parse_side(name)
        if not isinstance(node, A.Name):
            raise ParseError(f"a value must be bound to a name, not '{name}'", name, 0)
        number = value if isinstance(value, sympy.Expr) else sympy.Rational(str(value))
        self.bind(node, number)

    def bind(self, name: A.Name, value: sympy.Expr) -> None:
        key = canonical(name.base, tuple(_int(s) for s in name.sup),
                        tuple(_int(s) for s in name.sub), name.suffix, name.primes)
        self.values[key] = value
        if name_key(name) in self.printed_shapes and not isinstance(value, sympy.MatrixBase):
            self.printed_shapes.discard(name_key(name))    # W = 3 after W printed as a matrix
            self.shapes.pop(name_key(name), None)
        self._changed()

    def unbind(self, key: str) -> None:
        self.values.pop(key, None)
        self._changed()

    def _normalize_symbols(self) -> None:
        """`symbols: {\\mathbf{y}: one-hot}` names y: keys are spelled as the reader spells
        names (bold is typography)."""
        symbols = self.conventions.get("symbols")
        if not isinstance(symbols, dict):
            return
        spelled = {}
        for name, kind in symbols.items():
            try:
                node = parse_side(str(name))
            except NotationError:
                node = None
            key = name_key(node) if isinstance(node, A.Name) else str(name)
            if spelled_greek(str(name)) != str(name):   # Phi: normal cdf, as YAML lets one
                key = name_key(parse_side(spelled_greek(str(name))))       # write \Phi
            spelled[key] = kind
            spelled.setdefault(str(name), kind)
        self.conventions["symbols"] = spelled

    def _check_conventions(self) -> None:
        for key, value in list(self.conventions.items()):
            allowed = CONVENTIONS.get(key, "missing")
            spelled = CONVENTION_SPELLINGS.get(str(key), {}).get(str(value).strip().lower())
            if spelled is not None:                   # log: natural logarithm
                self.conventions[key] = value = spelled
            if allowed == "missing" and isinstance(value, str) \
                    and known_function(value.strip()) is not None and _a_name(str(key)):
                # `g: sigmoid`, `\zeta: softplus` beside the known keys: a symbol declared
                # as that function, as `symbols: {g: sigmoid}` declares it
                symbols = self.conventions.get("symbols")
                symbols = dict(symbols) if isinstance(symbols, dict) else {}
                symbols.setdefault(key, value.strip())
                self.conventions["symbols"] = symbols
                del self.conventions[key]
                continue
            if allowed == "missing":
                close = difflib.get_close_matches(str(key), list(CONVENTIONS), n=1, cutoff=0.75)
                self.warnings.append(f"unknown convention '{key}' ignored; known: "
                                     + ", ".join(CONVENTIONS)
                                     + (f" (did you mean {close[0]}?)" if close else ""))
                if close and CONVENTIONS[close[0]] is not None:
                    self.unread_conventions[close[0]] = f"{key}: {value}"
                elif not close and any(relation in str(value).replace("≠", r"\neq")
                                       for relation in CONDITION_RELATIONS):
                    # `case: i ≠ j`, a condition: the steps may hold only where it does
                    self.unread_conventions[str(key)] = f"{key}: {value}"
            elif allowed is not None and str(value) not in allowed:
                self.warnings.append(f"convention {key}: '{value}' is not one of "
                                     + ", ".join(sorted(allowed)) + "; a verdict that turns "
                                     "on it is undecided")
                self.unread_conventions[key] = f"{key}: {value}"
                del self.conventions[key]
        for name, kind in dict(self.conventions.get("symbols") or {}).items():
            if kind not in SYMBOL_KINDS and known_function(str(kind)) is None:
                self.warnings.append(f"symbol kind '{kind}' for {name} is unknown; known: "
                                     + ", ".join(sorted(SYMBOL_KINDS)))

    # -- what reading asks ------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """What the table says now, frozen, for the resolve pass."""
        if self._snapshot is None:
            # H^{+} = … defines H^{(+)} (its family's key is H's)
            # (not ℓ of ℓ_{Hinge}: a word labels another quantity, so ℓ(m) may define ℓ)
            values = {d.key for d in self.definitions} \
                | {d.name.base for d in self.definitions if not d.name.suffix} \
                | {name_key(d.name) for d in self.definitions}
            layered = {d.name.base for d in self.definitions if has_layer(d.name)}
            # w of `z^l = w^l a^{l-1}`: a name written with a layer in a definition
            layered |= {n.base for d in self.definitions for n in walk(d.body)
                        if isinstance(n, A.Name) and has_layer(n)}
            layered |= {key.split("^{(")[0] for key in (*self.shapes, *self.values)
                        if "^{(" in key}
            # t of `h^t = o^t \odot \tanh(c^t)`: a letter a defined name is stepped by
            steps = {n.base for d in self.definitions if has_layer(d.name)
                     for s in d.name.sup for n in walk(s)
                     if isinstance(n, A.Name) and len(n.base) == 1 and n.base.isalpha()}
            gated = _gated_bases(self.definitions)
            self._snapshot = Snapshot(
                values=frozenset(values | self.values.keys() | self.shapes.keys()),
                words=self.words,
                functions=frozenset(self.functions),
                parameters=MappingProxyType({key: f.parameters
                                             for key, f in self.functions.items()}),
                used_in=MappingProxyType({key: frozenset(
                    n.base for n in walk(f.written or f.body) if isinstance(n, A.Name))
                    for key, f in self.functions.items()}),
                kinds=MappingProxyType(dict(self.conventions.get("symbols") or {})),
                redefined=frozenset(self.redefined),
                defined=frozenset(d.key for d in self.definitions),
                written_in=MappingProxyType({d.key: frozenset(
                    n.base for n in walk(d.body) if isinstance(n, A.Name))
                    for d in self.definitions}),
                layers_only=frozenset(only := self._layers_only()),
                last_layer=MappingProxyType(self._last_layers(only)),
                shaped=frozenset(self.shapes),
                layered=frozenset(layered),
                steps=frozenset(steps),
                gated=frozenset(gated),
                bare=frozenset().union(*(bare_letters(d.body) for d in self.definitions)),
                sigma_is_symbol=self.sigma_is_symbol(),
                hessians_unshaped=self.hessians_unshaped,
                superscripts=str(self.conventions.get("superscripts", "")),
                variable_of=MappingProxyType(self._variables_of(frozenset(values))),
                gradient_names=MappingProxyType(named := self._gradient_names()
                                                if self.gradients_named else {}),
                written=frozenset(node_text(n) for d in self.definitions for n in walk(d.body)
                                  if isinstance(n, A.Name)) if named else frozenset())
        return self._snapshot

    def _layers_only(self) -> set[str]:
        """The keys of the names defined only at layers (`a^{(1)} = …`, `a^{(2)} = …`), never
        bare (`Snapshot.layers_only`)."""
        layered = {d.key for d in self.definitions if has_layer(d.name)}
        return layered - {d.key for d in self.definitions if not has_layer(d.name)}

    def _last_layers(self, only: set[str]) -> dict[str, str]:
        """The last layer of each name defined only at layers (`only`), all of them numbers
        (`Snapshot.last_layer`)."""
        layers: dict[str, list] = {}
        for d in self.definitions:
            if d.key in only:
                layers.setdefault(d.key, []).append(d.name.sup)
        return {key: str(max(int(sup[0].text) for sup in sups)) for key, sups in layers.items()
                if all(len(sup) == 1 and isinstance(sup[0], A.Num) and sup[0].text.isdigit()
                       for sup in sups)}

    def _gradient_names(self) -> dict[str, A.Name]:
        """How the definitions name a loss's gradients (`Snapshot.gradient_names`): a
        prefix used for one loss only."""
        found: dict[str, set] = {}
        losses: dict[str, A.Name] = {}
        defined = {d.key for d in self.definitions}
        for d in self.definitions:
            named = gradient_prefix(d.name, d.written or d.body)
            if named is not None and name_key(named[1]) not in defined:
                found.setdefault(named[0], set()).add(name_key(named[1]))
                losses[named[0]] = named[1]
        named = {prefix: losses[prefix] for prefix, keys in found.items() if len(keys) == 1}
        if self.unnamed_loss is not None and "d" not in found:
            named["d"] = self.unnamed_loss
        return named

    def _variables_of(self, values: frozenset[str]) -> dict[str, str]:
        """The one letter each value defined once is a formula of (`Snapshot.variable_of`)."""
        keys = [d.key for d in self.definitions]
        quantities = values | self.values.keys() | self.shapes.keys()
        return {d.key: letter for d in self.definitions
                if keys.count(d.key) == 1 and not isinstance(d.body, A.Unread)
                and d.key not in self.shapes
                and (letter := sole_variable(d.body, frozenset(quantities))) is not None}

    def resolve(self, node: A.Node, across: Across = NOTHING_ACROSS) -> Resolved:
        """`node` with every reading decided against this context (remembered per tree);
        `across`: what its statement decides for all its sides."""
        known = self._resolved.get(id(node))
        if known is not None and known[0] is node and (
                known[1] == across or across is NOTHING_ACROSS and known[1].reads_alone()):
            return known[2]
        if len(self._resolved) > MAX_RESOLVED:
            self._resolved.clear()
        resolved = resolve(node, self.snapshot(), across)
        # the tree is kept, so its id stays its own
        self._resolved[id(node)] = (node, across, resolved)
        return resolved

    def is_value(self, name: str) -> bool:
        return self.snapshot().is_value(name)

    def defines_bare(self, name: str) -> bool:
        """Whether the text gives the plain name itself (not only its entries) a value or a
        formula, or declares it."""
        return name in self.values or self.kind(name) is not None or any(
            isinstance(d.name, A.Name) and d.name.base == name and not d.name.sub
            and not d.name.sup and not d.name.suffix for d in self.definitions)

    def hiding_functions(self) -> dict[str, str]:
        """The functions nothing defines that a defined function's parameters may hide in,
        each with that function: h of `J(w, b) = \\frac{1}{2m}\\sum_i (h(x^{(i)}) -
        y^{(i)})^2 + …`, whose body writes b nowhere but through h (a model h_{w,b})."""
        hiding = {}
        for key, function in self.functions.items():
            written = {n.base for n in walk(function.body) if isinstance(n, A.Name)}
            if all(p.base in written for p in function.parameters):
                continue
            for n in walk(function.body):
                if isinstance(n, A.Call) and n.callee is A.Callee.ARBITRARY:
                    hiding.setdefault(n.name, key)
        return hiding

    def defined_families(self) -> frozenset[str]:
        """The families the definitions give, by their written names: a of `\\mathbf{a} = …`
        or `a_i = …`, built or not."""
        return frozenset(family_of(name_key(d.name)) for d in self.definitions)

    def stepped_families(self) -> frozenset[str]:
        """The names one definition gives for every step or layer, by a letter: c of
        `c^{<t>} = Γ_f c^{<t-1>} + …` (a^{(2)} = W a^{(1)}, numbered, is a layer of its own)."""
        return frozenset(canonical(d.name.base, (), (), d.name.suffix) for d in self.definitions
                         if len(d.name.sup) == 1 and _letters_of(d.name.sup[0]))

    def stepped(self) -> frozenset[str]:
        """The bases of names defined with a step (or layer) superscript: i of `i^t = …`."""
        return self.snapshot().layered

    def is_function(self, base: str) -> bool:
        return self.kind(base) == "function"

    def is_size_name(self, name: A.Name) -> bool:
        """Whether a bare name declared `positive` or `constant`, with no definition and no
        value, may count things: the m of `\\sum_{i=1}^{m}` (see `claims.sum_bound_sizes`)."""
        label = canonical(name.base, (), (), name.suffix, 0)
        return self.kind(label) in SIZE_KINDS and label not in self.values \
            and not any(d.key == label or d.name.base == name.base for d in self.definitions)

    def kind(self, name: str) -> str | None:
        symbols = self.conventions.get("symbols") or {}
        for candidate in name_candidates(name):
            if candidate in symbols:
                return symbols[candidate]
        member = re.fullmatch(r"(.+)_\{\d\}", name)      # Σ_{12} may be a block, not a member
        if member is not None:      # \Sigma_{2} of a family declared as \Sigma_{k}
            kinds = {kind for key, kind in symbols.items()
                     if re.fullmatch(re.escape(member.group(1)) + r"_\{[a-z]\}", key)
                     and key[-2] in INDEX_LETTERS}       # Σ_{k}: a family by an index
            if len(kinds) == 1:
                return kinds.pop()
        if CONDITIONAL_BAR in name:
            return "probability"     # p(Y \\mid X), read as a name: a number in (0, 1)
        return None

    def shape_of(self, name: str) -> tuple | None:
        return self.shapes.get(name)

    def whole_value(self, name: str) -> int | None:
        """The whole number a definition gives a bare name (`m = 4`); None otherwise."""
        bodies = {ungroup(d.body) for d in self.definitions if d.key == name and not d.name.sub}
        body = bodies.pop() if len(bodies) == 1 else None
        return int(body.text) if isinstance(body, A.Num) and body.text.isdigit() else None

    def listed_length(self, name: str) -> int | None:
        """How many entries a name defined as a list of them has (`x = [1, 1, 0, 5]`: 4),
        a list saying no orientation and so giving no shape; None for any other name."""
        lengths = {len(literal.rows) * len(literal.rows[0])
                   for d in self.definitions if d.key == name and not d.name.sub
                   and (literal := _ungrouped_literal(d.written or d.body)) is not None
                   and 1 in (len(literal.rows), len(literal.rows[0]))}
        return lengths.pop() if len(lengths) == 1 else None

    def log_base(self):
        base = str(self.conventions.get("log", "natural"))
        return None if base in ("natural", "e") else sympy.Integer(int(base))

    def sigma_is_symbol(self) -> bool:
        return self.conventions.get("sigma") == "symbol"

    def function_for(self, node: A.Node) -> FunctionDefinition | None:
        """The defined function a call such as `\\operatorname{CE}(y, \\hat{y})` applies, if any."""
        if not self.functions:
            return None
        key = function_key(node)
        if key in self.functions:
            return self.functions[key]
        if isinstance(node, A.Call) and node.name in self.functions:
            return self.functions[node.name]
        return self._entry_member(key)

    def written_through_parameter(self, function: FunctionDefinition) -> str | None:
        """`h_\\theta(x) = \\frac{1}{1 + e^{-z}}` with `z = \\theta^T x` defined: a name h's
        formula writes whose definition writes h's parameter (z); None when there is none."""
        parameters = {p.base for p in function.parameters if isinstance(p, A.Name)
                      and not p.sub and not p.sup}        # x, never x^{(i)} (a member)
        written = {name_key(n) for n in walk(function.body)
                   if isinstance(n, A.Name) and n.base not in parameters}
        return next((name_key(d.name) for d in self.definitions
                     if isinstance(d.name, A.Name) and name_key(d.name) in written
                     and parameters & {n.base for n in walk(d.body)    # x, or its entry x_1
                                       if isinstance(n, A.Name) and not n.sup}), None)

    def _entry_member(self, key: str | None) -> FunctionDefinition | None:
        """`s(\\mathbf x)_j` with `s(\\mathbf x)_i = …` defined: that function with j written
        for i in its body (a sum over j in the body sums over another letter). When a sum
        with no index written could hold either letter, its body is unread: undecided."""
        try:
            called = parse_side(key) if key else None
        except NotationError:
            return None
        family = entry_family(called, self.functions) if isinstance(called, A.Name) else None
        if family is None:
            return None
        definition = self.functions[family]
        if isinstance(definition.body, A.Unread):
            return definition
        (letter,) = parse_side(family).sub
        body = _entry_body(definition.body, letter.base, called.sub[0])
        if body is None:
            body = A.Unread(f"{key} would be {family} with {node_text(called.sub[0])} written "
                            f"for {letter.base}, but a sum with no index written may hold "
                            "either; write the sum's index (\\sum_k) to check it")
        return dataclasses.replace(definition, name=key, body=body)

    # -- reading -----------------------------------------------------------------------
    def builder(self, instance: Instance, source: str = "", extra=()) -> Builder:
        if self._vectors is None:     # the definitions' part, kept until the table changes
            self._vectors = vector_names(*(d.body for d in self.definitions),
                                         *(f.body for f in self.functions.values()))
        vectors = self._vectors | vector_names(*extra) if extra else self._vectors
        return Builder(self, instance, source, vectors, self.dimensions(), tuple(extra))

    def dimensions(self) -> frozenset[str]:
        """The named dimensions of the declared shapes (kept until the table changes)."""
        if self._dimensions is None:
            self._dimensions = dimension_names(self)
        return self._dimensions

    def read(self, latex: str, instance: Instance | None = None):
        """One side of LaTeX as SymPy, in this context (definitions not expanded)."""
        instance = instance or Instance()
        return self.builder(instance, latex).read(parse_side(latex))

    # -- instances -----------------------------------------------------------------------
    def definitions_in(self, instance: Instance) -> dict:
        """Every definition built for this instance: {Var: expression}.

        Kept per `instance_key`: the instances of one link, and the links of a document,
        that differ only in what the definitions never read share one build.
        """
        key = self.instance_key(instance)
        if key in self._instances:
            return self._instances[key]
        defs: dict = {}
        self._instances[key] = defs      # partial() during building sees those so far
        self._build_definitions(instance, key, defs)
        return defs

    def instance_key(self, instance: Instance) -> tuple:
        """What building the definitions reads of an instance: the index values of the
        letters they write, the sizes that differ from the default (a size never set is
        the default when consulted), the default, and the names that count terms."""
        instance.declare_dimensions(self.dimensions())   # as every build fixes them
        if self._letters is None:
            self._letters = frozenset(self._written_letters())
        indices = tuple(sorted((letter, value) for letter, value in instance.indices.items()
                               if letter in self._letters))
        sizes = tuple(sorted((name, size) for name, size in instance.sizes.items()
                             if size != instance.default_size))
        return indices, sizes, instance.default_size, tuple(sorted(instance.counts)), \
            self._members_written()

    def _members_written(self) -> tuple[tuple[str, int], ...]:
        """The members the statement being checked writes by a number past the default size,
        of a family defined by one index with no shape (`b_{10}` beside `b_t = 1 -
        \\beta_1^t`): (family, number) each, built with the others."""
        if self._alone is None:
            self._alone = frozenset(
                (d.name.base, d.name.suffix) for d in self.definitions
                if isinstance(d.name, A.Name) and len(d.name.sub) == 1 and not d.name.sup
                and free_index_letters(d.name) and self.shape_of(d.name.base) is None
                and _member_alone(d))
        families = self._alone
        if not families:
            return ()
        if self._written[0] is self.statement:
            return self._written[1]
        written = tuple(sorted({(n.base, int(n.sub[0].text))
                             for tree in self.statement for n in walk(tree)
                             if isinstance(n, A.Name) and (n.base, n.suffix) in families
                             and len(n.sub) == 1 and not n.sup and isinstance(n.sub[0], A.Num)
                             and n.sub[0].text.isdigit()
                             and int(n.sub[0].text) > Instance().default_size}))
        self._written = (self.statement, written)
        return written

    def _written_letters(self) -> set[str]:
        """The index letters whose value in an instance can change a definition's build:
        those its body reads free. A family's own letters (`h_j = …`, `W^{(t+1)} = …`) are
        not: each member is built with its own values (`_index_assignments`). A function's
        body counts only where a definition, or a function it calls, names the function
        (`\\operatorname{CE}(\\hat{y}, y) = -\\log \\hat{y}_t` that no definition calls
        reads no t)."""
        letters: set[str] = set()
        trees: list[A.Node] = []
        for definition in self.definitions:
            read = _letters_read(definition.name) | _letters_read(definition.body)
            letters |= read - free_index_letters(definition.name)
            trees += [definition.name, definition.body, definition.written or definition.body]
        called: set[str] = set()
        while True:
            named = named_functions(trees)
            new = [key for key in self.functions if key not in called and family_of(key) in named]
            if not new:
                return letters
            for key in new:
                called.add(key)
                letters |= _letters_read(self.functions[key].body)
                trees.append(self.functions[key].body)

    def _build_definitions(self, instance: Instance, key: tuple, defs: dict) -> None:
        # members the text defines one by one (h_0 = 0): a step's family built back to them
        # leaves them to their own definitions
        explicit = {name_key(d.name) for d in self.definitions
                    if not free_index_letters(d.name)}
        assigned: dict = {}     # symbol -> the position of the definition that built it
        unread: dict = {}       # symbol -> the position of an unread definition of it
        for position, definition in self._building_order():
            if definition.error is not None:
                for symbol in self._mark_unreadable(key, definition, definition.error,
                                                    instance):
                    unread[symbol] = position
                continue
            back = self._from_step_zero(definition)
            beyond = [{letter: number} for base, number in key[-1]
                      if isinstance(definition.name, A.Name) and base == definition.name.base
                      and len(definition.name.sub) == 1
                      for letter in free_index_letters(definition.name)]
            for idx in _index_assignments(definition, instance, self.builder(instance), back,
                                          self._counts_from_zero(definition)
                                          or self._recurrence_from_zero(definition)) + beyond:
                target, value = self._member(position, definition, idx, instance)
                if target is None:
                    break   # a name that cannot be built here (w^{(t+1)}) defines nothing
                if back and min(idx.values(), default=1) < 1 and any(
                        str(symbol) in explicit for symbol in _symbols_of(target)):
                    continue
                if isinstance(value, NotationError):
                    # one unreadable definition does not stop the others; a claim that
                    # needs it is undecided, naming it (see `expand`)
                    for symbol in _symbols_of(target):
                        self._unreadable.setdefault(key, {})[symbol] = _unread(definition, value)
                    continue
                _assign(defs, target, value, definition)
                assigned.update(dict.fromkeys(_symbols_of(target), position))
        for symbol, position in unread.items():
            # δ_k = … then δ_j = … unread: member 1 is the later, unread one's; in doubt
            if symbol in assigned and position > assigned[symbol]:
                defs.pop(symbol, None)

    def _counts_from_zero(self, definition: Definition) -> bool:
        """Whether a family's members are numbered from 0: the definitions write its member 0
        (`y_k = \\frac{\\exp(a_k)}{u}` beside `E = -t_0 \\log y_0 - …`), so y_0 is y_k's."""
        if self._numbered_from_zero is None:
            # a member 0 defined on its own (a_0 = 0) starts a recurrence, not a count; and a
            # sum whose bounds are not written (\sum_j e^{a_j}) runs from 1, so with one in
            # the definitions no family counts from 0 (its member 0 would be left out)
            started = {family_of(name_key(d.name)) for d in self.definitions
                       if not free_index_letters(d.name)}
            unbounded = any(isinstance(n, A.SumOver) and n.lower is None
                            for d in self.definitions for n in walk(d.written or d.body))
            self._numbered_from_zero = frozenset() if unbounded else frozenset(
                family_of(name_key(n)) for d in self.definitions
                for n in walk(d.written or d.body)
                if isinstance(n, A.Name) and any(isinstance(s, A.Num) and s.text == "0"
                                                 for s in n.sub)) - started
        return family_of(name_key(definition.name)) in self._numbered_from_zero

    def _recurrence_from_zero(self, definition: Definition) -> bool:
        """Whether a recurrence written a step ahead (`a_{t+1} = a_t - \\eta …`) starts from
        a member 0 the text gives (`a_0 = 6`): then its first step (t = 0) builds a_1."""
        name = definition.name
        if not (isinstance(name, A.Name) and len(name.sub) == 1 and not name.sup
                and isinstance(name.sub[0], A.BinOp) and name.sub[0].op == "+"
                and letter_offset(name.sub[0])):
            return False
        family = family_of(name_key(name))
        letter = name.sub[0].left
        members = [n for n in walk(definition.written or definition.body)
                   if isinstance(n, A.Name) and n.base == name.base and n.sub]
        given = {d.name.sub[0].text for d in self.definitions if isinstance(d.name, A.Name)
                 and d.name.base == name.base and len(d.name.sub) == 1
                 and isinstance(d.name.sub[0], A.Num)}
        # first order only (x_{t-1} beside x_t starts where the text starts it), and a_1 not
        # given of its own
        return bool(members) and all(len(n.sub) == 1 and node_text(n.sub[0]) == node_text(letter)
                                     for n in members) \
            and family_of(name_key(members[0])) == family and given == {"0"}

    def _from_step_zero(self, definition: Definition) -> bool:
        """Whether a family's members are built from before step 1: one defined for every
        step and written a step back or ahead (`\\phi_{t-1}` beside `\\phi_t = …`,
        `v_{t+1} = …`), so that at step 1 the member of step 0 is the definition's, not a
        free number; a recurrence (`h_t = a h_{t-1} + x_t`) starts where the text starts it."""
        if self._stepped_back is None:
            self._stepped_back = frozenset(
                family_of(name_key(n)) for d in self.definitions
                for n in (*walk(d.name), *walk(d.body)) if isinstance(n, A.Name)
                and len(n.sub) == 1 and letter_offset(n.sub[0]))
        family = family_of(name_key(definition.name))
        # h_t = a h_{t-1} + x_t runs from its start h_0, which stays free
        recursive = any(isinstance(n, A.Name) and family_of(name_key(n)) == family
                        for n in walk(definition.body))
        return family in self._stepped_back and not definition.name.sup and not recursive

    def _building_order(self) -> list[tuple[int, Definition]]:
        """(position, definition), those that differentiate (a ∂ or an evaluation bar in the
        body) last: `\\Delta w = \\mu \\frac{\\partial \\xi}{\\partial w}` given before ξ
        differentiates ξ, not a gradient symbol of its own. Otherwise in the order written."""
        if self._order is None:
            derives = [any(isinstance(n, (A.Partial, A.At)) for n in walk(d.body))
                       for d in self.definitions]
            self._order = sorted(enumerate(self.definitions), key=lambda p: derives[p[0]])
        return self._order

    def _member(self, position: int, definition: Definition, member: dict[str, int],
                instance: Instance) -> tuple:
        """(name, value) of one member of a definition (its letters set to `member`) built
        for `instance`; the value is the NotationError when the body cannot be read, the
        name None when the name cannot.

        Kept per member and `instance_key`: the instances that differ in what no definition
        reads (or only in letters a family sets for itself) share one build."""
        instance = instance.with_indices(member)
        key = (position, tuple(sorted(member.items())), self.instance_key(instance))
        built = self._members.get(key)
        if built is not None:
            return built
        builder = self.builder(instance, definition.source)
        try:
            target = builder.build(definition.name)
        except NotationError:
            built = (None, None)
        else:
            try:
                body = builder.read(definition.written) if self._loss_of_a_layer(definition) \
                    else builder.build(definition.body)
                built = (target, body)
            except NotationError as error:
                built = (target, error)
            except ShapeError as error:
                raise DefinitionShapeError(str(error)) from error
        self._members[key] = built
        return built

    def _loss_of_a_layer(self, definition: Definition) -> bool:
        """`\\delta^l = \\frac{\\partial L}{\\partial z^l}` with `L(a, y) = …`, read before the
        layers a^1, a^2 were defined: its body is read again as the text stands now, where L
        is the loss of the last layer's a (`resolve.at_last_layer`)."""
        last = self.snapshot().last_layer
        if not last or definition.written is None:
            return False
        return any(isinstance(n, A.Partial) and isinstance(n.numerator, A.Name)
                   and (loss := self.functions.get(n.numerator.base)) is not None
                   and any(isinstance(p, A.Name) and p.base in last for p in loss.parameters)
                   for n in walk(definition.written))

    def _mark_unreadable(self, key: tuple, definition: Definition, error: NotationError,
                         instance: Instance) -> set:
        """Each member of an unread definition (z_{1,1}, z_{1,2}, … of `z_{jm} = …`, and the
        member 0 of a family of one index, s_0 of `s_i = …`) names it: a step that needs one
        is undecided."""
        letters = sorted(free_index_letters(definition.name)) \
            if isinstance(definition.name, A.Name) and len(definition.name.sub) == 1 else []
        zero = [{letters[0]: 0}] if len(letters) == 1 else []
        marked = set()
        for member in _index_assignments(definition, instance, self.builder(instance),
                                         self._from_step_zero(definition),
                                         self._counts_from_zero(definition)) + zero:
            try:
                target = self.builder(instance.with_indices(member)).build(definition.name)
            except NotationError:
                continue
            for symbol in _symbols_of(target):
                self._unreadable.setdefault(key, {})[symbol] = _unread(definition, error)
                marked.add(symbol)
        return marked

    def expand(self, expr, instance: Instance, keep=frozenset()):
        """Substitute definitions until only base variables (and `keep`) remain.

        Each definition is expanded once per instance (and `keep`), until the table
        changes; where that cannot be done (a definition that refers to itself, a
        name that is not a plain symbol), they are substituted level by level.
        """
        defs = self.definitions_in(instance)
        mapping = {k: v for k, v in defs.items() if k not in keep}
        key = (self.instance_key(instance), keep)
        expansion = self._expansions.get(key)
        if expansion is None or expansion.mapping != mapping:
            expansion = self._expansions[key] = Expansion(mapping)
        expanded = expansion.of(expr)
        if expanded is None:
            expanded = self._expand_by_levels(expr, mapping)
        self.require_readable(expanded, instance)
        return expanded

    def _expand_by_levels(self, expr, mapping: dict):
        _require_no_cycle(expr, mapping)
        for step in range(len(mapping) + 2):
            new = _replaced(expr, mapping)
            if new == expr:
                break
            limits.require_definition_chain(step + 1)
            expr = new
        return expr

    def require_readable(self, expr, instance: Instance) -> None:
        """Raise the reason when `expr` holds a name whose definition could not be read."""
        unreadable = self._unreadable.get(self.instance_key(instance))
        if unreadable and hasattr(expr, "free_symbols"):
            for symbol in sorted(expr.free_symbols & unreadable.keys(), key=str):
                raise unreadable[symbol]        # the same name named on every run
            # z^{(i)}, a sample's z, when the definition of z could not be read
            by_name = {s.name: error for s, error in unreadable.items()}
            for symbol in sorted(expr.free_symbols, key=str):
                family = re.sub(r"\^\{\([^{}]*\)\}", "", symbol.name)
                if family != symbol.name and family in by_name:
                    raise by_name[family]

    def substitute_values(self, expr):
        if not self.values:
            return expr
        mapping = {Var(k): v for k, v in self.values.items()}
        return expr.xreplace(mapping)

    # -- derivatives ---------------------------------------------------------------------
    def partial(self, numerator, wrt, instance: Instance):
        """∂numerator/∂wrt in this instance (see `symbolic.derivatives`).

        Kept until the table changes: the links of a document differentiate the same
        definitions again and again, and a derivative depends only on the definitions
        built for the instance (`definitions_in`, kept alike), the layout and, while they
        are in use, the gradients a worked example has named (part of the key).
        """
        key = self._partial_key(numerator, wrt, instance)
        found = self._partials.get(key) if key is not None else None
        if found is None:
            found = derivatives.partial(self, numerator, wrt, instance)
            if key is not None and isinstance(found, sympy.Basic):
                self._partials[key] = found
        return found

    def _partial_key(self, numerator, wrt, instance: Instance) -> tuple | None:
        if not all(isinstance(e, sympy.Basic) for e in (numerator, wrt)):
            return None
        named = None
        if self.use_gradient_values:     # a worked example's gradients stand for themselves
            named = frozenset(self.gradient_values.items())
            if not all(isinstance(v, sympy.Basic) for _, v in named):
                return None
        return (numerator, wrt, self.instance_key(instance), self.conventions.get("layout"),
                named, self.written_held)

    def uses(self, symbol, instance: Instance) -> bool:
        """Whether some definition's value in this instance depends on `symbol`."""
        return any(symbol in free_symbols(value)
                   for value in self.definitions_in(instance).values())


class Expansion:
    """Definitions expanded down to base variables, each once: `of(expr)` is what
    substituting them level by level until nothing changes gives, with the same limit on
    the length of a chain of definitions."""

    def __init__(self, mapping: dict):
        self.mapping = mapping
        self.expanded: dict = {}       # symbol -> (its value expanded, its chain's length)
        self.usable = all(isinstance(k, sympy.Symbol) for k in mapping)

    def of(self, expr):
        """`expr` expanded, or None where it must be done level by level."""
        if not self.usable or not isinstance(expr, (sympy.Basic, sympy.MatrixBase)):
            return None
        try:
            expanded, length = self._substituted(expr, frozenset())
        except (_SelfReference, RecursionError, ValueError, TypeError):
            return None      # level by level, SymPy's error (if any) is raised as before
        if length:
            limits.require_definition_chain(length)
        return expanded

    def _substituted(self, expr, open_names: frozenset) -> tuple:
        # each distinct subexpression visited once (`atoms` walks every repeat of a layer)
        names = [s for s in (subexpressions([expr]) if isinstance(expr, sympy.Basic)
                             else expr.atoms(sympy.Symbol))
                 if isinstance(s, sympy.Symbol) and s in self.mapping]
        if not names:
            return expr, 0
        values = {s: self._of_name(s, open_names) for s in names}
        return (expr.xreplace({s: v for s, (v, _) in values.items()}),
                max(length for _, length in values.values()))

    def _of_name(self, name, open_names: frozenset) -> tuple:
        found = self.expanded.get(name)
        if found is None:
            if name in open_names:
                raise _SelfReference(name)
            value, length = self._substituted(self.mapping[name], open_names | {name})
            found = self.expanded[name] = (value, length + 1)
        return found


class _SelfReference(Exception):
    """A definition that refers to itself, through others or directly."""


def _symbols_of(target) -> list:
    if isinstance(target, sympy.MatrixBase):
        return [e for e in target if isinstance(e, sympy.Symbol)]
    return [target] if isinstance(target, sympy.Symbol) else []


def _is_matrix(value) -> bool:
    return isinstance(value, sympy.MatrixBase)


def _same_head(head: A.Node, given: A.Node) -> bool:
    if isinstance(head, A.Name) and isinstance(given, A.Name):
        if (head.base, head.suffix, head.primes, len(head.sub), len(head.sup)) != (
                given.base, given.suffix, given.primes, len(given.sub), len(given.sup)):
            return False
        pairs = zip(head.sub + head.sup, given.sub + given.sup, strict=True)
        return all(_is_running_index(g) or node_text(h) == node_text(g) for h, g in pairs)
    key = function_key(head)
    return key is not None and key == function_key(given)


def _is_running_index(node: A.Node) -> bool:
    return isinstance(node, A.Name) and not node.sub and not node.sup and \
        node.base in INDEX_LETTERS


def _assign(defs: dict, target, value, definition: Definition) -> None:
    if isinstance(target, sympy.MatrixBase):
        if not isinstance(value, sympy.MatrixBase):
            value = sympy.ImmutableMatrix(*target.shape, [value] * len(target))
        if value.shape != target.shape and len(value) == len(target):
            value = value.reshape(*target.shape)
        if value.shape != target.shape:
            raise ShapeError(f"{definition.source}: the left side is {target.rows}×{target.cols} "
                             f"but the right side is {value.rows}×{value.cols}")
        for t, v in zip(target, value, strict=True):
            if t != v:          # w = [w_1; w_2; w_3]: an entry written as itself is free
                defs[t] = v
        return
    if isinstance(value, sympy.MatrixBase) and len(value) == 1:
        defs[target] = value[0]          # w^T x + w_0: a 1×1 matrix is the number it holds
        return
    if isinstance(value, sympy.MatrixBase):
        # a name defined as a vector without a declared shape: define its entries
        for k, v in enumerate(value, start=1):
            defs[Var(f"{target.name}_{{{k}}}")] = v
        return
    defs[target] = value


# A step's family (v_{t+1} = …) is built from this step on: at step 1, a claim's v_{t-1}
# and the members its definitions reach a step further back are the definitions' own
STEPS_BACK = -2


def _primed_call(node: A.Node) -> bool:
    """`f'(Z)`, `\\sigma'(z)`: a function's derivative, called."""
    if isinstance(node, A.Call):
        return node.primes > 0
    return isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
        and node.left.primes > 0


def _states_a_derivative(text: str) -> bool:
    """Whether a statement's first side is a derivative or a differential (`\\frac{\\partial
    E}{\\partial x_i} = …`, `dŷ / dz = …`, `\\mathrm{d}f(X) = …`)."""
    try:
        chain = split_chain(text)
        head, body = (parse_side(side.text) for side in chain.sides[:2])
    except (NotationError, ValueError):
        return False
    first = factors(head)[0] if isinstance(head, A.BinOp) and head.op == "juxt" else head
    if isinstance(body, A.Partial):
        return isinstance(head, A.Partial)      # dS_ij = ∂L/∂S_ij names a gradient
    return isinstance(head, A.Partial) or isinstance(first, A.Differential) or (
        isinstance(first, A.Name) and first.base in DIFFERENTIAL_D and not first.sub
        and isinstance(head, A.BinOp))


def _member_alone(definition: Definition) -> bool:
    """Whether each member of a family stands by its own index alone (`b_t = 1 -
    \\beta_1^t`): no sum, no size letter, no other member, so a member past the sizes
    tried is built right (p_{10} of a softmax over z_k would sum over sizes it is not in)."""
    body = definition.written or definition.body
    letters = free_index_letters(definition.name)
    return not any(isinstance(n, A.SumOver) or isinstance(n, A.Name) and (
        n.base in SIZE_LETTERS and not n.sub
        or any(isinstance(i, A.Name) and i.base not in letters for i in n.sub)
        or any(not isinstance(i, A.Name | A.Num) for i in n.sub))
        for n in walk(body)) and not any(isinstance(n, A.Name) and n.base in ELISIONS
                                         for n in walk(body))


def _index_assignments(definition: Definition, instance: Instance, builder: Builder,
                       from_zero: bool = False, numbered_from_zero: bool = False
                       ) -> list[dict[str, int]]:
    """A definition `h_j = …` with a free index defines h_1 … h_n: n from the shape of the
    name (`P_{ij}` of an m×k P), or the instance's largest size (`t_k` of a sum to K), and
    from h_{-2} when `from_zero` (a step's family) and no shape bounds it. A family's member is
    fixed first (`s_k^{(i)}` of `s^{(i)}: [K, 1]`: k runs to K for each i), and a layer or
    step one further than the instances' (Z^l: the l + 1 of a claim); from h_0 when
    `numbered_from_zero` and no shape bounds it."""
    name = definition.name
    if not free_index_letters(name):
        return [{}]                    # consults no size: a worked example stays one
    layers = sorted(free_index_letters(dataclasses.replace(name, sub=())))
    entries = sorted(free_index_letters(name) - set(layers))
    n = instance.size("")
    longest = max(n, *instance.sizes.values()) if instance.sizes else n  # the longest sum's
    out: list[dict[str, int]] = []
    for member in itertools.product(*(range(1, n + 2) for _ in layers)):
        fixed = dict(zip(layers, member, strict=True))
        try:
            ranges = builder.index_ranges(substitute_indices(name, fixed, definition.source))
        except MeaningError:
            ranges = {}
        combos = [{}]
        for letter in entries:
            first = 1 if letter in ranges else STEPS_BACK if from_zero \
                else 0 if numbered_from_zero else 1
            combos = [dict(c, **{letter: k}) for c in combos
                      for k in range(first, ranges.get(letter, longest) + 1)]
        out.extend(dict(fixed, **c) for c in combos)
    return out

def named_functions(trees) -> set[str]:
    """The families of the functions some trees call or name (`CE`, `f` of f alone)."""
    named: set[str] = set()
    for tree in trees:
        for node in walk(tree):
            key = function_key(node)
            if key is not None:
                named.add(family_of(key.removeprefix("\\nabla ")))
            if isinstance(node, A.Name):
                named.add(node.base)
    return named


def _is_written_number(node: A.Node) -> bool:
    """`3`, `-0.5`, `\\frac{1}{2}`: a number written out, no name in it."""
    return not any(isinstance(n, A.Name) for n in walk(node))


def _letters_read(tree: A.Node, bound: frozenset[str] = frozenset()) -> set[str]:
    """Every letter a tree writes outside the sums that bind it: names' bases, the letters
    of their labels, indices anywhere (an instance's value of any of them may be read)."""
    if isinstance(tree, A.SumOver):
        inner = bound | {tree.index} if tree.index else bound
        outer = [part for part in (tree.lower, tree.upper, tree.exclude) if part is not None]
        return _letters_read(tree.body, inner).union(*(_letters_read(p, bound) for p in outer))
    found: set[str] = set()
    if isinstance(tree, A.Name):
        found = ({tree.base} | set(tree.suffix)) - bound
    return found.union(*(_letters_read(child, bound) for child in children(tree)))


def mentioned_names(node: A.Node) -> set[str]:
    """Every name a tree mentions, variables of differentiation included."""
    return {name_key(n) for n in walk(node) if isinstance(n, A.Name)}


def _renamed(earlier: FunctionDefinition, parameters: tuple[A.Name, ...],
             body: A.Node) -> bool:
    """Whether a function defined again is the earlier one with its parameters renamed:
    `d(a, n) = \\lVert a - n \\rVert` after `d(a, p) = \\lVert a - p \\rVert`."""
    if earlier.written is None or len(earlier.parameters) != len(parameters) \
            or isinstance(earlier.body, A.Unread):
        return False
    renamed = substitute_names(body, dict(zip(parameters, earlier.parameters, strict=True)))
    return without_positions(renamed) == without_positions(earlier.written)


def _unread(definition: Definition, error: NotationError) -> MeaningError:
    """Why a step that needs an unreadable definition is undecided."""
    reason = getattr(error, "reason", str(error))
    return MeaningError(f"this step depends on {node_text(definition.name)}, whose definition "
                        f"could not be read ({reason})", definition.source, None,
                        "Fix that definition; this step is checked once it reads.")


def is_variance(lhs: A.Node) -> bool:
    """`\\sigma^2`, `\\sigma_B^2`, `\\hat{\\sigma}^2` on the left of a definition: a variance
    (an estimate of one), which defines σ (σ̂), its square root (σ is then no sigmoid)."""
    return isinstance(lhs, A.Power) and isinstance(lhs.exponent, A.Num) \
        and lhs.exponent.text == "2" and isinstance(lhs.base, A.Name) \
        and re.fullmatch(r"(?:\\[a-z]+\{)?" + re.escape(SIGMA) + r"\}?", lhs.base.base) \
        is not None and not lhs.base.sup and not lhs.base.primes


def _ungrouped_literal(body: A.Node) -> A.MatrixLiteral | None:
    while isinstance(body, A.Group):
        body = body.inner
    if isinstance(body, A.Transpose) and isinstance(body.operand, A.MatrixLiteral):
        body = body.operand
        return dataclasses.replace(body, rows=tuple(zip(*body.rows, strict=True)))
    return body if isinstance(body, A.MatrixLiteral) else None


def _own_elided_entries(name: A.Name, body: A.Node) -> list | None:
    """The shape `x = [x_1, x_2, \\dots, x_n]^T` declares: a bare name written as the run of
    its own entries from 1 to a size, [n, 1] as a column (a list in brackets is one, whether
    transposed or not: it says no orientation) and [1, n] as a row; None otherwise."""
    body = ungroup(body)
    transposed = isinstance(body, A.Transpose)
    run = ungroup(body.operand) if transposed else body
    if name.sub or not (isinstance(run, A.SumOver) and run.stacked) \
            or not (isinstance(run.lower, A.Num) and run.lower.text == "1"):
        return None
    entry = run.body
    if not (isinstance(entry, A.Name) and entry.base == name.base and entry.suffix == name.suffix
            and entry.sup == name.sup and entry.primes == name.primes
            and [node_text(s) for s in entry.sub] == [run.index]):
        return None
    size = ungroup(run.upper)
    length = int(size.text) if isinstance(size, A.Num) and size.text.isdigit() \
        else node_text(size) if isinstance(size, A.Name) and not size.sub else None
    if length is None:
        return None
    row = run.stacked == "row" if not transposed else run.stacked == "column"
    return [1, length] if row else [length, 1]


def _distribution_stated(text: str) -> tuple[frozenset[A.Name], str | None] | None:
    """`Y_i \\overset{\\text{iid}}{\\sim} \\text{Bern}(\\mu_i)`, `y \\sim \\mathcal{N}(\\mu, 1)`: a
    name (or names) drawn from a named distribution. (The names, the kind its values' range
    gives, if any), or None for any other text."""
    if DRAWN_FROM not in text or any(r in text for r in NOT_DRAWN):
        return None
    try:
        chain = split_chain(text)
    except NotationError:
        return None
    side = chain.sides[-1].text if len(chain.sides) == 2 else ""
    found = _DISTRIBUTION.match(side)
    if found is None and not _names_a_distribution(side):     # a \sim \pi: a density named
        return None
    try:            # X_1, \ldots, X_n \sim \text{Exp}(\theta): several names, each drawn
        names = [n for n in walk(parse_side(f"[{chain.sides[0].text}]"))
                 if isinstance(n, A.Name)]
    except NotationError:
        return None
    return frozenset(names), DISTRIBUTION_RANGES.get(found.group(1).lower()) if found else None


def _conditional_probability(node: A.Node) -> bool:
    """`p(y = 1 \\mid x)`, read as one name (`parser.conditional`)."""
    return isinstance(node, A.Name) and r"\mid" in node.base


def _names_a_distribution(text: str) -> bool:
    """`\\pi`, `p_{data}`, `q_\\phi(z)`: a letter, alone or applied, for a distribution."""
    try:
        node = parse_side(text)
    except NotationError:
        return False
    node = node.left if isinstance(node, A.BinOp) and node.op == "apply" else node
    return isinstance(node, A.Name) and not node.primes


def _entry_pairs(lhs: A.Node, body: A.Node) -> list[tuple[A.Name, A.Node]] | None:
    """The names of a printed list or column and the entries that give them values, when
    `lhs = body` sets one against the other entry by entry; None otherwise."""
    if not (isinstance(lhs, A.MatrixLiteral) and isinstance(body, A.MatrixLiteral)):
        return None
    names = [entry for row in lhs.rows for entry in row]
    values = [entry for row in body.rows for entry in row]
    if len(names) != len(values) or len(names) < 2 \
            or not all(isinstance(n, A.Name) for n in names) \
            or len({name_key(n) for n in names}) != len(names):
        return None
    return list(zip(names, values, strict=True))


def _own_entries(name: A.Name, body: A.Node, numbered_from_one: bool = True) -> bool:
    """`\\theta = \\begin{bmatrix} \\theta_1 \\\\ \\theta_2 \\end{bmatrix}`: a bare name
    written as a column or row of its own entries, numbered 1, 2, … in order (or, with
    `numbered_from_one` False, by any whole numbers: `w = (w_0, w_1)`)."""
    literal = _ungrouped_literal(body)
    if name.sub or literal is None or len({len(row) for row in literal.rows}) != 1:
        return False
    entries = [entry for row in literal.rows for entry in row]
    if len(entries) < 2 or 1 not in (len(literal.rows), len(literal.rows[0])):
        return False
    numbers = []
    for entry in entries:
        if not (isinstance(entry, A.Name) and entry.base == name.base
                and entry.suffix == name.suffix and entry.sup == name.sup
                and entry.primes == name.primes and len(entry.sub) == 1
                and isinstance(entry.sub[0], A.Num) and entry.sub[0].text.isdigit()):
            return False
        numbers.append(int(entry.sub[0].text))
    return numbers == [*range(1, len(entries) + 1)] or not numbered_from_one


def _unsampled(parameters: tuple[A.Name, ...], body: A.Node) -> tuple[tuple, A.Node]:
    """`h_\\theta(x^{(i)}) = \\frac{1}{1 + e^{-\\theta^T x^{(i)}}}` defines h_θ of any x: a
    parameter written with a sample's index is the function's variable, the index dropped
    (so h_θ(x), and h_θ alone, read as the text goes on to use them)."""
    plain = {p: dataclasses.replace(p, sup=()) for p in parameters
             if p.sup and not p.sub and all(isinstance(s, A.Name) for s in p.sup)}
    if not plain or len({(q.base, q.suffix) for q in plain.values()}) < len(plain) or any(
            (q.base, q.suffix) == (p.base, p.suffix) for q in plain.values()
            for p in parameters if p not in plain):
        return parameters, body
    spelled = {name_key(p): bare for p, bare in plain.items()}
    names = [n for n in walk(body) if isinstance(n, A.Name)]
    if any(n.sub and name_key(dataclasses.replace(n, sub=())) in spelled for n in names):
        return parameters, body          # x^{(i)}_j, an entry of the sample: left as written
    written = {n: spelled[name_key(n)] for n in names if name_key(n) in spelled}
    return tuple(plain.get(p, p) for p in parameters), substitute_names(body, written)


def _index(node: A.Node, where: str) -> int | str:
    """An index of a shape's name: a whole number, or a label such as the L of `a^L`."""
    if isinstance(node, A.Num) and node.text.isdigit():
        return int(node.text)
    if isinstance(node, A.Name) and not node.sup and not node.primes:
        return node_text(node)
    raise MeaningError("an index of a shape's name must be a whole number, an index letter "
                       "or a label", where, getattr(node, "pos", None),
                       "Declare the shape as in x^{(i)}: [d, 1] or W^{(2)}: [3, 4].")


def _int(node: A.Node) -> int:
    if isinstance(node, A.Num) and node.text.isdigit():
        return int(node.text)
    raise MeaningError("this index must be a whole number here", "",
                       getattr(node, "pos", None))


FAMILY_MEMBERS = 10      # a family x^{(i)} of shapes: members 0 … 9 (two letters: 0 … 5 each)


def family_members(letters: list[str]) -> list[dict[str, int]]:
    """Values of the index letters of a family of shapes, `x^{(i)}` or `W^l_{j}`."""
    top = FAMILY_MEMBERS if len(letters) == 1 else 6
    out: list[dict[str, int]] = [{}]
    for letter in letters:
        out = [dict(o, **{letter: k}) for o in out for k in range(top)]
    return out


def substitute_indices(node: A.Name, values: dict[str, int], where: str) -> A.Name:
    """`A^{l-1}` with l = 3 is `A^{(2)}`: each index letter, and each letter plus or minus
    a whole number, replaced by its value."""
    def value(index: A.Node) -> A.Node:
        if isinstance(index, A.Name) and not index.sub and not index.sup \
                and index.base in values:
            return A.Num(str(values[index.base]))
        if isinstance(index, A.BinOp) and index.op in ("+", "-"):
            left, right = value(index.left), value(index.right)
            if isinstance(left, A.Num) and isinstance(right, A.Num):
                total = int(left.text) + (1 if index.op == "+" else -1) * int(right.text)
                return A.Num(str(total))
        if isinstance(index, A.Name) and index.sub:       # d_l, d_{l-1}: a layer's size
            return dataclasses.replace(index, sub=tuple(value(s) for s in index.sub),
                                       sup=tuple(value(s) for s in index.sup))
        if isinstance(index, A.Num) or isinstance(index, A.Name) and not free_index_letters(
                index):
            return index
        raise MeaningError(f"the index {node_text(index)} of a family of shapes is not read",
                           where, getattr(index, "pos", None),
                           "Write the family's index as a letter, as in x^{(i)}: [d, 1].")
    return dataclasses.replace(node, sup=tuple(value(s) for s in node.sup),
                               sub=tuple(value(s) for s in node.sub))


def _dimension_list(dims) -> list:
    return [dims, 1] if isinstance(dims, (int, str)) else list(dims)


def _member_dimension(dimension, values: dict[str, int], where: str):
    """A family's dimension for one member: `d_l` with l = 2 is `d_{2}`, `n^{[l-1]}`
    is `n^{(1)}`; a number or a dimension without the family's letters stays as it is."""
    if not isinstance(dimension, str):
        return dimension
    try:
        node = layered_name(parse_side(dimension))
    except NotationError:
        return dimension
    if not isinstance(node, A.Name) or not free_index_letters(node) & values.keys():
        return dimension
    return node_text(substitute_indices(node, values, where))


def parse_expression(latex: str, conventions: dict | None = None):
    """Read a LaTeX expression into SymPy, with no context: `parse_expression("x^2")`."""
    return Context(conventions=conventions or {}).read(latex)


def _single_index_letter(name: A.Name) -> str | None:
    """The one index letter a name is subscripted by (j of δ_j), or None."""
    if len(name.sub) == 1 and isinstance(name.sub[0], A.Name) and not name.sub[0].sub \
            and name.sub[0].base in INDEX_LETTERS:
        return name.sub[0].base
    return None


def _generic_letter_as_index(name: A.Name, body: A.Node, context: Context
                             ) -> tuple[A.Name, A.Node]:
    """`a_{p} = \\frac{1}{1 + \\exp(-z_{p})}`, `a_{pq} = \\frac{e^{z_{pq}}}{\\sum_k e^{z_{pk}}}`:
    p and q, generic entry letters that name no quantity, are the family's own indices, as
    k in a_k = … is (read as labels, the family's members a_1, a_2, … were never built).
    Name and body with each written as an index letter that neither uses."""
    letters = [s.base for s in name.sub if isinstance(s, A.Name) and not s.sub and not s.sup]
    if not name.sub and name.suffix:
        letters = [name.suffix]
    letters = [c for c in letters if c in GENERIC_INDEX_LETTERS and not context.is_value(c)
               and context.kind(c) is None]
    names = [n for tree in (name, body) for n in walk(tree) if isinstance(n, A.Name)]
    inside = {id(s) for n in names for s in (*n.sub, *n.sup)}
    letters = [c for c in letters                                          # p alone: a value
               if not any(n.base == c and id(n) not in inside for n in names)]
    if not letters:
        return name, body
    used = {n.base for n in names} | {n.suffix for n in names}
    fresh = iter(c for c in "kjmnil" if c not in used)
    renamed = {c: A.Name(letter, pos=name.pos) for c, letter in zip(letters, fresh, strict=False)}
    if len(renamed) < len(letters):
        return name, body
    return _renamed_indices(name, renamed), _renamed_indices(body, renamed)


def _carried_indices(name: A.Name) -> frozenset[str]:
    """The index letters a defined name carries: i and b of O_{ib}."""
    return frozenset(free_index_letters(name) | {s.base for s in name.sub
                                                 if isinstance(s, A.Name)})


def _einstein_summed(node: A.Node, carried: frozenset[str]) -> A.Node:
    """`O_{ib} = A_{ij} V_{jb}`, `S_{ij} = Q_{ia} K_{ja}`: in the definition of an entry, a
    product that repeats an index the entry does not carry, and no sum carries, on a
    matrix's entry (two indices or more), is a sum over it, as Einstein's convention writes
    one: the product is summed over each such index, with its range from the shapes.
    (`z = w_k x_k`, of vectors, stays a step in doubt: a term for one k is often meant.)"""
    if isinstance(node, A.SumOver) and node.index:
        carried = carried | {node.index}
    if isinstance(node, A.BinOp) and node.op in ("juxt", "cdot", "*"):
        repeated = sorted((_subscript_letters(node.left) & _subscript_letters(node.right))
                          - carried)
        entries = [n for n in walk(node) if isinstance(n, A.Name) and len(n.sub) >= 2
                   and any(isinstance(s, A.Name) and s.base in repeated for s in n.sub)]
        if repeated and entries:
            summed = _einstein_summed(node, carried | set(repeated))
            for letter in reversed(repeated):
                summed = A.SumOver(letter, None, None, summed, pos=node.pos)
            return summed
    changes = {}
    for item in dataclasses.fields(node):
        value = getattr(node, item.name)
        if isinstance(value, A.Node):
            changes[item.name] = _einstein_summed(value, carried)
        elif isinstance(value, tuple) and any(isinstance(v, A.Node) for v in value):
            changes[item.name] = tuple(_einstein_summed(v, carried) if isinstance(v, A.Node)
                                       else v for v in value)
    return dataclasses.replace(node, **changes) if changes else node


def _require_no_repeated_index(name: A.Name, body: A.Node, written: A.Name) -> None:
    """`z_{rs} = b_s + x_{rk} w_{ks}`: k indexes two factors of one product and neither the
    name nor a sum carries it: a sum over k written the Einstein way, which is not read (a
    free k would make z one term of the sum)."""
    carried = free_index_letters(name) | {s.base for s in name.sub if isinstance(s, A.Name)}
    summed = {n.index for n in walk(body) if isinstance(n, A.SumOver) and n.index}
    for node in walk(body):
        if not (isinstance(node, A.BinOp) and node.op in ("juxt", "cdot", "*")):
            continue
        left, right = (_subscript_letters(side) for side in (node.left, node.right))
        repeated = sorted((left & right) - carried - summed)
        if repeated:
            raise MeaningError(
                f"a product repeats the index {repeated[0]}, which {to_latex(written)} does "
                f"not carry: a sum over {repeated[0]} written the Einstein way is not read",
                "", getattr(node, "pos", None),
                f"Write the sum, as in \\sum_{{{repeated[0]}}} …, to check the steps on it.")


def _subscript_letters(node: A.Node) -> set[str]:
    """The single letters that stand in the subscripts of a tree's names."""
    return {s.base for n in walk(node) if isinstance(n, A.Name) for s in n.sub
            if isinstance(s, A.Name) and not s.sub and not s.sup and len(s.base) == 1}


def _entry_body(body: A.Node, letter: str, entry: A.Node) -> A.Node | None:
    """A body defined for entry `letter`, for `entry` instead: a sum over the entry's letter
    sums over a fresh one first; None when a sum with no index written holds either."""
    other = entry.base if isinstance(entry, A.Name) else None
    unwritten = [n for n in walk(body) if isinstance(n, A.SumOver) and n.index is None]
    if any(isinstance(n, A.Name) and n.base in (letter, other)
           for sum_ in unwritten for n in walk(sum_.body)):
        return None
    if other is not None and other != letter:
        used = {n.base for n in walk(body) if isinstance(n, A.Name)} | {
            n.index for n in walk(body) if isinstance(n, A.SumOver)} | {letter, other}
        fresh = next((c for c in FRESH_INDEX_LETTERS if c not in used), None)
        if fresh is None:
            return None
        body = _rebound(body, other, fresh)
    return _letter_replaced(body, letter, entry)


def _rebound(node: A.Node, letter: str, fresh: str) -> A.Node:
    """Every sum over `letter` in a tree made a sum over `fresh`."""
    if isinstance(node, A.SumOver) and node.index == letter:
        new = A.Name(fresh, pos=node.pos)
        return dataclasses.replace(
            node, index=fresh, body=_letter_replaced(_rebound(node.body, letter, fresh),
                                                     letter, new, bound=False),
            exclude=None if node.exclude is None else _letter_replaced(
                node.exclude, letter, new, bound=False))
    return _map_children(node, lambda child: _rebound(child, letter, fresh))


def _letter_replaced(node: A.Node, letter: str, value: A.Node, bound: bool = True) -> A.Node:
    """Every bare `letter` in a tree (in subscripts too) replaced by `value`, except inside
    a sum over `letter` (there it is the sum's own, unless `bound` is False)."""
    if isinstance(node, A.Name) and node.base == letter and not (
            node.sub or node.sup or node.primes or node.suffix):
        return value
    if bound and isinstance(node, A.SumOver) and node.index == letter:
        return node
    return _map_children(node, lambda child: _letter_replaced(child, letter, value, bound))


def _map_children(node: A.Node, change) -> A.Node:
    """The node with `change` applied to each child, in tuples of tuples too (a piecewise's
    branches, a matrix's rows)."""
    def mapped(value):
        if isinstance(value, A.Node):
            return change(value)
        if isinstance(value, tuple):
            return tuple(mapped(v) for v in value)
        return value
    changes = {name: mapped(getattr(node, name)) for name in A.child_fields(type(node))
               if isinstance(getattr(node, name), A.Node | tuple)}
    return dataclasses.replace(node, **changes) if changes else node


def _member_letter(parameter: A.Node) -> str | None:
    """The index letter of a parameter written as a family's member (x_i of `p(x_i) = …`)."""
    if isinstance(parameter, A.Name) and len(parameter.sub) == 1 \
            and isinstance(parameter.sub[0], A.Name) and not parameter.sub[0].sub \
            and not parameter.sub[0].sup and parameter.sub[0].base in INDEX_LETTERS:
        return parameter.sub[0].base
    return None


def _renamed_indices(node: A.Node, renamed: dict[str, A.Name]) -> A.Node:
    """A tree with each letter of `renamed` written in place of the letter, where it stands
    in a subscript (as an entry of it, or as the whole label `_p`)."""
    if isinstance(node, A.Name):
        sub = tuple(renamed.get(s.base, s) if isinstance(s, A.Name) and not s.sub
                    and not s.sup else _renamed_indices(s, renamed) for s in node.sub)
        if not node.sub and node.suffix in renamed:
            return dataclasses.replace(node, sub=(renamed[node.suffix],), suffix="")
        return dataclasses.replace(node, sub=sub) if sub != node.sub else node
    return _map_children(node, lambda child: _renamed_indices(child, renamed))


def _require_no_cycle(expr, mapping: dict) -> None:
    """Refuse to expand names whose definitions lead back to themselves (`E` defined through
    `z`, and `z` through `E`): each level would hold the last one, twice and more, without
    end. Undecided, naming the names."""
    uses = {name: free_symbols(value) & mapping.keys() for name, value in mapping.items()}
    state: dict = {}

    def visit(name, path: list):
        state[name] = "open"
        for used in sorted(uses.get(name, ()), key=str):
            if state.get(used) == "open":
                cycle = path[path.index(used):] + [used] if used in path else [name, used]
                raise MeaningError(
                    "the definitions here lead back to themselves ("
                    + " → ".join(str(s) for s in cycle) + "), so they give no value", "", None,
                    "Define each name once, from names defined before it.")
            if used not in state:
                visit(used, [*path, used])
        state[name] = "done"

    for start in sorted(free_symbols(expr) & mapping.keys(), key=str):
        if start not in state:
            visit(start, [start])


def _replaced(expr, mapping: dict):
    """Definitions put in place of names; a derivative by a name that is replaced
    (`Derivative(f(z), z)` with z = w x + w_0) becomes the derivative at that value."""
    try:
        return expr.xreplace(mapping)
    except ValueError:
        return _held_derivatives(expr, mapping.keys()).xreplace(mapping)


def _held_derivatives(expr, replaced):
    """`Derivative(f(z), z)` as `Subs(Derivative(f(u), u), u, z)`: f' at the point z, which
    stays a derivative when z is replaced by its definition (as `subs` would, but in one
    pass: `subs` with many names is slow on a large expression)."""
    replaced = set(replaced)

    def hold(derivative):
        variables = [v for v, _ in derivative.variable_count]
        if not any(v in replaced for v in variables):
            return derivative
        points = [sympy.Symbol(f"_at_{v}") for v in variables]
        return At(derivative.xreplace(dict(zip(variables, points, strict=True))),
                  points, variables)

    return expr.replace(lambda e: isinstance(e, sympy.Derivative), hold)


_SIGMA = re.compile(r"\\sigma(?![A-Za-z])")
_PLAIN_SIGMA = re.compile(r"(?<![A-Za-z])sigma(?![A-Za-z])")
_SIGMA_PAIRED = re.compile(
    r"\\sigma(?:\^\{[^{}]*\}|\^\w)?_\{\s*[A-Za-z0-9]\s*,?\s*[A-Za-z0-9]\s*\}")
# σ applied (or maybe: `\sigma^2(x - \mu)`), or its derivative: `\sigma(z)`, `\sigma_1'`,
# `\sigma\left(`, `\sigma\big(`, `\sigma\bigl(`, `{\sigma}(z)`, `\sigma_{\theta}(z)`,
# `\frac{d\sigma}{dz}`; not
# `\frac{1}{\sigma^2} \left(`, where the brace closes a fraction
_SIGMA_APPLIED = re.compile(
    r"\\sigma(?![A-Za-z])\}?(?:\s|\\(?:[bB]igg?[lm]?|left)(?![A-Za-z])|\\[,;:! ]"
    r"|_\{[^{}]*\}|_\w|\^\{[^{}]*\}|\^\w)*(?:\(|\[|'|\\prime|\\\{|\\lbrace)"
    r"|\\sigma(?![A-Za-z])\s*\\begin\{\w?matrix"
    r"|\\sigma(?![A-Za-z])\s*\^\{?\\prime"
    r"|\\frac\s*\{\s*(?:\\partial|d)\s*\\sigma(?![A-Za-z])")


_CAPITAL_RUN = re.compile(r"(?<![A-Za-z\\^_])(?<![\^_]\{)[A-Z]{2,4}(?![A-Za-z])")
_CAPITAL_HEAD = re.compile(r"\s*[A-Z]{2,4}\s*(?:_\{?\w+\}?)?\s*(?:=|:=|\\coloneqq)")
_CAPITAL_ALONE = re.compile(r"(?<![A-Za-z\\])[A-Z](?![A-Za-z])")


def capital_words(texts) -> frozenset[str]:
    """The capitals a text prints together as names: `HI`, `HO`, `FO` of a worked example
    that writes `HO = \\sigma(HI)` and `FO = \\sigma(FI)`. A text uses such words when one
    of them is printed twice or more and one begins a line that names it; then every run
    of capitals none of whose letters the text prints alone is a word (`XW` beside `X^T`
    stays a product). None for a text that prints each run once, names none of them, or
    prints the same letters in two orders (`C = AB`, `AB = BA`): products. A run in a sub-
    or superscript (`W^{IH}`) labels, and is none of them."""
    texts = list(texts)
    runs: dict[str, int] = {}
    for text in texts:
        for match in _CAPITAL_RUN.finditer(text):
            runs[match.group()] = runs.get(match.group(), 0) + 1
    if not runs or max(runs.values()) < 2 \
            or not any(_CAPITAL_HEAD.match(text) for text in texts):
        return frozenset()      # no run is named by a line of its own (HO = …): products
    alone = {match.group() for text in texts for match in _CAPITAL_ALONE.finditer(text)}
    letters = {word: "".join(sorted(word)) for word in runs}
    if len(set(letters.values())) < len(letters):
        return frozenset()      # AB beside BA, QK beside KQ: products of matrices
    return frozenset(word for word in runs if not set(word) & alone)


def sigma_read_as_quantity(texts, conventions: dict) -> dict:
    """The conventions, with σ a quantity (`sigma: symbol`) when the text writes σ and
    never applies it to anything: a Gaussian's spread (`\\log\\sigma`, `\\frac{1}{\\sigma^2}`),
    never the sigmoid (`sigma_spread` says whether it is drawn positive). A declared `sigma`
    stays."""
    texts = [str(t) if "\\" in str(t) else _PLAIN_SIGMA.sub(r"\\sigma", str(t))
             for t in texts]        # sigma, as math typed in plain text spells σ
    if "sigma" in conventions or not any(_SIGMA.search(t) for t in texts) \
            or any(_SIGMA_APPLIED.search(t) for t in texts):
        return conventions
    return {**conventions, "sigma": "symbol"}


def sigma_spread(texts) -> bool:
    """Whether σ, where it is a quantity, is a spread (positive, as a standard deviation
    is): unless the text pairs two indices on it (`\\sigma_{12}`, a covariance)."""
    return not any(_SIGMA_PAIRED.search(str(t)) for t in texts)


def _inverse_defined(text: str) -> tuple[A.Name, A.Node] | None:
    """`P_n^{-1} = B` (a precision stated, the covariance meant): (P_n, B^{-1}), when its left
    side is a bare name's inverse, it has two sides, and B does not write that name
    (`Q^{-1} = Q^T` is an identity, which defines nothing); None otherwise."""
    sides = _equation_sides(text)
    if sides is None:
        return None
    head, body = sides
    if not (isinstance(head, A.Power) and isinstance(head.base, A.Name)
            and to_latex(head.exponent) == "-1") or any(
                isinstance(n, A.Name) and name_key(n) == name_key(head.base) for n in walk(body)):
        return None
    return head.base, A.Power(A.Group(body, body.pos), head.exponent, head.pos)


def _states_dependency(text: str) -> bool:
    try:
        return dependency_stated(split_chain(text)) is not None
    except NotationError:
        return False


def dependency_stated(chain) -> str | None:
    """`L = L(y_{11}, y_{12}, y_{21}, y_{22})`: a letter set equal to itself applied to
    names says what it is a function of, and defines nothing (its derivatives stay any
    numbers, related by the chain rule); the letter, or None for any other statement."""
    if len(chain.sides) != 2 or chain.relations[0] != "=":
        return None
    try:
        head, body = parse_side(chain.sides[0].text), parse_side(chain.sides[1].text)
    except NotationError:
        return None
    if isinstance(body, A.BinOp) and body.op == "apply":
        callee, inner = body.left, ungroup(body.right)
        arguments = tuple(inner.rows[0]) if isinstance(inner, A.MatrixLiteral) \
            and inner.listed and len(inner.rows) == 1 else (inner,)
    elif isinstance(body, A.Call):
        callee, arguments = A.Name(body.name), body.args
    else:
        return None
    if not (isinstance(head, A.Name) and isinstance(callee, A.Name)
            and node_text(head) == node_text(callee)
            and all(isinstance(ungroup(a), A.Name) for a in arguments)):
        return None
    return node_text(head)


def _defined_head(text: str) -> A.Name | tuple[str, tuple[A.Name, ...]] | None:
    """What a definition that could not be read was to define, read from its left side
    alone: a name, or a function's (name, parameters); None when that side does not say."""
    try:
        chain = split_chain(text)
        if len(chain.sides) < 2 or chain.relations[0] not in DEFINING:
            return None
        head = parse_side(chain.sides[0].text)
    except NotationError:
        return None
    return head if isinstance(head, A.Name) else function_signature(head)


def _value_at_a_point(text: str) -> str | None:
    """`f(\\mathbf{x}_p) = 0`: a function of named points (each a name with an index or
    mark) set equal to a printed number: its value there, not a definition of f. The
    function's name, or None."""
    sides = _equation_sides(text)
    if sides is None:
        return None
    signature = function_signature(sides[0])
    body = sides[1]
    return signature[0] if signature is not None and is_printed_number(body) and all(
        parameter.sub or parameter.sup or parameter.suffix for parameter in signature[1]) \
        else None


def stated_fact(text: str) -> Fact | None:
    """An identity between expressions, `y^T y = \\sum_i y_i^2` (every side read, every
    relation `=`); None for any other text."""
    try:
        chain = split_chain(text)
        sides = [parse_side(side.text) for side in chain.sides]
    except NotationError:
        return None
    if len(sides) < 2 or any(relation != "=" for relation in chain.relations) or any(
            isinstance(n, A.Partial | A.Differential) for side in sides for n in walk(side)):
        return None             # a relation of derivatives: the definitions decide them
    names = [n for side in sides for n in walk(side) if isinstance(n, A.Name)]
    sums = [n for side in sides for n in walk(side) if isinstance(n, A.SumOver)]
    bounds = {node_text(bound) for n in sums for bound in (n.lower, n.upper) if bound is not None}
    indices = {n.index for n in sums}
    # the i of e_i^T e_i = 1: an index, which the identity holds for, not a name it relates
    scripted = {node_text(x) for n in names for s in (*n.sub, *n.sup) for x in walk(s)
                if isinstance(x, A.Name)}
    return Fact(text, frozenset(key for n in names if (key := name_key(n)) is not None),
                tuple(n for n in names if node_text(n) not in bounds and n.base not in indices
                      and node_text(n) not in scripted))


def _gated_bases(definitions: list[Definition]) -> set[str]:
    """Γ of Γ_f and Γ_o: the bases the definitions label with two gate letters or more (an
    LSTM's), one of them no index letter, with no numbered members and never summed over
    (s_o beside \\sum_k s_k, word2vec's scores, is no gate)."""
    labels: dict[str, set[str]] = {}
    numbered: set[str] = set()      # x of x_1: a family indexed by numbers
    for n in (n for d in definitions for n in (d.name, *walk(d.written or d.body))):
        if not isinstance(n, A.Name):
            continue
        if not n.sub and n.suffix in GATE_LETTERS and n.suffix not in INDEX_LETTERS:
            labels.setdefault(n.base, set()).add(n.suffix)
        elif len(n.sub) == 1 and isinstance(n.sub[0], A.Name) and n.sub[0].base in GATE_LETTERS:
            labels.setdefault(n.base, set()).add(n.sub[0].base)
        elif any(isinstance(i, A.Num) for i in n.sub):
            numbered.add(n.base)
    summed = {n.base for d in definitions for total in walk(d.written or d.body)
              if isinstance(total, A.SumOver) for n in walk(total.body)
              if isinstance(n, A.Name) and any(
                  isinstance(i, A.Name) and i.base == total.index for i in n.sub)}
    return {base for base, letters in labels.items() if len(letters) >= 2
            and letters - INDEX_LETTERS and base not in numbered | summed}


def _letters_of(node: A.Node) -> set[str]:
    return {n.base for n in walk(node) if isinstance(n, A.Name) and len(n.base) == 1}


def _member_indices(name: A.Name, symbol: sympy.Symbol) -> dict[str, int] | None:
    """The numbers a member sets the letters of a family's name to (`w_{ij}` and
    `w_{1,2}`: i = 1, j = 2), or None when the member is not the family's."""
    family = name_key(dataclasses.replace(name, sub=()))
    numbers = symbol.name[len(family):]
    if not name.sub or not numbers.startswith("_{") or not numbers.endswith("}"):
        return {} if not name.sub and symbol.name == family else None
    values = numbers[2:-1].split(",")
    if len(values) != len(name.sub) or not all(v.isdigit() for v in values):
        return None
    return {letter.base: int(v) for letter, v in zip(name.sub, values, strict=True)}


def _gradient_head(chain) -> A.Partial | None:
    """The first side of a defining chain when it is ∂A/∂B of two names."""
    if len(chain.sides) < 2 or chain.relations[0] not in DEFINING:
        return None
    head = parse_side(chain.sides[0].text)
    if isinstance(head, A.Partial) and isinstance(head.numerator, A.Name) \
            and isinstance(head.wrt, A.Name) and head.order == 1:
        return head
    return None


def is_printed_literal(text: str) -> bool:
    """Whether a side is one printed number (`0.75136507`, `3.49 \\times 10^{-2}`)."""
    from symbolic.numbers import is_printed_number

    try:
        return is_printed_number(parse_side(text))
    except NotationError:
        return False


def case_assumption(text: str, context: Context | None = None) -> tuple[str, str, str] | None:
    """`i = k`, `i \\neq k`, `i \\neq 0`: a block relating two index letters, or an index
    letter and a whole number, states a case (or None); so does `\\forall j \\neq i`."""
    try:
        stated = text.strip()
        if stated.startswith("(") and stated.endswith(")"):    # (\forall j \neq i)
            stated = stated[1:-1]
        chain = split_chain(_CONDITION_WORDS.sub("", stated, count=1))
    except NotationError:
        return None
    if len(chain.sides) != 2 or chain.relations[0] not in ("=", r"\neq"):
        return None
    letters = []
    for side in chain.sides:
        try:
            node = parse_side(side.text) if side.text else None
        except NotationError:
            return None
        if isinstance(node, A.Name) and node.base in LABEL_LETTERS - INDEX_LETTERS \
                and len(node.sub) == 1 and isinstance(node.sub[0], A.Name) \
                and node.sub[0].base in INDEX_LETTERS and not node.sup and not node.primes \
                and (context is None or not context.is_value(node.base)):
            letters.append(node.base)     # j \neq y_i: the class label of sample i
            continue
        if isinstance(node, A.Num) and node.text.isdigit() and letters \
                and chain.relations[0] == r"\neq" and letters[0] not in LABEL_LETTERS:
            letters.append(node.text)     # i \neq 0: the index is never 0
            continue
        if not (isinstance(node, A.Name) and not node.sub and not node.sup and not node.primes
                and not node.suffix and _is_index_letter(node.base, context)):
            return None
        letters.append(node.base)
    if letters[0] == letters[1]:
        return None
    return letters[0], "=" if chain.relations[0] == "=" else r"\neq", letters[1]


def _consecutive_values(text: str) -> bool:
    """Whether text lists whole numbers counting up by one (`1,2`, `0, 1, 2`), as an index's
    values are written; `0,5` is a decimal comma's number."""
    values = re.fullmatch(r"\s*\d+\s*(?:,\s*\d+\s*)+[.,]?\s*", text)
    numbers = [int(v) for v in re.findall(r"\d+", text)] if values else []
    return len(numbers) > 1 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


def index_range(text: str, context: Context | None = None) -> str | None:
    """`c = 1 \\ldots C`, `i = 1, \\dots, n`, `k=1,...,K`: the range an index letter runs
    over, which defines nothing. The letter, or None when `text` is no such statement."""
    stated = _CONDITION_WORDS.sub("", text, count=1).strip()
    if stated.startswith("(") and stated.endswith(")"):
        stated = stated[1:-1]          # (i = 1, 2, \ldots, n), as printed after \quad
    left, equals, right = stated.partition("=")
    marks = "|".join(re.escape(mark) for mark in (*ELISIONS, "..."))
    if not equals or not re.fullmatch(
            rf"\s*\w+\s*(?:,\s*\w+\s*)*(?:,|\\,|\s|~)*(?:{marks})(?:,|\\,|\s|~)*"
            rf"[\w{{}}\\]+\s*[.,]?\s*", right) \
            and not _consecutive_values(right):           # i = 1,2 (k = 0,5: a decimal)
        return None
    try:
        node = parse_side(left)
    except NotationError:
        return None
    if isinstance(node, A.Name) and not node.sub and not node.sup \
            and _is_index_letter(node.base, context):
        return node.base
    return None


def _is_index_letter(letter: str, context: Context | None) -> bool:
    if context is not None and context.kind(letter) == "index":
        return True
    if context is not None and context.kind(letter) is not None:
        return False
    return letter in INDEX_LETTERS and (context is None or not context.is_value(letter))


def _family_member(name: str, parameters: tuple[A.Name, ...]) -> A.Name | None:
    """`y_{i}` of `y_i(x) = …` when its subscripts are all index letters and its parameters
    plain names: then y_i alone names a value of the family, as a definition over i does."""
    try:
        node = parse_side(name)
    except NotationError:
        return None
    if not (isinstance(node, A.Name) and node.sub and not node.sup and all(
            isinstance(s, A.Name) and not s.sub and not s.sup and s.base in INDEX_LETTERS
            for s in node.sub)):
        return None
    if not all(isinstance(p, A.Name) and not p.sub and not p.sup for p in parameters):
        return None
    return node


# the words that open a side condition: `for~i=1,..., C`, `{\rm if}~i=j`, `\text{where } …`
_CONDITION_WORDS = re.compile(
    r"^\s*(?:\{\\(?:rm|textrm|text)\s*(?:if|for|where|when)\s*\}|\\(?:text|textrm|mbox)"
    r"\{\s*(?:if|for|where|when)\s*\}|(?:if|for|where|when)(?![A-Za-z])|\\forall)"
    r"(?:\s|~|\\[,;:! ]|\\quad|\\qquad)*")


def has_layer(name: A.Name) -> bool:
    """Whether a name carries a layer (or step) superscript: `z^{(l)}`, not the mark of
    another value (`x^\\star`, `w^*`, `\\theta^+`)."""
    return any(not (isinstance(s, A.Name) and s.base in UPDATE_MARKS) for s in name.sup)


def code_name(node: A.Node) -> A.Name | None:
    """`w1` of `w1 = 0.1` (a notebook's code): a letter and the digits right after it, on the
    left of a definition, are the name w_1."""
    if not (isinstance(node, A.BinOp) and node.op == "juxt" and isinstance(node.left, A.Name)
            and isinstance(node.right, A.Num) and node.right.text.isdigit()):
        return None
    name = node.left
    if len(name.base) != 1 or name.sub or name.sup or name.primes or name.suffix \
            or node.right.pos != name.pos + 1:
        return None
    return A.Name(name.base, (node.right,), (), "", 0, name.pos)


# `0 < k < 1`, `k \in (0, 1)`: a number in (0, 1); `k > 0`: a positive number
_IN_UNIT = re.compile(r"^\s*0\s*<\s*([A-Za-z](?:_\{?\w+\}?)?|\\[a-z]+)\s*<\s*1\s*$|"
                      r"^\s*([A-Za-z](?:_\{?\w+\}?)?|\\[a-z]+)\s*\\in\s*\(\s*0\s*,\s*1\s*\)\s*$")
_POSITIVE = re.compile(r"^\s*([A-Za-z](?:_\{?\w+\}?)?|\\[a-z]+)\s*>\s*0\s*$")
_BINARY = re.compile(r"^\s*([A-Za-z](?:_\{?\w+\}?)?(?:\^\{?\(\w\)\}?)?)\s*\\in\s*"
                     r"\\\{\s*0\s*,\s*1\s*\\\}\s*$")


def _quantified_name(text: str) -> str | None:
    """The name of `\\forall i` and of `\\forall x \\neq 0`: a name alone, free in what
    follows, or a name said not to be 0, which no sample of a free name is; None for any
    other text."""
    try:
        chain = split_chain(text)
        sides = [parse_side(side.text) for side in chain.sides]
    except NotationError:
        return None
    if not isinstance(sides[0], A.Name) or chain.relations not in ((), (NOT_EQUAL,)) \
            or chain.relations and not (isinstance(sides[1], A.Num) and sides[1].text == "0"):
        return None
    return name_key(sides[0])


def _inequality(text: str) -> tuple[A.Node, int, A.Node] | None:
    """`1 - y(w^T x + b) > 0`, `z \\leq 0`: (left, sign, right) of one inequality between
    expressions, sign 1 for > and ≥, -1 for < and ≤; None for any other text."""
    try:
        chain = split_chain(text)
        if len(chain.relations) != 1 or chain.relations[0] not in INEQUALITY_SIGNS:
            return None
        left, right = (parse_side(side.text) for side in chain.sides)
    except NotationError:
        return None
    return left, INEQUALITY_SIGNS[chain.relations[0]], right


def _dependence_only(text: str) -> bool:
    """`L = L(y_{11}, y_{12}, y_{21}, y_{22})`: a name set equal to itself applied to names,
    as texts say what a quantity depends on (a function nothing defines): no definition."""
    try:
        chain = split_chain(text)
        if len(chain.sides) != 2 or chain.relations[0] != "=":
            return False
        name, call = parse_side(chain.sides[0].text), parse_side(chain.sides[1].text)
    except NotationError:
        return False
    return isinstance(name, A.Name) and isinstance(call, A.BinOp) and call.op == "apply" \
        and isinstance(call.left, A.Name) and name_key(call.left) == name_key(name) \
        and all(isinstance(ungroup(a), A.Name) for a in call_arguments(call.right))


def _functions_of_functions(text: str) -> list[tuple[A.Name, A.Node]] | None:
    """`h(f(s, t), g(s, t))`, no relation: a function of functions of names, as texts set
    up the chain rule of several variables. Each inner call names its quantity (f is f(s,
    t), any function of s and t); the outer one says only what h depends on (as `L = L(y)`
    does). The inner (name, call) pairs, or None for any other statement."""
    if has_relation(text):
        return None
    try:
        tree = parse_side(text)
    except NotationError:
        return None
    if not _applied_to_names(tree, nested=True):
        return None
    inner = [ungroup(a) for a in call_arguments(tree.right)]
    if not all(isinstance(a, A.BinOp) for a in inner) \
            or any(known_function(a.left.base) is not None for a in inner):
        return None     # J(p(w), w): J also of w itself; L(\sigma(z), y): σ is known
    calls = [(a.left, a) for a in inner]
    names = [name_key(n) for n, _ in calls]
    if len(set(names)) != len(names) or name_key(tree.left) in names:
        return None
    # h itself is any function of f and g, so that ∂h/∂f varies with them (second
    # derivatives keep h_ff, h_fg, h_gg)
    outer = A.BinOp("apply", tree.left, A.Group(A.MatrixLiteral(
        ((*(n for n, _ in calls),),), tree.pos, listed=True), tree.pos), tree.pos)
    return [*calls, (tree.left, outer)]


def _applied_to_names(node: A.Node, nested: bool = False) -> bool:
    """Whether `node` is a plain letter applied to names (`f(s, t)`), or with `nested`, to
    names and such calls."""
    if not (isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name)
            and not node.left.sub and not node.left.sup):
        return False
    arguments = [ungroup(a) for a in call_arguments(node.right)]
    return all(isinstance(a, A.Name) or nested and _applied_to_names(a) for a in arguments)


def _signature_only(text: str) -> bool:
    """`\\phi_\\tau: \\mathbb{R}^N \\to \\Delta^{N-1}`: a name, a colon, and spaces joined
    by an arrow, with no `\\mapsto`: where a function maps, which defines nothing."""
    if len(_command_split(text, MAPS_TO)) != 1 or ":" not in text:
        return False
    head, spaces = (part.strip() for part in text.split(":", 1))
    if len(_command_split(spaces, ARROW)) != 2:
        return False
    try:
        return isinstance(parse_side(head), A.Name)
    except NotationError:
        return False


def maps_to(text: str) -> tuple[str, str | None] | None:
    """`f(x): \\mathbb{R}^{N} \\ni x \\mapsto a^T x \\in \\mathbb{R}`, `f: \\mathbb{R}^n \\to
    \\mathbb{R}, x \\mapsto …`, `f: x \\mapsto …`: a function defined by where it sends its
    variable. The definition as `f(x) = …`, and the variable's membership (`x \\in
    \\mathbb{R}^{N}`) when the domain is written; None for any other text."""
    parts = _command_split(text, MAPS_TO)
    colon = ":" if ":" in parts[0] else "="     # `- f: x \mapsto …` in YAML: f = x \mapsto …
    if len(parts) != 2 or colon not in parts[0]:
        return None
    head, domain = (part.strip() for part in parts[0].split(colon, 1))
    body = _without_codomain(parts[1].strip())
    space = None
    if len(element := _command_split(domain, DOMAIN_ELEMENT)) == 2:     # \mathbb{R}^N \ni x
        space, variable = (part.strip() for part in element)
    elif len(_command_split(domain, ARROW)) == 2 and "," in domain:   # ℝ^n \to ℝ, x
        arrow, variable = (part.strip() for part in domain.rsplit(",", 1))
        space = _command_split(arrow, ARROW)[0].strip()
    else:
        variable = domain
    try:
        named, sent = parse_side(head), parse_side(variable)
    except NotationError:
        return None
    if not body or not isinstance(sent, A.Name) or not (
            isinstance(named, A.Name) and not named.sub or function_signature(named)):
        return None         # d[x \mapsto dσ(x) h](x): no function defined so
    definition = f"{head} = {body}" if "(" in head else f"{head}({variable}) = {body}"
    membership = f"{variable} {MEMBERSHIP} {space}" if space else None
    return definition, membership if membership and real_membership(membership) else None


def _command_split(text: str, command: str) -> list[str]:
    """`text` split at a command (`\\in`, never the start of `\\infty`)."""
    return re.split(re.escape(command) + r"(?![A-Za-z])", text)


def _without_codomain(body: str) -> str:
    """`a^T x \\in \\mathbb{R}`: the body without the space it lies in."""
    pieces = _command_split(body, MEMBERSHIP)
    if len(pieces) == 2 and real_membership(f"y {MEMBERSHIP} {pieces[1]}") is not None:
        return pieces[0].strip()
    return body


def _size_spelled(size: A.Name) -> str:
    """A size's name as `shapes:` spell it: `d_k` (a one-letter subscript unbraced), `n`."""
    sub = node_text(size.sub[0]) if size.sub else ""
    return size.base + (f"_{sub}" if len(sub) == 1 else f"_{{{sub}}}" if sub else "")


def real_membership(text: str) -> list[tuple[str, list]] | None:
    """`A, B \\in \\mathbb{R}^{m \\times n}`: the names and the shape each has (m × n; n × 1
    for ℝ^n; none for ℝ, a number). None for any other text, and for sizes that are
    neither whole numbers nor plain names."""
    try:
        chain = split_chain(text)
        if chain.relations != (MEMBERSHIP,):
            return None
        space = parse_side(chain.sides[1].text)
        names = [parse_side(piece) for piece in _top_level_pieces(chain.sides[0].text)]
    except NotationError:
        return None
    # W^Q, W^K \in \mathbb{R}^{d_k \times d}: matrices labelled by a superscript
    names = [layered_name(n) if isinstance(n, A.Power) and isinstance(n.exponent, A.Name)
             and n.exponent.base.isupper() else n for n in names]
    exponent = space.exponent if isinstance(space, A.Power) else None
    field_ = space.base if isinstance(space, A.Power) else space
    if not (isinstance(field_, A.Name) and field_.base in REAL_FIELDS and not field_.sub
            and not field_.sup) or not names \
            or not all(isinstance(n, A.Name) for n in names):
        return None
    if exponent is None:
        dims: list = []
    else:
        sizes = [exponent.left, exponent.right] if isinstance(exponent, A.BinOp) \
            and exponent.op == "times" else [exponent, A.Num("1")]
        if not all(isinstance(d, A.Num) and d.text.isdigit()
                   or isinstance(d, A.Name) and not (d.sup or d.primes or d.suffix)
                   and len(d.sub) <= 1     # d_k, d_v: a size named by its role
                   for d in sizes):
            return None
        dims = [int(d.text) if isinstance(d, A.Num) else _size_spelled(d) for d in sizes]
    if any(free_index_letters(n) for n in names):
        return None               # W_i \in \mathbb{R}^{…}: a family, its members' sizes vary
    return [(node_text(n), dims) for n in names]


def _top_level_pieces(text: str) -> list[str]:
    """`A, B^{(1)}` -> [`A`, `B^{(1)}`]: the pieces between commas outside brackets."""
    pieces, depth, start = [], 0, 0
    for k, char in enumerate(text):
        depth += (char in "({[") - (char in ")}]")
        if char == "," and depth == 0:
            pieces.append(text[start:k])
            start = k + 1
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


# the distribution's name before its parameters: \text{Bern}(, \mathcal{N}(, Poisson(
_DISTRIBUTION = re.compile(r"\s*(?:\\(?:text|operatorname|mathrm|mathcal|mathbb|rm)\s*)?\{?\s*"
                           r"([A-Za-z]+)\s*\}?\s*(?:\\left)?\s*\(")


def _bounded_name(text: str) -> tuple[str, str] | None:
    """(name, kind) for a side condition that bounds one name: `0 < k < 1` (a probability's
    range), `k > 0` (positive), `y \\in \\{0, 1\\}` (binary); None for any other text."""
    if (found := _IN_UNIT.match(text)) is not None:
        return found.group(1) or found.group(2), "probability"
    if (found := _POSITIVE.match(text)) is not None:
        return found.group(1), "positive"
    if (found := _BINARY.match(text)) is not None:          # y \in \{0, 1\}: a label
        return found.group(1), "binary"
    return None


def _holds_any(body: A.Node, parameters) -> bool:
    """Whether a function's body writes any of its parameters."""
    keys = {name_key(p) for p in parameters if isinstance(p, A.Name)}
    return any(isinstance(n, A.Name) and name_key(n) in keys for n in walk(body))


def opens_with_condition(text: str) -> bool:
    """Whether a statement opens with the words of a side condition (`\\forall j = 1, …`,
    `for i \\neq j`): it qualifies the statements beside it and claims nothing."""
    return _CONDITION_WORDS.sub("", text, count=1) != text


def side_constraint(text: str) -> tuple[str, str] | None:
    """(name, kind) for a constraint on a name: `B = B^T` (symmetric), `\\sum_k y_k = 1` (a
    distribution); None for any other text."""
    sides = _equation_sides(text)
    if sides is None:
        return None
    if (matrix := _symmetric(*sides)) is not None:
        return matrix, "symmetric"
    if (spread := _sums_to_one(*sides)) is not None:
        return spread, "distribution"
    return None


def _moment_stated(text: str) -> Fact | None:
    """`\\mathbb{E}[g_i] = \\mu`, `\\mathbb{E}[(x - \\mu_0)^2] = \\sigma_0^2`: a given that
    sets an expectation equal to something, as a `Fact`; None for any other text."""
    try:
        sides = [parse_side(side.text) for side in split_chain(text).sides]
    except NotationError:
        return None
    if not any(isinstance(n, A.Expectation) for side in sides for n in walk(side)):
        return None
    return stated_fact(text)


def _additive_terms(node: A.Node) -> list[tuple[bool, A.Node]]:
    """The terms a formula adds, each with whether it is subtracted: `a x - b + c` is
    [(False, a x), (True, b), (False, c)]."""
    if isinstance(node, A.BinOp) and node.op in ("+", "-"):
        right = _additive_terms(node.right)
        if node.op == "-":
            right = [(not minus, term) for minus, term in right]
        return [*_additive_terms(node.left), *right]
    if isinstance(node, A.Neg):
        return [(not minus, term) for minus, term in _additive_terms(node.operand)]
    return [(False, node)]


def _equation_sides(text: str) -> tuple[A.Node, A.Node] | None:
    """The two sides of `a = b`, read (None for any other text)."""
    try:
        chain = split_chain(text)
        if len(chain.sides) != 2 or chain.relations[0] != "=":
            return None
        return parse_side(chain.sides[0].text), parse_side(chain.sides[1].text)
    except NotationError:
        return None


def _listing(text: str) -> tuple[str, frozenset[str]] | None:
    """(the name, the letters its entries are written with) of `X = (x_1, x_2, \\cdots,
    x_n)^T`, a name set equal to a list in parentheses or brackets, with an elision, maybe
    transposed; None for any other text."""
    try:
        chain = split_chain(text)
        head = parse_side(chain.sides[0].text) if len(chain.sides) == 2 else None
    except NotationError:
        return None
    body = chain.sides[1].text.strip() if head is not None else ""
    listed = _LISTING.fullmatch(body)
    if not isinstance(head, A.Name) or listed is None \
            or not any(e in listed.group(1) for e in ELISIONS):
        return None
    letters = set()
    for piece in listed.group(1).split(","):
        try:
            letters |= {n.base for n in walk(parse_side(piece)) if isinstance(n, A.Name)}
        except NotationError:
            continue
    return name_key(head), frozenset(letters)


# a list in parentheses or brackets, maybe transposed: `(x_1, \cdots, x_n)^T`
_LISTING = re.compile(r"(?:\\left\s*)?[(\[](.*,.*)(?:\\right\s*)?[)\]]\s*"
                      r"(?:\^\s*\{?\s*(?:T|\\top|\\intercal)\s*\}?)?")


def _sums_to_one(total: A.Node, one: A.Node) -> str | None:
    """`\\sum_k y_k = 1`: the name of a vector whose entries sum to 1 (None otherwise)."""
    if not (isinstance(one, A.Num) and one.text == "1" and isinstance(total, A.SumOver)
            and total.index and total.lower is None and total.upper is None):
        return None
    entry = total.body
    # `\sum_k Y_{ik} = 1`: each row i of Y sums to 1 (drawn row by row)
    rows = len(entry.sub) == 2 and isinstance(entry.sub[0], A.Name) \
        and len(entry.sub[0].base) == 1 and node_text(entry.sub[0]) != total.index \
        if isinstance(entry, A.Name) else False
    if not (isinstance(entry, A.Name) and (len(entry.sub) == 1 or rows) and not entry.sup
            and node_text(entry.sub[-1]) == total.index):
        return None
    return canonical(entry.base, (), (), entry.suffix, 0)


def _unwritten_sum_over_own_index(name: A.Node, body: A.Node) -> str | None:
    """`net_k = ∑ w_hk · o_h`: a sum with no index written, in the definition of an entry,
    which its terms' letters made a sum over the entry's own index (k, the only index letter
    among k and h). The sum cannot run over k, which the definition fixes; over h it reads
    o_h's label as an index. The letter (k), or None when no such sum stands in the body."""
    own = {s.base for s in name.sub if isinstance(s, A.Name) and not s.sub and not s.sup} \
        if isinstance(name, A.Name) else set()
    for total in (n for n in walk(body) if isinstance(n, A.SumOver)
                  and n.unwritten and n.index in own):
        letters = _subscript_letters_free(total.body)
        if letters & own and letters - own:
            return sorted(letters & own)[0]
    return None


def _a_name(text: str) -> bool:
    """Whether a convention's key spells a name (`g`, `\\zeta`, `f_3`)."""
    try:
        return isinstance(parse_side(text), A.Name)
    except NotationError:
        return False


def _subscript_letters_free(node: A.Node) -> set[str]:
    """The single letters in a tree's subscripts, but those of the sums inside it."""
    if isinstance(node, A.SumOver):
        return _subscript_letters_free(node.body) - {node.index}
    found = {s.base for s in node.sub if isinstance(s, A.Name) and not s.sub and not s.sup
             and len(s.base) == 1} if isinstance(node, A.Name) else set()
    for child in A.children(node):
        found |= _subscript_letters_free(child)
    return found


def _coefficient_named(named: A.Node, written: A.Node) -> tuple[A.Name, A.Node] | None:
    """`α w` set equal to `\\frac{w^T x}{w^T w} w`: the same factors after a first one, a
    bare lowercase name on the left and a ratio (a number, whatever the factors after it) on
    the right: (that name, the ratio); None otherwise (`β x = W x` names no number)."""
    left, right = factors(named), factors(written)
    if len(left) < 2 or len(left) != len(right) \
            or [node_text(f) for f in left[1:]] != [node_text(f) for f in right[1:]]:
        return None
    name, ratio = left[0], ungroup(right[0])
    if not (isinstance(name, A.Name) and not name.sub and not name.sup and not name.bold
            and not is_capital(name)) \
            or not (isinstance(ratio, A.Num) or isinstance(ratio, A.BinOp) and ratio.op == "/"):
        return None
    return name, right[0]


def defining_link(chain, k: int) -> tuple[A.Node, A.Node] | None:
    """The two sides of link k of a chain, read, when the link defines (`=`, `:=`, …)."""
    if chain.relations[k] not in DEFINING or not chain.sides[k].text:
        return None
    try:
        return parse_side(chain.sides[k].text), parse_side(chain.sides[k + 1].text)
    except NotationError:
        return None


def _symmetric(left: A.Node, right: A.Node) -> str | None:
    """`B = B^T`, `P^\\top = P`: the name of a matrix said to be symmetric (None otherwise)."""
    for plain, transposed in ((left, right), (right, left)):
        if isinstance(plain, A.Name) and isinstance(transposed, A.Transpose) \
                and isinstance(transposed.operand, A.Name) \
                and node_text(transposed.operand) == node_text(plain):
            return name_key(plain)
    return None
