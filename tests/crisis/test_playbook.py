"""A learner's playbook: whatever goes wrong on the learner's side becomes one sentence that
says when, what and how to fix it, never a traceback from inside the engine."""

import pytest

from cmkit.crisis import (
    PlaybookError,
    PlaybookNotAttempted,
    escalate,
    hold,
    respond,
    run_playbook,
)
from cmkit.errors import KitError

from .helpers import good_playbook


def after_onset(decisions):
    """A playbook that returns ``decisions`` once the first inject has arrived."""

    def playbook(situation):
        return decisions if situation.injects else []

    return playbook


def message_of(playbook, scenario="match_day"):
    with pytest.raises(PlaybookError) as error:
        run_playbook(playbook, scenario=scenario, seed=1)
    text = str(error.value)
    assert isinstance(error.value, KitError)
    assert "Traceback" not in text and "engine.py" not in text and "\n" not in text
    assert error.value.__cause__ is None
    assert error.value.__context__ is None or error.value.__suppress_context__
    frames = [frame.name for frame in error.traceback]
    assert "_apply_one" not in frames and "validate" not in frames, frames
    return text


def test_an_invalid_strategy_is_named_with_its_decision_time_and_the_choices():
    text = message_of(after_onset([escalate("management"), respond("apologize", channel="x")]))
    assert text.startswith("Decision 2 at ")
    assert (
        "'apologize' is not a response strategy; choose one of deny, diminish, rebuild, "
        "bolster" in text
    )


def test_the_clock_in_the_message_is_the_simulated_time():
    playbook = after_onset([respond("apologize", channel="x")])
    with pytest.raises(PlaybookError) as error:
        run_playbook(playbook, scenario="match_day", seed=1)
    from cmkit.crisis.engine import Simulation

    sim = Simulation("match_day", 1)
    while sim.time < sim.onset:
        sim.advance()
    assert f"at {sim.time:%H:%M}:" in str(error.value)


@pytest.mark.parametrize(
    ("decision", "words"),
    [
        (respond("rebuild", channel="snapchat"), ["'snapchat' is not one of the brand's channels"]),
        (respond("rebuild", channel="x", tone="sarcastic"), ["'sarcastic' is not a tone"]),
        (escalate("the boss"), ["'the_boss' is not a team", "management"]),
        (hold(channel="x", next_update_minutes=5), ["next_update_minutes is 5", "between 15"]),
        (hold(channel="x", next_update_minutes="soon"), ["next_update_minutes is a text"]),
        (respond(3, channel="x"), ["strategy is a number (3)", "in quotes"]),
        ({"action": "reply"}, ["'reply' is not an action", "respond, hold, escalate"]),
        ({"strategy": "rebuild"}, ["without an 'action'"]),
        (
            {"action": "respond", "strategie": "rebuild"},
            ["'strategie' is not a setting of respond"],
        ),
        ({"action": "respond", "strategy": "rebuild"}, ["needs a channel", "channel='facebook'"]),
        ({"action": "pause_posts", "channel": "x"}, ["takes no settings"]),
        ("respond", ["a text ('respond') is not a decision", "respond(...)"]),
        (42, ["a number (42) is not a decision"]),
    ],
)
def test_each_kind_of_invalid_decision_gets_a_plain_sentence(decision, words):
    text = message_of(after_onset([decision]))
    assert text.startswith("Decision 1 at ")
    for word in words:
        assert word in text, text


def test_decisions_written_as_dictionaries_are_accepted():
    playbook = after_onset(
        [
            {"action": "hold", "channel": "X ", "next_update_minutes": 120},
            {"action": "escalate", "team": "Management"},
        ]
    )
    result = run_playbook(playbook, scenario="match_day", seed=1)
    assert result.passed("golden_hour")


@pytest.mark.parametrize(
    ("returned", "words"),
    [
        (None, ["returned nothing (None)", "return []"]),
        (hold(channel="x"), ["one decision instead of a list", "square brackets"]),
        ({"action": "hold", "channel": "x"}, ["one decision instead of a list"]),
        ("hold", ["returned a text ('hold')", "return a list of decisions"]),
        (7, ["returned a number (7)"]),
    ],
)
def test_a_playbook_returning_the_wrong_type_is_told_what_to_return(returned, words):
    text = message_of(lambda situation: returned)
    assert text.startswith("At ")
    for word in words:
        assert word in text, text


def test_the_untouched_placeholder_is_not_attempted():
    def playbook(situation): ...

    def placeholder(situation):
        return ...

    with pytest.raises(PlaybookNotAttempted, match="placeholder"):
        run_playbook(placeholder, scenario="match_day", seed=1)
    assert "returned nothing (None)" in message_of(playbook)
    with pytest.raises(PlaybookNotAttempted):
        run_playbook(..., scenario="match_day", seed=1)


def test_a_playbook_that_raises_gets_its_own_line_number():
    def playbook(situation):
        if situation.injects:
            first = situation.injects[0]
            return [respond(first["strategy"], channel="x")]
        return []

    text = message_of(playbook)
    assert "your playbook stopped with an error on line 4 of the playbook" in text
    assert "TypeError" in text


def test_a_misspelt_situation_field_lists_the_fields():
    text = message_of(lambda situation: [] if situation.volumes else [])
    assert "AttributeError" in text and "volume_by_network" in text


def test_a_misspelt_decision_setting_is_explained():
    def playbook(situation):
        return [respond(strategie="rebuild", channel="x")] if situation.injects else []

    text = message_of(playbook)
    assert "TypeError" in text and "names of the settings" in text


def test_a_playbook_without_its_input_is_told_its_signature():
    def playbook():
        return []

    text = message_of(playbook)
    assert "def playbook(situation):" in text


def test_something_that_is_not_a_function_is_refused():
    text = message_of("playbook")
    assert "not a function" in text


def test_a_good_playbook_runs_on_both_scenarios_and_many_seeds():
    for scenario in ("match_day", "foreign_object"):
        for seed in range(4):
            result = run_playbook(good_playbook, scenario=scenario, seed=seed)
            assert result.score >= 90, (scenario, seed, result.outcomes_table())
