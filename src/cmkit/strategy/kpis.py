"""The course's KPI catalogue: what each KPI measures, how it is computed, which goal it serves.

A **level** says what kind of number a KPI is:

- ``vanity``: counts attention; it can grow without a single extra sale and is easy to
  inflate (a contest, bought followers). Report it, never set an objective on it alone.
- ``performance``: says how well content, ads or customer care work (a reach, a rate, a
  delay); it leads to business results without being one.
- ``business``: counts customers, orders or money.

Formulas agree with the glossary of module 08 (engagement rate is by reach). Labels and
formulas are learner-facing text, so they live in ``messages.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import messages

# What an objective can aim at, from the top of the funnel to after the sale.
GOALS = ("awareness", "engagement", "traffic", "sales", "care", "reputation")
LEVELS = ("vanity", "performance", "business")
# How a KPI's values are written: a count or an amount, a fraction between 0 and 1, a growth
# rate (a fraction that can exceed 1), hours, or net sentiment (-100 to 100).
SCALES = ("count", "fraction", "growth", "hours", "score")


@dataclass(frozen=True)
class Kpi:
    name: str
    level: str
    goals: tuple[str, ...]
    scale: str = "count"
    higher_is_better: bool = True

    @property
    def label(self) -> str:
        return messages.KPI_TEXT[self.name][0]

    @property
    def formula(self) -> str:
        return messages.KPI_TEXT[self.name][1]


_CATALOGUE = (
    Kpi("followers", "vanity", ("awareness",)),
    Kpi("follower_growth_rate", "vanity", ("awareness",), scale="growth"),
    Kpi("likes", "vanity", ("engagement",)),
    Kpi("impressions", "vanity", ("awareness",)),
    Kpi("video_views", "vanity", ("awareness",)),
    Kpi("reach", "performance", ("awareness",)),
    Kpi("engagement_rate", "performance", ("engagement",), scale="fraction"),
    Kpi("share_of_voice", "performance", ("awareness", "reputation"), scale="fraction"),
    Kpi("net_sentiment", "performance", ("reputation",), scale="score"),
    Kpi("ctr", "performance", ("traffic",), scale="fraction"),
    Kpi("social_sessions", "performance", ("traffic",)),
    Kpi("response_rate", "performance", ("care",), scale="fraction"),
    Kpi("first_response_time", "performance", ("care",), scale="hours", higher_is_better=False),
    Kpi("conversion_rate", "business", ("sales",), scale="fraction"),
    Kpi("social_orders", "business", ("sales",)),
    Kpi("social_revenue", "business", ("sales",)),
    Kpi("roas", "business", ("sales",)),
    Kpi("cpa", "business", ("sales",), higher_is_better=False),
)

KPIS: dict[str, Kpi] = {kpi.name: kpi for kpi in _CATALOGUE}


def kpi_table():
    """The catalogue as a table (one row per KPI), for reading in a notebook."""
    import pandas as pd

    rows = [
        {
            "kpi": kpi.name,
            "level": kpi.level,
            "goals": ", ".join(kpi.goals),
            "better when": "higher" if kpi.higher_is_better else "lower",
            "what it is": kpi.label,
            "formula": kpi.formula,
        }
        for kpi in _CATALOGUE
    ]
    return pd.DataFrame(rows).set_index("kpi")
