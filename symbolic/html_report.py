"""The HTML report: one self-contained page, math as MathML, verdicts by colour, icon and word.

    >>> from symbolic.html_report import render_html
    >>> page = render_html([])          # a list of DocumentResult
    >>> page.startswith("<!DOCTYPE html>")
    True

The page works offline: its CSS is inline, it has no script, and it names no address.
Each LaTeX side is converted to MathML by latex2mathml; a side that cannot be converted
is shown as code with a note, never as raw `$...$`. The pieces (`math_html`,
`claim_table`, `document_section`, `STYLE`) are reused for notebooks by
`symbolic.display`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TYPE_CHECKING

from symbolic.presentation import (
    DEFINITION_STYLE,
    VERDICT_ORDER,
    VERDICT_STYLES,
    plural,
    total_counts,
)
from symbolic.verdicts import Method, StepKind, Verdict

if TYPE_CHECKING:
    from symbolic.results import (
        ClaimResult,
        Counterexample,
        DocumentResult,
        LinkResult,
        StepResult,
    )

__all__ = [
    "STYLE",
    "claim_table",
    "document_section",
    "math_html",
    "render_html",
    "total_counts",
    "verdict_badge",
]

# Longer sides are shown as code: MathML of a runaway OCR line helps nobody.
MAX_MATH_CHARS = 1500
MAX_CODE_CHARS = 400

# latex2mathml's errors, in words.
CONVERTER_ERRORS = {
    "MissingEndError": "a group or environment is never closed",
    "ExtraLeftOrMissingRightError": "a \\left has no matching \\right",
    "NoAvailableTokensError": "it ends where more was expected",
    "MissingSuperScriptOrSubscriptError": "a ^ or _ has nothing after it",
    "DoubleSuperscriptsError": "a double superscript",
    "DoubleSubscriptsError": "a double subscript",
    "DenominatorNotFoundError": "a fraction has no denominator",
    "NumeratorNotFoundError": "a fraction has no numerator",
    "LimitsMustFollowMathOperatorError": "\\limits does not follow an operator",
}

_PAGE_STYLE = """
.derivcheck { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; line-height: 1.45; }
.derivcheck h1, .derivcheck h2 { line-height: 1.2; }
.derivcheck table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
.derivcheck caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
.derivcheck th, .derivcheck td { border: 1px solid #d0d7de; padding: 0.35em 0.6em;
  text-align: left; vertical-align: top; }
.derivcheck thead th { background: #f6f8fa; }
.derivcheck .table-wrap { overflow-x: auto; }
.derivcheck table.steps { width: 100%; }
.derivcheck table.steps td.formula { width: 45%; }
.derivcheck table.steps td.verdict { width: 12em; }
.derivcheck td.count, .derivcheck td.num { text-align: right; font-variant-numeric: tabular-nums; }
.derivcheck th.line { font-variant-numeric: tabular-nums; white-space: nowrap; }
.derivcheck math { font-size: 1.15em; math-style: normal;
  font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", math; }
.derivcheck .rel { padding: 0 0.3em; }
.derivcheck .badge { display: inline-block; white-space: nowrap; border-radius: 0.8em;
  padding: 0.05em 0.6em; font-weight: 600; border: 1px solid currentColor; }
.derivcheck .badge .icon { font-weight: 700; }
/* verdict colours */
.derivcheck .method { color: #59636e; font-size: 0.9em; margin-left: 0.4em; }
.derivcheck tbody.step.first-invalid td, .derivcheck tbody.step.first-invalid th {
  background: #fff0ee; }
.derivcheck tbody.step.first-invalid { outline: 3px solid #a40e26; outline-offset: -2px; }
.derivcheck .first-flag { color: #a40e26; font-weight: 700; margin: 0 0 0.3em; }
.derivcheck .kind { display: block; color: #59636e; font-size: 0.85em; font-weight: normal; }
.derivcheck .diagnosis { font-weight: 600; }
.derivcheck .counterexample dl { display: grid; grid-template-columns: max-content auto;
  gap: 0.1em 0.8em; margin: 0.2em 0 0.2em 1em; }
.derivcheck .counterexample dt { color: #59636e; }
.derivcheck .counterexample dd { margin: 0; }
.derivcheck .unrendered code, .derivcheck pre { background: #f6f8fa; border-radius: 4px;
  padding: 0.1em 0.3em; white-space: pre-wrap; overflow-wrap: anywhere; }
.derivcheck .note { color: #59636e; font-size: 0.85em; font-style: italic; }
.derivcheck .warnings { color: #7d4e00; }
.derivcheck .path { color: #59636e; font-family: ui-monospace, monospace; }
.derivcheck p { margin: 0.2em 0; }
.derivcheck details summary { cursor: pointer; color: #59636e; font-size: 0.9em; }
"""
# The page's style, each verdict's colours from the table every format shares.
STYLE = _PAGE_STYLE.replace("/* verdict colours */\n", "".join(
    f".derivcheck .v-{verdict} {{ color: {style.colour}; background: {style.background}; }}\n"
    for verdict, style in [*VERDICT_STYLES.items(), ("definition", DEFINITION_STYLE)]))


# --------------------------------------------------------------------------- math


def math_html(latex: str) -> str:
    """One LaTeX fragment as inline MathML; as code with a note when it cannot be.

    Example: ``math_html(r"\\frac{1}{2}")`` gives ``<math display="inline">…</math>``.
    """
    latex = latex.strip()
    if not latex:
        return ""
    if len(latex) > MAX_MATH_CHARS:
        return _unrendered(latex, f"too long to show as math ({len(latex)} characters)")
    try:
        # latex2mathml imports lazily: the report is the only part that needs it.
        from latex2mathml.converter import convert_to_element

        element = convert_to_element(latex)
        unknown = _clean_mathml(element)
        mathml = ET.tostring(element, encoding="unicode", short_empty_elements=False)
    except Exception as error:  # any failure of the converter, RecursionError included
        name = type(error).__name__
        reason = CONVERTER_ERRORS.get(name) or str(error) or name
        return _unrendered(latex, f"could not be shown as math: {_clip(reason, 120)}")
    if unknown:
        return _unrendered(latex, f"could not be shown as math: {', '.join(unknown)} "
                                  "is not known to the renderer")
    return mathml


def _clean_mathml(element: ET.Element) -> list[str]:
    """Make latex2mathml's tree safe to embed; return LaTeX commands it left unconverted.

    latex2mathml keeps entities (``&#x02202;``) as literal text and unescapes its output
    as a whole, which would let `\\text{<b>}` through as markup. Here each text is
    unescaped alone and the tree is serialised by ElementTree, which escapes it again.
    """
    unknown: list[str] = []
    element.attrib.pop("xmlns", None)  # HTML needs no namespace; and the page names no URL
    for node in element.iter():
        for name in list(node.attrib):
            if name.lower().startswith("on") or "href" in name.lower() or ":" in name:
                del node.attrib[name]
        for attribute in ("text", "tail"):
            text = getattr(node, attribute)
            if text:
                text = html.unescape(text)
                setattr(node, attribute, text)
                if attribute == "text":
                    unknown += re.findall(r"\\[A-Za-z]+", text)
    return sorted(set(unknown))


def _unrendered(latex: str, note: str) -> str:
    return (f'<span class="unrendered"><code>{html.escape(_clip(latex, MAX_CODE_CHARS))}'
            f'</code> <span class="note">({html.escape(note)})</span></span>')


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _relation_html(relation: str) -> str:
    return f'<span class="rel">{math_html(relation or "=")}</span>'


# --------------------------------------------------------------------------- verdicts


def verdict_badge(verdict: Verdict | str, method: Method | str | None = None) -> str:
    """The verdict as icon + word on its colour, with how it was decided; a definition's
    link as the neutral `≔ defines`, which is no verdict."""
    if method == Method.DEFINITION:
        return (f'<span class="badge v-definition"><span class="icon" aria-hidden="true">'
                f'{DEFINITION_STYLE.symbol}</span> defines</span>')
    verdict = Verdict(verdict)
    badge = f'<span class="badge v-{verdict}">{_icon(verdict)} {verdict}</span>'
    if method and str(method) != Method.NONE:
        badge += f'<span class="method">({html.escape(str(method))})</span>'
    return badge


def _icon(verdict: Verdict) -> str:
    # Screen readers read the word beside it; the symbol is for the eye.
    return f'<span class="icon" aria-hidden="true">{VERDICT_STYLES[verdict].symbol}</span>'


def _counterexample_html(example: Counterexample) -> str:
    rows = []
    if example.point:
        point = ", ".join(f"{math_html(name)} = {math_html(value)}"
                          for name, value in example.point.items())
    else:
        point = "every point"
    rows.append(f"<dt>at</dt><dd>{point}</dd>")
    rows.append(f"<dt>left side</dt><dd>{math_html(example.lhs_value)}</dd>")
    rows.append(f"<dt>right side</dt><dd>{math_html(example.rhs_value)}</dd>")
    reproduce = ""
    if example.reproduce:
        reproduce = (f"<details><summary>Reproduce</summary><pre><code>"
                     f"{html.escape(example.reproduce)}</code></pre></details>")
    return (f'<div class="counterexample"><strong>Counterexample</strong>'
            f'<dl>{"".join(rows)}</dl>{reproduce}</div>')


def _details_html(link: LinkResult) -> str:
    parts = []
    if "\n" in link.message:
        # A parse error's message points at the fragment with a caret: keep its layout.
        parts.append(f'<pre class="message">{html.escape(link.message)}</pre>')
    elif link.message:
        parts.append(f"<p>{html.escape(link.message)}</p>")
    if link.diagnosis:
        parts.append(f'<p class="diagnosis">Diagnosis: {html.escape(link.diagnosis)}</p>')
    if link.counterexample is not None:
        parts.append(_counterexample_html(link.counterexample))
    if link.warnings:
        parts.append(_warnings_html(link.warnings))
    if link.reading:
        parts.append(f"<details><summary>Read as</summary>{math_html(link.reading)}"
                     "</details>")
    return "".join(parts)


def _warnings_html(warnings: list[str]) -> str:
    items = "".join(f"<li>{html.escape(w)}</li>" for w in warnings)
    return f'<ul class="warnings" aria-label="warnings">{items}</ul>'


def _link_cells(link: LinkResult, before: str = "", after: str = "") -> str:
    """Formula, verdict and details of one link; `before` the formula, `after` the details."""
    formula = f"{math_html(link.lhs)}{_relation_html(link.relation)}{math_html(link.rhs)}"
    return (f'<td class="formula">{before}{formula}</td>'
            f'<td class="verdict">{verdict_badge(link.verdict, link.method)}</td>'
            f'<td class="details">{_details_html(link)}{after}</td>')


# --------------------------------------------------------------------------- tables


def claim_table(claim: ClaimResult, caption: str = "") -> str:
    """One claim as a table, one row per link of its chain."""
    caption = caption or f"Claim: {verdict_badge(claim.verdict)}"
    rows = "".join(f'<tr data-verdict="{link.verdict}">{_link_cells(link)}</tr>'
                   for link in claim.links)
    if not claim.links:
        rows = (f'<tr><td class="formula">{math_html(claim.source)}</td>'
                f'<td class="verdict">{verdict_badge(claim.verdict)}</td>'
                f'<td class="details">{html.escape(claim.message)}</td></tr>')
    warnings = _warnings_html(claim.warnings) if claim.warnings else ""
    return (f'<div class="table-wrap"><table class="claim"><caption>{caption}</caption>'
            '<thead><tr><th scope="col">Link</th><th scope="col">Verdict</th>'
            f'<th scope="col">Details</th></tr></thead><tbody>{rows}</tbody></table>'
            f"</div>{warnings}")


def _step_body(step: StepResult, step_id: str) -> str:
    classes = f"step v-{step.verdict}-step" + (" first-invalid" if step.first_invalid else "")
    kind = (f'<span class="kind">{html.escape(str(step.kind))}</span>'
            if step.kind != StepKind.CLAIM else "")
    flag = ('<p class="first-flag"><span aria-hidden="true">⚑ </span>'
            "First wrong step of this derivation</p>" if step.first_invalid else "")
    source = (f"<details><summary>LaTeX source</summary><pre><code>"
              f"{html.escape(_clip(step.source, 2000))}</code></pre></details>")
    links = step.claim.links
    span = max(1, len(links))
    line_cell = (f'<th scope="rowgroup" class="line" rowspan="{span}">'
                 f"{step.line}{kind}</th>")
    rows = []
    if not links:
        rows.append(
            f"<tr>{line_cell}<td class=\"formula\">{flag}{math_html(step.source)}</td>"
            f'<td class="verdict">nothing to check</td>'
            f'<td class="details">{html.escape(step.claim.message)}{source}</td></tr>'
        )
    for n, link in enumerate(links):
        after = ""
        if n == 0 and step.claim.warnings:
            after += _warnings_html(step.claim.warnings)
        if n == len(links) - 1:
            after += source
        cells = _link_cells(link, before=flag if n == 0 else "", after=after)
        rows.append(f'<tr data-verdict="{link.verdict}">{line_cell if n == 0 else ""}'
                    f"{cells}</tr>")
    label = f"line {step.line}, " + ("first wrong step, " if step.first_invalid else "")
    return (f'<tbody class="{classes}" id="{step_id}" data-line="{step.line}" '
            f'aria-label="{html.escape(label + str(step.verdict))}">{"".join(rows)}</tbody>')


def _counts_line(counts: dict[str, int]) -> str:
    parts = [f'<span class="badge v-{v}" data-verdict="{v}">{_icon(v)} '
             f'<span class="n">{counts.get(str(v), 0)}</span> {v}</span>' for v in VERDICT_ORDER]
    return f'<p class="counts">{" ".join(parts)}</p>'


def document_section(result: DocumentResult, index: int = 1, heading_level: int = 2) -> str:
    """One document: its heading, counts, warnings and a table per derivation."""
    h = f"h{heading_level}"
    doc_id = f"doc-{index}"
    title = html.escape(result.title or result.path or f"Document {index}")
    parts = [f'<section class="document" id="{doc_id}" aria-labelledby="{doc_id}-title">',
             f'<{h} id="{doc_id}-title" dir="auto">{title}</{h}>']
    if result.path:
        parts.append(f'<p class="path">{html.escape(result.path)}</p>')
    parts.append(f"<p>Document verdict: {verdict_badge(result.verdict)}</p>")
    parts.append(_counts_line(result.counts()))
    if result.warnings:
        parts.append(_warnings_html(result.warnings))
    if not result.steps:
        parts.append("<p>No math blocks to check.</p>")
    for number, (derivation, steps) in enumerate(
        groupby(enumerate(result.steps), key=lambda item: item[1].derivation), start=1
    ):
        steps = list(steps)
        lines = [step.line for _, step in steps]
        caption = f"Derivation {number}, lines {min(lines)}–{max(lines)}"
        first = next((step for _, step in steps if step.first_invalid), None)
        if first is not None:
            caption += f": first goes wrong at line {first.line}"
        bodies = "".join(_step_body(step, f"{doc_id}-step-{j + 1}") for j, step in steps)
        parts.append(
            f'<div class="table-wrap"><table class="steps" data-derivation="{derivation}">'
            f"<caption>{html.escape(caption)}</caption><thead><tr>"
            '<th scope="col">Line</th><th scope="col">Step</th>'
            '<th scope="col">Verdict</th><th scope="col">Why</th></tr></thead>'
            f"{bodies}</table></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _summary(results: list[DocumentResult]) -> str:
    counts = total_counts(results)
    rows = "".join(
        f'<tr data-verdict="{v}"><th scope="row">{verdict_badge(v)}</th>'
        f'<td class="count">{counts.get(str(v), 0)}</td></tr>'
        for v in VERDICT_ORDER
    )
    total = sum(counts.values())
    steps = sum(len(r.steps) for r in results)
    table = ('<table class="summary" id="summary-counts"><caption>Links checked, by verdict'
             '</caption><thead><tr><th scope="col">Verdict</th><th scope="col">Links</th>'
             f'</tr></thead><tbody>{rows}</tbody><tfoot><tr><th scope="row">Total</th>'
             f'<td class="count">{total}</td></tr></tfoot></table>')
    intro = (f"<p>{plural(len(results), 'document')}, {plural(steps, 'step')}, "
             f"{plural(total, 'link')} checked.</p>")
    docs = []
    for i, result in enumerate(results, start=1):
        c = result.counts()
        first = next(((j, s) for j, s in enumerate(result.steps, 1) if s.first_invalid), None)
        where = (f'<a href="#doc-{i}-step-{first[0]}">line {first[1].line}</a>'
                 if first else "—")
        name = html.escape(result.title or result.path or f"Document {i}")
        docs.append(
            f'<tr><th scope="row"><a href="#doc-{i}" dir="auto">{name}</a></th>'
            f"<td>{verdict_badge(result.verdict)}</td>"
            + "".join(f'<td class="num">{c.get(str(v), 0)}</td>' for v in VERDICT_ORDER)
            + f"<td>{where}</td></tr>"
        )
    documents = ""
    if results:
        heads = "".join(f'<th scope="col"><span aria-hidden="true">'
                        f"{VERDICT_STYLES[v].symbol}</span> {v}</th>" for v in VERDICT_ORDER)
        documents = ('<div class="table-wrap"><table class="documents"><caption>Documents'
                     '</caption><thead><tr><th scope="col">Document</th>'
                     f'<th scope="col">Verdict</th>{heads}<th scope="col">First wrong step'
                     f'</th></tr></thead><tbody>{"".join(docs)}</tbody></table></div>')
    return (f'<section id="summary" aria-labelledby="summary-title">'
            f'<h2 id="summary-title">Summary</h2>{intro}{table}{documents}</section>')


def render_html(results: list[DocumentResult], *, title: str = "derivcheck report",
                intro_html: str = "") -> str:
    """The report of some documents as one self-contained HTML page.

    Example: ``Path("report.html").write_text(render_html([symbolic.check_document(p)]))``

    Args:
        results: one `DocumentResult` per document, in the order to show them.
        title: the page's title and top heading.
        intro_html: trusted HTML shown above the summary (`derivcheck grade` puts a
            student's grade there); empty by default.
    """
    results = list(results)
    documents = "".join(document_section(r, i) for i, r in enumerate(results, start=1))
    if not results:
        documents = "<p>No documents were checked.</p>"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="derivcheck">'
        f"<title>{html.escape(title)}</title><style>{STYLE}"
        "body { margin: 1.5em auto; max-width: 80em; padding: 0 1em; }</style></head>"
        f'<body class="derivcheck"><header><h1>{html.escape(title)}</h1></header>'
        f"<main>{intro_html}{_summary(results)}{documents}</main></body></html>\n"
    )
