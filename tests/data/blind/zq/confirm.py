# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zq).

Each claim and each document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with one unit of
the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import itertools
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261207)
RTOL, ATOL = 1e-5, 1e-7
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


def fd(f, x, h=1e-6):
    """central-difference gradient of scalar f at array x (same shape as x)"""
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def jac(f, x, h=1e-6):
    """J[i, j] = d f_i / d x_j"""
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    J = np.zeros((f0.size, x.size))
    for j in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp.flat[j] += h
        xm.flat[j] -= h
        J[:, j] = ((np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)).ravel()
    return J


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError, np.linalg.LinAlgError):  # shape mismatch means the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def every(pointfn, n=NPTS):
    """pointfn() -> list of None/bool per link; a link holds only if it holds at every random point"""
    res = None
    for _ in range(n):
        r = pointfn()
        if res is None:
            res = list(r)
        else:
            res = [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


sig = lambda x: 1.0 / (1.0 + np.exp(-x))


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


def pair(base, twin_suffix, fn):
    """fn(variant) -> bool; registers base id (variant 'ok') and twin id (variant 'bad')"""
    CHECK[base] = (lambda i: for_all(lambda: fn("ok")), base)
    CHECK[base + "-" + twin_suffix] = (lambda i: for_all(lambda: fn("bad")), base + "-" + twin_suffix)


# ======================= A. vishalvatsalya7: batch norm =======================
def bn_setup():
    m = 5
    x = rng.normal(size=m) * 1.5 + 0.3
    gam, bet, eps = rng.normal(), rng.normal(), 1e-3
    c = rng.normal(size=m)
    C = lambda y: np.sum(c * np.sin(y)) + 0.3 * np.sum(y ** 2)
    dCdy = lambda y: c * np.cos(y) + 0.6 * y

    def fwd(x, gam, bet):
        mu = x.mean()
        var = ((x - mu) ** 2).mean()
        return gam * (x - mu) / np.sqrt(var + eps) + bet

    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    xh = (x - mu) / np.sqrt(var + eps)
    return m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh


def A_dbeta(v):
    m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh = bn_setup()
    g = d1(lambda b: C(fwd(x, gam, b)), bet)
    dy = dCdy(fwd(x, gam, bet))
    return close(g, dy.sum() if v == "ok" else dy.sum() / m)


pair("zq-vish-bn-dbeta", "mean", A_dbeta)


def A_dgamma(v):
    m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh = bn_setup()
    g = d1(lambda a: C(fwd(x, a, bet)), gam)
    dy = dCdy(fwd(x, gam, bet))
    return close(g, np.sum(dy * (xh if v == "ok" else x)))


pair("zq-vish-bn-dgamma", "raw-x", A_dgamma)


def A_dxhat(v):
    m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh = bn_setup()
    lhs = fd(lambda z: C(gam * z + bet), xh)  # d C / d xhat_i, xhat as the variable
    dy = dCdy(gam * xh + bet)
    dydxh = np.diag(jac(lambda z: gam * z + bet, xh))
    mid = dy * dydxh
    rhs = dy * gam if v == "ok" else dy * xh
    return close(lhs, mid) and close(mid, rhs)


pair("zq-vish-bn-dxhat", "xhat", A_dxhat)


def A_dmu(v):
    m, x, *_ = bn_setup()
    g = fd(lambda z: z.mean(), x)
    return close(g, np.full(m, 1.0 / m) if v == "ok" else np.ones(m))


pair("zq-vish-bn-dmu-dx", "one", A_dmu)


def A_dvar(v):
    m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh = bn_setup()
    g = fd(lambda z: ((z - z.mean()) ** 2).mean(), x)  # total derivative
    return close(g, 2 * (x - mu) / m if v == "ok" else (x - mu) / m)


pair("zq-vish-bn-dvar-dx", "no2", A_dvar)


def A_dxhat_dmu(v):
    m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh = bn_setup()
    g_fixed = np.array([d1(lambda u: (x[i] - u) / np.sqrt(var + eps), mu) for i in range(m)])  # sigma_B^2 held fixed
    g_path = np.array([d1(lambda u: (x[i] - u) / np.sqrt(((x - u) ** 2).mean() + eps), mu) for i in range(m)])
    rhs = np.full(m, -1 / np.sqrt(var + eps)) * (1 if v == "ok" else -1)
    return close(g_fixed, rhs) and close(g_path, rhs)


pair("zq-vish-bn-dxhat-dmu", "sign", A_dxhat_dmu)


@check("zq-vish-bn-dxhat-dvar")
def _(i):
    def p():
        m, x, gam, bet, eps, C, dCdy, fwd, mu, var, xh = bn_setup()
        g = np.array([d1(lambda s2: (x[k] - mu) / np.sqrt(s2 + eps), var) for k in range(m)])
        printed = (-0.5) * (xh - mu) * (var + eps) ** (-1.5)  # reading ^(-1.5) as the intended exponent
        return close(g, printed)
    return for_all(p)


# ======================= B. Itazuri: least squares / ridge / kernel ridge =======================
def lin_setup():
    n, p = 6, 3
    X = rng.normal(size=(n, p))
    y = rng.normal(size=n)
    lam = rng.uniform(0.3, 2.0)
    return n, p, X, y, lam


def B_ls(v):
    n, p, X, y, lam = lin_setup()
    w = np.linalg.inv(X.T @ X) @ X.T @ y
    if v != "ok":
        w = 0.5 * w
    g = fd(lambda u: 0.5 * np.sum((X @ u - y) ** 2), w)
    return close(g, np.zeros(p), atol=1e-6)


pair("zq-itazuri-ls", "half", B_ls)


@check("zq-itazuri-ridge")
def _(i):
    def p():
        n, p_, X, y, lam = lin_setup()
        w = np.linalg.inv(X.T @ X + lam * np.eye(p_)) @ X.T @ y
        g = fd(lambda u: 0.5 * np.sum((X @ u - y) ** 2) + lam * np.sum(u ** 2), w)
        return close(g, np.zeros(p_), atol=1e-6)
    return for_all(p)


def krr_setup():
    n, p, Phi, y, lam = lin_setup()
    w = np.linalg.inv(Phi.T @ Phi + lam * np.eye(p)) @ Phi.T @ y
    a = -(1 / lam) * (Phi @ w - y)
    G = Phi @ Phi.T
    return n, p, Phi, y, lam, w, a, G


def B_stat(v):
    n, p, Phi, y, lam, w, a, G = krr_setup()
    lhs = Phi.T @ (Phi @ w - y) + (lam if v == "ok" else -lam) * w
    return close(lhs, np.zeros(p), atol=1e-8)


pair("zq-itazuri-krr-stationary", "sign", B_stat)


def B_w(v):
    n, p, Phi, y, lam, w, a, G = krr_setup()
    s = -1 if v == "ok" else 1
    return close(w, s * (1 / lam) * Phi.T @ (Phi @ w - y))


pair("zq-itazuri-krr-w", "sign", B_w)


def B_dual(v):
    n, p, Phi, y, lam, w, a, G = krr_setup()
    return close(w, Phi.T @ a if v == "ok" else lam * Phi.T @ a)


pair("zq-itazuri-krr-dual", "lambda", B_dual)


def B_a(v):
    n, p, Phi, y, lam, w, a, G = krr_setup()
    s = 1 if v == "ok" else -1
    return close(a, np.linalg.inv(G + s * lam * np.eye(n)) @ y)


pair("zq-itazuri-krr-a", "sign", B_a)


def B_pred(v):
    n, p, Phi, y, lam, w, a, G = krr_setup()
    phix = rng.normal(size=p)
    kappa = lambda u, t: u @ t
    g = a @ Phi @ phix
    k = np.array([kappa(Phi[i], phix) for i in range(n)])
    M = np.linalg.inv(G + lam * np.eye(n)) if v == "ok" else (G + lam * np.eye(n))
    return close(g, y @ M @ k)


pair("zq-itazuri-krr-pred", "noinv", B_pred)


def B_expand(v):
    n, p = 5, 3
    Phi = rng.normal(size=(n, p))
    a = rng.normal(size=n)
    phix = rng.normal(size=p)
    lhs = a @ Phi @ phix
    if v == "ok":
        rhs = sum(a[i] * (Phi[i] @ phix) for i in range(n))
    else:
        rhs = sum(a[i] * (Phi[i] @ Phi[i]) for i in range(n))
    return close(lhs, rhs)


pair("zq-itazuri-krr-expand", "index", B_expand)


# ======================= C. Malav Patel =======================
def gauss_setup():
    n1, n2 = 3, 2
    B = rng.normal(size=(n1 + n2, n1 + n2))
    S = B @ B.T + 0.5 * np.eye(n1 + n2)
    mu = rng.normal(size=n1 + n2)
    y1 = rng.normal(size=n1)
    Lam = np.linalg.inv(S)
    return n1, n2, S, mu, y1, Lam


def C_mean(v):
    n1, n2, S, mu, y1, Lam = gauss_setup()
    truth = mu[n1:] - np.linalg.inv(Lam[n1:, n1:]) @ Lam[n1:, :n1] @ (y1 - mu[:n1])  # via the precision matrix
    s = 1 if v == "ok" else -1
    printed = mu[n1:] + s * S[n1:, :n1] @ np.linalg.inv(S[:n1, :n1]) @ (y1 - mu[:n1])
    return close(truth, printed)


pair("zq-malav-gp-mean", "sign", C_mean)


def C_cov(v):
    n1, n2, S, mu, y1, Lam = gauss_setup()
    truth = np.linalg.inv(Lam[n1:, n1:])
    s = -1 if v == "ok" else 1
    printed = S[n1:, n1:] + s * S[n1:, :n1] @ np.linalg.inv(S[:n1, :n1]) @ S[:n1, n1:]
    return close(truth, printed)


pair("zq-malav-gp-cov", "sign", C_cov)


@check("zq-malav-gp-kernel")
def _(i):
    def p():
        ell = 0.9
        k = lambda a, b: np.exp(-np.sum((a - b) ** 2) / (2 * ell ** 2))
        X = rng.normal(size=(4, 2))
        x, xp = rng.normal(size=2), rng.normal(size=2)
        pts = list(X) + [x, xp]
        Kall = np.array([[k(a, b) for b in pts] for a in pts]) + 1e-9 * np.eye(6)
        Lam = np.linalg.inv(Kall)
        truth = np.linalg.inv(Lam[4:, 4:])[0, 1]  # posterior covariance of f(x), f(x') given f(X)
        S21 = np.array([k(x, X[j]) for j in range(4)])
        S11 = Kall[:4, :4]
        printed = k(x, xp) - S21 @ np.linalg.inv(S11) @ S21  # Sigma_12 = Sigma_21^T, built from x
        return close(truth, printed, rtol=1e-4, atol=1e-6)
    return for_all(p)


def ridge_setup():
    M, N = 5, 3
    A = rng.normal(size=(M, N))
    y = rng.normal(size=M)
    lam = rng.uniform(0.3, 2.0)
    return M, N, A, y, lam


def C_ridge(v):
    M, N, A, y, lam = ridge_setup()
    c = 1 if v == "ok" else 2
    x = np.linalg.inv(A.T @ A + c * lam * np.eye(N)) @ A.T @ y
    g = fd(lambda u: np.sum((y - A @ u) ** 2) + lam * np.sum(u ** 2), x)
    return close(g, np.zeros(N), atol=1e-6)


pair("zq-malav-ridge-sol", "2lambda", C_ridge)


def ridge_rows(A, y, lam, mut=()):
    M, N = A.shape
    U, s, Vt = np.linalg.svd(A)  # full SVD
    V = Vt.T
    Sg = np.zeros((M, N))
    Sg[:N, :N] = np.diag(s)
    I = np.eye(N)
    inv = np.linalg.inv
    sl = -lam if "row2" in mut else lam
    xr = inv(A.T @ A + lam * I) @ A.T @ y
    r = []
    r.append(A @ inv(A.T @ A + lam * I) @ A.T @ y)
    r.append(U @ Sg @ V.T @ inv(V @ Sg.T @ Sg @ V.T + sl * I) @ V @ Sg.T @ U.T @ y)
    r.append(U @ Sg @ V.T @ inv(V @ Sg.T @ Sg @ V.T + V @ (lam * I) @ V.T) @ V @ Sg.T @ U.T @ y)
    r.append(U @ Sg @ V.T @ inv(V @ (Sg.T @ Sg + lam * I) @ V.T) @ V @ Sg.T @ U.T @ y)
    r.append(U @ Sg @ V.T @ V @ inv(Sg.T @ Sg + lam * I) @ V.T @ V @ Sg.T @ U.T @ y)
    r.append(U @ (Sg @ inv(Sg.T @ Sg + lam * I) @ Sg.T) @ U.T @ y)
    R = N
    num_ = (lambda si: si) if "last" in mut else (lambda si: si ** 2)
    r.append(sum(U[:, i] * num_(s[i]) / (s[i] ** 2 + lam) * (U[:, i] @ y) for i in range(R)))
    return A @ xr, r


def C_shrink(v):
    M, N, A, y, lam = ridge_setup()
    ax, r = ridge_rows(A, y, lam, () if v == "ok" else ("last",))
    return close(r[0], r[-1])


pair("zq-malav-ridge-shrink", "exp", C_shrink)


def logreg_setup():
    d = 3
    th = rng.normal(size=d)
    x = rng.normal(size=d)
    y = float(rng.integers(0, 2))
    loss = lambda t: -(y * np.log(sig(t @ x)) + (1 - y) * np.log(1 - sig(t @ x)))  # l = -(y log s + (1-y) log(1-s))
    return d, th, x, y, loss


def C_lgrad(v):
    d, th, x, y, loss = logreg_setup()
    g = fd(loss, th)
    s = sig(th @ x)
    return close(g, (s - y) * x if v == "ok" else (y - s) * x)


pair("zq-malav-logreg-grad", "sign", C_lgrad)


def C_lchain(v):
    d, th, x, y, loss = logreg_setup()
    lhs = -fd(loss, th)
    s = sig(th @ x)
    dsdf = d1(sig, th @ x)
    dfdth = x
    mid = y / s * dsdf * dfdth - (1 - y) / (1 - s) * dsdf * dfdth
    rhs = (y - s) * dfdth if v == "ok" else (y - s) * s * (1 - s) * dfdth
    return close(lhs, mid) and close(mid, rhs)


pair("zq-malav-logreg-chain", "sigp", C_lchain)


# ======================= D. Brett Koonce: BN / softmax =======================
def kn_setup():
    n = 5
    x = rng.normal(size=n) * 1.3 + 0.2
    eps = 1e-3
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    istd = 1 / np.sqrt(var + eps)
    return n, x, eps, mu, var, istd


def D_center(v):
    n, x, eps, mu, var, istd = kn_setup()
    J = jac(lambda z: z - z.mean(), x)  # J[j, i] = d (x_j - mu) / d x_i
    rhs = np.eye(n) - 1.0 / n if v == "ok" else np.eye(n)
    return close(J.T, rhs)


pair("zq-koonce-center", "nomean", D_center)


def D_istd_links(v):
    n, x, eps, mu, var, istd = kn_setup()
    g = fd(lambda z: 1 / np.sqrt(((z - z.mean()) ** 2).mean() + eps), x)
    c = 1.0 if v == "ok" else 0.5
    mid = -c / (var + eps) ** 1.5 * (x - mu) / n
    rhs = -c * istd ** 3 * (x - mu) / n
    return [close(g, mid), close(mid, rhs)]


CHECK["zq-koonce-istd"] = (lambda i: for_all(lambda: all(D_istd_links("ok"))), "zq-koonce-istd")
CHECK["zq-koonce-istd-half"] = (lambda i: for_all(lambda: all(D_istd_links("bad"))), "zq-koonce-istd-half")


def bn_dx_formula(x, gam, bet, eps, dy, center=True):
    n = x.size
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    istd = 1 / np.sqrt(var + eps)
    xh = (x - mu) * istd
    inner = n * dy - (dy.sum() if center else 0.0) - xh * np.sum(dy * xh)
    return istd * gam / n * inner


def D_bndx(v):
    n, x, eps, mu, var, istd = kn_setup()
    gam, bet = rng.normal(), rng.normal()
    c = rng.normal(size=n)
    Lf = lambda y: np.sum(c * np.tanh(y)) + 0.2 * np.sum(y ** 3)
    bn = lambda z: gam * (z - z.mean()) / np.sqrt(((z - z.mean()) ** 2).mean() + eps) + bet
    dx = fd(lambda z: Lf(bn(z)), x)
    dy = fd(Lf, bn(x))
    return close(dx, bn_dx_formula(x, gam, bet, eps, dy, center=(v == "ok")), rtol=1e-4, atol=1e-6)


pair("zq-koonce-bn-dx", "nocenter", D_bndx)


def D_smjac(v):
    c = 4
    z = rng.normal(size=c)
    S = np.sum(np.exp(z))
    p = np.exp(z) / S
    dlt = np.eye(c)
    lhs = np.array([[np.exp(z[j]) * dlt[i, j] / S - np.exp(z[j]) * np.exp(z[i]) / S ** 2 for j in range(c)] for i in range(c)])
    s = -1 if v == "ok" else 1
    rhs = np.array([[p[j] * (dlt[i, j] + s * p[i]) for j in range(c)] for i in range(c)])
    J = jac(softmax, z)  # J[j, i] = d p_j / d z_i: the lhs is the softmax Jacobian entry (i, j)
    return close(lhs, rhs) and close(lhs, J.T, rtol=1e-5)


pair("zq-koonce-softmax-jac", "sign", D_smjac)


def D_smvjp(v):
    c = 4
    p = softmax(rng.normal(size=c))
    dy = rng.normal(size=c)
    dlt = np.eye(c)
    lhs = np.array([sum(p[j] * (dlt[i, j] - p[i]) * dy[j] for j in range(c)) for i in range(c)])
    rhs = p * dy - (p if v == "ok" else 1.0) * np.sum(p * dy)
    return close(lhs, rhs)


pair("zq-koonce-softmax-vjp", "nofactor", D_smvjp)


def D_alg(v):
    n = int(rng.integers(2, 9))
    s, xi, mu = rng.uniform(0.2, 2), rng.normal(), rng.normal()
    lhs = -0.5 * s ** 3 * (2 / n) * (xi - mu)
    rhs = -s ** 3 * (xi - mu) / n if v == "ok" else -s ** 3 * (xi - mu) / (2 * n)
    return close(lhs, rhs)


pair("zq-koonce-istd-algebra", "2n", D_alg)


def D_collapse(v):
    n, x, eps, mu, var, istd = kn_setup()
    dlt = np.eye(n)
    lhs = np.array([2 / n * sum((x[k] - mu) * (dlt[k, i] - 1 / n) for k in range(n)) for i in range(n)])
    rhs = 2 / n * (x - mu) * (1 if v == "ok" else (1 - 1 / n))
    return close(lhs, rhs)


pair("zq-koonce-var-collapse", "keep", D_collapse)


def D_dvar(v):
    n, x, eps, mu, var, istd = kn_setup()
    g = fd(lambda z: ((z - z.mean()) ** 2).mean(), x)
    return close(g, (2 if v == "ok" else 1) / n * (x - mu))


pair("zq-koonce-dvar", "no2", D_dvar)


def D_distd(v):
    eps = 1e-3
    s2 = rng.uniform(0.1, 3)
    g = d1(lambda t: 1 / np.sqrt(t + eps), s2)
    s = 1 / np.sqrt(s2 + eps)
    return close(g, -0.5 * s ** 3 if v == "ok" else -0.5 * s)


pair("zq-koonce-distd", "exp", D_distd)


# ======================= E. baronett90210: GMM EM =======================
def mvn_logpdf(x, m, S):
    d = x.size
    r = x - m
    return -0.5 * (d * np.log(2 * np.pi) + np.log(np.linalg.det(S)) + r @ np.linalg.solve(S, r))


def gmm_setup(N=7, d=2, K=2):
    X = rng.normal(size=(N, d)) * 1.5
    pi = rng.dirichlet(np.ones(K))
    mus = rng.normal(size=(K, d))
    Ss = []
    for _ in range(K):
        B = rng.normal(size=(d, d))
        Ss.append(B @ B.T + 0.5 * np.eye(d))
    logN = np.array([[mvn_logpdf(X[n], mus[k], Ss[k]) for k in range(K)] for n in range(N)])
    w = pi[None, :] * np.exp(logN)
    gam = w / w.sum(axis=1, keepdims=True)
    Nk = gam.sum(axis=0)
    return N, d, K, X, pi, mus, Ss, logN, gam, Nk


def E_mu(v):
    N, d, K, X, pi, mus, Ss, logN, gam, Nk = gmm_setup()
    k = int(rng.integers(0, K))
    mu_new = (gam[:, k] @ X) / (Nk[k] if v == "ok" else N)
    Q = lambda m: sum(gam[n, k] * mvn_logpdf(X[n], m, Ss[k]) for n in range(N))
    return close(fd(Q, mu_new), np.zeros(d), atol=1e-6)


pair("zq-baronett-mu", "N", E_mu)


def E_sigma(v):
    N, d, K, X, pi, mus, Ss, logN, gam, Nk = gmm_setup()
    k = int(rng.integers(0, K))
    mu_new = (gam[:, k] @ X) / Nk[k]
    R = X - mu_new
    if v == "ok":
        S_new = sum(gam[n, k] * np.outer(R[n], R[n]) for n in range(N)) / Nk[k]
    else:
        S_new = sum(gam[n, k] * (R[n][None, :] @ R[n][:, None]) for n in range(N)) / Nk[k]  # 1x1
    if S_new.shape != (d, d):
        return False
    iu = np.triu_indices(d)

    def Q(t):
        M = np.zeros((d, d))
        M[iu] = t
        M = M + M.T - np.diag(np.diag(M))
        return sum(gam[n, k] * mvn_logpdf(X[n], mu_new, M) for n in range(N))

    return close(fd(Q, S_new[iu]), np.zeros(len(iu[0])), atol=1e-6)


pair("zq-baronett-sigma", "inner", E_sigma)


def E_pi(v):
    N, d, K, X, pi, mus, Ss, logN, gam, Nk = gmm_setup(K=3)
    p = Nk / N if v == "ok" else Nk / K
    if not np.isclose(p.sum(), 1.0):
        return False
    obj = lambda q: np.sum(gam * np.log(q)[None, :])
    best = obj(p)
    return all(best >= obj(rng.dirichlet(np.ones(K))) - 1e-12 for _ in range(300))


pair("zq-baronett-pi", "K", E_pi)


def E_resp(v):
    N, d, K, X, pi, mus, Ss, logN, gam, Nk = gmm_setup()
    Nx = np.exp(logN)
    # posterior p(z_nk = 1 | x_n) from the joint p(x_n, z_nk = 1) = p(x_n | z_nk = 1) p(z_nk = 1)
    joint = Nx * pi[None, :]
    post = joint / joint.sum(axis=1, keepdims=True)
    bayes = (Nx * pi[None, :]) / np.sum(Nx * pi[None, :], axis=1, keepdims=True)
    last = (pi[None, :] * Nx) / (np.sum(pi[None, :] * Nx, axis=1, keepdims=True) if v == "ok" else np.sum(Nx, axis=1, keepdims=True))
    return close(post, bayes) and close(bayes, last)


pair("zq-baronett-resp", "noprior", E_resp)


# ======================= F. Monishver11 =======================
def svm_setup():
    n, d = 6, 3
    while True:
        X = rng.normal(size=(n, d))
        y = rng.choice([-1.0, 1.0], size=n)
        w = rng.normal(size=d)
        m = y * (X @ w)
        if np.all(np.abs(m - 1) > 0.05) and np.any(m < 1):
            break
    lam = rng.uniform(0.1, 1.0)
    J = lambda u: np.mean(np.maximum(0, 1 - y * (X @ u))) + lam * np.sum(u ** 2)
    return n, d, X, y, w, lam, J, m


def F_grad(v):
    n, d, X, y, w, lam, J, m = svm_setup()
    act = m < 1
    rhs = np.sum((-y[act])[:, None] * X[act], axis=0) / n + (2 if v == "ok" else 1) * lam * w
    return close(fd(J, w), rhs)


pair("zq-monish-svm-grad", "lambda", F_grad)


def F_hinge(v):
    ell = lambda t: max(0.0, 1 - t)
    ms = [-0.7, 0.4, 0.93, 1.08, 1.6, 2.2]
    ok = True
    for t in ms:
        want = 0.0 if t > 1 else (-1.0 if v == "ok" else 1.0)
        ok &= close(d1(ell, t), want)
    return ok


pair("zq-monish-hinge-deriv", "sign", F_hinge)


def F_sum(v):
    n, d, X, y, w, lam, J, m = svm_setup()
    gl = [fd(lambda u, i=i: max(0.0, 1 - y[i] * (X[i] @ u)), w) for i in range(n)]
    rhs = sum(gl) / (n if v == "ok" else 1) + 2 * lam * w
    return close(fd(J, w), rhs)


pair("zq-monish-svm-sumrule", "no1n", F_sum)


def bce(y, yh):
    return -y * math.log(yh) - (1 - y) * math.log(1 - yh)


def F_num(y, yh, printed_expr, printed_num, unit):
    return close(bce(y, yh), printed_expr) and num(printed_expr, printed_num, unit)


CHECK["zq-monish-bce-09"] = (lambda i: F_num(1, 0.9, -math.log(0.9), 0.105, 0.001), "")
CHECK["zq-monish-bce-09-log10"] = (lambda i: F_num(1, 0.9, -math.log(0.9), 0.046, 0.001), "")
CHECK["zq-monish-bce-01"] = (lambda i: F_num(1, 0.1, -math.log(0.1), 2.302, 0.001), "")
CHECK["zq-monish-bce-01-log10"] = (lambda i: F_num(1, 0.1, -math.log(0.1), 1.000, 0.001), "")
CHECK["zq-monish-bce-y0-01"] = (lambda i: F_num(0, 0.1, -math.log(1 - 0.1), 0.105, 0.001), "")
CHECK["zq-monish-bce-y0-01-swap"] = (lambda i: F_num(0, 0.1, -math.log(1 - 0.1), 2.302, 0.001), "")
CHECK["zq-monish-bce-y0-09"] = (lambda i: F_num(0, 0.9, -math.log(1 - 0.9), 2.302, 0.001), "")
CHECK["zq-monish-bce-y0-09-swap"] = (lambda i: F_num(0, 0.9, -math.log(1 - 0.9), 0.105, 0.001), "")


def F_margin_links(v, y=None):
    z = rng.normal() * 2
    y = rng.choice([-1.0, 1.0]) if y is None else y
    m = y * z
    cases = -np.log(sig(z)) if y == 1 else -np.log(sig(-z))
    a = -np.log(sig(y * z))
    b = -np.log(1 / (1 + np.exp(-y * z)))
    c = np.log(1 + np.exp(-m)) if v == "ok" else np.log(1 + np.exp(m))
    return [close(cases, a), close(a, b), close(b, c)]


def F_margin(v):
    return all(F_margin_links(v))


pair("zq-monish-logistic-margin", "sign", F_margin)


def F_sq(v):
    f, y = rng.normal(size=2)
    return close((f - y) ** 2, f ** 2 - 2 * f * y + (y ** 2 if v == "ok" else -y ** 2))


pair("zq-monish-sq-expand", "sign", F_sq)


def F_sqm_links(v):
    f = rng.normal()
    y = rng.choice([-1.0, 1.0])
    m = y * f
    return [close((f - y) ** 2, f ** 2 - 2 * f * y + 1), close(f ** 2 - 2 * f * y + 1, (1 - f * y) ** 2),
            close((1 - f * y) ** 2, (1 - m) ** 2 if v == "ok" else (1 + m) ** 2)]


pair("zq-monish-sq-margin", "sign", lambda v: all(F_sqm_links(v)))


def F_sym(v):
    z = rng.normal() * 2
    return close(1 - sig(z), sig(-z) if v == "ok" else sig(z) * sig(-z))


pair("zq-monish-sigmoid-sym", "deriv", F_sym)


# ======================= G. tempathack: pinball loss =======================
def pin(alpha, y, yh):
    return alpha * (y - yh) if y >= yh else (1 - alpha) * (yh - y)


def pin_pts():
    alpha = rng.uniform(0.05, 0.95)
    y, yh = rng.normal(size=2)
    return alpha, y, yh


def G_max(v):
    alpha, y, yh = pin_pts()
    u = y - yh
    a, b = (alpha, 1 - alpha) if v == "ok" else (1 - alpha, alpha)
    return close(pin(alpha, y, yh), a * max(u, 0) + b * max(-u, 0))


pair("zq-pinball-max", "swap", lambda v: all(G_max(v) for _ in range(6)))


def G_ind(v):
    alpha, y, yh = pin_pts()
    ind = float(y < yh) if v == "ok" else float(y > yh)
    return close(pin(alpha, y, yh), (alpha - ind) * (y - yh))


pair("zq-pinball-indicator", "ind", lambda v: all(G_ind(v) for _ in range(6)))


def G_med(v):
    _, y, yh = pin_pts()
    return close(pin(0.5, y, yh), (0.5 if v == "ok" else 1.0) * abs(y - yh))


pair("zq-pinball-median", "abs", lambda v: all(G_med(v) for _ in range(6)))


def G_sub(v):
    alpha = rng.uniform(0.05, 0.95)
    y = rng.normal()
    ok = True
    for yh in [y - 0.7, y - 0.2, y + 0.3, y + 1.1]:
        u = y - yh
        g = d1(lambda t: pin(alpha, y, t), yh)
        want = (-alpha if u > 0 else 1 - alpha) if v == "ok" else (alpha if u > 0 else -(1 - alpha))
        ok &= close(g, want)
    # u = 0: the subdifferential is [left derivative, right derivative] in y-hat
    h = 1e-6
    left = (pin(alpha, y, y) - pin(alpha, y, y - h)) / h
    right = (pin(alpha, y, y + h) - pin(alpha, y, y)) / h
    interval = (-alpha, 1 - alpha) if v == "ok" else (-(1 - alpha), alpha)
    ok &= close(left, interval[0], rtol=1e-4, atol=1e-6) and close(right, interval[1], rtol=1e-4, atol=1e-6)
    return ok


pair("zq-pinball-subgrad", "wrt-y", G_sub)


def pin_lin_setup():
    n, d = 7, 3
    while True:
        X = rng.normal(size=(n, d))
        y = rng.normal(size=n)
        w = rng.normal(size=d)
        b = rng.normal()
        u = y - (X @ w + b)
        if np.all(np.abs(u) > 0.05):
            break
    alpha = rng.uniform(0.05, 0.95)
    L = lambda w_, b_: np.mean([pin(alpha, y[i], X[i] @ w_ + b_) for i in range(n)])
    g = np.where(u > 0, -alpha, 1 - alpha)
    return n, d, X, y, w, b, alpha, L, g


def G_gw(v):
    n, d, X, y, w, b, alpha, L, g = pin_lin_setup()
    return close(fd(lambda t: L(t, b), w), X.T @ g / (n if v == "ok" else 1))


pair("zq-pinball-gradw", "no1n", G_gw)


def G_gb(v):
    n, d, X, y, w, b, alpha, L, g = pin_lin_setup()
    return close(d1(lambda t: L(w, t), b), (1 if v == "ok" else -1) * np.mean(g))


pair("zq-pinball-gradb", "sign", G_gb)


def G_exp(v):
    alpha = rng.uniform(0.05, 0.95)
    vals = np.sort(rng.normal(size=6))
    probs = rng.dirichlet(np.ones(6))
    c = 0.5 * (vals[2] + vals[3])
    EL = lambda t: sum(p * pin(alpha, yv, t) for yv, p in zip(vals, probs))
    Plt, Pgt = probs[vals < c].sum(), probs[vals > c].sum()
    rhs = (1 - alpha) * Plt - alpha * Pgt if v == "ok" else alpha * Plt - (1 - alpha) * Pgt
    return close(d1(EL, c), rhs)


pair("zq-pinball-expected", "swap", G_exp)


# ======================= H. fmorenovr: RNN output layer =======================
def rnn_setup():
    m, h = 4, 3
    V = rng.normal(size=(m, h))
    a = rng.normal(size=h)
    by = rng.normal(size=m)
    y = np.eye(m)[rng.integers(0, m)]
    E_V = lambda V_: -np.sum(y * np.log(softmax(V_ @ a + by)))
    return m, h, V, a, by, y, E_V


def H_dv(v):
    m, h, V, a, by, y, E_V = rnn_setup()
    yh = softmax(V @ a + by)
    rhs = np.outer(yh - y, a) if v == "ok" else np.outer(a, yh - y)
    return close(fd(E_V, V), rhs)


pair("zq-fmoreno-rnn-dv", "transpose", H_dv)


def H_dq(v):
    m, h, V, a, by, y, E_V = rnn_setup()
    q = V @ a + by
    yh = softmax(q)
    dE_dyh = fd(lambda t: -np.sum(y * np.log(t)), yh)  # row gradient
    prod = dE_dyh @ jac(softmax, q)
    dE_dq = fd(lambda t: -np.sum(y * np.log(softmax(t))), q)
    rhs = yh - y if v == "ok" else y - yh
    return close(prod, dE_dq) and close(dE_dq, rhs)


pair("zq-fmoreno-rnn-dq", "swap", H_dq)


# ======================= documents =======================
DOCS = {}


def doc(stem, fns):
    DOCS[stem] = fns


# ---- ridge shrinkage (Malav Patel) ----
def ridge_doc(mut=()):
    def chain():
        def p():
            M, N, A, y, lam = ridge_setup()
            ax, r = ridge_rows(A, y, lam, mut)
            return [None, close(ax, r[0])] + [close(r[k], r[k + 1]) for k in range(6)]
        return every(p)
    return [lambda: [None], lambda: [None], chain]


doc("ridge-shrinkage-malav", ridge_doc())
doc("ridge-shrinkage-malav-mutated", ridge_doc(("row2", "last")))


# ---- BatchNorm backward (Koonce) ----
def bn_doc(mut=False):
    def center():
        return [for_all(lambda: D_center("bad" if mut else "ok"))]

    def istd():
        def p():
            n, x, eps, mu, var, istd_ = kn_setup()
            g = fd(lambda z: 1 / np.sqrt(((z - z.mean()) ** 2).mean() + eps), x)
            ex = 0.5 if mut else 1.5
            mid = -1 / (var + eps) ** ex * (x - mu) / n
            return [close(g, mid), close(mid, -istd_ ** 3 * (x - mu) / n)]
        return every(p)

    return [center, istd,
            lambda: [for_all(lambda: D_bndx("ok"))],
            lambda: [for_all(lambda: D_distd("ok"))],
            lambda: [for_all(lambda: D_dvar("ok"))],
            lambda: [for_all(lambda: D_alg("ok"))],
            lambda: [for_all(lambda: all(close(np.eye(n) + (-1.0 / n) * 1, np.eye(n) - 1.0 / n) for n in range(1, 9)))]]


doc("batchnorm-backward-koonce", bn_doc())
doc("batchnorm-backward-koonce-mutated", bn_doc(True))


# ---- SVM hinge gradient (Monishver11) ----
def svm_doc():
    def hinge():
        return [None, for_all(lambda: all(close(max(1 - t, 0), max(1 - t, 0) if 1 - t >= 0 else 0.0) for t in rng.normal(size=5) * 2))]

    def lcase():
        return [for_all(lambda: F_hinge("ok"))]

    def gcase():
        def p():
            n, d, X, y, w, lam, J, m = svm_setup()
            ok = True
            for i in range(n):
                g = fd(lambda u: max(0.0, 1 - y[i] * (X[i] @ u)), w)
                ok &= close(g, np.zeros(d) if m[i] > 1 else -y[i] * X[i])
            return ok
        return [for_all(p)]

    def gJ1():
        def p():
            n, d, X, y, w, lam, J, m = svm_setup()
            inner = lambda u: np.mean([max(0.0, 1 - y[i] * (X[i] @ u)) for i in range(n)]) + lam * np.sum(u ** 2)
            return close(fd(J, w), fd(inner, w))
        return [for_all(p)]

    def gJ2():
        def p():
            n, d, X, y, w, lam, J, m = svm_setup()
            inner = lambda u: np.mean([max(0.0, 1 - y[i] * (X[i] @ u)) for i in range(n)]) + lam * np.sum(u ** 2)
            gl = [fd(lambda u, i=i: max(0.0, 1 - y[i] * (X[i] @ u)), w) for i in range(n)]
            return close(fd(inner, w), sum(gl) / n + 2 * lam * w)
        return [for_all(p)]

    def gJ3():
        def p():
            n, d, X, y, w, lam, J, m = svm_setup()
            gl = [fd(lambda u, i=i: max(0.0, 1 - y[i] * (X[i] @ u)), w) for i in range(n)]
            act = m < 1
            return close(sum(gl) / n + 2 * lam * w, np.sum((-y[act])[:, None] * X[act], axis=0) / n + 2 * lam * w)
        return [for_all(p)]

    return [hinge, lambda: [None], lcase, gcase, gJ1, gJ2, gJ3]


doc("svm-hinge-gradient-monishver", svm_doc())


# ---- BCE numeric examples (Monishver11) ----
def bce_line(y, yh, expr, printed):
    return lambda: [close(bce(y, yh), expr), num(expr, printed, 0.001)]


doc("bce-examples-monishver", [lambda: [None], lambda: [None],
                               bce_line(1, 0.9, -math.log(0.9), 0.105),
                               bce_line(1, 0.1, -math.log(0.1), 2.302),
                               bce_line(0, 0.1, -math.log(1 - 0.1), 0.105),
                               bce_line(0, 0.9, -math.log(1 - 0.9), 2.302)])


# ---- margin losses (Monishver11) ----
def sq_exp():
    def p():
        f, y = rng.normal(), rng.choice([-1.0, 1.0])
        return [close((f - y) ** 2, (f - y) ** 2), close((f - y) ** 2, f ** 2 - 2 * f * y + y ** 2)]
    return every(p)


doc("margin-losses-monishver", [
    lambda: [for_all(lambda: F_sym("ok"))],
    lambda: [None],
    lambda: every(lambda: F_margin_links("ok")),
    lambda: [None],
    sq_exp,
    lambda: every(lambda: F_sqm_links("ok")),
])


# ---- GMM EM (baronett90210) ----
def gmm_EZ():
    def p():
        N, d, K, X, pi, mus, Ss, logN, gam, Nk = gmm_setup(N=4, d=2, K=2)
        lhs = 0.0
        for Z in itertools.product(range(K), repeat=N):
            post = np.prod([gam[n, Z[n]] for n in range(N)])  # p(Z | X) factorizes over n
            lj = sum(np.log(pi[Z[n]]) + logN[n, Z[n]] for n in range(N))
            lhs += post * lj
        rhs = np.sum(gam * (np.log(pi)[None, :] + logN))
        return close(lhs, rhs)
    return [for_all(p)]


doc("gmm-em-baronett", [lambda: [None], lambda: [None], gmm_EZ,
                        lambda: [None, for_all(lambda: E_resp("ok"))],
                        lambda: [None], lambda: [None], lambda: [None]])


# ---- pinball loss (tempathack) ----
doc("pinball-loss-tempathack", [
    lambda: [None],
    lambda: [for_all(lambda: all(G_max("ok") for _ in range(6)))],
    lambda: [for_all(lambda: all(G_ind("ok") for _ in range(6)))],
    lambda: [for_all(lambda: all(G_med("ok") for _ in range(6)))],
    lambda: [for_all(lambda: G_exp("ok"))],
    lambda: [None],
    lambda: [for_all(lambda: G_sub("ok"))],
    lambda: [for_all(lambda: G_gw("ok")), for_all(lambda: G_gb("ok"))],
])


# ======================= run =======================
def block_text(md, line):
    """text of the display block whose opening $$ is on `line` (1-based)"""
    first = md[line - 1]
    if first.strip() != "$$":
        assert first.startswith("$$") and first.endswith("$$"), (line, first)
        return first[2:-2]
    out = []
    k = line
    while md[k].strip() != "$$":
        out.append(md[k])
        k += 1
    return "\n".join(out)


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
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    nlinks = 0
    nd = 0
    seen = set()
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        seen.add(stem)
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        fns = DOCS[stem]
        assert len(fns) == len(ex["links"]), (stem, len(fns), len(ex["links"]))
        # every display block of the document is listed
        opened, blocks = False, []
        for i, l in enumerate(md):
            if l.strip() == "$$":
                if not opened:
                    blocks.append(i + 1)
                opened = not opened
            elif l.startswith("$$") and l.endswith("$$") and len(l) > 4 and not opened:
                blocks.append(i + 1)
        assert blocks == [lk["line"] for lk in ex["links"]], (stem, blocks)
        for lk, fn in zip(ex["links"], fns):
            assert block_text(md, lk["line"]) == lk["text"], (stem, lk["line"])
            got = fn()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert seen == set(DOCS), sorted(set(DOCS) - seen)
    print(f"documents: {nd} checked, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
