"""UTM links: build them with the analytics' vocabulary, read them back, and find what is wrong.

A UTM link is the shop's address plus four tags that tell the analytics where a visit came
from. Keur Thé writes them in one order, in lower case, with the vocabulary of the
``web_sessions`` data card::

    https://keurthe.sn/coffrets?utm_source=instagram&utm_medium=social&utm_campaign=always_on&utm_content=bio_link

- ``utm_source``: the network (or ``newsletter``) the visitor came from;
- ``utm_medium``: the kind of traffic: ``social`` (organic posts), ``paid_social``,
  ``influencer``, ``email``, ``messaging`` (WhatsApp);
- ``utm_campaign``: ``always_on`` for organic social posts, ``broadcast`` for WhatsApp,
  ``newsletter_mensuelle`` for e-mail, ``collab_influenceurs``, or a paid campaign's name;
- ``utm_content``: where the link sat (``bio_link``, ``post_link``, ``story_link``, WhatsApp's
  ``catalogue``, ``promo_message``, ``status_link``…), an ad creative, or an influencer handle.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from cmkit.data import case
from cmkit.data.specs import UTM_CAMPAIGNS, UTM_MEDIUMS, UTM_PLACEMENTS, UTM_SOURCES

from . import messages
from .errors import LinkError
from .rules import (
    NETWORK_RULES,
    PAGES,
    SHOP_URL,
    organic_campaign,
    organic_medium,
    placements_for,
)

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content")
VOCABULARY = {
    "utm_source": UTM_SOURCES,
    "utm_medium": UTM_MEDIUMS,
    "utm_campaign": UTM_CAMPAIGNS,
    # influencer handles are also allowed, for utm_medium=influencer
    "utm_content": (*UTM_PLACEMENTS, *case.AD_CREATIVES),
}
EXAMPLE = (
    f"{SHOP_URL}/coffrets?utm_source=facebook&utm_medium=social"
    "&utm_campaign=always_on&utm_content=post_link"
)


def _options(values) -> str:
    return ", ".join(map(repr, values))


def build_link(
    page: str,
    *,
    source: str,
    medium: str,
    campaign: str,
    content: str,
    shop_url: str = SHOP_URL,
) -> str:
    """The tagged link to ``page`` of the shop, tags in the house order.

    Raises ``LinkError`` (one line: the tag, the value, the allowed values) for a page or a tag
    outside the web_sessions vocabulary; influencer handles are accepted as ``content`` when
    ``medium`` is ``influencer``.
    """
    if page not in PAGES:
        raise LinkError(messages.say("build_bad_page", page=page, options=_options(PAGES)))
    tags = dict(zip(UTM_KEYS, (source, medium, campaign, content), strict=True))
    for key, value in tags.items():
        if key == "utm_content" and medium == "influencer" and isinstance(value, str) and value:
            continue
        if value not in VOCABULARY[key]:
            raise LinkError(
                messages.say(
                    "build_bad_value", param=key, value=value, options=_options(VOCABULARY[key])
                )
            )
    return f"{shop_url}{page}?{urlencode(tags)}"


def parse_link(link: str) -> dict[str, str | None]:
    """The page and the four UTM tags of ``link`` (``None`` for a missing tag).

    Raises ``LinkError`` if ``link`` is not a web address at all. It does not judge the values:
    ``link_issues`` does.
    """
    parts = _split(link)
    if parts is None:
        raise LinkError(messages.say("parse_not_link", value=link, example=EXAMPLE))
    query = parse_qs(parts.query, keep_blank_values=True)
    result: dict[str, str | None] = {"page": parts.path or "/"}
    for key in UTM_KEYS:
        values = query.get(key)
        result[key] = values[0] if values else None
    return result


def _split(link):
    if not isinstance(link, str):
        return None
    parts = urlsplit(link.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return parts


def link_issues(
    link: str, network: str | None = None, format: str | None = None, shop_url: str = SHOP_URL
) -> list[tuple[str, dict]]:
    """What is wrong with ``link``, as ``(message id, values)`` pairs (empty when it is right).

    Without ``network`` the link is checked against the vocabulary only; with it, also against
    the house convention for an organic post on that network (and ``format``: a story's link is
    a ``story_link``).
    """
    if not isinstance(link, str):
        return [("link_not_text", {"value": link})]
    parts = _split(link)
    shop = urlsplit(shop_url)
    if parts is None or parts.netloc.lower() not in (shop.netloc, "www." + shop.netloc):
        return [("link_not_shop", {"value": link, "shop": shop_url})]
    issues: list[tuple[str, dict]] = []
    page = parts.path or "/"
    if page not in PAGES:
        issues.append(("link_page", {"page": page, "options": _options(PAGES)}))
    query = parse_qs(parts.query, keep_blank_values=True)
    values: dict[str, str] = {}
    for key in UTM_KEYS:
        found = query.get(key, [])
        if not found or not found[0]:
            issues.append(("link_missing", {"param": key}))
        elif len(found) > 1:
            issues.append(("link_repeated", {"param": key, "n": len(found)}))
        else:
            values[key] = found[0]
    medium = values.get("utm_medium")
    if network not in NETWORK_RULES:
        network = None  # an unknown network is reported by the calendar, not here
    for key, value in values.items():
        if value != value.lower():
            issues.append(("link_case", {"param": key, "value": value, "lower": value.lower()}))
            continue
        if key == "utm_content" and medium == "influencer":
            continue
        if value not in VOCABULARY[key]:
            issues.append(
                (
                    "link_vocabulary",
                    {"param": key, "value": value, "options": _options(VOCABULARY[key])},
                )
            )
            continue
        if network is None:
            continue
        names = {"network": network, "network_name": messages.NETWORK_NAMES.get(network, network)}
        if key == "utm_source" and value != network:
            issues.append(("link_source", {"value": value, **names}))
        elif key == "utm_medium" and value != organic_medium(network):
            expected = organic_medium(network)
            issues.append(("link_medium", {"value": value, "expected": expected, **names}))
        elif key == "utm_campaign" and value != organic_campaign(network):
            expected = organic_campaign(network)
            issues.append(("link_campaign", {"value": value, "expected": expected, **names}))
        elif key == "utm_content" and value not in placements_for(network, format):
            allowed = _options(placements_for(network, format))
            shown = format or "post"
            issues.append(
                ("link_content", {"value": value, "format": shown, "options": allowed, **names})
            )
    return issues
