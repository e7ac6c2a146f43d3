"""Generate every course dataset: CSV files, data cards and the index, deterministic per seed.

``generate_all(out_dir, seed, scale)`` writes ``<table>.csv`` and ``<table>.md`` for each table
and ``README.md``. The same seed gives the same bytes; ``scale`` multiplies the size of the
tables marked as scaled in their specs (posts, audience, inbox, sessions and orders) for
stress exercises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from cmkit.errors import KitError

from ..cards import render_card, render_index
from ..case import DEFAULT_SEED
from ..specs import TABLES
from ..writer import write_table, write_text
from . import abtest, ads, audience, competitors, inbox, influencers, mentions, posts, web


class _Build:
    """Builds tables on demand, each once, in dependency order."""

    def __init__(self, seed: int, scale: float):
        self.seed = seed
        self.scale = scale
        self.frames: dict[str, pd.DataFrame] = {}
        self.extra: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.frames:
            BUILDERS[name](self)
        return self.frames[name]

    # One method per generator module; some produce two tables or a hidden by-product.
    def posts(self) -> None:
        self.frames["posts"] = posts.generate(self.seed, self.scale)

    def audience(self) -> None:
        people, history = audience.generate(self.seed, self.scale)
        self.frames["audience"] = people
        self.extra["order_history"] = history

    def inbox(self) -> None:
        self.frames["inbox"] = inbox.generate(self.seed, self["posts"], self.scale)

    def mentions(self) -> None:
        self.frames["mentions"] = mentions.generate(self.seed)

    def competitors(self) -> None:
        self.frames["competitors"] = competitors.generate(
            self.seed, self["posts"], self["mentions"]
        )

    def influencers(self) -> None:
        self.frames["influencers"] = influencers.generate(self.seed)

    def ad_campaigns(self) -> None:
        self.frames["ad_campaigns"] = ads.generate(self.seed)

    def web(self) -> None:
        people = self["audience"]  # builds the purchase histories too
        sessions, orders = web.generate(
            self.seed,
            self.extra["order_history"],
            people,
            self["ad_campaigns"],
            self["influencers"],
            self.scale,
        )
        self.frames["web_sessions"] = sessions
        self.frames["orders"] = orders

    def ab_test(self) -> None:
        self.frames["ab_test"] = abtest.generate(self.seed)


BUILDERS: dict[str, Callable[[_Build], None]] = {
    "posts": _Build.posts,
    "audience": _Build.audience,
    "inbox": _Build.inbox,
    "mentions": _Build.mentions,
    "competitors": _Build.competitors,
    "influencers": _Build.influencers,
    "ad_campaigns": _Build.ad_campaigns,
    "web_sessions": _Build.web,
    "orders": _Build.web,
    "ab_test": _Build.ab_test,
}


def build_frames(
    seed: int = DEFAULT_SEED, scale: float = 1.0, tables: Iterable[str] | None = None
) -> dict[str, pd.DataFrame]:
    """Generate tables in memory (all of them, or the named ones and what they depend on)."""
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise KitError(f"seed {seed!r}: not a non-negative integer; pass e.g. --seed 2026")
    if not (isinstance(scale, int | float) and 0.01 <= scale <= 1000):
        raise KitError(f"scale {scale!r}: out of range; use a factor between 0.01 and 1000")
    names = list(TABLES) if tables is None else list(tables)
    for name in names:
        if name not in TABLES:
            from ..loader import spec_for

            spec_for(name)  # raises UnknownTable with a suggestion
    build = _Build(seed, float(scale))
    return {name: build[name] for name in names}


def generate_all(
    out_dir: str | Path,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    tables: Iterable[str] | None = None,
) -> dict[str, Path]:
    """Write CSV files and data cards (and the index when every table is written).

    Returns the path of each CSV written, by table name.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = build_frames(seed, scale, tables)
    written = {}
    for name, frame in frames.items():
        spec = TABLES[name]
        written[name] = write_table(spec, frame, out)
        write_text(out / f"{name}.md", render_card(spec, frame, seed, scale))
    if tables is None:
        rows = {name: len(frame) for name, frame in frames.items()}
        write_text(out / "README.md", render_index(rows, seed, scale))
    return written
