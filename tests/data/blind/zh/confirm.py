# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zh).

Each claim and each document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, rtol 1e-6) or, for printed numbers, compared with
one unit of the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(2026)
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
    """central-difference gradient of scalar f at array x"""
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
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch means the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
dsig = lambda x: sig(x) * (1 - sig(x))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = (fn, i)
        return fn
    return deco


# ======================= A: zxRobot LeNet, fully connected =======================
def fc_point():
    n, m = 3, 4
    W = rng.normal(size=(n, m)); a = rng.normal(size=m); b = rng.normal(size=n); y = rng.normal(size=n)
    Cz = lambda z: 0.5 * np.sum((sig(z) - y) ** 2)
    z = W @ a + b
    delta = fd(Cz, z)
    return W, a, b, y, z, delta, Cz


def A_dw(variant):
    W, a, b, y, z, delta, Cz = fc_point()
    g = fd(lambda Wv: Cz(Wv @ a + b), W)
    chain = fd(Cz, z)[:, None] * a[None, :]  # dC/dz * dz/dW (chain rule, entrywise)
    rhs = np.outer(delta, a) if variant == "ok" else np.outer(a, delta)
    return close(g, chain) and close(chain, rhs)


@check("zh-zxrobot-fc-dw")
def _(i):
    return for_all(lambda: A_dw("ok"))


@check("zh-zxrobot-fc-dw-transpose")
def _(i):
    return for_all(lambda: A_dw("t"))


def A_db(variant):
    W, a, b, y, z, delta, Cz = fc_point()
    g = fd(lambda bv: Cz(W @ a + bv), b)
    rhs = delta if variant == "ok" else delta * dsig(z)
    return close(g, delta) and close(delta, rhs)


@check("zh-zxrobot-fc-db")
def _(i):
    return for_all(lambda: A_db("ok"))


@check("zh-zxrobot-fc-db-sigmaprime")
def _(i):
    return for_all(lambda: A_db("s"))


@check("zh-zxrobot-fc-delta-out")
def _(i):
    def p():
        W, a, b, y, z, delta, Cz = fc_point()
        aL = sig(z)
        chain = (aL - y) * dsig(z)  # dC/da^L * da^L/dz^L
        printed = (aL - y) * sig(z)  # sigma^l(z^l) read as the activation itself
        printed_pow = (aL - y) * sig(z) ** 2  # or as a power: neither equals sigma'
        return close(delta, chain) and close(chain, printed) and close(chain, printed_pow)
    return for_all(p)


def A_hidden(variant):
    n0, n1, n2 = 4, 3, 2
    W1 = rng.normal(size=(n1, n0)); W2 = rng.normal(size=(n2, n1)); a0 = rng.normal(size=n0)
    b1 = rng.normal(size=n1); b2 = rng.normal(size=n2); y = rng.normal(size=n2)
    C2 = lambda z2: 0.5 * np.sum((sig(z2) - y) ** 2)
    C1 = lambda z1: C2(W2 @ sig(z1) + b2)
    z1 = W1 @ a0 + b1
    d1_ = fd(C1, z1)
    d2_ = fd(C2, W2 @ sig(z1) + b2)
    # "delta(.)" in the source is the activation, so delta'(z^l) = sigma'(z^l)
    rhs = (W2.T @ d2_) * dsig(z1) if variant == "ok" else (W2 @ d2_) * dsig(z1)
    return close(d1_, rhs)


@check("zh-zxrobot-fc-delta-hidden")
def _(i):
    return for_all(lambda: A_hidden("ok"))


@check("zh-zxrobot-fc-delta-hidden-transpose")
def _(i):
    return for_all(lambda: A_hidden("t"))


# ======================= A: zxRobot LeNet, convolution =======================
def conv(a, w):
    z = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            z[i, j] = np.sum(a[i:i + 2, j:j + 2] * w)
    return z


def conv_point():
    a = rng.normal(size=(3, 3)); w = rng.normal(size=(2, 2)); c = rng.normal(size=(2, 2))
    Cz = lambda z: np.sum(c * np.sin(z)) + 0.5 * np.sum(z ** 2)
    z = conv(a, w)
    dl = c * np.cos(z) + z  # delta = dC/dz
    ga = fd(lambda av: Cz(conv(av, w)), a)
    gw = fd(lambda wv: Cz(conv(a, wv)), w)
    # 1-based accessors
    A = lambda r, s: a[r - 1, s - 1]
    Wk = lambda r, s: w[r - 1, s - 1]
    D = lambda r, s: dl[r - 1, s - 1]
    GA = lambda r, s: ga[r - 1, s - 1]
    GW = lambda r, s: gw[r - 1, s - 1]
    return A, Wk, D, GA, GW


DA = {
    "zh-zxrobot-conv-da11": (1, 1, lambda W, D: D(1, 1) * W(1, 1)),
    "zh-zxrobot-conv-da12": (1, 2, lambda W, D: D(1, 1) * W(1, 2) + D(1, 2) * W(1, 1)),
    "zh-zxrobot-conv-da13": (1, 3, lambda W, D: D(1, 2) * W(1, 2)),
    "zh-zxrobot-conv-da21": (2, 1, lambda W, D: D(1, 1) * W(2, 1) + D(2, 1) * W(1, 1)),
    "zh-zxrobot-conv-da22": (2, 2, lambda W, D: D(1, 1) * W(2, 2) + D(1, 2) * W(2, 1) + D(2, 1) * W(1, 2) + D(2, 2) * W(1, 1)),
    "zh-zxrobot-conv-da23": (2, 3, lambda W, D: D(1, 2) * W(2, 2) + D(2, 2) * W(1, 2)),
    "zh-zxrobot-conv-da31": (3, 1, lambda W, D: D(2, 1) * W(2, 1)),
    "zh-zxrobot-conv-da32": (3, 2, lambda W, D: D(2, 1) * W(2, 2) + D(2, 2) * W(2, 1)),
    "zh-zxrobot-conv-da33": (3, 3, lambda W, D: D(2, 2) * W(2, 2)),
    "zh-zxrobot-conv-da11-index": (1, 1, lambda W, D: D(1, 1) * W(2, 2)),
    "zh-zxrobot-conv-da13-index": (1, 3, lambda W, D: D(1, 2) * W(1, 1)),
    "zh-zxrobot-conv-da31-transpose": (3, 1, lambda W, D: D(1, 2) * W(2, 1)),
    "zh-zxrobot-conv-da32-term": (3, 2, lambda W, D: D(2, 1) * W(2, 2)),
    "zh-zxrobot-conv-da33-index": (3, 3, lambda W, D: D(1, 1) * W(2, 2)),
    "zh-zxrobot-conv-da12-swapped": (1, 2, lambda W, D: D(1, 1) * W(1, 1) + D(1, 2) * W(1, 2)),
    "zh-zxrobot-conv-da22-index": (2, 2, lambda W, D: D(1, 1) * W(1, 1) + D(1, 2) * W(1, 2) + D(2, 1) * W(2, 1) + D(2, 2) * W(2, 2)),
    "zh-zxrobot-conv-da23-swapped": (2, 3, lambda W, D: D(1, 2) * W(1, 2) + D(2, 2) * W(2, 2)),
    "zh-zxrobot-conv-da21-term": (2, 1, lambda W, D: D(1, 1) * W(2, 1)),
}


def da_check(i):
    r, s, expr = DA[i]

    def p():
        A, Wk, D, GA, GW = conv_point()
        return close(GA(r, s), expr(Wk, D))
    return for_all(p)


for _i in DA:
    check(_i)(da_check)

DW = {
    "zh-zxrobot-conv-dw11": (1, 1, lambda A, D: A(1, 1) * D(1, 1) + A(1, 2) * D(1, 2) + A(2, 1) * D(2, 1) + A(2, 2) * D(2, 2)),
    "zh-zxrobot-conv-dw11-transpose": (1, 1, lambda A, D: A(1, 1) * D(1, 1) + A(2, 1) * D(1, 2) + A(1, 2) * D(2, 1) + A(2, 2) * D(2, 2)),
    "zh-zxrobot-conv-dw12": (1, 2, lambda A, D: A(1, 2) * D(1, 1) + A(1, 3) * D(1, 2) + A(2, 2) * D(2, 1) + A(2, 3) * D(2, 2)),
    "zh-zxrobot-conv-dw12-index": (1, 2, lambda A, D: A(1, 1) * D(1, 1) + A(1, 2) * D(1, 2) + A(2, 1) * D(2, 1) + A(2, 2) * D(2, 2)),
    "zh-zxrobot-conv-dw21": (2, 1, lambda A, D: A(2, 1) * D(1, 1) + A(2, 2) * D(1, 2) + A(3, 1) * D(2, 1) + A(3, 3) * D(2, 2)),
    # printed label W_{12}, printed right side is the W_{22} expression
    "zh-zxrobot-conv-dw22-label": (1, 2, lambda A, D: A(2, 2) * D(1, 1) + A(2, 3) * D(1, 2) + A(3, 2) * D(2, 1) + A(3, 3) * D(2, 2)),
}


def dw_check(i):
    r, s, expr = DW[i]

    def p():
        A, Wk, D, GA, GW = conv_point()
        return close(GW(r, s), expr(A, D))
    return for_all(p)


for _i in DW:
    check(_i)(dw_check)


# ======================= B: GMyhf printed numbers =======================
NUMS = {
    "zh-gmyhf-a1": lambda: num(0.2 * 0.35 + 0.2 * 0.7, 0.21, 0.01),
    "zh-gmyhf-a1-factor": lambda: num(0.2 * 0.35 + 0.2 * 0.7, 0.42, 0.01),
    "zh-gmyhf-y3": lambda: num(1 / (1 + math.exp(-0.21)), 0.56, 0.01),
    "zh-gmyhf-y3-sign": lambda: num(1 / (1 + math.exp(0.21)), 0.56, 0.01),
    "zh-gmyhf-a2": lambda: num(0.3 * 0.35 + 0.3 * 0.7, 0.315, 0.001),
    "zh-gmyhf-a2-factor": lambda: num(0.3 * 0.35 + 0.3 * 0.7, 0.63, 0.01),
    "zh-gmyhf-y4": lambda: num(1 / (1 + math.exp(-0.315)), 0.578, 0.001),
    "zh-gmyhf-y4-sign": lambda: num(1 / (1 - math.exp(-0.315)), 0.578, 0.001),
    "zh-gmyhf-a3": lambda: num(0.3 * 0.56 + 0.9 * 0.58, 0.702, 0.001),
    "zh-gmyhf-y5": lambda: num(1 / (1 + math.exp(-0.702)), 0.67, 0.01),
    "zh-gmyhf-y5-sign": lambda: num(1 / (1 + math.exp(-0.702)), 0.33, 0.01),
    "zh-gmyhf-delta5": lambda: num(0.67 * (1 - 0.67) * (-0.17), -0.0376, 0.0001),
    "zh-gmyhf-delta5-factor": lambda: num(0.67 * (1 - 0.67) * (-0.17), -0.0188, 0.0001),
    "zh-gmyhf-delta3": lambda: num(0.56 * (1 - 0.56) * (0.3 * -0.0376), -0.0027, 0.0001),
    "zh-gmyhf-delta3-factor": lambda: num(0.56 * (1 - 0.56) * (0.3 * -0.0376), -0.0054, 0.0001),
    "zh-gmyhf-delta4": lambda: num(0.59 * (1 - 0.59) * (0.9 * -0.0376), -0.0819, 0.0001),
    "zh-gmyhf-dw23": lambda: num(1 * (-0.0376) * 0.59, -0.022184, 1e-6),
    "zh-gmyhf-dw23-sign": lambda: num(1 * (-0.0376) * 0.59, 0.022184, 1e-6),
    "zh-gmyhf-w23new": lambda: num(-0.022184 + 0.9, 0.877816, 1e-6),
    "zh-gmyhf-w23new-sign": lambda: num(-0.022184 + 0.9, 0.922184, 1e-6),
    "zh-gmyhf-dw11": lambda: num(1 * (-0.0027) * 0.35, 0.000945, 1e-6),
    "zh-gmyhf-w11new": lambda: num(0.000945 + 0.2, 0.200945, 1e-6),
    "zh-gmyhf-w11new-sign": lambda: num(0.000945 + 0.2, 0.199055, 1e-6),
    "zh-gmyhf-error2": lambda: num(0.5 - 0.61, -0.11, 0.01),
    "zh-gmyhf-error2-sign": lambda: num(0.5 - 0.61, 0.11, 0.01),
}
for _i in NUMS:
    check(_i)(lambda i: bool(NUMS[i]()))


# ======================= C: GitYCC distillation =======================
def C_kd(which):
    K = 4
    z = rng.normal(size=K); v = rng.normal(size=K); T = rng.uniform(1.5, 4.0)
    q = lambda zz: softmax(zz / T)
    y = np.eye(K)[rng.integers(K)]
    p = softmax(v)
    tgt = y if which == "c2" else p
    Cf = lambda zz: np.sum(-tgt * np.log(q(zz)) - (1 - tgt) * np.log(1 - q(zz)))
    return close(fd(Cf, z), (q(z) - tgt) / T)


@check("zh-gitycc-kd-c2")
def _(i):
    return for_all(lambda: C_kd("c2"))


@check("zh-gitycc-kd-c1")
def _(i):
    return for_all(lambda: C_kd("c1"))


# ======================= D: zhangxiaoqiong RNN Jacobian =======================
def D_rnn(variant):
    H, X = 3, 2
    Whh = rng.normal(size=(H, H)); Wxh = rng.normal(size=(H, X)); b = rng.normal(size=H)
    hp = rng.normal(size=H); x = rng.normal(size=X)
    step = lambda hh: np.tanh(Whh @ hh + Wxh @ x + b)
    h = step(hp)
    J = jac(step, hp)
    rhs = {"ok": np.diag(1 - h ** 2) @ Whh, "order": Whh @ np.diag(1 - h ** 2), "index": np.diag(1 - hp ** 2) @ Whh}[variant]
    return close(J, rhs)


check("zh-zhangxq-rnn-jacobian")(lambda i: for_all(lambda: D_rnn("ok")))
check("zh-zhangxq-rnn-jacobian-order")(lambda i: for_all(lambda: D_rnn("order")))
check("zh-zhangxq-rnn-jacobian-index")(lambda i: for_all(lambda: D_rnn("index")))


# ======================= E: iDestro RNN / BP =======================
f_act = np.tanh
df_act = lambda x: 1 - np.tanh(x) ** 2


def E_netjac(variant):
    n, m = 3, 2
    U = rng.normal(size=(n, m)); W = rng.normal(size=(n, n)); x = rng.normal(size=m); netp = rng.normal(size=n)
    net_t = lambda np_: U @ x + W @ f_act(np_)
    J = jac(net_t, netp)
    chain = W @ np.diag(df_act(netp))  # d net_t/d s_{t-1} times d s_{t-1}/d net_{t-1}
    rhs = {"ok": W @ np.diag(df_act(netp)), "order": np.diag(df_act(netp)) @ W, "index": W @ np.diag(df_act(net_t(netp)))}[variant]
    return close(J, chain) and close(chain, rhs)


check("zh-idestro-bptt-netjac")(lambda i: for_all(lambda: E_netjac("ok")))
check("zh-idestro-bptt-netjac-order")(lambda i: for_all(lambda: E_netjac("order")))
check("zh-idestro-bptt-netjac-index")(lambda i: for_all(lambda: E_netjac("index")))


def layer_point():
    n, m = 3, 4
    U = rng.normal(size=(n, m)); W = rng.normal(size=(n, n)); s = rng.normal(size=n); netl1 = rng.normal(size=m)
    c = rng.normal(size=n)
    netl = lambda nl1: U @ f_act(nl1) + W @ s
    E = lambda nl: np.sum(c * np.sin(nl)) + 0.25 * np.sum(nl ** 2)
    return U, W, s, netl1, netl, E


def E_layerdelta(variant):
    U, W, s, netl1, netl, E = layer_point()
    lhs = fd(lambda q: E(netl(q)), netl1)
    dl = fd(E, netl(netl1))
    chain = dl @ jac(netl, netl1)
    rhs = dl @ U @ np.diag(df_act(netl1)) if variant == "ok" else dl @ U
    return close(lhs, chain, rtol=1e-5) and close(chain, rhs, rtol=1e-5)


check("zh-idestro-bptt-layerdelta")(lambda i: for_all(lambda: E_layerdelta("ok")))
check("zh-idestro-bptt-layerdelta-sigmaprime")(lambda i: for_all(lambda: E_layerdelta("s")))


def E_layerjac(variant):
    U, W, s, netl1, netl, E = layer_point()
    J = jac(netl, netl1)
    rhs = U @ np.diag(df_act(netl1)) if variant == "ok" else U.T @ np.diag(df_act(netl1))
    return close(J, rhs)


check("zh-idestro-bptt-layerjac")(lambda i: for_all(lambda: E_layerjac("ok")))
check("zh-idestro-bptt-layerjac-transpose")(lambda i: for_all(lambda: E_layerjac("t")))


def E_dwji(variant):
    n, m = 3, 2
    U = rng.normal(size=(n, m)); W = rng.normal(size=(n, n)); x = rng.normal(size=m); s = rng.normal(size=n); c = rng.normal(size=n)
    E = lambda net: np.sum(c * np.sin(net)) + 0.25 * np.sum(net ** 2)
    g = fd(lambda Wv: E(U @ x + Wv @ s), W)  # g[j, i] = dE/dw_ji with s_{t-1} held fixed
    dl = fd(E, U @ x + W @ s)
    rhs = np.outer(dl, s) if variant == "ok" else np.outer(s, dl)
    return close(g, rhs)


check("zh-idestro-bptt-dwji")(lambda i: for_all(lambda: E_dwji("ok")))
check("zh-idestro-bptt-dwji-swapped")(lambda i: for_all(lambda: E_dwji("s")))


def E_bptt(variant):
    n, m, T = 3, 2, 4
    U = rng.normal(size=(n, m)); W = rng.normal(size=(n, n)) * 0.7; xs = rng.normal(size=(T + 1, m)); s0 = rng.normal(size=n); c = rng.normal(size=n)

    def forward(Wv, k_pert=None, e=None):
        s = s0
        nets, ss = [None], [s0]
        for k in range(1, T + 1):
            net = U @ xs[k] + Wv @ s
            if k == k_pert:
                net = net + e
            s = f_act(net)
            nets.append(net); ss.append(s)
        return np.sum(c * s) + 0.5 * np.sum(s ** 2), nets, ss

    gW = fd(lambda Wv: forward(Wv)[0], W)
    _, nets, ss = forward(W)
    terms = []
    for k in range(1, T + 1):
        dk = fd(lambda e: forward(W, k, e)[0], np.zeros(n))  # delta_k = dE/dnet_k
        terms.append(np.outer(dk, ss[k - 1]))  # nabla_{W_k} E
    rhs = sum(terms) if variant == "ok" else terms[-1]
    return close(gW, rhs, rtol=1e-5)


check("zh-idestro-bptt-sum")(lambda i: for_all(lambda: E_bptt("ok"), n=3))
check("zh-idestro-bptt-sum-term")(lambda i: for_all(lambda: E_bptt("t"), n=3))


def bp_point(nh=3, no=3):
    ni = 2
    W1 = rng.normal(size=(nh, ni)); W2 = rng.normal(size=(no, nh)); x = rng.normal(size=ni); t = rng.uniform(0, 1, size=no)
    Eout = lambda net_o: 0.5 * np.sum((t - sig(net_o)) ** 2)
    Ehid = lambda net_h: Eout(W2 @ sig(net_h))
    net_h = W1 @ x
    alpha = sig(net_h)
    net_o = W2 @ alpha
    y = sig(net_o)
    return W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y


def E_bpout(variant):
    W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
    g = fd(Eout, net_o)
    chain = -(t - y) * dsig(net_o)
    rhs = {"ok": -(t - y) * y * (1 - y), "sign": (t - y) * y * (1 - y)}
    if variant == "sp":
        return close(g, -(t - y))
    return close(g, chain) and close(chain, rhs[variant])


check("zh-idestro-bp-out")(lambda i: for_all(lambda: E_bpout("ok")))
check("zh-idestro-bp-out-sign")(lambda i: for_all(lambda: E_bpout("sign")))
check("zh-idestro-bp-out-sigmaprime")(lambda i: for_all(lambda: E_bpout("sp")))


def E_bpdw(variant):
    W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
    g = fd(lambda Wv: Eout(Wv @ alpha), W2)  # g[j, i] = dE/dw_ji, input x_ji = alpha_i
    dnet = fd(Eout, net_o)
    rhs = np.outer(dnet, alpha) if variant == "ok" else dnet[:, None] * W2
    return close(g, rhs)


check("zh-idestro-bp-dw")(lambda i: for_all(lambda: E_bpdw("ok")))
check("zh-idestro-bp-dw-swapped")(lambda i: for_all(lambda: E_bpdw("s")))


def E_update(variant):
    W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
    mu = rng.uniform(0.1, 1.0)
    g = fd(lambda Wv: Eout(Wv @ alpha), W2)
    delta = -fd(Eout, net_o)
    lhs = W2 - mu * g
    rhs = W2 + mu * np.outer(delta, alpha) if variant == "ok" else W2 - mu * np.outer(delta, alpha)
    return close(lhs, rhs)


check("zh-idestro-bp-update")(lambda i: for_all(lambda: E_update("ok")))
check("zh-idestro-bp-update-sign")(lambda i: for_all(lambda: E_update("s")))


def E_hidden(variant):
    W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
    g = fd(Ehid, net_h)  # dE/dnet_j for hidden j
    dk = -fd(Eout, net_o)  # delta_k of the downstream (output) nodes
    s1 = W2.T @ fd(Eout, net_o)  # sum_k dE/dnet_k dnet_k/dnet_j / alpha'(..)
    m1 = s1 * dsig(net_h)
    m2 = (W2.T @ fd(Eout, net_o)) * alpha * (1 - alpha)
    m3 = (W2.T @ (-dk)) * alpha * (1 - alpha)
    if variant == "chain":
        return close(g, m1) and close(m1, m2) and close(m2, m3) and close(m3, -alpha * (1 - alpha) * (W2.T @ dk))
    if variant == "chain-sign":
        return close(g, m1) and close(m1, m2) and close(m2, m3) and close(m3, alpha * (1 - alpha) * (W2.T @ dk))
    dj = -g
    rhs = alpha * (1 - alpha) * (W2.T @ dk) if variant == "ok" else alpha * (1 - alpha) * (W2 @ dk)
    return close(dj, rhs)


check("zh-idestro-bp-hidden-chain")(lambda i: for_all(lambda: E_hidden("chain")))
check("zh-idestro-bp-hidden-chain-sign")(lambda i: for_all(lambda: E_hidden("chain-sign")))
check("zh-idestro-bp-hidden-delta")(lambda i: for_all(lambda: E_hidden("ok")))
check("zh-idestro-bp-hidden-delta-index")(lambda i: for_all(lambda: E_hidden("idx")))


# ======================= F: zsc distillation chapter =======================
def F_jac(variant):
    N = 4
    z = rng.normal(size=N); tau = rng.uniform(1.5, 4.0)
    p = lambda zz: softmax(zz / tau)
    J = jac(p, z)
    P = p(z)
    rhs = {"ok": (np.diag(P) - np.outer(P, P)) / tau, "factor": (np.diag(P) - np.outer(P, P)) / tau ** 2, "sign": (np.diag(P) + np.outer(P, P)) / tau}[variant]
    return close(J, rhs)


for _v, _i in [("ok", "zh-zsc-kd-jacobian"), ("factor", "zh-zsc-kd-jacobian-factor"), ("sign", "zh-zsc-kd-jacobian-sign")]:
    check(_i)(lambda i, v=_v: for_all(lambda: F_jac(v)))


def F_unc(variant):
    K = 3
    Li = rng.uniform(0.1, 3.0, size=K); s = rng.uniform(0.3, 2.0, size=K)
    L = lambda ss: np.sum(Li / (2 * ss ** 2) + np.log(ss))
    g = fd(L, s)
    rhs = {"ok": -Li / s ** 3 + 1 / s, "factor": -Li / (2 * s ** 3) + 1 / s, "sign": Li / s ** 3 + 1 / s}[variant]
    return close(g, rhs)


for _v, _i in [("ok", "zh-zsc-uncertainty-grad"), ("factor", "zh-zsc-uncertainty-grad-factor"), ("sign", "zh-zsc-uncertainty-grad-sign")]:
    check(_i)(lambda i, v=_v: for_all(lambda: F_unc(v)))


@check("zh-zsc-kd-kl-grad")
def _(i):
    def p():
        N = 4
        th = rng.normal(size=N); zt = rng.normal(size=N); tau = rng.uniform(1.5, 4.0)
        pT = softmax(zt / tau)
        L = lambda t_: tau ** 2 * np.sum(softmax(t_ / tau) * np.log(softmax(t_ / tau) / pT))  # z_S = theta_S
        return close(fd(L, th), tau ** 2 * (softmax(th / tau) - pT))
    return for_all(p)


def F_stable(variant):
    z = rng.normal(size=5) * 3; tau = rng.uniform(0.5, 3.0)
    mx = np.max(z)
    p = np.exp(z / tau) / np.sum(np.exp(z / tau))
    den = np.sum(np.exp((z - mx) / tau)) if variant == "ok" else np.sum(np.exp(z / tau))
    return close(p, np.exp((z - mx) / tau) / den)


check("zh-zsc-stable-softmax")(lambda i: for_all(lambda: F_stable("ok")))
check("zh-zsc-stable-softmax-term")(lambda i: for_all(lambda: F_stable("t")))


# ======================= G: freelw softmax CE =======================
def G_point():
    n = 5
    Z = rng.normal(size=n) * 2
    tgt, i = 0, 2
    mx = np.max(Z)
    ssum = np.sum(np.exp(Z - mx))
    c1 = math.exp(Z[tgt] - mx)
    x4 = Z[i] - mx
    x1 = c1 / ssum
    x2 = ssum
    ce = lambda ZZ: -np.log(np.exp(ZZ[tgt] - np.max(ZZ)) / np.sum(np.exp(ZZ - np.max(ZZ))))
    dLdZi = fd(ce, Z)[i]
    return Z, i, mx, ssum, c1, x4, x1, x2, dLdZi


def G_dg(which):
    x = rng.uniform(0.2, 3.0); c1 = rng.uniform(0.2, 3.0)
    if which == "g1":
        return close(d1(lambda u: -np.log(u), x), -1 / x)
    if which == "g1s":
        return close(d1(lambda u: -np.log(u), x), 1 / x)
    if which == "g2":
        return close(d1(lambda u: c1 / u, x), -c1 / x ** 2)
    if which == "g2f":
        return close(d1(lambda u: c1 / u, x), -c1 / x)
    if which == "g4":
        return close(d1(np.exp, x), math.exp(x))
    if which == "g4f":
        return close(d1(np.exp, x), x * math.exp(x))


for _v, _i in [("g1", "zh-freelw-dg1"), ("g1s", "zh-freelw-dg1-sign"), ("g2", "zh-freelw-dg2"), ("g2f", "zh-freelw-dg2-factor"), ("g4", "zh-freelw-dg4"), ("g4f", "zh-freelw-dg4-factor")]:
    check(_i)(lambda i, v=_v: for_all(lambda: G_dg(v)))


def G_dl(variant):
    Z, i, mx, ssum, c1, x4, x1, x2, dLdZi = G_point()
    soft = math.exp(Z[i] - mx) / ssum
    m1 = c1 * math.exp(x4) / (x1 * x2 ** 2) if variant != "factor" else c1 * math.exp(x4) / (x1 * x2)
    m2 = soft if variant != "sign" else -soft
    return close(dLdZi, m1) and close(m1, m2)


check("zh-freelw-dl-dzi")(lambda i: for_all(lambda: G_dl("ok")))
check("zh-freelw-dl-dzi-sign")(lambda i: for_all(lambda: G_dl("sign")))
check("zh-freelw-dl-dzi-factor")(lambda i: for_all(lambda: G_dl("factor")))


# ======================= H: sword4869 GAN =======================
def KL(p, q):
    return float(np.sum(p * np.log(p / q)))


def H_members(pd, pg, c=math.log(4)):
    Ds = pd / (pd + pg)
    m1 = float(np.sum(pd * np.log(Ds) + pg * np.log(1 - Ds)))  # V(D*_G, G)
    m2 = m1
    m3 = float(np.sum(pd * np.log(pd / (pd + pg)) + pg * np.log(pg / (pd + pg))))
    M = (pd + pg) / 2
    m4 = float(np.sum(pd * np.log(pd / M) + pg * np.log(pg / M))) - c
    m5 = KL(pd, M) + KL(pg, M) - c
    return [m1, m2, m3, m4, m5]


def H_point():
    K = 6
    pd = rng.uniform(0.1, 1, size=K); pd /= pd.sum()
    pg = rng.uniform(0.1, 1, size=K); pg /= pg.sum()
    return pd, pg


def H_cg(c):
    pd, pg = H_point()
    ms = H_members(pd, pg, c)
    return all(close(ms[k], ms[k + 1]) for k in range(4))


check("zh-sword4869-gan-cg")(lambda i: for_all(lambda: H_cg(math.log(4))))
check("zh-sword4869-gan-cg-factor")(lambda i: for_all(lambda: H_cg(math.log(2))))
check("zh-sword4869-gan-cg-sign")(lambda i: for_all(lambda: H_cg(-math.log(4))))


def H_min(val):
    pd, _ = H_point()
    C = lambda pg: H_members(pd, pg)[2]
    at_opt = C(pd)
    others = []
    for _ in range(200):
        pg = rng.uniform(0.01, 1, size=pd.size); pg /= pg.sum()
        others.append(C(pg))
    return close(at_opt, val) and min(others) >= at_opt - 1e-12


check("zh-sword4869-gan-min")(lambda i: for_all(lambda: H_min(-math.log(4))))
check("zh-sword4869-gan-min-factor")(lambda i: for_all(lambda: H_min(-math.log(2))))


# ======================= documents =======================
DOCS = {}  # (doc stem, link text) -> list of True/False/None per "=" link


def doc(stem, text, *vals):
    key = (stem, text)
    assert key not in DOCS, key
    DOCS[key] = list(vals)




def doc(stem, text):
    def deco(fn):
        key = (stem, text)
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco


def every(fn, n=NPTS):
    """run a link-list function at several random points; a link holds iff it holds at all points"""
    runs = [fn() for _ in range(n)]
    out = []
    for k in range(len(runs[0])):
        col = [r[k] for r in runs]
        out.append(None if col[0] is None else all(col))
    return out


def claim_as_links(cid, nlinks):
    """document line identical to a claim: every link judged by the claim's check (used for one-link lines)"""
    assert nlinks == 1
    return lambda: [CHECK[cid][0](cid)]


# ---------- doc: lenet-conv-zxrobot ----------
ZD = [r"z_{11}=a_{11}*w_{11}+a_{12}*w_{12}+a_{21}*w_{21}+a_{22}*w_{22}",
      r"z_{12}=a_{12}*w_{11}+a_{13}*w_{12}+a_{22}*w_{21}+a_{23}*w_{22}",
      r"z_{21}=a_{21}*w_{11}+a_{22}*w_{12}+a_{31}*w_{21}+a_{32}*w_{22}",
      r"z_{22}=a_{22}*w_{11}+a_{23}*w_{12}+a_{32}*w_{21}+a_{33}*w_{22}"]
for _t in ZD:
    doc("lenet-conv-zxrobot", _t)(lambda: [None])


@doc("lenet-conv-zxrobot", r"\nabla a^l=\frac{\partial C}{\partial a^l}=\frac{\partial C}  {\partial z^{l+1}}  \frac{\partial z^{l+1}}{\partial a^l}=\delta^{l+1} \frac{\partial z^{l+1}}{\partial a^l}")
def _():
    def p():
        a = rng.normal(size=(3, 3)); w = rng.normal(size=(2, 2)); c = rng.normal(size=(2, 2))
        Cz = lambda z: np.sum(c * np.sin(z)) + 0.5 * np.sum(z ** 2)
        z = conv(a, w)
        ga = fd(lambda av: Cz(conv(av, w)), a).ravel()
        J = jac(lambda av: conv(av.reshape(3, 3), w).ravel(), a.ravel())
        dCdz = fd(Cz, z).ravel()
        dl = (c * np.cos(z) + z).ravel()
        return [None, close(ga, dCdz @ J), close(dCdz @ J, dl @ J)]
    return every(p)


for _k, (_r, _s, _e) in DA.items():
    if _k.count("-") == 3:  # valid entries only appear in the document
        doc("lenet-conv-zxrobot", {"11": r"\nabla a_{11}=\delta_{11}w_{11}", "12": r"\nabla a_{12}=\delta_{11}w_{12}+\delta_{12}w_{11}",
                                   "13": r"\nabla a_{13}=\delta_{12}w_{12}", "21": r"\nabla a_{21}=\delta_{11}w_{21}+\delta_{21}w_{11}",
                                   "22": r"\nabla a_{22}=\delta_{11}w_{22}+\delta_{12}w_{21}+\delta_{21}w_{12}+\delta_{22}w_{11}",
                                   "23": r"\nabla a_{23}=\delta_{12}w_{22}+\delta_{22}w_{12}", "31": r"\nabla a_{31}=\delta_{21}w_{21}",
                                   "32": r"\nabla a_{32}=\delta_{21}w_{22}+\delta_{22}w_{21}", "33": r"\nabla a_{33}=\delta_{22}w_{22}"}[_k[-2:]])(claim_as_links(_k, 1))

doc("lenet-conv-zxrobot", r"\frac{\partial C}{\partial W^{l+1}_{11}}=a_{11}\delta_{11}+a_{12}\delta_{12}+a_{21}\delta_{21}+a_{22}\delta_{22} ")(claim_as_links("zh-zxrobot-conv-dw11", 1))
doc("lenet-conv-zxrobot", r"\frac{\partial C}{\partial W^{l+1}_{12}}=a_{12}\delta_{11}+a_{13}\delta_{12}+a_{22}\delta_{21}+a_{23}\delta_{22} ")(claim_as_links("zh-zxrobot-conv-dw12", 1))
doc("lenet-conv-zxrobot", r"\frac{\partial C}{\partial W^{l+1}_{21}}=a_{21}\delta_{11}+a_{22}\delta_{12}+a_{31}\delta_{21}+a_{33}\delta_{22} ")(claim_as_links("zh-zxrobot-conv-dw21", 1))
doc("lenet-conv-zxrobot", r"\frac{\partial C}{\partial W^{l+1}_{12}}=a_{22}\delta_{11}+a_{23}\delta_{12}+a_{32}\delta_{21}+a_{33}\delta_{22} ")(claim_as_links("zh-zxrobot-conv-dw22-label", 1))

# ---------- doc: lenet-fc-zxrobot ----------
for _t in [r"z^l=W^la^{l-1}+b^l", r"a^l=\sigma (z^l)", r"C=\frac{1}{2}||a^L-y||^2", r"\delta^l=\frac{\partial C}{\partial z^l}"]:
    doc("lenet-fc-zxrobot", _t)(lambda: [None])


@doc("lenet-fc-zxrobot", r"\delta ^L=\frac{\partial C}{\partial z^L}=\frac{\partial C}{\partial a^L}\frac{\partial a^L}{\partial z^L}=(a^L-y)\bigodot \sigma^l(z^l)")
def _():
    def p():
        W, a, b, y, z, delta, Cz = fc_point()
        aL = sig(z)
        dCdz = fd(Cz, z)
        chain = fd(lambda u: 0.5 * np.sum((u - y) ** 2), aL) * dsig(z)  # dC/da^L * da^L/dz^L (diagonal)
        return [close(delta, dCdz), close(dCdz, chain), close(chain, (aL - y) * sig(z))]
    return every(p)


@doc("lenet-fc-zxrobot", r"\frac{\partial C}{\partial w^l}=\frac{\partial C}{\partial z^l}\frac{\partial z^l}{\partial w^l}=\delta^l(a^{l-1})^T")
def _():
    def p():
        W, a, b, y, z, delta, Cz = fc_point()
        g = fd(lambda Wv: Cz(Wv @ a + b), W)
        chain = fd(Cz, z)[:, None] * a[None, :]
        return [close(g, chain), close(chain, np.outer(delta, a))]
    return every(p)


@doc("lenet-fc-zxrobot", r"\frac{\partial C}{\partial b^l}=\frac{\partial C}{\partial z^l}\frac{\partial z^l}{\partial b^l}=\delta^l")
def _():
    def p():
        W, a, b, y, z, delta, Cz = fc_point()
        g = fd(lambda bv: Cz(W @ a + bv), b)
        chain = fd(Cz, z) * np.ones_like(b)
        return [close(g, chain), close(chain, delta)]
    return every(p)


# ---------- doc: mlp-numbers-gmyhf (+ mutated twin) ----------
# Rule for printed numbers: once the document prints a value for a named quantity, that printed value is the quantity's value;
# a link "symbolic = numeric expression" holds iff every number substituted agrees with the quantity it stands for to one unit
# of its last printed digit; a link "expression = printed result" holds iff the result is right to one unit of its last digit.
GV = dict(x1=0.35, x2=0.7, w11=0.2, w21=0.2, w12=0.3, w22=0.3, w13=0.3, w23=0.9, yt=0.5, eta=1.0)
PR = dict(y3=0.56, y4=0.578, y5=0.67, d5=-0.0376, d3=-0.0027)  # values as printed earlier in the document
F = lambda a: 1 / (1 + math.exp(-a))


def agree(*pairs):
    return all(num(value, printed, unit) for printed, value, unit in pairs)


def mlp_links(stem, mutated):
    g = GV
    doc(stem, r"a_1 = (w_{1,1} \times x_1) + (w_{2,1} \times x_2)")(lambda: [None])
    doc(stem, r"a_1 = (0.2 \times 0.35) + (0.2 \times 0.7) = 0.21")(lambda: [
        agree((0.2, g["w11"], 0.1), (0.35, g["x1"], 0.01), (0.2, g["w21"], 0.1), (0.7, g["x2"], 0.1)),
        num(0.2 * 0.35 + 0.2 * 0.7, 0.21, 0.01)])
    doc(stem, r"y_3 = F(0.21) = \frac{1}{1 + e^{-0.21}} = 0.56")(lambda: [None, close(F(0.21), 1 / (1 + math.exp(-0.21))), num(F(0.21), 0.56, 0.01)])
    doc(stem, r"a_2 = (w_{1,2} \times x_1) + (w_{2,2} \times x_2) = (0.3 \times 0.35) + (0.3 \times 0.7) = 0.315")(lambda: [
        None, agree((0.3, g["w12"], 0.1), (0.35, g["x1"], 0.01), (0.3, g["w22"], 0.1), (0.7, g["x2"], 0.1)),
        num(0.3 * 0.35 + 0.3 * 0.7, 0.315, 0.001)])
    doc(stem, r"y_4 = F(0.315) = \frac{1}{1 + e^{-0.315}} = 0.578")(lambda: [None, close(F(0.315), 1 / (1 + math.exp(-0.315))), num(F(0.315), 0.578, 0.001)])
    doc(stem, r"a_3 = (w_{1,3} \times y_3) + (w_{2,3} \times y_4) = (0.3 \times 0.56) + (0.9 \times 0.58) = 0.702")(lambda: [
        None, agree((0.3, g["w13"], 0.1), (0.56, PR["y3"], 0.01), (0.9, g["w23"], 0.1), (0.58, PR["y4"], 0.01)),
        num(0.3 * 0.56 + 0.9 * 0.58, 0.702, 0.001)])
    doc(stem, r"y_5 = F(0.702) = \frac{1}{1 + e^{-0.702}} = 0.67")(lambda: [None, close(F(0.702), 1 / (1 + math.exp(-0.702))), num(F(0.702), 0.67, 0.01)])
    doc(stem, r"δ_5=y_5(1−y_5)(y_{target}−y_5)=0.67(1−0.67)(−0.17)=−0.0376")(lambda: [
        None, agree((0.67, PR["y5"], 0.01), (-0.17, g["yt"] - PR["y5"], 0.01)), num(0.67 * (1 - 0.67) * (-0.17), -0.0376, 0.0001)])
    doc(stem, r"δ_3=y_3(1−y_3)(w_{1,3}×δ_5)=0.56(1−0.56)(0.3×−0.0376)=−0.0027")(lambda: [
        None, agree((0.56, PR["y3"], 0.01), (0.3, g["w13"], 0.1), (-0.0376, PR["d5"], 0.0001)), num(0.56 * (1 - 0.56) * (0.3 * -0.0376), -0.0027, 0.0001)])
    doc(stem, r"δ_4=y_4(1−y_4)(w_{2,3}×δ_5)=0.59(1−0.59)(0.9×−0.0376)=−0.0819")(lambda: [
        None, agree((0.59, PR["y4"], 0.01), (0.9, g["w23"], 0.1), (-0.0376, PR["d5"], 0.0001)), num(0.59 * (1 - 0.59) * (0.9 * -0.0376), -0.0819, 0.0001)])
    doc(stem, r"Δw_{ij}=η×δ_j×O_j")(lambda: [None])
    # w_{2,3} connects h2 (output y_4) to O3 (error delta_5); w_{1,1} connects x_1 to h1 (error delta_3)
    doc(stem, r"Δw_{2,3}=1×(−0.0376)×0.59=−0.022184")(lambda: [
        agree((1, g["eta"], 1), (-0.0376, PR["d5"], 0.0001), (0.59, PR["y4"], 0.01)), num(1 * (-0.0376) * 0.59, -0.022184, 1e-6)])
    doc(stem, r"Δw_{1,1}=1×(−0.0027)×0.35=0.000945")(lambda: [
        agree((1, g["eta"], 1), (-0.0027, PR["d3"], 0.0001), (0.35, g["x1"], 0.01)), num(1 * (-0.0027) * 0.35, 0.000945, 1e-6)])
    if not mutated:
        doc(stem, r"w_{2,3}(new)=−0.022184+0.9=0.877816")(lambda: [None, num(-0.022184 + 0.9, 0.877816, 1e-6)])
        doc(stem, r"w_{1,1}(new)=0.000945+0.2=0.200945")(lambda: [None, num(0.000945 + 0.2, 0.200945, 1e-6)])
    else:
        doc(stem, r"w_{2,3}(new)=−0.022184+0.9=0.922184")(lambda: [None, num(-0.022184 + 0.9, 0.922184, 1e-6)])
        doc(stem, r"w_{1,1}(new)=0.000945+0.2=0.209450")(lambda: [None, num(0.000945 + 0.2, 0.209450, 1e-6)])


mlp_links("mlp-numbers-gmyhf", False)
mlp_links("mlp-numbers-gmyhf-mutated", True)

# ---------- doc: bp-idestro ----------
doc("bp-idestro", r"E_d=\frac{1}{2}\sum_{i \in outputs}(t_i-y_i)^2")(lambda: [None])


@doc("bp-idestro", r"net_j=\vec{w_j}\vec{x_j}=\sum_iw_{ji}x_{ji}")
def _():
    def p():
        w = rng.normal(size=4); x = rng.normal(size=4)
        return [None, close(w @ x, sum(w[i] * x[i] for i in range(4)))]
    return every(p)


@doc("bp-idestro", r"\frac{\partial E_d}{\partial w_{ji}}=\frac{\partial E_d}{\partial net_j}\frac{\partial net_j}{\partial w_{ji}}=\frac{\partial E_d}{\partial net_j}\frac{\partial \sum_iw_{ji}x_{ji}}{\partial w_{ji}}=\frac{\partial E_d}{\partial net_j}x_{ji}")
def _():
    def p():
        W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
        g = fd(lambda Wv: Eout(Wv @ alpha), W2)
        dnet = fd(Eout, net_o)
        dnet_dw = np.tile(alpha, (W2.shape[0], 1))  # d net_j / d w_ji = x_ji
        dsum_dw = fd(lambda Wv: np.sum(Wv * np.tile(alpha, (W2.shape[0], 1))), W2)  # d(sum_i w_ji x_ji)/d w_ji
        return [close(g, dnet[:, None] * dnet_dw), close(dnet_dw, dsum_dw), close(dnet[:, None] * dsum_dw, np.outer(dnet, alpha))]
    return every(p)


doc("bp-idestro", r"y_j=sigmoid(net_j)")(lambda: [None])


@doc("bp-idestro", r"\frac{\partial E_d}{\partial net_j}=\frac{\partial E_d}{\partial y_j}\frac{\partial y_j}{\partial net_j}=-(t_j-y_j)\frac{\partial y_j}{\partial net_j}=-(t_j-y_j)y_j(1-y_j)")
def _():
    def p():
        W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
        g = fd(Eout, net_o)
        dEdy = fd(lambda yy: 0.5 * np.sum((t - yy) ** 2), y)
        dydnet = np.array([d1(sig, v) for v in net_o])
        return [close(g, dEdy * dydnet), close(dEdy * dydnet, -(t - y) * dydnet), close(-(t - y) * dydnet, -(t - y) * y * (1 - y))]
    return every(p)


doc("bp-idestro", r"\delta_j=-\frac{\partial E_d}{\partial net_j}")(lambda: [None])


@doc("bp-idestro", r"\delta_j=(t_j-y_j)y_j(1-y_j)")
def _():
    def p():
        W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
        return [close(-fd(Eout, net_o), (t - y) * y * (1 - y))]
    return every(p)


@doc("bp-idestro", r"\frac{\partial E_d}{\partial net_j}=\sum_{k \in Downstream}\frac{\partial E_d}{\partial net_k}\frac{\partial net_k}{\partial net_j}=\sum_{k \in Downstream}\frac{\partial E_d}{\partial net_k}\frac{\partial net_k}{\partial \alpha_j}\frac{\partial \alpha_j}{\partial net_j}=\sum_{k \in Downstream}-\delta_kw_{kj}\alpha_j(1-\alpha_j)=-\alpha_j(1-\alpha_j)\sum_{k \in Downstream}\delta_kw_{kj}")
def _():
    def p():
        W1, W2, x, t, Eout, Ehid, net_h, alpha, net_o, y = bp_point()
        g = fd(Ehid, net_h)
        dEdnk = fd(Eout, net_o)
        Jk = jac(lambda nh: W2 @ sig(nh), net_h)  # d net_k / d net_j
        m1 = dEdnk @ Jk
        m2 = (dEdnk @ W2) * np.array([d1(sig, v) for v in net_h])  # d net_k/d alpha_j = w_kj
        dk = -dEdnk
        m3 = np.array([sum(-dk[k] * W2[k, j] * alpha[j] * (1 - alpha[j]) for k in range(len(dk))) for j in range(len(alpha))])
        m4 = -alpha * (1 - alpha) * (W2.T @ dk)
        return [close(g, m1), close(m1, m2), close(m2, m3), close(m3, m4)]
    return every(p)


doc("bp-idestro", r"\delta_j=\alpha_j(1-\alpha_j)\sum_{k \in Downstream}\delta_kw_{kj}")(claim_as_links("zh-idestro-bp-hidden-delta", 1))

# ---------- doc: rnn-bptt-idestro ----------
for _t in [r"\operatorname{net}_{t}=U \mathrm{x}_{t}+W \mathrm{~s}_{t-1}", r"\mathrm{~s}_{t-1}=f\left(\operatorname{net}_{t-1}\right)",
           r"\operatorname{net}_{t}^{l}=U \mathbf{a}_{t}^{l-1}+W \mathbf{s}_{t-1}", r"\mathbf{a}_{t}^{l-1}=f^{l-1}\left(\operatorname{net}_{t}^{l-1}\right)"]:
    doc("rnn-bptt-idestro", _t)(lambda: [None])


@doc("rnn-bptt-idestro", r"\frac{\partial \text { net }_{t}}{\partial \text { net }_{t-1}} =\frac{\partial \text { net }_{t}}{\partial_{\mathrm{s} t-1}} \frac{\partial \mathrm{s}_{t-1}}{\partial \mathrm{net}_{t-1}} =\operatorname{Wdiag}\left[f^{\prime}\left(\operatorname{net}_{t-1}\right)\right]")
def _():
    def p():
        n, m = 3, 2
        U = rng.normal(size=(n, m)); W = rng.normal(size=(n, n)); x = rng.normal(size=m); netp = rng.normal(size=n)
        J = jac(lambda q: U @ x + W @ f_act(q), netp)
        Js = jac(lambda s: U @ x + W @ s, f_act(netp))
        Jf = jac(f_act, netp)
        return [close(J, Js @ Jf), close(Js @ Jf, W @ np.diag(df_act(netp)))]
    return every(p)


@doc("rnn-bptt-idestro", r"\frac{\partial \operatorname{net}_{t}^{l}}{\partial \mathrm{net}_{t}^{l-1}} =\frac{\partial \mathrm{net}^{l}}{\partial \mathrm{a}_{t}^{l-1}} \frac{\partial \mathrm{a}_{t}^{l-1}}{\partial \mathrm{net}_{t}^{l-1}} =U \operatorname{diag}\left[f^{\prime l-1}\left(\operatorname{net}_{t}^{l-1}\right)\right]")
def _():
    def p():
        U, W, s, netl1, netl, E = layer_point()
        J = jac(netl, netl1)
        Ja = jac(lambda a: U @ a + W @ s, f_act(netl1))
        Jf = jac(f_act, netl1)
        return [close(J, Ja @ Jf), close(Ja @ Jf, U @ np.diag(df_act(netl1)))]
    return every(p)


@doc("rnn-bptt-idestro", r"\left(\delta_{t}^{l-1}\right)^{T} =\frac{\partial E}{\partial \operatorname{net}_{t}^{l-1}} =\frac{\partial E}{\partial \operatorname{net}_{t}^{l}} \frac{\partial{\mathrm{n} e t}_{t}^{l}}{\partial \operatorname{net}_{t}^{l-1}} =\left(\delta_{t}^{l}\right)^{T} U \operatorname{diag}\left[f^{\prime l-1}\left(\operatorname{net}_{t}^{l-1}\right)\right]")
def _():
    def p():
        U, W, s, netl1, netl, E = layer_point()
        lhs = fd(lambda q: E(netl(q)), netl1)
        dl = fd(E, netl(netl1))
        chain = dl @ jac(netl, netl1)
        return [None, close(lhs, chain, rtol=1e-5), close(chain, dl @ U @ np.diag(df_act(netl1)), rtol=1e-5)]
    return every(p)


@doc("rnn-bptt-idestro", r"\frac{\partial E}{\partial w_{ji}}=\frac{\partial E}{\partial net_j^t}\frac{\partial net_j^t}{\partial w_{ji}} = \delta_j^t s_i^{t-1}")
def _():
    def p():
        n, m = 3, 2
        U = rng.normal(size=(n, m)); W = rng.normal(size=(n, n)); x = rng.normal(size=m); s = rng.normal(size=n); c = rng.normal(size=n)
        E = lambda net: np.sum(c * np.sin(net)) + 0.25 * np.sum(net ** 2)
        g = fd(lambda Wv: E(U @ x + Wv @ s), W)
        dl = fd(E, U @ x + W @ s)
        dnet_dw = np.tile(s, (n, 1))  # d net_j / d w_ji = s_i
        return [close(g, dl[:, None] * dnet_dw), close(dl[:, None] * dnet_dw, np.outer(dl, s))]
    return every(p)


doc("rnn-bptt-idestro", r"\nabla_{W} E =\sum_{i=1}^{t} \nabla_{W_{i}} E")(claim_as_links("zh-idestro-bptt-sum", 1))


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    bad = 0
    nv = ni = 0
    for c in claims:
        fn, cid = CHECK[c["id"]]
        holds = fn(cid)
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    assert nv + ni == len(claims) == len(CHECK)
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = 0
    nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        for lk in ex["links"]:
            key = (stem, lk["text"])
            assert key in DOCS, key
            assert md[lk["line"] - 1].strip() == "$$" + lk["text"] + "$$", (stem, lk["line"])
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (key, got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
