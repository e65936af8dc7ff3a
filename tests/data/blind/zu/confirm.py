# ruff: noqa
"""Independent NumPy confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part zu).

Every claim and every document link is coded by hand below as Python functions of random inputs
(derivatives by central finite differences) or, for printed numbers, compared with one unit of the
last printed digit.  No LaTeX is parsed.  Exit status 1 on any disagreement.
"""
import math
import pathlib
import re
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


def jac(f, x, h=1e-5):
    x = np.array(x, float)
    f0 = np.asarray(f(x), float)
    J = np.zeros((f0.size, x.size))
    for j in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[j] += h
        xm[j] -= h
        J[:, j] = (np.asarray(f(xp)) - np.asarray(f(xm))) / (2 * h)
    return J


def d1(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def d2(f, x, h=1e-4):
    return (f(x + h) - 2 * f(x) + f(x - h)) / h ** 2


def chain(vals, rtol=1e-5, atol=1e-7):
    """one True/False per '=' link between consecutive members"""
    return [close(a, b, rtol, atol) for a, b in zip(vals, vals[1:])]


def every(fn, n=NPTS):
    """fn() -> list of link results; a link holds when it holds at every sample"""
    res = None
    for _ in range(n):
        r = fn()
        res = r if res is None else [None if a is None else (a and b) for a, b in zip(res, r)]
    return res


sig = lambda x: 1.0 / (1.0 + np.exp(-x))
softplus = lambda x: np.log1p(np.exp(x))
Phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))
phi = lambda x: math.exp(-x * x / 2) / math.sqrt(2 * math.pi)

CHECK = {}
DOCS = {}


def claim(*ids):
    def deco(fn):
        for i in ids:
            assert i not in CHECK, i
            CHECK[i] = fn
        return fn
    return deco


def doc(stem, text):
    def deco(fn):
        key = (stem, text)
        assert key not in DOCS, key
        DOCS[key] = fn
        return fn
    return deco


def links_of(variant_fn, variant):
    return every(lambda: variant_fn(variant))


def claim_links(cid, fn, variant):
    CHECK[cid] = lambda: all(links_of(fn, variant))


# ======================= A: Scruton GLM / IRLS =======================
def A_dl(v):
    th, y, a = rng.normal(), float(rng.integers(0, 2)), rng.uniform(0.5, 2)
    l = lambda t: (y * t - softplus(t)) / a + 0.3  # Bernoulli cumulant b = softplus, c constant
    rhs = {"ok": (y - sig(th)) / a, "sign": (sig(th) - y) / a, "noprime": (y - softplus(th)) / a}[v]
    return [close(d1(l, th), rhs, 1e-6)]


def A_dtheta(v):
    th = rng.normal()
    mu = sig(th)  # mu = b'(theta), b = softplus
    V = mu * (1 - mu)  # b''(theta)
    dth = d1(lambda m: math.log(m / (1 - m)), mu)  # theta as a function of mu
    rhs = 1 / V if v == "ok" else V
    return [close(dth, rhs, 1e-6)]


def A_dmu(v):
    eta = rng.normal()
    mu = sig(eta)  # inverse of the logit link g
    gp = 1 / (mu * (1 - mu))  # g'(mu)
    rhs = 1 / gp if v == "ok" else gp
    return [close(d1(sig, eta), rhs, 1e-6)]


def A_hess(v):
    xj, xk, a, gp, V = rng.normal(), rng.normal(), rng.uniform(0.5, 2), rng.uniform(0.3, 3), rng.uniform(0.3, 3)
    lhs = xj / a * (-xk / gp) * (1 / gp) * (1 / V)
    rhs = -xj * xk / (a * gp ** 2) / V if v == "ok" else -xj * xk / (a * gp) / V
    return [close(lhs, rhs)]


def A_irls(v):
    n, p = 6, 3
    X = rng.normal(size=(n, p)); W = np.diag(rng.uniform(0.5, 2, n)); M = np.diag(rng.uniform(0.5, 2, n))
    y, mu, bt = rng.normal(size=n), rng.normal(size=n), rng.normal(size=p)
    A = X.T @ W @ X; Ai = np.linalg.inv(A)
    b1 = bt + Ai @ X.T @ W @ M @ (y - mu)  # given
    Z = X @ bt + M @ (y - mu)  # Z_t = eta_t + M(y - mu), eta_t = X beta_t
    m1 = Ai @ A @ bt + Ai @ X.T @ W @ M @ (y - mu)
    m2 = {"ok": Ai @ X.T @ W @ (X @ bt + M @ (y - mu)), "sign": Ai @ X.T @ W @ (X @ bt - M @ (y - mu)),
          "noW": Ai @ X.T @ (X @ bt + M @ (y - mu))}[v]
    m3 = Ai @ X.T @ W @ Z
    return chain([b1, m1, m2, m3])


def A_J():
    n, p = 5, 3
    X = rng.normal(size=(n, p)); a = rng.uniform(0.5, 2); gp = rng.uniform(0.3, 3, n); V = rng.uniform(0.3, 3, n)
    J_sum = sum(np.outer(X[i], X[i]) / (a * gp[i] ** 2 * (1 / V[i])) for i in range(n))
    W = np.diag(1 / (a * V * gp ** 2))
    return [None, close(J_sum, X.T @ W @ X)]


def ef_bern_moments(th):
    ys = np.array([0.0, 1.0])
    f = np.exp(ys * th - softplus(th))  # a = 1, c = 0
    m = np.sum(ys * f)
    return np.sum(f), m, np.sum((ys - m) ** 2 * f)


def ef_gauss_moments(th, s2):
    ys = np.linspace(th - 12 * math.sqrt(s2), th + 12 * math.sqrt(s2), 20001)
    c = -ys ** 2 / (2 * s2) - 0.5 * np.log(2 * np.pi * s2)
    f = np.exp((ys * th - th ** 2 / 2) / s2 + c)
    tot = np.trapezoid(f, ys)
    m = np.trapezoid(ys * f, ys)
    return tot, m, np.trapezoid((ys - m) ** 2 * f, ys)


def A_efmean(v):
    th = rng.normal(); s2 = rng.uniform(1.5, 3)
    _, mb, _ = ef_bern_moments(th)
    _, mg, _ = ef_gauss_moments(th, s2)
    if v == "ok":
        return [close(mb, sig(th), 1e-6) and close(mg, th, 1e-6, 1e-6)]
    return [close(mb, softplus(th), 1e-6) and close(mg, th ** 2 / 2, 1e-6, 1e-6)]


def A_efvar(v):
    th = rng.normal(); s2 = rng.uniform(1.5, 3)
    _, _, vb = ef_bern_moments(th)
    _, _, vg = ef_gauss_moments(th, s2)
    bpp_b, bpp_g = sig(th) * (1 - sig(th)), 1.0
    if v == "ok":
        return [close(vb, bpp_b * 1.0, 1e-6) and close(vg, bpp_g * s2, 1e-6)]
    return [close(vb, bpp_b / 1.0, 1e-6) and close(vg, bpp_g / s2, 1e-6)]


def A_deta():
    p = 3
    b = rng.normal(size=p + 1); x = rng.normal(size=p)
    eta = lambda bb: bb[0] + bb[1:] @ x
    g = fd(eta, b)
    return [close(g[1:], x)]


for cid, fn, v in [("zu-scruton-dl-dtheta", A_dl, "ok"), ("zu-scruton-dl-dtheta-sign", A_dl, "sign"),
                   ("zu-scruton-dl-dtheta-noprime", A_dl, "noprime"),
                   ("zu-scruton-dtheta-dmu", A_dtheta, "ok"), ("zu-scruton-dtheta-dmu-inv", A_dtheta, "inv"),
                   ("zu-scruton-dmu-deta", A_dmu, "ok"), ("zu-scruton-dmu-deta-inv", A_dmu, "inv"),
                   ("zu-scruton-hess-term", A_hess, "ok"), ("zu-scruton-hess-term-exp", A_hess, "exp"),
                   ("zu-scruton-irls", A_irls, "ok"), ("zu-scruton-irls-sign", A_irls, "sign"), ("zu-scruton-irls-noW", A_irls, "noW"),
                   ("zu-scruton-ef-mean", A_efmean, "ok"), ("zu-scruton-ef-mean-noprime", A_efmean, "bad"),
                   ("zu-scruton-ef-var", A_efvar, "ok"), ("zu-scruton-ef-var-div", A_efvar, "bad")]:
    claim_links(cid, fn, v)
CHECK["zu-scruton-fisher-J"] = lambda: all(x for x in every(A_J) if x is not None)
CHECK["zu-scruton-deta-dbeta"] = lambda: all(every(A_deta))

S = "irls-scruton"
doc(S, r"\frac{\partial l_i}{\partial \theta_i} = \frac{y_i - b'(\theta_i)}{a(\phi)}")(lambda: links_of(A_dl, "ok"))
doc(S, r"\frac{\partial \theta_i}{\partial \mu_i} = \frac{1}{V(\mu_i)}")(lambda: links_of(A_dtheta, "ok"))
doc(S, r"\frac{\partial \mu_i}{\partial \eta_i} = \frac{1}{g'(\mu_i)}")(lambda: links_of(A_dmu, "ok"))
doc(S, r"\frac{x_{i,j}}{a(\phi)} \left( - \frac{x_{i, k}}{g'(\mu_i)} \right) \frac{1}{g'(\mu_i)} \frac{1}{V(\mu_i)} = - \frac{x_{i, j} x_{i, k}}{a(\phi)(g'(\mu_i))^2} \frac{1}{V(\mu_i)}")(lambda: links_of(A_hess, "ok"))
doc(S, r"J = \sum_{i = 1}^n \frac{x_{i,j} x_{i,k}}{a(\phi) (g'(\mu_i))^2 \frac{1}{V(\mu_i)}} = \mathbf{X}^T \mathbf{W} \mathbf{X}")(lambda: every(A_J))
doc(S, r"\mathbf{W} = \frac{1}{a(\phi)} \begin{bmatrix} \frac{1}{V(\mu_1)} \frac{1}{(g'(\mu_1))^2} & & \\ & ... & \\ & & \frac{1}{V(\mu_n)(g'(\mu_n))^2}\\ \end{bmatrix}")(lambda: [None])
doc(S, r"\beta_{t+1} = (X^T W X)^{-1}(X^T W X)\beta_t + (X^T W X)^{-1} X^T W M (y - \mu) = (X^T W X)^{-1} X^T W (X \beta_t + M(y - \mu)) = (X^T W X)^{-1} X^T W Z_t")(lambda: links_of(A_irls, "ok"))


# ======================= B: zuoyi93 exponential MLE =======================
def B_pt():
    n = int(rng.integers(2, 7)); th = rng.uniform(0.3, 2); x = rng.uniform(0.1, 3, n)
    return n, th, x


def B_lik(v):
    n, th, x = B_pt()
    L = np.prod(th * np.exp(-th * x))
    r = th ** n * np.exp(-th * x.sum()) if v == "ok" else th ** n * np.exp(-n * th * x.sum())
    return [close(L, r, 1e-9, 0)]


def B_loglik(v):
    n, th, x = B_pt()
    L = th ** n * np.exp(-th * x.sum())
    r = {"ok": n * np.log(th) - th * x.sum(), "sign": n * np.log(th) + th * x.sum(), "theta": n * np.log(th) - x.sum()}[v]
    return [close(np.log(L), r, 1e-9)]


def B_score(v):
    n, th, x = B_pt()
    ell = lambda t: n * np.log(t) - t * x.sum()
    r = {"ok": n / th - x.sum(), "n": 1 / th - x.sum(), "sign": n / th + x.sum()}[v]
    return [close(d1(ell, th), r, 1e-6)]


for cid, fn, v in [("zu-zuoyi-lik", B_lik, "ok"), ("zu-zuoyi-lik-n", B_lik, "n"),
                   ("zu-zuoyi-loglik", B_loglik, "ok"), ("zu-zuoyi-loglik-sign", B_loglik, "sign"), ("zu-zuoyi-loglik-theta", B_loglik, "theta"),
                   ("zu-zuoyi-score", B_score, "ok"), ("zu-zuoyi-score-n", B_score, "n"), ("zu-zuoyi-score-sign", B_score, "sign")]:
    claim_links(cid, fn, v)
S = "exp-mle-zuoyi"
doc(S, r"L(\theta)=\prod_{i=1}^n\theta\exp(-\theta x_i)=\theta^n\exp(-\theta\sum_{i=1}^nx_i)")(lambda: [None] + links_of(B_lik, "ok"))
doc(S, r"\ell_n(\theta)=\log L(\theta) = n\log\theta-\theta\sum_{i=1}^n x_i")(lambda: [None] + links_of(B_loglik, "ok"))
doc(S, r"S_n=\frac{\partial l_n(\theta)}{\partial\theta}=\frac{n}{\theta}-\sum_{i=1}^n x_i")(lambda: [None] + links_of(B_score, "ok"))


# ======================= C: ml-compiled rules of differentiation =======================
def C_fg():
    x = rng.uniform(0.2, 2)
    f = lambda t: np.sin(t) + 2.5
    g = lambda t: np.exp(t) + 0.5 * t
    return x, f, g, d1(f, x), d1(g, x)


def C_rule(v):
    x, f, g, fp, gp = C_fg()
    F, G = f(x), g(x)
    if v in ("sum", "sum-prod"):
        lhs = d1(lambda t: f(t) + g(t), x)
        rhs = fp + gp if v == "sum" else fp * G + F * gp
    elif v in ("prod", "prod-sign"):
        lhs = d1(lambda t: f(t) * g(t), x)
        rhs = F * gp + fp * G if v == "prod" else F * gp - fp * G
    elif v == "quot":
        lhs = d1(lambda t: f(t) / g(t), x)
        rhs = (fp * G + F * gp) / G ** 2
    else:
        lhs = d1(lambda t: 1 / f(t), x)
        rhs = -fp / F ** 2 if v == "recip" else -fp / F
    return [close(lhs, rhs, 1e-6)]


def C_fwrtf(v):
    x = rng.uniform(0.3, 2)
    dydz = d1(lambda z: z ** 3, x ** 2)  # y = x^6 = z^3 for x > 0
    prod = d1(lambda t: t ** 6, x) * d1(lambda z: math.sqrt(z), x ** 2)
    if v == "ok":
        vals = [dydz, prod, 6 * x ** 5 * (1 / (2 * x)), 3 * x ** 4]
    elif v == "inv":
        vals = [dydz, prod, 6 * x ** 5 * 2 * x, 12 * x ** 6]
    else:
        vals = [dydz, prod, 6 * x ** 5 * (1 / (2 * x)), 3 * x ** 5]
    return chain(vals)


for cid, fn, v in [("zu-mlc-sum", C_rule, "sum"), ("zu-mlc-sum-prod", C_rule, "sum-prod"),
                   ("zu-mlc-product", C_rule, "prod"), ("zu-mlc-product-sign", C_rule, "prod-sign"),
                   ("zu-mlc-quotient", C_rule, "quot"), ("zu-mlc-reciprocal", C_rule, "recip"), ("zu-mlc-reciprocal-exp", C_rule, "recip-exp"),
                   ("zu-mlc-fwrtf", C_fwrtf, "ok"), ("zu-mlc-fwrtf-inv", C_fwrtf, "inv"), ("zu-mlc-fwrtf-arith", C_fwrtf, "arith")]:
    claim_links(cid, fn, v)
S = "diffrules-mlcompiled"
doc(S, r"(f+g)' = f' + g'")(lambda: links_of(C_rule, "sum"))
doc(S, r"(fg)' = fg' + f'g")(lambda: links_of(C_rule, "prod"))
doc(S, r"(f/g)' = (f'g + fg')/g^2")(lambda: links_of(C_rule, "quot"))
doc(S, r"(1/f)' = -f'/f^2")(lambda: links_of(C_rule, "recip"))
doc(S, r"y=x^6")(lambda: [None])
doc(S, r"z=x^2")(lambda: [None])
doc(S, r"\partial y/\partial z = \partial y/\partial x \cdot \partial x/\partial z = 6x^5 \cdot 1/{2x} = 3x^4")(lambda: links_of(C_fwrtf, "ok"))


# ======================= E: Ange339 probit Fisher scoring =======================
def E_pt():
    eta = rng.normal(); mu = Phi(eta); Y = float(rng.integers(0, 2))
    dmu_deta = d1(lambda e: Phi(e), eta)
    deta_dmu = 1 / dmu_deta  # derivative of the inverse link
    return eta, mu, Y, deta_dmu


def E_W(v):
    eta, mu, Y, deta_dmu = E_pt()
    var = mu * (1 - mu)  # Bernoulli variance
    m1 = (1 / var) * deta_dmu ** (-2)
    m2 = {"ok": phi(eta) ** 2 / (mu * (1 - mu)), "exp": phi(eta) / (mu * (1 - mu)), "inv": (mu * (1 - mu)) / phi(eta) ** 2}[v]
    return [close(m1, m2, 1e-6)]


def E_Z(v):
    eta, mu, Y, deta_dmu = E_pt()
    m1 = eta + (Y - mu) * deta_dmu
    m2 = {"ok": eta + (Y - mu) / phi(eta), "inv": eta + (Y - mu) * phi(eta), "swap": eta + (mu - Y) / phi(eta)}[v]
    return [close(m1, m2, 1e-6)]


for cid, fn, v in [("zu-ange-W", E_W, "ok"), ("zu-ange-W-exp", E_W, "exp"), ("zu-ange-W-inv", E_W, "inv"),
                   ("zu-ange-Z", E_Z, "ok"), ("zu-ange-Z-inv", E_Z, "inv"), ("zu-ange-Z-swap", E_Z, "swap")]:
    claim_links(cid, fn, v)
for S, mut in [("probit-ange339", False), ("probit-ange339-mutated", True)]:
    doc(S, r"L(\beta; Y; X)= \prod_{i=1}^n \left[ \Phi(X_{i}^T\beta) \right]^{Y_i} \left[ 1 - \Phi(X_{i}^T\beta) \right]^{1-Y_i}")(lambda: [None])
    doc(S, r"\beta_{(t+1)} = (X^T W_{(t)} X)^{-1} X^T W_{(t)} Z_{t}")(lambda: [None])
    if not mut:
        doc(S, r"W_{(t)} = \frac{1}{Var(Y)} \left(\frac{\partial{X^T\beta_{(t)}}}{\partial{\mu_{(t)}}}\right)^{-2} = \frac{\left( \phi(X^T\beta_{(t)}) \right)^2}{\mu(1 -\mu)}")(lambda: [None] + links_of(E_W, "ok"))
        doc(S, r"Z_{(t)} = X^T\beta_{(t)} + (Y - \mu) \left(\frac{\partial{X^T\beta_{(t)}}}{\partial{\mu_{(t)}}}\right) = X^T\beta_{(t)} + \frac{Y - \mu}{\phi(X^T\beta_{(t)})}")(lambda: [None] + links_of(E_Z, "ok"))
    else:
        doc(S, r"W_{(t)} = \frac{1}{Var(Y)} \left(\frac{\partial{X^T\beta_{(t)}}}{\partial{\mu_{(t)}}}\right)^{-2} = \frac{\phi(X^T\beta_{(t)})}{\mu(1 -\mu)}")(lambda: [None] + links_of(E_W, "exp"))
        doc(S, r"Z_{(t)} = X^T\beta_{(t)} + (Y - \mu) \left(\frac{\partial{X^T\beta_{(t)}}}{\partial{\mu_{(t)}}}\right) = X^T\beta_{(t)} + (Y - \mu)\phi(X^T\beta_{(t)})")(lambda: [None] + links_of(E_Z, "inv"))


# ======================= F: Lior Sinai layer norm =======================
EPS = 0.1
mu_f = lambda x: np.mean(x)
sd_f = lambda x: np.sqrt(np.mean((x - np.mean(x)) ** 2))


def F_pt():
    n = 5
    x = rng.normal(size=n); a, b = rng.uniform(1.5, 2.5), rng.normal()
    return n, x, a, b


def F_summary(v):
    n, x, a, b = F_pt()
    mu, s = mu_f(x), sd_f(x)
    i, k = int(rng.integers(0, n)), int(rng.integers(0, n))
    dmu = fd(mu_f, x); dsd = fd(sd_f, x)
    z = lambda xx, aa=a, bb=b: aa * (xx - mu_f(xx)) / (sd_f(xx) + EPS) + bb
    if v in ("dmu", "dmu-one"):
        return [close(dmu[i], 1 / n if v == "dmu" else 1.0, 1e-6)]
    if v in ("dsd", "dsd-n", "dsd-sq"):
        r = {"dsd": (x[i] - mu) / (n * s), "dsd-n": (x[i] - mu) / s, "dsd-sq": (x[i] - mu) / (n * s ** 2)}[v]
        return [close(dsd[i], r, 1e-6)]
    if v in ("dza", "dza-a"):
        g = d1(lambda aa: z(x, aa=aa)[k], a)
        r = (x[k] - mu) / (s + EPS)
        return [close(g, r if v == "dza" else a * r, 1e-6)]
    if v in ("dzb", "dzb-a"):
        g = d1(lambda bb: z(x, bb=bb)[k], b)
        return [close(g, 1.0 if v == "dzb" else a, 1e-6)]
    J = jac(z, x)
    dl = 1.0 if i == k else 0.0
    core = (1 / (s + EPS)) * (dl - 1 / n)
    corr = (x[k] - mu) / (s + EPS) ** 2 * ((x[i] - mu) / (n * s))
    r = {"dzx": a * (core - corr), "dzx-sign": a * (core + corr), "dzx-noa": core - corr}[v]
    return [close(J[k, i], r, 1e-5)]


def F_sumzero(v):
    n, x, a, b = F_pt()
    mu = mu_f(x)
    if v == "ok":
        return chain([np.sum(x - mu), np.sum(x) - mu * n, n * mu - mu * n, 0.0], 1e-9, 1e-9)
    return chain([np.sum(x - mu), np.sum(x) - mu, 0.0], 1e-9, 1e-9)


def F_dzk(v):
    n, x, a, b = F_pt()
    mu, s = mu_f(x), sd_f(x)
    i, k = int(rng.integers(0, n)), int(rng.integers(0, n))
    dl = 1.0 if i == k else 0.0
    zk = lambda xx: (xx[k] - mu_f(xx)) * (sd_f(xx) + EPS) ** -1
    dmu_i = fd(mu_f, x)[i]; dsd_i = fd(sd_f, x)[i]
    m0 = fd(lambda xx: (xx[k] - mu_f(xx)) / (sd_f(xx) + EPS), x)[i]
    m1 = fd(zk, x)[i]
    m2 = (s + EPS) ** -1 * fd(lambda xx: xx[k] - mu_f(xx), x)[i] + (x[k] - mu) * fd(lambda xx: (sd_f(xx) + EPS) ** -1, x)[i]
    p = -2 if v == "ok" else -1
    m3 = 1 / (s + EPS) * (dl - dmu_i) - (x[k] - mu) * (s + EPS) ** p * (dsd_i + 0)
    m4 = 1 / (s + EPS) * (dl - dmu_i) - (x[k] - mu) / (s + EPS) ** 2 * dsd_i
    return chain([m0, m1, m2, m3, m4])


def F_dsd(v):
    n, x, a, b = F_pt()
    mu, s = mu_f(x), sd_f(x)
    i = int(rng.integers(0, n))
    var = lambda xx: np.mean((xx - mu_f(xx)) ** 2)
    dmu_i = fd(mu_f, x)[i]
    m0 = fd(sd_f, x)[i]
    m1 = fd(lambda xx: var(xx) ** 0.5, x)[i]
    m2 = 0.5 * var(x) ** -0.5 * fd(var, x)[i]
    delta = np.array([1.0 if r == i else 0.0 for r in range(n)])
    m3 = 1 / (2 * s) * (np.sum(2 * (x - mu) * (delta - dmu_i)) / n)
    f4 = 1 / (n * s) if v == "ok" else 1 / (2 * n * s)
    m4 = f4 * ((x[i] - mu) - np.sum(x - mu) * dmu_i)
    m5 = (x[i] - mu) / (n * s)
    return chain([m0, m1, m2, m3, m4, m5])


def F_dmu(v):
    n, x, a, b = F_pt()
    i = int(rng.integers(0, n))
    m0 = fd(mu_f, x)[i]
    m1 = fd(lambda xx: np.sum(xx) / n, x)[i]
    m2 = (1 / n) * (0 * (n - 1) + 1)  # (0 + ... + 0 + 1 + 0 + ... + 0)
    m3 = 1 / n if v == "ok" else x[i] / n
    return chain([m0, m1, m2, m3])


for cid, v in [("zu-sinai-dmu", "dmu"), ("zu-sinai-dmu-one", "dmu-one"), ("zu-sinai-dsigma", "dsd"), ("zu-sinai-dsigma-n", "dsd-n"),
               ("zu-sinai-dsigma-sq", "dsd-sq"), ("zu-sinai-dza", "dza"), ("zu-sinai-dza-a", "dza-a"), ("zu-sinai-dzb", "dzb"),
               ("zu-sinai-dzb-a", "dzb-a"), ("zu-sinai-dzx", "dzx"), ("zu-sinai-dzx-sign", "dzx-sign"), ("zu-sinai-dzx-noa", "dzx-noa")]:
    claim_links(cid, F_summary, v)
for cid, fn, v in [("zu-sinai-sumzero", F_sumzero, "ok"), ("zu-sinai-sumzero-n", F_sumzero, "n"),
                   ("zu-sinai-dzk-chain", F_dzk, "ok"), ("zu-sinai-dzk-chain-exp", F_dzk, "exp"),
                   ("zu-sinai-dsigma-chain", F_dsd, "ok"), ("zu-sinai-dsigma-chain-half", F_dsd, "half"),
                   ("zu-sinai-dmu-chain", F_dmu, "ok"), ("zu-sinai-dmu-chain-x", F_dmu, "x")]:
    claim_links(cid, fn, v)

DZK = r"\frac{\partial z_k}{\partial x_i} = \frac{\partial }{\partial x_i}(x_k -\mu)(\sigma + \epsilon)^{-1} = (\sigma + \epsilon)^{-1}\frac{\partial }{\partial x_i}(x_k -\mu) + (x_k -\mu)\frac{\partial }{\partial x_i}(\sigma + \epsilon)^{-1} = \frac{1}{\sigma + \epsilon}\left(\delta_{ik} - \frac{\partial \mu}{\partial x_i}\right) - (x_k -\mu)(\sigma + \epsilon)^{%s}\left(\frac{\partial \sigma}{\partial x_i} + 0\right) = \frac{1}{\sigma + \epsilon}\left(\delta_{ik} - \frac{\partial \mu}{\partial x_i}\right) - \frac{x_k -\mu}{(\sigma + \epsilon)^{2}}\frac{\partial \sigma}{\partial x_i}"
DSD = r"\frac{\partial \sigma}{\partial x_i} = \frac{\partial}{\partial x_i} \left( \frac{1}{n}\sum^n_r (x_r - \mu)^2 \right)^{\frac{1}{2}} = \frac{1}{2}\left( \frac{1}{n}\sum^n_r (x_r - \mu)^2 \right)^{-\frac{1}{2}} \frac{\partial}{\partial x_i} \left( \frac{1}{n}\sum^n_r (x_r - \mu)^2 \right) = \frac{1}{2\sigma}\left(\frac{1}{n}\sum^n_{r}2(x_r - \mu) \left(\delta_{ir} - \frac{\partial \mu}{\partial x_i}\right) \right) = \frac{1}{%sn\sigma}\left((x_i -\mu) - \sum^n_r (x_r - \mu)\frac{\partial \mu}{\partial x_i} \right) = \frac{x_i -\mu}{n\sigma}"
for S, mut in [("layernorm-sinai", False), ("layernorm-sinai-mutated", True)]:
    doc(S, r"Z^l = a^{l}\frac{X^{l}-\mu^{l}}{\sigma^{l}+\epsilon} + b^{l}")(lambda: [None])
    doc(S, r"\mu^l = \frac{1}{n}\sum_r^n x_r^l")(lambda: [None])
    doc(S, r"\sigma^l = \sqrt{\frac{1}{n}\sum^n_r (x_r^l - \mu^l)^2}")(lambda: [None])
    doc(S, r"z_1 = \frac{x_1-\mu}{\sigma+\epsilon}")(lambda: [None])
    doc(S, DZK % ("-1" if mut else "-2"))(lambda m=mut: links_of(F_dzk, "exp" if m else "ok"))
    doc(S, r"\frac{\partial \mu}{\partial x_i} = \frac{\partial}{\partial x_i} \frac{1}{n}\sum_r^n x_r = \frac{1}{n}(0 + ... + 0 + 1 + 0 + ... + 0) = \frac{1}{n}")(lambda: links_of(F_dmu, "ok"))
    doc(S, DSD % ("2" if mut else ""))(lambda m=mut: links_of(F_dsd, "half" if m else "ok"))
    doc(S, r"\sum^n_r (x_r - \mu) = \sum^n_r x_r - \mu \sum^n_r 1 = (n\mu) - \mu(n) = 0")(lambda: links_of(F_sumzero, "ok"))


# ======================= G: rollingstorms cards =======================
def G_sigd(v):
    x = rng.normal() * 2
    r = sig(x) * (1 - sig(x)) if v == "ok" else 1 - sig(x) ** 2
    return [close(d1(sig, x), r, 1e-6)]


def G_spd(v):
    x = rng.normal() * 2
    r = sig(x) if v == "ok" else sig(x) * (1 - sig(x))
    return [close(d1(softplus, x), r, 1e-6)]


def elu(x, alpha=1.0):
    return x if x > 0 else alpha * (math.exp(x) - 1)


def G_fisher(v):
    # Bernoulli(theta) and Poisson(theta): information by its definition E[(d/dtheta log p)^2]
    th = rng.uniform(0.2, 0.8)
    logp_b = lambda x, t: x * math.log(t) + (1 - x) * math.log(1 - t)
    I_b = sum(math.exp(logp_b(x, th)) * d1(lambda t: logp_b(x, t), th) ** 2 for x in (0, 1))
    lam = rng.uniform(0.5, 4)
    logp_p = lambda x, t: x * math.log(t) - t - math.lgamma(x + 1)
    ks = range(0, 80)
    I_p = sum(math.exp(logp_p(x, lam)) * d1(lambda t: logp_p(x, t), lam) ** 2 for x in ks)
    if v == "ok":
        rb = -sum(math.exp(logp_b(x, th)) * d2(lambda t: logp_b(x, t), th) for x in (0, 1))
        rp = -sum(math.exp(logp_p(x, lam)) * d2(lambda t: logp_p(x, t), lam) for x in ks)
    elif v == "sign":
        rb = sum(math.exp(logp_b(x, th)) * d2(lambda t: logp_b(x, t), th) for x in (0, 1))
        rp = sum(math.exp(logp_p(x, lam)) * d2(lambda t: logp_p(x, t), lam) for x in ks)
    else:
        rb = -sum(math.exp(logp_b(x, th)) * d1(lambda t: logp_b(x, t), th) for x in (0, 1))
        rp = -sum(math.exp(logp_p(x, lam)) * d1(lambda t: logp_p(x, t), lam) for x in ks)
    return [close(I_b, rb, 1e-4) and close(I_p, rp, 1e-4)]


def G_cekl(v):
    k = 4
    p = rng.dirichlet(np.ones(k)); q = rng.dirichlet(np.ones(k))
    H_pq = -np.sum(p * np.log(q)); H_p = -np.sum(p * np.log(p)); KL = np.sum(p * np.log(p / q))
    return [close(H_pq, H_p + KL if v == "ok" else H_p - KL)]


def G_chain(v):
    x = rng.normal()
    r = {"ok": 2 * np.sin(x) * np.cos(x), "inner": 2 * np.sin(x), "outer": 2 * np.cos(x)}[v]
    return [close(d1(lambda t: np.sin(t) ** 2, x), r, 1e-6)]


def G_hess(v):
    p = rng.normal(size=2) + 2.0
    f = lambda q: q[0] ** 2 + 3 * q[1] ** 2
    H = jac(lambda q: fd(f, q, 1e-4), p, 1e-4)
    r = {"ok": [[2, 0], [0, 6]], "3": [[2, 0], [0, 3]], "grad": [[2 * p[0], 0], [0, 6 * p[1]]]}[v]
    return [close(H, r, 1e-4, 1e-5)]


def G_jac(v):
    p = rng.normal(size=2) + 2.0
    J = jac(lambda q: np.array([q[0] + q[1], q[0] * q[1]]), p)  # J[i, j] = d f_i / d x_j
    x, y = p
    r = [[1, 1], [y, x]] if v == "ok" else [[1, y], [1, x]]
    return [close(J, r, 1e-6)]


def G_grad(v):
    p = rng.normal(size=2) + 2.0
    g = fd(lambda q: q[0] ** 2 + q[1] ** 2, p)
    return [close(g, 2 * p if v == "ok" else p, 1e-6)]


def G_part(v):
    x, y = rng.normal() + 2.0, rng.normal() + 2.0
    f = lambda a, b: a ** 2 * b + b
    if v in ("x", "x-noy"):
        return [close(d1(lambda a: f(a, y), x), 2 * x * y if v == "x" else 2 * x, 1e-6)]
    return [close(d1(lambda b: f(x, b), y), x ** 2 + 1 if v == "y" else x ** 2, 1e-6)]


def G_num(v):
    if v == "sig4":
        return [num(sig(4.0), 0.982, 0.001)]
    if v == "sig4-sign":
        return [num(sig(4.0), 0.018, 0.001)]
    if v == "sig0":
        return [num(sig(0.0), 0.5, 0.1)]
    if v == "sp0":
        return [close(softplus(0.0), math.log(2)), num(math.log(2), 0.693, 0.001)]
    if v == "sp0-log10":
        return [close(softplus(0.0), math.log(2)), num(math.log(2), 0.301, 0.001)]
    if v == "tanh2":
        return [num(math.tanh(2.0), 0.964, 0.001)]
    if v == "tanh2-sig":
        return [num(math.tanh(2.0), 0.881, 0.001)]
    if v == "tanh0":
        return [num(math.tanh(0.0), 0, 1)]
    if v == "silu0":
        return [num(0.0 * sig(0.0), 0, 1)]
    if v == "elu":
        return [close(elu(-1.0), math.exp(-1) - 1), num(math.exp(-1) - 1, -0.632, 0.001)]
    if v == "elu-m1":
        return [close(elu(-1.0), math.exp(-1) - 1), num(math.exp(-1) - 1, -0.368, 0.001)]
    if v in ("smx", "smx-lin", "smx-swap"):
        z = np.array([1.0, 2.0]); s = np.exp(z) / np.exp(z).sum()
        pr = {"smx": [0.269, 0.731], "smx-lin": [0.333, 0.667], "smx-swap": [0.731, 0.269]}[v]
        return [all(num(a, b, 0.001) for a, b in zip(s, pr))]
    if v in ("ent", "ent-nats"):
        p = np.array([0.5, 0.5]); H = -np.sum(p * np.log2(p))
        return [num(H, 1, 1) and abs(H - 1) < 1e-12] if v == "ent" else [num(H, 0.693, 0.001)]
    raise KeyError(v)


def G_deriv():
    x = rng.normal()
    return [close(d1(lambda t: t ** 2, x), 2 * x, 1e-6)]


def G_def(name):
    x = rng.normal() * 2
    if name == "sigma":
        return [close(sig(x), 1 / (1 + math.exp(-x)))]
    if name == "softplus":
        return [close(softplus(x), math.log(1 + math.exp(x)))]
    return [close(math.tanh(x), (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x)))]


for cid, fn, v in [("zu-rs-sigmoid-deriv", G_sigd, "ok"), ("zu-rs-sigmoid-deriv-tanh", G_sigd, "tanh"),
                   ("zu-rs-softplus-deriv", G_spd, "ok"), ("zu-rs-softplus-deriv-2nd", G_spd, "2nd"),
                   ("zu-rs-fisher", G_fisher, "ok"), ("zu-rs-fisher-sign", G_fisher, "sign"), ("zu-rs-fisher-first", G_fisher, "first"),
                   ("zu-rs-ce-kl", G_cekl, "ok"), ("zu-rs-ce-kl-sign", G_cekl, "sign"),
                   ("zu-rs-chain", G_chain, "ok"), ("zu-rs-chain-inner", G_chain, "inner"), ("zu-rs-chain-outer", G_chain, "outer"),
                   ("zu-rs-hessian", G_hess, "ok"), ("zu-rs-hessian-3", G_hess, "3"), ("zu-rs-hessian-grad", G_hess, "grad"),
                   ("zu-rs-jacobian", G_jac, "ok"), ("zu-rs-jacobian-T", G_jac, "T"),
                   ("zu-rs-gradient", G_grad, "ok"), ("zu-rs-gradient-2", G_grad, "half"),
                   ("zu-rs-partial-x", G_part, "x"), ("zu-rs-partial-x-noy", G_part, "x-noy"),
                   ("zu-rs-partial-y", G_part, "y"), ("zu-rs-partial-y-drop", G_part, "y-drop"),
                   ("zu-rs-sigmoid-4", G_num, "sig4"), ("zu-rs-sigmoid-4-sign", G_num, "sig4-sign"), ("zu-rs-sigmoid-0", G_num, "sig0"),
                   ("zu-rs-softplus-0", G_num, "sp0"), ("zu-rs-softplus-0-log10", G_num, "sp0-log10"),
                   ("zu-rs-tanh-2", G_num, "tanh2"), ("zu-rs-tanh-2-sigmoid", G_num, "tanh2-sig"), ("zu-rs-tanh-0", G_num, "tanh0"),
                   ("zu-rs-silu-0", G_num, "silu0"), ("zu-rs-elu", G_num, "elu"), ("zu-rs-elu-minus1", G_num, "elu-m1"),
                   ("zu-rs-softmax", G_num, "smx"), ("zu-rs-softmax-linear", G_num, "smx-lin"), ("zu-rs-softmax-swap", G_num, "smx-swap"),
                   ("zu-rs-entropy", G_num, "ent"), ("zu-rs-entropy-nats", G_num, "ent-nats")]:
    claim_links(cid, fn, v)
CHECK["zu-rs-derivative"] = lambda: all(every(G_deriv))
S = "activations-rollingstorms"
doc(S, r"\sigma(x)=\frac{1}{1+e^{-x}}")(lambda: links_of(G_def, "sigma"))
doc(S, r"\sigma'(x)=\sigma(x)(1-\sigma(x))")(lambda: links_of(G_sigd, "ok"))
doc(S, r"\sigma(0)=0.5")(lambda: G_num("sig0"))
doc(S, r"\sigma(4)\approx 0.982")(lambda: G_num("sig4"))
doc(S, r"\mathrm{Softplus}(x)=\log(1+e^x)")(lambda: links_of(G_def, "softplus"))
doc(S, r"\frac{d}{dx}\mathrm{Softplus}(x)=\sigma(x)")(lambda: links_of(G_spd, "ok"))
doc(S, r"\mathrm{Softplus}(0)=\log 2 \approx 0.693")(lambda: G_num("sp0"))
doc(S, r"\tanh(x)=\frac{e^x-e^{-x}}{e^x+e^{-x}}")(lambda: links_of(G_def, "tanh"))
doc(S, r"\tanh(2)\approx 0.964")(lambda: G_num("tanh2"))


# ======================= H: wicai weight decay =======================
def H_l2(v):
    w = rng.normal(size=4); lam = rng.uniform(0.1, 1)
    task = lambda ww: np.sum(np.sin(ww))
    loss = lambda ww: task(ww) + lam * np.sum(ww ** 2)
    r = fd(task, w) + (2 * lam * w if v == "ok" else lam * w)
    return [close(fd(loss, w), r, 1e-6)]


claim_links("zu-wicai-l2grad", H_l2, "ok")
claim_links("zu-wicai-l2grad-2", H_l2, "one")


# ======================= I: GPJax Gaussian densities =======================
def I_normal(v):
    mu, s2 = rng.normal(), rng.uniform(0.3, 3)
    ys = np.linspace(mu - 15 * math.sqrt(s2), mu + 15 * math.sqrt(s2), 40001)
    f = {"ok": 1 / np.sqrt(2 * np.pi * s2) * np.exp(-(ys - mu) ** 2 / (2 * s2)),
         "sqrt": 1 / (2 * np.pi * s2) * np.exp(-(ys - mu) ** 2 / (2 * s2)),
         "two": 1 / np.sqrt(2 * np.pi * s2) * np.exp(-(ys - mu) ** 2 / s2)}[v]
    tot = np.trapezoid(f, ys); m = np.trapezoid(ys * f, ys) / tot; var = np.trapezoid((ys - m) ** 2 * f, ys) / tot
    # a density of N(mu, s2): integrates to 1 with mean mu and variance s2
    return [close(tot, 1, 1e-6) and close(m, mu, 1e-6, 1e-6) and close(var, s2, 1e-6)]


def I_mvn():
    D = 2
    s = rng.uniform(0.5, 2, D); mu = rng.normal(size=D); y = rng.normal(size=D)
    Sig = np.diag(s ** 2)
    claimed = 1 / (np.sqrt(2 * np.pi) ** (D / 2) * np.linalg.det(Sig) ** 0.5) * np.exp(-0.5 * (y - mu) @ np.linalg.inv(Sig) @ (y - mu))
    # with a diagonal covariance the density factorises into univariate normal densities
    ref = np.prod(1 / np.sqrt(2 * np.pi * s ** 2) * np.exp(-(y - mu) ** 2 / (2 * s ** 2)))
    return [close(claimed, ref)]


def mvn_pdf(z, m, C):
    d = len(z)
    return float(np.exp(-0.5 * (z - m) @ np.linalg.solve(C, z - m)) / np.sqrt((2 * np.pi) ** d * np.linalg.det(C)))


def I_cond(v):
    dx, dy = 2, 2
    A = rng.normal(size=(dx + dy, dx + dy)); C = A @ A.T + 0.5 * np.eye(dx + dy)
    m = rng.normal(size=dx + dy); x = rng.normal(size=dx); y = rng.normal(size=dy)
    Cxx, Cxy, Cyx, Cyy = C[:dx, :dx], C[:dx, dx:], C[dx:, :dx], C[dx:, dx:]
    mx, my = m[:dx], m[dx:]
    lhs = mvn_pdf(np.r_[x, y], m, C) / mvn_pdf(x, mx, Cxx)  # p(y | x) = p(x, y) / p(x)
    K = Cyx @ np.linalg.inv(Cxx)
    mean = my + K @ ((x - mx) if v != "swap" else (mx - x))
    cov = Cyy - K @ Cxy if v != "sign" else Cyy + K @ Cxy
    return [close(lhs, mvn_pdf(y, mean, cov), 1e-8)]


for cid, fn, v in [("zu-gpjax-normal", I_normal, "ok"), ("zu-gpjax-normal-sqrt", I_normal, "sqrt"), ("zu-gpjax-normal-2", I_normal, "two"),
                   ("zu-gpjax-cond", I_cond, "ok"), ("zu-gpjax-cond-sign", I_cond, "sign"), ("zu-gpjax-cond-swap", I_cond, "swap")]:
    claim_links(cid, fn, v)
CHECK["zu-gpjax-mvn"] = lambda: all(every(I_mvn))


# ======================= run =======================
def norm(s):
    return re.sub(r"\s+", "", s.replace("&", "").replace("\\\\", ""))


def block_at(md, line):
    s = md[line - 1].strip()
    assert s.startswith("$$"), line
    if s.endswith("$$") and len(s) > 4:
        return s[2:-2]
    j = line
    body = []
    while md[j].strip() != "$$":
        body.append(md[j])
        j += 1
    return " ".join(body)


def main():
    claims = yaml.safe_load((HERE / "claims.yaml").read_text())
    ids = [c["id"] for c in claims]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(ids) == set(CHECK), (sorted(set(ids) - set(CHECK)), sorted(set(CHECK) - set(ids)))
    fams = set(ids)
    bad = 0
    nv = ni = 0
    for c in claims:
        assert c["family"] in fams, c["id"]
        holds = bool(CHECK[c["id"]]())
        want = c["expect"] == "valid"
        nv += want
        ni += not want
        if holds != want:
            bad += 1
            print(f"MISMATCH claim {c['id']}: expect {c['expect']}, numbers say {'valid' if holds else 'invalid'}")
    print(f"claims: {len(claims)} checked ({nv} valid, {ni} invalid), mismatches: {bad}")

    used = set()
    nlinks = nd = 0
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
            assert norm(lk["text"]) in norm(block_at(md, lk["line"])), (stem, lk["line"])
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
