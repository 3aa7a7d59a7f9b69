"""An e-mail's From, To, Cc and Date as fallbacks for the first letter it carries.

A letter pasted into an e-mail names its own writer, addressee and date, and
those are what the letter says; the e-mail's headers say who sent it on and
when. So the stages read the body alone, and the headers fill in only what
the first letter leaves empty: a message typed as an e-mail ("Hi Jo, ...
Thanks, Sam") gets its sender, recipients and date from them. Q&A and
minutes sent by e-mail keep theirs, since the sender of the message is not
the body that met or answered.
"""
from __future__ import annotations

import datetime as dt
from email.utils import getaddresses

from pipeline.lexicon import Lexicons
from pipeline.readers import HeadLine
from pipeline.readers.email import MONTHS
from pipeline.records import DateKind, DateMention, Kind, Party, PartyRole
from pipeline.stages.headings import describe_phrase

ROLES = {"From": PartyRole.sender, "To": PartyRole.recipient, "Cc": PartyRole.cc}
FILLS = frozenset({Kind.letter, Kind.reply, Kind.other})


def _entries(text: str, line: HeadLine) -> list[tuple[str, str, int, int]]:
    """(display name, address, start, end) of each address on a header line, spans into ``text``."""
    out = []
    pos = line.start
    for display, addr in getaddresses([line.value]):
        if not (display or addr):
            continue
        start = text.find(display or addr, pos, line.end)
        if start < 0:  # a quoted name ('"Smith, Jo"') is unquoted by the parser: start where the entry does
            start = pos + len(text[pos:line.end]) - len(text[pos:line.end].lstrip(", "))
        at = text.find(addr, start, line.end) if addr else -1
        end = at + len(addr) if at >= 0 else min(line.end, start + len(display or addr))
        end += 1 if text.startswith(">", end) else 0
        out.append((display, addr, start, end))
        pos = end
    return out


def head_parties(text: str, letter_id: str, head: tuple[HeadLine, ...], lex: Lexicons) -> list[Party]:
    """Party rows for the addresses on the From, To and Cc lines."""
    out = []
    for line in head:
        role = ROLES.get(line.name)
        if role is None:
            continue
        for display, addr, start, end in _entries(text, line):
            named = describe_phrase(display, lex) if display else None
            email = addr.lower() if "@" in addr else None
            if named is None or named.empty:
                if email is None:
                    continue
                out.append(Party(letter_id=letter_id, role=role, email=email, char_start=start, char_end=end))
                continue
            out.append(Party(letter_id=letter_id, role=role, name=named.name, position=named.position,
                             organisation=named.organisation, email=email, char_start=start, char_end=end))
    return out


def head_date(letter_id: str, head: tuple[HeadLine, ...]) -> DateMention | None:
    """The Date line, as the e-mail reader wrote it ('10 February 2021')."""
    for line in head:
        if line.name == "Date":
            day, _, rest = line.value.partition(" ")
            month, _, year = rest.partition(" ")
            if not (day.isdigit() and year.isdigit() and month in MONTHS):
                return None
            value = dt.date(int(year), MONTHS.index(month) + 1, int(day))
            return DateMention(letter_id=letter_id, kind=DateKind.dateline, value=value, text=line.value,
                               char_start=line.start, char_end=line.end)
    return None


def apply(state, head: tuple[HeadLine, ...], lex: Lexicons) -> None:
    """Fill the first letter's missing sender, recipients, copies and date from the headers, in place."""
    if not head or not state.letters:
        return
    first = state.letters[0]
    if first.letter.kind not in FILLS:
        return
    have = {p.role for p in first.parties}
    fills = [p for p in head_parties(state.original, first.letter.letter_id, head, lex) if p.role not in have]
    first.parties = [p for p in fills if p.role is PartyRole.sender] + first.parties + \
        [p for p in fills if p.role is not PartyRole.sender]
    if first.letter.date is None:
        date = head_date(first.letter.letter_id, head)
        if date is not None:
            first.letter = first.letter.model_copy(update={"date": date.value})
            first.dates = [date, *first.dates]
