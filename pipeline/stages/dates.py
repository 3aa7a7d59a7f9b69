"""Stage 4: the dateline, deadlines, the date of the letter answered, other dates.

Only spans that name a day and a month are candidates, so statute years
("Act 2015"), numbered lists and bare years never become dates. dateparser
turns each span into a value with UK day-first order; a span without a year
takes one from the letter's own date (answered letters lie in the past,
deadlines in the future), and is skipped when the letter has no date.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import dateparser

from pipeline.config import Settings
from pipeline.records import DateKind, DateMention
from pipeline.stages.segment import Segment
from pipeline.text import DATE_BODY, DATE_WORDS, DATELINE_RE, clean, split_lines

# white space inside a date may hold one line break ("31 August\n2023", a
# PDF line wrap) but never a blank line: a paragraph break ends the date
_S = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?" + _S + r")?"
CANDIDATE = re.compile(
    r"\b" + _WEEKDAY + r"(?:the" + _S + r")?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:" + _S + r"of)?" + _S + r"(?P<m1>" + DATE_WORDS + r")\.?"
    r"(?:,?" + _S + r"(?P<y1>(?:19|20)\d{2}))?"
    r"|(?P<m2>" + DATE_WORDS + r")\.?" + _S + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?" + _S + r"(?P<y2>(?:19|20)\d{2}))?"
    r"|(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>(?:19|20)?\d{2}))\b",
    re.I,
)
_SENT_BOUND = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n\s*\n")


@dataclass(frozen=True)
class DateRules:
    reply_to_before: re.Pattern[str]
    reply_to_after: re.Pattern[str]
    deadline_before: re.Pattern[str]
    deadline_sentence: re.Pattern[str]
    deadline_own: re.Pattern[str]  # the writer's own commitment: "I will send a full response by 31 March"
    deadline_request: re.Pattern[str]  # what asks the reader, which makes it a deadline all the same


@lru_cache(maxsize=4)
def load_rules(models_dir: Path) -> DateRules:
    raw = json.loads((models_dir / "patterns" / "dates.json").read_text(encoding="utf-8"))
    return DateRules(*(re.compile(raw[k], re.I) for k in ("reply_to_before", "reply_to_after", "deadline_before",
                                                           "deadline_sentence", "deadline_own", "deadline_request")))


def _nearest_year(value: dt.date, base: dt.date, prefer: str) -> dt.date:
    """A year-less date in the year that fits: before the base for "past", after for
    "future", else the nearest to the base."""
    cands = []
    span = 1 if (value.month, value.day) != (2, 29) else 4  # 29 February waits for a leap year
    for year in range(base.year - span, base.year + span + 1):
        try:
            cands.append(value.replace(year=year))
        except ValueError:
            continue
    if prefer == "past":
        pool = [c for c in cands if c <= base] or cands
        return max(pool)
    if prefer == "future":
        pool = [c for c in cands if c >= base] or cands
        return min(pool)
    return min(cands, key=lambda c: (abs((c - base).days), c))


def parse_span(span: str, base: dt.date | None, prefer: str, settings: Settings) -> dt.date | None:
    """One candidate span to a date; None when it has no year and no base to lend one.

    ``prefer`` is "past" (the letter answered), "future" (a deadline) or
    "nearest" (any other date); it only matters when the span has no year.
    Pure, so repeated spans (every letter of a thread repeats its dates) are
    parsed once.
    """
    return _parse_span(span, base, prefer, settings.date_order)


@lru_cache(maxsize=65536)
def _parse_span(span: str, base: dt.date | None, prefer: str, date_order: str) -> dt.date | None:
    text = re.sub(r"(?i)^the\s+|(?<=\d)(st|nd|rd|th)\b|\bof\s+", "", clean(span) or span)
    short = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", text)
    if short:  # two-digit years: this century unless that is far in the future
        yy = int(short.group(3))
        year = 2000 + yy if 2000 + yy <= (base.year if base else 2000 + yy) + 10 else 1900 + yy
        text = f"{short.group(1)}/{short.group(2)}/{year}"
    has_year = re.search(r"\b(19|20)\d{2}\b", text)
    if not has_year and base is None:
        return None
    plain = _plain_date(text)
    if plain is not None:
        return plain
    cfg = {"DATE_ORDER": date_order, "REQUIRE_PARTS": ["day", "month"],
           "STRICT_PARSING": False, "RETURN_AS_TIMEZONE_AWARE": False,
           "RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time())}
    value = dateparser.parse(text, languages=["en"], settings=cfg)
    if value is None:
        return None
    value = value.date()
    return value if has_year else _nearest_year(value, base, prefer)


_MONTHS = {m: i for i, name in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"], 1)
           for m in (name, name[:3], name[:4] if name == "september" else name[:3])}
_DAY_MONTH_YEAR = re.compile(r"(?i)(\d{1,2})\s+([a-z]{3,9})\.?,?\s+((?:19|20)\d{2})")
_MONTH_DAY_YEAR = re.compile(r"(?i)([a-z]{3,9})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})")


def _plain_date(text: str) -> dt.date | None:
    """'12 March 2021' and 'March 12, 2021' read directly: most dates in letters are written so,
    and dateparser takes milliseconds over each. Anything else (or an impossible day) is left
    to dateparser, which says the same of these forms."""
    text = text.strip()
    m = _DAY_MONTH_YEAR.fullmatch(text)
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m else (None, None, None)
    if m is None:
        m = _MONTH_DAY_YEAR.fullmatch(text)
        if m is None:
            return None
        month, day, year = m.group(1), m.group(2), m.group(3)
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


_HINT = re.compile(r"(?i)\b(?:" + DATE_WORDS + r")|\d/\d")


def _candidates(text: str, start: int, end: int):
    """CANDIDATE matches, searched only near a month name or a slash date: the
    full pattern is slow to try at every position of a long file."""
    pos = start
    for hint in _HINT.finditer(text, start, end):
        if hint.start() < pos:
            continue
        lo = max(pos, hint.start() - 40)
        m = CANDIDATE.search(text, lo, min(end, hint.end() + 40))
        while m is not None and m.end() <= hint.start():
            m = CANDIDATE.search(text, m.end(), min(end, hint.end() + 40))
        if m is not None:
            yield m
            pos = m.end()


_PUBLISHED = re.compile(r"^\W*(?:published|updated|last updated|first published)\b", re.I)
# "Meeting: 22/06/2023 - Executive", "Health Scrutiny Panel – 28 July 2014", "Answered by X on 22 December 2022"
_LABELLED = re.compile(
    r"^\W*(?:meeting|date of meeting|date|held on|minutes)\s*:?\s*(?P<d1>" + DATE_BODY + r")"
    r"|\banswered (?:by\b.{2,80}?\b)?on\s+(?:\w+day,?\s+)?(?P<d2>\d{1,2}\s+[A-Za-z]+\s+\d{4})"
    r"|^\W*H[CL] Deb\s+(?P<d3>\d{1,2}\s+[A-Za-z]+\s+\d{4})"
    r"|^[^.]{2,80}?\s[–—-]\s+(?P<d4>\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$"
    r"|\bmeeting (?:of [^.]{2,80} )?(?:held )?on\s+(?:\w+day,?\s+)?(?P<d5>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4})"
    r"|\bresponse was received on\s+(?:\w+day,?\s+)?(?P<d6>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4})",
    re.I)
_ISO = re.compile(r"^\s*(?P<date>(?:19|20)\d{2}-\d{2}-\d{2})\s*$")


# a bilingual letter's "Dyddiad / Date: 13 Ebrill / April 2027": the Welsh word before each English one
_BILINGUAL = re.compile(r"\b[^\W\d_]+\s*/\s*(?=(?:date|" + DATE_WORDS + r")\b)", re.I)
# (or the whole date in the other language first: "17 Màrt 2025 / 17 March 2025", "13 Ebrill 2027 / 13 April 2027")
_OTHER_TONGUE_DATE = re.compile(r"^\W*\d{1,2}\.?\s+[^\W\d_]+\s+(?:19|20)\d{2}\s*/\s*"
                                r"(?=\d{1,2}\s+(?:" + DATE_WORDS + r")\b)", re.I)


def _dateline_at(ln, settings: Settings, published: bool = False) -> DateMention | None:
    c = _BILINGUAL.sub("", _OTHER_TONGUE_DATE.sub("", clean(ln.text) or ""))
    if not published and _PUBLISHED.match(c):
        return None
    m = DATELINE_RE.match(c) or _ISO.match(c)
    group = "date"
    if m is None:
        m = _LABELLED.search(c)
        if m is None:
            return None
        group = next(g for g in ("d1", "d2", "d3", "d4", "d5", "d6") if m.group(g))
    raw = m.group(group)
    value = parse_span(raw, None, "past", settings) if not _ISO.match(c) else dt.date.fromisoformat(raw)
    if not value:
        return None
    at = ln.text.find(raw)
    if at < 0:  # markup inside the date, or a bilingual line read without its Welsh: point at the whole line
        at, raw = len(ln.text) - len(ln.text.lstrip()), ln.text.strip()
    return DateMention(letter_id="", kind=DateKind.dateline, value=value, text=raw,
                       char_start=ln.start + at, char_end=ln.start + at + len(raw))


def _heading_line(raw: str) -> bool:
    """A subject heading ("### Request to the Committee", "**Re: ...**"), not a sentence."""
    c = clean(raw) or ""
    words = re.findall(r"[A-Za-z][\w'’-]*", c)
    if raw.lstrip().startswith(("#", "**", "__")) or re.match(r"^\W*(?:re|subject)\s*:", c, re.I):
        return True
    return 0 < len(words) <= 12 and sum(w[0].isupper() for w in words) * 2 > len(words) and not c.endswith(".")


def find_dateline(text: str, seg: Segment, settings: Settings) -> DateMention | None:
    """The date the document was written, in the order letters put it.

    A letter's date line stands in its head, or just under "Dear ..." and the
    subject line, or under the signature; a document without "Dear" is dated in
    its first lines (a meeting's date, "Answered by ... on ...") or where it is
    signed, at the end. A web page's "Published" date counts only where the
    page has no other.
    """
    lines = [ln for ln in split_lines(text, seg.start, seg.end) if not ln.blank]
    if seg.salutation is not None:
        head = [ln for ln in lines if ln.start < seg.salutation.start]
        opening = []  # under "Dear ..." and a subject heading, before the first sentence
        for ln in [ln for ln in lines if ln.start > seg.salutation.start][:3]:
            opening.append(ln)
            if not _heading_line(ln.text):
                break
        closing = [ln for ln in lines if seg.signoff is not None and ln.start > seg.signoff.start][:8]
        order = head + opening + closing
    else:
        order = lines[:40] + lines[-15:]
    for ln in order:
        found = _dateline_at(ln, settings)
        if found:
            return found
    for ln in (ln for ln in lines[:40] if re.match(r"^\W*(?:first\s+)?published\b", clean(ln.text) or "", re.I)):
        found = _dateline_at(ln, settings, published=True)
        if found:
            return found
    return None


def _sentence_around(text: str, start: int, end: int, lo: int, hi: int) -> str:
    left = max((m.end() for m in _SENT_BOUND.finditer(text, lo, start)), default=lo)
    m = _SENT_BOUND.search(text, end, hi)
    return text[left: m.start() if m else hi]


def find_dates(text: str, seg: Segment, letter_id: str, base: dt.date | None, settings: Settings) -> list[DateMention]:
    """Every day-and-month date in the segment, with its kind; the dateline comes first."""
    rules = load_rules(settings.models_dir)
    out: list[DateMention] = []
    dl = find_dateline(text, seg, settings)
    if dl is not None:
        out.append(dl.model_copy(update={"letter_id": letter_id}))
    for m in _candidates(text, seg.start, seg.end):
        if dl is not None and dl.char_start <= m.start() < dl.char_end:
            continue
        month = m.group("m1") or m.group("m2")
        if month and not month[0].isupper():  # "we may 2 ..." is not a date
            continue
        start = m.start() + (4 if m.group(0)[:4].lower() == "the " else 0)
        before = text[max(seg.start, start - 120): start]
        if rules.reply_to_before.search(before) or rules.reply_to_after.match(text, m.end(), min(seg.end, m.end() + 200)):
            kind, prefer = DateKind.reply_to, "past"
        elif rules.deadline_before.search(before) and rules.deadline_sentence.search(
                sentence := _sentence_around(text, m.start(), m.end(), seg.start, seg.end)):
            # (FORMAT.md: a deadline is what the writer asks of the recipient, not its own commitment, "I am
            # aiming to have this with you by 3rd July")
            own = rules.deadline_own.search(sentence) and not rules.deadline_request.search(sentence)
            kind, prefer = (DateKind.mentioned if own else DateKind.deadline), "future"
        else:
            kind, prefer = DateKind.mentioned, "nearest"
        if m.group("d3") and re.search(r"(?i)\b(recommendations?|paragraphs?|sections?|nos?\.?|numbers?|items?)\s*$", before):
            continue  # "recommendations 4/5/10" is a list, not a date
        value = parse_span(m.group(0), base, prefer, settings)
        if value is None:
            continue
        out.append(DateMention(letter_id=letter_id, kind=kind, value=value, text=text[start:m.end()],
                               char_start=start, char_end=m.end()))
    return out
