"""Independent numeric confirmation of the part-l blind corpus.

Every claim of claims.yaml and every valid/invalid link of docs/*.expect.yaml is coded by hand
below as NumPy functions of the two sides of each relation link; derivatives are checked by
central finite differences at random points. A relation chain is 'valid' when every link holds,
'invalid' when at least one link fails. Only NumPy is used (no LaTeX is parsed); the YAML files
are read with a few regular expressions to get ids, line numbers and expected verdicts.
"""

import pathlib
import re
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20240611)
H = 1e-6


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def dsig(z):
    s = sig(z)
    return s * (1.0 - s)


def relu(z):
    return np.maximum(0.0, z)


def d1(f, x, h=H):
    """Central difference of a scalar function of a scalar."""
    return (f(x + h) - f(x - h)) / (2 * h)


def grad(f, x, h=H):
    """Central-difference gradient of a scalar function of a vector."""
    x = np.asarray(x, dtype=float)
    g = np.zeros_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = h
        g.flat[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def hess(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    out = np.zeros((n, n))
    for i in range(n):
        e = np.zeros(n)
        e[i] = h
        out[:, i] = (grad(f, x + e) - grad(f, x - e)) / (2 * h)
    return out


def same(a, b, tol=1e-5):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def chain(*sides):
    """Links of a relation chain a = b = c ...: one boolean per adjacent pair."""
    return [same(sides[k], sides[k + 1]) for k in range(len(sides) - 1)]


def trials(fn, n=5):
    """Run a link-returning function at n random points; a link holds if it holds at all."""
    res = None
    for _ in range(n):
        r = fn()
        res = r if res is None else [a and b for a, b in zip(res, r, strict=True)]
    return res


def u(lo=-2.0, hi=2.0, size=None):
    return RNG.uniform(lo, hi, size)


CHECKS = {}


def check(name):
    def deco(fn):
        CHECKS[name] = fn
        return fn

    return deco


# --- 3Blue1Brown -----------------------------------------------------------------------------


def _one_layer():
    w, ap, b, y = u(), u(0, 1), u(), u(0, 1)
    z = w * ap + b
    a = sig(z)
    return w, ap, b, y, z, a


@check("l-3b1b-dz-dw")
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        return chain(d1(lambda w_: w_ * ap + b, w), ap)

    return trials(f)


@check("l-3b1b-dz-dw-index")
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        return chain(d1(lambda w_: w_ * ap + b, w), a)

    return trials(f)


@check("l-3b1b-da-dz")
def _():
    def f():
        z = u()
        return chain(d1(sig, z), dsig(z)) + chain(d1(np.tanh, z), 1 - np.tanh(z) ** 2)

    return [all(trials(f))]


def _sig_vs_sigprime():
    z = u()
    return chain(d1(sig, z), sig(z))


@check("l-3b1b-da-dz-sigma")
def _():
    return trials(_sig_vs_sigprime)


@check("l-3b1b-dc-da")
def _():
    def f():
        a, y = u(), u()
        return chain(d1(lambda a_: (a_ - y) ** 2, a), 2 * (a - y))

    return trials(f)


@check("l-3b1b-dc-da-factor")
def _():
    def f():
        a, y = u(), u()
        return chain(d1(lambda a_: (a_ - y) ** 2, a), a - y)

    return trials(f)


@check("l-3b1b-dc-da-swapped")
def _():
    def f():
        a, y = u(), u()
        return chain(d1(lambda a_: (a_ - y) ** 2, a), 2 * (y - a))

    return trials(f)


def _dc0_dwl(variant):
    w, ap, b, y, z, a = _one_layer()
    lhs = d1(lambda w_: (sig(w_ * ap + b) - y) ** 2, w)
    rhs = {
        "ok": ap * dsig(z) * 2 * (a - y),
        "sigma": ap * sig(z) * 2 * (a - y),
        "factor": ap * dsig(z) * (a - y),
    }[variant]
    return chain(lhs, rhs)


@check("l-3b1b-dc0-dwl")
def _():
    return trials(lambda: _dc0_dwl("ok"))


@check("l-3b1b-dc0-dwl-sigma")
def _():
    return trials(lambda: _dc0_dwl("sigma"))


@check("l-3b1b-dc0-dwl-factor")
def _():
    return trials(lambda: _dc0_dwl("factor"))


@check("l-3b1b-dz-db")
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        return chain(d1(lambda b_: w * ap + b_, b), 1.0)

    return trials(f)


@check("l-3b1b-dz-db-factor")
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        return chain(d1(lambda b_: w * ap + b_, b), ap)

    return trials(f)


@check("l-3b1b-dz-da")
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        return chain(d1(lambda ap_: w * ap_ + b, ap), w)

    return trials(f)


@check("l-3b1b-db-chain")
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        lhs = d1(lambda b_: (sig(w * ap + b_) - y) ** 2, b)
        dz_db = d1(lambda b_: w * ap + b_, b)
        return chain(lhs, dz_db * d1(sig, z) * d1(lambda a_: (a_ - y) ** 2, a))

    return trials(f)


@check("l-3b1b-avg-cost")
def _():
    def f(scale):
        n = 6
        ak, bk, yk = u(0, 1, n), u(-1, 1, n), u(0, 1, n)
        w = u()

        def ck(w_, k):
            return (sig(w_ * ak[k] + bk[k]) - yk[k]) ** 2

        lhs = d1(lambda w_: np.mean([ck(w_, k) for k in range(n)]), w)
        rhs = scale(n) * sum(d1(lambda w_, k=k: ck(w_, k), w) for k in range(n))
        return chain(lhs, rhs)

    return trials(lambda: f(lambda n: 1.0 / n))


@check("l-3b1b-avg-cost-factor")
def _():
    n = 6
    ak, bk, yk = u(0, 1, n), u(-1, 1, n), u(0, 1, n)
    w = u()

    def ck(w_, k):
        return (sig(w_ * ak[k] + bk[k]) - yk[k]) ** 2

    lhs = d1(lambda w_: np.mean([ck(w_, k) for k in range(n)]), w)
    return chain(lhs, sum(d1(lambda w_, k=k: ck(w_, k), w) for k in range(n)))


def _two_layer(drop_w2):
    a0, w1, b1, w2, b2, y = u(0, 1), u(), u(), u(), u(), u(0, 1)

    def c0(w1_):
        a1_ = sig(w1_ * a0 + b1)
        return (sig(w2 * a1_ + b2) - y) ** 2

    z1 = w1 * a0 + b1
    a1 = sig(z1)
    z2 = w2 * a1 + b2
    a2 = sig(z2)
    factors = [a0, dsig(z1), w2, dsig(z2), 2 * (a2 - y)]
    if drop_w2:
        factors.pop(2)
    return chain(d1(c0, w1), np.prod(factors))


@check("l-3b1b-prev-layer-chain")
def _():
    return trials(lambda: _two_layer(False))


@check("l-3b1b-prev-layer-chain-term")
def _():
    return trials(lambda: _two_layer(True))


def _multi(with_sum):
    nk, nj = 3, 2
    W, b, y = u(size=(nj, nk)), u(size=nj), u(0, 1, nj)
    ap = u(0, 1, nk)
    k = 1

    def c0(ap_):
        return np.sum((sig(W @ ap_ + b) - y) ** 2)

    z = W @ ap + b
    a = sig(z)
    terms = [W[j, k] * dsig(z[j]) * 2 * (a[j] - y[j]) for j in range(nj)]
    rhs = sum(terms) if with_sum else terms[0]
    return chain(grad(c0, ap)[k], rhs)


@check("l-3b1b-multi-sum")
def _():
    return trials(lambda: _multi(True))


@check("l-3b1b-multi-sum-term")
def _():
    return trials(lambda: _multi(False))


# --- Peter Roelants ----------------------------------------------------------------------------


def _logistic_chain(variant):
    z = u()
    ez = np.exp(-z)
    t3 = -1 / (1 + ez) ** 2 * ez * -1 if variant == "ok" else -1 / (1 + ez) ** 2 * ez
    return chain(
        d1(sig, z),
        d1(sig, z),
        d1(lambda z_: 1 / (1 + np.exp(-z_)), z),
        t3,
        1 / (1 + ez) * ez / (1 + ez),
    )


@check("l-roe-logistic-deriv")
def _():
    return trials(lambda: _logistic_chain("ok"))


@check("l-roe-logistic-deriv-sign")
def _():
    return trials(lambda: _logistic_chain("sign"))


def _y1my(variant):
    z = u()
    ez = np.exp(-z)
    s = sig(z)
    mid = s * (1 - s) if variant == "ok" else s * (s - 1)
    return chain(d1(sig, z), 1 / (1 + ez) * ez / (1 + ez), mid, s * (1 - s))


@check("l-roe-logistic-y1my")
def _():
    return trials(lambda: _y1my("ok"))


@check("l-roe-logistic-y1my-sign")
def _():
    return trials(lambda: _y1my("sign"))


def _xent_dy(variant):
    y, t = u(0.05, 0.95), float(RNG.integers(0, 2))

    def xi(y_):
        return -t * np.log(y_) - (1 - t) * np.log(1 - y_)

    sep = d1(lambda y_: -t * np.log(y_), y) + d1(lambda y_: -(1 - t) * np.log(1 - y_), y)
    mid = -t / y + (1 - t) / (1 - y) if variant == "ok" else -t / y - (1 - t) / (1 - y)
    return chain(d1(xi, y), d1(xi, y), sep, mid, (y - t) / (y * (1 - y)))


@check("l-roe-xent-dy")
def _():
    return trials(lambda: _xent_dy("ok"), n=8)


@check("l-roe-xent-dy-sign")
def _():
    return trials(lambda: _xent_dy("sign"), n=8)


def _xent_dz(variant):
    z, t = u(), float(RNG.integers(0, 2))
    y = sig(z)

    def xi(z_):
        return -t * np.log(sig(z_)) - (1 - t) * np.log(1 - sig(z_))

    last = y - t if variant == "ok" else t - y
    return chain(
        d1(xi, z), dsig(z) * (y - t) / (y * (1 - y)), y * (1 - y) * (y - t) / (y * (1 - y)), last
    )


@check("l-roe-xent-dz")
def _():
    return trials(lambda: _xent_dz("ok"), n=8)


@check("l-roe-xent-dz-swapped")
def _():
    return trials(lambda: _xent_dz("swapped"), n=8)


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def _soft_dii(variant):
    z = u(size=4)
    i = 2
    e = np.exp(z)
    S = e.sum()
    y = softmax(z)

    def yi(zi):
        zz = z.copy()
        zz[i] = zi
        return softmax(zz)[i]

    sgn = -1 if variant == "ok" else 1
    return chain(
        d1(yi, z[i]),
        d1(yi, z[i]),
        (e[i] * S + sgn * e[i] * e[i]) / S**2,
        e[i] / S * (S - e[i]) / S,
        e[i] / S * (1 - e[i] / S),
        y[i] * (1 - y[i]),
    )


@check("l-roe-softmax-dii")
def _():
    return trials(lambda: _soft_dii("ok"))


@check("l-roe-softmax-dii-sign")
def _():
    return trials(lambda: _soft_dii("sign"))


def _soft_dij(variant):
    z = u(size=4)
    i, j = 0, 3
    e = np.exp(z)
    S = e.sum()
    y = softmax(z)

    def yi(zj):
        zz = z.copy()
        zz[j] = zj
        return softmax(zz)[i]

    last = -y[i] * y[j] if variant == "ok" else y[i] * y[j]
    return chain(d1(yi, z[j]), d1(yi, z[j]), (0 - e[i] * e[j]) / S**2, -e[i] / S * e[j] / S, last)


@check("l-roe-softmax-dij")
def _():
    return trials(lambda: _soft_dij("ok"))


@check("l-roe-softmax-dij-sign")
def _():
    return trials(lambda: _soft_dij("sign"))


def _soft_xent(variant):
    C = 5
    z = u(size=C)
    t = np.zeros(C)
    t[RNG.integers(0, C)] = 1.0
    i = int(RNG.integers(0, C))

    def xi(zi):
        zz = z.copy()
        zz[i] = zi
        return -np.sum(t * np.log(softmax(zz)))

    y = softmax(z)
    rhs = y[i] - t[i] if variant == "ok" else t[i] - y[i]
    return chain(d1(xi, z[i]), rhs)


@check("l-roe-softmax-xent")
def _():
    return trials(lambda: _soft_xent("ok"), n=10)


@check("l-roe-softmax-xent-swapped")
def _():
    return trials(lambda: _soft_xent("swapped"), n=10)


def _soft_step(variant):
    C = 5
    z = u(size=C)
    t = u(0, 1, C)  # the printed steps hold for any t
    i = 1

    def xi(zi):
        zz = z.copy()
        zz[i] = zi
        return -np.sum(t * np.log(softmax(zz)))

    y = softmax(z)
    others = [j for j in range(C) if j != i]
    mid = -t[i] / y[i] * y[i] * (1 - y[i]) - sum(t[j] / y[j] * (-y[j] * y[i]) for j in others)
    sgn = 1 if variant == "ok" else -1
    last = -t[i] + t[i] * y[i] + sgn * sum(t[j] * y[i] for j in others)
    return chain(d1(xi, z[i]), mid, last)


@check("l-roe-softmax-xent-step")
def _():
    return trials(lambda: _soft_step("ok"))


@check("l-roe-softmax-xent-step-sign")
def _():
    return trials(lambda: _soft_step("sign"))


def _sq_dy(variant):
    t, y = u(), u()
    last = 2 * (y - t) if variant == "ok" else (y - t)
    f = d1(lambda y_: (t - y_) ** 2, y)
    return chain(f, f, -2 * (t - y), last)


@check("l-roe-sq-dy")
def _():
    return trials(lambda: _sq_dy("ok"))


@check("l-roe-sq-dy-factor")
def _():
    return trials(lambda: _sq_dy("factor"))


@check("l-roe-linear-dw")
def _():
    def f():
        x, w = u(), u()
        g = d1(lambda w_: x * w_, w)
        return chain(g, g, x)

    return trials(f)


@check("l-roe-logreg-dw-vec")
def _():
    def f():
        x, w = u(size=3), u(size=3)
        g = grad(lambda w_: x @ w_, w)
        return chain(g, g, x)

    return trials(f)


def _logreg_grad(variant):
    x, w, t = u(size=3), u(size=3), float(RNG.integers(0, 2))

    def xi(w_):
        yy = sig(x @ w_)
        return -t * np.log(yy) - (1 - t) * np.log(1 - yy)

    y = sig(x @ w)
    prod = (y - t) / (y * (1 - y)) * (y * (1 - y)) * x
    last = x * (y - t) if variant == "ok" else x * (t - y)
    return chain(grad(xi, w), prod, x * y * (1 - y) * (y - t) / (y * (1 - y)), last)


@check("l-roe-logreg-grad")
def _():
    return trials(lambda: _logreg_grad("ok"), n=8)


@check("l-roe-logreg-grad-swapped")
def _():
    return trials(lambda: _logreg_grad("swapped"), n=8)


def _rnn_setup(n=6):
    x = RNG.integers(0, 2, n + 1).astype(float)
    wx, wrec, t = u(0.5, 1.5), u(0.5, 1.5), u(0, 5)
    return x, wx, wrec, t


def _rnn_forward(x, wx, wrec, start=0, s_start=None):
    """States S_0..S_n with S_k = S_{k-1} w_rec + x_k w_x and S_{-1} = 0; optionally restart."""
    n = len(x) - 1
    S = np.zeros(n + 1)
    prev = 0.0
    for k in range(n + 1):
        if k < start:
            S[k] = prev * wrec + x[k] * wx
        elif k == start and s_start is not None:
            S[k] = s_start
        else:
            S[k] = prev * wrec + x[k] * wx
        prev = S[k]
    return S


def _rnn_loss_from(x, wx, wrec, t, k, sk):
    """Loss (S_n - t)^2 as a function of the state S_k (later states recomputed)."""
    return (_rnn_forward(x, wx, wrec, start=k, s_start=sk)[-1] - t) ** 2


def _rnn_state(variant):
    x, wx, wrec, t = _rnn_setup()
    S = _rnn_forward(x, wx, wrec)
    k = 3
    dk1 = d1(lambda s: _rnn_loss_from(x, wx, wrec, t, k - 1, s), S[k - 1])
    dk = d1(lambda s: _rnn_loss_from(x, wx, wrec, t, k, s), S[k])
    dsk = d1(lambda s: s * wrec + x[k] * wx, S[k - 1])
    last = dk * wrec if variant == "ok" else dk * wx
    return chain(dk1, dk * dsk, last)


@check("l-roe-rnn-state")
def _():
    return trials(lambda: _rnn_state("ok"))


@check("l-roe-rnn-state-index")
def _():
    return trials(lambda: _rnn_state("index"))


def _rnn_power(variant):
    x, wx, wrec, t = _rnn_setup()
    S = _rnn_forward(x, wx, wrec)
    k, m = 5, 3

    def sk_of(s):
        return _rnn_forward(x, wx, wrec, start=k - m, s_start=s)[k]

    steps = np.prod(
        [d1(lambda s, j=j: s * wrec + x[j] * wx, S[j - 1]) for j in range(k - m + 1, k + 1)]
    )
    last = wrec**m if variant == "ok" else wrec ** (m - 1)
    return chain(d1(sk_of, S[k - m]), steps, last)


@check("l-roe-rnn-power")
def _():
    return trials(lambda: _rnn_power("ok"))


@check("l-roe-rnn-power-index")
def _():
    return trials(lambda: _rnn_power("index"))


def _rnn_backprop(x, wx, wrec, t):
    S = _rnn_forward(x, wx, wrec)
    n = len(x) - 1
    g = np.zeros(n + 1)
    g[n] = 2 * (S[n] - t)
    for k in range(n, 0, -1):
        g[k - 1] = g[k] * wrec
    return S, g


@check("l-roe-rnn-dwx")
def _():
    def f():
        x, wx, wrec, t = _rnn_setup()
        S, g = _rnn_backprop(x, wx, wrec, t)
        lhs = d1(lambda w: (_rnn_forward(x, w, wrec)[-1] - t) ** 2, wx)
        return chain(lhs, sum(g[k] * x[k] for k in range(len(x))))

    return trials(f)


def _rnn_dwrec(variant):
    x, wx, wrec, t = _rnn_setup()
    S, g = _rnn_backprop(x, wx, wrec, t)
    n = len(x) - 1
    lhs = d1(lambda w: (_rnn_forward(x, wx, w)[-1] - t) ** 2, wrec)
    off = 1 if variant == "ok" else 0
    return chain(lhs, sum(g[k] * S[k - off] for k in range(1, n + 1)))


@check("l-roe-rnn-dwrec")
def _():
    return trials(lambda: _rnn_dwrec("ok"))


@check("l-roe-rnn-dwrec-index")
def _():
    return trials(lambda: _rnn_dwrec("index"))


# --- Chris Piech, CS109 ------------------------------------------------------------------------


def _ll_grad(variant):
    n, m = 7, 3
    X, y, th = u(size=(n, m)), RNG.integers(0, 2, n).astype(float), u(size=m)

    def ll(th_):
        p = sig(X @ th_)
        return np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))

    r = y - sig(X @ th)
    rhs = {"ok": X.T @ r, "sign": -(X.T @ r), "factor": X.T @ r / n}[variant]
    return chain(grad(ll, th), rhs)


@check("l-piech-ll-grad")
def _():
    return trials(lambda: _ll_grad("ok"))


@check("l-piech-ll-grad-sign")
def _():
    return trials(lambda: _ll_grad("sign"))


@check("l-piech-ll-grad-factor")
def _():
    return trials(lambda: _ll_grad("factor"))


def _sigmoid_piech(variant):
    z = u()
    s = sig(z)
    return chain(d1(sig, z), s * (1 - s) if variant == "ok" else s * (1 + s))


@check("l-piech-sigmoid")
def _():
    return trials(lambda: _sigmoid_piech("ok"))


@check("l-piech-sigmoid-sign")
def _():
    return trials(lambda: _sigmoid_piech("sign"))


def _hard_way(variant):
    m, j = 3, 1
    x, th, y = u(size=m), u(size=m), float(RNG.integers(0, 2))

    def ll(th_):
        p = sig(th_ @ x)
        return y * np.log(p) + (1 - y) * np.log(1 - p)

    s = sig(th @ x)
    sgn = -1 if variant == "ok" else 1
    mid = (y / s + sgn * (1 - y) / (1 - s)) * s * (1 - s) * x[j]
    return chain(grad(ll, th)[j], mid, (y - s) * x[j])


@check("l-piech-hard-way")
def _():
    return trials(lambda: _hard_way("ok"), n=8)


@check("l-piech-hard-way-sign")
def _():
    return trials(lambda: _hard_way("sign"), n=8)


def _dll_dp(variant):
    p, y = u(0.05, 0.95), float(RNG.integers(0, 2))
    lhs = d1(lambda p_: y * np.log(p_) + (1 - y) * np.log(1 - p_), p)
    rhs = y / p - (1 - y) / (1 - p) if variant == "ok" else y / p + (1 - y) / (1 - p)
    return chain(lhs, rhs)


@check("l-piech-dll-dp")
def _():
    return trials(lambda: _dll_dp("ok"), n=8)


@check("l-piech-dll-dp-sign")
def _():
    return trials(lambda: _dll_dp("sign"), n=8)


def _dz_dth(variant):
    x, th, j = u(size=3), u(size=3), 2
    return chain(grad(lambda th_: th_ @ x, th)[j], x[j] if variant == "ok" else th[j])


@check("l-piech-dz-dtheta")
def _():
    return trials(lambda: _dz_dth("ok"))


@check("l-piech-dz-dtheta-index")
def _():
    return trials(lambda: _dz_dth("index"))


def _expand(variant):
    p, y, xj = u(0.05, 0.95), u(0, 1), u()
    last = (y - p) * xj if variant == "ok" else (y - p - 2 * y * p) * xj
    return chain(
        (y / p - (1 - y) / (1 - p)) * p * (1 - p) * xj, (y * (1 - p) - p * (1 - y)) * xj, last
    )


@check("l-piech-expand")
def _():
    return trials(lambda: _expand("ok"))


@check("l-piech-expand-sign")
def _():
    return trials(lambda: _expand("sign"))


def _bern(variant):
    n = 10
    x = RNG.integers(0, 2, n)
    Y = float(x.sum())
    p = u(0.05, 0.95)
    lhs = d1(lambda p_: Y * np.log(p_) + (n - Y) * np.log(1 - p_), p)
    rhs = Y / p + (n - Y) * (-1 / (1 - p)) if variant == "ok" else Y / p + (n - Y) / (1 - p)
    return chain(lhs, rhs)


@check("l-piech-bern-mle")
def _():
    return trials(lambda: _bern("ok"))


@check("l-piech-bern-mle-sign")
def _():
    return trials(lambda: _bern("sign"))


# --- Ritchie Vink ------------------------------------------------------------------------------


def _mse_dy(variant):
    y, yhat = u(), u()
    return chain(
        d1(lambda y_: 0.5 * (y_ - yhat) ** 2, y), (y - yhat) * (1 if variant == "ok" else 2)
    )


@check("l-vink-mse-dy")
def _():
    return trials(lambda: _mse_dy("ok"))


@check("l-vink-mse-dy-factor")
def _():
    return trials(lambda: _mse_dy("factor"))


@check("l-vink-sigmoid")
def _():
    return trials(lambda: _sigmoid_piech("ok"))


@check("l-vink-sigmoid-factor")
def _():
    def f():
        z = u()
        return chain(d1(sig, z), 1 - sig(z))

    return trials(f)


@check("l-vink-dz3-dw2")
def _():
    def f():
        a2, w2, b2 = u(), u(), u()
        return chain(d1(lambda w: a2 * w + b2, w2), a2)

    return trials(f)


def _dz3_da2(variant):
    a2, w2, b2 = u(), u(), u()
    return chain(d1(lambda a: a * w2 + b2, a2), w2 if variant == "ok" else a2)


@check("l-vink-dz3-da2")
def _():
    return trials(lambda: _dz3_da2("ok"))


@check("l-vink-dz3-da2-term")
def _():
    return trials(lambda: _dz3_da2("term"))


@check("l-vink-relu-pos")
def _():
    def f():
        z = u(0.1, 2.0)  # a = relu(z) > 0
        return chain(d1(relu, z), 1.0)

    return trials(f)


@check("l-vink-relu-pos-sign")
def _():
    def f():
        z = u(-2.0, -0.1)  # a = relu(z) <= 0
        return chain(d1(relu, z), 1.0)

    return trials(f)


def _vink_net():
    x, w1, b1, w2, b2, yhat = u(), u(), u(), u(), u(), u(0, 1)
    z2 = x * w1 + b1
    if z2 <= 0.05:  # keep the ReLU away from its kink
        b1 += 0.1 - z2
        z2 = x * w1 + b1
    a2 = relu(z2)
    z3 = a2 * w2 + b2
    y = sig(z3)
    return x, w1, b1, w2, b2, yhat, z2, a2, z3, y


def _delta2(variant):
    x, w1, b1, w2, b2, yhat, z2, a2, z3, y = _vink_net()
    dL = d1(lambda z: 0.5 * (sig(z) - yhat) ** 2, z3)  # delta^(L)
    lhs = d1(lambda z: 0.5 * (sig(relu(z) * w2 + b2) - yhat) ** 2, z2)  # dJ/dz^(2)
    w = w2 if variant == "ok" else w1
    return chain(lhs, dL * w * 1.0)


@check("l-vink-delta2")
def _():
    return trials(lambda: _delta2("ok"))


@check("l-vink-delta2-index")
def _():
    return trials(lambda: _delta2("index"))


def _dj_dw2(variant):
    x, w1, b1, w2, b2, yhat, z2, a2, z3, y = _vink_net()
    dL = (y - yhat) * dsig(z3)
    lhs = d1(lambda w: 0.5 * (sig(a2 * w + b2) - yhat) ** 2, w2)
    return chain(lhs, dL * (a2 if variant == "ok" else y))


@check("l-vink-dj-dw2")
def _():
    return trials(lambda: _dj_dw2("ok"))


@check("l-vink-dj-dw2-index")
def _():
    return trials(lambda: _dj_dw2("index"))


def _gbm_l2(variant):
    y, yh = u(), u()
    last = yh - y if variant == "ok" else y - yh
    return chain(d1(lambda q: 0.5 * (y - q) ** 2, yh), (y - yh) * -1, last)


@check("l-vink-gbm-l2")
def _():
    return trials(lambda: _gbm_l2("ok"))


@check("l-vink-gbm-l2-sign")
def _():
    return trials(lambda: _gbm_l2("sign"))


def _gbm_l1_chain(variant):
    y, yh = u(), u()
    r = 0.5 / np.sqrt((y - yh) ** 2) * 2 * (y - yh) * (-1 if variant == "ok" else 1)
    return chain(d1(lambda q: abs(y - q), yh), r)


@check("l-vink-gbm-l1-chain")
def _():
    return trials(lambda: _gbm_l1_chain("ok"))


@check("l-vink-gbm-l1-chain-sign")
def _():
    return trials(lambda: _gbm_l1_chain("sign"))


def _gbm_l1_sign(variant):
    y, yh = u(), u()
    last = np.sign(yh - y) if variant == "ok" else np.sign(y - yh)
    return chain(
        d1(lambda q: abs(y - q), yh),
        (yh - y) / np.sqrt((yh - y) ** 2),
        (yh - y) / abs(yh - y),
        last,
    )


@check("l-vink-gbm-l1-sign")
def _():
    return trials(lambda: _gbm_l1_sign("ok"))


@check("l-vink-gbm-l1-sign-swapped")
def _():
    return trials(lambda: _gbm_l1_sign("swapped"))


# --- Xavier Bourret Sicotte --------------------------------------------------------------------


def _ridge(variant):
    m, n = 6, 3
    X, y, th, lam = u(size=(m, n)), u(size=m), u(size=n), u(0.1, 2)

    def J(t):
        r = X @ t - y
        return r @ r / (2 * m) + lam / (2 * m) * t @ t

    rhs = {
        "ok": X.T @ (X @ th - y) / m + lam / m * th,
        "factor": X.T @ (X @ th - y) / m + lam / (2 * m) * th,
    }.get(variant)
    if variant == "transpose":
        # X (X theta - y) is undefined for a non-square X; for a square X it is the wrong vector
        try:
            rhs = X @ (X @ th - y) / m + lam / m * th
        except ValueError:
            Xs, ys, ts = u(size=(n, n)), u(size=n), u(size=n)
            r = Xs @ ts - ys
            g = grad(lambda t: (Xs @ t - ys) @ (Xs @ t - ys) / (2 * n) + lam / (2 * n) * t @ t, ts)
            return chain(grad(J, th), grad(J, th)) and chain(g, Xs @ r / n + lam / n * ts)
    return chain(grad(J, th), rhs)


@check("l-xbs-ridge-grad")
def _():
    return trials(lambda: _ridge("ok"))


@check("l-xbs-ridge-grad-transpose")
def _():
    return trials(lambda: _ridge("transpose"))


@check("l-xbs-ridge-grad-factor")
def _():
    return trials(lambda: _ridge("factor"))


def _ridge_expand(variant):
    m, n = 6, 3
    X, y, th, lam = u(size=(m, n)), u(size=m), u(size=n), u(0.1, 2)
    a = (y - th @ X.T) @ (y - X @ th) + lam**2 * th @ th
    b = y @ y - y @ X @ th - th @ X.T @ y + th @ X.T @ X @ th + lam**2 * th @ th
    k = 2 if variant == "ok" else 1
    c = y @ y - k * th @ X.T @ y + th @ X.T @ X @ th + lam**2 * th @ th
    return chain(a, a, b, c)


@check("l-xbs-ridge-expand")
def _():
    return trials(lambda: _ridge_expand("ok"))


@check("l-xbs-ridge-expand-factor")
def _():
    return trials(lambda: _ridge_expand("factor"))


def _lasso_ols(variant):
    m, n = 7, 4
    X, y, th = u(size=(m, n)), u(size=m), u(size=n)
    j = 2

    def rss(t):
        return 0.5 * np.sum((y - X @ t) ** 2)

    xj = X[:, j]
    others = X @ th - xj * th[j]
    first = -np.sum(xj * (y - X @ th))
    if variant == "factor":
        return chain(grad(rss, th)[j], 2 * first)
    second = -np.sum(xj * (y - others - th[j] * xj))
    sgn = 1 if variant == "ok" else -1
    third = -np.sum(xj * (y - others)) + sgn * th[j] * np.sum(xj**2)
    return chain(grad(rss, th)[j], first, second, third)


@check("l-xbs-lasso-ols")
def _():
    return trials(lambda: _lasso_ols("ok"))


@check("l-xbs-lasso-ols-sign")
def _():
    return trials(lambda: _lasso_ols("sign"))


@check("l-xbs-lasso-ols-factor")
def _():
    return trials(lambda: _lasso_ols("factor"))


def _subdiff(variant):
    """Compare one-sided derivatives of lambda*sum|theta| in coordinate j with each case."""
    lam = u(0.1, 2)
    th = u(size=4)
    j = 1
    neg, pos = (-lam, lam) if variant == "ok" else (lam, -lam)

    def pen_full(v):
        t = th.copy()
        t[j] = v
        return lam * np.sum(np.abs(t))

    def pen_j(v):
        return lam * abs(v)

    ok_first = True
    ok_second = True
    for v in (-u(0.2, 2), u(0.2, 2)):
        ok_first &= same(d1(pen_full, v), d1(pen_j, v))
        ok_second &= same(d1(pen_j, v), neg if v < 0 else pos)
    left = (pen_j(0.0) - pen_j(-H)) / H
    right = (pen_j(H) - pen_j(0.0)) / H
    ok_second &= same(left, -lam) and same(right, lam)  # [-lambda, lambda] at 0
    return [ok_first, ok_second]


@check("l-xbs-lasso-subdiff")
def _():
    return trials(lambda: _subdiff("ok"))


@check("l-xbs-lasso-subdiff-sign")
def _():
    return trials(lambda: _subdiff("sign"))


def rosen(v):
    x, y = v
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _rosen_grad(variant):
    v = u(-1.5, 1.5, 2)
    x, y = v
    k = 200 if variant == "ok" else 400
    return chain(grad(rosen, v), [-400 * x * y + 400 * x**3 + 2 * x - 2, 200 * y - k * x**2])


@check("l-xbs-rosen-grad")
def _():
    return trials(lambda: _rosen_grad("ok"))


@check("l-xbs-rosen-grad-factor")
def _():
    return trials(lambda: _rosen_grad("factor"))


def _rosen_hess(variant):
    v = u(-1.5, 1.5, 2)
    x, y = v
    k = 1200 if variant == "ok" else 400
    Hm = np.array([[-400 * y + k * x**2 + 2, -400 * x], [-400 * x, 200]])
    return [bool(np.allclose(hess(rosen, v), Hm, rtol=1e-4, atol=1e-3))]


@check("l-xbs-rosen-hess")
def _():
    return trials(lambda: _rosen_hess("ok"))


@check("l-xbs-rosen-hess-factor")
def _():
    return trials(lambda: _rosen_hess("factor"))


def _quad(variant):
    v = u(size=2)

    def f(w):
        return 0.5 * w[0] ** 2 + 2.5 * w[1] ** 2

    rhs = [v[0], 5 * v[1]] if variant == "ok" else [0.5 * v[0], 2.5 * v[1]]
    return chain(grad(f, v), rhs)


@check("l-xbs-quad-grad")
def _():
    return trials(lambda: _quad("ok"))


@check("l-xbs-quad-grad-factor")
def _():
    return trials(lambda: _quad("factor"))


def saddle(v):
    return v[0] ** 2 - v[1] ** 2


def _saddle(variant):
    v = u(size=2)
    rhs = [2 * v[0], -2 * v[1]] if variant == "ok" else [2 * v[0], 2 * v[1]]
    return chain(grad(saddle, v), rhs)


@check("l-xbs-saddle-grad")
def _():
    return trials(lambda: _saddle("ok"))


@check("l-xbs-saddle-grad-sign")
def _():
    return trials(lambda: _saddle("sign"))


@check("l-xbs-saddle-hess")
def _():
    return trials(
        lambda: [bool(np.allclose(hess(saddle, u(size=2)), [[2, 0], [0, -2]], atol=1e-4))]
    )


def himmel(v):
    x, y = v
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def _himmel(variant):
    v = u(-3, 3, 2)
    x, y = v
    k = 2 if variant == "ok" else 1
    rhs = [
        2 * (-7 + x + y**2 + 2 * x * (-11 + x**2 + y)),
        2 * (-11 + x**2 + y + k * y * (-7 + x + y**2)),
    ]
    return chain(grad(himmel, v), rhs)


@check("l-xbs-himmelblau-grad")
def _():
    return trials(lambda: _himmel("ok"))


@check("l-xbs-himmelblau-grad-factor")
def _():
    return trials(lambda: _himmel("factor"))


# --- CMU 10-414/714 lecture 2 notes --------------------------------------------------------------


def lse(h):
    return np.log(np.sum(np.exp(h)))


def _ce_dh(variant):
    k = 5
    h = u(size=k)
    y = int(RNG.integers(0, k))

    def ell(h_):
        return -h_[y] + lse(h_)

    g = grad(ell, h)
    ok1, ok2 = True, True
    for i in range(k):
        ind = 1.0 if i == y else 0.0
        if variant == "ok":
            rhs = -ind + np.exp(h[i]) / np.sum(np.exp(h))
        elif variant == "sign":
            rhs = ind + np.exp(h[i]) / np.sum(np.exp(h))
        else:
            rhs = -ind + np.exp(h[y]) / np.sum(np.exp(h))
        ok1 &= same(g[i], g[i])
        ok2 &= same(g[i], rhs)
    return [ok1, ok2]


@check("l-cmu-ce-dh")
def _():
    return trials(lambda: _ce_dh("ok"))


@check("l-cmu-ce-dh-sign")
def _():
    return trials(lambda: _ce_dh("sign"))


@check("l-cmu-ce-dh-index")
def _():
    return trials(lambda: _ce_dh("index"))


def _ce_grad(variant):
    k = 5
    h = u(size=k)
    y = int(RNG.integers(0, k))
    z = softmax(h)
    e = np.zeros(k)
    e[y] = 1.0
    g = grad(lambda h_: -h_[y] + lse(h_), h)
    return chain(g, z - e if variant == "ok" else e - z)


@check("l-cmu-ce-grad")
def _():
    return trials(lambda: _ce_grad("ok"))


@check("l-cmu-ce-grad-swapped")
def _():
    return trials(lambda: _ce_grad("swapped"))


def _ce_lse(variant):
    k = 5
    h = u(size=k)
    y = int(RNG.integers(0, k))
    z = softmax(h)
    ell = -np.log(z[y])
    sgn = 1 if variant == "ok" else -1
    return chain(ell, -np.log(z[y]), -h[y] + sgn * lse(h))


@check("l-cmu-ce-logsumexp")
def _():
    return trials(lambda: _ce_lse("ok"))


@check("l-cmu-ce-logsumexp-sign")
def _():
    return trials(lambda: _ce_lse("sign"))


# --- documents -----------------------------------------------------------------------------------

DOC_CHECKS = {}


def doc_check(doc, line):
    def deco(fn):
        DOC_CHECKS[(doc, line)] = fn
        return fn

    return deco


PIECH = "l-piech-logreg-chain"
PIECH_MUT = "l-piech-logreg-chain-mutated"


def _piech_point():
    m, j = 3, 0
    x, th, y = u(size=m), u(size=m), float(RNG.integers(0, 2))
    return x, th, y, j


def _piech_chain_rule():
    x, th, y, j = _piech_point()

    def ll_th(th_):
        p = sig(th_ @ x)
        return y * np.log(p) + (1 - y) * np.log(1 - p)

    z = th @ x
    p = sig(z)
    dll_dp = d1(lambda q: y * np.log(q) + (1 - y) * np.log(1 - q), p)
    dp_dth = grad(lambda th_: sig(th_ @ x), th)[j]
    dp_dz = d1(sig, z)
    dz_dth = grad(lambda th_: th_ @ x, th)[j]
    return chain(grad(ll_th, th)[j], dll_dp * dp_dth, dll_dp * dp_dz * dz_dth)


def _piech_final(mutated):
    x, th, y, j = _piech_point()

    def ll_th(th_):
        p_ = sig(th_ @ x)
        return y * np.log(p_) + (1 - y) * np.log(1 - p_)

    z = th @ x
    p = sig(z)
    xj = x[j]
    dll_dp = d1(lambda q: y * np.log(q) + (1 - y) * np.log(1 - q), p)
    r1 = dll_dp * d1(sig, z) * grad(lambda th_: th_ @ x, th)[j]
    br = y / p - (1 - y) / (1 - p)
    r4 = (y * (1 - p) + p * (1 - y)) * xj if mutated else (y * (1 - p) - p * (1 - y)) * xj
    return chain(
        grad(ll_th, th)[j],
        r1,
        br * sig(z) * (1 - sig(z)) * xj,
        br * p * (1 - p) * xj,
        r4,
        (y - p) * xj,
        (y - sig(th @ x)) * xj,
    )


for _doc in (PIECH, PIECH_MUT):
    doc_check(_doc, 16)(lambda: trials(lambda: _sigmoid_piech("ok")))
    doc_check(_doc, 27)(lambda: trials(_piech_chain_rule, n=8))
    doc_check(_doc, 42)(lambda: trials(lambda: _dll_dp("ok"), n=8))
    doc_check(_doc, 58)(lambda: trials(lambda: _dz_dth("ok")))

doc_check(PIECH, 50)(lambda: trials(lambda: _sigmoid_piech("ok")))
doc_check(PIECH_MUT, 50)(lambda: trials(lambda: _sigmoid_piech("sign")))
doc_check(PIECH, 64)(lambda: trials(lambda: _piech_final(False), n=8))
doc_check(PIECH_MUT, 64)(lambda: trials(lambda: _piech_final(True), n=8))

ROE = "l-roelants-softmax-xent"
doc_check(ROE, 29)(lambda: trials(lambda: _soft_dii("ok")))
doc_check(ROE, 33)(lambda: trials(lambda: _soft_dij("ok")))


@doc_check(ROE, 44)
def _():
    def f():
        C = 5
        y = softmax(u(size=C))
        t = np.zeros(C)
        t[RNG.integers(0, C)] = 1.0
        return [None, None] + chain(-np.log(np.prod(y**t)), -np.sum(t * np.log(y)))

    res = [f() for _ in range(5)]
    return [None, None, all(r[2] for r in res)]


def _roe_big():
    C = 5
    z = u(size=C)
    t = np.zeros(C)
    t[RNG.integers(0, C)] = 1.0
    i = int(RNG.integers(0, C))
    y = softmax(z)

    def y_of(zi, j):
        zz = z.copy()
        zz[i] = zi
        return softmax(zz)[j]

    def xi(zi):
        return -sum(t[j] * np.log(y_of(zi, j)) for j in range(C))

    dyj = np.array([d1(lambda q, j=j: y_of(q, j), z[i]) for j in range(C)])
    dlogyj = np.array([d1(lambda q, j=j: np.log(y_of(q, j)), z[i]) for j in range(C)])
    dtlogyj = np.array([d1(lambda q, j=j: t[j] * np.log(y_of(q, j)), z[i]) for j in range(C)])
    others = [j for j in range(C) if j != i]
    s = [
        d1(xi, z[i]),
        -np.sum(dtlogyj),
        -np.sum(t * dlogyj),
        -np.sum(t / y * dyj),
        -t[i] / y[i] * dyj[i] - sum(t[j] / y[j] * dyj[j] for j in others),
        -t[i] / y[i] * y[i] * (1 - y[i]) - sum(t[j] / y[j] * (-y[j] * y[i]) for j in others),
        -t[i] + t[i] * y[i] + sum(t[j] * y[i] for j in others),
        -t[i] + np.sum(t * y[i]),
        -t[i] + y[i] * np.sum(t),
        y[i] - t[i],
    ]
    return chain(*s)


doc_check(ROE, 55)(lambda: trials(_roe_big, n=8))

B3 = "l-3b1b-backprop-calculus"


def _restated():
    w, ap, b, y, z, a = _one_layer()
    return same(sig(w * ap + b), sig(z)) and same(z, w * ap + b)


doc_check(B3, 23)(lambda: [all(_restated() for _ in range(5))])
doc_check(B3, 31)(lambda: [all(_restated() for _ in range(5))] + CHECKS["l-3b1b-dz-dw"]())
doc_check(B3, 33)(lambda: [all(_restated() for _ in range(5))] + CHECKS["l-3b1b-da-dz"]())
doc_check(B3, 35)(lambda: [None] + CHECKS["l-3b1b-dc-da"]())


@doc_check(B3, 39)
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        lhs = d1(lambda w_: (sig(w_ * ap + b) - y) ** 2, w)
        prod = d1(lambda w_: w_ * ap + b, w) * d1(sig, z) * d1(lambda a_: (a_ - y) ** 2, a)
        return chain(lhs, prod)

    return trials(f)


doc_check(B3, 43)(lambda: CHECKS["l-3b1b-dc0-dwl"]())
doc_check(B3, 55)(lambda: CHECKS["l-3b1b-avg-cost"]())
doc_check(B3, 61)(lambda: CHECKS["l-3b1b-db-chain"]())
doc_check(B3, 65)(lambda: [all(_restated() for _ in range(5))] + CHECKS["l-3b1b-dz-db"]())


@doc_check(B3, 72)
def _():
    def f():
        w, ap, b, y, z, a = _one_layer()
        lhs = d1(lambda ap_: (sig(w * ap_ + b) - y) ** 2, ap)
        prod = d1(lambda ap_: w * ap_ + b, ap) * d1(sig, z) * d1(lambda a_: (a_ - y) ** 2, a)
        return chain(lhs, prod)

    return trials(f)


doc_check(B3, 74)(lambda: [all(_restated() for _ in range(5))] + CHECKS["l-3b1b-dz-da"]())
doc_check(B3, 80)(lambda: CHECKS["l-3b1b-prev-layer-chain"]())


@doc_check(B3, 93)
def _():
    def f():
        nk, nj = 3, 2
        W, b, y, ap = u(size=(nj, nk)), u(size=nj), u(0, 1, nj), u(0, 1, nk)
        j, k = 1, 2

        def c0(wjk):
            WW = W.copy()
            WW[j, k] = wjk
            return np.sum((sig(WW @ ap + b) - y) ** 2)

        z = W @ ap + b
        a = sig(z)
        return chain(d1(c0, W[j, k]), ap[k] * dsig(z[j]) * 2 * (a[j] - y[j]))

    return trials(f)


doc_check(B3, 98)(lambda: CHECKS["l-3b1b-multi-sum"]())

VG = "l-vink-gradient-boosting"
doc_check(VG, 30)(lambda: CHECKS["l-vink-gbm-l2"]())


@doc_check(VG, 41)
def _():
    def f():
        y, yh = u(), u()
        return chain(abs(y - yh), np.sqrt((y - yh) ** 2), ((y - yh) ** 2) ** 0.5)

    return trials(f)


@doc_check(VG, 45)
def _():
    def f():
        y, yh = u(), u()
        v = y - yh
        lhs = d1(lambda q: abs(y - q), yh)
        prod = d1(np.sqrt, v**2) * d1(lambda s: s**2, v) * d1(lambda q: y - q, yh)
        return chain(lhs, prod)

    return trials(f)


doc_check(VG, 47)(lambda: CHECKS["l-vink-gbm-l1-chain"]())
doc_check(VG, 49)(lambda: CHECKS["l-vink-gbm-l1-sign"]())


# --- runner --------------------------------------------------------------------------------------


def read_claims():
    text = (HERE / "claims.yaml").read_text()
    ids = re.findall(r"^- id: (\S+)\s*$", text, flags=re.M)
    exps = re.findall(r"^  expect: (valid|invalid)\s*$", text, flags=re.M)
    if len(ids) != len(exps):
        raise SystemExit("could not pair ids and expectations in claims.yaml")
    return list(zip(ids, exps, strict=True))


def read_doc_links(path):
    text = path.read_text()
    lines = re.findall(r"^  - line: (\d+)\s*$", text, flags=re.M)
    exps = re.findall(r"^    expect: \[([^\]]*)\]\s*$", text, flags=re.M)
    if len(lines) != len(exps):
        raise SystemExit(f"could not pair lines and expectations in {path.name}")
    return [(int(n), [e.strip() for e in x.split(",")]) for n, x in zip(lines, exps, strict=True)]


def main():
    confirmed = 0
    failed = 0
    for cid, exp in read_claims():
        fn = CHECKS.get(cid)
        if fn is None:
            print(f"FAIL  {cid}: no check coded")
            failed += 1
            continue
        links = fn()
        got = "valid" if all(links) else "invalid"
        ok = got == exp
        confirmed += ok
        failed += not ok
        flags = "".join("." if x else "x" for x in links)
        print(f"{'ok  ' if ok else 'FAIL'}  {cid}: expected {exp}, links [{flags}] -> {got}")
    for path in sorted((HERE / "docs").glob("*.expect.yaml")):
        doc = path.name[: -len(".expect.yaml")]
        for line, exps in read_doc_links(path):
            if all(e == "definition" for e in exps):
                continue
            fn = DOC_CHECKS.get((doc, line))
            if fn is None:
                print(f"FAIL  {doc}:{line}: no check coded")
                failed += 1
                continue
            links = fn()
            if len(links) != len(exps):
                print(f"FAIL  {doc}:{line}: {len(links)} links coded, {len(exps)} expected")
                failed += 1
                continue
            for pos, (e, g) in enumerate(zip(exps, links, strict=True)):
                if e == "definition":
                    continue
                got = "valid" if g else "invalid"
                ok = got == e
                confirmed += ok
                failed += not ok
                tag = "ok  " if ok else "FAIL"
                print(f"{tag}  {doc}:{line} link {pos + 1}: expected {e} -> {got}")
    print(f"{confirmed} confirmed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
