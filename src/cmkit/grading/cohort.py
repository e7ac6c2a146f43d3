"""A simulated cohort for the demo and the tests: learners whose submissions mix correct work,
the wrong-answer fixtures, blanks, broken notebooks and late submissions.

Deterministic for a seed. Each learner has a profile (strong, average, struggling) that sets
how likely each of their answers is to be a known mistake; a few submissions are untouched,
corrupt or late, as in a real cohort.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cmkit import notebooks
from cmkit.course import Course
from cmkit.fixtures import load_fixtures
from cmkit.proving import fill_answers

FIRST_NAMES = (
    "Awa",
    "Moussa",
    "Fatou",
    "Ibrahima",
    "Aminata",
    "Cheikh",
    "Mariama",
    "Ousmane",
    "Khady",
    "Mamadou",
    "Ndeye",
    "Abdoulaye",
    "Coumba",
    "Babacar",
    "Seynabou",
    "Pape",
    "Astou",
    "Lamine",
    "Bineta",
    "Modou",
    "Claire",
    "Julien",
    "Léa",
    "Thomas",
    "Inès",
    "Yacine",
    "Sokhna",
    "Aliou",
    "Rokhaya",
    "Samba",
    "Dieynaba",
    "Omar",
    "Adama",
    "Marème",
    "Serigne",
    "Nafi",
)
LAST_NAMES = (
    "Diop",
    "Ndiaye",
    "Fall",
    "Sow",
    "Ba",
    "Gueye",
    "Sarr",
    "Faye",
    "Diallo",
    "Mbaye",
    "Cissé",
    "Thiam",
    "Kane",
    "Seck",
    "Dieng",
    "Camara",
    "Martin",
    "Bernard",
    "Lopez",
    "Touré",
)
PROFILES = {"strong": 0.08, "average": 0.3, "struggling": 0.6}  # chance an answer is a mistake
DUE = datetime(2026, 10, 1, 23, 59, tzinfo=UTC)
SPACING = timedelta(days=7)  # one assignment due each week


@dataclass(frozen=True)
class Learner:
    id: str
    name: str
    profile: str


def learners(size: int, seed: int = 7) -> list[Learner]:
    rng = random.Random(seed)
    chosen, seen = [], set()
    while len(chosen) < size:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        ident = f"{first}-{last}".lower()
        ident = ident.translate(str.maketrans("éèë", "eee"))
        if ident in seen:
            ident = f"{ident}-{len(chosen)}"
        seen.add(ident)
        profile = rng.choices(list(PROFILES), weights=(3, 5, 2))[0]
        chosen.append(Learner(ident, f"{first} {last}", profile))
    return chosen


def due_date(index: int) -> datetime:
    return DUE + index * SPACING


OWN_WORDS = (
    "From my tables: {finding}. I would start there and measure again next month.",
    "My numbers say {finding}. I am not sure yet about the reasons; I would test it.",
    "{finding}. This is what I would tell the manager first, with the chart.",
)
FINDINGS = (
    "our posts reach the most people on one network but people react more on another",
    "a few posts make most of the results, so I used medians",
    "the customers are not always where the followers are",
    "we should keep the networks where our customers are and test the others",
)


def _write_own_words(nb, learner: Learner, rng: random.Random) -> None:
    """Free-text answers in the learner's own (short, imperfect) words, not the model answer."""
    for cell in nb.cells:
        if notebooks.is_manually_graded(cell) and cell.cell_type == "markdown":
            text = rng.choice(OWN_WORDS).format(finding=rng.choice(FINDINGS))
            cell.source = f"{text[0].upper()}{text[1:]} ({learner.name})"


def _corrupt(path: Path, rng: random.Random) -> str:
    """A broken submission of the kinds instructors meet, and what it is."""
    kind = rng.choice(["truncated", "empty", "renamed"])
    if kind == "truncated":
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: len(text) // 3], encoding="utf-8")
        return "the notebook file was cut short (corrupt JSON)"
    if kind == "empty":
        path.write_text("", encoding="utf-8")
        return "the notebook file is empty"
    path.rename(path.with_name(f"Copy of {path.name}"))
    return "the notebook was renamed, so nbgrader cannot find it"


def build(course: Course, size: int = 30, seed: int = 7, assignments: list[str] | None = None):
    """Write the cohort's submissions into ``grading/submitted``; returns what each one is."""
    rng = random.Random(seed)
    cohort = learners(size, seed)
    plan: dict[tuple[str, str], str] = {}
    order = course.assignments()
    for assignment in assignments or order:
        fixtures = load_fixtures(course.fixtures_file(assignment))
        release = course.exercises / assignment
        for learner in cohort:
            folder = course.root / "grading" / "submitted" / learner.id / assignment
            folder.mkdir(parents=True, exist_ok=True)
            roll = rng.random()
            late = rng.random() < 0.08
            for path in sorted(release.glob("*.ipynb")):
                solution = notebooks.read(course.solutions / assignment / path.name)
                nb = notebooks.read(path)
                if roll < 0.06:
                    what = "blank (the release, untouched)"
                else:
                    overrides: dict[str, str] = {}
                    used = []
                    for fixture in fixtures:
                        if rng.random() < PROFILES[learner.profile] / max(1, len(fixtures) / 4):
                            if not set(fixture.answers) & set(overrides):
                                overrides.update(fixture.answers)
                                used.append(fixture.name)
                    nb, _ = fill_answers(nb, solution, overrides)
                    _write_own_words(nb, learner, rng)
                    what = "mistakes: " + ", ".join(used) if used else "correct"
                notebooks.write(nb, folder / path.name)
                if 0.06 <= roll < 0.1:
                    what = "broken: " + _corrupt(folder / path.name, rng)
            index = order.index(assignment) if assignment in order else 0
            submitted = due_date(index) + (
                timedelta(hours=rng.randint(2, 60))
                if late
                else -timedelta(hours=rng.randint(1, 90))
            )
            (folder / "timestamp.txt").write_text(submitted.strftime("%Y-%m-%d %H:%M:%S.%f %Z"))
            plan[(learner.id, assignment)] = what + (" (late)" if late else "")
    return cohort, plan
