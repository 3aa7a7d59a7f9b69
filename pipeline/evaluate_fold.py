"""Fold the pipeline's relational tables back into gold-shaped segment dicts.

Gold is written per segment (tests/data/GOLD_FORMAT.md) and the pipeline
writes tables; scoring compares dicts to dicts, so the tables are folded once
here. Labels are kept as written and compared normalised by the scorer.
"""
from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from pipeline.gold_match import lead, norm_label

PARTY_LISTS = {"recipients": "recipient", "cc": "cc", "participants": "participant"}


def _rows(tables: Mapping[str, pa.Table], name: str) -> list[dict]:
    """A stage that found nothing may leave its table out; treat that as empty."""
    table = tables.get(name)
    return [] if table is None else table.to_pylist()


def iso(value: Any) -> Any:
    """A date as gold writes it (ISO); anything else unchanged."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _first_line(text: str) -> str:
    """Gold anchors a segment on its first non-blank line, so we show it too."""
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


def mention_label(row: dict) -> str | None:
    """A mention's label as written, or its number where the row has no label."""
    if row.get("label"):
        return row["label"]
    return str(row["number"]) if row.get("number") is not None else None


def stance_label(row: dict, register: Mapping[str, str]) -> str | None:
    """The label a stance row answers, as written ("6", "8.14", "4a(ii)").

    The row's own ``label`` where the table has one; otherwise the register's
    label for its recommendation, unless that label starts with another
    number: the register may carry another letter's numbering, and the stance
    keeps the number its own letter used.
    """
    if row.get("label"):
        return row["label"]
    label, number = register.get(row.get("recommendation_id")), row.get("recommendation_number")
    if number is not None and (not label or lead(norm_label(label)) != str(number)):
        return str(number)
    return label or None


def _as_written(label: str) -> int | str:
    """Gold writes a whole-number label as an int and any other as a string."""
    return int(label) if label.isdigit() and str(int(label)) == label else label


def _label_order(label: int | str) -> tuple:
    text = str(label)
    head = lead(norm_label(text))
    return (int(head) if head.isdigit() else 10**9, norm_label(text))


def predicted_from_tables(tables: Mapping[str, pa.Table]) -> list[dict]:
    """Fold the relational output into one gold-shaped dict per letter row.

    Beside the gold fields each dict keeps ``letter_id``, ``char_start`` and
    ``text`` (the segment's offset and text in its file, so segments can be
    matched by position without reading the files) and ``senders`` (every
    sender row, since a segment's sender is found if any of them is right).
    ``replies_to`` is only set for a reply to a letter in the same file,
    because gold indexes segments per file and cannot express anything else.
    Stances are keyed by label; where several rows answer the same label the
    last one stands, as the official scorer reads them.
    """
    letters = _rows(tables, "letters")
    where = {r["letter_id"]: (r["source_path"], r["index"]) for r in letters}
    register = {r["recommendation_id"]: r.get("label") for r in _rows(tables, "recommendations")}
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
        said: dict[str, tuple[str, str]] = {}
        for s in stances.get(lid, []):
            label = stance_label(s, register)
            if label:
                said[norm_label(label)] = (label, s["stance"])
        labels = {norm_label(lab): lab for m in mentions.get(lid, []) if (lab := mention_label(m))}
        seg = {
            "file": os.path.basename(r["source_path"]),
            "index": r["index"],
            "letter_id": lid,
            "char_start": r.get("char_start"),
            "text": r.get("text"),
            "kind": r["kind"],
            "starts_with": _first_line(r.get("text") or ""),
            "date": iso(r.get("date")),
            "replies_to": target[1] if target and target[0] == r["source_path"] else None,
            "reply_to_date": iso(r.get("reply_to_date")),
            "report": r.get("report_title"),
            "references": list(r.get("references") or []),
            "sender": senders[0] if senders else None,
            "senders": senders,
            "emails": list(dict.fromkeys(
                p["email"].strip().lower() for p in ps if p.get("email"))),
            "addresses": [{"role": a["role"], "postcode": a.get("postcode"),
                           "lines": list(a["lines"])} for a in addresses.get(lid, [])],
            "deadlines": list(dict.fromkeys(
                iso(d["value"]) for d in dates.get(lid, []) if d["kind"] == "deadline")),
            "recommendations_mentioned": sorted((_as_written(lab) for lab in labels.values()),
                                                key=_label_order),
            "stances": dict(said.values()),
        }
        for field, role in PARTY_LISTS.items():
            seg[field] = [_party_dict(p) for p in ps if p["role"] == role]
        out.append(seg)
    return out
