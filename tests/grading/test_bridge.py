"""Bridged test cells: the test runs in the grader and asks the learner's function, in the
kernel, one plain-data question at a time (here the "kernel" is this process's main thread,
running the prepared notebook as the learner's kernel would)."""

import json
import socket
import threading
from dataclasses import dataclass
from types import MappingProxyType

import nbformat
import pytest

from cmkit import checks as check
from cmkit.checks.exported import Unsupported
from cmkit.crisis import Situation, hold
from cmkit.crisis.engine import Simulation
from cmkit.grading import bridge, replay, trusted
from cmkit.grading.plain import from_plain, to_plain

SETUP = """
from cmkit import checks as check
"""
# Each value the learner's function returns is its next input: a recorded run is impossible.
GAME = """
value, seen = 1, []
for _ in range(4):
    value = step(value)
    seen.append(value)
check.collection("seen", equals=[2, 4, 8, 16], what="the four doublings")
"""
RIGHT = """
CALLS = []
def step(value):
    CALLS.append(value)
    return value * 2
"""


def meta(grade_id, **flags):
    base = {"grade": False, "locked": False, "solution": False, "schema_version": 3}
    return {"nbgrader": {**base, **flags, "grade_id": grade_id}}


def notebook(answer=RIGHT, tests=("game_test", "game_again_test")):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(SETUP, metadata=meta("setup", locked=True)),
        nbformat.v4.new_code_cell(answer, metadata=meta("step", solution=True)),
    ]
    for test in tests:
        nb.cells.append(
            nbformat.v4.new_code_cell(GAME, metadata=meta(test, grade=True, locked=True, points=1))
        )
    return nb


@pytest.fixture(scope="module")
def plan():
    return trusted.plan_notebook(notebook())


def graded(plan, folder, answer):
    """Prepare, run the notebook as its kernel would, judge: each test cell's outputs, and
    what the notebook's namespace holds afterwards."""
    nb = notebook(answer)
    judging = trusted.prepare(nb, plan, folder)
    namespace = {"__name__": "__main__"}
    try:
        for cell in nb.cells:
            exec(cell.source, namespace)
        trusted.judge(nb, plan, judging, folder)
    finally:
        judging.close()
    outputs = {
        cell.metadata["nbgrader"]["grade_id"]: [(o.ename, o.evalue) for o in cell.outputs]
        for cell in nb.cells
        if cell.metadata["nbgrader"]["grade"]
    }
    return outputs, namespace


def test_a_function_whose_inputs_follow_its_answers_is_bridged(plan):
    assert plan.in_kernel == {}
    assert plan.replays["game_test"].bridged == ("step",)
    assert plan.replays["game_test"].kernel_plan()[0]["kind"] == "bridge"


def test_right_answers_pass_and_the_test_source_stays_out_of_the_kernel(plan, tmp_path):
    nb = notebook()
    judging = trusted.prepare(nb, plan, tmp_path)
    judging.close()
    assert all("doublings" not in cell.source for cell in nb.cells)
    outputs, namespace = graded(plan, tmp_path, RIGHT)
    assert outputs == {"game_test": [], "game_again_test": []}
    # the second cell asks the same questions: the kernel answered each once
    assert namespace["CALLS"] == [1, 2, 4, 8]


def test_a_wrong_function_fails_the_cells_own_check(plan, tmp_path):
    outputs, _ = graded(plan, tmp_path, "def step(value):\n    return value + 1")
    assert [name for name, _ in outputs["game_test"]] == ["CheckFailed"]


def test_an_error_in_the_learners_function_is_the_cells_error(plan, tmp_path):
    outputs, _ = graded(plan, tmp_path, "def step(value):\n    raise ValueError('not yet')")
    assert outputs["game_test"] == [("ValueError", "not yet")]


def test_a_missing_or_untouched_function_fails_as_it_does_in_the_kernel(plan, tmp_path):
    # nothing to ask: the cell is judged once the notebook has run, on what was there
    for answer, error in (("step = ...", "TypeError"), ("pass", "NameError")):
        outputs, namespace = graded(plan, tmp_path, answer)
        kernel = replay.run_cell(GAME, {**namespace, "check": check}, "game_test")
        assert [name for name, _ in outputs["game_test"]] == [error] == [kernel[0]], answer


def test_an_answer_that_is_not_plain_data_arrives_as_what_it_is(plan, tmp_path):
    lying = "class _Yes(int):\n    def __eq__(self, other):\n        return True\n"
    lying += "    __hash__ = int.__hash__\ndef step(value):\n    return _Yes(value * 3)"
    outputs, _ = graded(plan, tmp_path, lying)
    assert [name for name, _ in outputs["game_test"]] == ["CheckFailed"]


def test_a_cell_the_kernel_never_reached_is_not_attempted(plan, tmp_path):
    nb = notebook()
    judging = trusted.prepare(nb, plan, tmp_path)
    trusted.judge(nb, plan, judging, tmp_path)  # nothing ran
    cell = next(c for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == "game_test")
    assert cell.source == GAME
    assert [o.ename for o in cell.outputs] == ["NotAttempted"]


# --- a kernel that misbehaves on the wire -------------------------------------------------------


def fake_kernel(address, cell_id, behaviour):
    """Connect as the kernel's export would, then misbehave."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(address)
        stream = connection.makefile("rwb")
        stream.write(json.dumps({"ready": cell_id}).encode() + b"\n")
        stream.flush()
        stream.readline()  # the first question
        behaviour(stream)


def judged_with(folder, behaviour, seconds=bridge.ANSWER_SECONDS):
    folder.mkdir(exist_ok=True)

    def judge(cell_id, channel):
        channel.seconds = seconds
        channel.deadline = channel.deadline - bridge.ANSWER_SECONDS + seconds
        return replay.run_cell("answer = step(1)", {"step": bridge.Caller("step", channel)}, "t")

    server = bridge.Bridge(folder, judge)
    try:
        fake_kernel(server.address, "game_test", behaviour)
    finally:
        server.close()
    return server.outcomes["game_test"]


def test_a_kernel_that_stops_answering_leaves_the_cell_not_judged(tmp_path):
    name, message = judged_with(tmp_path / "k", lambda stream: None)
    assert name == "NotJudged" and "stopped answering" in message


def test_a_kernel_that_answers_garbage_leaves_the_cell_not_judged(tmp_path):
    def garbage(stream):
        stream.write(b"{not json\n")
        stream.flush()

    name, message = judged_with(tmp_path / "k", garbage)
    assert name == "NotJudged" and "stopped answering" in message


def test_a_kernel_slower_than_the_cells_limit_runs_out_of_time(tmp_path):
    release = threading.Event()
    name, message = judged_with(tmp_path / "k", lambda stream: release.wait(2), seconds=0.3)
    release.set()
    assert name == "NotJudged" and "did not answer in time" in message


# --- what crosses ----------------------------------------------------------------------------


def test_the_crisis_situation_and_decisions_cross_as_plain_data():
    sim = Simulation("foreign_object", 3)
    for _ in range(50):
        sim.advance()
    situation = sim.situation()
    back = from_plain(json.loads(json.dumps(to_plain(situation))))
    assert isinstance(back, Situation) and back == situation
    assert isinstance(back.volume_by_network, MappingProxyType)
    decisions = [hold(channel="tiktok"), {"action": "escalate", "team": "quality"}]
    assert from_plain(json.loads(json.dumps(to_plain(decisions)))) == decisions


@dataclass(frozen=True)
class Forged:
    action: str


def test_only_the_kits_own_records_are_rebuilt():
    assert to_plain(Forged("x"))["t"] == "unsupported"  # not a kit record: its type's name
    decision = to_plain(hold(channel="x"))
    for forged in (
        {**decision, "type": "cmkit.__main__.Decision"},  # a module nothing imported
        {**decision, "type": "cmkit.grading.engine.Job"},  # a kit class that does not cross
        {**decision, "v": decision["v"] + [["extra", {"t": "int", "v": 1}]]},  # a field too many
        {**decision, "v": decision["v"][1:]},  # a field missing
    ):
        assert isinstance(from_plain(forged), Unsupported), forged["type"]
