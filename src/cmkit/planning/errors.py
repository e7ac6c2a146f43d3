"""Expected failures of the planning helpers, each a one-line message a learner can act on
("<what>: <problem>; <fix>").

The calendar validator itself never raises for a bad plan: it returns the plan's problems so a
learner can fix them one by one. These errors are for helpers called with unusable arguments.
"""

from __future__ import annotations

from cmkit.errors import KitError


class PlanningError(KitError):
    """A planning helper was called with something it cannot use (a month, a weekly slot…)."""


class LinkError(PlanningError):
    """A UTM link that cannot be built or read: its message names the part to fix."""
