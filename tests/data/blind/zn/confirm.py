# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zn).

Each claim and each document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with one unit of
the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(2027)
RTOL, ATOL = 1e-6, 1e-8
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
    """central-difference gradient of scalar f at array x (same shape as x)"""
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return list(fn())
    except (ValueError, IndexError):  # shape mismatch: the relation does not hold
        return [False]


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
dsig = lambda x: sig(x) * (1 - sig(x))
U = lambda lo, hi, size=None: rng.uniform(lo, hi, size)


def holds(chain, n=NPTS):
    """a claim holds iff every link holds at every random point"""
    return all(all(safe(chain)) for _ in range(n))


def every(chain, n=NPTS):
    """per-link verdicts over several random points (None stays None)"""
    runs = [safe(chain) for _ in range(n)]
    k = max(len(r) for r in runs)
    out = []
    for j in range(k):
        col = [r[j] if j < len(r) else False for r in runs]
        out.append(None if col[0] is None else all(col))
    return out


CHAINS = {}  # claim id -> zero-argument function returning one bool per link


def chain(cid, fn):
    assert cid not in CHAINS, cid
    CHAINS[cid] = fn


# ======================= czaja307: sigmoid =======================
def sig_deriv(v):
    z = rng.normal() * 2
    rhs = sig(z) * (1 - sig(z)) if v == "ok" else sig(z) * (1 + sig(z))
    return [close(d1(sig, z), rhs)]


def sig_chain(v):
    z = rng.normal() * 2
    e = math.exp(-z)
    p = -1 if v == "exp" else -2
    m1 = -1 * (1 + e) ** p * (-e)
    m2 = e / (1 + e) ** (3 if v == "cube" else 2)
    return [close(d1(sig, z), m1), close(m1, m2)]


def sig_split(v):
    z = rng.normal() * 2
    e = math.exp(-z)
    m1 = e / (1 + e) ** 2
    m2 = 1 / (1 + e) * (e / (1 + e)) if v == "ok" else 1 / (1 + e) * (1 / (1 + e))
    return [close(d1(sig, z), m1), close(m1, m2)]


def sig_oneminus(v):
    z = rng.normal() * 2
    e = math.exp(-z)
    m0, m1, m2 = e / (1 + e), (e + 1 - 1) / (1 + e), 1 - 1 / (1 + e)
    m3 = 1 - sig(z) if v == "ok" else sig(z)
    return [close(m0, m1), close(m1, m2), close(m2, m3)]


chain("zn-cz-sig-deriv", lambda: sig_deriv("ok"))
chain("zn-cz-sig-deriv-sign", lambda: sig_deriv("sign"))
chain("zn-cz-sig-chain", lambda: sig_chain("ok"))
chain("zn-cz-sig-chain-exponent", lambda: sig_chain("exp"))
chain("zn-cz-sig-split", lambda: sig_split("ok"))
chain("zn-cz-sig-split-term", lambda: sig_split("term"))
chain("zn-cz-sig-oneminus", lambda: sig_oneminus("ok"))
chain("zn-cz-sig-oneminus-sign", lambda: sig_oneminus("sign"))


# ======================= czaja307: logistic regression =======================
def bce(y, yh):
    return -(y * np.log(yh) + (1 - y) * np.log(1 - yh))


def bce_dyhat(v):
    y, yh = U(0, 1), U(0.05, 0.95)
    g = d1(lambda q: bce(y, q), yh)
    rhs = -y / yh + (1 - y) / (1 - yh) if v == "ok" else -y / yh - (1 - y) / (1 - yh)
    return [close(g, rhs)]


def bce_common(v):
    y, yh = U(0, 1), U(0.05, 0.95)
    g = d1(lambda q: bce(y, q), yh)
    m1 = (-y * (1 - yh) + (1 - y) * yh) / (yh * (1 - yh))
    m2 = ((yh - y) if v == "ok" else (y - yh)) / (yh * (1 - yh))
    return [close(g, m1), close(m1, m2)]


def dyhat_dz(v):
    z = rng.normal() * 2
    yh = sig(z)
    g = d1(sig, z)
    m1 = d1(sig, z)  # sigma'(z)
    m2 = sig(z) * (1 - sig(z))
    m3 = yh * (1 - yh) if v == "ok" else (1 - yh)
    return [close(g, m1), close(m1, m2), close(m2, m3)]


def lr_point(n=3):
    w = rng.normal(size=(n, 1)); x = rng.normal(size=(n, 1)); b = rng.normal(); y = U(0, 1)
    return w, x, b, y


def dz_dw(v):
    w, x, b, y = lr_point()
    g = fd(lambda W: (W.T @ x).item() + b, w)
    g2 = fd(lambda W: float(np.sum(W * x)) + b, w)  # d(w^T x + b)/dw written out as a sum
    rhs = x if v == "ok" else x.T
    return [close(g, g2), close(g2, rhs)]


def dl_dw(v):
    w, x, b, y = lr_point()
    Lw = lambda W: bce(y, sig((W.T @ x).item() + b))
    g = fd(Lw, w)
    yh = sig((w.T @ x).item() + b)
    m1 = (yh - y) / (yh * (1 - yh)) * yh * (1 - yh) * x
    m2 = (yh - y) * x if v == "ok" else (y - yh) * x
    return [close(g, m1), close(m1, m2)]


def batch(m=5, n=3):
    X = rng.normal(size=(m, n)); w = rng.normal(size=n); b = rng.normal(); y = U(0, 1, m)
    J = lambda ww, bb: np.mean(bce(y, sig(X @ ww + bb)))
    return X, w, b, y, J


def dj_dw(v):
    X, w, b, y, J = batch()
    m = X.shape[0]
    g = fd(lambda ww: J(ww, b), w)
    yh = sig(X @ w + b)
    rhs = {"ok": X.T @ (yh - y) / m, "factor": X.T @ (yh - y), "t": (lambda: X @ (yh - y) / m)}[v]
    if callable(rhs):
        rhs = rhs()
    return [close(g, rhs)]


def dj_db(v):
    X, w, b, y, J = batch()
    g = d1(lambda bb: J(w, bb), b)
    yh = sig(X @ w + b)
    rhs = np.mean(yh - y) if v == "ok" else np.mean(y - yh)
    return [close(g, rhs)]


def dl_db(v):
    w, x, b, y = lr_point()
    g = d1(lambda bb: bce(y, sig((w.T @ x).item() + bb)), b)
    yh = sig((w.T @ x).item() + b)
    rhs = {"ok": yh - y, "sp": (yh - y) * yh * (1 - yh), "x": (yh - y) * x}[v]
    return [close(g, rhs)]


chain("zn-cz-bce-dyhat", lambda: bce_dyhat("ok"))
chain("zn-cz-bce-dyhat-sign", lambda: bce_dyhat("sign"))
chain("zn-cz-bce-common", lambda: bce_common("ok"))
chain("zn-cz-bce-common-swapped", lambda: bce_common("sw"))
chain("zn-cz-dyhat-dz", lambda: dyhat_dz("ok"))
chain("zn-cz-dyhat-dz-factor", lambda: dyhat_dz("f"))
chain("zn-cz-dz-dw", lambda: dz_dw("ok"))
chain("zn-cz-dz-dw-transpose", lambda: dz_dw("t"))
chain("zn-cz-dl-dw", lambda: dl_dw("ok"))
chain("zn-cz-dl-dw-sign", lambda: dl_dw("sign"))
chain("zn-cz-dj-dw", lambda: dj_dw("ok"))
chain("zn-cz-dj-dw-factor", lambda: dj_dw("factor"))
chain("zn-cz-dj-dw-transpose", lambda: dj_dw("t"))
chain("zn-cz-dj-db", lambda: dj_db("ok"))
chain("zn-cz-dj-db-sign", lambda: dj_db("sign"))
chain("zn-cz-dl-db", lambda: dl_db("ok"))
chain("zn-cz-dl-db-sigmaprime", lambda: dl_db("sp"))


# ======================= czaja307: MLP layer z = a W + b, a = f(z), f = tanh =======================
def mlp_point(m=1, p=4, q=3):
    A = rng.normal(size=(m, p)); W = rng.normal(size=(p, q)); b = rng.normal(size=(1, q))
    c = rng.normal(size=(m, q))
    La = lambda a: float(np.sum(c * np.sin(a)) + 0.5 * np.sum(a ** 2))  # any loss of the activations
    Lz = lambda Z: La(np.tanh(Z))
    return A, W, b, La, Lz


def mlp_dz(v):
    A, W, b, La, Lz = mlp_point()
    z = A @ W + b
    dLdz = fd(Lz, z)
    dLda = fd(La, np.tanh(z))
    rhs = dLda * (1 - np.tanh(z) ** 2) if v == "ok" else dLda
    return [close(dLdz, rhs)]


def mlp_elem(v):
    A, W, b, La, Lz = mlp_point(3, 3, 3)
    i, j, k = 0, 1, 2

    def zij(wkj):
        W2 = W.copy(); W2[k, j] = wkj
        return (A @ W2 + b)[i, j]
    g = d1(zij, W[k, j])
    rhs = A[i, k] if v == "ok" else A[i, j]
    return [close(g, rhs)]


def mlp_da(v):
    A, W, b, La, Lz = mlp_point()
    dLda = fd(lambda a: Lz(a @ W + b), A)
    dLdz = fd(Lz, A @ W + b)
    rhs = {"ok": lambda: dLdz @ W.T, "t": lambda: dLdz @ W, "o": lambda: W.T @ dLdz}[v]()
    return [close(dLda, rhs)]


def mlp_dw():
    m = 4
    A, W, b, La, Lz = mlp_point(m)
    g = fd(lambda WW: Lz(A @ WW + b), W)
    dLdz = fd(Lz, A @ W + b)
    return [close(g, (1 / m) * A.T @ dLdz)]


def mlp_dzdb(v):
    A, W, b, La, Lz = mlp_point()
    j = 1

    def zj(bj):
        b2 = b.copy(); b2[0, j] = bj
        return (A @ W + b2)[0, j]
    g = d1(zj, b[0, j])
    rhs = 1.0 if v == "ok" else A
    return [close(g, rhs)]


chain("zn-cz-mlp-dz", lambda: mlp_dz("ok"))
chain("zn-cz-mlp-dz-sigmaprime", lambda: mlp_dz("sp"))
chain("zn-cz-mlp-elem", lambda: mlp_elem("ok"))
chain("zn-cz-mlp-elem-index", lambda: mlp_elem("idx"))
chain("zn-cz-mlp-da", lambda: mlp_da("ok"))
chain("zn-cz-mlp-da-transpose", lambda: mlp_da("t"))
chain("zn-cz-mlp-da-order", lambda: mlp_da("o"))
chain("zn-cz-mlp-dw", mlp_dw)
chain("zn-cz-mlp-dzdb", lambda: mlp_dzdb("ok"))
chain("zn-cz-mlp-dzdb-swapped", lambda: mlp_dzdb("sw"))


# ======================= czaja307: sigmoid + BCE, likelihood, numbers =======================
def sbce_chain():
    z, y = rng.normal() * 2, U(0, 1)
    yh = sig(z)
    g = d1(lambda zz: bce(y, sig(zz)), z)
    m1 = d1(lambda q: bce(y, q), yh) * d1(sig, z)
    m2 = (yh - y) / (yh * (1 - yh)) * yh * (1 - yh)
    return [close(g, m1), close(m1, m2)]


def sbce(v):
    z, y = rng.normal() * 2, U(0, 1)
    yh = sig(z)
    g = d1(lambda zz: bce(y, sig(zz)), z)
    rhs = {"ok": yh - y, "sign": y - yh, "sp": yh * (1 - yh) * (yh - y)}[v]
    return [close(g, rhs)]


def loglik(v):
    y, yh = U(0, 1), U(0.05, 0.95)
    lhs = math.log(yh ** y * (1 - yh) ** (1 - y))
    rhs = y * math.log(yh) + (1 - y) * math.log(1 - yh) if v == "ok" else y * math.log(yh) - (1 - y) * math.log(1 - yh)
    return [close(lhs, rhs)]


chain("zn-cz-sbce-chain", sbce_chain)
chain("zn-cz-sbce", lambda: sbce("ok"))
chain("zn-cz-sbce-sign", lambda: sbce("sign"))
chain("zn-cz-sbce-sigmaprime", lambda: sbce("sp"))
chain("zn-cz-loglik", lambda: loglik("ok"))
chain("zn-cz-loglik-sign", lambda: loglik("sign"))
chain("zn-cz-num-log99", lambda: [num(-math.log(0.99), 0.01, 0.01)])
chain("zn-cz-num-log99-sign", lambda: [num(-math.log(0.99), -0.01, 0.01)])
chain("zn-cz-num-log01", lambda: [num(-math.log(0.01), 4.6, 0.1)])
chain("zn-cz-num-log01-base", lambda: [num(-math.log(0.01), 2, 1)])
chain("zn-cz-num-sig0", lambda: [num(d1(sig, 0.0), 0.25, 0.01)])
chain("zn-cz-num-sig0-factor", lambda: [num(d1(sig, 0.0), 0.5, 0.1)])
chain("zn-cz-num-pow", lambda: [num(0.25 ** 5, 0.00098, 1e-5)])
chain("zn-cz-num-pow-factor", lambda: [num(0.25 ** 5, 0.0098, 1e-4)])


# ======================= Quargam (Russian) =======================
def qu_point():
    n = 4
    w, x, b = rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)
    y = U(0, 1, n)
    Jy = lambda yh: np.mean((y - yh) ** 2)  # J = 1/n sum (y - y^)^2
    return n, w, x, b, y, Jy


def qu(v):
    n, w, x, b, y, Jy = qu_point()
    i = 1
    z = w * x + b
    yh = sig(z)

    def vec(base, val):
        out = base.copy(); out[i] = val
        return out
    dJdw = d1(lambda t: Jy(sig(vec(w, t) * x + b)), w[i])
    dJdb = d1(lambda t: Jy(sig(w * x + vec(b, t))), b[i])
    dJdyh = d1(lambda t: Jy(vec(yh, t)), yh[i])
    dyhdz = d1(sig, z[i])
    dzdw = d1(lambda t: t * x[i] + b[i], w[i])
    dzdb = d1(lambda t: w[i] * x[i] + t, b[i])
    return {
        "dw": [close(dJdw, dJdyh * dyhdz * dzdw)],
        "dw-sp": [close(dJdw, dJdyh * dzdw)],
        "djdyhat": [close(dJdyh, -2 * (y[i] - yh[i]))],
        "sig": [close(dyhdz, sig(z[i]) * (1 - sig(z[i])))],
        "sig-sign": [close(dyhdz, sig(z[i]) * (1 + sig(z[i])))],
        "dzdw": [close(dzdw, x[i])],
        "dzdw-sw": [close(dzdw, w[i])],
        "db": [close(dJdb, dJdyh * dyhdz * dzdb)],
        "db-sp": [close(dJdb, dJdyh * dzdb)],
    }[v]


for _cid, _v in [("qu-chain-dw", "dw"), ("qu-chain-dw-sigmaprime", "dw-sp"), ("qu-djdyhat", "djdyhat"), ("qu-sig", "sig"),
                 ("qu-sig-sign", "sig-sign"), ("qu-dzdw", "dzdw"), ("qu-dzdw-swapped", "dzdw-sw"), ("qu-chain-db", "db"),
                 ("qu-chain-db-sigmaprime", "db-sp")]:
    chain("zn-" + _cid, lambda v=_v: qu(v))


# ======================= rdenadai (Portuguese) =======================
def rd(v):
    m, n, j = 5, 3, 1
    X = rng.normal(size=(m, n)); th = rng.normal(size=n); y = U(0, 1, m); alpha = U(0.01, 1)
    h = lambda t: 1 / (1 + np.exp(-(X @ t)))
    J = lambda t: -np.mean(y * np.log(h(t)) + (1 - y) * np.log(1 - h(t)))
    g = fd(J, th)[j]
    if v in ("ok", "sign", "factor"):
        rhs = {"ok": np.mean((h(th) - y) * X[:, j]), "sign": np.mean((y - h(th)) * X[:, j]), "factor": np.sum((h(th) - y) * X[:, j])}[v]
        return [close(g, rhs)]
    s = -1 if v == "up" else 1  # exp(-theta^T x) as printed; +1 for the sign twin
    rhs = th[j] - alpha * np.mean((1 / (1 + np.exp(s * (X @ th))) - y) * X[:, j])
    return [close(th[j] - alpha * g, rhs)]


chain("zn-rd-grad", lambda: rd("ok"))
chain("zn-rd-grad-sign", lambda: rd("sign"))
chain("zn-rd-grad-factor", lambda: rd("factor"))
chain("zn-rd-update", lambda: rd("up"))
chain("zn-rd-update-sign", lambda: rd("up-sign"))


# ======================= koesan (Turkish) =======================
def ko(v):
    a, b, c, e, f = rng.normal(size=5)
    dfun = lambda bb: a * bb + c
    if v in ("sum", "sum-p"):
        t1, t2 = d1(lambda bb: a * bb, b), d1(lambda bb: c + 0 * bb, b)
        return [close(d1(dfun, b), t1 + t2 if v == "sum" else t1 * t2)]
    if v in ("const", "const-f"):
        return [close(d1(lambda bb: c + 0 * bb, b), 0.0 if v == "const" else 1.0)]
    if v in ("prod", "prod-sw"):
        lhs = d1(lambda bb: a * bb, b)
        m1 = a * d1(lambda bb: bb, b)
        return [close(lhs, m1), close(m1, a if v == "prod" else b)]
    if v in ("ddb", "ddb-sw"):
        lhs = d1(dfun, b)
        k = a if v == "ddb" else b
        return [close(lhs, k + 0), close(k + 0, k)]
    ddc = d1(lambda cc: a * b + cc, c)
    if v == "ddc":
        return [close(ddc, 0 + 1), close(0 + 1, 1.0)]
    if v == "ddc-t":
        return [close(ddc, a * b + 1)]
    if v in ("dabdc", "dabdc-t"):
        return [close(d1(lambda cc: a * b + 0 * cc, c), 0.0 if v == "dabdc" else a * b)]
    if v == "dcdc":
        return [close(d1(lambda cc: cc, c), 1.0)]
    if v == "ddc-full":  # dd/dc = d/dc (a b + c): same function written out
        return [close(ddc, d1(lambda cc: a * b + cc, c))]
    L = lambda dd, ff: dd * ff
    if v in ("dLdd", "dLdd-sw"):
        return [close(d1(lambda dd: L(dd, f), e), f if v == "dLdd" else e)]  # d takes the value e here
    if v in ("dLdf", "dLdf-sw"):
        return [close(d1(lambda ff: L(e, ff), f), e if v == "dLdf" else f)]
    if v in ("lim", "lim-t"):
        d, h = e, U(0.1, 0.9)
        m0, m1, m2 = ((d + h) * f - d * f) / h, (d * f + h * f - d * f) / h, h * f / h
        return [close(m0, m1), close(m1, m2), close(m2, f if v == "lim" else d)]
    if v in ("chain", "chain-t"):
        lhs = d1(lambda cc: L(e + cc, f), c)
        dLdd, dddc = d1(lambda dd: L(dd, f), e + c), d1(lambda cc: e + cc, c)
        return [close(lhs, dLdd * dddc if v == "chain" else dLdd + dddc)]
    if v in ("cr", "cr-inv"):
        g = lambda t: np.sin(t) + t ** 2
        k = lambda t: np.exp(0.3 * t)
        lhs = d1(lambda t: k(g(t)), a)
        dcdb, dbda = d1(k, g(a)), d1(g, a)
        return [close(lhs, dcdb * dbda if v == "cr" else dcdb / dbda)]
    if v == "dLdL":
        return [close(d1(lambda t: t, a), 1.0)]
    raise KeyError(v)


for _cid, _v in [("ko-sum", "sum"), ("ko-sum-product", "sum-p"), ("ko-const", "const"), ("ko-const-factor", "const-f"),
                 ("ko-prod", "prod"), ("ko-prod-swapped", "prod-sw"), ("ko-ddb", "ddb"), ("ko-ddb-swapped", "ddb-sw"),
                 ("ko-ddc", "ddc"), ("ko-ddc-term", "ddc-t"), ("ko-dabdc", "dabdc"), ("ko-dabdc-term", "dabdc-t"),
                 ("ko-dcdc", "dcdc"), ("ko-dLdd", "dLdd"), ("ko-dLdd-swapped", "dLdd-sw"), ("ko-dLdf", "dLdf"),
                 ("ko-dLdf-swapped", "dLdf-sw"), ("ko-limit", "lim"), ("ko-limit-term", "lim-t"), ("ko-chain", "chain"),
                 ("ko-chain-term", "chain-t"), ("ko-chainrule", "cr"), ("ko-chainrule-inverted", "cr-inv"), ("ko-dLdL", "dLdL")]:
    chain("zn-" + _cid, lambda v=_v: ko(v))


# ======================= Thoughts-with-friends (Japanese) =======================
def tw(v):
    h = U(0.1, 0.9)
    if v in ("lin", "lin-c"):
        a, b, x = rng.normal(size=3)
        m0 = d1(lambda t: a * t + b, x)
        m1 = (a * (x + h) + b - (a * x + b)) / h
        m2 = a * h / h
        return [close(m0, m1), close(m1, m2), close(m2, a if v == "lin" else a * h)]
    if v in ("w1", "w1-t", "w1-s"):
        x1, w1, b1 = rng.normal(size=3)
        m0 = d1(lambda t: x1 * t + b1, w1)
        m1 = (x1 * (w1 + h) + b1 - (x1 * w1 + (b1 if v != "w1-s" else -b1))) / h
        m2 = x1 * h / h
        return [close(m0, m1), close(m1, m2), close(m2, x1 if v != "w1-t" else x1 + b1)]
    # first term of L: 1/2 (t_1 - h(x_1)(w_1 x_1 + b_1))^2 with h = ReLU and x_1 > 0
    x1, w1, b1, t1 = U(0.5, 2), rng.normal(), rng.normal(), rng.normal()
    hx = max(x1, 0.0)
    lhs = d1(lambda w: 0.5 * (t1 - hx * (w * x1 + b1)) ** 2, w1)
    m1 = (t1 - hx * (w1 * x1 + b1)) * (hx * (x1 + 0))
    m2 = (t1 - hx * (w1 * x1 + b1)) * hx * x1
    return [close(lhs, m1), close(m1, m2)]


for _cid, _v in [("tw-lin", "lin"), ("tw-lin-cancel", "lin-c"), ("tw-w1", "w1"), ("tw-w1-term", "w1-t"), ("tw-w1-sign", "w1-s"), ("tw-dLdw1", "dL")]:
    chain("zn-" + _cid, lambda v=_v: tw(v))


# ======================= wawakaka (Indonesian) =======================
def wa(v):
    n = 5
    x, y = rng.normal(size=n), rng.normal(size=n)
    w, b = rng.normal(size=2)
    L = lambda ww, bb: np.mean((y - (ww * x + bb)) ** 2)
    yh = w * x + b
    gw, gb = d1(lambda t: L(t, b), w), d1(lambda t: L(w, t), b)
    return {
        "dw": [close(gw, -2 / n * np.sum((y - yh) * x))],
        "dw-f": [close(gw, -1 / n * np.sum((y - yh) * x))],
        "dw-s": [close(gw, 2 / n * np.sum((y - yh) * x))],
        "dw-sw": [close(gw, -2 / n * np.sum((yh - y) * x))],
        "db": [close(gb, -2 / n * np.sum(y - yh))],
        "db-t": [close(gb, -2 / n * np.sum((y - yh) * x))],
        "db-s": [close(gb, 2 / n * np.sum(y - yh))],
    }[v]


for _cid, _v in [("wa-dw", "dw"), ("wa-dw-factor", "dw-f"), ("wa-dw-sign", "dw-s"), ("wa-dw-swapped", "dw-sw"),
                 ("wa-db", "db"), ("wa-db-term", "db-t"), ("wa-db-sign", "db-s")]:
    chain("zn-" + _cid, lambda v=_v: wa(v))


# ======================= kmorishi (Japanese) =======================
def km(v):
    x, y = rng.normal(size=2)
    g = lambda xx, yy: xx ** 2 * yy + yy ** 3
    u = g(x, y)
    dzdu, dudx, dudy = math.cos(u), 2 * x * y, x ** 2 + 3 * y ** 2
    zx, zy = d1(lambda t: math.sin(g(t, y)), x), d1(lambda t: math.sin(g(x, t)), y)
    return {"x": [close(zx, dzdu * dudx)], "x-i": [close(zx, dzdu * dudy)],
            "y": [close(zy, dzdu * dudy)], "y-t": [close(zy, dzdu + dudy)]}[v]


for _cid, _v in [("km-x", "x"), ("km-x-index", "x-i"), ("km-y", "y"), ("km-y-term", "y-t")]:
    chain("zn-" + _cid, lambda v=_v: km(v))


# ======================= Microsoft AI-For-Beginners (Turkish) =======================
def ms(v):
    w1, b1, w2, b2, x, t = rng.normal(size=6)
    alpha, dalpha = np.tanh, lambda q: 1 - np.tanh(q) ** 2
    Ls = lambda s: (s - t) ** 2  # loss as a function of sigma's output
    f = lambda W1, W2: Ls(sig(W2 * alpha(W1 * x + b1) + b2))
    z1 = w1 * x + b1
    z2 = w2 * alpha(z1) + b2
    dLds, dsdz2 = 2 * (sig(z2) - t), dsig(z2)
    if v in ("w2", "w2-sp"):
        lhs = d1(lambda q: f(w1, q), w2)
        return [close(lhs, dLds * dsdz2 * alpha(z1) if v == "w2" else dLds * alpha(z1))]
    lhs = d1(lambda q: f(q, w2), w1)
    rhs = dLds * dsdz2 * w2 * dalpha(z1) * x if v == "w1" else dLds * dsdz2 * w2 * x
    return [close(lhs, rhs)]


for _cid, _v in [("ms-w2", "w2"), ("ms-w2-sigmaprime", "w2-sp"), ("ms-w1", "w1"), ("ms-w1-sigmaprime", "w1-sp")]:
    chain("zn-" + _cid, lambda v=_v: ms(v))


# ======================= documents =======================
DOCS = {}  # (doc stem without "-mutated", link text) -> function returning per-link verdicts (None = definition)
DEF = lambda: [None]


def doc(stem, text, fn):
    key = (stem, text)
    assert key not in DOCS, key
    DOCS[key] = fn


def claim_links(cid):
    return CHAINS[cid]


def with_def(fn):
    return lambda: [None] + list(fn())


# sigmoid-czaja
S = "sigmoid-czaja"
doc(S, r"\sigma(z) = \frac{1}{1 + e^{-z}}", DEF)


def _sig_dz():
    z = rng.normal() * 2
    return [close(d1(sig, z), -1 * (1 + math.exp(-z)) ** -2 * d1(lambda t: 1 + math.exp(-t), z))]


doc(S, r"\sigma'(z) = -1 \cdot (1 + e^{-z})^{-2} \cdot \frac{d}{dz}(1 + e^{-z})", _sig_dz)
doc(S, r"\frac{d}{dz}(e^{-z}) = -e^{-z}", lambda: (lambda z: [close(d1(lambda t: math.exp(-t), z), -math.exp(-z))])(rng.normal() * 2))
doc(S, r"\sigma'(z) = -1 \cdot (1 + e^{-z})^{-2} \cdot (-e^{-z}) = \frac{e^{-z}}{(1 + e^{-z})^2}", claim_links("zn-cz-sig-chain"))
doc(S, r"\sigma'(z) = -1 \cdot (1 + e^{-z})^{-2} \cdot (-e^{-z}) = \frac{e^{-z}}{(1 + e^{-z})^3}", lambda: sig_chain("cube"))
doc(S, r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2} = \frac{1}{1 + e^{-z}} \cdot \frac{e^{-z}}{1 + e^{-z}}", claim_links("zn-cz-sig-split"))
doc(S, r"\frac{1}{1 + e^{-z}} = \sigma(z)", lambda: (lambda z: [close(1 / (1 + math.exp(-z)), sig(z))])(rng.normal() * 2))
doc(S, r"\frac{e^{-z}}{1 + e^{-z}} = \frac{e^{-z} + 1 - 1}{1 + e^{-z}} = 1 - \frac{1}{1 + e^{-z}} = 1 - \sigma(z)", claim_links("zn-cz-sig-oneminus"))
doc(S, r"\boxed{\sigma'(z) = \sigma(z) \cdot (1 - \sigma(z))}", claim_links("zn-cz-sig-deriv"))
doc(S, r"\boxed{\sigma'(z) = \sigma(z) \cdot (1 + \sigma(z))}", claim_links("zn-cz-sig-deriv-sign"))

# logreg-czaja
S = "logreg-czaja"
for _t in [r"L(y, \hat{y}) = -[y \log(\hat{y}) + (1-y) \log(1-\hat{y})]", r"J(w, b) = \frac{1}{m} \sum_{i=1}^{m} L(y^{(i)}, \hat{y}^{(i)})",
           r"\hat{y} = \sigma(w^T x + b)", r"z = w^T x + b"]:
    doc(S, _t, DEF)
doc(S, r"\frac{\partial L}{\partial \hat{y}} = -\frac{y}{\hat{y}} + \frac{1-y}{1-\hat{y}}", claim_links("zn-cz-bce-dyhat"))
doc(S, r"\frac{\partial L}{\partial \hat{y}} = \frac{-y(1-\hat{y}) + (1-y)\hat{y}}{\hat{y}(1-\hat{y})} = \frac{\hat{y} - y}{\hat{y}(1-\hat{y})}", claim_links("zn-cz-bce-common"))
doc(S, r"\frac{\partial \hat{y}}{\partial z} = \sigma'(z) = \sigma(z)(1-\sigma(z)) = \hat{y}(1-\hat{y})", claim_links("zn-cz-dyhat-dz"))
doc(S, r"\frac{\partial z}{\partial w} = \frac{\partial (w^T x + b)}{\partial w} = x", claim_links("zn-cz-dz-dw"))
doc(S, r"\frac{\partial L}{\partial w} = \frac{\hat{y} - y}{\hat{y}(1-\hat{y})} \cdot \hat{y}(1-\hat{y}) \cdot x = (\hat{y} - y) \cdot x", claim_links("zn-cz-dl-dw"))
doc(S, r"\frac{\partial L}{\partial w} = \frac{\hat{y} - y}{\hat{y}(1-\hat{y})} \cdot \hat{y}(1-\hat{y}) \cdot x = (y - \hat{y}) \cdot x", claim_links("zn-cz-dl-dw-sign"))
doc(S, r"\frac{\partial J}{\partial w} = \frac{1}{m} X^T (\hat{y} - y)", claim_links("zn-cz-dj-dw"))


def _dzdb():
    w, x, b, y = lr_point()
    return [close(d1(lambda bb: (w.T @ x).item() + bb, b), 1.0)]


doc(S, r"\frac{\partial z}{\partial b} = 1", _dzdb)
doc(S, r"\frac{\partial L}{\partial b} = (\hat{y} - y)", claim_links("zn-cz-dl-db"))
doc(S, r"\frac{\partial L}{\partial b} = (\hat{y} - y) \cdot x", lambda: dl_db("x"))
doc(S, r"\frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)})", claim_links("zn-cz-dj-db"))

# mlp-czaja
S = "mlp-czaja"
doc(S, r"z^{[l]} = a^{[l-1]} W^{[l]} + b^{[l]}", DEF)
doc(S, r"a^{[l]} = f(z^{[l]})", DEF)
doc(S, r"\boxed{\frac{\partial L}{\partial z^{[l]}} = \frac{\partial L}{\partial a^{[l]}} \odot f'(z^{[l]})}", claim_links("zn-cz-mlp-dz"))
doc(S, r"\frac{\partial z^{[l]}_{ij}}{\partial W^{[l]}_{kj}} = a^{[l-1]}_{ik}", claim_links("zn-cz-mlp-elem"))
doc(S, r"\boxed{\frac{\partial L}{\partial W^{[l]}} = \frac{1}{m} (a^{[l-1]})^T \frac{\partial L}{\partial z^{[l]}}}", claim_links("zn-cz-mlp-dw"))
doc(S, r"\frac{\partial z^{[l]}}{\partial b^{[l]}} = 1", claim_links("zn-cz-mlp-dzdb"))
doc(S, r"\boxed{\frac{\partial L}{\partial a^{[l-1]}} = \frac{\partial L}{\partial z^{[l]}} (W^{[l]})^T}", claim_links("zn-cz-mlp-da"))

# backprop-quargam
S = "backprop-quargam"
for _t in [r"z^{(i)} = w^{(i)}x^{(i)} +b^{(i)}", r"\hat{y}^{(i)} = sigmoid(z^{(i)})", r"J =  \dfrac{1}{n} \sum{  (y^{(i)} - \hat{y}^{(i)})^2 }",
           r"w = w - \alpha \dfrac{\partial J}{\partial w}", r"b = b - \alpha \dfrac{\partial J}{\partial b}"]:
    doc(S, _t, DEF)
doc(S, r"\dfrac{\partial J}{\partial w^{(i)}} =  \dfrac{\partial J}{\partial\hat{y}^{(i)}} \times \dfrac{\partial\hat{y}^{(i)}}{\partial z^{(i)}}\times \dfrac{\partial z^{(i)}}{\partial w^{(i)}}", claim_links("zn-qu-chain-dw"))
doc(S, r"\dfrac{\partial J}{\partial\hat{y}^{(i)}} = - 2\times (y^{(i)} - \hat{y}^{(i)})", claim_links("zn-qu-djdyhat"))
doc(S, r"\dfrac{\partial\hat{y}^{(i)}}{\partial z^{(i)}} =sigmoid(z^{(i)}) \times(1 -sigmoid(z^{(i)}))", claim_links("zn-qu-sig"))
doc(S, r"\dfrac{\partial z^{(i)}}{\partial w^{(i)}} = x^{(i)}", claim_links("zn-qu-dzdw"))
doc(S, r"\dfrac{\partial J}{\partial b^{(i)}} =  \dfrac{\partial J}{\partial\hat{y}^{(i)}} \times \dfrac{\partial\hat{y}^{(i)}}{\partial z^{(i)}}\times \dfrac{\partial z^{(i)}}{\partial b^{(i)}}", claim_links("zn-qu-chain-db"))

# pochodna-koesan
S = "pochodna-koesan"
doc(S, r"d = a \cdot b + c", DEF)
doc(S, r"\frac{d}{db}(d) = \frac{d}{db} (a \cdot b) + \frac{d}{db} (c)", claim_links("zn-ko-sum"))
doc(S, r"\frac{d}{db} (c) = 0", claim_links("zn-ko-const"))
doc(S, r"\frac{d}{db} (a \cdot b) = a \cdot \underbrace{\frac{d}{db} (b)}_{1} = a", claim_links("zn-ko-prod"))
doc(S, r"\frac{dd}{db} = a + 0 = a", claim_links("zn-ko-ddb"))
doc(S, r"\frac{dd}{dc} = \frac{d}{dc} (a \cdot b + c)", lambda: ko("ddc-full"))
doc(S, r"\frac{d}{dc} (a \cdot b) = \mathbf{0}", claim_links("zn-ko-dabdc"))
doc(S, r"\frac{d}{dc} (c) = \mathbf{1}", claim_links("zn-ko-dcdc"))
doc(S, r"\frac{dd}{dc} = 0 + 1 = \mathbf{1}", claim_links("zn-ko-ddc"))

# regresi-wawakaka
S = "regresi-wawakaka"
for _t in [r"w_{\text{baru}} = w_{\text{lama}} - \eta \frac{dL}{dw}", r"\hat{y} = w x + b", r"L = \frac{1}{n} \sum_{i=1}^{n} (y_i - \hat{y_i})^2"]:
    doc(S, _t, DEF)
doc(S, r"\frac{dL}{dw} = -\frac{2}{n} \sum (y_i - \hat{y_i})x_i", claim_links("zn-wa-dw"))
doc(S, r"\frac{dL}{db} = -\frac{2}{n} \sum (y_i - \hat{y_i})", claim_links("zn-wa-db"))
doc(S, r"\frac{dL}{dw} = -\frac{1}{n} \sum (y_i - \hat{y_i})x_i", claim_links("zn-wa-dw-factor"))
doc(S, r"\frac{dL}{db} = \frac{2}{n} \sum (y_i - \hat{y_i})", claim_links("zn-wa-db-sign"))


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHAINS), (sorted(set(ids) - set(CHAINS)), sorted(set(CHAINS) - set(ids)))
    bad = nv = ni = 0
    for c in claims:
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        got = holds(CHAINS[c["id"]])
        if got != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if got else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        nblocks = sum(1 for ln in md if ln.startswith("$$"))
        assert nblocks == len(ex["links"]), (stem, "every display line must be listed")
        for lk in ex["links"]:
            key = (base, lk["text"])
            assert key in DOCS, key
            assert md[lk["line"] - 1].strip() == "$$" + lk["text"] + "$$", (stem, lk["line"])
            used.add(key)
            got = every(DOCS[key])
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} distinct relation lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
