# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zz).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with one unit of the
last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261207)
RTOL, ATOL = 1e-6, 1e-8
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
    except (ValueError, IndexError):  # shape mismatch / undefined entry: relation does not hold
        return False


def for_all(pred, n=NPTS):
    return all(safe(pred) for _ in range(n))


def every(fn, n=NPTS):
    runs = [fn() for _ in range(n)]
    out = []
    for k in range(len(runs[0])):
        col = [r[k] for r in runs]
        out.append(None if col[0] is None else all(col))
    return out


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
dsig = lambda x: sig(x) * (1 - sig(x))
f, fp = sig, dsig  # Volna's f: any differentiable activation; the logistic one is used here

CHECK = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


# ======================= Volna: two-layer net =======================
def vol_net(n=3, p=4, m=2, bias=True):
    x = rng.normal(size=n); t = rng.uniform(size=m)
    v0 = rng.normal(size=p) if bias else np.zeros(p)
    w0 = rng.normal(size=m) if bias else np.zeros(m)
    v = rng.normal(size=(n, p)); w = rng.normal(size=(p, m))
    def E_of(vv, ww):
        zin = v0 + x @ vv; z = f(zin); yin = w0 + z @ ww; y = f(yin)
        return 0.5 * np.sum((t - y) ** 2)
    zin = v0 + x @ v; z = f(zin); yin = w0 + z @ w; y = f(yin)
    dEdw = fd(lambda ww: E_of(v, ww), w)
    dEdv = fd(lambda vv: E_of(vv, w), v)
    delta = (t - y) * fp(yin)
    return dict(x=x, t=t, v=v, w=w, zin=zin, z=z, yin=yin, y=y, dEdw=dEdw, dEdv=dEdv, delta=delta, alpha=rng.uniform(0.1, 1))


def vol_dwjk(variant):
    def p():
        N = vol_net(); a = N["alpha"]
        lhs = -a * N["dEdw"]                     # Delta w_jk (defined by the first link)
        mid = {"ok": a * np.outer(N["z"], (N["t"] - N["y"]) * fp(N["yin"])),
               "sign": -a * np.outer(N["z"], (N["t"] - N["y"]) * fp(N["yin"])),
               "noprime": a * np.outer(N["z"], (N["t"] - N["y"]))}[variant]
        end = a * np.outer(N["z"], N["delta"])
        return close(lhs, mid) and close(mid, end)
    return for_all(p)

check("zz-vol-dwjk")(lambda: vol_dwjk("ok"))
check("zz-vol-dwjk-sign")(lambda: vol_dwjk("sign"))
check("zz-vol-dwjk-noprime")(lambda: vol_dwjk("noprime"))


def vol_dvij(variant):
    def p():
        N = vol_net(); a = N["alpha"]
        lhs = -a * N["dEdv"]
        back = N["w"] @ N["delta"]  # sum_k delta_k w_jk
        rhs = {"ok": a * np.outer(N["x"], fp(N["zin"]) * back),
               "noprime": a * np.outer(N["x"], back),
               "half": 0.5 * a * np.outer(N["x"], fp(N["zin"]) * back)}[variant]
        return close(lhs, rhs)
    return for_all(p)

check("zz-vol-dvij")(lambda: vol_dvij("ok"))
check("zz-vol-dvij-noprime")(lambda: vol_dvij("noprime"))
check("zz-vol-dvij-half")(lambda: vol_dvij("half"))


def vol_dvij_delta(variant):
    def p():
        N = vol_net(); a = N["alpha"]
        lhs = -a * N["dEdv"]
        din = N["w"] @ N["delta"]
        dj = din * fp(N["zin"]) if variant == "ok" else -din * fp(N["zin"])  # source's delta_J has a leading minus
        return close(lhs, a * np.outer(N["x"], dj))
    return for_all(p)

check("zz-vol-dvij-delta")(lambda: vol_dvij_delta("ok"))
check("zz-vol-dvij-delta-srcsign")(lambda: vol_dvij_delta("src"))


def vol_dEdw(variant):
    def p():
        N = vol_net(bias=False)
        r = np.outer(N["z"], (N["t"] - N["y"]) * fp(N["yin"]))
        return close(N["dEdw"], -r if variant == "ok" else r)
    return for_all(p)

check("zz-vol-dEdwJK")(lambda: vol_dEdw("ok"))
check("zz-vol-dEdwJK-sign")(lambda: vol_dEdw("sign"))


def vol_dEdv(variant):
    def p():
        N = vol_net(n=3, p=3, bias=False)
        back = N["w"] @ N["delta"]
        if variant == "ok":
            r = -np.outer(N["x"], back * fp(N["zin"]))
        elif variant == "noprime":
            r = -np.outer(N["x"], back)
        else:  # w_{Ik}: row I of w (I runs over inputs, n == p so it exists)
            r = -np.array([[(N["w"][I] @ N["delta"]) * fp(N["zin"][J]) * N["x"][I] for J in range(3)] for I in range(3)])
        return close(N["dEdv"], r)
    return for_all(p)

check("zz-vol-dEdvIJ")(lambda: vol_dEdv("ok"))
check("zz-vol-dEdvIJ-noprime")(lambda: vol_dEdv("noprime"))
check("zz-vol-dEdvIJ-index")(lambda: vol_dEdv("index"))


def vol_mom(sign):
    def p():
        wm1, w0, a, d, z, mu = rng.normal(size=6)
        w1 = w0 + a * d * z + mu * (w0 - wm1)
        return close(w1 - w0, a * d * z + sign * mu * (w0 - wm1))
    return for_all(p)

check("zz-vol-mom")(lambda: vol_mom(1))
check("zz-vol-mom-sign")(lambda: vol_mom(-1))


def vol_steep(variant):
    def p():
        s = rng.uniform(0.5, 3); x = rng.normal()
        F = lambda u: 1 / (1 + np.exp(-s * u))
        rhs = {"ok": s * F(x) * (1 - F(x)), "nos": F(x) * (1 - F(x)), "plus": s * F(x) * (1 + F(x))}[variant]
        return close(d1(F, x), rhs)
    return for_all(p)

check("zz-vol-steep")(lambda: vol_steep("ok"))
check("zz-vol-steep-nosigma")(lambda: vol_steep("nos"))
check("zz-vol-steep-plus")(lambda: vol_steep("plus"))

# Kohonen numbers: (value of the printed expression, printed result, unit of last digit)
sq = lambda *pairs: sum((a - b) ** 2 for a, b in pairs)
KOH = {
    "zz-vol-koh-d1a": (sq((0.2, 1), (0.6, 1), (0.5, 0), (0.9, 0)), 1.86, 0.01),
    "zz-vol-koh-d1a-num": (sq((0.2, 1), (0.6, 1), (0.5, 0), (0.9, 0)), 1.68, 0.01),
    "zz-vol-koh-d2a": (sq((0.8, 1), (0.4, 1), (0.7, 0), (0.3, 0)), 0.98, 0.01),
    "zz-vol-koh-d2a-num": (sq((0.8, 1), (0.4, 1), (0.7, 0), (0.3, 0)), 1.26, 0.01),
    "zz-vol-koh-d1b": (sq((0.2, 0), (0.6, 0), (0.5, 0), (0.9, 1)), 0.66, 0.01),
    "zz-vol-koh-d1b-num": (sq((0.2, 0), (0.6, 0), (0.5, 0), (0.9, 1)), 1.3, 0.1),
    "zz-vol-koh-d2b": (sq((0.92, 0), (0.76, 0), (0.28, 0), (0.12, 1)), 2.27, 0.01),
    "zz-vol-koh-d2b-num": (sq((0.92, 0), (0.76, 0), (0.28, 0), (0.12, 1)), 1.52, 0.01),
    "zz-vol-koh-d1c": (sq((0.08, 1), (0.24, 0), (0.2, 0), (0.96, 0)), 1.86, 0.01),
    "zz-vol-koh-d1c-num": (sq((0.08, 1), (0.24, 0), (0.2, 0), (0.96, 0)), 1.02, 0.01),
    "zz-vol-koh-d2c": (sq((0.92, 1), (0.76, 0), (0.28, 0), (0.12, 0)), 0.67, 0.01),
    "zz-vol-koh-d2c-num": (sq((0.92, 1), (0.76, 0), (0.28, 0), (0.12, 0)), 0.76, 0.01),
    "zz-vol-koh-d1d": (sq((0.08, 0), (0.24, 0), (0.2, 1), (0.96, 1)), 0.705, 0.001),
    "zz-vol-koh-d1d-num": (sq((0.08, 0), (0.24, 0), (0.2, 1), (0.96, 1)), 0.507, 0.001),
    "zz-vol-koh-d2d": (sq((0.968, 0), (0.304, 0), (0.112, 1), (0.048, 1)), 2.72, 0.01),
    "zz-vol-koh-d2d-num": (sq((0.968, 0), (0.304, 0), (0.112, 1), (0.048, 1)), 2.27, 0.01),
    "zz-vol-koh-alpha": (0.5 * 0.6, 0.3, 0.1),
    "zz-vol-koh-alpha-num": (0.5 * 0.6, 0.03, 0.01),
}
for _k, (_v, _p, _u) in KOH.items():
    check(_k)(lambda _v=_v, _p=_p, _u=_u: num(_v, _p, _u))


def koh_upd(lr, cw, cx):
    def p():
        w, x = rng.normal(size=2)
        return close(w + lr * (x - w), cw * w + cx * x)
    return for_all(p)

check("zz-vol-koh-upd06")(lambda: koh_upd(0.6, 0.4, 0.6))
check("zz-vol-koh-upd06-swap")(lambda: koh_upd(0.6, 0.6, 0.4))
check("zz-vol-koh-upd03")(lambda: koh_upd(0.3, 0.7, 0.3))
check("zz-vol-koh-upd03-sign")(lambda: koh_upd(0.3, 1.3, 0.3))


# ======================= Wim Casteels =======================
def wim_mat(which, variant):
    def p():
        X = rng.normal(size=(3, 4)); W = rng.normal(size=(4, 2)); Cc = rng.normal(size=(3, 2))
        L = lambda XX, WW: np.sum(Cc * np.tanh(XX @ WW))
        dZ = Cc * (1 - np.tanh(X @ W) ** 2)
        if which == "X":
            g = fd(lambda XX: L(XX, W), X)
            rhs = {"ok": lambda: dZ @ W.T, "order": lambda: W.T @ dZ, "notrans": lambda: dZ @ W}[variant]()
        else:
            g = fd(lambda WW: L(X, WW), W)
            rhs = {"ok": lambda: X.T @ dZ, "order": lambda: dZ @ X.T, "notrans": lambda: X @ dZ}[variant]()
        return close(g, rhs)
    return for_all(p)

for _w in ("X", "W"):
    check(f"zz-wim-d{_w}")(lambda _w=_w: wim_mat(_w, "ok"))
    check(f"zz-wim-d{_w}-order")(lambda _w=_w: wim_mat(_w, "order"))
    check(f"zz-wim-d{_w}-notrans")(lambda _w=_w: wim_mat(_w, "notrans"))

check("zz-wim-sig")(lambda: for_all(lambda: (lambda x: close(d1(sig, x), sig(x) * (1 - sig(x))))(rng.normal())))
check("zz-wim-sig-tanh")(lambda: for_all(lambda: (lambda x: close(d1(sig, x), 1 - sig(x) ** 2))(rng.normal())))
check("zz-wim-mul")(lambda: for_all(lambda: (lambda x, y: close(d1(lambda u: x * u, y), x))(*rng.normal(size=2))))
check("zz-wim-mul-swap")(lambda: for_all(lambda: (lambda x, y: close(d1(lambda u: x * u, y), y))(*rng.normal(size=2))))
check("zz-wim-add")(lambda: for_all(lambda: (lambda x, y: close(d1(lambda u: u + y, x), 1.0))(*rng.normal(size=2))))
check("zz-wim-add-y")(lambda: for_all(lambda: (lambda x, y: close(d1(lambda u: u + y, x), y))(*rng.normal(size=2))))


def relu_case(swap):
    def p():
        x = rng.normal()
        if abs(x) < 1e-3:
            x = 0.5
        g = d1(lambda u: max(0.0, u), x)
        case = (1.0 if x > 0 else 0.0) if not swap else (0.0 if x > 0 else 1.0)
        return close(g, case)
    return for_all(p, 10)

check("zz-wim-relu")(lambda: relu_case(False))
check("zz-wim-relu-swap")(lambda: relu_case(True))


def wim_mse(variant):
    def p():
        n = 2; y = rng.normal(size=n); yt = rng.normal(size=n)
        g = fd(lambda yy: np.mean((yy - yt) ** 2), y)
        return close(g, 2 * (y - yt) / n if variant == "ok" else (y - yt) / n)
    return for_all(p)

check("zz-wim-mse")(lambda: wim_mse("ok"))
check("zz-wim-mse-nofactor")(lambda: wim_mse("no"))


def wim_half(variant):
    def p():
        y = rng.normal(size=1); yt = rng.normal(size=1)
        g = fd(lambda yy: 0.5 * np.sum((yy - yt) ** 2), y)
        return close(g, (y - yt) if variant == "ok" else 2 * (y - yt))
    return for_all(p)

check("zz-wim-half")(lambda: wim_half("ok"))
check("zz-wim-half-two")(lambda: wim_half("two"))


def wim_small():
    """y = sigma(W x + b) with z1 = W@x, z2 = z1 + b, L = sum(c * y^2) (any loss)"""
    W = rng.normal(size=(2, 2)); b = rng.normal(size=2); x = rng.normal(size=2); c = rng.normal(size=2)
    Ly = lambda y: np.sum(c * y ** 2)
    z1 = W @ x; z2 = z1 + b; y = sig(z2)
    dLdy = 2 * c * y
    return dict(W=W, b=b, x=x, z1=z1, z2=z2, y=y, Ly=Ly, dLdy=dLdy,
                dLdz2=fd(lambda zz: Ly(sig(zz)), z2),
                dLdz1=fd(lambda zz: Ly(sig(zz + b)), z1),
                dLdb=fd(lambda bb: Ly(sig(z1 + bb)), b),
                dLdW=fd(lambda WW: Ly(sig(WW @ x + b)), W))


def wim_dz2(variant):
    def p():
        S = wim_small()
        chain = S["dLdy"] * dsig(S["z2"])   # dL/dy . dy/dz2 (elementwise)
        last = S["dLdy"] * (dsig(S["z2"]) if variant == "ok" else sig(S["z2"]))
        return close(S["dLdz2"], chain) and close(chain, last)
    return for_all(p)

check("zz-wim-dz2")(lambda: wim_dz2("ok"))
check("zz-wim-dz2-noprime")(lambda: wim_dz2("no"))


def wim_db(variant, wrt):
    def p():
        S = wim_small()
        lhs = S["dLdb"] if wrt == "b" else S["dLdz1"]
        chain = S["dLdz2"] * 1.0
        last = S["dLdz2"] * (1.0 if variant == "ok" else (S["b"] if wrt == "b" else S["z1"]))
        return close(lhs, chain) and close(chain, last)
    return for_all(p)

check("zz-wim-db")(lambda: wim_db("ok", "b"))
check("zz-wim-db-b")(lambda: wim_db("bad", "b"))
check("zz-wim-dz1")(lambda: wim_db("ok", "z1"))
check("zz-wim-dz1-z")(lambda: wim_db("bad", "z1"))


def wim_outer(variant):
    def p():
        S = wim_small()
        chain = S["dLdz1"][:, None] * S["x"][None, :]  # dL/dz1_i * dz1_i/dW_ij
        last = np.outer(S["dLdz1"], S["x"]) if variant == "ok" else np.outer(S["x"], S["dLdz1"])
        return close(S["dLdW"], chain) and close(chain, last)
    return for_all(p)

check("zz-wim-dWouter")(lambda: wim_outer("ok"))
check("zz-wim-dWouter-order")(lambda: wim_outer("bad"))


# ======================= Codefinity =======================
def cod_grad(variant):
    def p():
        th = rng.normal()
        g = d1(lambda u: u ** 2, th)
        rhs = {"ok": 2 * th, "no": th, "exp": 2 * th ** 2}[variant]
        return close(g, g) and close(g, rhs)
    return for_all(p)

check("zz-cod-grad")(lambda: cod_grad("ok"))
check("zz-cod-grad-nofactor")(lambda: cod_grad("no"))
check("zz-cod-grad-exp")(lambda: cod_grad("exp"))


def chain_num(vals, units):
    """numbers of a printed chain a = b = c: each link agrees within one unit of the coarser printed digit"""
    return all(num(vals[k], vals[k + 1], units[k]) for k in range(len(vals) - 1))

TH = {
    "zz-cod-th1": ([3 - 0.3 * (2 * 3), 3 - 1.8, 1.2], [1e-12, 0.1]),
    "zz-cod-th1-err": ([3 - 0.3 * (2 * 3), 3 - 0.9, 2.1], [1e-12, 0.1]),
    "zz-cod-th1-sign": ([3 - 0.3 * (2 * 3), 3 + 1.8, 4.8], [1e-12, 0.1]),
    "zz-cod-th2": ([1.2 - 0.3 * (2 * 1.2), 1.2 - 0.72, 0.48], [1e-12, 0.01]),
    "zz-cod-th2-err": ([1.2 - 0.3 * (2 * 1.2), 1.2 + 0.72, 1.92], [1e-12, 0.01]),
    "zz-cod-th3": ([0.48 - 0.3 * (2 * 0.48), 0.48 - 0.288, 0.192], [1e-12, 0.001]),
    "zz-cod-th3-err": ([0.48 - 0.3 * (2 * 0.48), 0.48 - 0.144, 0.336], [1e-12, 0.001]),
    "zz-cod-th3-sign": ([0.48 - 0.3 * (2 * 0.48), 0.48 + 0.288, 0.768], [1e-12, 0.001]),
    "zz-cod-th4": ([0.192 - 0.3 * (2 * 0.192), 0.192 - 0.115, 0.077], [0.001, 0.001]),
    "zz-cod-th4-err": ([0.192 - 0.3 * (2 * 0.192), 0.192 - 0.115, 0.770], [0.001, 0.001]),
}
for _k, (_v, _u) in TH.items():
    check(_k)(lambda _v=_v, _u=_u: chain_num(_v, _u))


def cod_upd(sign):
    def p():
        th, a = rng.normal(size=2)
        new = th - a * d1(lambda u: u ** 2, th)
        return close(new, th + sign * a * (2 * th))
    return for_all(p)

check("zz-cod-upd")(lambda: cod_upd(-1))
check("zz-cod-upd-sign")(lambda: cod_upd(1))


# ======================= Martin Krizan =======================
F_, G_ = np.sin, np.exp
dF_, dG_ = np.cos, np.exp


def mk(rule, variant):
    def p():
        x, c = rng.normal(size=2)
        if rule == "const":
            lhs = d1(lambda u: c * F_(u), x); rhs = c * dF_(x) if variant == "ok" else dF_(x)
        elif rule == "sum":
            lhs = d1(lambda u: F_(u) + G_(u), x); rhs = dF_(x) + dG_(x) if variant == "ok" else dF_(x) * dG_(x)
        elif rule == "diff":
            lhs = d1(lambda u: F_(u) - G_(u), x); rhs = dF_(x) - dG_(x) if variant == "ok" else dF_(x) + dG_(x)
        elif rule == "prod":
            lhs = d1(lambda u: F_(u) * G_(u), x); rhs = dF_(x) * G_(x) + F_(x) * dG_(x) if variant == "ok" else dF_(x) * dG_(x)
        elif rule == "ex1":  # (3x^2)' = 3 (x^2)' = 3 * 2x = 6x
            sides = [d1(lambda u: 3 * u ** 2, x), 3 * d1(lambda u: u ** 2, x)]
            sides += [3 * 2 * x, 6 * x] if variant == "ok" else [3 * x ** 2, 3 * x ** 2]
            return all(close(sides[k], sides[k + 1]) for k in range(3))
        elif rule == "ex2":  # (x^2 + 3x)' = (x^2)' + (3x)' = 2x + 3
            sides = [d1(lambda u: u ** 2 + 3 * u, x), d1(lambda u: u ** 2, x) + d1(lambda u: 3 * u, x)]
            sides += [2 * x + 3] if variant == "ok" else [2 * x + 3 * x]
            return all(close(sides[k], sides[k + 1]) for k in range(2))
        return close(lhs, rhs)
    return for_all(p)

for _r in ("const", "sum", "diff", "prod", "ex1", "ex2"):
    check(f"zz-mk-{_r}")(lambda _r=_r: mk(_r, "ok"))
    check(f"zz-mk-{_r}-err")(lambda _r=_r: mk(_r, "err"))
check("zz-mk-f2")(lambda: num(2 * 2 + 3, 7, 1) and num(d1(lambda u: u ** 2 + 3 * u, 2.0), 2 * 2 + 3, 1e-6))
check("zz-mk-f2-err")(lambda: num(2 * 2 ** 2 + 3, 7, 1))


# ======================= machinelearning.monster =======================
def mon_sum(full):
    def p():
        x, w = rng.normal(size=3), rng.normal(size=3)
        rhs = x[0] * w[0] + x[1] * w[1] + (x[2] * w[2] if full else 0)
        return close(np.sum(x * w), rhs)
    return for_all(p)

check("zz-mon-sum")(lambda: mon_sum(True))
check("zz-mon-sum-miss")(lambda: mon_sum(False))
check("zz-mon-dphi")(lambda: for_all(lambda: (lambda x: close(d1(sig, x), sig(x) * (1 - sig(x))))(rng.normal())))
check("zz-mon-dphi-sign")(lambda: for_all(lambda: (lambda x: close(d1(sig, x), sig(x) * (1 + sig(x))))(rng.normal())))


# ======================= berkiadam =======================
def ber(which, variant):
    def p():
        W = rng.normal(size=(4, 3)); x = rng.normal(size=3); b = rng.normal(size=4)
        Wx = W @ x; y = Wx + b
        w = lambda i, j: W[i - 1, j - 1]
        X = lambda i: x[i - 1]
        if which == "wx1":
            rhs = w(1, 1) * X(1) + w(1, 2) * X(2) + w(1, 3) * X(3) if variant == "ok" else w(1, 1) * X(1) + w(2, 1) * X(2) + w(3, 1) * X(3)
            return close(Wx[0], rhs)
        if which == "wx2":
            rhs = w(2, 1) * X(1) + w(2, 2) * X(2) + w(2, 3) * X(3) if variant == "ok" else w(2, 1) * X(2) + w(2, 2) * X(1) + w(2, 3) * X(3)
            return close(Wx[1], rhs)
        if which == "wx3":
            if variant == "ok":
                return close(Wx[2], w(3, 1) * X(1) + w(3, 2) * X(2) + w(3, 3) * X(3))
            if W.shape[1] < 4:  # w_{3,4} and x_4 do not exist for a 4x3 matrix and a 3-vector
                return False
        if which == "y4":
            rhs = w(4, 1) * X(1) + w(4, 2) * X(2) + w(4, 3) * X(3) + (b[3] if variant == "ok" else 0)
            return close(y[3], rhs)
    return for_all(p)

for _b in ("wx1", "wx2", "wx3", "y4"):
    check(f"zz-ber-{_b}")(lambda _b=_b: ber(_b, "ok"))
    check(f"zz-ber-{_b}-err")(lambda _b=_b: ber(_b, "err"))


# ======================= Dutch 'Wiskunde Portfolio' notes =======================
def por(which, variant):
    def p():
        x, y = rng.uniform(0.2, 2.0, size=2)
        if which == "chain":
            g = d1(lambda u: (u ** 2 + 1) ** 3, x)
            return close(g, 3 * (x ** 2 + 1) ** 2 * 2 * x if variant == "ok" else 3 * (x ** 2 + 1) ** 2)
        if which == "prod":
            g = d1(lambda u: u ** 2 * np.sin(u), x)
            return close(g, 2 * x * np.sin(x) + x ** 2 * np.cos(x) if variant == "ok" else 2 * x * np.cos(x))
        if which == "quot":
            g = d1(lambda u: u ** 2 / (u + 1), x)
            return close(g, (2 * x * (x + 1) - x ** 2) / (x + 1) ** 2 if variant == "ok" else (x ** 2 - 2 * x * (x + 1)) / (x + 1) ** 2)
        F = lambda a, b: a ** 2 * b + 3 * b ** 2
        if which == "px":
            g = d1(lambda u: F(u, y), x)
            return close(g, 2 * x * y if variant == "ok" else 2 * x * y + 6 * y)
        if which == "py":
            g = d1(lambda u: F(x, u), y)
            return close(g, x ** 2 + 6 * y if variant == "ok" else x ** 2 + 3 * y)
    return for_all(p)

for _r in ("chain", "prod", "quot", "px", "py"):
    check(f"zz-por-{_r}")(lambda _r=_r: por(_r, "ok"))
    check(f"zz-por-{_r}-err")(lambda _r=_r: por(_r, "err"))


# ======================= Czech ML course notes =======================
check("zz-czn-sig")(lambda: for_all(lambda: (lambda x: close(d1(sig, x), sig(x) * (1 - sig(x))))(rng.normal())))
check("zz-czn-sig-tanh")(lambda: for_all(lambda: (lambda x: close(d1(sig, x), 1 - sig(x) ** 2))(rng.normal())))


def czn_logit(variant):
    def p():
        x = rng.normal(size=3); w = rng.normal(size=3); b = rng.normal()
        P1 = sig(x @ w + b); P0 = 1 - P1
        yhat = np.log(P1 / (1 - P1))                      # definition (first link)
        if variant == "ok":
            return close(yhat, np.log(P1 / P0))
        if variant == "swap":
            return close(yhat, np.log(P0 / P1))
        # source: y = P(C_1|x) (definition) = 1/(1+e^{yhat})
        return close(P1, 1 / (1 + np.exp(yhat)))
    return for_all(p)

check("zz-czn-logit")(lambda: czn_logit("ok"))
check("zz-czn-logit-swap")(lambda: czn_logit("swap"))
check("zz-czn-sigmoid-src")(lambda: czn_logit("src"))


def czn_grad():
    def p():
        B, D = 4, 3
        X = rng.normal(size=(B, D)); t = rng.integers(0, 2, size=B).astype(float); w = rng.normal(size=D)
        nll = lambda ww: np.mean([-np.log(sig(X[i] @ ww) if t[i] == 1 else 1 - sig(X[i] @ ww)) for i in range(B)])
        g = fd(nll, w)
        return close(g, np.mean([(X[i] @ w - t[i]) * X[i] for i in range(B)], axis=0))
    return for_all(p)

check("zz-czn-grad-src")(czn_grad)


def softmax_v(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()

check("zz-czn-softmax-shift")(lambda: for_all(lambda: (lambda z, c: close(softmax_v(z + c), softmax_v(z)))(rng.normal(size=4), rng.normal())))
check("zz-czn-softmax-shift-err")(lambda: for_all(lambda: (lambda z, c: close(softmax_v(z + c), softmax_v(z) + c))(rng.normal(size=4), rng.normal())))


def czn_f1(variant):
    def p():
        TP, FP, FN = rng.uniform(1, 50, size=3)
        prec = TP / (TP + FP); rec = TP / (TP + FN)
        f1 = 2 / (1 / prec + 1 / rec)
        rhs = (TP + TP) / (TP + FP + TP + FN) if variant == "ok" else (TP + TP) / (TP + FP + FN)
        return close(f1, rhs)
    return for_all(p)

check("zz-czn-f1")(lambda: czn_f1("ok"))
check("zz-czn-f1-err")(lambda: czn_f1("err"))
check("zz-czn-am")(lambda: num((100 + 1) / 2, 50.5, 0.1))
check("zz-czn-am-err")(lambda: num((100 + 1) / 2, 101, 1))


# ======================= documents =======================
DOCS = {}


def doc(stem, text):
    def deco(fn):
        key = (stem, text)
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco


# ---------- vol-bp-wjk ----------
S = "vol-bp-wjk"
doc(S, r"E = 0.5 \sum_{k} \left[ t_k - y_k \right]^2.")(lambda: [None])
doc(S, r"\delta_K = [t_K - y_K] f'(y\_in_K).")(lambda: [None])


def wjk_sides():
    """all sides of the printed chain, at one random point, for every (J, K)"""
    N = vol_net(n=3, p=4, m=3, bias=False)
    z, w, t, y, yin = N["z"], N["w"], N["t"], N["y"], N["yin"]
    p_, m_ = w.shape
    S1 = N["dEdw"]                                    # dE/dw_JK
    S2 = N["dEdw"]                                    # d/dw_JK 0.5 sum (t_k - y_k)^2 (same function)
    S3 = np.zeros_like(w)                             # d/dw_JK 0.5 sum_k [t_k - f(y_in_K)]^2
    for J in range(p_):
        for K in range(m_):
            def g(wJK):
                ww = w.copy(); ww[J, K] = wJK
                yinK = (z @ ww)[K]
                return 0.5 * np.sum((t - f(yinK)) ** 2)
            S3[J, K] = d1(g, w[J, K])
    S4 = -np.outer(z, (t - y) * fp(yin))              # -[t_K - y_K] d/dw_JK f(y_in_K) = -(t-y) f' z_J
    S5 = -np.outer(z, (t - y) * fp(yin) * fp(yin))    # -[t_K - y_K] f'(y_in_K) d/dw_JK f(y_in_K)
    S6 = -np.outer(z, (t - y) * fp(yin))              # -[t_K - y_K] f'(y_in_K) z_J
    return [S1, S2, S3, S4, S5, S6]


WJK = [r"\frac{\partial E}{\partial w_{JK}} = \frac{\partial}{\partial w_{JK}} 0.5 \sum_{k} [t_{k} - y_{k}]^{2}",
       r"= \frac{\partial}{\partial w_{JK}} 0.5 \sum_{k} [t_{k} - f(y\_in_{K})]^{2}",
       r"= -[t_{K} - y_{K}] \frac{\partial}{\partial w_{JK}} f(y\_in_{K})",
       r"= -[t_{K} - y_{K}] f'(y\_in_{K}) \frac{\partial}{\partial w_{JK}} f(y\_in_{K})",
       r"= -[t_{K} - y_{K}] f'(y\_in_{K}) z_{J}."]
for _k, _t in enumerate(WJK):
    doc(S, _t)(lambda _k=_k: every(lambda: [close(*wjk_sides()[_k:_k + 2])]))

# ---------- vol-bp-vij ----------
S = "vol-bp-vij"


def vij_sides():
    N = vol_net(n=3, p=3, m=2, bias=False)
    x, z, zin, w, t, y, yin, dl = N["x"], N["z"], N["zin"], N["w"], N["t"], N["y"], N["yin"], N["delta"]
    n_, p_ = N["v"].shape
    # d y_k / d v_IJ = f'(y_in_k) w_Jk f'(z_in_J) x_I ; d y_in_k / d v_IJ = w_Jk f'(z_in_J) x_I ; d z_J / d v_IJ = f'(z_in_J) x_I
    dy = lambda I, J, k: fp(yin[k]) * w[J, k] * fp(zin[J]) * x[I]
    dyin = lambda I, J, k: w[J, k] * fp(zin[J]) * x[I]
    dz = lambda I, J: fp(zin[J]) * x[I]
    mk_ = lambda fn: np.array([[fn(I, J) for J in range(p_)] for I in range(n_)])
    S1 = N["dEdv"]
    S2 = mk_(lambda I, J: -sum((t[k] - y[k]) * dy(I, J, k) for k in range(len(t))))
    S3 = mk_(lambda I, J: -sum((t[k] - y[k]) * fp(yin[k]) * dyin(I, J, k) for k in range(len(t))))
    S4 = mk_(lambda I, J: -sum(dl[k] * dyin(I, J, k) for k in range(len(t))))
    S5 = mk_(lambda I, J: -sum(dl[k] * w[J, k] * dz(I, J) for k in range(len(t))))
    S6 = mk_(lambda I, J: -sum(dl[k] * w[J, k] * fp(zin[J]) * x[I] for k in range(len(t))))
    return [S1, S2, S3, S4, S5, S6], N


VIJ = [r"\frac{\partial E}{\partial v_{IJ}} = -\sum_{k} \left[ t_{k} - y_{k} \right] \frac{\partial}{\partial v_{IJ}} y_{k}",
       r"= -\sum_{k} \left[ t_{k} - y_{k} \right] f'(y\_in_{k}) \frac{\partial}{\partial v_{IJ}} y\_in_{k}",
       r"= -\sum_{k} \delta_{k} \frac{\partial}{\partial v_{IJ}} y\_in_{k}",
       r"= -\sum_{k} \delta_{k} w_{Jk} \frac{\partial}{\partial v_{IJ}} z_{J}",
       r"= -\sum_{k} \delta_{k} w_{Jk} f'(z\_in_{J}) [x_{I}]."]
for _k, _t in enumerate(VIJ):
    doc(S, _t)(lambda _k=_k: every(lambda: [close(*vij_sides()[0][_k:_k + 2])]))
doc(S, r"\delta_{J} = -\sum_{k} \delta_{k} w_{Jk} f'(z\_in_{J}).")(lambda: [None])
doc(S, r"\Delta w_{jk} = -\alpha \frac{\partial E}{\partial w_{jk}}")(lambda: [None])


def dw_sides():
    N = vol_net(bias=False); a = N["alpha"]
    return [-a * N["dEdw"], a * np.outer(N["z"], (N["t"] - N["y"]) * fp(N["yin"])), a * np.outer(N["z"], N["delta"])]

doc(S, r"= \alpha [t_k - y_k] f'(y\_in_k) z_j")(lambda: every(lambda: [close(*dw_sides()[0:2])]))
doc(S, r"= \alpha \delta_k z_j;")(lambda: every(lambda: [close(*dw_sides()[1:3])]))
doc(S, r"\Delta v_{ij} = -\alpha \frac{\partial E}{\partial v_{ij}}")(lambda: [None])


def dv_sides():
    _, N = vij_sides(); a = N["alpha"]
    back = N["w"] @ N["delta"]
    s1 = -a * N["dEdv"]
    s2 = a * np.outer(N["x"], fp(N["zin"]) * back)
    dJ = -back * fp(N["zin"])                          # delta_J as the document defines it (with the minus)
    s3 = a * np.array([[dJ[i] * N["x"][i] for j in range(3)] for i in range(3)])  # alpha delta_i x_i (index i as printed)
    return [s1, s2, s3]

doc(S, r"= \alpha f'(z\_in_j) x_i \sum_k \delta_k w_{jk},")(lambda: every(lambda: [close(*dv_sides()[0:2])]))
doc(S, r"= \alpha \delta_i x_i.")(lambda: every(lambda: [close(*dv_sides()[1:3])]))

# ---------- vol-kohonen (+ mutated) ----------
KD = {
    r"D(1) = (0.2 - 1)^2 + (0.6 - 1)^2 + (0.5 - 0)^2 + (0.9 - 0)^2 = 1.86;": ("zz-vol-koh-d1a",),
    r"D(2) = (0.8 - 1)^2 + (0.4 - 1)^2 + (0.7 - 0)^2 + (0.3 - 0)^2 = 0.98.": ("zz-vol-koh-d2a",),
    r"D(1) = (0.2 - 0)^{2} + (0.6 - 0)^{2} + (0.5 - 0)^{2} + (0.9 - 1)^{2} = 0.66;": ("zz-vol-koh-d1b",),
    r"D(2) = (0.92 - 0)^{2} + (0.76 - 0)^{2} + (0.28 - 0)^{2} + (0.12 - 1)^{2} = 2.27.": ("zz-vol-koh-d2b",),
    r"D(1) = (0.08 - 1)^{2} + (0.24 - 0)^{2} + (0.2 - 0)^{2} + (0.96 - 0)^{2} = 1.86;": ("zz-vol-koh-d1c",),
    r"D(2) = (0.92 - 1)^{2} + (0.76 - 0)^{2} + (0.28 - 0)^{2} + (0.12 - 0)^{2} = 0.67": ("zz-vol-koh-d2c",),
    r"D(1) = (0.08 - 0)^{2} + (0.24 - 0)^{2} + (0.2 - 1)^{2} + (0.96 - 1)^{2} = 0.705;": ("zz-vol-koh-d1d",),
    r"D(2) = (0.968 - 0)^{2} + (0.304 - 0)^{2} + (0.112 - 1)^{2} + (0.048 - 1)^{2} = 2.72": ("zz-vol-koh-d2d",),
}
for _stem in ("vol-kohonen", "vol-kohonen-mutated"):
    for _t, (_cid,) in KD.items():
        if _stem == "vol-kohonen-mutated" and _cid in ("zz-vol-koh-d2a", "zz-vol-koh-d1d"):
            continue
        doc(_stem, _t)(lambda _cid=_cid: [None, CHECK[_cid]()])
    doc(_stem, r"w_{i2}(new) = w_{i2}(old) + 0.6[x_i - w_{i2}(old)]")(lambda: [None])
    doc(_stem, r"\alpha = 0.5 (0.6) = 0.3.")(lambda: [None, CHECK["zz-vol-koh-alpha"]()])
    doc(_stem, r"w_{ij}(new) = w_{ij}(old) + 0.3[x_i - w_{ij}(old)]")(lambda: [None])
    doc(_stem, r"= 0,7 w_{ij}(old) + 0.3x_i.")(lambda: [CHECK["zz-vol-koh-upd03"]()])
doc("vol-kohonen", r"= 0.4w_{i2}(old) + 0.6x_i.")(lambda: [CHECK["zz-vol-koh-upd06"]()])
doc("vol-kohonen-mutated", r"= 0.6w_{i2}(old) + 0.4x_i.")(lambda: [CHECK["zz-vol-koh-upd06-swap"]()])
doc("vol-kohonen-mutated", r"D(2) = (0.8 - 1)^2 + (0.4 - 1)^2 + (0.7 - 0)^2 + (0.3 - 0)^2 = 0.89.")(
    lambda: [None, num(sq((0.8, 1), (0.4, 1), (0.7, 0), (0.3, 0)), 0.89, 0.01)])
doc("vol-kohonen-mutated", r"D(1) = (0.08 - 0)^{2} + (0.24 - 0)^{2} + (0.2 - 1)^{2} + (0.96 - 1)^{2} = 0.507;")(
    lambda: [None, num(sq((0.08, 0), (0.24, 0), (0.2, 1), (0.96, 1)), 0.507, 0.001)])

# ---------- codefinity-gd (+ mutated) ----------
def th_links(vals, units):
    return [None] + [num(vals[k], vals[k + 1], units[k]) for k in range(len(vals) - 1)]

for _stem in ("codefinity-gd", "codefinity-gd-mutated"):
    doc(_stem, r"J(\theta)=\theta^2")(lambda: [None])
    doc(_stem, r"\nabla J(\theta)=\frac{d}{d\theta}(\theta^2)=2\theta")(
        lambda: every(lambda: (lambda th: [close(d1(lambda u: u ** 2, th), d1(lambda u: u ** 2, th)), close(d1(lambda u: u ** 2, th), 2 * th)])(rng.normal())))
    doc(_stem, r"\theta_{new}=\theta_{old}-\alpha(2\theta_{old})")(lambda: [None])
    doc(_stem, r"\theta_1=3-0.3(2\times3)=3-1.8=1.2")(lambda: th_links(*TH["zz-cod-th1"]))
    doc(_stem, r"\theta_4=0.192-0.3(2\times0.192)=0.192-0.115=0.077")(lambda: th_links(*TH["zz-cod-th4"]))
doc("codefinity-gd", r"\theta_2=1.2-0.3(2\times1.2)=1.2-0.72=0.48")(lambda: th_links(*TH["zz-cod-th2"]))
doc("codefinity-gd", r"\theta_3=0.48-0.3(2\times0.48)=0.48-0.288=0.192")(lambda: th_links(*TH["zz-cod-th3"]))
doc("codefinity-gd-mutated", r"\theta_2=1.2-0.3(2\times1.2)=1.2-0.72=0.84")(
    lambda: th_links([1.2 - 0.3 * (2 * 1.2), 1.2 - 0.72, 0.84], [1e-12, 0.01]))
doc("codefinity-gd-mutated", r"\theta_3=0.48-0.3(2\times0.48)=0.48-0.144=0.336")(
    lambda: th_links([0.48 - 0.3 * (2 * 0.48), 0.48 - 0.144, 0.336], [1e-12, 0.001]))

# ---------- krizan-pravidla ----------
doc("krizan-pravidla", r"(c \cdot f(x))' = c \cdot f'(x)")(lambda: [CHECK["zz-mk-const"]()])
doc("krizan-pravidla", r"(f(x) + g(x))' = f'(x) + g'(x)")(lambda: [CHECK["zz-mk-sum"]()])
doc("krizan-pravidla", r"(f(x) - g(x))' = f'(x) - g'(x)")(lambda: [CHECK["zz-mk-diff"]()])
doc("krizan-pravidla", r"(f(x) \cdot g(x))' = f'(x) \cdot g(x) + f(x) \cdot g'(x)")(lambda: [CHECK["zz-mk-prod"]()])

# ---------- berkiadam-reteg ----------
def ber_row(i, with_b):
    def p():
        W = rng.normal(size=(4, 3)); x = rng.normal(size=3); b = rng.normal(size=4)
        lhs = (W @ x + b)[i] if with_b else (W @ x)[i]
        rhs = sum(W[i, j] * x[j] for j in range(3)) + (b[i] if with_b else 0)
        return close(lhs, rhs)
    return p

for _i in range(4):
    r = _i + 1
    doc("berkiadam-reteg", f"(Wx)_{r} = w_{{{r},1}}x_1 + w_{{{r},2}}x_2 + w_{{{r},3}}x_3")(lambda _i=_i: every(lambda: [ber_row(_i, False)()]))
    doc("berkiadam-reteg", f"y_{r} = (Wx)_{r} + b_{r}")(lambda: [None])
    doc("berkiadam-reteg", f"y_{r} = w_{{{r},1}}x_1 + w_{{{r},2}}x_2 + w_{{{r},3}}x_3 + b_{r}")(lambda _i=_i: every(lambda: [ber_row(_i, True)()]))


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
