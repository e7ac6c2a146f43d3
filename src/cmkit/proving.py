"""Prove an assignment through real nbgrader: the solution earns every autograded point, the
untouched release earns none and grades without crashing, and every wrong-answer fixture loses
points.

Everything happens in a throwaway course folder, so the real course and its gradebook are never
touched. One ``nbgrader autograde`` run grades all the attempts together.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cmkit import nbgrader_runner, nbgrader_settings, notebooks
from cmkit.course import Course
from cmkit.errors import KitError
from cmkit.fixtures import Fixture, load_fixtures
from cmkit.gradebook import cell_scores

SOLUTION = "solution"
BLANK = "blank"
FIXTURE = "fixture"


@dataclass
class Attempt:
    student: str
    kind: str
    why: str
    score: float = 0.0
    max_score: float = 0.0
    failed_cells: list[str] = field(default_factory=list)
    graded: bool = False
    problem: str = ""  # why nbgrader did not grade it, from its log

    @property
    def ok(self) -> bool:
        """Whether the attempt scored as its kind requires."""
        if not self.graded or self.max_score <= 0:
            return False
        if self.kind == SOLUTION:
            return self.score == self.max_score
        if self.kind == BLANK:
            return self.score == 0
        return self.score < self.max_score

    @property
    def expectation(self) -> str:
        return {SOLUTION: "full marks", BLANK: "0 points"}.get(self.kind, "loses points")


@dataclass
class Proof:
    assignment: str
    attempts: list[Attempt]
    release: Path
    log: Path | None = None  # nbgrader's autograde log, for an attempt that was not graded

    @property
    def ok(self) -> bool:
        return all(attempt.ok for attempt in self.attempts)

    def problems(self) -> list[str]:
        return [
            f"{self.assignment} / {a.student}: expected {a.expectation}, got "
            f"{a.score:g}/{a.max_score:g}"
            + (f" (failed: {', '.join(a.failed_cells)})" if a.failed_cells else "")
            + ("" if a.graded else f" (not graded: {a.problem or 'see ' + str(self.log)})")
            for a in self.attempts
            if not a.ok
        ]


def autograded_cells(release_dir: Path) -> set[tuple[str, str]]:
    """(notebook, grade_id) of every autograded test cell in an assignment."""
    cells = set()
    for path in sorted(release_dir.glob("*.ipynb")):
        for cell in notebooks.read(path).cells:
            if notebooks.is_autograded_test(cell):
                cells.add((path.stem, notebooks.grade_id(cell)))
    return cells


def fill_answers(
    release_nb, solution_nb, overrides: dict[str, str] | None = None
) -> tuple[object, set[str]]:
    """The release notebook answered as a learner would: every answer cell holds the solution
    without its markers, except those ``overrides`` replace. Returns the ids it overrode."""
    solved = notebooks.cells_by_id(solution_nb)
    used = set()
    for cell in release_nb.cells:
        cell_id = notebooks.grade_id(cell)
        if not notebooks.is_answer(cell):
            continue
        if overrides and cell_id in overrides:
            cell.source = overrides[cell_id]
            used.add(cell_id)
        elif cell_id in solved:
            cell.source = notebooks.without_markers(solved[cell_id].source)
    return release_nb, used


def build_submissions(
    course_root: Path, assignment: str, source: Path, fixtures: list[Fixture]
) -> list[Attempt]:
    """Write the solution, blank and fixture submissions into ``grading/submitted``."""
    release_dir = course_root / "exercises" / assignment
    submitted = course_root / "grading" / "submitted"
    attempts = [
        Attempt(SOLUTION, SOLUTION, "the instructor's solution, typed in as a learner would"),
        Attempt(BLANK, BLANK, "the release, untouched"),
    ]
    attempts += [Attempt(f"{FIXTURE}-{f.name}", FIXTURE, f.why) for f in fixtures]
    unused = {f.name: set(f.answers) for f in fixtures}
    for path in sorted(release_dir.glob("*.ipynb")):
        solution_nb = notebooks.read(source / path.name)
        for attempt in attempts:
            notebook = notebooks.read(path)
            if attempt.kind == SOLUTION:
                notebook, _ = fill_answers(notebook, solution_nb)
            elif attempt.kind == FIXTURE:
                fixture = next(f for f in fixtures if f"{FIXTURE}-{f.name}" == attempt.student)
                notebook, used = fill_answers(notebook, solution_nb, fixture.answers)
                unused[fixture.name] -= used
            notebooks.write(notebook, submitted / attempt.student / assignment / path.name)
    for name, cell_ids in unused.items():
        if cell_ids:
            raise KitError(
                f"fixture {name!r} of {assignment}: no answer cell with id "
                f"{', '.join(sorted(cell_ids))}; use the grade_id of an answer cell"
            )
    return attempts


def prove(course: Course, assignment: str, workdir: Path) -> Proof:
    """Release ``assignment`` in a new course folder ``workdir``, autograde every attempt and
    read the scores. The release stays in ``workdir/exercises`` for comparison."""
    source = course.solutions / assignment
    if not source.is_dir():
        known = ", ".join(course.assignments()) or "none"
        raise KitError(f"assignment {assignment!r}: not in solutions/; known: {known}")
    fixtures = load_fixtures(course.fixtures_file(assignment))
    nbgrader_runner.make_course(workdir, course.root, [assignment])
    nbgrader_runner.run(["generate_assignment", assignment, "--force"], workdir)
    attempts = build_submissions(workdir, assignment, source, fixtures)
    # nbgrader exits 1 when one attempt of the batch failed (a dead kernel): the scores of the
    # others still count, and the failed attempt is reported as not graded. Its log is kept.
    log = nbgrader_runner.run(["autograde", assignment, "--force"], workdir, check=False)
    (workdir / "autograde.log").write_text(log)
    db_url = nbgrader_settings.gradebook_url(workdir)
    release = workdir / "exercises" / assignment
    tests = autograded_cells(release)
    for attempt in attempts:
        scores = cell_scores(db_url, assignment, attempt.student) or []
        auto = [s for s in scores if (s.notebook, s.cell) in tests]
        autograded = workdir / "grading" / "autograded" / attempt.student / assignment
        attempt.graded = bool(auto) and autograded.is_dir()
        attempt.score = sum(s.score for s in auto)
        attempt.max_score = sum(s.max_score for s in auto)
        attempt.failed_cells = sorted(s.cell for s in auto if not s.full)
        if not attempt.graded:
            attempt.problem = log_problem(log, attempt.student)
    return Proof(assignment, attempts, release, workdir / "autograde.log")


def log_problem(log: str, student: str) -> str:
    """Why nbgrader's log says it could not grade ``student``'s attempt: the errors it logged
    just before giving up on it, and the last line of its traceback (e.g. "Kernel died while
    waiting for execute reply. | nbclient.exceptions.DeadKernelError: Kernel died")."""
    lines = log.splitlines()
    marker = f"{os.sep}{student}{os.sep}"
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if "error processing assignment" in line and marker in line
        ),
        None,
    )
    if start is None:
        return "nbgrader's log says nothing about it"
    reasons = []
    for line in reversed(lines[:start]):  # what it logged just before, about this attempt
        if "| ERROR]" not in line:
            break
        reasons.insert(0, line.split("]", 1)[1].strip())
    traceback = []
    for line in lines[start + 1 :]:
        if line.startswith("[") and "| ERROR]" not in line:
            break  # nbgrader moved on
        if line.strip() and "| ERROR]" not in line:
            traceback.append(line.strip())
    return " | ".join(reasons + traceback[-1:]) or lines[start].strip()
