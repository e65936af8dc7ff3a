"""Independent numeric confirmation of every verdict in claims.yaml and docs/*.expect.yaml.

Each item is coded by hand: both sides of every relation link are written as NumPy or SymPy
expressions and compared at random points.  Derivatives are taken by central finite
differences (or SymPy diff of hand-written expressions).  Worked numeric values must match to
within one unit of the last printed digit for a valid claim, and be further off for an invalid
one.  Prints one line per item and a summary; exits non-zero on any failure.
"""

import re
import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261205)


# ----------------------------------------------------------------------------- helpers
def close(a, b, tol=1e-5):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def fd_grad(f, x, h=1e-6):
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        g[idx] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def fd_hess(f, x, h=1e-4):
    x = np.array(x, dtype=float)
    n = x.size
    hs = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            ei = np.zeros(n)
            ej = np.zeros(n)
            ei[i] = h
            ej[j] = h
            hs[i, j] = (f(x + ei + ej) - f(x + ei - ej) - f(x - ei + ej) + f(x - ei - ej)) / (
                4 * h * h
            )
    return hs


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def numeric_value(exact, printed, decimals):
    """True iff `printed` matches `exact` within one unit of its last printed digit."""
    return abs(exact - printed) <= 10.0 ** (-decimals) + 1e-12


# ----------------------------------------------------------------------------- Toussaint
def tou_ls(variant):
    n, d = 7, 3
    x = RNG.normal(size=(n, d))
    y = RNG.normal(size=n)
    beta = RNG.normal(size=d)
    g = fd_grad(lambda b: np.sum((y - x @ b) ** 2), beta)
    r = y - x @ beta
    rhs = {"valid": -2 * r @ x, "factor": -r @ x, "sign": 2 * r @ x}[variant]
    return [close(g, rhs)]


def tou_sqerr(variant):
    f0 = RNG.normal(size=4)
    ys = RNG.normal(size=4)
    g = fd_grad(lambda f: np.sum((f - ys) ** 2), f0)
    rhs = {"valid": 2 * (f0 - ys), "factor": f0 - ys}[variant]
    return [close(g, rhs)]


def tou_nll(variant):
    m, ystar = 5, 2
    f0 = RNG.normal(size=m)
    g = fd_grad(lambda f: -np.log(softmax(f)[ystar]), f0)
    onehot = np.eye(m)[ystar]
    p = softmax(f0)
    rhs = {"valid": p - onehot, "sign": onehot - p}[variant]
    return [close(g, rhs)]


def _hinge(f, ystar):
    return sum(max(0.0, 1 - (f[ystar] - f[y])) for y in range(len(f)) if y != ystar)


def _hinge_points(m, ystar, count=6):
    pts = []
    while len(pts) < count:
        f = RNG.normal(scale=1.2, size=m)
        margins = [1 - (f[ystar] - f[y]) for y in range(m) if y != ystar]
        ind = [mg > 0 for mg in margins]
        if min(abs(mg) for mg in margins) > 1e-3 and any(ind) and not all(ind):
            pts.append(f)
    return pts


def tou_hinge_nontarget(variant):
    m, ystar = 6, 1
    ok = True
    for f0 in _hinge_points(m, ystar):
        g = fd_grad(lambda f: _hinge(f, ystar), f0)
        for y in range(m):
            if y == ystar:
                continue
            ind = float(f0[ystar] < f0[y] + 1)
            rhs = {"valid": ind, "sign": -ind}[variant]
            ok = ok and close(g[y], rhs)
    return [ok]


def tou_hinge_target(variant):
    m, ystar = 6, 1
    ok = True
    for f0 in _hinge_points(m, ystar):
        g = fd_grad(lambda f: _hinge(f, ystar), f0)
        s = sum(float(f0[ystar] < f0[y] + 1) for y in range(m) if y != ystar)
        rhs = {"valid": -s, "sign": s}[variant]
        ok = ok and close(g[ystar], rhs)
    return [ok]


def _binary_setup():
    n, k = 8, 3
    x = RNG.normal(size=(n, k))
    y = (RNG.random(n) < 0.5).astype(float)
    lam = 0.7
    beta = RNG.normal(size=k)

    def loss(b):
        p = sigmoid(x @ b)
        return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) + lam * np.sum(b**2)

    return x, y, lam, beta, loss


def tou_logreg_grad(variant):
    x, y, lam, beta, loss = _binary_setup()
    g = fd_grad(loss, beta)
    p = sigmoid(x @ beta)
    c = {"valid": 2 * lam, "factor": lam, "swapped": 2 * lam}[variant]
    if variant == "swapped":
        mid = sum((y[i] - p[i]) * x[i] for i in range(len(y))) + c * beta
        rhs = x.T @ (y - p) + c * beta
    else:
        mid = sum((p[i] - y[i]) * x[i] for i in range(len(y))) + c * beta
        rhs = x.T @ (p - y) + c * beta
    return [close(g, mid), close(mid, rhs)]


def tou_logreg_hess(variant):
    x, y, lam, beta, loss = _binary_setup()
    h = fd_hess(loss, beta)
    p = sigmoid(x @ beta)
    w = np.diag(p * (1 - p))
    c = {"valid": 2 * lam, "factor": lam}[variant]
    rhs = x.T @ w @ x + c * np.eye(len(beta))
    return [None, close(h, rhs, tol=1e-4)]


def _mc_setup():
    n, k, m = 6, 3, 4
    x = RNG.normal(size=(n, k))
    labels = RNG.integers(0, m, size=n)
    yoh = np.eye(m)[labels]
    lam = 0.4
    bmat = RNG.normal(size=(k, m))

    def loss(bflat):
        b = bflat.reshape(k, m)
        s = x @ b
        logp = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
        return -np.sum(logp[np.arange(n), labels]) + lam * np.sum(b**2)

    def probs(b):
        s = x @ b
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    return x, yoh, lam, bmat, loss, probs


def tou_mc_grad(variant):
    x, yoh, lam, bmat, loss, probs = _mc_setup()
    k, m = bmat.shape
    g = fd_grad(loss, bmat.ravel()).reshape(k, m)
    p = probs(bmat)
    c = {"valid": 2 * lam, "sign": -2 * lam}[variant]
    ok1 = ok2 = True
    for cc in range(m):
        mid = sum((p[i, cc] - yoh[i, cc]) * x[i] for i in range(x.shape[0])) + c * bmat[:, cc]
        rhs = x.T @ (p[:, cc] - yoh[:, cc]) + c * bmat[:, cc]
        ok1 = ok1 and close(g[:, cc], mid)
        ok2 = ok2 and close(mid, rhs)
    return [ok1, ok2]


def tou_mc_hess(variant):
    x, yoh, lam, bmat, loss, probs = _mc_setup()
    k, m = bmat.shape
    h = fd_hess(loss, bmat.ravel())  # index of entry (r, c) is r * m + c
    p = probs(bmat)
    ok = True
    for c in range(m):
        for d in range(m):
            block = h[np.ix_([r * m + c for r in range(k)], [r * m + d for r in range(k)])]
            delta = float(c == d)
            w = np.diag(p[:, c] * (delta - p[:, d]))
            ridge = {"valid": 2 * delta * lam, "term": 2 * lam}[variant]
            ok = ok and close(block, x.T @ w @ x + ridge * np.eye(k), tol=1e-4)
    return [None, ok]


def tou_p1_sigmoid(variant):
    f1 = RNG.normal(size=5)
    f0 = 0.0
    lhs = np.exp(f1) / (np.exp(f0) + np.exp(f1))  # p(1|x) by the softmax definition
    mid = np.exp(f1) / (np.exp(f0) + np.exp(f1))

    def sig(z):
        return np.exp(z) / (1 + np.exp(z))

    rhs = {"valid": sig(f1), "sign": sig(-f1)}[variant]
    return [close(lhs, mid), close(mid, rhs)]


def tou_sigmoid_id(variant):
    z = RNG.normal(scale=2, size=7)
    mid = np.exp(z) / (1 + np.exp(z))
    rhs = {"valid": 1 / (np.exp(-z) + 1), "sign": 1 / (np.exp(z) + 1)}[variant]
    return [None, close(mid, rhs)]


def tou_leaky(variant):
    z = np.concatenate([RNG.uniform(-3, -0.1, 5), RNG.uniform(0.1, 3, 5)])
    mid = np.maximum(0.01 * z, z)
    if variant == "valid":
        rhs = np.where(z < 0, 0.01 * z, z)
    else:
        rhs = np.where(z >= 0, 0.01 * z, z)
    return [None, close(mid, rhs)]


def tou_relu(variant):
    z = np.concatenate([RNG.uniform(-3, -0.1, 5), RNG.uniform(0.1, 3, 5)])
    plus = np.maximum(z, 0)  # [z]_+
    mx = np.maximum(0, z)
    ind = (z >= 0) if variant == "valid" else (z <= 0)
    return [None, close(plus, mx), close(mx, z * ind)]


def tou_logratio(variant):
    f = RNG.normal(size=5)
    p = softmax(f)
    ok = True
    for y in range(5):
        for z in range(5):
            if y == z:
                continue
            rhs = np.log(p[y] / p[z]) if variant == "valid" else np.log(p[z] / p[y])
            ok = ok and close(f[y] - f[z], rhs)
    return [ok]


# ----------------------------------------------------------------------------- Dahal
def _dahal_a():
    a = RNG.normal(size=5)
    return a, np.exp(a), np.sum(np.exp(a))


def dah_sm_ii(variant):
    a, ea, s = _dahal_a()
    i = j = 2
    lhs = fd_grad(lambda v: np.exp(v[i]) / np.sum(np.exp(v)), a)[j]
    if variant == "valid":
        rhs = (ea[i] * s - ea[j] * ea[i]) / s**2
    else:
        rhs = ea[i] * s / s**2
    return [close(lhs, rhs)]


def dah_sm_ii_factor(variant):
    a, ea, s = _dahal_a()
    i = j = 3
    lhs = ea[i] * (s - ea[j]) / s**2
    den = s if variant == "valid" else s**2
    rhs = ea[j] / s * ((s - ea[j]) / den)
    return [close(lhs, rhs)]


def dah_sm_ij(variant):
    a, ea, s = _dahal_a()
    i, j = 1, 3
    lhs = fd_grad(lambda v: np.exp(v[i]) / np.sum(np.exp(v)), a)[j]
    den = s**2 if variant == "valid" else s
    rhs = (0 - ea[j] * ea[i]) / den
    return [close(lhs, rhs)]


def dah_sm_ij_split(variant):
    a, ea, s = _dahal_a()
    i, j = 0, 4
    lhs = (0 - ea[j] * ea[i]) / s**2
    sgn = -1 if variant == "valid" else 1
    rhs = (sgn * ea[j] / s) * (ea[i] / s)
    return [close(lhs, rhs)]


def dah_stable(variant):
    a, ea, s = _dahal_a()
    c = RNG.uniform(0.1, 20)
    i = 2
    lhs = c * ea[i] / (c * s)
    num = np.exp(a[i] + np.log(c))
    den = np.sum(np.exp(a + np.log(c))) if variant == "valid" else s
    return [close(lhs, num / den)]


def dah_ce_collect(variant):
    y = RNG.normal(size=5)
    p = RNG.random(5)
    i = 2  # 0-based; the sum excludes k = 1 (1-based), i.e. index 0
    sum_k = np.sum(y[1:])
    lhs = -y[i] + y[i] * p[i] + sum_k * p[i]
    sgn = 1 if variant == "valid" else -1
    rhs = p[i] * (y[i] + sgn * sum_k) - y[i]
    return [close(lhs, rhs)]


# ----------------------------------------------------------------------------- Zakka
def zak_xhat_x(variant):
    m, eps = 6, 1e-5
    x0 = RNG.normal(size=m)
    mu, var = RNG.normal(), RNG.uniform(0.5, 2)
    i = 3
    lhs = fd_grad(lambda v: (v[i] - mu) / np.sqrt(var + eps), x0)[i]
    sgn = 1 if variant == "valid" else -1
    return [close(lhs, sgn / np.sqrt(var + eps))]


def zak_var_x(variant):
    m = 6
    x0 = RNG.normal(size=m)
    mu = RNG.normal()
    i = 2
    lhs = fd_grad(lambda v: np.sum((v - mu) ** 2) / m, x0)[i]
    c = 2 if variant == "valid" else 1
    return [close(lhs, c * (x0[i] - mu) / m)]


def zak_var_mu(variant):
    m = 6
    x = RNG.normal(size=m)
    mu0 = x.mean() + 0.7  # mu as a free variable (at the batch mean both sides vanish)
    lhs = fd_grad(lambda u: np.sum((x - u[0]) ** 2) / m, np.array([mu0]))[0]
    sgn = -1 if variant == "valid" else 1
    rhs = np.sum(2 * (x - mu0) * sgn) / m
    return [close(lhs, rhs)]


# ----------------------------------------------------------------------------- JAX
def jax_silu(variant):
    x = RNG.normal(scale=2, size=7)
    mid = x * sigmoid(x)
    rhs = x / (1 + np.exp(-x)) if variant == "valid" else x / (1 + np.exp(x))
    return [None, close(mid, rhs)]


def jax_logsig(variant):
    x = RNG.normal(scale=2, size=7)
    mid = np.log(sigmoid(x))
    sgn = -1 if variant == "valid" else 1
    return [None, close(mid, sgn * np.log(1 + np.exp(-x)))]


def _sparse_plus(x):
    return np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1) ** 2 / 4))


def jax_sparseplus_deriv(variant):
    xs = np.concatenate(
        [RNG.uniform(-3, -1.05, 3), RNG.uniform(-0.95, 0.95, 5), RNG.uniform(1.05, 3, 3)]
    )
    lhs = np.array([fd_grad(lambda v: float(_sparse_plus(v[0])), np.array([x]))[0] for x in xs])
    c = 0.5 if variant == "valid" else 0.25
    rhs = np.where(xs <= -1, 0.0, np.where(xs < 1, c * (xs + 1), 1.0))
    return [close(lhs, rhs)]


def jax_log1pexp_deriv(variant):
    xs = RNG.normal(scale=2, size=6)
    lhs = np.array([fd_grad(lambda v: np.log(1 + np.exp(v[0])), np.array([x]))[0] for x in xs])
    rhs = np.exp(xs) / (1 + np.exp(xs)) if variant == "valid" else 1 / (1 + np.exp(xs))
    return [close(lhs, rhs)]


def jax_log1pexp_stable(variant):
    x = RNG.normal(scale=3, size=7)
    lhs = np.exp(x) / (1 + np.exp(x))
    sgn = -1 if variant == "valid" else 1
    return [close(lhs, 1 + sgn / (1 + np.exp(x)))]


def jax_sqrt_deriv(variant):
    xs = RNG.uniform(0.1, 5, 6)
    lhs = np.array([fd_grad(lambda v: v[0] / (1 + np.sqrt(v[0])), np.array([x]))[0] for x in xs])
    c = 2 if variant == "valid" else 1
    rhs = (np.sqrt(xs) + 2) / (c * (np.sqrt(xs) + 1) ** 2)
    return [close(lhs, rhs)]


def jax_sqrt_deriv0(variant):
    # one-sided derivative at the boundary of R_+, by SymPy limit and a tiny forward difference
    t = sp.Symbol("t", positive=True)
    f = t / (1 + sp.sqrt(t))
    exact = float(sp.limit(f / t, t, 0, "+"))
    h = 1e-12
    fd = (h / (1 + np.sqrt(h)) - 0.0) / h
    value = 1.0 if variant == "valid" else 0.5
    return [close(exact, value) and close(fd, value, tol=1e-4)]


def jax_implicit(variant):
    a = 0.3 * RNG.normal(size=(3, 3))
    b = RNG.normal(size=(3, 3))
    xk = np.zeros((3, 3))
    for _ in range(500):  # fixed-point iteration of X = B + A X
        xk = b + a @ xk
    inv = np.linalg.inv(np.eye(3) - a)
    rhs = inv @ b if variant == "valid" else b @ inv
    return [close(xk, rhs)]


# ----------------------------------------------------------------------------- fastbook
def fab_chain(variant):
    s = sp.Symbol("s")
    pairs = [(sp.sin(s), sp.exp(s**2)), (s**3 + s, sp.log(1 + s**2)), (sp.exp(s), sp.cos(s))]
    ok = True
    for f, g in pairs:
        comp = sp.lambdify(s, g.subs(s, f), "numpy")
        fp = sp.lambdify(s, sp.diff(f, s), "numpy")
        gp = sp.diff(g, s)
        for x0 in RNG.uniform(-1.2, 1.2, 4):
            lhs = fd_grad(lambda v, fn=comp: fn(v[0]), np.array([x0]))[0]
            arg = f.subs(s, x0) if variant == "valid" else x0
            rhs = float(gp.subs(s, arg)) * fp(x0)
            ok = ok and close(lhs, rhs)
    return [ok]


# ----------------------------------------------------------------------------- Koech
def koe(x, printed):
    return [numeric_value(float(sigmoid(x)), printed, 4)]


# ----------------------------------------------------------------------------- Bieber
def _bie():
    x = RNG.normal(size=5)
    e = np.exp(x)
    s = e.sum()
    return x, e, s, e / s


def _bie_jac(x):
    n = len(x)
    jac = np.zeros((n, n))
    for i in range(n):
        jac[i, :] = fd_grad(lambda v, row=i: softmax(v)[row], x)
    return jac


def bie_ii_quot(variant):
    x, e, s, y = _bie()
    i = j = 1
    lhs = _bie_jac(x)[i, j]
    sgn = -1 if variant == "valid" else 1
    return [close(lhs, (s * e[i] + sgn * e[i] * e[i]) / s**2)]


def bie_ii(variant):
    x, e, s, y = _bie()
    i = j = 3
    lhs = _bie_jac(x)[i, j]
    rhs = y[i] * (1 - y[i]) if variant == "valid" else (1 - y[i])
    return [close(lhs, rhs)]


def bie_ij_quot(variant):
    x, e, s, y = _bie()
    i, j = 0, 2
    lhs = _bie_jac(x)[i, j]
    sgn = -1 if variant == "valid" else 1
    return [close(lhs, sgn * e[i] / s * e[j] / s)]


def bie_ij(variant):
    x, e, s, y = _bie()
    i, j = 4, 1
    lhs = _bie_jac(x)[i, j]
    rhs = -y[i] * y[j] if variant == "valid" else -y[i] * y[i]
    return [close(lhs, rhs)]


def bie_cases(variant):
    x, e, s, y = _bie()
    jac = _bie_jac(x)
    n = len(x)
    rhs = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            diag = y[i] * (1 - y[i])
            off = -y[i] * y[j]
            if variant == "valid":
                rhs[i, j] = diag if i == j else off
            else:
                rhs[i, j] = off if i == j else diag
    return [close(jac, rhs)]


def _bie_loss_setup():
    x, e, s, y = _bie()
    t = np.eye(5)[2]
    g = fd_grad(lambda v: -np.sum(t * np.log(softmax(v))), x)
    return x, y, t, g, _bie_jac(x)


def bie_chain(variant):
    x, y, t, g, jac = _bie_loss_setup()
    if variant == "valid":
        rhs = np.array([-np.sum(t / y * jac[:, j]) for j in range(5)])
    else:
        rhs = np.array([-np.sum(t * jac[:, j]) for j in range(5)])
    return [close(g, rhs)]


def bie_sumcases(variant):
    x, y, t, g, jac = _bie_loss_setup()
    mid = np.array([-np.sum(t / y * jac[:, j]) for j in range(5)])
    rhs = np.zeros(5)
    for j in range(5):
        for i in range(5):
            if i == j:
                rhs[j] += t[i] * (y[i] - 1) if variant == "valid" else t[i] * (1 - y[i])
            else:
                rhs[j] += t[i] * y[j]
    return [close(g, mid), close(mid, rhs)]


def bie_final(variant):
    x, y, t, g, jac = _bie_loss_setup()
    rhs = y - t if variant == "valid" else t - y
    return [close(g, rhs)]


# ----------------------------------------------------------------------------- lim-to-arb
_Z = sp.Symbol("z")
_G = 1 / (1 + sp.exp(-_Z))
_GP = sp.diff(_G, _Z)
_E = sp.exp(-_Z)
_D = sp.Derivative


def _lta_rhs(name):
    z = _Z
    table = {
        "altform": sp.exp(z) / (1 + sp.exp(z)),
        "altform-sign": sp.exp(-z) / (1 + sp.exp(-z)),
        "dz": sp.diff(1 / (1 + _E), z),
        "recip": -_D(1 + _E, z).doit() / (1 + _E) ** 2,
        "recip-sign": _D(1 + _E, z).doit() / (1 + _E) ** 2,
        "sumrule": -(_D(sp.Integer(1), z).doit() + _D(_E, z).doit()) / (1 + _E) ** 2,
        "sumrule-sign": -(_D(sp.Integer(1), z).doit() - _D(_E, z).doit()) / (1 + _E) ** 2,
        "negneg": -(sp.Integer(-1) * _E) / (1 + _E) ** 2,
        "negneg-sign": -_E / (1 + _E) ** 2,
        "square": _E / (1 + _E) ** 2,
        "expand": _E / ((1 + _E) * (1 + _E)),
        "expand-factor": _E / (1 + _E),
        "product": 1 / (1 + _E) * (_E / (1 + _E)),
        "product-sign": 1 / (1 + _E) * (sp.exp(z) / (1 + _E)),
        "addzero": 1 / (1 + _E) * ((1 + _E - 1) / (1 + _E)),
        "addzero-mut": 1 / (1 + _E) * ((1 + _E + 1) / (1 + _E)),
        "difference": 1 / (1 + _E) * ((1 + _E) / (1 + _E) - 1 / (1 + _E)),
        "difference-sign": 1 / (1 + _E) * ((1 + _E) / (1 + _E) + 1 / (1 + _E)),
        "final": _G * (1 - _G),
        "final-sigmaprime": _G,
    }
    return table[name]


def lta(name):
    lhs = _G if name.startswith("altform") else _GP
    zs = RNG.uniform(-4, 4, 7)
    fl = sp.lambdify(_Z, lhs, "numpy")
    fr = sp.lambdify(_Z, _lta_rhs(name) + 0 * _Z, "numpy")
    return [close(fl(zs), fr(zs), tol=1e-9)]


# ----------------------------------------------------------------------------- Learned-Miller
def _lm_setup():
    d, c = 9, 9
    return RNG.normal(size=d), RNG.normal(size=(d, c))


def lm_colsum(variant):
    x, w = _lm_setup()
    y = w @ x
    rhs = sum((w[2, j] if variant == "valid" else w[j, 2]) * x[j] for j in range(9))
    return [close(y[2], rhs)]


def lm_rowsum(variant):
    x, w = _lm_setup()
    y = x @ w
    rhs = sum(x[j] * (w[j, 2] if variant == "valid" else w[2, j]) for j in range(9))
    return [close(y[2], rhs)]


def lm_row_dx(variant):
    x, w = _lm_setup()
    lhs = fd_grad(lambda v: (v @ w)[2], x)[6]
    rhs = w[6, 2] if variant == "valid" else w[2, 6]
    return [close(lhs, rhs)]


def lm_dw_zero(variant):
    x, w = _lm_setup()
    lhs = fd_grad(lambda m: (x @ m)[2], w)[6, 7]
    rhs = 0.0 if variant == "valid" else x[6]
    return [close(lhs, rhs)]


def lm_dw(variant):
    x, w = _lm_setup()
    ok = True
    for i, j in [(0, 3), (4, 1), (7, 8), (2, 2)]:
        lhs = fd_grad(lambda m, col=j: (x @ m)[col], w)[i, j]
        rhs = x[i] if variant == "valid" else x[j]
        ok = ok and close(lhs, rhs)
    return [ok]


# ----------------------------------------------------------------------------- ML Mastery
_X, _Y = sp.symbols("x y")
_F3 = _X**3 + 2 * _X**2 - 4 * _X + 1


def mlm_deriv(order, rhs):
    zs = RNG.uniform(-3, 3, 6)
    lhs = sp.lambdify(_X, sp.diff(_F3, _X, order) + 0 * _X, "numpy")(zs)
    r = sp.lambdify(_X, sp.sympify(rhs) + 0 * _X, "numpy")(zs)
    return [close(lhs, r)]


def mlm_leibniz(variant):
    s = sp.Symbol("s")
    ok = True
    for f, g in [(sp.sin(s), s**3 + 2), (sp.exp(2 * s), sp.log(2 + s**2)), (s**4, sp.cos(3 * s))]:
        lhs = sp.diff(f * g, s, 2)
        c = 2 if variant == "valid" else 1
        rhs = sp.diff(f, s, 2) * g + c * sp.diff(f, s) * sp.diff(g, s) + f * sp.diff(g, s, 2)
        fl = sp.lambdify(s, lhs, "numpy")
        fr = sp.lambdify(s, rhs, "numpy")
        zs = RNG.uniform(-1, 1, 5)
        ok = ok and close(fl(zs), fr(zs))
    return [ok]


def mlm_partial(var, rhs):
    f = _X**2 + 3 * _X * _Y + 4 * _Y**2
    pts = RNG.normal(size=(6, 2))
    lhs = sp.lambdify((_X, _Y), sp.diff(f, var), "numpy")(pts[:, 0], pts[:, 1])
    r = sp.lambdify((_X, _Y), sp.sympify(rhs, locals={"x": _X, "y": _Y}), "numpy")(
        pts[:, 0], pts[:, 1]
    )
    return [close(lhs, r)]


# ----------------------------------------------------------------------------- claim table
def V(fn, variant="valid"):
    return lambda: fn(variant)


CLAIMS = {
    "p-tou-ls-grad": V(tou_ls),
    "p-tou-ls-grad-factor": V(tou_ls, "factor"),
    "p-tou-ls-grad-sign": V(tou_ls, "sign"),
    "p-tou-sqerr-grad": V(tou_sqerr),
    "p-tou-sqerr-grad-factor": V(tou_sqerr, "factor"),
    "p-tou-nll-grad": V(tou_nll),
    "p-tou-nll-grad-sign": V(tou_nll, "sign"),
    "p-tou-hinge-nontarget": V(tou_hinge_nontarget),
    "p-tou-hinge-nontarget-sign": V(tou_hinge_nontarget, "sign"),
    "p-tou-hinge-target": V(tou_hinge_target),
    "p-tou-hinge-target-sign": V(tou_hinge_target, "sign"),
    "p-tou-logreg-grad": V(tou_logreg_grad),
    "p-tou-logreg-grad-factor": V(tou_logreg_grad, "factor"),
    "p-tou-logreg-grad-sign": V(tou_logreg_grad, "swapped"),
    "p-tou-logreg-hess": V(tou_logreg_hess),
    "p-tou-logreg-hess-factor": V(tou_logreg_hess, "factor"),
    "p-tou-mc-grad": V(tou_mc_grad),
    "p-tou-mc-grad-sign": V(tou_mc_grad, "sign"),
    "p-tou-mc-hess": V(tou_mc_hess),
    "p-tou-mc-hess-term": V(tou_mc_hess, "term"),
    "p-tou-p1-sigmoid": V(tou_p1_sigmoid),
    "p-tou-p1-sigmoid-sign": V(tou_p1_sigmoid, "sign"),
    "p-tou-sigmoid-id": V(tou_sigmoid_id),
    "p-tou-sigmoid-id-sign": V(tou_sigmoid_id, "sign"),
    "p-tou-leaky": V(tou_leaky),
    "p-tou-leaky-swapped": V(tou_leaky, "swapped"),
    "p-tou-relu": V(tou_relu),
    "p-tou-relu-sign": V(tou_relu, "sign"),
    "p-tou-logratio": V(tou_logratio),
    "p-tou-logratio-swapped": V(tou_logratio, "swapped"),
    "p-dah-sm-ii": V(dah_sm_ii),
    "p-dah-sm-ii-term": V(dah_sm_ii, "term"),
    "p-dah-sm-ii-factor": V(dah_sm_ii_factor),
    "p-dah-sm-ii-factor-factor": V(dah_sm_ii_factor, "factor"),
    "p-dah-sm-ij": V(dah_sm_ij),
    "p-dah-sm-ij-factor": V(dah_sm_ij, "factor"),
    "p-dah-sm-ij-split": V(dah_sm_ij_split),
    "p-dah-sm-ij-split-sign": V(dah_sm_ij_split, "sign"),
    "p-dah-stable": V(dah_stable),
    "p-dah-stable-term": V(dah_stable, "term"),
    "p-dah-ce-collect": V(dah_ce_collect),
    "p-dah-ce-collect-sign": V(dah_ce_collect, "sign"),
    "p-zak-xhat-x": V(zak_xhat_x),
    "p-zak-xhat-x-sign": V(zak_xhat_x, "sign"),
    "p-zak-var-x": V(zak_var_x),
    "p-zak-var-x-factor": V(zak_var_x, "factor"),
    "p-zak-var-mu": V(zak_var_mu),
    "p-zak-var-mu-sign": V(zak_var_mu, "sign"),
    "p-jax-silu": V(jax_silu),
    "p-jax-silu-sign": V(jax_silu, "sign"),
    "p-jax-logsig": V(jax_logsig),
    "p-jax-logsig-sign": V(jax_logsig, "sign"),
    "p-jax-sparseplus-deriv": V(jax_sparseplus_deriv),
    "p-jax-sparseplus-deriv-factor": V(jax_sparseplus_deriv, "factor"),
    "p-jax-log1pexp-deriv": V(jax_log1pexp_deriv),
    "p-jax-log1pexp-deriv-factor": V(jax_log1pexp_deriv, "factor"),
    "p-jax-log1pexp-stable": V(jax_log1pexp_stable),
    "p-jax-log1pexp-stable-sign": V(jax_log1pexp_stable, "sign"),
    "p-jax-sqrt-deriv": V(jax_sqrt_deriv),
    "p-jax-sqrt-deriv-factor": V(jax_sqrt_deriv, "factor"),
    "p-jax-sqrt-deriv0": V(jax_sqrt_deriv0),
    "p-jax-sqrt-deriv0-factor": V(jax_sqrt_deriv0, "factor"),
    "p-jax-implicit": V(jax_implicit),
    "p-jax-implicit-order": V(jax_implicit, "order"),
    "p-fab-chain": V(fab_chain),
    "p-fab-chain-index": V(fab_chain, "index"),
    "p-koe-g-m55": lambda: koe(-5.5, 0.0040),
    "p-koe-g-m55-sign": lambda: koe(-5.5, 0.9959),
    "p-koe-g-65": lambda: koe(6.5, 0.9984),
    "p-koe-g-65-sign": lambda: koe(6.5, 0.0015),
    "p-koe-g-04": lambda: koe(0.4, 0.5986),
    "p-koe-g-04-sigmaprime": lambda: koe(0.4, 0.2403),
    "p-bie-ii-quot": V(bie_ii_quot),
    "p-bie-ii-quot-sign": V(bie_ii_quot, "sign"),
    "p-bie-ii": V(bie_ii),
    "p-bie-ii-factor": V(bie_ii, "factor"),
    "p-bie-ij-quot": V(bie_ij_quot),
    "p-bie-ij-quot-sign": V(bie_ij_quot, "sign"),
    "p-bie-ij": V(bie_ij),
    "p-bie-ij-index": V(bie_ij, "index"),
    "p-bie-cases": V(bie_cases),
    "p-bie-cases-swapped": V(bie_cases, "swapped"),
    "p-bie-chain": V(bie_chain),
    "p-bie-chain-factor": V(bie_chain, "factor"),
    "p-bie-sumcases": V(bie_sumcases),
    "p-bie-sumcases-sign": V(bie_sumcases, "sign"),
    "p-bie-final": V(bie_final),
    "p-bie-final-swapped": V(bie_final, "swapped"),
    "p-lta-altform": lambda: lta("altform"),
    "p-lta-altform-sign": lambda: lta("altform-sign"),
    "p-lta-recip": lambda: lta("recip"),
    "p-lta-recip-sign": lambda: lta("recip-sign"),
    "p-lta-sumrule": lambda: lta("sumrule"),
    "p-lta-sumrule-sign": lambda: lta("sumrule-sign"),
    "p-lta-negneg": lambda: lta("negneg"),
    "p-lta-negneg-sign": lambda: lta("negneg-sign"),
    "p-lta-expand": lambda: lta("expand"),
    "p-lta-expand-factor": lambda: lta("expand-factor"),
    "p-lta-product": lambda: lta("product"),
    "p-lta-product-sign": lambda: lta("product-sign"),
    "p-lta-difference": lambda: lta("difference"),
    "p-lta-difference-sign": lambda: lta("difference-sign"),
    "p-lta-final": lambda: lta("final"),
    "p-lta-final-sigmaprime": lambda: lta("final-sigmaprime"),
    "p-lm-colsum": V(lm_colsum),
    "p-lm-colsum-transpose": V(lm_colsum, "transpose"),
    "p-lm-rowsum": V(lm_rowsum),
    "p-lm-rowsum-transpose": V(lm_rowsum, "transpose"),
    "p-lm-row-dx": V(lm_row_dx),
    "p-lm-row-dx-transpose": V(lm_row_dx, "transpose"),
    "p-lm-dW-zero": V(lm_dw_zero),
    "p-lm-dW-zero-index": V(lm_dw_zero, "index"),
    "p-lm-dW": V(lm_dw),
    "p-lm-dW-index": V(lm_dw, "index"),
    "p-mlm-d1": lambda: mlm_deriv(1, "3*x**2 + 4*x - 4"),
    "p-mlm-d1-factor": lambda: mlm_deriv(1, "3*x**2 + 2*x - 4"),
    "p-mlm-d2": lambda: mlm_deriv(2, "6*x + 4"),
    "p-mlm-d2-factor": lambda: mlm_deriv(2, "3*x + 4"),
    "p-mlm-d3": lambda: mlm_deriv(3, "6"),
    "p-mlm-d3-term": lambda: mlm_deriv(3, "6*x"),
    "p-mlm-d4": lambda: mlm_deriv(4, "0"),
    "p-mlm-d4-index": lambda: mlm_deriv(4, "6"),
    "p-mlm-leibniz2": V(mlm_leibniz),
    "p-mlm-leibniz2-factor": V(mlm_leibniz, "factor"),
    "p-mlm-fx": lambda: mlm_partial(_X, "2*x + 3*y"),
    "p-mlm-fx-swapped": lambda: mlm_partial(_X, "3*x + 8*y"),
    "p-mlm-fy": lambda: mlm_partial(_Y, "3*x + 8*y"),
    "p-mlm-fy-factor": lambda: mlm_partial(_Y, "3*x + 4*y"),
}


# ----------------------------------------------------------------------------- document links
def _lta_doc(mutated):
    seq = [
        "dz",
        "recip",
        "sumrule",
        "negneg-sign" if mutated else "negneg",
        "square",
        "expand",
        "product",
        "addzero-mut" if mutated else "addzero",
        "difference",
        "final",
    ]
    lines = [20, 24, 28, 32, 36, 40, 44, 48, 52, 56]
    table = {14: lambda: [None]}
    for ln, name in zip(lines, seq, strict=True):
        table[ln] = (lambda nm: lambda: lta(nm))(name)
    return table


def _bie_doc_line10():
    x, e, s, y = _bie()
    return [None, close(softmax(x), e / s)]


def _bie_doc_line32():
    x, e, s, y = _bie()
    i = 2
    lhs = _bie_jac(x)[i, i]
    return [close(lhs, e[i] / s * ((s - e[i]) / s))]


def _bie_doc_line38():
    x, e, s, y = _bie()
    i, j = 3, 0
    lhs = _bie_jac(x)[i, j]
    return [close(lhs, (s * 0 - e[i] * e[j]) / s**2)]


def _tou_doc_ce():
    x, yoh, lam, bmat, loss, probs = _mc_setup()
    p = probs(bmat)
    labels = yoh.argmax(axis=1)
    a = -np.sum(np.log(p[np.arange(len(labels)), labels])) + lam * np.sum(bmat**2)
    m = bmat.shape[1]
    b = -sum(
        float(labels[i] == z) * np.log(p[i, z]) for i in range(len(labels)) for z in range(m)
    ) + lam * np.sum(bmat**2)
    return [close(a, b)]


def _tou_doc_binary_loss():
    x, y, lam, beta, loss = _binary_setup()
    p1 = sigmoid(x @ beta)
    py = np.where(y == 1, p1, 1 - p1)  # p(y_i|x_i) in the binary model
    a = -np.sum(np.log(py)) + lam * np.sum(beta**2)
    b = -np.sum(y * np.log(p1) + (1 - y) * np.log(1 - p1)) + lam * np.sum(beta**2)
    return [close(a, loss(beta)), close(a, b)]


DOCS = {
    "lta-sigmoid-derivative": _lta_doc(False),
    "lta-sigmoid-derivative-mutated": _lta_doc(True),
    "bieber-softmax-cross-entropy": {
        10: _bie_doc_line10,
        16: lambda: [None],
        22: V(bie_chain),
        30: V(bie_ii_quot),
        32: _bie_doc_line32,
        34: V(bie_ii),
        38: _bie_doc_line38,
        40: V(bie_ij_quot),
        42: V(bie_ij),
        46: V(bie_cases),
        50: V(bie_sumcases),
        54: V(bie_final),
    },
    "toussaint-logistic-regression": {
        10: lambda: [None],
        16: lambda: [None],
        20: _tou_doc_ce,
        26: V(tou_mc_grad),
        32: V(tou_mc_hess),
        40: lambda: [None],
        44: V(tou_p1_sigmoid),
        50: _tou_doc_binary_loss,
        56: V(tou_logreg_grad),
        62: V(tou_logreg_hess),
    },
}


# ----------------------------------------------------------------------------- driver
def parse_claims():
    text = (HERE / "claims.yaml").read_text()
    ids = re.findall(r"^- id: (\S+)$", text, flags=re.M)
    expects = re.findall(r"^  expect: (valid|invalid)$", text, flags=re.M)
    assert len(ids) == len(expects), "claims.yaml: id/expect mismatch"
    return list(zip(ids, expects, strict=True))


def parse_expect(path):
    out = {}
    line = None
    for raw in path.read_text().splitlines():
        m = re.match(r"^  - line: (\d+)$", raw)
        if m:
            line = int(m.group(1))
        m = re.match(r"^    expect: \[(.*)\]$", raw)
        if m:
            out[line] = [s.strip() for s in m.group(1).split(",")]
    return out


def main():
    confirmed = failed = 0

    def report(ok, label, detail):
        nonlocal confirmed, failed
        if ok:
            confirmed += 1
        else:
            failed += 1
        print(f"{'ok  ' if ok else 'FAIL'} {label}: {detail}")

    claims = parse_claims()
    for cid, expect in claims:
        if cid not in CLAIMS:
            report(False, cid, "no check coded")
            continue
        links = [v for v in CLAIMS[cid]() if v is not None]
        holds = all(links)
        ok = holds == (expect == "valid")
        report(ok, cid, f"expect {expect}, links hold {links}")
    extra = set(CLAIMS) - {c for c, _ in claims}
    for cid in sorted(extra):
        report(False, cid, "check coded but claim missing")

    for name, table in DOCS.items():
        exp = parse_expect(HERE / "docs" / f"{name}.expect.yaml")
        if set(exp) != set(table):
            report(False, name, f"line sets differ {sorted(exp)} vs {sorted(table)}")
            continue
        for line in sorted(exp):
            got = table[line]()
            want = exp[line]
            if len(got) != len(want):
                report(False, f"{name}:{line}", f"link count {len(got)} vs {len(want)}")
                continue
            ok = True
            for g, w in zip(got, want, strict=True):
                if w == "definition":
                    ok = ok and g is None
                else:
                    ok = ok and g is not None and g == (w == "valid")
            report(ok, f"{name}:{line}", f"expect {want}, links hold {got}")

    print(f"{confirmed} confirmed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
