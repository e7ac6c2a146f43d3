"""Content planning for module 03: house rules, local events, UTM links and a calendar validator.

Build next month's editorial calendar as a table, then let the validator list its problems in
plain sentences until there are none::

    from cmkit.planning import validate_calendar, weekly_calendar, events_table, build_link

    events_table("2026-12")                      # the month's key moments and what they ask
    calendar = weekly_calendar("2026-12", slots) # a weekly template repeated over the month
    for problem in validate_calendar(calendar, "2026-12"):
        print(problem)

The rules are data: ``HOUSE_RULES`` (rhythm and codes per network, mix, hours, owners) in
``rules.py`` and the market's events and holidays in ``events.py``. The sentences a learner
reads are in ``messages.py``.
"""

from .calendar import Problem, find_problems, validate_calendar, weekly_calendar
from .errors import LinkError, PlanningError
from .events import EVENT_RULES, EVENTS, Event, events_in, events_table, month_period
from .rules import (
    CALENDAR_COLUMNS,
    HOUSE_RULES,
    NETWORK_RULES,
    OWNERS,
    SHOP_URL,
    STATUSES,
    THIRDS,
    TIMEZONE,
    HouseRules,
    NetworkRule,
    organic_campaign,
    organic_medium,
    placements_for,
    rules_table,
)
from .utm import UTM_KEYS, build_link, link_issues, parse_link

__all__ = [
    "CALENDAR_COLUMNS",
    "EVENTS",
    "EVENT_RULES",
    "HOUSE_RULES",
    "NETWORK_RULES",
    "OWNERS",
    "SHOP_URL",
    "STATUSES",
    "THIRDS",
    "TIMEZONE",
    "UTM_KEYS",
    "Event",
    "HouseRules",
    "LinkError",
    "NetworkRule",
    "PlanningError",
    "Problem",
    "build_link",
    "events_in",
    "events_table",
    "find_problems",
    "link_issues",
    "month_period",
    "organic_campaign",
    "organic_medium",
    "parse_link",
    "placements_for",
    "rules_table",
    "validate_calendar",
    "weekly_calendar",
]
