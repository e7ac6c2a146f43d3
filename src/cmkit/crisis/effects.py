"""Every number the crisis simulator uses, named, in one place.

Each constant is explained in ``EFFECTS.md`` beside this file (what it does, why it has this
direction and this rough size, and the reasoning or research behind it). The values are
*teaching values*: chosen so that each decision moves the crisis in the direction the
crisis-communication literature describes, with plausible relative sizes. They are not
estimates fitted to a study. A test checks that every constant here has a row in the card.

Units: time in minutes unless the name says hours; "heat" is the expected number of crisis
mentions per 15-minute step; "anger" is the share (0–1) of crisis mentions that are negative.
"""

from __future__ import annotations

# --- the clock ----------------------------------------------------------------------------
STEP_MINUTES = 15
GOLDEN_HOUR_MINUTES = 60
LATE_RESPONSE_MINUTES = 360
TIMELINESS_FLOOR = 0.4

# --- attention: how a story lives and dies (heat) ----------------------------------------
ATTENTION_HALF_LIFE_HOURS = 1.0
BRANCHING_CALM = 0.35
BRANCHING_ANGRY = 0.80
SPILLOVER_SHARE = 0.3
INJECT_OWN_NETWORK_SHARE = 0.6
DEFAULT_RAMP_MINUTES = 60

# --- anger --------------------------------------------------------------------------------
ANGER_ADJUST_RATE = 0.15
ANGER_CEILING = 0.95
SILENCE_ANGER_DRIFT = 0.01
DEFENDER_SHARE = 0.35

# --- the brand's usual chatter (baseline mentions) -----------------------------------------
BASELINE_NEGATIVE_SHARE = 0.08
BASELINE_POSITIVE_SHARE = 0.55

# --- responses (SCCT) ---------------------------------------------------------------------
STRATEGIES = ("deny", "diminish", "rebuild", "bolster")
CLUSTERS = ("victim", "accidental", "preventable")
# How well each response strategy fits each crisis cluster: 1 = the recommended strategy,
# 0 = no help, below 0 = backfires (Coombs 2007, SCCT guidelines; see EFFECTS.md).
STRATEGY_FIT = {
    "victim": {"deny": 0.6, "diminish": 0.7, "rebuild": 0.6, "bolster": 0.3},
    "accidental": {"deny": -0.5, "diminish": 0.7, "rebuild": 0.8, "bolster": 0.2},
    "preventable": {"deny": -0.8, "diminish": 0.1, "rebuild": 1.0, "bolster": 0.15},
}
# The strategies that count as "matched to the cluster" when a playbook is scored.
FITTING_STRATEGIES = {
    "victim": ("deny", "diminish"),
    "accidental": ("diminish", "rebuild"),
    "preventable": ("rebuild",),
}
RESPONSE_RELIEF = 0.5
RESPONSE_HEAT_CUT = 0.25
BACKFIRE_HEAT = 0.3
BACKFIRE_MIN_HEAT = 8.0
REPEAT_FACTOR = 0.5
INCONSISTENCY_ANGER = 0.05

TONES = ("empathetic", "factual", "humorous", "defensive")
TONE_FACTOR = {"empathetic": 1.0, "factual": 0.75, "humorous": -0.6, "defensive": -0.4}

OFF_CHANNEL_FACTOR = 0.4
ALL_CHANNELS_PARACRISIS_HEAT = 0.15

MISSING_ESCALATION_CREDIBILITY = 0.6

# --- holding statements -------------------------------------------------------------------
HOLD_RELIEF = 0.12
HOLD_HEAT_CUT = 0.12
BROKEN_PROMISE_ANGER = 0.08
NEXT_UPDATE_MIN_MINUTES = 15
NEXT_UPDATE_MAX_MINUTES = 1440

# --- deleting criticism (the Streisand effect) --------------------------------------------
DELETE_ANGER = 0.12
DELETE_HEAT = 0.5
DELETE_MIN_HEAT = 6.0
STREISAND_MEDIA_FACTOR = 3.0
STREISAND_HOURS = 12

# --- compensation -------------------------------------------------------------------------
COMPENSATION_RELIEF = 0.2
COMPENSATION_NO_VICTIM_FACTOR = 0.25

# --- media pickup -------------------------------------------------------------------------
MEDIA_PER_NEGATIVE = 0.0015
MEDIA_ARTICLE_HEAT = 4.0
MEDIA_ARTICLE_REACH = 15000

# --- consequences: followers and sales ----------------------------------------------------
REACH_SPREAD_SIGMA = 1.1
UNFOLLOWS_PER_1000_NEGATIVE_REACH = 0.6
MAX_SALES_DROP = 0.6
SALES_HALF_ATTENTION = 20.0
