#!/usr/bin/env python
# ruff: noqa: E501, E702, E731, B007, B905  (hand-written confirmation data)
"""Independent NumPy confirmation of every verdict in blind corpus part zc.

Hand-written: each side of each relation is coded as a Python function of randomly
drawn inputs; derivatives are taken by central finite differences.  A relation link
holds iff both sides agree (rtol 1e-6) at every random point.  A claim is valid iff
all of its links hold.  Document links are checked one by one ('definition' links
introduce a new name and are only counted).  Exit code 1 on any disagreement.
"""
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
N = 3
TRIALS = 4
RTOL, ATOL = 1e-6, 1e-7
E = np.eye(N)
D4 = np.einsum('ik,jl->ijkl', E, E)  # literal dX_ij/dX_kl, built from the definition of a matrix entry


# ----------------------------------------------------------------------------- numerics
def ngrad(f, X, h=1e-6):
    """Gradient of scalar f at array X (same shape as X) by central differences."""
    X = np.array(X, dtype=float)
    G = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        Xp = X.copy(); Xp[idx] += h
        Xm = X.copy(); Xm[idx] -= h
        G[idx] = (f(Xp) - f(Xm)) / (2 * h)
    return G


def njac(f, x, h=1e-6):
    """Numerator-layout Jacobian J[i, j] = d f_i / d x_j of a vector function."""
    x = np.array(x, dtype=float)
    m = np.asarray(f(x), dtype=float).size
    J = np.zeros((m, x.size))
    for j in range(x.size):
        e = np.zeros(x.size); e[j] = h
        e = e.reshape(x.shape)
        J[:, j] = (np.asarray(f(x + e), float).ravel() - np.asarray(f(x - e), float).ravel()) / (2 * h)
    return J


def nhess(f, x, h=1e-3):
    x = np.array(x, dtype=float)
    n = x.size
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            ei = np.zeros(n); ei[i] = h
            ej = np.zeros(n); ej[j] = h
            H[i, j] = (f(x + ei + ej) - f(x + ei - ej) - f(x - ei + ej) + f(x - ei - ej)) / (4 * h * h)
    return H


def nderiv(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def sig(t):
    return 1.0 / (1.0 + np.exp(-t))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def is_vec(a):
    return a.ndim <= 1 or (a.ndim == 2 and 1 in a.shape)


def close(a, b):
    try:
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
    except Exception:
        return False
    if a.shape != b.shape:
        # a row and a column vector with the same entries are compared entrywise
        if a.size == b.size and is_vec(a) and is_vec(b):
            a, b = a.ravel(), b.ravel()
        else:
            return False
    return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))


def links(gen, members, seed=0):
    """Per-link truth of a relation chain members[0] = members[1] = ... ."""
    rng = np.random.default_rng(seed)
    ok = [True] * (len(members) - 1)
    for _ in range(TRIALS):
        env = gen(rng)
        vals = []
        for m in members:
            try:
                vals.append(m(env))
            except Exception:
                vals.append(None)
        for i in range(len(ok)):
            if vals[i] is None or vals[i + 1] is None or not close(vals[i], vals[i + 1]):
                ok[i] = False
    return ok


# ----------------------------------------------------------------------------- generators
def g_mats(rng):
    return dict(X=rng.normal(size=(N, N)), A=rng.normal(size=(N, N)), B=rng.normal(size=(N, N)),
                C=rng.normal(size=(N, N)))


def g_vec(rng):
    A = rng.normal(size=(N, N))
    return dict(x=rng.normal(size=N), a=rng.normal(size=N), A=A, As=A + A.T,
                b=rng.normal(size=N))


def g_det(rng):
    X = rng.normal(size=(N, N)) + 2 * E
    if np.linalg.det(X) < 0:
        X[0] *= -1
    return dict(X=X, D=rng.normal(size=(N, N)))


def g_scalar(rng):
    return dict(x=rng.uniform(0.5, 2.0), mu=rng.uniform(-2.0, 3.0), a=rng.uniform(3.5, 6.0),
                b=rng.uniform(0.3, 0.8), t=rng.normal())


def g_reg(rng):
    n, d = 6, 3
    return dict(X=rng.normal(size=(n, d)), w=rng.normal(size=d), b=rng.normal(), y=rng.normal(size=n),
                lam=rng.uniform(0.1, 2.0), ybin=rng.integers(0, 2, size=n).astype(float),
                A=rng.normal(size=(4, 3)), bb=rng.normal(size=4), x=rng.normal(size=3),
                W=rng.normal(size=(N, N)), XX=rng.normal(size=(N, N)), Y=rng.normal(size=(N, N)))


def g_w2v(rng):
    V = d = 3
    o = int(rng.integers(0, V))
    y = np.zeros(V); y[o] = 1.0
    return dict(U=rng.normal(size=(d, V)), vc=rng.normal(size=d), y=y, o=o,
                theta=rng.normal(size=V), yhat=softmax(rng.normal(size=V)), t=rng.normal())


# ----------------------------------------------------------------------------- mbustamanter
def tr(M):
    return float(np.trace(M))


def dX_dX(e):  # numerical d X_ij / d X_kl, as a 4-index array [i, j, k, l]
    return njac(lambda Y: Y, e['X']).reshape(N, N, N, N)


MB = {}
MB['delta'] = (g_mats, [dX_dX, lambda e: np.einsum('ik,jl->ijkl', E, E)])
MB['delta-index'] = (g_mats, [dX_dX, lambda e: np.einsum('il,jk->ijkl', E, E)])
MB['trx'] = (g_mats, [lambda e: ngrad(tr, e['X']), lambda e: E])
MB['trx-factor'] = (g_mats, [lambda e: ngrad(tr, e['X']), lambda e: 2 * E])
MB['trx-chain'] = (g_mats, [
    lambda e: ngrad(tr, e['X']),
    lambda e: ngrad(lambda Y: np.einsum('ii->', Y), e['X']),
    lambda e: np.einsum('ik,il->kl', E, E),
    lambda e: E,
    lambda e: E])
MB['trxa'] = (g_mats, [lambda e: ngrad(lambda Y: tr(Y @ e['A']), e['X']), lambda e: e['A'].T])
MB['trxa-transpose'] = (g_mats, [lambda e: ngrad(lambda Y: tr(Y @ e['A']), e['X']), lambda e: e['A']])


def _trxa_chain(last_lk):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(Y @ e['A']), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ij,ji->', Y, e['A']), e['X']),
        lambda e: np.einsum('ijkl,ji->kl', D4, e['A']),
        lambda e: np.einsum('ik,jl,ji->kl', E, E, e['A']),
        (lambda e: e['A'].T) if last_lk else (lambda e: e['A']),   # A_{lk} as a [k,l] array, or A_{kl}
        lambda e: e['A'].T,                                        # (A^T)_{kl}
        lambda e: e['A'].T])


MB['trxa-chain'] = _trxa_chain(True)
MB['trxa-chain-index'] = _trxa_chain(False)
MB['trxta-chain'] = (g_mats, [
    lambda e: ngrad(lambda Y: tr(Y.T @ e['A']), e['X']),
    lambda e: ngrad(lambda Y: np.einsum('ji,ji->', Y, e['A']), e['X']),   # X^T_{ij} = X_{ji}
    lambda e: np.einsum('jikl,ji->kl', D4, e['A']),
    lambda e: np.einsum('jk,il,ji->kl', E, E, e['A']),
    lambda e: e['A'],                                                      # A_{kl}
    lambda e: e['A'].T])


def _traxb(final):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(e['A'] @ Y @ e['B']), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ij,jk,ki->', e['A'], Y, e['B']), e['X']),
        lambda e: np.einsum('jkpq,ij,ki->pq', D4, e['A'], e['B']),
        lambda e: np.einsum('jp,kq,ij,ki->pq', E, E, e['A'], e['B']),
        lambda e: np.einsum('ip,qi->pq', e['A'], e['B']),
        lambda e: np.einsum('qi,ip->pq', e['B'], e['A']),
        lambda e: (e['B'] @ e['A']).T,          # (BA)_{qp} as a [p,q] array
        lambda e: (e['B'] @ e['A']).T,          # (BA)^T_{pq}
        lambda e: (e['B'] @ e['A']).T,
        final])


MB['traxb-chain'] = _traxb(lambda e: e['A'].T @ e['B'].T)
MB['traxb-chain-order'] = _traxb(lambda e: e['B'].T @ e['A'].T)


def _traxtb(final):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(e['A'] @ Y.T @ e['B']), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ij,kj,ki->', e['A'], Y, e['B']), e['X']),
        lambda e: np.einsum('kjpq,ij,ki->pq', D4, e['A'], e['B']),
        lambda e: np.einsum('kp,jq,ij,ki->pq', E, E, e['A'], e['B']),
        lambda e: np.einsum('iq,pi->pq', e['A'], e['B']),
        lambda e: np.einsum('pi,iq->pq', e['B'], e['A']),
        lambda e: e['B'] @ e['A'],
        final])


MB['traxtb-chain'] = _traxtb(lambda e: e['B'] @ e['A'])
MB['traxtb-chain-order'] = _traxtb(lambda e: e['A'] @ e['B'])


def _trx2(final):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(Y @ Y), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ij,ji->', Y, Y), e['X']),
        lambda e: np.einsum('ijpq,ji->pq', D4, e['X']) + np.einsum('ij,jipq->pq', e['X'], D4),
        lambda e: np.einsum('ip,jq,ji->pq', E, E, e['X']) + np.einsum('ij,jp,iq->pq', e['X'], E, E),
        lambda e: e['X'].T + e['X'].T,          # X_{qp}+X_{qp}
        lambda e: 2 * e['X'].T,
        final])


MB['trx2-chain'] = _trx2(lambda e: 2 * e['X'].T)
MB['trx2-chain-transpose'] = _trx2(lambda e: 2 * e['X'])


def _trx2b(final):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(Y @ Y @ e['B']), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ij,jk,ki->', Y, Y, e['B']), e['X']),
        lambda e: np.einsum('ijpq,jk,ki->pq', D4, e['X'], e['B']) + np.einsum('ij,jkpq,ki->pq', e['X'], D4, e['B']),
        lambda e: np.einsum('ip,jq,jk,ki->pq', E, E, e['X'], e['B']) + np.einsum('ij,jp,kq,ki->pq', e['X'], E, E, e['B']),
        lambda e: np.einsum('qk,kp->pq', e['X'], e['B']) + np.einsum('ip,qi->pq', e['X'], e['B']),
        lambda e: (e['X'] @ e['B']).T + np.einsum('qi,ip->pq', e['B'], e['X']),
        lambda e: (e['X'] @ e['B']).T + (e['B'] @ e['X']).T,
        lambda e: (e['X'] @ e['B'] + e['B'] @ e['X']).T,
        final])


MB['trx2b-chain'] = _trx2b(lambda e: (e['X'] @ e['B'] + e['B'] @ e['X']).T)
MB['trx2b-chain-transpose'] = _trx2b(lambda e: e['X'] @ e['B'] + e['B'] @ e['X'])


def _trxtbx(final):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(Y.T @ e['B'] @ Y), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ji,jk,ki->', Y, e['B'], Y), e['X']),
        lambda e: np.einsum('jipq,jk,ki->pq', D4, e['B'], e['X']) + np.einsum('ji,jk,kipq->pq', e['X'], e['B'], D4),
        lambda e: np.einsum('jp,iq,jk,ki->pq', E, E, e['B'], e['X']) + np.einsum('ji,jk,kp,iq->pq', e['X'], e['B'], E, E),
        lambda e: np.einsum('pk,kq->pq', e['B'], e['X']) + np.einsum('jq,jp->pq', e['X'], e['B']),
        lambda e: e['B'] @ e['X'] + np.einsum('pj,jq->pq', e['B'].T, e['X']),
        lambda e: e['B'] @ e['X'] + e['B'].T @ e['X'],
        lambda e: e['B'] @ e['X'] + e['B'].T @ e['X'],
        final])


MB['trxtbx-chain'] = _trxtbx(lambda e: e['B'] @ e['X'] + e['B'].T @ e['X'])
MB['trxtbx-chain-term'] = _trxtbx(lambda e: 2 * e['B'] @ e['X'])


def _trxbxt(final):
    return (g_mats, [
        lambda e: ngrad(lambda Y: tr(Y @ e['B'] @ Y.T), e['X']),
        lambda e: ngrad(lambda Y: np.einsum('ij,jk,ik->', Y, e['B'], Y), e['X']),
        lambda e: np.einsum('ijpq,jk,ik->pq', D4, e['B'], e['X']) + np.einsum('ij,jk,ikpq->pq', e['X'], e['B'], D4),
        lambda e: np.einsum('ip,jq,jk,ik->pq', E, E, e['B'], e['X']) + np.einsum('ij,jk,ip,kq->pq', e['X'], e['B'], E, E),
        lambda e: np.einsum('qk,pk->pq', e['B'], e['X']) + np.einsum('pj,jq->pq', e['X'], e['B']),
        lambda e: np.einsum('pk,kq->pq', e['X'], e['B'].T) + e['X'] @ e['B'],
        lambda e: e['X'] @ e['B'].T + e['X'] @ e['B'],
        lambda e: e['X'] @ e['B'].T + e['X'] @ e['B'],
        final])


MB['trxbxt-chain'] = _trxbxt(lambda e: e['X'] @ e['B'].T + e['X'] @ e['B'])
MB['trxbxt-chain-order'] = _trxbxt(lambda e: e['B'].T @ e['X'] + e['B'] @ e['X'])

# ----------------------------------------------------------------------------- i05nagai
I5 = {}
lin = lambda e: ngrad(lambda y: e['a'] @ y, e['x'])
quad = lambda e: ngrad(lambda y: y @ e['A'] @ y, e['x'])
hessq = lambda e: nhess(lambda y: y @ e['A'] @ y, e['x'])
quads = lambda e: ngrad(lambda y: y @ e['As'] @ y, e['x'])
hessqs = lambda e: nhess(lambda y: y @ e['As'] @ y, e['x'])
I5['linear'] = (g_vec, [lin, lambda e: e['a']])
I5['linear-factor'] = (g_vec, [lin, lambda e: 2 * e['a']])
I5['quadform'] = (g_vec, [quad, lambda e: e['A'] @ e['x'] + e['A'].T @ e['x']])
I5['quadform-transpose'] = (g_vec, [quad, lambda e: 2 * e['A'] @ e['x']])
I5['quadform-hessian'] = (g_vec, [hessq, lambda e: e['A'] + e['A'].T])
I5['quadform-hessian-term'] = (g_vec, [hessq, lambda e: e['A']])
I5['quadform-sym'] = (g_vec, [quads, lambda e: 2 * e['As'] @ e['x']])
I5['quadform-sym-factor'] = (g_vec, [quads, lambda e: e['As'] @ e['x']])
I5['quadform-sym-hessian'] = (g_vec, [hessqs, lambda e: 2 * e['As']])
I5['quadform-sym-hessian-factor'] = (g_vec, [hessqs, lambda e: e['As']])
I5['norm'] = (g_vec, [lambda e: ngrad(lambda y: y @ y, e['x']), lambda e: 2 * e['x']])
I5['norm-factor'] = (g_vec, [lambda e: ngrad(lambda y: y @ y, e['x']), lambda e: e['x']])
I5['identity-hessian'] = (g_vec, [lambda e: nhess(lambda y: y @ y, e['x']), lambda e: 2 * E])
I5['identity-hessian-factor'] = (g_vec, [lambda e: nhess(lambda y: y @ y, e['x']), lambda e: E])


def comp_sum(e, diag_factor):
    """vector over k of sum_{j!=k} a^k_j x^j + sum_{i!=k} x_i a^i_k + c a^k_k x^k (a^i_j = A[i, j])."""
    A, x = e['A'], e['x']
    out = np.zeros(N)
    for k in range(N):
        out[k] = (sum(A[k, j] * x[j] for j in range(N) if j != k)
                  + sum(x[i] * A[i, k] for i in range(N) if i != k)
                  + diag_factor * A[k, k] * x[k])
    return out


comp_full = lambda e: np.array([sum(e['A'][k, j] * e['x'][j] for j in range(N))
                                + sum(e['x'][i] * e['A'][i, k] for i in range(N)) for k in range(N)])
I5['component'] = (g_vec, [quad, lambda e: comp_sum(e, 2), comp_full])
I5['component-factor'] = (g_vec, [quad, lambda e: comp_sum(e, 1), comp_full])

# ----------------------------------------------------------------------------- ccat3z
CC = {}
gdet = lambda e: ngrad(np.linalg.det, e['X'])
det = lambda e: np.linalg.det(e['X'])
inv = lambda e: np.linalg.inv(e['X'])
CC['det-adjugate'] = (g_det, [gdet, lambda e: det(e) * inv(e)])        # adjugate X^* = |X| X^{-1}
CC['det'] = (g_det, [gdet, lambda e: det(e) * inv(e).T])
CC['det-transpose'] = (g_det, [gdet, lambda e: det(e) * inv(e)])
dinv = lambda e: (np.linalg.inv(e['X'] + 1e-6 * e['D']) - np.linalg.inv(e['X'] - 1e-6 * e['D'])) / 2e-6
CC['dinv'] = (g_det, [dinv, lambda e: -inv(e) @ e['D'] @ inv(e)])
CC['dinv-order'] = (g_det, [dinv, lambda e: -inv(e) @ inv(e) @ e['D']])
dpow = lambda e: nderiv(lambda s: s ** e['mu'], e['x'])
CC['power'] = (g_scalar, [dpow, lambda e: e['mu'] * e['x'] ** (e['mu'] - 1)])
CC['power-sign'] = (g_scalar, [dpow, lambda e: e['mu'] * e['x'] ** (e['mu'] + 1)])
for base in ('a', 'b'):
    pass
dexp = lambda e: nderiv(lambda s: e['b'] ** s, e['x'])
CC['exp'] = (g_scalar, [dexp, lambda e: e['b'] ** e['x'] * np.log(e['b'])])
CC['exp-swapped'] = (g_scalar, [dexp, lambda e: e['x'] * e['b'] ** (e['x'] - 1)])
dlog = lambda e: nderiv(lambda s: np.log(s) / np.log(e['a']), e['x'])
CC['loga'] = (g_scalar, [dlog, lambda e: 1 / (e['x'] * np.log(e['a']))])
CC['loga-swapped'] = (g_scalar, [dlog, lambda e: np.log(e['a']) / e['x']])

# ----------------------------------------------------------------------------- Hideaki2000, aopstudio
den = lambda f, x: njac(f, x).T   # denominator layout: entry (i, j) = d f_j / d x_i
HA = {}
HA['hideaki2000-identity'] = (g_vec, [lambda e: den(lambda y: y, e['x']), lambda e: E])
HA['hideaki2000-ax'] = (g_vec, [lambda e: den(lambda y: e['A'] @ y, e['x']), lambda e: e['A'].T])
HA['hideaki2000-ax-transpose'] = (g_vec, [lambda e: den(lambda y: e['A'] @ y, e['x']), lambda e: e['A']])
HA['aopstudio-identity'] = (g_vec, [lambda e: den(lambda y: y, e['x']), lambda e: E])
HA['aopstudio-ax'] = (g_vec, [lambda e: den(lambda y: e['A'] @ y, e['x']), lambda e: e['A'].T])
HA['aopstudio-ax-transpose'] = (g_vec, [lambda e: den(lambda y: e['A'] @ y, e['x']), lambda e: e['A']])
HA['aopstudio-xta'] = (g_vec, [lambda e: den(lambda y: y @ e['A'], e['x']), lambda e: e['A']])
HA['aopstudio-xta-transpose'] = (g_vec, [lambda e: den(lambda y: y @ e['A'], e['x']), lambda e: e['A'].T])

# ----------------------------------------------------------------------------- x35yao
XY = {}
Lx = lambda e, w, b: np.sum((e['X'] @ w + b - e['y']) ** 2)
yhat_r = lambda e: e['X'] @ e['w'] + e['b']
XY['dldw'] = (g_reg, [lambda e: ngrad(lambda w: Lx(e, w, e['b']), e['w']),
                      lambda e: e['X'].T @ (yhat_r(e) - e['y'])])
XY['dldb'] = (g_reg, [lambda e: nderiv(lambda b: Lx(e, e['w'], b), e['b']),
                      lambda e: np.sum(yhat_r(e) - e['y'])])
XY['matrix'] = (g_reg, [lambda e: ngrad(lambda w: Lx(e, w, e['b']), e['w']),
                        lambda e: e['X'].T @ (e['X'] @ e['w'] - e['y'])])

# ----------------------------------------------------------------------------- leehyeoksu
LH = {}
LH['ax'] = (g_vec, [lambda e: den(lambda y: e['A'] @ y, e['x']), lambda e: e['A'].T])
LH['ax-transpose'] = (g_vec, [lambda e: den(lambda y: e['A'] @ y, e['x']), lambda e: e['A']])
LH['quad'] = (g_vec, [quad, lambda e: (e['A'] + e['A'].T) @ e['x']])
LH['quad-term'] = (g_vec, [quad, lambda e: e['A'] @ e['x']])
gtrab = lambda e: ngrad(lambda M: tr(M @ e['B']), e['A'])
LH['trab'] = (g_mats, [gtrab, lambda e: e['B'].T])
LH['trab-transpose'] = (g_mats, [gtrab, lambda e: e['B']])
glsq = lambda e: ngrad(lambda v: np.sum((e['A'] @ v - e['b']) ** 2), e['x'])
LH['lsq'] = (g_vec, [glsq, lambda e: 2 * e['A'].T @ (e['A'] @ e['x'] - e['b'])])
LH['lsq-factor'] = (g_vec, [glsq, lambda e: e['A'].T @ (e['A'] @ e['x'] - e['b'])])
glin = lambda e: ngrad(lambda w: np.sum((e['X'] @ w - e['y']) ** 2), e['w'])
LH['linreg'] = (g_reg, [glin, lambda e: 2 * e['X'].T @ (e['X'] @ e['w'] - e['y'])])
LH['linreg-sign'] = (g_reg, [glin, lambda e: 2 * e['X'].T @ (e['y'] - e['X'] @ e['w'])])
gridge = lambda e: ngrad(lambda w: np.sum((e['X'] @ w - e['y']) ** 2) + e['lam'] * w @ w, e['w'])
LH['ridge'] = (g_reg, [gridge, lambda e: 2 * e['X'].T @ (e['X'] @ e['w'] - e['y']) + 2 * e['lam'] * e['w']])
LH['ridge-factor'] = (g_reg, [gridge, lambda e: 2 * e['X'].T @ (e['X'] @ e['w'] - e['y']) + e['lam'] * e['w']])
gw = lambda e: ngrad(lambda W: np.sum((W @ e['XX'] - e['Y']) ** 2), e['W'])
LH['weight'] = (g_reg, [gw, lambda e: 2 * (e['W'] @ e['XX'] - e['Y']) @ e['XX'].T])
LH['weight-order'] = (g_reg, [gw, lambda e: 2 * e['XX'].T @ (e['W'] @ e['XX'] - e['Y'])])


def logloss(e, w):
    p = sig(e['X'] @ w)
    return -np.sum(e['ybin'] * np.log(p) + (1 - e['ybin']) * np.log(1 - p))


glog = lambda e: ngrad(lambda w: logloss(e, w), e['w'])
LH['logreg'] = (g_reg, [glog, lambda e: e['X'].T @ (sig(e['X'] @ e['w']) - e['ybin'])])
LH['logreg-sign'] = (g_reg, [glog, lambda e: e['X'].T @ (e['ybin'] - sig(e['X'] @ e['w']))])
gsm = lambda e: ngrad(lambda z: -np.sum(e['y'] * np.log(softmax(z))), e['theta'])
LH['softmax-ce'] = (g_w2v, [gsm, lambda e: softmax(e['theta']) - e['y']])
LH['softmax-ce-sign'] = (g_w2v, [gsm, lambda e: e['y'] - softmax(e['theta'])])
u_of = lambda e, v: e['A'] @ v - e['bb']
chain_lhs = lambda e: ngrad(lambda v: np.sum(u_of(e, v) ** 2), e['x'])
chain_jac = lambda e: njac(lambda v: u_of(e, v), e['x']).T @ ngrad(lambda u: u @ u, u_of(e, e['x']))
LH['chain'] = (g_reg, [chain_lhs, chain_jac, lambda e: e['A'].T @ (2 * u_of(e, e['x'])),
                       lambda e: 2 * e['A'].T @ (e['A'] @ e['x'] - e['bb'])])
LH['chain-factor'] = (g_reg, [chain_lhs, chain_jac, lambda e: e['A'].T @ u_of(e, e['x']),
                              lambda e: 2 * e['A'].T @ (e['A'] @ e['x'] - e['bb'])])
R = lambda e: e['W'] @ e['XX'] - e['Y']
tt_common = [lambda e: np.sum(R(e) ** 2), lambda e: np.sum(R(e) ** 2), lambda e: tr(R(e).T @ R(e))]
W_, X_, Y_ = (lambda e: e['W']), (lambda e: e['XX']), (lambda e: e['Y'])
LH['tracetrick'] = (g_reg, tt_common + [lambda e: tr(X_(e).T @ W_(e).T @ W_(e) @ X_(e) - 2 * X_(e).T @ W_(e).T @ Y_(e) + Y_(e).T @ Y_(e))])
LH['tracetrick-sign'] = (g_reg, tt_common + [lambda e: tr(X_(e).T @ W_(e).T @ W_(e) @ X_(e) + 2 * X_(e).T @ W_(e).T @ Y_(e) + Y_(e).T @ Y_(e))])
st_common = [lambda e: e['x'] @ e['A'] @ e['x'], lambda e: tr(np.atleast_2d(e['x'] @ e['A'] @ e['x']))]
LH['scalar-trace'] = (g_vec, st_common + [lambda e: tr(e['A'] @ np.outer(e['x'], e['x']))])
LH['scalar-trace-order'] = (g_vec, st_common + [lambda e: tr(e['A'] * (e['x'] @ e['x']))])
LH['cyclic'] = (g_mats, [lambda e: tr(e['A'] @ e['B'] @ e['C']), lambda e: tr(e['B'] @ e['C'] @ e['A']),
                         lambda e: tr(e['C'] @ e['A'] @ e['B'])])
LH['cyclic-swapped'] = (g_mats, [lambda e: tr(e['A'] @ e['B'] @ e['C']), lambda e: tr(e['B'] @ e['A'] @ e['C']),
                                 lambda e: tr(e['C'] @ e['A'] @ e['B'])])
LH['trace-transpose'] = (g_mats, [lambda e: tr(e['A'].T), lambda e: tr(e['A'])])

# ----------------------------------------------------------------------------- Stevring (word2vec)
ST = {}
ce_common = [lambda e: -np.sum(e['y'] * np.log(e['yhat'])),
             lambda e: -sum(e['y'][w] * np.log(e['yhat'][w]) for w in range(len(e['y']))),
             lambda e: -e['y'][e['o']] * np.log(e['yhat'][e['o']])]
ST['ce-onehot'] = (g_w2v, ce_common + [lambda e: -np.log(e['yhat'][e['o']])])
ST['ce-onehot-sign'] = (g_w2v, ce_common + [lambda e: np.log(e['yhat'][e['o']])])
dsig = lambda e: nderiv(sig, e['t'])
ST['sigmoid'] = (g_w2v, [dsig, lambda e: sig(e['t']) * (1 - sig(e['t']))])
ST['sigmoid-sign'] = (g_w2v, [dsig, lambda e: sig(e['t']) * (1 + sig(e['t']))])
ST['dj-dtheta'] = (g_w2v, [gsm, lambda e: (softmax(e['theta']) - e['y'])])
ST['dj-dtheta-sign'] = (g_w2v, [gsm, lambda e: (e['y'] - softmax(e['theta']))])
Jw = lambda e, U, vc: -np.sum(e['y'] * np.log(softmax(U.T @ vc)))       # theta = U^T v_c
yh = lambda e: softmax(e['U'].T @ e['vc'])
dJ_dtheta_row = lambda e: ngrad(lambda th: -np.sum(e['y'] * np.log(softmax(th))), e['U'].T @ e['vc'])
dJ_dvc = lambda e: ngrad(lambda v: Jw(e, e['U'], v), e['vc'])
dJ_dU = lambda e: ngrad(lambda U: Jw(e, U, e['vc']), e['U'])
chain_vc = lambda e: dJ_dtheta_row(e) @ njac(lambda v: e['U'].T @ v, e['vc'])   # row times Jacobian
ST['dj-dvc'] = (g_w2v, [dJ_dvc, chain_vc, chain_vc, lambda e: e['U'].T @ (yh(e) - e['y'])])
ST['dj-du-label'] = (g_w2v, [dJ_dvc, dJ_dU, dJ_dU, lambda e: np.outer(e['vc'], yh(e) - e['y'])])

CLAIM_CHECKS = {}
for prefix, table in (('zc-mbustamanter-', MB), ('zc-i05nagai-', I5), ('zc-ccat3z-', CC), ('zc-', HA),
                      ('zc-x35yao-', XY), ('zc-leehyeoksu-', LH), ('zc-stevring-', ST)):
    for k, v in table.items():
        assert prefix + k not in CLAIM_CHECKS, k
        CLAIM_CHECKS[prefix + k] = v

# ----------------------------------------------------------------------------- documents
# key: (document stem, line, text) -> list of per-link results (None for a definition link)
DEF = None
mb_doc = {
    12: MB['delta'], 18: MB['trx'], 24: MB['trx-chain'], 31: MB['trxa'],
    37: MB['trxa-chain'], 47: MB['trxta-chain'], 58: MB['traxb-chain'], 69: MB['traxtb-chain'],
}
mb_mut = dict(mb_doc)
mb_mut[37] = MB['trxa-chain-index']
mb_mut[58] = MB['traxb-chain-order']

# i05nagai doc, derivation blocks
row_then_x = lambda e: (e['x'] @ e['A']) @ e['x']          # (sum_i x_i a^i_1, ..., sum_i x_i a^i_N) x
sum_j_paren = lambda e: sum(sum(e['x'][i] * e['A'][i, j] for i in range(N)) * e['x'][j] for j in range(N))
dbl = lambda e: sum(e['x'][i] * e['A'][i, j] * e['x'][j] for j in range(N) for i in range(N))


def split_k(e, k, full_i):
    A, x = e['A'], e['x']
    s = sum(x[i] * A[i, j] * x[j] for j in range(N) if j != k for i in range(N))
    if full_i:
        return s + sum(x[i] * A[i, k] * x[k] for i in range(N))
    return s + sum(x[i] * A[i, k] * x[k] for i in range(N) if i != k) + x[k] * A[k, k] * x[k]


def g_vec_k(rng):
    e = g_vec(rng)
    e['k'] = int(rng.integers(0, N))
    return e


inner = lambda e: np.array([e['A'][k, :] @ e['x'] + e['A'][:, k] @ e['x'] for k in range(N)])
i05_doc = {
    21: I5['quadform'], 25: I5['quadform-hessian'],
    32: (g_vec, [lambda e: e['x'] @ e['A'] @ e['x'], row_then_x, sum_j_paren, dbl]),
    43: (g_vec_k, [lambda e: e['x'] @ e['A'] @ e['x'], lambda e: split_k(e, e['k'], True),
                   lambda e: split_k(e, e['k'], False)]),
    53: (g_vec, [quad, lambda e: comp_sum(e, 2), comp_full, inner]),
    65: I5['quadform'],
}
lee_doc = {
    11: LH['ax'], 17: DEF, 21: DEF,
    25: (g_reg, [lambda e: np.sum(u_of(e, e['x']) ** 2), lambda e: u_of(e, e['x']) @ u_of(e, e['x'])]),
    29: LH['chain'], 39: LH['cyclic'], 45: LH['trace-transpose'], 51: LH['scalar-trace'],
    57: LH['ax-transpose'], 61: LH['ax'],
}
st_doc = {
    13: ST['ce-onehot'],
    (21, 'J = CE(y, \\hat{y})'): DEF,
    (21, '\\hat{y} = softmax(\\theta)'): DEF,
    (21, '\\frac{\\partial J}{\\partial \\theta} = (\\hat{y} - y)^T'): ST['dj-dtheta'],
    29: ST['dj-dvc'], 37: ST['dj-du-label'], 45: ST['sigmoid'],
}
DOC_CHECKS = {
    'zc-mbustamanter-traces': mb_doc,
    'zc-mbustamanter-traces-mutated': mb_mut,
    'zc-i05nagai-quadform': i05_doc,
    'zc-leehyeoksu-chain-trace': lee_doc,
    'zc-stevring-word2vec': st_doc,
}


# ----------------------------------------------------------------------------- run
def main():
    failures = []
    claims = yaml.safe_load((HERE / 'claims.yaml').read_text())
    ids = [c['id'] for c in claims]
    assert len(ids) == len(set(ids)), 'duplicate claim ids'
    assert set(ids) == set(CLAIM_CHECKS), (sorted(set(ids) ^ set(CLAIM_CHECKS)))
    n_valid = n_invalid = 0
    for c in claims:
        gen, members = CLAIM_CHECKS[c['id']]
        res = links(gen, members)
        verdict = 'valid' if all(res) else 'invalid'
        n_valid += c['expect'] == 'valid'
        n_invalid += c['expect'] == 'invalid'
        if verdict != c['expect']:
            failures.append(f"claim {c['id']}: expected {c['expect']}, numbers say {verdict} {res}")
    print(f'claims checked: {len(claims)} ({n_valid} valid, {n_invalid} invalid)')

    docs = sorted((HERE / 'docs').glob('*.md'))
    n_links = n_blocks = 0
    assert {d.stem for d in docs} == set(DOC_CHECKS), 'document set differs from DOC_CHECKS'
    for d in docs:
        lines = d.read_text().splitlines()
        exp = yaml.safe_load((HERE / 'docs' / (d.stem + '.expect.yaml')).read_text())
        table = DOC_CHECKS[d.stem]
        used = set()
        for ln in exp['links']:
            line, text, expect = ln['line'], ln['text'], ln['expect']
            assert lines[line - 1].startswith('$$'), f'{d.name}:{line} does not open a $$ block'
            key = (line, text) if (line, text) in table else line
            assert key in table, f'{d.name}: no check for line {line} {text!r}'
            used.add(key)
            check = table[key]
            n_blocks += 1
            if check is DEF:
                n_links += len(expect)
                if expect != ['definition']:
                    failures.append(f'{d.name}:{line} {text!r}: expected {expect}, is a definition')
                continue
            res = links(*check)
            got = ['valid' if r else 'invalid' for r in res]
            n_links += len(expect)
            if got != expect:
                failures.append(f'{d.name}:{line} {text!r}: expected {expect}, numbers say {got}')
        assert used == set(table), f'{d.name}: checks without expectation entries: {set(table) - used}'
        if d.stem.endswith('-mutated'):
            orig = (HERE / 'docs' / (d.stem[:-len('-mutated')] + '.md')).read_text().splitlines()
            changed = [i + 1 for i, (a, b) in enumerate(zip(orig, lines)) if a != b]
            listed = sorted(m['line'] for m in exp['mutations'])
            assert len(orig) == len(lines) and changed == listed and 1 <= len(changed) <= 2, (changed, listed)
            for m in exp['mutations']:
                assert orig[m['line'] - 1] == m['was'] and lines[m['line'] - 1] == m['now'], m
    print(f'documents checked: {len(docs)} ({n_blocks} relation entries, {n_links} links)')

    if failures:
        print(f'FAILED: {len(failures)} disagreement(s)')
        for f in failures:
            print('  ' + f)
        sys.exit(1)
    print('OK: every expectation agrees with the numerical checks')


if __name__ == '__main__':
    main()
