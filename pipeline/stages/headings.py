"""Parties named outside the letter head: page titles, "From:"/"To:" lines and
"I am copying this letter to ..." sentences.

A letter published as a web page is often known by its title ("Letter from
Lord True to Lord Evans about the Elections Bill", "Letter to the Parliamentary
Commissioner for Standards from the Rt Hon Dr John Reid MP"); a memo-style
letter heads itself "From: Kemi Badenoch MP – Minister of State ..."; and a
letter with no cc block names whom it copies in its last paragraph. Each
phrase names a person, a post or a body, which ``describe_phrase`` tells apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import Lexicons
from pipeline.names import looks_like_person, parse
from pipeline.text import OTHER_TONGUE_GREETING, clean

_TITLE = re.compile(
    r"^\W*(?:letter|e-?mail|note|memorandum|reply|response)\s+"
    r"(?:from\s+(?P<f1>.+?)\s+to\s+(?P<t1>.+?)|to\s+(?P<t2>.+?)\s+from\s+(?P<f2>.+?)|from\s+(?P<f3>.+?)|to\s+(?P<t3>.+?))"
    r"(?=,?\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|about|on|regarding|re|concerning|following|in response|in reply|dated)\b"
    r"|,\s*\d|\s*\(|\s*[:.]?\s*$)", re.I)
_FROM_TO = re.compile(r"^\W*(?P<key>from|to|sender|recipient|addressee)\s*:\s*(?P<who>\S.{2,300})$", re.I)
_COPYING = re.compile(
    r"\b(?:i am|i'm|we are|i have|we have|i've|we've|i will be|we will be)\s+(?:also\s+)?(?:copying|copied|"
    r"(?:sending|sent) (?:a )?cop(?:y|ies) of)"
    r"\s+(?:this|my|our)\s+(?:letter|reply|response|correspondence)\s+to\s+(?P<who>[^.;]{3,300})"
    r"|\b(?:of|to|with|from)\s+(?P<who2>the\s+[A-Z][\w,'’ -]{2,120}?),\s+to whom (?:this|my|our) (?:letter|correspondence|reply|response) is"
    r"\s+(?:also\s+)?(?:being\s+)?copied", re.I)
# where a copy list divides: before "the ...", and between two people ("Jane Moss MP and Dr Peter Hale")
_COPY_LIST = re.compile(r",?\s+and\s+(?=the\s)|,\s+(?=the\s)|\s+and\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|"
                        r"Baroness|Professor|Prof|Rt\.? Hon|Cllr|Councillor)\b)|(?:(?<=\bMP)|(?<=\bMSP)|(?<=\bKC)|(?<=\bQC)|"
                        r"(?<=\bCBE)|(?<=\bOBE)|(?<=\bMBE)|(?<=\bDBE))\s+and\s+")
_DASH = re.compile(r"\s+[–—-]\s+")
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Named:
    """Who a phrase names: a person, a post, a body, or a mix ("Chair, Migration Advisory Committee")."""

    name: str | None = None
    position: str | None = None
    organisation: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.name or self.position or self.organisation)


_SHOWN_WITH_BODY = re.compile(r"(?P<who>[^()]{3,60}?)\s*\((?P<body>[^()]{2,80})\)")
# a body's name in brackets: two capitalised words or more ("NHS WYRE AND TEME ICB", "NI Water")
_CAPS_BODY = re.compile(r"^[A-Z][\w&'’.-]*(?:\s+(?:(?:and|of|for|the|&)\s+)?[A-Z][\w&'’.-]*)+$")
_PRONOUNS = re.compile(r"(?:she|he|they|ze|xe)\s*/\s*\w+(?:\s*/\s*\w+)?", re.I)


def describe_phrase(phrase: str, lex: Lexicons) -> Named:
    """"the Rt Hon Dr John Reid MP" is a person, "the Parliamentary Commissioner for
    Standards" a post, "the MAC" a body; "Kemi Badenoch MP – Minister of State" both."""
    c = (clean(phrase) or "").strip(" ,;:.")
    if not c:
        return Named()
    # "Pryce Joanna (NHS WYRE AND TEME ICB)": NHSmail shows a person with their body in brackets
    # ("Dr John Reid (Chair)": a post in brackets)
    shown = _SHOWN_WITH_BODY.fullmatch(c)
    if shown and looks_like_person(_forename_first(shown.group("who"), lex), lex):
        who = describe_phrase(_forename_first(shown.group("who"), lex), lex)
        body = shown.group("body").strip()
        if who.name and _PRONOUNS.fullmatch(body):  # "Jane Smith (she/her)"
            return who
        if who.name and lex.role_re.search(body):
            return Named(who.name, who.position or body, who.organisation)
        if who.name and (lex.org_re.search(body) or _CAPS_BODY.match(body)):
            return Named(who.name, who.position, who.organisation or body)
        if who.name:  # "(Acting)", "(by email)": neither a post nor a body
            return who
    head, *rest = [p.strip() for p in _DASH.split(c, maxsplit=1)]
    parts = comma_parts(head, lex)
    name = None
    if parts and looks_like_person(parts[0], lex):
        person = parse(parts[0])
        name = person.name if person else None
        parts = [p for p in parts[1:] if not looks_like_person(p, lex) and not _postnominals_only(p)]
    elif parts and _is_person_phrase(parts[0], lex):
        person = parse(_LEADING_THE.sub("", parts[0]), single=True)
        name = person.name if person else None
        parts = [p for p in parts[1:] if not _postnominals_only(p)]
    desc = (comma_parts(rest[0], lex) if rest else []) + parts
    desc = [_LEADING_THE.sub("", d.strip()) for d in desc if d.strip()]
    position = organisation = None
    for d in desc:
        if position is None and lex.role_re.search(d):
            position, of = _split_of(d, lex)
            organisation = organisation or of
        elif organisation is None:
            organisation = d
    if name and position is None and len(desc) >= 2:  # "Name, Senior Fellow, Wexley University": post, then body
        position, organisation = desc[0], desc[-1]
    if name is None and position is None and organisation is None:
        return Named()
    return Named(name, position, organisation)


def comma_parts(s: str, lex: Lexicons) -> list[str]:
    """Split at commas that separate a name, a post and a body, not at those inside a
    post's title ("Secretary of State for Environment, Food and Rural Affairs")."""
    out: list[str] = []
    for part in (p.strip() for p in s.split(",")):
        if not part:
            continue
        inside_title = out and lex.role_re.search(out[-1]) and not lex.org_re.search(part) \
            and not lex.role_re.search(part) and not _postnominals_only(part) and not looks_like_person(part, lex)
        if inside_title:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


_SALUTATION = re.compile(r"^\W*" + OTHER_TONGUE_GREETING + r"dear\s+(?P<who>[^,:;\n]{2,80}?)\s*[,:;]?\s*$", re.I)
_NOBODY = re.compile(r"^(?:sir(?:\s*(?:or|/)\s*madam)?|madam|all|colleagues?|friends?|both|coroner|team)\s*$", re.I)
_HONORIFIC_START = re.compile(r"^(?:mr|mrs|ms|miss|dr|professor|prof|sir|dame|lord|lady|baroness|cllr|councillor)\.?\s+", re.I)


def salutation_party(line: str, lex: Lexicons) -> Named:
    """Whom "Dear ..." addresses: a person ("Dear Professor Bell", "Dear Geraint") or a post
    ("Dear Home Secretary"); nothing for "Dear Sir or Madam"."""
    m = _SALUTATION.match(clean(line) or "")
    if not m or _NOBODY.match(m.group("who")):
        return Named()
    who = m.group("who").strip()
    rest = _HONORIFIC_START.sub("", who)
    if lex.role_re.search(rest) or lex.role_re.fullmatch(who):  # "Dear Home Secretary", "Dear Mr Chairman", "Dear Councillor"
        return Named(position=_LEADING_THE.sub("", rest if rest != who and lex.role_re.match(rest) else who))
    person = parse(who, single=True)
    if person is not None:
        return Named(name=person.name)
    if re.fullmatch(r"[A-Z][a-z'’-]+", who):  # a first name: "Dear Geraint"
        return Named(name=who)
    return Named()


def _phrase_of(n: Named) -> str:
    return ", ".join(x for x in (n.name, n.position, n.organisation) if x)


def _postnominals_only(s: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]{2,5}\s*)+", s.strip()))


def _is_person_phrase(s: str, lex: Lexicons) -> bool:
    """A name with an honorific, known to be a person by where it stands ("from Lord True")."""
    c = _LEADING_THE.sub("", s.strip())
    p = parse(c, single=True)
    # "the Minister for Prisons", "Director General": a post nameparser takes for a title and a name
    return p is not None and p.honorific is not None and not lex.role_re.search(p.honorific) and \
        p.name[:1].isupper() and not lex.role_re.search(p.name) and not lex.org_re.search(p.name) and len(c.split()) <= 7


def _split_of(role: str, lex: Lexicons) -> tuple[str, str | None]:
    """"Chair of the Committee on Standards in Public Life" -> the post and the body."""
    m = re.match(r"^(?P<role>.+?)\s+(?:of|at|for)\s+(?:the\s+)?(?P<org>[A-Z].*)$", role)
    if m and lex.role_re.search(m.group("role")) and lex.org_re.search(m.group("org")) \
            and not lex.role_re.fullmatch(m.group("org")):
        return m.group("role").strip(), m.group("org").strip()
    return role.strip(), None


def title_parties(title: str, lex: Lexicons) -> tuple[Named, Named]:
    """Sender and recipient named by a page title; empty where it names none."""
    c = re.sub(r"^#+\s*", "", clean(title) or "")
    m = _TITLE.match(c)
    if not m:
        return Named(), Named()
    sender = m.group("f1") or m.group("f2") or m.group("f3")
    to = m.group("t1") or m.group("t2") or m.group("t3")
    return (describe_phrase(sender, lex) if sender else Named(),
            describe_phrase(to, lex) if to else Named())


_SURNAME_FIRST = re.compile(r"([A-Z][\w'’-]+),\s+([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)")


def _forename_first(who: str, lex: Lexicons) -> str:
    """"Moorhead, Declan", as Outlook in many public bodies shows a person, is Declan Moorhead
    ("Harris, Chief Executive" is a person and a post)."""
    m = _SURNAME_FIRST.fullmatch(who)
    if m is None:
        return who
    swapped = f"{m.group(2)} {m.group(1)}"
    named = describe_phrase(swapped, lex)
    return swapped if named.name and not (named.position or named.organisation or describe_phrase(m.group(2), lex).position) \
        else who


def from_to_lines(text: str, start: int, end: int, lex: Lexicons) -> tuple[Named, Named]:
    """"From: X – post" and "To: Y – post" lines in a letter head."""
    sender = recipient = Named()
    for m in re.finditer(r"[^\n]+", text[start:end]):
        ft = _FROM_TO.match(clean(m.group(0)) or "")
        if not ft:
            continue
        # "Dame Rachel Hartley <commissioner@...>": an e-mail header names the person before the address
        bare = re.sub(r"\s*<[^<>@\s]+@[^<>\s]+>", "", ft.group("who")).strip(" ;,")
        who = describe_phrase(_forename_first(bare, lex), lex)
        span = dict(start=start + m.start(), end=start + m.end())
        if ft.group("key").lower() in ("from", "sender") and sender.empty:
            sender = Named(who.name, who.position, who.organisation, **span)
        elif ft.group("key").lower() in ("to", "recipient", "addressee") and recipient.empty:
            recipient = Named(who.name, who.position, who.organisation, **span)
    return sender, recipient


def copied_to(text: str, start: int, end: int, lex: Lexicons) -> list[Named]:
    """Posts, bodies and people a letter says it is copied to."""
    out: list[Named] = []
    for m in _COPYING.finditer(text, start, end):
        who = m.group("who") or m.group("who2")
        span = m.span("who") if m.group("who") else m.span("who2")
        parts = [p for p in _COPY_LIST.split(who) if p.strip()]
        merged: list[Named] = []
        for part in parts:
            named = describe_phrase(part, lex)
            if named.empty:
                continue
            prev = merged[-1] if merged else None
            if prev is not None and prev.name and not prev.position and not named.name and named.position:
                merged[-1] = Named(prev.name, named.position, prev.organisation or named.organisation)  # apposition
            elif prev is not None and prev.position and not prev.name and not named.name and not named.position \
                    and named.organisation and not re.match(r"(?i)the\s", part.strip()):
                merged[-1] = describe_phrase(f"{_phrase_of(prev)} and {part}", lex)  # "... Food and Rural Affairs"
            else:
                merged.append(named)
        out += [Named(n.name, n.position, n.organisation, span[0], span[1]) for n in merged]
    return out
