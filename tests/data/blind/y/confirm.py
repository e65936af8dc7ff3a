# ruff: noqa: E501, E741, E731, N802, N803, N806, B023  (hand-written confirmation data)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part y).

Each claim and each document link is re-coded by hand as NumPy functions of random inputs.
Derivatives and differentials are compared against central finite differences (rtol 1e-6);
a differential dF is read as the directional derivative of F along a random direction dX
(second differentials as second directional derivatives).  Nothing here parses LaTeX.
A chain A = B = C yields one boolean per relation sign; a claim holds iff all its links hold on
every random draw.  Exit status is non-zero if any expectation disagrees with the numbers.
"""

import re
import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261206)
TRIALS = 3
H = 1e-6
DEF = "definition"


# ============================================================================ helpers
def same(a, b, rtol=1e-6, atol=1e-8):
    try:
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return False
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def chain(*members, **kw):
    return [same(members[i], members[i + 1], **kw) for i in range(len(members) - 1)]


def safe(fn):
    """Evaluate a member; a shape error (e.g. a product of incompatible matrices) is a wrong member."""
    try:
        with np.errstate(all="ignore"):
            return fn()
    except (ValueError, IndexError):
        return None


def link(a_fn, b_fn, **kw):
    a, b = safe(a_fn), safe(b_fn)
    if a is None or b is None:
        return False
    return same(a, b, **kw)


def ddir(F, X, dX, h=H):
    """Directional derivative of F at X along dX (central difference); F may be array-valued."""
    return (np.asarray(F(X + h * dX)) - np.asarray(F(X - h * dX))) / (2 * h)


def d2dir(F, X, dX, h=1e-3):
    """Second directional derivative (five-point stencil)."""
    f = lambda t: F(X + t * dX)
    return (-f(2 * h) + 16 * f(h) - 30 * f(0.0) + 16 * f(-h) - f(-2 * h)) / (12 * h * h)


def ngrad(f, X, h=H):
    """Gradient of a scalar function with respect to every entry of X (same shape as X)."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = 1.0
        G[idx] = (f(X + h * E) - f(X - h * E)) / (2 * h)
    return G


def njac(F, x, h=H):
    """Jacobian J[i, j] = dF_i / dx_j of a vector function of a vector."""
    x = np.asarray(x, dtype=float)
    cols = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e.flat[j] = 1.0
        cols.append(((np.asarray(F(x + h * e)) - np.asarray(F(x - h * e))) / (2 * h)).ravel())
    return np.stack(cols, axis=1)


def r(*shape, lo=-1.0, hi=1.0):
    return RNG.uniform(lo, hi, size=shape)


def softmax(a):
    e = np.exp(a - np.max(a))
    return e / e.sum()


def vecF(M):
    """vec() stacking columns."""
    return np.asarray(M).reshape(-1, order="F")


def invertible(n, shift=3.0):
    return r(n, n) + shift * np.eye(n)


def onehot(k, n):
    y = np.zeros(n)
    y[k] = 1.0
    return y


# ============================================================================ claims
C = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            C[i] = fn
        return fn
    return deco


def tw(cid, suffix):
    return cid.endswith("-" + suffix)


# ---------------------------------------------------------------- sspuiip: matrix differentials
@claim("y-sspuiip-dquad", "y-sspuiip-dquad-transpose")
def _(cid):
    n = 4
    x, dx, A = r(n), r(n), r(n, n)
    lhs = ddir(lambda v: v @ A @ v, x, dx)
    m1 = dx @ A @ x + x @ A @ dx
    m2 = x @ A.T @ dx + x @ A @ dx
    m3 = 2 * x @ A @ dx if tw(cid, "transpose") else x @ (A + A.T) @ dx
    return chain(lhs, m1, m2, m3)


@claim("y-sspuiip-grad-quad", "y-sspuiip-grad-quad-term")
def _(cid):
    n = 4
    x, A = r(n), r(n, n)
    g = ngrad(lambda v: v @ A @ v, x)
    rhs = A.T @ x if tw(cid, "term") else (A + A.T) @ x
    return chain(g, rhs)


@claim("y-sspuiip-jac-quad", "y-sspuiip-jac-quad-term")
def _(cid):
    n = 4
    x, A = r(n), r(n, n)
    D = njac(lambda v: np.array([v @ A @ v]), x)  # 1 x n row
    rhs = (x @ A)[None, :] if tw(cid, "term") else (x @ (A + A.T))[None, :]
    return chain(D, rhs)


@claim("y-sspuiip-dtrxtx", "y-sspuiip-dtrxtx-factor")
def _(cid):
    X, dX = r(3, 4), r(3, 4)
    lhs = ddir(lambda M: np.trace(M.T @ M), X, dX)
    m1 = np.trace(dX.T @ X + X.T @ dX)
    m2 = np.trace(X.T @ dX) if tw(cid, "factor") else np.trace(2 * X.T @ dX)
    return chain(lhs, m1, m2)


@claim("y-sspuiip-dtrxtax", "y-sspuiip-dtrxtax-sign")
def _(cid):
    X, dX, A = r(3, 4), r(3, 4), r(3, 3)
    lhs = ddir(lambda M: np.trace(M.T @ A @ M), X, dX)
    m1 = np.trace(dX.T @ A @ X + X.T @ A @ dX)
    S = A - A.T if tw(cid, "sign") else A + A.T
    m2 = np.trace(X.T @ S @ dX)
    return chain(lhs, m1, m2)


@claim("y-sspuiip-grad-trxtax", "y-sspuiip-grad-trxtax-order")
def _(cid):
    X, A = r(4, 4), r(4, 4)
    g = ngrad(lambda M: np.trace(M.T @ A @ M), X)
    mid = X @ (A + A.T) if tw(cid, "order") else (A + A.T) @ X
    return chain(g, mid, g)


@claim("y-sspuiip-dtraxinv", "y-sspuiip-dtraxinv-sign")
def _(cid):
    n = 3
    X, dX, A = invertible(n), r(n, n), r(n, n)
    Xi = np.linalg.inv(X)
    lhs = ddir(lambda M: np.trace(A @ np.linalg.inv(M)), X, dX)
    dXinv = ddir(np.linalg.inv, X, dX)
    m1 = np.trace(A @ dXinv)
    m2 = -np.trace(A @ Xi @ dX @ Xi)
    m3 = np.trace(Xi @ A @ Xi @ dX) if tw(cid, "sign") else np.trace(-Xi @ A @ Xi @ dX)
    return chain(lhs, m1, m2, m3)


@claim("y-sspuiip-grad-traxinv", "y-sspuiip-grad-traxinv-transpose")
def _(cid):
    n = 3
    X, A = invertible(n), r(n, n)
    Xi = np.linalg.inv(X)
    J = -Xi @ A @ Xi
    lhs = J if tw(cid, "transpose") else J.T
    g = ngrad(lambda M: np.trace(A @ np.linalg.inv(M)), X)
    return chain(lhs, g)


@claim("y-sspuiip-dls", "y-sspuiip-dls-factor")
def _(cid):
    X, w, y, dw = r(5, 3), r(3), r(5), r(3)
    res = X @ w - y
    lhs = ddir(lambda v: np.sum((X @ v - y) ** 2), w, dw)
    m1 = (X @ dw) @ res + res @ X @ dw
    m2 = res @ (X @ dw) + res @ X @ dw
    m3 = res @ X @ dw if tw(cid, "factor") else 2 * res @ X @ dw
    return chain(lhs, m1, m2, m3)


@claim("y-sspuiip-grad-ls", "y-sspuiip-grad-ls-factor", "y-sspuiip-grad-ls-sign")
def _(cid):
    X, w, y = r(5, 3), r(3), r(5)
    g = ngrad(lambda v: np.sum((X @ v - y) ** 2), w)
    if tw(cid, "factor"):
        rhs = X.T @ (X @ w - y)
    elif tw(cid, "sign"):
        rhs = 2 * X.T @ (y - X @ w)
    else:
        rhs = 2 * X.T @ (X @ w - y)
    return chain(g, rhs)


def _ce_W(W, x, y):
    return -y @ np.log(softmax(W @ x))


@claim("y-sspuiip-grad-softmax", "y-sspuiip-grad-softmax-transpose", "y-sspuiip-grad-softmax-sign")
def _(cid):
    k, n = 3, 4
    W, x, y = r(k, n), r(n), onehot(RNG.integers(k), k)
    g = ngrad(lambda M: _ce_W(M, x, y), W)
    s = softmax(W @ x)
    if tw(cid, "transpose"):
        rhs = np.outer(x, s - y)
    elif tw(cid, "sign"):
        rhs = np.outer(y - s, x)
    else:
        rhs = np.outer(s - y, x)
    return chain(g, rhs)


@claim("y-sspuiip-softmax-simplify", "y-sspuiip-softmax-simplify-sign")
def _(cid):
    k, n = 3, 4
    W, x, y = r(k, n), r(n), onehot(RNG.integers(k), k)
    one = np.ones(k)
    f = _ce_W(W, x, y)
    m1 = -y @ (np.log(np.exp(W @ x)) - one * np.log(one @ np.exp(W @ x)))
    lse = np.log(one @ np.exp(W @ x))
    m2 = -y @ W @ x - lse if tw(cid, "sign") else -y @ W @ x + lse
    return chain(f, m1, m2)


@claim("y-sspuiip-ddet", "y-sspuiip-ddet-term")
def _(cid):
    n = 4
    X, dX = invertible(n), r(n, n)
    lhs = ddir(np.linalg.det, X, dX)
    t = np.trace(np.linalg.inv(X) @ dX)
    rhs = t if tw(cid, "term") else np.linalg.det(X) * t
    return chain(lhs, rhs)


@claim("y-sspuiip-dlogdet", "y-sspuiip-dlogdet-transpose")
def _(cid):
    n = 4
    X, dX = invertible(n), r(n, n)
    assert np.linalg.det(X) > 0
    lhs = ddir(lambda M: np.log(np.linalg.det(M)), X, dX)
    Xi = np.linalg.inv(X)
    rhs = np.trace(Xi.T @ dX) if tw(cid, "transpose") else np.trace(Xi @ dX)
    return chain(lhs, rhs)


@claim("y-sspuiip-dinv", "y-sspuiip-dinv-sign", "y-sspuiip-dinv-order")
def _(cid):
    n = 3
    X, dX = invertible(n), r(n, n)
    Xi = np.linalg.inv(X)
    lhs = ddir(np.linalg.inv, X, dX)
    if tw(cid, "sign"):
        rhs = Xi @ dX @ Xi
    elif tw(cid, "order"):
        rhs = -Xi @ Xi @ dX
    else:
        rhs = -Xi @ dX @ Xi
    return chain(lhs, rhs)


@claim("y-sspuiip-dkron", "y-sspuiip-dkron-order")
def _(cid):
    P = r(2, 3)
    F = lambda M: M @ P           # U, 2 x 3
    G = lambda M: M.T @ M + M     # V, 2 x 2
    X, dX = r(2, 2), r(2, 2)
    lhs = ddir(lambda M: np.kron(F(M), G(M)), X, dX)
    dU, dV = ddir(F, X, dX), ddir(G, X, dX)
    U, V = F(X), G(X)
    rhs = np.kron(dU, V) + (np.kron(dV, U) if tw(cid, "order") else np.kron(U, dV))
    return chain(lhs, rhs)


@claim("y-sspuiip-duvw", "y-sspuiip-duvw-term")
def _(cid):
    F = lambda M: M @ M
    G = lambda M: M.T + np.eye(3)
    Hh = lambda M: np.sin(M)
    X, dX = r(3, 3), r(3, 3)
    lhs = ddir(lambda M: F(M) @ G(M) @ Hh(M), X, dX)
    U, V, W = F(X), G(X), Hh(X)
    dU, dV, dW = ddir(F, X, dX), ddir(G, X, dX), ddir(Hh, X, dX)
    rhs = dU @ V @ W + U @ V @ dW
    if not tw(cid, "term"):
        rhs = rhs + U @ dV @ W
    return chain(lhs, rhs)


def commutation(m, n):
    """K with vec(X^T) = K vec(X) for X of shape m x n (vec stacks columns)."""
    K = np.zeros((m * n, m * n))
    for k in range(m * n):
        E = np.zeros(m * n)
        E[k] = 1.0
        K[:, k] = vecF(E.reshape((m, n), order="F").T)
    return K


@claim("y-sspuiip-jac-xtx", "y-sspuiip-jac-xtx-transpose")
def _(cid):
    m, n = 3, 2
    X = r(m, n)
    J = njac(lambda v: vecF(v.reshape((m, n), order="F").T @ v.reshape((m, n), order="F")), vecF(X))
    K = commutation(m, n)
    assert same(K @ vecF(X), vecF(X.T))
    first = np.kron(X.T, np.eye(n)) if tw(cid, "transpose") else np.kron(X.T, np.eye(n)) @ K
    rhs = first + np.kron(np.eye(n), X.T)
    return chain(J, rhs)


@claim("y-sspuiip-d2trinv", "y-sspuiip-d2trinv-factor")
def _(cid):
    n = 3
    X, dX = invertible(n), r(n, n)
    Xi = np.linalg.inv(X)
    lhs = d2dir(lambda M: np.trace(np.linalg.inv(M)), X, dX)
    dXi = ddir(np.linalg.inv, X, dX)   # d(X^{-1}) along dX
    m1 = -np.trace(dXi @ dX @ Xi) - np.trace(Xi @ dX @ dXi)
    m2 = 2 * np.trace(Xi @ dX @ Xi @ dX @ Xi)
    m3 = np.trace(Xi @ Xi @ dX @ Xi @ dX)
    if not tw(cid, "factor"):
        m3 = 2 * m3
    return chain(lhs, m1, m2, m3)


@claim("y-sspuiip-d2trxtax", "y-sspuiip-d2trxtax-term")
def _(cid):
    X, dX, A = r(3, 4), r(3, 4), r(3, 3)
    lhs = d2dir(lambda M: np.trace(M.T @ A @ M), X, dX)
    S = A if tw(cid, "term") else A + A.T
    return chain(lhs, np.trace(S @ dX @ dX.T))


@claim("y-sspuiip-hess-trxtax", "y-sspuiip-hess-trxtax-term")
def _(cid):
    m, n = 3, 2
    A, X = r(m, m), r(m, n)
    f = lambda v: np.trace(v.reshape((m, n), order="F").T @ A @ v.reshape((m, n), order="F"))
    x0, N, h = vecF(X), m * n, 1e-2
    Hn = np.zeros((N, N))
    for k in range(N):
        for l in range(N):
            ek, el = np.eye(N)[k] * h, np.eye(N)[l] * h
            Hn[k, l] = (f(x0 + ek + el) - f(x0 + ek - el) - f(x0 - ek + el) + f(x0 - ek - el)) / (4 * h * h)
    S = A + A.T
    m1 = 0.5 * (np.kron(np.eye(n), S) + np.kron(np.eye(n), S))
    m2 = np.kron(np.eye(n), A) if tw(cid, "term") else np.kron(np.eye(n), S)
    return chain(Hn, m1, m2)


# ---------------------------------------------------------------- zhifanlight: CNN, BN, GAN, softmax regression
def corr_valid(z, w, b):
    k1, k2 = w.shape
    Ho, Wo = z.shape[0] - k1 + 1, z.shape[1] - k2 + 1
    out = np.empty((Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[i, j] = np.sum(w * z[i:i + k1, j:j + k2]) + b
    return out


def _conv_setup():
    z = r(6, 7)
    w = r(2, 3)
    b = float(r(1)[0])
    c = r(5, 5)
    E = lambda x: np.sum(c * np.sin(x)) + 0.3 * np.sum(x ** 2)
    return z, w, b, E


@claim("y-zhifan-conv-dw", "y-zhifan-conv-dw-index")
def _(cid):
    z, w, b, E = _conv_setup()
    x = corr_valid(z, w, b)
    delta = ngrad(E, x)
    lhs = ngrad(lambda ww: E(corr_valid(z, ww, b)), w)
    k1, k2 = w.shape
    Ho, Wo = x.shape
    m1 = np.zeros_like(w)
    m2 = np.zeros_like(w)
    zp = np.zeros((z.shape[0] + 5, z.shape[1] + 5))   # zero beyond the input (only reached by the twin)
    zp[:z.shape[0], :z.shape[1]] = z
    for m in range(k1):
        for n in range(k2):
            Emn = np.zeros_like(w)
            Emn[m, n] = 1.0
            dx_dw = ddir(lambda ww: corr_valid(z, ww, b), w, Emn)
            m1[m, n] = np.sum(delta * dx_dw)
            if tw(cid, "index"):
                m2[m, n] = sum(delta[i, j] * zp[i + n, j + m] for i in range(Ho) for j in range(Wo))
            else:
                m2[m, n] = sum(delta[i, j] * z[i + m, j + n] for i in range(Ho) for j in range(Wo))
    return chain(lhs, m1, m2)


@claim("y-zhifan-conv-db", "y-zhifan-conv-db-term")
def _(cid):
    z, w, b, E = _conv_setup()
    x = corr_valid(z, w, b)
    delta = ngrad(E, x)
    lhs = (E(corr_valid(z, w, b + H)) - E(corr_valid(z, w, b - H))) / (2 * H)
    dx_db = (corr_valid(z, w, b + H) - corr_valid(z, w, b - H)) / (2 * H)
    m1 = np.sum(delta * dx_db)
    m2 = np.sum(delta * z[:x.shape[0], :x.shape[1]]) if tw(cid, "term") else np.sum(delta)
    return chain(lhs, m1, m2)


@claim("y-zhifan-conv-delta", "y-zhifan-conv-delta-sigma-prime", "y-zhifan-conv-delta-index")
def _(cid):
    xl = r(6, 7)
    w = r(2, 3)
    b = float(r(1)[0])
    c = r(5, 5)
    E2 = lambda x2: np.sum(c * np.sin(x2)) + 0.3 * np.sum(x2 ** 2)
    f = np.tanh
    fprime = lambda t: 1.0 - np.tanh(t) ** 2
    delta_l = ngrad(lambda xx: E2(corr_valid(f(xx), w, b)), xl)
    x2 = corr_valid(f(xl), w, b)
    d2 = ngrad(E2, x2)
    k1, k2 = w.shape

    def d2at(i, j):
        return d2[i, j] if (0 <= i < d2.shape[0] and 0 <= j < d2.shape[1]) else 0.0

    rhs = np.zeros_like(xl)
    for i in range(xl.shape[0]):
        for j in range(xl.shape[1]):
            if tw(cid, "index"):
                s = sum(d2at(i + m, j + n) * w[m, n] for m in range(k1) for n in range(k2))
            else:
                s = sum(d2at(i - m, j - n) * w[m, n] for m in range(k1) for n in range(k2))
            rhs[i, j] = s if tw(cid, "sigma-prime") else fprime(xl[i, j]) * s
    return chain(delta_l, rhs)


@claim("y-zhifan-bn-test", "y-zhifan-bn-test-sign")
def _(cid):
    x = r(6, lo=-3, hi=3)
    gam, beta, mu = r(1)[0] + 2.0, r(1)[0], r(1)[0] + 0.5
    var, eps = RNG.uniform(0.2, 2.0), 1e-3
    sd = np.sqrt(var + eps)
    y = gam * ((x - mu) / sd) + beta
    shift = beta + gam * mu / sd if tw(cid, "sign") else beta - gam * mu / sd
    return chain(y, gam * ((x - mu) / sd) + beta, gam / sd * x + shift)   # first link: y is defined by it


def _bn(u, gam, beta, eps=1e-5):
    mu = np.mean(u)
    var = np.mean((u - mu) ** 2)
    return gam * (u - mu) / np.sqrt(var + eps) + beta


@claim("y-zhifan-bn-bias", "y-zhifan-bn-bias-term")
def _(cid):
    Xb, w = r(8, 3), r(3)                     # a mini-batch of 8 inputs
    b = RNG.uniform(0.5, 2.0)
    gam, beta = RNG.uniform(0.5, 2.0), r(1)[0]
    u = Xb @ w
    lhs = _bn(u, gam, beta)
    rhs = _bn(u, gam, beta) + b if tw(cid, "term") else _bn(u + b, gam, beta)
    return chain(lhs, rhs)


def _pmf(k):
    p = RNG.uniform(0.2, 1.0, size=k)
    return p / p.sum()


def _kl(p, q):
    return float(np.sum(p * np.log(p / q)))


@claim("y-zhifan-gan-js", "y-zhifan-gan-js-factor")
def _(cid):
    K, Z = 6, 9
    pdata = _pmf(K)
    pz = _pmf(Z)
    Gmap = RNG.integers(K, size=Z)
    Gmap[:K] = np.arange(K)                                 # every x is reached
    pg = np.array([pz[Gmap == k].sum() for k in range(K)])  # push-forward of p_z through G
    Dstar = pdata / (pdata + pg)
    V = np.sum(pdata * np.log(Dstar)) + np.sum(pz * np.log(1 - Dstar[Gmap]))
    mix = (pdata + pg) / 2
    m1 = np.sum(pdata * np.log(pdata / (pdata + pg)) + pg * np.log(pg / (pdata + pg)))
    m2 = np.sum(pdata * np.log(0.5 * pdata / mix) + pg * np.log(0.5 * pg / mix))
    m3 = -2 * np.log(2) + np.sum(pdata * np.log(pdata / mix) + pg * np.log(pg / mix))
    m4 = -2 * np.log(2) + _kl(pdata, mix) + _kl(pg, mix)
    js = 0.5 * _kl(pdata, mix) + 0.5 * _kl(pg, mix)
    m5 = -2 * np.log(2) + (js if tw(cid, "factor") else 2 * js)
    return chain(V, m1, m2, m3, m4, m5)


@claim("y-zhifan-softmax-reg", "y-zhifan-softmax-reg-sign")
def _(cid):
    M, N1, K = 5, 4, 3
    X = np.hstack([np.ones((M, 1)), r(M, N1 - 1)])
    y = RNG.integers(K, size=M)
    y[:K] = np.arange(K)
    th = r(N1, K)                                  # column j is theta_j
    I = lambda i, j: 1.0 if y[i] == j else 0.0
    J = lambda T: -sum(I(i, j) * np.log(softmax(X[i] @ T)[j]) for i in range(M) for j in range(K))
    j, k = int(RNG.integers(K)), int(RNG.integers(N1))
    E = np.zeros_like(th)
    E[k, j] = 1.0
    lhs = ddir(J, th, E)
    lse = lambda T, i: np.log(np.sum(np.exp(X[i] @ T)))
    d_lin = lambda i: ddir(lambda T: T[:, j] @ X[i], th, E)
    d_lse = lambda i: ddir(lambda T: lse(T, i), th, E)
    sm = lambda i: softmax(X[i] @ th)[j]
    m1 = -(sum(I(i, j) * d_lin(i) for i in range(M)) - sum(I(i, j) * d_lse(i) for i in range(M))
           - sum(I(i, c) * d_lse(i) for i in range(M) for c in range(K) if c != j))
    m2 = -(sum(I(i, j) * X[i, k] for i in range(M)) - sum(I(i, j) * sm(i) * X[i, k] for i in range(M))
           - sum(I(i, c) * sm(i) * X[i, k] for i in range(M) for c in range(K) if c != j))
    m3 = -(sum(I(i, j) * X[i, k] for i in range(M)) - sum(I(i, j) * sm(i) * X[i, k] for i in range(M))
           - sum(sm(i) * X[i, k] * sum(I(i, c) for c in range(K) if c != j) for i in range(M)))
    m4 = -(sum(I(i, j) * X[i, k] for i in range(M)) - sum(I(i, j) * sm(i) * X[i, k] for i in range(M))
           - sum(sm(i) * X[i, k] * (1 - I(i, j)) for i in range(M)))
    m5 = -(sum(I(i, j) * X[i, k] for i in range(M)) - sum(sm(i) * X[i, k] for i in range(M)))
    m6 = sum(X[i, k] * (I(i, j) - sm(i)) for i in range(M))
    if not tw(cid, "sign"):
        m6 = -m6
    return chain(lhs, m1, m2, m3, m4, m5, m6)


# ---------------------------------------------------------------- bn3monkey: one RNN step
def _rnn():
    nI, nH, nO = 3, 4, 2
    P = dict(x=r(nI), hp=r(nH), U=r(nH, nI), W=r(nH, nH), b=r(nH), V=r(nO, nH), c=r(nO), t=r(nO))
    f = g = np.tanh

    def E_of(**kw):
        Q = dict(P, **kw)
        h = f(Q["U"] @ Q["x"] + Q["W"] @ Q["hp"] + Q["b"])
        y = g(Q["V"] @ h + Q["c"])
        return 0.5 * np.sum((y - Q["t"]) ** 2)

    p = P["U"] @ P["x"] + P["W"] @ P["hp"] + P["b"]
    h = f(p)
    q = P["V"] @ h + P["c"]
    E_p = lambda pp: 0.5 * np.sum((g(P["V"] @ f(pp) + P["c"]) - P["t"]) ** 2)
    E_q = lambda qq: 0.5 * np.sum((g(qq) - P["t"]) ** 2)
    eh, eo = ngrad(E_p, p), ngrad(E_q, q)
    return P, E_of, p, h, q, eh, eo, f, g


def _contract(err, F, X):
    """err . dF/dX_ij for every entry of X (the chain-rule product of the middle member)."""
    out = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = 1.0
        out[idx] = err @ ddir(F, X, E)
    return out


@claim("y-bn3monkey-du", "y-bn3monkey-du-transpose")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    lhs = ngrad(lambda U: E_of(U=U), P["U"])
    mid = _contract(eh, lambda U: U @ P["x"] + P["W"] @ P["hp"] + P["b"], P["U"])
    last = np.outer(P["x"], eh) if tw(cid, "transpose") else np.outer(eh, P["x"])
    return chain(lhs, mid, last)


@claim("y-bn3monkey-dv", "y-bn3monkey-dv-index")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    lhs = ngrad(lambda V: E_of(V=V), P["V"])
    mid = _contract(eo, lambda V: V @ h + P["c"], P["V"])
    last = np.outer(eo, P["hp"]) if tw(cid, "index") else np.outer(eo, h)
    return chain(lhs, mid, last)


@claim("y-bn3monkey-dw-source-error")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    lhs = ngrad(lambda W: E_of(W=W), P["W"])
    mid = _contract(eh, lambda W: P["U"] @ P["x"] + W @ P["hp"] + P["b"], P["W"])
    last = np.outer(eo, P["hp"])
    return chain(lhs, mid, last)


@claim("y-bn3monkey-db", "y-bn3monkey-db-swapped")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    lhs = ngrad(lambda b: E_of(b=b), P["b"])
    mid = _contract(eh, lambda b: P["U"] @ P["x"] + P["W"] @ P["hp"] + b, P["b"])
    last = eo if tw(cid, "swapped") else eh
    return chain(lhs, mid, last)


@claim("y-bn3monkey-dc", "y-bn3monkey-dc-swapped")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    lhs = ngrad(lambda c: E_of(c=c), P["c"])
    mid = _contract(eo, lambda c: P["V"] @ h + c, P["c"])
    last = eh if tw(cid, "swapped") else eo
    return chain(lhs, mid, last)


@claim("y-bn3monkey-eo", "y-bn3monkey-eo-sign")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    gprime = 1.0 - np.tanh(q) ** 2
    y = g(q)
    rhs = gprime * (P["t"] - y) if tw(cid, "sign") else gprime * (y - P["t"])
    return chain(eo, rhs)


@claim("y-bn3monkey-eh", "y-bn3monkey-eh-transpose", "y-bn3monkey-eh-sigma-prime")
def _(cid):
    P, E_of, p, h, q, eh, eo, f, g = _rnn()
    fprime = 1.0 - np.tanh(p) ** 2
    if tw(cid, "transpose"):
        return [link(lambda: eh, lambda: fprime * (P["V"] @ eo))]
    if tw(cid, "sigma-prime"):
        return chain(eh, P["V"].T @ eo)
    return chain(eh, fprime * (P["V"].T @ eo))


# ---------------------------------------------------------------- hifreedo
@claim("y-hifreedo-dydw", "y-hifreedo-dydw-transpose")
def _(cid):
    x, w = r(1, 3), r(3, 1)
    y = lambda ww: float((x @ ww)[0, 0])
    lhs = ngrad(y, w)                                   # 3 x 1, same layout as w
    col_partials = np.array([[ddir(y, w, np.eye(3)[:, [k]])] for k in range(3)])
    col_x = x.reshape(3, 1)
    last = x if tw(cid, "transpose") else x.T
    return chain(lhs, col_partials, col_x, last)


def _ab():
    A, B = r(2, 2), r(2, 2)
    return A, B


def _dc_da(A, B, ci, aj):
    """d c_ci / d a_aj with c_1..c_4 = C row-wise and a_1..a_4 = A row-wise."""
    E = np.zeros(4)
    E[aj - 1] = 1.0
    return float(ddir(lambda a: (a.reshape(2, 2) @ B).reshape(-1)[ci - 1], A.reshape(-1), E))


@claim("y-hifreedo-dc1da2", "y-hifreedo-dc1da2-index")
def _(cid):
    A, B = _ab()
    b = B.reshape(-1)
    return chain(_dc_da(A, B, 1, 2), b[1] if tw(cid, "index") else b[2])


@claim("y-hifreedo-dc2da1", "y-hifreedo-dc2da1-index")
def _(cid):
    A, B = _ab()
    b = B.reshape(-1)
    return chain(_dc_da(A, B, 2, 1), b[2] if tw(cid, "index") else b[1])


@claim("y-hifreedo-dc2da2", "y-hifreedo-dc2da2-index")
def _(cid):
    A, B = _ab()
    b = B.reshape(-1)
    return chain(_dc_da(A, B, 2, 2), b[2] if tw(cid, "index") else b[3])


@claim("y-hifreedo-dc1da3", "y-hifreedo-dc1da3-index")
def _(cid):
    A, B = _ab()
    b = B.reshape(-1)
    return chain(_dc_da(A, B, 1, 3), b[0] if tw(cid, "index") else 0.0)


# ---------------------------------------------------------------- Matt Petersen: softmax with cross-entropy
@claim("y-petersen-shift", "y-petersen-shift-factor")
def _(cid):
    n = 5
    x, c = r(n, lo=-2, hi=2), RNG.uniform(-3, 3)
    i = int(RNG.integers(n))
    m0 = softmax(x + c)[i]
    m1 = np.exp(x[i] + c) / np.sum(np.exp(x + c))
    m2 = np.exp(x[i]) * np.exp(c) / (np.sum(np.exp(x)) if tw(cid, "factor") else np.sum(np.exp(x) * np.exp(c)))
    m3 = np.exp(x[i]) / np.sum(np.exp(x))
    return chain(m0, m1, m2, m3)


@claim("y-petersen-jac-diag", "y-petersen-jac-diag-sign")
def _(cid):
    n = 5
    x = r(n, lo=-2, hi=2)
    i = int(RNG.integers(n))
    e = np.exp(x)
    lhs = ddir(lambda v: softmax(v)[i], x, np.eye(n)[i])
    m1 = (np.sum(e) * e[i] - e[i] * e[i]) / np.sum(e) ** 2
    s = softmax(x)
    m2 = s[i] + s[i] ** 2 if tw(cid, "sign") else s[i] - s[i] ** 2
    return chain(lhs, m1, m2)


@claim("y-petersen-jac-offdiag", "y-petersen-jac-offdiag-term")
def _(cid):
    n = 5
    x = r(n, lo=-2, hi=2)
    i, j = (int(v) for v in RNG.choice(n, size=2, replace=False))
    e = np.exp(x)
    lhs = ddir(lambda v: softmax(v)[i], x, np.eye(n)[j])
    m1 = (np.sum(e) * 0 - e[i] * e[j]) / np.sum(e) ** 2
    s = softmax(x)
    m2 = s[i] * (1 - s[j]) if tw(cid, "term") else -s[i] * s[j]
    return chain(lhs, m1, m2)


@claim("y-petersen-jac-matrix", "y-petersen-jac-matrix-transpose")
def _(cid):
    n = 5
    x = r(n, lo=-2, hi=2)
    J = njac(softmax, x)
    s = softmax(x)[None, :]                        # row vector 1 x n
    outer = (s @ s.T) if tw(cid, "transpose") else (s.T @ s)
    return chain(J, np.diag(s[0]) - outer)


def _ce_row(y, s):
    return -float(np.sum(y * np.log(s)))


@claim("y-petersen-grad-ce", "y-petersen-grad-ce-sign")
def _(cid):
    n = 5
    s = RNG.uniform(0.05, 1.0, size=n)
    s = s / s.sum()
    y = onehot(RNG.integers(n), n)
    lhs = ngrad(lambda v: _ce_row(y, v), s)[None, :]
    m1 = -ngrad(lambda v: float(y @ np.log(v)), s)[None, :]
    m2 = -(y[None, :] @ njac(np.log, s))
    m3 = -(y[None, :] @ np.diag(1.0 / s))
    m4 = (y / s)[None, :] if tw(cid, "sign") else -(y / s)[None, :]
    return chain(lhs, m1, m2, m3, m4)


@claim("y-petersen-chain", "y-petersen-chain-order")
def _(cid):
    n = 5
    x = r(n, lo=-2, hi=2)
    y = onehot(RNG.integers(n), n)
    lhs = ngrad(lambda v: _ce_row(y, softmax(v)), x)[None, :]
    gs = ngrad(lambda v: _ce_row(y, v), softmax(x))[None, :]
    J = njac(softmax, x)
    if tw(cid, "order"):
        return [link(lambda: lhs, lambda: J @ gs)]
    return chain(lhs, gs @ J)


@claim("y-petersen-softmax-ce", "y-petersen-softmax-ce-sign")
def _(cid):
    n = 5
    x = r(n, lo=-2, hi=2)
    y = onehot(RNG.integers(n), n)[None, :]
    s = softmax(x)[None, :]
    lhs = ngrad(lambda v: _ce_row(y[0], softmax(v)), x)[None, :]
    m1 = -(y / s) @ (np.diag(s[0]) - s.T @ s)
    m2 = (y / s) @ s.T @ s - (y / s) @ np.diag(s[0])
    S_rep = np.tile(s, (n, 1))
    m3 = y @ S_rep - y
    m4 = y - s if tw(cid, "sign") else s - y
    return chain(lhs, m1, m2, m3, m4)


def _batch(m=4, n=3):
    S = RNG.uniform(0.05, 1.0, size=(m, n))
    S = S / S.sum(axis=1, keepdims=True)
    Y = np.stack([onehot(RNG.integers(n), n) for _ in range(m)])
    return S, Y, m


@claim("y-petersen-batch-ce", "y-petersen-batch-ce-factor")
def _(cid):
    S, Y, m = _batch()
    Hdef = -sum(float(Y[i] @ np.log(S[i])) for i in range(m)) / m       # the defining sum
    m1 = -(1.0 / m) * sum(float((Y[i][None, :] @ np.log(S[i])[:, None])[0, 0]) for i in range(m))
    tr = np.trace(Y @ np.log(S).T)
    m2 = -tr if tw(cid, "factor") else -(1.0 / m) * tr
    return chain(Hdef, m1, m2)


@claim("y-petersen-batch-jac", "y-petersen-batch-jac-factor")
def _(cid):
    S, Y, m = _batch()
    Hf = lambda SS: -sum(float(Y[i] @ np.log(SS[i])) for i in range(m)) / m
    G = ngrad(Hf, S)
    rhs = -(Y / S) if tw(cid, "factor") else -(1.0 / m) * (Y / S)
    return chain(G, rhs)


# ---------------------------------------------------------------- tianyi0216
@claim("y-tianyi-fprime-source-error")
def _(cid):
    a, b, y = RNG.uniform(0.1, 1.0), RNG.uniform(0.1, 1.0), RNG.uniform(0.1, 0.9)
    f = lambda t: a * np.log(t) - b * np.log(1 - t)
    return chain(ddir(f, y, 1.0), a / y - b / (1 - y))


# ============================================================================ documents
DOCS = {}


def doc(name):
    def deco(fn):
        DOCS[name] = fn
        return fn
    return deco


def _ssp_doc(mutated):
    out = [[DEF], [DEF]]
    out.append(C["y-sspuiip-softmax-simplify"]("y-sspuiip-softmax-simplify-sign" if mutated else "y-sspuiip-softmax-simplify"))
    a, c = RNG.uniform(0.1, 2.0, size=4), RNG.uniform(0.1, 2.0)
    out.append(chain(np.log(a / c), np.log(a) - np.ones(4) * np.log(c)))
    k = 3
    y = onehot(RNG.integers(k), k)
    out.append(chain(y @ np.ones(k), 1.0))
    n = 4
    W, x, dW = r(k, n), r(n), r(k, n)
    one = np.ones(k)
    e = np.exp(W @ x)
    dWx = dW @ x
    lhs = ddir(lambda M: _ce_W(M, x, y), W, dW)
    m1 = -y @ dWx + (one @ (e * dWx)) / (one @ e)
    m2 = np.trace(np.atleast_2d(-y @ dWx)) + np.trace(np.atleast_2d(one @ (e * dWx))) / np.trace(np.atleast_2d(one @ e))
    m3 = -y @ dWx + ((one * e) @ dWx) / (one @ e)
    m4 = -y @ dWx + (e @ dWx) / (one @ e)
    m5 = -y @ dWx + (e @ dWx) / (one @ e)
    m6 = np.trace(np.outer(x, softmax(W @ x) - y) @ dW)
    out.append(chain(lhs, m1, m2, m3, m4, m5, m6))
    gid = "y-sspuiip-grad-softmax-transpose" if mutated else "y-sspuiip-grad-softmax"
    out.append(C[gid](gid))
    return out


@doc("sspuiip-softmax-gradient")
def _():
    return _ssp_doc(False)


@doc("sspuiip-softmax-gradient-mutated")
def _():
    return _ssp_doc(True)


@doc("tianyi-gan-optimum")
def _():
    K, Z = 6, 9
    pdata, pz = _pmf(K), _pmf(Z)
    Gmap = RNG.integers(K, size=Z)
    Gmap[:K] = np.arange(K)
    pG = np.array([pz[Gmap == k].sum() for k in range(K)])
    Dr = RNG.uniform(0.05, 0.95, size=K)                    # an arbitrary discriminator
    Ds = pdata / (pdata + pG)
    inner = lambda D: np.sum(pdata * np.log(D)) + np.sum(pG * np.log(1 - D))
    # max_D is attained pointwise at D* (checked on a grid of values of D(x))
    grid = np.linspace(1e-3, 1 - 1e-3, 2001)
    pointwise = np.array([np.max(pdata[k] * np.log(grid) + pG[k] * np.log(1 - grid)) for k in range(K)])
    assert np.all(pdata * np.log(Ds) + pG * np.log(1 - Ds) >= pointwise - 1e-9)
    out = []
    line0 = lambda D: np.sum(pdata * np.log(D)) + np.sum(pz * np.log(1 - D[Gmap]))      # E_z form
    line1 = lambda D: np.sum(pdata * np.log(D)) + np.sum(pG * np.log(1 - D))           # E_{x ~ p_G} form
    line2 = lambda D: np.sum(pdata * np.log(D) + pG * np.log(1 - D))                   # integral form
    out.append([same(line0(Dr), line1(Dr)) and same(line0(Ds), line1(Ds))])
    out.append([same(line1(Dr), line2(Dr)) and same(line1(Ds), line2(Ds))])
    max_outside = inner(Ds)                                   # max_D of the integral (at D*)
    max_inside = np.sum(pdata * np.log(Ds) + pG * np.log(1 - Ds))
    out.append([same(max_outside, max_inside)])
    out.append([DEF])
    a, b, yy = RNG.uniform(0.1, 1.0), RNG.uniform(0.1, 1.0), RNG.uniform(0.1, 0.9)
    f = lambda t: a * np.log(t) - b * np.log(1 - t)
    out.append([same(ddir(f, yy, 1.0), a / yy - b / (1 - yy))])
    out.append([DEF])
    v4 = np.sum(pdata * np.log(Ds) + pG * np.log(1 - Ds))
    out.append([same(max_inside, v4)])
    v5 = np.sum(pdata * np.log(pdata / (pdata + pG)) + pG * np.log(pG / (pdata + pG)))
    out.append([same(v4, v5)])
    v6 = np.sum(pdata * np.log(pdata / (pdata + pG))) + np.sum(pG * np.log(pG / (pdata + pG)))
    out.append([same(v5, v6)])
    v7 = np.sum(pdata * np.log(2 / 2 * pdata / (pdata + pG))) + np.sum(pG * np.log(2 / 2 * pG / (pdata + pG)))
    out.append([same(v6, v7)])
    v8 = np.sum(pdata * np.log(2 * pdata / (pdata + pG))) + np.sum(pG * np.log(2 * pG / (pdata + pG))) - np.log(4)
    out.append([same(v7, v8)])
    out.append([DEF])
    mix = (pdata + pG) / 2
    v9 = _kl(pdata, mix) + _kl(pG, mix) - np.log(4)
    out.append([same(v8, v9)])
    out.append([DEF])
    jsd = 0.5 * _kl(pdata, mix) + 0.5 * _kl(pG, mix)
    out.append([same(v9, 2 * jsd - np.log(4))])
    return out


@doc("bn3monkey-rnn-gradients")
def _():
    out = [[DEF], [DEF], [DEF, DEF], [DEF], [DEF]]
    for cid in ["y-bn3monkey-du", "y-bn3monkey-dv", "y-bn3monkey-dw-source-error", "y-bn3monkey-db", "y-bn3monkey-dc"]:
        out.append(C[cid](cid))
    out.append([DEF])
    out.append(C["y-bn3monkey-eh"]("y-bn3monkey-eh"))
    out.append(C["y-bn3monkey-eo"]("y-bn3monkey-eo"))
    return out


@doc("petersen-softmax-ce")
def _():
    out = [[DEF]]
    for cid in ["y-petersen-shift", "y-petersen-jac-diag", "y-petersen-jac-offdiag", "y-petersen-jac-matrix"]:
        out.append(C[cid](cid))
    n = 5
    s = RNG.uniform(0.05, 1.0, size=n)
    s = (s / s.sum())[None, :]
    y = onehot(RNG.integers(n), n)[None, :]
    out.append([DEF, same(-np.sum(y * np.log(s)), -(y @ np.log(s).T)[0, 0])])
    for cid in ["y-petersen-grad-ce", "y-petersen-chain", "y-petersen-softmax-ce"]:
        out.append(C[cid](cid))
    return out


@doc("zhifanlight-batchnorm")
def _():
    out = [[DEF, DEF], [DEF], [DEF], [DEF, DEF]]
    out.append([DEF] + C["y-zhifan-bn-test"]("y-zhifan-bn-test")[1:])
    out.append(C["y-zhifan-bn-bias"]("y-zhifan-bn-bias"))
    return out


# ============================================================================ driver
def relation_count(text):
    """Relation signs outside braces: '=' and '\\approx' (an '=' in a subscript such as \\sum_{i = 1}, or in an indicator I(y_{i}=j), is no relation)."""
    depth = n = 0
    for k, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and (ch in "=≈" or text.startswith(r"\approx", k)):
            if re.match(r"=\w\)", text[k:k + 3]):
                continue      # the condition inside an indicator such as I(y_{i}=j) is no relation
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
            for lk, res in zip(exp["links"], got, strict=True):
                assert len(res) == len(lk["expect"]) == relation_count(lk["text"]), (name, lk["line"])
                assert lk["text"] in md[lk["line"] - 1], (name, lk["line"])
                if trial == 0:
                    n_links += 1
                for e, rr in zip(lk["expect"], res, strict=True):
                    if trial == 0:
                        n_eq += 1
                    if e == DEF or rr is DEF:
                        if not (e == DEF and rr is DEF):
                            failures.append(f"doc {name} line {lk['line']}: expect {e}, checker says {rr}")
                    elif (e == "valid") != rr:
                        failures.append(f"doc {name} line {lk['line']}: expect {e}, numbers say {rr} (trial {trial})")
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
