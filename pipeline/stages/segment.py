"""Stage 2: split a file into letters, replies, Q&A documents and minutes.

A letter runs from its head (address block or dateline) through "Dear ..." to
the sign-off, signature and cc block. The next letter usually opens with its
recipient's address block, so the boundary between two letters is found by
walking forward from the first letter's sign-off over what belongs to a
signature, not by looking for the next address (which a signature can carry).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import Lexicons
from pipeline.records import Kind
from pipeline.text import DATE_WORDS, Block, Line, clean, has_postcode, is_dateline, is_prose, split_lines, to_blocks, word_count

_HAS_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + DATE_WORDS + r")\.?,?\s+\d{4}\b", re.I)
# prose paragraphs that make text before a first letter, or after a last
# signature, a document of its own rather than a letter head or an annex line
PROSE_BLOCKS = 3
_EMAIL_ONLY = re.compile(r"^[\s\[\(<]*(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\]\)>\s,;]*(?:\(mailto:[^)]*\))?[\s,;]*$", re.I)


@dataclass(frozen=True, slots=True)
class Segment:
    index: int
    kind: Kind
    start: int
    end: int
    salutation: Line | None = None
    signoff: Line | None = None

    @property
    def header_end(self) -> int:
        """Where the letter head (addresses, date, references) stops."""
        return self.salutation.start if self.salutation else self.start

    @property
    def body_start(self) -> int:
        return self.salutation.start if self.salutation else self.start

    @property
    def body_end(self) -> int:
        return self.signoff.start if self.signoff else self.end


def _first(block: Block) -> str:
    return clean(block.lines[0].text) or ""


def _signature_like(block: Block) -> bool:
    if len(block.lines) > 4:
        return False
    for ln in block.lines:
        c = clean(ln.text) or ""
        if word_count(c) > 10 or has_postcode(c) or is_dateline(c):
            return False
    return True


def _is_signoff(line: Line, lex: Lexicons) -> bool:
    c = clean(line.text) or ""
    c = re.sub(r"[^\w\s]", "", c).strip().lower()
    return bool(c) and lex.signoff.match(c) is not None


def _emails_only(block: Block) -> bool:
    return all(_EMAIL_ONLY.match(clean(ln.text) or "") for ln in block.lines)


def end_of_signature(blocks: list[Block], i: int, limit: int, lex: Lexicons) -> int:
    """Index of the first block after the signature and cc lines that follow a sign-off.

    The first short block is the signature whatever the gap before it; a
    second one counts only when it follows closely (a name, then a role).
    Image alt-text is skipped; a block with a postcode or a date is the next
    letter's head.
    """
    signed = 0
    while i < limit:
        b = blocks[i]
        first = _first(b)
        if lex.alt_text.search(clean(b.text) or ""):
            i += 1
            continue
        if lex.cc_line.match(first):
            i += 1
            while i < limit and _emails_only(blocks[i]):
                i += 1
            continue
        if any(has_postcode(ln.text) or is_dateline(ln.text) for ln in b.lines):
            break
        if lex.salutation.match(first):
            break
        if _signature_like(b) and (signed == 0 or (signed == 1 and b.gap <= 1)):
            signed += 1
            i += 1
            continue
        break
    return i


def _start_without_signoff(blocks: list[Block], prev_sal: int, sal: int) -> int:
    """No sign-off before a salutation: walk back over the letter head.

    The walk stops at prose, at a second date (a letter head has one; the
    one above belongs to what comes before, such as a coroner's report) and
    after a block that follows a page gap (two or more blank lines).
    """
    j = sal
    seen_date = False
    while j - 1 > prev_sal:
        b = blocks[j - 1]
        if any(is_prose(ln.text) for ln in b.lines):
            break
        dated = any(_HAS_DATE.search(ln.text) for ln in b.lines)
        if dated and seen_date:
            break
        seen_date = seen_date or dated
        j -= 1
        if b.gap >= 2 and j < sal:
            break
    return j


def _find_signoff(blocks: list[Block], lo: int, hi: int, lex: Lexicons) -> tuple[int, Line] | None:
    for bi in range(hi - 1, lo, -1):
        for ln in blocks[bi].lines:
            if _is_signoff(ln, lex):
                return bi, ln
    return None


def classify_unsaluted(text: str, lex: Lexicons) -> Kind:
    """Kind of a segment with no "Dear ...": Q&A, minutes, a response paper or other."""
    lines = [clean(ln) or "" for ln in text.splitlines()]
    questions = sum(1 for ln in lines if lex.qa_heading.match(ln))
    answers = sum(1 for ln in lines if lex.qa_answer_heading.match(ln))
    if questions >= 2 and answers >= 1:
        return Kind.qa
    markers = [m.group(0) for ln in lines for m in [lex.minutes_markers.search(ln)] if m]
    # "Action:" alone is weak; with a meeting, a chair or members it is a record
    strong = [m for m in markers if not re.match(r"\W*(action|actions|decision|decisions|resolved)\b", m, re.I)]
    if strong or (markers and re.search(r"\b(meeting|chair|board|members)\b", text, re.I)):
        return Kind.minutes
    if lex.reply_cues.search(text[:5000]):
        return Kind.reply
    if re.search(r"\brecommendations?\b|\bmatters? of concern\b", text, re.I):
        return Kind.letter
    return Kind.other


def _classify_letter(text: str, body_start: int, end: int, lex: Lexicons) -> Kind:
    opening = text[body_start: min(end, body_start + 1500)]
    return Kind.reply if lex.reply_cues.search(opening) else Kind.letter


def segment(text: str, lex: Lexicons) -> list[Segment]:
    """Segments of ``text`` in file order; each runs to the next one's start."""
    blocks = to_blocks(split_lines(text))
    if not blocks:
        return []
    sal = [i for i, b in enumerate(blocks) if lex.salutation.match(_first(b))]
    if not sal:
        start = blocks[0].start
        return [Segment(0, classify_unsaluted(text[start:], lex), start, len(text))]

    starts = [0]
    # a report or paper before the first letter (a coroner's report, then the reply)
    head = _start_without_signoff(blocks, -1, sal[0])
    before = blocks[:head]
    if head > 0 and (sum(1 for b in before if any(is_prose(ln.text) for ln in b.lines)) >= PROSE_BLOCKS
                     or _find_signoff(blocks, -1, head, lex)):
        starts.append(head)
    for k in range(1, len(sal)):
        found = _find_signoff(blocks, sal[k - 1], sal[k], lex)
        if found:
            bi, line = found
            # the sign-off's own block may carry the signature too
            j = end_of_signature(blocks, bi + 1, sal[k], lex)
        else:
            j = _start_without_signoff(blocks, sal[k - 1], sal[k])
        starts.append(max(j, starts[-1] + 1))

    # a paper after the last letter's signature (a covering letter, then the response)
    last = _find_signoff(blocks, sal[-1], len(blocks), lex)
    if last:
        tail = end_of_signature(blocks, last[0] + 1, len(blocks), lex)
        rest = blocks[tail:]
        if sum(1 for b in rest if any(is_prose(ln.text) for ln in b.lines)) >= PROSE_BLOCKS and \
                classify_unsaluted(text[rest[0].start:], lex) is not Kind.other:
            starts.append(tail)

    owner = {}  # segment start block -> its salutation block, if any
    for bi in starts:
        nxt = min((x for x in starts if x > bi), default=len(blocks))
        owner[bi] = next((x for x in sal if bi <= x < nxt), None)
    segments: list[Segment] = []
    for k, bi in enumerate(starts):
        start = blocks[bi].start
        end = blocks[starts[k + 1]].start if k + 1 < len(starts) else len(text)
        if owner[bi] is None:
            segments.append(Segment(k, classify_unsaluted(text[start:end], lex), start, end))
            continue
        sal_line = blocks[owner[bi]].lines[0]
        nxt = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        so = _find_signoff(blocks, owner[bi], nxt, lex)
        signoff = so[1] if so else None
        kind = _classify_letter(text, sal_line.start, end, lex)
        segments.append(Segment(k, kind, start, end, sal_line, signoff))
    return segments
