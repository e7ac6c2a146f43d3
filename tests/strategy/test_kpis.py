"""The KPI catalogue: every KPI has a level, goals it serves, and learner-facing text."""

from cmkit.strategy import GOALS, KPIS, LEVELS, kpi_table, messages


def test_every_kpi_has_a_known_level_goals_and_text():
    for name, kpi in KPIS.items():
        assert kpi.level in LEVELS, name
        assert kpi.goals and set(kpi.goals) <= set(GOALS), name
        assert kpi.label and kpi.formula, name


def test_every_goal_has_a_kpi_that_is_not_vanity():
    for goal in GOALS:
        assert any(goal in k.goals and k.level != "vanity" for k in KPIS.values()), goal


def test_the_text_catalogue_names_exactly_the_kpis():
    assert set(messages.KPI_TEXT) == set(KPIS)


def test_formulas_agree_with_the_course_glossary():
    assert KPIS["engagement_rate"].formula == "(likes + comments + shares) ÷ reach"
    assert KPIS["ctr"].formula == "clicks ÷ impressions"
    assert KPIS["roas"].formula == "revenue ÷ ad spend"
    assert KPIS["cpa"].formula == "ad spend ÷ conversions"
    assert KPIS["response_rate"].formula == "answered ÷ received"


def test_vanity_metrics_are_the_attention_counts():
    vanity = {name for name, kpi in KPIS.items() if kpi.level == "vanity"}
    assert {"followers", "likes", "impressions", "video_views"} <= vanity
    assert not vanity & {"social_revenue", "social_orders", "conversion_rate", "roas", "cpa"}


def test_lower_is_better_only_for_delays_and_costs():
    lower = {name for name, kpi in KPIS.items() if not kpi.higher_is_better}
    assert lower == {"first_response_time", "cpa"}


def test_kpi_table_has_one_row_per_kpi():
    table = kpi_table()
    assert list(table.index) == list(KPIS)
    assert {"level", "goals", "formula"} <= set(table.columns)
