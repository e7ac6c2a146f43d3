"""Wrong-answer fixtures: plausible mistakes that an assignment's tests must reject.

``grading/fixtures/NN-slug.toml`` holds one table per mistake::

    [mean_instead_of_median]
    why = "Uses the mean reach, which a few viral posts inflate."
    [mean_instead_of_median.answers]
    q2_1_median_reach = '''
    median_reach = posts["reach"].mean()
    '''

Each key of ``answers`` is the ``grade_id`` of an answer cell; its text replaces that cell in an
otherwise correct submission (every other answer cell holds the solution).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from cmkit.errors import KitError


@dataclass(frozen=True)
class Fixture:
    name: str
    why: str
    answers: dict[str, str] = field(default_factory=dict)


def load_fixtures(path: Path) -> list[Fixture]:
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise KitError(f"{path}: not valid TOML ({error}); fix the syntax") from None
    fixtures = []
    for name, entry in data.items():
        answers = entry.get("answers") if isinstance(entry, dict) else None
        if not answers or not entry.get("why"):
            raise KitError(
                f"{path}: fixture {name!r} needs a 'why' and an [{name}.answers] table; "
                "see the authoring guide"
            )
        fixtures.append(Fixture(name, entry["why"], {k: v.strip("\n") for k, v in answers.items()}))
    return fixtures
