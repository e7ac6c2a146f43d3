"""Every learner-facing sentence of the customer-care helpers, in one place, so that a French
edition replaces this catalogue only.

Grading never depends on these words: checks decide on numbers and statuses. Placeholders are
filled with ``str.format``.
"""

from __future__ import annotations

EN = {
    # --- SLA helpers (CareError) ---------------------------------------------------------
    "not_timestamps": (
        "{name}: {what} are not timestamps; pass a column of dates and times such as "
        'inbox["received_at"]'
    ),
    "no_timezone": (
        "{name}: the timestamps have no time zone; use the inbox's columns as loaded, or add "
        'the zone with .dt.tz_localize("Africa/Dakar")'
    ),
    "bad_minutes": "{name}: minutes={value!r} is not a positive number; give e.g. minutes=60",
    # --- triage scores ------------------------------------------------------------------
    "triage_not_function": (
        "`triage` is {what}, not a function: keep the line `def triage(text):` and run its cell"
    ),
    "triage_placeholder": (
        "`triage` still returns the placeholder `...`: fill in the keyword lists, run the "
        "cell, then run this check again"
    ),
    "triage_raised": (
        "`triage` stopped with {error} on the message {text!r}: {detail}. Test your function "
        "on that message in a new cell to see why"
    ),
    "triage_invalid": (
        "`triage` returned {value!r} for the message {text!r}; it must return one of "
        "{categories}, written exactly like that"
    ),
    "triage_weakest": (
        "Your rules find {recall:.0%} of the messages labelled '{category}'; "
        "{confused:.0%} of them were classed as '{other}'. Read a few '{category}' messages "
        "your rules miss (the score's `examples`, e.g. my_score.examples['{category}']) and "
        "add the words that give them away, or change the order in which categories are tried"
    ),
    "triage_all_good": (
        "Your rules reach every threshold on these messages; remember that about 5 % of the "
        "labels are wrong, so 100 % is neither possible nor a goal"
    ),
    "triage_score_too_low": (
        "{label} is {value:.0%}, below the {threshold:.0%} required on {where}"
    ),
    "triage_where_labelled": "the labelled inbox",
    "triage_where_new": "new messages your rules have never seen",
    "triage_label_accuracy": "Accuracy (share of messages classed as labelled)",
    "triage_label_recall": "Recall of '{category}' (share of those messages your rules find)",
    "triage_output_error": "<error: {error}>",
    # --- escalation matrix ----------------------------------------------------------------
    "matrix_not_dict": (
        "the matrix is {what}; it must be a dictionary whose keys are (category, severity) "
        'pairs, e.g. ("complaint", "high"): ("customer_service", 60)'
    ),
    "matrix_missing": "no rule for {pairs}: every category needs a rule at every severity",
    "matrix_unknown_key": (
        "the key {key!r} is not a (category, severity) pair; categories are {categories}, "
        "severities are {severities}"
    ),
    "matrix_bad_value": (
        "the rule for {key!r} is {value!r}; write (owner, minutes), e.g. ('community_manager', 240)"
    ),
    "matrix_unknown_owner": "the owner {owner!r} of {key!r} is not one of {roles}",
    "matrix_bad_minutes": (
        "the time limit of {key!r} is {value!r}; write a whole number of minutes above 0"
    ),
    "policy_critical_owner": (
        "a critical {category} goes to {owner!r}; critical cases (health risk, legal threat, "
        "media) go to someone who can decide: {owners}"
    ),
    "policy_critical_minutes": (
        "a critical {category} may wait {minutes} minutes; critical cases need someone within "
        "{limit} minutes, day or night"
    ),
    "policy_complaint_sla": (
        "a {severity} complaint may wait {minutes} minutes, longer than the 60-minute SLA the "
        "brand promises for complaints"
    ),
    "policy_complaint_owner": (
        "a {severity} complaint stays with {owner!r}; from 'high' on, a complaint needs "
        "someone who can refund or replace: {owners}"
    ),
    "policy_loosens": (
        "for {category}, the time limit at '{higher}' ({slow} min) is longer than at "
        "'{lower}' ({fast} min); a more severe case never waits longer"
    ),
    "policy_low_stays": (
        "a low-severity {category} goes to {owner!r}; everyday questions and praise stay with "
        "the community manager, who answers them"
    ),
    "policy_spam_escalated": (
        "{severity} spam goes to {owner!r}; spam is hidden by the community manager, never "
        "escalated below 'critical'"
    ),
}

MESSAGES = EN


def say(message_id: str, /, **values: object) -> str:
    """The learner-facing sentence ``message_id`` with its placeholders filled in."""
    return MESSAGES[message_id].format(**values)
