"""Local moments of Keur Thé's market (Senegal) that shape an editorial calendar, as data.

Each event has an id (its English name and advice are in ``messages.py``), a first day, a last
day for periods (Ramadan), and two rules the calendar validator applies:

- ``no_promotion``: no promotional post on the day(s). Solemn religious days (Magal de Touba,
  Maouloud, Laylat al-Qadr, All Saints' Day) and the mornings of prayer and family of Korité
  and Tabaski are not days to sell; post wishes, or nothing;
- ``presence``: the community expects the brand to show up, so at least one post of the
  ``events_culture`` pillar is planned within (days before, days after) the first day: wishes on
  Korité and Tabaski, support on a national-team match day, greetings at Christmas and New Year.

Dates of the Islamic calendar (``approximate=True``) follow the moon: the day is confirmed by
the sighting of the new moon, often a day later in Senegal than elsewhere. Plan them here,
then confirm the week before and move the posts if needed. National-team matches marked
``illustrative=True`` are placed in FIFA match windows for the course: replace them with the
Fédération Sénégalaise de Football's fixtures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from . import messages
from .errors import PlanningError


@dataclass(frozen=True)
class EventRule:
    kind: str  # religious, national, festive, football, commercial
    no_promotion: bool
    presence: tuple[int, int] | None  # (days before, days after) the first day


# What each kind of moment asks of the calendar.
EVENT_RULES = {
    "new_year": EventRule("festive", no_promotion=False, presence=(0, 0)),
    "new_years_eve": EventRule("festive", no_promotion=False, presence=(0, 0)),
    "independence_day": EventRule("national", no_promotion=False, presence=(0, 0)),
    "labour_day": EventRule("national", no_promotion=False, presence=None),
    "easter_monday": EventRule("religious", no_promotion=False, presence=None),
    "ascension": EventRule("religious", no_promotion=False, presence=None),
    "whit_monday": EventRule("religious", no_promotion=False, presence=None),
    "assumption": EventRule("religious", no_promotion=False, presence=None),
    "all_saints": EventRule("religious", no_promotion=True, presence=None),
    "christmas": EventRule("festive", no_promotion=False, presence=(1, 0)),
    "ramadan": EventRule("religious", no_promotion=False, presence=(0, 1)),
    "laylat_al_qadr": EventRule("religious", no_promotion=True, presence=None),
    "korite": EventRule("religious", no_promotion=True, presence=(0, 0)),
    "tabaski": EventRule("religious", no_promotion=True, presence=(0, 0)),
    "tamkharit": EventRule("religious", no_promotion=False, presence=None),
    "magal": EventRule("religious", no_promotion=True, presence=None),
    "maouloud": EventRule("religious", no_promotion=True, presence=None),
    "lions_match": EventRule("football", no_promotion=False, presence=(0, 0)),
    "womens_day": EventRule("commercial", no_promotion=False, presence=None),
    "black_friday": EventRule("commercial", no_promotion=False, presence=None),
}


@dataclass(frozen=True)
class Event:
    id: str
    start: dt.date
    end: dt.date | None = None  # last day of a period (Ramadan); None for one day
    approximate: bool = False  # Islamic calendar: confirm the date the week before
    illustrative: bool = False  # placed for the course: replace with the real fixture

    @property
    def last(self) -> dt.date:
        return self.end or self.start

    @property
    def rule(self) -> EventRule:
        return EVENT_RULES[self.id]

    @property
    def name(self) -> str:
        return messages.EVENT_NAMES[self.id]

    @property
    def advice(self) -> str:
        return messages.EVENT_ADVICE[self.id]

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=k) for k in range((self.last - self.start).days + 1)]

    def presence_window(self) -> tuple[dt.date, dt.date] | None:
        if self.rule.presence is None:
            return None
        before, after = self.rule.presence
        return self.start - dt.timedelta(days=before), self.start + dt.timedelta(days=after)


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _lunar(event_id: str, start: str, end: str | None = None) -> Event:
    return Event(event_id, _d(start), _d(end) if end else None, approximate=True)


def _fixed(event_id: str, day: str) -> Event:
    return Event(event_id, _d(day))


def _match(day: str) -> Event:
    return Event("lions_match", _d(day), illustrative=True)


# 2025 to 2027. Fixed-date holidays, Christian holidays from the date of Easter, Islamic
# holidays as expected in Senegal (approximate), and course-placed national-team matches.
EVENTS = tuple(
    sorted(
        (
            # 2025
            _fixed("new_year", "2025-01-01"),
            _lunar("ramadan", "2025-03-01", "2025-03-29"),
            _fixed("womens_day", "2025-03-08"),
            _lunar("laylat_al_qadr", "2025-03-26"),
            _lunar("korite", "2025-03-30"),
            _fixed("independence_day", "2025-04-04"),
            _fixed("easter_monday", "2025-04-21"),
            _fixed("labour_day", "2025-05-01"),
            _fixed("ascension", "2025-05-29"),
            _lunar("tabaski", "2025-06-07"),
            _fixed("whit_monday", "2025-06-09"),
            _lunar("tamkharit", "2025-07-06"),
            _lunar("magal", "2025-08-13"),
            _fixed("assumption", "2025-08-15"),
            _lunar("maouloud", "2025-09-04"),
            _fixed("all_saints", "2025-11-01"),
            _fixed("black_friday", "2025-11-28"),
            _fixed("christmas", "2025-12-25"),
            _fixed("new_years_eve", "2025-12-31"),
            # 2026
            _fixed("new_year", "2026-01-01"),
            _lunar("ramadan", "2026-02-18", "2026-03-19"),
            _fixed("womens_day", "2026-03-08"),
            _lunar("laylat_al_qadr", "2026-03-15"),
            _lunar("korite", "2026-03-20"),
            _fixed("independence_day", "2026-04-04"),
            _fixed("easter_monday", "2026-04-06"),
            _fixed("labour_day", "2026-05-01"),
            _fixed("ascension", "2026-05-14"),
            _fixed("whit_monday", "2026-05-25"),
            _lunar("tabaski", "2026-05-27"),
            _lunar("tamkharit", "2026-06-25"),
            _lunar("magal", "2026-08-02"),
            _fixed("assumption", "2026-08-15"),
            _lunar("maouloud", "2026-08-25"),
            _match("2026-10-10"),
            _fixed("all_saints", "2026-11-01"),
            _match("2026-11-14"),
            _fixed("black_friday", "2026-11-27"),
            _fixed("christmas", "2026-12-25"),
            _fixed("new_years_eve", "2026-12-31"),
            # 2027
            _fixed("new_year", "2027-01-01"),
            _lunar("ramadan", "2027-02-08", "2027-03-09"),
            _lunar("laylat_al_qadr", "2027-03-05"),
            _fixed("womens_day", "2027-03-08"),
            _lunar("korite", "2027-03-10"),
            _match("2027-03-26"),
            _fixed("easter_monday", "2027-03-29"),
            _fixed("independence_day", "2027-04-04"),
            _fixed("labour_day", "2027-05-01"),
            _fixed("ascension", "2027-05-06"),
            _lunar("tabaski", "2027-05-17"),
            _fixed("whit_monday", "2027-05-17"),
            _lunar("tamkharit", "2027-06-15"),
            _lunar("magal", "2027-07-23"),
            _fixed("assumption", "2027-08-15"),
            _lunar("maouloud", "2027-08-15"),
            _fixed("all_saints", "2027-11-01"),
            _fixed("black_friday", "2027-11-26"),
            _fixed("christmas", "2027-12-25"),
            _fixed("new_years_eve", "2027-12-31"),
        ),
        key=lambda event: (event.start, event.id),
    )
)
FIRST_DAY = EVENTS[0].start
LAST_DAY = max(event.last for event in EVENTS)


def month_period(month) -> pd.Period:
    """``month`` ("2026-12", a Period or a Timestamp) as a monthly Period, covered by EVENTS."""
    try:
        period = pd.Period(month, freq="M")
    except (ValueError, TypeError):
        period = None
    if period is None or pd.isna(period):
        raise PlanningError(messages.say("bad_month", month=month))
    first, last = period.start_time.date(), period.end_time.date()
    if first < FIRST_DAY or last > LAST_DAY:
        raise PlanningError(
            messages.say(
                "month_not_covered", month=str(period), first=FIRST_DAY.year, last=LAST_DAY.year
            )
        )
    return period


def events_in(month, events: tuple[Event, ...] = EVENTS) -> list[Event]:
    """The events that touch ``month`` (a day, a period or a presence window in it)."""
    period = month_period(month)
    first, last = period.start_time.date(), period.end_time.date()
    found = []
    for event in events:
        window = event.presence_window() or (event.start, event.start)
        if event.start <= last and event.last >= first or window[0] <= last and window[1] >= first:
            found.append(event)
    return found


def events_table(month, events: tuple[Event, ...] = EVENTS) -> pd.DataFrame:
    """The month's events as a table: dates, what the calendar must do, and the advice."""
    rows = []
    for event in events_in(month, events):
        rows.append(
            {
                "date": event.start.isoformat(),
                "until": event.end.isoformat() if event.end else "",
                "event": event.name,
                "kind": event.rule.kind,
                "no promotion": event.rule.no_promotion,
                "presence expected": event.rule.presence is not None,
                "date to confirm": event.approximate or event.illustrative,
                "advice": event.advice,
            }
        )
    columns = [
        "date",
        "until",
        "event",
        "kind",
        "no promotion",
        "presence expected",
        "date to confirm",
        "advice",
    ]
    return pd.DataFrame(rows, columns=columns)
