"""Every KPI formula: its value on numbers and on columns, and a clear error on a zero
denominator, a negative one or a value that is not a number."""

import math

import numpy as np
import pandas as pd
import pytest

from cmkit import kpi
from cmkit.errors import KitError
from cmkit.kpi import KpiError, ZeroDenominator
from cmkit.kpi.messages import GLOSSARY_FUNCTIONS

# (function, arguments, expected value)
CASES = [
    (kpi.engagements, (840, 30, 130), 1000),
    (kpi.engagement_rate, (250, 5_000), 0.05),
    (kpi.engagement_rate_by_reach, (250, 5_000), 0.05),
    (kpi.engagement_rate_by_impressions, (250, 10_000), 0.025),
    (kpi.engagement_rate_by_followers, (250, 25_000), 0.01),
    (kpi.ctr, (120, 8_000), 0.015),
    (kpi.cpc, (30_000, 600), 50.0),
    (kpi.cpm, (35_000, 50_000), 700.0),
    (kpi.cpa, (30_000, 12), 2_500.0),
    (kpi.conversion_rate, (12, 600), 0.02),
    (kpi.site_conversion_rate, (30, 1_000), 0.03),
    (kpi.roas, (480_000, 200_000), 2.4),
    (kpi.roi, (480_000, 200_000), 1.4),
    (kpi.cac, (700_000, 100), 7_000.0),
    (kpi.average_order_value, (2_400_000, 100), 24_000.0),
    (kpi.purchase_frequency, (130, 100), 1.3),
    (kpi.clv, (24_000, 1.3, 2, 0.5), 31_200.0),
    (kpi.clv, (24_000, 1.3, 2), 62_400.0),
    (kpi.share_of_voice, (300, 1_200), 0.25),
    (kpi.net_sentiment, (50, 30, 200), 10.0),
    (kpi.response_rate, (90, 120), 0.75),
    (kpi.follower_growth_rate, (20_000, 25_000), 0.25),
]


@pytest.mark.parametrize(
    "function, args, expected", CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_each_formula_gives_the_glossary_value_on_numbers(function, args, expected):
    result = function(*args)
    assert isinstance(result, (int, float)) and not isinstance(result, bool)
    assert math.isclose(result, expected, rel_tol=1e-12)


def test_a_rate_on_columns_keeps_the_labels_of_the_rows():
    clicks = pd.Series([10, 30], index=["facebook", "instagram"])
    impressions = pd.Series([1_000, 2_000], index=["facebook", "instagram"])
    result = kpi.ctr(clicks, impressions)
    pd.testing.assert_series_equal(
        result, pd.Series([0.01, 0.015], index=["facebook", "instagram"])
    )


def test_lists_and_arrays_work_too():
    assert np.allclose(kpi.cpm([700, 1_400], np.array([1_000, 1_000])), [700.0, 1_400.0])


def test_a_missing_value_stays_missing():
    result = kpi.engagement_rate(pd.Series([10.0, np.nan]), pd.Series([100, 200]))
    assert result.iloc[0] == 0.1 and np.isnan(result.iloc[1])


def test_roi_is_roas_minus_one_when_the_cost_is_the_spend():
    assert math.isclose(kpi.roi(330_000, 150_000), kpi.roas(330_000, 150_000) - 1)


def test_the_default_engagement_rate_is_by_reach():
    assert kpi.engagement_rate(30, 600) == kpi.engagement_rate_by_reach(30, 600)


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: kpi.ctr(5, 0), ["CTR", "clicks ÷ impressions", "impressions is 0"]),
        (lambda: kpi.cpc(1_000, 0), ["CPC", "clicks is 0"]),
        (lambda: kpi.cpm(1_000, 0), ["CPM", "× 1,000"]),
        (lambda: kpi.cpa(1_000, 0), ["CPA", "conversions is 0"]),
        (lambda: kpi.roas(1_000, 0), ["ROAS", "spend is 0"]),
        (lambda: kpi.roi(1_000, 0), ["ROI", "cost is 0"]),
        (lambda: kpi.cac(1_000, 0), ["CAC", "new customers is 0"]),
        (lambda: kpi.engagement_rate(5, 0), ["by reach", "reach is 0"]),
        (lambda: kpi.engagement_rate_by_followers(5, 0), ["followers is 0"]),
        (lambda: kpi.share_of_voice(0, 0), ["share of voice", "all mentions is 0"]),
        (lambda: kpi.net_sentiment(0, 0, 0), ["net sentiment", "all mentions is 0"]),
        (lambda: kpi.response_rate(0, 0), ["response rate", "received is 0"]),
        (lambda: kpi.follower_growth_rate(0, 10), ["follower growth", "at the start is 0"]),
        (lambda: kpi.site_conversion_rate(1, 0), ["sessions is 0"]),
        (lambda: kpi.average_order_value(1, 0), ["orders is 0"]),
        (lambda: kpi.purchase_frequency(1, 0), ["customers is 0"]),
    ],
)
def test_a_zero_denominator_raises_a_one_line_kit_error_naming_kpi_and_denominator(call, words):
    with pytest.raises(ZeroDenominator) as error:
        call()
    message = str(error.value)
    assert isinstance(error.value, KitError) and isinstance(error.value, ZeroDivisionError)
    assert "\n" not in message and ": " in message and "; " in message
    for word in words:
        assert word in message, message


def test_a_zero_in_a_column_says_how_many_values_are_zero():
    with pytest.raises(ZeroDenominator, match="in 2 of 3 values"):
        kpi.ctr(pd.Series([1, 2, 3]), pd.Series([0, 10, 0]))


def test_a_negative_denominator_is_refused():
    with pytest.raises(KpiError, match="negative"):
        kpi.cpc(1_000, -5)


@pytest.mark.parametrize("bad", ["1200", None, True, {"a": 1}, pd.Series(["a", "b"])])
def test_something_that_is_not_a_number_is_refused_with_the_argument_named(bad):
    with pytest.raises(KpiError, match="clicks"):
        kpi.ctr(bad, 1_000)


def test_first_response_time_gives_median_and_mean_over_answered_messages():
    result = kpi.first_response_time(pd.Series([10, 20, 600, None], dtype="Int64"))
    assert result.median == 20.0 and result.mean == 210.0 and result.answered == 3
    median, mean, answered = result  # unpacks like a tuple
    assert (median, mean, answered) == (20.0, 210.0, 3)


def test_first_response_time_without_any_answer_raises():
    with pytest.raises(ZeroDenominator, match="no answered message"):
        kpi.first_response_time([np.nan, np.nan])


@pytest.mark.parametrize("margin", [0, 50, -0.2])
def test_clv_refuses_a_margin_that_is_not_a_fraction(margin):
    with pytest.raises(KpiError, match="gross_margin"):
        kpi.clv(20_000, 1.2, 2, margin)


def test_clv_refuses_a_lifetime_of_zero_years():
    with pytest.raises(KpiError, match="lifetime"):
        kpi.clv(20_000, 1.2, 0)


def test_every_function_the_glossary_names_exists():
    for name in filter(None, GLOSSARY_FUNCTIONS.values()):
        assert callable(getattr(kpi, name)), name
        assert getattr(kpi, name).__doc__, f"{name} has no docstring"
