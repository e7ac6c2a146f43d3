"""Every learner-facing sentence of the strategy module, in one place (for a French edition).

Grading never depends on these words: a SMART problem is judged by its criterion and code.
Placeholders are filled with ``str.format``.
"""

from __future__ import annotations

# KPI name -> (what it is, formula). Formulas agree with module 08's glossary.
KPI_TEXT = {
    "followers": ("accounts following the brand's account", "count at a date"),
    "follower_growth_rate": (
        "how fast the follower count grows over a period",
        "(followers at the end − followers at the start) ÷ followers at the start",
    ),
    "likes": ("likes and reactions on posts", "sum over the posts of the period"),
    "impressions": (
        "times posts were displayed, repeats included",
        "sum over the posts of the period",
    ),
    "video_views": ("video views of 3 s or more", "sum over the videos of the period"),
    "reach": ("distinct accounts a post was shown to", "median per post, or sum for a total"),
    "engagement_rate": (
        "how many of the people who saw the posts reacted",
        "(likes + comments + shares) ÷ reach",
    ),
    "share_of_voice": (
        "the brand's part of the conversation in its market",
        "brand mentions ÷ all mentions in the set",
    ),
    "net_sentiment": (
        "whether people speak of the brand more positively than negatively",
        "(positive − negative) ÷ all mentions × 100",
    ),
    "ctr": ("click-through rate: how often a display leads to a click", "clicks ÷ impressions"),
    "social_sessions": (
        "visits to the online shop that come from organic posts",
        "count of web sessions with utm_medium = social",
    ),
    "response_rate": ("share of messages that get an answer", "answered ÷ received"),
    "first_response_time": (
        "how long a customer waits for the first reply",
        "median hours from message to first reply (report the mean too)",
    ),
    "conversion_rate": (
        "share of shop visits that end in an order",
        "orders ÷ sessions (website)",
    ),
    "social_orders": (
        "orders placed in a visit that came from organic posts",
        "count of orders whose session has utm_medium = social",
    ),
    "social_revenue": (
        "money from orders placed in a visit that came from organic posts",
        "sum of amount_xof of orders whose session has utm_medium = social",
    ),
    "roas": ("revenue earned per franc spent on ads", "revenue ÷ ad spend"),
    "cpa": ("cost of one order (acquisition) through ads", "ad spend ÷ conversions"),
}

CRITERIA = {
    "form": "form",
    "S": "S (specific)",
    "M": "M (measured)",
    "A": "A (achievable)",
    "R": "R (relevant)",
    "T": "T (time-bound)",
}

# SMART problems: "<criterion>: <problem>; <fix>".
SMART = {
    "not_a_dict": (
        "the objective is {what}, not a dictionary; write it as "
        '{{"goal": ..., "kpi": ..., "scope": ..., "baseline": ..., "target": ..., '
        '"deadline": ...}}'
    ),
    "no_kpi": (
        "no KPI says what will change; add 'kpi' with a name from the catalogue "
        "(kpi_table() lists them)"
    ),
    "unknown_kpi": (
        "{kpi!r} is not a KPI of the course catalogue; choose one of kpi_table()'s names, "
        "e.g. 'social_revenue' or 'engagement_rate'"
    ),
    "no_scope": (
        "no scope says where the change happens; add 'scope': a network such as "
        "'instagram', a list of networks, or 'all'"
    ),
    "unknown_scope": (
        "the scope {scope!r} is not a network; use one of {networks}, a list of them, or 'all'"
    ),
    "no_baseline": (
        "no baseline says where the KPI stands today; add 'baseline' with the value you "
        "measured in the data"
    ),
    "no_target": "no target says where the KPI must get to; add 'target' with a number",
    "not_a_number": (
        "the {field} is {what}, not a number; write the number itself, without quotes or units"
    ),
    "negative": "the {field} is {value}, below zero; {kpi} cannot be negative",
    "fraction_out_of_range": (
        "the {field} is {value}, but {kpi} is a fraction between 0 and 1; write 0.05 for 5 %"
    ),
    "score_out_of_range": "the {field} is {value}, but {kpi} lies between -100 and 100",
    "growth_out_of_range": "the {field} is {value}; a growth rate cannot be below -1 (−100 %)",
    "no_change": "the target equals the baseline; an objective must move the KPI",
    "wrong_direction": (
        "the target ({target}) is {worse} than the baseline ({baseline}) but {kpi} is better "
        "when {better}; set a target that improves on the baseline"
    ),
    "too_ambitious": (
        "the target is {factor:.1f} times the baseline; a KPI rarely more than doubles (or "
        "halves) in a year without new means, so this allows at most {allowed:.1f}×; lower "
        "the target or move the deadline"
    ),
    "no_goal": ("no business goal says why the KPI matters; add 'goal', one of {goals}"),
    "unknown_goal": "the goal {goal!r} is not one of {goals}; choose one of them",
    "vanity_for_goal": (
        "{kpi} is a vanity metric: it can grow without serving the goal {goal!r}; choose a "
        "KPI that measures {goal} (one whose goals include it in kpi_table())"
    ),
    "kpi_not_for_goal": (
        "{kpi} measures {measures}, not {goal}; choose a KPI whose goals include {goal!r}"
    ),
    "no_deadline": "no deadline; add 'deadline': 'YYYY-MM-DD', e.g. '2027-09-30'",
    "bad_deadline": (
        "the deadline {deadline!r} is not a date; write it as 'YYYY-MM-DD', e.g. '2027-09-30'"
    ),
    "deadline_past": (
        "the deadline {deadline} is not after the end of the data ({start}); a baseline "
        "measured up to then needs a later deadline"
    ),
    "deadline_far": (
        "the deadline {deadline} is more than two years after the end of the data ({start}); "
        "set a nearer deadline (a milestone) you can check"
    ),
}


def smart_text(criterion: str, code: str, /, **values: object) -> str:
    """The sentence for one SMART problem, prefixed with its criterion."""
    return f"{CRITERIA[criterion]}: {SMART[code].format(**values)}"
