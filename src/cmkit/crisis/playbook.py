"""Run a learner's playbook against a scenario.

A playbook is a function ``playbook(situation) -> list of decisions``. The simulator calls it
at the start and after every 15 minutes with a read-only ``Situation`` (what a community
manager would see) and applies the decisions it returns. Anything that goes wrong on the
learner's side (the function raises, returns ``None``, the placeholder ``...``, something
that is not a list, an invalid decision) becomes a ``PlaybookError`` whose one-line message
says when, what and how to fix it, never a traceback from inside the engine.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from .decisions import _kind, validate_all
from .engine import Simulation
from .errors import PlaybookError, PlaybookNotAttempted
from .messages import say
from .scoring import CrisisResult, score


def run_playbook(playbook: Callable, scenario="match_day", seed: int = 0) -> CrisisResult:
    """Run ``playbook`` over the whole exercise and score the outcomes."""
    if playbook is Ellipsis or not callable(playbook) or isinstance(playbook, type):
        if playbook is Ellipsis:
            raise PlaybookNotAttempted(say("returned_placeholder", clock="the start"))
        raise PlaybookError(say("not_callable", what=_kind(playbook)))
    sim = Simulation(scenario, seed)
    try:
        _run(playbook, sim)
    except PlaybookError as error:
        # A fresh exception: the learner sees one sentence, not the engine's inner frames.
        raise type(error)(str(error)) from None
    return score(sim)


def _run(playbook: Callable, sim: Simulation) -> None:
    while True:
        situation = sim.situation()
        clock = sim.clock
        returned = _call(playbook, situation, clock)
        if returned is Ellipsis:
            raise PlaybookNotAttempted(say("returned_placeholder", clock=clock))
        sim.apply(validate_all(returned, clock))
        if sim.finished:
            return
        sim.advance()


def _call(playbook: Callable, situation, clock: str):
    try:
        return playbook(situation)
    except PlaybookError:
        raise
    except Exception as error:  # the learner's code: every error becomes feedback
        raise PlaybookError(_explain(playbook, error, clock)) from None


def _explain(playbook: Callable, error: Exception, clock: str) -> str:
    code = getattr(playbook, "__code__", None)
    frames = traceback.extract_tb(error.__traceback__)
    line = ""
    inside = False
    if code is not None:
        mine = [f for f in frames if f.filename == code.co_filename]
        inside = any(f.name == code.co_name for f in mine)
        if mine and inside:
            offset = mine[-1].lineno - code.co_firstlineno + 1
            line = say("playbook_raised_line", line=offset)
    advice = ""
    if isinstance(error, TypeError):
        advice = say("advice_type_error" if inside else "advice_type_error_call")
    elif isinstance(error, AttributeError) and "Situation" in str(error):
        advice = say("advice_attribute_error")
    return say(
        "playbook_raised",
        clock=clock,
        line=line,
        error=type(error).__name__,
        detail=str(error)[:200],
        advice=advice,
    )
