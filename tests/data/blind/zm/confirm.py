# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zm).

Each claim and each document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, integrals by dense quadrature), or, for printed
numbers, compared with one unit of the last printed digit.  No LaTeX is parsed.
Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(2027)
RTOL, ATOL = 1e-6, 1e-8
NPTS = 5


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


def jacT(f, x, h=1e-6):
    """J[out_idx..., in_idx...] = d f[out] / d x[in]"""
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    J = np.zeros(f0.shape + x.shape)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        J[(Ellipsis,) + idx] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return J


def for_all(fn, n=NPTS):
    return all(fn() for _ in range(n))


def chain(vals, rtol=1e-6, atol=1e-8):
    """a printed chain v0 = v1 = ... holds iff every link holds"""
    return all(close(vals[k], vals[k + 1], rtol, atol) for k in range(len(vals) - 1))


def links(vals, rtol=1e-6, atol=1e-8):
    return [close(vals[k], vals[k + 1], rtol, atol) for k in range(len(vals) - 1)]


CHECK = {}


def check(cid):
    def deco(fn):
        CHECK["zm-" + cid] = (fn, cid)
        return fn
    return deco


def reg(cid, fn):
    CHECK["zm-" + cid] = (fn, cid)


# ======================= A: attention, index notation (planckeon) =======================
NQ, NK, DK, DV = 3, 4, 2, 3


def softmax_rows(S):
    E = np.exp(S - S.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def att_setup():
    Q = rng.normal(size=(NQ, DK)); K = rng.normal(size=(NK, DK)); V = rng.normal(size=(NK, DV))
    S = Q @ K.T / math.sqrt(DK); A = softmax_rows(S); O = A @ V
    return Q, K, V, S, A, O


I_Q, I_K, I_V = np.eye(NQ), np.eye(NK), np.eye(DV)


def A_dO_dV():
    """returns (FD tensor dO[i,b]/dV[m,n], A)"""
    Q, K, V, S, A, O = att_setup()
    J = jacT(lambda v: A @ v, V)
    return J, A


def att_square():
    """square case n_q = n_k so that index-swapped variants are at least defined"""
    n = 3
    Q = rng.normal(size=(n, DK)); K = rng.normal(size=(n, DK)); V = rng.normal(size=(n, DV))
    S = Q @ K.T / math.sqrt(DK); A = softmax_rows(S)
    return Q, K, V, S, A


def k_pl_dO_dV(i):
    def one():
        Q, K, V, S, A = att_square(); n = A.shape[0]
        J = jacT(lambda v: A @ v, V)
        mid = np.einsum('ij,jm,bn->ibmn', A, np.eye(n), I_V)
        last = np.einsum('im,bn->ibmn', A, I_V) if i == 'pl-dO-dV' else np.einsum('mi,bn->ibmn', A, I_V)
        return chain([J, mid, last])
    return for_all(one)


reg('pl-dO-dV', k_pl_dO_dV)
reg('pl-dO-dV-idx', k_pl_dO_dV)


def k_pl_dL_dV(i):
    def one():
        Q, K, V, S, A = att_square(); n = A.shape[0]
        G = rng.normal(size=(n, DV))
        g = fd(lambda v: np.sum(G * (A @ v)), V)
        mid = np.einsum('ib,im,bn->mn', G, A, I_V)
        last = np.einsum('im,in->mn', A, G) if i == 'pl-dL-dV' else np.einsum('im,mn->mn', A, G)
        return chain([g, mid, last])
    return for_all(one)


reg('pl-dL-dV', k_pl_dL_dV)
reg('pl-dL-dV-idx', k_pl_dL_dV)


def k_pl_dL_dV_mat(i):
    def one():
        Q, K, V, S, A, O = att_setup()
        G = rng.normal(size=O.shape)
        g = fd(lambda v: np.sum(G * (A @ v)), V)
        if i == 'pl-dL-dV-mat':
            r = A.T @ G
        elif i.endswith('transpose'):
            if A.shape[1] != G.shape[0]:
                return False  # A (n_q x n_k) times dL/dO (n_q x d_v) is not even defined
            r = A @ G
        else:
            return False  # dL/dO (n_q x d_v) times A^T (n_k x n_q): undefined
        return close(g, r)
    return for_all(one)


for s in ['', '-transpose', '-order']:
    reg('pl-dL-dV-mat' + s, k_pl_dL_dV_mat)


def k_pl_dO_dA(i):
    def one():
        Q, K, V, S, A = att_square(); n = A.shape[0]
        J = jacT(lambda a: a @ V, A)  # A treated as the independent variable
        if i == 'pl-dO-dA':
            r = np.einsum('im,nb->ibmn', np.eye(n), V)
        else:
            r = np.einsum('in,mb->ibmn', np.eye(n), V)
        return close(J, r)
    return for_all(one)


reg('pl-dO-dA', k_pl_dO_dA)
reg('pl-dO-dA-idx', k_pl_dO_dA)


def k_pl_dL_dA(i):
    def one():
        Q, K, V, S, A = att_square(); n = A.shape[0]
        G = rng.normal(size=(n, DV))
        g = fd(lambda a: np.sum(G * (a @ V)), A)
        r = np.einsum('mb,nb->mn', G, V) if i == 'pl-dL-dA' else np.einsum('nb,mb->mn', G, V)
        return close(g, r)
    return for_all(one)


reg('pl-dL-dA', k_pl_dL_dA)
reg('pl-dL-dA-idx', k_pl_dL_dA)


def k_pl_dL_dA_mat(i):
    def one():
        Q, K, V, S, A, O = att_setup()
        G = rng.normal(size=O.shape)
        g = fd(lambda a: np.sum(G * (a @ V)), A)
        if i == 'pl-dL-dA-mat':
            return close(g, G @ V.T)
        return False  # V^T (d_v x n_k) times dL/dO (n_q x d_v): undefined for these shapes
    return for_all(one)


reg('pl-dL-dA-mat', k_pl_dL_dA_mat)
reg('pl-dL-dA-mat-order', k_pl_dL_dA_mat)


def k_pl_dA_dS(i):
    def one():
        Q, K, V, S, A = att_square(); n = A.shape[0]; I = np.eye(n)
        J = jacT(softmax_rows, S)
        if i == 'pl-dA-dS':
            r = np.einsum('im,ij,ijn->ijmn', I, A, I[None, :, :] - A[:, None, :])
        else:
            r = np.einsum('im,ij,ijn->ijmn', I, A, I[None, :, :] - A[:, :, None])
        return close(J, r)
    return for_all(one)


reg('pl-dA-dS', k_pl_dA_dS)
reg('pl-dA-dS-idx', k_pl_dA_dS)


def k_pl_dL_dS(i):
    def one():
        Q, K, V, S, A, O = att_setup()
        GA = rng.normal(size=A.shape)
        g = fd(lambda s: np.sum(GA * softmax_rows(s)), S)
        sgn = -1 if i == 'pl-dL-dS' else 1
        r = A * (GA + sgn * np.sum(A * GA, axis=1, keepdims=True))
        return close(g, r)
    return for_all(one)


reg('pl-dL-dS', k_pl_dL_dS)
reg('pl-dL-dS-sign', k_pl_dL_dS)


def k_pl_dS_dQ(i):
    def one():
        Q, K, V, S, A, O = att_setup()
        J = jacT(lambda q: q @ K.T / math.sqrt(DK), Q)  # J[i,j,k,l]
        mid = np.einsum('ik,al,ja->ijkl', I_Q, np.eye(DK), K) / math.sqrt(DK)
        last = np.einsum('ik,jl->ijkl', I_Q, K)
        if i == 'pl-dS-dQ':
            last = last / math.sqrt(DK)
        return chain([J, mid, last])
    return for_all(one)


reg('pl-dS-dQ', k_pl_dS_dQ)
reg('pl-dS-dQ-factor', k_pl_dS_dQ)


def k_pl_dL_dQ(i):
    def one():
        Q, K, V, S, A, O = att_setup()
        GS = rng.normal(size=S.shape)
        g = fd(lambda q: np.sum(GS * (q @ K.T / math.sqrt(DK))), Q)
        if i == 'pl-dL-dQ':
            r = np.einsum('kj,jl->kl', GS, K) / math.sqrt(DK)
        elif i == 'pl-dL-dQ-factor':
            r = np.einsum('kj,jl->kl', GS, K) / DK
        elif i == 'pl-dL-dQ-mat':
            r = GS @ K / math.sqrt(DK)
        else:
            if GS.shape[1] != K.T.shape[0]:
                return False  # (n_q x n_k)(d_k x n_k): undefined
            r = GS @ K.T / math.sqrt(DK)
        return close(g, r)
    return for_all(one)


for s in ['pl-dL-dQ', 'pl-dL-dQ-factor', 'pl-dL-dQ-mat', 'pl-dL-dQ-mat-transpose']:
    reg(s, k_pl_dL_dQ)


def k_pl_dL_dK(i):
    def one():
        if i == 'pl-dL-dK-idx':
            Q, K, V, S, A = att_square()
        else:
            Q, K, V, S, A, O = att_setup()
        GS = rng.normal(size=S.shape)
        g = fd(lambda k: np.sum(GS * (Q @ k.T / math.sqrt(DK))), K)
        if i == 'pl-dL-dK':
            r = np.einsum('ik,il->kl', GS, Q) / math.sqrt(DK)
        elif i == 'pl-dL-dK-idx':
            r = np.einsum('ki,il->kl', GS, Q) / math.sqrt(DK)
        elif i == 'pl-dL-dK-mat':
            r = GS.T @ Q / math.sqrt(DK)
        else:
            if GS.shape[1] != Q.shape[0]:
                return False
            r = GS @ Q / math.sqrt(DK)
        return close(g, r)
    return for_all(one)


for s in ['pl-dL-dK', 'pl-dL-dK-idx', 'pl-dL-dK-mat', 'pl-dL-dK-mat-transpose']:
    reg(s, k_pl_dL_dK)


def smx(s):
    e = np.exp(s - s.max())
    return e / e.sum()


def k_pl_smx(i):
    def one():
        n = 4
        s = rng.normal(size=n)
        Z = np.exp(s).sum(); a = np.exp(s) / Z; e = np.exp(s)
        J = jacT(smx, s)  # J[i,j] = da_i/ds_j
        if i.startswith('pl-smx-diag'):
            k = 1
            lhs = J[k, k]
            m1 = (e[k] * Z - e[k] * e[k]) / Z ** 2
            if i.endswith('quot'):
                m1 = (e[k] * Z - e[k] * e[k]) / Z
            m2 = e[k] / Z - (e[k] ** 2 if not i.endswith('exp') else e[k]) / Z ** 2
            return chain([lhs, m1, m2])
        if i.startswith('pl-smx-off'):
            k, j = 1, 2
            m1 = (0 * Z - e[k] * e[j]) / Z ** 2
            m2 = (-1 if i == 'pl-smx-off' else 1) * e[k] * e[j] / Z ** 2
            return chain([J[k, j], m1, m2])
        if i.startswith('pl-smx-comb'):
            sg = -1 if i == 'pl-smx-comb' else 1
            r = a[:, None] * (np.eye(n) + sg * a[None, :])
            return close(J, r)
        if i == 'pl-smx-mat':
            return close(J, np.diag(a) - np.outer(a, a))
        if i == 'pl-smx-mat-outer':
            return close(J, np.diag(a) - np.dot(a, a) * np.ones((1, 1)))  # a^T a is 1x1: not the n x n Jacobian
    return for_all(one)


for s in ['pl-smx-diag', 'pl-smx-diag-exp', 'pl-smx-diag-quot', 'pl-smx-off', 'pl-smx-off-sign', 'pl-smx-comb', 'pl-smx-comb-sign', 'pl-smx-mat', 'pl-smx-mat-outer']:
    reg(s, k_pl_smx)

HH, NX, DM = 2, 3, 3  # heads, positions, model dim; d_k = 2 per head, d_v = 2


def k_pl_mh(i):
    def one():
        X = rng.normal(size=(NX, DM))
        W = rng.normal(size=(HH, DM, DK))
        Qf = lambda w: np.einsum('ib,hba->hia', X, w)
        if i.startswith('pl-mh-dQ-dW'):
            J = jacT(Qf, W)  # J[h',i',a',h,b,a]
            Ih, Ia, Ib = np.eye(HH), np.eye(DK), np.eye(DM)
            if i == 'pl-mh-dQ-dW':
                r = np.einsum('gh,ib,ca->gichba', Ih, X, Ia)
            else:  # delta^{h'}_h X^{i'a} delta^{a'}_b : needs a to range over features of X and b over head dims
                if DK != DM:
                    return False
                r = np.einsum('gh,ia,cb->gichba', Ih, X, Ia)
            return close(J, r)
        if i.startswith('pl-mh-dL-dWQ'):
            GQ = rng.normal(size=(HH, NX, DK))
            g = fd(lambda w: np.sum(GQ * Qf(w)), W)
            if i == 'pl-mh-dL-dWQ':
                return close(g, np.einsum('ib,hia->hba', X, GQ))
            if i == 'pl-mh-dL-dWQ-idx':
                return False if DK != DM else close(g, np.einsum('ia,hib->hba', X, GQ))
            if i == 'pl-mh-dL-dWQ-mat':
                return all(close(g[h], X.T @ GQ[h]) for h in range(HH))
            return False  # dL/dQ^h (n x d_k) X^T (d_model x n): undefined
        if i.startswith('pl-mh-dL-dWO'):
            O = rng.normal(size=(HH, NX, DV)); WO = rng.normal(size=(HH, DV, DM)); GY = rng.normal(size=(NX, DM))
            g = fd(lambda w: np.sum(GY * np.einsum('hic,hcd->id', O, w)), WO)
            if i == 'pl-mh-dL-dWO':
                return close(g, np.einsum('hic,id->hcd', O, GY))
            return close(g, np.einsum('hid,ic->hcd', O, GY))  # c and d exchanged (square dims)
    return for_all(one)


for s in ['pl-mh-dQ-dW', 'pl-mh-dQ-dW-idx', 'pl-mh-dL-dWQ', 'pl-mh-dL-dWQ-idx', 'pl-mh-dL-dWQ-mat', 'pl-mh-dL-dWQ-mat-order', 'pl-mh-dL-dWO', 'pl-mh-dL-dWO-idx']:
    reg(s, k_pl_mh)

# ======================= B: batch norm backward (hingma) =======================
NB, DB, EPS = 5, 3, 1e-3


def bn_fwd(x, gamma, beta):
    mu = x.mean(axis=0); var = ((x - mu) ** 2).mean(axis=0)
    xh = (x - mu) / np.sqrt(var + EPS)
    return gamma * xh + beta, xh, mu, var


def k_bn(i):
    def one():
        x = rng.normal(size=(NB, DB)); gamma = rng.normal(size=DB); beta = rng.normal(size=DB)
        dy = rng.normal(size=(NB, DB))
        L = lambda x_, g_, b_: np.sum(dy * bn_fwd(x_, g_, b_)[0])
        y, xh, mu, var = bn_fwd(x, gamma, beta)
        if i.startswith('bn-dbeta'):
            g = fd(lambda b: L(x, gamma, b), beta)
            last = dy.sum(0) if i == 'bn-dbeta' else dy.sum(0) / NB
            return chain([g, dy.sum(0), last])
        if i.startswith('bn-dgamma'):
            g = fd(lambda gg: L(x, gg, beta), gamma)
            mid = np.sum(dy * xh, axis=0)  # dy_{ij} * dy_{ij}/dgamma_j = dy * xhat
            last = np.sum(dy * (xh if i == 'bn-dgamma' else x), axis=0)
            return chain([g, mid, last])
        if i.startswith('bn-dxhat-dvar'):
            # partial of xhat = (x - mu)(v + eps)^{-1/2} w.r.t. v with x, mu fixed
            f = lambda v: (x - mu) / np.sqrt(v + EPS)
            J = np.stack([(f(var + 1e-6 * np.eye(DB)[j]) - f(var - 1e-6 * np.eye(DB)[j]))[:, j] / 2e-6 for j in range(DB)], axis=1)
            if i == 'bn-dxhat-dvar':
                r = (x - mu) * (-0.5) * (var + EPS) ** -1.5
            elif i.endswith('exp'):
                r = (x - mu) * (-0.5) * (var + EPS) ** -0.5
            else:
                r = (x - mu) * 0.5 * (var + EPS) ** -1.5
            return close(J, r)
        if i.startswith('bn-dxhat'):
            # L as a function of xhat through y = gamma xhat + beta
            g = fd(lambda xh_: np.sum(dy * (gamma * xh_ + beta)), xh)
            last = dy * gamma if i == 'bn-dxhat' else dy * xh
            return chain([g, dy * gamma, last])
        if i.startswith('bn-xhat-pow'):
            p = -0.5 if i == 'bn-xhat-pow' else 0.5
            return close(xh, (x - mu) * (var + EPS) ** p)
    return for_all(one)


for s in ['bn-dbeta', 'bn-dbeta-mean', 'bn-dgamma', 'bn-dgamma-xhat', 'bn-dxhat', 'bn-dxhat-beta', 'bn-dxhat-dvar', 'bn-dxhat-dvar-exp', 'bn-dxhat-dvar-sign', 'bn-xhat-pow', 'bn-xhat-pow-exp']:
    reg(s, k_bn)

# ======================= C: focal loss (mshlis) =======================
FL = lambda p, g: -(1 - p) ** g * np.log(p)
dnum = lambda f, p, h=1e-6: (f(p + h) - f(p - h)) / (2 * h)


def k_fl(i):
    def one():
        p = rng.uniform(0.05, 0.95); gam = rng.uniform(0.5, 3.0)
        d = dnum(lambda q: FL(q, gam), p)
        dCE = -1 / p
        if i == 'fl-grad':
            return close(d, -(1 - p) ** gam / p + gam * (1 - p) ** (gam - 1) * np.log(p))
        if i == 'fl-grad-sign':
            return close(d, (1 - p) ** gam / p + gam * (1 - p) ** (gam - 1) * np.log(p))
        if i == 'fl-grad-exp':
            return close(d, -(1 - p) ** gam / p + gam * (1 - p) ** gam * np.log(p))
        if i == 'fl-grad-ce':
            return close(d, -(1 - p) ** gam * dCE + gam * (1 - p) ** (gam - 1) * np.log(p))
        if i == 'fl-fgl-ce':
            return close(-(1 - p) ** gam / p, -(1 - p) ** gam * dCE)
        if i.startswith('fl-resid'):
            R = gam * (1 - p) ** (gam - 1) * np.log(p)
            FLm1 = -(1 - p) ** (gam - 1) * np.log(p)
            return close(R, (-gam if i == 'fl-resid' else gam) * FLm1)
        if i.startswith('fl-integral'):
            G = int(rng.integers(1, 5))
            z = np.linspace(1.0, p, 200001)
            fz = -(1 - z) ** G / z
            integ = np.sum((fz[1:] + fz[:-1]) / 2 * np.diff(z))
            sm = sum(math.comb(G, k) * ((-p) ** k - (-1) ** k) / k for k in range(1, G + 1))
            sm0 = sum(math.comb(G, k) * ((-p) ** k) / k for k in range(1, G + 1))
            if i == 'fl-integral':
                rhs = -np.log(p) - sm
            elif i.endswith('log'):
                rhs = np.log(p) - sm
            else:
                rhs = -np.log(p) - sm0
            return close(integ, rhs, rtol=1e-7, atol=1e-8)
    return for_all(one)


for s in ['fl-grad', 'fl-grad-sign', 'fl-grad-exp', 'fl-grad-ce', 'fl-fgl-ce', 'fl-resid', 'fl-resid-sign', 'fl-integral', 'fl-integral-log', 'fl-integral-const']:
    reg(s, k_fl)

# ======================= D: ELBO identities (kvfrans), discrete latent z =======================
NZ = 5


def elbo_setup():
    pz = rng.dirichlet(np.ones(NZ))            # prior p(z)
    px_z = rng.uniform(0.05, 0.9, size=NZ)     # p_theta(x|z) for the observed x
    pzx = px_z * pz                            # joint p(z, x)
    px = pzx.sum()                             # p(x) = sum_z p(x|z) p(z)
    pz_x = pzx / px                            # posterior p(z|x)
    q = rng.dirichlet(np.ones(NZ))             # q_phi(z|x)
    E = lambda f: float(np.sum(q * f))
    KL = float(np.sum(q * np.log(q / pz_x)))
    return pz, px_z, pzx, px, pz_x, q, E, KL


def k_elbo(i):
    def one():
        pz, px_z, pzx, px, pz_x, q, E, KL = elbo_setup()
        L = np.log
        if i == 'elbo-bayes':
            return close(px_z, pz_x * px / pz)
        if i == 'elbo-bayes-swap':
            return close(px_z, pz_x * pz / px)
        if i == 'elbo-kl-def':
            return close(KL, E(L(q) - L(pz_x)))
        if i == 'elbo-kl-def-order':
            return close(KL, E(L(pz_x) - L(q)))
        a = E(L(q) - L(pz_x))
        if i == 'elbo-step1':
            return close(a, E(L(q) - L(pzx / px)))
        if i == 'elbo-step1-inv':
            return close(a, E(L(q) - L(px / pzx)))
        b = E(L(q) - L(pzx / px))
        if i == 'elbo-step2':
            return close(b, E(L(q) - L(pzx) + L(px)))
        if i == 'elbo-step2-sign':
            return close(b, E(L(q) - L(pzx) - L(px)))
        c = E(L(q) - L(pzx) + L(px))
        if i == 'elbo-step3':
            return close(c, E(L(q) - L(pzx)) + L(px))
        if i == 'elbo-step3-sign':
            return close(c, E(L(q) - L(pzx)) - L(px))
        d = E(L(q) - L(pzx)) + L(px)
        if i == 'elbo-step4':
            return close(d, E(L(q) - L(px_z * pz)) + L(px))
        if i == 'elbo-step4-ratio':
            return close(d, E(L(q) - L(px_z / pz)) + L(px))
        if i == 'elbo-final':
            return close(L(px), E(L(px_z * pz) - L(q)) + KL)
        if i == 'elbo-final-sign':
            return close(L(px), E(L(px_z * pz) - L(q)) - KL)
    return for_all(one)


for s in ['elbo-bayes', 'elbo-bayes-swap', 'elbo-kl-def', 'elbo-kl-def-order', 'elbo-step1', 'elbo-step1-inv', 'elbo-step2', 'elbo-step2-sign', 'elbo-step3', 'elbo-step3-sign', 'elbo-step4', 'elbo-step4-ratio', 'elbo-final', 'elbo-final-sign']:
    reg(s, k_elbo)

# ======================= E: Gaussian KL (BorisPolonsky, KennethWang, Allison) =======================
XG = np.linspace(-40, 40, 400001)
DXG = XG[1] - XG[0]


def npdf(x, m, s):
    return np.exp(-(x - m) ** 2 / (2 * s * s)) / (math.sqrt(2 * math.pi) * s)


def integ(f):
    return float(np.sum(f) * DXG)


def gauss_pair():
    m1, m2 = rng.normal(size=2); s1, s2 = rng.uniform(0.6, 2.0, size=2)
    return m1, m2, s1, s2


def k_kl(i):
    def one():
        m1, m2, s1, s2 = gauss_pair()
        P = npdf(XG, m1, s1); Qd = npdf(XG, m2, s2)
        KLn = integ(P * (np.log(P + 1e-300) - np.log(Qd + 1e-300)))
        EPlogQ = integ(P * np.log(Qd + 1e-300))
        EPlogP = integ(P * np.log(P + 1e-300))
        tol = dict(rtol=1e-6, atol=1e-7)
        # --- BorisPolonsky (mu_1, sigma_1 = P; mu_2, sigma_2 = Q; sigma = standard deviation)
        if i == 'bp-split':
            return close(KLn, EPlogP - EPlogQ, **tol)
        if i == 'bp-split-sign':
            return close(KLn, EPlogP + EPlogQ, **tol)
        c0 = -0.5 * np.log(2 * np.pi * s2 ** 2)
        if i == 'bp-logq':
            return close(EPlogQ, c0 * integ(P) - integ(P * (XG - m2) ** 2) / (2 * s2 ** 2), **tol)
        if i == 'bp-logq-half':
            return close(EPlogQ, 2 * c0 * integ(P) - integ(P * (XG - m2) ** 2) / (2 * s2 ** 2), **tol)
        if i == 'bp-logq-log':
            return close(EPlogQ, integ(P * (np.log(1 / np.sqrt(2 * np.pi * s2 ** 2)) - (XG - m2) ** 2 / (2 * s2 ** 2))), **tol)
        if i == 'bp-logq-log-sq':
            return close(EPlogQ, integ(P * (np.log(1 / np.sqrt(2 * np.pi * s2 ** 2)) - (XG - m2) ** 2 / (s2 ** 2))), **tol)
        EX = integ(P * XG); EX2 = integ(P * XG ** 2)
        if i == 'bp-expect':
            return close(EPlogQ, c0 - (EX2 - 2 * m2 * EX + m2 ** 2) / (2 * s2 ** 2), **tol)
        if i == 'bp-expect-sign':
            return close(EPlogQ, c0 - (EX2 + 2 * m2 * EX + m2 ** 2) / (2 * s2 ** 2), **tol)
        if i == 'bp-ex2':
            return close(EX2, s1 ** 2 + m1 ** 2, **tol)
        if i == 'bp-ex2-sign':
            return close(EX2, s1 ** 2 - m1 ** 2, **tol)
        # --- KennethWang (p = P, q = Q)
        mp, sp, mq, sq = m1, s1, m2, s2
        if i.startswith('kw-log'):
            r = np.log(sq / sp) if i == 'kw-log' else np.log(sp / sq)
            return close(KLn, integ(P * (r - (XG - mp) ** 2 / (2 * sp ** 2) + (XG - mq) ** 2 / (2 * sq ** 2))), **tol)
        if i.startswith('kw-varp'):
            return close(integ((XG - mp) ** 2 * P), sp ** 2 if i == 'kw-varp' else sp, **tol)
        if i.startswith('kw-varq'):
            sg = 1 if i == 'kw-varq' else -1
            return close(integ((XG - mq) ** 2 * P), sp ** 2 + sg * (mp - mq) ** 2, **tol)
        if i.startswith('kw-final'):
            f = {'kw-final': np.log(sq / sp) - 0.5 + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2),
                 'kw-final-two': np.log(sq / sp) - 0.5 + (sp ** 2 + (mp - mq) ** 2) / (sq ** 2),
                 'kw-final-half': np.log(sq / sp) + 0.5 + (sp ** 2 + (mp - mq) ** 2) / (2 * sq ** 2),
                 'kw-final-swap': np.log(sq / sp) - 0.5 + (sq ** 2 + (mp - mq) ** 2) / (2 * sp ** 2)}[i]
            return close(KLn, f, **tol)
        # --- Allison (m = mean, s = standard deviation)
        if i.startswith('al-middle'):
            lr = np.log(s2 / s1) if i == 'al-middle' else np.log(s1 / s2)
            return close(KLn, -0.5 * (s1 / s1) ** 2 + 0.5 * (s1 / s2) ** 2 + 0.5 * ((m1 - m2) / s2) ** 2 + lr, **tol)
        if i.startswith('al-final'):
            f = {'al-final': ((m1 - m2) ** 2 + s1 ** 2 - s2 ** 2) / (2 * s2 ** 2) + np.log(s2 / s1),
                 'al-final-sign': ((m1 - m2) ** 2 - s1 ** 2 + s2 ** 2) / (2 * s2 ** 2) + np.log(s2 / s1),
                 'al-final-den': ((m1 - m2) ** 2 + s1 ** 2 - s2 ** 2) / (2 * s1 ** 2) + np.log(s2 / s1)}[i]
            return close(KLn, f, **tol)
        if i.startswith('al-common'):
            P2 = npdf(XG, m2, s1)
            KLc = integ(P * (np.log(P + 1e-300) - np.log(P2 + 1e-300)))
            f = (m1 - m2) ** 2 / (2 * s1 ** 2) if i == 'al-common' else (m1 - m2) ** 2 / s1 ** 2
            return close(KLc, f, **tol)
    return for_all(one, n=3)


for s in ['bp-split', 'bp-split-sign', 'bp-logq', 'bp-logq-half', 'bp-logq-log', 'bp-logq-log-sq', 'bp-expect', 'bp-expect-sign', 'bp-ex2', 'bp-ex2-sign',
          'kw-log', 'kw-log-ratio', 'kw-varp', 'kw-varp-pow', 'kw-varq', 'kw-varq-sign', 'kw-final', 'kw-final-two', 'kw-final-half', 'kw-final-swap',
          'al-middle', 'al-middle-ln', 'al-final', 'al-final-sign', 'al-final-den', 'al-common', 'al-common-two']:
    reg(s, k_kl)

# ======================= F: Poisson likelihood (rh8liuqy) =======================


def k_po(i):
    def one():
        b0 = rng.normal(); lam_true = math.exp(b0)
        if i.startswith('po-lambda'):
            # log(E y) = b0 and E y = lambda  =>  lambda = exp(b0)
            return close(lam_true, math.exp(b0) if i == 'po-lambda' else math.exp(-b0))
        n = 6; y = rng.integers(0, 8, size=n); lam = rng.uniform(0.5, 5)
        pmf = np.array([lam ** k * math.exp(-lam) / math.factorial(k) for k in y])
        joint = float(np.prod(pmf))
        if i == 'po-lik':
            return close(joint, lam ** y.sum() * math.exp(-n * lam) / np.prod([math.factorial(k) for k in y]))
        if i == 'po-lik-n':
            return close(joint, lam ** y.sum() * math.exp(-lam) / np.prod([math.factorial(k) for k in y]))
        ll = math.log(joint)
        lf = sum(math.log(math.factorial(k)) for k in y)
        if i == 'po-loglik':
            return close(ll, y.sum() * math.log(lam) - n * lam - lf)
        if i == 'po-loglik-sign':
            return close(ll, y.sum() * math.log(lam) + n * lam - lf)
        if i == 'po-loglik-fact':
            y2 = np.maximum(y, 1)  # log(y_i) needs y_i >= 1; use data with such values
            pm = np.array([lam ** k * math.exp(-lam) / math.factorial(k) for k in y2])
            return close(math.log(np.prod(pm)), y2.sum() * math.log(lam) - n * lam - sum(math.log(k) for k in y2))
    return for_all(one)


for s in ['po-lambda', 'po-lambda-sign', 'po-lik', 'po-lik-n', 'po-loglik', 'po-loglik-sign', 'po-loglik-fact']:
    reg(s, k_po)

# ======================= documents =======================
DOCS = {}


def doc(stem, text):
    def deco(fn):
        key = (stem, text)
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco


def every(fn, n=NPTS):
    runs = [fn() for _ in range(n)]
    out = []
    for k in range(len(runs[0])):
        col = [r[k] for r in runs]
        out.append(None if col[0] is None else all(col))
    return out


def claim_link(cid):
    """a one-link document line that repeats a claim: its verdict is the claim's"""
    fn, i = CHECK["zm-" + cid]
    return lambda: [fn(i)]


def claim_chain(cid, nlinks):
    """a chain line identical to a chain claim: every link is checked by the claim's function (each link valid iff the claim is)"""
    fn, i = CHECK["zm-" + cid]
    return lambda: [fn(i)] * nlinks


DEFN = lambda: [None]

# DOCS-BEGIN
# ----- document texts (each string is the exact content of one $$ ... $$ line) -----
T = {}
T['att_S'] = r"S^{ij} = \frac{1}{\sqrt{d_k}} Q^{ia} K^{ja}"
T['att_A'] = r"A^{ij} = \text{softmax}_j(S^{ij})"
T['att_O'] = r"O^{ib} = A^{ij} V^{jb}"
T['att_dOdV'] = r"\frac{\partial O^{ib}}{\partial V^{mn}} = A^{ij} \delta^j_m \delta^b_n = A^{im} \delta^b_n"
T['att_dLdV'] = r"\frac{\partial L}{\partial V^{mn}} = \frac{\partial L}{\partial O^{ib}} A^{im} \delta^b_n = A^{im} \frac{\partial L}{\partial O^{in}}"
T['att_dOdA'] = r"\frac{\partial O^{ib}}{\partial A^{mn}} = \delta^i_m V^{nb}"
T['att_dLdA'] = r"\frac{\partial L}{\partial A^{mn}} = \frac{\partial L}{\partial O^{mb}} V^{nb}"
T['att_dAdS'] = r"\frac{\partial A^{ij}}{\partial S^{mn}} = \delta^i_m A^{ij} (\delta^j_n - A^{in})"
T['att_dLdS'] = r"\frac{\partial L}{\partial S^{ij}} = A^{ij} \left( \frac{\partial L}{\partial A^{ij}} - \sum_{j'} A^{ij'} \frac{\partial L}{\partial A^{ij'}} \right)"
T['att_dSdQ'] = r"\frac{\partial S^{ij}}{\partial Q^{kl}} = \frac{1}{\sqrt{d_k}} \delta^i_k \delta^a_l K^{ja} = \frac{1}{\sqrt{d_k}} \delta^i_k K^{jl}"
T['att_dLdQ'] = r"\frac{\partial L}{\partial Q^{kl}} = \frac{1}{\sqrt{d_k}} \frac{\partial L}{\partial S^{kj}} K^{jl}"
T['att_dLdK'] = r"\frac{\partial L}{\partial K^{kl}} = \frac{1}{\sqrt{d_k}} \frac{\partial L}{\partial S^{ik}} Q^{il}"
T['sm_a'] = r"a_i = \frac{e^{s_i}}{\sum_k e^{s_k}} = \frac{e^{s_i}}{Z}"
T['sm_diag'] = r"\frac{\partial a_i}{\partial s_i} = \frac{e^{s_i} \cdot Z - e^{s_i} \cdot e^{s_i}}{Z^2} = \frac{e^{s_i}}{Z} - \frac{e^{2s_i}}{Z^2}"
T['sm_off'] = r"\frac{\partial a_i}{\partial s_j} = \frac{0 \cdot Z - e^{s_i} \cdot e^{s_j}}{Z^2} = -\frac{e^{s_i} e^{s_j}}{Z^2}"
T['sm_comb'] = r"\frac{\partial a_i}{\partial s_j} = a_i(\delta_{ij} - a_j)"
T['sm_mat'] = r"\frac{\partial A}{\partial S} = \text{diag}(a) - a a^T"
T['sm_idx'] = r"\frac{\partial A^{ij}}{\partial S^{mn}} = \delta^i_m A^{ij}(\delta^j_n - A^{in})"
T['el_chain'] = (r"KL(q_\phi(z|x), p(z|x)) = E_q[log \; q_\phi(z|x) - log \; p(z|x)] = E_q[log \; q_\phi(z|x) - log \; p(z,x)/p(x)]"
                 r" = E_q[log \; q_\phi(z|x) - log \; p(z,x) + log \; p(x)] = E_q[log \; q_\phi(z|x) - log \; p(z,x)] + log \; p(x)"
                 r" = E_q[log \; q_\phi(z|x) - log \; p_\theta(x|z)p(z)] + log \; p(x)")
T['el_chain_mut'] = T['el_chain'].replace(r"p(z,x) + log \; p(x)]", r"p(z,x) - log \; p(x)]")
T['el_final'] = r"log \; p(x) = E_q[log \; p_\theta(x|z)p(z) - log \; q_\phi(z|x)] + KL(q_\phi(z|x), p(z|x))"
T['el_final_mut'] = r"log \; p(x) = E_q[log \; p_\theta(x|z)p(z) - log \; q_\phi(z|x)] - KL(q_\phi(z|x), p(z|x))"
T['bp_def'] = r"D_{KL}(P,Q)=\int_{-\infty}^{+\infty}P(x)\log\frac{P(x)}{Q(x)} \mathrm{d}x"
T['bp_split'] = r"\int_{-\infty}^{+\infty}P(x)\log\frac{P(x)}{Q(x)} \mathrm{d}x =\int_{-\infty}^{+\infty}P(x)\log P(x) \mathrm{d}x - \int_{-\infty}^{+\infty}P(x)\log Q(x) \mathrm{d}x"
T['bp_chain'] = (r"\int_{-\infty}^{+\infty}P(x)\log Q(x) \mathrm{d}x=\int_{-\infty}^{+\infty}P(X)\log\left[\frac{1}{\sqrt{2\pi{\sigma_{2}}^{2}}} e^{-\frac{(x-\mu_{2})^{2}}{2{\sigma_{2}}^{2}}}\right]\mathrm{d}x"
                 r" =\int_{-\infty}^{+\infty}P(x)\left[\log\frac{1}{\sqrt{2\pi{\sigma_{2}}^{2}}}-\frac{(x-\mu_{2})^{2}}{2{\sigma_{2}}^{2}}\right]\mathrm{d}x"
                 r" =-\frac{1}{2}\log 2\pi{\sigma_{2}}^{2}\int_{-\infty}^{+\infty}P(x)\mathrm{d}x - \frac{1}{2{\sigma_{2}}^{2}}\int_{-\infty}^{+\infty}P(x)(x-\mu_{2})^{2}\mathrm{d}x"
                 r" =-\frac{1}{2}\log 2\pi{\sigma_{2}}^{2} - \frac{1}{2{\sigma_{2}}^{2}}\int_{-\infty}^{+\infty}P(x)\left(x^{2}-2\mu_{2}x +{\mu_{2}}^{2}\right)\mathrm{d}x"
                 r" =-\frac{1}{2}\log 2\pi{\sigma_{2}}^{2} - \frac{1}{2{\sigma_{2}}^{2}}{\mathbb{E}_{X\sim P(x)}}\left[X^{2}-2\mu_{2}X +{\mu_{2}}^{2}\right]")
T['bp_chain_mut'] = T['bp_chain'].replace(r" =-\frac{1}{2}\log 2\pi{\sigma_{2}}^{2}\int_{-\infty}^{+\infty}P(x)\mathrm{d}x", r" =-\log 2\pi{\sigma_{2}}^{2}\int_{-\infty}^{+\infty}P(x)\mathrm{d}x")
T['bp_ex2'] = r"{\mathbb{E}_{X\sim P(x)}}\left[X^{2}\right]={\sigma_{1}}^{2}+{\mu_{1}}^{2}"
T['bp_ex2_mut'] = r"{\mathbb{E}_{X\sim P(x)}}\left[X^{2}\right]={\sigma_{1}}^{2}+{\mu_{1}}"
T['kw_def'] = r"KL(P \| Q) = \int P(x) \log\frac{P(x)}{Q(x)} dx"
T['kw_sub'] = r"KL(P \| Q) = \int_{-\infty}^{\infty} P(x) \log\frac{\frac{1}{\sqrt{2\pi}\sigma_p}\exp\left(-\frac{(x - \mu_p)^2}{2\sigma_p^2}\right)}{\frac{1}{\sqrt{2\pi}\sigma_q}\exp\left(-\frac{(x - \mu_q)^2}{2\sigma_q^2}\right)} dx"
T['kw_log'] = r"KL(P \| Q) = \int_{-\infty}^{\infty} P(x)\left[\log\frac{\sigma_q}{\sigma_p} - \frac{(x - \mu_p)^2}{2\sigma_p^2} + \frac{(x - \mu_q)^2}{2\sigma_q^2}\right] dx"
T['kw_varp'] = r"\int_{-\infty}^{\infty}(x - \mu_p)^2P(x)dx = \sigma_p^2"
T['kw_varq'] = r"\int_{-\infty}^{\infty}(x - \mu_q)^2P(x)dx = \sigma_p^2 + (\mu_p - \mu_q)^2"
T['kw_final'] = r"KL(P \| Q) = \log\frac{\sigma_q}{\sigma_p} - \frac{1}{2} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2}"
T['bn_beta'] = r"\frac{\partial \mathcal{L}}{\partial \beta_j} = \sum_{i=1}^N \frac{\partial \mathcal{L}}{\partial y_{i,j}} = \sum_{i=1}^N dy_{i,j}"
T['bn_gamma'] = r"\frac{\partial \mathcal{L}}{\partial \gamma_j} = \sum_{i=1}^N \frac{\partial \mathcal{L}}{\partial y_{i,j}} \cdot \frac{\partial y_{i,j}}{\partial \gamma_j} = \sum_{i=1}^N dy_{i,j} \cdot \hat{x}_{i,j}"
T['bn_xhat'] = r"\frac{\partial \mathcal{L}}{\partial \hat{x}_{i,j}} = \frac{\partial \mathcal{L}}{\partial y_{i,j}} \cdot \frac{\partial y_{i,j}}{\partial \hat{x}_{i,j}} = dy_{i,j} \cdot \gamma_j"
T['bn_dvar'] = r"\frac{\partial \hat{x}_{i,j}}{\partial \sigma^2_j} = (x_{i,j} - \mu_j) \cdot \left(-\frac{1}{2}\right)(\sigma^2_j + \epsilon)^{-3/2}"
T['fl_grad'] = r"\dot{FL(p)} = - \frac{(1-p)^\gamma }{p} + \gamma (1-p)^{\gamma - 1} \ log(p) = -(1-p)^\gamma \ \dot{CE(p)} + \gamma (1-p)^{\gamma - 1} \ log(p) = -(1-p)^\gamma \ \dot{CE(p)} + R(p)"
T['fl_fgl'] = r"\dot{FGL(p)} = - \frac{(1-p)^\gamma }{p} = -(1-p)^\gamma \ \dot{CE(p)}"
T['fl_resid'] = r"R(p) = -\gamma * FL_{\gamma -1}(p)"
T['fl_int'] = r"L(p) = \int_{z=1}^p -\frac{(1-z)^\gamma}{z} dz = -log(p) - \sum_{i=1}^\gamma {\gamma \choose i}\frac{(-p)^i - (-1)^i}{i}"


def _reg_all():
    D = 'attention-backward-planckeon'
    for k in ['att_S', 'att_A', 'att_O']:
        doc(D, T[k])(DEFN)
    doc(D, T['att_dOdV'])(lambda: [CHECK['zm-pl-dO-dV'][0]('pl-dO-dV')] * 2)
    doc(D, T['att_dLdV'])(lambda: [CHECK['zm-pl-dL-dV'][0]('pl-dL-dV')] * 2)
    doc(D, T['att_dOdA'])(claim_link('pl-dO-dA'))
    doc(D, T['att_dLdA'])(claim_link('pl-dL-dA'))
    doc(D, T['att_dAdS'])(claim_link('pl-dA-dS'))
    doc(D, T['att_dLdS'])(claim_link('pl-dL-dS'))
    doc(D, T['att_dSdQ'])(lambda: [CHECK['zm-pl-dS-dQ'][0]('pl-dS-dQ')] * 2)
    doc(D, T['att_dLdQ'])(claim_link('pl-dL-dQ'))
    doc(D, T['att_dLdK'])(claim_link('pl-dL-dK'))

    D = 'softmax-jacobian-planckeon'
    def sm_a():
        s = rng.normal(size=4); Z = np.exp(s).sum()
        return [None, None]  # the second member introduces the name Z for the sum
    doc(D, T['sm_a'])(lambda: every(sm_a))
    def sm_diag():
        s = rng.normal(size=4); Z = np.exp(s).sum(); e = np.exp(s); J = jacT(smx, s); k = 2
        return links([J[k, k], (e[k] * Z - e[k] * e[k]) / Z ** 2, e[k] / Z - e[k] ** 2 / Z ** 2])
    doc(D, T['sm_diag'])(lambda: every(sm_diag))
    def sm_off():
        s = rng.normal(size=4); Z = np.exp(s).sum(); e = np.exp(s); J = jacT(smx, s); k, j = 0, 3
        return links([J[k, j], (0 * Z - e[k] * e[j]) / Z ** 2, -e[k] * e[j] / Z ** 2])
    doc(D, T['sm_off'])(lambda: every(sm_off))
    doc(D, T['sm_comb'])(claim_link('pl-smx-comb'))
    doc(D, T['sm_mat'])(claim_link('pl-smx-mat'))
    doc(D, T['sm_idx'])(claim_link('pl-dA-dS'))

    def el_chain(mut):
        def one():
            pz, px_z, pzx, px, pz_x, q, E, KL = elbo_setup(); L = np.log
            v = [KL, E(L(q) - L(pz_x)), E(L(q) - L(pzx / px)),
                 E(L(q) - L(pzx) + (-1 if mut else 1) * L(px)), E(L(q) - L(pzx)) + L(px), E(L(q) - L(px_z * pz)) + L(px)]
            return [None] + links(v[1:])
        return lambda: every(one)
    def el_final(mut):
        def one():
            pz, px_z, pzx, px, pz_x, q, E, KL = elbo_setup()
            return [close(np.log(px), E(np.log(px_z * pz) - np.log(q)) + (-1 if mut else 1) * KL)]
        return lambda: every(one)
    doc('elbo-kvfrans', T['el_chain'])(el_chain(False))
    doc('elbo-kvfrans', T['el_final'])(el_final(False))
    doc('elbo-kvfrans-mutated', T['el_chain_mut'])(el_chain(True))
    doc('elbo-kvfrans-mutated', T['el_final_mut'])(el_final(True))

    def bp_chain(mut):
        def one():
            m1, m2, s1, s2 = gauss_pair()
            P = npdf(XG, m1, s1); Qd = npdf(XG, m2, s2)
            c0 = -0.5 * np.log(2 * np.pi * s2 ** 2)
            EX = integ(P * XG); EX2 = integ(P * XG ** 2)
            v = [integ(P * np.log(Qd + 1e-300)),
                 integ(P * np.log(np.exp(-(XG - m2) ** 2 / (2 * s2 ** 2)) / np.sqrt(2 * np.pi * s2 ** 2) + 1e-300)),
                 integ(P * (np.log(1 / np.sqrt(2 * np.pi * s2 ** 2)) - (XG - m2) ** 2 / (2 * s2 ** 2))),
                 (2 * c0 if mut else c0) * integ(P) - integ(P * (XG - m2) ** 2) / (2 * s2 ** 2),
                 c0 - integ(P * (XG ** 2 - 2 * m2 * XG + m2 ** 2)) / (2 * s2 ** 2),
                 c0 - (EX2 - 2 * m2 * EX + m2 ** 2) / (2 * s2 ** 2)]
            return links(v, rtol=1e-6, atol=1e-7)
        return lambda: every(one, 3)
    def bp_ex2(mut):
        def one():
            m1, m2, s1, s2 = gauss_pair(); P = npdf(XG, m1, s1)
            return [close(integ(P * XG ** 2), s1 ** 2 + (m1 if mut else m1 ** 2), rtol=1e-6, atol=1e-7)]
        return lambda: every(one, 3)
    for D, mut in [('kl-gaussians-polonsky', False), ('kl-gaussians-polonsky-mutated', True)]:
        doc(D, T['bp_def'])(DEFN)
        doc(D, T['bp_split'])(claim_link('bp-split'))
        doc(D, T['bp_chain_mut' if mut else 'bp_chain'])(bp_chain(mut))
        doc(D, T['bp_ex2_mut' if mut else 'bp_ex2'])(bp_ex2(mut))

    D = 'kl-normal-kennethwang'
    doc(D, T['kw_def'])(DEFN)
    def kw_sub():
        m1, m2, s1, s2 = gauss_pair(); P = npdf(XG, m1, s1); Qd = npdf(XG, m2, s2)
        KLn = integ(P * (np.log(P + 1e-300) - np.log(Qd + 1e-300)))
        num_ = np.exp(-(XG - m1) ** 2 / (2 * s1 ** 2)) / (np.sqrt(2 * np.pi) * s1)
        den_ = np.exp(-(XG - m2) ** 2 / (2 * s2 ** 2)) / (np.sqrt(2 * np.pi) * s2)
        return [close(KLn, integ(P * (np.log(num_ + 1e-300) - np.log(den_ + 1e-300))), rtol=1e-6, atol=1e-7)]
    doc(D, T['kw_sub'])(lambda: every(kw_sub, 3))
    doc(D, T['kw_log'])(claim_link('kw-log'))
    doc(D, T['kw_varp'])(claim_link('kw-varp'))
    doc(D, T['kw_varq'])(claim_link('kw-varq'))
    doc(D, T['kw_final'])(claim_link('kw-final'))

    D = 'bn-backward-hingma'
    doc(D, T['bn_beta'])(lambda: [CHECK['zm-bn-dbeta'][0]('bn-dbeta')] * 2)
    doc(D, T['bn_gamma'])(lambda: [CHECK['zm-bn-dgamma'][0]('bn-dgamma')] * 2)
    doc(D, T['bn_xhat'])(lambda: [CHECK['zm-bn-dxhat'][0]('bn-dxhat')] * 2)
    doc(D, T['bn_dvar'])(claim_link('bn-dxhat-dvar'))

    D = 'focal-mshlis'
    def fl_grad():
        p = rng.uniform(0.05, 0.95); g = rng.uniform(0.5, 3)
        d = dnum(lambda q: FL(q, g), p); dCE = -1 / p; R = g * (1 - p) ** (g - 1) * np.log(p)
        v = [d, -(1 - p) ** g / p + g * (1 - p) ** (g - 1) * np.log(p), -(1 - p) ** g * dCE + g * (1 - p) ** (g - 1) * np.log(p), -(1 - p) ** g * dCE + R]
        return links(v)
    doc(D, T['fl_grad'])(lambda: every(fl_grad))
    def fl_fgl():
        p = rng.uniform(0.05, 0.95); g = rng.uniform(0.5, 3)
        return [None, close(-(1 - p) ** g / p, -(1 - p) ** g * (-1 / p))]
    doc(D, T['fl_fgl'])(lambda: every(fl_fgl))
    doc(D, T['fl_resid'])(claim_link('fl-resid'))
    doc(D, T['fl_int'])(lambda: [None, CHECK['zm-fl-integral'][0]('fl-integral')])


_reg_all()
# DOCS-END


# ======================= run =======================
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
        assert holds in (True, False), (c["id"], holds)
        want = c["expect"] == "valid"
        nv += want
        ni += not want
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
        for lk in ex["links"]:
            key = (stem, lk["text"])
            assert key in DOCS, key
            assert md[lk["line"] - 1].strip() == "$$" + lk["text"] + "$$", (stem, lk["line"])
            used.add(key)
            got = DOCS[key]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (key, got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
