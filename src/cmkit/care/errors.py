"""Expected failures of the customer-care helpers, each a one-line message a learner can act on."""

from __future__ import annotations

from cmkit.errors import KitError


class CareError(KitError):
    """A value the customer-care helpers cannot use (timestamps, an opening-hours table)."""
