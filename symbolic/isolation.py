"""Checks in reused worker processes, each task under a hard wall-clock kill and a memory cap.

`check_claim` and `check_document` send their work here, so that no input can hang, crash
or exhaust the caller's process, and so that they are safe to call from any thread on
Linux, macOS and Windows: the worker runs the check in its main thread, where the soft
budget (`symbolic.budget`) can interrupt SymPy on Unix.

- Time: each step reports when it starts; a step that runs past its hard limit (its links'
  soft budgets plus a grace period) has its worker killed. The step is undecided with the
  method "timeout", and the document is checked again from a fresh worker with that step
  skipped, so the rest of it is still checked.
- Memory: each worker caps its address space (`resource.setrlimit(RLIMIT_AS)`), so a step
  that needs more gets a MemoryError, reported as undecided with the method "memory".
  Windows has no `resource` module: there a worker has no memory cap, only the time limit.
- Crash: a worker that dies (a segfault, the system's out-of-memory killer) makes the step it
  was checking undecided with the method "crash" (or "memory" when it was killed by a
  signal, as the out-of-memory killer does); the rest of the document is still checked.

Workers start through "forkserver" where it exists (Linux, macOS), else "spawn" (Windows),
never by forking the caller: forking a process that runs threads can deadlock.

    DERIVCHECK_ISOLATION=off   run checks in the calling process (debugging, profiling)
    DERIVCHECK_MEMORY_MB=N     the memory cap of a worker (default 4096)
"""

from __future__ import annotations

import ast
import atexit
import concurrent.futures
import importlib
import itertools
import linecache
import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MEMORY_LIMIT_MB = int(os.environ.get("DERIVCHECK_MEMORY_MB", "4096"))
GRACE_SECONDS = 30.0     # a worker's start-up (imports) and a step's parsing, on a slow machine
POLL_SECONDS = 0.02
STOP_POLL_SECONDS = 0.01  # how often the pool looks whether it is to stop

_TOKENS = itertools.count()
_progress_queue = None   # in a worker: the pipe where it says which step it is checking


def enabled() -> bool:
    """Whether checks run in worker processes (`DERIVCHECK_ISOLATION=off` turns it off, and
    so does a script that calls derivcheck where its workers would call it again)."""
    if os.environ.get("DERIVCHECK_ISOLATION", "on").lower() in ("off", "0", "no"):
        return False
    return not _called_from_unguarded_script()


UNGUARDED = ("derivcheck: this script calls derivcheck at its top level, outside "
             "`if __name__ == \"__main__\":`; worker processes import the script again and "
             "would run the call again, so it is checked in this process, without the hard "
             "time limit. Put the calls under `if __name__ == \"__main__\":` to use workers.")


def _called_from_unguarded_script() -> bool:
    """Whether the caller is a script's top-level code outside `if __name__ == "__main__":`.

    Workers start by "spawn" or "forkserver", and each imports the main script again (as
    `__mp_main__`), running its unguarded top-level code: the call would run again in every
    worker and start workers of its own, which Python refuses. Such a caller gets its check
    in its own process, with a warning.
    """
    main = sys.modules.get("__main__")
    spec_name = getattr(getattr(main, "__spec__", None), "name", None) or ""
    if main is None or getattr(main, "__file__", None) is None \
            or spec_name == "__main__" or spec_name.endswith(".__main__"):
        return False      # interactive, a notebook, or `python -m package`: not run again
    frame = sys._getframe(1)
    while frame is not None and not (frame.f_globals is vars(main)
                                     and frame.f_code.co_name == "<module>"):
        frame = frame.f_back
    if frame is None or _under_main_guard(frame.f_code.co_filename, frame.f_lineno):
        return False
    warnings.warn_explicit(UNGUARDED, RuntimeWarning, frame.f_code.co_filename, frame.f_lineno)
    return True


def _under_main_guard(path: str, line: int) -> bool:
    """Whether line `line` of the script at `path` sits in `if __name__ == "__main__":`."""
    try:
        module = ast.parse("".join(linecache.getlines(path)))
    except (SyntaxError, ValueError):
        return True       # cannot tell: use workers, as before
    for statement in module.body:
        if statement.lineno <= line <= (statement.end_lineno or statement.lineno):
            return isinstance(statement, ast.If) and _is_main_test(statement.test)
    return True


def _is_main_test(test: ast.expr) -> bool:
    names = {node.id for node in ast.walk(test) if isinstance(node, ast.Name)}
    texts = {node.value for node in ast.walk(test) if isinstance(node, ast.Constant)}
    return "__name__" in names and "__main__" in texts


def hard_seconds(budget_seconds: float, links: int) -> float:
    """The hard limit of one step: every link's soft budget, one more, and the grace."""
    return budget_seconds * (max(links, 1) + 1) + GRACE_SECONDS


@dataclass(frozen=True)
class Stopped:
    """Why a worker stopped before its task ended, and at which step (-1: before any)."""

    reason: str          # "timeout", "memory" or "crash" (a Method value)
    step: int
    message: str


@dataclass(frozen=True)
class Named:
    """A module-level function sent to a worker by its names and imported there: the caller
    need not have loaded its module (the checking engine) itself."""

    module: str
    name: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)


# --- in the worker -------------------------------------------------------------------


def _start_worker(progress, memory_mb: int) -> None:
    global _progress_queue
    _progress_queue = progress
    cap_memory(memory_mb)


def cap_memory(memory_mb: int) -> bool:
    """Cap this process's address space at `memory_mb`; False where that is not possible."""
    try:
        import resource
    except ImportError:      # Windows: no memory cap, only the time limit
        return False
    limit = memory_mb * 1024 * 1024
    for name in ("RLIMIT_AS", "RLIMIT_DATA"):   # macOS refuses RLIMIT_AS; DATA then
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            _, hard = resource.getrlimit(which)
            cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
            resource.setrlimit(which, (cap, hard))
            return True
        except (ValueError, OSError):
            continue
    return False


def report_step(token: int, step: int, links: int) -> None:
    """Tell the parent that step `step` (with `links` links) starts now."""
    if _progress_queue is not None:
        _progress_queue.send((token, step, links))


def _run_claim(token: int, check: Callable, arguments: dict, links: int) -> Any:
    report_step(token, 0, links)
    return check(**arguments)


def _run_document(token: int, check: Callable, arguments: dict, skipped: dict) -> Any:
    report_step(token, -1, 0)
    return check(**arguments, skipped=skipped,
                 on_step=lambda step, links: report_step(token, step, links))


# --- in the caller -------------------------------------------------------------------


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["symbolic.claims", "symbolic.stepwise"])
        _start_forkserver_safely()
        return context
    return multiprocessing.get_context("spawn")


def start_early() -> None:
    """Start the fork server now, where workers start by forking it, so that it imports the
    engine while the caller goes on (the command line imports its own modules and finds the
    documents meanwhile: a cold start overlaps the two on two cores). Later pools use it."""
    if enabled() and "forkserver" in multiprocessing.get_all_start_methods():
        try:
            _context()
        except (OSError, RuntimeError, ValueError):
            return    # only a head start: the pool says what went wrong when it is made


_SAFE_START = threading.Lock()


def _start_forkserver_safely() -> None:
    """Start the fork server without the current folder on its import path.

    It runs `python -c …`, which would put the current folder first on `sys.path`: a folder
    being checked that holds a `symbolic/` package (or a `sympy.py`) would then be imported
    by every worker. PYTHONSAFEPATH (Python 3.11+) keeps it off, for the server only.
    """
    from multiprocessing import forkserver

    with _SAFE_START:
        saved = os.environ.get("PYTHONSAFEPATH")
        os.environ["PYTHONSAFEPATH"] = "1"
        try:
            forkserver.ensure_running()
        finally:
            if saved is None:
                os.environ.pop("PYTHONSAFEPATH", None)
            else:
                os.environ["PYTHONSAFEPATH"] = saved


class WorkerPool:
    """Worker processes, reused from task to task, and the watch over their steps.

    Each of the `workers` slots is a pool of one process, started on its first task; a task
    goes to the lowest free slot. Checks made one at a time (a script calling `check_claim`
    in a loop) all go to the first worker, whose caches they fill and use; checks made at
    once (threads, `--jobs`) spread over the slots. Safe to use from any number of threads
    at once.
    """

    def __init__(self, workers: int, memory_mb: int = MEMORY_LIMIT_MB):
        context = _context()
        self.workers = workers
        self.memory_mb = memory_mb
        # a one-way pipe: a message of a few bytes is written atomically, so the workers
        # need no shared lock (a named semaphore that a killed worker could leave behind)
        self._reader, self._writer = context.Pipe(duplex=False)
        import pebble  # here, not at the top: `start_early` needs none of it
        from pebble.common import CONSTS

        # the pool's watcher looks every `sleep_unit` seconds whether it is to stop: at 0.1 s
        # (pebble's default) a one-document command waited up to that long to exit
        CONSTS.sleep_unit = min(CONSTS.sleep_unit, STOP_POLL_SECONDS)
        self._pools = [pebble.ProcessPool(max_workers=1, initializer=_start_worker,
                                          initargs=(self._writer, memory_mb), context=context)
                       for _ in range(max(1, workers))]
        self._busy = [False] * len(self._pools)
        self._freed = threading.Condition()
        self._lock = threading.Lock()
        self._progress: dict[int, tuple[int, int, float]] = {}
        self._listener = threading.Thread(target=self._listen, daemon=True,
                                          name="derivcheck-progress")
        self._listener.start()

    def _listen(self) -> None:
        while True:
            try:
                item = self._reader.recv()
            except (EOFError, OSError):
                return
            if item is None:
                return
            token, step, links = item
            with self._lock:
                self._progress[token] = (step, links, time.monotonic())

    def close(self) -> None:
        for pool in self._pools:
            pool.stop()
        for pool in self._pools:
            pool.join()
        self._writer.send(None)
        self._listener.join(timeout=5)
        self._reader.close()
        self._writer.close()

    def run(self, function: Callable, args: tuple, budget_seconds: float) -> Any:
        """`function(token, *args)` in a worker; its result, or `Stopped` when it was stopped.

        Raises what the task raised (a DerivcheckError on bad input, say).
        """
        token = next(_TOKENS)
        slot = self._take_slot()
        try:
            future = self._pools[slot].schedule(function, args=(token, *args))
            return self._watch(future, token, budget_seconds)
        finally:
            self._give_back(slot)
            with self._lock:
                self._progress.pop(token, None)

    def _take_slot(self) -> int:
        """The lowest free slot (waiting for one while all are busy), now taken."""
        with self._freed:
            while all(self._busy):
                self._freed.wait()
            slot = self._busy.index(False)
            self._busy[slot] = True
            return slot

    def _give_back(self, slot: int) -> None:
        with self._freed:
            self._busy[slot] = False
            self._freed.notify()

    def _watch(self, future, token: int, budget_seconds: float) -> Any:
        import pebble

        while True:
            try:
                return future.result(timeout=POLL_SECONDS)
            except concurrent.futures.TimeoutError:
                pass
            except pebble.ProcessExpired as error:
                return self._expired(token, error)
            except MemoryError:
                return Stopped("memory", self._step(token), self._memory_message())
            with self._lock:
                progress = self._progress.get(token)
            if progress is None:
                continue         # still waiting for a free worker: no clock runs yet
            step, links, started = progress
            limit = hard_seconds(budget_seconds, links) if step >= 0 else GRACE_SECONDS
            if time.monotonic() - started > limit:
                future.cancel()  # pebble kills the worker and starts a fresh one
                return Stopped("timeout", step,
                               f"undecided: the hard time limit of {limit:g} s (the safety net "
                               "behind the work limits) fired, and the check was stopped")

    def _step(self, token: int) -> int:
        with self._lock:
            progress = self._progress.get(token)
        return progress[0] if progress else -1

    def _memory_message(self) -> str:
        return (f"undecided: this needed more than the memory cap of {self.memory_mb} MB "
                "(set DERIVCHECK_MEMORY_MB to change it)")

    def _expired(self, token: int, error) -> Stopped:
        step = self._step(token)
        code = getattr(error, "exitcode", None)
        if isinstance(code, int) and code < 0:   # killed by a signal: the OOM killer's way
            return Stopped("memory", step,
                           f"undecided: the worker checking this was killed by signal "
                           f"{-code} (out of memory?)")
        return Stopped("crash", step,
                       f"undecided: the worker checking this stopped unexpectedly (exit code "
                       f"{code}); please report it")


_default_pool: WorkerPool | None = None
_default_lock = threading.Lock()


def default_pool() -> WorkerPool:
    """The process-wide pool `check_claim` and `check_document` use, started on first use."""
    global _default_pool
    with _default_lock:
        if _default_pool is None:
            _default_pool = WorkerPool(workers=max(1, min(os.cpu_count() or 1, 4)))
            atexit.register(_close_default)
        return _default_pool


def _close_default() -> None:
    global _default_pool
    with _default_lock:
        if _default_pool is not None:
            _default_pool.close()
            _default_pool = None


def run_claim(check: Callable, arguments: dict, links: int,
              pool: WorkerPool | None = None) -> Any:
    """`check(**arguments)` (a claim of `links` links) in a worker, or why it was stopped
    (`Stopped`). `check` is a module-level function, so that it travels by name."""
    pool = pool or default_pool()
    return pool.run(_run_claim, (check, arguments, links), arguments["budget_seconds"])


def run_document(check: Callable, arguments: dict, pool: WorkerPool | None = None) -> Any:
    """`check(**arguments, skipped=…, on_step=…)` (a document's check) in a worker; a step
    that stops its worker is skipped on a fresh worker (with its reason) until the whole
    document is checked.

    Raises:
        DerivcheckError: the document could not be read, or reading it stopped the worker.
    """
    from symbolic.errors import DerivcheckError

    pool = pool or default_pool()
    skipped: dict[int, Stopped] = {}
    while True:
        outcome = pool.run(_run_document, (check, arguments, skipped),
                           arguments["budget_seconds"])
        if not isinstance(outcome, Stopped):
            return outcome
        if outcome.step < 0 or outcome.step in skipped:
            raise DerivcheckError(f"reading the document stopped its worker: "
                                  f"{outcome.message.removeprefix('undecided: ')}")
        skipped = {**skipped, outcome.step: outcome}


def peak_memory_mb(token: int = 0) -> float:
    """The calling process's peak resident memory in MB (a worker's, run as a task);
    0 where the system does not say (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if os.uname().sysname == "Darwin" else 1)
