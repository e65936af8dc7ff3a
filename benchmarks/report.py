"""The benchmark's Markdown report: one summary table, one table per topic."""

from __future__ import annotations

from outcome import SideResult, Tally

TITLES = {"derivcheck": "derivcheck", "baseline": "latex2sympy2 + simplify"}


def _pct(part: int, whole: int) -> str:
    return f"{part} / {whole} ({100.0 * part / whole:.1f}%)" if whole else "0 / 0"


def _ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def _row(label: str, cells: list[str]) -> str:
    return "| " + " | ".join([label, *cells]) + " |"


def render_markdown(
    claims, results: dict[str, list[SideResult]], tallies: dict[str, Tally], meta: dict
) -> str:
    """The whole report as Markdown text."""
    approaches = list(tallies)
    n_valid = sum(c.expect == "valid" for c in claims)
    out = [
        "## derivcheck benchmark",
        "",
        f"{len(claims)} claims ({n_valid} valid, {len(claims) - n_valid} invalid) from "
        f"{meta.get('corpus', 'tests/data/claims')}"
        f"{' (--quick subset)' if meta['quick'] else ''}; "
        f"timeout {meta['timeout_s']:g} s per claim; Python {meta['python']}, "
        f"{meta['machine']}; {meta['date']}.",
        "",
        _row("", [TITLES[a] for a in approaches]),
        "|---|" + "---:|" * len(approaches),
    ]
    t = [tallies[a] for a in approaches]
    out += [
        _row("correct verdict", [_pct(x.correct, x.claims) for x in t]),
        _row("false valid (expected invalid)", [str(x.false_valid) for x in t]),
        _row("false invalid (expected valid)", [str(x.false_invalid) for x in t]),
        _row("undecided (of which timeouts)", [f"{x.undecided} ({x.timeouts})" for x in t]),
        _row("unparseable", [str(x.unparseable) for x in t]),
        _row("error (exception, crash)", [str(x.errors) for x in t]),
        _row("median time per claim", [_ms(x.median_ms) for x in t]),
        _row("p90 time per claim", [_ms(x.p90_ms) for x in t]),
    ]
    if "derivcheck" in tallies:
        cells = []
        for a in approaches:
            x = tallies[a]
            diagnosed = f"{x.diagnosis_hits} / {x.diagnosis_given}"
            cells.append(diagnosed if a == "derivcheck" else "n/a")
        out.append(_row("diagnosis kind as expected (of correct invalid, diagnosed)", cells))
    out.append("")
    if len(approaches) == 2 and tallies["derivcheck"].median_ms > 0:
        ratio = tallies["baseline"].median_ms / tallies["derivcheck"].median_ms
        out += [f"Ratio of medians (baseline / derivcheck), same run: **{ratio:.2f}**.", ""]
    if meta.get("baseline_versions"):
        v = meta["baseline_versions"]
        out += [
            f"Baseline: latex2sympy2 {v.get('latex2sympy2')}, sympy {v.get('sympy')}, "
            f"antlr4 runtime {v.get('antlr4-python3-runtime')}, Python {v.get('python')}"
            f"{f'; worker restarted {r} times' if (r := meta.get('baseline_restarts')) else ''}.",
            "",
        ]

    topics = list(dict.fromkeys(c.topic for c in claims))
    out += [
        "### Correct verdicts by topic",
        "",
        _row("topic", ["claims", *[TITLES[a] for a in approaches]]),
        "|---|---:|" + "---:|" * len(approaches),
    ]
    for topic in topics:
        idx = [i for i, c in enumerate(claims) if c.topic == topic]
        cells = [str(len(idx))]
        for a in approaches:
            right = sum(results[a][i].verdict == claims[i].expect for i in idx)
            cells.append(f"{right} ({100.0 * right / len(idx):.0f}%)")
        out.append(_row(topic, cells))
    out.append("")

    for a in approaches:
        wrong = [
            c.id
            for c, r in zip(claims, results[a], strict=True)
            if c.expect == "invalid" and r.verdict == "valid"
        ]
        if wrong:
            out += [f"False valid, {TITLES[a]}: " + ", ".join(f"`{i}`" for i in wrong), ""]
    return "\n".join(out).rstrip() + "\n"
