# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zzg).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, identities by direct evaluation) or, for printed
numbers, compared with one unit of the last printed digit.  No LaTeX is parsed.  Exit status 1 on
any disagreement.
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


def rclose(a, b, rtol=1e-7):
    """purely relative comparison (for tiny likelihood values)"""
    a = float(a); b = float(b)
    return abs(a - b) <= rtol * max(abs(a), abs(b))


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


def jac(f, x, h=1e-5):
    """J[i, j] = d f_i / d x_j (flattened)"""
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    J = np.zeros((f0.size, x.size))
    for j in range(x.size):
        xp, xm = x.copy().ravel(), x.copy().ravel()
        xp[j] += h
        xm[j] -= h
        J[:, j] = (np.asarray(f(xp.reshape(x.shape))) - np.asarray(f(xm.reshape(x.shape)))).ravel() / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch / bad index means the relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def chain(vals, cmp=close):
    """all consecutive members of a chain agree"""
    return all(cmp(a, b) for a, b in zip(vals, vals[1:]))


def links(vals, cmp=close):
    return [cmp(a, b) for a, b in zip(vals, vals[1:])]


def every(pts, n=NPTS):
    """a list-valued predicate (one entry per link) must agree at every random point"""
    res = None
    for _ in range(n):
        try:
            r = pts()
        except (ValueError, IndexError):
            r = None
        if r is None:
            return None
        r = [None if v is None else bool(v) for v in r]
        if res is None:
            res = r
        else:
            res = [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


# ======================= A: attention notebook (softmax + attention backward) =======================
def sm_point(n=5):
    x = rng.normal(size=n)
    p = softmax(x)
    S = np.exp(x).sum()
    c = rng.normal(size=n)
    Lp = lambda q: float(np.sum(c * np.sin(q)) + 0.5 * np.sum(q ** 2))
    g = c * np.cos(p) + p  # dL/dp
    i, j = rng.choice(n, size=2, replace=False)
    Jn = jac(softmax, x)
    gx = fd(lambda t: Lp(softmax(t)), x)
    return dict(x=x, p=p, S=S, g=g, i=int(i), j=int(j), J=Jn, gx=gx, n=n)


def sm_diag_vals(P, variant="ok"):
    x, p, S, i = P["x"], P["p"], P["S"], P["i"]
    e = math.exp(x[i])
    lhs = d1(lambda t: softmax(np.where(np.arange(P["n"]) == i, t, x))[i], x[i])
    vals = [lhs, (e * S - e * e) / S ** 2, e / S - (e / S) * (e / S)]
    if variant == "sign":
        vals += [p[i] + p[i] ** 2, p[i] * (1 + p[i])]
    else:
        vals += [p[i] - p[i] ** 2, p[i] * (1 - p[i] ** 2) if variant == "sq" else p[i] * (1 - p[i])]
    return vals


CHECK["zzg-att-softmax-diag"] = lambda: for_all(lambda: chain(sm_diag_vals(sm_point())))
CHECK["zzg-att-softmax-diag-sq"] = lambda: for_all(lambda: chain(sm_diag_vals(sm_point(), "sq")))
CHECK["zzg-att-softmax-diag-sign"] = lambda: for_all(lambda: chain(sm_diag_vals(sm_point(), "sign")))


def kron_mat(p, variant="ok"):
    n = len(p)
    M = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            M[i, j] = p[i] * ((i == j) - (p[i] if variant == "index" else p[j]))
    return M


CHECK["zzg-att-softmax-kron"] = lambda: for_all(lambda: (lambda P: close(P["J"], kron_mat(P["p"])))(sm_point()))
CHECK["zzg-att-softmax-kron-index"] = lambda: for_all(lambda: (lambda P: close(P["J"], kron_mat(P["p"], "index")))(sm_point()))
CHECK["zzg-att-jacobian"] = lambda: for_all(lambda: (lambda P: close(P["J"], np.diag(P["p"]) - np.outer(P["p"], P["p"])))(sm_point()))
CHECK["zzg-att-jacobian-sign"] = lambda: for_all(lambda: (lambda P: close(P["J"], np.outer(P["p"], P["p"]) - np.diag(P["p"])))(sm_point()))
CHECK["zzg-att-softmax-bwd"] = lambda: for_all(lambda: (lambda P: close(P["gx"], P["p"] * (P["g"] - (P["g"] @ P["p"]))))(sm_point()))
CHECK["zzg-att-softmax-bwd-nop"] = lambda: for_all(lambda: (lambda P: close(P["gx"], P["g"] - (P["g"] @ P["p"])))(sm_point()))
CHECK["zzg-att-softmax-bwd-sign"] = lambda: for_all(lambda: (lambda P: close(P["gx"], P["p"] * (P["g"] + (P["g"] @ P["p"]))))(sm_point()))


def att_point(T=4, d=3):
    Q, K, V = (rng.normal(size=(T, d)) for _ in range(3))
    C = rng.normal(size=(T, d))
    L = lambda O: float(np.sum(C * O) + 0.5 * np.sum(O ** 2))
    fwdS = lambda Q_, K_: Q_ @ K_.T / math.sqrt(d)
    fwd = lambda Q_, K_, V_: softmax(fwdS(Q_, K_)) @ V_
    S = fwdS(Q, K)
    P = softmax(S)
    O = P @ V
    dO = C + O
    A = dict(Q=Q, K=K, V=V, S=S, P=P, O=O, dO=dO, d=d, T=T)
    A["dV"] = fd(lambda V_: L(fwd(Q, K, V_)), V)
    A["dP"] = fd(lambda P_: L(P_ @ V), P)
    A["dS"] = fd(lambda S_: L(softmax(S_) @ V), S)
    A["dQ"] = fd(lambda Q_: L(fwd(Q_, K, V)), Q)
    A["dK"] = fd(lambda K_: L(fwd(Q, K_, V)), K)
    A["JOP"] = jac(lambda P_: P_ @ V, P)  # rows (i,k) of O, columns (i,j) of P
    return A


def rowsum(M):
    return M.sum(axis=1, keepdims=True)


def att_dVk(A, variant="ok"):
    P, dO, T = A["P"], A["dO"], A["T"]
    ok = True
    res = []
    for k in range(T):
        w = P[k, :] if variant == "index" else P[:, k]
        e1 = sum(dO[i] * w[i] for i in range(T))
        e2 = sum(w[i] * dO[i] for i in range(T))
        res.append(links([A["dV"][k], e1, e2]))
    return [all(r[0] for r in res), all(r[1] for r in res)]


def att_dQik(A, variant="ok"):
    dS, K, d, T = A["dS"], A["K"], A["d"], A["T"]
    M = np.zeros_like(A["Q"])
    for i in range(T):
        for k in range(d):
            M[i, k] = sum(dS[i, j] / math.sqrt(d) * (K[k, j] if variant == "index" else K[j, k]) for j in range(T))
    return close(A["dQ"], M)


CHECK["zzg-att-dV"] = lambda: for_all(lambda: (lambda A: close(A["dV"], A["P"].T @ A["dO"]))(att_point()))
CHECK["zzg-att-dV-T"] = lambda: for_all(lambda: (lambda A: close(A["dV"], A["P"] @ A["dO"]))(att_point()))
CHECK["zzg-att-dVk"] = lambda: for_all(lambda: all(att_dVk(att_point())))
CHECK["zzg-att-dVk-index"] = lambda: for_all(lambda: all(att_dVk(att_point(), "index")))
CHECK["zzg-att-dP"] = lambda: for_all(lambda: (lambda A: close(A["dP"], A["dO"] @ A["V"].T))(att_point()))
CHECK["zzg-att-dP-T"] = lambda: for_all(lambda: (lambda A: close(A["dP"], A["dO"] @ A["V"]))(att_point()))
CHECK["zzg-att-dS"] = lambda: for_all(lambda: (lambda A: close(A["dS"], A["P"] * (A["dP"] - rowsum(A["dP"] * A["P"]))))(att_point()))
CHECK["zzg-att-dS-noP"] = lambda: for_all(lambda: (lambda A: close(A["dS"], A["dP"] - rowsum(A["dP"] * A["P"])))(att_point()))
CHECK["zzg-att-dQik"] = lambda: for_all(lambda: att_dQik(att_point()))
CHECK["zzg-att-dQik-index"] = lambda: for_all(lambda: att_dQik(att_point(), "index"))
CHECK["zzg-att-dQ"] = lambda: for_all(lambda: (lambda A: close(A["dQ"], A["dS"] @ A["K"] / math.sqrt(A["d"])))(att_point()))
CHECK["zzg-att-dQ-scale"] = lambda: for_all(lambda: (lambda A: close(A["dQ"], A["dS"] @ A["K"]))(att_point()))
CHECK["zzg-att-dQ-d"] = lambda: for_all(lambda: (lambda A: close(A["dQ"], A["dS"] @ A["K"] / A["d"]))(att_point()))
CHECK["zzg-att-dK"] = lambda: for_all(lambda: (lambda A: close(A["dK"], A["dS"].T @ A["Q"] / math.sqrt(A["d"])))(att_point()))
CHECK["zzg-att-dK-T"] = lambda: for_all(lambda: (lambda A: close(A["dK"], A["dS"] @ A["Q"] / math.sqrt(A["d"])))(att_point()))
CHECK["zzg-att-dK-swap"] = lambda: for_all(lambda: (lambda A: close(A["dK"], A["dS"].T @ A["K"] / math.sqrt(A["d"])))(att_point()))


# ======================= B: workofart loss functions =======================
def bce_point():
    return float(rng.uniform(0, 1)), float(rng.uniform(0.1, 0.9))


def BCE(y, t):
    return -(y * math.log(t) + (1 - y) * math.log(1 - t))


CHECK["zzg-wo-bce-second"] = lambda: for_all(lambda: (lambda y, t: close(d1(lambda u: (1 - y) * math.log(1 - u), t), (1 - y) * (-1 / (1 - t))))(*bce_point()))
CHECK["zzg-wo-bce-second-sign"] = lambda: for_all(lambda: (lambda y, t: close(d1(lambda u: (1 - y) * math.log(1 - u), t), (1 - y) * (1 / (1 - t))))(*bce_point()))
CHECK["zzg-wo-bce-combine"] = lambda: for_all(lambda: (lambda y, t: close(d1(lambda u: BCE(y, u), t), -(y / t + (1 - y) * (-1 / (1 - t)))))(*bce_point()))
CHECK["zzg-wo-bce-combine-sign"] = lambda: for_all(lambda: (lambda y, t: close(d1(lambda u: BCE(y, u), t), -(y / t + (1 - y) * (1 / (1 - t)))))(*bce_point()))


def bce_simplify(y, t, variant="ok"):
    e0 = -y / t + (1 - y) / (1 - t)
    e1 = ((1 - y) * t - y * (1 - t)) / (t * (1 - t))
    e2 = {"ok": (t - y) / (t * (1 - t)), "sign": (y - t) / (t * (1 - t)), "denom": (t - y) / t}[variant]
    return [e0, e1, e2]


for _v, _id in [("ok", "zzg-wo-bce-simplify"), ("sign", "zzg-wo-bce-simplify-sign"), ("denom", "zzg-wo-bce-simplify-denom")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: chain(bce_simplify(*bce_point(), v))))(_v)


def mse_point(N=5):
    y, yh = rng.normal(size=N), rng.normal(size=N)
    return y, yh, int(rng.integers(N)), N


def mse_vals(y, yh, i, N, variant="ok"):
    M = lambda u: float(np.sum((y - u) ** 2) / N)
    lhs = fd(M, yh)[i]
    rhs = {"ok": 2 / N * (yh[i] - y[i]), "two": 1 / N * (yh[i] - y[i]), "sign": 2 / N * (y[i] - yh[i])}[variant]
    return [lhs, lhs, rhs]


for _v, _id in [("ok", "zzg-wo-mse"), ("two", "zzg-wo-mse-two"), ("sign", "zzg-wo-mse-sign")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: chain(mse_vals(*mse_point(), v))))(_v)
CHECK["zzg-wo-mse-vec"] = lambda: for_all(lambda: (lambda y, yh, i, N: close(fd(lambda u: float(np.sum((y - u) ** 2) / N), yh), 2 / N * (yh - y)))(*mse_point()))
CHECK["zzg-wo-mse-vec-N"] = lambda: for_all(lambda: (lambda y, yh, i, N: close(fd(lambda u: float(np.sum((y - u) ** 2) / N), yh), 2 * (yh - y)))(*mse_point()))


def nonkink(f, lo=0.05):
    while True:
        v = f()
        if v is not None:
            return v


def hinge_point():
    while True:
        y, t = rng.normal() * 1.5, rng.normal() * 1.5
        if abs(1 - y * t) > 0.05:
            return float(y), float(t)


def hinge_ok(sign=-1.0):
    y, t = hinge_point()
    lhs = d1(lambda u: max(0.0, 1 - y * u), t)
    rhs = 0.0 if y * t >= 1 else sign * y
    return close(lhs, rhs)


CHECK["zzg-wo-hinge"] = lambda: for_all(hinge_ok, 30)
CHECK["zzg-wo-hinge-sign"] = lambda: for_all(lambda: hinge_ok(1.0), 30)


def q_point():
    while True:
        tau, y, t = float(rng.uniform(0.1, 0.9)), float(rng.normal()), float(rng.normal())
        if abs(y - t) > 0.05 and abs(tau - 0.5) > 0.05:
            return tau, y, t


def qloss(tau, y, t):
    return max(tau * (y - t), (tau - 1) * (y - t))


def q_pw(variant="ok"):
    tau, y, t = q_point()
    rhs = tau * (y - t) if y >= t else ((1 - tau) if variant == "sign" else (tau - 1)) * (y - t)
    return close(qloss(tau, y, t), rhs)


def q_grad():
    tau, y, t = q_point()
    lhs = d1(lambda u: qloss(tau, y, u), t)
    rhs = -tau if y > t else -(1 - tau)
    return close(lhs, rhs)


CHECK["zzg-wo-quantile-pw"] = lambda: for_all(q_pw, 30)
CHECK["zzg-wo-quantile-pw-sign"] = lambda: for_all(lambda: q_pw("sign"), 30)
CHECK["zzg-wo-quantile-grad"] = lambda: for_all(q_grad, 30)


# ======================= C: layer norm (yueyiming2009) =======================
def ln_point(D=5):
    x = rng.normal(size=D) * 1.2 + 0.3
    gam, bet = rng.normal(size=D) + 1.0, rng.normal(size=D)
    c = rng.normal(size=D)
    eps = 0.3
    mu = x.mean()
    var = ((x - mu) ** 2).mean()
    f = lambda y: float(np.sum(c * np.sin(y)) + 0.5 * np.sum(y ** 2))
    xh_of = lambda xx, m, v: (xx - m) / np.sqrt(v + eps)
    Lf = lambda xx, m, v, g=gam, b=bet: f(g * xh_of(xx, m, v) + b)
    xh = xh_of(x, mu, var)
    y = gam * xh + bet
    dy = c * np.cos(y) + y
    dxh = fd(lambda u: f(gam * u + bet), xh)
    return dict(x=x, g=gam, b=bet, eps=eps, mu=mu, var=var, Lf=Lf, xh_of=xh_of, xh=xh, y=y, dy=dy, dxh=dxh, D=D, i=int(rng.integers(D)))


def ln_dbeta(P):
    i = P["i"]
    lhs = fd(lambda b: P["Lf"](P["x"], P["mu"], P["var"], P["g"], b), P["b"])[i]
    loc = d1(lambda t: P["g"][i] * P["xh"][i] + t, P["b"][i])
    return [lhs, P["dy"][i] * loc, P["dy"][i]]


def ln_dgamma(P, variant="ok"):
    i = P["i"]
    lhs = fd(lambda g: P["Lf"](P["x"], P["mu"], P["var"], g, P["b"]), P["g"])[i]
    loc = d1(lambda t: t * P["xh"][i] + P["b"][i], P["g"][i])
    return [lhs, P["dy"][i] * loc, P["dy"][i] * (P["g"][i] if variant == "swap" else P["xh"][i])]


def ln_dvar(P, variant="ok"):
    x, mu, var, eps, dxh = P["x"], P["mu"], P["var"], P["eps"], P["dxh"]
    lhs = d1(lambda v: P["Lf"](x, mu, v), var)
    mid = sum(dxh[j] * d1(lambda v: P["xh_of"](x, mu, v)[j], var) for j in range(P["D"]))
    expo, half = {"ok": (-1.5, 0.5), "exp": (-0.5, 0.5), "half": (-1.5, 1.0)}[variant]
    rhs = float(np.sum(dxh * (x - mu) * (-half * (var + eps) ** expo)))
    return [lhs, mid, rhs]


def ln_path1(P, variant="ok"):
    x, mu, var, eps, dxh = P["x"], P["mu"], P["var"], P["eps"], P["dxh"]
    lhs = sum(dxh[j] * d1(lambda m: P["xh_of"](x, m, var)[j], mu) for j in range(P["D"]))
    den = {"ok": -1 / np.sqrt(var + eps), "sqrt": -1 / (var + eps), "sign": 1 / np.sqrt(var + eps)}[variant]
    return [lhs, float(np.sum(dxh * den))]


def ln_path2(P):
    x, mu, var = P["x"], P["mu"], P["var"]
    dvar = d1(lambda v: P["Lf"](x, mu, v), var)
    dvdmu = d1(lambda m: ((x - m) ** 2).mean(), mu)
    return [dvar * dvdmu, dvar * (-2 / P["D"]) * np.sum(x - mu), 0.0]


def ln_dmu(P, variant="ok"):
    x, mu, var, eps, dxh = P["x"], P["mu"], P["var"], P["eps"], P["dxh"]
    lhs = d1(lambda m: P["Lf"](x, m, ((x - m) ** 2).mean()), mu)
    rhs = {"ok": -1 / np.sqrt(var + eps), "sign": 1 / np.sqrt(var + eps), "D": -1 / (P["D"] * np.sqrt(var + eps))}[variant] * np.sum(dxh)
    return [lhs, rhs]


def ln_dxhat(P, variant="ok"):
    i = P["i"]
    return [P["dxh"][i], P["dy"][i] * (P["xh"][i] if variant == "swap" else P["g"][i])]


CHECK["zzg-ln-dbeta"] = lambda: for_all(lambda: chain(ln_dbeta(ln_point())))
CHECK["zzg-ln-dgamma"] = lambda: for_all(lambda: chain(ln_dgamma(ln_point())))
CHECK["zzg-ln-dgamma-swap"] = lambda: for_all(lambda: chain(ln_dgamma(ln_point(), "swap")))
CHECK["zzg-ln-dxhat"] = lambda: for_all(lambda: chain(ln_dxhat(ln_point())))
CHECK["zzg-ln-dxhat-swap"] = lambda: for_all(lambda: chain(ln_dxhat(ln_point(), "swap")))
for _v, _id in [("ok", "zzg-ln-dvar"), ("exp", "zzg-ln-dvar-exp"), ("half", "zzg-ln-dvar-half")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: chain(ln_dvar(ln_point(), v))))(_v)
for _v, _id in [("ok", "zzg-ln-path1"), ("sqrt", "zzg-ln-path1-sqrt"), ("sign", "zzg-ln-path1-sign")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: chain(ln_path1(ln_point(), v))))(_v)
CHECK["zzg-ln-path2"] = lambda: for_all(lambda: chain(ln_path2(ln_point())))
for _v, _id in [("ok", "zzg-ln-dmu"), ("sign", "zzg-ln-dmu-sign"), ("D", "zzg-ln-dmu-D")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: chain(ln_dmu(ln_point(), v))))(_v)


# ======================= E: Adam hand computation (gbasran) =======================
fprime = lambda th: 2 * th
ADAM = {}
ADAM["g1"] = fprime(5.0)
ADAM["m1"] = 0.9 * 0 + (1 - 0.9) * ADAM["g1"]
ADAM["v1"] = 0.999 * 0 + (1 - 0.999) * ADAM["g1"] ** 2
ADAM["mh1"] = ADAM["m1"] / (1 - 0.9 ** 1)
ADAM["vh1"] = ADAM["v1"] / (1 - 0.999 ** 1)
ADAM["th1"] = 5.0 - 0.1 * ADAM["mh1"] / (math.sqrt(ADAM["vh1"]) + 1e-8)
ADAM["g2"] = fprime(ADAM["th1"])


def adam_links(key, printed, unit):
    """[rule value = first printed expression, ..., last expression = printed number]"""
    E = {
        "g1": [ADAM["g1"], fprime(5), 2 * 5],
        "m1": [ADAM["m1"], 0.9 * 0 + 0.1 * 10, 0 + 1],
        "v1": [ADAM["v1"], 0.999 * 0 + 0.001 * 10 ** 2, 0 + 0.1],
        "mh1": [ADAM["mh1"], 1 / (1 - 0.9 ** 1), 1 / 0.1],
        "vh1": [ADAM["vh1"], 0.1 / (1 - 0.999 ** 1), 0.1 / 0.001],
        "th1": [ADAM["th1"], 5 - 0.1 * 10 / (math.sqrt(100) + 1e-8), 5 - 0.1 * 10 / 10, 5 - 0.1],
        "g2": [ADAM["g2"], fprime(4.9), 2 * 4.9],
    }[key]
    return links(E) + [num(E[-1], printed, unit)]


ADAM_TWIN = {  # twins change one printed intermediate or result
    "zzg-adam-m1-arith": lambda: links([ADAM["m1"], 0.9 * 0 + 0.1 * 10, 0 + 10]) + [num(0 + 10, 10, 1)],
    "zzg-adam-v1-arith": lambda: links([ADAM["v1"], 0.999 * 0 + 0.001 * 10 ** 2, 0 + 0.01]) + [num(0 + 0.01, 0.01, 0.01)],
}
CHECK["zzg-adam-g1"] = lambda: all(adam_links("g1", 10, 1))
CHECK["zzg-adam-g1-arith"] = lambda: all(adam_links("g1", 12, 1))
CHECK["zzg-adam-m1"] = lambda: all(adam_links("m1", 1, 1))
CHECK["zzg-adam-m1-arith"] = lambda: all(ADAM_TWIN["zzg-adam-m1-arith"]())
CHECK["zzg-adam-v1"] = lambda: all(adam_links("v1", 0.1, 0.1))
CHECK["zzg-adam-v1-arith"] = lambda: all(ADAM_TWIN["zzg-adam-v1-arith"]())
CHECK["zzg-adam-mhat1"] = lambda: all(adam_links("mh1", 10, 1))
CHECK["zzg-adam-mhat1-arith"] = lambda: all(adam_links("mh1", 0.1, 0.1))
CHECK["zzg-adam-vhat1"] = lambda: all(adam_links("vh1", 100, 1))
CHECK["zzg-adam-vhat1-arith"] = lambda: all(adam_links("vh1", 1000, 1))
CHECK["zzg-adam-theta1"] = lambda: all(adam_links("th1", 4.9, 0.1))
CHECK["zzg-adam-theta1-arith"] = lambda: all(adam_links("th1", 4.99, 0.01))
CHECK["zzg-adam-g2"] = lambda: all(adam_links("g2", 9.8, 0.1))
CHECK["zzg-adam-g2-arith"] = lambda: all(adam_links("g2", 9.6, 0.1))


# ======================= G: Gaussian likelihood in sigma =======================
def gs_point(n=5):
    x = rng.normal(size=n) * 1.3 + 0.2
    mu = float(rng.normal())
    s = float(rng.uniform(0.5, 2.0))
    return x, mu, s, n


def gs_prod(x, mu, s):
    return float(np.prod((2 * np.pi * s * s) ** -0.5 * np.exp(-(x - mu) ** 2 / (2 * s * s))))


def gs_prod_check(variant="ok"):
    x, mu, s, n = gs_point()
    rhs = (2 * np.pi) ** (-n / 2) * s ** (-n / 2 if variant == "exp" else -n) * math.exp(-np.sum((x - mu) ** 2) / (2 * s * s))
    return rclose(gs_prod(x, mu, s), rhs)


def gs_loglik(variant="ok"):
    x, mu, s, n = gs_point()
    a = {"ok": n, "logsig": n / 2, "half": n}[variant]
    b = {"ok": 2, "logsig": 2, "half": 1}[variant]
    rhs = -n / 2 * math.log(2 * np.pi) - a * math.log(s) - 1 / (b * s * s) * np.sum((x - mu) ** 2)
    return close(math.log(gs_prod(x, mu, s)), rhs)


def gs_ell(x, mu, s, n):
    return -n / 2 * math.log(2 * np.pi) - n * math.log(s) - 1 / (2 * s * s) * np.sum((x - mu) ** 2)


def gs_dsigma(variant="ok"):
    x, mu, s, n = gs_point()
    lhs = d1(lambda t: gs_ell(x, mu, t, n), s)
    ss = np.sum((x - mu) ** 2)
    rhs = {"ok": -n / s + ss / s ** 3, "exp": -n / s + ss / s ** 2, "half": -n / s + ss / (2 * s ** 3)}[variant]
    return close(lhs, rhs)


for _v, _id in [("ok", "zzg-gs-prod"), ("exp", "zzg-gs-prod-exp")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: gs_prod_check(v)))(_v)
for _v, _id in [("ok", "zzg-gs-loglik"), ("logsig", "zzg-gs-loglik-logsig"), ("half", "zzg-gs-loglik-half")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: gs_loglik(v)))(_v)
for _v, _id in [("ok", "zzg-gs-dsigma"), ("exp", "zzg-gs-dsigma-exp"), ("half", "zzg-gs-dsigma-half")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: gs_dsigma(v)))(_v)


# ======================= I: cosine similarity, math.SE 1923613 =======================
def cos_point(n=4):
    return rng.normal(size=n), rng.normal(size=n)


def cos_steps(variant="ok"):
    a, b = cos_point()
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    single = lambda t: t * b[0] * (t ** 2 + np.sum(a[1:] ** 2)) ** -0.5 / nb
    lhs = d1(single, a[0])
    ex = -0.5 if variant == "exp" else -1.5
    sg = 1.0 if variant == "sign" else -1.0
    e1 = b[0] * na ** -1 / nb + sg * a[0] ** 2 * b[0] * (na ** 2) ** ex / nb
    e2 = b[0] / (na * nb) - a[0] * na ** -2 * a[0] * b[0] / (na * nb)
    e3 = b[0] / (na * nb) - a[0] * b[0] / (na * nb) * a[0] / na ** 2
    return chain([lhs, e1, e2, e3])


def cos_drop():
    a, b = cos_point()
    nb = np.linalg.norm(b)
    full = lambda t: (t * b[0] + a[1:] @ b[1:]) / (math.sqrt(t ** 2 + np.sum(a[1:] ** 2)) * nb)
    single = lambda t: t * b[0] * (t ** 2 + np.sum(a[1:] ** 2)) ** -0.5 / nb
    return close(d1(full, a[0]), d1(single, a[0]))


for _v, _id in [("ok", "zzg-cos-q-steps"), ("exp", "zzg-cos-q-steps-exp"), ("sign", "zzg-cos-q-steps-sign")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: cos_steps(v)))(_v)
CHECK["zzg-cos-q-drop"] = lambda: for_all(cos_drop)


# ======================= K: |k - cossim|, math.SE 4130045 =======================
def cs(v, w):
    return float(v @ w / (np.linalg.norm(v) * np.linalg.norm(w)))


def ck_point():
    v, w = rng.normal(size=4), rng.normal(size=4)
    while True:
        k = float(rng.uniform(-1.5, 1.5))
        if abs(k - cs(v, w)) > 0.1:
            return v, w, k


def ck_dy(variant="ok"):
    v, w, k = ck_point()
    nv, nw = np.linalg.norm(v), np.linalg.norm(w)
    lhs = fd(lambda u: k - cs(u, w), v)
    mid = -fd(lambda u: cs(u, w), v)
    sg = 1.0 if variant == "sign" else -1.0
    rhs = sg * w / (nv * nw) + cs(v, w) * v / (nv if variant == "exp" else nv ** 2)
    return chain([lhs, mid, rhs])


def ck_abs():
    v, w, k = ck_point()
    y = k - cs(v, w)
    return close(fd(lambda u: abs(k - cs(u, w)), v), y / abs(y) * fd(lambda u: k - cs(u, w), v))


def ck_final(variant="ok"):
    v, w, k = ck_point()
    nv, nw = np.linalg.norm(v), np.linalg.norm(w)
    c = cs(v, w)
    br = c * v / nv ** 2 - w / (nv * nw)
    if variant == "swap":
        br = -br
    return close(fd(lambda u: abs(k - cs(u, w)), v), (k - c) / abs(k - c) * br)


for _v, _id in [("ok", "zzg-cosabs-dy"), ("sign", "zzg-cosabs-dy-sign"), ("exp", "zzg-cosabs-dy-exp")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: ck_dy(v)))(_v)
CHECK["zzg-cosabs-abs"] = lambda: for_all(ck_abs)
CHECK["zzg-cosabs-final"] = lambda: for_all(ck_final)
CHECK["zzg-cosabs-final-swap"] = lambda: for_all(lambda: ck_final("swap"))


# ======================= Z: zyxue CS229 notebooks =======================
def pois_point():
    y = int(rng.choice([0, 2, 3, 4, 5]))
    th, x = rng.normal(size=3) * 0.5, rng.normal(size=3) * 0.5
    lam = float(np.exp(th @ x))
    return y, th, x, lam, int(rng.integers(3))


def pmf(y, lam):
    return math.exp(-lam) * lam ** y / math.factorial(y)


CHECK["zzg-pois-pmf"] = lambda: for_all(lambda: (lambda y, th, x, lam, j: close(pmf(y, lam), 1 / math.factorial(y) * math.exp(y * math.log(lam) - lam)))(*pois_point()))
CHECK["zzg-pois-pmf-sign"] = lambda: for_all(lambda: (lambda y, th, x, lam, j: close(pmf(y, lam), 1 / math.factorial(y) * math.exp(y * math.log(lam) + lam)))(*pois_point()))
CHECK["zzg-pois-loglik"] = lambda: for_all(lambda: (lambda y, th, x, lam, j: close(math.log(pmf(y, lam)), math.log(1 / math.factorial(y)) + y * math.log(lam) - lam))(*pois_point()))
CHECK["zzg-pois-loglik-y"] = lambda: for_all(lambda: (lambda y, th, x, lam, j: close(math.log(pmf(y, lam)), math.log(1 / math.factorial(y)) + math.log(lam) - lam))(*pois_point()))


def pois_l(y, th, x):
    return math.log(1 / math.factorial(y)) + y * (th @ x) - math.exp(th @ x)


def pois_grad(variant="ok"):
    y, th, x, lam, j = pois_point()
    lhs = fd(lambda t: pois_l(y, t, x), th)[j]
    e = math.exp(th @ x)
    if variant == "chain":
        return chain([lhs, y * x[j] - e, (y - e) * x[j]])
    if variant == "sign":
        return chain([lhs, y * x[j] + e * x[j], (y + e) * x[j]])
    return chain([lhs, y * x[j] - e * x[j], (y - e) * x[j]])


for _v, _id in [("ok", "zzg-pois-grad"), ("chain", "zzg-pois-grad-chain"), ("sign", "zzg-pois-grad-sign")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: pois_grad(v)))(_v)


def pois_wrong():
    y, th, x, lam, j = pois_point()
    lhs = fd(lambda t: math.log(pmf(y, float(np.exp(t @ x)))), th)[j]
    return close(lhs, math.log(pmf(y, lam)))


CHECK["zzg-pois-wrongline"] = lambda: for_all(pois_wrong)


def glm_wrong():
    b, eta, y = float(rng.uniform(0.5, 2.0)), float(rng.normal()), float(rng.integers(0, 5))
    a = math.exp(eta)
    p = b * math.exp(eta * y - a)
    return chain([math.log(p), b * math.exp(eta * y - a), math.log(b) + eta * y - a])


CHECK["zzg-glm-logwrong"] = lambda: for_all(glm_wrong)

sig = lambda z: 1 / (1 + math.exp(-z))


def sig_chain(variant="ok"):
    z = float(rng.normal() * 1.5)
    g = sig(z)
    lhs = d1(sig, z)
    e1 = d1(lambda t: 1 / (1 + math.exp(-t)), z)
    dden = d1(lambda t: 1 + math.exp(-t), z)
    e2 = (0 - 1 * dden) / ((1 + math.exp(-z)) if variant == "sq" else (1 + math.exp(-z)) ** 2)
    e3 = math.exp(-z) / (1 + math.exp(-z)) ** 2
    e4 = 1 / (1 + math.exp(-z)) * math.exp(-z) / (1 + math.exp(-z))
    e5 = g * (1 + g) if variant == "sign" else g * (1 - g)
    return chain([lhs, e1, e2, e3, e4, e5])


def sig_onemg(variant="ok"):
    z = float(rng.normal() * 1.5)
    g = sig(z)
    lhs = d1(lambda t: 1 - sig(t), z)
    e1 = d1(lambda t: math.exp(-t) / (1 + math.exp(-t)), z)
    e2 = -d1(sig, z)
    e3 = g * (1 - g) if variant == "sign" else g * (g - 1)
    return chain([lhs, e1, e2, e3])


for _v, _id in [("ok", "zzg-sig-deriv"), ("sign", "zzg-sig-deriv-sign"), ("sq", "zzg-sig-deriv-sq")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: sig_chain(v)))(_v)
for _v, _id in [("ok", "zzg-sig-onemg"), ("sign", "zzg-sig-onemg-sign")]:
    CHECK[_id] = (lambda v: lambda: for_all(lambda: sig_onemg(v)))(_v)


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


def defs(n):
    return lambda: [None] * n


def ev(fn):
    return lambda: every(fn)


# ---- softmax-jacobian: one function per $$ block, in order ----
def sj_off(P):
    x, p, S, i, j = P["x"], P["p"], P["S"], P["i"], P["j"]
    lhs = P["J"][i, j]
    ei, ej = math.exp(x[i]), math.exp(x[j])
    return links([lhs, (0 * S - ei * ej) / S ** 2, -(ei / S) * (ej / S), -p[i] * p[j]])


def sj_chain(P):
    p, g, J, j, n = P["p"], P["g"], P["J"], P["j"], P["n"]
    e1 = sum(g[i] * J[i, j] for i in range(n))
    e2 = sum(g[i] * p[i] * ((i == j) - p[j]) for i in range(n))
    return links([P["gx"][j], e1, e2])


def sj_expand(P):
    p, g, j = P["p"], P["g"], P["j"]
    return [close(P["gx"][j], g[j] * p[j] - p[j] * (g @ p))]


def sj_g(P):
    p, g, j = P["p"], P["g"], P["j"]
    return links([P["gx"][j], g[j] * p[j] - p[j] * (g @ p), p[j] * (g[j] - g @ p)])


SJ = [defs(2),
      ev(lambda: links(sm_diag_vals(sm_point()))),
      ev(lambda: sj_off(sm_point())),
      ev(lambda: [CHECK["zzg-att-softmax-kron"]()]),
      ev(lambda: [CHECK["zzg-att-jacobian"]()]),
      ev(lambda: sj_chain(sm_point())),
      ev(lambda: sj_expand(sm_point())),
      ev(lambda: sj_g(sm_point())),
      ev(lambda: [CHECK["zzg-att-softmax-bwd"]()])]


# ---- attention-backward ----
def ab_dPchain(A):
    T, d = A["T"], A["d"]
    M = np.zeros((T, T))
    for i in range(T):
        for j in range(T):
            M[i, j] = sum(A["dO"][i, k] * A["JOP"][i * d + k, i * T + j] for k in range(d))
    return [close(A["dP"], M)]


def ab_dPij(A):
    T, d = A["T"], A["d"]
    M = np.array([[sum(A["dO"][i, k] * A["V"][j, k] for k in range(d)) for j in range(T)] for i in range(T)])
    return [close(A["dP"], M)]


def ab_dSi(A):
    ok = True
    for i in range(A["T"]):
        Pi, dPi = A["P"][i], A["dP"][i]
        ok = ok and close(A["dS"][i], Pi * (dPi - (dPi @ Pi) * np.ones_like(Pi)))
    return [ok]


AB = [defs(1), defs(1), defs(1),
      ev(lambda: att_dVk(att_point())),
      ev(lambda: [CHECK["zzg-att-dV"]()]),
      ev(lambda: ab_dPchain(att_point())),
      ev(lambda: ab_dPij(att_point())),
      ev(lambda: [CHECK["zzg-att-dP"]()]),
      ev(lambda: ab_dSi(att_point())),
      ev(lambda: [CHECK["zzg-att-dQik"]()]),
      ev(lambda: [CHECK["zzg-att-dQ"]()]),
      ev(lambda: [CHECK["zzg-att-dK"]()])]
AB_M = {4: ev(lambda: [CHECK["zzg-att-dV-T"]()]), 11: ev(lambda: [CHECK["zzg-att-dK-T"]()])}


# ---- bce-mse-backward ----
def bm_terms():
    y, t = bce_point()
    return [close(d1(lambda u: y * math.log(u), t), y * (1 / t)), close(d1(lambda u: (1 - y) * math.log(1 - u), t), (1 - y) * (-1 / (1 - t)))]


def bm_combine(variant="ok"):
    y, t = bce_point()
    lhs = d1(lambda u: BCE(y, u), t)
    e1 = -(y * (1 / t) + (1 - y) * (-1 / (1 - t)))
    rest = bce_simplify(y, t, variant)
    return links([lhs, e1] + rest)


BM = [defs(1), ev(bm_terms), ev(bm_combine), defs(1),
      ev(lambda: links(mse_vals(*mse_point()))),
      ev(lambda: [CHECK["zzg-wo-mse-vec"]()])]
BM_M = {2: ev(lambda: bm_combine("sign")),
        5: ev(lambda: [(lambda y, yh, i, N: close(fd(lambda u: float(np.sum((y - u) ** 2) / N), yh), 1 / N * (yh - y)))(*mse_point())])}

# ---- layernorm-paths ----
LN = [defs(1), defs(1), defs(1), defs(1),
      ev(lambda: links(ln_dbeta(ln_point()))),
      ev(lambda: links(ln_dgamma(ln_point()))),
      ev(lambda: links(ln_dxhat(ln_point()))),
      ev(lambda: links(ln_dvar(ln_point()))),
      ev(lambda: links(ln_path1(ln_point()))),
      ev(lambda: links(ln_path2(ln_point()))),
      ev(lambda: links(ln_dmu(ln_point())))]
LN_M = {7: ev(lambda: links(ln_dvar(ln_point(), "exp"))), 10: ev(lambda: links(ln_dmu(ln_point(), "sign")))}

# ---- adam-hand: first link of each line names the new quantity (definition) ----
AH = [lambda k=k, p=p, u=u: [None] + adam_links(k, p, u)[1:] for k, p, u in
      [("g1", 10, 1), ("m1", 1, 1), ("v1", 0.1, 0.1), ("mh1", 10, 1), ("vh1", 100, 1), ("th1", 4.9, 0.1), ("g2", 9.8, 0.1)]]


# ---- gaussian-sigma-mle ----
def gsd_prod():
    x, mu, s, n = gs_point()
    return [None, rclose(gs_prod(x, mu, s), (2 * np.pi) ** (-n / 2) * s ** (-n) * math.exp(-np.sum((x - mu) ** 2) / (2 * s * s)))]


def gsd_ll():
    x, mu, s, n = gs_point()
    return [None, close(math.log(gs_prod(x, mu, s)), gs_ell(x, mu, s, n))]


GS = [defs(1), ev(gsd_prod), ev(gsd_ll), ev(lambda: [gs_dsigma()])]


# ---- poisson-glm (eta = theta^T x, lambda = e^eta) ----
def pg_pmf():
    y, th, x, lam, j = pois_point()
    return [None, close(pmf(y, lam), 1 / math.factorial(y) * math.exp(y * math.log(lam) - lam))]


def pg_fam():
    y, th, x, lam, j = pois_point()
    eta = math.log(lam)
    return [None, None, None, None, close(lam, math.exp(eta))]


def pg_ll():
    y, th, x, lam, j = pois_point()
    eta = math.log(lam)
    lf = math.log(1 / math.factorial(y))
    return [None] + links([math.log(pmf(y, lam)), lf + y * math.log(lam) - lam, lf + y * eta - math.exp(eta), lf + y * (th @ x) - math.exp(th @ x)])


def pg_wrong():
    y, th, x, lam, j = pois_point()
    lhs = fd(lambda t: math.log(pmf(y, float(np.exp(t @ x)))), th)[j]
    lf = math.log(1 / math.factorial(y))
    return links([lhs, math.log(pmf(y, lam)), lf + y * math.log(lam) - lam])


def pg_grad():
    y, th, x, lam, j = pois_point()
    lhs = fd(lambda t: pois_l(y, t, x), th)[j]
    e = math.exp(th @ x)
    eta = th @ x
    return links([lhs, y * x[j] - e * x[j], (y - e) * x[j], (y - math.exp(eta)) * x[j], (y - lam) * x[j]])


PG = [ev(pg_pmf), ev(pg_fam), ev(pg_ll), ev(pg_wrong), ev(pg_grad)]

DOCS = {"softmax-jacobian": (SJ, {}), "attention-backward": (AB, AB_M), "bce-mse-backward": (BM, BM_M),
        "layernorm-paths": (LN, LN_M), "adam-hand": (AH, {}), "gaussian-sigma-mle": (GS, {}), "poisson-glm": (PG, {})}


# ======================= run =======================
def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    fams = {c["family"] for c in claims}
    assert all(f in ids for f in fams), "every family must be a claim id"
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
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        md = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        bl = blocks(md)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
        fns, mut = DOCS[base]
        if stem == base:
            mut = {}
        else:
            assert ex["mutations"], stem
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        assert [lk["line"] for lk in ex["links"]] == [ln for ln, _ in bl], (stem, "every $$ block must be listed, in order")
        assert len(bl) == len(fns), (stem, len(bl), len(fns))
        for bi, (lk, (ln, text)) in enumerate(zip(ex["links"], bl)):
            assert md[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert text == lk["text"].strip(), (stem, lk["line"])
            got = mut.get(bi, fns[bi])()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    print(f"documents: {nd} checked, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
