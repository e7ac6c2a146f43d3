"""Every learner-facing sentence of the monitoring helpers, in one place (for a French edition).

Grading never depends on these words. Placeholders are filled with ``str.format``.
"""

from __future__ import annotations

EN = {
    "not_timestamps": (
        "{name}: {what} are not dates; pass a column of dates or timestamps such as "
        'mentions["published_at"]'
    ),
}

MESSAGES = EN


def say(message_id: str, /, **values: object) -> str:
    """The learner-facing sentence ``message_id`` with its placeholders filled in."""
    return MESSAGES[message_id].format(**values)
