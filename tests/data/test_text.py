"""Text reads as real: French first, some Wolof and English, varied, labelled with known noise."""

import pytest

from cmkit.data import case

WOLOF_MARKERS = ("Jërëjëf", "Nanga def", "dafa neex", "waaw", "jàmm", "ñaata", "sopp naa")


@pytest.mark.parametrize("name", ["inbox", "mentions"])
def test_most_texts_are_distinct(tables, name):
    texts = tables[name]["text"]
    assert texts.nunique() / len(texts) >= 0.8


def test_captions_vary_too(tables):
    captions = tables["posts"]["caption"]
    assert captions.nunique() / len(captions) >= 0.8


@pytest.mark.parametrize("name", ["posts", "inbox", "mentions", "audience"])
def test_french_comes_first_with_some_wolof_and_english(tables, name):
    shares = tables[name]["language"].value_counts(normalize=True)
    assert shares.idxmax() == "fr" and shares["fr"] >= 0.5
    assert shares["wo"] >= 0.05 and shares["en"] >= 0.02


@pytest.mark.parametrize(
    "name, column", [("inbox", "text"), ("mentions", "text"), ("posts", "caption")]
)
def test_wolof_texts_use_everyday_wolof(tables, name, column):
    frame = tables[name]
    wolof = frame.loc[frame["language"] == "wo", column].str.lower()
    found = [m for m in WOLOF_MARKERS if wolof.str.contains(m.lower(), regex=False).any()]
    assert len(found) >= 2, found


def test_texts_name_products_places_and_use_emojis(tables):
    text = " ".join(tables["posts"]["caption"]) + " ".join(tables["inbox"]["text"])
    for word in ("kinkeliba", "bissap", "attaya", "gingembre", "coffret", "Dakar", "Almadies"):
        assert word in text
    assert any(emoji in text for emoji in ("🍵", "🌿", "❤️", "🙏🏾"))


def test_crisis_mentions_speak_of_the_crisis(tables):
    mentions = tables["mentions"]
    match_day = mentions[mentions["scenario"] == "match_day"]["text"]
    assert match_day.str.contains(case.CLUB_LOSING, regex=False).sum() > 200
    foreign = mentions[mentions["scenario"] == "foreign_object"]["text"]
    assert foreign.str.contains("sachet|vidéo|video", regex=True).sum() > 200


def test_labels_follow_the_text_except_for_the_documented_noise(tables):
    mentions = tables["mentions"]
    score, label = mentions["sentiment_score"], mentions["sentiment"]
    disagree = ((label == "positive") & (score < -0.25)) | ((label == "negative") & (score > 0.25))
    assert 0.01 <= disagree.mean() <= 0.08  # about 5% flipped, a third of them between poles


def test_inbox_labels_mostly_agree_with_each_other(tables):
    inbox = tables["inbox"]
    odd = ((inbox["category"] == "praise") & (inbox["sentiment"] == "negative")) | (
        (inbox["category"] == "complaint") & (inbox["sentiment"] == "positive")
    )
    assert 0 < odd.mean() < 0.06


def test_every_inbox_category_and_sentiment_appears(tables):
    inbox = tables["inbox"]
    assert (inbox["category"].value_counts() > 100).all()
    assert (inbox["sentiment"].value_counts() > 100).all()
