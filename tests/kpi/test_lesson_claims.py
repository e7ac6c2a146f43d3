"""What module 08's lesson says in words about the data stays true when the data are
regenerated (numbers the lesson prints are computed; these are the ones its text states)."""

import pandas as pd
import pytest
from scipy import stats

from cmkit import kpi
from cmkit.data import load


@pytest.fixture(scope="module")
def ab_test():
    return load("ab_test")


def p_value(frame, outcome):
    return stats.chi2_contingency(pd.crosstab(frame["variant"], frame[outcome]))[1]


def test_the_video_gets_significantly_more_clicks_and_purchases_per_exposed_user(ab_test):
    rates = ab_test.groupby("variant")[["clicked", "converted"]].mean()
    assert (rates.loc["B"] > rates.loc["A"]).all()
    assert p_value(ab_test, "clicked") < 0.05
    assert p_value(ab_test, "converted") < 0.05


def test_the_purchase_rate_of_clickers_differs_but_not_significantly(ab_test):
    clickers = ab_test[ab_test["clicked"]]
    rates = clickers.groupby("variant")["converted"].mean()
    assert rates["B"] > rates["A"]
    assert p_value(clickers, "converted") > 0.05


def test_engagement_volume_does_not_predict_orders():
    posts = load("posts")
    sessions = load("web_sessions")
    engagements = (
        (posts["likes"] + posts["comments"] + posts["shares"]).groupby(posts["network"]).sum()
    )
    organic = sessions[sessions["utm_medium"].isin(kpi.ORGANIC_MEDIUMS)]
    orders = load("orders").merge(organic[["session_id", "utm_source"]], on="session_id")
    per_network = orders.groupby("utm_source").size()
    # "WhatsApp has about as many orders as Instagram, with a small fraction of its engagements"
    assert 0.6 <= per_network["whatsapp"] / per_network["instagram"] <= 1.6
    assert engagements["whatsapp"] < engagements["instagram"] / 5
    # "some networks never reach the last step"
    assert per_network.reindex(["linkedin", "x"]).isna().any()
    # the network with the most engagements is not the one with the most orders
    assert engagements.idxmax() != per_network.idxmax()


def test_tiktok_rates_by_reach_and_by_followers_almost_agree():
    posts = load("posts").query("network == 'tiktok'")
    assert 0.8 <= posts["followers"].sum() / posts["reach"].sum() <= 1.25


def test_a_little_over_a_third_of_journeys_have_one_session():
    journeys = kpi.order_journeys(load("web_sessions"), load("orders"))
    share = (journeys.groupby("order_id")["touches"].first() == 1).mean()
    assert 0.3 <= share <= 0.45


def test_first_touch_favours_opening_channels_and_last_touch_closing_ones():
    journeys = kpi.order_journeys(load("web_sessions"), load("orders"))
    first = journeys[journeys["touch"] == 1].groupby("channel")["amount_xof"].sum()
    last = journeys[journeys["touch"] == journeys["touches"]].groupby("channel")["amount_xof"].sum()
    shift = first.sub(last, fill_value=0)
    assert (shift[["social", "paid_social", "influencer"]] > 0).all()
    assert (shift[["direct", "email", "messaging"]] < 0).all()


def test_the_clickers_confidence_interval_includes_zero(ab_test):
    # The lesson and the model answer of Question 6.5 say so.
    clickers = ab_test[ab_test["clicked"]]
    rate = clickers.groupby("variant")["converted"].mean()
    n = clickers.groupby("variant").size()
    se = (rate * (1 - rate) / n).sum() ** 0.5
    difference = rate["B"] - rate["A"]
    assert difference - stats.norm.ppf(0.975) * se < 0 < difference + stats.norm.ppf(0.975) * se
