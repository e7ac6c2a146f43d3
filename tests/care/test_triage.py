"""The triage scorer: right, wrong and untouched functions each get a report a learner can use,
and rules written as words (not memorised messages) reach the assignment's thresholds."""

import pandas as pd
import pytest

from cmkit.care import CATEGORIES, EXAMPLES, ODD_TEXTS, new_messages, score_triage, triage_outputs

KEYWORDS = {
    "spam": ["bit.ly", "gagnez", "followers", "crypto", "iphone", "comptes instagram",
             "prêt rapide", "earn $", ".top"],
    "troll": ["fake", "boycott", "moquez", "toubab", "mon chat", "eau chaude", "gratuit lol",
              "personne ne vous", "gàcce", "overpriced", "nobody knows", "seer torop"],
    "complaint": ["toujours pas", "au lieu", "ouvert à la", "ne répond", "a changé",
                  "j'attends", "facturé", "froid", "bloqué", "plante", "à moitié", "agul",
                  "ñaaw", "tontu", "dara agsiwul", "hasn't arrived", "damaged",
                  "charged twice", "😡", "😤"],
    "question": ["?"],
}  # fmt: skip


def rules(text):
    lowered = text.lower()
    for category in ["spam", "troll", "complaint", "question"]:
        if any(word in lowered for word in KEYWORDS[category]):
            return category
    return "praise"


TEXTS = ["a ?", "b", "c bit.ly", "d fake"]
LABELS = ["question", "praise", "spam", "troll"]


def test_a_perfect_function_scores_one_everywhere():
    score = score_triage(rules, TEXTS, LABELS)
    assert score.accuracy == 1.0
    assert score.lowest_recall == 1.0
    assert score.problem is None
    assert score.problems(0.9, 0.9) == []


def test_recall_and_precision_are_per_category_and_the_weakest_is_named():
    score = score_triage(lambda text: "question", TEXTS, LABELS)
    assert score.accuracy == 0.25
    assert score.recall["question"] == 1.0 and score.recall["spam"] == 0.0
    assert score.precision == {"question": 0.25}
    assert score.weakest == "praise"  # ties broken by name, so the hint is stable
    assert "'praise'" in score.hint and "'question'" in score.hint
    summary = score.summary()
    assert list(summary.columns) == ["messages", "recall", "precision"]
    assert summary.loc["spam", "messages"] == 1


def test_the_placeholder_an_error_and_an_invalid_answer_become_problems_not_crashes():
    untouched = score_triage(lambda text: ..., TEXTS, LABELS)
    assert untouched.accuracy == 0 and "placeholder" in untouched.hint

    def broken(text):
        raise ValueError("boom")

    crashed = score_triage(broken, TEXTS, LABELS)
    assert "ValueError" in crashed.hint and "boom" in crashed.hint

    shouting = score_triage(lambda text: "SPAM ", TEXTS, LABELS)  # case and spaces forgiven
    assert shouting.recall["spam"] == 1.0
    invalid = score_triage(lambda text: "complain", TEXTS, LABELS)
    assert "'complain'" in invalid.hint and invalid.accuracy == 0
    assert invalid.problems(0.8, 0.6) == [invalid.hint]


def test_something_that_is_not_a_function_is_reported():
    for thing in (..., "spam", dict):
        score = score_triage(thing, TEXTS, LABELS)
        assert score.accuracy == 0 and "not a function" in score.hint


def test_problems_name_each_threshold_missed():
    score = score_triage(lambda text: "question" if "?" in text else "praise", TEXTS, LABELS)
    problems = score.problems(0.8, 0.6)
    assert len(problems) == 3  # accuracy, spam, troll
    assert any("Accuracy" in p for p in problems)
    assert any("'troll'" in p for p in problems)


def test_the_examples_are_typical_messages_that_word_rules_get_right():
    assert {category for _, category in EXAMPLES} == set(CATEGORIES)
    assert all(rules(text) == category for text, category in EXAMPLES)


def test_triage_outputs_show_errors_instead_of_raising():
    assert triage_outputs(rules) == [rules(t) for t in ODD_TEXTS]
    outputs = triage_outputs(lambda text: text[100], ["short"])
    assert outputs == ["<error: IndexError>"]
    assert triage_outputs(lambda text: ..., ["x"]) == ["Ellipsis"]


def test_new_messages_are_reproducible_labelled_and_not_the_inbox(inbox):
    first, again = new_messages(per_hundred=2), new_messages(per_hundred=2)
    pd.testing.assert_frame_equal(first, again)
    assert len(first) == 200 and set(first["category"]) == set(CATEGORIES)
    other = new_messages(per_hundred=2, seed=1)
    assert not first["text"].equals(other["text"])
    fresh = new_messages()
    assert fresh["text"].isin(inbox["text"]).mean() < 0.5


def test_word_rules_reach_the_assignment_thresholds_on_the_inbox_and_on_new_messages(inbox):
    labelled = score_triage(rules, inbox)
    assert labelled.accuracy >= 0.85 and labelled.lowest_recall >= 0.75
    unseen = score_triage(rules, new_messages(per_hundred=10, seed=8421))
    assert unseen.accuracy >= 0.9 and unseen.lowest_recall >= 0.8


def test_a_memoriser_aces_the_inbox_and_fails_on_new_messages(inbox):
    lookup = dict(zip(inbox["text"], inbox["category"].astype(str), strict=True))
    labelled = score_triage(lambda text: lookup.get(text, "question"), inbox)
    unseen = score_triage(lambda text: lookup.get(text, "question"), new_messages())
    assert labelled.accuracy > 0.95
    assert unseen.accuracy < 0.85


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_label_can_be_matched_perfectly_because_of_label_noise(inbox, category):
    score = score_triage(rules, inbox)
    assert score.recall[category] < 1.0
