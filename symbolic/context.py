"""The symbol table a claim is checked against.

Definitions (`z = w x + b`), symbol kinds and domains, shapes, conventions and numeric
bindings. It answers `∂A/∂B` the way DESIGN.md says: follow A's definitions until B
appears, hold B as a variable, differentiate; a name used but never defined is any
differentiable function, and its gradient is a quantity of its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import sympy

from symbolic import limits
from symbolic.errors import ParseError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import Builder, Instance, free_index_letters, vector_names
from symbolic.notation.names import Var, canonical
from symbolic.notation.parser import INDEX_LETTERS

KNOWN_CONVENTIONS = {
    "log": {"natural", "e", "10", "2"},
    "sigma": {"logistic", "symbol"},
    "layout": {"denominator", "numerator"},
    "superscripts": {"index", "power"},
    "symbols": None,
}
CONDITIONAL_BAR = r" \mid "      # in the name a conditional probability is read as
SIZE_KINDS = {"positive", "constant"}   # kinds a name that bounds a sum may have
KINDS = {"one-hot", "binary", "sign", "probability", "positive", "index", "constant",
         "vector", "matrix", "function", "real"}


@dataclass
class Definition:
    name: A.Name
    body: A.Node
    source: str

    @property
    def key(self) -> str:
        return canonical(self.name.base, (), (), self.name.suffix, self.name.primes)


@dataclass
class FunctionDefinition:
    """A function of its parameters: `\\operatorname{CE}(y, p) = -\\sum_j y_j \\log p_j`."""

    name: str                       # the function as called: "CE", "f", "g_{1}"
    parameters: tuple[A.Name, ...]
    body: A.Node
    source: str

    def applied_to(self, arguments: tuple[A.Node, ...], where: str = "") -> A.Node:
        """The body with each parameter replaced by its argument (all at once)."""
        if len(arguments) != len(self.parameters):
            raise ParseError(f"{self.name} takes {len(self.parameters)} argument(s) "
                             f"but is given {len(arguments)}", where, None,
                             f"Call it as in its definition: {self.source}")
        mapping = dict(zip(self.parameters, arguments, strict=True))
        return substitute_names(self.body, mapping, where)


def substitute_names(node: A.Node, mapping: dict[A.Name, A.Node], where: str = "") -> A.Node:
    """Replace each parameter name by an argument in a tree; `y_j` of an argument `t` is `t_j`.

    A summation index that shadows a parameter is left alone inside its sum.
    """
    if isinstance(node, A.Name):
        return _substitute_name(node, mapping, where)
    if isinstance(node, A.SumOver) and node.index is not None:
        inner = {p: a for p, a in mapping.items() if p.base != node.index or p.sub or p.sup}
        body = substitute_names(node.body, inner, where)
        lower = substitute_names(node.lower, mapping, where) if node.lower is not None else None
        upper = substitute_names(node.upper, mapping, where) if node.upper is not None else None
        return dataclasses.replace(node, body=body, lower=lower, upper=upper)
    changes = {}
    for item in dataclasses.fields(node):
        value = getattr(node, item.name)
        if isinstance(value, A.Node):
            changes[item.name] = substitute_names(value, mapping, where)
        elif isinstance(value, tuple) and value:
            changes[item.name] = tuple(
                tuple(substitute_names(x, mapping, where) for x in v) if isinstance(v, tuple)
                else substitute_names(v, mapping, where) if isinstance(v, A.Node) else v
                for v in value)
    return dataclasses.replace(node, **changes) if changes else node


def _substitute_name(name: A.Name, mapping: dict[A.Name, A.Node], where: str) -> A.Node:
    for parameter, argument in mapping.items():
        if (name.base, name.sup, name.suffix, name.primes) != (
                parameter.base, parameter.sup, parameter.suffix, parameter.primes):
            continue
        if name.sub == parameter.sub:
            return argument if isinstance(argument, A.Name) else A.Group(argument, name.pos)
        if parameter.sub:
            continue
        # an entry of the parameter, y_j: the same entry of the argument
        if isinstance(argument, A.Name) and not argument.sub:
            return dataclasses.replace(argument, sub=name.sub, pos=name.pos)
        raise ParseError(f"cannot take entry {name.base}_{{…}} of the argument given for "
                         f"{parameter.base}", where, None,
                         "Pass a name (a vector) for a parameter the definition indexes.")
    return name


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

    def __post_init__(self) -> None:
        self.conventions = dict(self.conventions or {})
        self._check_conventions()
        self._instances: dict[tuple, dict] = {}
        self._unreadable: dict[tuple, dict] = {}   # per instance: name -> why its body failed

    # -- construction --------------------------------------------------------------
    @classmethod
    def from_given(cls, given=(), shapes=None, conventions=None, values=None) -> Context:
        ctx = cls(shapes={}, conventions=conventions or {})
        for name, dims in (shapes or {}).items():
            ctx.add_shape(name, dims)
        for text in given:
            ctx.define_given(text)
        for name, value in (values or {}).items():
            ctx.bind_latex(name, value)
        return ctx

    def copy(self) -> Context:
        new = Context(list(self.definitions), dict(self.shapes), dict(self.conventions),
                      dict(self.values), list(self.warnings), dict(self.functions),
                      list(self.given), list(self.cases), dict(self.gradient_values),
                      self.use_gradient_values)
        return new

    def add_shape(self, name: str, dims) -> None:
        node = parse_side(name)
        if not isinstance(node, A.Name):
            raise ParseError(f"a shape must be given for a name, not '{name}'", name, 0)
        key = canonical(node.base, tuple(_int(s) for s in node.sup),
                        tuple(_int(s) for s in node.sub), node.suffix, node.primes)
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
        self._instances.clear()
        self._unreadable.clear()

    def define_latex(self, text: str) -> Definition | FunctionDefinition:
        """`z = w x + b` defines a name; `\\operatorname{CE}(y, p) = …` or `g(u) = …` a function."""
        chain = split_chain(text)
        if len(chain.sides) < 2 or chain.relations[0] not in ("=", ":="):
            raise ParseError("a definition must read 'name = expression'", text, 0,
                             "Write it as z = w x + b.")
        lhs = parse_side(chain.sides[0].text)
        body = parse_side(chain.sides[1].text)
        if isinstance(lhs, A.Name):
            return self.define(lhs, body, text)
        signature = function_signature(lhs)
        if signature is None:
            raise ParseError("the left side of a definition must be a single name or a "
                             "function of names", text, 0,
                             "Write it as z = w x + b, or as g(u, v) = u v.")
        name, parameters = signature
        return self.define_function(name, parameters, body, text)

    def define_given(self, text: str) -> Definition | FunctionDefinition:
        """A definition from the front matter's `given`, remembered as given."""
        definition = self.define_latex(text)
        self.given.append(definition.name if isinstance(definition, Definition)
                          else parse_side(split_chain(text).sides[0].text))
        return definition

    def define_function(self, name: str, parameters: tuple[A.Name, ...], body: A.Node,
                        source: str = "") -> FunctionDefinition:
        definition = FunctionDefinition(name, parameters, body, source)
        self.functions[name] = definition
        self._instances.clear()
        self._unreadable.clear()
        return definition

    def is_given(self, head: A.Node) -> bool:
        """Whether `head` restates a left side of `given`: `y_k` for `y_j = …`, `z` for `z = …`.

        An index letter of the given name stands for any index; anything else must match.
        """
        return any(_same_head(head, given) for given in self.given)

    def admits(self, indices: dict[str, int]) -> bool:
        """Whether index values fit the case assumptions in force (`i = k`, `i \\neq k`)."""
        for left, relation, right in self.cases:
            if left in indices and right in indices:
                equal = indices[left] == indices[right]
                if equal != (relation == "="):
                    return False
        return True

    def substituted_numbers(self, lhs: A.Node, rhs: A.Node) -> list[str] | None:
        """Whether one side is the other with quantities replaced by printed numbers, each
        within one unit of its last digit of the exact quantity it replaces (rule 4 of the
        answer keys): `(a - y) a_0 = (0.78 - 1) (0.4)`. Returns the substitutions when every
        one holds, None otherwise (the link is then compared as usual)."""
        for quantity, printed in ((lhs, rhs), (rhs, lhs)):
            if _is_printed_number(printed) or not _has_name(quantity) \
                    or not _has_printed_number(printed):
                continue
            found: list[str] = []
            if _NumberMatcher(self).match(quantity, printed, found, 0) and found:
                return found
        return None

    def number_of(self, node: A.Node):
        """The exact value of a tree in this context when every name in it has one, else None."""
        instance = Instance()
        try:
            value = self.substitute_values(self.expand(self.builder(instance).build(node),
                                                       instance))
        except (ParseError, TypeError, ValueError, AttributeError, RecursionError):
            return None
        if not isinstance(value, sympy.Expr) or value.free_symbols or not value.is_number:
            return None
        return value

    def bind_gradient(self, numerator: str, wrt: str, value: sympy.Expr) -> None:
        """A worked example's `\\nabla_{w} L = … = 20.15`: that gradient now names the number."""
        self.gradient_values[(numerator, wrt)] = value

    def define(self, name: A.Name, body: A.Node, source: str = "") -> Definition:
        definition = Definition(name, body, source)
        self.definitions = [d for d in self.definitions if d.name != name] + [definition]
        self._instances.clear()
        self._unreadable.clear()
        return definition

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
        self._instances.clear()
        self._unreadable.clear()

    def unbind(self, key: str) -> None:
        self.values.pop(key, None)
        self._instances.clear()
        self._unreadable.clear()

    def _check_conventions(self) -> None:
        for key, value in list(self.conventions.items()):
            allowed = KNOWN_CONVENTIONS.get(key, "missing")
            if allowed == "missing":
                self.warnings.append(f"unknown convention '{key}' ignored; known: "
                                     + ", ".join(KNOWN_CONVENTIONS))
            elif allowed is not None and str(value) not in allowed:
                self.warnings.append(f"convention {key}: '{value}' is not one of "
                                     + ", ".join(sorted(allowed)) + "; default used")
                del self.conventions[key]
        for name, kind in dict(self.conventions.get("symbols") or {}).items():
            if kind not in KINDS:
                self.warnings.append(f"symbol kind '{kind}' for {name} is unknown; known: "
                                     + ", ".join(sorted(KINDS)))

    # -- what the builder asks -------------------------------------------------------
    def is_value(self, name: str) -> bool:
        return any(d.key == name or d.name.base == name for d in self.definitions) or \
            name in self.values or name in self.shapes or \
            self.kind(name) not in (None, "function", "index")

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
        for candidate in _name_candidates(name):
            if candidate in symbols:
                return symbols[candidate]
        if CONDITIONAL_BAR in name:
            return "probability"     # p(Y \\mid X), read as a name: a number in (0, 1)
        return None

    def shape_of(self, name: str) -> tuple | None:
        return self.shapes.get(name)

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
        return self.functions.get(key) if key is not None else None

    # -- reading -----------------------------------------------------------------------
    def builder(self, instance: Instance, source: str = "", extra=()) -> Builder:
        vectors = vector_names(*(d.body for d in self.definitions),
                               *(f.body for f in self.functions.values()), *extra)
        return ContextBuilder(self, instance, source, vectors)

    def read(self, latex: str, instance: Instance | None = None):
        """One side of LaTeX as SymPy, in this context (definitions not expanded)."""
        instance = instance or Instance()
        return self.builder(instance, latex).build(parse_side(latex))

    # -- instances -----------------------------------------------------------------------
    def definitions_in(self, instance: Instance) -> dict:
        """Every definition built for this instance: {Var: expression}."""
        key = (tuple(sorted(instance.indices.items())), tuple(sorted(instance.sizes.items())),
               instance.default_size)
        if key in self._instances:
            return self._instances[key]
        defs: dict = {}
        self._instances[key] = defs      # partial() during building sees those so far
        for definition in self.definitions:
            ranges = self.builder(instance).index_ranges(definition.name)
            for idx in _index_assignments(definition, instance, ranges):
                sub_instance = Instance(dict(instance.indices, **idx), instance.sizes,
                                        instance.default_size)
                builder = self.builder(sub_instance, definition.source)
                try:
                    target = builder.build(definition.name)
                except ParseError:
                    break   # a name that cannot be built here (w^{(t+1)}) defines nothing
                try:
                    value = builder.build(definition.body)
                except ParseError as error:
                    # one unreadable definition does not stop the others; a claim that
                    # needs it is unparseable with its reason (see `expand`)
                    for symbol in _symbols_of(target):
                        self._unreadable.setdefault(key, {})[symbol] = error
                    continue
                _assign(defs, target, value, definition)
        return defs

    def expand(self, expr, instance: Instance, keep=frozenset()):
        """Substitute definitions until only base variables (and `keep`) remain."""
        defs = self.definitions_in(instance)
        mapping = {k: v for k, v in defs.items() if k not in keep}
        for step in range(len(mapping) + 2):
            new = expr.xreplace(mapping)
            if new == expr:
                break
            limits.require_definition_chain(step + 1)
            expr = new
        self._check_readable(expr, instance)
        return expr

    def _check_readable(self, expr, instance: Instance) -> None:
        key = (tuple(sorted(instance.indices.items())), tuple(sorted(instance.sizes.items())),
               instance.default_size)
        unreadable = self._unreadable.get(key)
        if unreadable and hasattr(expr, "free_symbols"):
            for symbol in expr.free_symbols & unreadable.keys():
                raise unreadable[symbol]

    def substitute_values(self, expr):
        if not self.values:
            return expr
        mapping = {Var(k): v for k, v in self.values.items()}
        return expr.xreplace(mapping)

    # -- derivatives ---------------------------------------------------------------------
    def partial(self, numerator, wrt, instance: Instance):
        if isinstance(numerator, sympy.MatrixBase) and numerator.shape == (1, 1):
            numerator = numerator[0]
        if isinstance(wrt, sympy.MatrixBase):
            numerator_layout = self.conventions.get("layout") == "numerator"
            if isinstance(numerator, sympy.MatrixBase):
                # Jacobian; denominator layout: entry [i, j] = ∂N_j / ∂W_i
                rows = [[self.partial(n, w, instance) for n in numerator] for w in wrt]
                jacobian = sympy.ImmutableMatrix(rows)
                return jacobian.T if numerator_layout else jacobian
            gradient = wrt.applyfunc(lambda w: self.partial(numerator, w, instance))
            if numerator_layout and 1 in wrt.shape:
                return gradient.reshape(1, len(wrt))   # by a vector, row or column: a row
            return gradient.T if numerator_layout else gradient
        if isinstance(numerator, sympy.MatrixBase):
            return numerator.applyfunc(lambda n: self.partial(n, wrt, instance))
        if not isinstance(wrt, sympy.Symbol):
            raise ParseError(f"cannot differentiate with respect to {sympy.latex(wrt)}: "
                             "it is not a variable", "", None,
                             "Differentiate with respect to a name such as w_1.")
        if self.use_gradient_values and isinstance(numerator, sympy.Symbol):
            named = self.gradient_values.get((numerator.name, wrt.name))
            if named is not None:
                return named
        defs = self.definitions_in(instance)
        if isinstance(numerator, Var) and numerator not in defs and numerator != wrt \
                and not self._used_in_definitions(numerator, instance):
            return self.upstream(numerator, wrt, instance)
        expanded = self.expand(numerator, instance, keep=frozenset({wrt}))
        return sympy.diff(expanded, wrt)

    def _used_in_definitions(self, symbol, instance: Instance) -> bool:
        return any(symbol in value.free_symbols for value in
                   self.definitions_in(instance).values() if hasattr(value, "free_symbols"))

    def upstream(self, numerator: Var, wrt, instance: Instance):
        """∂L/∂B for a name L never defined: L is any function of the graph's outputs."""
        defs = self.definitions_in(instance)
        # a name defined as a gradient of L (δ = ∂L/∂z) is not an output L depends on
        sinks = [s for s in defs if not self._used_in_definitions(s, instance)
                 and not _mentions_gradient_of(numerator, defs[s])]
        reaching = [s for s in sinks if s != wrt and wrt in
                    self.expand(s, instance, keep=frozenset({wrt})).free_symbols]
        if not reaching:
            return gradient_symbol(numerator, wrt)
        total = sympy.Integer(0)
        for sink in reaching:
            local = sympy.diff(self.expand(sink, instance, keep=frozenset({wrt})), wrt)
            total += gradient_symbol(numerator, sink) * local
        return total


class ContextBuilder(Builder):
    """The notation builder, with what only a context knows: the functions it defines."""

    MAX_CALL_DEPTH = 16

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_depth = 0

    def index_value(self, node: A.Node) -> int | str:
        """An index or bound may be a name bound to a whole number: `\\sum_{i=1}^{n}`, n = 4."""
        if isinstance(node, A.Name) and not node.sub and not node.sup and not node.primes \
                and node.base not in self.bound and node.base not in self.instance.indices:
            value = self.scope.values.get(canonical(node.base, (), (), node.suffix))
            if isinstance(value, sympy.Expr) and value.is_Integer:
                return int(value)
        return super().index_value(node)

    def build_Name(self, node: A.Name):
        """`W_{2,k,i}`: entry (k, i) of a declared matrix W_2 (unless W_{2,k,i} has a shape);
        a `positive` m that this claim sums to is the instance's size for m."""
        if not node.sub and not node.sup and not node.primes \
                and node.base not in self.bound and node.base not in self.instance.indices:
            label = canonical(node.base, (), (), node.suffix, 0)
            if label in self.instance.sizes and self.scope.is_size_name(node):
                return sympy.Integer(self.instance.sizes[label])
        if len(node.sub) == 3 and isinstance(node.sub[0], A.Num) and not node.suffix:
            label = int(node.sub[0].text)
            sup = tuple(self.index_value(s) for s in node.sup)
            container = canonical(node.base, sup, (label,), "", node.primes)
            shape = self.scope.shape_of(container)
            whole = canonical(node.base, sup, (label, *node.sub[1:]), "", node.primes)
            if shape is not None and self.scope.shape_of(whole) is None:
                row, col = (self.index_value(s) for s in node.sub[1:])
                matrix = self.matrix_of(container, shape)
                if isinstance(row, int) and isinstance(col, int) and \
                        1 <= row <= matrix.rows and 1 <= col <= matrix.cols:
                    return matrix[row - 1, col - 1]
        return super().build_Name(node)

    def build_Call(self, node: A.Call):
        if node.index is not None and self.is_one_hot_label(node.index):
            return self.entry_at_label(node)
        if node.index is not None and isinstance(self.index_value(node.index), str):
            raise self.fail("an entry is picked by a whole number, an index letter or a "
                            "one-hot label", node.index,
                            "Declare the label one-hot: conventions: {symbols: {y: one-hot}}.")
        definition = self.scope.function_for(node)
        if definition is None:
            return super().build_Call(node)
        value = self.build_defined(definition, node.args, node, node.primes)
        if node.power is not None:
            power = self.build(node.power)
            value = value.applyfunc(lambda e: e**power) if _is_matrix(value) else value**power
        return value

    def build_Partial(self, node: A.Partial):
        """Inside `\\sum_{i=1}^{m}`, a derivative follows the definitions at that i: with
        `\\mathcal{J} = \\frac{1}{m} L^{(i)}`, the term i of `\\sum_i \\partial \\mathcal{J} /
        \\partial W` differentiates sample i's share."""
        summed = {k: v for k, v in self.bound.items() if k in INDEX_LETTERS}
        if not summed or all(self.instance.indices.get(k) == v for k, v in summed.items()):
            return super().build_Partial(node)
        saved = self.instance
        self.instance = Instance(dict(saved.indices, **summed), saved.sizes,
                                 saved.default_size)
        try:
            return super().build_Partial(node)
        finally:
            self.instance = saved

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

    def apply(self, node: A.BinOp):
        definition = self.scope.function_for(node)
        if definition is None or not isinstance(node.right, A.Group):
            return super().apply(node)
        inner = node.right.inner
        arguments = inner.rows[0] if isinstance(inner, A.MatrixLiteral) and len(
            inner.rows) == 1 and len(inner.rows[0]) > 1 else (inner,)
        return self.build_defined(definition, tuple(arguments), node, node.left.primes)

    def build_defined(self, definition: FunctionDefinition, arguments: tuple[A.Node, ...],
                      node: A.Node, primes: int = 0):
        """A call of a defined function: its body with the arguments in place."""
        if primes:
            raise self.fail(f"the derivative {definition.name}' of a defined function is not "
                            "read", node, "Write the derivative out, or as \\frac{d}{du}.")
        if self.call_depth >= self.MAX_CALL_DEPTH:
            raise self.fail(f"{definition.name} is defined in terms of itself", node)
        self.call_depth += 1
        try:
            return self.build(definition.applied_to(arguments, self.source))
        finally:
            self.call_depth -= 1

    def undefined_call(self, name: str, node: A.Call):
        """A function known only by name; of one vector it applies entry by entry (r(V x))."""
        arguments = [self.build(a) for a in node.args]
        if len(arguments) == 1 and _is_matrix(arguments[0]):
            return arguments[0].applyfunc(lambda entry: self.unknown_function(name, [entry], node))
        if any(_is_matrix(a) for a in arguments):
            raise self.fail(f"the function {name} of several arguments is not known to "
                            "derivcheck", node,
                            "Define it in the given definitions, or see docs/notation.md.")
        return self.unknown_function(name, arguments, node)

    def unknown_function(self, name: str, arguments: list, node: A.Call):
        function = sympy.Function(name, real=True)
        if not node.primes:
            return self.decorate(function(*arguments), node)
        u = sympy.Dummy("u", real=True)
        derivative = sympy.diff(function(u), u, node.primes).subs(u, arguments[0])
        return self.decorate(derivative, node)


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
    if not (_is_matrix(square) and _is_matrix(vector)):
        return False
    n = square.rows
    if square.cols != n or n < 2 or 1 not in vector.shape or len(vector) != n:
        return False
    return all(square[r, c] == 0 for r in range(n) for c in range(n) if r != c)


class _NumberMatcher:
    """Walks a side and its printed twin together (products and sums in either order,
    defined names through their definitions); every printed number must be within one
    unit of its last digit of the exact quantity it stands in for."""

    MAX_DEPTH = 6
    COMMUTATIVE = {"+", "*", "times", "cdot", "juxt"}
    PRODUCTS = {"*", "times", "cdot", "juxt"}

    def __init__(self, context: Context):
        self.context = context

    def match(self, quantity: A.Node, printed: A.Node, found: list[str], depth: int) -> bool:
        quantity, printed = _ungroup(quantity), _ungroup(printed)
        if _is_printed_number(printed):
            if _is_printed_number(quantity):
                return node_text(quantity) == node_text(printed)
            return self.stands_for(quantity, printed, found)
        if isinstance(quantity, A.Name) and depth < self.MAX_DEPTH:
            body = self.definition_of(quantity)
            if body is not None and self.match(body, printed, found, depth + 1):
                return True
        return self.same_shape(quantity, printed, found, depth)

    def same_shape(self, quantity: A.Node, printed: A.Node, found: list[str], depth: int) -> bool:
        if isinstance(quantity, A.BinOp) and isinstance(printed, A.BinOp):
            same_op = quantity.op == printed.op or (
                quantity.op in self.PRODUCTS and printed.op in self.PRODUCTS)
            if not same_op or "apply" in (quantity.op, printed.op):
                return False
            orders = [(quantity.left, quantity.right)]
            if quantity.op in self.COMMUTATIVE:
                orders.append((quantity.right, quantity.left))
            for left, right in orders:
                trial: list[str] = []
                if self.match(left, printed.left, trial, depth) and \
                        self.match(right, printed.right, trial, depth):
                    found.extend(trial)
                    return True
            return False
        if type(quantity) is not type(printed):
            return False
        if isinstance(quantity, A.Neg):
            return self.match(quantity.operand, printed.operand, found, depth)
        if isinstance(quantity, A.Power):
            return self.match(quantity.base, printed.base, found, depth) and \
                self.match(quantity.exponent, printed.exponent, found, depth)
        if isinstance(quantity, A.Call):
            if (quantity.name, quantity.primes, len(quantity.args)) != (
                    printed.name, printed.primes, len(printed.args)) or \
                    node_text(quantity.index or A.Num("")) != node_text(printed.index or A.Num("")):
                return False
            return all(self.match(a, b, found, depth)
                       for a, b in zip(quantity.args, printed.args, strict=True))
        if isinstance(quantity, A.Annotated):
            return self.match(quantity.expr, printed.expr, found, depth)
        return node_text(quantity) == node_text(printed)

    def definition_of(self, name: A.Name) -> A.Node | None:
        if self.context.number_of(name) is None:
            return None
        for definition in self.context.definitions:
            if node_text(definition.name) == node_text(name):
                return definition.body
        return None

    def stands_for(self, quantity: A.Node, printed: A.Node, found: list[str]) -> bool:
        exact = self.context.number_of(quantity)
        value, unit = _printed_value(printed)
        if exact is None or value is None:
            return False
        error = abs(sympy.N(exact - value, 30))
        if not (error < unit * (1 - sympy.Rational(1, 10**12))):
            return False
        found.append(f"{node_text(printed)} for {sympy.N(exact, 8)}")
        return True


def _ungroup(node: A.Node) -> A.Node:
    while isinstance(node, A.Group):
        node = node.inner
    return node


def _is_printed_number(node: A.Node) -> bool:
    """0.798, -0.2, 3.49 \\times 10^{-32}: a number as printed, not arithmetic."""
    return _printed_value(node)[0] is not None


def _printed_value(node: A.Node) -> tuple:
    """(value, unit of the last printed digit) of a printed number; (None, None) otherwise."""
    node = _ungroup(node)
    sign = 1
    if isinstance(node, A.Neg):
        sign, node = -1, _ungroup(node.operand)
    if isinstance(node, A.Num):
        decimals = len(node.text.split(".")[1]) if "." in node.text else 0
        return sign * sympy.Rational(node.text), sympy.Rational(1, 10**decimals)
    if isinstance(node, A.BinOp) and node.op in ("times", "cdot") and \
            isinstance(node.left, A.Num) and isinstance(node.right, A.Power) and \
            isinstance(node.right.base, A.Num) and node.right.base.text == "10":
        mantissa, unit = _printed_value(node.left)
        exponent, exponent_unit = _printed_value(node.right.exponent)
        if mantissa is not None and exponent is not None and exponent_unit == 1 \
                and abs(exponent) < 400:
            scale = sympy.Integer(10) ** exponent
            return sign * mantissa * scale, unit * scale
    return None, None


def _has_printed_number(node: A.Node) -> bool:
    return _is_printed_number(node) or any(_has_printed_number(c) for c in _children_of(node))


def _has_name(node: A.Node) -> bool:
    return isinstance(node, A.Name) or any(_has_name(c) for c in _children_of(node))


def _children_of(node: A.Node) -> list[A.Node]:
    out = []
    for item in dataclasses.fields(node):
        value = getattr(node, item.name)
        if isinstance(value, A.Node):
            out.append(value)
        elif isinstance(value, tuple):
            for v in value:
                out.extend(x for x in (v if isinstance(v, tuple) else (v,))
                           if isinstance(x, A.Node))
    return out


def _symbols_of(target) -> list:
    if isinstance(target, sympy.MatrixBase):
        return [e for e in target if isinstance(e, sympy.Symbol)]
    return [target] if isinstance(target, sympy.Symbol) else []


def _is_matrix(value) -> bool:
    return isinstance(value, sympy.MatrixBase)


def function_key(node: A.Node) -> str | None:
    """How a function is named in calls: `CE`, `g`, `Af_{2}` (a label index is part of it)."""
    if isinstance(node, A.Call):
        if node.index is None:
            return node.name
        return f"{node.name}_{{{node_text(node.index)}}}"
    if isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name):
        name = node.left
        sub = tuple(node_text(s) for s in name.sub)
        return canonical(name.base, (), sub, name.suffix, 0)
    return None


def function_signature(head: A.Node) -> tuple[str, tuple[A.Name, ...]] | None:
    """`g(u, v)` or `\\operatorname{CE}(y, \\hat{y})` on the left of `=`: (name, parameters)."""
    key = function_key(head)
    if key is None:
        return None
    if isinstance(head, A.Call):
        if head.primes or head.power is not None or not head.parens:
            return None
        parameters = head.args
    else:
        if head.left.primes or not isinstance(head.right, A.Group):
            return None
        inner = head.right.inner
        parameters = inner.rows[0] if isinstance(inner, A.MatrixLiteral) and len(
            inner.rows) == 1 else (inner,)
    if not parameters or not all(isinstance(p, A.Name) for p in parameters):
        return None
    return key, tuple(parameters)


def node_text(node: A.Node) -> str:
    """A tree as canonical text, positions ignored: for comparing what was written."""
    if isinstance(node, A.Num):
        return node.text
    if isinstance(node, A.Name):
        sup = tuple(node_text(s) for s in node.sup)
        sub = tuple(node_text(s) for s in node.sub)
        return canonical(node.base, sup, sub, node.suffix, node.primes)
    parts = []
    for item in dataclasses.fields(node):
        if item.name == "pos":
            continue
        value = getattr(node, item.name)
        if isinstance(value, A.Node):
            parts.append(node_text(value))
        elif isinstance(value, tuple):
            parts.append("(" + ",".join(node_text(v) if isinstance(v, A.Node) else repr(v)
                                        for v in value) + ")")
        else:
            parts.append(repr(value))
    return f"{type(node).__name__}[{';'.join(parts)}]"


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


def gradient_symbol(numerator: sympy.Symbol, wrt: sympy.Symbol) -> Var:
    """The upstream gradient ∂L/∂y as a quantity of its own."""
    return Var(rf"\frac{{\partial {numerator.name}}}{{\partial {wrt.name}}}")


def _mentions_gradient_of(numerator: sympy.Symbol, value) -> bool:
    prefix = rf"\frac{{\partial {numerator.name}}}{{\partial "
    return any(s.name.startswith(prefix) for s in getattr(value, "free_symbols", ()))


def _assign(defs: dict, target, value, definition: Definition) -> None:
    if isinstance(target, sympy.MatrixBase):
        if not isinstance(value, sympy.MatrixBase):
            value = sympy.ImmutableMatrix(*target.shape, [value] * len(target))
        if value.shape != target.shape and len(value) == len(target):
            value = value.reshape(*target.shape)
        if value.shape != target.shape:
            from symbolic.errors import ShapeError
            raise ShapeError(f"{definition.source}: the left side is {target.rows}×{target.cols} "
                             f"but the right side is {value.rows}×{value.cols}")
        for t, v in zip(target, value, strict=True):
            defs[t] = v
        return
    if isinstance(value, sympy.MatrixBase):
        # a name defined as a vector without a declared shape: define its entries
        for k, v in enumerate(value, start=1):
            defs[Var(f"{target.name}_{{{k}}}")] = v
        defs[target] = value[0] if len(value) == 1 else value
        if len(value) != 1:
            del defs[target]
        return
    defs[target] = value


def _index_assignments(definition: Definition, instance: Instance,
                       ranges: dict[str, int] | None = None) -> list[dict[str, int]]:
    """A definition `h_j = …` with a free index defines h_1 … h_n (`ranges`: n per letter)."""
    letters = sorted(free_index_letters(definition.name))
    if not letters:
        return [{}]
    out = [{}]
    n = instance.size("")
    for letter in letters:
        out = [dict(o, **{letter: k}) for o in out
               for k in range(1, (ranges or {}).get(letter, n) + 1)]
    return out


def _name_candidates(name: str) -> list[str]:
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


def _int(node: A.Node) -> int:
    if isinstance(node, A.Num) and node.text.isdigit():
        return int(node.text)
    raise ParseError("this index must be a whole number here", "", getattr(node, "pos", None))
