"""The course's own test cells under trusted grading: which are judged outside the learner's
kernel (planned checks or replayed cells), which still run in it and why, and whether judging
outside gives every wrong-answer fixture the outcome the kernel gives it."""

import copy
import json
import os

import matplotlib
import pytest

from cmkit import notebooks
from cmkit.checks.core import MISSING, NOT_ATTEMPTED
from cmkit.course import course
from cmkit.fixtures import load_fixtures
from cmkit.grading import replay, trusted
from cmkit.grading.export import answer
from cmkit.grading.plain import from_plain
from cmkit.grading.replay_plan import LocalChannel
from cmkit.proving import fill_answers

matplotlib.use("Agg")
pytestmark = pytest.mark.xdist_group("trusted-course")

ASSIGNMENTS = course().assignments()
# The crisis exercise's playbook is called by a simulation whose next situation depends on
# the playbook's last decisions: the simulation runs in the grader and asks the kernel.
BRIDGED = {
    ("06-crisis", cell)
    for cell in (
        "q5_1_golden_hour",
        "q5_1_strategy_fit",
        "q5_1_escalation",
        "q5_1_no_deletion",
        "q5_1_recovery",
    )
}


def solution(assignment):
    return notebooks.read(course().solutions / assignment / f"{assignment}.ipynb")


@pytest.fixture(scope="module")
def plans():
    return {assignment: trusted.plan_notebook(solution(assignment)) for assignment in ASSIGNMENTS}


def test_no_test_cell_of_the_course_runs_in_the_learners_kernel(plans):
    in_kernel = {
        (assignment, cell): why
        for assignment, plan in plans.items()
        for cell, why in plan.in_kernel.items()
    }
    assert in_kernel == {}


def test_only_the_crisis_simulation_asks_the_learners_kernel_live(plans):
    bridged = {
        (assignment, cell)
        for assignment, plan in plans.items()
        for cell, replayed in plan.replays.items()
        if replayed.bridged
    }
    assert bridged == BRIDGED
    assert {plans[a].replays[c].bridged for a, c in BRIDGED} == {("playbook",)}


def test_every_other_test_cell_is_judged_outside(plans):
    for assignment, plan in plans.items():
        tests = {
            notebooks.grade_id(cell)
            for cell in solution(assignment).cells
            if notebooks.is_autograded_test(cell)
        }
        outside = set(plan.checks) | set(plan.replays)
        assert outside | set(plan.in_kernel) == tests, assignment
        assert not set(plan.checks) & set(plan.replays), assignment


def test_replayed_cells_read_the_learners_answers_not_the_setups(plans):
    replays = {(a, cell): r for a, plan in plans.items() for cell, r in plan.replays.items()}
    assert replays["03-content-planning", "q5_1_calendar_valid"].names == ["calendar"]
    # the learner adds a column to the setup's table: the learner's table is the answer
    assert replays["02-audience", "q1_1_segment_column_values"].names == ["audience"]
    triage = replays["04-community-care", "q1_1_triage_labelled"]
    assert triage.names == ["triage"] and len(triage.calls["triage"]) > 1000


# --- the same outcome as in the kernel, for every fixture ---------------------------------


def outside(plan, cell_id, namespace):
    """What trusted grading concludes for the cell, from the kernel's namespace."""
    if cell_id in plan.replays:
        items = plan.replays[cell_id].kernel_plan()
    else:
        items = [
            {"name": c.name, "kind": c.kind, "cases": [a for a, _ in c.params.get("cases", [])]}
            for c in plan.checks[cell_id]
        ]
    values = [
        from_plain(json.loads(json.dumps(answer(namespace.get(item["name"], MISSING), item))))
        for item in items
    ]
    if cell_id in plan.replays:
        return replay.judge(plan.replays[cell_id], values, cell_id, LocalChannel(namespace))
    for check, value in zip(plan.checks[cell_id], values, strict=True):
        outcome = check.evaluate(value)
        if not outcome.passed:
            name = "NotAttempted" if outcome.status == NOT_ATTEMPTED else "CheckFailed"
            return name, outcome.message
    return None


def differences(nb, plan):
    """Run the notebook as a kernel would (in this process); at each test judged outside,
    compare its outcome with the kernel's."""
    namespace = {"__name__": "__main__"}
    found = []
    for cell in nb.cells:
        cell_id = notebooks.grade_id(cell)
        if cell.cell_type != "code" or cell_id in plan.in_kernel:
            continue
        if cell_id in plan.checks or cell_id in plan.replays:
            judged = outside(plan, cell_id, namespace)
            kernel = replay.run_cell(cell.source, namespace, cell_id)
            if judged != kernel:
                found.append(f"{cell_id}: kernel {kernel}, outside {judged}")
            continue
        try:
            with replay.quiet():
                exec(compile(cell.source, str(cell_id), "exec"), namespace)
        except Exception:  # the learner's cell failed: later tests say so
            pass
    return found


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_judged_outside_as_in_the_kernel_for_every_fixture(plans, assignment, tmp_path):
    source = solution(assignment)
    release = notebooks.read(course().exercises / assignment / f"{assignment}.ipynb")
    blank = {notebooks.grade_id(c): c.source for c in release.cells if notebooks.is_answer(c)}
    attempts = {"solution": {}, "blank": blank}
    for fixture in load_fixtures(course().fixtures_file(assignment)):
        attempts[fixture.name] = fixture.answers
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        found = []
        for name, overrides in attempts.items():
            nb, _ = fill_answers(copy.deepcopy(source), source, overrides)
            found += [f"{name}: {problem}" for problem in differences(nb, plans[assignment])]
    finally:
        os.chdir(here)
    assert not found, "\n".join(found)
