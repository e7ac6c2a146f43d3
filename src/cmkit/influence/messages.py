"""Every learner-facing sentence of the influence package (module 07), in one place, so that a
French edition replaces this catalogue only.

Nothing is graded on these words: the checks compare numbers. Placeholders are filled with
``str.format``.
"""

from __future__ import annotations

EN = {
    "not_a_mapping": (
        "{what}: expected one number per candidate (a column or a dictionary), got {got}; "
        "pass a column of the candidates table, e.g. shortlist['price_xof']"
    ),
    "keys_differ": (
        "costs and values: they do not name the same candidates ({detail}); take both columns "
        "from the same table"
    ),
    "not_a_number": (
        "{what} of {key!r}: {value!r} is not a number; use a column of numbers such as "
        "price_xof or avg_engagements"
    ),
    "negative": (
        "{what} of {key!r}: {value} is negative; prices and budgets are amounts of money of 0 "
        "or more"
    ),
    "bad_budget": "budget: {value!r} is not an amount of 0 or more; give the budget in XOF",
    "bad_max_items": (
        "max_items: {value!r} is not a whole number of 1 or more; say how many creators you can "
        "work with, or leave it out for no limit"
    ),
    "too_many_combinations": (
        "exhaustive search: {count:,} combinations to try is too many for a notebook; shorten "
        "the shortlist or set max_items"
    ),
    "costs_not_whole": (
        "dp_best: the costs are not whole numbers; round prices to whole XOF or use exhaustive_best"
    ),
    "table_too_large": (
        "dp_best: the budget table would have {cells:,} cells; use exhaustive_best or a coarser "
        "price unit"
    ),
    "not_a_list": (
        "chosen: expected a list of handles such as ['handle_a', 'handle_b'], got {got}; build "
        "a list with square brackets"
    ),
    "unknown_handle": (
        "chosen: {handle!r} is not a candidate of the table; copy the handles exactly as they "
        "appear in the influencers table"
    ),
}

MESSAGES = EN


def say(message_id: str, /, **values: object) -> str:
    """The learner-facing sentence ``message_id`` with its placeholders filled in."""
    return MESSAGES[message_id].format(**values)
