"""Train the stance model on labelled answers, and measure it on files it did not see.

    python -m pipeline.learn.train_stance [--dev ../shared/dev] [--out models/stance] [--seed 0]

(``make train-stance``.) The labelled answers come from every gold file the
project can read: the real development set (read from ``../shared/dev``, never
copied), the annotated fixtures in ``tests/data/fixtures/``, the seeds, and the
layout probes in ``tests/data/layouts/`` (documents written in the layouts real
publishers use, each with the stance its writer meant; they bring answers worded
as no development file words them). The pipeline runs over each corpus as usual;
for every stance the gold gives, the features of the answer the pipeline found
are the input and the gold label the target. Stances the pipeline finds no answer for keep their structural label
(``not_addressed``) and count as errors where gold disagrees.

Honest figures: every prediction reported is made by a model that never saw
the file it is scored on (leave one file out), and again with a whole family of
the development set held out. The final model is then fitted on everything and
written with its card. Training is deterministic: same data, same weights.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import PROJECT_ROOT, Settings
from pipeline.learn.stance_model import MODEL_FILE, lexicon_stands
from pipeline.stages.stance import TOPIC_DISCOUNT, WHOLE_DISCOUNT

# Chosen by leave-one-file-out on the labelled answers outside the development set, so
# the development set's figures stay a measurement, not a target. First on the fixtures
# and seeds (C 0.1-2, balanced or not, bigrams or not); last on all 467 answers of the
# fixtures, seeds and layout probes (C 0.1-3, balanced or not, MIN_GROUPS 2-3): C=3,
# balanced, MIN_GROUPS=3 came first, though every setting was within five labels of it
C = 3.0
CLASS_WEIGHT = "balanced"
# the lexicon's verdict stands where it is this confident (an explicit label line, a clear
# margin); chosen the same way: 0.8 and 0.9 tie on the fixtures, 0.8 was taken; 0.8-0.95
# are within four labels on the 467 answers outside the development set
RULE_TRUST = 0.8
# a word feature must occur in answers from this many families (a development family or a
# fixture or probe folder), not just files: files of one family share a source and a house
# style (three development files are cut from one response paper), so a word only they use
# is that paper's, not the language's
MIN_GROUPS = 3
PRUNE = 0.01  # weights below this on every label change no prediction worth keeping them for
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
LAYOUTS = PROJECT_ROOT / "tests" / "data" / "layouts"
# probes written blind and kept out of training: they measure the shipped model on answers
# that fitted no weight, and training on them cost development labels held out by file
# (0.738 / 0.706 -> 0.695 / 0.662): their writers read some cases unlike the development set's.
# Measured again with 27 rounds (each predicted by a model fitted without it): the probes rise
# (0.758 -> 0.819 at weight 0.2) and the development set falls the more they weigh (0.695 ->
# 0.667 at 0.2, 0.603 at 1): they teach their writers' reading, not real documents'
HELD_OUT_PROBES = ("reply_blind", "response_blind", "papers_blind", "letters_blind", "coroners_blind",
                   "papers_blind2", "letters_blind2", "coroners_blind2", "papers_blind3", "letters_blind3",
                   "coroners_blind3", "papers_blind4", "letters_blind4", "coroners_blind4", "papers_blind5",
                   "letters_blind5", "coroners_blind5", "papers_blind6", "letters_blind6", "coroners_blind6",
                   "papers_blind7", "letters_blind7", "coroners_blind7", "papers_blind8", "letters_blind8",
                   "coroners_blind8", "papers_blind9", "letters_blind9", "coroners_blind9", "papers_blind10",
                   "letters_blind10", "coroners_blind10", "papers_blind11", "letters_blind11", "coroners_blind11",
                   "papers_blind12", "letters_blind12", "coroners_blind12", "papers_blind13", "letters_blind13",
                   "coroners_blind13", "papers_blind14", "letters_blind14", "coroners_blind14", "papers_blind15",
                   "letters_blind15", "coroners_blind15", "papers_blind16", "letters_blind16", "coroners_blind16",
                   "papers_blind17", "letters_blind17", "coroners_blind17", "papers_blind18", "letters_blind18",
                   "coroners_blind18", "papers_blind19", "letters_blind19", "coroners_blind19",
                   "papers_blind20", "letters_blind20", "coroners_blind20", "papers_blind21", "letters_blind21",
                   "coroners_blind21", "papers_blind22", "letters_blind22", "coroners_blind22",
                   "papers_blind23", "letters_blind23", "coroners_blind23",
                   "papers_blind24", "letters_blind24", "coroners_blind24",
                   "papers_blind25", "letters_blind25", "coroners_blind25",
                   "papers_blind26", "letters_blind26", "coroners_blind26",
                   "papers_blind27", "letters_blind27", "coroners_blind27",
                   "papers_blind28", "letters_blind28", "coroners_blind28",
                   "papers_blind29", "letters_blind29", "coroners_blind29",
                   "papers_blind30", "letters_blind30", "coroners_blind30",
                   "papers_blind31", "letters_blind31", "coroners_blind31",
                   "papers_blind32", "letters_blind32", "coroners_blind32",
                   "papers_blind33", "letters_blind33", "coroners_blind33",
                   "papers_blind34", "letters_blind34", "coroners_blind34",
                   "papers_blind35", "letters_blind35", "coroners_blind35",
                   "papers_blind36", "letters_blind36", "coroners_blind36",
                   "papers_blind37", "letters_blind37", "coroners_blind37",
                   "papers_blind38", "letters_blind38", "coroners_blind38",
                   "papers_blind39", "letters_blind39", "coroners_blind39",
                   "papers_blind40", "letters_blind40", "coroners_blind40",
                   "papers_blind41", "letters_blind41", "coroners_blind41",
                   "papers_blind42", "letters_blind42", "coroners_blind42",
                   "papers_blind43", "letters_blind43", "coroners_blind43",
                   "papers_blind44", "letters_blind44", "coroners_blind44",
                   "papers_blind45", "letters_blind45", "coroners_blind45",
                   "papers_blind46", "letters_blind46", "coroners_blind46",
                   "papers_blind47", "letters_blind47", "coroners_blind47",
                   "papers_blind48", "letters_blind48", "coroners_blind48",
                   "papers_blind49", "letters_blind49", "coroners_blind49",
                   "papers_blind50", "letters_blind50", "coroners_blind50",
                   "papers_blind51", "letters_blind51", "coroners_blind51",
                   "papers_blind52", "letters_blind52", "coroners_blind52",
                   "papers_blind53", "letters_blind53", "coroners_blind53",
                   "papers_blind54", "letters_blind54", "coroners_blind54",
                   "papers_blind55", "letters_blind55", "coroners_blind55",
                   "papers_blind56", "letters_blind56", "coroners_blind56",
                   "papers_blind57", "letters_blind57", "coroners_blind57",
                   "papers_blind58", "letters_blind58", "coroners_blind58",
                   "papers_blind59", "letters_blind59", "coroners_blind59",
                   "papers_blind60", "letters_blind60", "coroners_blind60",
                   "papers_blind61", "letters_blind61", "coroners_blind61",
                   "papers_blind62", "letters_blind62", "coroners_blind62",
                   "papers_blind63", "letters_blind63", "coroners_blind63",
                   "papers_blind64", "letters_blind64", "coroners_blind64",
                   "papers_blind65", "letters_blind65", "coroners_blind65",
                   "papers_blind66", "letters_blind66", "coroners_blind66",
                   "papers_blind67", "letters_blind67", "coroners_blind67",
                   "papers_blind68", "letters_blind68", "coroners_blind68",
                   "papers_blind69", "letters_blind69", "coroners_blind69",
                   "papers_blind70", "letters_blind70", "coroners_blind70",
                   "papers_blind71", "letters_blind71", "coroners_blind71",
                   "papers_blind72", "letters_blind72", "coroners_blind72",
                   "papers_blind73", "letters_blind73", "coroners_blind73",
                   "papers_blind74", "letters_blind74", "coroners_blind74",
                   "papers_blind75", "letters_blind75", "coroners_blind75",
                   "papers_blind76", "letters_blind76", "coroners_blind76",
                   "papers_blind77", "letters_blind77", "coroners_blind77",
                   "papers_blind78", "letters_blind78", "coroners_blind78",
                   "papers_blind79", "letters_blind79", "coroners_blind79",
                   "papers_blind80", "letters_blind80", "coroners_blind80",
                   "papers_blind81", "letters_blind81", "coroners_blind81",
                   "papers_blind82", "letters_blind82", "coroners_blind82",
                   "papers_blind83", "letters_blind83", "coroners_blind83",
                   "papers_blind84", "letters_blind84", "coroners_blind84",
                   "papers_blind85", "letters_blind85", "coroners_blind85",
                   "papers_blind86", "letters_blind86", "coroners_blind86",
                   "papers_blind87", "letters_blind87", "coroners_blind87",
                   "papers_blind88", "letters_blind88", "coroners_blind88",
                   "papers_blind89", "letters_blind89", "coroners_blind89",
                   "papers_blind90", "letters_blind90", "coroners_blind90",
                   "papers_blind91", "letters_blind91", "coroners_blind91",
                   "papers_blind92", "letters_blind92", "coroners_blind92",
                   "papers_blind93", "letters_blind93", "coroners_blind93",
                   "papers_blind94", "letters_blind94", "coroners_blind94",
                   "papers_blind95", "letters_blind95", "coroners_blind95",
                   "papers_blind96", "letters_blind96", "coroners_blind96",
                   "papers_blind97", "letters_blind97", "coroners_blind97",
                   "papers_blind98", "letters_blind98", "coroners_blind98",
                   "papers_blind99", "letters_blind99", "coroners_blind99")
LAYOUT_KEY = "expected.jsonl"


@dataclass
class Recorder:
    """Stands in for the model during a run: keeps each answer's features, lets the lexicon decide."""

    seen: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    trust: dict[tuple[str, str], float] = field(default_factory=dict)  # the lexicon's confidence, as the model sees it

    def decide(self, features, rule, key=None):
        if key is not None:
            self.seen[key] = features
            self.trust[key] = rule.confidence
        return rule


@dataclass
class Sample:
    group: str  # corpus/file: the unit of cross-validation
    family: str  # dev family letter, or the fixture folder
    gold: str
    features: dict[str, float] | None  # None: the pipeline found no answer
    structural: str  # what the pipeline says without the model (not_addressed, missing, or the lexicon's label)
    key: str = ""  # file#segment:label, for the error listing
    rule_confidence: float = 0.0  # the lexicon's own confidence in its label (the pipeline's, where no answer)


def _norm_label(x) -> str:
    return re.sub(r"[\s()\[\]]", "", str(x)).lower()


def _first_line(text: str, start: int) -> str:
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    return text[start: len(text) if end < 0 else end].rstrip()


def match_segments(gold: list[dict], letters: list[dict], corpus: Path) -> dict[tuple[str, int], dict]:
    """Gold segment -> predicted letter, as the project's scorer matches them: in file order on the
    first line, or within 200 characters of the gold start."""
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in letters:
        by_file[Path(row["source_path"]).name].append(row)
    out = {}
    for name in {g["file"] for g in gold}:
        text = (corpus / name).read_text(encoding="utf-8", errors="replace")
        preds = sorted(by_file.get(name, []), key=lambda r: r["char_start"])
        gs = sorted((g for g in gold if g["file"] == name), key=lambda g: g["index"])
        j = 0
        pos = 0
        for g in gs:
            at = next((m.start() for m in re.finditer(r"^.*$", text, re.M)
                       if m.start() >= pos and m.group(0).rstrip() == g["starts_with"]), None)
            pos = at + 1 if at is not None else pos
            hit = next((k for k in range(j, len(preds)) if _first_line(text, preds[k]["char_start"]) == g["starts_with"]),
                       None)
            if hit is None and at is not None:
                hit = next((k for k in range(j, len(preds)) if abs(preds[k]["char_start"] - at) <= 200), None)
            if hit is not None:
                out[(name, g["index"])] = preds[hit]
                j = hit + 1
    return out


def collect(corpus: Path, gold_path: Path, family_of, settings: Settings, nlp, tag: str) -> list[Sample]:
    """Run the pipeline over one labelled corpus and pair each gold stance with its answer's features."""
    recorder, letters, predicted, confidence = _run(corpus, settings, nlp)
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    matched = match_segments(gold, letters, corpus)
    samples = []
    for g in gold:
        letter = matched.get((g["file"], g["index"]))
        for key, label in (g.get("stances") or {}).items():
            samples.append(_sample(recorder, predicted, confidence, letter["letter_id"] if letter else None, key,
                                   label, f"{tag}/{g['file']}", family_of(g["file"]), f"{g['file']}#{g['index']}:{key}"))
    return samples


def _run(corpus: Path, settings: Settings, nlp) -> tuple[Recorder, list[dict], dict, dict]:
    """The pipeline over one corpus with the recorder standing in for the model: the recorder,
    the letters, and each letter's stance and confidence by normalised label."""
    from pipeline.run import run_corpus

    recorder = Recorder()
    result = run_corpus(corpus, settings, nlp, stance_model=recorder)
    predicted: dict[str, dict[str, str]] = defaultdict(dict)
    confidence = {}
    for s in result.tables["stances"].to_pylist():
        k = _norm_label(s.get("label") or s["recommendation_number"])
        predicted[s["letter_id"]][k] = s["stance"]
        confidence[(s["letter_id"], k)] = s["confidence"]
    return recorder, result.tables["letters"].to_pylist(), predicted, confidence


def _sample(recorder: Recorder, predicted: dict, confidence: dict, lid: str | None, key: str, label: str,
            group: str, family: str, name: str) -> Sample:
    """One labelled stance paired with the features of the answer the pipeline found for it."""
    k = _norm_label(key)
    feats = recorder.seen.get((lid, k)) if lid else None
    if feats is None and lid and k.isdigit():  # the whole number answered in parts ("8a", "1.4"): the first part's
        feats = next((v for (l, lab), v in recorder.seen.items()
                      if l == lid and re.match(re.escape(k) + r"(?:[a-z]|\.\d)", lab)), None)
    mine = predicted.get(lid, {}) if lid else {}
    parts = [v for lab, v in mine.items() if k.isdigit() and re.match(re.escape(k) + r"(?:[a-z]|\.\d)", lab)]
    structural = mine.get(k) or (Counter(parts).most_common(1)[0][0] if parts else "missing")
    # the lexicon's confidence where the model decides; the pipeline's own where no answer was found
    trust = recorder.trust.get((lid, k), confidence.get((lid, k), 0.0)) if lid else 0.0
    return Sample(group, family, label, feats, structural, name, trust)


def probe_documents(folder: Path, into: Path) -> None:
    """Copies a probe folder's documents without its key, which is not a document to run."""
    for doc in folder.iterdir():
        if doc.name != LAYOUT_KEY:
            shutil.copy(doc, into)


def collect_layouts(folder: Path, settings: Settings, nlp) -> list[Sample]:
    """The labelled stances of one family of layout probes (``tests/data/layouts``): documents
    written in layouts real publishers use, keyed by file, segment index (or null: any segment)
    and label."""
    with tempfile.TemporaryDirectory() as tmp:
        probe_documents(folder, Path(tmp))
        recorder, letters, predicted, confidence = _run(Path(tmp), settings, nlp)
    where = {row["letter_id"]: (Path(row["source_path"]).name, row["index"]) for row in letters}
    samples = []
    for line in (folder / LAYOUT_KEY).read_text(encoding="utf-8").splitlines():
        want = json.loads(line)
        for key, label in want["labels"].items():
            k = _norm_label(key)
            # the segment the key names, else the one that answers the label (the key may not say which)
            lids = [lid for lid, (f, i) in where.items() if f == want["file"] and want["index"] in (None, i)]
            lid = next((x for x in lids if k in predicted.get(x, {})), lids[0] if lids else None)
            samples.append(_sample(recorder, predicted, confidence, lid, key, label,
                                   f"layouts/{folder.name}/{want['file']}", f"layouts:{folder.name}",
                                   f"{folder.name}/{want['file']}#{want['index']}:{key}"))
    return samples


def corpora(dev: Path | None) -> list[tuple[str, Path, Path, object]]:
    """(tag, corpus folder, gold file, file -> family) for every labelled corpus available."""
    out = []
    if dev is not None and (dev / "gold.jsonl").exists():
        out.append(("dev", dev / "corpus", dev / "gold.jsonl", lambda f: f"dev:{f[0]}"))
    fixtures = PROJECT_ROOT / "tests" / "data" / "fixtures"
    for folder in sorted(p for p in fixtures.iterdir() if (p / "gold.jsonl").exists()):
        out.append((folder.name, folder, folder / "gold.jsonl", lambda f, n=folder.name: n))
    out.append(("seeds", PROJECT_ROOT / "corpus", PROJECT_ROOT / "tests" / "data" / "seeds.jsonl", lambda f: "seeds"))
    return out


def layout_folders() -> list[Path]:
    """The families of layout probes, each a folder of documents and their key."""
    return sorted(p for p in LAYOUTS.iterdir() if (p / LAYOUT_KEY).exists()) if LAYOUTS.exists() else []


# ---- fitting

def _vectorizer(samples: list[Sample]):
    """Word features seen in answers from at least MIN_GROUPS families: a word one family uses is its own, not the language's."""
    from sklearn.feature_extraction import DictVectorizer

    groups = defaultdict(set)
    for s in samples:
        for name in s.features:
            groups[name].add(s.family)
    keep = {n for n, g in groups.items() if len(g) >= MIN_GROUPS or not n.startswith(("w:", "b:"))}
    vec = DictVectorizer(sort=True)
    vec.fit([{k: v for k, v in s.features.items() if k in keep} for s in samples])
    return vec


def fit(samples: list[Sample], seed: int):
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    usable = [s for s in samples if s.features is not None]
    vec = _vectorizer(usable)
    X = vec.transform([s.features for s in usable])
    y = [s.gold for s in usable]
    clf = LogisticRegression(C=C, max_iter=5000, class_weight=CLASS_WEIGHT, random_state=seed)
    # a few hundred answers: threaded BLAS only contends for the cores (one thread: the whole
    # training with its cross-validation takes seconds instead of minutes on two busy cores)
    with threadpool_limits(limits=1):
        clf.fit(X, y)
    return vec, clf


def predict(vec, clf, sample: Sample) -> tuple[str, float]:
    """The label and confidence the pipeline would give: the model's, or the lexicon's where it
    stands (sure enough, or a report passed on: stance_model.lexicon_stands), discounted as stance.stances discounts answers found by subject
    or read off the whole reply."""
    if sample.features is None:
        return sample.structural, sample.rule_confidence
    probs = clf.predict_proba(vec.transform([sample.features]))[0]
    discount = next((d for how, d in (("topic", TOPIC_DISCOUNT), ("whole", WHOLE_DISCOUNT))
                     if sample.features.get(f"how={how}")), 1.0)
    cues = [name[4:] for name in sample.features if name.startswith("cue:")]
    if lexicon_stands(sample.structural, sample.rule_confidence, cues, RULE_TRUST):
        # the lexicon's label, as sure as the model is of it
        k = list(clf.classes_).index(sample.structural) if sample.structural in clf.classes_ else None
        return sample.structural, min(float(probs[k]) if k is not None else 0.5, 0.99) * discount
    k = max(range(len(probs)), key=lambda i: probs[i])
    return clf.classes_[k], min(float(probs[k]), 0.99) * discount


def cross_validate(samples: list[Sample], held: callable, seed: int) -> list[tuple[Sample, str, float]]:
    """Each sample predicted by a model fitted without the samples ``held`` puts in its fold."""
    folds = defaultdict(list)
    for s in samples:
        folds[held(s)].append(s)
    out = []
    for fold, test in sorted(folds.items()):
        train = [s for s in samples if held(s) != fold]
        if not any(t.features for t in train):
            continue
        vec, clf = fit(train, seed)
        out += [(s, *predict(vec, clf, s)) for s in test]
    return out


def metrics(rows: list[tuple[Sample, str, float]]) -> dict:
    pairs = [(s.gold, p) for s, p, _ in rows]
    if not pairs:
        return {}
    labels = sorted({g for g, _ in pairs})
    f1s = []
    per = {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in pairs)
        np_ = sum(p == lab for _, p in pairs)
        ng = sum(g == lab for g, _ in pairs)
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[lab] = {"precision": round(pr, 3), "recall": round(rc, 3), "f1": round(f1, 3), "support": ng}
        f1s.append(f1)
    bands = {}
    for lo, hi in BANDS:
        inside = [(s.gold, p) for s, p, c in rows if lo <= c < hi]
        if inside:
            bands[f"{lo:.1f}-{min(hi, 1.0):.1f}"] = {"n": len(inside),
                                                      "accuracy": round(sum(g == p for g, p in inside) / len(inside), 3)}
    return {"n": len(pairs), "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3),
            "macro_f1": round(sum(f1s) / len(f1s), 3), "labels": per, "confidence_bands": bands,
            "confusion": dict(Counter(f"{g}->{p}" for g, p in pairs if g != p).most_common())}


def export(vec, clf, path: Path, trained: str) -> None:
    """Weights as JSON rows, feature by feature, rounded: small, readable, stable across library versions."""
    names = vec.get_feature_names_out()
    labels = [str(c) for c in clf.classes_]
    weights = {}
    for j, name in enumerate(names):
        row = [round(float(clf.coef_[i][j]), 3) for i in range(len(labels))]
        if any(abs(w) >= PRUNE for w in row):
            weights[str(name)] = row
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"labels": labels, "intercept": [round(float(x), 4) for x in clf.intercept_], "weights": weights,
               "trained": trained, "rule_trust": RULE_TRUST}
    path.write_text(json.dumps(payload, sort_keys=True, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


def card(report: dict, trained: str) -> str:
    """The model card: what it was trained on, when, and how it does on files it never saw."""
    def row(name: str, m: dict) -> str:
        return f"| {name} | {m.get('n', 0)} | {m.get('accuracy', 0):.3f} | {m.get('macro_f1', 0):.3f} |"

    lofo = report.get("leave_one_file_out", {})
    lines = [
        "# Stance model card", "",
        "Multinomial logistic regression over the features of `pipeline/learn/features.py`: the lexicon's",
        "verdict and cues, the answer's opening position crossed with what it does, the mode of its",
        "sentences (declines, will consider, will do, has done, ongoing, left to others), where the answer",
        f"was found, and its words (unigrams and bigrams seen in at least {MIN_GROUPS} families of files). Weights: `model.json`",
        "(one row per feature, one column per label). Trained by `make train-stance`",
        "(`python -m pipeline.learn.train_stance`); deterministic for a given seed.", "",
        f"Trained: {trained}.", "",
        "## Held-out figures on the real development set (../shared/dev, 141 labels)", "",
        "Every prediction below comes from a model that did not see the file (or the family) it is scored",
        "on. Stances whose answer the pipeline did not find keep their structural label and count.", "",
        "| evaluation | n | accuracy | macro-F1 |", "|---|---|---|---|",
        row("lexicon alone (no model)", report.get("lexicon_only", {})),
        row("model, leave one file out", lofo),
        row("model, leave one development family out", report.get("leave_one_dev_family_out", {})),
        row("model, leave one file out, fixtures and seeds", report.get("leave_one_file_out_fixtures", {})),
        row("model, leave one file out, layout probes", report.get("leave_one_file_out_layouts", {})),
        row("model as shipped, probes kept out of training", report.get("held_out_probes", {})), "",
        "The lexicon's cues and the answer-finding rules were written while reading the development",
        "documents, so the lexicon-alone row, and the model's use of those cues and passages, are not",
        "fully independent of these files: held-out here means the model's weights, not every rule.", "",
        "## Confidence means something (leave one file out)", "",
        "The development set alone gives each band some forty labels, few enough that one file moves",
        "a band; every labelled answer (development set, fixtures, seeds and layout probes) gives more.", "",
        "| confidence | n (development set) | accuracy | n (all) | accuracy |", "|---|---|---|---|---|",
    ]
    every = report.get("leave_one_file_out_all", {}).get("confidence_bands", {})
    for band, m in lofo.get("confidence_bands", {}).items():
        a = every.get(band, {"n": 0, "accuracy": 0.0})
        lines.append(f"| {band} | {m['n']} | {m['accuracy']:.3f} | {a['n']} | {a['accuracy']:.3f} |")
    lines += ["", "## Per label (leave one file out, development set)", "",
              "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, m in lofo.get("labels", {}).items():
        lines.append(f"| {lab} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.learn.train_stance", description=__doc__.split("\n\n")[0])
    p.add_argument("--dev", type=Path, default=PROJECT_ROOT.parent / "shared" / "dev",
                   help="the real development set (read, never copied); default ../shared/dev")
    p.add_argument("--out", type=Path, default=PROJECT_ROOT / "models", help="models folder (default models/)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--errors", action="store_true", help="list the development set's held-out errors")
    args = p.parse_args(argv)
    from pipeline import nlp as nlp_mod

    settings = Settings()
    nlp = nlp_mod.load(settings)
    samples: list[Sample] = []
    sources = corpora(args.dev if args.dev.exists() else None)
    for tag, corpus, gold, family_of in sources:
        got = collect(corpus, gold, family_of, settings, nlp, tag)
        print(f"{tag:<18} {len(got):>4} labelled stances, {sum(s.features is not None for s in got):>4} with an answer",
              file=sys.stderr)
        samples += got
    held_out: list[Sample] = []
    for folder in layout_folders():
        got = collect_layouts(folder, settings, nlp)
        print(f"{'layouts/' + folder.name:<18} {len(got):>4} labelled stances, "
              f"{sum(s.features is not None for s in got):>4} with an answer"
              f"{' (held out)' if folder.name in HELD_OUT_PROBES else ''}", file=sys.stderr)
        if folder.name in HELD_OUT_PROBES:
            held_out += got
        else:
            samples += got
    dev = [s for s in samples if s.family.startswith("dev:")]
    report = {"lexicon_only": metrics([(s, s.structural, 0.0) for s in dev])}
    lofo = cross_validate(samples, lambda s: s.group, args.seed)
    report["leave_one_file_out"] = metrics([r for r in lofo if r[0].family.startswith("dev:")])
    if args.errors:
        for s, pred, conf in lofo:
            if s.family.startswith("dev:") and pred != s.gold:
                cues = sorted(k[4:] for k in (s.features or {}) if k.startswith("cue:"))
                print(f"{s.key:<18} gold={s.gold:<20} pred={pred:<20} {conf:.2f} lex={s.structural:<20} {cues}",
                      file=sys.stderr)
    report["leave_one_file_out_fixtures"] = metrics([r for r in lofo if not r[0].family.startswith(("dev:", "layouts:"))])
    report["leave_one_file_out_layouts"] = metrics([r for r in lofo if r[0].family.startswith("layouts:")])
    # every labelled answer held out: four times the development set's labels, for confidence bands an analyst can trust
    report["leave_one_file_out_all"] = metrics(lofo)
    lofam = cross_validate(samples, lambda s: s.family if s.family.startswith("dev:") else "train", args.seed)
    report["leave_one_dev_family_out"] = metrics([r for r in lofam if r[0].family.startswith("dev:")])
    vec, clf = fit(samples, args.seed)
    # the probes no weight was fitted on, read by the model the pipeline ships
    report["held_out_probes"] = metrics([(s, *predict(vec, clf, s)) for s in held_out])
    counts = Counter(s.gold for s in samples if s.features is not None)
    trained = (f"{dt.date.today().isoformat()}: {sum(counts.values())} answers "
               f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}) from "
               f"{len({s.group for s in samples})} files: {', '.join(t for t, *_ in sources)}, "
               f"layouts ({', '.join(f.name for f in layout_folders() if f.name not in HELD_OUT_PROBES)}); C={C}, seed {args.seed}")
    export(vec, clf, args.out / MODEL_FILE, trained)
    (args.out / "stance" / "metrics.json").write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    (args.out / "stance" / "CARD.md").write_text(card(report, trained), encoding="utf-8")
    print(json.dumps({k: {m: v.get(m) for m in ("n", "accuracy", "macro_f1")} for k, v in report.items()}, indent=1))
    print(f"model written to {args.out / MODEL_FILE}: {trained}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
