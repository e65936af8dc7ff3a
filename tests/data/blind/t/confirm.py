# ruff: noqa: E501, E741, E743, B023  (hand-written confirmation data, kept as transcribed)
"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part t).

Every claim and every document link is re-coded by hand as NumPy functions of random inputs.
Derivatives (gradients, Jacobians, directional derivatives) are compared against central finite
differences; algebraic rewrites are compared member by member.  Nothing here parses LaTeX.
A chain A = B = C yields one boolean per `=`; a claim is valid iff all its links hold.
Each claim is evaluated on several independent random draws.
"""

import math
import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(7)
TRIALS = 3


# ============================================================================ helpers
def fd(f, x, h=1e-6):
    """Central-difference derivative of f (scalar- or array-valued) w.r.t. every entry of x.
    Result shape: f(x).shape + x.shape."""
    x = np.array(x, dtype=float)
    f0 = np.asarray(f(x), dtype=float)
    out = np.zeros(f0.shape + x.shape)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        out[(Ellipsis,) + idx] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return out


def dd(f, x, v, h=1e-6):
    """Directional derivative of f at x along v."""
    return (np.asarray(f(x + h * v)) - np.asarray(f(x - h * v))) / (2 * h)


def same(a, b, rtol=1e-6, atol=1e-7):
    if a is None or b is None:
        return False
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def mm(a, b):
    try:
        return np.asarray(a) @ np.asarray(b)
    except ValueError:
        return None


def dl(a, b):
    return 1.0 if a == b else 0.0


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / e.sum()


def softmax_rows(m):
    e = np.exp(m - m.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def generic_loss(shape):
    """A smooth non-separable scalar loss L(Y) on arrays of `shape`, with its exact gradient."""
    a = RNG.normal(size=shape)
    b = RNG.normal(size=shape) * 0.3
    c = RNG.normal() * 0.3

    def L(y):
        y = np.asarray(y, dtype=float)
        return float(np.sum(a * y + b * y**2) + c * np.sum(y) ** 2 + np.sum(np.sin(y)))

    def g(y):
        y = np.asarray(y, dtype=float)
        return a + 2 * b * y + 2 * c * np.sum(y) + np.cos(y)

    return L, g


erf = np.vectorize(math.erf)

CLAIMS = {}


def claim(*ids):
    def deco(fn):
        for cid in ids:
            CLAIMS[cid] = fn
        return fn
    return deco


# ============================================================================ Thorey: batch norm
def bn_setup():
    N, H, eps = 5, 3, 0.3
    h = RNG.normal(size=(N, H)) * 1.5 + RNG.normal(size=H)
    gamma, beta = RNG.normal(size=H), RNG.normal(size=H)
    return N, H, eps, h, gamma, beta


def bn_hat(h, eps):
    mu = h.mean(0)
    var = ((h - mu) ** 2).mean(0)
    return (h - mu) * (var + eps) ** -0.5


def bn_F(h, eps, last_exp=-1.5):
    N, H = h.shape
    mu = h.mean(0)
    s = ((h - mu) ** 2).mean(0) + eps
    F = np.zeros((N, H, N, H))
    for k, l, i, j in np.ndindex(N, H, N, H):
        F[k, l, i, j] = ((dl(i, k) * dl(j, l) - dl(j, l) / N) * s[l] ** -0.5
                         - (1 / N) * (h[k, l] - mu[l]) * (h[i, l] - mu[l]) * dl(j, l) * s[l] ** last_exp)
    return F


@claim("t-thorey-bn-translation", "t-thorey-bn-translation-sign")
def _bn_translation(cid):
    N, H, eps, h, *_ = bn_setup()
    J = fd(lambda v: v - v.mean(0), h)
    sgn = 1.0 if cid.endswith("sign") else -1.0
    T = np.zeros((N, H, N, H))
    for k, l, i, j in np.ndindex(N, H, N, H):
        T[k, l, i, j] = dl(i, k) * dl(j, l) + sgn * dl(j, l) / N
    return [same(J, T)]


@claim("t-thorey-bn-dvar", "t-thorey-bn-dvar-factor")
def _bn_dvar(cid):
    N, H, eps, h, *_ = bn_setup()
    mu = h.mean(0)
    J = fd(lambda v: ((v - v.mean(0)) ** 2).mean(0), h)  # [l, i, j]
    m = [np.zeros((H, N, H)) for _ in range(4)]
    for l, i, j in np.ndindex(H, N, H):
        m[0][l, i, j] = (1 / N) * sum(2 * (dl(i, p) * dl(j, l) - dl(j, l) / N) * (h[p, l] - mu[l]) for p in range(N))
        m[1][l, i, j] = (2 / N) * (h[i, l] - mu[l]) * dl(j, l) - (2 / N**2) * sum(dl(j, l) * (h[p, l] - mu[l]) for p in range(N))
        m[2][l, i, j] = (2 / N) * (h[i, l] - mu[l]) * dl(j, l) - (2 / N) * dl(j, l) * ((1 / N) * h[:, l].sum() - mu[l])
        c = 1 if cid.endswith("factor") else 2
        m[3][l, i, j] = (c / N) * (h[i, l] - mu[l]) * dl(j, l)
    return [same(J, m[0]), same(m[0], m[1]), same(m[1], m[2]), same(m[2], m[3])]


@claim("t-thorey-bn-dhat", "t-thorey-bn-dhat-factor")
def _bn_dhat(cid):
    N, H, eps, h, *_ = bn_setup()
    J = fd(lambda v: bn_hat(v, eps), h)
    F = bn_F(h, eps, -0.5 if cid.endswith("factor") else -1.5)
    return [same(J, F)]


@claim("t-thorey-bn-dh", "t-thorey-bn-dh-factor")
def _bn_dh(cid):
    N, H, eps, h, gamma, beta = bn_setup()
    L, gL = generic_loss((N, H))
    y = gamma * bn_hat(h, eps) + beta
    G = gL(y)  # dL/dy
    mu = h.mean(0)
    s = ((h - mu) ** 2).mean(0) + eps
    lhs = fd(lambda v: L(gamma * bn_hat(v, eps) + beta), h)
    J = fd(lambda v: bn_hat(v, eps), h)
    F = bn_F(h, eps)
    m1 = np.einsum("kl,l,klij->ij", G, gamma, J)
    m2 = np.einsum("kl,l,klij->ij", G, gamma, F)
    A = np.zeros((N, H, N, H))
    B = np.zeros((N, H, N, H))
    for k, l, i, j in np.ndindex(N, H, N, H):
        A[k, l, i, j] = (dl(i, k) * dl(j, l) - dl(j, l) / N) * s[l] ** -0.5
        B[k, l, i, j] = (1 / N) * (h[k, l] - mu[l]) * (h[i, l] - mu[l]) * dl(j, l) * s[l] ** -1.5
    m3 = np.einsum("kl,l,klij->ij", G, gamma, A) - np.einsum("kl,l,klij->ij", G, gamma, B)
    m4 = np.zeros((N, H))
    m5 = np.zeros((N, H))
    cN = 1.0 if cid.endswith("factor") else N
    for i, j in np.ndindex(N, H):
        m4[i, j] = (G[i, j] * gamma[j] * s[j] ** -0.5 - (1 / N) * G[:, j].sum() * gamma[j] * s[j] ** -0.5
                    - (1 / N) * np.sum(G[:, j] * gamma[j] * (h[:, j] - mu[j]) * (h[i, j] - mu[j]) * s[j] ** -1.5))
        m5[i, j] = (1 / N) * gamma[j] * s[j] ** -0.5 * (cN * G[i, j] - G[:, j].sum()
                                                         - (h[i, j] - mu[j]) * s[j] ** -1 * np.sum(G[:, j] * (h[:, j] - mu[j])))
    return [same(lhs, m1), same(m1, m2), same(m2, m3), same(m3, m4), same(m4, m5)]


@claim("t-thorey-bn-dgamma", "t-thorey-bn-dgamma-factor")
def _bn_dgamma(cid):
    N, H, eps, h, gamma, beta = bn_setup()
    L, gL = generic_loss((N, H))
    hat = bn_hat(h, eps)
    G = gL(gamma * hat + beta)
    mu = h.mean(0)
    s = ((h - mu) ** 2).mean(0) + eps
    lhs = fd(lambda g: L(g * hat + beta), gamma)
    Jy = fd(lambda g: g * hat + beta, gamma)  # [k, l, j]
    m1 = np.einsum("kl,klj->j", G, Jy)
    m2 = np.array([sum(G[k, l] * hat[k, l] * dl(l, j) for k in range(N) for l in range(H)) for j in range(H)])
    ex = 0.5 if cid.endswith("factor") else -0.5
    m3 = np.array([np.sum(G[:, j] * (h[:, j] - mu[j]) * s[j] ** ex) for j in range(H)])
    return [same(lhs, m1), same(m1, m2), same(m2, m3)]


@claim("t-thorey-bn-dbeta", "t-thorey-bn-dbeta-factor")
def _bn_dbeta(cid):
    N, H, eps, h, gamma, beta = bn_setup()
    L, gL = generic_loss((N, H))
    hat = bn_hat(h, eps)
    G = gL(gamma * hat + beta)
    lhs = fd(lambda b: L(gamma * hat + b), beta)
    Jy = fd(lambda b: gamma * hat + b, beta)
    m1 = np.einsum("kl,klj->j", G, Jy)
    m2 = np.array([sum(G[k, l] * dl(l, j) for k in range(N) for l in range(H)) for j in range(H)])
    m3 = G.sum(0) / (N if cid.endswith("factor") else 1)
    return [same(lhs, m1), same(m1, m2), same(m2, m3)]


# ============================================================================ Thorey: conv / pool
CONV = dict(N=2, C=2, F=3, HH=2, WW=1, S=2, Hp=7, Wp=7)
CONV["Hh"] = (CONV["Hp"] - 1 - CONV["HH"]) // CONV["S"] + 1
CONV["Hw"] = (CONV["Wp"] - 1 - CONV["WW"]) // CONV["S"] + 1


def conv_setup():
    c = CONV
    xpad = RNG.normal(size=(c["N"], c["C"], c["Hp"], c["Wp"]))
    w = RNG.normal(size=(c["F"], c["C"], c["HH"] + 1, c["WW"] + 1))  # sums run p = 0..HH inclusive, as printed
    b = RNG.normal(size=c["F"])
    return xpad, w, b


def conv_fwd(xpad, w, b, with_bias=True):
    c = CONV
    y = np.zeros((c["N"], c["F"], c["Hh"], c["Hw"]))
    for n, f, k, l in np.ndindex(y.shape):
        acc = 0.0
        for ch in range(c["C"]):
            for p in range(c["HH"] + 1):
                for q in range(c["WW"] + 1):
                    acc += xpad[n, ch, p + k * c["S"], q + l * c["S"]] * w[f, ch, p, q]
        y[n, f, k, l] = acc + (b[f] if with_bias else 0.0)
    return y


def conv_fwd_variants(xpad, w, b):
    """The three printed forms of y_{n,f,k,l}: window sum p = p0..p0+Δp, shifted sum, and explicit kS."""
    c = CONV
    S, HH, WW = c["S"], c["HH"], c["WW"]
    outs = [np.zeros((c["N"], c["F"], c["Hh"], c["Hw"])) for _ in range(3)]
    for n, f, k, l in np.ndindex(outs[0].shape):
        p0, q0 = S * k, S * l
        outs[0][n, f, k, l] = sum(xpad[n, ch, p, q] * w[f, ch, p - p0, q - q0] for ch in range(c["C"])
                                  for p in range(p0, p0 + HH + 1) for q in range(q0, q0 + WW + 1)) + b[f]
        outs[1][n, f, k, l] = sum(xpad[n, ch, p + p0, q + q0] * w[f, ch, p, q] for ch in range(c["C"])
                                  for p in range(HH + 1) for q in range(WW + 1)) + b[f]
        outs[2][n, f, k, l] = sum(xpad[n, ch, p + k * S, q + l * S] * w[f, ch, p, q] for ch in range(c["C"])
                                  for p in range(HH + 1) for q in range(WW + 1)) + b[f]
    return outs


def conv_dydw(xpad, w, b, stride_in_index=True):
    c = CONV
    S = c["S"]
    lhs = fd(lambda ww: conv_fwd(xpad, ww, b), w)
    m1 = fd(lambda ww: conv_fwd(xpad, ww, b, with_bias=False), w)
    shp = (c["N"], c["F"], c["Hh"], c["Hw"], c["F"], c["C"], c["HH"] + 1, c["WW"] + 1)
    m2 = np.zeros(shp)
    m3 = np.zeros(shp)
    for n, f, k, l, fp, cp, i, j in np.ndindex(shp):
        p0, q0 = S * k, S * l
        m2[n, f, k, l, fp, cp, i, j] = sum(dl(ch, cp) * dl(f, fp) * dl(p, i) * dl(q, j) * xpad[n, ch, p + p0, q + q0]
                                           for ch in range(c["C"]) for p in range(c["HH"] + 1) for q in range(c["WW"] + 1))
        if stride_in_index:
            m3[n, f, k, l, fp, cp, i, j] = dl(f, fp) * xpad[n, cp, i + S * k, j + S * l]
        else:
            m3[n, f, k, l, fp, cp, i, j] = dl(f, fp) * xpad[n, cp, i + k, j + l]
    return [same(lhs, m1), same(m1, m2), same(m2, m3)]


@claim("t-thorey-conv-dydw", "t-thorey-conv-dydw-index")
def _conv_dydw(cid):
    xpad, w, b = conv_setup()
    return conv_dydw(xpad, w, b, stride_in_index=not cid.endswith("index"))


def conv_dw(xpad, w, b, swapped=False):
    c = CONV
    S = c["S"]
    L, gL = generic_loss((c["N"], c["F"], c["Hh"], c["Hw"]))
    G = gL(conv_fwd(xpad, w, b))
    lhs = fd(lambda ww: L(conv_fwd(xpad, ww, b)), w)
    m1 = np.zeros(w.shape)
    m2 = np.zeros(w.shape)
    for fp, cp, i, j in np.ndindex(w.shape):
        m1[fp, cp, i, j] = sum(G[n, f, k, l] * dl(f, fp) * xpad[n, cp, i + S * k, j + S * l]
                               for n, f, k, l in np.ndindex(G.shape))
        if swapped:
            m2[fp, cp, i, j] = sum(G[n, fp, k, l] * xpad[n, cp, j + S * k, i + S * l]
                                   for n, k, l in np.ndindex(c["N"], c["Hh"], c["Hw"]))
        else:
            m2[fp, cp, i, j] = sum(G[n, fp, k, l] * xpad[n, cp, i + S * k, j + S * l]
                                   for n, k, l in np.ndindex(c["N"], c["Hh"], c["Hw"]))
    return lhs, m1, m2


@claim("t-thorey-conv-dw", "t-thorey-conv-dw-swapped")
def _conv_dw(cid):
    xpad, w, b = conv_setup()
    lhs, m1, m2 = conv_dw(xpad, w, b, swapped=cid.endswith("swapped"))
    return [same(lhs, m1), same(m1, m2)]


def conv_db(xpad, w, b, drop_n=False):
    c = CONV
    L, gL = generic_loss((c["N"], c["F"], c["Hh"], c["Hw"]))
    G = gL(conv_fwd(xpad, w, b))
    lhs = fd(lambda bb: L(conv_fwd(xpad, w, bb)), b)
    Jb = fd(lambda bb: conv_fwd(xpad, w, bb), b)  # [n,f,k,l,f']
    m1 = np.einsum("nfkl,nfklg->g", G, Jb)
    m2 = np.array([sum(G[n, f, k, l] * dl(f, fp) for n, f, k, l in np.ndindex(G.shape)) for fp in range(c["F"])])
    if drop_n:  # n left free: the member must hold for every n
        per_n = [G[n].sum(axis=(1, 2)) for n in range(c["N"])]
        return [same(lhs, m1), same(m1, m2), all(same(m2, v) for v in per_n)]
    m3 = G.sum(axis=(0, 2, 3))
    return [same(lhs, m1), same(m1, m2), same(m2, m3)]


@claim("t-thorey-conv-db", "t-thorey-conv-db-index")
def _conv_db(cid):
    xpad, w, b = conv_setup()
    return conv_db(xpad, w, b, drop_n=cid.endswith("index"))


@claim("t-thorey-maxpool-dx", "t-thorey-maxpool-dx-factor")
def _maxpool(cid):
    N, C, H, W, Hp, Wp, S = 2, 2, 7, 7, 3, 3, 2
    H1, W1 = (H - Hp) // S + 1, (W - Wp) // S + 1
    x = RNG.permutation(N * C * H * W).reshape(N, C, H, W) * 0.1 + RNG.normal(size=(N, C, H, W)) * 0.01

    def pool(v):
        y = np.zeros((N, C, H1, W1))
        for n, c, k, l in np.ndindex(y.shape):
            y[n, c, k, l] = np.max(v[n, c, k * S:k * S + Hp, l * S:l * S + Wp])
        return y

    L, gL = generic_loss((N, C, H1, W1))
    G = gL(pool(x))
    lhs = fd(lambda v: L(pool(v)), x)
    Jp = fd(pool, x)
    m1 = np.einsum("nckl,ncklabij->abij", G, Jp)
    arg = {}
    for n, c, k, l in np.ndindex(G.shape):
        win = x[n, c, k * S:k * S + Hp, l * S:l * S + Wp]
        pm, qm = np.unravel_index(np.argmax(win), win.shape)
        arg[n, c, k, l] = (pm + k * S, qm + l * S)
    m2 = np.zeros(x.shape)
    m3 = np.zeros(x.shape)
    scale = 1.0 / (Hp * Wp) if cid.endswith("factor") else 1.0
    for n_, c_, i, j in np.ndindex(x.shape):
        m2[n_, c_, i, j] = sum(G[n, c, k, l] * dl(n, n_) * dl(c, c_) * dl(i, arg[n, c, k, l][0]) * dl(j, arg[n, c, k, l][1])
                               for n, c, k, l in np.ndindex(G.shape))
        m3[n_, c_, i, j] = scale * sum(G[n_, c_, k, l] * dl(i, arg[n_, c_, k, l][0]) * dl(j, arg[n_, c_, k, l][1])
                                       for k, l in np.ndindex(H1, W1))
    return [same(lhs, m1), same(m1, m2), same(m2, m3)]


# ============================================================================ TritonAcademy
def ce_setup():
    x = RNG.normal(size=6) * 1.5
    cls = int(RNG.integers(6))
    return x, cls


def CE(x, cls):
    return -np.log(softmax(x)[cls])


def lse(x):
    return np.log(np.sum(np.exp(x)))


@claim("t-mekk-ce-expand", "t-mekk-ce-expand-sign")
def _ce_expand(cid):
    x, c = ce_setup()
    s = -1.0 if cid.endswith("sign") else 1.0
    return [same(CE(x, c), -x[c] + s * lse(x))]


@claim("t-mekk-lse-grad", "t-mekk-lse-grad-term")
def _lse_grad(cid):
    x, _ = ce_setup()
    g = fd(lse, x)
    m1 = (np.ones_like(x) if cid.endswith("term") else np.exp(x)) / np.exp(x).sum()
    return [same(g, m1), same(m1, softmax(x))]


@claim("t-mekk-ce-dclass", "t-mekk-ce-dclass-sign")
def _ce_dclass(cid):
    x, c = ce_setup()
    g = fd(lambda v: CE(v, c), x)[c]
    rhs = 1 - softmax(x)[c] if cid.endswith("sign") else -1 + softmax(x)[c]
    return [same(g, rhs)]


@claim("t-mekk-ce-grad", "t-mekk-ce-grad-sign")
def _ce_grad(cid):
    x, c = ce_setup()
    g = fd(lambda v: CE(v, c), x)
    one = np.eye(6)[c]
    rhs = one - softmax(x) if cid.endswith("sign") else softmax(x) - one
    return [same(g, rhs)]


def silu(x):
    return x / (1 + np.exp(-x))


@claim("t-mekk-silu-quotient", "t-mekk-silu-quotient-sign")
def _silu_q(cid):
    x = RNG.normal(size=5) * 2
    g = np.array([fd(silu, np.array(v)) for v in x])
    s = -1.0 if cid.endswith("sign") else 1.0
    rhs = (1 + np.exp(-x) + s * x * np.exp(-x)) / (1 + np.exp(-x)) ** 2
    return [same(g, rhs)]


@claim("t-mekk-silu-sigma", "t-mekk-silu-sigma-sign")
def _silu_s(cid):
    x = RNG.normal(size=5) * 2
    g = np.array([fd(silu, np.array(v)) for v in x])
    s = sig(x)
    m1 = s + x * s - x * s**2
    m2 = s * (1 + x * (1 + s)) if cid.endswith("sign") else s * (1 + x * (1 - s))
    return [same(g, m1), same(m1, m2)]


def gelu(e):
    return 0.5 * e * (1 + erf(e / np.sqrt(2)))


@claim("t-mekk-gelu-exact", "t-mekk-gelu-exact-factor")
def _gelu_exact(cid):
    e = RNG.normal(size=5) * 1.5
    g = np.array([fd(gelu, np.array(v)) for v in e])
    c = 2.0 if cid.endswith("factor") else 1.0
    rhs = 0.5 * (1 + erf(e / np.sqrt(2))) + e / (c * np.sqrt(2 * np.pi)) * np.exp(-e**2 / 2)
    return [same(g, rhs)]


@claim("t-mekk-gelu-vprime", "t-mekk-gelu-vprime-factor")
def _gelu_v(cid):
    e = RNG.normal(size=5) * 1.5
    g = np.array([fd(lambda t: 1 + erf(t / np.sqrt(2)), np.array(v)) for v in e])
    ex = -e**2 if cid.endswith("factor") else -e**2 / 2
    return [same(g, 2 / np.sqrt(2 * np.pi) * np.exp(ex))]


GA = math.sqrt(2 / math.pi)
GB = 0.044715 * GA


def zfun(e):
    return e * (GA + GB * e**2)


def vfun(e):
    return 1 + np.tanh(zfun(e))


@claim("t-mekk-gelu-zprime", "t-mekk-gelu-zprime-factor")
def _gelu_z(cid):
    e = RNG.normal(size=5) * 1.5
    assert same(np.sqrt(2 / np.pi) * e * (1 + 0.044715 * e**2), zfun(e))  # the given's two forms agree
    g = np.array([fd(zfun, np.array(v)) for v in e])
    c = 2 if cid.endswith("factor") else 3
    return [same(g, GA + c * GB * e**2)]


@claim("t-mekk-gelu-tanh-identity", "t-mekk-gelu-tanh-identity-term")
def _gelu_id(cid):
    e = RNG.normal(size=5) * 1.5
    v = vfun(e)
    rhs = (1 - v) * v if cid.endswith("term") else (2 - v) * v
    return [same(1 - np.tanh(zfun(e)) ** 2, rhs)]


@claim("t-mekk-gelu-approx", "t-mekk-gelu-approx-factor")
def _gelu_approx(cid):
    e = RNG.normal(size=5) * 1.5
    def f(t):
        return 0.5 * t * vfun(t)
    g = np.array([fd(f, np.array(v)) for v in e])
    v = vfun(e)
    zp = GA + (1 if cid.endswith("factor") else 3) * GB * e**2
    return [same(g, 0.5 * v * (1 + e * (2 - v) * zp))]


# ============================================================================ Goubasarian
GN, GM = 3, 4


@claim("t-goubasarian-dx1", "t-goubasarian-dx1-order")
def _g_dx1(cid):
    W, X1 = RNG.normal(size=(GN, GM)), RNG.normal(size=(GM, GN))
    L, gL = generic_loss((GN, GN))
    G = gL(W @ X1)
    lhs = fd(lambda v: L(W @ v), X1)
    rhs = mm(G, W.T) if cid.endswith("order") else mm(W.T, G)
    return [same(lhs, rhs)]


@claim("t-goubasarian-dx2", "t-goubasarian-dx2-order")
def _g_dx2(cid):
    W, X2 = RNG.normal(size=(GN, GM)), RNG.normal(size=(GM, GN))
    L, gL = generic_loss((GM, GM))
    G = gL(X2 @ W)
    lhs = fd(lambda v: L(v @ W), X2)
    rhs = mm(W.T, G) if cid.endswith("order") else mm(G, W.T)
    return [same(lhs, rhs)]


@claim("t-goubasarian-dx2t", "t-goubasarian-dx2t-transpose")
def _g_dx2t(cid):
    W, X2 = RNG.normal(size=(GN, GM)), RNG.normal(size=(GM, GN))
    L, gL = generic_loss((GM, GM))
    G = gL(X2 @ W)
    lhs = fd(lambda T: L(T.T @ W), X2.T)
    rhs = mm(W, G) if cid.endswith("transpose") else mm(W, G.T)
    return [same(lhs, rhs)]


@claim("t-goubasarian-rowsum", "t-goubasarian-rowsum-transpose")
def _g_rowsum(cid):
    X = RNG.normal(size=(GN, GM))
    one = np.ones((GM, 1))
    L, gL = generic_loss((GN, 1))
    G = gL(X @ one)
    lhs = fd(lambda v: L(v @ one), X)
    rhs = mm(one, G.T) if cid.endswith("transpose") else mm(G, one.T)
    return [same(lhs, rhs)]


@claim("t-goubasarian-broadcast", "t-goubasarian-broadcast-factor")
def _g_broadcast(cid):
    x = RNG.normal(size=(GN, 1))
    one = np.ones((GM, 1))
    L, gL = generic_loss((GN, GM))
    G = gL(x @ one.T)
    lhs = fd(lambda v: L(v @ one.T), x)
    rhs = mm(G, one) / (GM if cid.endswith("factor") else 1)
    return [same(lhs, rhs)]


@claim("t-goubasarian-hadamard", "t-goubasarian-hadamard-swapped")
def _g_hadamard(cid):
    X, W = RNG.normal(size=(GN, GM)), RNG.normal(size=(GN, GM))
    L, gL = generic_loss((GN, GM))
    G = gL(X * W)
    lhs = fd(lambda v: L(v * W), X)
    rhs = G * (X if cid.endswith("swapped") else W)
    return [same(lhs, rhs)]


@claim("t-goubasarian-dv", "t-goubasarian-dv-transpose")
def _g_dv(cid):
    n, hh = 4, 3
    B = softmax_rows(RNG.normal(size=(n, n)))
    V = RNG.normal(size=(n, hh))
    L, gL = generic_loss((n, hh))
    G = gL(B @ V)
    lhs = fd(lambda v: L(B @ v), V)
    rhs = mm(B, G) if cid.endswith("transpose") else mm(B.T, G)
    return [same(lhs, rhs)]


@claim("t-goubasarian-dk-source-error")
def _g_dk(cid):
    n, dk = 4, 3
    Q, K = RNG.normal(size=(n, dk)), RNG.normal(size=(n, dk))
    L, gL = generic_loss((n, n))
    def Wf(q, k):
        return q @ k.T / dk
    Z7 = gL(Wf(Q, K))
    lhs = fd(lambda k: L(Wf(Q, k)), K)
    return [same(lhs, Z7 @ Q / np.sqrt(dk))]


@claim("t-goubasarian-qkt-source-error")
def _g_qkt(cid):
    Q, K = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3))
    return [same(Q @ K.T, K @ Q.T)]


# ============================================================================ Wayne: RNN
def rnn_out_setup():
    T, H, O = 3, 4, 3
    hs = RNG.normal(size=(T, H))
    Why, by = RNG.normal(size=(O, H)), RNG.normal(size=O)
    ys = np.eye(O)[RNG.integers(O, size=T)]
    return T, H, O, hs, Why, by, ys


def rnn_Lt(W, b, h, y):
    return -float(y @ np.log(softmax(W @ h + b)))


def sm_jac(z):
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


def rnn_out_links(cid, wrt):
    T, H, O, hs, Why, by, ys = rnn_out_setup()
    def Ltot(W, b):
        return sum(rnn_Lt(W, b, hs[t], ys[t]) for t in range(T))
    if wrt == "W":
        lhs = fd(lambda W: Ltot(W, by), Why)
        m1 = sum(fd(lambda W: rnn_Lt(W, by, hs[t], ys[t]), Why) for t in range(T))
    else:
        lhs = fd(lambda b: Ltot(Why, b), by)
        m1 = sum(fd(lambda b: rnn_Lt(Why, b, hs[t], ys[t]), by) for t in range(T))
    m2 = 0
    m3 = 0
    for t in range(T):
        z = Why @ hs[t] + by
        yh = softmax(z)
        dL_dyh = -ys[t] / yh
        gz = dL_dyh @ sm_jac(z)  # dL/dyhat . dyhat/dz
        if wrt == "W":
            dz_dW = fd(lambda W: W @ hs[t] + by, Why)  # [a, b, c]
            m2 = m2 + np.einsum("a,abc->bc", gz, dz_dW)
            if cid.endswith("order"):
                term = mm(hs[t][None, :], (yh - ys[t])[:, None])
                m3 = None if (term is None or m3 is None) else m3 + term
            else:
                m3 = m3 + np.outer(yh - ys[t], hs[t])
        else:
            dz_db = fd(lambda b: Why @ hs[t] + b, by)
            m2 = m2 + gz @ dz_db
            m3 = m3 + ((ys[t] - yh) if cid.endswith("sign") else (yh - ys[t]))
    return [same(lhs, m1), same(m1, m2), same(m2, m3)]


@claim("t-wayne-rnn-dwhy", "t-wayne-rnn-dwhy-order")
def _w_dwhy(cid):
    return rnn_out_links(cid, "W")


@claim("t-wayne-rnn-dby", "t-wayne-rnn-dby-sign")
def _w_dby(cid):
    return rnn_out_links(cid, "b")


@claim("t-wayne-rnn-dhdh", "t-wayne-rnn-dhdh-swapped")
def _w_dhdh(cid):
    H, D = 4, 3
    Whh, Wxh = RNG.normal(size=(H, H)) * 0.7, RNG.normal(size=(H, D))
    x, bh, hprev = RNG.normal(size=D), RNG.normal(size=H), RNG.normal(size=H)
    def step(hp):
        return np.tanh(Whh @ hp + Wxh @ x + bh)
    J = fd(step, hprev)
    fp = 1 - np.tanh(Whh @ hprev + Wxh @ x + bh) ** 2
    rhs = fp[:, None] * (Wxh if cid.endswith("swapped") else Whh)
    return [same(J, rhs)]


@claim("t-wayne-tanh-prime", "t-wayne-tanh-prime-sign")
def _w_tanh(cid):
    z = RNG.normal(size=5) * 1.5
    g = np.array([fd(np.tanh, np.array(v)) for v in z])
    s = 1.0 if cid.endswith("sign") else -1.0
    return [same(g, 1 + s * np.tanh(z) ** 2)]


# ============================================================================ dscamiss
def cos_S(x, y):
    return float(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)))


def cos_setup():
    n = 5
    return RNG.normal(size=n), RNG.normal(size=n), RNG.normal(size=n), RNG.normal(size=n)


@claim("t-dscamiss-norm-deriv", "t-dscamiss-norm-deriv-factor")
def _d_norm(cid):
    x, _, xt, _ = cos_setup()
    lhs = dd(np.linalg.norm, x, xt)
    nx = np.linalg.norm(x)
    rhs = xt @ x / (nx**2 if cid.endswith("factor") else nx)
    return [same(lhs, rhs)]


def cos_dx_members(x, y, xt, mutated=False):
    nx, ny = np.linalg.norm(x), np.linalg.norm(y)
    S = cos_S(x, y)
    m1 = (nx * ny * (xt @ y) - (x @ y) * (xt @ x) / nx * ny) / (nx**2 * ny**2)
    m2 = (xt @ y) / (nx * ny) - (x @ y) * (xt @ x) / ((nx**2 if mutated else nx**3) * ny)
    m3 = (xt @ y) / (nx * ny) - S * (xt @ x) / nx**2
    m4 = xt @ (y / (nx * ny) - S / nx**2 * x)
    return m1, m2, m3, m4


@claim("t-dscamiss-cos-dx", "t-dscamiss-cos-dx-factor")
def _d_cosdx(cid):
    x, y, xt, _ = cos_setup()
    lhs = dd(lambda v: cos_S(v, y), x, xt)
    m1, m2, m3, m4 = cos_dx_members(x, y, xt, mutated=cid.endswith("factor"))
    return [same(lhs, m1), same(m1, m2), same(m2, m3), same(m3, m4)]


@claim("t-dscamiss-cos-grad", "t-dscamiss-cos-grad-swapped")
def _d_cosgrad(cid):
    x, y, _, _ = cos_setup()
    n = len(x)
    g = fd(lambda v: cos_S(v[:n], v[n:]), np.concatenate([x, y]))
    nx, ny = np.linalg.norm(x), np.linalg.norm(y)
    S = cos_S(x, y)
    gx = y / (nx * ny) - S / nx**2 * x
    gy = x / (nx * ny) - S / ((nx if cid.endswith("swapped") else ny) ** 2) * y
    return [same(g, np.concatenate([gx, gy]))]


def dsig(x, h):
    s = softmax(x)
    return s * h - (s @ h) * s


@claim("t-dscamiss-softmax-d1", "t-dscamiss-softmax-d1-sign")
def _d_sm1(cid):
    x, h = RNG.normal(size=5), RNG.normal(size=5)
    lhs = dd(softmax, x, h)
    s = softmax(x)
    rhs = s * h + (1 if cid.endswith("sign") else -1) * (s @ h) * s
    return [same(lhs, rhs)]


@claim("t-dscamiss-softmax-jac", "t-dscamiss-softmax-jac-transpose")
def _d_smjac(cid):
    x = RNG.normal(size=5)
    J = fd(softmax, x)
    s = softmax(x)
    rhs = np.diag(s) - (s @ s if cid.endswith("transpose") else np.outer(s, s))
    return [same(J, rhs)]


@claim("t-dscamiss-softmax-d2", "t-dscamiss-softmax-d2-factor")
def _d_sm2(cid):
    x, h1, h2 = RNG.normal(size=5), RNG.normal(size=5), RNG.normal(size=5)
    lhs = dd(lambda v: dsig(v, h1), x, h2)
    s = softmax(x)
    c = 1.0 if cid.endswith("factor") else 2.0
    rhs = (s * h1 * h2 - (s @ h2) * s * h1 - (s @ h1) * s * h2 - (s @ (h1 * h2)) * s
           + c * (s @ h1) * (s @ h2) * s)
    return [same(lhs, rhs)]


# ============================================================================ Ankur Goswami
@claim("t-goswami-softmax-backprop", "t-goswami-softmax-backprop-term")
def _a_smbp(cid):
    z = RNG.normal(size=5)
    L, gL = generic_loss(5)
    a = softmax(z)
    dA = gL(a)
    dZ = fd(lambda v: L(softmax(v)), z)
    rhs = a * (dA - (dA.sum() if cid.endswith("term") else dA @ a))
    return [same(dZ, rhs)]


@claim("t-goswami-softmax-jacobian", "t-goswami-softmax-jacobian-sign")
def _a_smjac(cid):
    z = RNG.normal(size=5)
    J = fd(softmax, z)
    a = softmax(z)
    off = 1.0 if cid.endswith("sign") else -1.0
    rhs = np.array([[a[i] * (1 - a[i]) if i == j else off * a[i] * a[j] for j in range(5)] for i in range(5)])
    return [same(J, rhs)]


@claim("t-goswami-tanh-prime", "t-goswami-tanh-prime-sign")
def _a_tanh(cid):
    x = RNG.normal(size=5) * 1.5
    def tanh_def(t):
        return (np.exp(t) - np.exp(-t)) / (np.exp(t) + np.exp(-t))
    g = np.array([fd(tanh_def, np.array(v)) for v in x])
    rhs = np.tanh(x) ** 2 - 1 if cid.endswith("sign") else 1 - np.tanh(x) ** 2
    return [same(g, rhs)]


@claim("t-goswami-sigmoid-prime", "t-goswami-sigmoid-prime-sign")
def _a_sig(cid):
    x = RNG.normal(size=5) * 1.5
    g = np.array([fd(sig, np.array(v)) for v in x])
    rhs = sig(x) * (1 + sig(x)) if cid.endswith("sign") else sig(x) * (1 - sig(x))
    return [same(g, rhs)]


@claim("t-goswami-relu-prime", "t-goswami-relu-prime-swapped")
def _a_relu(cid):
    x = RNG.choice([-1, 1], size=6) * RNG.uniform(0.1, 2.0, size=6)
    g = np.array([fd(lambda t: np.maximum(0, t), np.array(v)) for v in x])
    pos, neg = (0.0, 1.0) if cid.endswith("swapped") else (1.0, 0.0)
    return [same(g, np.where(x > 0, pos, neg))]


def dense_setup():
    Bt, din, dout = 4, 3, 2
    return RNG.normal(size=(Bt, din)), RNG.normal(size=(din, dout)), RNG.normal(size=dout)


@claim("t-goswami-dense-dz", "t-goswami-dense-dz-sigma-prime")
def _a_dz(cid):
    X, W, b = dense_setup()
    Z = X @ W + b
    L, gL = generic_loss(Z.shape)
    dA = gL(np.tanh(Z))
    dZ = fd(lambda z: L(np.tanh(z)), Z)
    fprime = np.tanh(Z) if cid.endswith("sigma-prime") else 1 - np.tanh(Z) ** 2
    return [same(dZ, dA * fprime)]


@claim("t-goswami-dense-dw", "t-goswami-dense-dw-transpose")
def _a_dw(cid):
    X, W, b = dense_setup()
    L, gL = generic_loss((X.shape[0], W.shape[1]))
    dZ = gL(X @ W + b)
    lhs = fd(lambda w: L(X @ w + b), W)
    rhs = mm(dZ.T, X) if cid.endswith("transpose") else mm(X.T, dZ)
    return [same(lhs, rhs)]


@claim("t-goswami-dense-dx", "t-goswami-dense-dx-transpose")
def _a_dx(cid):
    X, W, b = dense_setup()
    L, gL = generic_loss((X.shape[0], W.shape[1]))
    dZ = gL(X @ W + b)
    lhs = fd(lambda x: L(x @ W + b), X)
    rhs = mm(dZ, W) if cid.endswith("transpose") else mm(dZ, W.T)
    return [same(lhs, rhs)]


def attn_setup():
    n, dk, hv = 4, 3, 2
    Q, K, V = RNG.normal(size=(n, dk)), RNG.normal(size=(n, dk)), RNG.normal(size=(n, hv))
    L, gL = generic_loss((n, hv))
    return n, dk, Q, K, V, L, gL


@claim("t-goswami-attn-dv", "t-goswami-attn-dv-transpose")
def _at_dv(cid):
    n, dk, Q, K, V, L, gL = attn_setup()
    P = softmax_rows(Q @ K.T / np.sqrt(dk))
    dA = gL(P @ V)
    lhs = fd(lambda v: L(P @ v), V)
    rhs = mm(P, dA) if cid.endswith("transpose") else mm(P.T, dA)
    return [same(lhs, rhs)]


@claim("t-goswami-attn-dweights", "t-goswami-attn-dweights-order")
def _at_dw(cid):
    n, dk, Q, K, V, L, gL = attn_setup()
    P = softmax_rows(Q @ K.T / np.sqrt(dk))
    dA = gL(P @ V)
    lhs = fd(lambda p: L(p @ V), P)
    rhs = mm(V.T, dA) if cid.endswith("order") else mm(dA, V.T)
    return [same(lhs, rhs)]


def attn_dM(Q, K, V, L, dk):
    M = Q @ K.T
    dM = fd(lambda m: L(softmax_rows(m / np.sqrt(dk)) @ V), M)
    dS = fd(lambda s: L(softmax_rows(s) @ V), M / np.sqrt(dk))
    return dM, dS


@claim("t-goswami-attn-unscale", "t-goswami-attn-unscale-factor")
def _at_unscale(cid):
    n, dk, Q, K, V, L, gL = attn_setup()
    dM, dS = attn_dM(Q, K, V, L, dk)
    rhs = dS * np.sqrt(dk) if cid.endswith("factor") else dS / np.sqrt(dk)
    return [same(dM, rhs)]


@claim("t-goswami-attn-dq", "t-goswami-attn-dq-transpose")
def _at_dq(cid):
    n, dk, Q, K, V, L, gL = attn_setup()
    dM, _ = attn_dM(Q, K, V, L, dk)
    lhs = fd(lambda q: L(softmax_rows(q @ K.T / np.sqrt(dk)) @ V), Q)
    rhs = mm(dM.T, K) if cid.endswith("transpose") else mm(dM, K)
    return [same(lhs, rhs)]


@claim("t-goswami-attn-dk", "t-goswami-attn-dk-transpose")
def _at_dk(cid):
    n, dk, Q, K, V, L, gL = attn_setup()
    dM, _ = attn_dM(Q, K, V, L, dk)
    lhs = fd(lambda k: L(softmax_rows(Q @ k.T / np.sqrt(dk)) @ V), K)
    rhs = mm(dM, Q) if cid.endswith("transpose") else mm(dM.T, Q)
    return [same(lhs, rhs)]


# ============================================================================ documents
DEF = None


def doc_layernorm(mutated):
    n = 5
    X = RNG.normal(size=n) * 1.3 + 0.4
    gam, bet = RNG.normal(size=n), RNG.normal(size=n)
    L, gL = generic_loss(n)
    def mean(v):
        return v.mean()
    def std(v):
        return np.sqrt(((v - v.mean()) ** 2).mean())
    def xhat(v):
        return (v - mean(v)) / std(v)
    mu, sg = mean(X), std(X)
    Xh = xhat(X)
    gY = gL(gam * Xh + bet)
    gXh_fd = fd(lambda u: L(gam * u + bet), Xh)
    JY = fd(lambda u: gam * u + bet, Xh)
    gX_fd = fd(lambda v: L(gam * xhat(v) + bet), X)
    Jx = fd(xhat, X)  # [i, j] = d xhat_i / d X_j
    gXh = gY * gam
    r = {}
    r["grad_xhat"] = [DEF, same(gXh_fd, JY.T @ gY), same(JY.T @ gY, gXh)]
    r["grad_x_chain"] = [same(gX_fd, Jx @ gXh_fd)]
    r["direct"] = [same(fd(lambda v: (v - mu) / sg, X), np.eye(n) / sg)]
    dmu = fd(mean, X)
    r["dmu"] = [same(dmu, np.full(n, 1 / n))]
    i, j = 1, 3
    dxi_dmu = fd(lambda m: (X[i] - m) / sg, np.array(mu))
    r["dxhat_dmu"] = [same(dxi_dmu, -1 / sg)]
    r["via_mu"] = [DEF, same(dxi_dmu * dmu[j], -1 / sg * 1 / n), same(-1 / sg * 1 / n, -1 / (n * sg))]
    dsq = fd(lambda v: (v[j] - v.mean()) ** 2, X)[j]
    r["dsq"] = [same(dsq, 2 * (X[j] - mu) * (1 - dmu[j])), same(2 * (X[j] - mu) * (1 - dmu[j]), 2 * (X[j] - mu) * (1 - 1 / n))]
    dsig_fd = fd(std, X)
    others = sum(2 * (X[k] - mu) / n for k in range(n) if k != j)
    r["dsig_long"] = [same(dsig_fd[j], 1 / (2 * sg) * (1 / n) * (2 * (X[j] - mu) * (1 - 1 / n) - others))]
    r["dsig"] = [same(dsig_fd, (X - mu) / (sg if mutated else n * sg))]
    r["dsig_hat"] = [same(dsig_fd, Xh / n)]
    dxi_ds = fd(lambda s: (X[i] - mu) / s, np.array(sg))
    r["dxhat_dsig"] = [same(dxi_ds, -(X[i] - mu) / sg**2), same(-(X[i] - mu) / sg**2, -Xh[i] / sg)]
    r["via_sig"] = [DEF, same(dxi_ds * dsig_fd[j], -Xh[i] / sg * Xh[j] / n), same(-Xh[i] / sg * Xh[j] / n, -Xh[i] * Xh[j] / (n * sg))]
    comp = gXh / sg - gXh.sum() / (n * sg) - Xh / (n * sg) * np.sum(gXh * Xh)
    r["grad_i"] = [same(gX_fd, Jx @ gXh), same(Jx @ gXh, comp)]
    r["grad_vec"] = [same(gX_fd, gXh / sg - np.ones(n) * gXh.sum() / (n * sg) - Xh * np.sum(gXh * Xh) / (n * sg))]
    r["subst"] = [same(gXh_fd, gY * gam)]
    last = (1.0 if mutated else 1 / n) * np.sum(gY * gam * Xh)
    r["grad_final"] = [same(gX_fd, (gY * gam - np.ones(n) * np.sum(gY * gam) / n - Xh * last) / sg)]
    r["compact"] = [same(gX_fd, (gY * gam - (Xh @ (gY * gam) / n) * Xh - (gY @ gam) / n) / sg)]
    order = ["grad_xhat", "grad_x_chain", "direct", "dmu", "dxhat_dmu", "via_mu", "dsq", "dsig_long", "dsig",
             "dsig_hat", "dxhat_dsig", "via_sig", "grad_i", "grad_vec", "subst", "grad_final", "compact"]
    return [[DEF]] * 4 + [r[k] for k in order]


def doc_cross_entropy():
    x, c = ce_setup()
    i = (c + 1) % 6
    def z(v):
        return lse(v)
    g_ce = fd(lambda v: CE(v, c), x)
    g_alt = fd(lambda v: -v[c] + z(v), x)
    g_z = fd(z, x)
    g_sum = fd(lambda v: np.sum(np.exp(v)), x)
    sm = softmax(x)
    out = [[DEF], [DEF],
           [same(CE(x, c), -np.log(np.exp(x[c]) / np.exp(x).sum()))],
           [same(CE(x, c), -x[c] + lse(x))],
           [DEF],
           [same(g_ce[c], g_alt[c])],
           [same(g_ce[c], -1 + g_z[c])],
           [same(g_z[c], 1 / np.exp(x).sum() * g_sum[c])],
           [same(g_z[c], np.exp(x[c]) / np.exp(x).sum()), same(np.exp(x[c]) / np.exp(x).sum(), sm[c])],
           [same(g_ce[c], -1 + sm[c])],
           [same(g_ce[i], 0 + g_z[i])],
           [same(g_z[i], 1 / np.exp(x).sum() * np.exp(x[i]))],
           [same(g_ce[i], sm[i])],
           [same(g_ce, sm - np.eye(6)[c])]]
    return out


def doc_conv():
    xpad, w, b = conv_setup()
    o = conv_fwd_variants(xpad, w, b)
    c = CONV
    L, gL = generic_loss((c["N"], c["F"], c["Hh"], c["Hw"]))
    G = gL(conv_fwd(xpad, w, b))
    lhs = fd(lambda ww: L(conv_fwd(xpad, ww, b)), w)
    Jw = fd(lambda ww: conv_fwd(xpad, ww, b), w)
    chain = np.einsum("nfkl,nfklabcd->abcd", G, Jw)
    lw, m1, m2 = conv_dw(xpad, w, b)
    return ([[DEF]] * 6
            + [[DEF, same(o[0], o[1]), same(o[1], o[2])],
               [same(lhs, chain)],
               conv_dydw(xpad, w, b),
               [same(lw, m1), same(m1, m2)],
               conv_db(xpad, w, b)])


def doc_cosine():
    x, y, xt, yt = cos_setup()
    nx, ny = np.linalg.norm(x), np.linalg.norm(y)
    S = cos_S(x, y)
    tot = dd(lambda v: cos_S(v[:5], v[5:]), np.concatenate([x, y]), np.concatenate([xt, yt]))
    dxS = dd(lambda v: cos_S(v, y), x, xt)
    dyS = dd(lambda v: cos_S(x, v), y, yt)
    m1, m2, m3, m4 = cos_dx_members(x, y, xt)
    gx = y / (nx * ny) - S / nx**2 * x
    gy = x / (nx * ny) - S / ny**2 * y
    rearr = (xt @ y + x @ yt) / (nx * ny) - S * ((xt @ x) / nx**2 - (y @ yt) / ny**2)
    g = fd(lambda v: cos_S(v[:5], v[5:]), np.concatenate([x, y]))
    return [[DEF],
            [same(tot, dxS + dyS)],
            [same(dxS, m1), same(m1, m2), same(m2, m3), same(m3, m4)],
            [same(dd(np.linalg.norm, x, xt), xt @ x / nx)],
            [same(dyS, yt @ gy)],
            [same(tot, xt @ gx + yt @ gy)],
            [same(tot, rearr)],
            [DEF],
            [same(g, np.concatenate([gx, gy]))]]


def doc_rnn():
    T, H, O, hs, Why, by, ys = rnn_out_setup()
    Lts = [rnn_Lt(Why, by, hs[t], ys[t]) for t in range(T)]
    Lsum = -sum(ys[t] @ np.log(softmax(Why @ hs[t] + by)) for t in range(T))
    t = 1
    z = Why @ hs[t] + by
    dLdz = fd(lambda v: -float(ys[t] @ np.log(softmax(v))), z)
    # restated recurrence h_j = f(...): both sides computed independently (recurrence unrolled vs. formula)
    Hd, D = 4, 3
    Whh, Wxh, bh = RNG.normal(size=(Hd, Hd)) * 0.7, RNG.normal(size=(Hd, D)), RNG.normal(size=Hd)
    xs = RNG.normal(size=(3, D))
    hseq = [np.zeros(Hd)]
    for j in range(3):
        hseq.append(np.tanh(Whh @ hseq[-1] + Wxh @ xs[j] + bh))
    restated = same(hseq[2], np.tanh(Whh @ hseq[1] + Wxh @ xs[1] + bh))
    zz = RNG.normal(size=5)
    zpos = RNG.uniform(0.1, 2, size=5)
    return [[DEF], [DEF], [DEF],
            [DEF, same(sum(Lts), Lsum)],
            rnn_out_links("t-wayne-rnn-dwhy", "W"),
            rnn_out_links("t-wayne-rnn-dby", "b"),
            [same(dLdz, softmax(z) - ys[t])],
            [restated],
            _w_dhdh("t-wayne-rnn-dhdh"),
            [same(np.array([fd(np.tanh, np.array(v)) for v in zz]), 1 - np.tanh(zz) ** 2)],
            [same(np.array([fd(sig, np.array(v)) for v in zz]), sig(zz) * (1 - sig(zz)))],
            [same(np.array([fd(lambda q: np.maximum(0, q), np.array(v)) for v in zpos]), np.ones(5))]]


DOCS = {
    "mekk-layernorm-backward": lambda: doc_layernorm(False),
    "mekk-layernorm-backward-mutated": lambda: doc_layernorm(True),
    "mekk-cross-entropy": doc_cross_entropy,
    "thorey-conv-backward": doc_conv,
    "dscamiss-cosine-similarity": doc_cosine,
    "wayne-rnn-bptt": doc_rnn,
}


# ============================================================================ driver
def main():
    failures = []
    items = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate claim ids"
    missing = [i for i in ids if i not in CLAIMS]
    extra = [i for i in CLAIMS if i not in ids]
    assert not missing and not extra, (missing, extra)
    n_valid = n_invalid = 0
    for it in items:
        verdicts = []
        for _ in range(TRIALS):
            res = CLAIMS[it["id"]](it["id"])
            assert all(isinstance(v, bool) for v in res), it["id"]
            verdicts.append(all(res))
        if it["expect"] == "valid":
            n_valid += 1
            ok = all(verdicts)
        else:
            n_invalid += 1
            ok = not any(verdicts)
        if not ok:
            failures.append(f"claim {it['id']}: expect {it['expect']}, numbers say {verdicts}")
    checked_claims = len(items)
    assert checked_claims == n_valid + n_invalid == len(CLAIMS)

    doc_files = sorted(p.name[: -len(".expect.yaml")] for p in (HERE / "docs").glob("*.expect.yaml"))
    assert sorted(DOCS) == doc_files, (sorted(DOCS), doc_files)
    n_links = n_eq = 0
    for name in doc_files:
        exp = yaml.safe_load((HERE / "docs" / f"{name}.expect.yaml").read_text())
        md = (HERE / "docs" / f"{name}.md").read_text().splitlines()
        for trial in range(TRIALS):
            got = DOCS[name]()
            assert len(got) == len(exp["links"]), (name, len(got), len(exp["links"]))
            for link, res in zip(exp["links"], got, strict=False):
                assert len(res) == len(link["expect"]), (name, link["line"])
                line = md[link["line"] - 1]
                assert link["text"] in line, (name, link["line"], line)  # the entry points at its own line
                if trial == 0:
                    n_links += 1
                for e, r in zip(link["expect"], res, strict=False):
                    if trial == 0:
                        n_eq += 1
                    if e == "definition":
                        if r is not DEF:
                            failures.append(f"doc {name} line {link['line']}: definition expected")
                    elif r is DEF or (e == "valid") != r:
                        failures.append(f"doc {name} line {link['line']}: expect {e}, numbers say {r} (trial {trial})")
    print(f"claims checked: {checked_claims} ({n_valid} valid, {n_invalid} invalid), {TRIALS} random draws each")
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
