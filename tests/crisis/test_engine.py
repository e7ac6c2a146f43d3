"""The engine: deterministic for a seed, and every decision moves the crisis in the direction
EFFECTS.md documents, compared with the same run without that decision."""

import pandas as pd
import pandas.testing as pdt
import pytest

from cmkit.crisis import (
    compensate,
    delete_comments,
    escalate,
    hold,
    pause_posts,
    respond,
    resume_posts,
)
from cmkit.crisis import effects as fx
from cmkit.crisis.engine import Simulation

from .helpers import net, run, state_at, window

SCENARIOS = ["match_day", "foreign_object"]


# --- determinism --------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_same_seed_gives_the_same_trajectory_and_feed(scenario):
    plan = {10: [hold(channel="x")], 60: [respond("rebuild", channel="x")]}
    a, b = run(scenario, 5, plan), run(scenario, 5, plan)
    pdt.assert_frame_equal(a.trajectory(), b.trajectory())
    pdt.assert_frame_equal(a.feed_table(), b.feed_table())
    assert [e.time for e in a.events] == [e.time for e in b.events]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_different_seeds_give_different_timings(scenario):
    a, b = Simulation(scenario, 1), Simulation(scenario, 2)
    assert a.onset != b.onset
    assert [t for t, _ in a.timeline.injects] != [t for t, _ in b.timeline.injects]


def test_seeds_spread_the_onset_over_the_jitter_window():
    onsets = {Simulation("foreign_object", seed).onset for seed in range(30)}
    spread = (max(onsets) - min(onsets)) / pd.Timedelta(minutes=1)
    assert len(onsets) > 20 and spread > 90


def test_a_run_lasts_the_scenario_duration_in_15_minute_steps():
    sim = run("match_day", 1)
    trajectory = sim.trajectory()
    assert len(trajectory) == 48 * 4
    assert (trajectory.index[1:] - trajectory.index[:-1] == pd.Timedelta(minutes=15)).all()
    assert str(trajectory.index.tz) == "Africa/Dakar"
    for network in sim.networks:
        assert f"volume_{network}" in trajectory


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_an_unmanaged_crisis_bursts_far_above_the_baseline_and_turns_negative(scenario):
    sim = run(scenario, 4)
    before = window(sim, -1.5, 0)
    during = window(sim, 0, 6)
    assert during["volume"].max() > 10 * max(1, before["volume"].mean())
    assert net(before) > 0.2 and net(during) < -0.4


def test_a_decision_that_changes_nothing_leaves_the_noise_identical():
    # escalating alone has no public effect: same trajectory, draw for draw
    plain = run("match_day", 9)
    escalated = run("match_day", 9, {5: [escalate("management")]})
    pdt.assert_frame_equal(plain.trajectory(), escalated.trajectory())


# --- each decision in its documented direction --------------------------------------------


def test_respond_with_the_fitting_strategy_lowers_anger_and_followers_lost():
    nothing = run("match_day", 3)
    rebuilt = run("match_day", 3, {10: [respond("rebuild", channel="x")]})
    assert state_at(rebuilt, 6)["anger"] < state_at(nothing, 6)["anger"] - 0.2
    assert rebuilt.followers_lost < nothing.followers_lost
    assert net(window(rebuilt, 21, 24)) > net(window(nothing, 21, 24))


def test_respond_with_deny_in_a_preventable_crisis_backfires():
    nothing = run("match_day", 3)
    denied = run("match_day", 3, {10: [respond("deny", channel="x")]})
    assert window(denied, 0, 12)["volume"].sum() > window(nothing, 0, 12)["volume"].sum()
    assert denied.followers_lost > nothing.followers_lost
    assert denied.log[0].effects["anger_target"] > 0


def test_a_humorous_tone_turns_even_an_apology_into_a_backfire():
    nothing = run("match_day", 3)
    joking = run("match_day", 3, {10: [respond("rebuild", channel="x", tone="humorous")]})
    assert joking.log[0].effects["anger_target"] > 0
    assert joking.followers_lost > nothing.followers_lost


def test_an_empathetic_tone_does_more_than_a_factual_one():
    factual = run("foreign_object", 3, {10: [respond("rebuild", channel="tiktok", tone="factual")]})
    warm = run("foreign_object", 3, {10: [respond("rebuild", channel="tiktok")]})
    assert warm.log[0].effects["anger_target"] < factual.log[0].effects["anger_target"] < 0


def test_answering_in_the_golden_hour_does_more_than_answering_late():
    early = run("foreign_object", 6, {20: [respond("rebuild", channel="tiktok")]})
    late = run("foreign_object", 6, {300: [respond("rebuild", channel="tiktok")]})
    assert early.log[0].effects["anger_target"] < late.log[0].effects["anger_target"] < 0
    assert early.followers_lost < late.followers_lost


def test_answering_where_the_conversation_is_does_more_than_off_channel():
    on = run("match_day", 6, {10: [respond("rebuild", channel="x")]})
    off = run("match_day", 6, {10: [respond("rebuild", channel="linkedin")]})
    assert on.log[0].effects["anger_target"] < off.log[0].effects["anger_target"] < 0


def test_posting_on_all_channels_spreads_a_paracrisis():
    on_x = run("match_day", 6, {10: [respond("rebuild", channel="x")]})
    everywhere = run("match_day", 6, {10: [respond("rebuild", channel="all")]})
    assert everywhere.log[0].effects["heat"] > on_x.log[0].effects["heat"]
    product = run("foreign_object", 6, {10: [respond("rebuild", channel="all")]})
    assert product.log[0].effects["heat"] < 0  # a product-safety warning must reach everyone


def test_a_second_response_counts_less_than_the_first():
    sim = run(
        "foreign_object",
        2,
        {10: [respond("rebuild", channel="tiktok")], 20: [respond("rebuild", channel="tiktok")]},
    )
    first, second = (r.effects["anger_target"] for r in sim.log)
    assert first < second < 0


def test_switching_between_deny_and_rebuild_costs_anger():
    switched = run(
        "foreign_object",
        2,
        {10: [respond("deny", channel="tiktok")], 60: [respond("rebuild", channel="tiktok")]},
    )
    assert any("inconsistent" in note for note in switched.log[1].notes)


def test_hold_lowers_anger_and_heat():
    nothing = run("foreign_object", 3)
    held = run("foreign_object", 3, {10: [hold(channel="tiktok", next_update_minutes=600)]})
    assert held.log[0].effects["anger_target"] < 0 and held.log[0].effects["heat"] < 0
    assert state_at(held, 4)["anger"] < state_at(nothing, 4)["anger"]
    assert held.followers_lost < nothing.followers_lost


def test_a_missed_update_after_a_holding_statement_raises_anger():
    kept = run(
        "foreign_object",
        3,
        {
            10: [hold(channel="tiktok", next_update_minutes=60)],
            55: [respond("rebuild", channel="tiktok")],
        },
    )
    broken = run("foreign_object", 3, {10: [hold(channel="tiktok", next_update_minutes=60)]})
    assert any(e.kind == "broken_promise" for e in broken.events)
    assert not any(e.kind == "broken_promise" for e in kept.events)


def test_escalation_makes_later_statements_more_credible():
    alone = run("foreign_object", 3, {10: [respond("rebuild", channel="tiktok")]})
    backed = run(
        "foreign_object",
        3,
        {10: [escalate("quality"), escalate("management"), respond("rebuild", channel="tiktok")]},
    )
    assert backed.log[-1].effects["anger_target"] < alone.log[0].effects["anger_target"] < 0
    assert backed.followers_lost < alone.followers_lost


def test_pausing_posts_holds_back_the_tone_deaf_promotion():
    nothing = run("match_day", 3)
    paused = run("match_day", 3, {5: [pause_posts()]})
    promo = nothing.timeline.scheduled[0][0]
    assert any(e.kind == "scheduled_post" and e.effects for e in nothing.events)
    assert any(e.kind == "held_post" for e in paused.events)
    after = (promo - nothing.onset) / pd.Timedelta(hours=1)
    assert (
        window(paused, after, after + 3)["volume"].sum()
        < window(nothing, after, after + 3)["volume"].sum()
    )
    assert paused.followers_lost < nothing.followers_lost


def test_resuming_posts_lets_the_calendar_go_out_again():
    nothing = run("match_day", 3)
    resumed = run("match_day", 3, {5: [pause_posts()], 10: [resume_posts()]})
    columns = [c for c in nothing.trajectory() if c != "posts_paused"]
    pdt.assert_frame_equal(nothing.trajectory()[columns], resumed.trajectory()[columns])


def test_deleting_comments_backfires_with_the_streisand_effect():
    nothing = run("foreign_object", 3)
    deleted = run("foreign_object", 3, {30: [delete_comments()]})
    assert deleted.log[0].effects["anger_target"] == pytest.approx(fx.DELETE_ANGER)
    assert state_at(deleted, 2)["anger"] > state_at(nothing, 2)["anger"]
    assert window(deleted, 0, 12)["volume"].sum() > window(nothing, 0, 12)["volume"].sum()
    assert deleted.media_articles >= nothing.media_articles
    assert deleted.followers_lost > nothing.followers_lost


def test_compensation_calms_victims_and_costs_money():
    nothing = run("foreign_object", 3)
    paid = run("foreign_object", 3, {10: [compensate("replacement pouches")]})
    assert paid.log[0].effects["anger_target"] < 0
    assert paid.compensation_cost == pytest.approx(paid.scenario.compensation_cost_xof)
    assert nothing.compensation_cost == 0
    assert paid.followers_lost < nothing.followers_lost


def test_compensation_helps_less_when_nobody_was_harmed():
    teams = [escalate("management"), escalate("quality"), escalate("partnerships")]
    harmed = run("foreign_object", 3, {10: [*teams, compensate()]})
    offended = run("match_day", 3, {10: [*teams, compensate()]})
    assert harmed.log[-1].effects["anger_target"] < offended.log[-1].effects["anger_target"] < 0


def test_decisions_before_the_onset_have_nothing_to_answer():
    sim = Simulation("foreign_object", 3)
    records = sim.apply([respond("rebuild", channel="tiktok"), compensate(), delete_comments()])
    assert all(r.effects["anger_target"] == 0 for r in records)
    assert sim.compensation_cost == 0 and sim.first_public is None


def test_an_unanswered_journalist_publishes_without_the_brand():
    nothing = run("match_day", 3)
    answered = run("match_day", 3, {10: [hold(channel="x", next_update_minutes=600)]})
    assert any(e.kind == "unanswered" for e in nothing.events)
    assert not any(e.kind == "unanswered" for e in answered.events)


def test_later_injects_are_weaker_once_the_brand_has_answered():
    answered = run("match_day", 3, {10: [respond("rebuild", channel="x")]})
    injects = [e for e in answered.events if e.kind == "inject"]
    assert any("weaker" in e.title for e in injects[1:])


def test_the_situation_is_read_only():
    sim = run("match_day", 3, {10: [hold(channel="x")]}, until_hours=2)
    situation = sim.situation()
    with pytest.raises(AttributeError):
        situation.volume = 0
    with pytest.raises(TypeError):
        situation.volume_by_network["x"] = 0
    assert situation.has_done("hold") and not situation.has_done("respond")
    assert situation.has_done("hold", channel="x") and not situation.has_done(
        "hold", channel="tiktok"
    )
    assert situation.injects[0].kind == "viral_post"
    assert situation.minutes_since_first_inject >= 120
