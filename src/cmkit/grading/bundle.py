"""The student bundle: what learners need to run the course, and nothing an instructor keeps.

``build(course, out)`` writes ``out/community-manager-course/`` and the same tree as
``out/community-manager-course.zip``. It holds the lessons (``course/``), the student versions
(``exercises/``), the datasets, the package source that notebooks import (``src/cmkit``), what
installs it (``pyproject.toml``, ``requirements.lock``, ``environment.yml``,
``scripts/kit.py``, a learner ``Makefile``), ``nbgrader_config.py`` (``cmkit lab`` finds the
course folder by it, and Validate then grades as the instructor will), a learner README and the
licences. Never ``solutions/``, ``grading/`` (fixtures, rubrics, gradebook) or ``tests/``.

``scan(path, course)`` verifies a bundle folder or zip and returns its problems, one line each;
``build`` runs it on both and fails with a ``KitError`` if it finds any. It checks:

- every file sits under a top-level entry a bundle may hold, and no path has a forbidden part
  (``solutions``, ``grading``, ``tests``, nbgrader's working folders, a gradebook);
- no notebook cell holds a solution or hidden-test marker, or a line of a solution or
  hidden-test region of ``solutions/`` (``cmkit.conventions.secret_lines``); lines every
  learner sees anyway (in a lesson, or outside those regions in an exercise) are no secrets;
- no text file holds a sentence of a rubric (``grading/rubrics/*.md``);
- no notebook reads a file by path or names an absolute path: notebooks load data through
  ``cmkit.data.load``, so they run from wherever the bundle is unpacked.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cmkit.course import Course
from cmkit.errors import KitError

NAME = "community-manager-course"

# Copied from the course folder as they are (folders recursively).
FOLDERS = ("course", "exercises", "datasets", "src/cmkit")
FILES = (
    "pyproject.toml",
    "requirements.lock",
    "environment.yml",
    "nbgrader_config.py",
    "scripts/kit.py",
    "LICENSE",
    "LICENSE-CONTENT",
)
# Written for learners by the bundle itself.
GENERATED = ("README.md", "Makefile")
SKIPPED = shutil.ignore_patterns(
    ".ipynb_checkpoints", "__pycache__", "*.pyc", ".DS_Store", "*.egg-info"
)

TOP_LEVEL = {p.split("/")[0] for p in (*FOLDERS, *FILES, *GENERATED)}
FORBIDDEN_TOP = {
    "solutions": "instructor material (solutions and hidden tests)",
    "grading": "instructor material (fixtures, rubrics, grades)",
    "tests": "the kit's test suite (it holds the answers)",
    ".git": "version history (it holds the solutions)",
    ".venv": "a local environment",
}
FORBIDDEN_PARTS = {
    "source_with_tests",
    "autograded",
    "submitted",
    "feedback",
    "rubrics",
    "fixtures",
    "results",
    "gradebook.db",
}
FORBIDDEN_SUFFIXES = (".db", ".sqlite", ".sqlite3")
TEXT_SUFFIXES = {".ipynb", ".md", ".txt", ".html", ".py", ".toml", ".yml", ".yaml", ".cfg"}
PROSE_SUFFIXES = {".md", ".txt", ".html"}

RUBRIC_FRAGMENT_CHARACTERS = 40
READS_A_FILE = re.compile(r"\b(read_csv|read_excel|read_json|read_parquet|read_table|open)\(")
# A string literal that starts like a path on someone's disk (a URL path such as "/coffrets"
# is fine), or that names a data file through a folder.
ABSOLUTE_PATH = re.compile(
    r"""["'](?:~[\\/]|[A-Za-z]:[\\/]|/(?:home|Users|usr|tmp|var|srv|opt|mnt|media|root|work|"""
    r"""data|content|Volumes|private)/)"""
)
DATA_FILE_PATH = re.compile(r"""["'][^"'\n]*[\\/][^"'\n]*\.(?:csv|tsv|xlsx?|parquet|json)["']""")

README = """\
# Community Manager Course Kit: the learner's bundle

Graded Jupyter notebooks that teach the job of a community manager (strategy, audiences,
content planning, community care, monitoring, crisis, influencers and paid social, KPIs and
ROI) on the data of one brand, **Keur Thé**, a tea maker in Dakar.

## Start

You need Python 3.11 or newer. From this folder:

```bash
make lab                      # or, without make (Windows): python scripts/kit.py lab
```

The first run creates `.venv/` here and installs the course's packages (about a minute, with
an internet connection), then opens JupyterLab on the lessons. Later runs start at once.

With conda instead:

```bash
conda env create -f environment.yml
conda activate cmkit
cmkit lab
```

## What is inside

| folder | what |
|---|---|
| `course/` | the lessons, one per module: read and run them cell by cell (Shift+Enter) |
| `exercises/` | the graded exercises, one folder per module |
| `datasets/` | the brand's data (CSV) with a data card per table (`.md`) |
| `src/cmkit/` | the course's Python package: the data loader and the checks the exercises use |

## Your path through a module

1. Open the lesson, e.g. `course/00-getting-started.ipynb`, and run it top to bottom.
2. Open the matching exercise, e.g. `exercises/00-getting-started/00-getting-started.ipynb`.
3. Replace each `...` with your answer and run the check cell below it. A check says what it
   checked, what came back and where to look; it never gives the answer. Hidden tests check
   exact values when your work is graded, so answer the question rather than the check.
4. Press **Validate** (or Kernel > Restart Kernel and Run All Cells) and fix what it reports.
5. Hand in the exercise notebook the way your course asks (the *Assignments* tab of JupyterLab,
   or your learning platform). Keep its name: the grader looks for that file.

Notebooks load data with `load("posts")` from `cmkit.data`, never with a file path, so they run
the same wherever you unpack this folder.

## Licences

Code: MIT (`LICENSE`). Course content (lessons, exercises, datasets): Creative Commons
Attribution 4.0 (`LICENSE-CONTENT`).
"""

MAKEFILE = """\
# Conveniences over scripts/kit.py, which creates .venv/ on first use and installs the course's
# packages. Where make is missing (Windows), run `python scripts/kit.py lab` instead.
PYTHON ?= python3

.PHONY: lab setup

lab:  ## JupyterLab on the course, with nbgrader's Validate button
\t$(PYTHON) scripts/kit.py lab

setup:  ## only create .venv and install the packages
\t$(PYTHON) scripts/kit.py setup
"""


@dataclass(frozen=True)
class Bundle:
    folder: Path
    zip: Path
    files: int


def build(course: Course, out: Path) -> Bundle:
    """Write the bundle folder and zip into ``out``, scan both, and return where they are.

    A previous bundle in ``out`` is replaced only once the new one has passed the scan."""
    out = Path(out).resolve()
    for name in FOLDERS:
        if out.is_relative_to((course.root / name).resolve()):
            raise KitError(
                f"--out {out}: inside {name}/, which the bundle copies; choose a folder outside it "
                "(default: build/)"
            )
    out.mkdir(parents=True, exist_ok=True)
    folder = out / NAME
    archive = out / f"{NAME}.zip"
    if folder.exists() and not _looks_like_a_bundle(folder):
        raise KitError(
            f"{folder}: exists and is not a student bundle; move it away or choose another --out"
        )
    work = Path(tempfile.mkdtemp(prefix=f".{NAME}-", dir=out))
    try:
        staged = work / NAME
        files = assemble(course, staged)
        _refuse_if_problems(scan(staged, course))
        staged_zip = work / archive.name
        _zip(staged, staged_zip)
        _refuse_if_problems(scan(staged_zip, course))
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(staged, folder)
        os.replace(staged_zip, archive)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Bundle(folder, archive, files)


def _refuse_if_problems(problems: list[str]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise KitError(
            f"student bundle: the scan found {problems[0]}{more}; nothing was written, fix the "
            "course (e.g. `cmkit release`, `cmkit lint`) and build again"
        )


def _looks_like_a_bundle(folder: Path) -> bool:
    return all((folder / name).exists() for name in ("course", "exercises", "README.md"))


def assemble(course: Course, destination: Path) -> int:
    """Copy what a bundle holds into ``destination`` (a new folder), unscanned; the number of
    files. ``build`` is what instructors want: it scans before anything is published."""
    destination.mkdir(parents=True)
    for name in FOLDERS:
        source = course.root / name
        if not source.is_dir():
            raise KitError(f"{source}: missing; the bundle needs it, restore it and build again")
        shutil.copytree(source, destination / name, ignore=SKIPPED)
    for name in FILES:
        source = course.root / name
        if not source.is_file():
            raise KitError(f"{source}: missing; the bundle needs it, restore it and build again")
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination / name)
    (destination / "README.md").write_text(README, encoding="utf-8")
    (destination / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    return sum(1 for path in destination.rglob("*") if path.is_file())


def _zip(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, f"{NAME}/{path.relative_to(folder).as_posix()}")


# --- the scan -------------------------------------------------------------------------------


def scan(path: Path, course: Course) -> list[str]:
    """Problems of the bundle at ``path`` (a folder, or a zip whose entries sit in one top
    folder), one line each naming the file; empty when learners can have it."""
    from cmkit.conventions import secret_lines  # nbformat: only when a bundle is scanned

    path = Path(path)
    secrets = secret_lines(course) - _public_lines(course)
    fragments = rubric_fragments(course)
    problems = []
    try:
        for name, read in _entries(path):
            problem = _path_problem(name)
            if problem:
                problems.append(f"{name}: {problem}")
                continue
            suffix = Path(name).suffix.lower()
            if suffix in TEXT_SUFFIXES:
                problems += _text_problems(name, read(), secrets, fragments, course)
    except (OSError, zipfile.BadZipFile) as error:
        problems.append(f"{path}: not readable as a bundle ({error})")
    return problems


def _entries(path: Path) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(relative name, reader of its bytes) for each file of a bundle folder or zip."""
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            if file.is_file():
                yield file.relative_to(path).as_posix(), file.read_bytes
        return
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            top, _, rest = info.filename.partition("/")
            if top != NAME or not rest:
                yield info.filename, bytes
            else:
                yield rest, (lambda info=info: archive.read(info))


def _text_problems(
    name: str, data: bytes, secrets: set[str], fragments: set[str], course: Course
) -> list[str]:
    import nbformat

    text = data.decode("utf-8", errors="replace")
    problems = []
    if name.lower().endswith(".ipynb"):
        try:
            cells = nbformat.reads(text, as_version=4).cells
        except Exception as error:  # nbformat raises several unrelated types for a bad file
            return [f"{name}: not a readable notebook ({type(error).__name__})"]
        problems += _notebook_problems(name, cells, secrets, course)
        text = "\n".join(cell.source for cell in cells)
    elif Path(name).suffix.lower() in PROSE_SUFFIXES:
        leaked = [line for line in text.splitlines() if line.strip() in secrets]
        if leaked:
            problems.append(f"{name}: holds solution text ({_quote(leaked[0])})")
    rubric = _rubric_text_in(text, fragments)
    if rubric:
        problems.append(f"{name}: holds rubric text ({_quote(rubric)})")
    return problems


def _path_problem(name: str) -> str:
    parts = name.split("/")
    if parts[0] in FORBIDDEN_TOP:
        return f"{parts[0]}/ is {FORBIDDEN_TOP[parts[0]]} and must not be in a student bundle"
    forbidden = [part for part in parts if part in FORBIDDEN_PARTS]
    if forbidden:
        return f"'{forbidden[0]}' is grading material and must not be in a student bundle"
    if name.lower().endswith(FORBIDDEN_SUFFIXES):
        return "a database (gradebook?) must not be in a student bundle"
    if parts[0] not in TOP_LEVEL or (len(parts) == 1 and name not in TOP_LEVEL):
        return "not part of a student bundle"
    return ""


def _notebook_problems(name: str, cells, secrets: set[str], course: Course) -> list[str]:
    from cmkit.conventions import leaked_text

    problems = []
    for cell in cells:
        leaked = leaked_text(cell.source, secrets)
        if leaked:
            problems.append(f"{name}: holds solution or hidden-test text ({_quote(leaked[0])})")
            break
    for cell in cells:
        if cell.cell_type != "code":
            continue
        if ABSOLUTE_PATH.search(cell.source) or str(course.root) in cell.source:
            problems.append(
                f"{name}: names an absolute path; load data with cmkit.data.load(name) instead"
            )
            break
        reads = READS_A_FILE.search(cell.source)
        if reads:
            problems.append(
                f"{name}: reads a file with {reads.group(1)}(); load data with "
                "cmkit.data.load(name) so the notebook runs wherever the bundle is unpacked"
            )
            break
        if DATA_FILE_PATH.search(cell.source):
            problems.append(
                f"{name}: names a data file by its path; load data with cmkit.data.load(name) "
                "so the notebook runs wherever the bundle is unpacked"
            )
            break
    return problems


def _public_lines(course: Course) -> set[str]:
    """Lines every learner sees: the lessons, and what the sources show outside their solution
    and hidden-test regions (scaffolding, visible tests). A solution or a hidden test may repeat
    such a line (a ``pd.cut`` given in the scaffolding); that is no leak."""
    from cmkit import notebooks

    lines: set[str] = set()
    for path in course.lessons():
        for cell in notebooks.read(path).cells:
            lines |= {line.strip() for line in cell.source.splitlines()}
    starts = (notebooks.SOLUTION_MARKERS[0], notebooks.HIDDEN_MARKERS[0])
    ends = (notebooks.SOLUTION_MARKERS[1], notebooks.HIDDEN_MARKERS[1])
    for assignment in course.assignments():
        for path in sorted((course.solutions / assignment).glob("*.ipynb")):
            for cell in notebooks.read(path).cells:
                inside = False
                for line in cell.source.splitlines():
                    stripped = line.strip()
                    if stripped in starts or stripped in ends:
                        inside = stripped in starts
                    elif not inside:
                        lines.add(stripped)
    return lines


def rubric_fragments(course: Course) -> set[str]:
    """Sentences and table cells of the rubrics, long enough to be rubric text and not a
    phrase an exercise could share (whitespace and markdown emphasis normalised)."""
    fragments: set[str] = set()
    folder = course.root / "grading" / "rubrics"
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            for piece in line.split("|"):
                piece = _normalise(piece.strip().lstrip("#->*").strip())
                if len(piece) >= RUBRIC_FRAGMENT_CHARACTERS:
                    fragments.add(piece)
    return fragments


def _rubric_text_in(text: str, fragments: set[str]) -> str:
    if not fragments:
        return ""
    normalised = _normalise(text)
    return next((f for f in sorted(fragments) if f in normalised), "")


def _normalise(text: str) -> str:
    text = text.replace("**", "").replace("`", "")
    return " ".join(text.split())


def _quote(text: str) -> str:
    return repr(text.strip()[:60])
