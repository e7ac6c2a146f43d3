"""Module 09, the capstone: a monthly report and next quarter's strategy for Keur Thé.

    from cmkit.capstone import summary_problems, headline_problems, objective_problems
    from cmkit.capstone import budget_problems, check_summary, report_figures

- ``report``: the report's figures (``KPI_NAMES``), their units and stages, and its periods
  (September 2026, compared with August 2026 and September 2025; the third quarter as the
  baseline of next quarter);
- ``consistency``: reads the figures a written summary quotes (English and French formats) and
  checks that each matches the report or the data (``summary_problems``, ``check_summary``);
- ``plan``: validators for the headline KPIs, next quarter's objectives (on top of module 01's
  SMART check) and the quarter's budget and hours.

Learner-facing sentences live in ``messages.py``, the words the summary check reads in
``vocabulary.py``.
"""

from .consistency import (
    Quote,
    check_summary,
    claims,
    quoted_figures,
    report_figures,
    show_value,
    summary_issues,
    summary_problems,
)
from .errors import CapstoneError
from .plan import (
    BUDGET_KEYS,
    HEADLINE_SIZE,
    MIN_CUSTOMER_SHARE,
    OBJECTIVE_COUNT,
    OBJECTIVE_KPIS,
    QUARTER_BUDGET_XOF,
    RESERVE,
    WEEKLY_HOURS,
    budget_problems,
    customer_shares,
    headline_problems,
    objective_problems,
)
from .report import (
    KPI_NAMES,
    KPIS,
    LAST_YEAR_MONTH,
    NEXT_QUARTER,
    NEXT_QUARTER_END,
    PREVIOUS_MONTH,
    QUARTER,
    REPORT_KPIS,
    REPORT_MONTH,
    REPORT_MONTHS,
    UNIT_OF,
    ReportKpi,
    month_name,
    unit_of,
)

__all__ = [
    "BUDGET_KEYS",
    "HEADLINE_SIZE",
    "KPIS",
    "KPI_NAMES",
    "LAST_YEAR_MONTH",
    "MIN_CUSTOMER_SHARE",
    "NEXT_QUARTER",
    "NEXT_QUARTER_END",
    "OBJECTIVE_COUNT",
    "OBJECTIVE_KPIS",
    "PREVIOUS_MONTH",
    "QUARTER",
    "QUARTER_BUDGET_XOF",
    "REPORT_KPIS",
    "REPORT_MONTH",
    "REPORT_MONTHS",
    "RESERVE",
    "UNIT_OF",
    "WEEKLY_HOURS",
    "CapstoneError",
    "Quote",
    "ReportKpi",
    "budget_problems",
    "check_summary",
    "claims",
    "customer_shares",
    "headline_problems",
    "month_name",
    "objective_problems",
    "quoted_figures",
    "report_figures",
    "show_value",
    "summary_issues",
    "summary_problems",
    "unit_of",
]
