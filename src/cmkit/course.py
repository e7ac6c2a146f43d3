"""The course's modules, in order, and where their files live.

This is the one place the order of the course is written. Module ``NN`` with slug ``s`` has a
lesson ``course/NN-s.ipynb``, an nbgrader source ``solutions/NN-s/``, its release
``exercises/NN-s/``, wrong-answer fixtures ``grading/fixtures/NN-s.toml`` and a rubric
``grading/rubrics/NN-s.md`` when it has manually graded answers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cmkit.errors import KitError


@dataclass(frozen=True)
class Module:
    number: str
    slug: str
    title: str

    @property
    def id(self) -> str:
        return f"{self.number}-{self.slug}"


MODULES = (
    Module("00", "getting-started", "Getting started: Jupyter and pandas for community managers"),
    Module("01", "strategy", "Strategy definition"),
    Module("02", "audience", "Audience targeting"),
    Module("03", "content-planning", "Content planning"),
    Module("04", "community-care", "Community animation and customer care"),
    Module("05", "monitoring", "Monitoring and e-reputation"),
    Module("06", "crisis", "Crisis simulation"),
    Module("07", "influencers-paid", "Influencers and paid social"),
    Module("08", "kpi-roi", "KPI measurement and ROI"),
    Module("09", "capstone", "Capstone: monthly report and next-quarter strategy"),
)


def module(identifier: str) -> Module:
    """The module named by its id (``03-content-planning``) or number (``03``)."""
    for candidate in MODULES:
        if identifier in (candidate.id, candidate.number):
            return candidate
    known = ", ".join(m.id for m in MODULES)
    raise KitError(f"module {identifier!r}: no such module; choose one of {known}")


def repo_root() -> Path:
    """The course folder: ``CMKIT_ROOT`` if set, else the checkout the package lives in."""
    if os.environ.get("CMKIT_ROOT"):
        root = Path(os.environ["CMKIT_ROOT"]).resolve()
    else:
        root = Path(__file__).resolve().parents[2]
    if not (root / "nbgrader_config.py").is_file():
        raise KitError(
            f"course folder {root}: no nbgrader_config.py there; run from a clone of the kit "
            "or set CMKIT_ROOT to the course folder"
        )
    return root


@dataclass(frozen=True)
class Course:
    """A course folder laid out as the kit lays it out."""

    root: Path

    @property
    def solutions(self) -> Path:
        return self.root / "solutions"

    @property
    def exercises(self) -> Path:
        return self.root / "exercises"

    @property
    def lessons_dir(self) -> Path:
        return self.root / "course"

    def assignments(self) -> list[str]:
        """Assignment ids found in ``solutions/``, in course order (unknown ones last)."""
        if not self.solutions.is_dir():
            return []
        found = {p.name for p in self.solutions.iterdir() if p.is_dir() and any(p.glob("*.ipynb"))}
        ordered = [m.id for m in MODULES if m.id in found]
        return ordered + sorted(found - set(ordered))

    def lessons(self) -> list[Path]:
        return sorted(self.lessons_dir.glob("*.ipynb")) if self.lessons_dir.is_dir() else []

    def fixtures_file(self, assignment: str) -> Path:
        return self.root / "grading" / "fixtures" / f"{assignment}.toml"

    def rubric_file(self, assignment: str) -> Path:
        return self.root / "grading" / "rubrics" / f"{assignment}.md"


def course() -> Course:
    return Course(repo_root())
