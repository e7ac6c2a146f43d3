"""Answers as plain data: what a figure or a function looks like once exported from the
learner's kernel, so checks can judge it in another process (see cmkit.grading.trusted)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PanelSummary:
    title: str
    xlabel: str
    ylabel: str
    has_data: bool
    titles: str = ""  # its left, centre and right titles as one text
    series: tuple[tuple[float, ...], ...] = ()  # every sequence of values it draws


@dataclass(frozen=True)
class FigureSummary:
    """What the figure checks look at: panels (colour bars excluded) and titles."""

    panels: tuple[PanelSummary, ...]
    suptitle: str = ""


def summarise_figure(figure) -> FigureSummary:
    from .evaluators import chart_panels

    panels = tuple(
        PanelSummary(
            ax.get_title(),
            ax.get_xlabel(),
            ax.get_ylabel(),
            bool(ax.has_data()),
            panel_title(ax),
            tuple(tuple(float(v) for v in values.ravel()) for values in drawn_series(ax)),
        )
        for ax in chart_panels(figure)
    )
    suptitle = figure._suptitle.get_text() if getattr(figure, "_suptitle", None) else ""
    return FigureSummary(panels, suptitle)


def panel_title(ax) -> str:
    """All of a panel's titles (left, centre, right) as one text."""
    return " ".join(t for t in (ax.get_title(loc) for loc in ("left", "center", "right")) if t)


def drawn_series(ax) -> list:
    """Every sequence of numbers a panel draws: lines, bars (heights or widths), points."""
    from matplotlib.container import BarContainer

    found = [line.get_ydata() for line in ax.lines]
    for container in ax.containers:
        if isinstance(container, BarContainer):
            horizontal = getattr(container, "orientation", "vertical") == "horizontal"
            found.append(
                [p.get_width() if horizontal else p.get_height() for p in container.patches]
            )
    for collection in ax.collections:
        offsets = _numbers(collection.get_offsets())
        if offsets is not None and offsets.ndim == 2 and offsets.shape[1] == 2 and len(offsets):
            found.append(offsets[:, 1])
    return [values for values in map(_numbers, found) if values is not None]


def _numbers(values):
    """``values`` as an array of floats, or ``None`` when they are not numbers (dates, text)."""
    import numpy as np

    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Raised:
    """A function call that raised instead of returning."""

    error: str
    detail: str


@dataclass(frozen=True)
class FunctionResults:
    """What a learner's function returned for each case of a check, in order."""

    results: tuple[Any, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Bridged:
    """A learner's function that answers from the kernel while its test is judged
    (``cmkit.grading.bridge``)."""


@dataclass(frozen=True)
class Unsupported:
    """An exported value the checks cannot read; ``type_name`` says what it was."""

    type_name: str
