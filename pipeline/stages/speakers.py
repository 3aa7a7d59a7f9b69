"""Who asks, answers and speaks in Q&A documents and minutes, and whose record it is.

Parliaments and councils publish these in a few fixed shapes, each with its
own way of naming people:

- written questions listed on a page: "Asked by: Katy Clark, MSP for ...",
  "Answered by George Adam on 22 December 2022", "To ask the Scottish Government ...";
- Hansard: "106. Mr. Ernest Davies" over "asked the Minister of Transport ...",
  then each speaker's name on a line of its own over what they said;
- evidence transcripts: "Emma Norris: I am ...", "Q66 The Chair: ...", with
  the chair named in "Members present" and the witnesses listed with their posts;
- minutes: "Councillor Mrs Bromby in the chair", "The Chairman welcomed X,
  Chief Executive, ... to the meeting", "The Committee took evidence from— ...",
  a post that speaks ("The Cabinet Secretary for Justice opened ...") resolved
  through the attendance list, and the meeting's body in the title.

Attendance and apology lists are not participants; where a note of decisions
names nobody speaking, its members list is the best record of who decided.
"""
from __future__ import annotations

import re

from pipeline.lexicon import Lexicons
from pipeline.names import looks_like_person, parse
from pipeline.records import Party, PartyRole
from pipeline.stages.headings import Named, comma_parts, describe_phrase
from pipeline.stages.fold import same_person
from pipeline.stages.segment import Segment
from pipeline.text import Line, clean, split_lines

_HONORIFIC = (r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Earl|Captain|Major|Colonel|"
              r"Lieut\.?-Colonel|Lieutenant-Colonel|Brigadier|Commander|Rev|Professor|Prof|Councillor|Cllr)\.?")
_ASKED_BY = re.compile(r"^\W*asked by\s*:?\s+(?P<who>[A-Z].+)$", re.I)
_ANSWERED_BY = re.compile(r"^\W*answered by\s+(?P<who>[A-Z][^\n]+?)(?:\s+on\s+\d.*)?\s*$", re.I)
_QUESTION_FOR = re.compile(r"^\W*question for\s+(?:the\s+)?(?P<body>[A-Z][^\n]{2,80}?)\s*$", re.I)
# "Lord Smith asked His Majesty's Government whether ...": a Lords question, asker and all on one line
_LORDS_ASKED = re.compile(r"^\W*(?P<who>(?:The\s+)?(?:Lord|Baroness|Earl|Viscount|Lady|Bishop|Countess|Marquess|Duke)\b"
                          r"[^.\n]{1,60}?)\s+asked\s+(?i:(?:his|her)\s+majesty['’]s\s+government)\b")
_TO_ASK = re.compile(r"^\W*(?:(?i:question)\s*:\s*)?(?i:to ask)\s+(?:the\s+)?(?P<body>[A-Z][\w'’ -]+?)(?=,|\s+(?:what|whether|how|when|if|why|which|"
                     r"further|to|for)\b)")
# "The SECRETARY of STATE for the COLONIES (Mr. Malcolm MacDonald)": an office over the answer
_OFFICE_SPEAKER = re.compile(r"^\s*(?:\d{1,4}\.\s+)?(?:The\s+)?(?P<office>[A-Z][\w'’ ,-]{3,120}?)\s*\((?P<who>" + _HONORIFIC +
                             r"\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\)\s*:?\s*$")
_HANSARD_SPEAKER = re.compile(r"^\s*(?:\d{1,4}\.\s+)?(?P<who>" + _HONORIFIC + r"\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*$")
_ASKED_THE = re.compile(r"^\W*asked (?:the\s+)?(?P<office>[A-Z][\w'’ ,-]+?)\s+(?:if|whether|what|when|how|why|which)\b")
_TURN = re.compile(r"^(?:Q\d{1,4}\s+)?(?P<who>The Chair(?:man|person|woman)?|" + _HONORIFIC + r"\s+[A-Z][\w'’-]+(?:\s+"
                   r"(?:of\s+)?[A-Z][\w'’-]+){0,3}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}):\s+\S")
_CHAIR_NAMED = re.compile(r"(?P<who>" + _HONORIFIC + r"?\s*[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})\s*"
                          r"\((?:the\s+)?chair(?:man|person|woman)?\)", re.I)
_IN_THE_CHAIR = re.compile(r"(?P<who>(?:" + _HONORIFIC + r"\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+in the chair\b")
_WELCOMED = re.compile(r"\bwelcomed\s+(?P<list>[A-Z][^.]{5,600}?)\s+to the (?:meeting|committee|panel|board)\b")
_EVIDENCE_FROM = re.compile(r"\btook (?:oral |further )?evidence from\W*(?P<list>[^\n]*(?:\n(?!\s*\n)[^\n]*)*"
                            r"(?:\n\s*\n(?!\s*\d+\.)[^\n]+){0,4})", re.I)
_WITNESSES = re.compile(r"^\W*(?:witness(?:es)?|[IVX]{1,4}|panel \d+)\s*:\s*(?P<list>.+)$", re.I)
_MEMBERS = re.compile(r"^\W*(?i:members(?: present)?)\s*:?\s+(?P<list>[A-Z].+)$")
_PUBLISHER_SUFFIX = re.compile(r"\s+(?:minutes|note of decisions)\b.*$|\s*[–—-]\s*\d.*$", re.I)
_MINUTES_OF = re.compile(r"^\W*(?:minutes|note) of (?:the )?(?:\w+ )?meeting of (?:the )?|\s+held (?:on|at)\b.*$", re.I)
_MEETING_BODY = re.compile(r"^\W*meeting\s*:\s*\S+\s*[–—-]\s*(?P<body>[A-Z][^()\n]{1,80}?)\s*(?:\(|$)", re.I)
_GENERIC_BODY = re.compile(r"\bthe (?P<kind>sub[- ]committee|committee|panel|board|group|cabinet|council)\b", re.I)
_BODY_WORDS = re.compile(r"\b(?:committee|sub[- ]committee|panel|board|group|cabinet|council|executive|commission|forum|"
                         r"assembly|authority)\b", re.I)


def _add(found: list[Party], letter_id: str, named: Named, span: tuple[int, int] | None) -> None:
    """One row per person: a later mention only fills in a post or body."""
    if not named.name:
        return
    for i, p in enumerate(found):
        if p.name and same_person(p.name, named.name):
            longer = named.name if len(named.name) > len(p.name) else p.name
            found[i] = p.model_copy(update={"name": longer, "position": p.position or named.position,
                                            "organisation": p.organisation or named.organisation})
            return
    found.append(Party(letter_id=letter_id, role=PartyRole.participant, name=named.name, position=named.position,
                       organisation=named.organisation, char_start=span[0] if span else None,
                       char_end=span[1] if span else None))


def _person(who: str, lex: Lexicons) -> Named:
    """A name as minutes and Hansard print it, honorific and all ("Mr. Lennox-Boyd")."""
    who = re.sub(r"\s*\((?:the\s+)?chair(?:man|person|woman)?\)\s*$", "", who.strip(" ,;:."), flags=re.I)
    named = describe_phrase(who, lex)
    if named.name:
        return named
    p = parse(who, single=True)
    return Named(name=p.name) if p else Named()


def qa_parties(text: str, seg: Segment, letter_id: str, lex: Lexicons) -> tuple[Party | None, list[Party]]:
    """The answerer (the sender) and everyone who asks, answers or speaks."""
    lines = [ln for ln in split_lines(text, seg.start, seg.end) if not ln.blank]
    found: list[Party] = []
    sender: Named | None = None
    body = office = None
    for ln in lines:
        c = clean(ln.text) or ""
        m = _TO_ASK.match(c) or _QUESTION_FOR.match(c)
        if m and body is None:
            body = m.group("body").strip()
        if body is None and _LORDS_ASKED.match(c):
            body = re.search(r"(?i)(?:his|her) majesty['’]s government", c).group(0)
        m = _ASKED_THE.match(c)
        if m and office is None:
            office = m.group("office").strip(" ,")
    askers: list[str] = []
    for k, ln in enumerate(lines):
        c = clean(ln.text) or ""
        span = (ln.start, ln.end)
        m = _ASKED_BY.match(c)
        if m:
            parts = comma_parts(m.group("who"), lex)
            if parts and looks_like_person(parts[0], lex):
                person = parse(parts[0])
                _add(found, letter_id, Named(person.name, parts[1] if len(parts) > 1 else None,
                                             parts[2] if len(parts) > 2 else None), span)
                askers.append(person.name)
            continue
        m = _LORDS_ASKED.match(c)
        if m:
            named = _person(m.group("who"), lex)
            if named.name:
                askers.append(named.name)
                _add(found, letter_id, named, span)
            continue
        m = _ANSWERED_BY.match(c)
        if m:
            named = _person(m.group("who"), lex)
            if named.name:
                sender = Named(named.name, named.position, named.organisation or body)
                _add(found, letter_id, sender, span)
            continue
        m = _HANSARD_SPEAKER.match(c) or _OFFICE_SPEAKER.match(c)
        if m and k + 1 < len(lines):
            named = _person(m.group("who"), lex)
            if "office" in m.groupdict() and named.name:
                named = Named(named.name, _office(m.group("office")), named.organisation)
            nxt = clean(lines[k + 1].text) or ""
            if not named.name:
                continue
            if _ASKED_THE.match(nxt):
                askers.append(named.name)
                _add(found, letter_id, named, span)
            elif sender is None and askers and not any(same_person(a, named.name) for a in askers):
                sender = Named(named.name, office, body)
                _add(found, letter_id, sender, span)
            else:
                _add(found, letter_id, named, span)
    chair, roles = _transcript_roles(lines, lex)
    for ln in lines:
        m = _TURN.match(clean(ln.text) or "")
        if not m:
            continue
        who = m.group("who")
        if re.match(r"the chair", who, re.I):
            if chair is not None:
                _add(found, letter_id, chair, (ln.start, ln.end))
            continue
        named = _person(who, lex)
        if named.name and (looks_like_person(who, lex) or parse(who, single=True)):
            extra = next((r for r in roles if r.name and same_person(r.name, named.name)), None)
            _add(found, letter_id, Named(named.name, extra.position if extra else named.position,
                                         extra.organisation if extra else named.organisation), (ln.start, ln.end))
    snd = None
    if sender is not None:
        snd = Party(letter_id=letter_id, role=PartyRole.sender, name=sender.name, position=sender.position,
                    organisation=sender.organisation)
    return snd, found


def _office(s: str) -> str:
    """"SECRETARY of STATE for the COLONIES" as a post is usually written."""
    if s.isupper() or sum(w.isupper() for w in s.split()) * 2 >= len(s.split()):
        return " ".join(w if w.lower() in ("of", "for", "the", "and") else w.capitalize() for w in s.lower().split())
    return s.strip()


def _transcript_roles(lines: list[Line], lex: Lexicons) -> tuple[Named | None, list[Named]]:
    """The chair named in "Members present: Lord Norton of Louth (The Chair); ..." and the
    witnesses listed with their posts ("I: Emma Norris, Deputy Director, Institute for Government; ...")."""
    chair = None
    roles: list[Named] = []
    committee = clean(lines[0].text) if lines else None
    for ln in lines:
        c = clean(ln.text) or ""
        m = _CHAIR_NAMED.search(c)
        if m and chair is None:
            named = _person(m.group("who"), lex)
            if named.name:
                chair = Named(named.name, "Chair", committee if committee and _BODY_WORDS.search(committee) else None)
        m = _WITNESSES.match(c)
        if m:
            for item in m.group("list").split(";"):
                named = describe_phrase(item, lex)
                if named.name:
                    roles.append(named)
    return chair, roles


def meeting_body(text: str, seg: Segment) -> str | None:
    """Whose meeting the minutes record: "Meeting: 15/12/2022 - Cabinet (Item 181)", a title line
    naming a committee, panel or group, or the named form of "the Sub Committee"."""
    lines = [clean(ln.text) or "" for ln in split_lines(text, seg.start, seg.end) if not ln.blank]
    for c in lines[:15]:
        m = _MEETING_BODY.match(c)
        if m:
            return m.group("body").strip()
    titles = []
    for c in lines[:3]:
        c = _MINUTES_OF.sub("", c)
        title = _PUBLISHER_SUFFIX.sub("", c).strip(" :")
        if title and _BODY_WORDS.search(title) and len(title.split()) <= 14 and not title.endswith("."):
            titles.append(title)
    # a council's name over the panel's title: the panel holds the meeting
    narrow = [t for t in titles if not re.search(r"\b(?:council|authority)$", t, re.I)]
    if titles:
        return (narrow or titles)[0]
    body = text[seg.start:seg.end]
    generic = _GENERIC_BODY.search(body)
    if generic:
        kind = re.escape(generic.group("kind").replace("-", " ").title()).replace(r"\ ", r"[ -]")
        for named in re.finditer(r"\b((?:[A-Z][\w'’&]*[ \t]+){1,5}" + kind + r")\b", body):
            words = named.group(1).split()
            while words and words[0] in ("The", "This", "That", "A", "An", "Our", "Each", "Every"):
                words = words[1:]  # "The Wexley Licensing Sub-Committee" opening a sentence
            if len(words) >= 2:
                return " ".join(words)
    return None


def minutes_parties(text: str, seg: Segment, letter_id: str, lex: Lexicons, speech_verbs: str) -> tuple[Party | None, list[Party]]:
    """The body whose meeting it is (the sender) and the people who chair, present, speak or give evidence."""
    found: list[Party] = []
    body_text = text[seg.start:seg.end]
    body = meeting_body(text, seg)
    m = _IN_THE_CHAIR.search(body_text)
    if m:
        named = _person(m.group("who"), lex)
        if named.name:
            _add(found, letter_id, Named(named.name, "Chairman", body), (seg.start + m.start(), seg.start + m.end()))
    for m in _WELCOMED.finditer(body_text):
        for named in _people_list(m.group("list"), lex):
            _add(found, letter_id, named, (seg.start + m.start("list"), seg.start + m.end("list")))
    for m in _EVIDENCE_FROM.finditer(body_text):
        for named in _people_list(m.group("list"), lex):
            _add(found, letter_id, named, (seg.start + m.start("list"), seg.start + m.end("list")))
    # a post that speaks, resolved through the attendance list ("Cabinet Secretary for Justice, Humza Yousaf MSP")
    posts = _attendance(text, seg, lex)
    for post, named in posts:
        spoke = re.search(r"\bthe " + re.escape(post) + r"\b(?P<between>[^.]{0,40}?)\b(?:" + speech_verbs +
                          r"|opened|reflected|summarised|chaired|welcomed)\b", body_text, re.I)
        if spoke and not re.search(r"\b(?:not|never|no)\b|n't\b", spoke.group("between"), re.I):
            _add(found, letter_id, Named(named.name, post, named.organisation), None)
    if not found:  # a note of decisions that names nobody speaking: its members decided
        for ln in split_lines(text, seg.start, seg.end):
            m = _MEMBERS.match(clean(ln.text) or "")
            if m:
                for name in _run_of_names(m.group("list"), lex):
                    _add(found, letter_id, Named(name=name), (ln.start, ln.end))
    snd = Party(letter_id=letter_id, role=PartyRole.sender, organisation=body) if body else None
    return snd, found


def _people_list(s: str, lex: Lexicons) -> list[Named]:
    """"Karen Jackson, Chief Executive, Karen Dunderdale, Chief Nurse, and Wendy Booth, Director
    of ..., Northern Lincolnshire & Goole NHS Foundation Trust": each person with their post,
    and the body named last for those the list gives none.

    A part is a new person when it reads as a name and is the first part or is
    followed by a post; a name-like part at the end ("Audit Scotland") is a body.
    """
    out: list[Named] = []
    for item in (clean(x) or "" for x in re.split(r";|\n+", s)):
        parts: list[str] = []
        for part in (p.strip(" .") for p in re.split(r",\s*(?:and\s+)?", item) if p.strip(" .")):
            pieces = part.split(" and ")
            cut = next((k for k in range(len(pieces) - 1, 0, -1) if looks_like_person(" and ".join(pieces[k:]), lex)), None)
            if cut is not None:  # "... for Health and Social Care and Alan Gray"
                parts += [" and ".join(pieces[:cut]), " and ".join(pieces[cut:])]
            else:
                parts.append(part)
        people: list[list[str]] = []
        for k, part in enumerate(parts):
            nxt = parts[k + 1] if k + 1 < len(parts) else ""
            if looks_like_person(part, lex) and (not people or lex.role_re.search(nxt)):
                people.append([part])
            elif people:
                people[-1].append(part)
        trailing = people[-1][-1] if people and len(people[-1]) >= 3 else None
        for person in people:
            name = parse(person[0])
            position = person[1] if len(person) > 1 else None
            org = person[2] if len(person) > 2 else trailing
            if name:
                out.append(Named(name.name, position, org))
    return out


def _attendance(text: str, seg: Segment, lex: Lexicons) -> list[tuple[str, Named]]:
    """Posts in an attendance list, each with its holder: "Cabinet Secretary for Justice, Humza Yousaf MSP"."""
    out = []
    for ln in split_lines(text, seg.start, seg.end):
        c = re.sub(r"^\W+", "", clean(ln.text) or "")
        parts = [p.strip() for p in c.split(",")]
        if len(parts) != 2:
            continue
        post, who = parts
        if lex.role_re.search(post) and looks_like_person(who, lex):
            out.append((post, describe_phrase(who, lex)))
    return out


def _run_of_names(s: str, lex: Lexicons) -> list[str]:
    """"Bill Aitken Keith Brown Mr Frank McAveety ...": names printed one after another."""
    s = re.sub(r"\s*(?:,|;|\band\b)\s*", " ", s)
    tokens = s.split()
    out, k = [], 0
    while k < len(tokens):
        if re.fullmatch(_HONORIFIC, tokens[k]):
            k += 1
            continue
        pair = " ".join(tokens[k:k + 2])
        if k + 1 < len(tokens) and looks_like_person(pair, lex):
            out.append(parse(pair).name)
            k += 2
        else:
            k += 1
    return out
