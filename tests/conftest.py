"""Shared fixtures.

`pytester` runs small pytest suites in-process (the pytest plugin's tests use it).
`chromium` is Debian's headless Chromium for the HTML report's browser tests: it is
installed with apt-get on first use when missing and we are root; when it cannot be had
the test fails with a plain message, never skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from symbolic.results import (
    ClaimResult,
    Counterexample,
    DocumentResult,
    LinkResult,
    Method,
    StepKind,
    StepResult,
    Verdict,
)

pytest_plugins = ["pytester"]

CHROMIUM = "/usr/bin/chromium"

# Chromium is not allowed to reach the network from here, and the report must not need
# it: every background service is off, and every host name resolves to nothing, so a
# stray network reference in a page fails fast instead of hanging.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


@dataclass
class Chromium:
    """Debian's Chromium, run headless from its own command line."""

    executable: str
    profiles: Path

    def _run(self, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
        profile = self.profiles / f"profile-{time.monotonic_ns()}"
        profile.mkdir()
        command = [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    def dump_dom(self, page: Path) -> str:
        """The page's DOM after it has loaded and its scripts have run."""
        done = self._run(["--dump-dom", page.resolve().as_uri()])
        if done.returncode != 0 or not done.stdout.strip():
            pytest.fail(
                f"chromium --dump-dom failed on {page} (exit {done.returncode}):\n"
                f"{done.stderr[-2000:]}",
                pytrace=False,
            )
        return done.stdout

    def screenshot(self, page: Path, png: Path, width: int = 1200, height: int = 900) -> None:
        done = self._run([
            f"--screenshot={png}", f"--window-size={width},{height}",
            "--hide-scrollbars", page.resolve().as_uri(),
        ])
        if done.returncode != 0 or not png.exists():
            pytest.fail(
                f"chromium --screenshot failed on {page} (exit {done.returncode}):\n"
                f"{done.stderr[-2000:]}",
                pytrace=False,
            )


def _install_chromium() -> None:
    """apt-get install chromium, or fail the test with the reason; one worker of the
    parallel suite at a time (apt-get holds a lock), the others then find it installed."""
    import fcntl  # POSIX only, as apt-get is

    with open(os.path.join(tempfile.gettempdir(), "derivcheck-chromium.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(CHROMIUM):
            _apt_get_chromium()


def _apt_get_chromium() -> None:
    if os.geteuid() != 0:
        pytest.fail(
            f"Chromium is needed for the HTML report's browser tests but {CHROMIUM} is "
            "missing, and it cannot be installed because the tests are not running as "
            "root. Install it with: apt-get install -y chromium",
            pytrace=False,
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env,
                                  timeout=1200)
        except (OSError, subprocess.TimeoutExpired) as error:
            pytest.fail(f"Chromium could not be installed: `{' '.join(command)}` "
                        f"did not finish: {error}", pytrace=False)
        if done.returncode != 0:
            pytest.fail(
                f"Chromium could not be installed: `{' '.join(command)}` exited with "
                f"{done.returncode}:\n{(done.stdout + done.stderr)[-2000:]}",
                pytrace=False,
            )


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    if not os.path.exists(CHROMIUM):
        _install_chromium()
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is still not runnable at {CHROMIUM} after installing it.",
                    pytrace=False)
    return Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium"))


# --------------------------------------------------------------------------- sample results
# Results built by hand, so the report, display and plugin tests do not depend on the
# checking engine: every verdict, a counterexample with a diagnosis, a first wrong step,
# a chain of two links, definitions, warnings, and two documents.


def _link(lhs: str, rhs: str, verdict: Verdict, method: Method = Method.NONE,
          relation: str = "=", **more) -> LinkResult:
    return LinkResult(lhs=lhs, rhs=rhs, relation=relation, verdict=verdict, method=method,
                      **more)


def _step(line: int, links: list[LinkResult], kind: StepKind = StepKind.CLAIM,
          derivation: int = 0, first_invalid: bool = False) -> StepResult:
    source = " ".join([links[0].lhs] + [f"{lk.relation} {lk.rhs}" for lk in links])
    return StepResult(line=line, source=source, kind=kind, claim=ClaimResult(source, links),
                      derivation=derivation, first_invalid=first_invalid)


SIGN_SLIP = _link(
    r"\frac{\partial L}{\partial w_1}", r"(y - f) x_2", Verdict.INVALID,
    Method.COUNTEREXAMPLE,
    message="The sides differ at a point where both are finite.",
    counterexample=Counterexample(
        point={"f": "1/2", "y": "0", "x_2": "1"}, lhs_value="1/2", rhs_value="-1/2",
        reproduce=r'symbolic.check_claim(r"\frac{\partial L}{\partial w_1} = (y - f) x_2")',
    ),
    diagnosis="off by a factor of -1", diagnosis_kind="sign",
    reading=r"\frac{\partial L}{\partial w_1} = x_2 (y - f)",
)


def make_logistic_document() -> DocumentResult:
    steps = [
        _step(7, [_link("f", r"\sigma(z)", Verdict.VALID, Method.DEFINITION)],
              kind=StepKind.DEFINITION),
        _step(9, [_link(r"\frac{\partial L}{\partial f}", r"\frac{-y}{f} + \frac{1-y}{1-f}",
                        Verdict.VALID, Method.PROVED)]),
        _step(11, [
            _link(r"\frac{\partial L}{\partial w_0}",
                  r"\left[\frac{-y}{f} + \frac{1-y}{1-f}\right] f(1-f)\, x_1",
                  Verdict.VALID, Method.PROVED),
            _link(r"\left[\frac{-y}{f} + \frac{1-y}{1-f}\right] f(1-f)\, x_1", r"(f-y) x_1",
                  Verdict.VALID, Method.SAMPLED),
        ]),
        _step(15, [SIGN_SLIP], derivation=1, first_invalid=True),
        _step(17, [_link(r"w_1", r"w_1 - \alpha \nabla_{w_1} L", Verdict.UNDECIDED,
                         message="The time budget ran out before either side was shown.")],
              kind=StepKind.UPDATE, derivation=1),
        _step(19, [_link(r"\sigma(0)", "0.6", Verdict.INVALID, Method.NUMERIC,
                         message="The exact value is 0.5, which does not round to 0.6.")],
              derivation=1),
    ]
    return DocumentResult(path="derivations/logistic.md",
                          title="Logistic regression with binary cross-entropy", steps=steps)


def make_ocr_document() -> DocumentResult:
    steps = [
        _step(3, [_link(r"\sigma(7.5)", "0.99944", Verdict.VALID, Method.NUMERIC)]),
        _step(5, [_link(r"\lg \operatorname{softmax}(s_k)",
                        r"\xrightarrow{\operatorname{one-hot}} \sum_{k=1}^{K} y_k",
                        Verdict.UNPARSEABLE, relation=r"\Rightarrow",
                        message="An arrow with a label over it is not a relation "
                                "that can be checked.")]),
    ]
    return DocumentResult(path="seeds/000.txt", title="Softplus network (OCR)", steps=steps,
                          warnings=["unknown convention key 'logs' (ignored)"])


@pytest.fixture
def sample_documents() -> list[DocumentResult]:
    return [make_logistic_document(), make_ocr_document()]


def report_json(text: str) -> dict:
    """A JSON report, parsed and validated against the JSON Schema the package ships.

    Every test that reads a JSON report reads it through here, so that no report the
    tests see can drift from the schema.
    """
    import json

    import jsonschema

    from symbolic.report import json_schema

    data = json.loads(text)
    jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)
    return data
