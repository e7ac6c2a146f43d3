"""Every learner-facing sentence of the crisis module, in one place (war room, playbook errors,
effect notes, review, scores), so that a French edition replaces this catalogue only.

Nothing is graded on these words: scores come from numbers and statuses. Placeholders are
filled with ``str.format``. Social-media posts of a scenario (in French, Wolof, English) are
scenario data and live in the scenario files, not here.
"""

from __future__ import annotations

import pandas as pd

EN = {
    # --- where a problem happened -------------------------------------------------------
    "where_decision": "Decision {number} at {clock}: ",
    "day_clock": "day {day}, {time}",
    # --- playbook problems (PlaybookError) ----------------------------------------------
    "not_callable": (
        "playbook: {what} is not a function; define it with `def playbook(situation):` and "
        "pass the function itself (without brackets) to run_playbook"
    ),
    "returned_placeholder": (
        "At {clock} your playbook still returns the placeholder `...`; replace the `...` in "
        "its body with your decisions, then run the cell again"
    ),
    "returned_none": (
        "At {clock} your playbook returned nothing (None): it has no `return` on that path; "
        "end it with `return decisions`, or `return []` when there is nothing to do"
    ),
    "returned_single": (
        "At {clock} your playbook returned one decision instead of a list of decisions; put it "
        'in square brackets, e.g. `return [hold(channel="facebook")]`'
    ),
    "returned_wrong_type": (
        "At {clock} your playbook returned {what}; return a list of decisions, e.g. "
        '`return [escalate("management")]`, or `return []` to wait'
    ),
    "playbook_raised": (
        "At {clock} your playbook stopped with an error{line}: {error}: {detail}; "
        "fix that line and run the cell again{advice}"
    ),
    "playbook_raised_line": " on line {line} of the playbook",
    "advice_type_error_call": (
        " (your playbook must take exactly one input: `def playbook(situation):`)"
    ),
    "advice_type_error": (
        " (check the names of the settings you gave a decision, e.g. "
        "respond(strategy=..., channel=..., tone=...))"
    ),
    "advice_attribute_error": (
        " (a situation has: time, clock, minutes, new_posts, volume, volume_by_network, "
        "baseline_volume, net_sentiment, negative_share, media_articles, followers_lost, "
        "injects, new_injects, done, posts_paused, has_done(...), minutes_since(...))"
    ),
    "dict_without_action": (
        'a dictionary without an \'action\'; add one, e.g. {{"action": "respond", ...}}, '
        "choosing among {actions}"
    ),
    "not_a_decision": (
        "{what} is not a decision; build one with respond(...), hold(...), escalate(...), "
        "pause_posts(), resume_posts(), delete_comments() or compensate()"
    ),
    "unknown_action": "{value!r} is not an action; choose one of {actions}",
    "no_settings": "nothing (it takes no settings)",
    "unknown_setting": "{key!r} is not a setting of {action}; use {settings}",
    "missing_setting": (
        "a {action} decision needs a {key}; add {key}={example!r} (or one of {choices})"
    ),
    "bad_strategy": "{value!r} is not a response strategy; choose one of {choices}",
    "bad_channel": "{value!r} is not one of the brand's channels; choose one of {choices}",
    "bad_tone": "{value!r} is not a tone; choose one of {choices}",
    "bad_team": "{value!r} is not a team you can escalate to; choose one of {choices}",
    "bad_next_update_type": (
        "next_update_minutes is {what}; write a number of minutes, e.g. next_update_minutes=60"
    ),
    "bad_next_update_range": (
        "next_update_minutes is {value}; promise the next update between {low} and {high} "
        "minutes from now"
    ),
    "bad_text": "{key} is {what}; write it as a text in quotes",
    "not_a_word": '{key} is {what}; write it as a word in quotes, e.g. "rebuild"',
    "kind_none": "nothing (None)",
    "kind_placeholder": "the placeholder `...`",
    "kind_bool": "a True/False value ({value})",
    "kind_number": "a number ({value})",
    "kind_text": "a text ({value!r})",
    "kind_list": "a list of {n} items",
    "kind_dict": "a dictionary",
    "kind_other": "an object of type `{name}`",
    # --- decisions in plain words -------------------------------------------------------
    "describe_respond": "respond: {strategy} on {channel} ({tone} tone)",
    "describe_hold": "holding statement on {channel} ({tone} tone), next update in "
    "{next_update_minutes} min",
    "describe_escalate": "escalate to {team}",
    "describe_pause_posts": "pause scheduled posts",
    "describe_resume_posts": "resume scheduled posts",
    "describe_delete_comments": "delete critical comments",
    "describe_compensate": "offer compensation",
    "brand_author": "Keur Thé (brand account)",
    "default_statement_respond": "[Keur Thé publishes its {strategy} response]",
    "default_statement_hold": (
        "[Keur Thé publishes a holding statement: we know, we are checking, update soon]"
    ),
    # --- what each decision did (notes in the log and the review) -----------------------
    "note_before_onset": "Nothing had happened yet: there was nothing to answer, so no effect.",
    "note_in_golden_hour": (
        "First public word {minutes} min after the crisis started: inside the golden hour."
    ),
    "note_late": (
        "First public word {minutes} min after the crisis started: after the golden hour, "
        "others had already filled the silence."
    ),
    "note_fit": "'{strategy}' fits the {cluster} cluster: anger goes down.",
    "note_weak_fit": (
        "'{strategy}' helps a little but is not what the {cluster} cluster calls for."
    ),
    "note_backfire_strategy": (
        "'{strategy}' does not fit the {cluster} cluster: it reads as dodging responsibility, "
        "anger and volume go up."
    ),
    "note_backfire_tone": (
        "A {tone} tone in a crisis reads as not taking people seriously: anger goes up."
    ),
    "note_timeliness": "Late answer: it had only {percent} % of the effect it would have had "
    "in the golden hour.",
    "note_repeat": "Repeating a response: only {percent} % of the effect of the first one.",
    "note_off_channel": (
        "Most of the conversation is not on {channel}: the message reached fewer of the "
        "people talking."
    ),
    "note_all_channels_paracrisis": (
        "Posting everywhere showed the controversy to followers who had not seen it."
    ),
    "note_inconsistent": (
        "Changing between denying and apologising looks inconsistent: anger goes up a little."
    ),
    "note_missing_escalation": (
        "Not yet escalated to {teams}: without their confirmed facts and backing the "
        "message is less credible."
    ),
    "note_hold": "Holding statement published; you promised the next update for {next_update}.",
    "note_already_escalated": "{team} was already alerted: no change.",
    "note_escalation_required": (
        "{team} alerted: this crisis needs them; your next statements are more credible."
    ),
    "note_escalation_optional": "{team} alerted: not required in this crisis, no harm done.",
    "note_paused": "Scheduled posts paused: the editorial calendar will not go out.",
    "note_resumed": "Scheduled posts resumed: the editorial calendar goes out again.",
    "note_streisand": (
        "Deleting criticism backfires (Streisand effect): screenshots circulate, anger and "
        "volume go up, media are more likely to pick the story up for {hours} h."
    ),
    "note_already_compensated": "Compensation was already offered: no further effect.",
    "note_compensation_victims": (
        "Compensation to the customers affected: anger goes down; it costs {cost} XOF."
    ),
    "note_compensation_no_victims": (
        "Nobody was materially harmed, so compensation helps little and can look like buying "
        "silence; it costs {cost} XOF."
    ),
    # --- events --------------------------------------------------------------------------
    "event_dampened": " (weaker: you had already answered)",
    "event_held_post": "A scheduled post was held back (posts paused)",
    "event_tone_deaf_post": (
        "A scheduled promotional post went out in the middle of the crisis: it looks tone-deaf"
    ),
    "event_scheduled_post": "A scheduled post went out as planned",
    "event_unanswered": "Unanswered: {title}; the outlet publishes without your side",
    "event_broken_promise": "The promised update did not come: people notice the silence",
    "event_media_article": "A news site picks up the story",
    "feed_deleted_comments": "Keur Thé supprime nos commentaires ! Captures d'écran 👇 "
    "#BoycottKeurThé",
    "feed_article_default": "Polémique autour de la marque Keur Thé",
    # --- scoring -------------------------------------------------------------------------
    "outcome_golden_hour": "First public response inside the golden hour",
    "outcome_strategy_fit": "Response strategy fits the crisis cluster",
    "outcome_escalation": "Escalated to the right teams in time",
    "outcome_no_deletion": "No criticism deleted",
    "outcome_recovery": "Net sentiment recovered by the deadline",
    "outcome_followers": "Followers lost kept down",
    "outcome_sales": "Sales impact kept down",
    "detail_golden_hour_never": "No public statement after the crisis started.",
    "detail_golden_hour": "First public statement {minutes} min after the crisis started "
    "(golden hour: {limit} min).",
    "detail_strategy_none": "No response strategy was used (only a holding statement or none).",
    "detail_strategy": "Strategies used: {used}; the {cluster} cluster calls for {fitting}.",
    "detail_escalation": "Required: {required}; alerted in time: {done}.",
    "detail_escalation_none": "This scenario requires no escalation.",
    "detail_no_deletion": "Criticism deleted {n} time(s).",
    "detail_recovery": "Net sentiment over the {hours} h before {deadline}: {value:+.2f} "
    "(target: {target:+.2f} or more).",
    "detail_followers": "Followers lost: {value:,} (doing nothing: {silent:,}).",
    "detail_sales": "Sales lost plus compensation: {value:,} XOF (doing nothing: {silent:,} XOF).",
    # --- review --------------------------------------------------------------------------
    "review_title": "After-action review: {title} (seed {seed})",
    "review_summary": (
        "Score {score:g}/{max_score:g}. The crisis started at {onset}. Peak volume: {peak} "
        "mentions in 15 minutes at {peak_clock} (usual: about {baseline:g}). Media articles: "
        "{media}. Followers lost: {followers:,}. Sales lost: {sales:,} XOF."
    ),
    "review_outcomes": "Outcomes",
    "review_timeline": "Timeline",
    "review_kind_inject": "event",
    "review_kind_decision": "decision",
    "review_kind_scheduled_post": "scheduled post",
    "review_kind_held_post": "held post",
    "review_kind_unanswered": "unanswered",
    "review_kind_broken_promise": "missed update",
    "review_kind_media_article": "press",
    "review_kind_peak": "peak",
    "review_effect_anger": "anger {value:+.2f}",
    "review_effect_heat": "attention {value:+.0f} mentions/15 min",
    "review_peak": "Peak of the crisis: {volume} mentions in 15 minutes",
    "review_impact": (
        "Without it: {followers:+,} followers lost, {sales:+,} XOF of sales lost, net "
        "sentiment {sentiment:+.2f} at the deadline."
    ),
    "review_impact_none": "Without it: no measurable difference.",
    "review_impact_note": (
        '"Without it" replays the exercise with the same seed and every other decision at '
        "the same time, minus this one, and gives the difference (without it − with it): "
        '"+120 followers lost" means 120 more followers would have left without this '
        'decision; "net sentiment −0.15" means sentiment would have been 0.15 lower.'
    ),
    "review_columns": ("time", "kind", "what", "effect"),
    "passed": "✓",
    "failed": "✗",
    # --- the war room widget -------------------------------------------------------------
    "wr_title": "War room · {title}",
    "wr_clock": "{clock}",
    "wr_not_started": "Calm so far. Watch the feed.",
    "wr_metrics": (
        "Mentions (last 15 min): <b>{volume}</b> (usual ≈ {baseline:g}) · Net sentiment "
        "(last hour): <b>{sentiment:+.2f}</b> · Media articles: <b>{media}</b> · Followers "
        "lost: <b>{followers:,}</b> · Sales lost: <b>{sales:,} XOF</b>"
    ),
    "wr_feed_title": "Feed (newest first)",
    "wr_feed_empty": "No posts yet.",
    "wr_log_title": "Your decisions",
    "wr_log_empty": "No decision yet.",
    "wr_strategy": "Strategy",
    "wr_channel": "Channel",
    "wr_tone": "Tone",
    "wr_team": "Team",
    "wr_next_update": "Next update (min)",
    "wr_statement": "Statement",
    "wr_statement_placeholder": "Write what you publish (optional)…",
    "wr_respond": "Publish response",
    "wr_hold": "Holding statement",
    "wr_escalate": "Escalate",
    "wr_pause": "Pause scheduled posts",
    "wr_resume": "Resume scheduled posts",
    "wr_delete": "Delete critical comments",
    "wr_compensate": "Offer compensation",
    "wr_advance_15": "+15 min",
    "wr_advance_60": "+1 h",
    "wr_advance_360": "+6 h",
    "wr_debrief": "End and debrief",
    "wr_finished": "The exercise is over: read the debrief below.",
    "wr_error": "⚠ {message}",
    "wr_chart_volume": "Mentions per 15 minutes by network",
    "wr_chart_sentiment": "Net sentiment (last hour)",
    "wr_chart_time": "hours since the start of the exercise ({start}, Africa/Dakar time)",
    "wr_chart_mentions": "mentions",
    "wr_chart_net": "net sentiment (−1 to +1)",
    "wr_inject_badge": "EVENT",
    "wr_brand_badge": "YOU",
    "wr_article_badge": "PRESS",
}

MESSAGES = EN


def say(message_id: str, /, **values: object) -> str:
    """The learner-facing sentence ``message_id`` with its placeholders filled in."""
    return MESSAGES[message_id].format(**values)


def clock_label(when: pd.Timestamp, start: pd.Timestamp) -> str:
    """The clock as shown: "17:45" on the first day, "day 2, 09:15" afterwards."""
    day = (when.normalize() - start.normalize()).days + 1
    time = when.strftime("%H:%M")
    return time if day == 1 else say("day_clock", day=day, time=time)
