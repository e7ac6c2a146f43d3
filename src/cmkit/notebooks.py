"""Reading, writing and inspecting the kit's notebooks (nbgrader cell metadata included)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from cmkit.errors import KitError

SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")
HIDDEN_MARKERS = ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def read(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise KitError(f"{path}: no such notebook; check the path") from None
    except Exception as error:  # nbformat raises several unrelated types for a bad file
        raise KitError(
            f"{path}: not a readable notebook ({type(error).__name__}: {error}); "
            "restore it from version control or re-export it from Jupyter"
        ) from None


def write(notebook: nbformat.NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def is_answer(cell) -> bool:
    """A cell the learner writes in (autograded code or a manually graded answer)."""
    return bool(nbgrader_meta(cell).get("solution"))


def is_autograded_test(cell) -> bool:
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def is_manually_graded(cell) -> bool:
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and bool(meta.get("solution"))


def points(cell) -> float:
    return float(nbgrader_meta(cell).get("points", 0) or 0)


def cells_by_id(notebook) -> dict[str, object]:
    return {grade_id(cell): cell for cell in notebook.cells if grade_id(cell)}


def without_markers(source: str) -> str:
    """An answer cell's source as a learner would leave it: solution markers removed."""
    lines = [line for line in source.splitlines() if line.strip() not in SOLUTION_MARKERS]
    return "\n".join(lines)


def has_outputs(notebook) -> bool:
    return any(
        cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
        for cell in notebook.cells
    )


def strip_outputs(notebook) -> nbformat.NotebookNode:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return notebook
