"""Consistency: the tables agree with themselves, with each other and with the calendar."""

import pandas as pd
import pytest

from cmkit.data import case
from cmkit.data.specs import (
    TABLES,
    UTM_CAMPAIGNS,
    UTM_MEDIUMS,
    UTM_ORGANIC,
    UTM_PLACEMENTS,
    UTM_SOURCES,
)

UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_content"]
COURSE_TODAY = pd.Timestamp("2026-11-21", tz=case.TIMEZONE)


def test_reach_clicks_and_conversions_never_exceed_what_contains_them(tables):
    posts, ads = tables["posts"], tables["ad_campaigns"]
    assert (posts["reach"] <= posts["impressions"]).all()
    assert (posts["clicks"] <= posts["impressions"]).all()
    assert (
        posts["video_views"].dropna() <= posts.loc[posts["video_views"].notna(), "impressions"]
    ).all()
    assert (ads["reach"] <= ads["impressions"]).all()
    assert (ads["clicks"] <= ads["impressions"]).all()
    assert (ads["link_clicks"] <= ads["clicks"]).all()
    assert (ads["conversions"] <= ads["clicks"]).all()
    assert ((ads["conversions"] == 0) == (ads["revenue_xof"] == 0)).all()


def test_boost_spend_is_there_exactly_for_boosted_posts(tables):
    posts = tables["posts"]
    assert ((posts["boost_spend_xof"] > 0) == posts["is_boosted"]).all()


def test_video_views_exist_only_for_video_formats(tables):
    posts = tables["posts"]
    video = posts["format"].isin(["video", "reel", "live"])
    assert posts.loc[video, "video_views"].notna().all()
    assert posts.loc[~video, "video_views"].isna().all()


@pytest.mark.parametrize("name", [n for n, s in TABLES.items() if s.primary_key])
def test_ids_are_unique(tables, name):
    assert tables[name][TABLES[name].primary_key].is_unique


@pytest.mark.parametrize(
    "name, column, target",
    [(n, c, t) for n, s in TABLES.items() for c, t in s.foreign_keys.items()],
)
def test_foreign_keys_resolve(tables, name, column, target):
    target_table, target_column = target.split(".")
    values = tables[name][column].dropna()
    assert len(values) > 0
    assert values.isin(tables[target_table][target_column]).all()


def test_every_order_comes_from_a_session_of_the_same_customer(tables):
    orders, sessions = tables["orders"], tables["web_sessions"]
    joined = orders.merge(sessions, on="session_id", how="left", suffixes=("", "_session"))
    assert joined["started_at"].notna().all()
    assert (joined["customer_id"] == joined["customer_id_session"]).all()
    assert (joined["started_at"] <= joined["ordered_at"]).all()
    end = joined["started_at"] + pd.to_timedelta(joined["duration_s"], unit="s")
    assert (joined["ordered_at"] <= end).all()
    assert orders["session_id"].is_unique


def test_some_customers_visit_several_times_before_buying(tables):
    sessions = tables["web_sessions"]
    visits = sessions.dropna(subset=["customer_id"]).groupby("customer_id").size()
    assert (visits >= 3).mean() > 0.3


def test_audience_purchase_totals_include_the_website_orders(tables):
    audience = tables["audience"].set_index("person_id")
    online = (
        tables["orders"]
        .groupby("customer_id")
        .agg(count=("order_id", "size"), revenue=("amount_xof", "sum"), first=("ordered_at", "min"))
    )
    people = audience.loc[online.index]
    assert people["is_customer"].all()
    assert (people["orders"] >= online["count"]).all()
    assert (people["revenue_xof"] >= online["revenue"]).all()
    assert (people["first_order_at"] <= online["first"]).all()
    customers = audience["is_customer"]
    assert (audience.loc[customers, "orders"] > 0).all()
    assert (audience.loc[~customers, "orders"] == 0).all()
    assert audience.loc[~customers, "first_order_at"].isna().all()
    assert (audience["is_follower"] == (audience["platform"] != "none")).all()
    assert (audience["is_follower"] | audience["is_customer"]).all()


def test_utm_values_come_from_the_documented_vocabulary(
    tables,
):
    sessions = tables["web_sessions"]
    tagged = sessions.dropna(subset=["utm_source"])
    assert tagged["utm_source"].isin(UTM_SOURCES).all()
    assert tagged["utm_medium"].isin(UTM_MEDIUMS).all()
    assert tagged["utm_campaign"].isin(UTM_CAMPAIGNS).all()
    handles = set(tables["influencers"]["handle"])
    creatives = set(case.AD_CREATIVES)
    for medium, rows in tagged.groupby("utm_medium", observed=True):
        if medium == "paid_social":
            assert rows["utm_content"].isin(creatives).all()
            assert rows["utm_campaign"].isin(case.AD_CAMPAIGN_NAMES).all()
        elif medium == "influencer":
            assert rows["utm_content"].isin(handles).all()
        else:
            campaign, places = UTM_ORGANIC[medium]
            assert (rows["utm_campaign"] == campaign).all()
            assert rows["utm_content"].isin(places).all()
    assert set(UTM_PLACEMENTS) <= set(tagged["utm_content"])


def test_utm_columns_are_all_set_for_tagged_traffic_and_all_empty_otherwise(tables):
    sessions = tables["web_sessions"]
    present = sessions[UTM].notna()
    assert (present.all(axis=1) | ~present.any(axis=1)).all()
    tagged = present.all(axis=1)
    assert sessions.loc[tagged, "referrer"].isna().all()
    direct = ~tagged & sessions["referrer"].isna()
    assert 0.1 < direct.mean() < 0.5 and tagged.mean() > 0.4


def test_paid_sessions_match_a_running_ad_and_never_exceed_its_link_clicks(tables):
    sessions, ads = tables["web_sessions"], tables["ad_campaigns"]
    paid = sessions[sessions["utm_medium"] == "paid_social"].copy()
    paid["date"] = paid["started_at"].dt.tz_localize(None).dt.normalize()
    keys = ["date", "utm_source", "utm_campaign", "utm_content"]
    landed = paid.groupby(keys, observed=True).size().rename("sessions").reset_index()
    ads = ads.assign(
        utm_source=ads["network"].astype(str),
        utm_campaign=ads["campaign"].astype(str),
        utm_content=ads["creative"].astype(str),
    )
    clicks = ads.groupby(keys)["link_clicks"].sum().reset_index()
    for key in keys[1:]:
        landed[key] = landed[key].astype(str)
    joined = landed.merge(clicks, on=keys, how="left")
    assert joined["link_clicks"].notna().all()
    assert (joined["sessions"] <= joined["link_clicks"]).all()


def test_platform_conversions_exceed_utm_attributed_orders(tables):
    sessions, orders, ads = tables["web_sessions"], tables["orders"], tables["ad_campaigns"]
    last_touch = orders.merge(sessions, on="session_id")
    paid_orders = (last_touch["utm_medium"] == "paid_social").sum()
    assert ads["conversions"].sum() > paid_orders > 0


def test_comments_arrive_after_their_post_and_replies_after_the_message(tables):
    inbox, posts = tables["inbox"], tables["posts"]
    comments = inbox.dropna(subset=["post_id"]).merge(
        posts[["post_id", "published_at", "network"]], on="post_id", suffixes=("", "_post")
    )
    assert (comments["received_at"] >= comments["published_at"]).all()
    assert (comments["network"] == comments["network_post"]).all()
    assert ((inbox["channel"] == "comment") == inbox["post_id"].notna()).all()
    replied = inbox["first_reply_at"].notna()
    assert (replied == inbox["reply_minutes"].notna()).all()
    assert (replied == inbox["handled_by"].notna()).all()
    answered = inbox[replied]
    assert (answered["first_reply_at"] >= answered["received_at"]).all()
    minutes = (answered["first_reply_at"] - answered["received_at"]).dt.total_seconds() / 60
    assert ((minutes - answered["reply_minutes"].astype(float)).abs() <= 0.5).all()


def test_benchmark_rows_for_keur_the_match_the_posts_table(tables):
    bench, posts = tables["competitors"], tables["posts"]
    ours = bench[bench["brand"] == case.BRAND]
    assert ours["posts"].sum() == posts["network"].isin(case.PUBLIC_NETWORKS).sum()
    public = posts[posts["network"].isin(case.PUBLIC_NETWORKS)]
    assert (
        ours["engagements"].sum() == (public["likes"] + public["comments"] + public["shares"]).sum()
    )
    assert (bench["positive_mentions"] + bench["negative_mentions"] <= bench["mentions"]).all()
    assert len(bench) == bench[["week", "brand", "network"]].drop_duplicates().shape[0]


def test_influencer_and_ab_test_figures_add_up(tables):
    influencers, ab = tables["influencers"], tables["ab_test"]
    total = influencers["avg_likes"] + influencers["avg_comments"] + influencers["avg_shares"]
    assert (influencers["avg_engagements"] == total).all()
    assert (influencers["avg_reach"] <= influencers["followers"]).all()
    assert (~ab["converted"] | ab["clicked"]).all()
    assert (ab["impressions"] >= 1).all()


@pytest.mark.parametrize("name", list(TABLES))
def test_times_are_in_dakar_inside_the_period_and_never_in_the_future(tables, name):
    for column in TABLES[name].columns:
        values = tables[name][column.name].dropna()
        if column.kind == "timestamp":
            assert str(values.dt.tz) == case.TIMEZONE
            assert values.max() <= case.PERIOD_END < COURSE_TODAY
            if column.name not in ("first_order_at", "last_order_at"):
                assert values.min() >= case.PERIOD_START
        elif column.kind == "date":
            assert values.dt.tz is None
            assert values.max() <= case.PERIOD_END.tz_localize(None)
