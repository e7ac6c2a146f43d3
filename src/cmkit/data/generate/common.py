"""Helpers shared by the table generators: seeded randomness, calendar and rhythms."""

from __future__ import annotations

import random
import zlib

import numpy as np
import pandas as pd

from .. import case


def rng_for(seed: int, table: str) -> np.random.Generator:
    """A generator of its own per table, so changing one table never shifts another."""
    return np.random.default_rng([int(seed), zlib.crc32(table.encode())])


def text_rng(seed: int, table: str) -> random.Random:
    """Python's Random for text choices (much faster than numpy for one pick at a time)."""
    return random.Random(int(seed) * 1_000_003 + zlib.crc32(table.encode()))


def days() -> pd.DatetimeIndex:
    """Every local calendar day of the period, at midnight in Dakar."""
    return pd.date_range(case.PERIOD_START.normalize(), case.PERIOD_END.normalize(), freq="D")


def fraction_of_period(stamps) -> np.ndarray:
    """0 at the start of the period, 1 at its end."""
    stamps = pd.DatetimeIndex(stamps)
    span = (case.PERIOD_END - case.PERIOD_START).total_seconds()
    return np.asarray((stamps - case.PERIOD_START).total_seconds() / span, dtype=float)


def at_minutes(day_starts, minutes) -> pd.DatetimeIndex:
    """Timestamps `minutes` after each day's midnight, to the second, local time."""
    offsets = pd.to_timedelta(np.round(np.asarray(minutes, dtype=float) * 60), unit="s")
    return pd.DatetimeIndex(day_starts) + offsets


# Relative activity by weekday (Monday first): Friday midday prayer and Sunday family time
# are quieter for posting; engagement is higher at weekends.
POSTING_WEEKDAY = np.array([1.10, 1.15, 1.15, 1.10, 0.90, 0.85, 0.55])
ACTIVITY_WEEKDAY = np.array([0.95, 0.95, 1.00, 1.00, 0.90, 1.15, 1.20])

# Audience activity by hour of day in Dakar: morning commute, lunch, strong evening peak.
ACTIVITY_HOUR = np.array(
    [0.25, 0.15, 0.10, 0.08, 0.08, 0.15, 0.35, 0.65, 0.90, 0.95, 0.95, 1.00,
     1.20, 1.25, 1.05, 0.95, 0.95, 1.05, 1.25, 1.45, 1.65, 1.70, 1.40, 0.80]
)  # fmt: skip


def weekday_index(stamps) -> np.ndarray:
    return np.asarray(pd.DatetimeIndex(stamps).day_of_week)


def season_factor(stamps, width_days: float = 9.0, lift: float = 0.6) -> np.ndarray:
    """Above 1 in the days leading to the case's events (Korité, Tabaski, year-end...)."""
    stamps = pd.DatetimeIndex(stamps)
    day_numbers = np.asarray(
        (stamps.tz_localize(None).normalize() - pd.Timestamp("1970-01-01")).days
    )
    factor = np.ones(len(stamps))
    for date in case.EVENTS.values():
        event_day = (pd.Timestamp(date) - pd.Timestamp("1970-01-01")).days
        before = event_day - day_numbers  # the build-up matters, not the days after
        bump = np.where(
            (before >= -1) & (before <= 3 * width_days),
            np.exp(-0.5 * (before / width_days) ** 2),
            0.0,
        )
        factor += lift * bump
    return factor


def flip_labels(
    rng: np.random.Generator, labels: np.ndarray, choices: tuple[str, ...], share: float = 0.05
) -> np.ndarray:
    """Replace a share of labels by another label at random: documented label noise."""
    labels = np.asarray(labels, dtype=object).copy()
    flip = rng.random(len(labels)) < share
    for i in np.flatnonzero(flip):
        others = [c for c in choices if c != labels[i]]
        labels[i] = others[rng.integers(len(others))]
    return labels


def negative_binomial(rng: np.random.Generator, mean, dispersion: float) -> np.ndarray:
    """Counts with the given mean and shape k (variance mean + mean^2 / k)."""
    mean = np.asarray(mean, dtype=float)
    p = dispersion / (dispersion + np.maximum(mean, 1e-9))
    return rng.negative_binomial(dispersion, p)


def ids(prefix: str, count: int, width: int = 5) -> np.ndarray:
    width = max(width, len(str(count)))
    return np.array([f"{prefix}{i:0{width}d}" for i in range(1, count + 1)], dtype=object)
