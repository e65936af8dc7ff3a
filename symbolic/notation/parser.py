"""LaTeX math in ML notation -> the tree of `symbolic.notation.ast`.

A recursive-descent reader over the tokens of `lexer`. It gives no meaning to names:
that is `build`'s work, with the context. Every failure is a ParseError that quotes the
fragment with a caret and says how to write it.
"""

from __future__ import annotations

import dataclasses

from symbolic.errors import MeaningError, NotationError, ParseError
from symbolic.notation import ast as A
from symbolic.notation.elisions import elided_sum
from symbolic.notation.lexer import Token, tokenize
from symbolic.notation.vocabulary import (
    ACCENTS,
    ARRAY_ENVIRONMENTS,
    BEGIN,
    BINOMIALS,
    BOLD_TEXT,
    BRACES,
    CANCELS,
    CAPITAL_SIGMA,
    CASE_WORDS,
    CASES,
    CASES_ENVIRONMENTS,
    CLOSERS,
    COLOR,
    COLORED,
    CONDITION_RELATIONS,
    CONDITION_WORDS,
    CONDITIONAL_SLOT,
    CONSTANT_WORDS,
    DIFFERENTIAL_STARTS,
    DOT_PRODUCT,
    DRAWN_FROM,
    ELEMENTWISE_OPERATORS,
    ELISIONS,
    END,
    ENDS_OF_TERM,
    EQUATION_MARKS,
    EQUATION_MARKS_WITH_ARGUMENT,
    ESCAPED_UNDERSCORE,
    EVALUATION_BARS,
    EXPECTATION,
    EXTREMA,
    FONT_SWITCHES,
    FRACTIONS,
    FRESH_INDEX_LETTERS,
    FUNCTION_LETTERS,
    GENERIC_INDEX_LETTERS,
    GREEK,
    GREEK_VARIANTS,
    INCREMENT,
    INDEX_BRACKETS,
    INDEX_LETTERS,
    INDICATOR_BRACKETS,
    INDICATORS,
    INFIX_FRACTION,
    INTERVAL_BEFORE,
    LAYOUT,
    LOGARITHMS,
    MATHOP,
    MATRIX_ENVIRONMENTS,
    MATRIX_OPERATORS,
    MEMBERSHIP,
    MUL_OPS,
    NABLA,
    NAMED_FONTS,
    NORMAL_DENSITY,
    ONES,
    OPENERS,
    OPERATORNAME,
    OPERATORS,
    OPTIMUM,
    OTHERWISE,
    PLAIN_FUNCTION_COMMANDS,
    PLAIN_FUNCTION_WORDS,
    PLAIN_REFUSED_OPERATORS,
    PRIME_MARKS,
    PROSE,
    PROSE_WORDS,
    REFUSED_COMMANDS,
    REFUSED_OPERATORS,
    RELATIONS,
    ROW_SPACES,
    SIGMA,
    SINGLE_BARS,
    STACKING,
    SUBSTACK,
    SUM,
    SUM_RANGES,
    SUMS,
    SUPERSCRIPT_WORDS,
    TRANSPARENT_FONTS,
    TRANSPOSE_MARKS,
    UPDATE_MARKS,
    VARIABLE_LETTERS,
    VARIATION,
    WORD_COMMANDS,
    WRAPPERS,
    WRAPPING_OPERATORS,
    ZEROS,
    known_function,
)

MAX_SIDE_CHARS = 4000      # longer sides are runaway OCR, not a formula
ACCENTS_AND_FONTS = frozenset({"\\" + a for a in ACCENTS} | TRANSPARENT_FONTS)
MIN_WORD_LETTERS = 3       # `net_{h1}` is a word; `ax_i` is a times x_i
MAX_DEPTH = 120            # nesting beyond this is not handwriting


def _without_colours(tokens: list[Token]) -> list[Token]:
    """`\\textcolor{red}{\\partial C_0}` as `\\partial C_0`: the command and its colour go,
    and the braces of what it colours too, unless a power or an index follows them
    (`\\textcolor{blue}{a + b}^2` keeps its group) or they hold a sum of terms."""
    if not any(tok.text in COLORED for tok in tokens):
        return tokens
    drop: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok.text not in COLORED or k in drop:
            continue
        colour_end = group_end(tokens, k + 1)
        content_end = group_end(tokens, colour_end + 1) if colour_end is not None else None
        if content_end is None:
            continue                    # left for the parser to name
        drop |= {k, *range(k + 1, colour_end + 1)}
        following = tokens[content_end + 1].text if content_end + 1 < len(tokens) else ""
        if following not in ("^", "_") and not _holds_terms(tokens, colour_end + 1, content_end):
            drop |= {colour_end + 1, content_end}
    return [tok for k, tok in enumerate(tokens) if k not in drop]


def _holds_terms(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the group between `start` and `end` holds a + or - outside its own braces:
    `\\textcolor{red}{x + 1}\\textcolor{blue}{x - 1}` keeps each group whole."""
    depth = 0
    for tok in tokens[start + 1:end]:
        depth += {"{": 1, "}": -1}.get(tok.text, 0)
        if depth == 0 and tok.text in ("+", "-"):
            return True
    return False


def _closing(tokens: list[Token], start: int) -> int:
    """The index of the bracket that closes the one at `start` (any of ( [ {)."""
    depth = 0
    for k in range(start, len(tokens)):
        depth += (tokens[k].text in ("(", "{", "[")) - (tokens[k].text in (")", "}", "]"))
        if depth == 0:
            return k
    return len(tokens) - 1


def group_end(tokens: list[Token], start: int) -> int | None:
    """The index of the `}` that closes the `{` at `start`, or None."""
    if start >= len(tokens) or tokens[start].text != "{":
        return None
    depth = 0
    for k in range(start, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[k].text, 0)
        if depth == 0:
            return k
    return None


def _without_cancels(tokens: list[Token]) -> list[Token]:
    """`\\cancel{- y h}` as `- y h`: the mark and its braces go, what it strikes stays."""
    out: list[Token] = []
    closing: list[int] = []       # depths at which a cancel's closing brace is expected
    depth = 0
    skip_open = False
    for tok in tokens:
        if tok.text in CANCELS:
            skip_open = True
            continue
        if tok.text == "{":
            depth += 1
            if skip_open:
                closing.append(depth)
                skip_open = False
                continue
        elif tok.text == "}":
            depth -= 1
            if closing and closing[-1] == depth + 1:
                closing.pop()
                continue
        skip_open = False
        out.append(tok)
    return out


def _drop_layout(tokens: list[Token]) -> list[Token]:
    """Remove layout commands and prose `\\text{...}` (a `\\text{ReLU}(z)` call stays)."""
    tokens = _worded_comparisons(_without_equation_marks(_without_leading_label(
        _braced_font_letters(_joined_text_words(_braced_script_commands(
            _scripts_in_braces(_array_cases(tokens))))))))
    tokens = _font_switches_as_fonts(_entries_spaced_apart(_without_equation_number(tokens)))
    tokens = _plain_function_commands(_mathop_words(_sized_double_bars(tokens)))
    kept = [t for k, t in enumerate(tokens) if not (t.kind == "command" and t.text in LAYOUT)
            and not (t.text == "." and k and tokens[k - 1].text in (r"\left", r"\right"))]
    kept = _unbraced_partials(_single_braces(_braced_nuclei(_slashed_differentials(
        _dots_as_products(_plain_sums(kept))))))
    kept = _unbraced_callees(_bare_bars(_unwrapped_fonts(_without_empty_groups(
        _without_cancels(_double_bars(_divergence_bars(_without_colours(kept))))))))
    out: list[Token] = []
    i = 0
    while i < len(kept):
        tok = kept[i]
        if tok.text in PROSE and i + 1 < len(kept) and kept[i + 1].text == "{":
            depth, j = 0, i + 1
            while j < len(kept) and kept[j].kind != "end":
                depth += (kept[j].text == "{") - (kept[j].text == "}")
                if depth == 0:
                    break
                j += 1
            inner = kept[i + 2 : j]
            after = kept[j + 1] if j + 1 < len(kept) else None
            primes = j + 1
            while primes < len(kept) and kept[primes].text == "'":
                primes += 1                     # \text{ReLU}'(x): the derivative's call
            called = after is not None and (after.text in ("(", "_", "^") or after.text == "'"
                                            and primes < len(kept) and kept[primes].text == "(")
            is_call = called and inner and all(
                t.kind == "letter" for t in inner) and _contiguous(inner)
            if tok.text in BOLD_TEXT and len(inner) == 1 and inner[0].kind in ("letter",
                                                                                  "number"):
                out.append(Token("command", BOLD_TEXT[tok.text], tok.pos))   # \textbf{1}
                i += 1
                continue
            if _is_label(out, inner):      # E_\text{total}, \|W\|_\textrm{F}: a label
                word = kept[i : j + 1]      # kept whole: the subscript reads it as a label
                if out[-1].text != "{":
                    word = [Token("symbol", "{", tok.pos), *word, Token("symbol", "}", tok.pos)]
                out.extend(word)
                i = j + 1
                continue
            if not is_call and _is_word_name(inner, after):   # \text{loss}: a name
                out.append(Token("command", r"\mathrm", tok.pos))
                i += 1
                continue
            if not is_call and len(inner) > 1 and inner[-1].text == "." \
                    and _is_word_name(inner[:-1], after):     # \text{const.}: abbreviated
                out.extend([Token("command", r"\mathrm", tok.pos), kept[i + 1], *inner[:-1],
                            kept[j]])
                i = j + 1
                continue
            if not is_call:
                i = j + 1
                continue
        out.append(tok)
        i += 1
    return out


def _environment_at(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """(name, index after `}`) of `\\begin{name}` or `\\end{name}` at k, or None."""
    if k + 1 >= len(tokens) or tokens[k].text not in (BEGIN, END) or tokens[k + 1].text != "{":
        return None
    close = next((j for j in range(k + 2, len(tokens)) if tokens[j].text == "}"), None)
    if close is None:
        return None
    return "".join(t.text for t in tokens[k + 2:close]), close + 1


def _array_cases(tokens: list[Token]) -> list[Token]:
    """`\\left\\{ \\begin{array}{ll} v & c \\\\ … \\end{array} \\right.`: the cases of a
    piecewise value, as older LaTeX writes `\\begin{cases}`."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        opened = _environment_at(tokens, k + 2) if tokens[k].text == r"\left" \
            and k + 1 < len(tokens) and tokens[k + 1].text in (r"\{", r"\lbrace") else None
        if opened is None or opened[0] != "array":
            out.append(tokens[k])
            k += 1
            continue
        body = opened[1]
        if body < len(tokens) and tokens[body].text == "{":          # the column spec
            body = next((j for j in range(body, len(tokens)) if tokens[j].text == "}"),
                        body) + 1
        end = next((j for j in range(body, len(tokens)) if _environment_at(tokens, j)
                    and _environment_at(tokens, j)[0] == "array"
                    and tokens[j].text == END), None)
        after = _environment_at(tokens, end)[1] if end is not None else None
        if after is None or after >= len(tokens) or tokens[after].text != r"\right":
            out.append(tokens[k])
            k += 1
            continue
        # `\right.` (its dot may be cut off with the sentence's full stop)
        closed = after + 2 if after + 1 < len(tokens) and tokens[after + 1].text == "." \
            else after + 1
        pos = tokens[k].pos
        cases = [Token("letter", c, pos) for c in CASES]
        out += [Token("command", BEGIN, pos), Token("symbol", "{", pos), *cases,
                Token("symbol", "}", pos), *tokens[body:end],
                Token("command", END, pos), Token("symbol", "{", pos), *cases,
                Token("symbol", "}", pos)]
        k = closed
    return out


def _scripts_in_braces(tokens: list[Token]) -> list[Token]:
    """`\\delta{_2}`: a script set in braces after a name, as typed by hand or OCR'd, is
    the name's script, `\\delta_2` (a group cannot begin with a script)."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.text == "{" and k and (tokens[k - 1].kind == "letter" or tokens[k - 1].kind
                                      == "command" and tokens[k - 1].text[1:] in GREEK) \
                and k + 1 < len(tokens) and tokens[k + 1].text in ("_", "^") \
                and (k < 2 or tokens[k - 2].text not in ("_", "^")) \
                and (close := group_end(tokens, k)) is not None:
            out += tokens[k + 1:close]
            k = close + 1
            continue
        out.append(tok)
        k += 1
    return out


def _braced_script_commands(tokens: list[Token]) -> list[Token]:
    """`\\beta^\\mathrm{T}`: a command with its braced argument as a script, written without
    the braces around both, braced as `^{\\mathrm{T}}` (TeX reads it so)."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        out.append(tok)
        if tok.text in ("^", "_") and k + 2 < len(tokens) and tokens[k + 1].kind == "command" \
                and tokens[k + 2].text == "{":
            close = group_end(tokens, k + 2)
            if close is not None:
                out += [Token("symbol", "{", tok.pos), *tokens[k + 1:close + 1],
                        Token("symbol", "}", tok.pos)]
                k = close + 1
                continue
        k += 1
    return out


def _braced_font_letters(tokens: list[Token]) -> list[Token]:
    """`\\hat{\\boldsymbol w}`: a font over one letter written without braces, braced as
    `\\boldsymbol{w}`, so whatever takes it as an argument finds one group."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        out.append(tok)
        if tok.text in TRANSPARENT_FONTS and k + 1 < len(tokens) \
                and tokens[k + 1].kind in ("letter", "command") \
                and tokens[k + 1].text not in TRANSPARENT_FONTS:
            out.append(Token("symbol", "{", tok.pos))
        elif k and tokens[k - 1].text in TRANSPARENT_FONTS \
                and tok.kind in ("letter", "command") and tok.text not in TRANSPARENT_FONTS:
            out.append(Token("symbol", "}", tok.pos))
    return out


def _label_text(sub: tuple[A.Node, ...]) -> str | None:
    """`_{i}`, `_{1}`: a subscript of plain letters and numbers as the name's key writes it
    ("" for none); None for any other subscript."""
    if not sub:
        return ""
    if not all(isinstance(s, A.Num) or isinstance(s, A.Name) and not s.sub and not s.sup
               and not s.primes for s in sub):
        return None
    return "_{" + ",".join(s.text if isinstance(s, A.Num) else s.base for s in sub) + "}"


def _joined_text_words(tokens: list[Token]) -> list[Token]:
    """`\\text{attention\\_weights}`: code's snake_case name, one word (the escaped
    underscore between letters dropped)."""
    out: list[Token] = []
    depth = 0                   # inside the braces of a \text{…}: their depth, else 0
    for k, tok in enumerate(tokens):
        if depth:
            depth += (tok.text == "{") - (tok.text == "}")
            if tok.text == r"\_" and out and out[-1].kind == "letter" \
                    and k + 1 < len(tokens) and tokens[k + 1].kind == "letter":
                continue
            if tok.kind == "letter" and out and out[-1].kind == "letter":
                tok = dataclasses.replace(tok, pos=out[-1].pos + 1)    # one word, as read
        elif tok.text == "{" and out and out[-1].text in PROSE:
            depth = 1
        out.append(tok)
    return out


def _entries_spaced_apart(tokens: list[Token]) -> list[Token]:
    """`\\left[ a \\quad b \\right]`: in square brackets a wide space separates a row's
    entries, as a comma does; so does a plain space between two numbers, as NumPy prints a
    vector (`[ 2  1 -1 ]`: numbers side by side are never a product)."""
    out: list[Token] = []
    square = []                 # for each open bracket: whether it is a square one
    for k, tok in enumerate(tokens):
        if tok.text in ("(", "[", "{", r"\{"):
            square.append(tok.text == "[")
        elif tok.text in (")", "]", "}", r"\}") and square:
            square.pop()
        if tok.text in ROW_SPACES and square and square[-1] and out and out[-1].text != "[":
            out.append(Token("symbol", ",", tok.pos))
            continue
        signed = tok.text == "-" and k + 1 < len(tokens) and tokens[k + 1].kind == "number" \
            and _contiguous([tok, tokens[k + 1]])
        if square and square[-1] and out and out[-1].kind == "number" \
                and (tok.kind == "number" or signed) and not _contiguous([out[-1], tok]) \
                and _numbers_only(tokens, k):
            out.append(Token("symbol", ",", tok.pos))
        out.append(tok)
    return out


def _numbers_only(tokens: list[Token], k: int) -> bool:
    """Whether the square brackets around token k hold numbers alone (signed, spaced apart),
    `[ 2  1 -1 ]`, and every other square bracket of the formula too (`[ a -b ] \\cdot
    [ 1 1 ]` is read as written, one bracket as the other)."""
    brackets = []
    for j, t in enumerate(tokens):
        if t.text == "[":
            end = next((m for m in range(j, len(tokens)) if tokens[m].text == "]"), len(tokens))
            brackets.append((j, end))
    inside = [(j, end) for j, end in brackets if j < k < end]
    return bool(inside) and all(
        all(t.kind == "number" or t.text == "-" for t in tokens[j + 1:end])
        for j, end in brackets if end - j > 2)


def _is_word_name(inner: list[Token], after: Token | None) -> bool:
    """`\\text{loss}`, `\\text{NN}`: one word, not prose (`\\text{ if }`), is a name."""
    return bool(inner) and all(t.kind == "letter" for t in inner) and _contiguous(inner) \
        and "".join(t.text for t in inner).lower() not in PROSE_WORDS \
        and not (after is not None and after.text in ("_", "^"))


def _is_label(before: list[Token], inner: list[Token]) -> bool:
    """Whether `\\text{…}` is a subscript or superscript: right after `_` or `^`, or alone
    in its braces (`_{\\text{total}}`)."""
    if not inner or not all(t.kind in ("letter", "number") for t in inner):
        return False
    return bool(before) and (before[-1].text in ("_", "^") or
                             before[-1].text == "{" and len(before) > 1
                             and before[-2].text in ("_", "^"))


def _unwrapped_fonts(tokens: list[Token]) -> list[Token]:
    """`\\mathbf{h_t}`, `\\mathbf{w \\otimes x}`: a bold font over more than one name is
    typesetting of what it holds, `{h_t}`; over a letter it stays (`\\mathbf{x}` is x)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        close = group_end(tokens, i + 1) if tok.text in TRANSPARENT_FONTS else None
        if close is not None and not _balanced(tokens[i + 2:close]):
            # `\\mathbf{\\sigma(\\boldsymbol{\\theta}}^T x)`: the font's braces cut through
            # a parenthesis, so they group nothing; font and braces go
            tokens = tokens[:i] + tokens[i + 2:close] + tokens[close + 1:]
            continue
        if close is not None and close > i + 3 and _starts_name(tokens[i + 2]) \
                and _scripts_only(tokens[i + 3:close]):
            # \mathbf{e_i}: the bold letter e, then its index, as \mathbf{e}_i
            tokens = [*tokens[:i + 3], tokens[close], *tokens[i + 3:close], *tokens[close + 1:]]
            continue
        if close is not None and not _one_symbol(tokens[i + 2:close]):
            i += 1          # drop the font; its `{…}` stays as a group
            continue
        if close == i + 3 and tokens[i + 2].kind == "number" \
                and tokens[i + 2].text not in ("0", "1"):
            i += 1          # \mathbf{0.00312}, \mathbf{6}: a result set in bold (not 0 or 1,
            continue        # the vectors)
        out.append(tok)
        i += 1
    return out


def _scripts_only(tokens: list[Token]) -> bool:
    """Whether tokens are sub- and superscripts only (`_i`, `_{ij}^{(l)}`), none a prime."""
    k = 0
    while k < len(tokens):
        if tokens[k].text not in ("_", "^") or k + 1 >= len(tokens):
            return False
        k += 1 + (len(_group_at(tokens, k + 1)) + 2 if tokens[k + 1].text == "{" else 1)
    return bool(tokens)


def _only_variable(node: A.Node) -> A.Name | None:
    """The variable a derivative is taken in, when it is one name (`d^2 f / dx^2`: x)."""
    while isinstance(node, A.Group):
        node = node.inner
    if isinstance(node, A.Partial) and isinstance(node.wrt, A.Name):
        inner = node.operand
        while isinstance(inner, A.Partial):      # \frac{d}{dx}\frac{d}{dx} f
            if inner.wrt != node.wrt:
                return None
            inner = inner.operand
        return node.wrt
    return None


def _drawn(under: list[Token]) -> tuple[str, A.Node | None]:
    """The letter an expectation's subscript draws, and what from, parsed: ("x", p_θ(x)) of
    `x \\sim p_\\theta(x)`; ("", None) for any other subscript (`P`, `q_\\phi`), and None for
    what it is drawn from when that does not read."""
    if len(under) < 3 or under[1].text != DRAWN_FROM or under[0].kind != "letter" \
            or len(under[0].text) != 1:
        return "", None
    letter = under[0].text
    try:
        law = Parser(" ".join(t.text for t in under[2:])).parse()
    except NotationError:
        return letter, None
    if isinstance(law, A.Name) and law.sub:     # x \sim p_\theta: the probability of x
        law = A.BinOp("apply", law, A.Group(A.Name(letter, pos=under[0].pos), law.pos), law.pos)
    return letter, law


def _relates_at_top(tokens: list[Token]) -> bool:
    """Whether `=` stands in tokens outside every bracket and brace (`a = b`, not `f(x=1)`)."""
    depth = 0
    for tok in tokens:
        depth += (tok.text in OPENERS) - (tok.text in CLOSERS)
        if tok.text == "=" and depth == 0:
            return True
    return False


def _balanced(tokens: list[Token]) -> bool:
    """Whether the parentheses among `tokens` close in order."""
    depth = 0
    for tok in tokens:
        depth += (tok.text == "(") - (tok.text == ")")
        if depth < 0:
            return False
    return depth == 0


def _one_symbol(tokens: list[Token]) -> bool:
    """One token (`x`, `1`), one command (`\\theta`, `\\hat{…}`), or a run of letters."""
    if len(tokens) <= 1:
        return True                  # \\mathbf{x}, \\mathbf{1}
    if tokens[0].kind == "command":
        return len(tokens) == 1 or (tokens[1].text == "{" and
                                    group_end(tokens, 1) == len(tokens) - 1)
    return all(t.kind == "letter" for t in tokens) and _contiguous(tokens)


SLOT = CONDITIONAL_SLOT


def _without_equation_number(tokens: list[Token]) -> list[Token]:
    """`h_i = \\sigma(u_i) \\qquad (74)`: a number in parentheses after a wide space at the
    end is the equation's number, not a factor."""
    body = tokens[:-1] if tokens and tokens[-1].kind == "end" else tokens
    if len(body) >= 4 and body[-4].text in ROW_SPACES and body[-3].text == "(" \
            and body[-2].kind == "number" and body[-1].text == ")":
        return body[:-4] + tokens[len(body):]
    return tokens


def _without_equation_marks(tokens: list[Token]) -> list[Token]:
    """`E = … \\tag{1}`, `\\label{eq:E}`, `\\notag`: an equation's number and label; a word
    left empty (`\\text{✓}`, a cheat sheet's mark)."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        end = group_end(tokens, k + 1) if tok.text in EQUATION_MARKS_WITH_ARGUMENT else None
        if end is not None:
            k = end + 1
            continue
        if tok.text in WORD_COMMANDS and k + 2 < len(tokens) and tokens[k + 1].text == "{" \
                and tokens[k + 2].text == "}":
            k += 3              # \text{✓}: a mark, read as a space, leaves the word empty
            continue
        if tok.text not in EQUATION_MARKS:
            out.append(tok)
        k += 1
    return out


def _divergence_bars(tokens: list[Token]) -> list[Token]:
    """`KL(P \\| Q)`, `D_{KL}(q(z|x) || p(z))`: one double bar between the two arguments of a
    call, with no other at that depth, separates them as a comma does (a divergence's);
    a norm's bars come in pairs."""
    separators: dict[int, list[int]] = {}      # an opening parenthesis -> its double bars
    singles: dict[int, int] = {}               # … -> how many single bars it holds
    stack: list[int] = []
    for k, tok in enumerate(tokens):
        if tok.text == "(":
            stack.append(k)
            separators[k], singles[k] = [], 0
        elif tok.text == ")" and stack:
            stack.pop()
        elif stack and tok.text in (r"\|", r"\parallel"):
            separators[stack[-1]].append(k)
        elif stack and tok.text in SINGLE_BARS:
            singles[stack[-1]] += 1
            if k + 1 < len(tokens) and tokens[k + 1].text in SINGLE_BARS \
                    and tokens[k + 1].pos - tok.pos - len(tok.text) <= 1 \
                    and not (k and tokens[k - 1].text in SINGLE_BARS
                             and k - 1 in separators[stack[-1]]):
                separators[stack[-1]].append(k)
    cuts = {bars[0] for opening, bars in separators.items() if len(bars) == 1
            and singles[opening] == (2 if tokens[bars[0]].text in SINGLE_BARS else 0)
            and opening and tokens[opening - 1].kind in ("letter", "command", "symbol")
            and tokens[opening - 1].text not in ("(", "[", "{", "+", "-", "=", ",")}
    if not cuts:
        return tokens
    out: list[Token] = []
    skip = -1
    for k, tok in enumerate(tokens):
        if k == skip:
            continue
        if k in cuts:
            out.append(Token("symbol", ",", tok.pos))
            if tok.text in SINGLE_BARS:
                skip = k + 1                    # `||`: its second bar goes too
            continue
        out.append(tok)
    return out


def _double_bars(tokens: list[Token]) -> list[Token]:
    """`||\\theta||_1`, `\\vert\\vert w \\vert\\vert`: two bars written together, opening
    and closing, are the norm's `\\|` (`|x||y|` has one such pair: two absolute values)."""
    seconds: dict[int, int] = {}
    for k, (tok, after) in enumerate(zip(tokens, tokens[1:], strict=False)):
        if tok.text in SINGLE_BARS and after.text in SINGLE_BARS \
                and k not in seconds.values() and after.pos - tok.pos - len(tok.text) <= 1 \
                and (tok.text, after.text) != (r"\rvert", r"\lvert"):
            seconds[k] = k + 1
    if len(seconds) < 2:
        return tokens
    return [Token("command", r"\|", tok.pos) if k in seconds else tok
            for k, tok in enumerate(tokens) if k not in seconds.values()]


def _without_leading_label(tokens: list[Token]) -> list[Token]:
    """`(Mean) \\space \\mu = …`: a capitalised word in parentheses before the math names
    the line; it is no product of letters."""
    if len(tokens) > 5 and tokens[0].text == "(" and tokens[4:] \
            and (close := next((k for k, t in enumerate(tokens) if t.text == ")"), 0)) > 3 \
            and all(t.kind == "letter" for t in tokens[1:close]) \
            and tokens[1].text.isupper() and all(t.text.islower() for t in tokens[2:close]) \
            and _contiguous(tokens[1:close]) and tokens[close + 1].kind != "end":
        return tokens[close + 1 :]
    return tokens


def _mathop_words(tokens: list[Token]) -> list[Token]:
    """`\\mathop{\\rm argmax}`, `\\mathop{tanh}`: an operator's name, as `\\operatorname`
    writes it; `\\mathop{\\mathbb{E}}` and other math: the math itself."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.text != MATHOP:
            out.append(tok)
            k += 1
            continue
        opening = k + 2 if k + 2 < len(tokens) and tokens[k + 1].text in \
            FONT_SWITCHES.values() else k + 1     # {\rm log}, read already as \mathrm{log}
        end = group_end(tokens, opening)
        inner = tokens[opening + 1 : end] if end is not None else []
        letters = [t for t in inner if t.kind == "letter"]
        fonts = {*FONT_SWITCHES, *FONT_SWITCHES.values(), "{", "}"}
        if end is not None and letters and all(t.kind == "letter" or t.text in fonts
                                               for t in inner):
            out += [Token("command", OPERATORNAME, tok.pos), tokens[opening], *letters,
                    tokens[end]]
            k = end + 1
            continue
        k += 1                              # the wrapper alone goes; its math stays
    return out


def _plain_function_commands(tokens: list[Token]) -> list[Token]:
    """`log \\sum_j e^{x_j}`, `log x + log y`: a function's name typed as a word of its own,
    then a space or a command, is that function's command (`\\log`), not a product of
    letters. Before `(` the parser reads it (`plain_function_word`); inside a longer word
    (`catalog x`) it stays letters. `+ const` is one constant, `\\mathrm{const}`."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        if tokens[k].text in WORD_COMMANDS and (word := _word_in_braces(tokens, k + 1)) \
                in PLAIN_FUNCTION_COMMANDS and not _in_script(tokens, k):
            # (g_{\text{tanh}}(z): a label in a subscript stays a word)
            # \mathrm{log} \frac{1}{y!}, \mathrm{ln}\lambda: the function in an upright font
            out.append(Token("command", "\\" + word, tokens[k].pos))
            k += len(word) + 3
            continue
        end = k
        while end < len(tokens) and tokens[end].kind == "letter" \
                and (end == k or _contiguous(tokens[end - 1 : end + 1])):
            end += 1
        word = "".join(t.text for t in tokens[k:end])
        before = tokens[k - 1] if k else None
        after = tokens[end] if end < len(tokens) else None
        alone = before is None or not (before.kind == "letter"
                                       and _contiguous([before, tokens[k]]))
        spaced = after is not None and after.kind != "end" and (
            after.kind == "command" or not _contiguous([tokens[end - 1], after])) \
            and after.text not in ("=", ")", "]", "}", "+", "-", ",", "^", "_", "'")
        if word in PLAIN_FUNCTION_COMMANDS and alone and spaced:
            out.append(Token("command", "\\" + word, tokens[k].pos))
            k = end
            continue
        ends = after is None or after.kind != "letter" \
            or not _contiguous([tokens[end - 1], after])
        if word in CONSTANT_WORDS and alone and ends and (before is None or before.text != "{"):
            pos = tokens[k].pos                 # + const: \mathrm{const}, one quantity
            out += [Token("command", r"\mathrm", pos), Token("symbol", "{", pos),
                    *tokens[k:end], Token("symbol", "}", tokens[end - 1].pos)]
            k = end
            continue
        out.extend(tokens[k : max(end, k + 1)])
        k = max(end, k + 1)
    return out


def _in_script(tokens: list[Token], k: int) -> bool:
    """Whether the token at k opens a subscript or superscript: `_\\text`, `_{\\text`."""
    before = [t.text for t in tokens[max(k - 2, 0):k]]
    return before[-1:] in (["_"], ["^"]) or before in (["_", "{"], ["^", "{"])


def _word_in_braces(tokens: list[Token], k: int) -> str:
    """The word of letters a brace at k holds, one token each (`{log}`); "" for any other."""
    if k >= len(tokens) or tokens[k].text != "{":
        return ""
    end = k + 1
    while end < len(tokens) and tokens[end].kind == "letter" and len(tokens[end].text) == 1:
        end += 1
    if end == k + 1 or end >= len(tokens) or tokens[end].text != "}":
        return ""
    return "".join(t.text for t in tokens[k + 1:end])


def _sized_double_bars(tokens: list[Token]) -> list[Token]:
    """`\\left\\vert\\left\\vert w \\right\\vert\\right\\vert`: two sized bars that both
    open (or both close) are the norm's `\\|`; `\\right| \\left|` closes one and opens the
    next absolute value."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        four = [t.text for t in tokens[k : k + 4]]
        if len(four) == 4 and four[0] == four[2] and four[0] in (r"\left", r"\right") \
                and four[1] in SINGLE_BARS and four[3] in SINGLE_BARS:
            out += [tokens[k], Token("command", r"\|", tokens[k + 1].pos)]
            k += 4
            continue
        out.append(tokens[k])
        k += 1
    return out


def _bare_bars(tokens: list[Token]) -> list[Token]:
    """`{\\huge\\mid}_{x = 0}`: a bar set in a group of its own (to size it) is the bar."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        if tok.text == "}" and len(out) >= 2 and out[-2].text == "{" \
                and out[-1].text in EVALUATION_BARS and k + 1 < len(tokens) \
                and tokens[k + 1].text == "_":
            bar = out.pop()
            out[-1] = bar
            continue
        out.append(tok)
    return out


# the words of a condition said in prose around its math: `\text{if $y$ is 1}`
_WORDED_RELATIONS = {"is": "=", "equals": "=", "isnot": r"\neq"}
_CONDITION_PROSE = frozenset({"if", "when", "whenever", "for", "where"})


def _worded_comparisons(tokens: list[Token]) -> list[Token]:
    """`\\text{if $y$ is 1}`, `\\text{for $i \\neq j$}`: prose that holds math and says a
    comparison is that comparison (`y = 1`, `i \\neq j`). Prose with other words stays prose."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        end = group_end(tokens, k + 1) if tok.text in PROSE else None
        inner = tokens[k + 2:end] if end is not None else []
        said = _comparison_said(inner) if any(t.text == "$" for t in inner) else None
        if said is None:
            out.append(tok)
            k += 1
            continue
        out += said
        k = end + 1
    return out


def says_comparison(prose: str) -> bool:
    """Whether the text of a `\\text{…}` is a comparison said in words and math
    (`if $y$ is 1`), which the reader takes as that comparison."""
    try:
        inner = [t for t in tokenize(prose) if t.kind != "end"]
    except ParseError:
        return False
    return any(t.text == "$" for t in inner) and _comparison_said(inner) is not None


def _comparison_said(inner: list[Token]) -> list[Token] | None:
    """The tokens of the comparison `if $y$ is 1` says (None when the words say more)."""
    out: list[Token] = []
    math = False
    word = ""
    for tok in [*inner, Token("symbol", " ", inner[-1].pos if inner else 0)]:
        if tok.kind == "letter" and not math:
            word += tok.text
            continue
        if word:
            if word.lower() == "not" and out and out[-1].text == "=":
                out[-1] = Token("command", r"\neq", out[-1].pos)
            elif word.lower() in _WORDED_RELATIONS:
                out.append(Token("symbol" if word.lower() != "isnot" else "command",
                                 _WORDED_RELATIONS[word.lower()], tok.pos))
            elif word.lower() not in _CONDITION_PROSE:
                return None
            word = ""
        if tok.text == "$":
            math = not math
        elif math or tok.kind == "number":
            out.append(tok)
        elif tok.text not in (" ", ",", "~") and tok.kind != "letter":
            return None
    relations = [t for t in out if t.text in CONDITION_RELATIONS]
    return out if len(relations) == 1 and not math else None      # one comparison said


def _dots_as_products(tokens: list[Token]) -> list[Token]:
    """`W_g.[a, x]`, `W^{[l]}.A^{[l-1]}`, `f(x) . g(x)`: a period between two operands is
    NumPy's dot, a product, as `\\cdot` is (a number's decimal point is part of the number).
    A period against what comes before and apart from what follows ends a sentence
    (`y = 3x. \\log y = …`)."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        before, after = out[k - 1], out[k + 1]
        sentence = before.pos + len(before.text) == out[k].pos and after.pos > out[k].pos + 1
        if out[k].text == "." and not sentence and (before.kind in ("letter", "number")
                                                    or before.text in (")", "]", "}")) \
                and (after.kind == "letter" or after.text in ("(", "[", "{", r"\left")
                     or after.kind == "command" and (after.text[1:] in GREEK
                                                     or after.text in TRANSPARENT_FONTS
                                                     or after.text in FRACTIONS
                                                     or after.text in SUMS
                                                     or after.text in OPERATORS)):
            out[k] = Token("command", DOT_PRODUCT, out[k].pos)
    return out


def _plain_sums(tokens: list[Token]) -> list[Token]:
    """`sum_k( dP_ik * P_ik )`, `sum_{j=1}^{n}(…)`: the word sum typed as plain letters, then
    its index, is \\sum, as code-like notes write it."""
    out = list(tokens)
    for k in range(len(out) - 3, -1, -1):
        word = out[k:k + 3]
        if "".join(t.text for t in word) == "sum" and all(t.kind == "letter" for t in word) \
                and _contiguous(word) and out[k + 3].text == "_" \
                and not (k and out[k - 1].kind == "letter" and _contiguous(out[k - 1:k + 1])):
            out[k:k + 3] = [Token("command", SUM, word[0].pos)]
    return out


def _slashed_differentials(tokens: list[Token]) -> list[Token]:
    """`dL/dz`, `dL/dy_pred`: d printed against a name, a slash, then
    d printed against a name, is a derivative written inline, as `\\partial L / \\partial z`
    is (never d·L / (d·z))."""
    out = list(tokens)
    k = 0
    while k < len(out) - 3:
        if out[k].text == "d" and out[k].kind == "letter" and _contiguous(out[k:k + 2]):
            slash = k + 1
            while slash < len(out) and out[slash].text != "/" and (
                    out[slash].kind in ("letter", "number") or out[slash].text in "_{}"
                    or _starts_name(out[slash])):       # dŷ/dz: an accent, a Greek letter
                slash += 1
            below = slash + 1
            if slash < len(out) - 2 and out[slash].text == "/" and slash > k + 1 \
                    and out[below].text == "d" and out[below].kind == "letter" \
                    and _contiguous(out[below:below + 2]) and _starts_name(out[below + 1]) \
                    and _starts_name(out[k + 1]):
                out[k] = Token("command", r"\partial", out[k].pos)
                out[below] = Token("command", r"\partial", out[below].pos)
                k = below + 1
                continue
        if out[k].text == VARIATION or out[k].text == "d" and out[k].kind == "letter" \
                and out[k + 1].text == "(" and _contiguous(out[k:k + 2]) \
                and not (k and out[k - 1].kind == "letter" and _contiguous(out[k - 1:k + 1])):
            below = _variation_over(out, k)
            if below is not None:     # δa_o1/δo1, δ(σ(o1))/δo1, d(ax + b)/dx: ∂ on both sides
                out[k] = Token("command", r"\partial", out[k].pos)
                out[below] = Token("command", r"\partial", out[below].pos)
                k = below + 1
                continue
        k += 1
    return out


def _variation_over(tokens: list[Token], k: int) -> int | None:
    """For `δX/δy` or `d(X)/dy` starting at k (X a name or a bracketed group, y a name): the
    index of the second δ or d; None for anything else."""
    slash = k + 1
    if slash < len(tokens) and tokens[slash].text == "(":
        depth = 0
        while slash < len(tokens):
            depth += (tokens[slash].text == "(") - (tokens[slash].text == ")")
            slash += 1
            if depth == 0:
                break
    else:
        while slash < len(tokens) and (tokens[slash].kind in ("letter", "number")
                                       or tokens[slash].text in "_{}"):
            slash += 1
    below = slash + 1
    if slash == k + 1 or below + 1 >= len(tokens) or tokens[slash].text != "/" \
            or tokens[below].text != tokens[k].text or tokens[below + 1].kind != "letter":
        return None
    return below


# commands that take no argument in braces: `\log {z}_i` is log z_i
_NO_ARGUMENT = frozenset({r"\partial", *SUMS, *MUL_OPS, *OPERATORS} - {r"\sqrt"})


def _braced_nuclei(tokens: list[Token]) -> list[Token]:
    """`{ p }_{ i }`, `{ y }^{ 2 }`: one letter in braces, then a sub- or superscript, is
    that letter with it, as TeX sets it (equation editors write every letter so); braces
    that are a command's argument (`\\hat{p}_i`, `\\frac{a}{b}`) stay."""
    dropped: set[int] = set()
    for k in range(len(tokens) - 3):
        one = tokens[k + 1]
        if tokens[k].text == "{" and tokens[k + 2].text == "}" \
                and tokens[k + 3].text in ("_", "^") \
                and (one.kind == "letter" or one.kind == "command" and one.text[1:] in GREEK) \
                and not (k and (tokens[k - 1].text in ("_", "^")
                               or tokens[k - 1].text == "}" and not _closes_script(tokens, k - 1)
                               or tokens[k - 1].kind == "command"
                               and tokens[k - 1].text not in _NO_ARGUMENT)):
            dropped |= {k, k + 2}
    return [t for k, t in enumerate(tokens) if k not in dropped]


def _closes_script(tokens: list[Token], k: int) -> bool:
    """Whether the `}` at k closes a sub- or superscript's group (`{ \\beta }_{ 1 }{ x }`:
    what follows is a factor of its own, not a command's next argument)."""
    depth = 0
    for j in range(k, -1, -1):
        depth += (tokens[j].text == "}") - (tokens[j].text == "{")
        if depth == 0:
            return j > 0 and tokens[j - 1].text in ("_", "^")
    return False


def _single_braces(tokens: list[Token]) -> list[Token]:
    """`\\frac{\\partial}{{\\partial z}}`: a group that holds only a group is that group."""
    dropped: set[int] = set()
    for k in range(len(tokens) - 1):
        if tokens[k].text == "{" and tokens[k + 1].text == "{":
            inner_end = group_end(tokens, k + 1)
            if inner_end is not None and inner_end + 1 < len(tokens) \
                    and tokens[inner_end + 1].text == "}":
                dropped |= {k, inner_end + 1}
    return [t for k, t in enumerate(tokens) if k not in dropped]


def _unbraced_partials(tokens: list[Token]) -> list[Token]:
    """`{\\partial \\xi}/{\\partial z_i}`: braces around either part of a slashed derivative
    group nothing; it is `\\partial \\xi / \\partial z_i`."""
    dropped: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok.text != "{" or k + 1 >= len(tokens) or tokens[k + 1].text != r"\partial":
            continue
        end = group_end(tokens, k)
        if end is None:
            continue
        after = tokens[end + 1].text if end + 1 < len(tokens) else ""
        before = tokens[k - 1].text if k else ""
        if after == "/" or before == "/":
            dropped |= {k, end}
    return [t for k, t in enumerate(tokens) if k not in dropped]


def _unbraced_callees(tokens: list[Token]) -> list[Token]:
    """`{\\ell}(p, y)`: a letter alone in braces, called, is that letter (braces group, and
    print nothing). Not the argument of a command (`\\hat{y}(x)`) or of `^`, `_`."""
    out: list[Token] = []
    tokens = list(tokens)
    for k, tok in enumerate(tokens):
        if tok.text == "}" and len(out) >= 2 and out[-2].text == "{" \
                and (out[-1].kind == "letter" or out[-1].text[1:] in GREEK) \
                and k + 1 < len(tokens) and tokens[k + 1].text == "(" \
                and (len(out) == 2 or out[-3].kind not in ("command",)
                     and out[-3].text not in ("^", "_", "}")):
            letter = out.pop()
            out[-1] = letter
            continue
        word = _braced_word(out)
        if tok.text == "}" and word and k + 1 < len(tokens) and tokens[k + 1].text == "(":
            # -{softmax}(x_{il}): a word in braces, called, is that word's call
            del out[-len(word) - 1]
            last = out[-1]
            tokens[k + 1] = dataclasses.replace(tokens[k + 1], pos=last.pos + len(last.text))
            continue
        out.append(tok)
    return out


def _braced_word(out: list[Token]) -> list[Token]:
    """The letters of a word of three or more that `out` ends with, right after an opening
    brace that follows no command or script mark; [] for anything else."""
    run: list[Token] = []
    k = len(out) - 1
    while k >= 0 and out[k].kind == "letter":
        run.insert(0, out[k])
        k -= 1
    if len(run) < MIN_WORD_LETTERS or k < 0 or out[k].text != "{" or not _contiguous(run) \
            or k and (out[k - 1].kind == "command" or out[k - 1].text in ("^", "_", "}")):
        return []
    return run


def _font_switches_as_fonts(tokens: list[Token]) -> list[Token]:
    """`{\\cal C}` as `\\mathcal{C}`: an old font switch at the start of a group is the
    font command over that group; before the one letter of a superscript (`w^{\\rm T}`) it
    is dropped, the letter read as it is."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        if tok.text in FONT_SWITCHES and len(out) > 1 and out[-1].text == "{" \
                and out[-2].text == "^" and [t.kind for t in tokens[k + 1:k + 2]] == ["letter"] \
                and [t.text for t in tokens[k + 2:k + 3]] == ["}"]:
            continue
        if tok.text in FONT_SWITCHES and out and out[-1].text == "{":
            brace = out.pop()
            out += [Token("command", FONT_SWITCHES[tok.text], tok.pos), brace]
            continue
        out.append(tok)
    return out


def _without_empty_groups(tokens: list[Token]) -> list[Token]:
    """`\\partial{}C`: an empty `{}` spaces the typesetting and carries no math; so does
    `\\mathbf{w}^{\\,}`, whose superscript holds only a space."""
    out: list[Token] = []
    for tok in tokens:
        if tok.text == "}" and out and out[-1].text == "{":
            out.pop()
            if out and out[-1].text in ("^", "_"):
                out.pop()
            continue
        out.append(tok)
    return out


def _top_level(tokens: list[Token], text: str) -> int | None:
    """Where `text` stands among `tokens` outside every bracket, or None."""
    depth = 0
    for k, tok in enumerate(tokens):
        depth += (tok.text in OPENERS) - (tok.text in CLOSERS)
        if depth == 0 and tok.text == text:
            return k
    return None


def _written(tokens: list[Token]) -> str:
    """Tokens as one canonical text: a brace around a single token is dropped
    (`\\sigma^{2}` and `\\sigma^2` are one parameter)."""
    texts = [t.text for t in tokens]
    out: list[str] = []
    for k, text in enumerate(texts):
        if text == "{" and k + 2 < len(texts) and texts[k + 2] == "}":
            continue
        if text == "}" and k >= 2 and texts[k - 2] == "{":
            continue
        out.append(text)
    return " ".join(out)


def _conditional_piece(node: A.Node | None, piece: list[Token], slots: list[A.Node],
                       parser: Parser, where: Token) -> str:
    """`y^{(i)}` -> `y^{(\\cdot)}` with slot i; a bare index letter or whole number is a slot;
    a parameter that is no name (`\\sigma^2` in `p(x_i \\mid \\mu, \\sigma^2)`) is kept as
    written, when no index stands in it."""
    if isinstance(node, A.Num) and node.text.isdigit() or \
            isinstance(node, A.Name) and node.base in INDEX_LETTERS and not (
                node.sub or node.sup or node.suffix or node.primes):
        slots.append(node)
        return SLOT
    if not isinstance(node, A.Name):
        if node is not None and not any(t.text in INDEX_LETTERS for t in piece):
            return _written(piece)
        raise MeaningError("a conditional probability is read only of names, whole numbers, "
                           "`=` and parameters with no index in them, as in "
                           "p(Y = y^{(i)} \\mid x^{(i)}, \\sigma^2)", parser.source,
                           where.pos, "Name the event or the condition, or write the "
                           "probability as a name of its own.")
    slots.extend(node.sup + node.sub)
    text = node.base + "'" * node.primes
    if node.sup:
        text += "^{(" + ",".join(SLOT for _ in node.sup) + ")}"
    parts = [SLOT for _ in node.sub] + ([node.suffix] if node.suffix else [])
    if parts:
        text += "_{" + ",".join(parts) + "}"
    return text


def _starts_name(tok: Token) -> bool:
    """A letter, or a command that begins a name: a Greek letter, an accent (ŷ is \\hat{y})."""
    return tok.kind == "letter" or tok.kind == "command" and (
        tok.text[1:] in GREEK or tok.text[1:] in ACCENTS)


def _contiguous(tokens: list[Token]) -> bool:
    return all(b.pos == a.pos + len(a.text) for a, b in zip(tokens, tokens[1:], strict=False))


def _leading_word(tokens: list[Token]) -> int:
    """How many letters at the start spell a condition's opening word typed as letters
    (`if x > 0`), set apart from what follows; 0 when they do not."""
    for length in range(2, min(len(tokens) - 1, 10) + 1):
        word = tokens[:length]
        if all(t.kind == "letter" for t in word) and _contiguous(word) \
                and "".join(t.text for t in word) in CONDITION_WORDS \
                and tokens[length].pos > word[-1].pos + 1:
            return length
    return 0


def _is_elision(cell: list[Token]) -> bool:
    return len(cell) == 1 and cell[0].text in ELISIONS


def _comma_cells(cell: list[Token]) -> list[list[Token]]:
    """A matrix cell cut at its commas outside brackets: `x_1, x_2, x_3` as three entries."""
    cells: list[list[Token]] = [[]]
    depth = 0
    for t in cell:
        depth += (t.text in OPENERS) - (t.text in CLOSERS)     # ⟨u, v⟩, \max\{a, b\}
        if t.text == "," and depth == 0:
            cells.append([])
        else:
            cells[-1].append(t)
    return cells if all(cells) else [cell]


class Parser:
    """Reads one side of a relation (no `=`) into an ast.Node."""

    def __init__(self, source: str, tokens: list[Token] | None = None, depth: int = 0):
        if len(source) > MAX_SIDE_CHARS:
            raise ParseError(
                f"this formula is {len(source)} characters long; derivcheck reads at most "
                f"{MAX_SIDE_CHARS} per side",
                source, MAX_SIDE_CHARS,
                "Split the formula into shorter steps (a runaway OCR repetition looks like this).",
            )
        self.source = source
        self.tokens = _drop_layout(tokenize(source) if tokens is None else tokens)
        if not self.tokens or self.tokens[-1].kind != "end":
            end = self.tokens[-1].pos + len(self.tokens[-1].text) if self.tokens else 0
            self.tokens.append(Token("end", "", end))
        self.i = 0
        self.depth = depth
        self.abs_open = 0

    # -- token helpers -------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind != "end":
            self.i += 1
        return tok

    def error(self, reason: str, tok: Token | None = None, hint: str = "") -> ParseError:
        tok = tok or self.peek()
        return ParseError(reason, self.source, tok.pos, hint)

    def expect(self, text: str, hint: str = "") -> Token:
        tok = self.peek()
        if tok.text != text:
            found = f"'{tok.text}'" if tok.kind != "end" else "the end of the formula"
            raise self.error(f"expected '{text}' but found {found}", tok, hint)
        return self.advance()

    def group_tokens(self) -> list[Token]:
        """The tokens of a `{...}` group (consumed), or of the single next token."""
        if self.peek().text != "{":
            tok = self.advance()
            if tok.kind == "end":
                raise self.error("expected an argument here", tok, "Add the missing argument.")
            return [tok]
        open_tok = self.advance()
        depth, start = 1, self.i
        while True:
            tok = self.advance()
            if tok.kind == "end":
                raise self.error("this '{' is never closed", open_tok, "Add the matching '}'.")
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth -= 1
                if depth == 0:
                    return self.tokens[start : self.i - 1]

    def argument_tokens(self) -> list[Token]:
        """An argument of `\\frac` or `\\binom`: a group, or one token, and of a number
        written bare only its first digit, as TeX reads it (`\\frac12` is ½,
        `\\frac1{2m}` is 1/(2m))."""
        tok = self.peek()
        if tok.kind == "number" and len(tok.text) > 1:
            first = Token("number", tok.text[0], tok.pos)
            rest = Token("number", tok.text[1:], tok.pos + 1)
            self.tokens[self.i : self.i + 1] = [first, rest]
        return self.group_tokens()

    def sub_parse(self, tokens: list[Token], what: str = "expression") -> A.Node:
        over = _split_top(tokens, INFIX_FRACTION) if tokens else []
        if len(over) == 2 and over[0] and over[1]:      # {1 \over 2}: TeX's own fraction,
            sub = Parser(self.source, [], self.depth + 1)   # read as \frac{…}{…} is
            return sub.derivative_fraction(tokens[0], over[0], over[1])
        if not tokens:
            pos = self.tokens[max(self.i - 1, 0)].pos
            raise ParseError(f"empty {what}", self.source, pos,
                             f"Write the {what} inside the braces.")
        if self.depth > MAX_DEPTH:
            raise self.error("the formula is nested too deeply to read",
                             hint="Split it into steps.")
        sub = Parser(self.source, list(tokens), self.depth + 1)
        node = sub.expression()
        if sub.peek().kind != "end":
            raise sub.error(f"unexpected '{sub.peek().text}' in this {what}",
                            hint="Check the braces and operators around it.")
        return node

    # -- grammar -------------------------------------------------------------------
    def parse(self) -> A.Node:
        if self.peek().kind == "end":
            raise self.error("there is no formula here", hint="Write both sides of the relation.")
        if len(_split_top(self.tokens[:-1], INFIX_FRACTION)) == 2:    # 1 \over 2, a whole side
            return _sample_superscripts(_unwritten_indices(self.sub_parse(self.tokens[:-1])))
        node = self.evaluated(self.expression())
        tok = self.peek()
        if tok.kind != "end":
            raise self.error(f"unexpected '{tok.text}'", tok, _hint_for(tok.text))
        return _sample_superscripts(_unwritten_indices(node))

    def at_evaluation_bar(self) -> bool:
        return self.peek().text in EVALUATION_BARS and self.peek(1).text == "_"

    def evaluated(self, node: A.Node) -> A.Node:
        """`… \\big|_{x = 1}`, `\\left. … \\right|_{w = 0, b = 1}`: `node` at that point."""
        if not self.at_evaluation_bar():
            return node
        bar = self.advance()
        self.advance()
        names, values = [], []
        bindings = _split_top(self.group_tokens(), ",")
        variable = _only_variable(node)
        for binding in bindings:
            sides = _split_top(binding, "=")
            if len(sides) == 1 and len(bindings) == 1 and variable is not None and binding:
                # \frac{d^2 f}{dx^2}\right|_{x^\star}: at the point, the variable unsaid
                names.append(variable)
                values.append(self.sub_parse(binding, "value"))
                continue
            if len(sides) != 2 or not sides[0] or not sides[1]:
                raise self.error("a point to evaluate at reads |_{x = value}", bar,
                                 "Write it as \\big|_{x = 1}.")
            names.append(self.sub_parse(sides[0], "name"))
            values.append(self.sub_parse(sides[1], "value"))
        return A.At(node, tuple(names), tuple(values), bar.pos)

    def expression(self) -> A.Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error("the formula is nested too deeply to read",
                             hint="Split it into steps.")
        try:
            if self.peek().text in ("-", "+"):
                node = self.signed_term()
            else:
                node = self.term()
            terms = [("+", node, node.pos)]
            while self.peek().text in ("+", "-"):
                op = self.advance()
                if op.text == "+" and self.peek().text in ELISIONS:
                    terms = self.elided_terms(terms)
                    continue
                terms.append((op.text, self.term(), op.pos))
            node = terms[0][1]
            for op_text, right, pos in terms[1:]:
                node = A.BinOp(op_text, node, right, pos)
            return node
        finally:
            self.depth -= 1

    def elided_terms(self, terms: list[tuple[str, A.Node, int]]) \
            -> list[tuple[str, A.Node, int]]:
        """`w_1 x_1 + w_2 x_2 + \\cdots + w_n x_n`: the terms before the elision that
        follow its pattern, and the last term, become one sum over a letter the formula
        does not use. Without a pattern, the elision is not read."""
        elision = self.advance()
        refused = MeaningError(REFUSED_COMMANDS[elision.text], self.source, elision.pos)
        if self.peek().text != "+":
            raise refused
        self.advance()
        last = self.term()
        added = len(terms) - 1 - next((k for k in range(len(terms) - 1, -1, -1)
                                       if terms[k][0] != "+"), -1)
        used = {t.text for t in self.tokens if t.kind == "letter"}
        letter = next((c for c in "kjilmnpq" if c not in used), None)
        before = terms[-added - 1][1] if len(terms) > added else None
        found = elided_sum([term for _, term, _ in terms[-added:]], last, letter,
                           elision.pos, before) if letter and added else None
        if found is None:
            raise refused
        taken, total = found
        kept = terms[:len(terms) - taken]
        return [*kept, ("+", total, elision.pos)] if kept else [("+", total, total.pos)]

    def signed_term(self) -> A.Node:
        op = self.advance()
        operand = self.term()
        return A.Neg(operand, op.pos) if op.text == "-" else operand

    def term(self) -> A.Node:
        node = self.unary()
        while True:
            tok = self.peek()
            if tok.text in MUL_OPS:
                self.advance()
                right = self.unary()
                after = self.peek()
                if tok.text == "/" and isinstance(right, A.Num | A.Name) \
                        and self.starts_factor(after) and _contiguous([self.peek(-1), after]):
                    # 1/2b, a/bc: over 2b, as the writer may mean, or (1/2) b, as read
                    raise MeaningError(
                        "a slash before a factor printed against the next one (1/2b) may "
                        "divide by both or by the first only; the reading is in doubt",
                        self.source, tok.pos, "Write \\frac{1}{2b}, or (1/2) b.")
                node = A.BinOp(MUL_OPS[tok.text], node, right, tok.pos)
            elif self.starts_factor(tok):
                right = self.postfix()
                node = A.BinOp("juxt", node, right, tok.pos)
            else:
                return node

    def unary(self) -> A.Node:
        tok = self.peek()
        if tok.text == "-":
            self.advance()
            return A.Neg(self.unary(), tok.pos)
        if tok.text == "+":
            self.advance()
            return self.unary()
        return self.postfix()

    def starts_factor(self, tok: Token) -> bool:
        if tok is self.peek() and self.at_evaluation_bar():
            return False
        if tok.kind in ("letter", "number"):
            return True
        if tok.kind == "symbol":
            return tok.text in ("(", "[", "{") or (tok.text == "|" and not self.abs_open)
        if tok.kind == "command":
            if tok.text in (r"\|", r"\Vert", r"\rVert", r"\vert", r"\rvert") and self.abs_open:
                return False
            return not (tok.text in MUL_OPS or tok.text in (r"\pm", r"\mp")
                        or tok.text in CONDITION_RELATIONS
                        or tok.text in (r"\}", r"\rangle", r"\rvert", r"\rVert"))
        return False

    def postfix(self) -> A.Node:
        node = self.primary()
        while True:
            tok = self.peek()
            if tok.text == "^" and _is_application(node) and _is_index_superscript(self, 1):
                # \sigma(z)^{(i)}: the sample's value, the function at z^{(i)} (not a power)
                self.advance()
                sup = self.index_list(self.group_tokens()[1:-1])
                node = _indexed_arguments(node, sup, self)
            elif tok.text == "^":
                self.advance()
                node = self.superscript(node, tok)
            elif tok.text == "_" and isinstance(node, A.Transpose) and not node.prime \
                    and isinstance(node.operand, A.Group) \
                    and (entry := self.bracket_entry_expanded(A.Group(node, node.pos))):
                node = entry            # (XB + BX)^T_{pq}: the entry (q, p) of XB + BX
            elif tok.text == "_" and isinstance(node, A.Transpose) and not node.prime \
                    and isinstance(node.operand, A.Name) and not node.operand.sub \
                    and not node.operand.suffix:
                # X^T_{jk}: the entry (j, k) of the transpose, X_{kj}
                self.advance()
                sub, suffix = self.subscript(self.group_tokens())
                if suffix or len(sub) > 2:
                    raise self.error("an entry of a transpose is read by one or two "
                                     "indices", tok)
                node = dataclasses.replace(node.operand, sub=sub[::-1])
            elif tok.text == "_" and _is_application(node) and isinstance(node, A.BinOp) \
                    and not node.left.sub and not node.left.suffix:
                # \phi(z)_A: the function \phi_A (Raschka's activation A) at z
                self.advance()
                sub, suffix = self.subscript(self.group_tokens())
                if node.left.base == SIGMA and len(sub) == 1 and not suffix:
                    raise MeaningError(
                        "σ(z) with an entry index after it may be the sigmoid's entry, "
                        "σ(z_i), or the softmax's, as some notes write σ; the readings differ",
                        self.source, tok.pos,
                        "Write \\sigma(z_i), or \\operatorname{softmax}(z)_i.")
                node = dataclasses.replace(node, left=dataclasses.replace(node.left, sub=sub,
                                                                          suffix=suffix))
            elif tok.text == "(" and isinstance(node, A.Group) \
                    and isinstance(node.inner, A.Call) and node.inner.name.startswith(NABLA) \
                    and not node.inner.args and _contiguous([self.peek(-1), tok]):
                # (\nabla f)(x): the gradient of f at x, as \nabla f(x)
                node = dataclasses.replace(node.inner, args=self.bracketed_args(), parens=True)
            elif tok.text == "[" and isinstance(node, A.Name) and not node.sub \
                    and not node.sup and node.base not in INDEX_LETTERS \
                    and _contiguous([self.peek(-1), tok]) \
                    and (index := self.bracket_index(node)) is not None:
                node = dataclasses.replace(node, sub=index)     # z[j], w[i,j]: as z_j, w_{ij}
            elif tok.text == "'":
                self.advance()
                node = A.Transpose(node, tok.pos, prime=True)
            elif tok.text == "!":
                self.advance()
                node = A.Call("factorial", (node,), None, 0, None, True, tok.pos)
            elif tok.text == "_" and isinstance(node, A.Call) and node.index is None:
                self.advance()
                index = self.sub_parse(self.group_tokens(), "index")
                node = dataclasses.replace(node, index=index)
            elif tok.text == "_" and isinstance(node, A.Power) and isinstance(node.base, A.Name) \
                    and not node.base.sub and not node.base.suffix:
                # a^l_j: the subscript belongs to the name, as in a_j^l
                self.advance()
                sub, suffix = self.subscript(self.group_tokens())
                node = A.Power(dataclasses.replace(node.base, sub=sub, suffix=suffix),
                               node.exponent, node.pos)
            elif tok.text == "_" and isinstance(node, (A.Partial, A.Group)):
                entry = self.gradient_entry(node)
                if entry is None and isinstance(node, A.Group):
                    entry = self.bracket_entry_expanded(node)
                if entry is not None:
                    node = entry
                    continue
                # \frac{\partial y}{\partial x}_{\text{direct}}, (\frac{∂y}{∂x})_{i,:}: a
                # part the text names in words, or an entry of an expression
                raise MeaningError("a subscript on a derivative or a bracket (a part of it "
                                   "named in words, or its entry) is not read", self.source,
                                   tok.pos, "Write the part as its own derivative, or name "
                                   "the expression and index the name.")
            else:
                return node

    def bracket_index(self, name: A.Name) -> tuple[A.Node, ...] | None:
        """`[j]`, `[i,j]`, `[k+1]` right after a name that is no index letter itself: index
        letters, numbers, commas and a number added or taken, the index of code's `z[j]`
        (consumed); None, nothing taken, for any other bracket (`x[1 - x]` is a product, and
        so is `i[i + 1]`)."""
        close = next((k for k in range(self.i + 1, len(self.tokens))
                      if self.tokens[k].text in ("]", "[")), None)
        if close is None or self.tokens[close].text != "]" or close == self.i + 1:
            return None
        inside = self.tokens[self.i + 1:close]
        offset = [t.text in ("+", "-") and k + 1 < len(inside) and inside[k + 1].kind == "number"
                  for k, t in enumerate(inside)]
        if any(t.text == name.base for t in inside) or not all(
                t.text in INDEX_LETTERS or t.kind == "number" or t.text == "," or offset[k]
                for k, t in enumerate(inside)) \
                or not any(t.text in INDEX_LETTERS or t.kind == "number" for t in inside):
            return None
        self.i = close + 1
        sub, suffix = self.subscript(inside)
        return None if suffix else sub

    def gradient_entry(self, node: A.Node) -> A.Node | None:
        """`\\left(\\frac{\\partial L}{\\partial \\mathbf{y}}\\right)_i`: entry i of the
        gradient of a quantity written plain by a vector is the derivative by the vector's
        entry i; None (nothing taken) for anything else, a word or `:` in the subscript."""
        partial = node.inner if isinstance(node, A.Group) else node
        if not (isinstance(partial, A.Partial) and isinstance(partial.numerator, A.Name)
                and not partial.numerator.bold and partial.order == 1
                and isinstance(partial.wrt, A.Name) and not partial.wrt.sub
                and not partial.wrt.sup and not partial.wrt.suffix):
            return None
        saved = self.i
        self.advance()
        tokens = self.group_tokens()
        if not all(t.kind in ("letter", "number") or t.text == "," for t in tokens):
            self.i = saved
            return None
        sub, suffix = self.subscript(tokens)
        # one index: entry i of a gradient; two ((∂z/∂x)_{ij}) are a Jacobian's entry
        if suffix or len(sub) != 1 or not all(isinstance(s, A.Num) or isinstance(s, A.Name)
                                              and len(s.base) == 1 and not s.sub for s in sub):
            self.i = saved
            return None
        return dataclasses.replace(partial, wrt=dataclasses.replace(partial.wrt, sub=sub))

    def bracket_entry_expanded(self, node: A.Group) -> A.Node | None:
        """`(BA)_{qp}`, `(A^T)_{kl}`, `(XB + BX)_{pq}`, `(Ax)_i`: an entry of a matrix
        expression of names, written out as index notation does: `\\sum_k B_{qk} A_{kp}`.
        None (nothing taken) for anything else."""
        saved = self.i
        self.advance()
        tokens = self.group_tokens()
        sub, suffix = self.subscript(tokens) if all(
            t.kind in ("letter", "number") or t.text == "," for t in tokens) else ((), "x")
        if self.peek().text == "^" and _superscript_kind(self.peek_group(1)) == "transpose":
            self.advance()          # (BA)_{pq}^T: the entry (p, q) of (BA)^T
            self.group_tokens()
            sub = sub[::-1]
        taken = {t.text for t in self.tokens if t.kind == "letter"}
        fresh = iter([letter for letter in FRESH_INDEX_LETTERS if letter not in taken])
        try:
            entry = _entry_of(node.inner, list(sub), fresh) \
                if not suffix and 1 <= len(sub) <= 2 and all(
                    isinstance(s, A.Num) or isinstance(s, A.Name) and len(s.base) == 1
                    and not s.sub for s in sub) else None
        except StopIteration:
            entry = None
        if entry is None:
            self.i = saved
        return entry

    def superscript(self, base: A.Node, caret: Token) -> A.Node:
        if self.peek().text == "(" and base == A.Name("e", pos=getattr(base, "pos", 0)):
            return A.Power(base, self.bracketed(), caret.pos)      # e^(−x), as typed
        tokens = self.group_tokens()
        if len(tokens) == 1 and tokens[0].text in UPDATE_MARKS \
                and isinstance(base, A.Name) and not base.sup:
            # w_5^{+}, \theta^*: the updated or the optimal value, a name of its own
            return dataclasses.replace(base, sup=(A.Name(tokens[0].text, pos=tokens[0].pos),))
        rest = tokens[:-1]
        if len(rest) > 3 and rest[-1].text == "^":
            rest = rest[:-1]          # W^{[2]^\top}: the layer's matrix, transposed inside
        if len(rest) > 2 and [tokens[-1].text] in TRANSPOSE_MARKS \
                and (rest[0].text, rest[-1].text) in (("(", ")"), ("[", "]")) \
                and isinstance(base, A.Name) and not base.sup:
            # \theta^{(k)\top}, W^{[l] T}: a layer or sample index, then the transpose
            index = self.sub_parse(rest[1:-1], "index")
            layered = dataclasses.replace(base, sup=(index,))
            if self.peek().text == "_" and not base.sub and not base.suffix:
                # W^{[l]T}_{kj}: entry (k, j) of the transpose, W^{[l]}_{jk}
                self.advance()
                entry, label = self.subscript(self.group_tokens())
                if len(entry) != 2 or label:
                    raise self.error("an entry of a transposed matrix takes two indices",
                                     caret, "Write the entry of the matrix itself, W_{jk}.")
                return dataclasses.replace(layered, sub=entry[::-1])
            return A.Transpose(layered, caret.pos)
        if isinstance(base, A.Name) and base.base in FUNCTION_LETTERS and not base.sup \
                and len(tokens) == 1 and tokens[0].kind == "number" and self.peek().text == "(":
            # h^2(x): h(x) squared, as \sin^2(x) is (a layer's f^2(z^2) is read by `name`)
            args = self.bracketed_args()
            call = A.BinOp("apply", base, A.Group(args[0] if len(args) == 1 else _tuple(args),
                                                  base.pos), base.pos)
            return A.Power(call, A.Num(tokens[0].text, tokens[0].pos), caret.pos)
        kind = _superscript_kind(tokens)
        if kind == "transpose" and isinstance(base, A.Name) and len(base.sub) == 2 \
                and not base.sup:
            # X_{ij}^T: an entry is a number, so the mark is on the matrix: (X^T)_{ij}
            return dataclasses.replace(base, sub=base.sub[::-1])
        if kind == "transpose":
            return A.Transpose(base, caret.pos)
        if tokens and tokens[0].text == "-" and _superscript_kind(tokens[1:]) == "transpose" \
                and isinstance(base, A.Name) and base.base.lstrip("\\")[:1].isupper():
            # A^{-T} of a matrix A or Σ (a capital): the transpose of the inverse; x^{-T} is a
            # power
            return A.Transpose(A.Power(base, A.Num("-1", tokens[0].pos), caret.pos), caret.pos)
        if kind == "prime":
            if isinstance(base, A.Name):
                return A.Name(base.base, base.sub, base.sup, base.suffix,
                              base.primes + len(tokens), base.pos)
            for _ in tokens:        # (\log_a x)^{\prime}: a prime, as `'` is
                base = A.Transpose(base, caret.pos, prime=True)
            return base
        if tokens and tokens[-1].text in PROSE and self.peek().text == "{":
            tokens = [*tokens, *self.group_tokens()]          # L^\text{logistic}: one word
        word = _superscript_word(tokens)
        if word is None and isinstance(base, A.Name) and base.base != "e" \
                and len(tokens) >= (2 if base.base.lstrip("\\")[:1].isupper() else 3) \
                and all(t.kind == "letter" and t.text.islower() for t in tokens) \
                and _contiguous(tokens):
            # Q^{hia}, W^{hy}, A^{ij}: a label, a name's indices written up (as tensor
            # notation writes them), or a power of a product (a^{mn} of a small letter: a
            # power, as the rules of exponents write it)
            raise MeaningError(
                f"{base.base}^{{{''.join(t.text for t in tokens)}}}: a word as a superscript "
                "(a name of its own), indices written up (an entry), or a power of a "
                "product; the reading is in doubt",
                self.source, caret.pos,
                "Write the word in \\text{…} (L^{\\text{fit}}), or the power with spaces or "
                "a \\cdot between its factors.")
        if word is not None and isinstance(base, A.Name) and not base.sup \
                and base.base != "e":
            # w^{new}, \theta^{MLE}, L^{\text{logistic}}: part of the name, never a power
            named = dataclasses.replace(base, base=f"{base.base}^{{{word}}}")
            if self.peek().text == "_" and not base.sub and not base.suffix:
                self.advance()          # w^{IH}_{01}: entry (0, 1) of the matrix w^{IH}
                sub, suffix = self.subscript(self.group_tokens())
                named = dataclasses.replace(named, sub=sub, suffix=suffix)
            if self.peek().text != "(":
                return named
            args = self.bracketed_args()        # L^{\text{logistic}}(\beta): a call, or not
            return A.BinOp("apply", named, A.Group(args[0] if len(args) == 1 else _tuple(args),
                                                   named.pos), named.pos)
        return A.Power(base, self.sub_parse(tokens, "exponent"), caret.pos)

    # -- primaries -------------------------------------------------------------------
    def primary(self) -> A.Node:
        tok = self.peek()
        if tok.kind == "number":
            self.advance()
            if tok.text == "1" and self.holds_a_comparison():
                return self.indicator(tok)        # 1(x > 0), 1\\{y^{(i)} = k\\}
            return A.Num(tok.text, tok.pos)
        if tok.kind == "letter":
            return self.name_or_call()
        if tok.text == "[" and self.holds_a_comparison():
            return self.indicator(tok)            # Iverson's [z > 0]
        if tok.text in ("(", "["):
            return self.bracketed()
        if tok.text == "{":
            if self.braced_layer_function():
                return self.name_or_call()
            grouped = self.group_tokens()
            choose = _top_level(grouped, r"\choose")
            if choose is not None:          # {n \choose k}: TeX's infix binomial
                top = self.sub_parse(grouped[:choose], "top of the binomial")
                bottom = self.sub_parse(grouped[choose + 1:], "bottom of the binomial")
                return A.Call("binom", (top, bottom), None, 0, None, True, tok.pos)
            inner = self.sub_parse(grouped, "group")
            if _is_sum(inner) and self.peek().text in ("(", "[", r"\left"):
                # {a - b}(c): printed, the braces do not show (a − b(c)); read, they group
                raise MeaningError("a sum in braces multiplies what follows: printed, the "
                                   "braces do not show, so the sum's last term alone may be "
                                   "meant", self.source, tok.pos,
                                   "Write the grouping with \\left( … \\right).")
            return inner
        if tok.text == "|":
            return self.delimited("|", "|", A.Abs)
        if tok.text in (r"\|", r"\Vert", r"\lVert"):
            return self.delimited(tok.text, {r"\|", r"\Vert", r"\rVert"}, A.Norm)
        if tok.text in (r"\lvert", r"\vert"):
            return self.delimited(tok.text, {r"\rvert", r"\vert"}, A.Abs)
        if tok.kind == "command":
            return self.command(tok)
        if tok.kind == "end":
            raise self.error("the formula ends where a value was expected",
                             hint="Complete the expression.")
        raise self.error(f"unexpected '{tok.text}'", tok, _hint_for(tok.text))

    def bracketed(self) -> A.Node:
        interval = self.i > 0 and self.tokens[self.i - 1].text in INTERVAL_BEFORE
        open_tok = self.advance()
        close = ")" if open_tok.text == "(" else "]"
        saved = self.abs_open
        self.abs_open = 0
        first = self.list_entry()
        entries = [first if isinstance(first, Token) else self.evaluated(first)]
        # [0.090, 0.245, 0.665] and (2x, 6y) are vectors, (0, 1) after \in an interval;
        # (x_1, \ldots, x_n) a run only when elided_vector reads it
        pair = open_tok.text == "(" and not interval and not self.elision_in(close)
        while self.peek().text == "," and (open_tok.text == "[" or pair
                                           or self.elided_ahead(close)
                                           or self.transposed_after(close)
                                           or any(isinstance(e, Token) for e in entries)):
            self.advance()
            entries.append(self.list_entry())
        self.abs_open = saved
        self.expect(close, f"Close the '{open_tok.text}' opened here.")
        if any(isinstance(entry, Token) for entry in entries):
            return self.elided_vector(entries, "list", open_tok.pos)
        if len(entries) > 1:
            return _tuple(tuple(entries))
        return A.Group(entries[0], open_tok.pos)

    def list_entry(self) -> A.Node | Token:
        """An entry of a list, or the elision token standing for entries left out."""
        if self.peek().text in ELISIONS:
            return self.advance()
        return self.expression()

    def transposed_after(self, close: str) -> bool:
        """Whether the list's `close` is followed by a transpose mark: `(0.2,\\, 0.4)^\\top`
        is a vector, as `[0.2, 0.4]^T` is (a pair in parentheses alone may be a point or an
        interval)."""
        depth = 0
        for k in range(self.i, len(self.tokens) - 2):
            tok = self.tokens[k]
            depth += (tok.text in OPENERS) - (tok.text in CLOSERS)
            if depth < 0 or depth == 0 and tok.text == close:
                if self.tokens[k + 1].text != "^":
                    return False
                mark = _group_at(self.tokens, k + 2)
                return _superscript_kind(mark) == "transpose"
        return False

    def elision_in(self, close: str) -> bool:
        """Whether an elision stands anywhere in the list before its `close`."""
        depth = 0
        for tok in self.tokens[self.i:]:
            if depth == 0 and tok.text == close:
                return False
            depth += (tok.text in OPENERS) - (tok.text in CLOSERS)
            if depth < 0:
                return False
            if tok.text in ELISIONS:
                return True
        return False

    def elided_ahead(self, close: str) -> bool:
        """Whether an elision stands among the list's entries before `close`."""
        depth = 0
        for tok in self.tokens[self.i:]:
            depth += (tok.text in OPENERS) - (tok.text in CLOSERS)
            if depth < 0 or depth == 0 and tok.text == close:
                return False
            if depth == 0 and tok.text in ELISIONS:
                return True
        return False

    def elided_vector(self, entries: list, orientation: str, pos: int) -> A.SumOver:
        """`[x_1, x_2, \\dots, x_n]`: the entries before the elision and the last one after
        it count up by one (`elisions.elided_sum`), read as the vector of that run's terms.
        Any other elision is not read."""
        marks = [k for k, entry in enumerate(entries) if isinstance(entry, Token)]
        refused = MeaningError(REFUSED_COMMANDS[entries[marks[0]].text], self.source,
                               entries[marks[0]].pos)
        if len(marks) != 1 or marks[0] != len(entries) - 2 or marks[0] == 0:
            raise refused
        used = {t.text for t in self.tokens if t.kind == "letter"}
        letter = next((c for c in "kjilmnpq" if c not in used), None)
        written = entries[:marks[0]]
        found = elided_sum(written, entries[-1], letter, pos) if letter else None
        if found is None or found[0] != len(written):
            raise refused
        return dataclasses.replace(found[1], stacked=orientation)

    def delimited(self, opener: str, closers, node_type) -> A.Node:
        open_tok = self.advance()
        closers = {closers} if isinstance(closers, str) else closers
        self.abs_open += 1
        inner = self.expression()
        self.abs_open -= 1
        if self.peek().text not in closers:
            raise self.error(f"the '{opener}' opened here is never closed", open_tok,
                             f"Close it with '{sorted(closers)[0]}'.")
        self.advance()
        node = node_type(inner, open_tok.pos)
        if node_type is not A.Norm:
            return node
        if self.peek().text == "_":                            # \|v\|_2
            return self.norm_order(inner, open_tok)
        if self.peek().text == "^":                            # \|v\|^2_2: the power first
            saved, caret = self.i, self.advance()
            power = self.group_tokens()
            if self.peek().text == "_":
                return A.Power(self.norm_order(inner, open_tok),
                               self.sub_parse(power, "exponent"), caret.pos)
            self.i = saved
        return node

    def norm_order(self, inner: A.Node, open_tok: Token) -> A.Norm:
        """The `_2` after a norm's bars: which norm it is."""
        self.advance()
        order = [t.text for t in self.group_tokens()
                 if t.text not in WORD_COMMANDS and t.text not in "{}"]
        if order not in (["1"], ["2"], ["F"]):
            raise self.error("only the norms \\|v\\|_1, \\|v\\|_2 and the Frobenius "
                             "norm \\|A\\|_F are supported", open_tok)
        return A.Norm(inner, open_tok.pos, order[0])

    def command(self, tok: Token) -> A.Node:
        name = tok.text
        if name in REFUSED_COMMANDS:
            raise MeaningError(REFUSED_COMMANDS[name], self.source, tok.pos)
        if name == CAPITAL_SIGMA and self.sigma_sums():
            return self.sum_over(tok)
        if name[1:] in GREEK or name[1:] in GREEK_VARIANTS:
            return self.name_or_call()
        if name[1:] in ACCENTS or name in TRANSPARENT_FONTS or name in NAMED_FONTS:
            if name == r"\mathbb":
                return self.blackboard(tok)
            if name in TRANSPARENT_FONTS and self.bold_indicator():
                self.advance()
                self.group_tokens()
                return self.indicator(tok)      # \mathbf{1}\{i = j\}: as \mathbb{1} is
            return self.name_or_call()
        if name in STACKING:
            return self.stacked(tok)
        if name in BINOMIALS:
            self.advance()
            top = self.sub_parse(self.argument_tokens(), "top of the binomial")
            bottom = self.sub_parse(self.argument_tokens(), "bottom of the binomial")
            return A.Call("binom", (top, bottom), None, 0, None, True, tok.pos)
        if name in FRACTIONS:
            return self.fraction(tok)
        if name in SUMS:
            return self.sum_over(tok)
        if name == r"\partial":
            return self.slash_partial(tok)
        if name == r"\nabla":
            return self.nabla(tok)
        if name == r"\langle":
            return self.inner_product(tok)
        if name in OPERATORS:
            return self.operator(tok)
        if name in WORD_COMMANDS:
            return self.word(tok)
        if name in BRACES:
            return self.annotated(tok)
        if name in WRAPPERS or name == COLOR:
            self.advance()
            if name == COLOR:
                self.group_tokens()
                return self.postfix()
            return self.sub_parse(self.group_tokens(), "group")
        if name == BEGIN:
            return self.matrix(tok)
        if name in (r"\lbrace", r"\{"):
            grouped = self.braces_as_brackets(tok)
            if grouped is not None:
                return grouped
            raise self.error("sets and braces as values are not part of derivcheck's notation", tok)
        raise self.error(f"unknown command {name}", tok,
                         "Run `derivcheck help notation` for the notation derivcheck reads.")

    def function_after(self) -> bool:
        """Whether a bracket or a function's name comes next (`(x + y)`, `\\ln(x)`, `ln(x)`)."""
        tok = self.peek()
        if tok.text == "(" or tok.kind == "command" and tok.text[1:] not in GREEK and (
                tok.text[1:] in ELEMENTWISE_OPERATORS or known_function(tok.text[1:]) is not None):
            return True
        word = ""
        for k in range(6):
            if self.peek(k).kind != "letter":
                break
            word += self.peek(k).text
        return any(word == known and self.peek(len(known)).text == "("
                   for known in PLAIN_FUNCTION_WORDS)

    def name(self) -> A.Name:
        """A symbol and its decorations: accents, fonts, sub- and superscript indices, primes."""
        tok = self.advance()
        base = self.word_before_subscript(tok) or self.base_text(tok)
        if base == INCREMENT and self.function_after():
            # \Delta \ln(x), \Delta(x + y): the change of what follows, an operator (as d
            # is), or Δ times it
            raise MeaningError("Δ before a function or a bracket may be the change of what "
                               "follows, or Δ times it; the reading is in doubt", self.source,
                               tok.pos, "Write the change with d (d\\ln x = dx / x), or "
                               "the product with a \\cdot.")
        if base == INCREMENT and (self.peek().kind == "letter"
                                  or self.peek().text in ACCENTS_AND_FONTS
                                  or self.peek().text[1:] in GREEK):      # \Delta \theta
            increment = self.name()     # \Delta \mathbf{w}: the change of w, a name of its own
            return dataclasses.replace(increment, base=f"{INCREMENT} {increment.base}",
                                       pos=tok.pos)
        if base == INCREMENT and self.peek().kind == "number":
            # \Delta 1: the change of a constant (0), as Δ before a name is its change, or
            # Δ times 1; a product is not printed with its number last
            raise MeaningError("Δ before a number may be the change of a constant, 0, or Δ "
                               "times the number; the reading is in doubt", self.source,
                               tok.pos, "Write the change as 0, or the product as 1 \\Delta.")
        sub: tuple[A.Node, ...] = ()
        sup: tuple[A.Node, ...] = ()
        suffix, primes = "", 0
        digits = self.peek()
        after = self.peek(1)
        if tok.kind == "letter" and base == tok.text and digits.kind == "number" \
                and digits.text.isdigit() and _contiguous([tok, digits]) \
                and after.text != "_" and not (after.kind in ("letter", "command")
                                               and _contiguous([digits, after])):
            # (x2x, 3y2x: x·2x, as printed in a product; the digits end the name there)
            # w12, x1 (code typed as math): the digits are the index, w_{12}, never w·12
            sub = (A.Num(self.advance().text, digits.pos),)
        while True:
            nxt = self.peek()
            if nxt.text == "_" and not sub and not suffix:
                self.advance()
                braced = self.peek().text == "{"
                group = self.group_tokens()
                after = self.peek()
                if not braced and group[0].kind == "letter" and after.kind == "number" \
                        and group[0].text not in INDEX_LETTERS \
                        and after.text.isdigit() and _contiguous([group[0], after]):
                    group = [group[0], self.advance()]      # net_h1, typed for net_{h1}
                elif not braced and group[0].kind == "letter":
                    group = [group[0], *self.typed_subscript_word(group[0])]
                sub, suffix = self.subscript(group)
            elif nxt.text == "^" and not sup and _is_index_superscript(self, 1):
                self.advance()
                inner = self.group_tokens()
                while inner and inner[-1].text in PRIME_MARKS:     # g^{[1]'}: then primes
                    primes += 1
                    inner = inner[:-1]
                if inner[0].text == "[" and base in FUNCTION_LETTERS and not suffix:
                    # Ng's g^{[1]}: the layer's own function, a label (f^{(3)} would be a
                    # third derivative)
                    suffix = "[" + "".join(t.text for t in inner[1:-1]) + "]"
                elif len(inner) == 3 and inner[1].text in UPDATE_MARKS:
                    sup = (A.Name(inner[1].text, pos=inner[1].pos),)   # H^{(+)}: H^{+}
                else:
                    sup = self.index_list(inner[1:-1])
            elif nxt.text == "^" and not sup and not suffix and base in FUNCTION_LETTERS \
                    and self.layer_function_superscript():
                # f^l(Z^l), f^2(z^2): layer l's own function, a label as Ng's g^{[1]}
                self.advance()
                suffix = "[" + "".join(t.text for t in self.group_tokens()) + "]"
            elif nxt.text == "'":
                self.advance()
                primes += 1
            elif nxt.text == "^" and _superscript_kind(self.peek_group(1)) == "prime":
                self.advance()
                primes += len(self.group_tokens())
            else:
                bold = tok.text in TRANSPARENT_FONTS and base not in (ONES, ZEROS)
                return A.Name(base, sub, sup, suffix, primes, tok.pos, bold)

    def braced_layer_function(self) -> bool:
        """`{f^l}'(Z^l)`: the braces only hold the prime off the superscript. When they
        wrap a layer's function so, they are dropped (and True returned)."""
        inner = self.peek_group(0)
        if not (3 <= len(inner) <= 5 and inner[0].text in FUNCTION_LETTERS
                and inner[1].text == "^"):
            return False
        saved = self.tokens
        end = self.i + len(inner) + 1
        self.tokens = saved[:self.i] + saved[self.i + 1:end] + saved[end + 1:]
        self.i += 1
        found = self.layer_function_superscript()
        self.i -= 1
        if not found:
            self.tokens = saved
        return found

    def stacked(self, tok: Token) -> A.Node:
        """`\\overset{\\,}{y}`: a symbol with nothing but spacing set over it is the symbol.
        Anything else set over a symbol (`\\overset{\\sim}{x}`) names another quantity."""
        start = self.i
        self.advance()
        note = self.group_tokens()
        if self.peek().text == "{":
            if any(t.text not in LAYOUT for t in note):
                raise self.error(f"a note set over a symbol with {tok.text} is not read", tok,
                                 "Write the symbol with an accent (\\tilde{x}) or a name of "
                                 "its own.")
            note = self.group_tokens()
        # else the note was only spacing, dropped with the layout: `note` is the symbol
        self.tokens = self.tokens[:start] + note + self.tokens[self.i:]
        self.i = start
        return self.primary()

    def layer_function_superscript(self) -> bool:
        """At `^` after a function letter: whether `f^l(Z^l)`, `f^L(z)` or `f^2(z^2)` follows,
        a layer's function applied (primes may come between). A letter names a layer; a
        number does only when the argument carries the same superscript (`f^2(x)` alone may
        be a square)."""
        group = self.peek_group(1)
        if len(group) != 1 or not (group[0].kind == "letter" and group[0].text in "lL"
                                   or group[0].kind == "number" or group[0].text == r"\ell"):
            return False
        ahead = 4 if self.peek(1).text == "{" else 2      # past `^{l}` or `^l`
        while self.peek(ahead).text in PRIME_MARKS:
            ahead += 1
        if self.peek(ahead).text != "(":
            return False
        if group[0].kind != "number":
            return True
        depth, j = 0, self.i + ahead
        while j < len(self.tokens) - 1:
            t = self.tokens[j]
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0:
                return False
            if t.text == "^" and [g.text for g in _group_at(self.tokens, j + 1)] == \
                    [group[0].text]:
                return True
            j += 1
        return False

    def word_before_subscript(self, tok: Token) -> str | None:
        """`net_{h1}`, `out_{o1}`, `target_{o1}`: three or more letters written together
        right before a subscript are one name (the word), not a product of letters."""
        if tok.kind != "letter":
            return None
        run = [tok]
        while self.peek(len(run) - 1).kind == "letter" and _contiguous([run[-1],
                                                                       self.peek(len(run) - 1)]):
            run.append(self.peek(len(run) - 1))
        after = self.peek(len(run) - 1)
        if len(run) < MIN_WORD_LETTERS or after.text != "_" or not _contiguous([run[-1], after]):
            return None
        self.i += len(run) - 1
        return "".join(t.text for t in run)

    def typed_subscript_word(self, first: Token) -> list[Token]:
        """`y_pred`, `dy_pred` (code typed as math): two letters or more printed right after
        an unbraced one-letter subscript, and not followed by a script or a call, finish its
        word (TeX would print y_p·r·e·d, which nobody means); `w_ix_i` stays w_i x_i."""
        run: list[Token] = []
        while self.peek(len(run)).kind == "letter" and _contiguous(
                [run[-1] if run else first, self.peek(len(run))]):
            run.append(self.peek(len(run)))
        if len(run) < 2 or self.peek(len(run)).text in ("_", "^", "'"):
            return []
        word = "".join(t.text for t in run)
        if self.peek(len(run)).text == "(" and word.endswith(PLAIN_FUNCTION_WORDS):
            return []       # y_iln(q_i): y_i, then ln(q_i)
        self.i += len(run)
        return run

    def peek_group(self, ahead: int) -> list[Token]:
        tok = self.peek(ahead)
        if tok.text != "{":
            return [tok]
        depth, j = 0, self.i + ahead
        out = []
        while j < len(self.tokens):
            t = self.tokens[j]
            if t.text == "{":
                depth += 1
                if depth == 1:
                    j += 1
                    continue
            elif t.text == "}":
                depth -= 1
                if depth == 0:
                    return out
            if t.kind == "end":
                return out
            out.append(t)
            j += 1
        return out

    def base_text(self, tok: Token) -> str:
        if tok.kind == "letter":
            return tok.text
        cmd = tok.text
        if cmd[1:] in GREEK:
            return cmd
        if cmd[1:] in GREEK_VARIANTS:
            return "\\" + GREEK_VARIANTS[cmd[1:]]
        inner_tokens = self.group_tokens()
        if len(inner_tokens) > 2 and inner_tokens[1].text == "_" \
                and (inner_tokens[0].kind == "letter" or inner_tokens[0].text[1:] in GREEK) \
                and (cmd in TRANSPARENT_FONTS or cmd[1:] in ACCENTS):
            # \hat{x_i}, \mathbf{x_i}: the subscript read after the name, as \hat{x}_i
            self.tokens[self.i : self.i] = inner_tokens[1:]
            inner_tokens = inner_tokens[:1]
        inner = "".join(t.text if t.kind != "command" else t.text + " " for t in inner_tokens)
        inner = inner.strip()
        if cmd in TRANSPARENT_FONTS or cmd[1:] in ACCENTS and ACCENTS[cmd[1:]] == "vec" \
                and [t.text for t in inner_tokens] in (["1"], ["0"]):
            # (\vec{1}, \vec{0}: the arrow on a digit marks the vector as bold does)
            if [t.text for t in inner_tokens] == ["1"]:
                return ONES             # bold 1 is the vector of ones, not the number 1
            if [t.text for t in inner_tokens] == ["0"]:
                return ZEROS            # bold 0, the zero vector
            return _base_of(inner_tokens, self)
        if cmd in NAMED_FONTS:
            return f"\\{NAMED_FONTS[cmd]}{{{inner}}}"
        accent = ACCENTS[cmd[1:]]
        return f"\\{accent}{{{_base_of(inner_tokens, self)}}}"

    def subscript(self, tokens: list[Token]) -> tuple[tuple[A.Node, ...], str]:
        """`_{ij}`, `_{i,j}`, `_{1,2}`, `_k` are indices; `_{CE}`, `_{\\text{new}}` a label."""
        words = [t for t in tokens if t.kind == "command" and t.text in WORD_COMMANDS]
        letters = [t for t in tokens if t.kind == "letter"]
        parts = _split_top(tokens, ",")
        if words and len(parts) > 1 and any(t.text in WORD_COMMANDS for t in parts[0]) \
                and not any(t.text in WORD_COMMANDS for part in parts[1:] for t in part):
            # y_{\text{pred}, i}: entry i of the quantity labelled pred
            _, label = self.subscript(parts[0])
            return self.index_list(tokens[len(parts[0]) + 1:]), label
        if len(parts) > 1 and _word_label(parts[0]):
            # w_{out,1}, w_{h1,2}: entry 1 of the weights labelled out (a unit's name)
            label = "".join(t.text for t in parts[0])
            return self.index_list(tokens[len(parts[0]) + 1:]), label
        if words or (len(tokens) >= 2 and all(t.kind == "letter" for t in tokens)
                     and (any(t.text.isupper() for t in letters) or len(letters) > 3)):
            label = "".join(t.text for t in tokens if t.kind != "command" and t.text not in "{}")
            return (), label
        if len(tokens) == 1 and tokens[0].text in ("+", "-"):
            return (), tokens[0].text       # p_{+}, p_-: the positive or negative class
        if len(tokens) == 1 and tokens[0].text in (r"\max", r"\min"):
            return (), tokens[0].text[1:]   # L_{\max}: the largest L, a label
        if len(tokens) > 2 and tokens[0].text == "(" and tokens[-1].text == ")" \
                and "(" not in [t.text for t in tokens[1:]] and "," in [t.text for t in tokens] \
                and all(t.kind in ("letter", "command", "number") or t.text in ",()"
                        for t in tokens):
            # E_{(w, b)}: the quantity of the parameters (w, b), a label, no entry of E
            return (), "".join(t.text for t in tokens)
        if tokens and tokens[0].text in NAMED_FONTS and tokens[-1].text == "}" \
                and group_end(tokens, 1) == len(tokens) - 1:
            # \mu_{\mathcal{B}}: the mini-batch B's mean, a label (a set is no index)
            return (), "".join(t.text for t in tokens)
        if len(tokens) == 1 and tokens[0].kind == "letter" and tokens[0].text not in INDEX_LETTERS:
            return (), tokens[0].text       # s_o, v_c, L_D: a label, not a running index
        if len(tokens) == 2 and tokens[0].kind == "letter" and tokens[0].text not in INDEX_LETTERS \
                and tokens[1].kind == "number" and tokens[1].text.isdigit() \
                and _contiguous(tokens):
            return (), tokens[0].text + tokens[1].text    # net_{h1}, out_{o2}: a unit's label
        if len(tokens) == 2 and tokens[0].kind == "number" and tokens[0].text.isdigit() \
                and tokens[1].kind == "letter" and tokens[1].text.isupper() \
                and _contiguous(tokens):
            return (), tokens[0].text + tokens[1].text    # w_{22N}: weight 22, new: a label
        return self.index_list(tokens), ""

    def indexed_in_pairs(self, part: list[Token]) -> bool:
        """Whether the name subscripted by `part` (`w_{0k}`) is written elsewhere in the text
        with two index letters ending in the same one (`w_{jk}`), and never with two digits
        (`w_{01}`, which would read otherwise): then it is the entry (0, k), not 0·k."""
        text = [t.text for t in self.tokens]
        at = next((k for k, t in enumerate(self.tokens) if t.pos == part[0].pos), None)
        if at is None or at < 3 or text[at - 2:at] != ["_", "{"]:
            return False
        base = text[at - 3]
        written = [text[k + 3:k + 5] for k in range(len(text) - 5)
                   if text[k] == base and text[k + 1:k + 3] == ["_", "{"]
                   and text[k + 5] == "}"]
        return any(pair[0] in INDEX_LETTERS and pair[1] == part[1].text for pair in written) \
            and not any(pair[0].isdigit() and pair[1].isdigit() for pair in written) \
            and not any(self.tokens[k].kind == "number" and len(self.tokens[k].text) > 1
                        and text[k - 2:k] == ["_", "{"] and text[k - 3] == base
                        for k in range(3, len(text)))

    def index_list(self, tokens: list[Token]) -> tuple[A.Node, ...]:
        parts = _split_top(tokens, ",")
        indices: list[A.Node] = []
        for part in parts:
            if len(parts) == 1 and len(part) >= 2 and all(t.kind == "letter" for t in part):
                indices.extend(A.Name(t.text, pos=t.pos) for t in part)   # _{ij}
            elif len(parts) == 1 and len(part) == 2 and part[0].kind == "number" \
                    and part[0].text.isdigit() and part[1].kind == "letter" \
                    and part[1].text in INDEX_LETTERS and _contiguous(part) \
                    and self.indexed_in_pairs(part):
                # w_{0k} beside w_{jk}: row 0 (the bias's), entry k
                indices.extend((A.Num(part[0].text, part[0].pos),
                                A.Name(part[1].text, pos=part[1].pos)))
            elif len(parts) == 1 and len(part) == 2 and part[0].kind == "number" \
                    and part[0].text.isdigit() and part[1].kind == "letter" \
                    and part[1].text in INDEX_LETTERS and _contiguous(part):
                # z_{2j}: layer (or row) 2's entry j, or the entry 2j; the text does not say
                raise MeaningError(
                    f"_{{{part[0].text}{part[1].text}}} may be entry {part[1].text} of the "
                    f"quantity numbered {part[0].text} (a layer, a row) or entry "
                    f"{part[0].text}·{part[1].text}",
                    self.source, part[0].pos,
                    f"Write _{{{part[0].text},{part[1].text}}} for the first, or "
                    f"_{{{part[0].text} {part[1].text}}} with a \\cdot for the second.")
            elif len(parts) == 1 and len(part) == 2 and part[0].kind == "letter" \
                    and part[0].text in INDEX_LETTERS and part[1].kind == "number" \
                    and part[1].text.isdigit() and _contiguous(part):
                # x_{i2}: sample i's second entry (row i, column 2), never i·2
                indices.extend((A.Name(part[0].text, pos=part[0].pos),
                                A.Num(part[1].text, part[1].pos)))
            else:
                indices.append(self.sub_parse(part, "index"))
        return tuple(indices)

    def name_or_call(self) -> A.Node:
        start = self.peek()
        word = self.plain_function_word() or self.word_call()
        if word is not None:
            return word
        node = self.name()
        self.unbrace_arguments()
        if isinstance(node, A.Name) and not node.sup:
            self.require_no_expectation(node.base, start)
        if isinstance(node, A.Name) and node.base == NORMAL_DENSITY and not node.sub \
                and not node.sup and self.peek().text == "(":
            density = self.normal_density(node)
            if density is not None:
                return density
        if self.peek().text == "(" and self.conditional_bar() is not None:
            return self.conditional(node)
        if self.peek().text == "^" and isinstance(node, A.Name) and not node.sup:
            # p^m(x \mid \lambda): a labelled probability (m: the model's), then its event
            saved = self.i
            self.advance()
            label_tokens = self.group_tokens()
            label = "".join(t.text for t in label_tokens)
            if self.peek().text == "(" and self.conditional_bar() is not None:
                return self.conditional(node, f"^{{{label}}}")
            greek_label = len(label_tokens) == 1 and label_tokens[0].kind == "command" \
                and label_tokens[0].text[1:] in GREEK and node.base[:1].isupper()
            if self.peek().text == "(" and label_tokens and (
                    self.arguments_follow() or greek_label) \
                    and not any(t.kind == "number" for t in label_tokens):
                # Q^\pi(s, a), V^\pi(s): a function labelled by a superscript, called at a
                # tuple (a power times a tuple means nothing), or a capital labelled by a
                # Greek letter (the policy's value function)
                node = dataclasses.replace(node, sup=(self.sub_parse(label_tokens,
                                                                     "superscript"),))
            else:
                self.i = saved
        env = _environment_at(self.tokens, self.i)
        if env is not None and self.peek().text == BEGIN and env[0] in MATRIX_ENVIRONMENTS \
                and isinstance(node, A.Name) and not node.sub and not node.sup \
                and (node.base == SIGMA or node.base in FUNCTION_LETTERS):
            # \sigma\begin{pmatrix} 0.2 & 0.3 \end{pmatrix}: σ of the printed row, or f times
            # it, which the resolve pass decides as for f(x)
            return A.BinOp("apply", node, A.Group(self.matrix(self.peek()), start.pos),
                           start.pos)
        word = self.label_word() if isinstance(node, A.Name) and not node.sup \
            and not node.primes and node.base not in FUNCTION_LETTERS else None
        if word is not None:            # w_{i2}(new), w_{i2}(old): w^{new}, w^{old}
            return dataclasses.replace(node, base=f"{node.base}^{{{word}}}")
        if self.peek().text == "(":
            # f(x) or f (x): a call or a product, which the resolve pass decides
            args = self.bracketed_args()
            inner = args[0] if len(args) == 1 else _tuple(args)
            group: A.Node = A.Group(inner, start.pos)
            called = isinstance(node, A.Name) and node.base in FUNCTION_LETTERS \
                and not node.sub and not node.sup
            while self.peek().text in ("^", "'") \
                    and not (called and self.peek().text == "'"):
                # v(y - t)^T: the power binds the group
                tok = self.advance()
                group = self.superscript(group, tok) if tok.text == "^" else \
                    A.Transpose(group, tok.pos, prime=True)
            call: A.Node = A.BinOp("apply", node, group, start.pos)
            while self.peek().text == "'":      # g(h(s))': the prime is on the call
                call = A.Transpose(A.Group(call, start.pos), self.advance().pos, prime=True)
            return call
        return node

    def label_word(self) -> str | None:
        """`(new)`, `(old)`, `(in)` after a name: a word in plain letters that labels a value
        (`SUPERSCRIPT_WORDS`), consumed, as `w^{new}` writes it; None (nothing consumed) for
        anything else in parentheses."""
        if self.peek().text != "(":
            return None
        end = self.i + 1
        while self.tokens[end].kind == "letter":
            end += 1
        word = "".join(t.text for t in self.tokens[self.i + 1:end])
        if self.tokens[end].text != ")" or word not in SUPERSCRIPT_WORDS:
            return None
        self.i = end + 1
        return word

    def unbrace_arguments(self) -> None:
        """`\\phi{(z)}`: braces around a name's parenthesised argument print nothing; they
        are dropped, so the parentheses follow the name as `\\phi(z)` writes them."""
        end = group_end(self.tokens, self.i)
        if end is None or end - self.i < 3 or self.tokens[self.i + 1].text != "(" \
                or self.tokens[end - 1].text != ")" \
                or end + 1 < len(self.tokens) and self.tokens[end + 1].text in ("'", "^"):
            return                              # f{(x)}': the group is primed, as written
        depth = 0
        for k in range(self.i + 1, end):
            depth += (self.tokens[k].text in OPENERS) - (self.tokens[k].text in CLOSERS)
            if depth == 0 and k != end - 1:
                return                          # {(a)(b)}: not one argument's parentheses
        self.tokens = self.tokens[:self.i] + self.tokens[self.i + 1:end] + self.tokens[end + 1:]

    def plain_function_word(self) -> A.Node | None:
        """`sin(u)`, `2xcos(x^2)`: a function's name typed as plain letters, then `(`."""
        for word in PLAIN_FUNCTION_WORDS:
            end = self.i + len(word)
            letters = self.tokens[self.i:end]
            primes = 0
            while end + primes < len(self.tokens) and self.tokens[end + primes].text == "'":
                primes += 1                                   # tanh'(z)
            if len(letters) == len(word) and "".join(t.text for t in letters) == word \
                    and all(t.kind == "letter" for t in letters) and _contiguous(letters) \
                    and end + primes < len(self.tokens):
                after = self.tokens[end + primes]
                start = self.peek()
                if after.text == "(" and word == "sqrt" and not primes:
                    self.i = end                        # sqrt(8): \sqrt{8}, as code types it
                    return A.Power(self.bracketed(), A.Num("0.5"), start.pos)
                if after.text == "(":
                    self.i = end + primes
                    args = self.bracketed_args()
                    return A.Call(word, args, self.bracket_entry(), primes, None, True,
                                  start.pos)
                if after.text == "^":                   # tanh^2(x): a power of the call
                    saved, self.i = self.i, end + primes
                    more, power, _ = self.decorations(allow_index=False)
                    if self.peek().text == "(":
                        args = self.bracketed_args()
                        return A.Call(word, args, None, primes + more, power, True, start.pos)
                    self.i = saved
                called = after.kind == "letter" and word in LOGARITHMS and not primes \
                    and _contiguous([letters[-1], after]) \
                    and self.tokens[end + 1].text == "("     # logP(w_o | w_c): log of P(…)
                if after.kind == "number" or after.text in ACCENTS_AND_FONTS or called or \
                        after.kind == "command" and after.text[1:] in GREEK:
                    self.i = end + primes              # ln10, log\tilde{x}: as \log x
                    return A.Call(word, (self.operand(),), None, primes, None, False,
                                  start.pos)
        return None

    def word_call(self) -> A.Node | None:
        """`logistic(2z)`, `softsign(z)`, `Cost(h, y)`: three or more letters written together
        right before `(` name a function (which the resolve pass knows, or calls unknown),
        not a product of letters times a call of the last one; so do two capitals or more
        (`LL(\\theta)`, `CE(y, p)`), and `tr` (the trace)."""
        run = []
        while self.peek(len(run)).kind == "letter" and (
                not run or _contiguous([run[-1], self.peek(len(run))])):
            run.append(self.peek(len(run)))
        primes = 0
        while self.peek(len(run) + primes).text == "'":       # hardtanh'(z)
            primes += 1
        after = self.peek(len(run) + primes)
        word = "".join(t.text for t in run)
        if PLAIN_REFUSED_OPERATORS.get(word) == EXPECTATION and not primes \
                and self._expectation_follows(len(run)):
            self.i += len(run)                  # E[X], E_{x \sim p}[f(x)]: as \mathbb{E}
            return dataclasses.replace(self.expectation(run[0]), plain=True)
        if word in PLAIN_REFUSED_OPERATORS and after.text == "[" and not primes \
                and _contiguous([run[-1], after]):
            raise MeaningError(REFUSED_OPERATORS[PLAIN_REFUSED_OPERATORS[word]], self.source,
                               run[0].pos, "Check this step by hand, or write the quantity it "
                               "stands for as a name of its own.")
        capitals = len(run) >= 2 and all(t.text.isupper() for t in run)    # LL(θ), CE(y, p)
        capitals = capitals or word in MATRIX_OPERATORS          # tr(AB): the trace
        if len(run) < MIN_WORD_LETTERS and not capitals \
                or not _contiguous([self.peek(len(run) + primes - 1), after]) \
                and not (after.text == "(" and len(run) > MIN_WORD_LETTERS):
            return None         # (`cossim (v, w)`: a space LaTeX does not print)
        if any(word.endswith(known) and 0 < len(word) - len(known) <= 2
               and set(word[:-len(known)]) <= VARIABLE_LETTERS
               for known in PLAIN_FUNCTION_WORDS if known != word):
            return None     # 2xcos(x^2): x times cos (atan, fmax stay names of their own)
        start = self.peek()
        if after.text == "^" and (capitals or word.istitle()):
            return self.word_call_power(word, len(run) + primes, primes, start)
        if after.text != "(":
            return None
        self.i += len(run) + primes
        args = self.bracketed_args()
        return A.Call(word, args, self.bracket_entry(), primes, None, True, start.pos)

    def _expectation_follows(self, length: int) -> bool:
        """Whether after the letters of a plain `E` come its brackets, at once, or after a
        subscript that says what is drawn (`E_{x \\sim p_\\theta(x)}[`)."""
        after = self.peek(length)
        if after.text == "[":
            return _contiguous([self.peek(length - 1), after])
        if after.text != "_" or self.peek(length + 1).text != "{":
            return False
        end = group_end(self.tokens, self.i + length + 1)
        return end is not None and end + 1 < len(self.tokens) \
            and self.tokens[end + 1].text == "[" \
            and any(t.text == DRAWN_FROM for t in self.tokens[self.i + length + 1 : end])

    def word_call_power(self, word: str, length: int, primes: int,
                        start: Token) -> A.Node | None:
        """`Tanh^2(x)`, `CE^2(y, p)`: a capitalised word's power before `(` is a power of
        the call, as `\\tanh^2 x` is; a lowercase run (`abc^2(x)`) stays a product."""
        saved, self.i = self.i, self.i + length
        more, power, _ = self.decorations(allow_index=False)
        if self.peek().text != "(" or power is None:
            self.i = saved
            return None
        if _is_inverse(power):
            raise MeaningError(f"{word}^{{-1}}(…) is the inverse function of {word}, which "
                               "derivcheck does not build", self.source, start.pos,
                               f"Write the inverse by name (artanh), or 1/{word}(x).")
        return A.Call(word, self.bracketed_args(), None, primes + more, power, True, start.pos)

    def arguments_follow(self) -> bool:
        """Whether the parentheses that start here hold a tuple: a top-level comma."""
        depth, j = 0, self.i
        while j < len(self.tokens) and self.tokens[j].kind != "end":
            t = self.tokens[j]
            depth += (t.text in ("(", "{", "[")) - (t.text in (")", "}", "]"))
            if depth == 0:
                return False
            if depth == 1 and t.text == ",":
                return True
            j += 1
        return False

    def conditional_bar(self) -> int | None:
        """Where the bar of `p(Y = y \\mid x)` is: a top-level `\\mid` (or one lone `|`)
        inside the parentheses that start here; None when there is none."""
        depth, bars, j = 0, [], self.i
        while j < len(self.tokens) and self.tokens[j].kind != "end":
            t = self.tokens[j]
            if t.text in ("(", "{", "["):
                depth += 1
            elif t.text in (")", "}", "]"):
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and t.text in (r"\mid", r"\vert", "|"):
                bars.append(j)
            j += 1
        mids = [b for b in bars if self.tokens[b].text != "|"]
        if mids:
            return mids[0] if len(mids) == 1 else None
        return bars[0] if len(bars) == 1 else None

    def normal_density(self, head: A.Name) -> A.Call | None:
        """`\\mathcal{N}(x \\mid \\mu, \\sigma^2)`, `\\mathcal{N}(x; \\mu, \\Sigma)`: the normal
        density at x, three arguments. None (nothing read) for `\\mathcal{N}(\\mu, \\sigma^2)`, a
        distribution, not a density."""
        start = self.i
        bar = self.conditional_bar()
        if bar is None:
            args = self.bracketed_args()
        else:
            close = _closing(self.tokens, self.i)
            point = self.sub_parse(self.tokens[self.i + 1:bar], "point of the density")
            parameters = _split_top(self.tokens[bar + 1:close], ",")
            args = (point, *(self.sub_parse(part, "parameter of the density")
                             for part in parameters))
            self.i = close + 1
        if len(args) != 3:
            self.i = start
            return None
        return A.Call(NORMAL_DENSITY, args, None, 0, None, True, head.pos)

    def conditional(self, head: A.Name, label: str = "") -> A.Name:
        """`p(Y = y^{(i)} \\mid x^{(i)})`: a conditional probability, one quantity per index.

        It is read as a name: the written form, with each index replaced by a slot
        (`p(Y = y^{(\\cdot)} \\mid x^{(\\cdot)})`), carrying the indices `(i, i)`; so a `given`
        definition of it with a free index defines one quantity per sample, and a product
        over i uses them. Only names, whole numbers and `=` may stand inside.
        """
        open_tok = self.expect("(")
        bar = self.conditional_bar_at(open_tok)
        inside = self.tokens[self.i:bar], []
        self.i = bar + 1
        depth, start = 0, self.i
        while True:
            t = self.peek()
            if t.kind == "end":
                raise self.error("this '(' is never closed", open_tok, "Add the matching ')'.")
            depth += (t.text in ("(", "{", "[")) - (t.text in (")", "}", "]"))
            if depth < 0:
                break
            self.advance()
        given = self.tokens[start:self.i]
        self.advance()
        slots: list[A.Node] = []
        event = self.conditional_part(inside[0], slots, open_tok)
        condition = self.conditional_part(given, slots, open_tok)
        head_text = head.base + label + "'" * head.primes
        if head.sub or head.sup or head.suffix:
            scripts = [*head.sub, *head.sup]
            if any(isinstance(n, A.Name) and n.base in INDEX_LETTERS
                   for script in scripts for n in A.walk(script)) or head.sup or label:
                raise MeaningError("a conditional probability is read with a subscript only "
                                   "of parameters, as in P_{\\theta}(z \\mid x)", self.source,
                                   open_tok.pos, "Write the probability as a name of its own.")
            written = [t for t in self.tokens if head.pos <= t.pos < open_tok.pos]
            head_text = _written(written)
        base = f"{head_text}({event} \\mid {condition})"
        return A.Name(base, (), tuple(slots), "", 0, head.pos)

    def conditional_bar_at(self, open_tok: Token) -> int:
        self.i -= 1
        bar = self.conditional_bar()
        self.i += 1
        if bar is None:
            raise self.error("cannot tell where the condition starts", open_tok)
        return bar

    def conditional_part(self, tokens: list[Token], slots: list[A.Node], where: Token) -> str:
        """One side of the bar as text with its indices taken out into `slots`."""
        pieces: list[list[Token]] = [[]]
        joiners: list[str] = []
        depth = 0
        for t in tokens:
            depth += (t.text in ("(", "{", "[")) - (t.text in (")", "}", "]"))
            if depth == 0 and t.text in ("=", ",", ";"):
                pieces.append([])
                joiners.append(t.text)
            else:
                pieces[-1].append(t)
        texts = []
        for piece in pieces:
            node = self.sub_parse(piece, "event") if piece else None
            texts.append(_conditional_piece(node, piece, slots, self, where))
        out = texts[0]
        for joiner, text in zip(joiners, texts[1:], strict=True):
            out += (" = " if joiner == "=" else joiner + " ") + text
        return out

    def bold_indicator(self) -> bool:
        """Whether a bold 1 here is an indicator: `\\mathbf{1}\\{ i = j \\}`, a comparison in
        the brackets right after it (`\\mathbf{1}^T x` is the vector of ones)."""
        if [t.text for t in self.peek_group(1)] != ["1"]:
            return False
        j = self.i + 1
        if self.tokens[j].text == "{":
            j += 3
        else:
            j += 1
        if self.tokens[j].text == "_":        # \mathbf{1}_{z > 0}: the condition below
            return _subscript_comparison(self.tokens, j) is not None
        closer = INDICATOR_BRACKETS.get(self.tokens[j].text)
        if closer is None:
            return False
        inside = []
        for t in self.tokens[j + 1:]:
            if t.text == closer or t.kind == "end":
                break
            inside.append(t.text)
        return any(text in ("=", "<", ">", r"\neq", r"\ne", r"\leq", r"\geq") for text in inside)

    def braces_as_brackets(self, tok: Token) -> A.Node | None:
        """`\\{ 1 - y (w \\cdot x + b) \\}`: braces around one expression, as brackets are
        (a list of several, `\\{0, 1\\}`, is a set: None)."""
        closer = r"\}" if tok.text == r"\{" else r"\rbrace"
        depth, j = 0, self.i + 1
        while self.tokens[j].kind != "end":
            text = self.tokens[j].text
            if text == closer and depth == 0:
                break
            depth += (text in ("(", "[", "{", r"\{", r"\lbrace")) \
                - (text in (")", "]", "}", r"\}", r"\rbrace"))
            if depth == 0 and text == ",":
                return None
            j += 1
        else:
            return None
        inner = self.tokens[self.i + 1:j]
        if not inner:
            return None
        self.i = j + 1
        return A.Group(self.sub_parse(inner, "expression in braces"), tok.pos)

    def inner_product(self, tok: Token) -> A.Node:
        """`\\langle x, y \\rangle`: the inner product, tr(x^T y) (x^T y of two vectors)."""
        self.advance()
        left = self.expression()
        if self.peek().text != ",":
            raise self.error("an inner product is written \\langle x, y \\rangle", tok,
                             "Write \\langle x, y \\rangle, or x^T y.")
        self.advance()
        right = self.expression()
        if self.peek().text != r"\rangle":
            raise self.error("this '\\langle' is never closed", tok, "Add the \\rangle.")
        self.advance()
        # tr(x^T y): the number x^T y of two vectors, the sum of A ∘ B of two matrices
        return A.Call("tr", (A.BinOp("juxt", A.Transpose(left, tok.pos), right, tok.pos),),
                      None, 0, None, True, tok.pos)

    def bracketed_args(self) -> tuple[A.Node, ...]:
        open_tok = self.expect("(")
        args = [self.expression()]
        while self.peek().text in (",", ";"):      # J(W, b; x, y): parameters; data
            self.advance()
            args.append(self.expression())
        if self.peek().text in CONDITION_RELATIONS:
            # P(Y = y), P(X > 0): an event as the argument, the probability of it
            raise MeaningError("an event as an argument (a probability of it, as P(Y = y) "
                               "writes one) depends on a distribution derivcheck does not "
                               "model", self.source, self.peek().pos,
                               "Write the probability's formula itself, as in "
                               "\\frac{\\lambda^y e^{-\\lambda}}{y!}.")
        if self.peek().text != ")":
            raise self.error("this '(' is never closed", open_tok, "Add the matching ')'.")
        self.advance()
        return tuple(args)

    def operator(self, tok: Token) -> A.Node:
        self.advance()
        name = OPERATORS[tok.text]
        if name == "sqrt":
            if self.peek().text == "[":
                raise self.error("only square roots are supported", tok)
            if self.peek().text == "(":         # \sqrt(x), as typed in notebooks
                return A.Power(self.bracketed(), A.Num("0.5"), tok.pos)
            return A.Power(self.sub_parse(self.group_tokens(), "argument"), A.Num("0.5"), tok.pos)
        base = None
        if tok.text in (r"\log",) and self.peek().text == "_":
            self.advance()
            base = self.sub_parse(self.group_tokens(), "base of the logarithm")
        if name in EXTREMA and self.peek().text in ("_", r"\limits"):
            raise MeaningError(OPTIMUM.format(name=name), self.source, tok.pos,
                               "Check this step by hand, or write the optimum's value.")
        primes, power, _ = self.decorations(allow_index=False)
        if name == "exp" and power is not None and not primes and (
                self.peek().kind == "end" or self.peek().text in ENDS_OF_TERM):
            return A.Power(A.Name("e", pos=tok.pos), power, tok.pos)   # \exp^{-z}: e^{-z}
        args, parens = self.arguments()
        if base is not None:
            args = args + (base,)
        return A.Call(name, args, None, primes, power, parens, tok.pos)

    def decorations(self, allow_index: bool) -> tuple[int, A.Node | None, A.Node | None]:
        """What may follow a function's name: primes, a power, an index (`softmax_j`)."""
        primes, power, index = 0, None, None
        marks = ("^", "'", "_") if allow_index else ("^", "'")
        while self.peek().text in marks:
            t = self.advance()
            if t.text == "'":
                primes += 1
            elif t.text == "^":
                group = self.group_tokens()
                if _superscript_kind(group) == "prime":
                    primes += len(group)
                else:
                    power = self.sub_parse(group, "exponent")
            else:
                index = self.sub_parse(self.group_tokens(), "index")
        return primes, power, index

    def arguments(self) -> tuple[tuple[A.Node, ...], bool]:
        """`(a, b)` in parentheses (or braces, or square brackets), or one operand written
        without them (`\\log f`)."""
        if self.peek().text == "(":
            return self.bracketed_args(), True
        if self.peek().text in (r"\{", r"\lbrace", "["):  # \max\{0, 1 - y w^T x\}, tr[X]
            opener = self.advance()
            closer = {r"\{": r"\}", r"\lbrace": r"\rbrace", "[": "]"}[opener.text]
            args = [self.expression()]
            while self.peek().text == ",":
                self.advance()
                args.append(self.expression())
            if self.peek().text != closer:
                raise self.error(f"this '{opener.text}' is never closed", opener,
                                 f"Add the matching '{closer}'.")
            self.advance()
            return tuple(args), True
        return (self.operand(),), False

    def operand(self) -> A.Node:
        """The argument of an operator written without parentheses: `\\log f`, `\\log \\sum_j …`."""
        tok = self.peek()
        if tok.text in SUMS:
            return self.primary()
        if tok.text == "-":
            self.advance()
            return A.Neg(self.operand(), tok.pos)
        return self.postfix()

    def require_no_expectation(self, word: str, tok: Token) -> None:
        """`\\mathbf{E}[T(X)]`, `\\mathrm{Var}[X]`: an expectation or a variance in a font,
        before its square bracket, is refused as `\\mathbb{E}` is."""
        if word in PLAIN_REFUSED_OPERATORS and self.peek().text == "[":
            raise MeaningError(REFUSED_OPERATORS[PLAIN_REFUSED_OPERATORS[word]], self.source,
                               tok.pos, "Check this step by hand, or write the quantity it "
                               "stands for as a name of its own.")

    def word(self, tok: Token) -> A.Node:
        """`\\operatorname{softmax}`, `\\mathrm{LSE}`, `\\text{ReLU}` as calls or names."""
        self.advance()
        tokens = self.group_tokens()
        word = "".join(t.text for t in tokens).replace(" ", "")
        self.require_no_expectation(word, tok)
        if len(tokens) == 1 and tokens[0].kind == "letter" and tok.text != OPERATORNAME:
            name = self.finish_name(A.Name(word, pos=tok.pos))
            if isinstance(name, A.Name) and self.peek().text == "(" \
                    and self.conditional_bar() is not None:
                return self.conditional(name)        # \mathrm{p}(y \mid p), an upright p
            return name
        if ESCAPED_UNDERSCORE in word and self.peek().text != "(":
            # y\_in_k f'(…): a name printed with an underscore, never an operator
            return self.finish_name(A.Name(rf"{tok.text}{{{word}}}", pos=tok.pos))
        ahead = self.i
        while self.tokens[ahead].text == "'":
            ahead += 1                          # \text{ReLU}'(x): primes, then the call
        # \mathrm{tr}[X^T A X]: a matrix operator or a log takes square brackets too
        is_call = self.peek().text in ("(", "_", "^") or tok.text.startswith(OPERATORNAME) \
            or ahead > self.i and self.tokens[ahead].text == "(" \
            or self.peek().text == "[" and (word in MATRIX_OPERATORS or word in LOGARITHMS)
        if is_call and word:
            return self.finish_call(word, tok)
        if tok.text in PROSE:
            # prose inside math carries no math: read what follows it instead
            if self.starts_factor(self.peek()):
                return self.postfix()
            raise self.error("this \\text{...} carries no math", tok,
                             "Move prose out of the formula.")
        return self.finish_name(A.Name(rf"\mathrm{{{word}}}", pos=tok.pos))

    def finish_name(self, node: A.Name) -> A.Node:
        sub, suffix = node.sub, node.suffix
        if self.peek().text == "_":
            self.advance()
            sub, suffix = self.subscript(self.group_tokens())
        return A.Name(node.base, sub, node.sup, suffix, node.primes, node.pos)

    def finish_call(self, word: str, tok: Token) -> A.Node:
        primes, power, index = self.decorations(allow_index=True)
        alone = self.peek().text != "(" and not self.starts_factor(self.peek())
        if index is not None and power is None and alone:
            # \partial \operatorname{Af}_2: the value named so, with nothing to apply it to
            return A.Name(f"{tok.text}{{{word}}}", (index,), (), "", primes, tok.pos)
        if power is not None and alone and _holds_a_name(power):
            # \operatorname{net}_{t}^{l}: the layer's value, named so (a power needs an
            # argument to apply to)
            return A.Name(f"{tok.text}{{{word}}}", (index,) if index is not None else (),
                          (power,), "", primes, tok.pos)
        args, parens = self.arguments()
        if self.peek().text == "_" and index is None:
            self.advance()
            index = self.sub_parse(self.group_tokens(), "index")
        elif index is None and parens:
            index = self.bracket_entry()
        return A.Call(word, args, index, primes, power, parens, tok.pos)

    def bracket_entry(self) -> A.Node | None:
        """`\\text{softmax}(x)[i]`: an entry of a function's value, written as code indexes
        an array, one letter or number in square brackets; None when no such bracket follows."""
        if self.peek().text != "[" or self.peek(2).text != "]" \
                or self.peek(1).kind not in ("letter", "number"):
            return None
        self.advance()
        entry = self.advance()
        self.advance()
        return A.Name(entry.text, pos=entry.pos) if entry.kind == "letter" else \
            A.Num(entry.text, entry.pos)

    def blackboard(self, tok: Token) -> A.Node:
        self.advance()
        inner = "".join(t.text for t in self.group_tokens())
        if inner not in INDICATORS:
            name = rf"\mathbb{{{inner}}}"
            if name == EXPECTATION and self.peek().text in ("[", "(", "_", r"\{"):
                return self.expectation(tok)
            if name in REFUSED_OPERATORS and self.peek().text in ("[", "(", "_", r"\{"):
                raise MeaningError(REFUSED_OPERATORS[name], self.source, tok.pos,
                                   "Check this step by hand, or write the quantity it stands "
                                   "for as a name of its own.")
            return A.Name(name, pos=tok.pos)
        return self.indicator(tok)

    def expectation(self, tok: Token) -> A.Expectation:
        """`\\mathbb{E}[v_t]`, `\\mathbb{E}_{P}\\left[\\log q(x)\\right]`, `E[X]`: the expectation
        of what the brackets hold, under the distribution the subscript names (kept as text).
        What the brackets hold that does not read (`\\mathbb{E}[x \\mid y]`) leaves it refused,
        as before: undecided, never unparseable."""
        start = self.i
        try:
            over, under = "", []
            if self.peek().text == "_":
                self.advance()
                under = self.group_tokens()
                over = " ".join(t.text for t in under)
            opener = self.peek()
            if opener.text not in INDICATOR_BRACKETS:
                raise self.error("an expectation needs brackets", opener)
            self.advance()
            saved, self.abs_open = self.abs_open, 0
            try:
                body = self.expression()
            finally:
                self.abs_open = saved
            self.expect(INDICATOR_BRACKETS[opener.text])
        except ParseError as error:
            self.i = start
            raise MeaningError(REFUSED_OPERATORS[EXPECTATION], self.source, tok.pos,
                               "Check this step by hand, or write the quantity it stands for "
                               "as a name of its own.") from error
        return A.Expectation(body, over, tok.pos, False, *_drawn(under))

    def indicator(self, tok: Token) -> A.Node:
        """`\\mathbb{1}[z > 0]`, `\\mathbb{1}\\{y = k\\}`, `\\mathbb{I}(x > 0)`: 1 where the
        comparison holds, 0 elsewhere."""
        opener = self.peek()
        if opener.text == "_" and (at := _subscript_comparison(self.tokens, self.i)):
            self.advance()                    # \mathbb{1}_{z > 0}: the condition below it
            group = self.group_tokens()
            return A.Indicator(self.sub_parse(group[:at], "condition"),
                               CONDITION_RELATIONS[group[at].text],
                               self.sub_parse(group[at + 1:], "condition"), tok.pos)
        if opener.text not in INDICATOR_BRACKETS:
            raise self.error("an indicator \\mathbb{1} needs a condition in brackets", opener,
                             "Write \\mathbb{1}[z > 0].")
        self.advance()
        saved, self.abs_open = self.abs_open, 0
        lhs = self.expression()
        rel = self.advance()
        if rel.text not in CONDITION_RELATIONS:
            raise self.error("expected a comparison such as '>' inside the indicator", rel,
                             "Write \\mathbb{1}[z > 0].")
        rhs = self.expression()
        self.abs_open = saved
        self.expect(INDICATOR_BRACKETS[opener.text])
        return A.Indicator(lhs, CONDITION_RELATIONS[rel.text], rhs, tok.pos)

    def holds_a_comparison(self) -> bool:
        """Whether brackets open here around a comparison, as an indicator's do."""
        opener = self.peek().text
        if opener not in INDICATOR_BRACKETS:
            return False
        depth = 0     # brackets of every kind: the `=` of `[1\{y = k\}]` is not this one's
        for t in self.tokens[self.i:]:
            if t.kind == "end":
                return False
            depth += (t.text in OPENERS and t.text not in LAYOUT) \
                - (t.text in CLOSERS and t.text not in LAYOUT)
            if depth == 0:
                return False
            if depth == 1 and t.text in CONDITION_RELATIONS:
                return True
        return False

    def fraction(self, tok: Token) -> A.Node:
        self.advance()
        top = self.argument_tokens()
        bottom = self.argument_tokens()
        if len(top) > 2 and top[0].text == "-" and _differential(top[1:]) is not None \
                and _differential(bottom) is not None:      # \frac{-\partial L}{\partial p}
            return A.Neg(self.derivative_fraction(tok, top[1:], bottom), tok.pos)
        return self.derivative_fraction(tok, top, bottom)

    def derivative_fraction(self, tok: Token, top: list[Token], bottom: list[Token]) -> A.Node:
        higher = self.higher_derivative(top, bottom, tok)
        if higher is not None:
            return higher
        if _variation(top) and _variation(bottom):      # \frac{\delta LL(p)}{\delta p}
            top = [Token("command", r"\partial", top[0].pos), *top[1:]]
            bottom = [Token("command", r"\partial", bottom[0].pos), *bottom[1:]]
        wrt_tokens = _differential(bottom)
        if wrt_tokens is not None and _differential(top, allow_bare=True) is not None:
            order = 1
            wrt = self.sub_parse(wrt_tokens, "variable of differentiation")
            numerator_tokens = _differential(top, allow_bare=True)
            if _bare_operator(numerator_tokens, wrt):       # \frac{d\tanh}{dx}: of x
                numerator_tokens = [*numerator_tokens, Token("symbol", "(", tok.pos),
                                    *wrt_tokens, Token("symbol", ")", tok.pos)]
            if numerator_tokens:
                numerator = self.sub_parse(numerator_tokens, "numerator")
                self.skip_own_arguments(numerator, wrt)
                return A.Partial(numerator, wrt, None, order, tok.pos)
            return A.Partial(None, wrt, self.term(), order, tok.pos)
        if wrt_tokens is not None and bottom[0].text == r"\partial":
            # \frac{2}{\partial w}: over ∂w, a derivative whose top lost its ∂ (never a
            # quotient of differentials, which d writes)
            raise self.error("a fraction over \\partial whose top is no derivative", bottom[0],
                             "Write \\frac{\\partial L}{\\partial w}.")
        numerator = self.sub_parse(top, "numerator")
        denominator = self.sub_parse(bottom, "denominator")
        return A.BinOp("/", A.Group(numerator, tok.pos), A.Group(denominator, tok.pos), tok.pos)

    def skip_own_arguments(self, numerator: A.Node, wrt: A.Node) -> None:
        """`\\frac{df}{dz}(x, z)`: the derivative written with the arguments of f, among them
        the variable; a list of names that holds the variable adds nothing (a point, as in
        `\\frac{df}{dz}(1, 2)`, stays a product to be read as such)."""
        if self.peek().text != "(" or not isinstance(numerator, A.Name) \
                or not isinstance(wrt, A.Name):
            return
        start = self.i
        try:
            args = self.bracketed_args()
        except ParseError:
            self.i = start
            return
        names = [a for a in args if isinstance(a, A.Name) and not a.sub and not a.sup]
        if len(names) != len(args) or not any(a.base == wrt.base and not wrt.sub
                                              for a in names):
            self.i = start

    def higher_derivative(self, top: list[Token], bottom: list[Token],
                          tok: Token) -> A.Node | None:
        """`\\frac{\\partial^2 L}{\\partial w_1 \\partial w_2}`, `\\frac{d^2 y}{dx^2}`,
        `\\frac{\\mathrm{d}^2}{\\mathrm{d}w^2} g(w)`: derivatives taken one after the other,
        the variable nearest the function first. None when `top` is no n-th differential."""
        head = _differential_head(top)
        if head is None or head >= len(top) or top[head].text != "^":
            return None
        exponent = _group_at(top, head + 1)
        if not (len(exponent) == 1 and exponent[0].kind == "number"
                and exponent[0].text.isdigit()):
            return None
        order = int(exponent[0].text)
        numerator = top[head + 1 + (len(exponent) + 2 if top[head + 1].text == "{" else 1):]
        variables: list[A.Node] = []
        for factor in _differential_factors(bottom):
            power = _power_of_variable(factor)          # x^2, x^{2}
            digit = factor[-1 if power == 2 else -2].text if power else ""
            count = int(digit) if digit.isdigit() else 1
            wrt = self.sub_parse(factor[:-power] if power else factor,
                                 "variable of differentiation")
            variables.extend([wrt] * count)
        factors = _differential_factors(bottom)
        if len(variables) == 1 and len(factors) == 1 and not _power_of_variable(factors[0]):
            variables *= order      # \frac{\partial^2}{\partial \eta_1}: the square left out
        if len(variables) != order:
            raise self.error(f"a derivative of order {order} needs {order} variables below "
                             f"the line, and {len(variables)} are written there", tok,
                             "Write \\frac{\\partial^2 L}{\\partial w^2} or "
                             "\\frac{\\partial^2 L}{\\partial u \\partial v}.")
        node: A.Node
        if numerator:
            node = A.Partial(self.sub_parse(numerator, "numerator"), variables[-1], None, 1,
                             tok.pos)
        else:
            node = A.Partial(None, variables[-1], self.term(), 1, tok.pos)
        for wrt in reversed(variables[:-1]):
            node = A.Partial(None, wrt, node, 1, tok.pos)
        return node

    def slash_partial(self, tok: Token) -> A.Node:
        """`\\partial L / \\partial w`, the operator `\\partial_{w} L`, or the differential
        `\\partial(X^{-1})`, `\\partial X` (as the Matrix Cookbook writes d)."""
        self.advance()
        if self.peek().text == "_":
            self.advance()
            wrt = self.sub_parse(self.group_tokens(), "variable of differentiation")
            return A.Partial(None, wrt, self.term(), 1, tok.pos)
        if self.peek().text == "/":                # ∂/∂ŷ [ … ]: the operator
            self.advance()
            self.expect(r"\partial", "Write \\partial / \\partial w followed by what it acts on.")
            wrt = self.postfix()
            return A.Partial(None, wrt, self.term(), 1, tok.pos)
        numerator = self.postfix()
        if self.peek().kind != "letter" and self.peek().text != "/" \
                and any(isinstance(n, A.Name) for n in A.walk(numerator)):
            # ∂(X^{-1}) = -X^{-1} (∂X) X^{-1}: the Matrix Cookbook's ∂ is the differential
            return A.Differential(numerator, tok.pos)
        while self.peek().kind == "letter":        # ∂BCE/∂ŷ: letters up to the slash
            numerator = A.BinOp("juxt", numerator, self.postfix(), tok.pos)
        self.expect("/", "Write \\frac{\\partial L}{\\partial w} or \\partial L / \\partial w.")
        self.expect(r"\partial", "Write \\partial L / \\partial w.")
        wrt = self.postfix()
        return A.Partial(numerator, wrt, None, 1, tok.pos)

    def nabla(self, tok: Token) -> A.Node:
        """`\\nabla_{w} L`, `\\nabla f(x)`, `\\nabla f`, and the Hessians `\\nabla^2_{w} L`,
        `\\nabla^2 f(x)`."""
        self.advance()
        order = 1
        if self.peek().text == "^" and [t.text for t in self.peek_group(1)] == ["2"]:
            self.advance()
            self.group_tokens()
            order = 2
        if self.peek().text != "_":
            gradient = self.gradient_function(tok, order)
            if gradient is not None:
                return gradient
            if order == 1 and self.peek().text in ("(", r"\left"):
                # \nabla (x^T A x): in the one variable the resolve pass finds in it
                return A.Call(NABLA, (self.term(),), None, 0, None, True, tok.pos)
            raise MeaningError("\\nabla with no variable, before what is not a function "
                               "named by a letter: in which variable is not said", self.source,
                               tok.pos, "Write \\nabla_{w} L.")
        self.advance()
        wrt = self.sub_parse(self.group_tokens(), "variable of differentiation")
        if order == 1 and self.peek().text == "^" \
                and [t.text for t in self.peek_group(1)] == ["2"]:
            self.advance()                  # \nabla_w^2 L: the Hessian, as \nabla^2_w L
            self.group_tokens()
            order = 2
        if order == 1 and not self.starts_factor(self.peek()) and self.peek().text != "-":
            # \nabla_{\hat{X}} alone: the gradient of the loss the text leaves implied, by
            # \hat{X}; a quantity of its own (as \delta is), named by what it is taken in
            # (`\nabla_w -y w^T x` applies ∇_w to what follows the minus)
            if not (isinstance(wrt, A.Name) and not wrt.sup and not wrt.primes):
                raise MeaningError("\\nabla alone, without what it differentiates, is read "
                                   "only by a plain name", self.source, tok.pos,
                                   "Write \\nabla_{w} L, or name the gradient.")
            # ∇_{X_i}: entry i of ∇_X
            return A.Name(f"{NABLA}_{{{wrt.base}}}", wrt.sub, (), wrt.suffix, 0, tok.pos)
        node = A.Partial(self.term(), wrt, None, 1, tok.pos)
        return A.Partial(None, wrt, node, 1, tok.pos) if order == 2 else node

    def gradient_function(self, tok: Token, order: int = 1) -> A.Call | None:
        """`\\nabla f(x_t)`: the gradient of f, a function of its own, at x_t (its Hessian
        for `\\nabla^2`: the call's primes count the order beyond the first)."""
        start = self.i
        if self.peek().kind == "letter" or self.peek().text[1:] in GREEK \
                or self.peek().text in NAMED_FONTS \
                or self.peek().text in ACCENTS_AND_FONTS:   # \nabla \mathcal{L}(w), \hat R(w)
            name = self.name()
            label = _label_text(name.sub)          # \nabla J_i(w): the function J_i
            if self.peek().text == "(" and label is not None and not name.sup:
                args = self.bracketed_args()
                return A.Call(rf"\nabla {name.base}{label}", args, None, order - 1, None,
                              True, tok.pos)
            if not name.sub and not name.sup and not self.starts_factor(self.peek()):
                # \nabla f alone: the gradient of f in its own parameter, if f is defined
                return A.Call(rf"\nabla {name.base}", (), None, order - 1, None, False,
                              tok.pos)
        self.i = start
        return None

    def sigma_sums(self) -> bool:
        """`\\Sigma_{\\substack{j \\in K \\\\ j \\neq y_i}}`, `\\Sigma_{i=1}^{n}`: a capital sigma
        whose subscript says what an index runs over is the sum sign, not a matrix Σ."""
        ahead = 1
        if self.peek(1).text == "^":        # \Sigma^m_{i=1}: the bound above written first
            group = self.peek_group(2)
            ahead = 2 + (len(group) + 2 if self.peek(2).text == "{" else 1)
        if self.peek(ahead).text != "_":
            return False
        below = [t.text for t in self.peek_group(ahead + 1)]
        return len(below) > 2 and (below[0] == SUBSTACK or below[1] in SUM_RANGES)

    def sum_over(self, tok: Token) -> A.Node:
        """`\\sum_{j=1}^{K}`, `\\sum_j`, `\\sum_{i,j}` (one sum inside the other) and
        `\\sum_{j \\neq k}` (every j but k)."""
        start = self.i
        self.advance()
        indices: list[str | None] = [None]
        lower, upper, exclude = None, None, None
        over_set = False
        for _ in range(2):
            if self.peek().text == "_":
                self.advance()
                # \sum_{\substack{j \in K \\ j \neq y_i}}: each row says one thing of j
                for tokens in _substack_rows(self.unprimed_index(self.group_tokens())):
                    said, row_lower, row_exclude = self.sum_lower(tokens)
                    if indices != [None] and said != indices:
                        raise self.error("the rows under a sum must name one index",
                                         tokens[0], "Write one sum per index.")
                    indices, lower = said, lower or row_lower
                    exclude = exclude or row_exclude
                    if len(tokens) > 2 and tokens[1].text == MEMBERSHIP:
                        upper = self.set_size(tokens[2:], tokens[1])
                        over_set = True
            elif self.peek().text == "^":
                self.advance()
                tokens = self.group_tokens()
                if len(tokens) > 2 and tokens[1].text == "=" and indices[0] is not None \
                        and tokens[0].text == indices[0]:
                    tokens = tokens[2:]            # \sum_{p=0}^{p=P}: the index said again
                upper = self.sub_parse(tokens, "upper bound")
        node = self.terms_of_sum(self.term(), indices)
        if len(indices) > 1 and not all(index in INDEX_LETTERS or _uses_index(node, index)
                                        for index in indices):
            raise self.error("the summation index must be a single letter", tok,
                             "Write \\sum_{j=1}^{K} or \\sum_j.")
        if isinstance(exclude, A.Name) and len(indices) == 1 and indices[0] \
                and not exclude.sub and _uses_index(node, exclude.base) \
                and not _uses_index(node, indices[0]):
            # \sum_{i \neq j} y_j / p_j: the sum runs over the letter its terms use
            indices, exclude = [exclude.base], A.Name(indices[0], pos=exclude.pos)
        elif isinstance(exclude, A.Name) and len(indices) == 1 and indices[0] \
                and not exclude.sub and _uses_index(node, exclude.base) \
                and _uses_index(node, indices[0]):
            # \sum_{i \neq j} y_j p_i: both letters in the terms; the one the statement
            # writes outside the sum is fixed there, and the other runs
            outside = {t.text for k, t in enumerate(self.tokens)
                       if t.kind == "letter" and not start <= k < self.i}
            if indices[0] in outside and exclude.base not in outside:
                indices, exclude = [exclude.base], A.Name(indices[0], pos=exclude.pos)
            elif not (exclude.base in outside and indices[0] not in outside):
                raise MeaningError(f"\\sum_{{{indices[0]} \\neq {exclude.base}}} over terms "
                                   "that write both letters: which one runs is not said",
                                   self.source, tok.pos,
                                   f"Write \\sum_{{{exclude.base} \\neq {indices[0]}}} "
                                   "with the running letter first.")
        if over_set and _stands_as_value(node, indices[0]):
            raise MeaningError("a sum over a set whose members stand as values is not read: "
                               "they are not said", self.source, tok.pos,
                               "Write the sum with bounds, as \\sum_{i=1}^{m}.")
        for index in reversed(indices):
            outermost = index == indices[0]
            node = A.SumOver(index, lower if outermost else None, upper if outermost else None,
                             node, SUMS.get(tok.text, False), tok.pos,
                             exclude if outermost else None)
        return node

    def unprimed_index(self, tokens: list[Token]) -> list[Token]:
        """`\\sum_{j'=1}^{V} \\exp(u_{j'})`, `\\sum_{y'}`: a primed index is a letter of its
        own; it is renamed, here and after the sum, to an index letter the formula does not
        use (an index is one letter)."""
        length = _primed_letter(tokens, 0)
        if not length:
            return tokens
        letter = tokens[0].text
        used = {t.text for t in self.tokens if t.kind == "letter"}
        fresh = next((c for c in "kjilmn" if c not in used), None)
        if fresh is None:
            return tokens
        k = self.i
        while k < len(self.tokens):
            found = _primed_letter(self.tokens, k)
            if found and self.tokens[k].text == letter:
                self.tokens[k : k + found] = [Token("letter", fresh, self.tokens[k].pos)]
            k += 1
        return [Token("letter", fresh, tokens[0].pos), *tokens[length:]]

    def terms_of_sum(self, node: A.Node, indices: list[str | None]) -> A.Node:
        """`\\sum_{i=1}^{m} y^{(i)} \\log h + (1 - y^{(i)}) \\log(1 - h)`: a term after the
        first that uses the sum's index, free, is summed too (read alone, its index would
        stand for no value). A term that does not use it ends the sum."""
        letters = [index for index in indices if index]
        if letters and self.peek().text in ("+", "-") \
                and not any(_uses_index(node, letter) for letter in letters):
            if self.peek(1).text in SUMS:
                return node   # \sum_{i=1}^n \lambda + \sum_{i=1}^n y_i: the next sum starts
            # \sum_{i=1}^{N} -\log 1 + \log(1 + e^{-y w^T x}): terms that use no index, the
            # sum's or any, end or continue the sum as the writer means; it is not said
            raise MeaningError("what this sum covers is not said: its terms do not use its "
                               "index, and more terms follow", self.source, self.peek().pos,
                               "Put the sum's terms in parentheses, with the index on what "
                               "varies (x_i).")
        while letters and self.peek().text in ("+", "-"):
            start = self.i
            op = self.advance()
            try:
                right = self.term()
            except ParseError:
                right = None
            if right is None or not any(_uses_index(right, letter) for letter in letters):
                self.i = start
                break
            node = A.BinOp(op.text, node, right, op.pos)
        return node

    def sum_lower(self, tokens: list[Token]) -> tuple[list[str | None], A.Node | None,
                                                      A.Node | None]:
        """The index (or indices), the lower bound, and the value left out."""
        if any(t.text == "," for t in tokens):
            letters = [t for t in tokens if t.text != ","]
            if not all(t.kind in ("letter", "command") for t in letters):
                raise self.error("the summation indices must be single letters", tokens[0],
                                 "Write \\sum_{i,j} or one sum per index.")
            return [t.text for t in letters], None, None
        if 1 < len(tokens) <= 3 and _contiguous(tokens) and all(
                t.kind == "letter" and t.text.islower() for t in tokens) \
                and len({t.text for t in tokens}) == len(tokens):
            # \sum_{kl}: over k and l; \sum_{ab} too, when the terms index by a and b (see
            # `sum_over`)
            return [t.text for t in tokens], None, None
        for k, t in enumerate(tokens):
            if t.text in (r"\neq", r"\ne") and k == 1:
                return [tokens[0].text], None, self.sub_parse(tokens[2:], "value left out")
            if t.text == MEMBERSHIP and k == 1:
                return [tokens[0].text], None, None
        index, lower = self.sum_bounds(tokens)
        return [index], lower, None

    def set_size(self, tokens: list[Token], at: Token) -> A.Name:
        """The size a sum over a set runs to: `\\sum_{i \\in \\mathcal{B}}` sums over the
        |B| members of B (numbered 1 to |B|, B's name standing for that count, as in
        `\\frac{1}{|\\mathcal{B}|}`); `\\sum_{n \\in N}` and `\\sum_{i \\in [n]}` over 1 to N, n.
        A set with an index (`\\mathcal{B}_t`, `C_j`) is one of many sets: not read."""
        if len(tokens) > 2 and tokens[0].text == "[" and tokens[-1].text == "]":
            tokens = tokens[1:-1]                        # [n]: the numbers 1 to n
        if len(tokens) >= MIN_WORD_LETTERS and all(t.kind == "letter" for t in tokens) \
                and _contiguous(tokens):
            # \sum_{k \in Downstream}: a set named by a word
            return A.Name("".join(t.text for t in tokens), pos=tokens[0].pos)
        try:
            members = self.sub_parse(tokens, "set")
        except ParseError:
            members = None
        if not (isinstance(members, A.Name) and not members.sub and not members.sup
                and not members.primes):
            raise MeaningError("a sum over a set is not read", self.source, at.pos,
                               "Write the sum with bounds, as \\sum_{i=1}^{m}.")
        return members

    def sum_bounds(self, tokens: list[Token]) -> tuple[str | None, A.Node | None]:
        eq = next((k for k, t in enumerate(tokens) if t.text == "="), None)
        var_tokens = tokens if eq is None else tokens[:eq]
        if len(var_tokens) == 4 and var_tokens[0].kind == "command" \
                and [t.text for t in var_tokens[1::2]] == ["{", "}"] \
                and var_tokens[2].kind == "letter":
            # \sum_{\mathbf{z}}: over every value of a vector (a latent variable's)
            raise MeaningError("a sum over every value of a vector is not read", self.source,
                               tokens[0].pos, "Write the sum over an index, as in \\sum_{k=1}^K.")
        if len(var_tokens) != 1 or var_tokens[0].kind not in ("letter", "command"):
            raise self.error("the summation index must be a single letter", tokens[0],
                             "Write \\sum_{j=1}^{K} or \\sum_j.")
        lower = self.sub_parse(tokens[eq + 1 :], "lower bound") if eq is not None else None
        return var_tokens[0].text, lower

    def annotated(self, tok: Token) -> A.Node:
        self.advance()
        expr = self.sub_parse(self.group_tokens(), "expression under the brace")
        note = None
        marker = "_" if tok.text == r"\underbrace" else "^"
        if self.peek().text == marker:
            self.advance()
            note_tokens = self.group_tokens()
            if note_tokens:
                try:
                    note = self.sub_parse(note_tokens, "annotation")
                except ParseError:
                    note = None   # a prose label under a brace is not a claim
        return A.Annotated(expr, note, tok.pos)

    def matrix(self, tok: Token) -> A.Node:
        """`\\begin{bmatrix} … \\end{bmatrix}` or a piecewise `\\begin{cases} … \\end{cases}`."""
        self.advance()
        env = "".join(t.text for t in self.group_tokens())
        if env in ARRAY_ENVIRONMENTS:
            self.group_tokens()         # the column specification, {cc}: layout
        elif env not in MATRIX_ENVIRONMENTS and env not in CASES_ENVIRONMENTS:
            raise self.error(f"the environment '{env}' is not part of derivcheck's notation", tok)
        rows = self.environment_cells(env, tok)
        if env in CASES_ENVIRONMENTS or _rows_of_cases(rows):
            return self.cases(rows, tok)
        if env in ("matrix", "array") and _wrapped_expression(rows):
            # a long sum set in a bare matrix to break its lines, `a + b & + & c + \\ d`: one
            # expression, its cells read in order (a bracketed one is a matrix)
            return self.sub_parse([t for row in rows for cell in row for t in cell],
                                  "expression broken over lines")
        if all(len(row) == 1 for row in rows):
            # \begin{bmatrix} x_1, x_2, x_3 \end{bmatrix}: a row's entries set apart by commas
            rows = [_comma_cells(row[0]) for row in rows]
        elided = [[cell[0] if _is_elision(cell) else cell for cell in row] for row in rows]
        if any(isinstance(cell, Token) for row in elided for cell in row):
            if len(rows) == 1 or all(len(row) == 1 for row in rows):
                column = len(rows) > 1
                cells = [row[0] for row in elided] if column else elided[0]
                return self.elided_vector([c if isinstance(c, Token)
                                     else self.sub_parse(c, "matrix entry") for c in cells],
                                    "column" if column else "row", tok.pos)
        parsed = tuple(tuple(self.sub_parse(cell, "matrix entry") for cell in row) for row in rows)
        widths = {len(r) for r in parsed}
        if len(widths) != 1:
            raise self.error("the rows of this matrix have different lengths", tok,
                             "Give every row the same number of entries.")
        return A.MatrixLiteral(parsed, tok.pos)

    def environment_cells(self, env: str, tok: Token) -> list[list[list[Token]]]:
        """The cells of an environment's rows, split at its own `&` and `\\\\`."""
        rows: list[list[list[Token]]] = [[[]]]
        nested = 0
        while True:
            t = self.advance()
            if t.kind == "end":
                raise self.error(f"\\begin{{{env}}} is never ended", tok,
                                 f"Add \\end{{{env}}}.")
            if t.text == END and nested == 0:
                self.group_tokens()
                break
            nested += (t.text == BEGIN) - (t.text == END)
            if t.text == "&" and nested == 0:
                rows[-1].append([])
            elif t.text == "\\\\" and nested == 0:
                rows.append([[]])
            else:
                rows[-1][-1].append(t)
        while rows and all(not cell for cell in rows[-1]):
            rows.pop()
        return rows

    def cases(self, rows: list[list[list[Token]]], tok: Token) -> A.Cases:
        """Each row is `value & condition`; an empty condition or "otherwise" is the rest."""
        branches = []
        for row in rows:
            if len(row) > 2 or not row[0]:
                raise self.error("each case must read 'value & condition'", tok,
                                 "Write \\begin{cases} z & z > 0 \\\\ 0 & z \\leq 0 \\end{cases}.")
            cell = row[0][:-1] if len(row[0]) > 1 and row[0][-1].text in (",", ";") else row[0]
            if _relates_at_top(cell):
                # `\alpha e^x = f(x) + \alpha & x \leq 0`: the value and what it equals, a
                # claim inside the case, which is not read (nothing is guessed of it)
                raise MeaningError("a case's value written as a chain of equal forms is not "
                                   "read", self.source, cell[0].pos,
                                   "Write one form in the case, and the equality apart.")
            value = self.sub_parse(cell, "value of a case")     # `1, & x > 0`: a comma
            condition = self.condition(row[1] if len(row) == 2 else [], tok)
            branches.append((value, condition))
        if not branches:
            raise self.error("this piecewise definition has no cases", tok)
        return A.Cases(tuple(branches), tok.pos)

    def condition(self, tokens: list[Token], tok: Token) -> tuple[A.Indicator, ...]:
        """`z > 0`, `0 < p < 1`, `i \\neq j`: comparisons that hold together; () otherwise."""
        while tokens and tokens[-1].text in (",", ".", ";"):
            tokens = tokens[:-1]
        while tokens and tokens[0].text in (",", ":"):
            tokens = tokens[1:]
        if len(tokens) > 2 and tokens[0].text == "(" and tokens[-1].text == ")" \
                and "(" not in [t.text for t in tokens[1:-1]]:
            tokens = tokens[1:-1]                  # (1 - y w^T x \geq 0): the comparison
        tokens = tokens[_leading_word(tokens):]   # `x & if x > 0`, typed without \text
        if len(tokens) > 3 and tokens[0].text in WORD_COMMANDS and tokens[1].text == "{" \
                and (end := group_end(tokens, 1)) is not None and "".join(
                    t.text for t in tokens[2:end]).strip().lower() in CASE_WORDS:
            tokens = tokens[end + 1:]       # \text{als } x > 0: the case word of its language
        words = "".join(t.text for t in tokens)
        if not tokens or words.lower() in OTHERWISE:
            return ()
        pieces: list[list[Token]] = [[]]
        relations: list[str] = []
        depth = 0
        for t in tokens:
            depth += (t.text in ("(", "[", "{")) - (t.text in (")", "]", "}"))
            if depth == 0 and t.text == "=" and relations and relations[-1] in "<>" \
                    and not pieces[-1]:
                relations[-1] += "="                   # z <= 0, typed as two characters
            elif depth == 0 and t.text in CONDITION_RELATIONS:
                pieces.append([])
                relations.append(CONDITION_RELATIONS[t.text])
            else:
                pieces[-1].append(t)
        if not relations:
            raise MeaningError("the condition of this case is not a comparison", self.source,
                               tokens[0].pos, "Write the condition as z > 0, or i \\neq j.")
        sides = [self.sub_parse(piece, "side of a condition") for piece in pieces]
        return tuple(A.Indicator(left, relation, right, tok.pos)
                     for left, relation, right in zip(sides, relations, sides[1:], strict=False))


# -- helpers --------------------------------------------------------------------------
def _stands_as_value(node: A.Node, letter: str | None) -> bool:
    """Whether a letter stands bare in a tree, outside every sub- and superscript (the i of
    `\\sum_{i \\in S} i`, not of `x_i`)."""
    if isinstance(node, A.Name):
        return node.base == letter and not node.sub and not node.sup
    for field_name in A.child_fields(type(node)):
        value = getattr(node, field_name)
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            items = item if isinstance(item, tuple) else (item,)
            if any(isinstance(v, A.Node) and _stands_as_value(v, letter) for v in items):
                return True
    return False


def _rows_of_cases(rows: list[list[list[Token]]]) -> bool:
    """Whether a matrix's rows read `value & condition`: two cells each, every second cell
    a comparison or "otherwise" (`\\begin{Bmatrix} 1 & z > 0 \\\\ 0 & z < 0 \\end{Bmatrix}`, a
    piecewise function written with a matrix's braces; no matrix entry is a comparison)."""
    def compares(cell: list[Token]) -> bool:
        return any(t.text in CONDITION_RELATIONS and t.text != "=" for t in cell)

    def otherwise(cell: list[Token]) -> bool:
        return "".join(t.text for t in cell).strip(",.;").lower() in OTHERWISE

    return len(rows) > 1 and all(len(row) == 2 and row[0] for row in rows) \
        and all(compares(row[1]) or otherwise(row[1]) for row in rows) \
        and any(compares(row[1]) for row in rows)


def _superscript_kind(tokens: list[Token]) -> str:
    texts = [t.text for t in tokens]
    if texts in TRANSPOSE_MARKS:
        return "transpose"
    if texts and all(t in PRIME_MARKS for t in texts):
        return "prime"
    return "power"


def _entry_of(node: A.Node, at: list[A.Node], fresh) -> A.Node | None:
    """Entry `at` (one index for a vector, two for a matrix) of a matrix expression of names,
    as index notation writes it; None for an expression it does not cover."""
    while isinstance(node, A.Group):
        node = node.inner
    if isinstance(node, A.Name) and not node.sub and not node.suffix and not node.primes:
        return dataclasses.replace(node, sub=tuple(at))
    if isinstance(node, A.Transpose) and not node.prime:
        return _entry_of(node.operand, at[::-1], fresh)
    if isinstance(node, A.Neg):
        inner = _entry_of(node.operand, at, fresh)
        return None if inner is None else A.Neg(inner, node.pos)
    if isinstance(node, A.BinOp) and node.op in ("+", "-"):
        left, right = _entry_of(node.left, at, fresh), _entry_of(node.right, at, fresh)
        return None if left is None or right is None else A.BinOp(node.op, left, right, node.pos)
    if isinstance(node, A.BinOp) and node.op in ("juxt", "*"):
        return _entry_of_product(node, at, fresh)
    return None


def _entry_of_product(node: A.BinOp, at: list[A.Node], fresh) -> A.Node | None:
    """Entry `at` of a product: numbers factor out; the matrices chain through fresh letters
    (`(BA)_{qp}` is `\\sum_k B_{qk} A_{kp}`; `(Ax)_i` is `\\sum_k A_{ik} x_k`)."""
    factors = _product_factors(node)
    numbers = [f for f in factors if isinstance(f, A.Num)]
    arrays = [f for f in factors if not isinstance(f, A.Num)]
    if not arrays:
        return None
    links = [A.Name(next(fresh), pos=node.pos) for _ in arrays[1:]]
    if len(at) == 2:
        slots = [[row, col] for row, col in zip([at[0], *links], [*links, at[1]], strict=True)]
    elif _vector_factor(arrays[-1]):        # (Ax)_i: a column last
        slots = [[row, col] for row, col in zip([at[0], *links], links, strict=False)] \
            + [[links[-1] if links else at[0]]]
    elif isinstance(arrays[0], A.Transpose) and _vector_factor(arrays[0].operand):
        slots = [[links[0] if links else at[0]]] \
            + [[row, col] for row, col in zip(links, [*links[1:], at[0]], strict=True)]
    else:
        return None
    entries = [_entry_of(f, slot, fresh) for f, slot in zip(arrays, slots, strict=True)]
    if any(e is None for e in entries):
        return None
    product = entries[0]
    for entry in [*numbers, *entries[1:]]:
        product = A.BinOp("juxt", product, entry, node.pos)
    for link in reversed(links):
        product = A.SumOver(link.base, None, None, product, pos=node.pos)
    return product


def _product_factors(node: A.Node) -> list[A.Node]:
    if isinstance(node, A.BinOp) and node.op in ("juxt", "*"):
        return [*_product_factors(node.left), *_product_factors(node.right)]
    return [node]


def _vector_factor(node: A.Node) -> bool:
    """A lowercase name with no index: a column vector of index notation's products."""
    return isinstance(node, A.Name) and not node.sub and node.base[-1:].islower() \
        and len(node.base.lstrip("\\")) == 1


def _power_of_variable(factor: list[Token]) -> int:
    """How many tokens end `factor` as a whole power (`^2`: 2, `^{2}`: 4), 0 when none do."""
    if len(factor) >= 3 and factor[-2].text == "^" and factor[-1].kind == "number":
        return 2
    if len(factor) >= 5 and [t.text for t in (factor[-4], factor[-3], factor[-1])] == \
            ["^", "{", "}"] and factor[-2].kind == "number":
        return 4
    return 0


def _group_at(tokens: list[Token], j: int) -> list[Token]:
    """The tokens of the group that starts at j: `{…}`'s inside, or the one token."""
    if j >= len(tokens) or tokens[j].text != "{":
        return tokens[j:j + 1]
    depth, out = 0, []
    for t in tokens[j:]:
        depth += (t.text == "{") - (t.text == "}")
        if depth == 0:
            return out[1:]
        out.append(t)
    return out[1:]


def _subscript_comparison(tokens: list[Token], caret: int) -> int | None:
    """For `_{z > 0}` with its `_` at `caret`: where the comparison stands in the braces'
    tokens (one, at their top level, with something on each side); None otherwise."""
    if caret + 1 >= len(tokens) or tokens[caret + 1].text != "{":
        return None
    depth, inner = 0, []
    for t in tokens[caret + 1:]:
        depth += (t.text in OPENERS) - (t.text in CLOSERS)
        if depth == 0:
            break
        inner.append(t)
    inner = inner[1:]
    at = [k for k, t in enumerate(inner) if t.text in CONDITION_RELATIONS]
    return at[0] if len(at) == 1 and 0 < at[0] < len(inner) - 1 else None


def _is_index_superscript(parser: Parser, ahead: int) -> bool:
    """`^{(l)}`, `^{[l]}`, `^{<t>}`, `^{[1]'}`: a bracketed superscript is a layer, step
    or sample index (primes after it are primes)."""
    group = parser.peek_group(ahead)
    while group and group[-1].text in PRIME_MARKS:
        group = group[:-1]
    if len(group) < 3:
        return False
    if group[0].text not in INDEX_BRACKETS or group[-1].text != INDEX_BRACKETS[group[0].text]:
        return False
    if group[0].text not in "([" and any(t.text == "," for t in group):
        return False         # e^{\langle w, x \rangle}: an inner product, no step
    depth = 0
    for t in group[:-1]:
        depth += (t.text in INDEX_BRACKETS) - (t.text in INDEX_BRACKETS.values())
        if depth == 0:
            return False     # (a)(b): not one group
    inner = group[1:-1]
    if inner[0].kind == "number" and any(t.text in ("+", "-") for t in inner):
        return False         # (1-p)^{(1-x)}: a number less a letter is an exponent
    # w_5^{(1 - 1)}: arithmetic of numbers is a power; (2), (i), (l+1) are indices
    return len(inner) == 1 or any(t.kind in ("letter", "command") for t in inner)


def _base_of(tokens: list[Token], parser: Parser) -> str:
    if len(tokens) >= 3 and tokens[0].text in TRANSPARENT_FONTS and tokens[1].text == "{" \
            and tokens[-1].text == "}":
        return _base_of(tokens[2:-1], parser)       # \hat{\mathbf{y}} is \hat{y}
    if len(tokens) == 1 and tokens[0].kind == "letter":
        return tokens[0].text
    if len(tokens) == 1 and tokens[0].kind == "command" and tokens[0].text[1:] in GREEK:
        return tokens[0].text
    if len(tokens) == 1 and tokens[0].kind == "command" and tokens[0].text[1:] in GREEK_VARIANTS:
        return "\\" + GREEK_VARIANTS[tokens[0].text[1:]]
    if tokens and tokens[0].kind == "command" and tokens[0].text[1:] in ACCENTS:
        sub = Parser(parser.source, list(tokens), parser.depth + 1)
        node = sub.name()
        return node.base
    if all(t.kind == "letter" for t in tokens) and tokens:
        return "".join(t.text for t in tokens)
    raise parser.error("expected a letter here", tokens[0] if tokens else None,
                       "Decorate a single letter, as in \\hat{y}.")


def _variation(tokens: list[Token]) -> bool:
    """`\\delta L` in `\\frac{\\delta L}{\\delta p}`: δ before a name, the derivative some
    notes write with δ (`\\delta_j`, `\\delta^{l}` are quantities, the errors of backprop),
    or before a bracket (`\\frac{\\delta (FI)}{\\delta w}`)."""
    return len(tokens) > 1 and tokens[0].text == r"\delta" \
        and tokens[1].text not in ("^", "_", "'") \
        and (tokens[1].kind == "letter" or tokens[1].kind == "command" or tokens[1].text == "(")


def _differential(tokens: list[Token], allow_bare: bool = False) -> list[Token] | None:
    """The tokens after a leading ∂ or d, or None when this is not a differential."""
    if not tokens:
        return None
    first = tokens[0]
    if first.text == r"\partial":
        return tokens[1:] if (len(tokens) > 1 or allow_bare) else None
    if first.kind == "letter" and first.text == "d":
        rest = tokens[1:]
        if not rest:
            return rest if allow_bare else None
        start = rest[0].text
        if rest[0].kind == "letter" or start[1:] in GREEK or start in DIFFERENTIAL_STARTS \
                or start.startswith(r"\math") or start in OPERATORS:
            return rest
    if first.text == r"\mathrm" and len(tokens) > 3 and tokens[2].text == "d":
        return tokens[4:] if len(tokens) > 4 or allow_bare else None
    return None


def _substack_rows(tokens: list[Token]) -> list[list[Token]]:
    """The rows of `\\substack{j \\in K \\\\ j \\neq y_i}` (each a condition on one index);
    any other subscript is one row."""
    if len(tokens) < 3 or tokens[0].text != SUBSTACK or tokens[1].text != "{" \
            or tokens[-1].text != "}":
        return [tokens]
    rows: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens[2:-1]:
        depth += (tok.text == "{") - (tok.text == "}")
        if tok.text == "\\\\" and depth == 0:
            rows.append([])
        else:
            rows[-1].append(tok)
    return [row for row in rows if row]


def _primed_letter(tokens: list[Token], k: int) -> int:
    """How many tokens a primed letter at `k` takes (`j'`, `j^{'}`, `j^\\prime`,
    `j^{\\prime}`), or 0."""
    if k >= len(tokens) or tokens[k].kind != "letter":
        return 0
    texts = [t.text for t in tokens[k + 1 : k + 5]]
    for pattern in (["'"], ["^", "{", "'", "}"], ["^", r"\prime"], ["^", "{", r"\prime", "}"]):
        if texts[: len(pattern)] == pattern:
            return 1 + len(pattern)
    return 0


def _superscript_word(tokens: list[Token]) -> str | None:
    """The word a superscript spells (`{lasso}`, `{MLE}`, `{\\text{new}}`), or None: any word
    in prose, capitals written together (an acronym), or a word the field writes there
    (`SUPERSCRIPT_WORDS`); other letters (`e^{wx}`, `p^{Nx}`) are a power of a product."""
    if tokens and tokens[0].text in PROSE:
        inner = [t for t in tokens[1:] if t.text not in "{}"]
        if inner and all(t.kind == "letter" for t in inner) and _contiguous(inner):
            return "".join(t.text for t in inner)
        return None
    word = "".join(t.text for t in tokens)
    if len(tokens) >= 2 and all(t.kind == "letter" for t in tokens) and _contiguous(tokens) \
            and (word.isupper() or word in SUPERSCRIPT_WORDS):
        return word
    return None


def _unwritten_indices(tree: A.Node) -> A.Node:
    """`\\frac{\\sum e^{x_d} e^{x_i}}{\\sum e^{x_d}}` beside `e^{x_i}` elsewhere: a sum with no
    index runs over the one index letter its body indexes with that the side uses nowhere
    outside such sums; with no such letter, or several, it stays unsaid (the builder then
    looks again, or asks for it)."""
    outside = _index_letters(tree, skip_unindexed=True)

    def named(node: A.Node) -> A.Node:
        if isinstance(node, A.SumOver) and node.index is None:
            letters = _index_letters(node.body, skip_unindexed=False) - outside
            if len(letters) == 1:
                return dataclasses.replace(node, index=letters.pop(), body=named(node.body),
                                           unwritten=True)
        changes = {}
        for field in A.child_fields(type(node)):
            value = getattr(node, field)
            new = in_value(value)
            if new is not value:
                changes[field] = new
        return dataclasses.replace(node, **changes) if changes else node

    def in_value(value):
        if isinstance(value, A.Node):
            return named(value)
        if isinstance(value, tuple):
            new = tuple(in_value(v) for v in value)
            return value if all(a is b for a, b in zip(new, value, strict=True)) else new
        return value

    has_unindexed = any(isinstance(n, A.SumOver) and n.index is None for n in A.walk(tree))
    return named(tree) if has_unindexed else tree


def _sample_superscripts(tree: A.Node) -> A.Node:
    """`\\sum_{i=1}^N (w^T x^i - y^i)^2`: a sum's index as the superscript of two Latin
    letters or more in its terms is the sample index (x^{(i)}, y^{(i)}), never a power; one
    letter alone (`\\sum_i x^i`, a power series) and Greek letters (`\\gamma^i`, a discount)
    keep their powers."""
    def stepped(node: A.Node) -> A.Node:
        if isinstance(node, A.SumOver) and node.index and _over_samples(node, tree):
            powers = [n for n in A.walk(node.body) if isinstance(n, A.Power)
                      and isinstance(n.base, A.Name) and len(n.base.base) == 1
                      and n.base.base.isascii() and n.base.base.isalpha() and not n.base.sup
                      and isinstance(n.exponent, A.Name) and n.exponent.base == node.index
                      and not n.exponent.sub and not n.exponent.sup]
            if len({p.base.base for p in powers}) >= 2:
                marked = {id(p) for p in powers}
                return dataclasses.replace(node, body=_rewritten(node.body, marked))
        return _rebuilt(node, stepped)

    def _rewritten(node: A.Node, marked: set[int]) -> A.Node:
        if id(node) in marked:
            base = node.base
            return dataclasses.replace(base, sup=(node.exponent,))
        return _rebuilt(node, lambda child: _rewritten(child, marked))

    if not any(isinstance(n, A.SumOver) for n in A.walk(tree)):
        return tree
    return stepped(tree)


def _is_inverse(power: A.Node) -> bool:
    """`^{-1}` on a function's name: its inverse, not a reciprocal."""
    return isinstance(power, A.Neg) and isinstance(power.operand, A.Num) \
        and power.operand.text == "1" or isinstance(power, A.Num) and power.text == "-1"


def _over_samples(total: A.SumOver, tree: A.Node) -> bool:
    """Whether a sum may run over samples: from 1 (or unsaid) to a count by name (N, m), with
    no factorial in its terms and nothing in the side differentiated by a letter its terms
    raise to the index (`\\sum_{n=0}^{3} \\frac{t^n x^n}{n!}`, `\\frac{d}{dx} \\sum a^i x^i`
    are power series)."""
    if isinstance(total.lower, A.Num) and total.lower.text != "1" \
            or not isinstance(total.upper, A.Name | type(None)):
        return False
    if any(isinstance(n, A.Call) and n.name in ("factorial", "!") for n in A.walk(total.body)):
        return False
    if "!" in str(total.body):
        return False
    varied = {n.wrt.base for n in A.walk(tree) if isinstance(n, A.Partial)
              and isinstance(n.wrt, A.Name)}
    raised = {n.base.base for n in A.walk(total.body) if isinstance(n, A.Power)
              and isinstance(n.base, A.Name)}
    return not varied & raised


def _rebuilt(node: A.Node, visit) -> A.Node:
    """The node with `visit` applied to each child node (the node itself when none changes)."""
    changes = {}
    for field in A.child_fields(type(node)):
        value = getattr(node, field)
        new = _rebuilt_value(value, visit)
        if new is not value:
            changes[field] = new
    return dataclasses.replace(node, **changes) if changes else node


def _rebuilt_value(value, visit):
    if isinstance(value, A.Node):
        return visit(value)
    if isinstance(value, tuple):
        new = tuple(_rebuilt_value(v, visit) for v in value)
        return value if all(a is b for a, b in zip(new, value, strict=True)) else new
    return value


def _index_letters(node: A.Node, skip_unindexed: bool) -> set[str]:
    """Index letters (of INDEX_LETTERS) a tree's names use, free of the sums that bind them;
    the bodies of sums with no index left out when `skip_unindexed`."""
    if isinstance(node, A.SumOver):
        if node.index is None and skip_unindexed:
            return set()
        return _index_letters(node.body, skip_unindexed) - {node.index}
    found = set()
    if isinstance(node, A.Name):
        found = {s.base for s in (*node.sub, *node.sup) if isinstance(s, A.Name)
                 and not s.sub and s.base in INDEX_LETTERS}
    for child in A.children(node):
        found |= _index_letters(child, skip_unindexed)
    return found


def _is_sum(node: A.Node) -> bool:
    return isinstance(node, A.BinOp) and node.op in ("+", "-")


def _holds_a_name(node: A.Node) -> bool:
    return isinstance(node, A.Name) or any(_holds_a_name(child) for child in A.children(node))


def _wrapped_expression(rows: list[list[list[Token]]]) -> bool:
    """Whether a matrix's cells are one expression broken over lines: a row or a cell that
    ends with a binary operator (`+ \\\\`, `& + &`) cannot end an entry."""
    ends = [cell[-1].text for row in rows for cell in row[:-1] if cell] + \
        [row[-1][-1].text for row in rows[:-1] if row[-1]]
    return any(end in WRAPPING_OPERATORS for end in ends)


def _uses_index(node: A.Node, letter: str) -> bool:
    """Whether `letter` stands free in the tree (not bound by a sum of its own)."""
    if isinstance(node, A.SumOver) and node.index == letter:
        return False
    if isinstance(node, A.Name) and node.base == letter and not node.sub and not node.sup:
        return True
    return any(_uses_index(child, letter) for child in A.children(node))


def _bare_operator(tokens: list[Token] | None, wrt: A.Node) -> bool:
    """`\\tanh` alone over `dx`: a known function written without its argument, which is the
    variable (a plain name) of the derivative."""
    return tokens is not None and len(tokens) == 1 and tokens[0].text in OPERATORS \
        and isinstance(wrt, A.Name) and not wrt.sub and not wrt.sup


def _differential_head(tokens: list[Token]) -> int | None:
    """How many tokens the leading ∂, d or \\mathrm{d} of a differential takes; None if none."""
    if not tokens:
        return None
    if tokens[0].text == r"\partial" or tokens[0].kind == "letter" and tokens[0].text == "d":
        return 1
    if (tokens[0].text == r"\mathrm" or tokens[0].text in PROSE) and len(tokens) > 3 \
            and [t.text for t in tokens[1:4]] == ["{", "d", "}"]:
        return 4
    return None


def _differential_factors(tokens: list[Token]) -> list[list[Token]]:
    """`\\partial w_1 \\partial w_2` -> [w_1], [w_2]; `dx^2` -> [x ^ 2]; [] when the tokens
    do not start with a differential."""
    factors: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        head = _differential_head(tokens[i:])
        if head is None:
            if not factors:
                return []
            factors[-1].append(tokens[i])
            i += 1
            continue
        factors.append([])
        i += head
    return [f for f in factors if f]


def _is_application(node: A.Node) -> bool:
    """`f(x)`, `\\sigma(z)`: a name applied to arguments in parentheses."""
    return isinstance(node, A.BinOp) and node.op == "apply" and isinstance(node.left, A.Name) \
        or isinstance(node, A.Call) and node.parens


def _indexed_arguments(node: A.Node, sup: tuple[A.Node, ...], parser: Parser) -> A.Node:
    """`f(z)^{(i)}` as `f(z^{(i)})`: each argument, a bare name, takes the index."""
    def indexed(argument: A.Node) -> A.Node:
        if not (isinstance(argument, A.Name) and not argument.sup):
            raise parser.error("an index after a call is read only on names: write "
                               "f(z^{(i)})", hint="Put the index on the argument.")
        return dataclasses.replace(argument, sup=sup)

    if isinstance(node, A.Call):
        return dataclasses.replace(node, args=tuple(indexed(a) for a in node.args))
    inner = node.right.inner if isinstance(node.right, A.Group) else node.right
    if isinstance(inner, A.MatrixLiteral):     # f(a, b)^{(i)}
        rows = tuple(tuple(indexed(a) for a in row) for row in inner.rows)
        new: A.Node = dataclasses.replace(inner, rows=rows)
    else:
        new = indexed(inner)
    return dataclasses.replace(node, right=A.Group(new, node.right.pos))


def _split_top(tokens: list[Token], separator: str) -> list[list[Token]]:
    """Tokens cut at `separator` outside brackets."""
    parts: list[list[Token]] = [[]]
    depth = 0
    for t in tokens:
        depth += (t.text in ("(", "[", "{")) - (t.text in (")", "]", "}"))
        if t.text == separator and depth == 0:
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _word_label(tokens: list[Token]) -> bool:
    """`out`, `h1`: letters printed together (with a unit's number) of which one is no index
    letter, a label rather than indices."""
    letters = [t.text for t in tokens if t.kind == "letter"]
    return len(tokens) >= 2 and _contiguous(tokens) and bool(letters) \
        and all(t.kind == "letter" or t.kind == "number" and t.text.isdigit() for t in tokens) \
        and tokens[0].kind == "letter" \
        and any(letter not in INDEX_LETTERS | GENERIC_INDEX_LETTERS for letter in letters) \
        and (len(letters) >= 2 or len(tokens) == 2)


def _tuple(args: tuple[A.Node, ...]) -> A.Node:
    return A.MatrixLiteral((tuple(args),), args[0].pos, listed=True)


def _hint_for(text: str) -> str:
    if text in RELATIONS:
        return "Relations are split before reading; this one is inside brackets — close them first."
    if text in (")", "]", "}"):
        return "There is a closing bracket without an opening one."
    return "Check the notation against `derivcheck help notation`."
