"""The capstone's decisions: headline KPIs, next quarter's objectives, budget and hours.
A decision that follows the rules has no problem; each broken rule is named."""

import pytest

from cmkit.capstone import (
    BUDGET_KEYS,
    KPI_NAMES,
    OBJECTIVE_KPIS,
    QUARTER_BUDGET_XOF,
    WEEKLY_HOURS,
    budget_problems,
    customer_shares,
    headline_problems,
    objective_problems,
)
from cmkit.data import case

GOOD_HEADLINE = [
    "reach",
    "median_engagement_rate",
    "social_sessions",
    "social_orders",
    "roas",
    "complaint_reply_median",
]


def test_a_headline_that_runs_from_attention_to_sales_passes():
    assert headline_problems(GOOD_HEADLINE) == []
    assert headline_problems(GOOD_HEADLINE[:5] + ["net_sentiment"]) == []
    five = ["reach", "social_sessions", "social_orders", "roas", "net_sentiment"]
    assert headline_problems(five, size=(5, 7)) == []


@pytest.mark.parametrize(
    "headline, words",
    [
        (GOOD_HEADLINE[:5], ["exactly 6"]),
        (GOOD_HEADLINE[:4] + ["posts", "roas"], ["'posts' counts what was spent or done"]),
        (GOOD_HEADLINE[:5] + ["ad_spend"], ["'ad_spend'", "care or reputation"]),
        (GOOD_HEADLINE[:5] + ["likes"], ["'likes' is not a column of the report"]),
        (GOOD_HEADLINE[:5] + ["roas"], ["'roas' appears twice"]),
        (
            [
                "reach",
                "median_engagement_rate",
                "posts",
                "complaints",
                "net_sentiment",
                "share_of_voice",
            ],
            ["nothing measures traffic", "nothing measures sales", "0 KPI(s) count customers"],
        ),
        (
            [
                "reach",
                "median_engagement_rate",
                "social_sessions",
                "social_orders",
                "complaints",
                "net_sentiment",
            ],
            ["1 KPI(s) count customers or money (social_orders)"],
        ),
    ],
)
def test_each_broken_headline_rule_is_named(headline, words):
    found = " | ".join(headline_problems(headline))
    for word in words:
        assert word in found


def test_attention_may_not_crowd_out_sales():
    found = headline_problems(
        ["reach", "median_engagement_rate", "social_sessions", "social_orders", "roas"]
        + ["follower_growth_tiktok"],
    )
    assert any("not a column" in p for p in found)
    too_much = headline_problems(
        [
            "reach",
            "median_engagement_rate",
            "social_sessions",
            "social_orders",
            "roas",
            "net_sentiment",
        ]
        + ["reach"],
        size=(5, 7),
    )
    assert any("twice" in p for p in too_much)


def test_a_headline_that_is_not_a_list_says_so():
    assert headline_problems(...) == [
        "headline: still the placeholder ... is not a list; write the KPI names between square "
        'brackets, e.g. ["reach", "social_orders", ...]'
    ]


# --- objectives ---------------------------------------------------------------------------

BASELINES = {
    "reach": 1_996_260,
    "social_sessions": 461,
    "social_orders": 15,
    "social_revenue": 338_000,
    "roas": 0.2753,
    "share_of_voice": 0.2465,
    "net_sentiment": 35.1,
}


def objective(kpi="social_revenue", goal="sales", **changes):
    made = {
        "goal": goal,
        "kpi": kpi,
        "scope": "all",
        "baseline": BASELINES.get(kpi, 1.0),
        "target": BASELINES.get(kpi, 1.0) * 1.2,
        "deadline": "2026-12-31",
    }
    made.update(changes)
    return made


GOOD = [
    objective(),
    objective("social_sessions", "traffic"),
    objective("net_sentiment", "reputation", target=38),
]


def test_three_objectives_that_follow_the_rules_pass():
    assert objective_problems(GOOD, baselines=BASELINES) == []
    assert objective_problems(GOOD) == []


@pytest.mark.parametrize(
    "change, words",
    [
        ({"deadline": "2027-03-31"}, ["objective 1:", "after the end of next quarter"]),
        ({"deadline": "2026-09-30"}, ["objective 1: T (time-bound)"]),
        ({"scope": "instagram"}, ["objective 1: its scope is 'instagram'"]),
        ({"baseline": 12_500, "target": 15_000}, ["its baseline 12,500 is not the value"]),
        ({"target": 338_000 * 1.6}, ["moves social_revenue by +60%"]),
        ({"target": 300_000}, ["A (achievable)"]),
    ],
)
def test_each_broken_objective_rule_is_named(change, words):
    objectives = [objective(**change)] + GOOD[1:]
    found = " | ".join(objective_problems(objectives, baselines=BASELINES))
    for word in words:
        assert word in found


def test_objectives_need_three_different_kpis_two_goals_and_sales():
    found = " | ".join(objective_problems(GOOD[:2]))
    assert "2 objective(s); write exactly 3" in found
    same = objective_problems([GOOD[0], GOOD[0], GOOD[2]])
    assert any("'social_revenue' is used twice" in p for p in same)
    no_sales = objective_problems(
        [GOOD[1], GOOD[2], objective("share_of_voice", "reputation", target=0.28)]
    )
    assert any("none has the goal 'sales'" in p for p in no_sales)
    one_goal = objective_problems(
        [GOOD[0], objective("social_orders", "sales"), objective("roas", "sales")]
    )
    assert any("all have the goal 'sales'" in p for p in one_goal)


def test_an_objective_on_a_kpi_the_report_does_not_measure_is_refused():
    found = objective_problems(
        [objective("engagement_rate", "engagement", baseline=0.04, target=0.045)] + GOOD[1:]
    )
    assert any("its KPI 'engagement_rate' is not one the report measures" in p for p in found)
    assert set(OBJECTIVE_KPIS) <= set(KPI_NAMES)


def test_net_sentiment_moves_by_points_not_percent():
    ok = objective("net_sentiment", "reputation", target=BASELINES["net_sentiment"] + 15)
    far = objective("net_sentiment", "reputation", target=BASELINES["net_sentiment"] + 25)
    assert objective_problems([GOOD[0], GOOD[1], ok], baselines=BASELINES) == []
    assert any("+25 points" in p for p in objective_problems([GOOD[0], GOOD[1], far]))


def test_objectives_that_are_not_a_list_or_not_dictionaries_say_so():
    assert "not a list" in objective_problems(...)[0]
    found = objective_problems(["sales", GOOD[1], GOOD[2]])
    assert any(p.startswith("objective 1: form") for p in found)


# --- budget and hours -----------------------------------------------------------------------

SHARES = {
    "facebook": 0.347,
    "instagram": 0.235,
    "tiktok": 0.034,
    "linkedin": 0.045,
    "x": 0.015,
    "whatsapp": 0.324,
}


def split():
    kept = {n: s for n, s in SHARES.items() if s >= 0.05}
    rest = QUARTER_BUDGET_XOF * (1 - 0.1 - 0.1 * len(kept))
    budget = {
        n: 0.1 * QUARTER_BUDGET_XOF + rest * kept[n] / sum(kept.values()) if n in kept else 0
        for n in SHARES
    }
    budget["reserve"] = 0.1 * QUARTER_BUDGET_XOF
    left = WEEKLY_HOURS - 2 - 2 * len(kept)
    hours = {n: 2 + left * kept[n] / sum(kept.values()) if n in kept else 2 / 3 for n in SHARES}
    return budget, hours


def test_a_split_that_follows_the_customers_passes():
    budget, hours = split()
    assert budget_problems(budget, hours, SHARES) == []


@pytest.mark.parametrize(
    "budget_change, hours_change, words",
    [
        ({"facebook": 700_000}, {}, ["add up to 1,906,"]),
        ({"reserve": 0, "facebook": 773_000}, {}, ["the reserve is 0 XOF (0%)"]),
        ({"tiktok": 60_000, "reserve": 120_000}, {}, ["tiktok gets 60,000 XOF but holds 3.4%"]),
        (
            {"instagram": 100_000, "facebook": 953_000},
            {},
            ["instagram holds 23.5% of the customers but gets 100,000 XOF", "more than 50%"],
        ),
        ({}, {"facebook": 10}, ["add up to"]),
        ({}, {"tiktok": 3, "facebook": 4.6}, ["tiktok gets 3.0 h a week"]),
        ({}, {"whatsapp": 1.5, "facebook": 9}, ["whatsapp gets 1.5 h a week"]),
    ],
)
def test_each_broken_budget_rule_is_named(budget_change, hours_change, words):
    budget, hours = split()
    budget.update(budget_change)
    hours.update(hours_change)
    found = " | ".join(budget_problems(budget, hours, SHARES))
    for word in words:
        assert word in found


def test_missing_unknown_and_unreadable_amounts_are_named():
    budget, hours = split()
    del budget["reserve"]
    assert any("no amount for reserve" in p for p in budget_problems(budget, hours, SHARES))
    budget, hours = split()
    budget["snapchat"] = 0
    assert any("unknown key(s) snapchat" in p for p in budget_problems(budget, hours, SHARES))
    budget, hours = split()
    budget["x"] = "0 XOF"
    assert any("is '0 XOF', not a number" in p for p in budget_problems(budget, hours, SHARES))
    budget, hours = split()
    hours["x"] = -1
    assert any("negative" in p for p in budget_problems(budget, hours, SHARES))
    assert "not a dictionary" in budget_problems(..., hours, SHARES)[0]


def test_customer_shares_come_from_the_audience_table():
    shares = customer_shares()
    assert list(shares) == list(case.NETWORKS)
    assert sum(shares.values()) == pytest.approx(1)
    kept = {n for n, s in shares.items() if s >= 0.05}
    assert kept == {"facebook", "instagram", "whatsapp"}
    assert set(BUDGET_KEYS) == {*case.NETWORKS, "reserve"}
