"""Expected failures of the crisis simulator, each a one-line message a learner can act on."""

from __future__ import annotations

from cmkit.errors import KitError


class CrisisError(KitError):
    """A problem with a crisis exercise (a scenario file, a seed, a playbook)."""


class ScenarioError(CrisisError):
    """A scenario file that cannot be used: its message names the file, the field and the fix."""


class PlaybookError(CrisisError):
    """A learner's playbook (or a decision it returned) that the simulator cannot run.

    The message says when it happened (the simulated clock), what was wrong and how to fix it,
    in words a non-programmer understands; it never shows a traceback from inside the engine.
    """


class PlaybookNotAttempted(PlaybookError):
    """The playbook is still the placeholder ``...``."""
