"""The after-action review: a timeline of what happened and what each decision did."""

from cmkit.crisis import delete_comments, run_playbook

from .helpers import good_playbook


def test_the_review_lists_events_and_decisions_in_time_order():
    result = run_playbook(good_playbook, scenario="foreign_object", seed=4)
    review = result.review()
    timeline = review.timeline
    assert list(timeline.columns) == ["time", "clock", "kind", "what", "effect"]
    assert timeline["time"].is_monotonic_increasing
    kinds = set(timeline["kind"])
    assert {"event", "decision", "peak"} <= kinds
    decisions = timeline[timeline["kind"] == "decision"]
    assert len(decisions) == len(result.decisions)
    assert decisions["what"].str.contains("holding statement").any()
    assert decisions["effect"].str.contains("golden hour").any()


def test_each_decision_says_what_it_changed_compared_with_a_run_without_it():
    result = run_playbook(good_playbook, scenario="match_day", seed=4)
    effects = result.review().timeline.query("kind == 'decision'")["effect"]
    assert effects.str.contains("Without it:").all()
    response = effects[result.review().timeline["what"].str.startswith("respond")].iloc[0]
    assert "followers lost" in response


def test_a_deletion_is_explained_as_the_streisand_effect():
    def playbook(situation):
        decisions = good_playbook(situation)
        if situation.injects and not situation.has_done("delete_comments"):
            decisions.append(delete_comments())
        return decisions

    review = run_playbook(playbook, scenario="match_day", seed=4).review(impacts=False)
    assert review.timeline["effect"].str.contains("Streisand").any()


def test_the_review_renders_as_markdown_and_html():
    review = run_playbook(good_playbook, scenario="match_day", seed=4).review(impacts=False)
    text = review.markdown()
    assert text.startswith("### After-action review: The match-day post (seed 4)")
    assert "| ✓ |" in text and "First public response inside the golden hour" in text
    assert review._repr_markdown_() == text
    page = review.html()
    assert page.startswith("<h3>") and "<table>" in page
