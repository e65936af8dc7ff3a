"""Shapes the text implies but does not declare: `X^T (X\\theta - y)` makes X a matrix, θ and
y vectors that fit it, with no `shapes:` written.

Course notes rarely declare shapes; they show them. A name transposed, a capital letter
multiplying, a name used whole and by its entries: each says the name is a vector or a
matrix. `infer_shapes` reads that evidence, then fits every product, sum and derivative the
claim and the definitions it rests on write, unifying their dimensions as a type checker
unifies types. Each dimension that nothing ties to another gets a size of its own, so a
claim that only fits when two sizes agree is not read as fitting.

The reading is all or nothing: anything the fit cannot follow (a vector squared, a function
of a vector that nothing defines)
gives no shapes at all, and the step stays undecided as before. A `\\cdot` between two
vectors is fitted only as their dot product (`Context.dot_products`, a reading the checker
tries beside the others). Fitting never decides a
verdict by itself: the shapes it finds are checked as declared shapes would be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from symbolic.context import Context, name_key
from symbolic.notation import ast as A
from symbolic.notation.names import canonical
from symbolic.notation.rewrite import to_latex
from symbolic.notation.trees import is_capital, is_list, node_text, ungroup, walk
from symbolic.notation.vocabulary import (
    ELEMENTWISE_OPERATORS,
    EXTREMA,
    IDENTITY,
    INDEX_LETTERS,
    MATRIX_OPERATORS,
    NORMAL_DENSITY,
    SCALAR_OF_MATRIX,
    SIZE_LETTERS,
    known_function,
)

PRODUCTS = ("juxt", "*")
WHOLE_KINDS = ("one-hot", "vector", "matrix", "symmetric", "sign", "binary")  # may be whole
MAX_ROUNDS = 12

Shape = tuple[int, int] | None      # dimension ids (rows, columns); None: a number
FRESH = r"\text{n}"                  # the sizes no name of the text gives: \text{n}_{1}, …


class CannotFit(Exception):
    """The fit cannot follow this tree: no shapes are inferred."""


class Promote(Exception):
    """A name read as a number must be a vector or a matrix for the tree to fit."""

    def __init__(self, key: str, columns: int | None):
        super().__init__(key)
        self.key, self.columns = key, columns


class Dimensions:
    """Union-find over dimensions, each possibly fixed to a number or a declared name."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.value: list[int | str | None] = []
        self.long: list[bool] = []     # a vector's length or a matrix's side: never 1

    def new(self, value: int | str | None = None, long: bool = False) -> int:
        self.parent.append(len(self.parent))
        self.value.append(value)
        self.long.append(long)
        return len(self.parent) - 1

    def find(self, d: int) -> int:
        while self.parent[d] != d:
            self.parent[d] = self.parent[self.parent[d]]
            d = self.parent[d]
        return d

    def unify(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        va, vb = self.value[a], self.value[b]
        if va is not None and vb is not None and va != vb:
            raise CannotFit(f"{va} ≠ {vb}")
        long = self.long[a] or self.long[b]
        if long and 1 in (va, vb):
            raise CannotFit("a vector read as one number")
        self.parent[b] = a
        self.value[a] = va if va is not None else vb
        self.long[a] = long

    def is_one(self, d: int) -> bool:
        return self.value[self.find(d)] == 1


def _gram(node: A.Node, context: Context) -> bool:
    """`X^T X`, `A A^\\top` of a declared X: a product of a name and its own transpose, square
    by its form. (Undeclared, `(X^T X)^{-1} X^T = X^{-1}` would make X square.)"""
    if not (isinstance(node, A.BinOp) and node.op in ("juxt", "*", "cdot")):
        return False
    left, right = ungroup(node.left), ungroup(node.right)
    for plain, turned in ((left, right), (right, left)):
        if isinstance(plain, A.Name) and isinstance(turned, A.Transpose) \
                and to_latex(ungroup(turned.operand)) == to_latex(plain):
            return context.shape_of(name_key(plain)) is not None
    return False


def infer_shapes(trees: tuple[A.Node, ...], context: Context) -> dict[str, list]:
    """The shapes, as `shapes:` would declare them (LaTeX name -> [rows, cols]), that the
    trees and the definitions they rest on imply for names with no declared shape; {} when
    they imply none, or when the fit cannot follow them."""
    fit = _Fit(trees, context)
    for _ in range(MAX_ROUNDS):
        try:
            return fit.run()
        except Promote as promote:
            fit.wide[promote.key] = promote.columns
        except (CannotFit, RecursionError):
            # x^T x w with x lowercase: a lowercase letter transposed was taken for a vector;
            # the design matrix is often lowercase too, so once more with it free
            guessed = {key for key in fit.lowercase if fit.wide.get(key) == 1}
            if not guessed:
                return {}
            fit.wide.update(dict.fromkeys(guessed))
            fit.lowercase = set()
    return {}


class _Fit:
    def __init__(self, trees: tuple[A.Node, ...], context: Context):
        self.trees = trees
        self.context = context
        self.definitions = _definitions_used(trees, context)
        self.names: dict[str, A.Name] = {}
        self.wide: dict[str, int | None] = _evidence(
            (*trees, *(d.body for d in self.definitions.values()),
             *(f.body for f in context.functions.values())), context)
        # names taken for vectors only because they are lowercase letters transposed
        self.lowercase: set[str] = _lowercase_transposed(
            (*trees, *(d.body for d in self.definitions.values()),
             *(f.body for f in context.functions.values())))

    def run(self) -> dict[str, list]:
        self.dims = Dimensions()
        self.shapes: dict[str, Shape] = {}
        self.in_progress: set[str] = set()
        self.bounds: dict[str, int] = {}      # sum index -> the dimension it runs over
        self.offsets: set[tuple[str, str]] = set()    # names written with an entry 0
        lhs, rhs = (self.shape(tree) for tree in self.trees[:2])
        self.same(lhs, rhs)
        for function in self.context.functions.values():
            self.shape(function.body)
        return self.result()

    # -- shapes of names ------------------------------------------------------------------
    def name_shape(self, node: A.Name) -> Shape:
        if node.sub and (declared := self.context.shape_of(name_key(node))) is not None:
            return self.declared(declared)  # W_1 declared [4, 3]: a matrix, not an entry
        if node.sub and not ((node.bold or _indexed_member(node))
                             and name_key(node) in self.wide):
            self.entry(node)
            return None                     # an entry
        key = name_key(node)
        if node.base in INDEX_LETTERS and not node.sup and not node.sub \
                and key not in self.definitions:
            return None                     # an index (d = α w defines a d)
        if key in self.shapes:
            return self.shapes[key]
        declared = _declared_shape(node, self.context)
        if declared is not None:
            shape = self.declared(declared)
        elif key in self.definitions and key not in self.in_progress:
            self.in_progress.add(key)
            shape = self.shape(self.definitions[key].body)
            self.in_progress.discard(key)
            self.names[key] = node
        elif key == IDENTITY and key in self.wide:
            self.names[key] = node
            side = self.dims.new(long=True)
            shape = (side, side)            # the identity: square
        elif key in self.wide:
            self.names[key] = node
            columns = self.wide[key]
            shape = (self.dims.new(long=True), self.dims.new(columns, long=columns is None))
        else:
            shape = None
        self.shapes[key] = shape
        return shape

    def declared(self, dims) -> Shape:
        rows, cols = (d if isinstance(d, int) else str(d) for d in dims)
        shape = (self.dims.new(rows), self.dims.new(cols))
        return None if self.is_number(shape) else shape

    def is_number(self, shape: Shape) -> bool:
        return shape is None or all(self.dims.is_one(d) for d in shape)

    def promotable(self, node: A.Node) -> str | None:
        """The key of a bare name read as a number that may be a vector or matrix."""
        node = ungroup(node)
        if not isinstance(node, A.Name) or node.sub or node.primes \
                or node.base in INDEX_LETTERS and not node.sup:
            return None
        key = name_key(node)
        context = self.context
        if key in self.wide or key in self.definitions or not _may_be_whole(key, context) \
                or _declared_shape(node, context) is not None or context.is_function(node.base):
            return None
        return key

    # -- fitting ----------------------------------------------------------------------------
    def same(self, a: Shape, b: Shape) -> Shape:
        if self.is_number(a) and self.is_number(b):
            return None
        if self.is_number(a) or self.is_number(b):
            raise CannotFit("a number beside a vector or matrix")
        self.dims.unify(a[0], b[0])
        self.dims.unify(a[1], b[1])
        return a

    def shape(self, node: A.Node) -> Shape:
        method = getattr(self, "fit_" + type(node).__name__, None)
        if method is None:
            raise CannotFit(type(node).__name__)
        return method(node)

    def fit_Num(self, node: A.Num) -> Shape:
        return None

    def fit_Name(self, node: A.Name) -> Shape:
        return self.name_shape(node)

    def fit_Group(self, node: A.Group) -> Shape:
        return self.shape(node.inner)

    def fit_Neg(self, node: A.Neg) -> Shape:
        return self.shape(node.operand)

    def fit_Differential(self, node: A.Differential) -> Shape:
        return self.shape(node.operand)     # dX has the shape of X

    def fit_Annotated(self, node: A.Annotated) -> Shape:
        return self.shape(node.expr)

    def fit_At(self, node: A.At) -> Shape:
        return self.shape(node.expr)

    def fit_Transpose(self, node: A.Transpose) -> Shape:
        inner = self.shape(node.operand)
        if is_list(ungroup(node.operand)):
            return inner        # [a, b]^T: a list has no orientation; transposed, a column
        return None if inner is None else (inner[1], inner[0])

    def fit_Norm(self, node: A.Norm) -> Shape:
        self.shape(node.operand)
        return None

    def fit_Abs(self, node: A.Abs) -> Shape:
        if not self.is_number(self.shape(node.operand)):
            raise CannotFit("|A| of a matrix")
        return None

    def fit_SumOver(self, node: A.SumOver) -> Shape:
        for bound in (node.lower, node.upper):
            if bound is not None and not self.is_number(self.shape(bound)):
                raise CannotFit("a bound that is not a number")
        if node.index is None or (node.upper is None and node.lower is not None):
            return self.shape(node.body)
        saved = self.bounds.get(node.index)
        # `\sum_i` without bounds runs over one length: all it indexes with i share it
        length = self.length(node) if node.upper is not None else self.dims.new()
        self.bounds[node.index] = length
        try:
            body = self.shape(node.body)
            if not node.stacked:
                return body
            if not self.is_number(body):          # [x_1, …, x_n]: an n-vector of numbers
                raise CannotFit("an elided vector of vectors")
            one = self.dims.new(1)
            return (one, length) if node.stacked == "row" else (length, one)
        finally:
            self.bounds.pop(node.index)
            if saved is not None:
                self.bounds[node.index] = saved

    def length(self, node: A.SumOver) -> int:
        """The dimension a sum from 1 to n runs over: the length of what its index picks."""
        lower, upper = ungroup(node.lower) if node.lower else None, ungroup(node.upper)
        if not (isinstance(lower, A.Num) and lower.text == "1"):
            raise CannotFit("a sum that does not start at 1")
        if isinstance(upper, A.Num) and upper.text.isdigit():
            return self.dims.new(int(upper.text))
        if isinstance(upper, A.Name) and not upper.sub and not upper.sup and not upper.primes:
            return self.dims.new(node_text(upper))
        raise CannotFit("a sum to a bound that is not a name")

    def entry(self, node: A.Name) -> None:
        """`x_j` in a sum over j from 1 to d: the whole x (a vector or matrix here) has that
        length along the index."""
        whole = self.name_shape(dataclasses.replace(node, sub=()))
        if whole is None:
            return
        if any(isinstance(s, A.Num) and s.text == "0" for s in node.sub):
            # θ_0 + θ^T x: the offset beside the vector, as the builder reads it; but beside
            # another x_0 (x_0 = 1 folds the offset in), θ may be numbered from 0
            self.offsets.add((node.base, node.suffix))
            if len(self.offsets) > 1 or len(node.sub) > 1:
                raise CannotFit("entries numbered from 0")
            return
        letters = [s.base if isinstance(s, A.Name) and not s.sub else None for s in node.sub]
        axes = [whole[0]] if len(letters) == 1 and self.dims.is_one(whole[1]) else \
            list(whole) if len(letters) == 2 else []
        for letter, axis in zip(letters, axes, strict=False):
            if letter in self.bounds:
                self.dims.unify(axis, self.bounds[letter])

    def fit_Power(self, node: A.Power) -> Shape:
        base = self.shape(node.base)
        if not self.is_number(self.shape(node.exponent)):
            raise CannotFit("a power that is a vector or matrix")
        if self.is_number(base):
            return None
        exponent = node.exponent.operand if isinstance(node.exponent, A.Neg) else node.exponent
        capital = isinstance(node.base, A.Name) and node.base.base.lstrip("\\")[:1].isupper()
        # (zI - A)^{-1}, (X^T X + \lambda I)^{-1}, (X^T X)^{-1}: square already, as a sum
        # with the identity or a Gram product is
        capital = capital or self.dims.find(base[0]) == self.dims.find(base[1]) and (
            any(isinstance(n, A.Name) and name_key(n) == IDENTITY for n in walk(node.base))
            or _gram(ungroup(node.base), self.context))
        if not (isinstance(exponent, A.Num) and exponent.text.lstrip("-").isdigit()) \
                or not capital or any(self.dims.is_one(side) for side in base):
            raise CannotFit("a power of a vector, or a power that is not a whole number")
        self.dims.unify(base[0], base[1])     # X^{-1}, A^2 of a capital: a square matrix
        return base

    def fit_Cases(self, node: A.Cases) -> Shape:
        shapes = [self.shape(value) for value, _ in node.branches]
        for shape in shapes[1:]:
            self.same(shapes[0], shape)
        return shapes[0]

    def fit_Expectation(self, node: A.Expectation) -> Shape:
        return self.shape(node.body)

    def fit_Indicator(self, node: A.Indicator) -> Shape:
        return self.same(self.shape(node.lhs), self.shape(node.rhs))

    def fit_MatrixLiteral(self, node: A.MatrixLiteral) -> Shape:
        for row in node.rows:
            for entry in row:
                if not self.is_number(self.shape(entry)):
                    raise CannotFit("a block matrix")
        rows, cols = len(node.rows), len(node.rows[0]) if node.rows else 0
        if node.listed:
            rows, cols = cols, rows
        return None if (rows, cols) == (1, 1) else (self.dims.new(rows), self.dims.new(cols))

    def fit_Partial(self, node: A.Partial) -> Shape:
        top = node.numerator if node.numerator is not None else node.operand
        if top is None or not self.is_number(self.shape(top)):
            raise CannotFit("the derivative of a vector or matrix")
        if node.order != 1:
            raise CannotFit("a higher derivative")
        shape = self.shape(node.wrt)      # the gradient of a number has the variable's shape,
        if shape is not None and self.context.conventions.get("layout") == "numerator":
            return shape[1], shape[0]     # or its transpose's, laid out by the numerator
        return shape

    def fit_BinOp(self, node: A.BinOp) -> Shape:
        left, right = self.shape(node.left), self.shape(node.right)
        if node.op in ("+", "-"):
            return self.sum(node, left, right)
        if node.op in PRODUCTS:
            return self.product(node, left, right)
        if node.op == "odot":
            return self.same(left, right)
        if node.op == "/" and self.is_number(right):
            return left
        if node.op in ("cdot", "times", "/", "apply") and self.is_number(left) \
                and self.is_number(right):
            return None
        if node.op == "cdot" and (self.is_number(left) or self.is_number(right)):
            return right if self.is_number(left) else left
        if node.op == "cdot" and self.context.dot_products:
            self.same(left, right)              # w \cdot x read as the dot product
            if not (self.dims.is_one(left[0]) or self.dims.is_one(left[1])):
                self.dims.unify(left[1], self.dims.new(1))
            return None
        raise CannotFit(node.op)     # \cdot of two arrays otherwise: which product, unsaid

    def sum(self, node: A.BinOp, left: Shape, right: Shape) -> Shape:
        for number, other, side in ((left, right, node.left), (right, left, node.right)):
            if self.is_number(number) and not self.is_number(other):
                key = self.promotable(side)
                if key is not None:
                    raise Promote(key, 1 if self.dims.is_one(other[1]) else None)
                if isinstance(ungroup(side), A.Num):
                    return other            # 1 - σ(z): the number on every entry
        return self.same(left, right)

    def product(self, node: A.BinOp, left: Shape, right: Shape) -> Shape:
        if left is None or self.is_number(left) and not self.is_number(right):
            return right
        if self.is_number(right):
            key = self.promotable(node.right)
            if key is not None and not self.dims.is_one(left[1]):
                raise Promote(key, 1)       # W x: x is what W multiplies
            return left
        self.dims.unify(left[1], right[0])
        shape = (left[0], right[1])
        return None if self.is_number(shape) else shape

    def argument(self, parameter: Shape, arg: Shape, written: A.Node,
                 named: A.Node | None = None) -> None:
        """h(x^{(i)}) for h(x) = σ(θ^T x): the argument has the parameter's shape; f(x^0)
        with x^0 a vector makes the parameter x one."""
        if self.is_number(arg) and not self.is_number(parameter):
            key = self.promotable(written)
            if key is not None:
                raise Promote(key, 1 if self.dims.is_one(parameter[1]) else None)
        if self.is_number(parameter) and not self.is_number(arg) and named is not None:
            key = self.promotable(named)
            if key is not None:
                raise Promote(key, 1 if self.dims.is_one(arg[1]) else None)
        self.same(parameter, arg)

    def diagonal(self, vector: Shape, written: A.Node) -> Shape:
        """diag(y): the square matrix with the vector y on its diagonal (y, a bare name
        read as a number, is taken for that vector)."""
        if self.is_number(vector):
            key = self.promotable(written)
            if key is not None:
                raise Promote(key, 1)
            return None
        if self.dims.is_one(vector[1]):
            return vector[0], vector[0]
        if self.dims.is_one(vector[0]):
            return vector[1], vector[1]
        raise CannotFit("the diagonal of a matrix")

    @staticmethod
    def elementwise(body: A.Node, parameter: A.Node) -> bool:
        """Whether a function's body is a known element-wise function of its parameter
        alone: `\\text{ReLU}(z)`, `\\tanh(z)`."""
        body = ungroup(body)
        return isinstance(body, A.Call) and body.callee == A.Callee.KNOWN \
            and len(body.args) == 1 and node_text(ungroup(body.args[0])) == node_text(parameter) \
            and (known := known_function(body.name)) is not None and not known.takes_vector

    def fit_Call(self, node: A.Call) -> Shape:
        args = [self.shape(a) for a in node.args]
        if node.index is not None:
            self.shape(node.index)
            return None
        if node.callee == A.Callee.DEFINED and node.name in self.context.functions:
            function = self.context.functions[node.name]
            if len(function.parameters) != len(args):
                raise CannotFit("a call with other arguments")
            for parameter, arg, written in zip(function.parameters, args, node.args,
                                               strict=True):
                self.argument(self.shape(parameter), arg, written, parameter)
            value = self.shape(function.body)
            if not node.primes:
                return value
            if node.primes == 1 and len(args) == 1 \
                    and self.elementwise(function.body, function.parameters[0]):
                return value          # f'(z) with f(z) = ReLU(z): entry by entry, as f is
            if node.primes > 2 or len(args) != 1 or not self.is_number(value) \
                    or node.primes == 2 and (args[0] is None or not self.dims.is_one(args[0][1])):
                raise CannotFit("a third derivative, or one of a vector function")
            if node.primes == 2:          # ∇²f(x): the Hessian of a number, n × n
                return args[0][0], args[0][0]
            return args[0]            # ∇f(X): the gradient of a number has X's shape
        if MATRIX_OPERATORS.get(node.name) == "diag" and len(args) == 1:
            return self.diagonal(args[0], node.args[0])
        wide = [a for a in args if not self.is_number(a)]
        if not wide:
            return None
        if node.name == NORMAL_DENSITY:       # N(x | μ, Σ): μ as x, Σ square as long
            point, mean, covariance = args
            if point is None:
                raise CannotFit("a number's density with a vector parameter")
            if mean is not None:
                self.same(point, mean)
            if covariance is not None:
                self.dims.unify(covariance[0], point[0])
                self.dims.unify(covariance[1], point[0])
            return None
        if node.name in SCALAR_OF_MATRIX and len(args) == 1:
            self.dims.unify(args[0][0], args[0][1])
            return None
        known = known_function(node.name) if node.callee == A.Callee.KNOWN else None
        if known is not None and known.takes_vector and not known.vector_valued:
            return None                     # LSE(z): a number
        if known is not None or node.name in ELEMENTWISE_OPERATORS \
                or node.name in EXTREMA and len(args) == 2:
            for shape in wide[1:]:
                self.same(wide[0], shape)
            return wide[0]
        raise CannotFit(f"{node.name} of a vector or matrix")

    # -- the result -------------------------------------------------------------------------
    def result(self) -> dict[str, list]:
        names: dict[int, str] = {}
        shapes: dict[str, list] = {}
        for key, node in sorted(self.names.items()):
            shape = self.shapes.get(key)
            if shape is None:
                continue
            if canonical(node.base, (), ("0",), node.suffix, 0) in self.context.values:
                raise CannotFit("entries numbered from 0")     # x_0 = 1, then x^T θ
            dims = []
            for d in shape:
                root = self.dims.find(d)
                value = self.dims.value[root]
                if value is None:       # a size of its own, named apart from the writer's
                    value = names.setdefault(root, f"{FRESH}_{{{len(names) + 1}}}")
                dims.append(value)
            if dims != [1, 1]:
                shapes[node_text(node)] = dims
        self.require_sizes_accounted(shapes)
        return shapes

    def require_sizes_accounted(self, shapes: dict[str, list]) -> None:
        """`J = \\frac{1}{2m}(X\\theta - y)^T(X\\theta - y)` and a claim that sums X's rows to
        n: X is n long only by the claim's own reading, while m, which bounds nothing, may be
        the size the writer means. A size letter the text uses that is neither a shape's size
        nor a sum's bound leaves the fit in doubt."""
        tied = {d for dims in shapes.values() for d in dims
                if isinstance(d, str) and not d.startswith(FRESH)}
        if not tied:
            return
        trees = [*self.trees, *(d.body for d in self.definitions.values()),
                 *(f.body for f in self.context.functions.values())]
        nodes = [n for tree in trees for n in _outside_indices(tree)]
        bounds = {node_text(ungroup(n.upper)) for n in nodes
                  if isinstance(n, A.SumOver) and n.upper is not None}
        sizes = {n.base for n in nodes if isinstance(n, A.Name) and n.base in SIZE_LETTERS
                 and not n.sub and not n.sup and not n.primes and not n.suffix}
        if sizes - bounds - tied:
            raise CannotFit("a size the text names that no shape takes")


def _outside_indices(node: A.Node):
    """The nodes of a tree, but not those inside a name's indices (the n of \\alpha_n)."""
    yield node
    if isinstance(node, A.Name):
        return
    for child in A.children(node):
        yield from _outside_indices(child)


def _definitions_used(trees: Iterable[A.Node], context: Context) -> dict:
    """The definitions of bare names the trees use, and those their bodies use, by key."""
    by_key = {name_key(d.name): d for d in context.definitions if not d.name.sub}
    used: dict = {}
    pending = list(trees)
    while pending:
        for node in walk(pending.pop()):
            if isinstance(node, A.Name) and not node.sub:
                key = name_key(node)
                if key in by_key and key not in used:
                    used[key] = by_key[key]
                    pending.append(by_key[key].body)
    return used


def _evidence(trees: Iterable[A.Node], context: Context) -> dict[str, int | None]:
    """Names the text shows to be vectors (1: one column) or matrices (None), by key: a name
    transposed, a name used whole beside its entries, a capital letter in a product, the
    operand of a norm, a name whose entries the definitions define."""
    trees = list(trees)
    nodes = [n for tree in trees for n in walk(tree)]
    family_shaped = {name_key(n) for n in nodes
                     if isinstance(n, A.Name) and _declared_shape(n, context) is not None}
    entries = {(n.base, n.suffix) for n in nodes
               if isinstance(n, A.Name) and n.sub and not n.sup}
    entries |= {(d.name.base, d.name.suffix) for d in context.definitions if d.name.sub}
    # X_{ii} beside X: a matrix, entered by row and column
    matrices = {(n.base, n.suffix) for n in nodes
                if isinstance(n, A.Name) and len(n.sub) == 2 and not n.sup}
    wide: dict[str, int | None] = {}
    for node in nodes:
        if isinstance(node, A.Transpose | A.Norm):
            name = ungroup(node.operand)
            if _bare(name):
                vector = (name.base, name.suffix) in entries or isinstance(node, A.Norm) \
                    or not (name.base[:1].isupper() or is_capital(name))     # \Phi^T
                wide.setdefault(name_key(name), 1 if vector else None)
        elif isinstance(node, A.BinOp) and node.op in PRODUCTS \
                and not any(isinstance(ungroup(side), A.Num)       # 2N: a count, doubled
                            for side in (node.left, node.right)):
            for side in (node.left, node.right):
                name = ungroup(side.operand if isinstance(side, A.Transpose) else side)
                if _bare(name) and len(name.base) == 1 and name.base.isupper():
                    wide.setdefault(name_key(name), None)
        elif isinstance(node, A.BinOp) and node.op == "cdot":
            for side in (node.left, node.right):        # \mathbf{w} \cdot \mathbf{x}
                name = ungroup(side)
                if _bare(name) and name.bold:
                    wide.setdefault(name_key(name), 1)
        elif _bare(node) and (node.base, node.suffix) in entries:
            wide.setdefault(name_key(node), None if (node.base, node.suffix) in matrices else 1)
        elif _bare(node) and node.bold:     # \mathbf{a}: a vector, \mathbf{W}: a matrix
            wide.setdefault(name_key(node), None if node.base[:1].isupper() else 1)
    for node in nodes:      # declared so: `symbols: {Sigma: symmetric}`, `{v: vector}`
        if _bare(node) and context.kind(name_key(node)) in ("symmetric", "matrix", "vector"):
            wide.setdefault(name_key(node), 1 if context.kind(name_key(node)) == "vector"
                            else None)
    # \mathbf{\mu}_1, \mathbf{\mu}_2 beside no whole μ: vectors of their own (class means)
    whole = {n.base for n in nodes if isinstance(n, A.Name) and not n.sub}
    # x_i^T, (x_i - m_k)^T beside no whole x or m: each a vector (a family of them);
    # \Sigma_k^{-1} beside no whole Σ: a family of matrices
    for node in nodes:
        operand = ungroup(node.operand) if isinstance(node, A.Transpose) else None
        members = [operand] if isinstance(operand, A.Name) else \
            list(_terms(operand)) if operand is not None else []
        # (\sum_i \alpha_i y_i \mathbf{x}_i)^T: a bold member inside is a vector
        members += [n for n in walk(operand) if isinstance(n, A.Name) and n.bold] \
            if operand is not None else []
        for member in members:
            if isinstance(member, A.Name) and _indexed_member(member) \
                    and member.base not in whole and not member.base[:1].isupper() \
                    and not is_capital(member):
                wide.setdefault(name_key(member), 1)
        if isinstance(node, A.Power) and isinstance(node.base, A.Name) \
                and _indexed_member(node.base) and is_capital(node.base) \
                and node.base.base not in whole and to_latex(node.exponent) == "-1":
            wide.setdefault(name_key(node.base), None)
    # x_j beside x_i^T: members of one family are alike
    families = {(n.base, n.suffix, n.bold): wide[name_key(n)] for n in nodes
                if isinstance(n, A.Name) and _indexed_member(n) and name_key(n) in wide}
    for node in nodes:
        if isinstance(node, A.Name) and _indexed_member(node) \
                and (node.base, node.suffix, node.bold) in families:
            wide.setdefault(name_key(node), families[(node.base, node.suffix, node.bold)])
    for node in nodes:
        if isinstance(node, A.Name) and node.bold and node.sub and not node.sup \
                and not node.primes and node.base not in whole \
                and all(isinstance(s, A.Num) for s in node.sub):
            wide.setdefault(name_key(node), 1 if node.base[:1].islower() or
                            not is_capital(node) else None)
    return {key: columns for key, columns in wide.items()
            if _may_be_whole(key, context) and key not in family_shaped}


def _lowercase_transposed(trees: Iterable[A.Node]) -> set[str]:
    """The keys of lowercase names transposed and never written by their entries (`x^T`
    beside no x_j): a vector by the usual reading, a matrix in some notes (`x^T x w`)."""
    nodes = [n for tree in trees for n in walk(tree)]
    entries = {(n.base, n.suffix) for n in nodes if isinstance(n, A.Name) and n.sub}
    return {name_key(ungroup(n.operand)) for n in nodes if isinstance(n, A.Transpose)
            and _bare(ungroup(n.operand)) and not ungroup(n.operand).base[:1].isupper()
            and not is_capital(ungroup(n.operand))
            and (ungroup(n.operand).base, ungroup(n.operand).suffix) not in entries}


def _declared_shape(node: A.Name, context: Context) -> tuple | None:
    """The shape declared for a name, or for the first member of its family (`x^{(i)}`
    declared [D, 1] is declared for x^{(1)}, x^{(2)}, …)."""
    declared = context.shape_of(name_key(node))
    if declared is None and node.sup and all(isinstance(s, A.Name) for s in node.sup):
        first = canonical(node.base, tuple(1 for _ in node.sup), (), node.suffix, node.primes)
        declared = context.shape_of(first)
    return declared


def _may_be_whole(key: str, context: Context) -> bool:
    """Whether a name may be a vector or matrix: no shape declared, and no value or kind
    that makes it a number (a one-hot label is a vector)."""
    kind = context.kind(key)
    # H beside a defined H^{+} (or H^{(1)}): what is defined is another name
    decorated = [d for d in context.definitions if d.key == key]
    only_decorated = bool(decorated) and key not in context.values and all(
        name_key(d.name) != key and not d.name.sub for d in decorated)
    return context.shape_of(key) is None and (
        kind in WHOLE_KINDS or kind is None and (only_decorated or not context.is_value(key)))


def _terms(node: A.Node):
    """The terms of a sum or difference, signs dropped: x_i, m_k of `x_i - m_k`."""
    node = ungroup(node)
    if isinstance(node, A.BinOp) and node.op in ("+", "-"):
        yield from _terms(node.left)
        yield from _terms(node.right)
    elif isinstance(node, A.Neg):
        yield from _terms(node.operand)
    else:
        yield node


def vector_member(node: A.Name) -> bool:
    """A bold name numbered by its subscript (`\\mathbf{\\mu}_1`, `\\mathbf{x}_0`): a
    vector of its own, which the fit follows. (`x_i^T` by an index letter is left to the
    reading as numbers, which the fit of families does not yet replace.)"""
    return node.bold and len(node.sub) == 1 and isinstance(node.sub[0], A.Num) \
        and not node.sup and not node.primes


def _indexed_member(node: A.Name) -> bool:
    """`x_i`, `h_{t-1}`: a member of a family by one index letter (or it offset), no
    superscript or prime."""
    if len(node.sub) != 1 or node.sup or node.primes:
        return False
    index = node.sub[0]
    if isinstance(index, A.BinOp) and index.op in "+-" and isinstance(index.right, A.Num):
        index = index.left
    return isinstance(index, A.Name) and index.base in INDEX_LETTERS and not index.sub


def _bare(node: A.Node) -> bool:
    return isinstance(node, A.Name) and not node.sub and not node.primes \
        and node.base not in INDEX_LETTERS
