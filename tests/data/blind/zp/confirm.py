# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zp).

Every claim and every document link is coded by hand below as Python functions of random
inputs (derivatives by central finite differences) or, for printed numbers, compared with
one unit of the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
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
    """printed number(s) agree with value to one unit of the last printed digit"""
    v = np.asarray(value, float)
    p = np.asarray(printed, float)
    if v.shape != p.shape:
        return False
    return bool(np.all(np.abs(v - p) <= unit * (1 + 1e-9)))


def fd(f, x, h=1e-5):
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
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch / index out of range: relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def every(pred, n=NPTS):
    """pred returns a list of link truths; a link holds when it holds at every sample"""
    res = None
    for _ in range(n):
        r = pred()
        res = r if res is None else [a and b for a, b in zip(res, r)]
    return res


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
dsig = lambda x: sig(x) * (1 - sig(x))
relu = lambda x: np.maximum(0.0, x)
drelu = lambda x: (np.asarray(x) > 0).astype(float)


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def away0(shape):
    """random values kept away from ReLU's kink"""
    v = rng.normal(size=shape)
    return np.where(np.abs(v) < 0.1, v + 0.3 * np.sign(v + 1e-12), v)


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def reg(i, fn):
    assert i not in CHECK, i
    CHECK[i] = fn


# ================= A: wintertee (French) =================
phi, dphi = np.tanh, lambda z: 1 - np.tanh(z) ** 2


def A_neuron(which, variant):
    x, w, b = rng.normal(size=3)
    z = w * x + b
    if which == "x":
        g = d1(lambda t: phi(w * t + b), x)
        rhs = {"ok": dphi(z) * w, "bad": dphi(z) * x}[variant]
        chain = dphi(z) * d1(lambda t: w * t + b, x)
    elif which == "w":
        g = d1(lambda t: phi(t * x + b), w)
        rhs = {"ok": dphi(z) * x, "bad": phi(z) * x}[variant]
        chain = dphi(z) * d1(lambda t: t * x + b, w)
    else:
        g = d1(lambda t: phi(w * x + t), b)
        rhs = {"ok": dphi(z) * 1, "bad": dphi(z) * b}[variant]
        chain = dphi(z) * d1(lambda t: w * x + t, b)
    return close(g, chain) and close(chain, rhs)


for _w, _n in [("x", "dadx"), ("w", "dadw"), ("b", "dadb")]:
    reg(f"zp-wintertee-{_n}", (lambda w_: lambda: for_all(lambda: A_neuron(w_, "ok")))(_w))
reg("zp-wintertee-dadx-factor", lambda: for_all(lambda: A_neuron("x", "bad")))
reg("zp-wintertee-dadw-noprime", lambda: for_all(lambda: A_neuron("w", "bad")))
reg("zp-wintertee-dadb-factor", lambda: for_all(lambda: A_neuron("b", "bad")))


def sm_point(K=4):
    z = rng.normal(size=K)
    e = np.exp(z)
    S = e.sum()
    J = np.array([fd(lambda zz: softmax(zz)[i], z) for i in range(K)])  # J[i, j] = d phi_i / d z_j
    return z, e, S, softmax(z), J


def A_diag(sign):
    z, e, S, p, J = sm_point()
    i = j = 1
    mid = (e[i] * S - e[j] * e[i]) / S ** 2
    return close(J[i, j], mid) and close(mid, p[i] * (1 + sign * p[j]))


reg("zp-wintertee-softmax-diag", lambda: for_all(lambda: A_diag(-1)))
reg("zp-wintertee-softmax-diag-sign", lambda: for_all(lambda: A_diag(+1)))


def A_off(sign):
    z, e, S, p, J = sm_point()
    i, j = 0, 2
    mid = (0 - e[j] * e[i]) / S ** 2
    return close(J[i, j], mid) and close(mid, sign * p[j] * p[i])


reg("zp-wintertee-softmax-off", lambda: for_all(lambda: A_off(-1)))
reg("zp-wintertee-softmax-off-sign", lambda: for_all(lambda: A_off(+1)))


def H_of(y):
    return lambda z: -np.sum(y * np.log(softmax(z)))


def A_split(sign):
    q = 4
    z = rng.normal(size=q)
    y = rng.uniform(0.1, 1, size=q)  # any y
    a = softmax(z)
    g = fd(H_of(y), z)
    rhs = np.array([-y[i] * (1 - a[i]) + sign * sum(y[j] * a[i] for j in range(q) if j != i) for i in range(q)])
    return close(g, rhs)


reg("zp-wintertee-ce-split", lambda: for_all(lambda: A_split(+1)))
reg("zp-wintertee-ce-split-sign", lambda: for_all(lambda: A_split(-1)))


def onehot(K):
    y = np.zeros(K)
    y[rng.integers(K)] = 1
    return y


def A_final(sign):
    q = 4
    z = rng.normal(size=q)
    y = onehot(q)
    a = softmax(z)
    return close(fd(H_of(y), z), sign * (a - y))


reg("zp-wintertee-ce-final", lambda: for_all(lambda: A_final(+1)))
reg("zp-wintertee-ce-final-swap", lambda: for_all(lambda: A_final(-1)))

# ================= B: hhelwich (German) =================
vphi, dvphi = np.tanh, lambda z: 1 - np.tanh(z) ** 2


def B_grad():
    n, k = 3, 4
    W = rng.normal(size=(n, k)); a = rng.normal(size=k); t = rng.normal(size=n)
    # reading 1: b_i is the weighted sum (expanded line of the source)
    E1 = lambda Wv: np.mean((t - vphi(Wv @ a)) ** 2)
    b = W @ a
    claim1 = (-2 / n) * np.outer((t - b) * dvphi(b), a)
    ok1 = close(fd(E1, W), claim1)
    # reading 2: b_i = phi(sum_j w_ij a_j) (first formula), MSE uses phi(b_i)
    E2 = lambda Wv: np.mean((t - vphi(vphi(Wv @ a))) ** 2)
    b2 = vphi(W @ a)
    claim2 = (-2 / n) * np.outer((t - b2) * dvphi(b2), a)
    ok2 = close(fd(E2, W), claim2)
    return ok1 or ok2


reg("zp-hhelwich-mse-grad", lambda: for_all(B_grad))


def B_mom(sign):
    n = 3
    alpha, eps, dw_prev, t, b, a = rng.normal(size=6)
    G = (-2 / n) * (t - b) * dvphi(b) * a  # the stated gradient
    lhs = alpha * dw_prev - eps * G
    return close(lhs, alpha * dw_prev + sign * eps * (2 / n) * (t - b) * dvphi(b) * a)


reg("zp-hhelwich-momentum", lambda: for_all(lambda: B_mom(+1)))
reg("zp-hhelwich-momentum-sign", lambda: for_all(lambda: B_mom(-1)))

# ================= D: gaussian37 (Korean) =================
E_ = lambda z: np.exp(-z)


def D_sig(expr):
    z = rng.normal()
    return close(d1(sig, z), expr(z))


reg("zp-gaussian37-sig-step4", lambda: for_all(lambda: D_sig(lambda z: (-1) * 1 / (1 + E_(z)) ** 2 * (0 + E_(z)) * d1(lambda t: -t, z))))
reg("zp-gaussian37-sig-step4-exp", lambda: for_all(lambda: D_sig(lambda z: (-1) * 1 / (1 + E_(z)) * (0 + E_(z)) * d1(lambda t: -t, z))))
reg("zp-gaussian37-sig-frac", lambda: for_all(lambda: D_sig(lambda z: E_(z) / (1 + E_(z)) ** 2)))
reg("zp-gaussian37-sig-frac-sign", lambda: for_all(lambda: D_sig(lambda z: -E_(z) / (1 + E_(z)) ** 2)))
reg("zp-gaussian37-sig-diff", lambda: for_all(lambda: D_sig(lambda z: 1 / (1 + E_(z)) - 1 / (1 + E_(z)) ** 2)))
reg("zp-gaussian37-sig-diff-exp", lambda: for_all(lambda: D_sig(lambda z: 1 / (1 + E_(z)) - 1 / (1 + E_(z)) ** 3)))

Jbce = lambda y: (lambda p: -y * np.log(p) - (1 - y) * np.log(1 - p))


def D_dp(sign):
    y = float(rng.integers(2)); p = rng.uniform(0.05, 0.95)
    return close(d1(Jbce(y), p), -y / p + sign * (1 - y) / (1 - p))


reg("zp-gaussian37-bce-dp", lambda: for_all(lambda: D_dp(+1), 8))
reg("zp-gaussian37-bce-dp-sign", lambda: for_all(lambda: D_dp(-1), 8))


def D_dz(expr):
    y = float(rng.integers(2)); z = rng.normal()
    s = sig(z)
    return close(d1(lambda t: Jbce(y)(sig(t)), z), expr(y, s))


reg("zp-gaussian37-bce-dz18", lambda: for_all(lambda: D_dz(lambda y, s: (-y / s + (1 - y) / (1 - s)) * s * (1 - s)), 8))
reg("zp-gaussian37-bce-dz18-nosigprime", lambda: for_all(lambda: D_dz(lambda y, s: (-y / s + (1 - y) / (1 - s))), 8))


def D_dz_chain(sign):
    y = float(rng.integers(2)); z = rng.normal()
    s = sig(z)
    full = d1(lambda t: Jbce(y)(sig(t)), z)
    chain = d1(Jbce(y), s) * d1(sig, z)
    return close(full, chain) and close(chain, sign * (s - y))


reg("zp-gaussian37-bce-dz", lambda: for_all(lambda: D_dz_chain(+1), 8))
reg("zp-gaussian37-bce-dz-swap", lambda: for_all(lambda: D_dz_chain(-1), 8))


def D_sm(expr):
    z, e, S, p, J = sm_point()
    k = 2
    return close(J[k, k], expr(e[k], S, p[k]))


reg("zp-gaussian37-softmax-27", lambda: for_all(lambda: D_sm(lambda ek, S, pk: ek / S * (S - ek) / S)))
reg("zp-gaussian37-softmax-27-sign", lambda: for_all(lambda: D_sm(lambda ek, S, pk: ek / S * (S + ek) / S)))
reg("zp-gaussian37-softmax-29", lambda: for_all(lambda: D_sm(lambda ek, S, pk: pk * (1 - pk))))
reg("zp-gaussian37-softmax-29-exp", lambda: for_all(lambda: D_sm(lambda ek, S, pk: pk * (1 - pk) ** 2)))

# ================= E: lmToT27 (Vietnamese), row vectors =================
def Lz_factory(m):
    c = rng.normal(size=(1, m))
    return lambda zl: float(np.sum(c * np.sin(zl)) + 0.5 * np.sum(zl ** 2))


def E_layer(variant):
    n, m = 3, 2
    a = rng.normal(size=(1, n)); W = rng.normal(size=(n, m)); b = rng.normal(size=(1, m))
    Lz = Lz_factory(m)
    delta = fd(Lz, a @ W + b)
    if variant in ("dW", "dW-order"):
        g = fd(lambda Wv: Lz(a @ Wv + b), W)
        rhs = a.T @ delta if variant == "dW" else delta @ a.T
        return close(g, rhs)
    g = fd(lambda bv: Lz(a @ W + bv), b)
    if variant == "db":
        return close(g, delta)
    # delta^{l-1}: one layer further back, a^{l-1} = ReLU(z^{l-1})
    zp = away0((1, n))
    dprev = fd(lambda zz: Lz(relu(zz) @ W + b), zp)
    return close(g, dprev)


reg("zp-lmtot27-dW", lambda: for_all(lambda: E_layer("dW")))
reg("zp-lmtot27-dW-order", lambda: for_all(lambda: E_layer("dW-order")))
reg("zp-lmtot27-db", lambda: for_all(lambda: E_layer("db")))
reg("zp-lmtot27-db-index", lambda: for_all(lambda: E_layer("db-index")))


def E_prop(variant, n=3, m=2):
    W = rng.normal(size=(n, m)); b = rng.normal(size=(1, m)); zp = away0((1, n))
    Lz = Lz_factory(m)
    g = fd(lambda zz: Lz(relu(zz) @ W + b), zp)
    delta = fd(Lz, relu(zp) @ W + b)
    if variant == "ok":
        return close(g, (delta @ W.T) * drelu(zp))
    if variant == "t":
        return close(g, (delta @ W) * drelu(zp))
    if variant == "idx":
        return close(g[0], [sum(delta[0, j] * W[i, j] for j in range(m)) * drelu(zp[0, i]) for i in range(n)])
    return close(g[0], [sum(delta[0, j] * W[j, i] for j in range(m)) * drelu(zp[0, i]) for i in range(n)])


reg("zp-lmtot27-delta-prev", lambda: for_all(lambda: E_prop("ok")))
reg("zp-lmtot27-delta-prev-transpose", lambda: for_all(lambda: E_prop("t")))
reg("zp-lmtot27-delta-index", lambda: for_all(lambda: E_prop("idx", 3, 3)))
reg("zp-lmtot27-delta-index-swap", lambda: for_all(lambda: E_prop("swap", 3, 3)))


def E_case1(last_sign):
    z = rng.normal(size=4); c = 1
    a = softmax(z)
    g = fd(lambda zz: -np.log(softmax(zz)[c]), z)[c]
    l1 = -1 / a[c] * a[c] * (1 - a[c])
    l2 = -(1 - a[c])
    l3 = a[c] - 1 if last_sign > 0 else 1 - a[c]
    return close(g, l1) and close(l1, l2) and close(l2, l3)


reg("zp-lmtot27-case1", lambda: for_all(lambda: E_case1(+1)))
reg("zp-lmtot27-case1-sign", lambda: for_all(lambda: E_case1(-1)))


def E_case2(sign):
    z = rng.normal(size=4); c, j = 1, 3
    a = softmax(z)
    g = fd(lambda zz: -np.log(softmax(zz)[c]), z)[j]
    l1 = -1 / a[c] * (-a[c] * a[j])
    return close(g, l1) and close(l1, sign * a[j])


reg("zp-lmtot27-case2", lambda: for_all(lambda: E_case2(+1)))
reg("zp-lmtot27-case2-sign", lambda: for_all(lambda: E_case2(-1)))


def E_deltaL(sign):
    K = 4
    z = rng.normal(size=K); y = onehot(K)
    return close(fd(H_of(y), z), sign * (softmax(z) - y))


reg("zp-lmtot27-deltaL", lambda: for_all(lambda: E_deltaL(+1)))
reg("zp-lmtot27-deltaL-swap", lambda: for_all(lambda: E_deltaL(-1)))

# ================= F: Marsili (Italian) =================
reg("zp-marsili-sigprime", lambda: for_all(lambda: (lambda z: close(d1(sig, z), sig(z) * (1 - sig(z))))(rng.normal())))
reg("zp-marsili-sigprime-sign", lambda: for_all(lambda: (lambda z: close(d1(sig, z), sig(z) * (1 + sig(z))))(rng.normal())))
reg("zp-marsili-symmetry", lambda: for_all(lambda: (lambda x: close(1 - sig(x), sig(-x)))(rng.normal())))
reg("zp-marsili-symmetry-sign", lambda: for_all(lambda: (lambda x: close(1 - sig(x), -sig(x)))(rng.normal())))
reg("zp-marsili-softmax2", lambda: for_all(lambda: (lambda z1, z2: close(np.exp(z1) / (np.exp(z1) + np.exp(z2)), sig(z1 - z2)))(*rng.normal(size=2))))
reg("zp-marsili-softmax2-swap", lambda: for_all(lambda: (lambda z1, z2: close(np.exp(z1) / (np.exp(z1) + np.exp(z2)), sig(z2 - z1)))(*rng.normal(size=2))))


def F_nll(sign):
    z = rng.normal(size=4); c = 2
    return close(-np.log(softmax(z)[c]), sign * z[c] + np.log(np.sum(np.exp(z))))


reg("zp-marsili-nll", lambda: for_all(lambda: F_nll(-1)))
reg("zp-marsili-nll-sign", lambda: for_all(lambda: F_nll(+1)))


def F_multi(variant):
    K, f = 3, 4
    W = rng.normal(size=(K, f)); b = rng.normal(size=K); x = rng.normal(size=f); y = onehot(K)
    L = lambda Wv, bv: -np.sum(y * np.log(softmax(Wv @ x + bv)))
    yh = softmax(W @ x + b)
    gW = fd(lambda Wv: L(Wv, b), W)
    gb = fd(lambda bv: L(W, bv), b)
    if variant == "wki":
        return close(gW, np.outer(yh - y, x))
    if variant == "wki-swap":
        return close(gW, np.outer(y - yh, x))
    if variant == "bk":
        return close(gb, yh - y)
    if variant == "bk-extra":
        return close(gb, (yh - y) * yh * (1 - yh))
    if variant == "W":
        return close(gW, (yh - y)[:, None] @ x[None, :])
    return close(gW, x[:, None] @ (yh - y)[None, :])


for _v, _i in [("wki", "zp-marsili-grad-wki"), ("wki-swap", "zp-marsili-grad-wki-swap"), ("bk", "zp-marsili-grad-bk"),
               ("bk-extra", "zp-marsili-grad-bk-extra"), ("W", "zp-marsili-grad-W"), ("W-order", "zp-marsili-grad-W-order")]:
    reg(_i, (lambda v: lambda: for_all(lambda: F_multi(v)))(_v))

Lbin = lambda y, yh: -(y * np.log(yh) + (1 - y) * np.log(1 - yh))


def F_bin(extra):
    f = 3
    w = rng.normal(size=f); b = rng.normal(); x = rng.normal(size=f); y = float(rng.integers(2))
    yh = sig(w @ x + b)
    g = fd(lambda wv: Lbin(y, sig(wv @ x + b)), w)
    return close(g, (yh - y) * x * (yh * (1 - yh) if extra else 1))


reg("zp-marsili-grad-wj", lambda: for_all(lambda: F_bin(False), 8))
reg("zp-marsili-grad-wj-extra", lambda: for_all(lambda: F_bin(True), 8))


def F_batch(with_m):
    m, f = 5, 3
    X = rng.normal(size=(m, f)); y = rng.integers(2, size=m).astype(float); w = rng.normal(size=f); b = rng.normal()
    cost = lambda wv: np.mean(Lbin(y, sig(X @ wv + b)))
    rhs = ((sig(X @ w + b) - y)[:, None] * X).sum(axis=0) * (1 / m if with_m else 1)
    return close(fd(cost, w), rhs)


reg("zp-marsili-grad-batch", lambda: for_all(lambda: F_batch(True)))
reg("zp-marsili-grad-batch-nom", lambda: for_all(lambda: F_batch(False)))
reg("zp-marsili-sigma2", lambda: num(sig(2.0), 0.881, 0.001))
reg("zp-marsili-sigma2-digits", lambda: num(sig(2.0), 0.818, 0.001))
reg("zp-marsili-sigma0", lambda: num(sig(0.0), 0.5, 0.1))
reg("zp-marsili-sigma0-one", lambda: num(sig(0.0), 1, 1e-12))
logit = lambda p: np.log(p / (1 - p))
reg("zp-marsili-logit08", lambda: close(logit(0.8), np.log(4)) and num(np.log(4), 1.39, 0.01))
reg("zp-marsili-logit08-inverted", lambda: close(logit(0.8), np.log(0.25)) and num(np.log(0.25), -1.39, 0.01))

# ================= G: JoseFRuiz (Spanish) =================
def G_single(variant):
    x, w, b, y = rng.normal(size=4)
    L = lambda ww, bb: 0.5 * (sig(ww * x + bb) - y) ** 2
    z = w * x + b; a = sig(z)
    if variant.startswith("dw"):
        g = d1(lambda t: L(t, b), w)
        return close(g, (a - y) * dsig(z) * x if variant == "dw" else (y - a) * dsig(z) * x)
    g = d1(lambda t: L(w, t), b)
    return close(g, (a - y) * dsig(z) if variant == "db" else (a - y) * dsig(z) * x)


for _v in ["dw", "dw-swap", "db", "db-extra"]:
    reg(f"zp-josefruiz-{_v}", (lambda v: lambda: for_all(lambda: G_single(v)))(_v))


def G_general(transpose):
    n, m = 3, 2
    W = rng.normal(size=(m, n)); b = rng.normal(size=m); zl = rng.normal(size=n)
    c = rng.normal(size=m)
    Lz = lambda z2: np.sum(c * np.cos(z2)) + 0.3 * np.sum(z2 ** 2)
    g = fd(lambda zz: Lz(W @ sig(zz) + b), zl)
    dn = fd(Lz, W @ sig(zl) + b)
    return close(g, ((W.T if transpose else W) @ dn) * dsig(zl))


reg("zp-josefruiz-delta-general", lambda: for_all(lambda: G_general(True)))
reg("zp-josefruiz-delta-general-transpose", lambda: for_all(lambda: G_general(False)))


def net_loss(W1, b1, W2, b2, x, y):
    a1 = relu(W1 @ x + b1)
    a2 = sig(W2 @ a1 + b2)
    return float(0.5 * np.sum((a2 - y) ** 2))


def G_net(variant):
    x = rng.normal(size=(2, 1)); W1 = rng.normal(size=(3, 2)); b1 = rng.normal(size=(3, 1))
    W2 = rng.normal(size=(1, 3)); b2 = rng.normal(size=(1, 1)); y = rng.normal(size=(1, 1))
    z1 = away0((3, 1))  # keep z^1 away from the ReLU kink
    b1 = z1 - W1 @ x
    z2 = W2 @ relu(z1) + b2
    d1_ = fd(lambda zz: net_loss(np.zeros((3, 2)), zz, W2, b2, np.zeros((2, 1)), y), z1)  # dL/dz1
    d2_ = fd(lambda zz: float(0.5 * np.sum((sig(zz) - y) ** 2)), z2)
    if variant in ("dW1", "dW1-order"):
        g = fd(lambda Wv: net_loss(Wv, b1, W2, b2, x, y), W1)
        return close(g, d1_ @ x.T if variant == "dW1" else x @ d1_.T)
    rhs = (W2.T @ d2_) * (drelu(z1) if variant == "delta1" else relu(z1))
    return close(d1_, rhs)


reg("zp-josefruiz-dW1", lambda: for_all(lambda: G_net("dW1")))
reg("zp-josefruiz-dW1-order", lambda: for_all(lambda: G_net("dW1-order")))
reg("zp-josefruiz-delta1", lambda: for_all(lambda: G_net("delta1")))
reg("zp-josefruiz-delta1-noprime", lambda: for_all(lambda: G_net("delta1-noprime")))

# worked example numbers
gx = np.array([[1.0], [2.0]])
gW1 = np.array([[0.1, 0.3], [-0.2, 0.4], [0.5, -0.6]]); gb1 = np.array([[0.1], [0.0], [-0.1]])
gW2 = np.array([[0.2, -0.1, 0.3]]); gb2 = np.array([[0.05]]); gy = np.array([[1.0]])
gz1 = gW1 @ gx + gb1; ga1 = relu(gz1); gz2 = gW2 @ ga1 + gb2; ga2 = sig(gz2)
gd2 = (ga2 - gy) * dsig(gz2)
gd1 = (gW2.T @ gd2) * drelu(gz1)


def Z2(last):
    l1 = close(gz2[0, 0], 0.2 * 0.8 + (-0.1) * 0.6 + 0.3 * 0.0 + 0.05)
    l2 = close(0.2 * 0.8 + (-0.1) * 0.6 + 0.3 * 0.0 + 0.05, 0.16 - 0.06 + 0 + 0.05)
    l3 = close(0.16 - 0.06 + 0 + 0.05, last)
    return l1 and l2 and l3


reg("zp-josefruiz-z2-num", lambda: Z2(0.15))
reg("zp-josefruiz-z2-num-arith", lambda: Z2(0.25))
reg("zp-josefruiz-a2-num", lambda: close(sig(0.15), 1 / (1 + math.exp(-0.15))) and num(sig(0.15), 0.5374, 1e-4))
reg("zp-josefruiz-a2-num-complement", lambda: close(sig(0.15), 1 / (1 + math.exp(-0.15))) and num(sig(0.15), 0.4626, 1e-4))


def SP(last):
    a = sig(0.15)
    return (close(dsig(0.15), a * (1 - a)) and num(a * (1 - a), 0.5374 * (1 - 0.5374), 1e-4)
            and close(0.5374 * (1 - 0.5374), 0.5374 * 0.4626) and num(0.5374 * 0.4626, last, 1e-4))


reg("zp-josefruiz-sigprime-num", lambda: SP(0.2486))
reg("zp-josefruiz-sigprime-num-square", lambda: SP(0.2140))
reg("zp-josefruiz-delta2-num", lambda: num(gd2[0, 0], -0.4626 * 0.2486, 1e-4) and num(-0.4626 * 0.2486, -0.1150, 1e-4))
reg("zp-josefruiz-delta2-num-sign", lambda: num(gd2[0, 0], -0.4626 * 0.2486, 1e-4) and num(-0.4626 * 0.2486, 0.1150, 1e-4))


def DW2(last):
    return (num(gd2 @ ga1.T, -0.1150 * np.array([[0.8, 0.6, 0.0]]), 1e-3)
            and num(-0.1150 * np.array([[0.8, 0.6, 0.0]]), last, 1e-3))


reg("zp-josefruiz-dW2-num", lambda: DW2([[-0.092, -0.069, 0.0]]))
reg("zp-josefruiz-dW2-num-relu", lambda: DW2([[-0.092, -0.069, 0.092]]))


def BP(last):
    v = np.array([[0.2], [-0.1], [0.3]]) * (-0.1150)
    return num(gW2.T @ np.array([[-0.1150]]), v, 1e-12) and num(v, np.array(last).reshape(3, 1), 1e-4)


reg("zp-josefruiz-backprop-num", lambda: BP([-0.023, 0.0115, -0.0345]))
reg("zp-josefruiz-backprop-num-sign", lambda: BP([-0.023, -0.0115, -0.0345]))

# ================= H: CANNDY (Chinese) =================
def H_setup(N=4, D=3, C=2):
    X = rng.normal(size=(N, D)); W = rng.normal(size=(D, C)); b = rng.normal(size=(1, C))
    cc = rng.normal(size=(N, C))
    LY = lambda Y: float(np.sum(cc * np.sin(Y)) + 0.5 * np.sum(Y ** 2))
    G = fd(LY, X @ W + b)
    return X, W, b, LY, G


def H_mat(variant):
    X, W, b, LY, G = H_setup()
    if variant.startswith("dW"):
        g = fd(lambda Wv: LY(X @ Wv + b), W)
        return close(g, X.T @ G if variant == "dW" else G @ X.T)
    g = fd(lambda Xv: LY(Xv @ W + b), X)
    return close(g, G @ W.T if variant == "dX" else G @ W)


for _v in ["dW", "dW-order", "dX", "dX-transpose"]:
    reg(f"zp-canndy-{_v}", (lambda v: lambda: for_all(lambda: H_mat(v)))(_v))


def H_idx(variant):
    N = D = C = 3
    X, W, b, LY, G = H_setup(N, D, C)
    gW = fd(lambda Wv: LY(X @ Wv), W)
    gX = fd(lambda Xv: LY(Xv @ W), X)
    G = fd(LY, X @ W)
    ok = True
    for a in range(D):
        for bb in range(C):
            if variant == "dwab":
                ok &= close(gW[a, bb], sum(G[i, bb] * X[i, a] for i in range(N)))
            elif variant == "dwab-index":
                ok &= close(gW[a, bb], sum(G[i, a] * X[i, bb] for i in range(N)))
    for a in range(N):
        for bb in range(D):
            dy = [fd(lambda Xv: (Xv @ W)[a, j], X)[a, bb] for j in range(C)]  # d y_aj / d x_ab
            if variant in ("dxab", "dxab-index"):
                mid = sum(G[a, j] * dy[j] for j in range(C))
                wv = [W[bb, j] for j in range(C)] if variant == "dxab" else [W[j, bb] for j in range(C)]
                ok &= close(gX[a, bb], mid) and close(mid, sum(G[a, j] * wv[j] for j in range(C)))
            elif variant in ("dyij", "dyij-index"):
                for j in range(C):
                    mid = fd(lambda xr: np.sum(xr * W[:, j]), X[a])[bb]  # d/dx_ab sum_k x_ak w_kj
                    ok &= close(dy[j], mid) and close(mid, W[bb, j] if variant == "dyij" else W[j, bb])
    return ok


for _v in ["dwab", "dwab-index", "dxab", "dxab-index", "dyij", "dyij-index"]:
    reg(f"zp-canndy-{_v}", (lambda v: lambda: for_all(lambda: H_idx(v), 3))(_v))

# ================= I: Santi-13 (Spanish) =================
def I_sm(square):
    h = rng.normal(size=4); al = 1
    e = np.exp(h); S = e.sum()
    g = fd(lambda hh: np.exp(hh[al]) / np.exp(hh).sum(), h)[al]
    mid = (S * e[al] - e[al] * e[al]) / (S * S if square else S)
    return close(g, g) and close(g, mid)


reg("zp-santi-softmax-diag", lambda: for_all(lambda: I_sm(True)))
reg("zp-santi-softmax-diag-square", lambda: for_all(lambda: I_sm(False)))


def I_q(sign):
    x = rng.normal()
    u = np.sin; v = lambda t: np.exp(t) + 2
    du, dv = d1(u, x), d1(v, x)
    g = d1(lambda t: u(t) / v(t), x)
    return close(g, sign * (v(x) * du - u(x) * dv) / v(x) ** 2)


reg("zp-santi-quotient", lambda: for_all(lambda: I_q(+1)))
reg("zp-santi-quotient-sign", lambda: for_all(lambda: I_q(-1)))


# ======================= documents =======================
DOCS = {}
N_ = None  # a definition


def doc(stem, fns):
    DOCS[stem] = fns


# ---- wintertee
def w_neuron(which):
    def f():
        def p():
            x, w, b = rng.normal(size=3)
            zf = {"x": lambda t: w * t + b, "w": lambda t: t * x + b, "b": lambda t: w * x + t}[which]
            v = {"x": x, "w": w, "b": b}[which]
            z = w * x + b
            g = d1(lambda t: phi(zf(t)), v)
            chain = dphi(z) * d1(zf, v)
            rhs = dphi(z) * {"x": w, "w": x, "b": 1}[which]
            return [close(g, chain), close(chain, rhs)]
        return every(p)
    return f


def w_diag():
    def p():
        z, e, S, ph, J = sm_point()
        i = j = 1
        frac = fd(lambda zz: np.exp(zz[i]) / np.exp(zz).sum(), z)[j]
        r = [frac, (e[i] * S - e[j] * e[i]) / S ** 2, e[i] / S * (S - e[j]) / S, ph[i] * (1 - ph[j])]
        vals = [J[i, j]] + r
        return [close(vals[k], vals[k + 1]) for k in range(4)]
    return every(p)


def w_off():
    def p():
        z, e, S, ph, J = sm_point()
        i, j = 0, 2
        frac = fd(lambda zz: np.exp(zz[i]) / np.exp(zz).sum(), z)[j]
        r = [frac, (0 - e[j] * e[i]) / S ** 2, -e[j] / S * e[i] / S, -ph[j] * ph[i]]
        vals = [J[i, j]] + r
        return [close(vals[k], vals[k + 1]) for k in range(4)]
    return every(p)


def w_ce():
    def p():
        q = 4
        z = rng.normal(size=q); y = onehot(q); a = softmax(z); i = int(rng.integers(q))
        g = fd(H_of(y), z)[i]
        dlog = np.array([fd(lambda zz: np.log(softmax(zz)[j]), z)[i] for j in range(q)])
        da = np.array([fd(lambda zz: softmax(zz)[j], z)[i] for j in range(q)])
        vals = [g, -np.sum(y * dlog), -np.sum(y * da / a),
                -y[i] * a[i] * (1 - a[i]) / a[i] - sum(y[j] * (-a[i] * a[j]) / a[j] for j in range(q) if j != i),
                -y[i] * (1 - a[i]) + sum(y[j] * a[i] for j in range(q) if j != i),
                -y[i] + a[i] * np.sum(y), a[i] - y[i]]
        return [close(vals[k], vals[k + 1]) for k in range(6)]
    return every(p)


doc("wintertee-neurone-softmax", [lambda: [N_], lambda: [N_], w_neuron("x"), w_neuron("w"), w_neuron("b"),
                                  lambda: [N_, N_], w_diag, w_off, lambda: [N_], w_ce])


# ---- gaussian37
def g_sig_chain(mut6):
    def p():
        z = rng.normal(); E = np.exp(-z)
        dE = d1(lambda t: 1 + np.exp(-t), z)
        R = [d1(lambda t: (1 + np.exp(-t)) ** -1, z),                   # (2)
             (-1) / (1 + E) ** 2 * dE,                                  # (3)
             (-1) / (1 + E) ** 2 * (0 + E) * d1(lambda t: -t, z),       # (4)
             (-1) / (1 + E) ** 2 * E * (-1),                            # (5)
             (-E if mut6 else E) / (1 + E) ** 2,                        # (6)
             (1 + E - 1) / (1 + E) ** 2,                                # (7)
             (1 + E) / (1 + E) ** 2 - 1 / (1 + E) ** 2,                 # (8)
             1 / (1 + E) - 1 / (1 + E) ** 2,                            # (9)
             1 / (1 + E) * (1 - 1 / (1 + E)),                           # (10)
             sig(z) * (1 - sig(z))]                                     # (11)
        lhs = d1(sig, z)
        return [close(lhs, R[0])] + [close(R[k - 1], R[k]) for k in range(1, 10)]
    return every(p)


def g_bce(mut20):
    def p():
        y = float(rng.integers(2)); z = rng.normal(); s = sig(z); pp = s
        J = Jbce(y)
        dJdz = d1(lambda t: J(sig(t)), z)
        chain = d1(J, s) * d1(sig, z)
        R17 = (-y / pp + (1 - y) / (1 - pp)) * s * (1 - s)
        R18 = (-y / s + (1 - y) / (1 - s)) * s * (1 - s)
        R19 = (-y + y * s + s - y * s) / (s * (1 - s)) * s * (1 - s)
        R20 = (-y + s) / (s * (1 - s)) * s * (1 if mut20 else (1 - s))
        R21 = s - y
        J13 = -y * np.log(pp) - (1 - y) * np.log(1 - pp)
        return {"15": [close(J(pp), J13), close(J13, -y * np.log(s) - (1 - y) * np.log(1 - s))],
                "16": [close(dJdz, chain)], "17": [close(dJdz, chain), close(chain, R17)],
                "18": [close(R17, R18)], "19": [close(R18, R19)], "20": [close(R19, R20)], "21": [close(R20, R21)]}
    return p


def g_pick(mut6, mut20, part):
    def f():
        if part == "sig":
            return None
        res = None
        for _ in range(8):
            r = g_bce(mut20)()[part]
            res = r if res is None else [a and b for a, b in zip(res, r)]
        return res
    return f


def g_doc(mut6, mut20):
    chain = lambda: g_sig_chain(mut6)
    cache = {}
    def link(k):
        def f():
            if "c" not in cache:
                cache["c"] = chain()
            return [cache["c"][k]]
        return f
    return ([lambda: [N_]] + [link(k) for k in range(10)]
            + [lambda: every(lambda: (lambda z: [close(d1(sig, z), sig(z) * (1 - sig(z)))])(rng.normal())), lambda: [N_]]
            + [g_pick(mut6, mut20, k) for k in ["15", "16", "17", "18", "19", "20", "21"]])


doc("gaussian37-sigmoid-bce", g_doc(False, False))
doc("gaussian37-sigmoid-bce-mutated", g_doc(True, True))


# ---- lmToT27
def l_point():
    K = 4
    z = rng.normal(size=K); y = onehot(K); c = int(np.argmax(y)); a = softmax(z)
    e = np.exp(z); S = e.sum()
    L = lambda zz: -np.sum(y * np.log(softmax(zz)))
    return K, z, y, c, a, e, S, L


def l_links():
    def p():
        K, z, y, c, a, e, S, L = l_point()
        i = int(rng.integers(K)); j = (i + 1 + int(rng.integers(K - 1))) % K
        dai = fd(lambda zz: softmax(zz)[i], z)
        frac = fd(lambda zz: np.exp(zz[i]) / np.exp(zz).sum(), z)
        gL = fd(L, z)
        gc = fd(lambda zz: -np.log(softmax(zz)[c]), z)
        dac = fd(lambda zz: softmax(zz)[c], z)
        jj = (c + 1) % K
        out = [
            [close(L(z), -np.log(a[c]))],
            [close(dai[i], frac[i]), close(frac[i], (e[i] * S - e[i] * e[i]) / S ** 2), close((e[i] * S - e[i] * e[i]) / S ** 2, a[i] * (1 - a[i]))],
            [close(dai[j], -e[i] * e[j] / S ** 2), close(-e[i] * e[j] / S ** 2, -a[i] * a[j])],
            [close(gL, gc), close(gc, -1 / a[c] * dac)],
            [close(gL[c], -1 / a[c] * a[c] * (1 - a[c])), close(-1 / a[c] * a[c] * (1 - a[c]), -(1 - a[c])), close(-(1 - a[c]), a[c] - 1)],
            [close(gL[jj], -1 / a[c] * (-a[c] * a[jj])), close(-1 / a[c] * (-a[c] * a[jj]), a[jj])],
            [close(gL, a - y)],
            [N_, close(gL, a - y)],
        ]
        n, m = 3, 2
        A = rng.normal(size=n); W = rng.normal(size=(n, m)); b = rng.normal(size=m)
        cc = rng.normal(size=m)
        Lz = lambda zl: np.sum(cc * np.sin(zl))
        zl = np.array([sum(W[i_, j_] * A[i_] for i_ in range(n)) + b[j_] for j_ in range(m)])
        dl = fd(Lz, zl)
        gW = fd(lambda Wv: Lz(A @ Wv + b), W)
        dz_dW = lambda i_, j_: fd(lambda Wv: (A @ Wv + b)[j_], W)[i_, j_]
        out.append([all(close(gW[i_, j_], dl[j_] * dz_dW(i_, j_)) for i_ in range(n) for j_ in range(m))])
        out.append([all(close(gW[i_, j_], dl[j_] * A[i_]) for i_ in range(n) for j_ in range(m))])
        return out
    return p


def l_doc():
    cache = {}
    def get(k):
        def f():
            if "r" not in cache:
                res = None
                for _ in range(NPTS):
                    r = l_links()()
                    res = r if res is None else [[(a and b) if a is not None else None for a, b in zip(x, y)] for x, y in zip(res, r)]
                cache["r"] = res
            return cache["r"][k]
        return f
    return [lambda: [N_], get(0), get(1), get(2), get(3), get(4), get(5), get(6), get(7), lambda: [N_], get(8), get(9)]


doc("lmtot27-softmax-ce", l_doc())


# ---- JoseFRuiz worked example
def jl(W1=gW1, b1=gb1, W2=gW2, b2=gb2):
    return net_loss(W1, b1, W2, b2, gx, gy)


Lz2 = lambda zz: float(0.5 * np.sum((sig(zz) - gy) ** 2))
Lz1 = lambda zz: float(0.5 * np.sum((sig(gW2 @ relu(zz) + gb2) - gy) ** 2))
W1n = np.array([[0.1, 0.3], [-0.2, 0.4], [0.5, -0.6]]); xn = np.array([[1.0], [2.0]]); b1n = np.array([[0.1], [0.0], [-0.1]])


def j_doc(mz2, md2, mw1):
    v = [0.1 * 1 + 0.3 * 2, -0.2 * 1 + 0.4 * 2, 0.5 * 1 + (-0.6) * 2]
    f = [
        lambda: [N_], lambda: [N_], lambda: [N_], lambda: [N_, N_], lambda: [N_, N_], lambda: [N_],
        lambda: [N_, close(gW1 @ gx + gb1, W1n @ xn + b1n)],
        lambda: [close(W1n @ xn + b1n, np.array(v).reshape(3, 1) + b1n)],
        lambda: [close(np.array(v).reshape(3, 1) + b1n, np.array([[0.1 + 0.6 + 0.1], [-0.2 + 0.8 + 0.0], [0.5 - 1.2 - 0.1]]))],
        lambda: [num(np.array([[0.1 + 0.6 + 0.1], [-0.2 + 0.8 + 0.0], [0.5 - 1.2 - 0.1]]), [[0.8], [0.6], [-0.8]], 1e-12)],
        lambda: [N_, close(relu(gz1), [[max(0, 0.8)], [max(0, 0.6)], [max(0, -0.8)]]), num([[max(0, 0.8)], [max(0, 0.6)], [max(0, -0.8)]], [[0.8], [0.6], [0.0]], 1e-12)],
        lambda: [N_, close(gW2 @ ga1 + gb2, np.array([[0.2, -0.1, 0.3]]) @ np.array([[0.8], [0.6], [0.0]]) + 0.05)],
        lambda: [close((np.array([[0.2, -0.1, 0.3]]) @ np.array([[0.8], [0.6], [0.0]]) + 0.05)[0, 0], 0.2 * 0.8 + (-0.1) * 0.6 + 0.3 * 0.0 + 0.05),
                 close(0.2 * 0.8 + (-0.1) * 0.6 + 0.3 * 0.0 + 0.05, 0.16 - 0.06 + 0 + 0.05),
                 close(0.16 - 0.06 + 0 + 0.05, 0.25 if mz2 else 0.15)],
        lambda: [N_, close(ga2[0, 0], 1 / (1 + math.exp(-0.15))), num(1 / (1 + math.exp(-0.15)), 0.5374, 1e-4)],
        lambda: [close(fd(Lz2, gz2), (ga2 - gy) * dsig(gz2))],
        lambda: [close(dsig(gz2[0, 0]), ga2[0, 0] * (1 - ga2[0, 0])), num(ga2[0, 0] * (1 - ga2[0, 0]), 0.5374 * (1 - 0.5374), 1e-4),
                 num(0.5374 * (1 - 0.5374), 0.5374 * 0.4626, 1e-4), num(0.5374 * 0.4626, 0.2486, 1e-4)],
        lambda: [num(gd2[0, 0], -0.4626 * 0.2486, 1e-4), num(-0.4626 * 0.2486, 0.1150 if md2 else -0.1150, 1e-4)],
        lambda: [close(fd(lambda Wv: jl(W2=Wv), gW2), gd2 @ ga1.T), num(gd2 @ ga1.T, -0.1150 * np.array([[0.8, 0.6, 0.0]]), 1e-4),
                 num(-0.1150 * np.array([[0.8, 0.6, 0.0]]), [[-0.092, -0.069, 0.0]], 1e-3)],
        lambda: [close(fd(lambda bv: jl(b2=bv), gb2), gd2), num(gd2[0, 0], -0.1150, 1e-4)],
        lambda: [close(fd(Lz1, gz1), (gW2.T @ gd2) * drelu(gz1))],
        lambda: [num(gW2.T @ gd2, np.array([[0.2], [-0.1], [0.3]]) * (-0.1150), 1e-4),
                 num(np.array([[0.2], [-0.1], [0.3]]) * (-0.1150), [[-0.023], [0.0115], [-0.0345]], 1e-4)],
        lambda: [num(gd1, np.array([[-0.023], [0.0115], [-0.0345]]) * np.array([[1], [1], [0]]), 1e-4),
                 num(np.array([[-0.023], [0.0115], [-0.0345]]) * np.array([[1], [1], [0]]), [[-0.023], [0.0115], [0.0]], 1e-4)],
        lambda: [safe(lambda: close(fd(lambda Wv: jl(W1=Wv), gW1), gx @ gd1.T if mw1 else gd1 @ gx.T)),
                 safe(lambda: num(gx @ gd1.T if mw1 else gd1 @ gx.T, np.array([[-0.023], [0.0115], [0.0]]) @ np.array([[1, 2]]), 2e-4))],
        lambda: [num(np.array([[-0.023], [0.0115], [0.0]]) @ np.array([[1, 2]]), [[-0.023, -0.046], [0.0115, 0.023], [0, 0]], 1e-4)],
        lambda: [close(fd(lambda bv: jl(b1=bv), gb1), gd1), num(gd1, [[-0.023], [0.0115], [0.0]], 1e-4)],
    ]
    return f


doc("josefruiz-ejemplo-numerico", j_doc(False, False, False))
doc("josefruiz-ejemplo-numerico-mutated", j_doc(True, True, True))


# ---- CANNDY
def c_links():
    N = D = C = 3
    X = rng.normal(size=(N, D)); W = rng.normal(size=(D, C))
    cc = rng.normal(size=(N, C))
    LY = lambda Y: float(np.sum(cc * np.sin(Y)))
    G = fd(LY, X @ W)
    gW = fd(lambda Wv: LY(X @ Wv), W)
    gX = fd(lambda Xv: LY(Xv @ W), X)
    dYdW = np.array([[fd(lambda Wv: (X @ Wv)[i, j], W) for j in range(C)] for i in range(N)])  # [i,j,a,b]
    dYdX = np.array([[fd(lambda Xv: (Xv @ W)[i, j], X) for j in range(C)] for i in range(N)])
    l1 = all(close(gW[a, b], sum(G[i, j] * dYdW[i, j, a, b] for i in range(N) for j in range(C))) for a in range(D) for b in range(C))
    l3 = all(close(gW[a, b], sum(G[i, b] * dYdW[i, b, a, b] for i in range(N))) for a in range(D) for b in range(C))
    l4 = all(close(sum(G[i, b] * dYdW[i, b, a, b] for i in range(N)), sum(G[i, b] * X[i, a] for i in range(N))) for a in range(D) for b in range(C))
    d_of = lambda i, j, a, b, rowi: fd(lambda xr: np.sum(xr * W[:, j]), X[rowi])[b] if rowi == a else 0.0
    l5 = all(close(dYdX[i, j, a, b], d_of(i, j, a, b, i)) for i in range(N) for j in range(C) for a in range(N) for b in range(D))
    l6a = all(close(dYdX[a, j, a, b], fd(lambda xr: np.sum(xr * W[:, j]), X[a])[b]) for j in range(C) for a in range(N) for b in range(D))
    l6b = all(close(fd(lambda xr: np.sum(xr * W[:, j]), X[a])[b], W[b, j]) for j in range(C) for a in range(N) for b in range(D))
    l7a = all(close(gX[a, b], sum(G[a, j] * dYdX[a, j, a, b] for j in range(C))) for a in range(N) for b in range(D))
    l7b = all(close(sum(G[a, j] * dYdX[a, j, a, b] for j in range(C)), sum(G[a, j] * W[b, j] for j in range(C))) for a in range(N) for b in range(D))
    return [[l1], [l3], [l4], [l5], [l6a, l6b], [l7a, l7b], [close(gW, X.T @ G), close(gX, G @ W.T)]]


def c_doc():
    cache = {}
    def get(k):
        def f():
            if "r" not in cache:
                res = None
                for _ in range(3):
                    r = c_links()
                    res = r if res is None else [[a and b for a, b in zip(x, y)] for x, y in zip(res, r)]
                cache["r"] = res
            return cache["r"][k]
        return f
    return [lambda: [N_], get(0), lambda: [N_], get(1), get(2), get(3), get(4), get(5), get(6)]


doc("canndy-linear-layer", c_doc())


# ---- Marsili
def m_links():
    f = 3
    w = rng.normal(size=f); x = rng.normal(size=f); b = rng.normal(); y = float(rng.integers(2))
    z = sum(w[i] * x[i] for i in range(f)) + b
    yh = sig(z); pr = rng.uniform(0.05, 0.95); xx = rng.normal()
    pyx = yh ** y * (1 - yh) ** (1 - y)
    Lce = -(y * np.log(yh) + (1 - y) * np.log(1 - yh))
    gw = fd(lambda wv: Lbin(y, sig(wv @ x + b)), w)
    gb = d1(lambda bv: Lbin(y, sig(w @ x + bv)), b)
    m = 4
    Xb = rng.normal(size=(m, f)); yb = rng.integers(2, size=m).astype(float)
    cost = lambda wv: np.mean(Lbin(yb, sig(Xb @ wv + b)))
    rhs = np.array([np.mean((sig(Xb @ w + b) - yb) * Xb[:, j]) for j in range(f)])
    return [[N_, close(z, w @ x + b)], [N_, close(1 / (1 + np.exp(-z)), 1 / (1 + math.exp(-z)))],
            [close(d1(sig, xx), sig(xx) * (1 - sig(xx)))], [close(1 - sig(xx), sig(-xx))],
            [N_, close(sig(np.log(pr / (1 - pr))), pr)], [N_, N_], [N_],
            [N_, close(-np.log(pyx), Lce)],
            [close(Lce, -(y * np.log(sig(w @ x + b)) + (1 - y) * np.log(1 - sig(w @ x + b))))],
            [close(gw, (yh - y) * x), close(gb, yh - y)], [N_], [close(fd(cost, w), rhs)]]


def m_doc():
    cache = {}
    def get(k):
        def f():
            if "r" not in cache:
                res = None
                for _ in range(8):
                    r = m_links()
                    res = r if res is None else [[(a and b) if a is not None else None for a, b in zip(x, y)] for x, y in zip(res, r)]
                cache["r"] = res
            return cache["r"][k]
        return f
    return [get(k) for k in range(12)]


doc("marsili-regressione-logistica", m_doc())


# ======================= run =======================
def blocks(lines):
    out = []
    k = 0
    while k < len(lines):
        if lines[k] == "$$":
            e = k + 1
            while lines[e] != "$$":
                e += 1
            out.append((k + 1, "\n".join(lines[k + 1:e])))
            k = e + 1
            continue
        ln = lines[k]
        if ln.startswith("$$") and ln.endswith("$$") and len(ln) > 4:
            out.append((k + 1, ln[2:-2]))
        k += 1
    return out


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

    nlinks = nd = nlines = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for mu in ex.get("mutations") or []:
            assert md[mu["line"] - 1] == mu["now"], (stem, mu)
        bl = blocks(md)
        fns = DOCS[stem]
        assert len(bl) == len(ex["links"]) == len(fns), (stem, len(bl), len(ex["links"]), len(fns))
        for (ln, text), lk, fn in zip(bl, ex["links"], fns):
            assert lk["line"] == ln and lk["text"] == text, (stem, lk["line"], ln)
            got = fn()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, ln, got, want)
            nlinks += len(want)
            nlines += 1
            if [None if g is None else bool(g) for g in got] != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {ln}: expect {lk['expect']}, numbers say {got}")
    print(f"documents: {nd} checked, {nlines} display lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
