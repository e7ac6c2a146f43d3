"""Weeks as the benchmark counts them: Mondays, local time in Dakar."""

import pandas as pd
import pytest

from cmkit.data import load
from cmkit.errors import KitError
from cmkit.monitoring import week_start
from cmkit.monitoring.errors import MonitoringError


def test_each_day_maps_to_the_monday_of_its_week():
    stamps = pd.Series(pd.to_datetime(["2026-02-02 00:00", "2026-02-08 23:59", "2026-02-09 00:01"]))
    mondays = week_start(stamps.dt.tz_localize("Africa/Dakar"))
    assert mondays.tolist() == [pd.Timestamp(d) for d in ["2026-02-02", "2026-02-02", "2026-02-09"]]
    assert mondays.dt.tz is None


def test_other_time_zones_are_converted_to_dakar_first():
    late_sunday_in_dakar = pd.Series([pd.Timestamp("2026-02-09 00:30", tz="Europe/Paris")])
    assert week_start(late_sunday_in_dakar).iloc[0] == pd.Timestamp("2026-02-02")


def test_naive_dates_are_read_as_local():
    assert week_start(pd.Series(pd.to_datetime(["2026-02-04"]))).iloc[0] == pd.Timestamp(
        "2026-02-02"
    )


def test_mention_weeks_line_up_with_the_benchmark_weeks():
    weeks = set(week_start(load("mentions")["published_at"]))
    assert weeks <= set(load("competitors")["week"])


def test_text_is_refused_with_a_one_line_message():
    with pytest.raises(MonitoringError) as caught:
        week_start(pd.Series(["2026-02-04"]))
    assert isinstance(caught.value, KitError)
    assert "\n" not in str(caught.value) and "published_at" in str(caught.value)
