"""Persona facts: plain values from rows of the audience table, readable labels, clear errors."""

import pandas as pd
import pytest

from cmkit.audience import AudienceError, fact_sheet, persona_facts
from cmkit.audience.messages import FACT_LABELS
from cmkit.data import load
from cmkit.errors import KitError


@pytest.fixture(scope="module")
def audience():
    return load("audience")


def test_facts_of_the_whole_audience_match_the_table(audience):
    facts = persona_facts(audience)
    assert facts["people"] == len(audience)
    assert facts["customers"] == int(audience["is_customer"].sum())
    assert facts["revenue_xof"] == int(audience["revenue_xof"].sum())
    assert facts["customer_rate"] == round(audience["is_customer"].mean(), 3)
    assert abs(sum(facts["languages"].values()) - 1) < 0.01  # three languages, all shares


def test_top_lists_hold_at_most_three_shares_largest_first(audience):
    facts = persona_facts(audience[audience["country"] == "France"])
    for key in ("cities", "platforms", "languages", "interests", "favourite_line"):
        shares = list(facts[key].values())
        assert 1 <= len(shares) <= 3
        assert shares == sorted(shares, reverse=True)
    assert next(iter(facts["countries"])) == "France"


def test_the_diaspora_never_orders_in_a_shop(audience):
    facts = persona_facts(audience[audience["country"] != "Senegal"])
    assert "shop" not in facts["order_channel"]


def test_a_group_without_customers_still_has_facts(audience):
    nobody_bought = audience[~audience["is_customer"]].head(50)
    facts = persona_facts(nobody_bought)
    assert facts["customers"] == 0
    assert facts["favourite_line"] == {} and facts["orders_per_customer"] == 0.0


def test_the_input_is_not_changed(audience):
    rows = audience.head(200)
    before = rows.copy()
    persona_facts(rows)
    pd.testing.assert_frame_equal(rows, before)


def test_fact_sheet_is_text_labelled_in_words(audience):
    sheet = fact_sheet(audience.head(300))
    assert list(sheet.index) == list(FACT_LABELS.values())
    assert all(isinstance(value, str) for value in sheet)
    assert sheet[FACT_LABELS["customer_rate"]].endswith("%")


@pytest.mark.parametrize(
    ("people", "words"),
    [
        ("diaspora 25-44", "not a table"),
        (None, "not a table"),
    ],
)
def test_not_a_table_is_one_line_error(people, words):
    with pytest.raises(AudienceError, match=words) as raised:
        persona_facts(people)
    assert "\n" not in str(raised.value) and ";" in str(raised.value)


def test_an_empty_group_says_to_check_the_spelling(audience):
    with pytest.raises(AudienceError, match="no rows"):
        persona_facts(audience[audience["country"] == "Atlantis"])


def test_missing_columns_are_named(audience):
    with pytest.raises(KitError, match="revenue_xof"):
        persona_facts(audience.drop(columns=["revenue_xof"]))
