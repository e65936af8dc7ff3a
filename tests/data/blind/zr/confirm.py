# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zr).

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
RTOL, ATOL = 1e-5, 1e-7
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


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch / index out of range: relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


sig = lambda x: 1.0 / (1.0 + np.exp(-x))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def softmax_rows(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def onehot(n, K):
    Y = np.zeros((n, K))
    Y[np.arange(n), rng.integers(0, K, n)] = 1
    return Y


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


DOCS = {}


def doc(stems, text):
    if isinstance(stems, str):
        stems = [stems]

    def deco(fn):
        for s in stems:
            assert (s, text) not in DOCS, (s, text)
            DOCS[(s, text)] = fn
        return fn
    return deco


def links_ok(lst):
    """a claim holds when every checked link holds (definition links are None)"""
    return all(x for x in lst if x is not None)


# ======================= fathurwithyou: logistic / softmax regression =======================
def bin_point():
    m, n = 7, 3
    X = rng.normal(size=(m, n)); y = rng.integers(0, 2, m).astype(float)
    w = rng.normal(size=n); b = rng.normal(); lam = abs(rng.normal())
    def L(wv, bv):
        p = sig(X @ wv + bv)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + lam * np.sum(wv ** 2)
    p = sig(X @ w + b)
    return X, y, w, b, lam, p, L, m


FW_W = {
    "zr-fw-gradw": lambda X, y, p, w, lam, m: X.T @ (p - y) / m + 2 * lam * w,
    "zr-fw-gradw-m": lambda X, y, p, w, lam, m: X.T @ (p - y) + 2 * lam * w,
    "zr-fw-gradw-sign": lambda X, y, p, w, lam, m: X.T @ (y - p) / m + 2 * lam * w,
    "zr-fw-gradw-transpose": lambda X, y, p, w, lam, m: X @ (p - y) / m + 2 * lam * w,
}


def fw_gradw(i):
    def p_():
        X, y, w, b, lam, p, L, m = bin_point()
        g = fd(lambda wv: L(wv, b), w)
        return close(g, FW_W[i](X, y, p, w, lam, m))
    return for_all(p_)


for _i in FW_W:
    check(_i)(fw_gradw)


@check("zr-fw-gradb", "zr-fw-gradb-2")
def _(i):
    def p_():
        X, y, w, b, lam, p, L, m = bin_point()
        g = d1(lambda bv: L(w, bv), b)
        k = 1 if i == "zr-fw-gradb" else 2
        return close(g, k / m * np.sum(p - y))
    return for_all(p_)


@check("zr-fw-sigmoid", "zr-fw-sigmoid-sign")
def _(i):
    def p_():
        x = rng.normal(size=3); w = rng.normal(size=3); b = rng.normal()
        q = x @ w + b
        rhs = 1 / (1 + np.exp(-q)) if i == "zr-fw-sigmoid" else 1 / (1 + np.exp(q))
        return close(sig(q), rhs)
    return for_all(p_)


def mc_point():
    m, n, K = 7, 3, 4
    X = rng.normal(size=(m, n)); Y = onehot(m, K)
    W = rng.normal(size=(n, K)); bv = rng.normal(size=K); lam = abs(rng.normal())
    def L(Wv, bb):
        P = softmax_rows(X @ Wv + bb)
        return -np.sum(Y * np.log(P)) / m + lam * np.sum(Wv ** 2)
    P = softmax_rows(X @ W + bv)
    return X, Y, W, bv, lam, P, L, m


FW_MC = {
    "zr-fw-gradW": lambda X, Y, P, W, lam, m: X.T @ (P - Y) / m + 2 * lam * W,
    "zr-fw-gradW-order": lambda X, Y, P, W, lam, m: (P - Y).T @ X / m + 2 * lam * W,
    "zr-fw-gradW-sign": lambda X, Y, P, W, lam, m: X.T @ (Y - P) / m + 2 * lam * W,
}


def fw_gradW(i):
    def p_():
        X, Y, W, bv, lam, P, L, m = mc_point()
        g = fd(lambda Wv: L(Wv, bv), W)
        return close(g, FW_MC[i](X, Y, P, W, lam, m))
    return for_all(p_)


for _i in FW_MC:
    check(_i)(fw_gradW)


@check("zr-fw-gradbvec", "zr-fw-gradbvec-m")
def _(i):
    def p_():
        X, Y, W, bv, lam, P, L, m = mc_point()
        g = fd(lambda bb: L(W, bb), bv)
        s = np.sum(P - Y, axis=0)
        return close(g, s / m if i == "zr-fw-gradbvec" else s)
    return for_all(p_)


@check("zr-fw-hess", "zr-fw-hess-pp", "zr-fw-hess-2")
def _(i):
    def p_():
        X, y, w, b, lam, p, L, m = bin_point()
        grad = lambda wv: X.T @ (sig(X @ wv + b) - y) / m + 2 * lam * wv  # confirmed by zr-fw-gradw
        H = jac(grad, w)
        n = len(w)
        if i == "zr-fw-hess":
            rhs = X.T @ np.diag(p * (1 - p)) @ X / m + 2 * lam * np.eye(n)
        elif i == "zr-fw-hess-pp":
            rhs = X.T @ np.diag(p * p) @ X / m + 2 * lam * np.eye(n)
        else:
            rhs = X.T @ np.diag(p * (1 - p)) @ X / m + lam * np.eye(n)
        return close(H, rhs, rtol=1e-4, atol=1e-6)
    return for_all(p_)


# ======================= stpotanin: softmax + cross-entropy =======================
def sm_point():
    K = 4
    Z = rng.normal(size=K)
    Y = onehot(1, K)[0]
    P = softmax(Z)
    L_of_Z = lambda z: -np.sum(Y * np.log(softmax(z)))
    J = jac(softmax, Z)  # J[k, l] = dP_k / dZ_l
    gZ = fd(L_of_Z, Z)
    return K, Z, Y, P, J, gZ


@check("zr-sts-dLdYp", "zr-sts-dLdYp-sign")
def _(i):
    def p_():
        K, Z, Y, P, J, gZ = sm_point()
        g = fd(lambda q: -np.sum(Y * np.log(q)), P)
        rhs = -Y / P if i == "zr-sts-dLdYp" else Y / P
        return close(g, rhs)
    return for_all(p_)


@check("zr-sts-diag", "zr-sts-diag-label")
def _(i):
    def p_():
        K, Z, Y, P, J, gZ = sm_point()
        rhs = P * (1 - P) if i == "zr-sts-diag" else P * (1 - Y)
        return close(np.diag(J), rhs)
    return for_all(p_)


@check("zr-sts-off", "zr-sts-off-sign")
def _(i):
    def p_():
        K, Z, Y, P, J, gZ = sm_point()
        s = -1 if i == "zr-sts-off" else 1
        return all(close(J[k, l], s * P[k] * P[l]) for k in range(K) for l in range(K) if k != l)
    return for_all(p_)


@check("zr-sts-dLdZ", "zr-sts-dLdZ-swap")
def _(i):
    def p_():
        K, Z, Y, P, J, gZ = sm_point()
        return close(gZ, P - Y if i == "zr-sts-dLdZ" else Y - P)
    return for_all(p_)


def sts_chain_kk():
    K, Z, Y, P, J, gZ = sm_point()
    mid = -Y / P * P * (1 - P)
    return [close(gZ, mid), close(mid, P - Y)]


def sts_chain_kl():
    K, Z, Y, P, J, gZ = sm_point()
    out = [True, True]
    for l in range(K):
        for k in range(K):
            if k == l:
                continue
            mid = -Y[l] / P[l] * (-P[k] * P[l])
            out[0] &= close(gZ[k], mid)
            out[1] &= close(mid, 0.0)
    return out


@check("zr-sts-chain-kk")
def _(i):
    return for_all(lambda: links_ok(sts_chain_kk()))


def sts_chainsum():
    K, Z, Y, P, J, gZ = sm_point()
    dL_dP = -Y / P
    return close(gZ, np.array([np.sum(dL_dP * J[:, k]) for k in range(K)]))


@check("zr-sts-chainsum")
def _(i):
    return for_all(sts_chainsum)


@check("zr-sts-chainsum-drop")
def _(i):
    def p_():
        K, Z, Y, P, J, gZ = sm_point()
        return close(gZ, -Y / P * np.diag(J))
    return for_all(p_)


def mat_point():
    m, n, K = 6, 3, 4
    X = rng.normal(size=(m, n)); W = rng.normal(size=(K, n)); Y = onehot(m, K)
    L = lambda Wv: -np.sum(Y * np.log(softmax_rows(X @ Wv.T)))
    P = softmax_rows(X @ W.T)
    G = fd(L, W)
    Lz = lambda Zv: -np.sum(Y * np.log(softmax_rows(Zv)))
    GZ = fd(Lz, X @ W.T)
    return m, n, K, X, W, Y, P, G, GZ


@check("zr-sts-dWkj", "zr-sts-dWkj-sign")
def _(i):
    def p_():
        m, n, K, X, W, Y, P, G, GZ = mat_point()
        s = 1 if i == "zr-sts-dWkj" else -1
        rhs = np.array([[sum(s * (P[r, k] - Y[r, k]) * X[r, j] for r in range(m)) for j in range(n)] for k in range(K)])
        return close(G, rhs)
    return for_all(p_)


@check("zr-sts-dW", "zr-sts-dW-transpose")
def _(i):
    def p_():
        m, n, K, X, W, Y, P, G, GZ = mat_point()
        rhs = (P - Y).T @ X if i == "zr-sts-dW" else X.T @ (P - Y)
        return close(G, rhs)
    return for_all(p_)


@check("zr-sts-dWk", "zr-sts-dWk-noX")
def _(i):
    def p_():
        n, K = 3, 4
        X = rng.normal(size=n); W = rng.normal(size=(K, n)); Y = onehot(1, K)[0]
        L = lambda Wv: -np.sum(Y * np.log(softmax(Wv @ X)))
        G = fd(L, W)
        P = softmax(W @ X)
        for k in range(K):
            rhs = (P[k] - Y[k]) * X if i == "zr-sts-dWk" else np.asarray(P[k] - Y[k])
            if not close(G[k], rhs):
                return False
        return True
    return for_all(p_)


# ======================= stpotanin: linear neuron regression =======================
def reg_point(N=4):
    x = rng.normal(size=N); y = rng.normal(size=N); w0, w1 = rng.normal(size=2)
    return x, y, w0, w1


def Lsum(x, y, w0, w1):
    return np.sum((y - (w1 * x + w0)) ** 2)


@check("zr-str-dLdy", "zr-str-dLdy-sign")
def _(i):
    def p_():
        x, y, w0, w1 = reg_point()
        yp = rng.normal()
        g = d1(lambda q: np.sum((y - q) ** 2), yp)
        a = -2 * np.sum(y - yp)
        b = 2 * np.sum(yp - y) if i == "zr-str-dLdy" else 2 * np.sum(y - yp)
        return close(g, a) and close(a, b)
    return for_all(p_)


@check("zr-str-dw0", "zr-str-dw0-2")
def _(i):
    def p_():
        x, y, w0, w1 = reg_point()
        g = d1(lambda v: Lsum(x, y, v, w1), w0)
        k = 2 if i == "zr-str-dw0" else 1
        return close(g, k * np.sum((w1 * x + w0) - y))
    return for_all(p_)


@check("zr-str-dw1", "zr-str-dw1-x")
def _(i):
    def p_():
        x, y, w0, w1 = reg_point()
        g = d1(lambda v: Lsum(x, y, w0, v), w1)
        r = (w1 * x + w0) - y
        return close(g, 2 * np.sum(r * x) if i == "zr-str-dw1" else 2 * np.sum(r))
    return for_all(p_)


@check("zr-str-oa-dw0", "zr-str-oa-dw0-sign")
def _(i):
    def p_():
        x, y, w0, w1 = reg_point()
        N = len(x)
        g = d1(lambda v: Lsum(x, y, v, w1) / N, w0)
        s = -1 if i == "zr-str-oa-dw0" else 1
        return close(g, s * 2 / N * np.sum(y - (w1 * x + w0)))
    return for_all(p_)


@check("zr-str-oa-dw1", "zr-str-oa-dw1-half")
def _(i):
    def p_():
        x, y, w0, w1 = reg_point()
        N = len(x)
        g = d1(lambda v: Lsum(x, y, w0, v) / N, w1)
        k = 2 if i == "zr-str-oa-dw1" else 1
        return close(g, -k / N * np.sum(x * (y - (w1 * x + w0))))
    return for_all(p_)


@check("zr-str-kop-dLdy", "zr-str-kop-dLdy-swap")
def _(i):
    def p_():
        yp, yk = rng.normal(size=2)
        g = d1(lambda q: (q - yk) ** 2, yp)
        return close(g, 2 * (yp - yk) if i == "zr-str-kop-dLdy" else 2 * (yk - yp))
    return for_all(p_)


@check("zr-str-kop-dLdw", "zr-str-kop-dLdw-index")
def _(i):
    def p_():
        m, n = 5, 3
        X = rng.normal(size=(m, n)); y = rng.normal(size=m); w = rng.normal(size=n)
        L = lambda wv: np.sum((X @ wv - y) ** 2)
        G = fd(L, w)
        yp = X @ w
        for c in range(n):
            col = c if i == "zr-str-kop-dLdw" else c + 1
            if not close(G[c], 2 * np.sum((yp - y) * X[:, col])):
                return False
        return True
    return for_all(p_)


@check("zr-str-kop-vec")
def _(i):
    def p_():
        m, n = 5, 3
        X = rng.normal(size=(m, n)); y = rng.normal(size=m); w = rng.normal(size=n)
        G = fd(lambda wv: np.sum((X @ wv - y) ** 2), w)
        r = (X @ w - y)[:, None]  # column vector, as y_pred = [X] w
        return close(G[:, None], 2 * r @ X.T)  # shapes (m,1) @ (n,m) do not chain
    return for_all(p_)


XD = np.array([-1.0, 0.0, 1.0]); YD = np.array([1.0, 0.0, -1.0])


def true_dw0(w0, w1):
    return d1(lambda v: Lsum(XD, YD, v, w1), w0)


def true_dw1(w0, w1):
    return d1(lambda v: Lsum(XD, YD, w0, v), w1)


def printed_w0_expanded(w0, w1):  # 2 ((..)-y_1) + ((..)-y_2) + ((..)-y_3): the 2 binds the first term only
    r = (w1 * XD + w0) - YD
    return 2 * r[0] + r[1] + r[2]


def printed_w1_expanded(w0, w1):
    r = (w1 * XD + w0) - YD
    return 2 * r[0] * XD[0] + r[1] * XD[1] + r[2] * XD[2]


def printed_w0_numbers(w0, w1):
    return 2 * ((w1 * (-1) + w0) - 1) + ((w1 * 0 + w0) - 0) + ((w1 * 1 + w0) - (-1))


def printed_w1_numbers(w0, w1):
    return 2 * ((w1 * (-1) + w0) - 1) * (-1) + ((w1 * 0 + w0) - 0) * 0 + ((w1 * 1 + w0) - (-1)) * 1


@check("zr-str-expand-w0")
def _(i):
    def p_():
        w0, w1 = rng.normal(size=2)
        return close(true_dw0(w0, w1), printed_w0_expanded(w0, w1))
    return for_all(p_)


@check("zr-str-num-6w0")
def _(i):
    def p_():
        w0, w1 = rng.normal(size=2)
        return close(printed_w0_numbers(w0, w1), 6 * w0)
    return for_all(p_)


@check("zr-str-num-4w0")
def _(i):
    def p_():
        w0, w1 = rng.normal(size=2)
        return close(printed_w1_numbers(w0, w1), 4 * w0 + 4)
    return for_all(p_)


def gd_step1(w10, h):
    return [close(w10 - h * true_dw1(0.0, w10), w10 - h * (4 * w10 + 4))]


@check("zr-str-step1", "zr-str-step1-sign")
def _(i):
    w10, h = 0.0, 0.1
    v = w10 - h * (4 * w10 + 4)
    return num(v, -0.4 if i == "zr-str-step1" else 0.4, 0.1)


@check("zr-str-step2", "zr-str-step2-sign")
def _(i):
    w11, h = -0.4, 0.1
    v = w11 - h * (4 * w11 + 4)
    return num(v, -0.64 if i == "zr-str-step2" else -0.16, 0.01)


# ======================= stpotanin: computational graph =======================
def graph_point():
    x = rng.uniform(0.2, 1.5) * rng.choice([-1, 1])
    a, b = 2.0 ** x, 3.0 ** x
    c, d = a + b, a * b
    return x, a, b, c, d


STG_SIMPLE = {
    "zr-stg-dfdc": lambda x, a, b, c, d: [close(d1(lambda cv: cv / d, c), 1 / d)],
    "zr-stg-dfdc-exp": lambda x, a, b, c, d: [close(d1(lambda cv: cv / d, c), 1 / d ** 2)],
    "zr-stg-dfdd": lambda x, a, b, c, d: [close(d1(lambda dv: c / dv, d), -c / d ** 2)],
    "zr-stg-dfdd-sign": lambda x, a, b, c, d: [close(d1(lambda dv: c / dv, d), c / d ** 2)],
    "zr-stg-ddda": lambda x, a, b, c, d: [close(d1(lambda av: av * b, a), a)],
    "zr-stg-dddb": lambda x, a, b, c, d: [close(d1(lambda bv: a * bv, b), b)],
    "zr-stg-dadx": lambda x, a, b, c, d: [close(d1(lambda xv: 2.0 ** xv, x), 2 ** x * math.log(2))],
    "zr-stg-dadx-power": lambda x, a, b, c, d: [close(d1(lambda xv: 2.0 ** xv, x), x * 2 ** (x - 1))],
    "zr-stg-dbdx": lambda x, a, b, c, d: [close(d1(lambda xv: 3.0 ** xv, x), 3 ** x * math.log(3))],
    "zr-stg-dbdx-base": lambda x, a, b, c, d: [close(d1(lambda xv: 3.0 ** xv, x), 3 ** x * math.log(2))],
}


def stg_simple(i):
    return for_all(lambda: links_ok(STG_SIMPLE[i](*graph_point())))


for _i in STG_SIMPLE:
    check(_i)(stg_simple)


def F_ab(av, bv):
    return (av + bv) / (av * bv)


def stg_dfda():
    x, a, b, c, d = graph_point()
    tot = d1(lambda av: F_ab(av, b), a)
    chain = (1 / d) * 1 + (-c / d ** 2) * d1(lambda av: av * b, a)
    return [close(tot, chain), close(chain, 1 / d - a * c / d ** 2)]


def stg_dfdb():
    x, a, b, c, d = graph_point()
    tot = d1(lambda bv: F_ab(a, bv), b)
    chain = (1 / d) * 1 + (-c / d ** 2) * d1(lambda bv: a * bv, b)
    return [close(tot, chain), close(chain, 1 / d - b * c / d ** 2)]


@check("zr-stg-dfda")
def _(i):
    return for_all(lambda: links_ok(stg_dfda()))


def regroup_lhs(x, a, b):
    L2, L3 = math.log(2), math.log(3)
    return 1 / (a * b) * (2 ** x * L2 + 3 ** x * L3) - (a + b) / (a * b) * (a / (a * b) * 2 ** x * L2 + b / (a * b) * 3 ** x * L3)


def regroup_rhs(x, a, b, swap=False):
    L2, L3 = math.log(2), math.log(3)
    if swap:
        return 1 / (a * b) * (2 ** x * L2 + 3 ** x * L3) - (a + b) / (a * b) * (2 ** x * L2 / a + 3 ** x * L3 / b)
    return 1 / (a * b) * (2 ** x * L2 + 3 ** x * L3) - (a + b) / (a * b) * (2 ** x * L2 / b + 3 ** x * L3 / a)


@check("zr-stg-regroup", "zr-stg-regroup-swap")
def _(i):
    def p_():
        x, a, b, c, d = graph_point()
        return close(regroup_lhs(x, a, b), regroup_rhs(x, a, b, swap=(i != "zr-stg-regroup")))
    return for_all(p_)


L2, L3 = math.log(2), math.log(3)
POW_A = lambda x: -(2 ** x) * L2 / 3 ** (2 * x) - 3 ** x * L3 / 2 ** (2 * x)
POW_B = lambda x: -(2 ** x) * 2 ** (-2 * x) * L2 / 3 ** x - 3 ** x * 3 ** (-2 * x) * L3 / 2 ** x
POW_C = lambda x: -(2 ** (-x)) * L2 / 3 ** x - 3 ** (-x) * L3 / 2 ** x


@check("zr-stg-powers")
def _(i):
    return for_all(lambda: (lambda x: close(POW_A(x), POW_B(x)))(graph_point()[0]))


@check("zr-stg-powers2")
def _(i):
    return for_all(lambda: (lambda x: close(POW_B(x), POW_C(x)))(graph_point()[0]))


def cancel_lhs(x):
    A, B = 2.0 ** x, 3.0 ** x
    return (1 / (A * B) - A * A / (A * A * B * B) - A * B / (A * A * B * B)) * A * L2 + (1 / (A * B) - A * B / (A * A * B * B) - B * B / (A * A * B * B)) * B * L3


def cancel_rhs(x, swap=False):
    A, B = 2.0 ** x, 3.0 ** x
    p, q = (1 / A ** 2, 1 / B ** 2) if swap else (1 / B ** 2, 1 / A ** 2)
    return (1 / (A * B) - p - 1 / (A * B)) * A * L2 + (1 / (A * B) - q - 1 / (A * B)) * B * L3


@check("zr-stg-cancel", "zr-stg-cancel-exp")
def _(i):
    return for_all(lambda: (lambda x: close(cancel_lhs(x), cancel_rhs(x, swap=(i != "zr-stg-cancel"))))(graph_point()[0]))


# ======================= fransis96jst: XOR numbers =======================
S = lambda v: 1 / (1 + math.exp(-v))
Z1, Z2, Z3 = S(-0.1), S(0.4), S(-0.1)
Y1 = S(0.30935)
E = 1e-12


def lk(a, b, unit=E):
    return abs(a - b) <= unit * (1 + 1e-9) + 1e-12


FR = {
    "z1in": lambda: [None, lk(1 * -0.3 + 1 * 0.3 + 1 * -0.1, (1) * (-0.3) + (1) * (0.3) + (1) * (-0.1)), lk(-0.1, -0.3 + 0.3 - 0.1), lk(-0.3 + 0.3 - 0.1, -0.1)],
    "z2in": lambda: [None, lk((1) * (0.3) + (1) * (-0.2) + (1) * (0.3), 0.3 - 0.2 + 0.3), lk(0.3 - 0.2 + 0.3, 0.4)],
    "z2in-sign": lambda: [None, lk((1) * (0.3) + (1) * (-0.2) + (1) * (0.3), 0.3 + 0.2 + 0.3), lk(0.3 + 0.2 + 0.3, 0.8)],
    "z3in": lambda: [None, lk((1) * (-0.3) + (1) * (0.3) + (1) * (-0.1), -0.3 + 0.3 - 0.1), lk(-0.3 + 0.3 - 0.1, -0.1)],
    "z1": lambda: [None, num(Z1, 0.4750, 1e-4)],
    "z1-sign": lambda: [None, num(Z1, 0.5250, 1e-4)],
    "z2": lambda: [None, num(Z2, 0.5987, 1e-4)],
    "z2-digits": lambda: [None, num(Z2, 0.5897, 1e-4)],
    "z3": lambda: [None, num(Z3, 0.4750, 1e-4)],
    # printed inputs 0.4750, 0.5987 stand for Z1, Z2, Z3 (each within 1e-4)
    "y1in-doc": lambda: [None, num(Z1, 0.4750, 1e-4) and num(Z2, 0.5987, 1e-4) and num(Z3, 0.4750, 1e-4),
                         lk((0.4750) * (-0.1) + (0.5987) * (0.5) + (0.4750) * (-0.3) + (1) * (0.2), -0.0475 + 0.29935 - 0.1425 + 0.2),
                         lk(-0.0475 + 0.29935 - 0.1425 + 0.2, 0.30935)],
    "y1in": lambda: [None, lk((0.4750) * (-0.1) + (0.5987) * (0.5) + (0.4750) * (-0.3) + (1) * (0.2), -0.0475 + 0.29935 - 0.1425 + 0.2), lk(-0.0475 + 0.29935 - 0.1425 + 0.2, 0.30935)],
    "y1in-sum": lambda: [None, lk((0.4750) * (-0.1) + (0.5987) * (0.5) + (0.4750) * (-0.3) + (1) * (0.2), -0.0475 + 0.29935 - 0.1425 + 0.2), lk(-0.0475 + 0.29935 - 0.1425 + 0.2, 0.10935)],
    "y1": lambda: [None, num(Y1, 0.5768, 1e-4)],
    "y1-flip": lambda: [None, num(Y1, 0.4232, 1e-4)],
    "deltaY": lambda: [None, num(Y1, 0.5768, 1e-4), lk((-0.5768) * 0.5768 * (1 - 0.5768), (-0.5768) * 0.5768 * 0.4232), num((-0.5768) * 0.5768 * 0.4232, -0.1407, 1e-4)],
    "deltaY-factor": lambda: [None, num(Y1, 0.5768, 1e-4), lk((-0.5768) * 0.5768 * (1 - 0.5768), (-0.5768) * 0.5768 * 0.4232), num((-0.5768) * 0.5768 * 0.4232, -0.2441, 1e-4)],
    "dz1": lambda: [None, lk(-0.1407 * (-0.1) * 0.4750 * (1 - 0.4750), 0.01407 * 0.4750 * 0.5250), num(0.01407 * 0.4750 * 0.5250, 0.00351, 1e-5)],
    "dz1-sign": lambda: [None, lk(-0.1407 * (-0.1) * 0.4750 * (1 - 0.4750), -0.01407 * 0.4750 * 0.5250), num(-0.01407 * 0.4750 * 0.5250, -0.00351, 1e-5)],
    "dz2": lambda: [None, lk(-0.1407 * (0.5) * 0.5987 * (1 - 0.5987), -0.07035 * 0.5987 * 0.4013), num(-0.07035 * 0.5987 * 0.4013, -0.01690, 1e-5)],
    "dz2-nov": lambda: [None, lk(-0.1407 * (0.5) * 0.5987 * (1 - 0.5987), -0.1407 * 0.5987 * 0.4013), num(-0.1407 * 0.5987 * 0.4013, -0.03381, 1e-5)],
    "dz3": lambda: [None, lk(-0.1407 * (-0.3) * 0.4750 * 0.5250, 0.04221 * 0.4750 * 0.5250), num(0.04221 * 0.4750 * 0.5250, 0.01051, 1e-5)],
    "v1": lambda: [None, num(-0.1 + 0.2 * (-0.1407) * 0.4750, -0.1 - 0.01337, 1e-5), num(-0.1 - 0.01337, -0.1134, 1e-4)],
    "v1-sign": lambda: [None, num(-0.1 + 0.2 * (-0.1407) * 0.4750, -0.1 + 0.01337, 1e-5), num(-0.1 + 0.01337, -0.0866, 1e-4)],
    "v2": lambda: [None, num(0.5 + 0.2 * (-0.1407) * 0.5987, 0.5 - 0.01685, 1e-5), num(0.5 - 0.01685, 0.4832, 1e-4)],
    "v2-mut": lambda: [None, num(0.5 + 0.2 * (-0.1407) * 0.5987, 0.5 + 0.01685, 1e-5), num(0.5 + 0.01685, 0.5168, 1e-4)],
    "v2-lr": lambda: [None, num(0.5 + 0.2 * (-0.1407) * 0.5987, 0.5 - 0.08424, 1e-5), num(0.5 - 0.08424, 0.4158, 1e-4)],
    "v3": lambda: [None, num(-0.3 + 0.2 * (-0.1407) * 0.4750, -0.3 - 0.01337, 1e-5), num(-0.3 - 0.01337, -0.3134, 1e-4)],
    "bias": lambda: [None, num(0.2 + 0.2 * (-0.1407) * 1, 0.2 - 0.02814, 1e-5), num(0.2 - 0.02814, 0.1719, 1e-4)],
    "bias-sign": lambda: [None, num(0.2 + 0.2 * (-0.1407) * 1, 0.2 + 0.02814, 1e-5), num(0.2 + 0.02814, 0.2281, 1e-4)],
    "wx1z1": lambda: [None, num(-0.3 + 0.2 * 0.00351 * 1, -0.3 + 0.000702, 1e-6), num(-0.3 + 0.000702, -0.2993, 1e-4)],
    "wx1z1-shift": lambda: [None, num(-0.3 + 0.2 * 0.00351 * 1, -0.3 + 0.00702, 1e-5), num(-0.3 + 0.00702, -0.2930, 1e-4)],
    "wx2z1": lambda: [None, num(0.3 + 0.000702, 0.3007, 1e-4)],
    "wbz1": lambda: [None, num(-0.1 + 0.000702, -0.0993, 1e-4)],
    "wx1z2": lambda: [None, num(0.3 + 0.2 * (-0.01690) * 1, 0.3 - 0.00338, 1e-5), num(0.3 - 0.00338, 0.2966, 1e-4)],
    "wx1z2-sign": lambda: [None, num(0.3 + 0.2 * (-0.01690) * 1, 0.3 + 0.00338, 1e-5), num(0.3 + 0.00338, 0.3034, 1e-4)],
    "wx2z2": lambda: [None, num(-0.2 - 0.00338, -0.2034, 1e-4)],
    "wbz2": lambda: [None, num(0.3 - 0.00338, 0.2966, 1e-4)],
    "wx1z3": lambda: [None, num(-0.3 + 0.2 * 0.01051 * 1, -0.3 + 0.002102, 1e-6), num(-0.3 + 0.002102, -0.2979, 1e-4)],
    "wx2z3": lambda: [None, num(0.3 + 0.002102, 0.3021, 1e-4)],
    "wbz3": lambda: [None, num(-0.1 + 0.002102, -0.0979, 1e-4)],
    "wbz3-sign": lambda: [None, num(-0.1 + 0.002102, -0.1021, 1e-4)],
}

for _k in ["z1in", "z3in", "v3", "wx2z1", "wbz1", "wx2z2", "wbz2", "wx2z3", "z2in", "z2in-sign", "z1", "z1-sign", "z2", "z2-digits", "y1in", "y1in-sum", "y1", "y1-flip", "deltaY", "deltaY-factor",
           "dz1", "dz1-sign", "dz2", "dz2-nov", "dz3", "v1", "v1-sign", "v2", "v2-lr", "bias", "bias-sign", "wx1z1", "wx1z1-shift",
           "wx1z2", "wx1z2-sign", "wx1z3", "wbz3", "wbz3-sign"]:
    check("zr-fr-" + _k)((lambda k: (lambda i: links_ok(FR[k]())))(_k))

# ======================= leonardoSaaads: CE numbers =======================
EX1 = -(0.4 * math.log(0.45) + 0.2 * math.log(0.23) + 0.5 * math.log(0.7) + 1 * math.log(0.12))
EX2 = -(1 * math.log(0.7) + 0 * math.log(0.1) + 0 * math.log(0.2))


def ce(y, q):
    return -sum(a * math.log(b) for a, b in zip(y, q))


def ls_links(mut1=False):
    y, q = [0.4, 0.2, 0.5, 1], [0.45, 0.23, 0.7, 0.12]
    return [None, lk(ce(y, q), EX1), num(EX1, 2.81193928066835 if mut1 else 2.91193928066835, 1e-14)]


def ls_links2(mut=False):
    y, q = [1, 0, 0], [0.7, 0.1, 0.2]
    return [None, lk(ce(y, q), EX2), num(EX2, 0.15490195998574 if mut else 0.35667494393873, 1e-14)]


check("zr-ls-ex1")(lambda i: links_ok(ls_links()[1:]))
check("zr-ls-ex1-sign")(lambda i: lk(ce([0.4, 0.2, 0.5, 1], [0.45, 0.23, 0.7, 0.12]), EX1) and num(EX1, -2.91193928066835, 1e-14))
check("zr-ls-ex2")(lambda i: links_ok(ls_links2()[1:]))
check("zr-ls-ex2-log10")(lambda i: links_ok(ls_links2(True)[1:]))


# ======================= neerc.ifmo.ru: softmax Jacobian with the printed definition =======================
def nr_printed(x):
    n = len(x)
    return np.array([np.exp(x[i]) / sum(np.exp(x[i]) for _ in range(n)) for i in range(n)])  # sum_j exp(x_i)


@check("zr-nr-jac", "zr-nr-jac-sign")
def _(i):
    def p_():
        x = rng.normal(size=4)
        y = nr_printed(x)
        J = jac(nr_printed, x)
        n = len(x)
        I_ = np.eye(n)
        if i == "zr-nr-jac":
            cases = np.array([[y[a] * (1 - y[b]) if a == b else -y[a] * y[b] for b in range(n)] for a in range(n)])
            return close(J, cases) and close(cases, y[:, None] * (I_ - y[None, :]))
        return close(J, y[:, None] * (I_ + y[None, :]))
    return for_all(p_)



# ======================= fargolo: interaction slope, perceptron and network gradients =======================
def fg_point():
    x1, x2, b1, b2, b3 = rng.normal(size=5)
    return x1, x2, b1, b2, b3


@check("zr-fg-interact", "zr-fg-interact-drop", "zr-fg-slope")
def _(i):
    def p_():
        x1, x2, b1, b2, b3 = fg_point()
        lhs = d1(lambda v: v * b1 + x2 * b2 + v * x2 * b3, x1)
        if i == "zr-fg-interact":
            rhs = d1(lambda v: v * b1 + x2 * b2 + v * x2 * b3, x1)
        elif i == "zr-fg-interact-drop":
            rhs = d1(lambda v: v * b1 + x2 * b2 + x2 * b3, x1)
        else:
            rhs = d1(lambda v: b1 + x2 * b3, x1)  # derivative of an expression free of x_1: 0
        return close(lhs, rhs)
    return for_all(p_)


@check("zr-fg-gprime", "zr-fg-gprime-exp")
def _(i):
    def p_():
        s_, o_ = rng.normal(size=2)
        gprime_at_f = d1(lambda v: v ** 2, s_ - o_)
        rhs = 2 * (s_ - o_) ** (2 - 1) if i == "zr-fg-gprime" else 2 * (s_ - o_) ** 2
        return close(gprime_at_f, rhs)
    return for_all(p_)


def fg_lin():
    n, d = 5, 3
    X = rng.normal(size=(n, d)); sc = rng.normal(size=n); w = rng.normal(size=d)
    L = lambda wv: np.mean((sc - X @ wv) ** 2)
    return n, d, X, sc, w, L


@check("zr-fg-dLdw")
def _(i):
    def p_():
        n, d, X, sc, w, L = fg_lin()
        g = fd(L, w)
        rhs = np.array([sum(d1(lambda v, j=j, c=c: (sc[j] - (X[j] @ np.where(np.arange(d) == c, v, w))) ** 2, w[c]) for j in range(n)) for c in range(d)])
        return close(g, rhs)
    return for_all(p_)


def fg_net():
    t, x, w1, w21, w22 = rng.normal(size=5)
    yp1 = lambda a: a * x
    F = lambda a, b, c: (t - (c * yp1(a) + b * yp1(a))) ** 2  # a = w1, b = w21, c = w22
    r = t - (w22 * yp1(w1) + w21 * yp1(w1))
    return t, x, w1, w21, w22, yp1, F, r


def fg_w21_links(last_sign=-1, two=2):
    t, x, w1, w21, w22, yp1, F, r = fg_net()
    lhs = d1(lambda b: F(w1, b, w22), w21)
    s2 = two * r * d1(lambda b: -1 * (w22 * yp1(w1) + b * yp1(w1)), w21)
    s3 = 2 * r * d1(lambda b: -1 * (b * yp1(w1)), w21)
    s4 = 2 * r * yp1(w1) * last_sign
    return [close(lhs, s2), close(s2, s3), close(s3, s4)]


def fg_w1_links(sign=-1):
    t, x, w1, w21, w22, yp1, F, r = fg_net()
    lhs = d1(lambda a: F(a, w21, w22), w1)
    s2 = 2 * r * d1(lambda a: -1 * (w22 * yp1(a) + w21 * yp1(a)), w1)
    s3 = 2 * r * d1(lambda a: sign * (w22 * (a * x) + w21 * (a * x)), w1)
    return [close(lhs, s2), close(s2, s3)]


check("zr-fg-w21")(lambda i: for_all(lambda: links_ok(fg_w21_links())))
check("zr-fg-w21-sign")(lambda i: for_all(lambda: links_ok(fg_w21_links(last_sign=1))))
check("zr-fg-w21-factor")(lambda i: for_all(lambda: links_ok(fg_w21_links(two=1)[:1])))
check("zr-fg-w1")(lambda i: for_all(lambda: close(*(lambda t, x, w1, w21, w22, yp1, F, r: (d1(lambda a: F(a, w21, w22), w1), 2 * r * d1(lambda a: -1 * (w22 * (a * x) + w21 * (a * x)), w1)))(*fg_net()))))
check("zr-fg-w1-sign")(lambda i: for_all(lambda: close(*(lambda t, x, w1, w21, w22, yp1, F, r: (d1(lambda a: F(a, w21, w22), w1), 2 * r * d1(lambda a: (w22 * (a * x) + w21 * (a * x)), w1)))(*fg_net()))))


# ======================= ezancanaro: output-layer numbers =======================
EZ = {
    "zr-ez-z1": lambda: [lk((0.1 + 0.2 + 0.3 + 0.4 + 0.5) * 0.5 + 0.01, 1.5 * 0.5 + 0.01), lk(1.5 * 0.5 + 0.01, 0.75 + 0.01), num(0.75 + 0.01, 0.76, 0.01)],
    "zr-ez-z1-sum": lambda: [lk((0.1 + 0.2 + 0.3 + 0.4 + 0.5) * 0.5 + 0.01, 1.5 * 0.5 + 0.01), lk(1.5 * 0.5 + 0.01, 0.75 + 0.01), num(0.75 + 0.01, 0.85, 0.01)],
    "zr-ez-z2": lambda: [lk((0.6 + 0.7 + 0.8 + 0.9 + 1.0) * 0.5 + 0.02, 4.0 * 0.5 + 0.02), lk(4.0 * 0.5 + 0.02, 2.0 + 0.02), num(2.0 + 0.02, 2.02, 0.01)],
    "zr-ez-z2-sum": lambda: [lk((0.6 + 0.7 + 0.8 + 0.9 + 1.0) * 0.5 + 0.02, 3.5 * 0.5 + 0.02), lk(3.5 * 0.5 + 0.02, 1.75 + 0.02), num(1.75 + 0.02, 1.77, 0.01)],
    "zr-ez-z3": lambda: [lk((1.1 + 1.2 + 1.3 + 1.4 + 1.5) * 0.5 + 0.03, 6.5 * 0.5 + 0.03), lk(6.5 * 0.5 + 0.03, 3.25 + 0.03), num(3.25 + 0.03, 3.28, 0.01)],
    "zr-ez-2AY": lambda: [close(2 * (np.array([0.76, 2.02, 3.28]) - np.array([1.0, 1.0, 1.0])), 2 * np.array([-0.24, 1.02, 2.28])), close(2 * np.array([-0.24, 1.02, 2.28]), [-0.48, 2.04, 4.56])],
    "zr-ez-2AY-half": lambda: [close(2 * (np.array([0.76, 2.02, 3.28]) - np.array([1.0, 1.0, 1.0])), 2 * np.array([-0.24, 1.02, 2.28])), close(2 * np.array([-0.24, 1.02, 2.28]), [-0.24, 1.02, 2.28])],
    "zr-ez-delta": lambda: [close(np.array([-0.48, 2.04, 4.56]) * np.array([1.0, 1.0, 1.0]), [-0.48, 2.04, 4.56])],
    "zr-ez-grad1": lambda: [num(-0.48 * 0.5, -0.24, 0.01)],
    "zr-ez-grad1-half": lambda: [num(-0.48 * 0.5, -0.12, 0.01)],
}
for _k in EZ:
    check(_k)((lambda k: (lambda i: links_ok(EZ[k]())))(_k))

check("zr-str-dydw0")(lambda i: for_all(lambda: (lambda x, w0, w1: close(d1(lambda v: w1 * x + v, w0), 1.0))(*rng.normal(size=3))))
check("zr-str-dydw1")(lambda i: for_all(lambda: (lambda x, w0, w1: close(d1(lambda v: v * x + w0, w1), x))(*rng.normal(size=3))))


# ======================= documents =======================

PF = "perceptron-network-fargolo"


def pf_eta_links():
    n, d, X, sc, w, L = fg_lin()
    eta = abs(rng.normal())
    a = -eta * fd(L, w)
    b = -eta * fd(lambda wv: np.sum((sc - X @ wv) ** 2) / n, w)  # (1/n) sum E, E = squared distance
    return a, b


doc(PF, r"\Delta w_{i} = - \eta \frac{dL}{dw_{i}}")(lambda: [None])
doc(PF, r"= - \eta \frac{d}{dw_{i}}\frac{1}{n}\sum_{j}^{n}E(score_{j},output_{j})")(lambda: [for_all(lambda: close(*pf_eta_links()))])
doc(PF, r"= - \eta \frac{d}{dw_{i}}\frac{1}{n}\sum_{j}^{n}(score_{j} - output_{j})^{2}")(lambda: [for_all(lambda: close(*pf_eta_links()))])
doc(PF, r"\frac{dL}{dw_{i}} = \sum_{j}^{n}\frac{d}{dw_{i}}(score_{j} - output_{j})^{2}")(lambda: [CHECK["zr-fg-dLdw"]("zr-fg-dLdw")])
doc(PF, r"\frac{d}{dw_{21}}(target - (pred22 + pred21))^{2}")(lambda: [])
doc(PF, r"=2(target - (pred22 + pred21))*\frac{d}{dw_{21}}(-1)(pred22 + pred21)")(lambda: [all(fg_w21_links()[0] for _ in range(NPTS))])
doc(PF, r"=2(target - (pred22 + pred21))*\frac{d}{dw_{21}}(-1)(w_{21}*ypred1)")(lambda: [all(fg_w21_links()[1] for _ in range(NPTS))])
doc(PF, r"=2(target - (pred22 + pred21))*(ypred1)(-1)")(lambda: [all(fg_w21_links()[2] for _ in range(NPTS))])
doc(PF, r"\frac{d}{dw_{1}}(target - (pred22 + pred21))^{2}")(lambda: [])
doc(PF, r"=2(target - (pred22 + pred21))*\frac{d}{dw_{1}}(-1)(pred22 + pred21)")(lambda: [all(fg_w1_links()[0] for _ in range(NPTS))])
doc(PF, r"=2(target - (pred22 + pred21))*\frac{d}{dw_{1}}(-1)(\sum w_{22}\sum w_{1}x + \sum w_{21}\sum w_{1}x )")(lambda: [all(fg_w1_links()[1] for _ in range(NPTS))])


FRD = ["xor-iteration-fransis", "xor-iteration-fransis-mutated"]
doc(FRD, "Z₁(in) = X₁·w₁₁ + X₂·w₂₁ + 1·bias₁ = (1)(-0.3) + (1)(0.3) + (1)(-0.1) = -0.3 + 0.3 - 0.1 = -0.1")(FR["z1in"])
doc(FRD, "Z₂(in) = (1)(0.3) + (1)(-0.2) + (1)(0.3) = 0.3 - 0.2 + 0.3 = 0.4")(FR["z2in"])
doc(FRD, "Z₃(in) = (1)(-0.3) + (1)(0.3) + (1)(-0.1) = -0.3 + 0.3 - 0.1 = -0.1")(FR["z3in"])
for _s in FRD:
    for _t in ["σ(x) = 1 / (1 + e⁻ˣ)", "δ_Zj = δ_Y · v_j · Zj · (1 - Zj)", "Δv_j = α · δ_Y · Zj", "Δv_bias = α · δ_Y · 1", "Δw_ij = α · δ_Zj · Xi"]:
        doc(_s, _t)(lambda: [None])
doc(FRD, "Z₁ = σ(-0.1) ≈ 0.4750")(FR["z1"])
doc(FRD[0], "Z₂ = σ(0.4)  ≈ 0.5987")(FR["z2"])
doc(FRD[1], "Z₂ = σ(0.4)  ≈ 0.5897")(FR["z2-digits"])
doc(FRD, "Z₃ = σ(-0.1) ≈ 0.4750")(FR["z3"])
doc(FRD, "Y₁(in) = Z₁·v₁ + Z₂·v₂ + Z₃·v₃ + bias·v₀ = (0.4750)(-0.1) + (0.5987)(0.5) + (0.4750)(-0.3) + (1)(0.2) = -0.0475 + 0.29935 - 0.1425 + 0.2 = 0.30935")(FR["y1in-doc"])
doc(FRD, "Y₁ = σ(0.30935) ≈ 0.5768")(FR["y1"])
doc(FRD, "δ_Y = (t - Y₁) · Y₁ · (1 - Y₁) = (0 - 0.5768) · 0.5768 · (1 - 0.5768) = (-0.5768) · 0.5768 · 0.4232 ≈ -0.1407")(FR["deltaY"])
doc(FRD, "δ_Z₁ = -0.1407 · (-0.1) · 0.4750 · (1-0.4750) = 0.01407 · 0.4750 · 0.5250 ≈ 0.00351")(FR["dz1"])
doc(FRD[0], "δ_Z₂ = -0.1407 · (0.5)  · 0.5987 · (1-0.5987) = -0.07035 · 0.5987 · 0.4013 ≈ -0.01690")(FR["dz2"])
doc(FRD[1], "δ_Z₂ = -0.1407 · (0.5)  · 0.5987 · (1-0.5987) = -0.1407 · 0.5987 · 0.4013 ≈ -0.03381")(FR["dz2-nov"])
doc(FRD, "δ_Z₃ = -0.1407 · (-0.3) · 0.4750 · 0.5250 ≈ 0.04221 · 0.4750 · 0.5250 ≈ 0.01051")(FR["dz3"])
doc(FRD, "v₁ baru = -0.1 + 0.2 · (-0.1407) · 0.4750 ≈ -0.1 - 0.01337 ≈ -0.1134")(FR["v1"])
doc(FRD[0], "v₂ baru = 0.5 + 0.2 · (-0.1407) · 0.5987 ≈ 0.5 - 0.01685 ≈ 0.4832")(FR["v2"])
doc(FRD[1], "v₂ baru = 0.5 + 0.2 · (-0.1407) · 0.5987 ≈ 0.5 + 0.01685 ≈ 0.5168")(FR["v2-mut"])
doc(FRD, "v₃ baru = -0.3 + 0.2 · (-0.1407) · 0.4750 ≈ -0.3 - 0.01337 ≈ -0.3134")(FR["v3"])
doc(FRD, "bias baru = 0.2 + 0.2 · (-0.1407) · 1 ≈ 0.2 - 0.02814 ≈ 0.1719")(FR["bias"])
doc(FRD, "w(X₁→Z₁) = -0.3 + 0.2·0.00351·1 ≈ -0.3 + 0.000702 ≈ -0.2993")(FR["wx1z1"])
doc(FRD, "w(X₂→Z₁) = 0.3 + 0.000702 ≈ 0.3007")(FR["wx2z1"])
doc(FRD, "w(bias→Z₁) = -0.1 + 0.000702 ≈ -0.0993")(FR["wbz1"])
doc(FRD, "w(X₁→Z₂) = 0.3 + 0.2·(-0.01690)·1 ≈ 0.3 - 0.00338 ≈ 0.2966")(FR["wx1z2"])
doc(FRD, "w(X₂→Z₂) = -0.2 - 0.00338 ≈ -0.2034")(FR["wx2z2"])
doc(FRD, "w(bias→Z₂) = 0.3 - 0.00338 ≈ 0.2966")(FR["wbz2"])
doc(FRD, "w(X₁→Z₃) = -0.3 + 0.2·0.01051·1 ≈ -0.3 + 0.002102 ≈ -0.2979")(FR["wx1z3"])
doc(FRD, "w(X₂→Z₃) = 0.3 + 0.002102 ≈ 0.3021")(FR["wx2z3"])
doc(FRD, "w(bias→Z₃) = -0.1 + 0.002102 ≈ -0.0979")(FR["wbz3"])

LSD = ["ce-examples-leonardo", "ce-examples-leonardo-mutated"]
doc(LSD, r"L_{i} =  - \sum_{j}y_{ij} \log (y'_{ij})")(lambda: [None])
doc(LSD[0], r"\begin{align*}L_{i} &= - \sum_{j}y_{ij} \log (y'_{ij}) \\ \, &= -(0.4\log(0.45) + 0.2 \log(0.23) + 0.5\log(0.7) + 1\log(0.12)) \\ \, &= 2.91193928066835 \end{align*}")(lambda: ls_links())
doc(LSD[1], r"\begin{align*}L_{i} &= - \sum_{j}y_{ij} \log (y'_{ij}) \\ \, &= -(0.4\log(0.45) + 0.2 \log(0.23) + 0.5\log(0.7) + 1\log(0.12)) \\ \, &= 2.81193928066835 \end{align*}")(lambda: ls_links(True))
doc(LSD[0], r"\begin{align*}L_{i} &= - \sum_{j}y_{ij} \log (y'_{ij}) \\ \, &= -(1\log(0.7) + 0\log(0.1) + 0\log(0.2)) \\ \, &= 0.35667494393873  \end{align*}")(lambda: ls_links2())
doc(LSD[1], r"\begin{align*}L_{i} &= - \sum_{j}y_{ij} \log (y'_{ij}) \\ \, &= -(1\log(0.7) + 0\log(0.1) + 0\log(0.2)) \\ \, &= 0.15490195998574  \end{align*}")(lambda: ls_links2(True))

SM = "softmax-ce-stpotanin"
doc(SM, r"Y_{\text{pred},ik} = \frac{e^{Z_{ik}}}{\sum_{j} e^{Z_{ij}}}")(lambda: [None])
doc(SM, r"L_i = -\sum_{k} Y_{ik} \log(Y_{\text{pred},ik})")(lambda: [None])
doc(SM, r"\frac{\partial L_i}{\partial Y_{\text{pred},ik}} = -\frac{Y_{ik}}{Y_{\text{pred},ik}}")(lambda: [CHECK["zr-sts-dLdYp"]("zr-sts-dLdYp")])
doc(SM, r"\frac{\partial Y_{\text{pred},ik}}{\partial Z_{ik}} = Y_{\text{pred},ik} (1 - Y_{\text{pred},ik})")(lambda: [CHECK["zr-sts-diag"]("zr-sts-diag")])
doc(SM, r"\frac{\partial Y_{\text{pred},ik}}{\partial Z_{il}} = -Y_{\text{pred},ik} Y_{\text{pred},il}")(lambda: [CHECK["zr-sts-off"]("zr-sts-off")])
doc(SM, r"\frac{\partial L_i}{\partial Z_{ik}} = \sum_{l} \frac{\partial L_i}{\partial Y_{\text{pred},il}} \cdot \frac{\partial Y_{\text{pred},il}}{\partial Z_{ik}}")(lambda: [for_all(sts_chainsum)])
doc(SM, r"\frac{\partial L_i}{\partial Z_{ik}} = -\frac{Y_{ik}}{Y_{\text{pred},ik}} \cdot Y_{\text{pred},ik} (1 - Y_{\text{pred},ik}) = Y_{\text{pred},ik} - Y_{ik}")(
    lambda: [all(v) for v in zip(*[sts_chain_kk() for _ in range(NPTS)])])
doc(SM, r"\frac{\partial L_i}{\partial Z_{ik}} = -\frac{Y_{il}}{Y_{\text{pred},il}} \cdot (-Y_{\text{pred},ik} Y_{\text{pred},il}) = 0")(
    lambda: [all(v) for v in zip(*[sts_chain_kl() for _ in range(NPTS)])])
doc(SM, r"\frac{\partial L_i}{\partial Z_{ik}} = Y_{\text{pred},ik} - Y_{ik}")(lambda: [CHECK["zr-sts-dLdZ"]("zr-sts-dLdZ")])
doc(SM, r"Z = X W^T")(lambda: [None])
doc(SM, r"L = -\sum_{i=1}^m \sum_{k=1}^K Y_{ik} \log(Y_{\text{pred},ik})")(lambda: [None])


def sm_dLdZ_batch():
    m, n, K, X, W, Y, P, G, GZ = mat_point()
    return close(GZ, P - Y)


def sm_dWkj_chain():
    m, n, K, X, W, Y, P, G, GZ = mat_point()
    # dZ_ik / dW_kj = X_ij (Z = X W^T), by finite differences on one entry
    ok = True
    for k in range(K):
        for j in range(n):
            def Zik(v, k=k, j=j):
                Wv = W.copy(); Wv[k, j] = v
                return (X @ Wv.T)[:, k]
            dZ = d1(Zik, W[k, j])
            ok &= close(G[k, j], np.sum(GZ[:, k] * dZ))
    return ok


doc(SM, r"\frac{\partial L}{\partial Z_{ik}} = Y_{\text{pred},ik} - Y_{ik}")(lambda: [for_all(sm_dLdZ_batch)])
doc(SM, r"\frac{\partial L}{\partial W_{kj}} = \sum_{i=1}^m \frac{\partial L}{\partial Z_{ik}} \cdot \frac{\partial Z_{ik}}{\partial W_{kj}}")(lambda: [for_all(sm_dWkj_chain)])
doc(SM, r"\frac{\partial L}{\partial W_{kj}} = \sum_{i=1}^m (Y_{\text{pred},ik} - Y_{ik}) X_{ij}")(lambda: [CHECK["zr-sts-dWkj"]("zr-sts-dWkj")])
doc(SM, r"\frac{\partial L}{\partial W} = (Y_{\text{pred}} - Y)^T X")(lambda: [CHECK["zr-sts-dW"]("zr-sts-dW")])

RG = "regression-gd-stpotanin"
doc(RG, r"y_{\text{pred}} = w_1 \cdot x + w_0")(lambda: [None])
doc(RG, r"\frac{\partial y_{{pred}}}{\partial w_0} = 1")(lambda: [for_all(lambda: (lambda x, w0, w1: close(d1(lambda v: w1 * x + v, w0), 1.0))(*rng.normal(size=3)))])
doc(RG, r"\frac{\partial y_{{pred}}}{\partial w_1} = x")(lambda: [for_all(lambda: (lambda x, w0, w1: close(d1(lambda v: v * x + w0, w1), x))(*rng.normal(size=3)))])
doc(RG, r"L(w_0, w_1) = \sum_{i=1}^{N} (y_i - y_{pred})^2")(lambda: [None])


def rg_dLdy():
    y = rng.normal(size=4); yp = rng.normal()
    Lf = lambda q: np.sum((y - q) ** 2)
    g = d1(Lf, yp)
    return [close(g, g), close(g, g), close(g, -2 * np.sum(y - yp)), close(-2 * np.sum(y - yp), 2 * np.sum(yp - y))]


doc(RG, r"\frac{\partial L}{\partial y_{{pred}}} = \frac{\partial}{\partial y_{{pred}}} \left( \sum_{i=1}^{N} \left( y_i - y_{{pred}} \right)^2 \right) = \frac{\partial L}{\partial y_{{pred}}} = -2 \sum_{i=1}^{N} \left( y_i - y_{{pred}} \right) = 2 \sum_{i=1}^{N} \left( y_{{pred}} - y_i \right)")(
    lambda: [all(v) for v in zip(*[rg_dLdy() for _ in range(NPTS)])])


def rg_chain(which):
    x, y, w0, w1 = reg_point()
    yp = w1 * x + w0
    dLdyp = 2 * (yp - y)  # per-sample dL/dy_pred,i
    if which == 0:
        g = d1(lambda v: Lsum(x, y, v, w1), w0)
        chain = np.sum(dLdyp * 1.0)
        return [close(g, chain), close(chain, 2 * np.sum(yp - y) * 1)]
    g = d1(lambda v: Lsum(x, y, w0, v), w1)
    chain = np.sum(dLdyp * x)
    return [close(g, chain), close(chain, 2 * np.sum((yp - y) * x))]


doc(RG, r"\frac{\partial L}{\partial w_0} = \frac{\partial L}{\partial y_{pred}} \cdot \frac{\partial y_{\text{pred}}}{\partial w_0} = 2 \sum_{i=1}^{N} \left(  y_{pred} - y_i \right) \cdot 1")(
    lambda: [all(v) for v in zip(*[rg_chain(0) for _ in range(NPTS)])])
doc(RG, r"\frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial y_{\text{pred}}} \cdot \frac{\partial y_{\text{pred}}}{\partial w_1} = 2 \sum_{i=1}^{N} \left(  y_{pred} - y_i \right) \cdot x_i")(
    lambda: [all(v) for v in zip(*[rg_chain(1) for _ in range(NPTS)])])
doc(RG, r"\frac{\partial L}{\partial w_0} = 2 \sum_{i=1}^{N} \left( (w_1 \cdot x_i + w_0) - y_i \right)")(lambda: [CHECK["zr-str-dw0"]("zr-str-dw0")])
doc(RG, r"\frac{\partial L}{\partial w_1} = 2 \sum_{i=1}^{N} \left( (w_1 \cdot x_i + w_0)- y_i \right) \cdot x_i")(lambda: [CHECK["zr-str-dw1"]("zr-str-dw1")])
doc(RG, r"\frac{\partial L}{\partial w_0} = 2  ((w_1 \cdot x_1 + w_0) - y_1) + ((w_1 \cdot x_2 + w_0) - y_2) + ((w_1 \cdot x_3 + w_0) - y_3)")(lambda: [CHECK["zr-str-expand-w0"]("zr-str-expand-w0")])
doc(RG, r"= 2  ((w_1 \cdot (-1) + w_0) - 1) + ((w_1 \cdot 0 + w_0) - 0) + ((w_1 \cdot 1 + w_0) - (-1)) = 6w_0")(
    lambda: [for_all(lambda: (lambda w0, w1: close(printed_w0_expanded(w0, w1), printed_w0_numbers(w0, w1)))(*rng.normal(size=2))),
             CHECK["zr-str-num-6w0"]("zr-str-num-6w0")])
doc(RG, r"\frac{\partial L}{\partial w_0} = 2  ((w_1 \cdot x_1 + w_0) - y_1) \cdot x_1 + ((w_1 \cdot x_2 + w_0) - y_2) \cdot x_2 + ((w_1 \cdot x_3 + w_0) - y_3) \cdot x_3")(
    lambda: [for_all(lambda: (lambda w0, w1: close(true_dw0(w0, w1), printed_w1_expanded(w0, w1)))(*rng.normal(size=2)))])
doc(RG, r"= 2  ((w_1 \cdot (-1) + w_0) - 1) \cdot (-1) + ((w_1 \cdot 0 + w_0) - 0) \cdot 0 + ((w_1 \cdot 1 + w_0) - (-1)) \cdot 1 = 4w_0 + 4")(
    lambda: [for_all(lambda: (lambda w0, w1: close(printed_w1_expanded(w0, w1), printed_w1_numbers(w0, w1)))(*rng.normal(size=2))),
             CHECK["zr-str-num-4w0"]("zr-str-num-4w0")])
doc(RG, r"w_{0(1)} = w_{0(0)} - h \cdot \frac{\partial L}{\partial w_0} = w_{0(0)} - h \cdot 6w_{0(0)} = 0")(
    lambda: [None, close(0.0 - 0.1 * true_dw0(0.0, 0.0), 0.0 - 0.1 * 6 * 0.0), num(0.0 - 0.1 * 6 * 0.0, 0, 1)])
doc(RG, r"w_{1(1)} = w_{1(0)} - h \cdot \frac{\partial L}{\partial w_1} = w_{1(0)} - h \cdot (4w_{1(0)} + 4) = -0.4")(
    lambda: [None, close(0.0 - 0.1 * true_dw1(0.0, 0.0), 0.0 - 0.1 * (4 * 0.0 + 4)), num(0.0 - 0.1 * (4 * 0.0 + 4), -0.4, 0.1)])
doc(RG, r"w_{0(2)} = w_{0(1)} - h \cdot \frac{\partial L}{\partial w_0} = w_{0(1)} - h \cdot 6w_{0(1)} = 0")(
    lambda: [None, close(0.0 - 0.1 * true_dw0(0.0, -0.4), 0.0 - 0.1 * 6 * 0.0), num(0.0, 0, 1)])
doc(RG, r"w_{1(2)} = w_{1(1)} - h \cdot \frac{\partial L}{\partial w_1} = w_{1(1)} - h \cdot (4w_{1(1)} + 4) = -0.64")(
    lambda: [None, close(-0.4 - 0.1 * true_dw1(0.0, -0.4), -0.4 - 0.1 * (4 * -0.4 + 4)), num(-0.4 - 0.1 * (4 * -0.4 + 4), -0.64, 0.01)])

GR = "graph-backprop-stpotanin"
doc(GR, r"df/dc = \frac{1}{d}")(lambda: [CHECK["zr-stg-dfdc"]("zr-stg-dfdc")])
doc(GR, r"df/dd = -\frac{c}{d^2}")(lambda: [CHECK["zr-stg-dfdd"]("zr-stg-dfdd")])
doc(GR, r"dc/da = 1")(lambda: [for_all(lambda: (lambda x, a, b, c, d: close(d1(lambda av: av + b, a), 1.0))(*graph_point()))])
doc(GR, r"dc/db = 1")(lambda: [for_all(lambda: (lambda x, a, b, c, d: close(d1(lambda bv: a + bv, b), 1.0))(*graph_point()))])
doc(GR, r"dd/da = a")(lambda: [CHECK["zr-stg-ddda"]("zr-stg-ddda")])
doc(GR, r"dd/db = b")(lambda: [CHECK["zr-stg-dddb"]("zr-stg-dddb")])
doc(GR, r"df/da = df/dc * dc/da + df/dd * dd/da = \frac{1}{d} -\frac{ac}{d^2}")(lambda: [all(v) for v in zip(*[stg_dfda() for _ in range(NPTS)])])
doc(GR, r"df/db = df/dc * dc/db + df/dd * dd/db = \frac{1}{d} -\frac{bc}{d^2}")(lambda: [all(v) for v in zip(*[stg_dfdb() for _ in range(NPTS)])])
doc(GR, r"da/dx = 2^x ln2")(lambda: [CHECK["zr-stg-dadx"]("zr-stg-dadx")])
doc(GR, r"db/dx = 3^x ln3")(lambda: [CHECK["zr-stg-dbdx"]("zr-stg-dbdx")])


def stg_dfdx():
    x, a, b, c, d = graph_point()
    tot = d1(lambda xv: F_ab(2.0 ** xv, 3.0 ** xv), x)
    dfda = d1(lambda av: F_ab(av, b), a)
    dfdb = d1(lambda bv: F_ab(a, bv), b)
    chain = dfda * 2 ** x * L2 + dfdb * 3 ** x * L3
    printed = (1 / d - a * c / d ** 2) * 2 ** x * L2 + (1 / d - b * c / d ** 2) * 3 ** x * L3
    return [close(tot, chain), close(chain, printed)]


doc(GR, r"df/dx = df/da * da/dx + df/db * db/dx = (\frac{1}{d} -\frac{ac}{d^2})2^x ln2 + (\frac{1}{d} -\frac{bc}{d^2})3^x ln3")(lambda: [all(v) for v in zip(*[stg_dfdx() for _ in range(NPTS)])])

# the continuation rows: each compared with the previous row's last side
ROW = {}
ROW[0] = lambda x, a, b: (1 / (a * b) - a * (a + b) / (a * b) ** 2) * 2 ** x * L2 + (1 / (a * b) - b * (a + b) / (a * b) ** 2) * 3 ** x * L3
PREV0 = lambda x, a, b: (1 / (a * b) - a * (a + b) / (a * b) ** 2) * 2 ** x * L2 + (1 / (a * b) - b * (a + b) / (a * b) ** 2) * 3 ** x * L3  # printed previous side with c = a+b, d = ab
ROW[1] = lambda x, a, b: 1 / (a * b) * (2 ** x * L2 + 3 ** x * L3) - a * (a + b) / (a * b) ** 2 * 2 ** x * L2 - b * (a + b) / (a * b) ** 2 * 3 ** x * L3
ROW[2] = lambda x, a, b: regroup_lhs(x, a, b)
ROW[3] = lambda x, a, b: regroup_rhs(x, a, b)
A_ = lambda x: 2.0 ** x
B_ = lambda x: 3.0 ** x
ROW[4] = lambda x, a, b: (1 / (A_(x) * B_(x)) - A_(x) * (A_(x) + B_(x)) / (2 ** (2 * x) * 3 ** (2 * x))) * 2 ** x * L2 + (1 / (A_(x) * B_(x)) - B_(x) * (A_(x) + B_(x)) / (2 ** (2 * x) * 3 ** (2 * x))) * 3 ** x * L3
ROW[5] = lambda x, a, b: (1 / (A_(x) * B_(x)) - (2 ** (2 * x) + A_(x) * B_(x)) / (2 ** (2 * x) * 3 ** (2 * x))) * 2 ** x * L2 + (1 / (A_(x) * B_(x)) - (A_(x) * B_(x) + 3 ** (2 * x)) / (2 ** (2 * x) * 3 ** (2 * x))) * 3 ** x * L3
ROW[6] = lambda x, a, b: cancel_lhs(x)
ROW[7] = lambda x, a, b: cancel_rhs(x)
ROW[8] = lambda x, a, b: (-1 / 3 ** (2 * x)) * 2 ** x * L2 + (-1 / 2 ** (2 * x)) * 3 ** x * L3


def stg_row(k):
    def p_():
        x, a, b, c, d = graph_point()
        if k == 0:
            prev = (1 / d - a * c / d ** 2) * 2 ** x * L2 + (1 / d - b * c / d ** 2) * 3 ** x * L3
        else:
            prev = ROW[k - 1](x, a, b)
        return close(prev, ROW[k](x, a, b))
    return [for_all(p_)]


ROW_TEXT = [
    r" = (\frac{1}{ab} -\frac{a(a+b)}{(ab)^2})2^x ln2 + (\frac{1}{ab} -\frac{b(a+b)}{(ab)^2})3^x ln3",
    r" = \frac{1}{ab}(2^x \ln2 + 3^x \ln3) - \frac{a(a+b)}{(ab)^2}2^x \ln2 - \frac{b(a+b)}{(ab)^2}3^x \ln3 ",
    r" = \frac{1}{ab}(2^x \ln2 + 3^x \ln3) - \frac{a+b}{ab} \left( \frac{a}{ab}2^x \ln2 + \frac{b}{ab}3^x \ln3 \right) ",
    r" = \frac{1}{ab}(2^x \ln2 + 3^x \ln3) - \frac{a+b}{ab} \left( \frac{2^x \ln2}{b} + \frac{3^x \ln3}{a} \right)",
    r"= (\frac{1}{2^x 3^x} - \frac{2^x(2^x+3^x)}{2^{2x} 3^{2x}})2^x \ln2 + (\frac{1}{2^x 3^x} - \frac{3^x(2^x+3^x)}{2^{2x} 3^{2x}})3^x \ln3",
    r"= (\frac{1}{2^x 3^x} - \frac{2^{2x}+2^x 3^x}{2^{2x} 3^{2x}})2^x \ln2 + (\frac{1}{2^x 3^x} - \frac{2^x 3^x+3^{2x}}{2^{2x} 3^{2x}})3^x \ln3",
    r"= (\frac{1}{2^x 3^x} - \frac{2^{2x}}{2^{2x} 3^{2x}} - \frac{2^x 3^x}{2^{2x} 3^{2x}})2^x \ln2 + (\frac{1}{2^x 3^x} - \frac{2^x 3^x}{2^{2x} 3^{2x}} - \frac{3^{2x}}{2^{2x} 3^{2x}})3^x \ln3",
    r"= (\frac{1}{2^x 3^x} - \frac{1}{3^{2x}} - \frac{1}{2^x 3^x})2^x \ln2 + (\frac{1}{2^x 3^x} - \frac{1}{2^{2x}} - \frac{1}{2^x 3^x})3^x \ln3",
    r"= (-\frac{1}{3^{2x}})2^x \ln2 + (-\frac{1}{2^{2x}})3^x \ln3",
]
for _k, _t in enumerate(ROW_TEXT):
    doc(GR, _t)((lambda k: (lambda: stg_row(k)))(_k))


def stg_last():
    x = graph_point()[0]
    return [close(ROW[8](x, 0, 0), POW_A(x)), close(POW_A(x), POW_B(x)), close(POW_B(x), POW_C(x))]


doc(GR, r"= -\frac{2^x \ln2}{3^{2x}} - \frac{3^x \ln3}{2^{2x}} = -\frac{2^x 2^{-2x} \ln2}{3^x} - \frac{3^x 3^{-2x} \ln3}{2^x} = -\frac{2^{-x} \ln2}{3^x} - \frac{3^{-x} \ln3}{2^x}")(
    lambda: [all(v) for v in zip(*[stg_last() for _ in range(NPTS)])])

FW = "logreg-softmax-fathurwithyou"
doc(FW, r"p(y{=}1\mid \mathbf{x})=\sigma(\mathbf{x}^\top\mathbf{w}+b)=\frac{1}{1+\exp(-(\mathbf{x}^\top\mathbf{w}+b))}.")(lambda: [None, CHECK["zr-fw-sigmoid"]("zr-fw-sigmoid")])
doc(FW, r"p(y{=}k\mid \mathbf{x})=\frac{\exp(\mathbf{x}^\top\mathbf{W}_{:,k}+b_k)}{\sum_{j=1}^K \exp(\mathbf{x}^\top\mathbf{W}_{:,j}+b_j)}.")(lambda: [None])
doc(FW, r"\mathcal{L}_{\text{bin}}=-\frac{1}{m}\sum_{i=1}^{m}\big[y_i\log p_i+(1-y_i)\log(1-p_i)\big]\;+\;\lambda\,\Omega(\mathbf{w}),")(lambda: [None])
doc(FW, r"\mathcal{L}_{\text{mc}}=-\frac{1}{m}\sum_{i=1}^{m}\sum_{k=1}^{K}y_{ik}\log p_{ik}\;+\;\lambda\,\Omega(\mathbf{W}).")(lambda: [None])
doc(FW, r"\nabla_{\mathbf{w}}=\frac{1}{m}\mathbf{X}^\top(\mathbf{p}-\mathbf{y})+\text{reg},\quad\nabla_b=\frac{1}{m}\sum_{i}(p_i-y_i),")(
    lambda: [CHECK["zr-fw-gradw"]("zr-fw-gradw"), CHECK["zr-fw-gradb"]("zr-fw-gradb")])
doc(FW, r"\nabla_{\mathbf{W}}=\frac{1}{m}\mathbf{X}^\top(\mathbf{P}-\mathbf{Y})+\text{reg},\quad\nabla_{\mathbf{b}}=\frac{1}{m}\sum_{i}(\mathbf{P}_i-\mathbf{Y}_i),")(
    lambda: [CHECK["zr-fw-gradW"]("zr-fw-gradW"), CHECK["zr-fw-gradbvec"]("zr-fw-gradbvec")])
doc(FW, r"\mathbf{H}=\frac{1}{m}\mathbf{X}^\top\mathrm{Diag}\!\big(\mathbf{p}\odot(1-\mathbf{p})\big)\mathbf{X}\;+\;2\lambda\mathbf{I}\quad\text{(bila L2)}.")(lambda: [None])


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    bad = 0
    nv = ni = 0
    for c in claims:
        holds = CHECK[c["id"]](c["id"])
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        nblocks = sum(1 for ln in md if ln.startswith("$$"))
        assert nblocks == len(ex["links"]), (stem, nblocks, len(ex["links"]))
        for lk_ in ex["links"]:
            key = (stem, lk_["text"])
            assert key in DOCS, key
            assert md[lk_["line"] - 1] == "$$" + lk_["text"] + "$$", (stem, lk_["line"])
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk_["expect"]]
            assert len(got) == len(want), (key, got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk_['line']}: expect {lk_['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
