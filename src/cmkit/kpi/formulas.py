"""The course's KPI formulas, written once: lessons, hidden tests and helpers call these.

Each function names its numerator and its denominator in its parameters, so a call reads as the
formula (``ctr(clicks, impressions)``), and the glossary of module 08 (``course/08-kpi-roi.ipynb``,
section "Glossary of KPI formulas") documents the same formula, denominator, unit and pitfalls.

Every function works on single numbers and on columns (pandas Series, NumPy arrays, lists) alike:
give it two numbers, get a number; give it two columns, get a column with the same labels.

Rules that hold for every function:

- Rates are **fractions** (0.05 means 5 %); multiply by 100 only to display. Net sentiment is
  the exception: it is in points from -100 to +100, as the glossary says.
- A zero denominator raises ``ZeroDenominator`` (a ``KitError`` and a ``ZeroDivisionError``)
  whose one-line message names the KPI, its denominator and how many values are zero. Nothing
  returns ``inf`` or a silent ``NaN``. A missing value (NaN) stays missing.
- A negative denominator (a count or an amount below zero) raises ``KpiError``.

>>> from cmkit import kpi
>>> kpi.ctr(clicks=120, impressions=8_000)
0.015
>>> kpi.cpm(spend=35_000, impressions=50_000)   # XOF per 1,000 impressions
700.0
"""

from __future__ import annotations

import numbers
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .errors import KpiError, ZeroDenominator
from .messages import ERRORS, KIND_COST, KIND_RATE, KIND_RATIO

__all__ = [
    "FirstResponseTime",
    "average_order_value",
    "cac",
    "clv",
    "conversion_rate",
    "cpa",
    "cpc",
    "cpm",
    "ctr",
    "engagement_rate",
    "engagement_rate_by_followers",
    "engagement_rate_by_impressions",
    "engagement_rate_by_reach",
    "engagements",
    "first_response_time",
    "follower_growth_rate",
    "net_sentiment",
    "purchase_frequency",
    "response_rate",
    "roas",
    "roi",
    "share_of_voice",
    "site_conversion_rate",
]


# --- plumbing ----------------------------------------------------------------------------


def _operand(value: Any, kpi: str, argument: str):
    """``value`` ready for arithmetic: numbers and pandas/NumPy objects as they are, lists as
    arrays. Text, booleans and ``None`` are refused with a message naming the argument."""
    if isinstance(value, (bool, np.bool_)) or value is None or isinstance(value, str):
        raise KpiError(ERRORS["not_a_number"].format(kpi=kpi, argument=argument, got=repr(value)))
    if isinstance(value, (numbers.Real, np.number)):
        return value
    if isinstance(value, (list, tuple)):
        value = np.asarray(value)
    if isinstance(value, (pd.Series, pd.Index, np.ndarray)):
        if not (pd.api.types.is_numeric_dtype(value) and not pd.api.types.is_bool_dtype(value)):
            got = f"a column of {value.dtype} values"
            raise KpiError(ERRORS["not_a_number"].format(kpi=kpi, argument=argument, got=got))
        return value
    got = f"an object of type {type(value).__name__}"
    raise KpiError(ERRORS["not_a_number"].format(kpi=kpi, argument=argument, got=got))


def _as_floats(value) -> np.ndarray:
    if isinstance(value, (pd.Series, pd.Index)):
        return value.to_numpy(dtype=float, na_value=np.nan)
    return np.atleast_1d(np.asarray(value, dtype=float))


def _guard(denominator, kpi: str, formula: str, name: str, kind: str) -> None:
    """Refuse zero and negative denominators, saying how many values are concerned."""
    values = _as_floats(denominator)
    scalar = np.ndim(denominator) == 0
    for test, message in ((values == 0, "zero_denominator"), (values < 0, "negative_denominator")):
        count = int(np.count_nonzero(test))
        if count:
            where = "" if scalar else ERRORS["in_rows"].format(n=count, total=values.size)
            error = ZeroDenominator if message == "zero_denominator" else KpiError
            raise error(
                ERRORS[message].format(
                    kpi=kpi, formula=formula, denominator=name, where=where, kind=kind
                )
            )


def _plain(result):
    """A NumPy scalar as a Python float; columns unchanged."""
    if np.ndim(result) == 0 and not isinstance(result, (pd.Series, pd.Index)):
        return float(result)
    return result


def _ratio(numerator, denominator, *, kpi, formula, names, kind=KIND_RATE, scale=1.0):
    top = _operand(numerator, kpi, names[0])
    bottom = _operand(denominator, kpi, names[1])
    _guard(bottom, kpi, formula, names[1], kind)
    return _plain(top * scale / bottom) if scale != 1.0 else _plain(top / bottom)


# --- content ------------------------------------------------------------------------------


def engagements(likes, comments, shares):
    """Engagements = likes + comments + shares (saves and clicks are counted apart).

    Unit: interactions. A count, so no denominator.
    """
    total = _operand(likes, "engagements", "likes")
    total = total + _operand(comments, "engagements", "comments")
    total = total + _operand(shares, "engagements", "shares")
    return total


def engagement_rate_by_reach(engagements, reach):
    """Engagement rate by reach = engagements ÷ reach: the course's default engagement rate.

    Denominator: reach, the distinct accounts that saw the post. Unit: fraction.
    Over a period, pass the totals (pooled rate) or compute per post and take the median;
    say which.
    """
    return _ratio(
        engagements,
        reach,
        kpi="engagement rate by reach",
        formula="engagements ÷ reach",
        names=("engagements", "reach"),
    )


def engagement_rate(engagements, reach):
    """Engagement rate, the course's default: **by reach** (engagements ÷ reach).

    The same as ``engagement_rate_by_reach``; use the ``_by_impressions`` or
    ``_by_followers`` functions when another denominator is meant, and say so.
    """
    return engagement_rate_by_reach(engagements, reach)


def engagement_rate_by_impressions(engagements, impressions):
    """Engagement rate by impressions = engagements ÷ impressions.

    Denominator: impressions (displays, repeats included). Unit: fraction. Lower than the
    rate by reach, since impressions ≥ reach.
    """
    return _ratio(
        engagements,
        impressions,
        kpi="engagement rate by impressions",
        formula="engagements ÷ impressions",
        names=("engagements", "impressions"),
    )


def engagement_rate_by_followers(engagements, followers):
    """Engagement rate by followers = engagements ÷ followers.

    Denominator: followers of the account when the post went live. Unit: fraction. The
    benchmark tools' rate (reach is not public); it counts followers who never saw the post.
    """
    return _ratio(
        engagements,
        followers,
        kpi="engagement rate by followers",
        formula="engagements ÷ followers",
        names=("engagements", "followers"),
    )


# --- ads ----------------------------------------------------------------------------------


def ctr(clicks, impressions):
    """Click-through rate = clicks ÷ impressions. Unit: fraction. Say which clicks."""
    return _ratio(
        clicks,
        impressions,
        kpi="CTR",
        formula="clicks ÷ impressions",
        names=("clicks", "impressions"),
    )


def cpc(spend, clicks):
    """Cost per click = spend ÷ clicks. Unit: XOF per click."""
    return _ratio(
        spend,
        clicks,
        kpi="CPC",
        formula="spend ÷ clicks",
        names=("spend", "clicks"),
        kind=KIND_COST,
    )


def cpm(spend, impressions):
    """Cost per mille = spend ÷ impressions × 1,000. Unit: XOF per 1,000 impressions."""
    return _ratio(
        spend,
        impressions,
        kpi="CPM",
        formula="spend ÷ impressions × 1,000",
        names=("spend", "impressions"),
        kind=KIND_COST,
        scale=1000.0,
    )


def cpa(spend, conversions):
    """Cost per acquisition = spend ÷ conversions. Unit: XOF per conversion.

    Say whose conversions: the network's own count, or the orders the site attributes.
    """
    return _ratio(
        spend,
        conversions,
        kpi="CPA",
        formula="spend ÷ conversions",
        names=("spend", "conversions"),
        kind=KIND_COST,
    )


def conversion_rate(conversions, clicks):
    """Conversion rate of an ad = conversions ÷ clicks. Unit: fraction. Say which clicks."""
    return _ratio(
        conversions,
        clicks,
        kpi="conversion rate",
        formula="conversions ÷ clicks",
        names=("conversions", "clicks"),
    )


def site_conversion_rate(orders, sessions):
    """Conversion rate of the website = orders ÷ sessions. Unit: fraction (per session)."""
    return _ratio(
        orders,
        sessions,
        kpi="site conversion rate",
        formula="orders ÷ sessions",
        names=("orders", "sessions"),
    )


def roas(revenue, spend):
    """Return on ad spend = revenue ÷ ad spend. Unit: XOF of revenue per XOF spent.

    Say which revenue (the network's count, or UTM last or first touch).
    """
    return _ratio(
        revenue,
        spend,
        kpi="ROAS",
        formula="revenue ÷ ad spend",
        names=("revenue", "spend"),
        kind=KIND_RATIO,
    )


def roi(revenue, cost):
    """Return on investment = (revenue − cost) ÷ cost. Unit: fraction (0.2 means 20 % gained).

    Say what the cost includes. For a profit-based ROI, pass revenue × gross margin as
    ``revenue`` and say so. With cost = ad spend, revenue-based ROI = ROAS − 1.
    """
    gain = _operand(revenue, "ROI", "revenue")
    base = _operand(cost, "ROI", "cost")
    _guard(base, "ROI", "(revenue − cost) ÷ cost", "cost", KIND_RATIO)
    return _plain((gain - base) / base)


# --- customers ----------------------------------------------------------------------------


def cac(spend, new_customers):
    """Customer acquisition cost = marketing spend ÷ new customers, over the same period.

    Unit: XOF per customer. New customers are those whose first order falls in the period.
    """
    return _ratio(
        spend,
        new_customers,
        kpi="CAC",
        formula="marketing spend ÷ new customers",
        names=("spend", "new customers"),
        kind=KIND_COST,
    )


def average_order_value(revenue, orders):
    """Average order value = revenue ÷ orders. Unit: XOF per order."""
    return _ratio(
        revenue,
        orders,
        kpi="average order value",
        formula="revenue ÷ orders",
        names=("revenue", "orders"),
        kind=KIND_RATIO,
    )


def purchase_frequency(orders, customers):
    """Purchase frequency = orders ÷ distinct customers, over a period. Unit: orders per
    customer per period (per year when the period is a year)."""
    return _ratio(
        orders,
        customers,
        kpi="purchase frequency",
        formula="orders ÷ customers",
        names=("orders", "customers"),
        kind=KIND_RATIO,
    )


def clv(average_order_value, purchase_frequency, lifetime_years, gross_margin=1.0):
    """Customer lifetime value, simple and margin-based:

        CLV = average order value × purchase frequency per year × expected lifetime in years
              × gross margin

    Unit: XOF per customer. With ``gross_margin=1`` (the default) it is revenue per customer
    over the lifetime; with the brand's margin (e.g. 0.5) it is gross profit, the figure to
    compare with CAC. Lifetime and margin are assumptions: state them.
    """
    aov = _operand(average_order_value, "clv", "average_order_value")
    frequency = _operand(purchase_frequency, "clv", "purchase_frequency")
    lifetime = _operand(lifetime_years, "clv", "lifetime_years")
    margin = _operand(gross_margin, "clv", "gross_margin")
    if np.any(_as_floats(margin) <= 0) or np.any(_as_floats(margin) > 1):
        raise KpiError(ERRORS["bad_margin"].format(value=gross_margin))
    if np.any(_as_floats(lifetime) <= 0):
        raise KpiError(ERRORS["bad_lifetime"].format(value=lifetime_years))
    return _plain(aov * frequency * lifetime * margin)


# --- reputation and care ------------------------------------------------------------------


def share_of_voice(brand_mentions, all_mentions):
    """Share of voice = brand mentions ÷ all mentions in the set (the brand's and its
    competitors'). Unit: fraction."""
    return _ratio(
        brand_mentions,
        all_mentions,
        kpi="share of voice",
        formula="brand mentions ÷ all mentions",
        names=("brand mentions", "all mentions"),
    )


def net_sentiment(positive, negative, all_mentions):
    """Net sentiment = (positive − negative) ÷ all mentions × 100.

    Unit: points from -100 to +100 (not a fraction). Neutral mentions count in the
    denominator.
    """
    plus = _operand(positive, "net sentiment", "positive")
    minus = _operand(negative, "net sentiment", "negative")
    total = _operand(all_mentions, "net sentiment", "all_mentions")
    formula = "(positive − negative) ÷ all mentions × 100"
    _guard(total, "net sentiment", formula, "all mentions", KIND_RATIO)
    return _plain((plus - minus) / total * 100)


def response_rate(answered, received):
    """Response rate = answered ÷ received. Unit: fraction."""
    return _ratio(
        answered,
        received,
        kpi="response rate",
        formula="answered ÷ received",
        names=("answered", "received"),
    )


class FirstResponseTime(NamedTuple):
    """Median and mean delay to a first reply, over ``answered`` messages."""

    median: float
    mean: float
    answered: int


def first_response_time(delays) -> FirstResponseTime:
    """First-response time over the answered messages: its median **and** its mean.

    ``delays`` is a column of delays (e.g. ``inbox["reply_minutes"]``; the unit is the
    column's). Missing values are unanswered messages and are left out: read the result with
    the response rate. The mean divides the total delay by the answered messages; night and
    Sunday waits pull it far above the median, so report both.
    """
    values = _as_floats(_operand(delays, "first-response time", "delays"))
    answered = values[~np.isnan(values)]
    if answered.size == 0:
        raise ZeroDenominator(ERRORS["no_answered"].format(n=values.size))
    return FirstResponseTime(float(np.median(answered)), float(answered.mean()), answered.size)


def follower_growth_rate(start, end):
    """Follower growth rate = (followers at the end − followers at the start) ÷ followers at
    the start. Unit: fraction over the period (0.1 means 10 % more followers)."""
    first = _operand(start, "follower growth rate", "start")
    last = _operand(end, "follower growth rate", "end")
    formula = "(end − start) ÷ start"
    _guard(first, "follower growth rate", formula, "followers at the start", KIND_RATE)
    return _plain((last - first) / first)
