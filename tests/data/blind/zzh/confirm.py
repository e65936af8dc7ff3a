# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zzh).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, identities by direct evaluation).  No LaTeX is parsed.
A claim is valid when every link of its chain holds at every random point.  Exit status 1 on any
disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261208)
RTOL, ATOL = 1e-6, 1e-7
NPTS = 6


def close(a, b, rtol=RTOL, atol=ATOL):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def fd(f, x, h=1e-6):
    """central-difference gradient of scalar f at array x"""
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
        xp[j] += h
        xm[j] -= h
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))).ravel() / (2 * h)
    return J


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def chain(*vals):
    """list of link results for a chain v0 = v1 = v2 ..."""
    return [close(a, b) for a, b in zip(vals, vals[1:])]


def every(pts, n=NPTS):
    """a list-valued predicate (one entry per link) must hold at every random point"""
    res = None
    for _ in range(n):
        r = [None if v is None else bool(v) for v in pts()]
        res = r if res is None else [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


def holds(pts, n=NPTS):
    """a claim is valid iff every link holds at every random point"""
    return all(every(pts, n))


CHECK = {}


def check(i):
    def deco(fn):
        assert i not in CHECK, i
        CHECK[i] = lambda: holds(fn)
        return fn
    return deco


sig = lambda x: 1.0 / (1.0 + np.exp(-x))


def xnz(scale=2.0):
    """random scalar away from 0 (piecewise functions)"""
    x = 0.0
    while abs(x) < 0.05:
        x = float(rng.normal() * scale)
    return x


# ======================= Uzbek Q&A: ReLU / Leaky / ELU / Swish / F1 =======================
relu = lambda x: max(0.0, x)


def relu_deriv(swap=False):
    x = xnz()
    got = d1(relu, x)
    a, b = (0.0, 1.0) if swap else (1.0, 0.0)
    return chain(got, a if x > 0 else b)


check('zzh-uz-relu-deriv')(lambda: relu_deriv())
check('zzh-uz-relu-deriv-swapped')(lambda: relu_deriv(True))


def relu_def(flip=False):
    x = xnz()
    cases = (x if x < 0 else 0.0) if flip else (x if x > 0 else 0.0)
    return chain(relu(x), max(0.0, x), cases)[1:]   # f(x) = max(...) is the definition


check('zzh-uz-relu-def')(lambda: relu_def())
check('zzh-uz-relu-def-min')(lambda: relu_def(True))

AL = 0.01
leaky = lambda x: max(AL * x, x)


def leaky_def(swap=False):
    x = xnz()
    cases = (AL * x if x > 0 else x) if swap else (x if x > 0 else AL * x)
    return chain(max(AL * x, x), cases)


check('zzh-uz-leaky-def')(lambda: leaky_def())
check('zzh-uz-leaky-def-swapped')(lambda: leaky_def(True))


def leaky_deriv(notdiff=False):
    x = xnz()
    neg = AL * x if notdiff else AL
    return chain(d1(leaky, x), 1.0 if x > 0 else neg)


check('zzh-uz-leaky-deriv')(lambda: leaky_deriv())
check('zzh-uz-leaky-deriv-notdiff')(lambda: leaky_deriv(True))

AE = 1.0
elu = lambda x: x if x > 0 else AE * (math.exp(x) - 1)


def elu_deriv(variant='ok'):
    """links: f'(x) = cases(1, alpha e^x)  and (row x <= 0)  alpha e^x = f(x) + alpha"""
    x = -abs(xnz())          # the second link lives on the x <= 0 branch
    xp = abs(xnz())
    inner = AE * math.exp(x - 1) if variant == 'exp' else AE * math.exp(x)
    rhs = elu(x) - AE if variant == 'sign' else elu(x) + AE
    l1 = close(d1(elu, x), inner) and close(d1(elu, xp), 1.0)
    return [l1, close(inner, rhs)]


check('zzh-uz-elu-deriv')(lambda: elu_deriv())
check('zzh-uz-elu-deriv-sign')(lambda: elu_deriv('sign'))
check('zzh-uz-elu-deriv-exp')(lambda: elu_deriv('exp'))


def swish(sign=1.0):
    x = xnz()
    return chain(x * sig(x), x / (1 + sign * math.exp(-x)))


check('zzh-uz-swish')(lambda: swish())
check('zzh-uz-swish-sign')(lambda: swish(-1.0))


def f1(variant='ok'):
    TP, FP, FN = rng.uniform(1, 50, size=3)
    P, R = TP / (TP + FP), TP / (TP + FN)
    num = TP if variant == 'factor' else 2 * TP
    den = 2 * TP + FP - FN if variant == 'sign' else 2 * TP + FP + FN
    return chain(2 * P * R / (P + R), num / den)


check('zzh-uz-f1')(lambda: f1())
check('zzh-uz-f1-sign')(lambda: f1('sign'))
check('zzh-uz-f1-factor')(lambda: f1('factor'))


# ======================= Indonesian notes: logistic / regularised linear =======================
def logreg_data(m=6, n=3):
    X = rng.normal(size=(m, n))
    y = (rng.random(m) < 0.5).astype(float)
    th = rng.normal(size=n) * 0.7
    return X, y, th


def J_logreg(X, y, th):
    h = sig(X @ th)
    return -np.mean(y * np.log(h) + (1 - y) * np.log(1 - h))


def id_logreg(variant='ok'):
    X, y, th = logreg_data()
    m = len(y)
    g = fd(lambda t: J_logreg(X, y, t), th)
    r = sig(X @ th) - y
    if variant == 'factor':
        rhs = X.T @ r
    elif variant == 'sign':
        rhs = X.T @ (-r) / m
    else:
        rhs = X.T @ r / m
    return chain(g, rhs)


check('zzh-id-logreg-grad')(lambda: id_logreg())
check('zzh-id-logreg-grad-factor')(lambda: id_logreg('factor'))
check('zzh-id-logreg-grad-sign')(lambda: id_logreg('sign'))


def id_reglin(variant='ok'):
    m, n = 7, 3
    X = rng.normal(size=(m, n)); y = rng.normal(size=m)
    w = rng.normal(size=n); b = float(rng.normal()); lam = float(rng.uniform(0.3, 2.0))
    J = lambda ww: np.sum((X @ ww + b - y) ** 2) / (2 * m) + lam / (2 * m) * np.sum(ww ** 2)
    g = fd(J, w)
    r = X @ w + b - y
    if variant == 'factor':
        rhs = X.T @ r / m + lam / (2 * m) * w
    elif variant == 'nox':
        rhs = np.sum(r) / m + lam / m * w
    else:
        rhs = X.T @ r / m + lam / m * w
    return chain(g, rhs)


check('zzh-id-reglin-grad')(lambda: id_reglin())
check('zzh-id-reglin-grad-factor')(lambda: id_reglin('factor'))
check('zzh-id-reglin-grad-nox')(lambda: id_reglin('nox'))


# ======================= Chinese CSC321 notes =======================
def csc_dldz(arith=False):
    z = float(rng.normal() * 2)
    return chain(d1(lambda u: 0.5 * u * u, z), 0.5 * 2 * z, 2 * z if arith else z)


check('zzh-csc-dldz')(lambda: csc_dldz())
check('zzh-csc-dldz-arith')(lambda: csc_dldz(True))


def csc_dldy(sign=False):
    y, t = rng.normal(size=2) * 2
    z = y - t
    lhs = d1(lambda yy: 0.5 * (yy - t) ** 2, y)
    dLdz = d1(lambda u: 0.5 * u * u, z)
    dzdy = d1(lambda yy: yy - t, y)
    return chain(lhs, dLdz * dzdy, z * 1, z, y + t if sign else y - t)


check('zzh-csc-dldy')(lambda: csc_dldy())
check('zzh-csc-dldy-sign')(lambda: csc_dldy(True))


def csc_compose():
    """(L o z)'(y) = L'(z(y)) z'(y) = z(z(y)) = z(y-t) = (y-t) - t = y - 2t, with L(u) = u^2/2, z(y) = y - t"""
    y = float(rng.normal() * 2)
    t = float(rng.uniform(0.5, 2.0)) * (1 if rng.random() < 0.5 else -1)
    zf = lambda v: v - t
    Lf = lambda u: 0.5 * u * u
    Lp = lambda u: u
    zp = d1(zf, y)
    return chain(d1(lambda v: Lf(zf(v)), y), Lp(zf(y)) * zp, zf(zf(y)), zf(y - t), (y - t) - t, y - 2 * t)


check('zzh-csc-compose')(csc_compose)


def csc_zbar(sp=True):
    z, t = rng.normal(size=2) * 1.5
    L = lambda zz: 0.5 * (sig(zz) - t) ** 2
    y = sig(z)
    ybar = y - t
    dydz = d1(sig, z)
    return chain(d1(L, z), ybar * dydz, ybar * (sig(z) * (1 - sig(z)) if sp else sig(z)))


check('zzh-csc-zbar')(lambda: csc_zbar())
check('zzh-csc-zbar-sigprime')(lambda: csc_zbar(False))


def csc_dydz():
    z = float(rng.normal() * 2)
    return chain(d1(sig, z), d1(sig, z), sig(z) * (1 - sig(z)))


check('zzh-csc-dydz')(csc_dydz)


# ======================= Tonkic sigmoid note =======================
def tk_simple(sign=-1.0):
    x = float(rng.normal() * 2)
    return chain(d1(sig, x), sig(x) * (1 + sign * sig(x)))


check('zzh-tk-simple')(lambda: tk_simple())
check('zzh-tk-simple-sign')(lambda: tk_simple(1.0))


def tk_expanded(variant='ok'):
    x = float(rng.normal() * 2)
    e = math.exp(-x)
    rhs = {'ok': e / (1 + e) ** 2, 'exp': e / (1 + e), 'sign': -e / (1 + e) ** 2}[variant]
    return chain(d1(sig, x), rhs)


check('zzh-tk-expanded')(lambda: tk_expanded())
check('zzh-tk-expanded-exp')(lambda: tk_expanded('exp'))
check('zzh-tk-expanded-sign')(lambda: tk_expanded('sign'))


# ======================= Korean softmax + cross-entropy =======================
def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def ko_point(K=4):
    z = rng.normal(size=K) * 1.3
    c = int(rng.integers(K))
    y = np.zeros(K); y[c] = 1.0
    k = int(rng.integers(K))
    i = int((k + 1 + rng.integers(K - 1)) % K)     # i != k
    return z, y, c, k, i


def ko_quot_kk(sign=-1.0):
    z, y, c, k, i = ko_point()
    J = jac(softmax, z)
    e, S = np.exp(z), np.exp(z).sum()
    return chain(J[k, k], (e[k] * S + sign * e[k] * e[k]) / S ** 2)


check('zzh-ko-quot-kk')(lambda: ko_quot_kk())
check('zzh-ko-quot-kk-sign')(lambda: ko_quot_kk(1.0))


def ko_quot_ki(index=False):
    z, y, c, k, i = ko_point()
    J = jac(softmax, z)
    e, S = np.exp(z), np.exp(z).sum()
    return chain(J[k, i], (0 * S - e[k] * (e[k] if index else e[i])) / S ** 2)


check('zzh-ko-quot-ki')(lambda: ko_quot_ki())
check('zzh-ko-quot-ki-index')(lambda: ko_quot_ki(True))


def ko_unified(variant='ok'):
    z, *_ = ko_point()
    J = jac(softmax, z)
    p = softmax(z)
    D = np.eye(len(z))
    if variant == 'sign':
        R = p[:, None] * (D + p[None, :])
    elif variant == 'delta':
        R = p[:, None] * (1 - p[None, :])
    else:
        R = p[:, None] * (D - p[None, :])
    return chain(J, R)


check('zzh-ko-unified')(lambda: ko_unified())
check('zzh-ko-unified-sign')(lambda: ko_unified('sign'))
check('zzh-ko-unified-delta')(lambda: ko_unified('delta'))


def ko_dldyhat(variant='ok'):
    K = 4
    yh = rng.uniform(0.1, 0.9, size=K)
    y = np.zeros(K); y[int(rng.integers(K))] = 1.0
    g = fd(lambda q: -np.sum(y * np.log(q)), yh)
    rhs = {'ok': -y / yh, 'exp': -y / yh ** 2, 'sign': y / yh}[variant]
    return chain(g, rhs)


check('zzh-ko-dldyhat')(lambda: ko_dldyhat())
check('zzh-ko-dldyhat-exp')(lambda: ko_dldyhat('exp'))
check('zzh-ko-dldyhat-sign')(lambda: ko_dldyhat('sign'))


def ko_L(y):
    return lambda zz: -np.sum(y * np.log(softmax(zz)))


def ko_chain(index=False):
    z, y, *_ = ko_point()
    g = fd(ko_L(y), z)
    p = softmax(z)
    K = len(z)
    rhs = np.array([sum((-y[k] / p[k]) * p[k] * ((k == i) - (p[k] if index else p[i])) for k in range(K)) for i in range(K)])
    return chain(g, rhs)


check('zzh-ko-chain')(lambda: ko_chain())
check('zzh-ko-chain-index')(lambda: ko_chain(True))


def ko_second(arith=False):
    z, y, c, k, i = ko_point()
    p = softmax(z)
    return chain(np.sum(y * p[i]), p[i] * np.sum(y), p[i] * 1, 1.0 if arith else p[i])


check('zzh-ko-second')(lambda: ko_second())
check('zzh-ko-second-arith')(lambda: ko_second(True))


def ko_first(sign=False):
    z, y, c, k, i = ko_point()
    y = rng.uniform(0, 1, size=len(z))          # holds for any y
    D = np.eye(len(z))
    return chain(-np.sum(y * D[:, i]), y[i] if sign else -y[i])


check('zzh-ko-first')(lambda: ko_first())
check('zzh-ko-first-sign')(lambda: ko_first(True))


def ko_final(sign=False):
    z, y, *_ = ko_point()
    g = fd(ko_L(y), z)
    p = softmax(z)
    return chain(g, -y + p, y - p if sign else p - y)


check('zzh-ko-final')(lambda: ko_final())
check('zzh-ko-final-sign')(lambda: ko_final(True))


def ko_lse(sign=1.0):
    z = rng.normal(size=5) * 3
    zm = z.max()
    return chain(np.log(np.sum(np.exp(z))), np.log(np.sum(np.exp(z - zm))) + sign * zm)


check('zzh-ko-lse')(lambda: ko_lse())
check('zzh-ko-lse-sign')(lambda: ko_lse(-1.0))


# ======================= Vietnamese logistic regression =======================
def vi_point(n=3):
    x = rng.normal(size=n)
    w = rng.normal(size=n) * 0.8
    y = float(rng.random() < 0.5)
    J = lambda ww: -(y * np.log(sig(ww @ x)) + (1 - y) * np.log(1 - sig(ww @ x)))
    return x, w, y, J


def vi_final(variant='ok'):
    x, w, y, J = vi_point()
    g = fd(J, w)
    yh = sig(w @ x)
    rhs = {'ok': (yh - y) * x, 'sign': (y - yh) * x, 'nox': np.array(yh - y)}[variant]
    return chain(g, rhs)


check('zzh-vi-final')(lambda: vi_final())
check('zzh-vi-final-sign')(lambda: vi_final('sign'))
check('zzh-vi-final-nox')(lambda: vi_final('nox'))


def vi_dyhatdz(sign=False):
    z = float(rng.normal() * 2)
    yh = sig(z)
    num = math.exp(z) if sign else math.exp(-z)
    return chain(d1(sig, z), num / (1 + math.exp(-z)) ** 2, yh * (1 - yh))


check('zzh-vi-dyhatdz')(lambda: vi_dyhatdz())
check('zzh-vi-dyhatdz-sign')(lambda: vi_dyhatdz(True))




def vi_djdyhat_pts(sign=1.0):
    # y in {0, 1}: with y = 1 the second term vanishes, so force a mix of both labels over the points
    yh = float(rng.uniform(0.05, 0.95))
    y = float(rng.integers(2))
    L = lambda q: -(y * np.log(q) + (1 - y) * np.log(1 - q))
    return chain(d1(L, yh), -y / yh + sign * (1 - y) / (1 - yh))


check('zzh-vi-dJdyhat')(lambda: vi_djdyhat_pts())
check('zzh-vi-dJdyhat-sign')(lambda: vi_djdyhat_pts(-1.0))


def vi_chainrule():
    x, w, y, J = vi_point()
    yh = sig(w @ x)
    return chain(fd(J, w), (-y / yh + (1 - y) / (1 - yh)) * yh * (1 - yh) * x)


# ======================= Chinese logistic regression =======================


def cn_sigproof_links(sign=False):
    z = float(rng.normal() * 2)
    e = math.exp(-z)
    third = 1 / (1 + e) * (e / (1 - e) if sign else e / (1 + e))
    return chain(d1(sig, z), d1(lambda u: 1 / (1 + math.exp(-u)), z), e / (1 + e) ** 2, third, sig(z) * (1 - sig(z)))


check('zzh-cn-sigproof')(lambda: cn_sigproof_links())
check('zzh-cn-sigproof-sign')(lambda: cn_sigproof_links(True))


def cn_point():
    a = float(rng.uniform(0.05, 0.95))
    y = float(rng.integers(2))
    return a, y


def cn_dlda(sign=False):
    a, y = cn_point()
    L = lambda q: -(y * np.log(q) + (1 - y) * np.log(1 - q))
    br = -(y / a + (1 - y) / (1 - a)) if sign else -(y / a - (1 - y) / (1 - a))
    return chain(d1(L, a), br, (1 - y) / (1 - a) - y / a)


check('zzh-cn-dlda')(lambda: cn_dlda())
check('zzh-cn-dlda-sign')(lambda: cn_dlda(True))


def cn_dldz(variant='ok'):
    z = float(rng.normal() * 1.5)
    y = float(rng.integers(2))
    a = sig(z)
    L = lambda zz: -(y * np.log(sig(zz)) + (1 - y) * np.log(1 - sig(zz)))
    mid = (1 - y) * a - y * a if variant == 'expand' else (1 - y) * a - y * (1 - a)
    last = y - a if variant == 'sign' else a - y
    return chain(d1(L, z), ((1 - y) / (1 - a) - y / a) * a * (1 - a), mid, last)


check('zzh-cn-dldz')(lambda: cn_dldz())
check('zzh-cn-dldz-sign')(lambda: cn_dldz('sign'))
check('zzh-cn-dldz-expand')(lambda: cn_dldz('expand'))


def cn_sample(n=3):
    x = rng.normal(size=n); w = rng.normal(size=n) * 0.8; b = float(rng.normal())
    y = float(rng.integers(2))
    L = lambda ww, bb: -(y * np.log(sig(ww @ x + bb)) + (1 - y) * np.log(1 - sig(ww @ x + bb)))
    return x, w, b, y, L


def cn_dldw(sp=False):
    x, w, b, y, L = cn_sample()
    j = int(rng.integers(len(w)))
    e = np.zeros(len(w)); e[j] = 1
    lhs = d1(lambda s: L(w + s * e, b), 0.0)
    z = w @ x + b
    a = sig(z)
    dLdz = d1(lambda zz: -(y * np.log(sig(zz)) + (1 - y) * np.log(1 - sig(zz))), z)
    rhs = (a - y) * a * (1 - a) * x[j] if sp else (a - y) * x[j]
    return chain(lhs, dLdz * x[j], rhs)


check('zzh-cn-dldw')(lambda: cn_dldw())
check('zzh-cn-dldw-sigprime')(lambda: cn_dldw(True))


def cn_dldb():
    x, w, b, y, L = cn_sample()
    z = w @ x + b
    dLdz = d1(lambda zz: -(y * np.log(sig(zz)) + (1 - y) * np.log(1 - sig(zz))), z)
    return chain(d1(lambda bb: L(w, bb), b), dLdz * 1, (sig(z) - y) * 1)


check('zzh-cn-dldb')(cn_dldb)


def cn_batch(m=6, n=3):
    X = rng.normal(size=(m, n)); y = rng.integers(2, size=m).astype(float)
    w = rng.normal(size=n) * 0.8; b = float(rng.normal())
    J = lambda ww, bb: -np.mean(y * np.log(sig(X @ ww + bb)) + (1 - y) * np.log(1 - sig(X @ ww + bb)))
    return X, y, w, b, J


def cn_djdw(variant='ok', vec=False):
    X, y, w, b, J = cn_batch()
    m = len(y)
    g = fd(lambda ww: J(ww, b), w)
    r = sig(X @ w + b) - y
    k = {'ok': 1 / m, 'factor': 1.0, 'two': 2 / m}[variant]
    return chain(g, k * (X.T @ r))


check('zzh-cn-djdw')(lambda: cn_djdw())
check('zzh-cn-djdw-factor')(lambda: cn_djdw('factor'))
check('zzh-cn-djdw-vec')(lambda: cn_djdw(vec=True))
check('zzh-cn-djdw-vec-factor')(lambda: cn_djdw('two', vec=True))


def cn_djdb(variant='ok'):
    X, y, w, b, J = cn_batch()
    m = len(y)
    r = sig(X @ w + b) - y
    rhs = {'ok': np.sum(r) / m, 'sign': np.sum(-r) / m, 'factor': np.sum(r)}[variant]
    return chain(d1(lambda bb: J(w, bb), b), rhs)


check('zzh-cn-djdb')(lambda: cn_djdb())
check('zzh-cn-djdb-sign')(lambda: cn_djdb('sign'))


# ======================= Chinese logistic note, second author =======================
def cn2_z(index=False):
    n = 4
    w = rng.normal(size=n + 1); xs = rng.normal(size=n)
    x = np.concatenate([[1.0], xs])              # x_0 = 1
    s = w[1:] @ xs if index else w @ x
    return chain(w[0] + w[1:] @ xs, s, w @ x)


check('zzh-cn2-z')(lambda: cn2_z())
check('zzh-cn2-z-index')(lambda: cn2_z(True))


def cn2_data(m=6, n=3):
    X = rng.normal(size=(m, n)); y = rng.integers(2, size=m).astype(float); w = rng.normal(size=n) * 0.8
    return X, y, w


def cn2_J(X, y):
    return lambda ww: np.mean(-(X @ ww) * y + np.log1p(np.exp(X @ ww)))


def cn2_grad(variant='ok'):
    X, y, w = cn2_data()
    m = len(y)
    s = X @ w
    j = int(rng.integers(X.shape[1]))
    g = fd(cn2_J(X, y), w)[j]
    a = np.sum(-X[:, j] * y + X[:, j] * np.exp(s) / (1 + np.exp(s))) / m
    inner = 1 / (1 + np.exp(s)) if variant == 'sign' else 1 / (1 + np.exp(-s))
    b = np.sum(X[:, j] * (inner - y)) / m
    c = np.sum((sig(s) - y) * X[:, j]) / (1 if variant == 'factor' else m)
    return chain(g, a, b, c)


check('zzh-cn2-grad')(lambda: cn2_grad())
check('zzh-cn2-grad-sign')(lambda: cn2_grad('sign'))
check('zzh-cn2-grad-factor')(lambda: cn2_grad('factor'))


def cn2_cost():
    X, y, w = cn2_data()
    s = X @ w
    h = sig(s)
    e0 = -np.mean(y * np.log(h) + (1 - y) * np.log(1 - h))
    e1 = -np.mean(y * np.log(1 / (1 + np.exp(s))) + (1 - y) * np.log(np.exp(-s) / (1 + np.exp(-s))))
    e2 = -np.mean(np.log(1 / (1 + np.exp(s))) + y * np.log(1 / np.exp(-s)))
    e3 = np.mean(-s * y + np.log(1 + np.exp(s)))
    return chain(e0, e1, e2, e3)


check('zzh-cn2-cost')(cn2_cost)


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


DOCS = {}


def register(stem, fns, overrides=None, mutated=None):
    """block i of docs/<stem>.md is checked by fns[i]; a mutated twin reuses them except for overridden indices"""
    bl = [t for _, t in blocks((HERE / "docs" / (stem + ".md")).read_text().split("\n"))]
    assert len(bl) == len(fns), (stem, len(bl), len(fns))
    for t, f in zip(bl, fns):
        DOCS[(stem, t)] = f
    if mutated:
        mb = [t for _, t in blocks((HERE / "docs" / (mutated + ".md")).read_text().split("\n"))]
        assert len(mb) == len(fns)
        for idx, f in (overrides or {}).items():
            assert mb[idx] != bl[idx]
            DOCS[(mutated, mb[idx])] = f


# ---------- ko-softmax-ce ----------
def ko_cont_split():
    z, y, c, k, i = ko_point()
    e, S = np.exp(z), np.exp(z).sum()
    return chain((e[k] * S - e[k] * e[k]) / S ** 2, e[k] / S - e[k] / S * e[k] / S)


def ko_cont_final(sign=-1.0):
    z, y, c, k, i = ko_point()
    e, S = np.exp(z), np.exp(z).sum()
    p = softmax(z)
    return chain(e[k] / S - e[k] / S * e[k] / S, p[k] - p[k] ** 2, p[k] * (1 + sign * p[k]))


def ko_case1_start():
    z, y, c, k, i = ko_point()
    return chain(jac(softmax, z)[k, k], d1(lambda t: math.exp(t) / (np.exp(z).sum() - math.exp(z[k]) + math.exp(t)), z[k]))


def ko_case2_start():
    z, y, c, k, i = ko_point()
    def yk(t):
        zz = z.copy(); zz[i] = t
        return math.exp(zz[k]) / np.exp(zz).sum()
    return chain(jac(softmax, z)[k, i], d1(yk, z[i]))


def ko_case2_cont():
    z, y, c, k, i = ko_point()
    e, S = np.exp(z), np.exp(z).sum()
    p = softmax(z)
    return chain((0 * S - e[k] * e[i]) / S ** 2, -e[k] / S * e[i] / S, -p[k] * p[i])


def ko_onehot():
    z, y, c, k, i = ko_point()
    p = softmax(z)
    return chain(-np.sum(y * np.log(p)), -np.log(p[c]))


def ko_chain_general():
    z, y, *_ = ko_point()
    p = softmax(z)
    g = fd(ko_L(y), z)
    J = jac(softmax, z)
    dLdp = fd(lambda q: -np.sum(y * np.log(q)), p)
    return chain(g, J.T @ dLdp)


def ko_cont_a():
    z, y, *_ = ko_point()
    p = softmax(z); K = len(z); D = np.eye(K)
    lhs = np.array([sum((-y[k] / p[k]) * p[k] * (D[k, i] - p[i]) for k in range(K)) for i in range(K)])
    rhs = np.array([sum(-y[k] * (D[k, i] - p[i]) for k in range(K)) for i in range(K)])
    return chain(lhs, rhs)


def ko_cont_b():
    z, y, *_ = ko_point()
    p = softmax(z); K = len(z); D = np.eye(K)
    lhs = np.array([sum(-y[k] * (D[k, i] - p[i]) for k in range(K)) for i in range(K)])
    rhs = np.array([-sum(y[k] * D[k, i] for k in range(K)) + sum(y[k] * p[i] for k in range(K)) for i in range(K)])
    return chain(lhs, rhs)


register("ko-softmax-ce", [
    defs(2),
    ev(ko_case1_start),
    ev(lambda: ko_quot_kk()),
    ev(ko_cont_split),
    ev(lambda: ko_cont_final()),
    ev(ko_case2_start),
    ev(lambda: ko_quot_ki()),
    ev(ko_case2_cont),
    ev(lambda: ko_unified()),
    defs(1),
    ev(ko_onehot),
    ev(lambda: ko_dldyhat()),
    ev(ko_chain_general),
    ev(lambda: ko_chain()),
    ev(ko_cont_a),
    ev(ko_cont_b),
    ev(lambda: ko_first()),
    ev(lambda: ko_second()),
    ev(lambda: ko_final()),
], overrides={4: ev(lambda: ko_cont_final(1.0)), 18: ev(lambda: ko_final(True))}, mutated="ko-softmax-ce-mutated")

# ---------- vi-logreg ----------
def vi_align():
    x, w, y, J = vi_point()
    yh = float(rng.uniform(0.05, 0.95))
    yy = float(rng.integers(2))
    L = lambda q: -(yy * np.log(q) + (1 - yy) * np.log(1 - q))
    z = float(rng.normal() * 2)
    s = sig(z)
    dz = fd(lambda ww: ww @ x, w)
    return [close(d1(L, yh), -yy / yh + (1 - yy) / (1 - yh))] + chain(d1(sig, z), math.exp(-z) / (1 + math.exp(-z)) ** 2, s * (1 - s)) + [close(dz, x)]


register("vi-logreg", [defs(1), defs(1), ev(vi_chainrule), ev(vi_align), ev(lambda: vi_final())])

# ---------- cn-logreg ----------
def cn_dldz_chain():
    z = float(rng.normal() * 1.5)
    y = float(rng.integers(2))
    Lz = lambda zz: -(y * np.log(sig(zz)) + (1 - y) * np.log(1 - sig(zz)))
    La = lambda q: -(y * np.log(q) + (1 - y) * np.log(1 - q))
    return chain(d1(Lz, z), d1(La, sig(z)) * d1(sig, z))


def cn_dadz():
    z = float(rng.normal() * 2)
    a = sig(z)
    return chain(d1(sig, z), a * (1 - a))


register("cn-logreg", [
    defs(2), defs(1), defs(1),
    ev(lambda: tk_simple()),
    ev(lambda: cn_sigproof_links()),
    defs(1),
    ev(cn_dldz_chain),
    ev(lambda: cn_dlda()),
    ev(cn_dadz),
    ev(lambda: cn_dldz()),
    ev(lambda: cn_dldw()),
    ev(lambda: cn_djdw()),
    ev(lambda: cn_djdw(vec=True)),
    ev(cn_dldb),
    ev(lambda: cn_djdb()),
], overrides={9: ev(lambda: cn_dldz('sign')), 14: ev(lambda: cn_djdb('factor'))}, mutated="cn-logreg-mutated")

# ---------- cn-csc321-chain ----------
def csc_power():
    c = float(rng.normal() * 2); n = float(rng.integers(2, 6)); x = float(rng.uniform(0.3, 2.0))
    return [None, close(d1(lambda u: c * u ** n, x), c * n * x ** (n - 1))]


def csc_chainrule():
    a, b, x = rng.normal(size=3)
    f = lambda u: math.sin(a * u) + u ** 3
    fp = lambda u: a * math.cos(a * u) + 3 * u ** 2
    g = lambda u: math.exp(b * u) + u
    gp = lambda u: b * math.exp(b * u) + 1
    return chain(d1(lambda u: f(g(u)), x), fp(g(x)) * gp(x))


register("cn-csc321-chain", [
    lambda: every(csc_power),
    ev(csc_chainrule),
    defs(1),
    ev(csc_compose),
    defs(2),
])

# ---------- uz-activations ----------
register("uz-activations", [
    ev(lambda: [None] + relu_def()),
    ev(lambda: relu_deriv()),
    ev(lambda: [None] + leaky_def()),
    ev(lambda: leaky_deriv()),
    defs(1),
    ev(lambda: elu_deriv()),
], overrides={3: ev(lambda: leaky_deriv(True)), 5: ev(lambda: elu_deriv('sign'))}, mutated="uz-activations-mutated")

# ---------- id-logreg ----------
def id_ztheta():
    n = 4
    th = rng.normal(size=n + 1); xs = rng.normal(size=n)
    x = np.concatenate([[1.0], xs])          # x_0 = 1 absorbs theta_0
    return chain(th[0] + np.sum(th[1:] * xs), th @ x)


register("id-logreg", [defs(1), defs(1), ev(id_ztheta), defs(1), ev(lambda: id_logreg())])

# ---------- tk-sigmoid ----------
register("tk-sigmoid", [defs(1), ev(lambda: tk_simple()), ev(lambda: tk_expanded())])


# ======================= extra families =======================
def ko_onehot_claim(sign=1.0):
    z, y, c, k, i = ko_point()
    p = softmax(z)
    return chain(-np.sum(y * np.log(p)), -sign * np.log(p[c]))


check('zzh-ko-onehot')(lambda: ko_onehot_claim())
check('zzh-ko-onehot-sign')(lambda: ko_onehot_claim(-1.0))


def ko_chainrule(diag=False):
    z, y, *_ = ko_point()
    p = softmax(z)
    g = fd(ko_L(y), z)
    J = jac(softmax, z)
    dLdp = fd(lambda q: -np.sum(y * np.log(q)), p)
    rhs = dLdp * np.diag(J) if diag else J.T @ dLdp
    return chain(g, rhs)


check('zzh-ko-chainrule')(lambda: ko_chainrule())
check('zzh-ko-chainrule-diag')(lambda: ko_chainrule(True))
check('zzh-ko-case1-start')(lambda: ko_case1_start())


def cn_dldz_chain_claim(plus=False):
    z = float(rng.normal() * 1.5)
    y = float(rng.integers(2))
    Lz = lambda zz: -(y * np.log(sig(zz)) + (1 - y) * np.log(1 - sig(zz)))
    La = lambda q: -(y * np.log(q) + (1 - y) * np.log(1 - q))
    a, b = d1(La, sig(z)), d1(sig, z)
    return chain(d1(Lz, z), a + b if plus else a * b)


check('zzh-cn-dldz-chain')(lambda: cn_dldz_chain_claim())
check('zzh-cn-dldz-chain-sum')(lambda: cn_dldz_chain_claim(True))


def cn_dadz_claim(sign=-1.0):
    z = float(rng.normal() * 2)
    a = sig(z)
    return chain(d1(sig, z), a * (1 + sign * a))


check('zzh-cn-dadz')(lambda: cn_dadz_claim())
check('zzh-cn-dadz-sign')(lambda: cn_dadz_claim(1.0))


def vi_chainrule_claim(drop=False):
    x, w, y, J = vi_point()
    yh = sig(w @ x)
    dJdyh = -y / yh + (1 - y) / (1 - yh)
    rhs = dJdyh * x if drop else dJdyh * yh * (1 - yh) * x
    return chain(fd(J, w), rhs)


check('zzh-vi-chainrule')(lambda: vi_chainrule_claim())
check('zzh-vi-chainrule-sigprime')(lambda: vi_chainrule_claim(True))
check('zzh-id-ztheta')(lambda: id_ztheta())


def csc_power_claim(exp=False):
    c = float(rng.normal() * 2); n = float(rng.integers(2, 6)); x = float(rng.uniform(0.3, 2.0))
    return chain(d1(lambda u: c * u ** n, x), c * n * x ** (n if exp else n - 1))


check('zzh-csc-power')(lambda: csc_power_claim())
check('zzh-csc-power-exp')(lambda: csc_power_claim(True))


def csc_chainrule_claim(noinner=False):
    a, b, x = rng.normal(size=3)
    f = lambda u: math.sin(a * u) + u ** 3
    fp = lambda u: a * math.cos(a * u) + 3 * u ** 2
    g = lambda u: math.exp(b * u) + u
    gp = lambda u: b * math.exp(b * u) + 1
    return chain(d1(lambda u: f(g(u)), x), fp(g(x)) * (1 if noinner else gp(x)))


check('zzh-csc-chainrule')(lambda: csc_chainrule_claim())
check('zzh-csc-chainrule-noinner')(lambda: csc_chainrule_claim(True))





def cn2_bernoulli_both(exp=False):
    # both labels at every point (a single label could hide the twin's error)
    h = float(rng.uniform(0.05, 0.95))
    return [all(close(h if y == 1 else 1 - h, h ** y * (1 - h) ** (y if exp else 1 - y)) for y in (0, 1))]


check('zzh-cn2-bernoulli')(lambda: cn2_bernoulli_both())
check('zzh-cn2-bernoulli-exp')(lambda: cn2_bernoulli_both(True))


def vi_dzdw(swap=False):
    x, w, y, J = vi_point()
    return chain(fd(lambda ww: ww @ x, w), w if swap else x)


check('zzh-vi-dzdw')(lambda: vi_dzdw())
check('zzh-vi-dzdw-swapped')(lambda: vi_dzdw(True))
check('zzh-ko-case2-start')(lambda: ko_case2_start())


def ko_dldyc(exp=False):
    K = 4
    yh = rng.uniform(0.1, 0.9, size=K)
    c = int(rng.integers(K))
    y = np.zeros(K); y[c] = 1.0
    g = fd(lambda q: -np.sum(y * np.log(q)), yh)[c]
    return chain(g, -1 / yh[c] ** (2 if exp else 1))


check('zzh-ko-dldyc')(lambda: ko_dldyc())
check('zzh-ko-dldyc-exp')(lambda: ko_dldyc(True))


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    bad = 0
    nv = ni = 0
    for c in claims:
        got = bool(CHECK[c["id"]]())
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if got != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if got else 'invalid'}")
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
            key = (stem, lk["text"].strip())
            if key not in DOCS:
                base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
                key = (base, lk["text"].strip())
            assert key in DOCS, (stem, lk["text"][:60])
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
