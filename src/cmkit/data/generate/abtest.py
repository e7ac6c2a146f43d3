"""The ``ab_test`` table: users exposed to two creatives of the Tabaski 2026 campaign."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case
from ..specs import DEVICES
from .common import ids, rng_for

USERS = 30_000  # about 15,000 per variant: enough to detect 1.8% vs 2.3% at the 5% level
CONVERT_GIVEN_CLICK = 0.09
DEVICE_MIX = (0.85, 0.12, 0.03)


def generate(seed: int) -> pd.DataFrame:
    rng = rng_for(seed, "ab_test")
    n = USERS
    variant = np.where(rng.random(n) < 0.5, "A", "B")  # random 50/50 split
    campaign = next(c for c in case.AD_CAMPAIGNS if c[0] == case.AB_TEST["campaign"])
    dates = pd.date_range(campaign[1], campaign[2], freq="D")
    # More new users early in the campaign (fresh audience) and at weekends.
    weights = np.exp(-np.arange(len(dates)) / 10) * np.where(dates.day_of_week >= 5, 1.3, 1.0)
    first_seen = dates[rng.choice(len(dates), size=n, p=weights / weights.sum())]
    impressions = 1 + rng.negative_binomial(1.2, 1.2 / (1.2 + 1.3), n)
    # Seeing the ad more often helps a little; the factor averages 1 so the CTRs hold.
    exposure = impressions**0.35
    exposure = exposure / exposure.mean()
    ctr = np.where(variant == "A", case.AB_TEST["ctr"]["A"], case.AB_TEST["ctr"]["B"])
    clicked = rng.random(n) < np.clip(ctr * exposure, 0, 1)
    converted = clicked & (rng.random(n) < CONVERT_GIVEN_CLICK)
    order = np.argsort(first_seen.to_numpy(), kind="stable")
    return pd.DataFrame(
        {
            "user_id": ids("U", n),
            "variant": variant[order],
            "first_seen_on": first_seen[order],
            "device": rng.choice(DEVICES, size=n, p=DEVICE_MIX)[order],
            "impressions": impressions[order].astype(np.int64),
            "clicked": clicked[order],
            "converted": converted[order],
        }
    )
