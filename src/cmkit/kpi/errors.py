"""Expected failures of the KPI formulas and helpers, each a one-line message a learner can act
on ("<what>: <problem>; <fix>")."""

from __future__ import annotations

from cmkit.errors import KitError


class KpiError(KitError):
    """A KPI cannot be computed from the values given (wrong type, missing column...)."""


class ZeroDenominator(KpiError, ZeroDivisionError):
    """A rate or a cost per unit whose denominator is zero (no impressions, no clicks...).

    Also a ``ZeroDivisionError``, so code that already guards against division by zero keeps
    working; the message names the KPI, its denominator and how many values are zero.
    """
