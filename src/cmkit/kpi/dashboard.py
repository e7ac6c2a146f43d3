"""A check for a monthly KPI dashboard: one panel per KPI, units on the axes, the right data.

``check.figure`` (cmkit.checks) sees panels, titles and axis labels. A dashboard for a manager
needs more, and this module adds it as a check of the same kind (registered with the check
helpers, so it reports, records and explains its outcome the same way):

- the page has an overall title (``fig.suptitle``);
- every panel's title names exactly one of the KPIs asked for, and every KPI has its panel;
- every panel's y-axis label carries a unit (in brackets, or a %);
- optionally, each KPI's panel draws the expected values (a line, bars or points), in order,
  as they are or × 100 (a rate shown in %) or ÷ 1,000 / ÷ 1,000,000 (thousands, millions).

In a test cell::

    check_dashboard("dashboard", kpis=["reach", "engagement rate", "orders", "revenue"])
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from cmkit import checks  # noqa: F401  (registers the generic evaluators)
from cmkit.checks.core import Check, Outcome, Wrong, describe_type, evaluator, lookup, run
from cmkit.checks.exported import FigureSummary, PanelSummary, summarise_figure
from cmkit.checks.messages import say

from .messages import DASHBOARD

KIND = "kpi_dashboard"
SCALES = (1.0, 100.0, 1e-3, 1e-6)
UNIT = re.compile(r"\([^()]*\w[^()]*\)|%")


def check_dashboard(
    name: str,
    *,
    kpis: list[str],
    values: dict[str, Any] | None = None,
    rtol: float = 1e-3,
    what: str | None = None,
    hint: str | None = None,
) -> Outcome:
    """Check the notebook's figure ``name`` as a KPI dashboard (see the module docstring).

    ``kpis`` are the words each panel title must contain (one KPI per panel); ``values`` maps
    some of them to the values their panel must draw, oldest first.
    """
    __tracebackhide__ = True  # learners see the check's message, not its frames
    what = what or (
        f"that `{name}` is a dashboard with one titled panel per KPI ("
        + ", ".join(kpis)
        + "), units on the y axes"
        + (" and the monthly values of each KPI" if values else "")
    )
    params = {"kpis": list(kpis), "rtol": rtol}
    if values:
        params["values"] = {
            k: [float(v) for v in np.asarray(vs, float)] for k, vs in values.items()
        }
    # depth 2: lookup <- check_dashboard <- the test cell that called it
    return run(Check(KIND, name, what, params, hint), lookup(name, depth=2))


def shows(panel: PanelSummary, expected: list[float], rtol: float) -> bool:
    """Whether the panel draws ``expected`` (in order), at one of the accepted scales."""
    wanted = np.asarray(expected, dtype=float)
    for drawn in panel.series:
        drawn = np.asarray(drawn, dtype=float)
        if drawn.shape != wanted.shape:
            continue
        for scale in SCALES:
            if np.allclose(drawn, wanted * scale, rtol=rtol, atol=0, equal_nan=True):
                return True
    return False


def _assign(panels: tuple[PanelSummary, ...], kpis: list[str]) -> dict[str, PanelSummary]:
    """KPI -> its panel; the longest KPI name a title holds wins ('engagement rate by reach'
    is the engagement-rate panel, not the reach panel)."""
    by_length = sorted(kpis, key=len, reverse=True)
    assigned: dict[str, PanelSummary] = {}
    for panel in panels:
        title = panel.titles
        kpi = next((k for k in by_length if k.lower() in title.lower()), None)
        if kpi is None:
            raise Wrong(
                DASHBOARD["panel_without_kpi"].format(
                    title=title or DASHBOARD["empty_title"], kpis=", ".join(map(repr, kpis))
                )
            )
        if kpi in assigned:
            raise Wrong(
                DASHBOARD["kpi_twice"].format(kpi=kpi, first=assigned[kpi].titles, second=title)
            )
        assigned[kpi] = panel
    missing = [k for k in kpis if k not in assigned]
    if missing:
        raise Wrong(DASHBOARD["kpi_missing"].format(kpis=", ".join(map(repr, missing))))
    return assigned


@evaluator(KIND, exportable=True)
def judge_dashboard(check: Check, answer: Any) -> None:
    from matplotlib.figure import Figure

    p = check.params
    if isinstance(answer, Figure):  # in the kernel; trusted grading exports the summary
        answer = summarise_figure(answer)
    if not isinstance(answer, FigureSummary):
        if answer is None:
            raise Wrong(say("none_value"))
        article, actual = describe_type(answer)
        raise Wrong(say("not_figure", article=article, actual=actual))
    if not any(panel.has_data for panel in answer.panels):
        raise Wrong(say("figure_nothing_drawn", name=check.name), not_attempted=True)
    if not answer.suptitle.strip():
        raise Wrong(DASHBOARD["no_suptitle"])
    assigned = _assign(answer.panels, p["kpis"])
    for kpi in p["kpis"]:
        panel = assigned[kpi]
        if not UNIT.search(panel.ylabel):
            raise Wrong(DASHBOARD["no_unit"].format(title=panel.titles, label=panel.ylabel))
    for kpi, expected in p.get("values", {}).items():
        panel = assigned[kpi]
        if not shows(panel, expected, p.get("rtol", 1e-3)):
            raise Wrong(DASHBOARD["wrong_values"].format(title=panel.titles, kpi=kpi))
