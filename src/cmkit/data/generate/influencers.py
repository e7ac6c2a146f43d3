"""The ``influencers`` table: candidates for a sponsored post, some with bought audiences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import textgen
from ..specs import INFLUENCER_CATEGORIES
from .common import rng_for, text_rng

CANDIDATES = 48
SUSPICIOUS = 6  # about one in eight has a bought audience
TIERS = {"nano": (3_000, 15_000, 0.40), "micro": (15_000, 100_000, 0.45),
         "macro": (100_000, 600_000, 0.15)}  # fmt: skip
NETWORK_MIX = {"instagram": 0.52, "tiktok": 0.34, "facebook": 0.09, "x": 0.03, "linkedin": 0.02}
CATEGORY_MIX = (0.22, 0.18, 0.14, 0.12, 0.12, 0.08, 0.08, 0.06)  # order of the spec
TOPIC_WORDS = {
    "food": ("cuisine", "food", "gourmande", "recettes", "eats", "miam"),
    "lifestyle": ("lifestyle", "vibes", "daily", "life"),
    "wellness": ("zen", "wellness", "healthy", "bienetre"),
    "beauty": ("glow", "beauty", "makeup"),
    "comedy": ("comedy", "lol", "sketch", "drole"),
    "sport": ("fit", "sport", "lions", "foot"),
    "diaspora": ("diaspora", "abroad", "exil", "loin"),
    "family": ("maman", "family", "mum", "famille"),
}
CITY_MIX = (("Dakar", 0.62), ("Thiès", 0.05), ("Saint-Louis", 0.05), ("Mbour", 0.03),
            ("Paris", 0.13), ("Montreuil", 0.03), ("Montréal", 0.04), ("New York", 0.03),
            ("Abidjan", 0.02))  # fmt: skip
# Audience make-up by profile: Senegal, diaspora, elsewhere.
PROFILES = {"local": (0.74, 0.19, 0.07), "diaspora": (0.30, 0.60, 0.10),
            "panafrican": (0.35, 0.15, 0.50)}  # fmt: skip


def _handles(rnd, categories) -> list[str]:
    seen, out = set(), []
    for category in categories:
        while True:
            first = textgen._ascii(rnd.choice(textgen.FIRST_NAMES))
            topic = rnd.choice(TOPIC_WORDS[category])
            style = rnd.randint(0, 3)
            handle = (
                f"{first}.{topic}",
                f"{first}_{topic}{rnd.choice(('', '221', 'sn', 'dkr'))}",
                f"{topic}.by.{first}",
                f"{rnd.choice(('dakar', 'teranga', 'galsen', 'ndar'))}_{topic}",
            )[style]
            if handle not in seen:
                seen.add(handle)
                out.append(handle)
                break
    return out


def generate(seed: int) -> pd.DataFrame:
    rng = rng_for(seed, "influencers")
    rnd = text_rng(seed, "influencers")
    n = CANDIDATES
    tier_names = list(TIERS)
    tier = rng.choice(tier_names, size=n, p=[t[2] for t in TIERS.values()])
    low = np.array([TIERS[t][0] for t in tier])
    high = np.array([TIERS[t][1] for t in tier])
    # Log-uniform within the tier's range, then log-normal wobble: follower counts are skewed.
    followers = np.exp(np.log(low) + (np.log(high) - np.log(low)) * rng.beta(1.3, 2.0, n))
    followers = np.round(followers * np.exp(rng.normal(0, 0.1, n))).astype(int)
    network = rng.choice(list(NETWORK_MIX), size=n, p=list(NETWORK_MIX.values()))
    category = rng.choice(INFLUENCER_CATEGORIES, size=n, p=CATEGORY_MIX)
    cities, weights = zip(*CITY_MIX, strict=True)
    city = rng.choice(cities, size=n, p=np.array(weights) / sum(weights))
    profile = np.where(
        np.isin(city, ("Paris", "Montreuil", "Montréal", "New York")) | (category == "diaspora"),
        "diaspora",
        np.where(rng.random(n) < 0.15, "panafrican", "local"),
    )
    suspicious = np.zeros(n, dtype=bool)
    suspicious[rng.choice(n, SUSPICIOUS, replace=False)] = True

    # Bought followers inflate the count; real reach follows the genuine audience only.
    genuine = np.where(suspicious, followers / rng.uniform(2.5, 5.0, n), followers)
    reach_rate = np.where(network == "tiktok", 0.42, 0.24) * (genuine / 10_000) ** -0.12
    # Fake followers never engage, and the networks show such accounts' posts to fewer people.
    reach_rate = reach_rate * np.where(suspicious, 0.6, 1.0)
    avg_reach = np.round(genuine * reach_rate * np.exp(rng.normal(0, 0.25, n))).astype(int)
    er = 0.075 * (genuine / 10_000) ** -0.18 * np.exp(rng.normal(0, 0.3, n))
    engagements = avg_reach * er
    comment_share = np.where(network == "tiktok", 0.035, 0.04) * np.exp(rng.normal(0, 0.3, n))
    # Bots either flood comments ("Nice 🔥") or leave likes only.
    bot_style = rng.random(n) < 0.5
    comment_share = np.where(suspicious, np.where(bot_style, 0.22, 0.004), comment_share)
    share_share = np.where(network == "tiktok", 0.14, 0.09) * np.exp(rng.normal(0, 0.3, n))
    avg_comments = np.round(engagements * comment_share).astype(int)
    avg_shares = np.round(engagements * share_share).astype(int)
    avg_likes = np.round(engagements * (1 - comment_share - share_share)).astype(int)
    avg_likes = np.maximum(avg_likes, 1)
    avg_engagements = avg_likes + avg_comments + avg_shares

    geo = np.array(
        [rng.dirichlet(np.array(PROFILES[p]) * 40) for p in profile]
    )  # Senegal, diaspora, elsewhere
    bought_share = np.where(suspicious, rng.uniform(0.35, 0.6, n), 0.0)
    geo = geo * (1 - bought_share)[:, None]
    geo[:, 2] += bought_share
    lang = (
        np.array([rng.dirichlet(np.array((0.68, 0.22, 0.10)) * 30) for _ in range(n)])
        * (1 - bought_share * 0.8)[:, None]
    )
    max_growth = np.where(
        suspicious, rng.uniform(22, 85, n), np.exp(rng.normal(np.log(2.5), 0.5, n))
    )
    inactive = np.where(suspicious, rng.uniform(0.35, 0.62, n), rng.beta(3, 25, n))
    non_target = np.where(suspicious, rng.uniform(0.38, 0.72, n), rng.beta(2, 18, n))
    posts_per_week = np.round(np.exp(rng.normal(np.log(4), 0.5, n)), 1)
    # Creators price on follower count, so bought followers make a post expensive.
    price = 25 * followers**0.85 * np.exp(rng.normal(0, 0.25, n))
    price = (np.round(price / 5000) * 5000).astype(int)
    price = np.maximum(price, 15_000)

    out = pd.DataFrame(
        {
            "handle": _handles(rnd, category),
            "network": network,
            "category": category,
            "city": city,
            "followers": followers,
            "avg_reach": avg_reach,
            "avg_likes": avg_likes,
            "avg_comments": avg_comments,
            "avg_shares": avg_shares,
            "avg_engagements": avg_engagements,
            "posts_per_week": posts_per_week,
            "audience_senegal": geo[:, 0].round(3),
            "audience_diaspora": geo[:, 1].round(3),
            "audience_other": geo[:, 2].round(3),
            "audience_french": lang[:, 0].round(3),
            "audience_wolof": lang[:, 1].round(3),
            "audience_english": lang[:, 2].round(3),
            "max_weekly_growth_pct": max_growth.round(1),
            "inactive_followers_share": inactive.round(3),
            "non_target_engagement_share": non_target.round(3),
            "comment_to_like_ratio": (avg_comments / avg_likes).round(4),
            "price_xof": price,
        }
    )
    return out.sort_values("followers", ascending=False, kind="stable").reset_index(drop=True)


def suspicious_handles(seed: int) -> list[str]:
    """Handles with a bought audience (ground truth for instructors and tests)."""
    frame = generate(seed)
    return frame.loc[
        (frame["max_weekly_growth_pct"] > 20) & (frame["inactive_followers_share"] > 0.3),
        "handle",
    ].tolist()
