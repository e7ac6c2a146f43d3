"""The grades CSV comes from nbgrader's gradebook (manual grades included), one row per student
and one column per assignment, in an order that never depends on the database's."""

import csv

import pytest
from traitlets.config import Config

from cmkit import nbgrader_settings
from cmkit.cli import main
from cmkit.course import Course
from cmkit.errors import KitError
from cmkit.grading.report import export_grades

from .builders import (
    ASSIGNMENT,
    SECOND,
    add_assignment,
    fill_gradebook,
    gradebook,
    make_course_folder,
    submit,
)


@pytest.fixture
def kit(tmp_path) -> Course:
    root = make_course_folder(tmp_path / "course")
    fill_gradebook(root)
    return Course(root)


def read(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_one_row_per_student_one_column_per_assignment(kit):
    done = export_grades(kit)
    assert done.path == kit.root / "grading" / "reports" / "grades.csv"
    header = done.path.read_text().splitlines()[0].split(",")
    assert header == [
        "student_id",
        "last_name",
        "first_name",
        "email",
        "lms_user_id",
        ASSIGNMENT,
        SECOND,
        "total",
        "max_score",
        "percentage",
        "needs_manual_grading",
        "manual_grading_in",
    ]
    rows = read(done.path)
    assert [r["student_id"] for r in rows] == ["awa", "bob", "cheikh"]
    awa, bob, cheikh = rows
    # awa: 7 autograded + 2.5 entered by a grader in the formgrader; 1 + 0 + 3 in the second
    assert (awa[ASSIGNMENT], awa[SECOND], awa["total"]) == ("9.5", "4", "13.5")
    assert (awa["max_score"], awa["percentage"], awa["needs_manual_grading"]) == (
        "20",
        "67.5",
        "no",
    )
    assert (bob[ASSIGNMENT], bob[SECOND], bob["total"], bob["percentage"]) == ("5", "", "5", "25")
    assert (bob["needs_manual_grading"], bob["manual_grading_in"]) == ("yes", ASSIGNMENT)
    assert (cheikh[ASSIGNMENT], cheikh["total"], cheikh["percentage"]) == ("", "0", "0")
    assert (awa["last_name"], awa["first_name"], awa["email"]) == ("Diop", "Awa", "awa@example.org")
    assert (done.students, done.assignments, done.pending_manual) == (3, 2, 1)


def test_a_manual_grade_entered_later_is_exported(kit):
    with gradebook(kit.root) as gb:
        grade = gb.find_grade("q3_1_summary", ASSIGNMENT, ASSIGNMENT, "bob")
        grade.manual_score = 3
        grade.needs_manual_grade = False
        gb.db.commit()
    bob = read(export_grades(kit).path)[1]
    assert (bob[ASSIGNMENT], bob["needs_manual_grading"], bob["manual_grading_in"]) == (
        "8",
        "no",
        "",
    )


def test_the_order_is_the_courses_not_the_databases(tmp_path):
    root = make_course_folder(tmp_path / "course")
    with gradebook(root) as gb:
        for assignment in ("zz-bonus", SECOND, ASSIGNMENT):
            add_assignment(gb, assignment)
        for student in ("zed", "Awa", "bob"):
            gb.add_student(student)
        submit(gb, "zz-bonus", "zed", {"q1_1_check": 2, "q2_1_check": 0}, manual=1)
    path = export_grades(Course(root), out=tmp_path / "out" / "lms.csv").path
    header = path.read_text().splitlines()[0].split(",")
    assert header[5:8] == [ASSIGNMENT, SECOND, "zz-bonus"]
    assert [r["student_id"] for r in read(path)] == ["Awa", "bob", "zed"]
    assert read(path)[2]["zz-bonus"] == "3"


def test_no_gradebook_is_a_one_line_error_and_creates_none(tmp_path):
    root = make_course_folder(tmp_path / "course")
    with pytest.raises(KitError) as error:
        export_grades(Course(root))
    assert "no such database yet" in str(error.value) and "\n" not in str(error.value)
    assert not (root / "grading" / "gradebook.db").exists()


def test_the_gradebook_url_is_the_one_nbgrader_uses(tmp_path):
    config = Config()
    nbgrader_settings.apply(config, tmp_path)
    assert nbgrader_settings.gradebook_url(tmp_path) == config.CourseDirectory.db_url


def test_the_cli_exports_and_says_where(kit, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(kit.root))
    out = tmp_path / "grades.csv"
    assert main(["export", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"grades of 3 student(s) in 2 assignment(s): {out}" in printed
    assert "1 student(s) still need manual grading" in printed
    assert len(read(out)) == 3


def test_the_cli_without_gradebook_fails_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(make_course_folder(tmp_path / "course")))
    assert main(["export"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cmkit: gradebook sqlite:///") and len(err.strip().splitlines()) == 1
