"""The report's registry agrees with the course: every figure has a unit, a stage, a label;
the summary check's words point to real figures; objectives use the catalogue's KPIs."""

import unicodedata

from cmkit.capstone import (
    KPI_NAMES,
    KPIS,
    OBJECTIVE_KPIS,
    REPORT_MONTHS,
    messages,
    month_name,
    report,
    unit_of,
    vocabulary,
)
from cmkit.strategy import KPIS as CATALOGUE


def test_every_figure_has_a_known_unit_stage_role_and_label():
    assert len(set(KPI_NAMES)) == len(KPI_NAMES) == 14
    for kpi in KPIS.values():
        assert kpi.unit in report.UNITS
        assert kpi.stage in report.STAGES
        assert kpi.role in report.ROLES
        assert kpi.label == messages.KPI_LABELS[kpi.name]
    assert {k.name for k in KPIS.values() if k.role == "input"} == {"posts", "ad_spend"}


def test_objective_kpis_are_report_figures_the_catalogue_defines_alike():
    for name in OBJECTIVE_KPIS:
        assert name in KPIS and name in CATALOGUE
        fraction = KPIS[name].unit == "fraction"
        assert fraction == (CATALOGUE[name].scale == "fraction")


def test_growth_columns_are_fractions_and_periods_have_names():
    assert unit_of("follower_growth_tiktok") == "fraction"
    assert unit_of("likes") is None
    assert report.label_of("follower_growth_x") == "follower growth on x"
    assert [month_name(m) for m in REPORT_MONTHS] == [
        "September 2025",
        "August 2026",
        "September 2026",
    ]
    assert month_name("Q3") == "Q3"


def test_every_word_group_points_to_report_figures():
    assert set(vocabulary.KEYWORDS) == set(vocabulary.GROUPS)
    for names in vocabulary.GROUPS.values():
        for name in names:
            assert name in KPIS or name == report.GROWTH_PREFIX
    covered = {name for names in vocabulary.GROUPS.values() for name in names}
    assert set(KPI_NAMES) <= covered


def test_words_are_written_folded_so_that_accents_and_case_do_not_matter():
    words = [w for group in vocabulary.KEYWORDS.values() for w in group] + list(vocabulary.FUTURE)
    for word in words + list(vocabulary.MONTH_WORDS):
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
        assert word == folded.lower(), word
