# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zza).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, expectations under a Gaussian by Gauss-Hermite
quadrature) or, for printed numbers, compared with one unit of the last printed digit.
No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261207)
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
        xp[j] += h
        xm[j] -= h
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))).ravel() / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def every(pts, n=NPTS):
    """a list-valued predicate (one entry per link) must agree at every random point"""
    res = None
    for _ in range(n):
        r = pts()
        r = [None if v is None else bool(v) for v in r]
        if res is None:
            res = r
        else:
            res = [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


def claim_from(links_fn):
    """a claim holds iff every one of its links holds at every random point"""
    return lambda: all(v for v in every(links_fn) if v is not None)


CHECK = {}
DOCS = {}


def C(cid, links_fn):
    assert cid not in CHECK, cid
    CHECK["zza-" + cid] = claim_from(links_fn)


def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


# ======================= S1: skip-gram negative sampling =======================
def sg_x():
    return float(rng.uniform(-3, 3))


def sg_dlogsig(variant="ok"):
    x = sg_x()
    s = sig(x)
    a = d1(lambda t: np.log(sig(t)), x)
    b = d1(sig, x) / s
    c = s * (1 + s) / s if variant == "sp" else s * (1 - s) / s
    d = s - 1 if variant == "sign" else 1 - s
    return [close(a, b), close(b, c), close(c, d)]


C("sg-dlogsig", lambda: sg_dlogsig())
C("sg-dlogsig-sign", lambda: sg_dlogsig("sign"))
C("sg-dlogsig-sp", lambda: sg_dlogsig("sp"))


def sg_dneglogsig(sgn=1):
    x = sg_x()
    return [close(d1(lambda t: -np.log(sig(t)), x), sgn * (sig(x) - 1))]


C("sg-dneglogsig", lambda: sg_dneglogsig(1))
C("sg-dneglogsig-sign", lambda: sg_dneglogsig(-1))


def sg_negterm():
    x = sg_x()
    a = d1(lambda t: -np.log(sig(-t)), x)
    b = d1(lambda t: np.log(1 - sig(t)), x)
    c = -d1(sig, x) / (1 - sig(x))
    d = sig(x)
    return [close(a, b), close(b, c), close(c, d)]


C("sg-negterm-printed", sg_negterm)


def sg_setup(K=3, D=4):
    v = rng.normal(size=D)
    uc = rng.normal(size=D)
    un = rng.normal(size=(K, D))
    return v, uc, un


def sg_loss_scores(spos, sneg):
    return -np.log(sig(spos)) - np.sum(np.log(sig(-sneg)))


def sg_dLdpos(variant="ok"):
    v, uc, un = sg_setup()
    spos, sneg = uc @ v, un @ v
    lhs = d1(lambda t: sg_loss_scores(t, sneg), spos)
    rhs = 1 - sig(spos) if variant == "sign" else sig(spos) - 1
    return [close(lhs, rhs), None]  # second link names g_pos


C("sg-dLdpos", lambda: sg_dLdpos())
C("sg-dLdpos-sign", lambda: sg_dLdpos("sign"))


def sg_dLdneg(variant="ok"):
    v, uc, un = sg_setup()
    spos, sneg = uc @ v, un @ v
    k = int(rng.integers(len(sneg)))
    def f(t):
        s2 = sneg.copy(); s2[k] = t
        return sg_loss_scores(spos, s2)
    lhs = d1(f, sneg[k])
    rhs = {"ok": sig(sneg[k]), "pos": sig(sneg[k]) - 1, "minus": -sig(sneg[k])}[variant]
    return [close(lhs, rhs), None]


C("sg-dLdneg", lambda: sg_dLdneg())
C("sg-dLdneg-pos", lambda: sg_dLdneg("pos"))
C("sg-dLdneg-minus", lambda: sg_dLdneg("minus"))


def sg_dposdv(variant="ok"):
    v, uc, un = sg_setup()
    g = fd(lambda vv: uc @ vv, v)
    return [close(g, v if variant == "swap" else uc)]


def sg_dposdu(variant="ok"):
    v, uc, un = sg_setup()
    g = fd(lambda uu: uu @ v, uc)
    return [close(g, 2 * v if variant == "factor" else v)]


C("sg-dposdv", lambda: sg_dposdv())
C("sg-dposdv-swap", lambda: sg_dposdv("swap"))
C("sg-dposdu", lambda: sg_dposdu())
C("sg-dposdu-factor", lambda: sg_dposdu("factor"))

_SG_XS = [-2.0, -0.5, 0.7, 1.9, 2.5]


def sg_stable():
    return [all(close(np.log(sig(x)), -max(x, 0) - np.log(1 + np.exp(-abs(x)))) for x in _SG_XS)]


C("sg-stable-logsig", sg_stable)

# ======================= S2: convolution backprop =======================
def cv_point():
    X = rng.normal(size=(3, 3))
    W = rng.normal(size=(2, 2))
    b = float(rng.normal())
    c = rng.normal(size=(2, 2))
    return X, W, b, c


def conv(X, W, b):
    Y = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            Y[i, j] = np.sum(X[i:i + 2, j:j + 2] * W) + b
    return Y


def Lof(Y, c):
    return float(np.sum(c * np.sin(Y)) + 0.5 * np.sum(Y ** 2))


def dLdY(Y, c):
    return c * np.cos(Y) + Y


def cv_grads(X, W, b, c):
    gX = fd(lambda XX: Lof(conv(XX, W, b), c), X)
    gW = fd(lambda WW: Lof(conv(X, WW, b), c), W)
    gb = d1(lambda bb: Lof(conv(X, W, bb), c), b)
    return gX, gW, gb


def cv_y12(variant="ok"):
    X, W, b, c = cv_point()
    x = lambda r, s: X[r - 1, s - 1]
    w = lambda r, s: W[r - 1, s - 1]
    lower = x(2, 1) if variant == "index" else x(2, 2)
    rhs = x(1, 2) * w(1, 1) + x(1, 3) * w(1, 2) + lower * w(2, 1) + x(2, 3) * w(2, 2) + b
    return [close(conv(X, W, b)[0, 1], rhs)]


C("cv-y12", lambda: cv_y12())
C("cv-y12-index", lambda: cv_y12("index"))


def cv_rhs(name, X, W, b, c, variant="ok"):
    G = dLdY(conv(X, W, b), c)
    if name == "dx11":
        return G[0, 0] * (W[1, 1] if variant == "index" else W[0, 0])
    if name == "dx12":
        if variant == "swap":
            return G[0, 0] * W[0, 0] + G[0, 1] * W[0, 1]
        if variant == "index":
            return G[0, 0] * W[1, 0] + G[0, 1] * W[0, 0]
        return G[0, 0] * W[0, 1] + G[0, 1] * W[0, 0]
    if name == "dw11":
        if variant == "index":  # lower row inputs exchanged
            return G[0, 0] * X[0, 0] + G[0, 1] * X[0, 1] + G[1, 0] * X[1, 1] + G[1, 1] * X[1, 0]
        if variant == "shift":
            return G[0, 0] * X[1, 1] + G[0, 1] * X[1, 2] + G[1, 0] * X[2, 1] + G[1, 1] * X[2, 2]
        if variant == "transpose":
            return G[0, 0] * X[0, 0] + G[0, 1] * X[1, 0] + G[1, 0] * X[0, 1] + G[1, 1] * X[1, 1]
        return G[0, 0] * X[0, 0] + G[0, 1] * X[0, 1] + G[1, 0] * X[1, 0] + G[1, 1] * X[1, 1]
    if name == "db":
        return G.sum() - (G[1, 1] if variant == "drop" else 0.0)
    raise KeyError(name)


def cv_lhs(name, X, W, b, c):
    gX, gW, gb = cv_grads(X, W, b, c)
    return {"dx11": gX[0, 0], "dx12": gX[0, 1], "dw11": gW[0, 0], "db": gb}[name]


def cv_claim(name, variant="ok"):
    X, W, b, c = cv_point()
    return [close(cv_lhs(name, X, W, b, c), cv_rhs(name, X, W, b, c, variant), rtol=1e-5, atol=1e-6)]


C("cv-dx11-full", lambda: cv_claim("dx11"))
C("cv-dx11-full-index", lambda: cv_claim("dx11", "index"))
C("cv-dx12-full", lambda: cv_claim("dx12"))
C("cv-dx12-full-swap", lambda: cv_claim("dx12", "swap"))
C("cv-dx12", lambda: cv_claim("dx12"))
C("cv-dx12-index", lambda: cv_claim("dx12", "index"))
C("cv-dw11", lambda: cv_claim("dw11"))
C("cv-dw11-index", lambda: cv_claim("dw11", "index"))
C("cv-dw11-shift", lambda: cv_claim("dw11", "shift"))
C("cv-db", lambda: cv_claim("db"))
C("cv-db-drop", lambda: cv_claim("db", "drop"))


def chain_fns():
    f = lambda s, t: np.sin(s) + t * t
    g = lambda s, t: s * t + np.exp(0.3 * s)
    h = lambda F, G: F * G + np.exp(0.5 * F) + G ** 3
    return f, g, h


def cv_chain(wrt="s", variant="ok"):
    f, g, h = chain_fns()
    s, t = rng.normal(size=2)
    F, G = f(s, t), g(s, t)
    hF = d1(lambda u: h(u, G), F)
    hG = d1(lambda u: h(F, u), G)
    fs, ft = d1(lambda u: f(u, t), s), d1(lambda u: f(s, u), t)
    gs, gt = d1(lambda u: g(u, t), s), d1(lambda u: g(s, u), t)
    if wrt == "s":
        lhs = d1(lambda u: h(f(u, t), g(u, t)), s)
        rhs = hF * fs + hG * (gt if variant == "index" else gs)
    else:
        lhs = d1(lambda u: h(f(s, u), g(s, u)), t)
        rhs = hF * ft + hG * gt
    return [close(lhs, rhs, rtol=1e-5, atol=1e-6)]


C("cv-chain", lambda: cv_chain())
C("cv-chain-index", lambda: cv_chain("s", "index"))


# ======================= S3: Gaussian MLE =======================
def gm_point(n=6):
    x = rng.normal(size=n) * 1.5 + 0.3
    mu = float(rng.normal())
    s2 = float(rng.uniform(0.5, 2.5))
    return x, mu, s2, n


def gm_logL(x, mu, s2, n, C0=0.7):
    return -n / 2 * np.log(s2) - np.sum((x - mu) ** 2) / (2 * s2) + C0


def gm_logsigma(variant="ok"):
    s = float(rng.uniform(0.3, 3))
    a = np.log(s)
    b = np.log((s * s) ** 0.5)
    c = 2 * np.log(s * s) if variant == "factor" else 0.5 * np.log(s * s)
    return [close(a, b), close(b, c)]


C("gm-logsigma", lambda: gm_logsigma())
C("gm-logsigma-factor", lambda: gm_logsigma("factor"))


def gm_dmu(variant="ok"):
    x, mu, s2, n = gm_point()
    lhs = d1(lambda m: gm_logL(x, m, s2, n), mu)
    rhs = {"ok": np.sum(x - mu) / s2, "sign": np.sum(mu - x) / s2, "factor": np.sum(x - mu) / (2 * s2)}[variant]
    return [close(lhs, rhs, rtol=1e-6, atol=1e-6)]


C("gm-dmu", lambda: gm_dmu())
C("gm-dmu-sign", lambda: gm_dmu("sign"))
C("gm-dmu-factor", lambda: gm_dmu("factor"))


def gm_dsig2(variant="ok"):
    x, mu, s2, n = gm_point()
    lhs = d1(lambda v: gm_logL(x, mu, v, n), s2)
    S = np.sum((x - mu) ** 2)
    rhs = {"ok": S / (2 * s2 ** 2) - n / (2 * s2), "exp": S / (2 * s2 ** 1.5) - n / (2 * s2),
           "sign": S / (2 * s2 ** 2) + n / (2 * s2)}[variant]
    return [close(lhs, rhs, rtol=1e-6, atol=1e-6)]


C("gm-dsig2", lambda: gm_dsig2())
C("gm-dsig2-exp", lambda: gm_dsig2("exp"))
C("gm-dsig2-sign", lambda: gm_dsig2("sign"))


def gm_dinv(sgn=1):
    s2 = float(rng.uniform(0.3, 3))
    return [close(d1(lambda v: -1 / (2 * v), s2), sgn / (2 * s2 ** 2))]


C("gm-dinv", lambda: gm_dinv(1))
C("gm-dinv-sign", lambda: gm_dinv(-1))


# ======================= S4: matrix factorisation =======================
def mf_point():
    M = rng.normal(size=(4, 5))
    U = rng.normal(size=(4, 3))
    V = rng.normal(size=(5, 3))
    m, n = int(rng.integers(4)), int(rng.integers(3))
    return M, U, V, m, n


def mf_E(M, U, V):
    return float(np.sum((M - U @ V.T) ** 2))


def mf_reduced(M, V, m, n):
    return lambda u: float(np.sum((M[m, :] - u * V[:, n]) ** 2))


def mf_sum_form(M, U, V, m, n, variant="ok"):
    r = M[m, :] - U[m, n] * V[:, n]
    if variant == "sign":
        return float(np.sum(2 * r * V[:, n]))
    if variant == "factor":
        return float(np.sum(r * (-V[:, n])))
    return float(np.sum(2 * r * (-V[:, n])))


def mf_matrix_form(M, U, V, m, n, variant="ok"):
    nrm = np.linalg.norm(V[:, n])
    if variant == "sign":
        return 2 * (M @ V)[m, n] + 2 * U[m, n] * nrm ** 2
    if variant == "exp":
        return -2 * (M @ V)[m, n] + 2 * U[m, n] * nrm
    return -2 * (M @ V)[m, n] + 2 * U[m, n] * nrm ** 2


def mf_reduce():
    M, U, V, m, n = mf_point()
    def EU(u):
        UU = U.copy(); UU[m, n] = u
        return mf_E(M, UU, V)
    return [close(d1(EU, U[m, n]), d1(mf_reduced(M, V, m, n), U[m, n]), rtol=1e-5, atol=1e-6)]


C("mf-reduce-printed", mf_reduce)


def mf_chain(variant="ok"):
    M, U, V, m, n = mf_point()
    a = d1(mf_reduced(M, V, m, n), U[m, n])
    b = sum(d1(lambda u, i=i: (M[m, i] - u * V[i, n]) ** 2, U[m, n]) for i in range(5))
    c = mf_sum_form(M, U, V, m, n, variant)
    return [close(a, b, rtol=1e-5, atol=1e-6), close(b, c, rtol=1e-5, atol=1e-6)]


C("mf-chain", lambda: mf_chain())
C("mf-chain-sign", lambda: mf_chain("sign"))
C("mf-chain-factor", lambda: mf_chain("factor"))


def mf_matrix(variant="ok"):
    M, U, V, m, n = mf_point()
    return [close(mf_sum_form(M, U, V, m, n), mf_matrix_form(M, U, V, m, n, variant))]


C("mf-matrix", lambda: mf_matrix())
C("mf-matrix-sign", lambda: mf_matrix("sign"))
C("mf-matrix-exp", lambda: mf_matrix("exp"))


# ======================= S5 / S8: softmax Jacobian =======================
def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def sm_point(n=5):
    z = rng.normal(size=n)
    S = softmax(z)
    J = jac(softmax, z)
    i, k = rng.choice(n, size=2, replace=False)
    return z, S, J, int(i), int(k)


def eh_diag(sgn=-1):
    z, S, J, i, k = sm_point()
    return [close(J[i, i], S[i] * (1 + sgn * S[i]))]


def eh_off(sgn=-1):
    z, S, J, i, k = sm_point()
    return [close(J[i, k], sgn * S[i] * S[k])]


def eh_jac(variant="ok"):
    z, S, J, i, k = sm_point()
    I = np.eye(len(z))
    R = {"ok": S[:, None] * (I - S[None, :]), "index": S[:, None] * (I - S[:, None]),
         "noS": I - S[None, :]}[variant]
    return [close(J, R)]


C("eh-diag", lambda: eh_diag(-1))
C("eh-diag-sign", lambda: eh_diag(1))
C("eh-off", lambda: eh_off(-1))
C("eh-off-sign", lambda: eh_off(1))
C("eh-jac", lambda: eh_jac())
C("eh-jac-index", lambda: eh_jac("index"))
C("eh-jac-noS", lambda: eh_jac("noS"))


def bh_diag(variant="ok"):
    z, S, J, i, k = sm_point()
    e = np.exp(z)
    Z = e.sum()
    b = (e[i] * Z + e[i] * e[i]) / Z ** 2 if variant == "sign" else (e[i] * Z - e[i] * e[i]) / Z ** 2
    c = S[i] - S[i] if variant == "exp" else S[i] - S[i] ** 2
    d = S[i] * (1 - S[i])
    return [close(J[i, i], b), close(b, c), close(c, d)]


def bh_off(variant="ok"):
    z, S, J, i, j = sm_point()
    e = np.exp(z)
    Z = e.sum()
    b = -e[i] * e[j] / (Z if variant == "exp" else Z ** 2)
    return [close(J[i, j], b), close(b, -S[i] * S[j])]


def bh_jac(variant="ok"):
    z, S, J, i, k = sm_point()
    if variant == "transpose":
        R = np.diag(S) - S @ S  # s^T s is a scalar
    elif variant == "sign":
        R = np.diag(S) + np.outer(S, S)
    else:
        R = np.diag(S) - np.outer(S, S)
    return [close(J, R)]


C("bh-diag", lambda: bh_diag())
C("bh-diag-sign", lambda: bh_diag("sign"))
C("bh-diag-exp", lambda: bh_diag("exp"))
C("bh-off", lambda: bh_off())
C("bh-off-exp", lambda: bh_off("exp"))
C("bh-jac", lambda: bh_jac())
C("bh-jac-transpose", lambda: bh_jac("transpose"))
C("bh-jac-sign", lambda: bh_jac("sign"))


# ======================= S7: momentum worked example (printed numbers) =======================
fp = lambda x: 2 * (x - 4)
# each entry: list of links, each link (value_left, value_right, unit); unit None = exact expression identity
MO = {
    "mo-g1": [(fp(10), 2 * (10 - 4), None), (2 * (10 - 4), 12, 1)],
    "mo-g1-arith": [(fp(10), 2 * (10 - 4), None), (2 * (10 - 4), 14, 1)],
    "mo-v1": [(0.9 * 0 - 0.2 * 12, -2.4, 0.1)],
    "mo-v1-sign": [(0.9 * 0 - 0.2 * 12, 2.4, 0.1)],
    "mo-x1": [(10 + (-2.4), 7.6, 0.1)],
    "mo-g2": [(2 * (7.6 - 4), 7.2, 0.1)],
    "mo-g2-arith": [(2 * (7.6 - 4), 7.4, 0.1)],
    "mo-v2": [(0.9 * (-2.4) - 0.2 * 7.2, -2.16 - 1.44, None), (-2.16 - 1.44, -3.6, 0.1)],
    "mo-v2-sign": [(0.9 * (-2.4) - 0.2 * 7.2, -2.16 + 1.44, None), (-2.16 + 1.44, -3.6, 0.1)],
    "mo-x2": [(7.6 + (-3.6), 4.0, 0.1)],
    "mo-v3": [(0.9 * (-3.6) - 0.2 * 0, -3.24, 0.01)],
    "mo-v3-arith": [(0.9 * (-3.6) - 0.2 * 0, -3.42, 0.01)],
    "mo-x3": [(4.0 - 3.24, 0.76, 0.01)],
    "mo-x3-arith": [(4.0 - 3.24, 0.86, 0.01)],
    "mo-g4": [(2 * (0.76 - 4), -6.48, 0.01)],
    "mo-v4": [(0.9 * (-3.24) - 0.2 * (-6.48), -2.916 + 1.296, None), (-2.916 + 1.296, -1.62, 0.01)],
    "mo-v4-sign": [(0.9 * (-3.24) - 0.2 * (-6.48), -2.916 - 1.296, None), (-2.916 - 1.296, -1.62, 0.01)],
    "mo-x4": [(0.76 - 1.62, -0.86, 0.01)],
    "mo-x4-arith": [(0.76 - 1.62, -0.96, 0.01)],
    # document-only lines
    "mo-g3": [(2 * (4 - 4), 0, 1)],
}


def mo_links(key):
    return [close(a, b, rtol=1e-12, atol=1e-12) if u is None else num(a, b, u) for a, b, u in MO[key]]


for _k in MO:
    if _k != "mo-g3":
        C(_k, (lambda k: lambda: mo_links(k))(_k))

# the algorithm as executed on the page (gradient at the current position, then velocity, then position)
_x, _v, _trace = 10.0, 0.0, []
for _t in range(4):
    _g = fp(_x)
    _v = 0.9 * _v - 0.2 * _g
    _x = _x + _v
    _trace.append((_g, _v, _x))
assert num(_trace[0][0], 12, 1) and num(_trace[1][1], -3.6, 0.1) and num(_trace[2][2], 0.76, 0.01) and num(_trace[3][2], -0.86, 0.01)


# ======================= S9: policy gradients =======================
GH_Z, GH_W = np.polynomial.hermite_e.hermegauss(40)
GH_W = GH_W / math.sqrt(2 * math.pi)


def npdf(x, th):
    return np.exp(-(x - th) ** 2 / 2) / math.sqrt(2 * math.pi)


def cl_logtrick(variant="ok"):
    x, th = rng.normal(size=2)
    lhs = d1(lambda t: npdf(x, t), th)
    rhs = npdf(x, th) * (np.log(npdf(x, th)) if variant == "nodiff" else d1(lambda t: np.log(npdf(x, t)), th))
    return [close(lhs, rhs, rtol=1e-6, atol=1e-8)]


C("cl-logtrick", lambda: cl_logtrick())
C("cl-logtrick-nodiff", lambda: cl_logtrick("nodiff"))


def cl_score(variant="ok"):
    th = float(rng.normal())
    a, b = rng.normal(size=2)
    f = lambda x: np.sin(a * x) + b * x * x
    E = lambda t: float(np.sum(GH_W * f(t + GH_Z)))
    lhs = d1(E, th)
    xs = th + GH_Z
    if variant == "nolog":
        w = np.array([d1(lambda t: npdf(x, t), th) for x in xs])
    else:
        w = np.array([d1(lambda t: np.log(npdf(x, t)), th) for x in xs])
    rhs = float(np.sum(GH_W * f(xs) * w))
    return [close(lhs, rhs, rtol=1e-6, atol=1e-7)]


C("cl-score", lambda: cl_score())
C("cl-score-nolog", lambda: cl_score("nolog"))


def cl_policy(theta, phi, s):
    """pi_theta(a|s) over 3 actions, softmax of theta . phi[s, a]"""
    return softmax(phi[s] @ theta)


def cl_traj(variant="ok"):
    nS, nA, T, d = 3, 3, 3, 2
    phi = rng.normal(size=(nS, nA, d))
    P = rng.dirichlet(np.ones(nS), size=(nS, nA))
    rho = rng.dirichlet(np.ones(nS))
    theta = rng.normal(size=d)
    s = [int(rng.integers(nS)) for _ in range(T + 1)]
    a = [int(rng.integers(nA)) for _ in range(T)]
    def logp(th):
        lp = np.log(rho[s[0]])
        for t in range(T):
            lp += np.log(cl_policy(th, phi, s[t])[a[t]]) + np.log(P[s[t], a[t], s[t + 1]])
        return lp
    lhs = fd(logp, theta)
    if variant == "nolog":
        rhs = sum(fd(lambda th, t=t: cl_policy(th, phi, s[t])[a[t]], theta) for t in range(T))
    else:
        rhs = sum(fd(lambda th, t=t: np.log(cl_policy(th, phi, s[t])[a[t]]), theta) for t in range(T))
    return [close(lhs, rhs, rtol=1e-6, atol=1e-7)]


C("cl-traj", lambda: cl_traj())
C("cl-traj-nolog", lambda: cl_traj("nolog"))


def cl_baseline(variant="ok"):
    th = rng.normal(size=3)
    bs = float(rng.normal()) + 2.0
    pi = softmax(th)
    tot = np.zeros(3)
    for a in range(3):
        if variant == "nograd":
            tot += pi[a] * bs * np.log(pi[a])
        else:
            tot += pi[a] * bs * fd(lambda t: np.log(softmax(t)[a]), th)
    return [close(tot, np.zeros(3), rtol=0, atol=1e-7)]


C("cl-baseline", lambda: cl_baseline())
C("cl-baseline-nograd", lambda: cl_baseline("nograd"))
C("cl-sig05", lambda: [num(sig(0.5), 0.622, 0.001)])
C("cl-sig05-arith", lambda: [num(sig(0.5), 0.625, 0.001)])


# ---------- additions ----------
def cv_y11():
    X, W, b, c = cv_point()
    return [close(conv(X, W, b)[0, 0], X[0, 0] * W[0, 0] + X[0, 1] * W[0, 1] + X[1, 0] * W[1, 0] + X[1, 1] * W[1, 1] + b)]


C("cv-y11", cv_y11)


def cv_dx11_simple(variant="ok"):
    X, W, b, c = cv_point()
    G = dLdY(conv(X, W, b), c)
    rhs = (G[1, 1] if variant == "transpose" else G[0, 0]) * W[0, 0]
    return [close(cv_lhs("dx11", X, W, b, c), rhs, rtol=1e-5, atol=1e-6)]


C("cv-dx11", lambda: cv_dx11_simple())
C("cv-dx11-transpose", lambda: cv_dx11_simple("transpose"))
C("cv-chain-t", lambda: cv_chain("t"))


def cv_chain_t_drop():
    f, g, h = chain_fns()
    s, t = rng.normal(size=2)
    F, G = f(s, t), g(s, t)
    lhs = d1(lambda u: h(f(s, u), g(s, u)), t)
    rhs = d1(lambda u: h(u, G), F) * d1(lambda u: f(s, u), t)
    return [close(lhs, rhs, rtol=1e-5, atol=1e-6)]


C("cv-chain-t-drop", cv_chain_t_drop)
C("mo-g3", lambda: mo_links("mo-g3"))


def cl_pgt(variant="ok"):
    nS, nA, d, T = 2, 2, 3, 2
    phi = rng.normal(size=(nS, nA, d))
    P = rng.dirichlet(np.ones(nS), size=(nS, nA))
    rho = rng.dirichlet(np.ones(nS))
    r = rng.normal(size=(nS, nA))
    theta = rng.normal(size=d)
    taus = []
    for s0 in range(nS):
        for a0 in range(nA):
            for s1 in range(nS):
                for a1 in range(nA):
                    taus.append((s0, a0, s1, a1))
    def p(th, tau):
        s0, a0, s1, a1 = tau
        return rho[s0] * cl_policy(th, phi, s0)[a0] * P[s0, a0, s1] * cl_policy(th, phi, s1)[a1]
    R = lambda tau: r[tau[0], tau[1]] + 0.9 * r[tau[2], tau[3]]
    J = lambda th: sum(p(th, tau) * R(tau) for tau in taus)
    lhs = fd(J, theta)
    rhs = np.zeros(d)
    for tau in taus:
        s0, a0, s1, a1 = tau
        if variant == "nolog":
            sc = fd(lambda th: cl_policy(th, phi, s0)[a0], theta) + fd(lambda th: cl_policy(th, phi, s1)[a1], theta)
        else:
            sc = fd(lambda th: np.log(cl_policy(th, phi, s0)[a0]), theta) + fd(lambda th: np.log(cl_policy(th, phi, s1)[a1]), theta)
        rhs += p(theta, tau) * R(tau) * sc
    if variant == "sign":
        rhs = -rhs
    return [close(lhs, rhs, rtol=1e-6, atol=1e-8)]


C("cl-pgt", lambda: cl_pgt())
C("cl-pgt-nolog", lambda: cl_pgt("nolog"))
C("cl-pgt-sign", lambda: cl_pgt("sign"))


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


def doc_blocks(stem):
    return [t for (_, t) in blocks((HERE / "docs" / (stem + ".md")).read_text().split("\n"))]


# ---------- sgns-gradients (and mutated) ----------
SG = "sgns-gradients"
_b = doc_blocks(SG)
DOCS[(SG, _b[0])] = defs(1)
DOCS[(SG, _b[1])] = ev(lambda: sg_dlogsig())
DOCS[(SG, _b[2])] = ev(lambda: sg_dneglogsig(1))
DOCS[(SG, _b[3])] = ev(sg_negterm)
_bm = doc_blocks(SG + "-mutated")
assert _bm[1] != _b[1]


def _sg_mut():
    x = sg_x()
    s = sig(x)
    a = d1(lambda t: np.log(sig(t)), x)
    b = d1(sig, x) / s
    c = s * (1 - s) / s
    return [close(a, b), close(b, c), close(c, s)]


DOCS[(SG + "-mutated", _bm[1])] = ev(_sg_mut)

# ---------- conv-backprop (and mutated) ----------
CVD = "conv-backprop"
_b = doc_blocks(CVD)
for _i in (0, 1, 2, 3):
    DOCS[(CVD, _b[_i])] = defs(1)
DOCS[(CVD, _b[4])] = ev(lambda: cv_chain("s"))
DOCS[(CVD, _b[5])] = ev(lambda: cv_chain("t"))


def _cv_red(which):
    X, W, b, c = cv_point()
    G = dLdY(conv(X, W, b), c)
    if which == "x11":
        lhs = cv_lhs("dx11", X, W, b, c)
        J = jac(lambda XX: conv(XX.reshape(3, 3), W, b), X.ravel())[:, 0]
    else:
        lhs = cv_lhs("dw11", X, W, b, c)
        J = jac(lambda WW: conv(X, WW.reshape(2, 2), b), W.ravel())[:, 0]
    return [close(lhs, float(G.ravel() @ J), rtol=1e-5, atol=1e-6)]


C("cv-red-x11", lambda: _cv_red("x11"))
C("cv-red-w11", lambda: _cv_red("w11"))
DOCS[(CVD, _b[6])] = ev(lambda: _cv_red("x11"))
DOCS[(CVD, _b[7])] = ev(lambda: _cv_red("w11"))
DOCS[(CVD, _b[8])] = ev(lambda: cv_claim("dx11"))
DOCS[(CVD, _b[9])] = ev(lambda: cv_claim("dx12"))
DOCS[(CVD, _b[10])] = ev(lambda: cv_claim("dw11"))
DOCS[(CVD, _b[11])] = ev(lambda: cv_claim("db"))
DOCS[(CVD, _b[12])] = ev(lambda: cv_claim("dx11"))
DOCS[(CVD, _b[13])] = ev(lambda: cv_claim("dx12"))
_bm = doc_blocks(CVD + "-mutated")
DOCS[(CVD + "-mutated", _bm[10])] = ev(lambda: cv_claim("dw11", "transpose"))
DOCS[(CVD + "-mutated", _bm[13])] = ev(lambda: cv_claim("dx12", "index"))

# ---------- gaussian-mle-sigma2 (and mutated) ----------
GMD = "gaussian-mle-sigma2"
_b = doc_blocks(GMD)
DOCS[(GMD, _b[0])] = defs(1)
DOCS[(GMD, _b[1])] = ev(lambda: gm_logsigma())
DOCS[(GMD, _b[2])] = ev(lambda: gm_dmu())
DOCS[(GMD, _b[3])] = ev(lambda: gm_dsig2())
DOCS[(GMD, _b[4])] = ev(lambda: gm_dinv(1))
_bm = doc_blocks(GMD + "-mutated")
DOCS[(GMD + "-mutated", _bm[3])] = ev(lambda: gm_dsig2("sign"))

# ---------- softmax-derivative-cases ----------
EHD = "softmax-derivative-cases"
_b = doc_blocks(EHD)
DOCS[(EHD, _b[0])] = defs(1)
DOCS[(EHD, _b[1])] = ev(lambda: eh_diag(-1))
DOCS[(EHD, _b[2])] = ev(lambda: eh_off(-1))
DOCS[(EHD, _b[3])] = ev(lambda: eh_jac())

# ---------- mf-double-sum ----------
MFD = "mf-double-sum"
_b = doc_blocks(MFD)


def _mf_def():
    M, U, V, m, n = mf_point()
    a = sum((M[u, i] - U[u] @ V[i]) ** 2 for u in range(4) for i in range(5))
    b = sum((M[u, i] - sum(U[u, k] * V[i, k] for k in range(3))) ** 2 for u in range(4) for i in range(5))
    return [None, close(a, b)]


DOCS[(MFD, _b[0])] = ev(_mf_def)
DOCS[(MFD, _b[1])] = ev(mf_reduce)
DOCS[(MFD, _b[2])] = ev(lambda: mf_chain())  # leading '=' continues from the previous block's right side
DOCS[(MFD, _b[3])] = ev(lambda: mf_matrix())  # leading '=' continues from the previous block's right side

# ---------- momentum-worked ----------
MOD = "momentum-worked"
_b = doc_blocks(MOD)
DOCS[(MOD, _b[0])] = defs(1)
DOCS[(MOD, _b[1])] = defs(1)
_mo_keys = ["mo-g1", "mo-v1", "mo-x1", "mo-g2", "mo-v2", "mo-x2", "mo-g3", "mo-v3", "mo-x3", "mo-g4", "mo-v4", "mo-x4"]
for _t, _k in zip(_b[2:], _mo_keys):
    DOCS[(MOD, _t)] = (lambda k: lambda: [None] + mo_links(k))(_k)


# ======================= run =======================
def doc_fn(stem, text):
    if (stem, text) in DOCS:
        return (stem, text)
    base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
    assert (base, text) in DOCS, (stem, text[:60])
    return (base, text)


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
        found = dict(blocks(md))
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        assert sorted(lk["line"] for lk in ex["links"]) == sorted(found), (stem, "every $$ block must be listed")
        for lk in ex["links"]:
            assert md[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert found[lk["line"]] == lk["text"].strip(), (stem, lk["line"])
            key = doc_fn(stem, lk["text"].strip())
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(k[1][:50] for k in set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation blocks, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
