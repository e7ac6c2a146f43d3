"""The dashboard check against a good dashboard, plausible faulty ones and an empty figure."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from cmkit.checks import CheckFailed, NotAttempted  # noqa: E402
from cmkit.kpi import check_dashboard  # noqa: E402

KPIS = ["reach", "engagement rate", "orders", "revenue"]
MONTHS = [f"m{k}" for k in range(12)]
VALUES = {
    "reach": np.linspace(400_000, 900_000, 12),
    "engagement rate": np.linspace(0.03, 0.06, 12),
    "orders": np.arange(30, 42),
    "revenue": np.linspace(600_000, 1_300_000, 12),
}


def build(
    titles=("Reach per month", "Engagement rate by reach", "Orders and sessions", "Revenue"),
    ylabels=("reach (accounts)", "engagement rate (%)", "count (orders)", "revenue (XOF)"),
    suptitle="Keur Thé · monthly KPIs",
    rate_scale=100,
    horizontal=False,
):
    fig, axes = plt.subplots(2, 2)
    data = [
        VALUES["reach"],
        VALUES["engagement rate"] * rate_scale,
        VALUES["orders"],
        VALUES["revenue"] / 1000,
    ]
    for ax, title, ylabel, values in zip(axes.flat, titles, ylabels, data, strict=True):
        if title.startswith("Orders"):
            ax.plot(MONTHS, np.arange(500, 512), label="sessions")
            ax.plot(MONTHS, values, label="orders")
        elif horizontal:
            ax.barh(MONTHS, values)
        else:
            ax.bar(MONTHS, values)
        ax.set_title(title)
        ax.set_xlabel("month")
        ax.set_ylabel(ylabel)
    if suptitle:
        fig.suptitle(suptitle)
    return fig


def run(fig, values=None):
    globals()["dashboard"] = fig
    try:
        return check_dashboard("dashboard", kpis=KPIS, values=values)
    finally:
        plt.close(fig)


def fails(fig, *words, values=None):
    with pytest.raises(CheckFailed) as error:
        run(fig, values)
    assert not isinstance(error.value, NotAttempted)
    for word in words:
        assert word in str(error.value), str(error.value)


def test_a_good_dashboard_passes_with_its_values():
    assert run(build(), values=VALUES).passed


def test_rates_in_percent_money_in_thousands_and_horizontal_bars_are_accepted():
    assert run(build(rate_scale=1, horizontal=True), values=VALUES).passed


def test_the_longest_kpi_in_a_title_decides_the_panel():
    # "Engagement rate by reach" names reach too, but it is the engagement-rate panel.
    assert run(build()).passed


def test_a_page_without_an_overall_title_fails():
    fails(build(suptitle=None), "suptitle")


def test_a_panel_whose_title_names_no_kpi_fails():
    fails(build(titles=("Reach", "Engagement rate", "Sessions", "Revenue")), "'Sessions'")


def test_a_kpi_on_two_panels_fails():
    fails(build(titles=("Reach", "Engagement rate", "Orders", "Orders again")), "'orders'")


def test_a_y_label_without_unit_fails():
    labels = ("reach (accounts)", "engagement rate (%)", "orders", "revenue (XOF)")
    fails(build(ylabels=labels), "without a unit", "'orders'")


def test_a_panel_showing_other_values_fails():
    wrong = dict(VALUES, revenue=np.linspace(1, 2, 12))
    fails(build(), "monthly revenue", values=wrong)


def test_not_a_figure_and_an_empty_figure():
    with pytest.raises(CheckFailed) as error:
        run(None)
    assert "None" in str(error.value)
    fig, _ = plt.subplots(2, 2)
    with pytest.raises(NotAttempted):
        run(fig)


def test_the_exported_summary_is_judged_as_the_live_figure():
    """Trusted grading judges the figure's plain-data summary, outside the learner's kernel."""
    import json

    from cmkit.checks.core import EXPORTABLE, recording
    from cmkit.grading.plain import from_plain, to_plain
    from cmkit.kpi.dashboard import KIND

    assert KIND in EXPORTABLE
    wrong = dict(VALUES, revenue=np.linspace(1, 2, 12))
    cases = [(build(), VALUES), (build(rate_scale=1, horizontal=True), VALUES), (build(), wrong)]
    cases += [(build(suptitle=None), None), (plt.subplots(2, 2)[0], None)]
    for fig, values in cases:
        with recording() as session:
            check_dashboard("dashboard", kpis=KPIS, values=values)
        check = session.checks[0]
        summary = from_plain(json.loads(json.dumps(to_plain(fig))))
        assert check.evaluate(summary) == check.evaluate(fig)
        plt.close(fig)
