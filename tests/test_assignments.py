"""Every assignment proven through real ``nbgrader autograde`` in a throwaway course:
the solution earns every autograded point, the untouched release earns none without crashing,
each wrong-answer fixture loses points on the question it changes, and ``exercises/`` is exactly
what a fresh release gives. Nothing here names a module: adding one adds its cases."""

import re

import pytest

from cmkit.course import Course
from cmkit.fixtures import load_fixtures
from cmkit.proving import BLANK, FIXTURE, SOLUTION, prove
from cmkit.releasing import differences

from .conftest import ROOT

COURSE = Course(ROOT)
ASSIGNMENTS = COURSE.assignments()
FIXTURES = [
    (assignment, fixture.name)
    for assignment in ASSIGNMENTS
    for fixture in load_fixtures(COURSE.fixtures_file(assignment))
]


def grouped(values, key=lambda value: value):
    """One xdist worker per assignment, so each assignment is graded once."""
    return [pytest.param(v, marks=pytest.mark.xdist_group(key(v))) for v in values]


@pytest.fixture(scope="session")
def proofs(tmp_path_factory):
    cache = {}

    def get(assignment):
        if assignment not in cache:
            cache[assignment] = prove(COURSE, assignment, tmp_path_factory.mktemp(assignment))
        return cache[assignment]

    return get


def attempt(proof, student):
    return next(a for a in proof.attempts if a.student == student)


def test_the_course_has_assignments():
    assert ASSIGNMENTS, "solutions/ holds no assignment"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", grouped(ASSIGNMENTS))
def test_solution_earns_every_autograded_point(proofs, assignment):
    solution = attempt(proofs(assignment), SOLUTION)
    assert solution.graded, f"the solution was not graded: {solution.problem}"
    assert solution.max_score > 0
    assert solution.score == solution.max_score, f"failed cells: {solution.failed_cells}"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", grouped(ASSIGNMENTS))
def test_blank_release_earns_nothing_and_grades_without_crashing(proofs, assignment):
    blank = attempt(proofs(assignment), BLANK)
    assert blank.graded, f"the blank release was not autograded: {blank.problem}"
    assert blank.score == 0, f"the blank release earned {blank.score} points"


@pytest.mark.slow
@pytest.mark.parametrize("case", grouped(FIXTURES, key=lambda case: case[0]))
def test_wrong_answer_fixture_loses_points_on_the_question_it_changes(proofs, case):
    assignment, name = case
    fixture = next(f for f in load_fixtures(COURSE.fixtures_file(assignment)) if f.name == name)
    result = attempt(proofs(assignment), f"{FIXTURE}-{name}")
    assert result.graded, f"{name} was not graded: {result.problem}"
    assert result.score < result.max_score, f"{name} kept every point"
    questions = {re.match(r"q\d+_\d+", cell_id).group(0) for cell_id in fixture.answers}
    failed_questions = {re.match(r"q\d+_\d+", cell).group(0) for cell in result.failed_cells}
    assert questions & failed_questions, (
        f"{name} changes {sorted(questions)} but only {sorted(failed_questions)} failed"
    )


@pytest.mark.slow
@pytest.mark.parametrize("assignment", grouped(ASSIGNMENTS))
def test_exercises_are_a_fresh_release(proofs, assignment):
    problems = differences(proofs(assignment).release, COURSE.exercises / assignment)
    assert not problems, "run `cmkit release` and commit exercises/:\n" + "\n".join(problems)
