#!/usr/bin/env python
# ruff: noqa: E501, E702, E741, E731, B023, B905  (hand-written confirmation data)
"""Independent numerical confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part za).

Hand-written NumPy: each claim family / document link is coded as plain Python functions of random
inputs; derivatives are checked with central finite differences (rtol 1e-6).  No LaTeX is parsed.
Exit status is non-zero if any expectation disagrees with the numbers or an item is left unchecked.
"""
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20261206)
RTOL, ATOL = 1e-6, 1e-8
H = 1e-5


def close(a, b):
    return bool(np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=RTOL, atol=ATOL))


def chain(*members):
    """truth value of every '=' link of a chain"""
    return [close(members[k], members[k + 1]) for k in range(len(members) - 1)]


def fd(f, x, h=H):
    return (f(x + h) - f(x - h)) / (2 * h)


def grad(f, X, h=H):
    X = np.array(X, float)
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        E = np.zeros_like(X); E[idx] = h
        G[idx] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def softmax_rows(X):
    E = np.exp(X - X.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def trials(n=4):
    return range(n)


FAM = {}


def family(name):
    def deco(fn):
        FAM[name] = fn
        return fn
    return deco

# Each family function takes the variant ('' for the claim as printed, else the id suffix) and
# returns True iff every link of the chain holds at all random points.

# ---------------- hoadm-net ----------------
@family('za-hoadm-sigmoid-deriv')
def _(v):
    ok = True
    for x in RNG.normal(size=6) * 2:
        s = sig(x)
        rhs = s * (1 - s) if v == '' else s * (1 + s)
        ok &= close(fd(sig, x), rhs)
    return ok

@family('za-hoadm-sigmoid-symmetry')
def _(v):
    x = RNG.normal(size=6) * 2
    return close(sig(-x), 1 - sig(x) if v == '' else sig(x) - 1)

@family('za-hoadm-tanh-deriv')
def _(v):
    ok = True
    for x in RNG.normal(size=6):
        t = np.tanh(x)
        ok &= close(fd(np.tanh, x), 1 - t ** 2 if v == '' else 1 - t)
    return ok

@family('za-hoadm-tanh-odd')
def _(v):
    x = RNG.normal(size=6)
    return close(np.tanh(-x), -np.tanh(x) if v == '' else np.tanh(x))


def linear_case():
    w, b, x, yh = RNG.normal(size=4)
    y = w * x + b
    Lw = lambda ww: 0.5 * (ww * x + b - yh) ** 2
    Lb = lambda bb: 0.5 * (w * x + bb - yh) ** 2
    Ly = lambda yy: 0.5 * (yy - yh) ** 2
    return w, b, x, yh, y, Lw, Lb, Ly

@family('za-hoadm-linear-dldy')
def _(v):
    ok = True
    for _ in trials():
        w, b, x, yh, y, Lw, Lb, Ly = linear_case()
        ok &= close(fd(Ly, y), (y - yh) if v == '' else 2 * (y - yh))
    return ok

@family('za-hoadm-linear-dldw')
def _(v):
    ok = True
    for _ in trials():
        w, b, x, yh, y, Lw, Lb, Ly = linear_case()
        m2 = fd(Ly, y) * fd(lambda ww: ww * x + b, w)
        m3 = (y - yh) * x if v == '' else (y - yh) * w
        ok &= all(chain(fd(Lw, w), m2, m3))
    return ok

@family('za-hoadm-linear-dldb')
def _(v):
    ok = True
    for _ in trials():
        w, b, x, yh, y, Lw, Lb, Ly = linear_case()
        m2 = fd(Ly, y) * fd(lambda bb: w * x + bb, b)
        if v == '':
            ms = [fd(Lb, b), m2, (y - yh) * 1, y - yh]
        else:
            ms = [fd(Lb, b), m2, (yh - y) * 1, yh - y]
        ok &= all(chain(*ms))
    return ok

def _loss_W(W):
    return np.sum(np.sin(W) * np.arange(1, W.size + 1).reshape(W.shape)) + (W.sum()) ** 2

@family('za-hoadm-l2-grad')
def _(v):
    lam = 0.37
    W = RNG.normal(size=(2, 3))
    J = lambda W: _loss_W(W) + lam * np.sum(W ** 2)
    rhs = grad(_loss_W, W) + (2 * lam * W if v == '' else lam * W)
    return close(grad(J, W), rhs)

@family('za-hoadm-l1-subgrad')
def _(v):
    lam = 0.37
    W = RNG.normal(size=(2, 3)); W = np.where(np.abs(W) < 0.2, 0.5, W)
    J = lambda W: _loss_W(W) + lam * np.sum(np.abs(W))
    rhs = grad(_loss_W, W) + (1 if v == '' else 2) * lam * np.sign(W)
    return close(grad(J, W), rhs)

@family('za-hoadm-softmax-shift')
def _(v):
    z = RNG.normal(size=5) * 3
    zt = z - z.max()
    sm = np.exp(z) / np.exp(z).sum()
    rhs = np.exp(zt) / np.exp(zt).sum() if v == '' else np.exp(zt) / np.exp(z).sum()
    return close(sm, rhs)

@family('za-hoadm-ce-logits')
def _(v):
    ok = True
    for _ in trials():
        z = RNG.normal(size=5); t = RNG.integers(5)
        p = np.exp(z) / np.exp(z).sum()
        lse = np.log(np.exp(z).sum())
        ok &= close(-np.log(p[t]), -z[t] + lse if v == '' else z[t] - lse)
    return ok

@family('za-hoadm-softmax-ce-grad')
def _(v):
    ok = True
    for _ in trials():
        z = RNG.normal(size=5); y = np.eye(5)[RNG.integers(5)]
        L = lambda z: -np.sum(y * np.log(softmax_rows(z)))
        p = softmax_rows(z)
        ok &= close(grad(L, z), p - y if v == '' else y - p)
    return ok

@family('za-hoadm-bce-grad')
def _(v):
    ok = True
    for _ in trials(6):
        z = RNG.normal() * 2; y = float(RNG.integers(2))
        L = lambda z: -(y * np.log(sig(z)) + (1 - y) * np.log(1 - sig(z)))
        p = sig(z)
        ok &= close(fd(L, z), p - y if v == '' else (p - y) * p * (1 - p))
    return ok

@family('za-hoadm-delta-recursion')
def _(v):
    ok = True
    shapes = [(4, 4, 4)] if v else [(3, 4, 2), (4, 4, 4)]
    for (n0, n1, n2) in shapes:
        h0 = RNG.normal(size=(1, n0)); W1 = RNG.normal(size=(n0, n1)); b1 = RNG.normal(size=(1, n1))
        W2 = RNG.normal(size=(n1, n2)); b2 = RNG.normal(size=(1, n2)); c = RNG.normal(size=(1, n2))
        z1 = h0 @ W1 + b1
        L_of_z2 = lambda z2: np.sum(np.sin(z2) * c)
        L_of_z1 = lambda z1: L_of_z2(np.tanh(z1) @ W2 + b2)
        d2 = grad(L_of_z2, np.tanh(z1) @ W2 + b2)
        d1 = grad(L_of_z1, z1)
        fp = 1 - np.tanh(z1) ** 2
        rhs = (d2 @ W2.T) * fp if v == '' else (d2 @ W2) * fp
        ok &= close(d1, rhs)
    return ok

@family('za-hoadm-weight-grad')
def _(v):
    ok = True
    shapes = [(3, 3, 3)] if v else [(5, 3, 2), (3, 3, 3)]
    for (m, ni, no) in shapes:
        Hm = RNG.normal(size=(m, ni)); W = RNG.normal(size=(ni, no)); b = RNG.normal(size=(no,)); Cc = RNG.normal(size=(m, no))
        LZ = lambda Z: np.sum(np.sin(Z) * Cc)
        Z = Hm @ W + np.ones((m, 1)) @ b[None, :]
        delta = grad(LZ, Z)
        dW = grad(lambda W: LZ(Hm @ W + np.ones((m, 1)) @ b[None, :]), W)
        rhs = Hm.T @ delta if v == '' else delta @ Hm.T
        ok &= close(dW, rhs)
    return ok

# ---------------- ergrato-dev ----------------
@family('za-ergrato-tanh-sigmoid')
def _(v):
    z = RNG.normal(size=6) * 2
    m2 = (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
    m3 = 2 * sig(2 * z) - 1 if v == '' else 2 * sig(z) - 1
    return all(chain(np.tanh(z), m2, m3))

@family('za-ergrato-sigmoid-deriv')
def _(v):
    ok = True
    for z in RNG.normal(size=6) * 2:
        s = sig(z)
        ok &= close(fd(sig, z), s * (1 - s) if v == '' else s * (s - 1))
    return ok

@family('za-ergrato-tanh-deriv')
def _(v):
    ok = True
    for z in RNG.normal(size=6):
        t = np.tanh(z)
        ok &= close(fd(np.tanh, z), 1 - t ** 2 if v == '' else 1 + t ** 2)
    return ok

@family('za-ergrato-chain-example')
def _(v):
    ok = True
    f = lambda u: u ** 2; g = lambda x: 3 * x + 1
    for x in RNG.normal(size=4):
        u = g(x)
        ms = [fd(lambda x: f(g(x)), x), fd(f, u) * fd(g, x), 2 * u * 3, 2 * (3 * x + 1) * 3 if v == '' else 2 * (3 * x + 1)]
        ok &= all(chain(*ms))
    return ok

@family('za-ergrato-neuron-sigmoid')
def _(v):
    ok = True
    for z in RNG.normal(size=5) * 2:
        a = sig(z)
        ok &= all(chain(fd(sig, z), sig(z) * (1 - sig(z)), a * (1 - a) if v == '' else (1 - a)))
    return ok

@family('za-ergrato-mse-dlda')
def _(v):
    ok = True
    for a, y in RNG.normal(size=(4, 2)):
        ok &= close(fd(lambda a: (a - y) ** 2, a), 2 * (a - y) if v == '' else (a - y))
    return ok

# ---------------- largekind ----------------
@family('za-largekind-sigmoid')
def _(v):
    ok = True
    for x in RNG.normal(size=6) * 2:
        y = sig(x)
        ok &= close(fd(sig, x), y * (1 - y) if v == '' else (1 - y))
    return ok

@family('za-largekind-tanh')
def _(v):
    x = RNG.normal(size=6)
    d = np.array([fd(np.tanh, xi) for xi in x])
    sech2 = 1 / np.cosh(x) ** 2
    last = {'': 4 / (np.exp(x) + np.exp(-x)) ** 2, 'factor': 2 / (np.exp(x) + np.exp(-x)) ** 2,
            'sign': 4 / (np.exp(x) - np.exp(-x)) ** 2}[v]
    return all(chain(d, sech2, 1 / np.cosh(x) ** 2, last))

# ---------------- limei1221 RMSNorm (vector x in R^N, eps inside the root) ----------------
class RMSCase:
    def __init__(self, N=5):
        self.N = N; self.eps = 1e-3
        self.x = RNG.normal(size=N); self.w = RNG.normal(size=N); self.c = RNG.normal(size=N)
    def RMS(self, x): return np.sqrt(np.mean(x ** 2) + self.eps)
    def r(self, x): return 1 / self.RMS(x)
    def xhat(self, x): return self.r(x) * x
    def Ly(self, y): return np.sum(np.sin(y) * self.c)
    def L(self, x): return self.Ly(self.xhat(x) * self.w)
    def dy(self): return np.cos(self.xhat(self.x) * self.w) * self.c
    def g(self): return self.dy() * self.w

@family('za-limei-rms-dw')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); xh = S.xhat(S.x)
        dw = grad(lambda w: S.Ly(xh * w), S.w)
        ok &= close(dw, S.dy() * xh if v == '' else S.dy() * S.w)
    return ok

@family('za-limei-rms-dxhat')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); xh = S.xhat(S.x)
        d = grad(lambda xh: S.Ly(xh * S.w), xh)
        ok &= close(d, S.dy() * S.w if v == '' else S.dy() * xh)
    return ok

@family('za-limei-rms-grad-rms')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); x = S.x; N = S.N
        ok &= close(grad(S.RMS, x), x / (N * S.RMS(x)) if v == '' else x / S.RMS(x))
    return ok

@family('za-limei-rms-grad-r')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); x = S.x; N = S.N; R = S.RMS(x); r = S.r(x)
        ms = {'': [-x / (N * R ** 3), -(r ** 3 / N) * x], 'sign': [x / (N * R ** 3), (r ** 3 / N) * x],
              'factor': [-x / (N * R ** 2), -(r ** 2 / N) * x]}[v]
        ok &= all(chain(grad(S.r, x), *ms))
    return ok

@family('za-limei-rms-dxhat-diff')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); x = S.x; dx = RNG.normal(size=S.N)
        dxh = fd(lambda t: S.xhat(x + t * dx), 0.0)
        dr = grad(S.r, x) @ dx
        ok &= close(dxh, S.r(x) * dx + x * dr if v == '' else S.r(x) * dx - x * dr)
    return ok

@family('za-limei-rms-dl')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); x = S.x; dx = RNG.normal(size=S.N); g = S.g()
        dL = fd(lambda t: S.L(x + t * dx), 0.0)
        dxh = fd(lambda t: S.xhat(x + t * dx), 0.0)
        dr = grad(S.r, x) @ dx
        m3 = S.r(x) * g @ dx + (g @ x) * dr if v == '' else S.r(x) * g @ dx
        ok &= all(chain(dL, g @ dxh, m3))
    return ok

@family('za-limei-rms-dx')
def _(v):
    ok = True
    for _ in trials():
        S = RMSCase(); x = S.x; N = S.N; r = S.r(x); g = S.g()
        rhs = {'': r * g - r ** 3 / N * x * (g @ x), 'factor': r * g - r ** 2 / N * x * (g @ x),
               'sign': r * g + r ** 3 / N * x * (g @ x)}[v]
        ok &= close(grad(S.L, x), rhs)
    return ok

# ---------------- l1351868270 ----------------
def rms_row(x): return np.sqrt(np.mean(x ** 2))

@family('za-l135-rms-partial')
def _(v):
    ok = True
    for _ in trials():
        N = 6; x = RNG.normal(size=N); j = RNG.integers(N)
        u = lambda x: np.mean(x ** 2)
        ej = np.eye(N)[j]
        d_rms = fd(lambda t: rms_row(x + t * ej), 0.0)
        d_u = fd(lambda t: u(x + t * ej), 0.0)
        m3 = 1 / (2 * np.sqrt(u(x))) * (2 * x[j] / N if v == '' else x[j] / N)
        ms = [d_rms, 1 / (2 * np.sqrt(u(x))) * d_u, m3, x[j] / (N * np.sqrt(u(x))), x[j] / (N * rms_row(x))]
        ok &= all(chain(*ms))
    return ok

@family('za-l135-rmsnorm-diag')
def _(v):
    ok = True
    for _ in trials():
        N = 6; x = RNG.normal(size=N); gam = RNG.normal(size=N); j = RNG.integers(N); ej = np.eye(N)[j]
        rms = rms_row(x); drms = fd(lambda t: rms_row(x + t * ej), 0.0)
        m1 = (1.0 * rms - x[j] * drms) / rms ** 2 * gam[j]
        p = 3 if v == '' else 2
        m2 = (1 / rms + (-x[j] * x[j]) / (N * rms ** p)) * gam[j]
        # the first member is indeed the diagonal Jacobian entry
        ok &= close(m1, fd(lambda t: (x + t * ej)[j] / rms_row(x + t * ej) * gam[j], 0.0))
        ok &= close(m1, m2)
    return ok

@family('za-l135-drrms-source-error')
def _(v):
    ok = True
    for _ in trials():
        N = 6; x = RNG.normal(size=N); j = RNG.integers(N); ej = np.eye(N)[j]
        u = lambda x: np.mean(x ** 2)
        ms = [fd(lambda t: 1 / np.sqrt(u(x + t * ej)), 0.0), fd(lambda t: u(x + t * ej) ** -0.5, 0.0),
              -0.5 * u(x) ** -1.5 * 2 / N, -x[j] / N * u(x) ** -1.5]
        ok &= all(chain(*ms))
    return ok

@family('za-l135-rmsnorm-chain2-source-error')
def _(v):
    ok = True
    for _ in trials():
        N = 6; x = RNG.normal(size=N); gam = RNG.normal(size=N); df = RNG.normal(size=N); j = RNG.integers(N)
        u = np.mean(x ** 2)
        lhs = df[j] * (-x[j] ** 2 / N * u ** -1.5 * gam[j] + u ** -0.5 * gam[j]) + sum(-x[j] / N * u ** -1.5 * x[l] * gam[l] for l in range(N) if l != j)
        rhs = df[j] * u ** -0.5 * gam[j] - x[j] / N * sum(u ** -1.5 * df[l] * x[l] * gam[l] for l in range(N))
        ok &= close(lhs, rhs)
    return ok

def rmsnorm_mat(X, G): return X / np.sqrt(np.mean(X ** 2, axis=1, keepdims=True)) * G

@family('za-l135-rmsnorm-chainrule')
def _(v):
    ok = True
    for _ in trials(3):
        M = N = 4
        X = RNG.normal(size=(M, N)); G = RNG.normal(size=(M, N)); Cc = RNG.normal(size=(M, N))
        f = lambda R: np.sum(np.sin(R) * Cc)
        df = np.cos(rmsnorm_mat(X, G)) * Cc
        i, j = RNG.integers(M), RNG.integers(N)
        E = np.zeros((M, N)); E[i, j] = 1
        J = fd(lambda t: rmsnorm_mat(X + t * E, G), 0.0)   # J[k,l] = d rmsnorm_kl / d x_ij
        m1 = fd(lambda t: f(rmsnorm_mat(X + t * E, G)), 0.0)
        m2 = np.sum(df * J); m3 = np.sum(df * J)
        m4 = np.sum(df[i, :] * J[i, :]) if v == '' else np.sum(df[:, j] * J[:, j])
        ok &= all(chain(m1, m2, m3, m4))
    return ok

@family('za-l135-softmax-diag')
def _(v):
    ok = True
    for _ in trials():
        N = 5; x = RNG.normal(size=N); j = RNG.integers(N); ej = np.eye(N)[j]
        s = softmax_rows(x); S = np.exp(x).sum()
        m1 = fd(lambda t: softmax_rows(x + t * ej)[j], 0.0)
        m2 = (np.exp(x[j]) * S - np.exp(x[j]) * np.exp(x[j])) / S ** 2
        m3 = s[j] - s[j] ** 2 if v == '' else s[j] + s[j] ** 2
        ok &= all(chain(m1, m2, m3))
    return ok

def softmax_vjp_members(X, Cc, i, j, variant=''):
    f = lambda X: np.sum(np.sin(softmax_rows(X)) * Cc)
    S = softmax_rows(X); df = np.cos(S) * Cc
    M, N = X.shape
    E = np.zeros((M, N)); E[i, j] = 1
    J = fd(lambda t: softmax_rows(X + t * E), 0.0)
    m1 = fd(lambda t: f(X + t * E), 0.0)
    m2 = np.sum(df * J); m3 = m2
    m4 = np.sum(df[i, :] * J[i, :])
    s = S[i]
    m5 = df[i, j] * (s[j] - s[j] ** 2) + sum(df[i, q] * (-s[q] * s[j]) for q in range(N) if q != j)
    m6 = s[j] * df[i, j] - s[j] * np.sum(df[i, :] * s)
    m7 = s[j] * (df[i, j] - np.sum(s * df[i, :])) if variant == '' else s[j] * (df[i, j] + np.sum(s * df[i, :]))
    return [m1, m2, m3, m4, m5, m6, m7]

@family('za-l135-softmax-vjp')
def _(v):
    ok = True
    for _ in trials(3):
        X = RNG.normal(size=(3, 5)); Cc = RNG.normal(size=(3, 5))
        ok &= all(chain(*softmax_vjp_members(X, Cc, RNG.integers(3), RNG.integers(5), v)))
    return ok

@family('za-l135-lse-first')
def _(v):
    ok = True
    for _ in trials():
        X = RNG.normal(size=(3, 4)); i, j = RNG.integers(3), RNG.integers(4)
        E = np.zeros_like(X); E[i, j] = 1
        for k in range(3):
            m1 = fd(lambda t: np.log(np.exp(X + t * E)[k].sum()), 0.0)
            Sk = np.exp(X[k]).sum(); dS = fd(lambda t: np.exp(X + t * E)[k].sum(), 0.0)
            ok &= close(m1, (1 / Sk if v == '' else 1 / Sk ** 2) * dS)
    return ok

@family('za-l135-lse-source-error')
def _(v):
    ok = True
    for _ in trials():
        x = RNG.normal(size=4); j = RNG.integers(4); S = np.exp(x).sum(); ej = np.eye(4)[j]
        m1 = 1 / S * fd(lambda t: np.exp(x + t * ej).sum(), 0.0)
        ok &= all(chain(m1, 1 / S * x[j], x[j] / S))
    return ok

@family('za-l135-mse-rule')
def _(v):
    ok = True
    for x, y in RNG.normal(size=(4, 2)):
        ok &= close(fd(lambda x: (x - y) ** 2, x), 2 * (x - y) if v == '' else (x - y))
    return ok

def mse(A, B): return np.mean((A - B) ** 2)
F_OUT = lambda m: np.sin(m) + m ** 2
DF_OUT = lambda m: np.cos(m) + 2 * m

@family('za-l135-mse-chain-a')
def _(v):
    M, N = 3, 4; A = RNG.normal(size=(M, N)); B = RNG.normal(size=(M, N))
    m1 = grad(lambda A: F_OUT(mse(A, B)), A)
    m2 = DF_OUT(mse(A, B)) * grad(lambda A: mse(A, B), A)
    m3 = DF_OUT(mse(A, B)) * (1 / (M * N) if v == '' else 1 / M) * 2 * (A - B)
    return all(chain(m1, m2, m3))

@family('za-l135-mse-chain-b')
def _(v):
    M, N = 3, 4; A = RNG.normal(size=(M, N)); B = RNG.normal(size=(M, N))
    m1 = grad(lambda B: F_OUT(mse(A, B)), B)
    m2 = DF_OUT(mse(A, B)) * grad(lambda B: mse(A, B), B)
    m3 = DF_OUT(mse(A, B)) / (M * N) * 2 * ((B - A) if v == '' else (A - B))
    return all(chain(m1, m2, m3))

@family('za-l135-matmul-a')
def _(v):
    ok = True
    for (M, K, N) in ([(3, 3, 3)] if v else [(2, 3, 4), (3, 3, 3)]):
        A = RNG.normal(size=(M, K)); B = RNG.normal(size=(K, N)); W = RNG.normal(size=(M, N))
        f = lambda C: np.sum(np.sin(C) * W); dC = np.cos(A @ B) * W
        ok &= close(grad(lambda A: f(A @ B), A), dC @ B.T if v == '' else B.T @ dC)
    return ok

@family('za-l135-matmul-b')
def _(v):
    ok = True
    for (M, K, N) in ([(3, 3, 3)] if v else [(2, 3, 4), (3, 3, 3)]):
        A = RNG.normal(size=(M, K)); B = RNG.normal(size=(K, N)); W = RNG.normal(size=(M, N))
        f = lambda C: np.sum(np.sin(C) * W); dC = np.cos(A @ B) * W
        ok &= close(grad(lambda B: f(A @ B), B), A.T @ dC if v == '' else A @ dC)
    return ok

def lin_case(M, infs, outfs):
    inp = RNG.normal(size=(M, infs)); wt = RNG.normal(size=(outfs, infs)); bias = RNG.normal(size=outfs); W = RNG.normal(size=(M, outfs))
    lin = lambda inp, wt: inp @ wt.T + bias
    f = lambda L: np.sum(np.sin(L) * W)
    dlin = np.cos(lin(inp, wt)) * W
    return inp, wt, bias, lin, f, dlin

@family('za-l135-linear-input')
def _(v):
    ok = True
    for shp in ([(3, 3, 3)] if v else [(2, 3, 4), (3, 3, 3)]):
        inp, wt, bias, lin, f, dlin = lin_case(*shp)
        m1 = grad(lambda i: f(lin(i, wt)), inp)
        ok &= all(chain(m1, dlin @ (wt.T).T, dlin @ wt if v == '' else dlin @ wt.T))
    return ok

@family('za-l135-linear-weight')
def _(v):
    ok = True
    for shp in ([(3, 3, 3)] if v else [(2, 3, 4), (3, 3, 3)]):
        inp, wt, bias, lin, f, dlin = lin_case(*shp)
        A = inp
        m1 = grad(lambda w: f(lin(inp, w)), wt)
        ok &= close(m1, dlin.T @ A if v == '' else A.T @ dlin)
    return ok

@family('za-l135-linear-elem-source-error')
def _(v):
    M = infs = outfs = 3
    inp = RNG.normal(size=(M, infs)); wt = RNG.normal(size=(outfs, infs)); bias = RNG.normal(size=outfs)
    full = inp @ wt.T + bias
    elem = np.array([[sum(inp[i, k] * wt[j, k] for k in range(infs)) + bias[i] for j in range(outfs)] for i in range(M)])
    return close(full, elem)

# ---------------- mayank31398 ----------------
class MRCase:
    def __init__(self, B=3, Hd=4):
        self.B, self.H = B, Hd; self.eps = 1e-3
        self.X = RNG.normal(size=(B, Hd)); self.w = RNG.normal(size=Hd); self.C = RNG.normal(size=(B, Hd))
    def r(self, X): return np.sqrt(np.mean(X ** 2, axis=1) + self.eps)
    def Y(self, X, w): return w[None, :] * X / self.r(X)[:, None]
    def L(self, X, w): return np.sum(np.sin(self.Y(X, w)) * self.C)
    def dY(self): return np.cos(self.Y(self.X, self.w)) * self.C

@family('za-mayank-rms-dw')
def _(v):
    ok = True
    for _ in trials(3):
        S = MRCase(); X, w = S.X, S.w; r = S.r(X); dY = S.dY()
        for j in range(S.H):
            ej = np.eye(S.H)[j]
            m1 = fd(lambda t: S.L(X, w + t * ej), 0.0)
            dYdw = fd(lambda t: S.Y(X, w + t * ej), 0.0)
            m2 = np.sum(dY * dYdw)
            m3 = np.sum(dY * X / r[:, None] * ej[None, :])
            m4 = np.sum(dY[:, j] * X[:, j] / (r if v == '' else r ** 2))
            ok &= all(chain(m1, m2, m3, m4))
    return ok

@family('za-mayank-rms-dx-source-error')
def _(v):
    # the printed result has w_h (h free) in the first term; for any h != j it disagrees with the
    # finite-difference gradient (with h = j it would be right).
    ok = True
    S = MRCase(); X, w = S.X, S.w; r = S.r(X); dY = S.dY(); Hd = S.H
    S.eps = 0.0; r = S.r(X); dY = S.dY()
    for i in range(S.B):
        for j in range(Hd):
            E = np.zeros_like(X); E[i, j] = 1
            fdv = fd(lambda t: S.L(X + t * E, w), 0.0)
            h = (j + 1) % Hd
            printed = dY[i, j] * w[h] / r[i] - 1 / (Hd * r[i] ** 3) * X[i, j] * np.sum(dY[i, :] * w * X[i, :])
            ok &= close(fdv, printed)
    return ok

def swiglu_case():
    u = RNG.normal(size=5); g = RNG.normal(size=5) * 2; c = RNG.normal(size=5)
    Y = lambda u, g: u * g * sig(g)
    L = lambda u, g: np.sum(np.sin(Y(u, g)) * c)
    dY = np.cos(Y(u, g)) * c
    return u, g, Y, L, dY

@family('za-mayank-swiglu-du')
def _(v):
    u, g, Y, L, dY = swiglu_case()
    return close(grad(lambda u: L(u, g), u), dY * g * sig(g) if v == '' else dY * sig(g))

@family('za-mayank-swiglu-dg')
def _(v):
    u, g, Y, L, dY = swiglu_case()
    s = sig(g)
    br = {'': 1 + g - g * s, 'sign': 1 - g + g * s, 'sigma-prime': 1 + g * s}[v]
    return close(grad(lambda g: L(u, g), g), dY * u * s * br)

# ================= documents =================
DOC = {}   # (doc name, link text) -> function returning list of verdicts

def V(b): return 'valid' if b else 'invalid'

def doc_rms(mut):
    S = RMSCase(); x = S.x; N = S.N; R = S.RMS(x); r = S.r(x); g = S.g(); dx = RNG.normal(size=N)
    dr = grad(S.r, x) @ dx
    return S, x, N, R, r, g, dx, dr

def rms_links(mutated):
    out = {}
    S, x, N, R, r, g, dx, dr = doc_rms(mutated)
    out['fwd'] = ['definition', 'definition', V(close(r * x, x / R)), 'definition', 'definition']
    out['dy'] = ['definition']
    xh = S.xhat(x)
    out['gw'] = [V(close(grad(lambda w: S.Ly(xh * w), S.w), S.dy() * xh))]
    out['gx'] = [V(close(grad(lambda z: S.Ly(z * S.w), xh), S.dy() * S.w)), 'definition']
    p = 2 if mutated else 3
    out['gr'] = [V(close(grad(S.RMS, x), x / (N * R))), V(close(grad(S.r, x), -x / (N * R ** 3))), V(close(-x / (N * R ** 3), -(r ** p / N) * x))]
    dxh = fd(lambda t: S.xhat(x + t * dx), 0.0)
    out['dx'] = [V(close(dxh, r * dx + x * dr))]
    dL = fd(lambda t: S.L(x + t * dx), 0.0)
    out['dl'] = [V(close(dL, g @ dxh)), V(close(g @ dxh, r * g @ dx + (g @ x) * dr))]
    out['dr'] = [V(close(dr, fd(lambda t: S.r(x + t * dx), 0.0)))]
    rowvec = r * g - r ** 3 / N * (g @ x) * x
    sgn = 1 if mutated else -1
    out['fi'] = [V(close(dL, rowvec @ dx)), V(close(grad(S.L, x), r * g + sgn * r ** 3 / N * x * (g @ x)))]
    return out

def map_rms(doc, mutated):
    keys = ['fwd', 'dy', 'gw', 'gx', 'gr', 'dx', 'dl', 'dr', 'fi']
    return keys

def hoadm_links():
    w, b, x, yh, y, Lw, Lb, Ly = linear_case()
    f = np.sin; g = lambda x: x ** 3 + 1
    xx = RNG.normal()
    cr = close(fd(lambda t: f(g(t)), xx), fd(f, g(xx)) * fd(g, xx))
    # Loss(output(parameter)) for a generic scalar composition
    out_f = lambda p: np.exp(0.3 * p) + p; loss = lambda o: np.log(1 + o ** 2)
    pp = RNG.normal()
    nn = close(fd(lambda p: loss(out_f(p)), pp), fd(loss, out_f(pp)) * fd(out_f, pp))
    return [['definition'], [V(cr)], [V(nn)], ['definition'], ['definition'],
            [V(close(fd(Ly, y), y - yh))],
            chain_v([fd(Lw, w), fd(Ly, y) * fd(lambda ww: ww * x + b, w), (y - yh) * x]),
            chain_v([fd(Lb, b), fd(Ly, y) * fd(lambda bb: w * x + bb, b), (y - yh) * 1, y - yh])]

def chain_v(ms): return [V(b) for b in chain(*ms)]

def softmax_doc_links():
    M, N = 3, 5
    X = RNG.normal(size=(M, N)); Cc = RNG.normal(size=(M, N))
    S = softmax_rows(X)
    res = []
    res.append(['definition'])
    xx = RNG.normal(); res.append([V(close(fd(np.exp, xx), np.exp(xx)))])
    fq = lambda t: np.sin(t) + 2; gq = lambda t: np.exp(0.5 * t) + 1
    res.append([V(close(fd(lambda t: fq(t) / gq(t), xx), (fd(fq, xx) * gq(xx) - fq(xx) * fd(gq, xx)) / gq(xx) ** 2))])
    ok = True
    for k in range(M):
        for l in range(N):
            i, j = RNG.integers(M), RNG.integers(N)
            E = np.zeros((M, N)); E[i, j] = 1
            lhs = fd(lambda t: softmax_rows(X + t * E)[k, l], 0.0)
            num = fd(lambda t: np.exp(X + t * E)[k, l], 0.0) * np.exp(X[k]).sum() - np.exp(X[k, l]) * fd(lambda t: np.exp(X + t * E)[k].sum(), 0.0)
            ok &= close(lhs, num / np.exp(X[k]).sum() ** 2)
    res.append([V(ok)])
    # case 1: i != k
    i, k, l, j = 0, 1, 2, 3
    E = np.zeros((M, N)); E[i, j] = 1
    res.append([V(close(fd(lambda t: softmax_rows(X + t * E)[k, l], 0.0), 0.0))])
    res.append(['definition'])            # case assumption i = k (l != j)
    # case 2: i = k, l != j
    i = k = 1; l, j = 2, 3
    E = np.zeros((M, N)); E[i, j] = 1
    d_ekl = fd(lambda t: np.exp(X + t * E)[k, l], 0.0); d_eil = fd(lambda t: np.exp(X + t * E)[i, l], 0.0)
    res.append(chain_v([d_ekl, d_eil, 0.0]))
    d_sk = fd(lambda t: np.exp(X + t * E)[k].sum(), 0.0); d_si = fd(lambda t: np.exp(X + t * E)[i].sum(), 0.0)
    d_eij = fd(lambda t: np.exp(X + t * E)[i, j], 0.0)
    res.append(chain_v([d_sk, d_si, d_eij, np.exp(X[i, j])]))
    Si = np.exp(X[i]).sum()
    res.append(chain_v([fd(lambda t: softmax_rows(X + t * E)[k, l], 0.0), fd(lambda t: softmax_rows(X + t * E)[i, l], 0.0),
                        -np.exp(X[i, l]) * np.exp(X[i, j]) / Si ** 2, -S[i, l] * S[i, j]]))
    res.append(['definition', 'definition'])   # case assumption i = k, l = j
    # case 3: i = k, l = j
    j = l
    E = np.zeros((M, N)); E[i, j] = 1
    res.append(chain_v([fd(lambda t: softmax_rows(X + t * E)[k, l], 0.0), fd(lambda t: softmax_rows(X + t * E)[i, j], 0.0),
                        (np.exp(X[i, j]) * Si - np.exp(X[i, j]) ** 2) / Si ** 2, S[i, j] - S[i, j] ** 2]))
    # chain rule: every link at every (i, j)
    links = [True] * 6
    for i in range(M):
        for j in range(N):
            links = [a and b for a, b in zip(links, chain(*softmax_vjp_members(X, Cc, i, j)))]
    res.append([V(b) for b in links])
    # row form: all entries of row i at once
    f = lambda X: np.sum(np.sin(softmax_rows(X)) * Cc)
    df = np.cos(S) * Cc
    G = grad(f, X)
    row_ok = all(close(G[i], S[i] * (df[i] - np.sum(S[i] * df[i]))) for i in range(M))
    res.append([V(row_ok)])
    return res

def largekind_links():
    x = RNG.normal(size=6)
    d = np.array([fd(np.tanh, xi) for xi in x])
    ds = np.array([fd(sig, xi) for xi in x]); y = sig(x)
    return [['definition'], [V(close(ds, y * (1 - y)))],
            ['definition', V(close(np.tanh(x), (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))))],
            chain_v([d, 1 / np.cosh(x) ** 2, 1 / np.cosh(x) ** 2, 4 / (np.exp(x) + np.exp(-x)) ** 2]),
            ['definition', 'definition']]


def doc_results(name, n_links):
    if name.startswith('limei-rmsnorm-backward'):
        L = rms_links(name.endswith('-mutated'))
        return [L[k] for k in ['fwd', 'dy', 'gw', 'gx', 'gr', 'dx', 'dl', 'dr', 'fi']]
    if name == 'hoadm-backprop-linear':
        return hoadm_links()
    if name == 'l135-softmax-backward':
        return softmax_doc_links()
    if name == 'largekind-activations':
        return largekind_links()
    raise KeyError(name)


def main():
    failures = []
    claims = yaml.safe_load((HERE / 'claims.yaml').read_text())
    n_checked = 0
    counts = {'valid': 0, 'invalid': 0}
    for c in claims:
        fam = c['family']
        if fam not in FAM:
            failures.append(f"{c['id']}: no check for family {fam}"); continue
        variant = c['id'][len(fam):].lstrip('-')
        truth = 'valid' if FAM[fam](variant) else 'invalid'
        n_checked += 1; counts[c['expect']] += 1
        if truth != c['expect']:
            failures.append(f"{c['id']}: expected {c['expect']}, numbers say {truth}")
    assert n_checked == len(claims), (n_checked, len(claims))
    assert len({c['id'] for c in claims}) == len(claims)
    print(f"claims: {n_checked} checked ({counts['valid']} valid, {counts['invalid']} invalid)")

    n_docs = n_links = 0
    for ex in sorted((HERE / 'docs').glob('*.expect.yaml')):
        name = ex.name[:-len('.expect.yaml')]
        spec = yaml.safe_load(ex.read_text())
        md = (HERE / 'docs' / (name + '.md')).read_text().split('\n')
        got = doc_results(name, len(spec['links']))
        if len(got) != len(spec['links']):
            failures.append(f"{name}: {len(spec['links'])} links in yaml, {len(got)} coded"); continue
        for link, verdicts in zip(spec['links'], got):
            ln = link['line']
            here = md[ln - 1]
            if not (link['text'] in here or (here.strip() == '$$' and link['text'] in md[ln])):
                failures.append(f"{name}:{ln}: link text not found on that line")
            if list(link['expect']) != list(verdicts):
                failures.append(f"{name}:{ln}: expected {link['expect']}, numbers say {verdicts}")
            n_links += 1
        for m in spec.get('mutations', []):
            if m['now'] not in md[m['line'] - 1]:
                failures.append(f"{name}: mutation line {m['line']} does not contain the mutated text")
        n_docs += 1
    print(f"documents: {n_docs} checked, {n_links} relation chains")
    if failures:
        print('FAILURES:')
        for f in failures:
            print('  ' + f)
        sys.exit(1)
    print('all expectations confirmed')


if __name__ == '__main__':
    main()
