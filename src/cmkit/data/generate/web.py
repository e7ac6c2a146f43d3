"""The ``web_sessions`` and ``orders`` tables: visits to the online shop and what they sold.

Every website order (from the audience's purchase histories) gets a journey of sessions
before it. First and last touches come from different mixes, so first-touch and last-touch
attribution disagree, as they do in real analytics. Paid sessions are drawn from the link
clicks of ``ad_campaigns``, influencer sessions from a few sponsored posts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case
from ..specs import UTM_ORGANIC
from .common import ACTIVITY_HOUR, ACTIVITY_WEEKDAY, at_minutes, days, ids, rng_for, text_rng

LANDING_RATE = 0.4  # share of paid link clicks that become a session (slow mobile pages)
BROWSING_PER_DAY = 11.0  # other visits that do not buy, per day, before rhythms
COLLABS = 6  # sponsored influencer posts over the period
NEW_DEVICE = 0.08  # journey sessions on another device: not tied to the buyer

# Touch mixes: (kind, weight). _touch() turns a kind into UTM values or a referrer.
FIRST_TOUCH = (
    ("social:instagram", 0.20), ("social:facebook", 0.12), ("social:tiktok", 0.08),
    ("paid", 0.20), ("influencer", 0.08), ("search", 0.12), ("direct", 0.08),
    ("messaging", 0.07), ("referral_social", 0.05),
)  # fmt: skip
MIDDLE_TOUCH = (
    ("paid", 0.15), ("email", 0.12), ("social:instagram", 0.15), ("direct", 0.30),
    ("messaging", 0.15), ("search", 0.13),
)  # fmt: skip
LAST_TOUCH = (
    ("direct", 0.35), ("email", 0.15), ("messaging", 0.22), ("social:instagram", 0.10),
    ("paid", 0.10), ("search", 0.08),
)  # fmt: skip
BROWSING_MIX = (
    ("social:instagram", 0.14), ("social:facebook", 0.10), ("social:tiktok", 0.07),
    ("social:linkedin", 0.02), ("social:x", 0.02), ("direct", 0.25), ("search", 0.20),
    ("messaging", 0.08), ("email", 0.05), ("referral_social", 0.05), ("referral_ai", 0.02),
)  # fmt: skip
BROWSING_COUNTRIES = (0.66, 0.18, 0.03, 0.02, 0.04, 0.03, 0.015, 0.01, 0.01, 0.005)
PRODUCT_PAGES = {
    "kinkeliba": "/produits/kinkeliba",
    "bissap": "/produits/bissap",
    "gingembre": "/produits/gingembre",
    "attaya": "/produits/attaya",
    "coffret": "/coffrets",
}
BROWSE_PAGES = ("/", "/", "/boutique", "/coffrets", *PRODUCT_PAGES.values(), "/notre-histoire")
BLOG_PAGES = ("/blog/rituel-attaya", "/blog/bienfaits-kinkeliba")
UTM_COLUMNS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "referrer")


def _creative_page(creative: str) -> str:
    for key, page in (
        ("coffret", "/coffrets"),
        ("kinkeliba", "/produits/kinkeliba"),
        ("rituel", "/produits/kinkeliba"),
        ("gingembre", "/produits/gingembre"),
        ("attaya", "/produits/attaya"),
    ):
        if key in creative:
            return page
    return "/boutique"


def _touch(kind: str, rnd) -> tuple:
    """(utm_source, utm_medium, utm_campaign, utm_content, referrer) of an organic touch."""
    if kind.startswith("social:"):
        campaign, places = UTM_ORGANIC["social"]
        return (kind.split(":")[1], "social", campaign, rnd.choice(places), None)
    if kind == "email":
        campaign, places = UTM_ORGANIC["email"]
        return ("newsletter", "email", campaign, rnd.choice(places), None)
    if kind == "messaging":
        campaign, places = UTM_ORGANIC["messaging"]
        return ("whatsapp", "messaging", campaign, rnd.choice(places), None)
    if kind == "search":
        return (None, None, None, None, "bing.com" if rnd.random() < 0.1 else "google.com")
    if kind == "referral_social":
        return (None, None, None, None, rnd.choice(("l.facebook.com", "l.instagram.com")))
    if kind == "referral_ai":
        return (None, None, None, None, "chatgpt.com")
    return (None, None, None, None, None)  # direct: typed address, bookmark, untagged app


def _landing(kind: str, rnd, hint: str) -> str:
    if kind == "search":
        return rnd.choice((*BLOG_PAGES, "/", hint, "/boutique"))
    if kind == "direct":
        return rnd.choice(("/", "/", "/boutique", hint, "/contact"))
    return rnd.choice(("/", "/boutique", hint, hint))


class _PaidPool:
    """Landings available per ad row: journeys take some, the rest are non-buying visits."""

    def __init__(self, rng: np.random.Generator, ads: pd.DataFrame):
        self.ads = ads.reset_index(drop=True)
        self.left = rng.binomial(self.ads["link_clicks"].to_numpy(), LANDING_RATE)
        self.diaspora = self.ads["ad_set"].astype(str).str.startswith("diaspora").to_numpy()
        self.by_date: dict[str, np.ndarray] = {}
        for i, day in enumerate(self.ads["date"].dt.strftime("%Y-%m-%d")):
            self.by_date.setdefault(day, []).append(i)
        self.by_date = {day: np.array(rows) for day, rows in self.by_date.items()}

    def take(self, rnd, day: str, diaspora: bool) -> int | None:
        rows = self.by_date.get(day)
        if rows is None:
            return None
        weights = self.left[rows] * np.where(self.diaspora[rows] == diaspora, 4.0, 0.3)
        total = weights.sum()
        if total <= 0:
            return None
        index = np.searchsorted(np.cumsum(weights), rnd.random() * total, side="right")
        row = int(rows[min(index, len(rows) - 1)])
        self.left[row] -= 1
        return row

    def touch(self, row: int) -> tuple:
        ad = self.ads.loc[row]
        return (str(ad["network"]), "paid_social", str(ad["campaign"]), str(ad["creative"]), None)


def _collabs(rng: np.random.Generator, influencers: pd.DataFrame) -> pd.DataFrame:
    """A few sponsored posts: mostly sound creators, and one with a bought audience."""
    suspicious = (influencers["max_weekly_growth_pct"] > 20).to_numpy()
    affordable = (influencers["price_xof"] <= 400_000).to_numpy()
    chosen = list(rng.choice(np.flatnonzero(~suspicious & affordable), COLLABS - 1, replace=False))
    chosen.append(int(rng.choice(np.flatnonzero(suspicious & affordable))))
    span = (case.PERIOD_END - case.PERIOD_START).days - 40
    offsets = np.sort(rng.choice(np.arange(20, span), COLLABS, replace=False))
    frame = influencers.iloc[chosen][["handle", "network", "avg_reach"]].reset_index(drop=True)
    frame["in_target"] = 1 - influencers.iloc[chosen]["audience_other"].to_numpy()
    frame["day"] = case.PERIOD_START.normalize() + pd.to_timedelta(offsets, unit="D")
    # Visits a sponsored post brings: a small share of its real, in-target reach.
    frame["visits"] = frame["avg_reach"] * frame["in_target"] * 0.01
    return frame


def _journeys(rng, rnd, online, people, pool, collabs):
    """Sessions of the journeys that end in orders, and the orders themselves."""
    visitor_of: dict[str, int] = {}
    orders_so_far: dict[str, int] = {}
    next_visitor = 0
    rows, orders = [], []
    collab_days = collabs["day"].dt.tz_localize(None).to_numpy()
    country_of = people["country"].astype(str).to_dict()
    line_of = people["favourite_line"].astype(str).to_dict()

    for order in online.itertuples(index=False):
        person = order.person_id
        diaspora = country_of[person] != "Senegal"
        if person not in visitor_of:
            next_visitor += 1
            visitor_of[person] = next_visitor
        repeat = orders_so_far.get(person, 0)
        orders_so_far[person] = repeat + 1
        hint = PRODUCT_PAGES.get(line_of[person], "/boutique")
        # First orders take more visits than repeat orders.
        extra = rng.negative_binomial(1.5, 1.5 / (1.5 + (1.6 if repeat == 0 else 0.5)))
        checkout = float(rng.uniform(3, 25))
        stamps = [order.ordered_at - pd.Timedelta(minutes=checkout)]
        for _ in range(int(extra)):
            gap = min(rng.exponential(70.0), 24 * 30) + 0.5  # hours between visits
            earlier = stamps[-1] - pd.Timedelta(hours=gap)
            if earlier < case.PERIOD_START:
                break
            stamps.append(earlier)
        stamps.reverse()
        last = len(stamps) - 1
        for position, stamp in enumerate(stamps):
            if last == 0:
                mix = LAST_TOUCH if repeat or rnd.random() < 0.5 else FIRST_TOUCH
            elif position == 0:
                mix = MIDDLE_TOUCH if repeat else FIRST_TOUCH
            else:
                mix = LAST_TOUCH if position == last else MIDDLE_TOUCH
            kinds, weights = zip(*mix, strict=True)
            kind = rnd.choices(kinds, weights)[0]
            touch, page = None, None
            if kind == "paid":
                row = pool.take(rnd, stamp.strftime("%Y-%m-%d"), diaspora)
                if row is not None:
                    touch = pool.touch(row)
                    page = _creative_page(touch[3])
            elif kind == "influencer":
                day = stamp.tz_localize(None).to_datetime64()
                live = np.flatnonzero(
                    (collab_days <= day) & (day - collab_days < np.timedelta64(30, "D"))
                )
                if len(live):
                    collab = collabs.iloc[int(live[-1])]
                    touch = (collab["network"], "influencer", UTM_ORGANIC["influencer"][0],
                             collab["handle"], None)  # fmt: skip
                    page = rnd.choice(("/coffrets", "/boutique"))
            if touch is None:
                kind = "social:instagram" if kind in ("paid", "influencer") else kind
                touch = _touch(kind, rnd)
                page = _landing(kind, rnd, hint)
            buying = position == last
            visitor, customer = visitor_of[person], person
            if not buying and rnd.random() < NEW_DEVICE:
                next_visitor += 1
                visitor, customer = next_visitor, None
            rows.append((visitor, customer, stamp, *touch, page, country_of[person], buying))
            if buying:
                orders.append((len(rows) - 1, person, order.ordered_at, order.amount_xof,
                               order.items, order.products, order.channel, order.delivery,
                               checkout))  # fmt: skip
    columns = ["visitor", "customer_id", "started_at", *UTM_COLUMNS, "landing_page", "country",
               "buying"]  # fmt: skip
    sessions = pd.DataFrame(rows, columns=columns)
    orders = pd.DataFrame(
        orders,
        columns=["row", "customer_id", "ordered_at", "amount_xof", "items", "products",
                 "channel", "delivery", "checkout_min"],
    )  # fmt: skip
    return sessions, orders, next_visitor


def _random_times(rng, day_starts, count) -> pd.DatetimeIndex:
    hours = rng.choice(24, size=count, p=ACTIVITY_HOUR / ACTIVITY_HOUR.sum())
    return at_minutes(day_starts, hours * 60 + rng.uniform(0, 60, count))


def _non_buying(rng, rnd, pool, collabs, scale):
    """Visits that end without an order: leftover paid landings, organic, influencer."""
    # Paid landings not used by journeys.
    ad_rows = np.repeat(np.arange(len(pool.ads)), np.maximum(pool.left, 0))
    paid = pool.ads.loc[ad_rows].reset_index(drop=True)
    starts = pd.DatetimeIndex(paid["date"]).tz_localize(case.TIMEZONE)
    diaspora = pool.diaspora[ad_rows]
    paid_frame = pd.DataFrame(
        {
            "started_at": _random_times(rng, starts, len(paid)),
            "utm_source": paid["network"].astype(str).to_numpy(),
            "utm_medium": "paid_social",
            "utm_campaign": paid["campaign"].astype(str).to_numpy(),
            "utm_content": paid["creative"].astype(str).to_numpy(),
            "referrer": None,
            "landing_page": [_creative_page(str(c)) for c in paid["creative"]],
            "country": np.where(
                diaspora,
                rng.choice(
                    ["France", "Belgium", "USA", "Canada", "Italy"],
                    len(paid),
                    p=[0.62, 0.08, 0.12, 0.1, 0.08],
                ),
                "Senegal",
            ),  # fmt: skip
        }
    )

    # Organic and direct visits: Poisson per day, weekly rhythm, growing with the brand.
    day_index = days()
    rate = (
        BROWSING_PER_DAY
        * scale
        * ACTIVITY_WEEKDAY[np.asarray(day_index.day_of_week)]
        * np.linspace(0.8, 1.3, len(day_index))
    )
    counts = rng.poisson(rate)
    m = int(counts.sum())
    kinds, weights = zip(*BROWSING_MIX, strict=True)
    kind = rng.choice(kinds, size=m, p=np.array(weights) / sum(weights))
    touches = [_touch(k, rnd) for k in kind]
    pages = rng.choice(BROWSE_PAGES, size=m)
    blog = rng.choice(BLOG_PAGES, size=m)
    pages = np.where((kind == "search") & (rng.random(m) < 0.45), blog, pages)
    organic = pd.DataFrame(touches, columns=list(UTM_COLUMNS))
    organic.insert(0, "started_at", _random_times(rng, np.repeat(day_index, counts), m))
    organic["landing_page"] = pages
    organic["country"] = rng.choice(case.COUNTRIES, size=m, p=BROWSING_COUNTRIES)

    # Sponsored influencer posts bring visits over the following days.
    parts = []
    for collab in collabs.itertuples(index=False):
        visits = int(rng.poisson(collab.visits * scale))
        lag = pd.to_timedelta(np.floor(rng.exponential(1.5, visits)), unit="D")
        parts.append(
            pd.DataFrame(
                {
                    "started_at": _random_times(rng, collab.day + lag, visits),
                    "utm_source": collab.network,
                    "utm_medium": "influencer",
                    "utm_campaign": UTM_ORGANIC["influencer"][0],
                    "utm_content": collab.handle,
                    "referrer": None,
                    "landing_page": rng.choice(["/coffrets", "/boutique", "/"], visits),
                    "country": rng.choice(["Senegal", "France"], visits, p=[0.75, 0.25]),
                }
            )
        )
    frame = pd.concat([paid_frame, organic, *parts], ignore_index=True)
    frame["buying"] = False
    frame["customer_id"] = None
    return frame


def _assign_visitors(rng, frame, first_free, customers_by_time):
    """Cookies for non-buying visits: some return, some are known customers."""
    n = len(frame)
    visitor = np.arange(first_free + 1, first_free + 1 + n)
    # A quarter of visits come back from an earlier cookie (returning visitors).
    back = np.flatnonzero(rng.random(n) < 0.25)
    back = back[back > 0]
    source = (back * rng.random(len(back)) ** 0.3).astype(int)
    for target, origin in zip(back, source, strict=True):
        visitor[target] = visitor[origin]
    frame["visitor"] = visitor
    # Some visits are by customers who already bought online: their cookie is known.
    known = rng.random(n) < 0.12
    stamps = frame["started_at"].to_numpy()
    buyers_time, buyers_id, buyers_visitor = customers_by_time
    position = np.searchsorted(buyers_time, stamps, side="right")
    pick = (position * rng.random(n)).astype(int)
    usable = known & (position > 0)
    frame.loc[usable, "customer_id"] = buyers_id[pick[usable]]
    frame.loc[usable, "visitor"] = buyers_visitor[pick[usable]]
    return frame


def generate(
    seed: int,
    history: pd.DataFrame,
    audience: pd.DataFrame,
    ads: pd.DataFrame,
    influencers: pd.DataFrame,
    scale: float = 1.0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = rng_for(seed, "web")
    rnd = text_rng(seed, "web")
    pool = _PaidPool(rng, ads)
    collabs = _collabs(rng, influencers)
    people = audience.set_index("person_id")
    online = history[history["channel"].isin(["website", "whatsapp"])]
    online = online.sort_values(["ordered_at", "person_id"], kind="stable").reset_index(drop=True)

    journeys, orders, last_visitor = _journeys(rng, rnd, online, people, pool, collabs)
    journeys["key"] = np.arange(len(journeys))
    other = _non_buying(rng, rnd, pool, collabs, scale)
    # First online order of each customer: from then on their visits can be recognised.
    first = orders.groupby("customer_id", sort=True)["ordered_at"].min().sort_values(kind="stable")
    visitor_by_customer = journeys[journeys["buying"]].groupby("customer_id")["visitor"].first()
    buyers = (
        first.to_numpy(),
        first.index.to_numpy(dtype=object),
        visitor_by_customer.loc[first.index].to_numpy(),
    )
    other = _assign_visitors(rng, other, last_visitor, buyers)
    other["key"] = -1
    frame = pd.concat([journeys, other], ignore_index=True)
    frame = frame[
        (frame["started_at"] >= case.PERIOD_START) & (frame["started_at"] <= case.PERIOD_END)
    ]
    frame = frame.sort_values(["started_at", "visitor"], kind="stable").reset_index(drop=True)
    n = len(frame)

    diaspora = (frame["country"] != "Senegal").to_numpy()
    device = np.where(
        rng.random(n) < np.where(diaspora, 0.62, 0.86),
        "mobile",
        np.where(rng.random(n) < 0.85, "desktop", "tablet"),
    )
    buying = frame["buying"].to_numpy()
    pages = np.where(buying, 4 + rng.poisson(4, n), 1 + rng.negative_binomial(1, 0.45, n))
    per_page = np.exp(rng.normal(np.log(40), 0.6, n))
    duration = np.where(pages == 1, 0, np.round(pages * per_page)).astype(np.int64)
    session_ids = ids("S", n, width=6)

    sessions = pd.DataFrame(
        {
            "session_id": session_ids,
            "visitor_id": [f"V{v:06d}" for v in frame["visitor"]],
            "customer_id": frame["customer_id"].to_numpy(),
            "started_at": frame["started_at"].to_numpy(),
            "utm_source": frame["utm_source"].to_numpy(),
            "utm_medium": frame["utm_medium"].to_numpy(),
            "utm_campaign": frame["utm_campaign"].to_numpy(),
            "utm_content": frame["utm_content"].to_numpy(),
            "referrer": frame["referrer"].to_numpy(),
            "landing_page": frame["landing_page"].to_numpy(),
            "device": device,
            "country": frame["country"].to_numpy(),
            "pages": pages.astype(np.int64),
            "duration_s": duration,
        }
    )
    sessions["started_at"] = (
        pd.DatetimeIndex(sessions["started_at"]).tz_convert(case.TIMEZONE).floor("s")
    )
    # The order happens at the end of its session: make the session last at least that long.
    keys = frame["key"].to_numpy()
    session_of_key = pd.Series(np.flatnonzero(keys >= 0), index=keys[keys >= 0])
    order_rows = session_of_key.loc[orders["row"].to_numpy()].to_numpy()
    needed = np.round(orders["checkout_min"].to_numpy() * 60).astype(np.int64) + 20
    sessions.loc[order_rows, "duration_s"] = np.maximum(
        sessions.loc[order_rows, "duration_s"].to_numpy(), needed
    )
    orders = orders.assign(session_id=session_ids[order_rows])
    orders = orders.sort_values(["ordered_at", "session_id"], kind="stable").reset_index(drop=True)
    orders_out = pd.DataFrame(
        {
            "order_id": ids("O", len(orders)),
            "session_id": orders["session_id"].to_numpy(),
            "customer_id": orders["customer_id"].to_numpy(),
            "ordered_at": orders["ordered_at"].to_numpy(),
            "amount_xof": orders["amount_xof"].to_numpy(dtype=np.int64),
            "items": orders["items"].to_numpy(dtype=np.int64),
            "products": orders["products"].to_numpy(),
            "channel": orders["channel"].to_numpy(),
            "delivery": orders["delivery"].to_numpy(),
        }
    )
    orders_out["ordered_at"] = pd.DatetimeIndex(orders_out["ordered_at"]).tz_convert(case.TIMEZONE)
    return sessions, orders_out
