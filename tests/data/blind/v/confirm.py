# ruff: noqa: E501, E741, E731, N802, N803, N806, B023  (hand-written confirmation data)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part v).

Each claim and each document link is re-coded by hand as NumPy functions of random inputs.
Derivatives are compared against central finite differences (rtol 1e-6); printed numbers are
compared to one unit of their last printed digit.  Nothing here parses LaTeX.
A chain A = B = C yields one boolean per `=`; a claim holds iff all its links hold on every
random draw.  Exit status is non-zero if any expectation disagrees with the numbers.
"""

import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261206)
TRIALS = 3
H = 1e-6


# ============================================================================ helpers
def fd(f, x, h=H):
    """Central-difference derivative of f w.r.t. every entry of x; shape f(x).shape + x.shape."""
    x = np.array(x, dtype=float)
    f0 = np.asarray(f(x), dtype=float)
    out = np.zeros(f0.shape + x.shape)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        out[(Ellipsis,) + idx] = (np.asarray(f(xp), dtype=float) - np.asarray(f(xm), dtype=float)) / (2 * h)
    return out


def d1(f, x, h=H):
    return (f(x + h) - f(x - h)) / (2 * h)


def same(a, b, rtol=1e-6, atol=1e-7):
    if a is None or b is None:
        return False
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def num(value, printed, unit):
    """Printed number agrees with value to one unit of its last printed digit."""
    return bool(abs(float(value) - printed) <= unit * (1 + 1e-9))


def chain(*members, **kw):
    return [same(members[i], members[i + 1], **kw) for i in range(len(members) - 1)]


def mm(*ms):
    try:
        out = np.asarray(ms[0], dtype=float)
        for m in ms[1:]:
            out = out @ np.asarray(m, dtype=float)
        return out
    except ValueError:
        return None


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def dsig(z):
    return sig(z) * (1 - sig(z))


def generic(shape):
    """A smooth, non-separable scalar function of an array of `shape` (stands in for an unknown loss)."""
    a = RNG.normal(size=shape)
    b = RNG.normal(size=shape)
    return lambda z: float(np.sum(a * np.sin(z)) + 0.3 * np.sum(b * z) ** 2 + 0.1 * np.sum(z ** 2) ** 1.5)


def away_from_zero(shape, lo=0.05):
    z = RNG.normal(size=shape)
    z[np.abs(z) < lo] += np.sign(z[np.abs(z) < lo] + 1e-12) * lo
    return z


def onehot(n, k):
    y = np.zeros(n)
    y[k] = 1.0
    return y


# ============================================================================ claims
C = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            C[i] = fn
        return fn
    return deco


# ---------------------------------------------------------------- snowch
@claim('v-snowch-ce-number', 'v-snowch-ce-number-log10')
def _(cid):
    y, p = np.array([1.0, 0.0]), np.array([0.88, 0.12])
    L = -np.sum(y * np.log(p))
    m1 = -(1 * np.log(0.88) + 0 * np.log(0.12))
    m2 = -np.log(0.88)
    printed = 0.0555 if cid.endswith('log10') else 0.128
    unit = 0.0001 if cid.endswith('log10') else 0.001
    return chain(L, m1, m2) + [num(m2, printed, unit)]


@claim('v-snowch-chain-number', 'v-snowch-chain-number-factor')
def _(cid):
    w, x = 3.0, 2.0
    Lw = lambda w_: (w_ * x) ** 2
    z = w * x
    m0 = d1(Lw, w)
    m1 = d1(lambda z_: z_ ** 2, z) * d1(lambda w_: w_ * x, w)
    m2 = 2 * z * x
    m3 = 6 * 2 if cid.endswith('factor') else 12 * 2
    return chain(m0, m1, m2, m3) + [num(m3, 12 if cid.endswith('factor') else 24, 1)]


@claim('v-snowch-sgd-step', 'v-snowch-sgd-step-sign')
def _(cid):
    w, g, alpha = 0.5, -0.32, 0.1
    w_new = w - alpha * g          # update rule stated in the source
    m1 = 0.5 - 0.1 * (-0.32)
    printed = 0.468 if cid.endswith('sign') else 0.532
    return [same(w_new, m1), num(m1, printed, 0.001)]


def _out_layer(n_h=8, n_o=2):
    h = RNG.normal(size=(1, n_h))
    W2 = RNG.normal(size=(n_h, n_o))
    b2 = RNG.normal(size=(1, n_o))
    Lz = generic((1, n_o))
    z2 = h @ W2 + b2
    g = fd(Lz, z2).reshape(1, n_o)
    return h, W2, b2, Lz, g


@claim('v-snowch-dw-elem', 'v-snowch-dw-elem-index')
def _(cid):
    h, W2, b2, Lz, g = _out_layer(3, 3)
    lhs = fd(lambda W: Lz(h @ W + b2), W2)
    dz_dw = np.array([[d1(lambda t: (h @ (W2 + t * np.outer(np.eye(3)[i], np.eye(3)[j])) + b2)[0, j], 0.0) for j in range(3)] for i in range(3)])
    m1 = g[0][None, :] * dz_dw
    hh = h[0]
    m2 = np.array([[g[0, j] * (hh[j] if cid.endswith('index') else hh[i]) for j in range(3)] for i in range(3)])
    return chain(lhs, m1, m2)


@claim('v-snowch-dW2-matrix', 'v-snowch-dW2-matrix-transpose', 'v-snowch-dW2-matrix-order')
def _(cid):
    h, W2, b2, Lz, g = _out_layer()
    lhs = fd(lambda W: Lz(h @ W + b2), W2)
    if cid.endswith('transpose'):
        rhs = mm(g.T, h)
    elif cid.endswith('order'):
        rhs = mm(g, h.T)
    else:
        rhs = mm(h.T, g)
    return chain(lhs, rhs)


@claim('v-snowch-dh-matrix', 'v-snowch-dh-matrix-transpose')
def _(cid):
    h, W2, b2, Lz, g = _out_layer()
    lhs = fd(lambda hh: Lz(hh @ W2 + b2), h)
    rhs = mm(g, W2) if cid.endswith('transpose') else mm(g, W2.T)
    return chain(lhs, rhs)


@claim('v-snowch-dh-elem', 'v-snowch-dh-elem-swapped')
def _(cid):
    h, W2, b2, Lz, g = _out_layer(3, 3)
    lhs = fd(lambda hh: Lz(hh @ W2 + b2), h)[0]
    W = W2.T if cid.endswith('swapped') else W2
    rhs = np.array([sum(g[0, j] * W[i, j] for j in range(3)) for i in range(3)])
    return chain(lhs, rhs)


@claim('v-snowch-db-elem')
def _(cid):
    h, W2, b2, Lz, g = _out_layer()
    lhs = fd(lambda b: Lz(h @ W2 + b), b2)
    dz_db = np.array([[d1(lambda t: (h @ W2 + b2 + t * np.eye(2)[j])[0, j], 0.0) for j in range(2)]])
    return chain(lhs, g * dz_db, g * 1)


@claim('v-snowch-db-vector')
def _(cid):
    h, W2, b2, Lz, g = _out_layer()
    return chain(fd(lambda b: Lz(h @ W2 + b), b2), g)


@claim('v-snowch-relu', 'v-snowch-relu-sign')
def _(cid):
    z1 = away_from_zero((1, 6))
    Lh = generic((1, 6))
    lhs = fd(lambda z: Lh(np.maximum(0, z)), z1)
    gh = fd(Lh, np.maximum(0, z1))
    mask = (z1 < 0) if cid.endswith('sign') else (z1 > 0)
    return chain(lhs, gh * mask)


# ---------------------------------------------------------------- jli05
def lse(u):
    return np.log(np.sum(np.exp(u)))


@claim('v-jli05-softmax-grad', 'v-jli05-softmax-grad-sign')
def _(cid):
    V = 6
    u = RNG.normal(size=V)
    js = int(RNG.integers(V))
    E = lambda uu: -(uu[js] - lse(uu))
    y = np.exp(u) / np.sum(np.exp(u))
    t = onehot(V, js)
    rhs = t - y if cid.endswith('sign') else y - t
    return chain(fd(E, u), rhs)


@claim('v-jli05-logsoftmax', 'v-jli05-logsoftmax-sign')
def _(cid):
    V = 6
    u = RNG.normal(size=V)
    js = int(RNG.integers(V))
    y = np.exp(u) / np.sum(np.exp(u))
    rhs = u[js] + lse(u) if cid.endswith('sign') else u[js] - lse(u)
    return chain(np.log(y[js]), rhs)


@claim('v-jli05-negsample-log', 'v-jli05-negsample-log-sign')
def _(cid):
    K = 4
    us = RNG.normal()
    uk = RNG.normal(size=K)
    p = sig(us) * np.prod(sig(-uk))
    inner = uk if cid.endswith('sign') else -uk
    rhs = -np.log(sig(us)) - np.sum(np.log(sig(inner)))
    return chain(-np.log(p), rhs)


def sp(x):  # the stated sigma'(x) = sigma(x)(1 - sigma(x)); cross-checked by FD below
    return sig(x) * (1 - sig(x))


@claim('v-jli05-pos-grad', 'v-jli05-pos-grad-sign')
def _(cid):
    u = RNG.normal()
    assert same(d1(sig, u), sp(u))
    rhs = 1 - sig(u) if cid.endswith('sign') else sig(u) - 1
    return chain(-sp(u) / sig(u), rhs)


@claim('v-jli05-neg-grad', 'v-jli05-neg-grad-sign')
def _(cid):
    u = RNG.normal()
    last = 1 - sig(u) if cid.endswith('sign') else sig(u)
    return chain(sp(-u) / sig(-u), 1 - sig(-u), last)


# ---------------------------------------------------------------- Mukul Rathi, LSTM cell
def _lstm(n=3):
    Gi, Gf, Go = sig(RNG.normal(size=n)), sig(RNG.normal(size=n)), sig(RNG.normal(size=n))
    ct, cp = np.tanh(RNG.normal(size=n)), RNG.normal(size=n)
    Jg = generic((2, n))
    J = lambda a, c: Jg(np.stack([a, c]))      # J depends on a^<t> and c^<t> (next step)
    c = Gi * ct + Gf * cp
    a = Go * np.tanh(c)
    dJa = fd(lambda aa: J(aa, c), a)
    dJc_total = fd(lambda cc: J(Go * np.tanh(cc), cc), c)
    return dict(Gi=Gi, Gf=Gf, Go=Go, ct=ct, cp=cp, J=J, c=c, a=a, dJa=dJa, dJc=dJc_total, n=n)


@claim('v-rathi-lstm-datilde', 'v-rathi-lstm-datilde-swapped')
def _(cid):
    s = _lstm()
    at = np.tanh(s['c'])
    lhs = fd(lambda x: s['J'](s['Go'] * x, s['c']), at)
    rhs = s['dJa'] * (at if cid.endswith('swapped') else s['Go'])
    return chain(lhs, rhs)


def _through_c(s, which, x0):
    def Jof(x):
        Gi, Gf, ct, cp = s['Gi'], s['Gf'], s['ct'], s['cp']
        if which == 'ct':
            ct = x
        elif which == 'Gi':
            Gi = x
        elif which == 'Gf':
            Gf = x
        c = Gi * ct + Gf * cp
        return s['J'](s['Go'] * np.tanh(c), c)
    return fd(Jof, x0)


@claim('v-rathi-lstm-dctilde', 'v-rathi-lstm-dctilde-swapped')
def _(cid):
    s = _lstm()
    lhs = _through_c(s, 'ct', s['ct'])
    rhs = s['dJc'] * (s['Gf'] if cid.endswith('swapped') else s['Gi'])
    return chain(lhs, rhs)


@claim('v-rathi-lstm-dgi', 'v-rathi-lstm-dgi-swapped')
def _(cid):
    s = _lstm()
    lhs = _through_c(s, 'Gi', s['Gi'])
    rhs = s['dJc'] * (s['cp'] if cid.endswith('swapped') else s['ct'])
    return chain(lhs, rhs)


@claim('v-rathi-lstm-dgf', 'v-rathi-lstm-dgf-swapped')
def _(cid):
    s = _lstm()
    lhs = _through_c(s, 'Gf', s['Gf'])
    rhs = s['dJc'] * (s['ct'] if cid.endswith('swapped') else s['cp'])
    return chain(lhs, rhs)


@claim('v-rathi-lstm-dgo', 'v-rathi-lstm-dgo-swapped')
def _(cid):
    s = _lstm()
    lhs = fd(lambda g: s['J'](g * np.tanh(s['c']), s['c']), s['Go'])
    up = s['dJa'] * s['Go'] if cid.endswith('swapped') else s['dJa']
    return chain(lhs, up * np.tanh(s['c']))


@claim('v-rathi-lstm-dzg', 'v-rathi-lstm-dzg-sigma-prime')
def _(cid):
    Zg = RNG.normal(size=(6, 2))
    JG = generic((6, 2))
    G = sig(Zg)
    dG = fd(JG, G)
    rhs = dG * (1 - G) if cid.endswith('sigma-prime') else dG * G * (1 - G)
    return chain(fd(lambda z: JG(sig(z)), Zg), rhs)


@claim('v-rathi-lstm-dzc', 'v-rathi-lstm-dzc-sigma-prime')
def _(cid):
    Zc = RNG.normal(size=(3, 2))
    JC = generic((3, 2))
    ct = np.tanh(Zc)
    dct = fd(JC, ct)
    rhs = dct * (1 - ct) if cid.endswith('sigma-prime') else dct * (1 - ct ** 2)
    return chain(fd(lambda z: JC(np.tanh(z)), Zc), rhs)


@claim('v-rathi-lstm-dconcat', 'v-rathi-lstm-dconcat-term', 'v-rathi-lstm-dconcat-transpose')
def _(cid):
    na, nx, m = 2, 3, 2
    v = RNG.normal(size=(na + nx, m))
    Wg, bg = RNG.normal(size=(3 * na, na + nx)), RNG.normal(size=(3 * na, 1))
    Wc, bc = RNG.normal(size=(na, na + nx)), RNG.normal(size=(na, 1))
    Jz = generic((4 * na, m))
    J = lambda vv: Jz(np.vstack([Wg @ vv + bg, Wc @ vv + bc]))
    Zg, Zc = Wg @ v + bg, Wc @ v + bc
    gg = fd(lambda z: Jz(np.vstack([z, Zc])), Zg)
    gc = fd(lambda z: Jz(np.vstack([Zg, z])), Zc)
    if cid.endswith('term'):
        rhs = mm(Wg.T, gg)
    elif cid.endswith('transpose'):
        a, b = mm(Wg, gg), mm(Wc, gc)
        rhs = None if a is None or b is None else a + b
    else:
        rhs = mm(Wg.T, gg) + mm(Wc.T, gc)
    return chain(fd(J, v), rhs)


@claim('v-rathi-tanh-identity', 'v-rathi-tanh-identity-sigma-prime')
def _(cid):
    A = RNG.normal(size=5)
    Cv = np.tanh(A)
    last = 1 - Cv if cid.endswith('sigma-prime') else 1 - Cv ** 2
    return chain(fd(lambda x: np.tanh(x), A).diagonal(), 1 - np.tanh(A) ** 2, last)


@claim('v-rathi-sigmoid-identity', 'v-rathi-sigmoid-identity-sign')
def _(cid):
    A = RNG.normal(size=5)
    Cv = sig(A)
    last = Cv * (1 + Cv) if cid.endswith('sign') else Cv * (1 - Cv)
    return chain(fd(sig, A).diagonal(), sig(A) - sig(A) ** 2, last)


def _layer(nl, nprev, m):
    W = RNG.normal(size=(nl, nprev))
    A = RNG.normal(size=(nprev, m))
    b = RNG.normal(size=(nl, 1))
    Jz = generic((nl, m))
    G = fd(Jz, W @ A + b)
    lhs = fd(lambda AA: Jz(W @ AA + b), A)
    return W, A, b, G, lhs


@claim('v-rathi-mlp-dA-elem', 'v-rathi-mlp-dA-elem-swapped')
def _(cid):
    n = 3   # square layer so that the swapped-index twin is defined entrywise
    W, A, b, G, lhs = _layer(n, n, 4)
    m1 = np.zeros_like(lhs)
    m2 = np.zeros_like(lhs)
    WT = W.T
    for k in range(n):
        for i in range(4):
            m1[k, i] = sum((W[k, j] if cid.endswith('swapped') else W[j, k]) * G[j, i] for j in range(n))
            m2[k, i] = sum(WT[k, j] * G[j, i] for j in range(n))
    out = chain(lhs, m1, m2)
    if not cid.endswith('swapped'):      # also on a non-square layer
        W, A, b, G, lhs = _layer(3, 5, 4)
        out = [o and same(lhs, W.T @ G) for o in out]
    return out


@claim('v-rathi-mlp-dA-matrix', 'v-rathi-mlp-dA-matrix-transpose', 'v-rathi-mlp-dA-matrix-order')
def _(cid):
    W, A, b, G, lhs = _layer(3, 4, 5)
    if cid.endswith('transpose'):
        rhs = mm(W, G)
    elif cid.endswith('order'):
        rhs = mm(G, W.T)
    else:
        rhs = mm(W.T, G)
    return chain(lhs, rhs)


@claim('v-rathi-mlp-dZ-elem', 'v-rathi-mlp-dZ-elem-sigma-prime')
def _(cid):
    g, gp = np.tanh, lambda z: 1 - np.tanh(z) ** 2   # g: an arbitrary activation
    Z = RNG.normal(size=(3, 4))
    JA = generic((3, 4))
    dJA = fd(JA, g(Z))
    lhs = fd(lambda z: JA(g(z)), Z)
    dAdZ = fd(g, Z).reshape(12, 12).diagonal().reshape(3, 4)
    last = dJA * (g(Z) if cid.endswith('sigma-prime') else gp(Z))
    return chain(lhs, dJA * dAdZ, last)


@claim('v-rathi-ce-dyhat-source-error')
def _(cid):
    m, K = 3, 4
    yhat = RNG.uniform(0.1, 0.9, size=(m, K))
    Y = np.stack([onehot(K, int(RNG.integers(K))) for _ in range(m)])
    J = lambda yh: -1.0 / m * np.sum(Y * np.log(yh))
    return chain(fd(J, yhat), -Y / yhat)


# ---------------------------------------------------------------- Karimi Zayan
@claim('v-zayan-lls-grad', 'v-zayan-lls-grad-factor', 'v-zayan-lls-grad-transpose')
def _(cid):
    n = 4
    A, b, x = RNG.normal(size=(n, n)), RNG.normal(size=(n, 1)), RNG.normal(size=(n, 1))
    F = lambda xx: float(np.sum((A @ xx - b) ** 2))
    r = A @ x - b
    rhs = {'factor': A.T @ r, 'transpose': 2 * A @ r}.get(cid.rsplit('-', 1)[-1], 2 * A.T @ r)
    return chain(fd(F, x), rhs)


@claim('v-zayan-partial-x', 'v-zayan-partial-x-factor')
def _(cid):
    x, y = RNG.normal(size=2)
    f = lambda xx: 3 * xx * y + xx ** 2
    rhs = 3 * y + x if cid.endswith('factor') else 3 * y + 2 * x
    return chain(d1(f, x), rhs)


@claim('v-zayan-dydx', 'v-zayan-dydx-term')
def _(cid):
    x = RNG.normal()
    y = lambda t: np.sin(t ** 2) + 5
    m1 = d1(lambda t: np.sin(t ** 2) + 5, x)
    last = np.cos(x ** 2) if cid.endswith('term') else 2 * x * np.cos(x ** 2)
    return chain(d1(y, x), m1, last)


def _zlayer(m=3, nin=2):
    W, x, b, yv = RNG.normal(size=(m, nin)), RNG.normal(size=(nin, 1)), RNG.normal(size=(m, 1)), RNG.normal(size=(m, 1))
    s, sp_ = np.tanh, lambda z: 1 - np.tanh(z) ** 2          # sigma: any activation
    n = float(m)
    cfun = lambda WW, xx, bb: float(np.sum((s(WW @ xx + bb) - yv) ** 2) / n)
    z = W @ x + b
    a = s(z)
    return dict(W=W, x=x, b=b, y=yv, s=s, sp=sp_, n=n, c=cfun, z=z, a=a, m=m, nin=nin)


def _row(v):
    return np.asarray(v).reshape(1, -1)


@claim('v-zayan-dc-da', 'v-zayan-dc-da-factor')
def _(cid):
    k = 3
    a, yv = RNG.normal(size=(k, 1)), RNG.normal(size=(k, 1))
    n = float(k)
    c = lambda aa: float(np.sum((aa - yv) ** 2) / n)
    lhs = _row(fd(c, a))                       # numerator layout: a row vector
    f = 1 / n if cid.endswith('factor') else 2 / n
    return chain(lhs, f * (a - yv).T)


@claim('v-zayan-dz-dx', 'v-zayan-dz-dx-transpose')
def _(cid):
    s = _zlayer()
    jac = fd(lambda xx: s['W'] @ xx + s['b'], s['x']).reshape(s['m'], s['nin'])   # [k, i] = dz_k/dx_i
    rhs = s['W'].T if cid.endswith('transpose') else s['W']
    return chain(jac, rhs)


@claim('v-zayan-dz-db')
def _(cid):
    s = _zlayer()
    jac = fd(lambda bb: s['W'] @ s['x'] + bb, s['b']).reshape(s['m'], s['m'])
    return chain(jac, np.eye(s['m']))


@claim('v-zayan-da-dz', 'v-zayan-da-dz-sigma-prime')
def _(cid):
    s = _zlayer()
    z = s['z']
    jac = fd(s['s'], z).reshape(3, 3)
    m1 = np.array([[s['sp'](z[0, 0]), 0, 0], [0, s['sp'](z[1, 0]), 0], [0, 0, s['sp'](z[2, 0])]])
    last = np.diag((s['s'](z) if cid.endswith('sigma-prime') else s['sp'](z)).ravel())
    return chain(jac, m1, last)


def _zjacs(s):
    dc_da = _row(fd(lambda aa: float(np.sum((aa - s['y']) ** 2) / s['n']), s['a']))
    da_dz = fd(s['s'], s['z']).reshape(s['m'], s['m'])
    return dc_da, da_dz


@claim('v-zayan-dc-db', 'v-zayan-dc-db-sigma-prime')
def _(cid):
    s = _zlayer()
    lhs = _row(fd(lambda bb: s['c'](s['W'], s['x'], bb), s['b']))
    dc_da, da_dz = _zjacs(s)
    dz_db = fd(lambda bb: s['W'] @ s['x'] + bb, s['b']).reshape(s['m'], s['m'])
    m1 = mm(dc_da, da_dz, dz_db)
    base = 2 / s['n'] * (s['a'] - s['y']).T
    last = base if cid.endswith('sigma-prime') else mm(base, np.diag(s['sp'](s['z']).ravel()))
    return chain(lhs, m1, last)


@claim('v-zayan-dc-dx', 'v-zayan-dc-dx-transpose', 'v-zayan-dc-dx-sigma-prime')
def _(cid):
    s = _zlayer()
    lhs = _row(fd(lambda xx: s['c'](s['W'], xx, s['b']), s['x']))
    dc_da, da_dz = _zjacs(s)
    dz_dx = fd(lambda xx: s['W'] @ xx + s['b'], s['x']).reshape(s['m'], s['nin'])
    m1 = mm(dc_da, da_dz, dz_dx)
    base = 2 / s['n'] * (s['a'] - s['y']).T
    D = np.diag(s['sp'](s['z']).ravel())
    if cid.endswith('transpose'):
        last = mm(base, D, s['W'].T)
    elif cid.endswith('sigma-prime'):
        last = mm(base, s['W'])
    else:
        last = mm(base, D, s['W'])
    return chain(lhs, m1, last)


@claim('v-zayan-dc-dW', 'v-zayan-dc-dW-order')
def _(cid):
    s = _zlayer()
    lhs = fd(lambda WW: s['c'](WW, s['x'], s['b']), s['W']).T          # source's layout: [i, k] = dc/dw_{ki}
    dc_da, da_dz = _zjacs(s)
    T = fd(lambda WW: WW @ s['x'] + s['b'], s['W']).reshape(s['m'], s['m'], s['nin'])   # dz_k/dw_pq
    m1 = np.einsum('k,kpq->pq', mm(dc_da, da_dz).ravel(), T).T
    base = 2 / s['n'] * (s['a'] - s['y']).T
    D = np.diag(s['sp'](s['z']).ravel())
    last = mm(base, D, s['x']) if cid.endswith('order') else mm(s['x'], base, D)
    return chain(lhs, m1, last)


@claim('v-zayan-affine-expansion-source-error')
def _(cid):
    W, x, b = RNG.normal(size=(3, 2)), RNG.normal(size=(2, 1)), RNG.normal(size=(3, 1))
    z = W @ x + b
    m1 = W @ x + b
    m2 = np.array([[W[k, 0] * x[0, 0] + W[k, 1] * x[1, 0] - b[0, 0]] for k in range(3)])
    return chain(z, m1, m2)


# ---------------------------------------------------------------- Schiendorfer
def _fxy():
    x, y = RNG.normal(size=2)
    f = lambda xx, yy: 3 * xx ** 2 + 2 * xx * yy + 5
    return x, y, f


@claim('v-schiendorfer-fx', 'v-schiendorfer-fx-factor')
def _(cid):
    x, y, f = _fxy()
    rhs = 3 * x + 2 * y if cid.endswith('factor') else 6 * x + 2 * y
    return chain(d1(lambda t: f(t, y), x), rhs)


@claim('v-schiendorfer-fy', 'v-schiendorfer-fy-swapped')
def _(cid):
    x, y, f = _fxy()
    return chain(d1(lambda t: f(x, t), y), 2 * y if cid.endswith('swapped') else 2 * x)


@claim('v-schiendorfer-grad', 'v-schiendorfer-grad-swapped')
def _(cid):
    x, y, f = _fxy()
    grad = fd(lambda v: f(v[0], v[1]), np.array([x, y]))
    m1 = np.array([d1(lambda t: f(t, y), x), d1(lambda t: f(x, t), y)])
    last = np.array([2 * x, 6 * x + 2 * y]) if cid.endswith('swapped') else np.array([6 * x + 2 * y, 2 * x])
    return chain(grad, m1, last)


@claim('v-schiendorfer-dL-dy1', 'v-schiendorfer-dL-dy1-factor', 'v-schiendorfer-dL-dy1-sign')
def _(cid):
    y1, y2, t1, t2 = RNG.normal(size=4)
    L = lambda a, b: (a - t1) ** 2 + (b - t2) ** 2
    e1 = y1 - t1
    m1 = 2 * e1 * 1 + 0
    last = {'factor': e1, 'sign': -2 * e1}.get(cid.rsplit('-', 1)[-1], 2 * e1)
    return chain(d1(lambda a: L(a, y2), y1), m1, last)


@claim('v-schiendorfer-sigmoid', 'v-schiendorfer-sigmoid-sign')
def _(cid):
    z = RNG.normal()
    s = lambda t: (1 + np.exp(-t)) ** -1
    rhs = s(z) * (1 + s(z)) if cid.endswith('sign') else s(z) * (1 - s(z))
    return chain(d1(s, z), rhs)


# ---------------------------------------------------------------- aiplaybookin (plain text)
@claim('v-aiplaybookin-dE1-dao1', 'v-aiplaybookin-dE1-dao1-sign', 'v-aiplaybookin-dE1-dao1-factor')
def _(cid):
    t1, a = RNG.uniform(0, 1, size=2)
    E1 = lambda aa: 0.5 * (t1 - aa) ** 2
    m2 = (t1 - a) * (-1)
    last = {'sign': t1 - a, 'factor': 2 * (a - t1)}.get(cid.rsplit('-', 1)[-1], a - t1)
    return chain(d1(E1, a), d1(lambda aa: 0.5 * (t1 - aa) ** 2, a), m2, last)


@claim('v-aiplaybookin-dao1-do1', 'v-aiplaybookin-dao1-do1-sigma-prime')
def _(cid):
    o1 = RNG.normal()
    a = sig(o1)
    last = o1 * (1 - o1) if cid.endswith('sigma-prime') else a * (1 - a)
    return chain(d1(sig, o1), d1(sig, o1), sig(o1) * (1 - sig(o1)), last)


@claim('v-aiplaybookin-do1-dw5', 'v-aiplaybookin-do1-dw5-index')
def _(cid):
    w5, w6, ah1, ah2 = RNG.normal(size=4)
    o1 = lambda w: w * ah1 + w6 * ah2
    return chain(d1(o1, w5), ah2 if cid.endswith('index') else ah1)


# ============================================================================ documents
DOCS = {}


def doc(name):
    def deco(fn):
        DOCS[name] = fn
        return fn
    return deco


# (document checkers are appended below)
DEF = "definition"


def _softmax_setup(K=4):
    z = RNG.normal(size=K)
    y = onehot(K, int(RNG.integers(K)))
    e = np.exp(z)
    S = e.sum()
    p = e / S
    Jac = fd(lambda zz: np.exp(zz) / np.exp(zz).sum(), z)      # [i, j] = dp_i/dz_j
    return z, y, e, S, p, Jac


def _softmax_ce(mutated):
    z, y, e, S, p, Jac = _softmax_setup()
    K = len(z)
    out = [[DEF], [DEF]]
    Lp = lambda pp: -np.sum(y * np.log(pp))
    dLdp = fd(Lp, p)
    out.append(chain(dLdp, -y / p ** 2 if mutated else -y / p))
    m0 = Jac.diagonal()
    m1 = (e * S - e * e) / S ** 2
    m2 = e * (S - e) / S ** 2
    m3 = (e / S) * ((S - e) / S)
    m4 = p * (1 - p)
    out.append(chain(m0, m1, m2))
    out.append(chain(m2, m3, m4))
    off = ~np.eye(K, dtype=bool)
    o0 = Jac[off]
    o1 = ((0 - np.outer(e, e)) / S ** 2)[off]
    o2 = (-np.outer(e / S, e / S))[off]
    o3 = (-np.outer(p, p))[off]
    out.append(chain(o0, o1, o2, o3))
    delta = np.eye(K)
    out.append(chain(Jac, p[:, None] * (delta - p[None, :])))
    Lz = lambda zz: -np.sum(y * np.log(np.exp(zz) / np.exp(zz).sum()))
    g0 = fd(Lz, z)
    g1 = np.array([sum(dLdp[i] * Jac[i, j] for i in range(K)) for j in range(K)])
    g2 = np.array([sum((-y[i] / p[i]) * p[i] * (delta[i, j] - p[j]) for i in range(K)) for j in range(K)])
    out.append(chain(g0, g1, g2))
    g3 = np.array([sum(-y[i] * (delta[i, j] - p[j]) for i in range(K)) for j in range(K)])
    g4 = np.array([sum(-y[i] * delta[i, j] + y[i] * p[j] for i in range(K)) for j in range(K)])
    out.append(chain(g2, g3, g4))
    g5 = -y - p * y.sum() if mutated else -y + p * y.sum()
    out.append(chain(g4, g5))
    out.append([bool(abs(y.sum() - 1) < 1e-12)])
    out.append(chain(g0, -y + p, p - y))
    return out


@doc('snowch-softmax-ce')
def _():
    return _softmax_ce(False)


@doc('snowch-softmax-ce-mutated')
def _():
    return _softmax_ce(True)


@doc('schiendorfer-loss-derivative')
def _():
    x, t, w = 4.0, 8.0, 3.0
    y = w * x
    L = lambda ww: (x * ww - t) ** 2
    out = [[DEF], [DEF], [DEF]]
    out.append([DEF, same((y - t) ** 2, (x * w - t) ** 2)])
    out.append(chain(L(3), (12 - 8) ** 2) + [num((12 - 8) ** 2, 16, 1)])
    out.append(chain(L(3.01), (12.04 - 8) ** 2) + [num((12.04 - 8) ** 2, 16.32, 0.01)])
    out.append(chain(L(1.5), (6 - 8) ** 2) + [num((6 - 8) ** 2, 4, 1)])
    out.append(chain(L(1.51), (6.04 - 8) ** 2) + [num((6.04 - 8) ** 2, 3.84, 0.01)])
    delta = 1e-7
    out.append([same((L(w + delta) - L(w)) / delta, d1(L, w), rtol=1e-5)])
    # the restated expansion, at the example point and as an identity at random points
    ok = chain(L(w), (y - t) ** 2, (x * w - t) ** 2, x ** 2 * w ** 2 - 2 * x * w * t + t ** 2)
    xr, tr, wr = RNG.normal(size=3)
    ok2 = chain((xr * wr - tr) ** 2, (xr * wr - tr) ** 2, (xr * wr - tr) ** 2, xr ** 2 * wr ** 2 - 2 * xr * wr * tr + tr ** 2)
    out.append([a and b for a, b in zip(ok, ok2, strict=True)])
    return out


@doc('rathi-lstm-backward')
def _():
    out = [[DEF]] * 7
    for cid in ['v-rathi-lstm-datilde', 'v-rathi-lstm-dctilde', 'v-rathi-lstm-dgi', 'v-rathi-lstm-dgf',
                'v-rathi-lstm-dgo', 'v-rathi-lstm-dzg', 'v-rathi-lstm-dzc', 'v-rathi-lstm-dconcat']:
        out.append(C[cid](cid))
    return out


@doc('zayan-dense-layer')
def _():
    out = [[DEF], [DEF], [DEF]]
    for cid in ['v-zayan-dz-db', 'v-zayan-dz-dx', 'v-zayan-dc-da', 'v-zayan-da-dz', 'v-zayan-dc-db', 'v-zayan-dc-dx', 'v-zayan-dc-dW']:
        out.append(C[cid](cid))
    return out


@doc('snowch-backprop-layer')
def _():
    out = [[DEF]]
    h, W2, b2, Lz, g = _out_layer()
    z2 = h @ W2 + b2
    comp = np.array([[sum(h[0, i] * W2[i, j] for i in range(8)) + b2[0, j] for j in range(2)]])
    out.append(chain(z2, comp))
    out.append(C['v-snowch-dw-elem']('v-snowch-dw-elem'))
    out.append(C['v-snowch-dW2-matrix']('v-snowch-dW2-matrix'))
    dz_db = np.array([d1(lambda s: (h @ W2 + b2 + s * np.eye(2)[j])[0, j], 0.0) for j in range(2)])
    out.append(chain(dz_db, np.ones(2)))
    out.append(C['v-snowch-db-elem']('v-snowch-db-elem'))
    out.append(C['v-snowch-db-vector']('v-snowch-db-vector'))
    lhs = fd(lambda hh: Lz(hh @ W2 + b2), h)[0]
    dz_dh = fd(lambda hh: hh @ W2 + b2, h)[0, :, 0, :]          # [j, i] = dz_2j/dh_i
    out.append(chain(lhs, np.array([sum(g[0, j] * dz_dh[j, i] for j in range(2)) for i in range(8)])))
    out.append(C['v-snowch-dh-elem']('v-snowch-dh-elem'))
    out.append(C['v-snowch-dh-matrix']('v-snowch-dh-matrix'))
    out.append([DEF])
    z1 = away_from_zero(6)
    relu_d = np.array([d1(lambda s: max(0.0, s), zi) for zi in z1])
    out.append(chain(relu_d, np.where(z1 > 0, 1.0, 0.0)))
    Lh = generic(6)
    lhs = fd(lambda zz: Lh(np.maximum(0, zz)), z1)
    out.append(chain(lhs, fd(Lh, np.maximum(0, z1)) * relu_d))
    out.append(C['v-snowch-relu']('v-snowch-relu'))
    return out


# ============================================================================ main
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
                assert len(res) == len(link["expect"]) == link["text"].count("="), (name, link["line"])
                assert link["text"] in md[link["line"] - 1], (name, link["line"])
                if trial == 0:
                    n_links += 1
                for e, r in zip(link["expect"], res, strict=True):
                    if trial == 0:
                        n_eq += 1
                    if e == "definition" or r is DEF:
                        if not (e == "definition" and r is DEF):
                            failures.append(f"doc {name} line {link['line']}: expect {e}, checker says {r}")
                    elif (e == "valid") != r:
                        failures.append(f"doc {name} line {link['line']}: expect {e}, numbers say {r} (trial {trial})")
        for m in exp.get("mutations") or []:
            assert m["now"] in md[m["line"] - 1], (name, m)
    print(f"claims checked: {len(items)} ({n_valid} valid, {n_invalid} invalid), {TRIALS} random draws each")
    print(f"documents checked: {len(doc_files)}, relation lines: {n_links}, '=' links: {n_eq}")
    if failures:
        print(f"FAILED: {len(failures)} disagreement(s)")
        for f in failures:
            print("  " + f)
        return 1
    print("all expectations agree with the numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
