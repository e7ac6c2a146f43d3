"""Choose creators under a budget: the best set, found two independent ways, and the totals of
a learner's choice.

The rule of module 07 is a small *knapsack*: from a shortlist, pick at most ``max_items``
creators whose prices add up to at most ``budget`` and whose expected engagements add up to the
most. Ranking by cost per engagement and filling the budget is a good first guess, not a proof;
these functions give the proof.

- ``exhaustive_best`` tries every combination (what the lesson teaches, and easy to trust);
- ``dp_best`` solves the same problem by dynamic programming over whole-number prices (fast,
  and an independent check of the first);
- ``best_selection`` picks whichever fits the problem;
- ``totals`` adds up a chosen list of handles the way the graded checks do.

Costs and values are given as one number per candidate: a pandas column indexed by handle or a
dictionary ``{handle: number}``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from cmkit.errors import KitError

from .messages import say

# A notebook cell should answer in well under a second: beyond this, exhaustive search refuses.
MAX_COMBINATIONS = 2_000_000
# Cells of the dynamic-programming table (items × creators × budget units) dp_best accepts.
MAX_DP_CELLS = 20_000_000


class SelectionError(KitError):
    """Inputs a selection cannot be computed from; the message says what to fix."""


@dataclass(frozen=True)
class Selection:
    """A set of creators: their handles (in the order of the inputs), total cost and value."""

    items: tuple[str, ...]
    cost: float
    value: float


# --- inputs --------------------------------------------------------------------------------


def _as_numbers(amounts: Any, what: str) -> dict[Any, float]:
    if not hasattr(amounts, "items") or isinstance(amounts, (str, bytes)):
        raise SelectionError(say("not_a_mapping", what=what, got=type(amounts).__name__))
    numbers_by_key = {}
    for key, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise SelectionError(say("not_a_number", what=what, key=key, value=value))
        number = float(value)
        if not math.isfinite(number):
            raise SelectionError(say("not_a_number", what=what, key=key, value=value))
        numbers_by_key[key] = number
    return numbers_by_key


def _inputs(costs: Any, values: Any, budget: Any, max_items: Any):
    cost = _as_numbers(costs, "cost")
    value = _as_numbers(values, "value")
    if set(cost) != set(value):
        only_costs = sorted(map(str, set(cost) - set(value)))[:3]
        only_values = sorted(map(str, set(value) - set(cost)))[:3]
        detail = "; ".join(
            part
            for part in (
                f"only in costs: {', '.join(only_costs)}" if only_costs else "",
                f"only in values: {', '.join(only_values)}" if only_values else "",
            )
            if part
        )
        raise SelectionError(say("keys_differ", detail=detail))
    for key, amount in cost.items():
        if amount < 0:
            raise SelectionError(say("negative", what="cost", key=key, value=amount))
    if (
        isinstance(budget, bool)
        or not isinstance(budget, numbers.Real)
        or not math.isfinite(float(budget))
        or budget < 0
    ):
        raise SelectionError(say("bad_budget", value=budget))
    if max_items is not None and (
        isinstance(max_items, bool) or not isinstance(max_items, numbers.Integral) or max_items < 1
    ):
        raise SelectionError(say("bad_max_items", value=max_items))
    keys = list(cost)
    limit = len(keys) if max_items is None else min(int(max_items), len(keys))
    return keys, cost, value, float(budget), limit


def count_combinations(n: int, max_items: int | None = None) -> int:
    """How many non-empty sets of at most ``max_items`` among ``n`` candidates exist."""
    limit = n if max_items is None else min(max_items, n)
    return sum(math.comb(n, k) for k in range(1, limit + 1))


# --- the two solvers -----------------------------------------------------------------------


def exhaustive_best(
    costs: Any, values: Any, budget: float, max_items: int | None = None
) -> Selection:
    """The best set found by trying every combination of 1 to ``max_items`` candidates.

    Among sets of equal value the first one met wins (fewer creators first, then the order of
    the inputs), so the answer is the same on every run. The empty set is the answer when no
    candidate fits the budget.
    """
    keys, cost, value, budget, limit = _inputs(costs, values, budget, max_items)
    count = count_combinations(len(keys), limit)
    if count > MAX_COMBINATIONS:
        raise SelectionError(say("too_many_combinations", count=count))
    best = Selection((), 0.0, 0.0)
    for size in range(1, limit + 1):
        for combo in combinations(keys, size):
            total_cost = sum(cost[key] for key in combo)
            if total_cost > budget:
                continue
            total_value = sum(value[key] for key in combo)
            if total_value > best.value:
                best = Selection(tuple(combo), total_cost, total_value)
    return best


def _whole(number: float) -> bool:
    return number == int(number)


def dp_best(costs: Any, values: Any, budget: float, max_items: int | None = None) -> Selection:
    """The best set by dynamic programming (0/1 knapsack with a limit on the number of items).

    Prices must be whole numbers (XOF are); they are divided by their greatest common divisor
    so that a budget of 400,000 XOF with prices in steps of 5,000 XOF needs 80 budget units.
    Values may be any numbers; negative values are never worth choosing.
    """
    keys, cost, value, budget, limit = _inputs(costs, values, budget, max_items)
    if not all(_whole(amount) for amount in cost.values()):
        raise SelectionError(say("costs_not_whole"))
    step = 0
    for amount in cost.values():
        step = math.gcd(step, int(amount))
    step = step or 1
    units = int(budget // step)
    weight = {key: int(cost[key]) // step for key in keys}
    cells = max(len(keys), 1) * (limit + 1) * (units + 1)
    if cells > MAX_DP_CELLS:
        raise SelectionError(say("table_too_large", cells=cells))

    # best[k][b]: the largest value with at most k items and at most b budget units.
    best = [[0.0] * (units + 1) for _ in range(limit + 1)]
    taken: list[list[list[bool]]] = []  # taken[i][k][b]: item i improves best[k][b]
    for key in keys:
        w, v = weight[key], value[key]
        took = [[False] * (units + 1) for _ in range(limit + 1)]
        if v > 0:
            for k in range(limit, 0, -1):
                row, previous = best[k], best[k - 1]
                for b in range(units, w - 1, -1):
                    candidate = previous[b - w] + v
                    if candidate > row[b]:
                        row[b] = candidate
                        took[k][b] = True
        taken.append(took)

    chosen = []
    k, b = limit, units
    for index in range(len(keys) - 1, -1, -1):
        if k > 0 and taken[index][k][b]:
            chosen.append(keys[index])
            b -= weight[keys[index]]
            k -= 1
    chosen.reverse()
    return Selection(
        tuple(chosen), sum(cost[key] for key in chosen), sum(value[key] for key in chosen)
    )


def best_selection(
    costs: Any, values: Any, budget: float, max_items: int | None = None
) -> Selection:
    """The set of at most ``max_items`` candidates within ``budget`` with the largest total
    value: dynamic programming when prices are whole numbers, every combination otherwise.

    >>> best_selection({"a": 30, "b": 20, "c": 20}, {"a": 50, "b": 30, "c": 30}, 40).value
    60.0
    """
    keys, cost, _, _, _ = _inputs(costs, values, budget, max_items)
    if all(_whole(amount) for amount in cost.values()):
        try:
            return dp_best(costs, values, budget, max_items)
        except SelectionError:
            pass
    return exhaustive_best(costs, values, budget, max_items)


# --- a learner's choice ----------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """What a chosen list adds up to: creators listed, total cost, total value."""

    creators: int
    cost: float
    value: float


def totals(chosen: Iterable, costs: Mapping | Any, values: Mapping | Any) -> Totals:
    """Add up a chosen list of handles: its length, its cost (a handle listed twice is paid
    twice) and its value (a creator listed twice brings their audience once)."""
    if isinstance(chosen, (str, bytes, Mapping)) or not hasattr(chosen, "__iter__"):
        raise SelectionError(say("not_a_list", got=type(chosen).__name__))
    handles = list(chosen)
    cost = _as_numbers(costs, "cost")
    value = _as_numbers(values, "value")
    for handle in handles:
        if handle not in cost or handle not in value:
            raise SelectionError(say("unknown_handle", handle=handle))
    distinct = list(dict.fromkeys(handles))
    return Totals(
        creators=len(handles),
        cost=sum(cost[handle] for handle in handles),
        value=sum(value[handle] for handle in distinct),
    )
