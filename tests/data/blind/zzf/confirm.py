# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zzf).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences, identities and algebraic rewrites by direct evaluation).
No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261208)
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


def jac(f, x, h=1e-5):
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


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def safe(fn):
    try:
        return bool(fn())
    except (ValueError, IndexError):  # shape mismatch means the relation does not hold
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


CHECK = {}
DOCS = {}


def check(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def doc(stem, text):
    def deco(fn):
        key = (stem, text.strip())
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco




# ---------------------------------------------------------------- shared model pieces
def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


def lse(x):
    return float(np.log(np.sum(np.exp(x))))


def dirichlet(n):
    return rng.dirichlet(np.ones(n))


# ---------------------------------------------------------------- Croatian lab2: softmax cross-entropy
def sm_point(C=4):
    x = rng.normal(size=C)
    y = dirichlet(C)                      # sums to 1 (one-hot is a special case)
    i = int(rng.integers(C))
    return x, y, i


def sm_grad(x, y):
    """numerical gradient of L = lse(x) - y.x (the simplified loss the source differentiates)"""
    return fd(lambda v: lse(v) - float(y @ v), x)


def logsoftmax_chain(p, variant="ok"):
    x, y, i = p
    a = np.log(softmax(x)[i])
    b = np.log(np.exp(x[i]) / np.sum(np.exp(x)))
    c = {"ok": x[i] - lse(x), "sign": x[i] + lse(x)}[variant]
    return [close(a, b), close(b, c)]


@check("zzf-lab2-logsoftmax")
def _():
    return for_all(lambda: all(logsoftmax_chain(sm_point())))


@check("zzf-lab2-logsoftmax-sign")
def _():
    return for_all(lambda: all(logsoftmax_chain(sm_point(), "sign")))


def expand_chain(variant="ok"):
    x, _, _ = sm_point()
    y = rng.normal(size=x.size)           # the identity holds for any y
    a = -np.sum(y * (x - lse(x)))
    s = {"ok": -1.0, "sign": 1.0}[variant]
    b = s * np.sum(y * x) + lse(x) * np.sum(y)
    return close(a, b)


@check("zzf-lab2-expand")
def _():
    return for_all(expand_chain)


@check("zzf-lab2-expand-sign")
def _():
    return for_all(lambda: expand_chain("sign"))


def simplify(variant="ok"):
    x, y, _ = sm_point()
    L = -np.sum(y * (x - lse(x)))         # given, with sum y = 1
    rhs = lse(x) - np.sum(y * x) if variant == "ok" else lse(x) + np.sum(y * x)
    return close(L, rhs)


@check("zzf-lab2-simplify")
def _():
    return for_all(simplify)


@check("zzf-lab2-simplify-sign")
def _():
    return for_all(lambda: simplify("sign"))


def dldxk(variant):
    x, y, k = sm_point()
    g = sm_grad(x, y)
    s = softmax(x)
    rhs = {"ok": s[k] - y[k], "sign": y[k] - s[k], "jac": s[k] * (1 - s[k]) - y[k]}[variant]
    return close(g[k], rhs)


@check("zzf-lab2-dldxk")
def _():
    return for_all(lambda: dldxk("ok"))


@check("zzf-lab2-dldxk-sign")
def _():
    return for_all(lambda: dldxk("sign"))


@check("zzf-lab2-dldxk-jac")
def _():
    return for_all(lambda: dldxk("jac"))


def dlse(power):
    x, _, k = sm_point()
    return close(np.exp(x[k]) / np.sum(np.exp(x)) ** power, softmax(x)[k])


@check("zzf-lab2-dlse")
def _():
    return for_all(lambda: dlse(1))


@check("zzf-lab2-dlse-exp")
def _():
    return for_all(lambda: dlse(2))


def operator_chain(p):
    """literal reading: (dL/dx_k) * log-sum-exp = e^{x_k}/sum = s_k"""
    x, y, k = p
    g = sm_grad(x, y)
    a = g[k] * lse(x)
    b = np.exp(x[k]) / np.sum(np.exp(x))
    c = softmax(x)[k]
    return [close(a, b), close(b, c)]


@check("zzf-lab2-operator")
def _():
    return for_all(lambda: all(operator_chain(sm_point())))


def grad_vec(variant):
    x, y, _ = sm_point()
    g = sm_grad(x, y)
    return close(g, softmax(x) - y if variant == "ok" else y - softmax(x))


@check("zzf-lab2-grad")
def _():
    return for_all(lambda: grad_vec("ok"))


@check("zzf-lab2-grad-sign")
def _():
    return for_all(lambda: grad_vec("sign"))


# ---------------------------------------------------------------- Croatian lab3: RNN output loss
def dldo(variant):
    o = rng.normal(size=5)
    y = dirichlet(5)
    g = fd(lambda v: -float(np.sum(y * np.log(softmax(v)))), o)
    return close(g, softmax(o) - y if variant == "ok" else y - softmax(o))


@check("zzf-lab3-dldo")
def _():
    return for_all(lambda: dldo("ok"))


@check("zzf-lab3-dldo-sign")
def _():
    return for_all(lambda: dldo("sign"))


# ---------------------------------------------------------------- Thai: delta rule for a linear unit
def lin_point():
    X = rng.normal(size=(6, 3))           # rows x_d, components x_{i,d}
    t = rng.normal(size=6)
    w = rng.normal(size=3)
    i = int(rng.integers(3))
    eta = float(rng.uniform(0.01, 0.5))
    return X, t, w, i, eta


def lin_E(X, t, w):
    return 0.5 * float(np.sum((t - X @ w) ** 2))


def thgd_chain(variant):
    X, t, w, i, _ = lin_point()
    a = fd(lambda v: lin_E(X, t, v), w)[i]
    b = fd(lambda v: 0.5 * float(np.sum((t - X @ v) ** 2)), w)[i]
    o = X @ w
    inner = -X[:, i]                      # d/dw_i (t_d - w . x_d)
    c = np.sum((t - o) * inner) * (0.5 if variant == "half" else 1.0)
    return close(a, b) and close(b, c)


@check("zzf-thgd-chain")
def _():
    return for_all(lambda: thgd_chain("ok"))


@check("zzf-thgd-chain-half")
def _():
    return for_all(lambda: thgd_chain("half"))


def thgd_grad(variant):
    X, t, w, i, _ = lin_point()
    a = fd(lambda v: lin_E(X, t, v), w)[i]
    o = X @ w
    b = np.sum((t - o) * (-X[:, i]))
    c = {"ok": -1.0, "sign": 1.0, "two": -2.0}[variant] * np.sum((t - o) * X[:, i])
    return close(a, b) and close(b, c)


@check("zzf-thgd-grad")
def _():
    return for_all(lambda: thgd_grad("ok"))


@check("zzf-thgd-grad-sign")
def _():
    return for_all(lambda: thgd_grad("sign"))


@check("zzf-thgd-grad-two")
def _():
    return for_all(lambda: thgd_grad("two"))


def thgd_update(variant):
    X, t, w, i, eta = lin_point()
    dw = -eta * fd(lambda v: lin_E(X, t, v), w)[i]
    o = X @ w
    rhs = (eta if variant == "ok" else -eta) * np.sum((t - o) * X[:, i])
    return close(dw, rhs)


@check("zzf-thgd-update")
def _():
    return for_all(lambda: thgd_update("ok"))


@check("zzf-thgd-update-sign")
def _():
    return for_all(lambda: thgd_update("sign"))


# ---------------------------------------------------------------- Thai: sigmoid derivative
def sigd1(variant, yv=None):
    y = float(rng.normal() * 2) if yv is None else yv
    a = d1(sig, y)
    b = d1(lambda u: (1 + np.exp(-u)) ** -1, y)
    c = -(1 + np.exp(-y)) ** -2 * (-np.exp(-y))
    d = np.exp(-y) / (1 + np.exp(-y)) ** (2 if variant == "ok" else 3)
    return [close(a, b), close(b, c), close(c, d)]


@check("zzf-thbp-sigd1")
def _():
    return for_all(lambda: all(sigd1("ok")))


@check("zzf-thbp-sigd1-exp")
def _():
    return for_all(lambda: all(sigd1("exp")))


def sigd2(variant, yv=None):
    y = float(rng.normal() * 2) if yv is None else yv
    q = 1 / (1 + np.exp(-y))
    a = q * (np.exp(-y) / (1 + np.exp(-y)))
    b = q * ((1 + q) if variant == "sign" else (1 - q))
    c = sig(y) ** (2 if variant == "exp" else 1) * (1 - sig(y))
    return [close(a, b), close(b, c)]


@check("zzf-thbp-sigd2")
def _():
    return for_all(lambda: all(sigd2("ok")))


@check("zzf-thbp-sigd2-sign")
def _():
    return for_all(lambda: all(sigd2("sign")))


@check("zzf-thbp-sigd2-exp")
def _():
    return for_all(lambda: all(sigd2("exp")))


# ---------------------------------------------------------------- Thai: backprop in a 3-3-2 sigmoid net
def net_point():
    p = dict(x=rng.normal(size=3), Wih=rng.normal(size=(3, 3)), Whk=rng.normal(size=(3, 2)),
             t=rng.uniform(0, 1, size=2), h=int(rng.integers(3)), k=int(rng.integers(2)), i=int(rng.integers(3)))
    p["net_h"] = p["x"] @ p["Wih"]         # net_h = sum_i w_ih x_i
    p["o_h"] = sig(p["net_h"])
    p["net_k"] = p["o_h"] @ p["Whk"]       # net_k = sum_h w_hk o_h
    p["o_k"] = sig(p["net_k"])
    return p


def E_of_Whk(p, W):
    ok = sig(sig(p["x"] @ p["Wih"]) @ W)
    return 0.5 * float(np.sum((p["t"] - ok) ** 2))


def E_of_netk(p, nk):
    return 0.5 * float(np.sum((p["t"] - sig(nk)) ** 2))


def E_of_ok(p, ok):
    return 0.5 * float(np.sum((p["t"] - ok) ** 2))


def E_of_neth(p, nh):
    return 0.5 * float(np.sum((p["t"] - sig(sig(nh) @ p["Whk"])) ** 2))


def dEdnetk(p):
    return fd(lambda v: E_of_netk(p, v), p["net_k"])


def delta_h_fd(p):
    return -fd(lambda v: E_of_neth(p, v), p["net_h"])


def thbp_dEdw(variant):
    p = net_point(); h, k = p["h"], p["k"]
    a = fd(lambda W: E_of_Whk(p, W), p["Whk"])[h, k]
    b = dEdnetk(p)[k] * p["o_h"][h]
    dEdo = fd(lambda v: E_of_ok(p, v), p["o_k"])[k]
    dodn = d1(sig, p["net_k"][k])
    c = dEdo * dodn * (p["o_h"][h] if variant == "ok" else p["o_k"][k])
    return close(a, b) and close(b, c)


@check("zzf-thbp-dEdw")
def _():
    return for_all(lambda: thbp_dEdw("ok"))


@check("zzf-thbp-dEdw-index")
def _():
    return for_all(lambda: thbp_dEdw("index"))


def thbp_dEdo(variant):
    p = net_point(); k = p["k"]
    g = fd(lambda v: E_of_ok(p, v), p["o_k"])[k]
    r = p["t"][k] - p["o_k"][k]
    return close(g, -r if variant == "ok" else r)


@check("zzf-thbp-dEdo")
def _():
    return for_all(lambda: thbp_dEdo("ok"))


@check("zzf-thbp-dEdo-sign")
def _():
    return for_all(lambda: thbp_dEdo("sign"))


def thbp_dodnet(variant):
    p = net_point(); k = p["k"]
    g = d1(sig, p["net_k"][k])
    v = p["o_k"][k] if variant == "ok" else p["net_k"][k]
    return close(g, v * (1 - v))


@check("zzf-thbp-dodnet")
def _():
    return for_all(lambda: thbp_dodnet("ok"))


@check("zzf-thbp-dodnet-net")
def _():
    return for_all(lambda: thbp_dodnet("net"))


def thbp_deltak(variant):
    p = net_point(); k = p["k"]
    dk = -dEdnetk(p)[k]
    t, o = p["t"][k], p["o_k"][k]
    rhs = {"ok": (t - o) * o * (1 - o), "sign": (o - t) * o * (1 - o), "noderiv": t - o}[variant]
    return close(dk, rhs)


@check("zzf-thbp-deltak")
def _():
    return for_all(lambda: thbp_deltak("ok"))


@check("zzf-thbp-deltak-sign")
def _():
    return for_all(lambda: thbp_deltak("sign"))


@check("zzf-thbp-deltak-noderiv")
def _():
    return for_all(lambda: thbp_deltak("noderiv"))


def thbp_deltah_chain(variant):
    p = net_point(); h = p["h"]
    dh = delta_h_fd(p)[h]                 # definition: -dE/dnet_h
    dnk = dEdnetk(p)
    s = sum(dnk[k] * p["Whk"][h, k] * d1(sig, p["net_h"][h]) for k in range(2))
    return close(dh, -s if variant == "ok" else s)


@check("zzf-thbp-deltah-chain")
def _():
    return for_all(lambda: thbp_deltah_chain("ok"))


@check("zzf-thbp-deltah-chain-sign")
def _():
    return for_all(lambda: thbp_deltah_chain("sign"))


def thbp_deltah(variant):
    p = net_point(); h, i = p["h"], p["i"]
    dh = delta_h_fd(p)[h]
    dk = -dEdnetk(p)
    oh = p["o_h"][h]
    if variant == "ok":
        rhs = oh * (1 - oh) * np.sum(p["Whk"][h, :] * dk)
    elif variant == "noderiv":
        rhs = np.sum(p["Whk"][h, :] * dk)
    else:  # index: w_ih in place of w_hk
        rhs = oh * (1 - oh) * np.sum(p["Wih"][i, h] * dk)
    return close(dh, rhs)


@check("zzf-thbp-deltah")
def _():
    return for_all(lambda: thbp_deltah("ok"))


@check("zzf-thbp-deltah-noderiv")
def _():
    return for_all(lambda: thbp_deltah("noderiv"))


@check("zzf-thbp-deltah-index")
def _():
    return for_all(lambda: thbp_deltah("index"))


def thbp_dnetdo(variant):
    p = net_point(); h, k, i = p["h"], p["k"], p["i"]
    g = fd(lambda v: float((v @ p["Whk"])[k]), p["o_h"])[h]
    return close(g, p["Whk"][h, k] if variant == "ok" else p["Wih"][i, h])


@check("zzf-thbp-dnetdo")
def _():
    return for_all(lambda: thbp_dnetdo("ok"))


@check("zzf-thbp-dnetdo-index")
def _():
    return for_all(lambda: thbp_dnetdo("index"))


@check("zzf-thbp-dohdneth")
def _():
    def t():
        p = net_point(); h = p["h"]
        return close(d1(sig, p["net_h"][h]), p["o_h"][h] * (1 - p["o_h"][h]))
    return for_all(t)


# ---------------------------------------------------------------- Thai MOC: sigmoid derivative
def sigprime(variant):
    y = float(rng.normal() * 2)
    s = sig(y)
    rhs = {"ok": s * (1 - s), "sign": s * (1 + s), "tanh": 1 - s ** 2}[variant]
    return close(d1(sig, y), rhs)


@check("zzf-thmoc-sigprime")
def _():
    return for_all(lambda: sigprime("ok"))


@check("zzf-thmoc-sigprime-sign")
def _():
    return for_all(lambda: sigprime("sign"))


@check("zzf-thmoc-sigprime-tanh")
def _():
    return for_all(lambda: sigprime("tanh"))


# ---------------------------------------------------------------- Serbian: binary cross-entropy + sigmoid output layer
def dlda(variant):
    A = float(rng.uniform(0.05, 0.95)); y = float(rng.uniform(0, 1))
    lhs = -y / A + (1 - y) / (1 - A)
    # the left side is the derivative of the per-example loss: confirm that too
    g = d1(lambda a: -(y * np.log(a) + (1 - y) * np.log(1 - a)), A)
    rhs = {"ok": (A - y) / (A * (1 - A)), "sign": (y - A) / (A * (1 - A)), "denom": (A - y) / (1 - A)}[variant]
    return close(g, lhs) and close(lhs, rhs)


@check("zzf-srnn-dlda")
def _():
    return for_all(lambda: dlda("ok"))


@check("zzf-srnn-dlda-sign")
def _():
    return for_all(lambda: dlda("sign"))


@check("zzf-srnn-dlda-denom")
def _():
    return for_all(lambda: dlda("denom"))


def dadz(variant):
    z = rng.normal(size=(1, 5))
    A = sig(z)
    g = np.array([d1(sig, v) for v in z.ravel()]).reshape(z.shape)   # elementwise derivative
    return close(g, A * (1 - A) if variant == "ok" else 1 - A ** 2)


@check("zzf-srnn-dadz")
def _():
    return for_all(lambda: dadz("ok"))


@check("zzf-srnn-dadz-tanh")
def _():
    return for_all(lambda: dadz("tanh"))


def cancel(variant):
    A = float(rng.uniform(0.05, 0.95)); y = float(rng.uniform(0, 1)); A2 = rng.normal(size=4)
    lhs = ((A - y) / (A * (1 - A))) * (A * (1 - A)) * A2
    rhs = (A - y) ** (1 if variant == "ok" else 2) * A2
    return close(lhs, rhs)


@check("zzf-srnn-cancel")
def _():
    return for_all(lambda: cancel("ok"))


@check("zzf-srnn-cancel-sq")
def _():
    return for_all(lambda: cancel("sq"))


def out_point():
    return dict(W=rng.normal(size=(1, 4)), A2=rng.normal(size=(4, 5)), B=rng.normal(size=(1, 1)),
                Y=rng.integers(0, 2, size=(1, 5)).astype(float), m=5)


def J_out(p, W=None, B=None):
    W = p["W"] if W is None else W
    B = p["B"] if B is None else B
    a = sig(W @ p["A2"] + B)
    y = p["Y"]
    return -float(np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))) / p["m"]


def dJdW3(variant):
    p = out_point()
    g = fd(lambda W: J_out(p, W=W), p["W"])
    A3 = sig(p["W"] @ p["A2"] + p["B"])
    if variant == "ok":
        rhs = (A3 - p["Y"]) @ p["A2"].T / p["m"]
    else:
        rhs = (A3 - p["Y"]) @ p["A2"] / p["m"]    # raises: shapes do not conform
    return close(g, rhs)


@check("zzf-srnn-dJdW3")
def _():
    return for_all(lambda: dJdW3("ok"))


@check("zzf-srnn-dJdW3-transpose")
def _():
    return for_all(lambda: dJdW3("transpose"))


@check("zzf-srnn-dJdb3")
def _():
    def t():
        p = out_point()
        g = fd(lambda B: J_out(p, B=B), p["B"])
        dZ = sig(p["W"] @ p["A2"] + p["B"]) - p["Y"]
        return close(g, np.sum(dZ, axis=1, keepdims=True) / p["m"])
    return for_all(t)


def l2(variant):
    W = rng.normal(size=(3, 4)); i, j = int(rng.integers(3)), int(rng.integers(4))
    g = fd(lambda V: float(np.sum(V ** 2)), W)[i, j]
    return close(g, (2 if variant == "ok" else 1) * W[i, j])


@check("zzf-srnn-l2")
def _():
    return for_all(lambda: l2("ok"))


@check("zzf-srnn-l2-factor")
def _():
    return for_all(lambda: l2("factor"))


def l2grad(variant):
    X = rng.normal(size=(4, 5)); W = rng.normal(size=(1, 4)); b = rng.normal(size=(1, 1))
    Y = rng.integers(0, 2, size=(1, 5)).astype(float); m = 5; lam = float(rng.uniform(0.1, 2))

    def J(V):
        a = sig(V @ X + b)
        Lsum = -float(np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a)))
        return Lsum / m + lam / (2 * m) * float(np.sum(V ** 2))
    g = fd(J, W)
    dZ = sig(W @ X + b) - Y
    rhs = dZ @ X.T / m + (lam / m if variant == "ok" else lam / (2 * m)) * W
    return close(g, rhs)


@check("zzf-srnn-l2grad")
def _():
    return for_all(lambda: l2grad("ok"))


@check("zzf-srnn-l2grad-half")
def _():
    return for_all(lambda: l2grad("half"))

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


# ---------------------------------------------------------------- documents
DOCDIR = HERE / "docs"


def doc_block(stem, idx):
    """register fn for the idx-th $$ block of docs/<stem>.md (the block text only locates it; it is not parsed)"""
    md = (DOCDIR / (stem + ".md")).read_text().split("\n")
    return doc(stem, blocks(md)[idx][1])


# hr-softmax-ce ---------------------------------------------------
def softmax_rows(variant="ok"):
    x, y, i = sm_point()
    r = logsoftmax_chain((x, y, i), variant)                      # log s_i = log(e^{x_i}/sum) = x_i - lse
    L_def = -np.sum(y * (x - lse(x)))                             # row 2 defines L
    r += [None, close(L_def, -np.sum(y * x) + lse(x) * np.sum(y)), None]   # ; sum y_i = 1 is the assumption
    r += [close(L_def, lse(x) - np.sum(y * x))]                   # row 3 under sum y = 1
    return r


@doc_block("hr-softmax-ce", 0)
def _():
    return every(lambda: softmax_rows("ok"))


@doc_block("hr-softmax-ce-mutated", 0)
def _():
    return every(lambda: softmax_rows("sign"))


def operator_rows(variant="ok"):
    x, y, k = sm_point()
    g = sm_grad(x, y)
    s = softmax(x)
    r = [close(g[k], g[k] * lse(x) - g[k] * np.sum(y * x))]      # literal: dL/dx_k times the terms
    r += operator_chain((x, y, k))
    r += [close(g[k], s[k] - y[k] if variant == "ok" else y[k] - s[k])]
    return r


@doc_block("hr-softmax-ce", 1)
def _():
    return every(lambda: operator_rows("ok"))


@doc_block("hr-softmax-ce-mutated", 1)
def _():
    return every(lambda: operator_rows("sign"))


@doc_block("hr-softmax-ce", 2)
def _():
    return every(lambda: [grad_vec("ok")])


# hr-rnn-ce ---------------------------------------------------------
for _k in range(4):
    doc_block("hr-rnn-ce", _k)(lambda: [None])


@doc_block("hr-rnn-ce", 4)
def _():
    return every(lambda: [dldo("ok")])


# th-delta-rule -----------------------------------------------------
@doc_block("th-delta-rule", 0)
def _():
    def pts():
        w = rng.normal(size=4); x = rng.normal(size=4)
        return [None, close(sum(w[i] * x[i] for i in range(4)), w @ x)]
    return every(pts)


doc_block("th-delta-rule", 1)(lambda: [None])


@doc_block("th-delta-rule", 2)
def _():
    def pts():
        X, t, w, i, _ = lin_point()
        a = fd(lambda v: lin_E(X, t, v), w)[i]
        b = fd(lambda v: 0.5 * float(np.sum((t - X @ v) ** 2)), w)[i]
        c = np.sum((t - X @ w) * (-X[:, i]))
        return [close(a, b), close(b, c)]
    return every(pts)


def grad_rows(variant):
    X, t, w, i, _ = lin_point()
    a = fd(lambda v: lin_E(X, t, v), w)[i]
    o = X @ w
    b = np.sum((t - o) * (-X[:, i]))
    c = (-1.0 if variant == "ok" else 1.0) * np.sum((t - o) * X[:, i])
    return [close(a, b), close(b, c)]


@doc_block("th-delta-rule", 3)
def _():
    return every(lambda: grad_rows("ok"))


@doc_block("th-delta-rule-mutated", 3)
def _():
    return every(lambda: grad_rows("sign"))


doc_block("th-delta-rule", 4)(lambda: [None])


@doc_block("th-delta-rule", 5)
def _():
    return every(lambda: [None, thgd_update("ok")])


# th-sigmoid ---------------------------------------------------------
doc_block("th-sigmoid", 0)(lambda: [None])


@doc_block("th-sigmoid", 1)
def _():
    return every(lambda: sigd1("ok"))


@doc_block("th-sigmoid", 2)
def _():
    def pts():
        y = float(rng.normal() * 2)
        prev = np.exp(-y) / (1 + np.exp(-y)) ** 2                # right end of the row above (leading =)
        q = 1 / (1 + np.exp(-y))
        a = q * (np.exp(-y) / (1 + np.exp(-y)))
        return [close(prev, a)] + sigd2("ok", y)
    return every(pts)


# th-backprop ---------------------------------------------------------
doc_block("th-backprop", 0)(lambda: [None])


@doc_block("th-backprop", 1)
def _():
    def pts():
        p = net_point(); h, k = p["h"], p["k"]
        a = fd(lambda W: E_of_Whk(p, W), p["Whk"])[h, k]
        b = dEdnetk(p)[k] * p["o_h"][h]
        c = fd(lambda v: E_of_ok(p, v), p["o_k"])[k] * d1(sig, p["net_k"][k]) * p["o_h"][h]
        return [close(a, b), close(b, c)]
    return every(pts)


@doc_block("th-backprop", 2)
def _():
    return every(lambda: [thbp_deltak("ok")])


@doc_block("th-backprop-mutated", 2)
def _():
    return every(lambda: [thbp_deltak("sign")])


doc_block("th-backprop", 3)(lambda: [None])


@doc_block("th-backprop", 4)
def _():
    return every(lambda: [None, thbp_deltah_chain("ok")])


@doc_block("th-backprop", 5)
def _():
    return every(lambda: [thbp_deltah("ok")])


@doc_block("th-backprop-mutated", 5)
def _():
    return every(lambda: [thbp_deltah("noderiv")])


doc_block("th-backprop", 6)(lambda: [None])


# sr-sloj3 ------------------------------------------------------------
for _k in range(3):
    doc_block("sr-sloj3", _k)(lambda: [None])


@doc_block("sr-sloj3", 3)
def _():
    return every(lambda: [dadz("ok")])


@doc_block("sr-sloj3", 4)
def _():
    return every(lambda: [dJdW3("ok")])


def doc_fn(stem, text):
    if (stem, text) in DOCS:
        return (stem, text)
    base = stem[: -len("-mutated")] if stem.endswith("-mutated") else stem
    assert (base, text) in DOCS, (stem, text[:60])
    return (base, text)


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
        found = dict(blocks(md))
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert md[m["line"] - 1] == m["now"], (stem, m)
        assert sorted(lk["line"] for lk in ex["links"]) == sorted(found), (stem, "every $$ block must be listed")
        for lk in ex["links"]:
            assert md[lk["line"] - 1].startswith("$$"), (stem, lk["line"])
            assert found[lk["line"]] == lk["text"].strip(), (stem, lk["line"])
            key = doc_fn(stem, lk["text"].strip())
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
