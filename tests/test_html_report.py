"""The HTML report: structure and escaping here, then the page in headless Chromium."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import struct
import subprocess
import sys
from pathlib import Path

from conftest import SIGN_SLIP, make_logistic_document, make_ocr_document

from symbolic.html_report import math_html, render_html, total_counts
from symbolic.results import (
    ClaimResult,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)

ROOT = Path(__file__).resolve().parent.parent


def _summary_counts(page: str) -> dict[str, int]:
    table = re.search(r'<table class="summary".*?</table>', page, re.S).group(0)
    rows = re.findall(r'<tr data-verdict="(\w+)">.*?<td class="count">(\d+)</td>', table)
    return {verdict: int(n) for verdict, n in rows}


def _one_step_document(link: LinkResult, **step) -> DocumentResult:
    claim = ClaimResult(f"{link.lhs} {link.relation} {link.rhs}", [link])
    return DocumentResult("d.md", "D", [StepResult(3, claim.source, StepKind.CLAIM, claim,
                                                   **step)])


# --------------------------------------------------------------------------- math


def test_math_is_mathml_without_namespace_url():
    out = math_html(r"\frac{\partial L}{\partial w}")
    assert out.startswith("<math") and "<mfrac>" in out
    assert "http" not in out and "xmlns" not in out
    assert "∂" in out  # entities unescaped into characters, not left as text


def test_math_escapes_markup_inside_text():
    out = math_html(r"\text{<script>alert(1)</script>} & x")
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    assert "&amp;" in out


def test_math_that_cannot_be_converted_is_code_with_a_note():
    out = math_html(r"\frac{1}{")
    assert out.startswith('<span class="unrendered"><code>\\frac{1}{</code>')
    assert "could not be shown as math: it ends where more was expected" in out
    assert "$" not in out and "<math" not in out



def test_math_with_a_command_the_renderer_does_not_know_is_code():
    out = math_html(r"\sign(x)")
    assert "<math" not in out
    assert r"\sign is not known to the renderer" in out


def test_math_too_long_is_clipped_code():
    out = math_html("x + " * 1000 + "y")
    assert "<math" not in out
    assert "too long to show as math (4001 characters)" in out
    assert len(out) < 1000


def test_math_drops_link_addresses():
    out = math_html(r"\href{https://example.org}{x} + y")
    assert out.startswith("<math") and "<mi>x</mi>" in out
    assert "example.org" not in out and "href" not in out


# --------------------------------------------------------------------------- page


def test_summary_counts_are_the_documents_counts_summed(sample_documents):
    page = render_html(sample_documents)
    expected = {v: 0 for v in ("valid", "invalid", "undecided", "unparseable")}
    for doc in sample_documents:
        for verdict, n in doc.to_dict()["counts"].items():
            expected[verdict] += n
    assert _summary_counts(page) == expected == total_counts(sample_documents)
    # the definitions' links are no verdicts and are not counted
    assert expected == {"valid": 4, "invalid": 2, "undecided": 1, "unparseable": 1}


def test_every_link_shows_icon_and_word(sample_documents):
    page = render_html(sample_documents)
    cells = re.findall(r'<td class="verdict"><span class="badge v-(\w+)"><span class="icon" '
                       r'aria-hidden="true">(.)</span> (\w+)</span>', page)
    assert sorted(c[0] for c in cells) == sorted(
        "definition" if link.method == "definition" else str(link.verdict)
        for d in sample_documents for s in d.steps for link in s.claim.links
    )
    icons = {"valid": "✓", "invalid": "✗", "undecided": "?", "unparseable": "⚠",
             "definition": "≔"}
    cells = [(v, icon, "definition" if word == "defines" else word) for v, icon, word in cells]
    assert all(icon == icons[v] and word == v for v, icon, word in cells)


def test_every_verdict_has_its_colours_in_the_style():
    from symbolic.html_report import STYLE

    for verdict in Verdict:
        assert re.search(rf"\.v-{verdict} {{ color: #[0-9a-f]{{6}}; background: #[0-9a-f]{{6}}; }}",
                         STYLE), verdict
    assert "/*" not in STYLE


def test_first_wrong_step_is_marked_in_words_and_linked_from_summary():
    page = render_html([make_logistic_document()])
    first = re.findall(r'<tbody class="step [^"]*first-invalid"[^>]*>.*?</tbody>', page, re.S)
    assert len(first) == 1
    assert 'data-line="15"' in first[0]
    assert "First wrong step of this derivation" in first[0]
    assert "first goes wrong at line 15" in page
    step_id = re.search(r'id="(doc-1-step-\d+)"', first[0]).group(1)
    assert f'<a href="#{step_id}">line 15</a>' in page


def test_invalid_step_shows_counterexample_and_diagnosis_beside_it():
    page = render_html([_one_step_document(SIGN_SLIP, first_invalid=True)])
    body = re.search(r'<tbody class="step.*?</tbody>', page, re.S).group(0)
    row = re.search(r'<tr data-verdict="invalid">.*?</tr>', body, re.S).group(0)
    assert "Diagnosis: off by a factor of -1" in row
    assert "Counterexample" in row
    assert "<dt>left side</dt>" in row and "<dt>right side</dt>" in row
    assert "<mi>f</mi>" in row  # the point's names are math too
    assert html.escape(SIGN_SLIP.counterexample.reproduce) in row


def test_line_numbers_are_row_headers(sample_documents):
    page = render_html(sample_documents)
    lines = re.findall(r'<th scope="rowgroup" class="line" rowspan="\d+">(\d+)', page)
    assert lines == [str(s.line) for d in sample_documents for s in d.steps]


def test_chain_of_two_links_shares_one_line_header():
    page = render_html([make_logistic_document()])
    body = re.search(r'<tbody[^>]*data-line="11".*?</tbody>', page, re.S).group(0)
    assert body.count("<tr") == 2
    assert 'rowspan="2">11' in body


def test_user_text_is_escaped():
    link = LinkResult("x", "y", "=", Verdict.UNDECIDED,
                      message="<img src=x onerror=alert(1)>")
    doc = dataclasses.replace(_one_step_document(link), title="<b>title</b>",
                              warnings=["<i>warned</i>"])
    page = render_html([doc], title="<report>")
    assert "<img" not in page and "<b>title" not in page and "<i>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<title>&lt;report&gt;</title>" in page


def test_unconvertible_side_is_code_not_dollar_math():
    link = LinkResult(r"\frac{1}{", "2", "=", Verdict.UNPARSEABLE,
                      message="Unbalanced braces.")
    page = render_html([_one_step_document(link)])
    assert r"<code>\frac{1}{</code>" in page
    assert "$" not in page


def test_multi_line_message_keeps_its_caret_layout():
    message = "unknown command \\foo\n    x \\foo\n      ^"
    link = LinkResult("y", r"x \foo", "=", Verdict.UNPARSEABLE, message=message)
    page = render_html([_one_step_document(link)])
    assert f'<pre class="message">{html.escape(message)}</pre>' in page


def test_step_without_links_says_nothing_to_check():
    claim = ClaimResult("x", [])
    doc = DocumentResult(None, "", [StepResult(4, "x", StepKind.CLAIM, claim)])
    page = render_html([doc])
    assert "nothing to check" in page
    assert _summary_counts(page) == {"valid": 0, "invalid": 0, "undecided": 0,
                                     "unparseable": 0}


def test_no_documents_gives_a_page_that_says_so():
    page = render_html([])
    assert "No documents were checked." in page
    assert "0 documents, 0 steps, 0 links checked." in page


def test_page_is_self_contained(sample_documents):
    page = render_html(sample_documents)
    assert_self_contained(page)


def assert_self_contained(page: str) -> None:
    """No address, no external resource, no script: the file works offline."""
    assert re.search(r"(https?|ftp|wss?):", page, re.I) is None
    assert re.search(r"""(src|href)\s*=\s*(?!["']?#)""", page, re.I) is None
    for needle in ("<link", "<script", "<iframe", "<img", "url(", "@import", "//"):
        assert needle not in page.lower(), needle


# --------------------------------------------------------------------------- in Chromium

# Appended to a copy of the report: records what the browser made of the page into the
# DOM, which `--dump-dom` then prints. `innerText` is the text a reader sees.
PROBE = """
<script>
(function () {
  const rect = (e) => e.getBoundingClientRect();
  const maths = [...document.querySelectorAll("math")];
  const fracs = [...document.querySelectorAll("mfrac")].filter((f) => rect(f).width > 0);
  const probe = {
    title: document.title,
    visibleText: document.body.innerText,
    maths: maths.length,
    mathNamespace: maths.every((m) => m.namespaceURI.endsWith("/1998/Math/MathML")),
    mathDisplay: [...new Set(maths.map((m) => getComputedStyle(m).display))],
    fracs: fracs.length,
    fracsStacked: fracs.filter((f) =>
      rect(f.children[0]).bottom <= rect(f.children[1]).top + 1).length,
    summary: Object.fromEntries([...document.querySelectorAll("#summary-counts tbody tr")]
      .map((tr) => [tr.dataset.verdict, tr.querySelector("td").innerText.trim()])),
    documentCounts: [...document.querySelectorAll("section.document")].map((s) =>
      Object.fromEntries([...s.querySelectorAll("p.counts .badge")]
        .map((b) => [b.dataset.verdict, b.querySelector(".n").innerText.trim()]))),
    resources: performance.getEntriesByType("resource").map((e) => e.name),
    firstWrong: [...document.querySelectorAll("tbody.first-invalid")].map((b) =>
      ({line: b.dataset.line, outline: getComputedStyle(b).outlineStyle})),
  };
  const out = document.createElement("pre");
  out.id = "derivcheck-probe";
  out.textContent = JSON.stringify(probe);
  document.body.appendChild(out);
})();
</script>
"""


def _load_in_chromium(chromium, tmp_path: Path, page: str) -> dict:
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium.dump_dom(probed)
    found = re.search(r'<pre id="derivcheck-probe">(.*?)</pre>', dom, re.S)
    assert found, f"the page did not load or its probe did not run:\n{dom[:2000]}"
    return json.loads(html.unescape(found.group(1)))


def test_report_in_chromium(chromium, tmp_path, sample_documents):
    page = render_html(sample_documents, title="Homework 3")
    assert_self_contained(page)
    seen = _load_in_chromium(chromium, tmp_path, page)

    assert seen["title"] == "Homework 3"
    # The formulas are laid out as MathML: fractions stacked, not text in a row.
    assert seen["maths"] >= 20 and seen["mathNamespace"]
    assert seen["mathDisplay"] == ["math"]
    assert seen["fracs"] >= 5 and seen["fracsStacked"] == seen["fracs"]
    # No raw LaTeX in what a reader sees.
    text = seen["visibleText"]
    assert "\\frac" not in text and "$$" not in text
    assert re.search(r"\\[A-Za-z]+", text) is None, re.search(r".{30}\\[A-Za-z]+.{30}", text)
    # The counts a reader sees are the JSON's.
    expected = {v: 0 for v in ("valid", "invalid", "undecided", "unparseable")}
    for doc in sample_documents:
        for verdict, n in doc.to_dict()["counts"].items():
            expected[verdict] += n
    assert {v: int(n) for v, n in seen["summary"].items()} == expected
    assert [{v: int(n) for v, n in c.items()} for c in seen["documentCounts"]] == [
        doc.to_dict()["counts"] for doc in sample_documents
    ]
    # Verdicts are in words and icons, not only colour; line numbers are shown.
    for word, icon in [("valid", "✓"), ("invalid", "✗"), ("undecided", "?"),
                       ("unparseable", "⚠")]:
        assert f"{icon} {word}" in text
    assert "First wrong step of this derivation" in text
    assert seen["firstWrong"] == [{"line": "15", "outline": "solid"}]
    assert "Diagnosis: off by a factor of -1" in text
    # Nothing was fetched.
    assert seen["resources"] == []


def test_report_of_many_links_in_chromium(chromium, tmp_path):
    # A document as long as a real homework, with every verdict many times.
    verdicts = [Verdict.VALID, Verdict.INVALID, Verdict.UNDECIDED, Verdict.UNPARSEABLE]
    steps = []
    for i in range(60):
        link = LinkResult(rf"\sigma'(z_{{{i}}})", rf"\sigma(z_{{{i}}})(1-\sigma(z_{{{i}}}))",
                          "=", verdicts[i % 7 % 4], Method.SAMPLED)
        claim = ClaimResult(f"{link.lhs} = {link.rhs}", [link])
        steps.append(StepResult(2 * i + 1, claim.source, StepKind.CLAIM, claim,
                                derivation=i // 20, first_invalid=i % 20 == 1))
    doc = DocumentResult("long.md", "Long", steps)
    seen = _load_in_chromium(chromium, tmp_path, render_html([doc]))
    assert {v: int(n) for v, n in seen["summary"].items()} == doc.to_dict()["counts"]
    assert len(seen["firstWrong"]) == 3
    assert seen["maths"] == 3 * 60


def test_make_screenshot_script_writes_the_png(chromium, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render_html([make_logistic_document(), make_ocr_document()]),
                      encoding="utf-8")
    png = tmp_path / "out" / "seeds-report.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_screenshot.py"), str(report),
         "-o", str(png), "--width", "1000", "--height", "700",
         "--chromium", chromium.executable],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 700)
    assert f"wrote {png}" in done.stdout
