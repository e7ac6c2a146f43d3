"""Every assignment of the course through the kit's own grading (warm kernels, sandbox,
tests judged outside the kernel): the solution earns every autograded point and the blank
release none, as through plain nbgrader (tests/test_assignments.py). A check that can only
judge live objects must fall back to the kernel rather than fail honest work."""

import warnings

import pytest

from cmkit import nbgrader_runner, notebooks
from cmkit.course import course
from cmkit.grading import engine
from cmkit.proving import fill_answers

ASSIGNMENTS = course().assignments()
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("engine-on-course")]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    nbgrader_runner.make_course(root, course().root, ASSIGNMENTS)
    for assignment in ASSIGNMENTS:
        nbgrader_runner.run(["generate_assignment", assignment, "--force"], root)
        for release in sorted((root / "exercises" / assignment).glob("*.ipynb")):
            solution = notebooks.read(root / "solutions" / assignment / release.name)
            answered, _ = fill_answers(notebooks.read(release), solution)
            submitted = root / "grading" / "submitted"
            notebooks.write(answered, submitted / "solution" / assignment / release.name)
            notebooks.write(
                notebooks.read(release), submitted / "blank" / assignment / release.name
            )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # every assignment in one run: one pool of workers serves them all
        runs = engine.grade_many(root, ASSIGNMENTS, workers=2)
    assert [run.assignment for run in runs] == ASSIGNMENTS
    return {run.assignment: {result.student: result for result in run.graded} for run in runs}


def autograded(result):
    cells = [c for c in result.cells if c.kind == "autograded"]
    return sum(c.score for c in cells), sum(c.max_score for c in cells)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_earns_every_point_through_the_kit(graded, assignment):
    result = graded[assignment]["solution"]
    score, maximum = autograded(result)
    failed = [f"{c.cell}: {c.message[:200]}" for c in result.cells if c.passed is False]
    assert maximum > 0 and score == maximum, "\n".join(failed)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_release_earns_nothing_through_the_kit(graded, assignment):
    assert autograded(graded[assignment]["blank"])[0] == 0
