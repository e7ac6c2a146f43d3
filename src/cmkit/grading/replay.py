"""Replayed test cells: the instructor's test code run again on the learner's exported answers.

Some test cells compute something from the learner's variables before checking it
(``problems = validate_calendar(calendar, MONTH)``), so their checks cannot be planned without
the answers. Such a cell is *replayed* in the trusted grading process: the learner's variables
it reads arrive as plain data (``cmkit.grading.plain``), are bound into a fresh copy of the
instructor's setup namespace, and the cell's own source runs there with the check helpers
judging as usual. No learner code runs here: a learner's function arrives as the results it
gave in the kernel for the inputs recorded when the plan was made, and a ``StandIn`` answers
from them (``cmkit.grading.replay_plan`` decides which cells qualify).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import signal
import tempfile
import threading
import warnings
from dataclasses import dataclass, field

CELL_TIMEOUT_SECONDS = 60  # as nbgrader's Execute.timeout for the cell in the kernel
MAX_SETUPS = 16  # setup namespaces kept per process (one per notebook of a graded course)


@dataclass
class Replay:
    """What the grader needs to replay one test cell (plain data: plans go to workers)."""

    source: str
    setup: tuple[str, ...]  # the instructor's cells before the test, in order
    names: list[str]  # the learner's variables the cell reads, in export order
    calls: dict[str, list[tuple]] = field(default_factory=dict)  # function -> its inputs
    # functions called on inputs that depend on their answers: asked live (cmkit.grading.bridge)
    bridged: tuple[str, ...] = ()

    def kernel_plan(self) -> list[dict]:
        """What ``cmkit.grading.export`` writes for this cell, one item per name."""
        return [
            {
                "name": name,
                "kind": "bridge"
                if name in self.bridged
                else "function"
                if name in self.calls
                else "value",
                "cases": list(self.calls.get(name, [])),
            }
            for name in self.names
        ]


class Missed(BaseException):
    """A stand-in was asked about an input the learner's function was not run on.

    A ``BaseException`` so that instructor code catching ``Exception`` cannot hide it."""


class TimedOut(BaseException):
    pass


def answer_of(result):
    """What the learner's function gave, as the kernel gave it: its value, or its error
    raised again under the same name."""
    from cmkit.checks.exported import Raised

    if isinstance(result, Raised):
        raise _error_type(result.error)(result.detail)
    return result


def call_key(args: tuple) -> str:
    from .plain import to_plain

    return json.dumps(to_plain(tuple(args)), sort_keys=True)


def _error_type(name: str) -> type:
    """An exception class with the name of the one the learner's function raised, so test
    code and messages see the same name as in the kernel."""
    return type(str(name)[:100] or "Exception", (Exception,), {"__module__": "learner"})


class StandIn:
    """Answers in place of the learner's function, from what it returned in the kernel."""

    def __init__(self, name: str, calls: list[tuple], results: tuple):
        self.__name__ = name
        # results missing from a tampered export leave their inputs unanswered (Missed)
        answered = zip(calls, results, strict=False)
        self._answers = {call_key(args): result for args, result in answered}

    def __call__(self, *args, **kwargs):
        key = None if kwargs else call_key(args)
        if key not in self._answers:
            raise Missed(
                f"This test asked `{self.__name__}` about an input it had not been run on in "
                "your notebook, so the grader could not judge it; your instructor can check "
                "this cell by hand."
            )
        return copy.deepcopy(answer_of(self._answers[key]))  # test code may change it


def bind(namespace: dict, replay: Replay, values: list, channel=None) -> dict:
    """The learner's rebuilt values in ``namespace``; a missing variable stays unbound (the
    helpers then say "not attempted", other code raises ``NameError`` as in the kernel).
    A bridged function asks the kernel through ``channel`` (``cmkit.grading.bridge``)."""
    from cmkit.checks.core import MISSING
    from cmkit.checks.exported import Bridged, FunctionResults

    for name, value in zip(replay.names, values, strict=True):
        if value is MISSING:
            continue
        if name in replay.calls and isinstance(value, FunctionResults):
            value = StandIn(name, replay.calls[name], value.results)
        elif name in replay.bridged and isinstance(value, Bridged):
            from .bridge import Caller

            if channel is None:
                continue  # no kernel to ask: as if it were not there
            value = Caller(name, channel)
        namespace[name] = value
    return namespace


def judge(replay: Replay, values: list, label: str, channel=None) -> tuple[str, str] | None:
    """Replay the cell on ``values`` (rebuilt exports, in ``replay.names`` order): ``None``
    when it passes, else the error it ends with, as ``(name, message)``."""
    namespace = bind(setup_namespace(replay.setup), replay, values, channel)
    return run_cell(replay.source, namespace, label)


# --- running instructor code ---------------------------------------------------------------


_SETUPS: dict[str, dict] = {}


def setup_namespace(sources: tuple[str, ...]) -> dict:
    """A fresh copy of the namespace the instructor's setup cells make (run once per
    process and kept: grading workers replay many learners' cells on the same setup)."""
    key = hashlib.sha256("\0".join(sources).encode()).hexdigest()
    if key not in _SETUPS:
        import matplotlib

        matplotlib.use("Agg")
        namespace: dict = {"__name__": "__main__"}
        with _elsewhere():
            for number, source in enumerate(sources):
                try:
                    exec(compile(source, f"<setup {number}>", "exec"), namespace)
                except Exception:  # as when planning: the tests that need it will fail
                    pass
        while len(_SETUPS) >= MAX_SETUPS:
            _SETUPS.pop(next(iter(_SETUPS)))
        _SETUPS[key] = namespace
    return fresh(_SETUPS[key])


def fresh(namespace: dict) -> dict:
    """A copy whose data (tables, lists, dictionaries) test code may change without changing
    the kept setup; modules and functions are shared."""
    import numpy as np
    import pandas as pd

    copied = {}
    for name, value in namespace.items():
        if isinstance(value, (pd.DataFrame, pd.Series, pd.Index, np.ndarray, list, dict, set)):
            try:
                value = copy.deepcopy(value)
            except Exception:  # not copyable: shared, as the kernel would share it
                pass
        copied[name] = value
    return copied


def run_cell(source: str, namespace: dict, label: str) -> tuple[str, str] | None:
    """Run a test cell's source with the check helpers judging; the first failure, as the
    kernel would show it, or ``None``."""
    from cmkit.checks.core import RECORDS, CheckFailed, NotAttempted

    kept = len(RECORDS)
    try:
        with _elsewhere(), _time_limit(CELL_TIMEOUT_SECONDS):
            exec(compile(source, f"<{label}>", "exec"), namespace)
    except NotAttempted as error:
        return "NotAttempted", error.outcome.message
    except CheckFailed as error:
        return "CheckFailed", error.outcome.message
    except Missed as error:
        return "NotJudged", str(error)
    except TimedOut:
        return "TimeoutError", f"The test ran longer than {CELL_TIMEOUT_SECONDS} s on your answers."
    except (Exception, SystemExit) as error:  # the test's code failed on these answers
        return type(error).__name__, str(error)
    finally:
        del RECORDS[kept:]  # this process's record of outcomes is the learner's business
        import matplotlib.pyplot as plt

        plt.close("all")
    return None


@contextlib.contextmanager
def quiet():
    """Instructor code runs silently: its prints and warnings went to the kernel before."""
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        yield


@contextlib.contextmanager
def _elsewhere():
    """Quietly, in a scratch folder: files the instructor's code writes are not kept. (A
    bridged cell is judged in a thread, where changing the process's folder would move the
    grading worker's too: it stays where it is.)"""
    if threading.current_thread() is not threading.main_thread():
        with quiet():
            yield
        return
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="cmkit-replay-") as scratch:
        os.chdir(scratch)
        try:
            with quiet():
                yield
        finally:
            os.chdir(here)


@contextlib.contextmanager
def _time_limit(seconds: float):
    # SIGALRM works in the main thread only; an outer limit already running is left alone
    if threading.current_thread() is not threading.main_thread() or any(
        signal.getitimer(signal.ITIMER_REAL)
    ):
        yield
        return

    def expire(signum, frame):
        raise TimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
