"""Stage 5: UK postal address blocks in a letter's head and signature.

An address is read upwards from its postcode line: town and street lines
first, then at most an organisation line, stopping at a person's name or a
position. Lines are kept as printed (markup removed), except that a postcode
run on after a full stop ("London. SW1V 1PN") goes on its own line: the stop
shows a line break lost in conversion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ukpostcodeutils import validation

from pipeline.lexicon import Lexicons
from pipeline.names import looks_like_person
from pipeline.records import Address, AddressRole
from pipeline.stages.segment import Segment
from pipeline.text import POSTCODE_RE, Block, Line, clean, is_prose, split_lines, to_blocks

_URLISH = re.compile(r"(www\.|https?://|@)", re.I)


@dataclass(frozen=True)
class AddressBlock:
    block: Block
    lead: tuple[Line, ...]
    address: tuple[Line, ...]
    postcode: str | None
    valid: bool
    role: AddressRole


def normalise_postcode(raw: str) -> tuple[str, bool]:
    """"sw1v1pn" gives ("SW1V 1PN", True); validity comes from ukpostcodeutils."""
    compact = re.sub(r"\s+", "", raw).upper()
    formatted = f"{compact[:-3]} {compact[-3:]}"
    return formatted, bool(validation.is_valid_postcode(compact))


def _is_role(c: str, lex: Lexicons) -> bool:
    return bool(lex.role_re.search(c)) and not lex.street_re.search(c)


def _has_street(c: str, lex: Lexicons) -> bool:
    without_pc = POSTCODE_RE.sub("", c)
    return bool(re.search(r"\d", without_pc)) or bool(lex.street_re.search(c))


def _split_lines(c: str) -> list[str]:
    m = POSTCODE_RE.search(c)
    if m and m.start() > 0:
        head = c[: m.start()].rstrip()
        if head.endswith("."):
            return [head.rstrip(". "), c[m.start():].strip()]
    return [c]


def _read_block(block: Block, lex: Lexicons) -> tuple[tuple[Line, ...], tuple[Line, ...], str | None, bool] | None:
    lines = block.lines
    pc_idx = next((i for i, ln in enumerate(lines) if POSTCODE_RE.search(clean(ln.text) or "")), None)
    if pc_idx is None:
        return None
    pc_line = clean(lines[pc_idx].text) or ""
    if _URLISH.search(pc_line) or is_prose(pc_line):
        return None
    postcode, valid = normalise_postcode(POSTCODE_RE.search(pc_line).group(1))
    first = pc_idx
    seen_street = _has_street(pc_line, lex)
    for j in range(pc_idx - 1, -1, -1):
        c = clean(lines[j].text) or ""
        if not c or _is_role(c, lex) or looks_like_person(c, lex) or _URLISH.search(c) or "," in c and looks_like_person(c.split(",")[0], lex):
            break
        if not seen_street:
            first = j
            seen_street = _has_street(c, lex)
        elif _has_street(c, lex) or lex.org_re.search(c):
            first = j
            if not _has_street(c, lex):
                break
        else:
            break
    return lines[:first], lines[first: pc_idx + 1], postcode, valid


def _regions(text: str, seg: Segment) -> list[tuple[int, int, bool]]:
    regions = []
    if seg.salutation is not None:
        regions.append((seg.start, seg.header_end, False))
    if seg.signoff is not None:
        regions.append((seg.signoff.end, seg.end, True))
    return regions


def find_blocks(text: str, seg: Segment, lex: Lexicons) -> list[AddressBlock]:
    """Address blocks of the letter head (recipient or letterhead) and signature (sender)."""
    found: list[AddressBlock] = []
    for start, end, in_signature in _regions(text, seg):
        blocks = to_blocks(split_lines(text, start, end))
        person_at = [k for k, b in enumerate(blocks)
                     if looks_like_person((clean(b.lines[0].text) or "").split(",")[0], lex)]
        for k, b in enumerate(blocks):
            read = _read_block(b, lex)
            if read is None:
                continue
            lead, addr, postcode, valid = read
            if in_signature:
                role = AddressRole.sender
            else:
                # a name or a position above the address makes it the addressee's
                # block; a letterhead carries only the body's name
                person = any(looks_like_person((clean(ln.text) or "").split(",")[0], lex) for ln in lead)
                post = any(_is_role(clean(ln.text) or "", lex) for ln in lead)
                # a post without a name is the addressee only when no named block follows
                named_later = any(j > k for j in person_at)
                role = AddressRole.recipient if person or (post and not named_later) else AddressRole.sender
            found.append(AddressBlock(b, lead, addr, postcode, valid, role))
    return found


def addresses(text: str, seg: Segment, letter_id: str, lex: Lexicons,
              blocks: list[AddressBlock] | None = None) -> list[Address]:
    """Address rows; ``blocks`` are ``find_blocks``'s result when the caller has it already."""
    out = []
    for ab in find_blocks(text, seg, lex) if blocks is None else blocks:
        lines = [part for ln in ab.address for part in _split_lines(clean(ln.text) or "") if part]
        out.append(Address(
            letter_id=letter_id, role=ab.role, lines=lines, postcode=ab.postcode,
            postcode_valid=ab.valid, char_start=ab.address[0].start, char_end=ab.address[-1].end,
        ))
    return out
