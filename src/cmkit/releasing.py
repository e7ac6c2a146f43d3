"""Build the student versions (``exercises/``) from the instructor sources (``solutions/``)."""

from __future__ import annotations

import filecmp
from pathlib import Path

from cmkit import nbgrader_runner
from cmkit.course import Course
from cmkit.errors import KitError


def release(course: Course, assignments: list[str] | None = None) -> list[str]:
    """Run ``nbgrader generate_assignment`` for each assignment in the course folder itself."""
    known = course.assignments()
    chosen = assignments or known
    for assignment in chosen:
        if assignment not in known:
            raise KitError(
                f"assignment {assignment!r}: not in solutions/; choose one of {', '.join(known)}"
            )
    (course.root / "grading").mkdir(exist_ok=True)
    for assignment in chosen:
        nbgrader_runner.run(["generate_assignment", assignment, "--force"], course.root)
    return chosen


def differences(expected: Path, actual: Path) -> list[str]:
    """Files that differ between two release folders (relative paths), both ways."""
    if not actual.is_dir():
        return [f"{actual} is missing"]
    problems = []
    expected_files = {p.relative_to(expected) for p in expected.rglob("*") if p.is_file()}
    actual_files = {p.relative_to(actual) for p in actual.rglob("*") if p.is_file()}
    problems += [f"{name}: missing" for name in sorted(expected_files - actual_files)]
    extra = sorted(actual_files - expected_files)
    problems += [f"{name}: not in a fresh release" for name in extra]
    for name in sorted(expected_files & actual_files):
        if not filecmp.cmp(expected / name, actual / name, shallow=False):
            problems.append(f"{name}: differs from a fresh release")
    return problems
