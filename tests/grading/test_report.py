"""The cohort report: every section from a fake cohort (results files + gradebook), charts as
PNG files beside the page, an empty cohort that says so, and no crash on missing or broken
inputs."""

import pytest

from cmkit.cli import main
from cmkit.course import Course
from cmkit.grading import report

from .builders import ASSIGNMENT, SECOND, fill_gradebook, make_course_folder, write_results

SECTIONS = ("summary", "scores", "pass-rates", "failures", "manual", "late", "problems")
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def kit(tmp_path) -> Course:
    root = make_course_folder(tmp_path / "course")
    fill_gradebook(root)
    write_results(root)
    (root / "grading" / "results" / ASSIGNMENT / "zz.json").write_text("{ half a file")
    (root / "grading" / "submitted" / "gora" / ASSIGNMENT).mkdir(parents=True)
    return Course(root)


@pytest.fixture
def page(kit) -> tuple[report.ReportFiles, str]:
    files = report.build_report(kit)
    return files, files.page.read_text(encoding="utf-8")


def test_the_page_has_every_section(page):
    files, html = page
    assert files.page == files.page.parent / report.REPORT_FILE
    for section in SECTIONS:
        assert f'<section id="{section}">' in html
    assert not files.empty


def test_charts_are_pngs_beside_the_page(page):
    files, html = page
    names = sorted(p.name for p in files.charts)
    assert names == [
        f"pass-rate-{ASSIGNMENT}.png",
        f"scores-{ASSIGNMENT}.png",
        f"scores-{SECOND}.png",
    ]
    for chart in files.charts:
        assert chart.parent == files.page.parent
        assert chart.read_bytes().startswith(PNG)
        assert f'src="{chart.name}"' in html


def test_pass_rates_and_common_failures_come_from_the_cells(kit):
    cohort = report.gather(kit)
    assert cohort.pass_rates(ASSIGNMENT) == {"q1_1": (1, 3), "q2_1": (3, 3)}
    assert cohort.failures(ASSIGNMENT) == {
        "q1_1": [("median_reach: expected a number, got a <Series>.", 2)]
    }


def test_failure_messages_are_escaped_and_counted(page):
    _, html = page
    assert "median_reach: expected a number, got a &lt;Series&gt;." in html
    assert "<Series>" not in html
    assert "Hint: take" not in html  # grouped by first line


def test_scores_prefer_the_gradebook_which_holds_manual_grades(kit):
    scores, max_score = report.gather(kit).scores(ASSIGNMENT)
    # awa 9.5 and bob 5 from the gradebook, dior 5 from her results file; ebou is broken
    assert sorted(scores) == [5.0, 5.0, 9.5] and max_score == 10.0


def test_manual_grading_late_and_broken_lists(kit, page):
    cohort = report.gather(kit)
    assert cohort.needs_manual_grading() == [(ASSIGNMENT, "bob")]
    assert cohort.late() == [(ASSIGNMENT, "bob", 86400.0)]
    assert [(r.student, r.status) for r in cohort.problems()] == [
        ("ebou", "broken"),
        ("fatou", "missing"),
    ]
    _, html = page
    assert "00-getting-started.ipynb: not valid JSON; submit the notebook again" in html
    assert "nothing submitted for 01-strategy" in html
    assert "1 d 0 h" in html


def test_unreadable_and_ungraded_inputs_are_lines_not_crashes(kit, page):
    cohort = report.gather(kit)
    assert cohort.notes == [
        f"grading/results/{ASSIGNMENT}/zz.json: unreadable (JSONDecodeError); grade that "
        "submission again"
    ]
    assert cohort.ungraded == [(ASSIGNMENT, "gora")]
    _, html = page
    assert "zz.json: unreadable" in html and "gora" in html


def test_an_empty_cohort_says_so(tmp_path):
    root = tmp_path / "course"
    files = report.build_report(Course(root))
    html = files.page.read_text()
    assert files.empty and files.charts == []
    assert "The cohort is empty" in html
    for section in SECTIONS:
        assert f'<section id="{section}">' in html
    assert not (root / "grading" / "gradebook.db").exists()


def test_results_without_a_gradebook_still_report(tmp_path):
    root = make_course_folder(tmp_path / "course")
    write_results(root)
    files = report.build_report(Course(root))
    html = files.page.read_text()
    assert "no gradebook at" in html and f"scores-{ASSIGNMENT}.png" in html
    assert not (root / "grading" / "gradebook.db").exists()


def test_a_corrupt_gradebook_is_a_note(tmp_path):
    root = make_course_folder(tmp_path / "course")
    write_results(root)
    (root / "grading" / "gradebook.db").write_bytes(b"not a database at all" * 100)
    html = report.build_report(Course(root)).page.read_text()
    assert "not readable" in html


def test_old_charts_are_replaced(kit, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "scores-gone.png").write_bytes(PNG)
    (out / "logo.png").write_bytes(PNG)
    report.build_report(kit, out)
    assert not (out / "scores-gone.png").exists() and (out / "logo.png").exists()


def test_the_cli_prints_where_the_report_is(kit, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(kit.root))
    assert main(["report", "--out", str(tmp_path / "r")]) == 0
    out = capsys.readouterr().out
    assert f"cohort report: {tmp_path / 'r' / report.REPORT_FILE} (3 chart(s) beside it)" in out


def test_the_cli_on_an_empty_cohort(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(make_course_folder(tmp_path / "course")))
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "the cohort is empty" in out and "grading/reports/cohort-report.html" in out
