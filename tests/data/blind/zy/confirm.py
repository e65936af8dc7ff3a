# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zy).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, expectations under Gaussians by Gauss-Hermite
quadrature, which is exact for the polynomials that occur) or, for printed numbers, compared
with one unit of the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261207)
RTOL, ATOL = 1e-6, 1e-7
NPTS = 5


def close(a, b, rtol=RTOL, atol=ATOL):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def num(value, printed, unit):
    """printed number agrees with value to one unit of its last printed digit"""
    return bool(abs(float(value) - float(printed)) <= unit * (1 + 1e-9))


def fd(f, x, h=1e-5):
    """central-difference gradient of scalar f at array x"""
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def jac(f, x, h=1e-5):
    """J[i, j] = d f_i / d x_j"""
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    J = np.zeros((f0.size, x.size))
    for j in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[j] += h
        xm[j] -= h
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))).ravel() / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch means the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def every(pts, n=NPTS):
    """a list-valued predicate (one entry per link) must agree at every random point"""
    res = None
    for _ in range(n):
        r = pts()
        r = [None if v is None else bool(v) for v in r]
        if res is None:
            res = r
        else:
            res = [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


CHECK = {}
DOCS = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def doc(stem, text):
    def deco(fn):
        key = (stem, text.strip())
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco


# Gauss-Hermite (probabilists'): E_{z~N(0,1)}[h(z)] = sum w h(z) / sqrt(2 pi)
GH_Z, GH_W = np.polynomial.hermite_e.hermegauss(40)
GH_W = GH_W / math.sqrt(2 * math.pi)


def E1(mu, s, h):
    """E[h(x)] for x ~ N(mu, s^2)"""
    return float(np.sum(GH_W * h(mu + s * GH_Z)))


def En(mu, S, h):
    """E[h(x)] for x ~ N(mu, S) in R^d (tensor Gauss-Hermite, exact for quadratics)"""
    d = len(mu)
    L = np.linalg.cholesky(S)
    z5, w5 = np.polynomial.hermite_e.hermegauss(5)
    w5 = w5 / math.sqrt(2 * math.pi)
    tot = 0.0
    for idx in np.ndindex(*([5] * d)):
        z = z5[list(idx)]
        w = np.prod(w5[list(idx)])
        tot += w * h(mu + L @ z)
    return float(tot)


def npdf(x, mu, s):
    return np.exp(-(x - mu) ** 2 / (2 * s * s)) / np.sqrt(2 * np.pi * s * s)


# ======================= A: BatchNorm Part 2 (row-wise, scalar feature) =======================
def bn_point(m=5):
    x = rng.normal(size=m) * 1.3 + 0.4
    eps = 0.3
    gam, bet = rng.normal() + 1.5, rng.normal()
    c = rng.normal(size=m)
    f = lambda y: float(np.sum(c * np.sin(y)) + 0.5 * np.sum(y ** 2))
    fprime = lambda y: c * np.cos(y) + y
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    xh = (x - mu) / np.sqrt(var + eps)
    i = int(rng.integers(m))
    return dict(x=x, eps=eps, g=gam, b=bet, f=f, fp=fprime, mu=mu, var=var, xh=xh, i=i, m=m)


def xhat_of(x, eps):
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    return (x - mu) / np.sqrt(var + eps)


def bn_dydxhat(p):
    g, b, xi = p["g"], p["b"], p["xh"][p["i"]]
    lhs = d1(lambda t: g * t + b, xi)
    return lhs, lhs, g


def bn_dxhatdx(p):  # local partial, mu_B and sigma_B^2 held fixed
    mu, var, eps, xi = p["mu"], p["var"], p["eps"], p["x"][p["i"]]
    lhs = d1(lambda t: (t - mu) / np.sqrt(var + eps), xi)
    mid = d1(lambda t: t / np.sqrt(var + eps) - mu / np.sqrt(var + eps), xi)
    return lhs, mid, 1 / np.sqrt(var + eps)


def bn_dxhatdvar(p, expo=-1.5):
    mu, var, eps, xi = p["mu"], p["var"], p["eps"], p["x"][p["i"]]
    lhs = d1(lambda s: (xi - mu) / np.sqrt(s + eps), var)
    mid = d1(lambda s: (xi - mu) * (s + eps) ** -0.5, var)
    return lhs, mid, -0.5 * (xi - mu) * (var + eps) ** expo


def bn_dvardx(p, k=2.0):
    x, i, m, mu = p["x"], p["i"], p["m"], p["mu"]
    def var_total(t):
        xx = x.copy(); xx[i] = t
        return ((xx - xx.mean()) ** 2).mean()
    def var_local(t):
        xx = x.copy(); xx[i] = t
        return ((xx - mu) ** 2).mean()
    tot = d1(var_total, x[i])
    loc = d1(var_local, x[i])
    return tot, loc, k / m * (x[i] - mu)


def bn_dxhatdmu(p, sgn=-1.0):
    var, eps, xi = p["var"], p["eps"], p["x"][p["i"]]
    lhs = d1(lambda u: xi / np.sqrt(var + eps) - u / np.sqrt(var + eps), p["mu"])
    return lhs, sgn / np.sqrt(var + eps)


def bn_dvardmu_chain(p):
    x, m, mu = p["x"], p["m"], p["mu"]
    g = lambda u: ((x - u) ** 2).sum() / m
    lhs = d1(g, mu)
    e = [lhs, d1(g, mu), 2 / m * np.sum((x - mu) * (-1)), -2 / m * np.sum(x - mu),
         -2 * (x.sum() / m - m * mu / m), -2 * (mu - m * mu / m), -2 * (mu - mu), 0.0]
    return e


def bn_dmudx(p):
    x, i, m = p["x"], p["i"], p["m"]
    def mean_of(t):
        xx = x.copy(); xx[i] = t
        return xx.mean()
    lhs = d1(mean_of, x[i])
    return lhs, lhs, 1 / m


def bn_F(p):
    return lambda x: p["f"](p["g"] * xhat_of(x, p["eps"]) + p["b"])


def bn_dfdxhat(p):
    lhs = fd(lambda xh: p["f"](p["g"] * xh + p["b"]), p["xh"])
    y = p["g"] * p["xh"] + p["b"]
    return lhs, p["fp"](y) * p["g"]


def bn_dgamma(p):
    lhs = d1(lambda gg: p["f"](gg * p["xh"] + p["b"]), p["g"])
    return lhs


def bn_dbeta(p):
    return d1(lambda bb: p["f"](p["g"] * p["xh"] + bb), p["b"])


def bn_dx_formula(p, variant="ok"):
    y = p["g"] * p["xh"] + p["b"]
    dxh = p["fp"](y) * p["g"]
    m, var, eps, xh = p["m"], p["var"], p["eps"], p["xh"]
    if variant == "ok":
        inner = m * dxh - dxh.sum() - xh * np.sum(dxh * xh)
    elif variant == "nom":
        inner = dxh - dxh.sum() - xh * np.sum(dxh * xh)
    else:  # sign
        inner = m * dxh - dxh.sum() + xh * np.sum(dxh * xh)
    return (var + eps) ** -0.5 / m * inner


@check("zy-bn2-dydxhat")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dydxhat(p)
        return close(a, b) and close(b, c)
    return for_all(t)


@check("zy-bn2-dydxhat-nodiff")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dydxhat(p)
        return close(a, b) and close(b, p["g"] * p["xh"][p["i"]])
    return for_all(t)


@check("zy-bn2-dxhatdx")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dxhatdx(p)
        return close(a, c)
    return for_all(t)


@check("zy-bn2-dxhatdx-sqrt")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dxhatdx(p)
        return close(a, 1 / (p["var"] + p["eps"]))
    return for_all(t)


@check("zy-bn2-dxhatdvar")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dxhatdvar(p)
        return close(a, b) and close(b, c)
    return for_all(t)


@check("zy-bn2-dxhatdvar-exponent")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dxhatdvar(p, expo=-0.5)
        return close(a, b) and close(b, c)
    return for_all(t)


@check("zy-bn2-dvardx")
def _():
    def t():
        p = bn_point(); tot, loc, r = bn_dvardx(p)
        return close(tot, r) and close(loc, r)
    return for_all(t)


@check("zy-bn2-dvardx-factor")
def _():
    def t():
        p = bn_point(); tot, loc, r = bn_dvardx(p, k=1.0)
        return close(tot, r) and close(loc, r)
    return for_all(t)


@check("zy-bn2-dxhatdmu")
def _():
    def t():
        p = bn_point(); a, r = bn_dxhatdmu(p)
        return close(a, r)
    return for_all(t)


@check("zy-bn2-dxhatdmu-sign")
def _():
    def t():
        p = bn_point(); a, r = bn_dxhatdmu(p, sgn=1.0)
        return close(a, r)
    return for_all(t)


@check("zy-bn2-dvardmu")
def _():
    def t():
        p = bn_point(); e = bn_dvardmu_chain(p)
        return close(e[0], e[1], atol=1e-6) and close(e[1], e[2], atol=1e-6)
    return for_all(t)


@check("zy-bn2-dvardmu-dropped")
def _():
    def t():
        p = bn_point(); e = bn_dvardmu_chain(p)
        return close(e[0], e[1], atol=1e-6) and close(e[1], -2 / p["m"] * p["x"].sum(), atol=1e-6)
    return for_all(t)


@check("zy-bn2-dmudx")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dmudx(p)
        return close(a, b) and close(b, c)
    return for_all(t)


@check("zy-bn2-dmudx-factor")
def _():
    def t():
        p = bn_point(); a, b, c = bn_dmudx(p)
        return close(a, b) and close(b, 1.0)
    return for_all(t)


@check("zy-bn2-dfdxhat")
def _():
    def t():
        p = bn_point(); lhs, r = bn_dfdxhat(p)
        y = p["g"] * p["xh"] + p["b"]
        mid = fd(p["f"], y) * p["g"]  # df/dy_i * dy_i/dxhat_i
        return close(lhs, mid) and close(mid, r)
    return for_all(t)


@check("zy-bn2-dfdxhat-xhat")
def _():
    def t():
        p = bn_point(); lhs, r = bn_dfdxhat(p)
        y = p["g"] * p["xh"] + p["b"]
        mid = fd(p["f"], y) * p["g"]
        return close(lhs, mid) and close(mid, fd(p["f"], y) * p["xh"])
    return for_all(t)


@check("zy-bn2-dgamma")
def _():
    def t():
        p = bn_point(); y = p["g"] * p["xh"] + p["b"]
        return close(bn_dgamma(p), np.sum(p["fp"](y) * p["xh"]))
    return for_all(t)


@check("zy-bn2-dgamma-nohat")
def _():
    def t():
        p = bn_point(); y = p["g"] * p["xh"] + p["b"]
        return close(bn_dgamma(p), np.sum(p["fp"](y) * p["x"]))
    return for_all(t)


@check("zy-bn2-dbeta")
def _():
    def t():
        p = bn_point(); y = p["g"] * p["xh"] + p["b"]
        return close(bn_dbeta(p), np.sum(p["fp"](y) * 1.0))
    return for_all(t)


@check("zy-bn2-dbeta-mean")
def _():
    def t():
        p = bn_point(); y = p["g"] * p["xh"] + p["b"]
        return close(bn_dbeta(p), np.sum(p["fp"](y)) / p["m"])
    return for_all(t)


def _bn2dx(variant):
    def t():
        p = bn_point()
        return close(fd(bn_F(p), p["x"]), bn_dx_formula(p, variant), rtol=1e-5)
    return for_all(t)


CHECK["zy-bn2-dx"] = lambda: _bn2dx("ok")
CHECK["zy-bn2-dx-missing-m"] = lambda: _bn2dx("nom")
CHECK["zy-bn2-dx-sign"] = lambda: _bn2dx("sign")


# ======================= B: Deriving Batch-Norm Backprop Equations (column-wise) =======================
def bnc_point(N=4, D=3):
    X = rng.normal(size=(N, D)) * 1.2 + 0.3
    eps = 0.2
    g = rng.normal(size=D) + 1.5
    b = rng.normal(size=D)
    C = rng.normal(size=(N, D))
    J = lambda Y: float(np.sum(C * np.sin(Y)) + 0.5 * np.sum(Y ** 2))
    Jp = lambda Y: C * np.cos(Y) + Y
    mu = X.mean(0)
    var = ((X - mu) ** 2).mean(0)
    Xh = (X - mu) / np.sqrt(var + eps)
    Y = g * Xh + b
    return dict(X=X, eps=eps, g=g, b=b, J=J, Jp=Jp, mu=mu, var=var, Xh=Xh, Y=Y, N=N, D=D)


def bnc_xhat(X, eps):
    mu = X.mean(0)
    var = ((X - mu) ** 2).mean(0)
    return (X - mu) / np.sqrt(var + eps)


def bnc_grads(p):
    dg = fd(lambda gg: p["J"](gg * p["Xh"] + p["b"]), p["g"])
    db = fd(lambda bb: p["J"](p["g"] * p["Xh"] + bb), p["b"])
    dY = fd(p["J"], p["Y"])
    dXh = fd(lambda Xh: p["J"](p["g"] * Xh + p["b"]), p["Xh"])
    dX = fd(lambda X: p["J"](p["g"] * bnc_xhat(X, p["eps"]) + p["b"]), p["X"])
    return dg, db, dY, dXh, dX


def bnc_claim(fn):
    def t():
        p = bnc_point()
        return fn(p, *bnc_grads(p))
    return for_all(t)


CHECK["zy-bnc-dgamma"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(dg, np.sum(dY * p["Xh"], 0)))
CHECK["zy-bnc-dgamma-mean"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(dg, np.sum(dY * p["Xh"], 0) / p["N"]))
CHECK["zy-bnc-dbeta"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(db, np.sum(dY, 0)))
CHECK["zy-bnc-dbeta-gamma"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(db, p["g"] * np.sum(dY, 0)))
CHECK["zy-bnc-dxhat-entry"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(dXh, dY * p["g"][None, :]))
# wrong index: gamma_i (row index) in place of gamma_j; N=4 > D=3 so gamma_4 does not even exist
CHECK["zy-bnc-dxhat-entry-index"] = lambda: bnc_claim(
    lambda p, dg, db, dY, dXh, dX: close(dXh, dY * np.array([[p["g"][i]] * p["D"] for i in range(p["N"])])))
CHECK["zy-bnc-dxhat-mat"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(dXh, p["g"] * dY))
CHECK["zy-bnc-dxhat-mat-xhat"] = lambda: bnc_claim(lambda p, dg, db, dY, dXh, dX: close(dXh, p["Xh"] * dY))


def bnc_boxed(variant):
    def fn(p, dg, db, dY, dXh, dX):
        N = p["N"]; one = np.ones((N, 1))
        k = N if variant != "noN" else 1
        s = -1 if variant != "sign" else 1
        rhs = (1 / N) * p["g"] * (p["var"] + p["eps"]) ** -0.5 * (s * dg * p["Xh"] + k * dY - one * db[None, :])
        return close(dX, rhs, rtol=1e-5)
    return bnc_claim(fn)


CHECK["zy-bnc-dX-boxed"] = lambda: bnc_boxed("ok")
CHECK["zy-bnc-dX-boxed-missing-N"] = lambda: bnc_boxed("noN")
CHECK["zy-bnc-dX-boxed-sign"] = lambda: bnc_boxed("sign")


# lemma: B = c(D) D with a scalar function c; a(B) any scalar function
def lemma_point(n=4):
    Dv = rng.normal(size=n)
    A = rng.normal(size=n)
    v = rng.normal(size=n)
    c = lambda D: float(np.exp(0.5 * v @ np.sin(D)))  # a general scalar function of the vector D
    gc = lambda D: c(D) * 0.5 * v * np.cos(D)
    a = lambda B: float(np.sum(A * np.sin(B)) + 0.3 * np.sum(B ** 2) ** 1.5)
    return Dv, c, gc, a


def lemma_entry(variant):
    def t():
        Dv, c, gc, a = lemma_point()
        Jm = jac(lambda D: c(D) * D, Dv)  # Jm[k, i] = dB_k / dD_i
        n = len(Dv)
        rhs = np.array([[gc(Dv)[i] * Dv[k] + (1.0 if (i == k and variant == "ok") else 0.0) * c(Dv) for i in range(n)] for k in range(n)])
        return close(Jm, rhs)
    return for_all(t)


CHECK["zy-bnc-lemma-entry"] = lambda: lemma_entry("ok")
CHECK["zy-bnc-lemma-entry-noindicator"] = lambda: lemma_entry("drop")


def lemma_vec(variant):
    def t():
        Dv, c, gc, a = lemma_point()
        lhs = fd(lambda D: a(c(D) * D), Dv)
        B = c(Dv) * Dv
        daB = fd(a, B)
        m1 = gc(Dv) * (Dv @ daB) + c(Dv) * daB
        if variant == "ok":
            m2 = (np.outer(gc(Dv), Dv) + c(Dv) * np.eye(len(Dv))) @ daB
        else:
            m2 = (np.outer(Dv, gc(Dv)) + c(Dv) * np.eye(len(Dv))) @ daB
        return close(lhs, m1) and close(m1, m2)
    return for_all(t)


CHECK["zy-bnc-lemma-vec"] = lambda: lemma_vec("ok")
CHECK["zy-bnc-lemma-vec-order"] = lambda: lemma_vec("t")


def prod1d(variant):
    def t():
        d0 = rng.normal()
        c = lambda d: np.sin(d) + 2.0
        a = lambda b: b ** 3 / 3 + np.cos(b)
        b = lambda d: c(d) * d
        dadd = d1(lambda d: a(b(d)), d0)
        dadb = d1(a, b(d0))
        dbdd = d1(b, d0)
        dcdd = d1(c, d0)
        rhs = (dcdd * d0 + (c(d0) if variant == "ok" else 0.0)) * dadb
        return close(dadd, dadb * dbdd) and close(dadb * dbdd, rhs)
    return for_all(t)


CHECK["zy-bnc-product-1d"] = lambda: prod1d("ok")
CHECK["zy-bnc-product-1d-dropc"] = lambda: prod1d("drop")


def col_point(N=5):
    X = rng.normal(size=N) * 1.1 + 0.5
    eps = 0.25
    g, b = rng.normal() + 1.5, rng.normal()
    C = rng.normal(size=N)
    J = lambda Y: float(np.sum(C * np.sin(Y)) + 0.5 * np.sum(Y ** 2))
    mu = X.mean()
    var = ((X - mu) ** 2).mean()
    R = X - mu
    Xh = R / np.sqrt(var + eps)
    return dict(X=X, eps=eps, g=g, b=b, J=J, mu=mu, var=var, R=R, Xh=Xh, N=N,
                one=np.ones((N, N)), I=np.eye(N), oneN=np.ones(N))


def col_xhat(X, eps):
    mu = X.mean()
    return (X - mu) / np.sqrt(((X - mu) ** 2).mean() + eps)


def col_claim(fn):
    return for_all(lambda: fn(col_point()))


def _var_rtr(p, outer=False):
    X, mu, N, R = p["X"], p["mu"], p["N"], p["R"]
    a = np.sum((X - mu) ** 2) / N
    bb = (np.outer(X - mu, X - mu) if outer else np.array((X - mu) @ (X - mu))) / N
    cc = np.array(R @ R) / N
    return close(p["var"], a) and close(a, bb) and close(bb, cc)


CHECK["zy-bnc-var-RtR"] = lambda: col_claim(lambda p: _var_rtr(p))
CHECK["zy-bnc-var-RtR-outer"] = lambda: col_claim(lambda p: _var_rtr(p, True))


def _R(p, variant):
    X, N = p["X"], p["N"]
    a = X - p["mu"]
    bb = X - (1 / N) * p["one"] @ X
    cc = (p["I"] - (1 / N if variant == "ok" else 1.0) * p["one"]) @ X
    return close(p["R"], a) and close(a, bb) and close(bb, cc)


CHECK["zy-bnc-R-matrix"] = lambda: col_claim(lambda p: _R(p, "ok"))
CHECK["zy-bnc-R-matrix-noN"] = lambda: col_claim(lambda p: _R(p, "noN"))


def c_of_R(R, N, eps):
    return (R @ R / N + eps) ** -0.5


def _dcdR(p, variant):
    R, N, eps = p["R"], p["N"], p["eps"]
    lhs = fd(lambda r: c_of_R(r, N, eps), R)
    k = -1 / N if variant == "ok" else -0.5
    a = k * (R @ R / N + eps) ** -1.5 * R
    b = -1 / N * (p["var"] + eps) ** -1.5 * (p["X"] - p["mu"])
    return close(lhs, a) and close(a, b)


CHECK["zy-bnc-dcdR"] = lambda: col_claim(lambda p: _dcdR(p, "ok"))
CHECK["zy-bnc-dcdR-missing-2overN"] = lambda: col_claim(lambda p: _dcdR(p, "half"))


def _dX_scalar(p, s):
    G = lambda Xh: p["J"](p["g"] * Xh + p["b"])
    lhs = fd(lambda X: G(col_xhat(X, p["eps"])), p["X"])
    dXh = fd(G, p["Xh"])
    N = p["N"]
    rhs = (p["var"] + p["eps"]) ** -0.5 * (s * (1 / N) * np.outer(p["Xh"], p["Xh"]) + p["I"] - (1 / N) * p["one"]) @ dXh
    return close(lhs, rhs, rtol=1e-5)


CHECK["zy-bnc-dX-scalar"] = lambda: col_claim(lambda p: _dX_scalar(p, -1))
CHECK["zy-bnc-dX-scalar-sign"] = lambda: col_claim(lambda p: _dX_scalar(p, 1))


def _col_grads(p):
    Y = p["g"] * p["Xh"] + p["b"]
    dY = fd(p["J"], Y)
    dg = d1(lambda gg: p["J"](gg * p["Xh"] + p["b"]), p["g"])
    db = d1(lambda bb: p["J"](p["g"] * p["Xh"] + bb), p["b"])
    return dY, dg, db


def _dgamma_vec(p, variant):
    dY, dg, db = _col_grads(p)
    a = np.sum(dY * p["Xh"])
    Xh = p["Xh"].reshape(-1, 1); dYc = dY.reshape(-1, 1)
    bb = (Xh.T @ dYc) if variant == "ok" else (Xh @ dYc.T)
    return close(np.array([[dg]]), np.array([[a]])) and close(np.array([[a]]), bb)


CHECK["zy-bnc-dgamma-vec"] = lambda: col_claim(lambda p: _dgamma_vec(p, "ok"))
CHECK["zy-bnc-dgamma-vec-transpose"] = lambda: col_claim(lambda p: _dgamma_vec(p, "t"))


def _dbeta_vec(p, k):
    dY, dg, db = _col_grads(p)
    a = np.sum(dY)
    bb = k * p["oneN"] @ dY
    return close(db, a) and close(a, bb)


CHECK["zy-bnc-dbeta-vec"] = lambda: col_claim(lambda p: _dbeta_vec(p, 1.0))
CHECK["zy-bnc-dbeta-vec-mean"] = lambda: col_claim(lambda p: _dbeta_vec(p, 1.0 / p["N"]))


# ======================= C: CS 6180 Lecture 8, LSTM cell state =======================
def _dcdcprev(variant):
    def t():
        n = 3
        f, i, ct = rng.uniform(0.05, 0.95, n), rng.uniform(0.05, 0.95, n), rng.normal(size=n)
        cp = rng.normal(size=n)
        Jm = jac(lambda c: f * c + i * ct, cp)
        want = f if variant == "ok" else i
        return close(Jm, np.diag(want))  # elementwise: the Jacobian is diag of the printed vector
    return for_all(t)


CHECK["zy-lstm-dc-dcprev"] = lambda: _dcdcprev("ok")
CHECK["zy-lstm-dc-dcprev-inputgate"] = lambda: _dcdcprev("i")


def _c1(variant):
    def t():
        n = 3
        ct1 = rng.normal(size=n) + 2.0
        c0, i1, f1 = np.zeros(n), 0.0, 1.0
        c1 = f1 * c0 + i1 * ct1
        mid = 1 * 0 + 0 * ct1
        rhs = np.zeros(n) if variant == "ok" else ct1
        return close(c1, mid) and close(mid, rhs)
    return for_all(t)


CHECK["zy-lstm-c1-zero"] = lambda: _c1("ok")
CHECK["zy-lstm-c1-zero-wrong"] = lambda: _c1("w")


def _c2(variant):
    def t():
        n = 3
        ct1, ct2 = rng.normal(size=n) + 2.0, rng.normal(size=n) - 2.0
        c1, i2, f2 = np.zeros(n), 1.0, 1.0
        c2 = f2 * c1 + i2 * ct2
        mid = 1 * 0 + 1 * ct2
        rhs = ct2 if variant == "ok" else ct1
        return close(c2, mid) and close(mid, rhs)
    return for_all(t)


CHECK["zy-lstm-c2-store"] = lambda: _c2("ok")
CHECK["zy-lstm-c2-store-index"] = lambda: _c2("w")


def _c3(variant):
    def t():
        n = 3
        ct2, ct3 = rng.normal(size=n) + 2.0, rng.normal(size=n) - 2.0
        c2, i3, f3 = ct2.copy(), 0.0, 1.0
        c3 = f3 * c2 + i3 * ct3
        rhs = ct2 if variant == "ok" else ct3
        return close(c3, c3) and close(c3, rhs)
    return for_all(t)


CHECK["zy-lstm-c3-preserve"] = lambda: _c3("ok")
CHECK["zy-lstm-c3-preserve-index"] = lambda: _c3("w")

# printed numbers
P095 = np.prod([0.95] * 8)  # prod_{i=3}^{10}: 8 factors
CHECK["zy-lstm-forget-product"] = lambda: close(P095, 0.95 ** 8) and num(0.95 ** 8, 0.663, 0.001)
CHECK["zy-lstm-forget-product-seven"] = lambda: close(P095, 0.95 ** 8) and num(0.95 ** 8, 0.698, 0.001)
CHECK["zy-lstm-forget-product-count"] = lambda: num(P095, 0.95 ** 7, 1e-12)
CHECK["zy-lstm-sigmoid-decay"] = lambda: num(0.25 ** 8, 1.5e-5, 0.1e-5)
CHECK["zy-lstm-sigmoid-decay-exponent"] = lambda: num(0.25 ** 8, 1.5e-4, 0.1e-4)
CHECK["zy-lstm-sigmoid-decay-table"] = lambda: num(0.25 ** 8, 0.00002, 0.00001)
CHECK["zy-lstm-sigmoid-decay-table-wrong"] = lambda: num(0.25 ** 8, 0.0002, 0.0001)


# ======================= D: ai.stackexchange 13755, focal loss =======================
def focal_point():
    gam = rng.uniform(0.5, 3.0)
    t0 = rng.normal()
    p_of_t = lambda t: 1 / (1 + np.exp(-(0.7 * t + 0.3 * np.sin(t))))  # p as a function of a parameter t
    return gam, t0, p_of_t


def _fl_dot(variant):
    def t():
        gam, t0, P = focal_point()
        FL = lambda t: -(1 - P(t)) ** gam * np.log(P(t))
        p, pd = P(t0), d1(P, t0)
        lhs = d1(FL, t0)
        if variant == "ok":
            rhs = pd * (gam * (1 - p) ** (gam - 1) * np.log(p) - (1 - p) ** gam / p)
        elif variant == "nogamma":
            rhs = pd * ((1 - p) ** (gam - 1) * np.log(p) - (1 - p) ** gam / p)
        else:
            rhs = pd * (gam * (1 - p) ** (gam - 1) * np.log(p) + (1 - p) ** gam / p)
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-focal-dot"] = lambda: _fl_dot("ok")
CHECK["zy-focal-dot-nogamma"] = lambda: _fl_dot("nogamma")
CHECK["zy-focal-dot-sign"] = lambda: _fl_dot("sign")


def _ce_dot(s):
    def t():
        gam, t0, P = focal_point()
        return close(d1(lambda t: -np.log(P(t)), t0), s * d1(P, t0) / P(t0))
    return for_all(t)


CHECK["zy-focal-ce-dot"] = lambda: _ce_dot(-1)
CHECK["zy-focal-ce-dot-sign"] = lambda: _ce_dot(1)


def _fl_split(variant):
    def t():
        gam, t0, P = focal_point()
        FL = lambda t: -(1 - P(t)) ** gam * np.log(P(t))
        p, pd = P(t0), d1(P, t0)
        ce = d1(lambda t: -np.log(P(t)), t0)
        e2 = gam - 1 if variant == "ok" else gam
        return close(d1(FL, t0), (1 - p) ** gam * ce + gam * pd * (1 - p) ** e2 * np.log(p))
    return for_all(t)


CHECK["zy-focal-split"] = lambda: _fl_split("ok")
CHECK["zy-focal-split-exponent"] = lambda: _fl_split("e")


def _fl_alt(e):
    def t():
        gam = int(rng.integers(1, 5))
        t0 = rng.normal()
        P = lambda t: 1 / (1 + np.exp(-(0.7 * t + 0.3 * np.sin(t))))
        L = lambda t: -np.log(P(t)) - sum(math.comb(gam, i) * (-P(t)) ** i / i for i in range(1, gam + 1))
        ce = d1(lambda t: -np.log(P(t)), t0)
        return close(d1(L, t0), (1 - P(t0)) ** (gam + e) * ce)
    return for_all(t)


CHECK["zy-focal-alt-loss"] = lambda: _fl_alt(0)
CHECK["zy-focal-alt-loss-exponent"] = lambda: _fl_alt(-1)


# ======================= E: Kalay, Poisson regression with Newton's method =======================
def pois_point(n=6, k=3):
    X = rng.normal(size=(n, k)) * 0.5
    beta = rng.normal(size=k) * 0.5
    y = np.array([0, 1, 2, 3, 4, 5])[:n].astype(float)
    rng.shuffle(y)
    return X, beta, y


def pois_L(X, y):
    lf = np.array([math.lgamma(v + 1) for v in y])
    return lambda b: float(np.sum(-np.exp(X @ b) + y * (X @ b) - lf))  # log of the product of pmfs


def _pois_loglik():
    def t():
        X, b, y = pois_point()
        lam = np.exp(X @ b)
        prod = np.prod(np.exp(-lam) * lam ** y / np.array([math.factorial(int(v)) for v in y]))
        printed = -lam.sum() + np.sum(y * (X @ b)) + np.sum([math.lgamma(v + 1) for v in y])
        return close(np.log(prod), pois_L(X, y)(b)) and close(np.log(prod), printed)
    return for_all(t)


CHECK["zy-pois-loglik"] = _pois_loglik


def _pois_grad(variant):
    def t():
        X, b, y = pois_point()
        g = fd(pois_L(X, y), b)
        lam = np.exp(X @ b)
        if variant == "ok":
            rhs = np.sum((y - lam)[:, None] * X, 0)
        elif variant == "sign":
            rhs = np.sum((lam - y)[:, None] * X, 0)
        else:  # x_i' : a sum of row vectors, shape (1, k) against a column gradient (k, 1)
            return close(g.reshape(-1, 1), np.sum((y - lam)[:, None] * X, 0).reshape(1, -1))
        return close(g, rhs)
    return for_all(t)


CHECK["zy-pois-grad"] = lambda: _pois_grad("ok")
CHECK["zy-pois-grad-sign"] = lambda: _pois_grad("sign")
CHECK["zy-pois-grad-transpose"] = lambda: _pois_grad("t")


def _pois_hess(variant):
    def t():
        X, b, y = pois_point()
        L = pois_L(X, y)
        H = jac(lambda bb: fd(L, bb, h=1e-4), b, h=1e-4)
        lam = np.exp(X @ b)
        if variant == "ok":
            rhs = -sum(lam[i] * np.outer(X[i], X[i]) for i in range(len(y)))
        elif variant == "sq":
            rhs = -sum(lam[i] ** 2 * np.outer(X[i], X[i]) for i in range(len(y)))
        else:  # x_i' x_i is a scalar inner product
            rhs = np.array([[-sum(lam[i] * X[i] @ X[i] for i in range(len(y)))]])
        return close(H, rhs, rtol=1e-4, atol=1e-5)
    return for_all(t)


CHECK["zy-pois-hessian"] = lambda: _pois_hess("ok")
CHECK["zy-pois-hessian-order"] = lambda: _pois_hess("inner")
CHECK["zy-pois-hessian-square"] = lambda: _pois_hess("sq")


# ======================= F: Sharma, lasso coordinate descent =======================
def lasso_point(n=6, d=3):
    X = rng.normal(size=(n, d + 1))  # j = 0..d
    y = rng.normal(size=n)
    w = rng.normal(size=d + 1)
    w[np.abs(w) < 0.2] += 0.5  # |w_l| differentiable
    lam = rng.uniform(0.1, 2.0)
    l = int(rng.integers(d + 1))
    L = lambda ww: 0.5 * np.sum((y - X @ ww) ** 2) + lam * np.sum(np.abs(ww))
    g = fd(L, w)[l]
    return X, y, w, lam, l, g


def _lasso(form):
    def t():
        X, y, w, lam, l, g = lasso_point()
        s = np.sign(w[l])
        xl = X[:, l]
        others = X @ w - xl * w[l]
        a = np.sum(xl ** 2)
        rho = np.sum((others - y) * xl)
        if form == "printed1":
            rhs = np.sum((y - X @ w) * xl) + lam * s
        elif form == "printed2":
            rhs = np.sum((y - others - w[l] * xl) * xl) + lam * s
        elif form == "printed3":
            rhs = np.sum((y - others) * xl) + w[l] * np.sum(xl ** 2) + lam * s
        elif form == "final":
            rhs = rho + w[l] * a + lam * s
        elif form == "final-sign":
            rhs = rho - w[l] * a + lam * s
        else:  # final with the subgradient sign flipped
            rhs = rho + w[l] * a - lam * s
        return close(g, rhs)
    return for_all(t)


CHECK["zy-lasso-grad-printed"] = lambda: _lasso("printed1")
CHECK["zy-lasso-grad-split"] = lambda: _lasso("printed2")
CHECK["zy-lasso-grad-collected"] = lambda: _lasso("printed3")
CHECK["zy-lasso-grad-rho"] = lambda: _lasso("final")
CHECK["zy-lasso-grad-rho-sign"] = lambda: _lasso("final-sign")
CHECK["zy-lasso-grad-rho-subgrad-sign"] = lambda: _lasso("final-lam")


# ======================= G: KL divergence notes =======================
def kl_point():
    m1, m2 = rng.normal(), rng.normal()
    s1, s2 = rng.uniform(0.4, 2.0), rng.uniform(0.4, 2.0)
    return m1, m2, s1, s2


def kl_true(m1, m2, s1, s2):  # E_p[log p/q], by quadrature
    lp = lambda x, m, s: -(x - m) ** 2 / (2 * s * s) - 0.5 * np.log(2 * np.pi * s * s)
    return E1(m1, s1, lambda x: lp(x, m1, s1) - lp(x, m2, s2))


def kl_grid(m1, m2, s1, s2, h):
    """int p(x) h(x) dx on a fine grid (trapezoid), independent of the quadrature"""
    x = np.linspace(min(m1, m2) - 12 * max(s1, s2), max(m1, m2) + 12 * max(s1, s2), 200001)
    with np.errstate(divide="ignore", invalid="ignore"):
        v = npdf(x, m1, s1) * h(x)
    v = np.where(npdf(x, m1, s1) > 0, v, 0.0)  # p(x) h(x) with p(x) = 0 contributes nothing
    return float(np.sum((v[1:] + v[:-1]) / 2 * np.diff(x)))


def q_integral(m1, m2, s1, s2):
    """int p(x) q(x)/p(x) dx = int q(x) dx over the real line (trapezoid on a wide grid)"""
    x = np.linspace(min(m1, m2) - 12 * max(s1, s2), max(m1, m2) + 12 * max(s1, s2), 200001)
    v = npdf(x, m2, s2)
    return float(np.sum((v[1:] + v[:-1]) / 2 * np.diff(x)))


# note 8360840778
def _kl_note_final():
    def t():
        m1, m2, s1, s2 = kl_point()
        lhs = q_integral(m1, m2, s1, s2)  # int p q/p = int q = 1
        rhs = np.log(s2 / s1) + (m1 - m2) ** 2 / (2 * s2 ** 2) + s1 ** 2 / (2 * s2 ** 2) - 0.5
        return close(lhs, rhs, rtol=1e-5, atol=1e-6)
    return for_all(t)


CHECK["zy-klnote-final"] = _kl_note_final


def _kl_note_row1():
    def t():
        m1, m2, s1, s2 = kl_point(); x = rng.normal()
        p, q = npdf(x, m1, s1), npdf(x, m2, s2)
        rhs = p * (np.log(s2 / s1) - (x - m1) ** 2 / (2 * s1 ** 2) + (x - m2) ** 2 / (2 * s2 ** 2))
        return close(p * q / p, rhs)
    return for_all(t)


CHECK["zy-klnote-row1"] = _kl_note_row1


# section 6020155275
def _kl_logratio(variant):
    def t():
        m1, m2, s1, s2 = kl_point(); x = rng.normal() * 2
        lhs = np.log(npdf(x, m1, s1) / npdf(x, m2, s2))
        if variant == "ok":
            rhs = np.log(s2 / s1) + (x - m2) ** 2 / (2 * s2 ** 2) - (x - m1) ** 2 / (2 * s1 ** 2)
        elif variant == "ratio":
            rhs = np.log(s1 / s2) + (x - m2) ** 2 / (2 * s2 ** 2) - (x - m1) ** 2 / (2 * s1 ** 2)
        else:
            rhs = np.log(s2 / s1) + (x - m2) ** 2 / (s2 ** 2) - (x - m1) ** 2 / (s1 ** 2)
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-klg-logratio"] = lambda: _kl_logratio("ok")
CHECK["zy-klg-logratio-inverted"] = lambda: _kl_logratio("ratio")
CHECK["zy-klg-logratio-half"] = lambda: _kl_logratio("half")


def _kl_second_moment(variant):
    def t():
        m1, m2, s1, s2 = kl_point()
        lhs = E1(m1, s1, lambda x: (x - m2) ** 2)
        mid = E1(m1, s1, lambda x: (x - m1) ** 2) + 2 * (m1 - m2) * E1(m1, s1, lambda x: x - m1) + (m1 - m2) ** 2
        rhs = (s1 ** 2 if variant == "ok" else s2 ** 2) + (m1 - m2) ** 2
        return close(lhs, mid) and close(mid, rhs)
    return for_all(t)


CHECK["zy-klg-second-moment"] = lambda: _kl_second_moment("ok")
CHECK["zy-klg-second-moment-variance"] = lambda: _kl_second_moment("s2")


def _kl_term3(variant):
    def t():
        m1, m2, s1, s2 = kl_point()
        lhs = E1(m1, s1, lambda x: (x - m1) ** 2 / (2 * s1 ** 2))
        if variant == "ok":
            return close(lhs, s1 ** 2 / (2 * s1 ** 2)) and close(s1 ** 2 / (2 * s1 ** 2), 0.5)
        return close(lhs, s1 ** 2 / s1 ** 2) and close(1.0, 1.0)
    return for_all(t)


CHECK["zy-klg-term3"] = lambda: _kl_term3("ok")
CHECK["zy-klg-term3-factor"] = lambda: _kl_term3("f")


def _kl_uni(variant):
    def t():
        m1, m2, s1, s2 = kl_point()
        lhs = kl_true(m1, m2, s1, s2)
        if variant == "ok":
            rhs = np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5
        elif variant == "one":
            rhs = np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 1
        else:
            rhs = np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s1 ** 2) - 0.5
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-klg-univariate"] = lambda: _kl_uni("ok")
CHECK["zy-klg-univariate-minus-one"] = lambda: _kl_uni("one")
CHECK["zy-klg-univariate-denominator"] = lambda: _kl_uni("den")


def _kl_d1(k):
    def t():
        m1, m2, s1, s2 = kl_point()
        lhs = kl_true(m1, m2, s1, s2)
        mid = 0.5 * (np.log(s2 ** 2 / s1 ** 2) - k + s1 ** 2 / s2 ** 2 + (m1 - m2) ** 2 / s2 ** 2)
        rhs = np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5
        return close(lhs, mid) and close(mid, rhs)
    return for_all(t)


CHECK["zy-klg-d1-check"] = lambda: _kl_d1(1)
CHECK["zy-klg-d1-check-dimension"] = lambda: _kl_d1(2)


def spd(d):
    A = rng.normal(size=(d, d))
    return A @ A.T + d * np.eye(d) * 0.5


def _kl_identity1(variant):
    def t():
        d = 2
        mu, S, A = rng.normal(size=d), spd(d), rng.normal(size=(d, d))
        lhs = En(mu, S, lambda x: (x - mu) @ A @ (x - mu))
        rhs = np.trace(A @ S) if variant == "ok" else np.trace(A @ np.linalg.inv(S))
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-klg-identity1"] = lambda: _kl_identity1("ok")
CHECK["zy-klg-identity1-inverse"] = lambda: _kl_identity1("inv")


def _kl_identity2(s):
    def t():
        d = 2
        mp, mq, Sp, Sq = rng.normal(size=d), rng.normal(size=d), spd(d), spd(d)
        Qi = np.linalg.inv(Sq)
        lhs = En(mp, Sp, lambda x: (x - mq) @ Qi @ (x - mq))
        rhs = np.trace(Qi @ Sp) + s * (mp - mq) @ Qi @ (mp - mq)
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-klg-identity2"] = lambda: _kl_identity2(1)
CHECK["zy-klg-identity2-sign"] = lambda: _kl_identity2(-1)


def mvn_logpdf(x, mu, S):
    d = len(mu)
    r = x - mu
    return -0.5 * r @ np.linalg.solve(S, r) - 0.5 * np.log(np.linalg.det(S)) - d / 2 * np.log(2 * np.pi)


def _kl_mv(variant):
    def t():
        d = 2
        mp, mq, Sp, Sq = rng.normal(size=d), rng.normal(size=d), spd(d), spd(d)
        lhs = En(mp, Sp, lambda x: mvn_logpdf(x, mp, Sp) - mvn_logpdf(x, mq, Sq))
        T = np.linalg.inv(Sq) @ Sp if variant == "ok" else np.linalg.inv(Sp) @ Sq
        rhs = 0.5 * (np.log(np.linalg.det(Sq) / np.linalg.det(Sp)) - d + np.trace(T) + (mq - mp) @ np.linalg.inv(Sq) @ (mq - mp))
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-klg-multivariate"] = lambda: _kl_mv("ok")
CHECK["zy-klg-multivariate-trace-swap"] = lambda: _kl_mv("swap")


def _vae_point(d=3):
    mu = rng.normal(size=d)
    s2 = rng.uniform(0.2, 3.0, d)
    return mu, s2, d


def _kl_logdet(variant):
    def t():
        mu, s2, d = _vae_point()
        Sp = np.diag(s2)
        a = np.log(np.linalg.det(np.eye(d)) / np.linalg.det(Sp))
        b = -np.log(np.linalg.det(Sp))
        c = -np.sum(np.log(s2)) if variant == "ok" else -np.sum(np.log(np.sqrt(s2)))
        return close(a, b) and close(b, c)
    return for_all(t)


CHECK["zy-klg-vae-logdet"] = lambda: _kl_logdet("ok")
CHECK["zy-klg-vae-logdet-sigma"] = lambda: _kl_logdet("sigma")


def _kl_trace(variant):
    def t():
        mu, s2, d = _vae_point()
        Sp = np.diag(s2)
        a = np.trace(np.linalg.inv(np.eye(d)) @ Sp)
        b = np.trace(Sp)
        c = np.sum(s2) if variant == "ok" else np.sum(np.sqrt(s2))
        return close(a, b) and close(b, c)
    return for_all(t)


CHECK["zy-klg-vae-trace"] = lambda: _kl_trace("ok")
CHECK["zy-klg-vae-trace-sigma"] = lambda: _kl_trace("sigma")


def _kl_mahal():
    def t():
        mu, s2, d = _vae_point()
        a = mu @ np.linalg.inv(np.eye(d)) @ mu
        return close(a, np.linalg.norm(mu) ** 2) and close(np.linalg.norm(mu) ** 2, np.sum(mu ** 2))
    return for_all(t)


CHECK["zy-klg-vae-mahalanobis"] = _kl_mahal


def _kl_vae(variant):
    def t():
        mu, s2, d = _vae_point()
        lhs = En(mu, np.diag(s2), lambda z: mvn_logpdf(z, mu, np.diag(s2)) - mvn_logpdf(z, np.zeros(d), np.eye(d)))
        if variant == "combine":
            rhs = 0.5 * (-np.sum(np.log(s2)) - d + np.sum(s2) + np.sum(mu ** 2))
        elif variant == "combine-plus-d":
            rhs = 0.5 * (-np.sum(np.log(s2)) + d + np.sum(s2) + np.sum(mu ** 2))
        elif variant == "ok":
            rhs = -0.5 * np.sum(1 + np.log(s2) - mu ** 2 - s2)
        elif variant == "sign":
            rhs = 0.5 * np.sum(1 + np.log(s2) - mu ** 2 - s2)
        else:
            rhs = -0.5 * np.sum(1 + np.log(s2) + mu ** 2 - s2)
        return close(lhs, rhs)
    return for_all(t)


CHECK["zy-klg-vae-combined"] = lambda: _kl_vae("combine")
CHECK["zy-klg-vae-combined-d"] = lambda: _kl_vae("combine-plus-d")
CHECK["zy-klg-vae-final"] = lambda: _kl_vae("ok")
CHECK["zy-klg-vae-final-sign"] = lambda: _kl_vae("sign")
CHECK["zy-klg-vae-final-mu"] = lambda: _kl_vae("mu")


# ---- further claims (one per family, no twin) ----
CHECK["zy-bn2-dvardmu-zero"] = lambda: for_all(lambda: (lambda e: close(e[0], e[5], atol=1e-6) and close(e[5], e[6], atol=1e-6) and close(e[6], 0.0, atol=1e-6))(bn_dvardmu_chain(bn_point())))


def _dJdX_R():
    p = col_point()
    N, eps = p["N"], p["eps"]
    G = lambda Xh_: p["J"](p["g"] * Xh_ + p["b"])
    M = p["I"] - p["one"] / N
    JR = lambda R: G(c_of_R(R, N, eps) * R)  # J as a function of R
    lhs = fd(lambda X_: JR(M @ X_), p["X"])
    return close(lhs, M.T @ fd(JR, p["R"]), rtol=1e-5)


CHECK["zy-bnc-dJdX-R"] = lambda: for_all(_dJdX_R)


def _dJdR_lemma():
    p = col_point()
    N, eps, R = p["N"], p["eps"], p["R"]
    G = lambda Xh_: p["J"](p["g"] * Xh_ + p["b"])
    lhs = fd(lambda r: G(c_of_R(r, N, eps) * r), R)
    gc = fd(lambda r: c_of_R(r, N, eps), R)
    rhs = (np.outer(gc, R) + c_of_R(R, N, eps) * p["I"]) @ fd(G, c_of_R(R, N, eps) * R)
    return close(lhs, rhs, rtol=1e-5)


CHECK["zy-bnc-dJdR-lemma"] = lambda: for_all(_dJdR_lemma)
CHECK["zy-klg-term1"] = lambda: for_all(lambda: (lambda m1, m2, s1, s2: close(E1(m1, s1, lambda x: np.log(s2 / s1) + 0 * x), np.log(s2 / s1)))(*kl_point()))


def _pois_lambda():
    X, b, y = pois_point()
    eta = X @ b  # x_i' beta
    lam = np.exp(eta)  # from ln lambda_i = x_i' beta
    return close(np.log(lam), eta) and close(lam, np.e ** eta)


CHECK["zy-pois-lambda"] = lambda: for_all(_pois_lambda)


# ============================ documents ============================
def blocks(md_lines):
    """(line number of the opening $$, text between the delimiters) for every $$ display block"""
    out = []
    k = 0
    while k < len(md_lines):
        ln = md_lines[k]
        if ln.startswith("$$"):
            rest = ln[2:]
            if rest.rstrip().endswith("$$") and len(rest.rstrip()) >= 2:
                out.append((k + 1, rest.rstrip()[:-2].strip()))
                k += 1
                continue
            buf = [rest]
            j = k + 1
            while not md_lines[j].rstrip().endswith("$$"):
                buf.append(md_lines[j])
                j += 1
            buf.append(md_lines[j].rstrip()[:-2])
            out.append((k + 1, "\n".join(buf).strip()))
            k = j + 1
            continue
        k += 1
    return out


def ev(fn):
    return lambda: every(fn)


def defs(n):
    return lambda: [None] * n


# ---------- doc: bn2-piecemeal (and its mutated twin) ----------
BN2 = "bn2-piecemeal"


def bn2_block(text):
    return [t for (_, t) in blocks((HERE / "docs" / (BN2 + ".md")).read_text().split("\n")) if t.startswith(text)][0]


DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \mu_B"))] = defs(4)
DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial y_i}"))] = ev(lambda: (lambda p: (lambda a, b, c: [close(a, b), close(b, c)])(*bn_dydxhat(p)))(bn_point()))
DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial \hat{x}_i}{\partial x_i}"))] = ev(lambda: (lambda p: (lambda a, b, c: [close(a, a), close(a, b), close(b, c)])(*bn_dxhatdx(p)))(bn_point()))
_t_var = bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial \hat{x}_i}{\partial \sigma^2_B}")
DOCS[(BN2, _t_var)] = ev(lambda: (lambda p: (lambda a, b, c: [close(a, a), close(a, b), close(b, c)])(*bn_dxhatdvar(p)))(bn_point()))
DOCS[(BN2 + "-mutated", _t_var.replace("^{-3/2}", "^{-1/2}"))] = ev(lambda: (lambda p: (lambda a, b, c: [close(a, a), close(a, b), close(b, c)])(*bn_dxhatdvar(p, expo=-0.5)))(bn_point()))
_t_vx = bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial \sigma^2_B}{\partial x_i}")
DOCS[(BN2, _t_vx)] = ev(lambda: (lambda p: (lambda tot, loc, r: [close(tot, loc), close(loc, r) and close(tot, r)])(*bn_dvardx(p)))(bn_point()))
DOCS[(BN2 + "-mutated", _t_vx.replace(r"\frac{2}{m} (x_i", r"\frac{1}{m} (x_i"))] = ev(lambda: (lambda p: (lambda tot, loc, r: [close(tot, loc), close(loc, r) and close(tot, r)])(*bn_dvardx(p, k=1.0)))(bn_point()))
DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial \hat{x}_i}{\partial \mu_B}"))] = ev(lambda: (lambda p: (lambda a, r: [close(a, a), close(a, r)])(*bn_dxhatdmu(p)))(bn_point()))


def _doc_dvardmu():
    e = bn_dvardmu_chain(bn_point())
    return [close(e[k], e[k + 1], atol=1e-6) for k in range(7)]  # 8 sides, 7 links


DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial \sigma^2_B}{\partial \mu_B}"))] = ev(_doc_dvardmu)
DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial \mu_B}{\partial x_i}"))] = ev(lambda: (lambda p: (lambda a, b, c: [close(a, b), close(b, c)])(*bn_dmudx(p)))(bn_point()))


def _doc_dfdxhat():
    p = bn_point(); lhs, r = bn_dfdxhat(p)
    y = p["g"] * p["xh"] + p["b"]
    mid = fd(p["f"], y) * p["g"]
    return [close(lhs, mid), close(mid, r)]


DOCS[(BN2, bn2_block(r"\frac{\partial f}{\partial \hat{x}_i} ="))] = ev(_doc_dfdxhat)


def _doc_bottom():
    p = bn_point(); y = p["g"] * p["xh"] + p["b"]
    return [close(bn_dgamma(p), np.sum(p["fp"](y) * p["xh"])), close(bn_dbeta(p), np.sum(p["fp"](y))),
            close(fd(bn_F(p), p["x"]), bn_dx_formula(p, "ok"), rtol=1e-5)]


DOCS[(BN2, bn2_block(r"\begin{align*}" + "\n" + r"  \frac{\partial f}{\partial \gamma}"))] = ev(_doc_bottom)

# ---------- doc: bn-columnwise ----------
BC = "bn-columnwise"


def bc_block(text):
    return [t for (_, t) in blocks((HERE / "docs" / (BC + ".md")).read_text().split("\n")) if t.startswith(text)][0]


DOCS[(BC, bc_block(r"\hat{x}_i ="))] = defs(1)
DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"  \mu &="))] = defs(2)
DOCS[(BC, bc_block(r"y_i ="))] = defs(1)
DOCS[(BC, bc_block(r"\boxed{" + "\n" + r"\frac{\partial J}{\partial \gamma}"))] = ev(lambda: [CHECK["zy-bnc-dgamma"]()])
DOCS[(BC, bc_block(r"\boxed{" + "\n" + r"\frac{\partial J}{\partial \beta}"))] = ev(lambda: [CHECK["zy-bnc-dbeta"]()])
DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"\frac{\partial J}{\partial \hat{x}_{ij}}"))] = ev(lambda: [CHECK["zy-bnc-dxhat-entry"](), CHECK["zy-bnc-dxhat-mat"]()])


def _doc_lemma_entry():
    Dv, c, gc, a = lemma_point()
    n = len(Dv)
    Jm = jac(lambda D: c(D) * D, Dv)
    op = np.array([[d1(lambda t: c(np.where(np.arange(n) == i, t, Dv)) * np.where(np.arange(n) == i, t, Dv)[k], Dv[i]) for i in range(n)] for k in range(n)])
    rhs = np.array([[gc(Dv)[i] * Dv[k] + (1.0 if i == k else 0.0) * c(Dv) for i in range(n)] for k in range(n)])
    return [close(Jm, op), close(op, rhs)]


DOCS[(BC, bc_block(r"\frac{\partial B_k}{\partial D_i}"))] = ev(_doc_lemma_entry)


def _doc_prod1d():
    d0 = rng.normal()
    c = lambda d: np.sin(d) + 2.0
    a = lambda b: b ** 3 / 3 + np.cos(b)
    b = lambda d: c(d) * d
    dbdd, dcdd, dadb = d1(b, d0), d1(c, d0), d1(a, b(d0))
    r1 = dcdd * d0 + 1.0 * c(d0)  # dd/dd = 1
    r2 = dcdd * d0 + c(d0)
    dadd = d1(lambda d: a(b(d)), d0)
    return [close(dbdd, r1), close(r1, r2), close(dadd, dadb * dbdd), close(dadb * dbdd, (dcdd * d0 + c(d0)) * dadb)]


DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"\frac{\text{d}b}"))] = ev(_doc_prod1d)


def _doc_gather():
    p = col_point()
    X, mu, N, R, eps = p["X"], p["mu"], p["N"], p["R"], p["eps"]
    s1 = np.sum((X - mu) ** 2) / N
    s2 = (X - mu) @ (X - mu) / N
    s3 = R @ R / N
    h0 = p["Xh"]
    h1 = (X - mu) / np.sqrt(p["var"] + eps)
    h2 = (R @ R / N + eps) ** -0.5 * R
    h3 = c_of_R(R, N, eps) * R
    return [None, close(s1, s2), close(s2, s3), close(h0, h1), close(h1, h2), close(h2, h3)]


DOCS[(BC, bc_block(r"\begin{gather*}"))] = ev(_doc_gather)
DOCS[(BC, bc_block(r"R" + "\n" + "= X - \\mu"))] = ev(lambda: [_R(col_point(), "ok")] * 3)  # _R checks the three links together


def _doc_dcdR():
    p = col_point()
    R, N, eps = p["R"], p["N"], p["eps"]
    lhs = fd(lambda r: c_of_R(r, N, eps), R)
    e1 = fd(lambda r: (r @ r / N + eps) ** -0.5, R)
    inner = fd(lambda r: r @ r / N + eps, R)
    e2 = -0.5 * (R @ R / N + eps) ** -1.5 * inner
    e3 = -0.5 * (R @ R / N + eps) ** -1.5 * (2 / N) * R
    e4 = -1 / N * (R @ R / N + eps) ** -1.5 * R
    e5 = -1 / N * (p["var"] + eps) ** -1.5 * (p["X"] - p["mu"])
    return [close(lhs, e1), close(e1, e2), close(e2, e3), close(e3, e4), close(e4, e5)]


DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"\frac{\partial c}{\partial R}"))] = ev(_doc_dcdR)


def _doc_dX_chain():
    p = col_point()
    X, mu, N, R, eps, var = p["X"], p["mu"], p["N"], p["R"], p["eps"], p["var"]
    I, one, Xh = p["I"], p["one"], p["Xh"]
    G = lambda Xh_: p["J"](p["g"] * Xh_ + p["b"])
    lhs = fd(lambda X_: G(col_xhat(X_, eps)), X)
    g = fd(G, Xh)
    gc = -1 / N * (R @ R / N + eps) ** -1.5 * R
    P = I - one / N
    e1 = P @ (np.outer(gc, R) + c_of_R(R, N, eps) * I) @ g
    e2 = P @ (-1 / N * (var + eps) ** -1.5 * np.outer(X - mu, X - mu) + (var + eps) ** -0.5 * I) @ g
    e3 = (var + eps) ** -0.5 * P @ (-1 / N * np.outer((X - mu) / np.sqrt(var + eps), (X - mu) / np.sqrt(var + eps)) + I) @ g
    e4 = (var + eps) ** -0.5 * P @ (-1 / N * np.outer(Xh, Xh) + I) @ g
    e5 = (var + eps) ** -0.5 * (-1 / N * np.outer(Xh, Xh) + I + 1 / N ** 2 * one @ np.outer(Xh, Xh) - 1 / N * one) @ g
    e6 = (var + eps) ** -0.5 * (-1 / N * np.outer(Xh, Xh) + I - 1 / N * one) @ g
    r = 1e-5
    return [close(lhs, e1, rtol=r), close(e1, e2), close(e2, e3), close(e3, e4), close(e4, e5), close(e5, e6)]


DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"\frac{\partial J}{\partial X}" + "\n" + r"&= \left(I"))] = ev(_doc_dX_chain)


def _doc_dX_scalar():
    p = col_point()
    X, N, eps, var, I, one, Xh = p["X"], p["N"], p["eps"], p["var"], p["I"], p["one"], p["Xh"]
    G = lambda Xh_: p["J"](p["g"] * Xh_ + p["b"])
    lhs = fd(lambda X_: G(col_xhat(X_, eps)), X)
    gXh = fd(G, Xh)
    dY, dg, db = _col_grads(p)
    e1 = (var + eps) ** -0.5 * (-1 / N * np.outer(Xh, Xh) + I - 1 / N * one) @ gXh
    e2 = p["g"] * (var + eps) ** -0.5 * (-1 / N * np.outer(Xh, Xh) @ dY + dY - 1 / N * one @ dY)
    e3 = 1 / N * p["g"] * (var + eps) ** -0.5 * (-dg * Xh + N * dY - p["oneN"] * db)
    return [close(lhs, e1, rtol=1e-5), close(e1, e2), close(e2, e3)]


DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"\frac{\partial J}{\partial X}" + "\n" + r"&= (\sigma^2"))] = ev(_doc_dX_scalar)


def _doc_simplify():
    p = col_point()
    dY, dg, db = _col_grads(p)
    Xh = p["Xh"]
    a1 = np.sum(dY * Xh); a2 = Xh @ dY
    b1 = np.sum(dY); b2 = p["oneN"] @ dY
    return [close(dg, a1), close(a1, a2), close(db, b1), close(b1, b2)]


DOCS[(BC, bc_block(r"\begin{align*}" + "\n" + r"\frac{\partial J}{\partial \gamma}"))] = ev(_doc_simplify)
DOCS[(BC, bc_block(r"\boxed{" + "\n" + r"\frac{\partial J}{\partial X}"))] = ev(lambda: [CHECK["zy-bnc-dX-boxed"]()])

# ---------- doc: kl-univariate-note ----------
KN = "kl-univariate-note"


def kn_block(text):
    return [t for (_, t) in blocks((HERE / "docs" / (KN + ".md")).read_text().split("\n")) if t.startswith(text)][0]


DOCS[(KN, kn_block("KL(P||Q)"))] = defs(1)


def _doc_klnote_align():
    m1, m2, s1, s2 = kl_point(); x = rng.normal() * 1.5
    p, q = npdf(x, m1, s1), npdf(x, m2, s2)
    L = np.log(s2 / s1)
    r1 = p * (L - (x - m1) ** 2 / (2 * s1 ** 2) + (x - m2) ** 2 / (2 * s2 ** 2))
    r2 = p * (L - (x - m1) ** 2 / (2 * s1 ** 2) + (x - m1 + m1 - m2) ** 2 / (2 * s2 ** 2))
    r3 = p * (L - (x - m1) ** 2 / (2 * s1 ** 2) + (x - m1) / (2 * s2 ** 2) + (m1 - m2) ** 2 / (2 * s2 ** 2))
    r4 = p * (L + (1 / (2 * s2 ** 2) - 1 / (2 * s1 ** 2)) * (x - m1) ** 2 + (m1 - m2) ** 2 / (2 * s2 ** 2))
    integral = q_integral(m1, m2, s1, s2)  # int p q/p
    rhs5 = L + (m1 - m2) ** 2 / (2 * s2 ** 2) + s1 ** 2 / (2 * s2 ** 2) - 0.5
    return [close(p * q / p, r1), close(r1, r2), close(r2, r3), close(r3, r4), close(integral, rhs5, rtol=1e-5, atol=1e-6)]


DOCS[(KN, kn_block(r"\begin{align}"))] = ev(_doc_klnote_align)

# ---------- doc: kl-gaussians (and its mutated twin) ----------
KG = "kl-gaussians"


def kg_block(text):
    return [t for (_, t) in blocks((HERE / "docs" / (KG + ".md")).read_text().split("\n")) if t.startswith(text)][0]


def _doc_kl_def():
    m1, m2, s1, s2 = kl_point()
    lp = lambda x, m, s: -(x - m) ** 2 / (2 * s * s) - 0.5 * np.log(2 * np.pi * s * s)
    grid = kl_grid(m1, m2, s1, s2, lambda x: lp(x, m1, s1) - lp(x, m2, s2))
    return [None, close(grid, kl_true(m1, m2, s1, s2), rtol=1e-5, atol=1e-6)]


DOCS[(KG, kg_block(r"D_{\text{KL}}(p \| q) = \int"))] = ev(_doc_kl_def)
DOCS[(KG, kg_block(r"\log\frac{p(x)}{q(x)}"))] = ev(lambda: [CHECK["zy-klg-logratio"]()])
_t_sm = kg_block(r"\mathbb{E}_p[(x - \mu_2)^2]")


def _doc_sm(variant):
    m1, m2, s1, s2 = kl_point()
    lhs = E1(m1, s1, lambda x: (x - m2) ** 2)
    mid = E1(m1, s1, lambda x: (x - m1) ** 2) + 2 * (m1 - m2) * E1(m1, s1, lambda x: x - m1) + (m1 - m2) ** 2
    rhs = s1 ** 2 + (m1 - m2) ** 2 if variant == "ok" else s1 ** 2 - (m1 - m2) ** 2
    return [close(lhs, mid), close(mid, rhs)]


DOCS[(KG, _t_sm)] = ev(lambda: _doc_sm("ok"))
DOCS[(KG + "-mutated", _t_sm.replace(r"= \sigma_1^2 + (\mu_1 - \mu_2)^2", r"= \sigma_1^2 - (\mu_1 - \mu_2)^2"))] = ev(lambda: _doc_sm("mut"))
_t_box = kg_block(r"\boxed{D_{\text{KL}}(p \| q)")
DOCS[(KG, _t_box)] = ev(lambda: [CHECK["zy-klg-univariate"]()])


def _doc_box_mut():
    m1, m2, s1, s2 = kl_point()
    return [close(kl_true(m1, m2, s1, s2), np.log(s1 / s2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5)]


DOCS[(KG + "-mutated", _t_box.replace(r"\log\frac{\sigma_2}{\sigma_1}", r"\log\frac{\sigma_1}{\sigma_2}"))] = ev(_doc_box_mut)


def _doc_d1():
    m1, m2, s1, s2 = kl_point()
    lhs = kl_true(m1, m2, s1, s2)
    mid = 0.5 * (np.log(s2 ** 2 / s1 ** 2) - 1 + s1 ** 2 / s2 ** 2 + (m1 - m2) ** 2 / s2 ** 2)
    rhs = np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5
    return [close(lhs, mid), close(mid, rhs)]


DOCS[(KG, kg_block(r"D_{\text{KL}} = \frac{1}{2}"))] = ev(_doc_d1)

# ---------- doc: poisson-newton ----------
PN = "poisson-newton"


def pn_block(text):
    return [t for (_, t) in blocks((HERE / "docs" / (PN + ".md")).read_text().split("\n")) if t.startswith(text)][0]


DOCS[(PN, pn_block("Prob(Y"))] = defs(1)
DOCS[(PN, pn_block(r"\ln \lambda"))] = defs(1)
DOCS[(PN, pn_block(r"\begin{aligned}"))] = ev(lambda: [None, CHECK["zy-pois-loglik"]()])
DOCS[(PN, pn_block(r"\dfrac{\partial ^2 L"))] = ev(lambda: [CHECK["zy-pois-hessian"]()])
DOCS[(PN, pn_block(r"\beta _{t+1}"))] = defs(1)

# ---------- doc: lasso-cd ----------
LC = "lasso-cd"


def lc_blocks():
    return [t for (_, t) in blocks((HERE / "docs" / (LC + ".md")).read_text().split("\n"))]


_lcb = lc_blocks()
DOCS[(LC, _lcb[0])] = defs(1)
DOCS[(LC, _lcb[1])] = ev(lambda: [CHECK["zy-lasso-grad-printed"]()])
DOCS[(LC, _lcb[2])] = ev(lambda: [CHECK["zy-lasso-grad-split"]()])
DOCS[(LC, _lcb[3])] = ev(lambda: [CHECK["zy-lasso-grad-collected"]()])
DOCS[(LC, _lcb[4])] = defs(1)
DOCS[(LC, _lcb[5])] = defs(1)
DOCS[(LC, _lcb[6])] = ev(lambda: [CHECK["zy-lasso-grad-rho"]()])


# ======================= run =======================
def doc_fn(stem, text):
    if (stem, text) in DOCS:
        return (stem, text)
    base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
    assert (base, text) in DOCS, (stem, text[:60])
    return (base, text)


def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    bad = 0
    nv = ni = 0
    for c in claims:
        holds = bool(CHECK[c["id"]]())
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = 0
    nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        found = dict(blocks(md))
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        assert sorted(lk["line"] for lk in ex["links"]) == sorted(found), (stem, "every $$ block must be listed")
        for lk in ex["links"]:
            assert md[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert found[lk["line"]] == lk["text"].strip(), (stem, lk["line"])
            key = doc_fn(stem, lk["text"].strip())
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(k[1][:50] for k in set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation blocks, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
