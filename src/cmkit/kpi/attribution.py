"""Which channel brought an order: UTM channels and each order's journey of sessions.

A **channel** is read from a session's UTM tags, or from its referrer when it has none:

- tagged sessions take their ``utm_medium``: ``paid_social``, ``social`` (organic posts),
  ``influencer``, ``email``, ``messaging`` (WhatsApp);
- untagged sessions are ``search`` (a search engine referred them), ``referral`` (another site
  referred them, untagged social links and AI assistants included) or ``direct`` (no tag, no
  referrer: typed address, bookmark, an app that hides its links).

A **journey** is the customer's sessions before an order: every session stitched to the
customer (``customer_id``) that started after their previous order and up to the session in
which they ordered, numbered ``touch = 1 .. touches``. First-touch attribution credits the
order to ``touch == 1``, last-touch to ``touch == touches`` (the order's own session). There is
no look-back limit beyond the previous order; analytics tools often cut at 30 or 90 days.

Neither rule is causal: both only say which tagged link a buyer used, not whether the post,
ad or message made them buy.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import KpiError
from .messages import ERRORS

TAGGED_CHANNELS = ("paid_social", "social", "influencer", "email", "messaging")
UNTAGGED_CHANNELS = ("search", "referral", "direct")
CHANNELS = TAGGED_CHANNELS + UNTAGGED_CHANNELS
SEARCH_ENGINES = ("google.com", "bing.com")

SESSION_COLUMNS = (
    "session_id",
    "customer_id",
    "started_at",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "referrer",
)
ORDER_COLUMNS = ("order_id", "session_id", "customer_id", "ordered_at", "amount_xof")


def _require(frame: pd.DataFrame, columns, what: str, table: str) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise KpiError(
            ERRORS["missing_columns"].format(
                what=what, columns=", ".join(map(repr, missing)), table=table
            )
        )


def channel_of(sessions: pd.DataFrame) -> pd.Series:
    """The channel of each session (see the module's docstring), as a categorical column
    with the same index as ``sessions``."""
    _require(sessions, ("utm_medium", "referrer"), "channel_of", "web_sessions")
    medium = sessions["utm_medium"].astype("object")
    referrer = sessions["referrer"].astype("object")
    untagged = np.where(
        referrer.isin(SEARCH_ENGINES), "search", np.where(referrer.notna(), "referral", "direct")
    )
    labels = np.where(medium.notna(), medium.astype(str), untagged)
    return pd.Series(
        pd.Categorical(labels, categories=CHANNELS), index=sessions.index, name="channel"
    )


def order_journeys(sessions: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """One row per (order, session of its journey), oldest session first.

    Columns: ``order_id``, ``customer_id``, ``ordered_at``, ``amount_xof``, ``touch`` (1 for
    the first session), ``touches`` (sessions in the journey), ``session_id``, ``started_at``,
    ``channel`` and the session's UTM tags and referrer. The last touch is always the session
    the order was placed in.
    """
    _require(sessions, SESSION_COLUMNS, "order_journeys", "web_sessions")
    _require(orders, ORDER_COLUMNS, "order_journeys", "orders")
    sessions = sessions.assign(channel=channel_of(sessions))
    keep = [*SESSION_COLUMNS, "channel"]
    placed = orders[list(ORDER_COLUMNS)].sort_values(["ordered_at", "order_id"], kind="stable")
    placed = placed.assign(
        previous_order_at=placed.groupby("customer_id", sort=False)["ordered_at"].shift()
    )
    own = sessions[["session_id", "started_at"]].rename(
        columns={"session_id": "order_session", "started_at": "order_session_at"}
    )
    placed = placed.rename(columns={"session_id": "order_session"}).merge(
        own, on="order_session", how="left"
    )
    known = sessions.loc[sessions["customer_id"].notna(), keep]
    candidates = placed.merge(known, on="customer_id", how="inner")
    earlier = (candidates["started_at"] < candidates["order_session_at"]) & (
        candidates["previous_order_at"].isna()
        | (candidates["started_at"] > candidates["previous_order_at"])
    )
    before = candidates[earlier & (candidates["session_id"] != candidates["order_session"])]
    last = placed.merge(
        sessions[keep].drop(columns="customer_id"),
        left_on="order_session",
        right_on="session_id",
        how="inner",
    )
    journeys = pd.concat([before, last], ignore_index=True)
    journeys = journeys.sort_values(["order_id", "started_at", "session_id"], kind="stable")
    journeys["touch"] = journeys.groupby("order_id", sort=False).cumcount() + 1
    journeys["touches"] = journeys.groupby("order_id", sort=False)["touch"].transform("max")
    columns = [
        "order_id",
        "customer_id",
        "ordered_at",
        "amount_xof",
        "touch",
        "touches",
        "session_id",
        "started_at",
        "channel",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_content",
        "referrer",
    ]
    journeys = journeys[columns].reset_index(drop=True)
    journeys["channel"] = pd.Categorical(journeys["channel"], categories=CHANNELS)
    return journeys
