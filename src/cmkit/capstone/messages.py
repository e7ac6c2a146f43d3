"""Every learner-facing sentence of the capstone helpers, in one place (for a French edition).

Grading never depends on these words: a problem is judged by its code, a figure by its value.
Placeholders are filled with ``str.format``. The words the summary check *reads* (KPI names,
units, plans) are in ``vocabulary.py``.
"""

from __future__ import annotations

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

KPI_LABELS = {
    "posts": "posts published",
    "reach": "total reach",
    "median_engagement_rate": "median engagement rate by reach",
    "social_sessions": "web sessions from organic social",
    "social_orders": "orders from organic social (last touch)",
    "social_revenue": "revenue from organic social (last touch)",
    "ad_spend": "ad spend",
    "paid_revenue": "revenue from paid social (last touch)",
    "roas": "ROAS of paid social (shop's count)",
    "complaints": "complaints received",
    "complaint_reply_median": "median first reply to complaints by a person",
    "complaint_response_rate": "share of complaints answered by a person",
    "share_of_voice": "share of voice",
    "net_sentiment": "net sentiment",
}
GROWTH_LABEL = "follower growth on {network}"
STAGE_LABELS = {
    "attention": "attention (reach or engagement rate)",
    "traffic": "traffic to the shop (sessions)",
    "sales": "sales (orders, revenue or ROAS)",
    "care": "customer care",
    "reputation": "reputation",
}

# --- the summary check ------------------------------------------------------------------

SUMMARY = {
    "not_text": (
        "{article} {actual}; the summary is expected as text between quotes, e.g. "
        'summary = """In September 2026 ..."""'
    ),
    "empty": (
        "`{name}` is an empty text. Write your executive summary between the triple quotes, "
        "run the cell, then run this check again."
    ),
    "too_few": (
        "a summary that quotes {n} figure(s) next to a KPI's name; quote at least {minimum} "
        "(each with its period and a comparison), e.g. 'reach 412,300 accounts (+12 % on "
        "August)'"
    ),
    "mismatch_own": (
        '"{quote}" (next to "{keyword}"): none of your figures for {labels} gives it when '
        "rounded as you wrote it; your report says {values} for {month}. Check the figure, its "
        "unit (% or points) and its period"
    ),
    "mismatch_data": (
        '"{quote}" (next to "{keyword}") matches none of the data\'s figures for {labels} (the '
        "three months of the report, or the changes between them); check the figure, its unit "
        "(% or points), its denominator and its period"
    ),
    "wrong_figures": "a summary with figures that do not match: {problems}",
    "and_more": " (and {n} more)",
}

FIGURES_ERRORS = {
    "not_a_table": (
        "report: {what} is not a table; pass the report DataFrame (one row per month, one "
        "column per KPI) or a dictionary {{kpi: {{month: value}}}}"
    ),
    "not_text": "summary: {what} is not text; pass the summary as a string",
}

# --- headline KPIs ----------------------------------------------------------------------

HEADLINE = {
    "not_a_list": (
        "headline: {what} is not a list; write the KPI names between square brackets, e.g. "
        '["reach", "social_orders", ...]'
    ),
    "size": "headline: {n} KPI(s); the page has room for {size}: choose exactly {size}",
    "size_range": "headline: {n} KPI(s); choose between {low} and {high}",
    "unknown": (
        "headline: {names} is not a column of the report; use names from KPI_NAMES, e.g. "
        "'social_revenue'"
    ),
    "twice": "headline: {name!r} appears twice; each KPI once",
    "input": (
        "headline: {name!r} counts what was spent or done, not what it brought; keep it in the "
        "appendix and show its result instead (reach for posts, ROAS for ad spend)"
    ),
    "missing_stage": (
        "headline: nothing measures {stage}; a report that ties followers to customers needs "
        "one KPI of each stage"
    ),
    "care_or_reputation": (
        "headline: nothing measures customer care or reputation; add one (e.g. "
        "'complaint_reply_median' or 'net_sentiment')"
    ),
    "few_business": (
        "headline: {n} KPI(s) count customers or money ({names}); a manager needs at least "
        "{minimum}: orders, revenue or ROAS"
    ),
    "much_attention": (
        "headline: {n} attention KPIs ({names}); keep at most {maximum}, so that sales are not "
        "crowded out by likes"
    ),
}

# --- next quarter's objectives ---------------------------------------------------------

OBJECTIVES = {
    "not_a_list": (
        "objectives: {what} is not a list; write a list of dictionaries, one per objective: "
        "[{{...}}, {{...}}, {{...}}]"
    ),
    "count": "objectives: {n} objective(s); write exactly {expected}",
    "prefix": "objective {number}: {problem}",
    "kpi_not_reported": (
        "its KPI {kpi!r} is not one the report measures the catalogue's way; choose one of "
        "{allowed}"
    ),
    "scope": ("its scope is {scope!r}; the report's figures cover every network, so write 'all'"),
    "deadline_after_quarter": (
        "its deadline {deadline} is after the end of next quarter ({end}); a quarterly "
        "objective is checked at the end of the quarter"
    ),
    "baseline": (
        "its baseline {baseline} is not the value of {kpi} over {period}; measure the "
        "baseline on the last full quarter (your functions accept a list of months)"
    ),
    "too_far": (
        "its target moves {kpi} by {change}; a quarter rarely moves a KPI by more than "
        "{limit} without new means: lower it, or say which new means justify it"
    ),
    "same_kpi": "objectives: {kpi!r} is used twice; one objective per KPI",
    "no_sales": (
        "objectives: none has the goal 'sales'; followers only count when they become "
        "customers: add a sales objective"
    ),
    "one_goal": "objectives: all have the goal {goal!r}; cover at least {minimum} goals",
}

# --- budget and hours -------------------------------------------------------------------

BUDGET = {
    "not_a_dict": (
        "{what_name}: {what} is not a dictionary; write {{'facebook': ..., 'instagram': ..., ...}}"
    ),
    "missing": "{what_name}: no amount for {keys}; give every key, 0 where nothing goes",
    "unknown": "{what_name}: unknown key(s) {keys}; use {allowed}",
    "not_number": "{what_name}: the value for {key!r} is {value!r}, not a number",
    "negative": "{what_name}: the value for {key!r} is negative ({value:,.0f})",
    "total": (
        "budget: the amounts add up to {total:,.0f} XOF; the quarter's budget is "
        "{expected:,.0f} XOF: spend all of it, no more"
    ),
    "reserve": (
        "budget: the reserve is {reserve:,.0f} XOF ({share:.0%}); keep at least {minimum:.0%} "
        "({amount:,.0f} XOF) for a crisis or a test"
    ),
    "dropped_money": (
        "budget: {network} gets {amount:,.0f} XOF but holds {share:.1%} of the customers, "
        "under {minimum:.0%}: don't invest where your customers are not (give it 0)"
    ),
    "floor": (
        "budget: {network} holds {share:.1%} of the customers but gets {amount:,.0f} XOF; "
        "every kept network gets at least {floor:.0%} of the budget ({minimum:,.0f} XOF)"
    ),
    "cap": (
        "budget: {network} gets {amount:,.0f} XOF, more than {cap:.0%} of the budget; spread "
        "the risk"
    ),
    "hours_total": (
        "hours: they add up to {total:.1f} hours a week; you have {expected:g}: plan all of "
        "them, no more"
    ),
    "hours_dropped": (
        "hours: {network} gets {hours:.1f} h a week but holds {share:.1%} of the customers; "
        "keep at most {maximum:g} h a week there (watching mentions and messages)"
    ),
    "hours_floor": (
        "hours: {network} gets {hours:.1f} h a week; a network you fund needs at least "
        "{minimum:g} h a week of animation and replies"
    ),
}
