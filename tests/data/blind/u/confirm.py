# ruff: noqa: E501, E731, E741, E743, B023  (hand-written confirmation data, kept as transcribed)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part u).

Every claim and every document link is re-coded by hand as NumPy functions of random inputs.
Derivatives (gradients, Hessians, differentials = directional derivatives) are compared against
central finite differences; algebraic rewrites are compared member by member; integrals are
evaluated by Gauss-Legendre / Gauss-Hermite quadrature.  Nothing here parses LaTeX.
A chain A = B = C yields one boolean per `=`; a claim is valid iff all its links hold.
Each claim is evaluated on several independent random draws.
"""

import math
import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(11)
TRIALS = 3
DEF = "definition"


# ============================================================================ helpers
def fd(f, x, h=1e-6):
    """Central-difference derivative of f (scalar- or array-valued) w.r.t. every entry of x.
    Result shape: f(x).shape + x.shape."""
    x = np.array(x, dtype=float)
    f0 = np.asarray(f(x), dtype=float)
    out = np.zeros(f0.shape + x.shape)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        out[(Ellipsis,) + idx] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return out


def hess(f, x, h=1e-4):
    """Second derivatives of a scalar f by the four-point central formula."""
    x = np.array(x, dtype=float)
    n = x.size
    H = np.zeros((n, n))
    E = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j]) - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h * h)
    return H


def dd(f, x, v, h=1e-6):
    """Directional derivative (differential) of f at x along v."""
    return (np.asarray(f(x + h * v)) - np.asarray(f(x - h * v))) / (2 * h)


def same(a, b, rtol=1e-6, atol=1e-7):
    if a is None or b is None:
        return False
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def links(*members, **kw):
    """Booleans for a chain m0 = m1 = ... (adjacent members)."""
    return [same(members[k], members[k + 1], **kw) for k in range(len(members) - 1)]


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def ip(a, b):
    """Frobenius / Euclidean scalar product <a, b>."""
    return float(np.sum(np.asarray(a) * np.asarray(b)))


def nonsym(n):
    return RNG.normal(size=(n, n))


def posdet(n):
    """A non-symmetric matrix with positive determinant."""
    while True:
        X = np.eye(n) * 2.0 + 0.5 * RNG.normal(size=(n, n))
        if np.linalg.det(X) > 0.2:
            return X


def spd(n):
    B = RNG.normal(size=(n, n))
    return B @ B.T + n * np.eye(n)


CLAIMS = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CLAIMS, i
            CLAIMS[i] = fn
        return fn
    return deco


# ============================================================================ Merkulov: matrix calculus
def quad_setup(n=4):
    A, b, c, x = nonsym(n), RNG.normal(size=n), RNG.normal(), RNG.normal(size=n)
    f = lambda v: 0.5 * v @ A @ v - b @ v + c
    return A, b, c, x, f


@claim("u-merkulov-quad-grad", "u-merkulov-quad-grad-sign", "u-merkulov-quad-grad-transpose")
def _m_quad_grad(cid):
    A, b, c, x, f = quad_setup()
    g = fd(f, x)
    rhs = {"u-merkulov-quad-grad": 0.5 * (A + A.T) @ x - b,
           "u-merkulov-quad-grad-sign": 0.5 * (A + A.T) @ x + b,
           "u-merkulov-quad-grad-transpose": A @ x - b}[cid]
    return [same(g, rhs)]


@claim("u-merkulov-quad-hess", "u-merkulov-quad-hess-factor")
def _m_quad_hess(cid):
    A, b, c, x, f = quad_setup()
    H = hess(f, x)
    rhs = 0.5 * (A + A.T) if cid == "u-merkulov-quad-hess" else (A + A.T)
    return [same(H, rhs, rtol=1e-5, atol=1e-5)]


@claim("u-merkulov-taylor1-source-error")
def _m_taylor1(cid):
    A, b, c, x, f = quad_setup()
    x0 = RNG.normal(size=4)
    fI = f(x0) + fd(f, x0) @ (x - x0)
    S = 0.5 * (A + A.T)
    m1 = (0.5 * x0 @ A @ x0 - b @ x0 + c) + (S @ x0 - b) @ (x - x0)
    m2 = c - 0.5 * x0 @ (A + A.T) @ x0 + (S @ x0 - b) @ x
    return links(fI, m1, m2)


@claim("u-merkulov-taylor2", "u-merkulov-taylor2-factor")
def _m_taylor2(cid):
    A, b, c, x, f = quad_setup()
    x0 = RNG.normal(size=4)
    g, H = fd(f, x0), hess(f, x0)
    fI = f(x0) + g @ (x - x0)
    fII = fI + 0.5 * (x - x0) @ H @ (x - x0)
    k = 0.5 if cid == "u-merkulov-taylor2" else 1.0
    return [same(fII, fI + k * (x - x0) @ A @ (x - x0), rtol=1e-5, atol=1e-5)]


@claim("u-merkulov-hess-df", "u-merkulov-hess-df-transpose")
def _m_hess_df(cid):
    n = 4
    A, b, c, x, dx = nonsym(n), RNG.normal(size=n), RNG.normal(), RNG.normal(size=n), RNG.normal(size=n)
    f = lambda v: (A @ v) @ v - b @ v + c
    df = dd(f, x, dx)
    m1 = dd(lambda v: (A @ v) @ v - b @ v + c, x, dx)
    m2 = ip(A @ x, dx) + ip(x, A @ dx) - ip(b, dx)
    if cid == "u-merkulov-hess-df":
        m3 = ip(A @ x, dx) + ip(A.T @ x, dx) - ip(b, dx)
    else:
        m3 = ip(A @ x, dx) + ip(A @ x, dx) - ip(b, dx)
    m4 = ip((A + A.T) @ x - b, dx)
    return links(df, m1, m2, m3, m4)


@claim("u-merkulov-hess-grad", "u-merkulov-hess-grad-factor")
def _m_hess_grad(cid):
    n = 4
    A, b, c, x = nonsym(n), RNG.normal(size=n), RNG.normal(), RNG.normal(size=n)
    f = lambda v: (A @ v) @ v - b @ v + c
    k = 1.0 if cid == "u-merkulov-hess-grad" else 0.5
    return [same(fd(f, x), k * (A + A.T) @ x - b)]


@claim("u-merkulov-lnquad-df", "u-merkulov-lnquad-df-sign")
def _m_lnquad_df(cid):
    n = 4
    K = RNG.normal(size=(n, n))
    A = spd(n) + (K - K.T)            # non-symmetric, <x, Ax> > 0
    x, dx = RNG.normal(size=n), RNG.normal(size=n)
    q = lambda v: v @ (A @ v)
    f = lambda v: math.log(q(v))
    df = dd(f, x, dx)
    m1 = dd(lambda v: math.log(q(v)), x, dx)
    m2 = dd(q, x, dx) / q(x)
    m3 = (ip(dx, A @ x) + ip(x, dd(lambda v: A @ v, x, dx))) / q(x)
    m4 = (ip(A @ x, dx) + ip(x, A @ dx)) / q(x)
    m5 = (ip(A @ x, dx) + ip(A.T @ x, dx)) / q(x)
    m6 = ip((A + A.T) @ x if cid == "u-merkulov-lnquad-df" else (A - A.T) @ x, dx) / q(x)
    return links(df, m1, m2, m3, m4, m5, m6)


@claim("u-merkulov-lnquad-grad", "u-merkulov-lnquad-grad-factor")
def _m_lnquad_grad(cid):
    n = 4
    A, x = spd(n), RNG.normal(size=n)
    f = lambda v: math.log(v @ A @ v)
    k = 2.0 if cid == "u-merkulov-lnquad-grad" else 1.0
    return [same(fd(f, x), k * A @ x / (x @ A @ x))]


def frob_setup():
    A, X, B, dX = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 2)), RNG.normal(size=(3, 2)), RNG.normal(size=(4, 2))
    f = lambda Y: np.linalg.norm(A @ Y - B)
    return A, X, B, dX, f


@claim("u-merkulov-frob-df", "u-merkulov-frob-df-factor")
def _m_frob_df(cid):
    A, X, B, dX, f = frob_setup()
    R = A @ X - B
    df = dd(f, X, dX)
    m1 = dd(f, X, dX)
    m2 = dd(lambda Y: ip(A @ Y - B, A @ Y - B) ** 0.5, X, dX)
    two = 2.0 if cid == "u-merkulov-frob-df" else 1.0
    m3 = 0.5 * ip(R, R) ** -0.5 * two * ip(R, dd(lambda Y: A @ Y - B, X, dX))
    m4 = ip(R, A @ dX) / math.sqrt(ip(R, R))
    m5 = ip(A.T @ R, dX) / np.linalg.norm(R)
    return links(df, m1, m2, m3, m4, m5)


@claim("u-merkulov-frob-grad", "u-merkulov-frob-grad-factor")
def _m_frob_grad(cid):
    A, X, B, dX, f = frob_setup()
    R = A @ X - B
    p = 1 if cid == "u-merkulov-frob-grad" else 2
    return [same(fd(f, X), A.T @ R / np.linalg.norm(R) ** p)]


def logdet_setup(n=3):
    S, X, dX = RNG.normal(size=(n, n)), posdet(n), RNG.normal(size=(n, n))
    f = lambda Y: ip(S, Y) - math.log(np.linalg.det(Y))
    return S, X, dX, f


@claim("u-merkulov-logdet-df", "u-merkulov-logdet-df-transpose")
def _m_logdet_df(cid):
    S, X, dX, f = logdet_setup()
    Xi = np.linalg.inv(X)
    Xt = Xi.T if cid == "u-merkulov-logdet-df" else Xi
    det = np.linalg.det(X)
    df = dd(f, X, dX)
    m1 = dd(f, X, dX)
    m2 = ip(S, dX) - dd(np.linalg.det, X, dX) / det
    m3 = ip(S, dX) - det * ip(Xt, dX) / det
    m4 = ip(S - Xt, dX)
    return links(df, m1, m2, m3, m4)


@claim("u-merkulov-logdet-grad", "u-merkulov-logdet-grad-sign")
def _m_logdet_grad(cid):
    S, X, dX, f = logdet_setup()
    s = -1.0 if cid == "u-merkulov-logdet-grad" else 1.0
    return [same(fd(f, X), S + s * np.linalg.inv(X).T)]


@claim("u-merkulov-softplus-grad", "u-merkulov-softplus-grad-sign")
def _m_softplus_grad(cid):
    a, x = RNG.normal(size=4), RNG.normal(size=4)
    f = lambda v: math.log(1 + math.exp(a @ v))
    t = a @ x if cid == "u-merkulov-softplus-grad" else -(a @ x)
    return [same(fd(f, x), sig(t) * a)]


@claim("u-merkulov-softplus-hess", "u-merkulov-softplus-hess-sigma-prime")
def _m_softplus_hess(cid):
    a, x = RNG.normal(size=4), RNG.normal(size=4)
    f = lambda v: math.log(1 + math.exp(a @ v))
    s = sig(a @ x)
    rhs = s * (1 - s) * np.outer(a, a) if cid == "u-merkulov-softplus-hess" else s * np.outer(a, a)
    return [same(hess(f, x), rhs, rtol=1e-5, atol=1e-6)]


@claim("u-merkulov-trace-sum", "u-merkulov-trace-sum-order")
def _m_trace_sum(cid):
    n = 4
    A = RNG.normal(size=(n, n))                      # columns a_i
    S = sum(np.outer(A[:, i], A[:, i]) for i in range(n))
    Si = np.linalg.inv(S)
    M = A.T @ (Si @ A)
    m0 = sum(A[:, i] @ Si @ A[:, i] for i in range(n))
    m1 = sum(M[i, i] for i in range(n))
    m2 = np.trace(M)
    m3 = np.trace(A.T @ Si @ A)
    m4 = np.trace(A @ A.T @ Si) if cid == "u-merkulov-trace-sum" else np.trace(A.T @ A @ Si)
    m5 = np.trace(S @ Si)
    m6 = np.trace(np.eye(n))
    return links(m0, m1, m2, m3, m4, m5, m6, float(n))


@claim("u-merkulov-mle-logp", "u-merkulov-mle-logp-factor")
def _m_mle_logp(cid):
    z, s = RNG.normal() * 2, RNG.uniform(0.5, 2)
    lhs = math.log(1 / math.sqrt(2 * math.pi * s**2) * math.exp(-z**2 / (2 * s**2)))
    k = 2.0 if cid == "u-merkulov-mle-logp" else 1.0
    return [same(lhs, -0.5 * math.log(2 * math.pi * s**2) - z**2 / (k * s**2))]


@claim("u-merkulov-mle-sum", "u-merkulov-mle-sum-factor")
def _m_mle_sum(cid):
    m, d = 6, 3
    a, th, x, s = RNG.normal(size=(m, d)), RNG.normal(size=d), RNG.normal(size=m), RNG.uniform(0.5, 2)
    r = x - a @ th
    lhs = sum(-0.5 * math.log(2 * math.pi * s**2) - r[i] ** 2 / (2 * s**2) for i in range(m))
    mm = m if cid == "u-merkulov-mle-sum" else 1
    return [same(lhs, -mm / 2 * math.log(2 * math.pi * s**2) - (r @ r) / (2 * s**2))]


@claim("u-merkulov-mle-laplace-source-error")
def _m_laplace(cid):
    z, a = RNG.normal() * 2, RNG.uniform(0.5, 2)
    lhs = math.log(1 / (2 * a) * math.exp(-abs(z) / a))
    return [same(lhs, -math.log(2 * a) - (-abs(z) / a))]


# ============================================================================ Tiep: logistic regression
@claim("u-tiep-sigmoid-deriv-source-error")
def _t_sigmoid(cid):
    s = RNG.uniform(-3, 3)
    while abs(s - 1) < 0.2:
        s = RNG.uniform(-3, 3)
    d = fd(lambda v: 1 / (1 + np.exp(-v)), np.array(s))
    m1 = math.exp(-1) / (1 + math.exp(-s)) ** 2
    m2 = 1 / (1 + math.exp(-s)) * math.exp(-s) / (1 + math.exp(-s))
    m3 = sig(s) * (1 - sig(s))
    return links(d, m1, m2, m3)


@claim("u-tiep-tanh-sigmoid", "u-tiep-tanh-sigmoid-factor")
def _t_tanh(cid):
    s = RNG.uniform(-3, 3, size=5)
    lhs = (np.exp(s) - np.exp(-s)) / (np.exp(s) + np.exp(-s))
    k = 2.0 if cid == "u-tiep-tanh-sigmoid" else 1.0
    return [same(lhs, 2 * sig(k * s) - 1)]


def logreg_setup(d=3, N=6):
    X, y, w = RNG.normal(size=(d, N)), RNG.integers(0, 2, size=N).astype(float), RNG.normal(size=d)
    y[0], y[1] = 1.0, 0.0
    return X, y, w


@claim("u-tiep-logreg-nll", "u-tiep-logreg-nll-term")
def _t_nll(cid):
    X, y, w = logreg_setup()
    z = sig(w @ X)
    P = np.prod(z**y * (1 - z) ** (1 - y))
    if cid == "u-tiep-logreg-nll":
        rhs = -np.sum(y * np.log(z) + (1 - y) * np.log(1 - z))
    else:
        rhs = -np.sum(y * np.log(z) + np.log(1 - z))
    return [True, same(-math.log(P), rhs)]     # first link defines J


def f_generic(s):
    """A generic activation with values in (0, 1) (the source's f before choosing the sigmoid)."""
    return 0.5 + 0.4 * np.tanh(0.7 * s + 0.3)


@claim("u-tiep-logreg-dJ", "u-tiep-logreg-dJ-sign")
def _t_dJ(cid):
    d = 3
    x, w, y = RNG.normal(size=d), RNG.normal(size=d), float(RNG.integers(0, 2))
    zf = lambda v: f_generic(v @ x)
    J = lambda v: -(y * math.log(zf(v)) + (1 - y) * math.log(1 - zf(v)))
    g, dz, z = fd(J, w), fd(zf, w), zf(w)
    m1 = -(y / z - (1 - y) / (1 - z)) * dz
    num = (z - y) if cid == "u-tiep-logreg-dJ" else (y - z)
    m2 = num / (z * (1 - z)) * dz
    return links(g, m1, m2)


@claim("u-tiep-logreg-grad", "u-tiep-logreg-grad-sign")
def _t_lrgrad(cid):
    d = 3
    x, w, y = RNG.normal(size=d), RNG.normal(size=d), float(RNG.integers(0, 2))
    J = lambda v: -(y * math.log(sig(v @ x)) + (1 - y) * math.log(1 - sig(v @ x)))
    z = sig(w @ x)
    rhs = (z - y) * x if cid == "u-tiep-logreg-grad" else (y - z) * x
    return [same(fd(J, w), rhs)]


# ============================================================================ Tiep: softmax regression
@claim("u-tiep-softmax-stable", "u-tiep-softmax-stable-term")
def _t_stable(cid):
    C = 5
    z, c, i = RNG.normal(size=C), RNG.normal() * 3, int(RNG.integers(0, C))
    m0 = np.exp(z[i]) / np.sum(np.exp(z))
    m1 = np.exp(-c) * np.exp(z[i]) / (np.exp(-c) * np.sum(np.exp(z)))
    den = np.sum(np.exp(z - c)) if cid == "u-tiep-softmax-stable" else np.sum(np.exp(z))
    m2 = np.exp(z[i] - c) / den
    return links(m0, m1, m2)


def simplex(C):
    p = RNG.uniform(0.1, 1, size=C)
    return p / p.sum()


@claim("u-tiep-softmax-loss", "u-tiep-softmax-loss-sign")
def _t_smloss(cid):
    d, C = 3, 4
    W, x, y = RNG.normal(size=(d, C)), RNG.normal(size=d), simplex(4)
    s = W.T @ x
    lse = math.log(np.sum(np.exp(s)))
    m0 = -np.sum(y * np.log(np.exp(s) / np.sum(np.exp(s))))
    m1 = -np.sum(y * s - y * lse)
    m2 = -np.sum(y * s) + (lse if cid == "u-tiep-softmax-loss" else -lse)
    return links(m0, m1, m2)


@claim("u-tiep-softmax-gradwj", "u-tiep-softmax-gradwj-sign")
def _t_smgradwj(cid):
    d, C = 3, 4
    W, x, y, j = RNG.normal(size=(d, C)), RNG.normal(size=d), simplex(4), int(RNG.integers(0, 4))
    Ji = lambda M: -np.sum(y * (M.T @ x)) + math.log(np.sum(np.exp(M.T @ x)))
    g = fd(lambda wj: Ji(np.column_stack([W[:, :j], wj, W[:, j + 1:]])), W[:, j])
    a = softmax(W.T @ x)
    m1 = -y[j] * x + np.exp(W[:, j] @ x) / np.sum(np.exp(W.T @ x)) * x
    m2 = -y[j] * x + a[j] * x
    m3 = x * (a[j] - y[j]) if cid == "u-tiep-softmax-gradwj" else x * (y[j] - a[j])
    m4 = (a[j] - y[j]) * x
    return links(g, m1, m2, m3, m4)


@claim("u-tiep-softmax-gradW", "u-tiep-softmax-gradW-transpose")
def _t_smgradW(cid):
    d, C, N = 3, 3, 5
    W, X = RNG.normal(size=(d, C)), RNG.normal(size=(d, N))
    Y = np.column_stack([simplex(C) for _ in range(N)])
    J = lambda M: -sum(Y[:, i] @ np.log(softmax(M.T @ X[:, i])) for i in range(N))
    A = np.column_stack([softmax(W.T @ X[:, i]) for i in range(N)])
    E = A - Y
    g = fd(J, W)
    if cid == "u-tiep-softmax-gradW":
        m1 = sum(np.outer(X[:, i], E[:, i]) for i in range(N))
        m2 = X @ E.T
    else:
        m1 = sum(np.outer(E[:, i], X[:, i]) for i in range(N))
        m2 = E @ X.T
    return links(g, m1, m2)


@claim("u-tiep-softmax-c2", "u-tiep-softmax-c2-swapped")
def _t_c2(cid):
    w1, w2, x = RNG.normal(size=3), RNG.normal(size=3), RNG.normal(size=3)
    a1 = softmax(np.array([w1 @ x, w2 @ x]))[0]
    m1 = np.exp(w1 @ x) / (np.exp(w1 @ x) + np.exp(w2 @ x))
    dv = (w2 - w1) if cid == "u-tiep-softmax-c2" else (w1 - w2)
    m2 = 1 / (1 + np.exp(dv @ x))
    return links(a1, m1, m2)


# ============================================================================ Tiep: linear regression, GD, k-means, MF, MLE
def lin_setup(N=6, d=3):
    return RNG.normal(size=(N, d)), RNG.normal(size=N), RNG.normal(size=d)   # rows are data points


@claim("u-tiep-linreg-loss", "u-tiep-linreg-loss-factor")
def _t_linloss(cid):
    X, y, w = lin_setup()
    N = len(y)
    m0 = 0.5 * sum((y[i] - X[i] @ w) ** 2 for i in range(N))
    k = 0.5 if cid == "u-tiep-linreg-loss" else 0.5 / N
    return [same(m0, m0), same(m0, k * np.linalg.norm(y - X @ w) ** 2)]


@claim("u-tiep-linreg-grad", "u-tiep-linreg-grad-sign")
def _t_lingrad(cid):
    X, y, w = lin_setup()
    L = lambda v: 0.5 * np.linalg.norm(y - X @ v) ** 2
    rhs = X.T @ (X @ w - y) if cid == "u-tiep-linreg-grad" else X.T @ (y - X @ w)
    return [same(fd(L, w), rhs)]


@claim("u-tiep-gd-grad", "u-tiep-gd-grad-factor")
def _t_gdgrad(cid):
    X, y, w = lin_setup()
    N = len(y)
    L = lambda v: 1 / (2 * N) * np.linalg.norm(y - X @ v) ** 2
    k = 1 / N if cid == "u-tiep-gd-grad" else 1 / (2 * N)
    return [same(fd(L, w), k * X.T @ (X @ w - y))]


@claim("u-tiep-gd2-grad", "u-tiep-gd2-grad-sign")
def _t_gd2grad(cid):
    X, y, w = lin_setup()
    N = len(y)
    J = lambda v: 1 / (2 * N) * np.linalg.norm(X @ v - y) ** 2
    s = 1.0 if cid == "u-tiep-gd2-grad" else -1.0
    rhs = 1 / N * sum(X[i] * (s * (X[i] @ w - y[i])) for i in range(N))
    return [same(fd(J, w), rhs)]


@claim("u-tiep-sgd-grad", "u-tiep-sgd-grad-factor")
def _t_sgd(cid):
    xi, yi, w = RNG.normal(size=3), RNG.normal(), RNG.normal(size=3)
    J = lambda v: 0.5 * (xi @ v - yi) ** 2
    k = 1.0 if cid == "u-tiep-sgd-grad" else 2.0
    return [same(fd(J, w), k * xi * (xi @ w - yi))]


@claim("u-tiep-kmeans-center", "u-tiep-kmeans-center-sign")
def _t_kmeans(cid):
    N, d = 7, 2
    X, yj, m = RNG.normal(size=(N, d)), RNG.integers(0, 2, size=N).astype(float), RNG.normal(size=d)
    yj[0] = 1.0
    l = lambda v: sum(yj[i] * np.sum((X[i] - v) ** 2) for i in range(N))
    s = 1.0 if cid == "u-tiep-kmeans-center" else -1.0
    return [same(fd(l, m), 2 * sum(yj[i] * s * (m - X[i]) for i in range(N)))]


@claim("u-tiep-mf-dw", "u-tiep-mf-dw-factor")
def _t_mf(cid):
    Xh, yh, w, s, lam = RNG.normal(size=(5, 3)), RNG.normal(size=5), RNG.normal(size=3), 7.0, RNG.uniform(0.1, 1)
    L = lambda v: 1 / (2 * s) * np.linalg.norm(yh - Xh @ v) ** 2 + lam / 2 * np.linalg.norm(v) ** 2
    k = 1.0 if cid == "u-tiep-mf-dw" else 0.5
    return [same(fd(L, w), -1 / s * Xh.T @ (yh - Xh @ w) + k * lam * w)]


def mleJ_setup():
    x, mu, s = RNG.normal(size=6), RNG.normal(), RNG.uniform(0.5, 2)
    J = lambda m, sd: -len(x) * math.log(sd) - np.sum((x - m) ** 2) / (2 * sd**2)
    return x, mu, s, J


@claim("u-tiep-mle-dmu", "u-tiep-mle-dmu-sign")
def _t_dmu(cid):
    x, mu, s, J = mleJ_setup()
    g = fd(lambda m: J(float(m), s), np.array(mu))
    rhs = np.sum(x - mu) / s**2 if cid == "u-tiep-mle-dmu" else np.sum(mu - x) / s**2
    return [same(g, rhs)]


@claim("u-tiep-mle-dsigma", "u-tiep-mle-dsigma-factor")
def _t_dsigma(cid):
    x, mu, s, J = mleJ_setup()
    g = fd(lambda sd: J(mu, float(sd)), np.array(s))
    k = 1.0 if cid == "u-tiep-mle-dsigma" else 0.5
    return [same(g, -len(x) / s + k / s**3 * np.sum((x - mu) ** 2))]


@claim("u-tiep-mle-logdet", "u-tiep-mle-logdet-sign")
def _t_logdet(cid):
    Sg = posdet(3)
    g = fd(lambda M: math.log(abs(np.linalg.det(M))), Sg)
    s = 1.0 if cid == "u-tiep-mle-logdet" else -1.0
    return [same(g, s * np.linalg.inv(Sg).T)]


@claim("u-tiep-mle-quadinv", "u-tiep-mle-quadinv-sign")
def _t_quadinv(cid):
    Sg, x, mu = posdet(3), RNG.normal(size=3), RNG.normal(size=3)
    r = x - mu
    g = fd(lambda M: r @ np.linalg.inv(M) @ r, Sg)
    Sit = np.linalg.inv(Sg).T
    s = -1.0 if cid == "u-tiep-mle-quadinv" else 1.0
    return [same(g, s * Sit @ np.outer(r, r) @ Sit)]


def lag_setup():
    n, lam, mu = RNG.integers(1, 10, size=6).astype(float), RNG.uniform(0.05, 0.4, size=6), RNG.normal()
    L = lambda l, m: np.sum(n * np.log(l)) + m * (1 - np.sum(l))
    return n, lam, mu, L


@claim("u-tiep-lagrange-dlambda", "u-tiep-lagrange-dlambda-sign")
def _t_dlam(cid):
    n, lam, mu, L = lag_setup()
    s = -1.0 if cid == "u-tiep-lagrange-dlambda" else 1.0
    return [same(fd(lambda l: L(l, mu), lam), n / lam + s * mu)]


@claim("u-tiep-lagrange-dmu", "u-tiep-lagrange-dmu-sign")
def _t_dmu_lag(cid):
    n, lam, mu, L = lag_setup()
    rhs = 1 - np.sum(lam) if cid == "u-tiep-lagrange-dmu" else np.sum(lam) - 1
    return [same(fd(lambda m: L(lam, float(m)), np.array(mu)), rhs)]


# ============================================================================ BitbeyHub: policy gradient, XGBoost
def traj_dist(K=6, p=3):
    Phi, R, th = RNG.normal(size=(K, p)), RNG.normal(size=K) * 3, RNG.normal(size=p)
    P = lambda t: softmax(Phi @ t)
    return Phi, R, th, P


def pg_members(R, th, P, bad=False):
    U = lambda t: P(t) @ R
    JP = fd(P, th)                                   # K x p
    JlogP = fd(lambda t: np.log(P(t)), th)
    p = P(th)
    m0 = fd(U, th)
    m1 = fd(lambda t: np.sum(P(t) * R), th)
    m2 = np.sum(JP * R[:, None], axis=0)
    m3 = np.sum((p / p)[:, None] * JP * R[:, None], axis=0)
    m4 = np.sum(p[:, None] * (JP * R[:, None]) / p[:, None], axis=0)
    m5 = np.sum(p[:, None] * JlogP * R[:, None], axis=0)
    m6 = np.sum(p[:, None] * (JP if bad else JlogP) * R[:, None], axis=0)   # expectation under P(tau; theta)
    return [m0, m1, m2, m3, m4, m5, m6]


@claim("u-bitbey-pg-likelihood-ratio", "u-bitbey-pg-likelihood-ratio-term")
def _b_pg(cid):
    Phi, R, th, P = traj_dist()
    return links(*pg_members(R, th, P, bad=(cid != "u-bitbey-pg-likelihood-ratio")))


def mdp_setup(S=3, A=2, T=3):
    Tr = RNG.uniform(0.1, 1, size=(S, A, S))
    Tr /= Tr.sum(axis=2, keepdims=True)
    s = RNG.integers(0, S, size=T + 2)
    a = RNG.integers(0, A, size=T + 1)
    th = RNG.normal(size=S * A)
    pi = lambda t, st, at: softmax(t.reshape(S, A)[st])[at]
    return Tr, s, a, th, pi, T


def traj_members(bad=False):
    Tr, s, a, th, pi, T = mdp_setup()
    logP = lambda t: math.log(np.prod([Tr[s[k], a[k], s[k + 1]] * pi(t, s[k], a[k]) for k in range(T + 1)]))
    m0 = fd(logP, th)
    m1 = fd(logP, th)
    m2 = fd(lambda t: sum(math.log(Tr[s[k], a[k], s[k + 1]]) for k in range(T + 1)) + sum(math.log(pi(t, s[k], a[k])) for k in range(T + 1)), th)
    m3 = fd(lambda t: sum(math.log(pi(t, s[k], a[k])) for k in range(T + 1)), th)
    if bad:
        m4 = sum(fd(lambda t: pi(t, s[k], a[k]), th) for k in range(T + 1))
    else:
        m4 = sum(fd(lambda t: math.log(pi(t, s[k], a[k])), th) for k in range(T + 1))
    return [m0, m1, m2, m3, m4]


@claim("u-bitbey-pg-trajectory", "u-bitbey-pg-trajectory-term")
def _b_traj(cid):
    return links(*traj_members(bad=(cid != "u-bitbey-pg-trajectory")))


def baseline_members(bad=False):
    Phi, R, th, P = traj_dist()
    b = RNG.normal() * 5
    p = P(th)
    JP = fd(P, th)
    JlogP = fd(lambda t: np.log(P(t)), th)
    m0 = np.sum(p[:, None] * JlogP * b, axis=0)                 # E over tau ~ P(tau; theta)
    m1 = np.sum(p[:, None] * (JP if bad else JlogP) * b, axis=0)
    m2 = np.sum(p[:, None] * JP * b / p[:, None], axis=0)
    m3 = np.sum(JP * b, axis=0)
    m4 = fd(lambda t: np.sum(P(t) * b), th)
    m5 = fd(lambda t: b, th)
    m6 = np.zeros_like(th)
    return [m0, m1, m2, m3, m4, m5, m6]


@claim("u-bitbey-pg-baseline", "u-bitbey-pg-baseline-term")
def _b_base(cid):
    return links(*baseline_members(bad=(cid != "u-bitbey-pg-baseline")), atol=1e-6)


def xgb_setup(n=9, T=3):
    q = RNG.integers(0, T, size=n)
    q[:T] = np.arange(T)
    g, h, w = RNG.normal(size=n), RNG.uniform(0.1, 1, size=n), RNG.normal(size=T)
    gam, lam = RNG.uniform(0, 1), RNG.uniform(0.1, 2)
    return q, g, h, w, gam, lam, T


@claim("u-bitbey-xgb-leaves", "u-bitbey-xgb-leaves-term")
def _b_leaves(cid):
    q, g, h, w, gam, lam, T = xgb_setup()
    ft = w[q]
    Om = gam * T + 0.5 * lam * np.sum(w**2)
    L0 = np.sum(g * ft + 0.5 * h * ft**2) + Om
    m1 = np.sum(g * w[q] + 0.5 * h * w[q] ** 2) + gam * T + 0.5 * lam * np.sum(w**2)
    lamj = lam if cid == "u-bitbey-xgb-leaves" else 0.0
    m2 = sum(np.sum(g[q == j]) * w[j] + 0.5 * (np.sum(h[q == j]) + lamj) * w[j] ** 2 for j in range(T)) + gam * T
    return links(L0, m1, m2)


@claim("u-bitbey-xgb-dw", "u-bitbey-xgb-dw-factor")
def _b_dw(cid):
    T = 4
    G, H, w, gam, lam = RNG.normal(size=T), RNG.uniform(0.1, 2, size=T), RNG.normal(size=T), RNG.uniform(), RNG.uniform(0.1, 2)
    L = lambda v: np.sum(G * v + 0.5 * (H + lam) * v**2) + gam * T
    k = 1.0 if cid == "u-bitbey-xgb-dw" else 0.5
    return links(fd(L, w), fd(L, w), G + k * (H + lam) * w)


# ============================================================================ Patacchiola: score function / pathwise
XQ, WQ = np.polynomial.legendre.leggauss(60)
XQ, WQ = 0.5 * (XQ + 1), 0.5 * WQ                   # nodes/weights on [0, 1]


def expfam(th):
    """p_theta(x) = exp(theta_1 x + theta_2 x^2) / Z(theta) on [0, 1] (a concrete positive density)."""
    Z = WQ @ np.exp(th[0] * XQ + th[1] * XQ**2)
    return lambda x: np.exp(th[0] * x + th[1] * x**2) / Z


@claim("u-patacchiola-log-derivative", "u-patacchiola-log-derivative-factor")
def _p_logd(cid):
    th, x = RNG.normal(size=2), RNG.uniform(0, 1)
    lhs = fd(lambda t: math.log(expfam(t)(x)), th)
    p = expfam(th)(x)
    k = 1 if cid == "u-patacchiola-log-derivative" else 2
    return [same(lhs, fd(lambda t: expfam(t)(x), th) / p**k)]


def score_members(bad=False):
    th = RNG.normal(size=2) * 1.5
    p = expfam(th)(XQ)
    Jp = fd(lambda t: expfam(t)(XQ), th)            # grad_theta p at every node: (nodes, 2)
    Jlogp = fd(lambda t: np.log(expfam(t)(XQ)), th)
    m0 = WQ @ (p[:, None] * Jlogp)
    m1 = WQ @ (p[:, None] * Jp / p[:, None])
    m2 = WQ @ (Jp / p[:, None]) if bad else WQ @ (p[:, None] * Jp / p[:, None])
    m3 = fd(lambda t: WQ @ expfam(t)(XQ), th)
    m4 = fd(lambda t: 1.0, th)
    m5 = np.zeros(2)
    return [m0, m1, m2, m3, m4, m5]


@claim("u-patacchiola-score-mean-zero", "u-patacchiola-score-mean-zero-term")
def _p_score(cid):
    return links(*score_members(bad=(cid != "u-patacchiola-score-mean-zero")))


EH, WH = np.polynomial.hermite_e.hermegauss(80)
WH = WH / math.sqrt(2 * math.pi)                    # expectation under N(0, 1)


def fcost(x):
    return np.cos(x) + x**2


def dfcost(x):
    return -np.sin(x) + 2 * x


def pathwise_members(bad=False):
    th = np.array([RNG.normal(), RNG.uniform(0.5, 1.5)])   # theta = (mu, sigma)
    # closed form E_{N(mu, sigma^2)}[cos x + x^2] = cos(mu) exp(-sigma^2/2) + mu^2 + sigma^2
    Ef = lambda t: math.cos(t[0]) * math.exp(-t[1] ** 2 / 2) + t[0] ** 2 + t[1] ** 2
    m0 = fd(Ef, th)
    m1 = fd(lambda t: WH @ fcost(t[0] + t[1] * EH), th)
    m2 = fd(lambda t: WH @ fcost(t[0] + t[1] * EH), th)
    if bad:
        m3 = np.zeros(2)                             # grad_theta p(eps) = 0: the base density has no theta
    else:
        m3 = np.array([WH @ dfcost(th[0] + th[1] * EH), WH @ (dfcost(th[0] + th[1] * EH) * EH)])
    return [m0, m1, m2, m3], th


@claim("u-patacchiola-pathwise", "u-patacchiola-pathwise-swapped")
def _p_path(cid):
    ms, _ = pathwise_members(bad=(cid != "u-patacchiola-pathwise"))
    return links(*ms)


# ============================================================================ factorization machines
def fm_members(bad=False):
    n, k = 5, 3
    V, x = RNG.normal(size=(n, k)), RNG.normal(size=n)
    m0 = sum(V[i] @ V[j] * x[i] * x[j] for i in range(n) for j in range(i + 1, n))
    c = 1.0 if bad else 0.5
    m1 = 0.5 * sum(V[i] @ V[j] * x[i] * x[j] for i in range(n) for j in range(n)) - c * sum(V[i] @ V[i] * x[i] * x[i] for i in range(n))
    m2 = 0.5 * (sum(V[i, f] * V[j, f] * x[i] * x[j] for i in range(n) for j in range(n) for f in range(k)) - sum(V[i, f] * V[i, f] * x[i] * x[i] for i in range(n) for f in range(k)))
    m3 = 0.5 * sum((V[:, f] @ x) * (V[:, f] @ x) - np.sum(V[:, f] ** 2 * x**2) for f in range(k))
    m4 = 0.5 * sum((V[:, f] @ x) ** 2 - np.sum(V[:, f] ** 2 * x**2) for f in range(k))
    return [m0, m1, m2, m3, m4], V, x


@claim("u-uesugi-fm-pairwise", "u-uesugi-fm-pairwise-factor")
def _u_fm(cid):
    ms, _, _ = fm_members(bad=(cid != "u-uesugi-fm-pairwise"))
    return links(*ms)


@claim("u-wuciawe-fm-pairwise", "u-wuciawe-fm-pairwise-sign")
def _w_fm(cid):
    n, k = 5, 3
    V, x = RNG.normal(size=(n, k)), RNG.normal(size=n)
    lhs = sum(V[i] @ V[j] * x[i] * x[j] for i in range(n) for j in range(i + 1, n))
    s = -1.0 if cid == "u-wuciawe-fm-pairwise" else 1.0
    rhs = 0.5 * sum((V[:, j] @ x) ** 2 + s * np.sum(V[:, j] ** 2 * x**2) for j in range(k))
    return [same(lhs, rhs)]


# ============================================================================ documents
def doc_softplus(mutated):
    def run():
        n = 4
        a, x, dx = RNG.normal(size=n), RNG.normal(size=n), RNG.normal(size=n)
        f = lambda v: math.log(1 + math.exp(a @ v))
        t = a @ x
        df = dd(f, x, dx)
        e = math.exp(t)
        Hdx = hess(f, x) @ dx
        s = sig(t)
        tol = dict(rtol=1e-5, atol=1e-6)
        grad_rhs = sig(-t) * a if mutated else s * a
        dsig_rhs = s * (1 + s) * (a @ dx) if mutated else s * (1 - s) * (a @ dx)
        return [[DEF],
                links(df, dd(f, x, dx), dd(lambda v: 1 + math.exp(a @ v), x, dx) / (1 + e)),
                [same(dd(lambda v: math.exp(a @ v), x, dx), e * (a @ dx))],
                [same(df, e * (a @ dx) / (1 + e))],
                [same(df, ip(e / (1 + e) * a, dx))],
                [DEF],
                [same(df, ip(s * a, dx))],
                [same(fd(f, x), grad_rhs)],
                [same(Hdx, dd(lambda v: sig(a @ v) * a, x, dx), **tol)],
                [same(dd(lambda v: sig(a @ v), x, dx), dsig_rhs)],
                [same(Hdx, s * (1 - s) * (a @ dx) * a, **tol)],
                [same(hess(f, x), s * (1 - s) * np.outer(a, a), **tol)]]
    return run


def fcost01(x):
    return np.cos(3 * x) + x**3


def doc_score():
    th = RNG.normal(size=2) * 1.5
    p = expfam(th)(XQ)
    Jp = fd(lambda t: expfam(t)(XQ), th)
    Jlogp = fd(lambda t: np.log(expfam(t)(XQ)), th)
    fx = fcost01(XQ)[:, None]
    m0 = fd(lambda t: WQ @ (expfam(t)(XQ) * fcost01(XQ)), th)
    m1 = fd(lambda t: WQ @ (expfam(t)(XQ) * fcost01(XQ)), th)
    m2 = WQ @ (Jp * fx)
    m3 = WQ @ ((p / p)[:, None] * Jp * fx)
    m4 = WQ @ (p[:, None] * (Jp / p[:, None]) * fx)
    m5 = WQ @ (p[:, None] * Jlogp * fx)
    m6 = WQ @ (p[:, None] * Jlogp * fx)          # expectation under p_theta
    xs = RNG.uniform(0, 1)
    logd = same(fd(lambda t: math.log(expfam(t)(xs)), th), fd(lambda t: expfam(t)(xs), th) / expfam(th)(xs))
    path, _ = pathwise_members()
    mu, sd, eps = RNG.normal(), RNG.uniform(0.5, 2), RNG.normal()
    g = lambda e: mu + sd * e
    z = g(eps)
    ginv = 0.0 - (g(0.0) - z) * (1.0 - 0.0) / (g(1.0) - g(0.0))   # secant step, exact for an affine path
    return [[DEF],
            [logd],
            links(*score_members()),
            links(m0, m1, m2, m3, m4, m5, m6),
            links(*path),
            [DEF, DEF],
            [same(eps, ginv), same(ginv, (z - mu) / sd)]]


def doc_softmax():
    d, C, N = 3, 4, 5
    W, X = RNG.normal(size=(d, C)), RNG.normal(size=(d, N))
    Y = np.column_stack([simplex(C) for _ in range(N)])
    A = np.column_stack([softmax(W.T @ X[:, i]) for i in range(N)])
    full = -np.sum(Y * np.log(A))
    explicit = -sum(Y[j, i] * math.log(math.exp(W[:, j] @ X[:, i]) / sum(math.exp(W[:, k] @ X[:, i]) for k in range(C))) for i in range(N) for j in range(C))
    i = int(RNG.integers(0, N))
    x, y = X[:, i], Y[:, i]
    Ji = lambda M: -np.sum(y * np.log(softmax(M.T @ x)))
    e = softmax(W.T @ x) - y
    gJi = fd(Ji, W)
    return [[DEF],
            _t_stable("u-tiep-softmax-stable"),
            [DEF],
            [DEF, same(full, explicit)],
            [DEF],
            _t_smloss("u-tiep-softmax-loss"),
            [DEF],
            _t_smgradwj("u-tiep-softmax-gradwj"),
            links(gJi, np.outer(x, e), np.outer(x, e)),
            [DEF],
            _t_smgradW("u-tiep-softmax-gradW"),
            _t_c2("u-tiep-softmax-c2")]


def doc_policy():
    Phi, R, th, P = traj_dist()
    return [[DEF, DEF],
            links(*pg_members(R, th, P)),
            [DEF],
            links(*traj_members()),
            links(*baseline_members(), atol=1e-6)]


DOCS = {
    "merkulov-softplus": doc_softplus(False),
    "merkulov-softplus-mutated": doc_softplus(True),
    "patacchiola-score-function": doc_score,
    "tiep-softmax-regression": doc_softmax,
    "bitbey-policy-gradient": doc_policy,
}


# ============================================================================ driver
def main():
    failures = []
    items = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    missing = [i for i in ids if i not in CLAIMS]
    extra = [i for i in CLAIMS if i not in ids]
    assert not missing and not extra, (missing, extra)
    n_valid = n_invalid = 0
    for it in items:
        verdicts = []
        for _ in range(TRIALS):
            res = CLAIMS[it["id"]](it["id"])
            assert res and all(isinstance(v, bool) for v in res), it["id"]
            verdicts.append(all(res))
        if it["expect"] == "valid":
            n_valid += 1
            ok = all(verdicts)
        else:
            n_invalid += 1
            ok = not any(verdicts)
        if not ok:
            failures.append(f"claim {it['id']}: expect {it['expect']}, numbers say {verdicts}")
    checked_claims = len(items)
    assert checked_claims == n_valid + n_invalid == len(CLAIMS)

    doc_files = sorted(p.name[: -len(".expect.yaml")] for p in (HERE / "docs").glob("*.expect.yaml"))
    md_files = sorted(p.name[: -len(".md")] for p in (HERE / "docs").glob("*.md"))
    assert doc_files == md_files, (doc_files, md_files)
    assert sorted(DOCS) == doc_files, (sorted(DOCS), doc_files)
    n_links = n_eq = 0
    for name in doc_files:
        exp = yaml.safe_load((HERE / "docs" / f"{name}.expect.yaml").read_text())
        md = (HERE / "docs" / f"{name}.md").read_text().splitlines()
        for m in exp.get("mutations") or []:
            assert m["now"] in md[m["line"] - 1], (name, m["line"])
        for trial in range(TRIALS):
            got = DOCS[name]()
            assert len(got) == len(exp["links"]), (name, len(got), len(exp["links"]))
            for link, res in zip(exp["links"], got, strict=True):
                assert len(res) == len(link["expect"]), (name, link["line"])
                line = md[link["line"] - 1]
                assert link["text"] in line, (name, link["line"], line)   # the entry points at its own line
                if trial == 0:
                    n_links += 1
                for e, r in zip(link["expect"], res, strict=True):
                    if trial == 0:
                        n_eq += 1
                    if e == "definition":
                        if r != DEF:
                            failures.append(f"doc {name} line {link['line']}: definition expected")
                    elif r == DEF or (e == "valid") != r:
                        failures.append(f"doc {name} line {link['line']}: expect {e}, numbers say {r} (trial {trial})")
    print(f"claims checked: {checked_claims} ({n_valid} valid, {n_invalid} invalid), {TRIALS} random draws each")
    print(f"documents checked: {len(doc_files)}, relation lines: {n_links}, '=' links: {n_eq}")
    if failures:
        print(f"FAILED: {len(failures)} disagreement(s)")
        for f in failures:
            print("  " + f)
        return 1
    print("all expectations agree with the numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
