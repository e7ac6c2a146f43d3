"""The ``audience`` table (followers and customers) and the purchase histories behind it.

``generate`` also returns every order of every customer (shops included); the web generator
turns the website and WhatsApp-button ones into the ``orders`` table with their sessions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case
from ..specs import AGE_BANDS, GENDERS, INTERESTS
from .common import at_minutes, ids, negative_binomial, rng_for

PEOPLE = 6000
COUNTRY_MIX = {
    "Senegal": 0.64, "France": 0.19, "Italy": 0.035, "Spain": 0.025, "USA": 0.035,
    "Canada": 0.025, "Belgium": 0.015, "Côte d'Ivoire": 0.015, "Morocco": 0.01, "Mali": 0.01,
}  # fmt: skip
AGE_MIX = {
    "Senegal": (0.05, 0.25, 0.33, 0.20, 0.11, 0.06),
    "diaspora": (0.02, 0.12, 0.32, 0.28, 0.17, 0.09),
}
GENDER_MIX = (0.58, 0.38, 0.04)
LANGUAGE_BY_COUNTRY = {  # fr, wo, en
    "Senegal": (0.50, 0.45, 0.05),
    "Italy": (0.65, 0.30, 0.05),
    "Spain": (0.65, 0.30, 0.05),
    "USA": (0.40, 0.10, 0.50),
    "default": (0.88, 0.10, 0.02),
}
# Main platform by age band: TikTok young, Facebook and WhatsApp older.
PLATFORM_BY_AGE = {  # facebook, instagram, tiktok, linkedin, x, whatsapp
    "13-17": (0.02, 0.20, 0.75, 0.0, 0.03, 0.0),
    "18-24": (0.05, 0.35, 0.45, 0.02, 0.08, 0.05),
    "25-34": (0.20, 0.38, 0.17, 0.06, 0.07, 0.12),
    "35-44": (0.42, 0.22, 0.04, 0.07, 0.03, 0.22),
    "45-54": (0.55, 0.10, 0.0, 0.04, 0.01, 0.30),
    "55+": (0.50, 0.05, 0.0, 0.0, 0.0, 0.45),
}
NON_FOLLOWER_CUSTOMERS = 0.08  # shop customers in the customer file who follow no account
CUSTOMER_BY_AGE = dict(zip(AGE_BANDS, (0.01, 0.05, 0.13, 0.19, 0.20, 0.18), strict=True))
CUSTOMER_BY_PLATFORM = {"facebook": 1.1, "instagram": 1.0, "tiktok": 0.3, "linkedin": 0.9,
                        "x": 0.5, "whatsapp": 1.8}  # fmt: skip
# Where orders are placed: shops near home, the website and WhatsApp farther away.
# "chat" = ordered in a WhatsApp chat without visiting the website (not in the orders table).
CHANNEL_MIX = {  # shop, website, whatsapp (button on the website), chat
    "Dakar": (0.62, 0.12, 0.08, 0.18),
    "Senegal": (0.28, 0.20, 0.12, 0.40),
    "diaspora": (0.0, 0.55, 0.15, 0.30),
}
CHANNELS = ("shop", "website", "whatsapp", "chat")
PRODUCT_WEIGHTS = np.array([0.18, 0.08, 0.16, 0.06, 0.08, 0.05, 0.17, 0.06, 0.09, 0.07])
DELIVERY_FEE = {"pickup": 0, "dakar": 1000, "senegal": 2000}


def _pick(rng: np.random.Generator, options, probs_rows: np.ndarray) -> np.ndarray:
    """One option per row, each row with its own probabilities."""
    probs_rows = probs_rows / probs_rows.sum(axis=1, keepdims=True)
    draws = (rng.random(len(probs_rows))[:, None] > probs_rows.cumsum(axis=1)).sum(axis=1)
    return np.asarray(options, dtype=object)[np.minimum(draws, len(options) - 1)]


def _people(rng: np.random.Generator, n: int) -> pd.DataFrame:
    countries = list(COUNTRY_MIX)
    country = rng.choice(countries, size=n, p=np.array(list(COUNTRY_MIX.values())))
    city = np.empty(n, dtype=object)
    for name in countries:
        mask = country == name
        cities, weights = zip(*case.CITIES[name], strict=True)
        weights = np.array(weights, dtype=float)
        city[mask] = rng.choice(cities, size=int(mask.sum()), p=weights / weights.sum())
    local = country == "Senegal"
    age_probs = np.where(local[:, None], AGE_MIX["Senegal"], AGE_MIX["diaspora"])
    age = _pick(rng, AGE_BANDS, age_probs)
    gender = rng.choice(GENDERS, size=n, p=GENDER_MIX)
    lang_probs = np.array(
        [LANGUAGE_BY_COUNTRY.get(c, LANGUAGE_BY_COUNTRY["default"]) for c in country]
    )
    language = _pick(rng, case.LANGUAGES, lang_probs)
    platform_probs = np.array([PLATFORM_BY_AGE[a] for a in age])
    platform = _pick(rng, case.NETWORKS, platform_probs)

    follower = rng.random(n) >= NON_FOLLOWER_CUSTOMERS
    platform = np.where(follower, platform, "none")
    p_customer = np.array([CUSTOMER_BY_AGE[a] for a in age]) * np.array(
        [CUSTOMER_BY_PLATFORM.get(p, 1.0) for p in platform]
    )
    p_customer *= np.where(local, 1.0, 0.8)
    customer = ~follower | (rng.random(n) < p_customer)
    return pd.DataFrame(
        {
            "country": country,
            "city": city,
            "age_band": age,
            "gender": gender,
            "language": language,
            "platform": platform,
            "is_follower": follower,
            "is_customer": customer,
        }
    )


def _interests(rng: np.random.Generator, people: pd.DataFrame) -> np.ndarray:
    n = len(people)
    weights = np.ones((n, len(INTERESTS)))
    col = {name: i for i, name in enumerate(INTERESTS)}
    young = people["age_band"].isin(["13-17", "18-24"]).to_numpy()
    older = people["age_band"].isin(["35-44", "45-54", "55+"]).to_numpy()
    female = (people["gender"] == "female").to_numpy()
    male = (people["gender"] == "male").to_numpy()
    weights[:, col["infusions"]] += 2 * people["is_customer"].to_numpy()
    weights[:, col["football"]] += 3 * male + 2 * young
    weights[:, col["beauté"]] += 2.5 * female
    weights[:, col["mode"]] += 1.5 * young + female
    weights[:, col["famille"]] += 2 * older
    weights[:, col["santé naturelle"]] += 1.5 * older
    weights[:, col["entrepreneuriat"]] += 3 * (people["platform"] == "linkedin").to_numpy()
    weights[:, col["musique"]] += 2 * young
    weights[:, col["voyage"]] += 1.5 * (people["country"] != "Senegal").to_numpy()
    # Top-k sampling without replacement: keys = log(weight) + Gumbel noise.
    keys = np.log(weights) + rng.gumbel(size=weights.shape)
    order = np.argsort(-keys, axis=1)
    count = np.clip(rng.poisson(1.6, n) + 1, 1, 4)
    names = np.array(INTERESTS, dtype=object)
    out = np.array([";".join(names[order[i, : count[i]]]) for i in range(n)], dtype=object)
    # Some people share nothing about themselves.
    out[rng.random(n) < 0.12] = None
    return out


def _follow_dates(rng: np.random.Generator, people: pd.DataFrame) -> np.ndarray:
    """Day each follower followed: before the period for part of them, else during it."""
    from .posts import FOLLOWERS

    n = len(people)
    start = case.PERIOD_START.tz_localize(None).normalize()
    span = (case.PERIOD_END - case.PERIOD_START).days
    dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
    platform = people["platform"].to_numpy()
    for network, (first, last, shape) in FOLLOWERS.items():
        mask = platform == network
        count = int(mask.sum())
        if not count:
            continue
        before = rng.random(count) < first / last
        # Followers of the period arrive along the growth curve (late for TikTok).
        u = rng.random(count)
        within = u ** (1 / 3.0) if shape is None else u ** (1 / max(shape, 0.5))
        offsets = np.where(before, -rng.integers(1, 5 * 365, count), np.floor(within * span))
        dates[mask] = (start + pd.to_timedelta(offsets, unit="D")).to_numpy()
    return dates


def _orders(rng: np.random.Generator, people: pd.DataFrame) -> pd.DataFrame:
    """Every order of every customer over the period."""
    customers = people[people["is_customer"]]
    diaspora = (customers["country"] != "Senegal").to_numpy()
    mean_orders = np.where(diaspora, 0.9, 1.7)
    counts = 1 + negative_binomial(rng, mean_orders, 0.9)
    person = np.repeat(customers["person_id"].to_numpy(), counts)
    where = np.where(
        diaspora, "diaspora", np.where(customers["city"].to_numpy() == "Dakar", "Dakar", "Senegal")
    )
    where = np.repeat(where, counts)
    n = len(person)

    # First order somewhere in the period (more recent customers are more numerous as the
    # brand grows), the next ones spaced by exponential gaps.
    span = (case.PERIOD_END - case.PERIOD_START).total_seconds() / 86400
    first_day = span * (1 - rng.random(len(counts)) ** 0.8)
    gaps = rng.exponential(np.repeat(np.where(diaspora, 120.0, 55.0), counts))
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    position = np.arange(n) - starts
    gaps[position == 0] = 0
    cumulative = np.cumsum(gaps)
    day = np.repeat(first_day, counts) + cumulative - cumulative[starts]
    keep = day < span
    # Customers whose first order falls in the period keep at least that one.
    day = np.where(keep | (position == 0), np.minimum(day, span - 0.5), np.nan)

    channel = np.empty(n, dtype=object)
    for key, probs in CHANNEL_MIX.items():
        mask = where == key
        channel[mask] = rng.choice(CHANNELS, size=int(mask.sum()), p=probs)
    online_hours = np.array(
        [0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1, 1, 1.1,
         1.4, 1.3, 1.1, 1, 1, 1.1, 1.4, 1.8, 2.1, 2.2, 1.7, 0.9]
    )  # fmt: skip
    shop_hours = np.zeros(24)
    shop_hours[10:20] = (1, 1.2, 1.4, 1.2, 1, 1.1, 1.3, 1.5, 1.6, 1.2)
    is_shop = channel == "shop"
    hour = np.where(
        is_shop,
        rng.choice(24, size=n, p=shop_hours / shop_hours.sum()),
        rng.choice(24, size=n, p=online_hours / online_hours.sum()),
    )
    # Weekly rhythm: each order moves to a day of its week, Saturday for shops, Sunday online.
    shop_days = np.array([0.9, 0.9, 1.0, 1.0, 0.8, 1.9, 0.5])
    online_days = np.array([1.0, 0.95, 0.95, 1.0, 0.9, 1.1, 1.4])
    weekday = rng.choice(7, size=n, p=online_days / online_days.sum())
    weekday = np.where(is_shop, rng.choice(7, size=n, p=shop_days / shop_days.sum()), weekday)
    whole = np.floor(np.nan_to_num(day))
    start_weekday = case.PERIOD_START.day_of_week
    week_start = whole - (start_weekday + whole) % 7
    whole = np.clip(week_start + weekday, 0, np.floor(span) - 1)
    day_start = case.PERIOD_START.normalize() + pd.to_timedelta(whole, unit="D")
    stamps = at_minutes(day_start, hour * 60 + rng.integers(0, 60, n) + rng.random(n))
    order = pd.DataFrame(
        {"person_id": person, "ordered_at": stamps, "channel": channel, "where": where}
    )
    order = order[~np.isnan(day)].reset_index(drop=True)
    order = _baskets(rng, order)
    return order.sort_values(["ordered_at", "person_id"], kind="stable").reset_index(drop=True)


def _baskets(rng: np.random.Generator, order: pd.DataFrame) -> pd.DataFrame:
    """Products, items, delivery and amount of each order."""
    n = len(order)
    where = order["where"].to_numpy()
    channel = order["channel"].to_numpy()
    diaspora = where == "diaspora"
    lines = 1 + rng.poisson(np.where(diaspora, 1.8, np.where(channel == "shop", 0.4, 0.9)))
    names = np.array(case.PRODUCT_NAMES, dtype=object)
    prices = np.array([p[2] for p in case.PRODUCTS])
    families = np.array([p[1] for p in case.PRODUCTS], dtype=object)
    stamps = order["ordered_at"]
    # Gift boxes sell before Tabaski, Korité and year-end.
    festive = stamps.dt.month.isin([12]).to_numpy() | stamps.dt.month.isin([3, 5, 6]).to_numpy()
    products, items, amounts, favourite = [], np.zeros(n, int), np.zeros(n, int), []
    for i in range(n):
        weights = PRODUCT_WEIGHTS.copy()
        if festive[i]:
            weights[8:] *= 3
        if diaspora[i]:
            weights[8:] *= 1.5
        picks = rng.choice(
            len(names), size=min(lines[i], len(names)), replace=False, p=weights / weights.sum()
        )
        qty = 1 + rng.poisson(np.where(prices[picks] < 10000, 0.7, 0.1))
        products.append("; ".join(f"{names[p]} x{q}" for p, q in zip(picks, qty, strict=True)))
        items[i] = qty.sum()
        amounts[i] = int((prices[picks] * qty).sum())
        favourite.append(families[picks[np.argmax(qty * prices[picks])]])
    delivery = np.where(
        diaspora,
        "international",
        np.where(
            channel == "shop",
            "pickup",
            np.where(where == "Dakar", rng.choice(["dakar", "pickup"], n, p=[0.8, 0.2]), "senegal"),
        ),
    )
    fee = np.array([DELIVERY_FEE.get(d, 0) for d in delivery])
    fee = np.where(delivery == "international", rng.choice([6000, 7500, 9000], n), fee)
    order["products"] = products
    order["items"] = items
    order["amount_xof"] = amounts + fee
    order["delivery"] = delivery
    order["line"] = favourite
    return order


def generate(seed: int, scale: float = 1.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The audience table, and every order of its customers (all channels)."""
    rng = rng_for(seed, "audience")
    n = max(50, int(round(PEOPLE * scale)))
    people = _people(rng, n)
    people.insert(0, "person_id", ids("A", n))
    people["interests"] = _interests(rng, people)
    people["follows_since"] = _follow_dates(rng, people)

    history = _orders(rng, people)
    summary = history.groupby("person_id").agg(
        orders=("ordered_at", "size"),
        revenue_xof=("amount_xof", "sum"),
        first_order_at=("ordered_at", "min"),
        last_order_at=("ordered_at", "max"),
        main_order_channel=(
            "channel",
            lambda s: s.replace("chat", "whatsapp").value_counts().index[0],
        ),
        favourite_line=("line", lambda s: s.value_counts().index[0]),
    )
    people = people.join(summary, on="person_id")
    # A customer whose only orders fell outside the period is a follower here, not a buyer.
    people["is_customer"] = people["orders"].notna()
    people["orders"] = people["orders"].fillna(0).astype(int)
    people["revenue_xof"] = people["revenue_xof"].fillna(0).astype(int)
    people.loc[~people["is_customer"] & ~people["is_follower"], "is_follower"] = True
    people.loc[people["is_follower"] & (people["platform"] == "none"), "platform"] = "facebook"
    no_follow = ~people["is_follower"]
    people.loc[no_follow, "follows_since"] = pd.NaT
    missing_date = people["is_follower"] & people["follows_since"].isna()
    people.loc[missing_date, "follows_since"] = case.PERIOD_START.tz_localize(None).normalize()

    # Engagement in the last 90 days: most followers stay silent, a few engage a lot.
    recent = people["follows_since"] > (case.PERIOD_END.tz_localize(None) - pd.Timedelta(days=180))
    mean = (
        1.2
        * np.where(people["is_customer"], 2.2, 1.0)
        * np.where(recent, 1.8, 1.0)
        * np.where(people["platform"] == "tiktok", 1.6, 1.0)
        * np.where(people["is_follower"], 1.0, 0.0)
    )
    people["engagements_90d"] = negative_binomial(rng, mean, 0.35)
    customer = people["is_customer"].to_numpy()
    local = (people["country"] == "Senegal").to_numpy()
    people["newsletter_optin"] = rng.random(n) < np.where(
        customer, np.where(local, 0.3, 0.55), 0.04
    )
    people["whatsapp_optin"] = rng.random(n) < np.where(customer, np.where(local, 0.7, 0.45), 0.08)

    columns = [
        "person_id", "platform", "is_follower", "is_customer", "age_band", "gender", "city",
        "country", "language", "interests", "follows_since", "engagements_90d", "orders",
        "revenue_xof", "first_order_at", "last_order_at", "main_order_channel",
        "favourite_line", "newsletter_optin", "whatsapp_optin",
    ]  # fmt: skip
    return people[columns], history.drop(columns=["line"])
