# ruff: noqa
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zg).

Every claim and every document link is re-coded by hand as NumPy functions of random inputs
(no LaTeX is parsed).  Derivatives are compared with central finite differences (rtol 1e-6);
printed numbers are compared to one unit of their last printed digit.  A chain A = B = C gives
one boolean per '=' sign; a claim is valid iff every link holds on every random draw.
Exit status is non-zero if any expectation disagrees with the numbers.
"""

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


def safe(fn):
    try:
        with np.errstate(all="ignore"):
            return fn()
    except (ValueError, IndexError, np.linalg.LinAlgError):
        return None


def chain(*fns, **kw):
    """Each member is a zero-argument function; returns one boolean per '=' link."""
    vals = [safe(f) for f in fns]
    out = []
    for a, b in zip(vals[:-1], vals[1:]):
        out.append(a is not None and b is not None and same(a, b, **kw))
    return out


def printed(value, shown, unit):
    """Agreement of a computed value with a printed one to one unit of the last printed digit."""
    value = np.asarray(value, dtype=float)
    shown = np.asarray(shown, dtype=float)
    return bool(value.shape == shown.shape and np.all(np.abs(value - shown) <= unit + 1e-12))


def ngrad(F, X, h=H):
    """Central-difference gradient of scalar F at array X (same shape as X)."""
    X = np.asarray(X, dtype=float)
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[idx] = h
        G[idx] = (F(X + E) - F(X - E)) / (2 * h)
    return G


def njac(F, x, h=H):
    """Central-difference Jacobian d F_i / d x_j of vector F at vector x."""
    x = np.asarray(x, dtype=float)
    cols = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        cols.append((np.asarray(F(x + e)) - np.asarray(F(x - e))) / (2 * h))
    return np.stack(cols, axis=-1)


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def rn(*shape):
    return RNG.standard_normal(shape)


def spd(d):
    A = rn(d, d)
    return A @ A.T + d * np.eye(d)


def pm1(n):
    return RNG.choice([-1.0, 1.0], size=n)


CHECKS = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            CHECKS[i] = fn
        return fn

    return deco


# ============================================================================ hyz-courses
@check("zg-hyz-sigmoid-deriv", "zg-hyz-sigmoid-deriv-sign")
def _(cid):
    xi = rn(6)
    d = (sig(xi + H) - sig(xi - H)) / (2 * H)
    last = (
        (lambda: sig(xi) * (1 + sig(xi)))
        if cid.endswith("-sign")
        else (lambda: sig(xi) * (1 - sig(xi)))
    )
    return chain(lambda: d, lambda: sig(xi) * sig(-xi), last)


@check("zg-hyz-sigmoid-symmetry", "zg-hyz-sigmoid-symmetry-sign")
def _(cid):
    xi = rn(6)
    rhs = (lambda: sig(xi) - 1) if cid.endswith("-sign") else (lambda: 1 - sig(xi))
    return chain(lambda: sig(-xi), rhs)


def logreg_data(N=7, d=3):
    X = rn(N, d)
    y = RNG.integers(0, 2, N).astype(float)
    w = rn(d)
    return X, y, w


def logL(w, X, y):
    s = sig(X @ w)
    return np.sum(y * np.log(s) + (1 - y) * np.log(1 - s))


@check("zg-hyz-logreg-grad", "zg-hyz-logreg-grad-sign", "zg-hyz-logreg-grad-sigma-prime")
def _(cid):
    X, y, w = logreg_data()
    s = sig(X @ w)
    if cid.endswith("-sign"):
        r = lambda: X.T @ (s - y)
    elif cid.endswith("-sigma-prime"):
        r = lambda: X.T @ (s * (1 - s) * (y - s))
    else:
        r = lambda: X.T @ (y - s)
    return chain(lambda: ngrad(lambda v: logL(v, X, y), w), r)


@check("zg-hyz-dlogsigma-source-error")
def _(cid):
    X, y, w = logreg_data()
    xn = X[0]
    lhs = ngrad(lambda v: np.log(sig(v @ xn)), w)
    z = w @ xn  # printed: (1/sigma(w^T x_n)) sigma'(w^T x) -- a scalar
    rhs = (1 / sig(z)) * sig(z) * (1 - sig(z))
    return chain(lambda: lhs, lambda: np.asarray(rhs))


@check("zg-hyz-lda-logratio", "zg-hyz-lda-logratio-sign")
def _(cid):
    d = 3
    x, m1, m2 = rn(d), rn(d), rn(d)
    S = spd(d)
    Si = np.linalg.inv(S)
    q = lambda a, b: a @ Si @ b
    m = [
        lambda: np.log(np.exp(-0.5 * q(x - m1, x - m1)) / np.exp(-0.5 * q(x - m2, x - m2))),
        lambda: 0.5 * q(x - m2, x - m2) - 0.5 * q(x - m1, x - m1),
        lambda: 0.5 * ((x @ Si - m2 @ Si) @ (x - m2)) - 0.5 * ((x @ Si - m1 @ Si) @ (x - m1)),
        lambda: (
            0.5 * (q(x, x) - q(x, m2) - q(m2, x) + q(m2, m2))
            - 0.5 * (q(x, x) - q(x, m1) - q(m1, x) + q(m1, m1))
        ),
        lambda: 0.5 * (q(x, m1 - m2) + q(m1 - m2, x) + q(m2 + m1, m2 - m1)),
    ]
    if cid.endswith("-sign"):
        m.append(lambda: q(m1 - m2, x) + 0.5 * q(m2 + m1, m1 - m2))
    else:
        m.append(lambda: q(m1 - m2, x) + 0.5 * q(m2 + m1, m2 - m1))
    return chain(*m)


@check("zg-hyz-bayes-logistic", "zg-hyz-bayes-logistic-sign")
def _(cid):
    p1, p2 = RNG.uniform(0.05, 2.0, 2)  # densities P(x|c1), P(x|c2)
    pi1 = RNG.uniform(0.1, 0.9)
    pi2 = 1 - pi1
    Px = p1 * pi1 + p2 * pi2
    post = p1 * pi1 / Px
    lo = np.log(p1 / p2) + np.log(pi1 / pi2)
    last = (
        (lambda: 1 / (1 + np.exp(lo))) if cid.endswith("-sign") else (lambda: 1 / (1 + np.exp(-lo)))
    )
    return chain(
        lambda: post,
        lambda: p1 * pi1 / Px,
        lambda: p1 * pi1 / (p1 * pi1 + p2 * pi2),
        lambda: 1 / (1 + (p2 * pi2) / (p1 * pi1)),
        last,
    )


@check("zg-hyz-svm-distance", "zg-hyz-svm-distance-factor")
def _(cid):
    d = 4
    w, v = rn(d), rn(d)
    b = rn(1)[0]
    nw = np.linalg.norm(w)
    xp = v - ((w @ v + b) / (w @ w)) * w  # f(x_p) = 0
    rho = rn(1)[0]
    x = xp + rho * w / nw
    fx = lambda z: w @ z + b
    last = (lambda: rho * nw**2) if cid.endswith("-factor") else (lambda: rho * nw)
    return chain(
        lambda: fx(x),
        lambda: w @ x + b,
        lambda: w @ (xp + rho * w / nw) + b,
        lambda: (w @ xp + b) + rho * (w @ w) / nw,
        lambda: 0 + rho * nw**2 / nw,
        last,
    )


def svm_data(N=6, d=3, balanced=False):
    X = rn(N, d)
    y = pm1(N)
    a = RNG.uniform(0.1, 1.0, N)
    if balanced:
        a = a - (a @ y) * y / N  # now sum a_i y_i = 0
    return X, y, a


@check("zg-hyz-svm-dual-quad", "zg-hyz-svm-dual-quad-factor")
def _(cid):
    X, y, a = svm_data()
    ws = (a * y) @ X
    G = X @ X.T
    dbl = np.sum(np.outer(a, a) * np.outer(y, y) * G)
    last = (lambda: dbl) if cid.endswith("-factor") else (lambda: 0.5 * dbl)
    return chain(lambda: 0.5 * ws @ ws, lambda: 0.5 * ((a * y) @ X) @ ((a * y) @ X), last)


@check("zg-hyz-svm-dual-lin", "zg-hyz-svm-dual-lin-sign")
def _(cid):
    X, y, a = svm_data(balanced=True)
    b = rn(1)[0]
    ws = (a * y) @ X
    G = X @ X.T
    dbl = np.sum(np.outer(a, a) * np.outer(y, y) * G)
    last = (lambda: a.sum() + dbl) if cid.endswith("-sign") else (lambda: a.sum() - dbl)
    return chain(
        lambda: np.sum(a * (1 - y * (X @ ws + b))),
        lambda: np.sum(a * (1 - y * (np.array([((a * y) @ X) @ X[i] for i in range(len(y))]) + b))),
        lambda: a.sum() - np.sum(a * y * (X @ ((a * y) @ X) + b)),
        last,
    )


# ============================================================================ cedchan
def lin_data(n=7, d=3):
    return rn(n, d), rn(n), rn(d)


@check("zg-cedchan-sqloss", "zg-cedchan-sqloss-factor")
def _(cid):
    X, y, w = lin_data()
    n = len(y)
    s = np.sum((X @ w - y) ** 2)
    rhs = (lambda: s / n) if cid.endswith("-factor") else (lambda: s)
    return chain(lambda: (X @ w - y) @ (X @ w - y), rhs)


@check("zg-cedchan-grad-risk", "zg-cedchan-grad-risk-factor", "zg-cedchan-grad-risk-sign")
def _(cid):
    X, y, w = lin_data()
    n = len(y)
    R = lambda v: np.mean((X @ v - y) ** 2)
    per = lambda: sum(ngrad(lambda v, i=i: (v @ X[i] - y[i]) ** 2, w) for i in range(n)) / n
    if cid.endswith("-factor"):
        last = lambda: X.T @ (X @ w - y) / n
    elif cid.endswith("-sign"):
        last = lambda: X.T @ (2 * (y - X @ w)) / n
    else:
        last = lambda: X.T @ (2 * (X @ w - y)) / n
    return chain(lambda: ngrad(R, w), per, last)


@check("zg-cedchan-grad-matrix-source-error")
def _(cid):
    X, y, w = lin_data()
    n = len(y)
    R = lambda v: np.mean((X @ v - y) ** 2)
    return chain(
        lambda: ngrad(R, w),
        lambda: X.T @ (2 * (X @ w - y)) / n,
        lambda: 2 / n * sum((w @ X[i]) * X[i] - y[i] * X[i] for i in range(n)),
        lambda: 2 / n * X.T @ X @ w - X.T @ y,
    )


@check("zg-cedchan-ada-grad", "zg-cedchan-ada-grad-sign")
def _(cid):
    n = 6
    y = pm1(n)
    Ht = rn(n)
    ell = lambda Hv: np.sum(np.exp(-y * Hv))
    s = 1.0 if cid.endswith("-sign") else -1.0
    return chain(lambda: ngrad(ell, Ht), lambda: s * y * np.exp(-y * Ht))


@check("zg-cedchan-ada-alpha-source-error")
def _(cid):
    n = 12
    y = pm1(n)
    h = y.copy()
    wrong = RNG.choice(n, size=4, replace=False)
    h[wrong] *= -1
    Ht = rn(n)
    what = np.exp(-y * Ht)
    wi = what / what.sum()
    eps = wi[h != y].sum()
    # alpha* = argmin_alpha sum exp(-y (H_t + alpha h)) by bisection on the derivative
    dl = lambda al: np.sum(-y * h * np.exp(-y * (Ht + al * h)))
    lo, hi = -30.0, 30.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if dl(mid) > 0:
            hi = mid
        else:
            lo = mid
    astar = 0.5 * (lo + hi)
    return chain(lambda: astar, lambda: 0.5 * np.log(eps / (1 - eps)))


@check("zg-cedchan-distance", "zg-cedchan-distance-factor")
def _(cid):
    w, x = rn(4), rn(4)
    al = (w @ x) / (w @ w)
    dv = al * w
    last = (
        (lambda: abs(w @ x) / (w @ w))
        if cid.endswith("-factor")
        else (lambda: abs(w @ x) / np.sqrt(w @ w))
    )
    return chain(
        lambda: np.sqrt(dv @ dv), lambda: np.sqrt((w @ x) ** 2 / (w @ w) ** 2 * (w @ w)), last
    )


@check("zg-cedchan-dtd", "zg-cedchan-dtd-factor")
def _(cid):
    w, x = rn(4), rn(4)
    al = (w @ x) / (w @ w)
    dv = al * w
    rhs = (lambda: al * (w @ w)) if cid.endswith("-factor") else (lambda: al**2 * (w @ w))
    return chain(lambda: dv @ dv, rhs)


# ============================================================================ murundb
def ls_data(m=6, n=3):
    return rn(m, n), rn(m), rn(n)


@check("zg-murundb-lls-expand", "zg-murundb-lls-expand-transpose")
def _(cid):
    Hm, y, xh = ls_data()
    r = y - Hm @ xh
    mid = (
        (lambda: (y - xh @ Hm) @ (y - Hm @ xh))
        if cid.endswith("-transpose")
        else (lambda: (y - Hm @ xh) @ (y - Hm @ xh))
    )
    return chain(
        lambda: r @ r, mid, lambda: y @ y - xh @ Hm.T @ y - y @ Hm @ xh + xh @ Hm.T @ Hm @ xh
    )


@check("zg-murundb-wls-expand", "zg-murundb-wls-expand-sign")
def _(cid):
    Hm, y, xh = ls_data()
    Ri = np.diag(1 / RNG.uniform(0.5, 2.0, len(y)))
    e = y - Hm @ xh
    s = 1.0 if cid.endswith("-sign") else -1.0
    return chain(
        lambda: e @ Ri @ e,
        lambda: (y - Hm @ xh) @ Ri @ (y - Hm @ xh),
        lambda: (y @ Ri - xh @ Hm.T @ Ri) @ (y - Hm @ xh),
        lambda: y @ Ri @ y - y @ Ri @ Hm @ xh + s * xh @ Hm.T @ Ri @ y + xh @ Hm.T @ Ri @ Hm @ xh,
    )


@check("zg-murundb-wls-grad", "zg-murundb-wls-grad-factor")
def _(cid):
    Hm, y, xh = ls_data()
    Ri = np.diag(1 / RNG.uniform(0.5, 2.0, len(y)))
    J = lambda v: (y - Hm @ v) @ Ri @ (y - Hm @ v)
    k = 1.0 if cid.endswith("-factor") else 2.0
    return chain(lambda: ngrad(J, xh), lambda: -2 * y @ Ri @ Hm + k * xh @ Hm.T @ Ri @ Hm)


@check("zg-murundb-pinv-svd", "zg-murundb-pinv-svd-order")
def _(cid):
    Hm = rn(6, 3)
    U, s, Vt = np.linalg.svd(Hm, full_matrices=False)
    V, S = Vt.T, np.diag(s)
    Si = np.diag(1 / s)
    last = (lambda: U @ Si @ V.T) if cid.endswith("-order") else (lambda: V @ Si @ U.T)
    return chain(
        lambda: np.linalg.inv(Hm.T @ Hm) @ Hm.T, lambda: V @ Si @ Si @ V.T @ V @ S @ U.T, last
    )


@check("zg-murundb-pinv-square", "zg-murundb-pinv-square-order")
def _(cid):
    Hm = rn(4, 4) + 3 * np.eye(4)
    inv = np.linalg.inv
    if cid.endswith("-order"):
        mid = lambda: inv(Hm.T) @ inv(Hm) @ Hm.T
    else:
        mid = lambda: inv(Hm) @ inv(Hm.T) @ Hm.T
    return chain(lambda: inv(Hm.T @ Hm) @ Hm.T, mid, lambda: inv(Hm))


def gn_data():
    x = rn(5)
    y = rn(5)
    a, b, c = rn(3) * 0.5
    return x, y, a, b, c


def resid(x, y, a, b, c):
    return y - np.exp(a * x**2 + b * x + c)


@check("zg-murundb-gn-da", "zg-murundb-gn-da-factor")
def _(cid):
    x, y, a, b, c = gn_data()
    num = (resid(x, y, a + H, b, c) - resid(x, y, a - H, b, c)) / (2 * H)
    p = x if cid.endswith("-factor") else x**2
    return chain(lambda: num, lambda: -p * np.exp(a * x**2 + b * x + c))


@check("zg-murundb-gn-db", "zg-murundb-gn-db-sign")
def _(cid):
    x, y, a, b, c = gn_data()
    num = (resid(x, y, a, b + H, c) - resid(x, y, a, b - H, c)) / (2 * H)
    s = 1.0 if cid.endswith("-sign") else -1.0
    return chain(lambda: num, lambda: s * x * np.exp(a * x**2 + b * x + c))


@check("zg-murundb-gn-dc", "zg-murundb-gn-dc-term")
def _(cid):
    x, y, a, b, c = gn_data()
    c = c + 0.7  # keep c away from 0 so the dropped term shows
    num = (resid(x, y, a, b, c + H) - resid(x, y, a, b, c - H)) / (2 * H)
    cc = 0.0 if cid.endswith("-term") else c
    return chain(lambda: num, lambda: -np.exp(a * x**2 + b * x + cc))


def fN(x):
    return (x[0] + 1) ** 4 + x[0] * x[1] + (x[1] + 1) ** 4


def gN(x):
    return np.array([4 * (x[0] + 1) ** 3 + x[1], x[0] + 4 * (x[1] + 1) ** 3])


def hN(x):
    """Hessian by central differences of the finite-difference-checked gradient."""
    return njac(gN, x)


def newton_step(x):
    return x - np.linalg.solve(hN(x), gN(x))


@check("zg-murundb-newton-grad", "zg-murundb-newton-grad-swapped")
def _(cid):
    x = rn(2)
    if cid.endswith("-swapped"):
        r = lambda: np.array([4 * (x[0] + 1) ** 3 + x[0], x[1] + 4 * (x[1] + 1) ** 3])
    else:
        r = lambda: np.array([4 * (x[0] + 1) ** 3 + x[1], x[0] + 4 * (x[1] + 1) ** 3])
    return chain(lambda: ngrad(fN, x), r)


@check("zg-murundb-newton-hess-source-error")
def _(cid):
    x = rn(2)
    Hnum = njac(lambda v: ngrad(fN, v, h=1e-5), x, h=1e-4)
    pr = np.array([[12 * (x[0] + 1) ** 2, 1], [1, 12 * (x[1] + 1)]])
    return [same(Hnum, pr, rtol=1e-4, atol=1e-4)]


X0 = np.array([0.0, 1.0])
X0B = np.array([-1.0, 1.0])


@check("zg-murundb-newton-g0", "zg-murundb-newton-g0-factor")
def _(cid):
    shown = [5, 8] if cid.endswith("-factor") else [5, 32]
    return [printed(ngrad(fN, X0), shown, 1)]


@check("zg-murundb-newton-h0", "zg-murundb-newton-h0-factor")
def _(cid):
    Hnum = njac(lambda v: ngrad(fN, v, h=1e-5), X0, h=1e-4)
    shown = [[12, 1], [1, 24]] if cid.endswith("-factor") else [[12, 1], [1, 48]]
    return [printed(Hnum, shown, 1)]


@check("zg-murundb-newton-f0", "zg-murundb-newton-f0-term")
def _(cid):
    return [printed(fN(X0), 16.0 if cid.endswith("-term") else 17.0, 0.1)]


@check("zg-murundb-newton-x1", "zg-murundb-newton-x1-sign")
def _(cid):
    shown = [0.3617, 1.6591] if cid.endswith("-sign") else [-0.3617, 0.3409]
    return [printed(newton_step(X0), shown, 1e-4)]


@check("zg-murundb-newton-f1")
def _(cid):
    return [printed(fN(np.array([-0.3617, 0.3409])), 3.2755, 1e-4)]


@check("zg-murundb-newton-diverge-f0", "zg-murundb-newton-diverge-f0-sign")
def _(cid):
    return [printed(fN(X0B), 17 if cid.endswith("-sign") else 15, 1)]


@check("zg-murundb-newton-diverge-x1-source-error")
def _(cid):
    return [printed(newton_step(X0B), [-2, 18], 1)]


@check("zg-murundb-newton-diverge-f1")
def _(cid):
    return [printed(fN(np.array([-2.0, 18.0])), 130286, 1)]


# ============================================================================ HeavenAQ
def dual_data(N=6, d=3):
    X = rn(N, d)
    y = pm1(N)
    al = RNG.uniform(0.0, 1.0, N)
    D2 = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=-1)
    K = np.exp(-0.5 * D2)  # RBF Gram matrix, symmetric
    return X, y, al, K


@check("zg-heavenaq-dual-grad", "zg-heavenaq-dual-grad-factor")
def _(cid):
    X, y, al, K = dual_data()
    Y = np.diag(y)
    L = lambda a: np.ones_like(a) @ a - 0.5 * a @ (Y @ K @ Y) @ a
    k = 0.5 if cid.endswith("-factor") else 1.0
    return chain(
        lambda: ngrad(L, al),
        lambda: (
            1
            - k
            * np.array(
                [sum(al[j] * y[i] * y[j] * K[i, j] for j in range(len(y))) for i in range(len(y))]
            )
        ),
        lambda: 1 - k * y * (K @ (al * y)),
    )


@check("zg-heavenaq-dual-grad-vec", "zg-heavenaq-dual-grad-vec-order")
def _(cid):
    X, y, al, K = dual_data()
    Y = np.diag(y)
    L = lambda a: np.ones_like(a) @ a - 0.5 * a @ (Y @ K @ Y) @ a
    M = (K @ Y @ K) if cid.endswith("-order") else (Y @ K @ Y)
    return chain(lambda: ngrad(L, al), lambda: np.ones_like(al) - M @ al)


# ============================================================================ 0h-n0
def slr_data(N=8):
    x = rn(N)
    y = 1.5 * x + rn(N)
    return x, y


def slr_solution(x, y):
    N = len(x)
    A, B, C, D = np.sum(x * y), np.sum(x * x), np.sum(x), np.sum(y)
    # A - aB - bC = 0, D - aC - bN = 0
    a, b = np.linalg.solve(np.array([[B, C], [C, N]]), np.array([A, D]))
    return A, B, C, D, N, a, b


@check("zg-0hn0-slr-da", "zg-0hn0-slr-da-factor")
def _(cid):
    x, y = slr_data()
    N = len(x)
    a, b = rn(2)
    eps = lambda p: np.mean((y - p[0] * x - p[1]) ** 2)
    k = 1.0 if cid.endswith("-factor") else 2.0
    return chain(
        lambda: ngrad(eps, np.array([a, b]))[0], lambda: -k / N * np.sum(x * (y - a * x - b))
    )


@check("zg-0hn0-slr-db", "zg-0hn0-slr-db-sign")
def _(cid):
    x, y = slr_data()
    N = len(x)
    a, b = rn(2)
    eps = lambda p: np.mean((y - p[0] * x - p[1]) ** 2)
    s = 1.0 if cid.endswith("-sign") else -1.0
    return chain(lambda: ngrad(eps, np.array([a, b]))[1], lambda: s * 2 / N * np.sum(y - a * x - b))


def anum(x, y):
    N = len(x)
    return (x.sum() * y.sum() - N * np.sum(x * y)) / (x.sum() ** 2 - N * np.sum(x**2))


def bnum(x, y):
    N = len(x)
    return (x.sum() * np.sum(x * y) - np.sum(x**2) * y.sum()) / (x.sum() ** 2 - N * np.sum(x**2))


@check("zg-0hn0-slr-a", "zg-0hn0-slr-a-sign")
def _(cid):
    x, y = slr_data()
    A, B, C, D, N, a, b = slr_solution(x, y)
    first = (
        (lambda: (N * A - C * D) / (C**2 - N * B))
        if cid.endswith("-sign")
        else (lambda: (C * D - N * A) / (C**2 - N * B))
    )
    return chain(lambda: a, first, lambda: anum(x, y))


@check("zg-0hn0-slr-b", "zg-0hn0-slr-b-swapped")
def _(cid):
    x, y = slr_data()
    A, B, C, D, N, a, b = slr_solution(x, y)
    first = (
        (lambda: (A * D - B * C) / (C**2 - N * B))
        if cid.endswith("-swapped")
        else (lambda: (A * C - B * D) / (C**2 - N * B))
    )
    return chain(lambda: b, first, lambda: bnum(x, y))


def covs(x, y):
    sx = np.mean(x**2) - np.mean(x) ** 2
    sxy = np.mean(x * y) - np.mean(x) * np.mean(y)
    return sx, sxy


@check("zg-0hn0-slr-a-cov", "zg-0hn0-slr-a-cov-swapped")
def _(cid):
    x, y = slr_data()
    A, B, C, D, N, a, b = slr_solution(x, y)
    sx, sxy = covs(x, y)
    last = (lambda: sx / sxy) if cid.endswith("-swapped") else (lambda: sxy / sx)
    return chain(lambda: a, lambda: anum(x, y), last)


@check("zg-0hn0-slr-b-cov-source-error")
def _(cid):
    x, y = slr_data()
    A, B, C, D, N, a, b = slr_solution(x, y)
    sx, sxy = covs(x, y)
    return chain(lambda: b, lambda: bnum(x, y), lambda: x.sum() * sxy / sx)


@check("zg-0hn0-ridge-mean-source-error")
def _(cid):
    X, y, w = lin_data()
    N = len(y)
    lam = RNG.uniform(0.5, 2.0)
    e = lambda v: (y - X @ v) @ (y - X @ v) / N + lam * v @ v
    return chain(lambda: ngrad(e, w), lambda: -2 / N * X.T @ (y - X @ w))


@check("zg-0hn0-ridge", "zg-0hn0-ridge-factor")
def _(cid):
    P, y, w = lin_data()
    lam = RNG.uniform(0.5, 2.0)
    e = lambda v: (y - P @ v) @ (y - P @ v) + lam * v @ v
    k = 1.0 if cid.endswith("-factor") else 2.0
    return chain(lambda: ngrad(e, w), lambda: -2 * P.T @ (y - P @ w) + k * lam * w)


# ============================================================================ konnybonny2307
@check("zg-konny-pca-expand", "zg-konny-pca-expand-transpose")
def _(cid):
    N, d = 7, 3
    Xs = rn(N, d)
    u = rn(d)
    if cid.endswith("-transpose"):
        last = lambda: u @ (np.mean(np.sum(Xs * Xs, axis=1)) * np.eye(d)) @ u
    else:
        last = lambda: u @ (Xs.T @ Xs / N) @ u
    return chain(lambda: np.mean((Xs @ u) ** 2), lambda: np.mean((Xs @ u) * (Xs @ u)), last)


@check("zg-konny-pca-lagrange", "zg-konny-pca-lagrange-sign", "zg-konny-pca-lagrange-factor")
def _(cid):
    N, d = 7, 3
    Xs = rn(N, d)
    S = Xs.T @ Xs / N
    u = rn(d)
    lam = rn(1)[0]
    L = lambda v: v @ S @ v - lam * (v @ v - 1)
    if cid.endswith("-sign"):
        r = lambda: 2 * S @ u + 2 * lam * u
    elif cid.endswith("-factor"):
        r = lambda: S @ u - lam * u
    else:
        r = lambda: 2 * S @ u - 2 * lam * u
    return chain(lambda: ngrad(L, u), r)


@check("zg-konny-concentration", "zg-konny-concentration-swapped")
def _(cid):
    d = np.array([1.0, 3.0, 5.0, 10.5, 40.0])
    Ey, sd = 2 * d, np.sqrt(8 * d)
    last = (lambda: np.sqrt(d / 2)) if cid.endswith("-swapped") else (lambda: np.sqrt(2 / d))
    return chain(lambda: sd / Ey, lambda: np.sqrt(8 * d) / (2 * d), last)


@check("zg-konny-concentration-d2", "zg-konny-concentration-d2-factor")
def _(cid):
    d = 2.0
    second = (lambda: 4 / 2) if cid.endswith("-factor") else (lambda: 4 / 4)
    return chain(
        lambda: np.sqrt(8 * d) / (2 * d), second, lambda: np.sqrt(2 / d), lambda: np.sqrt(2 / 2)
    )


# ============================================================================ Kurong
@check("zg-kurong-skipgram-grad", "zg-kurong-skipgram-grad-sign", "zg-kurong-skipgram-grad-swapped")
def _(cid):
    V, d, o = 6, 4, 2
    U = rn(V, d)
    vc = rn(d)
    logP = lambda v: U[o] @ v - np.log(np.sum(np.exp(U @ v)))
    P = np.exp(U @ vc) / np.sum(np.exp(U @ vc))
    if cid.endswith("-sign"):
        r = lambda: U[o] + P @ U
    elif cid.endswith("-swapped"):
        r = lambda: U[o] - np.sum(P) * vc
    else:
        r = lambda: U[o] - P @ U
    return chain(lambda: ngrad(logP, vc), r)


@check("zg-kurong-negsamp-grad-source-error")
def _(cid):
    d, k = 4, 3
    cpos, w = rn(d), rn(d)
    cneg = rn(k, d)
    L = lambda v: -(np.log(sig(cpos @ v)) + np.sum(np.log(sig(-cneg @ v))))
    pieces = lambda: (
        -(
            ngrad(lambda v: np.log(sig(cpos @ v)), w)
            + ngrad(lambda v: np.sum(np.log(sig(-cneg @ v))), w)
        )
    )
    printed_rhs = lambda: (
        (sig(cpos @ w) - 1) * cpos + sum((sig(cneg[i]) @ w) * cneg[i] for i in range(k))
    )
    return chain(lambda: ngrad(L, w), pieces, printed_rhs)


# ============================================================================ MrNibe
def nmf_data(m=4, k=3, n=5):
    return rn(m, k), rn(k, n), rn(m, n)


def fro2(A):
    return np.sum(A * A)


@check("zg-mrnibe-dW", "zg-mrnibe-dW-factor")
def _(cid):
    W, Hh, X = nmf_data()
    k = 1.0 if cid.endswith("-factor") else 2.0
    return chain(
        lambda: ngrad(lambda V: fro2(V @ Hh - X), W), lambda: k * W @ Hh @ Hh.T - k * X @ Hh.T
    )


@check("zg-mrnibe-dH", "zg-mrnibe-dH-sign")
def _(cid):
    W, Hh, X = nmf_data()
    s = 1.0 if cid.endswith("-sign") else -1.0
    return chain(
        lambda: ngrad(lambda V: fro2(W @ V - X), Hh), lambda: 2 * W.T @ W @ Hh + s * 2 * W.T @ X
    )


@check("zg-mrnibe-dX", "zg-mrnibe-dX-sign")
def _(cid):
    W, Hh, X = nmf_data()
    r = (lambda: 2 * W @ Hh - 2 * X) if cid.endswith("-sign") else (lambda: 2 * X - 2 * W @ Hh)
    return chain(lambda: ngrad(lambda V: fro2(W @ Hh - V), X), r)


@check("zg-mrnibe-MW-dW", "zg-mrnibe-MW-dW-transpose")
def _(cid):
    M, W = rn(4, 4), rn(4, 3)
    r = (lambda: 2 * M @ M.T @ W) if cid.endswith("-transpose") else (lambda: 2 * M.T @ M @ W)
    return chain(lambda: ngrad(lambda V: fro2(M @ V), W), r)


@check("zg-mrnibe-MW-dM", "zg-mrnibe-MW-dM-transpose")
def _(cid):
    M, W = rn(5, 3), rn(3, 3)
    r = (lambda: 2 * M @ W.T @ W) if cid.endswith("-transpose") else (lambda: 2 * M @ W @ W.T)
    return chain(lambda: ngrad(lambda V: fro2(V @ W), M), r)


@check("zg-mrnibe-fro-norm-source-error")
def _(cid):
    A = rn(4, 3)
    lmax = np.max(np.linalg.eigvalsh(A.T @ A))
    smax = np.linalg.svd(A, compute_uv=False)[0]
    return chain(lambda: np.sqrt(fro2(A)), lambda: np.sqrt(lmax), lambda: smax)


@check("zg-mrnibe-fro-norm2-source-error")
def _(cid):
    A = rn(4, 3)
    lmax = np.max(np.linalg.eigvalsh(A.T @ A))
    smax = np.linalg.svd(A, compute_uv=False)[0]
    return chain(
        lambda: np.sqrt(fro2(A.T @ A)),
        lambda: np.sqrt(fro2(A @ A.T)),
        lambda: fro2(A),
        lambda: smax**2,
        lambda: lmax,
    )


# ============================================================================ documents
# Each document link is checked by a function returning one entry per '=' sign:
# True / False for a claim, DEF for a definition (the name is new; nothing to check numerically).
def sigma_n_data():
    X, y, w = logreg_data()
    return X, y, w, sig(X @ w)


def d_hyz_grad_first():
    X, y, w, s = sigma_n_data()
    sp = s * (1 - s)
    return chain(
        lambda: ngrad(lambda v: logL(v, X, y), w),
        lambda: X.T @ (y * sp / s + (1 - y) * (-sp) / (1 - s)),
    )


def d_hyz_grad_chain(mut):
    X, y, w, s = sigma_n_data()
    m3 = (
        (lambda: X.T @ (y * (1 - s)) + X.T @ ((1 - y) * s))
        if mut
        else (lambda: X.T @ (y * (1 - s)) - X.T @ ((1 - y) * s))
    )
    return chain(
        lambda: ngrad(lambda v: logL(v, X, y), w),
        lambda: X.T @ (y * s * (1 - s) / s + (1 - y) * (-s * (1 - s)) / (1 - s)),
        m3,
        lambda: X.T @ (y * (1 - s) - (1 - y) * s),
        lambda: X.T @ (y - y * s - s + y * s),
        lambda: X.T @ (y - s),
    )


def d_hyz_hess_term():
    X, y, w, s = sigma_n_data()
    n = 0
    term = lambda v: (y[n] - sig(v @ X[n])) * X[n]
    return chain(
        lambda: njac(term, w),
        lambda: njac(lambda v: y[n] * X[n], w) - njac(lambda v: sig(v @ X[n]) * X[n], w),
        lambda: -s[n] * (1 - s[n]) * np.outer(X[n], X[n]),
    )


def d_hyz_hess():
    X, y, w, s = sigma_n_data()
    # Jacobian (central differences) of the log-likelihood gradient X^T (y - sigma), itself checked by FD above
    return chain(
        lambda: njac(lambda v: X.T @ (y - sig(X @ v)), w),
        lambda: sum(-s[i] * (1 - s[i]) * np.outer(X[i], X[i]) for i in range(len(y))),
    )


def d_hyz_J():
    X, y, w, s = sigma_n_data()
    return [DEF] + chain(
        lambda: -logL(w, X, y), lambda: -np.sum(y * np.log(s) + (1 - y) * np.log(1 - s))
    )


def d_hyz_gradJ(mut):
    X, y, w, s = sigma_n_data()
    k = 1.0 if mut else -1.0
    return chain(lambda: ngrad(lambda v: -logL(v, X, y), w), lambda: k * X.T @ (y - s))


def d_hyz_hessJ():
    X, y, w, s = sigma_n_data()
    return chain(
        lambda: njac(lambda v: -X.T @ (y - sig(X @ v)), w),
        lambda: sum(s[i] * (1 - s[i]) * np.outer(X[i], X[i]) for i in range(len(y))),
    )


HYZ_DOC = [
    lambda m: [DEF],
    lambda m: [DEF],
    lambda m: d_hyz_grad_first(),
    lambda m: CHECKS["zg-hyz-dlogsigma-source-error"]("doc"),
    lambda m: d_hyz_grad_chain(m),
    lambda m: CHECKS["zg-hyz-logreg-grad"]("zg-hyz-logreg-grad"),
    lambda m: d_hyz_hess_term(),
    lambda m: d_hyz_hess(),
    lambda m: d_hyz_J(),
    lambda m: d_hyz_gradJ(m),
    lambda m: d_hyz_hessJ(),
]


def d_newton_grad():
    return CHECKS["zg-murundb-newton-grad"]("zg-murundb-newton-grad")


NEWTON_DOC = [
    lambda m: [DEF],  # g(x) (Taylor model)
    lambda m: [DEF],  # update rule
    lambda m: [DEF],  # f
    lambda m: [DEF],  # x^0
    lambda m: CHECKS["zg-murundb-newton-f0"]("zg-murundb-newton-f0"),
    lambda m: d_newton_grad(),
    lambda m: CHECKS["zg-murundb-newton-hess-source-error"]("x"),
    lambda m: CHECKS["zg-murundb-newton-g0"]("zg-murundb-newton-g0"),
    lambda m: CHECKS["zg-murundb-newton-h0"]("zg-murundb-newton-h0"),
    lambda m: CHECKS["zg-murundb-newton-x1"]("zg-murundb-newton-x1"),
    lambda m: CHECKS["zg-murundb-newton-f1"]("zg-murundb-newton-f1"),
]


def _wls_chain():
    Hm, y, xh = ls_data()
    Ri = np.diag(1 / RNG.uniform(0.5, 2.0, len(y)))
    e = y - Hm @ xh
    return chain(
        lambda: e @ Ri @ e,
        lambda: (y - Hm @ xh) @ Ri @ (y - Hm @ xh),
        lambda: (y @ Ri - xh @ Hm.T @ Ri) @ (y - Hm @ xh),
        lambda: y @ Ri @ y - y @ Ri @ Hm @ xh - xh @ Hm.T @ Ri @ y + xh @ Hm.T @ Ri @ Hm @ xh,
    )


WLS_DOC = [
    lambda m: [DEF],
    lambda m: [DEF],
    lambda m: [DEF],
    lambda m: [DEF] + _wls_chain(),
    lambda m: CHECKS["zg-murundb-wls-grad"]("zg-murundb-wls-grad"),
]

SVM_DOC = [
    lambda m: [DEF],
    lambda m: CHECKS["zg-hyz-svm-distance"]("zg-hyz-svm-distance"),
    lambda m: CHECKS["zg-hyz-svm-dual-quad"]("zg-hyz-svm-dual-quad"),
    lambda m: CHECKS["zg-hyz-svm-dual-lin"]("zg-hyz-svm-dual-lin"),
    lambda m: [DEF],
]


def d_memorize():
    n = 4
    X = rn(n, n) + 3 * np.eye(n)
    y = rn(n)
    inv = np.linalg.inv
    ws = inv(X.T @ X) @ X.T @ y
    return chain(
        lambda: X @ ws,
        lambda: X @ inv(X.T @ X) @ X.T @ y,
        lambda: X @ inv(X) @ inv(X) @ X.T @ y,
        lambda: y,
    )


CED_DOC = [
    lambda m: [DEF, DEF, DEF],
    lambda m: CHECKS["zg-cedchan-sqloss"]("zg-cedchan-sqloss"),
    lambda m: [DEF],
    lambda m: CHECKS["zg-cedchan-grad-risk"]("zg-cedchan-grad-risk"),
    lambda m: CHECKS["zg-cedchan-grad-matrix-source-error"]("x"),
    lambda m: [DEF],
    lambda m: d_memorize(),
]

OHN0_DOC = [
    lambda m: [DEF, DEF],
    lambda m: [DEF],
    lambda m: (
        CHECKS["zg-0hn0-slr-da"]("zg-0hn0-slr-da") + CHECKS["zg-0hn0-slr-db"]("zg-0hn0-slr-db")
    ),
    lambda m: [DEF, DEF, DEF, DEF],
    lambda m: chain(lambda: np.sum(np.ones(8)), lambda: 8.0),
    lambda m: CHECKS["zg-0hn0-slr-a"]("zg-0hn0-slr-a"),
    lambda m: CHECKS["zg-0hn0-slr-b"]("zg-0hn0-slr-b"),
    lambda m: [DEF],
    lambda m: [DEF],
    lambda m: CHECKS["zg-0hn0-slr-a-cov"]("zg-0hn0-slr-a-cov"),
    lambda m: CHECKS["zg-0hn0-slr-b-cov-source-error"]("x"),
]

DOCS = {
    "0hn0-simple-regression": (OHN0_DOC, False),
    "hyz-logistic-gradient": (HYZ_DOC, False),
    "hyz-logistic-gradient-mutated": (HYZ_DOC, True),
    "murundb-newton-example": (NEWTON_DOC, False),
    "murundb-wls": (WLS_DOC, False),
    "hyz-svm-dual": (SVM_DOC, False),
    "cedchan-linear-regression": (CED_DOC, False),
}


# ============================================================================ driver
def verdicts(fn, *args):
    """Run a check TRIALS times; a link holds iff it holds every time (definitions pass through)."""
    runs = [fn(*args) for _ in range(TRIALS)]
    n = len(runs[0])
    assert all(len(r) == n for r in runs)
    out = []
    for j in range(n):
        col = [r[j] for r in runs]
        if col[0] == DEF:
            out.append(DEF)
        else:
            out.append("valid" if all(bool(c) for c in col) else "invalid")
    return out


def main():
    bad = 0
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    assert len(claims) >= 90, len(claims)
    n_checked = 0
    for c in claims:
        cid = c["id"]
        if cid not in CHECKS:
            print(f"MISSING check for claim {cid}")
            bad += 1
            continue
        links = verdicts(CHECKS[cid], cid)
        got = "valid" if all(v == "valid" for v in links) else "invalid"
        n_checked += 1
        if got != c["expect"]:
            bad += 1
            print(
                f"MISMATCH claim {cid}: expected {c['expect']}, numbers say {got} (links {links})"
            )
    assert n_checked + sum(1 for c in claims if c["id"] not in CHECKS) == len(claims)
    unused = set(CHECKS) - {c["id"] for c in claims}
    n_doc_files = 0
    n_links = 0
    for path in sorted((HERE / "docs").glob("*.expect.yaml")):
        name = path.name[: -len(".expect.yaml")]
        exp = yaml.safe_load(path.read_text())
        md = (HERE / "docs" / (name + ".md")).read_text().split("\n")
        if name not in DOCS:
            print(f"MISSING checks for document {name}")
            bad += 1
            continue
        fns, mut = DOCS[name]
        links = exp["links"]
        if len(links) != len(fns):
            print(f"MISMATCH document {name}: {len(links)} links but {len(fns)} checks")
            bad += 1
            continue
        n_doc_files += 1
        for lk, fn in zip(links, fns):
            n_links += 1
            ln = lk["line"]
            if md[ln - 1].strip() != "$$" or md[ln].strip() != lk["text"].strip():
                print(f"MISMATCH document {name} line {ln}: text not found at that line")
                bad += 1
                continue
            got = verdicts(fn, mut)
            if got != lk["expect"]:
                bad += 1
                print(
                    f"MISMATCH document {name} line {ln}: expected {lk['expect']}, numbers say {got}"
                )
        for mu in exp.get("mutations", []):
            if md[mu["line"] - 1] != mu["now"]:
                print(
                    f"MISMATCH document {name}: mutation line {mu['line']} does not read as 'now'"
                )
                bad += 1
    n_expected_links = sum(
        len(yaml.safe_load(p.read_text())["links"]) for p in (HERE / "docs").glob("*.expect.yaml")
    )
    if n_links != n_expected_links:
        print(f"MISMATCH: {n_links} document links checked but {n_expected_links} listed")
        bad += 1
    nv = sum(c["expect"] == "valid" for c in claims)
    print(
        f"claims: {len(claims)} checked ({nv} valid, {len(claims) - nv} invalid); "
        f"documents: {n_doc_files} with {n_links} links checked; unused checks: {sorted(unused)}"
    )
    if bad:
        print(f"FAILED: {bad} disagreement(s)")
        return 1
    print("OK: every expectation agrees with the numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
