"""The segment vocabulary covers every age band of the data and names six segments."""

from cmkit.audience import AGE_GROUPS, HOME_COUNTRY, PLACES, SEGMENTS
from cmkit.data import load


def test_every_age_band_of_the_data_has_a_group():
    bands = set(load("audience")["age_band"].cat.categories)
    assert set(AGE_GROUPS) == bands


def test_six_segments_place_then_age_group():
    assert len(SEGMENTS) == 6
    assert SEGMENTS[0] == "senegal 13-24"
    assert {s.split(" ")[0] for s in SEGMENTS} == set(PLACES)
    assert {s.split(" ")[1] for s in SEGMENTS} == set(AGE_GROUPS.values())


def test_the_home_country_is_in_the_data():
    assert HOME_COUNTRY in set(load("audience")["country"].astype(str))


def test_segments_built_as_the_lesson_does_are_the_known_ones():
    audience = load("audience")
    place = (audience["country"] == HOME_COUNTRY).map({True: "senegal", False: "diaspora"})
    segment = place + " " + audience["age_band"].map(AGE_GROUPS).astype(str)
    assert set(segment) == set(SEGMENTS)
