"""The decisions a community manager can take in the war room, and how they are checked.

A playbook returns a list of decisions. Build them with the helpers (``respond("rebuild",
channel="facebook")``, ``hold(...)``, ``escalate("quality")`` …) or write them as dictionaries
(``{"action": "respond", "strategy": "rebuild", "channel": "facebook"}``). ``validate`` turns
either into a checked ``Decision`` or raises ``PlaybookError`` with a sentence that says which
decision, at what time, what is wrong and which values are allowed.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, fields

from . import effects
from .errors import PlaybookError
from .messages import say
from .scenarios import BRAND_CHANNELS, TEAMS

CHANNELS = (*BRAND_CHANNELS, "all")

# action -> the settings it takes (in the order a learner writes them)
ACTIONS = {
    "respond": ("strategy", "channel", "tone", "statement"),
    "hold": ("channel", "tone", "next_update_minutes", "statement"),
    "escalate": ("team",),
    "pause_posts": (),
    "resume_posts": (),
    "delete_comments": (),
    "compensate": ("offer",),
}
REQUIRED = {"respond": ("strategy", "channel"), "hold": ("channel",), "escalate": ("team",)}
DEFAULTS = {"tone": "empathetic", "next_update_minutes": 60, "statement": "", "offer": ""}
PUBLIC = ("respond", "hold")  # actions that publish a statement

CHOICES = {
    "strategy": effects.STRATEGIES,
    "channel": CHANNELS,
    "tone": effects.TONES,
    "team": TEAMS,
}


@dataclass(frozen=True)
class Decision:
    """One decision. Only the settings of its action are filled in."""

    _plain_data = True  # crosses to a learner's kernel as plain data when graded

    action: str
    strategy: str | None = None
    channel: str | None = None
    tone: str | None = None
    team: str | None = None
    next_update_minutes: int | None = None
    statement: str = ""
    offer: str = ""

    @property
    def is_public(self) -> bool:
        return self.action in PUBLIC

    def settings(self) -> dict:
        return {name: getattr(self, name) for name in ACTIONS[self.action]}

    def describe(self) -> str:
        """A short plain-words label, e.g. "respond: rebuild on facebook (empathetic tone)"."""
        return say(f"describe_{self.action}", **{k: v for k, v in self.settings().items()})


# --- helpers a playbook uses --------------------------------------------------------------


def respond(strategy, channel, tone="empathetic", statement="") -> Decision:
    """Publish a response using an SCCT strategy (deny, diminish, rebuild, bolster)."""
    return Decision("respond", strategy=strategy, channel=channel, tone=tone, statement=statement)


def hold(channel, next_update_minutes=60, tone="empathetic", statement="") -> Decision:
    """Publish a holding statement: we know, we are checking, next update at a given time."""
    return Decision(
        "hold",
        channel=channel,
        tone=tone,
        next_update_minutes=next_update_minutes,
        statement=statement,
    )


def escalate(team) -> Decision:
    """Alert a team inside the company (management, quality, legal, customer_care, partnerships)."""
    return Decision("escalate", team=team)


def pause_posts() -> Decision:
    """Stop the scheduled posts of the editorial calendar from going out."""
    return Decision("pause_posts")


def resume_posts() -> Decision:
    """Let the scheduled posts go out again."""
    return Decision("resume_posts")


def delete_comments() -> Decision:
    """Delete critical comments on the brand's pages (see the Streisand effect)."""
    return Decision("delete_comments")


def compensate(offer="") -> Decision:
    """Offer a refund, a replacement or a gesture to the people affected."""
    return Decision("compensate", offer=offer)


# --- checking what a playbook returned ----------------------------------------------------

_SETTING_NAMES = tuple(f.name for f in fields(Decision) if f.name != "action")


def validate(raw, number: int, clock: str) -> Decision:
    """``raw`` (a Decision or a dict) as a checked Decision; ``PlaybookError`` otherwise.

    ``number`` is the decision's position in the returned list (from 1), ``clock`` the
    simulated time, both used in the message."""
    where = say("where_decision", number=number, clock=clock)
    if isinstance(raw, Decision):
        action = raw.action
        values = {name: getattr(raw, name) for name in _SETTING_NAMES}
        values = {key: value for key, value in values.items() if value not in (None, "")}
        given = set(values)
    elif isinstance(raw, dict):
        if "action" not in raw:
            raise PlaybookError(where + say("dict_without_action", actions=_list(ACTIONS)))
        action = raw["action"]
        values = {k: v for k, v in raw.items() if k != "action"}
        given = set(values)
    else:
        raise PlaybookError(where + say("not_a_decision", what=_kind(raw)))
    action = _word(action, where, "action")
    if action not in ACTIONS:
        raise PlaybookError(where + say("unknown_action", value=action, actions=_list(ACTIONS)))
    allowed = ACTIONS[action]
    for key in sorted(given, key=str):
        if key not in allowed:
            settings = _list(allowed) if allowed else say("no_settings")
            raise PlaybookError(
                where + say("unknown_setting", key=key, action=action, settings=settings)
            )
    for key in REQUIRED.get(action, ()):
        if values.get(key) in (None, ""):
            raise PlaybookError(
                where
                + say(
                    "missing_setting",
                    action=action,
                    key=key,
                    example=CHOICES[key][0],
                    choices=_list(CHOICES[key]),
                )
            )
    checked = {}
    for key in allowed:
        value = values.get(key, DEFAULTS.get(key))
        if value is None:
            value = DEFAULTS.get(key)
        if key in CHOICES:
            value = _word(value, where, key)
            if value not in CHOICES[key]:
                raise PlaybookError(
                    where
                    + say(
                        f"bad_{key}",
                        value=value,
                        choices=_list(CHOICES[key]),
                    )
                )
        elif key == "next_update_minutes":
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise PlaybookError(where + say("bad_next_update_type", what=_kind(value)))
            low, high = effects.NEXT_UPDATE_MIN_MINUTES, effects.NEXT_UPDATE_MAX_MINUTES
            if not low <= value <= high:
                raise PlaybookError(
                    where + say("bad_next_update_range", value=value, low=low, high=high)
                )
            value = int(value)
        elif key in ("statement", "offer"):
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise PlaybookError(where + say("bad_text", key=key, what=_kind(value)))
        checked[key] = value
    return Decision(action, **checked)


def validate_all(returned, clock: str) -> list[Decision]:
    """The list a playbook returned, every decision checked."""
    if returned is Ellipsis:
        raise PlaybookError(say("returned_placeholder", clock=clock))
    if returned is None:
        raise PlaybookError(say("returned_none", clock=clock))
    if isinstance(returned, (Decision, dict)):
        raise PlaybookError(say("returned_single", clock=clock))
    if not isinstance(returned, (list, tuple)):
        raise PlaybookError(say("returned_wrong_type", clock=clock, what=_kind(returned)))
    return [validate(raw, number, clock) for number, raw in enumerate(returned, start=1)]


def _word(value, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise PlaybookError(where + say("not_a_word", key=key, what=_kind(value)))
    return " ".join(value.strip().lower().split()).replace(" ", "_")


def _list(values) -> str:
    return ", ".join(values)


def _kind(value) -> str:
    """Plain words for what a value is, e.g. "a number (42)" or "a text ('respond')"."""
    if value is None:
        return say("kind_none")
    if value is Ellipsis:
        return say("kind_placeholder")
    if isinstance(value, bool):
        return say("kind_bool", value=value)
    if isinstance(value, numbers.Number):
        return say("kind_number", value=value)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return say("kind_text", value=text)
    if isinstance(value, (list, tuple)):
        return say("kind_list", n=len(value))
    if isinstance(value, dict):
        return say("kind_dict")
    return say("kind_other", name=type(value).__name__)
