"""Expected failures of the audience helpers, each a one-line message a learner can act on."""

from __future__ import annotations

from cmkit.errors import KitError


class AudienceError(KitError):
    """A table the audience helpers cannot summarise (not a table, no rows, missing columns)."""
