# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zzb).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, identities by direct evaluation, printed numbers
compared with one unit of the last printed digit).  No LaTeX is parsed.  Exit status 1 on any
disagreement.
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


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


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


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def claim(links_fn):
    """a claim holds when every link holds at every random point"""
    return lambda: all(v for v in every(links_fn) if v is not None)


# ======================= Catalan: gradient-descent example =======================
def f_cat(v):
    x, y = v
    return x ** 2 + 2 * y ** 2 + x * y - 3 * x


def cat_point():
    return rng.uniform(-3, 3, 2)


def _dfdx(rhs):
    def pts():
        p = cat_point()
        g = fd(f_cat, p)
        x, y = p
        return [True, close(g[0], rhs(x, y))]  # d/dx f = d/dx (same printed expression of f)
    return pts


def _dfdy(rhs):
    def pts():
        p = cat_point()
        g = fd(f_cat, p)
        x, y = p
        return [True, close(g[1], rhs(x, y))]
    return pts


CHECK["zzb-cat-dfdx"] = claim(_dfdx(lambda x, y: 2 * x + y - 3))
CHECK["zzb-cat-dfdx-sign"] = claim(_dfdx(lambda x, y: 2 * x + y + 3))
CHECK["zzb-cat-dfdx-xy"] = claim(_dfdx(lambda x, y: 2 * x - 3))
CHECK["zzb-cat-dfdy"] = claim(_dfdy(lambda x, y: 4 * y + x))
CHECK["zzb-cat-dfdy-factor"] = claim(_dfdy(lambda x, y: 2 * y + x))


def _grad(second):
    def pts():
        p = cat_point()
        g = fd(f_cat, p)
        x, y = p
        return [True, close(g, [2 * x + y - 3, second(x, y)])]  # nabla f = column of partials (definition of the gradient)
    return pts


CHECK["zzb-cat-grad"] = claim(_grad(lambda x, y: 4 * y + x))
CHECK["zzb-cat-grad-sign"] = claim(_grad(lambda x, y: 4 * y - x))

# stationary point of f: solve the linear system of the two partials
A_cat = np.array([[2.0, 1.0], [1.0, 4.0]])
b_cat = np.array([3.0, 0.0])
xs, ys = np.linalg.solve(A_cat, b_cat)


def _xstar(rhs):
    return lambda: [close(xs, -4 * ys), close(-4 * ys, rhs)]


assert close(ys, -3 / 7)
CHECK["zzb-cat-xstar"] = claim(_xstar(12 / 7))
CHECK["zzb-cat-xstar-sign"] = claim(_xstar(-12 / 7))


def _argmin(px, py):
    def pts():
        # convex (Hessian [[2,1],[1,4]] positive definite), so the stationary point is the global minimiser
        conv = bool(np.all(np.linalg.eigvalsh(A_cat) > 0))
        p = cat_point()
        is_min = f_cat((12 / 7, -3 / 7)) <= f_cat(p) + 1e-12
        return [conv and is_min and close((xs, ys), (12 / 7, -3 / 7)), num(12 / 7, px, 1e-3) and num(-3 / 7, py, 1e-3)]
    return pts


CHECK["zzb-cat-argmin"] = claim(_argmin(1.714, -0.429))
CHECK["zzb-cat-argmin-digits"] = claim(_argmin(1.741, -0.429))


def _sigprime(sgn):
    def pts():
        z = rng.uniform(-4, 4)
        s = sig(z)
        yh = sig(z)
        ds = d1(sig, z)
        return [close(ds, s * (1 + sgn * s)), close(s * (1 + sgn * s), yh * (1 + sgn * yh))]
    return pts


CHECK["zzb-cat-sigprime"] = claim(_sigprime(-1))
CHECK["zzb-cat-sigprime-sign"] = claim(_sigprime(+1))


def J_ce(yh, y):
    return -y * np.log(yh) - (1 - y) * np.log(1 - yh)


def _dJdyhat(rhs):
    def pts():
        yh = rng.uniform(0.05, 0.95)
        y = rng.uniform(0, 1)
        return [close(d1(lambda t: J_ce(t, y), yh), rhs(yh, y))]
    return pts


CHECK["zzb-cat-dJdyhat"] = claim(_dJdyhat(lambda yh, y: -y / yh + (1 - y) / (1 - yh)))
CHECK["zzb-cat-dJdyhat-sign"] = claim(_dJdyhat(lambda yh, y: -y / yh - (1 - y) / (1 - yh)))
CHECK["zzb-cat-dJdyhat-exp"] = claim(_dJdyhat(lambda yh, y: -y / yh ** 2 + (1 - y) / (1 - yh)))


def _dyhatdz():
    z = rng.uniform(-4, 4)
    return [close(d1(sig, z), sig(z) * (1 - sig(z)))]


CHECK["zzb-cat-dyhatdz"] = claim(_dyhatdz)


def logreg_point(n=3):
    w = rng.normal(size=n)
    x = rng.normal(size=n)
    y = rng.uniform(0, 1)
    return w, x, y


def _dJdw(rhs):
    def pts():
        w, x, y = logreg_point()
        g = fd(lambda ww: J_ce(sig(ww @ x), y), w)
        yh = sig(w @ x)
        return [close(g, rhs(yh, y, x))]
    return pts


CHECK["zzb-cat-combined"] = claim(_dJdw(lambda yh, y, x: (-y / yh + (1 - y) / (1 - yh)) * yh * (1 - yh) * x))
CHECK["zzb-cat-combined-nosig"] = claim(_dJdw(lambda yh, y, x: (-y / yh + (1 - y) / (1 - yh)) * x))
CHECK["zzb-cat-dJdw"] = claim(_dJdw(lambda yh, y, x: (yh - y) * x))
CHECK["zzb-cat-dJdw-sign"] = claim(_dJdw(lambda yh, y, x: (y - yh) * x))
CHECK["zzb-cat-dJdw-sigprime"] = claim(_dJdw(lambda yh, y, x: (yh - y) * yh * (1 - yh) * x))


def _product(sgn):
    def pts():
        yh = rng.uniform(0.05, 0.95)
        y = rng.uniform(-2, 2)
        return [close((-y / yh + (1 - y) / (1 - yh)) * yh * (1 - yh), -y * (1 - yh) + sgn * (1 - y) * yh)]
    return pts


CHECK["zzb-cat-product"] = claim(_product(+1))
CHECK["zzb-cat-product-sign"] = claim(_product(-1))


def _simplify(rhs):
    def pts():
        yh, y = rng.uniform(-2, 2, 2)
        return [close(-y + y * yh + yh - y * yh, rhs(yh, y))]
    return pts


CHECK["zzb-cat-simplify"] = claim(_simplify(lambda yh, y: yh - y))
CHECK["zzb-cat-simplify-sign"] = claim(_simplify(lambda yh, y: y - yh))


# ======================= Bulgarian lecture notes =======================
def _dsigma(rhs):
    def pts():
        z = rng.uniform(-4, 4)
        return [close(d1(sig, z), rhs(sig(z)))]
    return pts


CHECK["zzb-bg-dsigma"] = claim(_dsigma(lambda s: s * (1 - s)))
CHECK["zzb-bg-dsigma-exp"] = claim(_dsigma(lambda s: s ** 2 * (1 - s)))


def L_bg(a, y):
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


def _dLdz(rhs):
    def pts():
        z = rng.uniform(-3, 3)
        y = rng.uniform(0, 1)
        a = sig(z)
        return [close(d1(lambda t: L_bg(sig(t), y), z), rhs(a, y))]
    return pts


CHECK["zzb-bg-dLdz"] = claim(_dLdz(lambda a, y: a - y))
CHECK["zzb-bg-dLdz-sign"] = claim(_dLdz(lambda a, y: y - a))
CHECK["zzb-bg-dLdz-sigprime"] = claim(_dLdz(lambda a, y: (a - y) * a * (1 - a)))


def _graph():
    a, b, c = rng.normal(size=3)
    u = b * c
    v = a + u
    J = 3 * a + b * c
    return [close(J, 3 * v)]


CHECK["zzb-bg-graph"] = claim(_graph)


# ======================= Persian (mehrdad-dev) =======================
def linreg_point(m=6):
    x = rng.normal(size=m)
    y = rng.normal(size=m)
    th = rng.normal(size=2)
    return x, y, th


def J_lin(th, x, y):
    m = len(x)
    return np.sum((th[0] + th[1] * x - y) ** 2) / (2 * m)


def _dtheta(j, rhs):
    def pts():
        x, y, th = linreg_point()
        m = len(x)
        g = fd(lambda t: J_lin(t, x, y), th)
        h = th[0] + th[1] * x
        return [close(g[j], rhs(h, x, y, m))]
    return pts


CHECK["zzb-fa-dtheta0"] = claim(_dtheta(0, lambda h, x, y, m: np.sum(h - y) / m))
CHECK["zzb-fa-dtheta0-factor"] = claim(_dtheta(0, lambda h, x, y, m: np.sum(h - y) / (2 * m)))
CHECK["zzb-fa-dtheta1"] = claim(_dtheta(1, lambda h, x, y, m: np.sum((h - y) * x) / m))
CHECK["zzb-fa-dtheta1-nox"] = claim(_dtheta(1, lambda h, x, y, m: np.sum(h - y) / m))


def _gprime(sgn):
    def pts():
        u = rng.normal(size=4) * 2
        return [close(np.array([d1(sig, ui) for ui in u]), sig(u) * (1 + sgn * sig(u)))]
    return pts


CHECK["zzb-fa-gprime"] = claim(_gprime(-1))
CHECK["zzb-fa-gprime-sign"] = claim(_gprime(+1))


def _vecJ(swap):
    def pts():
        m, n = 7, 3
        X = rng.normal(size=(m, n))
        th = rng.normal(size=n)
        y = rng.integers(0, 2, size=m).astype(float)
        h = sig(X @ th)
        J_sum = -np.sum(y * np.log(h) + (1 - y) * np.log(1 - h)) / m
        last = np.log(h) if swap else np.log(1 - h)
        J_vec = (1 / m) * (-y @ np.log(h) - (1 - y) @ last)
        return [close(J_sum, J_vec)]
    return pts


CHECK["zzb-fa-vecJ"] = claim(_vecJ(False))
CHECK["zzb-fa-vecJ-swap"] = claim(_vecJ(True))


# ======================= Romanian notes =======================
def _chain(with_act):
    def pts():
        w, b, x, t = rng.normal(size=4)
        Jw = lambda ww: 0.5 * (sig(ww * x + b) - t) ** 2   # a sample J of a = sigma(z), z = w x + b
        z = w * x + b
        a = sig(z)
        dJda, dadz, dzdw = a - t, a * (1 - a), x
        rhs = dJda * dadz * dzdw if with_act else dJda * dzdw
        return [close(d1(Jw, w), rhs)]
    return pts


CHECK["zzb-ro-chain"] = claim(_chain(True))
CHECK["zzb-ro-chain-noact"] = claim(_chain(False))


def _dzdw_pts():
    w, x, y = logreg_point()
    return [close(fd(lambda ww: ww @ x, w), x)]


CHECK["zzb-cat-dzdw"] = claim(_dzdw_pts)


# ======================= Bengali notes =======================
def _bn_dydx(rhs):
    def pts():
        x = rng.uniform(-2, 2)
        u = 3 * x + 1
        return [close(d1(lambda t: (3 * t + 1) ** 2, x), 2 * u * 3), close(2 * u * 3, rhs(x))]
    return pts


CHECK["zzb-bn-dydx"] = claim(_bn_dydx(lambda x: 6 * (3 * x + 1)))
CHECK["zzb-bn-dydx-factor"] = claim(_bn_dydx(lambda x: 3 * (3 * x + 1)))
CHECK["zzb-bn-dydx-exp"] = claim(_bn_dydx(lambda x: 6 * (3 * x + 1) ** 2))


def _bn_dydu():
    u = rng.uniform(-2, 2)
    return [close(d1(lambda t: t ** 2, u), 2 * u)]


CHECK["zzb-bn-dydu"] = claim(_bn_dydu)


def _bn_dudx(rhs):
    def pts():
        x = rng.uniform(-2, 2)
        return [close(d1(lambda t: 3 * t + 1, x), rhs(x))]
    return pts


CHECK["zzb-bn-dudx"] = claim(_bn_dudx(lambda x: 3.0))
CHECK["zzb-bn-dudx-nodiff"] = claim(_bn_dudx(lambda x: 3 * x))


def _bn_dexp(rhs):
    def pts():
        x = rng.uniform(-1, 1)
        return [close(d1(lambda t: np.exp(2 * t ** 2), x), rhs(x))]
    return pts


CHECK["zzb-bn-dexp"] = claim(_bn_dexp(lambda x: np.exp(2 * x ** 2) * 4 * x))
CHECK["zzb-bn-dexp-factor"] = claim(_bn_dexp(lambda x: np.exp(2 * x ** 2) * 2 * x))


def _bn_dudx2():
    x = rng.uniform(-2, 2)
    return [close(d1(lambda t: 2 * t ** 2, x), 4 * x)]


CHECK["zzb-bn-dudx2"] = claim(_bn_dudx2)


def _bn_dEdy(rhs):
    def pts():
        y, t = rng.normal(size=2)
        return [close(d1(lambda yy: 0.5 * (t - yy) ** 2, y), rhs(y, t))]
    return pts


CHECK["zzb-bn-dEdy"] = claim(_bn_dEdy(lambda y, t: y - t))
CHECK["zzb-bn-dEdy-sign"] = claim(_bn_dEdy(lambda y, t: t - y))


def _bn_dzdw(rhs):
    def pts():
        w, x, b = rng.normal(size=3)
        return [close(d1(lambda ww: ww * x + b, w), rhs(w, x))]
    return pts


CHECK["zzb-bn-dzdw"] = claim(_bn_dzdw(lambda w, x: x))
CHECK["zzb-bn-dzdw-swap"] = claim(_bn_dzdw(lambda w, x: w))


def _bn_dEdw(sgn):
    def pts():
        w, x, b, t = rng.normal(size=4)
        out = []
        for f, fp in ((np.tanh, lambda z: 1 - np.tanh(z) ** 2), (sig, lambda z: sig(z) * (1 - sig(z)))):
            E = lambda ww: 0.5 * (t - f(ww * x + b)) ** 2
            z = w * x + b
            y = f(z)
            out.append(close(d1(E, w), sgn * (y - t) * fp(z) * x))
        return [all(out)]
    return pts


CHECK["zzb-bn-dEdw"] = claim(_bn_dEdw(+1))
CHECK["zzb-bn-dEdw-sign"] = claim(_bn_dEdw(-1))


def _bn_dydz():
    z = rng.normal()
    return [close(d1(np.tanh, z), 1 - np.tanh(z) ** 2) and close(d1(sig, z), sig(z) * (1 - sig(z)))]


# ======================= Persian: gradient checking, regularised update =======================
EPS = 1e-4


def _gradcheck(den):
    def pts():
        out = []
        for J, dJ in ((lambda t: np.log(1 + np.exp(-2 * t)) + 0.3 * t ** 2, lambda t: -2 / (1 + np.exp(2 * t)) + 0.6 * t),
                      (lambda t: np.sin(t) * t ** 2, lambda t: np.cos(t) * t ** 2 + 2 * t * np.sin(t))):
            th = rng.uniform(-2, 2)
            approx = (J(th + EPS) - J(th - EPS)) / den
            out.append(abs(approx - dJ(th)) <= 1e-6 * (1 + abs(dJ(th))))
        return [all(out)]
    return pts


CHECK["zzb-fa-gradcheck"] = claim(_gradcheck(2 * EPS))
CHECK["zzb-fa-gradcheck-half"] = claim(_gradcheck(EPS))


def _regupdate(shrink):
    def pts():
        m, n = 6, 3
        X = np.hstack([np.ones((m, 1)), rng.normal(size=(m, n))])
        y = rng.normal(size=m)
        th = rng.normal(size=n + 1)
        al, lam = rng.uniform(0.01, 0.5), rng.uniform(0.1, 3)
        h = X @ th
        j = rng.integers(1, n + 1)
        g = np.sum((h - y) * X[:, j]) / m
        given = th[j] - al * (g + lam / m * th[j])
        return [close(given, th[j] * shrink(al, lam, m) - al * g)]
    return pts


CHECK["zzb-fa-regupdate"] = claim(_regupdate(lambda a, l, m: 1 - a * l / m))
CHECK["zzb-fa-regupdate-factor"] = claim(_regupdate(lambda a, l, m: 1 - a * l / (2 * m)))
CHECK["zzb-fa-regupdate-sign"] = claim(_regupdate(lambda a, l, m: 1 + a * l / m))



# ======================= Catalan blog: two-layer backprop =======================
def net_point():
    x = rng.normal(size=(2, 1))
    W1 = rng.normal(size=(2, 2))
    b1 = rng.normal(size=(2, 1))
    W2 = rng.normal(size=(1, 2))
    b2 = rng.normal(size=(1, 1))
    y = rng.uniform(0, 1)
    return x, W1, b1, W2, b2, y


LOSSES = (lambda yh, y: float(-(y * np.log(yh) + (1 - y) * np.log(1 - yh))),   # L is not fixed by the source: try two
          lambda yh, y: float(0.5 * (yh - y) ** 2))


def forward(x, W1, b1, W2, b2):
    z1 = W1 @ x + b1
    a1 = sig(z1)
    z2 = W2 @ a1 + b2
    return z1, a1, z2, sig(z2)


def _net(which, rhs):
    """which in {W2, b2, W1, b1}; rhs(parts) gives the printed gradient; must hold for every loss tried"""
    def pts():
        x, W1, b1, W2, b2, y = net_point()
        ok = []
        for L in LOSSES:
            z1, a1, z2, yh = forward(x, W1, b1, W2, b2)
            d2 = fd(lambda zz: L(sig(zz)[0, 0], y), z2)                      # delta2 = dL/dz2
            d1 = (W2.T @ d2) * sig(z1) * (1 - sig(z1))                       # printed delta1
            P = dict(x=x, a1=a1, d1=d1, d2=d2)
            args = dict(W1=W1, b1=b1, W2=W2, b2=b2)
            def Lof(v):
                a = dict(args)
                a[which] = v
                return L(forward(x, **a)[3][0, 0], y)
            g = fd(Lof, args[which])
            ok.append(safe(lambda: close(g, rhs(P))))
        return [all(ok)]
    return pts


CHECK["zzb-cat2-dW2"] = claim(_net("W2", lambda P: P["d2"] @ P["a1"].T))
CHECK["zzb-cat2-dW2-index"] = claim(_net("W2", lambda P: P["d2"] @ P["x"].T))
CHECK["zzb-cat2-db2"] = claim(_net("b2", lambda P: P["d2"]))
CHECK["zzb-cat2-dW1"] = claim(_net("W1", lambda P: P["d1"] @ P["x"].T))
CHECK["zzb-cat2-dW1-transpose"] = claim(_net("W1", lambda P: P["x"] @ P["d1"].T))
CHECK["zzb-cat2-dW1-index"] = claim(_net("W1", lambda P: P["d1"] @ P["a1"].T))
CHECK["zzb-cat2-db1"] = claim(_net("b1", lambda P: P["d1"]))


def _delta2_printed():
    x, W1, b1, W2, b2, y = net_point()
    ok = []
    for L in LOSSES:
        z1, a1, z2, yh = forward(x, W1, b1, W2, b2)
        d2 = fd(lambda zz: L(sig(zz)[0, 0], y), z2)
        ok.append(close(d2, (yh - y) * sig(z2) * (1 - sig(z2))))
    return [None, all(ok)]   # the loss is unspecified: the printed form must hold for every loss to be valid


def _delta1_def():
    return [None]



# ======================= Catalan book (later version): linear-regression gradient =======================
def _cat3_chain():
    n = 4
    w, x = rng.normal(size=n), rng.normal(size=n)
    y = rng.normal()
    J = lambda ww: 0.5 * (ww @ x - y) ** 2
    yh = w @ x
    dJdyh = d1(lambda t: 0.5 * (t - y) ** 2, yh)
    dyhdw = fd(lambda ww: ww @ x, w)
    return [close(fd(J, w), dJdyh * dyhdw)]


def _cat3_dJdyhat(k):
    def pts():
        yh, y = rng.normal(size=2)
        g = d1(lambda t: 0.5 * (t - y) ** 2, yh)
        return [True, close(g, k * (yh - y))]   # first link: same printed J differentiated
    return pts


def _cat3_dyhatdw(rhs):
    def pts():
        w, x = rng.normal(size=4), rng.normal(size=4)
        j = rng.integers(0, 4)
        return [close(fd(lambda ww: ww @ x, w)[j], rhs(w, x, j))]
    return pts


def _cat3_dJdw(sgn):
    def pts():
        w, x = rng.normal(size=4), rng.normal(size=4)
        y = rng.normal()
        g = fd(lambda ww: 0.5 * (ww @ x - y) ** 2, w)
        return [close(g, sgn * (w @ x - y) * x)]
    return pts


CHECK["zzb-cat3-chain"] = claim(_cat3_chain)
CHECK["zzb-cat3-dJdyhat"] = claim(_cat3_dJdyhat(1))
CHECK["zzb-cat3-dJdyhat-factor"] = claim(_cat3_dJdyhat(2))
CHECK["zzb-cat3-dyhatdw"] = claim(_cat3_dyhatdw(lambda w, x, j: x[j]))
CHECK["zzb-cat3-dyhatdw-swap"] = claim(_cat3_dyhatdw(lambda w, x, j: w[j]))
CHECK["zzb-cat3-dJdw"] = claim(_cat3_dJdw(+1))
CHECK["zzb-cat3-dJdw-sign"] = claim(_cat3_dJdw(-1))


# ======================= Persian: printed deltas and vectorised update (source errors) =======================
def _delta22():
    Th = rng.normal(size=(2, 3))          # Theta^{(2)}: rows = units of layer 3, columns = units of layer 2
    d3 = rng.normal(size=2)
    z2 = rng.normal(size=3)
    rec = (Th.T @ d3) * sig(z2) * (1 - sig(z2))   # printed recursion with g' = g(1 - g)
    printed = Th[0, 1] * d3[0] + Th[1, 1] * d3[1]  # Theta_{12} delta_1 + Theta_{22} delta_2 (1-based)
    return [close(rec[1], printed)]


CHECK["zzb-fa-delta22"] = claim(_delta22)


def _vecupdate():
    m, n = 6, 3
    X = rng.normal(size=(m, n))
    th = rng.normal(size=n)
    y = rng.integers(0, 2, size=m).astype(float)
    al = rng.uniform(0.05, 1)
    per_comp = th - al / m * (X.T @ (sig(X @ th) - y))
    printed = th - al / m * (X.T @ sig(X @ th - y))
    return [close(per_comp, printed)]


CHECK["zzb-fa-vecupdate"] = claim(_vecupdate)


# ======================= Bengali: basic chain rule, e^u =======================
def _bn_chainrule(add_):
    def pts():
        x = rng.uniform(-1, 1)
        ok = []
        for f, fp, g, gp in ((np.sin, np.cos, lambda t: t ** 3 + t, lambda t: 3 * t ** 2 + 1),
                             (np.exp, np.exp, np.tanh, lambda t: 1 - np.tanh(t) ** 2)):
            u = g(x)
            lhs = d1(lambda t: f(g(t)), x)
            rhs = fp(u) + gp(x) if add_ else fp(u) * gp(x)
            ok.append(close(lhs, rhs))
        return [all(ok)]
    return pts


CHECK["zzb-bn-chainrule"] = claim(_bn_chainrule(False))
CHECK["zzb-bn-chainrule-sum"] = claim(_bn_chainrule(True))


def _bn_dydu2(rhs):
    def pts():
        u = rng.uniform(-1, 2)
        return [close(d1(np.exp, u), rhs(u))]
    return pts


CHECK["zzb-bn-dydu2"] = claim(_bn_dydu2(np.exp))
CHECK["zzb-bn-dydu2-nodiff"] = claim(_bn_dydu2(lambda u: u * np.exp(u - 1)))



# ======================= Catalan book (later version): printed variants =======================
CHECK["zzb-cat-dyhatdz-sign"] = claim(lambda: (lambda z: [close(d1(sig, z), sig(z) * (1 + sig(z)))])(rng.uniform(-4, 4)))
CHECK["zzb-bn-dudx2-factor"] = claim(lambda: (lambda x: [close(d1(lambda t: 2 * t ** 2, x), 2 * x)])(rng.uniform(-2, 2)))


def _cat4_sig(second):
    def pts():
        z = rng.uniform(-4, 4)
        s = sig(z)
        return [close(d1(sig, z), s * (1 - s)), close(s * (1 - s), second(s))]
    return pts


CHECK["zzb-cat4-sigprime"] = claim(_cat4_sig(lambda yh: yh * (1 - yh)))
CHECK["zzb-cat4-sigprime-sign"] = claim(_cat4_sig(lambda yh: yh * (yh - 1)))


def _cat4_dJdw(use_w):
    def pts():
        w, x, y = logreg_point()
        g = fd(lambda ww: J_ce(sig(ww @ x), y), w)
        yh = sig(w @ x)
        return [close(g, (yh - y) * (w if use_w else x))]
    return pts


CHECK["zzb-cat4-dJdw"] = claim(_cat4_dJdw(False))
CHECK["zzb-cat4-dJdw-index"] = claim(_cat4_dJdw(True))



# ======================= more: component updates, delta through activations =======================
def _comp(which, sgn):
    def pts():
        x, y, eta = rng.normal(), rng.normal(), rng.uniform(0, 1)
        vec = np.array([x, y]) - eta * np.array([2 * x + y - 3, 4 * y + x])   # the given vector update
        if which == 0:
            return [close(vec[0], x - sgn * eta * (2 * x + y - 3))]
        return [close(vec[1], y - sgn * eta * (4 * y + x))]
    return pts


CHECK["zzb-cat-xupdate"] = claim(_comp(0, +1))
CHECK["zzb-cat-xupdate-sign"] = claim(_comp(0, -1))
CHECK["zzb-cat-yupdate"] = claim(_comp(1, +1))


def _deltaexp(sgn):
    def pts():
        Th = rng.normal(size=(3, 4))
        dn = rng.normal(size=3)
        z = rng.normal(size=4)
        a = sig(z)
        gp = np.array([d1(sig, zi) for zi in z])
        return [close((Th.T @ dn) * gp, (Th.T @ dn) * a * (1 + sgn * a))]
    return pts


CHECK["zzb-fa-deltaexp"] = claim(_deltaexp(-1))
CHECK["zzb-fa-deltaexp-sign"] = claim(_deltaexp(+1))


def _delta32():
    Th = rng.normal(size=(1, 3))   # Theta^{(3)}: one unit in layer 4
    d4 = rng.normal(size=1)
    z3 = rng.normal(size=3)
    rec = (Th.T @ d4) * sig(z3) * (1 - sig(z3))
    return [close(rec[1], Th[0, 1] * d4[0])]


CHECK["zzb-fa-delta32"] = claim(_delta32)
CHECK["zzb-bn-dydu-nodiff"] = claim(lambda: (lambda u: [close(d1(lambda t: t ** 2, u), u ** 2)])(rng.uniform(-2, 2)))
CHECK["zzb-cat2-db1-copy"] = claim(_net("b1", lambda P: P["d1"] @ P["x"].T))


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
    return lambda: [CHECK[cid]()]


def upd_x(comp_sign=+1):
    def pts():
        x, y, eta = rng.normal(), rng.normal(), rng.uniform(0, 1)
        gx, gy = fd(f_cat, np.array([x, y]))
        vec = np.array([x, y]) - eta * np.array([gx, gy])    # the matrix update of the block above
        return [close(vec[0], x - eta * (2 * x + y - 3))] if comp_sign > 0 else [close(vec[1], y - eta * (4 * y + x))]
    return pts


def bp_delta():
    # delta^(l) = (Theta^T delta^(l+1)) .* g'(z^(l)) with a^(l) = g(z^(l)) equals (Theta^T delta^(l+1)) .* a .* (1 - a)
    Th = rng.normal(size=(3, 4))
    dn = rng.normal(size=3)
    z = rng.normal(size=4)
    a = sig(z)
    gp = np.array([d1(sig, zi) for zi in z])
    return [close((Th.T @ dn) * gp, (Th.T @ dn) * a * (1 - a))]


# one function per $$ block, in order
DOCFN = {
    "cat-gd-exemple": [ev(_dfdx(lambda x, y: 2 * x + y - 3)), ev(_dfdy(lambda x, y: 4 * y + x)), ev(_grad(lambda x, y: 4 * y + x)),
                       defs(1), ev(upd_x(+1)), ev(upd_x(-1))],
    "cat-gd-exemple-mutated": [ev(_dfdx(lambda x, y: 2 * x + y - 3)), ev(_dfdy(lambda x, y: 2 * y + x)), ev(_grad(lambda x, y: 4 * y - x)),
                               defs(1), ev(upd_x(+1)), ev(upd_x(-1))],
    "cat-logreg": [defs(2), defs(1), defs(1), ev(_sigprime(-1)),
                   ev(_dJdw(lambda yh, y, x: (-y / yh + (1 - y) / (1 - yh)) * yh * (1 - yh) * x)),   # chain rule = product of the three true partials
                   ev(_dJdyhat(lambda yh, y: -y / yh + (1 - y) / (1 - yh))), ev(_dyhatdz),
                   ev(_dzdw_pts),  # dz/dw_j = x_j for z = sum_j w_j x_j
                   ev(_dJdw(lambda yh, y, x: (-y / yh + (1 - y) / (1 - yh)) * yh * (1 - yh) * x)),
                   ev(_product(+1)),
                   ev(lambda: (lambda yh, y: [close(-y * (1 - yh) + (1 - y) * yh, -y + y * yh + yh - y * yh),
                                              close(-y + y * yh + yh - y * yh, yh - y)])(*rng.uniform(-2, 2, 2))),
                   ev(_dJdw(lambda yh, y, x: (yh - y) * x))],
    "cat-logreg-mutated": None,  # filled below
    "fa-backprop": [defs(1), defs(1), ev(_gprime(-1)), ev(bp_delta)],
    "fa-linreg-gd": [ev(_dtheta(0, lambda h, x, y, m: np.sum(h - y) / m)), ev(_dtheta(1, lambda h, x, y, m: np.sum((h - y) * x) / m))],
    "bg-logreg": [defs(1), defs(1), defs(1), ev(_graph), defs(1), ev(_dsigma(lambda s: s * (1 - s))), defs(1), defs(1), defs(1),
                  ev(_dLdz(lambda a, y: a - y))],
    "bn-chain-rule": [defs(1), defs(1), defs(1), ev(_bn_dEdy(lambda y, t: y - t)), ev(_bn_dydz), ev(_bn_dzdw(lambda w, x: x)), ev(_bn_dEdw(+1))],
    "cat-linreg": [defs(1), ev(_cat3_chain), ev(_cat3_dJdyhat(1)), ev(_cat3_dyhatdw(lambda w, x, j: x[j])), ev(_cat3_dJdw(+1))],
    "cat-linreg-mutated": [defs(1), ev(_cat3_chain), ev(_cat3_dJdyhat(2)), ev(_cat3_dyhatdw(lambda w, x, j: x[j])), ev(_cat3_dJdw(+1))],
    "cat-backprop-visual": [ev(_delta2_printed), defs(1), ev(_net("W2", lambda P: P["d2"] @ P["a1"].T)), ev(_net("b2", lambda P: P["d2"])),
                            ev(_net("W1", lambda P: P["d1"] @ P["x"].T)), ev(_net("b1", lambda P: P["d1"]))],
    "bn-chain-rule-mutated": [defs(1), defs(1), defs(1), ev(_bn_dEdy(lambda y, t: t - y)), ev(_bn_dydz), ev(_bn_dzdw(lambda w, x: x)), ev(_bn_dEdw(+1))],
}
_m = list(DOCFN["cat-logreg"])
_m[5] = ev(_dJdyhat(lambda yh, y: -y / yh - (1 - y) / (1 - yh)))
_m[11] = ev(_dJdw(lambda yh, y, x: (y - yh) * x))
DOCFN["cat-logreg-mutated"] = _m



# ======================= run =======================
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

    nlinks = 0
    nd = 0
    stems = []
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        stems.append(stem)
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        bl = blocks(md)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        assert [lk["line"] for lk in ex["links"]] == [ln for ln, _ in bl], (stem, "every $$ block must be listed, in order")
        fns = DOCFN[stem]
        assert len(fns) == len(bl), stem
        for (ln, text), lk, fn in zip(bl, ex["links"], fns):
            assert md[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert text == lk["text"].strip(), (stem, lk["line"])
            got = fn()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert sorted(stems) == sorted(DOCFN), (stems, sorted(DOCFN))
    print(f"documents: {nd} checked, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
