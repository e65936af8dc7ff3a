# ruff: noqa: B023, B905, E401, E501, E701, E702, E731, E741, I001  (hand-written confirmation data)
"""Independent numerical confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part ze).
Hand-written NumPy: each side of each relation is coded directly; derivatives by central finite differences.
Each check returns one boolean per '=' link (True = the link holds at all random points)."""
import os, sys, glob, itertools
import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RTOL, ATOL = 1e-6, 1e-7

def close(a, b):
    a = np.asarray(a, dtype=float); b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        if a.size == b.size and a.size > 0 and (a.ndim <= 1 or b.ndim <= 1 or 1 in a.shape or 1 in b.shape):
            a = a.reshape(-1); b = b.reshape(-1)
        elif b.size == 1 or a.size == 1:
            a, b = np.broadcast_arrays(a, b)
        else:
            return False
    return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))

def fd(f, x, h=1e-5):
    x = np.array(x, dtype=float); g = np.zeros(x.shape + np.shape(f(x)))
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x); e[idx] = h
        g[idx] = (np.asarray(f(x + e)) - np.asarray(f(x - e))) / (2 * h)
    return g

def fd2(f, x, h=2e-3):
    """second derivative of a scalar function of a scalar (central difference + Richardson extrapolation)"""
    D = lambda k: (f(x + k) - 2 * f(x) + f(x - k)) / k**2
    return (4 * D(h / 2) - D(h)) / 3

def chain(*members):
    return [close(members[i], members[i + 1]) for i in range(len(members) - 1)]

def over_points(fn, n=4, seed=0):
    """fn(rng) -> list of link booleans; AND over several random points"""
    rng = np.random.default_rng(seed); res = None
    for _ in range(n):
        r = fn(rng)
        res = r if res is None else [a and b for a, b in zip(res, r)]
    return res

def softmax(z):
    z = z - z.max(); e = np.exp(z); return e / e.sum()

# ---------------------------------------------------------------- Burkov: policy gradient
def policy_setup(rng, M=5, p=3):
    F = rng.normal(size=(M, p)); r = rng.normal(size=M) + 1.0; th = rng.normal(size=p)
    pi = lambda t: softmax(F @ t)
    return F, r, th, pi

def c_burkov_logtrick(mut=None):
    def f(rng):
        F, r, th, pi = policy_setup(rng); out = []
        for o in range(len(r)):
            lhs = fd(lambda t: pi(t)[o], th)
            glog = fd(lambda t: np.log(pi(t)[o]), th)
            rhs = glog if mut == 'term' else pi(th)[o] * glog
            out.append(close(lhs, rhs))
        return [all(out)]
    return over_points(f)

def c_burkov_inner(mut=None):
    def f(rng):
        F, r, th, pi = policy_setup(rng)
        lhs = fd(lambda t: pi(t) @ r, th)
        glogs = np.array([fd(lambda t: np.log(pi(t)[o]), th) for o in range(len(r))])
        if mut == 'term-pi':
            rhs = (r[:, None] * glogs).sum(0)
        elif mut == 'term-r':
            rhs = (pi(th)[:, None] * glogs).sum(0)
        else:
            rhs = (r[:, None] * pi(th)[:, None] * glogs).sum(0)
        return [close(lhs, rhs)]
    return over_points(f)

def c_burkov_gradJ(mut=None):
    def f(rng):
        Q = 3; setups = [policy_setup(rng) for _ in range(Q)]
        th = setups[0][2]; Pq = softmax(rng.normal(size=Q))
        J = lambda t: sum(Pq[q] * (setups[q][3](t) @ setups[q][1]) for q in range(Q))
        lhs = fd(J, th); rhs = 0
        for q in range(Q):
            F, r, _, pi = setups[q]
            for o in range(len(r)):
                g = fd(lambda t: pi(t)[o], th) if mut == 'term' else fd(lambda t: np.log(pi(t)[o]), th)
                rhs = rhs + Pq[q] * pi(th)[o] * r[o] * g
        return [close(lhs, rhs)]
    return over_points(f)

def seq_setup(rng, T=4, V=5, p=3):
    G = rng.normal(size=(T, V, p)); a = rng.integers(0, V, size=T); th = rng.normal(size=p)
    pt = lambda t, s: softmax(G[s] @ t)[a[s]]
    return T, th, pt

def c_burkov_logseq(mut=None):
    def f(rng):
        T, th, pt = seq_setup(rng)
        lhs = np.log(np.prod([pt(th, s) for s in range(T)]))
        terms = [np.log(pt(th, s)) for s in range(T)]
        rhs = np.prod(terms) if mut == 'term' else np.sum(terms)
        return [close(lhs, rhs)]
    return over_points(f)

def c_burkov_gradlogseq(mut=None, reward=False):
    def f(rng):
        T, th, pt = seq_setup(rng); r = rng.normal() + 2.0
        lhs = fd(lambda t: np.log(np.prod([pt(t, s) for s in range(T)])), th)
        ssum = sum(fd(lambda t, s=s: np.log(pt(t, s)), th) for s in range(T))
        if reward:
            return [close(r * lhs, ssum if mut == 'term' else r * ssum)]
        return [close(lhs, ssum / T if mut == 'factor' else ssum)]
    return over_points(f)

def c_burkov_scoremean(mut=None):
    def f(rng):
        F, r, th, pi = policy_setup(rng)
        if mut == 'term':
            lhs = sum(pi(th)[o] * fd(lambda t: pi(t)[o], th) for o in range(len(r)))
        else:
            lhs = sum(pi(th)[o] * fd(lambda t: np.log(pi(t)[o]), th) for o in range(len(r)))
        return [close(lhs, np.zeros_like(th))]
    return over_points(f)

def c_burkov_baseline():
    def f(rng):
        F, r, th, pi = policy_setup(rng); V = rng.normal() + 3.0
        lhs = sum(pi(th)[o] * V * fd(lambda t: np.log(pi(t)[o]), th) for o in range(len(r)))
        return [close(lhs, V * np.ones_like(lhs))]
    return over_points(f)

# ---------------------------------------------------------------- Ke Zhang: score function / reparam
Z, W = np.polynomial.hermite_e.hermegauss(80); W = W / np.sqrt(2 * np.pi)
def fx(x): return np.sin(x) + 0.3 * x**2 + 0.1 * x**3
def c_kz_score(mut=None):
    def f(rng):
        th = np.array([rng.normal(), 0.5 + rng.random()])  # (mu, s)
        E = lambda t: np.sum(W * fx(t[0] + t[1] * Z))
        lhs = fd(E, th)
        xs = th[0] + th[1] * Z
        logp = lambda t, x: -0.5 * np.log(2 * np.pi * t[1]**2) - (x - t[0])**2 / (2 * t[1]**2)
        score = fd(lambda t: logp(t, xs), th)  # shape (2, nodes)
        if mut == 'term':
            rhs = (W * score).sum(1)
        else:
            rhs = (W * fx(xs) * score).sum(1)
            if mut == 'sign': rhs = -rhs
        return [close(lhs, rhs)]
    return over_points(f)

def spd(rng, d):
    A = rng.normal(size=(d, d)); return A @ A.T + d * np.eye(d)

def lnN(x, mu, S):
    d = len(x); v = x - mu
    return -0.5 * d * np.log(2 * np.pi) - 0.5 * np.log(np.linalg.det(S)) - 0.5 * v @ np.linalg.solve(S, v)

def c_kz_gscore_mu(mut=None):
    def f(rng):
        d = 3; x = rng.normal(size=d); mu = rng.normal(size=d); S = spd(rng, d)
        lhs = fd(lambda m: lnN(x, m, S), mu); Si = np.linalg.inv(S)
        rhs = Si @ (mu - x) if mut == 'sign' else Si @ (x - mu)
        return [close(lhs, rhs)]
    return over_points(f)

def c_kz_gscore_sigma(mut=None):
    def f(rng):
        d = 3; x = rng.normal(size=d); mu = rng.normal(size=d); S = spd(rng, d)
        lhs = fd(lambda s: lnN(x, mu, s), S); Si = np.linalg.inv(S); v = (x - mu)[:, None]
        core = Si @ v @ v.T @ Si - Si
        rhs = {'factor': core, 'sign': -0.5 * core}.get(mut, 0.5 * core)
        return [close(lhs, rhs)]
    return over_points(f)

def fvec(x): return np.sum(np.sin(x)) + (np.array([0.3, -0.7, 1.1]) @ x)**2
def c_kz_reparam_mu(mut=None):
    def f(rng):
        d = 3; L = np.tril(rng.normal(size=(d, d))) + 2 * np.eye(d); eps = rng.normal(size=d); mu = rng.normal(size=d)
        lhs = fd(lambda m: fvec(L @ eps + m), mu)
        gx = fd(fvec, L @ eps + mu)
        dxdmu = fd(lambda m: L @ eps + m, mu).T  # Jacobian dx/dmu (rows x, cols mu)
        J2 = L if mut == 'term' else np.eye(d)
        return chain(lhs, gx @ dxdmu, gx @ J2, gx)
    return over_points(f)

def c_kz_reparam_L(mut=None):
    def f(rng):
        d = 3; L = np.tril(rng.normal(size=(d, d))) + 2 * np.eye(d); eps = rng.normal(size=d); mu = rng.normal(size=d)
        lhs = fd(lambda M: fvec(M @ eps + mu), L)
        gx = fd(fvec, L @ eps + mu)
        dxdL = fd(lambda M: M @ eps + mu, L)  # [i,j,k] = dx_k/dL_ij
        contr = np.einsum('ijk,k->ij', dxdL, gx)
        if mut == 'swapped':
            return chain(lhs, contr, np.outer(gx, eps), np.outer(eps, gx))
        return chain(lhs, contr, np.outer(gx, eps), np.outer(gx, eps))
    return over_points(f)

# ---------------------------------------------------------------- Ke Zhang: GMM
def N(x, m, S):
    return np.exp(lnN(x, m, S))

def gmm_setup(rng, d=2, K=3, Nn=5):
    X = rng.normal(size=(Nn, d)) * 1.5; mus = rng.normal(size=(K, d)); Ss = np.array([spd(rng, d) * 0.5 for _ in range(K)])
    pis = softmax(rng.normal(size=K)); lam = rng.normal()
    return X, mus, Ss, pis, lam

def px(x, mus, Ss, pis):
    return sum(pis[j] * N(x, mus[j], Ss[j]) for j in range(len(pis)))

def resp(X, mus, Ss, pis):
    R = np.array([[pis[k] * N(x, mus[k], Ss[k]) for k in range(len(pis))] for x in X])
    return R / R.sum(1, keepdims=True)

def Lag(X, mus, Ss, pis, lam):
    return sum(np.log(px(x, mus, Ss, pis)) for x in X) + lam * (pis.sum() - 1)

def c_kz_gmm_dpdmu(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); k = 1; x = X[0]
        def with_mu(m):
            M = mus.copy(); M[k] = m; return M
        m1 = fd(lambda m: px(x, with_mu(m), Ss, pis), mus[k])
        m2 = fd(lambda m: sum(pis[j] * N(x, with_mu(m)[j], Ss[j]) for j in range(3)), mus[k])
        m3 = fd(lambda m: pis[k] * N(x, m, Ss[k]), mus[k])
        w = 1.0 if mut == 'term' else pis[k]
        m4 = w * N(x, mus[k], Ss[k]) * ((x - mus[k]) @ np.linalg.inv(Ss[k]))
        return chain(m1, m2, m3, m4)
    return over_points(f)

def c_kz_gmm_dLdmu(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); k = 2; Si = np.linalg.inv(Ss[k]); R = resp(X, mus, Ss, pis)
        def with_mu(m):
            M = mus.copy(); M[k] = m; return M
        m1 = fd(lambda m: Lag(X, with_mu(m), Ss, pis, lam), mus[k])
        m2 = sum(1 / px(x, mus, Ss, pis) * (pis[k] * N(x, mus[k], Ss[k]) * ((x - mus[k]) @ Si)) for x in X)
        m3 = sum((pis[k] * N(x, mus[k], Ss[k]) / px(x, mus, Ss, pis)) * ((x - mus[k]) @ Si) for x in X)
        sg = -1 if mut == 'sign' else 1
        m4 = sum(R[n, k] * (sg * (X[n] - mus[k])) @ Si for n in range(len(X)))
        return chain(m1, m2, m3, m4)
    return over_points(f)

def c_kz_gmm_dNdS(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); k = 0; x = X[1]; Si = np.linalg.inv(Ss[k]); v = (x - mus[k])[:, None]
        lhs = fd(lambda S: pis[k] * N(x, mus[k], S), Ss[k])
        c = 0.5 if mut == 'sign' else -0.5
        rhs = c * pis[k] * N(x, mus[k], Ss[k]) * Si @ (Ss[k] - v @ v.T) @ Si
        return chain(lhs, rhs)
    return over_points(f)

def c_kz_gmm_dLdS(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); k = 1; Si = np.linalg.inv(Ss[k]); R = resp(X, mus, Ss, pis)
        def with_S(S):
            A = Ss.copy(); A[k] = S; return A
        V = lambda x: np.outer(x - mus[k], x - mus[k])
        m1 = fd(lambda S: Lag(X, mus, with_S(S), pis, lam), Ss[k])
        m2 = sum(1 / px(x, mus, Ss, pis) * (-0.5 * pis[k] * N(x, mus[k], Ss[k]) * Si @ (Ss[k] - V(x)) @ Si) for x in X)
        m3 = -0.5 * sum(pis[k] * N(x, mus[k], Ss[k]) / px(x, mus, Ss, pis) * (Si @ (Ss[k] - V(x)) @ Si) for x in X)
        m4 = -0.5 * sum(R[n, k] * (Si @ (Ss[k] - V(X[n])) @ Si) for n in range(len(X)))
        c2 = 1.0 if mut == 'factor' else 0.5
        m5 = -0.5 * R[:, k].sum() * Si + c2 * Si @ sum(R[n, k] * V(X[n]) for n in range(len(X))) @ Si
        return chain(m1, m2, m3, m4, m5)
    return over_points(f)

def c_kz_gmm_dLdpi(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); k = 0; R = resp(X, mus, Ss, pis)
        def with_pi(p):
            P = pis.copy(); P[k] = p; return P
        m1 = fd(lambda p: Lag(X, mus, Ss, with_pi(p), lam), np.array(pis[k]))
        m2 = sum(N(x, mus[k], Ss[k]) / px(x, mus, Ss, pis) for x in X) + lam
        inv = 1.0 if mut == 'term' else 1 / pis[k]
        m3 = sum(pis[k] * N(x, mus[k], Ss[k]) / px(x, mus, Ss, pis) for x in X) * inv + lam
        m4 = R[:, k].sum() * inv + lam
        return chain(m1, m2, m3, m4)
    return over_points(f)

def c_kz_gmm_estep():
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); R = resp(X, mus, Ss, pis)
        Rp = np.array([[pis[k] * N(x, mus[k], Ss[k]) / sum(N(x, mus[j], Ss[j]) for j in range(3)) for k in range(3)] for x in X])
        return [close(R, Rp)]
    return over_points(f)

def c_kz_gmm_respsum(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng); R = resp(X, mus, Ss, pis)
        return [close(R.sum(), 3 if mut == 'index' else len(X))]
    return over_points(f)

def c_kz_gmm_mixcov(mut=None):
    def f(rng):
        X, mus, Ss, pis, lam = gmm_setup(rng)
        EX = sum(pis[k] * mus[k] for k in range(3)); EXX = sum(pis[k] * (Ss[k] + np.outer(mus[k], mus[k])) for k in range(3))
        true = EXX - np.outer(EX, EX)
        rhs = sum(pis[k] * Ss[k] for k in range(3))
        if mut != 'term':
            rhs = rhs + sum(pis[k] * np.outer(mus[k] - EX, mus[k] - EX) for k in range(3))
        return [close(true, rhs)]
    return over_points(f)

# ---------------------------------------------------------------- Ke Zhang: Bayesian linear regression
def quad_argmax_and_hess(f, dim):
    """exact for quadratics: central differences with a large step"""
    h = 1e-2; w0 = np.zeros(dim)
    g = fd(f, w0, h)
    H = np.array([[(f(w0 + h*(np.eye(dim)[i] + np.eye(dim)[j])) - f(w0 + h*(np.eye(dim)[i] - np.eye(dim)[j]))
                    - f(w0 - h*(np.eye(dim)[i] - np.eye(dim)[j])) + f(w0 - h*(np.eye(dim)[i] + np.eye(dim)[j]))) / (4*h*h)
                   for j in range(dim)] for i in range(dim)])
    return w0 - np.linalg.solve(H, g), H

def blr_setup(rng, n=6, d=3):
    X = rng.normal(size=(n, d)); y = rng.normal(size=n); w0 = rng.normal(size=d); P0 = spd(rng, d) * 0.3; s = 0.5 + rng.random()
    logpost = lambda w: -1/(2*s**2) * np.sum((y - X @ w)**2) - 0.5 * (w - w0) @ np.linalg.solve(P0, w - w0)
    return X, y, w0, P0, s, logpost

def c_kz_blr(which, mut=None):
    def f(rng):
        X, y, w0, P0, s, logpost = blr_setup(rng); d = X.shape[1]
        wn, H = quad_argmax_and_hess(logpost, d)
        P0i = np.linalg.inv(P0); Pn = np.linalg.inv(s**-2 * X.T @ X + P0i)
        if which == 'precision':
            if mut == 'transpose':
                XX = X @ X.T  # n x n: cannot be added to the d x d prior precision -> the relation fails
                return [XX.shape == P0i.shape and close(-H, s**-2 * XX + P0i)]
            return [close(-H, s**-2 * X.T @ X + P0i)]
        if which == 'mean':
            c = 1.0 if mut == 'factor' else s**-2
            return [close(wn, Pn @ (c * X.T @ y + P0i @ w0))]
        if which == 'residual':
            sg = -1 if mut == 'sign' else 1
            return [close(wn, w0 + sg * s**-2 * Pn @ X.T @ (y - X @ w0))]
        if which == 'gain':
            K = s**-2 * Pn @ X.T; sg = 1 if mut == 'sign' else -1
            return [close(wn, (np.eye(d) + sg * K @ X) @ w0 + K @ y)]
        if which == 'ridge':
            s0 = 0.5 + rng.random()
            lp = lambda w: -1/(2*s**2) * np.sum((y - X @ w)**2) - 0.5 * w @ w / s0**2
            wm, _ = quad_argmax_and_hess(lp, d)
            lam = s0**2 / s**2 if mut == 'swapped' else s**2 / s0**2
            return [close(wm, np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y))]
    return over_points(f)

def c_kz_blr_single(mut=None):
    def f(rng):
        X, y, w0, P0, s, _ = blr_setup(rng, n=1); x1 = X[0]; y1 = y[0]; d = len(x1)
        lp = lambda w: -1/(2*s**2) * (y1 - w @ x1)**2 - 0.5 * (w - w0) @ np.linalg.solve(P0, w - w0)
        w1, _ = quad_argmax_and_hess(lp, d)
        P1i = s**-2 * np.outer(x1, x1) + np.linalg.inv(P0); P1 = np.linalg.inv(P1i)
        m2 = P1 @ (s**-2 * x1 * y1 + np.linalg.inv(P0) @ w0)
        G = P1i if mut == 'term' else P1
        m3 = w0 + s**-2 * G @ x1 * (y1 - w0 @ x1)
        return chain(w1, m2, m3)
    return over_points(f)

def c_kz_blr_online(mut=None, P_only=False, Pmut=None):
    def f(rng):
        d = 3; wp = rng.normal(size=d); Pp = spd(rng, d) * 0.4; x = rng.normal(size=d); yt = rng.normal(); s = 0.5 + rng.random()
        lp = lambda w: -1/(2*s**2) * (yt - w @ x)**2 - 0.5 * (w - wp) @ np.linalg.solve(Pp, w - wp)
        wt, H = quad_argmax_and_hess(lp, d)
        Pt = np.linalg.inv(np.linalg.inv(Pp) + s**-2 * np.outer(x, x))
        if P_only:
            c = s**2 if Pmut == 'factor' else s**-2
            return [close(np.linalg.inv(-H), np.linalg.inv(np.linalg.inv(Pp) + c * np.outer(x, x)))]
        m2 = Pt @ (np.linalg.solve(Pp, wp) + s**-2 * x * yt)
        res = (wp @ x - yt) if mut == 'sign' else (yt - wp @ x)
        sg = -1 if mut == 'minus' else 1
        m3 = wp + sg * s**-2 * Pt @ x * res
        return chain(wt, m2, m3)
    return over_points(f)

# ---------------------------------------------------------------- Bonakdarpour: EM
def npdf(x, m, s): return np.exp(-(x - m)**2 / (2 * s**2)) / (s * np.sqrt(2 * np.pi))

def c_mb_normal_deriv():
    def f(rng):
        x = rng.normal(size=6); s = 0.5 + rng.random(); mu = rng.normal()
        ell = lambda m: np.sum(np.log(1 / (s * np.sqrt(2 * np.pi))) - (x - m)**2 / (2 * s**2))
        return [close(fd(ell, np.array(mu)), np.sum((x - mu) / (2 * s**2)))]
    return over_points(f)

def c_mb_normal_deriv_doc():
    def f(rng):
        x = rng.normal(size=6); s = 0.5 + rng.random(); mu = rng.normal()
        L = lambda m: np.prod(1 / (s * np.sqrt(2 * np.pi)) * np.exp(-(x - m)**2 / (2 * s**2)))
        ell = lambda m: np.sum(np.log(1 / (s * np.sqrt(2 * np.pi))) - (x - m)**2 / (2 * s**2))
        ok_ell = close(ell(mu), np.log(L(mu)))  # the printed l is log L
        return [ok_ell and close(fd(ell, np.array(mu)), np.sum((x - mu) / (2 * s**2)))]
    return over_points(f)

def em1d_setup(rng, n=3, K=2):
    x = rng.normal(size=n) * 2; mu = rng.normal(size=K) * 2; sd = 0.5 + rng.random(K); pi = softmax(rng.normal(size=K))
    joint = np.array([[pi[k] * npdf(x[i], mu[k], sd[k]) for k in range(K)] for i in range(n)])
    gam = joint / joint.sum(1, keepdims=True)
    return x, mu, sd, pi, gam

def c_mb_muhat(mut=None):
    def f(rng):
        x, mu, sd, pi, gam = em1d_setup(rng, n=5); k = 1; Nk = gam[:, k].sum()
        lhs = (gam[:, k] * x).sum() / gam[:, k].sum()
        rhs = (gam[:, k] * x).sum() / (len(x) if mut == 'factor' else Nk)
        return [close(lhs, rhs)]
    return over_points(f)

def complete_log(Zc, x, mu, sd, pi):
    K = len(pi)
    prod = np.prod([pi[k]**(Zc[i] == k) * npdf(x[i], mu[k], sd[k])**(Zc[i] == k) for i in range(len(x)) for k in range(K)])
    return np.log(prod)

def c_mb_complete(mut=None):
    def f(rng):
        x, mu, sd, pi, gam = em1d_setup(rng); Zc = rng.integers(0, 2, size=len(x))
        lhs = complete_log(Zc, x, mu, sd, pi)
        if mut == 'term':
            rhs = sum((Zc[i] == k) * (np.log(pi[k]) * np.log(npdf(x[i], mu[k], sd[k]))) for i in range(len(x)) for k in range(2))
        else:
            rhs = sum((Zc[i] == k) * (np.log(pi[k]) + np.log(npdf(x[i], mu[k], sd[k]))) for i in range(len(x)) for k in range(2))
        return [close(lhs, rhs)]
    return over_points(f)

def c_mb_expected(mut=None, gamma_form=False):
    def f(rng):
        x, mu, sd, pi, gam = em1d_setup(rng); n = len(x)
        configs = list(itertools.product(range(2), repeat=n))
        # posterior of Z given X computed from the joint by enumeration
        joint = np.array([np.exp(complete_log(np.array(c), x, mu, sd, pi)) for c in configs]); post = joint / joint.sum()
        m1 = sum(post[j] * complete_log(np.array(c), x, mu, sd, pi) for j, c in enumerate(configs))
        m2 = sum(post[j] * sum((c[i] == k) * (np.log(pi[k]) + np.log(npdf(x[i], mu[k], sd[k]))) for i in range(n) for k in range(2)) for j, c in enumerate(configs))
        EI = np.array([[sum(post[j] * (c[i] == k) for j, c in enumerate(configs)) for k in range(2)] for i in range(n)])
        if gamma_form:
            wts = np.array([pi] * n) if mut == 'swapped' else gam
            m = sum(wts[i, k] * (np.log(pi[k]) + np.log(npdf(x[i], mu[k], sd[k]))) for i in range(n) for k in range(2))
            return [close(m1, m)]
        if mut == 'term':
            m3 = sum(EI[i, k] * np.log(npdf(x[i], mu[k], sd[k])) for i in range(n) for k in range(2))
        else:
            m3 = sum(EI[i, k] * (np.log(pi[k]) + np.log(npdf(x[i], mu[k], sd[k]))) for i in range(n) for k in range(2))
        return chain(m1, m2, m3)
    return over_points(f)

# ---------------------------------------------------------------- exponential families (p16i, Radulescu-Banu, Magalhaes)
def c_bern_A1(mut=None):
    def f(rng):
        e = rng.normal() * 2; A = lambda t: np.log(1 + np.exp(t)); p = 1 / (1 + np.exp(-e))
        mid = 1 / (1 + np.exp(e)) if mut == 'sign' else 1 / (1 + np.exp(-e))
        return chain(fd(A, np.array(e)), mid, p)
    return over_points(f)

def c_bern_A2(mut=None):
    def f(rng):
        e = rng.normal() * 2; A = lambda t: np.log(1 + np.exp(t))
        num = np.exp(e) if mut == 'sign' else np.exp(-e)
        return [close(fd2(A, e), (1 / (1 + np.exp(-e))) * (num / (1 + np.exp(-e))))]
    return over_points(f)

def p16i_A(e1, e2): return e1**2 / (4 * e2) + 0.5 * np.log(-2 * e2)
def c_p16i_gA1(mut=None, with_mu=False):
    def f(rng):
        mu = rng.normal(); s = 0.5 + rng.random()
        e1, e2 = (mu / s**2, -1 / s**2) if with_mu else (rng.normal(), -(0.3 + rng.random()))
        d = fd(lambda t: p16i_A(t, e2), np.array(e1))
        mid = e1 / (4 * e2) if mut == 'factor' else e1 / (2 * e2)
        return chain(d, mid, mu) if with_mu else chain(d, mid)
    return over_points(f)

def c_p16i_gA2(mut=None, with_var=False):
    def f(rng):
        mu = rng.normal(); s = 0.5 + rng.random()
        e1, e2 = (mu / s**2, -1 / s**2) if with_var else (rng.normal(), -(0.3 + rng.random()))
        d = fd2(lambda t: p16i_A(t, e2), e1)
        mid = -1 / (2 * e2) if mut == 'sign' else 1 / (2 * e2)
        return chain(d, mid, s**2) if with_var else chain(d, mid)
    return over_points(f)

def c_p16i_bern(mut=None):
    def f(rng):
        p = 0.1 + 0.8 * rng.random(); res = None
        for x in (0.0, 1.0, rng.random()):
            m0 = p**x * (1 - p)**(1 - x)
            m1 = np.exp(np.log(p**x) + np.log((1 - p)**(1 - x)))
            m2 = np.exp(x * np.log(p) + (1 - x) * np.log(1 - p))
            m3 = np.exp(x * np.log(p) - x * np.log(1 - p) + np.log(1 - p))
            m4 = np.exp(x * np.log(p / (1 - p)) + (-1 if mut == 'sign' else 1) * np.log(1 - p))
            r = chain(m0, m1, m2, m3, m4)
            res = r if res is None else [a and b for a, b in zip(res, r)]
        return res
    return over_points(f)

def c_p16i_gauss(mut=None):
    def f(rng):
        x, mu = rng.normal(size=2); s = 0.5 + rng.random()
        m1 = 1 / np.sqrt(2 * np.pi * s**2) * np.exp(-(x - mu)**2 / (2 * s**2))
        m2 = 1 / np.sqrt(2 * np.pi * s**2) * np.exp(-(x**2 - 2 * x * mu + mu**2) / (2 * s**2))
        m3 = 1 / np.sqrt(2 * np.pi) * np.exp(x * mu / s**2 - x**2 / (2 * s**2) - mu**2 / (2 * s**2) + (1 if mut == 'sign' else -1) * np.log(s))
        return chain(m1, m2, m3)
    return over_points(f)

def c_arb_poisson(mut=None):
    from math import factorial
    def f(rng):
        lam = 0.3 + 3 * rng.random(); out = []
        for k in range(7):
            lhs = lam**k / factorial(k) * np.exp(-lam)
            rhs = 1 / factorial(k) * np.exp(k * np.log(lam) + (lam if mut == 'sign' else -lam))
            out.append(close(lhs, rhs))
        return [all(out)]
    return over_points(f)

def c_bm_sqnorm(mut=None):
    def f(rng):
        X = rng.normal(size=(5, 3)); y = rng.normal(size=5); w = rng.normal(size=3); s = 0.5 + rng.random(); r = y - X @ w
        return [close(1 / (2 * s**2) * r @ r, (1 / s**2 if mut == 'factor' else 1 / (2 * s**2)) * np.linalg.norm(r)**2)]
    return over_points(f)

def c_bm_mle_expanded():
    def f(rng):
        X = rng.normal(size=(5, 3)); y = rng.normal(size=5); w = rng.normal(size=3); s = 0.5 + rng.random()
        lhs = 1 / (2 * s**2) * fd(lambda v: y @ y - 2 * y @ X @ v + v @ X.T @ X @ v, w)
        return [close(lhs, 1 / (2 * s**2) * (-y @ X + w @ X.T @ X))]
    return over_points(f)

def c_bm_dsigma2(mut=None):
    def f(rng):
        X = rng.normal(size=(5, 3)); y = rng.normal(size=5); w = rng.normal(size=3); v = 0.5 + rng.random(); Nn = 5
        S = np.sum((y - X @ w)**2)
        lp = lambda t: -Nn / 2 * np.log(t) - 1 / (2 * t) * S + 3.7
        a = Nn / (2 * v) if mut == 'sign' else -Nn / (2 * v)
        b = 1 / (2 * v) * S if mut == 'factor' else 1 / (2 * v**2) * S
        return [close(fd(lp, np.array(v)), a + b)]
    return over_points(f)

def c_bm_mapgrad(mut=None):
    def f(rng):
        X = rng.normal(size=(5, 3)); y = rng.normal(size=5); w = rng.normal(size=3); s = 0.5 + rng.random(); b = 0.5 + rng.random()
        lhs = fd(lambda v: 1 / (2 * s**2) * (y - X @ v) @ (y - X @ v), w) + fd(lambda v: 1 / (2 * b**2) * v @ v, w)
        c = 0.5 if mut == 'factor' else 1.0
        return [close(lhs, c / s**2 * (w @ X.T @ X - y @ X) + c / b**2 * w)]
    return over_points(f)

def c_bm_neglogpost():
    def f(rng):
        X = rng.normal(size=(5, 3)); y = rng.normal(size=5); w = rng.normal(size=3); s = 0.5 + rng.random(); b = 0.5 + rng.random()
        loglik = lambda v: -1 / (2 * s**2) * np.sum((y - X @ v)**2) - 5 / 2 * np.log(2 * np.pi * s**2)
        logprior = lambda v: -1 / (2 * b**2) * v @ v - 1.5 * np.log(2 * np.pi * b**2)
        logpost = lambda v: loglik(v) + logprior(v) + 0.123
        return [close(-fd(logpost, w), fd(loglik, w) - fd(logprior, w))]
    return over_points(f)

# exponential family with h(x) = exp(-x^4/4), T(x) = (x, x^2): integrals by fine trapezoid rule
XG = np.linspace(-8, 8, 40001); DX = XG[1] - XG[0]
HX = np.exp(-XG**4 / 4); TX = np.stack([XG, XG**2])
def integ(v): return np.sum(v, axis=-1) * DX
def A_ef(eta): return np.log(integ(HX * np.exp(eta @ TX)))

def c_bm_ef_first(mut=None):
    def f(rng):
        eta = np.array([rng.normal(), -0.5 * rng.random()])
        m1 = fd(A_ef, eta, 1e-5)
        m2 = fd(lambda e: np.log(integ(HX * np.exp(e @ TX))), eta, 1e-5)
        m3 = integ(TX * HX * np.exp(eta @ TX)) / integ(HX * np.exp(eta @ TX))
        sg = 1 if mut == 'sign' else -1
        m4 = integ(TX * HX * np.exp(eta @ TX + sg * A_ef(eta)))
        p = HX * np.exp(eta @ TX - A_ef(eta)); p = p / integ(p)  # density, renormalised numerically
        m5 = integ(TX * p)
        return chain(m1, m2, m3, m4, m5)
    return over_points(f)

def c_bm_ef_second(mut=None):
    def f(rng):
        eta = np.array([rng.normal(), -0.5 * rng.random()]); h = 1e-4
        H = np.array([[(A_ef(eta + h*(np.eye(2)[i] + np.eye(2)[j])) - A_ef(eta + h*(np.eye(2)[i] - np.eye(2)[j]))
                        - A_ef(eta - h*(np.eye(2)[i] - np.eye(2)[j])) + A_ef(eta - h*(np.eye(2)[i] + np.eye(2)[j]))) / (4*h*h)
                       for j in range(2)] for i in range(2)])
        p = HX * np.exp(eta @ TX - A_ef(eta))
        dA = fd(A_ef, eta, 1e-5)
        m2 = integ(TX[:, None, :] * (TX - dA[:, None])[None, :, :] * p)
        ET = integ(TX * p)
        m3 = integ(TX[:, None, :] * (TX - ET[:, None])[None, :, :] * p)
        ETT = integ(TX[:, None, :] * TX[None, :, :] * p)
        m4 = ETT + (1 if mut == 'sign' else -1) * np.outer(ET, ET)
        m5 = integ((TX - ET[:, None])[:, None, :] * (TX - ET[:, None])[None, :, :] * p)
        ok = chain(H, m2, m3, m4, m5)
        return ok
    return over_points(f)

def c_bm_gaussA(mut=None):
    def f(rng):
        mu = rng.normal(); s = 0.5 + rng.random(); e1, e2 = mu / s**2, -1 / (2 * s**2)
        x = np.linspace(-30, 30, 200001)
        A_true = np.log(np.sum(1 / np.sqrt(2 * np.pi) * np.exp(e1 * x + e2 * x**2)) * (x[1] - x[0]))
        m2 = mu**2 / (2 * s**2) + np.log(s)
        m3 = -e1**2 / (4 * e2) + (1 if mut == 'sign' else -1) * 0.5 * np.log(-2 * e2)
        return chain(A_true, m2, m3)
    return over_points(f)

def c_bm_gauss_dA():
    def f(rng):
        e1 = rng.normal(); e2 = -(0.3 + rng.random())
        return [close(fd(lambda t: -t**2 / (4 * e2) - 0.5 * np.log(-2 * e2), np.array(e1)), e1 / (2 * e2))]
    return over_points(f)

def c_bm_gauss_d2A(mut=None):
    def f(rng):
        mu = rng.normal(); s = 0.5 + rng.random(); e1, e2 = mu / s**2, -1 / (2 * s**2)
        d2 = fd2(lambda t: -t**2 / (4 * e2) - 0.5 * np.log(-2 * e2), e1)
        mid = 1 / (2 * e2) if mut == 'sign' else -1 / (2 * e2)
        return chain(d2, mid, s**2)
    return over_points(f)

def c_bm_bern_dA(mut=None):
    def f(rng):
        e = rng.normal() * 2
        mid = np.exp(-e) / (1 + np.exp(-e)) if mut == 'sign' else np.exp(e) / (1 + np.exp(e))
        return chain(fd(lambda t: np.log(1 + np.exp(t)), np.array(e)), mid, 1 / (1 + np.exp(-e)))
    return over_points(f)

def c_bm_bern_d2A(mut=None):
    def f(rng):
        e = rng.normal() * 2; mu = lambda t: 1 / (1 + np.exp(-t))
        last = mu(e) * (1 + mu(e)) if mut == 'sign' else mu(e) * (1 - mu(e))
        return chain(fd2(lambda t: np.log(1 + np.exp(t)), e), fd(mu, np.array(e)), last)
    return over_points(f)

def c_bm_bern_exp(mut=None):
    def f(rng):
        a = 0.1 + 0.8 * rng.random(); eta = np.log(a / (1 - a)); res = None
        for x in (0.0, 1.0, rng.random()):
            m1 = np.exp(x * np.log(a) + (1 - x) * np.log(1 - a))
            m2 = np.exp(x * np.log(a / (1 - a)) + np.log(1 - a))
            m3 = np.exp(x * eta + (1 if mut == 'sign' else -1) * np.log(1 + np.exp(eta)))
            r = chain(m1, m2, m3); res = r if res is None else [p and q for p, q in zip(res, r)]
        return res
    return over_points(f)

# ---------------------------------------------------------------- claim id -> check
CLAIMS = {
 'ze-burkov-log-deriv-trick': lambda: c_burkov_logtrick(),
 'ze-burkov-log-deriv-trick-term': lambda: c_burkov_logtrick('term'),
 'ze-burkov-grad-inner-sum': lambda: c_burkov_inner(),
 'ze-burkov-grad-inner-sum-term': lambda: c_burkov_inner('term-pi'),
 'ze-burkov-grad-inner-expect': lambda: c_burkov_inner(),
 'ze-burkov-grad-inner-expect-term': lambda: c_burkov_inner('term-r'),
 'ze-burkov-grad-J': lambda: c_burkov_gradJ(),
 'ze-burkov-grad-J-term': lambda: c_burkov_gradJ('term'),
 'ze-burkov-log-seq': lambda: c_burkov_logseq(),
 'ze-burkov-log-seq-term': lambda: c_burkov_logseq('term'),
 'ze-burkov-grad-log-seq': lambda: c_burkov_gradlogseq(),
 'ze-burkov-grad-log-seq-factor': lambda: c_burkov_gradlogseq('factor'),
 'ze-burkov-reward-scaled': lambda: c_burkov_gradlogseq(reward=True),
 'ze-burkov-reward-scaled-term': lambda: c_burkov_gradlogseq('term', reward=True),
 'ze-burkov-score-mean-zero': lambda: c_burkov_scoremean(),
 'ze-burkov-score-mean-zero-term': lambda: c_burkov_scoremean('term'),
 'ze-burkov-baseline-expect': lambda: c_burkov_baseline(),
 'ze-kezhang-score-function': lambda: c_kz_score(),
 'ze-kezhang-score-function-term': lambda: c_kz_score('term'),
 'ze-kezhang-score-function-sign': lambda: c_kz_score('sign'),
 'ze-kezhang-gauss-score-mu': lambda: c_kz_gscore_mu(),
 'ze-kezhang-gauss-score-mu-sign': lambda: c_kz_gscore_mu('sign'),
 'ze-kezhang-gauss-score-sigma': lambda: c_kz_gscore_sigma(),
 'ze-kezhang-gauss-score-sigma-factor': lambda: c_kz_gscore_sigma('factor'),
 'ze-kezhang-gauss-score-sigma-sign': lambda: c_kz_gscore_sigma('sign'),
 'ze-kezhang-reparam-mu': lambda: c_kz_reparam_mu(),
 'ze-kezhang-reparam-mu-term': lambda: c_kz_reparam_mu('term'),
 'ze-kezhang-reparam-L': lambda: c_kz_reparam_L(),
 'ze-kezhang-reparam-L-swapped': lambda: c_kz_reparam_L('swapped'),
 'ze-kezhang-gmm-dp-dmu': lambda: c_kz_gmm_dpdmu(),
 'ze-kezhang-gmm-dp-dmu-term': lambda: c_kz_gmm_dpdmu('term'),
 'ze-kezhang-gmm-dL-dmu': lambda: c_kz_gmm_dLdmu(),
 'ze-kezhang-gmm-dL-dmu-sign': lambda: c_kz_gmm_dLdmu('sign'),
 'ze-kezhang-gmm-dN-dSigma': lambda: c_kz_gmm_dNdS(),
 'ze-kezhang-gmm-dN-dSigma-sign': lambda: c_kz_gmm_dNdS('sign'),
 'ze-kezhang-gmm-dL-dSigma': lambda: c_kz_gmm_dLdS(),
 'ze-kezhang-gmm-dL-dSigma-factor': lambda: c_kz_gmm_dLdS('factor'),
 'ze-kezhang-gmm-dL-dpi': lambda: c_kz_gmm_dLdpi(),
 'ze-kezhang-gmm-dL-dpi-term': lambda: c_kz_gmm_dLdpi('term'),
 'ze-kezhang-gmm-estep-summary': lambda: c_kz_gmm_estep(),
 'ze-kezhang-gmm-resp-sum': lambda: c_kz_gmm_respsum(),
 'ze-kezhang-gmm-resp-sum-index': lambda: c_kz_gmm_respsum('index'),
 'ze-kezhang-gmm-mixture-cov': lambda: c_kz_gmm_mixcov(),
 'ze-kezhang-gmm-mixture-cov-term': lambda: c_kz_gmm_mixcov('term'),
 'ze-kezhang-blr-precision': lambda: c_kz_blr('precision'),
 'ze-kezhang-blr-precision-transpose': lambda: c_kz_blr('precision', 'transpose'),
 'ze-kezhang-blr-mean': lambda: c_kz_blr('mean'),
 'ze-kezhang-blr-mean-factor': lambda: c_kz_blr('mean', 'factor'),
 'ze-kezhang-blr-mean-residual': lambda: c_kz_blr('residual'),
 'ze-kezhang-blr-mean-residual-sign': lambda: c_kz_blr('residual', 'sign'),
 'ze-kezhang-blr-mean-gain': lambda: c_kz_blr('gain'),
 'ze-kezhang-blr-mean-gain-sign': lambda: c_kz_blr('gain', 'sign'),
 'ze-kezhang-blr-single': lambda: c_kz_blr_single(),
 'ze-kezhang-blr-single-term': lambda: c_kz_blr_single('term'),
 'ze-kezhang-blr-ridge': lambda: c_kz_blr('ridge'),
 'ze-kezhang-blr-ridge-swapped': lambda: c_kz_blr('ridge', 'swapped'),
 'ze-kezhang-blr-online': lambda: c_kz_blr_online(),
 'ze-kezhang-blr-online-sign': lambda: c_kz_blr_online('sign'),
 'ze-bonakdarpour-normal-mle-deriv': lambda: c_mb_normal_deriv(),
 'ze-bonakdarpour-mu-hat': lambda: c_mb_muhat(),
 'ze-bonakdarpour-mu-hat-factor': lambda: c_mb_muhat('factor'),
 'ze-bonakdarpour-complete-loglik': lambda: c_mb_complete(),
 'ze-bonakdarpour-complete-loglik-term': lambda: c_mb_complete('term'),
 'ze-bonakdarpour-expected-complete': lambda: c_mb_expected(),
 'ze-bonakdarpour-expected-complete-term': lambda: c_mb_expected('term'),
 'ze-bonakdarpour-expected-complete-gamma': lambda: c_mb_expected(gamma_form=True),
 'ze-bonakdarpour-expected-complete-gamma-swapped': lambda: c_mb_expected('swapped', gamma_form=True),
 'ze-chormai-bern-A1': lambda: c_bern_A1(),
 'ze-chormai-bern-A1-sign': lambda: c_bern_A1('sign'),
 'ze-chormai-bern-A2': lambda: c_bern_A2(),
 'ze-chormai-bern-A2-sign': lambda: c_bern_A2('sign'),
 'ze-chormai-gauss-A1': lambda: c_p16i_gA1(),
 'ze-chormai-gauss-A1-factor': lambda: c_p16i_gA1('factor'),
 'ze-chormai-gauss-A1-mu': lambda: c_p16i_gA1(with_mu=True),
 'ze-chormai-gauss-A2': lambda: c_p16i_gA2(),
 'ze-chormai-gauss-A2-sign': lambda: c_p16i_gA2('sign'),
 'ze-chormai-gauss-A2-var': lambda: c_p16i_gA2(with_var=True),
 'ze-chormai-bern-expform': lambda: c_p16i_bern(),
 'ze-chormai-bern-expform-sign': lambda: c_p16i_bern('sign'),
 'ze-chormai-gauss-expform': lambda: c_p16i_gauss(),
 'ze-chormai-gauss-expform-sign': lambda: c_p16i_gauss('sign'),
 'ze-radulescu-poisson-expform': lambda: c_arb_poisson(),
 'ze-radulescu-poisson-expform-sign': lambda: c_arb_poisson('sign'),
 'ze-magalhaes-sq-norm': lambda: c_bm_sqnorm(),
 'ze-magalhaes-sq-norm-factor': lambda: c_bm_sqnorm('factor'),
 'ze-magalhaes-mle-expanded-deriv': lambda: c_bm_mle_expanded(),
 'ze-magalhaes-dsigma2': lambda: c_bm_dsigma2(),
 'ze-magalhaes-dsigma2-factor': lambda: c_bm_dsigma2('factor'),
 'ze-magalhaes-dsigma2-sign': lambda: c_bm_dsigma2('sign'),
 'ze-magalhaes-map-grad': lambda: c_bm_mapgrad(),
 'ze-magalhaes-map-grad-factor': lambda: c_bm_mapgrad('factor'),
 'ze-magalhaes-neg-logpost-split': lambda: c_bm_neglogpost(),
 'ze-magalhaes-ef-first': lambda: c_bm_ef_first(),
 'ze-magalhaes-ef-first-sign': lambda: c_bm_ef_first('sign'),
 'ze-magalhaes-ef-second': lambda: c_bm_ef_second(),
 'ze-magalhaes-ef-second-sign': lambda: c_bm_ef_second('sign'),
 'ze-magalhaes-gauss-A': lambda: c_bm_gaussA(),
 'ze-magalhaes-gauss-A-sign': lambda: c_bm_gaussA('sign'),
 'ze-magalhaes-gauss-dA': lambda: c_bm_gauss_dA(),
 'ze-magalhaes-gauss-d2A': lambda: c_bm_gauss_d2A(),
 'ze-magalhaes-gauss-d2A-sign': lambda: c_bm_gauss_d2A('sign'),
 'ze-magalhaes-bern-dA': lambda: c_bm_bern_dA(),
 'ze-magalhaes-bern-dA-sign': lambda: c_bm_bern_dA('sign'),
 'ze-magalhaes-bern-d2A': lambda: c_bm_bern_d2A(),
 'ze-magalhaes-bern-d2A-sign': lambda: c_bm_bern_d2A('sign'),
 'ze-magalhaes-bern-expform': lambda: c_bm_bern_exp(),
 'ze-magalhaes-bern-expform-sign': lambda: c_bm_bern_exp('sign'),
}

# ---------------------------------------------------------------- documents
# Document checks for confirm.py (exec'd into its namespace). One entry per link, in expect.yaml order.
DEF = lambda: [None]

GRIDN = 20001
def sf_members(rng):
    th = np.array([rng.normal(), 0.5 + rng.random()])  # (mu, s) of a 1-D Gaussian
    pdf = lambda t, x: np.exp(-(x - t[0])**2 / (2 * t[1]**2)) / np.sqrt(2 * np.pi * t[1]**2)
    xg = np.linspace(th[0] - 14 * th[1], th[0] + 14 * th[1], GRIDN); dx = xg[1] - xg[0]
    I = lambda v: np.sum(v, axis=-1) * dx
    E_herm = lambda t: np.sum(W * fx(t[0] + t[1] * Z))
    gradE = fd(E_herm, th)
    grad_int = fd(lambda t: I(fx(xg) * pdf(t, xg)), th)
    dp = fd(lambda t: pdf(t, xg), th)
    int_fdp = I(fx(xg) * dp)
    p = pdf(th, xg)
    int_f_p_over_p = I(fx(xg) * p * (1 / p) * dp)
    dlogp = fd(lambda t: np.log(pdf(t, xg)), th)
    int_f_p_dlogp = I(fx(xg) * p * dlogp)
    xs = th[0] + th[1] * Z
    E_score = (W * fx(xs) * fd(lambda t: np.log(pdf(t, xs)), th)).sum(1)
    return gradE, grad_int, int_fdp, int_f_p_over_p, int_f_p_dlogp, E_score

def d_sf_first():
    def f(rng):
        gradE, grad_int, int_fdp, *_ = sf_members(rng)
        return chain(gradE, gradE, grad_int, int_fdp)   # grad J = grad E (J defined as E)
    return over_points(f)

def d_sf_proof():
    return over_points(lambda rng: chain(*sf_members(rng)))

def d_pg_outer():
    def f(rng):
        Q = 3; setups = [policy_setup(rng) for _ in range(Q)]; th = setups[0][2]; Pq = softmax(rng.normal(size=Q))
        J = lambda t: sum(Pq[q] * (setups[q][3](t) @ setups[q][1]) for q in range(Q))
        rhs = sum(Pq[q] * fd(lambda t: setups[q][3](t) @ setups[q][1], th) for q in range(Q))
        return [close(fd(J, th), rhs)]
    return over_points(f)

def d_pg_expect_sum():
    def f(rng):
        F, r, th, pi = policy_setup(rng)
        # expectation by its definition over the finite support, vs the printed sum
        E = 0.0
        for o in range(len(r)):
            E += pi(th)[o] * r[o]
        return [close(E, np.dot(pi(th), r))]
    return over_points(f)

def with_defs(defs_after, fn):
    return lambda: fn() + [None] * defs_after

DOCS = {
 'kezhang-score-function': [DEF, d_sf_first, d_sf_proof, lambda: c_kz_gscore_mu(), lambda: c_kz_gscore_sigma()],
 'kezhang-online-blr': [DEF, DEF, DEF, lambda: c_kz_blr_online(P_only=True), lambda: c_kz_blr_online()],
 'kezhang-online-blr-mutated': [DEF, DEF, DEF, lambda: c_kz_blr_online(P_only=True), lambda: c_kz_blr_online('sign')],
 'magalhaes-expfamily-moments': [DEF, DEF, lambda: c_bm_ef_first(), lambda: c_bm_ef_second(), DEF,
                                 with_defs(1, lambda: c_bm_bern_dA()), lambda: c_bm_bern_d2A()],
 'burkov-policy-gradient': [DEF, d_pg_outer, d_pg_expect_sum, lambda: c_burkov_logtrick(), lambda: c_burkov_inner(),
                            lambda: c_burkov_inner(), lambda: c_burkov_gradJ(), DEF, DEF, lambda: c_burkov_baseline(), lambda: c_burkov_scoremean()],
 'bonakdarpour-em-gmm': [DEF, DEF, lambda: c_mb_normal_deriv(), lambda: [None] + c_mb_muhat(), DEF, DEF,
                         lambda: c_mb_complete(), lambda: c_mb_expected()],
}

def main():
    fails = 0; n_claims = 0; n_links = 0
    claims = yaml.safe_load(open(os.path.join(HERE, 'claims.yaml')))
    assert len(claims) == len(CLAIMS), f'{len(claims)} claims in yaml but {len(CLAIMS)} checks'
    for c in claims:
        links = CLAIMS[c['id']]()
        got = 'valid' if all(links) else 'invalid'
        n_claims += 1
        if got != c['expect']:
            fails += 1; print(f'MISMATCH claim {c["id"]}: expect {c["expect"]}, numbers say {got} {links}')
    docs = sorted(glob.glob(os.path.join(HERE, 'docs', '*.expect.yaml')))
    n_docs = 0
    assert len(docs) == len(DOCS) == len(glob.glob(os.path.join(HERE, 'docs', '*.md'))), 'docs / expect files / checks out of step'
    for p in docs:
        name = os.path.basename(p)[:-len('.expect.yaml')]
        ex = yaml.safe_load(open(p)); checks = DOCS[name]
        assert len(ex['links']) == len(checks), f'{name}: {len(ex["links"])} links but {len(checks)} checks'
        md = open(os.path.join(HERE, 'docs', name + '.md')).read().split('\n')
        for lk, chk in zip(ex['links'], checks):
            line = md[lk['line'] - 1].strip()
            assert line.startswith('$$') or line.startswith('\\begin{align'), f'{name}: line {lk["line"]} does not open a math block: {line!r}'
            res = chk()
            assert len(res) == len(lk['expect']), f'{name} line {lk["line"]}: {len(res)} results vs {len(lk["expect"])} expects'
            for r, e in zip(res, lk['expect']):
                n_links += 1
                want = {'valid': True, 'invalid': False, 'definition': None}[e]
                if r != want:
                    fails += 1; print(f'MISMATCH doc {name} line {lk["line"]}: expect {lk["expect"]}, numbers say {res}')
        n_docs += 1
    nv = sum(c['expect'] == 'valid' for c in claims)
    print(f'claims checked: {n_claims} ({nv} valid, {n_claims - nv} invalid); documents: {n_docs}; document links checked: {n_links}; mismatches: {fails}')
    sys.exit(1 if fails else 0)

if __name__ == '__main__':
    main()
