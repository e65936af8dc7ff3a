"""The baseline side: its own virtualenv, and a worker process driven over JSON lines.

latex2sympy2 pins antlr4-python3-runtime 4.7.2, which clashes with the 4.13 runtime that
derivcheck's parser needs, so the baseline lives in benchmarks/.venv-baseline (made on
first use) and runs as a subprocess: benchmarks/baseline_worker.py.

    >>> with BaselineWorker(ensure_baseline_env(), timeout=10) as worker:
    ...     worker.check(claim)          # -> SideResult(verdict="valid", ms=..., ...)
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import venv
from importlib import metadata
from pathlib import Path

from outcome import SideResult

HERE = Path(__file__).resolve().parent
VENV_DIR = HERE / ".venv-baseline"
WORKER = HERE / "baseline_worker.py"
LATEX2SYMPY2 = "latex2sympy2==1.9.1"
# Seconds the worker may overrun its own alarm before it is killed and restarted.
GRACE = 5.0


def _requirements() -> list[str]:
    # The same SymPy as derivcheck's, so the comparison is of approaches, not versions.
    return [LATEX2SYMPY2, f"sympy=={metadata.version('sympy')}"]


def _python(env_dir: Path) -> Path:
    return env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def ensure_baseline_env(env_dir: Path = VENV_DIR, log=print) -> Path:
    """The baseline virtualenv's python, creating or updating the env when needed."""
    stamp = env_dir / "requirements.txt"
    wanted = "\n".join(_requirements()) + "\n"
    python = _python(env_dir)
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    log(f"setting up the baseline's virtualenv in {env_dir} ({', '.join(_requirements())}) ...")
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    cmd = [
        str(python),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
        *_requirements(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(
            f"could not install the baseline ({' '.join(cmd)}):\n{done.stderr[-2000:]}"
        )
    stamp.write_text(wanted)
    return python


class BaselineWorker:
    """One worker process; a claim that outlives timeout + GRACE kills and restarts it."""

    def __init__(self, python: Path, timeout: float):
        self.python = python
        self.timeout = timeout
        self.versions: dict[str, str] = {}
        self.restarts = 0
        self._proc: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._log_path = python.parent.parent / "worker.log"
        self._log_path.write_text("")  # one run's stderr of the worker(s), for debugging

    def __enter__(self) -> BaselineWorker:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker process and wait until it is warmed up."""
        self._lines = queue.Queue()
        self._log = open(self._log_path, "a")
        self._proc = subprocess.Popen(
            [str(self.python), str(WORKER), "--timeout", str(self.timeout)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            bufsize=1,
        )
        lines, stdout = self._lines, self._proc.stdout

        def pump() -> None:
            for line in stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        ready = self._read(timeout=120.0)
        if not ready or not ready.get("ready"):
            raise SystemExit(f"the baseline worker did not start; see {self._log_path}")
        self.versions = ready["versions"]

    def _read(self, timeout: float) -> dict | None:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            return None
        return json.loads(line) if line else None

    def close(self) -> None:
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._log.close()
        self._proc = None

    def _kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self.close()

    def check(self, claim) -> SideResult:
        """Send one claim; its verdict, or undecided when the worker hangs or dies."""
        request = {"id": claim.id, "claim": claim.claim, "given": list(claim.given)}
        try:
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            reply = None
        else:
            reply = self._read(timeout=self.timeout + GRACE)
        if reply is None or reply.get("id") != claim.id:
            self._kill()
            self.restarts += 1
            self.start()
            return SideResult(
                "undecided",
                self.timeout * 1000.0,
                detail="worker hung or died; killed and restarted",
                timeout=True,
            )
        return SideResult(
            reply["verdict"],
            reply["ms"],
            detail=reply.get("detail", ""),
            timeout=reply["verdict"] == "undecided" and "timeout" in reply.get("detail", ""),
        )
