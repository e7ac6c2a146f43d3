"""Expected failures of the monitoring helpers, each a one-line message a learner can act on."""

from __future__ import annotations

from cmkit.errors import KitError


class MonitoringError(KitError):
    """A value the monitoring helpers cannot use."""
