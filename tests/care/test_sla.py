"""The SLA clock: when it starts, when a reply is due, and one-line errors for bad input."""

import pandas as pd
import pytest

from cmkit.care import clock_start, is_open, sla_deadline
from cmkit.care.errors import CareError
from cmkit.errors import KitError


def local(*stamps):
    return pd.Series(pd.to_datetime(list(stamps))).dt.tz_localize("Africa/Dakar")


def test_a_message_that_arrives_while_open_starts_the_clock_at_once():
    start = clock_start(local("2026-06-03 10:15"))  # a Wednesday
    assert start.iloc[0] == pd.Timestamp("2026-06-03 10:15", tz="Africa/Dakar")


def test_a_message_after_closing_waits_for_the_next_opening():
    start = clock_start(local("2026-06-03 20:00", "2026-06-03 23:59", "2026-06-04 06:00"))
    expected = local("2026-06-04 09:00", "2026-06-04 09:00", "2026-06-04 09:00")
    assert start.tolist() == expected.tolist()


def test_saturday_night_waits_for_the_sunday_duty_and_sunday_afternoon_for_monday():
    start = clock_start(local("2026-06-06 21:30", "2026-06-07 11:00", "2026-06-07 13:00"))
    expected = local("2026-06-07 10:00", "2026-06-07 11:00", "2026-06-08 09:00")
    assert start.tolist() == expected.tolist()


def test_the_deadline_is_clock_start_plus_the_minutes_even_after_closing():
    deadline = sla_deadline(local("2026-06-03 19:30", "2026-06-07 15:00"))
    assert deadline.tolist() == local("2026-06-03 20:30", "2026-06-08 10:00").tolist()
    assert sla_deadline(local("2026-06-03 10:00"), minutes=240).iloc[0].hour == 14


def test_missing_times_stay_missing_and_the_index_is_kept():
    stamps = local("2026-06-03 10:00", None)
    stamps.index = [10, 20]
    start = clock_start(stamps)
    assert list(start.index) == [10, 20]
    assert pd.isna(start.loc[20])


def test_other_time_zones_are_read_in_dakar_time():
    paris = pd.Series([pd.Timestamp("2026-06-03 10:30", tz="Europe/Paris")])  # 08:30 in Dakar
    assert not is_open(paris).iloc[0]
    assert clock_start(paris).iloc[0] == pd.Timestamp("2026-06-03 09:00", tz="Africa/Dakar")


def test_custom_opening_hours_skip_closed_days():
    weekdays_only = {d: (9, 17) for d in range(5)}
    start = clock_start(local("2026-06-05 18:00"), hours=weekdays_only)  # Friday evening
    assert start.iloc[0] == pd.Timestamp("2026-06-08 09:00", tz="Africa/Dakar")


def test_every_inbox_message_gets_a_clock_start_not_before_its_arrival(inbox):
    start = clock_start(inbox["received_at"])
    assert start.notna().all()
    assert (start >= inbox["received_at"]).all()
    assert is_open(start).all()


@pytest.mark.parametrize(
    "call",
    [
        lambda: clock_start(pd.Series(["2026-06-03 10:00"])),
        lambda: clock_start(pd.Series(pd.to_datetime(["2026-06-03 10:00"]))),
        lambda: sla_deadline(local("2026-06-03 10:00"), minutes=0),
        lambda: sla_deadline(local("2026-06-03 10:00"), minutes="60"),
    ],
)
def test_bad_input_raises_a_one_line_kit_error_with_a_fix(call):
    with pytest.raises(CareError) as caught:
        call()
    assert isinstance(caught.value, KitError)
    message = str(caught.value)
    assert "\n" not in message and ";" in message
