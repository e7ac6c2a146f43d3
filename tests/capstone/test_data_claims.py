"""What the capstone's lesson, solution and rubric say about the data stays true when the data
are regenerated: the numbers they state are recomputed here, the model summaries pass the
summary check against the data, and the summary's data check is judged outside the learner's
kernel."""

import re
from pathlib import Path

import pandas as pd
import pytest

from cmkit import notebooks
from cmkit.capstone import KPI_NAMES, claims, report_figures, summary_problems
from cmkit.data import case, load

ROOT = Path(__file__).resolve().parents[2]
SOLUTION = ROOT / "solutions" / "09-capstone" / "09-capstone.ipynb"
LESSON = ROOT / "course" / "09-capstone.ipynb"


@pytest.fixture(scope="module")
def tables():
    sessions = load("web_sessions")
    competitors = load("competitors")
    return {
        "posts": load("posts"),
        "sessions": sessions,
        "orders": load("orders").merge(
            sessions[["session_id", "utm_medium", "utm_source"]], on="session_id"
        ),
        "ads": load("ad_campaigns"),
        "inbox": load("inbox"),
        "benchmark": competitors[
            (competitors["week"] > competitors["week"].min())
            & (competitors["week"] < competitors["week"].max())
        ],
    }


def period_rows(frame, column, period):
    months = [period] if isinstance(period, str) else list(period)
    return frame[frame[column].dt.strftime("%Y-%m").isin(months)]


def figures(t, period):
    """The report's figures, as the course defines them (an independent implementation)."""
    p = period_rows(t["posts"], "published_at", period)
    s = period_rows(t["sessions"], "started_at", period)
    o = period_rows(t["orders"], "ordered_at", period)
    a = period_rows(t["ads"], "date", period)
    c = period_rows(t["inbox"], "received_at", period).query("category == 'complaint'")
    person = c["reply_minutes"].notna() & (c["handled_by"] != "auto_reply")
    w = (
        period_rows(t["benchmark"], "week", period)
        .groupby("brand", observed=True)
        .sum(numeric_only=True)
    )
    social, paid = o[o["utm_medium"] == "social"], o[o["utm_medium"] == "paid_social"]
    spend = a["spend_xof"].sum()
    return {
        "posts": len(p),
        "reach": p["reach"].sum(),
        "median_engagement_rate": (
            (p["likes"] + p["comments"] + p["shares"]) / p["reach"]
        ).median(),
        "social_sessions": (s["utm_medium"] == "social").sum(),
        "social_orders": len(social),
        "social_revenue": social["amount_xof"].sum(),
        "ad_spend": spend,
        "paid_revenue": paid["amount_xof"].sum(),
        "roas": paid["amount_xof"].sum() / spend if spend else float("nan"),
        "complaints": len(c),
        "complaint_reply_median": c.loc[person, "reply_minutes"].astype(float).median(),
        "complaint_response_rate": person.mean(),
        "share_of_voice": w.loc["Keur Thé", "mentions"] / w["mentions"].sum(),
        "net_sentiment": (
            w.loc["Keur Thé", "positive_mentions"] - w.loc["Keur Thé", "negative_mentions"]
        )
        / w.loc["Keur Thé", "mentions"]
        * 100,
    }


def growth(t, period):
    rows = period_rows(t["posts"], "published_at", period).sort_values("published_at")
    counts = rows.groupby("network", observed=True)["followers"].agg(["first", "last"])
    return (counts["last"] - counts["first"]) / counts["first"]


def report_of(t, months):
    table = pd.DataFrame([figures(t, m) for m in months], index=months)
    grown = pd.DataFrame([growth(t, m) for m in months], index=months)
    grown.columns = [str(c) for c in grown.columns]
    return table[list(KPI_NAMES)], grown


def text_of(path: Path, marker: str, name: str) -> str:
    """The text a notebook cell assigns to `name` (the cell holding `marker`)."""
    cell = next(c for c in notebooks.read(path).cells if marker in c.source)
    source = notebooks.without_markers(cell.source)
    start = re.search(rf'^{name} = """', source, re.M).start()  # not a commented example
    end = source.index('"""', start + len(name) + 6) + 3
    namespace: dict = {}
    exec(source[start:end], namespace)
    return namespace[name]


def test_the_model_summary_of_september_matches_the_data(tables):
    report, grown = report_of(tables, ["2025-09", "2026-08", "2026-09"])
    summary = text_of(SOLUTION, "### BEGIN SOLUTION\nsummary", "summary")
    assert len(claims(summary)) >= 10
    assert summary_problems(summary, report, month="2026-09", growth=grown) == []
    # and the data check of the assignment, which does not reveal values, agrees
    assert summary_problems(summary, report_figures(report, grown), reveal=False) == []


def test_the_lesson_summaries_of_june_match_the_data(tables):
    report, _ = report_of(tables, ["2025-06", "2026-05", "2026-06"])
    for name in ("summary", "resume"):
        text = text_of(LESSON, f'{name} = """', name)
        assert len(claims(text)) >= 8, name
        assert summary_problems(text, report, month="2026-06") == [], name


def test_what_the_september_story_says(tables):
    report, _ = report_of(tables, ["2025-09", "2026-08", "2026-09"])
    september, august = report.loc["2026-09"], report.loc["2026-08"]
    # "more people than ever saw Keur Thé, but organic social sold almost nothing"
    assert september["reach"] > 1.2 * august["reach"]
    assert september["social_orders"] <= 2 < august["social_orders"]
    assert september["median_engagement_rate"] < august["median_engagement_rate"]
    assert september["roas"] < 1 and september["complaint_reply_median"] > 2 * 60
    posts = period_rows(tables["posts"], "published_at", "2026-09")
    tiktok = posts.loc[posts["network"] == "tiktok", "reach"].sum() / posts["reach"].sum()
    assert tiktok > 0.6  # "TikTok reels carried the reach"
    top = posts.nlargest(7, "reach")
    assert (top["network"] == "tiktok").all() and (top["format"] == "reel").all()
    ads = period_rows(tables["ads"], "date", "2026-09")
    assert set(ads["campaign"].astype(str)) == {"tiktok_attaya_2026"}
    assert ads["revenue_xof"].sum() / ads["spend_xof"].sum() > 2  # the network's own count
    orders = period_rows(tables["orders"], "ordered_at", "2026-09")
    whatsapp = orders[orders["utm_medium"] == "messaging"]
    assert len(whatsapp) > september["social_orders"]  # "WhatsApp broadcasts sold"


def test_what_the_june_lesson_says(tables):
    months = [m for m in pd.period_range("2024-10", "2026-06", freq="M").astype(str)]
    monthly = pd.DataFrame([figures(tables, m) for m in months], index=months)
    june, may = monthly.loc["2026-06"], monthly.loc["2026-05"]
    assert june["net_sentiment"] < 0 < may["net_sentiment"]
    assert june["share_of_voice"] > may["share_of_voice"] + 0.2
    assert june["complaint_reply_median"] > 3 * may["complaint_reply_median"]
    assert june["social_sessions"] == may["social_sessions"]  # "as in May"
    # Tabaski moved from June (2025) to May (2026)
    assert case.EVENTS["Tabaski 2025"].month == 6 and case.EVENTS["Tabaski 2026"].month == 5
    # section 4: about ten orders a month; June inside the usual range
    usual = monthly["social_orders"].median()
    assert usual == pytest.approx(10, abs=1)
    assert usual - 2 * usual**0.5 <= june["social_orders"] <= usual + 2 * usual**0.5
    # section 5: net sentiment's collapse has one precedent in the year, November 2025
    year = monthly.loc["2025-06":"2026-06"]
    assert list(year.index[year["net_sentiment"] < 0]) == ["2025-11", "2026-06"]
    ranks = year.rank(ascending=False, method="min").loc["2026-06"]
    assert ranks["reach"] == 2 and year["reach"].idxmax() == "2026-05"  # "second only to May"
    assert ranks["social_sessions"] <= 4 and ranks["social_revenue"] >= 11
    # section 7: the quarter's median reply is below the mean of the monthly medians
    q2 = figures(tables, ["2026-04", "2026-05", "2026-06"])
    assert (
        q2["complaint_reply_median"]
        < monthly.loc["2026-04":"2026-06", "complaint_reply_median"].mean()
    )
    q1 = figures(tables, ["2026-01", "2026-02", "2026-03"])
    assert q2["social_revenue"] < q1["social_revenue"] * 1.2  # missed
    assert q2["social_sessions"] >= round(q1["social_sessions"] * 1.1)  # met
    assert q2["share_of_voice"] >= 0.30 > q1["share_of_voice"]  # met, for the worst reason


def test_the_summary_data_check_is_judged_outside_the_learners_kernel():
    from cmkit.grading import trusted

    plan = trusted.plan_notebook(notebooks.read(SOLUTION))
    assert "q3_1_summary_matches_data" in plan.checks
    for cell in ("q1_1_content_values", "q2_1_kpi_changes_values", "q2_3_dashboard_structure"):
        assert cell in plan.checks
    # validators read the learner's answers: these are replayed on the exported answers
    for cell in ("q2_2_headline_rules", "q3_1_summary_matches_your_report", "q4_2_budget_rules"):
        assert cell in plan.replays
    data_check = plan.checks["q3_1_summary_matches_data"][-1]
    summary = text_of(SOLUTION, "### BEGIN SOLUTION\nsummary", "summary")
    assert data_check.evaluate(summary).passed
    wrong = data_check.evaluate(summary.replace("765,516", "756,516"))
    assert not wrong.passed and '"756,516"' in wrong.message and "765,516" not in wrong.message
