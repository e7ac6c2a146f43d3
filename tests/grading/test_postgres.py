"""The gradebook on a real PostgreSQL server (Debian's, started on loopback by the test):
nbgrader's own commands and the cohort engine give the same grades as with SQLite."""

import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import pytest

from cmkit import nbgrader_runner
from cmkit.course import Course, course
from cmkit.gradebook import cell_scores
from cmkit.grading import cohort, engine

ASSIGNMENT = course().assignments()[0]
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("postgres")]


def postgres_bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binaries = postgres_bin()
    if binaries is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    # pytest's folders are private to root; the server runs as another user, so use /tmp
    folder = Path(tempfile.mkdtemp(prefix="cmkit-pg-"))
    as_user = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    user = "postgres" if as_user else getpass.getuser()
    port = free_port()
    data = folder / "data"
    subprocess.run(
        [*as_user, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", user],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run(
        [
            *as_user,
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        for _ in range(50):
            ready = subprocess.run(
                [str(binaries / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                capture_output=True,
            )
            if ready.returncode == 0:
                break
            time.sleep(0.2)
        subprocess.run(
            [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, "grades"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://{user}@127.0.0.1:{port}/grades"
    finally:
        subprocess.run(
            [*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def make(root: Path, db_url: str | None) -> Path:
    nbgrader_runner.make_course(root, course().root, [ASSIGNMENT])
    if db_url:
        with open(root / "nbgrader_config.py", "a") as config:
            config.write(f"\nget_config().CourseDirectory.db_url = {db_url!r}  # noqa: F821\n")
    nbgrader_runner.run(["generate_assignment", ASSIGNMENT, "--force"], root)
    cohort.build(Course(root), size=6, seed=9, assignments=[ASSIGNMENT])
    return root


def test_cohort_grades_on_postgresql_equal_sqlite(server, tmp_path):
    on_postgres = make(tmp_path / "pg", server)
    on_sqlite = make(tmp_path / "sqlite", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pg_run = engine.grade(on_postgres, ASSIGNMENT, workers=2)
        sqlite_run = engine.grade(on_sqlite, ASSIGNMENT, workers=2)
    assert engine.db_url(on_postgres).startswith("postgresql://")
    students = [r.student for r in pg_run.graded]
    assert students == [r.student for r in sqlite_run.graded] and len(students) == 6
    for student in students:
        pg = cell_scores(server, ASSIGNMENT, student)
        lite = cell_scores(engine.db_url(on_sqlite), ASSIGNMENT, student)
        assert sorted((c.cell, c.score) for c in pg) == sorted((c.cell, c.score) for c in lite)


def test_plain_nbgrader_commands_use_the_server(server, tmp_path):
    url = server.rsplit("/", 1)[0] + "/postgres"
    root = make(tmp_path / "plain", url)
    nbgrader_runner.run(["db", "student", "add", "awa-ndiaye", "--last-name=Ndiaye"], root)
    from nbgrader.api import Gradebook

    with Gradebook(url) as gradebook:
        assert "awa-ndiaye" in {student.id for student in gradebook.students}
        assert ASSIGNMENT in {assignment.name for assignment in gradebook.assignments}
