#!/usr/bin/env python3
"""Independent confirmation of the verdicts in claims.yaml and docs/*.expect.yaml (part a).

Every item is re-coded by hand as NumPy (or SymPy) functions of its two sides; derivatives are
taken by central finite differences (or SymPy diff of hand-written expressions) and compared at
random points.  Worked numbers must round to the printed digits (within one unit of the last
printed digit).  Nothing here parses LaTeX.  Prints one line per item and a summary; exits
non-zero on any failure.
"""

import re
import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
SEED = 20240611
TRIALS = 8


# --------------------------------------------------------------------------- helpers
def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def dsig(x):
    s = sig(x)
    return s * (1.0 - s)


def close(a, b, tol=1e-5):
    try:
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
        if a.shape != b.shape:
            return False
        return bool(np.allclose(a, b, rtol=tol, atol=tol))
    except (ValueError, TypeError):
        return False


def safe(fn):
    """Evaluate fn(); a shape error (ill-typed expression) counts as 'does not hold'."""
    try:
        return fn()
    except ValueError:
        return None


def link(a_fn, b_fn, tol=1e-5):
    a = safe(a_fn)
    b = safe(b_fn)
    if a is None or b is None:
        return False
    return close(a, b, tol)


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def grad(f, x, h=1e-6):
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        g[idx] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def rounds_to(value, printed):
    """True when value is within one unit of the last printed digit of `printed`."""
    s = printed.strip()
    unit = 10.0 ** -len(s.split(".")[1]) if "." in s else 1.0
    return abs(value - float(s)) <= unit * (1 + 1e-9)


def away_from_zero(rng, size=None, lo=0.2, hi=2.0):
    v = rng.uniform(lo, hi, size=size)
    return v * rng.choice([-1.0, 1.0], size=size)


def softmax(o):
    e = np.exp(o - np.max(o))
    return e / e.sum()


# --------------------------------------------------------------------------- registry
CLAIMS = {}


def family(fam, *variants):
    def deco(fn):
        for v in variants:
            cid = fam if v == "" else fam + "-" + v
            CLAIMS[cid] = (fn, v)
        return fn
    return deco


# =========================================================================== D2L
@family("a-d2l-linreg-normal-grad", "", "sign", "transpose", "factor")
def _lr_normal(v, rng):
    n, d = 5, 3
    X = rng.normal(size=(n, d))
    y = rng.normal(size=n)
    w = rng.normal(size=d)
    g = grad(lambda w_: np.sum((y - X @ w_) ** 2), w)
    rhs = {
        "": lambda: 2 * X.T @ (X @ w - y),
        "sign": lambda: 2 * X.T @ (y - X @ w),
        "transpose": lambda: 2 * X @ (X @ w - y),
        "factor": lambda: X.T @ (X @ w - y),
    }[v]
    return [link(lambda: g, rhs)]


def _batch(rng, m=4, d=3):
    X = rng.normal(size=(m, d))
    y = rng.normal(size=m)
    w = rng.normal(size=d)
    b = rng.normal()
    eta = rng.uniform(0.01, 0.5)
    return X, y, w, b, eta, m


def _l_i(w, b, x, y):
    return 0.5 * (w @ x + b - y) ** 2


@family("a-d2l-linreg-sgd-w", "", "term")
def _lr_sgd_w(v, rng):
    X, y, w, b, eta, m = _batch(rng)
    lhs = w - eta / m * sum(grad(lambda w_, i=i: _l_i(w_, b, X[i], y[i]), w)
                            for i in range(m))
    if v == "":
        rhs = w - eta / m * sum(X[i] * (w @ X[i] + b - y[i]) for i in range(m))
    else:
        rhs = w - eta / m * sum((w @ X[i] + b - y[i]) for i in range(m))
    return [close(lhs, rhs)]


@family("a-d2l-linreg-sgd-b", "", "factor")
def _lr_sgd_b(v, rng):
    X, y, w, b, eta, m = _batch(rng)
    lhs = b - eta / m * sum(d1(lambda b_, i=i: _l_i(w, b_, X[i], y[i]), b)
                            for i in range(m))
    k = 1.0 if v == "" else 2.0
    rhs = b - k * eta / m * sum((w @ X[i] + b - y[i]) for i in range(m))
    return [close(lhs, rhs)]


def _onehot(rng, q):
    y = np.zeros(q)
    y[rng.integers(q)] = 1.0
    return y


@family("a-d2l-softmax-ce-expand", "", "sign")
def _sm_expand(v, rng):
    q = 4
    o = rng.normal(size=q)
    y = _onehot(rng, q)
    lse = np.log(np.sum(np.exp(o)))
    loss = -np.sum(y * np.log(softmax(o)))
    e1 = -np.sum(y * np.log(np.exp(o) / np.sum(np.exp(o))))
    e2 = np.sum(y * lse) - np.sum(y * o)
    e3 = lse - np.sum(y * o) if v == "" else lse + np.sum(y * o)
    return [close(loss, e1), close(e1, e2), close(e2, e3)]


@family("a-d2l-softmax-ce-grad", "", "sign", "swapped")
def _sm_grad(v, rng):
    q = 4
    o = rng.normal(size=q)
    y = _onehot(rng, q)
    g = grad(lambda o_: -np.sum(y * np.log(softmax(o_))), o)
    p = np.exp(o) / np.sum(np.exp(o))
    if v == "":
        return [close(g, p - y), close(p - y, softmax(o) - y)]
    if v == "sign":
        return [close(g, y - p), close(y - p, y - softmax(o))]
    yhat = softmax(o)
    return [close(g, softmax(o) - yhat)]


@family("a-d2l-mlp-collapse", "", "order", "term")
def _mlp_collapse(v, rng):
    n, d, h, q = 4, 3, 5, 2
    X = rng.normal(size=(n, d))
    W1, b1 = rng.normal(size=(d, h)), rng.normal(size=(1, h))
    W2, b2 = rng.normal(size=(h, q)), rng.normal(size=(1, q))
    H = X @ W1 + b1
    Out = H @ W2 + b2
    W, b = W1 @ W2, b1 @ W2 + b2

    def e1():
        return (X @ W1 + b1) @ W2 + b2

    e2 = {
        "": lambda: X @ W1 @ W2 + b1 @ W2 + b2,
        "order": lambda: X @ W2 @ W1 + b1 @ W2 + b2,
        "term": lambda: X @ W1 @ W2 + b2,
    }[v]
    return [link(lambda: Out, e1), link(e1, e2), link(e2, lambda: X @ W + b)]


@family("a-d2l-sigmoid-deriv", "", "sign")
def _d2l_sig(v, rng):
    x = rng.normal() * 2
    lhs = d1(lambda t: 1.0 / (1.0 + np.exp(-t)), x)
    e1 = np.exp(-x) / (1 + np.exp(-x)) ** 2
    s = sig(x)
    e2 = s * (1 - s) if v == "" else s * (1 + s)
    return [close(lhs, e1), close(e1, e2)]


@family("a-d2l-tanh-deriv", "", "sign")
def _d2l_tanh(v, rng):
    x = rng.normal()

    def th(t):
        return (1 - np.exp(-2 * t)) / (1 + np.exp(-2 * t))

    rhs = 1 - th(x) ** 2 if v == "" else 1 + th(x) ** 2
    return [close(d1(th, x), rhs)]


@family("a-d2l-backprop-reg-grad", "", "factor")
def _d2l_reg(v, rng):
    lam = rng.uniform(0.1, 2)
    W1, W2 = rng.normal(size=(3, 2)), rng.normal(size=(2, 3))
    g = grad(lambda A: lam / 2 * (np.sum(A ** 2) + np.sum(W2 ** 2)), W1)
    rhs = lam * W1 if v == "" else lam / 2 * W1
    return [close(g, rhs)]


@family("a-d2l-bptt-recurrence", "", "index")
def _rec(v, rng):
    T = 6
    b = rng.normal(size=T + 1)
    c = rng.normal(size=T + 1)
    a = np.zeros(T + 1)
    for t in range(1, T + 1):
        a[t] = b[t] + c[t] * a[t - 1]
    start = 1 if v == "" else 0
    ok = True
    for t in range(1, T + 1):
        closed = b[t] + sum(np.prod(c[i + start:t + 1]) * b[i] for i in range(1, t))
        ok = ok and close(a[t], closed)
    return [ok]


@family("a-d2l-bptt-ht-wh", "", "term")
def _bptt_scalar(v, rng):
    t = 5
    xs = rng.normal(size=t + 1)
    h0 = rng.normal()
    w = rng.uniform(0.3, 1.2)

    def f(x, h, w_):
        return np.tanh(w_ * x + 0.5 * w_ * h + 0.2 * h)

    def H(s, w_):
        h = h0
        for k in range(1, s + 1):
            h = f(xs[k], h, w_)
        return h

    lhs = d1(lambda w_: H(t, w_), w)
    hp = H(t - 1, w)
    fw = d1(lambda w_: f(xs[t], hp, w_), w)
    fh = d1(lambda h_: f(xs[t], h_, w), hp)
    rhs = fw + fh * d1(lambda w_: H(t - 1, w_), w) if v == "" else fw
    return [close(lhs, rhs)]


class RNN:
    """Linear RNN of D2L 9.7.2 with a concrete per-step loss l(o, y)."""

    def __init__(self, rng, T=4, d=2, h=3, q=2):
        self.T, self.d, self.h, self.q = T, d, h, q
        self.Whx = rng.normal(size=(h, d)) * 0.7
        self.Whh = rng.normal(size=(h, h)) * 0.6
        self.Wqh = rng.normal(size=(q, h)) * 0.7
        self.x = rng.normal(size=(T + 1, d))
        self.y = rng.normal(size=(T + 1, q))
        self.h0 = rng.normal(size=h)

    @staticmethod
    def loss(o, y):
        return 0.5 * np.sum((o - y) ** 2) + np.sum(np.sin(o))

    def forward(self, Whx=None, Whh=None, Wqh=None, override=None):
        Whx = self.Whx if Whx is None else Whx
        Whh = self.Whh if Whh is None else Whh
        Wqh = self.Wqh if Wqh is None else Wqh
        hs = {0: self.h0}
        for t in range(1, self.T + 1):
            hs[t] = Whx @ self.x[t] + Whh @ hs[t - 1]
            if override is not None and override[0] == t:
                hs[t] = override[1]
        os_ = {t: Wqh @ hs[t] for t in range(1, self.T + 1)}
        L = sum(self.loss(os_[t], self.y[t]) for t in range(1, self.T + 1)) / self.T
        return hs, os_, L

    def dL_do(self, t):
        hs, os_, _ = self.forward()
        others = sum(self.loss(os_[s], self.y[s]) for s in range(1, self.T + 1) if s != t)
        return grad(lambda o: (others + self.loss(o, self.y[t])) / self.T, os_[t])

    def dl_do(self, t):
        _, os_, _ = self.forward()
        return grad(lambda o: self.loss(o, self.y[t]), os_[t])

    def dL_dh(self, t):
        hs, _, _ = self.forward()
        return grad(lambda hv: self.forward(override=(t, hv))[2], hs[t])


@family("a-d2l-bptt-L-ot", "", "factor")
def _bptt_lot(v, rng):
    net = RNN(rng)
    t = int(rng.integers(1, net.T + 1))
    rhs = net.dl_do(t) / net.T if v == "" else net.dl_do(t)
    return [close(net.dL_do(t), rhs)]


def _bptt_expanded(net, t, transpose=True):
    A = net.Whh.T if transpose else net.Whh
    T = net.T
    return sum(np.linalg.matrix_power(A, T - i) @ net.Wqh.T @ net.dL_do(T + t - i)
               for i in range(t, T + 1))


@family("a-d2l-bptt-L-ht-expanded", "", "transpose")
def _bptt_exp(v, rng):
    net = RNN(rng)
    return [all(close(net.dL_dh(t), _bptt_expanded(net, t, v == ""))
                for t in range(1, net.T + 1))]


# =========================================================================== CS231n
@family("a-cs-mul-grad", "", "swapped")
def _cs_mul(v, rng):
    x, y = rng.normal(size=2)
    lhs = d1(lambda t: t * y, x)
    return [close(lhs, y if v == "" else x)]


@family("a-cs-mul-numeric", "", "swapped")
def _cs_mul_num(v, rng):
    x, y = 4.0, -3.0
    lhs = d1(lambda t: t * y, x)
    return [close(lhs, -3.0 if v == "" else 4.0)]


@family("a-cs-mul-value", "")
def _cs_mul_val(v, rng):
    return [close(4.0 * -3.0, -12.0)]


@family("a-cs-add-grad", "")
def _cs_add(v, rng):
    x, y = rng.normal(size=2)
    return [close(d1(lambda t: x + t, y), 1.0)]


@family("a-cs-max-grad", "", "swapped")
def _cs_max(v, rng):
    x = rng.normal()
    y = x + away_from_zero(rng)
    lhs = d1(lambda t: max(t, y), x)
    rhs = float(x >= y) if v == "" else float(x <= y)
    return [close(lhs, rhs)]


@family("a-cs-recip-grad", "", "sign")
def _cs_recip(v, rng):
    x = away_from_zero(rng)
    rhs = -1 / x ** 2 if v == "" else 1 / x ** 2
    return [close(d1(lambda t: 1 / t, x), rhs)]


@family("a-cs-scale-grad", "", "swapped")
def _cs_scale(v, rng):
    a, x = rng.normal(size=2)
    return [close(d1(lambda t: a * t, x), a if v == "" else x)]


@family("a-cs-sigmoid-chain", "", "sign")
def _cs_sig(v, rng):
    x = rng.normal() * 2
    ex = np.exp(-x)
    lhs = d1(sig, x)
    e1 = ex / (1 + ex) ** 2 if v == "" else -ex / (1 + ex) ** 2
    e2 = ((1 + ex - 1) / (1 + ex)) * (1 / (1 + ex))
    e3 = (1 - sig(x)) * sig(x)
    return [close(lhs, e1), close(e1, e2), close(e2, e3)]


@family("a-cs-sigmoid-local-numeric", "", "term")
def _cs_sig_num(v, rng):
    return [rounds_to((1 - 0.73) * 0.73, "0.2" if v == "" else "0.27")]


def _svm_setup(rng, K=4, D=3, delta=1.0):
    while True:
        W = rng.normal(size=(K, D))
        x = rng.normal(size=D)
        yi = int(rng.integers(K))
        m = W @ x - W[yi] @ x + delta
        m[yi] = 1.0
        if np.all(np.abs(m) > 0.05):
            return W, x, yi, delta


def _svm_loss(W, x, yi, delta):
    s = W @ x
    return sum(max(0.0, s[j] - s[yi] + delta) for j in range(W.shape[0]) if j != yi)


@family("a-cs-svm-grad-wyi", "", "sign")
def _svm_wyi(v, rng):
    W, x, yi, delta = _svm_setup(rng)

    def f(row):
        W2 = W.copy()
        W2[yi] = row
        return _svm_loss(W2, x, yi, delta)

    g = grad(f, W[yi])
    cnt = sum(float(W[j] @ x - W[yi] @ x + delta > 0) for j in range(W.shape[0]) if j != yi)
    rhs = -cnt * x if v == "" else cnt * x
    return [close(g, rhs)]


@family("a-cs-svm-grad-wj", "", "swapped")
def _svm_wj(v, rng):
    W, x, yi, delta = _svm_setup(rng)
    j = (yi + 1 + int(rng.integers(W.shape[0] - 1))) % W.shape[0]

    def f(row):
        W2 = W.copy()
        W2[j] = row
        return _svm_loss(W2, x, yi, delta)

    g = grad(f, W[j])
    if v == "":
        ind = float(W[j] @ x - W[yi] @ x + delta > 0)
    else:
        ind = float(W[yi] @ x - W[j] @ x + delta > 0)
    return [close(g, ind * x)]


@family("a-cs-svm-numeric", "", "swapped")
def _svm_num(v, rng):
    s = [13.0, -7.0, 11.0]
    yi, delta = 0, 10.0
    lhs = sum(max(0.0, s[j] - s[yi] + delta) for j in range(3) if j != yi)
    if v == "":
        rhs = max(0, -7 - 13 + 10) + max(0, 11 - 13 + 10)
    else:
        rhs = max(0, 13 - (-7) + 10) + max(0, 13 - 11 + 10)
    return [close(lhs, rhs)]


@family("a-cs-softmax-loss-equiv", "", "sign")
def _cs_sm_equiv(v, rng):
    f = rng.normal(size=4)
    yi = int(rng.integers(4))
    L = -np.log(np.exp(f[yi]) / np.sum(np.exp(f)))
    lse = np.log(np.sum(np.exp(f)))
    rhs = -f[yi] + lse if v == "" else f[yi] - lse
    return [close(L, rhs)]


@family("a-cs-softmax-shift", "", "term")
def _cs_shift(v, rng):
    f = rng.normal(size=4)
    yi = int(rng.integers(4))
    C = rng.uniform(0.05, 0.8)
    e1 = np.exp(f[yi]) / np.sum(np.exp(f))
    e2 = C * np.exp(f[yi]) / (C * np.sum(np.exp(f)))
    if v == "":
        e3 = np.exp(f[yi] + np.log(C)) / np.sum(np.exp(f + np.log(C)))
    else:
        e3 = np.exp(f[yi] + np.log(C)) / np.sum(np.exp(f))
    return [close(e1, e2), close(e2, e3)]


def _vec_rounds(values, printed):
    return all(rounds_to(a, p) for a, p in zip(values, printed, strict=True))


@family("a-cs-softmax-exp-numeric", "", "sign")
def _cs_exp_num(v, rng):
    vals = [np.exp(1), np.exp(-2), np.exp(0)]
    printed = ["2.71", "0.14", "1"] if v == "" else ["2.71", "7.39", "1"]
    return [_vec_rounds(vals, printed)]


@family("a-cs-softmax-exp-numeric-half", "", "sign")
def _cs_exp_num_half(v, rng):
    vals = [np.exp(0.5), np.exp(-1), np.exp(0)]
    printed = ["1.65", "0.37", "1"] if v == "" else ["1.65", "2.72", "1"]
    return [_vec_rounds(vals, printed)]


@family("a-cs-case-softmax-grad", "", "sign", "index")
def _cs_case_grad(v, rng):
    K = 4
    f = rng.normal(size=K)
    yi = int(rng.integers(K))
    g = grad(lambda f_: -np.log(np.exp(f_[yi]) / np.sum(np.exp(f_))), f)
    p = np.exp(f) / np.sum(np.exp(f))
    ind = (np.arange(K) == yi).astype(float)
    rhs = {"": p - ind, "sign": ind - p, "index": p[yi] - ind}[v]
    return [close(g, rhs)]


@family("a-cs-case-reg-grad", "", "factor")
def _cs_case_reg(v, rng):
    lam, w = rng.uniform(0.1, 2), rng.normal()
    lhs = d1(lambda t: 0.5 * lam * t ** 2, w)
    return [close(lhs, lam * w if v == "" else 0.5 * lam * w)]


@family("a-cs-case-relu-grad", "", "sign")
def _cs_relu(v, rng):
    x = away_from_zero(rng)
    lhs = d1(lambda t: max(0.0, t), x)
    return [close(lhs, float(x > 0) if v == "" else float(x < 0))]


# =========================================================================== Nielsen ch. 2
def _quad(a, y):
    return 0.5 * np.sum((y - a) ** 2)


def _last_layer(rng, n_in=3, n_out=2):
    a_prev = rng.normal(size=n_in)
    w = rng.normal(size=(n_out, n_in))
    b = rng.normal(size=n_out)
    y = rng.uniform(0, 1, size=n_out)
    return a_prev, w, b, y


@family("a-nielsen-bp1", "", "sigma-prime")
def _bp1(v, rng):
    a_prev, w, b, y = _last_layer(rng)
    z = w @ a_prev + b
    delta = grad(lambda z_: _quad(sig(z_), y), z)
    dCda = grad(lambda a_: _quad(a_, y), sig(z))
    rhs = dCda * (dsig(z) if v == "" else sig(z))
    return [close(delta, rhs)]


@family("a-nielsen-bp1-quadratic", "", "sign")
def _bp1q(v, rng):
    a_prev, w, b, y = _last_layer(rng)
    z = w @ a_prev + b
    a = sig(z)
    delta = grad(lambda z_: _quad(sig(z_), y), z)
    rhs = (a - y) * dsig(z) if v == "" else (y - a) * dsig(z)
    return [close(delta, rhs)]


@family("a-nielsen-dC-daL", "", "sign")
def _dCda_quad(v, rng):
    a = rng.uniform(0, 1, size=3)
    y = rng.uniform(0, 1, size=3)
    g = grad(lambda a_: _quad(a_, y), a)
    return [close(g, a - y if v == "" else y - a)]


class TwoLayer:
    """Layers l and l+1 of Nielsen's network, quadratic cost on layer l+1's activation."""

    def __init__(self, rng, n_prev=4, n_l=4, n_next=3):
        self.a_prev = rng.uniform(0, 1, size=n_prev)
        self.w = rng.normal(size=(n_l, n_prev))
        self.b = rng.normal(size=n_l)
        self.w_next = rng.normal(size=(n_next, n_l))
        self.b_next = rng.normal(size=n_next)
        self.y = rng.uniform(0, 1, size=n_next)

    def z(self, w=None, b=None):
        w = self.w if w is None else w
        b = self.b if b is None else b
        return w @ self.a_prev + b

    def cost_from_znext(self, z_next):
        return _quad(sig(z_next), self.y)

    def z_next(self, z_l):
        return self.w_next @ sig(z_l) + self.b_next

    def cost_from_z(self, z_l):
        return self.cost_from_znext(self.z_next(z_l))

    def delta(self):
        return grad(self.cost_from_z, self.z())

    def delta_next(self):
        return grad(self.cost_from_znext, self.z_next(self.z()))


@family("a-nielsen-bp2", "", "transpose", "sigma-prime")
def _bp2(v, rng):
    net = TwoLayer(rng)
    zl, dn = net.z(), net.delta_next()
    rhs = {
        "": lambda: (net.w_next.T @ dn) * dsig(zl),
        "transpose": lambda: (net.w_next @ dn) * dsig(zl),
        "sigma-prime": lambda: (net.w_next.T @ dn) * sig(zl),
    }[v]
    return [link(net.delta, rhs)]


@family("a-nielsen-bp3", "", "term")
def _bp3(v, rng):
    net = TwoLayer(rng)
    g = grad(lambda b_: net.cost_from_z(net.z(b=b_)), net.b)
    rhs = net.delta() if v == "" else net.a_prev * net.delta()
    return [close(g, rhs)]


@family("a-nielsen-bp4", "", "index", "layer")
def _bp4(v, rng):
    net = TwoLayer(rng)
    g = grad(lambda w_: net.cost_from_z(net.z(w=w_)), net.w)
    dl = net.delta()
    rhs = {
        "": np.outer(dl, net.a_prev),
        "index": np.outer(net.a_prev, dl),
        "layer": np.outer(dl, sig(net.z())),
    }[v]
    return [close(g, rhs)]


@family("a-nielsen-eq44", "", "index")
def _eq44(v, rng):
    net = TwoLayer(rng, n_next=4)
    zl = net.z()
    n = len(zl)
    J = np.array([grad(lambda z_, k=k: net.z_next(z_)[k], zl) for k in range(n)])
    W = net.w_next if v == "" else net.w_next.T
    rhs = W * dsig(zl)[None, :]
    return [close(J, rhs)]


@family("a-nielsen-eq45", "", "index")
def _eq45(v, rng):
    net = TwoLayer(rng, n_next=4)
    zl, dn = net.z(), net.delta_next()
    if v == "":
        rhs = np.array([sum(net.w_next[k, j] * dn[k] * dsig(zl[j]) for k in range(4))
                        for j in range(4)])
    else:
        zn = net.z_next(zl)
        rhs = np.array([sum(net.w_next[k, j] * dn[k] * dsig(zn[k]) for k in range(4))
                        for j in range(4)])
    return [close(net.delta(), rhs)]


@family("a-nielsen-vectorize", "", "factor")
def _vectorize(v, rng):
    def f(x):
        return np.asarray(x, dtype=float) ** 2

    printed = [4, 9] if v == "" else [4, 6]
    return [close(f([2, 3]), [f(2), f(3)]), close([f(2), f(3)], printed)]


@family("a-nielsen-hadamard", "", "index")
def _hadamard(v, rng):
    s, t = np.array([1.0, 2.0]), np.array([3.0, 4.0])
    mid = [1 * 3, 2 * 4] if v == "" else [1 * 4, 2 * 3]
    last = [3, 8] if v == "" else [4, 6]
    return [close(s * t, mid), close(mid, last)]


# =========================================================================== Nielsen ch. 3
@family("a-nielsen-toy-dCdw", "", "sign")
def _toy_w(v, rng):
    w, b = rng.normal(size=2) * 1.5
    x, y = 1.0, 0.0
    lhs = d1(lambda w_: (y - sig(w_ * x + b)) ** 2 / 2, w)
    z = w * x + b
    a = sig(z)
    if v == "":
        e1, e2 = (a - y) * dsig(z) * x, a * dsig(z)
    else:
        e1, e2 = (y - a) * dsig(z) * x, -a * dsig(z)
    return [close(lhs, e1), close(e1, e2)]


@family("a-nielsen-toy-dCdb", "", "sigma-prime")
def _toy_b(v, rng):
    w, b = rng.normal(size=2) * 1.5
    x, y = 1.0, 0.0
    lhs = d1(lambda b_: (y - sig(w * x + b_)) ** 2 / 2, b)
    z = w * x + b
    a = sig(z)
    sp_ = dsig(z) if v == "" else sig(z)
    return [close(lhs, (a - y) * sp_), close((a - y) * sp_, a * sp_)]


class Neuron:
    """Single sigmoid neuron with n training inputs, cross-entropy cost (Nielsen eq. 57)."""

    def __init__(self, rng, n=5, m=3):
        self.n = n
        self.X = rng.normal(size=(n, m))
        self.y = rng.uniform(0, 1, size=n)
        self.w = rng.normal(size=m) * 0.7
        self.b = rng.normal() * 0.7

    def cost(self, w, b):
        a = sig(self.X @ w + b)
        return -np.mean(self.y * np.log(a) + (1 - self.y) * np.log(1 - a))

    def z(self):
        return self.X @ self.w + self.b


@family("a-nielsen-ce-dw-common", "", "sign")
def _ce_common(v, rng):
    nr = Neuron(rng)
    g = grad(lambda w_: nr.cost(w_, nr.b), nr.w)
    z = nr.z()
    s = sig(z)
    err = s - nr.y if v == "" else nr.y - s
    rhs = np.mean((dsig(z) / (s * (1 - s)) * err)[:, None] * nr.X, axis=0)
    return [close(g, rhs)]


@family("a-nielsen-ce-dw", "", "factor")
def _ce_dw(v, rng):
    nr = Neuron(rng)
    g = grad(lambda w_: nr.cost(w_, nr.b), nr.w)
    tot = np.sum((sig(nr.z()) - nr.y)[:, None] * nr.X, axis=0)
    return [close(g, tot / nr.n if v == "" else tot)]


@family("a-nielsen-ce-db", "", "term")
def _ce_db(v, rng):
    nr = Neuron(rng)
    g = d1(lambda b_: nr.cost(nr.w, b_), nr.b)
    err = sig(nr.z()) - nr.y
    if v == "":
        return [close(g, np.mean(err))]
    per_j = np.mean(err[:, None] * nr.X, axis=0)
    return [all(close(g, pj) for pj in per_j)]


class OutputLayer:
    """Output layer L over n training examples (Nielsen eqs. 65, 67, 70)."""

    def __init__(self, rng, n=4, n_in=3, n_out=2):
        self.n = n
        self.A = rng.uniform(0, 1, size=(n, n_in))
        self.Y = rng.uniform(0, 1, size=(n, n_out))
        self.w = rng.normal(size=(n_out, n_in))
        self.b = rng.normal(size=n_out)

    def Z(self, w=None, b=None):
        w = self.w if w is None else w
        b = self.b if b is None else b
        return self.A @ w.T + b


@family("a-nielsen-quad-dwL", "", "sigma-prime")
def _quad_dwL(v, rng):
    ol = OutputLayer(rng)
    g = grad(lambda w_: np.sum((ol.Y - sig(ol.Z(w=w_))) ** 2) / (2 * ol.n), ol.w)
    Z = ol.Z()
    fac = dsig(Z) if v == "" else sig(Z)
    rhs = sum(np.outer((sig(Z[i]) - ol.Y[i]) * fac[i], ol.A[i]) for i in range(ol.n)) / ol.n
    return [close(g, rhs)]


@family("a-nielsen-ce-dwL", "", "term")
def _ce_dwL(v, rng):
    ol = OutputLayer(rng)

    def cost(w_):
        a = sig(ol.Z(w=w_))
        return -np.sum(ol.Y * np.log(a) + (1 - ol.Y) * np.log(1 - a)) / ol.n

    g = grad(cost, ol.w)
    Z = ol.Z()
    fac = np.ones_like(Z) if v == "" else dsig(Z)
    rhs = sum(np.outer((sig(Z[i]) - ol.Y[i]) * fac[i], ol.A[i]) for i in range(ol.n)) / ol.n
    return [close(g, rhs)]


@family("a-nielsen-linear-dbL", "", "factor")
def _lin_dbL(v, rng):
    ol = OutputLayer(rng)
    g = grad(lambda b_: np.sum((ol.Y - ol.Z(b=b_)) ** 2) / (2 * ol.n), ol.b)
    tot = np.sum(ol.Z() - ol.Y, axis=0)
    return [close(g, tot / ol.n if v == "" else tot / (2 * ol.n))]


@family("a-nielsen-dCda", "", "sign")
def _ce_dCda(v, rng):
    a, y = rng.uniform(0.05, 0.95, size=2)
    lhs = d1(lambda a_: -(y * np.log(a_) + (1 - y) * np.log(1 - a_)), a)
    num = a - y if v == "" else y - a
    return [close(lhs, num / (a * (1 - a)))]


def _c0(w, u):
    return np.sum(np.sin(w)) + (w @ u) ** 2


@family("a-nielsen-l2-grad", "", "factor")
def _l2(v, rng):
    w, u = rng.normal(size=3), rng.normal(size=3)
    lam, n = rng.uniform(0.1, 3), 7
    g = grad(lambda w_: _c0(w_, u) + lam / (2 * n) * np.sum(w_ ** 2), w)
    g0 = grad(lambda w_: _c0(w_, u), w)
    k = lam / n if v == "" else lam / (2 * n)
    return [close(g, g0 + k * w)]


@family("a-nielsen-l2-update", "", "sign")
def _l2_update(v, rng):
    w, g0 = rng.normal(size=2)
    eta, lam, n = rng.uniform(0.01, 1), rng.uniform(0.1, 3), 11
    lhs = w - eta * g0 - eta * lam / n * w
    k = (1 - eta * lam / n) if v == "" else (1 + eta * lam / n)
    return [close(lhs, k * w - eta * g0)]


@family("a-nielsen-l1-grad", "", "factor")
def _l1(v, rng):
    w, u = away_from_zero(rng, size=3), rng.normal(size=3)
    lam, n = rng.uniform(0.1, 3), 7
    g = grad(lambda w_: _c0(w_, u) + lam / n * np.sum(np.abs(w_)), w)
    g0 = grad(lambda w_: _c0(w_, u), w)
    k = lam / n if v == "" else lam / (2 * n)
    return [close(g, g0 + k * np.sign(w))]


# =========================================================================== ML Glossary
@family("a-mlg-sigmoid-prime", "", "term")
def _mlg_sig(v, rng):
    z = rng.normal() * 2
    s = 1 / (1 + np.exp(-z))
    lhs = d1(lambda t: 1 / (1 + np.exp(-t)), z)
    return [close(lhs, s * (1 - s) if v == "" else (1 - s))]


@family("a-mlg-tanh-prime", "", "sign")
def _mlg_tanh(v, rng):
    z = rng.normal()

    def th(t):
        return (np.exp(t) - np.exp(-t)) / (np.exp(t) + np.exp(-t))

    rhs = 1 - th(z) ** 2 if v == "" else th(z) ** 2 - 1
    return [close(d1(th, z), rhs)]


def _piecewise(z, pos, neg):
    return pos if z > 0 else neg


@family("a-mlg-relu-prime", "", "swapped")
def _mlg_relu(v, rng):
    z = away_from_zero(rng)
    lhs = d1(lambda t: _piecewise(t, t, 0.0), z)
    rhs = _piecewise(z, 1.0, 0.0) if v == "" else _piecewise(z, 0.0, 1.0)
    return [close(lhs, rhs)]


@family("a-mlg-leakyrelu-prime", "", "term")
def _mlg_leaky(v, rng):
    z = away_from_zero(rng)
    al = rng.uniform(0.01, 0.3)
    lhs = d1(lambda t: _piecewise(t, t, al * t), z)
    rhs = _piecewise(z, 1.0, al) if v == "" else _piecewise(z, 1.0, al * z)
    return [close(lhs, rhs)]


@family("a-mlg-elu-prime", "", "term")
def _mlg_elu(v, rng):
    z = away_from_zero(rng)
    al = rng.uniform(0.2, 1.5)
    lhs = d1(lambda t: _piecewise(t, t, al * (np.exp(t) - 1)), z)
    if v == "":
        rhs = _piecewise(z, 1.0, al * np.exp(z))
    else:
        rhs = _piecewise(z, 1.0, al * (np.exp(z) - 1))
    return [close(lhs, rhs)]


X_, Z_, C_ = sp.symbols("x z C")
F_XZ = 2 * Z_ ** 3 * X_ ** 2


def _sym_eq(a, b):
    return sp.simplify(a - b) == 0


@family("a-mlg-partial-x", "", "factor")
def _mlg_px(v, rng):
    d = sp.diff(F_XZ, X_)
    e1 = 2 * (2 * Z_ ** 3) * X_ if v == "" else (2 * Z_ ** 3) * X_
    e2 = 4 * Z_ ** 3 * X_ if v == "" else 2 * Z_ ** 3 * X_
    return [_sym_eq(d, e1), _sym_eq(e1, e2)]


@family("a-mlg-partial-z", "", "factor")
def _mlg_pz(v, rng):
    rhs = 6 * X_ ** 2 * Z_ ** 2 if v == "" else 3 * X_ ** 2 * Z_ ** 2
    return [_sym_eq(sp.diff(F_XZ, Z_), rhs)]


@family("a-mlg-gradient", "", "order")
def _mlg_grad(v, rng):
    g = sp.Matrix([sp.diff(F_XZ, X_), sp.diff(F_XZ, Z_)])
    vec = [4 * Z_ ** 3 * X_, 6 * X_ ** 2 * Z_ ** 2]
    rhs = sp.Matrix(vec if v == "" else vec[::-1])
    return [True, sp.simplify(g - rhs) == sp.zeros(2, 1)]


@family("a-mlg-chain-sin", "", "factor")
def _mlg_chain(v, rng):
    x = X_
    d = sp.diff(sp.sin((4 * x) ** 2), x)
    if v == "":
        es = [sp.cos((4 * x) ** 2) * 2 * (4 * x) * 4, sp.cos(16 * x ** 2) * 8 * x * 4,
              sp.cos(16 * x ** 2) * 32 * x]
    else:
        es = [sp.cos((4 * x) ** 2) * 2 * (4 * x), sp.cos(16 * x ** 2) * 8 * x,
              sp.cos(16 * x ** 2) * 8 * x]
    return [_sym_eq(d, es[0]), _sym_eq(es[0], es[1]), _sym_eq(es[1], es[2])]


@family("a-mlg-antiderivative-check", "", "factor")
def _mlg_anti(v, rng):
    d = sp.diff(sp.Rational(1, 3) * X_ ** 3 + C_, X_)
    rhs = X_ ** 2 if v == "" else sp.Rational(1, 3) * X_ ** 2
    return [_sym_eq(d, rhs)]


# =========================================================================== documents
class MLP:
    """One-hidden-layer MLP of D2L 5.3 with phi = tanh and a softmax cross-entropy loss."""

    def __init__(self, rng, d=3, h=4, q=3):
        self.x = rng.normal(size=d)
        self.W1 = rng.normal(size=(h, d)) * 0.7
        self.W2 = rng.normal(size=(q, h)) * 0.7
        self.y = int(rng.integers(q))
        self.lam = rng.uniform(0.1, 1.0)

    def loss(self, o):
        return -np.log(softmax(o)[self.y])

    def s(self, W1=None, W2=None):
        W1 = self.W1 if W1 is None else W1
        W2 = self.W2 if W2 is None else W2
        return self.lam / 2 * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

    def J(self, W1=None, W2=None):
        W1 = self.W1 if W1 is None else W1
        W2 = self.W2 if W2 is None else W2
        return self.loss(W2 @ np.tanh(W1 @ self.x)) + self.s(W1, W2)

    def parts(self):
        z = self.W1 @ self.x
        h = np.tanh(z)
        o = self.W2 @ h
        return z, h, o


def _doc_d2l_backprop(mutated, rng):
    m = MLP(rng)
    z, h, o = m.parts()
    sW1 = m.s()
    dLdo = grad(m.loss, o)
    dJdo = grad(lambda o_: m.loss(o_) + sW1, o)
    dJdh = grad(lambda h_: m.loss(m.W2 @ h_) + sW1, h)
    dJdz = grad(lambda z_: m.loss(m.W2 @ np.tanh(z_)) + sW1, z)
    dsdW1 = grad(lambda A: m.s(W1=A), m.W1)
    dsdW2 = grad(lambda A: m.s(W2=A), m.W2)
    dJdW1 = grad(lambda A: m.J(W1=A), m.W1)
    dJdW2 = grad(lambda A: m.J(W2=A), m.W2)
    L_, s_ = m.loss(o), sW1
    dJdL = d1(lambda t: t + s_, L_)
    dJds = d1(lambda t: L_ + t, s_)
    k2 = 2 * m.lam if mutated else m.lam
    prod_o = 1.0 * dLdo
    prod_w2 = np.outer(dJdo, h) + 1.0 * (m.lam * m.W2)
    prod_h = m.W2.T @ dJdo
    hid = (lambda: m.W2 @ dJdo) if mutated else (lambda: m.W2.T @ dJdo)
    prod_z = dJdh * (1 - np.tanh(z) ** 2)
    prod_w1 = np.outer(dJdz, m.x) + 1.0 * (m.lam * m.W1)
    return [
        None, None, None, None, None, None,
        [close(dJdL, 1.0)],
        [close(dJds, 1.0)],
        [close(dJdo, prod_o), close(prod_o, dLdo)],
        [close(dsdW1, m.lam * m.W1)],
        [close(dsdW2, k2 * m.W2)],
        [close(dJdW2, prod_w2), close(prod_w2, np.outer(dJdo, h) + m.lam * m.W2)],
        [close(dJdh, prod_h), link(lambda: prod_h, hid)],
        [close(dJdz, prod_z), close(prod_z, dJdh * (1 - np.tanh(z) ** 2))],
        [close(dJdW1, prod_w1), close(prod_w1, np.outer(dJdz, m.x) + m.lam * m.W1)],
    ]


def _doc_d2l_bptt(rng):
    net = RNN(rng)
    T = net.T
    hs, _, _ = net.forward()
    dLdo = {t: net.dL_do(t) for t in range(1, T + 1)}
    dLdh = {t: net.dL_dh(t) for t in range(1, T + 1)}
    g_qh = grad(lambda W: net.forward(Wqh=W)[2], net.Wqh)
    g_hx = grad(lambda W: net.forward(Whx=W)[2], net.Whx)
    g_hh = grad(lambda W: net.forward(Whh=W)[2], net.Whh)
    prod_qh = sum(np.outer(dLdo[t], hs[t]) for t in range(1, T + 1))
    prod_hx = sum(np.outer(dLdh[t], net.x[t]) for t in range(1, T + 1))
    prod_hh = sum(np.outer(dLdh[t], hs[t - 1]) for t in range(1, T + 1))
    rec_ok = [True, True]
    for t in range(1, T):
        prod_rec = net.Whh.T @ dLdh[t + 1] + net.Wqh.T @ dLdo[t]
        rec_ok[0] = rec_ok[0] and close(dLdh[t], prod_rec)
        rec_ok[1] = rec_ok[1] and close(prod_rec, net.Whh.T @ dLdh[t + 1] + net.Wqh.T @ dLdo[t])
    lot = all(close(dLdo[t], net.dl_do(t) / T) for t in range(1, T + 1))
    expd = all(close(dLdh[t], _bptt_expanded(net, t)) for t in range(1, T + 1))
    return [
        None, None, None,
        [lot],
        [close(g_qh, prod_qh), close(prod_qh, sum(np.outer(dLdo[t], hs[t])
                                                   for t in range(1, T + 1)))],
        [close(dLdh[T], net.Wqh.T @ dLdo[T]), True],
        rec_ok,
        [expd],
        [close(g_hx, prod_hx), True],
        [close(g_hh, prod_hh), True],
    ]


def _doc_nielsen_proof(rng):
    net = TwoLayer(rng, n_next=4)
    zl = net.z()
    # layer l+1 plays the output layer L for BP1
    zL = net.z_next(zl)
    aL = sig(zL)
    deltaL = grad(net.cost_from_znext, zL)
    dCda = grad(lambda a_: _quad(a_, net.y), aL)
    JaL = np.array([grad(lambda z_, k=k: sig(z_)[k], zL) for k in range(len(zL))])
    e37 = np.array([sum(dCda[k] * JaL[k, j] for k in range(len(zL))) for j in range(len(zL))])
    e38 = dCda * np.diag(JaL)
    e39 = dCda * dsig(zL)
    dl = net.delta()
    dn = net.delta_next()
    Jz = np.array([grad(lambda z_, k=k: net.z_next(z_)[k], zl) for k in range(len(zL))])
    e41 = np.array([sum(dn[k] * Jz[k, j] for k in range(len(zL))) for j in range(len(zl))])
    e42 = np.array([sum(Jz[k, j] * dn[k] for k in range(len(zL))) for j in range(len(zl))])
    e43a = net.w_next @ sig(zl) + net.b_next
    e43b = np.array([sum(net.w_next[k, j] * sig(zl[j]) for j in range(len(zl))) + net.b_next[k]
                     for k in range(len(zL))])
    e44 = net.w_next * dsig(zl)[None, :]
    e45 = np.array([sum(net.w_next[k, j] * dn[k] * dsig(zl[j]) for k in range(len(zL)))
                    for j in range(len(zl))])
    return [
        None, None,
        [close(deltaL, grad(net.cost_from_znext, zL))],
        [close(deltaL, e37)],
        [close(deltaL, e38)],
        [close(deltaL, e39)],
        [close(dl, grad(net.cost_from_z, zl)), close(dl, e41), close(e41, e42)],
        [close(zL, e43a), close(e43a, e43b)],
        [close(Jz, e44)],
        [close(dl, e45)],
    ]


def _doc_nielsen_ce(rng):
    res = [None]
    w, b = rng.normal(size=2) * 1.5
    x, y = 1.0, 0.0
    z = w * x + b
    a = sig(z)
    gw = d1(lambda w_: (y - sig(w_ * x + b)) ** 2 / 2, w)
    gb = d1(lambda b_: (y - sig(w * x + b_)) ** 2 / 2, b)
    res.append([close(gw, (a - y) * dsig(z) * x), close((a - y) * dsig(z) * x, a * dsig(z))])
    res.append([close(gb, (a - y) * dsig(z)), close((a - y) * dsig(z), a * dsig(z))])
    res.append(None)
    nr = Neuron(rng)
    g = grad(lambda w_: nr.cost(w_, nr.b), nr.w)
    zz = nr.z()
    s = sig(zz)
    ratio = nr.y / s - (1 - nr.y) / (1 - s)
    dsig_dw = np.array([grad(lambda w_, i=i: sig(nr.X[i] @ w_ + nr.b), nr.w)
                        for i in range(nr.n)])
    e1 = -np.mean(ratio[:, None] * dsig_dw, axis=0)
    e2 = -np.mean((ratio * dsig(zz))[:, None] * nr.X, axis=0)
    res.append([close(g, e1), close(e1, e2)])
    e60 = np.mean((dsig(zz) / (s * (1 - s)) * (s - nr.y))[:, None] * nr.X, axis=0)
    res.append([close(g, e60)])
    res.append([close(g, np.mean((s - nr.y)[:, None] * nr.X, axis=0))])
    gb2 = d1(lambda b_: nr.cost(nr.w, b_), nr.b)
    res.append([close(gb2, np.mean(s - nr.y))])
    return res


DOCS = {
    "d2l-backprop": lambda rng: _doc_d2l_backprop(False, rng),
    "d2l-backprop-mutated": lambda rng: _doc_d2l_backprop(True, rng),
    "d2l-bptt": _doc_d2l_bptt,
    "nielsen-bp-proof": _doc_nielsen_proof,
    "nielsen-cross-entropy": _doc_nielsen_ce,
}


# --------------------------------------------------------------------------- runners
def parse_claims(path):
    ids, expects = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- id: (\S+)\s*$", line)
        if m:
            ids.append(m.group(1))
        m = re.match(r"^  expect: (valid|invalid)\s*$", line)
        if m:
            expects.append(m.group(1))
    if len(ids) != len(expects):
        raise SystemExit("claims.yaml: could not pair ids with expect fields")
    return list(zip(ids, expects, strict=True))


def parse_links(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^  - line: (\d+)\s*$", line)
        if m:
            out.append([int(m.group(1)), None])
        m = re.match(r"^    expect: \[(.*)\]\s*$", line)
        if m:
            out[-1][1] = [e.strip() for e in m.group(1).split(",")]
    return out


def run_trials(fn, n=TRIALS):
    rng = np.random.default_rng(SEED)
    acc = None
    for _ in range(n):
        res = fn(rng)
        if acc is None:
            acc = [list(r) if r is not None else None for r in res] if _nested(res) else list(res)
        elif _nested(res):
            for i, r in enumerate(res):
                if r is not None:
                    acc[i] = [p and q for p, q in zip(acc[i], r, strict=True)]
        else:
            acc = [p and q for p, q in zip(acc, res, strict=True)]
    return acc


def _nested(res):
    return any(r is None or isinstance(r, list) for r in res)


def main():
    confirmed = failed = 0
    for cid, expect in parse_claims(HERE / "claims.yaml"):
        if cid not in CLAIMS:
            print(f"FAIL  {cid}: no checker")
            failed += 1
            continue
        fn, variant = CLAIMS[cid]
        links = run_trials(lambda rng, fn=fn, variant=variant: fn(variant, rng))
        holds = all(links)
        ok = holds if expect == "valid" else not holds
        tag = "ok  " if ok else "FAIL"
        print(f"{tag}  claim {cid}: expect={expect} links={['T' if x else 'F' for x in links]}")
        confirmed += ok
        failed += not ok
    for name, fn in DOCS.items():
        spec = parse_links(HERE / "docs" / f"{name}.expect.yaml")
        got = run_trials(fn)
        if len(got) != len(spec):
            print(f"FAIL  doc {name}: {len(spec)} links in expect.yaml, {len(got)} checks")
            failed += 1
            continue
        for (line, exp), res in zip(spec, got, strict=True):
            if all(e == "definition" for e in exp):
                continue
            if res is None or len(res) != len(exp):
                print(f"FAIL  doc {name}:{line}: link count mismatch")
                failed += 1
                continue
            want = [e == "valid" for e in exp]
            ok = want == list(res)
            tag = "ok  " if ok else "FAIL"
            print(f"{tag}  doc {name}:{line}: expect={exp} got={['T' if x else 'F' for x in res]}")
            confirmed += ok
            failed += not ok
    print(f"{confirmed} confirmed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
