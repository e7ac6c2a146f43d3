"""Scenarios are data: both shipped files load, a third one is only a file, and a broken file
gets a one-line message that names the file, the field and the fix."""

import tomllib

import pytest

from cmkit.crisis import WarRoom, load_scenario, run_playbook, scenario_names
from cmkit.crisis.errors import ScenarioError
from cmkit.crisis.scenarios import SCENARIO_DIR
from cmkit.errors import KitError

from .helpers import good_playbook

THIRD = """
title = "The delivery strike"
briefing = "Couriers strike; orders are late. Keur Thé is not at fault."
cluster = "victim"
paracrisis = false
victims = false
start = "2026-03-02T08:00:00"
lead_minutes = 60
onset_jitter_minutes = 30
duration_hours = 24
baseline_mentions_per_hour = 6
brand_followers = 30000
revenue_per_day_xof = 800000
sales_sensitivity = 0.2
compensation_cost_xof = 100000
mean_reach = 500
required_escalation = ["management"]
escalation_deadline_minutes = 120
authors = ["@client_un", "@client_deux"]
media_outlets = ["Radio Exemple"]

[scoring]
recovery_deadline_hours = 12
recovery_target = 0.0

[networks.facebook]
baseline = 0.6
crisis = 0.7
[networks.instagram]
baseline = 0.4
crisis = 0.3

[[injects]]
id = "late_orders"
kind = "customer_complaints"
title = "Customers complain about late orders"
onset = true
network = "facebook"
author = "@client_un"
followers = 800
language = "fr"
text = "Ma commande Keur Thé a trois jours de retard !"
heat = 10
anger = 0.6

[[injects]]
id = "rumour"
kind = "rumour"
title = "A rumour says the shop closed"
minutes = 120
jitter_minutes = 30
network = "instagram"
author = "@client_deux"
followers = 1200
language = "fr"
text = "Keur Thé a fermé ? Plus de livraisons ?"
heat = 6
anger = 0.05
"""
POSTS = "".join(
    f'\n[[posts]]\nabout = "{about}"\nsentiment = "{sentiment}"\nlanguage = "fr"\n'
    f'text = "Un post {about} {sentiment}"\n'
    for about in ("crisis", "baseline")
    for sentiment in ("negative", "neutral", "positive")
)


@pytest.fixture
def third(tmp_path):
    path = tmp_path / "delivery_strike.toml"
    path.write_text(THIRD + POSTS, encoding="utf-8")
    return path


def test_the_kit_ships_both_scenarios_of_the_running_case():
    assert {"match_day", "foreign_object"} <= set(scenario_names())
    for name in ("match_day", "foreign_object"):
        scenario = load_scenario(name)
        assert scenario.name == name
        assert str(scenario.start.tz) == "Africa/Dakar"
        assert sum(1 for inject in scenario.injects if inject.onset) == 1


def test_the_two_scenarios_have_their_scct_clusters():
    assert load_scenario("match_day").cluster == "preventable"
    assert load_scenario("match_day").paracrisis
    assert load_scenario("foreign_object").cluster == "accidental"
    assert load_scenario("foreign_object").victims


def test_adding_a_third_scenario_is_only_a_data_file(third):
    result = run_playbook(good_playbook, scenario=third, seed=3)
    assert result.scenario.name == "delivery_strike"
    assert result.scenario.cluster == "victim"
    assert 0 <= result.score <= result.max_score
    assert len(result.trajectory) == 24 * 4
    assert result.passed("golden_hour") and result.passed("escalation")


def test_a_third_scenario_opens_in_the_war_room(third):
    room = WarRoom(third, seed=2)
    room.advance_hour_button.click()
    assert "delivery strike" in room.title.value.lower()


def test_an_unknown_scenario_name_lists_the_known_ones():
    with pytest.raises(ScenarioError, match="match_day") as error:
        load_scenario("match_night")
    assert isinstance(error.value, KitError)
    assert "no such scenario" in str(error.value)


def broken(tmp_path, text):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    message = str(error.value)
    assert "\n" not in message and message.startswith("broken.toml")
    return message


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('cluster = "victim"', 'cluster = "victims"', ["'cluster'", "victim, accidental"]),
        ('cluster = "victim"\n', "", ["'cluster' is missing"]),
        ("lead_minutes = 60", 'lead_minutes = "sixty"', ["'lead_minutes'", "whole number"]),
        (
            'network = "facebook"\nauthor = "@client_un"',
            'network = "snapchat"\nauthor = "@client_un"',
            ["'network'", "snapchat", "facebook, instagram"],
        ),
        ("baseline = 0.6", "baseline = 0.7", ["baseline shares", "add up to 1"]),
        (
            "minutes = 120\njitter_minutes = 30",
            "onset = true\njitter_minutes = 30",
            ["2 injects have onset = true"],
        ),
        ("mean_reach = 500", "mean_reach = 500\nmean_reche = 3", ["'mean_reche'", "spelling"]),
        ('start = "2026-03-02T08:00:00"', 'start = "next monday"', ["'start'", "local time"]),
        ("heat = 10", "heat = -10", ["'heat'", "below 0"]),
        ("recovery_deadline_hours = 12", "recovery_deadline_hours = 30", ["ends after"]),
    ],
)
def test_a_broken_scenario_gets_one_line_naming_file_field_and_fix(tmp_path, old, new, words):
    text = THIRD + POSTS
    assert old in text
    message = broken(tmp_path, text.replace(old, new, 1))
    for word in words:
        assert word in message, message


def test_a_scenario_without_posts_of_some_kind_says_which(tmp_path):
    text = THIRD + POSTS.replace('sentiment = "neutral"', 'sentiment = "negative"')
    message = broken(tmp_path, text)
    assert "about = 'crisis' and sentiment = 'neutral'" in message


def test_invalid_toml_is_reported_as_such(tmp_path):
    assert "not valid TOML" in broken(tmp_path, "title = \n")


def test_every_shipped_scenario_parses_with_no_unknown_field():
    for path in SCENARIO_DIR.glob("*.toml"):
        tomllib.loads(path.read_text(encoding="utf-8"))
        load_scenario(path)


def test_a_bad_seed_is_refused_in_plain_words():
    scenario = load_scenario("match_day")
    for seed in (-1, 1.5, "1", True):
        with pytest.raises(ScenarioError, match="whole number"):
            scenario.realise(seed)
