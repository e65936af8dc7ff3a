# ruff: noqa: E501, E741, E731, N802, N803, N806, B023  (hand-written confirmation data)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part z).

Each claim and each document link is re-coded by hand as NumPy functions of random inputs.
Derivatives are compared against central finite differences (Hessians: central differences of a
complex-step gradient), rtol 1e-6; printed numbers are compared to one unit of their last printed digit.
Nothing here parses LaTeX.  A chain A = B = C yields one boolean per relation sign; a claim holds iff all
its links hold on every random draw.  Exit status is non-zero if any expectation disagrees with the numbers.
"""

import sys
from math import lgamma
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261206)
TRIALS = 3
H = 1e-6
DEF = "definition"


# ============================================================================ helpers
def d1(f, x, h=H):
    """Central difference of a scalar function of one variable."""
    return (f(x + h) - f(x - h)) / (2 * h)


def d2(f, x, h=1e-3):
    """Central second difference (exact for cubics up to rounding)."""
    return (f(x + h) - 2 * f(x) + f(x - h)) / (h * h)


def grad(f, x, h=H):
    """Central-difference gradient of a scalar function of an array (any shape)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        g[idx] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def cgrad(f, x, h=1e-30):
    """Complex-step gradient (f must accept complex input); exact to rounding."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros(x.shape, dtype=complex)
        e[idx] = 1j * h
        g[idx] = np.imag(f(x + e)) / h
    return g


def hess(f, x, h=1e-5):
    """Hessian as central differences of the complex-step gradient."""
    x = np.array(x, dtype=float)
    n = x.size
    Hm = np.zeros((n, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = h
        Hm[:, j] = (cgrad(f, x + e) - cgrad(f, x - e)) / (2 * h)
    return Hm


def same(a, b, rtol=1e-6, atol=1e-7):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def chain(*members, **kw):
    return [same(members[i], members[i + 1], **kw) for i in range(len(members) - 1)]


def num(value, printed, unit):
    """Printed number agrees with value to one unit of its last printed digit."""
    return bool(abs(float(value) - printed) <= unit * (1 + 1e-9))


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(t):
    e = np.exp(t - np.max(t))
    return e / e.sum()


def r(lo=-2.0, hi=2.0, size=None):
    return RNG.uniform(lo, hi, size=size)


def away(lo=0.1, hi=2.0):
    """A random number with |x| in [lo, hi] and random sign (keeps clear of special points)."""
    return float(RNG.choice([-1.0, 1.0]) * RNG.uniform(lo, hi))


def onehot(n, k):
    Y = np.zeros((n, k))
    Y[np.arange(n), RNG.integers(0, k, size=n)] = 1.0
    return Y


# ============================================================================ claims
C = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            C[i] = fn
        return fn
    return deco


def twin(cid, suffix):
    return cid.endswith(suffix)


# ---------------------------------------------------------------- DSC 40A: constant prediction / 1-D
@claim('z-dsc-scaled-mse-deriv', 'z-dsc-scaled-mse-deriv-sign')
def _(cid):
    y, a, h = r(size=5), r(0.5, 2.0), r()
    R = lambda t: np.mean(a * (y - t) ** 2)
    rhs = a * np.mean(2 * (y - h) * (-1))
    if twin(cid, 'sign'):
        rhs = a * np.mean(2 * (y - h))
    return chain(d1(R, h), rhs)


@claim('z-dsc-exp-slope', 'z-dsc-exp-slope-factor')
def _(cid):
    R = lambda t: np.exp((t + 1) ** 2)
    last = np.e if twin(cid, 'factor') else 2 * np.e
    return chain(d1(R, 0.0), 2 * (0 + 1) * np.exp((0 + 1) ** 2), last)


F3 = lambda t: t ** 3 + t ** 2


@claim('z-dsc-cubic-deriv', 'z-dsc-cubic-deriv-factor')
def _(cid):
    x = r()
    rhs = 3 * x ** 2 + x if twin(cid, 'factor') else 3 * x ** 2 + 2 * x
    return chain(d1(F3, x), d1(F3, x), rhs)


@claim('z-dsc-cubic-update', 'z-dsc-cubic-update-sign')
def _(cid):
    x, a = r(), 0.25
    nxt = x - a * d1(F3, x)
    last = (3 / 4) * x ** 2 + x / 2 if twin(cid, 'sign') else -(3 / 4) * x ** 2 + x / 2
    return chain(nxt, x - a * (3 * x ** 2 + 2 * x), last)


@claim('z-dsc-cubic-slope-left', 'z-dsc-cubic-slope-left-sign')
def _(cid):
    x0 = -1.0
    mid = 3 * (-1) ** 2 - 2 * (-1) if twin(cid, 'sign') else 3 * (-1) ** 2 + 2 * (-1)
    return chain(d1(F3, x0), d1(F3, -1.0), mid, 1.0)


@claim('z-dsc-cubic-step-left', 'z-dsc-cubic-step-left-sign')
def _(cid):
    x0, a = -1.0, 0.25
    x1 = x0 - a * d1(F3, x0)
    if twin(cid, 'sign'):
        return chain(x1, x0 - a * d1(F3, x0), -1 + 1 / 4, -3 / 4)
    return chain(x1, x0 - a * d1(F3, x0), -1 - 1 / 4, -5 / 4)


@claim('z-dsc-cubic-slope-right-source-error')
def _(cid):
    x0 = 1.0
    return chain(d1(F3, x0), d1(F3, -1.0), 3 * 1 ** 2 + 2 * 1, 5.0)


@claim('z-dsc-cubic-second', 'z-dsc-cubic-second-factor')
def _(cid):
    x = r()
    rhs = 3 * x + 2 if twin(cid, 'factor') else 6 * x + 2
    return chain(d2(F3, x), d2(F3, x), rhs)


@claim('z-dsc-billy-loss', 'z-dsc-billy-loss-sign')
def _(cid):
    y, h = r(0.5, 3.0), r(0.5, 3.0)
    while abs(np.log(y / h)) < 0.05:
        y = r(0.5, 3.0)
    LB = lambda t: np.log(y / t) ** 2
    lg = np.log(y / h)
    m2 = 2 * lg * d1(lambda t: np.log(y / t), h)
    m3 = 2 * lg * d1(lambda t: np.log(y) - np.log(t), h)
    m4 = 2 * lg * (-1 / h)
    m5 = (2 / h) * lg if twin(cid, 'sign') else -(2 / h) * lg
    return chain(d1(LB, h), d1(LB, h), m2, m3, m4, m5)


# ---------------------------------------------------------------- DSC 40A: tanh regression
def tanh_q(t):
    return (np.exp(2 * t) - 1) / (np.exp(2 * t) + 1)


@claim('z-dsc-tanh-quotient', 'z-dsc-tanh-quotient-order')
def _(cid):
    z = r()
    E = np.exp(2 * z)
    du = d1(lambda t: np.exp(2 * t) - 1, z)
    dv = d1(lambda t: np.exp(2 * t) + 1, z)
    if twin(cid, 'order'):
        m2 = (dv * (E - 1) - du * (E + 1)) / (E + 1) ** 2
        m3 = (2 * E * (E - 1) - 2 * E * (E + 1)) / (E + 1) ** 2
    else:
        m2 = (du * (E + 1) - dv * (E - 1)) / (E + 1) ** 2
        m3 = (2 * E * (E + 1) - 2 * E * (E - 1)) / (E + 1) ** 2
    return chain(d1(np.tanh, z), d1(tanh_q, z), m2, m3)


@claim('z-dsc-tanh-simplify', 'z-dsc-tanh-simplify-factor')
def _(cid):
    z = r()
    E = np.exp(2 * z)
    m1 = (2 if twin(cid, 'factor') else 4) * E / (E + 1) ** 2
    return chain(d1(np.tanh, z), m1, (2 * np.exp(z) / (E + 1)) ** 2, (2 / (np.exp(z) + np.exp(-z))) ** 2)


@claim('z-dsc-tanh-cosh', 'z-dsc-tanh-cosh-factor')
def _(cid):
    z = r()
    ch = (np.exp(z) + np.exp(-z)) / 2
    return chain(d1(np.tanh, z), (2 if twin(cid, 'factor') else 1) / ch ** 2)


def gprime(s):
    return d1(np.tanh, s)


def _tanh_setup(n=5, d=3):
    X, y, w, w0 = r(size=(n, d)), r(-1, 1, size=n), r(-1, 1, size=d), r(-1, 1)
    return X, y, w, w0


@claim('z-dsc-tanh-dh-dw0', 'z-dsc-tanh-dh-dw0-sigmaprime')
def _(cid):
    _, _, w, w0 = _tanh_setup()
    x = r(size=3)
    s = x @ w + w0
    lhs = d1(lambda t: np.tanh(x @ w + t), w0)
    m1 = gprime(s) * d1(lambda t: x @ w + t, w0)
    m2 = np.tanh(s) if twin(cid, 'sigmaprime') else gprime(s)
    return chain(lhs, m1, m2)


@claim('z-dsc-tanh-dh-dw', 'z-dsc-tanh-dh-dw-swapped')
def _(cid):
    _, _, w, w0 = _tanh_setup()
    x = r(size=3)
    s = x @ w + w0
    lhs = grad(lambda v: np.tanh(x @ v + w0), w)
    m1 = gprime(s) * grad(lambda v: x @ v + w0, w)
    m2 = gprime(s) * (w if twin(cid, 'swapped') else x)
    return chain(lhs, m1, m2)


@claim('z-dsc-tanh-dR-dw0', 'z-dsc-tanh-dR-dw0-factor')
def _(cid):
    X, y, w, w0 = _tanh_setup()
    n = len(y)
    R = lambda t: np.mean((y - np.tanh(X @ w + t)) ** 2)
    res = y - np.tanh(X @ w + w0)
    dh = np.array([d1(lambda t: np.tanh(X[i] @ w + t), w0) for i in range(n)])
    m1 = -2 / n * np.sum(res * dh)
    m2 = -(1 if twin(cid, 'factor') else 2) / n * np.sum(res * gprime(X @ w + w0))
    return chain(d1(R, w0), m1, m2)


@claim('z-dsc-tanh-dR-dw-source-error')
def _(cid):
    X, y, w, w0 = _tanh_setup()
    n = len(y)
    xg = r(size=3)                                  # the un-indexed x of the last member
    R = lambda v: np.mean((y - np.tanh(X @ v + w0)) ** 2)
    res = y - np.tanh(X @ w + w0)
    dh = np.array([grad(lambda v: np.tanh(X[i] @ v + w0), w) for i in range(n)])
    m1 = -2 / n * np.sum(res[:, None] * dh, axis=0)
    m2 = -2 / n * np.sum((res * gprime(xg @ w + w0))[:, None] * X, axis=0)
    return chain(grad(R, w), m1, m2)


# ---------------------------------------------------------------- DSC 40A: least squares, 2-D functions
@claim('z-dsc-lsq-gradient', 'z-dsc-lsq-gradient-factor', 'z-dsc-lsq-gradient-sign')
def _(cid):
    X, y, w = r(size=(6, 3)), r(size=6), r(size=3)
    f = lambda v: np.sum((y - X @ v) ** 2)
    c = -1 if twin(cid, 'factor') else (2 if twin(cid, 'sign') else -2)
    return chain(grad(f, w), c * X.T @ (y - X @ w))


G24 = lambda v: (v[0] - 3) ** 2 + (v[0] ** 2 - v[1]) ** 2


@claim('z-dsc-sp24-dg-dx1', 'z-dsc-sp24-dg-dx1-term')
def _(cid):
    x1, x2 = r(), r()
    lhs = d1(lambda t: G24([t, x2]), x1)
    rhs = 2 * (x1 - 3) + 2 * (x1 ** 2 - x2) * (1 if twin(cid, 'term') else 2 * x1)
    return chain(lhs, rhs)


@claim('z-dsc-sp24-dg-dx2', 'z-dsc-sp24-dg-dx2-sign')
def _(cid):
    x1, x2 = r(), r()
    while abs(x1 ** 2 - x2) < 0.1:
        x2 = r()
    lhs = d1(lambda t: G24([x1, t]), x2)
    rhs = 2 * (x1 ** 2 - x2) * (1 if twin(cid, 'sign') else -1)
    return chain(lhs, rhs)


@claim('z-dsc-sp24-grad-source-error')
def _(cid):
    x = np.array([r(), r()])
    while abs(x[0]) < 0.2:
        x[0] = r()
    rhs = np.array([2 * x[0] - 6 + 4 * x[0] * (4 * x[0] ** 2 - x[1]), -2 * (x[0] ** 2 - x[1])])
    return chain(grad(G24, x), rhs)


@claim('z-dsc-sp24-grad-at-point-source-error')
def _(cid):
    mid = np.array([2 * (-1 - 4) + 2 * ((-1) ** 2 - 1) * (2 * (-1)), 2 * ((-1) ** 2 - 1)])
    return chain(grad(G24, [-1.0, 1.0]), mid, np.array([-8.0, 0.0]))


@claim('z-dsc-sp24-step', 'z-dsc-sp24-step-sign')
def _(cid):
    x0, a = np.array([-1.0, 1.0]), 0.5
    x1 = x0 - a * grad(G24, x0)
    last = np.array([-5.0, 1.0]) if twin(cid, 'sign') else np.array([3.0, 1.0])
    return chain(x1, np.array([-1.0, 1.0]) - 0.5 * np.array([-8.0, 0.0]), last)


GSS = lambda v: v[0] ** 2 + v[1] ** 2 + v[0] * v[1] - 4 * v[0] - 6 * v[1] + 8


@claim('z-dsc-ss24-dg-dx1', 'z-dsc-ss24-dg-dx1-factor')
def _(cid):
    x1, x2 = r(), away()
    rhs = 2 * x1 + (2 if twin(cid, 'factor') else 1) * x2 - 4
    return chain(d1(lambda t: GSS([t, x2]), x1), rhs)


@claim('z-dsc-ss24-dg-dx2', 'z-dsc-ss24-dg-dx2-swapped')
def _(cid):
    x1 = r()
    x2 = x1 + away()
    rhs = (2 * x1 + x2 - 6) if twin(cid, 'swapped') else (2 * x2 + x1 - 6)
    return chain(d1(lambda t: GSS([x1, t]), x2), rhs)


@claim('z-dsc-ss24-grad-at-point', 'z-dsc-ss24-grad-at-point-sign')
def _(cid):
    mid = np.array([2 * 1 + 2 - 4, 2 * 2 + 1 - 6])
    last = np.array([0.0, 1.0]) if twin(cid, 'sign') else np.array([0.0, -1.0])
    return chain(grad(GSS, [1.0, 2.0]), mid, last)


@claim('z-dsc-wi24-mse-deriv', 'z-dsc-wi24-mse-deriv-sign', 'z-dsc-wi24-mse-deriv-factor')
def _(cid):
    y = np.array([-2.0, -1.0, 2.0, 4.0])
    h = 0.75 + away()
    R = lambda t: np.sum((y - t) ** 2) / 4
    if twin(cid, 'sign'):
        rhs = 0.5 * np.sum(y - h)
    elif twin(cid, 'factor'):
        rhs = 0.25 * np.sum(h - y)
    else:
        rhs = 0.5 * np.sum(h - y)
    return chain(d1(R, h), rhs)


G2 = lambda v: v[0] ** 2 + v[1] ** 2


@claim('z-dsc-gd2d-grad', 'z-dsc-gd2d-grad-factor')
def _(cid):
    x, y = away(), away()
    parts = np.array([d1(lambda t: G2([t, y]), x), d1(lambda t: G2([x, t]), y)])
    last = np.array([x, y]) if twin(cid, 'factor') else np.array([2 * x, 2 * y])
    return chain(grad(G2, [x, y]), parts, last)


def gd2d_step(p, a=0.25):
    p = np.array(p, dtype=float)
    return p - a * grad(G2, p)


@claim('z-dsc-gd2d-step0', 'z-dsc-gd2d-step0-factor')
def _(cid):
    p0 = np.array([1.0, -1.0])
    last = np.array([3 / 4, -3 / 4]) if twin(cid, 'factor') else np.array([1 / 2, -1 / 2])
    return chain(gd2d_step(p0), p0 - 0.25 * grad(G2, p0), np.array([1.0, -1.0]) - 0.25 * np.array([2.0, -2.0]), last)


@claim('z-dsc-gd2d-step1', 'z-dsc-gd2d-step1-sign')
def _(cid):
    p1 = np.array([0.5, -0.5])
    if twin(cid, 'sign'):
        return chain(gd2d_step(p1), p1 - 0.25 * grad(G2, p1), p1 + 0.25 * np.array([1.0, -1.0]), np.array([3 / 4, -3 / 4]))
    return chain(gd2d_step(p1), p1 - 0.25 * grad(G2, p1), p1 - 0.25 * np.array([1.0, -1.0]), np.array([1 / 4, -1 / 4]))


@claim('z-dsc-gd2d-step2', 'z-dsc-gd2d-step2-factor')
def _(cid):
    p2 = np.array([0.25, -0.25])
    if twin(cid, 'factor'):
        return chain(gd2d_step(p2), p2 - 0.25 * grad(G2, p2), p2 - 0.25 * np.array([0.25, -0.25]), np.array([3 / 16, -3 / 16]))
    return chain(gd2d_step(p2), p2 - 0.25 * grad(G2, p2), p2 - 0.25 * np.array([0.5, -0.5]), np.array([1 / 8, -1 / 8]))


LFA = lambda t: 0.5 * (t - 2.0) ** 2 + 3


@claim('z-dsc-fa24-slope0', 'z-dsc-fa24-slope0-sign')
def _(cid):
    if twin(cid, 'sign'):
        return chain(d1(LFA, 0.0), 2 - 0, 2.0)
    return chain(d1(LFA, 0.0), 0 - 2, -2.0)


@claim('z-dsc-fa24-step1', 'z-dsc-fa24-step1-sign')
def _(cid):
    h0, eta = 0.0, 0.5
    h1 = h0 - eta * d1(LFA, h0)
    if twin(cid, 'sign'):
        return chain(h1, h0 - eta * d1(LFA, h0), 0 - 0.5 * (-2), 0 - 1, -1.0)
    return chain(h1, h0 - eta * d1(LFA, h0), 0 - 0.5 * (-2), 0 + 1, 1.0)


@claim('z-dsc-fa24-step2', 'z-dsc-fa24-step2-factor')
def _(cid):
    h1, eta = 1.0, 0.5
    h2 = h1 - eta * d1(LFA, h1)
    if twin(cid, 'factor'):
        return chain(h2, h1 - eta * d1(LFA, h1), 1 - 0.5 * (-1), 1 + 1, 2.0)
    return chain(h2, h1 - eta * d1(LFA, h1), 1 - 0.5 * (-1), 1 + 0.5, 1.5)


# ---------------------------------------------------------------- X. Wang (tirmisula): Gaussian MLE
def _gauss():
    x, mu, v = r(-3, 3, size=6), r(), r(0.3, 3.0)
    return x, mu, v


def gauss_ll(x, mu, v):
    p = 1 / np.sqrt(2 * np.pi * v) * np.exp(-(x - mu) ** 2 / (2 * v))
    return np.log(np.prod(p))


@claim('z-tirmisula-loglik', 'z-tirmisula-loglik-factor', 'z-tirmisula-loglik-sign')
def _(cid):
    x, mu, v = _gauss()
    n = len(x)
    q = -(x - mu) ** 2 / (2 * v)
    c = 1 / np.sqrt(2 * np.pi * v)
    m1 = np.sum(np.log(c * np.exp(q)))
    m2 = np.sum(np.log(c * np.exp(q)))
    m3 = np.sum(np.log(c) + np.log(np.exp(q)))
    m4 = n * np.log(c) + np.sum(np.log(np.exp(q)))
    m5 = n * np.log(c) + np.sum(q)
    a = n if twin(cid, 'factor') else n / 2
    s = 1 if twin(cid, 'sign') else -1
    m6 = -n / 2 * np.log(2 * np.pi) - a * np.log(v) + s / (2 * v) * np.sum((x - mu) ** 2)
    return chain(gauss_ll(x, mu, v), m1, m2, m3, m4, m5, m6)


@claim('z-tirmisula-dmu', 'z-tirmisula-dmu-factor', 'z-tirmisula-dmu-sign')
def _(cid):
    x, mu, v = _gauss()
    while abs(np.sum(x - mu)) < 0.2:
        mu = r()
    lhs = d1(lambda t: gauss_ll(x, t, v), mu)
    if twin(cid, 'factor'):
        rhs = 1 / (2 * v) * np.sum(x - mu)
    elif twin(cid, 'sign'):
        rhs = 1 / v * np.sum(mu - x)
    else:
        rhs = 1 / v * np.sum(x - mu)
    return chain(lhs, rhs)


@claim('z-tirmisula-dvar', 'z-tirmisula-dvar-factor', 'z-tirmisula-dvar-term')
def _(cid):
    x, mu, v = _gauss()
    n = len(x)
    S = np.sum((x - mu) ** 2)
    lhs = d1(lambda t: gauss_ll(x, mu, t), v)
    if twin(cid, 'factor'):
        rhs = -n / (2 * v) + S / v ** 2
    elif twin(cid, 'term'):
        rhs = -n / (2 * v) + S / (2 * v)
    else:
        rhs = -n / (2 * v) + S / (2 * v ** 2)
    return chain(lhs, rhs)


# ---------------------------------------------------------------- tatsy: softmax regression
@claim('z-tatsy-dce', 'z-tatsy-dce-swapped')
def _(cid):
    D = 4
    y = onehot(1, D)[0]
    yt = softmax(r(size=D))
    L = lambda p: np.sum(-y * np.log(p))
    lhs = grad(L, yt)
    with np.errstate(divide='ignore'):
        rhs = -yt / y if twin(cid, 'swapped') else -y / yt
    return chain(lhs, rhs)


@claim('z-tatsy-softmax-jacobian', 'z-tatsy-softmax-jacobian-sign')
def _(cid):
    D = 4
    t = r(size=D)
    yt = softmax(t)
    J = np.stack([grad(lambda u: softmax(u)[i], t) for i in range(D)])    # J[i, j] = d y_i / d t_j
    s = 1 if twin(cid, 'sign') else -1
    rhs = np.diag(yt) + s * np.outer(yt, yt)
    return chain(J, rhs)


@claim('z-tatsy-dt-dA', 'z-tatsy-dt-dA-index')
def _(cid):
    A, x, b = r(size=(3, 4)), r(size=4), r(size=3)
    T = np.zeros((3, 4, 3))                                               # T[i, j, k] = d t_k / d A_ij
    for k in range(3):
        T[:, :, k] = grad(lambda M: (M @ x + b)[k], A)
    rhs = np.zeros((3, 4, 3))
    for i in range(3):
        for j in range(4):
            for k in range(3):
                rhs[i, j, k] = ((j == k) * x[i]) if twin(cid, 'index') else ((i == k) * x[j])
    return chain(T, T, rhs)


@claim('z-tatsy-dt-db-source-error')
def _(cid):
    A, x, b = r(size=(3, 4)), r(size=4), r(size=3)
    J = np.stack([grad(lambda v: (A @ x + v)[i], b) for i in range(3)])  # J[i, j] = d t_i / d b_j
    return chain(J, np.ones((3, 3)))


# ---------------------------------------------------------------- ssshun3: logistic / softmax / least squares
@claim('z-ssshun3-dz-dw', 'z-ssshun3-dz-dw-sigmaprime')
def _(cid):
    w, xn = r(size=3), r(size=3)
    m = int(RNG.integers(0, 3))
    while abs(xn[m]) < 0.2:
        xn[m] = r()
    z = sig(w @ xn)

    def zf(t):
        ww = w.copy()
        ww[m] = t
        return sig(ww @ xn)
    rhs = z * xn[m] if twin(cid, 'sigmaprime') else z * (1 - z) * xn[m]
    return chain(d1(zf, w[m]), rhs)


@claim('z-ssshun3-logistic-simplify', 'z-ssshun3-logistic-simplify-sign')
def _(cid):
    N = 5
    y = RNG.integers(0, 2, size=N).astype(float)
    z = r(0.05, 0.95, size=N)
    xm = r(size=N)
    while abs(np.sum((y - z) * xm)) < 0.1:
        xm = r(size=N)
    m1 = np.sum((y / z - (1 - y) / (1 - z)) * z * (1 - z) * xm)
    m2 = np.sum((y * (1 - z) - z * (1 - y)) * xm)
    m3 = np.sum((z - y) * xm) if twin(cid, 'sign') else np.sum((y - z) * xm)
    return chain(m1, m2, m3)


@claim('z-ssshun3-softmax-grad', 'z-ssshun3-softmax-grad-sign')
def _(cid):
    N, K, d = 4, 3, 3
    Xs, Y, W = r(size=(N, d)), onehot(N, K), r(size=(K, d))
    h, m = int(RNG.integers(0, K)), int(RNG.integers(0, d))
    E = lambda V: -np.sum(Y * np.log(np.stack([softmax(V @ Xs[n]) for n in range(N)])))
    Z = np.stack([softmax(W @ Xs[n]) for n in range(N)])
    lhs = grad(E, W)[h, m]
    s = -1 if twin(cid, 'sign') else 1
    rhs = s * np.sum((Z[:, h] - Y[:, h]) * Xs[:, m])
    return chain(lhs, rhs)


def _poly(N=5, M=2):
    xs, t, w = r(-1.5, 1.5, size=N), r(size=N), r(size=M + 1)
    Phi = np.stack([xs ** p for p in range(M + 1)], axis=1)                # Phi[n, m] = x_n^m
    return xs, t, w, Phi


@claim('z-ssshun3-lsq-quadratic-term', 'z-ssshun3-lsq-quadratic-term-index')
def _(cid):
    xs, t, w, Phi = _poly()
    m = int(RNG.integers(1, 3))
    while abs(w @ Phi.T @ Phi[:, m] - w @ Phi.T @ Phi[:, 0]) < 0.1:
        w = r(size=len(w))
    lhs = sum(w[mp] * np.sum(xs ** mp * xs ** m) for mp in range(3))
    rhs = w @ Phi.T @ Phi[:, 0] if twin(cid, 'index') else w @ Phi.T @ Phi[:, m]
    return chain(lhs, rhs)


@claim('z-ssshun3-lsq-target-term', 'z-ssshun3-lsq-target-term-index')
def _(cid):
    xs, t, w, Phi = _poly()
    m = int(RNG.integers(1, 3))
    while abs(t @ Phi[:, m] - t @ Phi[:, 0]) < 0.1:
        t = r(size=len(t))
    rhs = t @ Phi[:, 0] if twin(cid, 'index') else t @ Phi[:, m]
    return chain(np.sum(t * xs ** m), rhs)


def ED(w, xs, t):
    return 0.5 * np.sum((np.stack([xs ** p for p in range(len(w))], axis=1) @ w - t) ** 2)


@claim('z-ssshun3-lsq-partial', 'z-ssshun3-lsq-partial-sign')
def _(cid):
    xs, t, w, Phi = _poly()
    m = int(RNG.integers(0, 3))
    while abs(t @ Phi[:, m]) < 0.1:
        t = r(size=len(t))
    lhs = grad(lambda v: ED(v, xs, t), w)[m]
    s = 1 if twin(cid, 'sign') else -1
    return chain(lhs, w @ Phi.T @ Phi[:, m] + s * (t @ Phi[:, m]))


@claim('z-ssshun3-lsq-gradient', 'z-ssshun3-lsq-gradient-factor')
def _(cid):
    xs, t, w, Phi = _poly()
    c = 2 if twin(cid, 'factor') else 1
    return chain(grad(lambda v: ED(v, xs, t), w), w @ Phi.T @ Phi - c * (t @ Phi))


# ---------------------------------------------------------------- Liang Qiu: k-means
@claim('z-liangqiu-kmeans-source-error')
def _(cid):
    N, K, d = 6, 3, 2
    Xs = r(size=(N, d))
    lab = np.array([0, 1, 2] + list(RNG.integers(0, K, size=N - K)))
    Rm = np.zeros((N, K))
    Rm[np.arange(N), lab] = 1.0
    Mu = r(size=(K, d))
    k = int(RNG.integers(0, K))
    J = lambda M: np.sum(Rm * np.stack([np.sum((Xs - M[j]) ** 2, axis=1) for j in range(K)], axis=1))
    lhs = grad(J, Mu)[k]
    m1 = -2 * sum(np.sum(Rm[:, [j]] * (Xs - Mu[j]), axis=0) for j in range(K))
    m2 = -2 * sum(Rm[:, j] @ Xs - Rm[:, j].sum() * Mu[j] for j in range(K))
    return chain(lhs, m1, m2)


# ---------------------------------------------------------------- Chanseok Kang: Poisson regression
def _pois(n=6):
    X = np.stack([np.ones(n), r(-1, 1, size=n)], axis=1)
    y = RNG.integers(0, 6, size=n).astype(float)
    beta = r(-0.5, 0.5, size=2)
    lfact = np.array([lgamma(v + 1) for v in y])
    l = lambda b: np.mean(y * (X @ b) - np.exp(X @ b) - lfact)
    return X, y, beta, l


@claim('z-goodboychan-poisson-grad', 'z-goodboychan-poisson-grad-factor', 'z-goodboychan-poisson-grad-sign')
def _(cid):
    X, y, beta, l = _pois()
    n = len(y)
    mu = np.exp(X @ beta)
    if twin(cid, 'factor'):
        rhs = -np.sum(y[:, None] * X - mu[:, None] * X, axis=0)
    elif twin(cid, 'sign'):
        rhs = -np.sum(y[:, None] * X + mu[:, None] * X, axis=0) / n
    else:
        rhs = -np.sum(y[:, None] * X - mu[:, None] * X, axis=0) / n
    return chain(-grad(l, beta), rhs)


@claim('z-goodboychan-poisson-hessian', 'z-goodboychan-poisson-hessian-sign')
def _(cid):
    X, y, beta, l = _pois()
    n = len(y)
    mu = np.exp(X @ beta)
    rhs = sum(mu[i] * np.outer(X[i], X[i]) for i in range(n)) / n
    if twin(cid, 'sign'):
        rhs = -rhs
    return chain(-hess(l, beta), -hess(l, beta), rhs)


# ---------------------------------------------------------------- gaoshoufenmu: SVM Lagrangian
def _svm(m=5, d=3):
    Xs, y = r(size=(m, d)), RNG.choice([-1.0, 1.0], size=m)
    al, w, b = r(0.1, 1.0, size=m), r(size=d), r()
    L = lambda w_, b_: 0.5 * np.sum(w_ ** 2) + np.sum(al * (1 - y * (Xs @ w_ + b_)))
    return Xs, y, al, w, b, L


@claim('z-gao-svm-dw', 'z-gao-svm-dw-sign', 'z-gao-svm-dw-factor')
def _(cid):
    Xs, y, al, w, b, L = _svm()
    s = (al * y) @ Xs
    if twin(cid, 'sign'):
        rhs = w + s
    elif twin(cid, 'factor'):
        rhs = 0.5 * w - s
    else:
        rhs = w - s
    return chain(grad(lambda v: L(v, b), w), rhs)


@claim('z-gao-svm-db', 'z-gao-svm-db-term')
def _(cid):
    Xs, y, al, w, b, L = _svm()
    while abs(np.sum(al * y) - np.sum(al)) < 0.1:                       # all labels +1 would hide the twin
        Xs, y, al, w, b, L = _svm()
    rhs = -np.sum(al) if twin(cid, 'term') else -np.sum(al * y)
    return chain(d1(lambda t: L(w, t), b), rhs)


# ============================================================================ documents
DOCS = {}


def doc(name):
    def deco(fn):
        DOCS[name] = fn
        return fn
    return deco


def cl(cid):
    return C[cid](cid)


@doc('z-tirmisula-gaussian-mle')
def _():
    return [[DEF], [DEF], cl('z-tirmisula-loglik'), cl('z-tirmisula-dmu'), [DEF], cl('z-tirmisula-dvar'), [DEF]]


@doc('z-dsc-billy-loss')
def _():
    out = [[DEF], cl('z-dsc-billy-loss'), [DEF]]
    y, h = r(0.5, 3.0, size=5), r(0.5, 3.0)
    n = len(y)
    RB = lambda t: np.mean(np.log(y / t) ** 2)
    m1 = np.mean([d1(lambda t: np.log(yi / t) ** 2, h) for yi in y])
    m2 = np.mean(-2 / h * np.log(y / h))
    m3 = -2 / (n * h) * np.sum(np.log(y / h))
    out.append(chain(d1(RB, h), m1, m2, m3))
    out.append(chain(np.sum(np.log(y / h)), np.sum(np.log(y) - np.log(h))))
    out.append([DEF])
    out.append([same((3 * 5 * 16) ** (1 / 3), 240 ** (1 / 3)), num(240 ** (1 / 3), 6.214, 0.001)])
    return out


def _tanh_doc(mutated):
    z = r()
    E = np.exp(2 * z)
    gamma_two = chain((np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)), (E - 1) / (E + 1))
    return [[DEF, DEF], [DEF] + gamma_two,
            cl('z-dsc-tanh-quotient'),
            cl('z-dsc-tanh-simplify-factor' if mutated else 'z-dsc-tanh-simplify'),
            [DEF],
            cl('z-dsc-tanh-cosh'),
            cl('z-dsc-tanh-dh-dw0'),
            cl('z-dsc-tanh-dh-dw-swapped' if mutated else 'z-dsc-tanh-dh-dw'),
            [DEF],
            cl('z-dsc-tanh-dR-dw0'),
            cl('z-dsc-tanh-dR-dw-source-error')]


@doc('z-dsc-tanh-regression')
def _():
    return _tanh_doc(False)


@doc('z-dsc-tanh-regression-mutated')
def _():
    return _tanh_doc(True)


@doc('z-ssshun3-linear-regression')
def _():
    xs, t, w, Phi = _poly()
    m = int(RNG.integers(0, 3))
    lhs = grad(lambda v: ED(v, xs, t), w)[m]
    rhs = np.sum((Phi @ w - t) * xs ** m)                                # sum_n (sum_m' w_m' x_n^m' - t_n) x_n^m
    return [[DEF], chain(lhs, rhs), [DEF] * 4,
            cl('z-ssshun3-lsq-quadratic-term'), cl('z-ssshun3-lsq-target-term'),
            cl('z-ssshun3-lsq-partial'), cl('z-ssshun3-lsq-gradient')]


@doc('z-dsc-gradient-descent-2d')
def _():
    x, y = away(), away()
    gr = grad(G2, [x, y])
    parts = np.array([d1(lambda t: G2([t, y]), x), d1(lambda t: G2([x, t]), y)])
    out = [[DEF], chain(gr, parts), chain(parts[0], 2 * x), chain(parts[1], 2 * y)]
    pts = [np.array([1.0, -1.0]) / 2 ** k for k in range(5)]
    printed_grads = [np.array([2.0, -2.0]) / 2 ** k for k in range(4)]
    it = np.array([1.0, -1.0])                                           # iterate recomputed from the start
    for k in range(4):
        out.append([DEF] if k == 0 else chain(it, pts[k]))
        out.append(chain(grad(G2, pts[k]), printed_grads[k]))
        nxt = gd2d_step(it)
        out.append(chain(nxt, it - 0.25 * grad(G2, it), pts[k] - 0.25 * printed_grads[k], pts[k + 1]))
        it = nxt
    return out


# ============================================================================ main
def relation_count(text):
    """Relation signs outside braces: '=' and '\\approx' (an '=' in a subscript such as \\sum_{i = 1} is no relation)."""
    depth = n = 0
    for k, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and (ch in "=≈" or text.startswith(r"\approx", k)):
            n += 1
    return n


def main():
    failures = []
    items = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    missing = [i for i in ids if i not in C]
    extra = [i for i in C if i not in ids]
    assert not missing and not extra, (missing, extra)
    n_valid = n_invalid = 0
    for it in items:
        assert relation_count(it["claim"]) >= 1, it["id"]
        verdicts = []
        for _ in range(TRIALS):
            res = C[it["id"]](it["id"])
            assert res and all(isinstance(v, bool) for v in res), it["id"]
            assert len(res) == relation_count(it["claim"]), (it["id"], len(res), relation_count(it["claim"]))
            verdicts.append(all(res))
        if it["expect"] == "valid":
            n_valid += 1
            ok = all(verdicts)
        else:
            n_invalid += 1
            ok = not any(verdicts)
        if not ok:
            failures.append(f"claim {it['id']}: expect {it['expect']}, numbers say {verdicts}")
    assert len(items) == n_valid + n_invalid == len(C)

    doc_files = sorted(p.name[: -len(".expect.yaml")] for p in (HERE / "docs").glob("*.expect.yaml"))
    md_files = sorted(p.name[: -len(".md")] for p in (HERE / "docs").glob("*.md"))
    assert doc_files == md_files == sorted(DOCS), (doc_files, md_files, sorted(DOCS))
    n_links = n_eq = 0
    for name in doc_files:
        exp = yaml.safe_load((HERE / "docs" / f"{name}.expect.yaml").read_text())
        md = (HERE / "docs" / f"{name}.md").read_text().splitlines()
        for trial in range(TRIALS):
            got = DOCS[name]()
            assert len(got) == len(exp["links"]), (name, len(got), len(exp["links"]))
            for link, res in zip(exp["links"], got, strict=True):
                assert len(res) == len(link["expect"]) == relation_count(link["text"]), (name, link["line"])
                assert link["text"] in md[link["line"] - 1], (name, link["line"])
                if trial == 0:
                    n_links += 1
                for e, rr in zip(link["expect"], res, strict=True):
                    if trial == 0:
                        n_eq += 1
                    if e == DEF or rr is DEF:
                        if not (e == DEF and rr is DEF):
                            failures.append(f"doc {name} line {link['line']}: expect {e}, checker says {rr}")
                    elif (e == "valid") != rr:
                        failures.append(f"doc {name} line {link['line']}: expect {e}, numbers say {rr} (trial {trial})")
        for m in exp.get("mutations") or []:
            assert m["now"] in md[m["line"] - 1], (name, m)
    print(f"claims checked: {len(items)} ({n_valid} valid, {n_invalid} invalid), {TRIALS} random draws each")
    print(f"documents checked: {len(doc_files)}, relation lines: {n_links}, relation links: {n_eq}")
    if failures:
        print(f"FAILED: {len(failures)} disagreement(s)")
        for f in failures:
            print("  " + f)
        return 1
    print("all expectations agree with the numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
