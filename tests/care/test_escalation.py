"""The escalation-matrix validator: a matrix that follows the policy passes, and each rule of
the policy, and each kind of malformed matrix, gets its own plain-language problem."""

import pytest

from cmkit.care import ACTIONS, CATEGORIES, ROLES, SEVERITIES, as_table, escalation_problems

GOOD = {
    ("question", "low"): ("community_manager", 240),
    ("question", "high"): ("customer_service", 60),
    ("question", "critical"): ("quality_lead", 30),
    ("complaint", "low"): ("customer_service", 60),
    ("complaint", "high"): ("customer_service", 30),
    ("complaint", "critical"): ("quality_lead", 15),
    ("praise", "low"): ("community_manager", 480),
    ("praise", "high"): ("community_manager", 120),
    ("praise", "critical"): ("founder", 30),
    ("spam", "low"): ("community_manager", 240),
    ("spam", "high"): ("community_manager", 60),
    ("spam", "critical"): ("founder", 30),
    ("troll", "low"): ("community_manager", 240),
    ("troll", "high"): ("community_manager", 60),
    ("troll", "critical"): ("founder", 30),
}


def changed(**rules):
    matrix = dict(GOOD)
    for key, value in rules.items():
        category, severity = key.split("__")
        matrix[(category, severity)] = value
    return matrix


def test_a_matrix_that_follows_the_policy_has_no_problem():
    assert escalation_problems(GOOD) == []
    assert escalation_problems(GOOD, level="structure") == []


@pytest.mark.parametrize(
    ("rules", "words"),
    [
        ({"troll__critical": ("community_manager", 30)}, ["critical troll", "quality_lead"]),
        ({"question__critical": ("founder", 45)}, ["critical question", "30 minutes"]),
        ({"complaint__low": ("customer_service", 90)}, ["low complaint", "60-minute SLA"]),
        ({"complaint__high": ("community_manager", 30)}, ["high complaint", "refund"]),
        ({"praise__high": ("community_manager", 600)}, ["praise", "'high' (600 min)"]),
        ({"question__low": ("customer_service", 240)}, ["low-severity question"]),
        ({"spam__high": ("founder", 60)}, ["high spam", "'founder'"]),
    ],
)
def test_each_policy_rule_has_its_own_problem(rules, words):
    problems = escalation_problems(changed(**rules))
    assert len(problems) == 1, problems
    assert all(word in problems[0] for word in words), problems[0]
    assert escalation_problems(changed(**rules), level="structure") == []


def test_structure_problems_come_before_policy_and_name_the_fix():
    matrix = dict(GOOD)
    del matrix[("troll", "high")]
    matrix[("question", "high")] = ...
    matrix[("praise", "high")] = ("intern", 60)
    matrix[("spam", "high")] = ("community_manager", 12.5)
    matrix[("complaint", "urgent")] = ("founder", 10)
    problems = escalation_problems(matrix)
    assert len(problems) == 5
    text = "\n".join(problems)
    assert "('troll', 'high')" in text and "Ellipsis" in text and "'intern'" in text
    assert "12.5" in text and "'urgent'" in text


def test_something_that_is_not_a_dictionary_is_one_problem():
    assert len(escalation_problems(...)) == 1
    assert "placeholder" in escalation_problems(...)[0]
    assert "list" in escalation_problems([])[0]


def test_the_table_shows_every_rule_and_marks_the_missing_ones():
    table = as_table(GOOD)
    assert list(table.index) == list(CATEGORIES) and list(table.columns) == list(SEVERITIES)
    assert table.loc["complaint", "critical"] == "quality_lead, 15 min"
    assert as_table({}).loc["spam", "low"] == "?"


def test_the_vocabulary_is_fixed():
    assert ROLES == ("community_manager", "customer_service", "quality_lead", "founder")
    assert "hide" in ACTIONS and "delete" in ACTIONS and len(set(ACTIONS)) == len(ACTIONS)
