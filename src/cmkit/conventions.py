"""The house rules for the kit's notebooks, as checks an author can run (``cmkit lint``).

Each function returns a list of one-line problems ("<file>: <problem>; <fix>"), empty when the
rules hold. The test suite asserts they are empty for the whole course.
"""

from __future__ import annotations

import re
from pathlib import Path

from cmkit import notebooks
from cmkit.course import MODULES, Course
from cmkit.fixtures import load_fixtures

QUESTION_ID = re.compile(r"^q(\d+)_(\d+)(_[a-z0-9_]+)?$")
MODULE_FILE = re.compile(r"^(\d\d)-([a-z0-9-]+)$")


def question_of(grade_id: str) -> str | None:
    match = QUESTION_ID.match(grade_id or "")
    return f"q{match.group(1)}_{match.group(2)}" if match else None


def _rel(course: Course, path: Path) -> str:
    return str(path.relative_to(course.root))


def notebook_files(course: Course) -> list[Path]:
    folders = [course.lessons_dir, course.solutions, course.exercises]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.ipynb"))


def storage_problems(course: Course) -> list[str]:
    """Every notebook: readable, python3 kernel, no outputs, one H1 title first."""
    problems = []
    for path in notebook_files(course):
        if ".ipynb_checkpoints" in path.parts:
            continue
        name = _rel(course, path)
        try:
            nb = notebooks.read(path)
        except Exception as error:
            problems.append(str(error))
            continue
        if nb.metadata.get("kernelspec", {}).get("name") != "python3":
            problems.append(f"{name}: kernelspec is not python3; select the Python 3 kernel")
        if notebooks.has_outputs(nb):
            problems.append(f"{name}: stored with outputs; clear all outputs before committing")
        first = nb.cells[0] if nb.cells else None
        if first is None or first.cell_type != "markdown" or not first.source.startswith("# "):
            problems.append(f"{name}: the first cell must be a markdown cell with one '# ' title")
        titles = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# ")]
        if len(titles) > 1:
            problems.append(f"{name}: {len(titles)} '# ' titles; keep one and use '##' below it")
    return problems


def naming_problems(course: Course) -> list[str]:
    """Files follow ``NN-slug`` of a registered module."""
    known = {m.id for m in MODULES}
    problems = []
    for path in course.lessons():
        if path.stem not in known:
            problems.append(f"{_rel(course, path)}: not a module id; use one of cmkit.course")
    for assignment in course.assignments():
        if assignment not in known:
            problems.append(f"solutions/{assignment}: not a module id; use one of cmkit.course")
        lesson = course.lessons_dir / f"{assignment}.ipynb"
        if not lesson.is_file():
            problems.append(f"solutions/{assignment}: no lesson {_rel(course, lesson)}; add one")
        main = course.solutions / assignment / f"{assignment}.ipynb"
        if not main.is_file():
            problems.append(f"solutions/{assignment}: no notebook {assignment}.ipynb in it")
    return problems


def assignment_problems(course: Course, assignment: str) -> list[str]:
    """The grading conventions of one assignment's source notebooks."""
    problems = []
    folder = course.solutions / assignment
    answers: dict[str, str] = {}  # question -> answer cell id (autograded code answers)
    tests: dict[str, list[str]] = {}
    hidden: set[str] = set()
    manual: list[str] = []
    seen_ids: set[str] = set()
    for path in sorted(folder.glob("*.ipynb")):
        name = _rel(course, path)
        nb = notebooks.read(path)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        if "hidden test" not in text.lower():
            problems.append(f"{name}: the header must tell learners that hidden tests exist")
        for cell in nb.cells:
            cell_id = notebooks.grade_id(cell)
            meta = notebooks.nbgrader_meta(cell)
            if not meta:
                continue
            if cell_id in seen_ids:
                problems.append(f"{name}: grade_id {cell_id!r} is used twice; ids must be unique")
            seen_ids.add(cell_id)
            question = question_of(cell_id)
            if notebooks.is_autograded_test(cell):
                if question is None:
                    problems.append(f"{name}: test cell {cell_id!r} must be named qN_M_<concern>")
                    continue
                tests.setdefault(question, []).append(cell_id)
                if not meta.get("locked"):
                    problems.append(f"{name}: test cell {cell_id!r} must be read-only (locked)")
                if "check." not in cell.source:
                    problems.append(f"{name}: test cell {cell_id!r} must call the check helpers")
                if re.search(r"^\s*assert\b", cell.source, re.M):
                    problems.append(f"{name}: {cell_id!r} uses a bare assert; use check helpers")
                if notebooks.HIDDEN_MARKERS[0] in cell.source:
                    hidden.add(question)
            elif notebooks.is_manually_graded(cell):
                manual.append(cell_id)
            elif notebooks.is_answer(cell) and cell.cell_type == "code":
                if question is None:
                    problems.append(f"{name}: answer cell {cell_id!r} must be named qN_M_<what>")
                    continue
                answers[question] = cell_id
                before = cell.source.split(notebooks.SOLUTION_MARKERS[0])[0]
                if notebooks.SOLUTION_MARKERS[0] not in cell.source or "..." not in before:
                    problems.append(
                        f"{name}: answer cell {cell_id!r} needs a `...` placeholder above its "
                        "### BEGIN SOLUTION line (learners replace it)"
                    )
    for question in sorted(tests):
        if question not in hidden:
            problems.append(f"{assignment}: {question} has no hidden tests; add a hidden block")
    fixtures = load_fixtures(course.fixtures_file(assignment))
    changed = {question_of(cell_id) for f in fixtures for cell_id in f.answers}
    for question in sorted(set(answers) & set(tests)):
        if question not in changed:
            problems.append(
                f"{assignment}: {question} has no wrong-answer fixture; add one to "
                f"grading/fixtures/{assignment}.toml"
            )
    if manual:
        rubric = course.rubric_file(assignment)
        text = rubric.read_text(encoding="utf-8") if rubric.is_file() else ""
        for cell_id in manual:
            if cell_id not in text:
                problems.append(
                    f"{assignment}: manually graded {cell_id!r} has no rubric section in "
                    f"{_rel(course, rubric)}"
                )
    return problems


def all_problems(course: Course) -> list[str]:
    problems = storage_problems(course) + naming_problems(course)
    for assignment in course.assignments():
        problems += assignment_problems(course, assignment)
    return problems + leak_problems(course)


def leak_problems(course: Course) -> list[str]:
    """Student-facing notebooks hold no solution, hidden test or marker of either."""
    problems = []
    for assignment in course.assignments():
        released = course.exercises / assignment
        secrets = secret_lines(course, [assignment])
        for path in sorted(released.glob("*.ipynb")):
            for cell in notebooks.read(path).cells:
                leaked = leaked_text(cell.source, secrets)
                if leaked:
                    problems.append(
                        f"{_rel(course, path)}: holds solution or hidden-test text "
                        f"({leaked[0].strip()[:60]!r}); run `cmkit release`"
                    )
    return problems


def secret_lines(course: Course, assignments: list[str] | None = None) -> set[str]:
    """The lines of the solution and hidden-test regions of ``solutions/`` (of ``assignments``,
    default all) that are specific enough to be a leak wherever a learner can read them."""
    secrets: set[str] = set()
    public: set[str] = set()  # lines the learner is meant to see (visible checks, scaffolding)
    for assignment in course.assignments() if assignments is None else assignments:
        for path in sorted((course.solutions / assignment).glob("*.ipynb")):
            for cell in notebooks.read(path).cells:
                secrets |= set(_secret_lines(cell.source))
                public |= set(_secret_lines(cell.source, inside_regions=False))
    return secrets - public


def leaked_text(text: str, secrets: set[str]) -> list[str]:
    """The markers and secret lines found in ``text`` (a cell's source), empty if none."""
    markers = notebooks.SOLUTION_MARKERS + notebooks.HIDDEN_MARKERS
    leaked = [marker for marker in markers if marker in text]
    return leaked + [line for line in text.splitlines() if line.strip() in secrets]


def _secret_lines(source: str, inside_regions: bool = True):
    """Lines inside solution or hidden-test regions (or, with ``inside_regions=False``,
    outside them) that are specific enough to be a leak."""
    inside = False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped in (notebooks.SOLUTION_MARKERS[0], notebooks.HIDDEN_MARKERS[0]):
            inside = True
        elif stripped in (notebooks.SOLUTION_MARKERS[1], notebooks.HIDDEN_MARKERS[1]):
            inside = False
        elif inside == inside_regions and len(stripped) >= 25:
            yield stripped
