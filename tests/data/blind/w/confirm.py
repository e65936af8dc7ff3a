# ruff: noqa: E501, E741, E731, N802, N803, N806, B023  (hand-written confirmation data)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part w).

Each claim and each document link is re-coded by hand as NumPy functions of random inputs.
Derivatives are compared against central finite differences (rtol 1e-6; Hessians from a
four-point second difference, rtol 1e-5); printed numbers are compared to one unit of their
last printed digit, and members computed from a rounded intermediate (the worked example
rounds sigma(1.1) to 0.75) are allowed the spread that rounding causes.  Nothing here parses
LaTeX.  A chain A = B = C yields one boolean per `=`; a claim holds iff all its links hold
on every random draw.  Exit status is non-zero if any expectation disagrees with the numbers.
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


def hess(f, x, h=1e-4):
    """Four-point central second difference of a scalar f of a vector x."""
    x = np.array(x, dtype=float)
    n = x.size
    Hm = np.zeros((n, n))
    E = np.eye(n) * h
    for a in range(n):
        for b in range(n):
            Hm[a, b] = (f(x + E[a] + E[b]) - f(x + E[a] - E[b]) - f(x - E[a] + E[b]) + f(x - E[a] - E[b])) / (4 * h * h)
    return Hm


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


def softmax_rows(S):
    E = np.exp(S - S.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def gen(shape):
    """A smooth, non-separable scalar 'loss' of an array of `shape`, with its exact gradient."""
    A = RNG.normal(size=shape)
    B = RNG.normal(size=shape)
    f = lambda Z: float(np.sum(A * np.sin(Z)) + 0.3 * np.sum(B * Z) ** 2)
    g = lambda Z: A * np.cos(Z) + 0.6 * np.sum(B * Z) * B
    return f, g


def n_rel(text):
    """Number of relation signs '=' outside any (), [], {} (so axis=0, 1_{i=j}, sum_{i=1} do not count)."""
    depth = 0
    n = 0
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "=" and depth == 0:
            n += 1
    return n


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


# ---------------------------------------------------------------- Pearblossom-M
@claim('w-pearblossom-softmax-diag', 'w-pearblossom-softmax-diag-sign')
def _(cid):
    tw = cid.endswith('sign')
    s = 1.0 if tw else -1.0
    n = 5
    S = RNG.normal(size=n)
    j = int(RNG.integers(n))
    e = np.exp(S)
    l = e.sum()
    P = e / l

    def Pj(sj):
        T = S.copy()
        T[j] = sj
        return np.exp(T[j]) / np.exp(T).sum()

    m0 = d1(Pj, S[j])
    m1 = d1(Pj, S[j])                                   # ∂/∂S_ij [exp(S_ij)/l_i], l_i depends on S_ij
    m2 = (e[j] * l + s * e[j] * e[j]) / l ** 2
    m3 = e[j] / l * (1 + s * e[j] / l)
    m4 = P[j] * (1 + s * P[j])
    return chain(m0, m1, m2, m3, m4)


@claim('w-pearblossom-softmax-offdiag', 'w-pearblossom-softmax-offdiag-sign')
def _(cid):
    tw = cid.endswith('sign')
    n = 5
    S = RNG.normal(size=n)
    j, k = RNG.choice(n, size=2, replace=False)
    e = np.exp(S)
    l = e.sum()
    P = e / l

    def Pk(sj):
        T = S.copy()
        T[j] = sj
        return np.exp(T[k]) / np.exp(T).sum()

    m0 = d1(Pk, S[j])
    m1 = d1(Pk, S[j])
    m2 = (0 - e[k] * e[j]) / l ** 2
    m3 = -e[k] / l * e[j] / l
    m4 = (P[k] * P[j]) if tw else (-P[k] * P[j])
    return chain(m0, m1, m2, m3, m4)


def _softmax_setup(n=4):
    S = RNG.normal(size=(n, n))
    f, g = gen((n, n))
    P = softmax_rows(S)
    dP = g(P)
    dS = fd(lambda T: f(softmax_rows(T)), S)
    return S, P, dP, dS


@claim('w-pearblossom-ds-chain', 'w-pearblossom-ds-chain-factor')
def _(cid):
    tw = cid.endswith('factor')
    S, P, dP, dS = _softmax_setup()
    n = S.shape[0]
    off = 1.0 - np.eye(n)                               # mask k != j, indexed [j, k]
    row = lambda i: (off * (dP[i] * P[i])[None, :]).sum(axis=1)   # sum_{k != j}(dP_ik P_ik), per j
    m1 = np.array([[dP[i, j] * P[i, j] * (1 - P[i, j]) + np.sum(off[j] * dP[i] * (-P[i] * P[i, j])) for j in range(n)] for i in range(n)])
    m2 = np.array([dP[i] * P[i] * (1 - P[i]) - P[i] * row(i) for i in range(n)])
    m3 = np.array([dP[i] * P[i] - dP[i] * P[i] ** 2 - P[i] * row(i) for i in range(n)])
    m4 = np.array([dP[i] * P[i] - P[i] * (dP[i] * P[i] + row(i)) for i in range(n)])
    tot = (dP * P).sum(axis=1, keepdims=True)
    m5 = dP * P - (tot if tw else P * tot)
    return chain(dS, m1, m2, m3, m4, m5)


@claim('w-pearblossom-ds-delta', 'w-pearblossom-ds-delta-sign')
def _(cid):
    S, P, dP, dS = _softmax_setup()
    delta = (dP * P).sum(axis=1, keepdims=True)
    rhs = P * (dP + delta) if cid.endswith('sign') else P * (dP - delta)
    return [same(dS, rhs)]


@claim('w-pearblossom-delta-o', 'w-pearblossom-delta-o-index')
def _(cid):
    tw = cid.endswith('index')
    Sq, n = 3, 4                                        # S_k = D = n so that the swapped indices still type-check
    P = softmax_rows(RNG.normal(size=(Sq, n)))
    V = RNG.normal(size=(n, n))
    dO = RNG.normal(size=(Sq, n))
    dP = dO @ V.T
    O = P @ V
    delta = (dP * P).sum(axis=1)                        # stated definition
    m1 = np.array([sum(dP[i, j] * P[i, j] for j in range(n)) for i in range(Sq)])
    if tw:
        m2 = np.array([sum(sum(dO[i, k] * V[k, j] for k in range(n)) * P[i, j] for j in range(n)) for i in range(Sq)])
        m3 = np.array([sum(dO[i, k] * sum(V[k, j] * P[i, j] for j in range(n)) for k in range(n)) for i in range(Sq)])
        m4 = np.array([sum(dO[i, k] * sum(P[i, j] * V[k, j] for j in range(n)) for k in range(n)) for i in range(Sq)])
    else:
        m2 = np.array([sum(sum(dO[i, k] * V[j, k] for k in range(n)) * P[i, j] for j in range(n)) for i in range(Sq)])
        m3 = np.array([sum(dO[i, k] * sum(V[j, k] * P[i, j] for j in range(n)) for k in range(n)) for i in range(Sq)])
        m4 = np.array([sum(dO[i, k] * sum(P[i, j] * V[j, k] for j in range(n)) for k in range(n)) for i in range(Sq)])
    m5 = np.array([sum(dO[i, k] * O[i, k] for k in range(n)) for i in range(Sq)])
    return chain(delta, m1, m2, m3, m4, m5)


def _qk_setup(n=4, D=3):
    Q = RNG.normal(size=(n, D))
    K = RNG.normal(size=(n, D))
    f, g = gen((n, n))
    S = Q @ K.T / np.sqrt(D)
    dS = g(S)
    dQ = fd(lambda T: f(T @ K.T / np.sqrt(D)), Q)
    dK = fd(lambda T: f(Q @ T.T / np.sqrt(D)), K)
    return Q, K, D, dS, dQ, dK


@claim('w-pearblossom-dq', 'w-pearblossom-dq-factor')
def _(cid):
    Q, K, D, dS, dQ, dK = _qk_setup()
    dS_temp = dS / np.sqrt(D)
    last = dS @ K * np.sqrt(D) if cid.endswith('factor') else dS @ K / np.sqrt(D)
    return chain(dQ, dS_temp @ K, (dS / np.sqrt(D)) @ K, last)


@claim('w-pearblossom-dk', 'w-pearblossom-dk-transpose')
def _(cid):
    Q, K, D, dS, dQ, dK = _qk_setup()
    dS_temp = dS / np.sqrt(D)
    if cid.endswith('transpose'):
        return chain(dK, dS_temp @ Q, (dS / np.sqrt(D)) @ Q, dS @ Q / np.sqrt(D))
    return chain(dK, dS_temp.T @ Q, (dS / np.sqrt(D)).T @ Q, dS.T @ Q / np.sqrt(D))


def _pv_setup(n=4):
    P = softmax_rows(RNG.normal(size=(n, n)))
    V = RNG.normal(size=(n, n))
    f, g = gen((n, n))
    dO = g(P @ V)
    dV = fd(lambda T: f(P @ T), V)
    dP = fd(lambda T: f(T @ V), P)
    return P, V, dO, dV, dP


@claim('w-pearblossom-dv', 'w-pearblossom-dv-transpose')
def _(cid):
    P, V, dO, dV, dP = _pv_setup()
    return [same(dV, P @ dO if cid.endswith('transpose') else P.T @ dO)]


@claim('w-pearblossom-dp', 'w-pearblossom-dp-order')
def _(cid):
    P, V, dO, dV, dP = _pv_setup()
    return [same(dP, V.T @ dO if cid.endswith('order') else dO @ V.T)]


@claim('w-pearblossom-lse', 'w-pearblossom-lse-sign')
def _(cid):
    tw = cid.endswith('sign')
    S = RNG.normal(size=6) * 2
    j = int(RNG.integers(6))
    m = S.max()
    l = np.sum(np.exp(S - m))
    LSE = m + np.log(l)
    P = np.exp(S[j]) / np.sum(np.exp(S))
    m1 = np.exp(S[j] - m) / l
    m2 = np.exp(S[j] - m) / np.exp(np.log(l))
    m3 = np.exp(S[j] - m + np.log(l)) if tw else np.exp(S[j] - m - np.log(l))
    m4 = np.exp(S[j] - (m - np.log(l))) if tw else np.exp(S[j] - (m + np.log(l)))
    m5 = np.exp(S[j] - LSE)
    return chain(P, m1, m2, m3, m4, m5)


# ---------------------------------------------------------------- 1di0t (worked example, a = sigma(1.1) printed as 0.75)
X0, W0, B0, Y0 = 2.0, 0.5, 0.1, 1.0
A_TRUE = sig(W0 * X0 + B0)
A_GRID = np.linspace(0.745, 0.755, 201)              # everything that prints as 0.75


def rounded(g, exact):
    """exact value vs g(0.75): agree within the spread of g over the rounding interval of 0.75."""
    tol = np.max(np.abs(g(A_GRID) - g(0.75)))
    return bool(abs(exact - g(0.75)) <= tol + 1e-12)


def _L_of(w=W0, b=B0):
    return 0.5 * (sig(w * X0 + b) - Y0) ** 2


@claim('w-1di0t-loss-number', 'w-1di0t-loss-number-factor')
def _(cid):
    L = _L_of()
    link1 = rounded(lambda a: 0.5 * (a - 1) ** 2, L)
    printed = 0.0625 if cid.endswith('factor') else 0.03125
    return [link1, num(0.5 * (0.75 - 1) ** 2, printed, 0.00001)]


@claim('w-1di0t-dl-da', 'w-1di0t-dl-da-sign')
def _(cid):
    tw = cid.endswith('sign')
    La = lambda a: 0.5 * (a - Y0) ** 2
    dLda = d1(La, A_TRUE)
    m1 = (Y0 - A_TRUE) if tw else (A_TRUE - Y0)
    g = (lambda a: 1 - a) if tw else (lambda a: a - 1)
    m2 = (1 - 0.75) if tw else (0.75 - 1)
    printed = 0.25 if tw else -0.25
    return [same(dLda, m1), rounded(g, m1), num(m2, printed, 0.01)]


@claim('w-1di0t-da-dz', 'w-1di0t-da-dz-sign')
def _(cid):
    tw = cid.endswith('sign')
    z = W0 * X0 + B0
    dadz = d1(sig, z)
    s = 1.0 if tw else -1.0
    m1 = sig(z) * (1 + s * sig(z))
    m2 = 0.75 * (1.75 if tw else 0.25)
    printed = 1.3125 if tw else 0.1875
    return [same(dadz, m1), rounded(lambda a: a * (1 + s * a), m1), num(m2, printed, 0.0001)]


@claim('w-1di0t-dl-dw', 'w-1di0t-dl-dw-term')
def _(cid):
    tw = cid.endswith('term')
    dLdw = d1(lambda w: _L_of(w=w), W0)
    if tw:
        g = lambda a: (a - 1) * a * (1 - a)
        m1 = (-0.25) * 0.1875
        return [rounded(g, dLdw), num(m1, -0.046875, 0.000001)]
    g = lambda a: (a - 1) * a * (1 - a) * X0
    m1 = (-0.25) * 0.1875 * 2
    return [rounded(g, dLdw), num(m1, -0.09375, 0.00001)]


@claim('w-1di0t-dl-db', 'w-1di0t-dl-db-swapped')
def _(cid):
    tw = cid.endswith('swapped')
    dLdb = d1(lambda b: _L_of(b=b), B0)
    z = W0 * X0 + B0
    prod = d1(lambda a: 0.5 * (a - Y0) ** 2, A_TRUE) * d1(sig, z) * d1(lambda b: W0 * X0 + b, B0)
    k = 2 if tw else 1
    g = lambda a: (a - 1) * a * (1 - a) * k
    m3 = (-0.25) * 0.1875 * k
    printed = -0.09375 if tw else -0.046875
    return [same(dLdb, prod), rounded(g, prod), num(m3, printed, 0.000001)]


@claim('w-1di0t-softmax-jac', 'w-1di0t-softmax-jac-sign')
def _(cid):
    n = 4
    z = RNG.normal(size=n)
    J = fd(softmax_rows, z)                             # J[i, j] = ∂ŷ_i/∂z_j
    y = softmax_rows(z)
    s = 1.0 if cid.endswith('sign') else -1.0
    rhs = np.array([[y[i] * ((i == j) + s * y[j]) for j in range(n)] for i in range(n)])
    return [same(J, rhs)]


@claim('w-1di0t-ce-grad', 'w-1di0t-ce-grad-sign')
def _(cid):
    n = 4
    z = RNG.normal(size=n)
    y = onehot(n, int(RNG.integers(n)))
    L = lambda t: -np.sum(y * np.log(softmax_rows(t)))
    yh = softmax_rows(z)
    return [same(fd(L, z), (y - yh) if cid.endswith('sign') else (yh - y))]


def _mlp_top(m=5, k=3):
    W2 = RNG.normal(size=(m, k))
    a1 = RNG.normal(size=m)
    b2 = RNG.normal(size=k)
    f, g = gen((k,))
    dz2 = g(W2.T @ a1 + b2)
    da1 = fd(lambda t: f(W2.T @ t + b2), a1)
    dW2 = fd(lambda T: f(T.T @ a1 + b2), W2)
    return W2, a1, dz2, da1, dW2


@claim('w-1di0t-da1', 'w-1di0t-da1-transpose')
def _(cid):
    W2, a1, dz2, da1, dW2 = _mlp_top()
    last = mm(W2.T, dz2) if cid.endswith('transpose') else mm(W2, dz2)
    return chain(da1, mm((W2.T).T, dz2), last)


@claim('w-1di0t-dw2', 'w-1di0t-dw2-transpose')
def _(cid):
    W2, a1, dz2, da1, dW2 = _mlp_top()
    rhs = np.outer(dz2, a1) if cid.endswith('transpose') else np.outer(a1, dz2)
    return [same(dW2, rhs)]


def _lin(batch=3, n_in=4, n_out=2):
    x = RNG.normal(size=(batch, n_in))
    W = RNG.normal(size=(n_in, n_out))
    b = RNG.normal(size=n_out)
    return x, W, b


@claim('w-1di0t-dz-dw', 'w-1di0t-dz-dw-swapped')
def _(cid):
    x, W, b = _lin()
    T = fd(lambda V: x @ V + b, W)                      # T[i, j, m, n] = ∂z_ij/∂W_mn
    bt, no = x.shape[0], W.shape[1]
    ni = W.shape[0]
    if cid.endswith('swapped'):
        rhs = np.array([[[[x[i, n] * (j == m) for n in range(no)] for m in range(ni)] for j in range(no)] for i in range(bt)])
    else:
        rhs = np.array([[[[x[i, m] * (j == n) for n in range(no)] for m in range(ni)] for j in range(no)] for i in range(bt)])
    return [same(T, rhs)]


@claim('w-1di0t-dl-dw-index', 'w-1di0t-dl-dw-index-swapped')
def _(cid):
    x, W, b = _lin()
    f, g = gen((x.shape[0], W.shape[1]))
    dz = g(x @ W + b)
    dW = fd(lambda V: f(x @ V + b), W)
    T = np.einsum('im,jn->ijmn', x, np.eye(W.shape[1]))  # ∂z_ij/∂W_mn = x_im δ_jn
    m1 = np.einsum('ij,ijmn->mn', dz, T)
    if cid.endswith('swapped'):
        m2 = np.array([[np.sum(dz[:, m] * x[:, n]) for n in range(x.shape[1])] for m in range(dz.shape[1])])
        m3 = np.array([[np.sum(x[:, n] * dz[:, m]) for n in range(x.shape[1])] for m in range(dz.shape[1])])
        m4 = dz.T @ x
    else:
        m2 = np.array([[np.sum(dz[:, n] * x[:, m]) for n in range(dz.shape[1])] for m in range(x.shape[1])])
        m3 = np.array([[np.sum(x[:, m] * dz[:, n]) for n in range(dz.shape[1])] for m in range(x.shape[1])])
        m4 = x.T @ dz
    return chain(dW, m1, m2, m3, m4)


@claim('w-1di0t-linear-dx', 'w-1di0t-linear-dx-transpose')
def _(cid):
    x, W, b = _lin()
    f, g = gen((x.shape[0], W.shape[1]))
    dz = g(x @ W + b)
    dx = fd(lambda V: f(V @ W + b), x)
    return [same(dx, mm(dz, W) if cid.endswith('transpose') else mm(dz, W.T))]


@claim('w-1di0t-linear-db', 'w-1di0t-linear-db-index')
def _(cid):
    x, W, b = _lin()
    f, g = gen((x.shape[0], W.shape[1]))
    dz = g(x @ W + b)
    db = fd(lambda v: f(x @ W + v), b)
    return [same(db, np.sum(dz, axis=1) if cid.endswith('index') else np.sum(dz, axis=0))]


@claim('w-1di0t-attn-ds', 'w-1di0t-attn-ds-factor', 'w-1di0t-attn-ds-matrix-source-error')
def _(cid):
    S, A, dA, dS = _softmax_setup()
    if cid.endswith('factor'):
        rhs = A * (dA - dA.sum(axis=1, keepdims=True))
    elif cid.endswith('source-error'):
        ones = np.ones(A.shape[0])
        rhs = A * dA - A * (A @ dA.T @ ones)[:, None]
    else:
        rhs = A * (dA - (dA * A).sum(axis=1, keepdims=True))
    return [same(dS, rhs)]


@claim('w-1di0t-attn-dq', 'w-1di0t-attn-dq-transpose')
def _(cid):
    Q, K, D, dS, dQ, dK = _qk_setup()
    return [same(dQ, (dS.T @ K) / np.sqrt(D) if cid.endswith('transpose') else (dS @ K) / np.sqrt(D))]


@claim('w-1di0t-attn-dk', 'w-1di0t-attn-dk-factor')
def _(cid):
    Q, K, D, dS, dQ, dK = _qk_setup()
    return [same(dK, (dS.T @ Q) / D if cid.endswith('factor') else (dS.T @ Q) / np.sqrt(D))]


def rope_R(p, d=4, base=10000.0):
    R = np.zeros((d, d))
    for i in range(d // 2):
        th = p * base ** (-2 * i / d)
        c, s = np.cos(th), np.sin(th)
        R[2 * i:2 * i + 2, 2 * i:2 * i + 2] = [[c, -s], [s, c]]
    return R


@claim('w-1di0t-rope', 'w-1di0t-rope-sign')
def _(cid):
    q, k = RNG.normal(size=4), RNG.normal(size=4)
    m, n = RNG.choice(np.arange(1, 9), size=2, replace=False)
    lhs = (rope_R(m) @ q) @ (rope_R(n) @ k)
    m1 = q @ rope_R(m).T @ rope_R(n) @ k
    m2 = q @ rope_R(m - n) @ k if cid.endswith('sign') else q @ rope_R(n - m) @ k
    return chain(lhs, m1, m2)


# ---------------------------------------------------------------- Doraemonzzz / xopes
def _norm_setup(d=5):
    q = RNG.normal(size=d)
    sg = np.sqrt(q @ q)
    r = q / sg
    J = fd(lambda t: t / np.sqrt(t @ t), q)           # J[i, j] = ∂r_i/∂q_j
    dsig = fd(lambda t: np.sqrt(t @ t), q)            # ∂σ/∂q_j
    return q, sg, r, J, dsig


@claim('w-doraemonzzz-dr-dq', 'w-doraemonzzz-dr-dq-factor')
def _(cid):
    q, sg, r, J, dsig = _norm_setup()
    I = np.eye(q.size)
    m1 = I / sg - np.outer(q, dsig) / sg ** 2
    m2 = I / sg - np.outer(q, 0.5 * (q @ q) ** -0.5 * 2 * q) / sg ** 2
    m3 = I / sg - np.outer(q, q) / (sg ** 2 if cid.endswith('factor') else sg ** 3)
    m4 = (I - np.outer(r, r)) / sg
    return chain(J, m1, m2, m3, m4)


@claim('w-doraemonzzz-jacobian', 'w-doraemonzzz-jacobian-transpose')
def _(cid):
    q, sg, r, J, dsig = _norm_setup()
    I = np.eye(q.size)
    rhs = (I - (r @ r)) / sg if cid.endswith('transpose') else (I - np.outer(r, r)) / sg
    return [same(J, rhs)]


@claim('w-doraemonzzz-dq', 'w-doraemonzzz-dq-sign', 'w-doraemonzzz-dq-diag-source-error')
def _(cid):
    q, sg, r, J, dsig = _norm_setup()
    f, g = gen(q.shape)
    dr = g(r)
    dq = fd(lambda t: f(t / np.sqrt(t @ t)), q)
    I = np.eye(q.size)
    if cid.endswith('source-error'):
        m1 = dr * (1 / sg - q / sg ** 2 * dsig)
        m2 = dr * (1 / sg - q / sg ** 2 * (0.5 * (q @ q) ** -0.5 * 2 * q))
        m3 = dr * (1 / sg - q / sg ** 2 * (q / sg))
        m4 = dr * (1 / sg - r ** 2 / sg)
        m5 = (dr / sg) * (1 - r ** 2)
        return chain(dq, m1, m2, m3, m4, m5)
    m1 = J.T @ dr
    m2 = (I - np.outer(r, r)) @ dr / sg
    m3 = (dr + (r @ dr) * r) / sg if cid.endswith('sign') else (dr - (r @ dr) * r) / sg
    return chain(dq, m1, m2, m3)


@claim('w-doraemonzzz-dp', 'w-doraemonzzz-dp-factor')
def _(cid):
    d = 5
    p = RNG.normal(size=d)
    center = lambda t: t - np.sum(t) / d
    f, g = gen((d,))
    dq = g(center(p))
    dp = fd(lambda t: f(center(t)), p)
    Jq = fd(center, p)                                  # Jq[i, k] = ∂q_i/∂p_k
    m1 = np.array([np.sum(dq * Jq[:, k]) for k in range(d)])
    c = 1.0 if cid.endswith('factor') else 1.0 / d
    m2 = np.array([np.sum(dq * ((np.arange(d) == k) - c)) for k in range(d)])
    m3 = np.array([dq[k] - c * np.sum(dq) for k in range(d)])
    return chain(dp, m1, m2, m3)


def _affine_setup(d=5):
    r, w, b = RNG.normal(size=d), RNG.normal(size=d), RNG.normal(size=d)
    c = 1.7
    f, g = gen((d,))
    do = g(c * r * w + b)
    dw = fd(lambda t: f(c * r * t + b), w)
    dr = fd(lambda t: f(c * t * w + b), r)
    db = fd(lambda t: f(c * r * w + t), b)
    return r, w, b, c, do, dw, dr, db


@claim('w-doraemonzzz-dw', 'w-doraemonzzz-dw-factor')
def _(cid):
    r, w, b, c, do, dw, dr, db = _affine_setup()
    return [same(dw, do * r if cid.endswith('factor') else do * (c * r))]


@claim('w-doraemonzzz-dr', 'w-doraemonzzz-dr-swapped')
def _(cid):
    r, w, b, c, do, dw, dr, db = _affine_setup()
    return [same(dr, do * (c * r) if cid.endswith('swapped') else do * (c * w))]


# ---------------------------------------------------------------- kaixih (layer norm, rows of x normalised over D)
EPS = 1e-3


def _ln_setup(N=3, D=4):
    x = RNG.normal(size=(N, D))
    gam = RNG.normal(size=(1, D))
    bet = RNG.normal(size=(1, D))
    mu = x.mean(axis=1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=1, keepdims=True)
    f, g = gen((N, D))
    yfun = lambda i, v, m, gm=gam, bt=bet: gm * (i - m) / np.sqrt(v + EPS) + bt
    dy = g(yfun(x, var, mu))
    return x, gam, bet, mu, var, f, dy, yfun


def _rowwise_fd(fun, x):
    """∂fun(x)_n/∂x_nd for a per-row scalar fun (shape (N,1)) -> (N, D)."""
    full = fd(fun, x)                                   # (N,1,N,D)
    return np.array([full[n, 0, n] for n in range(x.shape[0])])


@claim('w-kaixih-dgamma', 'w-kaixih-dgamma-factor')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    dg = fd(lambda t: f(yfun(x, var, mu, gm=t)), gam)             # shape (1, D)
    dydg = (x - mu) / np.sqrt(var + EPS)                           # ∂y/∂γ per entry
    mid = np.sum(dy * dydg, axis=0, keepdims=True)
    den = (var + EPS) if cid.endswith('factor') else np.sqrt(var + EPS)
    last = np.sum(dy * (x - mu) / den, axis=0, keepdims=True)
    return chain(dg, mid, last)


@claim('w-kaixih-dbeta', 'w-kaixih-dbeta-index')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    dbt = fd(lambda t: f(yfun(x, var, mu, bt=t)), bet).reshape(1, -1)
    mid = np.sum(dy * 1.0, axis=0, keepdims=True)
    last = np.sum(dy, axis=1, keepdims=True) if cid.endswith('index') else np.sum(dy, axis=0, keepdims=True)
    return chain(dbt, mid, last)


@claim('w-kaixih-dl-di', 'w-kaixih-dl-di-factor')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    dLdi = fd(lambda i: f(yfun(i, var, mu)), x)
    dydi = np.array([[d1(lambda t: yfun(np.where(np.arange(x.size).reshape(x.shape) == n * x.shape[1] + d, t, x), var, mu)[n, d], x[n, d]) for d in range(x.shape[1])] for n in range(x.shape[0])])
    mid = dy * dydi
    last = dy / np.sqrt(var + EPS) if cid.endswith('factor') else dy * gam / np.sqrt(var + EPS)
    return chain(dLdi, mid, last)


@claim('w-kaixih-dl-dvar', 'w-kaixih-dl-dvar-factor')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    dLdv = fd(lambda v: f(yfun(x, v, mu)), var)
    full = fd(lambda v: yfun(x, v, mu), var)                       # (N,D,N,1)
    dydv = np.array([[full[n, d, n, 0] for d in range(x.shape[1])] for n in range(x.shape[0])])
    mid = np.sum(dy * dydv, axis=1, keepdims=True)
    p = -0.5 if cid.endswith('factor') else -1.5
    last = np.sum(dy * gam * (x - mu) * (-0.5) * (var + EPS) ** p, axis=1, keepdims=True)
    return chain(dLdv, mid, last)


@claim('w-kaixih-dvar-dx', 'w-kaixih-dvar-dx-factor')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    D = x.shape[1]
    dvdx = _rowwise_fd(lambda t: ((t - t.mean(axis=1, keepdims=True)) ** 2).mean(axis=1, keepdims=True), x)
    k = 1.0 if cid.endswith('factor') else 2.0
    return [same(dvdx, k / D * (x - mu))]


@claim('w-kaixih-dmu-dx', 'w-kaixih-dmu-dx-index')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    N, D = x.shape
    dmdx = _rowwise_fd(lambda t: t.mean(axis=1, keepdims=True), x)
    return [same(dmdx, np.full(x.shape, 1.0 / N if cid.endswith('index') else 1.0 / D))]


def _ln_paths(x, mu, var, f, yfun):
    dLdi = fd(lambda i: f(yfun(i, var, mu)), x)
    dLdv = fd(lambda v: f(yfun(x, v, mu)), var)
    dLdm = fd(lambda m: f(yfun(x, var, m)), mu)
    dvdx = _rowwise_fd(lambda t: ((t - t.mean(axis=1, keepdims=True)) ** 2).mean(axis=1, keepdims=True), x)
    dmdx = _rowwise_fd(lambda t: t.mean(axis=1, keepdims=True), x)
    return dLdi, dLdv, dLdm, dvdx, dmdx


def _ln_total(x, f, yfun):
    def L(t):
        m = t.mean(axis=1, keepdims=True)
        v = ((t - m) ** 2).mean(axis=1, keepdims=True)
        return f(yfun(t, v, m))
    return fd(L, x)


@claim('w-kaixih-dx', 'w-kaixih-dx-term')
def _(cid):
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    dx = _ln_total(x, f, yfun)
    dLdi, dLdv, dLdm, dvdx, dmdx = _ln_paths(x, mu, var, f, yfun)
    if cid.endswith('term'):
        rhs = dLdi * 1.0 + dLdm * dmdx
    else:
        rhs = dLdi * 1.0 + dLdv * dvdx + dLdm * dmdx
    return [same(dx, rhs)]


# ---------------------------------------------------------------- Twice22 (multiclass hinge)
def _hinge_setup(D=4, C=3, delta=1.0):
    while True:
        W = RNG.normal(size=(D, C))
        x = RNG.normal(size=D)
        yi = int(RNG.integers(C))
        marg = x @ W - x @ W[:, yi] + delta
        others = [k for k in range(C) if k != yi]
        if all(abs(marg[k]) > 0.05 for k in others) and any(marg[k] > 0 for k in others):
            break
    L = lambda V: sum(max(0.0, x @ V[:, k] - x @ V[:, yi] + delta) for k in range(C) if k != yi)
    return W, x, yi, marg, others, L, fd(L, W)


@claim('w-twice22-hinge-dwk', 'w-twice22-hinge-dwk-sign')
def _(cid):
    W, x, yi, marg, others, L, G = _hinge_setup()
    k = [k for k in others if marg[k] > 0][0]
    s = -1.0 if cid.endswith('sign') else 1.0
    rhs = np.array([s * float(marg[k] > 0) * x[j] for j in range(x.size)])
    ok_active = same(G[:, k], rhs)
    kk = [k for k in others if marg[k] <= 0]               # inactive columns (if any) must vanish too
    ok_inactive = all(same(G[:, k2], np.array([s * float(marg[k2] > 0) * x[j] for j in range(x.size)])) for k2 in kk)
    return [ok_active and ok_inactive]


@claim('w-twice22-hinge-dwyi', 'w-twice22-hinge-dwyi-index')
def _(cid):
    W, x, yi, marg, others, L, G = _hinge_setup()
    if cid.endswith('index'):
        rhs = np.array([-sum(float(marg[k] > 0) * x[k] for k in others) for j in range(x.size)])
    else:
        rhs = np.array([-sum(float(marg[k] > 0) * x[j] for k in others) for j in range(x.size)])
    return [same(G[:, yi], rhs)]


# ---------------------------------------------------------------- yuanz271 / pyneuroglm (Poisson GLM)
def softplus(e):
    return np.log1p(np.exp(e))


def _glm_setup(n=7, d=3):
    X = RNG.normal(size=(n, d))
    w = RNG.normal(size=d) * 0.5
    y = RNG.poisson(2.0, size=n).astype(float)
    y[0] = max(y[0], 1.0)
    return X, w, y


def _glm_L(X, y, link):
    return lambda v: float(np.sum(y * np.log(link(X @ v)) - link(X @ v)))


@claim('w-yuanz271-poisson-grad', 'w-yuanz271-poisson-grad-sign')
def _(cid):
    X, w, y = _glm_setup()
    eta = X @ w
    lam = softplus(eta)
    lamdot = d1(softplus, eta)
    g = fd(_glm_L(X, y, softplus), w)
    inner = (1 - y / lam) if cid.endswith('sign') else (y / lam - 1)
    return [same(g, X.T @ (inner * lamdot))]


@claim('w-yuanz271-poisson-hess', 'w-yuanz271-poisson-hess-transpose')
def _(cid):
    X, w, y = _glm_setup()
    eta = X @ w
    lam = softplus(eta)
    lamdot = d1(softplus, eta)
    lamddot = d1(lambda e: d1(softplus, e, 1e-4), eta, 1e-4)
    h = (y / lam - 1) * lamddot - y * lamdot ** 2 / lam ** 2
    Hfd = hess(_glm_L(X, y, softplus), w)
    rhs = mm(X, np.diag(h), X.T) if cid.endswith('transpose') else X.T @ np.diag(h) @ X
    return [same(Hfd, rhs, rtol=1e-5, atol=1e-6)]


@claim('w-yuanz271-canonical-h', 'w-yuanz271-canonical-h-term')
def _(cid):
    X, w, y = _glm_setup()
    eta = X @ w
    lam = np.exp(eta)
    lamdot = d1(np.exp, eta)
    lamddot = d1(lambda e: d1(np.exp, e, 1e-4), eta, 1e-4)
    h = (y / lam - 1) * lamddot - y * lamdot ** 2 / lam ** 2
    rhs = (y - lam) if cid.endswith('term') else -lam
    return [same(h, rhs, rtol=1e-5, atol=1e-6)]


@claim('w-yuanz271-canonical-hess', 'w-yuanz271-canonical-hess-sign')
def _(cid):
    X, w, y = _glm_setup()
    lam = np.exp(X @ w)
    Hfd = hess(_glm_L(X, y, np.exp), w)
    s = 1.0 if cid.endswith('sign') else -1.0
    return [same(Hfd, s * X.T @ np.diag(lam) @ X, rtol=1e-5, atol=1e-6)]


def _prior_setup(d=3):
    A = RNG.normal(size=(d, d))
    Cm = A @ A.T + np.eye(d)
    Ci = np.linalg.inv(Cm)
    w = RNG.normal(size=d)
    P = lambda v: float(-0.5 * v @ Ci @ v)
    return Ci, w, P


@claim('w-yuanz271-prior-grad', 'w-yuanz271-prior-grad-factor')
def _(cid):
    Ci, w, P = _prior_setup()
    rhs = -0.5 * Ci @ w if cid.endswith('factor') else -Ci @ w
    return [same(fd(P, w), rhs)]


@claim('w-yuanz271-prior-hess', 'w-yuanz271-prior-hess-sign')
def _(cid):
    Ci, w, P = _prior_setup()
    rhs = Ci if cid.endswith('sign') else -Ci
    return [same(hess(P, w), rhs, rtol=1e-5, atol=1e-6)]


# ---------------------------------------------------------------- James Melville / mize (Nesterov momentum)
def _nag_setup(d=3):
    A = RNG.normal(size=(d, d))
    A = A @ A.T / d + np.eye(d)
    grad = lambda t: A @ t + np.sin(t)                  # ∇f of f = ½ tᵀA t - Σ cos t
    mu = RNG.uniform(0.5, 0.95, size=4)                 # mu[k] is mu at step (t-1)+k: time-varying schedule
    eps = RNG.uniform(0.05, 0.3, size=4)
    return grad, mu, eps, d


@claim('w-melville-sutskever-subst', 'w-melville-sutskever-subst-term')
def _(cid):
    grad, mu, eps, d = _nag_setup()
    th2, th1 = RNG.normal(size=d), RNG.normal(size=d)   # theta_{t-2}, theta_{t-1}
    m1, e0 = mu[0], eps[1]                              # mu_{t-1}, eps_t
    y_t = th1 + m1 * (th1 - th2)                        # momentum stage (index shifted)
    th_t = y_t - e0 * grad(y_t)                         # gradient stage
    v1 = th1 - th2
    if cid.endswith('term'):
        rhs = th1 + m1 * v1 - e0 * grad(th1)
    else:
        rhs = th1 + m1 * v1 - e0 * grad(th1 + m1 * v1)
    return [same(th_t, rhs)]


def _sutskever_step():
    grad, mu, eps, d = _nag_setup()
    th, v = RNG.normal(size=d), RNG.normal(size=d)      # theta_t, v_t
    mu_t, mu_t1, e_t = mu[1], mu[2], eps[1]
    v1 = mu_t * v - e_t * grad(th + mu_t * v)
    th1 = th + v1
    Th, Th1 = th + mu_t * v, th1 + mu_t1 * v1
    return grad, mu_t, mu_t1, e_t, v, v1, Th, Th1


@claim('w-melville-bengio-step1', 'w-melville-bengio-step1-sign')
def _(cid):
    grad, mu_t, mu_t1, e_t, v, v1, Th, Th1 = _sutskever_step()
    s = -1.0 if cid.endswith('sign') else 1.0
    return [same(Th1, Th + s * mu_t1 * v1 - e_t * grad(Th))]


@claim('w-melville-bengio-final', 'w-melville-bengio-final-index')
def _(cid):
    grad, mu_t, mu_t1, e_t, v, v1, Th, Th1 = _sutskever_step()
    c = mu_t if cid.endswith('index') else mu_t1
    return [same(Th1, Th + mu_t1 * mu_t * v - (1 + c) * e_t * grad(Th))]


def _alt_nag_step():
    grad, mu, eps, d = _nag_setup()
    th0, th = RNG.normal(size=d), RNG.normal(size=d)    # theta_{t-1}, theta_t
    e0, e1, m = eps[0], eps[1], mu[1]                   # eps_{t-1}, eps_t, mu_t
    phi0 = th0 - e0 * grad(th0)
    phi = th - e1 * grad(th)
    th_next = phi + m * (phi - phi0)
    return grad, th0, th, e0, e1, m, th_next


@claim('w-melville-alt-nag', 'w-melville-alt-nag-sign')
def _(cid):
    grad, th0, th, e0, e1, m, th_next = _alt_nag_step()
    v = th - th0
    s = -1.0 if cid.endswith('sign') else 1.0
    return [same(th_next, th + m * (v + s * e0 * grad(th0) - e1 * grad(th)) - e1 * grad(th))]


@claim('w-melville-alt-velocity', 'w-melville-alt-velocity-factor')
def _(cid):
    grad, th0, th, e0, e1, m, th_next = _alt_nag_step()
    v, v_next = th - th0, th_next - th
    c = m if cid.endswith('factor') else (1 + m)
    return [same(v_next, +m * (v + e0 * grad(th0)) - c * e1 * grad(th))]


# ============================================================================ documents
DOCS = {}


def doc(name):
    def deco(fn):
        DOCS[name] = fn
        return fn
    return deco


def _xopes_doc(mutated):
    d = 5
    x, y, w, b = (RNG.normal(size=d) for _ in range(4))
    c = 1.7
    center = lambda t: t - np.sum(t) / d
    nrm = lambda t: t / np.sqrt(t @ t)
    p = x + y
    q = center(p)
    sg = np.sqrt(q @ q)
    r = q / sg
    f, g = gen((d,))
    do = g(c * r * w + b)
    dw = fd(lambda t: f(c * r * t + b), w)
    db = fd(lambda t: f(c * r * w + t), b)
    dr = fd(lambda t: f(c * t * w + b), r)
    dq = fd(lambda t: f(c * nrm(t) * w + b), q)
    dp = fd(lambda t: f(c * nrm(center(t)) * w + b), p)
    dx = fd(lambda t: f(c * nrm(center(t + y)) * w + b), x)
    dy = fd(lambda t: f(c * nrm(center(x + t)) * w + b), y)
    J = fd(nrm, q)
    dsig = fd(lambda t: np.sqrt(t @ t), q)
    Jq = fd(center, p)
    I = np.eye(d)
    out = [[DEF]] * 5
    out.append([same(db, do)])
    out.append([same(dw, do * r if mutated else do * (c * r))])
    out.append([same(dr, do * (c * w))])
    m1 = I / sg - np.outer(q, dsig) / sg ** 2
    m2 = I / sg - np.outer(q, 0.5 * (q @ q) ** -0.5 * 2 * q) / sg ** 2
    m3 = I / sg - np.outer(q, q) / (sg ** 2 if mutated else sg ** 3)
    m4 = (I - np.outer(r, r)) / sg
    out.append(chain(J, m1, m2, m3, m4))
    out.append([same(J, (I - np.outer(r, r)) / sg)])
    out.append(chain(dq, J.T @ dr, (I - np.outer(r, r)) @ dr / sg, (dr - (r @ dr) * r) / sg))
    k1 = np.array([np.sum(dq * Jq[:, k]) for k in range(d)])
    k2 = np.array([np.sum(dq * ((np.arange(d) == k) - 1.0 / d)) for k in range(d)])
    k3 = np.array([dq[k] - 1.0 / d * np.sum(dq) for k in range(d)])
    out.append(chain(dp, k1, k2, k3))
    out.append([same(dp, dq - np.mean(dq))])
    out.append([same(dx, dp)])
    out.append([same(dy, dp)])
    return out


@doc('doraemonzzz-normalize-backward')
def _():
    return _xopes_doc(False)


@doc('doraemonzzz-normalize-backward-mutated')
def _():
    return _xopes_doc(True)


@doc('kaixih-layernorm-backward')
def _():
    out = [[DEF]] * 4
    out.append(C['w-kaixih-dgamma']('w-kaixih-dgamma'))
    out.append(C['w-kaixih-dbeta']('w-kaixih-dbeta'))
    out.append(C['w-kaixih-dx']('w-kaixih-dx'))
    out.append(C['w-kaixih-dl-di']('w-kaixih-dl-di'))
    x = RNG.normal(size=(3, 4))
    Jid = fd(lambda t: t, x)                            # i(x) = x
    didx = np.array([[Jid[n, d_, n, d_] for d_ in range(4)] for n in range(3)])
    out.append([same(didx, np.ones_like(x))])
    out.append(C['w-kaixih-dl-dvar']('w-kaixih-dl-dvar'))
    out.append(C['w-kaixih-dvar-dx']('w-kaixih-dvar-dx'))
    # third term: total derivative w.r.t. mu (sigma^2 viewed as a function of mu), then the printed members
    x, gam, bet, mu, var, f, dy, yfun = _ln_setup()
    D = x.shape[1]
    varmu = lambda m: ((x - m) ** 2).mean(axis=1, keepdims=True)
    tot = fd(lambda m: f(yfun(x, varmu(m), m)), mu)
    direct = fd(lambda m: f(yfun(x, var, m)), mu)
    dLdv = fd(lambda v: f(yfun(x, v, mu)), var)
    dvdm = np.array([[d1(lambda t: float(((x[n] - t) ** 2).mean()), mu[n, 0])] for n in range(x.shape[0])])
    full = fd(lambda m: yfun(x, var, m), mu)
    dydm = np.array([[full[n, d_, n, 0] for d_ in range(D)] for n in range(x.shape[0])])
    m2 = direct * 1.0 + dLdv * dvdm
    m3 = np.sum(dy * dydm, axis=1, keepdims=True) * 1 + dLdv * dvdm
    m4 = np.sum(dy * gam * (-1 / np.sqrt(var + EPS)), axis=1, keepdims=True) + np.sum(dLdv * (1 / D) * (-2) * (x - mu), axis=1, keepdims=True)
    out.append(chain(tot, m2, m3, m4))
    out.append(C['w-kaixih-dmu-dx']('w-kaixih-dmu-dx'))
    return out


@doc('yuanz271-poisson-glm')
def _():
    X, w, y = _glm_setup()
    eta = X @ w
    out = [[DEF], [DEF]]
    out.append([same(eta, np.array([X[i] @ w for i in range(X.shape[0])]))])
    out.append([same(softplus(eta), np.array([softplus(X[i] @ w) for i in range(X.shape[0])]))])
    out += [[DEF], [DEF]]
    out.append(C['w-yuanz271-poisson-grad']('w-yuanz271-poisson-grad'))
    out.append([DEF])
    out.append(C['w-yuanz271-poisson-hess']('w-yuanz271-poisson-hess'))
    out += [[DEF], [DEF]]
    out.append(C['w-yuanz271-prior-grad']('w-yuanz271-prior-grad'))
    out.append(C['w-yuanz271-prior-hess']('w-yuanz271-prior-hess'))
    return out


@doc('1di0t-single-neuron')
def _():
    out = [[DEF]] * 7
    z = W0 * X0 + B0
    out.append([same(z, 0.5 * 2 + 0.1), num(0.5 * 2 + 0.1, 1.1, 0.1)])
    out.append([same(sig(z), sig(1.1)), same(sig(1.1), 1 / (1 + np.exp(-1.1)))])
    out.append(C['w-1di0t-loss-number']('w-1di0t-loss-number'))
    dLdw = d1(lambda w: _L_of(w=w), W0)
    out.append([same(dLdw, d1(lambda a: 0.5 * (a - Y0) ** 2, A_TRUE) * d1(sig, z) * d1(lambda w: w * X0 + B0, W0))])
    out.append(C['w-1di0t-dl-da']('w-1di0t-dl-da'))
    out.append(C['w-1di0t-da-dz']('w-1di0t-da-dz'))
    dzdw = d1(lambda w: w * X0 + B0, W0)
    out.append([same(dzdw, X0), num(X0, 2, 1)])
    out.append(C['w-1di0t-dl-dw']('w-1di0t-dl-dw'))
    out.append(C['w-1di0t-dl-db']('w-1di0t-dl-db'))
    return out


@doc('pearblossom-attention-backward')
def _():
    out = [[DEF]] * 3
    out.append(C['w-pearblossom-dv']('w-pearblossom-dv'))
    out.append(C['w-pearblossom-dp']('w-pearblossom-dp'))
    S = RNG.normal(size=(3, 5))
    out.append([same(softmax_rows(S), np.exp(S) / np.exp(S).sum(axis=1, keepdims=True))])
    out.append([DEF])
    l = np.exp(S).sum(axis=1, keepdims=True)
    out.append([same(softmax_rows(S), np.exp(S) / l)])
    out.append(C['w-pearblossom-softmax-diag']('w-pearblossom-softmax-diag'))
    out.append(C['w-pearblossom-softmax-offdiag']('w-pearblossom-softmax-offdiag'))
    S, P, dP, dS = _softmax_setup()
    n = S.shape[0]
    Jfull = fd(softmax_rows, S)                          # Jfull[i, k, a, j] = ∂P_ik/∂S_aj
    rhs = np.array([[sum(dP[i, k] * Jfull[i, k, i, j] for k in range(n)) for j in range(n)] for i in range(n)])
    out.append([DEF, same(dS, rhs)])
    out.append(C['w-pearblossom-ds-chain']('w-pearblossom-ds-chain'))
    out.append([DEF])
    out.append(C['w-pearblossom-ds-delta']('w-pearblossom-ds-delta'))
    out.append(C['w-pearblossom-delta-o']('w-pearblossom-delta-o'))
    out.append([DEF])
    Q, K, D, dS, dQ, dK = _qk_setup()
    out.append([same(Q @ K.T / np.sqrt(D), (Q @ K.T) / np.sqrt(D))])
    f, g = gen(dS.shape)
    St = Q @ K.T
    dSt = fd(lambda T: f(T / np.sqrt(D)), St)
    out.append([same(dSt, g(St / np.sqrt(D)) / np.sqrt(D))])
    out.append(C['w-pearblossom-dq']('w-pearblossom-dq'))
    out.append(C['w-pearblossom-dk']('w-pearblossom-dk'))
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
            assert len(res) == n_rel(it["claim"]), (it["id"], len(res))
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
                assert len(res) == len(link["expect"]) == n_rel(link["text"]), (name, link["line"])
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
