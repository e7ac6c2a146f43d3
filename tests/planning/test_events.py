"""The market's events are data: complete, dated, in step with the case, and found by month."""

from __future__ import annotations

import datetime as dt

import pytest

from cmkit.data import case
from cmkit.planning import EVENT_RULES, EVENTS, PlanningError, events_in, events_table, messages


def test_every_event_has_a_rule_a_name_and_advice():
    for event in EVENTS:
        assert event.id in EVENT_RULES
        assert event.name and event.advice
    assert set(EVENT_RULES) == set(messages.EVENT_NAMES) == set(messages.EVENT_ADVICE)
    assert set(EVENT_RULES) == {event.id for event in EVENTS}


def test_events_are_in_date_order_and_periods_end_after_they_start():
    starts = [event.start for event in EVENTS]
    assert starts == sorted(starts)
    assert all(event.last >= event.start for event in EVENTS)


@pytest.mark.parametrize(
    ("event_id", "month_day"),
    [("independence_day", (4, 4)), ("christmas", (12, 25)), ("new_year", (1, 1))],
)
def test_fixed_holidays_fall_on_their_day_every_year(event_id, month_day):
    days = [event.start for event in EVENTS if event.id == event_id]
    assert len(days) == 3
    assert all((day.month, day.day) == month_day for day in days)


def test_korite_is_the_day_after_ramadan_and_laylat_al_qadr_falls_within_it():
    for year in (2025, 2026, 2027):
        [ramadan] = [e for e in EVENTS if e.id == "ramadan" and e.start.year == year]
        [korite] = [e for e in EVENTS if e.id == "korite" and e.start.year == year]
        [night] = [e for e in EVENTS if e.id == "laylat_al_qadr" and e.start.year == year]
        assert korite.start == ramadan.last + dt.timedelta(days=1)
        assert ramadan.start < night.start < ramadan.last
        assert korite.approximate and ramadan.approximate


def test_the_dates_agree_with_the_case_events_of_the_data():
    ids = {"Korité": "korite", "Tabaski": "tabaski", "Magal de Touba": "magal", "Noël": "christmas"}
    for label, day in case.EVENTS.items():
        name = label.rsplit(" ", 1)[0]
        if name in ids and day.year >= 2025:
            assert any(e.id == ids[name] and e.start == day for e in EVENTS), label
        if name == "Ramadan" and day.year >= 2025:
            assert any(e.id == "ramadan" and e.start == day for e in EVENTS), label


def test_solemn_days_forbid_promotion_and_the_eids_expect_wishes():
    for event_id in ("magal", "maouloud", "laylat_al_qadr", "korite", "tabaski"):
        assert EVENT_RULES[event_id].no_promotion
    for event_id in ("korite", "tabaski", "christmas", "lions_match", "independence_day"):
        assert EVENT_RULES[event_id].presence is not None


def test_matches_placed_for_the_course_say_so():
    matches = [e for e in EVENTS if e.id == "lions_match"]
    assert matches and all(e.illustrative for e in matches)


def test_events_in_a_month_include_periods_that_overlap_it():
    names = [event.id for event in events_in("2027-03")]
    assert names == [
        "ramadan",
        "laylat_al_qadr",
        "womens_day",
        "korite",
        "lions_match",
        "easter_monday",
    ]
    assert [event.id for event in events_in("2026-12")] == ["christmas", "new_years_eve"]


def test_events_table_says_what_each_event_asks():
    table = events_table("2027-03")
    korite = table[table["event"].str.startswith("Korité")].iloc[0]
    assert korite["no promotion"] and korite["presence expected"] and korite["date to confirm"]
    assert list(table["date"]) == sorted(table["date"])


@pytest.mark.parametrize("month", ["2024-06", "2028-01", "next month"])
def test_a_month_without_events_data_is_refused_in_one_line(month):
    with pytest.raises(PlanningError) as error:
        events_in(month)
    assert "\n" not in str(error.value) and "; " in str(error.value)
