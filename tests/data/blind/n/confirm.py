"""Independent numeric confirmation of the expected verdicts in this folder.

Every claim (and every valid/invalid link of the documents) is coded by hand as NumPy
functions; derivatives are compared against central finite differences at random points.
A check function returns a list of booleans, one per relation link; a claim holds when all
of its links hold.  Valid items must hold, invalid items must fail.
"""

import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
RNG = np.random.default_rng(20240611)
H = 1e-6
CHECKS = {}


def check(cid):
    def deco(fn):
        CHECKS[cid] = fn
        return fn

    return deco


def close(a, b, tol=1e-5):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def dscalar(f, x):
    return (f(x + H) - f(x - H)) / (2 * H)


def dvec(f, x):
    x = np.asarray(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = H
        g[idx] = (f(x + e) - f(x - e)) / (2 * H)
    return g


def jac(f, x):
    x = np.asarray(x, dtype=float)
    y0 = np.asarray(f(x))
    out = np.zeros((y0.size, x.size))
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = H
        out[:, j] = (np.asarray(f(x + e)) - np.asarray(f(x - e))).ravel() / (2 * H)
    return out


def sig(t):
    return 1.0 / (1.0 + np.exp(-t))


def pts(n=6, lo=-2.5, hi=2.5):
    return RNG.uniform(lo, hi, size=n)


def all_pts(fn, xs):
    """fn(x) -> list of link booleans; a link holds when it holds at every point."""
    res = [fn(x) for x in xs]
    return [all(r[i] for r in res) for i in range(len(res[0]))]


def rounds_to(value, printed, decimals):
    return abs(value - printed) <= 10.0 ** (-decimals) + 1e-12


# ---------------------------------------------------------------- LDS
def huber_setup():
    y = np.array([-1.7, -0.4, 0.1, 0.6, 1.3, 2.9, 4.2])
    return y, 1.0


def huber_loss(theta, y, g):
    r = y - theta
    per = np.where(np.abs(r) <= g, 0.5 * r ** 2, g * (np.abs(r) - 0.5 * g))
    return per.mean()


def huber_grad(theta, y, g, plus=False):
    r = y - theta
    quad = r if plus else -r
    return np.where(np.abs(r) <= g, quad, -g * np.sign(r)).mean()


def _huber(plus):
    y, g = huber_setup()
    res = []
    for th in [-0.83, 0.37, 1.01, 2.24]:
        fd = dscalar(lambda t: huber_loss(t, y, g), th)
        res.append(close(fd, huber_grad(th, y, g, plus)))
    return [all(res)]


@check('n-lds-huber-grad')
def _c1():
    return _huber(False)


@check('n-lds-huber-grad-bad')
def _c2():
    return _huber(True)


def _logloss_const(bad):
    y = np.array([1, 0, 1, 1, 0, 1, 0, 1, 1, 1])
    n = y.size
    n1 = y.sum()
    n0 = n - n1

    def loss(p):
        return -n1 / n * np.log(p) - n0 / n * np.log(1 - p)

    def rhs(p):
        return -n1 / (n * p) + (n0 / (1 - p) if bad else n0 / (n * (1 - p)))

    return all_pts(lambda p: [close(dscalar(loss, p), rhs(p))], pts(5, 0.1, 0.9))


@check('n-lds-logloss-const-deriv')
def _c3():
    return _logloss_const(False)


@check('n-lds-logloss-const-deriv-bad')
def _c4():
    return _logloss_const(True)


def _logloss_cases(sign):
    out = []
    for y in (0, 1):
        for p in pts(4, 0.05, 0.95):
            cases = -np.log(p) if y == 1 else -np.log(1 - p)
            expr = -y * np.log(p) + sign * (1 - y) * np.log(1 - p)
            out.append(close(cases, expr))
    return [True, all(out)]  # first link defines ell by cases


@check('n-lds-logloss-cases')
def _c5():
    return _logloss_cases(-1)


@check('n-lds-logloss-cases-bad')
def _c6():
    return _logloss_cases(+1)


def slr_data():
    x = np.array([0.3, 1.2, -0.7, 2.2, 1.6])
    y = np.array([1.1, 2.0, -0.2, 3.9, 2.3])
    return x, y


def _sse(which, factor, xsign):
    x, y = slr_data()
    res = []
    for t0, t1 in [(0.4, 1.3), (-0.6, 0.2), (1.1, -0.9)]:
        if which == 0:
            fd = dscalar(lambda a, t1=t1: np.sum((y - (a + t1 * x)) ** 2), t0)
            rhs = np.sum(factor * (y - t0 - t1 * x) * (-1))
        else:
            fd = dscalar(lambda b, t0=t0: np.sum((y - (t0 + b * x)) ** 2), t1)
            rhs = np.sum(factor * (y - t0 - t1 * x) * (xsign * x))
        res.append(close(fd, rhs))
    return [all(res)]


@check('n-lds-sse-dtheta0')
def _c7():
    return _sse(0, 2, -1)


@check('n-lds-sse-dtheta0-bad')
def _c8():
    return _sse(0, 1, -1)


@check('n-lds-sse-dtheta1')
def _c9():
    return _sse(1, 2, -1)


@check('n-lds-sse-dtheta1-bad')
def _c10():
    return _sse(1, 2, +1)


def _one_minus_sigma(last_sign):
    def links(t):
        a = 1 - sig(t)
        b = 1 - np.exp(t) / (1 + np.exp(t))
        c = 1 / (1 + np.exp(last_sign * t))
        return [close(a, b), close(b, c)]

    return all_pts(links, pts())


@check('n-lds-one-minus-sigma')
def _c11():
    return _one_minus_sigma(1)


@check('n-lds-one-minus-sigma-bad')
def _c12():
    return _one_minus_sigma(-1)


def _log_odds(s):
    def links(t):
        a = np.log(sig(t) / (1 - sig(t)))
        b = np.log(np.exp(s * t))
        return [close(a, b), close(b, s * t)]

    return all_pts(links, pts())


@check('n-lds-log-odds')
def _c13():
    return _log_odds(1)


@check('n-lds-log-odds-bad')
def _c14():
    return _log_odds(-1)


def _log_odds_lin(s):
    res = []
    for t0, t1, x in RNG.uniform(-2, 2, size=(5, 3)):
        u = t0 + t1 * x
        a = np.log(sig(u) / (1 - sig(u)))
        b = np.log(np.exp(u))
        res.append([close(a, b), close(b, t0 + s * t1 * x)])
    return [all(r[i] for r in res) for i in range(2)]


@check('n-lds-log-odds-linear')
def _c15():
    return _log_odds_lin(1)


@check('n-lds-log-odds-linear-bad')
def _c16():
    return _log_odds_lin(-1)


# ---------------------------------------------------------------- Data 100
def _mse_deriv(factor):
    x, y = slr_data()
    n = x.size
    res = []
    for t1 in [0.3, 1.4, -0.8]:
        fd = dscalar(lambda b: np.mean((y - b * x) ** 2), t1)
        res.append(close(fd, factor / n * np.sum((y - t1 * x) * x)))
    return [all(res)]


@check('n-d100-mse-deriv')
def _d1():
    return _mse_deriv(-2)


@check('n-d100-mse-deriv-bad')
def _d2():
    return _mse_deriv(-1)


def _sig_deriv(s):
    return all_pts(lambda t: [close(dscalar(sig, t), s * sig(t) * sig(-t))], pts())


@check('n-d100-sigmoid-deriv')
def _d3():
    return _sig_deriv(1)


@check('n-d100-sigmoid-deriv-bad')
def _d4():
    return _sig_deriv(-1)


@check('n-d100-one-minus-sigma')
def _d5():
    return all_pts(lambda t: [close(1 - sig(t), sig(-t))], pts())


@check('n-d100-one-minus-sigma-bad')
def _d6():
    return all_pts(lambda t: [close(1 + sig(t), sig(-t))], pts())


@check('n-d100-logit')
def _d7():
    return all_pts(lambda t: [close(t, np.log(sig(t) / (1 - sig(t))))], pts())


@check('n-d100-logit-bad')
def _d8():
    return all_pts(lambda t: [close(t, np.log((1 - sig(t)) / sig(t)))], pts())


@check('n-d100-threshold-half')
def _d9():
    return [close(np.log(1 / 0.5 - 1), np.log(1)), close(np.log(1), 0)]


@check('n-d100-threshold-half-bad')
def _d10():
    return [close(np.log(1 / 0.25 - 1), np.log(1)), close(np.log(1), 0)]


def _ce(y, last):
    def links(p):
        a = -((y) * np.log(p) + (1 - y) * np.log(1 - p))
        return [close(a, last(p))]

    return all_pts(links, pts(5, 0.05, 0.95))


@check('n-d100-ce-y1')
def _d11():
    return _ce(1, lambda p: -np.log(p))


@check('n-d100-ce-y1-bad')
def _d12():
    return _ce(1, lambda p: -np.log(1 - p))


@check('n-d100-ce-y0')
def _d13():
    return _ce(0, lambda p: -np.log(1 - p))


@check('n-d100-ce-y0-bad')
def _d14():
    return _ce(0, lambda p: np.log(1 - p))


@check('n-d100-squared-loss-bound')
def _d15():
    y, p = 1, 0
    return [close((y - p) ** 2, (1 - 0) ** 2), close((1 - 0) ** 2, 1)]  # exact integers


@check('n-d100-squared-loss-bound-bad')
def _d16():
    y, p = 1, 0
    return [close((y - p) ** 2, (1 - 0) ** 2), close((1 - 0) ** 2, 2)]  # exact integers


@check('n-d100-precision-model2')
def _d17():
    return [rounds_to(5 / (5 + 95), 0.05, 2)]


@check('n-d100-precision-model2-bad')
def _d18():
    return [rounds_to(5 / (5 + 95), 0.5, 1)]


@check('n-d100-accuracy-model1')
def _d19():
    return [rounds_to(95 / 100, 0.95, 2)]


@check('n-d100-accuracy-model1-bad')
def _d20():
    return [rounds_to(95 / 100, 0.905, 3)]


@check('n-d100-recall-model2')
def _d21():
    return [close(5 / (5 + 0), 1)]  # exact integer


@check('n-d100-recall-model2-bad')
def _d22():
    return [rounds_to(5 / (5 + 0), 0.5, 1)]


# ---------------------------------------------------------------- mlbook
def _sigmoid_note(last_plus):
    def links(z):
        a = dscalar(sig, z)
        b = (0 + np.exp(-z)) / (1 + np.exp(-z)) ** 2
        c = 1 / (1 + np.exp(-z)) * np.exp(-z) / (1 + np.exp(-z))
        d = sig(z) * (1 + sig(z)) if last_plus else sig(z) * (1 - sig(z))
        return [close(a, b), close(b, c), close(c, d)]

    return all_pts(links, pts())


@check('n-mlb-sigmoid-note')
def _m1():
    return _sigmoid_note(False)


@check('n-mlb-sigmoid-note-bad')
def _m2():
    return _sigmoid_note(True)


def _phat(bad):
    res = []
    for _ in range(3):
        b = RNG.normal(size=4)
        x = RNG.normal(size=4)
        a = dvec(lambda v, x=x: sig(v @ x), b)
        c = sig(b @ x) * x if bad else sig(b @ x) * (1 - sig(b @ x)) * x
        res.append([close(a, a), close(a, c)])
    return [all(r[i] for r in res) for i in range(2)]


@check('n-mlb-phat-grad')
def _m3():
    return _phat(False)


@check('n-mlb-phat-grad-bad')
def _m4():
    return _phat(True)


def logreg_data():
    x = RNG.normal(size=(6, 3))
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
    b = RNG.normal(size=3)
    return x, y, b


def loglik(b, x, y):
    p = sig(x @ b)
    return np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


def _loglik_matrix(bad):
    x, y, b = logreg_data()
    g = dvec(lambda v: loglik(v, x, y), b)
    p = sig(x @ b)
    return [close(g, x.T @ ((p - y) if bad else (y - p)))]


@check('n-mlb-loglik-matrix')
def _m5():
    return _loglik_matrix(False)


@check('n-mlb-loglik-matrix-bad')
def _m6():
    return _loglik_matrix(True)


def _rss0(bad):
    x, y = slr_data()
    n = x.size
    res = []
    for b0, b1 in [(0.2, 0.9), (-1.0, 1.7)]:
        fd = dscalar(lambda a, b1=b1: 0.5 * np.sum((y - (a + b1 * x)) ** 2), b0)
        e1 = -np.sum(y - b0 - b1 * x)
        s = 1 if bad else -1
        e2 = -n * (y.mean() - b0 + s * b1 * x.mean())
        res.append([close(fd, e1), close(e1, e2)])
    return [all(r[i] for r in res) for i in range(2)]


@check('n-mlb-rss-dbeta0')
def _m7():
    return _rss0(False)


@check('n-mlb-rss-dbeta0-bad')
def _m8():
    return _rss0(True)


def _rss1(bad):
    x, y = slr_data()
    res = []
    for b0, b1 in [(0.2, 0.9), (-1.0, 1.7)]:
        fd = dscalar(lambda b, b0=b0: 0.5 * np.sum((y - (b0 + b * x)) ** 2), b1)
        r = y - b0 - b1 * x
        res.append(close(fd, -np.sum(r) if bad else -np.sum(r * x)))
    return [all(res)]


@check('n-mlb-rss-dbeta1')
def _m9():
    return _rss1(False)


@check('n-mlb-rss-dbeta1-bad')
def _m10():
    return _rss1(True)


def _rss_matrix(bad):
    x = RNG.normal(size=(4, 4))
    y = RNG.normal(size=4)
    b = RNG.normal(size=4)
    g = dvec(lambda v: 0.5 * (y - x @ v) @ (y - x @ v), b)
    return [close(g, -(x if bad else x.T) @ (y - x @ b))]


@check('n-mlb-rss-matrix')
def _m11():
    return _rss_matrix(False)


@check('n-mlb-rss-matrix-bad')
def _m12():
    return _rss_matrix(True)


def _quadform(factor):
    m = RNG.normal(size=(4, 4))
    w = m + m.T
    a = RNG.normal(size=(4, 3))
    q = RNG.normal(size=4)
    s = RNG.normal(size=3)
    g = dvec(lambda v: (q - a @ v) @ w @ (q - a @ v), s)
    return [close(g, -factor * a.T @ w @ (q - a @ s))]


@check('n-mlb-quadform-note')
def _m13():
    return _quadform(2)


@check('n-mlb-quadform-note-bad')
def _m14():
    return _quadform(1)


def _ridge(half):
    x = RNG.normal(size=(7, 4))
    y = RNG.normal(size=7)
    b = RNG.normal(size=4)
    lam = 0.7
    ip = np.diag([0.0, 1.0, 1.0, 1.0])

    def loss(v):
        return 0.5 * (y - x @ v) @ (y - x @ v) + lam / 2 * np.sum(v[1:] ** 2)

    coef = lam / 2 if half else lam
    return [close(dvec(loss, b), -x.T @ (y - x @ b) + coef * ip @ b)]


@check('n-mlb-ridge-grad')
def _m15():
    return _ridge(False)


@check('n-mlb-ridge-grad-bad')
def _m16():
    return _ridge(True)


def relu(x):
    return np.maximum(x, 0.0)


def _relu_cases(swap):
    def links(x):
        v = (1.0 if x > 0 else 0.0)
        if swap:
            v = 1.0 - v
        return [close(dscalar(relu, x), v)]

    return all_pts(links, [-1.3, -0.2, 0.4, 2.1])


@check('n-mlb-relu-deriv')
def _m17():
    return _relu_cases(False)


@check('n-mlb-relu-deriv-bad')
def _m18():
    return _relu_cases(True)


def _sig_chain(bad):
    def links(x):
        a = dscalar(sig, x)
        b = np.exp(-x) / ((1 + np.exp(-x)) if bad else (1 + np.exp(-x)) ** 2)
        c = 1 / (1 + np.exp(-x)) * np.exp(-x) / (1 + np.exp(-x))
        d = sig(x) * (1 - sig(x))
        return [close(a, b), close(b, c), close(c, d)]

    return all_pts(links, pts())


@check('n-mlb-sigmoid-chain')
def _m19():
    return _sig_chain(False)


@check('n-mlb-sigmoid-chain-bad')
def _m20():
    return _sig_chain(True)


@check('n-mlb-linear-act')
def _m21():
    return all_pts(lambda x: [close(dscalar(lambda t: t, x), 1.0)], pts())


@check('n-mlb-linear-act-bad')
def _m22():
    return all_pts(lambda x: [close(dscalar(lambda t: t, x), x)], [-1.5, 0.3, 2.2])


@check('n-mlb-sigmoid-elementwise')
def _m23():
    return all_pts(lambda h: [close(dscalar(sig, h), sig(h) * (1 - sig(h)))], pts())


@check('n-mlb-sigmoid-elementwise-bad')
def _m24():
    return all_pts(lambda h: [close(dscalar(sig, h), sig(h))], pts())


def layer():
    w = RNG.normal(size=(3, 3))
    c = RNG.normal(size=3)
    z = RNG.normal(size=3)
    return w, c, z


@check('n-mlb-dh-dz')
def _m25():
    w, c, z = layer()
    w2 = RNG.normal(size=(3, 5))
    z2 = RNG.normal(size=5)
    return [close(jac(lambda v: w @ v + c, z), w) and close(jac(lambda v: w2 @ v + c, z2), w2)]


@check('n-mlb-dh-dz-bad')
def _m26():
    w, c, z = layer()
    return [close(jac(lambda v: w @ v + c, z), w.T)]


@check('n-mlb-dh-dc')
def _m27():
    w, c, z = layer()
    return [close(jac(lambda v: w @ z + v, c), np.eye(3))]


@check('n-mlb-dh-dc-bad')
def _m28():
    w, c, z = layer()
    return [close(jac(lambda v: w @ z + v, c), w)]


def _multiclass(bad):
    n_obs, k_cls, dim = 5, 3, 4
    x = RNG.normal(size=(n_obs, dim))
    lab = np.array([0, 2, 1, 2, 0])
    ind = np.eye(k_cls)[lab]
    bmat = RNG.normal(size=(dim, k_cls))
    j = 1

    def loglik_b(bj):
        b2 = bmat.copy()
        b2[:, j] = bj
        z = x @ b2
        lse = np.log(np.sum(np.exp(z), axis=1))
        return np.sum(ind * (z - lse[:, None]))

    g = dvec(loglik_b, bmat[:, j])
    z = x @ bmat
    ez = np.exp(z)
    p = ez / ez.sum(axis=1, keepdims=True)
    e1 = sum(ind[n, j] * x[n] - sum(ind[n, k] * ez[n, j] * x[n] / ez[n].sum()
                                    for k in range(k_cls)) for n in range(n_obs))
    e2 = sum((ind[n, j] - sum(ind[n, k] * p[n, j] for k in range(k_cls))) * x[n]
             for n in range(n_obs))
    e3 = sum((ind[n, j] - p[n, j] * ind[n].sum()) * x[n] for n in range(n_obs))
    s = -1 if bad else 1
    e4 = sum(s * (ind[n, j] - p[n, j]) * x[n] for n in range(n_obs))
    return [close(g, e1), close(e1, e2), close(e2, e3), close(e3, e4)]


@check('n-mlb-multiclass-grad')
def _m29():
    return _multiclass(False)


@check('n-mlb-multiclass-grad-bad')
def _m30():
    return _multiclass(True)


# ---------------------------------------------------------------- gmse.de
def _gm_tanh(plus):
    def links(x):
        a = dscalar(np.tanh, x)
        b = (2 / (np.exp(x) + np.exp(-x))) ** 2
        c = 1 + np.tanh(x) ** 2 if plus else 1 - np.tanh(x) ** 2
        return [close(a, b), close(b, c)]

    return all_pts(links, pts())


@check('n-gmse-tanh-deriv')
def _g1():
    return _gm_tanh(False)


@check('n-gmse-tanh-deriv-bad')
def _g2():
    return _gm_tanh(True)


@check('n-gmse-sig-deriv')
def _g3():
    return all_pts(lambda x: [close(dscalar(sig, x), sig(x) * (1 - sig(x)))], pts())


@check('n-gmse-sig-deriv-bad')
def _g4():
    return all_pts(lambda x: [close(dscalar(sig, x), sig(x) * (1 + sig(x)))], pts())


def _gm_forms(num):
    def links(x):
        b = 1 - num / (np.exp(2 * x) + 1)
        c = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
        return [close(np.tanh(x), b), close(b, c)]

    return all_pts(links, pts())


@check('n-gmse-tanh-forms')
def _g5():
    return _gm_forms(2)


@check('n-gmse-tanh-forms-bad')
def _g6():
    return _gm_forms(1)


# ---------------------------------------------------------------- Akshay (plain text)
@check('n-akshay-sig-exp')
def _a1():
    return all_pts(lambda x: [close(dscalar(sig, x), np.exp(-x) / (1 + np.exp(-x)) ** 2)], pts())


@check('n-akshay-sig-exp-bad')
def _a2():
    return all_pts(lambda x: [close(dscalar(sig, x), -np.exp(-x) / (1 + np.exp(-x)) ** 2)],
                   pts())


@check('n-akshay-sig-f')
def _a3():
    return all_pts(lambda x: [close(dscalar(sig, x), sig(x) * (1 - sig(x)))], pts())


@check('n-akshay-sig-f-bad')
def _a4():
    return all_pts(lambda x: [close(dscalar(sig, x), sig(x) * (sig(x) - 1))], pts())


def _akshay_den(s):
    def links(x):
        a = dscalar(lambda t: 1 + np.exp(-t), x)
        b = dscalar(lambda t: 1.0 + 0 * t, x) + dscalar(lambda t: np.exp(-t), x)
        return [close(a, b), close(b, s * np.exp(-x))]

    return all_pts(links, pts())


@check('n-akshay-d-denominator')
def _a5():
    return _akshay_den(-1)


@check('n-akshay-d-denominator-bad')
def _a6():
    return _akshay_den(1)


# ---------------------------------------------------------------- neuralthreads
def _nt(f, rhs, xs=None):
    xs = pts() if xs is None else xs
    return all_pts(lambda x: [close(dscalar(f, x), rhs(x))], xs)


def em(x):
    return np.exp(-x)


@check('n-nt-sig-step1')
def _n1():
    return _nt(sig, lambda x: -1 * (1 + em(x)) ** -2 * (-em(x)))


@check('n-nt-sig-step1-bad')
def _n2():
    return _nt(sig, lambda x: -1 * (1 + em(x)) ** -2 * (em(x)))


@check('n-nt-sig-step2')
def _n3():
    return _nt(sig, lambda x: em(x) / ((1 + em(x)) * (1 + em(x))))


@check('n-nt-sig-step2-bad')
def _n4():
    return _nt(sig, lambda x: em(x) / ((1 + em(x)) * (1 - em(x))), [-2.1, -0.7, 0.6, 1.9])


@check('n-nt-sig-step3')
def _n5():
    return _nt(sig, lambda x: (1 / (1 + em(x))) * (em(x) / (1 + em(x))))


@check('n-nt-sig-step3-bad')
def _n6():
    return _nt(sig, lambda x: (1 / (1 + em(x))) * (np.exp(x) / (1 + em(x))))


@check('n-nt-sig-step4')
def _n7():
    return _nt(sig, lambda x: sig(x) * (1 - 1 / (1 + em(x))))


@check('n-nt-sig-step4-bad')
def _n8():
    return _nt(sig, lambda x: sig(x) * (1 + 1 / (1 + em(x))))


@check('n-nt-sig-final')
def _n9():
    return _nt(sig, lambda x: sig(x) * (1 - sig(x)))


@check('n-nt-sig-final-bad')
def _n10():
    return _nt(sig, lambda x: sig(x) * (1 - sig(-x)))


def ep(x):
    return np.exp(x)


@check('n-nt-tanh-quotient')
def _n11():
    return _nt(np.tanh, lambda x: ((ep(x) + em(x)) ** 2 - (ep(x) - em(x)) ** 2)
               / (ep(x) + em(x)) ** 2)


@check('n-nt-tanh-quotient-bad')
def _n12():
    return _nt(np.tanh, lambda x: ((ep(x) + em(x)) ** 2 + (ep(x) - em(x)) ** 2)
               / (ep(x) + em(x)) ** 2)


@check('n-nt-tanh-final')
def _n13():
    return _nt(np.tanh, lambda x: 1 - np.tanh(x) ** 2)


@check('n-nt-tanh-final-bad')
def _n14():
    return _nt(np.tanh, lambda x: (1 - np.tanh(x)) ** 2)


def softsign(x):
    return x / (np.abs(x) + 1)


NZ = [-2.3, -0.6, 0.45, 1.8]


@check('n-nt-softsign-quotient')
def _n15():
    return _nt(softsign, lambda x: (1 * (abs(x) + 1) - x * (x / abs(x))) / (abs(x) + 1) ** 2, NZ)


@check('n-nt-softsign-quotient-bad')
def _n16():
    return _nt(softsign, lambda x: (1 * (abs(x) + 1) - x * (x / abs(x))) / (abs(x) + 1), NZ)


@check('n-nt-softsign-final')
def _n17():
    return _nt(softsign, lambda x: 1 / (abs(x) + 1) ** 2, NZ)


@check('n-nt-softsign-final-bad')
def _n18():
    return _nt(softsign, lambda x: -1 / (abs(x) + 1) ** 2, NZ)


@check('n-nt-abs-chain')
def _n19():
    return _nt(np.abs, lambda x: 0.5 * (x ** 2) ** -0.5 * (2 * x), NZ)


@check('n-nt-abs-chain-bad')
def _n20():
    return _nt(np.abs, lambda x: 0.5 * (x ** 2) ** -0.5, NZ)


@check('n-nt-relu')
def _n21():
    return _relu_cases(False)


@check('n-nt-relu-bad')
def _n22():
    return _relu_cases(True)


def softplus(x):
    return np.log(1 + np.exp(x))


@check('n-nt-softplus-1')
def _n23():
    return _nt(softplus, lambda x: ep(x) / (1 + ep(x)))


@check('n-nt-softplus-1-bad')
def _n24():
    return _nt(softplus, lambda x: 1 / (1 + ep(x)))


@check('n-nt-softplus-2')
def _n25():
    return _nt(softplus, lambda x: 1 / (1 + em(x)))


@check('n-nt-softplus-2-bad')
def _n26():
    return _nt(softplus, lambda x: 1 / (1 + ep(x)))


# ---------------------------------------------------------------- documents
def none(k):
    return lambda: [None] * k


def _phat_def():
    b = RNG.normal(size=4)
    x = RNG.normal(size=4)
    return [None, close(sig(b @ x), 1 / (1 + np.exp(-b @ x)))]


def _logreg_chain(mut):
    x, y, b = logreg_data()
    g = dvec(lambda v: loglik(v, x, y), b)
    s = sig(x @ b)
    ds = [dvec(lambda v, xn=xn: sig(v @ xn), b) for xn in x]
    r1 = sum(y[n] / s[n] * ds[n] - (1 - y[n]) / (1 - s[n]) * ds[n] for n in range(len(y)))
    sgn = 1 if mut else -1
    r2 = sum(y[n] * (1 - s[n]) * x[n] + sgn * (1 - y[n]) * s[n] * x[n] for n in range(len(y)))
    r3 = sum(y[n] * x[n] - s[n] * x[n] for n in range(len(y)))
    r4 = sum((y[n] - s[n]) * x[n] for n in range(len(y)))
    return [close(g, r1), close(r1, r2), close(r2, r3), close(r3, r4)]


def logreg_doc(mut):
    return [none(1), none(1), lambda: _sigmoid_note(False), _phat_def,
            lambda: _phat(mut), none(2), none(1), lambda: _logreg_chain(mut),
            lambda: _loglik_matrix(False)]


def hvec():
    return np.array([-1.2, 0.7, 2.3, -0.4])


def _nn_relu_offdiag():
    jm = jac(relu, hvec())
    return [close(jm - np.diag(np.diag(jm)), np.zeros((4, 4)))]


def _nn_relu_diag():
    return [close(np.diag(jac(relu, hvec())), (hvec() > 0).astype(float))]


def _nn_relu_full():
    return [close(jac(relu, hvec()), np.diag((hvec() > 0).astype(float)))]


def _nn_sig_diag():
    h = hvec()
    return [close(np.diag(jac(sig, h)), sig(h) * (1 - sig(h)))]


def _nn_sig_full():
    h = hvec()
    return [close(jac(sig, h), np.diag(sig(h) * (1 - sig(h))))]


def _nn_lin():
    return [close(jac(lambda v: v, hvec()), np.eye(4))]


NN_DOC = [_nn_relu_offdiag, _nn_relu_diag, _nn_relu_full, _nn_sig_diag, _nn_sig_full,
          _nn_lin, _nn_lin, none(1), lambda: _m27(), lambda: _m25()]


def _lds_avg():
    y = np.array([1, 0, 1, 1, 0, 1, 0, 1, 1, 1])
    n = y.size
    n1 = y.sum()
    n0 = n - n1
    res = []
    for p in pts(4, 0.05, 0.95):
        a = np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p))
        b = -n1 / n * np.log(p) - n0 / n * np.log(1 - p)
        res.append(close(a, b))
    return [None, all(res)]


def _lds_cases_doc():
    r = _logloss_cases(-1)
    return [None, r[1]]


LDS_DOC = [_lds_cases_doc, _lds_avg, lambda: _logloss_const(False), none(1)]


def ss_doc(mut):
    def same_fd(f):
        return lambda: _nt(f, lambda x: dscalar(f, x), NZ) * 2

    def abs_def():
        return all_pts(lambda x: [None, None, close(abs(x), np.sqrt(x ** 2)),
                                  close(np.sqrt(x ** 2), (x ** 2) ** 0.5)], NZ)

    def a(x):
        return abs(x)

    r4s = 1 if mut else -1
    return [
        none(3), same_fd(softsign),
        lambda: _nt(softsign, lambda x: (1 * (a(x) + 1) - x * (x / a(x))) / (a(x) + 1) ** 2, NZ),
        lambda: _nt(softsign, lambda x: (a(x) + 1 + r4s * x ** 2 / a(x)) / (a(x) + 1) ** 2, NZ),
        lambda: _nt(softsign, lambda x: (a(x) * (a(x) / a(x)) + 1 - x ** 2 / a(x))
                    / (a(x) + 1) ** 2, NZ),
        lambda: _nt(softsign, lambda x: (x ** 2 / a(x) + 1 - x ** 2 / a(x)) / (a(x) + 1) ** 2, NZ),
        lambda: _nt(softsign, lambda x: 1 / (a(x) + 1) ** 2, NZ),
        abs_def, same_fd(np.abs),
        (lambda: _n20()) if mut else (lambda: _n19()),
        lambda: _nt(np.abs, lambda x: x * (x ** 2) ** -0.5, NZ),
        lambda: _nt(np.abs, lambda x: x / (x ** 2) ** 0.5, NZ),
        lambda: _nt(np.abs, lambda x: x / abs(x), NZ),
    ]


DOC_CHECKS = {
    'mlbook_binary_logistic_regression': logreg_doc(False),
    'mlbook_binary_logistic_regression_mutated': logreg_doc(True),
    'mlbook_nn_layer_gradients': NN_DOC,
    'lds_logistic_loss': LDS_DOC,
    'neuralthreads_softsign': ss_doc(False),
    'neuralthreads_softsign_mutated': ss_doc(True),
}


# ---------------------------------------------------------------- driver
def main():
    confirmed = 0
    failed = 0
    claims = yaml.safe_load((HERE / 'claims.yaml').read_text())
    seen = set()
    for item in claims:
        cid = item['id']
        seen.add(cid)
        fn = CHECKS.get(cid)
        if fn is None:
            print(f'FAIL  {cid}: no check coded')
            failed += 1
            continue
        links = fn()
        holds = all(links)
        want = item['expect'] == 'valid'
        ok = holds == want
        confirmed += ok
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {cid}: expect {item['expect']}, links {links}")
    for cid in sorted(set(CHECKS) - seen):
        print(f'FAIL  {cid}: check without a claim')
        failed += 1
    for exp_path in sorted((HERE / 'docs').glob('*.expect.yaml')):
        name = exp_path.name[: -len('.expect.yaml')]
        md_lines = (HERE / 'docs' / (name + '.md')).read_text().split('\n')
        spec = yaml.safe_load(exp_path.read_text())
        fns = DOC_CHECKS.get(name)
        if fns is None or len(fns) != len(spec['links']):
            print(f'FAIL  {name}: document checks missing or misaligned')
            failed += 1
            continue
        for link, fn in zip(spec['links'], fns, strict=True):
            if md_lines[link['line'] - 1].strip() != '$$':
                print(f"FAIL  {name}:{link['line']}: line does not open a $$ block")
                failed += 1
                continue
            got = fn()
            if len(got) != len(link['expect']):
                print(f"FAIL  {name}:{link['line']}: {len(got)} links coded, "
                      f"{len(link['expect'])} expected")
                failed += 1
                continue
            for k, (want, val) in enumerate(zip(link['expect'], got, strict=True)):
                if want == 'definition':
                    continue
                ok = bool(val) == (want == 'valid')
                confirmed += ok
                failed += not ok
                tag = 'ok  ' if ok else 'FAIL'
                print(f"{tag}  {name}:{link['line']} link {k + 1}: expect {want}, got {val}")
    print(f'{confirmed} confirmed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
