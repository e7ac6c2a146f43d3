"""Runs inside the learner's kernel during trusted grading: at the place of each test cell,
write the answers that cell's checks read, as plain JSON, into the notebook's work folder.

Nothing here decides a score. If learner code tampers with this module, it can only change
what is exported as its own answer, which is then judged outside its process against
expected values it never saw.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

PLAN_FILE = ".cmkit-plan.pickle"  # written by the trusted side: names, function inputs
EXPORT_DIR = ".cmkit-exports"
BRIDGE_ADDRESS = ".cmkit-bridge"  # the grader's socket for bridged functions


def export(cell_id: str, folder: str) -> None:
    from cmkit.checks.core import MISSING

    namespace = sys._getframe(1).f_globals  # the notebook's namespace
    folder = Path(folder)
    with open(folder / PLAN_FILE, "rb") as stream:  # written by the grader, not the learner
        plan = pickle.load(stream)
    items = plan.get(cell_id, [])
    exported = [answer(namespace.get(item["name"], MISSING), item) for item in items]
    exports = folder / EXPORT_DIR
    exports.mkdir(exist_ok=True)
    temporary = exports / f".{cell_id}.tmp"
    temporary.write_text(json.dumps(exported), encoding="utf-8")
    os.replace(temporary, exports / f"{cell_id}.json")
    bridged = {
        item["name"]: namespace[item["name"]]
        for item, plain in zip(items, exported, strict=True)
        if item["kind"] == "bridge" and plain.get("t") == "bridged"
    }
    if bridged:  # the grader judges the cell now, asking these functions
        from .bridge import serve

        serve(str(folder / BRIDGE_ADDRESS), cell_id, bridged)


def answer(value, item: dict) -> dict:
    """One answer as plain data; a function as its results on the item's inputs."""
    from cmkit.checks.evaluators import call_safely
    from cmkit.checks.exported import FunctionResults

    from .plain import to_plain

    function = callable(value) and not isinstance(value, type)
    if item["kind"] == "function" and function:
        value = FunctionResults(tuple(call_safely(value, args) for args in item["cases"]))
    elif item["kind"] == "bridge" and function:
        return {"t": "bridged"}  # answers the grader's questions once exported
    try:
        return to_plain(value)
    except Exception as error:  # an answer that cannot be read is reported as such
        return {"t": "unsupported", "type": f"{type(value).__name__} ({error})"}
