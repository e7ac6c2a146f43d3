"""The ``ad_campaigns`` table: daily delivery and results of the paid social campaigns."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case
from .common import rng_for

CPM_XOF = {  # cost of 1,000 impressions, by audience
    "dakar_18_34": 600,
    "dakar_25_44": 750,
    "senegal_35_plus": 550,
    "diaspora_fr": 3200,
    "diaspora_us_ca": 4200,
    "retargeting_site": 1800,
}
CPM_NETWORK = {"facebook": 1.0, "instagram": 1.12, "tiktok": 0.7}
BUDGET_WEIGHT = {"diaspora_fr": 1.3, "diaspora_us_ca": 1.3, "retargeting_site": 0.6}
CTR = {"awareness": 0.007, "engagement": 0.02, "traffic": 0.014, "sales": 0.012}
LINK_SHARE = {"awareness": 0.2, "engagement": 0.12, "traffic": 0.6, "sales": 0.55}
CONVERSION = {"awareness": 0.004, "engagement": 0.003, "traffic": 0.015, "sales": 0.045}
BASKET_XOF = {"local": 15000, "diaspora": 30000}


def _creative_lift(creative: str) -> float:
    """UGC and motion beat still images a little; the A/B test measures one such gap."""
    if creative == case.AB_TEST["B"]:
        return 1.25
    if creative.startswith("ugc"):
        return 1.25
    if creative.startswith(("reel", "video")):
        return 1.1
    if creative.startswith("carousel"):
        return 1.1
    return 1.0


def generate(seed: int) -> pd.DataFrame:
    rng = rng_for(seed, "ad_campaigns")
    rows = []
    for name, first, last, networks, objective, ad_sets, creatives, budget in case.AD_CAMPAIGNS:
        dates = pd.date_range(first, last, freq="D")
        combos = [(n, a, c) for n in networks for a in ad_sets for c in creatives]
        weights = np.array([BUDGET_WEIGHT.get(a, 1.0) for _, a, _ in combos])
        weights = weights / weights.sum()
        for day_index, date in enumerate(dates):
            ramp = min(1.0, 0.55 + 0.15 * day_index)  # learning phase: slow first days
            for (network, ad_set, creative), weight in zip(combos, weights, strict=True):
                rows.append((date, name, ad_set, creative, network, objective,
                             budget * weight * ramp, day_index))  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=["date", "campaign", "ad_set", "creative", "network", "objective", "budget",
                 "day_index"],
    )  # fmt: skip
    n = len(frame)
    # The match-day push was paused the evening the crisis broke.
    onset_day = case.CRISES["match_day"]["onset"].tz_localize(None).normalize()
    paused = (frame["campaign"] == "match_day_2025") & (frame["date"] == onset_day)
    spend = frame["budget"].to_numpy() * np.exp(rng.normal(0, 0.22, n))
    spend = np.where(paused, spend * 0.75, spend)
    spend = np.round(spend).astype(np.int64)

    cpm = np.array([CPM_XOF[a] for a in frame["ad_set"]]) * np.array(
        [CPM_NETWORK[x] for x in frame["network"]]
    )
    cpm = cpm * np.exp(rng.normal(0, 0.15, n))
    impressions = rng.poisson(spend / cpm * 1000)
    frequency = 1.25 + 0.025 * frame["day_index"].to_numpy() + rng.gamma(2, 0.08, n)
    reach = np.minimum(np.round(impressions / frequency).astype(np.int64), impressions)

    objective = frame["objective"].to_numpy()
    fatigue = np.exp(-frame["day_index"].to_numpy() / 45)  # the audience tires of an ad
    lift = np.array([_creative_lift(c) for c in frame["creative"]])
    retarget = (frame["ad_set"] == "retargeting_site").to_numpy()
    ctr = np.array([CTR[o] for o in objective]) * lift * fatigue * np.where(retarget, 1.6, 1.0)
    ctr = np.clip(ctr * np.exp(rng.normal(0, 0.2, n)), 0, 0.2)
    clicks = rng.binomial(impressions, ctr)
    link_clicks = rng.binomial(clicks, np.array([LINK_SHARE[o] for o in objective]))
    diaspora = frame["ad_set"].str.startswith("diaspora").to_numpy()
    rate = np.array([CONVERSION[o] for o in objective]) * np.where(retarget, 2.5, 1.0)
    rate = rate * np.where(diaspora, 0.8, 1.0)
    # Network-reported conversions also count view-through purchases, so they run high.
    conversions = rng.binomial(link_clicks, np.clip(rate, 0, 1)) + rng.poisson(
        impressions * np.where(objective == "sales", 3e-6, 0.0)
    )
    conversions = np.minimum(conversions, clicks)
    basket = np.where(diaspora, BASKET_XOF["diaspora"], BASKET_XOF["local"])
    revenue = (
        np.round(conversions * basket * np.exp(rng.normal(0, 0.3, n)) / 500).astype(np.int64) * 500
    )

    out = frame[["date", "campaign", "ad_set", "creative", "network", "objective"]].copy()
    out["spend_xof"] = spend
    out["impressions"] = impressions
    out["reach"] = reach
    out["clicks"] = clicks
    out["link_clicks"] = link_clicks
    out["conversions"] = conversions
    out["revenue_xof"] = revenue
    return out.sort_values(
        ["date", "campaign", "network", "ad_set", "creative"], kind="stable"
    ).reset_index(drop=True)
