"""Score a finished run on outcomes a crisis manager is judged on.

Seven outcomes, each with points (100 in all); ``EFFECTS.md`` ("How a run is scored")
explains each rule. Followers and sales are judged against doing nothing in the same run
(same scenario, same seed, no decision), so a scenario's size does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import effects as fx
from .engine import Simulation
from .messages import clock_label, say

POINTS = {
    "golden_hour": 20,
    "strategy_fit": 20,
    "escalation": 15,
    "no_deletion": 15,
    "recovery": 15,
    "followers": 8,
    "sales": 7,
}
RECOVERY_WINDOW_HOURS = 3
FOLLOWERS_TARGET_SHARE = 0.5
SALES_TARGET_SHARE = 0.7


@dataclass(frozen=True)
class Outcome:
    id: str
    label: str
    passed: bool
    points: float
    max_points: float
    value: object
    detail: str


class CrisisResult:
    """A finished run: its trajectory, feed, decisions, events and scored outcomes."""

    def __init__(self, sim: Simulation, outcomes: tuple[Outcome, ...], silent: Simulation):
        self.sim = sim
        self.silent = silent
        self.scenario = sim.scenario
        self.seed = sim.seed
        self.onset = sim.onset
        self.outcomes = outcomes
        self.score = round(sum(o.points for o in outcomes), 2)
        self.max_score = float(sum(o.max_points for o in outcomes))

    # plain values, for tests and reports
    def outcome(self, outcome_id: str) -> Outcome:
        return next(o for o in self.outcomes if o.id == outcome_id)

    def passed(self, outcome_id: str) -> bool:
        return bool(self.outcome(outcome_id).passed)

    @property
    def first_response_minutes(self) -> float | None:
        return self.outcome("golden_hour").value

    @property
    def deleted_criticism(self) -> bool:
        return not self.passed("no_deletion")

    @property
    def followers_lost(self) -> int:
        return int(self.sim.followers_lost)

    @property
    def sales_lost_xof(self) -> int:
        return int(round(self.sim.sales_lost))

    @property
    def net_sentiment_at_deadline(self) -> float:
        return float(self.outcome("recovery").value)

    @property
    def trajectory(self) -> pd.DataFrame:
        return self.sim.trajectory()

    @property
    def feed(self) -> pd.DataFrame:
        return self.sim.feed_table()

    @property
    def decisions(self):
        return list(self.sim.log)

    @property
    def events(self):
        return list(self.sim.events)

    def outcomes_table(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    "outcome": o.label,
                    "passed": o.passed,
                    "points": o.points,
                    "max_points": o.max_points,
                    "detail": o.detail,
                }
                for o in self.outcomes
            ],
            index=pd.Index([o.id for o in self.outcomes], name="id"),
        )

    def review(self, impacts: bool = True):
        from .review import after_action_review

        return after_action_review(self, impacts=impacts)

    def __repr__(self) -> str:
        return (
            f"<CrisisResult {self.scenario.name} seed={self.seed}: "
            f"{self.score:g}/{self.max_score:g}>"
        )


@lru_cache(maxsize=32)
def silent_run(scenario, seed: int) -> Simulation:
    """The same scenario and seed with no decision at all: the yardstick."""
    sim = Simulation(scenario, seed)
    sim.advance(sim.steps)
    return sim


def net_sentiment_before(sim: Simulation, deadline: pd.Timestamp) -> float:
    """(positive − negative) / all mentions over the recovery window ending at ``deadline``."""
    start = deadline - pd.Timedelta(hours=RECOVERY_WINDOW_HOURS)
    rows = [r for r in sim.rows if start < r["time"] <= deadline]
    total = sum(r["volume"] for r in rows)
    if not total:
        return 0.0
    return (sum(r["positive"] for r in rows) - sum(r["negative"] for r in rows)) / total


def recovery_deadline(sim: Simulation) -> pd.Timestamp:
    deadline = sim.onset + pd.Timedelta(hours=sim.scenario.recovery_deadline_hours)
    return min(deadline, sim.timeline.end)


def score(sim: Simulation) -> CrisisResult:
    sc = sim.scenario
    silent = silent_run(sc, sim.seed)
    outcomes = []

    def add(outcome_id, passed, value, detail, share=None):
        top = POINTS[outcome_id]
        points = top * (share if share is not None else (1.0 if passed else 0.0))
        outcomes.append(
            Outcome(
                outcome_id,
                say(f"outcome_{outcome_id}"),
                bool(passed),
                round(points, 2),
                top,
                value,
                detail,
            )
        )

    after_onset = [r for r in sim.log if r.time >= sim.onset]
    public = [r for r in after_onset if r.decision.is_public]
    if public:
        minutes = (public[0].time - sim.onset) / pd.Timedelta(minutes=1)
        detail = say("detail_golden_hour", minutes=round(minutes), limit=fx.GOLDEN_HOUR_MINUTES)
        add("golden_hour", minutes <= fx.GOLDEN_HOUR_MINUTES, float(minutes), detail)
    else:
        add("golden_hour", False, None, say("detail_golden_hour_never"))

    used = [r.decision.strategy for r in after_onset if r.decision.action == "respond"]
    fitting = fx.FITTING_STRATEGIES[sc.cluster]
    if used:
        fits = any(s in fitting for s in used) and all(s in (*fitting, "bolster") for s in used)
        detail = say(
            "detail_strategy",
            used=", ".join(dict.fromkeys(used)),
            cluster=sc.cluster,
            fitting=" or ".join(fitting),
        )
    else:
        fits, detail = False, say("detail_strategy_none")
    add("strategy_fit", fits, tuple(dict.fromkeys(used)), detail)

    deadline = sim.onset + pd.Timedelta(minutes=sc.escalation_deadline_minutes)
    in_time = [t for t, when in sim.escalated.items() if when <= deadline]
    required = list(sc.required_escalation)
    done = [t for t in required if t in in_time]
    detail = (
        say("detail_escalation", required=", ".join(required), done=", ".join(done) or "none")
        if required
        else say("detail_escalation_none")
    )
    add("escalation", len(done) == len(required), tuple(done), detail)

    deletions = sum(1 for r in sim.log if r.decision.action == "delete_comments")
    add("no_deletion", deletions == 0, deletions, say("detail_no_deletion", n=deletions))

    deadline = recovery_deadline(sim)
    net = net_sentiment_before(sim, deadline)
    detail = say(
        "detail_recovery",
        hours=RECOVERY_WINDOW_HOURS,
        deadline=clock_label(deadline, sim.timeline.start),
        value=net,
        target=sc.recovery_target,
    )
    add("recovery", net >= sc.recovery_target, round(net, 4), detail)

    lost, silent_lost = int(sim.followers_lost), int(silent.followers_lost)
    share = _relative_share(lost, silent_lost, FOLLOWERS_TARGET_SHARE)
    detail = say("detail_followers", value=lost, silent=silent_lost)
    add("followers", lost <= FOLLOWERS_TARGET_SHARE * silent_lost, lost, detail, share)

    cost = int(round(sim.sales_lost + sim.compensation_cost))
    silent_cost = int(round(silent.sales_lost))
    share = _relative_share(cost, silent_cost, SALES_TARGET_SHARE)
    detail = say("detail_sales", value=cost, silent=silent_cost)
    add("sales", cost <= SALES_TARGET_SHARE * silent_cost, cost, detail, share)
    return CrisisResult(sim, tuple(outcomes), silent)


def _relative_share(value: float, silent: float, target: float) -> float:
    """1 at or below ``target`` × the silent run, 0 at or above it, linear in between."""
    if silent <= 0:
        return 1.0 if value <= 0 else 0.0
    ratio = value / silent
    if ratio <= target:
        return 1.0
    return max(0.0, min(1.0, (1 - ratio) / (1 - target)))
