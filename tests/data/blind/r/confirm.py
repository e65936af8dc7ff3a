"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part r).

Each claim / document link is re-coded by hand as NumPy (or mpmath) functions of random inputs;
derivatives are checked against central finite differences, worked numbers against the printed
digits (within one unit of the last printed digit).  Nothing here parses the LaTeX.
"""

import math
import re
import sys
from pathlib import Path

import mpmath
import numpy as np

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20240611)
DEF = None  # marker for a link that is a definition


# --------------------------------------------------------------------------- helpers
def fd(f, x, h=1e-6):
    """Central finite-difference gradient of a scalar function f at array x."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        xp = x.copy()
        xm = x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def fd1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def same(a, b, rtol=1e-5, atol=1e-7):
    if a is None or b is None:
        return False
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def printed(value, text):
    """True if value rounds to the printed decimal text (within one unit of the last digit)."""
    dec = len(text.split(".")[1]) if "." in text else 0
    return abs(value - float(text)) <= 10.0 ** (-dec) + 1e-12


def mm(a, b):
    """Matrix product that returns None when the shapes do not conform."""
    try:
        return np.asarray(a) @ np.asarray(b)
    except ValueError:
        return None


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def generic_loss(n):
    """A smooth, non-separable scalar function E(v) of an n-vector and its exact gradient."""
    a = RNG.normal(size=n)
    b = RNG.normal(size=n)
    c = RNG.normal()

    def e_fun(v):
        v = np.asarray(v, dtype=float)
        return float(np.sum(a * v + b * v**2) + c * np.sum(v) ** 2 + np.sum(np.sin(v)))

    def e_grad(v):
        v = np.asarray(v, dtype=float)
        return a + 2 * b * v + 2 * c * np.sum(v) + np.cos(v)

    return e_fun, e_grad


CLAIMS = {}
DOCS = {}


def claim(*ids):
    def deco(fn):
        for cid in ids:
            CLAIMS[cid] = (fn, cid)
        return fn

    return deco


# =========================================================================== Mallya backprop
@claim("r-mallya-l2-dx", "r-mallya-l2-dx-factor")
def _l2(cid):
    x, t = RNG.normal(size=4), RNG.normal(size=4)
    g = fd(lambda v: 0.5 * np.sum((v - t) ** 2), x)
    mid = 0.5 * 2 * (x - t)
    last = 2 * (x - t) if cid.endswith("factor") else (x - t)
    return [same(g, mid), same(mid, last)]


@claim("r-mallya-logloss-dx", "r-mallya-logloss-dx-sign")
def _logloss(cid):
    x, t = RNG.uniform(0.1, 0.9, 4), RNG.uniform(0, 1, 4)
    g = fd(lambda v: -np.sum(t * np.log(v) + (1 - t) * np.log(1 - v)), x)
    if cid.endswith("sign"):
        return [same(g, -t / x - (1 - t) / (1 - x))]
    mid = -t / x + (1 - t) / (1 - x)
    return [same(g, mid), same(mid, (x - t) / (x * (1 - x)))]


@claim("r-mallya-sigmoid-dydx", "r-mallya-sigmoid-dydx-sign")
def _sigd(cid):
    x = RNG.normal(size=5)
    y = sig(x)
    d = np.array([fd1(sig, xi) for xi in x])
    mid = np.exp(-x) / (1 + np.exp(-x)) ** 2
    last = y * (1 + y) if cid.endswith("sign") else y * (1 - y)
    return [same(d, mid), same(mid, last)]


@claim("r-mallya-sigmoid-dx", "r-mallya-sigmoid-dx-sigmaprime")
def _sigdx(cid):
    e_fun, e_grad = generic_loss(4)
    x = RNG.normal(size=4)
    y = sig(x)
    dy = e_grad(y)
    g = fd(lambda v: e_fun(sig(v)), x)
    rhs = dy * y if cid.endswith("sigmaprime") else dy * y * (1 - y)
    return [True, same(g, rhs)]  # first link defines delta x


@claim("r-mallya-softmax-offdiag", "r-mallya-softmax-offdiag-sign")
def _smoff(cid):
    x = RNG.normal(size=4)
    i, j = 0, 2
    e = np.exp(x)
    s = e.sum()
    y = e / s
    d = fd(lambda v: softmax(v)[j], x)[i]
    m2 = -e[i] * e[j] / s**2
    m3 = (-e[i] / s) * (e[j] / s)
    m4 = y[i] * y[j] if cid.endswith("sign") else -y[i] * y[j]
    return [same(d, m2), same(m2, m3), same(m3, m4)]


@claim("r-mallya-softmax-dx", "r-mallya-softmax-dx-index")
def _smdx(cid):
    e_fun, e_grad = generic_loss(4)
    x = RNG.normal(size=4)
    y = softmax(x)
    dy = e_grad(y)
    g = fd(lambda v: e_fun(softmax(v)), x)
    eye = np.eye(4)
    if cid.endswith("index"):
        rhs = np.array([sum(dy[j] * y[i] * (eye[i, j] - y[i]) for j in range(4)) for i in range(4)])
    else:
        rhs = np.array([sum(dy[j] * y[i] * (eye[i, j] - y[j]) for j in range(4)) for i in range(4)])
    return [same(g, rhs)]


@claim("r-mallya-fc-dx", "r-mallya-fc-dx-index")
def _fcdx(cid):
    n, m = (3, 3) if cid.endswith("index") else (3, 4)
    e_fun, e_grad = generic_loss(n)
    w = RNG.normal(size=(n, m))
    x = RNG.normal(size=m)
    dy = e_grad(w @ x)
    g = fd(lambda v: e_fun(w @ v), x)
    if cid.endswith("index"):
        return [same(g, [sum(dy[j] * w[i, j] for j in range(n)) for i in range(m)])]
    m1 = np.array([sum(dy[j] * w[j, i] for j in range(n)) for i in range(m)])
    m2 = np.array([sum(w.T[i, j] * dy[j] for j in range(n)) for i in range(m)])
    return [same(g, m1), same(m1, m2)]


@claim("r-mallya-fc-dxvec", "r-mallya-fc-dxvec-transpose")
def _fcdxv(cid):
    n, m = 3, 4
    e_fun, e_grad = generic_loss(n)
    w = RNG.normal(size=(n, m))
    x = RNG.normal(size=m)
    dy = e_grad(w @ x)
    g = fd(lambda v: e_fun(w @ v), x)
    rhs = mm(w, dy) if cid.endswith("transpose") else mm(w.T, dy)
    return [True, same(g, rhs)]


@claim("r-mallya-fc-dw", "r-mallya-fc-dw-order")
def _fcdw(cid):
    n, m = 3, 4
    e_fun, e_grad = generic_loss(n)
    w = RNG.normal(size=(n, m))
    x = RNG.normal(size=m)
    dy = e_grad(w @ x)
    gw = fd(lambda wf: e_fun(wf @ x), w)
    rhs = np.outer(x, dy) if cid.endswith("order") else np.outer(dy, x)
    return [True, same(gw, rhs)]


# =========================================================================== Mallya LSTM
def lstm_state(d=3):
    e_fun, e_grad = generic_loss(d)
    st = {
        "ah": RNG.normal(size=d),
        "ih": RNG.normal(size=d),
        "fh": RNG.normal(size=d),
        "oh": RNG.normal(size=d),
        "cp": RNG.normal(size=d),
    }
    st["a"] = np.tanh(st["ah"])
    st["i"], st["f"], st["o"] = sig(st["ih"]), sig(st["fh"]), sig(st["oh"])
    st["c"] = st["i"] * st["a"] + st["f"] * st["cp"]
    st["h"] = st["o"] * np.tanh(st["c"])
    st["E"], st["dE"] = e_fun, e_grad
    return st


def lstm_grads(st):
    e_fun = st["E"]
    a, i, f, o, cp, c = st["a"], st["i"], st["f"], st["o"], st["cp"], st["c"]
    g = {}
    g["h"] = st["dE"](st["h"])
    g["o"] = fd(lambda v: e_fun(v * np.tanh(c)), o)
    g["c"] = fd(lambda v: e_fun(o * np.tanh(v)), c)
    g["i"] = fd(lambda v: e_fun(o * np.tanh(v * a + f * cp)), i)
    g["f"] = fd(lambda v: e_fun(o * np.tanh(i * a + v * cp)), f)
    g["a"] = fd(lambda v: e_fun(o * np.tanh(i * v + f * cp)), a)
    g["cp"] = fd(lambda v: e_fun(o * np.tanh(i * a + f * v)), cp)
    g["ah"] = fd(lambda v: e_fun(o * np.tanh(i * np.tanh(v) + f * cp)), st["ah"])
    g["ih"] = fd(lambda v: e_fun(o * np.tanh(sig(v) * a + f * cp)), st["ih"])
    g["fh"] = fd(lambda v: e_fun(o * np.tanh(i * a + sig(v) * cp)), st["fh"])
    g["oh"] = fd(lambda v: e_fun(sig(v) * np.tanh(c)), st["oh"])
    # local partials of the forward maps (element-wise), by finite differences
    g["dh_do"] = np.array([fd1(lambda t, k=k: t * np.tanh(c[k]), o[k]) for k in range(len(o))])
    g["dh_dc"] = np.array([fd1(lambda t, k=k: o[k] * np.tanh(t), c[k]) for k in range(len(c))])
    return g


@claim("r-lstm-do", "r-lstm-do-tanhprime")
def _ldo(cid):
    st = lstm_state()
    g = lstm_grads(st)
    mid = g["h"] * g["dh_do"]
    last = (
        g["h"] * (1 - np.tanh(st["c"]) ** 2)
        if cid.endswith("tanhprime")
        else (g["h"] * np.tanh(st["c"]))
    )
    return [same(g["o"], mid), same(mid, last)]


@claim("r-lstm-dc", "r-lstm-dc-sigmaprime")
def _ldc(cid):
    st = lstm_state()
    g = lstm_grads(st)
    mid = g["h"] * g["dh_dc"]
    if cid.endswith("sigmaprime"):
        last = g["h"] * st["o"] * np.tanh(st["c"])
    else:
        last = g["h"] * st["o"] * (1 - np.tanh(st["c"]) ** 2)
    return [same(g["c"], mid), same(mid, last)]


def _cell_partial(st, which):
    """Element-wise partial of c^t with respect to i, f or c^{t-1} (finite differences)."""
    a, i, f, cp = st["a"], st["i"], st["f"], st["cp"]
    out = []
    for k in range(len(a)):
        if which == "i":
            out.append(fd1(lambda t, k=k: t * a[k] + f[k] * cp[k], i[k]))
        elif which == "f":
            out.append(fd1(lambda t, k=k: i[k] * a[k] + t * cp[k], f[k]))
        else:
            out.append(fd1(lambda t, k=k: i[k] * a[k] + f[k] * t, cp[k]))
    return np.array(out)


@claim("r-lstm-di", "r-lstm-di-swapped")
def _ldi(cid):
    st = lstm_state()
    g = lstm_grads(st)
    mid = g["c"] * _cell_partial(st, "i")
    last = g["c"] * (st["i"] if cid.endswith("swapped") else st["a"])
    return [same(g["i"], mid), same(mid, last)]


@claim("r-lstm-df", "r-lstm-df-index")
def _ldf(cid):
    st = lstm_state()
    g = lstm_grads(st)
    mid = g["c"] * _cell_partial(st, "f")
    last = g["c"] * (st["c"] if cid.endswith("index") else st["cp"])
    return [same(g["f"], mid), same(mid, last)]


@claim("r-lstm-dcprev", "r-lstm-dcprev-term")
def _ldcp(cid):
    st = lstm_state()
    g = lstm_grads(st)
    mid = g["c"] * _cell_partial(st, "cp")
    last = g["c"] * st["f"]
    if cid.endswith("term"):
        last = last + g["c"] * st["i"]
    return [same(g["cp"], mid), same(mid, last)]


@claim("r-lstm-dihat", "r-lstm-dihat-sigmaprime")
def _ldih(cid):
    st = lstm_state()
    g = lstm_grads(st)
    i = st["i"]
    rhs = g["i"] * i if cid.endswith("sigmaprime") else g["i"] * i * (1 - i)
    return [same(g["ih"], rhs)]


def lstm_stack(n=2, d=1):
    e_fun, e_grad = generic_loss(4 * d)
    w = RNG.normal(size=(4 * d, n + d))
    big_i = RNG.normal(size=n + d)
    return e_fun, e_grad, w, big_i


@claim("r-lstm-dI", "r-lstm-dI-transpose")
def _ldI(cid):
    e_fun, e_grad, w, big_i = lstm_stack()
    dz = e_grad(w @ big_i)
    g = fd(lambda v: e_fun(w @ v), big_i)
    rhs = mm(w, dz) if cid.endswith("transpose") else mm(w.T, dz)
    return [same(g, rhs)]


# =========================================================================== Jonathan Hui
def regression_data(n=6, k=3):
    return RNG.normal(size=(n, k)), RNG.normal(size=n), RNG.normal(size=k)


@claim("r-hui-mse-grad", "r-hui-mse-grad-factor")
def _hmse(cid):
    x, y, w = regression_data()
    g = fd(lambda v: 0.5 * np.sum((x @ v - y) ** 2), w)
    rhs = sum((w @ x[i] - y[i]) * x[i] for i in range(len(y)))
    if cid.endswith("factor"):
        rhs = 2 * rhs
    return [same(g, rhs)]


def two_j_members(x, y, w):
    r = x @ w - y
    return [
        2 * 0.5 * np.sum(r**2),
        r @ r,
        (w @ x.T - y) @ (x @ w - y),
        w @ x.T @ (x @ w - y) - y @ (x @ w - y),
        w @ x.T @ x @ w - w @ x.T @ y - y @ x @ w + y @ y,
        w @ x.T @ x @ w - 2 * w @ x.T @ y + y @ y,
    ]


@claim("r-hui-2J", "r-hui-2J-factor")
def _h2j(cid):
    x, y, w = regression_data()
    ms = two_j_members(x, y, w)
    ms = [ms[0], ms[1], ms[2], ms[4], ms[5]]
    if cid.endswith("factor"):
        ms[4] = w @ x.T @ x @ w - w @ x.T @ y + y @ y
    return [same(ms[k], ms[k + 1]) for k in range(4)]


@claim("r-hui-ridge-grad", "r-hui-ridge-grad-factor", "r-hui-ridge-grad-sign")
def _hridge(cid):
    x, y, w = regression_data()
    lam = 0.7
    g = fd(lambda v: 0.5 * np.sum((x @ v - y) ** 2) + lam / 2 * v @ v, w)
    if cid.endswith("factor"):
        rhs = x.T @ x @ w - x.T @ y + lam / 2 * w
    elif cid.endswith("sign"):
        rhs = x.T @ x @ w + x.T @ y + lam * w
    else:
        rhs = x.T @ x @ w - x.T @ y + lam * w
    return [same(g, rhs)]


@claim("r-hui-ll-grad", "r-hui-ll-grad-sign")
def _hll(cid):
    x, y, th = regression_data()
    s2 = 1.3
    n = len(y)

    def jfun(v):
        r = y - x @ v
        return -n / 2 * np.log(2 * np.pi * s2) - 1 / (2 * s2) * r @ r

    g = fd(jfun, th)
    sgn = 1 if cid.endswith("sign") else -1
    rhs = 0 - 1 / (2 * s2) * (0 + sgn * 2 * x.T @ y + 2 * x.T @ x @ th)
    return [same(g, rhs)]


@claim("r-hui-ridge2-grad", "r-hui-ridge2-grad-term")
def _hridge2(cid):
    x, y, th = regression_data()
    dl = 0.8
    g = fd(lambda v: (y - x @ v) @ (y - x @ v) + dl**2 * v @ v, th)
    rhs = 2 * x.T @ x @ th - 2 * x.T @ y
    if not cid.endswith("term"):
        rhs = rhs + 2 * dl**2 * np.eye(len(th)) @ th
    return [same(g, rhs)]


@claim("r-hui-logloss", "r-hui-logloss-sign")
def _hlog(cid):
    x = RNG.normal(size=(5, 3))
    lab = np.array([1, -1, 1, -1, -1])
    w = RNG.normal(size=3)
    u = lab * (x @ w)
    m1 = np.sum(-np.log(1 / (1 + np.exp(-u))))
    m2 = np.sum(-np.log(1) + np.log(1 + np.exp(-u)))
    m3 = np.sum(np.log(1 + np.exp(u))) if cid.endswith("sign") else np.sum(np.log(1 + np.exp(-u)))
    return [same(m1, m2), same(m2, m3)]


@claim("r-hui-softmax-grad", "r-hui-softmax-grad-sign")
def _hsm(cid):
    score = RNG.normal(size=4)
    true = 2
    g = fd(lambda v: -np.log(softmax(v)[true]), score)
    p = softmax(score)
    if cid.endswith("sign"):
        rhs = np.where(np.arange(4) == true, 1 - p, p)
    else:
        rhs = np.where(np.arange(4) == true, p - 1, p)
    return [same(g, rhs)]


@claim("r-hui-softmax-shift", "r-hui-softmax-shift-sign")
def _hshift(cid):
    z = RNG.normal(size=4) + 1.5
    mx = z.max()
    i = 1
    m1 = np.exp(z[i] - mx) / np.sum(np.exp(z - mx))
    num = np.exp(mx) if cid.endswith("sign") else np.exp(-mx)
    m2 = num * np.exp(z[i]) / (np.exp(-mx) * np.sum(np.exp(z)))
    m3 = np.exp(z[i]) / np.sum(np.exp(z))
    return [same(m1, m2), same(m2, m3)]


@claim("r-hui-pbus", "r-hui-pbus-term")
def _hbus(cid):
    v = math.exp(3.2) / (math.exp(3.2) + math.exp(0.8) + math.exp(0))
    return [printed(v, "0.92" if cid.endswith("term") else "0.88")]


@claim("r-hui-pairplane", "r-hui-pairplane-factor")
def _hair(cid):
    v = math.exp(0) / (math.exp(3.2) + math.exp(0.8) + math.exp(0))
    return [printed(v, "0.4" if cid.endswith("factor") else "0.04")]


@claim("r-hui-svm", "r-hui-svm-term")
def _hsvm(cid):
    m1 = max(0, 8 - 10 + 1) + max(0, 14 - 10 + 1) + max(0, 9.5 - 10 + 1)
    m2 = 0 + 5 + 0.5
    return [same(m1, m2), printed(m2, "6.5" if cid.endswith("term") else "5.5")]


@claim("r-hui-entropy", "r-hui-entropy-factor")
def _hent(cid):
    m1 = 0.25 * math.log2(1 / 0.25) + 0.25 * math.log2(1 / 0.25) + 0.5 * math.log2(1 / 0.5)
    if cid.endswith("factor"):
        m2 = 0.25 * 2 + 0.25 * 2 + 0.5 * 2
        return [same(m1, m2), printed(m2, "2")]
    m2 = 0.25 * 2 + 0.25 * 2 + 0.5 * 1
    return [same(m1, m2), printed(m2, "1.5")]


@claim("r-hui-dout-dW", "r-hui-dout-dW-swapped", "r-hui-dout-db", "r-hui-dout-db-swapped")
def _hout(cid):
    w, x, b = 0.7, -1.9, 2.6
    if "dW" in cid:
        d = fd1(lambda t: t * x + b, w)
        return [same(d, w if cid.endswith("swapped") else x)]
    d = fd1(lambda t: w * x + t, b)
    return [same(d, b if cid.endswith("swapped") else 1.0)]


@claim("r-hui-logprior", "r-hui-logprior-factor")
def _hprior(cid):
    lam, wj = 1.7, RNG.normal()
    p = 1 / math.sqrt(2 * math.pi * (1 / lam)) * math.exp(-((wj - 0) ** 2) / (2 * (1 / lam)))
    k = lam if cid.endswith("factor") else lam / 2
    rhs = -math.log(math.sqrt(2 * math.pi * (1 / lam))) + math.log(math.exp(-k * wj**2))
    return [same(math.log(p), rhs)]


# =========================================================================== Batch norm
def bn_setup():
    m = 5
    e_fun, e_grad = generic_loss(m)
    x = RNG.normal(size=m) * 1.5 + 0.3
    gam, bet, eps = 1.3, -0.4, 1e-3
    mu = x.mean()
    var = np.mean((x - mu) ** 2)
    xh = (x - mu) / np.sqrt(var + eps)
    y = gam * xh + bet
    dly = e_grad(y)
    st = dict(m=m, E=e_fun, x=x, gam=gam, bet=bet, eps=eps, mu=mu, var=var, xh=xh, dly=dly)
    st["dl_dxh"] = dly * gam
    st["dl_dvar"] = np.sum(st["dl_dxh"] * (x - mu) * (-0.5) * (var + eps) ** -1.5)
    st["dl_dmu"] = (
        np.sum(st["dl_dxh"] * (-1 / np.sqrt(var + eps))) + st["dl_dvar"] * np.sum(-2 * (x - mu)) / m
    )
    return st


def bn_forward(st, x, gam=None, bet=None):
    gam = st["gam"] if gam is None else gam
    bet = st["bet"] if bet is None else bet
    mu = x.mean()
    var = np.mean((x - mu) ** 2)
    return gam * (x - mu) / np.sqrt(var + st["eps"]) + bet


def bn_check(cid):
    st = bn_setup()
    e_fun, x, mu, var, eps, m = st["E"], st["x"], st["mu"], st["var"], st["eps"], st["m"]
    gam, bet = st["gam"], st["bet"]
    if cid.startswith("r-bn-dxhat"):
        g = fd(lambda v: e_fun(gam * v + bet), st["xh"])
        return [same(g, st["dly"] * (bet if cid.endswith("swapped") else gam))]
    if cid.startswith("r-bn-dvar"):
        g = fd1(lambda v: e_fun(gam * (x - mu) / np.sqrt(v + eps) + bet), var)
        k = 0.5 if cid.endswith("sign") else -0.5
        return [same(g, np.sum(st["dl_dxh"] * (x - mu) * k * (var + eps) ** -1.5))]
    if cid.startswith("r-bn-dmu"):

        def lmu(u):
            vu = np.mean((x - u) ** 2)
            return e_fun(gam * (x - u) / np.sqrt(vu + eps) + bet)

        g = fd1(lmu, mu)
        k = 1 if cid.endswith("sign") else -1
        rhs = (
            np.sum(st["dl_dxh"] * k / np.sqrt(var + eps))
            + st["dl_dvar"] * np.sum(-2 * (x - mu)) / m
        )
        return [same(g, rhs)]
    if cid.startswith("r-bn-dx"):
        g = fd(lambda v: e_fun(bn_forward(st, v)), x)
        two = 1 if cid.endswith("factor") else 2
        sgn = -1 if cid.endswith("sign") else 1
        rhs = (
            st["dl_dxh"] / np.sqrt(var + eps)
            + st["dl_dvar"] * two * (x - mu) / m
            + sgn * st["dl_dmu"] / m
        )
        return [same(g, rhs)]
    if cid.startswith("r-bn-dgamma"):
        g = fd1(lambda t: e_fun(bn_forward(st, x, gam=t)), gam)
        return [same(g, np.sum(st["dly"] * (x if cid.endswith("swapped") else st["xh"])))]
    if cid.startswith("r-bn-dbeta"):
        g = fd1(lambda t: e_fun(bn_forward(st, x, bet=t)), bet)
        scale = 1 / m if cid.endswith("factor") else 1
        return [same(g, scale * np.sum(st["dly"]))]
    raise KeyError(cid)


for _cid in [
    "r-bn-dxhat",
    "r-bn-dxhat-swapped",
    "r-bn-dvar",
    "r-bn-dvar-sign",
    "r-bn-dmu",
    "r-bn-dmu-sign",
    "r-bn-dx",
    "r-bn-dx-factor",
    "r-bn-dx-sign",
    "r-bn-dgamma",
    "r-bn-dgamma-swapped",
    "r-bn-dbeta",
    "r-bn-dbeta-factor",
]:
    CLAIMS[_cid] = (bn_check, _cid)


# =========================================================================== VAE appendix B
def gauss_expect(f, mu, sd):
    """E[f(Z)] for Z ~ N(mu, sd^2), by mpmath quadrature."""

    def integrand(z):
        return mpmath.npdf(z, mu, sd) * f(z)

    return float(mpmath.quad(integrand, [-mpmath.inf, mu, mpmath.inf]))


def log_npdf(z, mu, sd):
    return -0.5 * mpmath.log(2 * mpmath.pi) - mpmath.log(sd) - (z - mu) ** 2 / (2 * sd**2)


def vae_setup():
    mu = RNG.normal(size=3)
    sd = RNG.uniform(0.4, 1.8, 3)
    cross = sum(
        gauss_expect(lambda z: log_npdf(z, 0, 1), float(m), float(s))
        for m, s in zip(mu, sd, strict=True)
    )
    ent = sum(
        gauss_expect(lambda z, m=m, s=s: log_npdf(z, float(m), float(s)), float(m), float(s))
        for m, s in zip(mu, sd, strict=True)
    )
    return mu, sd, cross, ent


@claim("r-vae-crossent", "r-vae-crossent-sign", "r-vae-crossent-factor")
def _vcross(cid):
    mu, sd, cross, _ = vae_setup()
    jj = len(mu)
    # second member: the same integral written with an explicit product density
    m2 = sum(
        gauss_expect(lambda z: mpmath.log(mpmath.npdf(z, 0, 1)), float(m), float(s))
        for m, s in zip(mu, sd, strict=True)
    )
    if cid.endswith("sign"):
        m3 = -jj / 2 * math.log(2 * math.pi) - 0.5 * np.sum(mu**2 - sd**2)
    elif cid.endswith("factor"):
        m3 = -jj * math.log(2 * math.pi) - 0.5 * np.sum(mu**2 + sd**2)
    else:
        m3 = -jj / 2 * math.log(2 * math.pi) - 0.5 * np.sum(mu**2 + sd**2)
    return [same(cross, m2), same(m2, m3)]


@claim("r-vae-entropy", "r-vae-entropy-factor")
def _vent(cid):
    mu, sd, _, ent = vae_setup()
    jj = len(mu)
    m2 = sum(
        gauss_expect(
            lambda z, m=m, s=s: mpmath.log(mpmath.npdf(z, float(m), float(s))), float(m), float(s)
        )
        for m, s in zip(mu, sd, strict=True)
    )
    logs = np.log(sd) if cid.endswith("factor") else np.log(sd**2)
    m3 = -jj / 2 * math.log(2 * math.pi) - 0.5 * np.sum(1 + logs)
    return [same(ent, m2), same(m2, m3)]


@claim("r-vae-kl", "r-vae-kl-sign", "r-vae-kl-factor")
def _vkl(cid):
    mu, sd, cross, ent = vae_setup()
    neg_kl = -np.sum(np.log(1 / sd) + (sd**2 + mu**2) / 2 - 0.5)  # textbook Gaussian KL
    m2 = cross - ent
    if cid.endswith("sign"):
        m3 = 0.5 * np.sum(1 + np.log(sd**2) - mu**2 + sd**2)
    elif cid.endswith("factor"):
        m3 = np.sum(1 + np.log(sd**2) - mu**2 - sd**2)
    else:
        m3 = 0.5 * np.sum(1 + np.log(sd**2) - mu**2 - sd**2)
    return [same(neg_kl, m2), same(m2, m3)]


# =========================================================================== aman.ai
@claim("r-aman-logh", "r-aman-logh-sign")
def _alogh(cid):
    th, x = RNG.normal(size=3), RNG.normal(size=3)
    u = th @ x
    m1 = math.log(sig(u))
    m2 = math.log(1 / (1 + math.exp(-u)))
    m3 = (1 if cid.endswith("sign") else -1) * math.log(1 + math.exp(-u))
    return [same(m1, m2), same(m2, m3)]


@claim("r-aman-log1mh", "r-aman-log1mh-sign")
def _alog1mh(cid):
    th, x = RNG.normal(size=3), RNG.normal(size=3)
    u = th @ x
    m1 = math.log(1 - sig(u))
    m2 = math.log(1 - 1 / (1 + math.exp(-u)))
    m3 = math.log(math.exp(-u)) - math.log(1 + math.exp(-u))
    m4 = (u if cid.endswith("sign") else -u) - math.log(1 + math.exp(-u))
    return [same(m1, m2), same(m2, m3), same(m3, m4)]


# =========================================================================== rfjd notebook
@claim("r-rfjd-dw", "r-rfjd-dw-factor", "r-rfjd-db", "r-rfjd-db-term")
def _rfjd(cid):
    x, y, w = regression_data(n=5, k=3)
    b = 0.4
    m = len(y)

    def jfun(ww, bb):
        return np.sum((x @ ww + bb - y) ** 2) / (2 * m)

    r = x @ w + b - y
    if "-dw" in cid:
        g = fd(lambda v: jfun(v, b), w)
        scale = 1 / (2 * m) if cid.endswith("factor") else 1 / m
        return [same(g, scale * np.array([np.sum(r * x[:, j]) for j in range(x.shape[1])]))]
    g = fd1(lambda v: jfun(w, v), b)
    if cid.endswith("term"):
        return [all(same(g, np.sum(r * x[:, j]) / m) for j in range(x.shape[1]))]
    return [same(g, np.sum(r) / m)]


# =========================================================================== word2vec HS
def w2v_setup():
    vin = RNG.normal(size=3)
    vnodes = RNG.normal(size=(4, 3))
    code = np.array([1, -1, -1, 1])

    def logp(v_in, v_nodes):
        return float(np.sum(np.log(sig(code * (v_nodes @ v_in)))))

    hs = code * (vnodes @ vin)
    return vin, vnodes, code, logp, hs


@claim("r-w2v-hs-vin", "r-w2v-hs-vin-term")
def _w2vin(cid):
    vin, vnodes, code, logp, hs = w2v_setup()
    g = fd(lambda v: logp(v, vnodes), vin)
    c = np.ones_like(code) if cid.endswith("term") else code
    rhs = sum((1 - sig(hs[j])) * c[j] * vnodes[j] for j in range(len(code)))
    return [same(g, rhs)]


@claim("r-w2v-hs-vnode", "r-w2v-hs-vnode-sigmaprime")
def _w2vnode(cid):
    vin, vnodes, code, logp, hs = w2v_setup()
    j = 1

    def f(v):
        vv = vnodes.copy()
        vv[j] = v
        return logp(vin, vv)

    g = fd(f, vnodes[j])
    k = (1 - sig(hs[j])) * code[j]
    if cid.endswith("sigmaprime"):
        k = k * sig(hs[j])
    return [same(g, k * vin)]


# =========================================================================== documents
def doc(name, line):
    def deco(fn):
        DOCS[(name, line)] = fn
        return fn

    return deco


def lstm_doc_links(mutated):
    st = lstm_state()
    g = lstm_grads(st)
    a, i, f, o, c, cp = st["a"], st["i"], st["f"], st["o"], st["c"], st["cp"]
    links = [[DEF, DEF]] * 4 + [[DEF], [DEF], [DEF]]
    links.append(
        [same(g["o"], g["h"] * g["dh_do"]), same(g["h"] * g["dh_do"], g["h"] * np.tanh(c))]
    )
    links.append([same(g["o"], g["h"] * np.tanh(c))])
    mid = g["h"] * g["dh_dc"]
    last = o * np.tanh(c) if mutated else o * (1 - np.tanh(c) ** 2)
    links.append([same(g["c"], mid), same(mid, g["h"] * last)])
    links.append([DEF])
    dc = g["c"]
    pi, pf, pcp = _cell_partial(st, "i"), _cell_partial(st, "f"), _cell_partial(st, "cp")
    links.append([same(g["i"], dc * pi), same(dc * pi, dc * a)])
    links.append([same(g["i"], dc * a)])
    links.append([same(g["f"], dc * pf), same(dc * pf, dc * cp)])
    links.append([same(g["f"], dc * (c if mutated else cp))])
    pa = np.array([fd1(lambda t, k=k: i[k] * t + f[k] * cp[k], a[k]) for k in range(len(a))])
    links.append([same(g["a"], dc * pa), same(dc * pa, dc * i)])
    links.append([same(g["a"], dc * i)])
    links.append([same(g["cp"], dc * pcp), same(dc * pcp, dc * f)])
    links.append([same(g["cp"], dc * f)])
    links.append([same(g["ah"], g["a"] * (1 - np.tanh(a) ** 2))])  # source's delta a-hat line
    links.append([same(g["ih"], g["i"] * i * (1 - i))])
    links.append([same(g["fh"], g["f"] * f * (1 - f))])
    links.append([same(g["oh"], g["o"] * o * (1 - o))])
    # delta z^t: gradient with respect to the stacked pre-activations
    z0 = np.concatenate([st["ah"], st["ih"], st["fh"], st["oh"]])
    d = len(a)

    def e_of_z(z):
        ah, ih, fh, oh = z[:d], z[d : 2 * d], z[2 * d : 3 * d], z[3 * d :]
        cc = sig(ih) * np.tanh(ah) + sig(fh) * cp
        return st["E"](sig(oh) * np.tanh(cc))

    stacked = np.concatenate(
        [g["a"] * (1 - a**2), g["i"] * i * (1 - i), g["f"] * f * (1 - f), g["o"] * o * (1 - o)]
    )
    links.append([same(fd(e_of_z, z0), stacked)])
    links.append([DEF])
    links.append([DEF])
    e_fun, e_grad, w, big_i = lstm_stack()
    links.append([same(fd(lambda v: e_fun(w @ v), big_i), w.T @ e_grad(w @ big_i))])
    return links


def softmax_doc_links():
    e_fun, e_grad = generic_loss(4)
    x = RNG.normal(size=4) + 0.5
    e = np.exp(x)
    s = e.sum()
    y = e / s
    dy = e_grad(y)
    jac = np.array([fd(lambda v, r=r: softmax(v)[r], x) for r in range(4)])  # jac[r, c]
    g = fd(lambda v: e_fun(softmax(v)), x)
    links = [[DEF], [same(g, jac.T @ dy)]]
    i = 1  # case i = j
    m = [
        jac[i, i],
        jac[i, i],
        (e[i] - e[i] ** 2) / s**2,
        e[i] / s * (1 - e[i]) / s,
        y[i] * (1 - y[i]),
        y[i] * (1 - y[i]),
    ]
    links.append([same(m[k], m[k + 1]) for k in range(5)])
    i, j = 0, 2  # case i != j; the printed left side is d y_i / d x_i
    m = [
        jac[i, i],
        jac[j, i],
        -e[i] * e[j] / s**2,
        (-e[i] / s) * (e[j] / s),
        -y[i] * y[j],
        y[i] * (0 - y[j]),
    ]
    links.append([same(m[k], m[k + 1]) for k in range(5)])
    eye = np.eye(4)
    rhs = np.array(
        [sum(dy[jj] * y[ii] * (eye[ii, jj] - y[jj]) for jj in range(4)) for ii in range(4)]
    )
    links.append([same(g, rhs)])
    links.append([DEF])
    jmat = np.array([[y[ii] * (eye[ii, jj] - y[jj]) for jj in range(4)] for ii in range(4)])
    links.append([DEF, same(g, jmat @ dy)])
    return links


def hui_doc_links():
    x, y, w = regression_data()
    ms = two_j_members(x, y, w)
    links = [[DEF], [same(ms[k], ms[k + 1]) for k in range(5)]]
    t1 = y @ x @ w
    t2 = w @ (y @ x)
    t3 = w @ x.T @ y
    links.append([same(t1, t2), same(t2, t3)])
    links.append([DEF])
    lam = 0.9
    g = fd(lambda v: 0.5 * np.sum((x @ v - y) ** 2) + lam / 2 * v @ v, w)
    links.append([same(g, x.T @ x @ w - x.T @ y + lam * w)])
    return links


def bn_doc_links():
    links = [[DEF]] * 4
    for cid in ["r-bn-dxhat", "r-bn-dvar", "r-bn-dmu", "r-bn-dx", "r-bn-dgamma", "r-bn-dbeta"]:
        links.append(bn_check(cid))
    return links


DOC_BUILDERS = {
    "mallya-lstm-backward": lambda: lstm_doc_links(False),
    "mallya-lstm-backward-mutated": lambda: lstm_doc_links(True),
    "mallya-softmax-layer": softmax_doc_links,
    "hui-mse-cost": hui_doc_links,
    "ioffe-batchnorm-backward": bn_doc_links,
}


# =========================================================================== driver
def read_claim_expectations():
    out = []
    cur = None
    for line in (HERE / "claims.yaml").read_text().splitlines():
        mid = re.match(r"^- id: (\S+)", line)
        if mid:
            cur = mid.group(1)
        mexp = re.match(r"^  expect: (valid|invalid)\s*$", line)
        if mexp and cur:
            out.append((cur, mexp.group(1)))
            cur = None
    return out


def read_doc_expectations(name):
    out = []
    line_no = None
    for line in (HERE / "docs" / f"{name}.expect.yaml").read_text().splitlines():
        ml = re.match(r"^  - line: (\d+)", line)
        if ml:
            line_no = int(ml.group(1))
        me = re.match(r"^    expect: \[(.*)\]", line)
        if me:
            out.append((line_no, [s.strip() for s in me.group(1).split(",")]))
    return out


def main():
    ok = 0
    bad = 0
    for cid, expect in read_claim_expectations():
        if cid not in CLAIMS:
            print(f"FAIL {cid}: no check written")
            bad += 1
            continue
        fn, arg = CLAIMS[cid]
        links = fn(arg)
        holds = all(links)
        good = holds == (expect == "valid")
        status = "ok  " if good else "FAIL"
        print(f"{status} {cid} expect={expect} links={['T' if v else 'F' for v in links]}")
        ok += good
        bad += not good
    for name, builder in DOC_BUILDERS.items():
        exp = read_doc_expectations(name)
        got = builder()
        if len(exp) != len(got):
            print(f"FAIL docs/{name}: {len(exp)} expected blocks, {len(got)} checked")
            bad += 1
            continue
        for (line_no, evs), vals in zip(exp, got, strict=True):
            if len(evs) != len(vals):
                print(f"FAIL docs/{name}:{line_no} link count {len(evs)} != {len(vals)}")
                bad += 1
                continue
            for k, (ev, val) in enumerate(zip(evs, vals, strict=True)):
                if ev == "definition":
                    good = val is DEF
                else:
                    good = val is not DEF and val == (ev == "valid")
                status = "ok  " if good else "FAIL"
                if ev != "definition" or not good:
                    print(f"{status} docs/{name}.md:{line_no} link {k + 1} expect={ev}")
                    ok += good
                    bad += not good
    print(f"{ok} confirmed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
