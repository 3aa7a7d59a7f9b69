"""Parties of documents without a letter head: Q&A documents, minutes,
government response papers and coroners' reports.

These name people in lists ("The responses below were provided by:"), in
speech ("Dame Sara replied"), under a foreword, or under "THIS REPORT IS
BEING SENT TO:"; the helpers that read a name, a position and a body are the
letter parties' own.
"""
from __future__ import annotations

import re

from pipeline.lexicon import Lexicons
from pipeline.names import looks_like_person, parse
from pipeline.records import Party, PartyRole
from pipeline.stages.fold import same_body
from pipeline.stages.parties import PartyRules, _describe, _is_org, _is_role, _party, _signature_blocks
from pipeline.stages.segment import Segment
from pipeline.stages.headings import describe_phrase
from pipeline.text import Line, clean, split_lines, to_blocks


def participants(text: str, seg: Segment, letter_id: str, lex: Lexicons, rules: PartyRules,
                 persons: list[tuple[int, int]]) -> list[Party]:
    """Named people who respond or speak in Q&A documents and minutes.

    ``persons`` are PERSON entity spans from spaCy; a name needs either such
    a span or an honorific to count, so capitalised phrases are not people.
    """
    found: dict[str, Party] = {}
    person_text = {re.sub(r"\s+", " ", text[a:b]).strip() for a, b in persons}

    def is_named(s: str) -> bool:
        p = parse(s)
        return p is not None and looks_like_person(s, lex) and (p.honorific is not None or any(p.name in t or t in s for t in person_text))

    def add(name_text: str, position: str | None, org: str | None, span: tuple[int, int]) -> None:
        p = parse(name_text)
        if p is None:
            return
        key = p.name.lower()
        for k in list(found):
            if k.split()[0] == key.split()[0] and (k.endswith(key.split()[-1]) or len(key.split()) == 1):
                key = k
        prev = found.get(key)
        if prev is None:
            found[key] = _party(letter_id, PartyRole.participant, name_text, position, org, None, span)
        elif (prev.position is None and position) or (prev.organisation is None and org):
            found[key] = prev.model_copy(update={"position": prev.position or clean(position),
                                                 "organisation": prev.organisation or clean(org)})

    blocks = to_blocks(split_lines(text, seg.start, seg.end))
    in_list = False
    for b in blocks:
        for ln in b.lines:
            c = clean(ln.text) or ""
            if rules.participant_lead.search(c) and c.endswith(":"):
                in_list = True
                continue
            item = re.match(r"^\s*(?:[-*•·o]|\d+[.)])\s+(.*)$", c)
            if in_list and item:
                name, position, org = split_item(item.group(1).strip().rstrip(".;"))
                # "Name, Position at Body" in a responders list is a person by its shape
                if is_named(name) or (position and _is_role(position, lex) and looks_like_person(name, lex)):
                    add(name, position, org, (ln.start, ln.end))
            elif in_list and c:
                in_list = False
    honorific_name = re.compile(r"\b(?:Dame|Sir|Lord|Lady|Baroness|Baron|Dr|Professor|Prof|Mr|Mrs|Ms|Miss|Cllr|Councillor)\.?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?(?:[ \t]+(?:[A-Z]{2,4}))*")
    for m in honorific_name.finditer(text, seg.start, seg.end):
        name_text = m.group(0)
        before = text[max(seg.start, m.start() - 80): m.start()].split("\n")[-1]
        role_m = re.search(r"((?:[A-Z][\w'’-]*\s+){0,4}?(?:" + "|".join(re.escape(w.title()) for w in lex.role_words) + r"))\s*$", before)
        after = text[m.end(): m.end() + 30]
        speaks = re.match(r"\s*(?:" + rules.speech_verbs + r")\b", after)
        if parse(name_text) and (role_m or speaks or len(name_text.split()) >= 3):
            add(name_text, role_m.group(1) if role_m else None, None, (m.start(), m.end()))
    for a, b in persons:
        after = text[b: b + 30]
        if re.match(r"\s*(?:'s view|" + rules.speech_verbs + r")\b", after) and is_named(text[a:b]):
            add(text[a:b], None, None, (a, b))
    return [p for p in found.values() if p.name and len(p.name.split()) >= 2]


def split_item(item: str) -> tuple[str, str | None, str | None]:
    """"Jacinta Kane, Head of Service at London Borough of Harrow" -> name, position, organisation;
    "Dave Lamb from the Home Office Modern Slavery Unit" -> name, None, organisation."""
    if "," in item:
        name, rest = (p.strip() for p in item.split(",", 1))
        for sep in (" at ", ", ", " for "):
            if sep in rest:
                role, org = rest.rsplit(sep, 1) if sep != " for " else rest.split(sep, 1)
                return name, role.strip(), re.sub(r"^the\s+", "", org.strip())
        return name, rest, None
    m = re.match(r"^(?P<name>.+?)\s+(?:from|of|at)\s+(?:the\s+)?(?P<org>[A-Z].+)$", item)
    if m:
        return m.group("name"), None, m.group("org")
    return item, None, None


_ADDRESSEES = re.compile(r"^\W*(?:this report is being sent to|(?:this )?(?:report|letter) (?:is )?sent to|addressed to|distribution)\s*:?\W*$", re.I)
_PRESENTED = re.compile(r"\bby the (?P<role>[A-Z][\w'’-]*(?:,?\s+(?:(?:for|of|and|the|to)\s+)*[A-Z][\w'’-]*)+)")


# a coroner's report in full opens "1 CORONER / I am Jane Doe, Area Coroner for the area of ..."
_SELF_INTRODUCED = re.compile(r"\bI am (?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w'’-]+),\s+(?P<role>(?:HM\s+)?"
                              r"(?:Senior\s+|Area\s+|Assistant\s+|Acting\s+Senior\s+)?Coroner\b[^.\n]{0,80})")


def self_introduced(text: str, seg: Segment, letter_id: str) -> Party | None:
    """The writer who introduces themselves by name and office near the top."""
    m = _SELF_INTRODUCED.search(text, seg.start, min(seg.end, seg.start + 4000))
    if m is None:
        return None
    person = parse(m.group("name"))
    return Party(letter_id=letter_id, role=PartyRole.sender, name=person.name if person else clean(m.group("name")),
                 position=clean(m.group("role")).rstrip(" ,"), char_start=m.start("name"), char_end=m.end("name"))


# "Chief Executive, Fernmoor Homes (concerns 1 to 3)": which concerns go to the body, not its name
_SENT_CONCERNS = re.compile(r"\s*\(\s*(?:matters?\s+of\s+)?concerns?\b(?:[^()]|\([^()]*\))*\)\s*$", re.I)


def addressee_list(text: str, seg: Segment, letter_id: str, lex: Lexicons) -> list[Party]:
    """Recipients listed under "THIS REPORT IS BEING SENT TO:" (a coroner's report)."""
    out: list[Party] = []
    lines = split_lines(text, seg.start, seg.end)
    for i, ln in enumerate(lines):
        if not _ADDRESSEES.match(clean(ln.text) or ""):
            continue
        for item in lines[i + 1:]:
            c = clean(item.text) or ""
            if not c:
                if out:
                    break
                continue
            c = _SENT_CONCERNS.sub("", re.sub(r"^\s*(?:[-*•·]|\(?\d+[.)])\s*", "", c))
            if re.match(r"^\d+\s+[A-Z]{3,}", clean(item.text) or ""):
                break  # the next numbered section heading
            head, *rest = [p.strip() for p in c.split(",")]
            name = head if looks_like_person(head, lex) else None
            position, org = _describe(rest if name else [head] + rest, lex)
            out.append(_party(letter_id, PartyRole.recipient, name, position, org, None, (item.start, item.end)))
        break
    return out


_GENERIC_GOVERNMENT = re.compile(r"^(?:the\s+)?(?:uk|hm|her majesty's|his majesty's|scottish|welsh|northern ireland)?\s*government$", re.I)


def paper_parties(text: str, seg: Segment, letter_id: str, lex: Lexicons) -> list[Party]:
    """The sender of a response paper, which has no letter head.

    The minister signs the foreword (a name line over a position line) or
    presents the paper to Parliament ("Presented to Parliament by the Chief
    Secretary to the Prime Minister"), and the department heads its cover. A
    published paper has no recipient (FORMAT.md), whatever committee it answers.
    """
    lines = [ln for ln in split_lines(text, seg.start, seg.end) if not ln.blank]
    top = " ".join(clean(ln.text) or "" for ln in lines[:40])
    bodies = [c for c in (clean(ln.text) or "" for ln in lines[:12])
              if _is_org(c, lex) and len(c.split()) <= 8 and not re.search(r"\.(?:\s|$)", c)
              and sum(w[0].isupper() for w in c.split()) * 2 > len(c.split())
              and not re.search(r"committee|response|report|recommend|:", c, re.I)]
    # a department names the sender better than "UK Government" on the same cover
    organisation = next((c for c in bodies if not _GENERIC_GOVERNMENT.match(c)), bodies[0] if bodies else None)
    name = position = None
    span = None
    for a, b in zip(lines, lines[1:]):
        ca, cb = clean(a.text) or "", clean(b.text) or ""
        if looks_like_person(ca, lex) and _is_role(cb, lex) and b.start - a.end <= 2:
            name, position, span = ca, cb, (a.start, a.end)
            break
    if position is None:
        m = _PRESENTED.search(top)
        if m and _is_role(m.group("role"), lex):
            position = m.group("role").strip(" ,")
    signed = _byline(lines, lex)
    if name is None and signed is not None:
        name, position, organisation, span = signed[0], signed[1] or position, signed[2] or organisation, signed[3]
    if organisation is None:
        organisation = _copyright_holder(lines, lex)
    return [_party(letter_id, PartyRole.sender, name, position, organisation, None, span)]


# a web page's footer names its publisher: "(C) NHS Harnshire and Brackwater Integrated Care Board 2027",
# "© 2027 Vale Active Leisure Trust. All rights reserved." (not "© Crown copyright", which names none)
_COPYRIGHT = re.compile(r"^\W*(?:\(c\)|©|copyright)\s+(?:(?:\(c\)|©)\s+)?(?:\d{4}\s+)?(?P<org>[A-Z][^\n]{2,100}?)"
                        r"(?:,?\s+\d{4})?\.?(?:\s+all rights reserved\.?)?\s*$", re.I)
FOOTER_LINES = 12  # lines at a page's foot where its copyright line stands


def _copyright_holder(lines: list[Line], lex: Lexicons) -> str | None:
    """The body a page's copyright line names, where the page names its writer nowhere else: a
    publisher's own statement is its own (a body the reply answers for would sign or head it)."""
    for ln in reversed(lines[-FOOTER_LINES:]):
        m = _COPYRIGHT.match(clean(ln.text) or "")
        if m and not re.search(r"\b(?:crown|parliamentary)\b|copyright", m.group("org"), re.I) \
                and _is_org(m.group("org"), lex):
            return m.group("org")
    return None


# a web statement signed in italics under its last paragraph: "_Lorna Fairweather, Chief Executive, Vale
# Active Leisure Trust_"
_BYLINE = re.compile(r"^\s*(?P<mark>[_*]{1,2})(?P<said>[^_*\n]{5,160}?)(?P=mark)\s*$")


def _byline(lines: list[Line], lex: Lexicons) -> tuple[str, str | None, str | None, tuple[int, int]] | None:
    """The person a page's italic sign-off names, with the post and body after the name. Only a name
    followed by a post counts: a page's italic caption or quotation names no writer."""
    for k in range(len(lines) - 1, -1, -1):
        ln = lines[k]
        m = _BYLINE.match(ln.text)
        if m is None or k and lines[k - 1].text.lstrip().startswith(">"):
            continue  # (under a blockquote, "_Harriet Vane, Senior Coroner_" names whom the page quotes)
        cells = [c.strip() for c in m.group("said").split(",")]
        if len(cells) >= 2 and looks_like_person(cells[0], lex) and _is_role(cells[1], lex):
            position, organisation = _describe(cells[1:], lex)
            return cells[0], position, organisation, (ln.start + m.start("said"), ln.start + m.end("said"))
    return None


def publisher(title: str, title_start: int, org_spans: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """For Q&A documents: the first organisation the title names publishes it.

    spaCy's ORG entities are joined by runs of capitalised acronyms ("ECPAT
    UK"), which the small model often tags as something else.
    """
    cands = [(a, b) for a, b in org_spans]
    cands += [(title_start + m.start(), title_start + m.end())
              for m in re.finditer(r"\b[A-Z]{3,}(?:\s+[A-Z]{2,})*\b", title)]
    if not cands:
        return None
    a, b = min(cands, key=lambda s: (s[0], -s[1]))
    name = re.sub(r"^(?:the|The)\s+|['’]s$", "", title[a - title_start: b - title_start]).strip()
    return (name, a, b) if name else None


# ---- coroners' reports as the data set stores them: date, coroner, area, addressees

def report_fields(text: str, seg: Segment) -> list[Line]:
    """The report's first four fields: date, coroner, area, addressees."""
    return [ln for ln in split_lines(text, seg.start, seg.end) if not ln.blank][:4]


def report_parties(text: str, seg: Segment, letter_id: str, lex: Lexicons) -> list[Party]:
    """The coroner as written ("L. Lee"), and each addressee of the ";"-separated list,
    its post and its body apart ("The Chief Executive Officer of X")."""
    fields = report_fields(text, seg)
    out: list[Party] = []
    if len(fields) >= 2:
        coroner = clean(fields[1].text) or ""
        person = parse(coroner, single=True) or parse(coroner)
        if person is not None and not lex.org_re.search(coroner):
            out.append(Party(letter_id=letter_id, role=PartyRole.sender, name=person.name, honorific=person.honorific,
                             char_start=fields[1].start, char_end=fields[1].end))
    if len(fields) >= 4:
        ln = fields[3]
        pos = ln.start
        for item in ln.text.split(";"):
            named = describe_phrase(_role_then_body(_SENT_CONCERNS.sub("", item.strip()), lex), lex)
            at = ln.text.find(item.strip(), pos - ln.start)
            if not named.empty:
                out.append(Party(letter_id=letter_id, role=PartyRole.recipient, name=named.name,
                                 position=named.position, organisation=named.organisation,
                                 char_start=ln.start + max(at, 0), char_end=ln.start + max(at, 0) + len(item.strip())))
            pos += len(item) + 1
    return out


def _role_then_body(item: str, lex: Lexicons) -> str:
    """"Chief Executive Officer South East Coast Ambulance ..." -> "Chief Executive Officer, South East ..."."""
    item = re.sub(r"^(?:the)\s+", "", item, flags=re.I)
    words = item.split()
    tokens = {t for w in lex.role_words for t in w.split()}  # "chief executive" lends "executive"
    k = 0
    while k < len(words) and words[k].lower().strip(",") in tokens:
        k += 1
    if 0 < k < len(words) and words[k].lower() not in ("of", "for", "at", "to"):
        return " ".join(words[:k]) + ", " + " ".join(words[k:])
    return item


# ---- the replies after such a report: no letterhead, no signature

_ON_BEHALF = re.compile(r"\bon behalf of (?:the\s+)?(?P<org>[A-Z][\w'’&() -]{2,100}?)(?=[,.;:]|\s+(?:and|I|we|to|in)\b)")
_DEFINED = re.compile(r"(?P<long>(?:[A-Z][\w'’-]*|of|and|&|the|for)(?:\s+(?:[A-Z][\w'’-]*|of|and|&|the|for)){1,9})\s+\((?P<short>[A-Z][A-Za-z&]{1,9})[;)]")
_FUNCTION = ("of", "and", "the", "for", "&", "to", "on", "in", "at")
# where a body is named as the writer, and where as someone else
_SELF_BEFORE = re.compile(r"(?:\b(?:we|i) at|\bour|\bon behalf of|\b(?:issued|sent|sending|addressed|made)\b[^.]{0,60}?\bto"
                          r"|\bwhich include)\s+(?:the\s+)?$", re.I)
_OTHER_BEFORE = re.compile(r"(?:\balso (?:been )?(?:sent|addressed) to|\bother (?:relevant )?organisations? named[^.]{0,40}?|"
                           r"\b(?:from|with|at|by|assist)\b)\s+(?:the\s+)?$", re.I)
_SUBJECT_AFTER = re.compile(r"(?:\s*\([^)]{1,80}\))?\s+(?:has|have|is|are|will|would|acknowledges?|recognises?|employs?|"
                            r"advocates?|remains?|welcomes?|takes?|can|cannot|does|did|supports?|accepts?|agrees?|"
                            r"strongly|continues?|expects?)\b", re.I)


_SELF_NOUNS = frozenset({"department", "trust", "council", "board", "service", "agency", "ministry", "office",
                         "association", "society", "organisation", "charity", "force", "authority", "college"})


def _variants(name: str, body: str) -> list[str]:
    """How a reply may write an addressee: in full, by acronym (with or without
    "of"/"for": DfT), by the first words of its name, or by an acronym the text
    defines for a near spelling ("University Hospitals of Coventry & Warwickshire (UHCW)")."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    parts = re.split(r"\s+(?:&|and)\s+(?=[A-Z])", name)
    if len(parts) > 1:  # "NHS England & NHS Improvement": either part names it
        return list(dict.fromkeys([re.escape(name)] + [v for part in parts for v in _variants(part, body)]))
    words = re.findall(r"[A-Za-z][\w'’-]*|&", name)
    out = [re.escape(name)]
    content = [w for w in words if w.lower() not in _FUNCTION]
    if len(content) >= 2:
        out.append(r"\b" + "".join(w[0] for w in content) + r"\b")
        out.append(r"\b" + "".join(w[0] for w in words if w != "&") + r"\b")
        swapped = ["for" if w.lower() == "of" else "of" if w.lower() == "for" else w for w in words if w != "&"]
        out.append(r"\b" + "".join(w[0] for w in swapped) + r"\b")
    core = [w for w in content if w.lower() not in ("nhs", "foundation", "trust", "hospital", "hospitals", "ceo")]
    if len(core) >= 2:
        out.append(r"\b" + r"\s+".join(re.escape(w) for w in core[:2]) + r"\b")
    for m in _DEFINED.finditer(body):
        if same_body(m.group("long"), name):
            out += [re.escape(m.group("long")), r"\b" + re.escape(m.group("short")) + r"\b"]
    return list(dict.fromkeys(out))


def response_sender(text: str, seg: Segment, letter_id: str, addressees: list[Party], lex: Lexicons) -> Party | None:
    """The body a reply speaks for.

    "On behalf of X" settles it. Otherwise each addressee of the report is
    scored by how the reply names it: as the writer ("we at X", "X has",
    "issued to X", "our X") or as someone else ("also sent to X", "guidelines
    from X"), the first paragraph counting double.
    """
    body = text[seg.start:seg.end]
    m = _ON_BEHALF.search(body)
    if m:
        return Party(letter_id=letter_id, role=PartyRole.sender, organisation=m.group("org").strip(),
                     char_start=seg.start + m.start("org"), char_end=seg.start + m.end("org"))
    signed = _signed_for(text, seg, letter_id, addressees, lex)
    if signed is not None:
        return signed
    first_para = body.find("\n\n") if "\n\n" in body.strip() else len(body)
    best, best_score = None, 0.0
    for p in addressees:
        org = p.organisation or p.position
        if not org:
            continue
        score = 0.0
        seen: set[int] = set()
        # "my Department", "our Trust": the writer's own kind of body
        heads = [w for w in re.findall(r"[A-Za-z]+", org) if w.lower() in _SELF_NOUNS]
        for w in heads:
            score += 6 * len(re.findall(r"\b(?:my|our)\s+" + w + r"\b", body, re.I))
        mentions = 0
        for pat in _variants(org, body):
            for hit in re.finditer(pat, body, re.I if len(pat) > 14 else 0):
                if any(abs(hit.start() - x) < 3 for x in seen):
                    continue
                seen.add(hit.start())
                before, after = body[max(0, hit.start() - 80): hit.start()], body[hit.end(): hit.end() + 80]
                weight = 2.0 if hit.start() < first_para else 1.0
                mentions += 1
                score += weight if mentions <= 3 else 0.0  # being named often is weak evidence
                if _OTHER_BEFORE.search(before):
                    score -= 1.5 * weight
                elif _SELF_BEFORE.search(before) or (_SUBJECT_AFTER.match(after)
                                                     and re.search(r"(?:^|[.!?]\s+|\n)\s*(?:the\s+)?$", before, re.I)):
                    score += 3 * weight
        if score > best_score:
            best, best_score = p, score
    if best is None:
        return None
    return Party(letter_id=letter_id, role=PartyRole.sender, organisation=best.organisation or best.position)


def _signed_for(text: str, seg: Segment, letter_id: str, addressees: list[Party], lex: Lexicons) -> Party | None:
    """"Angela Whitcombe / Chief Executive / Fernmoor Homes" under the sign-off: a reply signed for
    one of the report's addressees speaks for it, however often it names the others (a landlord's
    reply tells of its contractor's work)."""
    lines = [ln for b in _signature_blocks(text, seg, lex) for ln in b.lines]
    hits = [(p, ln) for p in addressees if p.organisation for ln in lines if same_body(p.organisation, clean(ln.text))]
    if len({id(p) for p, _ in hits}) != 1:
        return None
    p, ln = hits[0]
    return Party(letter_id=letter_id, role=PartyRole.sender, organisation=p.organisation,
                 char_start=ln.start, char_end=ln.end)


def response_recipients(text: str, seg: Segment, letter_id: str) -> list[Party]:
    """A reply that speaks to or of the coroner is addressed to the coroner, whose name it rarely gives."""
    m = re.search(r"\bcoroner\b", text[seg.start:seg.end], re.I)
    if not m:
        return []
    return [Party(letter_id=letter_id, role=PartyRole.recipient, position="Coroner")]


# a response form's fields that name who responds: "Responding organisation:   Riverside Community Health NHS
# Trust", "Name and role of person responding:" over "Dr Hamish Otterburn-Lee, Chief Nurse ...", as a coroner's
# office or a regulator sends its form to be filled in
_FORM_BODY = re.compile(r"^\W*(?:responding\s+|name\s+of\s+(?:the\s+)?(?:responding\s+)?|your\s+)?"
                        r"(?:organi[sz]ation|body|provider)(?:\s+name)?\s*:[ \t]*(?P<v>[^\n]*)$", re.I)
_FORM_PERSON = re.compile(r"^\W*(?:(?:full\s+)?name(?:\s+and\s+(?:role|job\s+title|position|post))?\s+of\s+(?:the\s+)?"
                          r"(?:person|officer)\s+(?:responding|completing\s+(?:this|the)\s+form)|(?:response\s+)?"
                          r"completed\s+by)\s*:[ \t]*(?P<v>[^\n]*)$", re.I)
FORM_HEAD_LINES = 20  # lines of a form's head in which its fields name the responder
_BEHALF_NOTE = re.compile(r"\s*\((?:for\s+and\s+)?on\s+behalf\s+of\b[^)]*\)?\s*$", re.I)


def form_responder(text: str, seg: Segment, letter_id: str, lex: Lexicons) -> Party | None:
    """The sender a filled-in response form names in its fields: the body from "Responding
    organisation:", the person and post from "Name and role of person responding:" (the value on
    its line or the lines under it). A form has no letterhead or signature to read them from."""
    lines = [ln for ln in split_lines(text, seg.start, seg.end) if ln.text.strip()][:FORM_HEAD_LINES]
    body = person = None
    start = end = None
    for k, ln in enumerate(lines):
        if body is None and (m := _FORM_BODY.match(ln.text)) and m.group("v").strip():
            body = clean(m.group("v"))
        elif person is None and (m := _FORM_PERSON.match(ln.text)):
            said, at = m.group("v").strip(), ln.start + m.start("v")
            # (its value set in under the label, over the lines the form's column wraps it to)
            for x in lines[k + 1:k + 3] if not said else []:
                if x.text[:1] not in " \t" or ":" in x.text[:40]:
                    break
                if not said:
                    at = x.start + len(x.text) - len(x.text.lstrip())
                said = (said + " " + x.text.strip()).strip()
            if said:
                person, start, end = said, at, at + len(said.split(",")[0])
    if body is None and person is None:
        return None
    name = position = None
    if person:
        head, _, rest = _BEHALF_NOTE.sub("", person).partition(",")
        if looks_like_person(head.strip(), lex):
            name, position = head.strip(), rest
        else:
            position = person
    return _party(letter_id, PartyRole.sender, name, position, body, None, (start, end) if name else None)
