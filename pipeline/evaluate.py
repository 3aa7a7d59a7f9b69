"""Score pipeline output against hand-annotated gold segments.

The gold format (tests/data/GOLD_FORMAT.md) is per *segment*, while the
pipeline writes relational tables; so scoring first folds the tables back into
gold-shaped dicts (``evaluate_fold``) and then compares dicts to dicts. The
comparison follows the official scorer (``shared/tools/score.py``, whose rules
are in ``gold_match``), so the figures here are the ones the project is judged
by; the fields that scorer leaves out (report, replies_to, addresses, e-mails,
references, the parts of a party) are scored the same way beside them.
Scoring is pure: ``load_gold`` and ``read_sources`` are the only I/O.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import string
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pipeline.evaluate_fold import PARTY_LISTS, iso, mention_label, predicted_from_tables, stance_label
from pipeline.evaluate_render import render, render_by_file
from pipeline.gold_match import (MISSING, align, coarsen, f1, first_char, first_line_at, has_party,
                                 lead, match_parties, norm_label, norm_name, party_matches, stance_for)
from pipeline.records import StanceLabel

__all__ = ["EvalReport", "GoldFormatError", "MISSING", "PARTY_LISTS", "as_dict", "headline",
           "load_gold", "match_segments", "mention_label", "norm", "norm_label", "norm_name",
           "official", "predicted_from_tables", "read_sources", "render", "render_by_file", "score",
           "stance_for", "stance_label", "to_json"]

_PARTS = ("name", "role", "organisation")  # of a party, each also scored alone
# field name -> "accuracy" or "f1", in report order
FIELDS: dict[str, str] = {
    "kind": "accuracy", "date": "accuracy", "replies_to": "accuracy", "reply_to_date": "accuracy",
    "report": "accuracy", "sender": "accuracy", **{f"sender.{s}": "accuracy" for s in _PARTS},
    **{k: "f1" for field in PARTY_LISTS for k in (field, *(f"{field}.{s}" for s in _PARTS))},
    "addresses": "f1", "postcodes": "f1", "deadlines": "f1", "emails": "f1", "references": "f1",
    "recommendations_mentioned": "f1",
}
# the per-file table's columns beside segments and stances
BY_FILE_FIELDS = ("kind", "date", "sender", "recipients", "participants", "recommendations_mentioned")

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"}
                        | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"})
_EDGES = string.punctuation + string.whitespace


class GoldFormatError(ValueError):
    """A gold file line is not a JSON segment object; names file and line."""


# ---- normalisation of the fields the official scorer leaves out
def norm(value: Any) -> Any:
    """Compare what a reader would call the same string as the same.

    Case, spacing, curly quotes and stray edge punctuation vary between the
    source text, the annotator and the extractor without changing meaning.
    Blank strings become None so "" and null are not scored as different.
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _WS.sub(" ", str(value).translate(_QUOTES)).strip(_EDGES).casefold()
    return text or None


_SUBS = {"name": norm_name, "role": norm, "organisation": norm}


def _int(value: Any) -> Any:
    """Numbers may arrive as "6" or 6 depending on who wrote the dict."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return norm(value)


def _address(a: dict) -> tuple:
    return (norm(a.get("role")), norm(a.get("postcode")),
            tuple(norm(line) for line in a.get("lines") or []))


def _postcodes(addresses: Iterable[dict]) -> set[str]:
    return {a["postcode"].upper().replace(" ", "") for a in addresses if a.get("postcode")}


def _senders(p: dict | None) -> list[dict]:
    """Every predicted sender; a gold-shaped prediction has at most one."""
    if p is None:
        return []
    if "senders" in p:
        return list(p["senders"])
    return [p["sender"]] if p.get("sender") else []


# ---- scoring one segment
def _singles(g: dict, p: dict | None, replies_to: Any) -> Iterator[tuple[str, Any, Any, bool]]:
    """(field, gold, predicted, correct) for each single-valued field gold scores.

    A segment that was not found (``p`` None) is wrong on every field, as the
    official scorer counts it: a missed letter loses its date as well.
    """
    found, pv = p is not None, p or {}
    yield "kind", g.get("kind"), pv.get("kind"), found and pv.get("kind") == g.get("kind")
    gold_date, pred_date = iso(g.get("date")) or None, iso(pv.get("date")) or None
    yield "date", gold_date, pred_date, found and gold_date == pred_date
    yield ("replies_to", g.get("replies_to"), replies_to,
           found and _int(g.get("replies_to")) == _int(replies_to))
    if g.get("reply_to_date"):
        pred = iso(pv.get("reply_to_date")) or None
        yield "reply_to_date", g["reply_to_date"], pred, found and pred == iso(g["reply_to_date"])
    yield "report", g.get("report"), pv.get("report"), found and norm(g.get("report")) == norm(pv.get("report"))
    sender = g.get("sender")
    if has_party(sender):
        senders = _senders(p)
        yield "sender", sender, pv.get("sender"), any(party_matches(sender, r) for r in senders)
        for sub, same in _SUBS.items():
            want = same(sender.get(sub))
            yield f"sender.{sub}", None, None, found and any(same(r.get(sub)) == want for r in senders)


def _compare(gold: set, pred: set) -> tuple[int, int, int, list, list]:
    return (len(gold & pred), len(pred), len(gold),
            sorted(gold - pred, key=repr), sorted(pred - gold, key=repr))


def _lists(g: dict, p: dict | None) -> Iterator[tuple[str, tuple[int, int, int, list, list]]]:
    """(field, (tp, predicted, gold, missed, extra)) for each list-valued field."""
    pv = p or {}
    for field in PARTY_LISTS:
        golds = [x for x in g.get(field) or [] if has_party(x)]
        rows = [x for x in pv.get(field) or [] if has_party(x)]
        pairs, missed, extra = match_parties(golds, rows)
        yield field, (len(pairs), len(rows), len(golds), missed, extra)
        for sub, same in _SUBS.items():
            values = [{same(x.get(sub)) for x in side or [] if x} - {None}
                      for side in (g.get(field), pv.get(field))]
            yield f"{field}.{sub}", _compare(*values)
    yield "addresses", _compare({_address(a) for a in g.get("addresses") or []},
                                {_address(a) for a in pv.get("addresses") or []})
    yield "postcodes", _compare(_postcodes(g.get("addresses") or []), _postcodes(pv.get("addresses") or []))
    yield "deadlines", _compare({str(iso(d)) for d in g.get("deadlines") or [] if d},
                                {str(iso(d)) for d in pv.get("deadlines") or [] if d})
    for field in ("emails", "references"):
        yield field, _compare({norm(x) for x in g.get(field) or []} - {None},
                              {norm(x) for x in pv.get(field) or []} - {None})
    gold_recs = {norm_label(x) for x in g.get("recommendations_mentioned") or []}
    pred_recs = coarsen({norm_label(x) for x in pv.get("recommendations_mentioned") or []}, gold_recs)
    yield "recommendations_mentioned", _compare(gold_recs, pred_recs)


def _stance_pairs(g: dict, p: dict | None) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(gold, predicted) for every gold key, and the predicted keys gold has no use for.

    A predicted part ("8a") is used where gold keys its whole number ("8")
    and the whole was not answered itself; any other key gold lacks is spurious.
    """
    predicted = {norm_label(k): v for k, v in ((p or {}).get("stances") or {}).items()}
    keys = {norm_label(k) for k in g.get("stances") or {}}
    pairs = [(v, stance_for(predicted, norm_label(k)) or MISSING)
             for k, v in (g.get("stances") or {}).items()]
    used = keys | {k for k in predicted if lead(k) in keys and lead(k).isdigit() and lead(k) not in predicted}
    return pairs, {k: v for k, v in predicted.items() if k not in used}


def _dis(seg: dict, field: str, gold: Any, predicted: Any, **more: Any) -> dict[str, Any]:
    return {"file": seg.get("file"), "index": seg.get("index"), "field": field,
            "gold": gold, "predicted": predicted, **more}


def _score_segment(g: dict, p: dict | None, replies_to: Any, tally: Counter,
                   pairs: list, disagreements: list) -> None:
    """Add one gold segment's counts to ``tally``; a missed segment's errors are not listed."""
    for name, gold, pred, ok in _singles(g, p, replies_to):
        tally[name, "n"] += 1
        tally[name, "ok"] += bool(ok)
        if not ok and p is not None and "." not in name:
            disagreements.append(_dis(g, name, gold, pred))
    for name, (tp, n_pred, n_gold, missed, extra) in _lists(g, p):
        tally[name, "tp"] += tp
        tally[name, "np"] += n_pred
        tally[name, "ng"] += n_gold
        if (missed or extra) and p is not None and "." not in name:
            disagreements.append(_dis(g, name, g.get(name), (p or {}).get(name),
                                      missing=missed, extra=extra))
    found, spurious = _stance_pairs(g, p)
    pairs += found
    tally["stances", "spurious"] += len(spurious)
    if p is not None:
        for (k, want), (_, got) in zip((g.get("stances") or {}).items(), found):
            if want != got:
                disagreements.append(_dis(g, f"stances.{k}", want, None if got == MISSING else got))
        disagreements += [_dis(g, f"stances.{k}", None, v) for k, v in spurious.items()]


# ---- scoring one file
def _file_text(preds: list[dict]) -> str | None:
    """The file as the predicted segments tile it, blanks where they leave gaps.

    The pipeline's segments run from the first one's start to the end of the
    file, so this is the file itself from there on; gold starts before the
    first segment are only found when the caller passes the real text.
    """
    placed = sorted((p["char_start"], p["text"]) for p in preds
                    if p.get("char_start") is not None and p.get("text") is not None)
    if not placed:
        return None
    parts, pos = [], 0
    for start, text in placed:
        if start > pos:
            parts.append(" " * (start - pos))
            pos = start
        parts.append(text[pos - start:])
        pos = max(pos, start + len(text))
    return "".join(parts)


def _pair_file(golds: list[dict], preds: list[dict],
               text: str | None) -> tuple[list[dict], list[dict], list[int | None], list[str]]:
    """One file's gold and predicted segments in file order, the position of each
    gold segment's prediction (or None), and each prediction's first line."""
    golds = sorted(golds, key=lambda g: g.get("index") if isinstance(g.get("index"), int) else -1)
    preds = sorted(preds, key=lambda p: (p.get("char_start") is None, p.get("char_start") or 0,
                                         p.get("index") or 0))
    text = text if text is not None else _file_text(preds)
    at = [p.get("char_start") if text is not None else None for p in preds]
    firsts = [first_line_at(text, s) if s is not None else first_line_at(p.get("starts_with") or "", 0)
              for p, s in zip(preds, at)]
    chars = [first_char(text, s) if s is not None else None for s in at]
    return golds, preds, align([g["starts_with"] for g in golds], firsts, chars, text), firsts


def _score_file(golds: list[dict], preds: list[dict], text: str | None) -> tuple[Counter, list, list]:
    """Counts, stance pairs and disagreements of one file's gold segments."""
    golds, preds, hits, firsts = _pair_file(golds, preds, text)
    tally, pairs, disagreements = Counter(), [], []
    tally["segments", "gold"] += len(golds)
    tally["segments", "predicted"] += len(preds)
    tally["segments", "matched"] += sum(h is not None for h in hits)
    tally["segments", "by_position"] += sum(h is not None and firsts[h] != g["starts_with"]
                                            for g, h in zip(golds, hits))
    # a predicted reply names the predicted index it answers; gold names a gold index
    gold_index = {preds[h].get("index"): g.get("index") for g, h in zip(golds, hits) if h is not None}
    for g, h in zip(golds, hits):
        p = preds[h] if h is not None else None
        replies_to = None if p is None or p.get("replies_to") is None \
            else gold_index.get(p["replies_to"], f"segment {p['replies_to']}, not found in gold")
        if p is None:
            disagreements.append(_dis(g, "segment", g.get("starts_with"), None))
        _score_segment(g, p, replies_to, tally, pairs, disagreements)
    taken = {h for h in hits if h is not None}
    disagreements += [_dis(p, "segment", None, firsts[k]) for k, p in enumerate(preds) if k not in taken]
    return tally, pairs, disagreements


def _by_file(segments: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for seg in segments:
        grouped[os.path.basename(str(seg.get("file", "")))].append(seg)
    return grouped


def match_segments(gold: list[dict], predicted: list[dict],
                   texts: Mapping[str, str] | None = None) -> dict[tuple[str, Any], dict]:
    """The predicted segment each found gold segment is, keyed by gold (file, index).

    The same matching ``score`` uses, for tools that look at one field in depth.
    """
    preds_by_file, out = _by_file(predicted), {}
    for name, golds in _by_file(gold).items():
        golds, preds, hits, _ = _pair_file(golds, preds_by_file.get(name, []), (texts or {}).get(name))
        out |= {(g.get("file"), g.get("index")): preds[h] for g, h in zip(golds, hits) if h is not None}
    return out


# ---- the report
@dataclasses.dataclass
class EvalReport:
    """Plain dicts inside, so the JSON form is the report itself."""
    segments: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    stances: dict[str, Any]
    disagreements: list[dict[str, Any]]
    by_file: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)


def _field(name: str, tally: Counter) -> dict[str, Any]:
    if FIELDS[name] == "accuracy":
        n, ok = tally[name, "n"], tally[name, "ok"]
        acc = ok / n if n else 1.0
        return {"metric": "accuracy", "value": acc, "accuracy": acc, "correct": ok, "support": n}
    tp, n_pred, n_gold = tally[name, "tp"], tally[name, "np"], tally[name, "ng"]
    p, r, f = f1(tp, n_pred, n_gold)
    return {"metric": "f1", "value": f, "precision": p, "recall": r, "f1": f,
            "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp, "support": n_gold}


def _stances(pairs: list[tuple[str, str]], spurious: int) -> dict[str, Any]:
    """Accuracy and macro-F1 over gold keys, as the official scorer computes them.

    Macro-F1 averages the labels gold uses; a label only ever predicted is
    listed with support 0 but does not enter the mean. Spurious keys (answers
    to recommendations gold does not key) are counted apart.
    """
    correct = sum(gl == pl for gl, pl in pairs)
    gold_labels = sorted({gl for gl, _ in pairs})
    seen = {lab for pair in pairs for lab in pair} - {MISSING}
    labels = [lab for lab in StanceLabel if lab in seen] + sorted(seen - set(StanceLabel))
    per_label = {}
    for lab in labels:
        tp = sum(gl == pl == lab for gl, pl in pairs)
        p, r, f = f1(tp, sum(pl == lab for _, pl in pairs), sum(gl == lab for gl, _ in pairs))
        per_label[str(lab)] = {"precision": p, "recall": r, "f1": f,
                               "support": sum(gl == lab for gl, _ in pairs)}
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (gl, pl), n in sorted(Counter(pairs).items()):
        confusion[str(gl)][str(pl)] = n
    f1s = [per_label[str(lab)]["f1"] for lab in gold_labels]
    return {
        "accuracy": correct / len(pairs) if pairs else 1.0,
        "correct": correct, "support": len(pairs),
        "missing": sum(pl == MISSING for _, pl in pairs), "spurious": spurious,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 1.0,
        "labels": per_label, "confusion": dict(confusion),
    }


def _rate(tally: Counter, name: str) -> float | None:
    """A field's score in one file, or None where the file gives it nothing to score."""
    if FIELDS[name] == "accuracy":
        return tally[name, "ok"] / tally[name, "n"] if tally[name, "n"] else None
    if not (tally[name, "np"] or tally[name, "ng"]):
        return None
    return f1(tally[name, "tp"], tally[name, "np"], tally[name, "ng"])[2]


def _file_row(tally: Counter, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"segments_gold": tally["segments", "gold"],
            "segments_predicted": tally["segments", "predicted"],
            "segments_matched": tally["segments", "matched"],
            **{name: _rate(tally, name) for name in BY_FILE_FIELDS},
            "stance_accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else None,
            "stances": len(pairs)}


def score(gold: list[dict], predicted: list[dict],
          texts: Mapping[str, str] | None = None) -> EvalReport:
    """Compare predicted segments to gold, file by file, as the official scorer does.

    Every gold segment counts in every field it has: one that was not found
    is wrong on all of them, so a segmentation miss costs what it costs the
    judged score. ``texts`` (file name -> text, see ``read_sources``) are
    what positions are measured in, as the official scorer measures them;
    without them each file is rebuilt from the predicted segments' offsets
    and texts, which is the same text wherever the pipeline's offsets are
    the scorer's and gold does not start before the first predicted segment. Predicted segments from files gold does not
    cover are ignored: the corpus may hold files nobody annotated.
    """
    preds_by_file = _by_file(predicted)
    tally, pairs, disagreements, by_file = Counter(), [], [], {}
    for name, golds in _by_file(gold).items():
        t, found, dis = _score_file(golds, preds_by_file.get(name, []), (texts or {}).get(name))
        tally.update(t)
        pairs += found
        disagreements += dis
        by_file[name] = _file_row(t, found)
    matched, n_pred, n_gold = tally["segments", "matched"], tally["segments", "predicted"], len(gold)
    p, r, f = f1(matched, n_pred, n_gold)
    segments = {"gold": n_gold, "predicted": n_pred, "matched": matched,
                "by_position": tally["segments", "by_position"],
                "ignored_predicted": len(predicted) - n_pred, "precision": p, "recall": r, "f1": f}
    fields = {name: _field(name, tally) for name in FIELDS}
    stances = _stances(pairs, tally["stances", "spurious"])
    # Stable sort: group by segment, keep field order within a segment.
    disagreements.sort(key=lambda d: (str(d["file"]),
                                      d["index"] if isinstance(d["index"], int) else -1))
    return EvalReport(segments, fields, stances, disagreements, by_file)


# ---- output
def as_dict(report: EvalReport, *, by_file: bool = False) -> dict[str, Any]:
    """The report as plain data; the per-file table only when asked for."""
    data = dataclasses.asdict(report)
    if not by_file:
        del data["by_file"]
    return data


def to_json(report: EvalReport, *, by_file: bool = False) -> str:
    """Sorted keys, so two reports diff cleanly line by line."""
    return json.dumps(as_dict(report, by_file=by_file), sort_keys=True, indent=2, default=str)


def headline(report: EvalReport) -> dict[str, float]:
    """One number per field, for dashboards and regression thresholds."""
    out = {"segments": report.segments["f1"]}
    out |= {name: s["value"] for name, s in report.fields.items()}
    out["stances.accuracy"] = report.stances["accuracy"]
    out["stances.macro_f1"] = report.stances["macro_f1"]
    return out


_OFFICIAL = {"kind": "kind_acc", "date": "date_acc", "reply_to_date": "reply_to_date_acc",
             "sender": "sender_acc", "recipients": "recipients_f1", "cc": "cc_f1",
             "participants": "participants_f1", "postcodes": "postcodes_f1",
             "deadlines": "deadlines_f1", "recommendations_mentioned": "recs_f1"}


def official(report: EvalReport) -> dict[str, Any]:
    """The figures under the official scorer's names and rounding, to set side by side.

    As there, an accuracy nothing was scored on is None and the stance
    figures are left out where gold keys no stance.
    """
    out: dict[str, Any] = {"segments_f1": round(report.segments["f1"], 3)}
    for name, key in _OFFICIAL.items():
        field = report.fields[name]
        out[key] = None if field["metric"] == "accuracy" and not field["support"] \
            else round(field["value"], 3)
    st = report.stances
    if st["support"]:
        out |= {"stance_acc": round(st["accuracy"], 3), "stance_macro_f1": round(st["macro_f1"], 3),
                "stance_n": st["support"],
                "stance_confusion": {f"{g}->{'missing' if p == MISSING else p}": n
                                     for g, row in st["confusion"].items() for p, n in row.items() if g != p}}
    return out


# ---- input
def load_gold(path: str | os.PathLike) -> list[dict]:
    """Fail on the exact line, since gold files are edited by hand."""
    segments = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                seg = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{lineno}: invalid JSON: {exc.msg}"
                                      f" (column {exc.colno})") from None
            if not isinstance(seg, dict) or not isinstance(seg.get("file"), str) \
                    or not isinstance(seg.get("starts_with"), str):
                raise GoldFormatError(f"{path}:{lineno}: expected a JSON object with string"
                                      " 'file' and 'starts_with'")
            segments.append(seg)
    return segments


def read_sources(corpus: Path, gold: Iterable[dict]) -> dict[str, str]:
    """The text of each file gold names, read as the official scorer reads it.

    That is UTF-8 with bad bytes replaced and universal newlines, not the
    pipeline's own decoding: positions are judged in the scorer's text, so
    where the pipeline counts offsets differently (a file with CRLF line
    ends, whose offsets count each CR) the judged score suffers, and this
    one must show it. A file that cannot be read is left out; its segments
    are then matched on the predicted segments' own text.
    """
    texts = {}
    for name in dict.fromkeys(g["file"] for g in gold):
        try:
            texts[name] = (corpus / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    return texts
