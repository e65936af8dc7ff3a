"""Read a derivation document: its front matter, its math, and the statements in the math.

Parse first, act second: this module only finds and cuts text. It never evaluates
anything, and it never raises on what a document says — what it cannot read becomes a
`Problem` with the line and how to fix it, and the rest is still read.

    >>> doc = parse_markdown("# Square\\n$$\\\\frac{d}{dx} x^2 = 2x, \\\\quad y = 1$$\\n", None, [])
    >>> [(s.line, s.text) for s in doc.statements]
    [(2, '\\\\frac{d}{dx} x^2 = 2x'), (2, 'y = 1')]

The format is described in `derivcheck help document`; `symbolic.sources.read_document`
reads any input (Markdown, LaTeX, notebooks) into this model.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import math
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from symbolic.errors import DerivcheckError
from symbolic.notation.chains import alignment_inside, joined_rows, operator_rows_joined, unbraced
from symbolic.notation.lexer import decimal_commas, wide_spaces_as_quads
from symbolic.notation.vocabulary import (
    ALIGNMENT_ENVIRONMENTS,
    BEGIN,
    BEGIN_CASES,
    CASE_WORDS,
    CLOSERS,
    CONDITION_WORDS,
    CONNECTIVES,
    CONTINUING_RELATIONS,
    DISPLAY_ENVIRONMENTS,
    END,
    EQUATION_MARKS,
    EQUATION_MARKS_WITH_ARGUMENT,
    FOR_ALL,
    INDEX_LETTERS,
    OPENERS,
    PROSE,
    RELATIONS,
    STATEMENT_RELATIONS,
    WIDE_SPACES,
)

__all__ = [
    "Document",
    "DocumentReadError",
    "FrontMatter",
    "Problem",
    "Statement",
    "has_relation",
    "parse_markdown",
    "read_source",
]

# A document longer than this is read up to here, with a Problem at the cut.
MAX_DOCUMENT_CHARS = 2_000_000
# Files read as LaTeX and as Jupyter notebooks; every other file is read as Markdown.
TEX_SUFFIXES = frozenset({".tex", ".ltx"})
NOTEBOOK_SUFFIXES = frozenset({".ipynb"})
# Problems listed per document; past this, one more says how many were left out.
MAX_PROBLEMS = 50

FRONT_MATTER_KEYS = ("title", "given", "shapes", "conventions", "values")
# Common Markdown metadata: kept in `extra` without a warning.
METADATA_KEYS = frozenset({"author", "date", "tags", "description", "source"})

class DocumentReadError(DerivcheckError, OSError):
    """A document file that could not be opened (missing, a folder, no permission)."""


@dataclass(frozen=True)
class Problem:
    """Something in a document that could not be read as written, and how to fix it.

    `severity` is "error" when text was left unread (an unclosed `$$`, bad front matter)
    and "warning" when it was read but deserves a look (an unknown front-matter key).
    """

    line: int           # 1-based source line (in a notebook: the line of its cell)
    fragment: str       # the offending text, shortened
    reason: str         # what is wrong and how to write it instead
    severity: str = "error"
    cell: int | None = None  # a notebook's cell (1-based) holding it

    @property
    def position(self) -> str:
        """`line 12`, or `cell 3, line 2` in a notebook."""
        return f"line {self.line}" if self.cell is None else f"cell {self.cell}, line {self.line}"

    def describe(self) -> str:
        shown = f": {self.fragment}" if self.fragment else ""
        return f"{self.position}: {self.severity}: {self.reason}{shown}"


@dataclass(frozen=True)
class FrontMatter:
    """The YAML front matter, checked for shape but not interpreted."""

    title: str = ""
    given: list[str] = field(default_factory=list)          # LaTeX, one relation each
    shapes: dict[str, list] = field(default_factory=dict)   # name -> dims (ints or names)
    conventions: dict = field(default_factory=dict)
    values: dict[str, float | str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)               # keys derivcheck does not use
    given_lines: list[int] = field(default_factory=list)    # source line of each `given`


@dataclass(frozen=True)
class Statement:
    """The LaTeX of one relation chain (`a = b \\approx c`), where it stands in the source."""

    line: int           # 1-based source line where the text starts
    text: str           # whitespace collapsed; alignment `&`, labels, separators removed
    block: int          # index of its math block in the document, from 0
    derivation: int = 0  # index of its derivation (cut at headings and rules), from 0
    cell: int | None = None  # a notebook's cell (1-based) holding it; `line` is then its line
    inline: bool = False     # written in the prose (`$…$`), not in a display of its own
    conditional: bool = False  # in the prose, followed by "if", "when" or "where"
    # in the prose, set rather than claimed: "setting $\nabla_w J = 0$ gives $X^T X w = …$"
    assumed: bool = False
    # a case said in plain text before a block (`Case 2 (k ≠ j):`): for that block only
    for_next: bool = False
    # a display the sentence before introduces as a definition ("the scalar α is given by
    # the quadratic form", "Let", "we define"): a name it restates is defined anew
    introduced: bool = False

    @property
    def has_relation(self) -> bool:
        return has_relation(self.text)


@dataclass(frozen=True)
class Document:
    """A document as read: front matter, statements in order, and what could not be read."""

    path: str | None
    title: str
    front: FrontMatter
    statements: list[Statement]
    problems: list[Problem]
    # the front matter (or part of it) could not be read: definitions may be missing
    front_unreadable: bool = False

    @property
    def derivations(self) -> list[list[Statement]]:
        """The statements grouped by derivation, in order."""
        groups: dict[int, list[Statement]] = {}
        for statement in self.statements:
            groups.setdefault(statement.derivation, []).append(statement)
        return [groups[k] for k in sorted(groups)]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


def read_source(source: str | os.PathLike, *,
                name: str | None = None) -> tuple[str, str | None, list[Problem]]:
    """A document's text and path, from its text or from a file (see `read_document`).

    Raises:
        DocumentReadError: the file cannot be opened. Nothing in the text raises.
    """
    problems: list[Problem] = []
    if isinstance(source, str) and (source == "" or "\n" in source or "$" in source):
        return source, name, problems
    file = Path(os.fsdecode(source))
    text = _read_file(file, problems)
    return text, (name if name is not None else str(file)), problems


def chained_statements(content: str) -> list[str]:
    """`split_statements`, with a line that goes on with a relation (`\\\\ = \\sum …`)
    joined to the statement before it: one chain, as a document's continued line is.

        >>> chained_statements(r"f = a + a \\\\ = 2a, \\quad i = j")
        ['f = a + a = 2a', 'i = j']
    """
    out: list[str] = []
    for _, piece in split_statements(joined_rows(content)):
        if out and piece.lstrip().startswith(CONTINUING_RELATIONS):
            out[-1] = f"{out[-1]} {piece.strip()}"
        else:
            out.append(piece)
    return out


# `$y_i = 1$ if the class is $i$`: inline math the prose makes a condition
_CONDITIONAL = re.compile(r"\s*,?\s*(?:if|when|whenever|where|iff)\b", re.I)
# `examples with $y_n = +1$`, `where $y_i = 1$`: the prose before makes it a condition
_CONDITIONED = re.compile(r"\b(?:if|when|whenever|where|with|iff)\s*$"
                          # **Case 2: $i \neq k$**: a case's label, numbered, before it
                          r"|(?:\b(?:case|fall|cas|caso|przypadek|kasus|durum)|случай|情况|경우)"
                          r"\s*\d*\s*[:：.]?\s*$", re.I)
# "Setting $\nabla_w J = 0$ …": an equation set to find where it holds (the optimum), and
# what the same sentence derives from it, are not claimed
_ASSUMING = re.compile(r"\b(?:setting|set|assuming|assume|suppose|supposing|imposing|"
                       r"requiring|solving)\s*$", re.I)
# `\quad (i = 1, 2, \ldots, n)` at the end of a formula: the range its index runs over
_RANGE_IN_PARENTHESES = re.compile(
    r"\(\s*[A-Za-z]\s*=[^()]*(?:\\ldots|\\dots|\\cdots|\.\.\.)[^()]*\)\s*[.,]?\s*$")
# a system of equations, its rows under one brace: each row is a statement of its own
_SYSTEM = re.compile(r"\s*\\left\s*\\\{\s*\\begin\{(?P<env>array|aligned|gathered)\}(?:\{[^{}]*\})?"
                     r"(?P<rows>.*?)\\end\{(?P=env)\}\s*\\right\s*\.\s*", re.DOTALL)
# the name a row of such a system defines, before its `=`
_SYSTEM_HEAD = re.compile(r"\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}=]*\}|_[A-Za-z0-9])?)\s*=(?!=)")
# `x_{i} = x^{i} \ (\forall i)`, `… \quad\forall j \in [1, q]`: the letters a statement
# holds for, in parentheses or after a quad at its end; it states a range, which defines
# nothing (an index letter's; `\forall x \in (0, 1)` is a condition)
_TRAILING_QUANTIFIER = re.compile(
    r"(?:\s|~|\\[ ,;:]|\\q?quad)*\(\s*\\forall[\sA-Za-z,]*\)\s*[.,]?\s*$"
    r"|(?:\s|~|,|\\[ ,;:]|\\q?quad)*\\q?quad\s*\\forall\s*[ijklmnt]\s*\\in(?![A-Za-z])\s*"
    r"(?!\(|\\left\s*\()[^=<>]*$")
# `… \quad \forall j \neq i` at a statement's end: a case between index letters, the
# statement's own (any other condition after a quantifier is not read in a document)
_INDEX_CHARACTERS = "".join(sorted(letter for letter in INDEX_LETTERS if len(letter) == 1))
_QUANTIFIED_CASE = re.compile(r"\(?\s*" + re.escape(FOR_ALL) + rf"\s*[{_INDEX_CHARACTERS}]"
                              r"\s*(?:\\neq?|=)\s*[a-z0-9]\s*\)?\s*[.,]?\s*$")
# `\mathrm{SiLU}(x) = x\,\sigma(x) \quad (\beta = 1)`: a parameter's value in parentheses after
# a wide space at the end, a statement of its own
_TRAILING_SETTING = re.compile(
    r"(\\q?quad)\s*\(\s*(((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w+\}?)?)\s*=\s*-?\d+(?:\.\d+)?)"
    r"\s*\)\s*[.,]?\s*$")


def setting_apart(content: str) -> str:
    """`\\mathrm{SiLU}(x) = x\\,\\sigma(x) \\quad (\\beta = 1)` in a given: the setting, a
    statement of its own, when what it sets is not written before it (`f'(x) = 3 \\quad
    (x = 1)` is the step at x = 1, and stays as written). A document's line is left as it
    is: a setting there would bind the name for every line after it."""
    found = _TRAILING_SETTING.search(content)
    if found is None or re.search(rf"(?<![A-Za-z\\]){re.escape(found.group(3))}(?![A-Za-z])",
                                  content[:found.start()]):
        return content
    return content[:found.start()] + found.group(1) + " " + found.group(2)
# the words that introduce a display as a definition in the sentence before it
_INTRODUCING = re.compile(r"\b(?:(?:is|are)\s+(?:given|defined)\s+(?:by|as)|(?:we|let\s+us)\s+"
                          r"define|redefine|^\s*let\b)", re.I)
# `$\mathbf{w} \in \mathbb{R}^{n}$` in a sentence: what w is (its shape), a statement
_IN_REALS = re.compile(r"\\in\s*(?:\\mathbb\{R\}|\\mathbf\{R\}|\{R\}|ℝ)")
# `$i = k$, $l \neq j$`: inline math right after a case, parted by a comma or "and"
_NEXT_CASE = re.compile(r"\$\s*[A-Za-z]\s*(?:=|\\neq?|\\not\s*=)\s*[A-Za-z]\s*\$"
                        r"\s*(?:,|，|\band\b)?\s*$")
# `### When $j \neq i$`, "If $i \neq j$,": in a heading, or after "if" in a sentence, two
# index letters set apart state a case
_INDEX_CASE = re.compile(r"\s*[A-Za-z]\s*\\(?:neq?|not\s*=)\s*[A-Za-z]\s*")


# `情况 2（非对角线元素，k ≠ j）：`, `Case 1 (i = j):`: a line of prose ending in a colon
# that compares two index letters in plain text, in parentheses, states the case of the
# block after it
# `Case 2 (k ≠ j):`, and `if j = i:` (`si`, `wenn`, `jeśli`, … in other languages) ending
# the line before a block
_PLAIN_CASE = re.compile(
    r"(?:[(（][^()（）$\n]*?|(?:^|[\s,;])(?i:" + "|".join(CASE_WORDS) + r")\s+)"
    r"(?<![A-Za-z\\])([A-Za-z])\s*(≠|!=|=)\s*([A-Za-z])(?![A-Za-z])\s*(?:[)）][^$\n]*)?[:：]\s*$")


def has_relation(latex: str) -> bool:
    r"""Whether `latex` has `=`, `\approx` or `\Rightarrow` outside every group.

        >>> has_relation(r"\sum_{i=1}^n x_i"), has_relation(r"f(x) = x^2")
        (False, True)
    """
    latex = unbraced(latex)        # {y = \cfrac{1}{1 + e^{-x}}}: the statement in braces
    depth, pos = 0, 0
    while pos < len(latex):
        token = _TOKEN.match(latex, pos).group()
        pos += len(token)
        if token in (r"\left", r"\right"):
            delimiter = _DELIMITER.match(latex, pos)
            pos = delimiter.end() if delimiter else pos
            depth = depth + 1 if token == r"\left" else max(depth - 1, 0)
        elif token in OPENERS:        # an environment's own relations are not the line's
            depth += 1
        elif token in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and (token in STATEMENT_RELATIONS):
            return True
    return False


# --- reading files -------------------------------------------------------------------


def _read_file(file: Path, problems: list[Problem]) -> str:
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise DocumentReadError(f"cannot read {str(file)!r}: no such file") from None
    except IsADirectoryError:
        raise DocumentReadError(f"cannot read {str(file)!r}: it is a folder") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DocumentReadError(f"cannot read {str(file)!r}: {reason}") from None
    if b"\x00" in data[:8192]:
        raise DocumentReadError(f"cannot read {str(file)!r}: it is not a text document (it "
                                "holds binary data); give a Markdown file")
    return decode_utf8(data, repr(str(file)))


def decode_utf8(data: bytes, name: str) -> str:
    """`data` as UTF-8 text; a DocumentReadError naming `name` and the line where it is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocumentReadError(
            f"cannot read {name}: line {line} is not valid UTF-8 (bytes "
            f"{data[error.start : error.start + 8]!r}); save the file as UTF-8") from None


# --- the whole document --------------------------------------------------------------


def parse_markdown(text: str, path: str | None, problems: list[Problem]) -> Document:
    """Read Markdown text into a Document; `problems` holds what was met before, and grows.

    The LaTeX and notebook readers hand their text, turned into Markdown line for line,
    to this one.
    """
    return _parse(text, path, problems)


def _parse(text: str, path: str | None, problems: list[Problem]) -> Document:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    source = _Source(text)
    if len(text) > MAX_DOCUMENT_CHARS:
        problems.append(Problem(
            source.line_of(MAX_DOCUMENT_CHARS), "",
            f"the document is longer than {MAX_DOCUMENT_CHARS:,} characters; only that "
            "much was read. Split it into several files.",
        ))
        text = text[:MAX_DOCUMENT_CHARS]
        source = _Source(text)
    before = len(problems)
    front, body_start = _read_front_matter(source, problems)
    front_unreadable = any(p.severity == "error" for p in problems[before:])
    scan = _BodyScanner(source, problems)
    scan.run(body_start)
    statements = _number_derivations(scan.statements, scan.boundaries)
    if len(problems) > MAX_PROBLEMS:
        left_out = len(problems) - MAX_PROBLEMS
        last = problems[MAX_PROBLEMS]
        problems[MAX_PROBLEMS:] = [Problem(
            last.line, "", f"{left_out} more problems from here on are not listed; "
                           "fix the ones above first", last.severity)]
    title = front.title or scan.first_heading or (Path(path).stem if path else "untitled")
    return Document(path, title, front, statements, problems, front_unreadable)


class _Source:
    """The text with a fast offset -> line lookup."""

    def __init__(self, text: str):
        self.text = text
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def line_start(self, line: int) -> int:
        return 0 if line <= 1 else self._newlines[line - 2] + 1

    def line_text(self, line: int) -> str:
        start = self.line_start(line)
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]


def _shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _number_derivations(statements: list[tuple[int, Statement]],
                        boundaries: list[int]) -> list[Statement]:
    """Number derivations densely: a boundary with no statement before it starts none."""
    numbered: list[Statement] = []
    seen: dict[int, int] = {}
    for offset, statement in statements:
        raw = bisect.bisect_right(boundaries, offset)
        index = seen.setdefault(raw, len(seen))
        numbered.append(replace(statement, derivation=index))
    return numbered


# --- front matter --------------------------------------------------------------------

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _read_front_matter(source: _Source, problems: list[Problem]) -> tuple[FrontMatter, int]:
    """The front matter and the offset where the body starts."""
    text = source.text
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return FrontMatter(), 0
    closing = _FRONT_CLOSE.search(text, opening.end())
    if not closing:
        problems.append(Problem(
            1, "---",
            "the front matter opened on line 1 is never closed: end it with a line "
            "`---`, or remove line 1 if it is meant as a horizontal rule",
        ))
        return FrontMatter(), 0
    yaml_text = text[opening.end() : closing.start()]
    body_start = closing.end() + 1
    reader = _FrontMatterReader(source, problems)
    return reader.read(yaml_text), body_start


class _FrontMatterReader:
    """Checks each key's shape, with the line of anything wrong."""

    FIRST_LINE = 2  # the YAML text starts on the line after the opening `---`

    def __init__(self, source: _Source, problems: list[Problem]):
        self.source = source
        self.problems = problems

    def problem(self, node: yaml.Node | None, reason: str, severity: str = "error") -> None:
        line = self.FIRST_LINE + (node.start_mark.line if node is not None else 0)
        self.problems.append(
            Problem(line, _shorten(self.source.line_text(line)), reason, severity))

    def read(self, yaml_text: str) -> FrontMatter:
        if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
            self.problems.append(Problem(
                self.FIRST_LINE, "", f"the front matter is longer than "
                f"{MAX_FRONT_MATTER_CHARS:,} characters and was not read; move long "
                "material into the document's body"))
            return FrontMatter()
        loader = None
        try:
            loader = yaml.SafeLoader(yaml_text)    # refuses control characters at once
            node = loader.get_single_node()
            if node is not None:
                _check_expanded_size(node)
            data = loader.construct_document(node) if node is not None else None
        except Exception as error:  # noqa: BLE001 - any failure of the YAML parser on user text
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = self.FIRST_LINE + (mark.line if mark is not None else 0)
            what = getattr(error, "problem", None) or str(error).splitlines()[0]
            self.problems.append(Problem(
                line, _shorten(self.source.line_text(line)),
                f"the front matter is not valid YAML ({what}). LaTeX in double quotes "
                "needs every backslash doubled: write it unquoted or in single quotes "
                "('f = \\sigma(q)'), and quote entries holding ': ' or ' #'",
            ))
            return FrontMatter()
        finally:
            if loader is not None:
                loader.dispose()
        if data is None:
            return FrontMatter()
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            self.problem(node, "the front matter must be a mapping of keys such as "
                               "`title:` and `given:`, one per line")
            return FrontMatter()
        nodes = _mapping_nodes(node)
        fields: dict = {"extra": {}}
        for key, value in data.items():
            key_node, value_node = nodes.get(key, (node, node)) if isinstance(key, str) else (
                node, node)
            if not isinstance(key, str):
                self.problem(node, f"front-matter key {key!r} is not a name; write it in "
                                   "quotes if it is meant as one")
                continue
            reader = getattr(self, f"_read_{key}", None)
            if reader is not None:
                reader(value, value_node, fields)
                continue
            fields["extra"][key] = value
            if key not in METADATA_KEYS:
                close = difflib.get_close_matches(key, FRONT_MATTER_KEYS, n=1)
                hint = f"did you mean `{close[0]}`?" if close else (
                    "derivcheck reads " + ", ".join(f"`{k}`" for k in FRONT_MATTER_KEYS))
                self.problem(key_node, f"unknown front-matter key `{key}` is ignored; {hint}",
                             "warning")
        return FrontMatter(**fields)

    def _read_title(self, value, node, fields) -> None:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            fields["title"] = str(value)
        else:
            self.problem(node, "`title` must be one line of text")

    def _read_given(self, value, node, fields) -> None:
        if isinstance(value, dict):
            value, items = [value], [node]
        elif isinstance(value, list):
            items = node.value
        else:
            self.problem(node, "`given` must be a list of definitions, one per line: "
                               "`- f = \\sigma(q)`")
            return
        given, lines = [], []
        items = items if len(items) == len(value) else [node] * len(value)
        for entry, entry_node in zip(value, items, strict=True):
            line = self.FIRST_LINE + entry_node.start_mark.line
            if isinstance(entry, str) and entry.strip():
                given.append(entry.strip())
                lines.append(line)
            elif isinstance(entry, dict) and entry:
                for name, expr in entry.items():
                    if isinstance(name, str) and _is_scalar(expr):
                        given.append(f"{name} = {expr}")
                        lines.append(line)
                    else:
                        self.problem(entry_node, "a `given` mapping must be `name: expression`")
            else:
                self.problem(entry_node, "each `given` entry must be LaTeX text such as "
                                         "`f = \\sigma(q)`, or a mapping `{f: \\sigma(q)}`")
        fields["given"], fields["given_lines"] = given, lines

    def _read_shapes(self, value, node, fields) -> None:
        if not isinstance(value, dict):
            self.problem(node, "`shapes` must map names to dimension lists: "
                               "`shapes: {x: [1, D_x], W_1: [D_x, D_h]}`")
            return
        shapes: dict[str, list] = {}
        nodes = _mapping_nodes(node)
        for name, dims in value.items():
            dims_node = nodes.get(name, (node, node))[1]
            if isinstance(name, str) and isinstance(dims, list) and all(
                    _is_dimension(d) for d in dims):
                shapes[name] = list(dims)
            else:
                self.problem(dims_node, f"the shape of `{name}` must be a list of sizes, "
                                        "each a positive integer or a name: `[1, D_x]`")
        fields["shapes"] = shapes

    def _read_conventions(self, value, node, fields) -> None:
        # The keys and values are checked where they are used (the context), which
        # warns about unknown ones; here only the shape.
        if isinstance(value, dict):
            fields["conventions"] = value
        else:
            self.problem(node, "`conventions` must be a mapping: `conventions: {log: natural}`")

    def _read_values(self, value, node, fields) -> None:
        if not isinstance(value, dict):
            self.problem(node, "`values` must map names to numbers: "
                               "`values: {w_0: 0.5, x_1: 2}`")
            return
        values: dict[str, float | str] = {}
        nodes = _mapping_nodes(node)
        for name, number in value.items():
            number_node = nodes.get(name, (node, node))[1]
            if not isinstance(name, str) or not _is_scalar(number):
                self.problem(number_node, f"the value of `{name}` must be a number, "
                                          "or LaTeX text such as `\\frac{1}{2}`")
            elif isinstance(number, int | float) or _NUMBER.fullmatch(number.strip()):
                # YAML reads 1e-8 (no dot) as text; it is a number all the same.
                finite = _finite(number.strip() if isinstance(number, str) else number)
                if finite is None:
                    self.problem(number_node, f"the value of `{name}` must be a finite "
                                              f"number within the float range, not {number}")
                else:
                    values[name] = finite
            else:
                values[name] = number.strip()
        fields["values"] = values


# The front matter's YAML, with its aliases expanded, has at most this many nodes: a
# "billion laughs" alias bomb is refused before it is built. A recursive alias is refused.
MAX_FRONT_MATTER_NODES = 20_000
MAX_FRONT_MATTER_CHARS = 200_000


def _check_expanded_size(root: yaml.Node) -> None:
    """Refuse YAML whose aliases expand past MAX_FRONT_MATTER_NODES, or refer to themselves.

    Raises:
        yaml.YAMLError: with the reason, reported as the front matter's problem.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise yaml.YAMLError("an alias refers to the entry that contains it (a recursive "
                                 "alias); write the entry out")
        open_nodes.add(key)
        children = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        total = 1
        for child in children:
            total += size(child)
            if total > MAX_FRONT_MATTER_NODES:
                raise yaml.YAMLError(f"the front matter expands to more than "
                                     f"{MAX_FRONT_MATTER_NODES:,} entries (aliases repeated "
                                     "inside aliases?)")
        open_nodes.discard(key)
        sizes[key] = total
        return total

    size(root)


def _mapping_nodes(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Key text -> (key node, value node), for the line of each entry."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value
            if isinstance(key, yaml.ScalarNode)}


def _finite(number: int | float | str) -> float | None:
    try:
        value = float(number)
    except (OverflowError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _is_scalar(value: object) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _is_dimension(value: object) -> bool:
    if isinstance(value, bool):
        return False
    return (isinstance(value, int) and value >= 1) or (isinstance(value, str)
                                                        and bool(value.strip()))


# --- the body: math blocks, headings, rules ------------------------------------------

_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_RULE = re.compile(r"[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"[ ]{0,3}=+[ \t]*$")
_PROSE_STOP = re.compile(r"[\\$`\n]")
_BEGIN = re.compile(r"\\begin[ \t]*\{([^{}\n]*)\}")
_BLANK_LINE = r"\n[^\S\n]*\n"


@functools.lru_cache(maxsize=64)
def _closer_pattern(closer: str) -> re.Pattern:
    """The closer, an escape to step over, or a blank line (math never crosses one)."""
    return re.compile(f"({re.escape(closer)})|\\\\.|{_BLANK_LINE}", re.S)


_CLOSERS_BY_OPENER = {
    "$$": _closer_pattern("$$"),
    "$": _closer_pattern("$"),
    "\\[": _closer_pattern("\\]"),
    "\\(": _closer_pattern("\\)"),
}


class _BodyScanner:
    """Walks the prose, finds math spans and derivation boundaries, and cuts statements."""

    def __init__(self, source: _Source, problems: list[Problem]):
        self.source = source
        self.text = source.text
        self.problems = problems
        self.statements: list[tuple[int, Statement]] = []  # (offset, statement)
        self.boundaries: list[int] = []
        self.first_heading: str | None = None
        self.blocks = 0
        # Where a search for a closer already failed: (from, to) per closer. A later
        # opener inside that stretch cannot find one either, so reading stays linear
        # however many unclosed delimiters OCR leaves in one paragraph.
        self._no_closer: dict[re.Pattern, tuple[int, int]] = {}
        self._assumption: int | None = None    # where math set by "setting …" began
        self._backtick_runs: dict[int, dict[int, list[int]]] = {}

    def run(self, pos: int) -> None:
        text, n = self.text, len(self.text)
        while pos < n:
            if pos == 0 or text[pos - 1] == "\n":
                pos = self._line_start(pos)
                if pos >= n:
                    break
            stop = _PROSE_STOP.search(text, pos)
            if not stop:
                break
            pos = stop.start()
            char = text[pos]
            if char == "\n":
                pos += 1
            elif char == "`":
                pos = self._skip_code_span(pos)
            elif char == "$":
                opener = "$$" if text.startswith("$$", pos) else "$"
                pos = self._math(pos, opener, pos + len(opener))
            else:
                pos = self._backslash(pos)

    def _line_start(self, pos: int) -> int:
        """Handle what only happens at the start of a prose line; return where to go on."""
        text = self.text
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if fence := _FENCE.match(line):
            return self._skip_fence(pos, end, fence.group(1))
        if heading := _HEADING.match(line):
            self.boundaries.append(pos)
            if self.first_heading is None and heading.group(2):
                self.first_heading = heading.group(2).rstrip("#").strip() or None
            return pos  # a heading's own text may still hold math
        if (case := _PLAIN_CASE.search(line)) is not None \
                and {case.group(1), case.group(3)} <= INDEX_LETTERS:
            # `Case 2 (off-diagonal, k ≠ j):`, typed without math: the case of the next block
            relation = "=" if case.group(2) == "=" else "\\neq"
            self._cut(f"{case.group(1)} {relation} {case.group(3)}", pos + case.start(),
                      inline=True, for_next=True)
        if _RULE.match(line) or (_SETEXT.match(line) and self._previous_line_is_text(pos)):
            self.boundaries.append(pos)
            if self.first_heading is None and _SETEXT.match(line):
                self.first_heading = self._previous_line(pos).strip() or None
            return end + 1
        return pos

    def _previous_line(self, pos: int) -> str:
        start = self.text.rfind("\n", 0, max(pos - 1, 0)) + 1
        return self.text[start : max(pos - 1, 0)]

    def _previous_line_is_text(self, pos: int) -> bool:
        return pos > 0 and bool(self._previous_line(pos).strip())

    def _skip_fence(self, pos: int, end: int, fence: str) -> int:
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        found = closing.search(self.text, end + 1) if end < len(self.text) else None
        if found:
            return found.end() + 1
        line = self.source.line_of(pos)
        self.problems.append(Problem(
            line, _shorten(self.source.line_text(line)),
            "this code fence is never closed, so the rest of the document is read as "
            f"code; close it with a line `{fence}`",
            "warning",
        ))
        return len(self.text)

    def _skip_code_span(self, pos: int) -> int:
        """Step over `code` closed on the same line by a run of as many backticks."""
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        runs = self._backtick_runs.get(line_start)
        if runs is None:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            runs = {}
            for run in re.finditer(r"`+", text[line_start:end]):
                runs.setdefault(len(run.group()), []).append(line_start + run.start())
            self._backtick_runs[line_start] = runs
        length = len(re.compile(r"`+").match(text, pos).group())
        starts = runs.get(length, [])
        after = bisect.bisect_right(starts, pos)
        return starts[after] + length if after < len(starts) else pos + length

    def _backslash(self, pos: int) -> int:
        text = self.text
        nxt = text[pos + 1 : pos + 2]
        if nxt in ("[", "("):
            return self._math(pos, "\\" + nxt, pos + 2)
        if nxt == "b" and (begin := _BEGIN.match(text, pos)):
            if begin.group(1).strip() in DISPLAY_ENVIRONMENTS:
                return self._math(pos, begin.group(), begin.end())
        return pos + 2  # an escape such as \$ or \\

    def _math(self, pos: int, opener: str, content_start: int) -> int:
        """Read one math span opened at `pos`; return where prose resumes."""
        inline = opener in ("$", "\\(")
        if opener.startswith(BEGIN):
            name = _BEGIN.match(opener).group(1).strip()
            pattern = _closer_pattern(f"\\end{{{name}}}")
        else:
            pattern = _CLOSERS_BY_OPENER[opener]
        failed_from, failed_to = self._no_closer.get(pattern, (0, 0))
        if not failed_from <= content_start < failed_to:
            for match in pattern.finditer(self.text, content_start):
                if match.group(1) is not None:
                    content = self.text[content_start : match.start()]
                    if not inline or has_relation(content) or _IN_REALS.search(content) or (
                            _INDEX_CASE.fullmatch(content) and (self._in_heading(pos) or (
                                _CONDITIONED.search(self.text, max(pos - 24, 0), pos))
                                or _NEXT_CASE.search(self.text, max(pos - 40, 0), pos))):
                        conditional = inline and (
                            _CONDITIONAL.match(self.text, match.end())
                            or _CONDITIONED.search(self.text, max(pos - 24, 0), pos))
                        assumed = inline and self._assumed(pos)
                        introduced = not inline and self._introduced(pos)
                        self._cut(content, content_start, inline, bool(conditional),
                                  assumed, introduced=introduced)
                    return match.end()
                if match.group().startswith("\n"):
                    self._no_closer[pattern] = (content_start, match.start())
                    break  # a blank line: the span is not closed
            else:
                self._no_closer[pattern] = (content_start, len(self.text))
        self._unclosed(pos, opener, inline)
        return content_start

    def _assumed(self, pos: int) -> bool:
        """Whether inline math at `pos` is set, not claimed: right after "setting" (or
        "assuming", "solving"), or later in a sentence whose math began so."""
        if _ASSUMING.search(self.text, max(pos - 24, 0), pos):
            self._assumption = pos
            return True
        start = self._assumption
        if start is None:
            return False
        between = self.text[start:pos]
        if re.search(r"[.!?](?:\s|$)|\n\s*\n", between):
            self._assumption = None
            return False
        return True

    def _in_heading(self, pos: int) -> bool:
        """`### When $j \\neq i$`: whether the math at `pos` is in a heading."""
        return self.source.line_text(self.source.line_of(pos)).lstrip().startswith("#")

    def _unclosed(self, pos: int, opener: str, inline: bool) -> None:
        line = self.source.line_of(pos)
        fragment = _shorten(self.text[pos : pos + 60])
        closer = {"$$": "$$", "$": "$", "\\[": "\\]", "\\(": "\\)"}.get(
            opener, opener.replace(BEGIN, END))
        if inline:
            self.problems.append(Problem(
                line, fragment,
                f"`{opener}` is not closed within its paragraph, so it is read as text; "
                f"close the math with `{closer}`, or write a dollar sign as `\\$`",
                "warning",
            ))
        else:
            self.problems.append(Problem(
                line, fragment,
                f"`{opener}` is not closed before the paragraph ends (a blank line or the "
                f"end of the document), so this math was not read; close it with "
                f"`{closer}`, or remove the `{opener}` if it was meant to close a block "
                "whose opening is missing",
            ))

    def _cut(self, content: str, offset: int, inline: bool = False,
             conditional: bool = False, assumed: bool = False, for_next: bool = False,
             introduced: bool = False) -> None:
        block = self.blocks
        self.blocks += 1
        for start, text in split_statements(operator_rows_joined(content), offset):
            line = self.source.line_of(start)
            self.statements.append((start, Statement(line, text, block, inline=inline,
                                                     conditional=conditional,
                                                     assumed=assumed, for_next=for_next,
                                                     introduced=introduced)))

    def _introduced(self, pos: int) -> bool:
        """Whether the sentence right before a display at `pos` introduces it as a
        definition ("… is given by the quadratic form", "Let", "we define")."""
        before = self.text[max(pos - 160, 0) : pos]
        sentence = re.split(r"[.!?:](?:\s|$)|\n\s*\n(?=\S)", before.rstrip())[-1]
        return bool(_INTRODUCING.search(sentence))


# --- statements within a math block --------------------------------------------------

_TOKEN = re.compile(r"\\\\|\\[A-Za-z]+|\\.|\s+|.", re.S)
_OPENERS = frozenset({"{", "(", "[", "\\{"})
_CLOSERS = frozenset({"}", ")", "]", "\\}"})
_DELIMITER = re.compile(r"\s*(?:\\[A-Za-z]+|\\.|.)", re.S)
_ENVIRONMENT = re.compile(r"\s*\{([^{}]*)\}")
_BREAK_SPACING = re.compile(r"\s*\[\s*-?[\d.]+\s*[a-z]{2}\s*\]")  # \\[2pt]
_SPACING = frozenset({r"\quad", r"\qquad", r"\;", r"\,", r"\:", r"\!", "\\ ", "~"})
_SEPARATING_SPACING = frozenset({r"\quad", r"\qquad", r"\;", "~", "\\ "})   # `i = j,~f = …`
_CONDITION = re.compile(r"\{\s*,?\s*(" + "|".join(sorted(CONDITION_WORDS)) + r")\s*\}")
_CONNECTIVE = re.compile(r"\{\s*(?:" + "|".join(map(re.escape, CONNECTIVES)) + r")\s*\}")


@dataclass
class _Segment:
    """Text between two soft commas: chunks with their source offsets."""

    chunks: list[tuple[int, str]] = field(default_factory=list)
    relation: bool = False


_ALIGNED_ROW = re.compile(
    r"\s*(?P<head>.*?)&\s*=(?P<value>.*?)&\s*&?\s*(?P<condition>(?:\\(?:text|textrm|mbox)\s*\{"
    r"\s*)?(?:if|otherwise|else|for|when)\b.*)", re.S)


def _aligned_cases(content: str) -> tuple[int, str] | None:
    r"""`f(z) &= z &&\text{if } z > 0 \\ &= \alpha z &&\text{otherwise}`: rows aligned at `=`,
    each with its condition, are one piecewise definition (a `cases` environment); cut
    apart, each row would read as holding everywhere. (Where it starts, the statement),
    or None.

        >>> _aligned_cases(r"f &= z && \text{if } z > 0 \\ &= 0 && \text{otherwise}")[1]
        'f = \\begin{cases} z & \\text{if } z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}'
    """
    start, inner = alignment_inside(content) or (0, content)
    rows = [row for row in re.split(r"\\\\(?:\s*\[[^\]]*\])?", inner) if row.strip()]
    if len(rows) < 2 or any(BEGIN in row for row in rows):
        return None
    matched = [_ALIGNED_ROW.fullmatch(row) for row in rows]
    if not all(matched) or not matched[0].group("head").strip() \
            or any(m.group("head").strip() for m in matched[1:]):
        return None
    branches = " \\\\ ".join(f"{_unspaced(m.group('value'))} & {m.group('condition').strip()}"
                                for m in matched)
    text = f"{matched[0].group('head').strip()} = {BEGIN_CASES} {branches} \\end{{cases}}"
    return start + len(inner) - len(inner.lstrip()), text


_CONDITIONED_ROW = re.compile(
    r"\s*(?P<head>[^=&]+?)\s*&?=(?P<value>.*?)(?:\\q?quad|\\[,;:]|~|,)\s*"
    r"\((?P<condition>[^()]*?(?:[<>]|\\le|\\ge|\\neq|\\ne)[^()]*)\)\s*", re.S)


def _conditioned_rows(content: str) -> str | None:
    r"""`y = x \quad (x > 0) \\ y = 0 \quad (x \le 0)`: rows of one name, each with its
    condition in parentheses after a space, are one piecewise statement; cut apart, each
    row would read as holding everywhere. The statement, or None.

        >>> _conditioned_rows(r"y=x\quad (x>0)\\ y=0\quad (x\le 0)")
        'y = \\begin{cases} x & x>0 \\\\ 0 & x\\le 0 \\end{cases}'
    """
    rows = [row for row in re.split(r"\\\\", content) if row.strip()]
    matched = [_CONDITIONED_ROW.fullmatch(row) for row in rows]
    if len(rows) < 2 or not all(matched) \
            or len({m.group("head").strip() for m in matched}) != 1:
        return None
    branches = " \\\\ ".join(f"{m.group('value').strip()} & {m.group('condition').strip()}"
                               for m in matched)
    return f"{matched[0].group('head').strip()} = {BEGIN_CASES} {branches} \\end{{cases}}"


def _unspaced(value: str) -> str:
    """A value with the spacing written to align its condition dropped: `z \\ \\ ` -> `z`."""
    return re.sub(r"(?:\\[ ,;:!]|\\q?quad|~|\s)+$", "", value).strip()


def split_statements(content: str, offset: int = 0) -> list[tuple[int, str]]:
    r"""Cut one math block into relation chains: (source offset, text) each.

    At the top level (outside braces, brackets, parentheses, `\left…\right` and
    environments other than the alignment ones) a statement ends at `\\`, at `,` or `;`
    followed by `\quad`, `\qquad`, `\;` or the end, and at `, ` when the text on both
    sides holds a relation (`w_0 = 1, w_1 = 2`), and so at `\quad` and `\qquad` (not before
    a relation). Alignment `&` and labels are dropped.

        >>> [t for _, t in split_statements(r"a &= b \\ c &= d, \quad e = f")]
        ['a = b', 'c = d', 'e = f']
    """
    content = unbraced(content)      # {y = … \quad (i = 1, …, n)}: braces print nothing
    content = wide_spaces_as_quads(content)     # … \hspace{2cm} z = \theta^T x
    content = _TRAILING_QUANTIFIER.sub("", content)     # x_i = x^i \ (\forall i)
    system = _SYSTEM.fullmatch(content)
    rows = split_statements(system.group("rows"), offset + system.start("rows")) \
        if system is not None else []
    heads = [_SYSTEM_HEAD.match(text) for _, text in rows]
    if rows and all(heads) and len({h.group(1).replace(" ", "") for h in heads}) == len(rows):
        # \left\{ \begin{array}{l} A = … \\ B = … \end{array} \right.: a name defined per
        # row (a system to solve, 2a + b = 5, states no claim: it stays unread)
        return rows
    cases = _aligned_cases(content)
    if cases is not None:
        return [(offset + cases[0], cases[1])]
    conditioned = _conditioned_rows(content)
    if conditioned is not None:
        return [(offset + len(content) - len(content.lstrip()), conditioned)]
    pieces: list[list[_Segment]] = [[_Segment()]]
    decimals = decimal_commas(content)      # y = 2 + 0,5: a decimal, not two statements
    depth = 0
    environments: list[tuple[str, bool]] = []  # (name, is alignment)
    opaque = 0  # environments on the stack that are one piece of a statement
    pos, n = 0, len(content)

    def emit(at: int, text: str, relation: bool = False) -> None:
        segment = pieces[-1][-1]
        segment.chunks.append((offset + at, text))
        segment.relation = segment.relation or relation

    while pos < n:
        token = _TOKEN.match(content, pos).group()
        end = pos + len(token)
        top = depth == 0 and opaque == 0
        if token == "\\\\":
            if top:
                pieces.append([_Segment()])
                skip = _BREAK_SPACING.match(content, end)
                end = skip.end() if skip else end
            else:
                emit(pos, token)
        elif token in (r"\left", r"\right"):
            delimiter = _DELIMITER.match(content, end)
            end = delimiter.end() if delimiter else end
            depth = depth + 1 if token == r"\left" else max(depth - 1, 0)
            emit(pos, content[pos:end])
        elif token in (BEGIN, END):
            env = _ENVIRONMENT.match(content, end)
            name = env.group(1).strip() if env else ""
            end = env.end() if env else end
            if token == BEGIN:
                alignment = top and name in ALIGNMENT_ENVIRONMENTS
                environments.append((name, alignment))
                opaque += not alignment
                if not alignment:
                    emit(pos, content[pos:end])
                elif name.startswith("alignat"):
                    argument = _ENVIRONMENT.match(content, end)
                    end = argument.end() if argument else end
            else:
                alignment = False
                for i in range(len(environments) - 1, -1, -1):
                    if environments[i][0] == name:
                        alignment = environments[i][1]
                        opaque -= not alignment
                        del environments[i:]
                        break
                if not alignment:
                    emit(pos, content[pos:end])
        elif token in EQUATION_MARKS:
            pass
        elif token in EQUATION_MARKS_WITH_ARGUMENT:
            if content.startswith("*", end):
                end += 1
            argument = _ENVIRONMENT.match(content, end)
            end = argument.end() if argument else end
        elif token in _OPENERS:
            depth += 1
            emit(pos, token)
        elif token in _CLOSERS:
            depth = max(depth - 1, 0)
            emit(pos, token)
        elif token == "&" and top:
            emit(pos, " ")
        elif token in PROSE and top and _CONDITION.match(content, end):
            # `f = max(z, k z) \text{, where } 0 < k < 1`: the condition is a statement of its
            # own, opened by its word
            word = _CONDITION.match(content, end)
            pieces.append([_Segment()])
            emit(pos, word.group(1) + " ")
            end = word.end()
        elif token in PROSE and top and _CONNECTIVE.match(content, end):
            # `a = 1 \; \textrm{and} \; b = 1`: two statements, when both hold a relation
            end = _CONNECTIVE.match(content, end).end()
            pieces[-1].append(_Segment())
            pieces[-1][-1].chunks.append((offset + pos, content[pos:end]))
        elif token in WIDE_SPACES and top and _QUANTIFIED_CASE.match(
                content, _skip_spacing(content, end)) and any(
                segment.relation for segment in pieces[-1]):
            pieces.append([_Segment()])   # `… = -s_i s_j \quad \forall j \neq i`: the case
        elif token in WIDE_SPACES and top \
                and _next_token(content, _skip_spacing(content, end)) not in RELATIONS \
                and _last_token(pieces[-1][-1]) not in RELATIONS \
                or token in WIDE_SPACES and top \
                and _RANGE_IN_PARENTHESES.match(content, _skip_spacing(content, end)):
            # `y_i = … \quad (i = 1, 2, \ldots, n)`: the range is a statement of its own
            # `\mu_B = … \qquad \sigma_B^2 = …`: two statements, when both hold a relation
            pieces[-1].append(_Segment())
            pieces[-1][-1].chunks.append((offset + pos, token))
            pieces[-1][-1].relation = bool(_RANGE_IN_PARENTHESES.match(
                content, _skip_spacing(content, end)))
        elif token in (",", ";") and top and pos not in decimals:
            rest = _skip_spacing(content, end)
            following = content[end:rest]
            if rest >= n or any(s in following for s in _SEPARATING_SPACING):
                pieces.append([_Segment()])
                end = rest
            elif token == "," and end < n:
                pieces[-1].append(_Segment())
                pieces[-1][-1].chunks.append((offset + pos, token))  # the soft comma
            else:
                emit(pos, token)
        else:
            emit(pos, token, top and (token in STATEMENT_RELATIONS))
        pos = end

    statements: list[tuple[int, str]] = []
    for piece in pieces:
        statements.extend(_join_soft_commas(piece))
    return statements


def _skip_spacing(content: str, pos: int) -> int:
    while pos < len(content):
        token = _TOKEN.match(content, pos).group()
        if token.isspace() or token in _SPACING:
            pos += len(token)
        else:
            break
    return pos


def _next_token(content: str, pos: int) -> str:
    """The token at `pos` ("" at the end)."""
    found = _TOKEN.match(content, pos)
    return found.group() if found else ""


def _last_token(segment: _Segment) -> str:
    """The last token of a segment that is not spacing ("" for none)."""
    chunks = [text for _, text in segment.chunks if not (text.isspace() or text in _SPACING)]
    return chunks[-1].strip() if chunks else ""


def _join_soft_commas(segments: list[_Segment]) -> list[tuple[int, str]]:
    """Split at a soft comma only when both sides hold a relation."""
    out: list[tuple[int, str]] = []
    current: list[tuple[int, str]] = list(segments[0].chunks)
    current_relation = segments[0].relation
    for segment in segments[1:]:
        if current_relation and segment.relation:
            out.extend(_finish(current))
            current = list(segment.chunks[1:])  # drop the comma
            current_relation = segment.relation
        else:
            current.extend(segment.chunks)
            current_relation = current_relation or segment.relation
    out.extend(_finish(current))
    return out


def _finish(chunks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Trim spacing and trailing punctuation; an empty statement is none."""

    def blank(chunk: str) -> bool:
        return chunk.isspace() or chunk in _SPACING

    start, stop = 0, len(chunks)
    while start < stop and blank(chunks[start][1]):
        start += 1
    while stop > start:
        chunk = chunks[stop - 1][1]
        if blank(chunk) or chunk in (",", ";", "."):
            stop -= 1
        else:
            break
    if start == stop:
        return []
    text = " ".join("".join(chunk for _, chunk in chunks[start:stop]).split())
    return [(chunks[start][0], text)]
