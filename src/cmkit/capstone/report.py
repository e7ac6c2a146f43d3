"""The capstone's monthly report: its figures, their units, and the periods it compares.

Keur Thé's community manager reports on **September 2026**, the last full month of the data,
and compares it with the previous month and with the same month a year earlier. The report is
a table with one row per period and one column per figure below; next quarter's objectives start
from the third quarter of 2026 (July to September).

Each figure has a **unit**, which decides how it is written and how a change is stated:

- ``count`` and ``money`` (XOF): a change is a percentage of the earlier value;
- ``ratio`` (ROAS, XOF of revenue per XOF spent) and ``minutes``: a percentage as well;
- ``fraction`` (a rate, 0.05 = 5 %): a change is a difference in **points** (× 100);
- ``score`` (net sentiment, −100 to +100): a difference in points.

A **stage** places each figure on the way from followers to customers (attention, traffic,
sales, care, reputation); a **role** says whether it is a result or an input (what was spent or
done), which never heads a report on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmkit.data import case

from . import messages

REPORT_MONTH = "2026-09"
PREVIOUS_MONTH = "2026-08"
LAST_YEAR_MONTH = "2025-09"
# The rows of the report table, oldest first.
REPORT_MONTHS = (LAST_YEAR_MONTH, PREVIOUS_MONTH, REPORT_MONTH)
# The third quarter of 2026: the baseline period of next quarter's objectives.
QUARTER = ("2026-07", "2026-08", "2026-09")
NEXT_QUARTER = ("2026-10", "2026-11", "2026-12")
NEXT_QUARTER_END = "2026-12-31"

UNITS = ("count", "money", "fraction", "ratio", "score", "minutes")
STAGES = ("attention", "traffic", "sales", "care", "reputation")
ROLES = ("result", "input")
NETWORKS = case.NETWORKS
# Column prefix of follower growth per network (a fraction), e.g. "follower_growth_instagram".
GROWTH_PREFIX = "follower_growth_"


@dataclass(frozen=True)
class ReportKpi:
    name: str
    unit: str
    stage: str
    role: str = "result"
    business: bool = False  # counts customers, orders or money

    @property
    def label(self) -> str:
        return messages.KPI_LABELS[self.name]


REPORT_KPIS = (
    ReportKpi("posts", "count", "attention", role="input"),
    ReportKpi("reach", "count", "attention"),
    ReportKpi("median_engagement_rate", "fraction", "attention"),
    ReportKpi("social_sessions", "count", "traffic"),
    ReportKpi("social_orders", "count", "sales", business=True),
    ReportKpi("social_revenue", "money", "sales", business=True),
    ReportKpi("ad_spend", "money", "sales", role="input"),
    ReportKpi("paid_revenue", "money", "sales", business=True),
    ReportKpi("roas", "ratio", "sales", business=True),
    ReportKpi("complaints", "count", "care"),
    ReportKpi("complaint_reply_median", "minutes", "care"),
    ReportKpi("complaint_response_rate", "fraction", "care"),
    ReportKpi("share_of_voice", "fraction", "reputation"),
    ReportKpi("net_sentiment", "score", "reputation"),
)
KPI_NAMES = tuple(kpi.name for kpi in REPORT_KPIS)
KPIS = {kpi.name: kpi for kpi in REPORT_KPIS}
UNIT_OF = {kpi.name: kpi.unit for kpi in REPORT_KPIS}


def unit_of(name: str) -> str | None:
    """The unit of a report figure (follower growth columns are fractions), or None."""
    if name in UNIT_OF:
        return UNIT_OF[name]
    if name.startswith(GROWTH_PREFIX):
        return "fraction"
    return None


def label_of(name: str) -> str:
    """A figure's name in words, for messages ("follower growth on instagram")."""
    if name in messages.KPI_LABELS:
        return messages.KPI_LABELS[name]
    if name.startswith(GROWTH_PREFIX):
        return messages.GROWTH_LABEL.format(network=name[len(GROWTH_PREFIX) :])
    return name.replace("_", " ")


def month_name(period: str) -> str:
    """ "2026-09" -> "September 2026"; anything else unchanged."""
    try:
        year, month = str(period).split("-")
        return f"{messages.MONTHS[int(month) - 1]} {int(year)}"
    except (ValueError, IndexError):
        return str(period)
