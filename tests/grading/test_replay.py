"""Replayed test cells: which names a test cell reads from the learner, how it is planned from
the solution, and how it is judged on exported answers outside the learner's kernel."""

import nbformat
import pandas as pd
import pytest

from cmkit.checks.core import MISSING
from cmkit.checks.exported import FunctionResults, Raised, Unsupported
from cmkit.checks.messages import say
from cmkit.grading import replay, trusted
from cmkit.grading.replay_plan import checked_names, global_reads, learner_names

SETUP = """
import pandas as pd
from cmkit import checks as check
WORDS = ["tea", "cake", "bissap"]
def problems(table):
    return [] if list(table.columns) == ["network", "posts"] else ["wrong columns"]
"""
BASELINE = """
check.series("baseline", labels=["facebook", "instagram"])
highest = float(baseline.max())
check.number("highest", between=(0, 1))
### BEGIN HIDDEN TESTS
check.series("baseline", equals=pd.Series({"facebook": 0.04, "instagram": 0.06}))
### END HIDDEN TESTS
"""
TABLE = """
plan_problems = problems(plan)
check.collection("plan_problems", length=0, what="that the plan has the expected columns")
"""
LABELS = """
check.function("label", cases=[("tea", "drink")])
labelled = [label(word) for word in WORDS]
check.collection("labelled", allowed=["drink", "food"], length=3)
"""
ECHO = """
said, heard = [], "hello"
for _ in range(3):
    heard = echo(heard)
    said.append(heard)
check.collection("said", length=3)
"""
TOTAL = """
total = float(amounts.sum())
check.number("total", equals=6.0)
"""
ANSWERS = {
    "baseline": 'baseline = pd.Series({"facebook": 0.04, "instagram": 0.06})',
    "plan": 'plan = pd.DataFrame({"network": ["x"], "posts": [3]})',
    "label": 'def label(word):\n    return "food" if word == "cake" else "drink"',
    "echo": "def echo(text):\n    return text + '!'",
    "amounts": "import numpy as np\namounts = np.array([1.0, 2.0, 3.0])",
}
TESTS = {"baseline": BASELINE, "plan": TABLE, "label": LABELS, "echo": ECHO, "amounts": TOTAL}


def meta(grade_id, **flags):
    base = {"grade": False, "locked": False, "solution": False, "schema_version": 3}
    return {"nbgrader": {**base, **flags, "grade_id": grade_id}}


def notebook(answers=ANSWERS):
    """A solution notebook: a locked setup cell, then one answer and one test per question."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SETUP, metadata=meta("setup", locked=True))]
    for name, test in TESTS.items():
        answer = answers.get(name, f"{name} = ...")
        nb.cells.append(nbformat.v4.new_code_cell(answer, metadata=meta(name, solution=True)))
        nb.cells.append(
            nbformat.v4.new_code_cell(
                test, metadata=meta(f"{name}_test", grade=True, locked=True, points=1)
            )
        )
    return nb


@pytest.fixture(scope="module")
def plan():
    return trusted.plan_notebook(notebook())


# --- which names a test cell reads ------------------------------------------------------------


def test_free_names_are_the_globals_the_code_reads_not_its_locals():
    source = "y = x + 1\ndef f(a):\n    return a + z\n[w for w in v if w > t]\nn = len(y)\n"
    assert global_reads(source) == {"x", "y", "z", "v", "t", "len"}


def test_names_given_to_check_helpers_as_text_are_read_too():
    source = 'check.number("total", equals=1)\ncheck_dashboard("dash", kpis=[])\nprint("no")'
    assert checked_names(source) == {"total", "dash"}


def test_learner_names_leave_out_setup_builtins_and_the_cells_own_results():
    setup = {"posts": pd.DataFrame({"a": [1]}), "check": pd, "WORDS": ["tea"]}
    solution = {
        "posts": pd.DataFrame({"a": [1], "added": [2]}),  # a setup table the answer changed
        "check": pd,
        "WORDS": ["tea"],
        "answer": 3,
    }
    source = 'total = answer + len(WORDS) + posts["added"].sum() + later\ncheck.number("total")'
    assert learner_names(source, setup, solution) == ["answer", "later", "posts"]


# --- planning -------------------------------------------------------------------------------


def test_cells_that_read_answers_are_replayed_with_their_learner_names(plan):
    assert plan.replays["baseline_test"].names == ["baseline"]
    assert plan.replays["plan_test"].names == ["plan"]
    assert plan.replays["label_test"].names == ["label"]
    # the function's inputs: the check's example and every word the cell gives it
    assert sorted(plan.replays["label_test"].calls["label"]) == [("bissap",), ("cake",), ("tea",)]
    assert "BEGIN HIDDEN TESTS" in plan.replays["baseline_test"].source


def test_a_function_whose_next_input_depends_on_its_answer_is_bridged(plan):
    # its inputs cannot be recorded in advance: it is asked live (tests/grading/test_bridge.py)
    assert plan.replays["echo_test"].names == ["echo"]
    assert plan.replays["echo_test"].bridged == ("echo",)
    assert plan.replays["echo_test"].calls == {}


def test_answers_that_lose_something_as_plain_data_stay_in_the_kernel(plan):
    # a numpy array is not exported: replayed, the solution itself would fail
    assert "amounts_test" not in plan.replays
    assert "lose something as plain data" in plan.in_kernel["amounts_test"]


# --- judging a replayed cell ---------------------------------------------------------------


def judged(plan, cell, value):
    return replay.judge(plan.replays[cell], [value], cell)


def test_a_missing_variable_gets_the_helpers_not_attempted_message(plan):
    assert judged(plan, "baseline_test", MISSING) == (
        "NotAttempted",
        say("undefined", name="baseline"),
    )


def test_a_placeholder_gets_the_placeholder_message(plan):
    assert judged(plan, "baseline_test", Ellipsis) == (
        "NotAttempted",
        say("placeholder", name="baseline"),
    )


def test_right_and_wrong_answers_are_judged_by_the_cells_own_code(plan):
    right = pd.Series({"facebook": 0.04, "instagram": 0.06})
    assert judged(plan, "baseline_test", right) is None
    name, message = judged(plan, "baseline_test", right * 100)  # percentages, > 1
    assert name == "CheckFailed" and "`highest`" in message
    name, message = judged(plan, "baseline_test", pd.Series({"facebook": 0.05, "instagram": 0.06}))
    assert name == "CheckFailed" and "0.04" not in message  # the hidden value stays hidden
    name, _ = judged(plan, "plan_test", pd.DataFrame({"network": ["x"]}))
    assert name == "CheckFailed"


def test_an_answer_that_could_not_be_exported_is_judged_as_a_wrong_type(plan):
    name, message = judged(plan, "baseline_test", Unsupported("MySeries"))
    assert name == "CheckFailed" and "MySeries" in message


def test_instructor_code_failing_on_an_answer_is_the_cells_error(plan):
    name, message = judged(plan, "plan_test", 42)  # problems() reads .columns
    assert name == "AttributeError" and "columns" in message


def test_a_function_is_replaced_by_its_results_on_the_recorded_inputs(plan):
    calls = plan.replays["label_test"].calls["label"]
    good = FunctionResults(tuple("food" if args == ("cake",) else "drink" for args in calls))
    assert judged(plan, "label_test", good) is None
    odd = FunctionResults(tuple("soup" for _ in calls))
    assert judged(plan, "label_test", odd)[0] == "CheckFailed"
    raised = FunctionResults(tuple(Raised("KeyError", "'tea'") for _ in calls))
    name, message = judged(plan, "label_test", raised)
    assert name == "CheckFailed" and "KeyError" in message  # as call_safely says in the kernel
    short = FunctionResults(("drink",))  # a tampered export: an input left without answer
    assert judged(plan, "label_test", short)[0] == "NotJudged"


def test_a_stand_in_answers_recorded_inputs_only():
    stand_in = replay.StandIn("label", [("tea",), ("cake",)], ("drink", Raised("ValueError", "no")))
    assert stand_in("tea") == "drink"
    with pytest.raises(Exception) as error:
        stand_in("cake")
    assert type(error.value).__name__ == "ValueError" and str(error.value) == "no"
    with pytest.raises(replay.Missed):
        stand_in("bissap")


def test_test_code_cannot_change_the_kept_setup(plan):
    replayed = replay.Replay(
        "WORDS.append('x')\nassert len(WORDS) == 4", plan.replays["plan_test"].setup, []
    )
    assert replay.judge(replayed, [], "t") is None
    assert replay.judge(replayed, [], "t") is None  # a fresh copy of WORDS each time


# --- through prepare, the kernel's export and judge ------------------------------------------


def run_in_kernel(nb):
    """What the learner's kernel does with the prepared notebook, in this process."""
    namespace = {"__name__": "__main__"}
    for cell in nb.cells:
        exec(cell.source, namespace)


def test_prepare_export_and_judge_replay_a_cell_without_its_hidden_source(plan, tmp_path):
    lying = ANSWERS["baseline"].replace("0.04", "4.0") + (
        "\nclass _Lying(pd.Series):\n    def max(self, *args, **kwargs):\n        return 0.5\n"
        "baseline = _Lying(baseline)"
    )
    for answer, expected in ((ANSWERS["baseline"], []), (lying, ["CheckFailed"])):
        nb = notebook(dict(ANSWERS, baseline=answer))
        judging = trusted.prepare(nb, plan, tmp_path)
        assert "baseline_test" in judging.sources
        assert all("HIDDEN" not in cell.source for cell in nb.cells)
        for cell in nb.cells:  # the cells that stay in the kernel are not run here
            if cell.metadata["nbgrader"]["grade_id"] in plan.in_kernel:
                cell.source = ""
        run_in_kernel(nb)
        trusted.judge(nb, plan, judging, tmp_path)
        cell = next(c for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == "baseline_test")
        assert cell.source == BASELINE
        assert [output.ename for output in cell.outputs] == expected
