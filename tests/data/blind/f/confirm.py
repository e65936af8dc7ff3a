"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part f).

Every item is coded by hand: the two sides of each relation link are written as NumPy,
SymPy or mpmath functions and compared at random points (derivatives by central finite
differences or SymPy diff).  Worked numeric values must round to the printed digits.
The LaTeX is never parsed; claims.yaml and the expect files are only scanned for ids and
expected verdicts so that nothing is left unchecked.
"""

import math
import re
import sys
from pathlib import Path

import mpmath
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20261204)
LN10 = math.log(10.0)


# ----------------------------------------------------------------------------- helpers
def eq(a, b, rtol=1e-6, atol=1e-9):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def chain(*vals, rtol=1e-6, atol=1e-9):
    return [eq(vals[i], vals[i + 1], rtol=rtol, atol=atol) for i in range(len(vals) - 1)]


def printed(value, text):
    """True if value rounds to the printed number (within one unit of the last digit)."""
    dec = len(text.split(".")[1]) if "." in text else 0
    return abs(float(value) - float(text)) <= 10.0 ** (-dec) + 1e-12


def fd_grad(f, x, h=1e-6):
    x = np.asarray(x, dtype=float)
    g = np.zeros_like(x)
    for k in range(x.size):
        e = np.zeros_like(x)
        e.flat[k] = h
        g.flat[k] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def fd_jac(f, x, h=1e-6):
    x = np.asarray(x, dtype=float)
    cols = []
    for k in range(x.size):
        e = np.zeros_like(x)
        e[k] = h
        cols.append((np.asarray(f(x + e)) - np.asarray(f(x - e))) / (2 * h))
    return np.stack(cols, axis=1)


def sym_zero(expr):
    return sp.simplify(expr) == 0


def softmax(t):
    e = np.exp(t - np.max(t))
    return e / e.sum()


def simplex(n):
    v = RNG.uniform(0.2, 1.0, size=n)
    return v / v.sum()


# ----------------------------------------------------------------------------- colah
def colah_sum(res):
    a, b = sp.symbols("a b")
    lhs = sp.diff(a + b, a)
    mid = sp.diff(a, a) + sp.diff(b, a)
    return [sym_zero(lhs - mid), sym_zero(mid - res)]


def colah_product(res):
    u, v = sp.symbols("u v")
    lhs = sp.diff(u * v, u)
    mid = u * sp.diff(v, u) + v * sp.diff(u, u)
    return [sym_zero(lhs - mid), sym_zero(mid - {"v": v, "u": u}[res])]


def colah_de_db(rhs):
    a, b = sp.symbols("a b")
    c = a + b
    d = b + 1
    e = c * d
    val = sp.diff(e, b).subs({a: 2, b: 1})
    return [sym_zero(val - rhs)]


def colah_paths(drop_gamma):
    al, be, ga, de, ep, ze = RNG.normal(size=6)
    nine = (al * de + al * ep + al * ze + be * de + be * ep + be * ze
            + ga * de + ga * ep + ga * ze)
    first = al + be + (0.0 if drop_gamma else ga)
    return [eq(nine, first * (de + ep + ze))]


# ----------------------------------------------------------------------------- pytorch
def pt_do_dx(coef):
    xs = sp.symbols("x1:5")
    o = sum(3 * (x + 2) ** 2 for x in xs) / 4
    return [sym_zero(sp.diff(o, xs[0]) - coef * (xs[0] + 2))]


def pt_z_at_1(text):
    return [printed(3 * (1 + 2) ** 2, text)]


def pt_do_dx_at_1(frac, text):
    xs = sp.symbols("x1:5")
    o = sum(3 * (x + 2) ** 2 for x in xs) / 4
    val = sp.diff(o, xs[0]).subs(xs[0], 1)
    return [sym_zero(val - frac), printed(float(frac), text)]


def pt_dq(var, rhs_fn):
    a, b = sp.symbols("a b")
    q = 3 * a ** 3 - b ** 2
    target = {"a": a, "b": b}[var]
    return [sym_zero(sp.diff(q, target) - rhs_fn(a, b))]


XS = np.linspace(-3.0, 3.0, 25)


def pt_tanh(swap):
    ex, emx = np.exp(XS), np.exp(-XS)
    form = (ex + emx) / (ex - emx + 1e-300) if swap else (ex - emx) / (ex + emx)
    # Tanh(x) and tanh(x) are the same library function; the middle link is checked
    # against an independent mpmath evaluation.
    ref = np.array([float(mpmath.tanh(x)) for x in XS])
    mask = np.abs(XS) > 1e-9
    return [eq(np.tanh(XS), ref), eq(ref[mask], form[mask])]


def pt_sigmoid(sign):
    ref = 0.5 * (1.0 + np.tanh(XS / 2.0))  # logistic sigmoid, independent form
    form = 1.0 / (1.0 + np.exp(sign * XS))
    return [True, eq(ref, form)]


def pt_kldiv(swap):
    yt = RNG.uniform(0.05, 1.0, size=20)
    yp = RNG.uniform(0.05, 1.0, size=20)
    form1 = yt * np.log(yt / yp)
    form2 = yt * (np.log(yp) - np.log(yt)) if swap else yt * (np.log(yt) - np.log(yp))
    return [True, eq(form1, form2)]


# ----------------------------------------------------------------------------- karpathy
TH5 = RNG.normal(size=5)
F5 = RNG.normal(size=5)


def score_parts():
    p = softmax(TH5)
    jac = np.diag(p) - np.outer(p, p)  # jac[x, k] = d p(x) / d theta_k
    glogp = np.eye(5) - p  # row x: grad log p(x)
    return p, jac, glogp


def karpathy_chain(drop_p):
    p, jac, glogp = score_parts()
    e1 = fd_grad(lambda t: float(softmax(t) @ F5), TH5)
    e2 = fd_grad(lambda t: float(np.sum(softmax(t) * F5)), TH5)
    e3 = jac.T @ F5
    if drop_p:
        e4 = sum(jac[x] / p[x] * F5[x] for x in range(5))
    else:
        e4 = sum(p[x] * (jac[x] / p[x]) * F5[x] for x in range(5))
    e5 = sum(p[x] * glogp[x] * F5[x] for x in range(5))
    e6 = (p[:, None] * F5[:, None] * glogp).sum(axis=0)
    return chain(e1, e2, e3, e4, e5, e6, rtol=1e-6, atol=1e-8)


def karpathy_log_grad(sign):
    th = RNG.normal(size=2)

    def z(t):
        return t[0] ** 2 + np.exp(t[1]) + 3.0

    lhs = fd_grad(lambda t: np.log(z(t)), th)
    rhs = sign * fd_grad(z, th) / z(th)
    return [eq(lhs, rhs)]


def karpathy_swap(wrong):
    _, jac, _ = score_parts()
    lhs = fd_grad(lambda t: float(np.sum(softmax(t) * F5)), TH5)
    rhs = np.zeros(5) if wrong else jac.T @ F5  # f does not depend on theta
    return [eq(lhs, rhs)]


def karpathy_log_trick(drop_p):
    p, jac, glogp = score_parts()
    lhs = sum(p[x] * (jac[x] / p[x]) * F5[x] for x in range(5))
    w = np.ones(5) if drop_p else p
    rhs = sum(w[x] * glogp[x] * F5[x] for x in range(5))
    return [eq(lhs, rhs)]


# ----------------------------------------------------------------------------- weng pg
W_PI = RNG.normal(size=(4, 3))
C_Q = RNG.normal(size=(4, 3))
D_Q = RNG.normal(size=4)
TH3 = RNG.normal(size=3)


def pg_product_rule(drop):
    def pi(t):
        return softmax(W_PI @ t)

    def q(t):
        return np.sin(C_Q @ t) + D_Q

    def v(t):
        return float(pi(t) @ q(t))

    e1 = fd_grad(v, TH3)
    e2 = fd_grad(lambda t: float(np.sum(pi(t) * q(t))), TH3)
    jp = fd_jac(pi, TH3)
    jq = fd_jac(q, TH3)
    e3 = jp.T @ q(TH3) + (0 if drop else jq.T @ pi(TH3))
    return chain(e1, e2, e3)


def pg_ratio(divide):
    w = RNG.normal(size=(3, 4, 3))
    th = RNG.normal(size=3)
    d = simplex(3)
    q = RNG.normal(size=(3, 4))
    lhs = np.zeros(3)
    rhs = np.zeros(3)
    for s in range(3):
        pi = softmax(w[s] @ th)
        jp = fd_jac(lambda t, s=s: softmax(w[s] @ t), th)  # (4, 3)
        for a in range(4):
            lhs += d[s] * q[s, a] * jp[a]
            ratio = jp[a] / pi[a] if divide else jp[a]
            rhs += d[s] * pi[a] * q[s, a] * ratio
    return [eq(lhs, rhs)]


def pg_rho(k):
    n_s, n_a = 4, 3
    pi = np.stack([simplex(n_a) for _ in range(n_s)])
    prob = np.stack([[simplex(n_s) for _ in range(n_a)] for _ in range(n_s)])
    gv = RNG.normal(size=(n_s, 3))
    phi = RNG.normal(size=3)
    lhs = phi + sum(pi[0, a] * prob[0, a, s2] * gv[s2] for s2 in range(n_s) for a in range(n_a))
    rho1 = np.einsum("sa,sab->sb", pi, prob)
    rho = rho1 if k == 1 else rho1 @ rho1
    rhs = phi + rho[0] @ gv
    return [eq(lhs, rhs)]


def pg_normalize(keep):
    eta = RNG.uniform(0.5, 3.0, size=5)
    phi = RNG.normal(size=(5, 3))
    lhs = eta @ phi
    rhs = (eta.sum() if keep else 1.0) * ((eta / eta.sum()) @ phi)
    return [eq(lhs, rhs)]


# ----------------------------------------------------------------------------- weng es
XG = np.linspace(-16.0, 16.0, 64001)


def nes_chain(drop_f):
    theta = 0.7

    def fit(x):
        return np.sin(x) + 0.25 * x ** 2

    def dens(t):
        return np.exp(-0.5 * (XG - t) ** 2) / math.sqrt(2 * math.pi)

    def jfun(t):
        return np.trapezoid(fit(XG) * dens(t), XG)

    p = dens(theta)
    dp = p * (XG - theta)
    e1 = fd_grad(lambda t: jfun(t[0]), np.array([theta]), h=1e-4)[0]
    e2 = (jfun(theta + 1e-4) - jfun(theta - 1e-4)) / 2e-4
    e3 = np.trapezoid(fit(XG) * (p / p) * dp, XG)
    e4 = np.trapezoid(fit(XG) * p * (XG - theta), XG)
    weight = np.ones_like(XG) if drop_f else fit(XG)
    e5 = np.trapezoid(p * weight * (XG - theta), XG)
    return chain(e1, e2, e3, e4, e5, rtol=1e-5, atol=1e-8)


def es_path(lam_factor):
    lam, n = 5, 3
    mu, sig = RNG.normal(size=n), 0.7
    y = RNG.normal(size=(lam, n))
    x = mu + sig * y
    mu_new = x.mean(axis=0)
    e1 = y.sum(axis=0) / lam
    e2 = (x.sum(axis=0) - (lam if lam_factor else 1) * mu) / sig / lam
    e3 = (mu_new - mu) / sig
    return chain(e1, e2, e3)


def es_pc(sign):
    a, lam = 0.3, 6.0
    pc, dmu = RNG.normal(size=3), RNG.normal(size=3)
    e1 = (1 - a) * pc + math.sqrt(1 - (1 - a) ** 2) * math.sqrt(lam) * dmu
    e2 = (1 - a) * pc + math.sqrt(a * (2 + sign * a) * lam) * dmu
    return chain(e1, e2)


def es_clambda(kind):
    lam, n = 4, 3
    mu, sig = RNG.normal(size=n), 0.6
    y = RNG.normal(size=(lam, n))
    x = mu + sig * y
    e1 = sum(np.outer(yi, yi) for yi in y) / lam
    if kind == "inner":
        e2 = np.array(sum(float((xi - mu) @ (xi - mu)) for xi in x) / (lam * sig ** 2))
    elif kind == "sigma":
        e2 = sum(np.outer(xi - mu, xi - mu) for xi in x) / (lam * sig)
    else:
        e2 = sum(np.outer(xi - mu, xi - mu) for xi in x) / (lam * sig ** 2)
    return chain(e1, e2)


# ----------------------------------------------------------------------------- weng vae
K = 6
VQ = simplex(K)
VPRIOR = simplex(K)
VLIK = RNG.uniform(0.05, 0.95, size=K)
VPX = float(VLIK @ VPRIOR)
VJOINT = VLIK * VPRIOR
VPOST = VJOINT / VPX


def kl(p, q):
    return float(np.sum(p * np.log(p / q)))


def vae_chain_exprs():
    q, px = VQ, VPX
    return [
        kl(q, VPOST),
        float(np.sum(q * np.log(q / VPOST))),
        float(np.sum(q * np.log(q * px / VJOINT))),
        float(np.sum(q * (math.log(px) + np.log(q / VJOINT)))),
        math.log(px) + float(np.sum(q * np.log(q / VJOINT))),
        math.log(px) + float(np.sum(q * np.log(q / (VLIK * VPRIOR)))),
        math.log(px) + float(np.sum(q * (np.log(q / VPRIOR) - np.log(VLIK)))),
        math.log(px) + kl(q, VPRIOR) - float(np.sum(q * np.log(VLIK))),
    ]


def vae_decomp(sign):
    rhs = sign * math.log(VPX) + kl(VQ, VPRIOR) - float(VQ @ np.log(VLIK))
    return [eq(kl(VQ, VPOST), rhs)]


def vae_elbo(swap):
    kl_prior = kl(VPRIOR, VQ) if swap else kl(VQ, VPRIOR)
    return [eq(math.log(VPX) - kl(VQ, VPOST), float(VQ @ np.log(VLIK)) - kl_prior)]


def vae_loss(sign):
    e1 = -math.log(VPX) + kl(VQ, VPOST)
    e2 = -sign * float(VQ @ np.log(VLIK)) + kl(VQ, VPRIOR)
    return [True, eq(e1, e2)]


def vae_bayes(swap):
    lhs = float(np.sum(VQ * np.log(VQ / VPOST)))
    inner = VQ * VJOINT / VPX if swap else VQ * VPX / VJOINT
    return [eq(lhs, float(np.sum(VQ * np.log(inner))))]


# ----------------------------------------------------------------------------- weng ddpm
A_T = 0.83
AB_PREV = 0.41
B_T = 1 - A_T
AB_T = AB_PREV * A_T
XT = RNG.normal(size=4)
X0 = RNG.normal(size=4)
EPS = RNG.normal(size=4)
EPS_TH = RNG.normal(size=4)


def ddpm_merged(drop):
    a1, a0 = 0.77, 0.64
    lhs = math.sqrt((1 - a1) + a1 * (1 - a0))
    rhs = math.sqrt(1 - a0) if drop else math.sqrt(1 - a1 * a0)
    return [eq(lhs, rhs)]


def ddpm_beta(swap):
    e1 = 1 / (A_T / B_T + 1 / (1 - AB_PREV))
    e2 = 1 / ((A_T - AB_T + B_T) / (B_T * (1 - AB_PREV)))
    e3 = ((1 - AB_T) / (1 - AB_PREV) if swap else (1 - AB_PREV) / (1 - AB_T)) * B_T
    return chain(e1, e2, e3)


def ddpm_mu(wrong):
    num = math.sqrt(A_T) / B_T * XT + math.sqrt(AB_PREV) / (1 - AB_PREV) * X0
    e1 = num / (A_T / B_T + 1 / (1 - AB_PREV))
    e2 = num * (1 - AB_PREV) / (1 - AB_T) * B_T
    ab = AB_T if wrong else AB_PREV
    e3 = (math.sqrt(A_T) * (1 - AB_PREV) / (1 - AB_T) * XT
          + math.sqrt(ab) * B_T / (1 - AB_T) * X0)
    return chain(e1, e2, e3)


def ddpm_mu_eps(kind):
    x0 = (XT - math.sqrt(1 - AB_T) * EPS) / math.sqrt(AB_T)
    e1 = (math.sqrt(A_T) * (1 - AB_PREV) / (1 - AB_T) * XT
          + math.sqrt(AB_PREV) * B_T / (1 - AB_T) * x0)
    e2 = (math.sqrt(A_T) * (1 - AB_PREV) / (1 - AB_T) * XT + math.sqrt(AB_PREV) * B_T
          / (1 - AB_T) / math.sqrt(AB_T) * (XT - math.sqrt(1 - AB_T) * EPS))
    sign = 1.0 if kind == "sign" else -1.0
    den = (1 - AB_T) if kind == "sqrt" else math.sqrt(1 - AB_T)
    e3 = (XT + sign * (1 - A_T) / den * EPS) / math.sqrt(A_T)
    return [eq(e1, e2), eq(e2, e3)]


def ddpm_lt(square):
    s2 = 0.37 ** 2
    c = (1 - A_T) / math.sqrt(1 - AB_T)
    diff = (XT - c * EPS) / math.sqrt(A_T) - (XT - c * EPS_TH) / math.sqrt(A_T)
    lhs = float(diff @ diff) / (2 * s2)
    w = (1 - A_T) ** (2 if square else 1) / (2 * A_T * (1 - AB_T) * s2)
    rhs = w * float((EPS - EPS_TH) @ (EPS - EPS_TH))
    return [eq(lhs, rhs)]


def ddpm_score(kind):
    mu, sig = RNG.normal(size=3), 0.8
    x = RNG.normal(size=3)

    def logp(v):
        return (-float((v - mu) @ (v - mu)) / (2 * sig ** 2)
                - 1.5 * math.log(2 * math.pi * sig ** 2))

    e1 = fd_grad(logp, x)
    e2 = fd_grad(lambda v: -float((v - mu) @ (v - mu)) / (2 * sig ** 2), x)
    factor = {"ok": -1.0, "sign": 1.0, "half": -0.5}[kind]
    e3 = factor * (x - mu) / sig ** 2
    return chain(e1, e2, e3, rtol=1e-6, atol=1e-7)


def ddim_sub(wrong):
    sig = 0.3
    xt = math.sqrt(AB_T) * X0 + math.sqrt(1 - AB_T) * EPS
    zeta = RNG.normal(size=4)
    c = math.sqrt(1 - AB_PREV - sig ** 2)
    lhs = math.sqrt(AB_PREV) * X0 + c * EPS + sig * zeta
    ab = AB_PREV if wrong else AB_T
    rhs = (math.sqrt(AB_PREV) * X0 + c * (xt - math.sqrt(ab) * X0) / math.sqrt(1 - AB_T)
           + sig * zeta)
    return [eq(lhs, rhs)]


# ----------------------------------------------------------------------------- weng flow
NVP_A = RNG.normal(size=(3, 2))
NVP_B = RNG.normal(size=(3, 2))
NVP_X = RNG.normal(size=5)


def nvp_s(x1):
    return np.tanh(NVP_A @ x1 + 0.3)


def nvp_map(x):
    x1, x2 = x[:2], x[2:]
    return np.concatenate([x1, x2 * np.exp(nvp_s(x1)) + np.sin(NVP_B @ x1)])


def flow_realnvp(sign):
    det = float(np.linalg.det(fd_jac(nvp_map, NVP_X)))
    s = nvp_s(NVP_X[:2])
    e2 = float(np.prod(np.exp(s)))
    e3 = math.exp(sign * float(np.sum(s)))
    return chain(det, e2, e3)


def cubic(x):
    return x ** 3 + x + 1.0


def cubic_inv(y):
    y = np.asarray(y, dtype=float)
    x = np.cbrt(y)
    for _ in range(60):
        x = x - (cubic(x) - y) / (3 * x ** 2 + 1)
    return x


def flow_inverse(swap):
    x0 = 0.7
    y0 = cubic(x0)
    h = 1e-6
    e1 = float((cubic_inv(y0 + h) - cubic_inv(y0 - h)) / (2 * h))
    e2 = e1  # dx/dy is the same derivative of the inverse
    dydx = (cubic(x0 + h) - cubic(x0 - h)) / (2 * h)
    e3 = dydx if swap else 1 / dydx
    e4 = (3 * x0 ** 2 + 1) if swap else 1 / (3 * x0 ** 2 + 1)
    return chain(e1, e2, e3, e4, rtol=1e-6)


def g(z):
    return z ** 3 + z


def g_inv(x):
    x = np.asarray(x, dtype=float)
    z = np.cbrt(x)
    for _ in range(80):
        z = z - (g(z) - x) / (3 * z ** 2 + 1)
    return z


def npdf(z):
    return np.exp(-0.5 * np.asarray(z) ** 2) / math.sqrt(2 * math.pi)


def flow_cov(swap):
    x0 = 1.3
    h = 1e-5
    # density of x = g(z) from the derivative of its CDF Phi(g^{-1}(x)), via mpmath
    cdf_p = float(mpmath.ncdf(float(g_inv(x0 + h))))
    cdf_m = float(mpmath.ncdf(float(g_inv(x0 - h))))
    e1 = (cdf_p - cdf_m) / (2 * h)
    z0 = float(g_inv(x0))
    dzdx = 1 / (3 * z0 ** 2 + 1)
    e2 = float(npdf(z0)) * (abs(3 * z0 ** 2 + 1) if swap else abs(dzdx))
    dinv = float((g_inv(x0 + 1e-6) - g_inv(x0 - 1e-6)) / 2e-6)
    e3 = float(npdf(g_inv(x0))) * abs(dinv)
    e4 = e3
    return chain(e1, e2, e3, e4, rtol=1e-5)


def flow_normalization():
    zg = np.linspace(-9.0, 9.0, 400001)
    xg = g(zg)
    px = npdf(g_inv(xg)) / (3 * g_inv(xg) ** 2 + 1)
    int_p = np.trapezoid(px, xg)
    int_pi = np.trapezoid(npdf(zg), zg)
    return chain(int_p, int_pi, 1.0, rtol=1e-6)


def cpl(z):
    return np.array([z[0], z[1] * np.exp(0.5 * z[0]) + np.sin(z[0])])


def cpl_inv(y):
    return np.array([y[0], (y[1] - np.sin(y[0])) * np.exp(-0.5 * y[0])])


Z_PREV = RNG.normal(size=2)


def flow_density_step():
    zi = cpl(Z_PREV)
    p_prev = float(np.prod(npdf(Z_PREV)))
    e1 = float(np.prod(npdf(cpl_inv(zi)))) * abs(np.linalg.det(fd_jac(cpl_inv, zi)))
    jf = fd_jac(cpl, Z_PREV)
    e2 = p_prev * abs(np.linalg.det(np.linalg.inv(jf)))
    e3 = p_prev * abs(np.linalg.det(jf)) ** -1
    return e1, e2, e3, p_prev, jf


def flow_log_density(sign):
    e1, _, _, p_prev, jf = flow_density_step()
    rhs = math.log(p_prev) + sign * math.log(abs(np.linalg.det(jf)))
    return [eq(math.log(e1), rhs)]


def flow_det_inverse():
    m = RNG.normal(size=(3, 3)) + 3 * np.eye(3)
    e1 = np.linalg.det(m) * np.linalg.det(np.linalg.inv(m))
    e2 = np.linalg.det(m @ np.linalg.inv(m))
    e3 = np.linalg.det(np.eye(3))
    return chain(e1, e2, e3, 1.0)


# ----------------------------------------------------------------------------- weng gan
GA, GB, GX = 0.9, 1.7, 0.35


def gan_df(kind):
    def f(x):
        return GA * math.log10(x) + GB * math.log10(1 - x)

    e1 = (f(GX + 1e-6) - f(GX - 1e-6)) / 2e-6
    s = 1.0 if kind == "sign1" else -1.0
    e2 = GA / LN10 / GX + s * GB / LN10 / (1 - GX)
    e3 = (GA / GX - GB / (1 - GX)) / LN10
    if kind == "term":
        e4 = (GA - GB * GX) / (GX * (1 - GX)) / LN10
    elif kind == "sign3":
        e4 = (GA - (GA - GB) * GX) / (GX * (1 - GX)) / LN10
    else:
        e4 = (GA - (GA + GB) * GX) / (GX * (1 - GX)) / LN10
    return chain(e1, e2, e3, e4, rtol=1e-6)


PR = simplex(6)
PG = simplex(6)


def gan_global(const):
    pr = PR
    pg = PR.copy()  # p_g = p_r at the global optimum
    dstar = 0.5 * np.ones(6)
    e1 = float(np.sum(pr * np.log10(dstar) + pg * np.log10(1 - dstar)))
    e2 = math.log10(0.5) * pr.sum() + math.log10(0.5) * pg.sum()
    e3 = const * math.log10(2)
    return chain(e1, e1, e2, e3)


def gan_parts():
    dstar = PR / (PR + PG)
    lval = float(np.sum(PR * np.log10(dstar) + PG * np.log10(1 - dstar)))
    m = (PR + PG) / 2
    js = 0.5 * float(np.sum(PR * np.log10(PR / m))) + 0.5 * float(np.sum(PG * np.log10(PG / m)))
    return lval, js


def gan_js(sign):
    lval, js = gan_parts()
    return [eq(lval, 2 * js + sign * 2 * math.log10(2))]


def gan_js_doc_chain():
    lval, js = gan_parts()
    e2 = (0.5 * (math.log10(2) + float(np.sum(PR * np.log10(PR / (PR + PG)))))
          + 0.5 * (math.log10(2) + float(np.sum(PG * np.log10(PG / (PR + PG))))))
    e3 = 0.5 * (math.log10(4) + lval)
    return [None] + chain(js, e2, e3)


def gan_nash(which, rhs_fn):
    x, y = sp.symbols("x y")
    if which == "x":
        return [sym_zero(sp.diff(x * y, x) - rhs_fn(x, y))]
    return [sym_zero(sp.diff(-x * y, y) - rhs_fn(x, y))]


P_EMD = [3, 2, 1, 4]
Q_EMD = [1, 2, 4, 3]


def emd_deltas():
    d = [0]
    for i in range(4):
        d.append(d[-1] + P_EMD[i] - Q_EMD[i])
    return d


def emd_delta(i, a, b, c, result):
    d = emd_deltas()
    return [d[i] == a + b - c, printed(a + b - c, result)]


def emd_w(text):
    return [printed(sum(abs(v) for v in emd_deltas()), text)]


# ----------------------------------------------------------------------------- registry
CLAIMS = {
    "f-colah-sum-rule": lambda: colah_sum(1),
    "f-colah-sum-rule-t1": lambda: colah_sum(2),
    "f-colah-product-rule": lambda: colah_product("v"),
    "f-colah-product-rule-t1": lambda: colah_product("u"),
    "f-colah-de-db": lambda: colah_de_db(1 * 2 + 1 * 3),
    "f-colah-de-db-t1": lambda: colah_de_db(1 * 2),
    "f-colah-de-db-t2": lambda: colah_de_db(1 * 2 + 1 * 2),
    "f-colah-factor-paths": lambda: colah_paths(False),
    "f-colah-factor-paths-t1": lambda: colah_paths(True),
    "f-pt-blitz-do-dx": lambda: pt_do_dx(sp.Rational(3, 2)),
    "f-pt-blitz-do-dx-t1": lambda: pt_do_dx(sp.Rational(3, 4)),
    "f-pt-blitz-do-dx-t2": lambda: pt_do_dx(6),
    "f-pt-blitz-z-at-1": lambda: pt_z_at_1("27"),
    "f-pt-blitz-z-at-1-t1": lambda: pt_z_at_1("9"),
    "f-pt-blitz-do-dx-at-1": lambda: pt_do_dx_at_1(sp.Rational(9, 2), "4.5"),
    "f-pt-blitz-do-dx-at-1-t1": lambda: pt_do_dx_at_1(sp.Rational(9, 4), "2.25"),
    "f-pt-gentle-dq-da": lambda: pt_dq("a", lambda a, b: 9 * a ** 2),
    "f-pt-gentle-dq-da-t1": lambda: pt_dq("a", lambda a, b: 3 * a ** 2),
    "f-pt-gentle-dq-db": lambda: pt_dq("b", lambda a, b: -2 * b),
    "f-pt-gentle-dq-db-t1": lambda: pt_dq("b", lambda a, b: 2 * b),
    "f-pt-tanh": lambda: pt_tanh(False),
    "f-pt-tanh-t1": lambda: pt_tanh(True),
    "f-pt-sigmoid": lambda: pt_sigmoid(-1.0),
    "f-pt-sigmoid-t1": lambda: pt_sigmoid(1.0),
    "f-pt-kldiv": lambda: pt_kldiv(False),
    "f-pt-kldiv-t1": lambda: pt_kldiv(True),
    "f-karpathy-score-function": lambda: karpathy_chain(False),
    "f-karpathy-score-function-t1": lambda: karpathy_chain(True),
    "f-karpathy-log-grad": lambda: karpathy_log_grad(1.0),
    "f-karpathy-log-grad-t1": lambda: karpathy_log_grad(-1.0),
    "f-karpathy-swap": lambda: karpathy_swap(False),
    "f-karpathy-swap-t1": lambda: karpathy_swap(True),
    "f-karpathy-log-trick": lambda: karpathy_log_trick(False),
    "f-karpathy-log-trick-t1": lambda: karpathy_log_trick(True),
    "f-weng-pg-product-rule": lambda: pg_product_rule(False),
    "f-weng-pg-product-rule-t1": lambda: pg_product_rule(True),
    "f-weng-pg-ratio": lambda: pg_ratio(True),
    "f-weng-pg-ratio-t1": lambda: pg_ratio(False),
    "f-weng-pg-rho": lambda: pg_rho(1),
    "f-weng-pg-rho-t1": lambda: pg_rho(2),
    "f-weng-pg-normalize": lambda: pg_normalize(True),
    "f-weng-pg-normalize-t1": lambda: pg_normalize(False),
    "f-weng-nes-grad": lambda: nes_chain(False),
    "f-weng-nes-grad-t1": lambda: nes_chain(True),
    "f-weng-es-path": lambda: es_path(True),
    "f-weng-es-path-t1": lambda: es_path(False),
    "f-weng-es-pc": lambda: es_pc(-1.0),
    "f-weng-es-pc-t1": lambda: es_pc(1.0),
    "f-weng-es-clambda": lambda: es_clambda("ok"),
    "f-weng-es-clambda-t1": lambda: es_clambda("inner"),
    "f-weng-es-clambda-t2": lambda: es_clambda("sigma"),
    "f-weng-vae-kl-decomp": lambda: vae_decomp(1.0),
    "f-weng-vae-kl-decomp-t1": lambda: vae_decomp(-1.0),
    "f-weng-vae-elbo": lambda: vae_elbo(False),
    "f-weng-vae-elbo-t1": lambda: vae_elbo(True),
    "f-weng-vae-loss": lambda: vae_loss(1.0),
    "f-weng-vae-loss-t1": lambda: vae_loss(-1.0),
    "f-weng-vae-bayes-step": lambda: vae_bayes(False),
    "f-weng-vae-bayes-step-t1": lambda: vae_bayes(True),
    "f-weng-ddpm-merged-std": lambda: ddpm_merged(False),
    "f-weng-ddpm-merged-std-t1": lambda: ddpm_merged(True),
    "f-weng-ddpm-beta-tilde": lambda: ddpm_beta(False),
    "f-weng-ddpm-beta-tilde-t1": lambda: ddpm_beta(True),
    "f-weng-ddpm-mu-tilde": lambda: ddpm_mu(False),
    "f-weng-ddpm-mu-tilde-t1": lambda: ddpm_mu(True),
    "f-weng-ddpm-mu-eps": lambda: ddpm_mu_eps("ok"),
    "f-weng-ddpm-mu-eps-t1": lambda: ddpm_mu_eps("sign"),
    "f-weng-ddpm-mu-eps-t2": lambda: ddpm_mu_eps("sqrt"),
    "f-weng-ddpm-lt": lambda: ddpm_lt(True),
    "f-weng-ddpm-lt-t1": lambda: ddpm_lt(False),
    "f-weng-ddpm-gaussian-score": lambda: ddpm_score("ok"),
    "f-weng-ddpm-gaussian-score-t1": lambda: ddpm_score("sign"),
    "f-weng-ddpm-gaussian-score-t2": lambda: ddpm_score("half"),
    "f-weng-ddim-sub": lambda: ddim_sub(False),
    "f-weng-ddim-sub-t1": lambda: ddim_sub(True),
    "f-weng-flow-realnvp-det": lambda: flow_realnvp(1.0),
    "f-weng-flow-realnvp-det-t1": lambda: flow_realnvp(-1.0),
    "f-weng-flow-inverse-fn": lambda: flow_inverse(False),
    "f-weng-flow-inverse-fn-t1": lambda: flow_inverse(True),
    "f-weng-flow-cov-1d": lambda: flow_cov(False),
    "f-weng-flow-cov-1d-t1": lambda: flow_cov(True),
    "f-weng-flow-log-density": lambda: flow_log_density(-1.0),
    "f-weng-flow-log-density-t1": lambda: flow_log_density(1.0),
    "f-weng-flow-det-inverse": flow_det_inverse,
    "f-weng-gan-df": lambda: gan_df("ok"),
    "f-weng-gan-df-t1": lambda: gan_df("sign1"),
    "f-weng-gan-df-t2": lambda: gan_df("term"),
    "f-weng-gan-global": lambda: gan_global(-2.0),
    "f-weng-gan-global-t1": lambda: gan_global(-1.0),
    "f-weng-gan-js": lambda: gan_js(-1.0),
    "f-weng-gan-js-t1": lambda: gan_js(1.0),
    "f-weng-gan-nash-x": lambda: gan_nash("x", lambda x, y: y),
    "f-weng-gan-nash-x-t1": lambda: gan_nash("x", lambda x, y: x),
    "f-weng-gan-nash-y": lambda: gan_nash("y", lambda x, y: -x),
    "f-weng-gan-nash-y-t1": lambda: gan_nash("y", lambda x, y: x),
    "f-weng-emd-delta1": lambda: emd_delta(1, 0, 3, 1, "2"),
    "f-weng-emd-delta2": lambda: emd_delta(2, 2, 2, 2, "2"),
    "f-weng-emd-delta3": lambda: emd_delta(3, 2, 1, 4, "-1"),
    "f-weng-emd-delta3-t1": lambda: emd_delta(3, 2, 1, 4, "1"),
    "f-weng-emd-delta4": lambda: emd_delta(4, -1, 4, 3, "0"),
    "f-weng-emd-delta4-t1": lambda: emd_delta(4, -1, 4, 3, "2"),
    "f-weng-emd-w": lambda: emd_w("5"),
    "f-weng-emd-w-t1": lambda: emd_w("3"),
}


def vae_doc_chain():
    return chain(*vae_chain_exprs())


def flow_doc_f4():
    e1, e2, e3, _, _ = flow_density_step()
    zi = cpl(Z_PREV)
    # p_i(z_i) as defined one block earlier, with the analytic Jacobian of the inverse
    e0 = float(np.prod(npdf(cpl_inv(zi)))) * math.exp(-0.5 * zi[0])
    return chain(e0, e1, e2, e3)


# document links: (file stem, index of the link entry) -> per-link booleans (None = definition)
DOC_LINKS = {
    ("weng-vae-elbo", 0): vae_doc_chain,
    ("weng-vae-elbo", 1): lambda: vae_decomp(1.0),
    ("weng-vae-elbo", 2): lambda: vae_elbo(False),
    ("weng-vae-elbo", 3): lambda: [None, vae_loss(1.0)[1]],
    ("weng-vae-elbo", 4): lambda: [None],
    ("weng-flow-change-of-variables", 0): flow_normalization,
    ("weng-flow-change-of-variables", 1): lambda: flow_cov(False),
    ("weng-flow-change-of-variables", 2): lambda: [None],
    ("weng-flow-change-of-variables", 3): lambda: [None, None],
    ("weng-flow-change-of-variables", 4): lambda: [None],
    ("weng-flow-change-of-variables", 5): flow_doc_f4,
    ("weng-flow-change-of-variables", 6): lambda: flow_log_density(-1.0),
    ("weng-flow-change-of-variables", 7): lambda: flow_inverse(False),
    ("weng-flow-change-of-variables", 8): lambda: [None],
    ("weng-flow-change-of-variables", 9): lambda: [None],
    ("weng-flow-change-of-variables", 10): lambda: [None],
    ("weng-flow-change-of-variables", 11): lambda: flow_realnvp(1.0),
}
for _stem, _last, _fin in (("weng-gan-optimal-d", "ok", -1.0),
                           ("weng-gan-optimal-d-mutated", "sign3", 1.0)):
    DOC_LINKS[(_stem, 0)] = lambda: [None]
    DOC_LINKS[(_stem, 1)] = lambda: [None, None, None]
    DOC_LINKS[(_stem, 2)] = lambda: [None]
    DOC_LINKS[(_stem, 3)] = lambda k=_last: gan_df(k)
    DOC_LINKS[(_stem, 4)] = lambda: gan_global(-2.0)
    DOC_LINKS[(_stem, 5)] = gan_js_doc_chain
    DOC_LINKS[(_stem, 6)] = lambda s=_fin: gan_js(s)


# ----------------------------------------------------------------------------- driver
def read_claim_expectations():
    text = (HERE / "claims.yaml").read_text(encoding="utf-8")
    out = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^- id: (\S+)$", line)
        if m:
            current = m.group(1)
            continue
        m = re.match(r"^  expect: (valid|invalid)$", line)
        if m and current:
            out[current] = m.group(1)
    return out


def read_doc_expectations(path):
    entries = []
    in_links = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[a-z]+:", line):
            in_links = line.startswith("links:")
            continue
        if in_links and re.match(r"^- line: \d+$", line):
            entries.append([])
        m = re.match(r"^  - (valid|invalid|definition)$", line)
        if m and entries:
            entries[-1].append(m.group(1))
    return entries


def main():
    ok = 0
    bad = 0
    expected = read_claim_expectations()
    missing = sorted(set(expected) - set(CLAIMS))
    extra = sorted(set(CLAIMS) - set(expected))
    for name in missing:
        print(f"FAIL  {name}: no check coded")
        bad += 1
    for name in extra:
        print(f"FAIL  {name}: check for an id not in claims.yaml")
        bad += 1
    for cid in sorted(set(expected) & set(CLAIMS)):
        links = [bool(v) for v in CLAIMS[cid]()]
        verdict = "valid" if all(links) else "invalid"
        good = verdict == expected[cid]
        ok += good
        bad += not good
        print(f"{'ok  ' if good else 'FAIL'}  {cid}: expected {expected[cid]}, links {links}")
    for path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = path.name[: -len(".expect.yaml")]
        for idx, exp in enumerate(read_doc_expectations(path)):
            key = (stem, idx)
            if key not in DOC_LINKS:
                print(f"FAIL  {stem}#{idx}: no check coded")
                bad += 1
                continue
            got = DOC_LINKS[key]()
            if len(got) != len(exp):
                print(f"FAIL  {stem}#{idx}: {len(got)} links coded, {len(exp)} expected")
                bad += 1
                continue
            for j, (e, g_) in enumerate(zip(exp, got, strict=True)):
                if e == "definition":
                    good = g_ is None
                else:
                    good = g_ is not None and (bool(g_) == (e == "valid"))
                ok += good
                bad += not good
                print(f"{'ok  ' if good else 'FAIL'}  {stem}#{idx}.{j}: expected {e}, got {g_}")
    print(f"{ok} confirmed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
