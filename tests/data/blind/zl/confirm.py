# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zl).

Every claim and every document link is coded by hand below as a Python function of random
inputs (derivatives by central finite differences) or, for printed numbers, compared with one
unit of the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(7)
R = lambda *s: rng.normal(size=s) if s else float(rng.normal())


def close(a, b, rtol=1e-6, atol=1e-8):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def num(value, printed, unit):
    v = np.atleast_1d(np.asarray(value, float))
    p = np.atleast_1d(np.asarray(printed, float))
    return v.shape == p.shape and bool(np.all(np.abs(v - p) <= unit * (1 + 1e-9)))


def fd(f, x, h=1e-6):
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def forall(pred, n=5):
    out = True
    for _ in range(n):
        try:
            out = out and bool(pred())
        except (ValueError, IndexError):
            return False
    return out


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
relu = lambda x: np.maximum(x, 0.0)

# ---------------- kaifeng/llm-learn: 2-2-1 sigmoid network, row vectors ----------------
X0 = np.array([1.0, 2.0]); W10 = np.array([[0.5, 0.6], [0.7, 0.8]]); b10 = np.array([0.1, 0.2])
W20 = np.array([0.9, 0.1]); b20 = 0.3; y0 = 0.5


def kf_loss(X, W1, b1, W2, b2, y):
    z1 = X @ W1 + b1
    a1 = sig(z1)
    z2 = a1 @ W2 + b2
    return 0.5 * (sig(z2) - y) ** 2


def kf_grads():
    X, W1, b1, W2, b2, y = R(2), R(2, 2), R(2), R(2), R(), R()
    z1 = X @ W1 + b1
    dz1 = fd(lambda z: 0.5 * (sig(sig(z) @ W2 + b2) - y) ** 2, z1)  # delta_1 (row)
    dW1 = fd(lambda W: kf_loss(X, W, b1, W2, b2, y), W1)
    z2 = sig(z1) @ W2 + b2
    yh = sig(z2)
    d2 = float(fd(lambda z: 0.5 * (sig(z[0]) - y) ** 2, np.array([z2]))[0])
    return dict(X=X, dz1=dz1, dW1=dW1, yh=yh, y=y, z2=z2, d2=d2)


# ---------------- allmamun556: 2-3-1 MLP, column vectors, ReLU then sigmoid, L = 1/2 (y - yhat)^2 ----------------
def de_setup():
    W1, b1, W2, b2, x, y = R(3, 2), R(3, 1), R(1, 3), R(1, 1), R(2, 1), R()
    def fwd(W1=W1, b1=b1, W2=W2, b2=b2, x=x):
        z1 = W1 @ x + b1
        a1 = relu(z1)
        z2 = W2 @ a1 + b2
        yh = sig(z2)
        return z1, a1, z2, yh
    L = lambda **kw: float(0.5 * (y - fwd(**kw)[3][0, 0]) ** 2)
    z1, a1, z2, yh = fwd()
    yhs = float(yh[0, 0])
    d2 = fd(lambda z: 0.5 * (y - sig(z[0, 0])) ** 2, z2)  # dL/dz2, (1,1)
    da1 = fd(lambda a: 0.5 * (y - sig((W2 @ a + b2)[0, 0])) ** 2, a1)
    dz1 = fd(lambda z: 0.5 * (y - sig((W2 @ relu(z) + b2)[0, 0])) ** 2, z1)
    return dict(W1=W1, b1=b1, W2=W2, b2=b2, x=x, y=y, z1=z1, a1=a1, z2=z2, yh=yhs, d2=d2, da1=da1, dz1=dz1,
                dW2=fd(lambda W: L(W2=W), W2), db2=fd(lambda b: L(b2=b), b2), dW1=fd(lambda W: L(W1=W), W1),
                db1=fd(lambda b: L(b1=b), b1), dLdyh=float(fd(lambda v: 0.5 * (y - v[0]) ** 2, np.array([yhs]))[0]),
                dyh=float(fd(lambda z: sig(z[0, 0]), z2)[0, 0]), fp=(z1 > 0).astype(float))


def de(fn):
    return lambda: forall(lambda: fn(de_setup()))


# ---------------- Adam expansions (AdaMartin18010) ----------------
def adam_m(t, b1, g):
    m = 0.0
    for i in range(1, t + 1):
        m = b1 * m + (1 - b1) * g[i - 1]
    return m


def ad(fn):
    def run():
        def one():
            b = rng.uniform(0.1, 0.95)
            t = int(rng.integers(1, 8))
            g = R(t + 2)
            mu = R()
            s2 = abs(R())
            return fn(b, t, g, mu, s2)
        return forall(one)
    return run


S = lambda f, lo, hi: sum(f(i) for i in range(lo, hi + 1))


# ---------------- Welford (li-weihua) ----------------
def wf(fn):
    def run():
        def one():
            n = int(rng.integers(2, 9))
            x = np.concatenate([[0.0], R(n)])  # 1-based
            mb = lambda k: x[1:k + 1].mean()
            var = lambda k: ((x[1:k + 1] - mb(k)) ** 2).mean()
            M2 = lambda k: ((x[1:k + 1] - mb(k)) ** 2).sum()
            return fn(n, x, mb, var, M2)
        return forall(one)
    return run


def ce(fn):
    def run():
        def one():
            K = 4
            yh = rng.dirichlet(np.ones(K))
            y = rng.dirichlet(np.ones(K))
            return fn(y, yh)
        return forall(one)
    return run


def hn_setup():
    B, N, eps = 3, 5, 1e-5
    x, w, b, G = R(B, N), R(N), R(N), R(B, N)
    def y_of(x=x, w=w, b=b):
        mean = x.mean(1, keepdims=True)
        var = x.var(1, keepdims=True)
        return w * ((x - mean) / np.sqrt(var + eps)) + b
    L = lambda **kw: float(np.sum(G * y_of(**kw)))
    mean = x.mean(1, keepdims=True)
    rstd = 1 / np.sqrt(x.var(1, keepdims=True) + eps)
    t1 = 1 / N * (G * w).sum(1, keepdims=True)
    t2 = 1 / N * (x - mean) * rstd * (G * w * (x - mean) * rstd).sum(1, keepdims=True)
    return dict(x=x, w=w, G=G, mean=mean, rstd=rstd, t1=t1, t2=t2, dx=fd(lambda v: L(x=v), x),
                dw=fd(lambda v: L(w=v), w), db=fd(lambda v: L(b=v), b))


def hn(fn):
    return lambda: forall(lambda: fn(hn_setup()), n=3)


# ---------------- webmastervetea: single sigmoid neuron (Spanish) ----------------
ESx1, ESx2, ESw1, ESw2, ESb, ESy = 0.5, 1.0, 0.3, 0.7, 0.1, 0.8
ESz = ESw1 * ESx1 + ESw2 * ESx2 + ESb
ESa = float(sig(ESz))
ESL = 0.5 * (ESy - ESa) ** 2
ESg = -(ESy - ESa) * ESa * (1 - ESa) * ESx1


CHECKS = {
    # kaifeng numbers
    "zl-kf-z1": lambda: close(X0 @ W10 + b10, [1 * 0.5 + 2 * 0.7 + 0.1, 1 * 0.6 + 2 * 0.8 + 0.2]) and num(X0 @ W10 + b10, [2.0, 2.4], 0.1),
    "zl-kf-z1-transpose": lambda: close(X0 @ W10 + b10, [1 * 0.5 + 2 * 0.6 + 0.1, 1 * 0.7 + 2 * 0.8 + 0.2]),
    "zl-kf-a1": lambda: num(sig(X0 @ W10 + b10), [0.8808, 0.9084], 1e-4),
    "zl-kf-a1-sign": lambda: close(sig(X0 @ W10 + b10), [1 / (1 + math.exp(2.0)), 1 / (1 + math.exp(2.4))]),
    "zl-kf-sig2": lambda: num(1 / (1 + math.exp(-2.0)), 0.8808, 1e-4),
    "zl-kf-sig2-complement": lambda: num(1 / (1 + math.exp(-2.0)), 0.1192, 1e-4),
    "zl-kf-z2": lambda: num(0.8808 * 0.9 + 0.9084 * 0.1 + 0.3, 1.1835, 1e-4),
    "zl-kf-z2-nobias": lambda: num(0.8808 * 0.9 + 0.9084 * 0.1, 1.1835, 1e-4),
    "zl-kf-yhat": lambda: num(1 / (1 + math.exp(-1.1835)), 0.7692, 1e-4),
    "zl-kf-loss": lambda: num(0.5 * (0.7692 - 0.5) ** 2, 0.035, 1e-3),
    "zl-kf-err": lambda: num(0.7692 - 0.5, 0.2692, 1e-4),
    "zl-kf-err-swap": lambda: num(0.5 - 0.7692, 0.2692, 1e-4),
    "zl-kf-dsig": lambda: num(0.7692 * (1 - 0.7692), 0.1776, 1e-4),
    "zl-kf-dsig-square": lambda: num(0.7692 * (1 - 0.7692), 0.5917, 1e-4),
    "zl-kf-delta2": lambda: num(0.2692 * 0.1776, 0.0478, 1e-4),
    "zl-kf-delta2-half": lambda: num(0.5 * 0.2692 * 0.1776, 0.0478, 1e-4),
    "zl-kf-dw2": lambda: num(0.0478 * np.array([0.8808, 0.9084]), [0.0421, 0.0434], 1e-4),
    "zl-kf-dw2-weights": lambda: num(0.0478 * np.array([0.9, 0.1]), [0.0421, 0.0434], 1e-4),
    "zl-kf-da1": lambda: num(0.0478 * np.array([0.9, 0.1]), [0.0430, 0.0048], 1e-4),
    "zl-kf-da1-swap": lambda: num(0.0478 * np.array([0.9, 0.1]), [0.0048, 0.0430], 1e-4),
    "zl-kf-dsig1": lambda: num([0.8808 * 0.1192, 0.9084 * 0.0916], [0.1051, 0.0833], 1e-4),
    "zl-kf-dsig1-nosig": lambda: num([0.8808 * 0.1192, 0.9084 * 0.0916], [0.1192, 0.0916], 1e-4),
    "zl-kf-delta1": lambda: num([0.0430 * 0.1051, 0.0048 * 0.0833], [0.0045, 0.0004], 1e-4),
    "zl-kf-delta1-scale": lambda: num([0.0430 * 0.1051, 0.0048 * 0.0833], [0.0452, 0.0040], 1e-4),
    "zl-kf-outer": lambda: close(np.outer([0.0045, 0.0004], [1, 2]), [[0.0045 * 1, 0.0045 * 2], [0.0004 * 1, 0.0004 * 2]]) and num(np.outer([0.0045, 0.0004], [1, 2]), [[0.0045, 0.0090], [0.0004, 0.0008]], 1e-4),
    "zl-kf-outer-transpose": lambda: num(np.outer([0.0045, 0.0004], [1, 2]), [[0.0045, 0.0004], [0.0090, 0.0008]], 1e-4),
    "zl-kf-dW1": lambda: forall(lambda: (lambda d: close(d["dW1"], np.outer(d["dz1"], d["X"]), rtol=1e-5, atol=1e-7))(kf_grads())),
    "zl-kf-updW2": lambda: num([0.9 - 0.0042, 0.1 - 0.0043], [0.8958, 0.0957], 1e-4),
    "zl-kf-updW2-sign": lambda: num([0.9 + 0.0042, 0.1 + 0.0043], [0.8958, 0.0957], 1e-4),
    "zl-kf-updb2": lambda: num(0.3 - 0.0048, 0.2952, 1e-4),
    "zl-kf-updb2-noeta": lambda: num(0.3 - 0.0478, 0.2952, 1e-4),
    "zl-kf-updW1": lambda: num([[0.5 - 0.0005, 0.6 - 0.0009], [0.7 - 0.00004, 0.8 - 0.00008]], [[0.4995, 0.5991], [0.6996, 0.7999]], 1e-4),
    "zl-kf-updb1": lambda: num([0.1 - 0.0005, 0.2 - 0.00004], [0.0995, 0.19996], 1e-5),
    "zl-kf-updb1-digit": lambda: num([0.1 - 0.0005, 0.2 - 0.00004], [0.0995, 0.1996], 1e-4),
    "zl-kf-sigprime": lambda: forall(lambda: (lambda x: close(fd(lambda v: sig(v[0]), np.array([x]))[0], sig(x) * (1 - sig(x))))(R())),
    "zl-kf-sigprime-sign": lambda: forall(lambda: (lambda x: close(fd(lambda v: sig(v[0]), np.array([x]))[0], sig(x) * (1 + sig(x))))(R())),
    "zl-kf-delta2-sym": lambda: forall(lambda: (lambda d: close(d["d2"], (d["yh"] - d["y"]) * d["yh"] * (1 - d["yh"])))(kf_grads())),
    "zl-kf-delta2-sym-swap": lambda: forall(lambda: (lambda d: close(d["d2"], (d["y"] - d["yh"]) * d["yh"] * (1 - d["yh"])))(kf_grads())),
    # German MLP
    "zl-de-dLdyhat": de(lambda d: close(d["dLdyh"], d["yh"] - d["y"])),
    "zl-de-dLdyhat-swap": de(lambda d: close(d["dLdyh"], d["y"] - d["yh"])),
    "zl-de-dyhat": de(lambda d: close(d["dyh"], d["yh"] * (1 - d["yh"]))),
    "zl-de-dyhat-square": de(lambda d: close(d["dyh"], d["yh"] * (1 - d["yh"]) ** 2)),
    "zl-de-chain2": de(lambda d: close(d["d2"][0, 0], d["dLdyh"] * d["dyh"])),
    "zl-de-chain2-missing": de(lambda d: close(d["d2"][0, 0], d["dLdyh"])),
    "zl-de-db2": de(lambda d: close(d["db2"], d["d2"])),
    "zl-de-db2-double": de(lambda d: close(d["db2"], d["d2"] * d["yh"] * (1 - d["yh"]))),
    "zl-de-da1": de(lambda d: close(d["da1"], d["W2"].T @ d["d2"], rtol=1e-5)),
    "zl-de-da1-transpose": de(lambda d: close(d["da1"], d["W2"] @ d["d2"])),
    "zl-de-delta1": de(lambda d: close(d["dz1"], (d["W2"].T @ d["d2"]) * d["fp"], rtol=1e-5)),
    "zl-de-delta1-nofprime": de(lambda d: close(d["dz1"], d["W2"].T @ d["d2"], rtol=1e-5) and close(d["fp"], np.ones((3, 1)))),
    "zl-de-dW1": de(lambda d: close(d["dW1"], d["dz1"] @ d["x"].T, rtol=1e-5)),
    "zl-de-dW1-transpose": de(lambda d: close(d["dW1"], d["x"] @ d["dz1"].T)),
    "zl-de-db1": de(lambda d: close(d["db1"], d["dz1"], rtol=1e-5)),
    "zl-de-db1-nodelta": de(lambda d: close(d["db1"], d["fp"])),
    "zl-de-tanh": lambda: forall(lambda: (lambda z: close(np.tanh(z), (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))))(R())),
    "zl-de-tanh-flip": lambda: forall(lambda: (lambda z: close(np.tanh(z), (np.exp(z) + np.exp(-z)) / (np.exp(z) - np.exp(-z))))(R())),
    # Adam
    "zl-ad-m1": ad(lambda b, t, g, mu, s2: close(adam_m(1, b, g), b * 0 + (1 - b) * g[0]) and close(b * 0 + (1 - b) * g[0], (1 - b) * g[0])),
    "zl-ad-m1-beta": ad(lambda b, t, g, mu, s2: close(adam_m(1, b, g), b * g[0])),
    "zl-ad-m2": ad(lambda b, t, g, mu, s2: close(adam_m(2, b, g), b * (1 - b) * g[0] + (1 - b) * g[1]) and close(adam_m(2, b, g), (1 - b) * (b * g[0] + g[1]))),
    "zl-ad-m2-index": ad(lambda b, t, g, mu, s2: close(adam_m(2, b, g), (1 - b) * (g[0] + b * g[1]))),
    "zl-ad-m3": ad(lambda b, t, g, mu, s2: close(adam_m(3, b, g), b * (1 - b) * (b * g[0] + g[1]) + (1 - b) * g[2]) and close(adam_m(3, b, g), (1 - b) * (b ** 2 * g[0] + b * g[1] + g[2]))),
    "zl-ad-m3-exponent": ad(lambda b, t, g, mu, s2: close(adam_m(3, b, g), (1 - b) * (b ** 3 * g[0] + b * g[1] + g[2]))),
    "zl-ad-mt": ad(lambda b, t, g, mu, s2: close(adam_m(t, b, g), (1 - b) * S(lambda i: b ** (t - i) * g[i - 1], 1, t))),
    "zl-ad-mt-exponent": ad(lambda b, t, g, mu, s2: close(adam_m(t, b, g), (1 - b) * S(lambda i: b ** (i - 1) * g[i - 1], 1, t))),
    "zl-ad-induct": ad(lambda b, t, g, mu, s2: close(b * (1 - b) * S(lambda i: b ** (t - i) * g[i - 1], 1, t) + (1 - b) * g[t], (1 - b) * S(lambda i: b ** (t + 1 - i) * g[i - 1], 1, t + 1))),
    "zl-ad-induct-exponent": ad(lambda b, t, g, mu, s2: close(b * (1 - b) * S(lambda i: b ** (t - i) * g[i - 1], 1, t) + (1 - b) * g[t], (1 - b) * S(lambda i: b ** (t - i) * g[i - 1], 1, t + 1))),
    "zl-ad-geo": ad(lambda b, t, g, mu, s2: close(S(lambda i: b ** (t - i), 1, t), (1 - b ** t) / (1 - b))),
    "zl-ad-geo-exponent": ad(lambda b, t, g, mu, s2: close(S(lambda i: b ** (t - i), 1, t), (1 - b ** (t + 1)) / (1 - b))),
    "zl-ad-pull": ad(lambda b, t, g, mu, s2: close((1 - b) * mu * S(lambda i: b ** (t - i), 1, t), (1 - b) * mu * b ** (t - 1) * S(lambda i: b ** (1 - i), 1, t))),
    "zl-ad-pull-exponent": ad(lambda b, t, g, mu, s2: close((1 - b) * mu * S(lambda i: b ** (t - i), 1, t), (1 - b) * mu * b ** t * S(lambda i: b ** (1 - i), 1, t))),
    "zl-ad-geoinv": ad(lambda b, t, g, mu, s2: close((1 - b) * mu * b ** (t - 1) * S(lambda i: b ** (1 - i), 1, t), (1 - b) * mu * b ** (t - 1) * (1 - b ** (-t + 1)) / (1 - b ** -1))),
    "zl-ad-Em": ad(lambda b, t, g, mu, s2: close((1 - b) * mu * (1 - b ** t) / (1 - b), mu * (1 - b ** t))),
    "zl-ad-Em-paren": ad(lambda b, t, g, mu, s2: close((1 - b) * mu * (1 - b ** t) / (1 - b), mu * (1 - b) ** t)),
    "zl-ad-mhat": ad(lambda b, t, g, mu, s2: close(mu * (1 - b ** t) / (1 - b ** t), mu)),
    "zl-ad-mhat-denominator": ad(lambda b, t, g, mu, s2: close(mu * (1 - b ** t) / (1 - b), mu)),
    "zl-ad-Ev": ad(lambda b, t, g, mu, s2: close((1 - b) * s2 * (1 - b ** t) / (1 - b), s2 * (1 - b ** t))),
    "zl-ad-Ev-sigma": ad(lambda b, t, g, mu, s2: close((1 - b) * s2 * (1 - b ** t) / (1 - b), math.sqrt(s2) * (1 - b ** t))),
    "zl-ad-vhat": ad(lambda b, t, g, mu, s2: close(s2 * (1 - b ** t) / (1 - b ** t), s2)),
    "zl-ad-vhat-sigma": ad(lambda b, t, g, mu, s2: close(s2 * (1 - b ** t) / (1 - b ** t), math.sqrt(s2))),
    "zl-ad-wsum": ad(lambda b, t, g, mu, s2: close((1 - b) * S(lambda i: b ** (t - i), 1, t), 1 - b ** t)),
    "zl-ad-wsum-exponent": ad(lambda b, t, g, mu, s2: close((1 - b) * S(lambda i: b ** (t - i), 1, t), 1 - b ** (t - 1))),
    "zl-ad-t1": lambda: num(1 - 0.9 ** 1, 0.1, 0.1),
    "zl-ad-t1-complement": lambda: num(1 - 0.9 ** 1, 0.9, 0.1),
    "zl-ad-t2": lambda: num(1 - 0.9 ** 2, 0.19, 0.01),
    "zl-ad-t2-complement": lambda: num(1 - 0.9 ** 2, 0.81, 0.01),
    "zl-ad-t5": lambda: num(1 - 0.9 ** 5, 0.41, 0.01),
    "zl-ad-t5-complement": lambda: num(1 - 0.9 ** 5, 0.59, 0.01),
    "zl-ad-t10": lambda: num(1 - 0.9 ** 10, 0.65, 0.01),
    "zl-ad-t10-complement": lambda: num(1 - 0.9 ** 10, 0.35, 0.01),
    "zl-ad-t20": lambda: num(1 - 0.9 ** 20, 0.88, 0.01),
    "zl-ad-t20-complement": lambda: num(1 - 0.9 ** 20, 0.12, 0.01),
    # Welford
    "zl-wf-mean": wf(lambda n, x, mb, var, M2: close(mb(n), ((n - 1) * mb(n - 1) + x[n]) / n) and close(mb(n), mb(n - 1) + (x[n] - mb(n - 1)) / n)),
    "zl-wf-mean-denominator": wf(lambda n, x, mb, var, M2: close(mb(n), ((n - 1) * mb(n - 1) + x[n]) / n) and close(mb(n), mb(n - 1) + (x[n] - mb(n - 1)) / (n - 1))),
    "zl-wf-split": wf(lambda n, x, mb, var, M2: close(S(lambda i: (x[i] - mb(n)) ** 2, 1, n) - S(lambda i: (x[i] - mb(n - 1)) ** 2, 1, n - 1), (x[n] - mb(n)) ** 2 + S(lambda i: (x[i] - mb(n)) ** 2 - (x[i] - mb(n - 1)) ** 2, 1, n - 1))),
    "zl-wf-split-mean": wf(lambda n, x, mb, var, M2: close(S(lambda i: (x[i] - mb(n)) ** 2, 1, n) - S(lambda i: (x[i] - mb(n - 1)) ** 2, 1, n - 1), (x[n] - mb(n - 1)) ** 2 + S(lambda i: (x[i] - mb(n)) ** 2 - (x[i] - mb(n - 1)) ** 2, 1, n - 1))),
    "zl-wf-step": wf(lambda n, x, mb, var, M2: close((x[n] - mb(n)) ** 2 + S(lambda i: (2 * x[i] - mb(n) - mb(n - 1)) * (mb(n - 1) - mb(n)), 1, n - 1), (x[n] - mb(n)) ** 2 + (mb(n) - x[n]) * (mb(n - 1) - mb(n)))),
    "zl-wf-step-sign": wf(lambda n, x, mb, var, M2: close((x[n] - mb(n)) ** 2 + S(lambda i: (2 * x[i] - mb(n) - mb(n - 1)) * (mb(n - 1) - mb(n)), 1, n - 1), (x[n] - mb(n)) ** 2 + (x[n] - mb(n)) * (mb(n - 1) - mb(n)))),
    "zl-wf-var": wf(lambda n, x, mb, var, M2: close(n * var(n) - (n - 1) * var(n - 1), (x[n] - mb(n)) * (x[n] - mb(n - 1)))),
    "zl-wf-var-square": wf(lambda n, x, mb, var, M2: close(n * var(n) - (n - 1) * var(n - 1), (x[n] - mb(n)) ** 2)),
    "zl-wf-M2": wf(lambda n, x, mb, var, M2: close(M2(n), M2(n - 1) + (x[n] - mb(n)) * (x[n] - mb(n - 1)))),
    "zl-wf-M2-square": wf(lambda n, x, mb, var, M2: close(M2(n), M2(n - 1) + (x[n] - mb(n - 1)) ** 2)),
    "zl-wf-sigma": wf(lambda n, x, mb, var, M2: close(var(n), M2(n) / n)),
    "zl-wf-sigma-bessel": wf(lambda n, x, mb, var, M2: close(var(n), M2(n) / (n - 1))),
    # 1036225283/doc
    "zl-sm-ln": lambda: forall(lambda: (lambda x: close(fd(lambda v: 3 * np.log(v[0]), np.array([x]))[0], 3 / x))(rng.uniform(0.2, 3))),
    "zl-sm-ln-square": lambda: forall(lambda: (lambda x: close(fd(lambda v: 3 * np.log(v[0]), np.array([x]))[0], 3 / x ** 2))(rng.uniform(0.2, 3))),
    "zl-sm-loss": lambda: forall(lambda: (lambda y, s: close(-y * np.log(s), -y / s))(rng.uniform(0.1, 1), rng.uniform(0.05, 0.95))),
    # mox21c
    "zl-ko-cee": ce(lambda y, yh: close(-np.sum(y * np.log(yh)), np.sum(y * (-np.log(yh))))),
    "zl-ko-cee-swap": ce(lambda y, yh: close(-np.sum(y * np.log(yh)), np.sum(yh * (-np.log(y))))),
    # Welford extra chain links
    "zl-wf-first": wf(lambda n, x, mb, var, M2: close(n * var(n) - (n - 1) * var(n - 1), S(lambda i: (x[i] - mb(n)) ** 2, 1, n) - S(lambda i: (x[i] - mb(n - 1)) ** 2, 1, n - 1))),
    "zl-wf-dsq": wf(lambda n, x, mb, var, M2: close((x[n] - mb(n)) ** 2 + S(lambda i: (x[i] - mb(n)) ** 2 - (x[i] - mb(n - 1)) ** 2, 1, n - 1), (x[n] - mb(n)) ** 2 + S(lambda i: (2 * x[i] - mb(n) - mb(n - 1)) * (mb(n - 1) - mb(n)), 1, n - 1))),
    "zl-wf-last": wf(lambda n, x, mb, var, M2: close((x[n] - mb(n)) ** 2 + (mb(n) - x[n]) * (mb(n - 1) - mb(n)), (x[n] - mb(n)) * (x[n] - mb(n - 1)))),
    # hicann LayerNormGrad (rows = reduce_axis_0, features = reduce_axis_1)
    "zl-hn-dx": hn(lambda d: close(d["dx"], (d["G"] * d["w"] - (d["t1"] + d["t2"])) * d["rstd"], rtol=1e-5, atol=1e-7)),
    "zl-hn-dx-notemp2": hn(lambda d: close(d["dx"], (d["G"] * d["w"] - d["t1"]) * d["rstd"], rtol=1e-5, atol=1e-7)),
    "zl-hn-dx-rstd2": hn(lambda d: close(d["dx"], (d["G"] * d["w"] - (d["t1"] + d["t2"])) * d["rstd"] ** 2, rtol=1e-5, atol=1e-7)),
    "zl-hn-dw": hn(lambda d: close(d["dw"], (d["G"] * (d["x"] - d["mean"]) * d["rstd"]).sum(0), rtol=1e-5, atol=1e-7)),
    "zl-hn-dw-norstd": hn(lambda d: close(d["dw"], (d["G"] * (d["x"] - d["mean"])).sum(0), rtol=1e-5, atol=1e-7)),
    "zl-hn-db": hn(lambda d: close(d["db"], d["G"].sum(0), rtol=1e-5, atol=1e-7)),
    "zl-hn-db-weight": hn(lambda d: close(d["db"], (d["G"] * d["w"]).sum(0), rtol=1e-5, atol=1e-7)),
    # webmastervetea (Spanish)
    "zl-es-z": lambda: close(ESz, (0.3 * 0.5) + (0.7 * 1.0) + 0.1),
    "zl-es-z-swap": lambda: close(ESz, (0.3 * 1.0) + (0.7 * 0.5) + 0.1),
    "zl-es-a": lambda: close(ESa, 1 / (1 + math.exp(-0.95))) and num(ESa, 0.721, 1e-3),
    "zl-es-a-complement": lambda: close(ESa, 1 / (1 + math.exp(-0.95))) and num(ESa, 0.279, 1e-3),
    "zl-es-dLda": lambda: forall(lambda: (lambda a, y: close(fd(lambda v: 0.5 * (y - v[0]) ** 2, np.array([a]))[0], -(y - a)))(R(), R())),
    "zl-es-dLda-sign": lambda: forall(lambda: (lambda a, y: close(fd(lambda v: 0.5 * (y - v[0]) ** 2, np.array([a]))[0], (y - a)))(R(), R())),
    "zl-es-dadz": lambda: num(ESa, 0.721, 1e-3) and close(0.721 * (1 - 0.721), 0.721 * 0.279) and num(0.721 * 0.279, 0.201, 1e-3),
    "zl-es-dadz-square": lambda: num(ESa, 0.721, 1e-3) and close(0.721 * (1 - 0.721), 0.721 * 0.279) and num(0.721 * 0.279, 0.520, 1e-3),
    "zl-es-dzdw": lambda: forall(lambda: (lambda w1, w2, x1, x2, b: close(fd(lambda v: v[0] * x1 + w2 * x2 + b, np.array([w1]))[0], x1))(R(), R(), R(), R(), R())),
    "zl-es-dzdw-weight": lambda: forall(lambda: (lambda w1, w2, x1, x2, b: close(fd(lambda v: v[0] * x1 + w2 * x2 + b, np.array([w1]))[0], w1))(R(), R(), R(), R(), R())),
    "zl-es-grad": lambda: num([-(ESy - ESa), ESa * (1 - ESa), ESx1], [-0.079, 0.201, 0.5], 1e-3),
    "zl-es-grad-nosig": lambda: close(ESg, (-0.079) * 0.5, rtol=0.05),
    "zl-es-loss": lambda: num(ESy - ESa, 0.079, 1e-3) and num(0.5 * 0.079 ** 2, 0.00312, 1e-5),
    "zl-es-loss-half": lambda: close(ESL, 0.079 ** 2, rtol=0.05),
    "zl-es-upd": lambda: close(0.3 - 0.1 * (-0.00793), 0.3 + 0.000793) and num(0.3 + 0.000793, 0.300793, 1e-6),
    "zl-es-upd-sign": lambda: close(0.3 - 0.1 * (-0.00793), 0.3 - 0.000793),
}

# ---------------- documents: (line index within expect list) -> check of each non-definition link ----------------
DOCS = {}  # filled by docs_checks below


def docs_checks():
    d = {}
    z1 = X0 @ W10 + b10
    a1 = sig(z1)
    z2 = float(a1 @ W20 + b20)
    yh = float(sig(z2))
    d2 = (yh - y0) * yh * (1 - yh)
    T = lambda: True
    d["backprop-kaifeng"] = [
        [None, lambda: close(z1, X0 @ W10 + b10), lambda: close(z1, [1 * 0.5 + 2 * 0.7 + 0.1, 1 * 0.6 + 2 * 0.8 + 0.2]), lambda: num(z1, [2.0, 2.4], 0.1)],
        [None, lambda: close(sig(z1), [1 / (1 + math.exp(-2.0)), 1 / (1 + math.exp(-2.4))]), lambda: num(sig(z1), [0.8808, 0.9084], 1e-4)],
        [None, lambda: num(a1, [0.8808, 0.9084], 1e-4), lambda: close(np.dot([0.8808, 0.9084], [0.9, 0.1]) + 0.3, 0.8808 * 0.9 + 0.9084 * 0.1 + 0.3), lambda: num(0.8808 * 0.9 + 0.9084 * 0.1 + 0.3, 1.1835, 1e-4)],
        [None, lambda: num(z2, 1.1835, 1e-4), lambda: num(1 / (1 + math.exp(-1.1835)), 0.7692, 1e-4)],
        [None, lambda: num(yh, 0.7692, 1e-4), lambda: num(0.5 * (0.7692 - 0.5) ** 2, 0.035, 1e-3)],
        [T, lambda: num(yh, 0.7692, 1e-4), lambda: num(0.7692 - 0.5, 0.2692, 1e-4)],
        [T, lambda: num(yh, 0.7692, 1e-4), lambda: num(0.7692 * (1 - 0.7692), 0.1776, 1e-4)],
        [None, T, lambda: num([yh - y0, yh * (1 - yh)], [0.2692, 0.1776], 1e-4), lambda: num(0.2692 * 0.1776, 0.0478, 1e-4)],
        [lambda: close(fd(lambda W: kf_loss(X0, W10, b10, W, b20, y0), W20), d2 * a1, rtol=1e-5), lambda: num(d2, 0.0478, 1e-4) and num(a1, [0.8808, 0.9084], 1e-4), lambda: num(0.0478 * np.array([0.8808, 0.9084]), [0.0421, 0.0434], 1e-4)],
        [lambda: close(fd(lambda b: kf_loss(X0, W10, b10, W20, b[0], y0), np.array([b20]))[0], d2, rtol=1e-5), lambda: num(d2, 0.0478, 1e-4)],
    ]
    d["backprop-kaifeng-mutated"] = [list(r) for r in d["backprop-kaifeng"]]
    d["backprop-kaifeng-mutated"][6] = [T, lambda: num(yh, 0.7692, 1e-4), lambda: num(0.7692 * (1 - 0.7692), 0.5917, 1e-4)]
    d["backprop-kaifeng-mutated"][8] = d["backprop-kaifeng"][8][:2] + [lambda: num(0.0478 * np.array([0.8808, 0.9084]), [0.0434, 0.0421], 1e-4)]
    d["backprop-de"] = [
        [None], [None, T], [None],
        [None, lambda: forall(lambda: (lambda z: close(sig(z), 1 / (1 + np.exp(-z))))(R()))],
        [None],
        [CHECKS["zl-de-dLdyhat"]],
        [CHECKS["zl-de-dyhat"]],
        [None],
        [CHECKS["zl-de-db2"]],
        [CHECKS["zl-de-da1"]],
        [None, CHECKS["zl-de-delta1"]],
        [CHECKS["zl-de-dW1"]],
        [CHECKS["zl-de-db1"]],
    ]
    Em = lambda f: ad(lambda b, t, g, mu, s2: close(mu * (1 - b ** t), f(b, t, mu)))
    d["adam-bias-adamartin"] = [
        [ad(lambda b, t, g, mu, s2: close(adam_m(1, b, g), b * 0 + (1 - b) * g[0])), ad(lambda b, t, g, mu, s2: close(adam_m(1, b, g), (1 - b) * g[0]))],
        [ad(lambda b, t, g, mu, s2: close(adam_m(2, b, g), b * adam_m(1, b, g) + (1 - b) * g[1])), ad(lambda b, t, g, mu, s2: close(adam_m(2, b, g), b * (1 - b) * g[0] + (1 - b) * g[1])), ad(lambda b, t, g, mu, s2: close(adam_m(2, b, g), (1 - b) * (b * g[0] + g[1])))],
        [ad(lambda b, t, g, mu, s2: close(adam_m(3, b, g), b * adam_m(2, b, g) + (1 - b) * g[2])), ad(lambda b, t, g, mu, s2: close(adam_m(3, b, g), b * (1 - b) * (b * g[0] + g[1]) + (1 - b) * g[2])), ad(lambda b, t, g, mu, s2: close(adam_m(3, b, g), (1 - b) * (b ** 2 * g[0] + b * g[1] + g[2])))],
        [CHECKS["zl-ad-mt"]],
        [ad(lambda b, t, g, mu, s2: close(adam_m(t + 1, b, g), b * adam_m(t, b, g) + (1 - b) * g[t])),
         ad(lambda b, t, g, mu, s2: close(adam_m(t + 1, b, g), b * (1 - b) * S(lambda i: b ** (t - i) * g[i - 1], 1, t) + (1 - b) * g[t])),
         ad(lambda b, t, g, mu, s2: close(adam_m(t + 1, b, g), (1 - b) * (S(lambda i: b ** (t + 1 - i) * g[i - 1], 1, t) + g[t]))),
         ad(lambda b, t, g, mu, s2: close(adam_m(t + 1, b, g), (1 - b) * S(lambda i: b ** (t + 1 - i) * g[i - 1], 1, t + 1)))],
        [Em(lambda b, t, mu: (1 - b) * S(lambda i: b ** (t - i) * mu, 1, t)), Em(lambda b, t, mu: (1 - b) * mu * S(lambda i: b ** (t - i), 1, t)),
         Em(lambda b, t, mu: (1 - b) * mu * b ** (t - 1) * S(lambda i: b ** (1 - i), 1, t)), Em(lambda b, t, mu: (1 - b) * mu * b ** (t - 1) * (1 - b ** (-t + 1)) / (1 - b ** -1))],
        [ad(lambda b, t, g, mu, s2: close(S(lambda i: b ** (t - i), 1, t), S(lambda k: b ** k, 0, t - 1))), CHECKS["zl-ad-geo"]],
        [Em(lambda b, t, mu: (1 - b) * mu * (1 - b ** t) / (1 - b)), CHECKS["zl-ad-Em"]],
    ]
    d["adam-bias-adamartin-mutated"] = [list(r) for r in d["adam-bias-adamartin"]]
    d["adam-bias-adamartin-mutated"][6] = [d["adam-bias-adamartin"][6][0], CHECKS["zl-ad-geo-exponent"]]
    d["adam-bias-adamartin-mutated"][7] = [d["adam-bias-adamartin"][7][0], CHECKS["zl-ad-Em-paren"]]
    d["welford-liweihua"] = [
        [wf(lambda n, x, mb, var, M2: close(mb(n), ((n - 1) * mb(n - 1) + x[n]) / n)), wf(lambda n, x, mb, var, M2: close(mb(n), mb(n - 1) + (x[n] - mb(n - 1)) / n))],
        [CHECKS["zl-wf-first"], CHECKS["zl-wf-split"], T, CHECKS["zl-wf-dsq"], CHECKS["zl-wf-step"], CHECKS["zl-wf-last"]],
        [CHECKS["zl-wf-M2"]],
        [CHECKS["zl-wf-sigma"]],
    ]
    def onehot(fn):
        def one():
            K = 4
            s = rng.dirichlet(np.ones(K))
            i = int(rng.integers(K))
            y = np.zeros(K); y[i] = 1.0
            return fn(y, s, i)
        return lambda: forall(one)
    d["softmax-loss-1036225283"] = [
        [onehot(lambda y, s, i: close(-np.sum(y * np.log(s)), -y[i] * np.log(s[i])))],
        [onehot(lambda y, s, i: close(-np.sum(y * np.log(s)), -y[i] / s[i]))],
        [None],
        [CHECKS["zl-sm-ln"]],
    ]
    d["cee-mox21c"] = [
        [None],
        [None, CHECKS["zl-ko-cee"]],
    ]
    d["neurona-webmastervetea"] = [
        [None],
        [CHECKS["zl-es-z"]],
        [lambda: close(ESz, 0.15 + 0.7 + 0.1), lambda: num(0.15 + 0.7 + 0.1, 0.95, 0.01)],
        [None, lambda: close(ESa, 1 / (1 + math.exp(-0.95))), lambda: num(1 / (1 + math.exp(-0.95)), 0.721, 1e-3)],
        [None, lambda: num(ESa, 0.721, 1e-3)],
        [lambda: num(ESy - ESa, 0.079, 1e-3), lambda: num(0.5 * 0.079 ** 2, 0.00312, 1e-5)],
        [T],
        [T, CHECKS["zl-es-dLda"]],
        [lambda: num(ESa, 0.721, 1e-3), lambda: num(-(0.8 - 0.721), -0.079, 1e-3)],
        [lambda: num(ESa, 0.721, 1e-3), lambda: close(0.721 * (1 - 0.721), 0.721 * 0.279), lambda: num(0.721 * 0.279, 0.201, 1e-3)],
        [T, CHECKS["zl-es-dzdw"]],
        [lambda: num(ESx1, 0.5, 0.1)],
        [CHECKS["zl-es-grad"]],
        [lambda: num(ESg, -0.00793, 1e-5)],
    ]
    return d


def main():
    bad = 0
    claims = yaml.safe_load(open(HERE / "claims.yaml", encoding="utf-8"))
    nv = ni = 0
    for c in claims:
        got = CHECKS[c["id"]]()
        exp = c["expect"] == "valid"
        nv += exp
        ni += not exp
        if got != exp:
            bad += 1
            print("DISAGREE claim", c["id"], "math:", got, "expect:", c["expect"])
    print(f"claims: {len(claims)} ({nv} valid, {ni} invalid) checked")
    dc = docs_checks()
    nlinks = 0
    for ef in sorted((HERE / "docs").glob("*.expect.yaml")):
        name = ef.name[: -len(".expect.yaml")]
        spec = yaml.safe_load(open(ef, encoding="utf-8"))
        md = (HERE / "docs" / (name + ".md")).read_text(encoding="utf-8").splitlines()
        rows = dc[name]
        if len(rows) != len(spec["links"]):
            bad += 1
            print("DISAGREE doc", name, "row count")
            continue
        for row, link in zip(rows, spec["links"]):
            if not md[link["line"] - 1].lstrip().startswith("$$"):
                bad += 1
                print("DISAGREE doc", name, "line", link["line"], "is not a $$ line")
            if len(row) != len(link["expect"]):
                bad += 1
                print("DISAGREE doc", name, link["line"], "link count")
                continue
            for fn, e in zip(row, link["expect"]):
                nlinks += 1
                if fn is None:
                    if e != "definition":
                        bad += 1
                        print("DISAGREE doc", name, link["line"], "expected definition")
                    continue
                got = "valid" if fn() else "invalid"
                if got != e:
                    bad += 1
                    print("DISAGREE doc", name, "line", link["line"], "math:", got, "expect:", e)
    print(f"documents: {len(list((HERE / 'docs').glob('*.md')))} files, {nlinks} links checked")
    print("disagreements:", bad)
    print("OK" if bad == 0 else "FAIL")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
