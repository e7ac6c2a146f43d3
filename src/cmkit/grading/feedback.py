"""Feedback for learners that shows each test's name, result and message, never a hidden test.

nbgrader's own ``generate_feedback`` renders the autograded notebook, whose test cells hold the
hidden tests and whose tracebacks quote them (jupyter/nbgrader#917). Here each test cell's
source is replaced by its *released* (visible) source, and its outputs by the check's message,
before the notebook is rendered to HTML in nbgrader's feedback folder, where nbgrader's
``release_feedback`` finds it.
"""

from __future__ import annotations

import html
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from cmkit import notebooks
from cmkit.grading import results
from cmkit.grading.results import GRADED, SubmissionResult


def feedback_notebook(autograded, release, result: SubmissionResult, notebook: str):
    """A copy of the autograded notebook that is safe to show the learner."""
    visible = notebooks.cells_by_id(release) if release is not None else {}
    outcomes = {c.cell: c for c in result.cells if c.notebook == notebook}
    nb = nbformat.from_dict(autograded)
    for cell in nb.cells:
        cell_id = notebooks.grade_id(cell)
        if not notebooks.is_autograded_test(cell):
            continue
        released = visible.get(cell_id)
        cell.source = released.source if released is not None else f"# test {cell_id}"
        outcome = outcomes.get(cell_id)
        if outcome is None:
            text = "not graded"
        elif outcome.passed:
            text = f"✔ passed ({outcome.score:g}/{outcome.max_score:g} points)"
        else:
            message = outcome.message or "this test did not pass"
            text = f"✗ {outcome.score:g}/{outcome.max_score:g} points\n{_without_ename(message)}"
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text + "\n")]
    summary = nbformat.v4.new_markdown_cell(_summary_markdown(result, notebook))
    nb.cells.insert(0, summary)
    return nb


def _without_ename(message: str) -> str:
    for prefix in ("CheckFailed: ", "NotAttempted: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def _summary_markdown(result: SubmissionResult, notebook: str) -> str:
    lines = [
        f"# Feedback · {result.assignment} · {html.escape(result.student)}",
        "",
        f"**Score:** {result.score:g} / {result.max_score:g}"
        + (
            " (some answers still need your instructor's grading)"
            if result.needs_manual_grade
            else ""
        ),
    ]
    if result.late_seconds > 0:
        lines.append(f"**Submitted late** by {result.late_seconds / 3600:.1f} hours.")
    if result.status != GRADED:
        lines.append(f"**Problem with this submission:** {html.escape(result.problem)}")
    lines += ["", "| test | points | result |", "|---|---|---|"]
    for cell in result.cells:
        if cell.notebook != notebook:
            continue
        state = "to be graded" if cell.passed is None else ("✔" if cell.passed else "✗")
        lines.append(f"| `{cell.cell}` | {cell.score:g} / {cell.max_score:g} | {state} |")
    return "\n".join(lines)


def render(nb) -> str:
    exporter = HTMLExporter(template_name="classic")
    body, _ = exporter.from_notebook_node(nb)
    return body


def write_feedback(course_root: Path, result: SubmissionResult) -> list[Path]:
    """Render feedback for every notebook of a graded submission; the files written."""
    written = []
    autograded = course_root / "grading" / "autograded" / result.student / result.assignment
    destination = course_root / "grading" / "feedback" / result.student / result.assignment
    for path in sorted(autograded.glob("*.ipynb")):
        release_path = course_root / "exercises" / result.assignment / path.name
        release = notebooks.read(release_path) if release_path.is_file() else None
        nb = feedback_notebook(notebooks.read(path), release, result, path.stem)
        destination.mkdir(parents=True, exist_ok=True)
        target = destination / f"{path.stem}.html"
        target.write_text(render(nb), encoding="utf-8")
        written.append(target)
    return written


def write_all(course_root: Path, assignment: str | None = None) -> list[Path]:
    written = []
    for result in results.read_all(course_root, assignment):
        written += write_feedback(course_root, result)
    return written
