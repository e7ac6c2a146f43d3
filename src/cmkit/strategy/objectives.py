"""The SMART check of an objective written as a dictionary.

An objective has six fields::

    {"goal": "sales",              # why: a business goal (GOALS)
     "kpi": "social_revenue",      # what changes: a KPI of the catalogue (KPIS)
     "scope": "all",               # where: a network, a list of networks, or "all"
     "baseline": 2_829_000,        # where the KPI stands, measured in the data
     "target": 3_536_250,          # where it must get to
     "deadline": "2027-09-30"}     # when: a date after the end of the data

``smart_issues`` returns what breaks each criterion, as ``Issue`` records whose ``criterion``
and ``code`` do not depend on the language; ``smart_problems`` returns their sentences.
The rules, as the lesson states them:

- **S**pecific: a KPI of the catalogue and a scope (network, list of networks or "all").
- **M**easured: a baseline and a target, both numbers on the KPI's scale (a fraction between
  0 and 1 for rates, -100 to 100 for net sentiment, not negative for counts and hours).
- **A**chievable: the target improves on the baseline in the KPI's direction, by at most a
  factor 2 per year to the deadline (a deadline under a year counts as a year).
- **R**elevant: a business goal, and a KPI whose goals include it.
- **T**ime-bound: a deadline after the end of the data and at most two years after it.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from dataclasses import dataclass
from typing import Any

from cmkit.data import case

from . import messages
from .kpis import GOALS, KPIS

FIELDS = ("goal", "kpi", "scope", "baseline", "target", "deadline")
# Baselines are measured up to the end of the course data; deadlines are counted from there.
DATA_END = case.PERIOD_END.date()
MAX_YEARS = 2
GROWTH_PER_YEAR = 2.0


@dataclass(frozen=True)
class Issue:
    criterion: str  # "S", "M", "A", "R", "T", or "form" when the objective is not a dict
    code: str
    message: str


def _issue(criterion: str, code: str, **values: Any) -> Issue:
    return Issue(criterion, code, messages.smart_text(criterion, code, **values))


def _describe(value: Any) -> str:
    if value is Ellipsis:
        return "still the placeholder ..."
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"a {type(value).__name__}"


def _show(number: float) -> str:
    return f"{number:,.0f}" if abs(number) >= 1000 else f"{number:g}"


def _number(value: Any) -> float | None:
    """A finite number (numpy's included), or None; True/False is not a number here."""
    import numpy as np

    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _specific(objective: dict) -> list[Issue]:
    issues = []
    kpi = objective.get("kpi")
    if kpi in (None, "", Ellipsis):
        issues.append(_issue("S", "no_kpi"))
    elif not isinstance(kpi, str) or kpi.strip().lower() not in KPIS:
        issues.append(_issue("S", "unknown_kpi", kpi=kpi))
    scope = objective.get("scope")
    networks = ", ".join(repr(n) for n in case.NETWORKS)
    if scope in (None, "", Ellipsis) or (isinstance(scope, (list, tuple, set)) and not scope):
        issues.append(_issue("S", "no_scope"))
    else:
        items = list(scope) if isinstance(scope, (list, tuple, set)) else [scope]
        valid = {*case.NETWORKS, "all"}
        for item in items:
            if not isinstance(item, str) or item.strip().lower() not in valid:
                issues.append(_issue("S", "unknown_scope", scope=item, networks=networks))
                break
    return issues


def _measured(objective: dict, kpi) -> tuple[list[Issue], float | None, float | None]:
    issues = []
    values = {}
    for field, missing in (("baseline", "no_baseline"), ("target", "no_target")):
        raw = objective.get(field)
        if raw is None or raw is Ellipsis:
            issues.append(_issue("M", missing))
            values[field] = None
            continue
        number = _number(raw)
        if number is None:
            issues.append(_issue("M", "not_a_number", field=field, what=_describe(raw)))
        elif kpi is not None:
            problem = _out_of_scale(kpi, number)
            if problem:
                issues.append(_issue("M", problem, field=field, value=raw, kpi=kpi.name))
                number = None
        values[field] = number
    return issues, values["baseline"], values["target"]


def _out_of_scale(kpi, number: float) -> str | None:
    if kpi.scale == "fraction" and not 0 <= number <= 1:
        return "fraction_out_of_range"
    if kpi.scale == "score" and not -100 <= number <= 100:
        return "score_out_of_range"
    if kpi.scale == "growth" and number < -1:
        return "growth_out_of_range"
    if kpi.scale in ("count", "hours") and number < 0:
        return "negative"
    return None


def _achievable(kpi, baseline: float, target: float, deadline: dt.date | None) -> list[Issue]:
    if target == baseline:
        return [_issue("A", "no_change")]
    improves = target > baseline if kpi.higher_is_better else target < baseline
    if not improves:
        return [
            _issue(
                "A",
                "wrong_direction",
                target=_show(target),
                baseline=_show(baseline),
                worse="lower" if kpi.higher_is_better else "higher",
                better="higher" if kpi.higher_is_better else "lower",
                kpi=kpi.name,
            )
        ]
    if baseline <= 0 or target <= 0 or kpi.scale in ("score", "growth"):
        return []  # a ratio means nothing from zero, or on scores and growth rates
    years = 1.0
    if deadline is not None and deadline > DATA_END:
        years = max(1.0, (deadline - DATA_END).days / 365.25)
    allowed = GROWTH_PER_YEAR**years
    factor = target / baseline if kpi.higher_is_better else baseline / target
    if factor > allowed * (1 + 1e-9):
        return [_issue("A", "too_ambitious", factor=factor, allowed=allowed)]
    return []


def _relevant(objective: dict, kpi) -> list[Issue]:
    goal = objective.get("goal")
    goals = ", ".join(repr(g) for g in GOALS)
    if goal in (None, "", Ellipsis):
        return [_issue("R", "no_goal", goals=goals)]
    if not isinstance(goal, str) or goal.strip().lower() not in GOALS:
        return [_issue("R", "unknown_goal", goal=goal, goals=goals)]
    goal = goal.strip().lower()
    if kpi is None or goal in kpi.goals:
        return []
    if kpi.level == "vanity":
        return [_issue("R", "vanity_for_goal", kpi=kpi.name, goal=goal)]
    return [_issue("R", "kpi_not_for_goal", kpi=kpi.name, goal=goal, measures=kpi.goals[0])]


def _time_bound(objective: dict) -> tuple[list[Issue], dt.date | None]:
    raw = objective.get("deadline")
    if raw in (None, "", Ellipsis):
        return [_issue("T", "no_deadline")], None
    deadline = _date(raw)
    if deadline is None:
        return [_issue("T", "bad_deadline", deadline=raw)], None
    if deadline <= DATA_END:
        return [_issue("T", "deadline_past", deadline=deadline, start=DATA_END)], None
    if deadline > DATA_END.replace(year=DATA_END.year + MAX_YEARS):
        return [_issue("T", "deadline_far", deadline=deadline, start=DATA_END)], deadline
    return [], deadline


def smart_issues(objective: Any) -> list[Issue]:
    """What keeps ``objective`` from being SMART, criterion by criterion (empty: it is)."""
    if not isinstance(objective, dict):
        return [_issue("form", "not_a_dict", what=_describe(objective))]
    raw_kpi = objective.get("kpi")
    kpi = KPIS.get(raw_kpi.strip().lower()) if isinstance(raw_kpi, str) else None
    specific = _specific(objective)
    measured, baseline, target = _measured(objective, kpi)
    time_bound, deadline = _time_bound(objective)
    achievable = []
    if kpi is not None and baseline is not None and target is not None:
        achievable = _achievable(kpi, baseline, target, deadline)
    return specific + measured + achievable + _relevant(objective, kpi) + time_bound


def smart_problems(objective: Any) -> list[str]:
    """The sentences of ``smart_issues``: what to fix so that ``objective`` is SMART."""
    return [issue.message for issue in smart_issues(objective)]
