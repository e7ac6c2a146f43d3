"""The kit's nbgrader defaults do what the course promises, with real nbgrader commands:
only notebooks are taken from a submission, a deleted test cell comes back and is graded,
warnings on stderr do not fail a correct answer."""

import nbformat
import pytest

from cmkit import nbgrader_runner, nbgrader_settings, notebooks
from cmkit.gradebook import cell_scores
from cmkit.proving import fill_answers, log_problem

from .toy_course import make_toy_source


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    source = make_toy_source(tmp_path_factory.mktemp("source"))
    work = tmp_path_factory.mktemp("course")
    nbgrader_runner.make_course(work, source, ["toy"])
    nbgrader_runner.run(["generate_assignment", "toy", "--force"], work)
    release = notebooks.read(work / "exercises" / "toy" / "toy.ipynb")
    solution = notebooks.read(source / "solutions" / "toy" / "toy.ipynb")
    submitted = work / "grading" / "submitted"

    answered, _ = fill_answers(release, solution)
    notebooks.write(answered, submitted / "warns" / "toy" / "toy.ipynb")

    notebooks.write(answered, submitted / "shadows" / "toy" / "toy.ipynb")
    (submitted / "shadows" / "toy" / "cmkit.py").write_text("raise SystemExit('shadowed')\n")
    (submitted / "shadows" / "toy" / "helpers").mkdir()
    (submitted / "shadows" / "toy" / "helpers" / "x.py").write_text("")

    deleted = nbformat.from_dict(answered)
    deleted.cells = [c for c in deleted.cells if notebooks.grade_id(c) != "q1_1_total_check"]
    notebooks.write(deleted, submitted / "deleted" / "toy" / "toy.ipynb")

    dies = nbformat.from_dict(answered)
    dies.cells[2].source = "import os\nos._exit(1)"
    notebooks.write(dies, submitted / "dies" / "toy" / "toy.ipynb")

    # nbgrader exits 1 for the learner whose kernel died, having graded the others
    log = nbgrader_runner.run(["autograde", "toy", "--force"], work, check=False)
    (work / "autograde.log").write_text(log)
    return work


def score(work, student):
    scores = cell_scores(f"sqlite:///{work / 'grading' / 'gradebook.db'}", "toy", student)
    return sum(s.score for s in scores), sum(s.max_score for s in scores)


@pytest.mark.slow
def test_a_warning_on_stderr_does_not_fail_a_correct_answer(graded):
    assert score(graded, "warns") == (2, 2)


@pytest.mark.slow
def test_only_notebooks_are_taken_from_a_submission(graded):
    folder = graded / "grading" / "autograded" / "shadows" / "toy"
    assert "cmkit.py" not in {p.name for p in folder.iterdir()}
    assert not (folder / "helpers").exists()
    assert score(graded, "shadows") == (2, 2)


@pytest.mark.slow
def test_a_deleted_test_cell_is_put_back_and_graded(graded):
    autograded = notebooks.read(graded / "grading" / "autograded" / "deleted" / "toy" / "toy.ipynb")
    assert "q1_1_total_check" in notebooks.cells_by_id(autograded)
    assert score(graded, "deleted") == (2, 2)


@pytest.mark.slow
def test_the_proof_says_why_nbgrader_could_not_grade_an_attempt(graded):
    log = (graded / "autograde.log").read_text()
    assert not (graded / "grading" / "autograded" / "dies" / "toy").exists()
    assert log_problem(log, "dies") == (
        "Kernel died while waiting for execute reply. | "
        "nbclient.exceptions.DeadKernelError: Kernel died"
    )
    assert log_problem(log, "warns") == "nbgrader's log says nothing about it"


def test_folders_map_onto_the_layout():
    from traitlets.config import Config

    c = Config()
    nbgrader_settings.apply(c, "/course")
    assert c.CourseDirectory.source_directory == "solutions"
    assert c.CourseDirectory.release_directory == "exercises"
    assert c.CourseDirectory.submitted_directory.startswith("grading/")
    assert c.CourseDirectory.db_url == "sqlite:////course/grading/gradebook.db"
    assert c.Execute.timeout > 0 and c.OverwriteCells.add_missing_cells


@pytest.mark.parametrize("name", ["a.ipynb", "00-x.ipynb", "timestamp.txt"])
def test_notebook_names_are_not_ignored(name):
    import fnmatch

    assert not any(fnmatch.fnmatch(name, glob) for glob in nbgrader_settings.NOT_A_NOTEBOOK)


@pytest.mark.parametrize(
    "name",
    ["numpy.py", "data.csv", "helpers", "notes.ipynb.bak", "x.nb", "notes.txt", "mystamp.txt"],
)
def test_other_names_are_ignored(name):
    import fnmatch

    assert any(fnmatch.fnmatch(name, glob) for glob in nbgrader_settings.NOT_A_NOTEBOOK)
