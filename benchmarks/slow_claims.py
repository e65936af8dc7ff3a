"""Claims that once took many seconds, timed in two checkouts of derivcheck, interleaved.

    .venv/bin/python benchmarks/slow_claims.py OLD_CHECKOUT NEW_CHECKOUT [--repeat N]

Each claim is checked in a fresh process per checkout (PYTHONPATH pointing at it), in
turn, so machine load affects both alike; prints the median time of each and the ratio.
The claims: a kernel ridge step shown wrong (its diagnosis once expanded thousands of
terms) and a worked backprop step at printed numbers (its proof once cancelled nested
exponentials for minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

KERNEL_RIDGE = [r"{\bf w} = \left( {\bf \Phi}^{T} {\bf \Phi} + \lambda {\bf I} \right)^{-1} "
                r"{\bf \Phi}^{T} {\bf y}",
                r"\boldsymbol{\Phi} = (\boldsymbol{\phi} (\boldsymbol{x}_1), \boldsymbol{\phi} "
                r"(\boldsymbol{x}_2), \cdots, \boldsymbol{\phi} (\boldsymbol{x}_n) )^T"]
WORKED = [r"\mathbf{x}=[x_1,x_2]^\top=(0.2,\,0.4)^\top",
          r"\mathbf{z}^{[1]}=W^{[1]}\mathbf{x}+ \mathbf{b}^{[1]}",
          r"\mathbf{a}^{[1]}=\sigma\!\bigl(\mathbf{z}^{[1]}\bigr)",
          r"z^{[2]}=W^{[2]}\mathbf{a}^{[1]}+b^{[2]}",
          r"\hat{y}=a^{[2]}=\sigma\!\bigl(z^{[2]}\bigr)",
          r"W^{[1]}=\begin{bmatrix}0.10 & -0.20\\0.30 & 0.25\end{bmatrix}",
          r"\mathbf{b}^{[1]}=\begin{bmatrix}0.01\\-0.02\end{bmatrix}",
          r"W^{[2]}=\begin{bmatrix}0.80 & 0.90\end{bmatrix}", "b^{[2]}=0.10", "y=1.0",
          r"L(y,\hat{y})=\frac{1}{2}\,(y-\hat{y})^2",
          r"\frac{\partial L}{\partial b^{[2]}}=\delta^{[2]}",
          r"\frac{\partial L}{\partial \mathbf{b}^{[1]}}=\boldsymbol{\delta}^{[1]}"]
CLAIMS = {
    "kernel ridge, sign lost": (r"{\bf w} = \frac{1}{\lambda} {\bf \Phi}^{T} \left( {\bf \Phi} "
                                r"{\bf w} - {\bf y} \right)", KERNEL_RIDGE, {}),
    "worked backprop step": (r"\delta^{[1]}_j=\bigl(W^{[2]}_j\,\delta^{[2]}\bigr)\; "
                             r"a^{[1]}_j(1-a^{[1]}_j)", WORKED,
                             {"W^{[1]}": [2, 2], "W^{[2]}": [1, 2], "a^{[1]}": [2, 1],
                              "b^{[1]}": [2, 1], "x": [2, 1]}),
}
TIMED = r'''
import json, sys, time
from symbolic import check_claim
if __name__ == "__main__":
    claim, given, shapes = json.loads(sys.argv[1])
    check_claim("x = x")                                    # imports and caches warm
    start = time.perf_counter()
    found = check_claim(claim, given=given, shapes=shapes, budget_seconds=120)
    print(json.dumps([time.perf_counter() - start, str(found.verdict)]))
'''


def timed(checkout: str, args) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": checkout, "DERIVCHECK_ISOLATION": "off"}
    out = subprocess.run([sys.executable, "-c", TIMED, json.dumps(args)], capture_output=True,
                         text=True, env=env, check=True)
    seconds, verdict = json.loads(out.stdout.strip().splitlines()[-1])
    return seconds, verdict


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for name, claim in CLAIMS.items():
        times: dict[str, list[float]] = {args.old: [], args.new: []}
        verdicts: dict[str, str] = {}
        for _ in range(args.repeat):
            for checkout in (args.old, args.new):
                seconds, verdicts[checkout] = timed(checkout, claim)
                times[checkout].append(seconds)
        old, new = statistics.median(times[args.old]), statistics.median(times[args.new])
        print(f"{name}: old {old:.2f} s ({verdicts[args.old]}), new {new:.2f} s "
              f"({verdicts[args.new]}), median of {args.repeat}; ratio {old / new:.1f}")


if __name__ == "__main__":
    main()
