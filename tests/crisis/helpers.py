"""Small helpers shared by the crisis tests: runs with decisions at given times."""

from __future__ import annotations

import pandas as pd

from cmkit.crisis import escalate, hold, pause_posts, respond
from cmkit.crisis.engine import Simulation


def run(scenario, seed=1, plan=None, until_hours=None):
    """A Simulation with ``plan`` = {minutes after the onset: [decisions]} applied on time."""
    sim = Simulation(scenario, seed)
    pending = dict(sorted((plan or {}).items()))
    while not sim.finished:
        if pending and sim.time >= sim.onset:
            due = [m for m in pending if sim.minutes_since_onset() >= m]
            for minutes in due:
                sim.apply(pending.pop(minutes))
        if until_hours is not None and sim.time >= sim.onset + pd.Timedelta(hours=until_hours):
            break
        sim.advance()
    return sim


def state_at(sim, hours_after_onset):
    """The trajectory row closest to (and not after) onset + hours."""
    trajectory = sim.trajectory()
    when = sim.onset + pd.Timedelta(hours=hours_after_onset)
    return trajectory[trajectory.index <= when].iloc[-1]


def window(sim, start_hours, end_hours):
    trajectory = sim.trajectory()
    lo = sim.onset + pd.Timedelta(hours=start_hours)
    hi = sim.onset + pd.Timedelta(hours=end_hours)
    return trajectory[(trajectory.index > lo) & (trajectory.index <= hi)]


def net(rows):
    return (rows["positive"].sum() - rows["negative"].sum()) / rows["volume"].sum()


def good_playbook(situation):
    """A sound playbook for either scenario: hold fast, escalate, pause, then rebuild."""
    if not situation.injects:
        return []
    where = situation.injects[0].network  # answer where the crisis started
    decisions = []
    if not situation.has_done("hold"):
        decisions += [
            hold(channel=where, next_update_minutes=120),
            escalate("management"),
            escalate("quality"),
            escalate("partnerships"),
            pause_posts(),
        ]
    elif not situation.has_done("respond") and situation.minutes_since("hold") >= 45:
        decisions.append(respond("rebuild", channel=where, tone="empathetic"))
    return decisions


def silent_playbook(situation):
    return []
