"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part e).

Every claim is re-coded by hand as NumPy / SymPy functions (no LaTeX parsing). A claim is
"valid" when every link of its relation chain holds at random points; derivatives are taken
by central finite differences (or SymPy diff of hand-written expressions). Shapes matter:
column vectors are (n, 1) arrays, and a product whose shapes do not conform counts as a
failed link.
"""

import sys

import numpy as np
import sympy as sp

RNG = np.random.default_rng(20261204)
H = 1e-6


def sc(a):
    """Python float from a scalar or a 1 x 1 array."""
    arr = np.asarray(a, dtype=float)
    if arr.size != 1:
        raise ValueError('not a scalar')
    return float(arr.reshape(()))


def same(a, b, tol=1e-5):
    if a is None or b is None:
        return False
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def chain(*vals):
    return all(same(vals[0], v) for v in vals[1:])


def mm(a, b):
    """Matrix product, or None if the shapes do not conform."""
    a = np.atleast_2d(np.asarray(a, dtype=float))
    b = np.atleast_2d(np.asarray(b, dtype=float))
    if a.shape[1] != b.shape[0]:
        return None
    return a @ b


def grad(f, x):
    """Central-difference gradient of scalar f w.r.t. array x (same shape as x)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp = x.copy()
        xm = x.copy()
        xp[idx] += H
        xm[idx] -= H
        g[idx] = (f(xp) - f(xm)) / (2 * H)
    return g


def jac_den(f, x):
    """Denominator-layout Jacobian: entry (i, j) = d f_j / d x_i, x and f column vectors."""
    x = np.array(x, dtype=float)
    f0 = np.asarray(f(x), dtype=float).ravel()
    out = np.zeros((x.size, f0.size))
    for i in range(x.size):
        xp = x.copy().ravel()
        xm = x.copy().ravel()
        xp[i] += H
        xm[i] -= H
        fp = np.asarray(f(xp.reshape(x.shape)), dtype=float).ravel()
        fm = np.asarray(f(xm.reshape(x.shape)), dtype=float).ravel()
        out[i] = (fp - fm) / (2 * H)
    return out


def d1(f, z):
    return (f(z + H) - f(z - H)) / (2 * H)


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def col(n):
    return RNG.normal(size=(n, 1))


CHECKS = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            CHECKS[i] = fn
        return fn
    return deco


# ---------------------------------------------------------------- regression / OLS
def ols_data(n=6, d=3):
    return RNG.normal(size=(n, d)), col(n), col(d)


@check('e-ols-grad-matrix', 'e-ols-grad-matrix-factor')
def c_ols_grad(cid):
    X, Y, th = ols_data()
    n = X.shape[0]

    def J(t):
        r = X @ t - Y
        return sc(r.T @ r) / n
    k = 1.0 if cid.endswith('factor') else 2.0
    return same(grad(J, th), k / n * (X.T @ X @ th - X.T @ Y))


@check('e-ols-J-matrix-form', 'e-ols-J-matrix-form-factor')
def c_ols_J(cid):
    X, Y, th = ols_data()
    n = X.shape[0]
    s = sum((sc(th.T @ X[i:i + 1].T) - Y[i, 0]) ** 2 for i in range(n)) / n
    k = 2 * n if cid.endswith('factor') else n
    return same(s, sc((X @ th - Y).T @ (X @ th - Y)) / k)


@check('e-ridge-grad-centered', 'e-ridge-grad-centered-factor')
def c_ridge(cid):
    X, Y, th = ols_data()
    n = X.shape[0]
    lam = 0.37

    def J(t):
        r = X @ t - Y
        return sc(r.T @ r) / n + lam * sc(t.T @ t)
    k = 1.0 if cid.endswith('factor') else 2.0
    return same(grad(J, th), 2 / n * X.T @ (X @ th - Y) + k * lam * th)


@check('e-gd-ols-grad-underbrace', 'e-gd-ols-grad-underbrace-sign')
def c_gd_ols(cid):
    X, Y, th = ols_data()
    n = X.shape[0]

    def J(t):
        return sc(((X @ t - Y) ** 2).sum()) / n
    res = (Y - X @ th) if cid.endswith('sign') else (X @ th - Y)
    return same(grad(J, th), 2 / n * X.T @ res)


def ridge_off_setup():
    X, Y, th = ols_data()
    return X, Y, th, 0.4, 0.29


@check('e-gd-ridge-grad-theta', 'e-gd-ridge-grad-theta-factor')
def c_gd_ridge_th(cid):
    X, Y, th, th0, lam = ridge_off_setup()
    n = X.shape[0]

    def J(t):
        return sc(((X @ t + th0 - Y) ** 2).sum()) / n + lam * sc(t.T @ t)
    k = 1.0 if cid.endswith('factor') else 2.0
    rhs = k / n * sum((sc(th.T @ X[i:i + 1].T) + th0 - Y[i, 0]) * X[i:i + 1].T
                      for i in range(n)) + 2 * lam * th
    return same(grad(J, th), rhs)


@check('e-gd-ridge-grad-theta0', 'e-gd-ridge-grad-theta0-term')
def c_gd_ridge_th0(cid):
    X, Y, th, th0, lam = ridge_off_setup()
    n = X.shape[0]

    def J(t0):
        return sc(((X @ th + t0 - Y) ** 2).sum()) / n + lam * sc(th.T @ th)
    rhs = 2 / n * sc((X @ th + th0 - Y).sum())
    if cid.endswith('term'):
        rhs += 2 * lam * th0
    return same(d1(J, th0), rhs)


# ---------------------------------------------------------------- logistic regression
def lr_setup(n=7, d=3):
    X = RNG.normal(size=(n, d))
    y = RNG.integers(0, 2, size=(n, 1)).astype(float)
    return X, y, col(d), 0.3, 0.21


def nll(g, a):
    return -(a * np.log(g) + (1 - a) * np.log(1 - g))


@check('e-lr-grad-theta', 'e-lr-grad-theta-swapped')
def c_lr_th(cid):
    X, y, th, th0, lam = lr_setup()
    n = X.shape[0]

    def J(t):
        return sc(nll(sig(X @ t + th0), y).mean()) + lam * sc(t.T @ t)
    g = sig(X @ th + th0)
    res = (y - g) if cid.endswith('swapped') else (g - y)
    return same(grad(J, th), X.T @ res / n + 2 * lam * th)


@check('e-lr-grad-theta0', 'e-lr-grad-theta0-factor')
def c_lr_th0(cid):
    X, y, th, th0, lam = lr_setup()
    n = X.shape[0]

    def J(t0):
        return sc(nll(sig(X @ th + t0), y).mean()) + lam * sc(th.T @ th)
    k = 2.0 if cid.endswith('factor') else 1.0
    return same(d1(J, th0), k / n * sc((sig(X @ th + th0) - y).sum()))


@check('e-nll-f1-deriv', 'e-nll-f1-deriv-sign')
def c_f1(cid):
    ok = True
    for z in RNG.normal(size=4) * 2:
        s = sig(z)
        last = (1 - s) if cid.endswith('sign') else (s - 1)
        ok &= chain(d1(lambda t: -np.log(sig(t)), z), d1(lambda t: -np.log(sig(t)), z),
                    -1 / s * d1(sig, z), -1 / s * (s * (1 - s)), last)
    return ok


@check('e-nll-f2-deriv', 'e-nll-f2-deriv-sigma-prime')
def c_f2(cid):
    ok = True
    for z in RNG.normal(size=4) * 2:
        s = sig(z)
        lhs = d1(lambda t: -np.log(1 - sig(t)), z)
        if cid.endswith('sigma-prime'):
            ok &= chain(lhs, 1 / (1 - s) * (s * (1 - s)), s * (1 - s))
        else:
            ok &= chain(lhs, lhs, -1 / (1 - s) * d1(lambda t: 1 - sig(t), z),
                        1 / (1 - s) * d1(sig, z), 1 / (1 - s) * (s * (1 - s)), s)
    return ok


# ---------------------------------------------------------------- neural networks
def neuron_setup(d=3):
    return col(d), col(d), 0.2, 0.7


def neuron_loss(w, w0, x, y):
    return (np.tanh(sc(w.T @ x) + w0) - y) ** 2


@check('e-neuron-dL-dw', 'e-neuron-dL-dw-sigma-prime')
def c_neuron_w(cid):
    x, w, w0, y = neuron_setup()
    z = sc(w.T @ x) + w0
    g = np.tanh(z)
    dLdg = 2 * (g - y)
    fp = 1 - np.tanh(z) ** 2
    lhs = grad(lambda t: neuron_loss(t, w0, x, y), w)
    if cid.endswith('sigma-prime'):
        return same(lhs, x * np.tanh(z) * dLdg)
    dzdw = grad(lambda t: sc(t.T @ x) + w0, w)
    return chain(lhs, dzdw * fp * dLdg, x * fp * dLdg)


@check('e-neuron-dL-dw0', 'e-neuron-dL-dw0-term')
def c_neuron_w0(cid):
    x, w, w0, y = neuron_setup()
    z = sc(w.T @ x) + w0
    dLdg = 2 * (np.tanh(z) - y)
    fp = 1 - np.tanh(z) ** 2
    lhs = d1(lambda t: neuron_loss(w, t, x, y), w0)
    if cid.endswith('term'):
        return same(lhs, x * fp * dLdg)
    return chain(lhs, 1.0 * fp * dLdg, fp * dLdg)


def two_layer(d0=3, d1_=4):
    A0 = col(d0)
    W1 = RNG.normal(size=(d0, d1_))
    W10 = col(d1_)
    w2 = col(d1_)
    w20 = 0.1
    y = 0.8
    return A0, W1, W10, w2, w20, y


def two_layer_loss(A0, W1, W10, w2, w20, y):
    A1 = np.tanh(W1.T @ A0 + W10)
    g = sig(sc(w2.T @ A1) + w20)
    return (g - y) ** 2


def two_layer_parts(A0, W1, W10, w2, w20, y):
    Z1 = W1.T @ A0 + W10
    A1 = np.tanh(Z1)
    z2 = sc(w2.T @ A1) + w20
    g = sig(z2)
    return Z1, A1, z2, g, 2 * (g - y), sig(z2) * (1 - sig(z2)), 1 - np.tanh(Z1) ** 2


@check('e-2l-dL-dw2', 'e-2l-dL-dw2-index')
def c_2l_w2(cid):
    p = two_layer()
    A0, W1, W10, w2, w20, y = p
    _, A1, _, _, dLdg, f2p, _ = two_layer_parts(*p)
    lhs = grad(lambda t: two_layer_loss(A0, W1, W10, t, w20, y), w2)
    if cid.endswith('index'):
        return same(lhs, A0 * f2p * dLdg)
    dz2dw2 = grad(lambda t: sc(t.T @ A1) + w20, w2)
    return chain(lhs, dz2dw2 * f2p * dLdg, A1 * f2p * dLdg)


@check('e-2l-dL-dW1', 'e-2l-dL-dW1-transpose', 'e-2l-dL-dW10', 'e-2l-dL-dW10-sigma-prime')
def c_2l_W1(cid):
    p = two_layer()
    A0, W1, W10, w2, w20, y = p
    Z1, _, _, _, dLdg, f2p, f1p = two_layer_parts(*p)
    if 'dW10' in cid:
        lhs = grad(lambda t: two_layer_loss(A0, W1, t, w2, w20, y), W10)
        act = np.tanh(Z1) if cid.endswith('sigma-prime') else f1p
        return same(lhs, act * (w2 * f2p * dLdg))
    lhs = grad(lambda t: two_layer_loss(A0, t, W10, w2, w20, y), W1)
    dZ1 = f1p * (w2 * f2p * dLdg)
    rhs = mm(A0, dZ1) if cid.endswith('transpose') else mm(A0, dZ1.T)
    return same(lhs, rhs)


@check('e-z1j-partial-w', 'e-z1j-partial-w-index')
def c_z1j(cid):
    a0 = col(4)
    W = RNG.normal(size=(4, 3))
    W0 = col(3)
    k, j = 3, 1

    def zj(wkj):
        Wp = W.copy()
        Wp[k, j] = wkj
        return sc(Wp[:, j] @ a0[:, 0]) + W0[j, 0]
    rhs = a0[j, 0] if cid.endswith('index') else a0[k, 0]
    return same(d1(zj, W[k, j]), rhs)


# L-layer network: dims d0..d3, activations tanh, tanh, sigmoid; loss sum (g - y)^2
DIMS = [3, 4, 5, 2]
ACT = [None, np.tanh, np.tanh, sig]
DACT = [None, lambda z: 1 - np.tanh(z) ** 2, lambda z: 1 - np.tanh(z) ** 2,
        lambda z: sig(z) * (1 - sig(z))]


def net_setup():
    Ws = [None] + [RNG.normal(size=(DIMS[i - 1], DIMS[i])) for i in range(1, 4)]
    W0s = [None] + [col(DIMS[i]) for i in range(1, 4)]
    return col(DIMS[0]), Ws, W0s, RNG.uniform(size=(DIMS[3], 1))


def net_from(level, Z, Ws, W0s, y):
    """Loss as a function of Z^level (pre-activation)."""
    A = ACT[level](Z)
    for i in range(level + 1, 4):
        A = ACT[i](Ws[i].T @ A + W0s[i])
    return sc(((A - y) ** 2).sum())


def net_from_A(level, A, Ws, W0s, y):
    for i in range(level + 1, 4):
        A = ACT[i](Ws[i].T @ A + W0s[i])
    return sc(((A - y) ** 2).sum())


def net_forward(x, Ws, W0s):
    As, Zs = [x], [None]
    for i in range(1, 4):
        Zs.append(Ws[i].T @ As[-1] + W0s[i])
        As.append(ACT[i](Zs[-1]))
    return As, Zs


@check('e-backprop-recursion', 'e-backprop-recursion-transpose', 'e-dL-dA-l', 'e-dL-dA-l-index')
def c_recursion(cid):
    x, Ws, W0s, y = net_setup()
    As, Zs = net_forward(x, Ws, W0s)
    lev = 1
    dZl = grad(lambda t: net_from(lev, t, Ws, W0s, y), Zs[lev])
    dZn = grad(lambda t: net_from(lev + 1, t, Ws, W0s, y), Zs[lev + 1])
    if 'dA' in cid:
        dA = grad(lambda t: net_from_A(lev, t, Ws, W0s, y), As[lev])
        W = Ws[lev] if cid.endswith('index') else Ws[lev + 1]
        return same(dA, mm(W, dZn))
    W = Ws[lev + 1].T if cid.endswith('transpose') else Ws[lev + 1]
    back = mm(W, dZn)
    rhs = None if back is None else mm(np.diag(DACT[lev](Zs[lev])[:, 0]), back)
    return same(dZl, rhs)


@check('e-dL-dWL-outer', 'e-dL-dWL-outer-order', 'e-dL-dW0L', 'e-dL-dW0L-term',
       'e-dL-dZL', 'e-dL-dZL-sigma-prime')
def c_output_layer(cid):
    x, Ws, W0s, y = net_setup()
    As, Zs = net_forward(x, Ws, W0s)
    dZL = grad(lambda t: net_from(3, t, Ws, W0s, y), Zs[3])
    if 'dZL' in cid:
        dLdg = 2 * (As[3] - y)
        act = ACT[3] if cid.endswith('sigma-prime') else DACT[3]
        return same(dZL, mm(np.diag(act(Zs[3])[:, 0]), dLdg))
    if 'dW0L' in cid:

        def f0(t):
            W0p = list(W0s)
            W0p[3] = t
            return sc(((net_forward(x, Ws, W0p)[0][3] - y) ** 2).sum())
        lhs = grad(f0, W0s[3])
        return same(lhs, mm(As[2], dZL) if cid.endswith('term') else dZL)

    def fW(t):
        Wp = list(Ws)
        Wp[3] = t
        return sc(((net_forward(x, Wp, W0s)[0][3] - y) ** 2).sum())
    lhs = grad(fW, Ws[3])
    rhs = mm(dZL, As[2].T) if cid.endswith('order') else mm(As[2], dZL.T)
    return same(lhs, rhs)


@check('e-dJ-dW-average', 'e-dJ-dW-average-factor')
def c_average(cid):
    n = 5
    X = RNG.normal(size=(n, 3))
    Y = RNG.normal(size=(n, 2))
    W = RNG.normal(size=(3, 2))

    def Li(t, i):
        return sc(((np.tanh(t.T @ X[i:i + 1].T) - Y[i:i + 1].T) ** 2).sum())
    lhs = grad(lambda t: sum(Li(t, i) for i in range(n)) / n, W)
    total = sum(grad(lambda t, i=i: Li(t, i), W) for i in range(n))
    return same(lhs, total if cid.endswith('factor') else total / n)


@check('e-loss-Wlij-entry', 'e-loss-Wlij-entry-index')
def c_entry(cid):
    A = col(4)
    W = RNG.normal(size=(4, 3))
    W0 = col(3)
    y = col(3)
    i, j = 2, 0

    def loss_W(t):
        Wp = W.copy()
        Wp[i, j] = t
        return sc(((np.tanh(Wp.T @ A + W0) - y) ** 2).sum())
    Z = W.T @ A + W0

    def loss_Z(t):
        Zp = Z.copy()
        Zp[j, 0] = t
        return sc(((np.tanh(Zp) - y) ** 2).sum())

    def zj(t):
        Wp = W.copy()
        Wp[i, j] = t
        return sc((Wp.T @ A + W0)[j, 0])
    dZj = d1(loss_Z, Z[j, 0])
    last = dZj * (A[j, 0] if cid.endswith('index') else A[i, 0])
    return chain(d1(loss_W, W[i, j]), dZj * d1(zj, W[i, j]), last)


def scalar_net():
    w = [None, 0.7, -1.1, 0.9]
    w0 = [None, 0.2, -0.3, 0.1]
    f = [None, np.tanh, np.sin, sig]
    fp = [None, lambda z: 1 - np.tanh(z) ** 2, np.cos, lambda z: sig(z) * (1 - sig(z))]
    return w, w0, f, fp, 0.8, 0.35


def scalar_forward(x, w, w0, f):
    a, z = [x], [None]
    for i in range(1, 4):
        z.append(w[i] * a[-1] + w0[i])
        a.append(f[i](z[-1]))
    return a, z


@check('e-oned-dloss-dwL', 'e-oned-dloss-dwL-index', 'e-oned-dloss-dwl', 'e-oned-dloss-dwl-index')
def c_oned(cid):
    w, w0, f, fp, x, y = scalar_net()
    a, z = scalar_forward(x, w, w0, f)

    def loss_w(level, t):
        wp = list(w)
        wp[level] = t
        return (scalar_forward(x, wp, w0, f)[0][3] - y) ** 2
    if 'dwL' in cid:
        lhs = d1(lambda t: loss_w(3, t), w[3])
        dlda = 2 * (a[3] - y)
        dzdw = d1(lambda t: t * a[2] + w0[3], w[3])
        last = dlda * fp[3](z[3]) * (a[3] if cid.endswith('index') else a[2])
        return chain(lhs, dlda * d1(f[3], z[3]) * dzdw, last)
    lhs = d1(lambda t: loss_w(2, t), w[2])

    def loss_z2(t):
        a2 = f[2](t)
        return (f[3](w[3] * a2 + w0[3]) - y) ** 2
    dz2 = d1(loss_z2, z[2])
    return same(lhs, (a[2] if cid.endswith('index') else a[1]) * dz2)


@check('e-weight-decay', 'e-weight-decay-factor')
def c_wd(cid):
    W = RNG.normal(size=(3, 2))
    T = RNG.normal(size=(3, 2))
    eta, lam = 0.05, 0.3

    def Li(t):
        return sc(((t - T) ** 3).sum())
    G = grad(Li, W)
    step = W - eta * grad(lambda t: Li(t) + lam * sc((t ** 2).sum()), W)
    k = 1.0 if cid.endswith('factor') else 2.0
    return chain(step, W - eta * (G + 2 * lam * W), W * (1 - k * lam * eta) - eta * G)


@check('e-neuron-def', 'e-neuron-def-sign')
def c_neuron_def(cid):
    x, w = col(4), col(4)
    w0 = 0.6
    z = sc(sum(x[j, 0] * w[j, 0] for j in range(4))) + w0
    last = np.tanh(sc(w.T @ x) + (-w0 if cid.endswith('sign') else w0))
    return chain(np.tanh(z), np.tanh(z), last)


@check('e-chain-rule-margin', 'e-chain-rule-margin-term')
def c_chain_margin(cid):
    c = 0.4
    b = np.exp(c)
    lhs = d1(lambda t: np.sin(np.exp(t)), c)
    mid = d1(np.sin, b) * d1(np.exp, c)
    last = np.cos(np.exp(c)) * (1.0 if cid.endswith('term') else np.exp(c))
    return chain(lhs, mid, np.cos(b) * np.exp(c), last)


# ---------------------------------------------------------------- matrix calculus
@check('e-mc-example1', 'e-mc-example1-sign')
def c_mc1(cid):
    th = col(2)

    def f(t):
        return t[0, 0] ** 2 - 3 * t[1, 0] + 5
    g = grad(f, th)
    rhs = np.array([[2 * th[0, 0]], [3.0 if cid.endswith('sign') else -3.0]])
    return chain(g, g, rhs)


@check('e-mc-example2', 'e-mc-example2-transpose')
def c_mc2(cid):
    X = RNG.normal(size=(4, 3))
    th = col(3)
    D = jac_den(lambda t: X @ t, th)
    return same(D, X if cid.endswith('transpose') else X.T)


@check('e-mc-example2-differential', 'e-mc-example2-differential-transpose')
def c_mc2d(cid):
    X = RNG.normal(size=(4, 3))
    th, dth = col(3), col(3)
    last = mm(X.T, dth) if cid.endswith('transpose') else X @ dth
    return chain(X @ (th + dth) - X @ th, X @ (th + dth) - X @ th,
                 X @ th + X @ dth - X @ th, last)


@check('e-mc-example3', 'e-mc-example3-factor')
def c_mc3(cid):
    v = col(4)
    return same(grad(lambda t: sc((t ** 2).sum()), v), v if cid.endswith('factor') else 2 * v)


@check('e-mc-example3-differential', 'e-mc-example3-differential-factor')
def c_mc3d(cid):
    v, dv = col(4), col(4)

    def nrm2(a):
        return sc((a ** 2).sum())
    k = 1.0 if cid.endswith('factor') else 2.0
    return chain(nrm2(v + dv) - nrm2(v), nrm2(v + dv) - nrm2(v),
                 sc((v + dv).T @ (v + dv)) - nrm2(v),
                 nrm2(v) + sc(v.T @ dv) + sc(dv.T @ v) + nrm2(dv) - nrm2(v),
                 sc((k * v).T @ dv) + nrm2(dv))


@check('e-mc-chain-rule', 'e-mc-chain-rule-order')
def c_mc_chain(cid):
    B = RNG.normal(size=(4, 3))
    x = col(3)

    def g(t):
        return np.tanh(B @ t)

    def f(u):
        return sc((u ** 2).sum() + u[0, 0])
    dfdx = grad(lambda t: f(g(t)), x)
    dgdx = jac_den(g, x)
    dfdg = grad(f, g(x))
    rhs = mm(dfdg, dgdx) if cid.endswith('order') else mm(dgdx, dfdg)
    return same(dfdx, rhs)


@check('e-mc-Ax', 'e-mc-Ax-transpose')
def c_mc_ax(cid):
    A = RNG.normal(size=(4, 3))
    x = col(3)
    return same(jac_den(lambda t: A @ t, x), A if cid.endswith('transpose') else A.T)


@check('e-mc-xTA', 'e-mc-xTA-transpose')
def c_mc_xta(cid):
    A = RNG.normal(size=(3, 5))
    x = col(3)
    return same(jac_den(lambda t: t.T @ A, x), A.T if cid.endswith('transpose') else A)


def v_fun(t):
    return sc(np.sin(t.sum()) + (t ** 2).sum())


def u_fun(t):
    return np.vstack([np.tanh(t[0:1] * t[1:2]), t[0:1] ** 3, np.cos(t[1:2]) + t[0:1]])


@check('e-mc-va', 'e-mc-va-order')
def c_mc_va(cid):
    x = col(2)
    a = col(3)
    lhs = jac_den(lambda t: v_fun(t) * a, x)
    dv = grad(v_fun, x)
    return same(lhs, mm(a, dv.T) if cid.endswith('order') else mm(dv, a.T))


@check('e-mc-Au', 'e-mc-Au-transpose')
def c_mc_au(cid):
    x = col(2)
    A = RNG.normal(size=(3, 3))
    lhs = jac_den(lambda t: A @ u_fun(t), x)
    du = jac_den(u_fun, x)
    return same(lhs, mm(du, A) if cid.endswith('transpose') else mm(du, A.T))


@check('e-mc-product-rule', 'e-mc-product-rule-term')
def c_mc_prod(cid):
    x = col(2)
    lhs = jac_den(lambda t: v_fun(t) * u_fun(t), x)
    rhs = v_fun(x) * jac_den(u_fun, x)
    if not cid.endswith('term'):
        rhs = rhs + mm(grad(v_fun, x), u_fun(x).T)
    return same(lhs, rhs)


@check('e-mc-uTv', 'e-mc-uTv-sign')
def c_mc_utv(cid):
    x = col(2)

    def w_fun(t):
        return np.vstack([t[0:1] * t[1:2], np.exp(t[1:2]), t[0:1] - t[1:2] ** 2])
    lhs = grad(lambda t: sc(u_fun(t).T @ w_fun(t)), x)
    s = -1.0 if cid.endswith('sign') else 1.0
    return same(lhs, jac_den(u_fun, x) @ w_fun(x) + s * jac_den(w_fun, x) @ u_fun(x))


@check('e-mc-mse-dJdtheta', 'e-mc-mse-dJdtheta-transpose')
def c_mc_mse(cid):
    X, Y, th = ols_data()
    n = X.shape[0]
    lhs = grad(lambda t: sc(((X @ t - Y) ** 2).sum()) / n, th)
    rhs = 2 / n * (X @ th - Y).T @ X if cid.endswith('transpose') else 2 / n * X.T @ (X @ th - Y)
    return same(lhs, rhs)


@check('e-mc-einstein', 'e-mc-einstein-factor')
def c_mc_ein(cid):
    X, Y, th = ols_data()
    n = X.shape[0]
    g = grad(lambda t: sc(np.einsum('ab,b->a', X, t[:, 0]) @ np.einsum('ac,c->a', X, t[:, 0])
                             - 2 * np.einsum('ab,b->a', X, t[:, 0]) @ Y[:, 0]
                             + Y[:, 0] @ Y[:, 0]) / n, th)
    k = 1.0 if cid.endswith('factor') else 2.0
    ok = True
    for d in range(th.shape[0]):
        first = k / n * sc(np.einsum('a,a->', X[:, d], X @ th[:, 0] - Y[:, 0]))
        ok &= chain(g[d, 0], first, 2 / n * sc((X.T @ (X @ th - Y))[d, 0]))
    return ok


# ---------------------------------------------------------------- cone (SymPy)
r, h, c = sp.symbols('r h c', positive=True)
V = sp.pi * r ** 2 * h / 3


def sym_eq(a, b):
    return sp.simplify(a - b) == 0


@check('e-cone-dVdr', 'e-cone-dVdr-factor')
def c_cone_r(cid):
    rhs = sp.pi * r * h / 3 if cid.endswith('factor') else 2 * sp.pi * r * h / 3
    return sym_eq(sp.diff(V, r), rhs)


@check('e-cone-dVdh', 'e-cone-dVdh-swapped')
def c_cone_h(cid):
    rhs = 2 * sp.pi * r / 3 if cid.endswith('swapped') else sp.pi * r ** 2 / 3
    return sym_eq(sp.diff(V, h), rhs)


@check('e-cone-total-dVdr', 'e-cone-total-dVdr-term')
def c_cone_total(cid):
    hf = sp.Function('h')(r)
    Vr = sp.pi * r ** 2 * hf / 3
    total = sp.diff(Vr, r)
    mid = (sp.diff(V, r) + sp.diff(V, h) * sp.Derivative(hf, r)).subs(h, hf)
    last = 2 * sp.pi * r * hf / 3
    if not cid.endswith('term'):
        last += sp.pi * r ** 2 / 3 * sp.Derivative(hf, r)
    return sym_eq(total, mid.doit()) and sym_eq(mid.doit(), last.doit())


@check('e-cone-dVdr-c', 'e-cone-dVdr-c-factor')
def c_cone_rc(cid):
    total = sp.diff(V.subs(h, r / c), r)
    k = c if cid.endswith('factor') else 1 / c
    return sym_eq(total, (2 * sp.pi * r * h / 3 + sp.pi * r ** 2 / 3 * k).subs(h, r / c))


@check('e-cone-dVdh-c', 'e-cone-dVdh-c-factor')
def c_cone_hc(cid):
    total = sp.diff(V.subs(r, c * h), h)
    k = 1 / c if cid.endswith('factor') else c
    return sym_eq(total, (sp.pi * r ** 2 / 3 + 2 * sp.pi * r * h / 3 * k).subs(r, c * h))


# ---------------------------------------------------------------- step worked examples
def step(v):
    return 1 if v > 0 else 0


@check('e-step-example-x1', 'e-step-example-x1-sign', 'e-step-example-x2',
       'e-step-example-x2-sign')
def c_step(cid):
    th = np.array([-1.0, 1.5])
    x = np.array([3.0, 2.0]) if 'x1' in cid else np.array([4.0, -1.0])
    inner = sc(th @ x) + 3
    printed = {'e-step-example-x1': (3, 1), 'e-step-example-x1-sign': (-3, 0),
               'e-step-example-x2': (-2.5, 0), 'e-step-example-x2-sign': (0.5, 1)}[cid]
    return chain(step(inner), step(printed[0]), printed[1])


# ---------------------------------------------------------------- batch norm
def bn_setup(n=3, K=5, eps=1e-3):
    return RNG.normal(size=(n, K)), col(n), col(n), eps, RNG.normal(size=(n, K))


def bn_forward(Z, G, B, eps):
    mu = Z.mean(axis=1, keepdims=True)
    sd = np.sqrt(((Z - mu) ** 2).mean(axis=1, keepdims=True))
    Zbar = (Z - mu) / (sd + eps)
    return mu, sd, Zbar, G * Zbar + B


@check('e-bn-dmu', 'e-bn-dmu-factor', 'e-bn-dsigma', 'e-bn-dsigma-factor')
def c_bn_stats(cid):
    Z, G, B, eps, _ = bn_setup()
    i, j = 1, 3
    K = Z.shape[1]
    mu, sd, _, _ = bn_forward(Z, G, B, eps)

    def stat(t, which):
        Zp = Z.copy()
        Zp[i, j] = t
        return bn_forward(Zp, G, B, eps)[which][i, 0]
    if 'dmu' in cid:
        return same(d1(lambda t: stat(t, 0), Z[i, j]), 1.0 if cid.endswith('factor') else 1 / K)
    num = Z[i, j] - mu[i, 0]
    rhs = num / sd[i, 0] if cid.endswith('factor') else num / (K * sd[i, 0])
    return same(d1(lambda t: stat(t, 1), Z[i, j]), rhs)


@check('e-bn-dL-dB', 'e-bn-dL-dB-term', 'e-bn-dL-dG', 'e-bn-dL-dG-swapped')
def c_bn_GB(cid):
    Z, G, B, eps, Cw = bn_setup()
    i = 2
    _, _, Zbar, Zhat = bn_forward(Z, G, B, eps)

    def loss(Zh):
        return sc((Cw * Zh ** 2).sum())
    dLdZhat = 2 * Cw * Zhat

    def loss_par(t, which):
        Gp, Bp = G.copy(), B.copy()
        (Gp if which == 'G' else Bp)[i, 0] = t
        return loss(bn_forward(Z, Gp, Bp, eps)[3])
    if 'dB' in cid:
        lhs = d1(lambda t: loss_par(t, 'B'), B[i, 0])
        dZhdB = np.array([d1(lambda t, k=k: t + G[i, 0] * Zbar[i, k], B[i, 0])
                          for k in range(Z.shape[1])])
        last = (dLdZhat[i] * Zbar[i]).sum() if cid.endswith('term') else dLdZhat[i].sum()
        return chain(lhs, (dLdZhat[i] * dZhdB).sum(), last)
    lhs = d1(lambda t: loss_par(t, 'G'), G[i, 0])
    dZhdG = np.array([d1(lambda t, k=k: t * Zbar[i, k] + B[i, 0], G[i, 0])
                      for k in range(Z.shape[1])])
    other = Zhat[i] if cid.endswith('swapped') else Zbar[i]
    return chain(lhs, (dLdZhat[i] * dZhdG).sum(), (dLdZhat[i] * other).sum())


@check('e-bn-dZhat-dZ', 'e-bn-dZhat-dZ-swapped')
def c_bn_dzhat(cid):
    Z, G, B, eps, _ = bn_setup()
    i, j, k = 0, 1, 3

    def comp(t, which):
        Zp = Z.copy()
        Zp[i, j] = t
        return bn_forward(Zp, G, B, eps)[which][i, k]
    lhs = d1(lambda t: comp(t, 3), Z[i, j])
    dZbar = d1(lambda t: comp(t, 2), Z[i, j])
    dZh_dZbar = d1(lambda t: G[i, 0] * t + B[i, 0], bn_forward(Z, G, B, eps)[2][i, k])
    fac = B[i, 0] if cid.endswith('swapped') else G[i, 0]
    return chain(lhs, dZh_dZbar * dZbar, fac * dZbar)


# ---------------------------------------------------------------- expected verdicts
EXPECT = {}
for _cid in CHECKS:
    EXPECT[_cid] = 'valid'
for _cid in list(CHECKS):
    base = _cid
    for suf in ('-factor', '-sign', '-term', '-transpose', '-order', '-sigma-prime',
                '-swapped', '-index'):
        if _cid.endswith(suf) and _cid[:-len(suf)] in CHECKS:
            EXPECT[_cid] = 'invalid'

# ---------------------------------------------------------------- documents
# Each entry: (label, expected verdict per non-definition link, fn returning per-link truth).
DOC_CHECKS = []


def doc(label, *expected):
    def deco(fn):
        DOC_CHECKS.append((label, list(expected), fn))
        return fn
    return deco


def links(vals):
    return [same(vals[k], vals[k + 1]) for k in range(len(vals) - 1)]


def all_points(fn, n=4):
    res = None
    for _ in range(n):
        cur = fn()
        res = cur if res is None else [a and b for a, b in zip(res, cur, strict=True)]
    return res


D1 = 'docs/mit-logistic-nll-convexity'
D1M = 'docs/mit-logistic-nll-convexity-mutated'


@doc(D1 + ':37 grad theta', 'valid')
def d1_grad_th():
    return [c_lr_th('e-lr-grad-theta')]


@doc(D1M + ':37 grad theta (lines 40-41 mutated)', 'invalid')
def d1m_grad_th():
    return [c_lr_th('e-lr-grad-theta-swapped')]


@doc(D1 + ':37 grad theta_0', 'valid')
@doc(D1M + ':37 grad theta_0', 'valid')
def d1_grad_th0():
    return [c_lr_th0('e-lr-grad-theta0')]


def f1_vals(mut):
    z = RNG.normal() * 2
    s = sig(z)
    return [d1(lambda t: -np.log(sig(t)), z), d1(lambda t: -np.log(sig(t)), z),
            -1 / s * d1(sig, z), -1 / s * (s * (1 - s)), (1 - s) if mut else (s - 1)]


@doc(D1 + ':56 f_1 chain', 'valid', 'valid', 'valid', 'valid')
def d1_f1():
    return all_points(lambda: links(f1_vals(False)))


@doc(D1M + ':56 f_1 chain (line 61 mutated)', 'valid', 'valid', 'valid', 'invalid')
def d1m_f1():
    return all_points(lambda: links(f1_vals(True)))


def f2_vals():
    z = RNG.normal() * 2
    s = sig(z)
    lhs = d1(lambda t: -np.log(1 - sig(t)), z)
    return [lhs, d1(lambda t: -np.log(1 - sig(t)), z),
            -1 / (1 - s) * d1(lambda t: 1 - sig(t), z), 1 / (1 - s) * d1(sig, z),
            1 / (1 - s) * (s * (1 - s)), s]


@doc(D1 + ':69 f_2 chain', 'valid', 'valid', 'valid', 'valid', 'valid')
@doc(D1M + ':69 f_2 chain', 'valid', 'valid', 'valid', 'valid', 'valid')
def d1_f2():
    return all_points(lambda: links(f2_vals()))


D3 = 'docs/mit-matrix-calculus-examples'


@doc(D3 + ':12 example 1', 'valid', 'valid')
def d3_ex1():
    th = col(2)
    g = grad(lambda t: t[0, 0] ** 2 - 3 * t[1, 0] + 5, th)
    comps = np.array([[d1(lambda a: a ** 2 - 3 * th[1, 0] + 5, th[0, 0])],
                      [d1(lambda b: th[0, 0] ** 2 - 3 * b + 5, th[1, 0])]])
    return links([g, comps, np.array([[2 * th[0, 0]], [-3.0]])])


@doc(D3 + ':29 example 2 differential (first link is a definition)', 'valid', 'valid', 'valid')
def d3_ex2d():
    X = RNG.normal(size=(4, 3))
    th, dth = col(3), col(3)
    f = X @ (th + dth) - X @ th
    return links([f, f, X @ (th + dth) - X @ th, X @ th + X @ dth - X @ th, X @ dth])[1:]


@doc(D3 + ':40 df/dtheta = X^T', 'valid')
def d3_ex2():
    return [c_mc2('e-mc-example2')]


@doc(D3 + ':48 example 3 by components', 'valid', 'valid', 'valid')
def d3_ex3():
    v = col(4)
    g = grad(lambda t: sc((t ** 2).sum()), v)
    comps = np.array([[d1(lambda a, i=i: a ** 2 + sc((v ** 2).sum()) - v[i, 0] ** 2, v[i, 0])]
                      for i in range(4)])
    return links([g, comps, np.array([[2 * v[i, 0]] for i in range(4)]), 2 * v])


@doc(D3 + ':66 example 3 differential (first link is a definition)',
     'valid', 'valid', 'valid', 'valid')
def d3_ex3d():
    v, dv = col(4), col(4)

    def nrm2(a):
        return sc((a ** 2).sum())
    vals = [nrm2(v + dv) - nrm2(v), nrm2(v + dv) - nrm2(v), nrm2(v + dv) - nrm2(v),
            sc((v + dv).T @ (v + dv)) - nrm2(v),
            nrm2(v) + sc(v.T @ dv) + sc(dv.T @ v) + nrm2(dv) - nrm2(v),
            sc((2 * v).T @ dv) + nrm2(dv)]
    return links(vals)[1:]


@doc(D3 + ':78 df/dv = 2v', 'valid')
def d3_ex3b():
    return [c_mc3('e-mc-example3')]


@doc(D3 + ':86 chain rule', 'valid')
def d3_chain():
    return [c_mc_chain('e-mc-chain-rule')]


@doc(D3 + ':92 chain rule, three functions', 'valid')
def d3_chain3():
    x = col(2)
    C = RNG.normal(size=(3, 2))
    B = RNG.normal(size=(4, 3))

    def hh(t):
        return np.sin(C @ t)

    def g(u):
        return np.tanh(B @ u)

    def f(w):
        return sc((w ** 3).sum())
    lhs = grad(lambda t: f(g(hh(t))), x)
    rhs = mm(mm(jac_den(hh, x), jac_den(g, hh(x))), grad(f, g(hh(x))))
    return [same(lhs, rhs)]


@doc(D3 + ':106 MSE gradient', 'valid')
def d3_mse():
    return [c_mc_mse('e-mc-mse-dJdtheta')]


D4 = 'docs/mit-backprop-neuron-two-layer'


@doc(D4 + ':8 chain rule', 'valid', 'valid', 'valid')
def d4_chain():
    c = 0.4
    b = np.exp(c)
    return links([d1(lambda t: np.sin(np.exp(t)), c), d1(np.sin, b) * d1(np.exp, c),
                  np.cos(b) * np.exp(c), np.cos(np.exp(c)) * np.exp(c)])


@doc(D4 + ':36 dL/dw', 'valid', 'valid')
def d4_w():
    x, w, w0, y = neuron_setup()
    z = sc(w.T @ x) + w0
    dLdg = 2 * (np.tanh(z) - y)
    fp = 1 - np.tanh(z) ** 2
    lhs = grad(lambda t: neuron_loss(t, w0, x, y), w)
    dzdw = grad(lambda t: sc(t.T @ x) + w0, w)
    return links([lhs, dzdw * fp * dLdg, x * fp * dLdg])


@doc(D4 + ':42 dL/dw_0', 'valid', 'valid')
def d4_w0():
    x, w, w0, y = neuron_setup()
    z = sc(w.T @ x) + w0
    dLdg = 2 * (np.tanh(z) - y)
    fp = 1 - np.tanh(z) ** 2
    return links([d1(lambda t: neuron_loss(w, t, x, y), w0),
                  d1(lambda t: sc(w.T @ x) + t, w0) * fp * dLdg, fp * dLdg])


@doc(D4 + ':68 dL/dw^2', 'valid', 'valid')
def d4_w2():
    p = two_layer()
    A0, W1, W10, w2, w20, y = p
    _, A1, _, _, dLdg, f2p, _ = two_layer_parts(*p)
    lhs = grad(lambda t: two_layer_loss(A0, W1, W10, t, w20, y), w2)
    dz = grad(lambda t: sc(t.T @ A1) + w20, w2)
    return links([lhs, dz * f2p * dLdg, A1 * f2p * dLdg])


@doc(D4 + ':76 dL/dw^2_0', 'valid', 'valid')
def d4_w20():
    p = two_layer()
    A0, W1, W10, w2, w20, y = p
    _, A1, _, _, dLdg, f2p, _ = two_layer_parts(*p)
    lhs = d1(lambda t: two_layer_loss(A0, W1, W10, w2, t, y), w20)
    return links([lhs, d1(lambda t: sc(w2.T @ A1) + t, w20) * f2p * dLdg, f2p * dLdg])


@doc(D4 + ':82 dL/dW^1', 'valid')
def d4_W1():
    return [c_2l_W1('e-2l-dL-dW1')]


@doc(D4 + ':91 dL/dW^1_0', 'valid')
def d4_W10():
    return [c_2l_W1('e-2l-dL-dW10')]


def main():
    confirmed = failed = 0
    for cid, fn in CHECKS.items():
        holds = bool(fn(cid))
        verdict = 'valid' if holds else 'invalid'
        ok = verdict == EXPECT[cid]
        confirmed += ok
        failed += not ok
        print(f"{'OK  ' if ok else 'FAIL'} {cid}: expected {EXPECT[cid]}, computed {verdict}")
    for label, expected, fn in DOC_CHECKS:
        got = ['valid' if bool(v) else 'invalid' for v in fn()]
        for k, (exp, verdict) in enumerate(zip(expected, got, strict=True), start=1):
            ok = verdict == exp
            confirmed += ok
            failed += not ok
            print(f"{'OK  ' if ok else 'FAIL'} {label} link {k}: expected {exp}, "
                  f"computed {verdict}")
    print(f'{confirmed} confirmed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
