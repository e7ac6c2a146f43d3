"""The main job end to end on a simulated cohort: release every assignment, give it a due
date, write the cohort's submissions, autograde them, write feedback."""

from __future__ import annotations

from nbgrader.api import Gradebook

from cmkit.course import Course
from cmkit.grading import cohort
from cmkit.grading.engine import db_url
from cmkit.releasing import release


def set_due_dates(course: Course, assignments: list[str]) -> None:
    with Gradebook(db_url(course.root)) as gradebook:
        for index, assignment in enumerate(course.assignments()):
            if assignment in assignments:
                gradebook.update_or_create_assignment(
                    assignment, duedate=cohort.due_date(index).replace(tzinfo=None)
                )


def prepare(course: Course, size: int = 30, seed: int = 7):
    """Release, set due dates and write the simulated cohort's submissions."""
    assignments = release(course)
    set_due_dates(course, assignments)
    return cohort.build(course, size=size, seed=seed, assignments=assignments)
