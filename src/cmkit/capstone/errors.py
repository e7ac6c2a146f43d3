"""Expected failures of the capstone helpers, each a one-line message a learner can act on
("<what>: <problem>; <fix>")."""

from __future__ import annotations

from cmkit.errors import KitError


class CapstoneError(KitError):
    """A capstone helper was given something it cannot read (a report that is not a table...)."""
