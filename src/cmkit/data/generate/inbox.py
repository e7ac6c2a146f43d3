"""The ``inbox`` table: comments and private messages, their labels and first replies."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case, textgen
from ..specs import INBOX_CATEGORIES, SENTIMENTS
from .common import (
    ACTIVITY_HOUR,
    ACTIVITY_WEEKDAY,
    at_minutes,
    days,
    flip_labels,
    ids,
    rng_for,
    season_factor,
    text_rng,
)

COMMENT_ROUTED = 0.15  # share of a post's comments the inbox tool routes to the team
DMS_PER_DAY = 2.6
DM_NETWORKS = {"whatsapp": 0.45, "instagram": 0.30, "facebook": 0.19, "tiktok": 0.03,
               "linkedin": 0.015, "x": 0.015}  # fmt: skip
# Category mixes (order of specs.INBOX_CATEGORIES: question, complaint, praise, spam, troll).
MIX = {
    "comment": (0.30, 0.08, 0.35, 0.17, 0.10),
    "dm": (0.55, 0.20, 0.12, 0.12, 0.01),
    "whatsapp": (0.65, 0.20, 0.12, 0.03, 0.0),
    "crisis_comment": (0.05, 0.40, 0.05, 0.05, 0.45),
    "crisis_dm": (0.25, 0.60, 0.05, 0.02, 0.08),
}
SENTIMENT_GIVEN = {  # positive, neutral, negative
    "question": (0.10, 0.85, 0.05),
    "complaint": (0.0, 0.10, 0.90),
    "praise": (0.95, 0.05, 0.0),
    "spam": (0.20, 0.80, 0.0),
    "troll": (0.0, 0.15, 0.85),
}
LANGUAGE = {"default": (0.72, 0.18, 0.10), "tiktok": (0.60, 0.32, 0.08)}
REPLY_CHANCE = {"question": 0.93, "complaint": 0.95, "praise": 0.60, "spam": 0.08, "troll": 0.35}
REPLY_MEDIAN_MIN = {"whatsapp": 12.0, "dm": 30.0, "comment": 45.0}
LABEL_NOISE = 0.05
CRISIS_DAYS = 10  # days of extra messages after each onset


def _crisis_boost(stamps) -> tuple[np.ndarray, np.ndarray]:
    """Extra-message factor and a crisis flag for each timestamp."""
    stamps = pd.DatetimeIndex(stamps)
    boost = np.ones(len(stamps))
    flag = np.zeros(len(stamps), dtype=bool)
    for scenario in case.CRISES.values():
        hours = np.asarray((stamps - scenario["onset"]).total_seconds() / 3600)
        inside = (hours >= 0) & (hours < CRISIS_DAYS * 24)
        boost += np.where(inside, 9.0 * np.exp(-np.clip(hours, 0, None) / 36), 0)
        flag |= inside & (hours < 5 * 24)
    return boost, flag


def _next_opening(stamps: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """When the team can first look at a message: Mon-Sat 8:00-22:00, Sunday 10:00-13:00."""
    day = stamps.normalize()
    hour = np.asarray(stamps.hour + stamps.minute / 60)
    sunday = np.asarray(stamps.day_of_week == 6)
    opens = np.where(sunday, 10, 8)
    closes = np.where(sunday, 13, 22)
    tomorrow_opens = np.where(np.asarray(stamps.day_of_week == 5), 10, 8)
    start = np.where(
        (hour >= opens) & (hour < closes),
        stamps.asi8,
        np.where(
            hour < opens,
            (day + pd.to_timedelta(opens, unit="h")).asi8,
            (day + pd.Timedelta(days=1) + pd.to_timedelta(tomorrow_opens, unit="h")).asi8,
        ),
    )
    return pd.DatetimeIndex(pd.to_datetime(start, unit="us", utc=True)).tz_convert(case.TIMEZONE)


def _comments(rng, posts: pd.DataFrame) -> pd.DataFrame:
    routed = rng.binomial(posts["comments"].to_numpy(), COMMENT_ROUTED)
    index = np.repeat(np.arange(len(posts)), routed)
    chosen = posts.iloc[index]
    delay_min = np.minimum(np.exp(rng.normal(np.log(120), 1.3, len(index))), 7 * 24 * 60)
    received = pd.DatetimeIndex(chosen["published_at"]) + pd.to_timedelta(
        np.round(delay_min * 60), unit="s"
    )
    crisis_post = (
        chosen["caption"].str.contains(case.CLUB_LOSING, regex=False).to_numpy()
        & (chosen["published_at"] == case.CRISES["match_day"]["onset"]).to_numpy()
    )
    return pd.DataFrame(
        {
            "network": chosen["network"].astype(str).to_numpy(),
            "channel": "comment",
            "post_id": chosen["post_id"].to_numpy(),
            "received_at": received,
            "crisis_post": crisis_post,
        }
    )


def _dms(rng, scale: float) -> pd.DataFrame:
    day_index = days()
    weekday = np.asarray(day_index.day_of_week)
    noon = day_index + pd.Timedelta(hours=12)
    boost, _ = _crisis_boost(noon)
    rate = (
        DMS_PER_DAY
        * scale
        * ACTIVITY_WEEKDAY[weekday]
        * season_factor(day_index, lift=0.7)
        * np.linspace(0.8, 1.4, len(day_index))
        * np.sqrt(boost)
    )
    counts = rng.poisson(rate)
    n = int(counts.sum())
    hours = rng.choice(24, size=n, p=ACTIVITY_HOUR / ACTIVITY_HOUR.sum())
    received = at_minutes(np.repeat(day_index, counts), hours * 60 + rng.uniform(0, 60, n))
    networks = rng.choice(list(DM_NETWORKS), size=n, p=list(DM_NETWORKS.values()))
    return pd.DataFrame(
        {
            "network": networks,
            "channel": "dm",
            "post_id": None,
            "received_at": received,
            "crisis_post": False,
        }
    )


def generate(seed: int, posts: pd.DataFrame, scale: float = 1.0) -> pd.DataFrame:
    rng = rng_for(seed, "inbox")
    rnd = text_rng(seed, "inbox")
    frame = pd.concat([_comments(rng, posts), _dms(rng, scale)], ignore_index=True)
    frame = frame[frame["received_at"] <= case.PERIOD_END]
    frame = frame.sort_values(["received_at", "network"], kind="stable").reset_index(drop=True)
    n = len(frame)
    stamps = pd.DatetimeIndex(frame["received_at"])
    _, in_crisis = _crisis_boost(stamps)
    channel = frame["channel"].to_numpy()
    network = frame["network"].to_numpy()

    kind = np.where(
        channel == "comment", "comment", np.where(network == "whatsapp", "whatsapp", "dm")
    )
    kind = np.where(in_crisis & (channel == "comment"), "crisis_comment", kind)
    kind = np.where(in_crisis & (channel == "dm"), "crisis_dm", kind)
    kind = np.where(frame["crisis_post"].to_numpy(), "crisis_comment", kind)
    category = np.empty(n, dtype=object)
    for name, probs in MIX.items():
        mask = kind == name
        category[mask] = rng.choice(INBOX_CATEGORIES, size=int(mask.sum()), p=probs)
    sentiment = np.empty(n, dtype=object)
    for name, probs in SENTIMENT_GIVEN.items():
        mask = category == name
        sentiment[mask] = rng.choice(SENTIMENTS, size=int(mask.sum()), p=probs)
    language = np.where(
        network == "tiktok",
        rng.choice(case.LANGUAGES, size=n, p=LANGUAGE["tiktok"]),
        rng.choice(case.LANGUAGES, size=n, p=LANGUAGE["default"]),
    )
    texts = [textgen.inbox_text(rnd, category[i], language[i]) for i in range(n)]
    authors = [textgen.handle(rnd) for _ in range(n)]

    # First replies: most messages are answered; spam and trolls often are not.
    chance = np.array([REPLY_CHANCE[c] for c in category]) * np.where(in_crisis, 0.75, 1.0)
    replied = rng.random(n) < chance
    opening = _next_opening(stamps)
    median = np.where(channel == "comment", REPLY_MEDIAN_MIN["comment"],
                      np.where(network == "whatsapp", REPLY_MEDIAN_MIN["whatsapp"],
                               REPLY_MEDIAN_MIN["dm"]))  # fmt: skip
    delay = np.exp(rng.normal(np.log(median), 1.0, n)) * np.where(in_crisis, 3.0, 1.0)
    # A few messages get lost in the inbox for a day or more: the long tail of reply times.
    forgotten = rng.random(n) < 0.07
    delay = delay + np.where(forgotten, np.exp(rng.normal(np.log(24 * 60), 0.9, n)), 0)
    auto = (network == "whatsapp") & (channel == "dm") & (rng.random(n) < 0.3)
    reply = opening + pd.to_timedelta(np.round(delay * 60), unit="s")
    reply = reply.where(~auto, stamps + pd.to_timedelta(rng.integers(5, 60, n), unit="s"))
    replied &= np.asarray(reply <= case.PERIOD_END)
    handler = np.where(
        channel == "comment",
        rng.choice(["awa", "moussa"], n, p=[0.85, 0.15]),
        np.where(
            network == "whatsapp",
            rng.choice(["moussa", "fatou"], n, p=[0.7, 0.3]),
            rng.choice(["awa", "moussa"], n, p=[0.6, 0.4]),
        ),
    )
    handler = np.where(auto, "auto_reply", handler)
    handler = np.where(replied, handler, None)
    minutes = np.round((reply - stamps).total_seconds() / 60).to_numpy()
    reply_minutes = pd.array(np.where(replied, minutes, 0), dtype="Int64")
    reply_minutes[~replied] = pd.NA
    first_reply = pd.Series(reply).where(replied)

    return pd.DataFrame(
        {
            "message_id": ids("M", n, width=6),
            "network": network,
            "channel": channel,
            "post_id": frame["post_id"].to_numpy(),
            "author": authors,
            "received_at": stamps,
            "first_reply_at": first_reply.reset_index(drop=True),
            "reply_minutes": reply_minutes,
            "handled_by": handler,
            # Label noise: a reproducible 5% of labels replaced (said in the card).
            "category": flip_labels(rng, category, INBOX_CATEGORIES, LABEL_NOISE),
            "sentiment": flip_labels(rng, sentiment, SENTIMENTS, LABEL_NOISE),
            "language": language,
            "text": texts,
        }
    )
