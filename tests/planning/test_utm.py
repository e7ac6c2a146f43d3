"""UTM links: built in the house order with the analytics' vocabulary, read back, and judged."""

from __future__ import annotations

import pytest

from cmkit.data import load
from cmkit.planning import LinkError, build_link, link_issues, parse_link

GOOD = (
    "https://keurthe.sn/coffrets?utm_source=instagram&utm_medium=social"
    "&utm_campaign=always_on&utm_content=bio_link"
)


def test_build_link_writes_the_four_tags_in_the_house_order():
    built = build_link(
        "/coffrets", source="instagram", medium="social", campaign="always_on", content="bio_link"
    )
    assert built == GOOD


def test_parse_link_reads_back_what_build_link_wrote():
    assert parse_link(GOOD) == {
        "page": "/coffrets",
        "utm_source": "instagram",
        "utm_medium": "social",
        "utm_campaign": "always_on",
        "utm_content": "bio_link",
    }


def test_parse_link_gives_none_for_a_missing_tag_and_slash_for_the_home_page():
    parsed = parse_link("https://keurthe.sn?utm_source=x")
    assert parsed["page"] == "/" and parsed["utm_source"] == "x" and parsed["utm_content"] is None


@pytest.mark.parametrize("value", ["keurthe.sn/coffrets", "", None, 42])
def test_parse_link_refuses_what_is_not_a_web_address_in_one_line(value):
    with pytest.raises(LinkError) as error:
        parse_link(value)
    assert str(error.value).startswith("link ") and "\n" not in str(error.value)


@pytest.mark.parametrize(
    "change",
    [
        {"page": "/shop"},
        {"source": "Instagram"},
        {"medium": "organic"},
        {"campaign": "korite_2027"},
        {"content": "link_in_bio"},
    ],
)
def test_build_link_refuses_values_outside_the_vocabulary(change):
    values = dict(source="instagram", medium="social", campaign="always_on", content="bio_link")
    values.update(change)
    page = values.pop("page", "/coffrets")
    with pytest.raises(LinkError) as error:
        build_link(page, **values)
    message = str(error.value)
    assert "\n" not in message and "use one of" in message


def test_an_influencer_handle_is_a_valid_content_for_influencer_traffic():
    handle = load("influencers")["handle"].iloc[0]
    link = build_link(
        "/", source="instagram", medium="influencer", campaign="collab_influenceurs", content=handle
    )
    assert link_issues(link) == []


def test_every_tagged_session_of_the_data_uses_the_vocabulary():
    sessions = load("web_sessions").dropna(subset=["utm_source"]).head(300)
    for row in sessions.itertuples():
        link = build_link(
            row.landing_page,
            source=row.utm_source,
            medium=row.utm_medium,
            campaign=row.utm_campaign,
            content=row.utm_content,
        )
        assert link_issues(link) == []


def ids(issues):
    return [message_id for message_id, _ in issues]


def test_a_good_link_has_no_issue_with_or_without_its_network():
    assert link_issues(GOOD) == []
    assert link_issues(GOOD, "instagram", "photo") == []


@pytest.mark.parametrize(
    ("link", "network", "format", "expected"),
    [
        (42, None, None, "link_not_text"),
        ("https://example.com/coffrets", None, None, "link_not_shop"),
        (GOOD.replace("/coffrets", "/shop"), None, None, "link_page"),
        (GOOD.replace("&utm_content=bio_link", ""), None, None, "link_missing"),
        (GOOD.replace("=bio_link", "="), None, None, "link_missing"),
        (GOOD + "&utm_source=facebook", None, None, "link_repeated"),
        (GOOD.replace("=instagram", "=Instagram"), None, None, "link_case"),
        (GOOD.replace("=social", "=organic"), None, None, "link_vocabulary"),
        (GOOD.replace("bio_link", "post_link"), "facebook", "photo", "link_source"),
        (GOOD.replace("=social", "=paid_social"), "instagram", "photo", "link_medium"),
        (GOOD.replace("=always_on", "=broadcast"), "instagram", "photo", "link_campaign"),
        (GOOD, "instagram", "story", "link_content"),
    ],
)
def test_link_issues_names_each_mistake(link, network, format, expected):
    found = ids(link_issues(link, network, format))
    assert found == ([expected] if expected else [])


def test_whatsapp_links_are_messaging_broadcasts():
    link = build_link(
        "/boutique",
        source="whatsapp",
        medium="messaging",
        campaign="broadcast",
        content="catalogue",
    )
    assert link_issues(link, "whatsapp", "text") == []
    social = link.replace("messaging", "social")
    assert "link_medium" in ids(link_issues(social, "whatsapp", "text"))
