"""Independent confirmation of the expected verdicts in claims.yaml and docs/*.expect.yaml.

Every item is re-coded by hand (NumPy / SymPy); no LaTeX is parsed. A check returns True when
the printed relation (all links of the chain) holds and False when it does not. Valid items must
hold, invalid items must fail.
"""

import pathlib
import sys

import numpy as np
import sympy as sp
import yaml

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(12345)


# ----------------------------------------------------------------------------- helpers
def close(a, b, tol=1e-6):
    try:
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
        if a.shape != b.shape:
            return False
        return bool(np.allclose(a, b, rtol=tol, atol=tol))
    except (ValueError, TypeError):
        return False


def all_close(values, tol=1e-6):
    return all(close(values[0], v, tol) for v in values[1:])


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def grad(f, w, h=1e-6):
    w = np.asarray(w, dtype=float)
    g = np.zeros_like(w)
    for i in range(w.size):
        e = np.zeros_like(w)
        e.flat[i] = h
        g.flat[i] = (f(w + e) - f(w - e)) / (2 * h)
    return g


def jac(f, x, h=1e-6):
    x = np.asarray(x, dtype=float)
    cols = []
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h
        cols.append((f(x + e) - f(x - e)) / (2 * h))
    return np.stack(cols, axis=1)


def sig(t):
    return 1.0 / (1.0 + np.exp(-t))


def pts(n=5, lo=-2.0, hi=2.0):
    return RNG.uniform(lo, hi, size=n)


def holds_1d(f, rhs, lo=-2.0, hi=2.0):
    """f'(x) (finite differences) equals every expression in rhs at random points."""
    for x in pts(6, lo, hi):
        vals = [d1(f, x)] + [r(x) for r in rhs]
        if not all_close(vals, 1e-5):
            return False
    return True


def sym_equal(a, b):
    return sp.simplify(a - b) == 0


# ----------------------------------------------------------------------------- Geron
def geron_x3cos(bad):
    return holds_1d(lambda x: x**3 + np.cos(x),
                    [lambda x: 3 * x**2 + (np.sin(x) if bad else -np.sin(x))])


def geron_sin2x2(bad):
    c = 2 if bad else 4
    return holds_1d(lambda x: np.sin(2 * x**2) + 1,
                    [lambda x: np.cos(2 * x**2) * 4 * x,  # u'(v(x)) v'(x), u'=cos, v'=4x
                     lambda x: np.cos(2 * x**2) * c * x])


def geron_quartic(bad):
    return holds_1d(lambda x: x**4 / 4 - x**2 + 0.5,
                    [lambda x: x**3 - (1 if bad else 2) * x])


def geron_quartic_minval(bad):
    def f(x):
        return x**4 / 4 - x**2 + 0.5
    return all_close([f(np.sqrt(2)), f(-np.sqrt(2)), 0.5 if bad else -0.5])


def geron_reciprocal(bad):
    return holds_1d(lambda x: 1 / x, [lambda x: -x**-2.0,
                                      lambda x: (1 if bad else -1) / x**2], 0.5, 3.0)


def geron_sqrt(bad):
    return holds_1d(np.sqrt, [lambda x: 0.5 * x**-0.5,
                              lambda x: 1 / ((1 if bad else 2) * np.sqrt(x))], 0.3, 4.0)


def geron_sinxy_dx(bad):
    for x, y in RNG.uniform(-2, 2, size=(5, 2)):
        lhs = d1(lambda t, y=y: np.sin(t * y), x)
        rhs = (x if bad else y) * np.cos(x * y)
        if not close(lhs, rhs, 1e-5):
            return False
    return True


def geron_f(x, y):
    return x**2 * y + y + 2


def geron_dfdy(bad):
    for x, y in RNG.uniform(-2, 2, size=(5, 2)):
        if not close(d1(lambda t, x=x: geron_f(x, t), y), x**2 + (0 if bad else 1), 1e-5):
            return False
    return True


def geron_at34(bad):
    return close(d1(lambda t: geron_f(t, 4.0), 3.0), 12 if bad else 24, 1e-5)


def geron_hess_xx(bad):
    x, y = sp.symbols("x y")
    f = x**2 * y + y + 2
    mid = sp.diff(2 * x * y, x)
    last = 2 * x if bad else 2 * y
    return sym_equal(sp.diff(f, x, x), mid) and sym_equal(mid, last)


def geron_softmax_grad(bad):
    m, n, K = 7, 3, 4
    X = RNG.normal(size=(m, n))
    Y = np.eye(K)[RNG.integers(0, K, size=m)]
    Theta = RNG.normal(size=(K, n))

    def probs(T):
        s = X @ T.T
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def J(T):
        return -np.mean(np.sum(Y * np.log(probs(T)), axis=1))

    P = probs(Theta)
    for k in range(K):
        def Jk(th, k=k):
            T = Theta.copy()
            T[k] = th
            return J(T)
        lhs = grad(Jk, Theta[k])
        diff = (Y[:, k] - P[:, k]) if bad else (P[:, k] - Y[:, k])
        if not close(lhs, (diff[:, None] * X).mean(axis=0), 1e-5):
            return False
    return True


def geron_tan(bad):
    return holds_1d(np.tan, [lambda x: (-1 if bad else 1) / np.cos(x)**2], -1.2, 1.2)


def geron_quotient(bad):
    x = sp.symbols("x")
    g = sp.sin(x) + 2
    h = sp.exp(x) + x**2 + 1
    gp, hp = sp.diff(g, x), sp.diff(h, x)
    num = (g * hp - gp * h) if bad else (gp * h - g * hp)
    return sym_equal(sp.diff(g / h, x), num / h**2)


def geron_mse_grad(bad):
    m, n = 9, 4
    X = RNG.normal(size=(m, n))
    y = RNG.normal(size=m)
    th = RNG.normal(size=n)
    lhs = grad(lambda t: np.mean((X @ t - y) ** 2), th)
    try:
        rhs = 2 / m * ((X if bad else X.T) @ (X @ th - y))
    except ValueError:
        return False
    return close(lhs, rhs, 1e-5)


def geron_logit_partial(bad):
    m, n = 8, 3
    X = RNG.normal(size=(m, n))
    y = RNG.integers(0, 2, size=m).astype(float)
    th = RNG.normal(size=n)

    def J(t):
        p = sig(X @ t)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    r = (y - sig(X @ th)) if bad else (sig(X @ th) - y)
    return close(grad(J, th), (r[:, None] * X).mean(axis=0), 1e-5)


# ----------------------------------------------------------------------------- MLR
def mlr_data(P=6, N=3, labels="real"):
    Xr = np.vstack([np.ones(P), RNG.normal(size=(N, P))])  # columns are x-ring_p
    if labels == "binary":
        y = RNG.integers(0, 2, size=P).astype(float)
    elif labels == "sign":
        y = RNG.choice([-1.0, 1.0], size=P)
    else:
        y = RNG.normal(size=P)
    w = RNG.normal(size=N + 1) * 0.7
    return Xr, y, w


def mlr_ls_grad(variant):
    Xr, y, w = mlr_data()
    P = y.size
    lhs = grad(lambda v: np.mean((Xr.T @ v - y) ** 2), w)
    r = Xr.T @ w - y
    c = {"ok": 2, "factor": 1, "sign": 2}[variant]
    if variant == "sign":
        r = -r
    return close(lhs, c / P * Xr @ r, 1e-5)


def mlr_ce_cost(Xr, y, v):
    s = sig(Xr.T @ v)
    return np.mean(-y * np.log(s) - (1 - y) * np.log(1 - s))


def mlr_ce_grad(bad):
    Xr, y, w = mlr_data(labels="binary")
    P = y.size
    lhs = grad(lambda v: mlr_ce_cost(Xr, y, v), w)
    rhs = (1 if bad else -1) / P * Xr @ (y - sig(Xr.T @ w))
    return close(lhs, rhs, 1e-5)


def sym_hessian(cost_terms, wsyms, wval):
    H = sp.hessian(cost_terms, wsyms)
    sub = dict(zip(wsyms, wval, strict=True))
    return np.array(H.subs(sub).evalf(), dtype=float)


def mlr_ce_hessian(variant):
    Xr, y, w = mlr_data(P=5, N=2, labels="binary")
    P = y.size
    ws = sp.symbols("w0:3")
    cost = 0
    for p in range(P):
        z = sum(sp.Float(Xr[i, p]) * ws[i] for i in range(3))
        s = 1 / (1 + sp.exp(-z))
        cost += -y[p] * sp.log(s) - (1 - y[p]) * sp.log(1 - s)
    H = sym_hessian(cost / P, ws, w)
    rhs = 0
    for p in range(P):
        x = Xr[:, p]
        s = sig(x @ w)
        fac = s if variant == "sigmaprime" else s * (1 - s)
        outer = (x @ x) if variant == "transpose" else np.outer(x, x)
        rhs = rhs + fac * outer
    return close(H, np.asarray(rhs) / P, 1e-6)


def mlr_one_minus_sigma(bad):
    for x in pts(6, -3, 3):
        e = np.exp(-x)
        vals = [1 - sig(x), 1 - 1 / (1 + e), (1 + e) / (1 + e) - 1 / (1 + e),
                (np.exp(x) if bad else e) / (1 + e), 1 / (1 + np.exp(x)), sig(-x)]
        if not all_close(vals):
            return False
    return True


def mlr_softmax_grad(variant):
    Xr, y, w = mlr_data(labels="sign")
    P = y.size
    lhs = grad(lambda v: np.mean(np.log(1 + np.exp(-y * (Xr.T @ v)))), w)
    z = y * (Xr.T @ w)
    num = np.exp(z) if variant == "sign" else np.exp(-z)
    coef = num / (1 + np.exp(-z))
    if variant != "term":
        coef = coef * y
    rhs = -1 / P * Xr @ coef
    return close(lhs, rhs, 1e-5)


def mlr_softmax_hessian(bad):
    Xr, y, w = mlr_data(P=5, N=2, labels="sign")
    P = y.size
    ws = sp.symbols("w0:3")
    cost = 0
    for p in range(P):
        z = sum(sp.Float(Xr[i, p]) * ws[i] for i in range(3))
        cost += sp.log(1 + sp.exp(-sp.Float(y[p]) * z))
    H = sym_hessian(cost / P, ws, w)
    rhs = 0
    for p in range(P):
        x = Xr[:, p]
        a = 1 / (1 + np.exp(y[p] * (x @ w)))
        fac = a if bad else a * (1 - a)
        rhs = rhs + fac * np.outer(x, x)
    return close(H, rhs / P, 1e-6)


def mlr_soft_relu(bad):
    Xr, y, w = mlr_data(labels="sign")
    for p in range(y.size):
        z = -y[p] * (Xr[:, p] @ w)
        soft = np.log(np.exp(0.0) + np.exp(z))  # soft(0, z) by its definition
        vals = [soft, np.log(np.exp(0) + np.exp(z)), np.log(1 + np.exp(-z if bad else z))]
        if not all_close(vals):
            return False
    return True


def mlr_quadratic_grad(bad):
    N = 4
    A = RNG.normal(size=(N, N))
    C = A + A.T  # the source states C is symmetric
    b = RNG.normal(size=N)
    a = 0.7
    w = RNG.normal(size=N)
    lhs = grad(lambda v: a + b @ v + v @ C @ v, w)
    return close(lhs, (1 if bad else 2) * C @ w + b, 1e-5)


def sym_d2(expr_fn, rhs_fn):
    w = sp.symbols("w")
    return sym_equal(sp.diff(expr_fn(w), w, 2), rhs_fn(w))


# ----------------------------------------------------------------------------- udlbook
def toy_params():
    b = RNG.uniform(-0.5, 0.5, size=4)
    o = RNG.uniform(-1.0, 1.0, size=4)
    x, y = RNG.uniform(-1, 1, size=2)
    return b, o, x, y


def udl_toy_domega0(variant):
    for _ in range(4):
        b, o, x, y = toy_params()

        def loss(o0, b=b, o=o, x=x, y=y):
            f = b[3] + o[3] * np.cos(b[2] + o[2] * np.exp(b[1] + o[1] * np.sin(b[0] + o0 * x)))
            return (f - y) ** 2

        f0 = b[0] + o[0] * x
        f1 = b[1] + o[1] * np.sin(f0)
        f2 = b[2] + o[2] * np.exp(f1)
        fval = b[3] + o[3] * np.cos(f2)
        lead = 2 if variant == "sign" else -2
        om2 = 1.0 if variant == "factor" else o[2]
        rhs = lead * (fval - y) * o[1] * om2 * o[3] * x * np.cos(f0) * np.exp(f1) * np.sin(f2)
        if not close(d1(loss, o[0]), rhs, 1e-5):
            return False
    return True


def udl_cm_forward(b, o, x, o0=None):
    o0 = o[0] if o0 is None else o0
    f0 = b[0] + o0 * x
    f1 = b[1] + o[1] * np.sin(f0)
    f2 = b[2] + o[2] * np.exp(f1)
    f3 = b[3] + o[3] * np.cos(f2)
    return f0, f1, f2, f3, b[4] + o[4] * np.log(f3)


def udl_cm_params():
    b = RNG.uniform(-0.5, 0.5, size=5)
    b[3] = RNG.uniform(2.0, 3.0)  # keeps the argument of log positive
    o = RNG.uniform(-1.0, 1.0, size=5)
    return b, o, RNG.uniform(-1, 1)


def udl_cm_domega0(bad):
    for _ in range(4):
        b, o, x = udl_cm_params()
        f0, f1, f2, f3, _ = udl_cm_forward(b, o, x)
        num = o[1] * o[2] * o[3] * o[4] * x * np.cos(f0) * np.exp(f1) * np.sin(f2)
        rhs = (1 if bad else -1) * num / f3
        lhs = d1(lambda t, b=b, o=o, x=x: udl_cm_forward(b, o, x, t)[4], o[0])
        if not close(lhs, rhs, 1e-5):
            return False
    return True


def udl_cm_domega4(bad):
    b, o, x = udl_cm_params()
    h4 = np.log(udl_cm_forward(b, o, x)[3])
    lhs = d1(lambda t: b[4] + t * h4, o[4])
    mid = d1(lambda t: b[4] + t * h4, o[4])
    return all_close([lhs, mid, o[4] if bad else h4], 1e-6)


def udl_cm_dbeta4(bad):
    b, o, x = udl_cm_params()
    h4 = np.log(udl_cm_forward(b, o, x)[3])
    lhs = d1(lambda t: t + o[4] * h4, b[4])
    return close(lhs, o[4] if bad else 1.0, 1e-6)


def udl_chain_h3():
    b3, o3, y = RNG.normal(size=3)
    h3 = RNG.normal()

    def ell_of_h3(h):
        return (b3 + o3 * h - y) ** 2

    f3 = b3 + o3 * h3
    return close(d1(ell_of_h3, h3), d1(lambda h: b3 + o3 * h, h3) *
                 d1(lambda f: (f - y) ** 2, f3), 1e-6)


def sym_deriv(fn, rhs):
    z = sp.symbols("z", positive=True)
    return sym_equal(sp.diff(fn(z), z), rhs(z))


# ----------------------------------------------------------------------------- Made With ML
def mwml_djdw(variant):
    N, D = 8, 3
    X = RNG.normal(size=(N, D))
    y = RNG.normal(size=N)
    W = RNG.normal(size=D)
    lhs = grad(lambda v: np.mean((y - X @ v) ** 2), W)
    c = {"ok": -2, "factor": -1, "sign": 2}[variant]
    r1 = c / N * ((y - X @ W) @ X)
    yhat = X @ W
    r2 = c / N * ((y - yhat) @ X)
    return all_close([lhs, r1, r2], 1e-5)


def mwml_unscale_linear(bad):
    k = 3
    bs, ybar, sy = RNG.normal(), RNG.normal(), RNG.uniform(0.5, 2)
    Ws, x, xbar, sj = (RNG.normal(size=k), RNG.normal(size=k), RNG.normal(size=k),
                       RNG.uniform(0.5, 2, size=k))
    y_unscaled = sy * (bs + np.sum(Ws * (x - xbar) / sj)) + ybar  # solve the given for y_unscaled
    sgn = 1 if bad else -1
    rhs = bs * sy + ybar + sgn * np.sum(Ws * (sy / sj) * xbar) + np.sum(Ws * (sy / sj) * x)
    return close(y_unscaled, rhs)


def mwml_unscale_logistic(bad):
    k = 3
    bs = RNG.normal()
    Ws, x, xbar, sj = (RNG.normal(size=k), RNG.normal(size=k), RNG.normal(size=k),
                       RNG.uniform(0.5, 2, size=k))
    lhs = bs + np.sum(Ws * (x - xbar) / sj)
    bias = bs - (np.sum(Ws * xbar) if bad else np.sum(Ws * xbar / sj))
    return close(lhs, bias + np.sum(Ws / sj * x))


def mwml_inverse_scale(bad):
    yhat, mu, s = RNG.normal(), RNG.normal(), RNG.uniform(0.5, 2)
    ys = (yhat - mu) / s
    return close(yhat, ys * s + (-mu if bad else mu))


# ----------------------------------------------------------------------------- UvA
def uva_y(x):
    return np.mean((x + 2) ** 2 + 3)


def uva_jax_grad(bad):
    x = RNG.normal(size=3)
    return close(grad(uva_y, x), (1 / 3 if bad else 2 / 3) * (x + 2), 1e-6)


def uva_torch_values(bad):
    g = grad(uva_y, np.array([0.0, 1.0, 2.0]))
    return close(g, [2 / 3, 1, 4 / 3] if bad else [4 / 3, 2, 8 / 3], 1e-6)


def uva_resnet(bad):
    n = 4
    A = RNG.normal(size=(n, n))

    def F(x):
        return np.tanh(A @ x)

    x = RNG.normal(size=n)
    lhs = jac(lambda v: v + F(v), x)
    rhs = jac(F, x) + (0 if bad else np.eye(n))
    return close(lhs, rhs, 1e-6)


def uva_ebm(bad):
    xs = np.arange(6.0)
    p = RNG.dirichlet(np.ones(6))

    def energy(th):
        return th[0] * np.sin(xs) + th[1] ** 2 * xs / 10 + th[0] * th[1] * np.cos(xs) / 3

    def logq(th):
        e = -energy(th)
        return e - np.log(np.sum(np.exp(e)))

    def L(th):
        return -np.sum(p * logq(th))

    th = RNG.normal(size=2)
    q = np.exp(logq(th))
    dlogq = jac(logq, th)  # rows: x, cols: theta
    dE = jac(energy, th)
    lhs = grad(L, th)
    link1 = -(p @ dlogq)
    link2 = (q @ dE - p @ dE) if bad else (p @ dE - q @ dE)
    return close(lhs, link1, 1e-6) and close(link1, link2, 1e-6)


def uva_coupling(bad):
    z = RNG.normal(size=5)
    mu = RNG.normal(size=5)
    s = RNG.uniform(0.5, 2, size=5)
    zp = mu + s * z
    return close(z, (zp + mu if bad else zp - mu) / s)


# ----------------------------------------------------------------------------- mlcourse.ai
def mc_ols(variant):
    n, m = 9, 3
    X = RNG.normal(size=(n, m))
    y = RNG.normal(size=n)
    w = RNG.normal(size=m)
    lhs = grad(lambda v: np.sum((y - X @ v) ** 2) / (2 * n), w)
    link1 = grad(lambda v: (y @ y - 2 * y @ X @ v + v @ X.T @ X @ v) / (2 * n), w)
    a = 2 if variant == "sign" else -2
    b = 1 if variant == "factor" else 2
    link2 = (a * X.T @ y + b * X.T @ X @ w) / (2 * n)
    return close(lhs, link1, 1e-6) and close(link1, link2, 1e-6)


def mc_bernoulli(bad):
    for th in RNG.uniform(0.1, 0.9, size=5):
        vals = [d1(lambda t: np.log(t**117 * (1 - t) ** 283), th),
                d1(lambda t: 117 * np.log(t) + 283 * np.log(1 - t), th),
                117 / th + (1 if bad else -1) * 283 / (1 - th)]
        if not all_close(vals, 1e-5):
            return False
    return True


def mc_gauss(bad):
    n, m = 7, 3
    X = RNG.normal(size=(n, m))
    w = RNG.normal(size=m)
    y = X @ w + RNG.normal(size=n)
    s2 = RNG.uniform(0.5, 2)
    mu = X @ w
    pdf = np.exp(-((y - mu) ** 2) / (2 * s2)) / np.sqrt(2 * np.pi * s2)
    c = 1 if bad else 2
    closed = -n / 2 * np.log(2 * np.pi * s2) - 1 / (c * s2) * np.sum((y - mu) ** 2)
    return all_close([np.log(np.prod(pdf)), np.sum(np.log(pdf)), closed])


def mc_dxtax(bad):
    n = 4
    A = RNG.normal(size=(n, n))
    x = RNG.normal(size=n)
    lhs = grad(lambda v: v @ A @ v, x)
    return close(lhs, (A @ x) if bad else (A + A.T) @ x, 1e-6)


def mc_dinv(bad):
    n = 3
    A0 = RNG.normal(size=(n, n)) + 4 * np.eye(n)
    A1, A2 = RNG.normal(size=(n, n)), RNG.normal(size=(n, n))

    def A(t):
        return A0 + t * A1 + t**2 * A2

    t = 0.3
    lhs = (np.linalg.inv(A(t + 1e-6)) - np.linalg.inv(A(t - 1e-6))) / 2e-6
    Ai = np.linalg.inv(A(t))
    rhs = (1 if bad else -1) * Ai @ (A1 + 2 * t * A2) @ Ai
    return close(lhs, rhs, 1e-5)


def mc_p_plus(bad):
    for z in pts(6, -3, 3):
        OR = np.exp(z)  # log(OR) = w^T x = z
        vals = [OR / (1 + OR), np.exp(z) / (1 + np.exp(z)),
                1 / (1 + np.exp(z if bad else -z)), sig(z)]
        if not all_close(vals):
            return False
    return True


def mc_p_minus(bad):
    for z in pts(6, -3, 3):
        p_minus = 1 - sig(z)  # P(y=-1) = 1 - P(y=+1)
        if not all_close([p_minus, 1 - sig(z), sig(z) if bad else sig(-z)]):
            return False
    return True


# ----------------------------------------------------------------------------- claim table
CHECKS = {
    "g-geron-x3cos": lambda: geron_x3cos(False),
    "g-geron-x3cos-sign": lambda: geron_x3cos(True),
    "g-geron-sin2x2": lambda: geron_sin2x2(False),
    "g-geron-sin2x2-factor": lambda: geron_sin2x2(True),
    "g-geron-quartic": lambda: geron_quartic(False),
    "g-geron-quartic-factor": lambda: geron_quartic(True),
    "g-geron-quartic-minval": lambda: geron_quartic_minval(False),
    "g-geron-quartic-minval-sign": lambda: geron_quartic_minval(True),
    "g-geron-reciprocal": lambda: geron_reciprocal(False),
    "g-geron-reciprocal-sign": lambda: geron_reciprocal(True),
    "g-geron-sqrt": lambda: geron_sqrt(False),
    "g-geron-sqrt-factor": lambda: geron_sqrt(True),
    "g-geron-sinxy-dx": lambda: geron_sinxy_dx(False),
    "g-geron-sinxy-dx-swapped": lambda: geron_sinxy_dx(True),
    "g-geron-autodiff-dfdy": lambda: geron_dfdy(False),
    "g-geron-autodiff-dfdy-term": lambda: geron_dfdy(True),
    "g-geron-autodiff-at34": lambda: geron_at34(False),
    "g-geron-autodiff-at34-factor": lambda: geron_at34(True),
    "g-geron-autodiff-hess-xx": lambda: geron_hess_xx(False),
    "g-geron-autodiff-hess-xx-swapped": lambda: geron_hess_xx(True),
    "g-geron-softmax-grad": lambda: geron_softmax_grad(False),
    "g-geron-softmax-grad-sign": lambda: geron_softmax_grad(True),
    "g-geron-tan": lambda: geron_tan(False),
    "g-geron-tan-sign": lambda: geron_tan(True),
    "g-geron-quotient": lambda: geron_quotient(False),
    "g-geron-quotient-sign": lambda: geron_quotient(True),
    "g-geron-mse-grad": lambda: geron_mse_grad(False),
    "g-geron-mse-grad-transpose": lambda: geron_mse_grad(True),
    "g-geron-logit-partial": lambda: geron_logit_partial(False),
    "g-geron-logit-partial-sign": lambda: geron_logit_partial(True),
    "g-mlr-ls-grad": lambda: mlr_ls_grad("ok"),
    "g-mlr-ls-grad-factor": lambda: mlr_ls_grad("factor"),
    "g-mlr-ls-grad-sign": lambda: mlr_ls_grad("sign"),
    "g-mlr-ce-grad": lambda: mlr_ce_grad(False),
    "g-mlr-ce-grad-sign": lambda: mlr_ce_grad(True),
    "g-mlr-ce-hessian": lambda: mlr_ce_hessian("ok"),
    "g-mlr-ce-hessian-sigmaprime": lambda: mlr_ce_hessian("sigmaprime"),
    "g-mlr-ce-hessian-transpose": lambda: mlr_ce_hessian("transpose"),
    "g-mlr-one-minus-sigma": lambda: mlr_one_minus_sigma(False),
    "g-mlr-one-minus-sigma-sign": lambda: mlr_one_minus_sigma(True),
    "g-mlr-softmax-grad": lambda: mlr_softmax_grad("ok"),
    "g-mlr-softmax-grad-sign": lambda: mlr_softmax_grad("sign"),
    "g-mlr-softmax-grad-term": lambda: mlr_softmax_grad("term"),
    "g-mlr-softmax-hessian": lambda: mlr_softmax_hessian(False),
    "g-mlr-softmax-hessian-sigmaprime": lambda: mlr_softmax_hessian(True),
    "g-mlr-soft-relu": lambda: mlr_soft_relu(False),
    "g-mlr-soft-relu-sign": lambda: mlr_soft_relu(True),
    "g-mlr-quadratic-grad": lambda: mlr_quadratic_grad(False),
    "g-mlr-quadratic-grad-factor": lambda: mlr_quadratic_grad(True),
    "g-mlr-d2-cubic": lambda: sym_d2(lambda w: w**3, lambda w: 6 * w),
    "g-mlr-d2-cubic-factor": lambda: sym_d2(lambda w: w**3, lambda w: 3 * w),
    "g-mlr-d2-sin": lambda: sym_d2(sp.sin, lambda w: -sp.sin(w)),
    "g-mlr-d2-sin-sign": lambda: sym_d2(sp.sin, sp.sin),
    "g-mlr-d2-exp": lambda: sym_d2(sp.exp, sp.exp),
    "g-udl-toy-domega0": lambda: udl_toy_domega0("ok"),
    "g-udl-toy-domega0-sign": lambda: udl_toy_domega0("sign"),
    "g-udl-toy-domega0-factor": lambda: udl_toy_domega0("factor"),
    "g-udl-dcos": lambda: sym_deriv(sp.cos, lambda z: -sp.sin(z)),
    "g-udl-dcos-sign": lambda: sym_deriv(sp.cos, sp.sin),
    "g-udl-dsin": lambda: sym_deriv(sp.sin, sp.cos),
    "g-udl-dsin-sign": lambda: sym_deriv(sp.sin, lambda z: -sp.cos(z)),
    "g-udl-dexp": lambda: sym_deriv(sp.exp, sp.exp),
    "g-udl-dlog": lambda: sym_deriv(sp.log, lambda z: 1 / z),
    "g-udl-dlog-sign": lambda: sym_deriv(sp.log, lambda z: -1 / z),
    "g-udl-cm-domega0": lambda: udl_cm_domega0(False),
    "g-udl-cm-domega0-sign": lambda: udl_cm_domega0(True),
    "g-udl-cm-domega4": lambda: udl_cm_domega4(False),
    "g-udl-cm-domega4-swapped": lambda: udl_cm_domega4(True),
    "g-udl-cm-dbeta4": lambda: udl_cm_dbeta4(False),
    "g-udl-cm-dbeta4-swapped": lambda: udl_cm_dbeta4(True),
    "g-udl-toy-chain-h3": udl_chain_h3,
    "g-mwml-linreg-djdw": lambda: mwml_djdw("ok"),
    "g-mwml-linreg-djdw-factor": lambda: mwml_djdw("factor"),
    "g-mwml-linreg-djdw-sign": lambda: mwml_djdw("sign"),
    "g-mwml-unscale-linear": lambda: mwml_unscale_linear(False),
    "g-mwml-unscale-linear-sign": lambda: mwml_unscale_linear(True),
    "g-mwml-unscale-logistic": lambda: mwml_unscale_logistic(False),
    "g-mwml-unscale-logistic-factor": lambda: mwml_unscale_logistic(True),
    "g-mwml-inverse-scale": lambda: mwml_inverse_scale(False),
    "g-mwml-inverse-scale-sign": lambda: mwml_inverse_scale(True),
    "g-uva-jax-grad": lambda: uva_jax_grad(False),
    "g-uva-jax-grad-factor": lambda: uva_jax_grad(True),
    "g-uva-torch-grad-values": lambda: uva_torch_values(False),
    "g-uva-torch-grad-values-factor": lambda: uva_torch_values(True),
    "g-uva-resnet": lambda: uva_resnet(False),
    "g-uva-resnet-term": lambda: uva_resnet(True),
    "g-uva-ebm-cd": lambda: uva_ebm(False),
    "g-uva-ebm-cd-sign": lambda: uva_ebm(True),
    "g-uva-coupling-inverse": lambda: uva_coupling(False),
    "g-uva-coupling-inverse-sign": lambda: uva_coupling(True),
    "g-mlcourse-ols-grad": lambda: mc_ols("ok"),
    "g-mlcourse-ols-grad-factor": lambda: mc_ols("factor"),
    "g-mlcourse-ols-grad-sign": lambda: mc_ols("sign"),
    "g-mlcourse-bernoulli": lambda: mc_bernoulli(False),
    "g-mlcourse-bernoulli-sign": lambda: mc_bernoulli(True),
    "g-mlcourse-gauss-loglik": lambda: mc_gauss(False),
    "g-mlcourse-gauss-loglik-factor": lambda: mc_gauss(True),
    "g-mlcourse-dxtax": lambda: mc_dxtax(False),
    "g-mlcourse-dxtax-term": lambda: mc_dxtax(True),
    "g-mlcourse-dinv": lambda: mc_dinv(False),
    "g-mlcourse-dinv-sign": lambda: mc_dinv(True),
    "g-mlcourse-p-plus": lambda: mc_p_plus(False),
    "g-mlcourse-p-plus-sign": lambda: mc_p_plus(True),
    "g-mlcourse-p-minus": lambda: mc_p_minus(False),
    "g-mlcourse-p-minus-sign": lambda: mc_p_minus(True),
}


# ----------------------------------------------------------------------------- documents
# DOC_CHECKS[doc_stem][k] is a list of callables, one per non-definition relation of the k-th
# link entry (in file order); each returns True when that relation holds.
def toy_chain_row(k):
    """Row of the backward pass: dl/d(node_k) equals the product of local derivatives."""
    b, o, x, y = toy_params()
    maps = [np.sin, lambda t: b[1] + o[1] * t, np.exp, lambda t: b[2] + o[2] * t, np.cos,
            lambda t: b[3] + o[3] * t]  # f0 -> h1 -> f1 -> h2 -> f2 -> h3 -> f3
    nodes = [b[0] + o[0] * x]
    for f in maps:
        nodes.append(f(nodes[-1]))

    def loss_from(j, v):
        for f in maps[j:]:
            v = f(v)
        return (v - y) ** 2

    prod = d1(lambda f3: (f3 - y) ** 2, nodes[6])
    for j in range(k, 6):
        prod *= d1(maps[j], nodes[j])
    return close(d1(lambda v: loss_from(k, v), nodes[k]), prod, 1e-5)


def doc_y_components():
    n, m = 6, 3
    X = RNG.normal(size=(n, m + 1))
    w = RNG.normal(size=m + 1)
    eps = RNG.normal(size=n)
    y = X @ w + eps
    return close(y, [sum(w[j] * X[i, j] for j in range(m + 1)) + eps[i] for i in range(n)])


def doc_L_link(k):
    n, m = 7, 3
    X = RNG.normal(size=(n, m))
    y = RNG.normal(size=n)
    w = RNG.normal(size=m)
    first = np.sum([(y[i] - w @ X[i]) ** 2 for i in range(n)]) / (2 * n)
    r = y - X @ w
    other = np.linalg.norm(r) ** 2 / (2 * n) if k == 1 else (r @ r) / (2 * n)
    return close(first, other)


def doc_ols_link(k, bad):
    n, m = 9, 3
    X = RNG.normal(size=(n, m))
    y = RNG.normal(size=n)
    w = RNG.normal(size=m)
    lhs = grad(lambda v: np.sum((y - X @ v) ** 2) / (2 * n), w)
    link1 = grad(lambda v: (y @ y - 2 * y @ X @ v + v @ X.T @ X @ v) / (2 * n), w)
    if k == 0:
        return close(lhs, link1, 1e-6)
    link2 = (-2 * X.T @ y + (1 if bad else 2) * X.T @ X @ w) / (2 * n)
    return close(link1, link2, 1e-6)


def doc_bern_prod():
    x = np.array([1.0] * 117 + [0.0] * 283)
    th = RNG.uniform(0.2, 0.8)
    lhs = np.sum(x * np.log(th) + (1 - x) * np.log(1 - th))  # log of the product
    return close(lhs, 117 * np.log(th) + 283 * np.log(1 - th))


def doc_bern_link(k, bad):
    th = RNG.uniform(0.1, 0.9)
    a = d1(lambda t: 117 * np.log(t) + 283 * np.log(1 - t), th)
    if k == 0:
        return close(d1(lambda t: np.log(t**117 * (1 - t) ** 283), th), a, 1e-5)
    return close(a, 117 / th + (1 if bad else -1) * 283 / (1 - th), 1e-5)


def doc_gauss_link(k):
    n, m = 7, 3
    X = RNG.normal(size=(n, m))
    w = RNG.normal(size=m)
    y = X @ w + RNG.normal(size=n)
    s2 = RNG.uniform(0.5, 2)
    pdf = np.exp(-((y - X @ w) ** 2) / (2 * s2)) / np.sqrt(2 * np.pi * s2)
    if k == 1:
        return close(np.log(np.prod(pdf)), np.sum(np.log(pdf)))
    closed = -n / 2 * np.log(2 * np.pi * s2) - np.sum((y - X @ w) ** 2) / (2 * s2)
    return close(np.sum(np.log(pdf)), closed)


def sym_xy_link(order, link):
    x, y = sp.symbols("x y")
    f = x**2 * y + y + 2
    first = {"x": sp.diff(f, x), "y": sp.diff(f, y)}
    inner = {"xx": (2 * x * y, x, 2 * y), "xy": (2 * x * y, y, 2 * x),
             "yx": (x**2 + 1, x, 2 * x), "yy": (x**2 + 1, y, 0)}[order]
    expr, var, last = inner
    lhs = sp.diff(first[order[0]], var)
    mid = sp.diff(expr, var)
    return sym_equal(lhs, mid) if link == 0 else sym_equal(mid, last)


def doc_chain_zx():
    x = sp.symbols("x")
    s = sp.sin(x) + x**2  # s = u(x)
    t = sp.symbols("t")
    v = sp.exp(t) * sp.cos(t)  # z = v(s)
    z = v.subs(t, s)
    return sym_equal(sp.diff(z, x), sp.diff(s, x) * sp.diff(v, t).subs(t, s))


EPS = sp.symbols("epsilon")


def dual(expr):
    poly = sp.Poly(sp.expand(expr), EPS)
    return sum(c * EPS**k for (k,), c in poly.terms() if k < 2)


def dual_eq(a, b):
    return sym_equal(dual(a), dual(b))


def doc_dual(which, link=0):
    a1, b1, a2, b2, a, b = sp.symbols("a_1 b_1 a_2 b_2 a b")
    e = EPS
    if which == "add":
        return dual_eq((a1 + b1 * e) + (a2 + b2 * e), (a1 + a2) + (b1 + b2) * e)
    if which == "sub":
        return dual_eq((a1 + b1 * e) - (a2 + b2 * e), (a1 - a2) + (b1 - b2) * e)
    if which == "mul":
        mid = a1 * a2 + (a1 * b2 + a2 * b1) * e + b1 * b2 * e**2
        if link == 0:
            return dual_eq((a1 + b1 * e) * (a2 + b2 * e), mid)
        return dual_eq(mid, a1 * a2 + (a1 * b2 + a2 * b1) * e)
    if which == "pow":
        return all(dual_eq((a + b * e) ** n, a**n + (n * a ** (n - 1) * b) * e)
                   for n in range(1, 7))
    return dual_eq(3 + (3 + 4 * e), 6 + 4 * e)


def geron_dfdx_doc():
    for x, y in RNG.uniform(-2, 2, size=(5, 2)):
        if not close(d1(lambda t, y=y: geron_f(t, y), x), 2 * x * y, 1e-5):
            return False
    return True


def doc_mlr_single_line():
    Xr, y, w = mlr_data(labels="binary")
    for p in range(y.size):
        s = sig(Xr[:, p] @ w)
        case = -np.log(s) if y[p] == 1 else -np.log(1 - s)
        if not close(case, -y[p] * np.log(s) - (1 - y[p]) * np.log(1 - s)):
            return False
    return True


def mc_doc_checks(bad):
    return {
        1: [doc_y_components],
        2: [lambda: doc_L_link(1), lambda: doc_L_link(2)],
        3: [lambda: doc_ols_link(0, bad), lambda: doc_ols_link(1, bad)],
        5: [doc_bern_prod],
        6: [lambda: doc_bern_link(0, bad), lambda: doc_bern_link(1, bad)],
        8: [lambda: doc_gauss_link(1), lambda: doc_gauss_link(2)],
    }


DOC_CHECKS = {
    "g-udl-backprop-toy": {
        1: [lambda: sym_deriv(sp.cos, lambda z: -sp.sin(z)), lambda: sym_deriv(sp.exp, sp.exp),
            lambda: sym_deriv(sp.sin, sp.cos)],
        3: [lambda: udl_toy_domega0("ok")],
        5: [udl_chain_h3],
        6: [lambda k=k: toy_chain_row(k) for k in (4, 3, 2, 1, 0)],
    },
    "g-mlcourse-ols-mle": mc_doc_checks(False),
    "g-mlcourse-ols-mle-mutated": mc_doc_checks(True),
    "g-mlr-cross-entropy": {
        3: [doc_mlr_single_line],
        5: [lambda: mlr_ce_grad(False)],
        6: [lambda: mlr_ce_hessian("ok")],
    },
    "g-geron-autodiff": {
        0: [geron_dfdx_doc],
        1: [lambda: geron_dfdy(False)],
        2: [lambda: sym_xy_link("xx", 0), lambda: sym_xy_link("xx", 1)],
        3: [lambda: sym_xy_link("xy", 0), lambda: sym_xy_link("xy", 1)],
        4: [lambda: sym_xy_link("yx", 0), lambda: sym_xy_link("yx", 1)],
        5: [lambda: sym_xy_link("yy", 0), lambda: sym_xy_link("yy", 1)],
        6: [doc_chain_zx],
        7: [lambda: doc_dual("add")],
        8: [lambda: doc_dual("sub")],
        9: [lambda: doc_dual("mul", 0), lambda: doc_dual("mul", 1)],
        10: [lambda: doc_dual("pow")],
        11: [lambda: doc_dual("num")],
    },
}


def run_docs(report):
    docs_dir = HERE / "docs"
    if not docs_dir.is_dir():
        return
    for exp_path in sorted(docs_dir.glob("*.expect.yaml")):
        stem = exp_path.name[: -len(".expect.yaml")]
        spec = yaml.safe_load(exp_path.read_text())
        md_lines = (docs_dir / f"{stem}.md").read_text().splitlines()
        checks = DOC_CHECKS.get(stem)
        for k, link in enumerate(spec["links"]):
            name = f"{stem}#L{link['line']}"
            if not md_lines[link["line"] - 1].lstrip().startswith("$$"):
                report(name, False, "line does not start a $$ block")
                continue
            verdicts = [v for v in link["expect"] if v != "definition"]
            if not verdicts:
                continue
            if checks is None or k not in checks:
                report(name, False, "no check written")
                continue
            fns = checks[k]
            if len(fns) != len(verdicts):
                report(name, False, "check count mismatch")
                continue
            for j, (fn, want) in enumerate(zip(fns, verdicts, strict=True)):
                got = bool(fn())
                ok = got == (want == "valid")
                report(f"{name}.{j}", ok, f"expect {want}, relation holds={got}")


def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    results = []

    def report(name, ok, msg):
        results.append(ok)
        print(f"{'OK  ' if ok else 'FAIL'} {name}: {msg}")

    for c in claims:
        fn = CHECKS.get(c["id"])
        if fn is None:
            report(c["id"], False, "no check written")
            continue
        got = bool(fn())
        ok = got == (c["expect"] == "valid")
        report(c["id"], ok, f"expect {c['expect']}, relation holds={got}")
    run_docs(report)
    n_ok = sum(results)
    n_bad = len(results) - n_ok
    print(f"{n_ok} confirmed, {n_bad} failed")
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
