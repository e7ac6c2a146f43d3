"""Score a learner's triage rules: how many messages they class as labelled, per category.

A triage function takes the text of one message and returns its category (``question``,
``complaint``, ``praise``, ``spam`` or ``troll``). ``score_triage`` runs it on every message of
a labelled table and reports accuracy, recall and precision per category, the most common
confusion, and a hint written for a non-programmer. It never raises because of the learner's
function: errors, placeholders and invalid answers become part of the report.

``new_messages`` builds a labelled set of messages the learner has never seen, from the same
text patterns as the ``inbox`` table but another random seed and clean labels: the graders'
held-out set, so that rules which memorise the inbox do not pass.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from .messages import say

CATEGORIES = ("question", "complaint", "praise", "spam", "troll")
# Shares of the held-out set, close to the inbox's mix; languages as in the inbox.
_NEW_MIX = {"question": 0.32, "complaint": 0.2, "praise": 0.2, "spam": 0.14, "troll": 0.14}
_NEW_LANGUAGES = (("fr", 0.72), ("wo", 0.18), ("en", 0.10))
NEW_SEED = 404

# One unambiguous message per category, in the inbox's style: the visible sanity check.
EXAMPLES = (
    ("Bonjour, quel est le prix du coffret découverte ? Merci", "question"),
    ("Ma commande n°4821 n'est toujours pas arrivée après 9 jours. 😡", "complaint"),
    ("Meilleur bissap de Dakar ! Merci 😍", "praise"),
    ("Gagnez 500 000 FCFA en 24h, cliquez ici bit.ly/k3x9p", "spam"),
    ("Fake, c'est du thé chinois reconditionné 😂", "troll"),
)
# Inputs a function must survive: it should still return one of the categories.
ODD_TEXTS = (
    "",
    "🍵🍵🍵",
    "FAKE, C'EST DU THÉ CHINOIS RECONDITIONNÉ",
    "   quel est le prix du bissap ?   ",
    "Nangeen def, sopp naa ko lool.",
)


@dataclass
class TriageScore:
    """How a triage function did on a labelled set of messages."""

    n: int
    accuracy: float
    recall: dict[str, float]
    precision: dict[str, float]
    confusion: pd.DataFrame
    problem: str | None = None  # why the function could not be scored properly
    examples: dict[str, list[str]] = field(default_factory=dict)  # missed texts per category

    @property
    def lowest_recall(self) -> float:
        return min(self.recall.values()) if self.recall else 0.0

    @property
    def weakest(self) -> str | None:
        """The labelled category the rules find least often."""
        if not self.recall:
            return None
        return min(self.recall, key=lambda category: (self.recall[category], category))

    def summary(self) -> pd.DataFrame:
        """One row per category: messages labelled, recall and precision (fractions)."""
        labelled = self.confusion.sum(axis=1)
        return pd.DataFrame(
            {
                "messages": labelled,
                "recall": pd.Series(self.recall),
                "precision": pd.Series(self.precision),
            }
        ).rename_axis("category")

    def problems(self, min_accuracy: float, min_recall: float, where: str = "labelled"):
        """Plain-language problems against the thresholds; empty when they are all met."""
        if self.problem:
            return [self.problem]
        place = say("triage_where_labelled" if where == "labelled" else "triage_where_new")
        found = []
        if self.accuracy < min_accuracy:
            found.append(
                say(
                    "triage_score_too_low",
                    label=say("triage_label_accuracy"),
                    value=self.accuracy,
                    threshold=min_accuracy,
                    where=place,
                )
            )
        for category in CATEGORIES:
            value = self.recall.get(category)
            if value is not None and value < min_recall:
                found.append(
                    say(
                        "triage_score_too_low",
                        label=say("triage_label_recall", category=category),
                        value=value,
                        threshold=min_recall,
                        where=place,
                    )
                )
        return found

    @property
    def hint(self) -> str:
        """What to do next, in a sentence or two (never the expected categories)."""
        if self.problem:
            return self.problem
        category = self.weakest
        if category is None:
            return say("triage_all_good")
        row = self.confusion.loc[category].drop(category, errors="ignore")
        total = self.confusion.loc[category].sum()
        if total == 0 or row.sum() == 0:
            return say("triage_all_good")
        other = str(row.idxmax())
        return say(
            "triage_weakest",
            recall=self.recall[category],
            category=category,
            confused=row.max() / total,
            other=other,
        )


def _outcome(function: Callable, text: str) -> tuple[str | None, str | None]:
    """(category, problem) for one message; category None when the answer is unusable."""
    try:
        result = function(text)
    except Exception as error:  # the learner's code: any error is feedback
        detail = str(error)[:120]
        return None, say("triage_raised", error=type(error).__name__, text=text, detail=detail)
    if result is Ellipsis:
        return None, say("triage_placeholder")
    if isinstance(result, str) and result.strip().lower() in CATEGORIES:
        return result.strip().lower(), None
    shown = result if isinstance(result, (str, int, float, type(None))) else type(result).__name__
    return None, say("triage_invalid", value=shown, text=text, categories=", ".join(CATEGORIES))


def score_triage(function, messages, labels: Iterable[str] | None = None) -> TriageScore:
    """Run ``function`` on every message and compare with the labels.

    ``messages`` is a table with ``text`` and ``category`` columns (such as the ``inbox``), or
    a list of texts with ``labels`` given separately.
    """
    if isinstance(messages, pd.DataFrame):
        texts = [str(t) for t in messages["text"]]
        truth = [str(c) for c in messages["category"]]
    else:
        texts = [str(t) for t in messages]
        truth = [str(c) for c in labels]
    empty = pd.DataFrame(0, index=list(CATEGORIES), columns=list(CATEGORIES))
    if not callable(function) or isinstance(function, type):
        what = "the placeholder `...`" if function is Ellipsis else f"a {type(function).__name__}"
        problem = say("triage_not_function", what=what)
        return TriageScore(len(texts), 0.0, {}, {}, empty, problem)
    predicted: list[str | None] = []
    problem = None
    for text in texts:
        category, trouble = _outcome(function, text)
        predicted.append(category)
        problem = problem or trouble
    guessed = pd.Categorical([p or "(no answer)" for p in predicted])
    frame = pd.DataFrame({"label": truth, "guess": guessed.astype(str)})
    confusion = pd.crosstab(frame["label"], frame["guess"])
    confusion = confusion.reindex(index=list(CATEGORIES), fill_value=0)
    columns = list(CATEGORIES) + [c for c in confusion.columns if c not in CATEGORIES]
    confusion = confusion.reindex(columns=columns, fill_value=0)
    correct = frame["label"] == frame["guess"]
    recall, precision, missed = {}, {}, {}
    for category in CATEGORIES:
        labelled = frame["label"] == category
        guessed_here = frame["guess"] == category
        if labelled.any():
            recall[category] = float(correct[labelled].mean())
            missed[category] = frame.loc[labelled & ~correct].index[:5].tolist()
        if guessed_here.any():
            precision[category] = float(correct[guessed_here].mean())
    examples = {c: [texts[i] for i in rows] for c, rows in missed.items()}
    accuracy = float(correct.mean()) if len(frame) else 0.0
    return TriageScore(len(texts), accuracy, recall, precision, confusion, problem, examples)


def triage_outputs(function, texts: Iterable[str] = ODD_TEXTS) -> list[str]:
    """What ``function`` returns for each text, with an error shown as ``<error: ...>``."""
    outputs = []
    for text in texts:
        try:
            result = function(text)
        except Exception as error:  # the learner's code: any error is feedback
            result = say("triage_output_error", error=type(error).__name__)
        outputs.append(result if isinstance(result, str) else repr(result))
    return outputs


def new_messages(per_hundred: int = 12, seed: int = NEW_SEED) -> pd.DataFrame:
    """A held-out labelled set (``text``, ``category``, ``language``) of ``per_hundred`` × 100
    messages in the inbox's style, drawn with another seed and without label noise."""
    from cmkit.data import textgen

    rnd = random.Random(seed)
    n = per_hundred * 100
    rows = []
    categories = list(_NEW_MIX)
    weights = list(_NEW_MIX.values())
    languages = [language for language, _ in _NEW_LANGUAGES]
    language_weights = [weight for _, weight in _NEW_LANGUAGES]
    for _ in range(n):
        category = rnd.choices(categories, weights)[0]
        language = rnd.choices(languages, language_weights)[0]
        text = textgen.inbox_text(rnd, category, language)
        rows.append({"text": text, "category": category, "language": language})
    return pd.DataFrame(rows)
