"""Influencer selection for module 07 (Influencers and paid social).

Find the best set of creators under a budget and a limit on how many you can work with, and
add up a chosen list the way the graded checks do::

    from cmkit.influence import best_selection, totals

    best = best_selection(shortlist["price_xof"], shortlist["avg_engagements"],
                          budget=600_000, max_items=3)
    best.items, best.cost, best.value

``exhaustive_best`` (every combination) and ``dp_best`` (dynamic programming) solve the same
problem independently; the tests prove they agree.
"""

from .selection import (
    MAX_COMBINATIONS,
    Selection,
    SelectionError,
    Totals,
    best_selection,
    count_combinations,
    dp_best,
    exhaustive_best,
    totals,
)

__all__ = [
    "MAX_COMBINATIONS",
    "Selection",
    "SelectionError",
    "Totals",
    "best_selection",
    "count_combinations",
    "dp_best",
    "exhaustive_best",
    "totals",
]
