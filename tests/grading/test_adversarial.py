"""An adversarial corpus: crafted submissions graded in one cohort run with an honest learner.

Each submission has the score it deserves. The suite shows that none gets more than it
deserves, the run finishes, the honest learner is unaffected, no process survives, and the
results tell the instructor what happened to each. The same attacks against plain in-kernel
grading show why tests are judged outside the learner's kernel.
"""

import json
import socket
import subprocess
import time
import warnings
from pathlib import Path

import nbformat
import pytest

from cmkit import nbgrader_runner, notebooks
from cmkit.course import course
from cmkit.fixtures import load_fixtures
from cmkit.grading import engine
from cmkit.grading.results import BROKEN, GRADED, MISSING
from cmkit.proving import fill_answers

ASSIGNMENT = "00-getting-started"
NAME = f"{ASSIGNMENT}.ipynb"
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("adversarial")]

FULL = 15  # autograded points of the assignment

# Code a learner can put in an answer cell. Each tries to earn points it does not deserve.
PATCH_HELPERS = """
import cmkit.checks as _c
for _name in ("number", "series", "table", "choice", "figure", "collection", "boolean"):
    setattr(_c, _name, lambda *args, **kwargs: None)
"""
REPLACE_CHECK = """
class _Yes:
    def __getattr__(self, name):
        return lambda *args, **kwargs: None
check = _Yes()
"""
BLANK_LATER_CELLS = """
get_ipython().input_transformers_cleanup.append(lambda lines: [])
"""
EQUALS_ALL = """
class _Anything(float):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = float.__hash__
n_posts = _Anything(1)
video_share = _Anything(0.5)
widest_network = type("S", (str,), {"__eq__": lambda s, o: True, "__hash__": str.__hash__})("x")
"""
PATCH_EXPORTER = """
import cmkit.grading.export as _e
_e.export = lambda *args, **kwargs: None
"""
FAKE_EXPORTS = """
import json, pathlib
for _folder in pathlib.Path.cwd().rglob(".cmkit-exports"):
    for _file in _folder.glob("*.json"):
        _file.write_text(json.dumps([{"t": "int", "v": 1}]))
"""
HUGE_OUTPUT = """
print("x" * 5_000_000)
"""
EXIT = """
import os
os._exit(0)
"""
SYS_EXIT = """
import sys
sys.exit(1)
"""
READ_INSTRUCTOR_FILES = """
for _path in {paths!r}:
    try:
        print(open(_path, errors="replace").read()[:2000])
    except OSError as _error:
        print("blocked:", type(_error).__name__)
"""
USE_NETWORK = """
import socket
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=3).sendall(b"stolen answers")
    print("connected")
except OSError as _error:
    print("no network:", _error)
"""
WRITE_OUTSIDE = """
for _path in {paths!r}:
    try:
        open(_path, "w").write("overwritten")
    except OSError as _error:
        print("blocked:", type(_error).__name__)
"""
LEAVE_PROCESSES = """
import subprocess
subprocess.Popen(["sleep", "4242"], start_new_session=True)
subprocess.Popen(["sh", "-c", "(setsid sleep 4243 &) ; true"])
"""
INFINITE_LOOP = """
while True:
    pass
"""
MEMORY_HOG = """
try:
    _hog = bytearray(8 * 1024**3)
except MemoryError:
    print("memory limit reached")
"""

FORK_BOMB = """
import os, time
_children = 0
try:
    for _ in range(5000):
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        _children += 1
    print("no process limit")
except OSError:
    print("process limit reached after", _children)
"""
LEAVE_NOTE = """
open("/tmp/answers-for-the-next-learner.txt", "w").write("42")
"""
LOOK_AROUND = """
import os
print("uid", os.getuid(), "tmp holds", sorted(os.listdir("/tmp")))
"""


def release_nb(root):
    return notebooks.read(root / "exercises" / ASSIGNMENT / NAME)


def solved(root):
    solution = notebooks.read(root / "solutions" / ASSIGNMENT / NAME)
    nb, _ = fill_answers(release_nb(root), solution)
    return nb


def first_answer(nb):
    return next(c for c in nb.cells if notebooks.is_answer(c) and c.cell_type == "code")


def with_code(nb, code):
    """The notebook with ``code`` run at the start of the first answer cell."""
    cell = first_answer(nb)
    cell.source = code + "\n" + cell.source
    return nb


def without_tests(nb):
    nb.cells = [c for c in nb.cells if not notebooks.is_autograded_test(c)]
    return nb


def edited_tests(nb):
    for cell in nb.cells:
        if notebooks.is_autograded_test(cell):
            cell.source = "pass"
            cell.metadata["nbgrader"]["points"] = 100
    return nb


def renamed_tests(nb):
    """Test cells given ids the gradebook does not know, and made to pass."""
    for cell in nb.cells:
        if notebooks.is_autograded_test(cell):
            cell.source = "pass"
            cell.metadata["nbgrader"]["grade_id"] += "_mine"
    return nb


def retyped_answers(nb):
    for cell in nb.cells:
        if notebooks.is_answer(cell) and cell.cell_type == "code":
            cell.cell_type = "markdown"
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    return nb


def unknown_kernel(nb):
    nb.metadata["kernelspec"] = {"name": "julia-1.9", "display_name": "Julia", "language": "julia"}
    return nb


def write(folder: Path, nb=None, name=NAME, raw: bytes | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    if raw is not None:
        (folder / name).write_bytes(raw)
    else:
        nbformat.write(nb, folder / name)


# student -> (how to build it, deserved autograded score, expected status)
def corpus(root, port=9):
    blank, full = (lambda: release_nb(root)), (lambda: solved(root))
    secrets = [
        str(root / "solutions" / ASSIGNMENT / NAME),
        str(root / "grading" / "gradebook.db"),
        str(root / "nbgrader_config.py"),
        str(root / "grading" / "submitted" / "honest" / ASSIGNMENT / NAME),
        "/etc/shadow",
        str(Path.home() / ".bash_history"),
    ]
    reads = READ_INSTRUCTOR_FILES.format(paths=secrets)
    writes = WRITE_OUTSIDE.format(paths=secrets[:4])
    v3 = nbformat.writes(nbformat.convert(solved(root), 3), version=3)
    return {
        "honest": (lambda f: write(f, full()), FULL, GRADED),
        "patches-helpers": (lambda f: write(f, with_code(blank(), PATCH_HELPERS)), 0, GRADED),
        "replaces-check": (lambda f: write(f, with_code(blank(), REPLACE_CHECK)), 0, GRADED),
        "blanks-later-cells": (
            lambda f: write(f, with_code(blank(), BLANK_LATER_CELLS)),
            0,
            GRADED,
        ),
        "equals-anything": (lambda f: write(f, with_code(blank(), EQUALS_ALL)), 0, GRADED),
        "patches-exporter": (lambda f: write(f, with_code(blank(), PATCH_EXPORTER)), 0, GRADED),
        "fakes-exports": (lambda f: write(f, with_code(blank(), FAKE_EXPORTS)), 0, GRADED),
        "deletes-tests": (lambda f: write(f, without_tests(blank())), 0, GRADED),
        "deletes-tests-honest": (lambda f: write(f, without_tests(full())), FULL, GRADED),
        "edits-tests-and-points": (lambda f: write(f, edited_tests(blank())), 0, GRADED),
        "renames-tests": (lambda f: write(f, renamed_tests(blank())), 0, GRADED),
        "renames-tests-honest": (lambda f: write(f, renamed_tests(full())), FULL, GRADED),
        "retypes-answers": (lambda f: write(f, retyped_answers(full())), None, GRADED),
        "unknown-kernel": (lambda f: write(f, unknown_kernel(full())), FULL, GRADED),
        "huge-output": (lambda f: write(f, with_code(full(), HUGE_OUTPUT)), FULL, GRADED),
        "sys-exit": (lambda f: write(f, with_code(full(), SYS_EXIT)), None, GRADED),
        "kills-kernel": (lambda f: write(f, with_code(full(), EXIT)), 0, BROKEN),
        "shadows-modules": (
            lambda f: (
                write(f, full()),
                (f / "cmkit.py").write_text("raise SystemExit('shadowed')"),
                (f / "pandas.py").write_text("raise SystemExit('shadowed')"),
            ),
            FULL,
            GRADED,
        ),
        "corrupt-json": (lambda f: write(f, raw=b'{"cells": [{"cell_type": "code", '), 0, BROKEN),
        "empty-file": (lambda f: write(f, raw=b""), 0, BROKEN),
        "non-utf8": (lambda f: write(f, raw=b"\xff\xfe\x00\x81garbage\x9c"), 0, BROKEN),
        "wrong-file-name": (lambda f: write(f, full(), name="my_homework.ipynb"), 0, MISSING),
        "no-notebook": (lambda f: f.mkdir(parents=True, exist_ok=True), 0, MISSING),
        "nbformat-3": (lambda f: write(f, raw=v3.encode()), FULL, GRADED),
        "duplicate-copy": (
            lambda f: (write(f, full()), write(f, blank(), name=f"Copy of {NAME}")),
            FULL,
            GRADED,
        ),
        "duplicated-test-cell": (lambda f: write(f, duplicated(full())), None, None),
        "reads-instructor-files": (lambda f: write(f, with_code(blank(), reads)), 0, GRADED),
        "uses-network": (
            lambda f: write(f, with_code(blank(), USE_NETWORK.format(port=port))),
            0,
            GRADED,
        ),
        "writes-outside": (lambda f: write(f, with_code(blank(), writes)), 0, GRADED),
        "leaves-processes": (lambda f: write(f, with_code(full(), LEAVE_PROCESSES)), FULL, GRADED),
        "infinite-loop": (lambda f: write(f, with_code(blank(), INFINITE_LOOP)), 0, GRADED),
        "memory-hog": (lambda f: write(f, with_code(full(), MEMORY_HOG)), FULL, GRADED),
        "fork-bomb": (lambda f: write(f, with_code(full(), FORK_BOMB)), FULL, GRADED),
        "honest-with-extras": (lambda f: write(f, with_extras(full())), FULL, GRADED),
        "huge-answer": (
            lambda f: write(f, with_code(blank(), "n_posts = list(range(3_000_000))")),
            0,
            GRADED,
        ),
    }


def with_extras(nb):
    """Honest extras: scratch cells, a helper function, a warning, scratch cells moved around."""
    scratch = [
        nbformat.v4.new_markdown_cell("My notes: check the median, not the mean."),
        nbformat.v4.new_code_cell("import warnings\nwarnings.warn('just a note', FutureWarning)"),
        nbformat.v4.new_code_cell(
            "def share(mask):\n    return mask.mean()\n\nshare(posts['is_boosted'])"
        ),
        nbformat.v4.new_code_cell("posts.describe()"),
    ]
    for cell in scratch:
        cell.pop("id", None)
    at = next(i for i, c in enumerate(nb.cells) if notebooks.is_answer(c)) + 1
    nb.cells[at:at] = scratch[:2]
    nb.cells.extend(scratch[2:])
    nb.cells.insert(len(nb.cells) - 3, nb.cells.pop(at))  # a scratch cell moved further down
    return nb


def duplicated(nb):
    test = next(c for c in nb.cells if notebooks.is_autograded_test(c))
    nb.cells.append(nbformat.from_dict(test))
    return nb


@pytest.fixture(scope="module")
def listener():
    """A loopback server outside the sandbox: a learner's code must not reach it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    yield server
    server.close()


def instructor_files(root):
    paths = [*(root / "solutions").rglob("*"), root / "nbgrader_config.py"]
    paths += (root / "grading" / "submitted" / "honest").rglob("*")
    return {p: p.read_bytes() for p in paths if p.is_file()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory, listener):
    root = tmp_path_factory.mktemp("adversarial")
    nbgrader_runner.make_course(root, course().root, [ASSIGNMENT])
    with open(root / "nbgrader_config.py", "a") as config:  # keep the endless loop short
        config.write("\nget_config().Execute.timeout = 10  # noqa: F821\n")
    nbgrader_runner.run(["generate_assignment", ASSIGNMENT, "--force"], root)
    cases = corpus(root, port=listener.getsockname()[1])
    for student, (build, _, _) in cases.items():
        build(root / "grading" / "submitted" / student / ASSIGNMENT)
    outside = instructor_files(root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = engine.grade(root, ASSIGNMENT, workers=2)
    return root, cases, {r.student: r for r in run.graded}, outside


def test_the_run_finishes_and_grades_every_submission(graded):
    _, cases, results, _ = graded
    assert len(cases) >= 25
    assert sorted(results) == sorted(cases)


def autograded_score(result):
    return sum(c.score for c in result.cells if c.kind == "autograded")


def test_no_submission_gets_more_than_it_deserves(graded):
    _, cases, results, _ = graded
    problems = []
    for student, (_, deserved, status) in cases.items():
        result = results[student]
        if deserved is not None and autograded_score(result) > deserved:
            problems.append(f"{student}: {autograded_score(result)} > {deserved}")
        if status is not None and result.status != status:
            problems.append(f"{student}: status {result.status}, expected {status}")
    assert not problems, "\n".join(problems)


def test_honest_work_is_unaffected_and_earns_full_marks(graded):
    _, cases, results, _ = graded
    for student in (
        "honest",
        "honest-with-extras",
        "deletes-tests-honest",
        "renames-tests-honest",
        "unknown-kernel",
        "huge-output",
        "shadows-modules",
        "nbformat-3",
        "duplicate-copy",
    ):
        assert autograded_score(results[student]) == FULL, student


def test_the_results_tell_the_instructor_what_happened(graded):
    _, _, results, _ = graded
    for student in ("kills-kernel", "corrupt-json", "empty-file", "non-utf8"):
        assert results[student].problem, student
    assert "my_homework.ipynb" in results["wrong-file-name"].problem
    assert "no notebook" in results["no-notebook"].problem
    duplicated_result = results["duplicated-test-cell"]
    assert duplicated_result.status in (GRADED, BROKEN)
    if duplicated_result.status == BROKEN:
        assert duplicated_result.problem
    # nbgrader itself loses a notebook whose test cells were renamed (KeyError 'grade_id')
    assert "q1_1_n_posts_value_mine" in results["renames-tests"].problem


def test_only_notebooks_reach_the_grading_folder(graded):
    root, _, _, _ = graded
    folder = root / "grading" / "autograded" / "shadows-modules" / ASSIGNMENT
    assert sorted(p.name for p in folder.iterdir()) == [NAME]


def test_instructor_files_are_unchanged_and_no_process_survives(graded):
    root, _, _, outside = graded
    assert instructor_files(root) == outside
    time.sleep(0.5)
    for marker in (str(root), "sleep 4242", "sleep 4243"):
        leftover = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
        assert leftover.stdout.split() == [], marker


def outputs_of(root, student):
    path = root / "grading" / "autograded" / student / ASSIGNMENT / NAME
    return "\n".join(
        output.get("text", "")
        for cell in nbformat.read(path, 4).cells
        for output in cell.get("outputs", [])
    )


def test_the_sandbox_hides_instructor_files_and_the_network(graded, listener):
    root, _, _, _ = graded
    seen = outputs_of(root, "reads-instructor-files")
    assert seen.count("blocked:") == 6, seen[:500]
    assert "BEGIN SOLUTION" not in seen and "SQLite format" not in seen
    assert "no network" in outputs_of(root, "uses-network")
    with pytest.raises(OSError):
        listener.accept()
    assert outputs_of(root, "writes-outside").count("blocked:") == 4


def test_a_fork_bomb_meets_the_process_limit(graded):
    root, _, _, _ = graded
    seen = outputs_of(root, "fork-bomb")
    assert "process limit reached" in seen, seen[:500]


def test_kernels_run_unprivileged_and_leave_nothing_to_the_next_learner(tmp_path):
    """One worker grades one learner after the other from the same zygote: what the first
    leaves in /tmp is gone for the second, and neither runs as root."""
    import os

    root = tmp_path / "course"
    nbgrader_runner.make_course(root, course().root, [ASSIGNMENT])
    nbgrader_runner.run(["generate_assignment", ASSIGNMENT, "--force"], root)
    submitted = root / "grading" / "submitted"
    write(submitted / "a-leaves-a-note" / ASSIGNMENT, with_code(solved(root), LEAVE_NOTE))
    write(submitted / "b-looks-around" / ASSIGNMENT, with_code(solved(root), LOOK_AROUND))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = engine.grade(root, ASSIGNMENT, workers=1)
    assert [autograded_score(r) for r in run.graded] == [FULL, FULL]
    seen = outputs_of(root, "b-looks-around")
    assert "tmp holds" in seen and "answers-for-the-next-learner" not in seen, seen[:500]
    if os.geteuid() == 0:
        assert "uid 0 " not in seen, seen[:500]


def test_feedback_of_an_attack_explains_the_missing_answers(graded):
    _, _, results, _ = graded
    messages = [c.message for c in results["blanks-later-cells"].cells if c.message]
    assert messages and all("could not be read" in m or "not been answered" in m for m in messages)


def test_in_kernel_grading_would_have_been_fooled(tmp_path):
    """Why tests are judged outside: nbgrader's usual in-kernel run gives points away."""
    root = tmp_path / "course"
    nbgrader_runner.make_course(root, course().root, [ASSIGNMENT])
    nbgrader_runner.run(["generate_assignment", ASSIGNMENT, "--force"], root)
    write(
        root / "grading" / "submitted" / "blanker" / ASSIGNMENT,
        with_code(release_nb(root), BLANK_LATER_CELLS),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fooled = engine.grade(root, ASSIGNMENT, workers=1, in_kernel=True).graded[0]
        honest = engine.grade(root, ASSIGNMENT, workers=1, force=True).graded[0]
    assert autograded_score(fooled) == FULL
    assert autograded_score(honest) == 0
    assert json.loads(json.dumps(honest.problem)) == ""


# --- attacks on replayed test cells ---------------------------------------------------------
# A replayed test cell (cmkit.grading.replay) computes something from an answer before checking
# it: `calendar_problems = validate_calendar(calendar, MONTH)`. In the kernel, a learner could
# make that computation lie; replayed outside, it runs on the exported answer alone. A bridged
# cell (cmkit.grading.bridge) runs the crisis simulation outside and only asks the kernel for
# the playbook's decisions: patching the scoring in the kernel changes nothing.

PATCH_VALIDATORS = """
import cmkit.planning as _planning

_planning.validate_calendar = _planning.find_problems = lambda *args, **kwargs: []
validate_calendar = find_problems = _planning.validate_calendar
"""
PATCH_HEADLINE_RULES = """
import cmkit.capstone as _capstone

_capstone.headline_problems = lambda *args, **kwargs: []
headline_problems = _capstone.headline_problems
"""
LYING_SORT = """
pd.Series.is_monotonic_increasing = property(lambda self: True)
"""
MEMORISED_EXAMPLES = """
LOOKUP = dict(EXAMPLES)


def triage(text):
    return LOOKUP.get(text, "question")
"""
PERFECT_TRIAGE_SCORE = """
import types

import cmkit.care
import cmkit.care.triage


def _perfect(*args, **kwargs):
    return types.SimpleNamespace(accuracy=1.0, lowest_recall=1.0, hint="")


score_triage = cmkit.care.score_triage = cmkit.care.triage.score_triage = _perfect
"""
PATCH_CRISIS_SCORING = """
import cmkit.crisis.scoring as _scoring

_scoring.CrisisResult.passed = lambda self, outcome_id: True
"""
# student -> (assignment, answer cell, its wrong answer (a fixture's name, or code), the attack
#             added to it, the replayed test cells it targets)
REPLAYED = {
    "patches-calendar-validators": (
        "03-content-planning",
        "q5_1_calendar",
        "template_unchanged",
        PATCH_VALIDATORS,
        ("q5_1_calendar_valid", "q5_1_calendar_moments"),
    ),
    "patches-headline-rules": (
        "09-capstone",
        "q2_2_headline",
        "vanity_headline",
        PATCH_HEADLINE_RULES,
        ("q2_2_headline_rules",),
    ),
    "lies-about-sorting": (
        "07-influencers-paid",
        "q3_3_shortlist",
        "most_expensive_first",
        LYING_SORT,
        ("q3_3_shortlist_sorted",),
    ),
    "patches-crisis-scoring": (
        "06-crisis",
        "q5_1_playbook",
        "answers_after_three_hours",
        PATCH_CRISIS_SCORING,
        ("q5_1_golden_hour",),
    ),
    "fakes-triage-score": (
        "04-community-care",
        "q1_1_triage",
        MEMORISED_EXAMPLES,
        PERFECT_TRIAGE_SCORE,
        ("q1_1_triage_labelled", "q1_1_triage_new_messages"),
    ),
}
REPLAYED_ASSIGNMENTS = sorted({case[0] for case in REPLAYED.values()})


def wrong_answer(assignment: str, cell: str, wrong: str) -> str:
    fixtures = {f.name: f for f in load_fixtures(course().fixtures_file(assignment))}
    return fixtures[wrong].answers[cell] if wrong in fixtures else wrong


def by_student(runs) -> dict:
    return {f"{r.student}/{r.assignment}": r for run in runs for r in run.graded}


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    """Each attack, its control (the same wrong answer without the attack) and an honest
    learner, graded by the kit, and the attacks graded in the kernel as nbgrader would."""
    root = tmp_path_factory.mktemp("replayed")
    nbgrader_runner.make_course(root, course().root, REPLAYED_ASSIGNMENTS)
    submitted = root / "grading" / "submitted"
    for assignment in REPLAYED_ASSIGNMENTS:
        nbgrader_runner.run(["generate_assignment", assignment, "--force"], root)
        name = f"{assignment}.ipynb"
        solution = notebooks.read(root / "solutions" / assignment / name)
        honest, _ = fill_answers(notebooks.read(root / "exercises" / assignment / name), solution)
        write(submitted / "honest" / assignment, honest, name=name)
    for student, (assignment, cell, wrong, attack, _) in REPLAYED.items():
        name = f"{assignment}.ipynb"
        solution = notebooks.read(root / "solutions" / assignment / name)
        control = wrong_answer(assignment, cell, wrong)
        for who, text in ((f"{student}-control", control), (student, control + "\n" + attack)):
            release = notebooks.read(root / "exercises" / assignment / name)
            nb, used = fill_answers(release, solution, {cell: text})
            assert used == {cell}
            write(submitted / who / assignment, nb, name=name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        attackers = list(REPLAYED)
        fooled = engine.grade_many(
            root, REPLAYED_ASSIGNMENTS, workers=2, students=attackers, in_kernel=True
        )
        kit = engine.grade_many(root, REPLAYED_ASSIGNMENTS, workers=2, force=True)
    return by_student(kit), by_student(fooled)


def test_replayed_cells_give_an_attack_no_more_than_its_wrong_answer(replayed):
    kit, _ = replayed
    for student, (assignment, _, _, _, targets) in REPLAYED.items():
        attack, control = kit[f"{student}/{assignment}"], kit[f"{student}-control/{assignment}"]
        assert attack.status == GRADED, (student, attack.problem)
        assert autograded_score(attack) <= autograded_score(control), student
        cells = {c.cell: c for c in attack.cells}
        for target in targets:
            assert cells[target].passed is False and cells[target].message, (student, target)


def test_the_same_attacks_fool_in_kernel_grading(replayed):
    kit, fooled = replayed
    for student, (assignment, _, _, _, targets) in REPLAYED.items():
        in_kernel = fooled[f"{student}/{assignment}"]
        assert autograded_score(in_kernel) > autograded_score(kit[f"{student}/{assignment}"])
        cells = {c.cell: c for c in in_kernel.cells}
        assert all(cells[target].passed for target in targets), student


def test_honest_work_earns_every_point_of_the_replayed_assignments(replayed):
    kit, _ = replayed
    for assignment in REPLAYED_ASSIGNMENTS:
        result = kit[f"honest/{assignment}"]
        failed = [f"{c.cell}: {c.message[:200]}" for c in result.cells if c.passed is False]
        assert not failed, (assignment, failed)
