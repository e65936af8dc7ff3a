"""The shape of the package: no import cycles, one vocabulary, one builder, new notation in
one place (a new activation is one class)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "symbolic"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules a module imports, anywhere in it but under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text())
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and getattr(node.test, "id", "") == "TYPE_CHECKING"
                   for stmt in node.body for n in ast.walk(stmt)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in modules else node.module)
    return {name for name in found if name in modules}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {name: _imports(path, modules) - {name} for name, path in paths.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


def test_the_package_has_no_import_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_the_notation_reader_does_not_import_the_context():
    graph = _graph()
    for name, imported in graph.items():
        if name.startswith("symbolic.notation"):
            assert not any(m in ("symbolic.context", "symbolic.claims", "symbolic.checker")
                           for m in imported), name


# Spellings live in the vocabulary (and a function's on its class); a stage that writes its
# own table of them is drifting again.
SPELLINGS = {r"\sigma", r"\operatorname", r"\approx", r"\mathbf", "softmax", "ReLU", "cases",
             "bmatrix", r"\frac", r"\sum", r"\begin", r"\cdot", r"\odot", r"\Rightarrow"}
# Modules that write LaTeX (export, printing, tests' helpers) rather than read it.
WRITERS = {"vocabulary.py", "functions.py", "export.py", "networks.py", "losses.py",
           "gradients.py", "testing.py", "rewrite.py", "html_report.py", "display.py",
           "derivatives.py", "grad.py", "synthetic.py"}


def _string_constants(path: Path) -> set[str]:
    """String literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text())
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings}


def test_spellings_live_in_the_vocabulary():
    offenders = [f"{path.name}: {text}" for path in PACKAGE.rglob("*.py")
                 if path.name not in WRITERS
                 for text in sorted(_string_constants(path) & SPELLINGS)]
    assert offenders == []


NEW_ACTIVATION = textwrap.dedent(r'''
    import mpmath, numpy as np
    from sympy import exp
    from symbolic.functions import MLFunction, Sigmoid
    from symbolic import check_claim

    class SiLU(MLFunction):
        """SiLU(x) = x σ(x), defined in a test: one class, nothing else."""
        nargs = 1
        latex_name = r"\operatorname{SiLU}"
        spellings = ("silu", "swish")

        def fdiff(self, argindex=1):
            x = self.args[0]
            return Sigmoid(x) * (1 + x * (1 - Sigmoid(x)))

        def _eval_rewrite_as_exp(self, x, **kwargs):
            return x / (1 + exp(-x))

        numpy_function = staticmethod(lambda x: np.asarray(x, float) / (1 + np.exp(-x)))
        mpmath_function = staticmethod(lambda x: mpmath.mpf(x) / (1 + mpmath.exp(-x)))

    read = check_claim(r"\operatorname{SiLU}(z) = z \sigma(z)")
    derived = check_claim(r"\frac{d}{dz} \operatorname{swish}(z) = "
                          r"\sigma(z) + z \sigma(z)(1 - \sigma(z))")
    diagnosed = check_claim(r"\frac{d}{du} \operatorname{SiLU}(u) = \operatorname{SiLU}(u)")
    print(read.verdict, derived.verdict, diagnosed.verdict, diagnosed.links[0].diagnosis_kind)
''')


def test_a_new_activation_is_one_class():
    # checked in this process: a class defined in a script is not in the worker processes
    # (a project's own functions go in a module the workers import, see docs/api.md)
    env = {**os.environ, "DERIVCHECK_ISOLATION": "off"}
    done = subprocess.run([sys.executable, "-c", NEW_ACTIVATION], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["valid", "valid", "invalid", "sigma-prime"]
