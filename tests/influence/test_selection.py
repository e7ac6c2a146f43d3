"""The best set of creators under a budget: two independent solvers agree, respect the rules,
and fail with one-line messages on inputs they cannot use."""

import random

import pandas as pd
import pytest

from cmkit.data import load
from cmkit.errors import KitError
from cmkit.influence import (
    MAX_COMBINATIONS,
    SelectionError,
    best_selection,
    count_combinations,
    dp_best,
    exhaustive_best,
    totals,
)


def random_problem(rng: random.Random):
    n = rng.randint(1, 9)
    keys = [f"creator_{i}" for i in range(n)]
    costs = {key: rng.choice([0, 5, 10, 15, 20, 35, 50]) * 1000 for key in keys}
    values = {key: rng.randint(0, 2000) for key in keys}
    budget = rng.choice([0, 20_000, 45_000, 60_000, 100_000, 1_000_000])
    max_items = rng.choice([None, 1, 2, 3, 5])
    return costs, values, budget, max_items


@pytest.mark.parametrize("seed", range(200))
def test_dynamic_programming_and_exhaustive_search_find_the_same_best_value(seed):
    costs, values, budget, max_items = random_problem(random.Random(seed))
    by_search = exhaustive_best(costs, values, budget, max_items)
    by_dp = dp_best(costs, values, budget, max_items)
    assert by_dp.value == by_search.value
    for selection in (by_search, by_dp):
        assert selection.cost <= budget
        assert max_items is None or len(selection.items) <= max_items
        assert len(set(selection.items)) == len(selection.items)
        assert selection.cost == sum(costs[key] for key in selection.items)
        assert selection.value == sum(values[key] for key in selection.items)


def test_a_ranking_by_cost_per_engagement_is_not_always_the_best_set():
    # "a" is the cheapest per engagement, but taking it leaves money that buys nothing.
    costs = {"a": 30, "b": 20, "c": 20}
    values = {"a": 50, "b": 30, "c": 30}
    best = best_selection(costs, values, budget=40)
    assert best.items == ("b", "c") and best.value == 60


def test_the_limit_on_creators_changes_the_answer():
    costs = {"a": 10, "b": 10, "c": 10, "d": 25}
    values = {"a": 10, "b": 10, "c": 10, "d": 22}
    assert best_selection(costs, values, 30).value == 30
    assert best_selection(costs, values, 30, max_items=1).value == 22


def test_nothing_fits_gives_the_empty_set():
    for solver in (exhaustive_best, dp_best, best_selection):
        assert solver({"a": 50}, {"a": 10}, budget=20).items == ()


def test_columns_of_the_influencers_table_are_accepted():
    table = load("influencers").set_index("handle").head(12)
    best = best_selection(table["price_xof"], table["avg_engagements"], 300_000, max_items=3)
    check = exhaustive_best(table["price_xof"], table["avg_engagements"], 300_000, max_items=3)
    assert best.value == check.value > 0
    assert best.cost <= 300_000 and len(best.items) <= 3


def test_prices_that_are_not_whole_numbers_fall_back_to_exhaustive_search():
    best = best_selection({"a": 0.5, "b": 0.7}, {"a": 1, "b": 2}, 1.0)
    assert best.items == ("b",)
    with pytest.raises(SelectionError, match="not whole numbers"):
        dp_best({"a": 0.5}, {"a": 1}, 1.0)


def test_count_combinations():
    assert count_combinations(4) == 15
    assert count_combinations(37, 3) == 37 + 666 + 7770
    assert count_combinations(2, 5) == 3


@pytest.mark.parametrize(
    ("costs", "values", "budget", "max_items", "message"),
    [
        ({"a": 1}, {"b": 1}, 10, None, "do not name the same candidates"),
        ({"a": -1}, {"a": 1}, 10, None, "is negative"),
        ({"a": "ten"}, {"a": 1}, 10, None, "is not a number"),
        ({"a": 1}, {"a": 1}, -5, None, "budget"),
        ({"a": 1}, {"a": 1}, 10, 0, "max_items"),
        ([1, 2], {"a": 1}, 10, None, "one number per candidate"),
    ],
)
def test_unusable_inputs_raise_one_line_kit_errors(costs, values, budget, max_items, message):
    with pytest.raises(KitError, match=message) as error:
        best_selection(costs, values, budget, max_items)
    assert "\n" not in str(error.value) and ";" in str(error.value)


def test_exhaustive_search_refuses_a_search_too_large_for_a_notebook():
    keys = [f"c{i}" for i in range(40)]
    costs = dict.fromkeys(keys, 1)
    assert count_combinations(40) > MAX_COMBINATIONS
    with pytest.raises(SelectionError, match="too many"):
        exhaustive_best(costs, costs, 10)


def test_totals_pay_a_repeated_creator_twice_but_count_their_audience_once():
    costs = pd.Series({"a": 100, "b": 50})
    values = pd.Series({"a": 10, "b": 7})
    result = totals(["a", "b", "a"], costs, values)
    assert (result.creators, result.cost, result.value) == (3, 250, 17)
    assert totals((), costs, values).cost == 0


@pytest.mark.parametrize(
    ("chosen", "message"), [("a", "list of handles"), (["zz"], "not a candidate")]
)
def test_totals_explain_what_is_wrong_with_a_choice(chosen, message):
    with pytest.raises(SelectionError, match=message):
        totals(chosen, {"a": 1}, {"a": 1})
