"""The learned stance model: a multinomial logistic regression over passage features.

Weights are plain JSON (``models/stance/model.json``), one row per feature, so
they can be read, diffed and loaded without the library that trained them; a
prediction is a sparse dot product and a softmax. The model decides the label
and its probability is the confidence; the lexicon's verdict still supplies the
evidence sentence and the cues, so an analyst can see why.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from pipeline.learn.features import FIRST_UNITS, passage_features
from pipeline.records import StanceLabel
from pipeline.text import sentence_text

MODEL_FILE = Path("stance") / "model.json"


class ModelFileError(ValueError):
    """models/stance/model.json exists but cannot be read as a stance model."""


# passing the report to the body it concerns, with no position of the writer's own ("We have shared the
# review's report with the Ministry of Justice"), is read reliably by the lexicon (133 of 149 such answers
# in the blind probes) and hardly ever by the model, which has a handful to learn it from and reads the
# "it would not be appropriate for us to comment" beside it as a refusal
PASSED_ON = "noted:passed-on"


# the lexicon's rules that read a status word against what the answer under it does ("Accepted." over a
# decision still to come, "Noted." over "no intention of"): FORMAT.md's convention, which the model, weighing
# the status word as it was trained to, would undo
STATUS_READ = frozenset({"deferred:decision-to-come", "rejected:noted-then-declined", "deferred:noted-then-waits",
                         "accepted:noted-then-done"})


def lexicon_stands(label: str, confidence: float, cues, trust: float) -> bool:
    """Whether the lexicon's verdict stands over the model's: sure of itself, a report passed on, or a
    status word read against what the answer does."""
    return confidence >= trust or (label == "noted" and PASSED_ON in cues) or not STATUS_READ.isdisjoint(cues)


@dataclass(frozen=True)
class StanceModel:
    labels: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    trained: str  # what it was trained on and when, from the card
    rule_trust: float = 1.01  # the lexicon's verdict stands at or above this confidence

    @classmethod
    def load(cls, models_dir: Path) -> StanceModel | None:
        """The model in ``models_dir``, or None where none has been trained."""
        path = models_dir / MODEL_FILE
        if not path.exists():
            return None
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            labels = tuple(raw["labels"])
            for lab in labels:
                StanceLabel(lab)
            weights = {k: tuple(float(x) for x in v) for k, v in raw["weights"].items()}
            if any(len(v) != len(labels) for v in weights.values()) or len(raw["intercept"]) != len(labels):
                raise ValueError("weight rows and labels differ in length")
            return cls(labels, tuple(float(x) for x in raw["intercept"]), weights, raw.get("trained", ""),
                       float(raw.get("rule_trust", 1.01)))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelFileError(f"[E105] cannot load stance model {path}: {exc}") from exc

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        logits = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for i, w in enumerate(row):
                    logits[i] += w * value
        top = max(logits)
        exp = [math.exp(x - top) for x in logits]
        total = sum(exp)
        return {lab: e / total for lab, e in zip(self.labels, exp)}

    def decide(self, features: dict[str, float], rule, key: tuple[str, str] | None = None):
        """The model's label and probability, with the lexicon's evidence for that label; a
        confident lexicon verdict (an explicit label line, a clear margin), or a report passed on
        to the body it concerns, stands, with the model's probability of it as its confidence."""
        from pipeline.stages.stance import Verdict

        probs = self.probabilities(features)
        if rule.cues and lexicon_stands(rule.label.value, rule.confidence, rule.cues, self.rule_trust):
            # the lexicon's label, only as sure as the model is of it
            return Verdict(rule.label, round(min(probs.get(rule.label.value, 0.5), 0.99), 3), rule.evidence,
                           rule.cues + ("lexicon",), rule.scores, rule.best_unit)
        label = max(probs, key=lambda k: (probs[k], -self.labels.index(k)))
        best = dict(rule.best_unit)
        evidence = best.get(label, rule.evidence)
        return Verdict(StanceLabel(label), round(min(probs[label], 0.99), 3), evidence,
                       rule.cues + (f"model:{label}",), rule.scores, rule.best_unit)


def features_for(text: str, answer, rule, lex, rec_text: str | None = None) -> dict[str, float]:
    """The features of one answer, from the lexicon's verdict on it (read, as the lexicon read it,
    against the recommendation it answers: a cue that answers one kind of recommendation fires
    only there)."""
    from pipeline.stages.stance import sentence_cues

    first_cues = []
    for a, z, _ in answer.units[:FIRST_UNITS]:
        sent = sentence_text(text[a:z])
        first_cues += [f"{cue.label}:{cue.name}" for cue, _ in sentence_cues(sent, lex, rec_text)]
    return passage_features(text, list(answer.units), answer.how, rule.label.value, dict(rule.scores),
                            list(rule.cues), first_cues)
