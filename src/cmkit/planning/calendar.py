"""Check an editorial calendar against the house rules and the month's local events.

A calendar is a table with one row per planned post and the columns of
``rules.CALENDAR_COLUMNS``: ``scheduled_at`` (date and time in Dakar), ``network``, ``format``,
``pillar``, ``caption``, ``link`` (a UTM-tagged link to the shop, or empty), ``owner`` and
``status``. ``validate_calendar(calendar, "2026-12")`` returns its problems as one-line,
human-readable sentences (an empty list when the plan is ready), so a learner can fix them one
by one::

    for problem in validate_calendar(calendar, "2026-12"):
        print(problem)

The rules, each with a passing and a failing example in ``tests/planning``:

=================  ==========================================================================
rule               what it checks
=================  ==========================================================================
``table``          the calendar is a table with the columns above and at least one row
``datetime``       ``scheduled_at`` reads as a date and time
``month``          every post is in the month planned
``hours``          posts start from 07:00 to before 23:00, Dakar time
``network``        a known network, in lower case (as are ``format``, ``pillar``, ``owner``…)
``format``         a format the network takes (no story on X, only videos on TikTok…)
``pillar``         one of the six content pillars
``caption``        not empty; within the network's length; few hashtags; no dead link
``link``           empty, or a shop link with the four UTM tags, the web_sessions vocabulary
                   and the house convention for the network (promotion posts need one)
``owner``          one of the content team; ``status``: one of the plan's statuses
``frequency``      feed posts a week and a day within the network's range (stories apart)
``gap``            two feed posts on the same network are far enough apart
``mix``            promotion at most 20 % (80/20); each third of the rule of thirds 25–42 %
``no_promotion``   no promotional post on a solemn day (Magal, Korité morning…)
``presence``       an ``events_culture`` post on the key moments (Korité wishes, a Lions match…)
=================  ==========================================================================
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd

from . import messages
from .errors import PlanningError
from .events import EVENTS, Event, events_in, month_period
from .rules import CALENDAR_COLUMNS, HOUSE_RULES, TIMEZONE, X_LINK_LENGTH, HouseRules
from .utm import link_issues

HASHTAG = re.compile(r"#\w+")
URL_IN_TEXT = re.compile(r"https?://|www\.|\b[\w-]+\.(?:sn|com|fr|net|org)/", re.IGNORECASE)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Problem:
    """One problem of a calendar: the rule it breaks and a one-line sentence for the learner."""

    rule: str
    message: str
    when: pd.Timestamp | None = None
    network: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        return self.message


# --- reading the table ----------------------------------------------------------------------


def _describe(value) -> str:
    if value is Ellipsis:
        return "still the placeholder `...`"
    if value is None:
        return "None (nothing was stored)"
    return f"a {type(value).__name__}"


def _timestamp(value) -> pd.Timestamp | None:
    """``value`` as a Dakar timestamp, or None when it is not a date and time."""
    if value is None or value is Ellipsis or isinstance(value, bool):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    if not isinstance(value, (str, dt.datetime, dt.date, pd.Timestamp)):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(stamp):
        return None
    return stamp.tz_convert(TIMEZONE) if stamp.tzinfo else stamp.tz_localize(TIMEZONE)


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _norm(value) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None


def _options(values) -> str:
    return ", ".join(map(repr, values))


def _pct(share: float, exact: bool = False) -> str:
    """A share in percent; ``exact`` keeps a decimal when rounding would hide the problem."""
    if exact and not float(round(share * 100, 6)).is_integer():
        return f"{share:.1%}"
    return f"{share:.0%}"


def _duration(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} min"
    if float(hours).is_integer():
        return f"{int(hours)} h"
    return f"{hours:.1f} h"


def _month_name(period: pd.Period) -> str:
    return f"{messages.MONTHS[period.month - 1]} {period.year}"


@dataclass
class _Post:
    row: int
    where: str
    when: pd.Timestamp | None
    network: str | None  # known networks only, lower case
    format: str | None
    pillar: str | None
    in_month: bool


# --- the validator ----------------------------------------------------------------------------


def find_problems(
    calendar,
    month,
    *,
    rules: HouseRules = HOUSE_RULES,
    events: tuple[Event, ...] = EVENTS,
) -> list[Problem]:
    """Every problem of ``calendar`` as a plan for ``month`` (empty when the plan is ready)."""
    period = month_period(month)
    if not isinstance(calendar, pd.DataFrame):
        return [Problem("table", messages.say("not_a_table", what=_describe(calendar)))]
    missing = [column for column in CALENDAR_COLUMNS if column not in calendar.columns]
    if missing:
        text = messages.say(
            "missing_columns", columns=_options(missing), expected=_options(CALENDAR_COLUMNS)
        )
        return [Problem("table", text)]
    if len(calendar) == 0:
        return [Problem("table", messages.say("no_rows"))]

    table = calendar.reset_index(drop=True)
    row_problems: list[Problem] = []
    posts: list[_Post] = []
    for row in range(len(table)):
        record = table.iloc[row]
        post, found = _check_row(row, record, period, rules)
        posts.append(post)
        row_problems += found

    ready = [p for p in posts if p.when is not None and p.in_month and p.network]
    month_problems = (
        _frequency_problems(ready, period, rules)
        + _gap_problems(ready, rules)
        + _mix_problems(ready, rules)
        + _event_problems(ready, period, events, rules)
    )
    timed = [p for p in row_problems + month_problems if p.when is not None]
    untimed_rows = [p for p in row_problems if p.when is None]
    untimed_month = [p for p in month_problems if p.when is None]
    timed.sort(key=lambda p: (p.when, p.network or "", p.row if p.row is not None else -1))
    return untimed_rows + timed + untimed_month


def validate_calendar(
    calendar,
    month,
    *,
    rules: HouseRules = HOUSE_RULES,
    events: tuple[Event, ...] = EVENTS,
) -> list[str]:
    """The problems of ``calendar`` for ``month`` as one-line sentences; ``[]`` when ready.

    ``month`` is written like ``"2026-12"``. Print them one a line and fix them in order.
    """
    return [
        problem.message for problem in find_problems(calendar, month, rules=rules, events=events)
    ]


def _check_row(row: int, record, period: pd.Period, rules: HouseRules):
    problems: list[Problem] = []
    when = _timestamp(record["scheduled_at"])
    raw_network = record["network"]
    shown_network = str(raw_network).strip() if isinstance(raw_network, str) else repr(raw_network)
    if when is None:
        where = messages.say("where_row", row=row)
    else:
        where = messages.say("where_post", when=f"{when:%Y-%m-%d %H:%M}", network=shown_network)

    network = _norm(raw_network) if _norm(raw_network) in rules.networks else None

    def add(rule: str, message_id: str, **values) -> None:
        text = messages.say(message_id, where=where, **values)
        problems.append(Problem(rule, text, when, network, row))

    in_month = False
    if when is None:
        add("datetime", "bad_datetime", value=record["scheduled_at"])
    else:
        in_month = (when.year, when.month) == (period.year, period.month)
        if not in_month:
            add("month", "outside_month", month=_month_name(period))
        elif not rules.first_hour <= when.hour < rules.last_hour:
            add(
                "hours",
                "bad_hour",
                time=f"{when:%H:%M}",
                first=rules.first_hour,
                last=rules.last_hour,
            )

    def vocabulary(rule: str, column: str, allowed) -> str | None:
        value = record[column]
        if isinstance(value, str) and value in allowed:
            return value
        if isinstance(value, str) and _norm(value) in allowed:
            add(rule, "lower_case", column=column, value=value, lower=_norm(value))
            return _norm(value)
        add(rule, "unknown_value", column=column, value=value, options=_options(allowed))
        return None

    vocabulary("network", "network", tuple(rules.networks))
    format = vocabulary("format", "format", rules.formats)
    pillar = vocabulary("pillar", "pillar", rules.pillars)
    network_rule = rules.networks.get(network) if network else None
    network_name = messages.NETWORK_NAMES.get(network, network)
    if network_rule and format and format not in network_rule.formats:
        add(
            "format",
            "format_network",
            network_name=network_name,
            value=format,
            options=_options(network_rule.formats),
        )

    link = record["link"]
    has_link = not _blank(link)
    caption = record["caption"]
    if _blank(caption) or not isinstance(caption, str):
        add("caption", "empty_caption")
    elif network_rule:
        length = len(caption)
        extra = ""
        if network == "x" and has_link:
            length += 1 + X_LINK_LENGTH
            extra = messages.say("x_link_extra")
        if length > network_rule.caption_max:
            add(
                "caption",
                "caption_too_long",
                n=length,
                extra=extra,
                network_name=network_name,
                limit=network_rule.caption_max,
            )
        tags = len(HASHTAG.findall(caption))
        if tags > network_rule.hashtags_max:
            if network_rule.hashtags_max == 0:
                add("caption", "no_hashtags", n=tags, network_name=network_name)
            else:
                add(
                    "caption",
                    "too_many_hashtags",
                    n=tags,
                    limit=network_rule.hashtags_max,
                    network_name=network_name,
                )
        if not network_rule.link_in_caption and URL_IN_TEXT.search(caption):
            placement = network_rule.story_placement if format == "story" else None
            add(
                "caption",
                "link_in_caption",
                network_name=network_name,
                placement=placement or network_rule.feed_placement,
            )

    if not has_link:
        if pillar == "promotion":
            add("link", "link_required")
    else:
        for message_id, values in link_issues(link, network, format, rules.shop_url):
            add("link", message_id, **values)

    vocabulary("owner", "owner", rules.owners)
    vocabulary("status", "status", rules.statuses)
    post = _Post(row, where, when, network, format, pillar, in_month)
    return post, problems


# --- the month as a whole ---------------------------------------------------------------------


def _feed(posts: list[_Post]) -> list[_Post]:
    return [p for p in posts if p.format != "story"]


def _frequency_problems(posts: list[_Post], period: pd.Period, rules: HouseRules) -> list[Problem]:
    problems = []
    feed = _feed(posts)
    weeks_in_month = period.days_in_month / 7
    for network, rule in rules.networks.items():
        mine = [p for p in feed if p.network == network]
        name = messages.NETWORK_NAMES.get(network, network)
        minimum = math.floor(rule.min_per_week * weeks_in_month)
        if len(mine) < minimum:
            text = messages.say(
                "too_few",
                network=network,
                n=len(mine),
                month=_month_name(period),
                minimum=minimum,
                per_week=rule.min_per_week,
                network_name=name,
            )
            problems.append(Problem("frequency", text, None, network))
        by_week: dict[dt.date, list[_Post]] = {}
        by_day: dict[dt.date, list[_Post]] = {}
        for post in mine:
            day = post.when.date()
            by_week.setdefault(day - dt.timedelta(days=day.weekday()), []).append(post)
            by_day.setdefault(day, []).append(post)
        for monday, week in sorted(by_week.items()):
            if len(week) > rule.max_per_week:
                text = messages.say(
                    "too_many_week",
                    network=network,
                    n=len(week),
                    monday=monday.isoformat(),
                    maximum=rule.max_per_week,
                    network_name=name,
                )
                problems.append(Problem("frequency", text, min(p.when for p in week), network))
        for day, same_day in sorted(by_day.items()):
            if len(same_day) > rule.max_per_day:
                text = messages.say(
                    "too_many_day",
                    day=day.isoformat(),
                    network=network,
                    n=len(same_day),
                    maximum=rule.max_per_day,
                    network_name=name,
                )
                problems.append(Problem("frequency", text, min(p.when for p in same_day), network))
    return problems


def _gap_problems(posts: list[_Post], rules: HouseRules) -> list[Problem]:
    problems = []
    for network, rule in rules.networks.items():
        mine = sorted((p for p in _feed(posts) if p.network == network), key=lambda p: p.when)
        name = messages.NETWORK_NAMES.get(network, network)
        minimum = _duration(rule.min_gap_hours)
        for previous, post in zip(mine, mine[1:], strict=False):
            hours = (post.when - previous.when).total_seconds() / 3600
            if hours >= rule.min_gap_hours:
                continue
            if hours == 0:
                text = messages.say(
                    "same_time", where=post.where, network_name=name, minimum=minimum
                )
            else:
                same_day = previous.when.date() == post.when.date()
                shown = f"{previous.when:%H:%M}" if same_day else f"{previous.when:%Y-%m-%d %H:%M}"
                text = messages.say(
                    "too_close",
                    where=post.where,
                    network_name=name,
                    gap=_duration(hours),
                    previous=shown,
                    minimum=minimum,
                )
            problems.append(Problem("gap", text, post.when, network, post.row))
    return problems


def _mix_problems(posts: list[_Post], rules: HouseRules) -> list[Problem]:
    pillars = [p.pillar for p in posts if p.pillar]
    total = len(pillars)
    if total == 0:
        return []
    problems = []
    promotion = sum(pillar == "promotion" for pillar in pillars)
    if promotion / total > rules.max_promotion_share + 1e-9:
        text = messages.say(
            "mix_promotion",
            share=_pct(promotion / total, exact=True),
            n=promotion,
            total=total,
            limit=_pct(rules.max_promotion_share),
        )
        problems.append(Problem("mix", text))
    low, high = rules.third_share
    for third, members in rules.thirds.items():
        n = sum(pillar in members for pillar in pillars)
        share = n / total
        if not low - 1e-9 <= share <= high + 1e-9:
            text = messages.say(
                "mix_third",
                third=third,
                pillars=", ".join(members),
                share=_pct(share, exact=True),
                n=n,
                total=total,
                low=_pct(low),
                high=_pct(high),
            )
            problems.append(Problem("mix", text))
    return problems


def _event_problems(
    posts: list[_Post], period: pd.Period, events, rules: HouseRules
) -> list[Problem]:
    problems = []
    first, last = period.start_time.date(), period.end_time.date()
    for event in events_in(period, events):
        if event.rule.no_promotion:
            days = set(event.days())
            for post in posts:
                if post.pillar == "promotion" and post.when.date() in days:
                    text = messages.say(
                        "no_promotion_day",
                        where=post.where,
                        event=event.name,
                    )
                    problems.append(
                        Problem("no_promotion", text, post.when, post.network, post.row)
                    )
        window = event.presence_window()
        if window is None or not first <= event.start <= last:
            continue
        start, end = max(window[0], first), min(window[1], last)
        present = any(
            start <= post.when.date() <= end and post.pillar in rules.presence_pillars
            for post in posts
        )
        if not present:
            shown = start.isoformat() if start == end else f"{start} or {end}"
            text = messages.say(
                "presence_missing",
                event=event.name,
                window=shown,
                pillars=" or ".join(map(repr, rules.presence_pillars)),
                advice=event.advice,
            )
            problems.append(Problem("presence", text))
    return problems


# --- building a calendar from a weekly template ------------------------------------------------

SLOT_KEYS = ("weekday", "time", "network", "format", "pillar", "caption", "owner")


def weekly_calendar(month, slots, *, status: str = "draft") -> pd.DataFrame:
    """Repeat a weekly template over ``month``: one row per slot on each matching day.

    ``slots`` is a table (one row per slot) or a list of dictionaries, with ``weekday``
    ("Tuesday" or "tue"), ``time`` ("19:00"), ``network``, ``format``, ``pillar``, ``caption``,
    ``owner`` and, optionally, ``link`` and ``status``. The result has the calendar's columns,
    sorted by time; ``scheduled_at`` is in Dakar time. Change, add or drop rows afterwards for
    the month's events.
    """
    period = month_period(month)
    days = pd.date_range(period.start_time, period.end_time, freq="D")
    if isinstance(slots, pd.DataFrame):
        slots = slots.to_dict("records")
    rows = []
    for number, slot in enumerate(slots, start=1):
        for key in SLOT_KEYS:
            if key not in slot:
                raise PlanningError(
                    messages.say("slot_missing", slot=number, key=key, keys=_options(SLOT_KEYS))
                )
        weekday = _weekday(slot["weekday"], number)
        hour, minute = _time(slot["time"], number)
        for day in days:
            if day.weekday() != weekday:
                continue
            when = pd.Timestamp(day.year, day.month, day.day, hour, minute, tz=TIMEZONE)
            rows.append(
                {
                    "scheduled_at": when,
                    "network": slot["network"],
                    "format": slot["format"],
                    "pillar": slot["pillar"],
                    "caption": slot["caption"],
                    "link": "" if _blank(slot.get("link")) else slot["link"],
                    "owner": slot["owner"],
                    "status": status if _blank(slot.get("status")) else slot["status"],
                }
            )
    table = pd.DataFrame(rows, columns=list(CALENDAR_COLUMNS))
    table["scheduled_at"] = pd.to_datetime(table["scheduled_at"]).dt.tz_convert(TIMEZONE)
    return table.sort_values(["scheduled_at", "network"], kind="stable").reset_index(drop=True)


def _weekday(value, number: int) -> int:
    text = _norm(value) or ""
    for index, name in enumerate(WEEKDAYS):
        if text and (text == name or text == name[:3]):
            return index
    raise PlanningError(
        messages.say("bad_weekday", slot=number, value=value, options=_options(WEEKDAYS))
    )


def _time(value, number: int) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{1,2})[:h](\d{2})\s*", value) if isinstance(value, str) else None
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise PlanningError(messages.say("bad_time", slot=number, value=value))
    return int(match.group(1)), int(match.group(2))
