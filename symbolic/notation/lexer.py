"""Tokens of LaTeX math, each with its offset in the source for error carets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from symbolic.errors import MeaningError, ParseError
from symbolic.notation.vocabulary import (
    BRACED_RELATIONS,
    CODE_ELEMENTWISE,
    COMBINING_ACCENTS,
    COMMAND_SPELLINGS,
    ESCAPED_UNDERSCORE,
    GREEK,
    HSPACE,
    INDEX_LETTERS,
    LENGTH_UNITS,
    LINE_BREAK,
    MATH_ALPHANUMERIC,
    NEGATION,
    PLAIN_ELISION,
    PLAIN_FUNCTION_WORDS,
    PROSE,
    STARRED_COMMANDS,
    SUBSCRIPTS,
    SUPERSCRIPTS,
    SYMBOL_SPELLINGS,
    TIMES,
    UNICODE,
    WIDE_LENGTHS,
    WORD_COMMANDS,
    WORD_FONT,
)

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<thousands>[1-9]\d{0,2}(?:,\d{3})+(?![\d,])(?:\.\d+)?)
  | (?P<number>\d+(?:\.\d+)?|\.\d+)
  | (?P<command>\\[A-Za-z]+\*?|\\.)
  | (?P<letter>[A-Za-z])
  | (?P<symbol>[-+*/^_()\[\]{}|,;'!=<>&:.$@])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str   # "number", "command", "letter", "symbol", "end"
    text: str
    pos: int    # offset in the source

    def is_(self, *texts: str) -> bool:
        return self.text in texts


def tokenize(source: str) -> list[Token]:
    """Split LaTeX math into tokens; unknown characters are a ParseError with a caret.

    Math typed as plain text, with no command in it (`P_ij = exp(S_ij) / sum_k(…)`), writes
    a subscript of several letters or digits unbraced, as code does: `P_ij` is P_{ij}."""
    source = unbraced_relations(source)
    tokens: list[Token] = []
    pos = 0
    plain = "\\" not in source
    while pos < len(source):
        char = source[pos]
        typed = _plain_subscript(source, pos) if plain else None
        if typed is not None:           # P_ij: the letters in place, braced
            text, end = typed
            tokens.extend(Token(t.kind, t.text, pos + max(t.pos - 1, 0))
                          for t in tokenize(text) if t.kind != "end")
            pos = end
            continue
        script = _script_run(source, pos)
        if script is not None:          # z₂ⱼ: one subscript, z_{2j}, each letter in place
            text, end = script
            # δ_Z₁: the letter after _ takes the script inside the subscript, δ_{Z_1}
            nested = text.startswith("_") and len(tokens) >= 2 and tokens[-2].text == "_" \
                and tokens[-1].kind == "letter"
            if nested:
                letter = tokens.pop()
                tokens.extend([Token("symbol", "{", letter.pos), letter])
            tokens.extend(Token(t.kind, t.text, pos + max(t.pos - 2, 0))
                          for t in tokenize(text) if t.kind != "end")
            if nested:
                tokens.append(Token("symbol", "}", end))
            pos = end
            continue
        if char in COMBINING_ACCENTS and tokens and tokens[-1].kind == "letter":
            letter = tokens.pop()       # y then a combining circumflex: \hat{y}
            tokens.extend(Token(t.kind, t.text, letter.pos) for t in tokenize(
                f"{COMBINING_ACCENTS[char]}{{{letter.text}}}") if t.kind != "end")
            pos += 1
            continue
        printed = _plain_letter(char)
        if char in UNICODE or printed is not None:      # 𝐿, 𝜃: a letter in a math font
            text = UNICODE.get(char) or UNICODE.get(printed, printed)
            tokens.extend(Token(t.kind, t.text, pos) for t in tokenize(text) if t.kind != "end")
            pos += 1
            continue
        spelled = _PLAIN_WORD.match(source, pos) if plain else None
        if spelled is not None and spelled.group() in _SPELLED_GREEK \
                and not (pos and source[pos - 1].isalpha()) \
                and not (spelled.group() in _GREEK_FUNCTION_WORDS
                         and source.startswith("(", spelled.end())):
            # (gamma(5), phi(x): a function's name, Γ or φ, left as its letters)
            tokens.append(Token("command", "\\" + spelled.group(), pos))   # sigma: σ, as
            pos = spelled.end()                                          # code writes it
            continue
        if source.startswith(ESCAPED_UNDERSCORE, pos) and tokens \
                and (tokens[-1].kind == "letter" or tokens[-1].text[1:] in GREEK) \
                and tokens[-1].pos + len(tokens[-1].text) == pos \
                and source[pos + 2:pos + 3].isalpha() and not _in_word(tokens):
            _join_escaped_name(source, pos, tokens)     # y\_in_k: the name y_in, indexed by k
            pos += len(ESCAPED_UNDERSCORE)
            while pos < len(source) and source[pos].isalpha():
                tokens.insert(-1, Token("letter", source[pos], pos))
                pos += 1
            continue
        if source.startswith(CODE_ELEMENTWISE[0], pos):
            tokens.append(Token("command", CODE_ELEMENTWISE[1], pos))   # a .* b: a ⊙ b
            pos += len(CODE_ELEMENTWISE[0])
            continue
        if source.startswith(PLAIN_ELISION[0], pos):
            tokens.append(Token("command", PLAIN_ELISION[1], pos))   # x_1 + ... + x_n
            pos += len(PLAIN_ELISION[0])
            continue
        match = _TOKEN.match(source, pos)
        if match is None and char.isalpha() and _in_prose(tokens):
            tokens.append(Token("letter", char, pos))     # \text{Kết quả}: a word's letter
            pos += 1
            continue
        if match is None:
            raise ParseError(
                f"cannot read the character {char!r}",
                source, pos,
                "Write math in LaTeX (for example \\sigma rather than a picture of σ).",
            )
        kind = match.lastgroup
        if kind == "number" and (braced := _BRACED_COMMA.match(source, pos)) is not None:
            tokens.append(Token("number", _braced_comma_number(braced.group()), pos))
            pos = braced.end()
            continue
        if plain and char == "^" and (power := _PLAIN_POWER.match(source, pos)) is not None:
            tokens.extend(Token(t.kind, t.text, pos) for t in tokenize(
                "^{" + power.group(1) + "}") if t.kind != "end")
            pos = power.end()           # e^-0.5, e^2.5 typed plainly: the whole exponent
            continue
        if kind == "number" and (scientific := _SCIENTIFIC.match(source, pos)) is not None:
            tokens.extend(Token(t.kind, t.text, pos) for t in tokenize(
                f"{scientific.group(1)} {TIMES} 10^{{{scientific.group(2)}}}") if t.kind != "end")
            pos = scientific.end()      # 1e-8, as code prints ε: 1 × 10^{-8}
            continue
        if kind == "number" and (comma := _decimal_comma(source, pos, tokens)) is not None:
            tokens.append(Token("number", comma.group().replace(",", "."), pos))
            pos = comma.end()
            continue
        if kind == "thousands":
            # 10,000: a thousands separator, except in a list ([100,200], f(1,000))
            listed = tokens and tokens[-1].text in ("[", "(", ",")
            match = _TOKEN.match(source, pos) if not listed else re.compile(
                r"\d+").match(source, pos)
            text = match.group().replace(",", "") if not listed else match.group()
            tokens.append(Token("number", text, pos))
            pos = match.end()
            continue
        if match.group() == "=" and tokens and tokens[-1].text == "=" \
                and tokens[-1].pos == pos - 1:
            pass                        # `k == i`, as code writes a comparison: one `=`
        elif match.group() == "=" and tokens and tokens[-1].text == NEGATION:
            tokens[-1] = Token("command", r"\neq", tokens[-1].pos)      # `y \not= k`
        elif kind == "command" and match.group().endswith("*") \
                and match.group() not in STARRED_COMMANDS:
            tokens.append(Token(kind, COMMAND_SPELLINGS.get(match.group()[:-1],
                                                            match.group()[:-1]), pos))
            tokens.append(Token("symbol", "*", match.end() - 1))
        elif kind == "command" and match.group() == LINE_BREAK \
                and (skip := _ROW_SKIP.match(source, match.end())) is not None:
            tokens.append(Token(kind, LINE_BREAK, pos))    # \\[8pt]: the space is no factor
            pos = skip.end()
            continue
        elif kind == "command" and match.group() in SYMBOL_SPELLINGS:
            tokens.append(Token("symbol", SYMBOL_SPELLINGS[match.group()], pos))
        elif kind == "command":
            tokens.append(Token(kind, COMMAND_SPELLINGS.get(match.group(), match.group()), pos))
        elif kind != "ws":
            tokens.append(Token(kind, match.group(), pos))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


_ROW_SKIP = re.compile(r"\s*\[\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*(?:" + "|".join(LENGTH_UNITS)
                       + r")\s*\]")
_BRACED_COMMA = re.compile(r"\d+(?:\{,\}\d+)+")
# `1e-8`, `2.5E+3`: a number in scientific notation as code prints it
_SCIENTIFIC = re.compile(r"(\d+(?:\.\d+)?|\.\d+)[eE]([-+]?\d+)(?![A-Za-z0-9.])")
_PLAIN_POWER = re.compile(r"\^(-?\d+\.\d+|-\d+|-[A-Za-z])(?![\w^.(])")


def _braced_comma_number(text: str) -> str:
    """`128{,}064` (a thousands separator, groups of three after a leading group that is not
    0) as 128064; `0{,}5` (the decimal comma German LaTeX writes) as 0.5."""
    head, *groups = text.split("{,}")
    if len(groups) > 1 and head != "0" and len(head) <= 3 and all(len(g) == 3 for g in groups):
        return head + "".join(groups)           # 1{,}234{,}567: thousands only
    if len(groups) == 1 and (head == "0" or len(groups[0]) != 3):
        return f"{head}.{groups[0]}"            # 0{,}5, 2{,}75: a decimal only
    raise MeaningError(f"{text} may be thousands ({head}{''.join(groups)}) or a decimal "
                       f"comma ({head}.{''.join(groups)}); the reading is in doubt", text, 0,
                       "Write the number without the comma, or with a point.")


def decimal_commas(source: str) -> frozenset[int]:
    """The offsets of the commas `tokenize` reads as decimal commas (`0,5`), so that what
    splits text at commas leaves them."""
    if unbraced_relations(source) != source:
        return frozenset()          # offsets moved: none is claimed
    try:
        tokens = tokenize(source)
    except ParseError:
        return frozenset()
    return frozenset(t.pos + source.index(",", t.pos) - t.pos for t in tokens
                     if t.kind == "number" and "," in source[t.pos:t.pos + len(t.text)])


_PLAIN_WORD = re.compile(r"[A-Za-z]+")
# Greek letters spelled out in math typed as plain text (`exp(log(sigma^2) / 2)`); two-letter
# names (mu, pi, xi) may be two letters, a product or a subscript typed plainly
_GREEK_FUNCTION_WORDS = frozenset({"gamma", "phi", "varphi", "psi", "zeta", "delta"})
_SPELLED_GREEK = frozenset(name for name in GREEK if len(name) >= 3 and name != "ell")
_COMMA_NUMBER = re.compile(r"\d+,\d+(?![\d,.])")
# what may hold a list or a pair of indices just before a number: `(0,1)`, `x_{0,1}`, `\{0,1\}`
_LISTING = frozenset({"(", "[", ",", "{", "_", "^", ";", r"\{", r"\lbrace", r"\langle"})


def _decimal_comma(source: str, pos: int, tokens: list[Token]) -> re.Match | None:
    """`0,3`, `0,5498` as continental notes print a decimal: digits, a comma and digits with
    no space, where no list can stand: after a relation, an operator, a matrix's `&`, or at
    the start, and before no closing bracket or further comma. `(0,1)`, `x_{0,1}`,
    `[0,1]` and `i = 1,2` stay lists and index pairs."""
    match = _COMMA_NUMBER.match(source, pos)
    if match is None:
        return None
    before = tokens[-1].text if tokens else ""
    after = source[match.end():].lstrip()[:1]
    if before in _LISTING or after in (")", "]", "}", ",") or source.startswith(
            (r"\}", r"\rangle", r"\right"), match.end()):
        return None
    if before == "=" and len(tokens) >= 2 and tokens[-2].text in INDEX_LETTERS:
        return None                     # i = 1,2: the values an index takes
    return match


# a relation alone in braces, spacing it as a symbol (`y{=}1`); not the one a command
# stacks (`\stackrel{(a)}{=}`, a brace closing before it)
_BRACED_RELATION = re.compile(r"(?<!\})\{(\s*)(" + "|".join(
    re.escape(r) for r in sorted(BRACED_RELATIONS, key=len, reverse=True)) + r")(\s*)\}")


def _in_word(tokens: list[Token]) -> bool:
    """Whether the tokens so far end inside a word command's braces (`\\text{scaled\\_`),
    where an escaped underscore is the word's own."""
    depth = 0
    for k in range(len(tokens) - 1, -1, -1):
        depth += (tokens[k].text == "}") - (tokens[k].text == "{")
        if depth < 0:
            return k > 0 and tokens[k - 1].text in WORD_COMMANDS
    return False


def _join_escaped_name(source: str, pos: int, tokens: list[Token]) -> None:
    """`y\\_in`: the letters printed right before the escaped underscore at `pos` and the
    underscore itself become one word, `\\mathrm{y\\_in}`, closed by a brace the caller
    keeps last while it adds the letters after the underscore before it."""
    start = len(tokens) - 1       # the letter or Greek letter right before it, and the
    while start and tokens[start - 1].kind == "letter" \
            and tokens[start - 1].pos == tokens[start].pos - 1:    # letters just before
        start -= 1
    letters = tokens[start:]
    del tokens[start:]
    tokens.extend([Token("command", WORD_FONT, letters[0].pos),
                   Token("symbol", "{", letters[0].pos), *letters,
                   Token("command", ESCAPED_UNDERSCORE, pos), Token("symbol", "}", pos)])


def unbraced_relations(source: str) -> str:
    """`y{=}1` as `y = 1`: each relation alone in braces taken out of them (the braces
    become spaces, so every position stays where it was)."""
    return _BRACED_RELATION.sub(r" \1\2\3 ", source) if "{" in source else source


def wide_spaces_as_quads(source: str) -> str:
    """`\\hspace{2cm}` as `\\qquad` (padded with spaces, so every position stays where
    it was) when it is at least as wide, so that it parts two statements as `\\qquad`
    does; a narrower one (`\\hspace{4mm}` around a factor) is left to be dropped."""
    if HSPACE not in source:
        return source

    def quad(match: re.Match) -> str:
        wide = float(match.group(1)) >= WIDE_LENGTHS.get(match.group(2), float("inf"))
        return r"\qquad".ljust(len(match.group())) if wide else match.group()

    return _HSPACE.sub(quad, source)


_HSPACE = re.compile(re.escape(HSPACE) + r"\*?\s*\{\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]{2})\s*\}")


def _in_prose(tokens: list[Token]) -> bool:
    """Whether the tokens so far leave a prose group open (`\\text{Kết`): any letter of a
    word in prose is read, in whatever script."""
    depth = 0
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text == "}":
            depth += 1
        elif tokens[k].text == "{":
            if depth == 0:
                return k > 0 and tokens[k - 1].text in PROSE
            depth -= 1
    return False


def _plain_subscript(source: str, pos: int) -> tuple[str, int] | None:
    """`_ij` in plain text: the whole run of letters and digits after `_` as one subscript,
    `_{ij}` (`W_ij^2` is W_{ij} squared), with the offset after it; None when `_` is not
    followed by two or more, when a subscript follows the run (`w_ix_i` is w_i x_i), or
    when a digit is followed by a letter (`w_1x` is w_1 x)."""
    found = _PLAIN_SUBSCRIPT.match(source, pos)
    if found is None or source.startswith("_", found.end()) \
            or re.search(r"\d[A-Za-z]", found.group(1)):
        return None
    run, end = found.group(1), found.end()
    called = next((word for word in PLAIN_FUNCTION_WORDS if run.endswith(word)), None) \
        if source.startswith("(", end) else None
    if called is not None:          # y_iln(q_i): y_i, then ln(q_i)
        run, end = run[:-len(called)], end - len(called)
        if len(run) < 2:
            return None
    return f"_{{{run}}}", end


_PLAIN_SUBSCRIPT = re.compile(r"_([A-Za-z0-9]{2,})")


def _script_run(source: str, pos: int) -> tuple[str, int] | None:
    """A run of Unicode subscripts (or superscripts) from `pos` as LaTeX, `_{2j}`, with the
    offset after it; None when none starts there."""
    for table, mark in ((SUBSCRIPTS, "_"), (SUPERSCRIPTS, "^")):
        end = pos
        while end < len(source) and source[end] in table:
            end += 1
        if end > pos:
            return mark + "{" + "".join(table[c] for c in source[pos:end]) + "}", end
    return None


def _plain_letter(char: str) -> str | None:
    """The letter or digit a character of Unicode's mathematical alphanumeric block prints
    (𝐿 is L, 𝜃 is θ: copied from rendered math, the font is typography); None otherwise."""
    if not MATH_ALPHANUMERIC[0] <= ord(char) <= MATH_ALPHANUMERIC[1]:
        return None
    plain = unicodedata.normalize("NFKC", char)
    return plain if len(plain) == 1 and plain != char else None
