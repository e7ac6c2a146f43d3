"""The crisis simulation: a state that evolves in 15-minute steps, timed injects, decisions.

``Simulation(scenario, seed)`` is deterministic: the same scenario, seed and decisions give the
same trajectory, feed and scores. Three independent random streams are drawn from the seed:
timings (when injects arrive), noise (how many mentions a step holds) and the feed (which
sample posts are shown). The noise stream draws the same numbers whatever the decisions, so
two runs that differ by one decision differ only because of that decision ("common random
numbers"), which is what the after-action review and the tests rely on.

Every number comes from ``effects.py``; ``EFFECTS.md`` explains each one. The state:

- heat: expected crisis mentions per step, per network; injects add to it (ramped in), it
  decays with a half-life and is fed again by the mentions it causes (a Hawkes-like cascade
  whose branching ratio grows with anger);
- anger: the share of crisis mentions that are negative; it moves toward a target that
  injects and decisions push up or down;
- what follows from both: volume per network, net sentiment, media articles, the reach of
  negative posts, followers lost and sales lost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist
from types import MappingProxyType

import numpy as np
import pandas as pd

from . import effects as fx
from .decisions import Decision, validate
from .messages import clock_label, say
from .scenarios import InjectSpec, Scenario, ScheduledPost, check_seed, load_scenario

STEP = pd.Timedelta(minutes=fx.STEP_MINUTES)
FEED_POSTS_PER_STEP = 4  # display only: how many sample mentions the feed shows per step
MAX_RAMP_STEPS = 24 * 60 // fx.STEP_MINUTES  # scenarios ramp heat in over at most 24 hours
_NORMAL = NormalDist()


# --- what the feed and the playbook see ---------------------------------------------------


@dataclass(frozen=True)
class Post:
    """One post in the feed: a sample mention, an inject, an article or the brand's own post."""

    _plain_data = True  # crosses to a learner's kernel as plain data when graded

    time: pd.Timestamp
    network: str
    author: str
    text: str
    language: str
    sentiment: str
    followers: int
    kind: str = "mention"  # mention, inject, article, brand
    is_media: bool = False
    is_influencer: bool = False
    inject: str | None = None

    @property
    def clock(self) -> str:
        return self.time.strftime("%H:%M")


@dataclass(frozen=True)
class InjectView:
    """An inject as the war room shows it."""

    _plain_data = True  # crosses to a learner's kernel as plain data when graded

    id: str
    kind: str
    title: str
    time: pd.Timestamp
    network: str
    author: str
    text: str
    minutes_ago: int


@dataclass(frozen=True)
class DoneView:
    """A decision already taken, as the playbook sees it."""

    _plain_data = True  # crosses to a learner's kernel as plain data when graded

    action: str
    time: pd.Timestamp
    minutes_ago: int
    settings: MappingProxyType


@dataclass(frozen=True)
class Situation:
    """What a community manager sees at one moment of the exercise (read-only).

    ``volume`` and ``volume_by_network`` count the mentions of the last 15 minutes;
    ``baseline_volume`` is the usual number per 15 minutes before the crisis;
    ``net_sentiment`` = (positive − negative) / all mentions over the last hour
    (0 when there was none); ``injects`` are the events so far, newest last."""

    _plain_data = True  # crosses to a learner's kernel as plain data when graded

    time: pd.Timestamp
    clock: str
    step: int
    minutes: int
    new_posts: tuple[Post, ...]
    volume: int
    volume_by_network: MappingProxyType
    baseline_volume: float
    net_sentiment: float
    negative_share: float
    media_articles: int
    followers_lost: int
    injects: tuple[InjectView, ...]
    new_injects: tuple[InjectView, ...]
    done: tuple[DoneView, ...]
    posts_paused: bool

    def has_done(self, action: str, **settings) -> bool:
        """Whether a decision with this action (and these settings) was already taken,
        e.g. ``situation.has_done("escalate", team="quality")``."""
        return any(
            d.action == action and all(d.settings.get(k) == v for k, v in settings.items())
            for d in self.done
        )

    def minutes_since(self, action: str) -> int | None:
        """Minutes since the last decision with this action, or None if never taken."""
        times = [d.minutes_ago for d in self.done if d.action == action]
        return min(times) if times else None

    @property
    def minutes_since_first_inject(self) -> int | None:
        """Minutes since the first inject of the exercise, or None before it."""
        return self.injects[0].minutes_ago if self.injects else None


# --- what the run records -----------------------------------------------------------------


@dataclass
class DecisionRecord:
    number: int
    step: int
    time: pd.Timestamp
    decision: Decision
    source: str
    effects: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    @property
    def clock(self) -> str:
        return self.time.strftime("%H:%M")


@dataclass
class EventRecord:
    time: pd.Timestamp
    kind: str  # inject, scheduled_post, held_post, unanswered, broken_promise, media_article
    title: str
    text: str = ""
    effects: dict = field(default_factory=dict)


# --- the simulation -----------------------------------------------------------------------


class Simulation:
    """One run of a scenario. Call ``apply`` (decisions now) and ``advance`` (15 minutes)."""

    def __init__(self, scenario, seed: int = 0):
        self.scenario: Scenario = load_scenario(scenario)
        self.seed = check_seed(seed)
        self.timeline = self.scenario.realise(self.seed)
        self._noise = np.random.default_rng(np.random.SeedSequence([self.seed, 1]))
        self._feed_rng = np.random.default_rng(np.random.SeedSequence([self.seed, 2]))
        sc = self.scenario
        self.networks = sc.network_names
        self._n = len(self.networks)
        self._w_base = np.array([n.baseline for n in sc.networks])
        self._w_crisis = np.array([n.crisis for n in sc.networks])
        self._base_rate = sc.baseline_mentions_per_hour * fx.STEP_MINUTES / 60
        self._decay = 0.5 ** (fx.STEP_MINUTES / 60 / fx.ATTENTION_HALF_LIFE_HOURS)
        self.steps = sc.steps
        self.step = 0
        start = self.timeline.start
        self._times = [start + k * STEP for k in range(self.steps + 1)]
        self._clocks: dict[int, str] = {}
        self._offsets = [pd.Timedelta(minutes=m) for m in range(fx.STEP_MINUTES + 1)]
        self._templates = {
            (about, sentiment): [
                p for p in sc.posts if p.about == about and p.sentiment == sentiment
            ]
            for about in ("crisis", "baseline")
            for sentiment in ("negative", "neutral", "positive")
        }
        self._last_mark = 0
        self.heat = np.zeros(self._n)
        self._inflow = np.zeros((self.steps + MAX_RAMP_STEPS + 1, self._n))
        self.anger = 0.0
        self.anger_target = 0.0
        self.onset_seen = False
        self.first_public: pd.Timestamp | None = None
        self.helpful_response = False
        self.first_helpful_statement: pd.Timestamp | None = None
        self.escalated: dict[str, pd.Timestamp] = {}
        self.paused = False
        self.streisand_until: pd.Timestamp | None = None
        self.compensated = False
        self.promise: pd.Timestamp | None = None
        self.questions: list[tuple[pd.Timestamp, InjectSpec]] = []
        self.strategies_used: list[str] = []
        self.media_articles = 0
        self.negative_reach = 0.0
        self.followers_lost = 0.0
        self.sales_lost = 0.0
        self.compensation_cost = 0.0
        self.rows: list[dict] = []
        self.feed: list[Post] = []
        self.log: list[DecisionRecord] = []
        self.events: list[EventRecord] = []
        self._fired: list[tuple[pd.Timestamp, InjectSpec, int]] = []

    # -- clock -----------------------------------------------------------------------------

    @property
    def time(self) -> pd.Timestamp:
        return self._times[self.step]

    @property
    def clock(self) -> str:
        """The simulated time as the war room shows it ("17:45", "day 2, 09:15")."""
        if self.step not in self._clocks:
            self._clocks[self.step] = clock_label(self.time, self.timeline.start)
        return self._clocks[self.step]

    @property
    def onset(self) -> pd.Timestamp:
        return self.timeline.onset

    @property
    def baseline_per_step(self) -> float:
        """The usual number of mentions per 15 minutes, before the crisis."""
        return self._base_rate

    @property
    def finished(self) -> bool:
        return self.step >= self.steps

    def minutes_since_onset(self, when: pd.Timestamp | None = None) -> float:
        return ((when if when is not None else self.time) - self.onset) / pd.Timedelta(minutes=1)

    # -- what the CM sees ------------------------------------------------------------------

    def situation(self) -> Situation:
        now = self.time
        last = self.rows[-1] if self.rows else None
        hour = self.rows[-4:]
        total = sum(r["volume"] for r in hour)
        pos = sum(r["positive"] for r in hour)
        neg = sum(r["negative"] for r in hour)
        now_minutes = self.step * fx.STEP_MINUTES
        injects = tuple(
            InjectView(s.id, s.kind, s.title, t, s.network, s.author, s.text, now_minutes - m)
            for t, s, m in self._fired
        )
        return Situation(
            time=now,
            clock=self.clock,
            step=self.step,
            minutes=self.step * fx.STEP_MINUTES,
            new_posts=tuple(p for p in self.feed[self._last_mark :] if p.time > now - STEP),
            volume=int(last["volume"]) if last else 0,
            volume_by_network=MappingProxyType(
                {n: int(last[f"volume_{n}"]) if last else 0 for n in self.networks}
            ),
            baseline_volume=round(self._base_rate, 2),
            net_sentiment=round((pos - neg) / total, 3) if total else 0.0,
            negative_share=round(neg / total, 3) if total else 0.0,
            media_articles=self.media_articles,
            followers_lost=int(self.followers_lost),
            injects=injects,
            new_injects=tuple(i for i in injects if i.minutes_ago < fx.STEP_MINUTES),
            done=tuple(
                DoneView(
                    r.decision.action,
                    r.time,
                    now_minutes - r.step * fx.STEP_MINUTES,
                    MappingProxyType(r.decision.settings()),
                )
                for r in self.log
            ),
            posts_paused=self.paused,
        )

    # -- decisions -------------------------------------------------------------------------

    def apply(self, decisions, source: str = "playbook") -> list[DecisionRecord]:
        """Take decisions now. Each is checked first (``PlaybookError`` if invalid)."""
        checked = [validate(d, i, self.clock) for i, d in enumerate(decisions, start=1)]
        return [self._apply_one(d, source) for d in checked]

    def _apply_one(self, decision: Decision, source: str) -> DecisionRecord:
        record = DecisionRecord(len(self.log) + 1, self.step, self.time, decision, source)
        self.log.append(record)
        before = (self.anger_target, self._heat_total())
        getattr(self, f"_do_{decision.action}")(decision, record)
        record.effects.setdefault("anger_target", round(self.anger_target - before[0], 4))
        record.effects.setdefault("heat", round(self._heat_total() - before[1], 3))
        return record

    def _heat_total(self) -> float:
        """Heat now plus heat already on its way (injects and waves still ramping in)."""
        return float(self.heat.sum() + self._inflow[self.step :].sum())

    def _crisis_started(self, record: DecisionRecord) -> bool:
        if self.time < self.onset:
            record.notes.append(say("note_before_onset"))
            return False
        return True

    def _timeliness(self) -> float:
        minutes = self.minutes_since_onset()
        if minutes <= fx.GOLDEN_HOUR_MINUTES:
            return 1.0
        if minutes >= fx.LATE_RESPONSE_MINUTES:
            return fx.TIMELINESS_FLOOR
        share = (minutes - fx.GOLDEN_HOUR_MINUTES) / (
            fx.LATE_RESPONSE_MINUTES - fx.GOLDEN_HOUR_MINUTES
        )
        return 1.0 - share * (1.0 - fx.TIMELINESS_FLOOR)

    def _channel_factor(self, channel: str) -> float:
        if channel == "all":
            return 1.0
        top = float(self._w_crisis.max())
        share = (
            float(self._w_crisis[self.networks.index(channel)]) if channel in self.networks else 0
        )
        return max(fx.OFF_CHANNEL_FACTOR, min(1.0, share / top))

    def _missing_escalations(self) -> list[str]:
        return [team for team in self.scenario.required_escalation if team not in self.escalated]

    def _credibility(self, record: DecisionRecord) -> float:
        missing = self._missing_escalations()
        if missing:
            record.notes.append(say("note_missing_escalation", teams=", ".join(missing)))
            return fx.MISSING_ESCALATION_CREDIBILITY
        return 1.0

    def _public(self, decision: Decision, record: DecisionRecord) -> None:
        """Bookkeeping shared by every public statement."""
        if self.first_public is None:
            self.first_public = self.time
            minutes = int(self.minutes_since_onset())
            key = "note_in_golden_hour" if minutes <= fx.GOLDEN_HOUR_MINUTES else "note_late"
            record.notes.append(say(key, minutes=minutes))
        text = decision.statement.strip() or say(
            f"default_statement_{decision.action}", strategy=decision.strategy or ""
        )
        self.feed.append(
            Post(
                self.time,
                decision.channel,
                say("brand_author"),
                text,
                "fr",
                "neutral",
                self.scenario.brand_followers,
                kind="brand",
            )
        )

    def _calm(self, relief: float) -> None:
        self.anger_target = min(fx.ANGER_CEILING, max(0.0, self.anger_target - relief))

    def _shock(self, anger: float) -> None:
        self.anger = min(fx.ANGER_CEILING, max(0.0, self.anger + anger))
        self.anger_target = min(fx.ANGER_CEILING, max(0.0, self.anger_target + anger))

    def _add_heat(self, amount: float, network: str | None, ramp_minutes: int, weights=None):
        """Spread ``amount`` of heat over the next ramp, mostly on ``network``."""
        if amount <= 0:
            return
        weights = self._w_crisis if weights is None else weights
        share = np.array(weights, dtype=float)
        if network in self.networks:
            share = share * (1 - fx.INJECT_OWN_NETWORK_SHARE)
            share[self.networks.index(network)] += fx.INJECT_OWN_NETWORK_SHARE
        ramp = max(1, int(round(ramp_minutes / fx.STEP_MINUTES)))
        self._inflow[self.step : self.step + ramp] += amount * share / ramp

    def _do_respond(self, d: Decision, record: DecisionRecord) -> None:
        if not self._crisis_started(record):
            return
        self._public(d, record)
        self.promise = None
        cluster = self.scenario.cluster
        fit = fx.STRATEGY_FIT[cluster][d.strategy]
        tone = fx.TONE_FACTOR[d.tone]
        previous = len(self.strategies_used)
        contradicts = (
            d.strategy == "deny" and {"diminish", "rebuild"} & set(self.strategies_used)
        ) or (d.strategy in ("diminish", "rebuild") and "deny" in self.strategies_used)
        self.strategies_used.append(d.strategy)
        channel = self._channel_factor(d.channel)
        if fit < 0 or tone < 0:
            harm = min(fit, tone)
            self.anger_target = min(
                fx.ANGER_CEILING, self.anger_target + fx.RESPONSE_RELIEF * abs(harm)
            )
            self._add_heat(
                max(fx.BACKFIRE_MIN_HEAT, fx.BACKFIRE_HEAT * self._heat_total()) * abs(harm),
                None,
                fx.DEFAULT_RAMP_MINUTES,
            )
            why = "note_backfire_strategy" if fit < 0 else "note_backfire_tone"
            record.notes.append(say(why, strategy=d.strategy, cluster=cluster, tone=d.tone))
        else:
            quality = fit * tone
            timely = self._timeliness()
            repeat = fx.REPEAT_FACTOR**previous
            relief = (
                fx.RESPONSE_RELIEF * quality * self._credibility(record) * timely * channel * repeat
            )
            self._calm(relief)
            self.heat *= 1 - fx.RESPONSE_HEAT_CUT * quality * channel * repeat
            self.helpful_response = True
            self.first_helpful_statement = self.first_helpful_statement or self.time
            fits = d.strategy in fx.FITTING_STRATEGIES[cluster]
            record.notes.append(
                say(
                    "note_fit" if fits else "note_weak_fit",
                    strategy=d.strategy,
                    cluster=cluster,
                )
            )
            if timely < 0.95:
                record.notes.append(say("note_timeliness", percent=round(timely * 100)))
            if repeat < 1:
                record.notes.append(say("note_repeat", percent=round(repeat * 100)))
        if channel < 1:
            record.notes.append(say("note_off_channel", channel=d.channel))
        if d.channel == "all" and self.scenario.paracrisis:
            self._add_heat(
                fx.ALL_CHANNELS_PARACRISIS_HEAT * float(self.heat.sum()),
                None,
                fx.STEP_MINUTES,
                self._w_base,
            )
            record.notes.append(say("note_all_channels_paracrisis"))
        if contradicts:
            self._shock(fx.INCONSISTENCY_ANGER)
            record.notes.append(say("note_inconsistent"))

    def _do_hold(self, d: Decision, record: DecisionRecord) -> None:
        if not self._crisis_started(record):
            return
        holds_before = sum(1 for r in self.log[:-1] if r.decision.action == "hold")
        self._public(d, record)
        self.promise = self.time + pd.Timedelta(minutes=d.next_update_minutes)
        tone = fx.TONE_FACTOR[d.tone]
        channel = self._channel_factor(d.channel)
        if tone < 0:
            self.anger_target = min(fx.ANGER_CEILING, self.anger_target + fx.HOLD_RELIEF * -tone)
            record.notes.append(say("note_backfire_tone", tone=d.tone))
        else:
            repeat = fx.REPEAT_FACTOR**holds_before
            self._calm(fx.HOLD_RELIEF * tone * self._timeliness() * channel * repeat)
            self.heat *= 1 - fx.HOLD_HEAT_CUT * channel * repeat
            self.helpful_response = True
            self.first_helpful_statement = self.first_helpful_statement or self.time
            record.notes.append(
                say("note_hold", next_update=clock_label(self.promise, self.timeline.start))
            )
        if channel < 1:
            record.notes.append(say("note_off_channel", channel=d.channel))

    def _do_escalate(self, d: Decision, record: DecisionRecord) -> None:
        if d.team in self.escalated:
            record.notes.append(say("note_already_escalated", team=d.team))
            return
        self.escalated[d.team] = self.time
        if d.team in self.scenario.required_escalation:
            record.notes.append(say("note_escalation_required", team=d.team))
        else:
            record.notes.append(say("note_escalation_optional", team=d.team))

    def _do_pause_posts(self, d: Decision, record: DecisionRecord) -> None:
        self.paused = True
        record.notes.append(say("note_paused"))

    def _do_resume_posts(self, d: Decision, record: DecisionRecord) -> None:
        self.paused = False
        record.notes.append(say("note_resumed"))

    def _do_delete_comments(self, d: Decision, record: DecisionRecord) -> None:
        if not self._crisis_started(record):
            return
        self._shock(fx.DELETE_ANGER)
        self._add_heat(
            max(fx.DELETE_MIN_HEAT, fx.DELETE_HEAT * float(self.heat.sum())),
            None,
            fx.DEFAULT_RAMP_MINUTES,
        )
        self.streisand_until = self.time + pd.Timedelta(hours=fx.STREISAND_HOURS)
        record.notes.append(say("note_streisand", hours=fx.STREISAND_HOURS))
        author = self._feed_rng.choice(self.scenario.authors)
        self.feed.append(
            Post(
                self.time,
                self.networks[int(np.argmax(self._w_crisis))],
                str(author),
                say("feed_deleted_comments"),
                "fr",
                "negative",
                int(self._feed_rng.lognormal(7.5, 1.0)),
            )
        )

    def _do_compensate(self, d: Decision, record: DecisionRecord) -> None:
        if not self._crisis_started(record):
            return
        if self.compensated:
            record.notes.append(say("note_already_compensated"))
            return
        self.compensated = True
        fit = 1.0 if self.scenario.victims else fx.COMPENSATION_NO_VICTIM_FACTOR
        self._calm(fx.COMPENSATION_RELIEF * fit * self._credibility(record))
        self.helpful_response = True
        self.compensation_cost += self.scenario.compensation_cost_xof
        record.effects["cost_xof"] = self.scenario.compensation_cost_xof
        key = (
            "note_compensation_victims" if self.scenario.victims else "note_compensation_no_victims"
        )
        record.notes.append(say(key, cost=f"{self.scenario.compensation_cost_xof:,.0f}"))

    # -- time ------------------------------------------------------------------------------

    def advance(self, steps: int = 1) -> None:
        """Let ``steps`` × 15 minutes pass."""
        for _ in range(steps):
            if self.finished:
                return
            self._step()

    def _step(self) -> None:
        k = self.step
        t0 = self.time
        t1 = self._times[k + 1]
        self._last_mark = mark = len(self.feed)
        for when, spec in self.timeline.injects:
            if t0 < when <= t1:
                self._fire(when, spec)
        for when, post in self.timeline.scheduled:
            if t0 < when <= t1:
                self._scheduled(when, post)
        self._deadlines(t0, t1)

        sc = self.scenario
        self.heat += self._inflow[k]
        u = self._noise.random(2 * self._n + 6)
        crisis = np.array(
            [_poisson_quantile(u[i], self.heat[i]) for i in range(self._n)], dtype=float
        )
        base = np.array(
            [
                _poisson_quantile(u[self._n + i], self._base_rate * w)
                for i, w in enumerate(self._w_base)
            ],
            dtype=float,
        )
        extra = u[2 * self._n :]
        c_total, b_total = int(crisis.sum()), int(base.sum())
        neg_c = min(c_total, math.floor(c_total * self.anger + extra[0]))
        pos_c = min(c_total - neg_c, math.floor((c_total - neg_c) * fx.DEFENDER_SHARE + extra[1]))
        neg_b = min(b_total, math.floor(b_total * fx.BASELINE_NEGATIVE_SHARE + extra[2]))
        pos_b = min(b_total - neg_b, math.floor(b_total * fx.BASELINE_POSITIVE_SHARE + extra[3]))
        streisand = self.streisand_until is not None and t1 <= self.streisand_until
        media_rate = fx.MEDIA_PER_NEGATIVE * neg_c * (fx.STREISAND_MEDIA_FACTOR if streisand else 1)
        articles = _poisson_quantile(extra[4], media_rate)
        spread = math.exp(fx.REACH_SPREAD_SIGMA * _NORMAL.inv_cdf(_clip(extra[5])))
        spread /= math.exp(fx.REACH_SPREAD_SIGMA**2 / 2)
        reach = neg_c * sc.mean_reach * spread + articles * fx.MEDIA_ARTICLE_REACH
        for _ in range(articles):
            self._article(t1)
        self.media_articles += articles
        self.negative_reach += reach
        self.followers_lost += reach / 1000 * fx.UNFOLLOWS_PER_1000_NEGATIVE_REACH
        attention = c_total / (c_total + fx.SALES_HALF_ATTENTION)
        drop = fx.MAX_SALES_DROP * sc.sales_sensitivity * self.anger * attention
        self.sales_lost += sc.revenue_per_day_xof * fx.STEP_MINUTES / (24 * 60) * drop

        volume = crisis + base
        row = {
            "time": t1,
            "minutes_since_onset": int(round(self.minutes_since_onset(t1))),
            "volume": int(volume.sum()),
        }
        row |= {f"volume_{n}": int(v) for n, v in zip(self.networks, volume, strict=True)}
        negative, positive = neg_c + neg_b, pos_c + pos_b
        total = c_total + b_total
        row |= {
            "crisis_volume": c_total,
            "positive": positive,
            "neutral": total - positive - negative,
            "negative": negative,
            "net_sentiment": (positive - negative) / total if total else float("nan"),
            "anger": round(self.anger, 4),
            "heat": round(float(self.heat.sum()), 3),
            "media_articles": self.media_articles,
            "negative_reach": round(self.negative_reach),
            "followers_lost": int(self.followers_lost),
            "sales_lost_xof": round(self.sales_lost),
            "compensation_cost_xof": round(self.compensation_cost),
            "posts_paused": self.paused,
        }
        self.rows.append(row)
        self._sample_feed(
            t0,
            crisis,
            base,
            (neg_c, c_total - neg_c - pos_c, pos_c),
            (neg_b, b_total - neg_b - pos_b, pos_b),
        )
        self.feed[mark:] = sorted(self.feed[mark:], key=lambda p: p.time)

        # dynamics toward the next step
        branching = fx.BRANCHING_CALM + (fx.BRANCHING_ANGRY - fx.BRANCHING_CALM) * self.anger
        offspring = (1 - fx.SPILLOVER_SHARE) * crisis + fx.SPILLOVER_SHARE * self._w_crisis * (
            c_total
        )
        self.heat = self._decay * self.heat + (1 - self._decay) * branching * offspring
        if self.onset_seen and self.first_public is None:
            if self.minutes_since_onset(t1) > fx.GOLDEN_HOUR_MINUTES:
                self.anger_target = min(
                    fx.ANGER_CEILING, self.anger_target + fx.SILENCE_ANGER_DRIFT
                )
        self.anger += fx.ANGER_ADJUST_RATE * (self.anger_target - self.anger)
        self.step += 1

    def _fire(self, when: pd.Timestamp, spec: InjectSpec) -> None:
        minute = int(round((when - self.timeline.start) / pd.Timedelta(minutes=1)))
        self._fired.append((when, spec, minute))
        damp = 1 - spec.dampened_by_response if self.helpful_response else 1.0
        if spec.onset:
            self.onset_seen = True
            self.anger = self.anger_target = min(fx.ANGER_CEILING, spec.anger)
        else:
            self._shock(spec.anger * damp)
        self._add_heat(spec.heat * damp, spec.network, spec.ramp_minutes)
        self.media_articles += spec.media
        if spec.anger > 0:
            self.negative_reach += spec.reach * damp
        if spec.answer_within_minutes is not None:
            self.questions.append((when + pd.Timedelta(minutes=spec.answer_within_minutes), spec))
        self.feed.append(
            Post(
                when,
                spec.network,
                spec.author,
                spec.text,
                spec.language,
                "negative" if spec.anger > 0 else "neutral",
                spec.followers,
                kind="inject",
                is_media=spec.is_media,
                is_influencer=spec.is_influencer,
                inject=spec.id,
            )
        )
        effects = {"anger": round(spec.anger * damp, 3), "heat": round(spec.heat * damp, 2)}
        title = spec.title + (say("event_dampened") if damp < 1 else "")
        self.events.append(EventRecord(when, "inject", title, spec.text, effects))

    def _scheduled(self, when: pd.Timestamp, post: ScheduledPost) -> None:
        if self.paused:
            self.events.append(EventRecord(when, "held_post", say("event_held_post"), post.text))
            return
        self.feed.append(
            Post(
                when,
                post.network,
                say("brand_author"),
                post.text,
                "fr",
                "positive",
                self.scenario.brand_followers,
                kind="brand",
            )
        )
        if when >= self.onset:
            self._shock(post.anger)
            self._add_heat(post.heat, post.network, fx.DEFAULT_RAMP_MINUTES)
            effects = {"anger": post.anger, "heat": post.heat}
            self.events.append(
                EventRecord(when, "scheduled_post", say("event_tone_deaf_post"), post.text, effects)
            )
        else:
            self.events.append(
                EventRecord(when, "scheduled_post", say("event_scheduled_post"), post.text)
            )

    def _deadlines(self, t0: pd.Timestamp, t1: pd.Timestamp) -> None:
        for deadline, spec in list(self.questions):
            if t0 < deadline <= t1:
                self.questions.remove((deadline, spec))
                answered = self.first_helpful_statement
                if answered is not None and answered <= deadline:
                    continue
                self._shock(spec.unanswered_anger)
                self._add_heat(spec.unanswered_heat, "web", fx.DEFAULT_RAMP_MINUTES)
                self.media_articles += spec.unanswered_media
                self.negative_reach += spec.unanswered_media * fx.MEDIA_ARTICLE_REACH
                outlet = self.scenario.media_outlets[0]
                self.feed.append(
                    Post(
                        deadline,
                        "web" if "web" in self.networks else spec.network,
                        outlet,
                        spec.unanswered_text,
                        spec.language,
                        "negative",
                        fx.MEDIA_ARTICLE_REACH,
                        kind="article",
                        is_media=True,
                    )
                )
                effects = {"anger": spec.unanswered_anger, "heat": spec.unanswered_heat}
                self.events.append(
                    EventRecord(
                        deadline,
                        "unanswered",
                        say("event_unanswered", title=spec.title),
                        spec.unanswered_text,
                        effects,
                    )
                )
        if self.promise is not None and t0 < self.promise <= t1:
            self._shock(fx.BROKEN_PROMISE_ANGER)
            self.events.append(
                EventRecord(
                    self.promise,
                    "broken_promise",
                    say("event_broken_promise"),
                    "",
                    {"anger": fx.BROKEN_PROMISE_ANGER},
                )
            )
            self.promise = None

    def _article(self, when: pd.Timestamp) -> None:
        outlet = str(self._feed_rng.choice(self.scenario.media_outlets))
        articles = [p for p in self.scenario.posts if p.about == "article"]
        text = (
            str(self._feed_rng.choice([p.text for p in articles]))
            if articles
            else say("feed_article_default")
        )
        network = "web" if "web" in self.networks else self.networks[0]
        self.feed.append(
            Post(
                when - pd.Timedelta(minutes=int(self._feed_rng.integers(0, fx.STEP_MINUTES))),
                network,
                outlet,
                f"{text} | {outlet}",
                "fr",
                "negative",
                fx.MEDIA_ARTICLE_REACH,
                kind="article",
                is_media=True,
            )
        )
        self._add_heat(fx.MEDIA_ARTICLE_HEAT, network, fx.DEFAULT_RAMP_MINUTES)
        self.events.append(EventRecord(when, "media_article", say("event_media_article"), text))

    def _sample_feed(self, t0, crisis, base, crisis_split, base_split) -> None:
        """A few sample mentions of the step for the feed (display only: no effect on state)."""
        counts = np.array([*crisis_split, *base_split], dtype=float)
        total = int(counts.sum())
        if total == 0:
            return
        labels = ("negative", "neutral", "positive")
        shown = min(FEED_POSTS_PER_STEP, total)
        draws = self._feed_rng.random((shown, 6))
        by_category = np.cumsum(counts) / counts.sum()
        for u in draws:
            category = min(5, int(np.searchsorted(by_category, u[0], side="right")))
            about = "crisis" if category < 3 else "baseline"
            sentiment = labels[category % 3]
            weights = crisis if about == "crisis" else base
            if weights.sum() <= 0:
                weights = self._w_base
            by_network = np.cumsum(weights) / weights.sum()
            index = min(self._n - 1, int(np.searchsorted(by_network, u[1], side="right")))
            network = self.networks[index]
            if network == "web":
                network = self.networks[int(np.argmax(self._w_base))]
            templates = self._templates[(about, sentiment)]
            template = templates[int(u[2] * len(templates))]
            authors = self.scenario.authors
            self.feed.append(
                Post(
                    t0 + self._offsets[1 + int(u[3] * fx.STEP_MINUTES)],
                    network,
                    authors[int(u[4] * len(authors))],
                    template.text,
                    template.language,
                    sentiment,
                    int(math.exp(6.0 + 1.3 * _NORMAL.inv_cdf(_clip(u[5])))),
                )
            )

    # -- results ---------------------------------------------------------------------------

    def trajectory(self) -> pd.DataFrame:
        """One row per step: the state at the end of each 15 minutes."""
        frame = pd.DataFrame(self.rows)
        if frame.empty:
            return frame
        return frame.set_index("time")

    def feed_table(self) -> pd.DataFrame:
        """Every post shown in the feed so far, oldest first."""
        columns = [
            "time",
            "network",
            "author",
            "text",
            "language",
            "sentiment",
            "followers",
            "kind",
            "is_media",
            "is_influencer",
            "inject",
        ]
        return pd.DataFrame([[getattr(p, c) for c in columns] for p in self.feed], columns=columns)


def _clip(u: float) -> float:
    return min(max(u, 1e-9), 1 - 1e-9)


def _poisson_quantile(u: float, mu: float) -> int:
    """The Poisson(mu) count at cumulative probability ``u`` (inverse CDF).

    Using the same ``u`` for a larger ``mu`` never gives a smaller count, so runs that differ
    by one decision stay comparable."""
    if mu <= 0:
        return 0
    if mu > 60:
        return max(0, int(round(mu + math.sqrt(mu) * _NORMAL.inv_cdf(_clip(u)))))
    term = math.exp(-mu)
    cumulative = term
    k = 0
    while u > cumulative and k < 400:
        k += 1
        term *= mu / k
        cumulative += term
    return k


def replay(
    scenario, seed: int, records: list[DecisionRecord], skip: int | None = None
) -> Simulation:
    """Run again with the same decisions at the same times (all but decision ``skip``)."""
    sim = Simulation(scenario, seed)
    by_step: dict[int, list[Decision]] = {}
    for record in records:
        if record.number != skip:
            by_step.setdefault(record.step, []).append(record.decision)
    while True:
        if sim.step in by_step:
            sim.apply(by_step[sim.step], source="replay")
        if sim.finished:
            return sim
        sim.advance()
