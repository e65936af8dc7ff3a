"""Independent confirmation of every verdict in claims.yaml and docs/*.expect.yaml (part k).

Each item is re-coded by hand: both sides of every relation are written as NumPy, SymPy or
mpmath expressions and compared at random points (derivatives by central finite differences,
by SymPy differentiation of hand-written expressions, or by numerical quadrature).  Printed
numbers of worked examples must agree with the computed value to within one unit of their last
printed digit.  A claim "holds" when every link of its chain holds; a document link is checked
individually.  The script prints one line per item and exits non-zero on any failure.

Only numpy, sympy and mpmath (plus the standard library) are used; claims.yaml and the
expect files are read with a tiny line parser so that every id/verdict in them is covered.
"""

from __future__ import annotations

import math
import pathlib
import re
import sys

import mpmath as mp
import numpy as np
import sympy as sp

HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20261205)
TRIALS = 3


# ---------------------------------------------------------------------------
# comparison helpers
# ---------------------------------------------------------------------------
class Printed:
    """A number as printed in a worked example (compared up to its last digit)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.value = float(text)
        self.unit = 10.0 ** (-len(text.split(".")[1])) if "." in text else 1.0


class Loose:
    """A value built from printed (rounded, 3 significant digit) numbers: compared with rtol 5e-3,
    the propagated rounding error of a product of three such factors."""

    def __init__(self, value: float) -> None:
        self.value = float(value)


def same(a, b, rtol=1e-5, atol=1e-7) -> bool:
    if a is None or b is None:
        return False
    if isinstance(a, Printed) or isinstance(b, Printed):
        if isinstance(a, Printed) and isinstance(b, Printed):
            return a.value == b.value
        p, v = (a, b) if isinstance(a, Printed) else (b, a)
        v = v.value if isinstance(v, Loose) else float(v)
        return abs(v - p.value) <= p.unit * (1 + 1e-9)
    if isinstance(a, Loose) or isinstance(b, Loose):
        va = a.value if isinstance(a, Loose) else float(a)
        vb = b.value if isinstance(b, Loose) else float(b)
        return abs(va - vb) <= 5e-3 * max(abs(va), abs(vb), 1e-12)
    try:
        aa = np.asarray(a, dtype=float)
        bb = np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return False
    if aa.shape != bb.shape:
        return False
    return bool(np.allclose(aa, bb, rtol=rtol, atol=atol))


def mm(a, b):
    """Matrix product, or None when the shapes do not conform."""
    try:
        return np.asarray(a) @ np.asarray(b)
    except ValueError:
        return None


def fd(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def fd_grad(f, x, h=1e-6):
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        g[idx] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def contract(v, ufun, w, h=1e-6):
    """M_ij = sum_k v_k d u_k / d W_ij (vector times the Jacobian of u w.r.t. a matrix)."""
    v = np.asarray(v, dtype=float).ravel()
    out = np.zeros_like(w, dtype=float)
    for idx in np.ndindex(w.shape):
        e = np.zeros_like(w, dtype=float)
        e[idx] = h
        du = (np.ravel(ufun(w + e)) - np.ravel(ufun(w - e))) / (2 * h)
        out[idx] = v @ du
    return out


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def dsig(z):
    s = sig(z)
    return s * (1.0 - s)


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def links_hold(values) -> list[bool]:
    return [same(a, b) for a, b in zip(values, values[1:], strict=False)]


def chain_fn_holds(fn, trials=TRIALS) -> list[bool]:
    """AND over random trials of the per-link verdicts of fn(rng) -> list of values."""
    result = None
    for _ in range(trials):
        lh = links_hold(fn(RNG))
        result = lh if result is None else [a and b for a, b in zip(result, lh, strict=True)]
    return result


def sym_values(exprs, symbols, ranges=None, trials=TRIALS):
    """Evaluate SymPy expressions at random points; returns a list of per-trial value lists."""
    out = []
    for _ in range(trials):
        subs = {}
        for s in symbols:
            lo, hi = (ranges or {}).get(s, (-1.5, 1.5))
            subs[s] = RNG.uniform(lo, hi)
        vals = []
        for e in exprs:
            v = sp.N(e.subs(subs))
            vals.append(np.array(v.tolist(), dtype=float) if hasattr(v, "tolist") else float(v))
        out.append(vals)
    return out


def sym_chain_holds(exprs, symbols, ranges=None) -> list[bool]:
    result = None
    for vals in sym_values(exprs, symbols, ranges):
        lh = links_hold(vals)
        result = lh if result is None else [a and b for a, b in zip(result, lh, strict=True)]
    return result


# ---------------------------------------------------------------------------
# Victor Zhou
# ---------------------------------------------------------------------------
def vz_neuron_dot(final):
    w, b, x = np.array([0.0, 1.0]), 4.0, np.array([2.0, 3.0])
    vals = [w @ x + b, ((w[0] * x[0]) + (w[1] * x[1])) + b, 0 * 2 + 1 * 3 + 4, final]
    return links_hold(vals)


def vz_neuron_output():
    w, b, x = np.array([0.0, 1.0]), 4.0, np.array([2.0, 3.0])
    return links_hold([sig(w @ x + b), sig(7.0), Printed("0.999")])


def vz_mse(inv_n):
    mse = np.mean((np.array([1.0, 0, 0, 1]) - 0.0) ** 2)
    return links_hold([mse, inv_n * (1 + 0 + 0 + 1), Printed("0.5")])


_y = sp.Symbol("y_pred")
_x = sp.Symbol("x")
_s = sp.Symbol("s")


def f_sym(u):
    return 1 / (1 + sp.exp(-u))


def fp_sym(u):
    return sp.diff(f_sym(_s), _s).subs(_s, u)


def vz_dl_dypred(sign):
    loss = (1 - _y) ** 2
    return sym_chain_holds(
        [sp.diff(loss, _y), sp.diff((1 - _y) ** 2, _y), sign * 2 * (1 - _y)], [_y]
    )


def vz_dypred_dh1(use_prime):
    w5, w6, h1, h2, b3 = sp.symbols("w5 w6 h1 h2 b3")
    arg = w5 * h1 + w6 * h2 + b3
    rhs = w5 * (fp_sym(arg) if use_prime else f_sym(arg))
    return sym_chain_holds([sp.diff(f_sym(arg), h1), rhs], [w5, w6, h1, h2, b3])


def vz_dh1_dw1(xk):
    w1, w2, x1, x2, b1 = sp.symbols("w1 w2 x1 x2 b1")
    arg = w1 * x1 + w2 * x2 + b1
    rhs = {"x1": x1, "x2": x2}[xk] * fp_sym(arg)
    return sym_chain_holds([sp.diff(f_sym(arg), w1), rhs], [w1, w2, x1, x2, b1])


def vz_sigmoid_prime(sign):
    vals = [
        sp.diff(f_sym(_x), _x),
        sp.exp(-_x) / (1 + sp.exp(-_x)) ** 2,
        f_sym(_x) * (1 + sign * f_sym(_x)),
    ]
    return sym_chain_holds(vals, [_x])


def vz_cnn_dl_dout(sign):
    def fn(rng):
        t = rng.normal(size=5)
        p = softmax(t)
        c = int(rng.integers(5))
        grad = fd_grad(lambda q: -np.log(q[c]), p)
        cases = np.zeros(5)
        cases[c] = sign / p[c]
        return [grad, cases]

    return chain_fn_holds(fn)


def vz_cnn_dout_dtk(denominator_power):
    def fn(rng):
        t = rng.normal(size=4)
        c, k = 1, 3

        def out_c(tk):
            tt = t.copy()
            tt[k] = tk
            return np.exp(tt[c]) / np.exp(tt).sum()

        def s_of(tk):
            tt = t.copy()
            tt[k] = tk
            return np.exp(tt).sum()

        s = np.exp(t).sum()
        ec, ek = np.exp(t[c]), np.exp(t[k])
        return [
            fd(out_c, t[k]),
            -ec * s**-2 * fd(s_of, t[k]),
            -ec * s**-2 * ek,
            -ec * ek / s**denominator_power,
        ]

    return chain_fn_holds(fn)


def vz_cnn_dout_dtc(sign):
    def fn(rng):
        t = rng.normal(size=4)
        c = 2

        def out_c(tc):
            tt = t.copy()
            tt[c] = tc
            return np.exp(tt[c]) / np.exp(tt).sum()

        def s_of(tc):
            tt = t.copy()
            tt[c] = tc
            return np.exp(tt).sum()

        s = np.exp(t).sum()
        ec = np.exp(t[c])
        return [
            fd(out_c, t[c]),
            (s * ec - ec * fd(s_of, t[c])) / s**2,
            (s * ec - ec * ec) / s**2,
            ec * (s + sign * ec) / s**2,
        ]

    return chain_fn_holds(fn)


def vz_rnn_dl_dy(correct_entry):
    def fn(rng):
        y = rng.normal(size=4)
        c = int(rng.integers(4))
        p = softmax(y)
        grad = fd_grad(lambda yy: -np.log(softmax(yy)[c]), y)
        cases = p.copy()
        cases[c] = correct_entry(p[c])
        return [grad, cases]

    return chain_fn_holds(fn)


def vz_rnn_example(printed):
    p = np.array([0.2, 0.2, 0.6])
    y = np.log(p)
    grad = fd_grad(lambda yy: -np.log(softmax(yy)[0]), y)
    return links_hold([grad, np.array(printed)])


def vz_tanh():
    def fn(rng):
        x = rng.normal()
        return [fd(np.tanh, x), 1 - np.tanh(x) ** 2]

    return chain_fn_holds(fn)


def vz_rnn_dwxh(use_prime):
    def fn(rng):
        wxh, x, whh, hp, bh = rng.normal(size=5)

        def h_of(w):
            return np.tanh(w * x + whh * hp + bh)

        h = h_of(wxh)
        return [fd(h_of, wxh), ((1 - h**2) if use_prime else h) * x]

    return chain_fn_holds(fn)


# ---------------------------------------------------------------------------
# Peter Roelants
# ---------------------------------------------------------------------------
def pr_logistic_deriv(with_inner_minus):
    def fn(rng):
        z = rng.normal()
        e = np.exp(-z)
        step = -1 / (1 + e) ** 2 * e * (-1 if with_inner_minus else 1)
        return [
            fd(sig, z),
            fd(sig, z),
            fd(lambda u: 1 / (1 + np.exp(-u)), z),
            step,
            1 / (1 + e) * e / (1 + e),
        ]

    return chain_fn_holds(fn)


def pr_logistic_deriv_y(sign):
    def fn(rng):
        z = rng.normal()
        e = np.exp(-z)
        y = sig(z)
        return [fd(sig, z), 1 / (1 + e) * e / (1 + e), sig(z) * (1 - sig(z)), y * (1 + sign * y)]

    return chain_fn_holds(fn)


def pr_log_odds():
    def fn(rng):
        z = rng.normal()
        p1, p0 = sig(z), 1 - sig(z)
        e = np.exp(-z)
        return [
            np.log(p1 / p0),
            np.log((1 / (1 + e)) / (e / (1 + e))),
            np.log(1 / e),
            np.log(1) - np.log(e),
            z,
        ]

    return chain_fn_holds(fn)


def xi_binary(t, y):
    return -t * np.log(y) - (1 - t) * np.log(1 - y)


def pr_dxi_dy(swapped):
    def fn(rng):
        t, y = rng.uniform(0.05, 0.95, size=2)
        d1 = fd(lambda u: -t * np.log(u), y)
        d2 = fd(lambda u: -(1 - t) * np.log(1 - u), y)
        last = (t - y) / (y * (1 - y)) if swapped else (y - t) / (y * (1 - y))
        return [
            fd(lambda u: xi_binary(t, u), y),
            fd(lambda u: xi_binary(t, u), y),
            d1 + d2,
            -t / y + (1 - t) / (1 - y),
            last,
        ]

    return chain_fn_holds(fn)


def pr_dxi_dz(swapped):
    def fn(rng):
        t, z = rng.uniform(0.05, 0.95), rng.normal()
        y = sig(z)
        return [
            fd(lambda u: xi_binary(t, sig(u)), z),
            fd(sig, z) * fd(lambda u: xi_binary(t, u), y),
            y * (1 - y) * (y - t) / (y * (1 - y)),
            (t - y) if swapped else (y - t),
        ]

    return chain_fn_holds(fn)


def pr_softmax_diag(last_index_j):
    def fn(rng):
        z = rng.normal(size=4)
        i, j = 1, 3
        sc = np.exp(z).sum()
        ez = np.exp(z[i])
        y = softmax(z)

        def yi(u):
            zz = z.copy()
            zz[i] = u
            return softmax(zz)[i]

        def yi_explicit(u):
            zz = z.copy()
            zz[i] = u
            return np.exp(zz[i]) / np.exp(zz).sum()

        last = y[i] * (1 - y[j if last_index_j else i])
        return [
            fd(yi, z[i]),
            fd(yi_explicit, z[i]),
            (ez * sc - ez * ez) / sc**2,
            ez / sc * (sc - ez) / sc,
            ez / sc * (1 - ez / sc),
            last,
        ]

    return chain_fn_holds(fn)


def pr_softmax_offdiag(sign):
    def fn(rng):
        z = rng.normal(size=4)
        i, j = 0, 2
        sc = np.exp(z).sum()
        y = softmax(z)

        def yi(u):
            zz = z.copy()
            zz[j] = u
            return softmax(zz)[i]

        def yi_explicit(u):
            zz = z.copy()
            zz[j] = u
            return np.exp(zz[i]) / np.exp(zz).sum()

        return [
            fd(yi, z[j]),
            fd(yi_explicit, z[j]),
            (0 - np.exp(z[i]) * np.exp(z[j])) / sc**2,
            -np.exp(z[i]) / sc * np.exp(z[j]) / sc,
            sign * y[i] * y[j],
        ]

    return chain_fn_holds(fn)


def pr_softmax_ce_grad(swapped):
    def fn(rng):
        z = rng.normal(size=5)
        t = np.zeros(5)
        t[int(rng.integers(5))] = 1.0
        grad = fd_grad(lambda zz: -(t * np.log(softmax(zz))).sum(), z)
        y = softmax(z)
        return [grad, (t - y) if swapped else (y - t)]

    return chain_fn_holds(fn)


def pr_sq_dxi_dy(factor):
    def fn(rng):
        t, y = rng.normal(size=2)
        return [
            fd(lambda u: (t - u) ** 2, y),
            fd(lambda u: (t - u) ** 2, y),
            -factor * (t - y),
            factor * (y - t),
        ]

    return chain_fn_holds(fn)


def pr_lin_dy_dw():
    def fn(rng):
        x, w = rng.normal(size=2)
        return [fd(lambda u: x * u, w), fd(lambda u: x * u, w), x]

    return chain_fn_holds(fn)


def pr_lin_delta_w(swapped):
    def fn(rng):
        x, w, t, mu = rng.normal(size=4)
        y = x * w
        dw = mu * fd(lambda u: (t - x * u) ** 2, w)
        return [dw, dw, mu * 2 * x * ((t - y) if swapped else (y - t))]

    return chain_fn_holds(fn)


def pr_lin_batch(factor):
    def fn(rng):
        n = 7
        x, t = rng.normal(size=n), rng.normal(size=n)
        w, mu = rng.normal(size=2)
        dw = mu * fd(lambda u: np.mean((t - x * u) ** 2), w)
        return [dw, mu * factor * np.mean(x * (x * w - t))]

    return chain_fn_holds(fn)


def pr_logreg_dxi_dw(swapped):
    def fn(rng):
        x, w = rng.normal(size=2), rng.normal(size=2)
        t = float(rng.integers(2))
        z = x @ w
        y = sig(z)
        g = fd_grad(lambda ww: xi_binary(t, sig(x @ ww)), w)
        prod = fd(lambda u: xi_binary(t, u), y) * fd(sig, z) * x
        return [
            g,
            prod,
            x * y * (1 - y) * (y - t) / (y * (1 - y)),
            x * ((t - y) if swapped else (y - t)),
        ]

    return chain_fn_holds(fn)


def nn_setup(rng):
    n = 5
    x = rng.normal(size=(n, 2))
    wh, bh = rng.normal(size=(2, 3)), rng.normal(size=(1, 3))
    wo, bo = rng.normal(size=(3, 2)), rng.normal(size=(1, 2))
    t = np.zeros((n, 2))
    t[np.arange(n), rng.integers(2, size=n)] = 1.0
    return x, wh, bh, wo, bo, t


def ce_from_zo(zo, t):
    return -(t * np.log(softmax_rows(zo))).sum()


def pr_nn_delta_o(swapped):
    def fn(rng):
        x, wh, bh, wo, bo, t = nn_setup(rng)
        h = sig(x @ wh + bh)
        zo = h @ wo + bo
        y = softmax_rows(zo)
        delta = fd_grad(lambda zz: ce_from_zo(zz, t), zo)
        return [delta, delta, (t - y) if swapped else (y - t)]

    return chain_fn_holds(fn)


def pr_nn_dwo(transposed):
    def fn(rng):
        x, wh, bh, wo, bo, t = nn_setup(rng)
        h = sig(x @ wh + bh)
        y = softmax_rows(h @ wo + bo)
        grad = fd_grad(lambda ww: ce_from_zo(h @ ww + bo, t), wo)
        delta = y - t
        if transposed:
            return [grad, mm((y - t).T, h), mm(delta.T, h)]
        return [grad, mm(h.T, y - t), mm(h.T, delta)]

    return chain_fn_holds(fn)


def pr_nn_delta_h(with_sigma_prime):
    def fn(rng):
        x, wh, bh, wo, bo, t = nn_setup(rng)
        zh = x @ wh + bh
        h = sig(zh)
        delta_o = softmax_rows(h @ wo + bo) - t
        grad = fd_grad(lambda zz: ce_from_zo(sig(zz) @ wo + bo, t), zh)
        back = delta_o @ wo.T
        rhs = h * (1 - h) * back if with_sigma_prime else h * back
        return [grad, grad, rhs]

    return chain_fn_holds(fn)


def pr_nn_dwh(order_swapped):
    def fn(rng):
        x, wh, bh, wo, bo, t = nn_setup(rng)
        zh = x @ wh + bh
        h = sig(zh)
        delta_o = softmax_rows(h @ wo + bo) - t
        delta_h = h * (1 - h) * (delta_o @ wo.T)
        grad = fd_grad(lambda ww: ce_from_zo(sig(x @ ww + bh) @ wo + bo, t), wh)
        return [grad, mm(delta_h.T, x) if order_swapped else mm(x.T, delta_h)]

    return chain_fn_holds(fn)


# ---------------------------------------------------------------------------
# Sudeep Raja (3-layer net without biases, f1 = tanh, f2 = logistic, f3 = tanh)
# ---------------------------------------------------------------------------
F1, F2, F3 = np.tanh, sig, np.tanh


def dtanh(u):
    return 1 - np.tanh(u) ** 2


D1, D2, D3 = dtanh, dsig, dtanh


def sr_setup(rng):
    x0 = rng.normal(size=(4, 1))
    w1, w2, w3 = rng.normal(size=(5, 4)), rng.normal(size=(3, 5)), rng.normal(size=(2, 3))
    t = rng.normal(size=(2, 1))
    return x0, w1, w2, w3, t


def sr_forward(x0, w1, w2, w3):
    x1 = F1(w1 @ x0)
    x2 = F2(w2 @ x1)
    x3 = F3(w3 @ x2)
    return x1, x2, x3


def sr_loss(x0, w1, w2, w3, t):
    x3 = sr_forward(x0, w1, w2, w3)[2]
    return 0.5 * float(((x3 - t) ** 2).sum())  # E = 1/2 ||z - t||^2 with z = x_3


def sr_deltas(x0, w1, w2, w3, t):
    x1, x2, x3 = sr_forward(x0, w1, w2, w3)
    d3 = (x3 - t) * D3(w3 @ x2)
    d2 = (w3.T @ d3) * D2(w2 @ x1)
    d1 = (w2.T @ d2) * D1(w1 @ x0)
    return x1, x2, x3, d1, d2, d3


def sr_claim(variant):
    def fn(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3, d1, d2, d3 = sr_deltas(x0, w1, w2, w3, t)
        g3 = fd_grad(lambda w: sr_loss(x0, w1, w2, w, t), w3)
        g1 = fd_grad(lambda w: sr_loss(x0, w, w2, w3, t), w1)
        if variant == "dW3":
            return [g3, ((x3 - t) * D3(w3 @ x2)) @ x2.T]
        if variant == "dW3-sigma":
            return [g3, ((x3 - t) * F3(w3 @ x2)) @ x2.T]
        if variant == "dW3-delta":
            return [g3, d3 @ x2.T]
        if variant == "dW3-delta-transpose":
            return [g3, x2 @ d3.T]
        if variant == "dW1":
            return [g1, ((w2.T @ d2) * D1(w1 @ x0)) @ x0.T]
        if variant == "dW1-transpose":
            back = mm(w2, d2)
            return [g1, None if back is None else (back * D1(w1 @ x0)) @ x0.T]
        raise ValueError(variant)

    return chain_fn_holds(fn)


def sr_dwi():
    def fn(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3, d1, d2, d3 = sr_deltas(x0, w1, w2, w3, t)
        g1 = fd_grad(lambda w: sr_loss(x0, w, w2, w3, t), w1)
        g2 = fd_grad(lambda w: sr_loss(x0, w1, w, w3, t), w2)
        g3 = fd_grad(lambda w: sr_loss(x0, w1, w2, w, t), w3)
        lhs = np.concatenate([g1.ravel(), g2.ravel(), g3.ravel()])
        rhs = np.concatenate([(d1 @ x0.T).ravel(), (d2 @ x1.T).ravel(), (d3 @ x2.T).ravel()])
        return [lhs, rhs]

    return chain_fn_holds(fn)


def sr_linreg(coef):
    def fn(rng):
        a, b, x = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
        g = fd_grad(lambda xx: (b - a @ xx) @ (b - a @ xx), x)
        return [g, coef * a.T @ (b - a @ x)]

    return chain_fn_holds(fn)


# ---------------------------------------------------------------------------
# Agustinus Kristiadi (wiseodd)
# ---------------------------------------------------------------------------
def wo_normal_expand(cross_coef):
    def fn(rng):
        x, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
        r = y - x @ w
        val = 0.5 * np.linalg.norm(r) ** 2
        return [
            val,
            0.5 * np.linalg.norm(r) ** 2,
            0.5 * r @ r,
            0.5 * (y @ y - cross_coef * w @ x.T @ y + w @ x.T @ x @ w),
        ]

    return chain_fn_holds(fn)


def wo_cae(with_prime):
    def fn(rng):
        wi, xi = rng.normal(size=2)

        def h_of(xx):
            return sig(wi * xx)

        u = wi * xi
        h = sig(u)
        last = (h * (1 - h) if with_prime else h) * wi
        return [
            fd(h_of, xi),
            fd(lambda xx: sig(wi * xx), xi),
            fd(sig, u) * fd(lambda xx: wi * xx, xi),
            sig(u) * (1 - sig(u)) * wi,
            last,
        ]

    return chain_fn_holds(fn)


_a, _b = sp.symbols("a b")
_p_generic = sp.exp(-((_x - _a) ** 2) / 2 - _b**2) * (2 + sp.sin(_a * _b + _x))


def hess(expr, vs):
    return sp.Matrix([[sp.diff(expr, u, v) for v in vs] for u in vs])


def grad_col(expr, vs):
    return sp.Matrix([sp.diff(expr, v) for v in vs])


def wo_hessian_log(variant):
    p = _p_generic
    vs = [_a, _b]
    g = grad_col(p, vs)
    hp = hess(p, vs)
    h_log = hess(sp.log(p), vs)
    jac = (g / p).jacobian(vs)
    e2 = (hp * p - g * g.T) / (p * p)
    e3 = hp * p / (p * p) - g * g.T / (p * p)
    e4 = hp / p - (g / p) * (g / p).T
    if variant == "valid":
        exprs = [h_log, jac, e2, e3, e4]
    elif variant == "sign":
        exprs = [h_log, jac, (hp * p + g * g.T) / (p * p)]
    else:
        exprs = [h_log, hp / p - g * g.T / p]
    return sym_chain_holds(exprs, [_a, _b, _x])


def beta_pdf(x, a, b):
    return x ** (a - 1) * (1 - x) ** (b - 1) / mp.beta(a, b)


def beta_score(x, a, b):
    return [
        mp.log(x) - mp.digamma(a) + mp.digamma(a + b),
        mp.log(1 - x) - mp.digamma(b) + mp.digamma(a + b),
    ]


def quad01(f):
    return float(mp.quad(f, [0, 0.5, 1]))


def wo_score_mean_zero(weighted):
    def fn(rng):
        a, b = rng.uniform(2.0, 4.0, size=2)
        h = 1e-5

        def comp(k):
            return lambda x: beta_pdf(x, a, b) * beta_score(x, a, b)[k]

        e_s = np.array([quad01(comp(0)), quad01(comp(1))])
        if not weighted:
            unweighted = np.array(
                [quad01(lambda x: beta_score(x, a, b)[0]), quad01(lambda x: beta_score(x, a, b)[1])]
            )
            # grad p / p without the density weight
            ratio = np.array(
                [
                    quad01(
                        lambda x: (
                            (beta_pdf(x, a + h, b) - beta_pdf(x, a - h, b))
                            / (2 * h)
                            / beta_pdf(x, a, b)
                        )
                    ),
                    quad01(
                        lambda x: (
                            (beta_pdf(x, a, b + h) - beta_pdf(x, a, b - h))
                            / (2 * h)
                            / beta_pdf(x, a, b)
                        )
                    ),
                ]
            )
            return [e_s, e_s, unweighted, ratio]
        grad_p = np.array(
            [
                quad01(lambda x: (beta_pdf(x, a + h, b) - beta_pdf(x, a - h, b)) / (2 * h)),
                quad01(lambda x: (beta_pdf(x, a, b + h) - beta_pdf(x, a, b - h)) / (2 * h)),
            ]
        )
        ratio_times_p = grad_p  # (grad p / p) * p, integrated
        grad_int = np.array(
            [
                (quad01(lambda x: beta_pdf(x, a + h, b)) - quad01(lambda x: beta_pdf(x, a - h, b)))
                / (2 * h),
                (quad01(lambda x: beta_pdf(x, a, b + h)) - quad01(lambda x: beta_pdf(x, a, b - h)))
                / (2 * h),
            ]
        )
        zero = np.zeros(2)
        return [e_s, e_s, e_s, ratio_times_p, grad_p, grad_int, zero, zero]

    return chain_fn_holds(fn, trials=2)


_m1, _s1, _m2, _s2 = sp.symbols("m1 s1 m2 s2", positive=True)
KL_SYM = sp.log(_s2 / _s1) + (_s1**2 + (_m1 - _m2) ** 2) / (2 * _s2**2) - sp.Rational(1, 2)
E_LOG_P_OTHER = -sp.log(_s2 * sp.sqrt(2 * sp.pi)) - (_s1**2 + (_m1 - _m2) ** 2) / (2 * _s2**2)


def gauss_pdf(x, m, s):
    return mp.exp(-((x - m) ** 2) / (2 * s**2)) / (s * mp.sqrt(2 * mp.pi))


def gauss_score(x, m, s):
    return [(x - m) / s**2, -1 / s + (x - m) ** 2 / s**3]


def gauss_hess(x, m, s):
    return [
        [-1 / s**2, -2 * (x - m) / s**3],
        [-2 * (x - m) / s**3, 1 / s**2 - 3 * (x - m) ** 2 / s**4],
    ]


def quad_r(f):
    return float(mp.quad(f, [-mp.inf, 0, mp.inf]))


def sym_eval(expr, subs):
    v = expr.subs(subs)
    if hasattr(v, "tolist"):
        return np.array(sp.N(v).tolist(), dtype=float)
    return float(sp.N(v))


def wo_kl_grad(sign):
    def fn(rng):
        m1, m2 = rng.normal(size=2)
        s1, s2 = rng.uniform(0.6, 1.6, size=2)
        subs = {_m1: m1, _s1: s1, _m2: m2, _s2: s2}
        g_kl = np.array([sym_eval(sp.diff(KL_SYM, v), subs) for v in (_m2, _s2)])
        g_split = np.array([0.0 - sym_eval(sp.diff(E_LOG_P_OTHER, v), subs) for v in (_m2, _s2)])
        e_score = np.array(
            [
                quad_r(lambda x, k=k: gauss_pdf(x, m1, s1) * gauss_score(x, m2, s2)[k])
                for k in (0, 1)
            ]
        )
        return [g_kl, g_split, sign * e_score, sign * e_score]

    return chain_fn_holds(fn, trials=2)


def wo_kl_hessian(sign):
    def fn(rng):
        m1, m2 = rng.normal(size=2)
        s1, s2 = rng.uniform(0.6, 1.6, size=2)
        subs = {_m1: m1, _s1: s1, _m2: m2, _s2: s2}
        h_kl = sym_eval(hess(KL_SYM, [_m2, _s2]), subs)
        integ = np.array(
            [
                [
                    quad_r(lambda x, i=i, j=j: gauss_pdf(x, m1, s1) * gauss_hess(x, m2, s2)[i][j])
                    for j in (0, 1)
                ]
                for i in (0, 1)
            ]
        )
        return [h_kl, sign * integ]

    return chain_fn_holds(fn, trials=2)


def wo_kl_hessian_fisher(sign):
    def fn(rng):
        m = rng.normal()
        s = rng.uniform(0.6, 1.6)
        subs = {_m1: m, _s1: s, _m2: m, _s2: s}
        h_kl = sym_eval(hess(KL_SYM, [_m2, _s2]), subs)
        integ = np.array(
            [
                [
                    quad_r(lambda x, i=i, j=j: gauss_pdf(x, m, s) * gauss_hess(x, m, s)[i][j])
                    for j in (0, 1)
                ]
                for i in (0, 1)
            ]
        )
        fisher = np.array(
            [
                [
                    quad_r(
                        lambda x, i=i, j=j: (
                            gauss_pdf(x, m, s) * gauss_score(x, m, s)[i] * gauss_score(x, m, s)[j]
                        )
                    )
                    for j in (0, 1)
                ]
                for i in (0, 1)
            ]
        )
        return [h_kl, -integ, -integ, -integ, sign * fisher]

    return chain_fn_holds(fn, trials=2)


# ---------------------------------------------------------------------------
# Brian Keng
# ---------------------------------------------------------------------------
def bk_logit(sign):
    def fn(rng):
        x = rng.uniform(1.0, 250.0)

        def h(u):
            v = 0.9 * u / 256 + 0.05
            return np.log(v / (1 - v))

        v = 0.9 * x / 256 + 0.05
        return [fd(h, x, 1e-4), 0.9 / 256 * (1 / v + sign / (1 - v))]

    return chain_fn_holds(fn)


_X, _Y, _YP, _YPP = sp.symbols("X Y YP YPP")


def total_dx(expr):
    """d/dx of an expression in (X, Y, YP) along a curve y(x)."""
    return sp.diff(expr, _X) + sp.diff(expr, _Y) * _YP + sp.diff(expr, _YP) * _YPP


def euler_lagrange(lag):
    return sp.diff(lag, _Y) - total_dx(sp.diff(lag, _YP))


def curve(x):
    y = 0.3 + 0.5 * np.sin(2 * x) + 0.2 * x
    yp = np.cos(2 * x) + 0.2
    ypp = -2 * np.sin(2 * x)
    return y, yp, ypp


def gateaux_matches(lag, el):
    """Check that el is the functional derivative of F[y] = int_0^1 lag dx (weak form)."""
    lag_f = sp.lambdify((_X, _Y, _YP), lag, "mpmath")
    el_f = sp.lambdify((_X, _Y, _YP, _YPP), el, "mpmath")

    def big_f(eps):
        def integrand(x):
            y, yp, _ = curve(float(x))
            eta = mp.sin(mp.pi * x) ** 2
            etap = 2 * mp.pi * mp.sin(mp.pi * x) * mp.cos(mp.pi * x)
            return lag_f(x, y + eps * eta, yp + eps * etap)

        return mp.quad(integrand, [0, 1])

    h = 1e-5
    lhs = float((big_f(h) - big_f(-h)) / (2 * h))

    def weak(x):
        y, yp, ypp = curve(float(x))
        return el_f(x, y, yp, ypp) * mp.sin(mp.pi * x) ** 2

    rhs = float(mp.quad(weak, [0, 1]))
    return abs(lhs - rhs) <= 1e-5 * max(1.0, abs(rhs))


def bk_funcderiv(lag, candidates):
    """Chain [delta F / delta y, candidates...] evaluated pointwise along the test curve."""
    el = euler_lagrange(lag)
    weak_ok = gateaux_matches(lag, el)
    result = None
    for _ in range(TRIALS):
        x = RNG.uniform(0.05, 0.95)
        y, yp, ypp = curve(x)
        subs = {_X: x, _Y: y, _YP: yp, _YPP: ypp}
        vals = [float(el.subs(subs))] + [float(c.subs(subs)) for c in candidates]
        lh = links_hold(vals)
        result = lh if result is None else [p and q for p, q in zip(result, lh, strict=True)]
    result[0] = result[0] and weak_ok
    return result


def bk_funcderiv_exp(sign):
    lag = _X**3 * sp.exp(-_Y)
    return bk_funcderiv(
        lag, [sp.diff(lag, _Y), sp.diff(_X**3 * sp.exp(-_Y), _Y), sign * _X**3 * sp.exp(-_Y)]
    )


def bk_funcderiv_poly(printed_tail):
    lag = _X**2 * _Y**3 * _YP**4
    cands = [
        sp.diff(lag, _Y) - total_dx(sp.diff(lag, _YP)),
        3 * _X**2 * _Y**2 * _YP**4 - 4 * total_dx(_X**2 * _Y**3 * _YP**3),
    ]
    if printed_tail:
        cands.append(3 * _X**2 * _Y**2 * _YP**4 - 8 * _X * _Y**3 * _YP**3)
    return bk_funcderiv(lag, cands)


def bk_multinomial(sign):
    def fn(rng):
        xs = rng.integers(0, 9, size=6).astype(float)
        p = rng.uniform(0.05, 0.5, size=6)
        k = int(rng.integers(6))
        const = math.lgamma(xs.sum() + 1) - sum(math.lgamma(v + 1) for v in xs)

        def f(pp):
            return const + (xs * np.log(pp)).sum()

        return [fd_grad(f, p)[k], sign * xs[k] / p[k]]

    return chain_fn_holds(fn)


def bk_energy(kin_coef):
    def fn(rng):
        m, qp, u = rng.uniform(0.5, 2.0), rng.normal(), rng.normal()
        kin = 0.5 * m * qp**2

        def lag(v):
            return 0.5 * m * v**2 - u

        lval = lag(qp)
        return [
            fd(lag, qp) * qp - lval,
            fd(lambda v: 0.5 * m * v**2 - u, qp) * qp - lval,
            m * qp * qp - lval,
            kin_coef * kin - (kin - u),
            kin + u,
        ]

    return chain_fn_holds(fn)


# ---------------------------------------------------------------------------
# krasing / nn
# ---------------------------------------------------------------------------
def kr_f(y):
    return np.sin(y) + y**2


def kr_scalar(variable, last):
    def fn(rng):
        w, x, b = rng.normal(size=3)
        y = w * x + b
        fprime = fd(kr_f, y)
        if variable == "x":
            return [
                fd(lambda u: kr_f(w * u + b), x),
                fprime * fd(lambda u: w * u + b, x),
                fprime * {"w": w, "x": x}[last],
            ]
        if variable == "w":
            return [
                fd(lambda u: kr_f(u * x + b), w),
                fprime * fd(lambda u: u * x + b, w),
                fprime * {"w": w, "x": x}[last],
            ]
        return [fd(lambda u: kr_f(w * x + u), b), fprime * fd(lambda u: w * x + u, b), fprime * 1]

    return chain_fn_holds(fn)


def kr_rowvec(which, transpose_w=True):
    def fn(rng):
        m, h = 4, 3
        x, w, b = rng.normal(size=(1, m)), rng.normal(size=(m, h)), rng.normal(size=(1, h))
        c = rng.normal(size=(h, 1))

        def loss_y(yy):
            return float(np.sin(yy).sum() + ((yy @ c) ** 2).sum())

        y = x @ w + b
        yg = fd_grad(loss_y, y)
        if which == "x":
            jac = np.zeros((h, m))
            for j in range(m):
                e = np.zeros((1, m))
                e[0, j] = 1e-6
                jac[:, j] = (((x + e) @ w + b) - ((x - e) @ w + b)).ravel() / 2e-6
            xg = fd_grad(lambda xx: loss_y(xx @ w + b), x)
            return [xg, yg @ jac, yg @ jac, mm(yg, w.T if transpose_w else w)]
        jac = np.eye(h)
        bg = fd_grad(lambda bb: loss_y(x @ w + bb), b)
        return [bg, yg @ jac, yg @ jac, yg]

    return chain_fn_holds(fn)


def kr_sigmoid_form(sign):
    def fn(rng):
        z = rng.normal()
        return [1 / (1 + np.exp(-z)), np.exp(sign * z) / (np.exp(sign * z) + np.exp(0))]

    return chain_fn_holds(fn)


# ---------------------------------------------------------------------------
# registry of claims: id -> callable returning per-link verdicts
# ---------------------------------------------------------------------------
CLAIMS = {
    "k-vz-neuron-dot": lambda: vz_neuron_dot(7),
    "k-vz-neuron-dot-arith": lambda: vz_neuron_dot(8),
    "k-vz-neuron-output": vz_neuron_output,
    "k-vz-mse-example": lambda: vz_mse(1 / 4),
    "k-vz-mse-example-half": lambda: vz_mse(1 / 2),
    "k-vz-dL-dypred": lambda: vz_dl_dypred(-1),
    "k-vz-dL-dypred-sign": lambda: vz_dl_dypred(1),
    "k-vz-dypred-dh1": lambda: vz_dypred_dh1(True),
    "k-vz-dypred-dh1-sigma": lambda: vz_dypred_dh1(False),
    "k-vz-dh1-dw1": lambda: vz_dh1_dw1("x1"),
    "k-vz-dh1-dw1-index": lambda: vz_dh1_dw1("x2"),
    "k-vz-sigmoid-prime": lambda: vz_sigmoid_prime(-1),
    "k-vz-sigmoid-prime-sign": lambda: vz_sigmoid_prime(1),
    "k-vz-alice-h1": lambda: links_hold([sig(-2 + -1 + 0), Printed("0.0474")]),
    "k-vz-dypred-dh1-num": lambda: links_hold(
        [1 * dsig(0.0474 + 0.0474 + 0), sig(0.0948) * (1 - sig(0.0948)), Printed("0.249")]
    ),
    "k-vz-dh1-dw1-num": lambda: links_hold(
        [-2 * dsig(-2 + -1 + 0), -2 * sig(-3) * (1 - sig(-3)), Printed("-0.0904")]
    ),
    "k-vz-dh1-dw1-num-half": lambda: links_hold(
        [-2 * dsig(-2 + -1 + 0), -2 * sig(-3) * (1 - sig(-3)), Printed("-0.0452")]
    ),
    "k-vz-dL-dw1-num": lambda: links_hold([-0.952 * 0.249 * -0.0904, Printed("0.0214")]),
    "k-vz-dL-dw1-num-sign": lambda: links_hold([-0.952 * 0.249 * -0.0904, Printed("-0.0214")]),
    "k-vz-softmax-denominator": lambda: links_hold(
        [
            np.exp([-1.0, 0, 3, 5]).sum(),
            np.exp(-1) + np.exp(0) + np.exp(3) + np.exp(5),
            Printed("169.87"),
        ]
    ),
    "k-vz-cnn-dL-dout": lambda: vz_cnn_dl_dout(-1),
    "k-vz-cnn-dL-dout-sign": lambda: vz_cnn_dl_dout(1),
    "k-vz-cnn-dout-dtk": lambda: vz_cnn_dout_dtk(2),
    "k-vz-cnn-dout-dtk-factor": lambda: vz_cnn_dout_dtk(1),
    "k-vz-cnn-dout-dtc": lambda: vz_cnn_dout_dtc(-1),
    "k-vz-cnn-dout-dtc-sign": lambda: vz_cnn_dout_dtc(1),
    "k-vz-rnn-dL-dy": lambda: vz_rnn_dl_dy(lambda pc: pc - 1),
    "k-vz-rnn-dL-dy-sign": lambda: vz_rnn_dl_dy(lambda pc: 1 - pc),
    "k-vz-rnn-dL-dy-example": lambda: vz_rnn_example([-0.8, 0.2, 0.6]),
    "k-vz-tanh-prime": vz_tanh,
    "k-vz-rnn-dht-dWxh": lambda: vz_rnn_dwxh(True),
    "k-vz-rnn-dht-dWxh-sigma": lambda: vz_rnn_dwxh(False),
    "k-pr-logistic-deriv": lambda: pr_logistic_deriv(True),
    "k-pr-logistic-deriv-sign": lambda: pr_logistic_deriv(False),
    "k-pr-logistic-deriv-y": lambda: pr_logistic_deriv_y(-1),
    "k-pr-logistic-deriv-y-sign": lambda: pr_logistic_deriv_y(1),
    "k-pr-log-odds": pr_log_odds,
    "k-pr-dxi-dy": lambda: pr_dxi_dy(False),
    "k-pr-dxi-dy-swapped": lambda: pr_dxi_dy(True),
    "k-pr-dxi-dz": lambda: pr_dxi_dz(False),
    "k-pr-dxi-dz-swapped": lambda: pr_dxi_dz(True),
    "k-pr-softmax-diag": lambda: pr_softmax_diag(False),
    "k-pr-softmax-diag-index": lambda: pr_softmax_diag(True),
    "k-pr-softmax-offdiag": lambda: pr_softmax_offdiag(-1),
    "k-pr-softmax-offdiag-sign": lambda: pr_softmax_offdiag(1),
    "k-pr-softmax-ce-grad": lambda: pr_softmax_ce_grad(False),
    "k-pr-softmax-ce-grad-swapped": lambda: pr_softmax_ce_grad(True),
    "k-pr-sq-dxi-dy": lambda: pr_sq_dxi_dy(2),
    "k-pr-sq-dxi-dy-factor": lambda: pr_sq_dxi_dy(1),
    "k-pr-lin-dy-dw": pr_lin_dy_dw,
    "k-pr-lin-delta-w": lambda: pr_lin_delta_w(False),
    "k-pr-lin-delta-w-swapped": lambda: pr_lin_delta_w(True),
    "k-pr-lin-delta-w-batch": lambda: pr_lin_batch(2),
    "k-pr-lin-delta-w-batch-factor": lambda: pr_lin_batch(1),
    "k-pr-logreg-dxi-dw": lambda: pr_logreg_dxi_dw(False),
    "k-pr-logreg-dxi-dw-swapped": lambda: pr_logreg_dxi_dw(True),
    "k-pr-nn-delta-o": lambda: pr_nn_delta_o(False),
    "k-pr-nn-delta-o-swapped": lambda: pr_nn_delta_o(True),
    "k-pr-nn-dWo": lambda: pr_nn_dwo(False),
    "k-pr-nn-dWo-transpose": lambda: pr_nn_dwo(True),
    "k-pr-nn-delta-h": lambda: pr_nn_delta_h(True),
    "k-pr-nn-delta-h-sigma": lambda: pr_nn_delta_h(False),
    "k-pr-nn-dWh": lambda: pr_nn_dwh(False),
    "k-pr-nn-dWh-order": lambda: pr_nn_dwh(True),
    "k-sr-dW3": lambda: sr_claim("dW3"),
    "k-sr-dW3-sigma": lambda: sr_claim("dW3-sigma"),
    "k-sr-dW3-delta": lambda: sr_claim("dW3-delta"),
    "k-sr-dW3-delta-transpose": lambda: sr_claim("dW3-delta-transpose"),
    "k-sr-dW1": lambda: sr_claim("dW1"),
    "k-sr-dW1-transpose": lambda: sr_claim("dW1-transpose"),
    "k-sr-dWi": sr_dwi,
    "k-sr-linreg-grad": lambda: sr_linreg(-2),
    "k-sr-linreg-grad-sign": lambda: sr_linreg(2),
    "k-sr-linreg-grad-factor": lambda: sr_linreg(-1),
    "k-wo-normal-expand": lambda: wo_normal_expand(2),
    "k-wo-normal-expand-factor": lambda: wo_normal_expand(1),
    "k-wo-cae-jacobian": lambda: wo_cae(True),
    "k-wo-cae-jacobian-sigma": lambda: wo_cae(False),
    "k-wo-hessian-log": lambda: wo_hessian_log("valid"),
    "k-wo-hessian-log-sign": lambda: wo_hessian_log("sign"),
    "k-wo-hessian-log-factor": lambda: wo_hessian_log("factor"),
    "k-wo-score-mean-zero": lambda: wo_score_mean_zero(True),
    "k-wo-score-mean-zero-term": lambda: wo_score_mean_zero(False),
    "k-wo-kl-grad": lambda: wo_kl_grad(-1),
    "k-wo-kl-grad-sign": lambda: wo_kl_grad(1),
    "k-wo-kl-hessian": lambda: wo_kl_hessian(-1),
    "k-wo-kl-hessian-sign": lambda: wo_kl_hessian(1),
    "k-wo-kl-hessian-fisher": lambda: wo_kl_hessian_fisher(1),
    "k-wo-kl-hessian-fisher-sign": lambda: wo_kl_hessian_fisher(-1),
    "k-bk-logit-preprocess": lambda: bk_logit(1),
    "k-bk-logit-preprocess-sign": lambda: bk_logit(-1),
    "k-bk-funcderiv-exp": lambda: bk_funcderiv_exp(-1),
    "k-bk-funcderiv-exp-sign": lambda: bk_funcderiv_exp(1),
    "k-bk-funcderiv-poly": lambda: bk_funcderiv_poly(False),
    "k-bk-funcderiv-poly-printed": lambda: bk_funcderiv_poly(True),
    "k-bk-multinomial-grad": lambda: bk_multinomial(1),
    "k-bk-multinomial-grad-sign": lambda: bk_multinomial(-1),
    "k-bk-energy": lambda: bk_energy(2),
    "k-bk-energy-factor": lambda: bk_energy(1),
    "k-kr-dL-dx": lambda: kr_scalar("x", "w"),
    "k-kr-dL-dx-term": lambda: kr_scalar("x", "x"),
    "k-kr-dL-dw": lambda: kr_scalar("w", "x"),
    "k-kr-dL-dw-term": lambda: kr_scalar("w", "w"),
    "k-kr-dL-db": lambda: kr_scalar("b", "x"),
    "k-kr-xg": lambda: kr_rowvec("x", True),
    "k-kr-xg-transpose": lambda: kr_rowvec("x", False),
    "k-kr-bg": lambda: kr_rowvec("b"),
    "k-kr-sigmoid-form": lambda: kr_sigmoid_form(1),
    "k-kr-sigmoid-form-sign": lambda: kr_sigmoid_form(-1),
}


# ---------------------------------------------------------------------------
# documents: per doc, one entry per chain -> (values function or None, n_links)
# a values function returns the values of the chain (links are compared pairwise);
# links expected as 'definition' are not compared.
# ---------------------------------------------------------------------------
def doc_logistic(mutated):
    def c_sigma_p1(rng):
        z = rng.normal()
        return [sig(z), sig(z), 1 / (1 + np.exp(-z))]

    def c_p0(rng):
        z = rng.normal()
        return [1 - sig(z), 1 - sig(z), np.exp(-z) / (1 + np.exp(-z))]

    def c_dydz_a(rng):
        z = rng.normal()
        e = np.exp(-z)
        return [
            fd(sig, z),
            fd(sig, z),
            fd(lambda u: 1 / (1 + np.exp(-u)), z),
            -1 / (1 + e) ** 2 * e * -1,
            1 / (1 + e) * e / (1 + e),
        ]

    def c_dydz_b(rng):
        z = rng.normal()
        e = np.exp(-z)
        y = sig(z)
        sgn = 1 if mutated else -1
        return [
            fd(sig, z),
            1 / (1 + e) * e / (1 + e),
            sig(z) * (1 + sgn * sig(z)),
            y * (1 + sgn * y),
        ]

    def c_dxidy(rng):
        t, y = rng.uniform(0.05, 0.95, size=2)
        d1 = fd(lambda u: -t * np.log(u), y)
        d2 = fd(lambda u: -(1 - t) * np.log(1 - u), y)
        sgn = -1 if mutated else 1
        return [
            fd(lambda u: xi_binary(t, u), y),
            fd(lambda u: xi_binary(t, u), y),
            d1 + d2,
            -t / y + sgn * (1 - t) / (1 - y),
            (y - t) / (y * (1 - y)),
        ]

    def c_dxidz(rng):
        t, z = rng.uniform(0.05, 0.95), rng.normal()
        y = sig(z)
        return [
            fd(lambda u: xi_binary(t, sig(u)), z),
            fd(sig, z) * fd(lambda u: xi_binary(t, u), y),
            y * (1 - y) * (y - t) / (y * (1 - y)),
            y - t,
        ]

    def c_logodds(rng):
        return pr_log_odds_values(rng)

    return [None, c_sigma_p1, c_p0, c_logodds, c_dydz_a, c_dydz_b, None, c_dxidy, c_dxidz]


def pr_log_odds_values(rng):
    z = rng.normal()
    p1, p0 = sig(z), 1 - sig(z)
    e = np.exp(-z)
    return [
        np.log(p1 / p0),
        np.log((1 / (1 + e)) / (e / (1 + e))),
        np.log(1 / e),
        np.log(1) - np.log(e),
        z,
    ]


def doc_softmax():
    def c_def(rng):
        z = rng.normal(size=4)
        return [softmax(z), softmax(z), np.exp(z) / np.exp(z).sum()]

    def c_matrix(rng):
        z = rng.normal(size=4)
        return [softmax(z), softmax(z), np.exp(z) / np.exp(z).sum()]

    def c_diag(rng):
        z = rng.normal(size=4)
        i = 2
        sc = np.exp(z).sum()
        ez = np.exp(z[i])
        y = softmax(z)

        def yi(u):
            zz = z.copy()
            zz[i] = u
            return softmax(zz)[i]

        def yi_explicit(u):
            zz = z.copy()
            zz[i] = u
            return np.exp(zz[i]) / np.exp(zz).sum()

        return [
            fd(yi, z[i]),
            fd(yi_explicit, z[i]),
            (ez * sc - ez * ez) / sc**2,
            ez / sc * (sc - ez) / sc,
            ez / sc * (1 - ez / sc),
            y[i] * (1 - y[i]),
        ]

    def c_offdiag(rng):
        z = rng.normal(size=4)
        i, j = 3, 1
        sc = np.exp(z).sum()
        y = softmax(z)

        def yi(u):
            zz = z.copy()
            zz[j] = u
            return softmax(zz)[i]

        def yi_explicit(u):
            zz = z.copy()
            zz[j] = u
            return np.exp(zz[i]) / np.exp(zz).sum()

        return [
            fd(yi, z[j]),
            fd(yi_explicit, z[j]),
            -np.exp(z[i]) * np.exp(z[j]) / sc**2,
            -np.exp(z[i]) / sc * np.exp(z[j]) / sc,
            -y[i] * y[j],
        ]

    def c_prod(rng):
        z = rng.normal(size=4)
        t = np.zeros(4)
        t[int(rng.integers(4))] = 1.0
        y = softmax(z)
        p_tc = softmax(z)  # P(t = c | z) = varsigma(z)_c (matrix block above)
        return [np.prod(p_tc**t), np.prod(p_tc**t), np.prod(softmax(z) ** t), np.prod(y**t)]

    def c_nll(rng):
        z = rng.normal(size=4)
        t = np.zeros(4)
        t[int(rng.integers(4))] = 1.0
        y = softmax(z)
        lik = np.prod(y**t)  # L(theta|t,z) = P(t|z) = prod y_c^{t_c}
        return [-np.log(lik), -np.log(lik), -np.log(np.prod(y**t)), -(t * np.log(y)).sum()]

    def c_batch(rng):
        zb = rng.normal(size=(3, 4))
        tb = np.zeros((3, 4))
        tb[np.arange(3), rng.integers(4, size=3)] = 1.0
        yb = softmax_rows(zb)
        per = [-(tb[i] * np.log(yb[i])).sum() for i in range(3)]
        return [sum(per), sum(per), -(tb * np.log(yb)).sum()]

    def c_grad(rng):
        c_n = 5
        z = rng.normal(size=c_n)
        t = np.zeros(c_n)
        t[int(rng.integers(c_n))] = 1.0
        i = int(rng.integers(c_n))
        y = softmax(z)

        def yj_of(j):
            def g(u):
                zz = z.copy()
                zz[i] = u
                return softmax(zz)[j]

            return g

        dy = np.array([fd(yj_of(j), z[i]) for j in range(c_n)])
        dlog = np.array([fd(lambda u, j=j: np.log(yj_of(j)(u)), z[i]) for j in range(c_n)])
        dterm = np.array([fd(lambda u, j=j: t[j] * np.log(yj_of(j)(u)), z[i]) for j in range(c_n)])
        others = [j for j in range(c_n) if j != i]
        v1 = fd(lambda u: -(t * np.log(yj_all(z, i, u))).sum(), z[i])
        v2 = -dterm.sum()
        v3 = -(t * dlog).sum()
        v4 = -(t / y * dy).sum()
        v5 = -t[i] / y[i] * dy[i] - sum(t[j] / y[j] * dy[j] for j in others)
        v6 = -t[i] / y[i] * y[i] * (1 - y[i]) - sum(t[j] / y[j] * (-y[j] * y[i]) for j in others)
        v7 = -t[i] + t[i] * y[i] + sum(t[j] * y[i] for j in others)
        v8 = -t[i] + sum(t[j] * y[i] for j in range(c_n))
        v9 = -t[i] + y[i] * t.sum()
        v10 = y[i] - t[i]
        return [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10]

    return [c_def, c_matrix, c_diag, c_offdiag, c_prod, c_nll, c_batch, c_grad]


def yj_all(z, i, u):
    zz = z.copy()
    zz[i] = u
    return softmax(zz)


def doc_zhou():
    alice = np.array([-2.0, -1.0])

    def net(w, b, x=alice):
        h1 = sig(w[0] * x[0] + w[1] * x[1] + b[0])
        h2 = sig(w[2] * x[0] + w[3] * x[1] + b[1])
        o1 = sig(w[4] * h1 + w[5] * h2 + b[2])
        return h1, h2, o1

    def c_chain(rng):
        w, b = rng.normal(size=6), rng.normal(size=3)

        def loss_w1(v):
            ww = w.copy()
            ww[0] = v
            return (1 - net(ww, b)[2]) ** 2

        def ypred_w1(v):
            ww = w.copy()
            ww[0] = v
            return net(ww, b)[2]

        ypred = net(w, b)[2]
        return [fd(loss_w1, w[0]), fd(lambda u: (1 - u) ** 2, ypred) * fd(ypred_w1, w[0])]

    def c_dl_dy(rng):
        yp = rng.normal()
        return [fd(lambda u: (1 - u) ** 2, yp), fd(lambda u: (1 - u) ** 2, yp), -2 * (1 - yp)]

    def c_dy_dh1(rng):
        w5, w6, h1, h2, b3 = rng.normal(size=5)
        return [fd(lambda u: sig(w5 * u + w6 * h2 + b3), h1), w5 * dsig(w5 * h1 + w6 * h2 + b3)]

    def c_dh1_dw1(rng):
        w1, w2, x1, x2, b1 = rng.normal(size=5)
        return [fd(lambda u: sig(u * x1 + w2 * x2 + b1), w1), x1 * dsig(w1 * x1 + w2 * x2 + b1)]

    def c_fprime(rng):
        x = rng.normal()
        return [fd(sig, x), np.exp(-x) / (1 + np.exp(-x)) ** 2, sig(x) * (1 - sig(x))]

    ones, zeros = np.ones(6), np.zeros(3)
    h1, h2, o1 = net(ones, zeros)

    def c_h1(_rng):
        return [h1, sig(1 * -2 + 1 * -1 + 0), sig(-2 + -1 + 0), Printed("0.0474")]

    def c_h2(_rng):
        return [h2, sig(1 * -2 + 1 * -1 + 0), Printed("0.0474")]

    def c_o1(_rng):
        return [o1, sig(1 * h1 + 1 * h2 + 0), Loose(sig(0.0474 + 0.0474 + 0)), Printed("0.524")]

    def c_dl_num(_rng):
        y_pred = 0.524  # 'The network outputs y_pred = 0.524'
        return [
            fd(lambda u: (1 - u) ** 2, y_pred),
            -2 * (1 - y_pred),
            -2 * (1 - 0.524),
            Printed("-0.952"),
        ]

    def c_dy_num(_rng):
        exact = 1 * dsig(1 * h1 + 1 * h2 + 0)
        return [
            fd(lambda u: sig(1 * u + 1 * h2 + 0), h1),
            exact,
            Loose(1 * dsig(0.0474 + 0.0474 + 0)),
            Loose(sig(0.0948) * (1 - sig(0.0948))),
            Printed("0.249"),
        ]

    def c_dh_num(_rng):
        return [
            fd(lambda u: sig(u * -2 + 1 * -1 + 0), 1.0),
            -2 * dsig(1 * -2 + 1 * -1 + 0),
            -2 * dsig(-2 + -1 + 0),
            -2 * sig(-3) * (1 - sig(-3)),
            Printed("-0.0904"),
        ]

    def c_dlw_num(_rng):
        def loss_w1(v):
            ww = ones.copy()
            ww[0] = v
            return (1 - net(ww, zeros)[2]) ** 2

        return [Loose(fd(loss_w1, 1.0)), Loose(-0.952 * 0.249 * -0.0904), Printed("0.0214")]

    return [
        c_chain,
        c_dl_dy,
        None,
        c_dy_dh1,
        None,
        c_dh1_dw1,
        None,
        c_fprime,
        c_h1,
        c_h2,
        c_o1,
        c_dl_num,
        c_dy_num,
        c_dh_num,
        c_dlw_num,
    ]


def doc_raja():
    def c_w3(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3 = sr_forward(x0, w1, w2, w3)
        g = fd_grad(lambda w: sr_loss(x0, w1, w2, w, t), w3)
        r = x3 - t
        a = (x3 - t) * D3(w3 @ x2)
        return [
            g,
            contract(r, lambda w: F3(w @ x2), w3),
            contract(a, lambda w: w @ x2, w3),
            a @ x2.T,
        ]

    def c_delta3(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3 = sr_forward(x0, w1, w2, w3)
        d3 = (x3 - t) * D3(w3 @ x2)
        return [d3, d3]

    def c_w3_delta(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3, d1, d2, d3 = sr_deltas(x0, w1, w2, w3, t)
        return [fd_grad(lambda w: sr_loss(x0, w1, w2, w, t), w3), d3 @ x2.T]

    def c_w2(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3, d1, d2, d3 = sr_deltas(x0, w1, w2, w3, t)
        g = fd_grad(lambda w: sr_loss(x0, w1, w, w3, t), w2)
        r = x3 - t
        back = w3.T @ d3
        bracket = back * D2(w2 @ x1)
        return [
            g,
            contract(r, lambda w: F3(w3 @ F2(w @ x1)), w2),
            contract((x3 - t) * D3(w3 @ x2), lambda w: w3 @ F2(w @ x1), w2),
            contract(d3, lambda w: w3 @ F2(w @ x1), w2),
            contract(back, lambda w: F2(w @ x1), w2),
            contract(bracket, lambda w: w @ x1, w2),
            bracket @ x1.T,
        ]

    def c_w1(rng):
        x0, w1, w2, w3, t = sr_setup(rng)
        x1, x2, x3, d1, d2, d3 = sr_deltas(x0, w1, w2, w3, t)
        g = fd_grad(lambda w: sr_loss(x0, w, w2, w3, t), w1)
        bracket = (w2.T @ d2) * D1(w1 @ x0)
        return [g, bracket @ x0.T, bracket @ x0.T]

    return [None, None, None, None, None, c_w3, c_delta3, c_w3_delta, c_w2, c_w1]


DOCS = {
    "roelants-logistic-ce": doc_logistic(False),
    "roelants-logistic-ce-mutated": doc_logistic(True),
    "roelants-softmax-ce": doc_softmax(),
    "zhou-nn-backprop-example": doc_zhou(),
    "raja-backprop-matrix-form": doc_raja(),
}


# ---------------------------------------------------------------------------
# tiny parsers for claims.yaml / *.expect.yaml (no YAML library needed)
# ---------------------------------------------------------------------------
def parse_claims():
    items, cur = [], None
    for line in (HERE / "claims.yaml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- id: (\S+)\s*$", line)
        if m:
            cur = {"id": m.group(1)}
            items.append(cur)
            continue
        m = re.match(r"^  expect: (valid|invalid)\s*$", line)
        if m and cur is not None:
            cur["expect"] = m.group(1)
    return items


def parse_expect(name):
    chains, cur, in_links = [], None, False
    for line in (HERE / "docs" / f"{name}.expect.yaml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^links:", line):
            in_links = True
            continue
        if in_links and re.match(r"^- line: \d+\s*$", line):
            cur = []
            chains.append(cur)
            continue
        m = re.match(r"^  - (valid|invalid|definition)\s*$", line)
        if m and cur is not None:
            cur.append(m.group(1))
    return chains


def main() -> int:
    confirmed = failed = 0

    def tally(ok, label):
        nonlocal confirmed, failed
        if ok:
            confirmed += 1
        else:
            failed += 1
        print(("confirmed " if ok else "FAILED    ") + label)

    claims = parse_claims()
    ids = [c["id"] for c in claims]
    missing = sorted(set(ids) - set(CLAIMS))
    extra = sorted(set(CLAIMS) - set(ids))
    for cid in missing:
        tally(False, f"{cid}: no check coded")
    for cid in extra:
        tally(False, f"{cid}: check coded but claim not in claims.yaml")
    for c in claims:
        if c["id"] not in CLAIMS:
            continue
        links = CLAIMS[c["id"]]()
        holds = all(links)
        verdict = "valid" if holds else "invalid"
        detail = "".join("+" if x else "-" for x in links)
        tally(verdict == c["expect"], f"{c['id']}: expected {c['expect']}, links [{detail}]")

    for name, fns in DOCS.items():
        chains = parse_expect(name)
        if len(chains) != len(fns):
            tally(False, f"docs/{name}: {len(chains)} chains in expect file, {len(fns)} coded")
            continue
        for k, (exp, fn) in enumerate(zip(chains, fns, strict=True)):
            checked = [e for e in exp if e != "definition"]
            if fn is None:
                if checked:
                    tally(False, f"docs/{name} chain {k + 1}: verdicts expected, none coded")
                else:
                    print(f"(definition) docs/{name} chain {k + 1}: nothing to confirm")
                continue
            links = chain_fn_holds(fn)
            if len(links) != len(exp):
                tally(
                    False,
                    f"docs/{name} chain {k + 1}: {len(exp)} links expected, {len(links)} coded",
                )
                continue
            for j, (e, got) in enumerate(zip(exp, links, strict=True)):
                if e == "definition":
                    continue
                verdict = "valid" if got else "invalid"
                tally(verdict == e, f"docs/{name} chain {k + 1} link {j + 1}: expected {e}")

    print(f"{confirmed} confirmed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
