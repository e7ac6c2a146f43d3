"""The SMART check: a SMART objective passes; each broken criterion is named by its letter."""

import datetime as dt

import pytest

from cmkit.strategy import FIELDS, smart_issues, smart_problems


def smart(**changes):
    objective = {
        "goal": "sales",
        "kpi": "social_revenue",
        "scope": "all",
        "baseline": 2_829_000,
        "target": 3_536_250,
        "deadline": "2027-09-30",
    }
    objective.update(changes)
    return {k: v for k, v in objective.items() if v is not DROP}


DROP = object()


def criteria(objective):
    return [issue.criterion for issue in smart_issues(objective)]


def codes(objective):
    return [issue.code for issue in smart_issues(objective)]


def test_a_smart_objective_has_no_problem():
    assert smart_problems(smart()) == []
    assert set(smart()) == set(FIELDS)


@pytest.mark.parametrize(
    "objective",
    [
        smart(scope="instagram"),
        smart(scope=["facebook", "instagram"]),
        smart(deadline=dt.date(2027, 3, 31)),
        smart(kpi="Social_Revenue ", goal=" Sales"),
        smart(goal="care", kpi="first_response_time", scope="whatsapp", baseline=2.1, target=1.5),
        smart(goal="engagement", kpi="engagement_rate", baseline=0.063, target=0.07),
        smart(goal="reputation", kpi="net_sentiment", baseline=-12, target=10),
        smart(target=2_829_000 * 2),  # doubling in a year is the ceiling, allowed
        smart(target=2_829_000 * 3.5, deadline="2028-09-30"),  # two years: up to ×4
    ],
)
def test_smart_variants_pass(objective):
    assert smart_problems(objective) == []


@pytest.mark.parametrize(
    ("objective", "criterion", "code"),
    [
        (smart(kpi=DROP), "S", "no_kpi"),
        (smart(kpi="sales"), "S", "unknown_kpi"),
        (smart(scope=DROP), "S", "no_scope"),
        (smart(scope=[]), "S", "no_scope"),
        (smart(scope="snapchat"), "S", "unknown_scope"),
        (smart(baseline=DROP), "M", "no_baseline"),
        (smart(target=...), "M", "no_target"),
        (smart(target="3.5 million"), "M", "not_a_number"),
        (smart(baseline=True), "M", "not_a_number"),
        (smart(baseline=-5), "M", "negative"),
        (
            smart(goal="engagement", kpi="engagement_rate", baseline=4.5, target=0.06),
            "M",
            "fraction_out_of_range",
        ),
        (smart(target=2_829_000), "A", "no_change"),
        (smart(target=25), "A", "wrong_direction"),
        (
            smart(goal="care", kpi="first_response_time", baseline=2, target=3),
            "A",
            "wrong_direction",
        ),
        (smart(target=2_829_000 * 10), "A", "too_ambitious"),
        (
            smart(goal="care", kpi="first_response_time", baseline=3, target=1),
            "A",
            "too_ambitious",
        ),
        (smart(goal=DROP), "R", "no_goal"),
        (smart(goal="fame"), "R", "unknown_goal"),
        (smart(kpi="followers", baseline=18_210, target=30_000), "R", "vanity_for_goal"),
        (smart(kpi="reach", baseline=3_900, target=5_000), "R", "kpi_not_for_goal"),
        (smart(deadline=DROP), "T", "no_deadline"),
        (smart(deadline="next year"), "T", "bad_deadline"),
        (smart(deadline="2026-06-30"), "T", "deadline_past"),
        (smart(deadline="2029-01-01"), "T", "deadline_far"),
    ],
)
def test_each_broken_criterion_is_named(objective, criterion, code):
    issues = smart_issues(objective)
    assert [(i.criterion, i.code) for i in issues] == [(criterion, code)]
    message = issues[0].message
    assert message.startswith(criterion + " (")
    assert ";" in message  # "<problem>; <fix>"


@pytest.mark.parametrize("objective", [..., None, "grow sales", ["sales"]])
def test_anything_but_a_dictionary_is_one_form_problem(objective):
    assert criteria(objective) == ["form"]
    assert "dictionary" in smart_problems(objective)[0]


def test_an_untouched_template_reports_every_criterion():
    template = dict.fromkeys(FIELDS, ...)
    assert set(criteria(template)) == {"S", "M", "R", "T"}


def test_several_problems_are_all_reported():
    objective = {
        "goal": "sales",
        "kpi": "followers",
        "scope": "instagram",
        "baseline": 18_210,
        "target": 40_000,
    }
    assert codes(objective) == ["too_ambitious", "vanity_for_goal", "no_deadline"]


def test_the_check_does_not_change_the_objective():
    objective = smart()
    before = dict(objective)
    smart_problems(objective)
    assert objective == before


def test_numpy_numbers_count_as_numbers():
    import numpy as np

    assert smart_problems(smart(baseline=np.int64(2_829_000), target=np.float64(3.5e6))) == []
