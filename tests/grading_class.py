r"""A class of 21 synthetic students with known grades, for the grading tests.

The derivation is the gradient section of the bundled logistic-regression derivation
(derivations/002, 7 steps, 10 links, all valid). Students:

- three hand it in unchanged: `ann` (a file), `ben` (a folder), `cat` (a file without
  front matter, which needs the reference's setup);
- ten make one known mistake (`symbolic.synthetic`): a sign flip in each of the 7 steps,
  a dropped factor in the 3 steps whose last side is a product; each is named
  `m<line>-<mistake>`: its first wrong step is on that line, 1 of its 10 links is invalid;
- eight hand in nothing checkable: a binary file, prose without math, math that cannot be
  read, front matter that is not YAML, a given that cannot be read, only bindings, an
  empty folder, a folder holding a PDF only.
"""

from __future__ import annotations

from pathlib import Path

from symbolic.synthetic import Mistake, first_section, mutable_blocks, mutate

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "derivations" / "002-logistic-regression-sgd-epochs.md"

EXPECTED_W0 = r"\frac{\partial L}{\partial w_0} = (f - y) x_1"
EXPECTED_FQ = r"\frac{\partial f}{\partial q} = f (1 - f)"

UNREADABLE = {
    "binary": "a binary file",
    "prose": "no math to check",
    "garbled": "all unparseable",
    "badyaml": "the front matter (setup) could not be read",
    "badgiven": "the setup (given definitions) could not be read",
    "bindings": "no claim to check",
    "emptydir": "no document to check",
    "pdfonly": "no document to check",
}


def base_text() -> str:
    """The derivation every student starts from."""
    return first_section(SOURCE.read_text(encoding="utf-8"))


def body_only(text: str) -> str:
    return text.split("---\n", 2)[2]


def reference_text(expected: list[str] | None = None) -> str:
    """The base with an `expected:` list in its front matter."""
    lines = "".join(f"  - '{claim}'\n" for claim in (expected or [EXPECTED_W0, EXPECTED_FQ]))
    return base_text().replace("shapes: {}\n", f"shapes: {{}}\nexpected:\n{lines}", 1)


def make_class(folder: Path) -> dict[str, tuple[int, Mistake] | None]:
    """Write the class into `folder`; student id -> (line, mistake) of its mistake, or None
    for a correct one. Unreadable students are in `UNREADABLE`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = base_text()
    known: dict[str, tuple[int, Mistake] | None] = {"ann": None, "ben": None, "cat": None}
    (folder / "ann.md").write_text(text, encoding="utf-8")
    (folder / "ben").mkdir()
    (folder / "ben" / "homework.md").write_text(text, encoding="utf-8")
    (folder / "ben" / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0not read")
    (folder / "cat.md").write_text(body_only(text), encoding="utf-8")
    for block in range(len(mutable_blocks(text))):
        for mistake in Mistake:
            made = mutate(text, block, mistake)
            if made is not None:
                wrong, mutation = made
                student = f"m{mutation.line}-{mistake}"
                (folder / f"{student}.md").write_text(wrong, encoding="utf-8")
                known[student] = (mutation.line, mistake)
    front = text[: text.index("---\n", 4) + 4]
    (folder / "binary.md").write_bytes(b"%PDF-1.4\n\x00\x01\x02 binary")
    (folder / "prose.md").write_text("I did the gradient on paper, see attached.\n",
                                     encoding="utf-8")
    (folder / "garbled.md").write_text(
        front + "$$\\frac{\\partial L}{\\partial w_0} = \\frac{(f - y}{ x_1$$\n\n"
                "$$\\frac{\\partial f}{\\partial q} = \\sqrt[}{f$$\n", encoding="utf-8")
    (folder / "badyaml.md").write_text("---\ngiven: [f = \\sigma(q)\n---\n"
                                       + body_only(text), encoding="utf-8")
    (folder / "badgiven.md").write_text(
        text.replace("'f = \\sigma(q)'", "'f = \\sigma((q'", 1), encoding="utf-8")
    (folder / "bindings.md").write_text("$$w_0 = 0.5$$\n\n$$w_1 = 2$$\n", encoding="utf-8")
    (folder / "emptydir").mkdir()
    (folder / "pdfonly").mkdir()
    (folder / "pdfonly" / "answers.pdf").write_bytes(b"%PDF-1.4\n\x00")
    return known
