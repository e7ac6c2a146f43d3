"""Trusted grading: test cells are judged outside the learner's process.

nbgrader runs test cells in the same kernel as the learner's code, so that code can change
what the tests see: replace the check helpers, register an input transformer that blanks later
cells, define objects that claim to equal anything. Here, a test cell written with the check
helpers is never run in the learner's kernel:

1. **Plan** (trusted, once per assignment): the instructor's code (the read-only setup cells)
   and each test cell are run outside any learner's process with the helpers *recording*
   instead of judging. This gives, per test cell, its checks with their expected values, which
   were computed from a fresh ``load`` and never enter the learner's kernel.
2. **Export** (learner's kernel): each such test cell is replaced by one call that writes the
   answers its checks read (and, for function checks, the learner's function applied to the
   cases' inputs) as plain JSON. Hidden test source never reaches the kernel.
3. **Judge** (trusted): the exported values are rebuilt from their data and judged by the same
   ``Check.evaluate`` the learner saw on *Validate*; the test cell gets its source back, and an
   error output with the check's message when it fails, so nbgrader's ``SaveAutoGrades``
   scores it exactly as usual.

A test cell whose code computes from the learner's variables before checking them cannot be
planned with the setup alone: it is *replayed* instead (``cmkit.grading.replay``). Planned
with the solution's answers, it records the learner variables it reads; the kernel exports
those as plain data (a learner's function as its results on recorded inputs), and the grader
runs the cell's own source on them, in a copy of the setup's namespace.

A test cell that can be neither (plain ``assert`` code an instructor added, a learner's
function whose next input depends on its last answer, answers that lose something as plain
data) keeps nbgrader's usual semantics and runs in the kernel; ``NotebookPlan.in_kernel``
says why.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from cmkit import notebooks
from cmkit.checks.core import EXPORTABLE, NOT_ATTEMPTED, Check, recording
from cmkit.checks.exported import Bridged
from cmkit.grading import bridge, replay, replay_plan
from cmkit.grading.export import EXPORT_DIR, PLAN_FILE
from cmkit.grading.replay import Replay, quiet
from cmkit.grading.replay_plan import SolutionRun

MAX_EXPORT_BYTES = 64 * 1024 * 1024  # per test cell; a larger export is not read


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


@dataclass
class NotebookPlan:
    """What each test cell of one notebook asks, learned outside any learner's process."""

    checks: dict[str, list[Check]] = field(default_factory=dict)  # judged outside the kernel
    replays: dict[str, Replay] = field(default_factory=dict)  # replayed outside the kernel
    sources: dict[str, str] = field(default_factory=dict)  # hash of the planned source
    in_kernel: dict[str, str] = field(default_factory=dict)  # cell -> why it runs in the kernel


def _is_instructor_code(cell) -> bool:
    meta = notebooks.nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("locked")) and not meta.get("grade")


def plan_notebook(source_nb) -> NotebookPlan:
    """Run the instructor's cells and record each test cell's checks (see module docstring)."""
    import matplotlib

    matplotlib.use("Agg")
    plan = NotebookPlan()
    namespace: dict = {"__name__": "__main__"}
    setup: list[str] = []
    solution = SolutionRun(source_nb.cells)  # run only if a test cell needs answers
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="cmkit-plan-") as scratch:
        os.chdir(scratch)  # instructor code that writes files writes them here
        try:
            for position, cell in enumerate(source_nb.cells):
                cell_id = notebooks.grade_id(cell)
                if _is_instructor_code(cell):
                    setup.append(cell.source)
                    try:
                        with quiet():
                            exec(compile(cell.source, f"<{cell_id}>", "exec"), namespace)
                    except Exception:  # later test cells will fall back to the kernel
                        pass
                elif notebooks.is_autograded_test(cell):
                    failed = _plan_test(plan, cell_id, cell.source, namespace)
                    if failed:
                        _plan_replay(
                            plan, cell_id, cell.source, tuple(setup), failed, solution, position
                        )
        finally:
            os.chdir(here)
            import matplotlib.pyplot as plt

            plt.close("all")
    return plan


def _plan_test(plan: NotebookPlan, cell_id: str, source: str, namespace: dict) -> str | None:
    """Plan the cell's checks; when its code fails without the learner's answers, say why
    (the caller then tries to replay it)."""
    try:
        code = compile(source, f"<{cell_id}>", "exec")
    except SyntaxError as error:
        plan.in_kernel[cell_id] = f"not plain Python ({error.msg})"
        return None
    with recording() as session:
        try:
            with quiet():
                exec(code, dict(namespace))
        except Exception as error:
            return f"its code needs the learner's kernel ({type(error).__name__})"
    if not session.checks:
        plan.in_kernel[cell_id] = "it calls no check helper"
        return None
    live = sorted({check.kind for check in session.checks} - EXPORTABLE)
    if live:
        plan.in_kernel[cell_id] = f"its {', '.join(live)} check reads live objects"
        return None
    plan.checks[cell_id] = session.checks
    plan.sources[cell_id] = source_hash(source)
    return None


def _plan_replay(plan, cell_id, source, setup, why, solution, position) -> None:
    """Replay the cell on the learner's exported variables if it can be (replay_plan)."""
    try:
        planned = replay_plan.plan(
            cell_id, source, setup, solution.up_to(position), solution.answers
        )
    except Exception as error:  # an unforeseen cell: nbgrader's usual way
        planned = f"{why}; it could not be planned for replay ({type(error).__name__})"
    if isinstance(planned, Replay):
        plan.replays[cell_id] = planned
        plan.sources[cell_id] = source_hash(source)
    else:
        plan.in_kernel[cell_id] = planned


def export_source(cell_id: str, folder: Path) -> str:
    return (
        f'__import__("cmkit.grading.export", fromlist=["export"]).export({cell_id!r}, '
        f"{str(folder)!r})"
    )


@dataclass
class Judging:
    """The test cells of one notebook judged outside its kernel, while it runs and after."""

    sources: dict[str, str]  # cell -> its own source, given back once judged
    bridge: bridge.Bridge | None = None  # judges bridged cells while the kernel runs them

    def close(self) -> None:
        if self.bridge is not None:
            self.bridge.close()


def prepare(nb, plan: NotebookPlan, folder: Path) -> Judging:
    """The notebook to execute: planned test cells replaced by exports (hidden tests leave
    the notebook); the plan file the exports read; a bridge listening for the cells whose
    learner's function is asked live. Returns the cells judged outside."""
    judged = {}
    kernel_plan = {}
    for cell in nb.cells:
        cell_id = notebooks.grade_id(cell)
        if not notebooks.is_autograded_test(cell) or cell_id not in plan.sources:
            continue
        if source_hash(cell.source) != plan.sources[cell_id]:
            continue  # not the source the plan was made from: nbgrader's usual way
        judged[cell_id] = cell.source
        cell.source = export_source(cell_id, folder)
        if cell_id in plan.replays:
            kernel_plan[cell_id] = plan.replays[cell_id].kernel_plan()
            continue
        kernel_plan[cell_id] = [
            {
                "name": check.name,
                "kind": check.kind,
                "cases": [args for args, _ in check.params.get("cases", [])],
            }
            for check in plan.checks[cell_id]
        ]
    with open(folder / PLAN_FILE, "wb") as stream:
        pickle.dump(kernel_plan, stream)
    judging = Judging(judged)
    if any(plan.replays[cell].bridged for cell in judged if cell in plan.replays):
        judging.bridge = bridge.Bridge(
            folder, lambda cell_id, channel: _judge_bridged(plan, folder, cell_id, channel)
        )
    return judging


def _judge_bridged(plan: NotebookPlan, folder: Path, cell_id: str, channel):
    """A bridged cell, judged while the kernel answers through ``channel``."""
    replayed = plan.replays.get(cell_id)
    values = read_exports(folder, cell_id)
    if replayed is None or not replayed.bridged:
        return ("NotJudged", f"{cell_id} is not judged this way")
    if values is None or len(values) != len(replayed.names):
        return ("NotAttempted", _not_exported(cell_id))
    return replay.judge(replayed, values, cell_id, channel)


def read_exports(folder: Path, cell_id: str) -> list | None:
    from .plain import from_plain

    path = folder / EXPORT_DIR / f"{cell_id}.json"
    if not path.is_file() or path.stat().st_size > MAX_EXPORT_BYTES:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [from_plain(item) for item in data]
    except (ValueError, KeyError, TypeError):
        return None


def judge(nb, plan: NotebookPlan, judging: Judging, folder: Path) -> None:
    """Give each judged test cell its source back and the outcome of its checks as output."""
    if judging.bridge is not None:
        judging.bridge.close()  # every bridged cell the kernel reached has been judged
    for cell in nb.cells:
        cell_id = notebooks.grade_id(cell)
        if cell_id not in judging.sources:
            continue
        cell.source = judging.sources[cell_id]
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        values = read_exports(folder, cell_id)
        replayed = plan.replays.get(cell_id)
        checks = plan.checks.get(cell_id, [])
        expected = len(replayed.names) if replayed else len(checks)
        outputs = []
        asked = judging.bridge.outcomes if judging.bridge else {}
        if replayed and replayed.bridged and cell_id in asked:  # judged while the kernel ran
            outputs += [_error(*asked[cell_id])] if asked[cell_id] else []
        elif (
            values is None
            or len(values) != expected
            or any(isinstance(value, Bridged) for value in values)  # a function never asked
        ):
            detail = f" ({errors[0].ename}: {errors[0].evalue})" if errors else ""
            outputs.append(_error("NotAttempted", _not_exported(cell_id) + detail))
        elif replayed:
            failure = replay.judge(replayed, values, cell_id)
            if failure:
                outputs.append(_error(*failure))
        else:
            for check, value in zip(checks, values, strict=True):
                outcome = check.evaluate(value)
                if not outcome.passed:
                    name = "NotAttempted" if outcome.status == NOT_ATTEMPTED else "CheckFailed"
                    outputs.append(_error(name, outcome.message))
                    break  # as in the kernel: the first failing check ends the cell
        cell.outputs = outputs


def _not_exported(cell_id: str) -> str:
    return (
        f"The answers for {cell_id} could not be read: the notebook stopped or changed before "
        "this test. Run every cell from the top (Kernel > Restart Kernel and Run All Cells) "
        "and make sure none of them fails."
    )


def _error(ename: str, message: str):
    return nbformat.v4.new_output("error", ename=ename, evalue=message, traceback=[message])
