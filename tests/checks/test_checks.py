"""Each check helper against a right answer, plausible wrong ones and the untouched placeholder.

Helpers read the named variable from the caller's globals, so answers are module globals set
through ``answer(...)`` before each call.
"""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from cmkit import checks as check  # noqa: E402
from cmkit.checks import CheckFailed, NotAttempted  # noqa: E402


def answer(**values):
    globals().update(values)


def fails(call, *words):
    with pytest.raises(CheckFailed) as error:
        call()
    assert not isinstance(error.value, NotAttempted), str(error.value)
    for word in words:
        assert word in str(error.value), str(error.value)
    return str(error.value)


class EqualsEverything(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


# --- not attempted ------------------------------------------------------------------------


def test_placeholder_is_not_attempted():
    answer(reach=...)
    with pytest.raises(NotAttempted, match="placeholder"):
        check.number("reach", equals=3)


def test_missing_variable_is_not_attempted_and_says_how_to_run_cells():
    with pytest.raises(NotAttempted, match="Restart Kernel and Run All"):
        check.number("never_defined_anywhere", equals=3)


def test_not_attempted_is_an_assertion_error_so_nbgrader_fails_the_cell():
    assert issubclass(NotAttempted, AssertionError)


# --- numbers ------------------------------------------------------------------------------


def test_number_right_answer_passes():
    answer(rate=0.05)
    assert check.number("rate", equals=0.05, between=(0, 1)) is None


def test_number_accepts_numpy_scalars():
    answer(total=np.int64(12))
    check.number("total", equals=12, whole=True)


def test_number_wrong_value_says_what_came_back_not_the_answer():
    answer(rate=0.07)
    message = fails(lambda: check.number("rate", equals=0.05), "0.07", "not right yet")
    assert "0.05" not in message


def test_number_type_is_checked_before_value():
    answer(rate="0.05")
    fails(lambda: check.number("rate", equals=0.05), "remove the quotes")
    answer(rate=None)
    fails(lambda: check.number("rate", equals=0.05), "None")
    answer(rate=pd.Series([0.05]))
    fails(lambda: check.number("rate", equals=0.05), ".iloc[0]")
    answer(rate=pd.Series([0.05, 0.1]))
    fails(lambda: check.number("rate", equals=0.05), "reduce the column")
    answer(rate=True)
    fails(lambda: check.number("rate", equals=1), "True/False")


def test_number_object_claiming_to_equal_everything_gains_nothing():
    answer(rate=EqualsEverything(9.0))
    fails(lambda: check.number("rate", equals=0.05))


def test_number_diagnoses_percent_slip():
    answer(rate=5.0)
    fails(lambda: check.number("rate", equals=0.05, scale="fraction"), "percentage")


def test_number_known_mistake_gets_its_own_message():
    answer(rate=0.002)
    fails(
        lambda: check.number("rate", equals=0.05, mistakes={0.002: "You divided by followers."}),
        "divided by followers",
    )


def test_number_range_and_whole():
    answer(count=3.5)
    fails(lambda: check.number("count", whole=True), "whole number")
    answer(count=10**9)
    fails(lambda: check.number("count", between=(0, 1000)), "outside the plausible range")


def test_number_nan_is_explained():
    answer(rate=math.nan)
    fails(lambda: check.number("rate", equals=1), "divide by zero")


# --- booleans, choices, collections, mappings ---------------------------------------------


def test_boolean():
    answer(flag=np.bool_(True))
    check.boolean("flag", equals=True)
    answer(flag="yes")
    fails(lambda: check.boolean("flag", equals=True), "True or False")
    answer(flag=False)
    fails(lambda: check.boolean("flag", equals=True), "not the right conclusion")


def test_choice_ignores_case_and_spaces_but_not_meaning():
    answer(strategy="  Rebuild ")
    check.choice("strategy", options=["deny", "diminish", "rebuild", "bolster"], equals="rebuild")
    answer(strategy="apologise")
    fails(lambda: check.choice("strategy", options=["deny", "rebuild"]), "not one of")
    answer(strategy="deny")
    fails(lambda: check.choice("strategy", options=["deny", "rebuild"], equals="rebuild"))


def test_collection_unordered_and_ordered():
    answer(networks=["Instagram", "tiktok"])
    check.collection("networks", equals=["tiktok", "instagram"])
    fails(
        lambda: check.collection("networks", equals=["tiktok", "instagram"], ordered=True),
        "wrong order",
    )
    answer(networks=["instagram"])
    fails(lambda: check.collection("networks", equals=["tiktok", "instagram"]), "1 item where")
    answer(networks="instagram")
    fails(lambda: check.collection("networks", equals=["instagram"]), "a list is expected")


def test_mapping_keys_and_values():
    answer(split={"instagram": 0.5, "tiktok": 0.5})
    check.mapping("split", equals={"instagram": 0.5, "tiktok": 0.5})
    answer(split={"instagram": 1.0})
    fails(lambda: check.mapping("split", keys=["instagram", "tiktok"]), "without the keys")
    answer(split={"instagram": 0.7, "tiktok": 0.3})
    fails(lambda: check.mapping("split", equals={"instagram": 0.5, "tiktok": 0.5}), "instagram")


# --- tables and columns -------------------------------------------------------------------

EXPECTED = pd.DataFrame({"posts": [3, 5], "reach": [100.0, 250.0]}, index=["facebook", "tiktok"])


def test_table_matches_by_label_whatever_the_row_order():
    answer(by_network=EXPECTED.iloc[::-1].copy())
    check.table("by_network", columns=["posts", "reach"], equals=EXPECTED)


def test_table_shape_before_values():
    answer(by_network=EXPECTED[["posts"]])
    fails(lambda: check.table("by_network", columns=["posts", "reach"]), "without the columns")
    answer(by_network=EXPECTED.iloc[:1])
    fails(lambda: check.table("by_network", equals=EXPECTED), "1 rows")
    answer(by_network=EXPECTED["posts"])
    fails(lambda: check.table("by_network", equals=EXPECTED), "a table (DataFrame) is expected")


def test_table_wrong_values_name_the_column():
    wrong = EXPECTED.copy()
    wrong["reach"] = [1.0, 2.0]
    answer(by_network=wrong)
    fails(lambda: check.table("by_network", equals=EXPECTED), "'reach'")


def test_table_ordered_requires_the_order():
    answer(by_network=EXPECTED.iloc[::-1].copy())
    fails(lambda: check.table("by_network", equals=EXPECTED, ordered=True), "wrong order")


def test_series_labels_and_values():
    expected = pd.Series([0.1, 0.2], index=["a", "b"])
    answer(rates=pd.Series([0.2, 0.1], index=["b", "a"]))
    check.series("rates", equals=expected)
    answer(rates=pd.Series([0.1, 0.2], index=["a", "c"]))
    fails(lambda: check.series("rates", equals=expected), "missing 'b'")
    answer(rates=pd.Series([0.1, 0.9], index=["a", "b"]))
    fails(lambda: check.series("rates", equals=expected), "values are not the expected")


def test_series_known_mistake():
    expected = pd.Series([0.1, 0.2], index=["a", "b"])
    mistake = expected * 100
    answer(rates=mistake.copy())
    fails(
        lambda: check.series("rates", equals=expected, mistakes=[(mistake, "Not in percent.")]),
        "Not in percent",
    )


# --- functions and figures ----------------------------------------------------------------


def test_function_cases():
    def engagement_rate(engagements, reach):
        return engagements / reach

    answer(engagement_rate=engagement_rate)
    check.function("engagement_rate", cases=[((50, 1000), 0.05)])


def test_function_that_forgets_return():
    def engagement_rate(engagements, reach):
        engagements / reach  # noqa: B018

    answer(engagement_rate=engagement_rate)
    fails(lambda: check.function("engagement_rate", cases=[((50, 1000), 0.05)]), "return")


def test_function_placeholder_body_is_not_attempted():
    def engagement_rate(engagements, reach):
        return ...

    answer(engagement_rate=engagement_rate)
    with pytest.raises(NotAttempted):
        check.function("engagement_rate", cases=[((50, 1000), 0.05)])


def test_function_that_raises_is_reported_not_crashed():
    def engagement_rate(engagements, reach):
        return engagements / 0

    answer(engagement_rate=engagement_rate)
    fails(
        lambda: check.function("engagement_rate", cases=[((50, 1000), 0.05)]), "ZeroDivisionError"
    )


def test_figure_needs_titles_and_labels():
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    answer(fig=fig)
    fails(lambda: check.figure("fig"), "title")
    ax.set_title("Reach doubles in March")
    fails(lambda: check.figure("fig"), "label on its x axis")
    ax.set_xlabel("month")
    ax.set_ylabel("reach (people)")
    check.figure("fig", panels=1, title_words=["reach"])
    answer(fig=ax)
    fails(lambda: check.figure("fig"), "Figure is expected")
    plt.close("all")


def test_outcomes_are_recorded_as_plain_data():
    answer(rate=0.05)
    check.number("rate", equals=0.05)
    record = check.RECORDS[-1]
    assert record["name"] == "rate" and record["status"] == check.CORRECT


def test_table_column_left_as_placeholder_is_not_attempted():
    frame = EXPECTED.copy()
    frame["rate"] = ...
    answer(by_network=frame)
    with pytest.raises(NotAttempted, match="'rate'|rate"):
        check.table("by_network", columns=["rate"])


def test_empty_figure_is_not_attempted():
    fig, _ = plt.subplots()
    answer(fig=fig)
    with pytest.raises(NotAttempted, match="no chart drawn"):
        check.figure("fig")
    plt.close("all")


def test_known_mistake_message_is_not_doubly_punctuated():
    answer(rate=0.002)
    message = fails(lambda: check.number("rate", equals=0.05, mistakes={0.002: "By followers."}))
    assert ".." not in message


def test_function_returning_numpy_booleans_is_judged_by_value():
    def follows_rule(share):
        return np.float64(share) <= 0.2

    answer(follows_rule=follows_rule)
    check.function("follows_rule", cases=[((0.1,), True), ((0.5,), False)])


def test_collection_of_numbers_with_allowed_values():
    answer(months=[3, 4])
    check.collection("months", allowed=[1, 2, 3, 4], equals=[4, 3])
    answer(months=[3, 13])
    fails(lambda: check.collection("months", allowed=list(range(1, 13))), "not allowed")
