# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zi).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, expectations by exact sums over a discrete law or by
quadrature on a fine grid) or, for printed numbers, compared with one unit of the last printed digit.
No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261206)
RTOL, ATOL = 1e-6, 1e-8
NPTS = 4


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


def jact(f, x, h=1e-6):
    """tensor Jacobian T[out_idx..., in_idx...] = d f[out] / d x[in]"""
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    T = np.zeros(f0.shape + x.shape)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        T[(Ellipsis,) + idx] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return T


def hess(f, x, h=1e-4):
    """Hessian of scalar f at vector x by second central differences"""
    x = np.array(x, float)
    k = x.size
    H = np.zeros((k, k))
    E = np.eye(k) * h
    for a in range(k):
        for b in range(k):
            H[a, b] = (f(x + E[a] + E[b]) - f(x + E[a] - E[b]) - f(x - E[a] + E[b]) + f(x - E[a] - E[b])) / (4 * h * h)
    return H


HTOL = dict(rtol=1e-5, atol=1e-5)


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch / out-of-range index: the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def chain_ok(sides, rtol=RTOL, atol=ATOL):
    """every link of a chain of numerically evaluated sides holds"""
    return all(close(sides[k], sides[k + 1], rtol, atol) for k in range(len(sides) - 1))


def links(sides, rtol=RTOL, atol=ATOL):
    return [close(sides[k], sides[k + 1], rtol, atol) for k in range(len(sides) - 1)]


def every(point_fn, n=NPTS):
    """point_fn() -> list of per-link booleans at one random point; a link holds if it holds at all points"""
    res = None
    for _ in range(n):
        r = point_fn()
        res = r if res is None else [a and b for a, b in zip(res, r)]
    return res


sig = lambda x: 1.0 / (1.0 + np.exp(-x))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def softmax_rows(A):
    e = np.exp(A - A.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


erf = np.vectorize(math.erf)
Phi = lambda z: 0.5 * (1 + erf(z / math.sqrt(2)))
phi = lambda z: np.exp(-z * z / 2) / math.sqrt(2 * math.pi)

CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def pair(ok_id, bad_ids, fn):
    """fn(variant) -> bool; 'ok' for the valid original, the twin id otherwise"""
    CHECK[ok_id] = lambda: for_all(lambda: fn('ok'))
    for b in bad_ids:
        CHECK[b] = (lambda bb: (lambda: for_all(lambda: fn(bb))))(b)


# ======================= statsmodels: Poisson / Logit / Probit =======================
def poisson_point(k=3, n=5):
    X = rng.normal(size=(n, k)) * 0.5
    beta = rng.normal(size=k) * 0.5
    y = rng.integers(0, 5, size=n).astype(float)
    lgam = np.array([math.lgamma(v + 1) for v in y])
    lnL = lambda b: np.sum(-np.exp(X @ b) + y * (X @ b) - lgam)
    return X, beta, y, lnL


def P_score(v):
    X, b, y, lnL = poisson_point()
    lam = np.exp(X @ b)
    g = fd(lnL, b)
    rhs = {'ok': ((y - lam)[:, None] * X).sum(0), 'zi-sm-poisson-score-sign': ((lam - y)[:, None] * X).sum(0)}[v]
    return close(g, rhs)


pair('zi-sm-poisson-score', ['zi-sm-poisson-score-sign'], P_score)


def P_hess(v):
    X, b, y, lnL = poisson_point()
    lam = np.exp(X @ b)
    H = hess(lnL, b)
    w = {'ok': lam, 'zi-sm-poisson-hessian-square': lam ** 2}[v]
    rhs = -np.einsum('i,ij,ik->jk', w, X, X)
    return close(H, rhs, **HTOL)


pair('zi-sm-poisson-hessian', ['zi-sm-poisson-hessian-square'], P_hess)


@check('zi-sm-poisson-score-factor')
def _():
    def p():
        X, b, y, lnL = poisson_point(k=1, n=1)   # one observation, one regressor: d lnL_i / d beta is a scalar
        lam = np.exp(X @ b)
        return close(fd(lnL, b), (y - lam))
    return for_all(p)


@check('zi-sm-poisson-hessian-factor')
def _():
    def p():
        X, b, y, lnL = poisson_point(k=1, n=4)
        lam = np.exp(X @ b)
        H = hess(lnL, b)
        return close(H, np.array([[-lam.sum()]]), **HTOL)
    return for_all(p)


def binary_point(k=3, n=6):
    X = rng.normal(size=(n, k)) * 0.7
    beta = rng.normal(size=k) * 0.7
    y = rng.integers(0, 2, size=n).astype(float)
    q = 2 * y - 1
    return X, beta, y, q


def L_score(v):
    X, b, y, q = binary_point()
    lnL = lambda bb: np.sum(np.log(sig(q * (X @ bb))))
    Lam = sig(X @ b)
    s = ((y - Lam)[:, None] * X).sum(0)
    rhs = {'ok': s, 'zi-sm-logit-score-mean': s / len(y)}[v]
    return close(fd(lnL, b), rhs)


pair('zi-sm-logit-score', ['zi-sm-logit-score-mean'], L_score)


def L_hess(v):
    X, b, y, q = binary_point()
    lnL = lambda bb: np.sum(np.log(sig(q * (X @ bb))))
    Lam = sig(X @ b)
    H = hess(lnL, b)
    rhs = -np.einsum('i,ij,ik->jk', Lam * (1 - Lam), X, X)
    rhs = {'ok': rhs, 'zi-sm-logit-hessian-sign': -rhs}[v]
    return close(H, rhs, **HTOL)


pair('zi-sm-logit-hessian', ['zi-sm-logit-hessian-sign'], L_hess)


def B_score(v):
    X, b, y, q = binary_point()
    lnL = lambda bb: np.sum(np.log(Phi(q * (X @ bb))))
    z = q * (X @ b)
    w = {'ok': q * phi(z) / Phi(z), 'zi-sm-probit-score-noq': phi(z) / Phi(z)}[v]
    return close(fd(lnL, b), (w[:, None] * X).sum(0))


pair('zi-sm-probit-score', ['zi-sm-probit-score-noq'], B_score)


@check('zi-sm-probit-hessian')
def _():
    def p():
        X, b, y, q = binary_point(k=2, n=4)
        lnL = lambda bb: np.sum(np.log(Phi(q * (X @ bb))))
        H = hess(lnL, b)
        xb = X @ b
        lam = q * phi(q * xb) / Phi(q * xb)
        terms = [-lam[i] * (lam[i] + xb[i]) * np.outer(X[i], X[i]) for i in range(len(y))]
        assert close(H, sum(terms), **HTOL)     # the summed version is the Hessian
        return any(close(H, t, **HTOL) for t in terms)   # as printed: one term, no sum
    return for_all(p)


# ======================= leehanchung: word2vec =======================
@check('zi-lee-ce-onehot', 'zi-lee-ce-onehot-sign')
def _():
    pass


def ce_onehot(v):
    Vn = 6
    yh = softmax(rng.normal(size=Vn))
    o = rng.integers(Vn)
    y = np.zeros(Vn); y[o] = 1
    lhs = -np.sum(y * np.log(yh))
    rhs = {'ok': -np.log(yh[o]), 'zi-lee-ce-onehot-sign': np.log(yh[o])}[v]
    return close(lhs, rhs)


CHECK.pop('zi-lee-ce-onehot'); CHECK.pop('zi-lee-ce-onehot-sign')
pair('zi-lee-ce-onehot', ['zi-lee-ce-onehot-sign'], ce_onehot)


def naive_point(d, Vn):
    U = rng.normal(size=(d, Vn))
    vc = rng.normal(size=d)
    o = rng.integers(Vn)
    y = np.zeros(Vn); y[o] = 1
    J = lambda v: -np.sum(y * np.log(softmax(U.T @ v)))
    yh = softmax(U.T @ vc)
    return U, vc, y, yh, J


def dvc(v):
    res = []
    for d, Vn in ((3, 5), (4, 4)):
        U, vc, y, yh, J = naive_point(d, Vn)
        g = fd(J, vc)
        rhs = {'ok': lambda: U @ (yh - y), 'zi-lee-dvc-transpose': lambda: U.T @ (yh - y),
               'zi-lee-dU-source': lambda: (yh - y) * vc if d == Vn else np.outer(yh - y, vc)}[v]
        res.append(safe(lambda: close(g, rhs())))
    return all(res)


pair('zi-lee-dvc', ['zi-lee-dvc-transpose'], dvc)
CHECK['zi-lee-dU-source'] = lambda: for_all(lambda: dvc('zi-lee-dU-source'))


def sigm(v):
    x = rng.normal() * 2
    s = sig(x)
    g = d1(sig, x)
    if v in ('ok', 'zi-lee-sigmoid-sign'):
        return close(g, s * (1 - s) if v == 'ok' else s * (1 + s))
    e = math.exp(x)
    if v == 'quot':
        return chain_ok([g, ((e + 1) * e - e * e) / (e + 1) ** 2, e / (e + 1) ** 2])
    return chain_ok([g, ((e + 1) * e - e * e) / (e + 1), e / (e + 1)])


pair('zi-lee-sigmoid', ['zi-lee-sigmoid-sign'], sigm)
CHECK['zi-lee-sigmoid-quot'] = lambda: for_all(lambda: sigm('quot'))
CHECK['zi-lee-sigmoid-quot-square'] = lambda: for_all(lambda: sigm('quot-square'))


@check('zi-lee-quotient-rule')
def _():
    def p():
        a, c = rng.normal(size=2)
        g = lambda t: np.sin(a * t) + 2.0
        h = lambda t: np.exp(c * t) + 1.0
        x = rng.normal()
        f = lambda t: g(t) / h(t)
        return close(d1(f, x), (d1(g, x) * h(x) + g(x) * d1(h, x)) / h(x) ** 2)
    return for_all(p)


def neg_point(d=3, K=4):
    vc = rng.normal(size=d); uo = rng.normal(size=d); Uk = rng.normal(size=(K, d))
    J = lambda vc, uo, Uk: -np.log(sig(uo @ vc)) - np.sum(np.log(sig(-Uk @ vc)))
    return vc, uo, Uk, J


def neg(v):
    vc, uo, Uk, J = neg_point()
    if v in ('uo', 'zi-lee-neg-uo-sign'):
        g = fd(lambda u: J(vc, u, Uk), uo)
        c = sig(uo @ vc) - 1
        return close(g, (c if v == 'uo' else -c) * vc)
    if v in ('uk', 'zi-lee-neg-uk-inner'):
        G = fd(lambda U: J(vc, uo, U), Uk)
        z = Uk @ vc
        c = (1 - sig(-z)) if v == 'uk' else (1 - sig(z))
        return close(G, c[:, None] * vc[None, :])
    g = fd(lambda w: J(w, uo, Uk), vc)
    s = -1 if v == 'vc' else 1
    return close(g, (sig(uo @ vc) - 1) * uo + s * ((sig(-Uk @ vc) - 1)[:, None] * Uk).sum(0))


for a, b, key in (('zi-lee-neg-uo', 'zi-lee-neg-uo-sign', 'uo'), ('zi-lee-neg-uk', 'zi-lee-neg-uk-inner', 'uk'),
                  ('zi-lee-neg-vc', 'zi-lee-neg-vc-plus', 'vc')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: neg(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: neg(kk))))(b)


# ======================= annp0: matmul backprop and attention =======================
def lossY(shape):
    c = rng.normal(size=shape); dd = rng.normal(size=shape)
    L = lambda Y: np.sum(c * Y) + 0.5 * np.sum(dd * Y * Y)
    dL = lambda Y: c + dd * Y
    return L, dL


def mm_point(p, q, r):
    W = rng.normal(size=(p, q)); X = rng.normal(size=(q, r))
    L, dL = lossY((p, r))
    return W, X, L, dL


def mm(v):
    out = []
    for p, q, r in ((3, 4, 2), (4, 4, 4)):
        W, X, L, dL = mm_point(p, q, r)
        Y = W @ X
        G = dL(Y)
        if v in ('dydx', 'zi-ann-dy-dx-index'):
            T = jact(lambda XX: W @ XX, X)          # T[i,j,m,n]
            def rhs():
                R = np.zeros_like(T)
                for i, j, m, n in np.ndindex(T.shape):
                    R[i, j, m, n] = (W[i, m] if v == 'dydx' else W[m, i]) * (n == j)
                return R
            out.append(safe(lambda: close(T, rhs())))
        elif v in ('dldx', 'zi-ann-dl-dx-index'):
            g = fd(lambda XX: L(W @ XX), X)
            def rhs():
                R = np.zeros_like(g)
                for m, n in np.ndindex(g.shape):
                    R[m, n] = sum((G[i, n] * W[i, m]) if v == 'dldx' else (G[i, m] * W[i, n]) for i in range(p))
                return R
            out.append(safe(lambda: close(g, rhs())))
        elif v in ('dldX', 'zi-ann-dl-dX-order'):
            g = fd(lambda XX: L(W @ XX), X)
            out.append(safe(lambda: close(g, W.T @ G if v == 'dldX' else G @ W.T)))
        else:
            g = fd(lambda WW: L(WW @ X), W)
            out.append(safe(lambda: close(g, G @ X.T if v == 'dldW' else X.T @ G)))
    return all(out)


for a, b, key in (('zi-ann-dy-dx', 'zi-ann-dy-dx-index', 'dydx'), ('zi-ann-dl-dx', 'zi-ann-dl-dx-index', 'dldx'),
                  ('zi-ann-dl-dX', 'zi-ann-dl-dX-order', 'dldX'), ('zi-ann-dl-dW', 'zi-ann-dl-dW-order', 'dldW')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: mm(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: mm(kk))))(b)


def att_point(T=4, dk=3, dv=2):
    Q = rng.normal(size=(T, dk)); K = rng.normal(size=(T, dk)); V = rng.normal(size=(T, dv))
    M = rng.normal(size=(T, T))
    Lo, dLo = lossY((T, dv))
    A = Q @ K.T / math.sqrt(dk)
    D = softmax_rows(A - M)
    O = D @ V
    G = dLo(O)
    LA = lambda AA: Lo(softmax_rows(AA - M) @ V)
    return dict(Q=Q, K=K, V=V, M=M, A=A, D=D, O=O, G=G, Lo=Lo, LA=LA, dk=dk, T=T, dv=dv)


def att(v):
    P = att_point()
    Q, K, V, M, A, D, O, G, Lo, LA, dk = (P[k] for k in 'Q K V M A D O G Lo LA dk'.split())
    LQKV = lambda QQ, KK, VV: Lo(softmax_rows(QQ @ KK.T / math.sqrt(dk) - M) @ VV)
    if v in ('dV', 'zi-ann-att-dV-transpose'):
        g = fd(lambda VV: LQKV(Q, K, VV), V)
        return close(g, D.T @ G if v == 'dV' else D @ G)
    gA = fd(LA, A)
    if v in ('dQ', 'zi-ann-att-dQ-scale'):
        g = fd(lambda QQ: LQKV(QQ, K, V), Q)
        return close(g, (gA @ K) / (math.sqrt(dk) if v == 'dQ' else 1.0))
    if v in ('dK', 'zi-ann-att-dK-transpose'):
        g = fd(lambda KK: LQKV(Q, KK, V), K)
        gKT = fd(lambda KT: LQKV(Q, KT.T, V), K.T).T
        last = (gA.T @ Q) if v == 'dK' else (gA @ Q)
        return chain_ok([g, gKT, last / math.sqrt(dk)])
    if v in ('dD', 'zi-ann-att-dD-order'):
        g = fd(lambda DD: Lo(DD @ V), D)
        return safe(lambda: close(g, G @ V.T if v == 'dD' else V.T @ G))
    if v in ('jac', 'zi-ann-softmax-jac-index'):
        Tj = jact(lambda AA: softmax_rows(AA - M), A)   # [a,b,c,d]
        R = np.zeros_like(Tj)
        for a, b, c, d in np.ndindex(Tj.shape):
            R[a, b, c, d] = (a == c) * D[a, b] * ((b == d) - (D[a, d] if v == 'jac' else D[a, b]))
        return close(Tj, R)
    if v in ('dA', 'zi-ann-att-dA-sign'):
        gD = fd(lambda DD: Lo(DD @ V), D)
        Tj = jact(lambda AA: softmax_rows(AA - M), A)
        s1 = np.einsum('ab,abcd->cd', gD, Tj)
        T = D.shape[0]
        s2 = np.array([[sum(gD[c, b] * D[c, b] * ((b == d) - D[c, d]) for b in range(T)) for d in range(T)] for c in range(T)])
        sgn = -1 if v == 'dA' else 1
        s3 = D * (gD + sgn * (D * gD).sum(1, keepdims=True))
        return chain_ok([gA, s1, s2, s3])
    Delta = (G * O).sum(1)
    if v == 'uQ':
        g = fd(lambda QQ: LQKV(QQ, K, V), Q)
        first = np.einsum('ie,be,ib,bj->ij', G, V, D, K) / math.sqrt(dk)
        return close(g, first - (D @ K) * Delta[:, None])
    if v in ('uK', 'zi-ann-unint-dK-index'):
        g = fd(lambda KK: LQKV(Q, KK, V), K)
        GV = G @ V.T                     # GV[a,i] = sum_e G[a,e] V[i,e]
        Dm = D if v == 'uK' else D.T     # D_{ai} vs D_{ia}
        rhs = np.einsum('ai,aj,ai->ij', Dm, Q, GV - Delta[:, None]) / math.sqrt(dk)
        return close(g, rhs)
    raise KeyError(v)


for a, b, key in (('zi-ann-att-dV', 'zi-ann-att-dV-transpose', 'dV'), ('zi-ann-att-dQ', 'zi-ann-att-dQ-scale', 'dQ'),
                  ('zi-ann-att-dK', 'zi-ann-att-dK-transpose', 'dK'), ('zi-ann-att-dD', 'zi-ann-att-dD-order', 'dD'),
                  ('zi-ann-softmax-jac', 'zi-ann-softmax-jac-index', 'jac'), ('zi-ann-att-dA', 'zi-ann-att-dA-sign', 'dA'),
                  ('zi-ann-unint-dK', 'zi-ann-unint-dK-index', 'uK')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: att(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: att(kk))))(b)
CHECK['zi-ann-unint-dQ'] = lambda: for_all(lambda: att('uQ'))


# ======================= joshlk: layer norm in index notation =======================
def ln_point(B=3, H=4, eps=0.1):
    x = rng.normal(size=(B, H)); gam = rng.normal(size=H); bet = rng.normal(size=H)
    Ly, dLy = lossY((B, H))
    def fwd_x(xx):
        m = xx.mean(1)
        mu = xx - m[:, None]
        v = (mu ** 2).mean(1)
        s = np.sqrt(v + eps)
        return m, mu, v, s, mu / s[:, None] * gam[None, :] + bet[None, :]
    m, mu, v, s, y = fwd_x(x)
    G = dLy(y)
    P = dict(x=x, gam=gam, bet=bet, Ly=Ly, G=G, m=m, mu=mu, v=v, s=s, y=y, H=H, B=B, eps=eps, fwd_x=fwd_x)
    P['l_mu_s'] = lambda MU, S: Ly(MU / S[:, None] * gam[None, :] + bet[None, :])
    P['l_mu_v'] = lambda MU, VV: Ly(MU / np.sqrt(VV + eps)[:, None] * gam[None, :] + bet[None, :])
    P['l_mu'] = lambda MU: P['l_mu_v'](MU, (MU ** 2).mean(1))
    P['l_m'] = lambda MM: P['l_mu'](x - MM[:, None])
    P['l_x'] = lambda XX: Ly(fwd_x(XX)[4])
    P['l_gam'] = lambda GG: Ly(mu / s[:, None] * GG[None, :] + bet[None, :])
    P['l_bet'] = lambda BB: Ly(mu / s[:, None] * gam[None, :] + BB[None, :])
    return P


def ln(v):
    P = ln_point()
    G, mu, s, gam, H = P['G'], P['mu'], P['s'], P['gam'], P['H']
    if v in ('dgamma', 'zi-jlk-dgamma-sigma'):
        rhs = (G * mu / s[:, None]).sum(0) if v == 'dgamma' else (G * mu).sum(0)
        return close(fd(P['l_gam'], gam), rhs)
    if v in ('dbeta', 'zi-jlk-dbeta-gamma'):
        rhs = G.sum(0) if v == 'dbeta' else (G * gam[None, :]).sum(0)
        return close(fd(P['l_bet'], P['bet']), rhs)
    if v in ('dsigma', 'zi-jlk-dsigma-exp'):
        k = 2 if v == 'dsigma' else 1
        return close(fd(lambda S: P['l_mu_s'](mu, S), s), -(G * mu * gam[None, :]).sum(1) * s ** (-k))
    if v in ('dsdv', 'zi-jlk-dsigma-dv-half'):
        Jt = jact(lambda VV: np.sqrt(VV + P['eps']), P['v'])
        return close(Jt, np.diag(1 / (2 * s) if v == 'dsdv' else 1 / s))
    if v in ('dv', 'zi-jlk-dv-exp'):
        k = 3 if v == 'dv' else 2
        return close(fd(lambda VV: P['l_mu_v'](mu, VV), P['v']), -(G * mu * gam[None, :]).sum(1) / (2 * s ** k))
    if v in ('dvdmu', 'zi-jlk-dv-dmu-two'):
        Jt = jact(lambda MU: (MU ** 2).mean(1), mu)      # [b,p,q]
        c = 2 if v == 'dvdmu' else 1
        R = np.zeros_like(Jt)
        for b, p, q in np.ndindex(Jt.shape):
            R[b, p, q] = c / H * mu[b, q] * (b == p)
        return close(Jt, R)
    if v in ('dmu', 'zi-jlk-dmu-path'):
        dlv = fd(lambda VV: P['l_mu_v'](mu, VV), P['v'])
        rhs = G * gam[None, :] / s[:, None]
        if v == 'dmu':
            rhs = dlv[:, None] * 2 * mu / H + rhs
        return close(fd(P['l_mu'], mu), rhs)
    if v in ('dm', 'zi-jlk-dm-sign'):
        sg = -1 if v == 'dm' else 1
        return close(fd(P['l_m'], P['m']), sg * (G * gam[None, :]).sum(1) / s)
    if v in ('dx', 'zi-jlk-dx-H'):
        Hd = H if v == 'dx' else 1
        t = (G * gam[None, :]).sum(1)[:, None] / s[:, None] + (G * gam[None, :] * mu).sum(1)[:, None] * mu / s[:, None] ** 3
        rhs = G * gam[None, :] / s[:, None] - t / Hd
        return close(fd(P['l_x'], P['x']), rhs)
    raise KeyError(v)


for a, b, key in (('zi-jlk-dgamma', 'zi-jlk-dgamma-sigma', 'dgamma'), ('zi-jlk-dbeta', 'zi-jlk-dbeta-gamma', 'dbeta'),
                  ('zi-jlk-dsigma', 'zi-jlk-dsigma-exp', 'dsigma'), ('zi-jlk-dsigma-dv', 'zi-jlk-dsigma-dv-half', 'dsdv'),
                  ('zi-jlk-dv', 'zi-jlk-dv-exp', 'dv'), ('zi-jlk-dv-dmu', 'zi-jlk-dv-dmu-two', 'dvdmu'),
                  ('zi-jlk-dmu', 'zi-jlk-dmu-path', 'dmu'), ('zi-jlk-dm', 'zi-jlk-dm-sign', 'dm'), ('zi-jlk-dx', 'zi-jlk-dx-H', 'dx')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: ln(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: ln(kk))))(b)


# ======================= saikrishnaponnam: batch norm (single feature) and calculus =======================
def bn_point(m=5, eps=0.1):
    x = rng.normal(size=m); gam, bet = rng.normal(size=2)
    Ly, dLy = lossY((m,))
    def fwd(xx, gg=gam, bb=bet):
        mu = xx.mean(); var = ((xx - mu) ** 2).mean(); s = math.sqrt(var + eps)
        xh = (xx - mu) / s
        return mu, var, s, xh, gg * xh + bb
    mu, var, s, xh, y = fwd(x)
    return dict(x=x, gam=gam, bet=bet, Ly=Ly, delta=dLy(y), mu=mu, var=var, s=s, xh=xh, y=y, m=m, eps=eps, fwd=fwd)


def bn(v):
    P = bn_point()
    x, gam, bet, Ly, dl, mu, var, s, xh, m, fwd = (P[k] for k in 'x gam bet Ly delta mu var s xh m fwd'.split())
    N = m
    if v in ('dgamma', 'zi-sai-dgamma-x'):
        g = d1(lambda gg: Ly(fwd(x, gg, bet)[4]), gam)
        dy_dg = np.array([d1(lambda gg: fwd(x, gg, bet)[4][i], gam) for i in range(m)])
        last = np.sum(dl * xh) if v == 'dgamma' else np.sum(dl * x)
        return chain_ok([g, np.sum(dl * dy_dg), last])
    if v in ('dbeta', 'zi-sai-dbeta-mean'):
        g = d1(lambda bb: Ly(fwd(x, gam, bb)[4]), bet)
        dy_db = np.array([d1(lambda bb: fwd(x, gam, bb)[4][i], bet) for i in range(m)])
        last = np.sum(dl) if v == 'dbeta' else np.sum(dl) / m
        return chain_ok([g, np.sum(dl * dy_db), last])
    if v in ('dx', 'zi-sai-dx-sign'):
        g = fd(lambda xx: Ly(fwd(xx)[4]), x)
        sg = -1 if v == 'dx' else 1
        return close(g, gam / (m * s) * (m * dl - dl.sum() + sg * xh * np.sum(dl * xh)))
    if v in ('dvar', 'zi-sai-dvar-two'):
        c = 2 if v == 'dvar' else 1
        return close(fd(lambda xx: fwd(xx)[1], x), c / N * (x - mu))
    if v == 'dvar-chain':
        g = fd(lambda xx: fwd(xx)[1], x)
        mid = fd(lambda xx: np.sum(xx ** 2 + xx.mean() ** 2 - 2 * xx * xx.mean()), x)
        return chain_ok([g, mid, 2 / N * (x - mu)])
    Jx = jact(lambda xx: fwd(xx)[3], x)        # Jx[j, i] = d xhat_j / d x_i
    if v in ('diag', 'zi-sai-dxhat-diag-exp'):
        k = 3 if v == 'diag' else 2
        return close(np.diag(Jx), (m - 1) / (m * s) - (x - mu) ** 2 / (N * s ** k))
    if v == 'offdiag':
        j = (np.arange(m) + 1) % m
        return close(np.diag(Jx), -1 / (m * s) - (x[j] - mu) * (x - mu) / (N * s ** 3))
    dxm = jact(lambda xx: xx - xx.mean(), x)                      # d(x_j - mu)/dx_i
    dinv = fd(lambda xx: 1 / math.sqrt(((xx - xx.mean()) ** 2).mean() + P['eps']), x)   # d(1/sigma)/dx_i
    dv = fd(lambda xx: ((xx - xx.mean()) ** 2).mean(), x)
    if v in ('prod', 'zi-sai-dxhat-product-sign'):
        sg = 1 if v == 'prod' else -1
        return close(Jx, dxm / s + sg * np.outer(x - mu, dinv))
    if v in ('svar', 'zi-sai-dxhat-var-half'):
        c = 2 if v == 'svar' else 1
        return close(Jx, dxm / s - np.outer(x - mu, dv) / (c * s ** 3))
    if v in ('final', 'zi-sai-dxhat-final-2N'):
        c = 1 if v == 'final' else 2
        return close(Jx, dxm / s - np.outer(x - mu, x - mu) / (c * N * s ** 3))
    raise KeyError(v)


for a, b, key in (('zi-sai-dgamma', 'zi-sai-dgamma-x', 'dgamma'), ('zi-sai-dbeta', 'zi-sai-dbeta-mean', 'dbeta'),
                  ('zi-sai-dx', 'zi-sai-dx-sign', 'dx'), ('zi-sai-dvar', 'zi-sai-dvar-two', 'dvar'),
                  ('zi-sai-dxhat-diag', 'zi-sai-dxhat-diag-exp', 'diag'), ('zi-sai-dxhat-product', 'zi-sai-dxhat-product-sign', 'prod'),
                  ('zi-sai-dxhat-var', 'zi-sai-dxhat-var-half', 'svar'), ('zi-sai-dxhat-final', 'zi-sai-dxhat-final-2N', 'final')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: bn(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: bn(kk))))(b)
CHECK['zi-sai-dvar-chain'] = lambda: for_all(lambda: bn('dvar-chain'))
CHECK['zi-sai-dxhat-offdiag'] = lambda: for_all(lambda: bn('offdiag'))


def calc(v):
    A = rng.normal(size=(3, 4)); x = rng.normal(size=4)
    if v in ('Ax', 'zi-sai-grad-Ax-transpose'):
        Jac = jact(lambda xx: A @ xx, x)       # [out, in] = A
        grad = Jac.T                            # gradient laid out like x: one row per x_k
        return safe(lambda: close(grad, A.T if v == 'Ax' else A))
    if v in ('xAx', 'zi-sai-grad-xAx-sym'):
        S = rng.normal(size=(4, 4))
        g = fd(lambda xx: xx @ S @ xx, x)
        return close(g, (S + S.T) @ x if v == 'xAx' else 2 * S @ x)
    X = rng.normal(size=(3, 4))
    g = fd(lambda XX: np.sum(XX ** 2), X)
    return close(g, 2 * X if v == 'frob' else X)


for a, b, key in (('zi-sai-grad-Ax', 'zi-sai-grad-Ax-transpose', 'Ax'), ('zi-sai-grad-xAx', 'zi-sai-grad-xAx-sym', 'xAx'),
                  ('zi-sai-grad-frob', 'zi-sai-grad-frob-two', 'frob')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: calc(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: calc(kk))))(b)


# ======================= cadizm: Gaussian MLE =======================
HEIGHTS = np.array([66.75, 70.24, 67.19, 67.09, 63.65, 64.64, 69.81, 69.79, 73.52, 71.74])


def g_point(n=6):
    x = rng.normal(size=n) * 1.5 + 0.3
    mu = rng.normal(); sg = float(rng.uniform(0.6, 2.5))
    while abs(sg - 1) < 0.1:
        sg = float(rng.uniform(0.6, 2.5))
    Lf = lambda m_, s_: np.prod(np.exp(-0.5 * (x - m_) ** 2 / s_ ** 2) / (np.sqrt(2 * np.pi) * s_))
    ell = lambda m_, s_: np.log(Lf(m_, s_))
    return x, mu, sg, n, ell


def gm(v):
    x, mu, sg, n, ell = g_point()
    S2 = np.sum((x - mu) ** 2)
    if v in ('loglik', 'zi-cad-loglik-half'):
        c = 0.5 if v == 'loglik' else 1.0
        return close(ell(mu, sg), -n / 2 * np.log(2 * np.pi) - n * np.log(sg) - c * S2 / sg ** 2)
    gmu = d1(lambda t: ell(t, sg), mu)
    gsg = d1(lambda t: ell(mu, t), sg)
    if v in ('dmu', 'zi-cad-dmu-n'):
        last = (x.sum() - n * mu) / sg ** 2 if v == 'dmu' else (x.sum() - mu) / sg ** 2
        return chain_ok([gmu, -0.5 * np.sum(2 * (x - mu)) / sg ** 2 * (-1), (x.sum() - n * mu) / sg ** 2, last])
    if v == 'dsigma':
        return chain_ok([gsg, -n / sg - 0.5 * S2 * (-2) / sg ** 3, -n / sg + S2 / sg ** 3])
    if v == 'zi-cad-dsigma-exp':
        return close(gsg, -n / sg + S2 / sg ** 2)
    if v == 'zi-cad-dmu-source':
        return close(gmu, (x.sum() - n * mu) / sg)
    if v == 'zi-cad-dsigma-source':
        return close(gsg, -n + S2 / sg ** 2)
    if v == 'zi-cad-lik-source':
        lhs = np.prod(np.exp(-0.5 * (x - mu) ** 2 / sg ** 2) / np.sqrt(2 * np.pi * sg))
        return close(lhs, np.exp(-0.5 * S2 / sg ** 2) / (np.sqrt(2 * np.pi) ** n * sg ** n))
    a = float(rng.uniform(0.2, 5.0)); k = float(rng.normal() * 2)
    if v == 'recip':
        return close(np.log(1 / a), -np.log(a))
    if v == 'zi-cad-log-recip-inv':
        return close(np.log(1 / a), 1 / np.log(a))
    if v == 'power':
        return close(np.log(a ** k), k * np.log(a))
    if v == 'zi-cad-log-power-out':
        return close(np.log(a ** k), np.log(a) ** k) if np.log(a) > 0 else False
    raise KeyError(v)


for a, b, key in (('zi-cad-loglik', 'zi-cad-loglik-half', 'loglik'), ('zi-cad-dmu', 'zi-cad-dmu-n', 'dmu'),
                  ('zi-cad-dsigma', 'zi-cad-dsigma-exp', 'dsigma'), ('zi-cad-log-recip', 'zi-cad-log-recip-inv', 'recip'),
                  ('zi-cad-log-power', 'zi-cad-log-power-out', 'power')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: gm(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: gm(kk))))(b)
for k in ('zi-cad-dmu-source', 'zi-cad-dsigma-source', 'zi-cad-lik-source'):
    CHECK[k] = (lambda kk: (lambda: for_all(lambda: gm(kk))))(k)
CHECK['zi-cad-muhat'] = lambda: num(np.sum(HEIGHTS) / 10, 68.442, 0.001)
CHECK['zi-cad-muhat-digits'] = lambda: num(np.sum(HEIGHTS) / 10, 68.424, 0.001)


# ======================= phykn: KL of normals, reparameterization, expectation/variance =======================
def kl_point():
    mp, mq = rng.normal(size=2); sp, sq = rng.uniform(0.5, 2.0, size=2)
    xs = np.linspace(mp - 14 * sp, mp + 14 * sp, 200001)     # p is negligible outside
    # log densities in closed form (exp of the exponent would underflow far in the tails of q)
    logp = -np.log(np.sqrt(2 * np.pi) * sp) - (xs - mp) ** 2 / (2 * sp ** 2)
    logq = -np.log(np.sqrt(2 * np.pi) * sq) - (xs - mq) ** 2 / (2 * sq ** 2)
    p = np.exp(logp)
    Ep = lambda f: np.trapezoid(p * f, xs)
    return mp, mq, sp, sq, xs, p, logp, logq, Ep


KTOL = dict(rtol=1e-7, atol=1e-7)


def kl(v):
    mp, mq, sp, sq, xs, p, logp, logq, Ep = kl_point()
    D = Ep(logp - logq)
    closed = np.log(sq / sp) + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2) - 0.5
    if v == 'kl':
        return close(D, closed, **KTOL)
    if v == 'zi-phy-kl-ratio':
        return close(D, np.log(sp / sq) + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2) - 0.5, **KTOL)
    lp = np.log(1 / (np.sqrt(2 * np.pi) * sp)); lq = np.log(1 / (np.sqrt(2 * np.pi) * sq))
    if v in ('elogp', 'zi-phy-elogp-var'):
        return close(Ep(logp), lp - (0.5 if v == 'elogp' else 1 / (2 * sp ** 2)), **KTOL)
    if v in ('elogq', 'zi-phy-elogq-sign'):
        sgn = 1 if v == 'elogq' else -1
        return close(Ep(logq), lq - (sp ** 2 + sgn * (mp - mq) ** 2) / (2 * sq ** 2), **KTOL)
    raise KeyError(v)


for a, b, key in (('zi-phy-kl', 'zi-phy-kl-ratio', 'kl'), ('zi-phy-elogp', 'zi-phy-elogp-var', 'elogp'),
                  ('zi-phy-elogq', 'zi-phy-elogq-sign', 'elogq')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: kl(kk), 2)))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: kl(kk), 2)))(b)


def disc_law(n=5):
    """a random discrete random variable: outcomes and probabilities; E is the exact weighted sum"""
    xs = rng.normal(size=n) * 2; ps = rng.uniform(0.1, 1.0, size=n); ps /= ps.sum()
    return xs, ps


def reparam(v):
    d = 3
    mu = rng.normal(size=d); sg = rng.uniform(0.3, 2.0, size=d)
    # epsilon: independent components, each +1 or -1 with probability 1/2 (mean 0, variance 1), enumerated exactly
    eps = np.array(np.meshgrid(*[[-1.0, 1.0]] * d, indexing='ij')).reshape(d, -1).T
    w = np.full(len(eps), 1.0 / len(eps))
    E = lambda Z: (w[:, None] * Z).sum(0)
    Var = lambda Z: E(Z ** 2) - E(Z) ** 2
    z = mu[None, :] + sg[None, :] * eps
    if v == 'mean':
        return chain_ok([E(z), E(mu[None, :] + sg[None, :] * eps), E(np.tile(mu, (len(eps), 1))) + sg * E(eps), mu])
    if v == 'zi-phy-reparam-mean-plus':
        return close(E(z), mu + sg)
    if v == 'var':
        return chain_ok([Var(z), Var(mu[None, :] + sg[None, :] * eps), Var(sg[None, :] * eps), sg ** 2 * Var(eps), sg ** 2])
    if v == 'zi-phy-reparam-var-sd':
        return chain_ok([Var(z), Var(sg[None, :] * eps), sg * Var(eps), sg])
    raise KeyError(v)


for a, b, key in (('zi-phy-reparam-mean', 'zi-phy-reparam-mean-plus', 'mean'), ('zi-phy-reparam-var', 'zi-phy-reparam-var-sd', 'var')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: reparam(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: reparam(kk))))(b)


def ev(v):
    xs, ps = disc_law()
    E = lambda f: np.sum(ps * f)
    EX = E(xs); EX2 = E(xs ** 2)
    Var = lambda f: E(f ** 2) - E(f) ** 2
    a, b = rng.normal(size=2) * 2
    if v == 'def':
        return chain_ok([Var(xs), E((xs - EX) ** 2), E(xs ** 2 - 2 * xs * EX + EX ** 2), EX2 - 2 * EX * EX + EX ** 2, EX2 - 2 * EX ** 2 + EX ** 2, EX2 - EX ** 2])
    if v == 'zi-phy-var-def-sign':
        return chain_ok([Var(xs), E((xs - EX) ** 2), EX2 + EX ** 2])
    if v == 'scale':
        return chain_ok([Var(a * xs), E((a * xs) ** 2) - E(a * xs) ** 2, E(a * a * xs ** 2) - (a * EX) ** 2, a * a * EX2 - a * a * EX ** 2, a * a * (EX2 - EX ** 2), a * a * Var(xs)])
    if v == 'zi-phy-var-scale-lin':
        return close(Var(a * xs), a * Var(xs))
    if v == 'shift':
        return chain_ok([Var(xs + b), E((xs + b) ** 2) - E(xs + b) ** 2, E(xs ** 2 + 2 * b * xs + b * b) - (EX + b) ** 2,
                         EX2 + 2 * b * EX + b * b - (EX ** 2 + 2 * b * EX + b * b), EX2 - EX ** 2, Var(xs)])
    if v == 'zi-phy-var-shift-b':
        return close(Var(xs + b), Var(xs) + b)
    raise KeyError(v)


for a, b, key in (('zi-phy-var-def', 'zi-phy-var-def-sign', 'def'), ('zi-phy-var-scale', 'zi-phy-var-scale-lin', 'scale'),
                  ('zi-phy-var-shift', 'zi-phy-var-shift-b', 'shift')):
    CHECK[a] = (lambda kk: (lambda: for_all(lambda: ev(kk))))(key)
    CHECK[b] = (lambda kk: (lambda: for_all(lambda: ev(kk))))(b)


# ======================= dianachenyu: squared hinge SVM =======================
def sqh(v):
    n, d = 6, 3
    X = rng.normal(size=(n, d)); y = rng.choice([-1.0, 1.0], size=n); b = rng.normal(size=d) * 0.5; lam = float(rng.uniform(0.1, 2))
    F = lambda bb: np.mean(np.maximum(0, 1 - y * (X @ bb)) ** 2) + lam * np.sum(bb ** 2)
    r = np.maximum(0, 1 - y * (X @ b))
    data = (-y[:, None] * X * r[:, None]).sum(0)
    rhs = {'ok': 2 / n * data + 2 * lam * b, 'zi-dia-grad-lambda': 2 / n * data + lam * b, 'zi-dia-grad-n': 1 / n * data + 2 * lam * b}[v]
    return close(fd(F, b), rhs)


pair('zi-dia-grad', ['zi-dia-grad-lambda', 'zi-dia-grad-n'], sqh)


# ======================= documents =======================
DOCS = {}


def doc(stem, text):
    def deco(fn):
        assert (stem, text) not in DOCS, (stem, text)
        DOCS[(stem, text)] = fn
        return fn
    return deco


def load_links(stem):
    return yaml.safe_load((HERE / 'docs' / (stem + '.expect.yaml')).read_text())['links']


def register(stem, fns):
    """fns: one function per link entry of the expect file, in order"""
    lk = load_links(stem)
    assert len(lk) == len(fns), (stem, len(lk), len(fns))
    for entry, fn in zip(lk, fns):
        doc(stem, entry['text'])(fn)


DEF1 = lambda: [None]

# --- w2v-sigmoid-negsample-leehanchung (+ mutated) ---
def w2v_sig_def():
    return [None] + every(lambda: links([0, 0])[:0] + [close(1 / (1 + math.exp(-(t := rng.normal() * 3))), math.exp(t) / (math.exp(t) + 1))])


def w2v_sig_chain(mut):
    def p():
        x = rng.normal() * 2; e = math.exp(x); s = sig(x)
        s3 = e / (e + 1) if mut else e / (e + 1) ** 2
        return links([d1(sig, x), d1(lambda t: math.exp(t) / (math.exp(t) + 1), x), ((e + 1) * e - e * e) / (e + 1) ** 2, s3,
                      s / (e + 1), s * (-e + e + 1) / (e + 1), s * (-e / (e + 1) + (e + 1) / (e + 1)), s * (1 - s)])
    return lambda: every(p)


for stem, mut in (('w2v-sigmoid-negsample-leehanchung', False), ('w2v-sigmoid-negsample-leehanchung-mutated', True)):
    register(stem, [w2v_sig_def, w2v_sig_chain(mut), DEF1,
                    lambda: [for_all(lambda: neg('uo'))],
                    (lambda m: lambda: [for_all(lambda: neg('zi-lee-neg-uk-inner' if m else 'uk'))])(mut),
                    lambda: [for_all(lambda: neg('vc'))]])


# --- matmul-backprop-annp0 (+ mutated) ---
def mm_doc(kind, mut):
    def p():
        W, X, L, dL = mm_point(4, 4, 3)
        G = dL(W @ X)
        if kind == 'dydx':
            T = jact(lambda XX: W @ XX, X)
            s1 = jact(lambda XX: np.array([[sum(W[i, a] * XX[a, j] for a in range(4)) for j in range(3)] for i in range(4)]), X)
            s2 = sum(jact(lambda XX, a=a: np.array([[W[i, a] * XX[a, j] for j in range(3)] for i in range(4)]), X) for a in range(4))
            s3 = np.zeros_like(T); s4 = np.zeros_like(T)
            for i, j, m, n in np.ndindex(T.shape):
                s3[i, j, m, n] = sum((W[a, i] if mut else W[i, a]) * (m == a) * (n == j) for a in range(4))
                s4[i, j, m, n] = W[i, m] * (n == j)
            return links([T, s1, s2, s3, s4])
        if kind == 'dldx':
            g = fd(lambda XX: L(W @ XX), X)
            T = jact(lambda XX: W @ XX, X)
            s1 = np.einsum('ij,ijmn->mn', G, T)
            s2 = np.zeros_like(g); s3 = np.zeros_like(g)
            for m, n in np.ndindex(g.shape):
                s2[m, n] = sum(G[i, j] * W[i, m] * (n == j) for i in range(4) for j in range(3))
                s3[m, n] = sum(G[i, n] * W[i, m] for i in range(4))
            return links([g, s1, s2, s3])
        if kind == 'dX':
            return [close(fd(lambda XX: L(W @ XX), X), (W if mut else W.T) @ G)]
        return [close(fd(lambda WW: L(WW @ X), W), G @ X.T)]
    return lambda: every(p)


for stem, mut in (('matmul-backprop-annp0', False), ('matmul-backprop-annp0-mutated', True)):
    register(stem, [DEF1, DEF1, mm_doc('dydx', mut), mm_doc('dldx', mut), mm_doc('dX', mut), mm_doc('dW', mut)])


# --- layernorm-sigma-v-joshlk ---
def ln_doc(kind):
    def p():
        P = ln_point()
        G, mu, s, gam, H, v, x, m = (P[k] for k in 'G mu s gam H v x m'.split())
        B = mu.shape[0]
        yfun = lambda S: mu / S[:, None] * gam[None, :] + P['bet'][None, :]
        if kind == 'dy_ds':
            T = jact(yfun, s)                                   # [b,h,p]
            s1 = jact(lambda S: mu * S[:, None] ** -1 * gam[None, :] + np.ones((B, 1)) * P['bet'][None, :], s)
            s2 = np.zeros_like(T)
            for b, h, pp in np.ndindex(T.shape):
                s2[b, h, pp] = -mu[b, h] * s[b] ** -2 * gam[h] * (b == pp)
            return links([T, s1, s2])
        dls = fd(lambda S: P['l_mu_s'](mu, S), s)
        if kind == 'dl_ds':
            T = jact(yfun, s)
            s1 = np.einsum('bh,bhp->p', G, T)
            s2 = np.array([sum(G[b, h] * (-mu[b, h] * s[b] ** -2 * gam[h] * (b == pp)) for b in range(B) for h in range(H)) for pp in range(B)])
            s3 = -(G * mu * gam[None, :]).sum(1) * s ** -2
            return links([dls, s1, s2, s3])
        if kind == 'ds_dv':
            T = jact(lambda VV: np.sqrt(VV + P['eps']), v)
            s1 = jact(lambda VV: (VV + P['eps']) ** 0.5, v)
            return links([T, s1, np.diag(0.5 * (v + P['eps']) ** -0.5), np.diag(1 / (2 * s))])
        dlv = fd(lambda VV: P['l_mu_v'](mu, VV), v)
        if kind == 'dl_dv1':
            T = jact(lambda VV: np.sqrt(VV + P['eps']), v)      # [b,p]
            return links([dlv, dls @ T, dls @ np.diag(1 / (2 * s)), dls / (2 * s)])
        if kind == 'dl_dv2':
            return links([dlv, dls / (2 * s), (-(G * mu * gam[None, :]).sum(1) * s ** -2) / (2 * s), -(G * mu * gam[None, :]).sum(1) / (2 * s ** 3)])
        if kind == 'sum0':
            return links([mu.sum(1), (x - m[:, None]).sum(1), x.sum(1) - H * m, H * m - H * m, np.zeros(B)])
        if kind == 'dm':
            return [close(fd(P['l_m'], m), -(G * gam[None, :]).sum(1) / s)]
        raise KeyError(kind)
    return lambda: every(p)


register('layernorm-sigma-v-joshlk', [DEF1] * 5 + [ln_doc(k) for k in ('dy_ds', 'dl_ds', 'ds_dv', 'dl_dv1', 'dl_dv2', 'sum0', 'dm')])


# --- gaussian-mle-cadizm (+ mutated) ---
def g_doc(kind, mut):
    def p():
        x, mu, sg, n, ell = g_point()
        S2 = np.sum((x - mu) ** 2)
        if kind == 'lik':
            true = np.prod(np.exp(-0.5 * (x - mu) ** 2 / sg ** 2) / (np.sqrt(2 * np.pi) * sg))
            printed = np.prod(np.exp(-0.5 * (x - mu) ** 2 / sg ** 2) / np.sqrt(2 * np.pi * sg))
            closed = np.exp(-0.5 * S2 / sg ** 2) / (np.sqrt(2 * np.pi) ** n * sg ** n)
            return [None] + links([true, printed, closed])
        a = float(rng.uniform(0.2, 5.0)); k = float(rng.normal() * 2)
        if kind == 'recip':
            return [close(np.log(1 / a), -np.log(a))]
        if kind == 'power':
            return [close(np.log(a ** k), k * np.log(a))]
        if kind == 'ell':
            return links([ell(mu, sg), np.log(np.exp(-0.5 * S2 / sg ** 2) / (np.sqrt(2 * np.pi) ** n * sg ** n)),
                          -n / 2 * np.log(2 * np.pi) - n * np.log(sg) - 0.5 * S2 / sg ** 2])
        if kind == 'dmu':
            return links([d1(lambda t: ell(t, sg), mu), -0.5 * np.sum(2 * (x - mu)) / sg ** 2 * (-1),
                          (x.sum() - n * mu) / sg ** 2, (x.sum() - n * mu) / sg ** 2])
        if kind == 'dsig':
            last = -n / sg - S2 / sg ** 3 if mut else -n / sg + S2 / sg ** 3
            return links([d1(lambda t: ell(mu, t), sg), -n / sg - 0.5 * S2 * (-2) / sg ** 3, last])
        raise KeyError(kind)
    return lambda: every(p)


def g_muhat(mut):
    return lambda: [None, num(np.sum(HEIGHTS) / 10, 68.424 if mut else 68.442, 0.001)]


def g_sighat():
    return [None, num(np.sqrt(np.sum((HEIGHTS - 68.442) ** 2) / 10), 2.954, 0.001)]


for stem, mut in (('gaussian-mle-cadizm', False), ('gaussian-mle-cadizm-mutated', True)):
    register(stem, [g_doc('lik', mut), DEF1, g_doc('recip', mut), g_doc('power', mut), g_doc('ell', mut), g_doc('dmu', mut),
                    g_doc('dsig', mut), g_muhat(mut), g_sighat])


# --- kl-univariate-normal-phykn ---
def kl_doc(kind):
    def p():
        mp, mq, sp, sq, xs, p_, logp, logq, Ep = kl_point()
        D = Ep(logp - logq)
        lp = np.log(1 / (np.sqrt(2 * np.pi) * sp)); lq = np.log(1 / (np.sqrt(2 * np.pi) * sq))
        closed = np.log(sq / sp) + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2) - 0.5
        # log( c * exp(u) ) is evaluated as log(c) + u (the product underflows in the far tails)
        if kind == 'closed':
            return [close(D, closed, **KTOL)]
        if kind == 'c1':
            return links([D, np.trapezoid(p_ * (logp - logq), xs), Ep(logp - logq), Ep(logp - logq), Ep(logp) - Ep(logq)], **KTOL)
        if kind == 'c2':
            return links([Ep(logp), Ep(lp + (-(xs - mp) ** 2 / (2 * sp ** 2))),
                          lp - Ep((xs - mp) ** 2) / (2 * sp ** 2), lp - sp ** 2 / (2 * sp ** 2), lp - 0.5], **KTOL)
        if kind == 'c3':
            c = 1 / (2 * sq ** 2)
            return links([Ep(logq), Ep(lq + (-(xs - mq) ** 2 / (2 * sq ** 2))),
                          lq - c * Ep((xs - mq) ** 2), lq - c * Ep(xs ** 2 - 2 * xs * mq + mq ** 2),
                          lq - c * Ep(xs ** 2 - 2 * xs * mq + mq ** 2 - 2 * xs * mp + 2 * xs * mp + mp ** 2 - mp ** 2),
                          lq - c * Ep((xs ** 2 - 2 * xs * mp + mp ** 2) - 2 * xs * mq + 2 * xs * mp + mq ** 2 - mp ** 2),
                          lq - c * (Ep((xs - mp) ** 2) - 2 * mp * mq + 2 * mp ** 2 + mq ** 2 - mp ** 2),
                          lq - (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2)], **KTOL)
        if kind == 'c4':
            return links([D, lp - 0.5 - lq + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2), closed], **KTOL)
        raise KeyError(kind)
    return lambda: every(p, 2)


register('kl-univariate-normal-phykn', [DEF1, kl_doc('closed'), kl_doc('c1'), kl_doc('c2'), kl_doc('c3'), kl_doc('c4')])


# --- batchnorm-backward-saikrishnaponnam ---
def bn_doc(kind):
    def p():
        P = bn_point()
        x, gam, bet, Ly, dl, mu, s, xh, m, fwd = (P[k] for k in 'x gam bet Ly delta mu s xh m fwd'.split())
        N = m
        if kind == 'g':
            return links([d1(lambda gg: Ly(fwd(x, gg, bet)[4]), gam),
                          np.sum(dl * np.array([d1(lambda gg: fwd(x, gg, bet)[4][i], gam) for i in range(m)])), np.sum(dl * xh)])
        if kind == 'b':
            return links([d1(lambda bb: Ly(fwd(x, gam, bb)[4]), bet),
                          np.sum(dl * np.array([d1(lambda bb: fwd(x, gam, bb)[4][i], bet) for i in range(m)])), np.sum(dl)])
        Jx = jact(lambda xx: fwd(xx)[3], x)
        g = fd(lambda xx: Ly(fwd(xx)[4]), x)
        j = (np.arange(m) + 1) % m
        if kind == 'diag':
            return [close(np.diag(Jx), (m - 1) / (m * s) - (x - mu) ** 2 / (N * s ** 3))]
        if kind == 'gdiag':
            return [close(g, dl * gam * ((m - 1) / (m * s) - (x - mu) ** 2 / (N * s ** 3)))]
        if kind == 'offdiag':
            return [close(np.diag(Jx), -1 / (m * s) - (x[j] - mu) * (x - mu) / (N * s ** 3))]
        if kind == 'goff':
            off = np.array([sum(dl[jj] * gam * (-1 / (m * s) - (x[jj] - mu) * (x[i] - mu) / (N * s ** 3)) for jj in range(m) if jj != i) for i in range(m)])
            return [close(g, off)]
        if kind == 'final':
            return [close(g, gam / (m * s) * (m * dl - dl.sum() - xh * np.sum(dl * xh)))]
        raise KeyError(kind)
    return lambda: every(p)


register('batchnorm-backward-saikrishnaponnam', [DEF1] * 5 + [bn_doc(k) for k in ('g', 'b', 'diag', 'gdiag', 'offdiag', 'goff', 'final')])


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / 'claims.yaml').read_text())
    ids = [c['id'] for c in claims]
    assert len(ids) == len(set(ids)), 'duplicate ids'
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    for c in claims:
        assert c['family'] in set(ids), c['id']
        assert (c['expect'] == 'valid') == (c['mistake'] is None), c['id']
    bad = 0
    nv = ni = 0
    for c in claims:
        holds = bool(CHECK[c['id']]())
        want = c['expect'] == 'valid'
        nv += want
        ni += not want
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = 0
    nd = 0
    for ex_path in sorted((HERE / 'docs').glob('*.expect.yaml')):
        stem = ex_path.name[: -len('.expect.yaml')]
        md = (HERE / 'docs' / (stem + '.md')).read_text().split('\n')
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        if stem.endswith('-mutated'):
            assert ex['mutations'], stem
            orig = (HERE / 'docs' / (stem[: -len('-mutated')] + '.md')).read_text().split('\n')
            assert len(orig) == len(md), stem
            changed = {i + 1 for i, (a, b) in enumerate(zip(orig, md)) if a != b}
            assert changed == {m['line'] for m in ex['mutations']}, (stem, changed)
        for m in ex.get('mutations') or []:
            assert md[m['line'] - 1] == m['now'], (stem, m)
        for lk in ex['links']:
            key = (stem, lk['text'])
            assert key in DOCS, key
            start = lk['line'] - 1
            assert md[start].lstrip().startswith('$$'), (stem, lk['line'])
            end = start + 1
            while not md[end - 1].rstrip().endswith('$$') or end - 1 == start and md[start].strip() == '$$':
                end += 1
            block = ' '.join(' '.join(md[start:end]).replace('&', ' ').replace('\\\\', ' ').split())
            probe = ' '.join(lk['text'].split())[:40]
            assert probe in block, (stem, lk['line'], probe)
            used.add(key)
            got = DOCS[key]()
            want = [{'valid': True, 'invalid': False, 'definition': None}[e] for e in lk['expect']]
            assert len(got) == len(want), (key, got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation lines, {nlinks} links")
    print('OK' if bad == 0 else f'FAILED: {bad} disagreement(s)')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
