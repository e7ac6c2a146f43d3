"""The house rules are consistent data: formats, placements and rhythms that can be met."""

from __future__ import annotations

import math

from cmkit.data.specs import FORMATS, PILLARS, UTM_PLACEMENTS
from cmkit.planning import HOUSE_RULES, NETWORK_RULES, THIRDS, messages, rules_table
from cmkit.planning.rules import organic_campaign, organic_medium, placements_for


def test_every_network_has_rules_a_name_and_codes():
    assert set(NETWORK_RULES) == set(messages.NETWORK_NAMES) == set(messages.NETWORK_CODES)


def test_formats_and_placements_come_from_the_data_vocabulary():
    for rule in NETWORK_RULES.values():
        assert set(rule.formats) <= set(FORMATS)
        for format in rule.formats:
            assert set(placements_for(rule.network, format)) <= set(UTM_PLACEMENTS)


def test_each_network_rhythm_can_be_met():
    for rule in NETWORK_RULES.values():
        assert 0 < rule.min_per_week <= rule.max_per_week <= rule.max_per_day * 7
        # the month's minimum fits in the weeks allowed
        assert math.floor(rule.min_per_week * 31 / 7) <= rule.max_per_week * 5
        assert rule.min_gap_hours * rule.max_per_day <= 24


def test_the_thirds_cover_every_pillar_once_and_the_mix_can_be_met():
    members = [pillar for pillars in THIRDS.values() for pillar in pillars]
    assert sorted(members) == sorted(PILLARS)
    low, high = HOUSE_RULES.third_share
    assert 3 * low <= 1 <= 3 * high
    assert HOUSE_RULES.max_promotion_share <= high


def test_organic_links_are_social_except_whatsapp():
    assert organic_medium("instagram") == "social" and organic_campaign("x") == "always_on"
    assert organic_medium("whatsapp") == "messaging"
    assert organic_campaign("whatsapp") == "broadcast"


def test_rules_table_has_one_row_per_network():
    table = rules_table()
    assert list(table.index) == list(NETWORK_RULES)
    assert table.loc["x", "caption max (characters)"] == 280
