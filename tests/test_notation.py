"""Every row of the notation table (docs/notation.md) is read on purpose."""

import pytest
import sympy

from symbolic import ParseError, check_claim
from symbolic.errors import MeaningError
from symbolic.notation import ast as A
from symbolic.notation import parse_side, split_chain
from symbolic.notation.resolve import Snapshot, resolve

SQUARE = {"A": [2, 2], "B": [2, 2]}

# Soch's log-likelihood of n normal samples, with the identity it rests on stated
SOCH_LL = [r"\mathrm{LL}(\mu,\sigma^2) = -\frac{n}{2} \log (2 \pi \sigma^2) - \frac{1}{2 \sigma^2} "
           r"\left( y^\mathrm{T} y - 2 n \bar{y} \mu + n \mu^2 \right)",
           r"\bar{y} = \frac{1}{n} \sum_{i=1}^{n} y_i",
           r"y^\mathrm{T} y = \sum_{i=1}^{n} y_i^2"]

# (claim, given, shapes, conventions, expected verdict) — each pins one reading.
ROWS = [
    # derivatives
    (r"\frac{\partial L}{\partial w} = 2 w", ["L = w^2"], {}, {}, "valid"),
    (r"\nabla_w L = 2 w", ["L = w^2"], {}, {}, "valid"),
    (r"\partial L / \partial w = 2 w", ["L = w^2"], {}, {}, "valid"),
    (r"\frac{dL}{dw} = 2 w", ["L = w^2"], {}, {}, "valid"),
    # superscript indices are part of the name, never powers
    (r"x^{(2)} = x^2", [], {}, {}, "invalid"),
    (r"a^{(2)}_{1} + w^{(1)}_{1,1} = w^{(1)}_{1,1} + a^{(2)}_{1}", [], {}, {}, "valid"),
    (r"x^{(i)} = x^{(j)}", [], {}, {}, "invalid"),
    # transpose
    (r"(A B)^T = B^T A^T", [], SQUARE, {}, "valid"),
    (r"(A B)^\top = B^{\top} A^{\top}", [], SQUARE, {}, "valid"),
    (r"(A B)^{\mathsf{T}} = A^T B^T", [], SQUARE, {}, "invalid"),
    # element-wise products
    (r"u \odot v = v \odot u", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    (r"u \circ v = u \odot v", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    # \cdot between two vectors: the dot product or element by element, both tried
    (r"\mathbf{w} \cdot \mathbf{x} = \sum_i w_i x_i", [], {}, {}, "valid"),
    (r"\nabla_{\mathbf{w}} \frac{1}{2}(\mathbf{w} \cdot \mathbf{x} - y)^2 "
     r"= (\mathbf{w} \cdot \mathbf{x} - y) \mathbf{x}", [], {"w": ["d", 1], "x": ["d", 1]},
     {}, "valid"),
    (r"\nabla_{\mathbf{w}} (\mathbf{w} \cdot \mathbf{x})^2 = 2 \mathbf{w} \mathbf{x}^2", [], {},
     {}, "undecided"),
    (r"\nabla_{w} (w^T x)^2 = 2 w x^2", [], {}, {}, "undecided"),
    (r"\delta = (a - y) \cdot \sigma'(z)",
     [r"C = \frac{1}{2}\|a - y\|^2", r"a = \sigma(z)", r"\delta = \frac{\partial C}{\partial z}"],
     {"a": ["n", 1], "y": ["n", 1], "z": ["n", 1], r"\delta": ["n", 1]}, {}, "valid"),
    # sigma and its derivative
    (r"\sigma(z) = \frac{1}{1 + e^{-z}}", [], {}, {}, "valid"),
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", [], {}, {}, "valid"),
    (r"\sigma^{\prime}(z) = \sigma(z)", [], {}, {}, "invalid"),
    (r"\sigma(z) = \sigma z", [], {}, {"sigma": "symbol"}, "valid"),
    # max and min: of arguments, of a vector's entries, or an optimum (not computed)
    (r"\max(\mathbf{z}) = z_2", [r"\mathbf{z} = [1, 3]^T"], {}, {}, "valid"),
    (r"\min_w \frac{1}{2} w^2 = 0", [], {}, {}, "undecided"),
    (r"\min f(x) = 0", ["f(x) = x^2 + 1"], {}, {}, "undecided"),
    # logarithms
    (r"\log e = 1", [], {}, {}, "valid"),
    (r"\lg e = 1", [], {}, {}, "valid"),
    (r"\ln e^{z} = z", [], {}, {}, "valid"),
    (r"\log 100 = 2", [], {}, {"log": "10"}, "valid"),
    # exponentials
    (r"e^{z} = \exp(z)", [], {}, {}, "valid"),
    # decorated names are distinct symbols
    (r"\hat{y} = y", [], {}, {}, "invalid"),
    (r"\hat y - \hat{y} = 0", [], {}, {}, "valid"),
    (r"\bar{x} = x", [], {}, {}, "invalid"),
    (r"\mathbf{x} + \boldsymbol{x} = 2 x", [], {}, {}, "valid"),
    # known functions
    (r"\operatorname{softmax}(z)_1 = \frac{e^{z_1}}{\sum_j e^{z_j}}", [], {}, {}, "valid"),
    (r"\text{ReLU}(z) = \max(0, z)", [], {}, {}, "valid"),
    (r"\mathrm{LSE}(z) = \log \sum_j e^{z_j}", [], {}, {}, "valid"),
    (r"\frac{d}{dz} \text{ReLU}(z) = H(z)", [], {}, {}, "valid"),
    (r"\operatorname{softplus}(z) = \ln(1 + e^{z})", [], {}, {}, "valid"),
    # norms
    (r"\|v\|^2 = \sum_k v_k^2", [], {}, {}, "valid"),
    (r"\|v\|_2^2 = v^T v", [], {"v": [3, 1]}, {}, "valid"),
    (r"\|A\|_F^2 = \operatorname{tr}(A^T A)", [], SQUARE, {}, "valid"),
    (r"\|A\|_2^2 = \operatorname{tr}(A^T A)", [], SQUARE, {}, "undecided"),   # spectral
    # the vector of ones
    (r"\mathbf{1}_2^\top v = v_1 + v_2", [], {"v": [2, 1]}, {}, "valid"),
    (r"\mathbf{1}^\top A = \begin{bmatrix} A_{1,1} + A_{2,1} & A_{1,2} + A_{2,2} \end{bmatrix}",
     [], SQUARE, {}, "valid"),
    # sums without bounds run over the index's range
    (r"\sum_j 1 = \sum_{j=1}^{K} 1", [], {}, {}, "valid"),
    (r"\sum_j e^{\theta_j} = e^{\theta_1} + e^{\theta_2} + e^{\theta_3}", [],
     {r"\theta": [1, 3]}, {}, "valid"),
    # ... and over every entry of a vector given as a list, whatever sizes are tried
    (r"\sum_i x_i x_i = 27", ["x = [1, 1, 0, 5]"], {}, {}, "valid"),
    (r"\sum_i x_i x_i = 2", ["x = [1, 1, 0, 5]"], {}, {}, "invalid"),
    (r"\sum_k w_k x_k = 7", ["x = [1, 1, 0, 5]", "w = [1, 1, 1, 1]"], {}, {}, "valid"),
    # ... and the one size letter beside such sums counts the list's entries
    (r"\sum_i (x_i - \bar x) = 0", ["x = [1, 2, 3, 7]", r"\bar x = \frac{1}{n}\sum_i x_i"],
     {}, {}, "valid"),
    (r"\bar x = 13/4", ["x = [1, 2, 3, 7]", r"\bar x = \frac{1}{n}\sum_{i=1}^{n} x_i"], {}, {},
     "valid"),
    (r"\bar x = 3", ["x = [1, 2, 3, 7]", r"\bar x = \frac{1}{n}\sum_i x_i"], {}, {}, "invalid"),
    (r"\frac{1}{n}\sum_i x_i y_i = 1", ["x = [1, 2, 3, 7]", "y = [1, 0, 0]"], {}, {},
     "undecided"),
    # a sum to a letter the text gives a whole number runs to that number
    (r"\sum_{i=1}^{m} i = 10", ["m = 4"], {}, {}, "valid"),
    (r"\sum_{i=1}^{m} 0.5 = 2.1", ["m = 4"], {}, {"symbols": {"m": "positive"}}, "invalid"),
    # ... over one length for every name it indexes, and to the one size letter beside it
    (r"(x_i + y_i)(x_i - y_i) = x^T x - y^T y", [], {}, {}, "valid"),
    (r"\sum_i (x_i + y_i)(x_i - y_i) = x^T x + y^T y", [], {}, {}, "invalid"),
    (r"X_{ii} = \tr(X)", [], {}, {}, "valid"),
    (r"X_{ij} X_{ij} = \tr(X X)", [], {}, {}, "invalid"),
    (r"\delta_{ii} = n", [], {}, {}, "valid"),
    (r"\sum_i 1 = n + 1", [], {}, {}, "invalid"),
    # vectors written with an elision: the run of their entries
    (r"\mathbf{x}^T \mathbf{x} = \sum_{i=1}^n x_i^2",
     [r"\mathbf{x} = \begin{bmatrix} x_1 \\ \vdots \\ x_n \end{bmatrix}"], {}, {}, "valid"),
    (r"\nabla f(x) = \left[\frac{\partial f}{\partial x_1}, \dots, "
     r"\frac{\partial f}{\partial x_n}\right]^T", [r"f(x) = x^T x"], {}, {}, "valid"),
    (r"\nabla_x (x^T x) = [2 x_1, 2 x_2]^T", [], {}, {}, "valid"),
    (r"\frac{df}{dv} = [2v_1, \dots, 2v_n]^T = 2v", [r"f = \|v\|^2"], {}, {}, "valid"),
    (r"\frac{df}{dv} = [2v_1, \dots, 2v_n]^T = v", [r"f = \|v\|^2"], {}, {}, "invalid"),
    # a label and an index in one subscript; a trailing abbreviation point in a word
    (r"\frac{\partial M}{\partial y_{\text{pred}, i}} "
     r"= \frac{1}{n} \mathrm{sign}(y_{\text{pred}, i} - t_i)",
     [r"M = \frac{1}{n} \sum_{i=1}^{n} | y_{\text{pred}, i} - t_i |"], {}, {}, "valid"),
    (r"y_{\text{pred}, i} = y_{\text{pred}, 2}", [], {}, {}, "invalid"),
    (r"\frac{\partial L}{\partial w} = 2 w", [r"L = w^2 + \text{const.}"], {}, {}, "valid"),
    # `if` typed as letters before a case's condition; a second derivative's square left out
    (r"\begin{cases} x & if x>0\\ \gamma(e^x - 1) & if x \leq 0 \end{cases} "
     r"= \max(0, x) + \min(0, \gamma(e^x - 1))", [r"\gamma \geq 0"], {}, {}, "valid"),
    (r"\frac{\partial^2}{\partial \eta_1} A = \frac{1}{2\eta_2}",
     [r"A = \frac{\eta_1^2}{4\eta_2}"], {}, {}, "valid"),
    # vec stacks a matrix's columns
    (r"\operatorname{tr}(A^T B) = \operatorname{vec}(A)^T \operatorname{vec}(B)", [],
     {"A": [2, 3], "B": [2, 3]}, {}, "valid"),
    (r"\operatorname{vec}(A) = [A_{11}, A_{12}, A_{21}, A_{22}]^T", [], SQUARE, {}, "invalid"),
    # a precision stated for a name's inverse defines the name
    (r"P X^T X = I", [r"P^{-1} = X^T X"], {"X": [3, 2], "P": [2, 2], "I": [2, 2]}, {}, "valid"),
    (r"P = X^T X", [r"P^{-1} = X^T X"], {"X": [3, 2], "P": [2, 2]}, {}, "invalid"),
    (r"Q^T Q = I", [r"Q^{-1} = Q^T"], {"Q": [2, 2], "I": [2, 2]}, {}, "undecided"),   # identity
    (r"P_1 X^T X = I", [r"P_1^{-1} = X^T X + P_0^{-1} - P_0^{-1}"],
     {"X": [3, 2], "P_1": [2, 2], "P_0": [2, 2], "I": [2, 2]}, {}, "valid"),
    # ... and so does a claim's one link, when nothing determines the name: it claims nothing
    (r"\mathbf{P}_n^{-1} = \sigma^{-2} \mathbf{X}^\top \mathbf{X} + \mathbf{P}_0^{-1}", [],
     {"X": ["n", "d"]}, {}, "undecided"),
    (r"P^{-1} = 3 X^T X", [r"P = \frac{1}{2} (X^T X)^{-1}"], {"X": [3, 2], "P": [2, 2]}, {},
     "invalid"),
    # the normal density, its second parameter a variance (or a covariance matrix)
    (r"\frac{\partial}{\partial \mu} \ln \mathcal{N}(x \mid \mu, \sigma^2) "
     r"= \frac{x - \mu}{\sigma^2}",
     [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial \mu} \ln \mathcal{N}(x \mid \mu, \sigma^2) "
     r"= \frac{\mu - x}{\sigma^2}",
     [], {}, {}, "invalid"),
    (r"\frac{\partial}{\partial \mu} \ln \mathcal{N}(x; \mu, \sigma) = \frac{x - \mu}{\sigma^2}",
     [], {}, {}, "undecided"),
    (r"\nabla_{\mu} \ln \mathcal{N}(x; \mu, \Sigma) = \Sigma^{-1}(x - \mu)", [],
     {"x": [2, 1], r"\mu": [2, 1], r"\Sigma": [2, 2]}, {"symbols": {r"\Sigma": "symmetric"}},
     "valid"),
    (r"\mathcal{N}(x \mid 0, 1) = \frac{1}{\sqrt{2\pi}} e^{-x^2/2}", [], {}, {}, "valid"),
    # how far a log reaches over a power; ELU's α; a logarithm's argument is positive
    (r"\log (1-p)^{1-y} = (1-y) \log(1-p)", [], {}, {}, "undecided"),
    (r"\log (1-p)^{2} = 3 \log(1-p)", [], {}, {}, "invalid"),
    (r"\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha(e^x - 1) & x \leq 0 \end{cases}",
     [], {}, {}, "undecided"),
    (r"\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha(e^x + 1) & x \leq 0 \end{cases}",
     [], {}, {}, "invalid"),
    (r"\frac{d}{dx}\mathrm{ELU}(x, \alpha) = \begin{cases} 1 & x > 0 \\ \alpha e^x & x \leq 0 "
     r"\end{cases}", [], {}, {}, "valid"),
    (r"\frac{d}{dx}\mathrm{LeakyReLU}(x) \cdot g = 5 g", [], {}, {}, "invalid"),
    # a log in one branch of a piecewise value says nothing of the other branch
    (r"f'(x) = \begin{cases} \frac{1}{x} & x > 0 \\ -2x & x \le 0 \end{cases}",
     [r"f(x) = \begin{cases} \log x & x > 0 \\ x^2 & x \le 0 \end{cases}"], {}, {}, "invalid"),
    # names a sum indexes with different lengths; a covariance read as any matrix; elided
    # vectors of two lengths; a constant ending a chain; a sum whose terms write the letter
    (r"\sum_i x_i y_i = 3", ["x = [1, 2, 3, 4]", "y = [1, 1]"], {}, {}, "undecided"),
    (r"\nabla_\mu \log \mathcal{N}(x \mid \mu, \Sigma) = \Sigma^{-1}(x-\mu)", [],
     {"x": [2, 1], r"\mu": [2, 1], r"\Sigma": [2, 2]}, {}, "undecided"),
    (r"[x_1, x_2, \dots, x_n]^T + [y_1, y_2, \dots, y_m]^T = [x_1+y_1, \dots, x_n+y_n]^T", [],
     {}, {}, "undecided"),
    (r"\frac{d}{dx} (3 x) = 3 + 0 x = \pi", [], {}, {}, "invalid"),
    # a function alone beside the function applied to other arguments
    (r"\frac{\partial}{\partial \theta} \log h(x^{(i)}) = \frac{\partial \log h(x^{(i)})}"
     r"{\partial h} \frac{\partial h}{\partial \theta}",
     [r"h(x) = \frac{1}{1 + e^{-\theta x}}"], {}, {}, "undecided"),
    (r"\frac{d}{dx} (3 x) = 3 + 0 x = \mu", [r"\mu > 5"], {}, {}, "invalid"),
    (r"\sum_k \binom{n}{k} = 2^n - 1", [], {}, {}, "invalid"),
    # a bias added to a vector may be a number: its shape is not inferred in a clash
    (r"\frac{\partial}{\partial b} \|Xw + b - y\|^2 = 2(Xw + b - y)", [],
     {"X": ["m", "n"], "w": ["n", 1], "y": ["m", 1]}, {}, "undecided"),
    (r"\frac{1}{\sqrt{2\pi\sigma^2}} = \frac{1}{\sqrt{2\pi}} \exp(-\log \sigma)", [], {}, {},
     "valid"),
    (r"\frac{1}{\sqrt{2\pi\sigma^2}} = \frac{1}{\sqrt{2\pi}} \exp(\log \sigma)", [], {}, {},
     "invalid"),
    # a printed decimal is the exact value rounded, or cut off after its last digit
    (r"0.1 \cdot 4 / 16 = 0.1", [], {}, {}, "invalid"),
    (r"2/3 = 0.666", [], {}, {}, "valid"),
    (r"2/3 = 0.667", [], {}, {}, "valid"),
    (r"2/3 = 0.668", [], {}, {}, "invalid"),
    (r"0.6190 / 0.1452 = 4.264", [], {}, {}, "valid"),     # four digits: rounded inputs carried
    (r"0.6190 / 0.1452 = 4.265", [], {}, {}, "invalid"),
    # ... beside a family whose definition is built at a size the numbers do not use
    (r"\frac{1}{1 + e^{-0.702}} = 0.67", [r"y_j = \frac{1}{1+e^{-a_j}}"], {}, {}, "valid"),
    (r"\frac{1}{1 + e^{-0.702}} = 0.71", [r"y_j = \frac{1}{1+e^{-a_j}}"], {}, {}, "invalid"),
    # ... and, where the value depends on a size, at each size tried
    (r"\frac{1}{n}\sum_{i=1}^{n} 0.5 = 0.5", [], {}, {}, "valid"),
    (r"\frac{1}{n}\sum_{i=1}^{n} 0.5 = 0.49", [], {}, {}, "invalid"),
    (r"\sum_{i=1}^{n} 0.5 = 1.0", [], {}, {}, "invalid"),
    (r"\operatorname{softmax}([1,2,3]^T) = [0.1, 0.2, 0.7]^T", [], {}, {}, "valid"),
    (r"\operatorname{softmax}([1,2,3]^T) = [0.1, 0.3, 0.6]^T", [], {}, {}, "invalid"),
    # a note under a brace that names a formula is checked as one
    (r"A''(\eta) = \underbrace{\frac{1}{1+e^{-\eta}}}_{p} "
     r"\underbrace{\frac{e^{-\eta}}{1+e^{-\eta}}}_{1-p}",
     [r"A(\eta) = \log(1+e^\eta)", r"p = \frac{1}{1+e^{-\eta}}"], {}, {}, "valid"),
    (r"A''(\eta) = \underbrace{\frac{1}{1+e^{-\eta}}}_{p} "
     r"\underbrace{\frac{e^{-\eta}}{1+e^{-\eta}}}_{p}",
     [r"A(\eta) = \log(1+e^\eta)", r"p = \frac{1}{1+e^{-\eta}}"], {}, {}, "invalid"),
    # a note that only names (a word, a new letter) checks nothing; a brace after a minus
    # sign may group its terms or only annotate them
    (r"(w^TX^T - y^T)(Xw - y) = w^TX^TXw - \underbrace{w^TX^Ty + y^TXw}_{scalars} + y^Ty",
     [], {"X": ["n", "d"], "w": ["d", 1], "y": ["n", 1]}, {}, "undecided"),
    (r"(w^TX^T - y^T)(Xw - y) = w^TX^TXw - (w^TX^Ty + y^TXw) + y^Ty",
     [], {"X": ["n", "d"], "w": ["d", 1], "y": ["n", 1]}, {}, "valid"),
    (r"(w^TX^T - y^T)(Xw - y) = w^TX^TXw - \underbrace{w^TX^Ty - y^TXw}_{scalars} + y^Ty",
     [], {"X": ["n", "d"], "w": ["d", 1], "y": ["n", 1]}, {}, "undecided"),
    (r"(w^TX^T - y^T)(Xw - y) = w^TX^TXw + \underbrace{w^TX^Ty - y^TXw}_{scalars} + y^Ty",
     [], {"X": ["n", "d"], "w": ["d", 1], "y": ["n", 1]}, {}, "invalid"),
    # a word under a brace labels what it holds; a result set in bold is the number
    (r"\frac{\partial L}{\partial w} = \underbrace{(-0.143)}_{\text{Paso A}} \cdot "
     r"\underbrace{(0.2253)}_{\text{Paso B}} \cdot \underbrace{(0.5)}_{\text{Paso C}}",
     ["x = 0.5", "y = 0.8", "w = 1.3", r"L = \frac{1}{2}(y - \sigma(w x))^2"], {}, {},
     "valid"),
    (r"\frac{\partial L}{\partial w} = \underbrace{(-0.143)}_{\text{Paso A}} \cdot "
     r"\underbrace{(0.2253)}_{\text{Paso B}}",
     ["x = 0.5", "y = 0.8", "w = 1.3", r"L = \frac{1}{2}(y - \sigma(w x))^2"], {}, {},
     "invalid"),
    (r"L = \frac{1}{2} (0.079)^2 \approx \mathbf{0.00312}", [], {}, {}, "valid"),
    (r"L = \frac{1}{2} (0.079)^2 \approx \mathbf{0.00412}", [], {}, {}, "invalid"),
    # one-hot y, an index free on one side only on y's entry: every class, or the hot one
    (r"L = -y^i \ln s^i", [r"L = -\sum_i y^i \ln s^i"], {},
     {"superscripts": "index", "symbols": {"y": "one-hot"}}, "undecided"),
    (r"L = -2 y^i \ln s^i", [r"L = -\sum_i y^i \ln s^i"], {},
     {"superscripts": "index", "symbols": {"y": "one-hot"}}, "invalid"),
    # a new letter that ends a chain names its value
    (r"\frac{dA}{d\eta} = \frac{1}{1+e^{-\eta}} = \mu", [r"A(\eta) = \log(1+e^\eta)"], {}, {},
     "valid"),
    (r"\frac{dA}{d\eta} = \frac{1}{1+e^{\eta}} = \mu", [r"A(\eta) = \log(1+e^\eta)"], {}, {},
     "invalid"),
    # ... and so is a threshold an absolute value is compared with (Huber's δ)
    (r"\frac{\partial L}{\partial p} = \max(-\delta, \min(p - t, \delta))",
     [r"L = \begin{cases} \frac{1}{2}(p - t)^2 & |p - t| \le \delta \\ "
      r"\delta (|p - t| - \frac{1}{2}\delta) & |p - t| > \delta \end{cases}"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial p} = \max(-\delta, \min(t - p, \delta))",
     [r"L = \begin{cases} \frac{1}{2}(p - t)^2 & |p - t| \le \delta \\ "
      r"\delta (|p - t| - \frac{1}{2}\delta) & |p - t| > \delta \end{cases}"], {}, {}, "invalid"),
    # an entry of a numbered matrix by three subscripts
    (r"\frac{\partial \theta_2}{\partial h_1} = W_{2,1,2}", [r"\theta = h W_2"],
     {"h": [1, 2], "W_2": [2, 2], r"\theta": [1, 2]}, {}, "valid"),
    # functions defined in `given`, and functions known only by name
    (r"g(3) = 10", ["g(u) = u^2 + 1"], {}, {}, "valid"),
    (r"\operatorname{CE}(y, q) = -y \log q", [r"\operatorname{CE}(a, b) = -a \log b"], {}, {},
     "valid"),
    (r"r(V x)^T r(V x) = \sum_{i=1}^{2} r(V_{i,1} x_1 + V_{i,2} x_2)^2", [],
     {"V": [2, 2], "x": [2, 1]}, {"symbols": {"r": "function"}}, "valid"),
    # i, j, k are indices, never the imaginary unit
    (r"i^2 = -1", [], {}, {}, "invalid"),
    # \ell is an index letter too, free or summed
    (r"\frac{\partial}{\partial w_\ell} \sum_{k=1}^{K} w_k x_k = x_\ell", [], {}, {}, "valid"),
    (r"\sum_{\ell=1}^{2} a_\ell = a_1 + a_2", [], {}, {}, "valid"),
    # a free index runs as far as the context numbers that name
    (r"\frac{\partial z}{\partial w_j} = a_j", ["z = w_1 a_1 + w_2 a_2"], {}, {}, "valid"),
    # a sum bound declared positive counts things: a size, the same one everywhere
    (r"\frac{1}{m} \sum_{i=1}^{m} c = c", [], {}, {"symbols": {"m": "positive"}}, "valid"),
    (r"m \sum_{i=1}^{m} c = c", [], {}, {"symbols": {"m": "positive"}}, "invalid"),
    # conditional probabilities, and the entry at a one-hot label
    (r"\log p(Y \mid X) = \log p(Y = y^{(1)} \mid x^{(1)}) + \log p(Y = y^{(2)} \mid x^{(2)})",
     [r"p(Y \mid X) = \prod_{i=1}^{2} p(Y = y^{(i)} \mid x^{(i)})"], {}, {}, "valid"),
    # free probabilities may differ as numbers yet agree for every distribution (Bayes)
    (r"p(y \mid x) = p(x \mid y)", [], {}, {}, "undecided"),
    (r"p(y \mid x) = \frac{p(x \mid y) p(y)}{p(x)}", [], {}, {}, "undecided"),
    (r"\log \operatorname{softmax}(s)_{y} = \sum_{k} y_k \log \operatorname{softmax}(s)_k", [],
     {"s": [3, 1], "y": [3, 1]}, {"symbols": {"y": "one-hot"}}, "valid"),
    # numbers printed as a vector: entry by entry, each to its printed precision
    (r"\operatorname{softmax}([1,2,3]^T) = [0.090, 0.245, 0.665]^T", [], {}, {}, "valid"),
    (r"\operatorname{softmax}([1,2,3]^T) = [0.090, 0.245, 0.656]^T", [], {}, {}, "invalid"),
    (r"[e^1, e^{-2}, e^0] = [2.72, 0.14, 1]", [], {}, {}, "valid"),
    # indicators written with a plain 1, and Iverson brackets
    (r"\frac{dr}{dx} = 1(x > 0)", [r"r = \max(0, x)"], {}, {}, "valid"),
    (r"\frac{dr}{dx} = 1\{x > 0\}", [r"r = \max(0, x)"], {}, {}, "valid"),
    (r"\frac{dr}{dx} = [x > 0]", [r"r = \max(0, x)"], {}, {}, "valid"),
    (r"\frac{dr}{dx} = 1(x < 0)", [r"r = \max(0, x)"], {}, {}, "invalid"),
    # bold over an indexed name or an expression is typography of what it holds
    (r"\frac{\partial \mathbf{h_t}}{\partial \mathbf{z_t}} = 1 - \mathbf{h_t}^2",
     [r"\mathbf{h_t} = \tanh(\mathbf{z_t})"], {}, {}, "valid"),
    (r"\frac{\partial \mathbf{h_t}}{\partial \mathbf{z_t}} = 1 + \mathbf{h_t}^2",
     [r"\mathbf{h_t} = \tanh(\mathbf{z_t})"], {}, {}, "invalid"),
    # prose words as subscripts are labels, with or without braces
    (r"\frac{\partial E_{\text{total}}}{\partial o} = o - t",
     [r"E_\text{total} = \frac{1}{2}(t - o)^2"], {}, {}, "valid"),
    (r"\frac{\partial s}{\partial W} = \lambda W", [r"s = \frac{\lambda}{2} \|W\|_\textrm{F}^2"],
     {"W": [2, 3]}, {}, "valid"),
    # no shape declared: the shapes the text implies (a norm's operand, a name transposed
    # and used by its entries), tied to the sums that run over them
    (r"\frac{\partial s}{\partial W} = \lambda W", [r"s = \frac{\lambda}{2} \|W\|_F^2"], {}, {},
     "valid"),
    (r"\frac{\partial s}{\partial W} = \lambda W^T", [r"s = \frac{\lambda}{2} \|W\|_F^2"], {},
     {}, "invalid"),
    (r"\theta^\top x = \sum_{j=1}^{d} \theta_j x_j", [], {}, {}, "valid"),
    (r"\theta^\top x = \sum_{j=1}^{d-1} \theta_j x_j", [], {}, {}, "undecided"),
    # evaluation at a point
    (r"\left.\frac{d}{dx} x^2\right|_{x = 1} = 2", [], {}, {}, "valid"),
    (r"\left.\frac{d}{dx} x^2\right|_{x = 1} = 3", [], {}, {}, "invalid"),
    (r"\frac{dJ}{d\theta}\Big|_{\theta=2} = 4", [r"J(\theta) = \theta^2"], {}, {}, "valid"),
    (r"\nabla L(w)\big|_{w=0} = -2y", [r"L(w) = (y - w)^2"], {}, {}, "valid"),
    (r"\frac{\partial o}{\partial x_i}\bigr\rvert_{x_i=1} = \frac{9}{2}",
     [r"o = \frac{1}{4}\sum_i z_i", r"z_i = 3(x_i+2)^2"], {}, {}, "valid"),
    # functions by name: an indexed one, plain words, a differential of an accented name
    (r"\frac{\partial f_2}{\partial y} = -x", [r"f_2(y) = -xy"], {}, {}, "valid"),
    (r"\frac{d f(\tilde{x})}{d \tilde{x}} = \frac{1}{\tilde{x}}", [r"f(\tilde{x}) = \ln\tilde{x}"],
     {}, {}, "valid"),
    (r"\frac{1}{ln10} = \frac{1}{\ln 10}", [], {}, {}, "valid"),
    (r"\frac{dr}{dx} = 1(x > 0)", [r"r = max(0, x)"], {}, {}, "valid"),
    # a worked example: unit names, a printed value after a formula, a gradient named
    (r"\frac{\partial out_{o1}}{\partial net_{o1}} = out_{o1}(1 - out_{o1})"
     r" = 0.75136507(1 - 0.75136507)",
     [r"out_{o1} = \frac{1}{1+e^{-net_{o1}}}", r"out_{o1} = 0.75136507"], {}, {}, "valid"),
    (r"E_{total} = E_{o1} + E_{o2} = 0.274811083 + 0.023560026 = 0.298371109",
     [r"E_{o1} = \frac{1}{2}(t_{o1} - out_{o1})^{2} = 0.274811083", r"E_{o2} = 0.023560026"],
     {}, {}, "valid"),
    (r"\frac{\partial J}{\partial W} = x^T \delta",
     [r"z = xW", r"\frac{\partial J}{\partial z} = \delta"],
     {"W": [3, 2], "x": [1, 3], "z": [1, 2], r"\delta": [1, 2]}, {}, "valid"),
    # numbers standing for values the text never gave: nothing is shown, either way
    (r"net_{o1} = w_5 out_{h1} + b = 0.4 \times 0.59 + 0.6", [r"out_{h1} = 0.59"], {}, {},
     "undecided"),
    (r"\frac{\partial E}{\partial w} = 0.7 \times 0.2", [r"E = \frac{1}{2}(t - \sigma(w x))^2"], {},
     {}, "undecided"),
    # a name whose derivative is written is any function of that variable: what holds for
    # every function is valid; what fails for some is not shown wrong (the text may mean one)
    (r"\frac{\partial}{\partial u}uv = u\frac{\partial v}{\partial u} + v", [], {}, {},
     "valid"),
    (r"\frac{\partial}{\partial x}(uv) = u\frac{\partial v}{\partial x} + v\frac{\partial u}"
     r"{\partial x}", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial x}(uv) = u\frac{\partial v}{\partial x} - v\frac{\partial u}"
     r"{\partial x}", [], {}, {}, "undecided"),
    (r"\nabla_{\theta} \sum_{x=1}^{3} p(x) f(x) = \sum_{x=1}^{3} p(x) \nabla_{\theta} f(x)", [], {},
     {}, "undecided"),
    (r"\frac{df^{-1}(y)}{dy} = \frac{dx}{dy}", [r"y = f(x)"], {}, {}, "undecided"),
    (r"z = W^T a + c", [r"z = W^\top a + c"], {"W": [3, 2], "a": [3, 1], "c": [2, 1]}, {},
     "undecided"),
    # a 1×1 product is the number it holds
    (r"\frac{\partial \mathcal{L}}{\partial w_0} = f'(z) \frac{\partial \mathcal{L}}{\partial g}",
     [r"z = w^\top x + w_0", r"g = f(z)"], {"w": ["d", 1], "x": ["d", 1]}, {}, "valid"),
    # a call's label and sample index; the data after a semicolon; an increment
    (r"\frac{\partial J}{\partial w} = -\sum_{i=1}^{2} (y^{(i)} - \phi(z)_{A}^{(i)}) x^{(i)}",
     [r"J(w) = \frac{1}{2} \sum_{i=1}^{2} (y^{(i)} - \phi(z)_{A}^{(i)})^2", r"\phi_A(z) = z",
      r"z^{(i)} = w x^{(i)}"], {}, {}, "valid"),
    (r"\nabla_\theta J(\theta) = 2 \theta x^2", [r"J(\theta; x) = (\theta x)^2"], {}, {}, "valid"),
    (r"\Delta w = -\eta g", [], {}, {}, "undecided"),
    # an elision between terms that count up one index is their sum; any other leaves
    # terms out, and what depends on it is undecided
    (r"\frac{\partial z}{\partial w_1} = x_1", [r"z = w_1 x_1 + \dots + w_m x_m"], {}, {},
     "valid"),
    (r"\frac{\partial z}{\partial w_2} = x_1", [r"z = w_1 x_1 + w_2 x_2 + \cdots + w_m x_m"],
     {}, {}, "invalid"),
    (r"\frac{\partial S}{\partial z_2} = e^{z_2}", [r"S = e^{z_1} + \cdots + e^{z_K}"], {}, {},
     "valid"),
    (r"\frac{\partial z}{\partial w_1} = x_1", [r"z = w_1 x_1 + w_3 x_3 + \dots + w_m x_m"],
     {}, {}, "undecided"),
    (r"\frac{\partial z}{\partial w_1} = x_1", [r"z = w_1 x_1 + w_2 x_2 + \dots"], {}, {},
     "undecided"),
    # a barred name defined nowhere over a known quantity: made from it, said in words
    (r"\bar{b} = \bar{z}", [r"z = w x + b", r"L = \frac{1}{2}(z - t)^2"], {}, {}, "undecided"),
    # a sum of a matrix whose terms do not use the index: it may add the rows (a batch)
    (r"\sum_{i=1}^{N} A = N A", [], {"A": [3, 3]}, {}, "undecided"),
    (r"\sum_{i=1}^{N} c = N c", [], {}, {}, "valid"),
    # a quantity of a later layer, defined nowhere, may depend on the variable
    (r"\frac{d\hat y}{dz^{[2]}} = 0", [r"\hat y = a^{[2]}"], {}, {}, "undecided"),
    (r"\frac{\partial L}{\partial b^{[3]}} = 0", [r"L = \frac{1}{2} (a^{[2]} - y)^2"], {}, {},
     "valid"),
    # h_\theta(x), h_{W,b}(x): the hypothesis, a function; a derivative by what it hides
    (r"\frac{\partial}{\partial b} J = 0", [r"J = \frac{1}{2}(h_{W,b}(x) - y)^2"], {}, {},
     "undecided"),
    (r"\frac{\partial J}{\partial y} = y - h_\theta(x)", [r"J = \frac{1}{2}(h_\theta(x) - y)^2"],
     {}, {}, "valid"),
    # a wide space between entries in square brackets: a row
    (r"\left[\frac{\partial f}{\partial x_1} \quad \frac{\partial f}{\partial x_2}\right]"
     r" = [2 x_1 \quad 1]", [r"f = x_1^2 + x_2"], {}, {}, "valid"),
    # a chain of derivatives of quantities nothing defines: any numbers, never shown wrong
    (r"\frac{\partial E}{\partial w}"
     r" = \frac{\partial E}{\partial o} \frac{\partial o}{\partial n}", [], {}, {}, "undecided"),
    (r"\frac{\partial E}{\partial w}"
     r" = \frac{\partial E_1}{\partial w} + \frac{\partial E_2}{\partial w}",
     [r"n = w x"], {}, {}, "undecided"),
    (r"\frac{\partial E}{\partial w} = \delta_{h} x", [r"n = w x"], {}, {}, "undecided"),
    (r"\frac{\partial n}{\partial o} = w_5 = 0.40", [r"n = w_5 o + b"], {}, {}, "undecided"),
    (r"\frac{1}{1+e^{-n}} = \frac{1}{1+e^{-0.3775}}", [r"n = w_1 i_1 + b_1"], {}, {},
     "undecided"),
    (r"w_5^{(1 - 1)} = 1", [], {}, {}, "valid"),
    # ∂f(x_t, h_{t-1}, w)/∂w with h_{t-1} a function of w: partial or total is not said
    (r"\frac{\partial h_t}{\partial w} = \frac{\partial f(x_t, h_{t-1}, w)}{\partial w}",
     [r"h_t = f(x_t, h_{t-1}, w)"], {}, {"symbols": {"f": "function"}}, "undecided"),
    # Ng's layer functions: g^{[1]} is layer 1's activation, g^{[1]'} its derivative
    (r"\frac{da}{dz} = 1 - a^2", [r"a = g^{[1]}(z)", r"g^{[1]}(z) = \tanh(z)"], {}, {}, "valid"),
    (r"g^{[1]'}(z) = 1-a^2", [r"a = g^{[1]}(z)", r"g^{[1]}(z) = \tanh(z)"], {}, {}, "valid"),
    (r"g^{[1]'}(z) = 1+a^2", [r"a = g^{[1]}(z)", r"g^{[1]}(z) = \tanh(z)"], {}, {}, "invalid"),
    (r"f^{(2)}(x) = 2", [r"f(x) = x^2"], {}, {}, "valid"),
    # a layer's own function without brackets: f^l(Z^l), {f^l}'(Z^l), f^2(z^2)
    (r"\frac{\partial A^l}{\partial Z^l} = {f^l}'(Z^l)", [r"A^l = f^l(Z^l)"], {}, {},
     "valid"),
    # a family of shapes: x^{(i)}: [d, 1] shapes every sample, A^l: [d_l, 1] every layer
    (r"\nabla_\theta J = \frac{2}{n}\sum_{i=1}^n (\theta^T x^{(i)} - y^{(i)}) x^{(i)}",
     [r"J = \frac{1}{n}\sum_{i=1}^n (\theta^T x^{(i)} - y^{(i)})^2"],
     {r"\theta": ["d", 1], "x^{(i)}": ["d", 1]}, {}, "valid"),
    (r"\nabla_\theta J = \frac{1}{n}\sum_{i=1}^n (\theta^T x^{(i)} - y^{(i)}) x^{(i)}",
     [r"J = \frac{1}{n}\sum_{i=1}^n (\theta^T x^{(i)} - y^{(i)})^2"],
     {r"\theta": ["d", 1], "x^{(i)}": ["d", 1]}, {}, "invalid"),
    (r"\frac{\partial \mathcal{L}}{\partial A^l} = W^{l+1}\frac{\partial \mathcal{L}}"
     r"{\partial Z^{l+1}}", [r"Z^l = (W^l)^\top A^{l-1} + W_0^l"],
     {"A^l": ["d_l", 1], "Z^l": ["d_l", 1], "W^l": ["d_{l-1}", "d_l"], "W_0^l": ["d_l", 1]},
     {"layout": "denominator"}, "valid"),
    (r"\frac{\partial \mathcal{L}}{\partial A^l} = (W^{l+1})^T\frac{\partial \mathcal{L}}"
     r"{\partial Z^{l+1}}", [r"Z^l = (W^l)^\top A^{l-1} + W_0^l"],
     {"A^l": ["d_l", 1], "Z^l": ["d_l", 1], "W^l": ["d_{l-1}", "d_l"], "W_0^l": ["d_l", 1]},
     {"layout": "denominator"}, "invalid"),
    # UFLDL's \bullet and ⊘: entry by entry
    (r"\frac{\partial L}{\partial z} = (a - y) \bullet f'(z)",
     [r"a = f(z)", r"L = \frac{1}{2}\|y - a\|^2"], {"a": [3, 1], "z": [3, 1], "y": [3, 1]},
     {"symbols": {"f": "function"}}, "valid"),
    (r"\frac{\partial L}{\partial \hat y} = -y \oslash \hat y", [r"L = -\sum_k y_k \log \hat y_k"],
     {"y": [3, 1], r"\hat y": [3, 1]}, {}, "valid"),
    (r"\frac{\partial L}{\partial \hat y} = y \oslash \hat y", [r"L = -\sum_k y_k \log \hat y_k"],
     {"y": [3, 1], r"\hat y": [3, 1]}, {}, "invalid"),
    # 1\{y = k\} inside \left[ … \right]; what the indicator compares is a whole number
    (r"J = \left[ 1\left\{y = k\right\} x \right]", [r"J = 1\{y = k\} x^2/2"], {}, {},
     "invalid"),
    (r"\frac{\partial J}{\partial x} = \left[ 1\left\{y = k\right\} x \right]",
     [r"J = 1\{y = k\} x^2/2"], {}, {}, "valid"),
    # higher derivatives: d^2/dw^2 of a function, mixed partials, an operator with \mathrm{d}
    (r"\frac{\mathrm{d}^2}{\mathrm{d}w^2}g(w) = 6w", [r"g\left(w\right) = w^{3}"], {}, {}, "valid"),
    (r"\frac{d^2}{dw^2}g(w) = 3w", [r"g(w) = w^{3}"], {}, {}, "invalid"),
    (r"\frac{d^2 y}{dx^2} = 6x", [r"y = x^3"], {}, {}, "valid"),
    (r"\frac{\partial^2 L}{\partial x \partial y} = 2x", [r"L = x^2 y + y^3"], {}, {}, "valid"),
    (r"\frac{\partial^2 L}{\partial y^2} = 6x", [r"L = x^2 y + y^3"], {}, {}, "invalid"),
    (r"\frac{\partial^2 L}{\partial x \partial y} = \frac{\partial^2 L}{\partial y \partial x}",
     [], {}, {}, "undecided"),
    # printed as typed: a sentence's full stop or comma, \sqrt(x), a size command
    (r"\sigma'(x) = \sigma(x)(1 - \sigma(x)).", [r"\sigma(x) = \frac{1}{1 + e^{-x}}."], {}, {},
     "valid"),
    (r"f'(x) = \frac{1}{2\sqrt{x}}", [r"f(x) = \sqrt(x)"], {}, {}, "valid"),
    (r"\Large f(x) = \sqrt{x}", [r"f(x) = \sqrt(x)"], {}, {}, "valid"),
    # typed or OCR'd: w₁, TeX's ~ space, a spacing note set over a symbol
    (r"\frac{\partial L}{\partial w₁} = x₁", [r"L = w_1 x_1 + w_2 x_2"], {}, {}, "valid"),
    (r"a~b = b a", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial w} \overset{\,}{y}_{p} w = y_p", [], {}, {}, "valid"),
    # ŷ defined nowhere: a model's output, never a free number that makes a step wrong
    (r"\frac{\partial J}{\partial W} = -\frac{2}{N} \sum_i (y_i - X_iW) X_i",
     [r"J = \frac{1}{N} \sum_i (y_i - \hat{y}_i)^2"], {}, {}, "undecided"),
    (r"-\frac{2}{N} \sum_i (y_i - X_iW) X_i = -\frac{2}{N} \sum_i (y_i - \hat{y}_i) X_i", [], {},
     {}, "undecided"),
    (r"\frac{\partial L}{\partial \hat y} = y - \hat y", [r"L = \frac{1}{2}(\hat y - y)^2"], {}, {},
     "invalid"),
    # \mathbf{I} defined nowhere is likely the identity, not a free number
    (r"\frac{\partial x_{l+1}}{\partial x_{l}} = \mathbf{I} + \frac{\partial F(x_{l})}"
     r"{\partial x_{l}}",
     [r"x_{l+1} = x_{l} + F(x_{l})"], {}, {"symbols": {"F": "function"}}, "undecided"),
    # a step's new quantity: w^{2} after w^{1} is defined; net_h1 typed for net_{h1}
    (r"w^{2} = w^{1} - \alpha\nabla f(w^{1}) = w^{0} - \alpha\nabla f(w^{0})"
     r" - \alpha\nabla f(w^{1})",
     [r"w^{1} = w^{0} - \alpha\nabla f(w^{0})"], {}, {}, "valid"),
    (r"net_h1 = w_1 x_1 + b = 0.15 \times 0.05 + 0.35", [r"w_1 = 0.15", r"x_1 = 0.05", r"b = 0.35"],
     {}, {}, "valid"),
    # Machine Learning Refined's \mathring{x} (x with a 1 prepended), \exp^{-z} for e^{-z}
    (r"\frac{\partial}{\partial w} \mathring{x}_p w = \mathring{x}_p", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial w} \mathring{x}_p w = x_p", [], {}, {}, "invalid"),
    (r"\sigma(z) = \frac{1}{1 + \exp^{-z}}", [], {}, {}, "valid"),
    # a capital with no shape is read a second way, as a matrix: a missing transpose shows
    (r"\frac{\partial L}{\partial w} = X(Xw - y)", [r"L = \frac{1}{2}\|Xw - y\|^2"], {}, {},
     "undecided"),
    (r"\frac{\partial}{\partial x} A x = A", [], {}, {}, "valid"),
    # a layer's weights W^{(l)} with no shape: a matrix, so a step that holds only with it a
    # number (the transpose dropped) is not valid
    (r"\delta^{(1)} = W^{(2)} \delta^{(2)} \odot \sigma'(z^{(1)})",
     [r"z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}", r"a^{(1)} = \sigma(z^{(1)})",
      r"\delta^{(l)} = \frac{\partial J}{\partial z^{(l)}}"], {}, {}, "undecided"),
    (r"\frac{\partial J}{\partial A^{[l-1]}} = W^{[l]} dZ^{[l]}",
     [r"Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}", r"dZ^{[l]} = \frac{\partial J}{\partial Z^{[l]}}"],
     {}, {}, "undecided"),
    # statistics' prime: x_i' \beta, X'X transpose (read so in the whole statement), and
    # \partial\beta \partial\beta' is the Hessian by β
    (r"\frac{\partial\ln L}{\partial\beta}=\sum_{i=1}^{n}\left(y_{i}-\lambda_{i}\right)x_{i}",
     [r"\ln L=\sum_{i=1}^{n}\left[-\lambda_{i}+y_{i}x_{i}^{\prime}\beta-\ln y_{i}!\right]",
      r"\ln\lambda_{i}=x_{i}\beta"], {}, {}, "valid"),
    (r"\frac{\partial^{2}\ln L}{\partial\beta\partial\beta^{\prime}}"
     r"=-\sum_{i=1}^{n}\lambda_{i}x_{i}x_{i}^{\prime}",
     [r"\ln L=\sum_{i=1}^{n}\left[-\lambda_{i}+y_{i}x_{i}^{\prime}\beta-\ln y_{i}!\right]",
      r"\ln\lambda_{i}=x_{i}\beta"], {}, {}, "valid"),
    (r"\frac{\partial}{\partial \beta} \sum_i y_i x_i' \beta = \sum_i y_i x_i'", [], {}, {},
     "valid"),
    (r"\frac{\partial}{\partial \beta} (y - X\beta)'(y - X\beta) = -2X'(y - X\beta)", [],
     {"X": [4, 2], "y": [4, 1], r"\beta": [2, 1]}, {}, "valid"),
    (r"\frac{\partial}{\partial \beta} (y - X\beta)'(y - X\beta) = -2X(y - X\beta)", [],
     {"X": [2, 2], "y": [2, 1], r"\beta": [2, 1]}, {}, "invalid"),
    # a family numbered from 0 (y_0 in a definition) has its member 0
    (r"\frac{\exp (a_{0})}{u} ( 1- \frac{\exp (a_{0})}{u} ) = y_{0} (1 - y_{0})",
     [r"E_{n} = -t_{0} \log y_{0} -t_{1} \log y_{1}", r"u = \exp (a_{0}) + \exp (a_{1})",
      r"y_{k} = \frac{ \exp (a_{k}) }{u}"], {}, {}, "valid"),
    (r"\frac{\exp (a_{0})}{u} ( 1- \frac{\exp (a_{0})}{u} ) = y_{0} (1 + y_{0})",
     [r"E_{n} = -t_{0} \log y_{0} -t_{1} \log y_{1}", r"u = \exp (a_{0}) + \exp (a_{1})",
      r"y_{k} = \frac{ \exp (a_{k}) }{u}"], {}, {}, "invalid"),
    # the derivative of a name defined nowhere, written: read both ways (free of the
    # variable, and depending on it), valid only when both hold; wrong depending on it,
    # with no letter of its own for the slope, it is wrong (the step writes ∂Y/∂W)
    (r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial Y} \frac{\partial Y}{\partial W}",
     [r"L = (Y - T)^2"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial W} = 2 \frac{\partial Y}{\partial W}", [r"L = (Y - T)^2"], {},
     {}, "invalid"),
    # \sum_{ab}: over a and b, when the terms index by them; a word in any script
    (r"\sum_{ab} x_{ab} y_{ab} = \sum_{a} \sum_{b} y_{ab} x_{ab}", [], {}, {}, "valid"),
    (r"\sum_{ab} x_{ab} = \sum_{a} \sum_{b} 2 x_{ab}", [], {}, {}, "invalid"),
    (r"\sum_{ab} x = x", [], {}, {}, "unparseable"),
    (r"\frac{\partial \text{Lỗi}}{\partial y} = 2(y - t)", [r"\text{Lỗi} = (y - t)^2"], {}, {},
     "valid"),
    # a value printed twice is one rounded quantity: 0.612 (1 - 0.612) is σ'(z) at z = 0.456
    # to the printed precision, not at z = 0.4611
    (r"\frac{\partial \hat{y}}{\partial z} = 0.612 \cdot (1 - 0.612)",
     [r"\hat{y} = \sigma(z)", "z = 0.456"], {}, {}, "valid"),
    (r"\frac{\partial \hat{y}}{\partial z} = 0.612 \cdot (1 - 0.612)",
     [r"\hat{y} = \sigma(z)", "z = 0.4611"], {}, {}, "invalid"),
    # a long sum broken over the lines of a matrix is one expression; \bold is \mathbf
    (r"\sqrt{\frac{1}{2} \left( \begin{matrix} (1.5 - 2)^2 & + & (2.5 - 2)^2 + \\ (2 - 2)^2"
     r" \end{matrix} \right)} = 0.5", [], {}, {}, "valid"),
    (r"\bold{x}^T \bold{x} = \|\bold{x}\|^2", [], {"x": [3, 1]}, {}, "valid"),
    # σ^2 closing a fraction before \left( is a variance, never the sigmoid applied
    (r"\frac{\partial}{\partial \mu} \ell(\mu, \sigma) = \frac{1}{\sigma^2} \left( "
     r"\sum_{i=1}^n x_i - n \mu \right)",
     [r"\ell(\mu, \sigma) = -n \log \sigma - \frac{\sum_{i=1}^n (x_i - \mu)^2}{2 \sigma^2}"],
     {}, {}, "valid"),
    # {\rm T} in a superscript transposes, as \mathrm{T} does
    (r"\frac{\partial}{\partial \pmb w} \pmb w^{\rm T}\pmb x = \pmb x", [],
     {"w": [3, 1], "x": [3, 1]}, {}, "valid"),
    # values at steps written as calls, w(t) and w(t+1): the update defines the next one
    (r"w(t+1) = w(t) - \eta \frac{\partial E}{\partial w} = w(t) - \eta (w x - y) x",
     [r"E = \frac{1}{2}(w x - y)^2"], {}, {}, "valid"),
    (r"w(t+1) = w(t) - \eta \frac{\partial E}{\partial w} = w(t) + \eta (w x - y) x",
     [r"E = \frac{1}{2}(w x - y)^2"], {}, {}, "invalid"),
    # what a second read found: member 0 beside a sum with no bounds (which runs from 1) is
    # not counted from 0; an update given as a call is the given's; y' of a defined y and
    # the x' of a kernel k(x, x') are no transposes
    (r"\frac{\partial y_0}{\partial a_0} = y_0",
     [r"y_k = \frac{e^{a_k}}{\sum_{j} e^{a_j}}", "p = y_0"], {}, {}, "undecided"),
    (r"w(t+1) = w(t) + \eta g", [r"w(t+1) = w(t) - \eta g"], {}, {}, "invalid"),
    (r"w(t+1) - w(t) = -\eta g", [r"w(t+1) = w(t) - \eta g"], {}, {}, "valid"),
    # y' of y defined as a formula of one letter: its derivative in that letter
    # (beside itself, y' y may be yᵀ y, as statistics writes it: undecided)
    (r"y' y = x^2 + 1", [r"y = \sqrt{x^2 + 1}"], {}, {}, "undecided"),
    (r"y' y = x", [r"y = \sqrt{x^2 + 1}"], {}, {}, "undecided"),
    ("y'(0) = 3", ["y = x^2 + 3x"], {}, {}, "valid"),
    ("y'(0) = 0", ["y = x^2 + 3x"], {}, {}, "invalid"),
    ("y'(x) = 2x + 3", ["y = x^2 + 3x"], {}, {}, "valid"),
    (r"u' v - v' u = 0", ["u = x^2", r"v = \sin x"], {}, {}, "invalid"),
    (r"u' v - v' u = 2x \sin x - x^2 \cos x", ["u = x^2", r"v = \sin x"], {}, {}, "valid"),
    (r"y' = 3x", ["y = x^2"], {}, {}, "invalid"),
    (r"y'' = 2", ["y = x^2"], {}, {}, "valid"),
    # gradients named as the text names one: G_O = ∂L/∂O makes G_V ∂L/∂V; dA = ∂L/∂A, dZ
    ("G_V = P^T G_O", ["O = P V", r"G_O = \partial \mathcal{L}/\partial O"],
     {"P": [2, 3], "V": [3, 2]}, {}, "valid"),
    ("G_V = P G_O", ["O = P V", r"G_O = \partial \mathcal{L}/\partial O"],
     {"P": [3, 3], "V": [3, 2]}, {}, "invalid"),
    (r"dZ = dA \odot f'(Z)", ["Z = XW + b", "A = f(Z)", r"dA = \frac{\partial L}{\partial A}"],
     {}, {}, "valid"),
    ("dW = X^T dZ", ["Z = XW + b", r"dZ = \frac{\partial L}{\partial Z}"],
     {"X": [4, 3], "W": [3, 2]}, {}, "valid"),
    ("dW = dZ X^T", ["Z = XW + b", r"dZ = \frac{\partial L}{\partial Z}"],
     {"X": [3, 3], "W": [3, 3]}, {}, "invalid"),
    # softmax of a matrix: by rows or by columns is not said
    (r"P_{12} = \frac{e^{S_{12}}}{e^{S_{11}} + e^{S_{12}}}", [r"P = \operatorname{softmax}(S)"],
     {"S": [2, 2], "P": [2, 2]}, {}, "undecided"),
    (r"P_{12} = \frac{e^{S_{12}}}{e^{S_{11}} + e^{S_{12}}}", [r"P = \operatorname{softmax}(S)"],
     {"S": [2, 2], "P": [2, 2]}, {"softmax": "rows"}, "valid"),
    (r"P_{12} = \frac{e^{S_{12}}}{e^{S_{11}} + e^{S_{12}}}", [r"P = \operatorname{softmax}(S)"],
     {"S": [2, 2], "P": [2, 2]}, {"softmax": "columns"}, "invalid"),
    # … read both ways when undeclared: a step that does not turn on the axis is decided
    (r"\operatorname{softmax}(S + c) = \operatorname{softmax}(S)", [], {"S": [2, 3]}, {}, "valid"),
    (r"\operatorname{softmax}(S + 1) = \operatorname{softmax}(2 S)", [], {"S": [2, 3]}, {},
     "invalid"),
    (r"\operatorname{softmax}(S) \mathbf{1}_3 = \mathbf{1}_2", [], {"S": [2, 3]}, {},
     "undecided"),
    (r"\frac{\partial L}{\partial V} = A^T G",
     [r"L = \operatorname{tr}(G^T O)", "O = A V", r"A = \operatorname{softmax}(Q K^T)"],
     {"Q": [2, 3], "K": [2, 3], "V": [2, 2], "G": [2, 2]}, {}, "valid"),
    (r"\frac{\partial L}{\partial V} = A G",
     [r"L = \operatorname{tr}(G^T O)", "O = A V", r"A = \operatorname{softmax}(Q K^T)"],
     {"Q": [2, 3], "K": [2, 3], "V": [2, 2], "G": [2, 2]}, {}, "invalid"),
    # a bare vector of ones alone on a side takes the other side's shape; a bold 0, its zero
    (r"A \mathbf{1} = \mathbf{1}", [], {"A": [3, 3]}, {}, "invalid"),
    (r"A \mathbf{1} = \mathbf{1}", [r"A = \begin{bmatrix} 0.5 & 0.5 \\ 0.25 & 0.75 \end{bmatrix}"],
     {}, {}, "valid"),
    (r"\frac{d}{dc} (c) = \mathbf{1}", [], {}, {}, "valid"),
    (r"\frac{d}{dc} (a b) = \mathbf{0}", [], {}, {}, "valid"),
    (r"x + x = \mathbf{0}", [], {"x": [3, 1]}, {}, "invalid"),
    # a printed 0 against a vector is its zero; (X^T X)^{-1} is square, so w's shape follows
    ("x - x = 0", [], {"x": [3, 1]}, {}, "valid"),
    ("x + x = 0", [], {"x": [3, 1]}, {}, "invalid"),
    ("X^T (X w - y) = 0", ["w = (X^T X)^{-1} X^T y"], {"X": [4, 2], "y": [4, 1]}, {}, "valid"),
    ("X^T (X w + y) = 0", ["w = (X^T X)^{-1} X^T y"], {"X": [4, 2], "y": [4, 1]}, {},
     "invalid"),
    ("X^T X w = X^T y", ["w = (X^T X)^{-1} X^T y"], {"X": [4, 2], "y": [4, 1]}, {}, "valid"),
    # the differential of an input written through its output's: a gradient of backprop code
    # (dS = ∂L/∂S, of a loss nothing names), and so it holds
    (r"dS = dP \odot P \odot (1 - P)", [r"P = \sigma(S)"], {}, {}, "valid"),
    (r"dS = dP \odot P", [r"P = \sigma(S)"], {}, {}, "invalid"),
    (r"dP = P (1 - P) dS", [r"P = \sigma(S)"], {}, {}, "valid"),
    # a side undefined at one index only (x̄_0 at n = 1): the other indices decide
    (r"\bar{x}_n = \bar{x}_{n-1} + \frac{x_n - \bar{x}_{n-1}}{n-1}",
     [r"\bar{x}_n = \frac{1}{n} \sum_{i=1}^{n} x_i"], {}, {}, "invalid"),
    (r"\bar{x}_n = \bar{x}_{n-1} + \frac{x_n - \bar{x}_{n-1}}{n}",
     [r"\bar{x}_n = \frac{1}{n} \sum_{i=1}^{n} x_i"], {}, {}, "valid"),
    # found in the held half: V(s') defined nowhere, inside a derivative, may be a function
    (r"\nabla_\theta V(s') = 0", [], {}, {}, "undecided"),
    (r"\nabla_\theta V^\pi(s') = 0", [], {}, {}, "undecided"),
    # member 0 of a family its closed formula gives from 1 is no free number
    (r"M_{2,n} = M_{2,n-1} + (x_n - \bar{x}_n) (x_n - \bar{x}_{n-1})",
     [r"\bar{x}_n = \frac{1}{n} \sum_{i=1}^{n} x_i", r"M_{2,n} = \sum_{i=1}^n (x_i - \bar{x}_n)^2"],
     {}, {}, "undecided"),
    # found by a second read: a coefficient with a Greek subscript before parentheses of an
    # expression multiplies them; g(x, y) defined nowhere is no sum of functions of each
    (r"\frac{d}{dw} \left[ c_\lambda (w^2 + 1) \right] = 2 c_\lambda w", [], {}, {}, "valid"),
    (r"w_\lambda (x + 1) = w_\lambda x + w_\lambda", [], {}, {}, "valid"),
    (r"\frac{\partial^2}{\partial x \partial \theta} f_\theta(x) = 0", [], {}, {}, "undecided"),
    (r"\frac{\partial^2}{\partial s \partial a} Q^\pi(s, a) = 0", [], {}, {}, "undecided"),
    # f'(z) entry by entry only when f's body holds z through nothing else (S = Σ e^{z_j})
    ("f'(z) = f(z)", [r"S = \sum_j e^{z_j}", r"f(z) = \frac{\exp(z)}{S}"], {"z": [3, 1]}, {},
     "undecided"),
    ("f'(z) = 2", ["f(z) = 2 z"], {"z": [3, 1]}, {}, "undecided"),
    # a name with a subscript declared a matrix is that matrix in the shapes definitions give
    (r"\frac{\partial L}{\partial x} = W_1^T (z - t)", ["z = W_1 x", r"L = \frac{1}{2}\|z - t\|^2"],
     {"W_1": [4, 3], "x": [3, 1], "t": [4, 1]}, {}, "valid"),
    # a labelled name called at a tuple, Q^π(s, a): any function
    (r"\frac{\partial}{\partial s} Q^\pi(s, a)^2 = 2 Q^\pi(s, a) \frac{\partial Q^\pi(s, a)}"
     r"{\partial s}", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial s} Q^\pi(s, a)^2 = 2 Q^\pi(s, a)", [], {}, {}, "invalid"),
    # a function defined nowhere, subscripted by its parameter: a function of it too
    (r"\nabla_\theta p_\theta(\tau) = p_\theta(\tau) \nabla_\theta \log p_\theta(\tau)", [], {}, {},
     "valid"),
    (r"\nabla_\theta p_\theta(\tau) = \nabla_\theta \log p_\theta(\tau)", [], {}, {}, "invalid"),
    (r"\frac{\partial}{\partial \theta} \frac{1}{2}(h_\theta(x) - y)^2 = (h_\theta(x) - y) "
     r"\frac{\partial h_\theta(x)}{\partial \theta}", [], {}, {}, "valid"),
    # a subscript made of a defined function's parameters: its partial derivative
    ("f_y = 3x + 8y", ["f(x, y) = x^2 + 3xy + 4y^2"], {}, {}, "valid"),
    ("f_y = 3x + 4y", ["f(x, y) = x^2 + 3xy + 4y^2"], {}, {}, "invalid"),
    ("f_{xy} = 3", ["f(x, y) = x^2 + 3xy + 4y^2"], {}, {}, "valid"),
    ("f_y(1, 2) = 19", ["f(x, y) = x^2 + 3xy + 4y^2"], {}, {}, "valid"),
    ("f_x(1, 2) = 9", ["f(x, y) = x^2 + 3xy + 4y^2"], {}, {}, "invalid"),
    (r"h_\theta(x) = \theta x", [r"h_\theta(x) = \theta x"], {}, {}, "valid"),
    # a loss defined nowhere, at an index (L_t): of every output, or of those at its index
    (r"\frac{\partial L_t}{\partial u} = \frac{\partial L_t}{\partial \hat{y}_t} "
     r"\frac{\partial \hat{y}_t}{\partial u}", [r"\hat{y}_t = \sigma(b + u h_t)"], {}, {},
     "undecided"),
    (r"\frac{\partial L_t}{\partial u} = \frac{\partial L_t}{\partial \hat{y}_t} "
     r"\frac{\partial \hat{y}_t}{\partial h_t}", [r"\hat{y}_t = \sigma(b + u h_t)"], {}, {},
     "invalid"),
    # ... and of a formula of several letters, undecided, never a free name shown wrong
    (r"y' = a", ["y = a x + b"], {}, {}, "undecided"),
    (r"\frac{\partial^2 k}{\partial x \partial x'} = 0", ["k = x x'"], {}, {}, "undecided"),
    (r"\begin{bmatrix} 1 & - \\ 2 & 3 \end{bmatrix} = 0", [], {}, {}, "unparseable"),
    # a computed value printed with two digits (z ≈ 0.31) is rounded, as one with three is
    (r"\hat{y} = \sigma(0.31) \approx 0.577",
     [r"z_1 = w_1 \cdot x + b_1", r"h = \sigma(z_1)", r"z_2 = w_2 \cdot h + b_2",
      r"\hat{y} = \sigma(z_2)", "x = 1.0", "w_1 = 0.3", "b_1 = -0.2", "w_2 = 0.4", "b_2 = 0.1"],
     {}, {}, "valid"),
    # members of a family transposed are vectors: the outer product is not the inner one
    (r"\mathbf{x}_i \mathbf{x}_i^T = \mathbf{x}_i^T \mathbf{x}_i", [], {}, {}, "undecided"),
    (r"x_i^T x_j = x_j^T x_i", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial w} x_i^T w = x_i", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial x} x^T A x = 2 A x", [], {}, {}, "undecided"),
    # θ_j a row of θ_{ij} with no shape; layer 1 against a labelled last layer r
    (r"\frac{\partial J}{\partial \theta_j} = \lambda \theta_j",
     [r"J = \frac{\lambda}{2} \sum_{i=1}^k \sum_{j=1}^n \theta_{ij}^2"], {}, {}, "undecided"),
    (r"\frac{\partial J}{\partial z^{[k]}} = 0",
     [r"a^{[r]} = W^{[r]} a^{[r-1]}", r"J = \frac{1}{2} (a^{[r]} - y)^2"], {}, {}, "undecided"),
    # a bound that is the claim's free index: \prod_{j=i+1}^{t} at t = 2 stops at 2
    (r"a_{t}=b_{t}+\sum_{i=1}^{t-1}\left(\prod_{j=i+1}^{t}c_{j}\right)b_{i}",
     [r"a_{0}=0", r"a_{t}=b_{t}+c_{t}a_{t-1}"], {}, {}, "valid"),
    (r"a_{t}=b_{t}+\sum_{i=1}^{t-1}\left(\prod_{j=i}^{t}c_{j}\right)b_{i}",
     [r"a_{0}=0", r"a_{t}=b_{t}+c_{t}a_{t-1}"], {}, {}, "invalid"),
    # θ_0 next to θ^T x is an offset, not an entry of θ
    (r"\frac{\partial J}{\partial \theta_0} = \sum_{i=1}^n (\theta^T x^{(i)} + \theta_0 - y^{(i)})",
     [r"J = \frac{1}{2}\sum_{i=1}^n (\theta^T x^{(i)} + \theta_0 - y^{(i)})^2"], {}, {}, "valid"),
    (r"\frac{\partial J}{\partial \theta_0} = \sum_i (\theta^T x^{(i)} - y^{(i)}) x_0^{(i)}",
     [r"J = \frac{1}{2}\sum_{i=1}^n (\theta^T x^{(i)} - y^{(i)})^2"], {}, {}, "undecided"),
    # e^(−x) as typed; a step w^{k+1} defined; a given with a side statement after \qquad
    (r"σ'(x) = σ(x)(1 - σ(x))", [r"σ(x) = 1 / (1 + e^(−x))"], {}, {}, "valid"),
    (r"w^{k+2} = w^{k} - \alpha\nabla f(w^k) + \alpha\nabla f(w^{k+1})",
     [r"w^{k+1} = w^k-\alpha\nabla f(w^k).", r"w^{k+2} = w^{k+1}-\alpha\nabla f(w^{k+1})"], {}, {},
     "invalid"),
    (r"\nabla f(w) = w - b", [r"f(w) = \tfrac{1}{2}w^2 - b w, \qquad w \in \mathbf{R}."], {}, {},
     "valid"),
    # a condition said in words; a name the text defines only in words, on one side only
    (r"\frac{\partial C}{\partial b} = 2 (b - y) \text{ (for the positive case)}",
     [r"C = \max(0, b - y)^2"], {}, {}, "undecided"),
    (r"\frac{\partial C}{\partial b} = 2 q (b - y)", [r"C = (b - y)^2"], {}, {}, "undecided"),
    (r"\frac{\partial C}{\partial b} = 2 (b - J)", [r"C = (b - y)^2"], {}, {}, "invalid"),
    (r"\frac{\partial C}{\partial b} = 2 b", [r"C = (b - y)^2"], {}, {}, "invalid"),
    # h^2(x) is h(x) squared; rounded intermediate numbers; a name with no shape beside shapes
    (r"f'(x) = \dfrac{g'(x)h(x) - g(x)h'(x)}{h^2(x)}", [r"f(x) = \dfrac{g(x)}{h(x)}"], {}, {},
     "valid"),
    (r"0.40 \times 0.59327 + 0.45 \times 0.59688 = 0.23731 + 0.26860", [], {}, {}, "valid"),
    (r"0.40 \times 0.59327 + 0.45 \times 0.59688 = 0.23731 + 0.26870", [], {}, {}, "invalid"),
    (r"\nabla g(w) = 2 C w + b", [r"g(w) = a + b^T w + w^T C w"], {"C": ["N", "N"], "b": ["N", 1]},
     {}, "undecided"),
    (r"\frac{\partial}{\partial X} X^{\text{T}} A X = (A + A^{\text{T}}) X", [],
     {"A": [3, 3], "X": [3, 1]}, {}, "valid"),
    # Nielsen's \sum_w w^2 over every weight
    (r"\frac{\partial C}{\partial w} = \frac{\partial C_0}{\partial w} + \frac{\lambda}{n} w",
     [r"C = C_0 + \frac{\lambda}{2n}\sum_w w^2"], {}, {"symbols": {"C_0": "function"}},
     "undecided"),
    # Nielsen's \sum_x over training inputs, with y(x), a^L(x): not a sum of numbers
    (r"\frac{\partial C}{\partial w} = \frac{1}{n} \sum_x (a(x) - y(x)) x",
     [r"C = \frac{1}{2n} \sum_x (y(x) - a(x))^2", r"a(x) = w x"], {}, {}, "undecided"),
    # Kronecker delta and indicator
    (r"\sum_j \delta_{ij} z_j = z_i", [], {}, {}, "valid"),
    (r"\mathbb{1}[z > 0] = H(z)", [], {}, {}, "valid"),
    # trace, determinant, inverse, diag
    (r"\operatorname{tr}(A B) = \operatorname{tr}(B A)", [], SQUARE, {}, "valid"),
    (r"\det(A B) = \det A \det B", [], SQUARE, {}, "valid"),
    (r"(A^{-1})^T = (A^T)^{-1}", [], SQUARE, {}, "valid"),
    (r"\operatorname{diag}(v) u = v \odot u", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    # \diag of a square matrix is its diagonal (a vector); a negative power inverts
    (r"\diag(A B) = (A \odot B^T) \mathbf{1}", [], SQUARE, {}, "valid"),
    (r"\diag(A B) = (A \odot B) \mathbf{1}", [], SQUARE, {}, "invalid"),
    (r"A^{-2} = A^{-1} A^{-1}", [], SQUARE, {}, "valid"),
    (r"A^{-2} A^{2} B = B", [], SQUARE, {}, "valid"),
    # layout commands are not math
    (r"\left( a + b \right) \quad = \boxed{b + a}", [], {}, {}, "valid"),
    (r"a \text{ (by symmetry) } = a", [], {}, {}, "valid"),
    # old font switches: {\cal C} is \mathcal{C}, not C
    (r"\frac{\partial {\cal C}}{\partial a} = a", [r"{\cal C}(a) = \frac{1}{2} a^2"], {}, {},
     "valid"),
    (r"\frac{\partial {\cal C}}{\partial a} = 2a", [r"{\cal C}(a) = \frac{1}{2} a^2"], {}, {},
     "invalid"),
    # a superscript or subscript that holds only a space, \mathbf{w}^{\,}, is nothing
    (r"\frac{d}{dw} g(\mathbf{w}^{\,}) = 2\mathbf{w}^{\,}", [r"g(w) = w^2"], {}, {}, "valid"),
    # a bold font whose braces cut through a parenthesis groups nothing (Géron's 4-18)
    (r"\frac{d}{d \theta} J(\theta) = (\mathbf{\sigma(\boldsymbol{\theta}}^T x) - y) x",
     [r"J(\theta) = \log(1 + e^{\theta^T x}) - y \theta^T x"], {}, {}, "valid"),
    (r"\frac{d}{d \theta} J(\theta) = (\mathbf{\sigma(\boldsymbol{\theta}}^T x) + y) x",
     [r"J(\theta) = \log(1 + e^{\theta x}) - y \theta x"], {}, {}, "invalid"),
    # \mid as the bar of an evaluation, sized in a group of its own
    (r"\frac{d}{dx} x^2 {\huge\mid}_{x = 1} = 2", [], {}, {}, "valid"),
    (r"\frac{d}{dx} x^2 \mid_{x = 1} = 3", [], {}, {}, "invalid"),
    # a given relating two index letters is the case the claim is about
    (r"\frac{\partial p_i}{\partial o_k} = p_k (1 - p_k)",
     [r"p_i = \frac{\exp(o_i)}{\sum_j \exp(o_j)}", "i = k"], {}, {}, "valid"),
    (r"\frac{\partial p_i}{\partial o_k} = p_k (1 - p_k)",
     [r"p_i = \frac{\exp(o_i)}{\sum_j \exp(o_j)}", r"i \neq k"], {}, {}, "invalid"),
    # a function alone is its value at its own parameters; f(1 - f) is f times (1 - f)
    (r"x^2 = f", [r"f(x) = x^2"], {}, {}, "valid"),
    (r"x^3 = f", [r"f(x) = x^2"], {}, {}, "invalid"),
    (r"f'(x) = f(1 - f)", [r"f(x) = \frac{1}{1+e^{-x}}"], {}, {}, "valid"),
    (r"f'(x) = f(1 + f)", [r"f(x) = \frac{1}{1+e^{-x}}"], {}, {}, "invalid"),
    # a family of functions y_i(x): y_k alone is its member k
    (r"y_i (1 - y_i) = y_i - y_i y_k",
     [r"y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}", "i = k"], {}, {}, "valid"),
    (r"y_i (1 - y_i) = y_i + y_i y_k",
     [r"y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}", "i = k"], {}, {}, "invalid"),
    # a known function alone, without its argument, is not a value
    (r"\sigma'(z) = \sigma(1 - \sigma)", [], {}, {}, "undecided"),
    # letters printed together as a defined name: NLL, MSE, loss
    (r"\frac{\partial MSE}{\partial w} = 2(w x - y) x", [r"MSE = (w x - y)^2"], {}, {}, "valid"),
    (r"\frac{\partial MSE}{\partial w} = (w x - y) x", [r"MSE = (w x - y)^2"], {}, {},
     "invalid"),
    (r"2 loss = 2(y - w)^2", [r"loss = y^2 - 2 y w + w^2"], {}, {}, "valid"),
    (r"AB = BA", [], SQUARE, {}, "invalid"),
    # plain-text function names: a power before the parentheses, a word of three letters
    (r"\tanh'(x) = 1 - tanh^2(x)", [], {}, {}, "valid"),
    (r"\tanh'(x) = 1 + tanh^2(x)", [], {}, {}, "invalid"),
    (r"tanh(z) = 2logistic(2z) - 1", [], {}, {"symbols": {"logistic": "sigmoid"}}, "valid"),
    (r"\frac{d}{dz} softsign(z) = \frac{1}{(1+|z|)^2}", [r"softsign(z) = \frac{z}{1 + |z|}"],
     {}, {}, "valid"),
    (r"abc(x + 1) = abc x + abc", [], {}, {}, "undecided"),
    # d before a quantity is a differential: not a number d (a missing 2 would pass);
    # equal to first order, one side linear in the increments, is valid
    (r"d(x^T x) = x^T dx", [], {"x": ["n", 1]}, {}, "invalid"),
    (r"d(x^T x) = 2 x^T dx", [], {"x": ["n", 1]}, {}, "valid"),
    (r"d(x^T x) = x^T dx", [], {"x": ["n", 1]}, {"symbols": {"d": "constant"}}, "valid"),
    (r"df = \operatorname{tr}(A^{-1} dA)", [r"f = \log \det A"], {"A": [2, 2]}, {}, "valid"),
    (r"d(X^{-1}) = -X^{-1} dX X^{-1}", [], {"X": [2, 2]}, {}, "valid"),
    (r"d(X^{-1}) = X^{-1} dX X^{-1}", [], {"X": [2, 2]}, {}, "invalid"),
    # a name inside a differential whose own differential is not written holds still only
    # when declared a constant: a dropped product-rule term is not passed
    (r"d(XY) = dX\, Y", [], {"X": [2, 2], "Y": [2, 2]}, {}, "undecided"),
    (r"d(x^T A x) = x^T (A + A^T) dx", [], {"x": [3, 1], "A": [3, 3]},
     {"symbols": {"A": "constant"}}, "valid"),
    (r"d(2x) = 2 dx + 5 (dx)^2", [], {}, {}, "undecided"),
    (r"\mathrm{d}f = f(x + \mathrm{d}x) - f(x) = 2 x \mathrm{d}x + (\mathrm{d}x)^2",
     [r"f(x) = x^2"], {}, {}, "valid"),
    (r"d(x^2) + (dx)^2 = 2 x dx + 3 (dx)^2", [], {}, {}, "undecided"),
    (r"dx^2 = 2 x dx", [], {}, {}, "undecided"),
    (r"d f = 2 x", [r"f = x^2"], {}, {}, "undecided"),
    # Leibniz's d before a fraction
    (r"\frac{d \frac{t^2}{2}}{dt} = t", [], {}, {}, "valid"),
    (r"\frac{d \frac{t^2}{2}}{dt} = 2t", [], {}, {}, "invalid"),
    # \nabla f alone: f's gradient in its own parameter; of a vector, entry by entry
    (r"\nabla f = 2 x", [r"f(x) = x^2"], {}, {}, "valid"),
    (r"\nabla f = 3 x", [r"f(x) = x^2"], {}, {}, "invalid"),
    (r"\nabla f = 2 x", [r"f = x^2"], {}, {}, "undecided"),
    (r"\nabla f(\mathbf{x}) = \frac{1}{2}(P + P^T)\mathbf{x} + \mathbf{q}",
     [r"f(\mathbf{x}) = \frac{1}{2} \mathbf{x}^\top P \mathbf{x} + \mathbf{q}^\top\mathbf{x} + r"],
     {"P": ["n", "n"], r"\mathbf{q}": ["n", 1], r"\mathbf{x}": ["n", 1]},
     {"symbols": {"r": "constant"}}, "valid"),
    (r"\nabla f(\mathbf{x}) = P\mathbf{x} + \mathbf{q}",
     [r"f(\mathbf{x}) = \frac{1}{2} \mathbf{x}^\top P \mathbf{x} + \mathbf{q}^\top\mathbf{x} + r"],
     {"P": ["n", "n"], r"\mathbf{q}": ["n", 1], r"\mathbf{x}": ["n", 1]},
     {"symbols": {"r": "constant"}}, "invalid"),
    # side conditions beside a claim or a given: the case in force, a range that defines
    # nothing
    (r"\frac{\partial p_j}{\partial o_i} = p_i(1 - p_i),\quad i = j",
     [r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}"], {}, {}, "valid"),
    (r"\frac{\partial p_j}{\partial o_i} = p_i(1 - p_i),\quad i \neq j",
     [r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}"], {}, {}, "invalid"),
    (r"{\rm if}~i=j,~\frac{\partial y_i}{\partial x_j} = y_i (1 - y_i)",
     [r"y_i = \frac{e^{x_i}}{\sum_k e^{x_k}}, for~i=1,..., C"], {}, {}, "valid"),
    # a point to evaluate at, the variable unsaid; x^\star is another value of x, not a layer
    (r"\left.\frac{d^2 f(x)}{dx^2}\right|_{x^\star} = p",
     [r"f(x) = \frac{1}{2}px^2+qx +r", r"x^\star=\frac{-q}{p}"], {}, {}, "valid"),
    (r"\left.\frac{d^2 f(x)}{dx^2}\right|_{x^\star} = 2p",
     [r"f(x) = \frac{1}{2}px^2+qx +r", r"x^\star=\frac{-q}{p}"], {}, {}, "invalid"),
    (r"\frac{d}{dx} x^2 = 2x", [r"x^\star=\frac{-q}{p}"], {}, {}, "valid"),
    # y^{(i)} of an m×1 vector y with no shape of its own: sample i, the entry i
    (r"\frac{\partial J}{\partial b} = \frac{2}{m}\sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)})",
     [r"\hat{y} = X w + b", r"J(w, b) = \frac{1}{m} \sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)})^2"],
     {"X": ["m", "n"], r"\hat{y}": ["m", 1], "w": ["n", 1], "y": ["m", 1]}, {}, "valid"),
    (r"\frac{\partial J}{\partial b} = \frac{2}{m}\sum_{i=1}^m (y^{(i)} - \hat{y}^{(i)})",
     [r"\hat{y} = X w + b", r"J(w, b) = \frac{1}{m} \sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)})^2"],
     {"X": ["m", "n"], r"\hat{y}": ["m", 1], "w": ["n", 1], "y": ["m", 1]}, {}, "invalid"),
    # Hessians: \nabla^2_{w} E, and \nabla^2 f(w) of a defined f
    (r"\nabla^2_w E = A + A^T", [r"E = w^T A w + b^T w"], {"w": [3, 1], "A": [3, 3], "b": [3, 1]},
     {}, "valid"),
    (r"\nabla^2_w E = 2A", [r"E = w^T A w + b^T w"], {"w": [3, 1], "A": [3, 3], "b": [3, 1]},
     {}, "invalid"),
    (r"\nabla^2 f(w) = A + A^T", [r"f(w) = w^T A w"], {"w": [3, 1], "A": [3, 3]}, {}, "valid"),
    (r"\nabla^2 f(w) = A", [r"f(w) = w^T A w"], {"w": [3, 1], "A": [3, 3]}, {}, "invalid"),
    # a vector divides entry by entry (it has no inverse); a 1×1 product raised to a power
    (r"\frac{e^{X\beta}}{1+e^{X\beta}} = \frac{1}{1+e^{-X\beta}}", [],
     {r"\beta": [2, 1], "X": [3, 2]}, {}, "valid"),
    (r"\frac{e^{X\beta}}{1+e^{X\beta}} = \frac{1}{1+e^{X\beta}}", [],
     {r"\beta": [2, 1], "X": [3, 2]}, {}, "invalid"),
    (r"(x^T \beta)^{2} = \beta^T x x^T \beta", [], {r"\beta": [3, 1], "x": [3, 1]}, {}, "valid"),
    # \textbf{1} is the vector of ones; a range after `,\ \forall j` defines nothing
    (r"\textbf{1}^T v = v_1 + v_2 + v_3", [], {"v": [3, 1]}, {}, "valid"),
    (r"\frac{\partial f}{\partial w_j} = 2 w_j,\ \forall j=1,2,...,p", [r"f = w^T w"],
     {"w": [3, 1]}, {}, "valid"),
    # a composition given a value in `given`: f(g(x)) is that quantity wherever written
    (r"\frac{d f(g(x))}{dx} = x - b", [r"f(g(x)) = \frac{1}{2}(b-x)^2", r"t = g(x) = b-x"], {}, {},
     "valid"),
    (r"\frac{d f(g(x))}{dx} = b - x", [r"f(g(x)) = \frac{1}{2}(b-x)^2", r"t = g(x) = b-x"], {}, {},
     "invalid"),
    # a function whose parameter has a subscript (σ(z_1) = … defines σ), called at z_2
    (r"a_2 = 0.609", ["w_1 = 0.1", "b_1 = -0.1", "w_2 = 0.3", "b_2 = 0.3", "x = 0.05",
                      "z_1 = w_1 x + b_1", r"a_1 = \sigma(z_1) = \frac{1}{1+e^{-z_1}}",
                      "z_2 = w_2 a_{1} + b_2", r"a_2 = \sigma(z_2)"], {}, {}, "valid"),
    # a derivative at a worked example's point against rounded decimals; w1 = 0.1 in code
    (r"\frac{\partial L}{\partial a_2} = 0.609 - 0.01",
     ["w1 = 0.1", "b1 = -0.1", "w2 = 0.3", "b2 = 0.3", "x = 0.05", "y = 0.01",
      "z_1 = w_1 x + b_1", r"a_1 = \sigma(z_1)", "z_2 = w_2 a_{1} + b_2",
      r"a_2 = \sigma(z_2)", r"L = \frac{1}{2}(y - a_2)^2"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial a_2} = 0.609 + 0.01",
     ["w1 = 0.1", "b1 = -0.1", "w2 = 0.3", "b2 = 0.3", "x = 0.05", "y = 0.01",
      "z_1 = w_1 x + b_1", r"a_1 = \sigma(z_1)", "z_2 = w_2 a_{1} + b_2",
      r"a_2 = \sigma(z_2)", r"L = \frac{1}{2}(y - a_2)^2"], {}, {}, "invalid"),
    # a bound stated beside a definition draws the samples in it: 0 < k < 1, k > 0
    (r"leaky'(z) = \begin{cases} 1 & z > 0 \\ k & \text{otherwise} \end{cases}",
     [r"leaky(z) = max(z,k \cdot z) \text{, where } 0<k<1"], {}, {}, "valid"),
    (r"leaky'(z) = \begin{cases} 1 & z > 0 \\ k & \text{otherwise} \end{cases}",
     [r"leaky(z) = max(z,k \cdot z)"], {}, {}, "invalid"),
    (r"\sqrt{k^2} = k", [r"q = k \text{ where } k > 0"], {}, {}, "valid"),
    (r"hardtanh'(z) = \begin{cases} 1 & -1 \leq z \leq 1 \\ 0 & \text{otherwise} \end{cases}",
     [r"hardtanh(z) = \begin{cases} -1 & z <-1 \\ z & -1 \leq z \leq 1 \\ 1 & z > 1 "
      r"\end{cases}"], {}, {}, "valid"),
    # X^{-T}: the transpose of the inverse
    (r"A^{-T} x = (A^{-1})^T x", [], {"A": [3, 3], "x": [3, 1]}, {}, "valid"),
    (r"A^{-T} x = A^{-1} x", [], {"A": [3, 3], "x": [3, 1]}, {}, "invalid"),
    # a vector defined with no shape takes the shape its definition gives (x = A p)
    (r"(p^T x) v + (v^T p) x = 0", [r"x = A p", r"v = A^T x"], {"A": [3, 3], "p": [3, 1]},
     {}, "invalid"),
    # plain-text derivatives: ∂BCE/∂ŷ with BCE defined, the operator ∂/∂ŷ [ … ]
    (r"∂BCE/∂ŷ = (ŷ - y) / (ŷ(1-ŷ))", [r"BCE = - [y·log(ŷ) + (1-y)·log(1-ŷ)]"], {}, {}, "valid"),
    (r"∂BCE/∂ŷ = (y - ŷ) / (ŷ(1-ŷ))", [r"BCE = - [y·log(ŷ) + (1-y)·log(1-ŷ)]"], {}, {},
     "invalid"),
    (r"∂/∂ŷ [ - (y·log(ŷ) + (1-y)·log(1-ŷ)) ] = (ŷ - y) / (ŷ(1-ŷ))", [], {}, {}, "valid"),
    # \sum_{n \in N} runs over the N members of N, numbered 1 to N; a set of a set is not read
    (r"\sum_{n \in N} 1 = N", [], {}, {}, "valid"),
    (r"\sum_{n \in N} 1 = N + 1", [], {}, {}, "invalid"),
    (r"\sum_{j \in \mathrm{pa}(i)} w_{ij} = 1", [], {}, {}, "undecided"),
    # ... and over a set named by a word
    (r"\frac{\partial E_d}{\partial y_j} = -(t_j - y_j)",
     [r"E_d=\frac{1}{2}\sum_{i \in outputs}(t_i-y_i)^2"], {}, {}, "valid"),
    (r"\frac{\partial E_d}{\partial y_j} = (t_j - y_j)",
     [r"E_d=\frac{1}{2}\sum_{i \in outputs}(t_i-y_i)^2"], {}, {}, "invalid"),
    # a derivative of a definition that does not hold the variable is 0 only by a misreading
    (r"\sum_{k \in D}\frac{\partial E_d}{\partial net_k}\frac{\partial net_k}{\partial \alpha_j}"
     r"\frac{\partial \alpha_j}{\partial net_j}=\sum_{k \in D}-\delta_kw_{kj}\alpha_j(1-\alpha_j)",
     [r"E_d=\frac{1}{2}\sum_{i \in O}(t_i-y_i)^2", r"net_j=\sum_iw_{ji}x_{ji}",
      r"y_j=\sigma(net_j)", r"\delta_j=-\frac{\partial E_d}{\partial net_j}"], {},
     {"sigma": "logistic"}, "undecided"),
    (r"\frac{\partial net_k}{\partial \alpha_j} = 0", [r"net_j=\sum_iw_{ji}x_{ji}"], {}, {},
     "valid"),
    # an arrow's vector in a definition the step uses, beside the letter's entries
    (r"\frac{\partial E_d}{\partial net_j}\frac{\partial net_j}{\partial w_{ji}}="
     r"\frac{\partial E_d}{\partial net_j}\frac{\partial \sum_iw_{ji}x_{ji}}{\partial w_{ji}}",
     [r"E_d=\frac{1}{2}\sum_{i \in outputs}(t_i-y_i)^2",
      r"net_j=\vec{w_j}\vec{x_j}=\sum_iw_{ji}x_{ji}", r"y_j=\sigma(net_j)"], {},
     {"sigma": "logistic"}, "undecided"),
    # the gradient of an accented function at its argument; where a function maps, said
    (r"\nabla\hat R(w) = 2w", [r"\hat R(w) = w^2"], {}, {}, "valid"),
    (r"\nabla\hat R(w) = 3w", [r"\hat R(w) = w^2"], {}, {}, "invalid"),
    (r"\sum_i p_i = 1", [r"p_i = \frac{\exp(z_i/\tau)}{\sum_j \exp(z_j/\tau)}",
                         r"\phi_\tau: \mathbb{R}^N \to \Delta^{N-1}"], {}, {}, "valid"),
    # plain text: a function's name typed right after a subscript ends it
    (r"\frac{\partial C}{\partial q_i} = -y_i/q_i + (1-y_i)/(1-q_i)",
     [r"C=\sum_i (-y_iln(q_i)-(1-y_i)ln(1-q_i))"], {}, {}, "valid"),
    (r"\frac{1}{|\mathcal{B}|}\sum_{i \in \mathcal{B}} x_i^2 = "
     r"\frac{1}{|\mathcal{B}|}\sum_{i \in \mathcal{B}} x_i x_i", [], {}, {}, "valid"),
    (r"\sum_{i=1}^{n} x_i = \sum_{i=1}^{m} x_i", [], {}, {}, "invalid"),
    # a matrix of `value & condition` rows is piecewise; `if $y$ is 1` is y = 1
    (r"R'(z) = \begin{Bmatrix} 1 & z>0 \\ 0 & z<0 \end{Bmatrix}",
     [r"R(z) = \begin{Bmatrix} z & z > 0 \\ 0 & z <= 0 \end{Bmatrix}"], {}, {}, "valid"),
    (r"{\ell}(p, y) = \begin{cases} -\log(p) & \text{if $y$ is 1} \\ -\log(1-p) & "
     r"\text{if $y$ is 0} \end{cases} = -y \log(p) -(1-y) \log(1-p)", [], {}, {}, "valid"),
    # a name the definitions rest on is claimed (an inverse), not defined
    (r"t = \log\frac{p}{1 - p}", [r"p = \sigma(t)"], {}, {}, "valid"),
    # a probability written given θ depends on θ: the log-derivative trick
    (r"\nabla_\theta \log p(x \mid \theta) = \frac{\nabla_\theta p(x \mid \theta)}"
     r"{p(x \mid \theta)}", [], {}, {}, "valid"),
    (r"\nabla_\theta \log p(x \mid \theta) = p(x \mid \theta) \nabla_\theta p(x \mid \theta)",
     [], {}, {}, "undecided"),
    # the entry at a sample's label; a class label is an index of the instances
    (r"-\log\frac{e^{f_{y_i}}}{\sum_j e^{f_j}} = -f_{y_i} + \log\sum_j e^{f_j}", [], {}, {},
     "valid"),
    (r"\frac{\partial L}{\partial f_k} = p_k", [r"L = -\log\frac{e^{f_y}}{\sum_j e^{f_j}}",
                                                 r"p_k = \frac{e^{f_k}}{\sum_j e^{f_j}}"],
     {}, {}, "invalid"),
    (r"\frac{\partial L}{\partial f_k} = p_k - \mathbb{1}(k = y)",
     [r"L = -\log\frac{e^{f_y}}{\sum_j e^{f_j}}", r"p_k = \frac{e^{f_k}}{\sum_j e^{f_j}}"],
     {}, {}, "valid"),
    # \tag{1} on a given is the equation's number
    (r"\frac{\partial E}{\partial a_1} = a_1 - t_1",
     [r"E = \frac{1}{2} \sum_{k=1}^K(a_k - t_k)^2 \tag{1}"], {}, {}, "valid"),
    # a known function over its usual argument's differential is its derivative
    (r"\frac{d\sigma}{dz} = \sigma(z)(1 - \sigma(z))", [], {}, {}, "valid"),
    (r"\frac{d\sigma}{dz} = (1 + e^{-z})^{-2} \cdot (-e^{-z})", [], {}, {}, "invalid"),
    (r"\frac{\partial \sigma}{\partial w} = \sigma(w x)(1-\sigma(w x)) x", [], {}, {},
     "undecided"),
    # D2L's loss of sample i, a function written with the sample's superscript
    (r"\partial_w l^{(i)}(w, b) = x^{(i)}(w x^{(i)} + b - y^{(i)})",
     [r"l^{(i)}(w, b) = \frac{1}{2} \left(w x^{(i)} + b - y^{(i)}\right)^2"], {}, {}, "valid"),
    (r"\frac{\partial l^{(i)}}{\partial b} = 2(w x^{(i)} + b - y^{(i)})",
     [r"l^{(i)}(w, b) = \frac{1}{2} \left(w x^{(i)} + b - y^{(i)}\right)^2"], {}, {}, "invalid"),
    # a bar beside a sum over its letter is the mean
    (r"\sum_{i=1}^{m} (x_i - \bar{x}) = 0", [], {}, {}, "valid"),
    (r"\sum_{i=1}^{m} (x_i - \bar{x})^2 = \sum_{i=1}^{m} x_i^2 - \bar{x}^2", [], {}, {},
     "invalid"),
    # numbers put for free names: the values are in the text, not here
    (r"(y-p)^2 = (1-0)^2", [], {}, {}, "undecided"),
    # x^{-T} of a number is a power; a bound on σ leaves σ the function
    (r"\frac{d}{dx} x^{-T} = -T x^{-T-1}", [], {}, {"symbols": {"T": "constant"}}, "valid"),
    (r"\frac{d}{dx} x^{-T} = -x^{-2}", ["T = 5"], {}, {}, "invalid"),
    (r"\frac{d}{dx} \sigma(x) = \sigma(x)(1-\sigma(x))", [r"\sigma > 0"], {}, {}, "valid"),
    # \nabla (…) never picks a name a definition gives
    (r"\nabla (y^T y) = 2 A^T y", ["y = A x"], {"A": [3, 3], "x": [3, 1], "y": [3, 1]},
     {"symbols": {"A": "constant"}}, "undecided"),
    # a composition inside a defining chain: σ(x) = f(g(x)) = … defines f(g(x)) too
    (r"\frac{d f(g(x))}{dx} = \frac{e^{-x}}{(1+e^{-x})^2}",
     [r"\sigma(x) = f(g(x)) = \frac{1}{1+e^{-x}}"], {}, {}, "valid"),
    # a shape for a name of several letters: EH
    (r"EH^T EH = \sum_{i=1}^{3} EH_i^2", [], {"EH": [3, 1]}, {}, "valid"),
    # a constraint: \sum_k y_k = 1 draws y as a distribution (entries ≥ 0, summing to 1)
    (r"\frac{\partial L}{\partial o_i} = p_i - y_i",
     [r"L = -\sum_j y_j \log p_j", r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}", r"\sum_k y_k = 1"],
     {}, {}, "valid"),
    # without it, p_i - y_i holds when y is one-hot, as a label is: undecided, never invalid
    (r"\frac{\partial L}{\partial o_i} = p_i - y_i",
     [r"L = -\sum_j y_j \log p_j", r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}"], {}, {},
     "undecided"),
    (r"\frac{\partial L}{\partial o_i} = y_i - p_i",
     [r"L = -\sum_j y_j \log p_j", r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}", r"\sum_k y_k = 1"],
     {}, {}, "invalid"),
    # B = B^T: a symmetric matrix, drawn so
    (r"\nabla f(x) = P x + q", [r"f(x) = \frac{1}{2} x^T P x + q^T x", r"P = P^T"],
     {"P": ["n", "n"], "q": ["n", 1], "x": ["n", 1]}, {}, "valid"),
    (r"\nabla f(x) = P x + q", [r"f(x) = \frac{1}{2} x^T P x + q^T x"],
     {"P": ["n", "n"], "q": ["n", 1], "x": ["n", 1]}, {}, "invalid"),
    (r"\nabla f(x) = P x + q, \quad P^\top = P", [r"f(x) = \frac{1}{2} x^T P x + q^T x"],
     {"P": ["n", "n"], "q": ["n", 1], "x": ["n", 1]}, {}, "valid"),
    (r"\nabla f(x) = P^T x - q", [r"f(x) = \frac{1}{2} x^T P x + q^T x", r"P = P^T"],
     {"P": ["n", "n"], "q": ["n", 1], "x": ["n", 1]}, {}, "invalid"),
    # a Hessian at a point with no shape is not a number's second derivative: w is a vector
    (r"\nabla^2 f(w) = A^T A", [r"f(w) = w^T A w"], {"A": [3, 3]}, {}, "invalid"),
    (r"\nabla^2 f(w) = A + A^T", [r"f(w) = w^T A w"], {"A": [3, 3]}, {}, "valid"),
    # layer L of a family defined for every layer l: not built, so not a free number
    (r"a_j^L(1-a_j^L) = \sigma'(z_j^L)", [r"a_j^l = \sigma(z_j^l)"], {}, {}, "undecided"),
    # a^0_k: the input layer 0, never a number to the power 0
    (r"\frac{\partial z^1_j}{\partial w^1_{k,j}} = a^0_k",
     [r"z^1_j = \sum_{k=1}^{d_0} w^1_{k,j}\,a^0_k + w^1_{0,j}"], {}, {}, "valid"),
    (r"\frac{\partial z^1_j}{\partial w^1_{k,j}} = a^0_j",
     [r"z^1_j = \sum_{k=1}^{d_0} w^1_{k,j}\,a^0_k + w^1_{0,j}"], {}, {}, "invalid"),
    # \nabla (…) with no subscript: in the one shaped name that is no constant
    (r"\nabla (x^T A x) = (A+A^T)x", [], {"A": ["n", "n"], "x": ["n", 1]},
     {"symbols": {"A": "constant"}}, "valid"),
    (r"\nabla (x^T A x) = (A-A^T)x", [], {"A": ["n", "n"], "x": ["n", 1]},
     {"symbols": {"A": "constant"}}, "invalid"),
    (r"\nabla (x^T A x) = (A+A^T)x", [], {"A": ["n", "n"], "x": ["n", 1]}, {}, "undecided"),
    # x^{(i)}_j with X an m×n matrix and x unshaped: sample i's feature j, X_{i,j}
    (r"\frac{\partial J}{\partial w_j} = "
     r"\frac{2}{m}\sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)}) x^{(i)}_j",
     [r"\hat{y} = X w + b", r"J(w, b) = \frac{1}{m} \sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)})^2"],
     {"X": ["m", "n"], r"\hat{y}": ["m", 1], "w": ["n", 1], "y": ["m", 1]}, {}, "valid"),
    (r"\frac{\partial J}{\partial w_j} = "
     r"\frac{1}{m}\sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)}) x^{(i)}_j",
     [r"\hat{y} = X w + b", r"J(w, b) = \frac{1}{m} \sum_{i=1}^m (\hat{y}^{(i)} - y^{(i)})^2"],
     {"X": ["m", "n"], r"\hat{y}": ["m", 1], "w": ["n", 1], "y": ["m", 1]}, {}, "invalid"),
    # \nabla \mathcal{L}(w) of a defined \mathcal{L}
    (r"\nabla \mathcal{L}(w) = 2w", [r"\mathcal{L}(w) = w^2"], {}, {}, "valid"),
    # an equation's number after a wide space is no factor
    (r"\frac{d}{dx} x^2 = 2x \qquad (74)", [], {}, {}, "valid"),
    # c indexes a family (the class c of softmax); ς is a letter of its own, not σ
    (r"\frac{\partial y_i}{\partial z_i} = y_i (1 - y_i)",
     [r"y_c = \varsigma(\mathbf{z})_c",
      r"\varsigma(\mathbf{z})_c = \frac{e^{z_c}}{\sum_{d=1}^C e^{z_d}}"], {}, {}, "valid"),
    # a member of a family whose letter is no index letter is never a free number; p, a
    # generic entry letter, is the family's index
    (r"y_1 = x_1^2 + 1", [r"y_o = x_o^2"], {}, {}, "undecided"),
    (r"y_1 = x_1^2 + 1", [r"y_p = x_p^2"], {}, {}, "invalid"),
    (r"y_2 = x_2^2", [r"y_p = x_p^2"], {}, {}, "valid"),
    # a derivative in a given is taken once every given is known, in any order
    (r"\Delta w = \mu \frac{2}{N} \sum_{i=1}^{N} x_i (y_i - t_i)",
     [r"\Delta w = \mu \frac{\partial \xi}{\partial w}",
      r"\xi = \frac{1}{N} \sum_{i=1}^{N} \Vert t_i - y_i \Vert ^2", r"y_i = x_i \cdot w"],
     {}, {}, "valid"),
    # E holds z, defined nowhere, while δ_3 depends on W_3: z is the output said in words
    (r"\frac{\partial E}{\partial W_3} = \delta_3 x_2^T",
     [r"x_3 = f_3(W_3 x_2)", r"E = \frac{1}{2}\|z - t\|_2^2",
      r"\delta_3 = (x_3 - t) \circ f_3'(W_3 x_2)"],
     {"W_3": [2, 3], r"\delta_3": [2, 1], "x_2": [3, 1]}, {}, "undecided"),
    # a class label that only a one-hot t makes right: undecided, and valid once declared
    (r"-t_i + y_i \sum_{j = 1}^C t_j = y_i - t_i", [], {"t": ["C", 1], "y": ["C", 1]}, {},
     "undecided"),
    (r"-t_i + y_i \sum_{j = 1}^C t_j = y_i - t_i", [], {"t": ["C", 1], "y": ["C", 1]},
     {"symbols": {"t": "one-hot"}}, "valid"),
    # \textcolor{…}{…} is what it colours
    (r"\frac{\textcolor{green}{\partial z^{(L)}}}{\partial a^{(L-1)}} = "
     r"\textcolor{blue}{w^{(L)}}",
     [r"\textcolor{green}{z^{(L)}} = \textcolor{blue}{w^{(L)}} a^{(L-1)} + b^{(L)}"], {}, {},
     "valid"),
    # σ′ of a σ declared a plain quantity: the readings disagree
    (r"\frac{\partial a}{\partial z} = \sigma'(z)", [r"a = \sigma(z)"], {},
     {"sigma": "symbol"}, "undecided"),
    # a name declared a known function (symbols: {g: sigmoid}) is that function
    (r"f'(0) = 0.25", [], {}, {"symbols": {"f": "sigmoid"}}, "valid"),
    (r"\zeta'(x) = \sigma(x)", [], {}, {"symbols": {r"\zeta": "softplus"}}, "valid"),
    (r"\zeta'(x) = 1 - \sigma(x)", [], {}, {"symbols": {r"\zeta": "softplus"}}, "invalid"),
    # a kind derivcheck does not know is never a guess
    (r"\Phi(0) = 0.5", [], {}, {"symbols": {r"\Phi": "student-t cdf"}}, "undecided"),
    # two capitals or more right before ( name a function: LL(θ), the log likelihood
    (r"\frac{\partial LL(\theta)}{\partial p} = \frac{y}{p} - \frac{1-y}{1-p}",
     [r"LL(\theta) = y \log p + (1-y) \log (1 - p)"], {}, {}, "valid"),
    # arithmetic of numbers set against a defined quantity whose data are not given
    (r"\text{MSE} = \frac{1}{4} (1 + 0 + 0 + 1)",
     [r"\text{MSE} = \frac{1}{n} \sum_{i=1}^n (y_{true} - y_{pred})^2"], {}, {},
     "undecided"),
    # \xi_i undefined beside a defined \xi: a sample's term of it, not any function
    (r"\frac{\partial \xi_i}{\partial y_i} = - 2 (t_i - y_i) + 1",
     [r"\xi = \frac{1}{N} \sum_{i=1}^{N} (t_i - y_i)^2"], {}, {}, "undecided"),
    # a sum that binds its enclosing sum's index again, from a letter, is a misprint; from a
    # number it shadows it (a product of two sums, written without parentheses)
    (r"\frac{\partial \xi}{\partial t_{1}} = 2",
     [r"\xi = \sum_{i=1}^{2} \sum_{i=c}^{2} t_{i}"], {}, {}, "undecided"),
    (r"\sum_{i=1}^{n} x_i \sum_{i=1}^{n} y_i = \sum_i\sum_j x_i y_j", [], {}, {}, "valid"),
    # ||x|| needs its bars twice; |x||y| is two absolute values
    (r"|x||y| = |x y|", [], {}, {}, "valid"),
    # a coloured sum keeps its group: (x + 1)(x - 1)
    (r"\frac{d}{dx}\textcolor{red}{x + 1}\textcolor{blue}{x - 1} = 2x", [], {}, {}, "valid"),
    # \nabla f of f(x, y) at a point: its partial derivatives, then evaluated there
    (r"\nabla f(1, 2) = [4, 1]", [r"f(x, y) = x^2 y"], {}, {}, "valid"),
    (r"\nabla f(1, 2) = (4, 2)", [r"f(x, y) = x^2 y"], {}, {}, "invalid"),
    # a name nothing defines differentiated at its bracket; a setting; names drawn together
    (r"\frac{\partial l_n(\theta)}{\partial \theta} = l_n", [], {}, {}, "undecided"),
    (r"\mathrm{SiLU}(0)=0", [r"\mathrm{SiLU}(x)=x\,\sigma(x)\quad (\beta=1)"], {}, {}, "valid"),
    (r"L = \prod_i \lambda e^{-\lambda x_i}", [r"X_1,...,X_n \sim \text{Exp}(\lambda)"], {}, {},
     "undecided"),
    # a partial at a point; products with lists; no inverse through a kink; braced arguments
    (r"\frac{\partial f}{\partial x}(1, 2) = 4", ["f(x, y) = x^2 y", "y = 5"], {}, {}, "valid"),
    ("(x, y)^T (x, y) = x^2 + y^2", [], {}, {}, "undecided"),
    (r"\frac{\partial x}{\partial z} = 0", [r"z = \max(0, x)"], {}, {}, "undecided"),
    (r"\frac{1}{\phi{(z)}} = 1 + e^{-z}", [r"\phi(z) = \frac{1}{1 + e^{-z}}"], {}, {}, "valid"),
    # pairs are vectors; a pair of new names names the next point; \in makes an interval
    (r"\nabla f(x, y) = (2x, 6y)", ["f(x,y) = x^2 + 3y^2"], {}, {}, "valid"),
    (r"(1, -1) - \frac{1}{4}(2, -2) = (1/2, -1/2)", [], {}, {}, "valid"),
    (r"(x_1, y_1) = (x_0, y_0) - \alpha \nabla g(x_0, y_0) = (1/2, -1/2)",
     [r"g(x, y) = x^2 + y^2", r"\alpha = 1/4", r"(x_0, y_0) = (1, -1)"], {}, {}, "valid"),
    (r"\forall x \in (0, 1), \log\frac{x}{1 - x} = -\log(\frac{1}{x} - 1)", [], {}, {}, "valid"),
    # a derivative through an inverse; a link function named by its value
    (r"\frac{\partial x}{\partial z} = \frac{1}{2x}", ["z = x^2"], {}, {}, "valid"),
    (r"\frac{\partial \mu_i}{\partial \eta_i} = \frac{1}{g'(\mu_i)}", [r"g(\mu_i) = \eta_i"], {},
     {}, "valid"),
    # a generic letter over numbered members; the rules of differentiation; a unit's label
    (r"\frac{\partial y}{\partial w_s} = x_s", ["y = w_1 x_1 + w_2 x_2"], {}, {}, "valid"),
    ("(f g)' = f' g + f g'", [], {}, {}, "valid"),
    (r"\frac{\partial z}{\partial a_1} = w_{out,1}", [r"z = w_{out,1} a_1 + w_{out,2} a_2"], {},
     {}, "valid"),
    # a distribution in a given; a sum over a list's entries; sums from 0 beside sums from 1
    ("y^2 = y", [r"Y_i \overset{\text{iid}}{\sim} \text{Bern}(\mu_i)", r"y \sim \text{Bern}(p)"],
     {}, {}, "valid"),
    (r"\mathrm{softmax}(z) \approx [0.269, 0.731]",
     [r"\mathrm{softmax}(z)_i=\frac{e^{z_i}}{\sum_j e^{z_j}}", "z=[1,2]"], {}, {}, "valid"),
    (r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m} \sum_{i=1}^{m} \left(\sum_{k=0}^{n} "
     r"\theta_k x_k^{(i)} - y^{(i)}\right) x_j^{(i)}",
     [r"J(\theta) = \frac{1}{2m} \sum_{i=1}^{m} \left(\sum_{k=0}^{n} \theta_k x_k^{(i)} "
      r"- y^{(i)}\right)^2"], {}, {}, "valid"),
    # a constant c where only a definition indexes with c: which one is not said
    (r"\frac{d}{dx} \cos(x + 2 \pi c) = -\sin x", [r"g = z_c"], {}, {}, "undecided"),
    # a list defines no orientation, and a block of names no shape
    (r"w w^T = 5", [r"w = [1, 2]"], {}, {}, "undecided"),
    (r"z^T z = x^T x + y^T y", [r"z = \begin{bmatrix} x \\ y \end{bmatrix}"],
     {"x": [3, 1], "y": [3, 1]}, {}, "undecided"),
    (r"[a, b] = [a, b]^T", [], {}, {}, "invalid"),
    # δ before a name in both parts of a fraction is the derivative some notes write so
    (r"\frac{\delta f}{\delta x} = 2x", [r"f = x^2"], {}, {}, "valid"),
    (r"\frac{\delta_1}{\delta_2} = 2", [r"\delta_1 = 4", r"\delta_2 = 2"], {}, {}, "valid"),
    # two capitals that are quantities here stay a product
    (r"AB(x + y) = B A x + B A y", [], {"A": [2, 2], "B": [2, 2], "x": [2, 1], "y": [2, 1]},
     {}, "invalid"),
    # ||x|| written with two bars, and the L1 norm
    (r"||x||_1 = |x_1| + |x_2| + |x_3|", [], {"x": [3, 1]}, {}, "valid"),
    (r"||x||^2 = x^T x", [], {"x": [3, 1]}, {}, "valid"),
    (r"\|x\|_1 = x_1 + x_2 + x_3", [], {"x": [3, 1]}, {}, "invalid"),
    # \nabla f of f(x, y): the column of its partial derivatives
    (r"\nabla f = [2x - 2, 200y]^T", [r"f(x,y) = (1 - x)^2 + 100 y^2"], {}, {}, "valid"),
    (r"\nabla f = [2x + 2, 200y]^T", [r"f(x,y) = (1 - x)^2 + 100 y^2"], {}, {}, "invalid"),
    # a list in brackets has no orientation: against a column it is that column
    (r"\nabla f = [2x - 2, 200y]", [r"f(x,y) = (1 - x)^2 + 100 y^2"], {}, {}, "valid"),
    (r"\nabla f(x, y) = \begin{bmatrix} 2x - 2 \\ 200y \end{bmatrix}",
     [r"f(x,y) = (1 - x)^2 + 100 y^2"], {}, {}, "valid"),
    (r"\nabla f = \begin{bmatrix} 2x - 2 & 200y \end{bmatrix}",
     [r"f(x,y) = (1 - x)^2 + 100 y^2"], {}, {}, "invalid"),
    # a layer's size bounding a sum: M_{l-1}
    (r"\frac{\partial z_j^l}{\partial b_j^l} = 1",
     [r"z_j^l = \sum_{i=1}^{M_{l-1}}w_{ij}^la_i^{l-1}+b_j^l"], {}, {}, "valid"),
    # a command's bare argument is one token, and of a number one digit, as TeX reads it
    (r"\frac{\partial C}{\partial a_j} = a_j - y_j", [r"C = \frac12\sum_j (y_j - a_j)^2"], {},
     {}, "valid"),
    (r"\frac{\partial C}{\partial a_j} = \frac{1}{12}(a_j - y_j)",
     [r"C = \frac12\sum_j (y_j - a_j)^2"], {}, {}, "invalid"),
    # a known function after d, with or without its argument
    (r"\frac{d\tanh}{dx} = 1 - \tanh^2(x)", [], {}, {}, "valid"),
    (r"\frac{d\tanh(x)}{dx} = 1 + \tanh^2 x", [], {}, {}, "invalid"),
    (r"\frac{- \partial \sum_i y_i \log p_i}{\partial p_j} = -\frac{y_j}{p_j}", [], {}, {},
     "valid"),
    # a sign as a subscript: a label
    (r"p_{-} = 1 - p_{+}", [r"p_{+} = \sigma(z)", r"p_- = \sigma(-z)"], {}, {}, "valid"),
    # terms after a sum that use its index are summed too
    (r"\frac{\partial J}{\partial w} = \sum_{i=1}^{m} (\sigma(w x_i) - y_i) x_i",
     [r"J(w) = -\sum_{i=1}^{m} y_i \log \sigma(w x_i) + (1 - y_i) \log(1 - \sigma(w x_i))"],
     {}, {}, "valid"),
    # two bars written as commands: a norm
    (r"\nabla_w L = X^T(Xw - y)", [r"L = \frac{1}{2}\left\vert\left\vert X w - y"
                                    r"\right\vert\right\vert^2"],
     {"X": ["N", "D"], "w": ["D", 1], "y": ["N", 1]}, {}, "valid"),
    # a vector written by its own entries declares its shape; σ² defined is a variance
    (r"\frac{\partial}{\partial \theta_1} J(\theta) = 2(\theta_1 - 5)",
     [r"\theta = \begin{bmatrix} \theta_1 \\ \theta_2 \end{bmatrix}",
      r"J(\theta) = (\theta_1 - 5)^2 + (\theta_2 - 5)^2"], {}, {}, "valid"),
    (r"\frac{\partial \sigma^2}{\partial x_i} = \frac{2(x_i - \mu)}{m}",
     [r"\sigma^2 = \frac{1}{m} \sum_{i=1}^m (x_i - \mu)^2"], {}, {}, "valid"),
    (r"\frac{\partial \sigma^2}{\partial x_i} = \frac{(x_i - \mu)}{m}",
     [r"\sigma^2 = \frac{1}{m} \sum_{i=1}^m (x_i - \mu)^2"], {}, {}, "invalid"),
    # shapes the text implies, with none declared
    (r"\nabla_\theta J(\theta) = X^T (X\theta - y)",
     [r"J(\theta) = \frac{1}{2}(X\theta - y)^T(X\theta - y)"], {}, {}, "valid"),
    (r"\nabla_\theta J(\theta) = X^T (y - X\theta)",
     [r"J(\theta) = \frac{1}{2}(X\theta - y)^T(X\theta - y)"], {}, {}, "invalid"),
    # a word as a superscript names a quantity: never a power
    (r"\theta^{MLE} = \frac{1}{n}\sum_{i=1}^n x_i", [], {}, {}, "undecided"),
    (r"\frac{\partial L^\text{logistic}}{\partial \beta} = \beta",
     [r"L^\text{logistic}(\beta) = \frac{1}{2}\beta^2"], {}, {}, "valid"),
    (r"\frac{\partial L^\text{logistic}}{\partial \beta} = 2\beta",
     [r"L^\text{logistic}(\beta) = \frac{1}{2}\beta^2"], {}, {}, "invalid"),
    # a comparison written as code writes it
    (r"\frac{\partial \sigma(z_k)}{\partial z_i} = \sigma(z_k)(1 - \sigma(z_k)) "
     r"\mathbb{1}(k == i)", [], {}, {}, "valid"),
    (r"\frac{\partial \sigma(z_k)}{\partial z_i} = \sigma(z_k)(1 - \sigma(z_k)) "
     r"\mathbb{1}(k == 1)", [], {}, {}, "invalid"),
    # the normal CDF and density, declared (a bare Greek key is that letter), and GELU
    (r"\frac{d}{dz} \text{GELU}(z) = \Phi(z) + z \phi(z)", [], {},
     {"symbols": {"Phi": "normal cdf", "phi": "normal pdf"}}, "valid"),
    (r"\frac{d}{dz} \operatorname{swish}(z) = \sigma(z) (1 + z (1 - \sigma(z)))", [], {}, {},
     "valid"),
    (r"\frac{d}{dx} \operatorname{ELU}(x) = 1", [r"x > 0"], {}, {}, "valid"),
    # undeclared: wrong as any function, right as the normal CDF: undecided
    (r"\frac{d}{dz} z \Phi(z) = \Phi(z) + z \phi(z)", [], {}, {}, "undecided"),
    (r"\frac{d}{dz} z \Phi(z) = \Phi(z) + z \Phi'(z)", [], {}, {}, "valid"),
    # σ differentiated by, and never called: the spread of a Gaussian; by σ², the variance
    (r"\frac{\partial \ell}{\partial \sigma^2} = -\frac{1}{2\sigma^2} "
     r"+ \frac{(x-\mu)^2}{2\sigma^4}",
     [r"\ell = -\frac{1}{2}\log(2\pi\sigma^2) - \frac{(x-\mu)^2}{2\sigma^2}"], {}, {}, "valid"),
    # the log of a name (a conditional probability, a likelihood) defines the name
    (r"\frac{\partial}{\partial \mu} \log p(x \mid \mu) = x - \mu",
     [r"\log p(x \mid \mu) = -\frac{1}{2}(x - \mu)^2"], {}, {}, "valid"),
    (r"\frac{\partial}{\partial\mu} \ln \mathcal{L}(\mu,\sigma^2|\mathcal{D}) = "
     r"\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)",
     [r"\ln \mathcal{L}(\mu,\sigma^2|\mathcal{D}) = -\frac{n}{2} \ln \sigma^2 "
      r"- \frac{1}{2\sigma^2} \sum_{i=1}^{n} (x_i - \mu)^2"], {}, {}, "valid"),
    (r"\frac{\partial}{\partial\mu} \ln \mathcal{L}(\mu,\sigma^2|\mathcal{D}) = "
     r"\frac{1}{2\sigma^2} \sum_{i=1}^{n} (x_i - \mu)",
     [r"\ln \mathcal{L}(\mu,\sigma^{2}|\mathcal{D}) = -\frac{n}{2} \ln \sigma^2 "
      r"- \frac{1}{2\sigma^2} \sum_{i=1}^{n} (x_i - \mu)^2"], {}, {}, "invalid"),
    (r"\frac{\partial}{\partial \mu} p(x \mid \mu, \sigma^2) = 0", [], {}, {}, "undecided"),
    # a function defined for every entry i: its entry j (a sum over j in its body sums over
    # another letter), its entry 2; the entries of a linear map, rows and columns kept
    (r"s(\mathbf z)_j = \frac{e^{z_j}}{\sum_k e^{z_k}}",
     [r"s(\mathbf z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"], {"z": [3, 1]}, {}, "valid"),
    (r"s(\mathbf z)_2 = \frac{e^{z_2}}{\sum_k e^{z_k}}",
     [r"s(\mathbf z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"], {"z": [3, 1]}, {}, "valid"),
    (r"s(\mathbf z)_j = \frac{e^{z_i}}{\sum_k e^{z_k}}",
     [r"s(\mathbf z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"], {"z": [3, 1]}, {}, "invalid"),
    (r"\frac{\partial s(\mathbf z)_i}{\partial z_j} = s(\mathbf z)_i (\delta_{ij} - "
     r"s(\mathbf z)_j)", [r"s(\mathbf z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"],
     {"z": [3, 1]}, {}, "valid"),
    (r"\frac{\partial s(\mathbf z)_i}{\partial z_j} = s(\mathbf z)_i (\delta_{ij} + "
     r"s(\mathbf z)_j)", [r"s(\mathbf z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"],
     {"z": [3, 1]}, {}, "invalid"),
    # s_i alone, with s(x)_i = … defined, is the family's member: a derivative by s_1 holds
    # it (it had been read as the function's value, so ∂H/∂s_1 was 0)
    (r"\frac{\partial H}{\partial s_1} = -\frac{y_1}{s_1}",
     [r"s(\mathbf x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}", r"H = -\sum_{i=1}^n y_i \log s_i"],
     {"x": [3, 1], "s": [3, 1], "y": [3, 1]}, {}, "valid"),
    (r"\frac{\partial H}{\partial s_1} = 0",
     [r"s_i(\mathbf x) = \frac{e^{x_i}}{\sum_j e^{x_j}}", r"H = -\sum_{i=1}^n y_i \log s_i"],
     {"x": [3, 1], "s": [3, 1], "y": [3, 1]}, {}, "invalid"),
    # a whole statement set in braces; `a =: b` names b; ℝ^{m×n} gives a shape; B_{11} of
    # a matrix is entry (1, 1)
    (r"{\cfrac{\partial y}{\partial x} = y(1 - y) }", [r"{y = \cfrac{1}{1 + e^{-x}}}"], {}, {},
     "valid"),
    (r"\frac{\partial L}{\partial x} = 2 dy", [r"y = 2x", r"\frac{dL}{dy} =: dy"], {}, {},
     "valid"),
    (r"\frac{\partial L}{\partial x} = 3 dy", [r"y = 2x", r"\frac{dL}{dy} \eqqcolon dy"], {},
     {}, "invalid"),
    # a new name set last after `:=`, beside an expression, is named by it
    (r"g = u", [r"u = 3x + 1 \coloneqq g"], {}, {}, "valid"),
    (r"g = 2u", [r"u = 3x + 1 \coloneqq g"], {}, {}, "invalid"),
    (r"\frac{\partial M}{\partial B_{11}} = 2(B_{11} - A_{11})",
     [r"A,B \in \mathbb{R}^{2 \times 2}",
      r"M = \sum_{i=1}^{2} \sum_{j=1}^{2} (A_{ij} - B_{ij})^2"], {}, {}, "valid"),
    (r"\frac{\partial M}{\partial B_{12}} = 2(B_{11} - A_{11})",
     [r"A,B \in {R}^{2 \times 2}", r"M = \sum_{i=1}^{2} \sum_{j=1}^{2} (A_{ij} - B_{ij})^2"],
     {}, {}, "invalid"),
    (r"w^T w = w w^T", [r"w \in ℝ^{n}"], {}, {}, "invalid"),
    # an upright p, a probability with its parameter in a subscript (which it depends on),
    # TeX's infix binomial, sech
    (r"\log \mathrm{p}(y|p) = \log {n \choose y} + y \log p + (n-y) \log (1-p)",
     [r"\mathrm{p}(y|p) = {n \choose y} \, p^y \, (1-p)^{n-y}"], {}, {"log": "natural"},
     "valid"),
    (r"\frac{\partial}{\partial \theta} \log P_{\theta}(z \mid x) = 0", [], {}, {},
     "undecided"),
    (r"\frac{\partial}{\partial \mu} \ln \mathcal{L}(\mu,\sigma^2|\mathcal{D}) = 0", [], {},
     {}, "undecided"),
    (r"\sum_{\mathbf{z}} q(\mathbf{z}) = 1", [], {}, {}, "undecided"),
    (r"\frac{d}{dx}\tanh(x) = \operatorname{sech}^2(x)", [], {}, {}, "valid"),
    (r"\frac{d}{dx}\tanh(x) = \operatorname{sech}(x)", [], {}, {}, "invalid"),
    # real only where the quantities are positive (rates, counts): sampled there
    (r"\sum_{i=1}^n \log \left[ \frac{(\lambda x_i)^{y_i} \cdot \exp[-\lambda x_i]}{y_i !} \right]"
     r" = \sum_{i=1}^n \left[ y_i \cdot \log(\lambda x_i) - \lambda x_i - \log(y_i !) \right]",
     [], {}, {"log": "natural"}, "valid"),
    (r"\sum_{i=1}^n \log \left[ \frac{(\lambda x_i)^{y_i} \cdot \exp[-\lambda x_i]}{y_i !} \right]"
     r" = \sum_{i=1}^n \left[ y_i \cdot \log(\lambda x_i) + \lambda x_i - \log(y_i !) \right]",
     [], {}, {"log": "natural"}, "invalid"),
    # a sum whose term uses no index ends where the next sum starts
    (r"- \sum_{i=1}^n \lambda + \sum_{i=1}^n y_i \log(\lambda) = - n \lambda + \log(\lambda) "
     r"\sum_{i=1}^n y_i", [], {}, {}, "valid"),
    (r"- \sum_{i=1}^n \lambda + \sum_{i=1}^n y_i \log(\lambda) = - \lambda + \log(\lambda) "
     r"\sum_{i=1}^n y_i", [], {}, {}, "invalid"),
    # a word in braces, called; a period before a sum is a product, as `\cdot` is
    (r"{softmax}(z)_1 = \frac{e^{z_1}}{e^{z_1} + e^{z_2}}", [], {"z": [2, 1]}, {}, "valid"),
    (r"e^{x}.\sum_{k} y_k = e^x \sum_k y_k", [], {}, {}, "valid"),
    # softmax of one entry, as row-wise notes write it, is no softmax of a number (1)
    (r"\frac{\partial \text{softmax}(x_{ij})}{\partial x_{ij}} = 0", [], {}, {}, "undecided"),
    # V declared symmetric with no shape: |σ^2 V| would be |·| of a number
    (r"\lvert \sigma^2 V \rvert = (\sigma^2)^n \lvert V \rvert", [], {},
     {"symbols": {"V": "symmetric"}}, "undecided"),
    # ∇ before a product of a defined first factor: taking the whole product the shapes do
    # not fit, so it takes C alone (Nielsen's BP1); where both readings build and disagree,
    # undecided
    (r"\nabla_a C \odot \sigma(z) = (a - y) \odot \sigma(z)", [r"C = \frac{1}{2} \|a - y\|^2"],
     {"a": [3, 1], "y": [3, 1], "z": [3, 1]}, {}, "valid"),
    (r"\nabla_a C \odot \sigma(z) = (a + y) \odot \sigma(z)", [r"C = \frac{1}{2} \|a - y\|^2"],
     {"a": [3, 1], "y": [3, 1], "z": [3, 1]}, {}, "invalid"),
    (r"\nabla_w L w = 2 w^2", [r"L = w^2"], {}, {}, "undecided"),
    (r"\frac{d}{dx} x e^x = e^x (1 + x)", [], {}, {}, "valid"),
    (r"|\sigma^2 V| = \sigma^2 |V|", [], {}, {"symbols": {"V": "symmetric"}}, "undecided"),
    # |…| around a capital with no shape may be a determinant; with a shape it is one
    (r"\lvert \sigma^2 V \rvert = (\sigma^2)^n \lvert V \rvert", [], {}, {}, "undecided"),
    (r"\lvert \sigma^2 V \rvert = (\sigma^2)^3 \lvert V \rvert", [], {"V": [3, 3]}, {}, "valid"),
    (r"\lvert \sigma^2 V \rvert = (\sigma^2)^2 \lvert V \rvert", [], {"V": [3, 3]}, {}, "invalid"),
    # by a matrix declared symmetric: right with its entries apart, wrong with them tied
    (r"\frac{\partial}{\partial \Sigma} \log|\Sigma| = (\Sigma^{-1})^T", [], {"Sigma": [2, 2]},
     {"symbols": {"Sigma": "symmetric"}}, "undecided"),
    (r"\frac{\partial}{\partial \Sigma} \log|\Sigma| = 2\Sigma^{-1}", [], {"Sigma": [2, 2]},
     {"symbols": {"Sigma": "symmetric"}}, "invalid"),
    # a family declared symmetric by its subscripted name, with no shape, is no number
    (r"\nabla_{\Lambda_k} \log \det \Lambda_k = 2\Lambda_k", [], {},
     {"symbols": {"Lambda_k": "symmetric"}}, "undecided"),
    (r"\nabla_{\Lambda_k} z^T \Lambda_k z = z z^T", [], {"z": ["n", 1]}, {}, "undecided"),
    # `=:` last in a claim's chain names; the links before it are checked
    (r"\frac{\partial L}{\partial y} = 2(y - t) =: \delta", [r"L = (y - t)^2"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial y} = 3(y - t) =: \delta", [r"L = (y - t)^2"], {}, {},
     "invalid"),
    # only what is under a log or a root is drawn positive when too few points are real
    (r"\log(a b c u v w) \cdot t = (\log a + \log b + \log c + \log u + \log v + \log w) \cdot t",
     [], {}, {}, "valid"),
    (r"\sqrt{\lambda_1 \lambda_2 \lambda_3 \lambda_4 \lambda_5} \, \mu = \sqrt{\lambda_1}"
     r"\sqrt{\lambda_2}\sqrt{\lambda_3}\sqrt{\lambda_4}\sqrt{\lambda_5} \, |\mu|", [], {}, {},
     "invalid"),
    # a probability written with the variable (or a name defined through it) depends on it
    (r"\frac{\partial}{\partial w_1} \log p(y \mid w_1 x + b) = 0", [], {}, {}, "undecided"),
    (r"\nabla_{\mathbf{w}} \log P_{\mathbf{w}}(y \mid \mathbf{x}) = 0", [], {}, {}, "undecided"),
    (r"\frac{\partial}{\partial w} \log p(y \mid \mu, \sigma^2) = 0", [r"\mu = w x"], {}, {},
     "undecided"),
    # a link that the chain's other links show wrong with u on both sides stays wrong
    (r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial y}\frac{\partial y}{\partial w}"
     r" = 2(y - t) x = 2(y + t) x", [r"L = (y - t)^2"], {}, {}, "invalid"),
    # a period against what comes before and apart from what follows ends a sentence
    (r"2 + 2 = 4. \sum_{i=1}^{2} i = 3", [], {}, {}, "unparseable"),
    # a term that uses the sum's index free is summed too, even after another sum
    (r"\sum_{i=1}^{n} x_i + \sum_{j=1}^{m} w_{ij} x_i = \sum_{i=1}^n x_i \left(1 + "
     r"\sum_{j=1}^m w_{ij}\right)", [], {}, {}, "valid"),
    # shapes that fit only as NumPy broadcasts: not shown wrong; ones that never fit are
    (r"x - \mu = x", [], {"x": [3, 4], "mu": [3, 1]}, {}, "undecided"),
    (r"dy \cdot \gamma = \gamma \cdot dy", [], {"dy": [3, 4], "gamma": [1, 4]}, {}, "undecided"),
    (r"A B = B A", [], {"A": [3, 4], "B": [2, 5]}, {}, "invalid"),
    # a variable with no shape beside shaped names: its derivative's shape is a guess
    (r"\frac{\partial L}{\partial u} = W", [r"L = 2u"], {"W": [3, 3]}, {}, "undecided"),
    # the derivative of a function by its own parameter, at an argument free of it: f'(a)
    (r"\frac{d f(\hat{x})}{dx} = 2\hat{x}", [r"f(x) = x^2"], {}, {}, "valid"),
    (r"\frac{d f(x_0)}{dx} = 0", [r"f(x) = x^2"], {}, {}, "invalid"),
    # an argument defined through the variable is the chain rule, as written
    (r"\frac{d f(u)}{dx} = 6u", [r"f(x) = x^2", r"u = 3x + 1"], {}, {}, "valid"),
    (r"\frac{d f(u)}{dx} = 2u", [r"f(x) = x^2", r"u = 3x + 1"], {}, {}, "invalid"),
    # a function defined for every entry by cases: its entry j
    (r"f(\mathbf x)_j = \max(0, x_j)",
     [r"f(\mathbf x)_i = \begin{cases} x_i & x_i > 0 \\ 0 & \text{otherwise} \end{cases}"],
     {"x": [3, 1]}, {}, "valid"),
    (r"f(\mathbf x)_j = \max(0, x_i)",
     [r"f(\mathbf x)_i = \begin{cases} x_i & x_i > 0 \\ 0 & \text{otherwise} \end{cases}"],
     {"x": [3, 1]}, {}, "invalid"),
    (r"\frac{\mathrm{d}^2\mathrm{LL}(\hat{\lambda})}{\mathrm{d}\lambda^2} = "
     r"-\frac{n \bar{y}}{\hat{\lambda}^2}",
     [r"\mathrm{LL}(\lambda) = - n \bar{x} \lambda + n \bar{y} \log(\lambda)",
      r"\hat{\lambda} = \frac{\bar{y}}{\bar{x}}"], {}, {"log": "natural"}, "valid"),
    # u differentiated in the chain (du/dx) and defined nowhere: no free number in a link;
    # as f's variable, where y applies f to g(x) only, u is read as that argument
    (r"\frac{dy}{dx} = \frac{df}{du} \frac{du}{dx} = 2u \cdot 3 = 2(3x+1) \cdot 3",
     [r"y = f(g(x))", r"f(u) = u^2", r"g(x) = 3x + 1"], {}, {}, "valid"),
    (r"\frac{dy}{dx} = \frac{df}{du} \frac{du}{dx} = 2u \cdot 3 = 2(3x+1) \cdot 2",
     [r"y = f(g(x))", r"f(u) = u^2", r"g(x) = 3x + 1"], {}, {}, "invalid"),
    (r"\frac{dy}{dx} = \frac{df}{du} \frac{du}{dx} = 2u \cdot 3 = 2(3x+1) \cdot 3",
     [r"y = f(g(x)) + f(x)", r"f(u) = u^2", r"g(x) = 3x + 1"], {}, {}, "undecided"),
    # a vector declared by kind but given no shape is no number: x^T A x by A is x x^T
    (r"\nabla_{A} x^{T} A x = x^{T} x", [], {}, {"symbols": {"x": "vector"}}, "undecided"),
    # x^T A x with A a capital no inferred shape covers (a family Λ_k): not read as numbers
    (r"\nabla_{\Lambda_k} z^{T} \Lambda_k z = z^{T} z", [], {}, {}, "undecided"),
    # Θ_k (a row, one index) beside Θ_{ij}: read apart, both derivatives would be 0
    (r"\frac{\partial}{\partial \Theta_{ij}} \log \sum_{k}{\exp(\Theta_{k} s)} = "
     r"\frac{\partial}{\partial \Theta_{ij}} f", [r"f = \sum_{k}{\exp(\Theta_k s)}"], {},
     {"log": "natural"}, "undecided"),
    (r"f(\mathbf x)_j = \sum_i W_{ji} x_i", [r"f(\mathbf x)_i = \sum_j W_{ij} x_j"],
     {"x": [3, 1], "W": [3, 3]}, {}, "valid"),
    (r"f(\mathbf x)_j = \sum_i W_{ij} x_i", [r"f(\mathbf x)_i = \sum_j W_{ij} x_j"],
     {"x": [3, 1], "W": [3, 3]}, {}, "invalid"),
    # a name set on the right of what it names; y \in \{0, 1\} is a binary label
    (r"\frac{\partial d}{\partial u} = 2 u", [r"u \cdot u = d"], {}, {}, "valid"),
    (r"y (1 - y) = 0", [r"y \in \{0, 1\}"], {}, {}, "valid"),
    # layout typed into the math: alignment marks, \cfrac, snake_case in \text, \boldsymbol w
    (r"\frac{\partial L}{\partial w} &= \cfrac{1}{2} x", [r"L = \frac{1}{2} w x"], {}, {},
     "valid"),
    (r"\frac{\partial \text{out}}{\partial \text{scaled\_scores}} = 2",
     [r"\text{out} = 2 \text{scaled\_scores}"], {}, {}, "valid"),
    (r"\hat{\boldsymbol w} = \hat{\mathbf{w}}", [], {}, {}, "valid"),
    # \sum_{kl} runs over k and l; an upper bound may say the index again
    (r"\sum_{kl} W_{kl} = \sum_{k}\sum_{l} W_{kl}", [], {"W": [2, 3]}, {}, "valid"),
    (r"\sum_{p=1}^{p=3} p = 6", [], {}, {}, "valid"),
    # a part of a derivative named in words is not read
    (r"\frac{\partial y}{\partial x}_{\text{direct}} = 1", [r"y = x + x^2"], {}, {},
     "undecided"),
    # a derivative through named intermediates is the total one
    (r"\frac{\partial c}{\partial a} = 1", ["c = a + b", "b = e^a"], {}, {}, "invalid"),
    # a vector defined whole by an element-wise formula, used by its entries: entry by entry
    (r"\frac{\partial \mu}{\partial X_j} = \frac{1}{n} \hat{X}_j",
     [r"\mu = \frac{1}{n}\sum_{i=1}^n X_i", r"\hat{X} = X - \mu"], {}, {}, "invalid"),
    # a name a definition makes a matrix, with no shape: read with the shapes implied
    (r"\frac{\partial L}{\partial A} = W^T \frac{\partial L}{\partial B}", ["B = W A", "Z = 2 B"],
     {"W": ["n", "m"], "A": ["m", "n"]}, {}, "valid"),
    (r"\frac{\partial L}{\partial X_1} = W \frac{\partial L}{\partial Y_1}",
     ["Y_1 = W X_1", "Z = Y_1 + Y_2"], {"W": ["n", "m"], "X_1": ["m", "n"]}, {}, "undecided"),
    # a word's derivative; ∇ with nothing after it names the implied loss's gradient
    (r"\text{ReLU}'(x) = 1", [r"x > 0"], {}, {}, "valid"),
    (r"\nabla_{\hat{X}} = \nabla_Y \odot \gamma", [r"Y = \gamma \odot \hat{X}"], {}, {},
     "undecided"),
    # an alignment's rows that go on with &, braces as brackets, ⟨x, y⟩, a labelled p
    (r"\frac{\partial L}{\partial w} &= x (w x - y) \\ &= w x^2 - x y",
     [r"L = \frac{1}{2} \{ w x - y \}^2"], {}, {}, "valid"),
    (r"\frac{\partial}{\partial w} \max\{0, 1 - y w x\} = -y x", [r"1 - y w x > 0"], {}, {},
     "valid"),
    (r"\nabla_x \langle x, y \rangle = y", [], {"x": ["n", 1], "y": ["n", 1]}, {}, "valid"),
    (r"\langle A, B \rangle = \langle B, A \rangle", [], {"A": [2, 2], "B": [2, 2]}, {},
     "valid"),
    (r"\frac{\partial}{\partial \lambda} \log p^m(x \mid \lambda) = \frac{x}{\lambda} - 1",
     [r"\log p^m(x \mid \lambda) = x \log \lambda - \lambda - \log x!"], {}, {}, "valid"),
    (r"\frac{\partial E_{(w, b)}}{\partial b} = 2 (w x + b - y)",
     [r"E_{(w, b)} = (y - w x - b)^2"], {}, {}, "valid"),
    # an inequality selects the branch where it holds, in `given` or beside the claim
    (r"\frac{\partial}{\partial w} \max(0, 1 - y w x) = y x", [r"1 - y w x > 0"], {}, {},
     "invalid"),
    (r"\frac{\partial a}{\partial w} = x \quad \text{if } z > 0",
     ["z = w x + b", r"a = \max(0, z)"], {}, {}, "valid"),
    (r"\frac{\partial a}{\partial w} = 0", ["z = w x + b", r"a = \max(0, z)", "z < 0"], {}, {},
     "valid"),
    (r"\nabla_{\mathbf{w}} \max(0, 1 - y \mathbf{w}^T \mathbf{x}) = -y \mathbf{x}",
     [r"1 - y \mathbf{w}^T \mathbf{x} > 0"], {"w": ["d", 1], "x": ["d", 1]}, {}, "valid"),
    # an array in a left brace is a piecewise value; a condition may stand in parentheses
    (r"\frac{d}{dz} \max(0, z) = \left\{ \begin{array}{ll} 1 & (z > 0) \\ 0 & otherwise "
     r"\end{array}\right.", [], {}, {}, "valid"),
    (r"\frac{d}{dz} \max(0, z) = \left\{ \begin{array}{ll} 1 & (z > 0) \\ 1 & otherwise "
     r"\end{array}\right.", [], {}, {}, "invalid"),
    # the derivative of a function nothing defines, against a side without it: any function
    (r"f'(x) = 2 x", [], {}, {}, "undecided"),
    (r"\frac{\partial \ell(\beta)}{\partial \beta} = \frac{\partial}{\partial \beta} "
     r"(y \beta - \beta^2)", [], {}, {}, "undecided"),
    (r"\frac{d}{dz} z f(z) = f(z)", [], {}, {}, "invalid"),
    # a command with its braced argument as a script: \beta^\mathrm{T}
    (r"\nabla_{\beta} \beta^\mathrm{T} x = x", [], {r"\beta": ["d", 1], "x": ["d", 1]}, {},
     "valid"),
    # a given that parses and defines nothing leaves the claim undecided
    (r"\nabla_{x} \log p(x) = -x", [r"x \sim \mathcal{N}(0, 1)"], {}, {}, "undecided"),
    # an inner product in < >, δ for ∂ in plain text, a parameter's subscript, {z}_i
    (r"\sum_{i=1}^n\sum_{j=i+1}^n<\vec v_i,\vec v_j>x_ix_j = \sum_{j=1}^k v_{ij}", [],
     {"V": ["n", "k"]}, {}, "undecided"),
    (r"<u, v> = u^T v", [], {"u": [3, 1], "v": [3, 1]}, {}, "valid"),
    (r"<u, v> = u^T u", [], {"u": [3, 1], "v": [3, 1]}, {}, "invalid"),
    ("δa_o1/δo1 = a_o1 * (1 - a_o1)", ["a_o1 = σ(o1)"], {}, {"sigma": "logistic"}, "valid"),
    ("δ(σ(o1))/δo1 = σ(o1)", [], {}, {"sigma": "logistic"}, "invalid"),
    (r"\frac{d L_\theta}{d\theta} = 2\theta", [r"L_\theta = \theta^2"], {}, {}, "valid"),
    (r"\frac{d E_{\hat{w}}}{d \hat{w}} = \hat{w}", [r"E_{\hat{w}} = \hat{w}^2"], {}, {},
     "invalid"),
    (r"\frac{\partial J_i}{\partial z_i} = -\frac{y_i}{z_i}",
     [r"J_i = -y_i \log {z}_i"], {}, {"log": "natural"}, "valid"),
    (r"\nabla_{\Sigma} x^T \Sigma^{-1} x = -\Sigma^{-T} x x^T \Sigma^{-T}", [],
     {r"\Sigma": [2, 2], "x": [2, 1]}, {}, "valid"),
    (r"\frac{\partial f_{i}}{\partial A_{i q}} = x_{q}",
     [r"f_{i}=\sum_{j=1}^{N}A_{i j}x_{j},\quad i=1,\dots,M\,,"], {}, {}, "valid"),
    # a derivative given as an expression, for a quantity defined nowhere
    (r"\frac{\partial Z}{\partial X} = (\alpha + \beta)(\delta + \epsilon)",
     [r"\frac{\partial Z}{\partial X} = \alpha\delta + \alpha\epsilon + \beta\delta "
      r"+ \beta\epsilon"], {}, {}, "valid"),
    (r"\frac{\partial Z}{\partial X} = (\alpha + \beta)\delta",
     [r"\frac{\partial Z}{\partial X} = \alpha\delta + \alpha\epsilon + \beta\delta "
      r"+ \beta\epsilon"], {}, {}, "invalid"),
    (r"\frac{\partial L}{\partial w} = (y - t) x",
     [r"\frac{\partial L}{\partial y} = y - t", "y = w x"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial w} = (y - t) w",
     [r"\frac{\partial L}{\partial y} = y - t", "y = w x"], {}, {}, "invalid"),
    (r"\frac{\partial^2 L}{\partial y^2} = 1", [r"\frac{\partial L}{\partial y} = y - t"],
     {}, {}, "valid"),
    # what the text leaves undefined is not read as free of the variable
    (r"\frac{\partial E}{\partial u_j} = y_j - t_j",
     [r"y_j = \frac{e^{u_j}}{\sum_k e^{u_k}}"], {}, {}, "undecided"),
    (r"\frac{\partial E_{total}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{h1}}",
     ["E_{total} = E_{o1} + E_{o2}", r"E_{o1} = \frac{1}{2}(target_{o1} - out_{o1})^{2}",
      r"E_{o2} = \frac{1}{2}(target_{o2} - out_{o2})^{2}", "out_{o1} = w_5 out_{h1}"], {}, {},
     "undecided"),
    (r"\frac{\partial J}{\partial W} = x e^T",
     [r"J = -\sum_{i=1}^N \sum_{j=1}^C y_{ji} \log(a_{ji})",
      r"\mathbf{a} = \operatorname{softmax}(W^T x)"], {}, {}, "undecided"),
    (r"\frac{\partial L}{\partial \mathbf{h}} = \frac{\partial L}{\partial \mathbf{z}_2} W_2^T",
     [r"\mathbf{z}_2 = \mathbf{h} W_2 + \mathbf{b}_2"], {"h": [1, 8], "W_2": [8, 2]}, {},
     "undecided"),
    (r"\frac{\partial L}{\partial \mathbf{h}} = \frac{\partial L}{\partial \mathbf{z}_2} W_2^T",
     [r"\mathbf{z}_2 = \mathbf{h} W_2 + \mathbf{b}_2"],
     {"h": [1, 8], "W_2": [8, 2], "z_2": [1, 2], "b_2": [1, 2]}, {}, "valid"),
    # a twin left undefined is read both ways: free of the variable and depending on it
    (r"\frac{\partial E}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{h1}} "
     r"+ \frac{\partial E_{o2}}{\partial out_{h1}}",
     ["E = E_{o1} + E_{o2}", "E_{o1} = (t_{o1} - out_{o1})^2", "E_{o2} = (t_{o2} - out_{o2})^2",
      "out_{o1} = w_5 out_{h1}"], {}, {}, "valid"),
    (r"\frac{\partial E}{\partial w_5} = -2(t_{o1} - out_{o1}) out_{h1}",
     ["E = E_{o1} + E_{o2}", "E_{o1} = (t_{o1} - out_{o1})^2", "E_{o2} = (t_{o2} - out_{o2})^2",
      "out_{o1} = w_5 out_{h1}"], {}, {}, "valid"),
    # step superscripts in angle brackets, a condition under the indicator, ‖·‖^2_2, ▽
    (r"\frac{\partial J}{\partial \tilde{c}^{<t>}} = \frac{\partial J}{\partial c^{<t>}} "
     r"\Gamma_i", [r"c^{<t>} = \Gamma_i \tilde{c}^{<t>} + \Gamma_f c^{<t-1>}"], {}, {},
     "valid"),
    (r"\frac{\partial J}{\partial \tilde{c}^{<t>}} = \frac{\partial J}{\partial c^{<t>}} "
     r"\Gamma_f", [r"c^{<t>} = \Gamma_i \tilde{c}^{<t>} + \Gamma_f c^{<t-1>}"], {}, {},
     "invalid"),
    (r"\frac{\partial}{\partial z} \max(0, z) = \mathbb{1}_{z > 0}", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial z} \max(0, z) = \mathbb{1}_{z < 0}", [], {}, {}, "invalid"),
    (r"\nabla_{\mathbf{a}} \frac{1}{n} ||\mathbf{a} - \mathbf{y}||^2_2 = \frac{2}{n} "
     r"(\mathbf{a} - \mathbf{y})", [], {"a": [3, 1], "y": [3, 1]}, {}, "valid"),
    (r"\bigtriangledown_{\theta} \theta^2 = 2\theta", [], {}, {}, "valid"),
    (r"\frac{\partial J}{\partial Z} = \frac{\partial J}{\partial \Gamma}*\Gamma*(1-\Gamma)",
     [r"\Gamma = \sigma(Z)"], {}, {}, "valid"),
    (r"\frac{d}{dx}\left(sin(x^2)+5\right) = 2xcos(x^2)", [], {}, {}, "valid"),
    # shapes the text implies: the gradient of a function of a matrix, and its inverse
    (r"\nabla f = \dfrac{A^T(AX-B)}{\Vert AX - B\Vert_F}", [r"f(X) = \Vert AX - B\Vert_F"],
     {}, {}, "valid"),
    (r"\nabla f(X) = S + X^{-T}", [r"f(X) = \langle S, X\rangle - \log \det X"], {},
     {"log": "natural"}, "invalid"),
    # what only a distribution's entries (summing to 1) or a family's own arity make right
    (r"-\sum_{j=1}^C (y_{j} z_j - y_{j} L) = -\sum_{j=1}^C y_{j} z_j + L", [], {},
     {"symbols": {"y": "probability"}}, "undecided"),
    (r"J = -\sum_{i=1}^N \sum_{j=1}^C y_{ji} \log(a_{ji}) = -\sum_{i=1}^N \sum_{j=1}^C y_{ji} "
     r"\log\left(\frac{e^{w_j x_i}}{\sum_{k=1}^C e^{w_k x_i}}\right)",
     [r"a_i = \frac{\exp(z_i)}{\sum_{j=1}^C \exp(z_j)}"], {}, {}, "undecided"),
    (r"\frac{\partial \mathbf{a}}{\partial \mathbf{z}} = \begin{bmatrix} 1 & 0 \\ 0 & 1 "
     r"\end{bmatrix}", [r"\mathbf{z} = W\mathbf{x}", r"\mathbf{a} = \mathbf{z}"], {}, {},
     "undecided"),
    # an LSTM's gates: i labels a gate beside f and o; one step's part or the sum over steps
    (r"\frac{\partial c}{\partial \Gamma_i} = \tilde{c}", [r"c = \Gamma_i \tilde{c} + \Gamma_f d"],
     {}, {}, "valid"),
    (r"\frac{\partial c}{\partial \Gamma_i} = d", [r"c = \Gamma_i \tilde{c} + \Gamma_f d"],
     {}, {}, "invalid"),
    (r"\frac{\partial J}{\partial \Gamma_f} = \frac{\partial J}{\partial c^{<t>}} c^{<t-1>}",
     [r"c^{<t>} = \Gamma_i \tilde{c}^{<t>} + \Gamma_f c^{<t-1>}"], {}, {}, "undecided"),
    # an entry of a function's value in square brackets, as code writes it
    (r"\frac{\partial z}{\partial x_i} = \text{softmax}(x)[i]",
     [r"z = \log\left(\sum_i e^{x_i}\right)"], {}, {}, "valid"),
    (r"\frac{\partial z}{\partial x_i} = softmax(x)[i] - 1",
     [r"z = \log\left(\sum_i e^{x_i}\right)"], {}, {}, "invalid"),
    # a period between operands is NumPy's dot
    (r"\frac{\partial z}{\partial W} = x", ["z = W.x + b"], {}, {}, "valid"),
    (r"\frac{\partial z}{\partial x} = x", ["z = W.x + b"], {}, {}, "invalid"),
    # what a second read of these readings found: none of them reads a real index away
    (r"\frac{\partial E}{\partial z_j} = 0",
     [r"E = \frac{1}{2}(t - y_o)^2", r"y_o = \sigma(z_o)", r"z_o = \sum_j v_j h_j",
      r"h_j = \sigma(z_j)", r"z_j = \sum_i w_{ij} x_i"],
     {"v": [3, 1], "w": [3, 3], "x": [3, 1]}, {}, "invalid"),
    (r"\frac{\partial L}{\partial x_i} = 0", ["L = (x_1 - x_o)^2 + (x_2 - x_o)^2"], {}, {},
     "invalid"),
    (r"\frac{\partial L}{\partial w_\alpha} = 0", [r"L = \sum_\beta w_\beta x_\beta"], {}, {},
     "undecided"),
    (r"\frac{\partial E}{\partial out_{h1}} = -(t_{o1} - out_{o1}) w_5",
     ["E = E_{o1} + E_{o2}", r"E_{o1} = \frac12(t_{o1} - out_{o1})^2",
      r"E_{o2} = \frac12(t_{o2} - out_{o2})^2", "out_{o1} = w_5 out_{h1} + w_6 out_{h2}",
      "out_{h1} = w_1 x_1 + w_2 x_2"], {}, {}, "undecided"),
    (r"\frac{\partial E}{\partial w_1} = -(t_{o1} - out_{o1}) w_5 x_1",
     ["E = E_{o1} + E_{o2}", r"E_{o1} = \frac12(t_{o1} - out_{o1})^2",
      r"E_{o2} = \frac12(t_{o2} - out_{o2})^2", "out_{o1} = w_5 out_{h1} + w_6 out_{h2}",
      "out_{h1} = w_1 x_1 + w_2 x_2"], {}, {}, "undecided"),
    (r"\frac{\partial E}{\partial out_{h1}} = -(t_{o1} - out_{o1}) w_5 - (t_{o2} - out_{o2}) w_7",
     ["E = E_{o1} + E_{o2}", r"E_{o1} = \frac12(t_{o1} - out_{o1})^2",
      r"E_{o2} = \frac12(t_{o2} - out_{o2})^2", "out_{o1} = w_5 out_{h1}"], {}, {},
     "undecided"),
    (r"\frac{d}{dx} atan(x) = \frac{1}{1+x^2}", [], {}, {}, "valid"),
    # conditions in parentheses beside a claim are not read (never as brackets ⟨x, y⟩)
    (r"\frac{\partial}{\partial x} \log(x y) = \frac{1}{x} \quad (0 < x, y > 0)", [], {}, {},
     "unparseable"),
    (r"\frac{\partial}{\partial w} e^{\langle w,x\rangle} = x e^{\langle w,x\rangle}", [],
     {"w": [3, 1], "x": [3, 1]}, {}, "valid"),
    # layers' weights with no shape: read as numbers, W^{(2)}W^{(1)} and W^{(1)}W^{(2)} agree
    (r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial a^{(2)}}(W^{(2)}W^{(1)} + 1)",
     ["a^{(1)} = W^{(1)} x", "a^{(2)} = W^{(2)} a^{(1)} + x"], {}, {}, "undecided"),
    (r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial a^{(2)}}(W^{(1)}W^{(2)} + 1)",
     ["a^{(1)} = W^{(1)} x", "a^{(2)} = W^{(2)} a^{(1)} + x"], {}, {}, "undecided"),
    (r"\frac{\partial R}{\partial b} = 0", [r"R = \frac{\lambda}{2}\sum_j w_j^2"], {}, {},
     "valid"),
    (r"\frac{\partial f}{\partial x} = \vec{x}", [r"f = x \vec{x}"], {}, {}, "valid"),
    # a clash of shapes in a definition that an unshaped name a matrix multiplies causes:
    # read with the shape the text implies (\hat{w} an n-vector); a word from prose
    (r"E_{\hat{w}} = y^T y - 2 y^T X \hat{w} + \hat{w}^T X^T X \hat{w}",
     [r"E_{\hat{w}} = (y - X\hat{w})^T (y - X\hat{w})"], {"X": ["m", "n"], "y": ["m", 1]},
     {}, "valid"),
    (r"E_{\hat{w}} = y^T y - y^T X \hat{w} + \hat{w}^T X^T X \hat{w}",
     [r"E_{\hat{w}} = (y - X\hat{w})^T (y - X\hat{w})"], {"X": ["m", "n"], "y": ["m", 1]},
     {}, "invalid"),
    (r"\text{symmetric } \frac{d}{dx} x^2 = 2x", [], {}, {}, "undecided"),
    # bold names are vectors to the fit of shapes; numerator layout lays a gradient in a row
    (r"\frac{\partial c}{\partial \mathbf{a}} = \frac{2}{n} (\mathbf{a} - \mathbf{y})^T",
     [r"c = \frac{1}{n} \|\mathbf{a} - \mathbf{y}\|^2_2"], {}, {"layout": "numerator"},
     "valid"),
    (r"\frac{\partial c}{\partial \mathbf{a}} = \frac{1}{n} (\mathbf{a} - \mathbf{y})^T",
     [r"c = \frac{1}{n} \|\mathbf{a} - \mathbf{y}\|^2_2"], {}, {"layout": "numerator"},
     "invalid"),
    # a layer's matrix transposed inside its superscript; a function of a vector to another
    (r"\frac{\partial J}{\partial a} = W^{[2]^\top} (o - y)",
     [r"o = W^{[2]}a", r"J = \frac{1}{2} (y - o)^2"],
     {"W^{[2]}": [1, "m"], "a": ["m", 1], "o": [1, 1], "y": [1, 1]}, {}, "valid"),
    (r"\nabla_{\bm{x}}z = \left(\frac{\partial \bm{y}}{\partial \bm{x}}\right)^\top "
     r"\nabla_{\bm{y}} z", [r"\bm{y}=g(\bm{x})", r"z=f(\bm{y})"],
     {r"\bm{x}": ["m", 1], r"\bm{y}": ["n", 1]}, {"symbols": {"f": "function", "g": "function"}},
     "undecided"),
    # a Hessian with no declared shape, read with the shapes the text implies
    (r"\nabla^2 f(x) = \frac12(A+A^T)", [r"f(x) = \dfrac{1}{2}x^T A x - b^T x + c"], {}, {},
     "valid"),
    (r"\nabla^2 f(x) = A", [r"f(x) = \dfrac{1}{2}x^T A x - b^T x + c"], {}, {}, "undecided"),
    (r"\nabla^2 f(x) = 2 A", [r"f(x) = \dfrac{1}{2}x^T A x - b^T x + c"], {}, {}, "invalid"),
    # found at the end in the held half: a quantity of θ by its subscript, rows of X
    # (then undecided; p_θ(x) is now any function of x and θ, and wrong for such)
    (r"\nabla_\theta \log p_{\theta}(x) = \frac{\nabla_{\theta} p_{\theta}(x)}{p_{\theta}(x)^2}",
     [], {}, {"log": "natural"}, "invalid"),
    (r"\nabla_{\mathbf{w}} J(\mathbf{w}) = \frac{1}{N}\sum_{i=1}^N \mathbf{x}_i^T"
     r"(\mathbf{x}_i\mathbf{w} - y_i)", [r"J(\mathbf{w}) = \frac{1}{2N}||\mathbf{X}\mathbf{w} - "
                                         r"\mathbf{y}||_2^2"], {}, {}, "undecided"),
    # z_{2j}: layer 2's entry j, or the entry 2j; the text does not say
    (r"\frac{\partial z_{2j}}{\partial b_j} = 1", [r"z_{2j} = \sum_i h_i w_{ij} + b_j"], {}, {},
     "undecided"),
    # σ declared any function is not the sigmoid
    (r"\frac{d}{dz}\sigma(z) = \sigma(z)(1-\sigma(z))", [], {}, {"symbols": {"sigma": "function"}},
     "invalid"),
    (r"\frac{d}{dz}\sigma(2z) = 2\sigma'(2z)", [], {}, {"symbols": {"sigma": "function"}},
     "valid"),
    # a prime on parentheses: the derivative of a scalar by its one variable; of vectors
    # written bold or shaped, the transpose; of a scalar of several variables, not said
    (r"\left(\frac{e^{2z} - 1}{e^{2z} + 1}\right)' = \frac{4e^{2z}}{(e^{2z} + 1)^2}", [], {},
     {}, "valid"),
    (r"(e^{2z} - 1)' = e^{2z}", [], {}, {}, "invalid"),
    (r"(\mathbf{X}\mathbf{w})' = \mathbf{w}^T \mathbf{X}^T", [], {"X": [2, 3], "w": [3, 1]},
     {}, "valid"),
    (r"(X w)' = X^T w^T", [], {"X": [2, 2], "w": [2, 2]}, {}, "invalid"),
    (r"(x y)' = y", [], {}, {}, "undecided"),
    # a bold run of letters with a capital, named by nothing: the product of the letters
    (r"\frac{\partial}{\partial \mathbf{x}} \mathbf{Ax} = \mathbf{A}^T", [],
     {"A": [2, 3], "x": [3, 1]}, {"layout": "denominator"}, "valid"),
    (r"\mathbf{AX} = \mathbf{XA}", [], {"A": [2, 2], "X": [2, 2]}, {}, "invalid"),
    # a defined function's derivative, then numbers (or a sample of its parameter) in
    # parentheses: the derivative at that point
    (r"\frac{dR}{dh}(0) = 2e", [r"R(h) = e^{(h + 1)^2}"], {}, {}, "valid"),
    (r"\frac{dR}{dh}(0) = 0", [r"R(h) = e^{(h + 1)^2}"], {}, {}, "invalid"),
    (r"\frac{\partial h}{\partial w}(x_i) = x_i \cos(w x_i)", [r"h(x) = \sin(w x)"], {}, {},
     "valid"),
    # an entry labelled with the true class, beside a one-hot label: the entry at its class
    (r"L = -\log \hat{y}_\text{true}", [r"L = -\sum_k y_k \log \hat{y}_k"], {},
     {"symbols": {"y": "one-hot"}}, "valid"),
    (r"L = -2\log \hat{y}_\text{true}", [r"L = -\sum_k y_k \log \hat{y}_k"], {},
     {"symbols": {"y": "one-hot"}}, "invalid"),
    (r"L = -\log \hat{y}_\text{true}", [r"L = -\sum_k y_k \log \hat{y}_k"], {}, {},
     "undecided"),
    # entry i of a gradient by a vector: the derivative by the vector's entry i
    (r"\left(\frac{\partial L}{\partial \mathbf{p}}\right)_i = -\frac{y_i}{p_i}",
     [r"L = -\sum_k y_k \log p_k"], {}, {}, "valid"),
    (r"\left(\frac{\partial L}{\partial \mathbf{p}}\right)_i = -\frac{p_i}{y_i}",
     [r"L = -\sum_k y_k \log p_k"], {}, {}, "invalid"),
    # δ over δ: the derivative written with δ for ∂, as older notes write it
    (r"{{\delta E} \over {\delta w}} = (w x - y) x", [r"E = \frac{1}{2}(w x - y)^2"], {}, {},
     "valid"),
    (r"\frac{\delta E}{\delta w} = (w x - y)", [r"E = \frac{1}{2}(w x - y)^2"], {}, {},
     "invalid"),
    # a trace or a log takes square brackets as it takes parentheses
    (r"\mathrm{tr}[\mathbf{A}\mathbf{B}] = \mathrm{tr}\left[\mathbf{B}\mathbf{A}\right]", [],
     {"A": [2, 3], "B": [3, 2]}, {}, "valid"),
    # d X^{-1}: the differential of the inverse; the shapes an inverse implies are inferred
    (r"\mathrm{d}\mathbf{X}^{-1} = -\mathbf{X}^{-1} (\mathrm{d}\mathbf{X})\mathbf{X}^{-1}", [],
     {}, {}, "valid"),
    (r"\mathrm{d}\mathbf{X}^{-1} = \mathbf{X}^{-1} (\mathrm{d}\mathbf{X})\mathbf{X}^{-1}", [],
     {}, {}, "invalid"),
    # d f(w) of a defined f: what f's body holds besides its parameters holds still
    (r"\mathrm{d}f(w) = 2 x (x w - y) \mathrm{d}w", [r"f(w) = (x w - y)^2"], {}, {}, "valid"),
    (r"\mathrm{d}(x w - y)^2 = 2 x (x w - y) \mathrm{d}w", [], {}, {}, "undecided"),
    # shapes: {w: …} is the shape of \vec{w} too; ∇_w of a step that writes only \vec{w}
    # differentiates by the arrow's vector
    (r"\nabla_w \| \vec{y} - X\vec{w} \|^2 = -2X^T(\vec{y} - X\vec{w})", [],
     {"X": ["n", "d"], "y": ["n", 1], "w": ["d", 1]}, {}, "valid"),
    (r"\nabla_w \| \vec{y} - X\vec{w} \|^2 = 2X^T(\vec{y} - X\vec{w})", [],
     {"X": ["n", "d"], "y": ["n", 1], "w": ["d", 1]}, {}, "invalid"),
    # a vector given by its own entries declares them; a row may set its entries apart by
    # commas
    (r"\frac{\partial y}{\partial w} = x^T",
     [r"x = \begin{bmatrix} x_1, x_2, x_3 \end{bmatrix}",
      r"w = \begin{bmatrix} w_1 \\ w_2 \\ w_3 \end{bmatrix}", "y = x w"],
     {"x": [1, 3], "w": [3, 1]}, {"layout": "denominator"}, "valid"),
    (r"\frac{\partial y}{\partial w} = 2 x^T",
     [r"x = \begin{bmatrix} x_1, x_2, x_3 \end{bmatrix}",
      r"w = \begin{bmatrix} w_1 \\ w_2 \\ w_3 \end{bmatrix}", "y = x w"],
     {}, {"layout": "denominator"}, "invalid"),
    # found by a second read: readings that must not decide a step they may misread
    (r"\mathrm{tr}[A]^2 = \mathrm{tr}(A^2)", [], {"A": [2, 2]}, {}, "invalid"),
    (r"\mathrm{tr}[A]^2 = \mathrm{tr}(A)^2", [], {"A": [2, 2]}, {}, "valid"),
    (r"\mathrm{d} X^{-1} = -X^{-2}\,\mathrm{d}X", [], {}, {}, "undecided"),
    (r"\mathbf{Ax} = \mathbf{xA}", [], {}, {}, "undecided"),
    (r"\mathbf{AB}^T = \mathbf{B}^T\mathbf{A}^T", [], {}, {}, "undecided"),
    (r"(u^3)' = 3u^2", ["u = x^2"], {}, {}, "undecided"),
    (r"(x^3)'' = 6x", [], {}, {}, "undecided"),
    (r"(1 - x)'(1 - x) = (1 - x)^2", [], {}, {}, "undecided"),
    (r"\mathrm{d}f(x) + \mathrm{d}(a^2) = \mathrm{d}f(x)", [r"f(x) = a x^2"], {}, {},
     "invalid"),
    (r"-\log\hat{y}_\text{true} = -\sum_k y_k \log\hat{y}_k", [], {},
     {"symbols": {"y": "one-hot", "t": "one-hot"}}, "undecided"),
    (r"\frac{d}{dx}\log 2x = \log 2", [], {}, {}, "undecided"),
    (r"\frac{dR}{dh}(x) = 3 + 2x", [r"R(h) = 3h + h^2"], {}, {}, "undecided"),
    (r"\nabla_w L = \vec{x}", [r"L = \vec{w}\cdot\vec{x} + w_0"], {"w": [3, 1], "x": [3, 1]},
     {}, "valid"),
    (r"\begin{bmatrix} \langle u, v\rangle \\ \langle u, w\rangle \end{bmatrix} = "
     r"\begin{bmatrix} u^T v \\ u^T w\end{bmatrix}", [], {"u": [3, 1], "v": [3, 1], "w": [3, 1]},
     {}, "valid"),
    # found by a second read of the sixteenth session's change
    (r"\sum_{i=1}^{3} x_{n_i} = 3 x_{n_i}", [], {}, {}, "undecided"),
    (r"W z = \beta z", [r"y = \beta x = W x"], {}, {}, "invalid"),
    # (C comes in only by the equation A B = B C, kept as a fact: never a false valid, and
    # the samples do not satisfy it, so no counterexample either)
    (r"P = C B", [r"P = A B = B C"], {}, {}, "undecided"),
    (r"\sum_i x_i^{K} = 1 + 16 + 81 + 2401", ["x = [1, 2, 3, 7]"], {}, {}, "invalid"),
    (r"\frac{\partial}{\partial m} \sum_i (x_i - m)^2 = -2 \sum_i (x_i - m)",
     ["x = [1, 2, 3, 7]"], {}, {}, "valid"),
    (r"dy = 2 x dx", [r"dA = \frac{\partial L}{\partial A}", r"y = x^2"], {}, {}, "undecided"),
    # Z, written in A's formula, is a quantity whose gradient the text's dW names dZ
    (r"dZ = 2 Z dA", [r"dW = \frac{\partial L}{\partial W}", r"A = Z^2"], {}, {}, "valid"),
    (r"dZ = Z dA", [r"dW = \frac{\partial L}{\partial W}", r"A = Z^2"], {}, {}, "invalid"),
    (r"\mathbf{x} - \mathbf{p} = 0",
     [r"\mathbf{p} = \alpha \mathbf{w} = \frac{\mathbf{w}^T \mathbf{x}}{\mathbf{w}^T \mathbf{w}} "
      r"\mathbf{w}"], {}, {}, "undecided"),
    (r"\sum_{i \in AB} x_i = \sum_{i \in A} x_i + \sum_{i \in B} x_i", [], {}, {}, "undecided"),
    (r"x^T \Sigma_{12} y = y^T \Sigma_{12} x", [],
     {"x": [3, 1], "y": [3, 1], r"\Sigma_{12}": [3, 3]}, {"symbols": {"Sigma_k": "symmetric"}},
     "invalid"),
    (r"f(\mathbf{x}_p) + 1 = 1", [r"f(\mathbf{x}_p) = 0"], {}, {}, "undecided"),
    (r"(x_i - m_k)^T \Sigma_k^{-1} (x_j - m_k) = (x_j - m_k)^T \Sigma_k^{-1} (x_i - m_k)", [],
     {}, {}, "undecided"),
    (r"\mathbf{x}_0 \mathbf{x}_0^T = \mathbf{x}_0^T \mathbf{x}_0", [], {}, {}, "undecided"),
    (r"g'(z) = 1 + \tanh^2(z)", [r"g'(z) = \frac{\partial \tanh(z)}{\partial z}"], {}, {},
     "invalid"),
    (r"\sum_{i=1}^{m} x_i = 6", ["x = [1, 2, 3]", "m = 4"], {}, {}, "undecided"),
    # a decimal of one significant digit is no rounded copy of a value the text gives
    (r"(0.3 \times 0.56) + (0.9 \times 0.58) = 0.702", [r"a_2 = 0.315"], {}, {}, "invalid"),
    (r"(0.3 \times 0.56) + (0.9 \times 0.58) = 0.69", [r"a_2 = 0.315"], {}, {}, "valid"),
    # one member defined where the step uses every one: a misprint for the family, undecided
    (r"\frac{\partial \varepsilon}{\partial b} = -\frac{2}{N}\sum_{i=1}^N (y_i - a x_i - b)",
     [r"\varepsilon = \frac{1}{N}\sum_{i=1}^N (y_i - \hat y_i)^2", r"\hat{y_1} = a x_1 + b"], {},
     {}, "undecided"),
    (r"\sum_{i=1}^{3} x_i = 7", ["x_1 = 1", "x_2 = 2", "x_3 = 3"], {}, {}, "invalid"),
    # a bold member inside a transposed sum is a vector
    (r"\frac{1}{2}\|\mathbf{w}^{*}\|^2 = \frac{1}{2}\Bigl(\sum_{i=1}^{N}(\alpha_{i}\cdot y_{i})"
     r"\cdot\mathbf{x}_{i}\Bigr)^\top\Bigl(\sum_{i=1}^{N}(\alpha_{i}\cdot y_{i})"
     r"\cdot\mathbf{x}_{i}\Bigr)",
     [r"\mathbf{w}^{*}=\sum_{i=1}^{N}(\alpha_{i}\cdot y_{i})\cdot\mathbf{x}_{i}"], {}, {}, "valid"),
    # found by a third read
    (r"A^{-1} B = B A^{-1}", [], {}, {}, "undecided"),
    # a square reading decides only what holds for every shape: no inverse of a capital
    (r"(X^T X)^{-1} X^T = X^{-1}", [], {}, {}, "undecided"),
    # nested sums of an entry, and p written twice: summed
    (r"(ABC)_{ij} = A_{ik} B_{kl} C_{lj}", [], {}, {}, "valid"),
    (r"(AB)_{ij} = A_{ip} B_{pj}", [], {}, {}, "valid"),
    (r"(ABC)_{ij} = A_{ik} B_{lk} C_{lj}", [], {}, {}, "invalid"),
    # a letter free in a definition is one sample's: not summed
    (r"\frac{\partial L}{\partial w} = (w x_i - y_i) x_i", [r"L = \frac{1}{2}(w x_i - y_i)^2"],
     {}, {}, "valid"),
    # a sum from 0 over a shaped vector's entries, which derivcheck numbers from 1
    (r"\sum_{n=0}^{N-1} x_n y_n = x^T y", [], {"x": ["N", 1], "y": ["N", 1]}, {}, "undecided"),
    # entries of a symmetric matrix are tied
    (r"\frac{\partial X_{12}}{\partial X_{21}} = 0", [r"X = X^T"], {"X": [2, 2]}, {},
     "undecided"),
    # a dot between printed vectors set against a vector; spaced letters are no entries
    (r"[ 2  1 -1 ] \cdot [ 1 0 1 ] = [ 2 0 -1 ]", [], {}, {}, "undecided"),
    (r"[ a -b ] \cdot [ 1 1 ] = a - b", [], {}, {}, "valid"),
    # U read square while \hat{y} - y, a vector by its definition, stays a number: no reading
    (r"(\hat{y} - y) \frac{\partial U^Tv_c}{\partial v_c} = U^T(\hat{y} - y)^T",
     [r"\hat{y} = softmax(\theta)"], {}, {"symbols": {"y": "one-hot"}}, "undecided"),
    # bold capitals are matrices by how they are written: read as square ones, they do not
    # commute
    (r"\mathbf{X}^2 \mathbf{B} = \mathbf{B}\mathbf{X}^2", [], {}, {}, "invalid"),
    (r"\frac{\partial L}{\partial \mu} = -N^{-1}\sum_{i=1}^N (x_i-\mu)",
     [r"L = \frac{1}{2N}\sum_{i=1}^N (x_i-\mu)^2"], {}, {}, "valid"),
    ("dL/dW_ij = 0", ["L = W_ij^2"], {}, {}, "invalid"),
    ("dL/dW_ij = 2*W_ij", ["L = W_ij^2"], {}, {}, "valid"),
    (r"dL/dw_1 = -(y - w_1x)x", [r"L = \frac{1}{2}(y - w_1x)^2"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial b} = \delta",
     [r"z = w x + b", r"L = \frac{1}{2}(z-y)^2", r"g = x \delta",
      r"\frac{\partial L}{\partial z} = \delta"], {}, {}, "valid"),
    (r"\frac{\partial}{\partial w}\log\sigma(wx)\, y = y(1-\sigma(wx))x", [], {}, {}, "valid"),
    # a log without parentheses before more factors: its argument's extent is not said
    (r"\log a b = \log a + \log b", [], {}, {}, "undecided"),
    (r"\log a b = \log a - \log b", [], {}, {}, "invalid"),
    # a given that states an identity between expressions defines nothing; samples are
    # not drawn on it, so only a difference its free names cannot absorb is invalid
    (r"\frac{\mathrm{d}\mathrm{LL}(\mu,\sigma^2)}{\mathrm{d}\mu} "
     r"= \frac{n}{\sigma^2} (\bar{y}-\mu)",
     SOCH_LL, {}, {"log": "natural"}, "valid"),
    (r"\frac{\mathrm{d}\mathrm{LL}(\mu,\sigma^2)}{\mathrm{d}\mu} "
     r"= \frac{n}{\sigma^2} (\mu-\bar{y})",
     SOCH_LL, {}, {"log": "natural"}, "undecided"),    # the y_i vary, and y is theirs
    (r"\frac{\mathrm{d}\mathrm{LL}(\mu,\sigma^2)}{\mathrm{d}\mu} = \frac{n \bar{y}}{\sigma^2} + "
     r"\frac{n \mu}{\sigma^2}", SOCH_LL, {}, {"log": "natural"}, "invalid"),   # no y in it
    # a sum with its bounds written is an identity, not a distribution: the bound may not be
    # the length of p (\sum_{i=1}^{m} w_i beside \sum_{i=1}^{n} w_i = 1)
    (r"\sum_{i=1}^{n} p_i + q = 1 + q", [r"\sum_{i=1}^{n} p_i = 1"], {}, {}, "undecided"),
    (r"\sum_{i=1}^{n} p_i + q = 2 + q", [r"\sum_{i=1}^{n} p_i = 1"], {}, {}, "undecided"),
    (r"\sum_{i=1}^{m} w_i (x_i - c) = \sum_{i=1}^{m} w_i x_i - c",
     [r"\sum_{i=1}^{n} w_i = 1"], {}, {}, "undecided"),
    # a log's inner function set by the chain it stands in: ℓ(λ) = \log L(λ) = …
    (r"\frac{d\ell}{d\lambda} = \frac{n}{\lambda} - \sum_{i=1}^{n} x_i",
     [r"\ell(\lambda) = \log L(\lambda) = n \log \lambda - \lambda \sum_{i=1}^{n} x_i"], {},
     {"log": "natural"}, "valid"),
    (r"\frac{d\ell}{d\lambda} = \frac{n}{\lambda} + \sum_{i=1}^{n} x_i",
     [r"\ell(\lambda) = \log L(\lambda) = n \log \lambda - \lambda \sum_{i=1}^{n} x_i"], {},
     {"log": "natural"}, "invalid"),
    # ^{\prime} is the prime `'` is: a derivative by an unsaid variable, or a transpose
    (r"(x^2)^{\prime} = 2x", [], {}, {}, "valid"),
    (r"(\log_a x)^{\prime} = \frac{1}{x \ln a}", [], {}, {}, "undecided"),
    # tr written in plain letters before a parenthesis is the trace
    (r"tr(A B) = tr(B A)", [], SQUARE, {}, "valid"),
    (r"x^T A x = tr(A x x^T)", [], {"x": [3, 1], "A": [3, 3]}, {}, "valid"),
    # entries of one matrix that nothing defines are variables of their own
    (r"\frac{\partial X_{ij}}{\partial X_{kl}} = \delta_{ik} \delta_{jl}", [], {}, {}, "valid"),
    (r"\frac{\partial X_{ij}}{\partial X_{kl}} = \delta_{il} \delta_{jk}", [], {}, {}, "invalid"),
    (r"\frac{\partial h_2}{\partial h_1} = 0", [], {}, {}, "undecided"),
    # index notation: a letter written twice in a product, and free nowhere, is summed
    (r"\delta_{jp}\delta_{kq}A_{ij}B_{ki} = A_{ip}B_{qi}", [], {}, {}, "valid"),
    (r"\delta_{jp}\delta_{kq}A_{ij}B_{ki} = A_{pi}B_{qi}", [], {}, {}, "invalid"),
    (r"\frac{\partial (A_{ij} X_{jk} B_{ki})}{\partial X_{pq}} = A_{ip} B_{qi}", [], {}, {},
     "valid"),
    (r"\frac{\partial (A_{ij}X^T_{jk}B_{ki})}{\partial X_{pq}} = A_{iq}B_{pi}", [], {}, {},
     "valid"),
    (r"\frac{\partial X_{ii}}{\partial X_{kl}} = \delta_{kl}", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial w_1} (w_i x_i) = x_1", [], {}, {}, "valid"),
    (r"2\delta_{ii} = 2", [], {}, {}, "undecided"),        # holds only as written: in doubt
    (r"\frac{\partial L}{\partial z_i} = (a_i - y_i) a_i",
     [r"L = \sum_{j=1}^{n} (\frac{1}{3} a_j^3 - \frac{1}{2} y_j a_j^2)", "a_j = z_j"], {}, {},
     "valid"),
    # z^{(i)} beside a defined z that no sample index marks: z for sample i, unsaid
    (r"\frac{\partial l}{\partial w_j} = \sum_{i=1}^{n} y^{(i)} (1 - \phi(z^{(i)})) x_j^{(i)}",
     [r"z = \sum_{j=1}^{m} w_j x_j", r"\phi(z) = \frac{1}{1+e^{-z}}",
      r"l = \sum_{i=1}^{n} y^{(i)} \log \phi(z^{(i)})"], {}, {"superscripts": "index"},
     "undecided"),
    # ∂L/∂u with L defined without u but holding u's body, each of its names only through
    # it: L is a function of u alone, (u)^2, and the chain rule's factor is 2u
    (r"\frac{\partial L}{\partial x} = \frac{\partial L}{\partial u} \frac{\partial u}{\partial x}",
     [r"L = (a x - b)^2", r"u = a x - b"], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial u} = 2 a u", [r"L = (a x - b)^2", r"u = a x - b"], {}, {},
     "invalid"),
    (r"\frac{\partial L}{\partial u} = 2 u", [r"L = (a x - b)^2 + x", r"u = a x - b"], {}, {},
     "undecided"),
    (r"\frac{\partial h_2}{\partial z_1} = 0", [r"h_i = \sigma(z_i)", r"z_i = w_i x"], {}, {},
     "valid"),
    # E[X] typed in plain letters is an expectation; σ(z)_i may be the softmax's entry
    (r"E[X] = \frac{1}{p}", [r"p = 0.4"], {}, {}, "undecided"),
    (r"\frac{\partial L}{\partial z_j} = \sigma(z)_j - y_j",
     [r"L = -\sum_i y_i \log \sigma(z)_i"], {}, {}, "undecided"),
    # the gradient of f(x, y) at a point named by one letter
    (r"\nabla f(X) = \begin{pmatrix} 2x-4 \\ 4y-12 \end{pmatrix}",
     [r"f(x,y) = (x-2)^2 + 2(y-3)^2"], {}, {}, "valid"),
    (r"\nabla f(X) = \begin{pmatrix} 2x-4 \\ 4y-6 \end{pmatrix}",
     [r"f(x,y) = (x-2)^2 + 2(y-3)^2"], {}, {}, "undecided"),   # X may be a quantity too
    (r"\nabla f(X) = 2X", [r"f(x, y) = x^2 + y^2"], {}, {}, "undecided"),
    # a function's body counts a sum's bound: n is that count
    (r"\frac{d^2\ell}{d\mu^2} = -\frac{n}{4}",
     [r"\ell(\mu) = - \frac{1}{8}\sum_{i=1}^{n}(x_i-\mu)^2"], {}, {}, "valid"),
    (r"\frac{d^2\ell}{d\mu^2} = -\frac{n}{8}",
     [r"\ell(\mu) = - \frac{1}{8}\sum_{i=1}^{n}(x_i-\mu)^2"], {}, {}, "invalid"),
    # (BA)_{pq}^T is the entry of (BA)^T; X_{ij}^T, an entry transposed, is X_{ji}
    (r"(BA)_{pq}^T = B_{qk} A_{kp}", [], {}, {}, "valid"),
    (r"X_{ij}^T A_{ji} = X_{ji} A_{ji}", [], {}, {}, "valid"),
    # letters in a math font (copied from rendered math), a cheat sheet's marks, a quantifier
    (r"\frac{d𝐿}{d𝑥} = 2𝑥", [r"𝐿 = 𝑥^2"], {}, {}, "valid"),
    (r"✅ \frac{d}{dx} x^2 = 2x", [], {}, {}, "valid"),
    (r"\frac{\partial L}{\partial x_j} = 2 x_j", [r"L = \sum_{i=1}^{n} x_i^2 \ (\forall i)"], {},
     {}, "valid"),
    # sums from 0 to N beside sums from 0 to N - 1: how many terms is not said
    (r"\sum_{k=0}^{N} x_k = \sum_{q=0}^{N-1} x_q", [], {}, {}, "undecided"),
    # sums that count from 0 to N - 1, and the free letters beside them
    (r"\frac{\partial}{\partial x_j} \sum_{q=0}^{N-1} x_q^2 = 2 x_j", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial x_j} \sum_{q=0}^{N-1} x_q^2 = x_j", [], {}, {}, "invalid"),
    (r"\sum_{q=0}^{N-1} 1 = N", [], {}, {}, "valid"),
    (r"\frac{\partial}{\partial x_j} (\sum_{q=0}^{N-1} x_q^2 + \sum_{i=1}^{N} y_i) = 2 x_j",
     [], {}, {}, "undecided"),
    # the entry of a transpose, X^T_{jk} = X_{kj}
    (r"X^T_{jk} = X_{kj}", [], {}, {}, "valid"),
    (r"X^T_{jk} = X_{jk}", [], {}, {}, "invalid"),
    # a function defined by where it sends its variable, its domain giving the shape
    (r"(\nabla f)(x) = a", [r"f(x):\mathbb{R}^{N} \ni x \mapsto a^{\mathrm{T}} x \in \mathbb{R}"],
     {"a": ["N", 1]}, {}, "valid"),
    (r"(\nabla f)(x) = 2a", [r"f(x):\mathbb{R}^{N} \ni x \mapsto a^{\mathrm{T}} x \in \mathbb{R}"],
     {"a": ["N", 1]}, {}, "invalid"),
    (r"\nabla f(x) = 2x", [r"f: \mathbb{R}^n \to \mathbb{R}, x \mapsto x^T x"], {}, {}, "valid"),
    (r"f'(x) = 2x", [r"f: x \mapsto x^2"], {}, {}, "valid"),
    # x^{2} below a second derivative's line, and I sized by the shapes beside it
    (r"\frac{\partial^{2} f(x)}{\partial x^{2}} = 2I", [r"f(x) = x^T x"], {"x": ["N", 1]}, {},
     "valid"),
    (r"\frac{\partial^{2} f(x)}{\partial x^{2}} = I", [r"f(x) = x^T x"], {"x": ["N", 1]}, {},
     "invalid"),
    # ‖ typed as one character is the norm's bars
    (r"∂‖Ax - b‖²/∂x = 2A^T(Ax - b)", [], {}, {}, "valid"),
    # numbers side by side in brackets, as NumPy prints a vector; a dot between two of them
    # beside a number is their dot product
    (r"[ -4 -2  2 ] ⋅ [ 0 -1 -1 ] = 0", [], {}, {}, "valid"),
    (r"[ -4 -4  0 ] ⋅ [ 2  1 -1 ] = -8", [], {}, {}, "invalid"),
    (r"w = [ -4 -2  2 ] + 2 ⋅ [ 0 -1 -1 ] = [ -4  0  4 ]", [], {}, {}, "invalid"),
    # an input that rounds a value the text gives may be off by half a unit; any other
    # decimal is exact as printed
    (r"0.1667 + 0.1667 = 0.3333", [r"w = \frac{1}{6}"], {}, {}, "valid"),
    (r"0.1667 + 0.1667 = 0.3336", [r"w = \frac{1}{6}"], {}, {}, "invalid"),
    (r"0.1667 + 0.1667 = 0.3333", [], {}, {}, "invalid"),
    (r"0.123 + 0.456 = 0.578", [], {}, {}, "invalid"),
    (r"0.05 \times 0.15 = 0.0076", [], {}, {}, "invalid"),
    # a digit superscript at a definition's head, and the loss of the last layer
    (r"\frac{\partial L}{\partial b^{(2)}} = (a^{(2)} - y) a^{(2)} (1 - a^{(2)})",
     [r"L(a, y) = \frac{1}{2}(a - y)^2", r"z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}",
      r"a^{(2)} = \sigma(z^{(2)})"], {}, {}, "valid"),
    (r"\delta^{(2)} = (a^{(2)} - y) a^{(2)} (1 - a^{(2)})",
     [r"L(a, y) = \frac{1}{2}(a - y)^2", r"\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}",
      r"z^{(2)} = w a^{(1)}", r"a^{(2)} = \sigma(z^{(2)})"], {}, {}, "valid"),
    (r"\delta a^T = -0.1150 \cdot \begin{bmatrix} 0.8 & 0.6 \end{bmatrix}",
     [r"\delta = -0.4626 \cdot 0.2486 \cdot 0.99995",
      r"a = \begin{bmatrix} 0.8 \\ 0.6 \end{bmatrix}"], {}, {}, "valid"),
    (r"\partial\left(\mathbf{X}^{-1}\right)=-\mathbf{X}^{-1}(\partial \mathbf{X}) \mathbf{X}^{-1}",
     [], {"X": [3, 3]}, {}, "valid"),
    (r"A * B = B A", [], {"A": [2, 2], "B": [2, 2]}, {}, "undecided"),
    (r"\left(\mathbf{X}^{-1}\right)^{\prime}=-\mathbf{X}^{-1} \mathbf{X}^{\prime} \mathbf{X}^{-1}",
     [], {}, {}, "undecided"),
    (r"\mathbf{X}^{-1}=\operatorname{det}(\mathbf{X})^{-1} \operatorname{adj}(\mathbf{X})",
     [r"\operatorname{adj}(\mathbf{X})=\mathbf{C}^{\top}"], {}, {}, "undecided"),
    (r"\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial y_1} w_1",
     [r"L = L(y_1, y_2)", r"y_1 = w_1 x_1", r"y_2 = w_2 x_2"], {}, {}, "valid"),
    (r"\frac{dJ}{dp}\frac{dp}{dz} = (-\frac{y}{p} + \frac{1-y}{1-p})\sigma(z)(1 - \sigma(z))",
     [r"J = -y\ln{(p)} - (1-y)\ln{(1-p)}"], {}, {}, "undecided"),
    (r"\frac{d (\text{det}(A)) }{dt} = \sum_{i,j}\frac{d a_{ij}}{dt} A_{ji}", [], {}, {},
     "undecided"),
    (r"\frac{\partial a_i}{\partial z_j}=\frac{e^{z_i}(\sum_{k=1}^{N}{e^{z_k}})-e^{z_j}e^{z_i}}"
     r"{(\sum_{k=1}^{N}{e^{z_k}})^2}", [r"a_j = \frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}}", "j=i"],
     {}, {}, "undecided"),
    (r"\frac{\partial}{\partial x_{ab}} \sum_{k=1}^D x_{ak}w_{kj}=w_{bj}",
     [r"y_{ij} = \sum_{k=1}^D x_{ik}w_{kj}"], {}, {}, "undecided"),
    (r"\sum_{i} \sum_{j} \mathbf{A}^{\mathrm{T}}_{i j} \mathbf{B}_{i j} = "
     r"\operatorname{Tr}\left(\mathbf{A} \mathbf{B}\right)", [], {}, {}, "valid"),
    (r"\frac{\partial a_i}{\partial z_j} = a_i(1 - a_j)",
     [r"{\displaystyle a_j = \frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}}}", "j = i"], {}, {}, "valid"),
    # d before a bracket above a slash, and before an absolute value or a norm above the line
    ("d(ax + b)/ dx = a", [], {}, {}, "valid"),
    ("d(x^2)/dx = x", [], {}, {}, "invalid"),
    (r"\frac{d|x|}{dx} = \operatorname{sign}(x)", [], {}, {}, "valid"),
    (r"\frac{d \lvert x \rvert}{dx} = -\operatorname{sign}(x)", [], {}, {}, "invalid"),
    (r"\frac{d\|x\|^2}{dx} = 2x", [], {}, {}, "valid"),
    # an index set apart from a number: that index is never drawn there
    (r"\frac{\partial y_{i}}{\partial a_{0}} = \frac{-\exp (a_{i}) \exp (a_{0})}{u^2}",
     [r"y_{k} = \frac{ \exp (a_{k}) }{u}", r"u = \exp (a_{0}) + \exp (a_{1}) + \exp (a_{2})",
      r"i \neq 0"], {}, {}, "valid"),
    (r"\frac{\partial y_{i}}{\partial a_{0}} = \frac{\exp (a_{i}) \exp (a_{0})}{u^2}",
     [r"y_{k} = \frac{ \exp (a_{k}) }{u}", r"u = \exp (a_{0}) + \exp (a_{1}) + \exp (a_{2})",
      r"i \neq 0"], {}, {}, "invalid"),
    # the twenty-second corpus: decimal commas, words of capitals, σ of a printed row
    (r"0,5 + 0{,}25 = 0{,}75", [], {}, {}, "valid"),
    (r"HO = \sigma(HI) = \begin{pmatrix} 0,5498 & 0,5744 \end{pmatrix}",
     [r"HI = \begin{pmatrix}0,2 & 0,3 \end{pmatrix}"], {}, {}, "valid"),
    (r"\sigma\begin{pmatrix} 0 & 2 \end{pmatrix} = \begin{pmatrix} 0.5 & 0.8808 \end{pmatrix}",
     [], {}, {}, "valid"),
    ("x_1 + x_2 = 0.6", [r"\mathbf{x}=[x_1,x_2]^\top=(0.2,\,0.4)^\top"], {}, {}, "valid"),
    (r"\mathbf{a}^{[1]} = \begin{bmatrix}0.6225 \\ 0.3775\end{bmatrix}",
     [r"\mathbf{z}^{[1]}=\begin{bmatrix}0.5\\-0.5\end{bmatrix}",
      r"\mathbf{a}^{[1]}=\sigma(\mathbf{z}^{[1]})"], {}, {}, "valid"),
    (r"\sigma = \sqrt{\sigma^2}", [], {}, {}, "valid"),
    (r"\frac{\partial y_i}{\partial x_j} = -p(x_i)p(x_j)",
     [r"p(x_i) = \frac{e^{x_i}}{\sum_{k} e^{x_k}}", r"y_i = p(x_i)", r"i \neq j"], {}, {},
     "valid"),
    (r"\begin{align*} x^2 + 2x &= x(x + 2) \end{align*}", [], {}, {}, "valid"),
    ("softmax(logits / 1.0) = [0.090, 0.245, 0.665]", ["logits = [1.0, 2.0, 3.0]"], {}, {},
     "valid"),
    ("e^-0.5 = 0.61", [], {}, {}, "valid"),
    (r"\frac{\delta E}{\delta w^{HO}_{ij}} = -(t - FO)\frac{\delta FO}{\delta w^{HO}_{ij}}",
     [r"E = \frac{1}{2}(t - FO)^2", r"FO = \sigma(HO \cdot W^{HO})"], {}, {}, "undecided"),
    (r"\Delta \ln x = \frac{\Delta x}{x}", [], {}, {}, "undecided"),
    (r"\frac{1}{2b} = p", ["p = 1/2b"], {}, {}, "undecided"),
    (r"f(\mathbf{x} - \alpha \mathbf{g}) = f(\mathbf{x})",
     [r"f(\mathbf{x}+\delta \mathbf{x}) = f(\mathbf{x}) + \mathbf{g}^T\delta \mathbf{x}"], {},
     {}, "undecided"),
    (r"p(x) \propto e^{-x^2}", [], {}, {}, "undecided"),
]


@pytest.mark.parametrize(("claim", "given", "shapes", "conventions", "expected"), ROWS,
                         ids=[row[0][:40] for row in ROWS])
def test_notation_row(claim, given, shapes, conventions, expected):
    result = check_claim(claim, given=given, shapes=shapes, conventions=conventions)
    assert result.verdict == expected, result.message


def test_superscript_in_parentheses_is_an_index_not_a_power():
    node = parse_side(r"w^{(2)}_{1,1}")
    assert isinstance(node, A.Name)
    assert node.base == "w" and len(node.sup) == 1 and len(node.sub) == 2


def test_a_layer_function_is_told_from_a_power_by_its_argument():
    layer = parse_side("f^2(z^2)")
    assert layer.op == "apply" and layer.left.suffix == "[2]"
    assert parse_side("{f^l}'(Z^l)").left == A.Name("f", suffix="[l]", primes=1, pos=1)
    square = parse_side("f^2(x)")          # f(x) squared, as \sin^2(x)
    assert isinstance(square, A.Power) and square.base.op == "apply"


def test_a_note_over_a_symbol_is_refused_unless_it_is_spacing():
    with pytest.raises(ParseError, match="note set over a symbol"):
        parse_side(r"\overset{\sim}{x}")


def test_sigma_prime_is_a_derivative_not_a_product():
    node = resolve(parse_side(r"\sigma'(z)"), Snapshot()).tree
    assert isinstance(node, A.Call) and node.primes == 1 and node.callee is A.Callee.KNOWN


def test_sigma_of_a_sum_is_a_call():
    # the grammar of latex2sympy2 reads \sigma(x W + b) as a product; we do not
    node = resolve(parse_side(r"\sigma(x W + b)"), Snapshot()).tree
    assert isinstance(node, A.Call) and node.name == r"\sigma"


def test_relations_are_split_before_reading_and_never_solved():
    chain = split_chain(r"a = b \approx c \Rightarrow d")
    assert [s.text for s in chain.sides] == ["a", "b", "c", "d"]
    assert chain.relations == ("=", r"\approx", r"\Rightarrow")


def test_indicator_keeps_its_comparison_inside_brackets():
    chain = split_chain(r"\mathbb{1}[z > 0] = H(z)")
    assert chain.relations == ("=",)


def test_parse_error_quotes_the_fragment_with_a_caret():
    with pytest.raises(ParseError, match=r"unknown command \\foo") as info:
        parse_side(r"x + \foo y")
    text = str(info.value)
    assert r"x + \foo y" in text
    caret_line = text.splitlines()[2]
    assert caret_line.index("^") == text.splitlines()[1].index("\\")


def test_unclosed_group_says_how_to_fix_it():
    with pytest.raises(ParseError, match="never closed"):
        parse_side(r"\frac{1}{2")


def test_runaway_line_is_refused_with_a_clear_message():
    with pytest.raises(ParseError, match="at most"):
        parse_side("x + " * 2000 + "x")


def test_no_state_leaks_between_calls():
    first = check_claim(r"\frac{\partial L}{\partial w} = 2w", given=["L = w^2"])
    second = check_claim(r"\frac{\partial L}{\partial w} = 2w", given=["L = w^3"])
    assert first.verdict == "valid" and second.verdict == "invalid"


def test_reading_is_reported():
    result = check_claim(r"\frac{\partial L}{\partial w} = 2w", given=["L = w^2"])
    assert "2" in result.links[0].reading and "w" in result.links[0].reading


def test_imaginary_unit_never_appears():
    from symbolic.context import Context
    expr = Context().read("i j + k")
    assert not expr.has(sympy.I)


def test_ell_is_an_index_letter():
    node = parse_side(r"w_\ell")
    assert isinstance(node, A.Name) and node.sub == (A.Name(r"\ell", pos=2),)
    wrong = check_claim(r"\frac{\partial}{\partial w_\ell} \sum_{k=1}^{K} w_k x_k = x_1")
    assert wrong.verdict == "invalid" and r"\ell = 2" in wrong.message


def test_free_index_range_comes_from_the_names_the_context_numbers():
    given = ["z = w_1 a_1 + w_2 a_2"]
    # j = 1, 2 only: no a_3 or w_3 exists; j = 2 is still tried
    wrong = check_claim(r"\frac{\partial z}{\partial w_j} = a_1", given=given)
    assert wrong.verdict == "invalid" and "j = 2" in wrong.message
    # a family numbered only once says nothing: j runs over the sizes tried
    loose = check_claim(r"\frac{\partial z}{\partial w_j} = a_j", given=["z = w_1 a_1"])
    assert loose.verdict == "invalid" and "j = 2" in loose.message


def test_positive_sum_bound_is_a_size_and_every_size_is_tried():
    conventions = {"symbols": {"m": "positive"}}
    assert check_claim(r"\sum_{i=1}^{m} 1 = m", conventions=conventions).verdict == "valid"
    # true only when m = 3: the size 2 instance refutes it
    assert check_claim(r"\sum_{i=1}^{m} x_i = x_1 + x_2 + x_3",
                       conventions=conventions).verdict == "invalid"
    # without a sum to m, m stays a positive number
    assert check_claim(r"m = 3", conventions=conventions).verdict != "valid"


def test_conditional_probability_is_a_name_with_its_indices_as_slots():
    node = parse_side(r"p(Y = y^{(i)} \mid x^{(i)})")
    assert isinstance(node, A.Name)
    assert node.base == r"p(Y = y^{(\cdot)} \mid x^{(\cdot)})"
    assert [s.base for s in node.sup] == ["i", "i"]
    assert parse_side(r"p(y | x)").base == r"p(y \mid x)"


def test_conditional_probability_of_an_indexed_expression_is_refused_as_not_read():
    # well-formed LaTeX that derivcheck does not read: undecided, never unparseable
    with pytest.raises(MeaningError, match="only of names"):
        parse_side(r"p(y_i \mid \mathbf{w}^T x_i)")


def test_a_parameter_that_is_no_name_is_kept_as_written():
    # a likelihood's parameters before the bar, a density's after it
    assert parse_side(r"\mathcal{L}(\mu,\sigma^2|\mathcal{D})").base == \
        r"\mathcal{L}(\mu, \sigma ^ 2 \mid \mathcal{D})"
    density = parse_side(r"p(x_i \mid \mu, \sigma^{2})")
    assert density.base == r"p(x_{\cdot} \mid \mu, \sigma ^ 2)"
    assert [s.base for s in density.sup] == ["i"]


def test_label_index_needs_a_one_hot_label():
    claim = r"\operatorname{softmax}(s)_{y} = \sum_{k} y_k \operatorname{softmax}(s)_k"
    shapes = {"s": [3, 1], "y": [3, 1]}
    refused = check_claim(claim, shapes=shapes)
    assert refused.verdict == "undecided" and "one-hot label" in refused.message
    # log of the picked entry is the y-weighted sum of logs only for one-hot y
    assert check_claim(claim, shapes=shapes,
                       conventions={"symbols": {"y": "one-hot"}}).verdict == "valid"


def test_a_differential_after_a_product_sign_takes_its_parentheses():
    from symbolic.context import Context

    tree = Context.from_given([], {}, {}, {}).resolve(
        parse_side(r"\mathbf{U}\otimes\mathrm{d}(\mathbf{V})")).tree
    assert isinstance(tree, A.BinOp) and tree.op == "outer"
    assert isinstance(tree.right, A.Differential)
