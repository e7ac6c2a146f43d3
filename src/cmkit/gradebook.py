"""Reading scores out of an nbgrader gradebook."""

from __future__ import annotations

from dataclasses import dataclass

from nbgrader.api import Gradebook, MissingEntry


@dataclass(frozen=True)
class CellScore:
    notebook: str
    cell: str
    score: float
    max_score: float
    needs_manual_grade: bool

    @property
    def full(self) -> bool:
        return self.score >= self.max_score


def cell_scores(db_url: str, assignment: str, student: str) -> list[CellScore] | None:
    """Every grade of a student's submission, or None if nbgrader holds no submission."""
    with Gradebook(db_url) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return None
        scores = []
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                scores.append(
                    CellScore(
                        notebook=notebook.name,
                        cell=grade.name,
                        score=float(grade.score or 0),
                        max_score=float(grade.max_score or 0),
                        needs_manual_grade=bool(grade.needs_manual_grade),
                    )
                )
        return scores
