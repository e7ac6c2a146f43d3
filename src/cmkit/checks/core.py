"""What a check is, what it concludes, and how a failure reaches the learner.

A check is data: a kind (``number``, ``table`` …), the name of the notebook variable it reads,
and its parameters (expected value, range, tolerances, known mistakes, a hint). Evaluating it
is a pure function of the answer's value, so the same check that gives feedback on *Validate*
can be evaluated again on exported plain values in another process.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .messages import say

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"


class CheckFailed(AssertionError):
    """An answer did not pass a check. Its message is written for the learner."""

    def __init__(self, outcome: Outcome):
        super().__init__(outcome.message)
        self.outcome = outcome

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: only the message, which says what was
        checked, what came back and where to look (the frames would only confuse)."""
        return self.outcome.message.splitlines()


class NotAttempted(CheckFailed):
    """The answer is missing or still the placeholder."""


class Missing:
    """Stands for a notebook variable that was never defined."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING = Missing()


@dataclass(frozen=True)
class Outcome:
    status: str
    name: str
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CORRECT


class Wrong(Exception):
    """Raised inside an evaluator: ``got`` says what came back (never the expected answer)."""

    def __init__(self, got: str, not_attempted: bool = False):
        super().__init__(got)
        self.got = got
        self.not_attempted = not_attempted


@dataclass
class Check:
    kind: str
    name: str
    what: str
    params: dict[str, Any] = field(default_factory=dict)
    hint: str | None = None

    def evaluate(self, answer: Any) -> Outcome:
        """Judge ``answer``; never raises for a bad answer, only reports."""
        if answer is MISSING:
            return Outcome(NOT_ATTEMPTED, self.name, say("undefined", name=self.name))
        if answer is Ellipsis:
            return Outcome(NOT_ATTEMPTED, self.name, say("placeholder", name=self.name))
        try:
            EVALUATORS[self.kind](self, answer)
        except Wrong as wrong:
            if wrong.not_attempted:
                return Outcome(NOT_ATTEMPTED, self.name, wrong.got)
            return Outcome(INCORRECT, self.name, self._explain(wrong.got))
        return Outcome(CORRECT, self.name)

    def _explain(self, got: str) -> str:
        lines = [
            say("header_failed", name=self.name),
            say("checked", what=self.what),
            say("came_back", got=got.rstrip(".")),
        ]
        if self.hint:
            lines.append(say("hint", hint=self.hint))
        return "\n".join(lines)

    def to_record(self) -> dict[str, Any]:
        """The check as plain data (what it reads and what it asks), for logs and reports."""
        return {"kind": self.kind, "name": self.name, "what": self.what, "hint": self.hint}


EVALUATORS: dict[str, Callable[[Check, Any], None]] = {}


# Kinds whose evaluator can judge an answer exported as plain data (cmkit.grading.plain):
# tests made only of these are judged outside the learner's kernel. A kind registered without
# saying so (a module's own check of a live matplotlib figure, say) runs in the kernel.
EXPORTABLE: set[str] = set()


def evaluator(kind: str, exportable: bool = False):
    def register(function: Callable[[Check, Any], None]):
        EVALUATORS[kind] = function
        if exportable:
            EXPORTABLE.add(kind)
        return function

    return register


def lookup(name: str, depth: int = 2) -> Any:
    """The value of the notebook variable ``name``, or ``MISSING``.

    Looked up in the namespace of the cell that called the check helper, which in a notebook
    is the learner's global namespace.
    """
    frame = inspect.currentframe()
    try:
        for _ in range(depth):
            frame = frame.f_back
        namespace = frame.f_globals
        return namespace.get(name, MISSING)
    finally:
        del frame


class Recording:
    """Collects the checks a test cell asks for, without reading any answer (see ``recording``)."""

    def __init__(self) -> None:
        self.checks: list[Check] = []


_RECORDING: list[Recording] = []


@contextmanager
def recording():
    """Within this block, check helpers record their checks instead of judging answers.

    Trusted grading runs a test cell's source this way, outside the learner's process, to learn
    what it asks (names, expected values computed from a fresh ``load``); the answers are then
    exported from the learner's kernel as plain data and judged here.
    """
    session = Recording()
    _RECORDING.append(session)
    try:
        yield session
    finally:
        _RECORDING.remove(session)


def run(check: Check, answer: Any) -> Outcome | None:
    """Evaluate and raise ``CheckFailed`` (or ``NotAttempted``) on anything but a pass."""
    __tracebackhide__ = True  # IPython hides this frame: the learner sees only the message
    if _RECORDING:
        _RECORDING[-1].checks.append(check)
        return None
    outcome = check.evaluate(answer)
    RECORDS.append({**check.to_record(), "status": outcome.status})
    if outcome.status == NOT_ATTEMPTED:
        raise NotAttempted(outcome)
    if outcome.status == INCORRECT:
        raise CheckFailed(outcome)
    return outcome


# The outcomes of this process's checks, in order: a report can list them after a run.
RECORDS: list[dict[str, Any]] = []


def describe_type(value: Any) -> tuple[str, str]:
    """An article and a plain-words name of ``value``'s type, for "what came back"."""
    import pandas as pd

    names = {
        bool: "True/False value",
        int: "whole number",
        float: "decimal number",
        str: "text",
        list: "list",
        tuple: "tuple",
        dict: "dictionary",
        set: "set",
        pd.DataFrame: "table (DataFrame)",
        pd.Series: "column (Series)",
    }
    for kind, label in names.items():
        if isinstance(value, kind):
            return ("an" if label[0] in "aeiou" else "a"), label
    from .exported import Unsupported

    label = value.type_name if isinstance(value, Unsupported) else type(value).__name__
    return "an", f"object of type `{label}`"
