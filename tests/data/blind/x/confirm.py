# ruff: noqa: E501, E741, E731, N802, N803, N806, B023  (hand-written confirmation data)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part x).

Each claim and each document link is re-coded by hand as NumPy functions of random inputs.
Derivatives are compared against central finite differences (rtol 1e-6); printed numbers are
compared to one unit of their last printed digit.  Nothing here parses LaTeX.
A chain A = B = C yields one boolean per relation sign; a claim holds iff all its links hold on
every random draw.  Exit status is non-zero if any expectation disagrees with the numbers.
"""

import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261206)
TRIALS = 3
H = 1e-6
DEF = "definition"


# ============================================================================ helpers
def d1(f, x, h=H):
    """Central difference of a scalar function of one variable."""
    return (f(x + h) - f(x - h)) / (2 * h)


def same(a, b, rtol=1e-6, atol=1e-8):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def chain(*members, **kw):
    return [same(members[i], members[i + 1], **kw) for i in range(len(members) - 1)]


def num(value, printed, unit):
    """Printed number agrees with value to one unit of its last printed digit."""
    return bool(abs(float(value) - printed) <= unit * (1 + 1e-9))


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def dsig(z):
    return sig(z) * (1 - sig(z))


def r(lo=-2.0, hi=2.0, size=None):
    return RNG.uniform(lo, hi, size=size)


def away(lo=0.1, hi=2.0):
    """A random number with |x| in [lo, hi] and random sign (keeps clear of kinks)."""
    return float(RNG.choice([-1.0, 1.0]) * RNG.uniform(lo, hi))


# ============================================================================ claims
C = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            C[i] = fn
        return fn
    return deco


def twin(cid, suffix):
    return cid.endswith(suffix)


# ---------------------------------------------------------------- Erika Duan
@claim('x-duan-gd-derivative', 'x-duan-gd-derivative-factor')
def _(cid):
    x = r()
    f = lambda t: t ** 2
    rhs = x if twin(cid, 'factor') else 2 * x
    return chain(d1(f, x), d1(f, x), rhs)          # f'(x) = d/dx x^2 = 2x


@claim('x-duan-gradient-2d', 'x-duan-gradient-2d-factor')
def _(cid):
    x, y = r(), r()
    f = lambda a, b: a ** 2 + 3 * b ** 2
    grad = np.array([d1(lambda t: f(t, y), x), d1(lambda t: f(x, t), y)])
    rhs = np.array([2 * x, 3 * y if twin(cid, 'factor') else 6 * y])
    return chain(grad, rhs)


def _duan_linear():
    w, b, x, y = r(), r(), r(), r()
    L_of = lambda w_, b_: 0.5 * ((w_ * x + b_) - y) ** 2
    return w, b, x, y, L_of


@claim('x-duan-linear-dldyhat', 'x-duan-linear-dldyhat-sign')
def _(cid):
    yh, y = r(), r()
    lhs = d1(lambda t: 0.5 * (t - y) ** 2, yh)
    m1 = (2 / 2) * (yh - y) ** 1 * (1 - 0)
    m2 = (y - yh) if twin(cid, 'sign') else (yh - y)
    return chain(lhs, m1, m2)


@claim('x-duan-linear-dldw', 'x-duan-linear-dldw-swapped')
def _(cid):
    w, b, x, y, L_of = _duan_linear()
    z = w * x + b
    yh = z
    lhs = d1(lambda t: L_of(t, b), w)
    m1 = d1(lambda t: 0.5 * (t - y) ** 2, yh) * d1(lambda t: t, z) * d1(lambda t: t * x + b, w)
    if twin(cid, 'swapped'):
        return chain(lhs, m1, (yh - y) * 1 * w, w * (yh - y))
    return chain(lhs, m1, (yh - y) * 1 * x, x * (yh - y))


@claim('x-duan-linear-dldb', 'x-duan-linear-dldb-term')
def _(cid):
    w, b, x, y, L_of = _duan_linear()
    z = w * x + b
    yh = z
    lhs = d1(lambda t: L_of(w, t), b)
    m1 = d1(lambda t: 0.5 * (t - y) ** 2, yh) * d1(lambda t: t, z) * d1(lambda t: w * x + t, b)
    if twin(cid, 'term'):
        return chain(lhs, m1, (yh - y) * 1 * x, x * (yh - y))
    return chain(lhs, m1, (yh - y) * 1 * 1, yh - y)


@claim('x-duan-sigmoid-deriv', 'x-duan-sigmoid-deriv-sign')
def _(cid):
    z = r(-3, 3)
    lhs = d1(sig, z)
    m1 = np.exp(-z) / (1 + np.exp(-z)) ** 2
    m2 = sig(z) * (1 + sig(z)) if twin(cid, 'sign') else sig(z) * (1 - sig(z))
    return chain(lhs, m1, m2)


def _duan_sigmoid():
    w, b, x, y = r(), r(), r(), r()
    L_of = lambda w_, b_: 0.5 * (sig(w_ * x + b_) - y) ** 2
    return w, b, x, y, L_of


@claim('x-duan-sigmoid-dldw', 'x-duan-sigmoid-dldw-sigma-prime')
def _(cid):
    w, b, x, y, L_of = _duan_sigmoid()
    z = w * x + b
    yh = sig(z)
    lhs = d1(lambda t: L_of(t, b), w)
    m1 = d1(lambda t: 0.5 * (t - y) ** 2, yh) * d1(sig, z) * d1(lambda t: t * x + b, w)
    m2 = (yh - y) * x if twin(cid, 'sigma-prime') else (yh - y) * sig(z) * (1 - sig(z)) * x
    return chain(lhs, m1, m2)


@claim('x-duan-sigmoid-dldb', 'x-duan-sigmoid-dldb-term')
def _(cid):
    w, b, x, y, L_of = _duan_sigmoid()
    z = w * x + b
    yh = sig(z)
    lhs = d1(lambda t: L_of(w, t), b)
    m1 = d1(lambda t: 0.5 * (t - y) ** 2, yh) * d1(sig, z) * d1(lambda t: w * x + t, b)
    m2 = (yh - y) * sig(z) * 1 if twin(cid, 'term') else (yh - y) * sig(z) * (1 - sig(z)) * 1
    return chain(lhs, m1, m2)


def _duan_multi():
    n = int(RNG.integers(3, 8))
    X, Y = r(size=n), r(size=n)
    w, b = r(), r()
    Li = lambda w_, b_: 0.5 * (Y - sig(w_ * X + b_)) ** 2     # per-example losses (sigmoid neuron of the source)
    return n, X, Y, w, b, Li


@claim('x-duan-sum-dldw', 'x-duan-sum-dldw-factor')
def _(cid):
    n, X, Y, w, b, Li = _duan_multi()
    L = lambda w_: float(np.sum(Li(w_, b)))
    lhs = d1(L, w)
    per = np.array([d1(lambda t: Li(t, b)[i], w) for i in range(n)])
    rhs = per.sum() / n if twin(cid, 'factor') else per.sum()
    return chain(lhs, rhs)


@claim('x-duan-sum-dldyhat-source-error')
def _(cid):
    n = int(RNG.integers(3, 8))
    Y, Yh = r(size=n), r(size=n)
    L = lambda yh: 0.5 * np.sum((Y - yh) ** 2)
    i = int(RNG.integers(n))
    lhs = d1(lambda t: L(np.where(np.arange(n) == i, t, Yh)), Yh[i])
    reading1 = np.sum(Y) - Yh[i]            # (sum_i y_i) - yhat_i
    reading2 = np.sum(Y - Yh)               # sum_i (y_i - yhat_i)
    return [same(lhs, reading1) or same(lhs, reading2)]


def _duan_two_layer():
    x, y, w1, b1, w2, b2 = r(), r(), r(), r(), r(), r()

    def L(w1_, b1_, w2_, b2_):
        a1 = sig(w1_ * x + b1_)          # code of the source: z1 = w1 * x + b1, a1 = sigmoid(z1)
        return 0.5 * (sig(w2_ * a1 + b2_) - y) ** 2   # z2 = w2 * a1 + b2, y_hat = sigmoid(z2)
    z1 = w1 * x + b1
    a1 = sig(z1)
    z2 = w2 * a1 + b2
    yh = sig(z2)
    parts = dict(dL_dyh=d1(lambda t: 0.5 * (t - y) ** 2, yh), dyh_dz2=d1(sig, z2),
                 dz2_da1=d1(lambda t: w2 * t + b2, a1), da1_dz1=d1(sig, z1),
                 dz1_dw1=d1(lambda t: t * x + b1, w1), dz1_db1=d1(lambda t: w1 * x + t, b1),
                 dz2_db2=d1(lambda t: w2 * a1 + t, b2))
    return (w1, b1, w2, b2), L, parts


@claim('x-duan-two-layer-dldw1', 'x-duan-two-layer-dldw1-sigma-prime')
def _(cid):
    (w1, b1, w2, b2), L, p = _duan_two_layer()
    lhs = d1(lambda t: L(t, b1, w2, b2), w1)
    if twin(cid, 'sigma-prime'):
        rhs = p['dL_dyh'] * p['dyh_dz2'] * p['dz2_da1'] * p['dz1_dw1']
    else:
        rhs = p['dL_dyh'] * p['dyh_dz2'] * p['dz2_da1'] * p['da1_dz1'] * p['dz1_dw1']
    return chain(lhs, rhs)


@claim('x-duan-two-layer-dldb1', 'x-duan-two-layer-dldb1-index')
def _(cid):
    (w1, b1, w2, b2), L, p = _duan_two_layer()
    lhs = d1(lambda t: L(w1, t, w2, b2), b1)
    if twin(cid, 'index'):
        rhs = p['dL_dyh'] * p['dyh_dz2'] * p['dz2_db2']
    else:
        rhs = p['dL_dyh'] * p['dyh_dz2'] * p['dz2_da1'] * p['da1_dz1'] * p['dz1_db1']
    return chain(lhs, rhs)


# ---------------------------------------------------------------- sreekanth9999
SK = dict(x=1.0, w1=0.5, w2=0.5, y=0.0)


def _sk_forward():
    z1 = SK['x'] * SK['w1']
    a1 = max(0.0, z1)
    z2 = a1 * SK['w2']
    a2 = sig(z2)
    return z1, a1, z2, a2


def _sk_loss_of_z2(z2):
    return -np.log(1 - sig(z2))          # BCE with y = 0


@claim('x-sreekanth-z1', 'x-sreekanth-z1-term')
def _(cid):
    z1 = SK['x'] * SK['w1']
    printed = 1.5 if twin(cid, 'term') else 0.5
    return [same(z1, 1.0 * 0.5), num(1.0 * 0.5, printed, 0.1)]


@claim('x-sreekanth-z2', 'x-sreekanth-z2-factor')
def _(cid):
    _, a1, z2, _ = _sk_forward()
    printed = 0.5 if twin(cid, 'factor') else 0.25
    return [same(z2, 0.5 * 0.5), num(0.5 * 0.5, printed, 0.01)]


@claim('x-sreekanth-a2', 'x-sreekanth-a2-sign')
def _(cid):
    _, _, z2, a2 = _sk_forward()
    m1 = 1 / (1 + np.exp(0.25)) if twin(cid, 'sign') else 1 / (1 + np.exp(-0.25))
    printed = 0.438 if twin(cid, 'sign') else 0.562
    return [same(a2, sig(z2)), same(sig(z2), m1), num(m1, printed, 0.001)]


@claim('x-sreekanth-loss-y0', 'x-sreekanth-loss-y0-swapped')
def _(cid):
    a2 = RNG.uniform(0.05, 0.95)
    y = 0.0
    L = -(y * np.log(a2) + (1 - y) * np.log(1 - a2))
    rhs = -np.log(a2) if twin(cid, 'swapped') else -np.log(1 - a2)
    return [same(L, rhs)]


@claim('x-sreekanth-dsigmoid', 'x-sreekanth-dsigmoid-sign')
def _(cid):
    _, _, z2, a2 = _sk_forward()
    lhs = d1(sig, z2)
    if twin(cid, 'sign'):
        return [same(lhs, a2 * (1 + a2)), num(a2 * (1 + a2), 0.562 * 1.562, 0.002), num(0.562 * 1.562, 0.878, 0.001)]
    # symbolic member vs the rounded product: agreement to the printed 3 decimals
    return [same(lhs, a2 * (1 - a2)), num(a2 * (1 - a2), 0.562 * 0.438, 0.001), num(0.562 * 0.438, 0.246, 0.001)]


@claim('x-sreekanth-dlda2-source-error')
def _(cid):
    _, _, z2, a2 = _sk_forward()
    lhs = d1(lambda t: -np.log(1 - t), a2)        # L = -log(1 - a_2), about 2.28
    return [num(lhs, a2 - 0.0, 0.001), num(a2 - 0.0, 0.562 - 0, 0.001), num(0.562 - 0, 0.562, 0.001)]


@claim('x-sreekanth-dldz2-source-error')
def _(cid):
    _, _, z2, a2 = _sk_forward()
    lhs = d1(_sk_loss_of_z2, z2)                  # = a2 - y = 0.562
    m1 = d1(lambda t: -np.log(1 - t), a2) * d1(sig, z2)
    return [same(lhs, m1), num(m1, 0.562 * 0.246, 0.001), num(0.562 * 0.246, 0.138, 0.001)]


# ---------------------------------------------------------------- tesserato
def _tess():
    i1, i2 = r(), r()
    W = r(size=(2, 3))            # W[a, j] = w_{a+1, j+1}
    U = r(size=(3, 2))            # U[j, k] = u_{j+1, k+1}
    t = r(size=2)
    ts = r(size=3)
    g, gp = np.tanh, (lambda v: 1 - np.tanh(v) ** 2)           # generic activations of the source
    f, fp = sig, dsig
    return i1, i2, W, U, t, ts, g, gp, f, fp


def _tess_E(i1, i2, W, U, t, g, f):
    h = g(i1 * W[0] + i2 * W[1])
    o = f(h @ U)
    return 0.5 * np.sum((o - t) ** 2)


@claim('x-tesserato-dE-du11', 'x-tesserato-dE-du11-term')
def _(cid):
    i1, i2, W, U, t, ts, g, gp, f, fp = _tess()
    h = g(i1 * W[0] + i2 * W[1])

    def with_u11(v):
        U2 = U.copy()
        U2[0, 0] = v
        return U2
    u11 = U[0, 0]
    arg1 = lambda v: h @ with_u11(v)[:, 0]
    arg2 = lambda v: h @ with_u11(v)[:, 1]
    m0 = d1(lambda v: _tess_E(i1, i2, W, with_u11(v), t, g, f), u11)
    m1 = 0.5 * d1(lambda v: (f(arg1(v)) - t[0]) ** 2 + (f(arg2(v)) - t[1]) ** 2, u11)
    m2 = 0.5 * (d1(lambda v: (f(arg1(v)) - t[0]) ** 2, u11) + d1(lambda v: (f(arg2(v)) - t[1]) ** 2, u11))
    m3 = 0.5 * d1(lambda v: (f(arg1(v)) - t[0]) ** 2, u11)
    inner = d1(lambda v: h[0] * v, u11) + d1(lambda v: h[1] * U[1, 0] + 0 * v, u11) + d1(lambda v: h[2] * U[2, 0] + 0 * v, u11)
    m4 = (2 / 2) * (f(arg1(u11)) - t[0]) * (fp(arg1(u11)) * inner - 0.0)
    last = (f(arg1(u11)) - t[0]) * fp(arg1(u11))
    m5 = last if twin(cid, 'term') else h[0] * last
    return chain(m0, m1, m2, m3, m4, m5)


@claim('x-tesserato-dE-dw11', 'x-tesserato-dE-dw11-index')
def _(cid):
    i1, i2, W, U, t, ts, g, gp, f, fp = _tess()

    def with_w11(v):
        W2 = W.copy()
        W2[0, 0] = v
        return W2
    lhs = d1(lambda v: _tess_E(i1, i2, with_w11(v), U, t, g, f), W[0, 0])
    h = g(i1 * W[0] + i2 * W[1])
    a1, a2 = h @ U[:, 0], h @ U[:, 1]
    gpv = gp(i1 * W[0, 0] + i2 * W[1, 0])
    u_second = U[1, 0] if twin(cid, 'index') else U[0, 1]       # u_{21} (twin) or u_{12}
    rhs = (f(a1) - t[0]) * fp(a1) * (U[0, 0] * i1 * gpv) + (f(a2) - t[1]) * fp(a2) * (u_second * i1 * gpv)
    return chain(lhs, rhs)


@claim('x-tesserato-dEstar-dw11', 'x-tesserato-dEstar-dw11-index')
def _(cid):
    i1, i2, W, U, t, ts, g, gp, f, fp = _tess()

    def h_of(v):
        W2 = W.copy()
        W2[0, 0] = v
        return g(i1 * W2[0] + i2 * W2[1])
    w11 = W[0, 0]
    Es = lambda v: 0.5 * np.sum((h_of(v) - ts) ** 2)
    m0 = d1(Es, w11)
    m1 = 0.5 * sum(d1(lambda v: (h_of(v)[j] - ts[j]) ** 2, w11) for j in range(3))
    dh1 = d1(lambda v: h_of(v)[0], w11)
    h1 = h_of(w11)[0]
    m2 = (2 / 2) * (h1 - ts[0]) * dh1 - 0.0        # derivative of the constant target is 0
    m3 = (h1 - ts[0]) * dh1
    inp = i2 if twin(cid, 'index') else i1
    m4 = inp * (h1 - ts[0]) * gp(i1 * w11 + i2 * W[1, 0])
    return chain(m0, m1, m2, m3, m4)


# ---------------------------------------------------------------- ninjakx
@claim('x-ninjakx-out-h11', 'x-ninjakx-out-h11-sign')
def _(cid):
    net = 1.4
    out = sig(net)
    if twin(cid, 'sign'):
        m = 1 / (1 + np.exp(1.4))
        return [same(out, m), num(m, 0.197816, 1e-6)]
    m = 1 / (1 + np.exp(-1.4))
    return [same(out, m), num(m, 0.802184, 1e-6)]


@claim('x-ninjakx-out-h12-source-error')
def _(cid):
    m = 1 / (1 + np.exp(-1.45))               # 0.8099984: the printed 0.80998 is two units off
    return [same(sig(1.45), m), num(m, 0.80998, 1e-5)]


@claim('x-ninjakx-out-h21-source-error')
def _(cid):
    m = 1 / (1 + np.exp(0.43))
    return [same(sig(0.43), m), num(m, 0.56026, 1e-5)]


@claim('x-ninjakx-out-h22-source-error')
def _(cid):
    m = 1 / (1 + np.exp(-1))
    return [same(sig(1.0), m), num(m, 0.637529, 1e-6)]


@claim('x-ninjakx-out-o1-source-error')
def _(cid):
    m = 1 / (1 + np.exp(0.17))
    return [same(sig(0.17), m), num(m, 0.544556, 1e-6)]


# ---------------------------------------------------------------- KarelZe (bars are dL/d(.))
def _karel():
    w, b, x, t = r(), r(), r(), r()
    L = lambda w_, b_: 0.5 * (sig(w_ * x + b_) - t) ** 2
    z = w * x + b
    y = sig(z)
    ybar = d1(lambda v: 0.5 * (v - t) ** 2, y)
    zbar = d1(lambda v: 0.5 * (sig(v) - t) ** 2, z)
    wbar = d1(lambda v: L(v, b), w)
    bbar = d1(lambda v: L(w, v), b)
    return dict(w=w, b=b, x=x, t=t, z=z, y=y, ybar=ybar, zbar=zbar, wbar=wbar, bbar=bbar)


@claim('x-karelze-ybar', 'x-karelze-ybar-sign')
def _(cid):
    k = _karel()
    return [same(k['ybar'], (k['t'] - k['y']) if twin(cid, 'sign') else (k['y'] - k['t']))]


@claim('x-karelze-zbar', 'x-karelze-zbar-sigma-prime')
def _(cid):
    k = _karel()
    return [same(k['zbar'], k['ybar'] * (sig(k['z']) if twin(cid, 'sigma-prime') else d1(sig, k['z'])))]


@claim('x-karelze-wbar', 'x-karelze-wbar-sigma-prime')
def _(cid):
    k = _karel()
    return [same(k['wbar'], (k['ybar'] if twin(cid, 'sigma-prime') else k['zbar']) * k['x'])]


@claim('x-karelze-bbar', 'x-karelze-bbar-term')
def _(cid):
    k = _karel()
    return [same(k['bbar'], k['zbar'] * k['x'] if twin(cid, 'term') else k['zbar'])]


# ---------------------------------------------------------------- rohit.vision
@claim('x-rohit-sigmoid', 'x-rohit-sigmoid-sign')
def _(cid):
    x = r(-3, 3)
    rhs = sig(x) * (1 + sig(x)) if twin(cid, 'sign') else sig(x) * (1 - sig(x))
    return [same(d1(sig, x), rhs)]


@claim('x-rohit-tanh', 'x-rohit-tanh-sign', 'x-rohit-tanh-factor')
def _(cid):
    x = away(0.1, 2.5)
    rhs = {'sign': 1 + np.tanh(x) ** 2, 'factor': 1 - np.tanh(x)}.get(cid.split('-')[-1], 1 - np.tanh(x) ** 2)
    return [same(d1(np.tanh, x), rhs)]


@claim('x-rohit-swish', 'x-rohit-swish-term')
def _(cid):
    x = away(0.1, 3)
    f = lambda t: t * sig(t)
    rhs = f(x) + sig(x) * (1 - sig(x)) if twin(cid, 'term') else f(x) + sig(x) * (1 - f(x))
    return [same(d1(f, x), rhs)]


@claim('x-rohit-relu', 'x-rohit-relu-term')
def _(cid):
    out = []
    for x in (away(0.2, 3), away(0.2, 3), RNG.uniform(0.2, 3), -RNG.uniform(0.2, 3)):
        if twin(cid, 'term'):
            rhs = x if x > 0 else 0.0
        else:
            rhs = 1.0 if x > 0 else 0.0
        out.append(same(d1(lambda t: max(0.0, t), x), rhs))
    return [all(out)]


@claim('x-rohit-leaky', 'x-rohit-leaky-term')
def _(cid):
    alpha = RNG.uniform(0.01, 0.3)
    f = lambda t: t if t > 0 else alpha * t
    out = []
    for x in (RNG.uniform(0.2, 3), -RNG.uniform(0.2, 3), away(0.2, 3)):
        if twin(cid, 'term'):
            rhs = 1.0 if x > 0 else 0.0
        else:
            rhs = 1.0 if x > 0 else alpha
        out.append(same(d1(f, x), rhs))
    return [all(out)]


@claim('x-rohit-elu', 'x-rohit-elu-term')
def _(cid):
    alpha = RNG.uniform(0.5, 2.0)
    f = lambda t: t if t > 0 else alpha * (np.exp(t) - 1)
    out = []
    for x in (RNG.uniform(0.2, 3), -RNG.uniform(0.2, 3), away(0.2, 3)):
        if twin(cid, 'term'):
            rhs = 1.0 if x > 0 else alpha * (np.exp(x) - 1)
        else:
            rhs = 1.0 if x > 0 else alpha * np.exp(x)
        out.append(same(d1(f, x), rhs))
    return [all(out)]


@claim('x-rohit-linear', 'x-rohit-linear-term')
def _(cid):
    x = away(0.2, 3)
    return [same(d1(lambda t: t, x), x if twin(cid, 'term') else 1.0)]


# ---------------------------------------------------------------- genai-learnning
@claim('x-genai-mse-grad', 'x-genai-mse-grad-factor')
def _(cid):
    yh, y = r(), r()
    lhs = d1(lambda t: (t - y) ** 2, yh)
    return [same(lhs, (yh - y) if twin(cid, 'factor') else 2 * (yh - y))]


@claim('x-genai-mse-number', 'x-genai-mse-number-factor')
def _(cid):
    y, yh = 3.0, 4.2
    mse = (yh - y) ** 2
    m1 = (4.2 - 3.0) ** 2
    printed, unit = (2.4, 0.1) if twin(cid, 'factor') else (1.44, 0.01)
    return [same(mse, m1), num(m1, printed, unit)]


@claim('x-genai-mae-number', 'x-genai-mae-number-sign')
def _(cid):
    y, yh = 3.0, 4.2
    mae = abs(yh - y)
    m1 = abs(4.2 - 3.0)
    printed = -1.2 if twin(cid, 'sign') else 1.2
    return [same(mae, m1), num(m1, printed, 0.1)]


def _bce(yh, y):
    return -y * np.log(yh) - (1 - y) * np.log(1 - yh)


@claim('x-genai-bce-grad', 'x-genai-bce-grad-sign')
def _(cid):
    yh, y = RNG.uniform(0.05, 0.95), RNG.uniform(0, 1)
    lhs = d1(lambda t: _bce(t, y), yh)
    rhs = -y / yh - (1 - y) / (1 - yh) if twin(cid, 'sign') else -y / yh + (1 - y) / (1 - yh)
    return [same(lhs, rhs)]


@claim('x-genai-bce-dz', 'x-genai-bce-dz-sigma-prime')
def _(cid):
    z, y = r(-3, 3), RNG.uniform(0, 1)
    yh = sig(z)
    lhs = d1(lambda t: _bce(sig(t), y), z)
    rhs = (yh - y) * yh * (1 - yh) if twin(cid, 'sigma-prime') else yh - y
    return [same(lhs, rhs)]


@claim('x-genai-bce-y1', 'x-genai-bce-y1-swapped')
def _(cid):
    yh = RNG.uniform(0.05, 0.95)
    rhs = -np.log(1 - yh) if twin(cid, 'swapped') else -np.log(yh)
    return [same(_bce(yh, 1.0), rhs)]


# ---------------------------------------------------------------- justonenotebook
@claim('x-justone-mse-grad', 'x-justone-mse-grad-sign', 'x-justone-mse-grad-factor')
def _(cid):
    n = int(RNG.integers(3, 8))
    Y, Yh = r(size=n), r(size=n)
    L = lambda yh: np.mean((Y - yh) ** 2)
    grad = np.array([d1(lambda t: L(np.where(np.arange(n) == i, t, Yh)), Yh[i]) for i in range(n)])
    rhs = {'sign': 2 * (Y - Yh) / n, 'factor': -2 * (Y - Yh)}.get(cid.split('-')[-1], -2 * (Y - Yh) / n)
    return [same(grad, rhs)]


@claim('x-justone-ce-onehot', 'x-justone-ce-onehot-term')
def _(cid):
    K = int(RNG.integers(3, 7))
    p = RNG.dirichlet(np.ones(K))
    k = int(RNG.integers(K))
    y = np.eye(K)[k]
    L = -np.sum(y * np.log(p))
    rhs = -np.sum(np.log(p)) if twin(cid, 'term') else -np.log(p[k])
    return [same(L, rhs)]


# ---------------------------------------------------------------- odys-z
@claim('x-odysz-dldyhat', 'x-odysz-dldyhat-sign')
def _(cid):
    yh, y = r(), r()
    lhs = d1(lambda t: 0.5 * (t - y) ** 2, yh)
    rhs = (y - yh) if twin(cid, 'sign') else -(y - yh)
    return chain(lhs, lhs, rhs)      # dL/dy_hat is stated as d(1/2(y_hat - y)^2)/dy_hat


@claim('x-odysz-dldw1', 'x-odysz-dldw1-index')
def _(cid):
    w1, w2, b, x1, x2, y = r(), r(), r(), r(), r(), r()
    Lz = lambda z: 0.5 * (sig(z) - y) ** 2           # any loss of z; the source's squared error
    z = w1 * x1 + w2 * x2 + b
    lhs = d1(lambda t: Lz(t * x1 + w2 * x2 + b), w1)
    dLdz = d1(Lz, z)
    m1 = dLdz * d1(lambda t: t * x1 + w2 * x2 + b, w1)
    m2 = dLdz * (x2 if twin(cid, 'index') else x1)
    return chain(lhs, m1, m2)


@claim('x-odysz-dcdY', 'x-odysz-dcdY-factor')
def _(cid):
    m = int(RNG.integers(3, 8))
    Y, Yh = r(size=m), r(size=m)
    C_ = lambda yh: np.sum((Y - yh) ** 2) / (2 * m)
    grad = np.array([d1(lambda t: C_(np.where(np.arange(m) == i, t, Yh)), Yh[i]) for i in range(m)])
    m1 = grad.copy()                               # [dC/dy1, dC/dy2, ...]
    m2 = -1 / m * (Y - Yh)
    m3 = -1 / (2 * m) * (Y - Yh) if twin(cid, 'factor') else -1 / m * (Y - Yh)
    return chain(grad, m1, m2, m3)


@claim('x-odysz-dldb-source-error')
def _(cid):
    w1, w2, b, x1, x2, y = r(), r(), r(), r(), r(), r()
    L = lambda b_: 0.5 * (sig(w1 * x1 + w2 * x2 + b_) - y) ** 2
    return [same(d1(L, b), 1.0)]


# ---------------------------------------------------------------- Jia Fu Low
@claim('x-jiafulow-cosh-pos', 'x-jiafulow-cosh-pos-factor')
def _(cid):
    x = r(-3, 3)
    rhs = (1 + np.exp(-2 * x)) / np.exp(-x) if twin(cid, 'factor') else (1 + np.exp(-2 * x)) / (2 * np.exp(-x))
    return [same(np.cosh(x), rhs)]


@claim('x-jiafulow-cosh-neg', 'x-jiafulow-cosh-neg-sign')
def _(cid):
    x = r(-3, 3)
    rhs = (np.exp(2 * x) - 1) / (2 * np.exp(x)) if twin(cid, 'sign') else (np.exp(2 * x) + 1) / (2 * np.exp(x))
    return [same(np.cosh(x), rhs)]


@claim('x-jiafulow-cosh-exp', 'x-jiafulow-cosh-exp-sign')
def _(cid):
    x = r(-3, 3)
    rhs = (np.exp(x) - np.exp(-x)) / 2 if twin(cid, 'sign') else (np.exp(x) + np.exp(-x)) / 2
    return [same(np.cosh(x), rhs)]


# ---------------------------------------------------------------- Canan Yıldız
def fd_arr(f, X, h=H):
    """Central-difference gradient of a scalar function with respect to every entry of the array X."""
    X = np.array(X, dtype=float)
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        Xp, Xm = X.copy(), X.copy()
        Xp[idx] += h
        Xm[idx] -= h
        G[idx] = (f(Xp) - f(Xm)) / (2 * h)
    return G


def _logreg_loss(w, x, y):
    a = sig(w @ x)
    return -y * np.log(a) - (1 - y) * np.log(1 - a)


@claim('x-yildiz-logreg-grad', 'x-yildiz-logreg-grad-sign')
def _(cid):
    n = int(RNG.integers(2, 5))
    x = np.concatenate([[1.0], r(size=n)])          # x_0 = 1 carries w_0
    w = r(-1, 1, size=n + 1)
    y = float(RNG.integers(2))
    a = sig(w @ x)
    grad = fd_arr(lambda w_: _logreg_loss(w_, x, y), w)
    rhs = (y - a) * x if twin(cid, 'sign') else (a - y) * x
    return [same(grad, rhs)]


@claim('x-yildiz-logreg-matrix', 'x-yildiz-logreg-matrix-factor')
def _(cid):
    n, m = int(RNG.integers(2, 5)), int(RNG.integers(3, 7))
    X = np.vstack([np.ones((1, m)), r(size=(n, m))])  # examples as columns
    Y = RNG.integers(2, size=(1, m)).astype(float)
    w = r(-1, 1, size=n + 1)
    J = lambda w_: float(np.mean([_logreg_loss(w_, X[:, i], Y[0, i]) for i in range(m)]))
    grad = fd_arr(J, w).reshape(-1, 1)
    A = sig(w @ X).reshape(1, m)
    rhs = X @ (A - Y).T if twin(cid, 'factor') else (1 / m) * X @ (A - Y).T
    return [same(grad, grad), same(grad, rhs)]        # nabla J is the name of dJ/dw


def _layer():
    n_l, n_prev, m = 3, 4, int(RNG.integers(3, 6))
    W = r(-1, 1, size=(n_l, n_prev))
    b = r(-1, 1, size=(n_l, 1))
    A_prev = r(size=(n_prev, m))
    g, gp = np.tanh, (lambda z: 1 - np.tanh(z) ** 2)
    c, d = r(size=n_l), r(size=n_l)
    ell = lambda a: float(np.sum(c * np.sin(a)) + 0.3 * (d @ a) ** 2)   # a generic per-example loss
    J_of_A = lambda A: float(np.mean([ell(A[:, i]) for i in range(m)]))
    J_of_Z = lambda Z: J_of_A(g(Z))
    J = lambda W_, b_, A_: J_of_Z(W_ @ A_ + b_)
    Z = W @ A_prev + b
    A = g(Z)
    dA = fd_arr(J_of_A, A)
    dZ = fd_arr(J_of_Z, Z)
    return dict(W=W, b=b, A_prev=A_prev, Z=Z, A=A, g=g, gp=gp, J=J, dA=dA, dZ=dZ, m=m)


@claim('x-yildiz-backprop-dZ', 'x-yildiz-backprop-dZ-sigma-prime')
def _(cid):
    L = _layer()
    act = L['g'] if twin(cid, 'sigma-prime') else L['gp']
    return [True, same(L['dZ'], L['dA'] * act(L['Z']))]     # ':=' names dZ; then the equality


@claim('x-yildiz-backprop-dA', 'x-yildiz-backprop-dA-transpose')
def _(cid):
    L = _layer()
    dA_prev = fd_arr(lambda A_: L['J'](L['W'], L['b'], A_), L['A_prev'])
    try:
        rhs = (L['W'] @ L['dZ']) if twin(cid, 'transpose') else (L['W'].T @ L['dZ'])
    except ValueError:
        return [True, False]                                  # shapes do not match
    return [True, same(dA_prev, rhs)]


@claim('x-yildiz-backprop-dW-source-error')
def _(cid):
    L = _layer()
    dW = fd_arr(lambda W_: L['J'](W_, L['b'], L['A_prev']), L['W'])
    assert same(dW, L['dZ'] @ L['A_prev'].T)                  # what holds with dZ := dJ/dZ
    return [True, same(dW, (1 / L['m']) * L['dZ'] @ L['A_prev'].T)]


@claim('x-yildiz-backprop-db-source-error')
def _(cid):
    L = _layer()
    db = fd_arr(lambda b_: L['J'](L['W'], b_, L['A_prev']), L['b'])
    assert same(db, L['dZ'].sum(axis=1, keepdims=True))
    return [True, same(db, (1 / L['m']) * L['dZ'].sum(axis=1, keepdims=True))]


# ============================================================================ documents
DOCS = {}


def doc(name):
    def deco(fn):
        DOCS[name] = fn
        return fn
    return deco


@doc('sreekanth-tiny-network')
def _():
    x, w1, w2 = SK['x'], SK['w1'], SK['w2']
    relu = lambda t: max(0.0, t)
    z1 = x * w1
    a1 = relu(z1)
    z2 = a1 * w2
    a2 = sig(z2)
    L_a2 = lambda a: -np.log(1 - a)                # BCE with y = 0
    L_z2 = lambda z: L_a2(sig(z))
    L_w2 = lambda w: L_z2(a1 * w)
    L_a1 = lambda a: L_z2(a * w2)
    L_z1 = lambda z: L_a1(relu(z))
    L_w1 = lambda w: L_z1(x * w)
    dL_da2, dL_dz2, dL_da1, dL_dz1 = d1(L_a2, a2), d1(L_z2, z2), d1(L_a1, a1), d1(L_z1, z1)
    ar = RNG.uniform(0.05, 0.95)
    y = 0.0
    out = []
    out.append([DEF, same(x * w1, 1.0 * 0.5), num(1.0 * 0.5, 0.5, 0.1)])
    out.append([DEF, num(relu(z1), 0.5, 0.1)])
    out.append([DEF, same(a1 * w2, 0.5 * 0.5), num(0.5 * 0.5, 0.25, 0.01)])
    out.append([DEF, same(sig(z2), 1 / (1 + np.exp(-0.25))), num(1 / (1 + np.exp(-0.25)), 0.562, 0.001)])
    out.append([DEF])
    out.append([same(-(y * np.log(ar) + (1 - y) * np.log(1 - ar)), -np.log(1 - ar))])
    out.append([same(dL_da2, a2 - y), num(a2 - y, 0.562 - 0, 0.001), num(0.562 - 0, 0.562, 0.001)])
    out.append([same(d1(sig, z2), a2 * (1 - a2)), num(a2 * (1 - a2), 0.562 * 0.438, 0.001), num(0.562 * 0.438, 0.246, 0.001)])
    m1 = dL_da2 * d1(sig, z2)
    out.append([same(dL_dz2, m1), num(m1, 0.562 * 0.246, 0.001), num(0.562 * 0.246, 0.138, 0.001)])
    m1 = dL_dz2 * d1(lambda w: a1 * w, w2)
    out.append([same(d1(L_w2, w2), m1), num(m1, 0.138 * a1, 0.001), same(0.138 * a1, 0.138 * 0.5), num(0.138 * 0.5, 0.069, 0.001)])
    m1 = dL_dz2 * w2
    out.append([same(dL_da1, m1), num(m1, 0.138 * 0.5, 0.001), num(0.138 * 0.5, 0.069, 0.001)])
    out.append([same(d1(relu, z1), 1.0), same(dL_dz1, dL_da1 * 1), num(dL_da1 * 1, 0.069, 0.001)])
    m1 = dL_dz1 * x
    out.append([same(d1(L_w1, w1), m1), num(m1, 0.069 * 1.0, 0.001), num(0.069 * 1.0, 0.069, 0.001)])
    return out


@doc('duan-linear-neuron')
def _():
    out = [[DEF], [DEF], [DEF]]
    out.append(C['x-duan-linear-dldyhat']('x-duan-linear-dldyhat'))
    z = r()
    out.append([same(d1(lambda t: t, z), 1.0)])
    out.append(C['x-duan-linear-dldw']('x-duan-linear-dldw'))
    out.append(C['x-duan-linear-dldb']('x-duan-linear-dldb'))
    return out


def _duan_sigmoid_doc(mutated):
    out = [[DEF]]
    z = r(-3, 3)
    out.append([DEF, same(sig(z), 1 / (1 + np.exp(-z)))])
    out.append([DEF])
    yh, y = RNG.uniform(0.05, 0.95), r()
    out.append([same(d1(lambda t: 0.5 * (t - y) ** 2, yh), yh - y)])
    out.append(C['x-duan-sigmoid-deriv']('x-duan-sigmoid-deriv'))
    if not mutated:
        out.append(C['x-duan-sigmoid-dldw']('x-duan-sigmoid-dldw'))
        out.append(C['x-duan-sigmoid-dldb']('x-duan-sigmoid-dldb'))
        return out
    w, b, x, y, L_of = _duan_sigmoid()
    z = w * x + b
    yh = sig(z)
    lhs = d1(lambda t: L_of(t, b), w)
    m1 = d1(lambda t: 0.5 * (t - y) ** 2, yh) * d1(sig, z) * d1(lambda t: t * x + b, w)
    out.append(chain(lhs, m1, (yh - y) * sig(z) * (1 + sig(z)) * x))
    lhs = d1(lambda t: L_of(w, t), b)
    m1 = d1(lambda t: 0.5 * (t - y) ** 2, yh) * d1(sig, z) * d1(lambda t: w * x + t, b)
    out.append(chain(lhs, m1, (yh - y) * sig(z) * 1))
    return out


@doc('duan-sigmoid-neuron')
def _():
    return _duan_sigmoid_doc(False)


@doc('duan-sigmoid-neuron-mutated')
def _():
    return _duan_sigmoid_doc(True)


@doc('tesserato-two-layer-gradients')
def _():
    out = [[DEF]] * 6                               # h_1, h_2, h_3, o_1, o_2, E
    out.append(C['x-tesserato-dE-du11']('x-tesserato-dE-du11'))
    i1, i2, W, U, t, ts, g, gp, f, fp = _tess()

    def with_u11(v):
        U2 = U.copy()
        U2[0, 0] = v
        return U2
    h = g(i1 * W[0] + i2 * W[1])
    a1 = h @ U[:, 0]
    lhs = d1(lambda v: _tess_E(i1, i2, W, with_u11(v), t, g, f), U[0, 0])
    out.append([same(lhs, h[0] * (f(a1) - t[0]) * fp(a1))])
    out.append(C['x-tesserato-dE-dw11']('x-tesserato-dE-dw11'))
    out.append([DEF])                               # E^*
    out.append(C['x-tesserato-dEstar-dw11']('x-tesserato-dEstar-dw11'))
    return out


@doc('genai-regression-losses')
def _():
    out = [[DEF]]
    out.append(C['x-genai-mse-grad']('x-genai-mse-grad'))
    out.append([DEF])
    out.append([DEF])
    out.append(C['x-genai-mse-number']('x-genai-mse-number'))
    out.append([DEF])
    out.append(C['x-genai-mae-number']('x-genai-mae-number'))
    return out


@doc('yildiz-backprop-step')
def _():
    out = [[DEF], [DEF]]
    for cid in ['x-yildiz-backprop-dZ', 'x-yildiz-backprop-dW-source-error', 'x-yildiz-backprop-db-source-error', 'x-yildiz-backprop-dA']:
        out.append([DEF] + C[cid](cid)[1:])          # ':=' introduces the name, '=' is checked
    return out


# ============================================================================ main
def relation_count(text):
    """Relation signs outside braces: '=' (also inside ':='), '\\approx' and '≈' (an '=' in a subscript such as \\sum_{i = 1} is no relation)."""
    depth = n = 0
    for k, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and (ch in "=≈" or text.startswith(r"\approx", k)):
            n += 1
    return n


def main():
    failures = []
    items = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    missing = [i for i in ids if i not in C]
    extra = [i for i in C if i not in ids]
    assert not missing and not extra, (missing, extra)
    n_valid = n_invalid = 0
    for it in items:
        verdicts = []
        for _ in range(TRIALS):
            res = C[it["id"]](it["id"])
            assert res and all(isinstance(v, bool) for v in res), it["id"]
            verdicts.append(all(res))
        if it["expect"] == "valid":
            n_valid += 1
            ok = all(verdicts)
        else:
            n_invalid += 1
            ok = not any(verdicts)
        if not ok:
            failures.append(f"claim {it['id']}: expect {it['expect']}, numbers say {verdicts}")
    assert len(items) == n_valid + n_invalid == len(C)

    doc_files = sorted(p.name[: -len(".expect.yaml")] for p in (HERE / "docs").glob("*.expect.yaml"))
    md_files = sorted(p.name[: -len(".md")] for p in (HERE / "docs").glob("*.md"))
    assert doc_files == md_files == sorted(DOCS), (doc_files, md_files, sorted(DOCS))
    n_links = n_eq = 0
    for name in doc_files:
        exp = yaml.safe_load((HERE / "docs" / f"{name}.expect.yaml").read_text())
        md = (HERE / "docs" / f"{name}.md").read_text().splitlines()
        for trial in range(TRIALS):
            got = DOCS[name]()
            assert len(got) == len(exp["links"]), (name, len(got), len(exp["links"]))
            for link, res in zip(exp["links"], got, strict=True):
                assert len(res) == len(link["expect"]) == relation_count(link["text"]), (name, link["line"])
                assert link["text"] in md[link["line"] - 1], (name, link["line"])
                if trial == 0:
                    n_links += 1
                for e, rr in zip(link["expect"], res, strict=True):
                    if trial == 0:
                        n_eq += 1
                    if e == DEF or rr is DEF:
                        if not (e == DEF and rr is DEF):
                            failures.append(f"doc {name} line {link['line']}: expect {e}, checker says {rr}")
                    elif (e == "valid") != rr:
                        failures.append(f"doc {name} line {link['line']}: expect {e}, numbers say {rr} (trial {trial})")
        for m in exp.get("mutations") or []:
            assert m["now"] in md[m["line"] - 1], (name, m)
    print(f"claims checked: {len(items)} ({n_valid} valid, {n_invalid} invalid), {TRIALS} random draws each")
    print(f"documents checked: {len(doc_files)}, relation lines: {n_links}, relation links: {n_eq}")
    if failures:
        print(f"FAILED: {len(failures)} disagreement(s)")
        for f in failures:
            print("  " + f)
        return 1
    print("all expectations agree with the numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
