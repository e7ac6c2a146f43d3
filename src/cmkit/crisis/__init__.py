"""Crisis simulation for module 06: a seeded war-room exercise scored on outcomes.

Write a playbook, run it against a scenario, read the scores and the after-action review::

    from cmkit.crisis import run_playbook, hold, respond, escalate

    def playbook(situation):
        if situation.injects and not situation.has_done("hold"):
            return [hold(channel="x", next_update_minutes=60), escalate("management")]
        return []

    result = run_playbook(playbook, scenario="match_day", seed=1)
    result.outcomes_table()
    result.review().markdown()

``WarRoom("match_day", seed=1)`` is the same exercise as an ipywidgets dashboard.
The effects of every decision are explained in ``EFFECTS.md`` beside this file.
"""

from .decisions import (
    Decision,
    compensate,
    delete_comments,
    escalate,
    hold,
    pause_posts,
    respond,
    resume_posts,
)
from .effects import CLUSTERS, FITTING_STRATEGIES, STRATEGIES, TONES
from .engine import Post, Simulation, Situation, replay
from .errors import CrisisError, PlaybookError, PlaybookNotAttempted, ScenarioError
from .playbook import run_playbook
from .scenarios import BRAND_CHANNELS, TEAMS, Scenario, load_scenario, scenario_names
from .scoring import CrisisResult, Outcome

__all__ = [
    "BRAND_CHANNELS",
    "CLUSTERS",
    "FITTING_STRATEGIES",
    "STRATEGIES",
    "TEAMS",
    "TONES",
    "CrisisError",
    "CrisisResult",
    "Decision",
    "Outcome",
    "PlaybookError",
    "PlaybookNotAttempted",
    "Post",
    "Scenario",
    "ScenarioError",
    "Simulation",
    "Situation",
    "WarRoom",
    "compensate",
    "delete_comments",
    "escalate",
    "hold",
    "load_scenario",
    "pause_posts",
    "replay",
    "respond",
    "resume_posts",
    "run_playbook",
    "scenario_names",
]


def __getattr__(name):
    # The widget imports ipywidgets and matplotlib: only when it is asked for.
    if name == "WarRoom":
        from .war_room import WarRoom

        return WarRoom
    raise AttributeError(f"module 'cmkit.crisis' has no attribute {name!r}")
