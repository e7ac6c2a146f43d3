"""The war room: the crisis exercise as an ipywidgets dashboard (pure Python widgets).

``WarRoom("match_day", seed=1)`` shows a clock, the feed of incoming posts, live charts of
volume and net sentiment, the decision controls, buttons to let time pass and, at the end, the
after-action review. Every control is an attribute, so the widget can be driven without a
browser: ``room.advance_hour_button.click()``, ``room.strategy.value = "rebuild"``,
``room.respond_button.click()``, then read ``room.clock.value`` or ``room.feed.value``.
``room.widget`` is the ipywidgets box; a cell ending with ``room`` displays it.
"""

from __future__ import annotations

import html
import io

import ipywidgets as widgets

from . import effects as fx
from .decisions import CHANNELS, Decision
from .engine import Simulation
from .errors import PlaybookError
from .messages import clock_label, say
from .scenarios import TEAMS
from .scoring import score

FEED_SHOWN = 40  # posts kept on screen, newest first
# Okabe–Ito colour-blind-safe palette
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
SENTIMENT_MARK = {
    "negative": ("▼", "#D55E00"),
    "neutral": ("•", "#666666"),
    "positive": ("▲", "#0072B2"),
}


class WarRoom:
    """An interactive crisis exercise: decide, let time pass, read the debrief."""

    def __init__(self, scenario="match_day", seed: int = 1, charts: bool = True):
        self.sim = Simulation(scenario, seed)
        self.result = None
        self.review = None
        self.charts = charts
        full = widgets.Layout(width="100%")

        self.title = widgets.HTML()
        self.briefing = widgets.HTML(f"<p>{html.escape(self.sim.scenario.briefing)}</p>")
        self.clock = widgets.HTML()
        self.metrics = widgets.HTML()
        self.status = widgets.HTML()
        self.feed = widgets.HTML(
            layout=widgets.Layout(height="320px", overflow="auto", border="1px solid #ccc")
        )
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%"))
        self.decision_log = widgets.HTML()
        self.debrief = widgets.HTML()

        wide = {"description_width": "initial"}
        self.strategy = widgets.Dropdown(
            options=fx.STRATEGIES, value=None, description=say("wr_strategy"), style=wide
        )
        self.channel = widgets.Dropdown(
            options=CHANNELS, value=None, description=say("wr_channel"), style=wide
        )
        self.tone = widgets.Dropdown(
            options=fx.TONES, value="empathetic", description=say("wr_tone"), style=wide
        )
        self.team = widgets.Dropdown(
            options=TEAMS, value=None, description=say("wr_team"), style=wide
        )
        self.next_update = widgets.Dropdown(
            options=(30, 60, 120, 240, 480),
            value=60,
            description=say("wr_next_update"),
            style=wide,
        )
        self.statement = widgets.Textarea(
            placeholder=say("wr_statement_placeholder"),
            description=say("wr_statement"),
            layout=full,
        )

        def button(label, style="", handler=None):
            b = widgets.Button(description=say(label), button_style=style)
            b.layout.width = "auto"
            if handler is not None:
                b.on_click(lambda _: handler())
            return b

        self.respond_button = button("wr_respond", "primary", self._respond)
        self.hold_button = button("wr_hold", "info", self._hold)
        self.escalate_button = button("wr_escalate", "warning", self._escalate)
        self.pause_button = button("wr_pause", "", lambda: self.decide(Decision("pause_posts")))
        self.resume_button = button("wr_resume", "", lambda: self.decide(Decision("resume_posts")))
        self.delete_button = button(
            "wr_delete", "danger", lambda: self.decide(Decision("delete_comments"))
        )
        self.compensate_button = button("wr_compensate", "", self._compensate)
        self.advance_15_button = button("wr_advance_15", "", lambda: self.advance(1))
        self.advance_hour_button = button("wr_advance_60", "", lambda: self.advance(4))
        self.advance_6h_button = button("wr_advance_360", "", lambda: self.advance(24))
        self.debrief_button = button("wr_debrief", "success", self.end)
        self.decision_buttons = [
            self.respond_button,
            self.hold_button,
            self.escalate_button,
            self.pause_button,
            self.resume_button,
            self.delete_button,
            self.compensate_button,
        ]
        self.time_buttons = [
            self.advance_15_button,
            self.advance_hour_button,
            self.advance_6h_button,
            self.debrief_button,
        ]

        controls = widgets.VBox(
            [
                widgets.HBox([self.strategy, self.channel, self.tone]),
                widgets.HBox([self.team, self.next_update]),
                self.statement,
                widgets.HBox(self.decision_buttons, layout=widgets.Layout(flex_flow="row wrap")),
            ]
        )
        feed_box = widgets.VBox(
            [widgets.HTML(f"<b>{say('wr_feed_title')}</b>"), self.feed],
            layout=widgets.Layout(width="48%"),
        )
        chart_box = widgets.VBox([self.chart], layout=widgets.Layout(width="52%"))
        self.widget = widgets.VBox(
            [
                self.title,
                self.briefing,
                widgets.HBox([self.clock, self.metrics]),
                self.status,
                widgets.HBox([feed_box, chart_box]),
                controls,
                widgets.HBox(self.time_buttons),
                widgets.HTML(f"<b>{say('wr_log_title')}</b>"),
                self.decision_log,
                self.debrief,
            ]
        )
        self.title.value = f"<h3>{html.escape(say('wr_title', title=self.sim.scenario.title))}</h3>"
        self.refresh()

    def _repr_mimebundle_(self, **kwargs):
        # Displaying the room (the last line of a cell) displays its widget.
        return self.widget._repr_mimebundle_(**kwargs)

    # -- actions ---------------------------------------------------------------------------

    def decide(self, decision) -> bool:
        """Take one decision now; a problem is shown in the status line, never raised."""
        if self.sim.finished:
            self.status.value = say("wr_finished")
            return False
        try:
            self.sim.apply([decision], source="war room")
        except PlaybookError as error:
            message = html.escape(say("wr_error", message=str(error)))
            self.status.value = f"<span style='color:#D55E00'>{message}</span>"
            return False
        self.status.value = ""
        self.refresh()
        return True

    def advance(self, steps: int = 1) -> None:
        """Let ``steps`` × 15 minutes pass; at the end of the exercise, show the debrief."""
        self.sim.advance(steps)
        self.status.value = ""
        if self.sim.finished:
            self.end()
        else:
            self.refresh()

    def end(self) -> None:
        """Run the clock to the end, score, and show the after-action review."""
        self.sim.advance(self.sim.steps)
        if self.result is None:
            self.result = score(self.sim)
            self.review = self.result.review()
        for b in self.decision_buttons + self.time_buttons:
            b.disabled = True
        self.status.value = f"<b>{html.escape(say('wr_finished'))}</b>"
        self.debrief.value = self.review.html()
        self.refresh()

    def _respond(self) -> None:
        self.decide(
            Decision(
                "respond",
                strategy=self.strategy.value,
                channel=self.channel.value,
                tone=self.tone.value,
                statement=self.statement.value,
            )
        )

    def _hold(self) -> None:
        self.decide(
            Decision(
                "hold",
                channel=self.channel.value,
                tone=self.tone.value,
                next_update_minutes=self.next_update.value,
                statement=self.statement.value,
            )
        )

    def _escalate(self) -> None:
        self.decide(Decision("escalate", team=self.team.value))

    def _compensate(self) -> None:
        self.decide(Decision("compensate", offer=self.statement.value))

    # -- display ---------------------------------------------------------------------------

    def refresh(self) -> None:
        situation = self.sim.situation()
        self.clock.value = f"<h2>{html.escape(say('wr_clock', clock=situation.clock))}</h2>"
        self.metrics.value = (
            say(
                "wr_metrics",
                volume=situation.volume,
                baseline=situation.baseline_volume,
                sentiment=situation.net_sentiment,
                media=situation.media_articles,
                followers=situation.followers_lost,
                sales=int(round(self.sim.sales_lost)),
            )
            if situation.injects
            else html.escape(say("wr_not_started"))
        )
        self.feed.value = self._feed_html()
        self.decision_log.value = self._log_html()
        if self.charts:
            self.chart.value = self._chart_png()

    def _feed_html(self) -> str:
        posts = [p for p in self.sim.feed if p.time <= self.sim.time][-FEED_SHOWN:]
        if not posts:
            return f"<i>{html.escape(say('wr_feed_empty'))}</i>"
        badges = {
            "inject": say("wr_inject_badge"),
            "brand": say("wr_brand_badge"),
            "article": say("wr_article_badge"),
        }
        items = []
        for post in reversed(posts):
            mark, colour = SENTIMENT_MARK[post.sentiment]
            badge = badges.get(post.kind)
            badge_html = (
                f"<b style='background:#F0E442;padding:0 4px'>{badge}</b> " if badge else ""
            )
            items.append(
                f"<div style='margin:2px 0'>{badge_html}<span style='color:{colour}'>{mark}</span>"
                f" <code>{post.clock}</code> <b>{html.escape(post.author)}</b> "
                f"<small>({post.network}, {post.followers:,})</small>: {html.escape(post.text)}"
                "</div>"
            )
        return "".join(items)

    def _log_html(self) -> str:
        if not self.sim.log:
            return f"<i>{html.escape(say('wr_log_empty'))}</i>"
        rows = "".join(
            f"<li><code>{clock_label(r.time, self.sim.timeline.start)}</code> "
            f"<b>{html.escape(r.decision.describe())}</b>: {html.escape(' '.join(r.notes))}</li>"
            for r in self.sim.log
        )
        return f"<ul>{rows}</ul>"

    def _chart_png(self) -> bytes:
        from matplotlib.figure import Figure

        trajectory = self.sim.trajectory()
        fig = Figure(figsize=(6.4, 4.4), dpi=72)
        top, bottom = fig.subplots(2, 1, sharex=True)
        fig.subplots_adjust(left=0.12, right=0.98, top=0.93, bottom=0.11, hspace=0.35)
        # hours since the start of the exercise: plain numbers draw much faster than dates
        hours = [i * fx.STEP_MINUTES / 60 for i in range(1, len(trajectory) + 1)]
        if not trajectory.empty:
            volumes = [trajectory[f"volume_{n}"].to_numpy() for n in self.sim.networks]
            top.stackplot(hours, volumes, labels=self.sim.networks, colors=PALETTE[: len(volumes)])
            top.legend(loc="upper left", fontsize=7, ncols=3)
            hourly = trajectory[["positive", "negative", "volume"]].rolling(4, min_periods=1).sum()
            volume = hourly["volume"].where(hourly["volume"] > 0)
            net = ((hourly["positive"] - hourly["negative"]) / volume).to_numpy()
            bottom.plot(hours, net, color=PALETTE[0])
        bottom.axhline(0, color="#666666", linewidth=0.8)
        bottom.set_xlim(0, max(6.0, len(trajectory) * fx.STEP_MINUTES / 60))
        bottom.set_ylim(-1, 1)
        top.set_title(say("wr_chart_volume"), fontsize=10)
        top.set_ylabel(say("wr_chart_mentions"))
        bottom.set_title(say("wr_chart_sentiment"), fontsize=10)
        bottom.set_ylabel(say("wr_chart_net"))
        bottom.set_xlabel(
            say(
                "wr_chart_time", start=clock_label(self.sim.timeline.start, self.sim.timeline.start)
            )
        )
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
