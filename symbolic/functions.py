"""The functions of ML notation as SymPy functions, each with its own derivative rule.

Every function here is one class holding everything about it: its derivative rule
(`fdiff`, written in terms of the function itself, as `sympy.tanh` does), its special
values (`eval`: exact values only, never a float), its elementary form (`rewrite(exp)`,
which `evalf` goes through), its LaTeX, and its numeric twins for NumPy and mpmath.
Adding an activation is adding one class here: `ACTIVATIONS`, `NUMPY_FUNCTIONS` and
`MPMATH_FUNCTIONS` pick it up, and the gradient machinery, which never names a
particular function, differentiates through its `fdiff`.

    >>> from sympy import Symbol
    >>> z = Symbol("z")
    >>> Sigmoid(z).diff(z)
    (1 - Sigmoid(z))*Sigmoid(z)

tanh is `sympy.tanh` itself. The Heaviside step is `sympy.Heaviside(x, 0)`: H(0) = 0,
the subgradient of ReLU at 0 that PyTorch and JAX use.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import mpmath
import numpy as np
import sympy
from mpmath.libmp import prec_to_dps
from sympy import (
    Add,
    Basic,
    Expr,
    Function,
    Heaviside,
    KroneckerDelta,
    Max,
    Piecewise,
    Rational,
    S,
    exp,
    log,
    sympify,
)
from sympy.core.function import ArgumentIndexError
from sympy.core.logic import fuzzy_and
from sympy.core.symbol import Str
from sympy.matrices.expressions import MatrixExpr

__all__ = [
    "ACTIVATIONS",
    "At",
    "KnownFunction",
    "MPMATH_FUNCTIONS",
    "NUMPY_FUNCTIONS",
    "ELU",
    "GELU",
    "LeakyReLU",
    "LogSumExp",
    "Mish",
    "NormalCDF",
    "NormalPDF",
    "MLFunction",
    "ReLU",
    "SiLU",
    "Sigmoid",
    "Softmax",
    "Softplus",
    "VectorFunction",
    "find_function",
    "held",
    "identity",
    "register_function",
]

_REGISTERED: list[type[MLFunction]] = []
_BY_NAME: dict[str, type[MLFunction]] = {}
# Numeric twins by SymPy class name, for lambdify; a class adds its own when it is defined.
NUMPY_FUNCTIONS: dict[str, Callable[..., Any]] = {}
MPMATH_FUNCTIONS: dict[str, Callable[..., Any]] = {}


@dataclass(frozen=True)
class KnownFunction:
    """A function of the notation as the reader sees it: its spellings, arity and shape.

    `apply` builds the SymPy value from the arguments (for a vector-valued function, from
    the entry's 1-based index and the entries of its one vector argument).
    """

    name: str                           # as reported: "ReLU", "tanh"
    apply: Callable[..., Expr]
    spellings: tuple[str, ...]          # commands match exactly, words in any letter case
    arity: int = 1
    elementwise: bool = True            # applied entry by entry to a vector or matrix
    takes_vector: bool = False          # softmax, LSE: one whole vector is the argument
    vector_valued: bool = False         # softmax: a vector out; an index picks an entry
    # ELU's α, leaky ReLU's slope: a second argument with a default when it is not written
    parameter: str = ""


# spelling -> function; commands ("\\sigma") exactly, words ("relu") folded to lower case
_SPELLINGS: dict[str, KnownFunction] = {}


def _spelling_key(spelling: str) -> str:
    return spelling if spelling.startswith("\\") else spelling.lower()


def register_function(function: KnownFunction) -> KnownFunction:
    """Make a function known to the reader under each of its spellings."""
    for spelling in function.spellings:
        _SPELLINGS[_spelling_key(spelling)] = function
    return function


def find_function(spelling: str) -> KnownFunction | None:
    """The known function a spelling names, or None: `find_function("ReLU").name == "ReLU"`."""
    return _SPELLINGS.get(_spelling_key(spelling))


class MLFunction(Function):
    """Base of the functions here: each subclass registers itself, with everything about it.

    A subclass sets `latex_name`, `activation` (its key in `ACTIVATIONS`, or None when
    it is not an element-wise activation), `spellings` (how the notation writes it:
    `("\\sigma", "sigmoid")`), and the static methods `numpy_function` and
    `mpmath_function`, which take the same arguments as the SymPy function. `kinks`
    gives the arguments at whose zeros it is not differentiable.
    """

    latex_name: ClassVar[str] = ""
    activation: ClassVar[str | None] = None
    spellings: ClassVar[tuple[str, ...]] = ()
    takes_vector: ClassVar[bool] = False      # one whole vector in (softmax, LSE)
    vector_valued: ClassVar[bool] = False     # softmax: Softmax(k, *z) is entry k
    parameter: ClassVar[str] = ""             # the name of a defaulted second argument
    numpy_function: ClassVar[Callable[..., Any]]
    mpmath_function: ClassVar[Callable[..., Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _REGISTERED.append(cls)
        NUMPY_FUNCTIONS[cls.__name__] = cls.numpy_function
        MPMATH_FUNCTIONS[cls.__name__] = cls.mpmath_function
        _BY_NAME[cls.__name__] = cls
        if cls.spellings:
            register_function(KnownFunction(
                cls.__name__, cls, cls.spellings, arity=1,
                elementwise=not cls.takes_vector, takes_vector=cls.takes_vector,
                vector_valued=cls.vector_valued, parameter=cls.parameter))

    def kinks(self) -> list[Expr]:
        """Arguments at whose zeros this function has no derivative (ReLU: its argument)."""
        return []

    def _eval_evalf(self, prec: int) -> Expr | None:
        # Numbers go through the elementary form, which mpmath evaluates at any
        # precision without overflow; symbolic arguments stay as they are.
        if not all(arg.is_number for arg in self.args):
            return None
        return self.rewrite(exp).evalf(prec_to_dps(prec))

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        return _applied_latex(self.latex_name, self.args, printer, exp)


def _applied_latex(name: str, args: tuple, printer: Any, power: str | None) -> str:
    r"""`\name^{power}\left(a, b\right)`, as people write an applied function."""
    head = name if power is None else f"{name}^{{{power}}}"
    inside = ", ".join(printer._print(a) for a in args)
    return rf"{head}\left({inside}\right)"


def _as_float_array(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _unwrap(result: np.ndarray) -> Any:
    """A 0-d array back to a NumPy scalar, so scalar inputs give scalar outputs."""
    return result[()] if result.ndim == 0 else result


# --------------------------------------------------------------------------- element-wise


class _PositiveOnReals:
    """Real, and positive, wherever the argument is real (σ, softplus, Φ, φ)."""

    def _eval_is_extended_real(self) -> bool | None:
        return self.args[0].is_extended_real

    def _eval_is_positive(self) -> bool | None:
        return self.args[0].is_real


class _Cumulative(_PositiveOnReals):
    """What a distribution function is: 1/2 at 0, 0 and 1 at the infinities (exact values
    only), and real and positive on the reals. Mixed into σ and Φ."""

    @classmethod
    def eval(cls, x: Expr) -> Expr | None:
        if x.is_zero:
            return S.Half
        if x is S.Infinity:
            return S.One
        if x is S.NegativeInfinity:
            return S.Zero
        return None


class Sigmoid(_Cumulative, MLFunction):
    r"""The logistic sigmoid σ(x) = 1 / (1 + e^{-x}); σ' = σ(1 − σ).

    >>> Sigmoid(0)
    1/2
    """

    nargs = 1
    latex_name = r"\sigma"
    activation = "sigmoid"
    spellings = (r"\sigma", "sigma", "sigmoid", "logistic")

    def fdiff(self, argindex: int = 1) -> Expr:
        if argindex != 1:
            raise ArgumentIndexError(self, argindex)
        return self * (1 - self)


    def _eval_rewrite_as_exp(self, x: Expr, **kwargs: Any) -> Expr:
        return 1 / (1 + exp(-x))


    @staticmethod
    def numpy_function(x: Any) -> Any:
        x = _as_float_array(x)
        small = np.exp(-np.abs(x))  # e^{-|x|} <= 1: never overflows
        return _unwrap(np.where(x >= 0, 1 / (1 + small), small / (1 + small)))

    @staticmethod
    def mpmath_function(x: Any) -> Any:
        return 1 / (1 + mpmath.exp(-mpmath.mpf(x)))


class Softplus(_PositiveOnReals, MLFunction):
    r"""softplus(x) = log(1 + e^{x}); softplus' = σ.

    >>> Softplus(0)
    log(2)
    """

    nargs = 1
    latex_name = r"\operatorname{softplus}"
    activation = "softplus"
    spellings = ("softplus",)

    def fdiff(self, argindex: int = 1) -> Expr:
        if argindex != 1:
            raise ArgumentIndexError(self, argindex)
        return Sigmoid(self.args[0])

    @classmethod
    def eval(cls, x: Expr) -> Expr | None:
        if x.is_zero:
            return log(2)
        if x is S.Infinity:
            return S.Infinity
        if x is S.NegativeInfinity:
            return S.Zero
        return None

    def _eval_rewrite_as_exp(self, x: Expr, **kwargs: Any) -> Expr:
        return log(1 + exp(x))


    @staticmethod
    def numpy_function(x: Any) -> Any:
        x = _as_float_array(x)
        # log(1 + e^x) = max(x, 0) + log(1 + e^{-|x|}): no overflow, no lost digits
        return _unwrap(np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x))))

    @staticmethod
    def mpmath_function(x: Any) -> Any:
        return mpmath.log1p(mpmath.exp(mpmath.mpf(x)))


class ReLU(MLFunction):
    r"""ReLU(x) = max(x, 0); ReLU' = H(x) with H(0) = 0.

    >>> ReLU(-3), ReLU(Rational(5, 2))
    (0, 5/2)
    """

    nargs = 1
    latex_name = r"\operatorname{ReLU}"
    activation = "relu"
    spellings = ("relu",)

    def kinks(self) -> list[Expr]:
        return [self.args[0]]

    def fdiff(self, argindex: int = 1) -> Expr:
        if argindex != 1:
            raise ArgumentIndexError(self, argindex)
        return Heaviside(self.args[0], 0)

    @classmethod
    def eval(cls, x: Expr) -> Expr | None:
        if x.is_extended_nonnegative:
            return x
        if x.is_extended_nonpositive:
            return S.Zero
        return None

    def _eval_rewrite_as_Piecewise(self, x: Expr, **kwargs: Any) -> Expr:
        return Piecewise((x, x > 0), (0, True))

    def _eval_rewrite_as_Max(self, x: Expr, **kwargs: Any) -> Expr:
        return Max(x, 0)

    # No exponential in it, but rewrite(exp) is the comparison engine's way to reach an
    # expression free of these classes, so it gives the elementary (piecewise) form too.
    _eval_rewrite_as_exp = _eval_rewrite_as_Piecewise

    def _eval_is_extended_real(self) -> bool | None:
        return self.args[0].is_extended_real

    def _eval_is_extended_nonnegative(self) -> bool | None:
        return self.args[0].is_extended_real

    @staticmethod
    def numpy_function(x: Any) -> Any:
        return _unwrap(np.maximum(_as_float_array(x), 0.0))

    @staticmethod
    def mpmath_function(x: Any) -> Any:
        x = mpmath.mpf(x)
        return x if x > 0 else mpmath.mpf(0)


class LeakyReLU(MLFunction):
    r"""LeakyReLU(x, α) = x for x > 0, αx otherwise (α = 1/100 unless given).

    Derivative α + (1 − α) H(x) with H(0) = 0; with respect to α it is x (1 − H(x)).
    """

    nargs = (1, 2)
    latex_name = r"\operatorname{LeakyReLU}"
    activation = "leaky_relu"
    spellings = ("leakyrelu", "leaky_relu", "lrelu")
    parameter = "slope α"
    default_slope: ClassVar[Rational] = Rational(1, 100)

    def kinks(self) -> list[Expr]:
        return [self.args[0]]

    def __new__(cls, x: Any, alpha: Any = None, **options: Any) -> Expr:
        alpha = cls.default_slope if alpha is None else alpha
        return super().__new__(cls, x, alpha, **options)

    def fdiff(self, argindex: int = 1) -> Expr:
        x, alpha = self.args
        if argindex == 1:
            return alpha + (1 - alpha) * Heaviside(x, 0)
        if argindex == 2:
            return x * (1 - Heaviside(x, 0))
        raise ArgumentIndexError(self, argindex)

    @classmethod
    def eval(cls, x: Expr, alpha: Expr) -> Expr | None:
        if x.is_extended_nonnegative:
            return x
        if x.is_extended_nonpositive:
            return alpha * x
        return None

    def _eval_rewrite_as_Piecewise(self, x: Expr, alpha: Expr, **kwargs: Any) -> Expr:
        return Piecewise((x, x > 0), (alpha * x, True))

    _eval_rewrite_as_exp = _eval_rewrite_as_Piecewise  # see ReLU

    def _eval_is_extended_real(self) -> bool | None:
        return fuzzy_and(arg.is_extended_real for arg in self.args)

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        x, alpha = self.args
        shown = (x,) if alpha == self.default_slope else (x, alpha)
        return _applied_latex(self.latex_name, shown, printer, exp)

    @staticmethod
    def numpy_function(x: Any, alpha: Any = 0.01) -> Any:
        x = _as_float_array(x)
        return _unwrap(np.where(x > 0, x, alpha * x))

    @staticmethod
    def mpmath_function(x: Any, alpha: Any = 0.01) -> Any:
        x = mpmath.mpf(x)
        return x if x > 0 else mpmath.mpf(alpha) * x


class NormalCDF(_Cumulative, MLFunction):
    r"""Φ(x) = (1 + erf(x/√2)) / 2, the standard normal CDF; Φ' = φ.

    Never read from the letter Φ on its own (often a design matrix): declare it
    (`symbols: {\Phi: normal cdf}`) or write it by name.

    >>> NormalCDF(0)
    1/2
    """

    nargs = 1
    latex_name = r"\operatorname{normcdf}"
    spellings = ("normal cdf", "normal-cdf", "normal_cdf", "normcdf", "gaussian cdf")

    def fdiff(self, argindex: int = 1) -> Expr:
        if argindex != 1:
            raise ArgumentIndexError(self, argindex)
        return NormalPDF(self.args[0])


    def _eval_rewrite_as_exp(self, x: Expr, **kwargs: Any) -> Expr:
        return (1 + sympy.erf(x / sympy.sqrt(2))) / 2


    @staticmethod
    def numpy_function(x: Any) -> Any:
        return _unwrap(0.5 * (1 + _vector_erf(_as_float_array(x) / math.sqrt(2))))

    @staticmethod
    def mpmath_function(x: Any) -> Any:
        return mpmath.ncdf(mpmath.mpf(x))


class NormalPDF(_PositiveOnReals, MLFunction):
    r"""φ(x) = e^{-x^2/2} / √(2π), the standard normal density; φ'(x) = -x φ(x).

    >>> from sympy import Symbol
    >>> NormalPDF(Symbol("x")).diff(Symbol("x"))
    -x*NormalPDF(x)
    """

    nargs = 1
    latex_name = r"\operatorname{normpdf}"
    spellings = ("normal pdf", "normal-pdf", "normal_pdf", "normpdf", "gaussian pdf")

    def fdiff(self, argindex: int = 1) -> Expr:
        if argindex != 1:
            raise ArgumentIndexError(self, argindex)
        return -self.args[0] * self

    def _eval_rewrite_as_exp(self, x: Expr, **kwargs: Any) -> Expr:
        return exp(-x**2 / 2) / sympy.sqrt(2 * sympy.pi)


    @staticmethod
    def numpy_function(x: Any) -> Any:
        x = _as_float_array(x)
        return _unwrap(np.exp(-x * x / 2) / math.sqrt(2 * math.pi))

    @staticmethod
    def mpmath_function(x: Any) -> Any:
        return mpmath.npdf(mpmath.mpf(x))


class _SelfGated:
    """x g(x), an input gated by a function of itself (GELU, SiLU, Mish): written out at
    once, so the formula is what is differentiated and compared. A class sets `gate`
    and its two numeric twins."""

    nargs = 1
    gate: ClassVar[Callable[[Expr], Expr]]
    numpy_gate: ClassVar[Callable[[Any], Any]]
    mpmath_gate: ClassVar[Callable[[Any], Any]]

    @classmethod
    def eval(cls, x: Expr) -> Expr:
        return x * cls.gate(x)

    @classmethod
    def numpy_function(cls, x: Any) -> Any:
        return _as_float_array(x) * cls.numpy_gate(x)

    @classmethod
    def mpmath_function(cls, x: Any) -> Any:
        return mpmath.mpf(x) * cls.mpmath_gate(x)


class GELU(_SelfGated, MLFunction):
    r"""GELU(x) = x Φ(x)."""

    latex_name = r"\operatorname{GELU}"
    activation = "gelu"
    spellings = ("gelu",)
    gate = NormalCDF
    numpy_gate = staticmethod(NormalCDF.numpy_function)
    mpmath_gate = staticmethod(NormalCDF.mpmath_function)


class SiLU(_SelfGated, MLFunction):
    r"""SiLU(x) = swish(x) = x σ(x)."""

    latex_name = r"\operatorname{SiLU}"
    activation = "silu"
    spellings = ("silu", "swish")
    gate = Sigmoid
    numpy_gate = staticmethod(Sigmoid.numpy_function)
    mpmath_gate = staticmethod(Sigmoid.mpmath_function)


class Mish(_SelfGated, MLFunction):
    r"""Mish(x) = x tanh(softplus(x))."""

    latex_name = r"\operatorname{Mish}"
    activation = "mish"
    spellings = ("mish",)
    gate = staticmethod(lambda x: sympy.tanh(Softplus(x)))
    numpy_gate = staticmethod(lambda x: np.tanh(Softplus.numpy_function(x)))
    mpmath_gate = staticmethod(lambda x: mpmath.tanh(Softplus.mpmath_function(x)))


class ELU(MLFunction):
    r"""ELU(x, α) = x for x > 0, α (e^x − 1) otherwise (α = 1 unless given).

    Derivative H(x) + (1 − H(x)) α e^x, with H(0) = 0.

    >>> ELU(2), ELU(-1, Rational(1, 2))
    (2, -1/2 + exp(-1)/2)
    """

    nargs = (1, 2)
    latex_name = r"\operatorname{ELU}"
    activation = "elu"
    spellings = ("elu",)
    parameter = "α"

    def kinks(self) -> list[Expr]:
        return [self.args[0]]

    def __new__(cls, x: Any, alpha: Any = None, **options: Any) -> Expr:
        return super().__new__(cls, x, S.One if alpha is None else alpha, **options)

    def fdiff(self, argindex: int = 1) -> Expr:
        x, alpha = self.args
        if argindex == 1:
            return Heaviside(x, 0) + (1 - Heaviside(x, 0)) * alpha * exp(x)
        if argindex == 2:
            return (1 - Heaviside(x, 0)) * (exp(x) - 1)
        raise ArgumentIndexError(self, argindex)

    @classmethod
    def eval(cls, x: Expr, alpha: Expr) -> Expr | None:
        if x.is_extended_positive:
            return x
        if x.is_extended_nonpositive:
            return alpha * (exp(x) - 1)
        return None

    def _eval_rewrite_as_Piecewise(self, x: Expr, alpha: Expr, **kwargs: Any) -> Expr:
        return Piecewise((x, x > 0), (alpha * (exp(x) - 1), True))

    _eval_rewrite_as_exp = _eval_rewrite_as_Piecewise  # see ReLU

    def _eval_is_extended_real(self) -> bool | None:
        return fuzzy_and(arg.is_extended_real for arg in self.args)

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        x, alpha = self.args
        return _applied_latex(self.latex_name, (x,) if alpha == 1 else (x, alpha), printer,
                              exp)

    @staticmethod
    def numpy_function(x: Any, alpha: Any = 1.0) -> Any:
        x = _as_float_array(x)
        return _unwrap(np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0))))

    @staticmethod
    def mpmath_function(x: Any, alpha: Any = 1.0) -> Any:
        x = mpmath.mpf(x)
        return x if x > 0 else mpmath.mpf(alpha) * mpmath.expm1(x)


_vector_erf = np.vectorize(math.erf, otypes=[float])


# --------------------------------------------------------------------------- vector functions


class Softmax(MLFunction):
    r"""Component k (1-based) of softmax(z_1, …, z_n) = e^{z_k} / Σ_m e^{z_m}.

    ∂ softmax_k / ∂z_m = softmax_k (δ_{km} − softmax_m). The index k is an Integer or a
    Symbol; it is not a variable, so differentiating with respect to it is an error.

    >>> from sympy import symbols
    >>> z1, z2 = symbols("z_1 z_2")
    >>> Softmax(1, z1, z2).diff(z2)
    -Softmax(1, z_1, z_2)*Softmax(2, z_1, z_2)
    """

    latex_name = r"\operatorname{softmax}"
    spellings = ("softmax", r"soft\max")
    takes_vector = True
    vector_valued = True

    @classmethod
    def eval(cls, k: Expr, *z: Expr) -> Expr | None:
        if not z:
            raise TypeError("softmax needs at least one component: Softmax(k, z_1, ..., z_n)")
        if k.is_number and not (k.is_Integer and 1 <= k <= len(z)):
            raise ValueError(f"softmax index {k} is not one of 1, ..., {len(z)}")
        if len(set(z)) == 1:
            return Rational(1, len(z))
        return None

    def fdiff(self, argindex: int = 2) -> Expr:
        k, *z = self.args
        if argindex == 1 or not 1 < argindex <= len(self.args):
            raise ArgumentIndexError(self, argindex)  # argument 1 is the index
        m = argindex - 1
        return self * (KroneckerDelta(k, m) - Softmax(m, *z))

    def _eval_rewrite_as_exp(self, k: Expr, *z: Expr, **kwargs: Any) -> Expr:
        total = Add(*[exp(c) for c in z])
        if k.is_Integer:
            return exp(z[int(k) - 1]) / total
        picked = Add(*[KroneckerDelta(k, m) * exp(c) for m, c in enumerate(z, 1)])
        return picked / total

    def _eval_is_extended_real(self) -> bool | None:
        return fuzzy_and(c.is_extended_real for c in self.args[1:])

    def _eval_is_positive(self) -> bool | None:
        return fuzzy_and(c.is_real for c in self.args[1:])

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        k, *z = self.args
        tex = _applied_latex(self.latex_name, tuple(z), printer, None)
        tex = f"{tex}_{{{printer._print(k)}}}"
        return tex if exp is None else f"{tex}^{{{exp}}}"

    @staticmethod
    def numpy_function(k: Any, *z: Any) -> Any:
        stacked = np.stack(np.broadcast_arrays(*[_as_float_array(c) for c in z]))
        shifted = stacked - stacked.max(axis=0)  # largest exponent 0: no overflow
        weights = np.exp(shifted)
        probabilities = weights / weights.sum(axis=0)
        k = np.asarray(k)
        if k.ndim == 0:
            return _unwrap(probabilities[int(k) - 1])
        index = np.broadcast_to(k, probabilities.shape[1:]).astype(int) - 1
        return np.take_along_axis(probabilities, index[None], axis=0)[0]

    @staticmethod
    def mpmath_function(k: Any, *z: Any) -> Any:
        weights = [mpmath.exp(mpmath.mpf(c)) for c in z]
        return weights[int(k) - 1] / mpmath.fsum(weights)


class LogSumExp(MLFunction):
    r"""LSE(z_1, …, z_n) = log Σ_m e^{z_m}; ∂ LSE / ∂z_m = softmax_m(z).

    >>> from sympy import Symbol
    >>> LogSumExp(Symbol("z"))
    z
    """

    latex_name = r"\operatorname{LSE}"
    spellings = ("lse", "logsumexp")
    takes_vector = True

    @classmethod
    def eval(cls, *z: Expr) -> Expr | None:
        if not z:
            raise TypeError("log-sum-exp needs at least one component: LogSumExp(z_1, ...)")
        if len(set(z)) == 1:
            return z[0] + log(len(z)) if len(z) > 1 else z[0]
        return None

    def fdiff(self, argindex: int = 1) -> Expr:
        if not 1 <= argindex <= len(self.args):
            raise ArgumentIndexError(self, argindex)
        return Softmax(argindex, *self.args)

    def _eval_rewrite_as_exp(self, *z: Expr, **kwargs: Any) -> Expr:
        return log(Add(*[exp(c) for c in z]))

    def _eval_is_extended_real(self) -> bool | None:
        return fuzzy_and(c.is_extended_real for c in self.args)

    @staticmethod
    def numpy_function(*z: Any) -> Any:
        stacked = np.stack(np.broadcast_arrays(*[_as_float_array(c) for c in z]))
        top = stacked.max(axis=0)
        top = np.where(np.isfinite(top), top, 0.0)  # an infinite maximum passes through
        return _unwrap(top + np.log(np.exp(stacked - top).sum(axis=0)))

    @staticmethod
    def mpmath_function(*z: Any) -> Any:
        return mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(c)) for c in z))


class VectorFunction(MatrixExpr):
    r"""A vector function such as softmax applied to a column vector, in matrix form.

    Entry k (0-based) is `function(k + 1, z_1, ..., z_n)`, for any function indexed like
    `Softmax(k, *z)`; it prints as `\operatorname{softmax}\left(z\right)`.

    >>> from sympy import MatrixSymbol
    >>> VectorFunction(Softmax, MatrixSymbol("z", 2, 1)).as_explicit()[1, 0]
    Softmax(2, z[0, 0], z[1, 0])
    """

    def __new__(cls, function: type[Function] | Str | str, argument: MatrixExpr) -> Any:
        name = function.__name__ if isinstance(function, type) else str(function)
        argument = sympify(argument)
        if argument.shape[1] != 1:
            raise ValueError(f"{name} applies to a column vector, not to shape {argument.shape}")
        return Basic.__new__(cls, Str(name), argument)

    @property
    def function(self) -> type[MLFunction]:
        return _BY_NAME[str(self.args[0])]

    @property
    def argument(self) -> MatrixExpr:
        return self.args[1]

    @property
    def shape(self) -> tuple:
        return self.argument.shape

    def _entry(self, i: Any, j: Any, **kwargs: Any) -> Expr:
        n = self.argument.shape[0]
        components = [self.argument._entry(r, 0) for r in range(int(n))]
        return self.function(i + 1, *components)

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        return _applied_latex(self.function.latex_name, (self.argument,), printer, exp)


# --------------------------------------------------------------------------- points

class At(sympy.Subs):
    """`Subs(e, u, p)`, e with u at the point p (the chain rule's f′(g(x))), that costs
    nothing to rebuild.

    SymPy's `Subs` names its canonical variables by printing every point, so each rebuild
    (every `xreplace` of a definition into a layered network) prints the whole point, the
    derivatives nested in it included: the time grows with the square of the depth. Here
    the variables are named by their position. Printing, differentiating and `doit` are
    Subs' own.

        >>> u, x = sympy.symbols("u x")
        >>> f = Function("f")
        >>> At(f(u).diff(u), u, x**2).doit()
        Subs(Derivative(f(u), u), u, x**2)
    """

    def __new__(cls, expr, variables, point, **assumptions):
        variables = sympy.Tuple(*variables) if isinstance(variables, (tuple, list, sympy.Tuple)) \
            else sympy.Tuple(variables)
        point = sympy.Tuple(*point) if isinstance(point, (tuple, list, sympy.Tuple)) \
            else sympy.Tuple(point)
        if isinstance(expr, sympy.Subs):                 # nested: one substitution
            variables, point, expr = expr.variables + variables, expr.point + point, expr.expr
        obj = Expr.__new__(cls, expr, variables, point)
        obj._expr = expr.xreplace({v: _position(k) for k, v in enumerate(variables)})
        return obj

    def _hashable_content(self) -> tuple:
        # already canonical: Subs' own walks the free symbols of the body at every hash
        return (self._expr, self.point)


def _position(k: int) -> sympy.Symbol:
    return sympy.Symbol(f"⟨{k}⟩")


def held(expr: Any) -> Any:
    """`expr` with each of SymPy's own `Subs` (which `diff` builds for f(g(x))) made `At`."""
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(held)
    if not isinstance(expr, Basic):
        return expr
    return expr.replace(lambda e: type(e) is sympy.Subs, lambda e: At(*e.args))


# --------------------------------------------------------------------------- tables


def identity(x: Expr) -> Expr:
    """The identity activation (a linear layer): returns its argument."""
    return x


ACTIVATIONS: dict[str, Callable[[Expr], Expr]] = {
    **{cls.activation: cls for cls in _REGISTERED if cls.activation},
    "tanh": sympy.tanh,
    "identity": identity,
}

# NumPy twins of SymPy's own special functions: NumPy has no vectorised gamma, and the
# printer's default (math.gamma) takes no arrays.
_vector_gamma = np.vectorize(lambda x: math.gamma(x) if x > 0 or x != int(x) else np.nan,
                             otypes=[float])
NUMPY_FUNCTIONS["gamma"] = _vector_gamma
NUMPY_FUNCTIONS["factorial"] = lambda x: _vector_gamma(np.asarray(x, float) + 1)
MPMATH_FUNCTIONS["gamma"] = mpmath.gamma
MPMATH_FUNCTIONS["factorial"] = mpmath.factorial
NUMPY_FUNCTIONS["erf"] = _vector_erf
MPMATH_FUNCTIONS["erf"] = mpmath.erf

# The elementary functions the notation writes by name, with SymPy's own classes.
for _name, _apply, _spellings in (
        ("tanh", sympy.tanh, ("tanh",)), ("exp", sympy.exp, ("exp",)),
        ("sin", sympy.sin, ("sin",)), ("cos", sympy.cos, ("cos",)),
        ("tan", sympy.tan, ("tan",)), ("sinh", sympy.sinh, ("sinh",)),
        ("cosh", sympy.cosh, ("cosh",)), ("sech", sympy.sech, ("sech",)),
        ("arctan", sympy.atan, ("arctan", "atan")),
        ("sgn", sympy.sign, ("sgn", "sign")),
        ("Heaviside", lambda x: Heaviside(x, 0), ("heaviside",))):
    register_function(KnownFunction(_name, _apply, _spellings))
