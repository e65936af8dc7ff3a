"""The code base stays ruff-clean and never evaluates input text as Python."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from symbolic import ParseError, check_claim
from symbolic.notation import parse_side

ROOT = Path(__file__).parent.parent

# Calls that turn text into code. sympify is allowed only where its argument is already a
# SymPy object, at the call sites listed here.
BANNED = [re.compile(p) for p in (r"parse_expr\(", r"(?<![\w.])exec\(",
                                  r"(?<!def )(?<![\w.])eval\(", r"latex2sympy\(")]
SYMPIFY_ALLOWED = {"compare.py": 3, "claims.py": 1}


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    folders = [f for f in ("symbolic", "tests", "benchmarks") if (ROOT / f).is_dir()]
    result = subprocess.run([str(ruff), "check", *folders], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# The path user text travels: LaTeX -> tokens -> tree -> SymPy -> verdict.
TEXT_PATH = ["notation/lexer.py", "notation/parser.py", "notation/chains.py", "notation/build.py",
             "notation/__init__.py", "context.py", "claims.py", "compare.py", "evaluation.py",
             "checker.py", "stepwise.py", "document.py", "commands/check.py", "commands/grad.py",
             "notation/matrix_build.py"]


def test_no_input_text_is_ever_evaluated_as_python():
    for name in TEXT_PATH:
        path = ROOT / "symbolic" / name
        code = [line.split("#")[0] for line in path.read_text().splitlines()]
        for line in code:
            for pattern in BANNED:
                assert not pattern.search(line), f"{path.name}: {line.strip()}"
        uses = sum("sympify(" in line for line in code)
        assert uses <= SYMPIFY_ALLOWED.get(path.name, 0), f"{path.name}: sympify on input?"


@pytest.mark.parametrize(("text", "verdict"), [
    ("__import__('os').system('echo pwned') = 1", "unparseable"),
    (r"\text{__import__('os')}(1) = 1", "valid"),     # prose is layout: (1) = 1 is left
    ("lambda: 1 = 1", "unparseable"),
])
def test_code_in_a_claim_is_only_ever_math(text, verdict):
    assert check_claim(text).verdict == verdict


def test_python_names_are_read_as_letters():
    from symbolic.notation import ast as A
    with pytest.raises(ParseError):
        parse_side("__import__('os')")
    assert isinstance(parse_side("os"), A.BinOp)   # o times s, nothing more
