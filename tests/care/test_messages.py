"""Learner-facing sentences live in one catalogue, and every one of them can be filled in."""

import re
import string
from pathlib import Path

from cmkit.care import messages

SOURCE = Path(messages.__file__).parent


def test_every_message_id_used_in_the_package_exists():
    used = set()
    for path in SOURCE.glob("*.py"):
        used |= set(re.findall(r'say\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used and used <= set(messages.MESSAGES)


def test_every_message_formats_with_its_placeholders():
    for key, text in messages.MESSAGES.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        values = {name: 0.5 for name in fields}
        assert messages.say(key, **values), key
