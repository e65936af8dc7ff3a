"""Independent confirmation of every verdict in part q (claims.yaml and docs/*.expect.yaml).

Every relation is coded by hand as NumPy expressions (no LaTeX parsing).  Derivatives are
checked against central finite differences at random points; worked-example numbers must agree
with the exact value to within one unit of the last printed digit.  Each check returns one
boolean per relation link; a claim is valid iff all its links hold.
"""

import math
import os
import sys

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20261205)
H = 1e-6


def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def fd(f, x):
    return (f(x + H) - f(x - H)) / (2 * H)


def fdv(f, v, k):
    """Central difference of scalar f wrt component k of array v."""
    e = np.zeros_like(v, dtype=float)
    e.flat[k] = H
    return (f(v + e) - f(v - e)) / (2 * H)


def close(a, b, tol=1e-6):
    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def links(vals, tol=1e-6):
    return [close(vals[k], vals[k + 1], tol) for k in range(len(vals) - 1)]


def printed(true, text):
    """True iff `text` equals `true` to within one unit of its last printed digit."""
    t = text.replace(",", "")
    dec = len(t.split(".")[1]) if "." in t else 0
    return abs(true - float(t)) <= 10.0 ** (-dec) * (1 + 1e-9)


def over(trials, fn):
    """Run fn() (a list of link booleans) several times; a link holds only if it always holds."""
    res = None
    for _ in range(trials):
        r = fn()
        res = r if res is None else [a and b for a, b in zip(res, r, strict=True)]
    return res


# ----------------------------------------------------------------- ratsgo: node gradients
def r_sigmoid(form):
    def one():
        x = RNG.normal() * 2
        y = sig(x)
        rhs = y * (1 - y) if form == "ok" else (1 - y)
        return [close(fd(sig, x), rhs)]
    return over(5, one)


def r_tanh(form):
    def one():
        x = RNG.normal()
        y = np.tanh(x)
        rhs = 1 - y**2 if form == "ok" else 1 + y**2
        return [close(fd(np.tanh, x), rhs)]
    return over(5, one)


def r_add(wrt, form="ok"):
    def one():
        x, y = RNG.normal(size=2)
        d = fd(lambda t: t + y, x) if wrt == "x" else fd(lambda t: x + t, y)
        rhs = 1.0 if form == "ok" else y
        return [close(d, d), close(d, rhs)]
    return over(5, one)


def r_mul(wrt, form="ok"):
    def one():
        x, y = RNG.normal(size=2)
        if wrt == "x":
            d = fd(lambda t: t * y, x)
            rhs = y if form == "ok" else x
        else:
            d = fd(lambda t: x * t, y)
            rhs = x
        return [close(d, d), close(d, rhs)]
    return over(5, one)


def r_relu(region):
    def relu(t):
        return t if t > 0 else 0.0
    x = abs(RNG.normal()) + 0.1
    if region == "pos":
        return [close(fd(relu, x), 1.0)]
    return [close(fd(relu, -x), 0.0)]


def r_hadamard(last):
    lhs = np.array([1, 3, 2]) * np.array([4, 5, 3])
    return [bool(np.array_equal(lhs, np.array([4, 15, last])))]


def r_chain_rule():
    def one():
        x = RNG.normal()

        def yf(t):
            return np.sin(t)

        def lf(u):
            return u**2 + 3 * u
        lhs = fd(lambda t: lf(yf(t)), x)
        rhs = fd(yf, x) * fd(lf, yf(x))
        return [close(lhs, rhs, 1e-5)]
    return over(5, one)


# ----------------------------------------------------------------- ratsgo: softmax-with-loss
def softmax(a):
    e = np.exp(a)
    return e / e.sum()


def jac(a):
    n = len(a)
    J = np.zeros((n, n))
    for k in range(n):
        e = np.zeros(n)
        e[k] = H
        J[:, k] = (softmax(a + e) - softmax(a - e)) / (2 * H)
    return J


def r_sm_first():
    a = RNG.normal(size=4)
    i = 1
    d1 = fdv(lambda v: softmax(v)[i], a, i)
    d2 = fdv(lambda v: np.exp(v[i]) / np.exp(v).sum(), a, i)
    return [close(d1, d2)]


def r_sm_diag(form="ok"):
    def one():
        a = RNG.normal(size=4)
        i = int(RNG.integers(4))
        e = np.exp(a)
        S = e.sum()
        ei = e[i]
        p = ei / S
        last = p * (1 - p) if form == "ok" else p * (1 + p)
        vals = [jac(a)[i, i], (ei * S - ei * ei) / S**2, ei * (S - ei) / S**2,
                (ei / S) * ((S - ei) / S), (ei / S) * (1 - ei / S), last]
        return links(vals)
    return over(4, one)


def r_sm_off(form="ok"):
    def one():
        a = RNG.normal(size=4)
        i, j = RNG.choice(4, size=2, replace=False)
        e = np.exp(a)
        S = e.sum()
        p = e / S
        last = -p[i] * p[j] if form == "ok" else p[i] * p[j]
        vals = [jac(a)[i, j], (0 - e[i] * e[j]) / S**2, -(e[i] / S) * (e[j] / S), last]
        return links(vals)
    return over(4, one)


def r_sm_chain(form="ok"):
    def one():
        a = RNG.normal(size=4)
        y = RNG.uniform(0.1, 1.0, size=4)
        i = int(RNG.integers(4))
        p = softmax(a)
        J = jac(a)

        def L(v):
            return -np.sum(y * np.log(softmax(v)))
        d = fdv(L, a, i)
        dlog = np.array([fdv(lambda v, j=j: np.log(softmax(v)[j]), a, i) for j in range(4)])
        if form == "ok":
            last = -np.sum(y / p * J[:, i])
        elif form == "sign":
            last = np.sum(y / p * J[:, i])
        else:  # 1/p_j dropped
            last = -np.sum(y * J[:, i])
        vals = [d, fdv(L, a, i), -np.sum(y * dlog), last]
        return links(vals, 1e-5)
    return over(4, one)


def r_sm_final(form="ok"):
    res = None
    for t in range(4):
        for i in range(4):
            a = RNG.normal(size=4)
            y = np.zeros(4)
            y[t] = 1.0
            p = softmax(a)
            J = jac(a)
            m = np.arange(4) != i
            last = p[i] - y[i] if form == "ok" else y[i] - p[i]
            vals = [-np.sum(y / p * J[:, i]),
                    -y[i] / p[i] * p[i] * (1 - p[i]) - np.sum(y[m] / p[m] * (-p[i] * p[m])),
                    -y[i] + y[i] * p[i] + np.sum(y[m] * p[i]),
                    -y[i] + np.sum(y * p[i]),
                    -y[i] + p[i] * np.sum(y),
                    last]
            r = links(vals, 1e-5)
            res = r if res is None else [u and w for u, w in zip(res, r, strict=True)]
    return res


# ----------------------------------------------------------------- ratsgo: logistic, ridge
def r_loglik(form="ok"):
    def one():
        X = RNG.normal(size=(6, 3))
        beta = RNG.normal(size=3)
        y = RNG.integers(0, 2, size=6)
        s = sig(X @ beta)
        lhs = np.log(np.prod(s**y * (1 - s) ** (1 - y)))
        if form == "ok":
            rhs = np.sum(y * np.log(s)) + np.sum((1 - y) * np.log(1 - s))
        else:
            rhs = np.sum(y * np.log(s)) + np.sum(np.log(1 - s))
        return [close(lhs, rhs)]
    return over(5, one)


def r_ridge(form="ok"):
    X = RNG.normal(size=(8, 3))
    y = RNG.normal(size=8)
    lam = 0.7
    if form == "ok":
        b = np.linalg.solve(X.T @ X + lam * np.eye(3), X.T @ y)
    else:
        b = np.linalg.solve(X.T @ X, X.T @ y)

    def obj(v):
        return (y - X @ v) @ (y - X @ v) + lam * v @ v
    grad = np.array([fdv(obj, b, k) for k in range(3)])
    return [close(grad, np.zeros(3), 1e-5)]


def r_ols():
    X = RNG.normal(size=(8, 3))
    y = RNG.normal(size=8)
    b = np.linalg.solve(X.T @ X, X.T @ y)

    def obj(v):
        return (y - X @ v) @ (y - X @ v)
    grad = np.array([fdv(obj, b, k) for k in range(3)])
    return [close(grad, np.zeros(3), 1e-5)]


def r_mse_expand(c=2.0):
    def one():
        x1, x2, y = RNG.normal(size=(3, 7))
        b1, b2 = RNG.normal(size=2)
        lhs = np.sum((y - b1 * x1 - b2 * x2) ** 2)
        rhs = (np.sum(x1**2) * b1**2 + np.sum(x2**2) * b2**2 + c * np.sum(x1 * x2) * b1 * b2
               - 2 * np.sum(y * x1) * b1 - 2 * np.sum(y * x2) * b2 + np.sum(y**2))
        return [close(lhs, rhs)]
    return over(5, one)


# ----------------------------------------------------------------- Pablo Caceres: MLP
def p_net():
    x, w1, b1, w2, b2, y = RNG.normal(size=6)
    y = sig(y)

    def E(w1=w1, b1=b1, w2=w2, b2=b2):
        a1 = sig(w1 * x + b1)
        a2 = sig(w2 * a1 + b2)
        return 0.5 * (a2 - y) ** 2
    a1 = sig(w1 * x + b1)
    z2 = w2 * a1 + b2
    a2 = sig(z2)
    return {"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2, "y": y, "a1": a1, "z2": z2,
            "a2": a2, "E": E}


def p_dEda(form="ok"):
    def one():
        n = p_net()
        d = fd(lambda a: 0.5 * (a - n["y"]) ** 2, n["a2"])
        rhs = n["a2"] - n["y"] if form == "ok" else n["y"] - n["a2"]
        return [close(d, rhs)]
    return over(5, one)


def p_dadz(form="ok"):
    def one():
        n = p_net()
        a = n["a2"]
        rhs = a * (1 - a) if form == "ok" else a
        return [close(fd(sig, n["z2"]), rhs)]
    return over(5, one)


def p_dzdw(form="ok"):
    def one():
        n = p_net()
        d = fd(lambda w: w * n["a1"] + n["b2"], n["w2"])
        rhs = n["a1"] if form == "ok" else n["w2"]
        return [close(d, rhs)]
    return over(5, one)


def p_chain(which, form="ok"):
    def one():
        n = p_net()
        a1, a2, y = n["a1"], n["a2"], n["y"]
        top = (a2 - y) * a2 * (1 - a2)
        if which == "w1":
            d = fd(lambda t: n["E"](w1=t), n["w1"])
            hid = a1 * (1 - a1) if form == "ok" else 1.0
            rhs = top * n["w2"] * hid * n["x"]
        elif which == "b2":
            d = fd(lambda t: n["E"](b2=t), n["b2"])
            rhs = top * 1.0 * (1.0 if form == "ok" else a1)
        else:  # b1
            d = fd(lambda t: n["E"](b1=t), n["b1"])
            rhs = top * n["w2"] * a1 * (1 - a1) * 1.0
        return [close(d, rhs)]
    return over(5, one)


def p_multi(which, form="ok"):
    def one():
        a1 = sig(RNG.normal(size=3))
        W = RNG.normal(size=(2, 3))
        b = RNG.normal(size=2)
        y = sig(RNG.normal(size=2))

        def E(a1v=a1, bv=b):
            return 0.5 * np.sum((sig(W @ a1v + bv) - y) ** 2)
        a2 = sig(W @ a1 + b)
        g = (a2 - y) * a2 * (1 - a2)
        ok = True
        if which == "ak":
            for k in range(3):
                d = fdv(lambda v: E(a1v=v), a1, k)
                if form == "ok":
                    ok &= close(d, np.sum(g * W[:, k]))
                else:
                    ok &= all(close(d, g[j] * W[j, k]) for j in range(2))
        else:  # bias b_j; the mutated form takes dE/da at the other unit k
            for j in range(2):
                d = fdv(lambda v: E(bv=v), b, j)
                k = 1 - j
                dEda = (a2[j] - y[j]) if form == "ok" else (a2[k] - y[k])
                ok &= close(d, dEda * a2[j] * (1 - a2[j]) * 1.0)
        return [ok]
    return over(5, one)


def p_linsum(form="ok"):
    def one():
        w = RNG.normal(size=6)
        x = RNG.normal(size=5)
        mid = w[0] + np.sum(x * w[1:])
        expl = w[0] + w[1] * x[0] + w[2] * x[1] + w[3] * x[2] + w[4] * x[3] + w[5] * x[4]
        if form != "ok":
            expl = expl - w[0]
        return [close(mid, mid), close(mid, expl)]
    return over(5, one)


# ----------------------------------------------------------------- MLU-explain
def m_msegrad(form="ok"):
    def one():
        n = 10
        x, y = RNG.normal(size=(2, n))
        b0, b1 = RNG.normal(size=2)

        def mse(c0, c1):
            return np.mean((y - (c0 + c1 * x)) ** 2)
        d0 = fd(lambda t: mse(t, b1), b0)
        d1 = fd(lambda t: mse(b0, t), b1)
        yh = b0 + b1 * x
        c0 = -2 / n * np.sum(y - yh)
        c1 = -2 / n * np.sum(x * (y - yh))
        if form == "factor":
            c0, c1 = c0 / 2, c1 / 2
        elif form == "sign":
            c0 = -c0
        elif form == "term":
            c1 = -2 / n * np.sum(y - yh)
        return [close(d0, c0) and close(d1, c1)]
    return over(5, one)


# ----------------------------------------------------------------- Sghosh worked example
SG_X1, SG_X2, SG_W11, SG_W12, SG_B, SG_Y, SG_ETA = 1.0, 2.0, 0.5, -0.4, 0.1, 1.0, 0.1


def sg_loss(w11=SG_W11, w12=SG_W12, b=SG_B):
    yp = sig(w11 * SG_X1 + w12 * SG_X2 + b)
    return 0.5 * (SG_Y - yp) ** 2


SG_Z = SG_W11 * SG_X1 + SG_W12 * SG_X2 + SG_B
SG_YP = sig(SG_Z)
SG_DLDZ = (SG_YP - SG_Y) * SG_YP * (1 - SG_YP)


def near(true, approx, units=1e-4):
    """An expression of rounded printed operands vs the exact value (propagated rounding)."""
    return abs(true - approx) <= units * (1 + 1e-9)


def s_z(last):
    return [close(SG_Z, 0.5 * 1.0 + (-0.4) * 2.0 + 0.1), printed(SG_Z, last)]


def s_dldyp(form="ok"):
    d = fd(lambda t: 0.5 * (SG_Y - t) ** 2, SG_YP)
    if form == "ok":
        return [close(d, SG_YP - SG_Y), near(SG_YP - SG_Y, 0.4502 - 1.0),
                printed(0.4502 - 1.0, "-0.5498")]
    return [close(d, SG_Y - SG_YP), near(SG_Y - SG_YP, 1.0 - 0.4502),
            printed(1.0 - 0.4502, "0.5498")]


def s_dypdz(form="ok"):
    d = fd(sig, SG_Z)
    if form == "ok":
        e = 0.4502 * (1 - 0.4502)
        return [close(d, SG_YP * (1 - SG_YP)), near(SG_YP * (1 - SG_YP), e), printed(e, "0.2475")]
    e = 0.4502 * (1 + 0.4502)
    return [close(d, SG_YP * (1 + SG_YP)), near(SG_YP * (1 + SG_YP), e), printed(e, "0.6529")]


def s_dldz(last):
    d = fd(lambda t: 0.5 * (SG_Y - sig(t)) ** 2, SG_Z)
    e = -0.5498 * 0.2475
    return [close(d, SG_DLDZ), near(SG_DLDZ, e), printed(e, last)]


def s_dldw12(form="ok"):
    d = fd(lambda t: sg_loss(w12=t), SG_W12)
    x = SG_X2 if form == "ok" else SG_X1
    e = -0.1360 * x
    return [close(d, SG_DLDZ * x), near(SG_DLDZ * x, e, 1e-4 * x),
            printed(e, "-0.2720" if form == "ok" else "-0.1360")]


def s_dldb(form="ok"):
    d = fd(lambda t: sg_loss(b=t), SG_B)
    if form == "ok":
        return [close(d, SG_DLDZ), printed(SG_DLDZ, "-0.1360")]
    e = -0.1360 * 0.1
    return [close(d, SG_DLDZ * SG_B), near(SG_DLDZ * SG_B, e, 1e-5), printed(e, "-0.0136")]


def s_update(w, g_true, g_printed, last, units=1e-4):
    """units: rounding carried by the printed gradient (x2 for w12, whose input is 2.0)."""
    e = w - SG_ETA * g_printed
    return [near(w - SG_ETA * g_true, e, SG_ETA * units) and printed(e, last)]


SG_G11 = SG_DLDZ * SG_X1
SG_G12 = SG_DLDZ * SG_X2


# ----------------------------------------------------------------- jackey8616 logistic
def j_data():
    N = 6
    x1, x2 = RNG.normal(size=(2, N))
    y = RNG.integers(0, 2, size=N).astype(float)
    w1, w2, b = RNG.normal(size=3)

    def J(w1=w1, w2=w2, b=b):
        p = sig(w1 * x1 + w2 * x2 + b)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    z = w1 * x1 + w2 * x2 + b
    return {"N": N, "x1": x1, "x2": x2, "y": y, "w1": w1, "w2": w2, "b": b, "J": J, "z": z}


def j_grad(which, form="ok"):
    def one():
        d = j_data()
        s, y, N = sig(d["z"]), d["y"], d["N"]
        if which == "w1":
            g = fd(lambda t: d["J"](w1=t), d["w1"])
            rhs = np.sum((s - y) * d["x1"]) / (N if form == "ok" else 1)
        elif which == "w2":
            g = fd(lambda t: d["J"](w2=t), d["w2"])
            rhs = np.mean((s - y) * (d["x2"] if form == "ok" else d["x1"]))
        else:
            g = fd(lambda t: d["J"](b=t), d["b"])
            rhs = np.mean(s - y) if form == "ok" else np.mean(y - s)
        return [close(g, rhs)]
    return over(5, one)


def g_l1p(z):
    return np.log(1 + np.exp(-z))


def j_eq5(form="ok"):
    def one():
        z = RNG.normal() * 2
        last = -1 / (np.exp(z) + 1) if form == "ok" else -1 / (np.exp(-z) + 1)
        vals = [fd(g_l1p, z), 1 / (1 + np.exp(-z)) * (-np.exp(-z)),
                -np.exp(-z) / (1 + np.exp(-z)),
                (-1 * np.exp(-z) * np.exp(z)) / ((1 + np.exp(-z)) * np.exp(z)), last]
        return links(vals)
    return over(5, one)


def j_eq7(form="ok"):
    def one():
        z = RNG.normal() * 2
        last = sig(z) - 1 if form == "ok" else 1 - sig(z)
        return links([fd(g_l1p, z), -1 / (np.exp(z) + 1), -(1 - sig(z)), last])
    return over(5, one)


def j_eq8(form="ok"):
    def one():
        z = RNG.normal() * 2
        y = float(RNG.integers(0, 2))

        def f(t):
            return g_l1p(t) + (1 - y) * t
        if form == "ok":
            return links([fd(f, z), fd(g_l1p, z) + (1 - y), sig(z) - 1 + (1 - y), sig(z) - y])
        return links([fd(f, z), fd(g_l1p, z) + (1 - y) * z])
    res = None
    for _ in range(8):
        r = one()
        res = r if res is None else [a and b for a, b in zip(res, r, strict=True)]
    return res


def j_rewrite(form="ok"):
    def one():
        d = j_data()
        z, y = d["z"], d["y"]
        lin = (1 - y) * z if form == "ok" else y * z
        return [close(d["J"](), np.mean(g_l1p(z) + lin))]
    return over(5, one)


def j_lnhalf(form="ok"):
    last = -math.log(2) if form == "ok" else math.log(2)
    return links([math.log(0.5), math.log(1 / 2), math.log(1) - math.log(2), 0 - math.log(2),
                  last])


def j_signeg(form="ok"):
    def one():
        z = RNG.normal() * 2
        last = 1 - sig(z) if form == "ok" else sig(z) - 1
        return links([sig(-z), 1 / (1 + np.exp(z)), last])
    return over(5, one)


# ----------------------------------------------------------------- ezalos backprop equations
def e_net():
    a0 = RNG.normal(size=3)
    W1, W2 = RNG.normal(size=(2, 3, 3))
    b1, b2 = RNG.normal(size=(2, 3))
    y = sig(RNG.normal(size=3))

    def C_from_z1(z1):
        aL = sig(W2 @ sig(z1) + b2)
        return 0.5 * np.sum((y - aL) ** 2)

    def C_from_z2(z2):
        return 0.5 * np.sum((y - sig(z2)) ** 2)

    def C_from_W1(w):
        return C_from_z1(w.reshape(3, 3) @ a0 + b1)

    def C_from_b1(bv):
        return C_from_z1(W1 @ a0 + bv)
    z1 = W1 @ a0 + b1
    z2 = W2 @ sig(z1) + b2
    aL = sig(z2)
    d2 = np.array([fdv(C_from_z2, z2, j) for j in range(3)])
    d1 = np.array([fdv(C_from_z1, z1, j) for j in range(3)])
    return {"a0": a0, "W1": W1, "W2": W2, "b1": b1, "y": y, "z1": z1, "z2": z2, "aL": aL,
            "d1": d1, "d2": d2, "C_W1": C_from_W1, "C_b1": C_from_b1}


def dsig(z):
    return sig(z) * (1 - sig(z))


def e_check(which, form="ok"):
    def one():
        n = e_net()
        aL, y = n["aL"], n["y"]

        def C_of_a(a):
            return 0.5 * np.sum((y - a) ** 2)
        if which in ("dCda", "nabla"):
            g = np.array([fdv(C_of_a, aL, j) for j in range(3)])
            if which == "dCda":
                rhs = aL - y if form == "ok" else y - aL
            else:
                rhs = aL - y if form == "ok" else 2 * (aL - y)
            return [close(g, rhs)]
        if which == "deltaL":
            g = np.array([fdv(C_of_a, aL, j) for j in range(3)])
            rhs = g * (dsig(n["z2"]) if form == "ok" else sig(n["z2"]))
            return [close(n["d2"], rhs)]
        if which == "deltal":
            W2 = n["W2"] if form != "ok" else n["W2"].T
            return [close(n["d1"], (W2 @ n["d2"]) * dsig(n["z1"]))]
        if which == "db":
            g = np.array([fdv(n["C_b1"], n["b1"], j) for j in range(3)])
            rhs = n["d1"] if form == "ok" else n["a0"] * n["d1"]
            return [close(g, rhs)]
        # dw: dC/dW1[j,k]
        w = n["W1"].ravel()
        ok = True
        for j in range(3):
            for k in range(3):
                g = fdv(n["C_W1"], w, 3 * j + k)
                rhs = n["a0"][k] * n["d1"][j] if form == "ok" else n["a0"][j] * n["d1"][k]
                ok &= close(g, rhs)
        return [ok]
    return over(4, one)


# ----------------------------------------------------------------- claim table
CLAIMS = {
    "q-ratsgo-sigmoid-node": lambda: r_sigmoid("ok"),
    "q-ratsgo-sigmoid-node-term": lambda: r_sigmoid("term"),
    "q-ratsgo-tanh-node": lambda: r_tanh("ok"),
    "q-ratsgo-tanh-node-sign": lambda: r_tanh("sign"),
    "q-ratsgo-add-node": lambda: r_add("x"),
    "q-ratsgo-add-node-term": lambda: r_add("x", "term"),
    "q-ratsgo-mul-node": lambda: r_mul("x"),
    "q-ratsgo-mul-node-swapped": lambda: r_mul("x", "swapped"),
    "q-ratsgo-hadamard": lambda: r_hadamard(6),
    "q-ratsgo-hadamard-term": lambda: r_hadamard(5),
    "q-ratsgo-softmax-diag": lambda: r_sm_diag(),
    "q-ratsgo-softmax-diag-sign": lambda: r_sm_diag("sign"),
    "q-ratsgo-softmax-offdiag": lambda: r_sm_off(),
    "q-ratsgo-softmax-offdiag-sign": lambda: r_sm_off("sign"),
    "q-ratsgo-softmax-ce-chain": lambda: r_sm_chain(),
    "q-ratsgo-softmax-ce-chain-sign": lambda: r_sm_chain("sign"),
    "q-ratsgo-softmax-ce-grad": lambda: r_sm_final(),
    "q-ratsgo-softmax-ce-grad-swapped": lambda: r_sm_final("swapped"),
    "q-ratsgo-logistic-loglik": lambda: r_loglik(),
    "q-ratsgo-logistic-loglik-term": lambda: r_loglik("term"),
    "q-ratsgo-ridge": lambda: r_ridge(),
    "q-ratsgo-ridge-term": lambda: r_ridge("term"),
    "q-ratsgo-ols": r_ols,
    "q-ratsgo-mse-expand": lambda: r_mse_expand(2.0),
    "q-ratsgo-mse-expand-factor": lambda: r_mse_expand(1.0),
    "q-pablo-dE-da": lambda: p_dEda(),
    "q-pablo-dE-da-sign": lambda: p_dEda("sign"),
    "q-pablo-da-dz": lambda: p_dadz(),
    "q-pablo-da-dz-sigma-prime": lambda: p_dadz("sp"),
    "q-pablo-dz-dw": lambda: p_dzdw(),
    "q-pablo-dz-dw-swapped": lambda: p_dzdw("swapped"),
    "q-pablo-chain-wL1": lambda: p_chain("w1"),
    "q-pablo-chain-wL1-term": lambda: p_chain("w1", "term"),
    "q-pablo-chain-bL": lambda: p_chain("b2"),
    "q-pablo-chain-bL-term": lambda: p_chain("b2", "term"),
    "q-pablo-chain-bL1": lambda: p_chain("b1"),
    "q-pablo-dE-dak": lambda: p_multi("ak"),
    "q-pablo-dE-dak-term": lambda: p_multi("ak", "term"),
    "q-pablo-chain-bj": lambda: p_multi("bj"),
    "q-pablo-chain-bj-index": lambda: p_multi("bj", "index"),
    "q-pablo-linreg-sum": lambda: p_linsum(),
    "q-pablo-linreg-sum-term": lambda: p_linsum("term"),
    "q-pablo-adaline-yhat": lambda: [printed(10000 * 0.01 + 0.01 * 300 + 0.01 * 1, "103.01")],
    "q-pablo-adaline-yhat-term": lambda: [printed(10000 * 0.01 + 0.01 * 300 + 0.01 * 1,
                                                  "130.01")],
    "q-pablo-adaline-error": lambda: [printed((1 - 103.01) ** 2, "10,406")],
    "q-pablo-adaline-error-term": lambda: [printed((1 - 103.01) ** 2, "10,609")],
    "q-mlu-linreg-mse-grad": lambda: m_msegrad(),
    "q-mlu-linreg-mse-grad-factor": lambda: m_msegrad("factor"),
    "q-mlu-linreg-mse-grad-sign": lambda: m_msegrad("sign"),
    "q-mlu-linreg-mse-grad-term": lambda: m_msegrad("term"),
    "q-mlu-exp-0.7": lambda: [printed(math.exp(0.7), "2.01")],
    "q-mlu-exp-0.7-factor": lambda: [printed(math.exp(0.7), "1.90")],
    "q-mlu-exp-neg0.7": lambda: [printed(math.exp(-0.7), "0.50")],
    "q-mlu-exp-neg0.7-sign": lambda: [printed(math.exp(-0.7), "-2.01")],
    "q-mlu-intercept-prob": lambda: [printed(math.exp(2) / (1 + math.exp(2)), "0.88")],
    "q-mlu-intercept-prob-sign": lambda: [printed(math.exp(2) / (1 + math.exp(2)), "0.12")],
    "q-mlu-odds": lambda: [printed(0.75 / 0.25, "3")],
    "q-mlu-odds-swapped": lambda: [printed(0.75 / 0.25, "0.33")],
    "q-sg-z": lambda: s_z("-0.2"),
    "q-sg-z-sign": lambda: s_z("1.4"),
    "q-sg-ypred": lambda: [close(SG_YP, 1 / (1 + math.exp(0.2))), printed(SG_YP, "0.4502")],
    "q-sg-ypred-sign": lambda: [close(SG_YP, 1 / (1 + math.exp(0.2))), printed(SG_YP, "0.5498")],
    "q-sg-loss": lambda: [printed(0.5 * (1.0 - SG_YP) ** 2, "0.1511")],
    "q-sg-loss-factor": lambda: [printed(0.5 * (1.0 - SG_YP) ** 2, "0.3023")],
    "q-sg-dL-dypred": lambda: s_dldyp(),
    "q-sg-dL-dypred-swapped": lambda: s_dldyp("swapped"),
    "q-sg-dypred-dz": lambda: s_dypdz(),
    "q-sg-dypred-dz-sign": lambda: s_dypdz("sign"),
    "q-sg-dL-dz": lambda: s_dldz("-0.1360"),
    "q-sg-dL-dz-factor": lambda: s_dldz("-0.0680"),
    "q-sg-dL-dw12": lambda: s_dldw12(),
    "q-sg-dL-dw12-index": lambda: s_dldw12("index"),
    "q-sg-dL-db": lambda: s_dldb(),
    "q-sg-dL-db-term": lambda: s_dldb("term"),
    "q-sg-w11-update": lambda: s_update(SG_W11, SG_G11, -0.1360, "0.5136"),
    "q-sg-w11-update-sign": lambda: s_update(SG_W11, SG_G11, -0.1360, "0.4864"),
    "q-sg-w12-update": lambda: s_update(SG_W12, SG_G12, -0.2720, "-0.3728", 2e-4),
    "q-sg-w12-update-sign": lambda: s_update(SG_W12, SG_G12, -0.2720, "-0.4272", 2e-4),
    "q-sg-b-update": lambda: s_update(SG_B, SG_DLDZ, -0.1360, "0.1136"),
    "q-sg-b-update-sign": lambda: s_update(SG_B, SG_DLDZ, -0.1360, "0.0864"),
    "q-jk-dJ-dw1": lambda: j_grad("w1"),
    "q-jk-dJ-dw1-factor": lambda: j_grad("w1", "factor"),
    "q-jk-dJ-dw2": lambda: j_grad("w2"),
    "q-jk-dJ-dw2-index": lambda: j_grad("w2", "index"),
    "q-jk-dJ-db": lambda: j_grad("b"),
    "q-jk-dJ-db-swapped": lambda: j_grad("b", "swapped"),
    "q-jk-dlog1pexp": lambda: j_eq5(),
    "q-jk-dlog1pexp-sign": lambda: j_eq5("sign"),
    "q-jk-dlog1pexp-sigma": lambda: j_eq7(),
    "q-jk-dlog1pexp-sigma-sign": lambda: j_eq7("sign"),
    "q-jk-df-dz": lambda: j_eq8(),
    "q-jk-df-dz-term": lambda: j_eq8("term"),
    "q-jk-loss-rewrite": lambda: j_rewrite(),
    "q-jk-loss-rewrite-term": lambda: j_rewrite("term"),
    "q-jk-ln-half": lambda: j_lnhalf(),
    "q-jk-ln-half-sign": lambda: j_lnhalf("sign"),
    "q-jk-sigma-neg": lambda: j_signeg(),
    "q-jk-sigma-neg-sign": lambda: j_signeg("sign"),
    "q-jk-odds": lambda: [printed(0.9 / 0.1, "9")],
    "q-ez-dC-da": lambda: e_check("dCda"),
    "q-ez-dC-da-swapped": lambda: e_check("dCda", "swapped"),
    "q-ez-grad-a": lambda: e_check("nabla"),
    "q-ez-grad-a-factor": lambda: e_check("nabla", "factor"),
    "q-ez-delta-L": lambda: e_check("deltaL"),
    "q-ez-delta-L-sigma-prime": lambda: e_check("deltaL", "sp"),
    "q-ez-delta-l": lambda: e_check("deltal"),
    "q-ez-delta-l-transpose": lambda: e_check("deltal", "transpose"),
    "q-ez-dC-db": lambda: e_check("db"),
    "q-ez-dC-db-term": lambda: e_check("db", "term"),
    "q-ez-dC-dw": lambda: e_check("dw"),
    "q-ez-dC-dw-index": lambda: e_check("dw", "index"),
}

# ----------------------------------------------------------------- document links
# key: (document, line of the $$ block, position among the links starting on that line)
DOCS = {
    "ratsgo-softmax-with-loss": {
        (26, 0): r_sm_first,
        (32, 0): lambda: r_sm_diag(),
        (40, 0): lambda: r_sm_off(),
        (50, 0): lambda: r_sm_chain(),
        (58, 0): lambda: r_sm_final(),
    },
    "ratsgo-softmax-with-loss-mutated": {
        (26, 0): r_sm_first,
        (32, 0): lambda: r_sm_diag(),
        (40, 0): lambda: r_sm_off("sign"),
        (50, 0): lambda: r_sm_chain("drop"),
        (58, 0): lambda: r_sm_final(),
    },
    "ratsgo-backprop-nodes": {
        (12, 0): r_chain_rule,
        (26, 0): lambda: r_add("x"),
        (26, 1): lambda: r_add("y"),
        (40, 0): lambda: r_mul("x"),
        (40, 1): lambda: r_mul("y"),
        (54, 0): lambda: r_relu("pos"),
        (54, 1): lambda: r_relu("neg"),
        (68, 0): lambda: r_sigmoid("ok"),
        (76, 0): lambda: r_tanh("ok"),
        (84, 0): lambda: r_hadamard(6),
    },
    "ezalos-backprop-equations": {
        (26, 0): lambda: e_check("deltaL"),
        (38, 0): lambda: e_check("dCda"),
        (44, 0): lambda: e_check("nabla"),
        (50, 0): lambda: e_check("deltal"),
        (56, 0): lambda: e_check("db"),
        (62, 0): lambda: e_check("dw"),
    },
}


def main():
    with open(os.path.join(HERE, "claims.yaml"), encoding="utf-8") as f:
        claims = yaml.safe_load(f)
    ok_n = bad_n = 0
    seen = set()
    for c in claims:
        cid = c["id"]
        seen.add(cid)
        if cid not in CLAIMS:
            print(f"FAIL {cid}: no check")
            bad_n += 1
            continue
        res = [bool(r) for r in CLAIMS[cid]()]
        verdict = "valid" if all(res) else "invalid"
        good = verdict == c["expect"]
        ok_n += good
        bad_n += not good
        print(f"{'ok  ' if good else 'FAIL'} {cid}: expect {c['expect']}, got {verdict} {res}")
    for cid in CLAIMS:
        if cid not in seen:
            print(f"FAIL {cid}: check without claim")
            bad_n += 1
    for doc, table in DOCS.items():
        with open(os.path.join(HERE, "docs", doc + ".expect.yaml"), encoding="utf-8") as f:
            exp = yaml.safe_load(f)
        with open(os.path.join(HERE, "docs", doc + ".md"), encoding="utf-8") as f:
            md_lines = f.read().split("\n")
        pos = {}
        used = set()
        for ent in exp["links"]:
            line = ent["line"]
            k = pos.get(line, 0)
            pos[line] = k + 1
            want = ent["expect"]
            name = f"{doc}:{line}#{k}"
            if md_lines[line - 1].strip() != "$$":
                print(f"FAIL {name}: line is not the start of a $$ block")
                bad_n += 1
                continue
            if all(w == "definition" for w in want):
                continue
            if (line, k) not in table:
                print(f"FAIL {name}: no check")
                bad_n += 1
                continue
            used.add((line, k))
            got = [bool(r) for r in table[(line, k)]()]
            checked = [w for w in want if w != "definition"]
            got_s = ["valid" if g else "invalid" for g in got]
            good = got_s == checked
            ok_n += good
            bad_n += not good
            print(f"{'ok  ' if good else 'FAIL'} {name}: expect {checked}, got {got_s}")
        for key in table:
            if key not in used:
                print(f"FAIL {doc}:{key}: check without link")
                bad_n += 1
    print(f"{ok_n} confirmed, {bad_n} failed")
    return 1 if bad_n else 0


if __name__ == "__main__":
    sys.exit(main())
