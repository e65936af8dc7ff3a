r"""The texts of `derivcheck help TOPIC`: what messages point to, readable offline.

Each topic is a few lines: the rules a user needs at the terminal. The docs site has the
same subjects at length; a test checks every topic here against what the code does.

    >>> sorted(TOPICS)
    ['config', 'conventions', 'document', 'formats', 'notation']
"""

from __future__ import annotations

__all__ = ["TOPICS"]

TOPICS: dict[str, tuple[str, str]] = {
    "notation": ("The notation derivcheck reads", r"""
  \frac{\partial L}{\partial w}, \nabla_w L   derivative of L with respect to w, through the
                                              definitions in force
  x^{(i)}, a^{(2)}_{1}, w^{(1)}_{1,1}         sample / layer indices, never powers
  x_i, w_{ij}, W_{1,2}                        entries; i j k l m n t d c run over a range
  W^T, W^\top, W'  (on a matrix)              transpose
  \odot, \circ                                element-wise product
  \sigma(z), \sigma'(z)                       logistic sigmoid and its derivative
  \log, \ln                                   natural log (conventions: {log: "10"} changes \log)
  e^{z}, \exp(z)                              exponential
  \hat{y}, \bar{x}                            symbols distinct from y, x
  \operatorname{softmax}(z)_j, \text{ReLU}(z), \operatorname{softplus}(z), \tanh, \max(0, z)
  H(z), \mathbb{1}[z > 0]                     Heaviside step with H(0) = 0
  \|v\|^2                                     squared Euclidean norm
  \sum_{j=1}^{K}, \sum_j                      sums; without bounds, over the index's range
  \operatorname{tr}, \det, A^{-1}, \operatorname{diag}(v)
  g(u, v) = u v^2                             defines a function; later g(a, b) applies it
  \left, \right, \quad, \boxed{}, \text{...}  layout, not math
A command derivcheck does not know is reported as unparseable, with the line and a caret.
`derivcheck check -v` shows how each link was read."""),
    "document": ("Derivation documents", r"""
A document is Markdown with math in $$ ... $$ (also \[ \], equation and align
environments, and inline $ ... $ holding a relation), a LaTeX file (.tex: the preamble
is skipped, each \section starts a derivation), or a Jupyter notebook (.ipynb: the
Markdown cells, positions reported as cell and line).
YAML front matter at the top of a Markdown file (or a notebook's first Markdown cell):
  ---
  title: Logistic regression
  given:                       # definitions, one relation each
    - z = w x + b
    - f = \sigma(z)
  shapes: {W: [D_x, D_h]}      # rows and columns: whole numbers or names
  conventions: {log: natural}  # see `derivcheck help conventions`
  values: {w: 0.5}             # numbers bound for a worked example
  ---
Headings and horizontal rules start a new derivation."""),
    "conventions": ("Conventions", r"""
Keys of `conventions` (front matter, or [tool.derivcheck] conventions for a project):
  log           natural (default), "10" or "2": what \log means; \ln is always natural
  sigma         logistic (default) or symbol: whether \sigma is the sigmoid
  layout        denominator, numerator or mixed: the shape of gradients
  superscripts  index (default) or power: how x^{(i)} and a^L are read
  symbols       what a name stands for: one-hot, binary, sign, probability, positive,
                index, constant, vector, matrix, function, or a known function's name
An unknown key or value is reported as a warning, never an error."""),
    "config": ("Project settings: [tool.derivcheck] in pyproject.toml", r"""
  [tool.derivcheck]
  conventions = { log = "natural" }        # defaults; a document's front matter wins
  include = ["*.md", "*.tex", "*.ipynb"]   # files a folder is searched for (the default)
  exclude = ["drafts/"]                    # gitignore-style, relative to pyproject.toml
  budget = 10                              # seconds per link (--timeout overrides it)
The nearest pyproject.toml with this table is found by walking up from the first PATH
(or the current folder). Folders are searched without hidden files and what .gitignore
ignores; --exclude PATTERN leaves out more, relative to the folder searched."""),
    "formats": ("Report formats of `derivcheck check --format`", r"""
  text     a table of the problems of each document, valid links counted (-v lists them)
  concise  one line per problem: path:line: verdict: message (notebooks: path:cell N:line:),
           then a summary line; -q leaves the summary out
  json     every link with its verdict; the JSON Schema ships in the package
           (symbolic.report.json_schema()); the report names the derivcheck version
  github   GitHub Actions annotations: ::error file=PATH,line=N,title=...::message
  junit    JUnit XML, one test case per checked link (invalid: failure, unparseable:
           error, undecided: skipped)
  md, html a Markdown or a self-contained HTML report
--color auto|always|never colours text and concise output (auto: on a terminal, unless
NO_COLOR is set). PATH - reads a document from standard input."""),
}
