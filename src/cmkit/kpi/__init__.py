"""KPIs of the course: formulas written once, UTM attribution, and a dashboard check.

>>> from cmkit import kpi
>>> kpi.engagement_rate(engagements=250, reach=5_000)      # by reach, the course default
0.05
>>> kpi.roas(revenue=480_000, spend=200_000)
2.4

- ``formulas``: one small function per KPI of the glossary, with explicit denominators, raising
  ``ZeroDenominator`` (a ``KitError``) on a zero denominator;
- ``glossary``: the glossary table of module 08's lesson (``glossary.LINK`` to link to it);
- ``attribution``: the channel of a web session and each order's journey of sessions
  (first and last touch);
- ``dashboard``: ``check_dashboard``, a check that a figure is a KPI dashboard;
- ``assumptions``: the margin, lifetime and reporting year module 08 assumes.
"""

from . import glossary
from .assumptions import (
    GROSS_MARGIN,
    LIFETIME_YEARS,
    ORGANIC_MEDIUMS,
    YEAR_END,
    YEAR_MONTHS,
    YEAR_START,
)
from .attribution import CHANNELS, channel_of, order_journeys
from .dashboard import check_dashboard
from .errors import KpiError, ZeroDenominator
from .formulas import (
    FirstResponseTime,
    average_order_value,
    cac,
    clv,
    conversion_rate,
    cpa,
    cpc,
    cpm,
    ctr,
    engagement_rate,
    engagement_rate_by_followers,
    engagement_rate_by_impressions,
    engagement_rate_by_reach,
    engagements,
    first_response_time,
    follower_growth_rate,
    net_sentiment,
    purchase_frequency,
    response_rate,
    roas,
    roi,
    share_of_voice,
    site_conversion_rate,
)

__all__ = [
    "CHANNELS",
    "GROSS_MARGIN",
    "LIFETIME_YEARS",
    "ORGANIC_MEDIUMS",
    "YEAR_END",
    "YEAR_MONTHS",
    "YEAR_START",
    "FirstResponseTime",
    "KpiError",
    "ZeroDenominator",
    "average_order_value",
    "cac",
    "channel_of",
    "check_dashboard",
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
    "glossary",
    "net_sentiment",
    "order_journeys",
    "purchase_frequency",
    "response_rate",
    "roas",
    "roi",
    "share_of_voice",
    "site_conversion_rate",
]
