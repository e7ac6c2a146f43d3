"""Outcomes: each rule of EFFECTS.md ("How a run is scored") on a run that passes it and one
that fails it; a hard-coded timeline that works for one seed fails on another."""

import pandas as pd
import pytest

from cmkit.crisis import (
    compensate,
    delete_comments,
    escalate,
    hold,
    pause_posts,
    respond,
    run_playbook,
)
from cmkit.crisis.engine import Simulation
from cmkit.crisis.scoring import POINTS

from .helpers import good_playbook, silent_playbook


def test_points_add_up_to_100():
    assert sum(POINTS.values()) == 100


@pytest.mark.parametrize("scenario", ["match_day", "foreign_object"])
def test_a_sound_playbook_earns_every_outcome(scenario):
    result = run_playbook(good_playbook, scenario=scenario, seed=11)
    assert result.score == result.max_score == 100, result.outcomes_table()
    assert result.first_response_minutes <= 60
    assert not result.deleted_criticism


@pytest.mark.parametrize("scenario", ["match_day", "foreign_object"])
def test_doing_nothing_fails_everything_but_not_deleting(scenario):
    result = run_playbook(silent_playbook, scenario=scenario, seed=11)
    failed = {o.id for o in result.outcomes if not o.passed}
    assert failed == set(POINTS) - {"no_deletion"}
    assert result.score == POINTS["no_deletion"]
    assert result.first_response_minutes is None


def late(minutes):
    def playbook(situation):
        if situation.minutes_since_first_inject is None:
            return []
        if situation.minutes_since_first_inject >= minutes and not situation.has_done("respond"):
            return [
                escalate("quality"),
                escalate("management"),
                respond("rebuild", channel="tiktok"),
            ]
        return []

    return playbook


def test_answering_after_three_hours_misses_the_golden_hour():
    result = run_playbook(late(180), scenario="foreign_object", seed=11)
    assert not result.passed("golden_hour")
    assert result.first_response_minutes >= 180


def test_deleting_criticism_fails_its_outcome_even_when_the_rest_is_right():
    def playbook(situation):
        decisions = good_playbook(situation)
        if situation.injects and not situation.has_done("delete_comments"):
            decisions.append(delete_comments())
        return decisions

    result = run_playbook(playbook, scenario="foreign_object", seed=11)
    assert result.deleted_criticism and not result.passed("no_deletion")
    assert result.passed("golden_hour")


def test_deny_in_a_preventable_crisis_does_not_fit():
    def playbook(situation):
        if situation.injects and not situation.has_done("respond"):
            return [escalate("management"), escalate("partnerships"), respond("deny", "x")]
        return []

    result = run_playbook(playbook, scenario="match_day", seed=11)
    assert not result.passed("strategy_fit")
    assert "deny" in result.outcome("strategy_fit").detail


def test_bolster_alongside_a_fitting_strategy_still_fits():
    def playbook(situation):
        if situation.injects and not situation.has_done("respond"):
            return [respond("rebuild", "x"), respond("bolster", "x")]
        return []

    assert run_playbook(playbook, scenario="match_day", seed=11).passed("strategy_fit")


def test_a_holding_statement_alone_is_not_a_response_strategy():
    def playbook(situation):
        if situation.injects and not situation.has_done("hold"):
            return [hold(channel="x", next_update_minutes=600)]
        return []

    result = run_playbook(playbook, scenario="match_day", seed=11)
    assert result.passed("golden_hour") and not result.passed("strategy_fit")


def test_escalating_the_wrong_team_or_too_late_fails_escalation():
    def wrong(situation):
        return [escalate("legal")] if situation.injects and not situation.done else []

    def too_late(situation):
        minutes = situation.minutes_since_first_inject
        if minutes is not None and minutes > 200 and not situation.done:
            return [escalate("quality"), escalate("management")]
        return []

    assert not run_playbook(wrong, scenario="foreign_object", seed=11).passed("escalation")
    assert not run_playbook(too_late, scenario="foreign_object", seed=11).passed("escalation")


def test_compensation_cost_counts_in_the_sales_outcome():
    def generous(situation):
        decisions = good_playbook(situation)
        if situation.injects and not situation.has_done("compensate"):
            decisions.append(compensate())
        return decisions

    kept = run_playbook(good_playbook, scenario="match_day", seed=11)
    paid = run_playbook(generous, scenario="match_day", seed=11)
    assert paid.outcome("sales").value > kept.outcome("sales").value


def hard_coded_for(seed):
    """A timeline typed in from one run: answer 10 minutes after that run's onset."""
    onset = Simulation("foreign_object", seed).onset
    when = onset + pd.Timedelta(minutes=10)

    def playbook(situation):
        if situation.time >= when and not situation.has_done("hold"):
            return [
                hold(channel="tiktok"),
                escalate("quality"),
                escalate("management"),
                pause_pouches(),
            ]
        return []

    def pause_pouches():
        return pause_posts()

    return playbook


def test_a_hard_coded_timeline_fails_on_a_variant_with_other_timings():
    fitted = hard_coded_for(1)
    assert run_playbook(fitted, scenario="foreign_object", seed=1).passed("golden_hour")
    onset_1 = Simulation("foreign_object", 1).onset
    variants = [
        seed
        for seed in range(2, 40)
        if abs((Simulation("foreign_object", seed).onset - onset_1) / pd.Timedelta(minutes=1)) > 60
    ]
    assert variants
    for seed in variants[:5]:
        assert not run_playbook(fitted, scenario="foreign_object", seed=seed).passed("golden_hour")


def test_the_outcomes_table_is_plain_data():
    result = run_playbook(good_playbook, scenario="match_day", seed=2)
    table = result.outcomes_table()
    assert list(table.index) == list(POINTS)
    assert list(table.columns) == ["outcome", "passed", "points", "max_points", "detail"]
    assert table["max_points"].sum() == 100
    assert repr(result).startswith("<CrisisResult match_day seed=2")
