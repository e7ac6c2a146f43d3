"""Collecting submissions from LMS zips (Moodle, Canvas) and nbgrader's exchange: the right
student folders and notebook names, nbgrader's timestamp, resubmissions that replace only when
newer, and every problem in one line without stopping the others."""

import struct
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from nbgrader.utils import parse_utc

from cmkit import nbgrader_runner
from cmkit.cli import main
from cmkit.course import Course
from cmkit.errors import KitError
from cmkit.grading import collect

from ..toy_course import make_toy_source
from .builders import ASSIGNMENT, make_course_folder, make_zip, notebook_bytes

FEB = (2026, 2, 1, 10, 0, 0)
FEB_LATER = (2026, 2, 3, 18, 30, 0)
NB = f"{ASSIGNMENT}.ipynb"


@pytest.fixture
def kit(tmp_path) -> Course:
    return Course(make_course_folder(tmp_path / "course"))


def submitted(kit: Course, student: str) -> Path:
    return kit.root / "grading" / "submitted" / student / ASSIGNMENT


def stamp(kit: Course, student: str) -> datetime:
    text = (submitted(kit, student) / "timestamp.txt").read_text().strip()
    return parse_utc(text).replace(tzinfo=UTC)


def local(date_time) -> datetime:
    return datetime(*date_time).astimezone(UTC)


def outcomes(report) -> dict[str, str]:
    return {c.student: c.outcome for c in report.collected}


def test_a_moodle_zip_lands_in_student_folders(kit, tmp_path):
    archive = make_zip(
        tmp_path / "moodle.zip",
        {
            f"Awa Diop_101_assignsubmission_file_/{NB}": (notebook_bytes("awa"), FEB),
            "Ndèye Fatou Sène_102_assignsubmission_file_/00-getting-started (1).ipynb": (
                notebook_bytes("ndeye"),
                FEB,
            ),
            f"Bob Sarr_103_assignsubmission_file_{NB}": (notebook_bytes("bob"), FEB_LATER),
        },
    )
    report = collect.collect_zip(kit, ASSIGNMENT, archive)
    assert report.problems == []
    assert outcomes(report) == {
        "awa-diop": collect.NEW,
        "bob-sarr": collect.NEW,
        "ndeye-fatou-sene": collect.NEW,
    }
    assert (submitted(kit, "awa-diop") / NB).read_bytes() == notebook_bytes("awa")
    assert sorted(p.name for p in submitted(kit, "ndeye-fatou-sene").iterdir()) == [
        NB,
        "timestamp.txt",
    ]
    assert stamp(kit, "awa-diop") == local(FEB)
    assert stamp(kit, "bob-sarr") == local(FEB_LATER)
    renamed = next(c for c in report.collected if c.student == "ndeye-fatou-sene")
    assert "renamed '00-getting-started (1).ipynb'" in renamed.detail


def test_a_canvas_zip_with_a_late_flag(kit, tmp_path):
    archive = make_zip(
        tmp_path / "canvas.zip",
        {
            f"diopawa_5001_9001_{NB}": (notebook_bytes("awa"), FEB),
            "sarrbob_LATE_5002_9002_my_work.ipynb": (notebook_bytes("bob"), FEB_LATER),
        },
    )
    report = collect.collect_zip(kit, ASSIGNMENT, archive)
    assert report.problems == []
    assert outcomes(report) == {"diopawa": collect.NEW, "sarrbob": collect.NEW}
    bob = next(c for c in report.collected if c.student == "sarrbob")
    assert "marked late by Canvas" in bob.detail and "renamed 'my_work.ipynb'" in bob.detail
    assert (submitted(kit, "sarrbob") / NB).read_bytes() == notebook_bytes("bob")


def test_lms_ids_instead_of_names(kit, tmp_path):
    archive = make_zip(tmp_path / "c.zip", {f"diopawa_5001_9001_{NB}": (notebook_bytes(), FEB)})
    report = collect.collect_zip(kit, ASSIGNMENT, archive, student_ids=collect.LMS_IDS)
    assert outcomes(report) == {"5001": collect.NEW}


def test_a_roster_maps_lms_ids_and_reports_who_is_missing(kit, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("lms_id,name,student_id\n5001,,adiop\n,Cheikh Fall,cfall\n")
    archive = make_zip(
        tmp_path / "c.zip",
        {
            f"diopawa_5001_9001_{NB}": (notebook_bytes("awa"), FEB),
            f"Cheikh Fall_777_assignsubmission_file_/{NB}": (notebook_bytes("c"), FEB),
            f"sarrbob_5002_9002_{NB}": (notebook_bytes("bob"), FEB),
        },
    )
    report = collect.collect_zip(kit, ASSIGNMENT, archive, collect.read_roster(roster))
    assert outcomes(report) == {"adiop": collect.NEW, "cfall": collect.NEW}
    assert len(report.problems) == 1
    assert report.problems[0].startswith(f"sarrbob_5002_9002_{NB}: sarrbob (canvas id 5002)")
    assert "not in the roster" in report.problems[0]


def test_a_roster_without_the_columns_is_one_line_error(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,login\n1,a\n")
    with pytest.raises(KitError, match="needs a student_id column"):
        collect.read_roster(roster)


def test_every_problem_is_reported_and_the_others_are_collected(kit, tmp_path):
    archive = make_zip(
        tmp_path / "moodle.zip",
        {
            "Bob Sarr_103_assignsubmission_file_/notes.txt": (b"hello", FEB),
            "Bob Sarr_103_assignsubmission_onlinetext_onlinetext.html": (b"<p>hi</p>", FEB),
            f"Bob Sarr_103_assignsubmission_file_/Copy of {NB}": (notebook_bytes("old"), FEB),
            f"Bob Sarr_103_assignsubmission_file_/{NB}": (notebook_bytes("new"), FEB_LATER),
            f"random/{NB}": (notebook_bytes(), FEB),
            f"Awa Diop_101_assignsubmission_file_/{NB}": (b"{ not json", FEB),
        },
    )
    report = collect.collect_zip(kit, ASSIGNMENT, archive)
    assert outcomes(report) == {"awa-diop": collect.NEW, "bob-sarr": collect.NEW}
    assert (submitted(kit, "bob-sarr") / NB).read_bytes() == notebook_bytes("new")
    problems = report.problems
    assert all("\n" not in p for p in problems)
    assert len(problems) == 5, problems
    assert any(
        p.startswith("Bob Sarr_103_assignsubmission_file_/notes.txt: not a notebook")
        for p in problems
    )
    assert any(
        p.startswith("Bob Sarr_103_assignsubmission_onlinetext_onlinetext.html: not a")
        for p in problems
    )
    assert any(p.startswith(f"random/{NB}: not named like a Moodle or Canvas") for p in problems)
    kept = next(p for p in problems if "kept the newest" in p)
    assert kept.startswith(f"bob-sarr / {ASSIGNMENT}: 2 notebooks for {NB}")
    assert f"'Bob Sarr_103_assignsubmission_file_/{NB}'" in kept
    assert any("not a readable notebook" in p and "collected anyway" in p for p in problems)


def test_an_unreadable_zip_is_one_problem_line(kit, tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"this is not a zip")
    report = collect.collect_zip(kit, ASSIGNMENT, broken)
    assert report.failed and report.collected == []
    assert len(report.problems) == 1 and report.problems[0].startswith(f"{broken}: not a readable")
    missing = collect.collect_zip(kit, ASSIGNMENT, tmp_path / "nope.zip")
    assert missing.failed and len(missing.problems) == 1


def test_an_unknown_assignment_is_an_error(kit, tmp_path):
    archive = make_zip(tmp_path / "c.zip", {f"diopawa_5001_9001_{NB}": (notebook_bytes(), FEB)})
    with pytest.raises(KitError, match="'99-nope': no notebook"):
        collect.collect_zip(kit, "99-nope", archive)


def test_learners_sharing_a_name_are_kept_apart(kit, tmp_path):
    archive = make_zip(
        tmp_path / "moodle.zip",
        {
            f"Awa Diop_101_assignsubmission_file_/{NB}": (notebook_bytes("one"), FEB),
            f"Awa Diop_202_assignsubmission_file_/{NB}": (notebook_bytes("two"), FEB),
        },
    )
    report = collect.collect_zip(kit, ASSIGNMENT, archive)
    assert report.collected == []
    assert len(report.problems) == 1 and "2 learners share this name" in report.problems[0]
    assert not submitted(kit, "awa-diop").exists()


def test_a_resubmission_replaces_only_when_newer(kit, tmp_path):
    entry = f"Awa Diop_101_assignsubmission_file_/{NB}"
    first = make_zip(tmp_path / "1.zip", {entry: (notebook_bytes("v1"), FEB)})
    newer = make_zip(tmp_path / "2.zip", {entry: (notebook_bytes("v2"), FEB_LATER)})
    older = make_zip(tmp_path / "0.zip", {entry: (notebook_bytes("v0"), (2026, 1, 5, 8, 0, 0))})

    assert outcomes(collect.collect_zip(kit, ASSIGNMENT, first)) == {"awa-diop": collect.NEW}
    again = collect.collect_zip(kit, ASSIGNMENT, first)
    assert outcomes(again) == {"awa-diop": collect.UNCHANGED}
    assert "the same notebooks" in again.collected[0].detail

    assert outcomes(collect.collect_zip(kit, ASSIGNMENT, newer)) == {
        "awa-diop": collect.RESUBMITTED
    }
    assert (submitted(kit, "awa-diop") / NB).read_bytes() == notebook_bytes("v2")
    assert stamp(kit, "awa-diop") == local(FEB_LATER)

    stale = collect.collect_zip(kit, ASSIGNMENT, older)
    assert outcomes(stale) == {"awa-diop": collect.UNCHANGED}
    assert "kept the newer one" in stale.collected[0].detail
    assert (submitted(kit, "awa-diop") / NB).read_bytes() == notebook_bytes("v2")
    leftovers = [p.name for p in submitted(kit, "awa-diop").parent.iterdir()]
    assert leftovers == [ASSIGNMENT]


def test_the_zips_utc_time_wins_and_a_missing_time_is_now(kit, tmp_path):
    archive = tmp_path / "t.zip"
    moment = datetime(2026, 2, 10, 23, 45, tzinfo=UTC)
    with zipfile.ZipFile(archive, "w") as bundle:
        info = zipfile.ZipInfo(f"Awa Diop_1_assignsubmission_file_/{NB}", date_time=FEB)
        info.extra = struct.pack("<HHBi", 0x5455, 5, 1, int(moment.timestamp()))
        bundle.writestr(info, notebook_bytes())
        info = zipfile.ZipInfo(f"Bob Sarr_2_assignsubmission_file_/{NB}", (1980, 1, 1, 0, 0, 0))
        bundle.writestr(info, notebook_bytes())
    now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    collect.collect_zip(kit, ASSIGNMENT, archive, now=now)
    assert stamp(kit, "awa-diop") == moment
    assert stamp(kit, "bob-sarr") == now


@pytest.mark.parametrize(
    "filename",
    [
        NB,
        "00-getting-started (1).ipynb",
        "Copy of 00-getting-started.ipynb",
        "copie de 00-getting-started (2).ipynb",
        "00-getting-started-Copy1.ipynb",
        "00-Getting-Started.ipynb",
        "00-getting-started-1.ipynb",
    ],
)
def test_renamed_notebooks_get_their_name_back(filename):
    expected = [NB, "99-other.ipynb"]
    assert collect.notebook_name(filename, expected) == NB


def test_an_unknown_name_in_a_two_notebook_assignment_is_not_guessed():
    assert collect.notebook_name("homework.ipynb", ["a.ipynb", "b.ipynb"]) is None
    assert collect.notebook_name("homework.ipynb", ["a.ipynb"]) == "a.ipynb"


@pytest.mark.parametrize(
    "name, login",
    [
        ("Awa Diop", "awa-diop"),
        ("Ndèye Fatou  Sène", "ndeye-fatou-sene"),
        ("O'Neil, J.", "o-neil-j"),
    ],
)
def test_names_become_logins(name, login):
    assert collect.sanitise(name) == login


def test_the_cli_collects_a_zip_and_says_what_happened(kit, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(kit.root))
    archive = make_zip(
        tmp_path / "moodle.zip",
        {
            f"Awa Diop_101_assignsubmission_file_/{NB}": (notebook_bytes(), FEB),
            "Awa Diop_101_assignsubmission_file_/data.csv": (b"a,b", FEB),
        },
    )
    assert main(["collect", "--zip", str(archive), ASSIGNMENT]) == 0
    out = capsys.readouterr().out
    assert f"new         awa-diop / {ASSIGNMENT}" in out
    assert "problem     Awa Diop_101_assignsubmission_file_/data.csv: not a notebook" in out
    assert "1 new, 0 resubmitted, 0 unchanged, 1 problem(s)" in out
    broken = tmp_path / "broken.zip"
    broken.write_text("nope")
    assert main(["collect", "--zip", str(broken), ASSIGNMENT]) == 1


# --- nbgrader's exchange --------------------------------------------------------------------


def _inbound(exchange: Path, student: str, when: str, release: Path) -> None:
    folder = exchange / "community-manager" / "inbound" / f"{student}+toy+{when}+x1"
    folder.mkdir(parents=True)
    (folder / "toy.ipynb").write_bytes(release.read_bytes())
    (folder / "timestamp.txt").write_text(when)
    (folder / "numpy.py").write_text("raise SystemExit('shadowed')\n")


@pytest.mark.slow
def test_the_exchange_is_collected_with_timestamps_and_only_notebooks(
    tmp_path, monkeypatch, capsys
):
    source = make_toy_source(tmp_path / "source")
    work = nbgrader_runner.make_course(tmp_path / "course", source, ["toy"])
    exchange = tmp_path / "exchange"
    notebook = source / "solutions" / "toy" / "toy.ipynb"
    _inbound(exchange, "awa", "2026-02-01 10:00:00.000000 UTC", notebook)
    _inbound(exchange, "bob", "2026-02-02 10:00:00.000000 UTC", notebook)

    report = collect.collect_exchange(Course(work), "toy", exchange)
    assert outcomes(report) == {"awa": collect.NEW, "bob": collect.NEW}
    assert report.problems == []
    folder = work / "grading" / "submitted" / "awa" / "toy"
    assert sorted(p.name for p in folder.iterdir()) == ["timestamp.txt", "toy.ipynb"]
    assert "submitted 2026-02-01 10:00 UTC" in report.collected[0].detail

    _inbound(exchange, "awa", "2026-02-03 09:00:00.000000 UTC", notebook)
    monkeypatch.setenv("CMKIT_ROOT", str(work))
    assert main(["collect", "toy", "--exchange", str(exchange)]) == 0
    out = capsys.readouterr().out
    assert "resubmitted awa / toy" in out and "unchanged   bob / toy" in out
    assert (folder / "timestamp.txt").read_text().startswith("2026-02-03 09:00:00")


def test_a_roster_without_a_zip_is_refused_in_one_line(kit, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(kit.root))
    assert main(["collect", ASSIGNMENT, "--roster", str(tmp_path / "r.csv")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cmkit: --roster: ") and len(err.strip().splitlines()) == 1
