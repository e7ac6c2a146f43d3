"""Module 01, strategy definition: the KPI catalogue and the SMART check of an objective.

>>> from cmkit.strategy import KPIS, smart_problems
>>> smart_problems({"goal": "sales", "kpi": "social_revenue", "scope": "all",
...                 "baseline": 2_829_000, "target": 3_536_250, "deadline": "2027-09-30"})
[]

Learner-facing sentences live in ``messages.py``; grading never depends on their words (a
problem's criterion and code decide).
"""

from .kpis import GOALS, KPIS, LEVELS, Kpi, kpi_table
from .objectives import FIELDS, Issue, smart_issues, smart_problems

__all__ = [
    "FIELDS",
    "GOALS",
    "KPIS",
    "LEVELS",
    "Issue",
    "Kpi",
    "kpi_table",
    "smart_issues",
    "smart_problems",
]
