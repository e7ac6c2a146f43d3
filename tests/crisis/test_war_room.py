"""The war room widget without a browser: construct it, let time pass, decide, debrief."""

import pytest

from cmkit.crisis import WarRoom
from cmkit.crisis.engine import Simulation


@pytest.fixture
def room():
    # charts are drawn in one test only: they are the slow part
    return WarRoom("match_day", seed=1, charts=False)


def until_onset(room):
    while not room.sim.situation().injects:
        room.advance_15_button.click()


def test_it_opens_calm_at_the_start_of_the_exercise():
    room = WarRoom("match_day", seed=1)
    assert "The match-day post" in room.title.value
    assert "16:00" in room.clock.value
    assert "Calm so far" in room.metrics.value
    assert "Médina Sporting" in room.briefing.value
    assert room.chart.value[:4] == b"\x89PNG"
    assert "No decision yet" in room.decision_log.value
    first = room.chart.value
    room.advance_hour_button.click()
    assert room.chart.value != first  # the charts follow the clock


def test_time_advances_by_15_minutes_and_by_the_hour(room):
    room.advance_15_button.click()
    assert "16:15" in room.clock.value
    room.advance_hour_button.click()
    assert "17:15" in room.clock.value


def test_the_feed_fills_with_the_first_viral_post(room):
    until_onset(room)
    assert "@medina_ultras_221" in room.feed.value
    assert "EVENT" in room.feed.value
    assert "Mentions (last 15 min)" in room.metrics.value


def test_a_response_from_the_controls_is_logged_with_its_effect(room):
    until_onset(room)
    room.strategy.value = "rebuild"
    room.channel.value = "x"
    room.statement.value = "Nous sommes désolés. Ce post était une erreur."
    room.respond_button.click()
    assert "respond: rebuild on x" in room.decision_log.value
    assert "fits the preventable cluster" in room.decision_log.value
    assert "YOU" in room.feed.value and "Nous sommes désolés" in room.feed.value
    assert room.sim.log[0].source == "war room"


def test_a_missing_choice_is_shown_as_a_message_not_raised(room):
    until_onset(room)
    room.respond_button.click()  # no strategy chosen yet
    assert "needs a strategy" in room.status.value
    assert not room.sim.log


def test_every_decision_button_works(room):
    until_onset(room)
    room.channel.value = "x"
    room.hold_button.click()
    room.team.value = "management"
    room.escalate_button.click()
    for button in (
        room.pause_button,
        room.resume_button,
        room.delete_button,
        room.compensate_button,
    ):
        button.click()
    actions = [r.decision.action for r in room.sim.log]
    assert actions == [
        "hold",
        "escalate",
        "pause_posts",
        "resume_posts",
        "delete_comments",
        "compensate",
    ]
    assert "Streisand" in room.decision_log.value


def test_the_debrief_shows_the_after_action_review(room):
    until_onset(room)
    room.channel.value = "x"
    room.hold_button.click()
    room.debrief_button.click()
    assert room.sim.finished and room.result is not None
    assert "After-action review" in room.debrief.value
    assert "golden hour" in room.debrief.value
    assert all(button.disabled for button in room.decision_buttons + room.time_buttons)
    assert room.result.passed("golden_hour")


def test_running_out_of_time_also_ends_with_the_debrief():
    room = WarRoom("foreign_object", seed=2, charts=False)
    for _ in range(9):
        room.advance_6h_button.click()
    assert room.sim.finished and "After-action review" in room.debrief.value
    room.decide(None)
    assert "over" in room.status.value


def test_the_war_room_and_a_playbook_see_the_same_exercise():
    room = WarRoom("foreign_object", seed=5, charts=False)
    assert room.sim.onset == Simulation("foreign_object", 5).onset


def test_displaying_the_room_displays_its_widget(room):
    bundle = room._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == room.widget.model_id
