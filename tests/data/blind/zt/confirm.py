# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zt).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with the printed value
to one unit of its last printed digit (exact arithmetic on printed one-decimal numbers is compared
exactly).  No LaTeX is parsed.  Each check returns one entry per '=' link of the relation:
None for a definition, True/False for a link that holds / fails.  A claim holds iff all its
non-definition links hold.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import re
import sys

import numpy as np
import yaml

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20261207)
NPTS = 5


def close(a, b, rtol=1e-6, atol=1e-8):
    a = np.asarray(a, float)
    b = np.asarray(b, float)
    if a.shape != b.shape:
        return False
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


def P(s):
    """a printed number (decimal comma or point) -> (value, unit of last digit)"""
    s = s.strip().replace(",", ".")
    dec = len(s.split(".")[1]) if "." in s else 0
    return float(s), 10.0 ** (-dec)


def num(value, printed):
    """value agrees with the printed number to one unit of its last printed digit"""
    p, unit = P(printed)
    return bool(abs(float(value) - p) <= unit * (1 + 1e-9))


def nums(values, printed_list):
    values = np.asarray(values, float).ravel()
    return len(values) == len(printed_list) and all(num(v, p) for v, p in zip(values, printed_list))


def exact(value, printed_list):
    values = np.asarray(value, float).ravel()
    ref = np.array([P(p)[0] for p in printed_list])
    return values.shape == ref.shape and bool(np.allclose(values, ref, rtol=0, atol=1e-12))


def fd(f, x, h=1e-6):
    x = np.array(x, float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        g[idx] = (f(xp) - f(xm)) / (2 * h)
    return g


def d1(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def every(fn, n=NPTS):
    """run fn (returning a list of link results) at n random points; AND the results link-wise"""
    out = None
    for _ in range(n):
        try:
            r = fn()
        except (ValueError, IndexError):
            return [False]
        out = r if out is None else [None if a is None else (a and b) for a, b in zip(out, r)]
    return out


sig = lambda z: 1.0 / (1.0 + np.exp(-z))
dsig = lambda z: sig(z) * (1 - sig(z))

CHECK = {}
DOCS = {}


def claim(cid, fn):
    assert cid not in CHECK, cid
    CHECK[cid] = fn


def link(text, fn):
    assert text not in DOCS, text
    DOCS[text] = fn


def pair(cid, fn, bad):
    """claim cid = fn('ok'), its twin cid-bad = fn(bad)"""
    claim(cid, lambda: fn("ok"))
    claim(cid + "-" + bad, lambda: fn(bad))


# ============ A: kretzschauer, 'Lernen im mehrschichtigen Netz' (German) ============
W_IH = np.array([[0.1, 0.2, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]])
W_HO = np.array([[0.2, 0.1], [0.1, 0.1], [0.1, 0.1]])
IN = np.array([1.0, 0.0, 1.0])


def kz_hi1(v):
    x0, x1, x2 = IN
    val = x0 * W_IH[0, 1] + x1 * W_IH[1, 1] + x2 * W_IH[2, 1]  # w_ij: i = woher (row), j = wohin (column)
    return [None, exact(val, ["0,3" if v == "ok" else "0,4"])]


pair("zt-kz-hi1", kz_hi1, "arithmetic")


def kz_matmul(v):
    return [exact(IN @ W_IH, ["0,2", "0,3", "0,2"] if v == "ok" else ["0,2", "0,2", "0,2"])]


pair("zt-kz-hi-matmul", kz_matmul, "transpose")
link(r"\begin{pmatrix}  1  & 0 & 1  \end{pmatrix} \cdot \begin{pmatrix} 0,1 & 0,2 & 0,1 \\ 0,1 & 0,1 & 0,1 \\ 0,1 & 0,1 & 0,1\end{pmatrix} =  \begin{pmatrix}0,2 & 0,3 & 0,2 \end{pmatrix}", lambda: kz_matmul("ok"))
link(r"IN\cdot W^{IH} = HI", lambda: [None])


def kz_ho(v):
    HI = np.array([0.2, 0.3, 0.2])
    printed = ["0,5498", "0,5744", "0,5498"] if v == "ok" else ["0,5498", "0,5987", "0,5498"]
    return [None, close(sig(HI), sig(np.array([0.2, 0.3, 0.2]))), nums(sig(HI), printed)]


pair("zt-kz-ho", kz_ho, "value")
link(r"HO = \sigma(HI) = \sigma\begin{pmatrix}  0,2  & 0,3  & 0,2  \end{pmatrix} =  \begin{pmatrix}  0,5498 & 0,5744 &  0,5498 \end{pmatrix}", lambda: kz_ho("ok"))
link(r"HO \cdot W^{HO}= FI", lambda: [None])


def kz_fi(v):
    HO = np.array([0.5498, 0.5744, 0.5498])
    return [nums(HO @ W_HO, ["0,2224", "0,1674"] if v == "ok" else ["0,2248", "0,1674"])]


pair("zt-kz-fi", kz_fi, "index")
link(r"\begin{pmatrix}  0,5498 & 0,5744 &  0,5498 \end{pmatrix} \cdot \begin{pmatrix}  0,2 & 0,1  \\ 0,1 & 0,1  \\ 0,1 & 0,1  \end{pmatrix} =  \begin{pmatrix}0,2224 & 0,1674 \end{pmatrix}", lambda: kz_fi("ok"))
link(r"\begin{pmatrix}  0,5498 & 0,5744 &  0,5498 \end{pmatrix} \cdot \begin{pmatrix}  0,2 & 0,1  \\ 0,1 & 0,1  \\ 0,1 & 0,1  \end{pmatrix} =  \begin{pmatrix}0,2248 & 0,1674 \end{pmatrix}", lambda: kz_fi("index"))
link(r"E = \frac {1}{2} (t- FO)^2", lambda: [None])


def kz_fo_link():
    HO = rng.uniform(0, 1, 3); W = rng.normal(size=(3, 2))
    FI = HO @ W  # FI defined as HO . W^{HO}
    return [None, close(sig(FI), sig(HO @ W))]


link(r"FO = \sigma(FI)= \sigma(HO \cdot W^{HO})", lambda: every(kz_fo_link))
link(r"\Delta W^{HO}= -\eta \frac {\delta E}{\delta w^{HO}}", lambda: [None])


def kz_point():
    """one output neuron: FI = sum_j w_j HO_j (the source's FI = w10 HO0 + w11 HO1 + w12 HO2)"""
    HO = rng.uniform(0.1, 0.9, 3); w = rng.normal(size=3); t = rng.uniform(0, 1)
    FI = lambda wv: wv @ HO
    FO = lambda wv: sig(FI(wv))
    E = lambda wv: 0.5 * (t - FO(wv)) ** 2
    return HO, w, t, FI, FO, E


def kz_chain(step, v):
    def p():
        HO, w, t, FI, FO, E = kz_point()
        lhs = fd(E, w)
        fo, fi = FO(w), FI(w)
        dFO = fd(FO, w)
        dFI = fd(FI, w)  # = HO
        if step == 1:
            rhs = (-(t - fo) if v == "ok" else (t - fo)) * dFO
        elif step == 2:
            rhs = -(t - fo) * sig(fi) * ((1 - sig(fi)) if v == "ok" else 1.0) * dFI
        else:
            rhs = (-(t - fo) if v == "ok" else -(t - fo) ** 2) * fo * (1 - fo) * dFI
        return [close(lhs, rhs, rtol=1e-5, atol=1e-9)]
    return every(p)


pair("zt-kz-dE-chain1", lambda v: kz_chain(1, v), "sign")
pair("zt-kz-dE-chain2", lambda v: kz_chain(2, v), "sigma-prime")
pair("zt-kz-dE-chain3", lambda v: kz_chain(3, v), "exponent")
link(r"\frac {\delta E}{\delta w^{HO}_{ij}}=-(t-FO) \cdot  \frac {\delta FO}{\delta w^{HO}_{ij}}", lambda: kz_chain(1, "ok"))
link(r"\frac {\delta E}{\delta w^{HO}_{ij}}=-(t-FO) \cdot \sigma(FI)\cdot (1- \sigma(FI))\cdot \frac {\delta (FI)}{\delta w^{HO}_{ij}}", lambda: kz_chain(2, "ok"))
link(r"\frac {\delta E}{\delta w^{HO}_{ij}}=-(t-FO) \cdot FO\cdot (1- FO)\cdot \frac {\delta (FI)}{\delta w^{HO}_{ij}}", lambda: kz_chain(3, "ok"))
link(r"FI = w^{HO}_{10}\cdot HO_0 + w^{HO}_{11}\cdot HO_1 +w^{HO}_{12}\cdot HO_2", lambda: [None])


def kz_w10(v):
    def p():
        HO, w, t, FI, FO, E = kz_point()
        fo = FO(w)
        return [close(fd(E, w)[0], -(t - fo) * fo * (1 - fo) * (HO[0] if v == "ok" else HO[1]), rtol=1e-5, atol=1e-9)]
    return every(p)


pair("zt-kz-dE-w10", kz_w10, "index")
link(r"\frac {\delta E}{\delta w^{HO}_{10}}=-(t-FO) \cdot FO\cdot (1- FO)\cdot HO_0", lambda: kz_w10("ok"))
link(r"\frac {\delta E}{\delta w^{HO}_{10}}=-(t-FO) \cdot FO\cdot (1- FO)\cdot HO_1", lambda: kz_w10("index"))


def kz_sigprime(v):
    def p():
        z = rng.normal()
        rhs = sig(z) * (1 - sig(z)) if v == "ok" else sig(z) ** 2 * (1 - sig(z))
        return [close(d1(sig, z), rhs)]
    return every(p)


pair("zt-kz-sigprime", kz_sigprime, "exponent")
link(r"der = FO\cdot (1- FO)", lambda: [None])
link(r"delta = (t-FO)\cdot der", lambda: [None])


def kz_excel(v):
    def p():
        HO, w, t, FI, FO, E = kz_point()
        eta = rng.uniform(0.1, 2)
        fo = FO(w)
        der = fo * (1 - fo)
        delta = (t - fo) * der
        dW10 = -eta * fd(E, w)[0]  # Delta W^{HO} = -eta dE/dw
        return [close(dW10, (eta if v == "ok" else -eta) * delta * HO[0], rtol=1e-5, atol=1e-9)]
    return every(p)


pair("zt-kz-dw10-excel", kz_excel, "sign")
link(r"\Delta w^{HO}_{10}= \eta \cdot delta \cdot HO_0", lambda: kz_excel("ok"))


def kz_dwih(v):
    def p():
        eta = rng.uniform(0.1, 2)
        d = np.array([-0.0667, -0.0131, -0.0131]); inp = np.array([1.0, 0, 0])
        dw = eta * np.outer(d, inp)  # given: Delta w^{IH}_{ji} = eta delta_j IN_i^T
        col = inp.reshape(3, 1)
        l1 = close(dw, eta * d.reshape(3, 1) @ col.T)
        l2 = close(eta * d.reshape(3, 1) @ col.T, eta * d.reshape(3, 1) @ inp.reshape(1, 3))
        M = np.array([[-0.0667, 0, 0], [-0.0131, 0, 0], [-0.0131, 0, 0]])
        if v != "ok":
            M = M.T
        l3 = close(eta * d.reshape(3, 1) @ inp.reshape(1, 3), eta * M)
        return [l1, l2, l3]
    return every(p)


pair("zt-kz-dwih", kz_dwih, "transpose")

# ============ B: Nguyen Truong Long (Vietnamese) ============
X = np.array([0.2, 0.4]); W1 = np.array([[0.10, -0.20], [0.30, 0.25]]); B1 = np.array([0.01, -0.02])
W2 = np.array([[0.80, 0.90]]); B2 = 0.10; Y = 1.0


def ntl_fwd(W1=W1, b1=B1, W2=W2, b2=B2):
    z1 = W1 @ X + b1; a1 = sig(z1); z2 = (W2 @ a1)[0] + b2; yh = sig(z2)
    return z1, a1, z2, yh


def ntl_L(W1=W1, b1=B1, W2=W2, b2=B2):
    return 0.5 * (Y - ntl_fwd(W1, b1, W2, b2)[3]) ** 2


z1, a1, z2, yh = ntl_fwd()
G_W2 = fd(lambda w: ntl_L(W2=w), W2)
G_b2 = d1(lambda b: ntl_L(b2=b), B2)
G_W1 = fd(lambda w: ntl_L(W1=w), W1)
G_b1 = fd(lambda b: ntl_L(b1=b), B1)
D2 = G_b2            # delta^{[2]} = dL/db^{[2]} (as the source uses it)
D1 = G_b1            # delta^{[1]} = dL/db^{[1]}
ap = lambda a, b, tol=2e-6: bool(abs(a - b) <= tol)


def ntl_z11(v):
    e = 0.10 * 0.2 + (-0.20) * 0.4 + 0.01
    return [ap(z1[0], e, 1e-12), num(e, "-0.05" if v == "ok" else "-0.07")]


def ntl_z12(v):
    e = 0.30 * 0.2 + 0.25 * 0.4 - 0.02
    return [ap(z1[1], e, 1e-12), num(e, "0.14" if v == "ok" else "0.18")]


def ntl_a11(v):
    return [ap(a1[0], sig(-0.05), 1e-12), num(sig(-0.05), "0.487503" if v == "ok" else "0.512497")]


def ntl_a12(v):
    return [ap(a1[1], sig(0.14), 1e-12), num(sig(0.14), "0.534943" if v == "ok" else "0.465057")]


def ntl_z2(v):
    e = 0.80 * 0.487503 + 0.90 * 0.534943 + 0.10
    return [ap(z2, e), num(e, "0.971451" if v == "ok" else "0.967207")]


def ntl_yhat(v):
    return [ap(yh, yh, 0), ap(yh, sig(0.971451)), num(sig(0.971451), "0.725409" if v == "ok" else "0.274591")]


def ntl_loss(v):
    e = 0.5 * (1.0 - 0.725409) ** 2
    return [ap(0.5 * (Y - yh) ** 2, e), num(e, "0.037700" if v == "ok" else "0.075400")]


def ntl_delta2(v):
    if v == "ok":
        e = (yh - Y) * yh * (1 - yh)
        p = (0.725409 - 1.0) * 0.725409 * 0.274591
        return [ap(D2, e), ap(e, p), num(p, "-0.054696")]
    e = yh - Y
    return [ap(D2, e), ap(e, 0.725409 - 1.0), num(0.725409 - 1.0, "-0.274591")]


def ntl_dW2(v):
    rhs = D2 * a1.reshape(1, 2) if v == "ok" else D2 * a1.reshape(2, 1)
    return [close(G_W2, rhs, rtol=1e-5)]


def ntl_dW2num(v):
    return [nums(G_W2, ["-0.026665", "-0.029259"] if v == "ok" else ["-0.029259", "-0.026665"])]


def ntl_db2num(v):
    return [num(G_b2, "-0.054696" if v == "ok" else "-0.274591")]


def ntl_delta1(v):
    rhs = W2[0] * D2 * (a1 * (1 - a1) if v == "ok" else 1.0)
    return [close(D1, rhs, rtol=1e-5)]


def ntl_d11(v):
    return [num(D1[0], "-0.010932" if v == "ok" else "-0.043757")]


def ntl_d12(v):
    return [num(D1[1], "-0.012247" if v == "ok" else "-0.010886")]


def ntl_dW1(v):
    rhs = np.outer(D1, X) if v == "ok" else np.outer(X, D1)
    return [close(G_W1, rhs, rtol=1e-5, atol=1e-10)]


def ntl_dW1num(v):
    p = ["-0.002186", "-0.004373", "-0.002449", "-0.004899"] if v == "ok" else ["-0.002186", "-0.002449", "-0.004373", "-0.004899"]
    return [nums(G_W1, p)]


def ntl_db1num(v):
    return [nums(G_b1, ["-0.010932", "-0.012247"] if v == "ok" else ["-0.043757", "-0.049226"])]


def ntl_sigprime(v):
    def p():
        z = rng.normal()
        return [close(d1(sig, z), sig(z) * (1 - sig(z)) if v == "ok" else sig(z) * (1 + sig(z)))]
    return every(p)


def ntl_yhat_sp(v):
    return [ap(yh * (1 - yh), dsig(z2) if v == "ok" else dsig(yh), 1e-12)]


def ntl_ex_loss(v):
    if v == "ok":
        return [ap(0.5 * (30 - 25) ** 2, 0.5 * 25, 0), num(0.5 * 25, "12.5")]
    return [ap(0.5 * (30 - 25) ** 2, 0.5 * 5, 0), num(0.5 * 5, "2.5")]


def ntl_ex_cost(v):
    return [num((12.5 + 8.0 + 15.0) / 3, "11.83" if v == "ok" else "17.75")]


def ntl_prose_d11(v):
    e = (0.80 * -0.054696) * 0.487503 * (1 - 0.487503)
    return [ap(D1[0], e), num(e, "-0.010932" if v == "ok" else "-0.021864")]


def ntl_prose_dw(v):
    e = -0.054696 * (0.487503 if v == "ok" else 0.534943)
    return [ap(D2 * a1[0], e), num(e, "-0.026665" if v == "ok" else "-0.029259")]


def ntl_prose_update(v):
    e = 0.80 - 0.1 * (-0.026665)
    return [None, num(e, "0.802666" if v == "ok" else "0.797334")]


def ntl_prose_dw3(v):
    e = -0.010932 * (0.2 if v == "ok" else 0.4)
    return [ap(D1[0] * X[0], e), num(e, "-0.002186" if v == "ok" else "-0.004373")]


def ntl_dw3(v):
    e = D1[0] * (X[0] if v == "ok" else X[1])
    return [ap(G_W1[0, 0], e), num(e, "-0.002186" if v == "ok" else "-0.004373")]


for cid, fn, bad in [
    ("zt-ntl-z11", ntl_z11, "arithmetic"), ("zt-ntl-z12", ntl_z12, "arithmetic"),
    ("zt-ntl-a11", ntl_a11, "sign"), ("zt-ntl-a12", ntl_a12, "complement"),
    ("zt-ntl-z2", ntl_z2, "index"), ("zt-ntl-yhat", ntl_yhat, "complement"),
    ("zt-ntl-loss", ntl_loss, "factor"), ("zt-ntl-delta2", ntl_delta2, "sigma-prime"),
    ("zt-ntl-dW2", ntl_dW2, "transpose"), ("zt-ntl-dW2-num", ntl_dW2num, "index"),
    ("zt-ntl-db2-num", ntl_db2num, "sigma-prime"), ("zt-ntl-delta1", ntl_delta1, "sigma-prime"),
    ("zt-ntl-delta11-num", ntl_d11, "sigma-prime"), ("zt-ntl-delta12-num", ntl_d12, "index"),
    ("zt-ntl-dW1", ntl_dW1, "order"), ("zt-ntl-dW1-num", ntl_dW1num, "transpose"),
    ("zt-ntl-db1-num", ntl_db1num, "sigma-prime"), ("zt-ntl-sigprime", ntl_sigprime, "sign"),
    ("zt-ntl-yhat-sigprime", ntl_yhat_sp, "argument"), ("zt-ntl-ex-loss", ntl_ex_loss, "exponent"),
    ("zt-ntl-ex-cost", ntl_ex_cost, "factor"), ("zt-ntl-prose-delta11", ntl_prose_d11, "factor"),
    ("zt-ntl-prose-dw", ntl_prose_dw, "index"), ("zt-ntl-prose-update", ntl_prose_update, "sign"),
    ("zt-ntl-prose-dw3", ntl_prose_dw3, "index"), ("zt-ntl-dw3", ntl_dw3, "index"),
]:
    pair(cid, fn, bad)

link(r"z^{[1]}_1 = 0.10\cdot 0.2 + (-0.20)\cdot 0.4 + 0.01 = -0.05", lambda: ntl_z11("ok"))
link(r"z^{[1]}_2 = 0.30\cdot 0.2 + \phantom{(-)}0.25\cdot 0.4 - 0.02 = 0.14", lambda: ntl_z12("ok"))
link(r"a^{[1]}_1 = \sigma(-0.05)=0.487503", lambda: ntl_a11("ok"))
link(r"a^{[1]}_2 = \sigma(0.14)=0.534943", lambda: ntl_a12("ok"))
link(r"z^{[2]} = 0.80\cdot 0.487503 + 0.90\cdot 0.534943 + 0.10 = 0.971451", lambda: ntl_z2("ok"))
link(r"\hat{y}=a^{[2]} = \sigma(0.971451)=0.725409", lambda: ntl_yhat("ok"))
link(r"L=\frac{1}{2}(1.0-0.725409)^2=0.037700", lambda: ntl_loss("ok"))


def ntl_doc_delta2(printed):
    # delta^{[2]} is introduced here (definition); then the two numeric links
    e = (yh - Y) * yh * (1 - yh)
    p = (0.725409 - 1.0) * 0.725409 * 0.274591
    return [None, ap(e, p), num(p, printed)]


link(r"\delta^{[2]}=(\hat{y}-y)\,\hat{y}(1-\hat{y}) =(0.725409-1.0)\times 0.725409\times 0.274591 =-0.054696", lambda: ntl_doc_delta2("-0.054696"))
link(r"\delta^{[2]}=(\hat{y}-y)\,\hat{y}(1-\hat{y}) =(0.725409-1.0)\times 0.725409\times 0.274591 =0.054696", lambda: ntl_doc_delta2("0.054696"))
D2_formula = (yh - Y) * yh * (1 - yh)
D1_formula = W2[0] * D2_formula * a1 * (1 - a1)
link(r"\frac{\partial L}{\partial W^{[2]}}=\delta^{[2]}\,\bigl(\mathbf{a}^{[1]}\bigr)^\top", lambda: [close(G_W2, D2_formula * a1.reshape(1, 2), rtol=1e-5)])
link(r"\frac{\partial L}{\partial b^{[2]}}=\delta^{[2]}", lambda: [ap(G_b2, D2_formula, 1e-8)])
link(r"\frac{\partial L}{\partial W^{[2]}} =\begin{bmatrix} -0.026665 &\ -0.029259 \end{bmatrix}", lambda: ntl_dW2num("ok"))
link(r"\frac{\partial L}{\partial b^{[2]}}=-0.054696", lambda: ntl_db2num("ok"))
link(r"\delta^{[1]}_j=\bigl(W^{[2]}_j\,\delta^{[2]}\bigr)\; a^{[1]}_j(1-a^{[1]}_j)", lambda: [None])
link(r"\delta^{[1]}_1=-0.010932", lambda: [num(D1_formula[0], "-0.010932")])
link(r"\delta^{[1]}_2=-0.012247", lambda: [num(D1_formula[1], "-0.012247")])
link(r"\frac{\partial L}{\partial W^{[1]}}=\boldsymbol{\delta}^{[1]}\, \mathbf{x}^\top", lambda: [close(G_W1, np.outer(D1_formula, X), rtol=1e-5, atol=1e-10)])
link(r"\frac{\partial L}{\partial \mathbf{b}^{[1]}}=\boldsymbol{\delta}^{[1]}", lambda: [close(G_b1, D1_formula, rtol=1e-5, atol=1e-10)])
link(r"\frac{\partial L}{\partial W^{[1]}}= \begin{bmatrix} -0.002186 & -0.004373\\ -0.002449 & -0.004899 \end{bmatrix}", lambda: ntl_dW1num("ok"))
link(r"\frac{\partial L}{\partial W^{[1]}}= \begin{bmatrix} -0.002186 & -0.002449\\ -0.004373 & -0.004899 \end{bmatrix}", lambda: ntl_dW1num("transpose"))
link(r"\frac{\partial L}{\partial \mathbf{b}^{[1]}}= \begin{bmatrix} -0.010932\\ -0.012247 \end{bmatrix}", lambda: ntl_db1num("ok"))

# ============ C: Matchlab, Softmax Cross Entropy (Japanese) ============
Mb, Nc = 3, 4


def ml_point(onehot=False):
    Xm = rng.normal(size=(Mb, Nc))
    if onehot:
        T = np.eye(Nc)[rng.integers(0, Nc, Mb)]
    else:
        T = rng.uniform(0, 1, (Mb, Nc))
    return Xm, T


def ml_Y(Xm):
    e = np.exp(Xm - Xm.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ml_L(Xm, T):
    return -np.sum(T * np.log(ml_Y(Xm))) / Mb


def ml_rewrite(v):
    def p():
        Xm, T = ml_point()
        lse = np.log(np.exp(Xm).sum(axis=1, keepdims=True))
        s = -1 if v == "ok" else 1
        rhs = s * np.sum(T * Xm) / Mb + np.sum(T * lse) / Mb
        return [close(ml_L(Xm, T), rhs)]
    return every(p)


def ml_first(v):
    def p():
        Xm, T = ml_point()
        g = fd(lambda Z: -np.sum(T * Z) / Mb, Xm)
        rhs = np.zeros_like(g)
        for pp in range(Mb):
            for q in range(Nc):
                rhs[pp, q] = -T[pp, q] / Mb if v == "ok" else -T[q, pp] / Mb  # t_qp (IndexError -> fails)
        return [close(g, rhs)]
    return every(p)


def ml_second(v):
    def p():
        Xm, T = ml_point()
        f0 = lambda Z: np.sum(T * np.log(np.exp(Z).sum(axis=1, keepdims=True))) / Mb
        g0 = fd(f0, Xm)
        e = np.exp(Xm); S = e.sum(axis=1, keepdims=True); ts = T.sum(axis=1, keepdims=True)
        g1 = np.zeros_like(g0); g2 = np.zeros_like(g0)
        for pp in range(Mb):  # the p-th row only depends on x_{pq}
            f1 = lambda Z, pp=pp: np.sum(T[pp] * np.log(np.exp(Z[pp]).sum())) / Mb
            f2 = lambda Z, pp=pp: np.log(np.exp(Z[pp]).sum()) * T[pp].sum() / Mb
            g1[pp] = fd(f1, Xm)[pp]
            g2[pp] = fd(f2, Xm)[pp]
        g3 = (e / S) * ts / Mb if v == "ok" else (e / S ** 2) * ts / Mb
        g4 = ml_Y(Xm) * ts / Mb
        return [close(g0, g1, rtol=1e-5), close(g1, g2, rtol=1e-5), close(g2, g3, rtol=1e-5), close(g3, g4, rtol=1e-5)]
    return every(p)


def ml_dx(v):
    def p():
        Xm, T = ml_point(onehot=True)
        g = fd(lambda Z: ml_L(Z, T), Xm)
        rhs = (ml_Y(Xm) - T) / Mb if v == "ok" else (ml_Y(Xm) - T)
        return [close(g, rhs, rtol=1e-5)]
    return every(p)


def ml_dX(v):
    def p():
        Xm, T = ml_point(onehot=True)
        g = fd(lambda Z: ml_L(Z, T), Xm)
        rhs = (ml_Y(Xm) - T) / Mb if v == "ok" else (T - ml_Y(Xm)) / Mb
        return [close(g, rhs, rtol=1e-5)]
    return every(p)


pair("zt-ml-rewrite", ml_rewrite, "sign")
pair("zt-ml-first", ml_first, "index")
pair("zt-ml-second", ml_second, "exponent")
pair("zt-ml-dx", ml_dx, "factor")
pair("zt-ml-dX", ml_dX, "swap")
link(r"y_{ij} = \frac{\exp(x_{ij})}{\sum_{k=1}^n \exp(x_{ik})}", lambda: [None])
link(r"L = - \frac{1}{m} \sum_{i, j} t_{ij} \log y_{ij}", lambda: [None])
link(r"L = - \frac{1}{m} \sum_{i, j} t_{ij} x_{ij} + \frac{1}{m} \sum_{i, j} t_{ij} \log(\sum_{k=1}^n \exp(x_{ik}))", lambda: ml_rewrite("ok"))
link(r"\frac{\partial}{\partial x_{pq}}\left( - \frac{1}{m} \sum_{i, j} t_{ij} x_{ij} \right) = - \frac{1}{m} t_{pq}", lambda: ml_first("ok"))
link(r"\frac{\partial}{\partial x_{pq}}\left( \frac{1}{m} \sum_{i, j} t_{ij} \log(\sum_{k=1}^n \exp(x_{ik})) \right) = \frac{\partial}{\partial x_{pq}}\left( \frac{1}{m}\sum_{j=1}^n t_{pj} \log(\sum_{k=1}^n \exp(x_{pk})) \right) = \frac{\partial}{\partial x_{pq}}\left( \frac{1}{m} \log(\sum_{k=1}^n \exp(x_{pk})) \sum_{j=1}^n t_{pj} \right) = \frac{1}{m} \frac{\exp(x_{pq})}{\sum_{k=1}^n \exp(x_{pk})} \sum_{j=1}^n t_{pj} = \frac{1}{m} y_{pq} \sum_{j=1}^n t_{pj}", lambda: ml_second("ok"))
link(r"\frac{\partial L}{\partial x_{pq}} = \frac{1}{m} (y_{pq} - t_{pq})", lambda: ml_dx("ok"))
link(r"\frac{\partial L}{\partial \boldsymbol{X}} = \frac{1}{m} (\boldsymbol{Y} - \boldsymbol{T})", lambda: ml_dX("ok"))

# ============ D: Y. Maeda, softmax derivative (Japanese) ============
J = 4


def ym_chain(v):
    def p():
        y = rng.normal(size=J)
        u = np.exp(y).sum()
        f = np.exp(y) / u
        Jac = np.zeros((J, J))
        for i in range(J):
            Jac[i] = fd(lambda yy: np.exp(yy[i]) / np.exp(yy).sum(), y)
        dlt = np.eye(J)
        du = np.exp(y)  # du/dy_i'
        E = np.exp(y)[:, None]; Ep = np.exp(y)[None, :]
        r1 = E * dlt / u - E / u ** 2 * du[None, :]
        r2 = E / u * dlt - (E / u ** 2 if v == "ok" else E / u) * Ep
        r3 = E / u * (dlt - Ep / u)
        r4 = f[:, None] * (dlt - f[None, :])
        return [close(Jac, r1, rtol=1e-5, atol=1e-9), close(r1, r2), close(r2, r3), close(r3, r4)]
    return every(p)


pair("zt-ym-softmax", ym_chain, "exponent")
link(r"f_i(y_0,\cdots,y_{J-1})=\frac{\exp(y_i)}{u}", lambda: [None])
link(r"u=\sum_{i'=0}^{J-1}\exp(y_{i'})", lambda: [None])
link(r"\frac{\partial f_i}{\partial y_{i'}} = \frac{\exp(y_i)\delta_{ii'}}{u} -\frac{\exp(y_i)}{u^2}\frac{\partial u}{\partial y_{i'}} = \frac{\exp(y_i)}{u}\delta_{ii'} -\frac{\exp(y_i)}{u^2}\exp(y_{i'}) = \frac{\exp(y_i)}{u} \left[\delta_{ii'}-\frac{\exp(y_{i'})}{u}\right] = f_i(y_0,\cdots,y_{J-1}) \left[\delta_{ii'}-f_{i'}(y_0,\cdots,y_{J-1})\right]", lambda: ym_chain("ok"))

# ============ E: Rainbow Engine and F: sumikitch, softmax derivative (Japanese) ============
NS = 5


def sm_point():
    x = rng.normal(size=NS)
    i, j = rng.choice(NS, 2, replace=False)  # i != j
    Ysum = np.exp(x).sum()
    p = np.exp(x) / Ysum
    Jac = np.array([fd(lambda xx, k=k: np.exp(xx[k]) / np.exp(xx).sum(), x) for k in range(NS)])
    return x, i, j, Ysum, p, Jac


def rb_diag(v):
    def p_():
        x, i, j, Ys, p, Jac = sm_point()
        e = np.exp(x)
        m = (e[i] * Ys - e[i] * e[i]) / (Ys ** 2 if v == "ok" else Ys)
        return [close(Jac[i, i], m, rtol=1e-5), close(m, p[i] * (1 - p[i]))]
    return every(p_)


def rb_off(v):
    def p_():
        x, i, j, Ys, p, Jac = sm_point()
        e = np.exp(x)
        s = -1 if v == "ok" else 1
        return [close(Jac[i, j], s * e[i] * e[j] / Ys ** 2, rtol=1e-5), close(s * e[i] * e[j] / Ys ** 2, s * p[i] * p[j])]
    return every(p_)


def rb_typo():
    # e_{x_j} (subscript) is a symbol unrelated to exp(x_j): model it by independent positive numbers
    def p_():
        x, i, j, Ys, p, Jac = sm_point()
        e_sub = rng.uniform(0.1, 3, NS)
        return [close(p[i], np.exp(x[i]) / e_sub.sum()), None]
    return every(p_)


pair("zt-rb-diag", rb_diag, "exponent")
pair("zt-rb-offdiag", rb_off, "sign")
claim("zt-rb-step0-typo", rb_typo)


def sk_diag(v):
    def p_():
        x, i, j, Z, p, Jac = sm_point()
        e = np.exp(x)
        l1 = close(Jac[i, i], (e[i] * Z - e[i] * e[i]) / Z ** 2, rtol=1e-5)
        mid = e[i] / Z - ((e[i] / Z) ** 2 if v == "ok" else e[i] / Z ** 2)
        return [l1, close((e[i] * Z - e[i] * e[i]) / Z ** 2, mid), close(mid, p[i] * (1 - p[i]))]
    return every(p_)


def sk_off(v):
    def p_():
        x, i, j, Z, p, Jac = sm_point()
        e = np.exp(x)
        r1 = fd(lambda xx: np.exp(xx[i]) / Z, x)[j]            # d/dx_j of e^{x_i}/Z with Z held as the symbol... see r2
        r1 = fd(lambda xx: np.exp(xx[i]) / np.exp(xx).sum(), x)[j]
        dei = fd(lambda xx: np.exp(xx[i]), x)[j]                # = 0 for i != j
        dZ = fd(lambda xx: np.exp(xx).sum(), x)[j]
        r2 = (dei * Z - e[i] * dZ) / Z ** 2
        r3 = (-e[i] * dZ) / Z ** 2                              # the marker (※1) is a footnote label
        r4 = (-e[i] * fd(lambda xx: np.sum(np.exp(xx)), x)[j]) / Z ** 2
        r5 = -e[i] * e[j] / Z ** 2
        r6 = -p[i] * p[j] if v == "ok" else p[i] * p[j]
        return [close(Jac[i, j], r1, rtol=1e-5), close(r1, r2, rtol=1e-5, atol=1e-9), close(r2, r3, rtol=1e-5, atol=1e-9),
                close(r3, r4, rtol=1e-5, atol=1e-9), close(r4, r5, rtol=1e-5, atol=1e-9), close(r5, r6)]
    return every(p_)


def sk_cases():
    # 'yi' read as the product y*i with y an unrelated scalar; compare with the true diagonal y_i(1-y_i)
    def p_():
        x, i, j, Z, p, Jac = sm_point()
        yv = rng.uniform(-2, 2)
        return [close(Jac[i, i], p[i] * (1 - yv * i), rtol=1e-5) and close(Jac[i, j], -p[i] * p[j], rtol=1e-5)]
    return every(p_)


pair("zt-sk-diag", sk_diag, "exponent")
pair("zt-sk-offdiag", sk_off, "sign")
claim("zt-sk-cases-typo", sk_cases)
link(r"\begin{pmatrix} y_1 \\ y_2 \\ \vdots \\ y_n \end{pmatrix} = \frac{1}{\sum_{j=1}^n e^{x_j}} \begin{pmatrix} e^{x_1} \\ e^{x_2} \\ \vdots \\ e^{x_n} \end{pmatrix}", lambda: [None])
link(r"Z := \sum_{j=1}^n e^{x_j}", lambda: [None])
link(r"\frac{\partial y_i }{\partial x_i} = \frac{e^{x_i}Z - e^{x_i}e^{x_i}}{Z^2} = \frac{e^{x_i}}{Z}-(\frac{e^{x_i}}{Z})^2= y_i(1 - y_i)", lambda: sk_diag("ok"))
link(r"\frac{\partial y_i}{\partial x_j}=\frac{\partial}{\partial x_j} \frac{e^{x_i}}{Z} = \frac{1}{Z^2}( \frac{\partial e^{x_i}}{\partial x_j}Z - e^{x_i}\frac{\partial Z}{\partial x_j} ) = \frac{1}{Z^2}( -e^{x_i}\frac{\partial Z}{\partial x_j} ) (※1) = \frac{1}{Z^2}( -e^{x_i}\frac{\partial}{\partial x_j}(e^{x_1} + e^{x_2} + \dots + e^{x_j} + \dots + e^{x_n}) ) = \frac{-e^{x_i}e^{x_j}}{Z^2} = -y_iy_j", lambda: sk_off("ok"))

# ============ G: wiki.yauis.de (German) ============


def ya_point():
    while True:
        x, w1, w2, yt = rng.normal(size=4)
        if abs(x * w1) > 0.05:
            break
    relu = lambda s: max(s, 0.0)
    h = lambda a: relu(x * a)
    L = lambda a, b: (h(a) * b - yt) ** 2
    return x, w1, w2, yt, h, L


def ya_dw2(v):
    def p():
        x, w1, w2, yt, h, L = ya_point()
        y = h(w1) * w2
        return [close(d1(lambda b: L(w1, b), w2), (2 if v == "ok" else 1) * (y - yt) * h(w1), rtol=1e-5, atol=1e-9)]
    return every(p)


def ya_dw1(v):
    def p():
        x, w1, w2, yt, h, L = ya_point()
        y = h(w1) * w2
        ind = 1.0 if x * w1 > 0 else 0.0
        return [close(d1(lambda a: L(a, w2), w1), 2 * (y - yt) * (w2 if v == "ok" else 1.0) * ind * x, rtol=1e-5, atol=1e-9)]
    return every(p)


def ya_chain(v):
    def p():
        x, w1, w2, yt, h, L = ya_point()
        hv = h(w1); y = hv * w2
        dLdy = 2 * (y - yt); dydh = w2; dhdw = d1(h, w1)
        rhs = dLdy * dydh * dhdw if v == "ok" else dLdy * dhdw
        return [close(d1(lambda a: L(a, w2), w1), rhs, rtol=1e-5, atol=1e-9)]
    return every(p)


def ya_torch(v):
    x, w = 2.0, 3.0
    y = x * w
    g = d1(lambda ww: (x * ww) ** 2, w)
    if v == "ok":
        return [ap(g, 2 * y * x, 1e-6), ap(2 * y * x, 2 * 6 * 2, 0), ap(2 * 6 * 2, 24, 0)]
    return [ap(g, 2 * y * x, 1e-6), ap(2 * y * x, 2 * 6 * 3, 0), ap(2 * 6 * 3, 36, 0)]


pair("zt-ya-dw2", ya_dw2, "factor")
pair("zt-ya-dw1", ya_dw1, "missing-factor")
pair("zt-ya-chain", ya_chain, "missing-factor")
pair("zt-ya-torch", ya_torch, "value")
link(r"\frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial y} \cdot \frac{\partial y}{\partial h} \cdot \frac{\partial h}{\partial w_1}", lambda: ya_chain("ok"))
link(r"h = \text{ReLU}(x \cdot w_1)", lambda: [None])
link(r"y = h \cdot w_2", lambda: [None])
link(r"L = (y - y_{true})^2", lambda: [None])
link(r"\frac{\partial L}{\partial w_2} = 2(y - y_{true}) \cdot h", lambda: ya_dw2("ok"))
link(r"\frac{\partial L}{\partial w_1} = 2(y - y_{true}) \cdot w_2 \cdot \mathbb{1}_{x \cdot w_1 > 0} \cdot x", lambda: ya_dw1("ok"))

# ============ H: Markus Scherg (German) ============


def ms_da(v):
    def p():
        a = rng.normal(size=4); yv = rng.normal(size=4)
        g = fd(lambda aa: 0.5 * np.sum((yv - aa) ** 2), a)
        return [close(g, a - yv if v == "ok" else yv - a)]
    return every(p)


pair("zt-ms-dadL", ms_da, "swap")


# ======================= run =======================
def norm(s):
    for t in (r"\nonumber", r"\\", "&"):
        s = s.replace(t, "")
    return re.sub(r"\s+", "", s)


def blocks(lines):
    out, i = {}, 0
    while i < len(lines):
        l = lines[i].strip()
        if l.startswith("$$"):
            if l != "$$" and l.endswith("$$") and len(l) > 4:
                out[i + 1] = l[2:-2]; i += 1; continue
            j = i + 1
            while lines[j].strip() != "$$":
                j += 1
            out[i + 1] = "\n".join(lines[i + 1:j]); i = j + 1; continue
        i += 1
    return out


def holds(res):
    return all(r for r in res if r is not None)


def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    bad = nv = ni = 0
    for c in claims:
        assert c["family"] in set(ids), c["id"]
        got = holds(CHECK[c["id"]]())
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if got != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if got else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = nd = 0
    for ex_path in sorted((HERE / "docs").glob("*.expect.yaml")):
        stem = ex_path.name[: -len(".expect.yaml")]
        lines = (HERE / "docs" / (stem + ".md")).read_text().split("\n")
        bl = blocks(lines)
        ex = yaml.safe_load(ex_path.read_text())
        nd += 1
        for m in ex.get("mutations") or []:
            assert lines[m["line"] - 1].strip() == m["now"].strip(), (stem, m)
        assert {lk["line"] for lk in ex["links"]} == set(bl), (stem, "every display block is listed")
        for lk in ex["links"]:
            assert lk["line"] in bl, (stem, lk["line"], "not the start of a $$ block")
            assert norm(lk["text"]) in norm(bl[lk["line"]]), (stem, lk["line"])
            assert lk["text"] in DOCS, (stem, lk["text"])
            used.add(lk["text"])
            got = DOCS[lk["text"]]()
            want = [{"valid": True, "invalid": False, "definition": None}[e] for e in lk["expect"]]
            assert len(got) == len(want), (stem, lk["line"], got, want)
            nlinks += len(want)
            if got != want:
                bad += 1
                print(f"MISMATCH doc {stem} line {lk['line']}: expect {lk['expect']}, numbers say {got}")
    assert used == set(DOCS), sorted(set(DOCS) - used)
    print(f"documents: {nd} checked, {len(used)} relation texts, {nlinks} links")
    print("OK" if bad == 0 else f"FAILED: {bad} disagreement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
