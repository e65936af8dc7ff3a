"""The symbol table a claim is checked against.

Definitions (`z = w x + b`), symbol kinds and domains, shapes, conventions and numeric
bindings. It answers `∂A/∂B` the way DESIGN.md says: follow A's definitions until B
appears, hold B as a variable, differentiate; a name used but never defined is any
differentiable function, and its gradient is a quantity of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy

from symbolic.errors import ParseError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.build import Builder, Instance, free_index_letters, vector_names
from symbolic.notation.names import Var, canonical

KNOWN_CONVENTIONS = {
    "log": {"natural", "e", "10", "2"},
    "sigma": {"logistic", "symbol"},
    "layout": {"denominator", "numerator"},
    "superscripts": {"index", "power"},
    "symbols": None,
}
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
class Context:
    """Definitions, shapes, conventions and values; `Context.from_given(...)` reads LaTeX."""

    definitions: list[Definition] = field(default_factory=list)
    shapes: dict[str, tuple] = field(default_factory=dict)
    conventions: dict = field(default_factory=dict)
    values: dict[str, sympy.Expr] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.conventions = dict(self.conventions or {})
        self._check_conventions()
        self._instances: dict[tuple, dict] = {}

    # -- construction --------------------------------------------------------------
    @classmethod
    def from_given(cls, given=(), shapes=None, conventions=None, values=None) -> Context:
        ctx = cls(shapes={}, conventions=conventions or {})
        for name, dims in (shapes or {}).items():
            ctx.add_shape(name, dims)
        for text in given:
            ctx.define_latex(text)
        for name, value in (values or {}).items():
            ctx.bind_latex(name, value)
        return ctx

    def copy(self) -> Context:
        new = Context(list(self.definitions), dict(self.shapes), dict(self.conventions),
                      dict(self.values), list(self.warnings))
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
        self.shapes[key] = tuple(d if isinstance(d, int) else str(d) for d in dims)
        self._instances.clear()

    def define_latex(self, text: str) -> Definition:
        chain = split_chain(text)
        if len(chain.sides) < 2 or chain.relations[0] not in ("=", ":="):
            raise ParseError("a definition must read 'name = expression'", text, 0,
                             "Write it as z = w x + b.")
        lhs = parse_side(chain.sides[0].text)
        if not isinstance(lhs, A.Name):
            raise ParseError("the left side of a definition must be a single name", text, 0,
                             "Write it as z = w x + b.")
        body = parse_side(chain.sides[1].text)
        return self.define(lhs, body, text)

    def define(self, name: A.Name, body: A.Node, source: str = "") -> Definition:
        definition = Definition(name, body, source)
        self.definitions = [d for d in self.definitions if d.name != name] + [definition]
        self._instances.clear()
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

    def unbind(self, key: str) -> None:
        self.values.pop(key, None)
        self._instances.clear()

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

    def kind(self, name: str) -> str | None:
        symbols = self.conventions.get("symbols") or {}
        for candidate in _name_candidates(name):
            if candidate in symbols:
                return symbols[candidate]
        return None

    def shape_of(self, name: str) -> tuple | None:
        return self.shapes.get(name)

    def log_base(self):
        base = str(self.conventions.get("log", "natural"))
        return None if base in ("natural", "e") else sympy.Integer(int(base))

    def sigma_is_symbol(self) -> bool:
        return self.conventions.get("sigma") == "symbol"

    # -- reading -----------------------------------------------------------------------
    def builder(self, instance: Instance, source: str = "", extra=()) -> Builder:
        vectors = vector_names(*(d.body for d in self.definitions), *extra)
        return Builder(self, instance, source, vectors)

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
            for idx in _index_assignments(definition, instance):
                sub_instance = Instance(dict(instance.indices, **idx), instance.sizes,
                                        instance.default_size)
                builder = self.builder(sub_instance, definition.source)
                target = builder.build(definition.name)
                value = builder.build(definition.body)
                _assign(defs, target, value, definition)
        return defs

    def expand(self, expr, instance: Instance, keep=frozenset()):
        """Substitute definitions until only base variables (and `keep`) remain."""
        defs = self.definitions_in(instance)
        mapping = {k: v for k, v in defs.items() if k not in keep}
        for _ in range(len(mapping) + 2):
            new = expr.xreplace(mapping)
            if new == expr:
                return new
            expr = new
        return expr

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
            return gradient.T if numerator_layout else gradient
        if isinstance(numerator, sympy.MatrixBase):
            return numerator.applyfunc(lambda n: self.partial(n, wrt, instance))
        if not isinstance(wrt, sympy.Symbol):
            raise ParseError(f"cannot differentiate with respect to {sympy.latex(wrt)}: "
                             "it is not a variable", "", None,
                             "Differentiate with respect to a name such as w_1.")
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
        sinks = [s for s in defs if not self._used_in_definitions(s, instance)]
        reaching = [s for s in sinks if s != wrt and wrt in
                    self.expand(s, instance, keep=frozenset({wrt})).free_symbols]
        if not reaching:
            return gradient_symbol(numerator, wrt)
        total = sympy.Integer(0)
        for sink in reaching:
            local = sympy.diff(self.expand(sink, instance, keep=frozenset({wrt})), wrt)
            total += gradient_symbol(numerator, sink) * local
        return total


def gradient_symbol(numerator: sympy.Symbol, wrt: sympy.Symbol) -> Var:
    """The upstream gradient ∂L/∂y as a quantity of its own."""
    return Var(rf"\frac{{\partial {numerator.name}}}{{\partial {wrt.name}}}")


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


def _index_assignments(definition: Definition, instance: Instance) -> list[dict[str, int]]:
    """A definition `h_j = …` with a free index defines h_1 … h_n."""
    letters = sorted(free_index_letters(definition.name))
    if not letters:
        return [{}]
    out = [{}]
    n = instance.size("")
    for letter in letters:
        out = [dict(o, **{letter: k}) for o in out for k in range(1, n + 1)]
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
