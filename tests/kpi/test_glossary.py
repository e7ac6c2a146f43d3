"""The glossary of KPI formulas: one row per KPI the course uses, in the lesson exactly as the
package renders it, under the heading other lessons link to; its claims about the data hold."""

import nbformat
import pytest

from cmkit.data import load
from cmkit.kpi import glossary
from cmkit.kpi.messages import GLOSSARY, GLOSSARY_COLUMNS

from ..conftest import ROOT

LESSON = ROOT / "course" / "08-kpi-roi.ipynb"

REQUIRED = [
    "reach",
    "impressions",
    "engagements",
    "engagement_rate",
    "engagement_rate_by_impressions",
    "engagement_rate_by_followers",
    "ctr",
    "cpc",
    "cpm",
    "cpa",
    "conversion_rate",
    "site_conversion_rate",
    "roas",
    "roi",
    "cac",
    "clv",
    "average_order_value",
    "share_of_voice",
    "net_sentiment",
    "response_rate",
    "first_response_time",
    "follower_growth_rate",
]


def test_every_kpi_of_the_course_has_a_row():
    assert set(REQUIRED) <= set(GLOSSARY)


def test_every_row_fills_every_column_without_breaking_the_table():
    for key, row in GLOSSARY.items():
        assert len(row) == len(GLOSSARY_COLUMNS) - 1, key
        assert all(field.strip() for field in row), key
        assert not any("|" in field for field in row), key


def test_the_markdown_table_has_a_header_and_one_line_per_kpi():
    lines = glossary.markdown().splitlines()
    assert len(lines) == 2 + len(GLOSSARY)
    assert glossary.table().shape == (len(GLOSSARY), len(GLOSSARY_COLUMNS))


def test_the_course_default_engagement_rate_is_by_reach():
    name, formula, denominator, *_ = GLOSSARY["engagement_rate"]
    assert "by reach" in name and formula == "engagements ÷ reach"
    assert "reach" in denominator


@pytest.fixture(scope="module")
def glossary_cell():
    notebook = nbformat.read(LESSON, as_version=4)
    cells = [
        c for c in notebook.cells if c.cell_type == "markdown" and glossary.HEADING in c.source
    ]
    assert len(cells) == 1, f"one cell of {LESSON.name} must hold {glossary.HEADING!r}"
    return cells[0].source


def test_the_lesson_holds_the_glossary_under_its_heading_and_anchor(glossary_cell):
    assert f'<a id="{glossary.ANCHOR}"></a>' in glossary_cell
    # JupyterLab's own anchor for the heading is its text with hyphens.
    assert glossary.HEADING[3:].replace(" ", "-") == glossary.ANCHOR
    assert glossary.LINK == f"08-kpi-roi.ipynb#{glossary.ANCHOR}"


def test_the_lesson_table_is_the_package_table(glossary_cell):
    assert glossary.markdown() in glossary_cell, (
        "the glossary in course/08-kpi-roi.ipynb differs from cmkit.kpi.glossary.markdown(); "
        "edit src/cmkit/kpi/messages.py and paste the new table into the lesson"
    )


# The glossary's pitfalls quote the data; they must stay true when the data are regenerated.


def test_facebook_rate_by_followers_is_about_seven_times_lower_than_by_reach():
    posts = load("posts").query("network == 'facebook'")
    engagements = posts["likes"] + posts["comments"] + posts["shares"]
    ratio = (engagements.sum() / posts["reach"].sum()) / (
        engagements.sum() / posts["followers"].sum()
    )
    assert 6 <= ratio <= 8.5, ratio


def test_impressions_are_about_one_point_eight_times_reach():
    posts = load("posts")
    assert 1.6 <= posts["impressions"].sum() / posts["reach"].sum() <= 2.0


def test_diaspora_audiences_cost_four_to_six_times_dakar_per_thousand_impressions():
    ads = load("ad_campaigns")
    totals = ads.groupby(ads["ad_set"].astype(str).str.split("_").str[0])[
        ["spend_xof", "impressions"]
    ].sum()
    cpm = totals["spend_xof"] / totals["impressions"] * 1000
    assert 3.5 <= cpm["diaspora"] / cpm["dakar"] <= 6.5, cpm
