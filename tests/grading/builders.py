"""Small cohorts built in temporary folders: a course folder, a gradebook filled through
nbgrader's API (as autograde and the formgrader fill it), results files in the shared format,
LMS download zips."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from cmkit import nbgrader_runner, nbgrader_settings
from cmkit.grading import results

ASSIGNMENT = "00-getting-started"
SECOND = "01-strategy"
NOTEBOOK = "00-getting-started"
DUE = datetime(2026, 3, 1, 12, 0)


def make_course_folder(root: Path, assignments=(ASSIGNMENT,)) -> Path:
    """A course folder with a config and one released notebook per assignment."""
    (root / "grading").mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text("")
    for assignment in assignments:
        folder = root / "exercises" / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {assignment}")]
        nbformat.write(nb, folder / f"{assignment}.ipynb")
    return root


def notebook_bytes(text: str = "answer") -> bytes:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nb.cells = [nbformat.v4.new_code_cell(f"x = {text!r}", id="answer")]
    return nbformat.writes(nb).encode()


def make_zip(path: Path, entries: dict[str, tuple[bytes, tuple]]) -> Path:
    """A zip whose entries are name -> (data, date_time)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, (data, date_time) in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=date_time), data)
    return path


def gradebook_url(root: Path) -> str:
    return nbgrader_settings.gradebook_url(root)


_EMPTY_GRADEBOOK: list[Path] = []


def _empty_gradebook() -> Path:
    """An empty gradebook made once per test run: making one asks the `alembic` program for
    the schema version (seconds on a busy machine), copying one does not."""
    if not _EMPTY_GRADEBOOK:
        folder = Path(tempfile.mkdtemp(prefix="cmkit-test-gradebook-"))
        atexit.register(shutil.rmtree, folder, True)
        path = os.environ.get("PATH", "")
        os.environ["PATH"] = nbgrader_runner.environment()["PATH"]
        try:
            url = nbgrader_settings.gradebook_url(folder / "x")
            (folder / "x" / "grading").mkdir(parents=True)
            Gradebook(url, course_id=nbgrader_settings.COURSE_ID).close()
        finally:
            os.environ["PATH"] = path
        _EMPTY_GRADEBOOK.append(folder / "x" / "grading" / "gradebook.db")
    return _EMPTY_GRADEBOOK[0]


@contextmanager
def gradebook(root: Path) -> Iterator[Gradebook]:
    """The course's gradebook, opened (and created) through nbgrader's API."""
    database = root / "grading" / "gradebook.db"
    if not database.exists():
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_empty_gradebook(), database)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's add_submission trips SQLAlchemy warnings
        with Gradebook(gradebook_url(root), course_id=nbgrader_settings.COURSE_ID) as gb:
            yield gb


def add_assignment(gb, assignment: str) -> None:
    """Two autograded test cells (2 and 5 points) and a manually graded answer (3 points)."""
    gb.add_assignment(assignment, duedate=DUE)
    gb.add_notebook(assignment, assignment)
    gb.add_grade_cell("q1_1_check", assignment, assignment, max_score=2, cell_type="code")
    gb.add_grade_cell("q2_1_check", assignment, assignment, max_score=5, cell_type="code")
    gb.add_grade_cell("q3_1_summary", assignment, assignment, max_score=3, cell_type="markdown")
    gb.add_solution_cell("q3_1_summary", assignment, assignment)


def fill_gradebook(root: Path) -> str:
    """Two assignments; awa graded in both (a manual grade entered for her free text), bob
    graded in the first with his free text still to grade and submitted late, cheikh with no
    submission at all."""
    with gradebook(root) as gb:
        for assignment in (ASSIGNMENT, SECOND):
            add_assignment(gb, assignment)
        gb.add_student("bob", first_name="Bob", last_name="Sarr")
        gb.add_student("awa", first_name="Awa", last_name="Diop", email="awa@example.org")
        gb.add_student("cheikh", first_name="Cheikh", last_name="Fall")
        submit(gb, ASSIGNMENT, "awa", {"q1_1_check": 2, "q2_1_check": 5}, manual=2.5)
        submit(gb, SECOND, "awa", {"q1_1_check": 1, "q2_1_check": 0}, manual=3)
        submit(
            gb,
            ASSIGNMENT,
            "bob",
            {"q1_1_check": 0, "q2_1_check": 5},
            manual=None,
            timestamp=datetime(2026, 3, 2, 12, 0),
        )
    return gradebook_url(root)


def submit(gb, assignment, student, auto, manual, timestamp=datetime(2026, 2, 28, 9, 0)):
    gb.add_submission(assignment, student, timestamp=timestamp)
    for cell, score in auto.items():
        grade = gb.find_grade(cell, assignment, assignment, student)
        grade.auto_score = score
        grade.needs_manual_grade = False
    grade = gb.find_grade("q3_1_summary", assignment, assignment, student)
    grade.auto_score = None
    grade.manual_score = manual
    grade.needs_manual_grade = manual is None
    gb.db.commit()


def cell(name, passed, score, max_score, message="", kind="autograded"):
    return results.CellResult(NOTEBOOK, name, kind, score, max_score, passed, message)


def write_results(root: Path) -> None:
    """Results files for the cohort of ``fill_gradebook`` plus a broken and a missing one."""
    now = datetime(2026, 3, 1, tzinfo=UTC).isoformat()
    miss = "median_reach: expected a number, got a <Series>.\nHint: take .median() of it."
    for student, passed in (("awa", True), ("bob", False), ("dior", False)):
        results.write(
            root,
            results.SubmissionResult(
                assignment=ASSIGNMENT,
                student=student,
                status=results.GRADED,
                score=7.0 if passed else 5.0,
                max_score=10.0,
                needs_manual_grade=student == "bob",
                submitted_at=now,
                late_seconds=86400.0 if student == "bob" else 0.0,
                cells=[
                    cell("q1_1_check", passed, 2 if passed else 0, 2, "" if passed else miss),
                    cell("q2_1_check", True, 5, 5),
                    cell("q3_1_summary", None, 0, 3, kind="manual"),
                ],
            ),
        )
    results.write(
        root,
        results.SubmissionResult(
            assignment=ASSIGNMENT,
            student="ebou",
            status=results.BROKEN,
            problem="00-getting-started.ipynb: not valid JSON; submit the notebook again",
        ),
    )
    results.write(
        root,
        results.SubmissionResult(
            assignment=SECOND,
            student="fatou",
            status=results.MISSING,
            problem="nothing submitted for 01-strategy",
        ),
    )
