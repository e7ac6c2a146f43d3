"""What the data say about a group of people: the facts a persona is written from.

``persona_facts`` summarises rows of the ``audience`` table (one segment, one city, one
network…) into plain numbers and top-3 shares; ``fact_sheet`` lays them out as a column a
learner reads before writing a persona. The persona's story is the learner's job; these facts
keep it honest.
"""

from __future__ import annotations

from typing import Any

from . import messages
from .errors import AudienceError

NEEDED = (
    "person_id",
    "platform",
    "is_follower",
    "is_customer",
    "age_band",
    "gender",
    "city",
    "country",
    "language",
    "interests",
    "engagements_90d",
    "orders",
    "revenue_xof",
    "main_order_channel",
    "favourite_line",
    "whatsapp_optin",
)


def _top(values, n: int = 3) -> dict[str, float]:
    """The ``n`` most frequent values and their shares (ties: alphabetical)."""
    shares = values.dropna().astype(str).value_counts(normalize=True)
    ranked = sorted(shares.items(), key=lambda item: (-item[1], item[0]))
    return {label: round(float(share), 3) for label, share in ranked[:n]}


def persona_facts(people) -> dict[str, Any]:
    """Facts about the people in ``people`` (rows of the audience table) as plain values."""
    import pandas as pd

    if not isinstance(people, pd.DataFrame):
        raise AudienceError(messages.ERRORS["not_a_table"].format(what=type(people).__name__))
    missing = [c for c in NEEDED if c not in people.columns]
    if missing:
        raise AudienceError(messages.ERRORS["missing_columns"].format(columns=", ".join(missing)))
    if people.empty:
        raise AudienceError(messages.ERRORS["no_rows"])
    customers = people[people["is_customer"]]
    followers = people[people["is_follower"]]
    interests = people["interests"].dropna().str.split(";").explode().str.strip()
    interest_share = interests[interests != ""].value_counts() / len(people)
    ranked = sorted(interest_share.items(), key=lambda item: (-item[1], item[0]))[:3]
    has_customers = not customers.empty
    return {
        "people": int(len(people)),
        "followers": int(len(followers)),
        "customers": int(len(customers)),
        "customer_rate": round(len(customers) / len(people), 3),
        "revenue_xof": int(people["revenue_xof"].sum()),
        "revenue_per_person": round(float(people["revenue_xof"].sum()) / len(people)),
        "typical_age": next(iter(_top(people["age_band"], 1))),
        "women": round(float((people["gender"] == "female").mean()), 3),
        "countries": _top(people["country"]),
        "cities": _top(people["city"]),
        "platforms": _top(followers["platform"]) if not followers.empty else {},
        "languages": _top(people["language"]),
        "interests": {label: round(float(share), 3) for label, share in ranked},
        "favourite_line": _top(customers["favourite_line"]) if has_customers else {},
        "order_channel": _top(customers["main_order_channel"]) if has_customers else {},
        "orders_per_customer": float(customers["orders"].median()) if has_customers else 0.0,
        "revenue_per_customer": (
            float(customers["revenue_xof"].median()) if has_customers else 0.0
        ),
        "whatsapp_optin": round(float(people["whatsapp_optin"].mean()), 3),
        "engagements_90d": round(float(people["engagements_90d"].mean()), 2),
    }


# Facts that are shares (shown as percentages); every other number is a count or an amount.
SHARES = ("customer_rate", "women", "whatsapp_optin")


def _readable(key: str, value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{label} {share:.0%}" for label, share in value.items()) or "-"
    if key in SHARES:
        return f"{value:.0%}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:g}"
    return str(value)


def fact_sheet(people):
    """``persona_facts`` as a readable column (a pandas Series of text), labelled in words."""
    import pandas as pd

    facts = persona_facts(people)
    return pd.Series(
        {messages.FACT_LABELS[key]: _readable(key, value) for key, value in facts.items()},
        name="fact",
        dtype="str",
    )
