"""Keur Thé's house rules for an editorial calendar, as data the validator reads.

Every number here is a decision a community manager can defend, and an instructor can change
(``dataclasses.replace(HOUSE_RULES, ...)``) without touching the validator:

- **rhythm per network**: feed posts a week (stories are not counted), posts a day, and the
  shortest gap between two posts on the same network, so the networks do not bury one post
  under the next and followers do not mute the account;
- **network codes**: formats each network takes, the caption length (platform limits, except
  WhatsApp's house limit), hashtags (house limits: a few relevant tags read better than a wall),
  whether a link in the caption can be clicked, and where the tagged link goes (``utm_content``);
- **mix**: the 80/20 rule (at most a fifth of the posts sell) and the rule of thirds (promote,
  share, interact: each roughly a third);
- **hours, owners and statuses** of the plan.

Local events and holidays live in ``events.py``; the sentences a learner reads in ``messages.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from cmkit.data import case
from cmkit.data.specs import FORMATS, LANDING_PAGES, PILLARS, UTM_ORGANIC

TIMEZONE = case.TIMEZONE  # Africa/Dakar: UTC+0 all year, no daylight saving time
NETWORKS = case.NETWORKS

# The shop's address; landing pages are those of the web_sessions data card.
SHOP_URL = "https://keurthe.sn"
PAGES = LANDING_PAGES

# The columns of a calendar, in order. ``scheduled_at`` is local time in Dakar.
CALENDAR_COLUMNS = (
    "scheduled_at",
    "network",
    "format",
    "pillar",
    "caption",
    "link",
    "owner",
    "status",
)
OWNERS = tuple(person for person in case.TEAM if person != "auto_reply")
STATUSES = ("idea", "draft", "to_approve", "approved", "scheduled")

# Rule of thirds: a third of the posts promote the brand, a third share ideas, culture and
# know-how, a third interact with the community. Each pillar belongs to one third.
THIRDS = {
    "promote": ("product", "promotion"),
    "share": ("education", "events_culture"),
    "interact": ("community", "behind_the_scenes"),
}


@dataclass(frozen=True)
class NetworkRule:
    """The rhythm and the codes of one network in Keur Thé's plan."""

    network: str
    min_per_week: int  # feed posts (stories not counted)
    max_per_week: int
    max_per_day: int
    min_gap_hours: float  # between two feed posts on this network
    formats: tuple[str, ...]
    caption_max: int  # characters
    hashtags_max: int
    link_in_caption: bool  # can a link in the caption be clicked?
    feed_placement: str  # utm_content of a feed post's link
    story_placement: str | None = None  # utm_content of a story's link
    placements: tuple[str, ...] = ()  # extra utm_content values allowed (WhatsApp)


NETWORK_RULES = {
    rule.network: rule
    for rule in (
        NetworkRule(
            "facebook",
            min_per_week=3,
            max_per_week=6,
            max_per_day=2,
            min_gap_hours=4,
            formats=("photo", "carousel", "video", "reel", "link", "text", "live", "story"),
            caption_max=63_206,
            hashtags_max=3,
            link_in_caption=True,
            feed_placement="post_link",
            story_placement="story_link",
        ),
        NetworkRule(
            "instagram",
            min_per_week=4,
            max_per_week=7,
            max_per_day=2,
            min_gap_hours=4,
            formats=("photo", "carousel", "reel", "live", "story"),
            caption_max=2_200,
            hashtags_max=5,
            link_in_caption=False,
            feed_placement="bio_link",
            story_placement="story_link",
        ),
        NetworkRule(
            "tiktok",
            min_per_week=5,
            max_per_week=10,
            max_per_day=2,
            min_gap_hours=3,
            formats=("reel", "live"),
            caption_max=4_000,
            hashtags_max=5,
            link_in_caption=False,
            feed_placement="bio_link",
        ),
        NetworkRule(
            "linkedin",
            min_per_week=1,
            max_per_week=2,
            max_per_day=1,
            min_gap_hours=24,
            formats=("photo", "carousel", "video", "link", "text"),
            caption_max=3_000,
            hashtags_max=3,
            link_in_caption=True,
            feed_placement="post_link",
        ),
        NetworkRule(
            "x",
            min_per_week=3,
            max_per_week=10,
            max_per_day=4,
            min_gap_hours=2,
            formats=("photo", "video", "link", "text"),
            caption_max=280,
            hashtags_max=2,
            link_in_caption=True,
            feed_placement="post_link",
        ),
        NetworkRule(
            "whatsapp",
            min_per_week=1,
            max_per_week=2,
            max_per_day=1,
            min_gap_hours=24,
            formats=("photo", "video", "link", "text"),
            caption_max=700,
            hashtags_max=0,
            link_in_caption=True,
            feed_placement="promo_message",
            placements=UTM_ORGANIC["messaging"][1],
        ),
    )
}

# On X a link in the text always counts as 23 characters, plus the space before it.
X_LINK_LENGTH = 23


def organic_medium(network: str) -> str:
    """The ``utm_medium`` of an organic post: WhatsApp is messaging, the rest social."""
    return "messaging" if network == "whatsapp" else "social"


def organic_campaign(network: str) -> str:
    """The ``utm_campaign`` of an organic post (web_sessions vocabulary)."""
    return UTM_ORGANIC[organic_medium(network)][0]


def placements_for(network: str, format: str | None = None) -> tuple[str, ...]:
    """The ``utm_content`` values a post of this network and format may carry."""
    rule = NETWORK_RULES[network]
    if rule.placements:
        return rule.placements
    if format == "story" and rule.story_placement:
        return (rule.story_placement,)
    return (rule.feed_placement,)


@dataclass(frozen=True)
class HouseRules:
    """Everything the calendar validator checks, except the dated events (see events.py)."""

    networks: dict[str, NetworkRule] = field(default_factory=lambda: dict(NETWORK_RULES))
    max_promotion_share: float = 0.20  # the 80/20 rule
    thirds: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(THIRDS))
    third_share: tuple[float, float] = (0.25, 0.42)  # each third "roughly a third"
    presence_pillars: tuple[str, ...] = ("events_culture",)  # what shows up on a key moment
    first_hour: int = 7  # posts start at 07:00 or later…
    last_hour: int = 23  # …and before 23:00, Dakar time
    owners: tuple[str, ...] = OWNERS
    statuses: tuple[str, ...] = STATUSES
    pillars: tuple[str, ...] = PILLARS
    formats: tuple[str, ...] = FORMATS
    shop_url: str = SHOP_URL


HOUSE_RULES = HouseRules()


def rules_table(rules: HouseRules = HOUSE_RULES) -> pd.DataFrame:
    """The rhythm and codes of each network as a table, for reading in a notebook."""
    rows = []
    for rule in rules.networks.values():
        rows.append(
            {
                "network": rule.network,
                "feed posts a week": f"{rule.min_per_week}–{rule.max_per_week}",
                "max a day": rule.max_per_day,
                "min gap (h)": rule.min_gap_hours,
                "formats": ", ".join(rule.formats),
                "caption max (characters)": rule.caption_max,
                "hashtags max": rule.hashtags_max,
                "clickable link in caption": rule.link_in_caption,
                "utm_content": ", ".join(placements_for(rule.network))
                + (f", {rule.story_placement} (stories)" if rule.story_placement else ""),
            }
        )
    return pd.DataFrame(rows).set_index("network")
