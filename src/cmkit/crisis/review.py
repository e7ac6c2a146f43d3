"""After-action review: what happened, what each decision did, and the scores.

The timeline merges the exercise's events (injects, scheduled posts, unanswered questions,
press articles, the peak) with the decisions taken and the effect notes of each. For each
decision it can also say what the run would have looked like without it: the exercise is
replayed with the same seed and every other decision at the same time, minus that one
("common random numbers" make the difference attributable to the decision alone).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from .engine import replay
from .messages import MESSAGES, clock_label, say
from .scoring import net_sentiment_before, recovery_deadline

MAX_IMPACT_REPLAYS = 20  # beyond this many decisions, the "without it" column is left empty


@dataclass
class Review:
    title: str
    summary: str
    outcomes: pd.DataFrame
    timeline: pd.DataFrame

    def markdown(self) -> str:
        lines = [f"### {self.title}", "", self.summary, "", f"**{say('review_outcomes')}**", ""]
        lines += _markdown_table(
            ["", "outcome", "points", "detail"],
            [
                [
                    say("passed") if row.passed else say("failed"),
                    row.outcome,
                    f"{row.points:g}/{row.max_points:g}",
                    row.detail,
                ]
                for row in self.outcomes.itertuples()
            ],
        )
        lines += ["", f"**{say('review_timeline')}**", ""]
        lines += _markdown_table(
            list(MESSAGES["review_columns"]),
            [[r.clock, r.kind, r.what, r.effect] for r in self.timeline.itertuples()],
        )
        lines += ["", f"*{say('review_impact_note')}*"]
        return "\n".join(lines)

    def html(self) -> str:
        """The review as HTML, for the war room's debrief panel."""
        esc = html.escape
        outcome_rows = "".join(
            f"<tr><td>{say('passed') if r.passed else say('failed')}</td><td>{esc(r.outcome)}"
            f"</td><td>{r.points:g}/{r.max_points:g}</td><td>{esc(r.detail)}</td></tr>"
            for r in self.outcomes.itertuples()
        )
        timeline_rows = "".join(
            f"<tr><td>{esc(r.clock)}</td><td>{esc(r.kind)}</td><td>{esc(r.what)}</td>"
            f"<td>{esc(r.effect)}</td></tr>"
            for r in self.timeline.itertuples()
        )
        head = "".join(f"<th>{esc(c)}</th>" for c in MESSAGES["review_columns"])
        return (
            f"<h3>{esc(self.title)}</h3><p>{esc(self.summary)}</p>"
            f"<h4>{esc(say('review_outcomes'))}</h4><table>{outcome_rows}</table>"
            f"<h4>{esc(say('review_timeline'))}</h4><table><tr>{head}</tr>{timeline_rows}"
            f"</table><p><i>{esc(say('review_impact_note'))}</i></p>"
        )

    def _repr_markdown_(self) -> str:
        return self.markdown()


def after_action_review(result, impacts: bool = True) -> Review:
    """The review of a finished run (a ``CrisisResult``)."""
    sim = result.sim
    start = sim.timeline.start
    trajectory = sim.trajectory()
    rows = []
    for event in sim.events:
        effect = ", ".join(
            say(f"review_effect_{k}", value=v) for k, v in event.effects.items() if v
        )
        rows.append((event.time, 0, say(f"review_kind_{event.kind}"), event.title, effect))
    if not trajectory.empty:
        peak_time = trajectory["volume"].idxmax()
        peak = int(trajectory["volume"].max())
        rows.append((peak_time, 1, say("review_kind_peak"), say("review_peak", volume=peak), ""))
    impact = _impacts(result) if impacts else {}
    for record in sim.log:
        effect = " ".join(record.notes)
        if record.number in impact:
            effect = f"{effect} {impact[record.number]}".strip()
        rows.append(
            (record.time, 2, say("review_kind_decision"), record.decision.describe(), effect)
        )
    rows.sort(key=lambda row: (row[0], row[1]))
    timeline = pd.DataFrame(
        [
            {
                "time": when,
                "clock": clock_label(when, start),
                "kind": kind,
                "what": what,
                "effect": effect,
            }
            for when, _, kind, what, effect in rows
        ],
        columns=["time", "clock", "kind", "what", "effect"],
    )
    peak_row = trajectory["volume"] if not trajectory.empty else pd.Series([0])
    summary = say(
        "review_summary",
        score=result.score,
        max_score=result.max_score,
        onset=clock_label(sim.onset, start),
        peak=int(peak_row.max()),
        peak_clock=clock_label(peak_row.idxmax(), start) if not trajectory.empty else "-",
        baseline=round(sim.baseline_per_step, 1),
        media=sim.media_articles,
        followers=int(sim.followers_lost),
        sales=int(round(sim.sales_lost)),
    )
    title = say("review_title", title=sim.scenario.title, seed=sim.seed)
    return Review(title, summary, result.outcomes_table(), timeline)


def _impacts(result) -> dict[int, str]:
    """For each decision, the difference it made (replay without it)."""
    sim = result.sim
    deadline = recovery_deadline(sim)
    mine = (
        sim.followers_lost,
        sim.sales_lost + sim.compensation_cost,
        net_sentiment_before(sim, deadline),
    )
    texts = {}
    for record in sim.log[:MAX_IMPACT_REPLAYS]:
        other = replay(sim.scenario, sim.seed, sim.log, skip=record.number)
        theirs = (
            other.followers_lost,
            other.sales_lost + other.compensation_cost,
            net_sentiment_before(other, deadline),
        )
        followers = int(round(theirs[0] - mine[0]))
        sales = int(round(theirs[1] - mine[1]))
        sentiment = theirs[2] - mine[2]
        if followers == 0 and abs(sales) < 1 and abs(sentiment) < 0.005:
            texts[record.number] = say("review_impact_none")
        else:
            texts[record.number] = say(
                "review_impact", followers=followers, sales=sales, sentiment=sentiment
            )
    return texts


def _markdown_table(header: list[str], rows: list[list]) -> list[str]:
    def cell(value) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(map(cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return lines
