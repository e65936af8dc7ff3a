# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zo).

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


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def chain(vals, **kw):
    """one True/False per '=' link of a chain of values"""
    return [close(a, b, **kw) for a, b in zip(vals[:-1], vals[1:])]


def every(fn, n=NPTS):
    """run a link-list function at several random points; a link holds iff it holds at all points"""
    runs = [fn() for _ in range(n)]
    out = []
    for k in range(len(runs[0])):
        col = [r[k] for r in runs]
        out.append(None if col[0] is None else all(col))
    return out


def claim_holds(fn, n=NPTS):
    """a claim holds iff every link holds at every random point"""
    return all(all(x for x in fn() if x is not None) for _ in range(n))


sig = lambda x: 1.0 / (1.0 + np.exp(-x))

CHECK = {}


def check(cid):
    def deco(fn):
        assert cid not in CHECK, cid
        CHECK[cid] = fn
        return fn
    return deco


def as_claim(cid, links_fn):
    check(cid)(lambda: claim_holds(links_fn))


# ======================= P: pikazlou convolution backprop =======================
def corr(a, k):
    """the network 'convolution' X * W of the source (valid cross-correlation)"""
    H, Wd = a.shape[0] - k.shape[0] + 1, a.shape[1] - k.shape[1] + 1
    out = np.zeros((H, Wd))
    for i in range(H):
        for j in range(Wd):
            out[i, j] = np.sum(a[i:i + k.shape[0], j:j + k.shape[1]] * k)
    return out


def conv_point():
    X = rng.normal(size=(3, 3)); W = rng.normal(size=(2, 2)); b = rng.normal(); c = rng.normal(size=(2, 2))
    Lf = lambda Y: np.sum(c * np.sin(Y)) + 0.5 * np.sum(Y ** 2)
    Y = corr(X, W) + b
    dY = c * np.cos(Y) + Y                                     # dL/dY, analytic
    GX = fd(lambda Xv: Lf(corr(Xv, W) + b), X)
    GW = fd(lambda Wv: Lf(corr(X, Wv) + b), W)
    Gb = d1(lambda bv: Lf(corr(X, W) + bv), b)
    # local derivatives dy_ij / dx_mn etc. by finite differences (independent of the printed values)
    dy_dx = lambda i, j, m, n: d1(lambda t: corr(X + t * np.eye(1, 9, 3 * m + n).reshape(3, 3), W)[i, j] + b, 0.0)
    dy_dw = lambda i, j, m, n: d1(lambda t: corr(X, W + t * np.eye(1, 4, 2 * m + n).reshape(2, 2))[i, j] + b, 0.0)
    return X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw


OUT = [(0, 0), (0, 1), (1, 0), (1, 1)]


def P_expand_x(m, n):
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    rhs = sum(dY[i, j] * dy_dx(i, j, m, n) for i, j in OUT)
    return [close(GX[m, n], rhs)]


def P_expand_w(m, n):
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    rhs = sum(dY[i, j] * dy_dw(i, j, m, n) for i, j in OUT)
    return [close(GW[m, n], rhs)]


def P_expand_b():
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    rhs = sum(dY[i, j] * 1.0 for i, j in OUT)  # dy_ij/db = 1 (checked: y is affine in b with unit slope)
    return [close(Gb, rhs)]


def P_simple(which):
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    w = lambda r, s: W[r - 1, s - 1]
    x = lambda r, s: X[r - 1, s - 1]
    d = lambda r, s: dY[r - 1, s - 1]
    table = {
        "dx11-full": (GX[0, 0], d(1, 1) * w(1, 1) + d(1, 2) * 0 + d(2, 1) * 0 + d(2, 2) * 0),
        "dx11-full-index": (GX[0, 0], d(1, 1) * w(2, 2) + d(1, 2) * 0 + d(2, 1) * 0 + d(2, 2) * 0),
        "dx12-full": (GX[0, 1], d(1, 1) * w(1, 2) + d(1, 2) * w(1, 1) + d(2, 1) * 0 + d(2, 2) * 0),
        "dx12-full-swapped": (GX[0, 1], d(1, 1) * w(1, 1) + d(1, 2) * w(1, 2) + d(2, 1) * 0 + d(2, 2) * 0),
        "dw11-full": (GW[0, 0], d(1, 1) * x(1, 1) + d(1, 2) * x(1, 2) + d(2, 1) * x(2, 1) + d(2, 2) * x(2, 2)),
        "dw11-full-transpose": (GW[0, 0], d(1, 1) * x(1, 1) + d(1, 2) * x(2, 1) + d(2, 1) * x(1, 2) + d(2, 2) * x(2, 2)),
        "db-ones": (Gb, d(1, 1) * 1 + d(1, 2) * 1 + d(2, 1) * 1 + d(2, 2) * 1),
        "db-ones-missing-term": (Gb, d(1, 1) * 1 + d(1, 2) * 1 + d(2, 1) * 1),
        "dx11-short": (GX[0, 0], d(1, 1) * w(1, 1)),
        "dx11-short-index": (GX[0, 0], d(2, 2) * w(1, 1)),
        "dx12-short": (GX[0, 1], d(1, 1) * w(1, 2) + d(1, 2) * w(1, 1)),
        "dx12-short-extra-term": (GX[0, 1], d(1, 1) * w(1, 2) + d(1, 2) * w(1, 1) + d(2, 1) * w(2, 1)),
    }
    lhs, rhs = table[which]
    return [close(lhs, rhs)]


for _k in ["dx11-full", "dx11-full-index", "dx12-full", "dx12-full-swapped", "dw11-full", "dw11-full-transpose",
           "db-ones", "db-ones-missing-term", "dx11-short", "dx11-short-index", "dx12-short", "dx12-short-extra-term"]:
    as_claim("zo-pz-" + _k, (lambda k: (lambda: P_simple(k)))(_k))


def P_chain(wrong):
    s, t = rng.normal(size=2)
    f = lambda s, t: np.sin(s) * t + s ** 2
    g = lambda s, t: np.exp(0.3 * s) + s * t
    H = lambda F, G: F ** 2 * G + np.cos(G)
    lhs = d1(lambda u: H(f(u, t), g(u, t)), s)
    hf = d1(lambda F: H(F, g(s, t)), f(s, t))
    hg = d1(lambda G: H(f(s, t), G), g(s, t))
    fs = d1(lambda u: f(u, t), s)
    gs = d1(lambda u: g(u, t), s)
    gt = d1(lambda v: g(s, v), t)
    rhs = hf * fs + hg * (gt if wrong else gs)
    return [close(lhs, rhs)]


as_claim("zo-pz-chain-s", lambda: P_chain(False))
as_claim("zo-pz-chain-s-wrong-variable", lambda: P_chain(True))


def P_patches(swap):
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    p = {(0, 0): X[0:2, 0:2], (0, 1): X[0:2, 1:3], (1, 0): X[1:3, 0:2], (1, 1): X[1:3, 1:3]}
    if swap:
        p[(0, 1)], p[(1, 0)] = p[(1, 0)], p[(0, 1)]
    rhs = sum(dY[ij] * p[ij] for ij in OUT)
    return [close(GW, rhs)]


as_claim("zo-pz-dw-patches", lambda: P_patches(False))
as_claim("zo-pz-dw-patches-swapped", lambda: P_patches(True))


def P_padded(swap):
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    def place(r, c):
        Z = np.zeros((3, 3)); Z[r:r + 2, c:c + 2] = W; return Z
    p = {(0, 0): place(0, 0), (0, 1): place(0, 1), (1, 0): place(1, 0), (1, 1): place(1, 1)}
    if swap:
        p[(0, 1)], p[(1, 0)] = p[(1, 0)], p[(0, 1)]
    rhs = sum(dY[ij] * p[ij] for ij in OUT)
    return [close(GX, rhs)]


as_claim("zo-pz-dx-padded-filters", lambda: P_padded(False))
as_claim("zo-pz-dx-padded-filters-swapped", lambda: P_padded(True))


def P_fullconv(flip):
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    P = np.zeros((4, 4)); P[1:3, 1:3] = dY
    K = np.array([[W[1, 1], W[1, 0]], [W[0, 1], W[0, 0]]]) if flip else W
    return [close(GX, corr(P, K))]


as_claim("zo-pz-dx-conv-flipped", lambda: P_fullconv(True))
as_claim("zo-pz-dx-conv-flipped-not-flipped", lambda: P_fullconv(False))


def P_dbconv():
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    return [close(np.array([[Gb]]), corr(dY, np.ones((2, 2))))]


as_claim("zo-pz-db-conv", P_dbconv)


def P_dwconv_printed():
    X, W, b, dY, GX, GW, Gb, dy_dx, dy_dw = conv_point()
    assert close(GW, corr(X, dY))  # the intended statement (derivatives on the left) holds
    return [close(W, corr(X, dY))]  # as printed: weights on the left


as_claim("zo-pz-dw-conv-printed", P_dwconv_printed)


# ======================= F: Freiburg score function =======================
def score_point():
    n = 3
    s = rng.normal(size=n); th = rng.normal(size=n)
    S = lambda t: sig(s @ t)
    return s, th, S


def F_a1(variant):
    s, th, S = score_point()
    sg = S(th)
    v0 = fd(lambda t: np.log(S(t)), th)                       # grad log pi(a=1|s,theta), pi(a=1) = sigma(s^T theta)
    v1 = fd(lambda t: np.log(sig(s @ t)), th)
    v2 = (1 / sg) * fd(S, th)
    v3 = (1 / sg) * sg * (1 - sg) * s
    v4 = (1 - sg) * s
    if variant == "sign":
        v4 = -(1 - sg) * s
    if variant == "missing-s":
        v3 = np.array((1 / sg) * sg * (1 - sg)); v4 = np.array(1 - sg)
    if variant == "result":
        return [close(v0, v4)]
    if variant == "result-swapped":
        return [close(v0, sg * s)]
    if variant == "pi":
        return [close(v4, (1 - S(th)) * s)]          # pi(a=0|s,theta) . s
    if variant == "pi-swapped":
        return [close(v4, S(th) * s)]
    return chain([v0, v1, v2, v3, v4])


def F_a0(variant):
    s, th, S = score_point()
    sg = S(th)
    v0 = fd(lambda t: np.log(1 - S(t)), th)                   # pi(a=0) = 1 - sigma(s^T theta)
    v1 = fd(lambda t: np.log(1 - sig(s @ t)), th)
    v2 = (1 / (1 - sg)) * fd(lambda t: 1 - S(t), th)
    v3 = -(sg / (1 - sg)) * (1 - sg) * s
    v4 = -sg * s
    if variant == "sign":
        v4 = sg * s
    if variant == "simplify":
        v4 = -(1 - sg) * s
    if variant == "mut-doc":
        v3 = (sg / (1 - sg)) * (1 - sg) * s
    if variant == "result":
        return [close(v0, v4)]
    if variant == "result-swapped":
        return [close(v0, -(1 - sg) * s)]
    if variant == "pi":
        return [close(v4, -S(th) * s)]
    return chain([v0, v1, v2, v3, v4])


as_claim("zo-fr-score-a1", lambda: F_a1("ok"))
as_claim("zo-fr-score-a1-sign", lambda: F_a1("sign"))
as_claim("zo-fr-score-a1-missing-s", lambda: F_a1("missing-s"))
as_claim("zo-fr-score-a0", lambda: F_a0("ok"))
as_claim("zo-fr-score-a0-sign", lambda: F_a0("sign"))
as_claim("zo-fr-score-a0-simplify", lambda: F_a0("simplify"))
as_claim("zo-fr-score-a1-result", lambda: F_a1("result"))
as_claim("zo-fr-score-a1-result-swapped", lambda: F_a1("result-swapped"))
as_claim("zo-fr-score-a0-result", lambda: F_a0("result"))
as_claim("zo-fr-score-a0-result-swapped", lambda: F_a0("result-swapped"))
as_claim("zo-fr-score-a1-pi", lambda: F_a1("pi"))
as_claim("zo-fr-score-a1-pi-swapped", lambda: F_a1("pi-swapped"))
as_claim("zo-fr-score-a0-pi", lambda: F_a0("pi"))


# ======================= G: gbasran Adam hand computation (printed numbers) =======================
fprime = lambda th: 2 * th
A_ = dict(alpha=0.1, b1=0.9, b2=0.999, eps=1e-8, th0=5.0)
g1 = fprime(A_["th0"])
m1 = A_["b1"] * 0 + (1 - A_["b1"]) * g1
v1 = A_["b2"] * 0 + (1 - A_["b2"]) * g1 ** 2
mh1 = m1 / (1 - A_["b1"] ** 1)
vh1 = v1 / (1 - A_["b2"] ** 1)
th1 = A_["th0"] - A_["alpha"] * mh1 / (math.sqrt(vh1) + A_["eps"])
g2 = fprime(th1)


def nchain(vals):
    """vals: list of (value, unit); unit 0 = exact expression (relative 1e-9), else printed to that unit"""
    out = []
    for (a, ua), (b, ub) in zip(vals[:-1], vals[1:]):
        out.append(abs(a - b) <= max(ua, ub) * (1 + 1e-9) + 1e-9 * max(abs(a), abs(b), 1.0))
    return out


GN = {
    "zo-gb-g1": [(g1, 0), (fprime(5), 0), (2 * 5, 0), (10, 1)],
    "zo-gb-g1-used-f": [(g1, 0), (fprime(5), 0), (5 ** 2, 0), (25, 1)],
    "zo-gb-m1": [(m1, 0), (0.9 * 0 + 0.1 * 10, 0), (0 + 1, 0), (1, 1)],
    "zo-gb-m1-swapped-beta": [(m1, 0), (0.1 * 0 + 0.9 * 10, 0), (0 + 9, 0), (9, 1)],
    "zo-gb-v1": [(v1, 0), (0.999 * 0 + 0.001 * 10 ** 2, 0), (0 + 0.1, 0), (0.1, 0.1)],
    "zo-gb-v1-no-square": [(v1, 0), (0.999 * 0 + 0.001 * 10, 0), (0 + 0.01, 0), (0.01, 0.01)],
    "zo-gb-mhat1": [(mh1, 0), (1 / (1 - 0.9 ** 1), 0), (1 / 0.1, 0), (10, 1)],
    "zo-gb-mhat1-exponent": [(mh1, 0), (1 / (1 - 0.9 ** 2), 0), (1 / 0.19, 0), (5.26, 0.01)],
    "zo-gb-vhat1": [(vh1, 0), (0.1 / (1 - 0.999 ** 1), 0), (0.1 / 0.001, 0), (100, 1)],
    "zo-gb-vhat1-arith": [(vh1, 0), (0.1 / (1 - 0.999 ** 1), 0), (0.1 / 0.001, 0), (10, 1)],
    "zo-gb-theta1": [(th1, 0), (5 - 0.1 * 10 / (math.sqrt(100) + 1e-8), 0), (5 - 0.1 * 10 / 10, 0), (5 - 0.1, 0), (4.9, 0.1)],
    "zo-gb-theta1-sign": [(th1, 0), (5 + 0.1 * 10 / (math.sqrt(100) + 1e-8), 0), (5 + 0.1 * 10 / 10, 0), (5 + 0.1, 0), (5.1, 0.1)],
    "zo-gb-g2": [(g2, 0), (fprime(th1), 0), (2 * 4.9, 0), (9.8, 0.1)],
    "zo-gb-g2-stale": [(g2, 0), (fprime(A_["th0"]), 0), (2 * 5, 0), (10, 1)],
    "zo-gb-effective-step": [(A_["alpha"] * mh1 / math.sqrt(vh1), 0), (0.1 * 10 / 10, 0), (0.1, 0.1)],
    "zo-gb-effective-step-no-sqrt": [(A_["alpha"] * mh1 / math.sqrt(vh1), 0), (0.1 * 10 / 100, 0), (0.01, 0.01)],
}
for _k, _v in GN.items():
    check(_k)((lambda v: (lambda: all(nchain(v))))(_v))


# ======================= C: cwksc Poisson MLE =======================
def pois_data():
    while True:
        N = int(rng.integers(4, 9))
        k = rng.integers(0, 8, size=N).astype(float)
        if k.sum() > 0 and abs(k.mean() - 1) > 0.05:
            return N, k, rng.uniform(0.5, 5.0)


lfact = lambda k: np.array([math.lgamma(v + 1) for v in np.atleast_1d(k)])
pmf = lambda k, lam: np.exp(-lam) * lam ** k / np.exp(lfact(k))


def C_links(which):
    N, k, lam = pois_data()
    L = lambda l_: np.prod(pmf(k, l_))
    lnl = lambda l_: np.sum(-lfact(k) - l_ + k * np.log(l_))
    if which == "loglik-sum":
        return chain([lnl(lam), np.log(L(lam)), np.sum(np.log(pmf(k, lam)))])
    if which == "loglik-sum-missing-log":
        return chain([lnl(lam), np.log(L(lam)), np.sum(pmf(k, lam))])
    if which == "loglik-terms":
        return [close(np.log(L(lam)), np.sum(-lfact(k) - lam + k * np.log(lam)))]
    if which == "loglik-terms-sign":
        return [close(np.log(L(lam)), np.sum(-lfact(k) + lam + k * np.log(lam)))]
    if which == "loglik-collected":
        return [close(np.log(L(lam)), -np.sum(lfact(k)) - N * lam + np.log(lam) * np.sum(k))]
    if which == "loglik-collected-missing-N":
        return [close(np.log(L(lam)), -np.sum(lfact(k)) - lam + np.log(lam) * np.sum(k))]
    if which == "dl":
        return [close(d1(lnl, lam), -N + np.sum(k) / lam)]
    if which == "dl-exponent":
        return [close(d1(lnl, lam), -N + np.sum(k) / lam ** 2)]
    if which == "dl-missing-N":
        return [close(d1(lnl, lam), -1 + np.sum(k) / lam)]
    if which in ("mle", "mle-inverted"):
        lh = k.mean() if which == "mle" else N / k.sum()
        ok = abs(d1(lnl, lh)) < 1e-6 and lnl(lh) > lnl(lh * 1.05) and lnl(lh) > lnl(lh * 0.95)
        return [ok]
    raise KeyError(which)


for _k in ["loglik-sum", "loglik-sum-missing-log", "loglik-terms", "loglik-terms-sign", "loglik-collected",
           "loglik-collected-missing-N", "dl", "dl-exponent", "dl-missing-N", "mle", "mle-inverted"]:
    as_claim("zo-cw-" + _k, (lambda k: (lambda: C_links(k)))(_k))


# ======================= S: shengxue matrix calculus =======================
def cofactor(X):
    n = X.shape[0]
    C = np.zeros_like(X)
    for i in range(n):
        for j in range(n):
            M = np.delete(np.delete(X, i, 0), j, 1)
            C[i, j] = (-1) ** (i + j) * np.linalg.det(M)
    return C


def mat_point(n=3):
    X = 3 * np.eye(n) + 0.4 * rng.normal(size=(n, n))
    dX = rng.normal(size=(n, n))
    return X, dX


def dirdiff(F, X, dX, h=1e-5):
    return (F(X + h * dX) - F(X - h * dX)) / (2 * h)


inv = np.linalg.inv
det = np.linalg.det


def S_links(which):
    X, dX = mat_point()
    adj = cofactor(X).T
    if which.startswith("dinv"):
        lhs = dirdiff(inv, X, dX)
        rhs = {"dinv": -inv(X) @ dX @ inv(X), "dinv-order": -inv(X) @ inv(X) @ dX, "dinv-sign": inv(X) @ dX @ inv(X)}[which]
        return [close(lhs, rhs)]
    if which.startswith("inv-prime") or which.startswith("x-inv-prime") or which.startswith("doc-iprime"):
        X0, X1, X2 = X, dX, rng.normal(size=X.shape)
        t0 = rng.normal() * 0.1
        Xt = lambda t: X0 + t * X1 + t ** 2 * X2
        Xp = X1 + 2 * t0 * X2
        Xi = inv(Xt(t0))
        Ip = d1(lambda t: inv(Xt(t)), t0)              # (X^{-1})'
        if which == "inv-prime":
            return [close(Ip, -Xi @ Xp @ Xi)]
        if which == "inv-prime-order":
            return [close(Ip, -Xi @ Xi @ Xp)]
        if which == "x-inv-prime":
            return [close(Xt(t0) @ Ip, -Xp @ Xi)]
        if which == "doc-iprime-chain":                 # (I)' = (X X^{-1})' = X' X^{-1} + X (X^{-1})'
            Iprime = np.zeros_like(X0)
            XXi = d1(lambda t: Xt(t) @ inv(Xt(t)), t0)
            return chain([Iprime, XXi, Xp @ Xi + Xt(t0) @ Ip], atol=1e-6)
    if which == "ddet":
        return [close(dirdiff(det, X, dX), np.trace(adj @ dX))]
    if which == "ddet-transpose":
        return [close(dirdiff(det, X, dX), np.trace(adj.T @ dX))]
    if which == "inv-adj":
        return [close(inv(X), det(X) ** -1 * adj)]
    if which == "inv-adj-exponent":
        return [close(inv(X), det(X) * adj)]
    if which == "det-identity":
        return [close(det(X) * np.eye(3), adj @ X)]
    if which == "det-identity-transpose":
        return [close(det(X) * np.eye(3), adj.T @ X)]
    if which in ("ddet-entry", "ddet-entry-transpose"):
        G = fd(det, X)
        A = adj.T if which == "ddet-entry" else adj
        mid = np.array([[sum(A[i, k] * (1.0 if j == k else 0.0) for k in range(3)) for j in range(3)] for i in range(3)])
        return chain([G, mid, A])
    if which in ("dlogdet", "dlogdet-extra-det"):
        assert det(X) > 0
        lhs = dirdiff(lambda Z: np.log(det(Z)), X, dX)
        rhs = np.trace(inv(X) @ dX)
        return [close(lhs, rhs if which == "dlogdet" else det(X) * rhs)]
    if which in ("lemma-trace", "lemma-trace-no-transpose"):
        A = rng.normal(size=(3, 3)); B = rng.normal(size=(3, 3))
        lhs = np.sum(A.T * B) if which == "lemma-trace" else np.sum(A * B)
        return [close(lhs, np.trace(A @ B))]
    if which in ("ddet-cofactor", "ddet-cofactor-index"):
        C = cofactor(X)
        return [close(fd(det, X), C if which == "ddet-cofactor" else C.T)]
    if which in ("jacobi", "jacobi-missing-det"):
        Y0, Y1, Y2 = X, dX, rng.normal(size=X.shape)
        x0 = rng.normal() * 0.1
        Yx = lambda x: Y0 + x * Y1 + x ** 2 * Y2
        lhs = d1(lambda x: det(Yx(x)), x0)
        tr = np.trace(inv(Yx(x0)) @ (Y1 + 2 * x0 * Y2))
        return [close(lhs, det(Yx(x0)) * tr if which == "jacobi" else tr)]
    raise KeyError(which)


for _k in ["dinv", "dinv-order", "dinv-sign", "inv-prime", "inv-prime-order", "x-inv-prime", "ddet", "ddet-transpose",
           "inv-adj", "inv-adj-exponent", "det-identity", "det-identity-transpose", "ddet-entry", "ddet-entry-transpose",
           "dlogdet", "dlogdet-extra-det", "lemma-trace", "lemma-trace-no-transpose", "ddet-cofactor",
           "ddet-cofactor-index", "jacobi", "jacobi-missing-det"]:
    as_claim("zo-sx-" + _k, (lambda k: (lambda: S_links(k)))(_k))


# ======================= T: 7starsea log-det lemma =======================
def T_point():
    A0 = 3 * np.eye(3) + 0.4 * rng.normal(size=(3, 3)); A1 = rng.normal(size=(3, 3)); A2 = rng.normal(size=(3, 3))
    t0 = 0.1 * rng.normal()
    At = lambda t: A0 + t * A1 + t ** 2 * A2
    a = At(t0)
    ap = d1(At, t0)                     # da_ij/dt
    M = ap @ inv(a)                     # the lemma's hypothesis dA/dt = M A holds with this M
    assert close(ap, M @ a)
    C = cofactor(a)                     # A_ij of the source (co-factor of a_ij)
    return At, t0, a, ap, M, C


def T_links(which):
    At, t0, a, ap, M, C = T_point()
    D = det(a)
    v0 = d1(lambda t: np.log(abs(det(At(t)))), t0)
    v1 = D ** -1 * np.sum(ap * C)
    v2 = D ** -1 * sum(M[i, l] * a[l, j] * C[i, j] for i in range(3) for j in range(3) for l in range(3))
    v3 = D ** -1 * sum(M[i, l] * (1.0 if i == l else 0.0) * D for i in range(3) for l in range(3))
    v4 = np.trace(M)
    if which == "logdet-chain":
        return chain([v0, v1, v2, v3, v4])
    if which == "logdet-chain-missing-delta":
        v3m = D ** -1 * sum(M[i, l] * D for i in range(3) for l in range(3))
        return chain([v0, v1, v2, v3m, v4])
    if which == "logdet-chain-extra-det":
        return chain([v0, v1, v2, v3, D * v4])
    if which == "ddet":
        return [close(d1(lambda t: det(At(t)), t0), np.sum(ap * C))]
    if which == "ddet-transpose":
        return [close(d1(lambda t: det(At(t)), t0), np.sum(ap * C.T))]
    if which == "cofactor":
        return [close(np.array([[sum(a[i, j] * C[k, j] for j in range(3)) for k in range(3)] for i in range(3)]), D * np.eye(3))]
    if which == "lemma":
        return [close(v0, v4)]
    if which == "lemma-extra-det":
        return [close(v0, v4 * D)]
    raise KeyError(which)


for _k in ["logdet-chain", "logdet-chain-missing-delta", "logdet-chain-extra-det", "ddet", "ddet-transpose", "cofactor",
           "lemma", "lemma-extra-det"]:
    as_claim("zo-7s-" + _k, (lambda k: (lambda: T_links(k)))(_k))


# ======================= I: imathworks Poisson =======================
def I_links(which):
    N, x, lam = pois_data()
    l = lambda l_: np.sum(-l_ - lfact(x) + x * np.log(l_))
    if which == "dl":
        return [close(d1(l, lam), np.sum(-1 + x / lam))]
    if which == "dl-sign":
        return [close(d1(l, lam), np.sum(-1 - x / lam))]
    if which in ("mle", "mle-missing-N"):
        lh = np.sum(x / N) if which == "mle" else np.sum(x)
        return [abs(d1(l, lh)) < 1e-6 and l(lh) > l(lh * 1.05) and l(lh) > l(lh * 0.95)]
    if which == "log-product":
        return [close(np.log(np.prod(np.exp(-lam) * lam ** x / np.exp(lfact(x)))), np.sum(-lam - lfact(x) + x * np.log(lam)))]
    if which == "log-product-sign":
        return [close(np.log(np.prod(np.exp(-lam) * lam ** x / np.exp(lfact(x)))), np.sum(lam - lfact(x) + x * np.log(lam)))]
    raise KeyError(which)


for _k in ["dl", "dl-sign", "mle", "mle-missing-N", "log-product", "log-product-sign"]:
    as_claim("zo-im-" + _k, (lambda k: (lambda: I_links(k)))(_k))


# ======================= W: wyzant Poisson =======================
def W_links(which):
    n, x, lam = pois_data()
    lnL = lambda l_: np.log(np.prod(np.exp(-l_) * l_ ** x / np.exp(lfact(x))))
    mean = x.mean()
    if which in ("loglik", "loglik-sign"):
        last = -n * lam + np.sum(x) * np.log(lam) + (-1 if which == "loglik" else 1) * np.sum(lfact(x))
        return chain([lnL(lam), np.sum(np.log(np.exp(-lam) * lam ** x / np.exp(lfact(x)))),
                      np.sum(np.log(np.exp(-lam)) + np.log(lam ** x) - lfact(x)), last])
    if which == "dl":
        return chain([d1(lnL, lam), -n + np.sum(x) / lam, -n + n * mean / lam])
    if which == "dl-exponent":
        return chain([d1(lnL, lam), -n + np.sum(x) / lam ** 2, -n + n * mean / lam ** 2])
    if which == "dl-missing-n":
        return chain([d1(lnL, lam), -n + np.sum(x) / lam, -n + mean / lam])
    if which in ("mle", "mle-factor-n"):
        lh = mean if which == "mle" else n * mean
        return [abs(d1(lnL, lh)) < 1e-6 and lnL(lh) > lnL(lh * 1.05) and lnL(lh) > lnL(lh * 0.95)]
    raise KeyError(which)


for _k in ["loglik", "loglik-sign", "dl", "dl-exponent", "dl-missing-n", "mle", "mle-factor-n"]:
    as_claim("zo-wy-" + _k, (lambda k: (lambda: W_links(k)))(_k))


# ======================= documents =======================
DOCS = {}  # (doc stem, block index) -> function returning a list of True/False/None per "=" link
DEF1 = lambda: [None]


def doc(stem, k, fn):
    assert (stem, k) not in DOCS
    DOCS[(stem, k)] = fn


# conv-backprop-pikazlou: 4 definitions, chain rule, 4 expansions, 4 replaced, 3 short
CONV = [DEF1, DEF1, DEF1, DEF1,
        lambda: every(lambda: P_chain(False)),
        lambda: every(lambda: P_expand_x(0, 0)), lambda: every(lambda: P_expand_x(0, 1)),
        lambda: every(lambda: P_expand_w(0, 0)), lambda: every(P_expand_b),
        lambda: every(lambda: P_simple("dx11-full")), lambda: every(lambda: P_simple("dx12-full")),
        lambda: every(lambda: P_simple("dw11-full")), lambda: every(lambda: P_simple("db-ones")),
        lambda: every(lambda: P_simple("dx11-short")), lambda: every(lambda: P_simple("dx12-short")),
        lambda: every(lambda: P_simple("dw11-full"))]
for _i, _f in enumerate(CONV):
    doc("conv-backprop-pikazlou", _i, _f)
CONVM = list(CONV)
CONVM[11] = lambda: every(lambda: P_simple("dw11-full-transpose"))
CONVM[12] = lambda: every(lambda: P_simple("db-ones-missing-term"))
CONVM[14] = lambda: every(lambda: P_simple("dx12-full-swapped")[:1])  # w_11/w_12 swapped, zero terms absent
for _i, _f in enumerate(CONVM):
    doc("conv-backprop-pikazlou-mutated", _i, _f)


def first_def(fn):
    return lambda: [None] + every(fn)[1:]


doc("score-function-freiburg", 0, first_def(lambda: F_a1("ok")))
doc("score-function-freiburg", 1, first_def(lambda: F_a0("ok")))
doc("score-function-freiburg-mutated", 0, first_def(lambda: F_a1("missing-s")))
doc("score-function-freiburg-mutated", 1, first_def(lambda: F_a0("mut-doc")))


def nlinks(key, defs=1):
    return lambda: [None] * defs + nchain(GN[key])[defs:]


doc("adam-hand-gbasran", 0, DEF1)
doc("adam-hand-gbasran", 1, nlinks("zo-gb-g1"))
doc("adam-hand-gbasran", 2, nlinks("zo-gb-m1"))
doc("adam-hand-gbasran", 3, nlinks("zo-gb-v1"))
doc("adam-hand-gbasran", 4, nlinks("zo-gb-mhat1"))
doc("adam-hand-gbasran", 5, nlinks("zo-gb-vhat1"))
doc("adam-hand-gbasran", 6, nlinks("zo-gb-theta1", defs=0))
doc("adam-hand-gbasran", 7, nlinks("zo-gb-effective-step", defs=0))
doc("adam-hand-gbasran", 8, nlinks("zo-gb-g2"))

doc("poisson-mle-cwksc", 0, lambda: [None, None])
doc("poisson-mle-cwksc", 1, lambda: [None] + every(lambda: C_links("loglik-sum"))[1:])
doc("poisson-mle-cwksc", 2, lambda: every(lambda: C_links("loglik-terms")))
doc("poisson-mle-cwksc", 3, lambda: every(lambda: C_links("loglik-collected")))
doc("poisson-mle-cwksc", 4, lambda: every(lambda: C_links("dl")))

doc("logdet-7starsea", 0, DEF1)
doc("logdet-7starsea", 1, lambda: every(lambda: T_links("cofactor")))
doc("logdet-7starsea", 2, lambda: every(lambda: T_links("ddet")))
doc("logdet-7starsea", 3, lambda: every(lambda: T_links("logdet-chain")))

SX = [lambda: every(lambda: S_links("dinv")), lambda: every(lambda: S_links("doc-iprime-chain")),
      lambda: every(lambda: S_links("x-inv-prime")), lambda: every(lambda: S_links("inv-prime")),
      lambda: every(lambda: S_links("ddet")), DEF1, lambda: every(lambda: S_links("inv-adj")),
      lambda: every(lambda: S_links("det-identity")), lambda: every(lambda: S_links("ddet-entry"))]
for _i, _f in enumerate(SX):
    doc("matrix-inverse-det-shengxue", _i, _f)
SXM = list(SX)
SXM[3] = lambda: every(lambda: S_links("inv-prime-order"))
SXM[7] = lambda: every(lambda: S_links("det-identity-transpose"))
for _i, _f in enumerate(SXM):
    doc("matrix-inverse-det-shengxue-mutated", _i, _f)


# ======================= run =======================
def md_blocks(lines):
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("$$"):
            if ln.strip() == "$$":
                j = i + 1
                while lines[j].strip() != "$$":
                    j += 1
                out.append((i + 1, "\n".join(lines[i + 1:j])))
                i = j + 1
                continue
            out.append((i + 1, ln[2:-2]))
        i += 1
    return out


def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    bad = 0
    nv = ni = 0
    for c in claims:
        assert c["family"] in set(ids), c["id"]
        holds = bool(CHECK[c["id"]]())
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks_ = 0
    nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        lines = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        blocks = md_blocks(lines)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert lines[m["line"] - 1] == m["now"], (stem, m)
        assert len(ex["links"]) == len(blocks), (stem, len(ex["links"]), len(blocks))
        for k, (lk, (bl_line, bl_text)) in enumerate(zip(ex["links"], blocks)):
            assert lk["line"] == bl_line and lines[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert lk["text"] == bl_text, (stem, lk["line"])
            key = (stem, k)
            assert key in DOCS, key
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (key, got, want)
            nlinks_ += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation lines, {nlinks_} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
