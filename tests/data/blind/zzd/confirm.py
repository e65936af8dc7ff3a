# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zzd).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, identities by direct evaluation, limits by evaluating
the printed difference quotient at a small h) or, for printed numbers, compared with one unit of
the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
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


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError, np.linalg.LinAlgError):  # shape mismatch means the relation does not hold
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


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def links_all(fn):
    """claim holds iff every link of its chain holds at every random point"""
    return lambda: all(v for v in every(fn) if v is not None)


def claim(cid, fn):
    assert cid not in CHECK, cid
    CHECK[cid] = links_all(fn)


# ======================= A: MSE with a sigmoid output (sv3 / no3) =======================
def sp(N=6):
    x = rng.normal(size=N) * 1.5
    y = rng.integers(0, 2, size=N).astype(float)
    a, b = rng.normal(), rng.normal()
    i = int(rng.integers(N))
    return dict(N=N, x=x, y=y, a=a, b=b, i=i)


def L_mse(x, y, a, b):
    return float(np.mean((y - sig(a * x + b)) ** 2))


def A_dzdb(rhs):
    p = sp(); x, a, b, i = p["x"], p["a"], p["b"], p["i"]
    lhs = d1(lambda t: a * x[i] + t, b)
    return [close(lhs, rhs(p))]


claim("zzd-sv3-dzdb", lambda: A_dzdb(lambda p: 1.0))
claim("zzd-sv3-dzdb-x", lambda: A_dzdb(lambda p: p["x"][p["i"]]))


def A_dzda(rhs):
    p = sp(); x, a, b, i = p["x"], p["a"], p["b"], p["i"]
    lhs = d1(lambda t: t * x[i] + b, a)
    return [close(lhs, rhs(p))]


claim("zzd-sv3-dzda", lambda: A_dzda(lambda p: p["x"][p["i"]]))
claim("zzd-sv3-dzda-a", lambda: A_dzda(lambda p: p["a"]))


def A_dsig(rhs):
    z = rng.normal() * 2
    return [close(d1(sig, z), rhs(sig(z)))]


claim("zzd-sv3-dsig", lambda: A_dsig(lambda s: s * (1 - s)))
claim("zzd-sv3-dsig-sign", lambda: A_dsig(lambda s: s * (1 + s)))
claim("zzd-sv3-dsig-sq", lambda: A_dsig(lambda s: s ** 2 * (1 - s)))


def A_lres(rhs):
    p = sp(); x, y, a, b = p["x"], p["y"], p["a"], p["b"]
    e = y - sig(a * x + b)
    return [close(L_mse(x, y, a, b), rhs(e))]


claim("zzd-sv3-lres", lambda: A_lres(lambda e: np.mean(e ** 2)))
claim("zzd-sv3-lres-nosq", lambda: A_lres(lambda e: np.mean(e)))


def A_de2(rhs):
    e = rng.normal() * 2
    return [close(d1(lambda t: t ** 2, e), rhs(e))]


claim("zzd-sv3-de2", lambda: A_de2(lambda e: 2 * e))
claim("zzd-sv3-de2-factor", lambda: A_de2(lambda e: e))


def A_dedy(rhs):
    y, yh = float(rng.integers(0, 2)), rng.uniform(0.05, 0.95)
    return [close(d1(lambda t: y - t, yh), rhs)]


claim("zzd-sv3-dedy", lambda: A_dedy(-1.0))
claim("zzd-sv3-dedy-sign", lambda: A_dedy(1.0))


def A_dyd(var, rhs):
    p = sp(); x, a, b, i = p["x"], p["a"], p["b"], p["i"]
    if var == "a":
        lhs = d1(lambda t: sig(t * x[i] + b), a)
    else:
        lhs = d1(lambda t: sig(a * x[i] + t), b)
    s = sig(a * x[i] + b)
    return [close(lhs, rhs(s, x[i]))]


claim("zzd-sv3-dyda", lambda: A_dyd("a", lambda s, xi: s * (1 - s) * xi))
claim("zzd-sv3-dyda-nosp", lambda: A_dyd("a", lambda s, xi: s * xi))
claim("zzd-sv3-dydb", lambda: A_dyd("b", lambda s, xi: s * (1 - s) * 1))
claim("zzd-sv3-dydb-x", lambda: A_dyd("b", lambda s, xi: s * (1 - s) * xi))


def A_dL(var, rhs):
    p = sp(); x, y, a, b, N = p["x"], p["y"], p["a"], p["b"], p["N"]
    if var == "a":
        lhs = d1(lambda t: L_mse(x, y, t, b), a)
    else:
        lhs = d1(lambda t: L_mse(x, y, a, t), b)
    s = sig(a * x + b)
    return [close(lhs, rhs(s, y, x, N))]


claim("zzd-sv3-dLda", lambda: A_dL("a", lambda s, y, x, N: 2 / N * np.sum((s - y) * s * (1 - s) * x)))
claim("zzd-sv3-dLda-sign", lambda: A_dL("a", lambda s, y, x, N: 2 / N * np.sum((y - s) * s * (1 - s) * x)))
claim("zzd-sv3-dLda-factor", lambda: A_dL("a", lambda s, y, x, N: 1 / N * np.sum((s - y) * s * (1 - s) * x)))
claim("zzd-sv3-dLdb", lambda: A_dL("b", lambda s, y, x, N: 2 / N * np.sum((s - y) * s * (1 - s))))
claim("zzd-sv3-dLdb-nosp", lambda: A_dL("b", lambda s, y, x, N: 2 / N * np.sum(s - y)))
claim("zzd-sv3-dLdb-mean", lambda: A_dL("b", lambda s, y, x, N: 2 * np.sum((s - y) * s * (1 - s))))


def logsig(t):
    return 1 / (1 + np.exp(-t))


def A_logsig(expo_sign, define_first=True):
    a, b, x = rng.normal(), rng.normal(), rng.normal() * 2
    yhat = logsig(a * x + b)  # first link defines y-hat
    return [None if define_first else True, close(yhat, 1 / (1 + np.exp(expo_sign * (a * x + b))))]


claim("zzd-no3-logsig", lambda: A_logsig(-1))
claim("zzd-no3-logsig-sign", lambda: A_logsig(+1))

# ======================= B: linear regression by least squares (sv2 / no2) =======================
X1, Y1, X2, Y2 = 1.11, 85.0, 1.52, 110.0
A_EXACT = (Y2 - Y1) / (X2 - X1)
B_EXACT = Y2 - A_EXACT * X2


def B_b1(sgn):
    a = rng.normal() * 50  # any slope; b then follows from y_1 = a x_1 + b
    b = Y1 - a * X1
    return [close(b, Y1 + sgn * a * X1), close(Y1 + sgn * a * X1, 85 + sgn * a * 1.11)]


claim("zzd-no2-b1", lambda: B_b1(-1))
claim("zzd-no2-b1-sign", lambda: B_b1(+1))
claim("zzd-no2-a2", lambda: [close(A_EXACT, (110 - 85) / (1.52 - 1.11)), num((110 - 85) / (1.52 - 1.11), "60.98", 0.01)])
claim("zzd-no2-a2-digits", lambda: [close(A_EXACT, (110 - 85) / (1.52 - 1.11)), num((110 - 85) / (1.52 - 1.11), "60.89", 0.01)])
claim("zzd-no2-a2-sign", lambda: [close(A_EXACT, (110 - 85) / (1.52 + 1.11)), num((110 - 85) / (1.52 + 1.11), "60.98", 0.01)])
claim("zzd-no2-b2", lambda: [close(B_EXACT, 110 - A_EXACT * 1.52), num(110 - A_EXACT * 1.52, "17.32", 0.01)])
claim("zzd-no2-b2-digits", lambda: [close(B_EXACT, 110 - A_EXACT * 1.52), num(110 - A_EXACT * 1.52, "17.23", 0.01)])


def lr_point(N=6):
    x = rng.normal(size=N) * 2
    y = 1.5 * x + rng.normal(size=N) + 0.3
    a, b = rng.normal(), rng.normal()
    return N, x, y, a, b


def L_lin(x, y, a, b):
    return float(np.mean((y - (a * x + b)) ** 2))


def B_lexp(bs):
    N, x, y, a, b = lr_point()
    yhat = a * x + b
    lhs = np.mean((y - yhat) ** 2)
    return [None, close(lhs, np.sum((y - (a * x + bs * b)) ** 2) / N)]


claim("zzd-sv2-lexp", lambda: B_lexp(+1))
claim("zzd-sv2-lexp-sign", lambda: B_lexp(-1))


def B_chain(var, last):
    """dL/da (or db): [lhs = 1/N sum d/dv (r_i)^2, = 1/N sum 2 r_i dr_i/dv, = last form]"""
    N, x, y, a, b = lr_point()
    if var == "a":
        lhs = d1(lambda t: L_lin(x, y, t, b), a)
        term = lambda i: d1(lambda t: (y[i] - (t * x[i] + b)) ** 2, a)
        dr = lambda i: d1(lambda t: y[i] - (t * x[i] + b), a)
    else:
        lhs = d1(lambda t: L_lin(x, y, a, t), b)
        term = lambda i: d1(lambda t: (y[i] - (a * x[i] + t)) ** 2, b)
        dr = lambda i: d1(lambda t: y[i] - (a * x[i] + t), b)
    r = y - (a * x + b)
    s1 = sum(term(i) for i in range(N)) / N
    s2 = sum(2 * r[i] * dr(i) for i in range(N)) / N
    s3 = last(r, x, N)
    return [close(lhs, s1), close(s1, s2), close(s2, s3)]


claim("zzd-sv2-dLda", lambda: B_chain("a", lambda r, x, N: np.sum(2 * r * (-x)) / N))
claim("zzd-sv2-dLda-sign", lambda: B_chain("a", lambda r, x, N: np.sum(2 * r * (x)) / N))
claim("zzd-sv2-dLda-factor", lambda: B_chain("a", lambda r, x, N: np.sum(r * (-x)) / N))
claim("zzd-sv2-dLdb", lambda: B_chain("b", lambda r, x, N: np.sum(2 * r * (-1)) / N))
claim("zzd-sv2-dLdb-sign", lambda: B_chain("b", lambda r, x, N: np.sum(2 * r * (1)) / N))

XC = np.array([0.0, 1, 2, 3])
YC = np.array([1.0, 3, 5, 7])
A_LS, B_LS = np.polyfit(XC, YC, 1)


def sums_ok(sx2):
    return [close(XC.sum(), 6), close(YC.sum(), 16), close((XC ** 2).sum(), sx2), close((XC * YC).sum(), 34), close(len(XC), 4)]


claim("zzd-sv2-sums", lambda: sums_ok(14))
claim("zzd-sv2-sums-sq", lambda: sums_ok(36))
claim("zzd-sv2-anum", lambda: [close(A_LS, (4 * 34 - 6 * 16) / (4 * 14 - 6 ** 2)), close((4 * 34 - 6 * 16) / (4 * 14 - 6 ** 2), 2)])
claim("zzd-sv2-anum-arith", lambda: [close(A_LS, (4 * 34 - 6 * 16) / (4 * 14 - 6 ** 2)), close((4 * 34 - 6 * 16) / (4 * 14 - 6 ** 2), 4)])
claim("zzd-sv2-bnum", lambda: [close(B_LS, (16 - 2 * 6) / 4), close((16 - 2 * 6) / 4, 1)])
claim("zzd-sv2-bnum-sign", lambda: [close(B_LS, (16 + 2 * 6) / 4), close((16 + 2 * 6) / 4, 1)])


def B_bmean(sgn):
    N, x, y, a, _ = lr_point()
    b = y.sum() / N - a * x.sum() / N
    mid = (y.sum() - a * x.sum()) / N
    return [close(b, mid), close(mid, y.mean() + sgn * a * x.mean())]


claim("zzd-sv2-bmean", lambda: B_bmean(-1))
claim("zzd-sv2-bmean-sign", lambda: B_bmean(+1))


def B_aclosed(form):
    N, x, y, _, _ = lr_point()
    # solve the normal equations (A), (B) directly
    M = np.array([[np.sum(x ** 2), np.sum(x)], [np.sum(x), N]])
    a_star, b_star = np.linalg.solve(M, np.array([np.sum(x * y), np.sum(y)]))
    Sx, Sy, Sxx, Sxy = x.sum(), y.sum(), (x ** 2).sum(), (x * y).sum()
    num_ = N * Sxy - Sx * Sy
    den = {"ok": N * Sxx - Sx ** 2, "exp": N * Sxx - Sx, "noN": Sxx - Sx ** 2}[form]
    return [close(a_star, num_ / den)]


claim("zzd-sv2-aclosed", lambda: B_aclosed("ok"))
claim("zzd-sv2-aclosed-exp", lambda: B_aclosed("exp"))
claim("zzd-sv2-aclosed-noN", lambda: B_aclosed("noN"))


def B_wls(form):
    N = 7
    A = rng.normal(size=(N, 3))
    y = rng.normal(size=(N, 1))
    w_star = np.linalg.lstsq(A, y, rcond=None)[0]
    def rhs():
        if form == "ok":
            return np.linalg.inv(A.T @ A) @ A.T @ y
        if form == "T":
            return np.linalg.inv(A @ A.T) @ A.T @ y
        return (A.T @ A) @ A.T @ y
    return [safe(lambda: close(w_star, rhs()))]


claim("zzd-no2-wls", lambda: B_wls("ok"))
claim("zzd-no2-wls-T", lambda: B_wls("T"))
claim("zzd-no2-wls-noinv", lambda: B_wls("noinv"))

# ======================= C: AND gate arithmetic (no4) and Greek slide =======================
W1 = W2 = 2 / 3
W0 = -1.0
claim("zzd-no4-and10", lambda: [close(W1 * 1 + W2 * 0 + W0, 2 / 3 - 1), close(2 / 3 - 1, -1 / 3)])
claim("zzd-no4-and10-sign", lambda: [close(W1 * 1 + W2 * 0 + W0, 2 / 3 - 1), close(2 / 3 - 1, 1 / 3)])
claim("zzd-no4-and11", lambda: [close(W1 + W2 + W0, 4 / 3 - 1), close(4 / 3 - 1, 1 / 3)])
claim("zzd-no4-and11-arith", lambda: [close(W1 + W2 + W0, 4 / 3 - 1), close(4 / 3 - 1, 2 / 3)])


def C_gr(form):
    th, x = rng.normal(size=3), rng.normal(size=3)
    h = sig(th @ x)
    p1 = h  # the slide's reading of h as P(y=1|x)
    p0 = 1 - p1  # normalisation P(y=0)+P(y=1)=1
    rhs = 1 - p0 if form == "ok" else p0 - 1
    return [close(h, p1), close(p1, rhs)]


claim("zzd-gr-prob", lambda: C_gr("ok"))
claim("zzd-gr-prob-sign", lambda: C_gr("sign"))

# ======================= D: likelihoods (slv) =======================
def lin_point(n=5, p=3):
    X = rng.normal(size=(n, p))
    beta = rng.normal(size=p)
    y = X @ beta + rng.normal(size=n)
    s2 = rng.uniform(0.5, 2.0)
    return n, X, beta, y, s2


def D_loglin(kn, kv):
    n, X, beta, y, s2 = lin_point()
    r = y - X @ beta
    L = np.prod(1 / np.sqrt(2 * np.pi * s2) * np.exp(-r ** 2 / (2 * s2)))
    return [close(np.log(L), -kn * n * np.log(2 * np.pi * s2) - kv / s2 * np.sum(r ** 2))]


claim("zzd-slv-loglin", lambda: D_loglin(0.5, 0.5))
claim("zzd-slv-loglin-n", lambda: D_loglin(1.0, 0.5))
claim("zzd-slv-loglin-var", lambda: D_loglin(0.5, 1.0))


def bern_point(n=6):
    p = rng.uniform(0.05, 0.95, size=n)
    y = rng.integers(0, 2, size=n).astype(float)
    P = np.where(y == 1, p, 1 - p)  # P(y_i | x_i; theta) with p = P(y_i = 1 | ...)
    return p, y, P


def D_bern(form):
    p, y, P = bern_point()
    lhs = np.prod(P)
    rhs = np.prod(p ** y * (1 - p) ** (1 - y)) if form == "ok" else np.prod(p ** (1 - y) * (1 - p) ** y)
    return [close(lhs, rhs)]


claim("zzd-slv-bern", lambda: D_bern("ok"))
claim("zzd-slv-bern-swap", lambda: D_bern("swap"))


def D_logP(form):
    p, y, P = bern_point()
    lhs = np.log(np.prod(p ** y * (1 - p) ** (1 - y)))
    rhs = {"ok": np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)),
           "sign": np.sum(y * np.log(p) - (1 - y) * np.log(1 - p)),
           "swap": np.sum(y * np.log(1 - p) + (1 - y) * np.log(p))}[form]
    return [close(lhs, rhs)]


claim("zzd-slv-logP", lambda: D_logP("ok"))
claim("zzd-slv-logP-sign", lambda: D_logP("sign"))
claim("zzd-slv-logP-swap", lambda: D_logP("swap"))


def D_sigma(sgn):
    t = rng.normal(size=3) @ rng.normal(size=3)
    return [None, close(sig(t), 1 / (1 + np.exp(sgn * t)))]


claim("zzd-slv-sigma", lambda: D_sigma(-1))
claim("zzd-slv-sigma-sign", lambda: D_sigma(+1))


def D_loglog(form):
    n = 6
    X, beta = rng.normal(size=(n, 3)), rng.normal(size=3)
    y = rng.integers(0, 2, size=n).astype(float)
    s = sig(X @ beta)
    L = np.prod(s ** y * (1 - s) ** (1 - y))
    rhs = np.sum(y * np.log(s) + (1 - y) * np.log(1 - s)) if form == "ok" else np.sum(y * np.log(s) + (1 - y) * np.log(s))
    return [close(np.log(L), rhs)]


claim("zzd-slv-loglog", lambda: D_loglog("ok"))
claim("zzd-slv-loglog-other", lambda: D_loglog("other"))


def D_chain(form):
    a = rng.uniform(0.3, 3.0)
    c1, c2 = rng.normal(size=2)
    g = lambda bb: c1 * np.sin(bb) + c2 * bb ** 2  # arbitrary downstream L(b)
    L_of_a = lambda t: g(np.log(t))
    b = np.log(a)
    dLda = d1(L_of_a, a)
    dLdb = d1(g, b)
    dbda = d1(np.log, a)
    dadb = d1(np.exp, b)  # a = exp(b)
    rhs = {"ok": dLdb * dbda, "inv": dLdb * dadb, "one_over_a": dLdb * (1 / a), "a": dLdb * a, "b": dLdb * (1 / b)}[form]
    return [close(dLda, rhs, rtol=1e-5)]


claim("zzd-slv-chain", lambda: D_chain("ok"))
claim("zzd-slv-chain-inv", lambda: D_chain("inv"))
claim("zzd-slv-chainlog", lambda: D_chain("one_over_a"))
claim("zzd-slv-chainlog-a", lambda: D_chain("a"))
claim("zzd-slv-chainlog-b", lambda: D_chain("b"))

# ======================= E: gradient descent example and computational graph (slo) =======================
f_q = lambda a: a ** 2 - 10 * a + 28
df_q = lambda a: d1(f_q, a)


def E_df(rhs):
    a = rng.normal() * 4
    return [close(df_q(a), rhs(a))]


claim("zzd-slo-df", lambda: E_df(lambda a: 2 * a - 10))
claim("zzd-slo-df-sign", lambda: E_df(lambda a: 2 * a + 10))
claim("zzd-slo-df-factor", lambda: E_df(lambda a: a - 10))
claim("zzd-slo-f5", lambda: [close(f_q(5), 5 ** 2 - 10 * 5 + 28), close(5 ** 2 - 10 * 5 + 28, 25 - 50 + 28), num(25 - 50 + 28, "3", 1e-9)])
claim("zzd-slo-f5-arith", lambda: [close(f_q(5), 5 ** 2 - 10 * 5 + 28), close(5 ** 2 - 10 * 5 + 28, 25 - 50 + 28), num(25 - 50 + 28, "13", 1e-9)])


def grad_chain(a, two_a, diff, printed, unit):
    """d/da f(a) = 2(a) - 10 = two_a - 10 = printed"""
    return [close(df_q(a), 2 * a - 10), close(2 * a - 10, two_a - 10), num(two_a - 10, printed, unit)]


A0, ETA = 6.0, 0.1
A1 = A0 - ETA * (2 * A0 - 10)
A2 = A1 - ETA * (2 * A1 - 10)
A3 = A2 - ETA * (2 * A2 - 10)
claim("zzd-slo-g6", lambda: grad_chain(6.0, 12, None, "2", 1e-9))
claim("zzd-slo-g6-nodiff", lambda: [close(df_q(6.0), 6 ** 2 - 10), close(6 ** 2 - 10, 36 - 10), num(36 - 10, "26", 1e-9)])
claim("zzd-slo-a1", lambda: [close(A1, 6 - 0.1 * 2), close(6 - 0.1 * 2, 6 - 0.2), num(6 - 0.2, "5.8", 0.1)])
claim("zzd-slo-a1-sign", lambda: [close(A1, 6 + 0.1 * 2), close(6 + 0.1 * 2, 6 + 0.2), num(6 + 0.2, "6.2", 0.1)])
claim("zzd-slo-g58", lambda: [close(df_q(A1), 2 * 5.8 - 10), close(2 * 5.8 - 10, 11.6 - 10), num(11.6 - 10, "1.6", 0.1)])
claim("zzd-slo-g58-arith", lambda: [close(df_q(A1), 2 * 5.8 - 10), close(2 * 5.8 - 10, 11.6 - 10), num(11.6 - 10, "1.4", 0.1)])
claim("zzd-slo-a2", lambda: [close(A2, 5.8 - 0.1 * 1.6), close(5.8 - 0.1 * 1.6, 5.8 - 0.16), num(5.8 - 0.16, "5.64", 0.01)])
claim("zzd-slo-a2-factor", lambda: [close(A2, 5.8 - 0.1 * 1.6), close(5.8 - 0.1 * 1.6, 5.8 - 0.016), num(5.8 - 0.016, "5.784", 0.001)])
claim("zzd-slo-g564", lambda: [close(df_q(A2), 2 * 5.64 - 10), close(2 * 5.64 - 10, 11.28 - 10), num(11.28 - 10, "1.28", 0.01)])
claim("zzd-slo-g564-arith", lambda: [close(df_q(A2), 2 * 5.64 - 10), close(2 * 5.64 - 10, 11.28 - 10), num(11.28 - 10, "1.18", 0.01)])
claim("zzd-slo-a3", lambda: [close(A3, 5.64 - 0.1 * 1.28), close(5.64 - 0.1 * 1.28, 5.64 - 0.128), num(5.64 - 0.128, "5.512", 0.001)])
claim("zzd-slo-a3-arith", lambda: [close(A3, 5.64 - 0.1 * 1.28), close(5.64 - 0.1 * 1.28, 5.64 - 0.128), num(5.64 - 0.128, "5.522", 0.001)])

# computational graph: e = ab, f = e + c, L = f d
H = 1e-6


def graph_point():
    a, b, c, d = rng.normal(size=4) * 2
    e = a * b
    f = e + c
    return a, b, c, d, e, f


claim("zzd-slo-Ldef", lambda: (lambda a, b, c, d, e, f: [close(f * d, (a * b + c) * f)])(*graph_point()))


def E_limf(last):
    a, b, c, d, e, f = graph_point()
    h = H
    true = d1(lambda t: t * d, f)  # L = f d as a function of f
    q1 = ((f + h) * d - f * d) / h
    q2 = (f * d + h * d - f * d) / h
    q3 = (h * d) / h
    return [close(true, q1, rtol=1e-5), close(q1, q2, rtol=1e-5), close(q2, q3, rtol=1e-5), close(q3, last(f, d))]


claim("zzd-slo-dLdf", lambda: E_limf(lambda f, d: d))
claim("zzd-slo-dLdf-f", lambda: E_limf(lambda f, d: f))


def E_limd(last):
    a, b, c, d, e, f = graph_point()
    h = H
    true = d1(lambda t: f * t, d)
    q1 = (f * (d + h) - f * d) / h
    q2 = (f * d + f * h - f * d) / h
    q3 = (f * h) / h
    return [close(true, q1, rtol=1e-5), close(q1, q2, rtol=1e-5), close(q2, q3, rtol=1e-5), close(q3, last(f, d))]


claim("zzd-slo-dLdd", lambda: E_limd(lambda f, d: f))
claim("zzd-slo-dLdd-d", lambda: E_limd(lambda f, d: d))

GA, GB, GC, GD = 2.0, -3.0, 10.0, -2.0
GE = GA * GB
GF = GE + GC
dL_df = d1(lambda t: t * GD, GF)
dL_dd = d1(lambda t: GF * t, GD)
Lfun = lambda a, b, c, d: (a * b + c) * d
dL_dc = d1(lambda t: Lfun(GA, GB, t, GD), GC)
claim("zzd-slo-dLdf-num", lambda: [close(dL_df, GD), close(GD, -2)])
claim("zzd-slo-dLdf-num-sign", lambda: [close(dL_df, GD), close(GD, 2)])
claim("zzd-slo-fval", lambda: [close(GF, 2 * (-3) + 10), close(2 * (-3) + 10, 4)])
claim("zzd-slo-fval-sign", lambda: [close(GF, 2 * (-3) + 10), close(2 * (-3) + 10, 16)])
claim("zzd-slo-dLdd-num", lambda: [close(dL_dd, GF), close(GF, 4)])
claim("zzd-slo-dLdd-num-e", lambda: [close(dL_dd, GE), close(GE, -6)])


def E_chainc(form):
    a, b, c, d, e, f = graph_point()
    lhs = d1(lambda t: Lfun(a, b, t, d), c)
    dLdf = d1(lambda t: t * d, f)
    dLdd = d1(lambda t: f * t, d)
    dfdc = d1(lambda t: e + t, c)
    return [close(lhs, (dLdf if form == "ok" else dLdd) * dfdc)]


claim("zzd-slo-chainc", lambda: E_chainc("ok"))
claim("zzd-slo-chainc-d", lambda: E_chainc("d"))


def E_limc(last):
    a, b, c, d, e, f = graph_point()
    h = H
    true = d1(lambda t: e + t, c)
    t1 = d1(lambda t: (e + t), c)  # d(e+c)/dc
    q1 = ((e + c + h) - (e + c)) / h
    q2 = (e + c + h - e - c) / h
    q3 = h / h
    return [close(true, t1), close(t1, q1, rtol=1e-4), close(q1, q2, rtol=1e-4), close(q2, q3, rtol=1e-4), close(q3, last)]


claim("zzd-slo-dfdc", lambda: E_limc(1.0))
claim("zzd-slo-dfdc-zero", lambda: E_limc(0.0))
claim("zzd-slo-dLdc-num", lambda: [close(dL_dc, GD * 1), close(GD * 1, -2)])
claim("zzd-slo-dLdc-num-f", lambda: [close(dL_dc, GF * 1), close(GF * 1, 4)])


def E_chaina(form):
    a, b, c, d, e, f = graph_point()
    lhs = d1(lambda t: Lfun(t, b, c, d), a)
    dLde = d1(lambda t: (t + c) * d, e)
    deda = d1(lambda t: t * b, a)
    dedb = d1(lambda t: a * t, b)
    return [close(lhs, dLde * (deda if form == "ok" else dedb))]


claim("zzd-slo-chaina", lambda: E_chaina("ok"))
claim("zzd-slo-chaina-b", lambda: E_chaina("b"))


def E_lima(last):
    a, b, c, d, e, f = graph_point()
    h = H
    true = d1(lambda t: t * b, a)
    t1 = d1(lambda t: t * b, a)  # d(ab)/da
    q1 = ((a + h) * b - a * b) / h
    q2 = (a * b + h * b - a * b) / h
    q3 = (h * b) / h
    return [close(true, t1), close(t1, q1, rtol=1e-4), close(q1, q2, rtol=1e-4), close(q2, q3, rtol=1e-4), close(q3, last(a, b))]


claim("zzd-slo-deda", lambda: E_lima(lambda a, b: b))
claim("zzd-slo-deda-a", lambda: E_lima(lambda a, b: a))


# ---------- additions ----------
def B_ls(N=6):
    x = rng.normal(size=N) * 2
    y = 1.5 * x + rng.normal(size=N) + 0.3
    M = np.array([[np.sum(x ** 2), np.sum(x)], [np.sum(x), N]])
    a, b = np.linalg.solve(M, np.array([np.sum(x * y), np.sum(y)]))  # stationary point: (A) and (B) hold
    return N, x, y, a, b


claim("zzd-sv2-aiso", lambda: (lambda N, x, y, a, b: [close(a, (np.sum(x * y) - b * np.sum(x)) / np.sum(x ** 2))])(*B_ls()))
claim("zzd-sv2-aiso-exp", lambda: (lambda N, x, y, a, b: [close(a, (np.sum(x * y) - b * np.sum(x)) / np.sum(x))])(*B_ls()))
claim("zzd-sv2-biso", lambda: (lambda N, x, y, a, b: [close(b, (np.sum(y) - a * np.sum(x)) / N)])(*B_ls()))
claim("zzd-sv2-biso-sign", lambda: (lambda N, x, y, a, b: [close(b, (np.sum(y) + a * np.sum(x)) / N)])(*B_ls()))


def B_bclosed(sgn):
    N, x, y, a, b = B_ls()
    Sx, Sy, Sxx, Sxy = x.sum(), y.sum(), (x ** 2).sum(), (x * y).sum()
    return [close(b, sgn * (Sy * Sxx - Sx * Sxy) / (N * Sxx - Sx ** 2))]


claim("zzd-sv2-bclosed", lambda: B_bclosed(+1))
claim("zzd-sv2-bclosed-sign", lambda: B_bclosed(-1))


def B_sol():
    N, x, y, _, _ = lr_point()
    Sx, Sy, Sxx, Sxy = x.sum(), y.sum(), (x ** 2).sum(), (x * y).sum()
    a = (N * Sxy - Sx * Sy) / (N * Sxx - Sx ** 2)
    b = (Sy - a * Sx) / N
    return x, y, a, b


claim("zzd-sv2-res0", lambda: (lambda x, y, a, b: [close(np.sum(y - (a * x + b)), 0, atol=1e-9)])(*B_sol()))
claim("zzd-sv2-resx", lambda: (lambda x, y, a, b: [close(np.sum(x * (y - (a * x + b))), 0, atol=1e-9)])(*B_sol()))
claim("zzd-sv2-resx-y", lambda: (lambda x, y, a, b: [close(np.sum(y * (y - (a * x + b))), 0, atol=1e-9)])(*B_sol()))


def D_bpmf():
    pi = rng.uniform(0.05, 0.95)
    return [close(pi, pi ** 1 * (1 - pi) ** 0), close(1 - pi, pi ** 0 * (1 - pi) ** 1)]  # y = 1 and y = 0


claim("zzd-slv-bpmf", D_bpmf)


def D_plog(form):
    t = rng.normal() * 2
    s = sig(t)
    out = []
    for y in (0.0, 1.0):
        P = s if y == 1 else 1 - s  # P(y | x) from P(y = 1 | x) = sigma
        out.append(close(P, s ** y * (1 - s) ** (1 - y) if form == "ok" else s ** (1 - y) * (1 - s) ** y))
    return [all(out)]


claim("zzd-slv-plog", lambda: D_plog("ok"))
claim("zzd-slv-plog-swap", lambda: D_plog("swap"))
claim("zzd-no3-yhat", lambda: [None, (lambda z: close(sig(z), 1 / (1 + np.exp(-z))))(rng.normal() * 2)])


# ======================= documents =======================
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


DOCS = {}


def register(stem, fns):
    md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
    bl = blocks(md)
    assert len(bl) == len(fns), (stem, len(bl), len(fns))
    for (_, text), fn in zip(bl, fns):
        key = (stem, text)
        DOCS[key] = fn


# document link functions
sv3_doc = [
    defs(1),
    ev(lambda: [None, (lambda z: close(sig(z), 1 / (1 + np.exp(-z))))(rng.normal() * 2)]),
    defs(1),
    defs(1),
    ev(lambda: A_dzdb(lambda p: 1.0)),
    ev(lambda: A_dzda(lambda p: p["x"][p["i"]])),
    defs(1),
    ev(lambda: A_dsig(lambda s: s * (1 - s))),
    defs(1),
    ev(lambda: A_lres(lambda e: np.mean(e ** 2))),
    ev(lambda: A_de2(lambda e: 2 * e)),
    ev(lambda: A_dedy(-1.0)),
    ev(lambda: A_dyd("a", lambda s, xi: s * (1 - s) * xi)),
    ev(lambda: A_dyd("b", lambda s, xi: s * (1 - s) * 1)),
    ev(lambda: A_dL("a", lambda s, y, x, N: 2 / N * np.sum((s - y) * s * (1 - s) * x))),
    ev(lambda: A_dL("b", lambda s, y, x, N: 2 / N * np.sum((s - y) * s * (1 - s)))),
]
register("sv3-mse-sigmoid", sv3_doc)
sv3_mut = list(sv3_doc)
sv3_mut[7] = ev(lambda: A_dsig(lambda s: s * (1 + s)))
sv3_mut[14] = ev(lambda: A_dL("a", lambda s, y, x, N: 2 / N * np.sum((y - s) * s * (1 - s) * x)))
register("sv3-mse-sigmoid-mutated", sv3_mut)

register("no3-logsig", [
    defs(1),
    ev(lambda: A_logsig(-1)),
    defs(1),
    ev(lambda: [None, (lambda z: close(sig(z), 1 / (1 + np.exp(-z))))(rng.normal() * 2)]),
    defs(1),
    ev(lambda: A_dzdb(lambda p: 1.0)),
    ev(lambda: A_dzda(lambda p: p["x"][p["i"]])),
])

no2_doc = [
    defs(1),
    ev(lambda: B_chain("a", lambda r, x, N: np.sum(2 * r * (-x)) / N)),
    ev(lambda: B_chain("b", lambda r, x, N: np.sum(2 * r * (-1)) / N)),
    ev(lambda: [close(A_LS, (4 * 34 - 6 * 16) / (4 * 14 - 6 ** 2)), close((4 * 34 - 6 * 16) / (4 * 14 - 6 ** 2), 2),
                close(B_LS, (16 - 2 * 6) / 4), close((16 - 2 * 6) / 4, 1)]),
]
register("no2-derivasjon", no2_doc)
no2_mut = list(no2_doc)
no2_mut[1] = ev(lambda: B_chain("a", lambda r, x, N: np.sum(r * (-x)) / N))
register("no2-derivasjon-mutated", no2_mut)

sestop_doc = [
    defs(1),
    ev(lambda: E_df(lambda a: 2 * a - 10)),
    ev(lambda: [close(f_q(5), 5 ** 2 - 10 * 5 + 28), close(5 ** 2 - 10 * 5 + 28, 25 - 50 + 28), num(25 - 50 + 28, "3", 1e-9)]),
    defs(1),
    ev(lambda: grad_chain(6.0, 12, None, "2", 1e-9)),
    ev(lambda: [close(A1, 6 - 0.1 * 2), close(6 - 0.1 * 2, 6 - 0.2), num(6 - 0.2, "5.8", 0.1)]),
    ev(lambda: [close(df_q(A1), 2 * 5.8 - 10), close(2 * 5.8 - 10, 11.6 - 10), num(11.6 - 10, "1.6", 0.1)]),
    ev(lambda: [close(A2, 5.8 - 0.1 * 1.6), close(5.8 - 0.1 * 1.6, 5.8 - 0.16), num(5.8 - 0.16, "5.64", 0.01)]),
    ev(lambda: [close(df_q(A2), 2 * 5.64 - 10), close(2 * 5.64 - 10, 11.28 - 10), num(11.28 - 10, "1.28", 0.01)]),
    ev(lambda: [close(A3, 5.64 - 0.1 * 1.28), close(5.64 - 0.1 * 1.28, 5.64 - 0.128), num(5.64 - 0.128, "5.512", 0.001)]),
]
register("slo-sestop", sestop_doc)
sestop_mut = list(sestop_doc)
sestop_mut[9] = ev(lambda: [close(A3, 5.64 - 0.1 * 1.28), close(5.64 - 0.1 * 1.28, 5.64 + 0.128), num(5.64 + 0.128, "5.768", 0.001)])
register("slo-sestop-mutated", sestop_mut)

graf_doc = [
    defs(3),
    ev(lambda: E_limf(lambda f, d: d)),
    ev(lambda: [close(dL_df, GD), close(GD, -2)]),
    ev(lambda: E_limd(lambda f, d: f)),
    ev(lambda: [close(dL_dd, GF), close(GF, 4)]),
    ev(lambda: E_chainc("ok")),
    ev(lambda: E_limc(1.0)),
    ev(lambda: [close(dL_dc, GD * 1), close(GD * 1, -2)]),
    ev(lambda: E_chaina("ok")),
    ev(lambda: E_lima(lambda a, b: b)),
]
register("slo-racunski-graf", graf_doc)
graf_mut = list(graf_doc)
graf_mut[9] = ev(lambda: E_lima(lambda a, b: a))
register("slo-racunski-graf-mutated", graf_mut)

register("slv-linearna", [defs(1), defs(1), ev(lambda: D_loglin(0.5, 0.5))])
register("slv-logisticna", [
    defs(1),
    ev(lambda: D_bern("ok")),
    ev(lambda: D_logP("ok")),
    ev(lambda: D_sigma(-1)),
    defs(1),
    ev(lambda: D_loglog("ok")),
])


# ======================= run =======================
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
            key = (stem, lk["text"].strip())
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
