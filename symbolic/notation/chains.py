"""Split a relation chain `a = b \\approx c` into sides, before any side is read.

Splitting first means no parser ever sees `=`: nothing is solved, nothing assigned.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from symbolic.errors import NotationError, ParseError
from symbolic.notation.lexer import tokenize, unbraced_relations
from symbolic.notation.vocabulary import (
    ALIGNMENT_ENVIRONMENTS,
    BEGIN,
    BOLD_STATEMENT,
    CLOSERS,
    CONTINUING_ROWS,
    END,
    MUL_OPS,
    NAMING,
    NAMING_AS_CLAIM,
    OPENERS,
    RELATIONS,
    STACKING,
)

_ALIGNMENT_WRAPPER = re.compile(rf"\s*{re.escape(BEGIN)}\{{(\w+\*?)\}}(.*){re.escape(END)}"
                                r"\{\1\}\s*", re.S)


def alignment_inside(text: str) -> tuple[int, str] | None:
    r"""What an alignment environment around the whole text holds, with where it starts
    (`\begin{align*} a &= b \\ &= c \end{align*}`: its rows, read as at the top level);
    None when the text is not one such environment.

        >>> alignment_inside(r"\begin{align*} a &= b \end{align*}")
        (14, ' a &= b ')
    """
    wrapped = _ALIGNMENT_WRAPPER.fullmatch(text)
    if wrapped is None or wrapped.group(1) not in ALIGNMENT_ENVIRONMENTS:
        return None
    return wrapped.start(2), wrapped.group(2)


@dataclass(frozen=True)
class Side:
    text: str
    offset: int     # where the side starts in the statement


@dataclass(frozen=True)
class Chain:
    """`sides[k] relations[k] sides[k+1]`; sides[0].text is empty for a continuation `= …`."""

    source: str
    sides: tuple[Side, ...]
    relations: tuple[str, ...]


def _group_end(tokens: list, start: int) -> int:
    """The index after the `{…}` group that starts at `start` (or after one token)."""
    if tokens[start].text != "{":
        return start + 1
    depth = 0
    for j in range(start, len(tokens)):
        depth += (tokens[j].text == "{") - (tokens[j].text == "}")
        if depth == 0:
            return j + 1
    return len(tokens) - 1


def _stacked_relation(tokens: list, i: int) -> tuple[str, int] | None:
    """`\\stackrel{note}{=}`, `\\overset{note}{=}`: (the relation, the index after it)."""
    if tokens[i].text not in STACKING:
        return None
    second = _group_end(tokens, i + 1)
    if second >= len(tokens) - 1:
        return None
    end = _group_end(tokens, second)
    inner = [t.text for t in tokens[second:end] if t.text not in ("{", "}")]
    if len(inner) == 1 and inner[0] in RELATIONS:
        return inner[0], min(end, len(tokens) - 1)
    return None


def joined_rows(source: str) -> str:
    """An alignment's rows joined where the next row goes on with `&` (`a &= b \\\\ &= c`,
    `=& b \\\\ & - c`): one chain, as printed. Rows inside an environment (a matrix, cases)
    stay rows."""
    if "\\\\" not in source or "&&" in source:    # `&&\text{if } …`: rows of cases
        return source
    tokens = tokenize(source)
    cuts: list[tuple[int, int]] = []
    for k in _row_breaks(tokens):
        tok = tokens[k]
        if k + 2 < len(tokens) and tokens[k + 1].text == "&" \
                and tokens[k + 2].text in CONTINUING_ROWS:
            cuts.append((tok.pos, tokens[k + 1].pos + 1))   # `\\ &= …`, `\\ & - …`
        elif k + 1 < len(tokens) and tokens[k + 1].text in RELATIONS:
            cuts.append((tok.pos, tok.pos + 2))             # `a \\ = b \\ = c`: line breaks
        elif 0 < k and k + 1 < len(tokens) and tokens[k - 1].text in RELATIONS \
                and tokens[k + 1].text == "&":
            cuts.append((tok.pos, tokens[k + 1].pos + 1))   # `a = b = \\ &c = d`: one chain
    if tokens and tokens[0].text == "&" and cuts:
        cuts.insert(0, (tokens[0].pos, tokens[0].pos + 1))  # `&a = b = \\ &c`: the first row
    for start, end in reversed(cuts):
        source = f"{source[:start]} {source[end:]}"
    return source


def operator_rows_joined(source: str) -> str:
    """An alignment's row that goes on with an operator (`=& a \\\\ &- b`, in `aligned` or
    at the top) joined to the row before it, each character kept in its place (the break
    and the `&` become spaces): `a - b` is one side, never `a` defined alone."""
    if "\\\\" not in source or "&&" in source:
        return source
    try:
        tokens = tokenize(source)
    except NotationError:
        return source               # (what cannot be read is said where it is read)
    out = list(source)
    for k in _row_breaks(tokens):
        if k + 2 < len(tokens) and tokens[k + 1].text == "&" \
                and tokens[k + 2].text in CONTINUING_ROWS and tokens[k + 2].text not in RELATIONS:
            for at in (*range(tokens[k].pos, tokens[k].pos + 2), tokens[k + 1].pos):
                out[at] = " "
    return "".join(out)


def _row_breaks(tokens: list) -> list[int]:
    """Where the `\\\\` of an alignment's rows stand: at the top or in an alignment
    environment (`\\begin{aligned} … \\\\ & - c`), not in a matrix's or cases' own rows."""
    breaks, depth, opened = [], 0, []   # opened: per environment, whether its rows are its own
    for k, tok in enumerate(tokens):
        if tok.text == BEGIN:
            opened.append(_environment_name(tokens, k + 1) not in ALIGNMENT_ENVIRONMENTS)
            depth += opened[-1]
        elif tok.text == END:
            depth -= opened.pop() if opened else 1
        elif tok.text == "\\\\" and depth == 0:
            breaks.append(k)
    return breaks


def _environment_name(tokens: list, start: int) -> str:
    """The name in braces at `start` (`{aligned}` after \\begin), or ""."""
    if start >= len(tokens) or tokens[start].text != "{":
        return ""
    name = []
    for tok in tokens[start + 1:]:
        if tok.text == "}":
            return "".join(name)
        name.append(tok.text)
    return ""


def angled_pairs(source: str) -> str:
    """`<\\vec v_i, \\vec v_j>`: a `<` and `>` around two operands and a comma, with no
    relation between, are the brackets of an inner product (⟨·,·⟩), not comparisons."""
    if "<" not in source or ">" not in source:
        return source
    tokens = tokenize(source)
    pairs: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if tokens[k].text == "<":
            close = next((j for j in range(k + 1, len(tokens))
                          if tokens[j].text in RELATIONS), None)
            between = [t.text for t in tokens[k + 1:close]] if close is not None else []
            if close is not None and tokens[close].text == ">" and "," in between \
                    and _balanced(between) and _opens_a_term(tokens, k):
                pairs.append((tokens[k].pos, tokens[close].pos))
                k = close
        k += 1
    for start, end in reversed(pairs):
        source = f"{source[:start]}\\langle {source[start + 1:end]}\\rangle {source[end + 1:]}"
    return source


def _opens_a_term(tokens: list, k: int) -> bool:
    """Whether the `<` at k stands where a term begins: first, after an operator or an
    opener, or after a big operator's script (`\\sum_{j}^{n} <u, v>`); after an operand
    (`0 < x`) it compares."""
    if k == 0:
        return True
    before = tokens[k - 1]
    if before.text in MUL_OPS or before.text in OPENERS or before.text in ("+", "-") \
            or before.text in RELATIONS:
        return True
    if k >= 2 and tokens[k - 2].text in ("^", "_"):
        return True                          # \sum_{j=i+1}^n <…>: the script's last letter
    if before.text == "}":
        depth = 0
        for j in range(k - 1, -1, -1):
            depth += (tokens[j].text == "}") - (tokens[j].text == "{")
            if depth == 0:
                return j >= 1 and tokens[j - 1].text in ("^", "_")
    return False


def _balanced(texts: list[str]) -> bool:
    depth = 0
    for text in texts:
        depth += (text in OPENERS) - (text in CLOSERS)
        if depth < 0:
            return False
    return depth == 0


@functools.lru_cache(maxsize=4096)
def split_chain(source: str) -> Chain:
    """Split at relations outside brackets and environments: `\\mathbb{1}[z > 0]` and
    `\\begin{cases} … z > 0 \\end{cases}` keep their `>`. Kept per process: a claim's
    text is split again by each stage that reads it, and a chain never changes. Rows that
    go on with `&` are one chain (`joined_rows`)."""
    source = unbraced(angled_pairs(joined_rows(source)))
    tokens = tokenize(source)
    depth = 0
    cuts: list[tuple[int, int, str]] = []   # (start, end, relation)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text in (r"\left", r"\right"):
            i += 2   # the delimiter after \left / \right is part of it
            depth += 1 if tok.text == r"\left" else -1
            continue
        stacked = _stacked_relation(tokens, i) if depth == 0 else None
        if stacked is not None:          # \stackrel{(a)}{=}: a relation with a note over it
            relation, after = stacked
            cuts.append((tok.pos, tokens[after].pos, RELATIONS[relation]))
            i = after
            continue
        if tok.text == "=" and tokens[i + 1].text == ":" and depth == 0:
            cuts.append((tok.pos, tokens[i + 2].pos, NAMING))     # \frac{dL}{dy} =: dy
            i += 2
            continue
        if tok.text in OPENERS:
            depth += 1
        elif tok.text in CLOSERS:
            depth -= 1
        elif depth == 0 and tok.text in RELATIONS:
            end = tokens[i + 1].pos
            if tok.text == r"\xrightarrow" and tokens[i + 1].text == "{":
                # skip the label over the arrow
                j, inner = i + 1, 0
                while j < len(tokens):
                    inner += tokens[j].text == "{"
                    inner -= tokens[j].text == "}"
                    if inner == 0:
                        break
                    j += 1
                end = tokens[min(j + 1, len(tokens) - 1)].pos
                i = j
            start = tok.pos
            if i > 0 and tokens[i - 1].text == "&":      # `&=` of an alignment: a mark
                start = tokens[i - 1].pos
            if i + 2 < len(tokens) and tokens[i + 1].text == "&":   # `=&`
                end = tokens[i + 2].pos
                i += 1
            cuts.append((start, end, RELATIONS[tok.text]))
        elif tok.text == ":" and tokens[i + 1].text == "=" and depth == 0:
            cuts.append((tok.pos, tokens[i + 2].pos, ":="))
            i += 2
            continue

        i += 1
    if depth < 0:
        raise ParseError("there is a closing bracket without an opening one", source, None,
                         "Check the brackets of this line.")
    if depth > 0:
        raise ParseError("a bracket or brace is opened but never closed", source, None,
                         "Close every (, [ and { on this line.")
    sides: list[Side] = []
    start = 0
    for cut_start, cut_end, _ in cuts:
        sides.append(Side(source[start:cut_start].strip(), start))
        start = cut_end
    sides.append(Side(_without_final_punctuation(source[start:]), start))
    relations = [rel for _, _, rel in cuts]
    # `a =: b` names b, last in a chain; inside one it is an equality
    relations[:-1] = [NAMING_AS_CLAIM.get(r, r) for r in relations[:-1]]
    return Chain(source, tuple(sides), tuple(relations))


def unbraced(source: str) -> str:
    """`{y = \\cfrac{1}{1 + e^{-x}}}`: a whole statement set in braces is the statement (the
    braces become spaces, so every position stays where it was); so is one set in bold,
    `\\mathbf{\\frac{\\partial L}{\\partial d} = f}`; a relation alone in braces, `a{=}b`, is
    that relation."""
    source = unbraced_relations(source)
    text = source.strip()
    bold = next((command for command in BOLD_STATEMENT if text.startswith(command + "{")), None)
    if bold is not None and "=" in text:
        start = source.index(bold)
        inner = source[:start] + " " * len(bold) + source[start + len(bold):]
        statement = unbraced(inner)
        return statement if statement != inner else source
    if re.match(r"\{\s*\\displaystyle(?![A-Za-z])", text):
        # {\displaystyle a_j = …}\quad\forall j (a formula copied from Wikipedia): the
        # group is the statement, whatever follows it
        close = _brace_closing(source, source.index("{"))
        if close is not None:
            start = source.index("{")
            return source[:start] + " " + source[start + 1:close] + " " + source[close + 1:]
    if not (text.startswith("{") and text.endswith("}")):
        return source
    depth = 0
    for k, char in enumerate(text):
        if k and text[k - 1] == "\\":
            continue                  # \{ and \} are printed braces, not a group
        depth += (char == "{") - (char == "}")
        if depth == 0 and k < len(text) - 1:
            return source             # {a}{b}: the first brace closes before the end
    start = source.index("{")
    end = source.rindex("}")
    return source[:start] + " " + source[start + 1:end] + " " + source[end + 1:]


def _brace_closing(source: str, start: int) -> int | None:
    """Where the brace group opening at `start` closes (None when it never does)."""
    depth = 0
    for k in range(start, len(source)):
        if k and source[k - 1] == "\\":
            continue                  # \{ and \} are printed braces, not a group
        depth += (source[k] == "{") - (source[k] == "}")
        if depth == 0:
            return k
    return None


SPACING_AT_END = (r"\,", r"\;", r"\:", r"\!", r"\quad", r"\qquad", "\\ ", "~")


def _without_final_punctuation(text: str) -> str:
    """`\\frac{1}{1 + e^{-x}}.` or `z_1 = w_1 x + b_1,` as printed in a sentence: the full
    stop or comma ends the sentence, not the formula (the spacing before it goes too)."""
    text = text.strip()
    while True:
        spacing = next((s for s in SPACING_AT_END if text.endswith(s)), None)
        if spacing is not None:
            text = text[:-len(spacing)].rstrip()
        elif text[-1:] in (".", ",", ";") and len(text) > 1:
            text = text[:-1].rstrip()
        else:
            return text
