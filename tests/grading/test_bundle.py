"""The student bundle holds what learners need and nothing an instructor keeps: a bundle of
the real course passes the scan, tampered bundles fail it naming the file, and its notebooks
load data through the bundle's own package."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from cmkit import notebooks
from cmkit.cli import main
from cmkit.course import Course
from cmkit.errors import KitError
from cmkit.grading import bundle

from ..conftest import ROOT

KIT = Course(ROOT)
ASSIGNMENT = KIT.assignments()[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> bundle.Bundle:
    """The bundle of the real course: building it runs the scan, and fails if it finds any."""
    return bundle.build(KIT, tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="module")
def assembled(tmp_path_factory) -> tuple[Path, list[str]]:
    """An unscanned bundle of the real course, and what the scan says of it untouched (other
    modules may be mid-edit: the tampering tests look only at the problems they add)."""
    folder = tmp_path_factory.mktemp("assembled") / bundle.NAME
    bundle.assemble(KIT, folder)
    return folder, bundle.scan(folder, KIT)


@pytest.fixture
def copy(assembled, tmp_path) -> Path:
    """A copy of the bundle folder, to tamper with."""
    return Path(shutil.copytree(assembled[0], tmp_path / bundle.NAME))


def added_problems(copy: Path, assembled) -> list[str]:
    return [p for p in bundle.scan(copy, KIT) if p not in assembled[1]]


@pytest.fixture
def small_course(assembled, tmp_path) -> Course:
    """A course folder with the first assignment's source and rubric, whose other files come
    from the real course (so that it does not depend on other modules being finished)."""
    root = Path(shutil.copytree(assembled[0], tmp_path / "kit"))
    for name in ("course", "exercises"):
        for path in (root / name).iterdir():
            if not path.name.startswith(ASSIGNMENT):
                shutil.rmtree(path) if path.is_dir() else path.unlink()
    shutil.copytree(KIT.solutions / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    (root / "grading" / "rubrics").mkdir(parents=True)
    shutil.copy(KIT.rubric_file(ASSIGNMENT), root / "grading" / "rubrics")
    return Course(root)


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_a_bundle_of_the_real_course_passes_the_scan(built):
    assert built.folder.is_dir() and built.zip.is_file()
    assert bundle.scan(built.folder, KIT) == []
    assert bundle.scan(built.zip, KIT) == []


def test_the_bundle_holds_what_learners_need(assembled):
    files = _files(assembled[0])
    for needed in (
        f"course/{ASSIGNMENT}.ipynb",
        f"exercises/{ASSIGNMENT}/{ASSIGNMENT}.ipynb",
        "datasets/posts.csv",
        "datasets/posts.md",
        "src/cmkit/__init__.py",
        "src/cmkit/data/loader.py",
        "pyproject.toml",
        "requirements.lock",
        "environment.yml",
        "scripts/kit.py",
        "Makefile",
        "README.md",
        "LICENSE",
        "LICENSE-CONTENT",
    ):
        assert needed in files, needed


def test_the_bundle_holds_no_instructor_material(assembled):
    files = _files(assembled[0])
    tops = {name.split("/")[0] for name in files}
    assert tops <= bundle.TOP_LEVEL
    assert not tops & {"solutions", "grading", "tests", "docs", "benchmarks"}
    assert not any("__pycache__" in name or name.endswith(".db") for name in files)


def test_the_zip_holds_the_folder_under_one_top_folder(small_course, tmp_path):
    built = bundle.build(small_course, tmp_path)
    with zipfile.ZipFile(built.zip) as archive:
        names = {n for n in archive.namelist() if not n.endswith("/")}
    assert names == {f"{bundle.NAME}/{name}" for name in _files(built.folder)}


def test_the_readme_and_makefile_are_the_learners(assembled):
    readme = (assembled[0] / "README.md").read_text()
    assert "make lab" in readme and "python scripts/kit.py lab" in readme
    assert "prove" not in readme and "solutions/" not in readme
    makefile = (assembled[0] / "Makefile").read_text()
    assert "lab:" in makefile and "test:" not in makefile and "prove" not in makefile


def test_a_solution_notebook_copied_in_fails_the_scan(copy, assembled):
    target = copy / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}-solution.ipynb"
    shutil.copy(KIT.solutions / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", target)
    problems = added_problems(copy, assembled)
    assert any(
        p.startswith(f"exercises/{ASSIGNMENT}/{ASSIGNMENT}-solution.ipynb: ") for p in problems
    )


def test_a_solutions_folder_fails_the_scan(copy, assembled):
    shutil.copytree(KIT.solutions, copy / "solutions")
    problems = added_problems(copy, assembled)
    assert f"solutions/{ASSIGNMENT}/{ASSIGNMENT}.ipynb" in problems[0]
    assert "instructor material" in problems[0]


def _hidden_test_line() -> str:
    source = notebooks.read(KIT.solutions / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    for cell in source.cells:
        if notebooks.HIDDEN_MARKERS[0] in cell.source:
            hidden = cell.source.split(notebooks.HIDDEN_MARKERS[0])[1]
            return next(line for line in hidden.splitlines() if len(line.strip()) >= 25)
    raise AssertionError("the assignment has no hidden tests")


def test_a_hidden_test_line_inserted_in_an_exercise_fails_the_scan(copy, assembled):
    path = copy / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    exercise = nbformat.read(path, as_version=4)
    line = _hidden_test_line()
    test_cell = next(c for c in exercise.cells if notebooks.is_autograded_test(c))
    test_cell.source += "\n" + line
    nbformat.write(exercise, path)
    problems = added_problems(copy, assembled)
    assert len(problems) == 1
    assert problems[0].startswith(f"exercises/{ASSIGNMENT}/{ASSIGNMENT}.ipynb: holds solution")
    assert line.strip()[:30] in problems[0]


def test_rubric_text_fails_the_scan(copy, assembled):
    rubric = KIT.rubric_file(ASSIGNMENT).read_text().splitlines()
    sentence = max(rubric, key=len)
    with open(copy / "README.md", "a") as readme:
        readme.write(f"\n{sentence}\n")
    problems = added_problems(copy, assembled)
    assert len(problems) == 1 and problems[0].startswith("README.md: holds rubric text")


def test_a_tampered_zip_fails_the_scan(small_course, tmp_path):
    built = bundle.build(small_course, tmp_path / "out")
    tampered = tmp_path / "tampered.zip"
    shutil.copy(built.zip, tampered)
    with zipfile.ZipFile(tampered, "a") as archive:
        archive.write(KIT.rubric_file(ASSIGNMENT), f"{bundle.NAME}/grading/rubrics/x.md")
    problems = bundle.scan(tampered, small_course)
    assert problems == [
        "grading/rubrics/x.md: grading/ is instructor material (fixtures, rubrics, grades) "
        "and must not be in a student bundle"
    ]


def test_an_unreadable_zip_is_a_problem_not_a_crash(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert "not readable as a bundle" in bundle.scan(broken, KIT)[0]


def test_notebooks_load_data_through_the_package(assembled):
    notebook_paths = sorted(assembled[0].rglob("*.ipynb"))
    assert notebook_paths
    for path in notebook_paths:
        code = "\n".join(
            c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
        )
        assert "from cmkit.data import" in code or "cmkit.data" in code, path
        assert "read_csv" not in code and str(ROOT) not in code, path
        assert not bundle.ABSOLUTE_PATH.search(code), path
        assert not bundle.DATA_FILE_PATH.search(code), path


@pytest.mark.parametrize(
    "source, problem",
    [
        ('posts = pd.read_csv("../datasets/posts.csv")', "reads a file with read_csv()"),
        ('posts = load_from("/home/me/datasets/posts.csv")', "names an absolute path"),
        ('posts = load_from("C:\\\\data\\\\posts.csv")', "names an absolute path"),
        ("posts = load_from(r'C:\\data')", "names an absolute path"),
        ('PATH = "../datasets/posts.csv"', "names a data file by its path"),
    ],
)
def test_a_notebook_reading_a_path_fails_the_scan(copy, assembled, source, problem):
    path = copy / "course" / f"{ASSIGNMENT}.ipynb"
    lesson = nbformat.read(path, as_version=4)
    lesson.cells.append(nbformat.v4.new_code_cell(source))
    nbformat.write(lesson, path)
    problems = added_problems(copy, assembled)
    assert len(problems) == 1
    assert problems[0].startswith(f"course/{ASSIGNMENT}.ipynb: {problem}")


def _bundle_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CMKIT_DATASETS", "CMKIT_ROOT")}
    env["PYTHONPATH"] = str(folder / "src")
    return env


def test_the_bundles_package_finds_the_bundles_datasets(assembled, tmp_path):
    folder = assembled[0]
    script = (
        "import cmkit, cmkit.course, cmkit.data\n"
        "print(cmkit.__file__)\n"
        "print(cmkit.data.datasets_dir())\n"
        "print(cmkit.course.repo_root())\n"
        "print(len(cmkit.data.load('posts')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=_bundle_env(folder),
        capture_output=True,
        text=True,
        check=True,
    )
    package, datasets, root, rows = done.stdout.split("\n")[:4]
    assert Path(package).is_relative_to(folder / "src" / "cmkit")
    assert Path(datasets) == folder / "datasets"
    assert Path(root) == folder
    assert int(rows) > 0


@pytest.mark.slow
def test_the_bundles_lesson_runs_from_another_folder(assembled, tmp_path):
    folder = assembled[0]
    lesson = nbformat.read(folder / "course" / f"{ASSIGNMENT}.ipynb", as_version=4)
    lesson.cells.append(
        nbformat.v4.new_code_cell("import cmkit.data\nprint(cmkit.data.datasets_dir())")
    )
    client = NotebookClient(
        lesson, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute(env=_bundle_env(folder))
    errors = [
        o
        for c in lesson.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert not errors
    printed = lesson.cells[-1].outputs[0]["text"].strip()
    assert Path(printed) == folder / "datasets"


def test_a_failed_scan_writes_nothing(small_course, tmp_path):
    leaked = small_course.exercises / ASSIGNMENT / "leak.ipynb"
    shutil.copy(small_course.solutions / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", leaked)
    out = tmp_path / "out"
    with pytest.raises(KitError) as error:
        bundle.build(small_course, out)
    message = str(error.value)
    assert message.startswith(f"student bundle: the scan found exercises/{ASSIGNMENT}/leak.ipynb")
    assert "\n" not in message
    assert list(out.iterdir()) == []


def test_a_folder_that_is_not_a_bundle_is_never_replaced(tmp_path):
    keep = tmp_path / bundle.NAME
    keep.mkdir()
    (keep / "precious.txt").write_text("mine")
    with pytest.raises(KitError, match="is not a student bundle"):
        bundle.build(KIT, tmp_path)
    assert (keep / "precious.txt").read_text() == "mine"


def test_a_second_build_replaces_the_first(small_course, tmp_path):
    first = bundle.build(small_course, tmp_path / "out")
    (first.folder / "stale.txt").write_text("old")
    again = bundle.build(small_course, tmp_path / "out")
    assert not (again.folder / "stale.txt").exists()
    assert bundle.scan(again.folder, small_course) == []


def test_the_cli_builds_the_bundle_and_says_where(small_course, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CMKIT_ROOT", str(small_course.root))
    assert main(["bundle", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / bundle.NAME) in out and f"{bundle.NAME}.zip" in out
    assert (tmp_path / f"{bundle.NAME}.zip").is_file()


def test_a_bundle_inside_a_folder_it_copies_is_refused(small_course):
    with pytest.raises(KitError, match="inside exercises/"):
        bundle.build(small_course, small_course.exercises / "out")
    assert not (small_course.exercises / "out").exists()
