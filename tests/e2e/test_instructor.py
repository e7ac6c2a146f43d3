"""The instructor's path in a real browser: open nbgrader's Formgrader from JupyterLab, find the
cohort's submissions, grade a free-text answer, and find the grade saved."""

from __future__ import annotations

import re

import pytest
from nbgrader.api import Gradebook

from cmkit.grading.results import GRADED

from . import ui
from .conftest import ASSIGNMENT
from .ui import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

MANUAL_CELL = "q6_1_manager_summary"  # free text, 3 points, graded by the instructor
SCORE = "2.5"


def test_instructor_grades_a_free_text_answer(tab, course_under_test):
    page, lab = tab.page, tab.lab
    graded = sorted(
        r.student
        for r in course_under_test.graded.graded
        if r.status == GRADED and r.needs_manual_grade
    )
    assert graded, "the cohort has no graded submission to grade by hand"
    learner = graded[0]
    with Gradebook(course_under_test.db_url) as gradebook:
        submissions = len(gradebook.assignment_submissions(ASSIGNMENT))
    # the formgrader lists the notebooks that were autograded (not a missing or broken one)
    autograded = sorted(
        path.parent.parent.name
        for path in (course_under_test.root / "grading" / "autograded").glob(
            f"*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
        )
    )
    assert set(graded) <= set(autograded)

    tab.open_lab()
    ui.menu(page, "Nbgrader", "Formgrader")
    expect(page.locator(".jp-MainAreaWidget iframe")).to_be_visible()
    frame = page.locator(".jp-MainAreaWidget iframe").element_handle().content_frame()
    frame.wait_for_url(re.compile(r"/formgrader/manage_assignments/?$"))
    row = frame.locator("tr").filter(has=frame.get_by_role("link", name=ASSIGNMENT, exact=True))
    expect(row.locator(".num-submissions")).to_have_text(str(submissions))
    tab.shot("formgrader-assignments")

    frame.get_by_role("link", name="Manual Grading").click()
    frame.wait_for_url(re.compile(r"/formgrader/gradebook/?$"))
    frame.get_by_role("link", name=ASSIGNMENT, exact=True).click()
    frame.wait_for_url(re.compile(rf"/formgrader/gradebook/{ASSIGNMENT}/?$"))
    frame.get_by_role("link", name=ASSIGNMENT, exact=True).click()  # its one notebook
    frame.wait_for_url(re.compile(rf"/formgrader/gradebook/{ASSIGNMENT}/{ASSIGNMENT}/?$"))
    rows = frame.locator("table tbody tr").filter(has=frame.locator("td.name a"))
    expect(rows).to_have_count(len(autograded))
    frame.get_by_role("button", name="Show All Names").click()
    for student in autograded:
        expect(frame.get_by_role("link", name=student, exact=True)).to_be_visible()
    tab.shot("formgrader-submissions")

    frame.get_by_role("link", name=learner, exact=True).click()
    frame.wait_for_url(re.compile(r"/formgrader/submissions/[0-9a-f]+/?$"))
    submission_url = frame.url
    score = frame.locator(f"#{MANUAL_CELL}")
    expect(score).to_have_class(re.compile(r"\bneeds_manual_grade\b"))
    ui.show(page, score)
    with page.expect_response(
        lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT"
    ) as saved:
        score.fill(SCORE)
        score.press("Tab")  # on to the next input: the score is saved when it loses focus
    assert saved.value.ok, f"saving the score failed: HTTP {saved.value.status}"
    expect(score).not_to_have_class(re.compile(r"\bneeds_manual_grade\b"))
    tab.shot("score-entered")

    # saved: the page shows it again after a reload, the list and the gradebook have it
    frame.goto(submission_url)
    expect(frame.locator(f"#{MANUAL_CELL}")).to_have_value(SCORE)
    frame.goto(f"{lab.url}/formgrader/gradebook/{ASSIGNMENT}/{ASSIGNMENT}")
    expect(rows).to_have_count(len(autograded))  # the table is filled after the page loads
    frame.get_by_role("button", name="Show All Names").click()
    learner_row = frame.locator("tr").filter(
        has=frame.get_by_role("link", name=learner, exact=True)
    )
    expect(learner_row.locator(".written-score")).to_have_text(re.compile(rf"^{SCORE} / 3$"))
    expect(learner_row.locator(".needs-manual-grade .glyphicon-ok")).to_have_count(0)
    tab.shot("grade-in-the-list")
    with Gradebook(course_under_test.db_url) as gradebook:
        grade = gradebook.find_grade(MANUAL_CELL, ASSIGNMENT, ASSIGNMENT, learner)
        assert grade.manual_score == float(SCORE)
        assert not grade.needs_manual_grade
