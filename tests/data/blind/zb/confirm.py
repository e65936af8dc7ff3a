# ruff: noqa: E501, E741, E731, N802, N803, N806, B023, B905  (hand-written confirmation data)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zb).

Every claim and every document link is re-coded by hand as NumPy functions of random inputs.
Derivatives are compared against central finite differences (rtol 1e-6); printed numbers are compared
to one unit of their last printed digit.  Nothing here parses LaTeX.  A chain A = B = C yields one
boolean per relation sign (a first '=' that only defines the left-hand name counts as True); a claim
holds iff all its links hold on every random draw.  Exit status is non-zero if any expectation disagrees.
"""

import sys
from math import comb, lgamma
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261206)
TRIALS = 3
DEF = "definition"


# ============================================================================ helpers
def d1(f, x, h=1e-3):
    """Five-point central difference (error O(h^4))."""
    return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h)


def d2(f, x, h=1e-3):
    """Five-point central second difference (error O(h^4))."""
    return (-f(x + 2 * h) + 16 * f(x + h) - 30 * f(x) + 16 * f(x - h) - f(x - 2 * h)) / (12 * h * h)


def grad(f, x, h=1e-3):
    """Five-point central-difference gradient of a scalar function of an array (any shape, all entries free)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        g[idx] = (-f(x + 2 * e) + 8 * f(x + e) - 8 * f(x - e) + f(x - 2 * e)) / (12 * h)
    return g


def same(a, b, rtol=1e-6, atol=1e-7):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def chain(*members, **kw):
    return [same(members[i], members[i + 1], **kw) for i in range(len(members) - 1)]


def num(value, printed, unit):
    return bool(abs(float(value) - printed) <= unit * (1 + 1e-9))


def r(lo=-2.0, hi=2.0, size=None):
    return RNG.uniform(lo, hi, size=size)


def spd(p):
    A = RNG.normal(size=(p, p))
    return A @ A.T + p * np.eye(p)


def logfact(y):
    return np.array([lgamma(v + 1) for v in np.atleast_1d(y)])


def npdf(x, m, v):
    return np.exp(-0.5 * (x - m) ** 2 / v) / np.sqrt(2 * np.pi * v)


def tw(cid, suffix):
    return cid.endswith("-" + suffix)


# ============================================================================ claims
C = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            C[i] = fn
        return fn
    return deco


# ---------------------------------------------------------------- Soch: binomial
@claim("zb-soch-bin-dll", "zb-soch-bin-dll-sign", "zb-soch-bin-dll-term")
def _(cid):
    n = 9
    y = int(RNG.integers(1, n))
    p = r(0.15, 0.85)
    LL = lambda q: np.log(comb(n, y)) + y * np.log(q) + (n - y) * np.log(1 - q)
    rhs = y / p - (n - y) / (1 - p)
    if tw(cid, "sign"):
        rhs = y / p + (n - y) / (1 - p)
    if tw(cid, "term"):
        rhs = y / p - n / (1 - p)
    return chain(d1(LL, p), rhs)


@claim("zb-soch-bin-ll", "zb-soch-bin-ll-swapped")
def _(cid):
    n = 7
    y = int(RNG.choice([0, 1, 2, 4, 5, 6, 7]))
    p = r(0.15, 0.45)
    pmf = comb(n, y) * p ** y * (1 - p) ** (n - y)
    LL = np.log(pmf)
    rhs = np.log(comb(n, y)) + y * np.log(p) + (n - y) * np.log(1 - p)
    if tw(cid, "swapped"):
        rhs = np.log(comb(n, y)) + y * np.log(1 - p) + (n - y) * np.log(p)
    return chain(LL, np.log(pmf), rhs)


# ---------------------------------------------------------------- Soch: Poisson
def pois_data():
    n = 6
    y = RNG.integers(2, 9, size=n).astype(float)
    return n, y


@claim("zb-soch-poiss-ll", "zb-soch-poiss-ll-factor")
def _(cid):
    n, y = pois_data()
    lam = r(0.5, 3.0)
    m0 = np.log(np.prod(lam ** y * np.exp(-lam) / np.exp(logfact(y))))
    m1 = np.sum(np.log(lam ** y * np.exp(-lam) / np.exp(logfact(y))))
    m2 = np.sum(y * np.log(lam) - lam - logfact(y))
    m3 = -np.sum(np.full(n, lam)) + np.sum(y * np.log(lam)) - np.sum(logfact(y))
    m4 = -n * lam + np.log(lam) * y.sum() - logfact(y).sum()
    if tw(cid, "factor"):
        m4 = -lam + np.log(lam) * y.sum() - logfact(y).sum()
    return chain(m0, m1, m2, m3, m4)


def pois_LL(n, y):
    return lambda lam: -n * lam + np.log(lam) * y.sum() - logfact(y).sum()


@claim("zb-soch-poiss-d1", "zb-soch-poiss-d1-sign")
def _(cid):
    n, y = pois_data()
    lam = r(0.5, 3.0)
    rhs = y.sum() / lam - n
    if tw(cid, "sign"):
        rhs = y.sum() / lam + n
    return chain(d1(pois_LL(n, y), lam), rhs)


@claim("zb-soch-poiss-d2", "zb-soch-poiss-d2-factor", "zb-soch-poiss-d2-sign")
def _(cid):
    n, y = pois_data()
    lam = r(0.5, 3.0)
    rhs = -y.sum() / lam ** 2
    if tw(cid, "factor"):
        rhs = -y.sum() / lam
    if tw(cid, "sign"):
        rhs = y.sum() / lam ** 2
    return chain(d2(pois_LL(n, y), lam), rhs)


@claim("zb-soch-poiss-d2hat", "zb-soch-poiss-d2hat-factor")
def _(cid):
    n, y = pois_data()
    yb = y.mean()
    m0 = d2(pois_LL(n, y), yb)
    m1 = -y.sum() / yb ** 2
    m2 = -n * yb / yb ** 2
    m3 = -n / yb
    if tw(cid, "factor"):
        m3 = -n / yb ** 2
    return chain(m0, m1, m2, m3)


# ---------------------------------------------------------------- Soch: Poisson with exposures
def pexp_data():
    n = 5
    y = RNG.integers(1, 8, size=n).astype(float)
    x = r(0.5, 3.0, size=n)
    while abs(x.mean() - y.mean()) < 0.3:
        x = r(0.5, 3.0, size=n)
    return n, y, x


def pexp_LL(n, y, x):
    return lambda lam: -n * x.mean() * lam + n * y.mean() * np.log(lam) + np.sum(y * np.log(x)) - logfact(y).sum()


@claim("zb-soch-poissexp-ll", "zb-soch-poissexp-ll-swapped")
def _(cid):
    n, y, x = pexp_data()
    lam = r(0.5, 3.0)
    f = (lam * x) ** y * np.exp(-lam * x) / np.exp(logfact(y))
    m0 = np.log(np.prod(f))
    m1 = np.sum(np.log(f))
    m2 = np.sum(y * np.log(lam * x) - lam * x - logfact(y))
    m3 = -np.sum(lam * x) + np.sum(y * (np.log(lam) + np.log(x))) - logfact(y).sum()
    m4 = -lam * x.sum() + np.log(lam) * y.sum() + np.sum(y * np.log(x)) - logfact(y).sum()
    m5 = -n * x.mean() * lam + n * y.mean() * np.log(lam) + np.sum(y * np.log(x)) - logfact(y).sum()
    if tw(cid, "swapped"):
        m5 = -n * y.mean() * lam + n * x.mean() * np.log(lam) + np.sum(y * np.log(x)) - logfact(y).sum()
    return chain(m0, m1, m2, m3, m4, m5)


@claim("zb-soch-poissexp-d1", "zb-soch-poissexp-d1-sign")
def _(cid):
    n, y, x = pexp_data()
    lam = r(0.5, 3.0)
    rhs = -n * x.mean() + n * y.mean() / lam
    if tw(cid, "sign"):
        rhs = n * x.mean() + n * y.mean() / lam
    return chain(d1(pexp_LL(n, y, x), lam), rhs)


@claim("zb-soch-poissexp-d2", "zb-soch-poissexp-d2-swapped")
def _(cid):
    n, y, x = pexp_data()
    lam = r(0.5, 3.0)
    rhs = -n * y.mean() / lam ** 2
    if tw(cid, "swapped"):
        rhs = -n * x.mean() / lam ** 2
    return chain(d2(pexp_LL(n, y, x), lam), rhs)


@claim("zb-soch-poissexp-d2hat", "zb-soch-poissexp-d2hat-swapped")
def _(cid):
    n, y, x = pexp_data()
    yb, xb = y.mean(), x.mean()
    lh = yb / xb
    m0 = d2(pexp_LL(n, y, x), lh)
    m1 = -n * yb / lh ** 2
    m2 = -n * yb / (yb / xb) ** 2
    m3 = -n * xb ** 2 / yb
    if tw(cid, "swapped"):
        m3 = -n * yb ** 2 / xb
    return chain(m0, m1, m2, m3)


# ---------------------------------------------------------------- Soch: univariate Gaussian
def ug_data():
    n = 5
    return n, r(-2, 2, size=n)


def ug_LL(n, y):
    yb, yty = y.mean(), y @ y
    return lambda mu, s2: -n / 2 * np.log(2 * np.pi * s2) - 1 / (2 * s2) * (yty - 2 * n * yb * mu + n * mu ** 2)


@claim("zb-soch-ug-dmu", "zb-soch-ug-dmu-sign")
def _(cid):
    n, y = ug_data()
    mu, s2 = r(), r(0.5, 2.0)
    yb = y.mean()
    m0 = d1(lambda m: ug_LL(n, y)(m, s2), mu)
    m1 = n * yb / s2 - n * mu / s2
    m2 = n / s2 * (yb - mu)
    if tw(cid, "sign"):
        m2 = n / s2 * (mu - yb)
    return chain(m0, m1, m2)


@claim("zb-soch-ug-ds2", "zb-soch-ug-ds2-factor")
def _(cid):
    n, y = ug_data()
    muh, s2 = r(), r(0.5, 2.0)
    yb, yty = y.mean(), y @ y
    m0 = d1(lambda v: ug_LL(n, y)(muh, v), s2)
    m1 = -n / 2 / s2 + 1 / (2 * s2 ** 2) * (yty - 2 * n * yb * muh + n * muh ** 2)
    m2 = -n / (2 * s2) + 1 / (2 * s2 ** 2) * np.sum(y ** 2 - 2 * y * muh + muh ** 2)
    m3 = -n / (2 * s2) + 1 / (2 * s2 ** 2) * np.sum((y - muh) ** 2)
    if tw(cid, "factor"):
        m3 = -n / (2 * s2) + 1 / (s2 ** 2) * np.sum((y - muh) ** 2)
    return chain(m0, m1, m2, m3)


@claim("zb-soch-ug-ll", "zb-soch-ug-ll-factor")
def _(cid):
    n, y = ug_data()
    mu, s2 = r(), r(0.5, 2.0)
    yb, yty = y.mean(), y @ y
    p = (1 / (2 * np.pi * s2)) ** (n / 2) * np.exp(-1 / (2 * s2) * (yty - 2 * n * yb * mu + n * mu ** 2))
    m2 = -n / 2 * np.log(2 * np.pi * s2) - 1 / (2 * s2) * (yty - 2 * n * yb * mu + n * mu ** 2)
    if tw(cid, "factor"):
        m2 = -n / 2 * np.log(2 * np.pi * s2) - 1 / s2 * (yty - 2 * n * yb * mu + n * mu ** 2)
    return chain(np.log(p), np.log(p), m2)


@claim("zb-soch-ug-lf", "zb-soch-ug-lf-factor")
def _(cid):
    n, y = ug_data()
    mu, s2 = r(), r(0.3, 0.8)
    prod = np.prod(npdf(y, mu, s2))
    c = (2 * np.pi * s2) ** n if not tw(cid, "factor") else 2 * np.pi * s2
    m2 = np.sqrt(1 / c) * np.exp(-0.5 * np.sum(((y - mu) / np.sqrt(s2)) ** 2))
    return chain(prod, prod, m2, rtol=1e-6, atol=0)


@claim("zb-soch-ug-lf2", "zb-soch-ug-lf2-factor")
def _(cid):
    n, y = ug_data()
    mu, s2 = r(), r(0.5, 2.0)
    yb, yty = y.mean(), y @ y
    m0 = np.prod(npdf(y, mu, s2))
    m1 = (1 / (2 * np.pi * s2)) ** (n / 2) * np.exp(-0.5 * np.sum((y ** 2 - 2 * y * mu + mu ** 2) / s2))
    k = 1 if tw(cid, "factor") else 2
    m2 = (1 / (2 * np.pi * s2)) ** (n / 2) * np.exp(-1 / (2 * s2) * (yty - k * n * yb * mu + n * mu ** 2))
    while tw(cid, "factor") and abs(yb * mu) < 0.05:
        return [True, False]
    return chain(m0, m1, m2, rtol=1e-6, atol=0)


@claim("zb-soch-ugkv-d2", "zb-soch-ugkv-d2-factor")
def _(cid):
    n, y = ug_data()
    mu, s2 = r(), r(0.5, 2.0)
    rhs = -n / s2 if not tw(cid, "factor") else -n / (2 * s2)
    return chain(d2(lambda m: ug_LL(n, y)(m, s2), mu), rhs)


# ---------------------------------------------------------------- Soch: multivariate normal
def mvn_data():
    n, p = 4, 3
    Y = RNG.normal(size=(n, p))
    return n, p, Y, r(size=p), spd(p)


def mvn_quad(Y, mu, S):
    Si = np.linalg.inv(S)
    return sum((yi - mu) @ Si @ (yi - mu) for yi in Y)


def mvn_LL(n, p, Y):
    return lambda mu, S: -n * p / 2 * np.log(2 * np.pi) - n / 2 * np.log(np.linalg.det(S)) - 0.5 * mvn_quad(Y, mu, S)


@claim("zb-soch-mvn-lf", "zb-soch-mvn-lf-factor")
def _(cid):
    n, p, Y, mu, S = mvn_data()
    Si = np.linalg.inv(S)
    dS = np.linalg.det(S)
    single = [np.exp(-0.5 * (yi - mu) @ Si @ (yi - mu)) / np.sqrt((2 * np.pi) ** p * dS) for yi in Y]
    prod = np.prod(single)
    dn = dS ** n if not tw(cid, "factor") else dS
    m2 = np.exp(-0.5 * mvn_quad(Y, mu, S)) / np.sqrt((2 * np.pi) ** (n * p) * dn)
    return chain(prod, prod, m2, rtol=1e-6, atol=0)


@claim("zb-soch-mvn-ll", "zb-soch-mvn-ll-factor")
def _(cid):
    n, p, Y, mu, S = mvn_data()
    Si = np.linalg.inv(S)
    pr = np.exp(-0.5 * mvn_quad(Y, mu, S)) / np.sqrt((2 * np.pi) ** (n * p) * np.linalg.det(S) ** n)
    m1 = mvn_LL(n, p, Y)(mu, S)
    k = 1 if tw(cid, "factor") else 2
    m2 = -n * p / 2 * np.log(2 * np.pi) - n / 2 * np.log(np.linalg.det(S)) - 0.5 * sum(yi @ Si @ yi - k * mu @ Si @ yi + mu @ Si @ mu for yi in Y)
    return chain(np.log(pr), np.log(pr), m1, m2)


@claim("zb-soch-mvn-dmu", "zb-soch-mvn-dmu-sign", "zb-soch-mvn-dmu-factor")
def _(cid):
    n, p, Y, mu, S = mvn_data()
    Si = np.linalg.inv(S)
    m0 = grad(lambda m: mvn_LL(n, p, Y)(m, S), mu)
    m1 = grad(lambda m: -0.5 * sum(yi @ Si @ yi - 2 * m @ Si @ yi + m @ Si @ m for yi in Y), mu)
    m2 = -0.5 * sum(-2 * Si @ yi + 2 * Si @ mu for yi in Y)
    m3 = sum(Si @ yi - Si @ mu for yi in Y)
    if tw(cid, "sign"):
        m3 = sum(Si @ mu - Si @ yi for yi in Y)
    if tw(cid, "factor"):
        m2 = -0.5 * sum(-Si @ yi + Si @ mu for yi in Y)
    return chain(m0, m1, m2, m3)


@claim("zb-soch-mvn-dsigma", "zb-soch-mvn-dsigma-sign")
def _(cid):
    n, p, Y, mu, S = mvn_data()
    Si = np.linalg.inv(S)
    A = [np.outer(yi - mu, yi - mu) for yi in Y]
    m0 = grad(lambda M: mvn_LL(n, p, Y)(mu, M), S)
    m1 = -n / 2 * grad(lambda M: np.log(np.linalg.det(M)), S) - 0.5 * grad(lambda M: mvn_quad(Y, mu, M), S)
    m2 = -n / 2 * Si.T - 0.5 * sum(grad(lambda M: np.trace(np.atleast_2d((yi - mu) @ np.linalg.inv(M) @ (yi - mu))), S) for yi in Y)
    m3 = -n / 2 * Si - 0.5 * sum(grad(lambda M: np.trace(np.linalg.inv(M) @ a), S) for a in A)
    m4 = -n / 2 * Si - 0.5 * sum(-(Si @ a @ Si).T for a in A)
    m5 = -n / 2 * Si + 0.5 * sum(Si @ a @ Si for a in A)
    if tw(cid, "sign"):
        m5 = -n / 2 * Si - 0.5 * sum(Si @ a @ Si for a in A)
    return chain(m0, m1, m2, m3, m4, m5, rtol=1e-6, atol=1e-7)


# ---------------------------------------------------------------- Soch: multiple linear regression
def mlr_data():
    n, p = 5, 2
    X = RNG.normal(size=(n, p))
    y = RNG.normal(size=n)
    V = spd(n) / n
    return n, p, X, y, V, r(size=p), r(0.5, 2.0)


def mlr_LL1(n, X, y, V):
    Vi = np.linalg.inv(V)
    return lambda b, s2: -n / 2 * np.log(2 * np.pi) - n / 2 * np.log(s2) - 0.5 * np.log(np.linalg.det(V)) - 1 / (2 * s2) * (y - X @ b) @ Vi @ (y - X @ b)


@claim("zb-soch-mlr-det", "zb-soch-mlr-det-factor")
def _(cid):
    n = 5
    V, s2 = spd(n), r(0.3, 0.8)
    rhs = s2 ** n * np.linalg.det(V) if not tw(cid, "factor") else s2 * np.linalg.det(V)
    return chain(np.linalg.det(s2 * V), rhs, rtol=1e-9, atol=0)


@claim("zb-soch-mlr-ll1", "zb-soch-mlr-ll1-factor")
def _(cid):
    n, p, X, y, V, b, s2 = mlr_data()
    res = y - X @ b
    pdf = np.sqrt(1 / ((2 * np.pi) ** n * np.linalg.det(s2 * V))) * np.exp(-0.5 * res @ np.linalg.inv(s2 * V) @ res)
    m2 = mlr_LL1(n, X, y, V)(b, s2)
    if tw(cid, "factor"):
        m2 = m2 + n / 2 * np.log(s2) - 0.5 * np.log(s2)
        if abs(np.log(s2)) < 0.05:
            return [True, False]
    return chain(np.log(pdf), np.log(pdf), m2)


@claim("zb-soch-mlr-ll2", "zb-soch-mlr-ll2-factor")
def _(cid):
    n, p, X, y, V, b, s2 = mlr_data()
    P = np.linalg.inv(V)
    k = 1 if tw(cid, "factor") else 2
    rhs = -n / 2 * np.log(2 * np.pi) - n / 2 * np.log(s2) - 0.5 * np.log(np.linalg.det(V)) - 1 / (2 * s2) * (y @ P @ y - k * b @ X.T @ P @ y + b @ X.T @ P @ X @ b)
    return chain(mlr_LL1(n, X, y, V)(b, s2), rhs)


@claim("zb-soch-mlr-dbeta", "zb-soch-mlr-dbeta-factor", "zb-soch-mlr-dbeta-order")
def _(cid):
    n, p, X, y, V, b, s2 = mlr_data()
    P = np.linalg.inv(V)
    LL2 = lambda bb: -n / 2 * np.log(2 * np.pi) - n / 2 * np.log(s2) - 0.5 * np.log(np.linalg.det(V)) - 1 / (2 * s2) * (y @ P @ y - 2 * bb @ X.T @ P @ y + bb @ X.T @ P @ X @ bb)
    m0 = grad(LL2, b)
    m1 = grad(lambda bb: -1 / (2 * s2) * (y @ P @ y - 2 * bb @ X.T @ P @ y + bb @ X.T @ P @ X @ bb), b)
    m2 = 1 / (2 * s2) * grad(lambda bb: 2 * bb @ X.T @ P @ y - bb @ X.T @ P @ X @ bb, b)
    m3 = 1 / (2 * s2) * (2 * X.T @ P @ y - 2 * X.T @ P @ X @ b)
    m4 = 1 / s2 * (X.T @ P @ y - X.T @ P @ X @ b)
    if tw(cid, "factor"):
        m3 = 1 / (2 * s2) * (2 * X.T @ P @ y - X.T @ P @ X @ b)
    if tw(cid, "order"):
        try:
            m4 = 1 / s2 * (X.T @ P @ y - X.T @ X @ P @ b)
        except ValueError:  # X^T X P is not conformable: the member is meaningless
            m4 = np.full(7, np.nan)
    return chain(m0, m1, m2, m3, m4)


@claim("zb-soch-mlr-ds2", "zb-soch-mlr-ds2-sign")
def _(cid):
    n, p, X, y, V, bh, s2 = mlr_data()
    q = (y - X @ bh) @ np.linalg.inv(V) @ (y - X @ bh)
    m0 = d1(lambda v: mlr_LL1(n, X, y, V)(bh, v), s2)
    m1 = d1(lambda v: -n / 2 * np.log(v) - 1 / (2 * v) * q, s2)
    m2 = -n / 2 / s2 + q / (2 * s2 ** 2)
    if tw(cid, "sign"):
        m2 = -n / 2 / s2 - q / (2 * s2 ** 2)
    m3 = -n / (2 * s2) + q / (2 * s2 ** 2)
    return chain(m0, m1, m2, m3)


# ---------------------------------------------------------------- ahstat: GMM M-step
def gmm_data(d=3, N=5):
    return RNG.normal(size=(N, d)), r(0.1, 1.0, size=N)


@claim("zb-ahstat-gmm-grad-mean", "zb-ahstat-gmm-grad-mean-sign", "zb-ahstat-gmm-grad-mean-factor")
def _(cid):
    Xs, T = gmm_data()
    m, S = r(size=3), spd(3)
    Si = np.linalg.inv(S)
    A = lambda mm: -0.5 * sum(((x - mm) @ Si @ (x - mm)) * t for x, t in zip(Xs, T))
    m0 = grad(A, m)
    m1 = -0.5 * sum((-2 * Si @ (x - m)) * t for x, t in zip(Xs, T))
    m2 = sum(Si @ (x - m) * t for x, t in zip(Xs, T))
    if tw(cid, "sign"):
        m2 = sum(Si @ (m - x) * t for x, t in zip(Xs, T))
    if tw(cid, "factor"):
        m1 = -0.5 * sum((-Si @ (x - m)) * t for x, t in zip(Xs, T))
    return chain(m0, m1, m2)


@claim("zb-ahstat-gmm-grad-logdet", "zb-ahstat-gmm-grad-logdet-sign", "zb-ahstat-gmm-grad-logdet-term")
def _(cid):
    L = spd(3)
    m0 = grad(lambda M: np.log(np.linalg.det(np.linalg.inv(M))), L)
    m1 = -grad(lambda M: np.log(abs(np.linalg.det(M))), L)
    m2 = -np.linalg.inv(L)
    if tw(cid, "sign"):
        m2 = np.linalg.inv(L)
    if tw(cid, "term"):
        m2 = -L
    return chain(m0, m1, m2)


@claim("zb-ahstat-gmm-grad-quad", "zb-ahstat-gmm-grad-quad-order")
def _(cid):
    z, L = r(size=3), RNG.normal(size=(3, 3))
    m0 = grad(lambda M: z @ M @ z, L)
    m1 = np.outer(z, z) if not tw(cid, "order") else np.float64(z @ z)
    return chain(m0, m1)


@claim("zb-ahstat-gmm-grad-precision", "zb-ahstat-gmm-grad-precision-sign")
def _(cid):
    Xs, T = gmm_data()
    m, L = r(size=3), spd(3)
    B = lambda M: -0.5 * T.sum() * np.log(np.linalg.det(np.linalg.inv(M))) - 0.5 * sum(((x - m) @ M @ (x - m)) * t for x, t in zip(Xs, T))
    s = -1 if tw(cid, "sign") else 1
    rhs = -0.5 * T.sum() * (-np.linalg.inv(L)) - s * 0.5 * sum(np.outer(x - m, x - m) * t for x, t in zip(Xs, T))
    return chain(grad(B, L), rhs)


def pis(K=4):
    """Mixing weights kept away from 0 so that finite differences of log(pi) stay accurate."""
    w = RNG.dirichlet(np.ones(K) * 3)
    while w.min() < 0.12:
        w = RNG.dirichlet(np.ones(K) * 3)
    return w[:-1], w[-1]


@claim("zb-ahstat-gmm-c-rewrite", "zb-ahstat-gmm-c-rewrite-term")
def _(cid):
    K, N = 4, 5
    T = r(0.05, 1.0, size=(K, N))
    S = T.sum(axis=1)
    pk, pK = pis(K)
    pi = np.append(pk, 1 - pk.sum())
    m0 = np.sum(T * np.log(pi)[:, None])
    m1 = np.sum(S[:-1] * np.log(pk)) + S[-1] * np.log(1 - pk.sum())
    if tw(cid, "term"):
        m1 = np.sum(S[:-1] * np.log(pk))
    return chain(m0, m1)


@claim("zb-ahstat-gmm-grad-pi", "zb-ahstat-gmm-grad-pi-sign", "zb-ahstat-gmm-grad-pi-index")
def _(cid):
    K = 4
    S = r(0.5, 3.0, size=K)
    pk, _ = pis(K)
    Cf = lambda q: np.sum(S[:-1] * np.log(q)) + S[-1] * np.log(1 - q.sum())
    pK = 1 - pk.sum()
    rhs = S[:-1] / pk - S[-1] / pK
    if tw(cid, "sign"):
        rhs = S[:-1] / pk + S[-1] / pK
    if tw(cid, "index"):
        rhs = S[:-1] / pk - S[-1] / pk
    return chain(grad(Cf, pk), rhs)


@claim("zb-ahstat-gmm-q-expand", "zb-ahstat-gmm-q-expand-sign")
def _(cid):
    K, d, N = 3, 2, 5
    Xs = RNG.normal(size=(N, d))
    f = lambda x, m, S: np.exp(-0.5 * (x - m) @ np.linalg.inv(S) @ (x - m)) / ((2 * np.pi) ** (K / 2) * np.sqrt(np.linalg.det(S)))
    mt, St, pt = RNG.normal(size=(K, d)), [spd(d) for _ in range(K)], RNG.dirichlet(np.ones(K))
    m, Sg, pi = RNG.normal(size=(K, d)), [spd(d) for _ in range(K)], RNG.dirichlet(np.ones(K))
    Q = 0.0
    for x in Xs:
        den = sum(f(x, mt[j], St[j]) * pt[j] for j in range(K))
        for k in range(K):
            Q += (np.log(f(x, m[k], Sg[k])) + np.log(pi[k])) * f(x, mt[k], St[k]) * pt[k] / den
    T = np.array([[f(x, mt[k], St[k]) * pt[k] / sum(f(x, mt[j], St[j]) * pt[j] for j in range(K)) for x in Xs] for k in range(K)])
    m1 = sum((np.log(f(x, m[k], Sg[k])) + np.log(pi[k])) * T[k, i] for i, x in enumerate(Xs) for k in range(K))
    s = -1 if tw(cid, "sign") else 1
    m2 = sum((-K / 2 * np.log(2 * np.pi) - s * 0.5 * np.log(np.linalg.det(Sg[k])) - 0.5 * (x - m[k]) @ np.linalg.inv(Sg[k]) @ (x - m[k]) + np.log(pi[k])) * T[k, i] for i, x in enumerate(Xs) for k in range(K))
    return chain(Q, m1, m2)


# ---------------------------------------------------------------- ahstat: EM identities on a discrete toy model
def em_toy(M=4):
    """Joint p_theta(x, z) for the observed x over M latent configurations, for two parameter values."""
    j, j0 = r(0.05, 1.0, size=M), r(0.05, 1.0, size=M)
    return j, j.sum(), j / j.sum(), j0, j0.sum(), j0 / j0.sum()


@claim("zb-ahstat-em-logl-split", "zb-ahstat-em-logl-split-sign")
def _(cid):
    j, px, post, *_ = em_toy()
    z = int(RNG.integers(0, len(j)))
    s = 1 if tw(cid, "sign") else -1
    return chain(np.log(px), np.log(px), np.log(j[z]) + s * np.log(post[z]))


@claim("zb-ahstat-em-uniform-average", "zb-ahstat-em-uniform-average-factor")
def _(cid):
    K, n = 2, 2
    j, px, post, *_ = em_toy(K ** n)
    c = 1 / K if tw(cid, "factor") else 1 / K ** n
    return chain(np.log(px), c * np.sum(np.log(j)) - c * np.sum(np.log(post)))


@claim("zb-ahstat-em-weighted", "zb-ahstat-em-weighted-term")
def _(cid):
    j, px, post, *_ = em_toy(5)
    rz = RNG.dirichlet(np.ones(5))
    w2 = np.ones(5) if tw(cid, "term") else rz
    return chain(np.log(px), np.sum(rz * np.log(j)) - np.sum(w2 * np.log(post)))


@claim("zb-ahstat-em-kl", "zb-ahstat-em-kl-sign")
def _(cid):
    j, px, q, j0, px0, p = em_toy(5)
    H = lambda post, w: -np.sum(w * np.log(post))
    s = 1 if tw(cid, "sign") else -1
    return chain(H(q, p) - H(p, p), s * np.sum(p * np.log(q / p))) + [True]


@claim("zb-ahstat-em-q-plus-h", "zb-ahstat-em-q-plus-h-sign")
def _(cid):
    j, px, post, j0, px0, post0 = em_toy(5)
    Q = np.sum(post0 * np.log(j))
    H = -np.sum(post0 * np.log(post))
    return chain(np.log(px), Q - H if tw(cid, "sign") else Q + H)


# ---------------------------------------------------------------- hguangshuai: GMM log-likelihood
@claim("zb-hguangshuai-gmm-logl", "zb-hguangshuai-gmm-logl-order", "zb-hguangshuai-gmm-logl-order2")
def _(cid):
    n, K = 5, 3
    x = r(-2, 2, size=n)
    pi, mu, v = RNG.dirichlet(np.ones(K)), r(-1, 1, size=K), r(0.5, 2.0, size=K)
    mix = np.array([np.sum(pi * npdf(xi, mu, v)) for xi in x])
    L = np.prod(mix)
    rhs = np.sum(np.log(mix))
    if tw(cid, "order"):
        rhs = np.sum([np.sum(pi * np.log(npdf(xi, mu, v))) for xi in x])
    if tw(cid, "order2"):
        rhs = np.prod(np.log(mix))
    return chain(np.log(L), rhs)


# ---------------------------------------------------------------- ay27: matrix factorisation
def mf_data(K=3):
    return r(size=K), r(size=K), r(1, 5), int(RNG.integers(0, K))


@claim("zb-ay27-mf-grad-p", "zb-ay27-mf-grad-p-sign", "zb-ay27-mf-grad-p-factor")
def _(cid):
    p, q, rij, k = mf_data()
    e2 = lambda pk: (rij - (p @ q - p[k] * q[k] + pk * q[k])) ** 2
    rhat = p @ q
    e = rij - rhat
    c = {"sign": 2.0, "factor": -1.0}.get(cid.rsplit("-", 1)[-1], -2.0)
    return chain(d1(e2, p[k]), c * (rij - rhat) * q[k], c * e * q[k])


@claim("zb-ay27-mf-update-p-source-error")
def _(cid):
    p, q, rij, k = mf_data()
    alpha = r(0.01, 0.2)
    e2 = lambda pk: (rij - (p @ q - p[k] * q[k] + pk * q[k])) ** 2
    mid = p[k] + alpha * d1(e2, p[k])
    return [True] + chain(mid, p[k] + 2 * alpha * (rij - p @ q) * q[k])


@claim("zb-ay27-mf-update-q-source-error")
def _(cid):
    p, q, rij, k = mf_data()
    alpha = r(0.01, 0.2)
    e2 = lambda qk: (rij - (p @ q - p[k] * q[k] + p[k] * qk)) ** 2
    mid = q[k] + alpha * d1(e2, q[k])
    return [True] + chain(mid, q[k] + 2 * alpha * (rij - p @ q) * p[k])


@claim("zb-ay27-mf-reg-update-p-source-error")
def _(cid):
    K, M, Nn = 3, 4, 5
    P, Q = RNG.normal(size=(M, K)), RNG.normal(size=(K, Nn))
    i, j, k = 1, 2, int(RNG.integers(0, K))
    rij, alpha, beta = r(1, 5), r(0.01, 0.2), r(0.1, 1.0)

    def e2(pik):
        PP = P.copy()
        PP[i, k] = pik
        return (rij - PP[i] @ Q[:, j]) ** 2 + beta / 2 * sum(np.sum(PP ** 2) + np.sum(Q ** 2) for _ in range(K))

    mid = P[i, k] + alpha * d1(e2, P[i, k])
    e = rij - P[i] @ Q[:, j]
    return [True] + chain(mid, P[i, k] + alpha * (2 * e * Q[k, j] - beta * P[i, k]))


# ---------------------------------------------------------------- rbencarroll: softmax policy
def lse(v):
    return np.log(np.sum(np.exp(v)))


@claim("zb-rbencarroll-pg-logpi", "zb-rbencarroll-pg-logpi-sign", "zb-rbencarroll-pg-logpi-index")
def _(cid):
    A = 3
    Th, s, a = RNG.normal(size=(A, A)), r(size=A), int(RNG.integers(0, A))
    logpi = lambda M: np.log(np.exp(M[a] @ s) / np.sum(np.exp(M @ s)))
    m0 = grad(logpi, Th)
    m1 = grad(lambda M: np.log(np.exp(M[a] @ s) / np.sum(np.exp(M @ s))), Th)
    sg = 1 if tw(cid, "sign") else -1
    m2 = grad(lambda M: np.log(np.exp(M[a] @ s)) + sg * np.log(np.sum(np.exp(M @ s))), Th)
    m3 = grad(lambda M: M[a] @ s, Th) - grad(lambda M: lse(M @ s), Th)
    if tw(cid, "index"):
        m4 = grad(lambda M: np.sum(M[:, a] * s), Th) - grad(lambda M: lse(M @ s), Th)
    else:
        m4 = grad(lambda M: np.sum(M[a, :] * s), Th) - grad(lambda M: lse(M @ s), Th)
    return chain(m0, m1, m2, m3, m4)


@claim("zb-rbencarroll-pg-logf", "zb-rbencarroll-pg-logf-term")
def _(cid):
    Th, s = RNG.normal(size=(3, 4)), r(size=4)
    f = lambda M: np.sum(np.exp(M @ s))
    rhs = grad(lambda M: np.log(f(M)), Th) if not tw(cid, "term") else grad(f, Th)
    return chain(grad(lambda M: lse(M @ s), Th), rhs)


# ---------------------------------------------------------------- slitvinov: EM with two coins (printed numbers)
t0 = 0.4
L1v, L2v = t0 * (1 - t0), t0 / 2 * (1 - t0 / 2)


@claim("zb-slitvinov-em-l1", "zb-slitvinov-em-l1-swapped")
def _(cid):
    return [True, num(t0 * (1 - t0), 0.16 if tw(cid, "swapped") else 0.24, 0.01)]


@claim("zb-slitvinov-em-l2", "zb-slitvinov-em-l2-factor")
def _(cid):
    v = t0 / 2 * (1 - t0) if tw(cid, "factor") else t0 / 2 * (1 - t0 / 2)
    return [True, num(v, 0.16, 0.01)]


@claim("zb-slitvinov-em-c1", "zb-slitvinov-em-c1-swapped")
def _(cid):
    return [True, num(L1v / (L1v + L2v), 0.4 if tw(cid, "swapped") else 0.6, 0.1)]


@claim("zb-slitvinov-em-c2", "zb-slitvinov-em-c2-swapped")
def _(cid):
    num_ = L1v if tw(cid, "swapped") else L2v
    C1 = L1v / (L1v + L2v)
    return [True, num(num_ / (L1v + L2v), 0.4, 0.1), num(1 - C1, 0.4, 0.1)]


# ============================================================================ documents
DOCS = {}
def defn(res):
    """First '=' of a chain that introduces the left-hand name."""
    return [DEF] + list(res[1:])


def run(cid):
    return C[cid](cid)


def pois_pmf_links():
    n, y = pois_data()
    lam = r(0.5, 3.0)
    pmf = np.exp(y * np.log(lam) - lam - logfact(y))          # log-space pmf
    formula = lam ** y * np.exp(-lam) / np.exp(logfact(y))
    prod = np.prod(pmf)
    return ([DEF] + chain(pmf, formula),
            [DEF] + chain(prod, np.prod(formula), rtol=1e-9, atol=0),
            [DEF] + chain(np.log(prod), np.log(np.prod(formula))),
            [DEF] + chain(np.sum(y) / n, y.mean()))


def doc_poisson(mut):
    def f():
        l_pmf, l_prod, l_ll, l_hat = pois_pmf_links()
        return [[DEF], l_pmf, l_prod, l_ll,
                run("zb-soch-poiss-ll-factor" if mut else "zb-soch-poiss-ll"),
                run("zb-soch-poiss-d1"),
                run("zb-soch-poiss-d2-factor" if mut else "zb-soch-poiss-d2"),
                l_hat,
                run("zb-soch-poiss-d2hat")]
    return f


DOCS["zb-soch-poisson-mle"] = doc_poisson(False)
DOCS["zb-soch-poisson-mle-mutated"] = doc_poisson(True)


def _ahstat():
    return [[DEF], run("zb-ahstat-gmm-grad-mean"), [DEF], [DEF], run("zb-ahstat-gmm-grad-logdet"),
            run("zb-ahstat-gmm-grad-quad"), [DEF], run("zb-ahstat-gmm-grad-precision"), [DEF], [DEF], [DEF],
            run("zb-ahstat-gmm-c-rewrite"), run("zb-ahstat-gmm-grad-pi")]


DOCS["zb-ahstat-gmm-mstep"] = _ahstat


def _ay27():
    p, q, rij, _ = mf_data()
    rhat = p @ q
    return [[DEF] + chain(rhat, np.sum(p * q)),
            [DEF] + chain((rij - rhat) ** 2, (rij - np.sum(p * q)) ** 2),
            run("zb-ay27-mf-grad-p"),
            defn(run("zb-ay27-mf-update-p-source-error")),
            defn(run("zb-ay27-mf-update-q-source-error"))]


DOCS["zb-ay27-mf-sgd"] = _ay27


def _slitvinov():
    return [[DEF], [DEF], defn(run("zb-slitvinov-em-l1")), defn(run("zb-slitvinov-em-l2")),
            defn(run("zb-slitvinov-em-c1")), defn(run("zb-slitvinov-em-c2")), [DEF]]


DOCS["zb-slitvinov-em-coins"] = _slitvinov


def _mlr():
    n, p, X, y, V, b, s2 = mlr_data()
    res = y - X @ b
    S = s2 * V
    sign, logdet = np.linalg.slogdet(S)
    logpdf = -0.5 * (n * np.log(2 * np.pi) + logdet + res @ np.linalg.solve(S, res))   # independent route: slogdet + solve
    printed = np.sqrt(1 / ((2 * np.pi) ** n * np.linalg.det(S))) * np.exp(-0.5 * res @ np.linalg.inv(S) @ res)
    return [[DEF] + chain(np.exp(logpdf), printed, rtol=1e-8, atol=0),
            run("zb-soch-mlr-det"),
            defn(run("zb-soch-mlr-ll1")),
            [DEF],
            run("zb-soch-mlr-ll2"),
            run("zb-soch-mlr-dbeta"),
            run("zb-soch-mlr-ds2")]


DOCS["zb-soch-mlr-mle"] = _mlr


# ============================================================================ main
def relation_count(text):
    """Relation signs outside braces: '=' (an '=' in a subscript such as \\sum_{i = 1} is no relation)."""
    depth = n = 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and ch == "=":
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
