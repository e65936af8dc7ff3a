"""What is kept per process (derivatives, proofs, families, printed readings, samples'
seeds) never gives a stale or another thread's answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from symbolic import check_document

SQUARE = r"""
$$z = x^2$$
$$\frac{\partial z}{\partial x} = 2x$$
$$\frac{\partial z}{\partial x} = 2x = x + x$$
"""

CUBE = r"""
$$z = x^3$$
$$\frac{\partial z}{\partial x} = 2x$$
$$\frac{\partial z}{\partial x} = 2x = x + x$$
"""

# undefined functions (their families), ReLU's kink, a proof, a reading printed twice
MIXED = r"""
$$h = \operatorname{ReLU}(w x + b)$$
$$\frac{\partial h}{\partial w} = H(w x + b) x$$
$$\frac{\partial}{\partial x} f(g(x)) = f'(g(x)) g'(x)$$
$$\frac{\partial}{\partial x} \sigma(x) = \sigma(x)(1 - \sigma(x)) = \sigma(x) - \sigma(x)^2$$
$$\frac{\partial}{\partial x} \sigma(x) = \sigma(x)^2$$
$$\frac{\partial h}{\partial w} = x$$
$$\frac{\partial}{\partial x} f(x) g(x) = f'(x) g(x) + f(x) g'(x) + 1$$
$$\frac{\partial}{\partial x} \log(1 + e^{x}) = \frac{e^{x}}{1 + e^{x}} = \sigma(x)$$
"""


def _links(source: str) -> list[tuple]:
    result = check_document(source, path="doc.md")
    return [(step.line, str(link.verdict), str(link.method), link.message, link.reading)
            for step in result.steps for link in step.claim.links]


@pytest.fixture
def in_process(monkeypatch):
    monkeypatch.setenv("DERIVCHECK_ISOLATION", "off")


def test_a_name_defined_differently_in_two_documents_is_each_ones_own(in_process):
    square, cube = _links(SQUARE), _links(CUBE)
    assert [v for _, v, *_ in square] == ["valid", "valid", "valid", "valid"]
    assert [v for _, v, *_ in cube] == ["valid", "invalid", "invalid", "valid"]
    assert _links(SQUARE) == square and _links(CUBE) == cube     # and again, in any order


def test_checks_from_two_threads_give_the_answers_of_one(in_process):
    documents = [SQUARE, CUBE, MIXED] * 3
    alone = [_links(d) for d in documents]
    with ThreadPoolExecutor(max_workers=2) as threads:
        together = list(threads.map(_links, documents))
    assert together == alone
    assert {v for links in alone for _, v, *_ in links} >= {"valid", "invalid"}
