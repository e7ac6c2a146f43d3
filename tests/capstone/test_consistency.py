"""The summary check: figures read in English and French formats, matched with the report at
the precision they are written with; a correct summary passes, a wrong figure is named."""

import pandas as pd
import pytest

from cmkit.capstone import (
    CapstoneError,
    check_summary,
    claims,
    quoted_figures,
    report_figures,
    summary_problems,
)
from cmkit.checks import CheckFailed, NotAttempted

MONTHS = ["2025-09", "2026-08", "2026-09"]
REPORT = pd.DataFrame(
    {
        "posts": [96, 107, 94],
        "reach": [331_241, 587_678, 765_516],
        "median_engagement_rate": [0.048282, 0.045752, 0.033478],
        "social_sessions": [129, 156, 144],
        "social_orders": [4, 9, 1],
        "social_revenue": [122_500, 193_500, 12_500],
        "ad_spend": [156_606, 262_625, 162_101],
        "paid_revenue": [32_500, 63_000, 54_000],
        "roas": [0.207527, 0.239886, 0.333126],
        "complaints": [21, 46, 25],
        "complaint_reply_median": [33.0, 78.0, 220.0],
        "complaint_response_rate": [0.761905, 0.891304, 0.8],
        "share_of_voice": [0.311423, 0.237664, 0.233449],
        "net_sentiment": [37.5, 35.809524, 36.567164],
    },
    index=MONTHS,
)
GROWTH = pd.DataFrame(
    {"facebook": [0.0044, 0.0140, 0.0094], "instagram": [0.0136, 0.0128, 0.0087]}, index=MONTHS
)

SUMMARY = "\n".join(
    [
        "**September 2026: more people than ever saw Keur Thé, but organic social sold almost "
        "nothing.**",
        "",
        "- Reach: 765,516 accounts (+30 % on August, +131 % on September 2025), while the median "
        "engagement rate by reach fell to 3.3 % (4.6 % in August).",
        "- Organic posts brought 144 shop sessions (−8 %), but only 1 order and 12,500 XOF of "
        "revenue (9 orders and 193,500 XOF in August).",
        "- Paid social: ROAS 0.33 on the shop's count (162,101 XOF spent, 54,000 XOF of revenue).",
        "- Care: 25 complaints; the median first reply by a person took 220 min (78 min in "
        "August), and 80 % were answered by a person.",
        "- Reputation: share of voice 23 %, net sentiment +37 (+0.8 points on August).",
        "- Instagram followers grew 0.9 % in September.",
        "",
        "**Recommendation:** next quarter, stop the TikTok ads and move 150,000 XOF to WhatsApp.",
    ]
)

RESUME = "\n".join(
    [
        "**Septembre 2026 : plus de monde que jamais a vu Keur Thé, mais le social organique n'a "
        "presque rien vendu.**",
        "",
        "- Portée : 765 516 comptes (+30 % sur août), taux d'engagement médian par portée : "
        "3,3 % (4,6 % en août).",
        "- Les publications organiques ont apporté 144 sessions, mais 1 commande et 12 500 XOF "
        "de chiffre d'affaires (193,5 k XOF en août, −94 %).",
        "- Publicité : ROAS de 0,33 ; 162 101 XOF dépensés.",
        "- 25 réclamations ; délai médian de première réponse par une personne : 3h40 (78 min en "
        "août).",
        "- Part de voix 23,3 %, sentiment net +36,6 (+0,8 point sur août).",
        "",
        "Objectif du prochain trimestre : 400 000 XOF de chiffre d'affaires organique.",
    ]
)


def problems(text, **options):
    return summary_problems(text, REPORT, month="2026-09", growth=GROWTH, **options)


# --- reading numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, value, unit",
    [
        ("12 345", 12_345, ""),
        ("12\u00a0345", 12_345, ""),  # no-break space
        ("12\u202f345", 12_345, ""),  # narrow no-break space (French keyboards)
        ("12,345", 12_345, ""),
        ("1,234,567", 1_234_567, ""),
        ("12,345.6", 12_345.6, ""),
        ("12 345,6", 12_345.6, ""),
        ("4,1 %", 4.1, "%"),
        ("4.1%", 4.1, "%"),
        ("0,125", 0.125, ""),
        ("12.3k", 12_300, ""),
        ("412 K", 412_000, ""),
        ("412 mille", 412_000, ""),
        ("1.2 M", 1_200_000, ""),
        ("1,2 M", 1_200_000, ""),
        ("1,2 million XOF", 1_200_000, "XOF"),
        ("−12", -12, ""),
        ("-12", -12, ""),
        ("+5 pts", 5, "points"),
        ("+0,8 point", 0.8, "points"),
        ("0.33x", 0.33, "x"),
        ("2.4 ×", 2.4, "x"),
        ("220 min", 220, "min"),
        ("1.5 h", 90, "min"),
        ("3h40", 220, "min"),
        ("3 h 40", 220, "min"),
        ("12,500 FCFA", 12_500, "XOF"),
        ("45 pour cent", 45, "%"),
    ],
)
def test_numbers_are_read_in_english_and_french_formats(written, value, unit):
    (quote,) = quoted_figures(f"reach {written} here")
    assert quote.value == pytest.approx(value)
    assert quote.unit == unit


@pytest.mark.parametrize(
    "written, step",
    [("765,516", 1), ("412.3k", 100), ("410,000", 10_000), ("3.3 %", 0.1), ("1.25 M", 10_000)],
)
def test_the_precision_is_the_last_digit_written(written, step):
    (quote,) = quoted_figures(written)
    assert quote.step == pytest.approx(step)


@pytest.mark.parametrize(
    "text",
    [
        "in 2026",
        "30 September",
        "September 30",
        "le 30 septembre",
        "1. Reach rose",
        "  2) Orders",
        "Q4",
        "2026-09",
        "at 19:30",
        "the 1st week",
        "n°3",
    ],
)
def test_years_days_list_markers_and_times_are_not_figures(text):
    assert quoted_figures(text) == []


def test_figures_far_from_any_kpi_word_are_not_checked():
    assert claims("We post on 6 networks, 7 days a week.") == []


def test_figures_about_plans_and_targets_are_not_checked():
    text = (
        "Revenue was 12,500 XOF, against a target of 250,000 XOF. "
        "Next quarter, revenue should reach 400,000 XOF. "
        "Objectif du prochain trimestre : 400 000 XOF de chiffre d'affaires."
    )
    assert [c.quote.text for c in claims(text)] == ["12,500 XOF"]
    assert problems(text) == []


# --- matching the report ----------------------------------------------------------------


def test_a_correct_summary_passes():
    assert problems(SUMMARY) == []
    assert len(claims(SUMMARY, list(report_figures(REPORT, GROWTH)))) >= 15


def test_a_correct_french_summary_passes():
    assert problems(RESUME) == []


def test_a_wrong_figure_is_named_with_its_kpi_and_the_report_value():
    found = problems(SUMMARY.replace("765,516", "756,516"))
    assert len(found) == 1
    assert '"756,516"' in found[0]
    assert "reach" in found[0].lower()
    assert "765,516" in found[0]  # the learner's own report may be shown
    assert "September 2026" in found[0]


def test_without_reveal_the_message_names_the_figure_but_not_the_expected_value():
    found = problems(SUMMARY.replace("220 min", "202 min"), reveal=False)
    assert len(found) == 1
    assert '"202 min"' in found[0] and "first reply" in found[0]
    assert "220" not in found[0]


def test_each_wrong_figure_gets_its_own_sentence():
    wrong = SUMMARY.replace("3.3 %", "4.1 %").replace("share of voice 23 %", "share of voice 32 %")
    found = problems(wrong)
    assert len(found) == 2
    assert '"4.1 %"' in found[0] and "engagement rate" in found[0]
    assert '"32 %"' in found[1] and "share of voice" in found[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "The median engagement rate by reach fell 1.2 points.",  # change of a rate, in points
        "The median engagement rate by reach fell 27 %.",  # the same change, relative
        "The median engagement rate by reach moved −1.2 pts on August.",
        "Reach rose 30 %.",
        "Reach was 1.3 times August's.",
        "Reach: 765.5k accounts.",
        "Reach: 0.77 M accounts.",
        "Reach: 766,000 accounts.",
        "Orders fell from 9 to 1 (−89 %).",
        "Orders: 8 fewer than in August.",
        "Revenue fell by 181,000 XOF.",
        "The median first reply took 3.7 h.",
        "Net sentiment +0.8 points.",
        "Net sentiment −0.9 points on September 2025.",
        "Facebook followers grew 0.9 %.",
    ],
)
def test_values_and_changes_are_accepted_in_their_usual_forms(sentence):
    assert problems(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Reach: 765,000 accounts.",  # wrongly rounded (766,000)
        "Reach rose −30 %.",  # an explicit sign must match
        "Orders: 2.",
        "The median engagement rate by reach was 4.1 %.",
        "Net sentiment −37.",  # positive in the report
        "Sessions from organic posts: 145.",  # one off is wrong for a count
        "ROAS 2.95.",
    ],
)
def test_figures_the_report_cannot_back_are_flagged(sentence):
    assert len(problems(sentence)) == 1


def test_a_report_may_be_given_as_figures_and_growth_is_optional():
    figures = report_figures(REPORT)
    assert set(figures) == set(REPORT.columns)
    assert figures["reach"]["2026-09"] == 765_516
    assert summary_problems("Reach 765,516.", figures, month="2026-09") == []
    with_growth = report_figures(REPORT, GROWTH)
    assert with_growth["follower_growth_instagram"]["2026-09"] == pytest.approx(0.0087)


def test_wrong_inputs_raise_one_line_errors():
    with pytest.raises(CapstoneError, match="not a table"):
        summary_problems("Reach 1.", [1, 2, 3])
    with pytest.raises(CapstoneError, match="not text"):
        summary_problems(..., REPORT)


# --- the check helper ---------------------------------------------------------------------


def run_check(value, **options):
    globals()["summary"] = value
    try:
        check_summary("summary", **options)
    finally:
        globals().pop("summary", None)


def test_the_check_passes_a_correct_summary():
    run_check(SUMMARY, figures=report_figures(REPORT, GROWTH), min_figures=5)


def test_the_check_says_not_attempted_for_the_placeholder_and_an_empty_text():
    with pytest.raises(NotAttempted):
        run_check(...)
    with pytest.raises(NotAttempted):
        run_check("   ")


def test_the_check_wants_text():
    with pytest.raises(CheckFailed, match="as text between quotes"):
        run_check(["Reach 765,516"])


def test_the_check_counts_the_figures_next_to_kpi_names():
    with pytest.raises(CheckFailed, match="quotes 1 figure"):
        run_check("Reach was 765,516 accounts. We post on 6 networks.", min_figures=5)
    run_check(SUMMARY, min_figures=5)


def test_the_check_names_the_wrong_figure_without_the_expected_value():
    with pytest.raises(CheckFailed) as failure:
        run_check(SUMMARY.replace("765,516", "756,516"), figures=report_figures(REPORT, GROWTH))
    message = str(failure.value)
    assert '"756,516"' in message and "reach" in message
    assert "765,516" not in message.replace(SUMMARY, "")


def test_the_check_is_plain_data_and_judges_exported_text():
    from cmkit.checks.core import recording

    globals()["summary"] = SUMMARY
    try:
        with recording() as session:
            check_summary("summary", figures=REPORT, min_figures=5)
    finally:
        globals().pop("summary", None)
    (planned,) = session.checks
    assert planned.kind == "summary_figures"
    assert planned.params["figures"]["reach"]["2026-09"] == 765_516
    assert planned.evaluate(SUMMARY).passed
    assert not planned.evaluate(SUMMARY.replace("765,516", "756,516")).passed
