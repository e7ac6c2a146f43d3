"""Validators for the capstone's decisions: the headline KPIs, next quarter's objectives, and
the quarter's budget and hours. Each returns a list of problems (one sentence each, saying what
to fix), empty when the decision respects the rules; grading never depends on the wording.

The rules, as the lesson states them:

**Headline KPIs** (the first page of the report): the given number of KPIs, each a column of
the report, none twice; no input (``posts``, ``ad_spend``: what was done or spent, not what it
brought); at least one KPI of attention, of traffic and of sales, and one of customer care or
reputation; at least two business KPIs (orders, revenue or ROAS); at most two attention KPIs.

**Next quarter's objectives**: three objectives, each SMART by module 01's check
(``cmkit.strategy.smart_problems``); each on a KPI the report measures the catalogue's way
(``OBJECTIVE_KPIS``), scope ``"all"``, due by the end of next quarter; a baseline equal to the
KPI's value over the last full quarter (when baselines are given); a target that moves the KPI
by at most 50 % (20 points of net sentiment) in the quarter; different KPIs, at least two goals,
one of them ``"sales"``.

**Budget and hours**: the quarter's budget (``QUARTER_BUDGET_XOF``) is split between the six
networks and a ``"reserve"``, all of it and no more; the reserve is at least 10 %; a network
with under 5 % of the customers gets nothing, every other one between 10 % and 50 % of the
budget. The ``WEEKLY_HOURS`` hours a week are all planned; at least 2 h for each funded
network, at most 1 h for the others (watching mentions and messages).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from cmkit.strategy import KPIS as CATALOGUE
from cmkit.strategy import smart_problems
from cmkit.strategy.objectives import _date, _number  # one reading of numbers and dates

from . import messages
from .report import KPIS, NETWORKS, NEXT_QUARTER_END, QUARTER, month_name

# --- headline KPIs -------------------------------------------------------------------------

HEADLINE_SIZE = 6
MIN_BUSINESS = 2
MAX_ATTENTION = 2


def headline_problems(names: Any, size: int | tuple[int, int] = HEADLINE_SIZE) -> list[str]:
    """What breaks the headline rules (see the module docstring) in the list ``names``.

    ``size`` is the exact number of KPIs, or a ``(low, high)`` range such as ``(5, 7)``.
    """
    say = messages.HEADLINE
    if not isinstance(names, (list, tuple)):
        return [say["not_a_list"].format(what=_describe(names))]
    problems = []
    low, high = (size, size) if isinstance(size, int) else size
    if not low <= len(names) <= high:
        if low == high:
            problems.append(say["size"].format(n=len(names), size=low))
        else:
            problems.append(say["size_range"].format(n=len(names), low=low, high=high))
    seen, known = [], []
    for name in names:
        if not isinstance(name, str) or name not in KPIS:
            problems.append(say["unknown"].format(names=repr(name)))
            continue
        if name in seen:
            problems.append(say["twice"].format(name=name))
            continue
        seen.append(name)
        if KPIS[name].role == "input":
            problems.append(say["input"].format(name=name))
        else:
            known.append(KPIS[name])
    stages = {kpi.stage for kpi in known}
    for stage in ("attention", "traffic", "sales"):
        if stage not in stages:
            problems.append(say["missing_stage"].format(stage=messages.STAGE_LABELS[stage]))
    if not stages & {"care", "reputation"}:
        problems.append(say["care_or_reputation"])
    business = [kpi.name for kpi in known if kpi.business]
    if len(business) < MIN_BUSINESS:
        problems.append(
            say["few_business"].format(
                n=len(business), names=", ".join(business) or "none", minimum=MIN_BUSINESS
            )
        )
    attention = [kpi.name for kpi in known if kpi.stage == "attention"]
    if len(attention) > MAX_ATTENTION:
        problems.append(
            say["much_attention"].format(
                n=len(attention), names=", ".join(attention), maximum=MAX_ATTENTION
            )
        )
    return problems


# --- next quarter's objectives -------------------------------------------------------------

OBJECTIVE_COUNT = 3
# Report figures computed exactly as the catalogue of module 01 defines its KPI of that name.
OBJECTIVE_KPIS = (
    "reach",
    "social_sessions",
    "social_orders",
    "social_revenue",
    "roas",
    "share_of_voice",
    "net_sentiment",
)
QUARTER_CHANGE = 0.5  # a quarter moves a KPI by at most 50 % ...
QUARTER_POINTS = 20  # ... or 20 points of net sentiment
BASELINE_RTOL = 0.01


def objective_problems(objectives: Any, baselines: Mapping[str, float] | None = None) -> list[str]:
    """What breaks the rules of next quarter's objectives (see the module docstring).

    ``baselines`` maps KPI names to their value over the last full quarter (``QUARTER``); when
    given, each objective's baseline must equal it (within 1 %).
    """
    say = messages.OBJECTIVES
    if not isinstance(objectives, (list, tuple)):
        return [say["not_a_list"].format(what=_describe(objectives))]
    problems = []
    if len(objectives) != OBJECTIVE_COUNT:
        problems.append(say["count"].format(n=len(objectives), expected=OBJECTIVE_COUNT))
    end = dt.date.fromisoformat(NEXT_QUARTER_END)
    kpis, goals = [], []
    for number, objective in enumerate(objectives, start=1):
        found = smart_problems(objective)
        if isinstance(objective, dict):
            found += _quarter_problems(objective, baselines, end)
            kpi = objective.get("kpi")
            if isinstance(kpi, str):
                if kpi in kpis:
                    problems.append(say["same_kpi"].format(kpi=kpi))
                kpis.append(kpi)
            goal = objective.get("goal")
            if isinstance(goal, str):
                goals.append(goal.strip().lower())
        problems += [say["prefix"].format(number=number, problem=p) for p in found]
    if objectives and "sales" not in goals:
        problems.append(say["no_sales"])
    if len(goals) == len(objectives) >= 2 and len(set(goals)) < 2:
        problems.append(say["one_goal"].format(goal=goals[0], minimum=2))
    return problems


def _quarter_problems(objective: dict, baselines, end: dt.date) -> list[str]:
    say = messages.OBJECTIVES
    problems = []
    kpi = objective.get("kpi")
    if isinstance(kpi, str) and kpi.strip().lower() in CATALOGUE:
        kpi = kpi.strip().lower()
        if kpi not in OBJECTIVE_KPIS:
            allowed = ", ".join(repr(k) for k in OBJECTIVE_KPIS)
            problems.append(say["kpi_not_reported"].format(kpi=kpi, allowed=allowed))
    else:
        kpi = None  # the SMART check says what is wrong with it
    scope = objective.get("scope")
    listed = isinstance(scope, (list, tuple, set))
    if listed or (isinstance(scope, str) and scope.strip().lower() != "all"):
        problems.append(say["scope"].format(scope=scope))
    deadline = _date(objective.get("deadline"))
    if deadline is not None and deadline > end:
        problems.append(say["deadline_after_quarter"].format(deadline=deadline, end=end))
    baseline, target = _number(objective.get("baseline")), _number(objective.get("target"))
    if kpi in OBJECTIVE_KPIS and baseline is not None:
        expected = (baselines or {}).get(kpi)
        if expected is not None and not math.isclose(
            baseline, float(expected), rel_tol=BASELINE_RTOL, abs_tol=1e-9
        ):
            period = f"{month_name(QUARTER[0])} – {month_name(QUARTER[-1])}"
            problems.append(
                say["baseline"].format(baseline=_show(baseline), kpi=kpi, period=period)
            )
        if target is not None:
            problems += _too_far(kpi, baseline, target)
    return problems


def _too_far(kpi: str, baseline: float, target: float) -> list[str]:
    say = messages.OBJECTIVES
    if CATALOGUE[kpi].scale == "score":
        if abs(target - baseline) > QUARTER_POINTS:
            change = f"{target - baseline:+.0f} points"
            return [say["too_far"].format(kpi=kpi, change=change, limit=f"{QUARTER_POINTS} points")]
        return []
    if baseline > 0 and abs(target / baseline - 1) > QUARTER_CHANGE + 1e-9:
        change = f"{(target / baseline - 1):+.0%}"
        return [say["too_far"].format(kpi=kpi, change=change, limit=f"{QUARTER_CHANGE:.0%}")]
    return []


# --- budget and hours ----------------------------------------------------------------------

QUARTER_BUDGET_XOF = 1_800_000  # 600,000 XOF a month for next quarter
WEEKLY_HOURS = 20
RESERVE = "reserve"
BUDGET_KEYS = (*NETWORKS, RESERVE)
MIN_CUSTOMER_SHARE = 0.05  # under this share of the customers, a network gets no money
MIN_RESERVE = 0.10
FLOOR = 0.10  # every funded network gets at least this share of the budget
CAP = 0.50  # and at most this one
MIN_HOURS = 2.0
WATCH_HOURS = 1.0


def customer_shares(audience=None) -> dict[str, float]:
    """Each network's share of the customers who follow Keur Thé (``audience`` table: people
    with ``is_customer``, on their main ``platform``; ``"none"`` left out)."""
    if audience is None:
        from cmkit.data import load

        audience = load("audience")
    following = audience[(audience["platform"] != "none") & audience["is_customer"]]
    counts = following["platform"].astype(str).value_counts()
    total = counts.sum()
    return {network: float(counts.get(network, 0) / total) for network in NETWORKS}


def budget_problems(
    budget: Any,
    hours: Any,
    shares: Mapping[str, float] | None = None,
    total: float = QUARTER_BUDGET_XOF,
    weekly_hours: float = WEEKLY_HOURS,
) -> list[str]:
    """What breaks the budget and hours rules (see the module docstring).

    ``budget`` maps each network and ``"reserve"`` to XOF for the quarter; ``hours`` maps each
    network to hours a week; ``shares`` are the networks' shares of the customers (default:
    computed from the ``audience`` table).
    """
    say = messages.BUDGET
    shares = dict(customer_shares() if shares is None else shares)
    problems = []
    money = _amounts(budget, "budget", BUDGET_KEYS, problems)
    time = _amounts(hours, "hours", NETWORKS, problems)
    if money is not None:
        spent = sum(money.values())
        if abs(spent - total) > 1:
            problems.append(say["total"].format(total=spent, expected=total))
        reserve = money[RESERVE]
        if reserve < MIN_RESERVE * total - 1:
            problems.append(
                say["reserve"].format(
                    reserve=reserve,
                    share=reserve / total,
                    minimum=MIN_RESERVE,
                    amount=MIN_RESERVE * total,
                )
            )
        for network in NETWORKS:
            amount, share = money[network], shares.get(network, 0.0)
            if share < MIN_CUSTOMER_SHARE:
                if amount > 0:
                    problems.append(
                        say["dropped_money"].format(
                            network=network, amount=amount, share=share, minimum=MIN_CUSTOMER_SHARE
                        )
                    )
            elif amount < FLOOR * total - 1:
                problems.append(
                    say["floor"].format(
                        network=network,
                        share=share,
                        amount=amount,
                        floor=FLOOR,
                        minimum=FLOOR * total,
                    )
                )
            elif amount > CAP * total + 1:
                problems.append(say["cap"].format(network=network, amount=amount, cap=CAP))
    if time is not None:
        planned = sum(time.values())
        if abs(planned - weekly_hours) > 0.01:
            problems.append(say["hours_total"].format(total=planned, expected=weekly_hours))
        for network in NETWORKS:
            spent_hours, share = time[network], shares.get(network, 0.0)
            if share < MIN_CUSTOMER_SHARE and spent_hours > WATCH_HOURS + 1e-9:
                problems.append(
                    say["hours_dropped"].format(
                        network=network, hours=spent_hours, share=share, maximum=WATCH_HOURS
                    )
                )
            elif share >= MIN_CUSTOMER_SHARE and spent_hours < MIN_HOURS - 1e-9:
                problems.append(
                    say["hours_floor"].format(network=network, hours=spent_hours, minimum=MIN_HOURS)
                )
    return problems


def _amounts(values: Any, what_name: str, keys, problems: list[str]) -> dict[str, float] | None:
    say = messages.BUDGET
    if not isinstance(values, Mapping):
        problems.append(say["not_a_dict"].format(what_name=what_name, what=_describe(values)))
        return None
    names = {str(key): value for key, value in values.items()}
    missing = [key for key in keys if key not in names]
    unknown = [key for key in names if key not in keys]
    if missing:
        problems.append(say["missing"].format(what_name=what_name, keys=", ".join(missing)))
    if unknown:
        allowed = ", ".join(repr(k) for k in keys)
        problems.append(
            say["unknown"].format(what_name=what_name, keys=", ".join(unknown), allowed=allowed)
        )
    amounts = {}
    for key in keys:
        if key not in names:
            amounts[key] = 0.0
            continue
        number = _number(names[key])
        if number is None:
            problems.append(
                say["not_number"].format(what_name=what_name, key=key, value=names[key])
            )
            return None
        if number < 0:
            problems.append(say["negative"].format(what_name=what_name, key=key, value=number))
        amounts[key] = number
    return None if missing or unknown else amounts

    # --- plumbing ------------------------------------------------------------------------------

    return None


def _describe(value: Any) -> str:
    if value is Ellipsis:
        return "still the placeholder ..."
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"a {type(value).__name__}"


def _show(number: float) -> str:
    return f"{number:,.0f}" if abs(number) >= 1000 else f"{number:g}"
