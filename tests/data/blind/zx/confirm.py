# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zx).

Each claim and each document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences); printed numbers are compared exactly (integers) or to
one unit of the last printed digit.  No LaTeX is parsed.  A chain A = B = C holds only when every
link holds.  A matrix expression whose shapes do not fit (numpy raises) counts as not holding.
Exit status 1 on any disagreement.
"""
import pathlib
import re
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(2028)
RTOL, ATOL = 1e-5, 1e-7
NPTS = 5


def close(a, b, rtol=RTOL, atol=ATOL):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def num(value, printed, unit):
    v = np.atleast_1d(np.asarray(value, float))
    p = np.atleast_1d(np.asarray(printed, float))
    return v.shape == p.shape and bool(np.all(np.abs(v - p) <= unit * (1 + 1e-9)))


def fd(f, x, h=1e-6):
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def jac(F, x):
    """numerator-layout Jacobian (rows = outputs) of vector map F at vector x"""
    out = np.atleast_1d(F(x))
    return np.array([fd(lambda v, i=i: np.atleast_1d(F(v))[i], x) for i in range(out.size)])


def safe_links(fn):
    try:
        return [bool(v) for v in fn()]
    except (ValueError, IndexError):  # shapes do not fit: the relation does not hold
        return [False]


def chain_all(fn, n=NPTS):
    """per-link truth over n random points (a link holds if it holds at every point)"""
    res = None
    for _ in range(n):
        r = safe_links(fn)
        res = r if res is None else [a and b for a, b in zip(res, r)] if len(r) == len(res) else [False] * len(res)
    return res


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
dtanh = lambda x: 1.0 - np.tanh(x) ** 2

CHECK = {}


def pair(base, fns):
    """fns: {suffix or 'ok': callable returning list of link truths}"""
    for suf, fn in fns.items():
        cid = base if suf == "ok" else base + "-" + suf
        assert cid not in CHECK, cid
        CHECK[cid] = (lambda f: (lambda: all(chain_all(f))))(fn)


# ======================= Ukrainian: logistic regression (YelizavetaP) =======================
def uk_point():
    m, n = 5, 3
    X = rng.normal(size=(m, n))
    y = rng.integers(0, 2, size=m).astype(float)
    th = rng.normal(size=n)
    L = lambda t: -np.mean(y * np.log(sig(X @ t)) + (1 - y) * np.log(1 - sig(X @ t)))
    return m, n, X, y, th, L


def uk_split(sign):
    def f():
        m, n, X, y, th, L = uk_point()
        dlogh = np.array([fd(lambda t: np.log(sig(X[i] @ t)), th) for i in range(m)])
        dlog1 = np.array([fd(lambda t: np.log(1 - sig(X[i] @ t)), th) for i in range(m)])
        rhs = sign * (1 / m) * np.sum(y[:, None] * dlogh + (1 - y)[:, None] * dlog1, axis=0)
        return [close(fd(L, th), rhs)]
    return f


def uk_dh(withx):
    def f():
        m, n, X, y, th, L = uk_point()
        i = rng.integers(m)
        hi = sig(X[i] @ th)
        rhs = hi * (1 - hi) * (X[i] if withx else np.ones(n))
        return [close(fd(lambda t: sig(X[i] @ t), th), rhs)]
    return f


def uk_dlogh(withx):
    def f():
        m, n, X, y, th, L = uk_point()
        i = rng.integers(m)
        hi = sig(X[i] @ th)
        s1 = fd(lambda t: np.log(sig(X[i] @ t)), th)
        s2 = 1 / hi * fd(lambda t: sig(X[i] @ t), th)
        s3 = 1 / hi * hi * (1 - hi) * X[i]
        s4 = (1 - hi) * (X[i] if withx else np.ones(n))
        return [close(s1, s2), close(s2, s3), close(s3, s4)]
    return f


def uk_dlog1mh(sign):
    def f():
        m, n, X, y, th, L = uk_point()
        i = rng.integers(m)
        hi = sig(X[i] @ th)
        s1 = fd(lambda t: np.log(1 - sig(X[i] @ t)), th)
        s2 = -1 / (1 - hi) * fd(lambda t: 1 - sig(X[i] @ t), th)
        s3 = -1 / (1 - hi) * (-hi * (1 - hi) * X[i])
        s4 = sign * hi * X[i]
        return [close(s1, s2), close(s2, s3), close(s3, s4)]
    return f


def uk_sum(kind):
    def f():
        m, n, X, y, th, L = uk_point()
        h = sig(X @ th)
        if kind == "combine":
            t = y[:, None] * (1 - h)[:, None] * X + (1 - y)[:, None] * (-h)[:, None] * X
            r = -(1 / m) * t.sum(0)
        elif kind == "combine-swap":
            t = (1 - y)[:, None] * (1 - h)[:, None] * X + y[:, None] * (-h)[:, None] * X
            r = -(1 / m) * t.sum(0)
        elif kind == "combine2":
            t = y[:, None] * (1 - h)[:, None] * X - (1 - y)[:, None] * h[:, None] * X
            r = -(1 / m) * t.sum(0)
        elif kind in ("expand", "expand-sign"):
            s = -1 if kind == "expand" else 1
            t = (y[:, None] * X - (y * h)[:, None] * X + s * h[:, None] * X + (y * h)[:, None] * X)
            r = -(1 / m) * t.sum(0)
        elif kind == "reduced":
            r = -(1 / m) * (y[:, None] * X - h[:, None] * X).sum(0)
        elif kind == "final":
            r = (1 / m) * ((h - y)[:, None] * X).sum(0)
        elif kind == "final-swap":
            r = (1 / m) * ((y - h)[:, None] * X).sum(0)
        return [close(fd(L, th), r)]
    return f


pair("zx-uk-split", {"ok": uk_split(-1), "sign": uk_split(+1)})
pair("zx-uk-dh", {"ok": uk_dh(True), "nox": uk_dh(False)})
pair("zx-uk-dlogh", {"ok": uk_dlogh(True), "nox": uk_dlogh(False)})
pair("zx-uk-dlog1mh", {"ok": uk_dlog1mh(-1), "sign": uk_dlog1mh(+1)})
pair("zx-uk-combine", {"ok": uk_sum("combine"), "swap": uk_sum("combine-swap")})
pair("zx-uk-expand", {"ok": uk_sum("expand"), "sign": uk_sum("expand-sign")})
pair("zx-uk-final", {"ok": uk_sum("final"), "swap": uk_sum("final-swap")})


# ----- linear regression, matrix form (YelizavetaP) -----
def lin_point():
    m, n = 5, 3
    X = rng.normal(size=(m, n))
    th = rng.normal(size=(n, 1))
    y = rng.normal(size=(m, 1))
    Lf = lambda t: ((y - X @ t).T @ (y - X @ t)).item()
    return X, th, y, Lf


def lin(kind):
    def f():
        X, th, y, Lf = lin_point()
        L = Lf(th)
        if kind == "transpose":
            return [close(L, ((y.T - th.T @ X.T) @ (y - X @ th)).item())]
        if kind == "transpose-order":
            return [close(L, ((y.T - X.T @ th.T) @ (y - X @ th)).item())]
        if kind in ("expand", "expand-sign"):
            s = -1 if kind == "expand" else 1
            return [close(L, (y.T @ y + s * y.T @ X @ th - th.T @ X.T @ y + th.T @ X.T @ X @ th).item())]
        if kind in ("merge", "merge-factor"):
            c = 2 if kind == "merge" else 1
            return [close(L, (y.T @ y - c * th.T @ X.T @ y + th.T @ X.T @ X @ th).item())]
        if kind in ("grad", "grad-factor"):
            c = 2 if kind == "grad" else 1
            return [close(fd(Lf, th), 0 - 2 * X.T @ y + c * X.T @ X @ th)]
    return f


pair("zx-uk-lin-transpose", {"ok": lin("transpose"), "order": lin("transpose-order")})
pair("zx-uk-lin-expand", {"ok": lin("expand"), "sign": lin("expand-sign")})
pair("zx-uk-lin-merge", {"ok": lin("merge"), "factor": lin("merge-factor")})
pair("zx-uk-lin-grad", {"ok": lin("grad"), "factor": lin("grad-factor")})


# ======================= Arabic: NYU DLSP20 =======================
def ar_nonlin(prime):
    def f():
        s = rng.normal()
        h = np.tanh
        C = lambda z: z ** 3 + np.sin(z)
        side1 = d1(lambda v: C(h(v)), s)
        dCdz = d1(C, h(s))
        side2 = dCdz * d1(h, s)
        side3 = dCdz * (dtanh(s) if prime else np.tanh(s))
        return [close(side1, side2), close(side2, side3)]
    return f


def ar_chain(inner):
    def f():
        s = rng.normal()
        lhs = d1(lambda v: np.sin(np.exp(v)), s)
        rhs = np.cos(np.exp(s) if inner else s) * np.exp(s)
        return [close(lhs, rhs)]
    return f


def ar_sum(full):
    def f():
        w = rng.normal(size=3)
        c = rng.normal(size=3)
        z = rng.normal()
        C = lambda s: s[0] ** 2 * s[1] + np.sin(s[2]) + s[0] * s[2]
        s0 = w * z + c
        lhs = d1(lambda v: C(w * v + c), z)
        part = fd(C, s0)
        terms = part * w
        rhs = terms.sum() if full else terms[:2].sum()
        return [close(lhs, rhs)]
    return f


def stage_point():
    dk, dk1 = 3, 4
    W = rng.normal(size=(dk1, dk))
    z = rng.normal(size=dk)
    f = lambda v, Wm=W: np.tanh(Wm @ v)
    c = lambda u: np.sum(np.sin(u)) + u[0] ** 2
    return dk, dk1, W, z, f, c


def ar_stage(order):
    def f():
        dk, dk1, W, z, fk, c = stage_point()
        g_k = fd(lambda v: c(fk(v)), z).reshape(1, dk)
        g_k1 = fd(c, fk(z)).reshape(1, dk1)
        J = jac(fk, z)
        if order:
            return [close(g_k, g_k1 @ J), close(g_k1 @ J, g_k1 @ J)]
        return [close(g_k, J @ g_k1), close(J @ g_k1, J @ g_k1)]
    return f


def ar_stage_w():
    dk, dk1, W, z, fk, c = stage_point()
    fw = lambda wv: np.tanh(wv.reshape(dk1, dk) @ z)
    g_w = fd(lambda wv: c(fw(wv)), W.ravel()).reshape(1, -1)
    g_k1 = fd(c, fk(z)).reshape(1, dk1)
    Jw = jac(fw, W.ravel())
    return [close(g_w, g_k1 @ Jw), close(g_k1 @ Jw, g_k1 @ Jw)]


def ar_generic_chain():
    # dc/dz_f = dc/dz_g dz_g/dz_f (row gradients), z_g = tanh(A z_f)
    dk, dk1, W, z, fk, c = stage_point()
    return [close(fd(lambda v: c(fk(v)), z).reshape(1, dk), fd(c, fk(z)).reshape(1, dk1) @ jac(fk, z))]


def sgd_point():
    n, d = 4, 3
    A = rng.normal(size=(n, d, d))
    b = rng.normal(size=(n, d))
    w = rng.normal(size=d)
    gam = rng.uniform(0.05, 0.5)
    gi = lambda i, v: A[i].T @ (A[i] @ v - b[i])
    F = lambda v: np.mean([0.5 * np.sum((A[i] @ v - b[i]) ** 2) for i in range(n)])
    return n, w, gam, gi, F


def ar_sgd(kind):
    def f():
        n, w, gam, gi, F = sgd_point()
        Ew1 = np.mean([w - gam * gi(i, w) for i in range(n)], axis=0)
        Eg = np.mean([gi(i, w) for i in range(n)], axis=0)
        s2 = w - gam * Eg
        s3 = w - gam * (1 if kind == "ok" else n) * fd(F, w)
        return [close(Ew1, s2), close(s2, s3)]
    return f


def ar_unbiased(kind):
    def f():
        n, w, gam, gi, F = sgd_point()
        Eg = np.mean([gi(i, w) for i in range(n)], axis=0)
        return [close(Eg, fd(F, w) * (1 if kind == "ok" else 1 / n))]
    return f


pair("zx-ar-nonlin", {"ok": ar_nonlin(True), "noprime": ar_nonlin(False)})
pair("zx-ar-chain", {"ok": ar_chain(True), "inner": ar_chain(False)})
pair("zx-ar-sum", {"ok": ar_sum(True), "term": ar_sum(False)})
pair("zx-ar-stage", {"ok": ar_stage(True), "order": ar_stage(False)})
pair("zx-ar-sgd-exp", {"ok": ar_sgd("ok"), "factor": ar_sgd("factor")})
pair("zx-ar-unbiased", {"ok": ar_unbiased("ok"), "factor": ar_unbiased("factor")})


# ======================= Hebrew: Technion lecture 10 =======================
def he_sqloss(sign):
    def f():
        a = rng.normal(size=3)
        th = rng.normal(size=3)
        t = rng.normal()
        yf = lambda v: np.sin(v @ a) + v[0] ** 2
        Lf = lambda v: (yf(v) - t) ** 2
        return [close(fd(Lf, th), 2 * sign * (yf(th) - t) * fd(yf, th))]
    return f


def chain_point():
    z1, t2, t3, t4 = rng.normal(size=4)
    h2 = lambda z, t: np.tanh(t * z)
    h3 = lambda z, t: np.sin(t * z) + z
    h4 = lambda z, t: np.exp(0.3 * t * z)
    return z1, t2, t3, t4, h2, h3, h4


def he_theta2(kind):
    def f():
        z1, t2, t3, t4, h2, h3, h4 = chain_point()
        z2 = h2(z1, t2)
        yz2 = lambda v: h4(h3(v, t3), t4)
        lhs = d1(lambda t: yz2(h2(z1, t)), t2)
        dydz2 = d1(yz2, z2)
        s2 = dydz2 * d1(lambda t: h2(z1, t), t2)
        s3 = dydz2 * (d1(lambda t: h2(z1, t), t2) if kind == "ok" else d1(lambda t: h3(z2, t3), t2))
        return [close(lhs, s2), close(s2, s3)]
    return f


def he_z2(kind):
    def f():
        z1, t2, t3, t4, h2, h3, h4 = chain_point()
        z2 = h2(z1, t2)
        z3 = h3(z2, t3)
        lhs = d1(lambda v: h4(h3(v, t3), t4), z2)
        s2 = d1(lambda v: h4(v, t4), z3) * d1(lambda v: h3(v, t3), z2)
        last = d1(lambda v: h3(v, t3), z2) if kind == "ok" else d1(lambda t: h3(z2, t), t3)
        s3 = d1(lambda v: h4(v, t4), z3) * last
        return [close(lhs, s2), close(s2, s3)]
    return f


def he_theta2_3():
    z1, t2, t3, t4, h2, h3, h4 = chain_point()
    z2 = h2(z1, t2)
    z3 = h3(z2, t3)
    lhs = d1(lambda t: h4(h3(h2(z1, t), t3), t4), t2)
    a = d1(lambda v: h4(v, t4), z3)
    b = d1(lambda v: h3(v, t3), z2)
    c = d1(lambda t: h2(z1, t), t2)
    return [close(lhs, a * b * c), close(a * b * c, a * b * c)]


def mlp_point():
    din, da, db = 3, 4, 2
    W1 = rng.normal(size=(da, din)); b1 = rng.normal(size=(da, 1))
    W2 = rng.normal(size=(db, da)); b2 = rng.normal(size=(db, 1))
    w3 = rng.normal(size=(db, 1)); b3 = rng.normal()
    x = rng.normal(size=(din, 1))
    u1 = W1 @ x + b1; z1 = np.tanh(u1); u2 = W2 @ z1 + b2; z2 = np.tanh(u2)
    return W1, b1, W2, b2, w3, b3, x, u1, z1, u2, z2


def he_mlp(kind):
    def f():
        W1, b1, W2, b2, w3, b3, x, u1, z1, u2, z2 = mlp_point()
        Dp = np.diag(dtanh(u2).ravel())
        if kind.startswith("z2"):
            g = fd(lambda v: (w3.T @ v).item() + b3, z2)
            return [close(g, w3 if kind == "z2" else w3.T)]
        if kind.startswith("u2"):
            g = fd(lambda v: (w3.T @ np.tanh(v)).item() + b3, u2)
            D = Dp if kind == "u2" else np.diag(np.tanh(u2).ravel())
            return [close(g, D @ w3)]
        if kind.startswith("z1"):
            g = fd(lambda v: (w3.T @ np.tanh(W2 @ v + b2)).item() + b3, z1)
            M = W2.T if kind == "z1" else W2
            return [close(g, M @ Dp @ w3)]
        if kind.startswith("W2"):
            g = fd(lambda V: (w3.T @ np.tanh(V @ z1 + b2)).item() + b3, W2)
            r = Dp @ w3 @ z1.T if kind == "W2" else z1 @ w3.T @ Dp
            return [close(g, r)]
    return f


def deep_point():
    dims = [3, 4, 2, 3]
    Ws = [None] + [rng.normal(size=(dims[l], dims[l - 1])) for l in range(1, 4)]
    bs = [None] + [rng.normal(size=(dims[l], 1)) for l in range(1, 4)]
    x = rng.normal(size=(3, 1))
    lossf = lambda zL: 0.5 * float(np.sum(zL ** 2)) + float(np.sum(zL))

    def forward(Ws, bs):
        z = [x]; u = [None]
        for l in range(1, 4):
            u.append(Ws[l] @ z[l - 1] + bs[l]); z.append(np.tanh(u[l]))
        return u, z
    u, z = forward(Ws, bs)
    dL = z[3] + 1.0
    delta = [None] * 4
    delta[3] = np.diag(dtanh(u[3]).ravel()) @ dL
    for l in (2, 1):
        delta[l] = np.diag(dtanh(u[l]).ravel()) @ Ws[l + 1].T @ delta[l + 1]
    return Ws, bs, forward, lossf, u, z, delta


def he_grad(kind):
    def f():
        Ws, bs, forward, lossf, u, z, delta = deep_point()
        out = []
        for l in (1, 2, 3):
            if kind.startswith("W"):
                def LW(V, l=l):
                    W2 = list(Ws); W2[l] = V
                    return lossf(forward(W2, bs)[1][3])
                g = fd(LW, Ws[l])
                r = delta[l] @ z[l - 1].T if kind == "W" else z[l - 1] @ delta[l].T
            else:
                def Lb(V, l=l):
                    b2 = list(bs); b2[l] = V
                    return lossf(forward(Ws, b2)[1][3])
                g = fd(Lb, bs[l])
                r = delta[l] if kind == "b" else np.diag(dtanh(u[l]).ravel()) @ delta[l]
            out.append(close(g, r))
        return [all(out)]
    return f


def he_diag(kind):
    def f():
        th = rng.normal(size=3)
        G = lambda v: np.array([np.sin(v[0]), np.exp(v[1]), v[2] ** 3])
        J = jac(G, th)
        s2 = np.diag([np.cos(th[0]), np.exp(th[1]), 3 * th[2] ** 2])
        s3 = s2 if kind == "ok" else np.diag(G(th))
        return [close(J, s2), close(s2, s3)]
    return f


def he_multi(full):
    def f():
        x = rng.normal()
        F = lambda a, b, c: a * b ** 2 + np.sin(c) * a
        za = np.sin; zb = lambda v: v ** 2; zc = lambda v: np.exp(0.5 * v)
        lhs = d1(lambda v: F(za(v), zb(v), zc(v)), x)
        a, b, c = za(x), zb(x), zc(x)
        t1 = d1(lambda v: F(v, b, c), a) * d1(za, x)
        t2 = d1(lambda v: F(a, v, c), b) * d1(zb, x)
        t3 = d1(lambda v: F(a, b, v), c) * d1(zc, x)
        return [close(lhs, t1 + t2 + (t3 if full else 0))]
    return f


def scalar_chain(inner):
    def f():
        x = rng.normal()
        fo = lambda u: u ** 3 + u
        go = lambda v: np.sin(v) + v ** 2
        lhs = d1(lambda v: fo(go(v)), x)
        return [close(lhs, d1(fo, go(x) if inner else x) * d1(go, x))]
    return f


pair("zx-he-sqloss", {"ok": he_sqloss(1), "sign": he_sqloss(-1)})
pair("zx-he-theta2", {"ok": he_theta2("ok"), "index": he_theta2("index")})
pair("zx-he-z2", {"ok": he_z2("ok"), "wrt": he_z2("wrt")})
pair("zx-he-mlp-z2", {"ok": he_mlp("z2"), "T": he_mlp("z2T")})
pair("zx-he-mlp-u2", {"ok": he_mlp("u2"), "noprime": he_mlp("u2np")})
pair("zx-he-mlp-z1", {"ok": he_mlp("z1"), "T": he_mlp("z1T")})
pair("zx-he-mlp-W2", {"ok": he_mlp("W2"), "T": he_mlp("W2T")})
pair("zx-he-gradW", {"ok": he_grad("W"), "T": he_grad("WT")})
pair("zx-he-gradb", {"ok": he_grad("b"), "extra": he_grad("bx")})
pair("zx-he-diag", {"ok": he_diag("ok"), "noprime": he_diag("np")})
pair("zx-he-multichain", {"ok": he_multi(True), "term": he_multi(False)})
pair("zx-he-chain", {"ok": scalar_chain(True), "inner": scalar_chain(False)})

# ======================= Hebrew: Technion tutorial 9 (printed numbers) =======================
X1, X2, X3 = np.array([1.0, 2.0]), np.array([3.0, 4.0]), np.array([5.0, 6.0])
TZ1 = 2 * X1; TZ2 = 3 * X3; TZ3 = TZ1 @ X2; TZ4 = TZ2 @ X2; TZ5 = TZ3 + 5; TZ6 = TZ4 * TZ5; TY = 2 * TZ6
TUT = {  # id: (exact value of the name, exact value of the middle side, printed result)
    "zx-het-z1": (TZ1, 2 * np.array([1.0, 2.0]), [2, 4]),
    "zx-het-z2": (TZ2, 3 * np.array([5.0, 6.0]), [15, 18]),
    "zx-het-z3": (TZ3, np.array([2.0, 4.0]) @ np.array([3.0, 4.0]), 22),
    "zx-het-z4": (TZ4, np.array([15.0, 18.0]) @ np.array([3.0, 4.0]), 117),
    "zx-het-z5": (TZ5, 22 + 5, 27),
    "zx-het-z6": (TZ6, 27 * 117, 3159),
    "zx-het-y": (TY, 2 * 3159, 6318),
}
TUT_WRONG = {"zx-het-z1": [2, 2], "zx-het-z2": [15, 16], "zx-het-z3": 24, "zx-het-z4": 116, "zx-het-z5": 28, "zx-het-z6": 3169, "zx-het-y": 6328}


def tut(cid, printed):
    def f():
        name, mid, _ = TUT[cid]
        return [close(name, mid), close(mid, np.asarray(printed, float))]
    return f


for cid in TUT:
    pair(cid, {"ok": tut(cid, TUT[cid][2]), "arith": tut(cid, TUT_WRONG[cid])})


def logistic_deriv(sign):
    def f():
        x = rng.normal() * 2
        return [close(d1(sig, x), sig(x) * (1 - sign * sig(x)))]
    return f


pair("zx-het-logistic", {"ok": logistic_deriv(1), "sign": logistic_deriv(-1)})


# ======================= Finnish: vainiovesa (source error) =======================
def vai_delta():
    z0 = rng.normal(size=3)
    ahat = rng.uniform(0, 1, size=3)
    C = lambda b: np.sum((ahat - sig(z0 + b)) ** 2)
    a = sig(z0)
    return [close(fd(C, np.zeros(3)), 2 * (ahat - a) * a * (1 - a))]


CHECK["zx-fi-vai-delta"] = lambda: all(chain_all(vai_delta))


# ======================= Finnish: sourander =======================
def fi_partial(kind):
    def f():
        x, y = rng.normal(size=2)
        F = lambda v: v[0] ** 2 + 3 * v[1] ** 2
        g = fd(F, np.array([x, y]))
        if kind == "x":
            return [close(g[0], 2 * x)]
        if kind == "x-other":
            return [close(g[0], 2 * x + 6 * y)]
        if kind == "y":
            return [close(g[1], 6 * y)]
        if kind == "y-factor":
            return [close(g[1], 3 * y)]
        if kind == "grad":
            return [close(g, g), close(g, [2 * x, 6 * y])]
        if kind == "grad-factor":
            return [close(g, g), close(g, [2 * x, 3 * y])]
    return f


def fi_meansq(den):
    def f():
        X = rng.normal(size=(2, 2))
        n = 4
        F = lambda V: (1 / n) * np.sum(V ** 2)
        return [close(fd(F, X), X / den)]
    return f


def fi_prod(wrt, ok):
    def f():
        a, b = rng.normal(size=2)
        if wrt == "a":
            return [close(d1(lambda v: v * b, a), b if ok else a)]
        return [close(d1(lambda v: a * v, b), a if ok else b)]
    return f


pair("zx-fi-dfdx", {"ok": fi_partial("x"), "other": fi_partial("x-other")})
pair("zx-fi-dfdy", {"ok": fi_partial("y"), "factor": fi_partial("y-factor")})
pair("zx-fi-grad", {"ok": fi_partial("grad"), "factor": fi_partial("grad-factor")})
pair("zx-fi-mean-sq", {"ok": fi_meansq(2), "factor": fi_meansq(4)})
pair("zx-fi-prod-a", {"ok": fi_prod("a", True), "swap": fi_prod("a", False)})
pair("zx-fi-prod-b", {"ok": fi_prod("b", True), "swap": fi_prod("b", False)})


# ======================= Italian: csunibo =======================
def it_chain(ok):
    def f():
        x = rng.normal()
        g = lambda v: v ** 3 + v
        lhs = d1(lambda v: np.sin(g(v)), x)
        return [close(lhs, np.cos(g(x)) * (d1(g, x) if ok else 1.0))]
    return f


def rf(which, printed_mid_add, printed_res):
    def f():
        r2, s = 1, 1
        r1 = s * r2 + (3 - s)
        r0 = s * r1 + (5 - s)
        if which == 1:
            mid = 1 * r2 + printed_mid_add
            return [close(r1, mid), close(mid, printed_res)]
        mid = 1 * r1 + printed_mid_add
        return [close(r0, mid), close(mid, printed_res)]
    return f


pair("zx-it-sigmoid", {"ok": logistic_deriv(1), "sign": logistic_deriv(-1)})
pair("zx-it-chain", {"ok": it_chain(True), "inner": it_chain(False)})
pair("zx-it-rf1", {"ok": rf(1, 3 - 1, 3), "sign": rf(1, 3 + 1, 5)})
pair("zx-it-rf0", {"ok": rf(0, 5 - 1, 7), "arith": rf(0, 5 - 1, 6)})


# ======================= Italian: paithon =======================
def it_rule(kind):
    def f():
        x = rng.uniform(0.3, 2.5)
        n = int(rng.integers(2, 6))
        if kind == "power":
            return [close(d1(lambda v: v ** n, x), n * x ** (n - 1))]
        if kind == "power-exp":
            return [close(d1(lambda v: v ** n, x), n * x ** n)]
        if kind == "exp":
            return [close(d1(np.exp, x), np.exp(x))]
        if kind == "exp-power":
            return [close(d1(np.exp, x), x * np.exp(x - 1))]
        if kind == "ln":
            return [close(d1(np.log, x), 1 / x)]
        if kind == "ln-exp":
            return [close(d1(np.log, x), 1 / x ** 2)]
    return f


def it_compose(ok):
    def f():
        w = rng.normal()
        g = lambda v: v ** 2 + 1
        lhs = d1(lambda v: np.sin(g(v)), w)
        dfdg, dgdw = np.cos(g(w)), d1(g, w)
        return [close(lhs, dfdg * dgdw if ok else dfdg + dgdw)]
    return f


def unroll_point():
    dims = [3, 4, 2, 5, 3]  # z_0 .. z_4, L = 4
    Ws = [None] + [rng.normal(size=(dims[k], dims[k - 1])) for k in range(1, 5)]
    bs = [None] + [rng.normal(size=dims[k]) for k in range(1, 5)]
    z0 = rng.normal(size=dims[0])

    def zs_from(k0, v):
        z = {k0: v}
        for k in range(k0 + 1, 5):
            z[k] = Ws[k] @ np.tanh(z[k - 1]) + bs[k]
        return z
    z = zs_from(0, z0)
    lossf = lambda zL: float(np.sum(np.sin(zL)))
    return Ws, z, zs_from, lossf


def it_unroll(ok):
    def f():
        Ws, z, zs_from, lossf = unroll_point()
        L = 4
        deltaL = np.cos(z[L])
        out = []
        for ell in (1, 2, 3):
            true = fd(lambda v, ell=ell: lossf(zs_from(ell, v)[L]), z[ell])
            P = np.eye(len(z[ell]))
            for k in range(ell + 1, L + 1):
                D = np.diag(dtanh(z[k - 1]))
                P = P @ (D @ Ws[k].T if ok else Ws[k].T @ D)
            out.append(close(true, P @ deltaL))
        return [all(out)]
    return f


pair("zx-it-power", {"ok": it_rule("power"), "exp": it_rule("power-exp")})
pair("zx-it-exp", {"ok": it_rule("exp"), "power": it_rule("exp-power")})
pair("zx-it-ln", {"ok": it_rule("ln"), "exp": it_rule("ln-exp")})
pair("zx-it-compose", {"ok": it_compose(True), "sum": it_compose(False)})
pair("zx-it-unroll", {"ok": it_unroll(True), "order": it_unroll(False)})
pair("zx-it-quarter", {"ok": lambda: [num(0.25 ** 5, 0.00098, 1e-5)], "digit": lambda: [num(0.25 ** 5, 0.0098, 1e-4)]})


# ======================= documents =======================
# per document: list, in link order, of (fragment that must occur in the link text, function -> list of
# link truths with None for a definition)
DEF = lambda: [None]


def links_of(fn):
    return lambda: chain_all(fn)


def dC_differential():
    s, ds = rng.normal(), rng.normal() * 1e-3
    C = lambda z: z ** 3 + np.sin(z)
    dz = ds * dtanh(s)
    dCdz = d1(C, np.tanh(s))
    return [close(dz * dCdz, ds * dtanh(s) * dCdz)]


def sourander_grad_links():
    return chain_all(fi_partial("grad"))


LOGREG = [
    ("L(\\theta) = -\\frac{1}{m}", DEF), ("h_\\theta(x) = \\frac{1}{1 + e^{-\\theta^T x}}", DEF), ("L(\\theta) = -\\frac{1}{m}", DEF),
    ("\\frac{\\partial L(\\theta)}{\\partial \\theta_j} = -\\frac{1}{m}", links_of(uk_split(-1))),
    ("h_\\theta(x^{(i)}) = h_\\theta(x^{(i)}) (1 - h_\\theta(x^{(i)})) x_j^{(i)}", links_of(uk_dh(True))),
    ("= (1 - h_\\theta(x^{(i)})) x_j^{(i)}", links_of(uk_dlogh(True))),
    ("= -h_\\theta(x^{(i)}) x_j^{(i)}", links_of(uk_dlog1mh(-1))),
    ("(1 - y^{(i)}) (-h_\\theta(x^{(i)})) x_j^{(i)}", links_of(uk_sum("combine"))),
    ("- (1 - y^{(i)}) h_\\theta(x^{(i)}) x_j^{(i)}", links_of(uk_sum("combine2"))),
    ("- h_\\theta(x^{(i)}) x_j^{(i)} + y^{(i)} h_\\theta(x^{(i)}) x_j^{(i)}", links_of(uk_sum("expand"))),
    ("\\left[ y^{(i)} x_j^{(i)} - h_\\theta(x^{(i)}) x_j^{(i)} \\right]", links_of(uk_sum("reduced"))),
    ("= \\frac{1}{m} \\sum_{i=1}^{m} \\left[ (h_\\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \\right]", links_of(uk_sum("final"))),
    ("\\frac{\\partial L(\\theta)}{\\partial \\theta_j} = \\frac{1}{m}", links_of(uk_sum("final"))),
]
LOGREG_M = list(LOGREG)
LOGREG_M[4] = ("h_\\theta(x^{(i)}) = h_\\theta(x^{(i)}) (1 - h_\\theta(x^{(i)}))", links_of(uk_dh(False)))
LOGREG_M[11] = ("= \\frac{1}{m} \\sum_{i=1}^{m} \\left[ (y^{(i)} - h_\\theta(x^{(i)})) x_j^{(i)} \\right]", links_of(uk_sum("final-swap")))

NYU = [
    ("s[i]=\\sum_{j \\in UP(i)}", DEF), ("z[i]=f(s[i])", DEF),
    ("g(h(s))' = g'(h(s))\\cdot h'(s)", links_of(ar_chain(True))),
    ("\\frac{\\mathrm{d}C}{\\mathrm{d}z}\\cdot h'(s)", links_of(ar_nonlin(True))),
    ("\\mathrm{d}z = \\mathrm{d}s \\cdot h'(s)", DEF),
    ("\\mathrm{d}C = \\mathrm{d}z\\cdot", lambda: [None] + chain_all(dC_differential)),
    ("\\mathrm{d}s[0]=w[0]", DEF), ("\\mathrm{d}s[1]=w[1]", DEF), ("\\mathrm{d}s[2]=w[2]", DEF),
    ("\\mathrm{d}C = \\mathrm{d}s[0]", DEF),
    ("\\frac{\\mathrm{d}C}{\\mathrm{d}z} = \\frac{\\mathrm{d}C}{\\mathrm{d}s[0]}", links_of(ar_sum(True))),
    ("\\frac{\\partial c}{\\partial{z_f}}", links_of(ar_generic_chain)),
    ("\\frac{\\partial c}{\\partial {z_k}}", links_of(ar_stage(True))),
    ("\\frac{\\partial c}{\\partial {w_k}}", links_of(ar_stage_w)),
]

TECH = [
    ("\\mathbf{g}(\\boldsymbol{\\theta})=\\left(g_{1}", DEF),
    ("\\mathrm{diag}\\left(\\mathbf{g}'", links_of(he_diag("ok"))),
    ("\\left(f(g(x))\\right)'=f'(g(x))\\cdot g'(x)", links_of(scalar_chain(True))),
    ("\\frac{d}{dx} f(z_1(x),z_2(x),z_3(x))", links_of(he_multi(True))),
    ("L=(y-t)^{2},", DEF),
    ("=2\\left(y-t\\right)", links_of(he_sqloss(1))),
    ("\\frac{\\partial y}{\\partial\\theta_2}=\\frac{\\partial y}{\\partial z_2}", links_of(he_theta2("ok"))),
    ("\\frac{\\partial y}{\\partial z_2}=\\frac{\\partial y}{\\partial z_3}", links_of(he_z2("ok"))),
    ("\\frac{\\partial y}{\\partial\\theta_2}=\\frac{\\partial y}{\\partial z_3}", links_of(he_theta2_3)),
]


def tut_link(cid, printed):
    return lambda: [None, chain_all(tut(cid, printed))[1]]


GRAPH = [("y=2\\left(\\left(2\\boldsymbol{x}_1", DEF)] + [(t, DEF) for t in ["z}_1=2\\boldsymbol{x}_1", "z}_2=3\\boldsymbol{x}_3", "z_3=\\boldsymbol{z}_1^T", "z_4=\\boldsymbol{z}_2^T", "z_5=z_3+5", "z_6=z_4\\cdot z_5", "y=2z_6"]] + [
    ("=\\left(2,4\\right)^T", tut_link("zx-het-z1", [2, 4])),
    ("=\\left(15,18\\right)^T", tut_link("zx-het-z2", [15, 18])),
    ("^T=22", tut_link("zx-het-z3", 22)),
    ("^T=117", tut_link("zx-het-z4", 117)),
    ("z_5=22+5=27", tut_link("zx-het-z5", 27)),
    ("z_6=27\\cdot 117=3159", tut_link("zx-het-z6", 3159)),
    ("y=2\\cdot 3159=6318", tut_link("zx-het-y", 6318)),
    ("\\varphi'\\left(x\\right)=", links_of(logistic_deriv(1))),
]
GRAPH_M = list(GRAPH)
GRAPH_M[11] = ("^T=116", tut_link("zx-het-z4", 116))
GRAPH_M[14] = ("y=2\\cdot 3159=6328", tut_link("zx-het-y", 6328))

SOUR = [
    ("f(x, y) = x^2 + 3y^2", DEF),
    ("\\frac{\\partial f}{\\partial x} = 2x", links_of(fi_partial("x"))),
    ("\\frac{\\partial f}{\\partial y} = 6y", links_of(fi_partial("y"))),
    ("= (2x, 6y)", sourander_grad_links),
    ("z_1 = w_{00}", DEF), ("z_2 = w_{10}", DEF), ("h_1 = \\sigma(z_1)", DEF), ("h_2 = \\sigma(z_2)", DEF),
    ("f = \\frac{1}{n} \\sum_{i,j} x_{ij}^2", DEF),
    ("\\nabla f = \\frac{X}{2}", links_of(fi_meansq(2))),
    ("\\frac{d}{da}(a \\cdot b) = b", links_of(fi_prod("a", True))),
    ("\\frac{d}{db}(a \\cdot b) = a", links_of(fi_prod("b", True))),
]

PAI = [
    ("f'(x) = \\lim_{h \\to 0}", DEF),
    ("\\frac{d}{dx}\\,x^n = n\\,x^{n-1}", links_of(it_rule("power"))),
    ("\\frac{d}{dx}\\,e^{x} = e^{x}", links_of(it_rule("exp"))),
    ("\\frac{d}{dx}\\,\\ln x = \\frac{1}{x}", links_of(it_rule("ln"))),
    ("\\mathcal{L} = f\\big(g(w)\\big)", DEF),
    ("\\frac{df}{dg} \\cdot \\frac{dg}{dw}", links_of(it_compose(True))),
    ("0{,}25^5 = 0{,}00098", lambda: [num(0.25 ** 5, 0.00098, 1e-5)]),
    ("\\boldsymbol{\\delta}_k = \\partial\\mathcal{L}", DEF),
    ("\\boldsymbol{\\delta}_{k-1} =", DEF),
    ("\\boldsymbol{\\delta}_\\ell = \\left[\\;\\prod_{k=\\ell+1}^{L}", links_of(it_unroll(True))),
]

DOCS = {
    "logreg-yelizavetap": LOGREG, "logreg-yelizavetap-mutated": LOGREG_M,
    "backprop-nyu-ar": NYU, "chain-rule-technion": TECH,
    "graph-forward-technion": GRAPH, "graph-forward-technion-mutated": GRAPH_M,
    "vastavirta-sourander": SOUR, "derivate-paithon": PAI,
}


def md_blocks(lines):
    """line (1-based) of each display block start -> inner text"""
    out = {}
    i = 1
    while lines[i] != "---":
        i += 1
    i += 1
    while i < len(lines):
        l = lines[i]
        if l.strip() == "$$":
            j = i + 1
            while lines[j].strip() != "$$":
                j += 1
            out[i + 1] = "\n".join(lines[i + 1:j])
            i = j + 1
            continue
        if l.startswith("$$"):
            j = i
            while j == i and not (l.endswith("$$") and len(l) > 4) and not lines[j].rstrip().endswith("$$") or (j > i and not lines[j].rstrip().endswith("$$")):
                j += 1
            out[i + 1] = "\n".join(lines[i:j + 1]).strip()[2:-2]
            i = j
        i += 1
    return out


norm = lambda s: re.sub(r"\s+", " ", s.replace("&", "")).strip()


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
        assert (c["mistake"] is None) == want, c["id"]
        assert c["family"] in ids and next(d for d in claims if d["id"] == c["family"])["expect"] in ("valid", "invalid"), c["id"]
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    nd = nlinks = nlines = 0
    seen = set()
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        seen.add(stem)
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        blocks = md_blocks(md)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        spec = DOCS[stem]
        assert len(spec) == len(ex["links"]), (stem, len(spec), len(ex["links"]))
        assert set(blocks) == {lk["line"] for lk in ex["links"]}, (stem, sorted(blocks), sorted({lk["line"] for lk in ex["links"]}))
        for lk, (frag, fn) in zip(ex["links"], spec):
            assert lk["line"] in blocks, (stem, lk["line"])
            assert norm(lk["text"]) in norm(blocks[lk["line"]]), (stem, lk["line"], lk["text"])
            assert norm(frag) in norm(lk["text"]), (stem, frag, lk["text"])
            got = fn()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            nlines += 1
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert seen == set(DOCS), (seen, set(DOCS))
    print(f"documents: {nd} checked, {nlines} relation statements, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
