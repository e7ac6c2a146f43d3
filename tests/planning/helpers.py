"""A plan for December 2026 that passes every rule, and ways to break it one rule at a time."""

from __future__ import annotations

import pandas as pd

from cmkit.planning import build_link, weekly_calendar

MONTH = "2026-12"


def link(page: str, network: str, content: str) -> str:
    medium = "messaging" if network == "whatsapp" else "social"
    campaign = "broadcast" if network == "whatsapp" else "always_on"
    return build_link(page, source=network, medium=medium, campaign=campaign, content=content)


def slot(weekday, time, network, format, pillar, caption, owner="awa", **extra):
    return dict(
        weekday=weekday,
        time=time,
        network=network,
        format=format,
        pillar=pillar,
        caption=caption,
        owner=owner,
        **extra,
    )


SLOTS = [
    slot("Mon", "12:30", "facebook", "photo", "product", "Le kinkeliba du matin"),
    slot("Wed", "19:30", "facebook", "carousel", "education", "5 choses sur le bissap #KeurThe"),
    slot(
        "Fri",
        "12:30",
        "facebook",
        "link",
        "promotion",
        "Les coffrets de fin d'année sont là",
        link=link("/coffrets", "facebook", "post_link"),
    ),
    slot("Sat", "19:00", "facebook", "photo", "community", "Votre attaya du week-end ?"),
    slot("Tue", "19:00", "instagram", "reel", "product", "Bissap gingembre #KeurThe", "fatou"),
    slot("Thu", "19:30", "instagram", "carousel", "education", "Le kinkeliba en 5 images"),
    slot("Fri", "19:00", "instagram", "photo", "community", "Votre photo de la semaine"),
    slot("Sat", "11:00", "instagram", "reel", "behind_the_scenes", "Dans l'atelier"),
    slot("Sun", "19:00", "instagram", "photo", "events_culture", "Dimanche, attaya en famille"),
    slot(
        "Wed",
        "12:30",
        "instagram",
        "story",
        "promotion",
        "Coffret fêtes : lien en story",
        link=link("/coffrets", "instagram", "story_link"),
    ),
    slot("Mon", "20:00", "tiktok", "reel", "community", "Duo : votre attaya", "moussa"),
    slot("Tue", "20:30", "tiktok", "reel", "education", "Les 3 verres de l'attaya", "moussa"),
    slot("Thu", "20:00", "tiktok", "reel", "behind_the_scenes", "Une journée à l'atelier"),
    slot("Sat", "20:30", "tiktok", "reel", "events_culture", "Sabar et bissap #Dakar"),
    slot("Sun", "20:00", "tiktok", "reel", "product", "Gingembre pur : ça pique !"),
    slot("Tue", "09:00", "linkedin", "photo", "behind_the_scenes", "Nos productrices à Thiès"),
    slot("Mon", "08:30", "x", "text", "education", "Le kinkeliba se boit chaud ou froid"),
    slot("Wed", "08:30", "x", "photo", "product", "Nouveau : bissap gingembre 100 g"),
    slot(
        "Fri",
        "08:30",
        "x",
        "link",
        "promotion",
        "Coffrets : commandez avant le 20",
        link=link("/coffrets", "x", "post_link"),
    ),
    slot(
        "Thu",
        "12:00",
        "whatsapp",
        "text",
        "promotion",
        "-10 % sur le coffret découverte",
        link=link("/coffrets", "whatsapp", "promo_message"),
    ),
]

EVENT_POSTS = [
    {
        "scheduled_at": pd.Timestamp("2026-12-24 12:00", tz="Africa/Dakar"),
        "network": "instagram",
        "format": "photo",
        "pillar": "events_culture",
        "caption": "Joyeux Noël à toute la communauté ! #KeurThe",
        "link": "",
        "owner": "fatou",
        "status": "draft",
    },
    {
        "scheduled_at": pd.Timestamp("2026-12-31 12:00", tz="Africa/Dakar"),
        "network": "facebook",
        "format": "photo",
        "pillar": "events_culture",
        "caption": "Merci pour cette année ensemble. Dewenati !",
        "link": "",
        "owner": "awa",
        "status": "draft",
    },
]


def valid_calendar() -> pd.DataFrame:
    """December 2026: a weekly template plus wishes for Christmas and New Year's Eve."""
    calendar = weekly_calendar(MONTH, SLOTS)
    extra = pd.DataFrame(EVENT_POSTS)
    return (
        pd.concat([calendar, extra], ignore_index=True)
        .sort_values("scheduled_at", kind="stable")
        .reset_index(drop=True)
    )


def row_of(calendar: pd.DataFrame, when: str, network: str) -> int:
    """The position of the post at ``when`` (local time) on ``network``."""
    stamp = pd.Timestamp(when, tz="Africa/Dakar")
    matches = calendar.index[
        (calendar["scheduled_at"] == stamp) & (calendar["network"] == network)
    ].tolist()
    assert len(matches) == 1, f"no single post at {when} on {network}"
    return matches[0]
