"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part b).

Each item is coded by hand as NumPy / SymPy functions and compared at random points
(finite differences or sympy.diff of hand-written expressions).  No LaTeX is parsed:
the claim text is only used to cross-check ids and expected verdicts.
"""

import itertools
import pathlib
import re
import sys

import numpy as np
import sympy as sp

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20240229)
CHECKS = {}


def check(item_id, expect):
    def deco(fn):
        CHECKS[item_id] = (expect, fn)
        return fn

    return deco


def same(a, b, tol=1e-5):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def chain(*vals):
    return all(same(vals[k], vals[k + 1]) for k in range(len(vals) - 1))


def mm(a, b):
    """Matrix product that refuses undefined shapes (no broadcasting)."""
    a = np.atleast_2d(a)
    b = np.atleast_2d(b)
    if a.shape[1] != b.shape[0]:
        raise ValueError("shape")
    return a @ b


def safe(fn):
    try:
        return fn()
    except ValueError:
        return None


def fd(f, x, h=1e-6):
    """Central-difference gradient of scalar f at array x (same shape as x)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        xp = x.copy()
        xm = x.copy()
        xp[i] += h
        xm[i] -= h
        g[i] = (f(xp) - f(xm)) / (2 * h)
    return g


def jac(f, x, h=1e-6):
    """Numerator-layout Jacobian of vector f w.r.t. vector x (flattened)."""
    x = np.array(x, dtype=float).ravel()
    cols = []
    for k in range(x.size):
        xp = x.copy()
        xm = x.copy()
        xp[k] += h
        xm[k] -= h
        cols.append((np.ravel(f(xp)) - np.ravel(f(xm))) / (2 * h))
    return np.array(cols).T


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def sym_eq(*exprs):
    """All sympy expressions equal (symbolic simplify, then numeric spot check)."""
    for a, b in itertools.pairwise(exprs):
        d = sp.simplify(a - b)
        if d != 0:
            fs = sorted(d.free_symbols, key=str)
            f = sp.lambdify(fs, d, "mpmath")
            for _ in range(3):
                pts = [float(RNG.uniform(0.3, 1.7)) for _ in fs]
                if abs(complex(f(*pts))) > 1e-9:
                    return False
    return True


def trials(fn, n=4):
    return all(fn() for _ in range(n))


x, y, z = sp.symbols("x y z", real=True)

# ---------------------------------------------------------------- CS229 LMS


def lms_parts(variant):
    d = 3
    th = RNG.normal(size=d + 1)
    xv = np.concatenate([[1.0], RNG.normal(size=d)])
    yv = RNG.normal()
    j, i_free = 2, 1
    h = th @ xv

    def cost(t):
        return 0.5 * (t @ xv - yv) ** 2

    def ej(f):
        return fd(lambda t: f(t), th)[j]

    e0 = ej(cost)
    c = 1.0 if variant != "factor" else 0.5
    e1 = (2 * 0.5 if variant != "factor" else 0.5) * (h - yv) * ej(lambda t: t @ xv - yv)
    e2 = c * (h - yv) * ej(lambda t: np.sum(t * xv) - yv)
    e3 = c * (h - yv) * (xv[j] if variant != "index" else xv[i_free])
    return e0, e1, e2, e3


check("b-cs229-lms-grad", "valid")(lambda: trials(lambda: chain(*lms_parts("ok"))))
check("b-cs229-lms-grad-factor", "invalid")(lambda: trials(lambda: chain(*lms_parts("factor"))))
check("b-cs229-lms-grad-index", "invalid")(lambda: trials(lambda: chain(*lms_parts("index"))))


def ls_parts(variant):
    n, d = 6, 3
    X = RNG.normal(size=(n, d))
    yv = RNG.normal(size=n)
    th = RNG.normal(size=d)

    def G(f):
        return fd(f, th)

    e0 = G(lambda t: 0.5 * np.sum((X @ t - yv) ** 2))
    e1 = G(lambda t: 0.5 * (X @ t - yv) @ (X @ t - yv))
    e2 = 0.5 * G(lambda t: (X @ t) @ (X @ t) - (X @ t) @ yv - yv @ (X @ t) + yv @ yv)
    e3 = 0.5 * G(lambda t: t @ (X.T @ X) @ t - yv @ (X @ t) - yv @ (X @ t))
    e4 = 0.5 * G(lambda t: t @ (X.T @ X) @ t - 2 * (X.T @ yv) @ t)
    e5 = 0.5 * (2 * X.T @ X @ th - 2 * X.T @ yv)
    if variant == "sign":
        e6 = X.T @ X @ th + X.T @ yv
    else:
        e6 = X.T @ X @ th - X.T @ yv
    if variant == "short":
        return e0, e6
    if variant == "short-transpose":
        r = safe(lambda: mm(X @ X.T, th[:, None]).ravel() - X.T @ yv)
        return (e0, r) if r is not None else (e0, np.zeros(1))
    return e0, e1, e2, e3, e4, e5, e6


check("b-cs229-normal-eq-grad", "valid")(lambda: trials(lambda: chain(*ls_parts("ok"))))
check("b-cs229-normal-eq-grad-sign", "invalid")(lambda: trials(lambda: chain(*ls_parts("sign"))))
check("b-cs229-normal-eq-short", "valid")(lambda: trials(lambda: chain(*ls_parts("short"))))
check("b-cs229-normal-eq-short-transpose", "invalid")(
    lambda: trials(lambda: chain(*ls_parts("short-transpose")))
)


def mat_example(swap):
    A = RNG.normal(size=(2, 2))

    def f(M):
        return 1.5 * M[0, 0] + 5 * M[0, 1] ** 2 + M[1, 0] * M[1, 1]

    claimed = np.array([[1.5, 10 * A[0, 1]], [A[1, 0], A[1, 1]] if swap else [A[1, 1], A[1, 0]]])
    return same(fd(f, A), claimed)


check("b-cs229-matrix-deriv-example", "valid")(lambda: trials(lambda: mat_example(False)))
check("b-cs229-matrix-deriv-example-index", "invalid")(lambda: trials(lambda: mat_example(True)))

g_ = 1 / (1 + sp.exp(-z))


def sigmoid_chain(variant):
    mid = {
        "ok": sp.exp(-z) / (1 + sp.exp(-z)) ** 2,
        "sign": -sp.exp(-z) / (1 + sp.exp(-z)) ** 2,
        "factor": sp.exp(-z) / (1 + sp.exp(-z)),
    }[variant]
    return sym_eq(
        sp.diff(g_, z),
        sp.diff(1 / (1 + sp.exp(-z)), z),
        mid,
        1 / (1 + sp.exp(-z)) * (1 - 1 / (1 + sp.exp(-z))),
        g_ * (1 - g_),
    )


check("b-cs229-sigmoid-deriv", "valid")(lambda: sigmoid_chain("ok"))
check("b-cs229-sigmoid-deriv-sign", "invalid")(lambda: sigmoid_chain("sign"))
check("b-cs229-sigmoid-deriv-factor", "invalid")(lambda: sigmoid_chain("factor"))


def logreg_parts(variant):
    d = 4
    th = RNG.normal(size=d)
    xv = RNG.normal(size=d)
    yv = float(RNG.integers(0, 2))
    j = 1
    g = sig(th @ xv)
    pre = yv / g - (1 - yv) / (1 - g)
    e1 = pre * fd(lambda t: sig(t @ xv), th)[j]
    if variant == "sigmaprime":
        return e1, pre * g * fd(lambda t: t @ xv, th)[j]
    e2 = pre * g * (1 - g) * fd(lambda t: t @ xv, th)[j]
    e3 = (yv * (1 - g) - (1 - yv) * g) * xv[j]
    e4 = (yv - g) * xv[j] if variant == "ok" else (g - yv) * xv[j]
    return e1, e2, e3, e4


check("b-cs229-logreg-grad", "valid")(lambda: trials(lambda: chain(*logreg_parts("ok")), 8))
check("b-cs229-logreg-grad-swapped", "invalid")(
    lambda: trials(lambda: chain(*logreg_parts("swapped")), 8)
)
check("b-cs229-logreg-grad-sigmaprime", "invalid")(
    lambda: trials(lambda: chain(*logreg_parts("sigmaprime")), 8)
)
TWO, THREE, FIVE = 2, 3, 5
check("b-cs229-indicator-true", "valid")(lambda: int(THREE == FIVE - TWO) == 1)
check("b-cs229-indicator-true-wrong", "invalid")(lambda: int(TWO == THREE) == 1)

# ---------------------------------------------------------------- CS229 backprop (two layer)


class TwoLayer:
    def __init__(self, m=4, d=3):
        self.m, self.d = m, d
        while True:
            self.W1 = RNG.normal(size=(m, d))
            self.b1 = RNG.normal(size=(m, 1))
            self.x = RNG.normal(size=(d, 1))
            z = self.W1 @ self.x + self.b1
            if (z > 0.05).any() and (z < -0.05).any() and np.all(np.abs(z) > 0.05):
                break
        self.W2 = RNG.normal(size=(1, m))
        self.b2 = RNG.normal(size=(1, 1))
        self.y = RNG.normal()
        self.z = self.W1 @ self.x + self.b1
        self.a = np.maximum(self.z, 0)
        self.o = float((self.W2 @ self.a + self.b2)[0, 0])

    def J(self, W1=None, b1=None, W2=None, b2=None, z=None, a=None, o=None):
        W1 = self.W1 if W1 is None else W1
        b1 = self.b1 if b1 is None else b1
        W2 = self.W2 if W2 is None else W2
        b2 = self.b2 if b2 is None else b2
        if o is None:
            if a is None:
                if z is None:
                    z = W1 @ self.x + b1
                a = np.maximum(z, 0)
            o = float((W2 @ a + b2)[0, 0])
        else:
            o = float(np.ravel(o)[0])
        return 0.5 * (self.y - o) ** 2


def bp(fn):
    return lambda: trials(lambda: fn(TwoLayer()))


def dW2(n, variant):
    lhs = fd(lambda W: n.J(W2=W), n.W2)
    rhs = (n.o - n.y) * (n.a.T if variant == "ok" else n.a)
    return same(lhs, rhs)


def db2(n, variant):
    lhs = fd(lambda b: n.J(b2=b), n.b2)
    return same(lhs, np.array([[(n.o - n.y) if variant == "ok" else (n.y - n.o)]]))


def dJdz(n):
    return fd(lambda zz: n.J(z=zz), n.z)


def dJda(n):
    return fd(lambda aa: n.J(a=aa), n.a)


def dW1_entry(n, variant):
    i, j = 1, 2
    lhs = fd(lambda W: n.J(W1=W), n.W1)[i, j]
    dz = dJdz(n)[i, 0]
    dzi_dw = fd(lambda W: (W @ n.x + n.b1)[i, 0], n.W1)[i, j]
    last = dz * (n.x[j, 0] if variant == "ok" else n.x[i, 0])
    return chain(lhs, dz * dzi_dw, last)


def dW1(n, variant):
    lhs = fd(lambda W: n.J(W1=W), n.W1)
    rhs = safe(lambda: mm(dJdz(n), n.x.T) if variant == "ok" else mm(n.x.T, dJdz(n)))
    return rhs is not None and same(lhs, rhs)


def dz_entry(n, variant):
    ok = True
    for i in range(n.m):
        lhs = dJdz(n)[i, 0]
        da = dJda(n)[i, 0]
        dadz = fd(lambda zi: max(float(zi[0]), 0.0), np.array([n.z[i, 0]]))[0]
        last = da * (float(n.z[i, 0] >= 0) if variant == "ok" else max(n.z[i, 0], 0.0))
        ok = ok and chain(lhs, da * dadz, last)
    return ok


def da_entry(n, variant):
    ok = True
    for i in range(n.m):
        lhs = dJda(n)[i, 0]
        dJdo = fd(lambda oo: n.J(o=oo), np.array([n.o]))[0]
        dodai = n.W2[0, i]
        last = ((n.o - n.y) if variant == "ok" else (n.y - n.o)) * n.W2[0, i]
        ok = ok and chain(lhs, dJdo * dodai, last)
    return ok


def da_vec(n, variant):
    rhs = (n.W2.T if variant == "ok" else n.W2) * (n.o - n.y)
    return same(dJda(n), rhs)


def delta1(n, variant):
    base = n.W2.T * (n.o - n.y)
    rhs = base * (n.z >= 0) if variant == "ok" else base
    return same(dJdz(n), rhs)


for _v, _sfx in [("ok", ""), ("bad", "-transpose")]:
    check("b-cs229-bp-dW2" + _sfx, "valid" if _v == "ok" else "invalid")(
        bp(lambda n, v=_v: dW2(n, v))
    )
    check("b-cs229-bp-da" + _sfx, "valid" if _v == "ok" else "invalid")(
        bp(lambda n, v=_v: da_vec(n, v))
    )
for _v, _sfx in [("ok", ""), ("bad", "-sign")]:
    check("b-cs229-bp-db2" + _sfx, "valid" if _v == "ok" else "invalid")(
        bp(lambda n, v=_v: db2(n, v))
    )
    check("b-cs229-bp-da-entry" + _sfx, "valid" if _v == "ok" else "invalid")(
        bp(lambda n, v=_v: da_entry(n, v))
    )
check("b-cs229-bp-dW1-entry", "valid")(bp(lambda n: dW1_entry(n, "ok")))
check("b-cs229-bp-dW1-entry-index", "invalid")(bp(lambda n: dW1_entry(n, "bad")))
check("b-cs229-bp-dW1", "valid")(bp(lambda n: dW1(n, "ok")))
check("b-cs229-bp-dW1-order", "invalid")(bp(lambda n: dW1(n, "bad")))
check("b-cs229-bp-dz-entry", "valid")(bp(lambda n: dz_entry(n, "ok")))
check("b-cs229-bp-dz-entry-sigmaprime", "invalid")(bp(lambda n: dz_entry(n, "bad")))
check("b-cs229-bp-delta1", "valid")(bp(lambda n: delta1(n, "ok")))
check("b-cs229-bp-delta1-term", "invalid")(bp(lambda n: delta1(n, "bad")))

# ---------------------------------------------------------------- CS229 backprop (multi layer)


def multi(variant):
    w = 4
    Ws = [None, RNG.normal(size=(w, w)), RNG.normal(size=(w, w)), RNG.normal(size=(1, w))]
    bs = [None, RNG.normal(size=(w, 1)), RNG.normal(size=(w, 1)), RNG.normal(size=(1, 1))]
    a0 = RNG.normal(size=(w, 1))
    yv = RNG.normal()

    def fwd(k_start=0, val=None, W_over=None):
        a = a0
        zs, as_ = {}, {0: a0}
        for k in (1, 2, 3):
            Wk = W_over[1] if (W_over is not None and W_over[0] == k) else Ws[k]
            zk = Wk @ a + bs[k]
            if k == k_start:
                zk = val
            zs[k] = zk
            a = np.maximum(zk, 0) if k < 3 else zk
            as_[k] = a
        return 0.5 * (float(a[0, 0]) - yv) ** 2, zs, as_

    _, zs, as_ = fwd()
    if np.any(np.abs(zs[1]) < 0.05) or np.any(np.abs(zs[2]) < 0.05):
        return multi(variant)
    d1 = fd(lambda v: fwd(1, v)[0], zs[1])
    d2 = fd(lambda v: fwd(2, v)[0], zs[2])
    relu_p = (zs[1] > 0).astype(float)
    if variant in ("deltak", "deltak-index"):
        Wuse = Ws[2] if variant == "deltak" else Ws[1]
        return chain(d1, (Wuse.T @ d2) * relu_p, (Wuse.T @ d2) * relu_p)
    gW2 = fd(lambda W: fwd(W_over=(2, W))[0], Ws[2])
    a_use = as_[1] if variant == "dWk" else as_[2]
    return same(gW2, d2 @ a_use.T)


check("b-cs229-bp-deltak", "valid")(lambda: trials(lambda: multi("deltak")))
check("b-cs229-bp-deltak-index", "invalid")(lambda: trials(lambda: multi("deltak-index")))
check("b-cs229-bp-dWk", "valid")(lambda: trials(lambda: multi("dWk")))
check("b-cs229-bp-dWk-index", "invalid")(lambda: trials(lambda: multi("dWk-index")))


def claim3(variant):
    W = RNG.normal(size=(3, 5))
    u = RNG.normal(size=(5, 1))
    b = RNG.normal(size=(3, 1))

    def Jv(v):
        return float(np.sum(np.sin(v)) + v[0, 0] ** 2 * v[2, 0])

    lhs = fd(lambda uu: Jv(W @ uu + b), u)
    gv = fd(Jv, W @ u + b)
    rhs = safe(lambda: mm(W.T, gv) if variant == "ok" else mm(W, gv))
    return rhs is not None and same(lhs, rhs)


def claim2(variant):
    zz = RNG.normal(size=(4, 1))

    def Ja(a):
        return float(np.sum(a**3) + np.sin(a[0, 0]) * a[1, 0])

    lhs = fd(lambda v: Ja(np.tanh(v)), zz)
    ga = fd(Ja, np.tanh(zz))
    act = (1 - np.tanh(zz) ** 2) if variant == "ok" else np.tanh(zz)
    return same(lhs, ga * act)


check("b-cs229-claim3", "valid")(lambda: trials(lambda: claim3("ok")))
check("b-cs229-claim3-transpose", "invalid")(lambda: trials(lambda: claim3("bad")))
check("b-cs229-claim2", "valid")(lambda: trials(lambda: claim2("ok")))
check("b-cs229-claim2-sigmaprime", "invalid")(lambda: trials(lambda: claim2("bad")))

# ---------------------------------------------------------------- Parr & Howard (scalar)
D = sp.diff
check("b-ph-distribute", "valid")(
    lambda: sym_eq(
        D(9 * (x + x**2), x),
        9 * D(x + x**2, x),
        9 * (D(x, x) + D(x**2, x)),
        9 * (1 + 2 * x),
        9 + 18 * x,
    )
)
check("b-ph-distribute-factor", "invalid")(
    lambda: sym_eq(
        D(9 * (x + x**2), x),
        9 * D(x + x**2, x),
        9 * (D(x, x) + D(x**2, x)),
        9 * (1 + 2 * x),
        9 + 2 * x,
    )
)
check("b-ph-product-rule", "valid")(lambda: sym_eq(D(x**2 * x, x), x**2 + x * 2 * x, 3 * x**2))
check("b-ph-product-rule-term", "invalid")(lambda: sym_eq(D(x**2 * x, x), x * 2 * x, 2 * x**2))
check("b-ph-chain-ln", "valid")(lambda: sym_eq(D(sp.log(x**2), x), 1 / x**2 * 2 * x, 2 / x))
check("b-ph-chain-ln-factor", "invalid")(lambda: sym_eq(D(sp.log(x**2), x), 1 / x**2))
check("b-ph-difference-rule", "valid")(lambda: sym_eq(D(x**2 - 3 * x, x), 2 * x - 3))
check("b-ph-difference-rule-sign", "invalid")(lambda: sym_eq(D(x**2 - 3 * x, x), 2 * x + 3))
check("b-ph-partial-x", "valid")(
    lambda: sym_eq(D(3 * y * x**2, x), 3 * y * D(x**2, x), 3 * y * 2 * x, 6 * y * x)
)
check("b-ph-partial-x-factor", "invalid")(
    lambda: sym_eq(D(3 * y * x**2, x), 3 * y * D(x**2, x), 3 * y * 2 * x, 6 * x)
)
check("b-ph-partial-y", "valid")(
    lambda: sym_eq(D(3 * x**2 * y, y), 3 * x**2 * D(y, y), 3 * x**2 * 1, 3 * x**2)
)
check("b-ph-partial-y-swapped", "invalid")(
    lambda: sym_eq(D(3 * x**2 * y, y), 3 * y * D(x**2, x), 3 * y * 2 * x, 6 * y * x)
)
f_xy = 3 * x**2 * y
g_xy = 2 * x + y**8


def vec_eq(a, b):
    return len(a) == len(b) and all(sym_eq(p, q) for p, q in zip(a, b, strict=True))


check("b-ph-gradient-f", "valid")(lambda: vec_eq([D(f_xy, x), D(f_xy, y)], [6 * y * x, 3 * x**2]))
check("b-ph-gradient-f-swapped", "invalid")(
    lambda: vec_eq([D(f_xy, x), D(f_xy, y)], [3 * x**2, 6 * y * x])
)
check("b-ph-partial-g-y", "valid")(
    lambda: sym_eq(D(g_xy, y), D(2 * x, y) + D(y**8, y), 0 + 8 * y**7, 8 * y**7)
)
check("b-ph-partial-g-y-factor", "invalid")(
    lambda: sym_eq(D(g_xy, y), D(2 * x, y) + D(y**8, y), 0 + 7 * y**7, 7 * y**7)
)
check("b-ph-partial-g-x", "valid")(
    lambda: sym_eq(D(g_xy, x), D(2 * x, x) + D(y**8, x), 2 * D(x, x) + 0, 2 * 1, sp.Integer(2))
)
check("b-ph-partial-g-x-term", "invalid")(
    lambda: sym_eq(D(g_xy, x), D(2 * x, x) + D(y**8, x), 2 * D(x, x) + 8 * y**7, 2 + 8 * y**7)
)
JAC = sp.Matrix([[D(f_xy, x), D(f_xy, y)], [D(g_xy, x), D(g_xy, y)]])
check("b-ph-jacobian", "valid")(
    lambda: sp.simplify(JAC - sp.Matrix([[6 * y * x, 3 * x**2], [2, 8 * y**7]])) == sp.zeros(2)
)
check("b-ph-jacobian-transpose", "invalid")(
    lambda: sp.simplify(JAC - sp.Matrix([[6 * y * x, 2], [3 * x**2, 8 * y**7]])) == sp.zeros(2)
)


def ew(kind):
    n = 4
    w = RNG.uniform(0.5, 2, size=n)
    xv = RNG.uniform(0.5, 2, size=n)
    if kind in ("had", "had-bad"):
        J = jac(lambda ww: ww * xv, w)
        return same(J, np.diag(xv if kind == "had" else w))
    if kind in ("minus", "minus-bad"):
        J = jac(lambda xx: w - xx, xv)
        return same(J, -np.eye(n) if kind == "minus" else np.eye(n))
    J = jac(lambda xx: w / xx, xv)
    return same(J, np.diag(-w / xv**2 if kind == "div" else w / xv**2))


for _k, _id, _e in [
    ("had", "hadamard-w", "valid"),
    ("had-bad", "hadamard-w-swapped", "invalid"),
    ("minus", "minus-x", "valid"),
    ("minus-bad", "minus-x-sign", "invalid"),
    ("div", "divide-x", "valid"),
    ("div-bad", "divide-x-sign", "invalid"),
]:
    check("b-ph-" + _id, _e)(lambda k=_k: trials(lambda: ew(k)))

xs = sp.symbols("x1:5", real=True)
ysum = sum(xi * z for xi in xs)
check("b-ph-sum-z", "valid")(
    lambda: sym_eq(D(ysum, z), sum(D(xi * z, z) for xi in xs), sum(xs), sum(xs))
)
check("b-ph-sum-z-swapped", "invalid")(
    lambda: sym_eq(D(ysum, z), sum(D(xi * z, z) for xi in xs), 4 * z, 4 * z)
)
u = sp.Symbol("u")
check("b-ph-chain-sin", "valid")(
    lambda: sym_eq(
        D(sp.sin(x**2), x),
        (D(sp.sin(u), u) * D(x**2, x)).subs(u, x**2),
        sp.cos(x**2) * 2 * x,
        2 * x * sp.cos(x**2),
    )
)
check("b-ph-chain-sin-factor", "invalid")(
    lambda: sym_eq(
        D(sp.sin(x**2), x),
        (D(sp.sin(u), u) * D(x**2, x)).subs(u, x**2),
        sp.cos(x**2) * x,
        x * sp.cos(x**2),
    )
)
U1 = x**3
U2 = sp.sin(U1)
U3 = U2**2
U4 = sp.log(U3)


def lnsin(c):
    return sym_eq(
        D(U4, x),
        D(U4, x),
        (1 / U3) * 2 * U2 * sp.cos(U1) * 3 * x**2,
        c * U2 * x**2 * sp.cos(U1) / U3,
    )


check("b-ph-chain-lnsin-combine", "valid")(lambda: lnsin(6))
check("b-ph-chain-lnsin-combine-factor", "invalid")(lambda: lnsin(5))


def lnsin_sub(c):
    return sym_eq(
        D(U4, x),
        6 * sp.sin(U1) * x**2 * sp.cos(x**3) / U2**2,
        6 * sp.sin(x**3) * x**2 * sp.cos(x**3) / sp.sin(U1) ** 2,
        6 * sp.sin(x**3) * x**2 * sp.cos(x**3) / sp.sin(x**3) ** 2,
        c * x**2 * sp.cos(x**3) / sp.sin(x**3),
    )


check("b-ph-chain-lnsin-subst", "valid")(lambda: lnsin_sub(6))
check("b-ph-chain-lnsin-subst-factor", "invalid")(lambda: lnsin_sub(3))
# total derivative: explicit partials of u_2(x, u_1) = x + u_1 are 1 and 1
check("b-ph-total-deriv", "valid")(
    lambda: sym_eq(D(x + x**2, x), D(x + x**2, x), 1 + 1 * D(x**2, x), 1 + 1 * 2 * x, 1 + 2 * x)
)
check("b-ph-total-deriv-term", "invalid")(
    lambda: sym_eq(D(x + x**2, x), D(x + x**2, x), 1 * D(x**2, x), 2 * x)
)
check("b-ph-total-deriv-sin", "valid")(
    lambda: sym_eq(
        D(sp.sin(x + x**2), x),
        0 + sp.cos(x + x**2) * (1 + 2 * x),
        sp.cos(x + x**2) * (1 + 2 * x),
        sp.cos(x + x**2) * (1 + 2 * x),
    )
)
check("b-ph-total-deriv-sin-term", "invalid")(
    lambda: sym_eq(
        D(sp.sin(x + x**2), x),
        0 + sp.cos(x + x**2) * (1 + 2 * x),
        sp.cos(x + x**2) * (1 + 2 * x),
        sp.cos(x + x**2) * 2 * x,
    )
)
# u_2 = x u_1: explicit partials are u_1 and x
check("b-ph-total-deriv-product", "valid")(
    lambda: sym_eq(
        D(x * x**2, x), x**2 + x * D(x**2, x), x**2 + x * 2 * x, x**2 + 2 * x**2, 3 * x**2
    )
)
check("b-ph-total-deriv-product-factor", "invalid")(
    lambda: sym_eq(D(x * x**2, x), x**2 + x * D(x**2, x), x**2 + 2 * x)
)
G1, G2 = x**2, 3 * x
FG = sp.Matrix([[1 / G1, 0], [0, sp.cos(G2)]])
DG = sp.Matrix([2 * x, 3])


def vchain(last):
    true = sp.Matrix([D(sp.log(x**2), x), D(sp.sin(3 * x), x)])
    prod = FG * DG
    mid = sp.Matrix([1 / G1 * 2 * x + 0, 0 + sp.cos(G2) * 3])
    return all(
        sp.simplify(a - b) == sp.zeros(2, 1) for a, b in [(true, prod), (prod, mid), (mid, last)]
    )


check("b-ph-vector-chain", "valid")(lambda: vchain(sp.Matrix([2 / x, 3 * sp.cos(3 * x)])))
check("b-ph-vector-chain-factor", "invalid")(lambda: vchain(sp.Matrix([2 / x, sp.cos(3 * x)])))

# ---------------------------------------------------------------- Parr & Howard (neuron, loss)


def dot_grad(variant):
    n = 4
    w = RNG.normal(size=(n, 1))
    xv = RNG.normal(size=(n, 1))
    lhs = fd(lambda ww: float(np.sum(ww * xv)), w).T  # numerator layout: row
    dy_du = np.ones((1, n))
    du_dw = jac(lambda ww: ww * xv.ravel(), w.ravel())
    last = xv.T if variant == "ok" else xv
    return chain(lhs, dy_du @ du_dw, np.ones((1, n)) @ np.diag(xv.ravel()), last)


check("b-ph-dot-grad", "valid")(lambda: trials(lambda: dot_grad("ok")))
check("b-ph-dot-grad-transpose", "invalid")(lambda: trials(lambda: dot_grad("bad")))


def dot_wj(variant):
    n, j = 4, 2
    w = RNG.normal(size=n)
    xv = RNG.normal(size=n)
    lhs = fd(lambda ww: ww @ xv, w)[j]
    terms = sum(fd(lambda ww, i=i: ww[i] * xv[i], w)[j] for i in range(n))
    single = fd(lambda ww: ww[j] * xv[j], w)[j]
    return chain(lhs, lhs, terms, single, xv[j] if variant == "ok" else w[j])


check("b-ph-dot-wj", "valid")(lambda: trials(lambda: dot_wj("ok")))
check("b-ph-dot-wj-swapped", "invalid")(lambda: trials(lambda: dot_wj("bad")))


def relu_d(variant):
    ok = True
    for zv in (-1.3, -0.2, 0.4, 2.0):
        lhs = fd(lambda t: max(0.0, float(t[0])), np.array([zv]))[0]
        if variant == "ok":
            rhs = 0.0 if zv <= 0 else 1.0
        else:
            rhs = 1.0 if zv <= 0 else 0.0
        ok = ok and same(lhs, rhs)
    return ok


check("b-ph-relu-deriv", "valid")(lambda: relu_d("ok"))
check("b-ph-relu-deriv-swapped", "invalid")(lambda: relu_d("bad"))


def neuron(kind, variant):
    n = 4
    ok = True
    for sgn in (+1, -1):
        w = RNG.normal(size=(n, 1))
        xv = RNG.normal(size=(n, 1))
        s0 = float((w.T @ xv)[0, 0])
        b = sgn * (abs(s0) + 0.5) - s0
        act = s0 + b > 0

        def A(ww, bb, xv=xv):
            return max(0.0, float(np.sum(ww * xv)) + bb)

        def V(ww, bb, A=A):
            return RNG_Y - A(ww, bb)

        if kind == "w":
            lhs = fd(lambda ww, b=b: A(ww, b), w).T
            rhs = (xv.T if variant == "ok" else w.T) if act else np.zeros((1, n))
        elif kind == "b":
            lhs = fd(lambda bb, w=w: A(w, float(bb[0])), np.array([b]))[0]
            rhs = (1.0 if variant == "ok" else b) if act else 0.0
        else:  # v
            lhs = fd(lambda ww, b=b: V(ww, b), w).T
            rhs = (-xv.T if variant == "ok" else xv.T) if act else np.zeros((1, n))
        ok = ok and same(lhs, rhs)
    return ok


RNG_Y = 0.7
for _k, _base, _bad in [
    ("w", "activation-w", "activation-w-swapped"),
    ("b", "activation-b", "activation-b-factor"),
    ("v", "v-partial-w", "v-partial-w-sign"),
]:
    check("b-ph-" + _base, "valid")(lambda k=_k: trials(lambda: neuron(k, "ok")))
    check("b-ph-" + _bad, "invalid")(lambda k=_k: trials(lambda: neuron(k, "bad")))


def loss_data(all_active=True):
    N, n = 5, 3
    w = RNG.normal(size=(n, 1))
    X = RNG.normal(size=(N, n))
    yv = RNG.normal(size=N)
    lin = X @ w
    if all_active:
        b = float(-lin.min() + 0.3)
    else:
        srt = np.sort(lin.ravel())
        b = float(-(srt[1] + srt[2]) / 2)  # mixed signs, away from the kink
        if np.min(np.abs(lin.ravel() + b)) < 0.05:
            return loss_data(all_active)
    return N, n, w, X, yv, b


def C_of(w, b, X, yv):
    return float(np.mean((yv - np.maximum(0, (X @ w).ravel() + b)) ** 2))


def dC(kind, variant):
    N, _n, w, X, yv, b = loss_data()
    e = (X @ w).ravel() + b - yv
    if kind == "w":
        lhs = fd(lambda ww: C_of(ww, b, X, yv), w).T
        c = 2.0 if variant == "ok" else 1.0
        rhs = c / N * sum(e[i] * X[i : i + 1, :] for i in range(N))
    else:
        lhs = fd(lambda bb: C_of(w, float(bb[0]), X, yv), np.array([b]))[0]
        rhs = (2.0 / N if variant == "ok" else -2.0 / N) * e.sum()
    return same(lhs, rhs)


check("b-ph-dC-dw", "valid")(lambda: trials(lambda: dC("w", "ok")))
check("b-ph-dC-dw-factor", "invalid")(lambda: trials(lambda: dC("w", "bad")))
check("b-ph-dC-db", "valid")(lambda: trials(lambda: dC("b", "ok")))
check("b-ph-dC-db-sign", "invalid")(lambda: trials(lambda: dC("b", "bad")))
xv0, dx0 = 1, 1
check("b-ph-tweak-numeric", "valid")(
    lambda: chain((xv0 + dx0) + (xv0 + dx0) ** 2, (1 + 1) + (1 + 1) ** 2, 2 + 4, 6)
)
check("b-ph-tweak-numeric-wrong", "invalid")(
    lambda: chain((xv0 + dx0) + (xv0 + dx0) ** 2, (1 + 1) + (1 + 1) ** 2, 2 + 2, 4)
)

# ---------------------------------------------------------------- Wikipedia: logistic function
F = 1 / (1 + sp.exp(-x))
EX = sp.exp(x)


def wlog(sign):
    return sym_eq(
        D(F, x),
        (EX * (1 + EX) + sign * EX * EX) / (1 + EX) ** 2,
        EX / (1 + EX) ** 2,
        (EX / (1 + EX)) * (1 / (1 + EX)),
        (EX / (1 + EX)) * (1 - EX / (1 + EX)),
        F * (1 - F),
    )


check("b-wiki-logistic-deriv", "valid")(lambda: wlog(-1))
check("b-wiki-logistic-deriv-sign", "invalid")(lambda: wlog(+1))
check("b-wiki-logistic-second", "valid")(lambda: sym_eq(D(F, x, 2), (1 - 2 * F) * (1 - F) * F))
check("b-wiki-logistic-second-factor", "invalid")(lambda: sym_eq(D(F, x, 2), (1 - F) * (1 - F) * F))
check("b-wiki-logistic-second-term", "invalid")(lambda: sym_eq(D(F, x, 2), (1 - 2 * F) * F))
check("b-wiki-logistic-symmetry", "valid")(lambda: sym_eq(1 - F, F.subs(x, -x)))
check("b-wiki-logistic-symmetry-sign", "invalid")(lambda: sym_eq(1 - F, -F))

# ---------------------------------------------------------------- Kevin Clark, CS224n


def kc_ident(kind, variant):
    n, m = 3, 5
    if kind == "Wx-x":
        W = RNG.normal(size=(n, m))
        xv = RNG.normal(size=m)
        J = jac(lambda xx: W @ xx, xv)
        return same(J, W if variant == "ok" else W.T)
    if kind == "xW-x":
        W = RNG.normal(size=(m, n))
        xv = RNG.normal(size=m)
        J = jac(lambda xx: xx @ W, xv)
        return same(J, W.T if variant == "ok" else W)

    def Jz(zz):
        return float(np.sum(np.sin(zz)) + np.ravel(zz)[0] * np.ravel(zz)[1])

    if kind == "Wx-W":
        W = RNG.normal(size=(n, m))
        xv = RNG.normal(size=(m, 1))
        delta = fd(Jz, W @ xv).T  # 1 x n row (Jacobian layout)
        lhs = fd(lambda WW: Jz(WW @ xv), W)
        rhs = safe(lambda: mm(delta.T, xv.T) if variant == "ok" else mm(xv, delta))
        return rhs is not None and same(lhs, rhs)
    W = RNG.normal(size=(m, n))
    xv = RNG.normal(size=(1, m))
    delta = fd(Jz, xv @ W)  # 1 x n row
    lhs = fd(lambda WW: Jz(xv @ WW), W)
    rhs = safe(lambda: mm(xv.T, delta) if variant == "ok" else mm(delta.T, xv))
    return rhs is not None and same(lhs, rhs)


for _k in ("Wx-x", "xW-x", "Wx-W", "xW-W"):
    check("b-kc-" + _k, "valid")(lambda k=_k: trials(lambda: kc_ident(k, "ok")))
check("b-kc-Wx-x-transpose", "invalid")(lambda: trials(lambda: kc_ident("Wx-x", "bad")))
check("b-kc-xW-x-transpose", "invalid")(lambda: trials(lambda: kc_ident("xW-x", "bad")))
check("b-kc-Wx-W-order", "invalid")(lambda: trials(lambda: kc_ident("Wx-W", "bad")))
check("b-kc-xW-W-transpose", "invalid")(lambda: trials(lambda: kc_ident("xW-W", "bad")))


def softmax(t):
    e = np.exp(t - np.max(t))
    return e / e.sum()


def kc_soft_diag(sign):
    N, i = 4, 2
    th = RNG.normal(size=N)
    S = np.exp(th).sum()
    e = np.exp(th)
    yv = softmax(th)
    lhs = jac(softmax, th)[i, i]
    return chain(
        lhs,
        (e[i] * S + sign * e[i] * e[i]) / S**2,
        e[i] * (S + sign * e[i]) / S**2,
        e[i] / S * (S + sign * e[i]) / S,
        yv[i] * (1 + sign * yv[i]),
    )


check("b-kc-softmax-diag", "valid")(lambda: trials(lambda: kc_soft_diag(-1)))
check("b-kc-softmax-diag-sign", "invalid")(lambda: trials(lambda: kc_soft_diag(+1)))


def kc_soft_cases(variant):
    th = RNG.normal(size=4)
    yv = softmax(th)
    Jm = jac(softmax, th)
    off = -1.0 if variant == "ok" else 1.0
    claimed = np.array(
        [
            [yv[i] * (1 - yv[j]) if i == j else off * yv[j] * yv[i] for j in range(4)]
            for i in range(4)
        ]
    )
    return same(Jm, claimed)


check("b-kc-softmax-cases", "valid")(lambda: trials(lambda: kc_soft_cases("ok")))
check("b-kc-softmax-cases-sign", "invalid")(lambda: trials(lambda: kc_soft_cases("bad")))


class OneLayer:
    def __init__(self, Dx=3, Dh=5, Nc=4):
        self.x = RNG.normal(size=(Dx, 1))
        self.W = RNG.normal(size=(Dh, Dx))
        self.b1 = RNG.normal(size=(Dh, 1))
        self.U = RNG.normal(size=(Nc, Dh))
        self.b2 = RNG.normal(size=(Nc, 1))
        self.y = np.zeros((Nc, 1))
        self.y[RNG.integers(Nc), 0] = 1.0
        self.z = self.W @ self.x + self.b1
        self.h = np.maximum(self.z, 0)
        self.theta = self.U @ self.h + self.b2
        self.yhat = softmax(self.theta.ravel())[:, None]

    def J(self, x=None, W=None, U=None, theta=None, z=None):
        x = self.x if x is None else x
        W = self.W if W is None else W
        U = self.U if U is None else U
        if theta is None:
            if z is None:
                z = W @ x + self.b1
            theta = U @ np.maximum(z, 0) + self.b2
        p = softmax(np.ravel(theta))
        return float(-np.sum(self.y.ravel() * np.log(p)))


def kc_nn(kind, variant):
    n = OneLayer()
    d1 = fd(lambda t: n.J(theta=t), n.theta).T  # 1 x Nc (Jacobian layout)
    d2 = fd(lambda t: n.J(z=t), n.z).T  # 1 x Dh
    if kind == "delta1":
        last = (n.yhat - n.y).T if variant == "ok" else (n.y - n.yhat).T
        return chain(d1, last)
    if kind == "dU":
        lhs = fd(lambda UU: n.J(U=UU), n.U)
        rhs = safe(lambda: mm(d1.T, n.h.T) if variant == "ok" else mm(n.h, d1))
        return rhs is not None and same(lhs, rhs)
    lhs = fd(lambda xx: n.J(x=xx), n.x)  # Dx x 1 (shape of x)
    rhs = safe(lambda: mm(d2, n.W).T if variant == "ok" else mm(d2, n.W.T).T)
    return rhs is not None and same(lhs, rhs)


check("b-kc-nn-delta1", "valid")(lambda: trials(lambda: kc_nn("delta1", "ok")))
check("b-kc-nn-delta1-swapped", "invalid")(lambda: trials(lambda: kc_nn("delta1", "bad")))
check("b-kc-nn-dU", "valid")(lambda: trials(lambda: kc_nn("dU", "ok")))
check("b-kc-nn-dU-order", "invalid")(lambda: trials(lambda: kc_nn("dU", "bad")))
check("b-kc-nn-dx", "valid")(lambda: trials(lambda: kc_nn("dx", "ok")))
check("b-kc-nn-dx-transpose", "invalid")(lambda: trials(lambda: kc_nn("dx", "bad")))

# ---------------------------------------------------------------- documents
# One function per $$ block, in file order; it returns one verdict per relation link.
DEF = "definition"


def V(flag):
    return "valid" if flag else "invalid"


def links_of(*vals):
    return [V(same(vals[k], vals[k + 1])) for k in range(len(vals) - 1)]


def doc_logistic(mut):
    mid = -sp.exp(-z) / (1 + sp.exp(-z)) ** 2 if mut else sp.exp(-z) / (1 + sp.exp(-z)) ** 2
    gexprs = [
        sp.diff(g_, z),
        sp.diff(1 / (1 + sp.exp(-z)), z),
        mid,
        1 / (1 + sp.exp(-z)) * (1 - 1 / (1 + sp.exp(-z))),
        g_ * (1 - g_),
    ]

    def b_h():
        t = RNG.normal(size=3)
        xv = RNG.normal(size=3)
        return [DEF, V(same(sig(t @ xv), 1 / (1 + np.exp(-(t @ xv)))))]

    def b_gp():
        return [V(sym_eq(a, b)) for a, b in itertools.pairwise(gexprs)]

    def b_L():
        h = RNG.uniform(0.1, 0.9, size=5)
        yy = RNG.integers(0, 2, size=5).astype(float)
        p = np.where(yy == 1, h, 1 - h)  # P(y=1)=h, P(y=0)=1-h
        return [DEF, DEF, V(same(np.prod(p), np.prod(h**yy * (1 - h) ** (1 - yy))))]

    def b_ell():
        h = RNG.uniform(0.1, 0.9, size=5)
        yy = RNG.integers(0, 2, size=5).astype(float)
        L = np.prod(h**yy * (1 - h) ** (1 - yy))
        return [DEF, V(same(np.log(L), np.sum(yy * np.log(h) + (1 - yy) * np.log(1 - h))))]

    def b_grad():
        th = RNG.normal(size=4)
        xv = RNG.normal(size=4)
        yv = float(RNG.integers(0, 2))
        j = 1

        def ell(t):
            h = sig(t @ xv)
            return yv * np.log(h) + (1 - yv) * np.log(1 - h)

        g = sig(th @ xv)
        pre = yv / g - (1 - yv) / (1 - g)
        e0 = fd(ell, th)[j]
        e1 = pre * fd(lambda t: sig(t @ xv), th)[j]
        e2 = pre * g * (1 - g) * fd(lambda t: t @ xv, th)[j]
        e3 = (yv * (1 - g) - (1 - yv) * g) * xv[j]
        e4 = ((g - yv) if mut else (yv - g)) * xv[j]
        return links_of(e0, e1, e2, e3, e4)

    return [
        b_h,
        lambda: [DEF],
        b_gp,
        lambda: [DEF],
        lambda: [DEF],
        lambda: [DEF],
        b_L,
        b_ell,
        b_grad,
    ]


def doc_bias():
    def data(all_active=False):
        N, _n, w, X, yv, b = loss_data(all_active)
        return N, w, X, yv, b

    def b_du():
        out = []
        for sgn in (+1, -1):
            w = RNG.normal(size=3)
            xv = RNG.normal(size=3)
            s0 = w @ xv
            b = sgn * (abs(s0) + 0.5) - s0
            lhs = fd(lambda bb, s0=s0: max(0.0, s0 + bb[0]), np.array([b]))[0]
            out.append(same(lhs, 1.0 if s0 + b > 0 else 0.0))
        return [V(all(out))]

    def b_dv():
        res = []
        for sgn in (+1, -1):
            w = RNG.normal(size=3)
            xv = RNG.normal(size=3)
            s0 = w @ xv
            b = sgn * (abs(s0) + 0.5) - s0
            yv = 0.3

            def u(bb, s0=s0):
                return max(0.0, s0 + bb)

            du = fd(lambda bb, u=u: u(bb[0]), np.array([b]))[0]
            dv = fd(lambda bb, u=u, yv=yv: yv - u(bb[0]), np.array([b]))[0]
            res.append(links_of(dv, dv, 0 - du, -du, (-1.0 if s0 + b > 0 else 0.0)))
        return ["valid" if all(r[k] == "valid" for r in res) else "invalid" for k in range(4)]

    def b_dC():
        N, w, X, yv, b = data(False)
        lin = (X @ w).ravel()
        act = lin + b > 0

        def vi(bb, i):
            return yv[i] - max(0.0, lin[i] + bb)

        def Cb(bb):
            return np.mean((yv - np.maximum(0, lin + bb)) ** 2)

        e0 = fd(lambda bb: Cb(bb[0]), np.array([b]))[0]
        e1 = fd(lambda bb: np.mean([vi(bb[0], i) ** 2 for i in range(N)]), np.array([b]))[0]
        e2 = np.mean([fd(lambda bb, i=i: vi(bb[0], i) ** 2, np.array([b]))[0] for i in range(N)])
        e3 = np.mean(
            [2 * vi(b, i) * fd(lambda bb, i=i: vi(bb[0], i), np.array([b]))[0] for i in range(N)]
        )
        e4 = e3
        e5 = np.mean([(-2 * vi(b, i)) if act[i] else 0.0 for i in range(N)])
        e6 = np.mean([(-2 * (yv[i] - max(0, lin[i] + b))) if act[i] else 0.0 for i in range(N)])
        e7 = np.mean([(2 * (lin[i] + b - yv[i])) if act[i] else 0.0 for i in range(N)])
        e8 = 2.0 / N * sum((lin[i] + b - yv[i]) if act[i] else 0.0 for i in range(N))
        return links_of(e0, e1, e2, e3, e4, e5, e6, e7, e8)

    def b_e():
        return [V(dC("b", "ok"))]

    return [lambda: [DEF], lambda: [DEF], lambda: [DEF], b_du, b_dv, b_dC, b_e, lambda: [DEF]]


def doc_backprop():
    n = TwoLayer()
    gW2 = fd(lambda W: n.J(W2=W), n.W2)
    gb2 = fd(lambda b: n.J(b2=b), n.b2)
    gW1 = fd(lambda W: n.J(W1=W), n.W1)
    gb1 = fd(lambda b: n.J(b1=b), n.b1)
    dz = dJdz(n)
    dJdo = fd(lambda oo: n.J(o=oo), np.array([n.o]))[0]
    m, d = n.m, n.d

    def b_w2i():
        i = 2
        dodw = fd(lambda W: float((W @ n.a + n.b2)[0, 0]), n.W2)[0, i]
        return links_of(gW2[0, i], dJdo * dodw, (n.o - n.y) * dodw, (n.o - n.y) * n.a[i, 0])

    def b_w2():
        r = (n.o - n.y) * n.a.T
        return [V(same(gW2, r)), V(r.shape == (1, m))]

    def b_b2():
        return [V(same(gb2, [[n.o - n.y]])), V(np.ndim(n.o - n.y) == 0)]

    def b_w1ij():
        return ["valid" if dW1_entry(n, "ok") else "invalid"] * 2

    def b_delta2():
        return [DEF, V(same(dJdo, n.o - n.y)), V(np.ndim(n.o - n.y) == 0)]

    def b_delta1():
        r = (n.W2.T * (n.o - n.y)) * (n.z >= 0)
        return [DEF, V(same(dz, r)), V(r.shape == (m, 1))]

    d1 = (n.W2.T * (n.o - n.y)) * (n.z >= 0)
    d2 = n.o - n.y
    return [
        lambda: [DEF],
        lambda: [DEF],
        lambda: [DEF, DEF],
        lambda: [DEF],
        b_w2i,
        b_w2,
        b_b2,
        b_w1ij,
        lambda: [V(dW1(n, "ok"))],
        lambda: ["valid" if dz_entry(n, "ok") else "invalid"] * 2,
        lambda: ["valid" if da_entry(n, "ok") else "invalid"] * 2,
        lambda: [V(da_vec(n, "ok"))],
        b_delta2,
        b_delta1,
        lambda: [V(same(gW2, d2 * n.a.T)), V((d2 * n.a.T).shape == (1, m))],
        lambda: [V(same(gb2, [[d2]])), V(np.ndim(d2) == 0)],
        lambda: [V(same(gW1, d1 @ n.x.T)), V((d1 @ n.x.T).shape == (m, d))],
        lambda: [V(same(gb1, d1)), V(d1.shape == (m, 1))],
    ]


DOCS = {
    "cs229-logistic-regression": lambda: doc_logistic(False),
    "cs229-logistic-regression-mutated": lambda: doc_logistic(True),
    "parr-howard-bias-derivative": doc_bias,
    "cs229-backprop-two-layer": doc_backprop,
}


def doc_items():
    """Yield (label, expected, got) for every valid/invalid link of every document."""
    for name, make in DOCS.items():
        text = (HERE / "docs" / (name + ".expect.yaml")).read_text()
        lines = [int(v) for v in re.findall(r"^  - line: (\d+)$", text, flags=re.MULTILINE)]
        pat = r"^    expect: \[(.*)\]$"
        exps = [e.split(", ") for e in re.findall(pat, text, flags=re.MULTILINE)]
        fns = make()
        if not (len(lines) == len(exps) == len(fns)):
            yield (f"doc:{name}", f"blocks={len(exps)}", f"checks={len(fns)}")
            continue
        for ln, exp, fn in zip(lines, exps, fns, strict=True):
            got = fn()
            if len(got) != len(exp):
                yield (f"doc:{name}:{ln}", str(exp), str(got))
                continue
            for k, (e, g) in enumerate(zip(exp, got, strict=True)):
                if e == DEF and g == DEF:
                    continue
                yield (f"doc:{name}:{ln}:{k + 1}", e, g)


def yaml_claims():
    text = (HERE / "claims.yaml").read_text()
    ids = re.findall(r"^- id: (\S+)$", text, flags=re.MULTILINE)
    exps = re.findall(r"^  expect: (\S+)$", text, flags=re.MULTILINE)
    assert len(ids) == len(exps), "could not pair ids and expects"
    return dict(zip(ids, exps, strict=True))


def main():
    ok = bad = 0
    claims = yaml_claims()
    for cid, exp in claims.items():
        if cid not in CHECKS:
            print(f"FAIL {cid:<45} no check coded")
            bad += 1
            continue
        cexp, fn = CHECKS[cid]
        holds = bool(fn())
        got = "valid" if holds else "invalid"
        good = got == exp == cexp
        print(f"{'ok  ' if good else 'FAIL'} {cid:<45} expect={exp:<7} got={got}")
        ok += good
        bad += not good
    for cid in CHECKS:
        if cid not in claims:
            print(f"FAIL {cid:<45} check without claim")
            bad += 1
    for label, exp, got in doc_items():
        good = exp == got
        print(f"{'ok  ' if good else 'FAIL'} {label:<45} expect={exp:<7} got={got}")
        ok += good
        bad += not good
    print(f"{ok} confirmed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
