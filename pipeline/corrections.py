"""Analyst corrections that every run applies.

An analyst who finds a wrong row writes a correction into
``corrections.csv`` (or ``corrections.jsonl``, one object a line, same keys)
in the corpus folder. Every run reads it after linking and applies it to the
rows it names, which then carry ``source`` = ``manual``; the ``corrections``
table lists what was applied and the value it replaced.

Columns (the review site prints a ready-made row for every letter and stance):

``letter_id``, or ``file`` and ``index``
    the letter, as in the ``letters`` table (``file`` is its ``source_path``).
``text_sha256``
    SHA-256 of the letter's text as the analyst read it (any prefix of at least
    8 hex digits). A letter whose text is no longer the one corrected (the file
    was edited, or the segmentation moved) does not take the correction: the
    row is reported stale in ``errors`` (W601).
``field``
    a letter field (``kind``, ``date``, ``reply_to_date``, ``in_reply_to``,
    ``report_title``, ``subject``), a party's (``sender``, ``recipient``, or
    ``sender.name``, ``recipient.organisation``, ...: name, honorific,
    position, organisation, email), or ``stance``.
``recommendation``
    for ``stance``: the recommendation's label as the reply writes it (``6``,
    ``8.25``) or its ``recommendation_id``.
``value``
    the right value; empty clears a field. Dates are ``YYYY-MM-DD``.
``note``
    optional: who and why.

Nothing is dropped in silence: a row that cannot be applied is an ``errors``
row with a warning code (W601 stale, W602 letter not found, W603 invalid),
and a corrections file that cannot be read is E601.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.records import (CorrectionRow, ErrorRow, Kind, Letter, Party, PartyRole, Source, Stance,
                              StanceLabel, leading)

FILENAMES = ("corrections.csv", "corrections.jsonl")
COLUMNS = ("letter_id", "file", "index", "text_sha256", "field", "recommendation", "value", "note")
LETTER_FIELDS = ("kind", "date", "reply_to_date", "in_reply_to", "report_title", "subject")
PARTY_ROLES = ("sender", "recipient")
PARTY_ATTRS = ("name", "honorific", "position", "organisation", "email")
STAGE = "correct"
MIN_SHA = 8


@dataclass(frozen=True)
class Correction:
    origin: str  # "corrections.csv:3"
    field: str
    value: str | None
    text_sha256: str
    letter_id: str | None = None
    file: str | None = None
    index: int | None = None
    recommendation: str | None = None
    note: str | None = None


@dataclass
class Outcome:
    """What applying the corrections did: updated rows, the corrections applied, the warnings."""
    letters: list[Letter]
    parties: list[Party]
    stances: list[Stance]
    applied: list[CorrectionRow] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)


def fingerprint(text: str) -> str:
    """The ``text_sha256`` of a letter: SHA-256 of its text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def beside(corpus: Path) -> list[Path]:
    """The corrections files in the corpus folder, CSV before JSONL."""
    return [corpus / name for name in FILENAMES if (corpus / name).is_file()]


def _blank(v) -> str | None:
    if v is None:
        return None
    v = str(v).strip()
    return v or None


def _warn(origin: str, code: str, message: str) -> ErrorRow:
    return ErrorRow(source_path=origin.rsplit(":", 1)[0], stage=STAGE, error=code, message=f"{origin}: {message}")


def parse_row(raw: dict, origin: str) -> Correction | ErrorRow:
    """One row of a corrections file (strings, as CSV gives them) to a correction, or why not."""
    row = {k.strip().lower() if isinstance(k, str) else k: _blank(v) for k, v in raw.items()}
    unknown = sorted(str(k) for k in row if k not in COLUMNS and row[k] is not None)
    if unknown:
        return _warn(origin, "W603", f"unknown column(s) {', '.join(unknown)}; known: {', '.join(COLUMNS)}")
    fld = (row.get("field") or "").lower()
    if fld in PARTY_ROLES:
        fld += ".name"
    known = (*LETTER_FIELDS, "stance", *(f"{r}.{a}" for r in PARTY_ROLES for a in PARTY_ATTRS))
    if fld not in known:
        return _warn(origin, "W603", f"field {row.get('field')!r} cannot be corrected; one of: {', '.join(known)}")
    index = row.get("index")
    if index is not None:
        try:
            index = int(index)
        except ValueError:
            return _warn(origin, "W603", f"index {index!r} is not a whole number")
    if row.get("letter_id") is None and (row.get("file") is None or index is None):
        return _warn(origin, "W603", "names no letter: give letter_id, or file and index")
    sha = (row.get("text_sha256") or "").lower()
    if not re.fullmatch(r"[0-9a-f]{%d,64}" % MIN_SHA, sha):
        return _warn(origin, "W603", f"text_sha256 {row.get('text_sha256')!r} is not a SHA-256 prefix of at least "
                                     f"{MIN_SHA} hex digits; without it a changed letter cannot be told apart "
                                     "(the review site prints it on every letter page)")
    if fld == "stance" and row.get("recommendation") is None:
        return _warn(origin, "W603", "a stance correction needs the recommendation it is about")
    value = row.get("value")
    problem = _check_value(fld, value)
    if problem:
        return _warn(origin, "W603", problem)
    return Correction(origin=origin, field=fld, value=value, text_sha256=sha, letter_id=row.get("letter_id"),
                      file=row.get("file"), index=index, recommendation=row.get("recommendation"),
                      note=row.get("note"))


def _check_value(fld: str, value: str | None) -> str | None:
    if fld == "kind":
        if value not in {k.value for k in Kind}:
            return f"kind {value!r} is not one of {', '.join(k.value for k in Kind)}"
    elif fld == "stance":
        if value not in {s.value for s in StanceLabel}:
            return f"stance {value!r} is not one of {', '.join(s.value for s in StanceLabel)}"
    elif fld in ("date", "reply_to_date") and value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"{fld} {value!r} is not a date written YYYY-MM-DD"
    return None


def read(path: Path, name: str) -> tuple[list[Correction], list[ErrorRow]]:
    """Corrections from one CSV or JSONL file; ``name`` is how rows and warnings cite it."""
    try:
        body = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [ErrorRow(source_path=name, stage=STAGE, error="E601",
                             message=f"{name}: corrections file cannot be read, none applied: {exc}")]
    out: list[Correction] = []
    errors: list[ErrorRow] = []
    if path.suffix.lower() == ".jsonl":
        rows = []
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                errors.append(_warn(f"{name}:{n}", "W603", f"not a JSON object: {exc}"))
                continue
            if not isinstance(obj, dict):
                errors.append(_warn(f"{name}:{n}", "W603", "not a JSON object"))
                continue
            rows.append((n, obj))
    else:
        reader = csv.DictReader(io.StringIO(body, newline=""))
        rows = []
        for obj in reader:
            extra = obj.pop(None, None)
            if extra and any(_blank(x) for x in extra):
                errors.append(_warn(f"{name}:{reader.line_num}", "W603", "more cells than columns"))
                continue
            if any(_blank(v) for v in obj.values()):
                rows.append((reader.line_num, obj))
    for n, obj in rows:
        parsed = parse_row(obj, f"{name}:{n}")
        (out if isinstance(parsed, Correction) else errors).append(parsed)
    return out, errors


def load(paths: list[Path]) -> tuple[list[Correction], list[ErrorRow]]:
    """Corrections from each file in turn; rows and warnings cite each by its name."""
    found: list[Correction] = []
    errors: list[ErrorRow] = []
    for path in paths:
        c, e = read(path, path.name)
        found += c
        errors += e
    return found, errors


def _text(v) -> str | None:
    return None if v is None else str(v.value if isinstance(v, (Kind, StanceLabel)) else v)


def _typed(fld: str, value: str | None):
    if value is None:
        return None
    if fld == "kind":
        return Kind(value)
    if fld in ("date", "reply_to_date"):
        return dt.date.fromisoformat(value)
    if fld.endswith(".email"):
        return value.lower()
    return value


class _Target:
    """Rows of one run, indexed for the lookups corrections make."""

    def __init__(self, letters, parties, stances, recommendations, known=None):
        self.known = known if known is not None else set()
        self.letters = list(letters)
        self.parties = list(parties)
        self.stances = list(stances)
        self.by_id = {lt.letter_id: i for i, lt in enumerate(self.letters)}
        self.by_place = {(lt.source_path, lt.index): i for i, lt in enumerate(self.letters)}
        self.recommendations = list(recommendations)

    def find(self, c: Correction) -> int | None:
        if c.letter_id is not None and c.letter_id in self.by_id:
            return self.by_id[c.letter_id]
        if c.file is not None and c.index is not None:
            return self.by_place.get((c.file, c.index))
        return None


def not_found(c: Correction) -> ErrorRow:
    """The warning for a correction that names no letter of the run."""
    who = c.letter_id or f"{c.file} #{c.index}"
    return _warn(c.origin, "W602", f"no letter {who} in this run (its file may have changed, "
                                   "moved or failed to load); not applied")


def apply(letters: list[Letter], parties: list[Party], stances: list[Stance], recommendations: list,
          corrections: list[Correction], known: set[str] | None = None) -> Outcome:
    """Apply ``corrections`` in order to the rows they name; never raises on a bad correction.

    ``known`` holds the letter ids of the whole run when these rows are only part of it (an
    ``in_reply_to`` may name a letter of another part)."""
    t = _Target(letters, parties, stances, recommendations, known)
    out = Outcome(t.letters, t.parties, t.stances)
    for c in corrections:
        i = t.find(c)
        if i is None:
            out.errors.append(not_found(c))
            continue
        letter = t.letters[i]
        now = fingerprint(letter.text)
        if not now.startswith(c.text_sha256):
            out.errors.append(_warn(c.origin, "W601", f"stale: the text of letter {letter.letter_id} has changed "
                                                      f"since the correction of {c.field} was made (text_sha256 "
                                                      f"{c.text_sha256[:16]}, now {now[:16]}); not applied, check "
                                                      "it against the new text"))
            continue
        done = _apply_one(t, i, c)
        if isinstance(done, ErrorRow):
            out.errors.append(done)
        else:
            out.applied.append(done)
    out.letters, out.parties, out.stances = t.letters, t.parties, t.stances
    return out


def _apply_one(t: _Target, i: int, c: Correction) -> CorrectionRow | ErrorRow:
    letter = t.letters[i]
    lid = letter.letter_id
    row = {"letter_id": lid, "field": c.field, "value": c.value, "note": c.note, "origin": c.origin}
    if c.field in LETTER_FIELDS:
        if c.field == "in_reply_to" and c.value is not None and c.value not in t.by_id and c.value not in t.known:
            return _warn(c.origin, "W603", f"in_reply_to {c.value!r} is no letter_id of this run")
        previous = getattr(letter, c.field)
        t.letters[i] = letter.model_copy(update={c.field: _typed(c.field, c.value), "source": Source.manual})
        return CorrectionRow(table="letters", previous=_text(previous), **row)
    if c.field == "stance":
        return _stance(t, letter, c, row)
    role, attr = c.field.split(".")
    j = next((k for k, p in enumerate(t.parties) if p.letter_id == lid and p.role.value == role), None)
    if j is None:
        if c.value is None:
            return _warn(c.origin, "W603", f"letter {lid} has no {role} to clear the {attr} of")
        t.parties.append(Party(letter_id=lid, role=PartyRole(role), source=Source.manual,
                               **{attr: _typed(c.field, c.value)}))
        return CorrectionRow(table="parties", previous=None, **row)
    previous = getattr(t.parties[j], attr)
    t.parties[j] = t.parties[j].model_copy(update={attr: _typed(c.field, c.value), "source": Source.manual})
    return CorrectionRow(table="parties", previous=_text(previous), **row)


def _stance(t: _Target, letter: Letter, c: Correction, row: dict) -> CorrectionRow | ErrorRow:
    want = c.recommendation
    hits = [k for k, s in enumerate(t.stances) if s.letter_id == letter.letter_id
            and want in (s.label, s.recommendation_id, None if s.label else str(s.recommendation_number))]
    if len({t.stances[k].recommendation_id for k in hits}) > 1:
        return _warn(c.origin, "W603", f"recommendation {want!r} names more than one stance of letter "
                                       f"{letter.letter_id}; give its recommendation_id")
    label = StanceLabel(c.value)
    if hits:
        k = hits[0]
        old = t.stances[k]
        t.stances[k] = old.model_copy(update={"stance": label, "confidence": 1.0, "source": Source.manual})
        return CorrectionRow(table="stances", recommendation_id=old.recommendation_id, label=old.label or want,
                             previous=old.stance.value, **row)
    # the pipeline missed the answer: a new stance, if the register knows the recommendation
    reports = {letter.report_title}
    if letter.in_reply_to is not None and letter.in_reply_to in t.by_id:
        reports.add(t.letters[t.by_id[letter.in_reply_to]].report_title)
    recs = [r for r in t.recommendations if want == r.recommendation_id
            or (want == r.label and r.report_title in reports)]
    if len(recs) != 1:
        why = "no recommendation" if not recs else "more than one recommendation"
        return _warn(c.origin, "W603", f"letter {letter.letter_id} has no stance on recommendation {want!r} and "
                                       f"the register has {why} of that label for its report; give the "
                                       "recommendation_id")
    rec = recs[0]
    t.stances.append(Stance(letter_id=letter.letter_id, responds_to=letter.in_reply_to,
                            recommendation_id=rec.recommendation_id,
                            recommendation_number=leading(rec.label, rec.number),
                            label=want if want != rec.recommendation_id else rec.label, stance=label,
                            confidence=1.0, cues=["how:manual"], source=Source.manual))
    return CorrectionRow(table="stances", recommendation_id=rec.recommendation_id, label=rec.label,
                         previous=None, **row)
