"""The ``posts`` table: what Keur Thé published, when, and how each post performed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case, textgen
from ..specs import FORMATS, PILLARS, VIDEO_FORMATS
from .common import (
    ACTIVITY_HOUR,
    ACTIVITY_WEEKDAY,
    POSTING_WEEKDAY,
    at_minutes,
    days,
    fraction_of_period,
    ids,
    negative_binomial,
    rng_for,
    season_factor,
    text_rng,
    weekday_index,
)

# Posts per week a small brand's CM would plan, and the format mix of each network.
WEEKLY_POSTS = {
    "instagram": 6.0,  # about 4-5 feed posts and 1-2 stories kept as highlights
    "facebook": 5.0,
    "tiktok": 3.0,  # rises to 5 (see TIKTOK_GROWTH)
    "linkedin": 1.6,
    "x": 3.5,
    "whatsapp": 1.5,
}
TIKTOK_GROWTH = 5.0 / 3.0
FORMAT_MIX = {
    "instagram": {"photo": 0.28, "carousel": 0.21, "reel": 0.23, "story": 0.26, "live": 0.02},
    "facebook": {"photo": 0.36, "video": 0.14, "reel": 0.12, "link": 0.18, "text": 0.08,
                 "carousel": 0.08, "live": 0.04},
    "tiktok": {"reel": 0.97, "live": 0.03},
    "linkedin": {"photo": 0.35, "text": 0.25, "link": 0.25, "video": 0.08, "carousel": 0.07},
    "x": {"text": 0.45, "photo": 0.30, "link": 0.18, "video": 0.07},
    "whatsapp": {"photo": 0.45, "text": 0.25, "link": 0.20, "video": 0.10},
}  # fmt: skip
PILLAR_MIX = np.array([0.22, 0.18, 0.18, 0.12, 0.14, 0.16])  # order of specs.PILLARS
LANGUAGE_MIX = {
    "tiktok": (0.68, 0.22, 0.10),
    "linkedin": (0.80, 0.0, 0.20),
    "default": (0.80, 0.10, 0.10),
}  # fr, wo, en
LINE_MIX = np.array([0.30, 0.25, 0.15, 0.20, 0.10])  # order of case.PRODUCT_LINES

# When the CM publishes, by hour of day (local time).
_GENERIC_HOURS = [0.05, 0.02, 0.0, 0.0, 0.0, 0.02, 0.2, 1.0, 3.0, 3.0, 2.0, 2.0,
                  4.0, 4.0, 1.5, 1.0, 1.0, 2.0, 4.0, 5.0, 5.0, 3.0, 1.0, 0.3]  # fmt: skip
POSTING_HOURS = {
    "linkedin": [0, 0, 0, 0, 0, 0, 0.1, 1.5, 5, 5, 3, 1.5,
                 4, 3, 1, 1, 1, 2, 2, 0.8, 0.3, 0.1, 0, 0],
    "tiktok": [0.2, 0.1, 0, 0, 0, 0, 0, 0.3, 0.5, 0.5, 0.5, 1,
               2, 2, 1, 1, 1, 2, 3, 5, 6, 6, 3, 1],
    "whatsapp": [0, 0, 0, 0, 0, 0, 0.2, 2, 4, 3, 1, 1,
                 3, 2, 0.5, 0.5, 0.5, 1, 3, 4, 3, 1, 0.2, 0],
}  # fmt: skip

# Followers at the start and end of the period (growth is not linear everywhere).
FOLLOWERS = {
    "instagram": (12_000, 20_000, 1.15),  # start, end, curvature
    "facebook": (25_000, 29_000, 1.0),
    "tiktok": (2_000, 20_000, None),  # logistic take-off
    "linkedin": (1_500, 2_400, 1.0),
    "x": (3_000, 3_500, 0.9),
    "whatsapp": (2_000, 4_500, 1.0),
}
# Share of followers lost in each crisis, per network.
CRISIS_UNFOLLOW = {
    "match_day": {"facebook": 0.035, "instagram": 0.02, "x": 0.045, "tiktok": 0.01},
    "foreign_object": {"facebook": 0.015, "instagram": 0.015, "whatsapp": 0.02, "x": 0.01},
}

# Median organic reach as a share of followers, by network and format.
REACH_RATE = {"facebook": 0.06, "instagram": 0.20, "tiktok": 0.35, "linkedin": 0.30,
              "x": 0.17, "whatsapp": 0.32}  # fmt: skip
REACH_FORMAT = {"photo": 1.0, "carousel": 1.15, "video": 1.6, "reel": 1.9, "story": 0.45,
                "link": 2.0, "text": 0.75, "live": 1.2}  # fmt: skip
REACH_NOISE = {"tiktok": 0.75, "default": 0.62}  # std of log reach around its median
# Median engagement rate (likes + comments + shares) / reach.
ER_NETWORK = {"facebook": 0.05, "instagram": 0.065, "tiktok": 0.055, "linkedin": 0.035,
              "x": 0.035, "whatsapp": 0.045}  # fmt: skip
ER_FORMAT = {"photo": 1.0, "carousel": 1.15, "video": 0.55, "reel": 0.72, "story": 0.35,
             "link": 0.38, "text": 0.8, "live": 0.9}  # fmt: skip
ER_PILLAR = {"product": 0.9, "education": 1.0, "community": 1.3, "behind_the_scenes": 1.1,
             "promotion": 0.8, "events_culture": 1.2}  # fmt: skip
ER_REACH_SLOPE = 0.40  # engagement rate falls as reach grows beyond the usual
ER_NOISE = 0.85
# Shares and comments as shares of interactions, by network.
SHARE_RATE = {"facebook": 0.12, "instagram": 0.09, "tiktok": 0.15, "linkedin": 0.08,
              "x": 0.20, "whatsapp": 0.12}  # fmt: skip
COMMENT_RATE = {"facebook": 0.036, "instagram": 0.032, "tiktok": 0.026, "linkedin": 0.13,
                "x": 0.11, "whatsapp": 0.0}  # fmt: skip
COMMENT_DISPERSION = 2.5
BOOST_CPM_XOF = 750  # cost of 1,000 paid impressions for a Dakar audience
CONTEST_SHARE = 0.05  # of Instagram and Facebook community / events posts

SCRIPTED = (
    # The match-day sponsorship post that started the first crisis, then the apology.
    (
        "match_day",
        case.CRISES["match_day"]["onset"],
        ("facebook", "instagram", "x"),
        "photo",
        "events_culture",
        14.0,
        15.0,
        f"Dur dimanche pour les supporters de {case.CLUB_LOSING}... heureusement il reste le thé "
        f"pour sécher vos larmes ☕😂 Bravo {case.CLUB_WINNING} ! #MatchDay #KeurThé",
    ),
    (
        "match_day",
        case.CRISES["match_day"]["onset"] + pd.Timedelta(hours=16, minutes=50),
        ("facebook", "instagram", "x"),
        "text",
        "community",
        6.0,
        4.0,
        f"À tous les supporters de {case.CLUB_LOSING} : notre publication d'hier était "
        "déplacée. Nous l'avons retirée et nous vous présentons nos sincères excuses. Le football "
        "nous rassemble, il ne doit jamais servir à se moquer. L'équipe Keur Thé",
    ),
    (
        "foreign_object",
        case.CRISES["foreign_object"]["onset"] + pd.Timedelta(hours=7, minutes=15),
        ("facebook", "instagram", "x", "whatsapp"),
        "text",
        "community",
        5.0,
        4.0,
        "Suite à la vidéo partagée aujourd'hui, nous avons ouvert une enquête sur le lot concerné "
        "et contacté la cliente. Par précaution, le lot KB-2605 est retiré de la vente. Nous vous "
        "tiendrons informés. L'équipe Keur Thé",
    ),
    (
        "foreign_object",
        case.CRISES["foreign_object"]["onset"] + pd.Timedelta(days=2, hours=6),
        ("facebook", "instagram", "whatsapp"),
        "video",
        "behind_the_scenes",
        4.0,
        1.5,
        "Résultats de notre enquête et visite de l'atelier : tri manuel, double contrôle, "
        "nouveau tamis. Venez voir par vous-mêmes samedi, portes ouvertes à l'atelier ! 🌿",
    ),
)


def _followers_curve(network: str, t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    start, end, shape = FOLLOWERS[network]
    if shape is None:
        logistic = 1 / (1 + np.exp(-9 * (t - 0.55)))
        low, high = 1 / (1 + np.exp(9 * 0.55)), 1 / (1 + np.exp(-9 * 0.45))
        curve = start + (end - start) * (logistic - low) / (high - low)
    else:
        curve = start + (end - start) * t**shape
    # Smooth wobble: weeks with better or worse growth than the plan.
    wobble = np.cumsum(rng.normal(0, 0.002, 200))
    curve = curve * (1 + np.interp(t, np.linspace(0, 1, 200), wobble - wobble.mean()))
    for scenario, losses in CRISIS_UNFOLLOW.items():
        onset = fraction_of_period([case.CRISES[scenario]["onset"]])[0]
        loss = losses.get(network, 0.0)
        # Unfollows over about three days after the onset, never regained.
        curve = curve * (1 - loss * np.clip((t - onset) / 0.004, 0, 1))
    return curve


def followers_at(network: str, stamps, seed: int) -> np.ndarray:
    """Followers of a network account at given times (the same curve for every caller)."""
    rng = rng_for(seed, f"followers/{network}")
    return np.round(_followers_curve(network, fraction_of_period(stamps), rng)).astype(int)


def _schedule(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """Publication times and networks of the regular (non-scripted) posts."""
    day_index = days()
    weekday = weekday_index(day_index)
    season = season_factor(day_index, lift=0.5)
    frames = []
    for network, weekly in WEEKLY_POSTS.items():
        rate = weekly / 7 * POSTING_WEEKDAY[weekday] / POSTING_WEEKDAY.mean() * season * scale
        if network == "tiktok":
            rate = rate * np.linspace(1.0, TIKTOK_GROWTH, len(day_index))
        counts = rng.poisson(rate)
        day_of_post = np.repeat(day_index, counts)
        hours = np.array(POSTING_HOURS.get(network, _GENERIC_HOURS), dtype=float)
        hour = rng.choice(24, size=len(day_of_post), p=hours / hours.sum())
        # Scheduled posts go out on the hour or half hour; others whenever the CM is ready.
        scheduled = rng.random(len(hour)) < 0.45
        minute = np.where(scheduled, rng.choice([0, 30], len(hour)), rng.integers(0, 60, len(hour)))
        seconds = np.where(scheduled, 0, rng.integers(0, 60, len(hour)))
        stamps = at_minutes(day_of_post, hour * 60 + minute + seconds / 60)
        formats = list(FORMAT_MIX[network])
        probs = np.array(list(FORMAT_MIX[network].values()))
        frames.append(
            pd.DataFrame(
                {
                    "network": network,
                    "published_at": stamps,
                    "format": rng.choice(formats, size=len(stamps), p=probs / probs.sum()),
                }
            )
        )
    posts = pd.concat(frames, ignore_index=True)
    posts = posts[posts["published_at"] <= case.PERIOD_END]
    posts = posts[posts["published_at"] >= case.PERIOD_START]
    season = season_factor(posts["published_at"])
    # More promotion and events content in the build-up to the big dates.
    pillar_probs = np.tile(PILLAR_MIX, (len(posts), 1))
    pillar_probs[:, 4] *= season**1.5
    pillar_probs[:, 5] *= season**1.5
    pillar_probs /= pillar_probs.sum(axis=1, keepdims=True)
    cumulative = pillar_probs.cumsum(axis=1)
    pick = (rng.random(len(posts))[:, None] > cumulative).sum(axis=1)
    posts["pillar"] = np.array(PILLARS)[np.minimum(pick, len(PILLARS) - 1)]
    posts["scripted"] = ""
    return posts.reset_index(drop=True)


def _scripted() -> pd.DataFrame:
    rows = []
    for scenario, stamp, networks, fmt, pillar, _, _, text in SCRIPTED:
        for network in networks:
            rows.append(
                {
                    "network": network,
                    "published_at": stamp,
                    "format": fmt,
                    "pillar": pillar,
                    "scripted": scenario,
                    "caption": text,
                }
            )
    return pd.DataFrame(rows)


def generate(seed: int, scale: float = 1.0) -> pd.DataFrame:
    rng = rng_for(seed, "posts")
    rnd = text_rng(seed, "posts")
    regular = _schedule(rng, scale)
    posts = pd.concat([regular, _scripted()], ignore_index=True)
    posts = posts.sort_values(["published_at", "network"], kind="stable").reset_index(drop=True)
    n = len(posts)
    network = posts["network"].to_numpy()
    fmt = posts["format"].to_numpy()
    pillar = posts["pillar"].to_numpy()
    scripted = posts["scripted"].to_numpy()
    stamps = pd.DatetimeIndex(posts["published_at"])

    followers = np.zeros(n, dtype=int)
    for net in case.NETWORKS:
        mask = network == net
        followers[mask] = followers_at(net, stamps[mask], seed)

    # Scripted crisis posts get their extra reach and comments from SCRIPTED.
    reach_boost = np.ones(n)
    comment_boost = np.ones(n)
    for _, stamp, nets, _, _, reach_mult, comment_mult, _ in SCRIPTED:
        mask = (stamps == stamp) & np.isin(network, nets)
        reach_boost[mask] = reach_mult
        comment_boost[mask] = comment_mult

    contest = (
        np.isin(network, ("instagram", "facebook"))
        & np.isin(pillar, ("community", "events_culture"))
        & ~np.isin(fmt, ("story", "live"))
        & (scripted == "")
        & (rng.random(n) < CONTEST_SHARE)
    )

    # Time-slot effect: posts that go out when the audience is online travel further.
    hour = np.asarray(stamps.hour)
    weekday = weekday_index(stamps)
    slot = (ACTIVITY_HOUR[hour] / 1.1) ** 0.7 * ACTIVITY_WEEKDAY[weekday]

    rate = np.array([REACH_RATE[x] for x in network]) * np.array([REACH_FORMAT[x] for x in fmt])
    sigma = np.where(network == "tiktok", REACH_NOISE["tiktok"], REACH_NOISE["default"])
    log_reach = np.log(followers * rate * slot * reach_boost) + rng.normal(0, 1, n) * sigma
    organic = np.maximum(np.round(np.exp(log_reach)), 3)

    boostable = np.isin(network, ("facebook", "instagram")) & (fmt != "story") & (scripted == "")
    boost_p = np.where(pillar == "promotion", 0.22, 0.06) * season_factor(stamps, lift=0.8)
    boosted = boostable & (rng.random(n) < boost_p)
    spend = np.where(boosted, np.round(np.exp(rng.normal(np.log(9000), 0.6, n)) / 500) * 500, 0)
    spend = np.clip(spend, 0, 60_000).astype(int)
    spend[boosted] = np.maximum(spend[boosted], 2000)
    # Paid impressions, seen by ~1.7 times per person on average, add reach.
    paid_reach = np.round(spend / BOOST_CPM_XOF * 1000 / 1.7 * np.exp(rng.normal(0, 0.3, n)))
    reach = (organic + paid_reach).astype(np.int64)

    repeat = np.exp(rng.normal(np.log(0.8), 0.38, n))
    repeat = np.where(np.isin(fmt, ("story",)) | (network == "whatsapp"), repeat * 0.3, repeat)
    impressions = np.round(reach * (1 + repeat)).astype(np.int64)

    # Engagement rate: by network, format and pillar, lower when reach is unusually high.
    median_log_reach = np.zeros(n)
    for net in case.NETWORKS:
        mask = network == net
        median_log_reach[mask] = np.median(np.log(reach[mask])) if mask.any() else 0.0
    er = (
        np.array([ER_NETWORK[x] for x in network])
        * np.array([ER_FORMAT[x] for x in fmt])
        * np.array([ER_PILLAR[x] for x in pillar])
        * np.where(contest, 2.2, 1.0)
        * slot**0.5
        # Scripted crisis posts are read by an angry crowd: no fall-off with reach for them.
        * np.exp(-ER_REACH_SLOPE * (np.log(reach) - median_log_reach) * (scripted == ""))
        * np.exp(rng.normal(0, ER_NOISE, n) * (scripted == ""))
    )
    er = np.minimum(er, 0.6)
    expected = reach * er
    total = rng.poisson(expected)
    share_rate = np.clip(
        np.array([SHARE_RATE[x] for x in network]) * np.exp(rng.normal(0, 0.35, n)), 0, 0.6
    )
    shares = rng.binomial(total, share_rate)
    likes = total - shares
    comment_rate = np.array([COMMENT_RATE[x] for x in network]) * comment_boost
    comment_rate = np.where(contest, comment_rate * 9, comment_rate)
    comment_rate = np.where(fmt == "story", 0.0, comment_rate)  # story replies are DMs
    comments = negative_binomial(rng, expected * comment_rate, COMMENT_DISPERSION)

    save_rate = np.select(
        [np.isin(network, ("instagram", "tiktok")), network == "whatsapp"], [0.05, 0.0], 0.012
    )
    save_rate = np.where(fmt == "story", 0.0, save_rate)
    saves = rng.poisson(likes * save_rate * np.exp(rng.normal(0, 0.5, n)))
    click_rate = np.where(fmt == "link", 0.035, 0.006) * np.exp(rng.normal(0, 0.5, n))
    clicks = np.minimum(rng.binomial(reach, np.clip(click_rate, 0, 0.5)), impressions)
    is_video = np.isin(fmt, VIDEO_FORMATS)
    view_rate = np.clip(
        np.where(fmt == "reel", 0.62, 0.42) * np.exp(rng.normal(0, 0.2, n)), 0.05, 0.95
    )
    video_views = pd.array(np.where(is_video, np.round(impressions * view_rate), 0), dtype="Int64")
    video_views[~is_video] = pd.NA

    lines = rng.choice(case.PRODUCT_LINES, size=n, p=LINE_MIX)
    language = np.empty(n, dtype=object)
    for net in case.NETWORKS:
        mask = network == net
        language[mask] = rng.choice(
            case.LANGUAGES, size=int(mask.sum()), p=LANGUAGE_MIX.get(net, LANGUAGE_MIX["default"])
        )
    captions = posts["caption"].to_numpy(dtype=object)
    tags = np.empty(n, dtype=object)
    for i in range(n):
        if scripted[i]:
            language[i] = "fr"
            tags[i] = {"x": "#KeurThé", "instagram": "#KeurThé #Dakar"}.get(network[i], "")
            continue
        captions[i] = textgen.caption(rnd, pillar[i], language[i], lines[i], bool(contest[i]))
        tags[i] = textgen.hashtags(rnd, network[i], lines[i])
    tags = pd.Series(tags).replace("", np.nan)

    out = pd.DataFrame(
        {
            "post_id": ids("P", n, width=6),
            "network": network,
            "published_at": stamps,
            "format": fmt,
            "pillar": pillar,
            "caption": captions,
            "hashtags": tags.to_numpy(),
            "language": language,
            "followers": followers,
            "impressions": impressions,
            "reach": reach,
            "likes": likes,
            "comments": comments,
            "shares": shares,
            "saves": saves,
            "clicks": clicks,
            "video_views": video_views,
            "is_boosted": boosted,
            "boost_spend_xof": spend,
            "is_contest": contest,
        }
    )
    assert set(out["format"]) <= set(FORMATS)
    return out
