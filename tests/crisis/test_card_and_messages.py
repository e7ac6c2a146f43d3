"""Every number has its row in the effects card, every sentence is in the catalogue, and the
library never prints."""

import re
from pathlib import Path

from cmkit.crisis import effects, scoring
from cmkit.crisis.decisions import ACTIONS, CHOICES
from cmkit.crisis.messages import MESSAGES

PACKAGE = Path(effects.__file__).parent
CARD = (PACKAGE / "EFFECTS.md").read_text(encoding="utf-8")


def test_every_effect_constant_is_explained_in_the_card():
    names = [name for name in vars(effects) if name.isupper()]
    assert len(names) > 30
    missing = [name for name in names if f"`{name}`" not in CARD]
    assert not missing, f"add a row to EFFECTS.md for {missing}"


def test_every_scoring_rule_is_explained_in_the_card():
    for name in ("RECOVERY_WINDOW_HOURS", "FOLLOWERS_TARGET_SHARE", "SALES_TARGET_SHARE"):
        assert f"`{name}`" in CARD
    for outcome, points in scoring.POINTS.items():
        assert re.search(rf"\| {outcome.replace('_', ' ')} \| {points} \|", CARD), outcome


def test_every_message_the_code_uses_is_in_the_catalogue():
    used = set()
    for path in PACKAGE.glob("*.py"):
        used |= set(re.findall(r"say\(\s*\"([a-z0-9_]+)\"", path.read_text(encoding="utf-8")))
    used |= {f"describe_{action}" for action in ACTIONS}
    used |= {f"bad_{key}" for key in CHOICES}
    used |= {f"outcome_{outcome}" for outcome in scoring.POINTS}
    used |= {f"default_statement_{action}" for action in ("respond", "hold")}
    kinds = ("inject", "decision", "scheduled_post", "held_post", "unanswered", "broken_promise")
    used |= {f"review_kind_{kind}" for kind in (*kinds, "media_article", "peak")}
    used |= {"review_effect_anger", "review_effect_heat"}
    missing = sorted(used - set(MESSAGES))
    assert not missing, missing


def test_the_library_never_prints():
    for path in PACKAGE.glob("*.py"):
        assert not re.search(r"^\s*print\(", path.read_text(encoding="utf-8"), re.M), path.name
