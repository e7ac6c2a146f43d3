"""The cohort report's charts, drawn off-screen (Agg) in the course's chart style.

Figures are built with matplotlib's object API (no pyplot, no global backend switch) and the
course style is applied inside ``rc_context``, so drawing a report changes nothing for the
caller. Each chart's title states its finding; axes say their units.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from cmkit.plotting import OKABE_ITO, use_course_style


@contextmanager
def _chart(path: Path, height: float = 4.0) -> Iterator[Figure]:
    """A figure in the course style, saved as a PNG at ``path`` when the block ends."""
    with mpl.rc_context():
        use_course_style()
        figure = Figure(figsize=(8, height))
        FigureCanvasAgg(figure)
        yield figure
        figure.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, format="png", dpi=100)


def score_histogram(path: Path, assignment: str, scores: list[float], max_score: float) -> Path:
    """How a cohort's total scores of one assignment spread between 0 and the maximum."""
    top = max([max_score, *scores, 1.0])
    median = statistics.median(scores)
    with _chart(path) as figure:
        axes = figure.add_subplot()
        bins = min(20, max(5, int(top)))
        axes.hist(scores, bins=bins, range=(0, top), color=OKABE_ITO[0], edgecolor="white")
        axes.axvline(median, color=OKABE_ITO[5], linestyle="--", label=f"median {median:g}")
        axes.set_title(
            f"{assignment}: the median learner scores {median:g} of {max_score:g} points"
        )
        axes.set_xlabel("total score (points)")
        axes.set_ylabel("learners")
        axes.set_xlim(0, top)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.legend(loc="upper left")
    return path


def pass_rate_chart(path: Path, assignment: str, rates: dict[str, float]) -> Path:
    """The share of graded learners passing each question, hardest question first."""
    questions = sorted(rates, key=lambda q: (rates[q], q))
    values = [100 * rates[q] for q in questions]
    hardest = questions[0]
    with _chart(path, height=max(2.5, 0.45 * len(questions) + 1.5)) as figure:
        axes = figure.add_subplot()
        colours = [OKABE_ITO[5] if value < 50 else OKABE_ITO[2] for value in values]
        axes.barh(questions, values, color=colours)
        for y, value in enumerate(values):
            axes.text(min(value + 1, 92), y, f"{value:.0f}%", va="center")
        axes.set_title(f"{assignment}: {hardest} is the hardest question ({values[0]:.0f}% pass)")
        axes.set_xlabel("learners passing every test of the question (%)")
        axes.set_xlim(0, 100)
        axes.invert_yaxis()
    return path
