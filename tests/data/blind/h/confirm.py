"""Independent numeric confirmation of every verdict in claims.yaml and docs/*.expect.yaml.

Each item is coded by hand: both sides of every relation link are written as NumPy
functions and compared at random points; derivatives are taken by central finite
differences.  A claim is confirmed when its expected verdict (valid: every link holds;
invalid: at least one link fails) matches the numbers.  Document links are checked one
by one.  Run:  python confirm.py
"""

import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
TOL_OK = 1e-5
TOL_BAD = 1e-3
EPS = 1e-6


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def dsig(z):
    return sig(z) * (1.0 - sig(z))


def d1(f, x, h=EPS):
    """Central difference of a scalar function of one scalar."""
    return (f(x + h) - f(x - h)) / (2 * h)


def dvec(f, v, k, h=EPS):
    """Central difference of f (scalar or array valued) w.r.t. component k of v."""
    vp = np.array(v, dtype=float)
    vm = np.array(v, dtype=float)
    vp.flat[k] += h
    vm.flat[k] -= h
    return (np.asarray(f(vp)) - np.asarray(f(vm))) / (2 * h)


def grad(f, v):
    return np.array([dvec(f, v, k) for k in range(np.size(v))]).reshape(np.shape(v))


def err(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b) + 1e-6))


def softmax(o):
    e = np.exp(o - np.max(o))
    return e / e.sum()


# ----------------------------------------------------------------------------------------
# A. Jethro: logistic regression with one feature
# ----------------------------------------------------------------------------------------
def hfun(t0, t1, x):
    return 1.0 / (1.0 + np.exp(-t0 - t1 * x))


def jethro_pt(rng):
    return rng.normal(), rng.normal(), rng.normal() * 1.5


def jethro_data(rng, m=7):
    x = rng.normal(size=m) * 1.5
    y = rng.integers(0, 2, size=m).astype(float)
    return x, y


def jethro_J(t0, t1, x, y):
    h = hfun(t0, t1, x)
    return -np.mean(y * np.log(h) + (1 - y) * np.log(1 - h))


def a_dh_quot(rng, bad):
    t0, t1, x = jethro_pt(rng)
    e = np.exp(-t0 - t1 * x)
    lhs = d1(lambda t: hfun(t, t1, x), t0)
    if bad:
        return [(lhs, e / (1 + e))]
    return [(lhs, (0 + e) / (1 + e) ** 2), ((0 + e) / (1 + e) ** 2, e / (1 + e) ** 2)]


def a_dh0(rng, bad):
    t0, t1, x = jethro_pt(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: hfun(t, t1, x), t0)
    return [(lhs, h * (1 - h) * x if bad else h * (1 - h))]


def a_dh1(rng, bad):
    t0, t1, x = jethro_pt(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: hfun(t0, t, x), t1)
    return [(lhs, h * x if bad else h * (1 - h) * x)]


def a_dlogh0(rng, bad):
    t0, t1, x = jethro_pt(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: np.log(hfun(t, t1, x)), t0)
    return [(lhs, h * (1 - h) if bad else (1 - h))]


def a_dlog1mh0(rng, bad):
    t0, t1, x = jethro_pt(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: np.log(1 - hfun(t, t1, x)), t0)
    return [(lhs, h if bad else -h)]


def a_dlogh1(rng, bad):
    t0, t1, x = jethro_pt(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: np.log(hfun(t0, t, x)), t1)
    return [(lhs, (h - 1) * x if bad else (1 - h) * x)]


def a_dlog1mh1(rng, bad):
    t0, t1, x = jethro_pt(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: np.log(1 - hfun(t0, t, x)), t1)
    return [(lhs, -h if bad else -h * x)]


def a_dJ0_exp(rng, bad):
    t0, t1, _ = jethro_pt(rng)
    x, y = jethro_data(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: jethro_J(t, t1, x, y), t0)
    s = 1.0 if bad else -1.0
    return [(lhs, -np.mean(y * (1 - h) + s * (1 - y) * h))]


def a_dJ0(rng, bad):
    t0, t1, _ = jethro_pt(rng)
    x, y = jethro_data(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: jethro_J(t, t1, x, y), t0)
    if bad:
        return [(lhs, np.sum(h - y))]
    return [(lhs, -np.mean(y - h)), (-np.mean(y - h), np.mean(h - y))]


def a_dJ1_exp(rng, bad):
    t0, t1, _ = jethro_pt(rng)
    x, y = jethro_data(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: jethro_J(t0, t, x, y), t1)
    second = (1 - y) * h if bad else (1 - y) * h * x
    return [(lhs, -np.mean(y * (1 - h) * x - second))]


def a_dJ1(rng, bad):
    t0, t1, _ = jethro_pt(rng)
    x, y = jethro_data(rng)
    h = hfun(t0, t1, x)
    lhs = d1(lambda t: jethro_J(t0, t, x, y), t1)
    return [(lhs, np.mean((y - h) * x) if bad else np.mean((h - y) * x))]


def a_cost(rng, bad):
    t0, t1, _ = jethro_pt(rng)
    x, y = jethro_data(rng)
    h = hfun(t0, t1, x)
    cost = -y * np.log(h) - (1 - y) * np.log(1 - h)
    j3 = np.mean(cost)
    ja = np.mean(-y * np.log(h) - (1 - y) * np.log(1 - h))
    s = -1.0 if bad else 1.0
    jb = -np.mean(y * np.log(h) + s * (1 - y) * np.log(1 - h))
    return [(j3, ja), (ja, jb)]


# ----------------------------------------------------------------------------------------
# B. Hjorth-Jensen week 42
# ----------------------------------------------------------------------------------------
def b_perc(rng, bad, wrt):
    w1, b1, x, y = rng.normal(size=4)

    def cost(w, b):
        return 0.5 * (sig(w * x + b) - y) ** 2

    z1 = w1 * x + b1
    a1 = sig(z1)
    if wrt == 'w':
        lhs = d1(lambda w: cost(w, b1), w1)
        prod = (a1 - y) * dsig(z1) * x
        rhs = (y - a1) * dsig(z1) * x if bad else (a1 - y) * dsig(z1) * x
    else:
        lhs = d1(lambda b: cost(w1, b), b1)
        prod = (a1 - y) * dsig(z1) * 1.0
        rhs = (a1 - y) * dsig(z1) * x if bad else (a1 - y) * dsig(z1)
    return [(lhs, prod), (prod, rhs)]


def b_hidden(rng, bad, wrt):
    w1, b1, w2, b2, a0, y = rng.normal(size=6)

    def cost(w1_, b1_, w2_, b2_):
        a1_ = sig(w1_ * a0 + b1_)
        return 0.5 * (np.tanh(w2_ * a1_ + b2_) - y) ** 2

    z1 = w1 * a0 + b1
    a1 = sig(z1)
    z2 = w2 * a1 + b2
    a2 = np.tanh(z2)
    s2p = 1 - np.tanh(z2) ** 2
    if wrt == 'w':
        lhs = d1(lambda w: cost(w1, b1, w, b2), w2)
        prod = (a2 - y) * s2p * a1
        rhs = (a2 - y) * s2p * (a0 if bad else a1)
    else:
        lhs = d1(lambda b: cost(w1, b1, w2, b), b2)
        prod = (a2 - y) * s2p * 1.0
        rhs = (a2 - y) * s2p * (a1 if bad else 1.0)
    return [(lhs, prod), (prod, rhs)]


def layer_setup(rng, nin=3, nout=3):
    w = rng.normal(size=(nin, nout))
    b = rng.normal(size=nout)
    a_prev = rng.normal(size=nin)
    y = rng.normal(size=nout)
    return w, b, a_prev, y


def b_dzdw(rng, bad):
    w, b, a, _ = layer_setup(rng)
    out = []
    for i in range(3):
        for j in range(3):
            if i == j:
                continue

            def zj(wf, j=j):
                return (a @ wf.reshape(w.shape) + b)[j]
            lhs = dvec(zj, w.ravel(), i * 3 + j)
            out.append((lhs, a[j] if bad else a[i]))
    return out


def b_dadz(rng, bad):
    z = rng.normal() * 2
    lhs = d1(sig, z)
    a = sig(z)
    if bad:
        return [(lhs, sig(z))]
    return [(lhs, a * (1 - a)), (a * (1 - a), sig(z) * (1 - sig(z)))]


def out_layer_act(w, b, a):
    return sig(a @ w + b)


def b_dadw(rng, bad):
    w, b, a, _ = layer_setup(rng)
    out = []
    for i in range(3):
        for j in range(3):
            if i == j:
                continue

            def aj(wf, j=j):
                return out_layer_act(wf.reshape(w.shape), b, a)[j]
            lhs = dvec(aj, w.ravel(), i * 3 + j)
            z = a @ w + b
            aL = sig(z)
            prod = dsig(z[j]) * a[i]
            rhs = aL[j] * (1 - aL[j]) * (a[j] if bad else a[i])
            out += [(lhs, prod), (prod, rhs)]
    return out


def b_dCdw(rng, bad):
    w, b, a, y = layer_setup(rng)
    out = []

    def cost(wf):
        return 0.5 * np.sum((out_layer_act(wf.reshape(w.shape), b, a) - y) ** 2)
    aL = out_layer_act(w, b, a)
    for i in range(3):
        for j in range(3):
            lhs = dvec(cost, w.ravel(), i * 3 + j)
            fac = aL[j] if bad else aL[j] * (1 - aL[j])
            out.append((lhs, (aL[j] - y[j]) * fac * a[i]))
    return out


def b_delta(rng, bad):
    w, b, a, y = layer_setup(rng)
    z = a @ w + b
    aL = sig(z)
    out = []
    for j in range(3):
        def cost_a(av):
            return 0.5 * np.sum((av - y) ** 2)
        dCda = dvec(cost_a, aL, j)
        res = (y[j] - aL[j]) if bad else (aL[j] - y[j])
        delta = aL[j] * (1 - aL[j]) * res
        out.append((delta, dsig(z[j]) * dCda))
    return out


# ----------------------------------------------------------------------------------------
# C. Goh, Why Momentum Really Works
# ----------------------------------------------------------------------------------------
def sym_quad(rng, n=4):
    m = rng.normal(size=(n, n))
    a = m @ m.T + n * np.eye(n)
    return a, rng.normal(size=n), rng.normal(size=n)


def c_gd(rng, bad):
    a, b, w = sym_quad(rng)
    alpha = 0.1

    def f(v):
        return 0.5 * v @ a @ v - b @ v
    lhs = w - alpha * grad(f, w)
    rhs = w - alpha * (a @ w + b) if bad else w - alpha * (a @ w - b)
    return [(lhs, rhs)]


def c_z(rng, bad):
    a, b, w = sym_quad(rng)
    z = rng.normal(size=4)
    beta = 0.7

    def f(v):
        return 0.5 * v @ a @ v - b @ v
    lhs = beta * z + grad(f, w)
    rhs = beta * z + (0.5 if bad else 1.0) * (a @ w - b)
    return [(lhs, rhs)]


def c_color(rng, bad):
    n = 6
    edges = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (0, 3), (1, 4)]
    dset = {0, 4}
    w = rng.normal(size=n)
    alpha = 0.05

    def f(v):
        s = 0.5 * sum((v[i] - 1) ** 2 for i in dset)
        return s + 0.5 * sum((v[i] - v[j]) ** 2 for i, j in edges)
    g = grad(f, w)
    out = []
    for i in range(n):
        nb = [j for e in edges for j in e if i in e and j != i]
        sm = sum(w[i] - w[j] for j in nb)
        case = alpha * (w[i] - 1) if i in dset else 0.0
        rhs = w[i] + alpha * sm - case if bad else w[i] - alpha * sm - case
        out.append((w[i] - alpha * g[i], rhs))
    return out


def c_rosen(rng, bad):
    n = 6
    kappa = 5.0 + 10 * rng.random()
    w = rng.normal(size=n + 1)  # w[0..n] holds w_1..w_{n+1}

    def f(v):
        s = 0.5 * (v[0] - 1) ** 2 + 0.5 * sum((v[i] - v[i + 1]) ** 2 for i in range(n))
        return s + 2 / (kappa - 1) * v @ v
    g = grad(f, w)
    c = 2.0 if bad else 4.0
    return [(g[k], 2 * w[k] - w[k - 1] - w[k + 1] + c / (kappa - 1) * w[k]) for k in range(1, n)]


def c_unroll(rng, bad):
    a, b, w0 = sym_quad(rng)
    alpha = 0.05

    def f(v):
        return 0.5 * v @ a @ v - b @ v + np.sum(np.sin(v))
    w1 = w0 - alpha * grad(f, w0)
    w2 = w1 - alpha * grad(f, w1)
    s = 1.0 if bad else -1.0
    return [(w2, w1 - alpha * grad(f, w1)),
            (w1 - alpha * grad(f, w1), w0 - alpha * grad(f, w0) + s * alpha * grad(f, w1))]


# ----------------------------------------------------------------------------------------
# D. stats.stackexchange 258709
# ----------------------------------------------------------------------------------------
def d_dsdx(rng, bad):
    x = rng.normal() * 2
    s = sig(x)
    return [(d1(sig, x), s * (1 + s) if bad else s * (1 - s))]


def d_dsdw(rng, bad):
    w = rng.normal(size=3)
    x = rng.normal(size=3)
    s = sig(w @ x)
    lhs = grad(lambda v: sig(v @ x), w)
    return [(lhs, x * s if bad else x * (1 - s) * s)]


def d_dlog(rng, bad):
    x = 0.2 + 3 * rng.random()
    return [(d1(np.log, x), -1 / x if bad else 1 / x)]


def d_nll(rng, bad):
    w = rng.normal(size=3)
    xs = rng.normal(size=(5, 3))
    y = float(rng.integers(0, 2))

    def nll(v):
        s = sig(xs @ v)
        return -np.sum((1 - y) * np.log(1 - s) + y * np.log(s))
    s = sig(xs @ w)
    res = (y - s) if bad else (s - y)
    return [(grad(nll, w), (res[:, None] * xs).sum(axis=0))]


# ----------------------------------------------------------------------------------------
# E/F/G/H. softmax and cross-entropy
# ----------------------------------------------------------------------------------------
def jac_softmax(o):
    return np.array([dvec(softmax, o, k) for k in range(len(o))]).T  # [i, k] = dp_i/do_k


def e_quot(rng, bad):
    o = rng.normal(size=4)
    jac = jac_softmax(o)
    e = np.exp(o)
    s = e.sum()
    out = []
    for i in range(4):
        for k in range(4):
            dei = e[i] if i == k else 0.0
            sign = 1.0 if bad else -1.0
            rhs = (dei * s + sign * e[k] * e[i]) / s ** 2
            out += [(jac[i, k], jac[i, k]), (jac[i, k], rhs)]
    return out


def e_diag(rng, bad):
    o = rng.normal(size=4)
    jac = jac_softmax(o)
    e = np.exp(o)
    s = e.sum()
    p = e / s
    out = []
    for k in range(4):
        r1 = (e[k] * s - e[k] * e[k]) / s ** 2
        if bad:
            out.append((jac[k, k], (e[k] * s - e[k] * e[k]) / s))
            continue
        r2 = (e[k] / s) * ((s - e[k]) / s)
        out += [(jac[k, k], r1), (r1, r2), (r2, p[k] * (1 - p[k]))]
    return out


def e_offdiag(rng, bad):
    o = rng.normal(size=4)
    jac = jac_softmax(o)
    e = np.exp(o)
    s = e.sum()
    p = e / s
    out = []
    for i in range(4):
        for k in range(4):
            if i == k:
                continue
            if bad:
                out.append((jac[i, k], p[k] * p[i]))
                continue
            r1 = -e[k] * e[i] / (s * s)
            out += [(jac[i, k], r1), (r1, -p[k] * p[i])]
    return out


def e_cases(rng, bad):
    o = rng.normal(size=4)
    jac = jac_softmax(o)
    p = softmax(o)
    out = []
    for i in range(4):
        for k in range(4):
            if i == k:
                rhs = p[k] if bad else p[k] * (1 - p[k])
            else:
                rhs = -p[k] * p[i]
            out.append((jac[i, k], rhs))
    return out


def ce_loss(o, y):
    return -np.sum(y * np.log(softmax(o)))


def e_split(rng, bad):
    o = rng.normal(size=4)
    y = rng.random(4)
    jac = jac_softmax(o)
    p = softmax(o)
    out = []
    for k in range(4):
        lhs = dvec(lambda v: ce_loss(v, y), o, k)
        r1 = -np.sum(y / p * jac[:, k])
        rest = sum(y[i] * p[k] for i in range(4) if i != k)
        r2 = -y[k] * (1 - p[k]) + (-rest if bad else rest)
        out += [(lhs, r1), (r1, r2)]
    return out


def e_final(rng, bad):
    o = rng.normal(size=4)
    y = np.zeros(4)
    y[rng.integers(0, 4)] = 1.0
    p = softmax(o)
    out = []
    for k in range(4):
        lhs = dvec(lambda v: ce_loss(v, y), o, k)
        r1 = -y[k] + np.sum(y * p[k])
        r2 = y[k] - p[k] if bad else p[k] - y[k]
        out += [(lhs, r1), (r1, r2)]
    return out


def f_delta(rng, bad):
    a = rng.normal(size=4)
    jac = jac_softmax(a)  # [j, i] = dp_j/da_i
    p = softmax(a)
    out = []
    for i in range(4):
        for j in range(4):
            dij = 1.0 if i == j else 0.0
            out.append((jac[j, i], p[j] * (dij - (p[j] if bad else p[i]))))
    return out


def f_diag(rng, bad):
    a = rng.normal(size=4)
    e = np.exp(a)
    s = e.sum()
    p = e / s
    out = []
    for j in range(4):
        lhs = dvec(lambda v, j=j: np.exp(v[j]) * np.sum(np.exp(v)) ** -1, a, j)
        r1 = e[j] * s ** -1 - e[j] * s ** (-1 if bad else -2) * e[j]
        out += [(lhs, r1), (r1, p[j] - p[j] ** 2), (p[j] - p[j] ** 2, p[j] * (1 - p[j]))]
    return out


def f_offdiag(rng, bad):
    a = rng.normal(size=4)
    e = np.exp(a)
    s = e.sum()
    p = e / s
    out = []
    for i in range(4):
        for j in range(4):
            if i == j:
                continue
            lhs = dvec(lambda v, j=j: np.exp(v[j]) / np.sum(np.exp(v)), a, i)
            r1 = e[j] * dvec(lambda v: np.sum(np.exp(v)) ** -1, a, i)
            sg = 1.0 if bad else -1.0
            r2 = sg * e[j] * s ** -2 * e[i]
            r3 = sg * p[j] * p[i]
            out += [(lhs, r1), (r1, r2), (r2, r3)]
    return out


def f_dL(rng, bad):
    a = rng.normal(size=4)
    y = rng.random(4)
    p = softmax(a)
    out = []
    for i in range(4):
        lhs = dvec(lambda v: ce_loss(v, y), a, i)
        dij = (np.arange(4) == i).astype(float)
        r1 = np.sum(-y / p * p * (dij - p[i]))
        r2 = np.sum(y * (dij - p[i])) if bad else np.sum(y * (p[i] - dij))
        out += [(lhs, r1), (r1, r2)]
    return out


def g_dLdyhat(rng, bad):
    yh = 0.1 + rng.random(4)
    y = rng.random(4)
    out = []
    for i in range(4):
        lhs = dvec(lambda v: -np.sum(y * np.log(v)), yh, i)
        out.append((lhs, y[i] / yh[i] if bad else -y[i] / yh[i]))
    return out


def g_diag(rng, bad):
    z = rng.normal(size=4)
    jac = jac_softmax(z)
    p = softmax(z)
    return [(jac[i, i], p[i] if bad else p[i] * (1 - p[i])) for i in range(4)]


def g_cases(rng, bad):
    z = rng.normal(size=4)
    jac = jac_softmax(z)
    p = softmax(z)
    out = []
    for i in range(4):
        for j in range(4):
            if i == j:
                rhs = p[i] * (1 - p[i])
            else:
                rhs = p[i] * p[j] if bad else -p[i] * p[j]
            out.append((jac[i, j], rhs))
    return out


def g_split(rng, bad):
    z = rng.normal(size=4)
    y = rng.random(4)
    p = softmax(z)
    out = []
    for j in range(4):
        lhs = dvec(lambda v: ce_loss(v, y), z, j)
        rest = sum(y[i] * (p[i] if bad else p[j]) for i in range(4) if i != j)
        out.append((lhs, -y[j] * (1 - p[j]) + rest))
    return out


def g_final(rng, bad):
    z = rng.normal(size=4)
    y = np.zeros(4)
    y[rng.integers(0, 4)] = 1.0
    p = softmax(z)
    out = []
    for j in range(4):
        lhs = dvec(lambda v: ce_loss(v, y), z, j)
        out.append((lhs, y[j] - p[j] if bad else p[j] - y[j]))
    return out


def h_stable(rng, bad):
    x = rng.normal(size=5) * 3
    m = np.max(x)
    e = np.exp(x)
    out = []
    for i in range(5):
        y1 = e[i] / e.sum()
        den = e.sum() if bad else np.sum(np.exp(x - m))
        out += [(y1, y1), (y1, np.exp(x[i] - m) / den)]
    return out


def h_diag(rng, bad):
    x = rng.normal(size=4)
    jac = jac_softmax(x)
    e = np.exp(x)
    s = e.sum()
    yv = e / s
    sg = 1.0 if bad else -1.0
    out = []
    for i in range(4):
        k = i
        r1 = (e[i] * s + sg * e[i] * e[i]) / s ** 2
        r2 = e[i] * (s + sg * e[i]) / s ** 2
        r3 = (e[i] / s) * ((s + sg * e[i]) / s)
        r4 = yv[i] * (1 + sg * yv[i])
        r5 = yv[i] + sg * yv[i] * yv[k]
        out += [(jac[i, k], r1), (r1, r2), (r2, r3), (r3, r4), (r4, r5)]
    return out


def h_offdiag(rng, bad):
    x = rng.normal(size=4)
    jac = jac_softmax(x)
    e = np.exp(x)
    s = e.sum()
    yv = e / s
    out = []
    for i in range(4):
        for k in range(4):
            if i == k:
                continue
            r1 = (0 - e[i] * e[k]) / (s if bad else s ** 2)
            out.append((jac[i, k], r1))
            if not bad:
                out.append((r1, -yv[i] * yv[k]))
    return out


# ----------------------------------------------------------------------------------------
# I. Gibiansky fully connected network: x^l = W^{l-1}^T y^{l-1}, y^l = sigma(x^l) + I^l
# ----------------------------------------------------------------------------------------
class Net:
    def __init__(self, rng):
        self.sizes = [3, 3, 3, 2]
        self.w = [rng.normal(size=(self.sizes[k], self.sizes[k + 1])) for k in range(3)]
        self.inp = rng.normal(size=3)
        self.bias_in = [np.zeros(3), rng.normal(size=3) * 0.1, rng.normal(size=3) * 0.1,
                        rng.normal(size=2) * 0.1]
        self.t = rng.normal(size=2)

    def from_y(self, layer, yv, w=None):
        w = self.w if w is None else w
        for k in range(layer, 3):
            x = yv @ w[k]  # x_i^{k+1} = sum_j w_{ji}^k y_j^k
            yv = sig(x) + self.bias_in[k + 1]
        return 0.5 * np.sum((yv - self.t) ** 2)

    def from_x(self, layer, xv):
        return self.from_y(layer, sig(xv) + self.bias_in[layer])

    def forward(self, w=None):
        w = self.w if w is None else w
        ys = [self.inp]
        xs = [None]
        for k in range(3):
            xs.append(ys[-1] @ w[k])
            ys.append(sig(xs[-1]) + self.bias_in[k + 1])
        return xs, ys


def i_dEdw(rng, bad):
    net = Net(rng)
    xs, ys = net.forward()
    ell = 1
    out = []
    for i in range(3):
        for j in range(3):
            if i == j:
                continue

            def e_of_w(wf):
                ws = [m.copy() for m in net.w]
                ws[ell] = wf.reshape(3, 3)
                return net.from_y(0, net.inp, ws)
            lhs = dvec(e_of_w, net.w[ell].ravel(), i * 3 + j)
            dEdx = dvec(lambda v: net.from_x(ell + 1, v), xs[ell + 1], j)
            out.append((lhs, (ys[ell][j] if bad else ys[ell][i]) * dEdx))
    return out


def i_dEdx(rng, bad):
    net = Net(rng)
    xs, ys = net.forward()
    ell = 2
    out = []
    for j in range(3):
        lhs = dvec(lambda v: net.from_x(ell, v), xs[ell], j)
        dEdy = dvec(lambda v: net.from_y(ell, v), ys[ell], j)
        r1 = dEdy * d1(lambda u, j=j: sig(u) + net.bias_in[ell][j], xs[ell][j])
        r2 = dEdy * d1(lambda u, j=j: sig(u) + net.bias_in[ell][j], xs[ell][j])
        r3 = dEdy * (sig(xs[ell][j]) if bad else dsig(xs[ell][j]))
        out += [(lhs, r1), (r1, r2), (r2, r3)]
    return out


def i_dEdy(rng, bad):
    net = Net(rng)
    xs, ys = net.forward()
    ell = 1
    out = []
    for i in range(3):
        lhs = dvec(lambda v: net.from_y(ell, v), ys[ell], i)
        dEdx = np.array([dvec(lambda v: net.from_x(ell + 1, v), xs[ell + 1], j)
                         for j in range(3)])
        dxdy = np.array([dvec(lambda v, j=j: (v @ net.w[ell])[j], ys[ell], i) for j in range(3)])
        r1 = np.sum(dEdx * dxdy)
        wrow = net.w[ell][:, i] if bad else net.w[ell][i, :]
        out += [(lhs, r1), (r1, np.sum(dEdx * wrow))]
    return out


# ----------------------------------------------------------------------------------------
# J. Gibiansky Hessian-free optimization; K. Malec gradients posts
# ----------------------------------------------------------------------------------------
def j_newton(rng, bad):
    f0, f1, f2, x = rng.normal(size=4)

    def taylor(u):
        return f0 + f1 * u + f2 * u ** 2 / 2
    return [(d1(taylor, x), f1 + (0.5 if bad else 1.0) * f2 * x)]


def j_quadgrad(rng, bad):
    a, b, x = sym_quad(rng)
    c = 1.0 + rng.random()

    def f(v):
        return 0.5 * v @ a @ v + b @ v + c
    return [(grad(f, x), a @ x + b + (c if bad else 0.0))]


def smooth_f(x, a):
    return 0.25 * (x @ x) ** 2 + np.sin(a @ x)


def smooth_grad(x, a):
    return (x @ x) * x + np.cos(a @ x) * a


def smooth_hess(x, a):
    n = len(x)
    return (x @ x) * np.eye(n) + 2 * np.outer(x, x) - np.sin(a @ x) * np.outer(a, a)


def j_hvrow(rng, bad):
    a = rng.normal(size=4)
    x = rng.normal(size=4)
    v = rng.normal(size=4)
    hm = smooth_hess(x, a)
    hv = hm @ v
    out = []
    for i in range(4):
        s = np.sum(hm[i, :] * (v[i] if bad else v))
        out.append((hv[i], s))
        if not bad:
            gi = grad(lambda u, i=i: smooth_grad(u, a)[i], x)
            out.append((s, gi @ v))
    return out


def j_hvdir(rng, bad):
    a = rng.normal(size=4)
    x = rng.normal(size=4)
    v = rng.normal(size=4)
    hv = smooth_hess(x, a) @ v
    at = 1.0 if bad else 0.0
    rhs = d1(lambda e: smooth_grad(x + e * v, a), at)
    return [(hv, rhs)]


def k_reg(rng, bad):
    w = rng.normal(size=(3, 4))
    lam = 0.1 + rng.random()

    def reg_loss(wf):
        return lam * np.sum(wf ** 2)
    g = grad(reg_loss, w)
    return [(g, (1.0 if bad else 2.0) * lam * w)]


def k_shift(rng, bad):
    xm = rng.normal(size=(5, 3))
    w = rng.normal(size=(3, 4))
    s = xm @ w
    lab = rng.integers(0, 4, size=5)
    out = []
    for i in range(5):
        smax = np.max(s[i])
        sy = s[i, lab[i]]
        r0 = np.exp(sy - smax) / np.sum(np.exp(s[i] - smax))
        den = np.exp(smax if bad else -smax) * np.sum(np.exp(s[i]))
        r1 = np.exp(-smax) * np.exp(sy) / den
        r2 = np.exp(sy) / np.sum(np.exp(s[i]))
        out += [(r0, r1), (r1, r2)]
    return out


# ----------------------------------------------------------------------------------------
# L. FiqLab worked example (plain-text math).  Numeric links are (left, right, unit): a link
# holds when the two sides agree within one unit of the last printed digit.
# ----------------------------------------------------------------------------------------
def l_sigprime(rng, bad):
    x = rng.normal() * 2
    s = sig(x)
    return [(d1(sig, x), s * (s - 1) if bad else s * (1 - s))]


def n_net_h1(bad):
    w1, w2, bh, x1, x2 = 0.15, 0.20, 0.35, 0.05, 0.10
    sym = w1 * x1 + w2 * x2 + bh
    subst = (0.15 * 0.05) + (0.20 * 0.10) + 0.35
    terms = (0.075 if bad else 0.0075) + 0.0200 + 0.3500
    final = 0.4450 if bad else 0.3775
    return [(sym, subst, 1e-12), (subst, terms, 1e-4), (terms, final, 1e-4)]


def n_net_h2(bad):
    w3, w4, bh, x1, x2 = 0.25, 0.30, 0.35, 0.05, 0.10
    sym = w3 * x1 + w4 * x2 + bh
    if bad:
        subst = (0.25 * 0.10) + (0.30 * 0.05) + 0.35
        terms = 0.0250 + 0.0150 + 0.3500
        final = 0.3900
    else:
        subst = (0.25 * 0.05) + (0.30 * 0.10) + 0.35
        terms = 0.0125 + 0.0300 + 0.3500
        final = 0.3925
    return [(sym, subst, 1e-12), (subst, terms, 1e-4), (terms, final, 1e-4)]


def n_net_o1(bad):
    w5, w6, bo, oh1, oh2 = 0.40, 0.45, 0.60, 0.59327, 0.59688
    sym = w5 * oh1 + w6 * oh2 + bo
    subst = (0.40 * 0.59327) + (0.45 * 0.59688) + 0.60
    terms = 0.23731 + 0.26860 + 0.60000
    final = 0.50591 if bad else 1.10591
    return [(sym, subst, 1e-12), (subst, terms, 1e-5), (terms, final, 1e-5)]


def n_out_o1(bad):
    net = 1.10591
    out = sig(net)
    if bad:
        chain = [1 / (1 + np.exp(1.10591)), 1 / (1 + 3.02197), 1 / 4.02197, 0.24863]
    else:
        chain = [1 / (1 + np.exp(-1.10591)), 1 / (1 + 0.33091), 1 / 1.33091, 0.75137]
    units = [1e-12, 1e-5, 1e-12, 1e-5]
    links = [(out, sig(1.10591), 1e-12)]
    prev = sig(1.10591)
    for val, unit in zip(chain, units, strict=True):
        links.append((prev, val, unit))
        prev = val
    return links


NUMERIC = {
    'h-fiq-net-h1': n_net_h1, 'h-fiq-net-h2': n_net_h2, 'h-fiq-net-o1': n_net_o1,
    'h-fiq-out-o1': n_out_o1,
}


def numeric_verdict(fn, bad):
    """Return the worst |left - right| / unit over the links."""
    return max(abs(a - b) / unit for a, b, unit in fn(bad))


# ----------------------------------------------------------------------------------------
# Claim registry: id -> (function, bad flag[, extra])
# ----------------------------------------------------------------------------------------
def reg():
    r = {}
    pairs = [
        ('h-jethro-dh-dtheta0-quotient', a_dh_quot), ('h-jethro-dh-dtheta0', a_dh0),
        ('h-jethro-dh-dtheta1', a_dh1), ('h-jethro-dlogh-dtheta0', a_dlogh0),
        ('h-jethro-dlog1mh-dtheta0', a_dlog1mh0), ('h-jethro-dlogh-dtheta1', a_dlogh1),
        ('h-jethro-dlog1mh-dtheta1', a_dlog1mh1), ('h-jethro-dJ-dtheta0-expanded', a_dJ0_exp),
        ('h-jethro-dJ-dtheta0', a_dJ0), ('h-jethro-dJ-dtheta1-expanded', a_dJ1_exp),
        ('h-jethro-dJ-dtheta1', a_dJ1), ('h-jethro-cost-complete', a_cost),
        ('h-hj-dz-dw', b_dzdw), ('h-hj-da-dz', b_dadz), ('h-hj-da-dw-output', b_dadw),
        ('h-hj-dC-dw-output', b_dCdw), ('h-hj-delta-output', b_delta),
        ('h-momentum-gd-quadratic', c_gd), ('h-momentum-z-quadratic', c_z),
        ('h-momentum-colorization-step', c_color),
        ('h-momentum-convex-rosenbrock-grad', c_rosen), ('h-momentum-unrolled-w2', c_unroll),
        ('h-se258709-ds-dx', d_dsdx), ('h-se258709-ds-dw', d_dsdw),
        ('h-se258709-dlog-dx', d_dlog), ('h-se258709-dNLL-dw', d_nll),
        ('h-sun-dp-do-quotient', e_quot), ('h-sun-dp-do-diag', e_diag),
        ('h-sun-dp-do-offdiag', e_offdiag), ('h-sun-dp-do-cases', e_cases),
        ('h-sun-dL-do-split', e_split), ('h-sun-dL-do', e_final),
        ('h-zak-dp-da-delta', f_delta), ('h-zak-dp-da-diag', f_diag),
        ('h-zak-dp-da-offdiag', f_offdiag), ('h-zak-dL-da', f_dL),
        ('h-pn-dL-dyhat', g_dLdyhat), ('h-pn-dyhat-dz-diag', g_diag),
        ('h-pn-dyhat-dz-cases', g_cases), ('h-pn-dL-dz-split', g_split), ('h-pn-dL-dz', g_final),
        ('h-mnn-stable-softmax', h_stable), ('h-mnn-softmax-diag', h_diag),
        ('h-mnn-softmax-offdiag', h_offdiag),
        ('h-gib-dE-dw', i_dEdw), ('h-gib-dE-dx', i_dEdx), ('h-gib-dE-dy', i_dEdy),
        ('h-gib-newton-1d-derivative', j_newton), ('h-gib-quadratic-gradient', j_quadgrad),
        ('h-gib-hessian-vector-row', j_hvrow), ('h-gib-hv-directional', j_hvdir),
        ('h-malec-reg-grad', k_reg), ('h-malec-softmax-shift', k_shift),
        ('h-fiq-sigmoid-derivative', l_sigprime),
    ]
    for fam, fn in pairs:
        r[fam] = fn
    r['h-hj-perceptron-dC-dw1'] = lambda rng, bad: b_perc(rng, bad, 'w')
    r['h-hj-perceptron-dC-db1'] = lambda rng, bad: b_perc(rng, bad, 'b')
    r['h-hj-hidden-dC-dw2'] = lambda rng, bad: b_hidden(rng, bad, 'w')
    r['h-hj-hidden-dC-db2'] = lambda rng, bad: b_hidden(rng, bad, 'b')
    return r


def link_errors(fn, bad, trials=4, seed=0):
    rng = np.random.default_rng(seed)
    errs = None
    for _ in range(trials):
        e = [err(a, b) for a, b in fn(rng, bad)]
        errs = e if errs is None else [max(u, v) for u, v in zip(errs, e, strict=True)]
    return errs


def check_claims():
    claims = yaml.safe_load((HERE / 'claims.yaml').read_text())
    r = reg()
    ok = bad_count = 0
    for c in claims:
        if c['family'] in NUMERIC:
            worst = numeric_verdict(NUMERIC[c['family']], c['expect'] == 'invalid')
            good = worst <= 1.0 + 1e-9 if c['expect'] == 'valid' else worst > 1.0
            tag = 'ok  ' if good else 'FAIL'
            print(f"{tag} {c['id']}: expect {c['expect']}, worst link off by {worst:.2f} "
                  'units of the last printed digit')
            ok += good
            bad_count += not good
            continue
        fn = r.get(c['family'])
        if fn is None:
            print(f"FAIL {c['id']}: no confirmation coded")
            bad_count += 1
            continue
        is_bad = c['expect'] == 'invalid'
        errs = link_errors(fn, is_bad)
        worst = max(errs)
        if c['expect'] == 'valid':
            good = worst < TOL_OK
        else:
            good = worst > TOL_BAD
        tag = 'ok  ' if good else 'FAIL'
        print(f"{tag} {c['id']}: expect {c['expect']}, worst link error {worst:.2e}")
        ok += good
        bad_count += not good
    return ok, bad_count


# ----------------------------------------------------------------------------------------
# Documents: flattened list of link errors in file order (definitions excluded)
# ----------------------------------------------------------------------------------------
def doc_jethro(rng, mutated):
    t0, t1, _ = jethro_pt(rng)
    x, y = jethro_data(rng)
    xi = x[0]
    h = hfun(t0, t1, x)
    hi = h[0]
    e = np.exp(-t0 - t1 * xi)
    links = []
    # eq 5 (3 links)
    cost = -y * np.log(h) - (1 - y) * np.log(1 - h)
    j3 = np.mean(cost)
    ja = np.mean(-y * np.log(h) - (1 - y) * np.log(1 - h))
    jb = -np.mean(y * np.log(h) + (1 - y) * np.log(1 - h))
    links += [(jethro_J(t0, t1, x, y), j3), (j3, ja), (ja, jb)]
    # eq 7 (5 links), evaluated at x = x^{(1)}
    dh = d1(lambda t: hfun(t, t1, xi), t0)
    q1 = (0 + e) / (1 + e) ** 2
    q2 = e / (1 + e) ** 2
    q3 = (1 / (1 + e)) * (e / (1 + e))
    q4 = (1 / (1 + e)) * (1 - 1 / (1 + e))
    links += [(dh, q1), (q1, q2), (q2, q3), (q3, q4), (q4, hi * (1 - hi))]
    # eq 9 (3 links)
    dj = d1(lambda t: jethro_J(t, t1, x, y), t0)
    dsum = d1(lambda t: np.sum(y * np.log(hfun(t, t1, x))
                               + (1 - y) * np.log(1 - hfun(t, t1, x))), t0)
    p1 = np.array([d1(lambda t, v=v: np.log(hfun(t, t1, v)), t0) for v in x])
    p2 = np.array([d1(lambda t, v=v: np.log(1 - hfun(t, t1, v)), t0) for v in x])
    part = -np.mean(y * p1 + (1 - y) * p2)
    links += [(dj, dj), (dj, -1 / len(x) * dsum), (-1 / len(x) * dsum, part)]
    # eq 10 (4 links)
    lhs = d1(lambda t: np.log(hfun(t, t1, xi)), t0)
    r1 = (1 / hi) * dh
    r2 = 1 / hi * hi * (1 - hi)
    links += [(lhs, r1), (r1, r2), (r2, r2), (r2, 1 - hi)]
    # eq 11 (5 links)
    lhs = d1(lambda t: np.log(1 - hfun(t, t1, xi)), t0)
    r1 = -1 / (1 - hi) * dh
    r2 = -1 / (1 - hi) * hi * (1 - hi)
    r3 = -1 / (1 - hi) * (1 - hi) * hi
    r5 = hi if mutated else -hi
    links += [(lhs, r1), (r1, r2), (r2, r3), (r3, r3), (r3, r5)]
    # final chain (6 links)
    f1 = -np.mean(y * p1 + (1 - y) * p2)
    f2 = -np.mean(y * (1 - h) - (1 - y) * h)
    f3 = -np.mean(y - y * h - h + y * h)
    f5 = -np.mean(y - h)
    f6 = np.mean(y - h) if mutated else np.mean(h - y)
    links += [(dj, f1), (f1, f2), (f2, f3), (f3, f3), (f3, f5), (f5, f6)]
    return links


def doc_sun(rng):
    o = rng.normal(size=4)
    jac = jac_softmax(o)
    e = np.exp(o)
    s = e.sum()
    p = e / s
    links = []
    i, k = 1, 2
    q = (0.0 * s - e[k] * e[i]) / s ** 2
    links += [(jac[i, k], jac[i, k]), (jac[i, k], q)]
    kk = 3
    r1 = (e[kk] * s - e[kk] * e[kk]) / s ** 2
    r2 = (e[kk] / s) * ((s - e[kk]) / s)
    links += [(jac[kk, kk], r1), (r1, r2), (r2, p[kk] * (1 - p[kk]))]
    r1 = (0.0 * s - e[k] * e[i]) / s ** 2
    r2 = -e[k] * e[i] / (s * s)
    links += [(jac[i, k], r1), (r1, r2), (r2, -p[k] * p[i])]
    mat = np.array([[p[kc] * (1 - p[kc]) if ic == kc else -p[kc] * p[ic] for kc in range(4)]
                    for ic in range(4)])
    links.append((jac, mat))
    y = np.zeros(4)
    y[0] = 1.0
    lhs = grad(lambda v: ce_loss(v, y), o)
    dlogp = np.array([[dvec(lambda v, ic=ic: np.log(softmax(v)[ic]), o, kc) for kc in range(4)]
                      for ic in range(4)])
    c1 = -np.array([np.sum(y * dlogp[:, kc]) for kc in range(4)])
    c2 = -np.array([np.sum(y * (1 / p) * jac[:, kc]) for kc in range(4)])
    c3 = -np.array([np.sum(y / p * jac[:, kc]) for kc in range(4)])
    c4 = np.array([-y[kc] * (1 - p[kc]) + sum(y[ic] * p[kc] for ic in range(4) if ic != kc)
                   for kc in range(4)])
    c5 = np.array([-y[kc] + np.sum(y * p[kc]) for kc in range(4)])
    links += [(lhs, c1), (c1, c2), (c2, c3), (c3, c4), (c4, c5), (c5, p - y)]
    return links


def doc_hj(rng):
    w, b, a, y = layer_setup(rng)
    z = a @ w + b
    aL = sig(z)
    links = [(aL, 1 / (1 + np.exp(-z)))]
    i, j = 0, 2

    def zj(wf):
        return (a @ wf.reshape(w.shape) + b)[j]
    links.append((dvec(zj, w.ravel(), i * 3 + j), a[i]))
    zz = z[j]
    links += [(d1(sig, zz), aL[j] * (1 - aL[j])), (aL[j] * (1 - aL[j]), sig(zz) * (1 - sig(zz)))]
    ytil = aL
    links.append((0.5 * np.sum((y - ytil) ** 2), 0.5 * np.sum((aL - y) ** 2)))

    def cost(wf):
        return 0.5 * np.sum((out_layer_act(wf.reshape(w.shape), b, a) - y) ** 2)

    def aj(wf):
        return out_layer_act(wf.reshape(w.shape), b, a)[j]
    dC = dvec(cost, w.ravel(), i * 3 + j)
    da = dvec(aj, w.ravel(), i * 3 + j)
    links.append((dC, (aL[j] - y[j]) * da))
    prod = d1(sig, zz) * a[i]
    links += [(da, prod), (prod, aL[j] * (1 - aL[j]) * a[i])]
    links.append((dC, (aL[j] - y[j]) * aL[j] * (1 - aL[j]) * a[i]))
    dCda = dvec(lambda av: 0.5 * np.sum((av - y) ** 2), aL, j)
    delta = aL[j] * (1 - aL[j]) * (aL[j] - y[j])
    links.append((delta, dsig(zz) * dCda))

    def cost_z(zv):
        return 0.5 * np.sum((sig(zv) - y) ** 2)
    dCdz = dvec(cost_z, z, j)
    links += [(delta, dCdz), (dCdz, dCda * d1(sig, zz))]
    return links


def doc_pn(rng):
    z = rng.normal(size=4)
    y = np.zeros(4)
    y[2] = 1.0
    p = softmax(z)
    jac = jac_softmax(z)
    links = [(np.array([dvec(lambda v: -np.sum(y * np.log(v)), p, i) for i in range(4)]), -y / p)]
    links.append((np.diag(jac), p * (1 - p)))
    off = [(jac[i, j], -p[i] * p[j]) for i in range(4) for j in range(4) if i != j]
    links.append((np.array([u for u, _ in off]), np.array([v for _, v in off])))
    mat = np.array([[p[i] * (1 - p[i]) if i == j else -p[i] * p[j] for j in range(4)]
                    for i in range(4)])
    links.append((jac, mat))
    g = grad(lambda v: ce_loss(v, y), z)
    dLdy = -y / p
    links.append((g, np.array([np.sum(dLdy * jac[:, j]) for j in range(4)])))
    links.append((g, np.array([-y[j] * (1 - p[j]) + sum(y[i] * p[j] for i in range(4) if i != j)
                               for j in range(4)])))
    links.append((g, p - y))
    return links


DOCS = {
    'h_jethro_theta0': lambda rng: doc_jethro(rng, False),
    'h_jethro_theta0_mutated': lambda rng: doc_jethro(rng, True),
    'h_sun_softmax_ce': doc_sun,
    'h_hj_output_layer': doc_hj,
    'h_pn_softmax_ce': doc_pn,
}


def check_docs():
    ok = bad_count = 0
    for name, fn in DOCS.items():
        spec = yaml.safe_load((HERE / 'docs' / f'{name}.expect.yaml').read_text())
        expected = [e for link in spec['links'] for e in link['expect'] if e != 'definition']
        lines = [link['line'] for link in spec['links']
                 for e in link['expect'] if e != 'definition']
        errs = link_errors(lambda rng, _bad, fn=fn: fn(rng), False)
        if len(errs) != len(expected):
            print(f'FAIL {name}: coded {len(errs)} links, expect file has {len(expected)}')
            bad_count += 1
            continue
        for n, (e, want, ln) in enumerate(zip(errs, expected, lines, strict=True)):
            good = e < TOL_OK if want == 'valid' else e > TOL_BAD
            tag = 'ok  ' if good else 'FAIL'
            print(f'{tag} {name} link {n + 1} (block at line {ln}): expect {want}, error {e:.2e}')
            ok += good
            bad_count += not good
    return ok, bad_count


def main():
    ok1, bad1 = check_claims()
    ok2, bad2 = check_docs()
    ok, bad = ok1 + ok2, bad1 + bad2
    print(f'{ok} confirmed, {bad} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
