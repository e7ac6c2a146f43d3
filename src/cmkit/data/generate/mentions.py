"""The ``mentions`` table: what the public says about Keur Thé around the two crises.

Baseline chatter is a Poisson process with daily and weekly rhythms. Each crisis is a
self-exciting (Hawkes-like) cascade simulated by generations: waves of "immigrant" mentions
(the incident, the brand's statements, media coverage) each trigger children, more when the
author has a large audience, so that volume explodes and net sentiment collapses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case, textgen
from ..specs import SENTIMENTS
from .common import ACTIVITY_HOUR, ACTIVITY_WEEKDAY, flip_labels, ids, rng_for, text_rng

BASELINE_PER_DAY = 15.0
BASELINE_SENTIMENT = (0.50, 0.38, 0.12)  # positive, neutral, negative
BASELINE_NETWORKS = {"instagram": 0.30, "facebook": 0.28, "x": 0.15, "tiktok": 0.17,
                     "linkedin": 0.04, "web": 0.06}  # fmt: skip
CRISIS_NETWORKS = {"x": 0.30, "facebook": 0.30, "tiktok": 0.20, "instagram": 0.17,
                   "linkedin": 0.01, "web": 0.02}  # fmt: skip
# Waves of exogenous mentions: (hours after onset, expected count, decay hours, sentiment mix).
WAVES = {
    "match_day": (
        (0.2, 420, 8.0, (0.06, 0.20, 0.74)),  # the post is screenshotted and shared
        (17.5, 120, 10.0, (0.22, 0.33, 0.45)),  # the apology
        (40.0, 60, 20.0, (0.10, 0.45, 0.45)),  # media coverage
    ),
    "foreign_object": (
        (0.3, 380, 9.0, (0.04, 0.26, 0.70)),  # the customer's video goes round
        (7.5, 110, 12.0, (0.18, 0.42, 0.40)),  # first statement, lot withdrawn
        (54.0, 90, 16.0, (0.35, 0.40, 0.25)),  # investigation results, open workshop
    ),
}
BRANCHING = 0.62  # mean children per mention for an author of ~500 followers
INHERIT = 0.7  # children mostly share their parent's tone
LANGUAGE = {"match_day": (0.62, 0.30, 0.08), "foreign_object": (0.70, 0.18, 0.12),
            "baseline": (0.74, 0.16, 0.10)}  # fmt: skip
RESHARE = 0.2
LABEL_NOISE = 0.05


def _baseline(rng, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    hours = pd.date_range(start, end, freq="h")
    rate = (
        BASELINE_PER_DAY
        / 24
        * ACTIVITY_HOUR[hours.hour]
        / ACTIVITY_HOUR.mean()
        * ACTIVITY_WEEKDAY[hours.day_of_week]
        / ACTIVITY_WEEKDAY.mean()
    )
    counts = rng.poisson(rate)
    n = int(counts.sum())
    stamps = np.repeat(hours, counts) + pd.to_timedelta(rng.integers(0, 3600, n), unit="s")
    return pd.DataFrame(
        {
            "published_at": stamps,
            "true_sentiment": rng.choice(SENTIMENTS, size=n, p=BASELINE_SENTIMENT),
            "crisis": False,
            "parent": -1,
        }
    )


def _cascade(rng, scenario: str) -> pd.DataFrame:
    """Crisis mentions: waves of immigrants and the children they trigger."""
    times, sentiment, parent, followers = [], [], [], []
    for offset, expected, decay, mix in WAVES[scenario]:
        count = rng.poisson(expected)
        times.append(offset + rng.exponential(decay, count))
        sentiment.append(rng.choice(SENTIMENTS, size=count, p=mix))
        parent.append(np.full(count, -1))
    times = np.concatenate(times)
    sentiment = np.concatenate(sentiment)
    parent = np.concatenate(parent)
    followers = np.round(np.exp(rng.normal(np.log(450), 1.6, len(times)))).astype(np.int64)
    media = rng.random(len(times)) < 0.03
    followers = np.where(media, np.round(np.exp(rng.normal(np.log(60_000), 0.8, len(times)))),
                         followers).astype(np.int64)  # fmt: skip
    generation = np.arange(len(times))
    all_times, all_sent, all_parent, all_followers, all_media = (
        [times],
        [sentiment],
        [parent],
        [followers],
        [media],
    )
    base = 0
    current = generation
    for _ in range(15):
        mean = BRANCHING * (followers / 500.0) ** 0.2 * np.where(media, 2.5, 1.0)
        kids = rng.poisson(np.minimum(mean, 4.0))
        if kids.sum() == 0:
            break
        source = np.repeat(current, kids)
        local = np.repeat(np.arange(len(current)), kids)
        delay = np.where(rng.random(len(source)) < 0.8, rng.exponential(1.5, len(source)),
                         rng.exponential(10.0, len(source)))  # fmt: skip
        child_times = times[local] + delay
        # Fewer people post in the middle of the night: thin the children then.
        hour = ((case.CRISES[scenario]["onset"].hour + child_times) % 24).astype(int)
        keep = rng.random(len(source)) < np.sqrt(ACTIVITY_HOUR[hour] / ACTIVITY_HOUR.max())
        source, local, child_times = source[keep], local[keep], child_times[keep]
        n = len(source)
        inherit = rng.random(n) < INHERIT
        child_sent = np.where(inherit, sentiment[local],
                              rng.choice(SENTIMENTS, size=n, p=WAVES[scenario][0][3]))  # fmt: skip
        child_followers = np.round(np.exp(rng.normal(np.log(450), 1.6, n))).astype(np.int64)
        child_media = rng.random(n) < 0.01
        base += len(current)
        current = base + np.arange(n)
        times, sentiment, followers, media = child_times, child_sent, child_followers, child_media
        all_times.append(times)
        all_sent.append(sentiment)
        all_parent.append(source)
        all_followers.append(followers)
        all_media.append(media)
    hours = np.concatenate(all_times)
    return pd.DataFrame(
        {
            "published_at": case.CRISES[scenario]["onset"]
            + pd.to_timedelta(np.round(hours * 3600), unit="s"),
            "true_sentiment": np.concatenate(all_sent),
            "crisis": True,
            "parent": np.concatenate(all_parent),
            "author_followers": np.concatenate(all_followers),
            "is_media": np.concatenate(all_media),
        }
    )


def _scenario(rng, rnd, scenario: str) -> pd.DataFrame:
    window = case.CRISES[scenario]
    baseline = _baseline(rng, window["window_start"], window["window_end"])
    n = len(baseline)
    baseline["author_followers"] = np.round(np.exp(rng.normal(np.log(450), 1.6, n))).astype(
        np.int64
    )
    baseline["is_media"] = rng.random(n) < 0.015
    media_followers = np.round(np.exp(rng.normal(np.log(60_000), 0.8, n))).astype(np.int64)
    baseline.loc[baseline["is_media"], "author_followers"] = media_followers[baseline["is_media"]]
    cascade = _cascade(rng, scenario)
    cascade["parent"] = np.where(cascade["parent"] >= 0, cascade["parent"] + n, -1)
    frame = pd.concat([baseline, cascade], ignore_index=True)
    m = len(frame)
    crisis = frame["crisis"].to_numpy()
    media = frame["is_media"].to_numpy()
    nets = BASELINE_NETWORKS
    network = np.where(
        crisis,
        rng.choice(list(CRISIS_NETWORKS), size=m, p=list(CRISIS_NETWORKS.values())),
        rng.choice(list(nets), size=m, p=list(nets.values())),
    )
    network = np.where(media & (rng.random(m) < 0.7), "web", network)
    # "web" is for news sites and blogs: a non-media author there is a blogger.
    language = np.where(
        crisis,
        rng.choice(case.LANGUAGES, size=m, p=LANGUAGE[scenario]),
        rng.choice(case.LANGUAGES, size=m, p=LANGUAGE["baseline"]),
    )
    language = np.where(media, "fr", language)
    sentiment = frame["true_sentiment"].to_numpy()
    parent = frame["parent"].to_numpy()
    reshare = (parent >= 0) & ~media & (rng.random(m) < RESHARE)
    authors = np.empty(m, dtype=object)
    texts = np.empty(m, dtype=object)
    for i in range(m):  # parents always come before their children
        if media[i]:
            authors[i] = rnd.choice(textgen.MEDIA_OUTLETS)
        else:
            authors[i] = textgen.handle(rnd)
        if reshare[i]:
            texts[i] = texts[parent[i]]
            if network[i] == "x":
                texts[i] = f"RT @{authors[parent[i]]}: {texts[parent[i]]}"
            language[i] = language[parent[i]]
            sentiment[i] = sentiment[parent[i]]
        else:
            texts[i] = textgen.mention_text(
                rnd, scenario if crisis[i] else None, sentiment[i], language[i], bool(media[i])
            )
    centre = {"positive": 0.55, "neutral": 0.0, "negative": -0.6}
    score = np.array([centre[s] for s in sentiment]) + rng.normal(0, 0.18, m)
    score = np.clip(score, -1, 1).round(3)
    followers = frame["author_followers"].to_numpy()
    reach = np.maximum(1, np.round(followers * np.exp(rng.normal(np.log(0.2), 0.7, m))))
    reach = np.minimum(reach, followers * 3).astype(np.int64)
    return pd.DataFrame(
        {
            "scenario": scenario,
            "published_at": frame["published_at"].to_numpy(),
            "network": network,
            "author": authors,
            "text": texts,
            "language": language,
            "true_sentiment": sentiment,
            "sentiment_score": score,
            "author_followers": followers,
            "reach": reach,
            "is_media": media,
            "is_influencer": (followers >= 10_000) & ~media,
            "is_reshare": reshare,
        }
    )[
        lambda f: (
            (f["published_at"] >= window["window_start"])
            & (f["published_at"] <= window["window_end"])
        )
    ]


def generate(seed: int) -> pd.DataFrame:
    rng = rng_for(seed, "mentions")
    rnd = text_rng(seed, "mentions")
    frame = pd.concat([_scenario(rng, rnd, s) for s in case.SCENARIOS], ignore_index=True)
    frame["published_at"] = pd.DatetimeIndex(frame["published_at"]).tz_convert(case.TIMEZONE)
    frame = frame.sort_values(["published_at", "author"], kind="stable").reset_index(drop=True)
    # Label noise: the tool's label is wrong for a reproducible 5% of mentions.
    frame["sentiment"] = flip_labels(
        rng, frame["true_sentiment"].to_numpy(), SENTIMENTS, LABEL_NOISE
    )
    frame.insert(0, "mention_id", ids("MN", len(frame)))
    columns = [
        "mention_id", "scenario", "published_at", "network", "author", "text", "language",
        "sentiment", "sentiment_score", "author_followers", "reach", "is_media",
        "is_influencer", "is_reshare",
    ]  # fmt: skip
    return frame[columns]
