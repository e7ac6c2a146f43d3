"""Answers cross as plain data and come back as what they held: times keep their zone (or
their lack of one), a column still holding the placeholder stays a placeholder, and a figure
keeps what its checks read, the values it draws included."""

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from cmkit.checks.exported import FigureSummary, Unsupported  # noqa: E402
from cmkit.grading.plain import from_plain, to_plain  # noqa: E402


def crossed(value):
    return from_plain(json.loads(json.dumps(to_plain(value))))


def test_times_keep_their_zone_or_their_lack_of_one():
    dakar = pd.Timestamp("2026-03-14 13:00", tz="Africa/Dakar")
    assert crossed(dakar) == dakar and str(crossed(dakar).tz) == "Africa/Dakar"
    assert crossed(pd.Timestamp("2026-03-14 13:00")).tz is None
    for zone in (None, "Europe/Paris"):
        column = pd.Series(pd.date_range("2026-01-01", periods=3, freq="h", tz=zone))
        assert crossed(column).equals(column), zone


def test_a_forged_zone_reads_as_utc():
    data = to_plain(pd.Series(pd.date_range("2026-01-01", periods=2, freq="h", tz="UTC")))
    data["dtype"] = "datetime64[ns, Not/AZone]"
    assert str(from_plain(data).dt.tz) == "UTC"


def test_a_column_of_placeholders_stays_placeholders():
    table = pd.DataFrame({"segment": [..., ...]})
    assert crossed(table)["segment"].tolist() == [..., ...]
    odd = crossed(pd.DataFrame({"x": [object()]}))["x"][0]
    assert odd == Unsupported("object")


def test_a_figure_keeps_its_titles_labels_and_the_values_it_draws():
    fig, (left, right) = plt.subplots(1, 2)
    left.plot([1, 2, 3], [4.0, float("nan"), 6.0])
    left.set_title("Reach", loc="left")
    right.bar(["a", "b"], [10, 20])
    right.set_ylabel("orders (count)")
    fig.suptitle("KPIs")
    summary = crossed(fig)
    plt.close(fig)
    assert isinstance(summary, FigureSummary) and summary.suptitle == "KPIs"
    first, second = summary.panels
    assert first.titles == "Reach" and first.series[0][0] == 4.0 and first.series[0][2] == 6.0
    assert second.ylabel == "orders (count)" and second.series == ((10.0, 20.0),)
