"""What grading concluded for one learner's submission, as a small JSON file per submission.

``grading/results/<assignment>/<student>.json`` is written once a submission is graded (the
gradebook holds the scores as nbgrader's view; this file adds what the reports need: each test's
outcome and message, and why a submission could not be graded). Writes are atomic, so an
interrupted run never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

GRADED = "graded"  # executed and scored (possibly 0)
BROKEN = "broken"  # could not be executed as submitted: reported, never silently scored
MISSING = "missing"  # nothing submitted


@dataclass
class CellResult:
    notebook: str
    cell: str  # grade id
    kind: str  # "autograded" or "manual"
    score: float
    max_score: float
    passed: bool | None  # None for manual cells not yet graded
    message: str = ""  # the check's message for a failed test (never test source)


@dataclass
class SubmissionResult:
    assignment: str
    student: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    needs_manual_grade: bool = False
    submitted_at: str | None = None  # ISO 8601, from nbgrader's timestamp.txt
    late_seconds: float = 0.0
    problem: str = ""  # one line: what went wrong and how to fix it (broken / missing)
    fingerprint: str = ""  # hash of the submitted notebooks and the assignment source
    cells: list[CellResult] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> SubmissionResult:
        data = json.loads(text)
        data["cells"] = [CellResult(**cell) for cell in data.get("cells", [])]
        return cls(**data)


def results_dir(course_root: Path, assignment: str) -> Path:
    return course_root / "grading" / "results" / assignment


def write(course_root: Path, result: SubmissionResult) -> Path:
    folder = results_dir(course_root, result.assignment)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{result.student}.json"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{result.student}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(result.to_json())
    os.replace(temporary, path)
    return path


def read(course_root: Path, assignment: str, student: str) -> SubmissionResult | None:
    path = results_dir(course_root, assignment) / f"{student}.json"
    if not path.is_file():
        return None
    return SubmissionResult.from_json(path.read_text(encoding="utf-8"))


def read_all(course_root: Path, assignment: str | None = None) -> list[SubmissionResult]:
    base = course_root / "grading" / "results"
    folders = [base / assignment] if assignment else sorted(p for p in base.glob("*") if p.is_dir())
    results = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            results.append(SubmissionResult.from_json(path.read_text(encoding="utf-8")))
    return results
