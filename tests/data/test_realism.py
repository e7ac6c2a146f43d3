"""Realism: the committed data have the shapes of real brand data, not uniform noise."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cmkit.data import case
from cmkit.data.generate.influencers import suspicious_handles


@pytest.fixture(scope="module")
def posts(tables):
    posts = tables["posts"].copy()
    posts["engagements"] = posts["likes"] + posts["comments"] + posts["shares"]
    posts["engagement_rate"] = posts["engagements"] / posts["reach"]
    return posts


def net_sentiment(labels: pd.Series) -> float:
    return ((labels == "positive").sum() - (labels == "negative").sum()) / len(labels) * 100


def test_reach_is_roughly_log_normal(posts):
    log_reach = np.log(posts["reach"])
    assert 0.9 <= log_reach.std() <= 1.4
    # Log-normal: the log is roughly symmetric, the raw values are very skewed.
    assert abs(stats.skew(log_reach)) < 0.8
    assert stats.skew(posts["reach"]) > 3


def test_engagements_follow_reach_on_a_log_log_scale(posts):
    r = np.corrcoef(np.log(posts["reach"]), np.log1p(posts["engagements"]))[0, 1]
    assert 0.5 <= r <= 0.8


def test_between_15_and_30_percent_of_posts_have_no_comment(posts):
    assert 0.15 <= (posts["comments"] == 0).mean() <= 0.30


def test_interactions_split_like_real_pages(posts):
    total = posts["engagements"].sum()
    assert 0.80 <= posts["likes"].sum() / total <= 0.88
    assert 0.10 <= posts["shares"].sum() / total <= 0.16
    assert 0.025 <= posts["comments"].sum() / total <= 0.05


def test_impressions_are_about_1_8_times_reach(posts):
    assert 1.5 <= (posts["impressions"] / posts["reach"]).median() <= 2.2


def test_the_top_tenth_of_posts_carries_30_to_55_percent_of_interactions(posts):
    values = np.sort(posts["engagements"].to_numpy())[::-1]
    top = values[: int(np.ceil(len(values) * 0.1))].sum() / values.sum()
    assert 0.30 <= top <= 0.55


@pytest.mark.parametrize("fmt", ["video", "link", "reel"])
def test_video_and_link_reach_more_but_engage_less_than_photos(posts, fmt):
    medians = posts.groupby("format", observed=True)[["reach", "engagement_rate"]].median()
    assert medians.loc[fmt, "reach"] > medians.loc["photo", "reach"]
    assert medians.loc[fmt, "engagement_rate"] < medians.loc["photo", "engagement_rate"]


def test_posting_follows_weekly_and_daily_rhythms_in_local_time(posts):
    by_weekday = posts["published_at"].dt.day_of_week.value_counts().sort_index()
    by_hour = posts["published_at"].dt.hour.value_counts().reindex(range(24), fill_value=0)
    assert stats.chisquare(by_weekday).pvalue < 1e-6
    assert by_weekday.max() / by_weekday.min() > 1.5
    assert stats.chisquare(by_hour).pvalue < 1e-6
    assert by_hour.loc[0:5].sum() < 0.02 * len(posts)  # hardly anything at night


def test_engagement_depends_on_the_hour_and_the_weekday(posts):
    hourly = posts.groupby(posts["published_at"].dt.hour)["engagement_rate"].agg(["median", "size"])
    hourly = hourly[hourly["size"] >= 30]["median"]
    assert hourly.max() / hourly.min() >= 1.3
    daily = posts.groupby(posts["published_at"].dt.day_of_week)["engagement_rate"].median()
    assert daily.max() / daily.min() >= 1.1


def test_inbox_and_orders_have_daily_and_weekly_rhythms(tables):
    inbox_hours = (
        tables["inbox"]["received_at"].dt.hour.value_counts().reindex(range(24), fill_value=0)
    )
    assert inbox_hours.max() / max(inbox_hours.min(), 1) > 5
    orders_days = tables["orders"]["ordered_at"].dt.day_of_week.value_counts()
    assert stats.chisquare(orders_days).pvalue < 0.01


@pytest.mark.parametrize("scenario", case.SCENARIOS)
def test_each_crisis_bursts_ten_times_the_baseline_and_sentiment_collapses(tables, scenario):
    mentions = tables["mentions"]
    mentions = mentions[mentions["scenario"] == scenario]
    onset = case.CRISES[scenario]["onset"]
    daily = mentions.groupby(mentions["published_at"].dt.floor("D")).size()
    baseline_days = daily[daily.index < onset.floor("D")]
    assert len(baseline_days) >= 28  # several baseline weeks
    assert daily.max() >= 10 * baseline_days.median()
    before = mentions[mentions["published_at"] < onset]
    burst = mentions[
        (mentions["published_at"] >= onset)
        & (mentions["published_at"] < onset + pd.Timedelta(days=3))
    ]
    assert net_sentiment(before["sentiment"]) - net_sentiment(burst["sentiment"]) >= 40


def test_the_burst_is_self_exciting_not_a_flat_step(tables):
    mentions = tables["mentions"]
    for scenario in case.SCENARIOS:
        onset = case.CRISES[scenario]["onset"]
        part = mentions[(mentions["scenario"] == scenario) & (mentions["published_at"] >= onset)]
        hours = ((part["published_at"] - onset).dt.total_seconds() // 3600).astype(int)
        per_hour = hours.value_counts().reindex(range(24 * 7), fill_value=0)
        # Clustered arrivals: far more variable than a Poisson process of the same mean.
        assert per_hour.var() > 5 * per_hour.mean()
        assert per_hour.loc[0:47].sum() > 3 * per_hour.loc[96:143].sum()


def test_reply_times_are_heavy_tailed(tables):
    minutes = tables["inbox"]["reply_minutes"].dropna().astype(float)
    assert minutes.mean() > 1.5 * minutes.median()
    assert stats.skew(minutes) > 2
    assert 0.1 <= tables["inbox"]["reply_minutes"].isna().mean() <= 0.5


@pytest.mark.parametrize(
    "table, column, min_skew",
    [
        ("posts", "likes", 1),
        ("posts", "comments", 1),
        ("audience", "orders", 1),
        ("audience", "engagements_90d", 1),
        ("orders", "amount_xof", 0.5),  # a sum of prices: skewed, less so than counts
        ("ad_campaigns", "link_clicks", 1),
        ("web_sessions", "pages", 1),
        ("ab_test", "impressions", 1),
        ("mentions", "author_followers", 1),
        ("influencers", "followers", 1),
    ],
)
def test_counts_are_skewed_not_uniform(tables, table, column, min_skew):
    values = tables[table][column].astype(float)
    assert values.mean() > values.median()
    assert stats.skew(values) > min_skew
    assert values.var() > values.mean()  # over-dispersed, unlike uniform or plain Poisson counts


def test_the_ab_test_shows_a_modest_but_significant_difference(tables):
    ab = tables["ab_test"]
    ctr = ab.groupby("variant", observed=True)["clicked"].mean()
    assert 0.015 <= ctr["A"] <= 0.021 and 0.020 <= ctr["B"] <= 0.026
    assert ctr["B"] > ctr["A"]
    table = pd.crosstab(ab["variant"], ab["clicked"])
    assert stats.chi2_contingency(table).pvalue < 0.05


def test_first_touch_and_last_touch_attribution_disagree(tables):
    sessions, orders = tables["web_sessions"], tables["orders"]
    known = sessions.dropna(subset=["customer_id"]).copy()
    known["touch"] = (
        known["utm_medium"].astype("str").fillna(known["referrer"].astype("str")).fillna("direct")
    )
    first = known.sort_values("started_at").groupby("customer_id")["touch"].first()
    last = orders.merge(known[["session_id", "touch"]], on="session_id")
    first_order = last.sort_values("ordered_at").groupby("customer_id").first()
    differ = (first_order["touch"] != first.loc[first_order.index]).mean()
    assert differ >= 0.3
    assert first.value_counts().idxmax() != last["touch"].value_counts().idxmax()


def test_a_competitor_launches_a_visible_initiative(tables):
    bench = tables["competitors"]
    launch = pd.Timestamp(case.INITIATIVE["week"])
    brand = bench[(bench["brand"] == case.INITIATIVE["brand"]) & (bench["network"] == "tiktok")]
    before = brand[(brand["week"] < launch) & (brand["week"] >= launch - pd.Timedelta(weeks=12))]
    after = brand[(brand["week"] >= launch) & (brand["week"] < launch + pd.Timedelta(weeks=12))]
    assert after["posts"].mean() >= 3 * before["posts"].mean()
    assert after["mentions"].mean() >= 2 * before["mentions"].mean()
    assert after["engagements"].mean() >= 3 * before["engagements"].mean()


def test_some_influencers_have_suspicious_audiences(tables):
    influencers = tables["influencers"].set_index("handle")
    flagged = suspicious_handles(case.DEFAULT_SEED)
    assert 4 <= len(flagged) <= 10
    sound = influencers.drop(index=flagged)
    suspect = influencers.loc[flagged]
    assert suspect["inactive_followers_share"].min() > sound["inactive_followers_share"].max()
    cost_sound = (sound["price_xof"] / sound["avg_engagements"]).median()
    cost_suspect = (suspect["price_xof"] / suspect["avg_engagements"]).median()
    assert cost_suspect > 2 * cost_sound
