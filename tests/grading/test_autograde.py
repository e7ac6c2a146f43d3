"""The cohort engine against real nbgrader: same scores as plain ``nbgrader autograde``,
parallel = serial, nothing graded twice, interruptions lose nothing, a resubmission regrades
that learner only, and broken work is reported, never silently scored."""

import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import nbformat
import pytest

from cmkit import nbgrader_runner, notebooks
from cmkit.course import Course, course
from cmkit.gradebook import cell_scores
from cmkit.grading import cohort, engine, results
from cmkit.grading.results import BROKEN, GRADED, MISSING
from cmkit.proving import fill_answers

ASSIGNMENT = course().assignments()[0]
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("cohort-engine")]


def copy_course(template: Path, into: Path) -> Path:
    shutil.copytree(template, into)
    (into / "nbgrader_config.py").write_text(nbgrader_runner.CONFIG_TEMPLATE.format(root=str(into)))
    return into


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A course with one assignment, a small cohort, and two crafted problem submissions."""
    root = tmp_path_factory.mktemp("template")
    nbgrader_runner.make_course(root, course().root, [ASSIGNMENT])
    nbgrader_runner.run(["generate_assignment", ASSIGNMENT, "--force"], root)
    cohort.build(Course(root), size=6, seed=5, assignments=[ASSIGNMENT])
    release = root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    solution = notebooks.read(root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    # a learner whose code kills the kernel half-way
    dying, _ = fill_answers(notebooks.read(release), solution)
    first_answer = next(c for c in dying.cells if notebooks.is_answer(c) and c.cell_type == "code")
    first_answer.source += "\nimport os\nos._exit(1)"
    notebooks.write(
        dying, root / "grading" / "submitted" / "kernel-killer" / ASSIGNMENT / release.name
    )
    # a learner who renamed the notebook
    renamed = root / "grading" / "submitted" / "renamer" / ASSIGNMENT / "my work.ipynb"
    notebooks.write(notebooks.read(release), renamed)
    return root


def grade_quietly(root, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return engine.grade(root, ASSIGNMENT, **kwargs)


def per_cell(root, students):
    url = f"sqlite:///{root / 'grading' / 'gradebook.db'}"
    return {
        student: sorted((c.cell, c.score) for c in cell_scores(url, ASSIGNMENT, student) or [])
        for student in students
    }


@pytest.fixture(scope="module")
def parallel(template, tmp_path_factory):
    root = copy_course(template, tmp_path_factory.mktemp("parallel") / "course")
    return root, grade_quietly(root, workers=2)


def students_of(run):
    return [result.student for result in run.graded]


def test_parallel_scores_equal_serial_and_plain_nbgrader(template, parallel, tmp_path):
    root, run = parallel
    serial_root = copy_course(template, tmp_path / "serial")
    grade_quietly(serial_root, workers=1, use_warm=False, sandboxed=False)
    plain_root = copy_course(template, tmp_path / "plain")
    nbgrader_runner.run(["autograde", ASSIGNMENT], plain_root, check=False)
    honest = [r.student for r in run.graded if r.status == GRADED]
    assert len(honest) >= 5
    assert per_cell(root, honest) == per_cell(serial_root, honest)
    assert per_cell(root, honest) == per_cell(plain_root, honest)


def test_broken_work_is_reported_not_silently_scored(parallel):
    root, run = parallel
    by_student = {r.student: r for r in run.graded}
    killer = by_student["kernel-killer"]
    assert killer.status == BROKEN and "could not be graded" in killer.problem
    assert killer.needs_manual_grade
    renamer = by_student["renamer"]
    assert renamer.status == MISSING and "my work.ipynb" in renamer.problem
    assert renamer.score == 0


def test_running_twice_changes_nothing(parallel):
    root, _ = parallel
    before = {p.name: p.read_bytes() for p in results.results_dir(root, ASSIGNMENT).glob("*.json")}
    again = grade_quietly(root, workers=2)
    assert again.graded == [] and len(again.skipped) == len(before)
    after = {p.name: p.read_bytes() for p in results.results_dir(root, ASSIGNMENT).glob("*.json")}
    assert after == before


def test_a_resubmission_regrades_that_learner_only(template, tmp_path):
    root = copy_course(template, tmp_path / "course")
    first = grade_quietly(root, workers=2)
    weakest = min((r for r in first.graded if r.status == GRADED), key=lambda r: r.score)
    release = root / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    solution = notebooks.read(root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    fixed, _ = fill_answers(notebooks.read(release), solution)
    folder = root / "grading" / "submitted" / weakest.student / ASSIGNMENT
    notebooks.write(fixed, folder / release.name)
    (folder / "timestamp.txt").write_text("2026-10-02 10:00:00.000000 UTC")
    second = grade_quietly(root, workers=2)
    assert students_of(second) == [weakest.student]
    assert second.graded[0].score > weakest.score


def test_an_interrupted_run_finishes_with_the_same_grades(template, parallel, tmp_path):
    root = copy_course(template, tmp_path / "course")
    env = {**os.environ, "CMKIT_ROOT": str(root)}
    command = [sys.executable, "-m", "cmkit", "grade", ASSIGNMENT, "--workers", "2"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    folder = results.results_dir(root, ASSIGNMENT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(folder.glob("*.json"))) < 2:
        time.sleep(0.1)
    below = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # its workers and their sandboxes end with it: none goes on writing beside the next run
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and [pid for pid in below if alive(pid)]:
        time.sleep(0.05)
    assert [pid for pid in below if alive(pid)] == []
    done_before = len(list(folder.glob("*.json")))
    assert 0 < done_before < 8, "the run was not interrupted half-way"
    resumed = grade_quietly(root, workers=2)
    assert len(resumed.skipped) >= done_before
    everyone = [r.student for r in results.read_all(root, ASSIGNMENT)]
    assert len(everyone) == 8
    expected_root, _ = parallel
    assert per_cell(root, everyone) == per_cell(expected_root, everyone)


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_no_kernel_outlives_grading(parallel):
    root, _ = parallel
    time.sleep(0.5)
    leftover = subprocess.run(
        ["pgrep", "-f", f"{root}"], capture_output=True, text=True
    ).stdout.split()
    assert leftover == []


def test_unknown_student_is_a_clear_error(parallel):
    root, _ = parallel
    from cmkit.errors import KitError

    with pytest.raises(KitError, match="no submission"):
        grade_quietly(root, students=["nobody-here"])


def hidden_test_lines(source):
    inside = False
    for line in source.splitlines():
        if line.strip() == "### BEGIN HIDDEN TESTS":
            inside = True
        elif line.strip() == "### END HIDDEN TESTS":
            inside = False
        elif inside and len(line.strip()) > 20:
            yield line.strip()


def test_feedback_never_shows_hidden_tests(parallel):
    from cmkit.grading.feedback import write_all

    root, _ = parallel
    written = write_all(root, ASSIGNMENT)
    assert written
    secrets = set()
    for cell in nbformat.read(root / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4).cells:
        secrets |= set(hidden_test_lines(cell.source))
    assert secrets
    for page in written:
        text = page.read_text()
        assert "BEGIN HIDDEN TESTS" not in text
        leaked = [line for line in secrets if line in text]
        assert not leaked, f"{page.name} shows {leaked[0]!r}"


def test_a_kernel_socket_path_too_long_is_refused_not_truncated(tmp_path):
    """Linux cuts long Unix socket paths short: two kernels could then share one socket."""
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    from cmkit.errors import KitError
    from cmkit.nbgrader_settings import apply

    config = Config()
    apply(config, tmp_path)
    setup = engine.Setup(tmp_path, "sqlite://", config, warm=True, sandboxed=False)
    long_dir = tmp_path / ("x" * 120)
    with pytest.raises(KitError, match="too long"):
        engine._make(Execute, setup, long_dir)
    short = engine._make(Execute, setup, Path("/tmp/cmkit-grade-a/w1/n1"))
    assert short.config.KernelManager.ip == "/tmp/cmkit-grade-a/w1/n1/k"
