#!/usr/bin/env python
# ruff: noqa: B023, B905, E501, E731, E741  (hand-written confirmation data)
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zf).

Every claim / document link is coded by hand below as Python functions of random inputs
(derivatives via central finite differences, rtol 1e-6) or, for printed numbers, compared
to one unit of the last printed digit. No LaTeX parsing.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(12345)
RTOL, ATOL = 1e-6, 1e-8
NPTS = 6


def close(a, b, rtol=RTOL, atol=ATOL):
    return np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=rtol, atol=atol)


def chain_ok(vals, **kw):
    """All members of a relation chain agree."""
    return all(close(vals[0], v, **kw) for v in vals[1:])


def links(vals, **kw):
    return [close(vals[i], vals[i + 1], **kw) for i in range(len(vals) - 1)]


def num_ok(value, printed, unit):
    """Printed number agrees with value to one unit of the last printed digit."""
    return np.all(np.abs(np.asarray(value, float) - np.asarray(printed, float)) <= unit * (1 + 1e-9))


def fd(f, x, h=1e-5):
    """Central-difference gradient of scalar f at array x."""
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


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
softmax = lambda z: np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)))


def for_all(pred, n=NPTS):
    return all(pred() for _ in range(n))


# ------------------------------------------------------------------ dsaint31x
def Phi_numeric(x):
    # standard normal CDF by Simpson integration of the pdf (independent of erf)
    t = np.linspace(-12.0, x, 20001)
    pdf = np.exp(-t ** 2 / 2) / np.sqrt(2 * np.pi)
    hstep = t[1] - t[0]
    return hstep / 3 * (pdf[0] + pdf[-1] + 4 * pdf[1:-1:2].sum() + 2 * pdf[2:-1:2].sum())


def gelu_phi(variant):
    def chk():
        x = rng.uniform(-3, 3)
        rhs = 0.5 + 0.5 * math.erf(x / (math.sqrt(2) if variant == 'ok' else 2.0))
        return close(Phi_numeric(x), rhs, rtol=1e-7)
    return for_all(chk)


def silu_deriv(variant):
    def chk():
        x = rng.uniform(-4, 4)
        silu = lambda t: t * sig(t)
        true = d1(silu, x)
        s, S = sig(x), silu(x)
        rhs = {'ok': S + s * (1 - S), 'sign': S - s * (1 - S), 'term': s * (1 - S)}[variant]
        return close(true, rhs)
    return for_all(chk)


def mish_printed():
    def chk():
        x = rng.uniform(-3, 3)
        softplus = np.log(np.exp(x) + 1)
        return close(x * np.tanh(softplus), np.tanh(np.log(1 + np.exp(x))))
    return for_all(chk)


def elu_deriv(variant):
    def chk():
        a = rng.uniform(0.2, 2.0)
        x = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
        elu = lambda t: t if t >= 0 else a * (np.exp(t) - 1)
        true = d1(elu, x)
        rhs = 1.0 if x >= 0 else (elu(x) + a if variant == 'ok' else elu(x) - a)
        return close(true, rhs)
    # make sure negative branch is exercised
    return for_all(chk, 12)


def onehot(K, c):
    y = np.zeros(K)
    y[c] = 1.0
    return y


def nll_chain(variant):
    def chk():
        K = 5
        p = softmax(rng.normal(size=K))
        c = rng.integers(K)
        y = onehot(K, c)
        L = np.prod(p ** y)
        m1 = -np.log(L)
        m2 = -np.log(np.prod(p ** y))
        m3 = -np.sum(np.log(p ** y))
        m4 = -np.sum(y * np.log(p)) if variant != 'term' else -np.sum(np.log(p))
        m5 = -np.log(p[c]) if variant != 'sign' else np.log(p[c])
        return chain_ok([m1, m2, m3, m4, m5])
    return for_all(chk)


def ce_logits(variant):
    def chk():
        K = 6
        t = rng.normal(size=K)
        c = rng.integers(K)
        p = np.exp(t) / np.exp(t).sum()
        lse = np.log(np.exp(t).sum())
        m1 = -np.log(p[c])
        m2 = -np.log(np.exp(t[c]) / np.exp(t).sum())
        m3 = -np.log(np.exp(t[c])) + (lse if variant != 'sign2' else -lse)
        m4 = (-t[c] if variant != 'sign' else t[c]) + lse
        return chain_ok([m1, m1, m2, m3, m4])
    return for_all(chk)


def avg_ce_logits(variant):
    def chk():
        M, K = 4, 5
        T = rng.normal(size=(M, K))
        cs = rng.integers(K, size=M)
        Y = np.stack([onehot(K, c) for c in cs])
        P = np.exp(T) / np.exp(T).sum(1, keepdims=True)
        J = -np.sum(Y * np.log(P)) / M
        inner = np.sum(-T[np.arange(M), cs] + np.log(np.exp(T).sum(1)))
        rhs = inner / M if variant == 'ok' else inner
        return close(J, rhs)
    return for_all(chk)


def avg_nll(variant):
    def chk():
        M, K = 4, 5
        P = np.stack([softmax(rng.normal(size=K)) for _ in range(M)])
        Y = np.stack([onehot(K, rng.integers(K)) for _ in range(M)])
        LM = np.prod(P ** Y)
        m1 = -np.log(LM) / M
        m2 = -np.log(np.prod(P ** Y)) / M
        s = -np.sum(Y * np.log(P))
        m3 = s / M if variant == 'ok' else s
        return chain_ok([m1, m2, m3])
    return for_all(chk)


def logreg_grad(variant):
    def chk():
        M, d = 7, 3
        X = rng.normal(size=(M, d))
        y = rng.integers(0, 2, size=M).astype(float)
        th = rng.normal(size=d)

        def J(t):
            ph = sig(X @ t)
            return -np.mean(y * np.log(ph) + (1 - y) * np.log(1 - ph))
        true = fd(J, th)
        s = sig(X @ th)
        if variant == 'ok':
            rhs = (s - y) @ X / M
        elif variant == 'sign':
            rhs = (y - s) @ X / M
        else:
            rhs = ((s - y) * s * (1 - s)) @ X / M
        return close(true, rhs)
    return for_all(chk)


# ------------------------------------------------------------------ shreedharn
def softmax_grad(variant):
    def chk():
        n = 4
        z = rng.normal(size=n)
        p = softmax(z)
        Jt = np.stack([fd(lambda zz: softmax(zz)[i], z) for i in range(n)])  # Jt[i, j] = dp_i/dz_j
        delta = np.eye(n)
        cases = np.where(delta == 1, p[:, None] * (1 - p[:, None]),
                         (-1 if variant != 'offdiag' else 1) * p[:, None] * p[None, :])
        dform = p[:, None] * (delta - p[None, :]) if variant != 'sign' else p[:, None] * (delta + p[None, :])
        return chain_ok([Jt, cases, dform])
    return for_all(chk)


def logsumexp(variant):
    def chk():
        x = rng.normal(size=6) * 3
        c = x.max()
        rhs = c + np.log(np.sum(np.exp(x - c if variant == 'ok' else x + c)))
        return close(np.log(np.sum(np.exp(x))), rhs)
    return for_all(chk)


vec = lambda A: A.flatten(order='F')  # column stacking


def trace_vec(variant):
    def chk():
        A = rng.normal(size=(3, 4))
        B = rng.normal(size=(4, 3))
        rhs = vec(A.T) @ vec(B) if variant == 'ok' else vec(A) @ vec(B)
        return close(np.trace(A @ B), rhs)
    return for_all(chk)


def vec_kron(variant):
    def chk():
        A = rng.normal(size=(2, 3))
        X = rng.normal(size=(3, 4))
        B = rng.normal(size=(4, 5))
        Kr = np.kron(B.T, A) if variant == 'ok' else np.kron(A, B.T)
        return close(vec(A @ X @ B), Kr @ vec(X))
    return for_all(chk)


def mse_dW(variant):
    def chk():
        N, d, k = 6, 3, 2
        X = rng.normal(size=(N, d))
        W = rng.normal(size=(d, k))
        b = rng.normal(size=(1, k))
        Yt = rng.normal(size=(N, k))
        L = lambda WW: np.sum((Yt - (X @ WW + b)) ** 2) / N
        Yh = X @ W + b
        rhs = {'ok': 2 / N * X.T @ (Yh - Yt), 'factor': 1 / N * X.T @ (Yh - Yt),
               'sign': 2 / N * X.T @ (Yt - Yh)}[variant]
        return close(fd(L, W), rhs)
    return for_all(chk)


def mse_db(variant):
    def chk():
        N, d, k = 6, 3, 2
        X = rng.normal(size=(N, d))
        W = rng.normal(size=(d, k))
        b = rng.normal(size=(1, k))
        Yt = rng.normal(size=(N, k))
        L = lambda bb: np.sum((Yt - (X @ W + bb)) ** 2) / N
        Yh = X @ W + b
        rhs = (2 if variant == 'ok' else 1) / N * np.sum(Yh - Yt, axis=0, keepdims=True)
        return close(fd(L, b), rhs)
    return for_all(chk)


def clip_example(variant):
    val = min(1, 5 / 50) if variant == 'ok' else min(1, 50 / 5)
    true_scale = min(1, 5 / 50)  # clip value c = 5, norm 50
    return num_ok(val, 0.1, 0.1) and num_ok(true_scale, val, 1e-12)


def gd_step(x_old, printed_lr, printed_grad, sign, printed_new, unit):
    true_new = x_old - 0.1 * (2 * x_old)  # f = x^2, alpha = 0.1
    member = x_old + sign * printed_lr * printed_grad
    return num_ok(member, true_new, 1e-9) and num_ok(true_new, printed_new, unit)


def attn_setup():
    n, dk, dv = 3, 4, 2
    Q, K, V = rng.normal(size=(n, dk)), rng.normal(size=(n, dk)), rng.normal(size=(n, dv))
    GO = rng.normal(size=(n, dv))

    def fwd(Q, K, V):
        S = Q @ K.T / np.sqrt(dk)
        P = np.stack([softmax(r) for r in S])
        return S, P, P @ V
    loss = lambda Q, K, V: np.sum(GO * fwd(Q, K, V)[2])  # so that dL/dO = GO
    S, P, O = fwd(Q, K, V)
    GP = GO @ V.T
    GS = np.stack([(np.diag(P[r]) - np.outer(P[r], P[r])) @ GP[r] for r in range(n)])
    GS_true = fd(lambda SS: np.sum(GO * (np.stack([softmax(r) for r in SS]) @ V)), S)
    return dict(n=n, dk=dk, Q=Q, K=K, V=V, GO=GO, S=S, P=P, GP=GP, GS=GS, GS_true=GS_true,
                gQ=fd(lambda QQ: loss(QQ, K, V), Q), gK=fd(lambda KK: loss(Q, KK, V), K),
                gV=fd(lambda VV: loss(Q, K, VV), V), gP=fd(lambda PP: np.sum(GO * (PP @ V)), P))


def attn(which, variant):
    def chk():
        a = attn_setup()
        if which == 'GV':
            return close(a['gV'], a['P'].T @ a['GO'] if variant == 'ok' else a['P'] @ a['GO'])
        if which == 'GS':
            if variant == 'ok':
                rhs = a['GS']
            else:
                rhs = np.stack([(np.diag(a['P'][r]) + np.outer(a['P'][r], a['P'][r])) @ a['GP'][r] for r in range(a['n'])])
            return close(a['GS_true'], rhs) and close(a['gP'], a['GP'])
        if which == 'GQ':
            rhs = a['GS'] @ a['K'] / np.sqrt(a['dk']) if variant == 'ok' else a['GS'] @ a['K'] * np.sqrt(a['dk'])
            return close(a['gQ'], rhs)
        if which == 'GK':
            rhs = a['GS'].T @ a['Q'] / np.sqrt(a['dk']) if variant == 'ok' else a['GS'] @ a['Q'] / np.sqrt(a['dk'])
            return close(a['gK'], rhs)
    return for_all(chk, 3)


def exact_chain(vals):
    return chain_ok(vals, rtol=0, atol=1e-9)


def mlp_sigmoid(variant):
    true = 1 / (1 + math.exp(-5.75))
    e = math.exp(-5.75) if variant == 'ok' else math.exp(5.75)
    m2 = 1 / (1 + e)
    return (num_ok(true, m2, 1e-12) and num_ok(e, 0.003, 0.001)
            and num_ok(m2, 1 / (1 + 0.003), 0.001) and num_ok(true, 0.997, 0.001))


def nn_sigmoid(variant):
    true = 1 / (1 + math.exp(-1.9))
    m = 1 / (1 + math.exp(-1.9 if variant == 'ok' else 1.9))
    return num_ok(true, m, 1e-12) and num_ok(m, 0.87, 0.01)


# ------------------------------------------------------------------ buwu-DWJ
def tanh_logistic(variant):
    def chk():
        x = rng.uniform(-3, 3)
        return close(np.tanh(x), 2 * sig(2 * x if variant == 'ok' else x) - 1)
    return for_all(chk)


def leaky(variant):
    def chk():
        g = rng.uniform(0.01, 0.5)
        x = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
        pw = x if x > 0 else g * x
        rhs = max(0, x) + g * min(0, x) if variant == 'ok' else g * max(0, x) + min(0, x)
        return close(pw, rhs)
    return for_all(chk, 12)


def elu_maxmin(variant):
    def chk():
        g = rng.uniform(0.1, 2)
        x = rng.choice([-1, 1]) * rng.uniform(0.1, 3)
        pw = x if x > 0 else g * (np.exp(x) - 1)
        inner = g * (np.exp(x) - 1) if variant == 'ok' else g * (np.exp(-x) - 1)
        return close(pw, max(0, x) + min(0, inner))
    return for_all(chk, 12)


# ------------------------------------------------------------------ pantheon5100
def kl_decomp(variant):
    def chk():
        n = 5
        p, q = softmax(rng.normal(size=n)), softmax(rng.normal(size=n))
        kl = np.sum(p * np.log(p / q))
        m2 = np.sum(p * np.log(p)) - np.sum(p * np.log(q))
        H = -np.sum(p * np.log(p))
        m3 = (-H if variant == 'ok' else H) + (-np.sum(p * np.log(q)))
        return chain_ok([kl, m2, m3])
    return for_all(chk)


def bce_cases(variant):
    ok = True
    for _ in range(NPTS):
        yp = rng.uniform(0.05, 0.95)
        for y in (0, 1):
            L = -y * np.log(yp) - (1 - y) * np.log(1 - yp)
            if variant == 'ok':
                case = -np.log(yp) if y == 1 else -np.log(1 - yp)
            else:
                case = -np.log(1 - yp) if y == 1 else -np.log(yp)
            ok &= close(L, case)
    return ok


def binary_entropy(variant):
    def chk():
        p = rng.uniform(0.05, 0.95)
        px = np.array([p, 1 - p])
        H = -np.sum(px * np.log(px))
        m3 = -p * np.log(p) + (-1 if variant == 'ok' else 1) * (1 - p) * np.log(1 - p)
        return chain_ok([H, H, m3])
    return for_all(chk)


# ------------------------------------------------------------------ Samir4456
def huber_setup():
    n = 6
    yt = rng.normal(size=n)
    yp = yt + rng.choice([-1, 1], size=n) * rng.uniform(0.05, 2.5, size=n)
    delta = rng.uniform(0.4, 1.5)
    e = yp - yt
    while np.any(np.abs(np.abs(e) - delta) < 1e-3):
        delta = rng.uniform(0.4, 1.5)

    def L(ypp):
        ee = ypp - yt
        return np.mean(np.where(np.abs(ee) <= delta, 0.5 * ee ** 2, delta * (np.abs(ee) - 0.5 * delta)))
    return n, yt, yp, delta, e, fd(L, yp)


def huber(which, variant):
    def chk():
        n, yt, yp, delta, e, g = huber_setup()
        if which == 'grad':
            pw = np.where(np.abs(e) <= delta, e, delta * np.sign(e))
            rhs = pw / n if variant == 'ok' else pw
        else:
            r = yp - yt if variant == 'ok' else yt - yp
            rhs = np.maximum(-delta, np.minimum(r, delta)) / n
        return close(g, rhs)
    return for_all(chk)


def mae(which, variant):
    def chk():
        n = 5
        yt = rng.normal(size=n)
        yp = yt + rng.choice([-1, 1], size=n) * rng.uniform(0.05, 2, size=n)
        g = fd(lambda q: np.mean(np.abs(q - yt)), yp)
        if which == 'compact':
            rhs = np.sign(yp - yt if variant == 'ok' else yt - yp) / n
        else:
            cases = np.where(yp > yt, 1.0, np.where(yp < yt, -1.0, 0.0))
            rhs = cases / n if variant == 'ok' else cases
        return close(g, rhs)
    return for_all(chk)


def mse_grad(variant):
    def chk():
        n = 5
        yt, yp = rng.normal(size=n), rng.normal(size=n)
        g = fd(lambda q: np.mean((q - yt) ** 2), yp)
        rhs = {'ok': 2 / n * (yp - yt), 'factor': 1 / n * (yp - yt), 'sign': 2 / n * (yt - yp)}[variant]
        return close(g, rhs)
    return for_all(chk)


# ------------------------------------------------------------------ lynx-cortex
def lynx(variant):
    def chk():
        K = 5
        z = rng.normal(size=K)
        y = softmax(rng.normal(size=K))  # sum y_j = 1
        p = softmax(z)
        true = fd(lambda zz: -np.sum(y * np.log(softmax(zz))), z)
        d = np.eye(K)
        if variant == 'index':
            m1 = np.array([np.sum(-y / p * p * (d[i] - p)) for i in range(K)])
        else:
            m1 = np.array([np.sum(-y / p * p * (d[i] - p[i])) for i in range(K)])
        m2 = -y + p * np.sum(y)
        m3 = p - y if variant != 'sign' else p + y
        return chain_ok([true, m1, m2, m3])
    return for_all(chk)


# ------------------------------------------------------------------ q4quant Adam numbers
def adam_true():
    g1, a, b1, b2 = 4.0, 0.1, 0.9, 0.999
    m1 = b1 * 0 + (1 - b1) * g1
    v1 = b2 * 0 + (1 - b2) * g1 ** 2
    mh, vh = m1 / (1 - b1 ** 1), v1 / (1 - b2 ** 1)
    return dict(m1=m1, v1=v1, mh=mh, vh=vh, step=-a * mh / (np.sqrt(vh) + 0.0))


def q4(which, variant):
    t = adam_true()
    ok = variant == 'ok'
    if which == 'm1':
        mem = (0.1 if ok else 0.9) * 4
        return num_ok(t['m1'], mem, 1e-12) and num_ok(mem, 0.4, 0.1)
    if which == 'v1':
        mem = 0.001 * (16 if ok else 4)
        return num_ok(t['v1'], mem, 1e-12) and num_ok(mem, 0.016, 0.001)
    if which == 'mh':
        mem = 0.4 / (0.1 if ok else 0.9)
        return num_ok(t['mh'], mem, 1e-12) and num_ok(mem, 4, 1)
    if which == 'vh':
        mem = 0.016 / (0.001 if ok else 0.999)
        return num_ok(t['vh'], mem, 1e-9) and num_ok(mem, 16, 1)
    if which == 'step':
        mem = -0.1 * 4 / (np.sqrt(16) if ok else 16)
        return num_ok(t['step'], mem, 1e-12) and num_ok(mem, -0.1, 0.1)


CLAIMS = {
    'zf-dsaint31x-gelu-phi': lambda: gelu_phi('ok'),
    'zf-dsaint31x-gelu-phi-factor': lambda: gelu_phi('factor'),
    'zf-dsaint31x-silu-deriv': lambda: silu_deriv('ok'),
    'zf-dsaint31x-silu-deriv-sign': lambda: silu_deriv('sign'),
    'zf-dsaint31x-silu-deriv-term': lambda: silu_deriv('term'),
    'zf-dsaint31x-mish-source-error': mish_printed,
    'zf-dsaint31x-elu-deriv': lambda: elu_deriv('ok'),
    'zf-dsaint31x-elu-deriv-sign': lambda: elu_deriv('sign'),
    'zf-dsaint31x-nll-chain': lambda: nll_chain('ok'),
    'zf-dsaint31x-nll-chain-sign': lambda: nll_chain('sign'),
    'zf-dsaint31x-nll-chain-term': lambda: nll_chain('term'),
    'zf-dsaint31x-ce-logits': lambda: ce_logits('ok'),
    'zf-dsaint31x-ce-logits-sign': lambda: ce_logits('sign'),
    'zf-dsaint31x-ce-logits-sign2': lambda: ce_logits('sign2'),
    'zf-dsaint31x-avg-ce-logits': lambda: avg_ce_logits('ok'),
    'zf-dsaint31x-avg-ce-logits-factor': lambda: avg_ce_logits('factor'),
    'zf-dsaint31x-avg-nll': lambda: avg_nll('ok'),
    'zf-dsaint31x-avg-nll-factor': lambda: avg_nll('factor'),
    'zf-dsaint31x-logreg-grad': lambda: logreg_grad('ok'),
    'zf-dsaint31x-logreg-grad-sign': lambda: logreg_grad('sign'),
    'zf-dsaint31x-logreg-grad-sigmaprime': lambda: logreg_grad('sigmaprime'),
    'zf-shreedharn-softmax-grad': lambda: softmax_grad('ok'),
    'zf-shreedharn-softmax-grad-sign': lambda: softmax_grad('sign'),
    'zf-shreedharn-softmax-grad-offdiag': lambda: softmax_grad('offdiag'),
    'zf-shreedharn-logsumexp': lambda: logsumexp('ok'),
    'zf-shreedharn-logsumexp-sign': lambda: logsumexp('sign'),
    'zf-shreedharn-trace-vec': lambda: trace_vec('ok'),
    'zf-shreedharn-trace-vec-transpose': lambda: trace_vec('transpose'),
    'zf-shreedharn-vec-kron': lambda: vec_kron('ok'),
    'zf-shreedharn-vec-kron-order': lambda: vec_kron('order'),
    'zf-shreedharn-clip-example': lambda: clip_example('ok'),
    'zf-shreedharn-clip-example-swapped': lambda: clip_example('swapped'),
    'zf-shreedharn-mse-dW': lambda: mse_dW('ok'),
    'zf-shreedharn-mse-dW-factor': lambda: mse_dW('factor'),
    'zf-shreedharn-mse-dW-sign': lambda: mse_dW('sign'),
    'zf-shreedharn-mse-db': lambda: mse_db('ok'),
    'zf-shreedharn-mse-db-factor': lambda: mse_db('factor'),
    'zf-shreedharn-gd-step0': lambda: gd_step(3.0, 0.1, 6.0, -1, 2.4, 0.1),
    'zf-shreedharn-gd-step0-sign': lambda: gd_step(3.0, 0.1, 6.0, +1, 2.4, 0.1),
    'zf-shreedharn-gd-step1': lambda: gd_step(2.4, 0.1, 4.8, -1, 1.92, 0.01),
    'zf-shreedharn-gd-step1-factor': lambda: gd_step(2.4, 0.01, 4.8, -1, 1.92, 0.01),
    'zf-shreedharn-gd-step2': lambda: gd_step(1.92, 0.1, 3.84, -1, 1.54, 0.01),
    'zf-shreedharn-gd-step2-sign': lambda: gd_step(1.92, 0.1, 3.84, +1, 1.54, 0.01),
    'zf-shreedharn-attn-GV': lambda: attn('GV', 'ok'),
    'zf-shreedharn-attn-GV-transpose': lambda: attn('GV', 'bad'),
    'zf-shreedharn-attn-GS': lambda: attn('GS', 'ok'),
    'zf-shreedharn-attn-GS-sign': lambda: attn('GS', 'bad'),
    'zf-shreedharn-attn-GQ': lambda: attn('GQ', 'ok'),
    'zf-shreedharn-attn-GQ-factor': lambda: attn('GQ', 'bad'),
    'zf-shreedharn-attn-GK': lambda: attn('GK', 'ok'),
    'zf-shreedharn-attn-GK-transpose': lambda: attn('GK', 'bad'),
    'zf-shreedharn-mlp-neuron1': lambda: exact_chain([0.4 * 3 + (-0.8) * 0 + 0.3 * 15 + (-2.0), 1.2 + 0 + 4.5 - 2.0, 3.7]),
    'zf-shreedharn-mlp-neuron1-sign': lambda: exact_chain([0.4 * 3 + (-0.8) * 0 + 0.3 * 15 + (-2.0), 1.2 + 0 + 4.5 + 2.0, 3.7]),
    'zf-shreedharn-mlp-neuron2': lambda: exact_chain([0.1 * 3 + 0.9 * 0 + (-0.2) * 15 + (-1.5), 0.3 + 0 - 3.0 - 1.5, -4.2]),
    'zf-shreedharn-mlp-neuron2-sign': lambda: exact_chain([0.1 * 3 + 0.9 * 0 + (-0.2) * 15 + (-1.5), 0.3 + 0 + 3.0 - 1.5, -4.2]),
    'zf-shreedharn-mlp-relu': lambda: exact_chain([np.maximum(0, [3.7, -4.2]), [max(0, 3.7), max(0, -4.2)], [3.7, 0]]),
    'zf-shreedharn-mlp-relu-sign': lambda: exact_chain([np.maximum(0, [3.7, -4.2]), [max(0, 3.7), max(0, -4.2)], [3.7, 4.2]]),
    'zf-shreedharn-mlp-sigmoid': lambda: mlp_sigmoid('ok'),
    'zf-shreedharn-mlp-sigmoid-sign': lambda: mlp_sigmoid('sign'),
    'zf-shreedharn-nn-weighted-sum': lambda: exact_chain([0.3 * 6 + 0.8 * 1 + 0.1 * 13 + (-2.0), 1.8 + 0.8 + 1.3 - 2.0, 1.9]),
    'zf-shreedharn-nn-weighted-sum-sign': lambda: exact_chain([0.3 * 6 + 0.8 * 1 + 0.1 * 13 + (-2.0), 1.8 + 0.8 + 1.3 + 2.0, 1.9]),
    'zf-shreedharn-nn-sigmoid': lambda: nn_sigmoid('ok'),
    'zf-shreedharn-nn-sigmoid-sign': lambda: nn_sigmoid('sign'),
    'zf-buwu-tanh-logistic': lambda: tanh_logistic('ok'),
    'zf-buwu-tanh-logistic-factor': lambda: tanh_logistic('factor'),
    'zf-buwu-leakyrelu': lambda: leaky('ok'),
    'zf-buwu-leakyrelu-swapped': lambda: leaky('swapped'),
    'zf-buwu-elu': lambda: elu_maxmin('ok'),
    'zf-buwu-elu-sign': lambda: elu_maxmin('sign'),
    'zf-pantheon5100-kl-decomp': lambda: kl_decomp('ok'),
    'zf-pantheon5100-kl-decomp-sign': lambda: kl_decomp('sign'),
    'zf-pantheon5100-bce-cases': lambda: bce_cases('ok'),
    'zf-pantheon5100-bce-cases-swapped': lambda: bce_cases('swapped'),
    'zf-pantheon5100-binary-entropy': lambda: binary_entropy('ok'),
    'zf-pantheon5100-binary-entropy-sign': lambda: binary_entropy('sign'),
    'zf-samir4456-huber-grad': lambda: huber('grad', 'ok'),
    'zf-samir4456-huber-grad-factor': lambda: huber('grad', 'factor'),
    'zf-samir4456-huber-compact': lambda: huber('compact', 'ok'),
    'zf-samir4456-huber-compact-sign': lambda: huber('compact', 'sign'),
    'zf-samir4456-mae-compact': lambda: mae('compact', 'ok'),
    'zf-samir4456-mae-compact-sign': lambda: mae('compact', 'sign'),
    'zf-samir4456-mae-cases': lambda: mae('cases', 'ok'),
    'zf-samir4456-mae-cases-factor': lambda: mae('cases', 'factor'),
    'zf-samir4456-mse-grad': lambda: mse_grad('ok'),
    'zf-samir4456-mse-grad-factor': lambda: mse_grad('factor'),
    'zf-samir4456-mse-grad-sign': lambda: mse_grad('sign'),
    'zf-lynx-softmax-ce': lambda: lynx('ok'),
    'zf-lynx-softmax-ce-sign': lambda: lynx('sign'),
    'zf-lynx-softmax-ce-index': lambda: lynx('index'),
    'zf-q4quant-adam-m1': lambda: q4('m1', 'ok'),
    'zf-q4quant-adam-m1-factor': lambda: q4('m1', 'bad'),
    'zf-q4quant-adam-v1': lambda: q4('v1', 'ok'),
    'zf-q4quant-adam-v1-factor': lambda: q4('v1', 'bad'),
    'zf-q4quant-adam-mhat': lambda: q4('mh', 'ok'),
    'zf-q4quant-adam-mhat-factor': lambda: q4('mh', 'bad'),
    'zf-q4quant-adam-vhat': lambda: q4('vh', 'ok'),
    'zf-q4quant-adam-vhat-factor': lambda: q4('vh', 'bad'),
    'zf-q4quant-adam-step': lambda: q4('step', 'ok'),
    'zf-q4quant-adam-step-term': lambda: q4('step', 'bad'),
}


# ------------------------------------------------------------------ documents
def V(b):
    return 'valid' if b else 'invalid'


D = 'definition'


def doc_activations():
    x = rng.uniform(-3, 3)
    silu = lambda t: t * sig(t)
    s, S = sig(x), silu(x)
    return [
        [D, V(close(Phi_numeric(x), Phi_numeric(x)))],  # x Phi(x) = x P(X <= x): Phi is the N(0,1) CDF
        [V(gelu_phi('ok'))],
        [D],
        [D],
        [V(close(d1(silu, x), S + s * (1 - S)))],
        [D, V(mish_printed())],
    ]


def attn_numbers(mutated):
    Q = np.array([[1, 0, 1], [0, 1, 1]], float)
    K = np.array([[1, 1, 0], [1, 0, 1]], float)
    Vv = np.array([[2, 0, 1], [1, 1, 0]], float)
    KT_printed = np.array([[1, 1], [1, 0], [0, 1]], float)
    QKT_printed = np.array([[1, 2], [1, 1]], float)
    S_true = Q @ K.T / np.sqrt(3)
    S_printed = np.array([[0.577, 1.155], [0.577, 0.577]])
    A_printed = np.array([[0.359, 0.641], [0.5, 0.5]])
    A_true = np.stack([softmax(r) for r in S_true])
    assert num_ok(A_true, A_printed, 0.001), 'printed softmax weights'
    V_printed = np.array([[2, 0, 1], [1, 1, 0]], float)
    O_printed = np.array([[1.359, 0.641, 0.359], [1.5, 0.5, 0.5]])
    G = np.array([[1, 0, 1], [0, 1, 0]], float)
    AT_printed = np.array([[0.359, 0.5], [0.641, 0.5]])
    GV_printed = np.array([[0.359, 0.5, 0.359], [0.641, 0.5, 0.641]])
    # true gradient of L w.r.t. V for O = A V with dL/dO = G (L linear in O): A^T G
    gV_true = fd(lambda VV: np.sum(G * (A_printed @ VV)), Vv)
    m1 = A_printed @ G if mutated else A_printed.T @ G
    return [
        [V(close(Q @ K.T, Q @ KT_printed) and close(K.T, KT_printed)), V(close(Q @ KT_printed, QKT_printed))],
        [D, V(num_ok(S_true, S_printed, 0.001))],
        [D],
        [D, V(close(A_printed @ Vv, A_printed @ V_printed)), V(num_ok(A_printed @ V_printed, O_printed, 0.001))],
        [D],
        [V(close(gV_true, m1)), V(close(m1, AT_printed @ G)), V(num_ok(AT_printed @ G, GV_printed, 0.001))],
    ]


def doc_ce():
    K, M = 5, 4
    t = rng.normal(size=K)
    c = rng.integers(K)
    y = onehot(K, c)
    p = np.exp(t) / np.exp(t).sum()
    T = rng.normal(size=(M, K))
    cs = rng.integers(K, size=M)
    Y = np.stack([onehot(K, cc) for cc in cs])
    return [
        [D],
        [D, V(close(np.prod(p ** y), p[c]))],
        [D],
        [D],
        [D] + [V(b) for b in links([-np.log(p[c]), -np.log(np.exp(t[c]) / np.exp(t).sum()),
                                     -np.log(np.exp(t[c])) + np.log(np.exp(t).sum()),
                                     -t[c] + np.log(np.exp(t).sum())])],
        [D],
        [V(all(close(np.sum(Y[i] * T[i]), T[i, cs[i]]) for i in range(M)))],
        [D, V(avg_ce_logits('ok'))],
    ]


def doc_huber():
    return [[D], [D], [V(huber('grad', 'ok'))], [V(huber('compact', 'ok'))]]


def doc_kl():
    return [[D, V(bce_cases('ok'))], [D], [D], [V(True), V(binary_entropy('ok'))], [D],
            [V(b) for b in kl_links()], [D], [D]]


def kl_links():
    n = 5
    p, q = softmax(rng.normal(size=n)), softmax(rng.normal(size=n))
    H = -np.sum(p * np.log(p))
    return links([np.sum(p * np.log(p / q)), np.sum(p * np.log(p)) - np.sum(p * np.log(q)), -H - np.sum(p * np.log(q))])


DOCS = {
    'activations-dsaint31x': doc_activations,
    'attn-worked-shreedharn': lambda: attn_numbers(False),
    'attn-worked-shreedharn-mutated': lambda: attn_numbers(True),
    'ce-categorical-dsaint31x': doc_ce,
    'huber-samir4456': doc_huber,
    'kl-ce-pantheon5100': doc_kl,
}


def main():
    bad = []
    claims = yaml.safe_load(open(HERE / 'claims.yaml'))
    ids = [c['id'] for c in claims]
    assert len(ids) == len(set(ids)), 'duplicate claim ids'
    assert set(ids) == set(CLAIMS), f'claim ids without a check: {set(ids) ^ set(CLAIMS)}'
    nv = ni = 0
    for c in claims:
        holds = bool(CLAIMS[c['id']]())
        got = 'valid' if holds else 'invalid'
        nv += got == 'valid'
        ni += got == 'invalid'
        if got != c['expect']:
            bad.append(f"claim {c['id']}: expect {c['expect']}, numbers say {got}")
    print(f'claims checked: {len(claims)} (numbers: {nv} valid, {ni} invalid)')

    docs = sorted(p.name[:-len('.expect.yaml')] for p in (HERE / 'docs').glob('*.expect.yaml'))
    mds = sorted(p.stem for p in (HERE / 'docs').glob('*.md'))
    assert docs == mds, 'every doc needs an expect file'
    assert set(docs) == set(DOCS), f'docs without a check: {set(docs) ^ set(DOCS)}'
    nlinks = 0
    for d in docs:
        exp = yaml.safe_load(open(HERE / 'docs' / f'{d}.expect.yaml'))
        lines = (HERE / 'docs' / f'{d}.md').read_text().split('\n')
        got = DOCS[d]()
        assert len(got) == len(exp['links']), f'{d}: {len(got)} computed relations vs {len(exp["links"])} expected'
        for g, e in zip(got, exp['links']):
            opener = lines[e['line'] - 1]
            assert opener.lstrip('* ').startswith('$'), f'{d}: line {e["line"]} does not open math: {opener!r}'
            assert len(g) == len(e['expect']), f'{d} line {e["line"]}: link count {len(g)} vs {len(e["expect"])}'
            nlinks += len(g)
            if g != e['expect']:
                bad.append(f'doc {d} line {e["line"]}: expect {e["expect"]}, numbers say {g}')
        for m in exp.get('mutations', []):
            assert 1 <= m['line'] <= len(lines)
    print(f'documents checked: {len(docs)} ({nlinks} links)')
    if bad:
        print('DISAGREEMENTS:')
        for b in bad:
            print('  ' + b)
        sys.exit(1)
    print('ALL VERDICTS CONFIRMED')


if __name__ == '__main__':
    main()
