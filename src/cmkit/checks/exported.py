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


@dataclass(frozen=True)
class FigureSummary:
    """What the figure checks look at: panels (colour bars excluded) and titles."""

    panels: tuple[PanelSummary, ...]
    suptitle: str = ""


def summarise_figure(figure) -> FigureSummary:
    from .evaluators import chart_panels

    panels = tuple(
        PanelSummary(ax.get_title(), ax.get_xlabel(), ax.get_ylabel(), bool(ax.has_data()))
        for ax in chart_panels(figure)
    )
    suptitle = figure._suptitle.get_text() if getattr(figure, "_suptitle", None) else ""
    return FigureSummary(panels, suptitle)


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
class Unsupported:
    """An exported value the checks cannot read; ``type_name`` says what it was."""

    type_name: str
