"""Weeks as the benchmark counts them: Monday to Sunday, local time in Dakar.

The ``competitors`` table labels each week by its Monday (a date without time zone). Mentions,
messages and posts carry timestamps in Africa/Dakar; ``week_start`` turns them into the same
Monday labels, so that a weekly count of mentions lines up with the benchmark's rows.
"""

from __future__ import annotations

import pandas as pd

from .errors import MonitoringError
from .messages import say

TIMEZONE = "Africa/Dakar"


def week_start(stamps) -> pd.Series:
    """The Monday (00:00, no time zone) of the local week of each timestamp."""
    series = stamps if isinstance(stamps, pd.Series) else pd.Series(stamps)
    if not pd.api.types.is_datetime64_any_dtype(series):
        raise MonitoringError(
            say("not_timestamps", name="week_start", what=f"values of type {series.dtype}")
        )
    if series.dt.tz is not None:
        series = series.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    day = series.dt.normalize()
    return day - pd.to_timedelta(day.dt.day_of_week, unit="D")
