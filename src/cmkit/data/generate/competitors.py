"""The ``competitors`` table: a weekly benchmark of Keur Thé against three invented brands."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case
from .common import negative_binomial, rng_for
from .mentions import BASELINE_NETWORKS, BASELINE_PER_DAY, BASELINE_SENTIMENT
from .posts import followers_at

# Followers (start, end) per network, weekly posts per network, engagement per reach.
BRANDS = {
    "Jàmm Tea": {
        "followers": {"facebook": (60_000, 64_000), "instagram": (35_000, 42_000),
                      "tiktok": (8_000, 15_000), "linkedin": (3_000, 3_500),
                      "x": (5_000, 5_300)},
        "posts": {"facebook": 7, "instagram": 6, "tiktok": 2, "linkedin": 1, "x": 4},
        "er": 0.022, "mentions": 120, "sentiment": (0.40, 0.45, 0.15),
    },
    "Sahel Infusions": {
        "followers": {"facebook": (15_000, 16_000), "instagram": (6_000, 8_000),
                      "tiktok": (1_000, 3_000), "linkedin": (800, 1_000), "x": (1_200, 1_300)},
        "posts": {"facebook": 3, "instagram": 3, "tiktok": 1, "linkedin": 0.5, "x": 1},
        "er": 0.035, "mentions": 40, "sentiment": (0.42, 0.46, 0.12),
    },
    "Maison Bissap": {
        "followers": {"facebook": (18_000, 19_500), "instagram": (9_000, 11_000),
                      "tiktok": (3_000, 4_000), "linkedin": (600, 700), "x": (1_500, 1_600)},
        "posts": {"facebook": 4, "instagram": 4, "tiktok": 1, "linkedin": 0.3, "x": 1},
        "er": 0.04, "mentions": 60, "sentiment": (0.45, 0.43, 0.12),
    },
}  # fmt: skip
REACH_RATE = {"facebook": 0.06, "instagram": 0.2, "tiktok": 0.4, "linkedin": 0.25, "x": 0.12}
# What changes for the brand that launches its initiative, from its launch week on.
LAUNCH = {
    "posts": {"tiktok": 6.0, "instagram": 1.5},  # multipliers
    "extra_followers": {"tiktok": 22_000, "instagram": 5_000},  # gained by the period's end
    "engagement": {"tiktok": 2.2, "instagram": 1.4},
    "mentions": 3.0,
    "sentiment": (0.62, 0.30, 0.08),
}


def _weeks() -> pd.DatetimeIndex:
    return pd.date_range(case.FIRST_WEEK, case.LAST_WEEK, freq="7D")


def _days_in_period(weeks: pd.DatetimeIndex) -> np.ndarray:
    """Days of each week inside the period (the first and last weeks are partial)."""
    start = case.PERIOD_START.tz_localize(None).normalize()
    end = case.PERIOD_END.tz_localize(None).normalize()
    first = np.maximum(weeks, start)
    last = np.minimum(weeks + pd.Timedelta(days=6), end)
    return np.asarray((last - first).days + 1)


def _keur_the(seed: int, posts: pd.DataFrame, mentions: pd.DataFrame, rng, weeks) -> pd.DataFrame:
    public = posts[posts["network"].isin(case.PUBLIC_NETWORKS)].copy()
    local = public["published_at"].dt.tz_localize(None)
    public["week"] = (local - pd.to_timedelta(local.dt.day_of_week, unit="D")).dt.normalize()
    public["engagements"] = public["likes"] + public["comments"] + public["shares"]
    weekly = public.groupby(["week", "network"]).agg(
        posts=("post_id", "size"), engagements=("engagements", "sum")
    )
    seen = mentions[mentions["network"] != "web"].copy()
    local = seen["published_at"].dt.tz_localize(None)
    seen["week"] = (local - pd.to_timedelta(local.dt.day_of_week, unit="D")).dt.normalize()
    counted = seen.groupby(["week", "network"]).agg(
        mentions=("mention_id", "size"),
        positive_mentions=("sentiment", lambda s: int((s == "positive").sum())),
        negative_mentions=("sentiment", lambda s: int((s == "negative").sum())),
    )
    covered = set(seen["week"].unique())
    days_in = _days_in_period(weeks)
    share = {k: v for k, v in BASELINE_NETWORKS.items() if k != "web"}
    total_share = sum(share.values())
    # Followers at the end of each week, from the same curves as the posts table.
    week_ends = np.minimum(
        (weeks + pd.Timedelta(days=7) - pd.Timedelta(seconds=1)).tz_localize(case.TIMEZONE),
        case.PERIOD_END,
    )
    curves = {n: followers_at(n, week_ends, seed) for n in case.PUBLIC_NETWORKS}
    rows = []
    for w, (week, days) in enumerate(zip(weeks, days_in, strict=True)):
        for network in case.PUBLIC_NETWORKS:
            followers = int(curves[network][w])
            key = (week, network)
            posted = weekly.loc[key] if key in weekly.index else None
            if week in covered:
                got = counted.loc[key] if key in counted.index else None
                counts = (0, 0, 0) if got is None else tuple(int(x) for x in got)
            else:
                # Outside the monitoring windows: the same baseline process, weekly totals.
                expected = BASELINE_PER_DAY * days * BASELINE_NETWORKS[network] / total_share
                expected *= 1 - BASELINE_NETWORKS["web"]
                total = int(rng.poisson(expected))
                split = rng.multinomial(total, BASELINE_SENTIMENT)
                counts = (total, int(split[0]), int(split[2]))
            rows.append({
                "week": week, "brand": case.BRAND, "network": network, "followers": followers,
                "posts": 0 if posted is None else int(posted["posts"]),
                "engagements": 0 if posted is None else int(posted["engagements"]),
                "mentions": counts[0], "positive_mentions": counts[1],
                "negative_mentions": counts[2],
            })  # fmt: skip
    return pd.DataFrame(rows)


def _competitor(name: str, profile: dict, rng, weeks) -> pd.DataFrame:
    days_in = _days_in_period(weeks)
    t = np.linspace(0, 1, len(weeks))
    launch = pd.Timestamp(case.INITIATIVE["week"])
    launched = (weeks >= launch) & (name == case.INITIATIVE["brand"])
    since = np.clip((weeks - launch).days / 7, 0, None)
    weeks_after = max(1.0, float(since.max()))
    rows = []
    wobble = np.cumsum(rng.normal(0, 0.003, len(weeks)))
    for network in case.PUBLIC_NETWORKS:
        start, end = profile["followers"][network]
        followers = (start + (end - start) * t) * (1 + wobble - wobble.mean())
        extra = LAUNCH["extra_followers"].get(network, 0)
        followers = followers + np.where(launched, extra * (since / weeks_after) ** 0.7, 0)
        post_rate = profile["posts"][network] * days_in / 7
        post_rate = post_rate * np.where(launched, LAUNCH["posts"].get(network, 1.0), 1.0)
        posts = rng.poisson(post_rate)
        er = profile["er"] * np.where(launched, LAUNCH["engagement"].get(network, 1.0), 1.0)
        expected = posts * followers * REACH_RATE[network] * er
        engagements = negative_binomial(rng, expected, 3.0)
        mention_rate = profile["mentions"] * days_in / 7 * BASELINE_NETWORKS[network]
        mention_rate = mention_rate * np.where(launched, LAUNCH["mentions"], 1.0)
        mentions = negative_binomial(rng, mention_rate, 8.0)
        positive = np.zeros(len(weeks), dtype=int)
        negative = np.zeros(len(weeks), dtype=int)
        for i, total in enumerate(mentions):
            mix = LAUNCH["sentiment"] if launched[i] else profile["sentiment"]
            split = rng.multinomial(total, mix)
            positive[i], negative[i] = split[0], split[2]
        rows.append(pd.DataFrame({
            "week": weeks, "brand": name, "network": network,
            "followers": np.round(followers).astype(np.int64), "posts": posts,
            "engagements": engagements, "mentions": mentions, "positive_mentions": positive,
            "negative_mentions": negative,
        }))  # fmt: skip
    return pd.concat(rows, ignore_index=True)


def generate(seed: int, posts: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    rng = rng_for(seed, "competitors")
    weeks = _weeks()
    frames = [_keur_the(seed, posts, mentions, rng, weeks)]
    frames += [_competitor(name, profile, rng, weeks) for name, profile in BRANDS.items()]
    frame = pd.concat(frames, ignore_index=True)
    order = {name: i for i, name in enumerate((case.BRAND, *case.COMPETITORS))}
    frame["_brand"] = frame["brand"].map(order)
    frame["_network"] = frame["network"].map({n: i for i, n in enumerate(case.PUBLIC_NETWORKS)})
    frame = frame.sort_values(["week", "_brand", "_network"], kind="stable")
    for column in ("followers", "posts", "engagements", "mentions", "positive_mentions",
                   "negative_mentions"):  # fmt: skip
        frame[column] = frame[column].astype(np.int64)
    return frame.drop(columns=["_brand", "_network"]).reset_index(drop=True)
