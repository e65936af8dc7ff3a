# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zzc).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, expectations under Gaussians by Gauss-Hermite
quadrature, identities by direct evaluation, printed numbers compared with one unit of the last
printed digit).  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261208)
RTOL, ATOL = 1e-6, 1e-7
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
        xp.flat[j] += h
        xm.flat[j] -= h
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))).ravel() / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        with np.errstate(all="ignore"):
            return bool(fn())
    except (ValueError, IndexError):  # shape mismatch means the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def every(pts, n=NPTS):
    """a list-valued predicate (one entry per link) must agree at every random point"""
    res = None
    for _ in range(n):
        with np.errstate(all="ignore"):
            r = pts()
        r = [None if v is None else bool(v) for v in r]
        if res is None:
            res = r
        else:
            res = [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


def chain(*vals):
    """links of a = b = c = ...: list of close() of consecutive values"""
    return [close(a, b) for a, b in zip(vals, vals[1:])]


CHECK = {}
DOCS = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def claim(cid, pred):
    """claim holds iff the predicate (all links) holds at every random point"""
    assert cid not in CHECK, cid
    CHECK[cid] = lambda: for_all(pred)


# Gauss-Hermite (probabilists'): E_{z~N(0,1)}[h(z)] = sum w h(z) / sqrt(2 pi)
GH_Z, GH_W = np.polynomial.hermite_e.hermegauss(60)
GH_W = GH_W / math.sqrt(2 * math.pi)


def E1(mu, s, h):
    """E[h(x)] for x ~ N(mu, s^2)"""
    return float(np.sum(GH_W * h(mu + s * GH_Z)))


def npdf(x, mu, s):
    return np.exp(-(x - mu) ** 2 / (2 * s * s)) / np.sqrt(2 * np.pi * s * s)


def lognpdf(x, mu, s):
    """log of the Gaussian density, evaluated without underflow at far quadrature nodes"""
    return -(x - mu) ** 2 / (2 * s * s) - 0.5 * np.log(2 * np.pi * s * s)


# ======================= A: sneer / t-SNE =======================
def sne_data(N=5, K=2, sym=True):
    Y = rng.normal(size=(N, K))
    P = rng.uniform(0.1, 1.0, size=(N, N))
    np.fill_diagonal(P, 0.0)
    if sym:
        P = P + P.T
    P = P / P.sum()
    return Y, P


def sq_dist(Y):
    diff = Y[:, None, :] - Y[None, :, :]
    return (diff ** 2).sum(-1)


def kern(F, kind):
    return 1.0 / (1.0 + F) if kind == "t" else np.exp(-F)


def qmat(Y, kind):
    W = kern(sq_dist(Y), kind)  # all pairs kl, as printed (\sum_{kl} w_{kl})
    return W / W.sum(), W, W.sum()


def kl_cost(Y, P, kind):
    Q, _, _ = qmat(Y, kind)
    m = P > 0
    return float(np.sum(P[m] * np.log(P[m] / Q[m])))


def fd_grad_yi(P, Y, i, kind):
    def c(yi):
        YY = Y.copy()
        YY[i] = yi
        return kl_cost(YY, P, kind)
    return fd(c, Y[i])


# distance, transform
def _ddist(form):
    def pred():
        Y = rng.normal(size=(2, 3))
        yi, yj = Y
        d = np.linalg.norm(yi - yj)
        lhs = fd(lambda y: np.linalg.norm(y - yj), yi)
        return close(lhs, form(yi, yj, d))
    return pred


claim("zzc-sne-ddist", _ddist(lambda yi, yj, d: (yi - yj) / d))
claim("zzc-sne-ddist-sign", _ddist(lambda yi, yj, d: (yj - yi) / d))
claim("zzc-sne-ddist-sq", _ddist(lambda yi, yj, d: (yi - yj) / d ** 2))


def _dfdd(k):
    def pred():
        d = rng.uniform(0.3, 2.0)
        return close(d1(lambda t: t ** 2, d), k * d)
    return pred


claim("zzc-sne-dfdd", _dfdd(2.0))
claim("zzc-sne-dfdd-nofactor", _dfdd(1.0))


def _wmat(n=4):
    return rng.uniform(0.2, 1.5, size=(n, n))


def _dqdw_same(variant):
    def pred():
        W = _wmat()
        i, j = 1, 2
        S = W.sum()
        q = W[i, j] / S

        def qij(t):
            WW = W.copy()
            WW[i, j] = t
            return WW[i, j] / WW.sum()
        lhs = d1(qij, W[i, j])
        mid = (S - W[i, j]) / S ** 2
        last = 1 / S - q / S
        if variant == "exp":
            last = 1 / S - q / S ** 2
        if variant == "nodenom":
            return close(lhs, 1 / S)
        return all(chain(lhs, mid, last))
    return pred


claim("zzc-sne-dqdw-same", _dqdw_same(None))
claim("zzc-sne-dqdw-same-exp", _dqdw_same("exp"))
claim("zzc-sne-dqdw-same-nodenom", _dqdw_same("nodenom"))


def _dqdw_other(sgn):
    def pred():
        W = _wmat()
        i, j, k, l = 1, 2, 3, 0
        S = W.sum()

        def qkl(t):
            WW = W.copy()
            WW[i, j] = t
            return WW[k, l] / WW.sum()
        lhs = d1(qkl, W[i, j])
        return all(chain(lhs, sgn * W[k, l] / S ** 2, sgn * (W[k, l] / S) / S))
    return pred


claim("zzc-sne-dqdw-other", _dqdw_other(-1.0))
claim("zzc-sne-dqdw-other-sign", _dqdw_other(1.0))


def _pq_free(n=4):
    P = rng.uniform(0.1, 1, size=(n, n))
    Q = rng.uniform(0.1, 1, size=(n, n))
    return P / P.sum(), Q / Q.sum()


def _kl_dq(form, reverse=False):
    def pred():
        P, Q = _pq_free()
        i, j = 2, 1

        def C(t):
            QQ = Q.copy()
            QQ[i, j] = t
            return np.sum(QQ * np.log(QQ / P)) if reverse else np.sum(P * np.log(P / QQ))
        return close(d1(C, Q[i, j]), form(P[i, j], Q[i, j]))
    return pred


claim("zzc-sne-kl-dq", _kl_dq(lambda p, q: -p / q))
claim("zzc-sne-kl-dq-sign", _kl_dq(lambda p, q: p / q))
claim("zzc-sne-kl-dq-swap", _kl_dq(lambda p, q: -q / p))
claim("zzc-sne-rkl-dq", _kl_dq(lambda p, q: np.log(q / p) + 1, reverse=True))
claim("zzc-sne-rkl-dq-noone", _kl_dq(lambda p, q: np.log(q / p), reverse=True))


def _kernel(w_of_f, forms, params=lambda: {}):
    """forms(f, w, **params) -> list of the printed expressions after the derivative"""
    def pred():
        pr = params()
        f = rng.uniform(0.2, 3.0)
        lhs = d1(lambda t: w_of_f(t, **pr), f)
        return all(chain(lhs, *forms(f, w_of_f(f, **pr), **pr)))
    return pred


beta_p = lambda: dict(b=rng.uniform(0.5, 2.0))
claim("zzc-sne-gauss-kernel", _kernel(lambda f, b: np.exp(-b * f), lambda f, w, b: [-b * np.exp(-b * f), -b * w], beta_p))
claim("zzc-sne-gauss-kernel-sign", _kernel(lambda f, b: np.exp(-b * f), lambda f, w, b: [b * np.exp(-b * f), b * w], beta_p))
claim("zzc-sne-t-kernel", _kernel(lambda f: 1 / (1 + f), lambda f, w: [-1 / (1 + f) ** 2, -w ** 2]))
claim("zzc-sne-t-kernel-exp", _kernel(lambda f: 1 / (1 + f), lambda f, w: [-1 / (1 + f) ** 2, -w]))
claim("zzc-sne-t-kernel-sign", _kernel(lambda f: 1 / (1 + f), lambda f, w: [1 / (1 + f) ** 2, w ** 2]))
ab_p = lambda: dict(a=rng.uniform(0.3, 2.5), b=rng.uniform(0.5, 2.0))
heavy = lambda f, a, b: (1 + a * b * f) ** (-1 / a)
claim("zzc-sne-heavy-kernel", _kernel(heavy, lambda f, w, a, b: [-b / (1 + a * b * f) ** ((a + 1) / a), -b * w ** (a + 1)], ab_p))
claim("zzc-sne-heavy-kernel-exp", _kernel(heavy, lambda f, w, a, b: [-b / (1 + a * b * f) ** ((a + 1) / a), -b * w ** a], ab_p))
nu_p = lambda: dict(nu=rng.uniform(0.5, 5.0))
inhom = lambda f, nu: (1 + f / nu) ** (-(nu + 1) / 2)
claim("zzc-sne-inhom-kernel", _kernel(inhom, lambda f, w, nu: [-(nu + 1) / (2 * (f + nu)) * w], nu_p))
claim("zzc-sne-inhom-kernel-half", _kernel(inhom, lambda f, w, nu: [-(nu + 1) / (f + nu) * w], nu_p))
mb_p = lambda: dict(m=rng.uniform(0.3, 3.0), b=rng.uniform(0.5, 2.0))
wss = lambda f, m, b: m * np.exp(-b * f)
claim("zzc-sne-wssne-kernel", _kernel(wss, lambda f, w, m, b: [-b * m * np.exp(-b * f), -b * w], mb_p))
claim("zzc-sne-wssne-kernel-m", _kernel(wss, lambda f, w, m, b: [-b * m * np.exp(-b * f), -b * m * w], mb_p))
m_p = lambda: dict(m=rng.uniform(0.3, 3.0))
wts = lambda f, m: m / (1 + f)  # w = m / (1 + d^2) with f = d^2
claim("zzc-sne-wtsne-kernel", _kernel(wts, lambda f, w, m: [-m / (1 + f) ** 2, -w ** 2 / m], m_p))
claim("zzc-sne-wtsne-kernel-swap", _kernel(wts, lambda f, w, m: [-m / (1 + f) ** 2, -w ** 2 * m], m_p))


# k_ij identities
def _kpoint(n_pow=2):
    W = _wmat()
    S = W.sum()
    Q = W / S
    P = rng.uniform(0.1, 1, size=W.shape)
    P = P / P.sum()
    i, j = 1, 3
    dw = -W[i, j] ** n_pow
    return W, S, Q, P, i, j, dw


def k_from_def(S, Q, P, i, j, dw):
    dC = -P / Q
    return (1 / S) * (dC[i, j] - np.sum(dC * Q)) * dw


def _kij_def():
    W, S, Q, P, i, j, _ = _kpoint()
    dw = -W[i, j] ** 2  # t kernel

    def C_of_w(t):
        WW = W.copy()
        WW[i, j] = t
        QQ = WW / WW.sum()
        return np.sum(P * np.log(P / QQ))
    first = d1(C_of_w, W[i, j]) * dw  # [sum_kl dC/dq_kl dq_kl/dw_ij] dw/df
    return all(chain(first, k_from_def(S, Q, P, i, j, dw)))


claim("zzc-sne-kij-def", _kij_def)


def _kij_kl(variant):
    def pred():
        W, S, Q, P, i, j, dw = _kpoint()
        p, q = P[i, j], Q[i, j]
        k = k_from_def(S, Q, P, i, j, dw)
        a = (1 / S) * (-p / q - np.sum(-P / Q * Q)) * dw
        b = (1 / S) * (-p / q + np.sum(P)) * dw
        c = (1 / S) * (-p / q + 1) * dw
        if variant == "sign":
            c = (1 / S) * (-p / q - 1) * dw
        if variant == "keepq":
            b = (1 / S) * (-p / q + np.sum(P / Q)) * dw
            return all(chain(k, a, b))
        return all(chain(k, a, b, c))
    return pred


claim("zzc-sne-kij-kl", _kij_kl(None))
claim("zzc-sne-kij-kl-sign", _kij_kl("sign"))
claim("zzc-sne-kij-kl-keepq", _kij_kl("keepq"))


def _kij_wn(variant):
    def pred():
        ok = True
        for n_pow in (1, 2):
            W, S, Q, P, i, j, dw = _kpoint(n_pow)
            p, q, w = P[i, j], Q[i, j], W[i, j]
            k = (1 / S) * (-p / q + 1) * dw
            b = -(w ** n_pow) / S * (-p / q + 1)
            c = -(w ** (n_pow - 1)) * q * (-p / q + 1)
            if variant == "exp":
                c = -(w ** n_pow) * q * (-p / q + 1)
            ok = ok and all(chain(k, b, c))
        return ok
    return pred


claim("zzc-sne-kij-wn", _kij_wn(None))
claim("zzc-sne-kij-wn-exp", _kij_wn("exp"))


def _kij_final(sgn):
    def pred():
        ok = True
        for n_pow in (1, 2):
            W, S, Q, P, i, j, dw = _kpoint(n_pow)
            k = k_from_def(S, Q, P, i, j, dw)
            ok = ok and close(k, W[i, j] ** (n_pow - 1) * sgn * (P[i, j] - Q[i, j]))
        return ok
    return pred


claim("zzc-sne-kij-final", _kij_final(1.0))
claim("zzc-sne-kij-final-sign", _kij_final(-1.0))


def k_matrix(Y, P, kind):
    Q, W, S = qmat(Y, kind)
    dC = np.where(P > 0, -P / Q, 0.0)
    dw = -W ** 2 if kind == "t" else -W
    return (1 / S) * (dC - np.sum(dC * Q)) * dw


def _master(both):
    def pred():
        Y, P = sne_data()
        i = 2
        g = fd_grad_yi(P, Y, i, "t")
        K = k_matrix(Y, P, "t")
        kk = K[i] + K[:, i] if both else K[i]
        return close(g, 2 * np.sum(kk[:, None] * (Y[i] - Y), 0), rtol=1e-5, atol=1e-7)
    return pred


claim("zzc-sne-master", _master(True))
claim("zzc-sne-master-nokji", _master(False))


def _grad_forms(kind, sym, forms):
    def pred():
        Y, P = sne_data(sym=sym)
        i = 1
        Q, W, S = qmat(Y, kind)
        g = fd_grad_yi(P, Y, i, kind)
        D = Y[i] - Y
        vals = [g] + [np.sum(c[:, None] * D, 0) for c in forms(P, Q, W, i)]
        return all(close(a, b, rtol=1e-5, atol=1e-7) for a, b in zip(vals, vals[1:]))
    return pred


ss_forms = lambda P, Q, W, i: [2 * (P[i] - Q[i] + P[:, i] - Q[:, i]), 2 * (2 * P[i] - 2 * Q[i]), 4 * (P[i] - Q[i])]
claim("zzc-sne-ssne-grad", _grad_forms("g", True, ss_forms))
claim("zzc-sne-ssne-grad-two", _grad_forms("g", True, lambda P, Q, W, i: ss_forms(P, Q, W, i)[:2] + [2 * (P[i] - Q[i])]))
claim("zzc-sne-asne-grad", _grad_forms("g", False, lambda P, Q, W, i: [2 * (P[i] - Q[i] + P[:, i] - Q[:, i])]))
claim("zzc-sne-tsne-grad", _grad_forms("t", True, lambda P, Q, W, i: [4 * W[i] * (P[i] - Q[i])]))
claim("zzc-sne-tsne-grad-now", _grad_forms("t", True, lambda P, Q, W, i: [4 * (P[i] - Q[i])]))
claim("zzc-sne-tsne-grad-sign", _grad_forms("t", True, lambda P, Q, W, i: [4 * W[i] * (Q[i] - P[i])]))
claim("zzc-sne-tsne-two", _grad_forms("t", True, lambda P, Q, W, i: [2 * (W[i] * (P[i] - Q[i]) + W[:, i] * (P[:, i] - Q[:, i]))]))


def _pw(same):
    def pred():
        W = _wmat()
        i, j, k = 1, 2, 0
        Si = W[i].sum()

        def q(t, col):
            WW = W.copy()
            WW[i, j] = t
            return WW[i, col] / WW[i].sum()
        if same:
            return close(d1(lambda t: q(t, j), W[i, j]), 1 / Si - (W[i, j] / Si) / Si)
        return close(d1(lambda t: q(t, k), W[i, j]), -(W[i, k] / Si) / Si)
    return pred


claim("zzc-sne-pw-same", _pw(True))
claim("zzc-sne-pw-other", _pw(False))


def _js(which):
    def pred():
        P, Q = _pq_free()
        kap = rng.uniform(0.2, 0.8)
        i, j = 0, 3

        def parts(t):
            QQ = Q.copy()
            QQ[i, j] = t
            Z = kap * P + (1 - kap) * QQ
            return np.sum(P * np.log(P / Z)), np.sum(QQ * np.log(QQ / Z))
        Z = kap * P + (1 - kap) * Q
        p, q, z = P[i, j], Q[i, j], Z[i, j]
        dpz = d1(lambda t: parts(t)[0], q)
        dqz = d1(lambda t: parts(t)[1], q)
        if which == "pz":
            return close(dpz, -(1 - kap) * p / z)
        if which == "qz":
            return close(dqz, kap * (p / z) - np.log(q / z))
        dC = dpz / (1 - kap) + dqz / kap
        return close(dC, -(1 / kap) * np.log(q / z))
    return pred


claim("zzc-sne-js-pz", _js("pz"))
claim("zzc-sne-js-qz", _js("qz"))
claim("zzc-sne-js-total", _js("total"))


# ======================= B: KL appendix C =======================
def kl_pt():
    return dict(m0=rng.normal(), s0=rng.uniform(0.5, 2), m1=rng.normal(), s1=rng.uniform(0.5, 2), x=rng.normal() * 2)


def _logq(variant):
    def pred():
        p = kl_pt()
        x, m1, s1 = p["x"], p["m1"], p["s1"]
        lhs = np.log(npdf(x, m1, s1))
        mid = -np.log(np.sqrt(2 * np.pi * s1 ** 2)) - (x - m1) ** 2 / (2 * s1 ** 2)
        last = -0.5 * np.log(2 * np.pi) - np.log(s1) - (x - m1) ** 2 / (2 * s1 ** 2)
        if variant == "half":
            last = -np.log(2 * np.pi) - np.log(s1) - (x - m1) ** 2 / (2 * s1 ** 2)
        if variant == "sq":
            last = -0.5 * np.log(2 * np.pi) - np.log(s1) - (x - m1) ** 2 / (2 * s1)
        return all(chain(lhs, mid, last))
    return pred


claim("zzc-klc-logq", _logq(None))
claim("zzc-klc-logq-half", _logq("half"))
claim("zzc-klc-logq-sq", _logq("sq"))


def EP(p, h):
    return E1(p["m0"], p["s0"], h)


def _expand():
    p = kl_pt()
    m0, m1 = p["m0"], p["m1"]
    return close(EP(p, lambda x: (x - m1) ** 2), EP(p, lambda x: ((x - m0) + (m0 - m1)) ** 2))


claim("zzc-klc-expand", _expand)


def _expand3(variant):
    def pred():
        p = kl_pt()
        m0, m1 = p["m0"], p["m1"]
        a = EP(p, lambda x: (x - m1) ** 2)
        b = EP(p, lambda x: ((x - m0) + (m0 - m1)) ** 2)
        if variant == "dropsq":
            c = EP(p, lambda x: (x - m0) ** 2 + 2 * (x - m0) * (m0 - m1))
            d = EP(p, lambda x: (x - m0) ** 2) + 2 * (m0 - m1) * EP(p, lambda x: x - m0)
        else:
            c = EP(p, lambda x: (x - m0) ** 2 + 2 * (x - m0) * (m0 - m1) + (m0 - m1) ** 2)
            d = EP(p, lambda x: (x - m0) ** 2) + 2 * (m0 - m1) * EP(p, lambda x: x - m0) + (m0 - m1) ** 2
        return all(chain(a, b, c, d))
    return pred


claim("zzc-klc-expand3", _expand3(None))
claim("zzc-klc-expand3-dropsq", _expand3("dropsq"))


def _moment(form):
    def pred():
        p = kl_pt()
        return close(EP(p, lambda x: (x - p["m1"]) ** 2), form(p))
    return pred


claim("zzc-klc-moment", _moment(lambda p: p["s0"] ** 2 + (p["m0"] - p["m1"]) ** 2))
claim("zzc-klc-moment-sign", _moment(lambda p: p["s0"] ** 2 - (p["m0"] - p["m1"]) ** 2))
claim("zzc-klc-moment-index", _moment(lambda p: p["s1"] ** 2 + (p["m0"] - p["m1"]) ** 2))


def _mean0():
    p = kl_pt()
    return all(chain(EP(p, lambda x: x - p["m0"]), p["m0"] - p["m0"], 0.0))


claim("zzc-klc-mean0", _mean0)


def cross_val(p, s_in_log):
    return -0.5 * np.log(2 * np.pi) - np.log(s_in_log) - (p["s0"] ** 2 + (p["m0"] - p["m1"]) ** 2) / (2 * p["s1"] ** 2)


def Elogq(p):
    return EP(p, lambda x: lognpdf(x, p["m1"], p["s1"]))


def Elogp(p):
    return EP(p, lambda x: lognpdf(x, p["m0"], p["s0"]))


claim("zzc-klc-cross", lambda: (lambda p: close(Elogq(p), cross_val(p, p["s1"])))(kl_pt()))
claim("zzc-klc-cross-index", lambda: (lambda p: close(Elogq(p), cross_val(p, p["s0"])))(kl_pt()))


def _entropy(drop_half):
    def pred():
        p = kl_pt()
        s0 = p["s0"]
        c = 0.0 if drop_half else -0.5
        return all(chain(Elogp(p), -0.5 * np.log(2 * np.pi * s0 ** 2) + c, -0.5 * np.log(2 * np.pi) - np.log(s0) + c))
    return pred


claim("zzc-klc-entropy", _entropy(False))
claim("zzc-klc-entropy-half", _entropy(True))


def KLnum(p):
    return EP(p, lambda x: lognpdf(x, p["m0"], p["s0"]) - lognpdf(x, p["m1"], p["s1"]))


def kl_final(p, ratio_inv=False, den_s0=False):
    s0, s1, m0, m1 = p["s0"], p["s1"], p["m0"], p["m1"]
    r = s0 / s1 if ratio_inv else s1 / s0
    den = 2 * (s0 if den_s0 else s1) ** 2
    return np.log(r) + (s0 ** 2 + (m0 - m1) ** 2) / den - 0.5


claim("zzc-klc-final", lambda: (lambda p: close(KLnum(p), kl_final(p)))(kl_pt()))
claim("zzc-klc-final-swap", lambda: (lambda p: close(KLnum(p), kl_final(p, ratio_inv=True)))(kl_pt()))
claim("zzc-klc-final-index", lambda: (lambda p: close(KLnum(p), kl_final(p, den_s0=True)))(kl_pt()))


def _rearr(c):
    def pred():
        p = kl_pt()
        s0, s1, m0, m1 = p["s0"], p["s1"], p["m0"], p["m1"]
        t = (s0 ** 2 + (m0 - m1) ** 2) / (2 * s1 ** 2)
        return close(-np.log(s0) - 0.5 + np.log(s1) + t, np.log(s1) - np.log(s0) + t + c)
    return pred


claim("zzc-klc-rearr", _rearr(-0.5))
claim("zzc-klc-rearr-sign", _rearr(0.5))


def _split(swap):
    def pred():
        p = kl_pt()
        v = Elogq(p) - Elogp(p) if swap else Elogp(p) - Elogq(p)
        return close(KLnum(p), v)
    return pred


claim("zzc-klc-split", _split(False))
claim("zzc-klc-split-swap", _split(True))


# ======================= C: Adam bias =======================
def ema_means(alpha, means):
    """E[v_t] for t = 0..T by linearity: E[v_t] = alpha E[v_{t-1}] + (1 - alpha) E[g_t], v_0 = 0"""
    e = [0.0]
    for m in means:
        e.append(alpha * e[-1] + (1 - alpha) * m)
    return e


def adam_pt():
    return dict(a=rng.uniform(0.05, 0.95), t=int(rng.integers(2, 8)), m=rng.normal() * 2 + 0.1, g1=rng.normal())


def _v1(swap):
    def pred():
        p = adam_pt()
        a, g1 = p["a"], p["g1"]
        v1 = a * 0.0 + (1 - a) * g1  # recursion with v_0 = 0
        return all(chain(v1, a * 0 + (1 - a) * g1, (a if swap else 1 - a) * g1))
    return pred


claim("zzc-adam-v1", _v1(False))
claim("zzc-adam-v1-swap", _v1(True))


def _expect(coef_alpha):
    def pred():
        p = adam_pt()
        a, t = p["a"], p["t"]
        means = rng.normal(size=t)  # E[g_t] need not be stationary for this step
        e = ema_means(a, means)
        rhs = a * e[t - 1] + (a if coef_alpha else 1 - a) * means[t - 1]
        return close(e[t], rhs)
    return pred


claim("zzc-adam-expect", _expect(False))
claim("zzc-adam-expect-alpha", _expect(True))


def _bias(form):
    def pred():
        p = adam_pt()
        a, t, m = p["a"], p["t"], p["m"]
        e = ema_means(a, [m] * t)
        return close(e[t], form(a, t) * m)
    return pred


claim("zzc-adam-bias", _bias(lambda a, t: 1 - a ** t))
claim("zzc-adam-bias-exp", _bias(lambda a, t: (1 - a) ** t))
claim("zzc-adam-bias-tm1", _bias(lambda a, t: 1 - a ** (t - 1)))


def _base():
    p = adam_pt()
    a, m = p["a"], p["m"]
    e = ema_means(a, [m])
    return all(chain(e[1], (1 - a) * m, (1 - a ** 1) * m))


claim("zzc-adam-base", _base)


def _induct(variant):
    def pred():
        p = adam_pt()
        a, t, m = p["a"], p["t"], p["m"]
        e = ema_means(a, [m] * (t + 1))
        v0 = e[t + 1]
        v1 = a * e[t] + (1 - a) * m
        v2 = a * (1 - a ** t) * m + (1 - a) * m
        v3 = (a * (1 - a ** t) + (1 - a)) * m
        v4 = (1 - a ** (t + 1)) * m
        if variant == "exp":
            v4 = (1 - a ** t) * m
        if variant == "sign":
            v3 = (a * (1 - a ** t) - (1 - a)) * m
        if variant == "mut":
            v4 = (1 - a) ** (t + 1) * m
        return chain(v0, v1, v2, v3, v4)
    return pred


CHECK["zzc-adam-induct"] = lambda: for_all(lambda: all(_induct(None)()))
CHECK["zzc-adam-induct-exp"] = lambda: for_all(lambda: all(_induct("exp")()))
CHECK["zzc-adam-induct-sign"] = lambda: for_all(lambda: all(_induct("sign")()))


# ======================= D: Huber =======================
def huber(e, dl):
    return np.where(np.abs(e) <= dl, 0.5 * e ** 2, dl * (np.abs(e) - 0.5 * dl))


def _huber_grad(variant):
    def pred():
        dl = rng.uniform(0.5, 2.0)
        ok = True
        for e in (rng.uniform(-0.9, 0.9) * dl, rng.choice([-1, 1]) * dl * rng.uniform(1.2, 3.0)):
            lhs = d1(lambda t: huber(t, dl), e)
            if abs(e) <= dl:
                rhs = 0.5 * e if variant == "half" else e
            else:
                rhs = np.sign(e) if variant == "nodelta" else dl * np.sign(e)
            ok = ok and close(lhs, rhs)
        return ok
    return pred


claim("zzc-huber-grad", _huber_grad(None))
claim("zzc-huber-grad-half", _huber_grad("half"))
claim("zzc-huber-grad-nodelta", _huber_grad("nodelta"))


# ======================= E: logsumexp / softmax =======================
def lse(x):
    return np.log(np.sum(np.exp(x)))


def softmax(x):
    return np.exp(x) / np.sum(np.exp(x))


def lse_chain(variant=None):
    x = rng.normal(size=4)
    v0 = softmax(x)
    v1 = np.exp(x) / np.sum(np.exp(x))
    v2 = np.exp(np.log(v1))
    v3 = np.exp(x - np.log(np.sum(np.exp(x))))
    v4 = np.exp(x - lse(x))
    if variant == "sign":
        v4 = np.exp(x + lse(x))
    if variant == "noexp":
        v3 = np.exp(x - np.log(np.sum(x)))
    return chain(v0, v1, v2, v3, v4)


claim("zzc-lse-softmax", lambda: all(lse_chain()))
claim("zzc-lse-softmax-sign", lambda: all(lse_chain("sign")))
claim("zzc-lse-softmax-noexp", lambda: all(lse_chain("noexp")))


# ======================= F: math.SE softmax Hessian =======================
def _mse_grad():
    x = rng.normal(size=4)
    return all(chain(fd(lse, x), softmax(x), np.exp(x) / np.exp(x).sum()))


claim("zzc-mse-grad", _mse_grad)


def _mse_jac(variant):
    def pred():
        x = rng.normal(size=4)
        S = softmax(x)
        J = jac(softmax, x)
        if variant == "sign":
            rhs = np.diag(S) + np.outer(S, S)
        elif variant == "transpose":
            rhs = np.diag(S) - float(S @ S)
        else:
            rhs = np.diag(S) - np.outer(S, S)
        return close(J, rhs)
    return pred


claim("zzc-mse-jac", _mse_jac(None))
claim("zzc-mse-jac-sign", _mse_jac("sign"))
claim("zzc-mse-jac-transpose", _mse_jac("transpose"))


def _mse_hess2(sgn):
    def pred():
        x = rng.normal(size=2)
        H = jac(lambda z: fd(lse, z, h=1e-4), x, h=1e-4)
        e1, e2 = np.exp(x)
        c = e1 * e2 / (e1 + e2) ** 2
        M = np.array([[c, sgn * c], [sgn * c, c]])
        return close(H, M, rtol=1e-5, atol=1e-6)
    return pred


claim("zzc-mse-hess2", _mse_hess2(-1.0))
claim("zzc-mse-hess2-sign", _mse_hess2(1.0))


# ======================= G: Newton =======================
fN = lambda x: x ** 2 - 4 * x + 4
fNp = lambda x: d1(fN, x)
fNpp = lambda x: (fN(x + 1e-3) - 2 * fN(x) + fN(x - 1e-3)) / 1e-6


def _pt_x():
    return rng.uniform(-3, 5)


claim("zzc-nt-fp", lambda: (lambda x: close(fNp(x), 2 * x - 4))(_pt_x()))
claim("zzc-nt-fp-sign", lambda: (lambda x: close(fNp(x), 2 * x + 4))(_pt_x()))
claim("zzc-nt-fp-factor", lambda: (lambda x: close(fNp(x), x - 4))(_pt_x()))
claim("zzc-nt-fpp", lambda: (lambda x: close(fNpp(x), 2.0, rtol=1e-4, atol=1e-4))(_pt_x()))


def newton_step(x):
    return x - fNp(x) / fNpp(x)


claim("zzc-nt-update", lambda: (lambda x: close(newton_step(x), x - (2 * x - 4) / 2, rtol=1e-5, atol=1e-5))(_pt_x()))
claim("zzc-nt-update-inv", lambda: (lambda x: close(newton_step(x), x - 2 / (2 * x - 4), rtol=1e-5, atol=1e-5))(_pt_x()))
claim("zzc-nt-f0", lambda: num(fNp(0.0), -4, 0.5))
claim("zzc-nt-f0-sign", lambda: num(fNp(0.0), 4, 0.5))
claim("zzc-nt-x1", lambda: all(num(v, w, 1e-6) for v, w in [(newton_step(0.0), 0 - (-4 / 2)), (0 - (-4 / 2), 2)]))
claim("zzc-nt-x1-sign", lambda: all(num(v, w, 1e-6) for v, w in [(newton_step(0.0), 0 - (-4 / 2)), (0 - (-4 / 2), -2)]))
claim("zzc-nt-f2", lambda: num(fNp(2.0), 0, 0.5))
f2 = lambda v: v[0] ** 2 + v[1] ** 2 + v[0] * v[1]


def _grad2(form):
    def pred():
        v = rng.normal(size=2)
        x, y = v
        return close(fd(f2, v), np.array(form(x, y)))
    return pred


claim("zzc-nt-grad2", _grad2(lambda x, y: [2 * x + y, 2 * y + x]))
claim("zzc-nt-grad2-factor", _grad2(lambda x, y: [2 * x + 2 * y, 2 * y + x]))


def _hess2(M):
    def pred():
        v = rng.normal(size=2)
        return close(jac(lambda z: fd(f2, z, h=1e-4), v, h=1e-4), np.array(M, float), rtol=1e-5, atol=1e-5)
    return pred


claim("zzc-nt-hess2", _hess2([[2, 1], [1, 2]]))
claim("zzc-nt-hess2-diag", _hess2([[1, 1], [1, 1]]))
claim("zzc-nt-hess2-offdiag", _hess2([[2, 0], [0, 2]]))


# ======================= H: attention Step 1 =======================
def att_pt(T=3, d=2, dv=3):
    Q, K, V = rng.normal(size=(T, d)), rng.normal(size=(T, d)), rng.normal(size=(T, dv))
    Cw = rng.normal(size=(T, dv))
    S = Q @ K.T / np.sqrt(d)
    A = np.exp(S) / np.exp(S).sum(1, keepdims=True)
    O = A @ V
    L = lambda VV: float(np.sum(Cw * np.sin(A @ VV)))  # any smooth scalar loss of O
    G = Cw * np.cos(O)  # G_ip = dL/dO_ip
    return dict(Q=Q, K=K, V=V, A=A, O=O, L=L, G=G, T=T, dv=dv)


def _att_chain(transpose_G):
    def pred():
        p = att_pt()
        V, A, G, L = p["V"], p["A"], p["G"], p["L"]
        j, q = 1, 2
        lhs = fd(L, V)[j, q]
        dO = jac(lambda VV: A @ VV, V).reshape(p["T"], p["dv"], p["T"], p["dv"])[:, :, j, q]  # dO_ab / dV_jp
        mid = np.sum(G * dO)
        last = np.sum((G.T if transpose_G else G) * dO)
        return all(chain(lhs, mid, last))
    return pred


claim("zzc-att-chain", _att_chain(False))
claim("zzc-att-chain-index", _att_chain(True))


def _att_inner(transpose_A):
    def pred():
        p = att_pt()
        V, A, T, dv = p["V"], p["A"], p["T"], p["dv"]
        ok = True
        for (a, b, j, q) in [(0, 1, 2, 1), (2, 0, 1, 0), (1, 2, 1, 2)]:
            lhs = d1(lambda t: (A @ np.where(np.arange(T * dv).reshape(T, dv) == j * dv + q, t, V))[a, b], V[j, q])
            mid = d1(lambda t: sum(A[a, c] * (t if (c, b) == (j, q) else V[c, b]) for c in range(T)), V[j, q])
            AA = A.T if transpose_A else A
            last = sum(AA[a, c] * (1.0 if (c, b) == (j, q) else 0.0) for c in range(T))
            ok = ok and all(chain(lhs, mid, last))
        return ok
    return pred


claim("zzc-att-inner", _att_inner(False))
claim("zzc-att-inner-transpose", _att_inner(True))


claim("zzc-nt-fpp0", lambda: num(fNpp(0.0), 2, 1e-3))


def _ecross(k):
    def pred():
        p = kl_pt()
        s1, m1 = p["s1"], p["m1"]
        a = Elogq(p)
        b = EP(p, lambda x: -0.5 * np.log(2 * np.pi) - np.log(s1) - (x - m1) ** 2 / (2 * s1 ** 2))
        c = -0.5 * np.log(2 * np.pi) - np.log(s1) - EP(p, lambda x: (x - m1) ** 2) / (k * s1 ** 2)
        return all(chain(a, b, c))
    return pred


claim("zzc-klc-ecross", _ecross(2.0))
claim("zzc-klc-ecross-half", _ecross(1.0))


def _generic(with_d):
    def pred():
        Y, P = sne_data()
        i = 3
        g = fd_grad_yi(P, Y, i, "t")
        K = k_matrix(Y, P, "t")
        d = np.sqrt(sq_dist(Y)[i])
        dfdd = 2 * d
        with np.errstate(all="ignore"):
            fac = np.where(np.arange(len(Y)) == i, 0.0, dfdd / d if with_d else dfdd)
        rhs = np.sum(((K[i] + K[:, i]) * fac)[:, None] * (Y[i] - Y), 0)
        return close(g, rhs, rtol=1e-5, atol=1e-7)
    return pred


claim("zzc-sne-generic", _generic(True))
claim("zzc-sne-generic-nod", _generic(False))


# ======================= documents =======================
def blocks(md_lines):
    """(line number of the opening $$, text between the delimiters) for every $$ display block"""
    out = []
    k = 0
    while k < len(md_lines):
        ln = md_lines[k]
        if ln.startswith("$$"):
            rest = ln[2:]
            if rest.rstrip().endswith("$$") and len(rest.rstrip()) >= 2:
                out.append((k + 1, rest.rstrip()[:-2].strip()))
                k += 1
                continue
            buf = [rest]
            j = k + 1
            while not md_lines[j].rstrip().endswith("$$"):
                buf.append(md_lines[j])
                j += 1
            buf.append(md_lines[j].rstrip()[:-2])
            out.append((k + 1, "\n".join(buf).strip()))
            k = j + 1
            continue
        k += 1
    return out


def ev(fn):
    return lambda: every(fn)


def defs(n):
    return lambda: [None] * n


def one(cid):
    """a block holding exactly the relation of a claim (all links checked by that claim)"""
    return lambda: [CHECK[cid]()]


# DOCS[(stem, block index)] -> list of verdicts (None = definition)
TS = "tsne-kl-gradient"
DOCS[(TS, 0)] = ev(lambda: (lambda P, Q: [None, close(np.sum(P * np.log(P / Q)), np.sum(P * (np.log(P) - np.log(Q))))])(*_pq_free()))
DOCS[(TS, 1)] = one("zzc-sne-kl-dq")
DOCS[(TS, 2)] = defs(2)
DOCS[(TS, 3)] = defs(1)
DOCS[(TS, 4)] = defs(1)
DOCS[(TS, 5)] = defs(1)


def _t_kernel_links():
    f = rng.uniform(0.2, 3.0)
    w = 1 / (1 + f)
    return chain(d1(lambda t: 1 / (1 + t), f), -1 / (1 + f) ** 2, -w ** 2)


DOCS[(TS, 6)] = ev(_t_kernel_links)
DOCS[(TS, 7)] = one("zzc-sne-master")
DOCS[(TS, 8)] = defs(1)


def _kij_kl_links():
    W, S, Q, P, i, j, dw = _kpoint()
    p, q = P[i, j], Q[i, j]
    return chain(k_from_def(S, Q, P, i, j, dw), (1 / S) * (-p / q - np.sum(-P / Q * Q)) * dw,
                 (1 / S) * (-p / q + np.sum(P)) * dw, (1 / S) * (-p / q + 1) * dw)


DOCS[(TS, 9)] = ev(_kij_kl_links)
DOCS[(TS, 10)] = one("zzc-sne-tsne-two")
DOCS[(TS, 11)] = one("zzc-sne-tsne-grad")

KC = "kl-appendix-c"
DOCS[(KC, 0)] = defs(1)


def _kc_expect_form():
    p = kl_pt()
    return [close(KLnum(p), EP(p, lambda x: lognpdf(x, p["m0"], p["s0"]) - lognpdf(x, p["m1"], p["s1"])))]


DOCS[(KC, 1)] = ev(_kc_expect_form)
DOCS[(KC, 2)] = one("zzc-klc-split")
DOCS[(KC, 3)] = defs(1)
DOCS[(KC, 4)] = ev((lambda: (lambda p: chain(np.log(npdf(p["x"], p["m1"], p["s1"])),
                                                           -np.log(np.sqrt(2 * np.pi * p["s1"] ** 2)) - (p["x"] - p["m1"]) ** 2 / (2 * p["s1"] ** 2),
                                                           -0.5 * np.log(2 * np.pi) - np.log(p["s1"]) - (p["x"] - p["m1"]) ** 2 / (2 * p["s1"] ** 2)))(kl_pt())))


def _kc5():
    p = kl_pt()
    s1, m1 = p["s1"], p["m1"]
    return [close(Elogq(p), EP(p, lambda x: -0.5 * np.log(2 * np.pi) - np.log(s1) - (x - m1) ** 2 / (2 * s1 ** 2)))]


def _kc6():  # previous right-hand side = this one
    p = kl_pt()
    s1, m1 = p["s1"], p["m1"]
    prev = EP(p, lambda x: -0.5 * np.log(2 * np.pi) - np.log(s1) - (x - m1) ** 2 / (2 * s1 ** 2))
    return [close(prev, -0.5 * np.log(2 * np.pi) - np.log(s1) - EP(p, lambda x: (x - m1) ** 2) / (2 * s1 ** 2))]


DOCS[(KC, 5)] = ev(_kc5)
DOCS[(KC, 6)] = ev(_kc6)


def _kc_moments(k):
    p = kl_pt()
    m0, m1 = p["m0"], p["m1"]
    a = EP(p, lambda x: (x - m1) ** 2)
    b = EP(p, lambda x: ((x - m0) + (m0 - m1)) ** 2)
    c = EP(p, lambda x: (x - m0) ** 2 + 2 * (x - m0) * (m0 - m1) + (m0 - m1) ** 2)
    d = EP(p, lambda x: (x - m0) ** 2) + 2 * (m0 - m1) * EP(p, lambda x: x - m0) + (m0 - m1) ** 2
    return [chain(a, b, c, d)[k]]


DOCS[(KC, 7)] = ev(lambda: _kc_moments(0))
DOCS[(KC, 8)] = ev(lambda: _kc_moments(1))
DOCS[(KC, 9)] = ev(lambda: _kc_moments(2))
DOCS[(KC, 10)] = one("zzc-klc-moment")
DOCS[(KC + "-mutated", 10)] = one("zzc-klc-moment-sign")
DOCS[(KC, 11)] = one("zzc-klc-cross")
DOCS[(KC, 12)] = ev(lambda: (lambda p: chain(Elogp(p), -0.5 * np.log(2 * np.pi * p["s0"] ** 2) - 0.5, -0.5 * np.log(2 * np.pi) - np.log(p["s0"]) - 0.5))(kl_pt()))


def _kc_assemble(k):
    p = kl_pt()
    s0, s1, m0, m1 = p["s0"], p["s1"], p["m0"], p["m1"]
    t = (s0 ** 2 + (m0 - m1) ** 2) / (2 * s1 ** 2)
    v0 = Elogp(p) - Elogq(p)  # D_KL as defined in the sentence before the block
    v1 = (-0.5 * np.log(2 * np.pi) - np.log(s0) - 0.5) - (-0.5 * np.log(2 * np.pi) - np.log(s1) - t)
    v2 = -np.log(s0) - 0.5 + np.log(s1) + t
    v3 = np.log(s1) - np.log(s0) + t - 0.5
    return [chain(v0, v1, v2, v3)[k]]


DOCS[(KC, 13)] = ev(lambda: _kc_assemble(0))
DOCS[(KC, 14)] = ev(lambda: _kc_assemble(1))
DOCS[(KC, 15)] = ev(lambda: _kc_assemble(2))
DOCS[(KC, 16)] = one("zzc-klc-final")
DOCS[(KC + "-mutated", 16)] = one("zzc-klc-final-swap")

AD = "adam-bias-correction"
DOCS[(AD, 0)] = defs(1)
DOCS[(AD, 1)] = defs(1)
DOCS[(AD, 2)] = ev(lambda: (lambda a, g1: [close(ema_means(a, [g1])[1], (1 - a) * g1)])(rng.uniform(0.05, 0.95), rng.normal()))
DOCS[(AD, 3)] = one("zzc-adam-expect")
DOCS[(AD, 4)] = ev(lambda: (lambda a, g1: chain(ema_means(a, [g1])[1], a * 0 + (1 - a) * g1, (1 - a) * g1))(rng.uniform(0.05, 0.95), rng.normal()))
DOCS[(AD, 5)] = one("zzc-adam-bias")
DOCS[(AD, 6)] = ev(lambda: (lambda a, m: chain(ema_means(a, [m])[1], (1 - a) * m, (1 - a ** 1) * m))(rng.uniform(0.05, 0.95), rng.normal()))
DOCS[(AD, 7)] = ev(_induct(None))
DOCS[(AD + "-mutated", 7)] = ev(_induct("mut"))
DOCS[(AD, 8)] = one("zzc-adam-bias")
DOCS[(AD, 9)] = defs(1)

HU = "huber-regression"
DOCS[(HU, 0)] = defs(1)
DOCS[(HU, 1)] = defs(1)
DOCS[(HU, 2)] = defs(1)
DOCS[(HU, 3)] = one("zzc-huber-grad")

NM = "newton-method"
DOCS[(NM, 0)] = defs(1)
DOCS[(NM, 1)] = defs(1)
DOCS[(NM, 2)] = defs(1)
DOCS[(NM, 3)] = one("zzc-nt-fp")
DOCS[(NM + "-mutated", 3)] = one("zzc-nt-fp-sign")
DOCS[(NM, 4)] = one("zzc-nt-fpp")


def _nm_update(den):
    x = _pt_x()
    rule = newton_step(x)
    return [close(rule, x - fNp(x) / fNpp(x)), close(rule, x - (2 * x - 4) / den, rtol=1e-5, atol=1e-5)]


DOCS[(NM, 5)] = ev(lambda: _nm_update(2))
DOCS[(NM + "-mutated", 5)] = ev(lambda: _nm_update(4))
DOCS[(NM, 6)] = defs(1)
DOCS[(NM, 7)] = defs(1)

AT = "attention-backward-step1"
DOCS[(AT, 0)] = defs(3)


def _at_chain_links():
    p = att_pt()
    V, A, G, L = p["V"], p["A"], p["G"], p["L"]
    j, q = 2, 0
    dO = jac(lambda VV: A @ VV, V).reshape(p["T"], p["dv"], p["T"], p["dv"])[:, :, j, q]
    v = np.sum(G * dO)
    return chain(fd(L, V)[j, q], v, v)


DOCS[(AT, 1)] = ev(_at_chain_links)
DOCS[(AT, 2)] = ev(lambda: (lambda p: [close(p["O"], np.einsum("ac,cb->ab", p["A"], p["V"]))])(att_pt()))
DOCS[(AT, 3)] = ev(lambda: [_att_inner(False)()] * 2)

LS = "logsumexp-softmax"
DOCS[(LS, 0)] = defs(2)
DOCS[(LS, 1)] = ev(lse_chain)


# ======================= run =======================
def doc_fn(stem, idx):
    if (stem, idx) in DOCS:
        return (stem, idx)
    base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
    assert (base, idx) in DOCS, (stem, idx)
    return (base, idx)


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

    used = set()
    nlinks = 0
    nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        bl = blocks(md)
        found = dict(bl)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        assert [lk["line"] for lk in ex["links"]] == [ln for ln, _ in bl], (stem, "every $$ block must be listed, in order")
        for idx, lk in enumerate(ex["links"]):
            assert md[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert found[lk["line"]] == lk["text"].strip(), (stem, lk["line"])
            key = doc_fn(stem, idx)
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation blocks, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
