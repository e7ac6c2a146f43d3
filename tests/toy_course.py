"""A tiny assignment built in a temporary folder, to test the kit's nbgrader settings without
depending on any module's content."""

from pathlib import Path

import nbformat


def _meta(grade_id, grade=False, solution=False, locked=False, points=None):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def toy_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    cells = [
        nbformat.v4.new_markdown_cell("# Toy (hidden tests exist)"),
        nbformat.v4.new_code_cell(
            "from cmkit import checks as check", metadata=_meta("setup", locked=True)
        ),
        nbformat.v4.new_code_cell(
            "import warnings\n\ndef total():\n    ...\n    ### BEGIN SOLUTION\n"
            "    warnings.warn('old API', FutureWarning)\n    return 6\n    ### END SOLUTION",
            metadata=_meta("q1_1_total", solution=True),
        ),
        nbformat.v4.new_code_cell(
            "check.function('total', cases=[((), 6)])\n### BEGIN HIDDEN TESTS\n"
            "check.function('total', cases=[((), 6)])\n### END HIDDEN TESTS",
            metadata=_meta("q1_1_total_check", grade=True, locked=True, points=2),
        ),
    ]
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    nb.cells = cells
    return nb


def make_toy_source(root: Path) -> Path:
    """A course folder ``root`` holding solutions/toy/toy.ipynb."""
    (root / "solutions" / "toy").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text("")
    nbformat.write(toy_notebook(), root / "solutions" / "toy" / "toy.ipynb")
    return root
