"""When the customer-care clock starts, and when a reply is due (the course's SLA rule).

Keur Thé's team reads the inbox during opening hours, local time in Dakar: Monday to Saturday
9:00-20:00 and a Sunday duty 10:00-13:00 (the hours the ``inbox`` data were generated with).
The course's service-level agreement (SLA) for complaints is:

    A complaint gets a first reply **from a person** within 60 minutes of the moment the clock
    starts. The clock starts when the complaint arrives if the team is open then, otherwise at
    the next opening. The deadline is that start plus 60 minutes, even when it falls after
    closing time (whoever is on duty finishes the replies). A complaint never answered, or whose
    only recorded reply is the automatic WhatsApp message, is a breach.

``clock_start`` and ``sla_deadline`` compute the first two steps for a whole column at once.
"""

from __future__ import annotations

import numbers

import pandas as pd

from .errors import CareError
from .messages import say

TIMEZONE = "Africa/Dakar"
# Day of the week (Monday = 0) -> (opening hour, closing hour), local time.
OPENING_HOURS: dict[int, tuple[int, int]] = {
    0: (9, 20),
    1: (9, 20),
    2: (9, 20),
    3: (9, 20),
    4: (9, 20),
    5: (9, 20),
    6: (10, 13),
}
SLA_MINUTES = 60
AUTO_REPLY = "auto_reply"


def _as_local(stamps, name: str) -> pd.Series:
    series = stamps if isinstance(stamps, pd.Series) else pd.Series(stamps)
    if not pd.api.types.is_datetime64_any_dtype(series):
        raise CareError(say("not_timestamps", name=name, what=f"values of type {series.dtype}"))
    if series.dt.tz is None:
        raise CareError(say("no_timezone", name=name))
    return series.dt.tz_convert(TIMEZONE)


def is_open(stamps, hours: dict[int, tuple[int, int]] | None = None) -> pd.Series:
    """True for each timestamp that falls inside opening hours (local time in Dakar)."""
    hours = OPENING_HOURS if hours is None else hours
    local = _as_local(stamps, "is_open")
    clock = local.dt.hour + local.dt.minute / 60 + local.dt.second / 3600
    opens = local.dt.day_of_week.map(lambda d: hours.get(d, (0, 0))[0])
    closes = local.dt.day_of_week.map(lambda d: hours.get(d, (0, 0))[1])
    return (clock >= opens) & (clock < closes)


def clock_start(stamps, hours: dict[int, tuple[int, int]] | None = None) -> pd.Series:
    """When the SLA clock starts for each message: its arrival if the team is open, else the
    next opening (same index as ``stamps``; missing timestamps stay missing)."""
    hours = OPENING_HOURS if hours is None else hours
    local = _as_local(stamps, "clock_start")
    start = local.where(is_open(local, hours))
    waiting = start.isna() & local.notna()
    midnight = local.dt.normalize()
    for ahead in range(8):  # at most a week until a day with opening hours
        day = midnight + pd.Timedelta(days=ahead)
        opens = day.dt.day_of_week.map(lambda d: hours.get(d, (None, None))[0])
        opening = day + pd.to_timedelta(opens.astype("float"), unit="h")
        usable = waiting & opens.notna() & (opening > local)
        start = start.mask(usable, opening)
        waiting &= ~usable
        if not waiting.any():
            break
    return start


def sla_deadline(stamps, minutes: float = SLA_MINUTES, hours=None) -> pd.Series:
    """The time by which a person must have replied: clock start + ``minutes``."""
    if isinstance(minutes, bool) or not isinstance(minutes, numbers.Real) or minutes <= 0:
        raise CareError(say("bad_minutes", name="sla_deadline", value=minutes))
    return clock_start(stamps, hours) + pd.Timedelta(minutes=float(minutes))
