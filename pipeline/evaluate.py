"""Score pipeline output against hand-annotated gold segments.

The gold format (tests/data/GOLD_FORMAT.md) is per *segment*, while the
pipeline writes relational tables; so scoring first folds the tables back into
gold-shaped dicts and then compares dicts to dicts. Keeping both halves pure
(no I/O beyond ``load_gold``) lets tests exercise them without running the
pipeline, and lets the CLI decide where reports go.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
from nameparser import HumanName
from nameparser.config import Constants

from pipeline.records import StanceLabel

MISSING = "(missing)"
PARTY_LISTS = {"recipients": "recipient", "cc": "cc", "participants": "participant"}

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"}
                        | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"})
_EDGES = string.punctuation + string.whitespace
# A private copy, so extending the post-nominals does not change how other
# modules' HumanName calls parse names.
_NAMES = Constants()
_NAMES.suffix_acronyms.add("kc", "msp", "mla", "mep", "dl", "frs", "frsa", "frcp", "mbbs", "pc")


class GoldFormatError(ValueError):
    """A gold file line is not a JSON segment object; names file and line."""


# ---- tables -> gold-shaped dicts
def _rows(tables: dict[str, pa.Table], name: str) -> list[dict]:
    """A stage that found nothing may leave its table out; treat that as empty."""
    table = tables.get(name)
    return [] if table is None else table.to_pylist()


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _first_line(text: str) -> str:
    """Gold anchors a segment on its first non-blank line, so we must too."""
    return next((line.rstrip() for line in text.splitlines() if line.strip()), "")


def _by_letter(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["letter_id"]].append(row)
    return grouped


def _party_dict(row: dict) -> dict:
    # The table's ``position`` is the job title, which gold calls ``role``.
    return {"name": row.get("name"), "role": row.get("position"),
            "organisation": row.get("organisation")}


def predicted_from_tables(tables: dict[str, pa.Table]) -> list[dict]:
    """Fold the relational output into one gold-shaped dict per letter row.

    ``replies_to`` is only set for a reply to a letter in the same file,
    because gold indexes segments per file and cannot express anything else.
    Where several stance rows share a recommendation number (e.g. "8.2" and
    "8.3"), the most confident one stands for the number, as gold keys by it.
    """
    letters = _rows(tables, "letters")
    where = {r["letter_id"]: (r["source_path"], r["index"]) for r in letters}
    parties = _by_letter(_rows(tables, "parties"))
    addresses = _by_letter(_rows(tables, "addresses"))
    dates = _by_letter(_rows(tables, "dates"))
    mentions = _by_letter(_rows(tables, "recommendation_mentions"))
    stances = _by_letter(_rows(tables, "stances"))
    out = []
    for r in letters:
        lid = r["letter_id"]
        target = where.get(r.get("in_reply_to"))
        ps = parties.get(lid, [])
        senders = [_party_dict(p) for p in ps if p["role"] == "sender"]
        best: dict[str, dict] = {}
        for s in stances.get(lid, []):
            key = str(s["recommendation_number"])
            if key not in best or s["confidence"] > best[key]["confidence"]:
                best[key] = s
        seg = {
            "file": os.path.basename(r["source_path"]),
            "index": r["index"],
            "kind": r["kind"],
            "starts_with": _first_line(r["text"]),
            "date": _iso(r.get("date")),
            "replies_to": target[1] if target and target[0] == r["source_path"] else None,
            "reply_to_date": _iso(r.get("reply_to_date")),
            "report": r.get("report_title"),
            "references": list(r.get("references") or []),
            "sender": senders[0] if senders else None,
            "emails": list(dict.fromkeys(
                p["email"].strip().lower() for p in ps if p.get("email"))),
            "addresses": [{"role": a["role"], "postcode": a.get("postcode"),
                           "lines": list(a["lines"])} for a in addresses.get(lid, [])],
            "deadlines": list(dict.fromkeys(
                _iso(d["value"]) for d in dates.get(lid, []) if d["kind"] == "deadline")),
            "recommendations_mentioned": sorted({m["number"] for m in mentions.get(lid, [])}),
            "stances": {k: s["stance"] for k, s in best.items()},
        }
        for field, role in PARTY_LISTS.items():
            seg[field] = [_party_dict(p) for p in ps if p["role"] == role]
        out.append(seg)
    return out


# ---- normalisation
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


def norm_name(value: Any) -> str | None:
    """Honorifics and post-nominals are styling, not identity, so drop them."""
    text = norm(value)
    if text is None:
        return None
    name = HumanName(_WS.sub(" ", str(value).translate(_QUOTES)).strip(), constants=_NAMES)
    core = " ".join(p for p in (name.first, name.middle, name.last) if p)
    return norm(core) or text


def _int(value: Any) -> Any:
    """Numbers may arrive as "6" or 6 depending on who wrote the dict."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return norm(value)


def _party(p: dict | None) -> tuple | None:
    if not p:
        return None
    return (norm_name(p.get("name")), norm(p.get("role")), norm(p.get("organisation")))


def _address(a: dict) -> tuple:
    return (norm(a.get("role")), norm(a.get("postcode")),
            tuple(norm(line) for line in a.get("lines") or []))


# ---- field extractors: segment dict -> comparable value / set
_SUB = {"name": 0, "role": 1, "organisation": 2}

SINGLE: dict[str, Callable[[dict], Any]] = {
    "kind": lambda s: norm(s.get("kind")),
    "date": lambda s: norm(s.get("date")),
    "replies_to": lambda s: _int(s.get("replies_to")),
    "reply_to_date": lambda s: norm(s.get("reply_to_date")),
    "report": lambda s: norm(s.get("report")),
    "sender": lambda s: _party(s.get("sender")),
}
for _sub, _i in _SUB.items():
    SINGLE[f"sender.{_sub}"] = lambda s, i=_i: (_party(s.get("sender")) or (None,) * 3)[i]


def _parties(field: str, sub: int | None = None) -> Callable[[dict], set]:
    def get(s: dict) -> set:
        triples = {_party(p) for p in s.get(field) or [] if p}
        if sub is None:
            return triples
        return {t[sub] for t in triples if t[sub] is not None}
    return get


SETS: dict[str, Callable[[dict], set]] = {}
for _field in PARTY_LISTS:
    SETS[_field] = _parties(_field)
    for _sub, _i in _SUB.items():
        SETS[f"{_field}.{_sub}"] = _parties(_field, _i)
SETS |= {
    "addresses": lambda s: {_address(a) for a in s.get("addresses") or []},
    "deadlines": lambda s: {norm(d) for d in s.get("deadlines") or []} - {None},
    "emails": lambda s: {norm(e) for e in s.get("emails") or []} - {None},
    "references": lambda s: {norm(r) for r in s.get("references") or []} - {None},
    "recommendations_mentioned":
        lambda s: {_int(n) for n in s.get("recommendations_mentioned") or []} - {None},
}


# ---- scoring
@dataclasses.dataclass
class EvalReport:
    """Plain dicts inside, so the JSON form is the report itself."""
    segments: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    stances: dict[str, Any]
    disagreements: list[dict[str, Any]]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """An empty-vs-empty comparison is perfect, not NaN: nothing was missed."""
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _key(seg: dict) -> tuple[str, str]:
    return (os.path.basename(str(seg.get("file", ""))),
            _WS.sub(" ", str(seg.get("starts_with") or "")).strip())


def _pair(gold: list[dict], predicted: list[dict]) -> tuple[list, list, list]:
    """Match segments on (file, first line); repeated first lines pair in order."""
    queues: dict[tuple, list[dict]] = defaultdict(list)
    for seg in predicted:
        queues[_key(seg)].append(seg)
    matched, lost = [], []
    for seg in gold:
        queue = queues.get(_key(seg))
        if queue:
            matched.append((seg, queue.pop(0)))
        else:
            lost.append(seg)
    return matched, lost, [s for q in queues.values() for s in q]


def _dis(seg: dict, field: str, gold: Any, predicted: Any, **more: Any) -> dict[str, Any]:
    return {"file": seg.get("file"), "index": seg.get("index"), "field": field,
            "gold": gold, "predicted": predicted, **more}


def _score_stances(matched: list[tuple[dict, dict]], disagreements: list[dict]) -> dict:
    """Stances are scored per gold key; keys gold lacks are reported as spurious.

    Spurious predictions also count against their label's precision, since a
    reader of the table would take them at face value.
    """
    pairs: list[tuple[str, str]] = []
    spurious = 0
    for g, p in matched:
        gs = {str(k).strip(): norm(v) for k, v in (g.get("stances") or {}).items()}
        ps = {str(k).strip(): norm(v) for k, v in (p.get("stances") or {}).items()}
        for k in sorted(gs.keys() | ps.keys(), key=lambda k: (len(k), k)):
            pair = (gs.get(k, MISSING), ps.get(k, MISSING))
            pairs.append(pair)
            spurious += k not in gs
            if pair[0] != pair[1]:
                disagreements.append(_dis(g, f"stances.{k}", gs.get(k), ps.get(k)))
    scored = [(gl, pl) for gl, pl in pairs if gl != MISSING]
    correct = sum(gl == pl for gl, pl in scored)
    seen = {lab for pair in pairs for lab in pair} - {MISSING}
    labels = [lab for lab in StanceLabel if lab in seen] + sorted(seen - set(StanceLabel))
    per_label = {}
    for lab in labels:
        tp = sum(gl == pl == lab for gl, pl in pairs)
        fp = sum(pl == lab != gl for gl, pl in pairs)
        fn = sum(gl == lab != pl for gl, pl in pairs)
        p, r, f = _prf(tp, fp, fn)
        per_label[str(lab)] = {"precision": p, "recall": r, "f1": f, "support": tp + fn}
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (gl, pl), n in sorted(Counter(pairs).items()):
        confusion[str(gl)][str(pl)] = n
    return {
        "accuracy": correct / len(scored) if scored else 1.0,
        "correct": correct, "support": len(scored),
        "missing": sum(pl == MISSING for _, pl in scored), "spurious": spurious,
        "macro_f1": (sum(v["f1"] for v in per_label.values()) / len(per_label)
                     if per_label else 1.0),
        "labels": per_label, "confusion": dict(confusion),
    }


def score(gold: list[dict], predicted: list[dict]) -> EvalReport:
    """Compare predicted segments to gold, field by field, on matched segments only.

    Field scores are conditioned on the segment being found, so a segmentation
    miss is counted once (in segment recall) instead of in every field.
    Predicted segments from files gold does not cover are ignored: the corpus
    may hold files nobody annotated, and they say nothing about precision.
    """
    files = {_key(g)[0] for g in gold}
    in_scope = [p for p in predicted if _key(p)[0] in files]
    matched, lost, extra = _pair(gold, in_scope)
    p, r, f = _prf(len(matched), len(extra), len(lost))
    segments = {"gold": len(gold), "predicted": len(in_scope), "matched": len(matched),
                "ignored_predicted": len(predicted) - len(in_scope),
                "precision": p, "recall": r, "f1": f}
    disagreements = [_dis(g, "segment", g.get("starts_with"), None) for g in lost]
    disagreements += [_dis(s, "segment", None, s.get("starts_with")) for s in extra]

    fields: dict[str, dict] = {}
    for name, get in SINGLE.items():
        correct = 0
        for g, pr in matched:
            same = get(g) == get(pr)
            correct += same
            if not same and "." not in name:
                disagreements.append(_dis(g, name, g.get(name), pr.get(name)))
        acc = correct / len(matched) if matched else 1.0
        fields[name] = {"metric": "accuracy", "value": acc, "accuracy": acc,
                        "correct": correct, "support": len(matched)}
    for name, get in SETS.items():
        tp = fp = fn = 0
        for g, pr in matched:
            gs, ps = get(g), get(pr)
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
            if gs != ps and "." not in name:
                disagreements.append(_dis(g, name, g.get(name), pr.get(name),
                                          missing=sorted(gs - ps, key=repr),
                                          extra=sorted(ps - gs, key=repr)))
        p, r, f = _prf(tp, fp, fn)
        fields[name] = {"metric": "f1", "value": f, "precision": p, "recall": r, "f1": f,
                        "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}
    stances = _score_stances(matched, disagreements)
    # Stable sort: group by segment, keep field order within a segment.
    disagreements.sort(key=lambda d: (str(d["file"]),
                                      d["index"] if isinstance(d["index"], int) else -1))
    return EvalReport(segments, fields, stances, disagreements)


# ---- output
def as_dict(report: EvalReport) -> dict[str, Any]:
    return dataclasses.asdict(report)


def to_json(report: EvalReport) -> str:
    """Sorted keys, so two reports diff cleanly line by line."""
    return json.dumps(as_dict(report), sort_keys=True, indent=2, default=str)


def headline(report: EvalReport) -> dict[str, float]:
    """One number per field, for dashboards and regression thresholds."""
    out = {"segments": report.segments["f1"]}
    out |= {name: s["value"] for name, s in report.fields.items()}
    out["stances.accuracy"] = report.stances["accuracy"]
    out["stances.macro_f1"] = report.stances["macro_f1"]
    return out


def _short(value: Any, width: int = 70) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def render(report: EvalReport, max_disagreements: int = 30) -> str:
    """A fixed-width summary a developer can read in a terminal or a CI log."""
    seg = report.segments
    lines = [f"segments: gold={seg['gold']} predicted={seg['predicted']} matched={seg['matched']}"
             f" ignored={seg['ignored_predicted']}  P={seg['precision']:.3f}"
             f" R={seg['recall']:.3f} F1={seg['f1']:.3f}", "",
             f"{'field':<28} {'metric':<9} {'value':>6} {'support':>8}  detail"]
    for name, s in report.fields.items():
        detail = (f"P={s['precision']:.3f} R={s['recall']:.3f}" if s["metric"] == "f1"
                  else f"{s['correct']}/{s['support']}")
        lines.append(f"{name:<28} {s['metric']:<9} {s['value']:>6.3f} {s['support']:>8}  {detail}")
    st = report.stances
    lines += ["", f"stances: accuracy={st['accuracy']:.3f} ({st['correct']}/{st['support']})"
                  f" macro_f1={st['macro_f1']:.3f} missing={st['missing']}"
                  f" spurious={st['spurious']}",
              f"  {'label':<22} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for lab, m in st["labels"].items():
        lines.append(f"  {lab:<22} {m['precision']:>6.3f} {m['recall']:>6.3f}"
                     f" {m['f1']:>6.3f} {m['support']:>8}")
    conf, order = st["confusion"], list(st["labels"]) + [MISSING]
    rows = [g for g in order if g in conf]
    cols = [c for c in order if any(c in conf[g] for g in rows)]
    if rows:
        w = max(len(r) for r in rows + ["gold \\ predicted"]) + 2
        lines += ["", "  " + "gold \\ predicted".ljust(w) + " ".join(c for c in cols)]
        for g in rows:
            lines.append("  " + g.ljust(w) + " ".join(str(conf[g].get(c, 0)).rjust(len(c))
                                                     for c in cols))
    dis = report.disagreements
    lines += ["", f"disagreements: {len(dis)}"
              + (f" (first {max_disagreements})" if len(dis) > max_disagreements else "")]
    for d in dis[:max_disagreements]:
        where = f"  {d['file']}#{d['index']} {d['field']}: "
        if "missing" in d:
            lines.append(where + f"missing {_short(d['missing'])} extra {_short(d['extra'])}")
        else:
            lines.append(where + f"gold {_short(d['gold'])} predicted {_short(d['predicted'])}")
    return "\n".join(lines) + "\n"


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
