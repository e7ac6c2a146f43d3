"""The course follows the house rules, and the rules themselves catch what they claim to."""

import shutil

import nbformat
import pytest

from cmkit.conventions import all_problems, assignment_problems, leak_problems
from cmkit.course import Course


def test_the_course_follows_the_house_rules(kit):
    problems = all_problems(kit)
    assert not problems, "\n".join(problems)


@pytest.fixture
def copy_of_first_assignment(tmp_path, kit):
    assignment = kit.assignments()[0]
    for folder in ("solutions", "exercises"):
        shutil.copytree(kit.root / folder / assignment, tmp_path / folder / assignment)
    shutil.copytree(kit.root / "grading", tmp_path / "grading")
    (tmp_path / "nbgrader_config.py").write_text("")
    return Course(tmp_path), assignment


def _edit(course, assignment, folder, change):
    path = course.root / folder / assignment / f"{assignment}.ipynb"
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


def test_a_test_cell_without_hidden_tests_is_reported(copy_of_first_assignment):
    course, assignment = copy_of_first_assignment

    def strip_hidden(nb):
        for cell in nb.cells:
            cell.source = cell.source.split("### BEGIN HIDDEN TESTS")[0]

    _edit(course, assignment, "solutions", strip_hidden)
    assert any("no hidden tests" in p for p in assignment_problems(course, assignment))


def test_a_question_without_fixture_is_reported(copy_of_first_assignment):
    course, assignment = copy_of_first_assignment
    course.fixtures_file(assignment).write_text("")
    assert any("no wrong-answer fixture" in p for p in assignment_problems(course, assignment))


def test_a_leaked_solution_in_exercises_is_reported(copy_of_first_assignment):
    course, assignment = copy_of_first_assignment
    solution = nbformat.read(
        course.root / "solutions" / assignment / f"{assignment}.ipynb", as_version=4
    )
    answer = next(c for c in solution.cells if "### BEGIN SOLUTION" in c.source)

    def leak(nb):
        nb.cells.append(nbformat.v4.new_code_cell(answer.source))

    _edit(course, assignment, "exercises", leak)
    assert leak_problems(course)
