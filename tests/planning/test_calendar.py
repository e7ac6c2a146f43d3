"""The calendar validator: every rule has a passing and a failing example, and every problem
is one line that says where, what is wrong and how to fix it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cmkit.planning import (
    CALENDAR_COLUMNS,
    Event,
    PlanningError,
    find_problems,
    validate_calendar,
    weekly_calendar,
)

from .helpers import EVENT_POSTS, MONTH, SLOTS, link, row_of, valid_calendar


def rules_broken(calendar, month=MONTH, **options) -> set[str]:
    return {problem.rule for problem in find_problems(calendar, month, **options)}


def post(when, network, format="photo", pillar="community", caption="Bonjour", **extra):
    row = {
        "scheduled_at": pd.Timestamp(when, tz="Africa/Dakar"),
        "network": network,
        "format": format,
        "pillar": pillar,
        "caption": caption,
        "link": "",
        "owner": "awa",
        "status": "draft",
    }
    row.update(extra)
    return row


def add(calendar, *rows):
    return pd.concat([calendar, pd.DataFrame(list(rows))], ignore_index=True)


def change(calendar, when, on, **values):
    """``calendar`` with new ``values`` for the post at ``when`` on network ``on``."""
    changed = calendar.copy()
    row = row_of(calendar, when, on)
    for column, value in values.items():
        changed[column] = changed[column].astype(object)
        changed.at[row, column] = value
    return changed


# --- the valid plan ---------------------------------------------------------------------------


def test_the_reference_plan_has_no_problem():
    assert validate_calendar(valid_calendar(), MONTH) == []


def test_validate_returns_the_messages_of_find_problems():
    calendar = change(valid_calendar(), "2026-12-07 12:30", "facebook", owner="paul")
    assert validate_calendar(calendar, MONTH) == [p.message for p in find_problems(calendar, MONTH)]


def test_the_calendar_is_not_changed():
    calendar = valid_calendar()
    before = calendar.copy()
    find_problems(change(calendar, "2026-12-07 12:30", "facebook", pillar="promo"), MONTH)
    pd.testing.assert_frame_equal(calendar, before)


def test_any_index_and_strings_for_times_are_accepted():
    calendar = valid_calendar().iloc[::-1]  # reversed, index not 0..n-1
    calendar = calendar.assign(scheduled_at=calendar["scheduled_at"].dt.strftime("%Y-%m-%d %H:%M"))
    assert validate_calendar(calendar, MONTH) == []


def test_naive_and_utc_times_are_read_as_dakar_time():
    calendar = valid_calendar()
    naive = calendar.assign(scheduled_at=calendar["scheduled_at"].dt.tz_localize(None))
    utc = calendar.assign(scheduled_at=calendar["scheduled_at"].dt.tz_convert("UTC"))
    assert validate_calendar(naive, MONTH) == []
    assert validate_calendar(utc, MONTH) == []


def test_a_month_can_be_a_period():
    assert validate_calendar(valid_calendar(), pd.Period("2026-12", "M")) == []


@pytest.mark.parametrize("month", ["December", "2026-13", None, "1999-01"])
def test_a_month_that_cannot_be_planned_raises_one_line(month):
    with pytest.raises(PlanningError) as error:
        validate_calendar(valid_calendar(), month)
    assert "\n" not in str(error.value) and "; " in str(error.value)


# --- failing examples, one per rule -----------------------------------------------------------

BROKEN = {
    "table: not a table": ("table", lambda c: ...),
    "table: a list of rows": ("table", lambda c: c.to_dict("records")),
    "table: a missing column": ("table", lambda c: c.drop(columns="owner")),
    "table: no rows": ("table", lambda c: c.iloc[0:0]),
    "datetime: not a date": (
        "datetime",
        lambda c: change(c, "2026-12-07 12:30", "facebook", scheduled_at="lundi midi"),
    ),
    "datetime: empty": (
        "datetime",
        lambda c: change(c, "2026-12-07 12:30", "facebook", scheduled_at=None),
    ),
    "month: next month": ("month", lambda c: add(c, post("2027-01-02 10:00", "facebook"))),
    "hours: at night": ("hours", lambda c: add(c, post("2026-12-02 03:00", "x", "text"))),
    "hours: 23:00 is too late": ("hours", lambda c: add(c, post("2026-12-02 23:00", "x", "text"))),
    "hours: 06:59 is too early": ("hours", lambda c: add(c, post("2026-12-02 06:59", "x", "text"))),
    "network: unknown": (
        "network",
        lambda c: change(c, "2026-12-07 12:30", "facebook", network="fb"),
    ),
    "network: capitals": (
        "network",
        lambda c: change(c, "2026-12-07 12:30", "facebook", network="Facebook"),
    ),
    "format: unknown": (
        "format",
        lambda c: change(c, "2026-12-07 12:30", "facebook", format="picture"),
    ),
    "format: not on this network": (
        "format",
        lambda c: change(c, "2026-12-07 08:30", "x", format="story"),
    ),
    "pillar: unknown": (
        "pillar",
        lambda c: change(c, "2026-12-07 12:30", "facebook", pillar="promo"),
    ),
    "caption: empty": ("caption", lambda c: change(c, "2026-12-07 12:30", "facebook", caption=" ")),
    "caption: too long for X with its link": (
        "caption",
        lambda c: change(c, "2026-12-04 08:30", "x", caption="a" * 257),
    ),
    "caption: too many hashtags": (
        "caption",
        lambda c: change(c, "2026-12-01 19:00", "instagram", caption="Thé " + "#a #b #c #d #e #f"),
    ),
    "caption: hashtags on WhatsApp": (
        "caption",
        lambda c: change(c, "2026-12-03 12:00", "whatsapp", caption="Promo #KeurThe"),
    ),
    "caption: a dead link on Instagram": (
        "caption",
        lambda c: change(
            c, "2026-12-01 19:00", "instagram", caption="Commandez sur https://keurthe.sn"
        ),
    ),
    "link: promotion without a link": (
        "link",
        lambda c: change(c, "2026-12-04 12:30", "facebook", link=""),
    ),
    "link: another site": (
        "link",
        lambda c: change(c, "2026-12-04 12:30", "facebook", link="https://example.com/coffrets"),
    ),
    "link: a tag missing": (
        "link",
        lambda c: change(
            c,
            "2026-12-04 12:30",
            "facebook",
            link="https://keurthe.sn/coffrets?utm_source=facebook&utm_medium=social"
            "&utm_campaign=always_on",
        ),
    ),
    "link: capitals": (
        "link",
        lambda c: change(
            c,
            "2026-12-04 12:30",
            "facebook",
            link="https://keurthe.sn/coffrets?utm_source=Facebook&utm_medium=social"
            "&utm_campaign=always_on&utm_content=post_link",
        ),
    ),
    "link: the wrong source": (
        "link",
        lambda c: change(
            c, "2026-12-04 12:30", "facebook", link=link("/coffrets", "x", "post_link")
        ),
    ),
    "link: a link in bio for a story": (
        "link",
        lambda c: change(
            c, "2026-12-02 12:30", "instagram", link=link("/coffrets", "instagram", "bio_link")
        ),
    ),
    "link: paid medium on an organic post": (
        "link",
        lambda c: change(
            c,
            "2026-12-04 12:30",
            "facebook",
            link="https://keurthe.sn/coffrets?utm_source=facebook&utm_medium=paid_social"
            "&utm_campaign=always_on&utm_content=post_link",
        ),
    ),
    "link: not text": ("link", lambda c: change(c, "2026-12-04 12:30", "facebook", link=42)),
    "owner: unknown": ("owner", lambda c: change(c, "2026-12-07 12:30", "facebook", owner="paul")),
    "owner: capitals": ("owner", lambda c: change(c, "2026-12-07 12:30", "facebook", owner="Awa")),
    "status: unknown": (
        "status",
        lambda c: change(c, "2026-12-07 12:30", "facebook", status="done"),
    ),
    "frequency: too few LinkedIn posts": ("frequency", lambda c: c[c["network"] != "linkedin"]),
    "frequency: too many Instagram posts in a week": (
        "frequency",
        lambda c: add(
            c,
            post("2026-12-07 08:00", "instagram"),
            post("2026-12-09 08:00", "instagram"),
            post("2026-12-10 08:00", "instagram"),
        ),
    ),
    "frequency: too many TikTok posts in a day": (
        "frequency",
        lambda c: add(
            c,
            post("2026-12-07 08:00", "tiktok", "reel"),
            post("2026-12-07 12:00", "tiktok", "reel"),
        ),
    ),
    "gap: two Instagram posts 2 h apart": (
        "gap",
        lambda c: add(c, post("2026-12-01 17:00", "instagram")),
    ),
    "gap: two Instagram posts at the same time": (
        "gap",
        lambda c: add(c, post("2026-12-01 19:00", "instagram")),
    ),
    "mix: too much promotion": (
        "mix",
        lambda c: change(
            change(
                c,
                "2026-12-07 12:30",
                "facebook",
                pillar="promotion",
                link=link("/", "facebook", "post_link"),
            ),
            "2026-12-14 12:30",
            "facebook",
            pillar="promotion",
            link=link("/", "facebook", "post_link"),
        ),
    ),
    "mix: the interact third too small": (
        "mix",
        lambda c: c.assign(
            pillar=c["pillar"].replace({"community": "education", "behind_the_scenes": "product"})
        ),
    ),
    "no_promotion: a promotion on a solemn day": (
        "no_promotion",
        lambda c: change(c, "2026-12-07 12:30", "facebook", pillar="promotion"),
    ),
    "presence: no wishes for Christmas": (
        "presence",
        lambda c: c[~c["caption"].str.startswith("Joyeux Noël")],
    ),
}

# A solemn day invented for the tests (a Monday with Facebook posts), plus the real December.
SOLEMN_MONDAY = Event("magal", dt.date(2026, 12, 7))


def events_for(name):
    from cmkit.planning import EVENTS

    return EVENTS + (SOLEMN_MONDAY,) if name.startswith("no_promotion") else EVENTS


@pytest.mark.parametrize("name", list(BROKEN))
def test_each_rule_catches_its_mistake(name):
    rule, breaks = BROKEN[name]
    calendar = breaks(valid_calendar())
    problems = find_problems(calendar, MONTH, events=events_for(name))
    assert rule in {p.rule for p in problems}, [p.message for p in problems]


@pytest.mark.parametrize("name", list(BROKEN))
def test_each_problem_is_one_line_saying_where_what_and_how(name):
    _, breaks = BROKEN[name]
    for problem in find_problems(breaks(valid_calendar()), MONTH, events=events_for(name)):
        message = str(problem)
        assert "\n" not in message
        where, _, rest = message.partition(": ")
        assert where and rest, message
        assert "; " in rest, f"no fix in: {message}"


def test_the_gap_message_names_the_network_the_gap_and_the_minimum():
    calendar = add(valid_calendar(), post("2026-12-01 17:00", "instagram"))
    [message] = [p.message for p in find_problems(calendar, MONTH) if p.rule == "gap"]
    assert message == (
        "2026-12-01 19:00 instagram: a second Instagram post 2 h after the previous one (17:00); "
        "keep at least 4 h between posts on the same network"
    )


def test_a_problem_points_at_the_post_it_is_about():
    calendar = change(valid_calendar(), "2026-12-07 12:30", "facebook", owner="paul")
    [problem] = find_problems(calendar, MONTH)
    assert problem.rule == "owner"
    assert problem.network == "facebook"
    assert problem.when == pd.Timestamp("2026-12-07 12:30", tz="Africa/Dakar")
    assert problem.message.startswith("2026-12-07 12:30 facebook: ")


def test_problems_come_in_time_order_then_the_month_as_a_whole():
    calendar = add(
        valid_calendar(),
        post("2026-12-20 03:00", "x", "text"),
        post("2026-12-02 03:00", "x", "text"),
    )
    calendar = calendar[calendar["network"] != "linkedin"]
    problems = find_problems(calendar, MONTH)
    timed = [p.when for p in problems if p.when is not None]
    assert timed == sorted(timed)
    assert problems[-1].when is None
    assert "frequency" in {p.rule for p in problems if p.when is None}


# --- passing examples at the edges of each rule -----------------------------------------------

PASSING = {
    "hours: 07:00 is early enough": lambda c: add(c, post("2026-12-03 07:00", "x", "text")),
    "hours: 22:59 is late enough": lambda c: add(c, post("2026-12-03 22:59", "x", "text")),
    "month: the last evening of the month": lambda c: change(
        c, "2026-12-31 12:00", "facebook", scheduled_at=pd.Timestamp("2026-12-31 22:00")
    ),
    "caption: 280 characters on X without a link": lambda c: change(
        c, "2026-12-07 08:30", "x", caption="a" * 280
    ),
    "caption: 5 hashtags on Instagram": lambda c: change(
        c, "2026-12-01 19:00", "instagram", caption="Thé #a #b #c #d #e"
    ),
    "caption: a link in a Facebook caption": lambda c: change(
        c, "2026-12-07 12:30", "facebook", caption="Voir https://keurthe.sn"
    ),
    "link: none on a post that does not sell": lambda c: change(
        c, "2026-12-07 12:30", "facebook", link=None
    ),
    "link: a link on a post that does not sell": lambda c: change(
        c, "2026-12-07 12:30", "facebook", link=link("/produits/kinkeliba", "facebook", "post_link")
    ),
    "link: www. in front of the shop": lambda c: change(
        c,
        "2026-12-04 12:30",
        "facebook",
        link=link("/coffrets", "facebook", "post_link").replace("://", "://www."),
    ),
    "gap: exactly the minimum": lambda c: add(c, post("2026-12-01 15:00", "instagram")),
    "gap: stories do not count": lambda c: add(
        c, post("2026-12-01 19:30", "instagram", "story", caption="Coulisses en story")
    ),
    "frequency: exactly the minimum (22 TikTok posts)": lambda c: c,
    "mix: exactly 20 % promotion": lambda c: c.drop(
        index=row_of(c, "2026-12-05 11:00", "instagram")
    ),
    "presence: wishes on 25 December": lambda c: change(
        c, "2026-12-24 12:00", "instagram", scheduled_at=pd.Timestamp("2026-12-25 12:00")
    ),
}


@pytest.mark.parametrize("name", list(PASSING))
def test_a_plan_at_the_edge_of_a_rule_passes(name):
    calendar = PASSING[name](valid_calendar())
    assert validate_calendar(calendar, MONTH) == []


def test_exactly_twenty_percent_promotion_is_what_the_edge_example_tests():
    calendar = PASSING["mix: exactly 20 % promotion"](valid_calendar())
    assert (calendar["pillar"] == "promotion").mean() == pytest.approx(0.20)
    assert (calendar["network"] == "tiktok").sum() == 22


def test_wishes_on_23_december_are_too_early_for_christmas():
    calendar = change(
        valid_calendar(),
        "2026-12-24 12:00",
        "instagram",
        scheduled_at=pd.Timestamp("2026-12-23 12:00", tz="Africa/Dakar"),
    )
    assert rules_broken(calendar) == {"presence"}


def test_a_promotion_on_a_day_without_a_solemn_event_is_fine():
    calendar = change(
        valid_calendar(),
        "2026-12-07 12:30",
        "facebook",
        pillar="promotion",
        link=link("/", "facebook", "post_link"),
    )
    calendar = change(calendar, "2026-12-04 12:30", "facebook", pillar="product")
    assert "no_promotion" not in rules_broken(calendar)


def test_the_december_template_copied_into_march_2027_meets_korite_and_the_lions():
    march = weekly_calendar("2027-03", SLOTS)
    problems = find_problems(march, "2027-03")
    rules = [p.rule for p in problems]
    assert rules.count("no_promotion") == 3  # Laylat al-Qadr (Friday) and Korité (Wednesday)
    assert rules.count("presence") == 2  # Korité wishes, the Lions' match
    messages = " ".join(p.message for p in problems)
    assert "Korité" in messages and "Lions" in messages


# --- the weekly template ----------------------------------------------------------------------


def test_weekly_calendar_repeats_each_slot_on_its_weekday():
    calendar = weekly_calendar(MONTH, SLOTS)
    assert list(calendar.columns) == list(CALENDAR_COLUMNS)
    tuesdays = calendar[calendar["network"] == "linkedin"]["scheduled_at"]
    assert len(tuesdays) == 5 and (tuesdays.dt.day_name() == "Tuesday").all()
    assert str(calendar["scheduled_at"].dt.tz) == "Africa/Dakar"
    assert calendar["scheduled_at"].is_monotonic_increasing
    assert (calendar["status"] == "draft").all()


@pytest.mark.parametrize(
    "bad",
    [{"weekday": "Funday"}, {"time": "7pm"}, {"time": "25:00"}, {"owner": None}],
)
def test_weekly_calendar_explains_a_bad_slot_in_one_line(bad):
    slot = {**SLOTS[0], **bad}
    if bad.get("owner", "") is None:
        del slot["owner"]
    with pytest.raises(PlanningError) as error:
        weekly_calendar(MONTH, [slot])
    assert str(error.value).startswith("slot 1: ") and "\n" not in str(error.value)


def test_event_posts_fixture_matches_the_calendar_columns():
    assert all(set(row) == set(CALENDAR_COLUMNS) for row in EVENT_POSTS)


def test_weekly_calendar_takes_a_table_of_slots_too():
    table = pd.DataFrame(SLOTS).fillna({"link": ""})
    pd.testing.assert_frame_equal(weekly_calendar(MONTH, table), weekly_calendar(MONTH, SLOTS))
