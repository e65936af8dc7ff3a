"""Every spelling of derivcheck's notation, in one place.

Each stage reads its words from here: the lexer (characters), the chain splitter and the
document reader (relations, brackets, environments), the parser (letters, fonts, accents,
operators, layout, what is refused and why), the resolve pass (function letters, index
letters) and the context (conventions and symbol kinds). A function's own spellings, arity
and kinks live on its class in `symbolic.functions`; `known_function` reads them from there.

Adding a notation is adding a row here (or a class in `symbolic.functions`), not a branch
in a stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symbolic.functions import KnownFunction

# -- characters ------------------------------------------------------------------------------
# Unicode that OCR and hand-typing produce, mapped to the LaTeX it stands for.
UNICODE = {
    "σ": r"\sigma", "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta",
    "ε": r"\epsilon", "η": r"\eta", "θ": r"\theta", "λ": r"\lambda", "μ": r"\mu",
    "π": r"\pi", "τ": r"\tau", "φ": r"\phi", "ω": r"\omega", "∂": r"\partial",
    "∇": r"\nabla", "Σ": r"\sum", "−": "-", "–": "-", "×": r"\times", "·": r"\cdot",
    "⊙": r"\odot", "∘": r"\circ", "≈": r"\approx", "⇒": r"\Rightarrow", "→": r"\to",
    "←": r"\leftarrow",
    "∴": r"\therefore", "∵": r"\because",
    "′": "'", "´": "'", "ℓ": r"\ell", "⊤": r"\top", "≤": r"\leq", "≥": r"\geq", "≠": r"\neq",
    "≡": r"\equiv", "’": "'", "∑": r"\sum", "ℝ": r"\mathbb{R}",
    "∏": r"\prod", "√": r"\sqrt", "ŷ": r"\hat{y}", "ν": r"\nu", "ρ": r"\rho",
    "κ": r"\kappa", "ξ": r"\xi", "ψ": r"\psi", "ζ": r"\zeta", "χ": r"\chi", "ϕ": r"\phi",
    "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega", "Δ": r"\Delta", "Λ": r"\Lambda",
    "Θ": r"\Theta", "Γ": r"\Gamma", "⋅": r"\cdot", "∗": "*", "‖": r"\|",
    "″": "''", "¨": "''", '"': "''",                   # a double prime, as plain text types it
    **dict.fromkeys("✅❌✓✗✔✘", " "),                    # a cheat sheet's marks: prose
    "~": " ",                                            # TeX's unbreakable space
}
# Unicode's mathematical alphanumeric symbols (𝐿, 𝐱, 𝜃), read as the letters they print
MATH_ALPHANUMERIC = (0x1D400, 0x1D7FF)
# Unicode subscripts and superscripts, a run of them one script: z₂ⱼ is z_{2j}, x⁽ⁱ⁾ is x^{(i)}
SUBSCRIPTS = {**{d: str(k) for k, d in enumerate("₀₁₂₃₄₅₆₇₈₉")}, "ₐ": "a", "ₑ": "e",
              "ₒ": "o", "ₓ": "x", "ₕ": "h", "ₖ": "k", "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₚ": "p",
              "ₛ": "s", "ₜ": "t", "ᵢ": "i", "ⱼ": "j", "ᵣ": "r", "ᵤ": "u", "ᵥ": "v", "₊": "+",
              "₋": "-", "₌": "=", "₍": "(", "₎": ")"}
SUPERSCRIPTS = {**{d: str(k) for k, d in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}, "ⁱ": "i", "ⁿ": "n",
                "⁺": "+", "⁻": "-", "⁽": "(", "⁾": ")", "ᵀ": "T", "ˡ": "l", "ᵗ": "t",
                # the modifier letters plain text raises the rest of the alphabet with
                "ᵃ": "a", "ᵇ": "b", "ᶜ": "c", "ᵈ": "d", "ᵉ": "e", "ᶠ": "f", "ᵍ": "g",
                "ʰ": "h", "ʲ": "j", "ᵏ": "k", "ᵐ": "m", "ᵒ": "o", "ᵖ": "p", "ʳ": "r",
                "ˢ": "s", "ᵘ": "u", "ᵛ": "v", "ʷ": "w", "ˣ": "x", "ʸ": "y", "ᶻ": "z",
                "⁼": "="}
# Combining accents after a letter: ŷ is \hat{y}
COMBINING_ACCENTS = {"\u0302": r"\hat", "\u0304": r"\bar", "\u0305": r"\bar",
                     "\u0303": r"\tilde", "\u0307": r"\dot", "\u20d7": r"\vec"}

# Commands that print as another: ▽ for ∇.
COMMAND_SPELLINGS = {r"\bigtriangledown": r"\nabla", r"\triangledown": r"\nabla",
                     r"\grad": r"\nabla",     # the physics package's gradient
                     r"\bold": r"\mathbf"}
# Relations LaTeX writes in braces to space them as ordinary symbols (`y{=}1`): relations.
BRACED_RELATIONS = frozenset({"=", "<", ">", r"\neq", r"\leq", r"\geq", r"\approx"})
# Commands MathJax spells symbols with (`a^{\lt t \gt}`, Ng's time steps): the symbol.
SYMBOL_SPELLINGS = {r"\lt": "<", r"\gt": ">"}
# Commands with a starred form; after any other, `*` is a product (`\Gamma*(1-\Gamma)`).
STARRED_COMMANDS = frozenset({r"\operatorname*", r"\text*", r"\mathop*", r"\tag*"})

# -- relations -------------------------------------------------------------------------------
# Every relation token, and the relation it is reported and checked as.
RELATIONS = {
    "=": "=", r"\approx": r"\approx", r"\simeq": r"\approx", r"\sim": r"\approx",
    r"\Rightarrow": r"\Rightarrow", r"\implies": r"\Rightarrow", r"\to": r"\to",
    r"\rightarrow": r"\to", r"\longrightarrow": r"\to", r"\Longrightarrow": r"\Rightarrow",
    r"\xrightarrow": r"\to", r"\equiv": "=", r"\coloneqq": ":=", r"\triangleq": ":=",
    r"\eqqcolon": "=:",
    r"\leftarrow": ":=", r"\gets": ":=",     # an assignment, as algorithms write it
    r"\neq": r"\neq", r"\ne": r"\neq", "<": "<", ">": ">", r"\leq": r"\leq",
    r"\geq": r"\geq", r"\le": r"\leq", r"\ge": r"\geq", r"\iff": r"\Rightarrow",
    r"\leqslant": r"\leq", r"\geqslant": r"\geq", r"\in": r"\in", r"\therefore": r"\Rightarrow",
    r"\because": r"\Rightarrow",          # "because": as "therefore", it separates steps
    r"\propto": r"\propto",               # up to a factor that is not said: not checked
}
# What a row of an alignment that goes on begins with after its `&`: a relation or an
# operator (`\\ &= …`, `\\ & - …`); a row `&g = …` is a statement of its own.
CONTINUING_ROWS = frozenset(RELATIONS) | {"+", "-", r"\cdot", r"\times"}
# Commands that set a note over a relation: \stackrel{(a)}{=} is =.
STACKING = frozenset({r"\stackrel", r"\overset", r"\underset"})
APPROXIMATELY = r"\approx"                             # a rounded value: checked numerically
EQUALITIES = frozenset({"=", APPROXIMATELY, ":=", "=:"})      # checked links
# `\forall x \neq 0, …`: a free name said not to be 0 (no sample of one is); after a wide
# space at a statement's end, `\quad \forall x \neq 0` is its condition
NOT_EQUAL, FOR_ALL = r"\neq", r"\forall"
# A side condition `1 - y w^T x > 0` selects a branch: the sign its relation gives
INEQUALITY_SIGNS = {">": 1, r"\geq": 1, "<": -1, r"\leq": -1}
# `x \in \mathbb{R}^n` at the end of a chain says what kind of thing x is: no link.
MEMBERSHIP = r"\in"
# `f: \mathbb{R}^n \to \mathbb{R}, x \mapsto …` and `f(x): \mathbb{R}^N \ni x \mapsto …`
MAPS_TO, DOMAIN_ELEMENT, ARROW = r"\mapsto", r"\ni", r"\to"
# what parts the event, the condition and the parameters of `p(y = 1 \mid x; \theta)`
CONDITIONAL_SEPARATORS = frozenset({r"\mid", "|", ",", "=", ";"})
# the real numbers of `w \in \mathbb{R}^{n}` (also printed bold, or plain in braces)
REAL_FIELDS = frozenset({r"\mathbb{R}", "R"})
DEFINING = frozenset({"=", ":="})                       # may define the name on their left
# `\frac{dL}{dy} =: dy` names its right side; inside a longer chain it is an equality
NAMING = "=:"
NAMING_AS_CLAIM = {NAMING: "="}
CONSEQUENCES = frozenset({r"\Rightarrow", r"\to"})      # "therefore": they form no link
NO_LINK = CONSEQUENCES | {MEMBERSHIP}                    # relations that are never checked
INEQUALITIES = frozenset({"<", ">", r"\leq", r"\geq", r"\neq"})
# Tokens that make a math span of a document a statement to check: equalities and
# "therefore"; an inequality alone is a side condition, an arrow alone a mapping.
STATEMENT_RELATIONS = frozenset(token for token, relation in RELATIONS.items()
                                if relation in EQUALITIES or relation == r"\Rightarrow")
# Comparisons inside an indicator or a case's condition, as they are built.
CONDITION_RELATIONS = {">": ">", "<": "<", r"\geq": ">=", r"\ge": ">=", r"\leq": "<=",
                       r"\le": "<=", r"\neq": "!=", r"\ne": "!=", "=": "==",
                       r"\geqslant": ">=", r"\leqslant": "<="}

# -- brackets --------------------------------------------------------------------------------
BEGIN, END = r"\begin", r"\end"                         # an environment's delimiters
OPENERS = frozenset({"(", "[", "{", r"\left", r"\{", r"\langle", BEGIN})
CLOSERS = frozenset({")", "]", "}", r"\right", r"\}", r"\rangle", END})

# -- layout: commands that carry no math -----------------------------------------------------
LAYOUT = frozenset({
    r"\left", r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr",
    r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\,", r"\;", r"\:", r"\!", r"\ ",
    r"\quad", r"\qquad", r"\displaystyle", r"\textstyle", r"\limits", r"\nolimits",
    r"\middle", r"\mathstrut", r"\>", r"\space", r"\enspace", r"\thinspace",
    r"\bf", r"\rm", r"\it", r"\cal", r"\sf", r"\tt", r"\boldmath",  # {\bf x}: old font switches
    r"\tiny", r"\small", r"\normalsize", r"\large", r"\Large", r"\LARGE", r"\huge",
    r"\Huge",                                                   # sizes of the printed text
})
# Wide spaces between two relations part two statements: `\mu = … \qquad \sigma^2 = …`
WIDE_SPACES = frozenset({r"\quad", r"\qquad"})
# An equation's number and label (`\tag{1}`, `\label{eq:loss}`, `\notag`) and a check mark: not math
EQUATION_MARKS = frozenset({r"\nonumber", r"\notag", r"\checkmark"})
EQUATION_MARKS_WITH_ARGUMENT = frozenset({r"\label", r"\tag", r"\require", r"\hspace",
                                          r"\vspace", r"\phantom", r"\hphantom"})
BOLD_TEXT = {r"\textbf": r"\mathbf"}    # \textbf{x}, \textbf{1}: bold, as in math
# `\\ = \sum …`: a line that goes on with a relation continues the chain above it
CONTINUING_RELATIONS = ("=", r"\approx", r"\equiv", r"\propto")
# Old font switches: `{\cal C}` is \mathcal{C}, `{\bf x}` is \mathbf{x}, `{\rm d}` is \mathrm{d}.
FONT_SWITCHES = {r"\cal": r"\mathcal", r"\bf": r"\mathbf", r"\rm": r"\mathrm", r"\it": r"\mathit",
                 r"\sf": r"\mathsf", r"\boldmath": r"\boldsymbol"}
# `g(u) .* (1 - g(u))`: Octave's element-wise product, as course notes print it from code
CODE_ELEMENTWISE = (".*", r"\odot")
# `\\[8pt]`: a row break with the extra space after it, a length in TeX's units
LINE_BREAK = "\\\\"
LENGTH_UNITS = ("pt", "em", "ex", "mm", "cm", "in", "mu", "bp", "pc", "dd", "sp")
# `g(z) = … \hspace{2cm} z = \theta^T x`: a space at least as wide as `\qquad` (2 em, by
# unit) parts two statements as `\qquad` does; a narrower one is only a space
HSPACE = r"\hspace"
WIDE_LENGTHS = {"em": 2.0, "ex": 4.0, "pt": 20.0, "bp": 20.0, "mm": 7.0, "cm": 0.7,
                "in": 0.28, "pc": 1.6, "mu": 36.0}
ROW_SPACES = frozenset({r"\quad", r"\qquad"})     # [a \quad b]: in brackets, a row's entries
PROSE = frozenset({r"\text", r"\textrm", r"\textit", r"\textbf", r"\mbox", r"\texttt"})
CONNECTIVES = frozenset({"and", ","})     # prose between two relations: two statements
# Wrappers whose argument is the math: \boxed{x} is x.
WRAPPERS = frozenset({r"\boxed", r"\fbox", r"\underline", r"\mathrlap"})
# Bold or a box set around a whole statement, `\mathbf{a = b}`, `\boxed{a = b}`: the statement
BOLD_STATEMENT = (r"\mathbf", r"\boldsymbol", r"\bm", *sorted(WRAPPERS))
MATHOP = r"\mathop"      # \mathop{\rm argmax}: an operator's name; \mathop{\mathbb{E}}: the math
NEGATION = r"\not"        # \not= is \neq
INFIX_FRACTION = r"\over"  # {a \over b}: TeX's own fraction
# Strike-through marks: `y \cancel{- y h}` still reads y - y h (the braces do not group).
CANCELS = frozenset({r"\cancel", r"\bcancel", r"\xcancel"})
COLOR = r"\color"
# Wrappers whose first argument is a colour and the second the math: \textcolor{red}{x} is x.
COLORED = frozenset({r"\textcolor", r"\colorbox"})

# -- names -----------------------------------------------------------------------------------
GREEK = frozenset({
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
    "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon",
    "Phi", "Psi", "Omega", "ell",
    "varsigma",     # ς: a letter of its own (Roelants' softmax), not the logistic σ
})
GREEK_VARIANTS = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi",
                  "varrho": "rho", "varpi": "pi"}
ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar",
           "tilde": "tilde", "widetilde": "tilde", "vec": "vec", "dot": "dot",
           "ddot": "ddot", "check": "check", "mathring": "ring", "overrightarrow": "vec"}
VECTOR_ACCENT = r"\vec"      # \vec{v}: a name of its own, the arrow over v
# What may follow a complete term: `\exp^{-z} + 1` has no argument after its power.
ENDS_OF_TERM = frozenset({"+", "-", ")", "]", "}", ",", r"\right"})
IDENTITY = "I"            # \mathbf{I}: the identity matrix, as often as a quantity I
ESTIMATE = r"\hat{"      # ŷ, p̂: how a name made with a hat begins (a model's output)
# The letters of targets and class labels (y, t, bold or not): what may be one-hot.
LABEL_LETTERS = frozenset({"y", "t"})
# Words that label a vector's entry at the true class: \hat{y}_\text{true}, p_{correct}
TRUE_CLASS_WORDS = frozenset({"true", "correct", "target", "gt", "truth", "label"})
EULER = "e"                          # e^{x}: the exponential, when e is no quantity
DATA_LETTERS = frozenset({"x"})      # a network's input, computed from nothing
# Fonts that do not change which quantity a letter names: \mathbf{x} is x.
TRANSPARENT_FONTS = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\mathbfit", r"\pmb",
                               r"\mathit", r"\mathnormal"})
# Fonts that make a letter a different quantity: \mathcal{L} is not L.
NAMED_FONTS = {r"\mathcal": "mathcal", r"\mathscr": "mathscr", r"\mathfrak": "mathfrak",
               r"\mathsf": "mathsf", r"\mathbb": "mathbb"}
NABLA = r"\nabla"                  # the gradient operator
COMPOSITE = r"\operatorname{at}"   # f(g(x)) given a value: the name of that composition
WORD_FONT = r"\mathrm"             # NLL printed as letters side by side: \mathrm{NLL}
ESCAPED_UNDERSCORE = r"\_"          # y\_in_k, as Markdown escapes it: the name \mathrm{y\_in}
OPERATORNAME = r"\operatorname"     # \operatorname{f}: always a function's name
WORD_COMMANDS = frozenset({OPERATORNAME, r"\operatorname*", r"\mathrm", *PROSE})
# Commands that may start the variable after a `d` in \frac{dJ}{d\theta}.
# what may follow the d of a differential: d\hat{y}, d\tilde{x}, d\mathbf{w}, d{\bf x}, d(…)
DIFFERENTIAL_STARTS = frozenset({"(", "{", r"\frac", r"\left", r"\sqrt",
                                 "|", r"\|", r"\lvert", r"\lVert", r"\vert", r"\Vert",
                                 *(rf"\{accent}" for accent in ACCENTS),
                                 *TRANSPARENT_FONTS, *NAMED_FONTS})
DIFFERENTIAL_D = frozenset({"d", r"\mathrm{d}"})   # d before a quantity: a differential (dx)
GRADIENT_WORD = WORD_FONT + "{d"     # \mathrm{dA}: backprop code's name for ∂L/∂A, then A}
VARIATION = r"\delta"    # δ before a name: the gradient backprop notes write δh (= ∂E/∂h)
ONES = r"\mathbf{1}"                 # bold 1: the vector of ones
ZEROS = r"\mathbf{0}"                # bold 0: the zero vector
# Blackboard letters that, before a bracketed comparison, are the indicator 1[·].
INDICATORS = frozenset({"1", "I"})
INDICATOR_BRACKETS = {"[": "]", "(": ")", "{": "}", r"\{": r"\}", r"\lbrace": r"\rbrace"}

# Letters that run over a range when used as a subscript; other letters are labels.
# `\ell` (ℓ) is the index letter people write for a class or a layer.
# Letters of a model's own weights and biases: w_5 feeds one unit (its twin has weights of
# its own), where an input or an earlier unit's output (x_1, out_{h1}) feeds them all.
WEIGHT_LETTERS = frozenset({"w", "W", "b", r"\theta", r"\beta", r"\omega"})
# The names of a twin's dependence on a variable, in the reading that gives it one
# (`claims._twin_readings`): letters ML notation leaves alone.
TWIN_FREE_PART, TWIN_SLOPE = r"\Upsilon", r"\Xi"
# Greek letters that name a model's parameters: L_\theta, q_\phi, \pi_\theta are the
# quantity of those parameters, never an entry (α, β, μ, ν may run as indices).
PARAMETER_GREEK = frozenset({r"\theta", r"\phi", r"\psi", r"\omega", r"\lambda", r"\eta"})
# The letters an LSTM or GRU labels its gates with (input, forget, output, cell, update,
# reset): Γ_i is the input gate where Γ_f, Γ_o stand beside it.
GATE_LETTERS = frozenset("ifocgurz")
# Brackets around a superscript that make it an index: a layer, a step, a sample (x^{<t>}).
INDEX_BRACKETS = {"(": ")", "[": "]", "<": ">", r"\langle": r"\rangle"}
INDEX_LETTERS = frozenset(set("ijklmntdc") | {r"\ell"})
FRESH_INDEX_LETTERS = ("k", "m", "n", "p", "q", "r")    # a sum's letter when it is renamed
# Letters that name a generic entry (\hat{y}_p, a_{qs}) where a family is indexed by i, j, …
GENERIC_INDEX_LETTERS = frozenset("pqrs")
# Letters tensor notation indexes a matrix's entries with beside i, j (Q_{ia}, V_{jb})
TENSOR_LETTERS = frozenset("abc")
# Letters index notation sums over when one product writes them twice (A_{ip} B_{pj})
SUMMABLE_LETTERS = INDEX_LETTERS | GENERIC_INDEX_LETTERS | TENSOR_LETTERS
# The letter of a sample's superscript on a function, D2L's l^{(i)}(w, b)
SAMPLE_LETTER = "i"
# The letters a function's own argument goes by: \frac{d\sigma}{dz} is σ'(z)
ARGUMENT_LETTERS = frozenset("zxtusav")
# Letters that are functions when applied to parentheses and not defined as values:
# f(x), g(z), \phi(x). Any other undefined name before parentheses is a product.
FUNCTION_LETTERS = frozenset({"f", "g", "h", "F", "G", r"\phi", r"\psi", r"\varphi", "r", "R"})
# Letters the rules of differentiation write bare as functions, `(f g)' = f' g + f g'`,
# and the one variable they are then read as functions of
IMPLIED_FUNCTION_LETTERS = frozenset({"f", "g", "h"})
# the operations such a rule writes between them (`f \circ g` is a composition, or a product
# entry by entry: no rule read so)
IMPLIED_OPERATIONS = frozenset({"+", "-", "/", "juxt", "*", "cdot", "apply", "times"})
IMPLIED_VARIABLE = "x"
# The label of the variables a gradient at a point is taken in (x of `\nabla f(1, 2)` is
# its own, not a value the text gives x elsewhere)
AT_POINT = "pt"
# What a cell or row of a bare matrix ends with when the matrix breaks one long expression
# over lines (`(a - m)^2 + & + & \\`): no entry ends so.
WRAPPING_OPERATORS = frozenset({"+", "-", r"\cdot", r"\times"})
# Superscripts that transpose: W^T, W^\top, W^{\mathsf{T}}, W^{\rm T}.
TRANSPOSE_MARKS = (["T"], [r"\top"], [r"\intercal"], [r"\mathsf", "{", "T", "}"],
                   [r"\mathsf", "T"], [r"\mathrm", "T"], [r"\mathrm", "{", "T", "}"], [r"\mathsf"],
                   [r"\text", "{", "T", "}"], [r"\textrm", "{", "T", "}"], [r"\rm", "T"])
PRIME_MARKS = frozenset({"'", r"\prime"})
# f|_{x=0}, f \mid_{x=0}: f at a point
EVALUATION_BARS = frozenset({"|", r"\vert", r"\rvert", r"\Vert", r"\mid"})
SINGLE_BARS = frozenset({"|", r"\vert", r"\lvert", r"\rvert"})   # two together: a norm's \|
INCREMENT = r"\Delta"            # \Delta w before a name: the change of w, a name of its own
UPDATE_MARKS = frozenset({"+", "*", r"\ast", r"\star"})   # w^{+}, \theta^*: another value
# Words written as a superscript that name a quantity (w^{new}, RSS^{lasso}): never a power.
# Capitals written together (\theta^{MLE}) and prose (L^{\text{logistic}}) are words too.
SUPERSCRIPT_WORDS = frozenset({
    "new", "old", "init", "prev", "next", "opt", "best", "true", "pred", "train", "test",
    "total", "lasso", "ridge", "logistic", "reg", "mle", "map", "ols", "max", "min", "out",
    "in", "avg", "mean", "var", "std", "est", "final"})

# -- operators -------------------------------------------------------------------------------
# Operators written as commands, applied with or without parentheses.
OPERATORS = {
    r"\log": "log", r"\ln": "ln", r"\lg": "lg", r"\exp": "exp", r"\sin": "sin",
    r"\cos": "cos", r"\tan": "tan", r"\tanh": "tanh", r"\sinh": "sinh", r"\cosh": "cosh",
    r"\max": "max", r"\min": "min", r"\det": "det", r"\tr": "tr", r"\sqrt": "sqrt",
    r"\arctan": "arctan", r"\sgn": "sgn", r"\diag": "diag", r"\Tr": "tr", r"\trace": "tr",
}
LOGARITHMS = frozenset({"log", "ln", "lg"})
CAPITALISED_LOG = "Log"      # Log(p_\theta(x)) in plain letters: the logarithm
# Operators applied entry by entry to a vector or matrix; those that make a matrix a number
ELEMENTWISE_OPERATORS = frozenset({"log", "ln", "lg", "exp", "sin", "cos", "tan", "tanh",
                                   "sinh", "cosh", "sqrt", "arctan", "sgn"})
SCALAR_OF_MATRIX = frozenset({"det", "tr"})
# Letters that name a size (m samples, n features, K classes), where no sum runs to them
SIZE_LETTERS = frozenset({"m", "n", "N", "M", "d", "D", "K"})
# Letters that name constants when nothing defines them: e, π, the identity I
CONSTANT_LETTERS = frozenset({"e", r"\pi", "I"})
# Function names typed as plain letters (`sin(u)`, `exp(x)` in plain-text math): read as the
# function when `(` follows at once; longest first, so `tanh` is not `tan` times h.
# Letters of a variable that plain text writes right before a function's name (2xcos(x^2)):
# a prefix of others (atan, fmax, prelu) is part of a name.
VARIABLE_LETTERS = frozenset("xyzwtuv")
PLAIN_FUNCTION_WORDS = ("softplus", "softmax", "sigmoid", "tanh", "sinh", "cosh", "relu",
                        "exp", "log", "sin", "cos", "tan", "ln", "max", "min", "sqrt")
# Of those, the ones LaTeX has a command for: typed as a word of their own before a space or
# a command (`log \sum_j e^{x_j}`, `log x`), the word is that command
PLAIN_FUNCTION_COMMANDS = frozenset({"exp", "log", "ln", "sin", "cos", "tan", "tanh", "sinh",
                                     "cosh"})
# `+ const` typed in plain letters: one quantity (a constant), never c·o·n·s·t
CONSTANT_WORDS = frozenset({"const", "constant", "Const"})
MATRIX_OPERATORS = {"tr": "trace", "trace": "trace", "Tr": "trace", "det": "det",
                    "diag": "diag", "vec": "vec"}
EXTREMA = frozenset({"max", "min"})
# \max_x f(x), or \min f(x) of one scalar: the optimum over a variable, a value derivcheck
# does not compute (\max(0, z) of two or more arguments, and \max(z) of a vector, it does)
OPTIMUM = ("the {name} over a variable is a value derivcheck does not compute (it is not "
           "the expression itself)")
COMBINATORICS = frozenset({"factorial", "binom"})   # y!, \binom{n}{k}
# The normal density, `\mathcal{N}(x \mid \mu, \sigma^2)` or `\mathcal{N}(x; \mu, \Sigma)`: its
# second parameter a variance (or covariance), as machine learning writes it
NORMAL_DENSITY = r"\mathcal{N}"
DOT_PRODUCT = r"\cdot"     # W.x, as NumPy writes it, is read as W \cdot x
# \dot{F}(p) of a defined F: the derivative along a path p(t), F'(p) \dot{p} (Newton's dot)
TIME_DERIVATIVE = r"\dot"
TIME_LETTER = "t"           # \dot{x}(t): the path's own time, whose dot is 1
TIMES = r"\times"                    # `1e-8` is read as `1 \times 10^{-8}`
MUL_OPS = {"*": "*", "@": "juxt", r"\cdot": "cdot", r"\times": "times", r"\odot": "odot",
           r"\circ": "odot", r"\bullet": "odot", r"\ast": "*", "/": "/", r"\div": "/",
           r"\otimes": "outer", r"\oslash": "oslash"}   # ⊘: division entry by entry
PRODUCT_OPS = frozenset({"*", "cdot", "times", "juxt"})
FRACTIONS = frozenset({r"\frac", r"\dfrac", r"\tfrac", r"\cfrac"})
BINOMIALS = frozenset({r"\binom", r"\dbinom", r"\tbinom", r"\choose"})
SUM = r"\sum"
SUMS = {SUM: False, r"\prod": True}       # command -> is a product
# `\Sigma_{i=1}^{n}`, `\Sigma_{\substack{j \in K \\ j \neq y_i}}`: a capital sigma whose
# subscript holds one of these (after its index), or rows, is the sum sign
CAPITAL_SIGMA, SUBSTACK = r"\Sigma", r"\substack"
SUM_RANGES = frozenset({"=", r"\neq", r"\ne", r"\in"})
BRACES = frozenset({r"\underbrace", r"\overbrace"})
STEP_FUNCTION = "H"                  # H(z): the Heaviside step, unless H is a value here
SIGMA = r"\sigma"                    # the sigmoid, unless conventions say sigma: symbol
SIGMOID_NAMES = frozenset({"sigma", "sigmoid", "logistic", "expit"})  # σ as a call's name
# Letters statistics uses for the standard normal CDF and density; read so only when
# declared, and tried as a second reading when a step fails with them undeclared.
NORMAL_LETTERS = {r"\Phi": "normal cdf", r"\phi": "normal pdf"}
# Where an index stood in a conditional probability's written form: p(y^{(\cdot)} | x^{(\cdot)}).
CONDITIONAL_SLOT = r"\cdot"

# Likely OCR slips: the pattern as scanned, what was probably written, and both as shown.
OCR_SLIPS = (
    (r"(?<![\w.\\])6(?=\s*(?:\\left)?\s*[('^])", SIGMA, "6", SIGMA),
    (r"(?<![\w\\])J(?![\w])", "y", "J", "y"),
    (r"(?<![\w\\])r(?![\w])", "2", "r", "2"),
    (r"(?<![\w.\\^])2(?![\w.])", "z", "2", "z"),
    (r"\\Delta(?![A-Za-z])", r"\nabla", r"\Delta", r"\nabla"),
)

# -- environments ----------------------------------------------------------------------------
MATRIX_ENVIRONMENTS = frozenset({"bmatrix", "pmatrix", "matrix", "vmatrix", "Bmatrix",
                                 "smallmatrix"})
ARRAY_ENVIRONMENTS = frozenset({"array"})        # a matrix with a column specification
CASES = "cases"
CASES_ENVIRONMENTS = frozenset({CASES, "dcases", "rcases"})
BEGIN_CASES = r"\begin{cases}"      # how rows aligned at = with conditions are written as one
# Environments that delimit math on their own, outside `$$`.
DISPLAY_ENVIRONMENTS = frozenset({
    "equation", "equation*", "align", "align*", "gather", "gather*",
    "multline", "multline*", "eqnarray", "eqnarray*", "displaymath",
})
# Environments inside math whose rows are separate statements: their `\begin`/`\end`
# are dropped and their `\\` and `&` split as at the top level. Any other environment
# (matrices, cases, arrays) is one piece of its statement.
ALIGNMENT_ENVIRONMENTS = frozenset({
    "aligned", "align", "align*", "gathered", "gather", "gather*", "split",
    "equation", "equation*",
    "eqnarray", "eqnarray*", "multline", "multline*", "flalign", "flalign*",
})
# Words that mark the last case of a piecewise definition.
OTHERWISE = frozenset({"otherwise", "else", "elsewhere",
                       # in the languages course notes are written in
                       "sonst", "andernfalls", "sinon", "autrement", "anders", "altrimenti",
                       "senão", "sino", "jinak", "egyébként", "annars", "muuten", "ellers",
                       "иначе", "інакше", "inaczej", "değilse", "lainnya", "selainnya",
                       "sebaliknya", "altfel", "αλλιώς", "אחרת", "否则", "其他", "其它"})
# words that \text{…} holds as prose; any other single word (\text{loss}) is a name
# Words that make a note in the text a condition the step holds under: `(for the nonzero
# activation case)`, `\text{if } z > 0`.
CONDITION_WORDS = frozenset({"if", "for", "when", "where", "case", "assuming", "provided",
                             "unless", "only", "whenever"})
# Words that open a case typed in plain words before a block (`si j = i :`), in the
# languages course notes are written in
CASE_WORDS = ("if", "when", "for", "si", "se", "wenn", "falls", "für", "als", "quand", "pour",
              "para", "quando", "cuando", "wanneer", "jeśli", "gdy", "если", "когда", "eğer",
              "nếu", "jika", "bila", "kalau", "όταν", "αν", "当", "若", "如果", "만약",
              # and the phrases "for the case" opens with
              "for the case", "in the case", "in case", "для", "для случая", "в случае",
              "при", "dans le cas", "en el caso", "no caso", "nel caso", "im fall",
              "w przypadku", "untuk kasus", "pada kasus")
# What a case's branch holds where the function has no value (`\text{undefined}` at a
# kink): that branch gives no value to check, as a kink point gives none
UNDEFINED_WORDS = frozenset({"undefined", "undef", "dne", "doesnotexist", "notdefined",
                             "nondefinie", "nondéfinie", "indéfini", "indéfinie", "indefinido",
                             "indefinida", "nãodefinida", "undefiniert", "nichtdefiniert",
                             "nondefinita", "nonesiste", "неопределена", "неопределено",
                             "не определена", "tanımsız", "tidakterdefinisi", "未定义",
                             "不存在", "不可导", "정의되지않음", "未定義"})
PROSE_WORDS = OTHERWISE | frozenset({
    "if", "and", "or", "for", "where", "when", "with", "then", "since", "so", "thus",
    "hence", "all", "each", "every", "is", "are", "the", "of", "in", "on", "as", "by", "at",
    "to", "we", "get", "have", "let", "def", "st", "iff", "because", "therefore", "using",
    "given", "note", "i", "e", "ie", "eg", "any", "some", "else", "not", "but"})

# -- what is refused, and why ----------------------------------------------------------------
# Named distributions whose draws have a range a kind says (`y \sim \text{Bern}(p)`: y is 0
# or 1); any other distribution named in a given says nothing derivcheck uses.
DISTRIBUTION_RANGES = {"bern": "binary", "bernoulli": "binary", "beta": "probability",
                       "gamma": "positive", "exp": "positive", "exponential": "positive",
                       "lognormal": "positive", "chi": "positive"}
# `y \sim \mathcal{N}(0, 1)`: drawn from; a line with one of NOT_DRAWN relates values instead
DRAWN_FROM = r"\sim"
# Letters that name a probability (or density) of what a link draws: `p_\theta(x)` in
# `\sum_x p_\theta(x) f(x)` or `\mathbb{E}_{x \sim p_\theta(x)}[…]` is a distribution over
# the values x takes, normalised, that moves with its parameter θ (see `build.law_weight`)
DENSITY_LETTERS = frozenset({"p", "q", "P"})      # (Q_θ(a): an action's value, in RL)
NOT_DRAWN = ("=", r"\approx", r"\simeq")
# After these a pair in parentheses is an interval, `x \in (0, 1)`, not a vector.
INTERVAL_BEFORE = (r"\in", r"\notin", r"\subset", r"\subseteq", ":")
# Letters that name constants far more often than functions: `c(x + 1)`, `\lambda (x - 1)`
# before a bracket are products (ℓ, L, J, E, \mathcal{L} before one may be functions)
CONSTANT_FACTORS = frozenset({"a", "b", "c", "k", r"\lambda", r"\alpha", r"\beta", r"\gamma",
                              r"\eta", r"\mu", r"\rho", r"\tau", r"\kappa", r"\epsilon",
                              r"\varepsilon", r"\delta", r"\omega"})
# Three dots typed plainly (`x_1 + ... + x_n`): the elision \ldots
PLAIN_ELISION = ("...", r"\ldots")
ELISIONS = (r"\dots", r"\cdots", r"\ldots", r"\vdots", r"\ddots")
# Read, recognised, and not checkable: a step that uses one is undecided with this reason.
REFUSED_COMMANDS = {
    r"\int": "integrals are not part of derivcheck's notation",
    r"\lim": "limits are not part of derivcheck's notation",
    r"\infty": "infinity is not a value derivcheck can check",
    r"\pm": "write the two cases as two claims instead of \\pm",
    r"\mp": "write the two cases as two claims instead of \\mp",
    **dict.fromkeys(ELISIONS,
                    "an elision (\\dots) leaves out terms derivcheck cannot fill in; write the "
                    "sum with \\sum, or terms that differ only by an index counting up one "
                    "(x_1 + x_2 + \\cdots + x_n)"),
}
# the convention that says how softmax of a matrix is taken, by "rows" or by "columns"
SOFTMAX_AXIS = "softmax"
# softmax of a matrix (attention scores) with no `softmax:` convention: which axis is not said
MATRIX_SOFTMAX = "may be taken row by row or column by column, and which is not said"

# `\frac{d}{da} f(6)`, read as f'(6): said in the reading, as taken literally (the derivative
# of the number f(6)) it is 0, and where that reading is right too the step is undecided
OPERATOR_AT_A_POINT = "taken literally, the derivative of a number, 0"
# The expectation, read as a linear operator over an arbitrary distribution
EXPECTATION = r"\mathbb{E}"
# Letters that name a distribution's parameters or a step size, constants in both readings
# of an expectation (μ of `\mathbb{E}[(X - \mu)^2]`), bare or numbered (σ_1, μ_0)
PARAMETER_LETTERS = frozenset({r"\alpha", r"\beta", r"\gamma", r"\eta", r"\lambda",
                               r"\mu", r"\sigma"})
# Operators written as names (\mathbb{E}[x], \operatorname{Var}(x)) that derivcheck recognises
# and cannot check; keyed by the name's canonical base.
REFUSED_OPERATORS = {
    r"\mathbb{E}": "an expectation E[·] depends on a distribution derivcheck does not model",
    r"\mathbb{P}": "a probability P(·) depends on a distribution derivcheck does not model",
    r"\mathbb{V}": "a variance depends on a distribution derivcheck does not model",
    "Var": "a variance depends on a distribution derivcheck does not model",
    "Cov": "a covariance depends on a distribution derivcheck does not model",
    "argmax": "an argmax is not differentiable, so derivcheck does not check it",
    "argmin": "an argmin is not differentiable, so derivcheck does not check it",
}
# The same operators typed in plain letters right before a square bracket: E[X], Var[X]
PLAIN_REFUSED_OPERATORS = {"E": r"\mathbb{E}", "Var": "Var", "Cov": "Cov"}

# -- conventions (front matter `conventions:` and check_claim's `conventions=`) ---------------
CONVENTIONS = {
    "log": frozenset({"natural", "e", "10", "2"}),
    "sigma": frozenset({"logistic", "symbol"}),
    "layout": frozenset({"denominator", "numerator", "mixed"}),
    "superscripts": frozenset({"index", "power"}),
    SOFTMAX_AXIS: frozenset({"rows", "columns"}),  # softmax of a matrix: row by row, or not
    "symbols": None,                 # a mapping: name -> kind
}
# Values spelled in words, as users write them: `log: natural logarithm` is `log: natural`
CONVENTION_SPELLINGS = {
    "log": {"natural logarithm": "natural", "natural log": "natural", "ln": "natural",
            "base e": "natural", "base 10": "10", "decimal": "10", "common": "10",
            "base 2": "2", "binary": "2"},
    "sigma": {"logistic sigmoid": "logistic", "sigmoid": "logistic",
              "logistic function": "logistic", "a symbol": "symbol"},
}
SYMBOL_KINDS = frozenset({"one-hot", "binary", "sign", "probability", "positive", "index",
                          "constant", "vector", "matrix", "function", "real", "distribution",
                          "symmetric"})
SIZE_KINDS = frozenset({"positive", "constant"})     # kinds a name that bounds a sum may have


# -- functions -------------------------------------------------------------------------------
def known_function(spelling: str) -> KnownFunction | None:
    """The function a spelling names (`\\sigma`, `softplus`, `ReLU`, `tanh`), or None.

    Spellings belong to the functions themselves (`symbolic.functions`); a class added
    there is known here at once.

        >>> known_function("ReLU").name
        'ReLU'
    """
    from symbolic.functions import find_function

    return find_function(spelling)


def is_known_function(spelling: str) -> bool:
    return known_function(spelling) is not None
