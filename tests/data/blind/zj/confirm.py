# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zj).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with one unit of
the last printed digit.  A link "expression = same expression with printed numbers" holds when
every printed number is within one unit of its last digit of the quantity it replaces; otherwise
the two values are compared as usual.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import re
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261206)
RTOL, ATOL = 1e-6, 1e-8
NPTS = 5


def close(a, b, rtol=RTOL, atol=ATOL):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def num(value, printed, unit):
    """printed number(s) agree with value to one unit of the last printed digit"""
    v = np.asarray(value, float)
    p = np.asarray(printed, float)
    if v.shape != p.shape:
        return False
    return bool(np.all(np.abs(v - p) <= unit * (1 + 1e-9)))


def plink(pairs, lhs, rhs):
    """link 'expr = expr with printed inputs': every printed input within one unit, else compare values"""
    if all(num(v, p, u) for v, p, u in pairs):
        return True
    return close(lhs, rhs)


def fd(f, x, h=1e-5):
    """central-difference gradient of scalar f at array x (same shape as x)"""
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def jac(f, x, h=1e-5):
    """J[i, j] = d f_i / d x_j"""
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    J = np.zeros((f0.size, x.size))
    for j in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp.flat[j] += h
        xm.flat[j] -= h
        J[:, j] = (np.asarray(f(xp)).ravel() - np.asarray(f(xm)).ravel()) / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch / index out of range: the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
dsig = lambda x: sig(x) * (1 - sig(x))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def links_ok(links):
    """claim verdict: every checked link holds (None = definition link, not checked)"""
    return all(l for l in links if l is not None)


# ======================= A: gusjrivas (es), two-layer sigmoid network with printed numbers =======================
GW1 = np.array([[0.1, -0.5], [-0.3, -0.9], [0.8, 0.02]])
Gb1 = np.array([0.1, 0.5, 0.8])
GW2 = np.array([-0.4, 0.2, -0.5])
Gb2 = 0.7
Gx = np.array([1.8, -3.4])
Gy = 5.0
Gz1 = GW1 @ Gx + Gb1
Gy1 = sig(Gz1)
Gz2 = GW2 @ Gy1 + Gb2
Gyh = sig(Gz2)
GJf = lambda yh: 0.5 * (yh - Gy) ** 2
GdJdyh = d1(GJf, Gyh)
Gsp = d1(sig, Gz2)
Gdz2 = d1(lambda z: GJf(sig(z)), Gz2)
GJ_W2 = lambda W2: GJf(sig(W2 @ Gy1 + Gb2))
GJ_W1 = lambda W1: GJf(sig(GW2 @ sig(W1 @ Gx + Gb1) + Gb2))
GJ_y1 = lambda y1: GJf(sig(GW2 @ y1 + Gb2))
GJ_z1 = lambda z1: GJf(sig(GW2 @ sig(z1) + Gb2))
Gdz1 = fd(GJ_z1, Gz1)
Gy1p = np.array([0.8797, 0.9534, 0.8977])


def gj_doc():
    L = {}
    L[28] = [None]
    L[32] = [close(Gz1, np.array([[0.1, -0.5], [-0.3, -0.9], [0.8, 0.02]]) @ np.array([1.8, -3.4]) + np.array([0.1, 0.5, 0.8]))]
    L[34] = [close(GW1 @ Gx + Gb1, [1.98, 3.02, 2.172])]
    for ln, z, p in [(38, 1.98, 0.8797), (40, 3.02, 0.9534), (42, 2.172, 0.8977)]:
        L[ln] = [close(sig(z), 1 / (1 + math.exp(-z))), num(1 / (1 + math.exp(-z)), p, 1e-4)]
    L[46] = [None]
    e48 = -0.4 * 0.8797 + 0.2 * 0.9534 - 0.5 * 0.8977 + 0.7
    L[48] = [plink([(Gy1, Gy1p, 1e-4)], Gz2, e48)]
    e50 = -0.35188 + 0.19068 - 0.44885 + 0.7
    L[50] = [close(e48, e50)]
    L[52] = [num(e50, 0.08995, 1e-5)]
    L[56] = [None, plink([(Gz2, 0.08995, 1e-5)], sig(Gz2), sig(0.08995)), close(sig(0.08995), 1 / (1 + math.exp(-0.08995))),
             num(1 / (1 + math.exp(-0.08995)), 0.5225, 1e-4)]
    L[62] = [close(GdJdyh, Gyh - Gy), plink([(Gyh, 0.5225, 1e-4), (Gy, 5, 0)], Gyh - Gy, 0.5225 - 5), num(0.5225 - 5, -4.4775, 1e-4)]
    L[66] = [close(Gsp, dsig(Gz2)), close(dsig(Gz2), sig(Gz2) * (1 - sig(Gz2))),
             plink([(sig(Gz2), 0.5225, 1e-4)], sig(Gz2) * (1 - sig(Gz2)), 0.5225 * (1 - 0.5225)), num(0.5225 * (1 - 0.5225), 0.2495, 1e-4)]
    L[70] = [close(Gdz2, GdJdyh * Gsp), plink([(GdJdyh, -4.4775, 1e-4), (Gsp, 0.2495, 1e-4)], GdJdyh * Gsp, -4.4775 * 0.2495),
             num(-4.4775 * 0.2495, -1.1174, 1e-4)]
    gW2 = fd(GJ_W2, GW2)
    L[74] = [close(gW2, Gdz2 * Gy1), plink([(Gdz2, -1.1174, 1e-4), (Gy1, Gy1p, 1e-4)], Gdz2 * Gy1, -1.1174 * Gy1p),
             num(-1.1174 * Gy1p, [-0.9834, -1.0644, -1.0024], 1e-4)]
    gy1 = fd(GJ_y1, Gy1)
    L[78] = [close(gy1, Gdz2 * GW2), plink([(Gdz2, -1.1174, 1e-4)], Gdz2 * GW2, -1.1174 * GW2),
             num(-1.1174 * np.array([-0.4, 0.2, -0.5]), [0.44696, -0.22348, 0.5587], 1e-5)]
    for ln, z, p, r in [(82, 1.98, 0.8797, 0.1059), (84, 3.02, 0.9534, 0.0444), (86, 2.172, 0.8977, 0.0917)]:
        L[ln] = [plink([(sig(z), p, 1e-4)], dsig(z), p * (1 - p)), num(p * (1 - p), r, 1e-4)]
    gW1 = fd(GJ_W1, GW1)
    dz1p = np.array([0.0474, -0.0099, 0.0513])
    L[92] = [close(gW1, np.outer(Gdz1, Gx)), plink([(Gdz1, dz1p, 1e-4)], np.outer(Gdz1, Gx), np.outer(dz1p, [1.8, -3.4])),
             num(np.outer(dz1p, [1.8, -3.4]), [[0.0853, -0.1611], [-0.0178, 0.0337], [0.0924, -0.1744]], 1e-4)]
    return L


def gj_doc_mutated():
    L = gj_doc()
    L[62] = [close(GdJdyh, Gy - Gyh), close(Gy - Gyh, 0.5225 - 5), L[62][2]]
    L[66] = [L[66][0], close(dsig(Gz2), sig(Gz2) * (1 + sig(Gz2))), close(sig(Gz2) * (1 + sig(Gz2)), 0.5225 * (1 - 0.5225)), L[66][3]]
    return L


D_GJ = gj_doc()
check("zj-gj-djdyhat")(lambda: links_ok(D_GJ[62]))
check("zj-gj-djdyhat-swap")(lambda: links_ok(gj_doc_mutated()[62]))
check("zj-gj-dyhatdz2")(lambda: links_ok(D_GJ[66]))
check("zj-gj-dyhatdz2-exponent")(lambda: links_ok([close(Gsp, dsig(Gz2)), close(dsig(Gz2), sig(Gz2) * (1 - sig(Gz2)) ** 2),
                                                    close(sig(Gz2) * (1 - sig(Gz2)) ** 2, 0.5225 * (1 - 0.5225)), num(0.5225 * 0.4775, 0.2495, 1e-4)]))
check("zj-gj-sigma302")(lambda: links_ok(D_GJ[40]))
check("zj-gj-sigma302-sign")(lambda: links_ok([close(sig(3.02), 1 / (1 + math.exp(3.02))), num(1 / (1 + math.exp(3.02)), 0.9534, 1e-4)]))
check("zj-gj-sigma2172")(lambda: links_ok(D_GJ[42]))
check("zj-gj-sigma2172-sign")(lambda: links_ok([close(sig(2.172), 1 / (1 - math.exp(-2.172))), num(1 / (1 - math.exp(-2.172)), 0.8977, 1e-4)]))
check("zj-gj-sigmap302")(lambda: links_ok(D_GJ[84]))
check("zj-gj-sigmap302-exponent")(lambda: links_ok([plink([(sig(3.02), 0.9534, 1e-4)], dsig(3.02), 0.9534 ** 2 * (1 - 0.9534)),
                                                     num(0.9534 ** 2 * (1 - 0.9534), 0.0444, 1e-4)]))
check("zj-gj-z1-num")(lambda: close(np.array([0.18 + 1.7, -0.54 + 3.06, 1.44 - 0.068]) + np.array([0.1, 0.5, 0.8]), [1.98, 3.02, 2.172]))
check("zj-gj-z1-num-sign")(lambda: close(np.array([0.18 - 1.7, -0.54 + 3.06, 1.44 - 0.068]) + np.array([0.1, 0.5, 0.8]), [1.98, 3.02, 2.172]))
check("zj-gj-dy1-num")(lambda: num(-1.1174 * np.array([-0.4, 0.2, -0.5]), [0.44696, -0.22348, 0.5587], 1e-5))
check("zj-gj-dy1-num-sign")(lambda: num(-1.1174 * np.array([-0.4, 0.2, -0.5]), [-0.44696, 0.22348, -0.5587], 1e-5))
check("zj-gj-dw1-num")(lambda: num(np.array([[0.0474], [-0.0099], [0.0513]]) @ np.array([[1.8, -3.4]]),
                                   [[0.0853, -0.1611], [-0.0178, 0.0337], [0.0924, -0.1744]], 1e-4))
check("zj-gj-dw1-num-order")(lambda: safe(lambda: num(np.array([[1.8, -3.4]]) @ np.array([[0.0474], [-0.0099], [0.0513]]),
                                                      [[0.0853, -0.1611], [-0.0178, 0.0337], [0.0924, -0.1744]], 1e-4)))
check("zj-gj-sigma198")(lambda: links_ok(D_GJ[38]))
check("zj-gj-dz2-num")(lambda: links_ok(D_GJ[70]))


# ======================= B: CodeHunter (ru) MLP =======================
def net111(w1, b1, w2, b2, x, y):
    z1 = w1 * x + b1
    h = sig(z1)
    z2 = w2 * h + b2
    yh = sig(z2)
    return z1, h, z2, yh, 0.5 * (y - yh) ** 2


def rand111():
    return rng.normal(size=6)


def _ch_dldyhat(sign):
    y, yh = rng.normal(size=2)
    g = d1(lambda t: 0.5 * (y - t) ** 2, yh)
    return close(g, (yh - y) if sign > 0 else (y - yh))


CHECK["zj-ch-dldyhat"] = lambda: for_all(lambda: _ch_dldyhat(1))
CHECK["zj-ch-dldyhat-sign"] = lambda: for_all(lambda: _ch_dldyhat(-1))


def ch111_partials():
    w1, b1, w2, b2, x, y = rand111()
    Lw1 = lambda t: net111(t, b1, w2, b2, x, y)[4]
    Lb2 = lambda t: net111(w1, b1, w2, t, x, y)[4]
    z1, h, z2, yh, _ = net111(w1, b1, w2, b2, x, y)
    dL_dyh = d1(lambda t: 0.5 * (y - t) ** 2, yh)
    dyh_dz2 = d1(sig, z2)
    dz2_dh = d1(lambda t: w2 * t + b2, h)
    dh_dz1 = d1(sig, z1)
    dz1_dw1 = d1(lambda t: t * x + b1, w1)
    dz2_db2 = d1(lambda t: w2 * h + t, b2)
    return d1(Lw1, w1), d1(Lb2, b2), dL_dyh, dyh_dz2, dz2_dh, dh_dz1, dz1_dw1, dz2_db2


def _p(f):
    return lambda: for_all(f)


def _dw1(miss):
    g, _, a, b, c, d, e, _ = ch111_partials()
    return close(g, a * b * c * e if miss else a * b * c * d * e)


def _db2(wrong):
    _, g, a, b, c, _, _, f = ch111_partials()
    return close(g, a * b * (c if wrong else f))


CHECK["zj-ch-dldw1"] = _p(lambda: _dw1(False))
CHECK["zj-ch-dldw1-sigmaprime"] = _p(lambda: _dw1(True))
CHECK["zj-ch-dldb2"] = _p(lambda: _db2(False))
CHECK["zj-ch-dldb2-wrongvar"] = _p(lambda: _db2(True))

C1 = net111(0.3, -0.2, 0.4, 0.1, 1.0, 0.5)  # z1, h, z2, yh, L of the printed 1-1-1 example
c_z1, c_h, c_z2, c_yh, _ = C1
c_dLdyh = c_yh - 0.5
c_dyhdz2 = dsig(c_z2)
c_dLdw2 = d1(lambda t: net111(0.3, -0.2, t, 0.1, 1.0, 0.5)[4], 0.4)
CHECK["zj-ch-h-num"] = lambda: links_ok([plink([(c_z1, 0.1, 0.1)], c_h, sig(0.1)), num(sig(0.1), 0.525, 1e-3)])
CHECK["zj-ch-h-num-sign"] = lambda: links_ok([plink([(c_z1, 0.1, 0.1)], c_h, sig(0.1)), num(sig(0.1), 0.475, 1e-3)])
CHECK["zj-ch-z2-num"] = lambda: links_ok([plink([(c_h, 0.525, 1e-3)], c_z2, 0.4 * 0.525 + 0.1), num(0.4 * 0.525 + 0.1, 0.31, 0.01)])
CHECK["zj-ch-z2-num-noact"] = lambda: links_ok([plink([(c_h, 0.1, 0.1)], c_z2, 0.4 * 0.1 + 0.1), num(0.4 * 0.1 + 0.1, 0.14, 0.01)])
CHECK["zj-ch-yhat-num"] = lambda: links_ok([plink([(c_z2, 0.31, 0.01)], c_yh, sig(0.31)), num(sig(0.31), 0.577, 1e-3)])
CHECK["zj-ch-yhat-num-sign"] = lambda: links_ok([plink([(c_z2, 0.31, 0.01)], c_yh, sig(0.31)), num(sig(0.31), 0.423, 1e-3)])
CHECK["zj-ch-dyhatdz2-num"] = lambda: links_ok([plink([(c_yh, 0.577, 1e-3)], c_dyhdz2, 0.577 * (1 - 0.577)), num(0.577 * 0.423, 0.244, 1e-3)])
CHECK["zj-ch-dyhatdz2-num-wrongvar"] = lambda: links_ok([plink([(c_yh, 0.077, 1e-3)], c_dyhdz2, 0.077 * (1 - 0.077)), num(0.077 * 0.923, 0.071, 1e-3)])
CHECK["zj-ch-dldw2-num"] = lambda: links_ok([plink([(c_dLdyh, 0.077, 1e-3), (c_dyhdz2, 0.244, 1e-3), (c_h, 0.525, 1e-3)], c_dLdw2, 0.077 * 0.244 * 0.525),
                                             num(0.077 * 0.244 * 0.525, 0.0099, 1e-4)])
CHECK["zj-ch-dldw2-num-missingh"] = lambda: links_ok([close(c_dLdw2, 0.077 * 0.244), num(0.077 * 0.244, 0.0099, 1e-4)])


def net232(W1, b1, W2, b2, x, y):
    z1 = W1 @ x + b1
    h = sig(z1)
    z2 = W2 @ h + b2
    yh = sig(z2)
    return z1, h, z2, yh, 0.5 * np.sum((y - yh) ** 2)


def rand232():
    return rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2), rng.normal(size=2), rng.normal(size=2)


def _w1kj(mut):
    W1, b1, W2, b2, x, y = rand232()
    z1, h, z2, yh, _ = net232(W1, b1, W2, b2, x, y)
    g = fd(lambda t: net232(t, b1, W2, b2, x, y)[4], W1)
    dLdyh = fd(lambda t: 0.5 * np.sum((y - t) ** 2), yh)
    dyhdz2 = np.diag(jac(sig, z2))
    dz2dh = jac(lambda t: W2 @ t + b2, h)  # [i, k]
    dhdz1 = np.diag(jac(sig, z1))
    ok = True
    for k in range(3):
        for j in range(2):
            dz1dw = x[j]
            if mut:
                if k >= 2:
                    return False  # there is no output k: the mutated formula has no meaning
                rhs = dLdyh[k] * dyhdz2[k] * dz2dh[k, k] * dhdz1[k] * dz1dw
            else:
                rhs = sum(dLdyh[i] * dyhdz2[i] * dz2dh[i, k] * dhdz1[k] * dz1dw for i in range(2))
            ok &= close(g[k, j], rhs)
    return ok


CHECK["zj-ch-dldw1kj"] = _p(lambda: _w1kj(False))
CHECK["zj-ch-dldw1kj-nosum"] = _p(lambda: _w1kj(True))


def _dz2dh(mut):
    W1, b1, W2, b2, x, y = rand232()
    h = sig(W1 @ x + b1)
    J = jac(lambda t: W2 @ t + b2, h)
    ok = True
    for i in range(2):
        for k in range(3):
            ok &= close(J[i, k], W2[k, i] if mut else W2[i, k])
    return ok


CHECK["zj-ch-dz2idhk"] = _p(lambda: _dz2dh(False))
CHECK["zj-ch-dz2idhk-index"] = _p(lambda: _dz2dh(True))

P_W1 = np.array([[0.2, -0.1], [0.3, 0.4], [-0.2, 0.1]])
P_b1 = np.array([0.1, -0.2, 0.0])
P_W2 = np.array([[0.5, 0.1, -0.3], [0.2, -0.4, 0.1]])
P_b2 = np.array([-0.1, 0.2])
P232 = net232(P_W1, P_b1, P_W2, P_b2, np.array([1.0, 0.5]), np.array([0.8, 0.3]))
CHECK["zj-ch-232-dldyhat1"] = lambda: links_ok([plink([(P232[3][0], 0.512, 1e-3)], P232[3][0] - 0.8, 0.512 - 0.8), num(0.512 - 0.8, -0.288, 1e-3)])

# ---- document: 1-2-1 example ----
def ch_doc():
    x, y = 1.5, 0.8
    w11, w12, b11, b12, w21, w22, b2 = 0.2, -0.3, 0.1, -0.2, 0.4, 0.5, 0.05

    def fwd(w11=w11, w12=w12, b11=b11, b12=b12, w21=w21, w22=w22, b2=b2):
        z11 = w11 * x + b11
        z12 = w12 * x + b12
        h1, h2 = sig(z11), sig(z12)
        z2 = w21 * h1 + w22 * h2 + b2
        yh = sig(z2)
        return z11, z12, h1, h2, z2, yh, 0.5 * (y - yh) ** 2
    z11, z12, h1, h2, z2, yh, _ = fwd()
    g = {n: d1(lambda t, n=n: fwd(**{n: t})[6], v) for n, v in dict(w21=w21, w22=w22, b2=b2, w11=w11, w12=w12).items()}
    e = yh - y
    sp = yh * (1 - yh)
    L = {}
    L[34] = [plink([(w11, 0.2, 0), (x, 1.5, 0), (b11, 0.1, 0)], z11, 0.2 * 1.5 + 0.1), num(0.2 * 1.5 + 0.1, 0.4, 0.1)]
    L[36] = [plink([(z11, 0.4, 0.1)], h1, sig(0.4)), num(sig(0.4), 0.599, 1e-3)]
    L[38] = [plink([(w12, -0.3, 0), (b12, -0.2, 0)], z12, -0.3 * 1.5 - 0.2), num(-0.3 * 1.5 - 0.2, -0.65, 0.01)]
    L[40] = [plink([(z12, -0.65, 0.01)], h2, sig(-0.65)), num(sig(-0.65), 0.343, 1e-3)]
    e32 = 0.4 * 0.599 + 0.5 * 0.343 + 0.05
    L[42] = [plink([(h1, 0.599, 1e-3), (h2, 0.343, 1e-3)], z2, e32), num(e32, 0.456, 1e-3)]
    L[44] = [plink([(z2, 0.456, 1e-3)], yh, sig(0.456)), num(sig(0.456), 0.612, 1e-3)]
    L[48] = [plink([(yh, 0.612, 1e-3)], e, 0.612 - 0.8), num(0.612 - 0.8, -0.188, 1e-3)]
    L[50] = [plink([(yh, 0.612, 1e-3)], sp, 0.612 * (1 - 0.612)), num(0.612 * 0.388, 0.237, 1e-3)]
    L[52] = [plink([(e, -0.188, 1e-3), (sp, 0.237, 1e-3), (h1, 0.599, 1e-3)], g["w21"], -0.188 * 0.237 * 0.599), num(-0.188 * 0.237 * 0.599, -0.027, 1e-3)]
    L[54] = [plink([(e, -0.188, 1e-3), (sp, 0.237, 1e-3), (h2, 0.343, 1e-3)], g["w22"], -0.188 * 0.237 * 0.343), num(-0.188 * 0.237 * 0.343, -0.015, 1e-3)]
    L[56] = [plink([(e, -0.188, 1e-3), (sp, 0.237, 1e-3)], g["b2"], -0.188 * 0.237 * 1), num(-0.188 * 0.237, -0.045, 1e-3)]
    v50 = -0.188 * 0.237 * 0.4 * 0.599 * (1 - 0.599) * 1.5
    v52 = -0.188 * 0.237 * 0.5 * 0.343 * (1 - 0.343) * 1.5
    L[60] = [plink([(e, -0.188, 1e-3), (sp, 0.237, 1e-3), (h1, 0.599, 1e-3)], g["w11"], v50), num(v50, -0.0043, 1e-4)]
    L[62] = [plink([(e, -0.188, 1e-3), (sp, 0.237, 1e-3), (h2, 0.343, 1e-3)], g["w12"], v52), num(v52, -0.0051, 1e-4)]
    assert close(g["w11"], e * sp * w21 * h1 * (1 - h1) * x)  # sanity: the printed structure is the right formula
    L[66] = [None, num(0.4 - 0.1 * (-0.027), 0.4027, 1e-4)]
    L[68] = [None, num(0.2 - 0.1 * (-0.0043) * 1.5, 0.2006, 1e-4)]
    return L


# ======================= C: CodeHunter (ru) optimisation, CNN, RNN =======================
def _ridge(mut):
    n = int(rng.integers(2, 7))
    x, y = rng.normal(size=n), rng.normal(size=n)
    lam, w = abs(rng.normal()), rng.normal()
    Q = lambda t: np.mean((y - t * x) ** 2) + lam * t ** 2
    rhs = np.sum(-2 * (y - w * x) * x) / n + (1 if mut else 2) * lam * w
    return close(d1(Q, w), rhs)


CHECK["zj-ch-ridge-dq"] = _p(lambda: _ridge(False))
CHECK["zj-ch-ridge-dq-factor"] = _p(lambda: _ridge(True))


def _mom(mut):
    w, m, gL, eta, mu, lam = rng.normal(size=(6, 3))
    lhs = w - eta * (mu * m + gL + lam * w)
    rhs = (1 + (eta * lam if mut else -eta * lam)) * w - eta * (mu * m + gL)
    return close(lhs, rhs)


CHECK["zj-ch-momentum-wd"] = _p(lambda: _mom(False))
CHECK["zj-ch-momentum-wd-sign"] = _p(lambda: _mom(True))


def _drop(mut):
    w1, w2, x1, x2 = rng.normal(size=4)
    p = 0.4
    # expectation over the four keep/drop patterns of the two neurons (keep probability 1 - p)
    exp_h = sum(((1 - p) if k1 else p) * ((1 - p) if k2 else p) * (k1 * w1 * x1 + k2 * w2 * x2) for k1 in (0, 1) for k2 in (0, 1))
    lhs = 0.6 * 0.6 * (w1 * x1 + w2 * x2) + 0.6 * 0.4 * (w1 * x1) + 0.4 * 0.6 * (w2 * x2) + 0.4 * 0.4 * 0
    assert close(lhs, exp_h)
    return close(lhs, (0.4 if mut else 0.6) * (w1 * x1 + w2 * x2))


CHECK["zj-ch-dropout-exp"] = _p(lambda: _drop(False))
CHECK["zj-ch-dropout-exp-factor"] = _p(lambda: _drop(True))


def _adam(mut):
    t = int(rng.integers(2, 9))
    b1, b2 = rng.uniform(0.5, 0.99, size=2)
    eta, eps = rng.uniform(0.01, 0.1), 1e-8
    m_prev, g = rng.normal(size=3), rng.normal(size=3)
    vhat = rng.uniform(0.1, 2, size=3)
    w_prev = rng.normal(size=3)
    m = b1 * m_prev + (1 - b1) * g
    mhat = m / (1 - b1 ** t)
    w_t = w_prev - eta * mhat / (np.sqrt(vhat) + eps)
    s1 = w_prev - eta * m / (1 - (b1 if mut else b1 ** t)) / (np.sqrt(vhat) + eps)
    s2 = w_prev - eta * (b1 * m_prev + (1 - b1) * g) / (1 - b1 ** t) / (np.sqrt(vhat) + eps)
    return close(w_t, s1) and close(s1, s2)


CHECK["zj-ch-adam-subst"] = _p(lambda: _adam(False))
CHECK["zj-ch-adam-subst-exponent"] = _p(lambda: _adam(True))


def conv3(x, w, b):
    return np.array([[np.sum(w * x[i:i + 3, j:j + 3]) + b for j in range(2)] for i in range(2)])


def _conv(which, mut):
    x, w, b = rng.normal(size=(4, 4)), rng.normal(size=(3, 3)), rng.normal()
    c = rng.normal(size=(2, 2))
    Ly = lambda y: np.sum(c * np.sin(y)) + 0.5 * np.sum(y ** 2)
    y = conv3(x, w, b)
    dLdy = fd(Ly, y)
    gy = lambda i, j: dLdy[i, j] if 0 <= i < 2 and 0 <= j < 2 else 0.0  # outside the output: no term
    gx_ = lambda i, j: x[i, j] if 0 <= i < 4 and 0 <= j < 4 else 0.0
    if which == "w":
        g = fd(lambda t: Ly(conv3(x, t, b)), w)
        s = 1 if not mut else -1
        rhs = np.array([[sum(dLdy[i, j] * gx_(i + s * m, j + s * n) for i in range(2) for j in range(2)) for n in range(3)] for m in range(3)])
    else:
        g = fd(lambda t: Ly(conv3(t, w, b)), x)
        s = -1 if not mut else 1
        rhs = np.array([[sum(gy(i + s * m, j + s * n) * w[m, n] for m in range(3) for n in range(3)) for j in range(4)] for i in range(4)])
    return close(g, rhs)


CHECK["zj-ch-conv-dw"] = _p(lambda: _conv("w", False))
CHECK["zj-ch-conv-dw-index"] = _p(lambda: _conv("w", True))
CHECK["zj-ch-conv-dx"] = _p(lambda: _conv("x", False))
CHECK["zj-ch-conv-dx-index"] = _p(lambda: _conv("x", True))


def rnn(u, v, w, bh, by, ys, h0, T):
    h, hs, yhs = h0, [h0], [None]
    for t in range(1, T + 1):
        h = np.tanh(bh + w * h + v * ys[t - 1])
        hs.append(h)
        yhs.append(np.tanh(by + u * h))
    return hs, yhs


def _rnn_case():
    u, v, w, bh, by, h0 = rng.normal(size=6) * 0.8
    ys = rng.normal(size=5)
    return u, v, w, bh, by, ys, h0


def _rnn_du(mut):
    u, v, w, bh, by, ys, h0 = _rnn_case()
    t = 3
    Lt = lambda yh: (ys[t] - yh) ** 2
    F = lambda uu: Lt(rnn(uu, v, w, bh, by, ys, h0, t)[1][t])
    hs, yhs = rnn(u, v, w, bh, by, ys, h0, t)
    dL_dyh = d1(Lt, yhs[t])
    if mut:
        dyh = d1(lambda hh: np.tanh(by + u * hh), hs[t])  # dy-hat_t / dh_t
    else:
        dyh = d1(lambda uu: rnn(uu, v, w, bh, by, ys, h0, t)[1][t], u)
    return close(d1(F, u), dL_dyh * dyh)


CHECK["zj-ch-rnn-du-chain"] = _p(lambda: _rnn_du(False))
CHECK["zj-ch-rnn-du-chain-wrongvar"] = _p(lambda: _rnn_du(True))


def _rnn_dv():
    u, v, w, bh, by, ys, h0 = _rnn_case()
    t = 3
    Lt = lambda yh: (ys[t] - yh) ** 2
    F = lambda vv: Lt(rnn(u, vv, w, bh, by, ys, h0, t)[1][t])
    hs, yhs = rnn(u, v, w, bh, by, ys, h0, t)
    fy = lambda s: 1 - np.tanh(s) ** 2
    rhs = d1(Lt, yhs[t]) * fy(by + u * hs[t]) * u * fy(bh + w * hs[t - 1] + v * ys[t - 1]) * ys[t - 1]
    return close(d1(F, v), rhs)


CHECK["zj-ch-rnn-dv"] = _p(_rnn_dv)

relu = lambda s: np.maximum(0.0, s)


def rnn_relu(u, v, w):
    ys = [0.0, 1.0, -1.0, 2.0]
    h, Ls = 0.0, []
    for t in range(1, 4):
        h = relu(w * h + v * ys[t - 1])
        yh = relu(u * h)
        Ls.append((ys[t] - yh) ** 2)
    return Ls


R_L = rnn_relu(0.5, 0.5, 0.5)
R_dLdu = [d1(lambda uu, k=k: rnn_relu(uu, 0.5, 0.5)[k], 0.5) for k in range(3)]
CHECK["zj-ch-rnn-loss-num"] = lambda: links_ok([plink([(R_L[0], 1, 1), (R_L[1], 1.5625, 1e-4), (R_L[2], 3.285, 1e-3)], sum(R_L), 1 + 1.5625 + 3.285),
                                                num(1 + 1.5625 + 3.285, 5.8475, 1e-4)])
CHECK["zj-ch-rnn-du-num"] = lambda: links_ok([close(sum(R_dLdu), sum(R_dLdu)),
                                              plink([(R_dLdu[0], 0, 1), (R_dLdu[1], 1.25, 0.01), (R_dLdu[2], -1.36, 0.01)], sum(R_dLdu), 0 + 1.25 - 1.36),
                                              num(0 + 1.25 - 1.36, -0.11, 0.01)])


# ======================= D: Ktakuya (ja), index-form backprop =======================
PHI = {1: (np.tanh, lambda s: 1 - np.tanh(s) ** 2), 2: (sig, dsig), 3: (np.sin, np.cos)}
KN = 3  # last layer N


def kt_net():
    Ws = {i: rng.normal(size=(3, 3)) for i in (1, 2, 3)}
    a0 = rng.normal(size=3)
    c, d = rng.normal(size=3), rng.normal(size=3)
    E = lambda aN: np.sum(c * aN ** 2) + np.sum(d * aN)

    def fwd(Ws, a_from=None, start=1):
        a = {0: a0} if a_from is None else {start - 1: a_from}
        z = {}
        for i in range(start, KN + 1):
            z[i] = Ws[i] @ a[i - 1]
            a[i] = PHI[i][0](z[i])
        return z, a
    z, a = fwd(Ws)
    dEda = {i: fd(lambda t, i=i: E(fwd(Ws, t, i + 1)[1][KN]) if i < KN else E(t), a[i]) for i in (1, 2, 3)}
    xi = {i: dEda[i] * PHI[i][1](z[i]) for i in (1, 2, 3)}

    def dEdW(i):
        return fd(lambda t: E(fwd({**Ws, i: t})[1][KN]), Ws[i])
    return Ws, z, a, dEda, xi, dEdW, fwd


def kt_links():
    Ws, z, a, dEda, xi, dEdW, fwd = kt_net()
    i = 2
    n, m = rng.choice(3, size=2, replace=False)
    g = dEdW(i)
    gN = dEdW(KN)
    out = {}
    dz_dw = fd(lambda t: (t @ a[i - 1])[n], Ws[i])[n, m]
    out["17"] = [close(g[n, m], dEda[i][n] * PHI[i][1](z[i][n]) * dz_dw), close(dEda[i][n] * PHI[i][1](z[i][n]) * dz_dw, dEda[i][n] * PHI[i][1](z[i][n]) * a[i - 1][m])]
    out["dw_xi"] = close(g[n, m], xi[i][n] * a[i - 1][m])
    out["dw_xi_swap"] = close(g[n, m], xi[i][m] * a[i - 1][n])
    out["dw_exp_n"] = close(g[n, m], dEda[i][n] * PHI[i][1](z[i][n]) * a[i - 1][n])
    out["31"] = [close(gN[n, m], xi[KN][n] * a[KN - 1][m]), close(xi[KN][n], dEda[KN][n] * PHI[i][1](z[KN][n]))]  # i a hidden layer
    out["31N"] = close(xi[KN][n], dEda[KN][n] * PHI[KN][1](z[KN][n]))  # under the source's case i = N
    Jaa = jac(lambda t: PHI[i + 1][0](Ws[i + 1] @ t), a[i])  # d a^{i+1}_k / d a^i_n
    Jaz = jac(lambda t: PHI[i + 1][0](t), z[i + 1])  # d a^{i+1}_k / d z^{i+1}_n (diagonal)
    Jza = jac(lambda t: Ws[i + 1] @ t, a[i])  # d z^{i+1}_k / d a^i_n
    W = Ws[i + 1]
    f = PHI[i][1](z[i][n])
    s1 = xi[i][n]
    s2 = f * dEda[i][n]
    s3 = f * sum(dEda[i + 1][k] * Jaa[k, n] for k in range(3))
    s4 = f * sum(dEda[i + 1][k] * Jaz[k, n] * Jza[k, n] for k in range(3))
    s5 = f * sum(dEda[i + 1][k] * PHI[i][1](z[i + 1][n]) * W[k, n] for k in range(3))
    s6 = f * sum(xi[i + 1][k] * W[k, n] for k in range(3))
    out["35"] = [close(s1, s2), close(s2, s3), close(s3, s4), close(s4, s5), close(s5, s6)]
    out["rec"] = close(xi[i][n], s6)
    out["rec_T"] = close(xi[i][n], f * sum(xi[i + 1][k] * W[n, k] for k in range(3)))
    out["sum_noprime"] = close(s2, sum(dEda[i + 1][k] * Jaa[k, n] for k in range(3)))
    out["typo"] = close(xi[i][n], s5)
    out["13"] = [close(z[i], Ws[i] @ a[i - 1]), close(a[i], PHI[i][0](z[i]))]
    return out


def kt_col(key):
    runs = [kt_links()[key] for _ in range(NPTS)]
    if isinstance(runs[0], list):
        return [all(r[j] for r in runs) for j in range(len(runs[0]))]
    return all(runs)


check("zj-kt-dw-expanded")(lambda: all(kt_col("17")))
check("zj-kt-dw-expanded-index")(lambda: kt_col("17")[0] and kt_col("dw_exp_n"))
check("zj-kt-dw-xi")(lambda: kt_col("dw_xi"))
check("zj-kt-dw-xi-index")(lambda: kt_col("dw_xi_swap"))
check("zj-kt-xi-rec")(lambda: kt_col("rec"))
check("zj-kt-xi-rec-transpose")(lambda: kt_col("rec_T"))
check("zj-kt-xi-sum")(lambda: all(kt_col("35")[:2]))
check("zj-kt-xi-sum-sigmaprime")(lambda: kt_col("35")[0] and kt_col("sum_noprime"))
check("zj-kt-xiN")(lambda: kt_col("31")[1])
check("zj-kt-xi-typo")(lambda: kt_col("typo"))


def kt_doc():
    L = {}
    L[13] = kt_col("13")
    L[17] = kt_col("17")
    L[21] = [True]  # the line is the given definition of xi itself
    L[25] = [kt_col("dw_xi")]
    L[33] = [kt_col("31")[0], kt_col("31N")]  # prose before it: "最終層 i=N については" (case i = N)
    L[41] = kt_col("35")
    L[45] = [kt_col("dw_xi")]
    L[53] = [kt_col("31")[1]]  # summary section: no case, i is the generic layer index
    L[57] = [kt_col("rec")]
    L[61] = [kt_col("dw_xi")]
    return L


# ======================= E: WAT36 (ja), softmax + cross-entropy =======================
def wt_case(c=None):
    a = rng.normal(size=3)
    z = rng.normal(size=3)
    V = rng.normal(size=(3, 3))
    t = np.zeros(3)
    t[rng.integers(3) if c is None else c] = 1
    return a, z, V, t


def wt_links(c, mut=False):
    a, z, V, t = wt_case(c)
    y = softmax(a)
    En_a = lambda aa: -np.sum(t * np.log(softmax(aa)))
    En_V = lambda VV: En_a(VV @ z)
    aa = V @ z
    yy = softmax(aa)
    L = {}
    gV = fd(En_V, V)
    ga = fd(En_a, aa)
    k, j = rng.integers(3), rng.integers(3)
    dak_dvkj = fd(lambda VV: (VV @ z)[k], V)[k, j]
    L[17] = [close(gV[k, j], ga[k] * dak_dvkj)]
    expr5 = lambda a0: -(t[0] * np.log(softmax(np.r_[a0, aa[1:]])[0]) + t[1] * np.log(softmax(np.r_[a0, aa[1:]])[1]) + t[2] * np.log(softmax(np.r_[a0, aa[1:]])[2]))
    L[21] = [close(ga[0], d1(expr5, aa[0]))]
    Jy = jac(softmax, aa)  # [c, n] = d y_c / d a_n
    L[23] = [close(ga[0], -sum(t[c_] / yy[c_] * Jy[c_, 0] for c_ in range(3)))]
    e = np.exp(aa)
    u = e.sum()
    s7 = [Jy[0, 0], d1(lambda a0: np.exp(a0) / (np.exp(a0) + e[1] + e[2]), aa[0]), (e[0] * u - e[0] * e[0]) / u ** 2,
          e[0] / u * ((u - e[0]) / u), e[0] / u * (1 - e[0] / u), yy[0] * (1 - yy[0])]
    L[27] = [close(s7[q], s7[q + 1]) for q in range(5)]
    ok8 = [True] * 5
    for i in (1, 2):
        s8 = [Jy[i, 0], d1(lambda a0: e[i] / (np.exp(a0) + e[1] + e[2]), aa[0]), (0 * u - e[i] * e[0]) / u ** 2, -e[i] * e[0] / u ** 2,
              -(e[i] / u) * (e[0] / u), -yy[i] * yy[0]]
        ok8 = [ok8[q] and close(s8[q], s8[q + 1]) for q in range(5)]
    L[31] = ok8
    s9 = [ga[0], -t[0] * (1 - yy[0]) + t[1] * yy[0] + t[2] * yy[0], (t.sum()) * yy[0] + (t[0] if mut else -t[0]), yy[0] - t[0]]
    L[35] = [close(s9[q], s9[q + 1]) for q in range(3)]
    L[39] = [close(ga[1], yy[1] - t[1])]
    L[41] = [close(ga[2], yy[2] - t[2])]
    L[45] = [close(ga, yy - t)]
    L[51] = [close(aa[0], V[0, 0] * z[0] + V[0, 1] * z[1] + V[0, 2] * z[2])]
    ii = rng.integers(3)
    L[55] = [close(fd(lambda VV: (VV @ z)[0], V)[0, ii], z[ii])]
    L[59] = [close(dak_dvkj, z[j])]
    L[63] = [close(gV[k, j], ga[k] * dak_dvkj), close(ga[k] * dak_dvkj, ((t[k] - yy[k]) if mut else (yy[k] - t[k])) * z[j])]
    alpha = abs(rng.normal())
    L[67] = [None, close(-alpha * gV[k, j], -alpha * (yy[k] - t[k]) * z[j])]
    extra = dict(
        e6_mut=close(ga[0], -t[0] * Jy[0, 0] - t[1] / yy[1] * Jy[1, 0] - t[2] / yy[2] * Jy[2, 0]),
        e9_mut=close(s9[2], t[0] - yy[0]),
        e16_mut=(k == j) or close(ga[k] * dak_dvkj, (yy[k] - t[k]) * z[k]),
        e14_mut=(ii == 0) or close(z[ii], z[0]),
        e17_mut=close(-alpha * gV[k, j], alpha * (yy[k] - t[k]) * z[j]),
        y0_mut=close(s7[4], yy[0] ** 2 * (1 - yy[0])),
        yi_mut=close(s8[4], yy[2] * yy[0]),
    )
    return L, extra


def wt_doc(mut=False):
    acc = None
    for rep in range(NPTS):
        for c in range(3):
            L, _ = wt_links(c, mut)
            if acc is None:
                acc = {k: list(v) for k, v in L.items()}
            else:
                for k, v in L.items():
                    acc[k] = [None if x is None else (x and y) for x, y in zip(acc[k], v)]
    return acc


def wt_extra(key):
    return all(wt_links(c)[1][key] for _ in range(NPTS) for c in range(3))


D_WT = wt_doc()
check("zj-wt-dy0da0")(lambda: all(D_WT[27]))
check("zj-wt-dy0da0-exponent")(lambda: all(D_WT[27][:4]) and wt_extra("y0_mut"))
check("zj-wt-dyida0")(lambda: all(D_WT[31]))
check("zj-wt-dyida0-sign")(lambda: all(D_WT[31][:4]) and wt_extra("yi_mut"))
check("zj-wt-e9")(lambda: all(D_WT[35]))
check("zj-wt-e9-swap")(lambda: all(D_WT[35][:2]) and wt_extra("e9_mut"))
check("zj-wt-e16")(lambda: all(D_WT[63]))
check("zj-wt-e16-index")(lambda: D_WT[63][0] and wt_extra("e16_mut"))
check("zj-wt-e6")(lambda: all(D_WT[23]))
check("zj-wt-e6-missinglog")(lambda: wt_extra("e6_mut"))
check("zj-wt-e14")(lambda: all(D_WT[55]))
check("zj-wt-e14-index")(lambda: wt_extra("e14_mut"))
check("zj-wt-e17")(lambda: links_ok(D_WT[67]))
check("zj-wt-e17-sign")(lambda: wt_extra("e17_mut"))


def _wt_e3():
    # eq. (2): E = -(1/N) sum_n sum_k E_n(w); E_n arbitrary smooth functions of one weight w_ji
    N, K = 4, 3
    c = rng.normal(size=N)
    w = rng.normal()
    En = lambda ww: np.sin(c * ww) + c * ww ** 2
    E = lambda ww: -np.sum(K * En(ww)) / N
    s1 = d1(E, w)
    s2 = -d1(lambda ww: np.sum(En(ww)) / N, w)
    s3 = np.sum(d1(En, w)) / N
    return close(s1, s2) and close(s2, s3)


CHECK["zj-wt-e3"] = _p(_wt_e3)


# ======================= F: CNAM (fr), cross-entropy w.r.t. predicted probabilities =======================
def _cn_sum(mut):
    K = 4
    ys = np.zeros(K)
    ys[rng.integers(K)] = 1
    yh = rng.uniform(0.05, 1, size=K)
    l = lambda q: -np.sum(ys * np.log(q))
    c = rng.integers(K)
    g = fd(l, yh)[c]
    s2 = d1(lambda q: -np.sum(ys * np.log(np.r_[yh[:c], q, yh[c + 1:]])), yh[c])
    s3 = (1 if mut else -1) * sum(d1(lambda q, cc=cc: ys[cc] * np.log(np.r_[yh[:c], q, yh[c + 1:]][cc]), yh[c]) for cc in range(K))
    return close(g, s2) and close(s2, s3)


def _cn_cstar(mut):
    K = 4
    cs = rng.integers(K)
    ys = np.zeros(K)
    ys[cs] = 1
    yh = rng.uniform(0.05, 1, size=K)
    g = fd(lambda q: -np.sum(ys * np.log(q)), yh)[cs]
    s2 = -d1(np.log, yh[cs])
    return close(g, s2) and close(s2, (1 if mut else -1) / yh[cs])


CHECK["zj-cn-dlce-sum"] = _p(lambda: _cn_sum(False))
CHECK["zj-cn-dlce-sum-sign"] = _p(lambda: _cn_sum(True))
CHECK["zj-cn-dlce-cstar"] = _p(lambda: _cn_cstar(False))
CHECK["zj-cn-dlce-cstar-sign"] = _p(lambda: _cn_cstar(True))


# ======================= G: dcm303 (vi), tiny CNN with printed numbers =======================
def _dc_chain(mut):
    p2, p3, Yt = rng.normal(size=3)
    W = rng.normal(size=2)
    Yp = lambda ww: p2 * ww[0] + p3 * ww[1]
    L = lambda ww: (Yp(ww) - Yt) ** 2
    dLdY = d1(lambda yy: (yy - Yt) ** 2, Yp(W))
    dYdW = fd(Yp, W)
    return close(fd(L, W), (1 / dLdY if mut else dLdY) * dYdW)


CHECK["zj-dc-chain"] = _p(lambda: _dc_chain(False))
CHECK["zj-dc-chain-inverted"] = _p(lambda: _dc_chain(True))
CHECK["zj-dc-wnew-num"] = lambda: close(0.5 - (0.01 * -100), 0.5 - (-1)) and num(0.5 - (-1), 1.5, 0.1)
CHECK["zj-dc-wnew-num-sign"] = lambda: close(0.5 - (0.01 * -100), 0.5 - 1) and num(0.5 - 1, -0.5, 0.1)
CHECK["zj-dc-conv-num"] = lambda: close((10 * 0.5) + (0 * -0.5), 5 - 0) and num(5 - 0, 5, 1)
CHECK["zj-dc-conv-num-pixel"] = lambda: close((10 * 0.5) + (0 * -0.5), 5 - 5) and num(5 - 5, 0, 1)
DC_Yp, DC_Yt = 0 + 5, 1
DC_dLdY = d1(lambda yy: (yy - DC_Yt) ** 2, DC_Yp)
CHECK["zj-dc-dldy"] = lambda: links_ok([plink([(DC_Yp, 5, 1), (DC_Yt, 10, 1)], DC_dLdY, 2 * (5 - 10)), num(2 * (5 - 10), -10, 1)])


def dc_doc():
    L = {}
    L[15] = [close(10 * 0.5 + 10 * -0.5, 5 - 5), num(5 - 5, 0, 1)]
    L[19] = [close(10 * 0.5 + 0 * -0.5, 5 - 0), num(5 - 0, 5, 1)]
    L[23] = [None, num(0 + 5, 5, 1)]
    L[29] = [None]
    Lv = (DC_Yp - DC_Yt) ** 2
    L[33] = [plink([(DC_Yp, 5, 1), (DC_Yt, 10, 1)], Lv, (5 - 10) ** 2), close((5 - 10) ** 2, (-5) ** 2), num((-5) ** 2, 25, 1)]
    L[39] = [for_all(lambda: _dc_chain(False))]
    L[43] = [plink([(DC_Yp, 5, 1), (DC_Yt, 10, 1)], DC_dLdY, 2 * (5 - 10)), num(2 * (5 - 10), -10, 1)]
    L[47] = [None]
    L[49] = [close(5, (10 * 0.5) + (0 * -0.5))]
    L[53] = [None, num((-10) * 10, -100, 1)]
    L[55] = [None, num((-10) * 0, 0, 1)]
    L[61] = [None]
    L[65] = [None, close(0.5 - (0.01 * -100), 0.5 - (-1)), num(0.5 - (-1), 1.5, 0.1)]
    L[69] = [None, num(-0.5 - (0.01 * 0), -0.5, 0.1)]
    L[73] = [None]
    return L


# ======================= H: DiogoSoares3 (pt), logistic regression =======================
def _ds(which, mut):
    m, d = int(rng.integers(2, 6)), 3
    X = rng.normal(size=(m, d))
    y = rng.integers(0, 2, size=m).astype(float)
    w, b = rng.normal(size=d), rng.normal()
    f = lambda ww, bb: sig(X @ ww + bb)
    J = lambda ww, bb: np.mean(-y * np.log(f(ww, bb)) - (1 - y) * np.log(1 - f(ww, bb)))
    if which == "w":
        g = fd(lambda ww: J(ww, b), w)
        r = (f(w, b) - y) @ X
        rhs = r if mut else r / m
    else:
        g = d1(lambda bb: J(w, bb), b)
        rhs = np.sum((y - f(w, b)) if mut else (f(w, b) - y)) / m
    return close(g, rhs)


CHECK["zj-ds-dw"] = _p(lambda: _ds("w", False))
CHECK["zj-ds-dw-factor"] = _p(lambda: _ds("w", True))
CHECK["zj-ds-db"] = _p(lambda: _ds("b", False))
CHECK["zj-ds-db-swap"] = _p(lambda: _ds("b", True))


def ds_doc(mut=False):
    return {13: [], 17: [None], 21: [None], 25: [None], 29: [None],
            33: [for_all(lambda: _ds("w", mut)), for_all(lambda: _ds("b", mut))]}


# ======================= I: RParedesPalacios (es), MLP with ReLU + softmax =======================
def rp_case():
    d, h, k = 4, 3, 2
    W1, W2, x = rng.normal(size=(h, d)), rng.normal(size=(k, h)), rng.normal(size=d)
    y = np.zeros(k)
    y[rng.integers(k)] = 1
    z1 = W1 @ x
    while np.all(z1 > 0) or np.all(z1 < 0) or np.min(np.abs(z1)) < 1e-3:  # both ReLU branches, away from the kink
        x = rng.normal(size=d)
        z1 = W1 @ x
    a1 = relu(z1)
    z2 = W2 @ a1
    Lz2 = lambda t: -np.sum(y * np.log(softmax(t)))
    La1 = lambda t: Lz2(W2 @ t)
    Lz1 = lambda t: La1(relu(t))
    d2 = fd(Lz2, z2)
    d1v = fd(Lz1, z1)
    return dict(W1=W1, W2=W2, x=x, y=y, z1=z1, a1=a1, z2=z2, d2=d2, d1=d1v,
                gW2=fd(lambda t: Lz2(t @ a1), W2), gW1=fd(lambda t: Lz1(t @ x), W1), ga1=fd(La1, a1), J=jac(relu, z1))


RP = {
    "zj-rp-delta2": lambda c: close(c["d2"], softmax(c["z2"]) - c["y"]),
    "zj-rp-delta2-swap": lambda c: close(c["d2"], c["y"] - softmax(c["z2"])),
    "zj-rp-dw2": lambda c: close(c["gW2"], np.outer(c["d2"], c["a1"])),
    "zj-rp-dw2-transpose": lambda c: close(c["gW2"], np.outer(c["a1"], c["d2"])),
    "zj-rp-dla1": lambda c: close(c["ga1"], c["W2"].T @ c["d2"]),
    "zj-rp-dla1-transpose": lambda c: close(c["ga1"], c["W2"] @ c["d2"]),
    "zj-rp-dw1": lambda c: close(c["gW1"], np.outer(c["d1"], c["x"])),
    "zj-rp-dw1-transpose": lambda c: close(c["gW1"], np.outer(c["x"], c["d1"])),
    "zj-rp-delta1": lambda c: close(c["d1"], (c["W2"].T @ c["d2"]) * (c["z1"] > 0)),
    "zj-rp-delta1-relu": lambda c: close(c["d1"], c["W2"].T @ c["d2"]),
    "zj-rp-da1dz1": lambda c: close(c["J"], np.diag((c["z1"] > 0).astype(float))),
    "zj-rp-da1dz1-indicator": lambda c: close(c["J"], np.diag((c["z1"] < 0).astype(float))),
    "zj-rp-delta1-diag": lambda c: close(c["d1"], c["ga1"] * np.diag((c["z1"] > 0).astype(float))),
}
for _cid, _fn in RP.items():
    CHECK[_cid] = (lambda fn: lambda: for_all(lambda: fn(rp_case())))(_fn)

# ---- documents for A, B: computed once ----
DOCS = {
    "bp-numeros-gusjrivas": lambda: D_GJ,
    "bp-numeros-gusjrivas-mutated": gj_doc_mutated,
    "mlp-primer-codehunter": ch_doc,
    "backprop-matome-ktakuya": kt_doc,
    "gosa-gyakudenpan-wat36": lambda: D_WT,
    "gosa-gyakudenpan-wat36-mutated": lambda: wt_doc(True),
    "cnn-toi-hon-dcm303": dc_doc,
    "regressao-logistica-diogosoares": lambda: ds_doc(False),
    "regressao-logistica-diogosoares-mutated": lambda: ds_doc(True),
}


def md_blocks(md):
    """display blocks written as one line $$...$$: line number -> inner text"""
    out = {}
    for n, l in enumerate(md.split("\n"), 1):
        s = l.strip()
        if s.startswith("$$") and s.endswith("$$") and len(s) > 4:
            out[n] = s[2:-2].strip()
    return out


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    fams = {c["family"] for c in claims}
    assert fams <= set(ids), sorted(fams - set(ids))
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

    nlinks = nd = nlines = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text()
        mdl = md.split("\n")
        blocks = md_blocks(md)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert mdl[m["line"] - 1] == m["now"], (stem, m["line"])
            base = (HERE / "docs" / (stem.replace("-mutated", "") + ".md")).read_text().split("\n")
            assert base[m["line"] - 1] == m["was"], (stem, m["line"])
        assert stem in DOCS, stem
        got_all = DOCS[stem]()
        assert sorted(lk["line"] for lk in ex["links"]) == sorted(blocks), (stem, "every display line must be listed")
        assert sorted(got_all) == sorted(blocks), (stem, "every display line must be confirmed")
        for lk in ex["links"]:
            ln = lk["line"]
            assert mdl[ln - 1].strip().startswith("$$"), (stem, ln)
            assert " ".join(blocks[ln].split()) == " ".join(lk["text"].split()), (stem, ln)
            got = got_all[ln]
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, ln, got, want)
            nlines += 1
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {ln}: expect {lk['expect']}, numbers say {got}")
    print(f"documents: {nd} checked, {nlines} relation lines, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
