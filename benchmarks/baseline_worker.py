"""The naive approach, run inside the baseline's own virtualenv (latex2sympy2 + SymPy).

What a user does today without derivcheck, written as plainly as they would:

1. read each given `name = expr` with latex2sympy2, both sides;
2. split the claim into the sides of its relation chain (`=`, `\\approx`);
3. replace each derivative of a name (`\\frac{\\partial L}{\\partial w}`, `\\frac{dJ}{dw}`,
   `\\nabla_w L`, `\\partial L / \\partial w`) by SymPy's `Derivative(L, w)`, both read with
   latex2sympy2 (which reads the operator form `\\frac{d}{dz} ...` by itself);
4. let `\\sigma` be the logistic function, substitute the givens (latest first) until
   nothing changes, and evaluate the derivatives (`doit`);
5. call a link valid when `sympy.simplify(lhs - rhs) == 0`, invalid otherwise.

Protocol: one JSON object per line on stdin ({"id", "claim", "given"}), one per line on
stdout ({"id", "verdict", "ms", "detail"}); the first line out is {"ready": ..., "versions"}.
Anything the libraries print goes to stderr. Verdicts: valid, invalid, unparseable (a
given or the claim could not be read), undecided (the per-claim timeout), error.

Runs under the baseline's Python only; it never imports derivcheck.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from importlib import metadata


class ClaimTimeout(BaseException):
    """Raised by the alarm; a BaseException so library code cannot swallow it."""


class Unparseable(Exception):
    """latex2sympy2 could not read a piece of the input."""


def _on_alarm(signum, frame):
    raise ClaimTimeout()


def matching_brace(text: str, start: int) -> int:
    """Index of the `}` closing the `{` at text[start]."""
    depth = 0
    for pos in range(start, len(text)):
        if text[pos] == "{":
            depth += 1
        elif text[pos] == "}":
            depth -= 1
            if depth == 0:
                return pos
    raise Unparseable(f"unbalanced braces in {text!r}")


def split_relation_chain(text: str) -> list[str]:
    """`a = b \\approx c` -> ["a", "b", "c"], splitting only outside braces and brackets."""
    sides, depth, start, pos = [], 0, 0, 0
    while pos < len(text):
        ch = text[pos]
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif depth == 0 and ch == "=":
            sides.append(text[start:pos])
            start = pos + 1
        elif depth == 0 and text.startswith(r"\approx", pos):
            sides.append(text[start:pos])
            start = pos + len(r"\approx")
            pos = start
            continue
        pos += 1
    sides.append(text[start:])
    return [s.strip() for s in sides]


def _placeholder(n: int) -> str:
    return f"D_{{{9990 + n}}}"


def extract_derivatives(side: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Replace derivatives of a name by placeholders; return (text, [(placeholder, of, wrt)])."""
    found: list[tuple[str, str, str]] = []
    out = side
    pos = 0
    while True:
        pos = out.find(r"\frac{", pos)
        if pos < 0:
            break
        num_open = pos + len(r"\frac")
        num_close = matching_brace(out, num_open)
        if num_close + 1 >= len(out) or out[num_close + 1] != "{":
            pos += 1
            continue
        den_close = matching_brace(out, num_close + 1)
        num = out[num_open + 1 : num_close].strip()
        den = out[num_close + 2 : den_close].strip()
        of = wrt = None
        if num.startswith(r"\partial") and den.startswith(r"\partial"):
            of, wrt = num[len(r"\partial") :].strip(), den[len(r"\partial") :].strip()
        elif num.startswith("d") and den.startswith("d") and len(num) > 1:
            of, wrt = num[1:].strip(), den[1:].strip()
        if not of:  # an operator \frac{d}{dx} or an ordinary fraction: latex2sympy2's job
            pos += 1
            continue
        name = _placeholder(len(found))
        found.append((name, of, wrt))
        out = out[:pos] + name + out[den_close + 1 :]
        pos += len(name)
    if r"\partial" in out and "/" in out:  # \partial L / \partial w
        left, _, right = out.partition("/")
        if left.strip().startswith(r"\partial") and right.strip().startswith(r"\partial"):
            name = _placeholder(len(found))
            of, wrt = left.strip()[len(r"\partial") :], right.strip()[len(r"\partial") :]
            found.append((name, of, wrt))
            out = name
    if out.lstrip().startswith(r"\nabla_"):  # \nabla_w L: the rest of the side is the function
        rest = out.lstrip()[len(r"\nabla_") :]
        if rest.startswith("{"):
            close = matching_brace(rest, 0)
            wrt, of = rest[1:close], rest[close + 1 :]
        else:
            wrt, of = rest[0], rest[1:]
        name = _placeholder(len(found))
        found.append((name, of.strip(), wrt.strip()))
        out = name
    return out, found


class NaiveChecker:
    """latex2sympy2 reading, substitution of the givens, sympy.simplify(lhs - rhs) == 0."""

    def __init__(self):
        import latex2sympy2
        import sympy

        self.sympy = sympy
        self.module = latex2sympy2
        self.latex2sympy = latex2sympy2.latex2sympy

    def read(self, latex: str):
        """latex2sympy2's reading, with its undefined function `\\sigma` made the logistic.

        Each reading starts from latex2sympy2's own empty tables (module globals): a
        formula that leaves `var` a symbol would make every later reading fail."""
        self.module.var, self.module.variances = {}, {}
        try:
            expr = self.latex2sympy(latex)
        except (ClaimTimeout, KeyboardInterrupt):
            raise
        except BaseException as exc:  # the parser raises bare Exception
            reason = str(exc).splitlines()[0] if str(exc) else repr(exc)
            raise Unparseable(f"{latex!r}: {reason}") from None
        sp = self.sympy

        def is_sigma(e):
            return isinstance(e, sp.core.function.AppliedUndef) and e.func.__name__ in (
                "\\sigma",
                "sigma",
            )

        return expr.replace(is_sigma, lambda e: 1 / (1 + sp.exp(-e.args[0])))

    def read_side(self, side: str):
        sp = self.sympy
        text, derivatives = extract_derivatives(side)
        expr = self.read(text)
        for name, of, wrt in derivatives:
            placeholder = sp.Symbol(name)
            expr = expr.subs(placeholder, sp.Derivative(self.read(of), self.read(wrt)))
        return expr

    def expand(self, expr, definitions):
        """Substitute the givens until nothing changes, then evaluate the derivatives."""
        # Latest definition first (the loss before the names it uses): in Derivative(L, f)
        # L is replaced while f is still a symbol, and SymPy then keeps f as the variable.
        for _ in range(25):
            new = expr
            for lhs, rhs in reversed(definitions):
                new = new.subs(lhs, rhs)
            if new == expr:
                break
            expr = new
        return expr.doit()

    def check(self, claim: str, given: list[str]) -> tuple[str, str]:
        definitions = []
        for g in given:
            parts = split_relation_chain(g)
            if len(parts) != 2:
                raise Unparseable(f"given {g!r} is not `name = expression`")
            definitions.append((self.read(parts[0]), self.read(parts[1])))
        sides = split_relation_chain(claim)
        if len(sides) < 2:
            raise Unparseable(f"no relation (= or \\approx) in {claim!r}")
        exprs = [self.expand(self.read_side(s), definitions) for s in sides]
        for pos in range(len(exprs) - 1):
            if self.sympy.simplify(exprs[pos] - exprs[pos + 1]) != 0:
                return "invalid", f"link {pos + 1}: simplify(lhs - rhs) != 0"
        return "valid", "simplify(lhs - rhs) == 0"


def _versions() -> dict[str, str]:
    out = {"python": sys.version.split()[0]}
    for dist in ("latex2sympy2", "sympy", "antlr4-python3-runtime"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "missing"
    return out


def run_one(checker: NaiveChecker, request: dict, timeout: float) -> tuple[str, str]:
    """Check one claim under the alarm; every failure becomes a verdict."""
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return checker.check(request["claim"], request.get("given") or [])
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except ClaimTimeout:
        return "undecided", f"timeout after {timeout:g} s"
    except Unparseable as exc:
        return "unparseable", str(exc)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # any failure of the naive pipeline
        return "error", f"{type(exc).__name__}: {str(exc)[:200]}"


def main() -> None:
    timeout = float(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 10.0
    # Keep the protocol channel clean: whatever the libraries print goes to stderr.
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    signal.signal(signal.SIGALRM, _on_alarm)

    checker = NaiveChecker()
    checker.check(r"\frac{d}{dz} z^2 = 2z", [])  # warm-up: antlr tables, SymPy caches
    protocol.write(json.dumps({"ready": True, "versions": _versions()}) + "\n")

    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        start = time.perf_counter()
        verdict, detail = run_one(checker, request, timeout)
        ms = (time.perf_counter() - start) * 1000.0
        reply = {"id": request["id"], "verdict": verdict, "ms": ms, "detail": detail}
        protocol.write(json.dumps(reply) + "\n")


if __name__ == "__main__":
    main()
