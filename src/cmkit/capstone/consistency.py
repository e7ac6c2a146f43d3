"""Do the figures of a written summary match the report? A check a manager would make.

An executive summary quotes figures ("reach 765,516 accounts, +30 % on August"). This module
finds each figure written next to a KPI's name, reads it in English or French formats, and
checks that the report (or the data) has a value that rounds to it:

- numbers: ``12,345`` · ``12 345`` (spaces, also non-breaking) · ``12,345.6`` · ``12 345,6`` ·
  ``4.1`` · ``4,1`` · with a scale ``12.3k`` · ``1.2 M`` · ``1,2 million`` · ``412 mille``;
- a sign ``+12`` · ``-12`` · ``−12`` (an explicit sign must match; without one, a change is
  read in either direction: "fell 27 %");
- units ``%`` · ``points``/``pts`` · ``x``/``×`` (ROAS) · ``min`` · ``h`` (converted to
  minutes, ``3h40`` too) · ``XOF``/``FCFA``.

A figure **matches** when one of the KPI's values, or a change between two of the report's
periods, rounds to it at the precision it is written with: ``3.3 %`` accepts 3.25 to 3.4
(a truncated last digit is tolerated), ``765,516`` accepts ±1, ``412.3k`` ±100, ``410,000``
±5,000 (trailing zeros are rounding). A change is accepted in percent of the earlier value, or
for rates and net sentiment in points; e.g. an engagement rate from 4.58 % to 3.35 % may be
written "−1.2 points" or "−27 %".

Which KPI a figure is about is read from the words around it: the KPI names of its clause (the
part of the sentence between commas), or else of its sentence; a figure with no KPI name around
it (a date, "3 networks") is not checked. Figures in a clause that speaks of plans (target,
objective, next quarter, will, budget...), or after one in the same sentence, are not data and
are not checked. Years and days next to a month name are skipped.

``summary_problems`` lists what does not match (for a notebook); ``check_summary`` is a check
helper of the same kind as ``cmkit.checks`` (registered with them), for test cells.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cmkit import checks  # noqa: F401  (registers the generic evaluators)
from cmkit.checks.core import Check, Wrong, describe_type, evaluator, lookup, run

from . import messages, vocabulary
from .errors import CapstoneError
from .report import GROWTH_PREFIX, NETWORKS, REPORT_MONTH, label_of, month_name, unit_of

KIND = "summary_figures"

# --- reading numbers --------------------------------------------------------------------

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u2002\u2003"), " ")
_SPACES.update({ord("\u2212"): "-", ord("\u2019"): "'", ord("\u2018"): "'"})


def _alternatives(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_NUMBER = re.compile(
    r"""
    (?<![\w.,:/#°\-–])
    (?:
        (?P<hh>\d{1,2})\ ?h\ ?(?P<mm>[0-5]\d)(?:\ ?min)?
      |
        (?P<sign>[+-])?
        (?P<number>
            (?P<lead>[1-9]\d{0,2})(?P<sep>[ ,])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?
          | \d+(?:[.,]\d+)?
        )
        (?:\ ?(?P<scale>"""
    + _alternatives(vocabulary.SCALES)
    + r""")(?![^\W\d_]))?
        (?:\ ?(?P<unit>(?i:"""
    + _alternatives(vocabulary.UNIT_WORDS)
    + r"""))(?![^\W\d_]))?
    )
    (?![^\W_])(?![.,]\d)(?!:\d)
    """,
    re.VERBOSE,
)
_MONTH_AFTER = re.compile(r"\s*(?:" + _alternatives(vocabulary.MONTH_WORDS) + r")\b")
_MONTH_BEFORE = re.compile(r"\b(?:" + _alternatives(vocabulary.MONTH_WORDS) + r")\.?\s*$")
_LIST_MARKER = re.compile(r"^[\s>*\-]*$")


@dataclass(frozen=True)
class Quote:
    """A figure as written in a text, read as a number."""

    text: str  # as written, e.g. "412,3 k"
    value: float  # in the unit below, scale applied, sign applied; hours become minutes
    unit: str  # "%", "points", "x", "min", "XOF" or "" (a plain number)
    step: float  # the precision it is written with, in the same unit (100 for "412.3k")
    signed: bool  # written with an explicit + or -
    loose: bool  # written with decimals or a scale: a truncated last digit is tolerated
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (positions are kept)."""
    folded = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)
        folded.append((base[0] if base else char).lower())
    return "".join(folded)


def _normalise(text: str) -> str:
    return text.translate(_SPACES)


def _step_of(number: str, separator: str | None) -> tuple[float, int]:
    """The precision of a written number (before its scale) and its number of decimals."""
    body = number.replace(separator, "") if separator else number
    match = re.search(r"[.,](\d+)$", body) if separator != "," else re.search(r"\.(\d+)$", body)
    if match:
        return 10.0 ** -len(match.group(1)), len(match.group(1))
    whole = re.sub(r"\D", "", body)
    zeros = len(whole) - len(whole.rstrip("0"))
    if len(whole) >= 4 and zeros:  # 410,000: trailing zeros are rounding
        return 10.0 ** min(zeros, len(whole) - 1), 0
    return 1.0, 0


def _parse(number: str, separator: str | None) -> float:
    if separator == ",":
        return float(number.replace(",", ""))
    if separator == " ":
        return float(number.replace(" ", "").replace(",", "."))
    return float(number.replace(",", "."))


def quoted_figures(text: str) -> list[Quote]:
    """Every number written in ``text`` that is not a year, a day or a list marker."""
    original, text = text, _normalise(text)
    quotes = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if match.group("hh"):
            minutes = int(match.group("hh")) * 60 + int(match.group("mm"))
            written = original[start:end]
            quotes.append(Quote(written, float(minutes), "min", 1.0, False, False, start, end))
            continue
        number = match.group("number")
        separator = match.group("sep")
        grouped = separator is not None
        scale_word = match.group("scale")
        unit_word = match.group("unit")
        sign = match.group("sign")
        value = _parse(number, separator)
        step, decimals = _step_of(number, separator)
        line_start = text.rfind("\n", 0, start) + 1
        before, after = text[line_start:start], text[end:]
        if _skipped(value, decimals, grouped, sign, scale_word, unit_word, before, after):
            continue
        scale = vocabulary.SCALES.get(scale_word, 1.0) if scale_word else 1.0
        unit = vocabulary.UNIT_WORDS[unit_word.lower()] if unit_word else ""
        if unit == "h":
            unit, scale = "min", scale * 60
        value, step = value * scale, step * scale
        if sign == "-":
            value = -value
        loose = bool(decimals or scale_word)
        written = original[start:end].strip()
        quotes.append(Quote(written, value, unit, step, sign is not None, loose, start, end))
    return quotes


def _skipped(value, decimals, grouped, sign, scale, unit, before, after) -> bool:
    plain = not (decimals or grouped or sign or scale or unit)
    if plain and value == int(value) and 1900 <= value <= 2100:
        return True  # a year
    if (
        plain
        and value <= 31
        and (_MONTH_AFTER.match(_fold(after)) or _MONTH_BEFORE.search(_fold(before)))
    ):
        return True  # a day: "30 September", "September 30"
    if plain and _LIST_MARKER.match(before) and re.match(r"[.)]\s", after):
        return True  # "1. " or "2) " starting a line
    return False


# --- where a figure is, and what it is about ---------------------------------------------

_KEYWORD_TO_GROUP = {word: group for group, words in vocabulary.KEYWORDS.items() for word in words}
_KEYWORDS = re.compile(r"(?<![a-z0-9])(?:" + _alternatives(_KEYWORD_TO_GROUP) + r")(?![a-z0-9])")
_FUTURE = re.compile(r"(?<![a-z0-9])(?:" + _alternatives(vocabulary.FUTURE) + r")(?![a-z0-9])")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[;\n]")
_CLAUSE_END = re.compile(r",(?=\s)|\s[–—-]\s")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    sentence: int
    future: bool  # speaks of plans, or follows a clause that does in the same sentence
    words: tuple[tuple[int, int, str], ...]  # KPI words: (start, end, group)

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(group for _, _, group in self.words))


def _spans(text: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    spans, position = [], start
    for match in pattern.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return [(a, b) for a, b in spans if b > a]


def _clauses(text: str) -> list[Clause]:
    folded = _fold(_normalise(text))
    clauses = []
    for number, (s_start, s_end) in enumerate(_spans(folded, _SENTENCE_END, 0, len(folded))):
        future = False
        for c_start, c_end in _spans(folded, _CLAUSE_END, s_start, s_end):
            words = tuple(
                (w.start(), w.end(), _KEYWORD_TO_GROUP[w.group(0)])
                for w in _KEYWORDS.finditer(folded, c_start, c_end)
            )
            future = future or bool(_FUTURE.search(folded, c_start, c_end))
            clauses.append(Clause(c_start, c_end, number, future, words))
    return clauses


def _nearest(words, quote: Quote) -> tuple[int, int, str]:
    def distance(word):
        start, end, _ = word
        return quote.start - end if end <= quote.start else start - quote.end

    return min(words, key=distance)


@dataclass(frozen=True)
class Claim:
    """A figure of the summary and the report figures it may be about."""

    quote: Quote
    kpis: tuple[str, ...]
    keyword: str


def claims(text: str, known: list[str] | tuple[str, ...] | None = None) -> list[Claim]:
    """The figures of ``text`` written next to a KPI's name, outside plans; ``known`` lists
    the report's columns (growth columns included) that a KPI word may point to."""
    if not isinstance(text, str):
        what = describe_type(text)[1]
        raise CapstoneError(messages.FIGURES_ERRORS["not_text"].format(what=what))
    clauses = _clauses(text)
    found = []
    for quote in quoted_figures(text):
        clause = next((c for c in clauses if c.start <= quote.start < c.end), None)
        if clause is None or clause.future:
            continue
        words = clause.words
        if not words:  # no KPI word in the clause: those of its sentence
            words = tuple(w for c in clauses if c.sentence == clause.sentence for w in c.words)
        if not words:
            continue
        start, end, _ = _nearest(words, quote)
        groups = tuple(dict.fromkeys(group for _, _, group in words))
        kpis = _kpis_of(groups, known)
        if kpis:
            found.append(Claim(quote, kpis, text[start:end]))
    return found


def _kpis_of(groups, known) -> tuple[str, ...]:
    names = []
    for group in groups:
        for name in vocabulary.GROUPS[group]:
            if name == GROWTH_PREFIX:
                pool = known if known is not None else [GROWTH_PREFIX + n for n in NETWORKS]
                names += [k for k in pool if k.startswith(GROWTH_PREFIX)]
            elif known is None or name in known:
                names.append(name)
    return tuple(dict.fromkeys(names))


# --- matching a figure with the report ----------------------------------------------------


def _tolerance(quote: Quote, target: float) -> float:
    """How far from ``target`` a figure written as ``quote`` may be: half its last digit
    (rounding), a whole last digit for decimals and scaled numbers (truncation), never more than
    5 % of the target for that truncation."""
    size = abs(target)
    allowed = quote.step / 2
    if quote.loose:
        allowed = max(allowed, min(quote.step, 0.05 * size))
    return allowed + 1e-9 * max(1.0, size)


def _values(unit: str, kpi_unit: str, value: float) -> list[float]:
    """How one value of a KPI may be written with ``unit``."""
    if kpi_unit == "fraction":
        return [value * 100] if unit == "%" else [value] if unit == "" else []
    accepted = {
        "count": ("",),
        "money": ("", "XOF"),
        "ratio": ("", "x"),
        "score": ("", "points"),
        "minutes": ("", "min"),
    }[kpi_unit]
    return [value] if unit in accepted else []


def _changes(unit: str, kpi_unit: str, now: float, before: float) -> list[float]:
    """How the change from ``before`` to ``now`` may be written with ``unit``: in percent of
    ``before``, as a difference in the KPI's own unit (points for rates and net sentiment), or
    as a multiple ("×1.3")."""
    found = []
    difference = now - before
    if unit == "%" and kpi_unit != "score" and before != 0:
        found.append(difference / abs(before) * 100)
    if kpi_unit == "fraction" and unit in ("%", "points"):
        found.append(difference * 100)
    own_units = {
        "count": ("",),
        "money": ("", "XOF"),
        "ratio": ("",),
        "score": ("", "points"),
        "minutes": ("", "min"),
    }
    if unit in own_units.get(kpi_unit, ()):
        found.append(difference)
    if unit == "x" and kpi_unit != "score" and before > 0 and now > 0:
        found.append(now / before)
    return found


def _matches(claim: Claim, figures: Mapping[str, Mapping[str, float]], month: str) -> bool:
    quote = claim.quote
    for name in claim.kpis:
        kpi_unit = unit_of(name)
        series = {p: v for p, v in figures.get(name, {}).items() if _finite(v)}
        if kpi_unit is None or not series:
            continue
        for value in series.values():
            for target in _values(quote.unit, kpi_unit, value):
                if abs(quote.value - target) <= _tolerance(quote, target):
                    return True
        now = series.get(month)
        if now is None:
            continue
        for period, before in series.items():
            if period == month:
                continue
            for target in _changes(quote.unit, kpi_unit, now, before):
                got = quote.value if quote.signed else abs(quote.value)
                want = target if quote.signed else abs(target)
                if abs(got - want) <= _tolerance(quote, want):
                    return True
    return False


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def show_value(name: str, value: float) -> str:
    """A report figure written the way a manager reads it."""
    unit = unit_of(name)
    if unit == "fraction":
        return f"{value * 100:.2f} %"
    if unit == "money":
        return f"{value:,.0f} XOF"
    if unit == "ratio":
        return f"{value:.2f}"
    if unit == "score":
        return f"{value:+.1f}"
    if unit == "minutes":
        return f"{value:,.0f} min"
    return f"{value:,.0f}" if float(value) == round(value) else f"{value:,.2f}"


# --- the report as figures ----------------------------------------------------------------


def report_figures(report, growth=None) -> dict[str, dict[str, float]]:
    """The report as plain figures ``{kpi: {period: value}}``.

    ``report``: a table with one row per period (``"2026-09"``…) and one column per KPI (or
    such a dictionary already); ``growth``: a table with one row per period and one column per
    network, whose columns become ``follower_growth_<network>``.
    """
    figures = _as_figures(report)
    if growth is not None:
        for name, series in _as_figures(growth).items():
            key = name if name.startswith(GROWTH_PREFIX) else f"{GROWTH_PREFIX}{name}"
            figures[key] = series
    return figures


def _as_figures(table) -> dict[str, dict[str, float]]:
    import pandas as pd

    if isinstance(table, Mapping):
        return {
            str(name): {str(p): float(v) for p, v in dict(series).items() if _finite(v)}
            for name, series in table.items()
            if isinstance(series, Mapping)
        }
    if not isinstance(table, pd.DataFrame):
        what = describe_type(table)[1]
        raise CapstoneError(messages.FIGURES_ERRORS["not_a_table"].format(what=what))
    return {
        str(column): {
            str(period): float(value) for period, value in table[column].items() if _finite(value)
        }
        for column in table.columns
    }


# --- what does not match ------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    claim: Claim
    message: str


def summary_issues(
    text: str, figures, *, month: str = REPORT_MONTH, reveal: bool = True
) -> list[Mismatch]:
    """The figures of ``text`` that no value or change of ``figures`` rounds to.

    ``figures`` is a report table, or ``report_figures(...)`` of a report and its growth
    table. With ``reveal``, messages quote the report's value for ``month`` (use it on the
    learner's own report); without, they do not (use it on the data when grading).
    """
    figures = report_figures(figures) if not _is_figures(figures) else figures
    found = []
    for claim in claims(text, list(figures)):
        if _matches(claim, figures, month):
            continue
        labels = _join([label_of(name) for name in claim.kpis])
        if reveal:
            values = _join(
                [
                    show_value(name, figures[name][month])
                    for name in claim.kpis
                    if month in figures.get(name, {})
                ]
            )
            message = messages.SUMMARY["mismatch_own"].format(
                quote=claim.quote.text,
                keyword=claim.keyword,
                labels=labels,
                values=values or "nothing",
                month=month_name(month),
            )
        else:
            message = messages.SUMMARY["mismatch_data"].format(
                quote=claim.quote.text, keyword=claim.keyword, labels=labels
            )
        found.append(Mismatch(claim, message))
    return found


def summary_problems(
    text: str, report, *, month: str = REPORT_MONTH, growth=None, reveal: bool = True
) -> list[str]:
    """What to fix so that every figure of the summary ``text`` matches ``report`` (and the
    ``growth`` table, if given): one sentence per figure that does not match, empty if none."""
    figures = report_figures(report, growth)
    return [m.message for m in summary_issues(text, figures, month=month, reveal=reveal)]


def _is_figures(value) -> bool:
    return isinstance(value, Mapping) and all(isinstance(v, Mapping) for v in value.values())


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- as a check helper --------------------------------------------------------------------


def check_summary(
    name: str,
    *,
    figures: Mapping[str, Mapping[str, float]] | None = None,
    month: str = REPORT_MONTH,
    min_figures: int | None = None,
    what: str | None = None,
    hint: str | None = None,
) -> None:
    """Check the notebook's text ``name`` as an executive summary: it quotes at least
    ``min_figures`` figures next to a KPI's name, and (with ``figures``, e.g. computed from a
    fresh ``load`` with ``report_figures``) each of them matches the data. Messages never show
    the expected values."""
    __tracebackhide__ = True  # learners see the check's message, not its frames
    if what is None:
        parts = [f"that `{name}` is your summary as text"]
        if min_figures:
            parts.append(f"quoting at least {min_figures} figures next to a KPI's name")
        if figures is not None:
            parts.append("each matching the data of the report's months")
        what = ", ".join(parts)
    params: dict[str, Any] = {"month": month}
    if figures is not None:
        params["figures"] = (
            report_figures(figures)
            if not _is_figures(figures)
            else {
                str(k): {str(p): float(v) for p, v in series.items()}
                for k, series in figures.items()
            }
        )
    if min_figures:
        params["min_figures"] = int(min_figures)
    # depth 2: lookup <- check_summary <- the test cell that called it
    run(Check(KIND, name, what, params, hint), lookup(name, depth=2))


@evaluator(KIND, exportable=True)  # judges text and plain numbers
def judge_summary(check: Check, answer: Any) -> None:
    p = check.params
    if not isinstance(answer, str):
        if answer is None:
            from cmkit.checks.messages import say

            raise Wrong(say("none_value"))
        article, actual = describe_type(answer)
        raise Wrong(messages.SUMMARY["not_text"].format(article=article, actual=actual))
    if not answer.strip():
        raise Wrong(messages.SUMMARY["empty"].format(name=check.name), not_attempted=True)
    figures = p.get("figures")
    known = list(figures) if figures is not None else None
    found = claims(answer, known)
    minimum = p.get("min_figures")
    if minimum and len(found) < minimum:
        raise Wrong(messages.SUMMARY["too_few"].format(n=len(found), minimum=minimum))
    if figures is not None:
        issues = summary_issues(answer, figures, month=p.get("month", REPORT_MONTH), reveal=False)
        if issues:
            shown = "; ".join(issue.message for issue in issues[:3])
            if len(issues) > 3:
                shown += messages.SUMMARY["and_more"].format(n=len(issues) - 3)
            raise Wrong(messages.SUMMARY["wrong_figures"].format(problems=shown))
