"""Channels read from UTM tags, and each order's journey of sessions (first and last touch)."""

import pandas as pd
import pytest

from cmkit import kpi
from cmkit.data import load
from cmkit.kpi import KpiError


def sessions_frame(rows):
    columns = ["session_id", "customer_id", "started_at", "utm_source", "utm_medium",
               "utm_campaign", "utm_content", "referrer"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["started_at"] = pd.to_datetime(frame["started_at"]).dt.tz_localize("Africa/Dakar")
    return frame


def orders_frame(rows):
    frame = pd.DataFrame(
        rows, columns=["order_id", "session_id", "customer_id", "ordered_at", "amount_xof"]
    )
    frame["ordered_at"] = pd.to_datetime(frame["ordered_at"]).dt.tz_localize("Africa/Dakar")
    return frame


TAG = ("instagram", "social", "always_on", "post_link", None)
PAID = ("facebook", "paid_social", "tabaski_2026", "video", None)
DIRECT = (None, None, None, None, None)
SEARCH = (None, None, None, None, "google.com")
REFERRAL = (None, None, None, None, "l.instagram.com")


def test_channels_come_from_the_medium_or_else_the_referrer():
    frame = sessions_frame(
        [
            ("S1", None, "2026-01-01 10:00", *TAG),
            ("S2", None, "2026-01-01 10:00", *PAID),
            ("S3", None, "2026-01-01 10:00", *DIRECT),
            ("S4", None, "2026-01-01 10:00", *SEARCH),
            ("S5", None, "2026-01-01 10:00", *REFERRAL),
        ]
    )
    channels = kpi.channel_of(frame)
    assert list(channels) == ["social", "paid_social", "direct", "search", "referral"]
    assert list(channels.cat.categories) == list(kpi.CHANNELS)


def test_a_journey_runs_from_the_session_after_the_previous_order_to_the_order_session():
    sessions = sessions_frame(
        [
            ("S1", "C1", "2026-01-01 10:00", *PAID),  # before the first order
            ("S2", "C1", "2026-01-02 10:00", *DIRECT),  # first order placed here
            ("S3", "C1", "2026-02-01 10:00", *TAG),  # after it: starts the second journey
            ("S4", None, "2026-02-02 10:00", *PAID),  # another device: not stitched
            ("S5", "C2", "2026-02-02 11:00", *SEARCH),  # another customer
            ("S6", "C1", "2026-02-03 10:00", *SEARCH),  # second order placed here
            ("S7", "C1", "2026-03-01 10:00", *TAG),  # after the last order: no journey
        ]
    )
    orders = orders_frame(
        [
            ("O1", "S2", "C1", "2026-01-02 10:10", 10_000),
            ("O2", "S6", "C1", "2026-02-03 10:20", 20_000),
        ]
    )
    journeys = kpi.order_journeys(sessions, orders)
    by_order = journeys.groupby("order_id")["session_id"].apply(list).to_dict()
    assert by_order == {"O1": ["S1", "S2"], "O2": ["S3", "S6"]}
    assert journeys["touch"].tolist() == [1, 2, 1, 2]
    assert journeys["touches"].tolist() == [2, 2, 2, 2]
    first = journeys[journeys["touch"] == 1].set_index("order_id")["channel"]
    last = journeys[journeys["touch"] == journeys["touches"]].set_index("order_id")["channel"]
    assert first.to_dict() == {"O1": "paid_social", "O2": "social"}
    assert last.to_dict() == {"O1": "direct", "O2": "search"}
    assert journeys.groupby("order_id")["amount_xof"].first().to_dict() == {
        "O1": 10_000,
        "O2": 20_000,
    }


def test_an_order_placed_in_its_first_session_has_a_journey_of_one():
    sessions = sessions_frame([("S1", "C1", "2026-01-01 10:00", *TAG)])
    orders = orders_frame([("O1", "S1", "C1", "2026-01-01 10:05", 5_000)])
    journeys = kpi.order_journeys(sessions, orders)
    assert journeys[["touch", "touches"]].values.tolist() == [[1, 1]]


def test_on_the_course_data_every_order_has_a_journey_ending_in_its_own_session():
    sessions, orders = load("web_sessions"), load("orders")
    journeys = kpi.order_journeys(sessions, orders)
    assert journeys["order_id"].nunique() == len(orders)
    last = journeys[journeys["touch"] == journeys["touches"]].set_index("order_id")["session_id"]
    assert (
        last.sort_index().tolist()
        == orders.set_index("order_id")["session_id"].sort_index().tolist()
    )
    assert (journeys.groupby("order_id")["touch"].min() == 1).all()
    assert not journeys["channel"].isna().any()


def test_first_and_last_touch_disagree_on_the_course_data():
    journeys = kpi.order_journeys(load("web_sessions"), load("orders"))
    first = journeys[journeys["touch"] == 1].groupby("channel")["amount_xof"].sum()
    last = journeys[journeys["touch"] == journeys["touches"]].groupby("channel")["amount_xof"].sum()
    assert first.sum() == last.sum() == load("orders")["amount_xof"].sum()
    assert first["paid_social"] > last["paid_social"] and first["direct"] < last["direct"]


def test_a_table_without_the_needed_columns_is_refused_with_their_names():
    with pytest.raises(KpiError, match="'referrer'"):
        kpi.channel_of(pd.DataFrame({"utm_medium": ["social"]}))
    with pytest.raises(KpiError, match="orders"):
        kpi.order_journeys(load("web_sessions"), pd.DataFrame({"order_id": ["O1"]}))
