"""Stage 3: who wrote a letter, to whom, who was copied, who took part.

Parties are read from the places letters put them: the recipient block above
"Dear", the letterhead, the signature under the sign-off, cc lines, and, for
Q&A documents and minutes, the list of responders and the people who speak.
Image alt-text ("a handwritten signature ... appearing to read X") is never a
name source: only typed names count.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.lexicon import Lexicons
from pipeline.names import first_last_from_email, looks_like_person, parse
from pipeline.records import Kind, Party, PartyRole
from pipeline.stages.addresses import AddressBlock
from pipeline.stages.headings import comma_parts
from pipeline.stages.segment import Segment, company_footer, end_of_signature
from pipeline.text import EMAIL, Block, Line, clean, has_postcode, is_dateline, is_prose, split_lines, to_blocks

_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_STOP = r"(?:\s+(?:of|the|and|for|on|in|&)){0,2}\s+"


@dataclass(frozen=True)
class PartyRules:
    self_role: re.Pattern[str]
    speech_verbs: str
    participant_lead: re.Pattern[str]
    item_split: re.Pattern[str]


@lru_cache(maxsize=4)
def load_rules(models_dir: Path, role_words: frozenset[str]) -> PartyRules:
    raw = json.loads((models_dir / "patterns" / "parties.json").read_text(encoding="utf-8"))
    roles = "|".join(re.escape(w.title()) for w in sorted(role_words, key=len, reverse=True))
    return PartyRules(
        self_role=re.compile(raw["self_role"].replace("ROLEWORDS", roles)),
        speech_verbs=raw["speech_verbs"],
        participant_lead=re.compile(raw["participant_lead"]),
        item_split=re.compile(raw["item_org_split"]),
    )


def expand_acronym(acronym: str, document: str) -> str | None:
    """The spelled-out name an acronym stands for, as the document writes it."""
    letters = [re.escape(ch) for ch in acronym.upper()]
    pat = r"\b" + _STOP.join(ch + r"[\w'’-]*" for ch in letters) + r"\b"
    for m in re.finditer(pat, document):
        words = re.findall(r"[\w'’-]+", m.group(0))
        content = [w for w in words if w.lower() not in {"of", "the", "and", "for", "on", "in"}]
        if all(w[0].isupper() for w in content) and len(content) == len(letters):
            return m.group(0)
    return None


def _org_from_domain(email: str, document: str) -> str | None:
    label = email.split("@", 1)[1].split(".")[0]
    if label.isupper() or len(label) <= 6:
        full = expand_acronym(label, document)
        if full:
            return full
    m = re.search(r"\b" + re.escape(label) + r"\b", document, re.I)
    if m and m.group(0)[0].isupper():
        return m.group(0)
    return None


def _is_role(c: str, lex: Lexicons) -> bool:
    return bool(lex.role_re.search(c))


def _is_org(c: str, lex: Lexicons) -> bool:
    """An organisation line: not a position, a building, or a contact line."""
    if "@" in c or lex.header_cue_lines.match(c) or re.search(r"\d", c):
        return False
    # "Brookfield Road Surgery", "Brindle Street Medical Practice" name a practice by its road: a
    # street word, but an organisation's words last
    tail = c.rstrip(".,")
    return bool(lex.org_re.search(c)) and not _is_role(c, lex) and (
        not lex.street_re.search(c) or any(m.end() == len(tail) for m in lex.org_re.finditer(tail)))


def _split_role_org(role: str, lex: Lexicons) -> tuple[str, str | None]:
    """"President of the Association of X" gives ("President", "Association of X")."""
    m = re.match(r"^(?P<role>.+?)\s+of\s+the\s+(?P<org>[A-Z].+)$", role)
    named = m and len(re.findall(r"\b[A-Z][\w'’-]+", m.group("org"))) >= 2  # "the Council" names no body
    if named and _is_role(m.group("role"), lex) and lex.org_re.search(m.group("org")):
        return m.group("role"), m.group("org")
    return role, None


def _party(letter_id: str, role: PartyRole, name_text: str | None, position: str | None,
           organisation: str | None, email: str | None, span: tuple[int, int] | None) -> Party:
    parsed = parse(name_text) if name_text else None
    return Party(
        letter_id=letter_id, role=role, name=parsed.name if parsed else None,
        honorific=parsed.honorific if parsed else None,
        position=re.sub(r"^(?:the|The)\s+", "", clean(position) or "") or None,
        organisation=clean(organisation), email=email.lower() if email else None,
        char_start=span[0] if span else None, char_end=span[1] if span else None,
    )


def _describe(lines: list[str], lex: Lexicons) -> tuple[str | None, str | None]:
    """Position and organisation from the lines under a name.

    The line after the position names the body even without an organisation
    word ("Shireford Coroner's Office", "Housing Ombudsman").
    """
    position = organisation = None
    after_position = False
    for c in lines:
        plain = not has_postcode(c) and "@" not in c and not re.match(r"\d", c)
        if position is None and _is_role(c, lex):
            position, org = _split_role_org(c, lex)
            organisation = organisation or org
            after_position = True
            continue
        if organisation is None and plain and (_is_org(c, lex) or after_position):
            organisation = c
        after_position = False
    return position, organisation


_MAIL_HEADER = re.compile(r"^\W*(?:from|sent|to|cc|bcc|subject|date|importance|attachments)\s*:", re.I)


def recipients(text: str, seg: Segment, letter_id: str, lex: Lexicons, addr: list[AddressBlock]) -> list[Party]:
    if seg.salutation is None:
        return []
    out: list[Party] = []
    for ab in addr:
        if ab.role.value != "recipient" or not ab.lead:
            continue
        first = clean(ab.lead[0].text) or ""
        head, *rest = [p.strip() for p in first.split(",")]
        lines = rest + [clean(ln.text) or "" for ln in ab.lead[1:]]
        if not looks_like_person(head, lex):  # "The Chief Executive": a post, no name
            head, lines = None, [clean(ln.text) or "" for ln in ab.lead]
        position, org = _describe(lines, lex)
        if org is None and ab.address and _is_org(clean(ab.address[0].text) or "", lex):
            org = clean(ab.address[0].text)
        out.append(_party(letter_id, PartyRole.recipient, head, position, org, None, (ab.lead[0].start, ab.lead[0].end)))
    if out:
        return out
    for b in to_blocks(split_lines(text, seg.start, seg.header_end)):
        first = clean(b.lines[0].text) or ""
        if _MAIL_HEADER.match(first):
            continue  # "From: ... / Sent: ... / To: ...": a pasted e-mail's headers, read by from_to_lines
        head, *rest = [p.strip() for p in first.split(",")]
        if looks_like_person(head, lex):
            position, org = _describe(rest + [clean(ln.text) or "" for ln in b.lines[1:]], lex)
            out.append(_party(letter_id, PartyRole.recipient, head, position, org, None, (b.lines[0].start, b.lines[0].end)))
            break
    return out


def _signature_blocks(text: str, seg: Segment, lex: Lexicons) -> list[Block]:
    if seg.signoff is not None:
        blocks = to_blocks(split_lines(text, seg.signoff.end, seg.end))
        stop = end_of_signature(blocks, 0, len(blocks), lex)
        if stop == 0 and blocks and looks_like_person(clean(blocks[0].lines[0].text) or "", lex):
            # an e-mail's signature runs on into the writer's address: the segment ends before any
            # letter that follows, so the postcode is the writer's, and the lines above it sign
            lines = []
            for ln in blocks[0].lines:
                if has_postcode(ln.text) or is_dateline(ln.text):
                    if " | " in ln.text and _cells(ln.text):
                        lines.append(ln)  # "Brackley Homes | Unit 4, Canal Wharf | Thornmoor QY7 5RS"
                    break
                lines.append(ln)
            return [Block(lines, blocks[0].gap)] if lines else []
        kept = [b for b in blocks[:stop] if not lex.cc_line.match(clean(b.lines[0].text) or "") and not company_footer(b)]
        # "Best wishes," / "Joanne" and then, after a blank line, the mail's signature block, "Joanne Pryce /
        # Director of Adult Social Care / Meresford City Council / Guildhall, ...": the block signs too
        lone = (clean(kept[-1].lines[0].text) or "").strip() if kept and len(kept[-1].lines) == 1 else ""
        if re.fullmatch(r"[A-Z][a-z'’-]+", lone) and stop < len(blocks):
            first = clean(blocks[stop].lines[0].text) or ""
            if first.split()[:1] == [lone] and looks_like_person(first, lex):
                lines = []
                for ln in blocks[stop].lines:
                    if has_postcode(ln.text) or is_dateline(ln.text) or "@" in ln.text:
                        break
                    lines.append(ln)
                kept.append(Block(lines, blocks[stop].gap))
        return kept
    blocks = to_blocks(split_lines(text, seg.body_start, seg.end))
    tail: list[Block] = []
    for b in reversed(blocks):
        if any(is_prose(ln.text) for ln in b.lines) or len(tail) >= 3:
            break
        tail.insert(0, b)
    return tail


def _cells(line: str) -> list[str]:
    """An e-mail signature's line of cells between bars, each read as a line of its own ("Anita Rowe |
    Director of Adult Services | Thornmoor Borough Council"), but for those that carry an address,
    phone or web site ("Brackley Homes | Unit 4, Canal Wharf | Thornmoor QY7 5RS": the body alone)."""
    if " | " not in line:
        return [line]
    return [c for c in (c.strip() for c in line.split(" | ")) if c and not _CONTACT_CELL.search(c)]


_CONTACT_CELL = re.compile(r"\d|@|www\.|https?:")


def sender(text: str, seg: Segment, letter_id: str, lex: Lexicons, addr: list[AddressBlock],
           document: str, rules: PartyRules) -> Party | None:
    if seg.kind in (Kind.qa, Kind.minutes, Kind.other) and seg.salutation is None:
        return None
    name_line: Line | None = None
    position = organisation = None
    name_text = None
    # (the copy list under the signature, no blank line between, "cc<tab>Director of Rehabilitation, ..." /
    # "<tab>Dr Siobhan Kerrigan, Principal, Belmore Regional College": those copied, not the sender's body)
    signed = [ln for b in _signature_blocks(text, seg, lex) for ln in b.lines]
    copied = next((k for k, ln in enumerate(signed) if lex.cc_line.match(clean(ln.text) or "")), len(signed))
    after_post = False  # (the line under the signer's post names the body, with or without an organisation word)
    for ln in signed[:copied]:
        said = re.sub(r"\s+(?:cc|c\.c\.)\s*:?\s*$", "", clean(ln.text) or "", flags=re.I)
        said = _ON_BEHALF.sub("", said)  # "On behalf of the Partners, Brookfield Road Surgery": the surgery
        for c in _cells(said):
            if not c or lex.alt_text.search(c) or lex.header_cue_lines.match(c) or "@" in c or _ENCLOSED.match(c):
                continue
            head = c.split(",")[0]
            split = None if looks_like_person(head, lex) else _name_then_post(c, lex)
            if name_line is None and (looks_like_person(head, lex) or split):
                name_line = ln
                if split:
                    name_text, post = split
                    position, organisation = _split_role_org(post, lex)
                else:
                    name_text = head
                    position, organisation = _describe([p.strip() for p in c.split(",")[1:]], lex)
            elif position is None and _is_role(c, lex):
                position, organisation = _split_role_org(c, lex)[0], organisation or _split_role_org(c, lex)[1]
                after_post = True
                continue
            elif organisation is None and (body := _body_named(c, lex, after_post)):
                organisation = body  # ("Chief Executive" / "IRATA International")
            after_post = False
    # letterhead: org and position lines above the recipient block
    recipient_starts = [ab.block.start for ab in addr if ab.role.value == "recipient"]
    head_end = min(recipient_starts + [seg.header_end])
    for b in to_blocks(split_lines(text, seg.start, head_end)):
        for ln in b.lines:
            c = re.sub(r"^(?:from the|office of the|from)\s+", "", clean(ln.text) or "", flags=re.I)
            if seg.title is not None and ln.start <= seg.title.start < ln.end or _NOT_LETTERHEAD.match(clean(ln.text) or "") \
                    or is_prose(c):
                continue  # a page title, a contents entry, a "Published" line
            if looks_like_person(c.split(",")[0], lex) or is_dateline(c) or has_postcode(c):
                break
            if position is None and _is_role(c, lex):
                position = c
            elif organisation is None and (_is_org(c, lex) or (_is_role(c, lex) and c != position)):
                organisation = c  # a letterhead body named for its office: "Housing Ombudsman"
    if position is None:
        m = rules.self_role.search(text, seg.body_start, seg.body_end)
        if m:
            position = m.group("role")
    if position and organisation is None:
        for acr in (a for a in _ACRONYM.findall(position) if not _POSTNOMINAL.match(a)):
            organisation = expand_acronym(acr, document)
            if organisation:
                break
    if name_line is None and position is None and organisation is None:
        return Party(letter_id=letter_id, role=PartyRole.sender)
    span = (name_line.start, name_line.end) if name_line else None
    return _party(letter_id, PartyRole.sender, name_text, position, organisation, None, span)


# a body's name in capitalised words: "IRATA International", "Royal Voluntary Service"
# (not those it signs for within the body: "on behalf of the Partners")
_BODY_NAME = re.compile(r"(?!(?:the\s+)?(?:partners|directors|board|trustees)\b)(?-i:[A-Z])[\w&'’.-]*"
                        r"(?:\s+(?:(?-i:[A-Z])[\w&'’.-]*|of|and|for|the|&)){0,6}", re.I)
# "Enc.<tab>Terms of reference, Joint Disclosure Board": what the letter encloses, under its signature
_ENCLOSED = re.compile(r"^\W*(?:encs?|encls?)\b\.?(?:\s|:|$)|^\W*(?:enclosures?|attachments?)\s*(?::|$)", re.I)
_ON_BEHALF = re.compile(r"^(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\s+(?:the\s+(?:partners|directors|board)\s*,\s*)?",
                        re.I)
_NOT_LETTERHEAD = re.compile(r"^\W*(?:#|\d+[.)]\s|published\b|updated\b|contents\b|print\b|(?:from|to|cc|date|subject|re)\s*:)", re.I)
_POSTNOMINAL = re.compile(r"\b(?:MP|MSP|MS|AM|MLA|MEP|KC|QC|CBE|OBE|MBE|DBE|KBE|KCB|QPM|PhD|FRCP|DL)\b\.?$")


def _body_named(c: str, lex: Lexicons, after_post: bool) -> str | None:
    """The body a signature line names: an organisation, or any capitalised name under the signer's
    post. A Welsh body signs in both languages, "Cyfoeth Naturiol Cymru / Natural Resources Wales":
    the English name, which the rest of the correspondence uses."""
    for part in reversed(c.split(" / ")) if " / " in c else (c,):
        if _is_org(part, lex) or (after_post and _BODY_NAME.fullmatch(part)):
            return part
    return None


def _name_then_post(line: str, lex: Lexicons) -> tuple[str, str] | None:
    """"Neil Parish MP Chair of the Committee": a signature's name and post on one line."""
    words = line.split()
    for k in range(2, min(len(words), 7)):
        name, post = " ".join(words[:k]), " ".join(words[k:])
        person = parse(name)
        titled = person is not None and (person.postnominals or (person.honorific and not lex.role_re.search(person.honorific)))
        if lex.role_re.match(post) and looks_like_person(name, lex) and titled and not lex.role_re.search(person.name):
            return name, post
    return None


_CC_AT_END = re.compile(r"\b(?:cc|c\.c\.|copy to|copies to)\s*:\s*$", re.I)


def _cc_item(c: str, lex: Lexicons) -> bool:
    """A line of a cc list: an e-mail, a name, a post or a body; not a sentence, an address or a date."""
    bare = EMAIL.sub("", c)
    if not c or has_postcode(c) or is_dateline(c) or lex.salutation.match(c):
        return False
    head = bare.split(",")[0].strip(" :;()[]")
    if looks_like_person(head, lex):
        return not bare.rstrip().endswith(".") or len(bare.split()) < 8
    return not is_prose(bare) and bool(EMAIL.search(c) or lex.role_re.search(head) or lex.org_re.search(head))


def _cc_lines(text: str, seg: Segment, lex: Lexicons) -> list[Line]:
    """The cc marker's own line (when it names anyone) and the list under it, which
    may run over blank lines ("cc:" can also close the signature's last line)."""
    lines = split_lines(text, seg.start, seg.end)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        c = clean(lines[i].text) or ""
        opens = lex.cc_line.match(c) and (re.match(r"^\W*[a-z .]+:", c, re.I) or not is_prose(c))
        if opens or _CC_AT_END.search(c):
            if opens and lex.cc_line.sub("", c, count=1).strip(" :"):
                out.append(lines[i])
            i += 1
            blanks = 0
            while i < len(lines) and blanks <= 2:
                c2 = clean(lines[i].text) or ""
                if not c2:
                    blanks += 1
                elif _cc_item(c2, lex):
                    out.append(lines[i])
                    blanks = 0
                else:
                    break
                i += 1
            continue
        i += 1
    return out


def _cc_entries(desc: str, lex: Lexicons) -> list[list[str]]:
    """Comma parts of a cc line, one list per person: a line may run two entries together
    ("..., Minister for Safe and Legal Migration Matthew Rycroft, Permanent Secretary")."""
    parts = comma_parts(desc, lex)
    entries: list[list[str]] = [[]]
    for k, part in enumerate(parts):
        words = part.split()
        nxt = parts[k + 1] if k + 1 < len(parts) else ""
        tail = " ".join(words[-2:])
        if len(words) > 2 and entries[-1] and lex.role_re.match(nxt) and looks_like_person(tail, lex) \
                and not lex.role_re.search(tail):
            entries[-1].append(" ".join(words[:-2]))
            entries.append([tail])
        else:
            entries[-1].append(part)
    return [e for e in entries if e]


def cc(text: str, seg: Segment, letter_id: str, lex: Lexicons, document: str) -> list[Party]:
    out: list[Party] = []
    for ln in _cc_lines(text, seg, lex):
        c = lex.cc_line.sub("", clean(ln.text) or "", count=1).strip(" :")
        m = EMAIL.search(c)
        email = m.group(0) if m else None
        desc = EMAIL.sub("", c).strip(" :;,()[]")
        for parts in _cc_entries(desc, lex) or [[]]:
            name = parts[0] if parts and looks_like_person(parts[0], lex) else None
            position, org = _describe(parts[1:], lex) if name else (None, None)
            if name and len(parts) >= 3 and org is None:
                org = parts[-1]
            if name is None and parts and not email:
                position, org = _describe(parts, lex)
            if name is None and email:
                guess = first_last_from_email(email.split("@")[0])
                name = guess if guess and re.search(re.escape(guess), document, re.I) else None
                org = org or _org_from_domain(email, document) or (None if name else email.split("@", 1)[1])
            if name or email or position or org:
                out.append(_party(letter_id, PartyRole.cc, name, position, org, email, (ln.start, ln.end)))
    return out


def mentioned_emails(text: str, seg: Segment, letter_id: str, known: set[str], lex: Lexicons) -> list[Party]:
    """E-mail addresses not carried by another party, kept so no address is lost."""
    out: list[Party] = []
    for m in EMAIL.finditer(text, seg.start, seg.end):
        email = m.group(0).lower()
        if email in known:
            continue
        known.add(email)
        guess = first_last_from_email(email.split("@")[0])
        window = text[max(seg.start, m.start() - 200): m.start()]
        name = guess if guess and re.search(re.escape(guess), window, re.I) else None
        # every row names someone: where no person is named, the body the address belongs to
        org = None if name else (_org_from_domain(email, text) or email.split("@", 1)[1])
        out.append(_party(letter_id, PartyRole.mentioned, name, None, org, email, (m.start(), m.end())))
    return out
