"""Crisis scenarios as data: load a scenario file, check it, and realise its timings for a seed.

A scenario is a TOML file in ``scenarios/`` beside this module (see ``scenarios/README.md`` for
every field). Adding a scenario is adding a file: nothing in the engine names a scenario.
Problems are reported as ``ScenarioError`` with one line: the file, the field, what is wrong
and how to fix it.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import effects
from .errors import ScenarioError

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"

# The brand's own channels: where a response can be published.
BRAND_CHANNELS = ("facebook", "instagram", "tiktok", "linkedin", "x", "whatsapp")
TEAMS = ("management", "quality", "legal", "customer_care", "partnerships")
SENTIMENTS = ("negative", "neutral", "positive")
ABOUT = ("crisis", "baseline")


@dataclass(frozen=True)
class InjectSpec:
    """One timed event of the exercise (the first viral post, a journalist's question …)."""

    id: str
    kind: str
    title: str
    minutes: int
    jitter_minutes: int
    onset: bool
    network: str
    author: str
    followers: int
    language: str
    text: str
    heat: float
    anger: float
    media: int
    reach: int
    ramp_minutes: int
    is_media: bool
    is_influencer: bool
    answer_within_minutes: int | None
    unanswered_text: str
    unanswered_anger: float
    unanswered_heat: float
    unanswered_media: int
    dampened_by_response: float


@dataclass(frozen=True)
class ScheduledPost:
    """A post already in the editorial calendar: it goes out unless posts are paused."""

    id: str
    after_start_minutes: int
    network: str
    text: str
    anger: float
    heat: float


@dataclass(frozen=True)
class PostTemplate:
    about: str
    sentiment: str
    language: str
    text: str


@dataclass(frozen=True)
class Network:
    name: str
    baseline: float
    crisis: float


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    briefing: str
    cluster: str
    paracrisis: bool
    victims: bool
    start: pd.Timestamp
    timezone: str
    lead_minutes: int
    onset_jitter_minutes: int
    duration_hours: int
    baseline_mentions_per_hour: float
    brand_followers: int
    revenue_per_day_xof: float
    sales_sensitivity: float
    compensation_cost_xof: float
    mean_reach: float
    required_escalation: tuple[str, ...]
    escalation_deadline_minutes: int
    recovery_deadline_hours: float
    recovery_target: float
    networks: tuple[Network, ...]
    injects: tuple[InjectSpec, ...]
    scheduled_posts: tuple[ScheduledPost, ...]
    posts: tuple[PostTemplate, ...]
    authors: tuple[str, ...]
    media_outlets: tuple[str, ...]
    path: Path | None = None

    @property
    def network_names(self) -> tuple[str, ...]:
        return tuple(n.name for n in self.networks)

    @property
    def steps(self) -> int:
        return int(self.duration_hours * 60 // effects.STEP_MINUTES)

    def realise(self, seed: int) -> Timeline:
        """The concrete times of this scenario's events for ``seed`` (same seed, same times)."""
        seed = check_seed(seed)
        timing = np.random.default_rng(np.random.SeedSequence([seed, 0]))
        step = pd.Timedelta(minutes=1)
        jitter = int(round(timing.uniform(-1, 1) * self.onset_jitter_minutes))
        onset = self.start + (self.lead_minutes + jitter) * step
        end = self.start + pd.Timedelta(hours=self.duration_hours)
        injects = []
        for spec in self.injects:
            shift = int(round(timing.uniform(-1, 1) * spec.jitter_minutes))
            minutes = 0 if spec.onset else max(1, spec.minutes + shift)
            when = onset + minutes * step
            if when < end:
                injects.append((when, spec))
        injects.sort(key=lambda pair: pair[0])
        scheduled = sorted(
            ((self.start + p.after_start_minutes * step, p) for p in self.scheduled_posts),
            key=lambda pair: pair[0],
        )
        return Timeline(self.start, onset, end, tuple(injects), tuple(scheduled))


@dataclass(frozen=True)
class Timeline:
    """When things happen in one run of a scenario."""

    start: pd.Timestamp
    onset: pd.Timestamp
    end: pd.Timestamp
    injects: tuple[tuple[pd.Timestamp, InjectSpec], ...]
    scheduled: tuple[tuple[pd.Timestamp, ScheduledPost], ...]


def check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ScenarioError(
            f"seed {seed!r}: not a usable seed; use a whole number such as 0, 1 or 2026"
        )
    return int(seed)


def scenario_names() -> list[str]:
    """The scenarios shipped with the kit (one ``.toml`` file each)."""
    return sorted(path.stem for path in SCENARIO_DIR.glob("*.toml"))


def load_scenario(scenario: str | Path | Scenario) -> Scenario:
    """A scenario by name (``"match_day"``), by path to a ``.toml`` file, or as given."""
    if isinstance(scenario, Scenario):
        return scenario
    if isinstance(scenario, Path) or (isinstance(scenario, str) and scenario.endswith(".toml")):
        path = Path(scenario)
    elif isinstance(scenario, str):
        path = SCENARIO_DIR / f"{scenario}.toml"
        if not path.is_file():
            known = ", ".join(scenario_names())
            raise ScenarioError(
                f"scenario {scenario!r}: no such scenario; choose one of {known} "
                "or give the path of a .toml scenario file"
            )
    else:
        raise ScenarioError(
            f"scenario {scenario!r}: not a scenario name; use a name such as 'match_day' "
            "or the path of a .toml scenario file"
        )
    if not path.is_file():
        raise ScenarioError(f"{path}: no such scenario file; check the path")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{path.name}: not valid TOML ({error}); fix the syntax") from None
    return parse_scenario(data, path.stem, path)


# --- validation ---------------------------------------------------------------------------


class _Reader:
    """Reads typed fields from a TOML table and explains any problem in one line."""

    def __init__(self, table: dict, where: str):
        self.table = table if isinstance(table, dict) else {}
        self.where = where
        self.used: set[str] = set()

    def fail(self, key: str, problem: str, fix: str):
        raise ScenarioError(f"{self.where}: {key!r} {problem}; {fix}")

    def get(self, key, kind, *, default=None, required=True, low=None, high=None, choices=None):
        self.used.add(key)
        if key not in self.table:
            if required and default is None:
                self.fail(key, "is missing", f"add {key} = <{kind.__name__}>")
            return default
        value = self.table[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if kind is int and isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool)):
            names = {str: "a text in quotes", int: "a whole number", float: "a number"}
            names |= {bool: "true or false", list: "a list [...]", dict: "a table"}
            self.fail(key, f"is {value!r}", f"write {names.get(kind, kind.__name__)}")
        if kind is float and not math.isfinite(value):
            self.fail(key, f"is {value!r}", "write a finite number")
        if low is not None and value < low:
            self.fail(key, f"is {value}, below {low}", f"use a value of at least {low}")
        if high is not None and value > high:
            self.fail(key, f"is {value}, above {high}", f"use a value of at most {high}")
        if choices is not None and value not in choices:
            self.fail(key, f"is {value!r}", "use one of " + ", ".join(map(str, choices)))
        return value

    def done(self):
        unknown = sorted(set(self.table) - self.used)
        if unknown:
            self.fail(
                unknown[0], "is not a known field", "check its spelling in scenarios/README.md"
            )


def parse_scenario(data: dict, name: str, path: Path | None = None) -> Scenario:
    """Check a scenario's raw TOML data and build a ``Scenario``."""
    file = path.name if path else f"{name}.toml"
    top = _Reader(data, file)
    cluster = top.get("cluster", str, choices=effects.CLUSTERS)
    timezone = top.get("timezone", str, default="Africa/Dakar")
    start_text = top.get("start", str)
    try:
        start = pd.Timestamp(start_text)
        start = start.tz_localize(timezone) if start.tzinfo is None else start.tz_convert(timezone)
    except Exception:  # pandas raises several types for a bad date
        top.fail("start", f"is {start_text!r}", 'write a local time like "2025-11-16T16:00:00"')

    networks = _networks(data.get("networks"), file)
    top.used.add("networks")
    names = tuple(n.name for n in networks)

    injects = tuple(
        _inject(raw, f"{file} [[injects]] #{i + 1}", names)
        for i, raw in enumerate(_list_of_tables(data, "injects", file))
    )
    top.used.add("injects")
    onsets = [spec for spec in injects if spec.onset]
    if len(onsets) != 1:
        raise ScenarioError(
            f"{file}: {len(onsets)} injects have onset = true; mark exactly one inject "
            "(the event that starts the crisis) with onset = true"
        )
    ids = [spec.id for spec in injects]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ScenarioError(f"{file}: inject id {duplicated[0]!r} is used twice; make ids unique")

    scheduled = tuple(
        _scheduled(raw, f"{file} [[scheduled_posts]] #{i + 1}", names)
        for i, raw in enumerate(_list_of_tables(data, "scheduled_posts", file, required=False))
    )
    top.used.add("scheduled_posts")
    posts = tuple(
        _post(raw, f"{file} [[posts]] #{i + 1}")
        for i, raw in enumerate(_list_of_tables(data, "posts", file))
    )
    top.used.add("posts")
    for about in ABOUT:
        for sentiment in SENTIMENTS:
            if not any(p.about == about and p.sentiment == sentiment for p in posts):
                raise ScenarioError(
                    f"{file}: no [[posts]] with about = {about!r} and sentiment = "
                    f"{sentiment!r}; add at least one so the feed can show such mentions"
                )
    scoring = _Reader(top.get("scoring", dict, default={}, required=False), f"{file} [scoring]")
    escalation = top.get("required_escalation", list, default=[], required=False)
    for team in escalation:
        if team not in TEAMS:
            top.fail(
                "required_escalation", f"holds {team!r}", "use teams among " + ", ".join(TEAMS)
            )
    authors = top.get("authors", list)
    outlets = top.get("media_outlets", list)
    for key, values in (("authors", authors), ("media_outlets", outlets)):
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            top.fail(key, "must be a non-empty list of names", 'write ["@name_one", "@name_two"]')

    scenario = Scenario(
        name=top.get("name", str, default=name, required=False),
        title=top.get("title", str),
        briefing=top.get("briefing", str),
        cluster=cluster,
        paracrisis=top.get("paracrisis", bool),
        victims=top.get("victims", bool),
        start=start,
        timezone=timezone,
        lead_minutes=top.get("lead_minutes", int, low=0, high=24 * 60),
        onset_jitter_minutes=top.get("onset_jitter_minutes", int, default=0, low=0, high=12 * 60),
        duration_hours=top.get("duration_hours", int, low=6, high=24 * 7),
        baseline_mentions_per_hour=top.get("baseline_mentions_per_hour", float, low=0.5),
        brand_followers=top.get("brand_followers", int, low=100),
        revenue_per_day_xof=top.get("revenue_per_day_xof", float, low=0),
        sales_sensitivity=top.get("sales_sensitivity", float, low=0, high=1),
        compensation_cost_xof=top.get("compensation_cost_xof", float, low=0),
        mean_reach=top.get("mean_reach", float, low=1),
        required_escalation=tuple(escalation),
        escalation_deadline_minutes=top.get("escalation_deadline_minutes", int, low=15),
        recovery_deadline_hours=scoring.get("recovery_deadline_hours", float, low=1),
        recovery_target=scoring.get("recovery_target", float, low=-1, high=1),
        networks=networks,
        injects=injects,
        scheduled_posts=scheduled,
        posts=posts,
        authors=tuple(authors),
        media_outlets=tuple(outlets),
        path=path,
    )
    scoring.done()
    top.done()
    if scenario.lead_minutes - scenario.onset_jitter_minutes < 0:
        top.fail("onset_jitter_minutes", "is larger than lead_minutes", "make it at most that")
    if scenario.recovery_deadline_hours * 60 + scenario.lead_minutes > scenario.duration_hours * 60:
        scoring.fail(
            "recovery_deadline_hours", "ends after the exercise", "shorten it or raise duration"
        )
    return scenario


def _list_of_tables(data: dict, key: str, file: str, required: bool = True) -> list[dict]:
    raw = data.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise ScenarioError(f"{file}: {key!r} must be a list of [[{key}]] tables; see the README")
    if required and not raw:
        raise ScenarioError(f"{file}: no [[{key}]]; add at least one")
    return raw


def _networks(raw, file: str) -> tuple[Network, ...]:
    if not isinstance(raw, dict) or not raw:
        raise ScenarioError(
            f"{file}: no [networks] table; add one sub-table per network, e.g. "
            "[networks.x] with baseline = 0.1 and crisis = 0.4"
        )
    networks = []
    for name, shares in raw.items():
        reader = _Reader(shares, f"{file} [networks.{name}]")
        networks.append(
            Network(name, reader.get("baseline", float, low=0), reader.get("crisis", float, low=0))
        )
        reader.done()
    for kind in ("baseline", "crisis"):
        total = sum(getattr(n, kind) for n in networks)
        if not math.isclose(total, 1.0, abs_tol=0.01):
            raise ScenarioError(
                f"{file}: the {kind} shares of [networks] add up to {total:.2f}; "
                "make them add up to 1"
            )
    return tuple(networks)


def _inject(raw: dict, where: str, networks: tuple[str, ...]) -> InjectSpec:
    r = _Reader(raw, where)
    onset = r.get("onset", bool, default=False, required=False)
    spec = InjectSpec(
        id=r.get("id", str),
        kind=r.get("kind", str),
        title=r.get("title", str),
        minutes=r.get("minutes", int, default=0 if onset else None, required=not onset, low=0),
        jitter_minutes=r.get("jitter_minutes", int, default=0, required=False, low=0),
        onset=onset,
        network=r.get("network", str, choices=networks),
        author=r.get("author", str),
        followers=r.get("followers", int, low=0),
        language=r.get("language", str, choices=("fr", "wo", "en")),
        text=r.get("text", str),
        heat=r.get("heat", float, low=0),
        anger=r.get("anger", float, low=-1, high=1),
        media=r.get("media", int, default=0, required=False, low=0),
        reach=r.get("reach", int, default=0, required=False, low=0),
        ramp_minutes=r.get(
            "ramp_minutes",
            int,
            default=effects.DEFAULT_RAMP_MINUTES,
            required=False,
            low=effects.STEP_MINUTES,
            high=24 * 60,
        ),
        is_media=r.get("is_media", bool, default=False, required=False),
        is_influencer=r.get("is_influencer", bool, default=False, required=False),
        answer_within_minutes=r.get(
            "answer_within_minutes", int, default=None, required=False, low=15
        ),
        unanswered_text=r.get("unanswered_text", str, default="", required=False),
        unanswered_anger=r.get("unanswered_anger", float, default=0.0, required=False, low=0),
        unanswered_heat=r.get("unanswered_heat", float, default=0.0, required=False, low=0),
        unanswered_media=r.get("unanswered_media", int, default=0, required=False, low=0),
        dampened_by_response=r.get(
            "dampened_by_response", float, default=0.0, required=False, low=0, high=1
        ),
    )
    r.done()
    if spec.onset and spec.minutes != 0:
        r.fail("minutes", "must be 0 for the onset inject", "remove it or write minutes = 0")
    if spec.answer_within_minutes is not None and not spec.unanswered_text:
        r.fail(
            "unanswered_text",
            "is missing",
            "say what is published when the question stays unanswered",
        )
    return spec


def _scheduled(raw: dict, where: str, networks: tuple[str, ...]) -> ScheduledPost:
    r = _Reader(raw, where)
    post = ScheduledPost(
        id=r.get("id", str),
        after_start_minutes=r.get("after_start_minutes", int, low=0),
        network=r.get("network", str, choices=(*BRAND_CHANNELS,)),
        text=r.get("text", str),
        anger=r.get("anger", float, low=0, high=1),
        heat=r.get("heat", float, default=0.0, required=False, low=0),
    )
    r.done()
    if post.network not in networks:
        r.fail("network", f"is {post.network!r}, not in [networks]", "add it to [networks]")
    return post


def _post(raw: dict, where: str) -> PostTemplate:
    r = _Reader(raw, where)
    post = PostTemplate(
        about=r.get("about", str, choices=(*ABOUT, "article")),
        sentiment=r.get("sentiment", str, choices=SENTIMENTS),
        language=r.get("language", str, choices=("fr", "wo", "en")),
        text=r.get("text", str),
    )
    r.done()
    return post
