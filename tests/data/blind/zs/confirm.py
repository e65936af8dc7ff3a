# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zs).

Each claim and each document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with one unit of
the last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261207)
RTOL, ATOL = 1e-6, 1e-8
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


def nums(values, printed, unit):
    values = np.asarray(values, float)
    return len(values) == len(printed) and all(num(v, p, unit) for v, p in zip(values, printed))


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


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def hess(f, x, h=1e-4):
    x = np.array(x, float)
    n = x.size
    H = np.zeros((n, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = h
        H[:, j] = (fd(f, x + e) - fd(f, x - e)) / (2 * h)
    return 0.5 * (H + H.T)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch means the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def every(pfun, n=NPTS):
    """pfun returns a list of True/False/None per link; AND over random points"""
    res = None
    for _ in range(n):
        try:
            r = list(pfun())
        except (ValueError, IndexError):
            return None
        res = r if res is None else [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


def chain(vals, rtol=RTOL):
    """list of link verdicts for consecutive equal values"""
    out = []
    for a, b in zip(vals[:-1], vals[1:]):
        try:
            out.append(close(a, b, rtol=rtol, atol=1e-7))
        except (ValueError, IndexError):
            out.append(False)
    return out


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def npdf(x, m, s2):
    return np.exp(-(x - m) ** 2 / (2 * s2)) / np.sqrt(2 * np.pi * s2)


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def claim(i, fn):
    assert i not in CHECK, i
    CHECK[i] = fn


# ======================= A: sungsoo-ahn protein-ai-s26 =======================
def mse_point():
    n = 6
    X = rng.normal(size=(n, 10)); w = rng.normal(size=10); b = rng.normal(); y = rng.normal(size=n)
    r = X @ w + b - y
    return n, X, w, b, y, r


def mse_dw_links(last):
    n, X, w, b, y, r = mse_point()
    g = fd(lambda wv: np.mean((X @ wv + b - y) ** 2), w)
    dyhat_dw = X  # d yhat_i / d w_j = x_ij (independent: finite differences of yhat)
    dyhat_fd = np.array([fd(lambda wv: (X @ wv + b)[i], w) for i in range(n)])
    assert close(dyhat_fd, dyhat_dw)
    mid = np.array([np.sum(2 * r * dyhat_fd[:, j]) / n for j in range(10)])
    fin = {"ok": 2 / n * X.T @ r, "factor": 1 / n * X.T @ r, "swap": 2 / n * X.T @ (-r)}[last]
    return [close(g, mid), close(mid, fin)]


for _v, _id in [("ok", "zs-sa-mse-dw"), ("factor", "zs-sa-mse-dw-factor"), ("swap", "zs-sa-mse-dw-swap")]:
    claim(_id, (lambda v: lambda: for_all(lambda: all(mse_dw_links(v))))(_v))


def mse_db(v):
    n, X, w, b, y, r = mse_point()
    gb = d1(lambda bv: np.mean((X @ w + bv - y) ** 2), b)
    rhs = {"ok": 2 / n * np.sum(r), "x": 2 / n * (X.T @ r), "n": 1 / n * np.sum(r)}[v]
    return close(gb, rhs)


for _v, _id in [("ok", "zs-sa-mse-db"), ("x", "zs-sa-mse-db-x"), ("n", "zs-sa-mse-db-n")]:
    claim(_id, (lambda v: lambda: for_all(lambda: mse_db(v)))(_v))


def bce(v):
    n = 7
    yh = rng.uniform(0.05, 0.95, size=n); y = rng.integers(0, 2, size=n).astype(float)
    lhs = -np.log(np.prod(yh ** y * (1 - yh) ** (1 - y)))
    s = np.sum(y * np.log(yh) + (1 - y) * np.log(1 - yh))
    Lb = -s / n
    mid = s if v == "sign" else -s
    rhs = Lb if v == "n" else n * Lb
    return close(lhs, mid) and close(mid, rhs)


for _v, _id in [("ok", "zs-sa-bce-nll"), ("n", "zs-sa-bce-nll-n"), ("sign", "zs-sa-bce-nll-sign")]:
    claim(_id, (lambda v: lambda: for_all(lambda: bce(v)))(_v))

claim("zs-sa-log099", lambda: num(-math.log(0.99), 0.01, 0.01))
claim("zs-sa-log099-sign", lambda: num(-math.log(0.99), -0.01, 0.01))
claim("zs-sa-log001", lambda: num(-math.log(0.01), 4.6, 0.1))
claim("zs-sa-log001-log10", lambda: num(-math.log(0.01), 2, 1))


def kl_numeric(mu, s):
    tot = 0.0
    for m, sd in zip(mu, s):
        z = np.linspace(m - 14 * sd, m + 14 * sd, 200001)
        q = npdf(z, m, sd ** 2); p = npdf(z, 0.0, 1.0)
        tot += np.trapezoid(q * (np.log(q) - np.log(p)), z) if hasattr(np, "trapezoid") else np.trapz(q * (np.log(q) - np.log(p)), z)
    return tot


def kl(v):
    J = 3
    mu = rng.normal(size=J); s = rng.uniform(0.4, 1.8, size=J)
    ref = kl_numeric(mu, s)
    t = {"ok": 1 + np.log(s ** 2) - mu ** 2 - s ** 2, "sign": 1 + np.log(s ** 2) - mu ** 2 - s ** 2,
         "logs": 1 + np.log(s) - mu ** 2 - s ** 2}[v]
    val = (0.5 if v == "sign" else -0.5) * np.sum(t)
    return close(ref, val, rtol=1e-6, atol=1e-7)


for _v, _id in [("ok", "zs-sa-kl"), ("sign", "zs-sa-kl-sign"), ("logs", "zs-sa-kl-logsigma")]:
    claim(_id, (lambda v: lambda: for_all(lambda: kl(v)))(_v))


def std(v):
    s = rng.uniform(0.2, 3.0)
    return close(math.exp(math.log(s ** 2) / 2) if v == "ok" else math.exp(math.log(s ** 2) * 2), s)


claim("zs-sa-std", lambda: for_all(lambda: std("ok")))
claim("zs-sa-std-times", lambda: for_all(lambda: std("t")))


def ddpm(v):
    T = 6
    beta = rng.uniform(0.02, 0.3, size=T)
    m, var = 1.0, 0.0  # x_t = m x_0 + noise of variance var, composed step by step
    for t in range(T):
        m = np.sqrt(1 - beta[t]) * m
        var = (1 - beta[t]) * var + beta[t]
    abar = np.prod(1 - beta)
    mean_c = {"ok": np.sqrt(abar), "var": np.sqrt(abar), "sqrt": abar}[v]
    var_c = {"ok": 1 - abar, "var": 1 - (1 - beta[-1]), "sqrt": 1 - abar}[v]
    return close(m, mean_c) and close(var, var_c)


for _v, _id in [("ok", "zs-sa-ddpm-marg"), ("var", "zs-sa-ddpm-marg-var"), ("sqrt", "zs-sa-ddpm-marg-sqrt")]:
    claim(_id, (lambda v: lambda: for_all(lambda: ddpm(v)))(_v))

claim("zs-sa-batches", lambda: math.ceil(50000 / 32) == 1563)
claim("zs-sa-batches-floor", lambda: math.ceil(50000 / 32) == 1562)
claim("zs-sa-params", lambda: 64 * 2000 + 64 == 128064)
claim("zs-sa-params-nobias", lambda: 64 * 2000 == 128064)
claim("zs-sa-space", lambda: num(100 * math.log10(20), 130, 1))
claim("zs-sa-space-t", lambda: num(100 * math.log10(20), 120, 1))


def linreg(v):
    x = rng.normal(size=10); w = rng.normal(size=10); b = rng.normal() + 0.5
    s = sum(x[j] * w[j] for j in range(10))
    return close(np.dot(x, w) + b, s + b if v == "ok" else s)


claim("zs-sa-linreg", lambda: for_all(lambda: linreg("ok")))
claim("zs-sa-linreg-nob", lambda: for_all(lambda: linreg("nob")))


def score(v):
    d, dk = 4, 3
    WQ = rng.normal(size=(dk, d)); WK = rng.normal(size=(dk, d)); xi = rng.normal(size=(d, 1)); xj = rng.normal(size=(d, 1))
    q = WQ @ xi; k = WK @ xj
    s = float((q.T @ k)[0, 0])
    rhs = xi.T @ WQ.T @ WK @ xj if v == "ok" else xi.T @ WQ @ WK.T @ xj
    return close(s, float(rhs[0, 0]))


claim("zs-sa-score", lambda: for_all(lambda: score("ok")))
claim("zs-sa-score-t", lambda: for_all(lambda: score("t")))


def ce():
    Cn = 5
    yh = softmax(rng.normal(size=Cn)); t = rng.integers(Cn); y = np.eye(Cn)[t]
    return close(-np.sum(y * np.log(yh)), -np.log(yh[t]))


claim("zs-sa-ce", lambda: for_all(ce))


# ======================= B: ekamperi =======================
def pca_point():
    n, m = 7, 3
    X = rng.normal(size=(n, m)); X = X - X.mean(axis=0)
    v = rng.normal(size=m); v /= np.linalg.norm(v)
    C = X.T @ X / n
    return n, m, X, v, C


def pca_var_vals(v_):
    n, m, X, v, C = pca_point()
    y = X @ v
    second = np.mean((X @ v) ** 2) if v_ == "ok" else np.mean(X @ v)
    vals = [np.mean(y ** 2), second,
            np.mean([(X[i] @ v) * (X[i] @ v) for i in range(n)]),
            np.mean([(v @ X[i]) * (X[i] @ v) for i in range(n)]),
            v @ (sum(np.outer(X[i], X[i]) for i in range(n)) / n) @ v,
            v @ C @ v]
    return chain(vals)


claim("zs-sb-pca-var", lambda: for_all(lambda: all(pca_var_vals("ok"))))
claim("zs-sb-pca-var-sq", lambda: for_all(lambda: all(pca_var_vals("sq"))))


def pca_cov(v):
    n, m, X, vv, C = pca_point()
    mu = np.zeros(m)
    full = sum(np.outer(X[i] - mu, X[i] - mu) for i in range(n)) / n
    rhs = sum(np.outer(X[i], X[i]) for i in range(n)) / n if v == "ok" else np.array(sum(X[i] @ X[i] for i in range(n)) / n)
    return close(full, rhs)


claim("zs-sb-pca-cov", lambda: for_all(lambda: pca_cov("ok")))
claim("zs-sb-pca-cov-inner", lambda: for_all(lambda: pca_cov("inner")))


def sym(m):
    A = rng.normal(size=(m, m))
    return A + A.T


def pca_quad_links(v_):
    m = 3
    C = sym(m); v = rng.normal(size=(1, m))  # row vector v^T
    g = fd(lambda vv: (vv @ C @ vv.T)[0, 0], v)
    mid = v @ (C + C.T)
    fin = {"ok": 2 * v @ C, "half": v @ C, "order": None}[v_]
    if v_ == "order":
        fin = 2 * C @ v  # C (m x m) times a row vector: undefined
    return [close(g, mid), close(mid, fin)]


claim("zs-sb-pca-quad", lambda: for_all(lambda: all(pca_quad_links("ok"))))
claim("zs-sb-pca-quad-half", lambda: for_all(lambda: all(pca_quad_links("half"))))
claim("zs-sb-pca-quad-order", lambda: for_all(lambda: all(pca_quad_links("order"))))


def pca_dv(v_):
    m = 3
    C = sym(m); v = rng.normal(size=m); lam = rng.normal()
    g = fd(lambda vv: vv @ C @ vv - lam * (vv @ vv - 1), v)
    rhs = {"ok": 2 * v @ C - 2 * lam * v, "sign": 2 * v @ C + 2 * lam * v, "half": 2 * v @ C - lam * v}[v_]
    return close(g, rhs)


for _v, _id in [("ok", "zs-sb-pca-dv"), ("sign", "zs-sb-pca-dv-sign"), ("half", "zs-sb-pca-dv-half")]:
    claim(_id, (lambda v: lambda: for_all(lambda: pca_dv(v)))(_v))


def pca_dlam():
    m = 3
    C = sym(m); v = rng.normal(size=m) * 1.7; lam = rng.normal()
    g = d1(lambda lm: v @ C @ v - lm * (v @ v - 1), lam)
    return close(g, v @ v - 1)


claim("zs-sb-pca-dlam", lambda: for_all(pca_dlam))


def quad_f(m=3, pd=False, stationary=False):
    A = rng.normal(size=(m, m))
    H = A @ A.T + m * np.eye(m) if pd else A + A.T
    bv = rng.normal(size=m); c = rng.normal()
    x = rng.normal(size=m)
    if stationary:
        bv = -H @ x  # grad H x + b = 0 at x
    f = lambda z: 0.5 * z @ H @ z + bv @ z + c
    return f, H, x


def gd_step(v):
    f, H, x = quad_f()
    g = fd(f, x); Hf = hess(f, x); a = rng.uniform(0.1, 1.0)
    # the given second-order model holds exactly for this f
    dx = rng.normal(size=3)
    assert close(f(x + dx), f(x) + g @ dx + 0.5 * dx @ Hf @ dx, rtol=1e-5, atol=1e-6)
    rhs = {"ok": f(x) - a * g @ g + 0.5 * a ** 2 * g @ Hf @ g, "half": f(x) - a * g @ g + a ** 2 * g @ Hf @ g,
           "sign": f(x) + a * g @ g + 0.5 * a ** 2 * g @ Hf @ g}[v]
    return close(f(x - a * g), rhs, rtol=1e-5, atol=1e-6)


for _v, _id in [("ok", "zs-sb-gd-step"), ("half", "zs-sb-gd-step-half"), ("sign", "zs-sb-gd-step-sign")]:
    claim(_id, (lambda v: lambda: for_all(lambda: gd_step(v)))(_v))


def gd_aopt(v):
    f, H, x = quad_f(pd=True)
    g = fd(f, x); Hf = hess(f, x)
    a = g @ g / (g @ Hf @ g) if v == "ok" else g @ Hf @ g / (g @ g)
    phi = lambda al: f(x - al * g)
    return abs(d1(phi, a)) < 1e-5 * (1 + abs(g @ g))


claim("zs-sb-gd-aopt", lambda: for_all(lambda: gd_aopt("ok")))
claim("zs-sb-gd-aopt-inv", lambda: for_all(lambda: gd_aopt("inv")))


def eig_point():
    H = sym(4)
    lam, E = np.linalg.eigh(H)
    i = rng.integers(4)
    while abs(abs(lam[i]) - 1) < 0.1 or abs(lam[i]) < 0.1:
        H = sym(4); lam, E = np.linalg.eigh(H); i = rng.integers(4)
    return H, lam[i], E[:, i]


def gd_eig(v):
    H, l, e = eig_point()
    vals = [e @ e / (e @ H @ e), 1 / (e @ (l * e)), 1 / l if v == "ok" else l]
    return all(chain(vals))


claim("zs-sb-gd-eig", lambda: for_all(lambda: gd_eig("ok")))
claim("zs-sb-gd-eig-t", lambda: for_all(lambda: gd_eig("t")))


def gd_qf_links(v):
    H, l, e = eig_point()
    dx = e
    vals = [dx @ H @ dx, e @ H @ e, e @ (l * e), l * (e @ e), l if v == "ok" else l ** 2]
    return chain(vals)


claim("zs-sb-gd-qf", lambda: for_all(lambda: all(gd_qf_links("ok"))))
claim("zs-sb-gd-qf-sq", lambda: for_all(lambda: all(gd_qf_links("sq"))))


def gd_sumeig(v):
    f, H, x = quad_f(m=4, stationary=True)
    Hf = hess(f, x)
    assert close(fd(f, x), np.zeros(4), atol=1e-6)
    lam, E = np.linalg.eigh(Hf)
    xs = rng.normal(size=4)
    dx = E @ xs
    rhs = f(x) + (0.5 if v == "ok" else 1.0) * np.sum(lam * xs ** 2)
    return close(f(x + dx), rhs, rtol=1e-5, atol=1e-6)


claim("zs-sb-gd-sumeig", lambda: for_all(lambda: gd_sumeig("ok")))
claim("zs-sb-gd-sumeig-half", lambda: for_all(lambda: gd_sumeig("half")))


def newton(v):
    f, H, x = quad_f(pd=True)
    g = fd(f, x); Hf = hess(f, x)
    dx1 = -np.linalg.solve(Hf, g) if v == "ok" else -Hf @ g
    dx2 = -np.linalg.inv(Hf) @ g if v == "ok" else -(Hf) @ g
    model_grad = lambda d: fd(lambda dd: f(x) + g @ dd + 0.5 * dd @ Hf @ dd, d)
    return close(dx1, dx2, rtol=1e-5) and close(model_grad(dx1), np.zeros(3), atol=1e-5)


claim("zs-sb-newton", lambda: for_all(lambda: newton("ok")))
claim("zs-sb-newton-noinv", lambda: for_all(lambda: newton("noinv")))


def lik(v):
    n = 5
    eps = rng.normal(size=n); s = rng.uniform(0.5, 2.0)
    prod = np.prod([npdf(e, 0, s ** 2) for e in eps])
    k = n if v == "ok" else 1
    return close(prod, (1 / (np.sqrt(2 * np.pi) * s)) ** k * np.exp(-np.sum(eps ** 2) / (2 * s ** 2)))


claim("zs-sb-lik", lambda: for_all(lambda: lik("ok")))
claim("zs-sb-lik-pow", lambda: for_all(lambda: lik("pow")))


def ridge_prior(v):
    p = 4
    beta = rng.normal(size=p); c = rng.uniform(0.5, 2.0)
    vals = [np.prod([npdf(bb, 0, c) for bb in beta]),
            np.prod([1 / np.sqrt(2 * np.pi * c) * np.exp(-bb ** 2 / (2 * c)) for bb in beta]),
            (1 / np.sqrt(2 * np.pi * c)) ** p * np.exp(-(0.5 if v == "ok" else 1.0) / c * np.sum(beta ** 2))]
    return all(chain(vals))


claim("zs-sb-ridge-prior", lambda: for_all(lambda: ridge_prior("ok")))
claim("zs-sb-ridge-prior-c", lambda: for_all(lambda: ridge_prior("c")))


def lasso_post(v):
    n = 5
    eps = rng.normal(size=n); s = rng.uniform(0.5, 2.0); beta = rng.normal(); b = rng.uniform(0.5, 2.0)
    Lk = np.prod([npdf(e, 0, s ** 2) for e in eps]); pb = 1 / (2 * b) * np.exp(-abs(beta) / b)
    K = (1 / (np.sqrt(2 * np.pi) * s)) ** n
    l1 = K * np.exp(-np.sum(eps ** 2) / (2 * s ** 2)) * (1 / (2 * b) * np.exp(-abs(beta) / b))
    sg = -1 if v == "ok" else 1
    l2 = K * (1 / (2 * b)) * np.exp(-np.sum(eps ** 2) / (2 * s ** 2) + sg * abs(beta) / b)
    return all(chain([Lk * pb, l1, l2]))


claim("zs-sb-lasso-post", lambda: for_all(lambda: lasso_post("ok")))
claim("zs-sb-lasso-post-sign", lambda: for_all(lambda: lasso_post("sign")))


def ridge_post(v):
    n, p = 5, 3
    eps = rng.normal(size=n); s = rng.uniform(0.5, 2.0); beta = rng.normal(size=p); c = rng.uniform(0.5, 2.0)
    Lk = np.prod([npdf(e, 0, s ** 2) for e in eps]); pb = np.prod([npdf(bb, 0, c) for bb in beta])
    K = (1 / (np.sqrt(2 * np.pi) * s)) ** n
    l1 = K * np.exp(-np.sum(eps ** 2) / (2 * s ** 2)) * (1 / np.sqrt(2 * np.pi * c)) ** p * np.exp(-np.sum(beta ** 2) / (2 * c))
    kp = p if v == "ok" else n
    l2 = K * (1 / np.sqrt(2 * np.pi * c)) ** kp * np.exp(-np.sum(eps ** 2) / (2 * s ** 2) - np.sum(beta ** 2) / (2 * c))
    return all(chain([Lk * pb, l1, l2]))


claim("zs-sb-ridge-post", lambda: for_all(lambda: ridge_post("ok")))
claim("zs-sb-ridge-post-pow", lambda: for_all(lambda: ridge_post("pow")))


def quad_argmin(F, p):
    """argmin of a quadratic F by finite-difference gradient and Hessian"""
    z = np.zeros(p)
    return -np.linalg.solve(hess(F, z), fd(F, z))


def ridge_lam_links(v):
    n, p = 8, 3
    X = rng.normal(size=(n, p)); y = rng.normal(size=n) + X @ rng.normal(size=p)
    s2 = rng.uniform(0.5, 2.0); c = rng.uniform(0.3, 2.0); lam = s2 / c
    rss = lambda bb: np.sum((y - X @ bb) ** 2)
    k = 2 * s2 / (2 * c) if v == "ok" else s2 / (2 * c)
    objs = [lambda bb: rss(bb) / (2 * s2) + np.sum(bb ** 2) / (2 * c),
            lambda bb: (rss(bb) + k * np.sum(bb ** 2)) / (2 * s2),
            lambda bb: rss(bb) + lam * np.sum(bb ** 2),
            lambda bb: rss(bb) + lam * np.sum(bb ** 2)]
    return chain([quad_argmin(F, p) for F in objs], rtol=1e-4)


claim("zs-sb-ridge-lam", lambda: for_all(lambda: all(ridge_lam_links("ok"))))
claim("zs-sb-ridge-lam-t", lambda: for_all(lambda: all(ridge_lam_links("t"))))

GRID = np.linspace(-6, 6, 240001)


def grid_argmin(F):
    return GRID[np.argmin(F(GRID))]


def lasso_lam_links(v):
    n = 6
    x = rng.normal(size=n); y = 3 * x + 0.3 * rng.normal(size=n)
    s2 = rng.uniform(0.5, 1.5); b = rng.uniform(0.5, 1.5); lam = 2 * s2 / b
    rss = lambda bb: np.sum((y[:, None] - x[:, None] * bb[None, :]) ** 2, axis=0)
    k = 2 * s2 / b if v == "ok" else s2 / b
    objs = [lambda bb: rss(bb) / (2 * s2) + np.abs(bb) / b,
            lambda bb: rss(bb) / (2 * s2) + np.abs(bb) / b,
            lambda bb: (rss(bb) + k * np.abs(bb)) / (2 * s2),
            lambda bb: rss(bb) + lam * np.abs(bb),
            lambda bb: rss(bb) + lam * np.abs(bb)]
    ams = [grid_argmin(F) for F in objs]
    step = GRID[1] - GRID[0]
    return [bool(abs(a - c_) <= 2 * step) for a, c_ in zip(ams[:-1], ams[1:])]


claim("zs-sb-lasso-lam", lambda: for_all(lambda: all(lasso_lam_links("ok"))))
claim("zs-sb-lasso-lam-t", lambda: for_all(lambda: all(lasso_lam_links("t"))))


def em_point():
    N = 6
    x = rng.normal(size=N) * 2; pi = rng.uniform(0.2, 0.8)
    m1, m2 = rng.normal(size=2); s1, s2 = rng.uniform(0.5, 2, size=2)
    return N, x, pi, m1, m2, s1, s2


def em_ll(v):
    N, x, pi, m1, m2, s1, s2 = em_point()
    p = pi * npdf(x, m1, s1 ** 2) + (1 - pi) * npdf(x, m2, s2 ** 2)
    last = np.sum(np.log(pi * npdf(x, m1, s1 ** 2) + (1 - pi) * npdf(x, m2, s2 ** 2))) if v == "ok" else \
        np.sum(np.log(pi * npdf(x, m1, s1 ** 2)) + np.log((1 - pi) * npdf(x, m2, s2 ** 2)))
    return all(chain([np.log(np.prod(p)), np.sum(np.log(p)), last]))


claim("zs-sb-em-ll", lambda: for_all(lambda: em_ll("ok")))
claim("zs-sb-em-ll-split", lambda: for_all(lambda: em_ll("split")))


def em_gamma(v):
    N, x, pi, m1, m2, s1, s2 = em_point()
    f1, f2 = npdf(x, m1, s1 ** 2), npdf(x, m2, s2 ** 2)
    cl = lambda D: (1 - D) * np.log(f1) + D * np.log(f2) + (1 - D) * np.log(pi) + D * np.log(1 - pi)  # complete-data ll per i
    post1 = np.exp(cl(1)) / (np.exp(cl(0)) + np.exp(cl(1)))  # Pr(Delta_i = 1 | theta, x)
    g = (1 - pi) * f2 / (pi * f1 + (1 - pi) * f2) if v == "ok" else pi * f1 / (pi * f1 + (1 - pi) * f2)
    return close(post1, g)


claim("zs-sb-em-gamma", lambda: for_all(lambda: em_gamma("ok")))
claim("zs-sb-em-gamma-t", lambda: for_all(lambda: em_gamma("t")))


def em_mu2(v):
    N, x, pi, m1, m2, s1, s2 = em_point()
    gam = rng.uniform(0.05, 0.6, size=N)
    Q = lambda mu: np.sum(gam * np.log(npdf(x, mu, s2 ** 2)))
    mu = np.sum(gam * x) / np.sum(gam) if v == "ok" else np.sum(gam * x) / N
    return abs(d1(Q, mu)) < 1e-6 and d1(lambda m: d1(Q, m), mu) < 0


claim("zs-sb-em-mu2", lambda: for_all(lambda: em_mu2("ok")))
claim("zs-sb-em-mu2-N", lambda: for_all(lambda: em_mu2("N")))


def em_pi(v):
    N, x, pi, m1, m2, s1, s2 = em_point()
    gam = rng.uniform(0.05, 0.5, size=N)
    Q = lambda p: np.sum((1 - gam) * np.log(p) + gam * np.log(1 - p))
    ph = np.sum(1 - gam) / N if v == "ok" else np.sum(gam) / N
    return abs(d1(Q, ph, 1e-6)) < 1e-5


claim("zs-sb-em-pi", lambda: for_all(lambda: em_pi("ok")))
claim("zs-sb-em-pi-t", lambda: for_all(lambda: em_pi("t")))


# ======================= C: Omycron83 (Delta = gradient w.r.t. theta, softmax policy) =======================
K = 4


def policy_point():
    th = rng.normal(size=K); q = rng.normal(size=K) + 1.0; b = rng.normal() + 2.0
    pi = softmax(th)
    Jp = np.array([fd(lambda t: softmax(t)[a], th) for a in range(K)])  # row a: gradient of pi_a
    return th, q, b, pi, Jp


def baseline_links(v):
    th, q, b, pi, Jp = policy_point()
    vals = [sum(b * Jp[a] for a in range(K)), b * Jp.sum(axis=0), b * fd(lambda t: np.sum(softmax(t)), th),
            b * np.zeros(K)]  # b(s) Delta 1: gradient of a constant
    if v == "ok":
        vals += [b * np.zeros(K), np.zeros(K)]
    else:
        vals += [b * np.ones(K) * 1.0, np.full(K, b)]
    return chain(vals)


claim("zs-sc-baseline", lambda: for_all(lambda: all(baseline_links("ok"))))
claim("zs-sc-baseline-const", lambda: for_all(lambda: all(baseline_links("const"))))


def dln(v):
    a = rng.normal(size=3); th = rng.normal(size=3)
    x = lambda t: np.exp(a @ t) + 1.0
    lhs = fd(lambda t: np.log(x(t)), th)
    rhs = fd(x, th) / (x(th) if v == "ok" else x(th) ** 2)
    return close(lhs, rhs, rtol=1e-5)


claim("zs-sc-dln", lambda: for_all(lambda: dln("ok")))
claim("zs-sc-dln-sq", lambda: for_all(lambda: dln("sq")))


def pg_mult(v):
    th, q, b, pi, Jp = policy_point()
    lhs = sum(q[a] * Jp[a] for a in range(K))
    rhs = sum(pi[a] * q[a] * Jp[a] / pi[a] for a in range(K)) if v == "ok" else sum(q[a] * Jp[a] / pi[a] for a in range(K))
    return close(lhs, rhs)


claim("zs-sc-pg-mult", lambda: for_all(lambda: pg_mult("ok")))
claim("zs-sc-pg-mult-t", lambda: for_all(lambda: pg_mult("t")))


def pg_sample(v):
    th, q, b, pi, Jp = policy_point()
    lhs = sum(pi[a] * q[a] * Jp[a] / pi[a] for a in range(K))
    # expectation over the sampled action A_t ~ pi, by enumeration of its values
    h = (lambda A: q[A] * Jp[A] / pi[A]) if v == "ok" else (lambda A: q[A] * Jp[A])
    rhs = np.einsum("a,ak->k", pi, np.array([h(A) for A in range(K)]))
    return close(lhs, rhs)


claim("zs-sc-pg-sample", lambda: for_all(lambda: pg_sample("ok")))
claim("zs-sc-pg-sample-t", lambda: for_all(lambda: pg_sample("t")))


def pgt_log(v):
    th, q, b, pi, Jp = policy_point()
    glog = np.array([fd(lambda t: np.log(softmax(t)[a]), th) for a in range(K)])
    lhs = np.einsum("a,ak->k", pi, Jp / pi[:, None] * q[:, None])
    rhs = np.einsum("a,ak->k", pi, glog * q[:, None]) if v == "ok" else np.einsum("a,ak->k", pi, glog)
    return close(lhs, rhs, rtol=1e-5)


claim("zs-sc-pgt-log", lambda: for_all(lambda: pgt_log("ok")))
claim("zs-sc-pgt-log-noq", lambda: for_all(lambda: pgt_log("noq")))


def pgt_prop():
    S = 2
    mu = softmax(rng.normal(size=S)); ths = rng.normal(size=(S, K)); qs = rng.normal(size=(S, K)) + 1
    # gradient w.r.t. the (state-specific) parameters, stacked
    lhs, rhs = [], []
    for s in range(S):
        pi = softmax(ths[s]); Jp = np.array([fd(lambda t: softmax(t)[a], ths[s]) for a in range(K)])
        lhs.append(mu[s] * np.einsum("a,ak->k", qs[s], Jp))
        rhs.append(mu[s] * np.einsum("a,ak->k", pi * qs[s], Jp))  # E over s ~ mu, a ~ pi
    return close(np.concatenate(lhs), np.concatenate(rhs))


claim("zs-sc-pgt-prop", lambda: for_all(pgt_prop))


# ======================= E, F, G, H: printed numbers =======================
claim("zs-se-exp25", lambda: num(math.exp(2.5), 12.18, 0.01))
claim("zs-se-exp25-t", lambda: num(math.exp(2.5), 12.81, 0.01))
claim("zs-se-exp1", lambda: num(math.exp(1.0), 2.72, 0.01))
claim("zs-se-expm05", lambda: num(math.exp(-0.5), 0.61, 0.01))
claim("zs-se-expm05-t", lambda: num(math.exp(-0.5), -1.65, 0.01))
claim("zs-se-sum", lambda: num(12.18 + 2.72 + 0.61, 15.51, 0.01))
claim("zs-se-sum-t", lambda: num(12.18 + 2.72 + 0.61, 15.61, 0.01))
claim("zs-se-pcat", lambda: num(12.18 / 15.51, 0.785, 0.001))
claim("zs-se-pcat-t", lambda: num(12.18 / 15.51, 0.875, 0.001))
claim("zs-se-pdog", lambda: num(2.72 / 15.51, 0.175, 0.001))
claim("zs-se-pbird", lambda: num(0.61 / 15.51, 0.039, 0.001))
claim("zs-se-scaled", lambda: close(np.array([2.5, 1.0, -0.5]) / 2.0, [1.25, 0.5, -0.25]))
claim("zs-se-scaled-t", lambda: close(np.array([2.5, 1.0, -0.5]) / 2.0, [1.25, 0.5, 0.25]))
claim("zs-se-t2", lambda: nums(softmax(np.array([2.5, 1.0, -0.5]) / 2.0), [0.52, 0.31, 0.17], 0.01))
LOG = np.array([1.0, 2.0, 3.0])
claim("zs-sf-t1", lambda: nums(softmax(LOG / 1.0), [0.090, 0.245, 0.665], 0.001))
claim("zs-sf-t05", lambda: nums(softmax(LOG / 0.5), [0.016, 0.117, 0.867], 0.001))
claim("zs-sf-t05-after", lambda: nums(softmax(LOG / 0.5), [0.180, 0.489, 1.330], 0.001))
claim("zs-sf-t05-rev", lambda: nums(softmax(LOG / 0.5), [0.867, 0.117, 0.016], 0.001))
claim("zs-sf-t2", lambda: nums(softmax(LOG / 2.0), [0.186, 0.307, 0.506], 0.001))
claim("zs-sf-t2-after", lambda: nums(softmax(LOG / 2.0), [0.045, 0.122, 0.333], 0.001))
claim("zs-sg-ratio", lambda: num(math.exp(2), 7.4, 0.1))
claim("zs-sg-ratio-t", lambda: num(math.exp(2), 4, 1))
claim("zs-sh-bellman", lambda: num(2.2 * 0.9, 1.98, 0.01))
claim("zs-sh-bellman-t", lambda: num(2.2 * 0.9, 1.89, 0.01))


# ======================= I, J: KL between normals =======================
def kl2d_numeric(m1, S1, m2, S2):
    g = np.linspace(-9, 9, 901)
    X, Y = np.meshgrid(g, g, indexing="ij")
    P = np.stack([X.ravel(), Y.ravel()], axis=1)

    def logpdf(m, S):
        D = P - m
        Si = np.linalg.inv(S)
        return -0.5 * np.einsum("ni,ij,nj->n", D, Si, D) - 0.5 * np.log(np.linalg.det(2 * np.pi * S))
    lp, lq = logpdf(m1, S1), logpdf(m2, S2)
    w = (g[1] - g[0]) ** 2
    return np.sum(np.exp(lp) * (lp - lq)) * w


def spd(d):
    A = rng.normal(size=(d, d)) * 0.5
    return A @ A.T + 0.6 * np.eye(d)


def kl_mv(v):
    d = 2
    m1, m2 = rng.normal(size=d) * 0.7, rng.normal(size=d) * 0.7
    S1, S2 = spd(d), spd(d)
    ref = kl2d_numeric(m1, S1, m2, S2)
    tr = np.trace(np.linalg.inv(S2) @ S1) if v != "swap" else np.trace(np.linalg.inv(S1) @ S2)
    ld = np.log(np.linalg.det(S2) / np.linalg.det(S1)) if v != "det" else np.log(np.linalg.det(S1) / np.linalg.det(S2))
    dm = m1 - m2
    val = 0.5 * (tr + dm @ np.linalg.inv(S2) @ dm - d + ld)
    return close(ref, val, rtol=1e-5, atol=1e-6)


claim("zs-si-kl", lambda: for_all(lambda: kl_mv("ok")))
claim("zs-si-kl-swap", lambda: for_all(lambda: kl_mv("swap")))
claim("zs-si-kl-det", lambda: for_all(lambda: kl_mv("det")))


def gist():
    mu1, mu2 = rng.normal(size=2); s1, s2 = rng.uniform(0.5, 2.5, size=2)
    z = np.linspace(mu1 - 14 * s1, mu1 + 14 * s1, 200001)
    p, q = npdf(z, mu1, s1 ** 2), npdf(z, mu2, s2 ** 2)
    ref = np.trapezoid(p * (np.log(p) - np.log(q)), z) if hasattr(np, "trapezoid") else np.trapz(p * (np.log(p) - np.log(q)), z)
    val = math.log(s2) / math.log(s1) + (s1 ** 2 + (mu1 - mu2) ** 2) / (2 * s2) ** 2 - 1 / 2
    return close(ref, val, rtol=1e-6, atol=1e-7)


claim("zs-sj-gist", lambda: for_all(gist))


# ======================= documents =======================
DOCS = {}


def doc(stem, text):
    def deco(fn):
        key = (stem, text)
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco


def const(*vals):
    return lambda: list(vals)


def expect_texts(stem):
    return [lk["text"] for lk in yaml.safe_load((HERE / "docs" / (stem + ".expect.yaml")).read_text())["links"]]


# --- mse-gradient-sungsoo (+ mutated) ---
def mse_doc(stem, mut):
    t = expect_texts(stem)
    doc(stem, t[0])(lambda: [None, for_all(lambda: linreg("ok"))])
    doc(stem, t[1])(const(None))
    doc(stem, t[2])(lambda: every(lambda: mse_dw_links("factor" if mut else "ok")))
    doc(stem, t[3])(lambda: [for_all(lambda: mse_db("ok"))] if not mut else [for_all(lambda: mse_db_swap())])
    doc(stem, t[4])(const(None))


def mse_db_swap():
    n, X, w, b, y, r = mse_point()
    gb = d1(lambda bv: np.mean((X @ w + bv - y) ** 2), b)
    return close(gb, 2 / n * np.sum(-r))


mse_doc("mse-gradient-sungsoo", False)
mse_doc("mse-gradient-sungsoo-mutated", True)

# --- pca-lagrange-ekamperi ---
_t = expect_texts("pca-lagrange-ekamperi")
doc("pca-lagrange-ekamperi", _t[0])(lambda: [None] + every(lambda: pca_var_vals("ok")))
doc("pca-lagrange-ekamperi", _t[1])(lambda: [for_all(lambda: pca_cov("ok"))])
doc("pca-lagrange-ekamperi", _t[2])(const(None))
doc("pca-lagrange-ekamperi", _t[3])(lambda: every(lambda: pca_quad_links("ok")))

# --- ridge-posterior-ekamperi ---
_t = expect_texts("ridge-posterior-ekamperi")
doc("ridge-posterior-ekamperi", _t[0])(lambda: [None, for_all(lambda: lik("ok"))])


def ridge_prior_links():
    p = 4
    beta = rng.normal(size=p); c = rng.uniform(0.5, 2.0)
    pbi = lambda bb: 1 / np.sqrt(2 * np.pi * c) * np.exp(-bb ** 2 / (2 * c))  # given p(beta_i)
    vals = [np.prod([pbi(bb) for bb in beta]),
            np.prod([1 / np.sqrt(2 * np.pi * c) * np.exp(-bb ** 2 / (2 * c)) for bb in beta]),
            (1 / np.sqrt(2 * np.pi * c)) ** p * np.exp(-1 / (2 * c) * np.sum(beta ** 2))]
    return [None] + chain(vals)


doc("ridge-posterior-ekamperi", _t[1])(lambda: every(ridge_prior_links))


def ridge_post_links():
    n, p = 5, 3
    eps = rng.normal(size=n); s = rng.uniform(0.5, 2.0); beta = rng.normal(size=p); c = rng.uniform(0.5, 2.0)
    Lk = np.prod([npdf(e, 0, s ** 2) for e in eps]); pb = np.prod([npdf(bb, 0, c) for bb in beta])
    K_ = (1 / (np.sqrt(2 * np.pi) * s)) ** n
    l1 = K_ * np.exp(-np.sum(eps ** 2) / (2 * s ** 2)) * (1 / np.sqrt(2 * np.pi * c)) ** p * np.exp(-np.sum(beta ** 2) / (2 * c))
    l2 = K_ * (1 / np.sqrt(2 * np.pi * c)) ** p * np.exp(-np.sum(eps ** 2) / (2 * s ** 2) - np.sum(beta ** 2) / (2 * c))
    return chain([Lk * pb, l1, l2])


doc("ridge-posterior-ekamperi", _t[2])(lambda: every(ridge_post_links))
doc("ridge-posterior-ekamperi", _t[3])(lambda: every(lambda: ridge_lam_links("ok")))

# --- gd-step-ekamperi ---
_t = expect_texts("gd-step-ekamperi")
doc("gd-step-ekamperi", _t[0])(lambda: every(lambda: gd_qf_links("ok")))
doc("gd-step-ekamperi", _t[1])(lambda: [for_all(lambda: gd_step("ok"))])


def eig_links():
    H, l, e = eig_point()
    g = e  # moving along the eigenvector
    vals = [g @ g / (g @ H @ g), e @ e / (e @ H @ e), 1 / (e @ (l * e)), 1 / l]
    return chain(vals)


doc("gd-step-ekamperi", _t[2])(lambda: every(eig_links))

# --- policy-gradient-omycron ---
_t = expect_texts("policy-gradient-omycron")
doc("policy-gradient-omycron", _t[0])(lambda: [for_all(pgt_prop)])
doc("policy-gradient-omycron", _t[1])(lambda: [None, for_all(lambda: pgt_log("ok"))])
doc("policy-gradient-omycron", _t[2])(lambda: [for_all(lambda: dln("ok"))])
doc("policy-gradient-omycron", _t[3])(lambda: every(lambda: baseline_links("ok")))


# --- softmax-example-freeacademy (+ mutated) ---
def sm_doc(stem, mut):
    t = expect_texts(stem)
    doc(stem, t[0])(const(None))
    doc(stem, t[1])(lambda: [num(math.exp(2.5), 12.18, 0.01)])
    doc(stem, t[2])(lambda: [num(math.exp(1.0), 2.72, 0.01)])
    doc(stem, t[3])(lambda: [num(math.exp(-0.5), 0.61, 0.01)])
    doc(stem, t[4])(lambda: [num(12.18 + 2.72 + 0.61, 15.61 if mut else 15.51, 0.01)])
    doc(stem, t[5])(lambda: [None, num(12.18 / 15.51, 0.875 if mut else 0.785, 0.001)])
    doc(stem, t[6])(lambda: [None, num(2.72 / 15.51, 0.175, 0.001)])
    doc(stem, t[7])(lambda: [None, num(0.61 / 15.51, 0.039, 0.001)])


sm_doc("softmax-example-freeacademy", False)
sm_doc("softmax-example-freeacademy-mutated", True)


# ======================= run =======================
def block_text(md, line):
    """text of the display block that starts at 1-based line"""
    s = md[line - 1]
    if s.strip() == "$$":
        body = []
        for ln in md[line:]:
            if ln.strip() == "$$":
                return "\n".join(body)
            body.append(ln)
        raise AssertionError(("unclosed block", line))
    assert s.startswith("$$") and s.rstrip().endswith("$$"), (line, s)
    return s.strip()[2:-2]


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
        fam = [d for d in claims if d["id"] == c["family"]]
        assert fam and fam[0]["expect"] in ("valid", "invalid"), c["id"]
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
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        starts = [i + 1 for i, ln in enumerate(md) if ln.startswith("$$")]
        listed = [lk["line"] for lk in ex["links"]]
        for lk in ex["links"]:
            key = (stem, lk["text"])
            assert key in DOCS, key
            assert block_text(md, lk["line"]) == lk["text"], (stem, lk["line"])
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert got is not None and len(got) == len(want), (key, got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
        # every display block start is listed
        opened = []
        inside = False
        for i, ln in enumerate(md):
            if ln.strip() == "$$":
                if not inside:
                    opened.append(i + 1)
                inside = not inside
            elif ln.startswith("$$") and not inside:
                opened.append(i + 1)
        assert opened == listed, (stem, opened, listed)
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
