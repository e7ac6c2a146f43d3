"""Every lesson in course/ runs top to bottom without error, from a folder that is not the
course's (notebooks load data through the package, never through relative paths)."""

import nbformat
import pytest
from nbclient import NotebookClient

from cmkit.course import Course

from .conftest import ROOT

LESSONS = Course(ROOT).lessons()


def test_the_course_has_lessons():
    assert LESSONS, "course/ holds no lesson"


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_top_to_bottom(path, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors
