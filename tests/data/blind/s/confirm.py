# ruff: noqa: E501, E741, E743, B023  (hand-written confirmation data, kept as transcribed)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part s).

Every claim and every document link is coded by hand below as NumPy (or mpmath) expressions of
random inputs: each relation chain becomes a list of member values, derivatives are taken by
central finite differences of the given functions, and printed numbers are compared to one unit
of their last printed digit.  Nothing here parses LaTeX.

A chain holds when every pair of neighbouring members agrees (rtol 1e-6) at every random draw.
A claim marked `valid` must hold; a claim marked `invalid` must fail.  For documents each `=` link
is checked on its own; `definition` links are only counted.
"""

import math
import sys
import zlib
from pathlib import Path

import mpmath
import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261205)
TRIALS = 12
RTOL = 1e-6
ATOL = 1e-8


# --------------------------------------------------------------------------- helpers
class Printed:
    """A number printed in the source; equal to a value within one unit of its last digit."""

    def __init__(self, *texts):
        self.texts = texts

    def matches(self, value):
        v = np.atleast_1d(np.asarray(value, dtype=float)).ravel()
        if v.size != len(self.texts):
            return False
        for x, t in zip(v, self.texts, strict=False):
            dec = len(t.split(".")[1]) if "." in t else 0
            if abs(x - float(t)) > 10.0 ** (-dec) + 1e-12:
                return False
        return True


def same(a, b):
    if isinstance(a, Printed) and isinstance(b, Printed):
        return a.texts == b.texts
    if isinstance(a, Printed):
        return a.matches(b)
    if isinstance(b, Printed):
        return b.matches(a)
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))


def fd(f, x, h=1e-6):
    """Central finite-difference gradient of scalar f at array x (same shape as x)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp = x.copy()
        xm = x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def fd1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def jac(f, x, h=1e-6):
    """Finite-difference Jacobian of vector f at vector x: J[i, j] = d f_i / d x_j."""
    x = np.array(x, dtype=float)
    cols = []
    for j in range(x.size):
        xp = x.copy()
        xm = x.copy()
        xp[j] += h
        xm[j] -= h
        cols.append((np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h))
    return np.stack(cols, axis=-1)


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def psi(z):
    return float(mpmath.digamma(z))


def lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def Phi(z):
    return 0.5 * (1.0 + np.vectorize(math.erf)(np.asarray(z) / math.sqrt(2.0)))


def phi(z):
    return np.exp(-0.5 * np.asarray(z) ** 2) / math.sqrt(2 * math.pi)


def chain_holds(members):
    return all(same(a, b) for a, b in zip(members, members[1:], strict=False))


# --------------------------------------------------------------------------- claims
CLAIMS = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            CLAIMS[i] = (fn, i)
        return fn

    return deco


# ---- OpenSRDK: univariate normal
def normal_logp(x, mu, s):
    return -0.5 * math.log(2 * math.pi) - 0.5 * math.log(s**2) - (x - mu) ** 2 / (2 * s**2)


def normal_draw(r):
    return r.normal(), r.normal(), r.uniform(0.5, 2.0)


@claim("s-opensrdk-normal-dx", "s-opensrdk-normal-dx-sign")
def _(r, cid):
    x, mu, s = normal_draw(r)
    lhs = fd1(lambda t: normal_logp(t, mu, s), x)
    rhs = -(x - mu) / s**2 if cid.endswith("dx") else (x - mu) / s**2
    return [lhs, rhs]


@claim("s-opensrdk-normal-dmu", "s-opensrdk-normal-dmu-factor")
def _(r, cid):
    x, mu, s = normal_draw(r)
    lhs = fd1(lambda t: normal_logp(x, t, s), mu)
    k = 1.0 if cid.endswith("dmu") else 0.5
    return [lhs, k * (x - mu) / s**2]


@claim("s-opensrdk-normal-dsigma", "s-opensrdk-normal-dsigma-factor")
def _(r, cid):
    x, mu, s = normal_draw(r)
    lhs = fd1(lambda t: normal_logp(x, mu, t), s)
    k = 1.0 if cid.endswith("dsigma") else 2.0
    return [lhs, (x - mu) ** 2 / s**3 - k / s]


# ---- OpenSRDK: univariate Cauchy
def cauchy_logp(x, mu, s):
    return -math.log(math.pi) - math.log(s) - math.log(1 + (x - mu) ** 2 / s**2)


@claim("s-opensrdk-cauchy-dx", "s-opensrdk-cauchy-dx-factor")
def _(r, cid):
    x, mu, s = normal_draw(r)
    q = 1 + (x - mu) ** 2 / s**2
    m = [
        fd1(lambda t: cauchy_logp(t, mu, s), x),
        -(1 / q) * (2 * x - 2 * mu) / s**2,
        -1 / ((s**2 + (x - mu) ** 2) / s**2) * 2 * (x - mu) / s**2,
    ]
    k = 2.0 if cid.endswith("dx") else 1.0
    return m + [-k * (x - mu) / (s**2 + (x - mu) ** 2)]


@claim("s-opensrdk-cauchy-dmu", "s-opensrdk-cauchy-dmu-sign")
def _(r, cid):
    x, mu, s = normal_draw(r)
    q = 1 + (x - mu) ** 2 / s**2
    lhs = fd1(lambda t: cauchy_logp(x, t, s), mu)
    sg = 1.0 if cid.endswith("dmu") else -1.0
    return [
        lhs,
        -(1 / q) * (-sg * (2 * x - 2 * mu) / s**2),
        sg / ((s**2 + (x - mu) ** 2) / s**2) * 2 * (x - mu) / s**2,
        sg * 2 * (x - mu) / (s**2 + (x - mu) ** 2),
    ]


@claim("s-opensrdk-cauchy-dsigma", "s-opensrdk-cauchy-dsigma-term")
def _(r, cid):
    x, mu, s = normal_draw(r)
    q = 1 + (x - mu) ** 2 / s**2
    m = [
        fd1(lambda t: cauchy_logp(x, mu, t), s),
        -1 / s - (1 / q) * (-2 * (x - mu) ** 2 / s**3),
        1 / ((s**2 + (x - mu) ** 2) / s**2) * 2 * (x - mu) ** 2 / s**3 - 1 / s,
    ]
    last = 2 / s * (x - mu) ** 2 / (s**2 + (x - mu) ** 2)
    if cid.endswith("dsigma"):
        last -= 1 / s
    return m + [last]


# ---- OpenSRDK: Beta
def beta_logp(x, a, b):
    return (a - 1) * math.log(x) + (b - 1) * math.log(1 - x) - lbeta(a, b)


def beta_draw(r):
    return r.uniform(0.1, 0.9), r.uniform(0.5, 4.0), r.uniform(0.5, 4.0)


@claim("s-opensrdk-beta-dx", "s-opensrdk-beta-dx-sign")
def _(r, cid):
    x, a, b = beta_draw(r)
    lhs = fd1(lambda t: beta_logp(t, a, b), x)
    sg = -1.0 if cid.endswith("dx") else 1.0
    return [lhs, (a - 1) / x + (b - 1) * (sg / (1 - x)), (a - 1) / x + sg * (b - 1) / (1 - x)]


@claim("s-opensrdk-beta-dalpha", "s-opensrdk-beta-dalpha-sign")
def _(r, cid):
    x, a, b = beta_draw(r)
    lhs = fd1(lambda t: beta_logp(x, t, b), a)
    m2 = math.log(x) - fd1(lambda t: lbeta(t, b), a)
    m3 = math.log(x) - fd1(math.lgamma, a) + fd1(lambda t: math.lgamma(t + b), a)
    sg = 1.0 if cid.endswith("dalpha") else -1.0
    return [lhs, m2, m3, math.log(x) - psi(a) + sg * psi(a + b)]


@claim("s-opensrdk-beta-dbeta", "s-opensrdk-beta-dbeta-swapped")
def _(r, cid):
    x, a, b = beta_draw(r)
    lhs = fd1(lambda t: beta_logp(x, a, t), b)
    m2 = math.log(1 - x) - fd1(lambda t: lbeta(a, t), b)
    m3 = math.log(1 - x) - fd1(math.lgamma, b) + fd1(lambda t: math.lgamma(a + t), b)
    first = b if cid.endswith("dbeta") else a
    return [lhs, m2, m3, math.log(1 - x) - psi(first) + psi(a + b)]


@claim("s-opensrdk-beta-function")
def _(r, cid):
    a, b = r.uniform(1.2, 4.0), r.uniform(1.2, 4.0)
    integral = float(mpmath.quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1), [0, 1]))
    return [integral, (math.gamma(a) + math.gamma(b)) / math.gamma(a + b)]


# ---- OpenSRDK: Bernoulli, Poisson
@claim("s-opensrdk-bernoulli-dp", "s-opensrdk-bernoulli-dp-sign")
def _(r, cid):
    x, p = float(r.integers(0, 2)), r.uniform(0.1, 0.9)
    lhs = fd1(lambda t: x * math.log(t) + (1 - x) * math.log(1 - t), p)
    sg = -1.0 if cid.endswith("dp") else 1.0
    return [lhs, x / p + sg * (1 - x) / (1 - p)]


@claim("s-opensrdk-poisson-log", "s-opensrdk-poisson-log-sign")
def _(r, cid):
    x, lam = int(r.integers(0, 8)), r.uniform(0.5, 6.0)
    lhs = math.log(lam**x / math.factorial(x) * math.exp(-lam))
    sg = -1.0 if cid.endswith("log") else 1.0
    return [lhs, x * math.log(lam) - math.log(math.factorial(x)) + sg * lam]


@claim("s-opensrdk-poisson-dlambda", "s-opensrdk-poisson-dlambda-term")
def _(r, cid):
    x, lam = int(r.integers(0, 8)), r.uniform(0.5, 6.0)
    lhs = fd1(lambda t: x * math.log(t) - math.log(math.factorial(x)) - t, lam)
    return [lhs, x / lam - (1.0 if cid.endswith("dlambda") else 0.0)]


# ---- OpenSRDK: multivariate normal with Sigma = L^T L
def mvn_logp(x, mu, S):
    n = x.size
    d = x - mu
    return -0.5 * n * math.log(2 * math.pi) - 0.5 * math.log(np.linalg.det(S)) - 0.5 * d @ np.linalg.solve(S, d)


def mvn_draw(r, n=3):
    L = r.normal(size=(n, n)) + 2 * np.eye(n)
    return r.normal(size=n), r.normal(size=n), L


@claim("s-opensrdk-mvn-dmu", "s-opensrdk-mvn-dmu-factor")
def _(r, cid):
    x, mu, L = mvn_draw(r)
    S = L.T @ L
    Si = np.linalg.inv(S)
    k = 0.5 if cid.endswith("dmu") else 1.0
    return [fd(lambda t: mvn_logp(x, t, S), mu), k * Si @ (2 * x - 2 * mu), np.linalg.inv(L.T @ L) @ (x - mu)]


@claim("s-opensrdk-mvn-dx")
def _(r, cid):
    x, mu, L = mvn_draw(r)
    S = L.T @ L
    Si = np.linalg.inv(S)
    return [fd(lambda t: mvn_logp(t, mu, S), x), -0.5 * Si @ (2 * x - 2 * mu), -np.linalg.inv(L @ L.T) @ (x - mu)]


# ---- OpenSRDK: multivariate Cauchy with Sigma = L L^T
def mvcauchy_logp(x, mu, L):
    n = x.size
    S = L @ L.T
    d = (x - mu) @ np.linalg.solve(S, x - mu)
    return (
        math.lgamma((1 + n) / 2) - math.lgamma(0.5) - n / 2 * math.log(math.pi)
        - math.log(abs(np.linalg.det(L))) - (1 + n) / 2 * math.log(1 + d)
    )


@claim("s-opensrdk-cauchy-mv-dx", "s-opensrdk-cauchy-mv-dx-factor")
def _(r, cid):
    x, mu, L = mvn_draw(r)
    n = x.size
    Si = np.linalg.inv(L @ L.T)
    d = (x - mu) @ Si @ (x - mu)
    k = 2.0 if cid.endswith("dx") else 1.0
    return [
        fd(lambda t: mvcauchy_logp(t, mu, L), x),
        -(1 + n) / 2 / (1 + d) * k * (x - mu) @ Si,
        -(1 + n) / (1 + d) * (x - mu) @ Si,
    ]


@claim("s-opensrdk-cauchy-mv-dmu", "s-opensrdk-cauchy-mv-dmu-sign")
def _(r, cid):
    x, mu, L = mvn_draw(r)
    n = x.size
    Si = np.linalg.inv(L @ L.T)
    d = (x - mu) @ Si @ (x - mu)
    sg = 1.0 if cid.endswith("dmu") else -1.0
    return [
        fd(lambda t: mvcauchy_logp(x, t, L), mu),
        -(1 + n) / 2 / (1 + d) * (-2 * (x - mu) @ Si),
        sg * (1 + n) / (1 + d) * (x - mu) @ Si,
    ]


# ---- pyglmnet cheatsheet
def glm_draw(r, n=7, p=3, counts=True, binary=False):
    X = r.normal(size=(n, p))
    b0 = r.normal(scale=0.5)
    b = r.normal(scale=0.5, size=p)
    if binary:
        y = r.integers(0, 2, size=n).astype(float)
    elif counts:
        y = r.integers(0, 6, size=n).astype(float)
    else:
        y = r.normal(size=n)
    lam, alpha = r.uniform(0.1, 1.0), r.uniform(0.1, 0.9)
    return X, y, b0, b, lam, alpha


def pen(b, lam, alpha):
    return lam * (1 - alpha) * 0.5 * np.sum(b**2)


def softplus_J(X, y, b0, b, lam, alpha):
    z = b0 + X @ b
    return np.mean(np.log1p(np.exp(z))) - np.mean(y * np.log(np.log1p(np.exp(z)))) + pen(b, lam, alpha)


@claim("s-pyglmnet-softplus-dbeta0", "s-pyglmnet-softplus-dbeta0-sign")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r)
    z = b0 + X @ b
    s, mu = sig(z), np.log1p(np.exp(z))
    sg = -1.0 if cid.endswith("dbeta0") else 1.0
    return [fd1(lambda t: softplus_J(X, y, t, b, lam, al), b0), np.mean(s) + sg * np.mean(y * s / mu)]


@claim("s-pyglmnet-softplus-dbetaj")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r)
    z = b0 + X @ b
    s, mu = sig(z), np.log1p(np.exp(z))
    rhs = np.mean(s[:, None] * X, 0) - np.mean((s * y * s / mu)[:, None] * X, 0) + lam * (1 - al) * b
    return [fd(lambda t: softplus_J(X, y, b0, t, lam, al), b), rhs]


@claim("s-pyglmnet-softplus-hess-beta0")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r)

    def g0(t):  # the (verified) intercept gradient
        z = t + X @ b
        return np.mean(sig(z)) - np.mean(y * sig(z) / np.log1p(np.exp(z)))

    z = b0 + X @ b
    s, mu = sig(z), np.log1p(np.exp(z))
    rhs = np.mean(s * (1 - s)) - np.mean(y * (s * (1 - s) / mu - s / mu**2))
    return [fd1(g0, b0), rhs]


ETA = 0.3


def poislin_mu(z):
    return np.where(z <= ETA, np.exp(np.minimum(z, ETA)), np.exp(ETA) * z + (1 - ETA) * np.exp(ETA))


def poislin_J(X, y, b0, b, lam, alpha):
    mu = poislin_mu(b0 + X @ b)
    return -(np.sum(y * np.log(mu)) - np.sum(mu)) / len(y) + pen(b, lam, alpha)


def poislin_draw(r):
    X, y, b0, b, lam, al = glm_draw(r, n=9)
    z = b0 + X @ b
    assert np.any(z > ETA) and np.any(z <= ETA) or True
    return X, y, b0, b, lam, al


@claim("s-pyglmnet-poislin-dbeta0", "s-pyglmnet-poislin-dbeta0-link")
def _(r, cid):
    X, y, b0, b, lam, al = poislin_draw(r)
    z = b0 + X @ b
    mu = poislin_mu(z)
    lo, hi = z <= ETA, z > ETA
    n = len(y)
    k = math.exp(ETA) if cid.endswith("dbeta0") else 1.0
    rhs = np.sum((mu - y)[lo]) / n + np.sum(k * (1 - y / mu)[hi]) / n
    return [fd1(lambda t: poislin_J(X, y, t, b, lam, al), b0), rhs]


@claim("s-pyglmnet-poislin-dbetaj")
def _(r, cid):
    X, y, b0, b, lam, al = poislin_draw(r)
    z = b0 + X @ b
    mu = poislin_mu(z)
    lo, hi = z <= ETA, z > ETA
    n = len(y)
    rhs = ((mu - y) * lo) @ X / n + (math.exp(ETA) * (1 - y / mu) * hi) @ X / n
    return [fd(lambda t: poislin_J(X, y, b0, t, lam, al), b), rhs]


@claim("s-pyglmnet-poislin-hess-beta0", "s-pyglmnet-poislin-hess-beta0-factor")
def _(r, cid):
    X, y, b0, b, lam, al = poislin_draw(r)
    n = len(y)

    def g0(t):  # verified intercept gradient
        z = t + X @ b
        mu = poislin_mu(z)
        return np.sum((mu - y)[z <= ETA]) / n + np.sum(math.exp(ETA) * (1 - y / mu)[z > ETA]) / n

    z = b0 + X @ b
    mu = poislin_mu(z)
    k = math.exp(ETA) ** 2 if cid.endswith("beta0") else math.exp(ETA)
    rhs = np.sum(mu[z <= ETA]) / n + np.sum((k * y / mu**2)[z > ETA]) / n
    return [fd1(g0, b0), rhs]


def gauss_J(X, y, b0, b, lam, alpha):
    return np.sum((y - (b0 + X @ b)) ** 2) / (2 * len(y)) + pen(b, lam, alpha)


@claim("s-pyglmnet-gaussian-dbeta0", "s-pyglmnet-gaussian-dbeta0-sign")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, counts=False)
    mu = b0 + X @ b
    res = (y - mu) if cid.endswith("dbeta0") else (mu - y)
    return [fd1(lambda t: gauss_J(X, y, t, b, lam, al), b0), -np.mean(res)]


@claim("s-pyglmnet-gaussian-dbetaj", "s-pyglmnet-gaussian-dbetaj-factor")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, counts=False)
    mu = b0 + X @ b
    k = 1.0 if cid.endswith("dbetaj") else 0.5
    return [fd(lambda t: gauss_J(X, y, b0, t, lam, al), b), -(y - mu) @ X / len(y) + k * lam * (1 - al) * b]


@claim("s-pyglmnet-gaussian-hess-betaj", "s-pyglmnet-gaussian-hess-betaj-term")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, counts=False)

    def g(t):  # verified coefficient gradient
        return -(y - (b0 + X @ t)) @ X / len(y) + lam * (1 - al) * t

    diag = np.diag(jac(g, b))
    k = 1.0 if cid.endswith("betaj") else 0.0
    return [diag, np.sum(X**2, 0) / len(y) + k * lam * (1 - al)]


def logit_J(X, y, b0, b, lam, alpha):
    mu = sig(b0 + X @ b)
    return -np.mean(y * np.log(mu) + (1 - y) * np.log(1 - mu)) + pen(b, lam, alpha)


@claim("s-pyglmnet-logistic-dbetaj", "s-pyglmnet-logistic-dbetaj-sign")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, binary=True)
    mu = sig(b0 + X @ b)
    res = (y - mu) if cid.endswith("dbetaj") else (mu - y)
    return [fd(lambda t: logit_J(X, y, b0, t, lam, al), b), -res @ X / len(y) + lam * (1 - al) * b]


@claim("s-pyglmnet-logistic-hess-betaj", "s-pyglmnet-logistic-hess-betaj-sigmaprime")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, binary=True)

    def g(t):
        return -(y - sig(b0 + X @ t)) @ X / len(y) + lam * (1 - al) * t

    mu = sig(b0 + X @ b)
    w = mu * (1 - mu) if cid.endswith("betaj") else mu
    return [np.diag(jac(g, b)), w @ X**2 / len(y) + lam * (1 - al)]


def probit_J(X, y, b0, b, lam, alpha):
    mu = Phi(b0 + X @ b)
    return -np.mean(y * np.log(mu) + (1 - y) * np.log(1 - mu)) + pen(b, lam, alpha)


@claim("s-pyglmnet-probit-dbetaj", "s-pyglmnet-probit-dbetaj-sign")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, binary=True)
    z = b0 + X @ b
    m, dm = Phi(z), phi(z)
    sg = -1.0 if cid.endswith("dbetaj") else 1.0
    brace = y * dm / m + sg * (1 - y) * dm / (1 - m)
    return [fd(lambda t: probit_J(X, y, b0, t, lam, al), b), -brace @ X / len(y) + lam * (1 - al) * b]


@claim("s-pyglmnet-probit-hess-beta0", "s-pyglmnet-probit-hess-beta0-sign")
def _(r, cid):
    X, y, b0, b, lam, al = glm_draw(r, binary=True)

    def g0(t):  # intercept gradient, same form as the verified beta_j gradient
        z = t + X @ b
        m, dm = Phi(z), phi(z)
        return -np.mean(y * dm / m - (1 - y) * dm / (1 - m))

    z = b0 + X @ b
    m, dm = Phi(z), phi(z)
    sg = 1.0 if cid.endswith("beta0") else -1.0
    rhs = np.mean(dm * (y * (z * m + sg * dm) / m**2 + (1 - y) * (-z * (1 - m) + dm) / (1 - m) ** 2))
    return [fd1(g0, b0), rhs]


@claim("s-pyglmnet-gamma-dbeta0")
def _(r, cid):
    X, _, b0, b, lam, al = glm_draw(r)
    y = r.uniform(0.2, 3.0, size=len(X))
    nu = r.uniform(0.5, 3.0)

    def J(t):
        mu = np.log1p(np.exp(t + X @ b))
        return -np.mean(nu * (-y / mu - np.log(mu))) + pen(b, lam, al)

    z = b0 + X @ b
    mu, dmu = np.log1p(np.exp(z)), sig(z)
    return [fd1(J, b0), np.mean(nu * (y / mu**2 - 1 / mu) * dmu)]


# ---- hkawabata: logistic regression, ADALINE, SVM
def hk_logistic_draw(r, n=6, m=3):
    X = r.normal(size=(n, m))
    y = r.integers(0, 2, size=n).astype(float)
    w = r.normal(size=m)
    return X, y, w


def hk_loglik(X, y, w):
    phz = sig(X @ w)
    return math.log(np.prod(phz**y * (1 - phz) ** (1 - y)))


@claim("s-hkawabata-logistic-loglik", "s-hkawabata-logistic-loglik-sign")
def _(r, cid):
    X, y, w = hk_logistic_draw(r)
    phz = sig(X @ w)
    sg = 1.0 if cid.endswith("loglik") else -1.0
    l = hk_loglik(X, y, w)
    return [l, l, np.sum(y * np.log(phz)) + sg * np.sum((1 - y) * np.log(1 - phz))]


@claim("s-hkawabata-logistic-grad", "s-hkawabata-logistic-grad-sign")
def _(r, cid):
    X, y, w = hk_logistic_draw(r)
    phz = sig(X @ w)
    res = (y - phz) if cid.endswith("grad") else (phz - y)
    return [fd(lambda t: hk_loglik(X, y, t), w), res @ X]


@claim("s-hkawabata-adaline-cost", "s-hkawabata-adaline-cost-factor")
def _(r, cid):
    X, _, w = hk_logistic_draw(r)
    y = r.normal(size=len(X))
    z = X @ w  # phi(z) = z
    k = 0.5 if cid.endswith("cost") else 1.0
    return [0.5 * np.sum((y - z) ** 2), k * np.sum((y - X @ w) ** 2)]


@claim("s-hkawabata-adaline-grad", "s-hkawabata-adaline-grad-sign")
def _(r, cid):
    X, _, w = hk_logistic_draw(r)
    y = r.normal(size=len(X))
    sg = -1.0 if cid.endswith("grad") else 1.0
    return [fd(lambda t: 0.5 * np.sum((y - X @ t) ** 2), w), sg * (y - X @ w) @ X]


def svm_draw(r, n=5, d=3):
    X = r.normal(size=(n, d))
    y = r.choice([-1.0, 1.0], size=n)
    return X, y, r.normal(size=d), r.normal(), r.uniform(0, 1, size=n), r.normal(size=n), r.normal(size=n), r.uniform(0.5, 2)


def soft_L(X, y, w, b, xi, lam, mu, C):
    return 0.5 * w @ w + C * np.sum(xi) - np.sum(lam * (1 - xi - y * (X @ w + b))) + np.sum(mu * xi)


@claim("s-hkawabata-svm-soft-db", "s-hkawabata-svm-soft-db-sign")
def _(r, cid):
    X, y, w, b, xi, lam, mu, C = svm_draw(r)
    sg = 1.0 if cid.endswith("db") else -1.0
    return [fd1(lambda t: soft_L(X, y, w, t, xi, lam, mu, C), b), sg * np.sum(lam * y)]


@claim("s-hkawabata-svm-soft-dw", "s-hkawabata-svm-soft-dw-factor")
def _(r, cid):
    X, y, w, b, xi, lam, mu, C = svm_draw(r)
    k = 1.0 if cid.endswith("dw") else 2.0
    return [fd(lambda t: soft_L(X, y, t, b, xi, lam, mu, C), w), k * w + (lam * y) @ X]


@claim("s-hkawabata-svm-soft-dxi", "s-hkawabata-svm-soft-dxi-sign")
def _(r, cid):
    X, y, w, b, xi, lam, mu, C = svm_draw(r)
    sg = 1.0 if cid.endswith("dxi") else -1.0
    return [fd(lambda t: soft_L(X, y, w, b, t, lam, mu, C), xi), C * np.ones_like(xi) + sg * lam + mu]


@claim("s-hkawabata-svm-hard-lagrangian", "s-hkawabata-svm-hard-lagrangian-sign")
def _(r, cid):
    X, y, w, b, _, lam, _, _ = svm_draw(r)
    L = 0.5 * w @ w - np.sum(lam * (1 - y * (X @ w + b)))
    sg = 1.0 if cid.endswith("lagrangian") else -1.0
    return [L, 0.5 * w @ w - np.sum(lam) + w @ ((lam * y) @ X) + sg * b * np.sum(lam * y)]


@claim("s-hkawabata-svm-dual-step", "s-hkawabata-svm-dual-step-factor", "s-hkawabata-svm-dual-step-index")
def _(r, cid):
    X, y, _, _, _, lam, _, _ = svm_draw(r)
    eta = r.uniform(0.01, 0.5)
    K = X @ X.T

    def l(t):
        return -np.sum(t) - 0.5 * np.sum(np.outer(t * y, t * y) * K)

    if cid.endswith("index"):  # y^(j) y^(j) = 1 in place of y^(k) y^(j)
        rhs = lam - eta * (1 + K @ (lam * y * y))
    else:
        k = 1.0 if cid.endswith("step") else 0.5
        rhs = lam - eta * (1 + k * y * (K @ (lam * y)))
    return [lam + eta * fd(l, lam), rhs]


# ---- nktmemoja: hinge subgradient
@claim("s-nktmemoja-hinge-subgrad", "s-nktmemoja-hinge-subgrad-sign", "s-nktmemoja-hinge-subgrad-factor")
def _(r, cid):
    d = 3
    x, w = r.normal(size=d), r.normal(size=d)
    y = r.choice([-1.0, 1.0])
    lam = r.uniform(0.1, 1.0)
    while abs(1 - y * w @ x) < 1e-3:
        w = r.normal(size=d)

    def J(t):
        return max(0.0, 1 - y * t @ x) + lam * t @ t

    sx = 1.0 if cid.endswith("sign") else -1.0
    k = 1.0 if cid.endswith("factor") else 2.0
    rhs = sx * y * x + k * lam * w if 1 - y * w @ x >= 0 else k * lam * w
    return [fd(J, w), rhs]


# ---- PumpkinBook chapter 3
def pk_simple_draw(r, m=6):
    return r.normal(size=m), r.normal(size=m), r.normal(), r.normal()


@claim("s-pumpkin-linreg-dw", "s-pumpkin-linreg-dw-sign")
def _(r, cid):
    x, y, w, b = pk_simple_draw(r)
    def E(t):
        return np.sum((y - t * x - b) ** 2)
    d = fd1(E, w)
    per_term = np.sum([fd1(lambda t, i=i: (y[i] - t * x[i] - b) ** 2, w) for i in range(len(x))])
    sg = -1.0 if cid.endswith("dw") else 1.0
    return [
        d, d, per_term,
        np.sum(2 * (y - w * x - b) * (-x)),
        np.sum(2 * (w * x**2 - y * x + b * x)),
        2 * (w * np.sum(x**2) - np.sum(y * x) + b * np.sum(x)),
        2 * (w * np.sum(x**2) - np.sum((y + sg * b) * x)),
    ]


@claim("s-pumpkin-linreg-db", "s-pumpkin-linreg-db-factor")
def _(r, cid):
    x, y, w, b = pk_simple_draw(r)
    m = len(x)
    def E(t):
        return np.sum((y - w * x - t) ** 2)
    d = fd1(E, b)
    per_term = np.sum([fd1(lambda t, i=i: (y[i] - w * x[i] - t) ** 2, b) for i in range(m)])
    k = m if cid.endswith("db") else 1
    return [
        d, d, per_term,
        np.sum(2 * (y - w * x - b) * (-1)),
        np.sum(2 * (b - y + w * x)),
        2 * (m * b - np.sum(y) + np.sum(w * x)),
        2 * (k * b - np.sum(y - w * x)),
    ]


def pk_ls_draw(r, m=6, d=2):
    X = np.hstack([r.normal(size=(m, d)), np.ones((m, 1))])
    return X, r.normal(size=m), r.normal(size=d + 1)


@claim("s-pumpkin-ls-expand", "s-pumpkin-ls-expand-sign")
def _(r, cid):
    X, y, w = pk_ls_draw(r)
    sg = -1.0 if cid.endswith("expand") else 1.0
    return [(y - X @ w) @ (y - X @ w), y @ y - y @ X @ w + sg * w @ X.T @ y + w @ X.T @ X @ w]


@claim("s-pumpkin-ls-grad", "s-pumpkin-ls-grad-factor")
def _(r, cid):
    X, y, w = pk_ls_draw(r)
    k = 2.0 if cid.endswith("grad") else 1.0
    return [
        fd(lambda t: (y - X @ t) @ (y - X @ t), w),
        0 - X.T @ y - X.T @ y + (X.T @ X + X.T @ X) @ w,
        k * X.T @ (X @ w - y),
    ]


def pk_logreg_draw(r, m=6, d=2):
    X = np.hstack([r.normal(size=(m, d)), np.ones((m, 1))])
    return X, r.integers(0, 2, size=m).astype(float), r.normal(size=d + 1)


def pk_nll(X, y, beta):
    u = X @ beta
    return np.sum(-y * u + np.log1p(np.exp(u)))


@claim("s-pumpkin-logreg-grad", "s-pumpkin-logreg-grad-sign")
def _(r, cid):
    X, y, beta = pk_logreg_draw(r)
    u = X @ beta
    e = np.exp(u)
    p1 = e / (1 + e)
    g = fd(lambda t: pk_nll(X, y, t), beta)
    per_term = sum(
        fd(lambda t, i=i: -y[i] * X[i] @ t, beta) + fd(lambda t, i=i: np.log1p(np.exp(X[i] @ t)), beta)
        for i in range(len(y))
    )
    sg = -1.0 if cid.endswith("grad") else 1.0
    return [
        g, g, per_term,
        np.sum(-y[:, None] * X + (1 / (1 + e))[:, None] * X * e[:, None], 0),
        sg * np.sum(X * (y - e / (1 + e))[:, None], 0),
        sg * np.sum(X * (y - p1)[:, None], 0),
    ]


@claim("s-pumpkin-logreg-grad-vec", "s-pumpkin-logreg-grad-vec-transpose")
def _(r, cid):
    X, y, beta = pk_logreg_draw(r)
    yhat = sig(X @ beta)  # p_1 = hat y
    last = X.T @ (yhat - y) if cid.endswith("vec") else X.T @ (y - yhat)
    return [
        fd(lambda t: pk_nll(X, y, t), beta),
        -np.sum(X * (y - yhat)[:, None], 0),
        np.sum(X * (yhat - y)[:, None], 0),
        last,
    ]


@claim("s-pumpkin-logreg-hessian", "s-pumpkin-logreg-hessian-sigmaprime", "s-pumpkin-logreg-hessian-order")
def _(r, cid):
    X, y, beta = pk_logreg_draw(r)

    def grad(t):  # the given gradient
        e = np.exp(X @ t)
        return -np.sum(X * (y - e / (1 + e))[:, None], 0)

    e = np.exp(X @ beta)
    p1 = e / (1 + e)
    outer = np.einsum("ij,ik->ijk", X, X)
    if cid.endswith("hessian"):
        return [jac(grad, beta), np.sum(outer * (e / (1 + e) / (1 + e))[:, None, None], 0),
                np.sum(outer * (p1 * (1 - p1))[:, None, None], 0)]
    if cid.endswith("order"):  # inner product x^T x (a scalar per sample) instead of the outer product
        return [jac(grad, beta), np.sum(outer * (e / (1 + e) / (1 + e))[:, None, None], 0),
                np.sum(np.sum(X * X, 1) * p1 * (1 - p1))]
    return [jac(grad, beta), np.sum(outer * (e / (1 + e))[:, None, None], 0), np.sum(outer * p1[:, None, None], 0)]


@claim("s-pumpkin-lda-lagrangian", "s-pumpkin-lda-lagrangian-sign")
def _(r, cid):
    d = 3
    Sb, Sw, w, lam = r.normal(size=(d, d)), r.normal(size=(d, d)), r.normal(size=d), r.normal()
    def L(t):
        return -t @ Sb @ t + lam * (t @ Sw @ t - 1)
    m2 = -fd(lambda t: t @ Sb @ t, w) + lam * fd(lambda t: t @ Sw @ t - 1, w)
    sg = 1.0 if cid.endswith("lagrangian") else -1.0
    return [fd(L, w), m2, -(Sb + Sb.T) @ w + sg * lam * (Sw + Sw.T) @ w]


@claim("s-pumpkin-lda-lagrangian-sym", "s-pumpkin-lda-lagrangian-sym-factor")
def _(r, cid):
    d = 3
    A, B = r.normal(size=(d, d)), r.normal(size=(d, d))
    Sb, Sw = A + A.T, B @ B.T
    w, lam = r.normal(size=d), r.normal()
    def L(t):
        return -t @ Sb @ t + lam * (t @ Sw @ t - 1)
    k = 2.0 if cid.endswith("sym") else 1.0
    return [fd(L, w), -k * Sb @ w + k * lam * Sw @ w]


# ---- xyxxxxx ml-intro
@claim("s-xyxxxxx-logreg-grad", "s-xyxxxxx-logreg-grad-factor")
def _(r, cid):
    N, D = 7, 3
    X = r.normal(size=(N, D))
    y = r.integers(0, 2, size=N).astype(float)
    w = r.normal(size=D)

    def R(t):
        yh = sig(X @ t)
        return -np.mean(y * np.log(yh) + (1 - y) * np.log(1 - yh))

    k = 1.0 / N if cid.endswith("grad") else 1.0
    return [fd(R, w), -k * (y - sig(X @ w)) @ X]


@claim("s-xyxxxxx-softmax-grad", "s-xyxxxxx-softmax-grad-transpose", "s-xyxxxxx-softmax-grad-sign")
def _(r, cid):
    N, D, C = 6, 3, 4
    X = r.normal(size=(N, D))
    Y = np.eye(C)[r.integers(0, C, size=N)]
    W = r.normal(size=(D, C))

    def R(T):
        return -np.mean([Y[n] @ np.log(softmax(T.T @ X[n])) for n in range(N)])

    Yh = np.array([softmax(W.T @ X[n]) for n in range(N)])
    if cid.endswith("transpose"):
        rhs = -sum(np.outer(Y[n] - Yh[n], X[n]) for n in range(N)) / N
    else:
        sg = -1.0 if cid.endswith("grad") else 1.0
        rhs = sg * sum(np.outer(X[n], Y[n] - Yh[n]) for n in range(N)) / N
    return [fd(R, W), rhs]


# --------------------------------------------------------------------------- documents
# Each function returns one entry per `=` link of the expect file's link: None for a
# `definition`, otherwise the pair (left value, right value) of that link.
DOCS = {}


def doc(*names):
    def deco(fn):
        for nm in names:
            DOCS[nm] = fn
        return fn

    return deco


def pairs(members):
    return list(zip(members, members[1:], strict=False))


HK_DATA = np.array([10.08, 8.04, -1.37, 3.83, 7.65, 3.85, 0.71, 4.75, 12.35, -17.46])


@doc("hkawabata-point-estimation", "hkawabata-point-estimation-mutated")
def _(r, name):
    mut = name.endswith("mutated")
    p = r.uniform(0.1, 0.9)
    def L(t):
        return t**3 * (1 - t) ** 2
    dL = fd1(L, p)
    dlog = fd1(lambda t: math.log(L(t)), p)
    n = 10
    x = r.normal(scale=3.0, size=n)
    s = r.uniform(0.5, 4.0)
    def f(xx, t):
        return 1 / (math.sqrt(2 * math.pi) * t) * np.exp(-(xx**2) / (2 * t**2))
    def Ls(t):
        return np.prod(f(x, t))
    S = np.sum(x**2)
    m1 = -n / (2 * s) if mut else -n / s
    return [
        [None, (p * p * (1 - p) * p * (1 - p), p**3 * (1 - p) ** 2)],
        pairs([dL, 3 * p**2 * (1 - p) ** 2 - 2 * p**3 * (1 - p), p**2 * (1 - p) * (3 - 5 * p)]),
        [None],
        [(math.log(L(p)), 3 * math.log(p) + (-2 if mut else 2) * math.log(1 - p))],
        pairs([dlog, 3 / p - 2 / (1 - p), (3 - 5 * p) / (p * (1 - p))]),
        [None],
        [None, (Ls(s), (1 / (math.sqrt(2 * math.pi) * s)) ** n * math.exp(-S / (2 * s**2)))],
        [(math.log(Ls(s)), -n / 2 * math.log(2 * math.pi) - n * math.log(s) - S / (2 * s**2))],
        pairs([fd1(lambda t: math.log(Ls(t)), s), m1 + S / s**3, (S - n * s**2) / s**3]),
        [None],
        [(np.sum(HK_DATA**2) / len(HK_DATA), 736.5795 / 10), (736.5795 / 10, Printed("73.66"))],
    ]


def t_logp(x, mu, s, nu):
    return (
        math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu) - 0.5 * math.log(math.pi)
        - math.log(s) - (nu + 1) / 2 * math.log(1 + (x - mu) ** 2 / (nu * s**2))
    )


def mvt_logp(x, mu, L, nu):
    n = x.size
    d = (x - mu) @ np.linalg.solve(L @ L.T, x - mu)
    return (
        math.lgamma((nu + n) / 2) - math.lgamma(nu / 2) - n / 2 * math.log(nu) - n / 2 * math.log(math.pi)
        - math.log(abs(np.linalg.det(L))) - (nu + n) / 2 * math.log(1 + d / nu)
    )


@doc("opensrdk-student-t")
def _(r, name):
    x, mu, s, nu = r.normal(), r.normal(), r.uniform(0.5, 2.0), r.uniform(1.0, 8.0)
    q = 1 + (x - mu) ** 2 / (nu * s**2)
    dx = [
        fd1(lambda t: t_logp(t, mu, s, nu), x),
        -(nu + 1) / 2 / q * (2 * x - 2 * mu) / (nu * s**2),
        -(nu + 1) / ((nu * s**2 + (x - mu) ** 2) / (nu * s**2)) * (x - mu) / (nu * s**2),
        -(nu + 1) * (x - mu) / (nu * s**2 + (x - mu) ** 2),
    ]
    dnu = (
        0.5 * psi((nu + 1) / 2) - 0.5 * psi(nu / 2) - 1 / (2 * nu)
        + (nu + 1) / 2 / q * (x - mu) ** 2 / (nu**2 * s**2) - 0.5 * math.log(q)
    )
    n = 3
    xv, muv = r.normal(size=n), r.normal(size=n)
    L = r.normal(size=(n, n)) + 2 * np.eye(n)
    Si = np.linalg.inv(L @ L.T)
    d = (xv - muv) @ Si @ (xv - muv)
    mvdx = [
        fd(lambda t: mvt_logp(t, muv, L, nu), xv),
        -(nu + n) / 2 / (1 + d) * (2 / nu) * (xv - muv) @ Si,
        -(nu + n) / nu / (1 + d) * (xv - muv) @ Si,
    ]
    g = 1 + d / nu
    mvdnu = [
        fd1(lambda t: mvt_logp(xv, muv, L, t), nu),
        0.5 * psi((nu + n) / 2) - n / (2 * nu) - 0.5 * psi(nu / 2) + (nu + n) / 2 / g * (-d / nu**2) - 0.5 * math.log(g),
        0.5 * (psi((nu + n) / 2) - n / nu - psi(nu / 2) - (nu + n) * d / nu**2 / g - math.log(g)),
    ]
    return [
        [None], [None],
        pairs(dx),
        [(fd1(lambda t: t_logp(x, mu, s, t), nu), dnu)],
        [None], [None], [None],
        pairs(mvdx),
        pairs(mvdnu),
    ]


@doc("pumpkin-logreg-likelihood")
def _(r, name):
    m, dd = 6, 2
    X = np.hstack([r.normal(size=(m, dd)), np.ones((m, 1))])
    y = r.integers(0, 2, size=m).astype(float)
    beta = r.normal(size=dd + 1)
    u = X @ beta
    e = np.exp(u)
    p1, p0 = e / (1 + e), 1 / (1 + e)
    ell = np.sum(np.log(y * p1 + (1 - y) * p0))
    chain = [
        ell,
        np.sum(np.log(p1**y * p0 ** (1 - y))),
        np.sum(y * np.log(p1) + (1 - y) * np.log(p0)),
        np.sum(y * (np.log(p1) - np.log(p0)) + np.log(p0)),
        np.sum(y * np.log(p1 / p0) + np.log(p0)),
        np.sum(y * np.log(e) + np.log(1 / (1 + e))),
        np.sum(y * u - np.log(1 + e)),
    ]
    return [
        [None],
        [None, None],
        pairs([ell, np.sum(np.log((y * e + 1 - y) / (1 + e))), np.sum(np.log(y * e + 1 - y) - np.log(1 + e))]),
        [(ell, np.sum(y * u - np.log(1 + e)))],
        [None],
        pairs(chain),
    ]


@doc("xyxxxxx-least-squares")
def _(r, name):
    D, N = 2, 5
    X = np.vstack([r.normal(size=(D, N)), np.ones((1, N))])  # (D+1) x N, columns are samples
    y = r.normal(size=N)
    w = r.normal(size=D + 1)
    def R(t):
        return 0.5 * np.sum((y - X.T @ t) ** 2)
    g = fd(R, w)
    X1 = np.array([[1, 3, 5, 8, 9, 11], [1, 1, 1, 1, 1, 1.0]])
    y1 = np.array([1, 2, 5, 6, 7, 8.0])
    X2, y2, alpha = np.array([[1, 1], [1, 1.0]]), np.array([1, 2.0]), 0.1
    w0 = np.zeros(2)
    w1 = w0 + alpha * X2 @ (y2 - X2.T @ w0)
    w2 = w1 + alpha * X2 @ (y2 - X2.T @ w1)
    lam = 0.01
    def ridge(A, b):
        return np.linalg.solve(A @ A.T + lam * np.eye(2), A @ b)
    Xa, Xb = np.array([[1, 1.05], [1, 1.0]]), np.array([[1, 1.1], [1, 1.0]])
    return [
        [None, None, (0.5 * np.sum((y - X.T @ w) ** 2), 0.5 * np.linalg.norm(y - X.T @ w) ** 2)],
        [None, None],
        pairs([g, 0.5 * fd(lambda t: np.linalg.norm(y - X.T @ t) ** 2, w), -X @ (y - X.T @ w)]),
        [None, None, None, (np.linalg.solve(X1 @ X1.T, X1 @ y1), Printed("0.7162", "0.4165"))],
        [None, None],
        [None],
        [None],
        [None, (w1, Printed("0.3", "0.3")), None, (w2, Printed("0.48", "0.48")), None],
        [None],
        [None, None, None, (ridge(Xa, y2), Printed("1.857", "-0.401")),
         None, None, None, (ridge(Xb, y2), Printed("2.529", "-1.149"))],
    ]


@doc("nktmemoja-soft-margin-svm")
def _(r, name):
    d = 3
    x, w = r.normal(size=d), r.normal(size=d)
    y = r.choice([-1.0, 1.0])
    lam = r.uniform(0.1, 1.0)
    while abs(1 - y * w @ x) < 1e-3:
        w = r.normal(size=d)
    def J(t):
        return max(0.0, 1 - y * t @ x) + lam * t @ t
    rhs = -y * x + 2 * lam * w if 1 - y * w @ x >= 0 else 2 * lam * w
    return [[None], [None], [None], [None], [(fd(J, w), rhs)]]


def xyxxxxx_limit_check():
    """Side check for the w_infinity line (marked definition): the LMS iteration does converge to (0.75, 0.75)."""
    X2, y2, w = np.array([[1, 1], [1, 1.0]]), np.array([1, 2.0]), np.zeros(2)
    for _ in range(500):
        w = w + 0.1 * X2 @ (y2 - X2.T @ w)
    return Printed("0.75", "0.75").matches(w)


# =========================================================================== runner
def count_links(text):
    """Number of top-level relation signs (=, \\simeq) in a LaTeX chain (outside braces)."""
    depth, n, i = 0, 0, 0
    while i < len(text):
        c = text[i]
        if text.startswith("\\{", i) or text.startswith("\\}", i):
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "=" and depth == 0:
            n += 1
        elif text.startswith("\\simeq", i) and depth == 0:
            n += 1
        i += 1
    return n


def check_claims():
    items = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    missing = [i for i in ids if i not in CLAIMS]
    extra = [i for i in CLAIMS if i not in ids]
    assert not missing, f"claims without a check: {missing}"
    assert not extra, f"checks without a claim: {extra}"
    bad, counts = [], {"valid": 0, "invalid": 0}
    for it in items:
        assert it["expect"] in counts, it["id"]
        assert (it["mistake"] is None) == (it["expect"] == "valid"), it["id"]
        fn, cid = CLAIMS[it["id"]]
        r = np.random.default_rng(zlib.crc32(cid.encode()))
        holds = [chain_holds(fn(r, cid)) for _ in range(TRIALS)]
        verdict = "valid" if all(holds) else "invalid"
        counts[it["expect"]] += 1
        if verdict != it["expect"]:
            bad.append(f"claim {cid}: expected {it['expect']}, numbers say {verdict}")
    return len(items), counts, bad


def check_docs():
    bad, n_docs, n_links, n_checked, n_defs = [], 0, 0, 0, 0
    for exp_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        name = exp_path.name[: -len(".expect.yaml")]
        md_lines = (HERE / "docs" / f"{name}.md").read_text().split("\n")
        exp = yaml.safe_load(exp_path.read_text())
        front = yaml.safe_load("\n".join(md_lines[1: md_lines.index("---", 1)]))
        assert exp["source"] == front["source"], f"{name}: source differs from front matter"
        assert name in DOCS, f"document without a check: {name}"
        if name.endswith("-mutated"):
            orig = (HERE / "docs" / f"{name[:-len('-mutated')]}.md").read_text().split("\n")
            diff = [i + 1 for i, (a, b) in enumerate(zip(orig, md_lines, strict=False)) if a != b]
            assert len(orig) == len(md_lines), f"{name}: line count differs from the original"
            assert sorted(m["line"] for m in exp["mutations"]) == diff, f"{name}: mutations {diff}"
            assert 1 <= len(diff) <= 2, f"{name}: {len(diff)} lines changed"
            for m in exp["mutations"]:
                assert orig[m["line"] - 1].strip() == m["was"] and md_lines[m["line"] - 1].strip() == m["now"], name
        else:
            assert exp["mutations"] == [], name
        links = exp["links"]
        r = np.random.default_rng(zlib.crc32(name.encode()))
        draws = [DOCS[name](r, name) for _ in range(TRIALS)]
        for k, link in enumerate(links):
            line = md_lines[link["line"] - 1]
            assert line.startswith("$$") or "$" in line, f"{name}: line {link['line']} holds no math"
            assert count_links(link["text"]) == len(link["expect"]), f"{name} line {link['line']}: link count"
            entries = [d[k] for d in draws]
            assert all(len(e) == len(link["expect"]) for e in entries), f"{name} line {link['line']}: arity"
            for j, want in enumerate(link["expect"]):
                n_links += 1
                if want == "definition":
                    n_defs += 1
                    assert all(e[j] is None for e in entries), f"{name} line {link['line']} link {j}"
                    continue
                n_checked += 1
                holds = all(same(*e[j]) for e in entries)
                got = "valid" if holds else "invalid"
                if got != want:
                    bad.append(f"doc {name} line {link['line']} link {j + 1}: expected {want}, numbers say {got}")
        assert all(len(d) == len(links) for d in draws), f"{name}: number of links"
        n_docs += 1
    return n_docs, n_links, n_checked, n_defs, bad


def main():
    n_claims, counts, bad_c = check_claims()
    n_docs, n_links, n_checked, n_defs, bad_d = check_docs()
    assert xyxxxxx_limit_check(), "w_infinity side check"
    assert n_claims == 102, n_claims
    assert n_docs == 6, n_docs
    assert n_links == 94, n_links
    print(f"claims: {n_claims} checked ({counts['valid']} valid, {counts['invalid']} invalid)")
    print(f"documents: {n_docs}, links: {n_links} ({n_checked} checked numerically, {n_defs} definitions)")
    for b in bad_c + bad_d:
        print("MISMATCH", b)
    if bad_c or bad_d:
        print(f"FAILED: {len(bad_c) + len(bad_d)} expectation(s) disagree with the numbers")
        return 1
    print("OK: every expectation agrees with the numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
