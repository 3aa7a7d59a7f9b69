"""Corpus-wide linking: which letter a reply answers, the recommendation register,
mentions and stances.

Runs after every file is extracted, in a fixed order (source path, index), so
the same corpus gives the same rows whatever order files were processed in.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from pipeline.extract import DocState, LetterState
from pipeline.gold_match import norm_label
from pipeline.lexicon import Lexicons
from pipeline.records import Kind, PartyRole, RecommendationMention, Stance
from pipeline.register import Entry, Register, report_key
from pipeline.stages import answers as answers_mod
from pipeline.stages import stance as stance_mod
from pipeline.stages.recommendations import code_refs, paragraph_heading_refs, part_refs, report_codes
from pipeline.stages.fold import same_body
from pipeline.stages.segment import ENCLOSES
from pipeline.stages.shapes import Form
from pipeline.text import clean


@dataclass
class Linked:
    letters: list = field(default_factory=list)
    parties: list = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    mentions: list[RecommendationMention] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)


class LinkFailed(Exception):
    """Linking raised while working on a letter of ``source_path``: the caller can set that file
    apart and link the rest (``incremental``)."""

    def __init__(self, source_path: str, cause: Exception):
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.source_path, self.cause = source_path, cause


@contextmanager
def _working_on(ls: LetterState) -> Iterator[None]:
    try:
        yield
    except LinkFailed:
        raise
    except Exception as exc:
        raise LinkFailed(ls.letter.source_path, exc) from exc


def _party(ls: LetterState, role: PartyRole):
    return next((p for p in ls.parties if p.role is role), None)


def _names(ls: LetterState, role: PartyRole) -> set[str]:
    return {p.name.lower() for p in ls.parties if p.role is role and p.name}


def _answered(reply: LetterState, same_file: list[LetterState],
              by_date: dict[object, list[LetterState]]) -> LetterState | None:
    """The letter a reply answers: same file first, then any letter matching its cited date."""
    earlier = [ls for ls in same_file if ls.letter.index < reply.letter.index]
    want = reply.letter.reply_to_date
    # a thread pasted newest first (replies on top, the letter they answer at the foot): a reply
    # under another reply, or the file's first (an e-mail over the request it quotes), answers the
    # letter below it, written before it
    below = [ls for ls in same_file if ls.letter.index > reply.letter.index and ls.letter.kind is not Kind.reply
             and ls.letter.date and reply.letter.date and ls.letter.date <= reply.letter.date]
    if earlier:
        # (not the writer's own holding reply, "Further to my email of 5 December, I attach the Board's response":
        # the full reply answers what the holding one did)
        # (nor another body's reply to the same person: the ambulance trust's letter to the coroner, dated as the
        # report it answers, is not what the ICB's "your report of 3 February" answers)
        dated = [ls for ls in earlier if want and ls.letter.date == want
                 and not (ls.letter.kind is Kind.reply and (_own_earlier(reply, ls) or _to_same_person(reply, ls)))]
        letters = [ls for ls in earlier if ls.letter.kind is not Kind.reply]
        if not dated and not letters and below:
            return below[0]
        if not dated and not letters and reply.seg.salutation is None \
                and all(ls.seg.salutation is None for ls in earlier):
            return None  # a second body's published response after the first's: both answer a report not in the file
        if not dated and not letters \
                and all(_to_same_person(reply, ls) and not _same_sender(reply, ls) for ls in earlier):
            return None  # (or a second body's letter to the coroner the first wrote to: not an answer to the first)
        # (the letter that sets out recommendations, over a note or a chaser after it that sets out none: "Could
        # you let me know when we can expect it?", or a colleague's note quoted under the last reply)
        if not dated and letters and not letters[-1].refs and any(ls.refs for ls in letters):
            letters = [ls for ls in letters if ls.refs]
        # (a covering e-mail of the date the reply cites, the report it sends under it: the report, which
        # the reply answers, though the report's own date stands only at its foot or not at all)
        if dated and not any(r.stated for r in dated[-1].refs):
            sent = [ls for ls in letters if ls.letter.index > dated[-1].letter.index and any(r.stated for r in ls.refs)]
            dated = sent[:1] or dated
        pool = dated or letters or earlier
        return pool[-1]
    if below:
        return below[0]
    if want is None:
        return None
    senders = _names(reply, PartyRole.sender)
    recips = _names(reply, PartyRole.recipient)

    def score(ls: LetterState) -> int:
        s = 0
        if reply.letter.report_title and report_key(ls.letter.report_title) == report_key(reply.letter.report_title):
            s += 2
        if senders & _names(ls, PartyRole.recipient):
            s += 2
        if recips & _names(ls, PartyRole.sender):
            s += 1
        return s

    cands = [ls for ls in by_date.get(want, []) if ls is not reply and ls.letter.kind is not Kind.reply]
    cands.sort(key=lambda ls: (-score(ls), ls.letter.source_path, ls.letter.index))
    return cands[0] if cands and (score(cands[0]) > 0 or len(cands) == 1) else None


_R_CODE = re.compile(r"R-?0*(\d{1,2})")  # "R3", "R-03": a recommendation by its code, its number in the group


_PART_LABEL = re.compile(r"(\d+)[a-h]")  # a lettered point's label, "2a", and its number


def _as_reported(refs: list, reported: list[str], stated: frozenset[str] = frozenset(),
                 lettered: frozenset[str] = frozenset(), text: str = "") -> list:
    """The reply's references under the labels the report gives them: the same label written another
    way ("1(a)", "1 (a)") is the report's "1a"; a whole number the report splits into lettered points,
    and never uses whole, names each of its points (``stated``: the labels the report sets out; one it
    only names, "Concerns 1 and 2 are for Liftwell", over points 1a and 1b, is those points); and a
    point the reply marks "(a)" under a recommendation the report gives whole, with no "(a)" and "(b)"
    in its words (``lettered``: those that have them), is that recommendation (``text``: the reply's
    file's; a label the reply writes whole, "Recommendation 2a", stays)."""
    keys = {norm_label(lab): lab for lab in reported if not (stated and lab not in stated
                                                             and any(x[:-1] == lab for x in stated))}
    # (a report's "R3", which a reply calls "recommendation 3", where the report has no 3 of its own; or its
    # "R-03", which a reply calls 3 or "R3")
    for lab in reported:
        if (m := _R_CODE.fullmatch(lab)) is not None:
            keys.setdefault(m.group(1), lab)
    parts: dict[str, list[str]] = {}
    for lab in dict.fromkeys(reported):
        m = _PART_LABEL.fullmatch(lab)
        if m:
            parts.setdefault(m.group(1), []).append(lab)
    out = []
    folded: set[str] = set()  # whole recommendations a reply's own points were read as
    for r in refs:
        own = keys.get(norm_label(r.label))
        if own is None and (short := _R_CODE.fullmatch(r.label)) is not None:
            own = keys.get(short.group(1))  # (and the reply's "R3" the report's 3)
        whole = _PART_LABEL.fullmatch(r.label)
        if own is not None:
            out.append(r if own == r.label else replace(r, label=own))
        elif r.label in parts:
            out += [replace(r, label=lab, text=None) for lab in parts[r.label]]
        elif whole is not None and whole.group(1) in keys and whole.group(1) not in parts \
                and keys[whole.group(1)] not in lettered and _POINT_MARK.fullmatch(text[r.start:r.end]):
            # (points "(a)", "(b)" the reply makes of its own under its answer to "2", whose words in the report
            # have no parts: one answer to 2, from its first point on)
            if keys[whole.group(1)] not in folded:
                folded.add(keys[whole.group(1)])
                out.append(replace(r, label=keys[whole.group(1)]))
        else:
            out.append(r)
    return out


# a recommendation's words in parts: "(a) remove ...; (b) ...", "a) ..." / "b) ..." a line each
_IN_PARTS = re.compile(r"\(a\)[^\x00]*?\(b\)|^[ \t]*\(?a[.)][ \t][^\x00]*?^[ \t]*\(?b[.)][ \t]", re.M)
_POINT_MARK = re.compile(r"\([a-h]\)")  # a point the reply marks under its answer, "(b)"
PARTS_SPAN = 3000  # characters after a recommendation's number in which its parts stand


def _in_parts(text: str, refs: list) -> frozenset[str]:
    """The report's recommendations whose words, up to the next one it states, come in lettered parts."""
    stated = sorted((r for r in refs if r.stated), key=lambda r: r.start)
    return frozenset(r.label for r, nxt in zip(stated, stated[1:] + [None])
                     if _IN_PARTS.search(text, r.start, min(nxt.start if nxt else len(text), r.start + PARTS_SPAN)))


def _parts_answered(label: str, refs: list) -> bool:
    """A point the reply answers in parts of its own ("4(a)(i)" and "4(a)(ii)" under the letter's "4a"):
    answered, not passed over, though the reply never names it whole."""
    key, said = norm_label(label), {norm_label(r.label) for r in refs}
    return key not in said and any(len(x) > len(key) and x.startswith(key) and x[len(key)].isalpha() for x in said)


def _surnames(ls: LetterState, role: PartyRole) -> set[str]:
    return {p.name.split()[-1].lower() for p in ls.parties if p.role is role and p.name and p.name.split()}


def _to_same_person(a: LetterState, b: LetterState) -> bool:
    """Both written to one person ("Ms Tamsin Mabry-Cole" over one, "Dear Ms Mabry-Cole" in the other)."""
    return bool(_surnames(a, PartyRole.recipient) & _surnames(b, PartyRole.recipient))


def _same_party(pa, pb, posts: bool = True) -> bool:
    """Two parties one by name, position or organisation (without ``posts``, by name or organisation only)."""
    pairs = ((pa.name, pb.name), (pa.organisation, pb.organisation)) + (((pa.position, pb.position),) if posts else ())
    return any(x and y and x.lower() == y.lower() for x, y in pairs)


def _same_sender(a: LetterState, b: LetterState) -> bool:
    """Written by one writer (or by no named writer either time)."""
    pa, pb = _party(a, PartyRole.sender), _party(b, PartyRole.sender)
    return pa is pb if pa is None or pb is None else _same_party(pa, pb)


def _own_earlier(a: LetterState, b: LetterState) -> bool:
    """Written by the same person or body, as its name or organisation says (not two writers who share a post,
    "Chair", nor two that name no one)."""
    pa, pb = _party(a, PartyRole.sender), _party(b, PartyRole.sender)
    return pa is not None and pb is not None and _same_party(pa, pb, posts=False)


def _same_writer(a: LetterState, b: LetterState) -> bool:
    for role in ("sender", "recipient"):  # same letterhead, or writing to the same addressee again
        postcodes = {x.postcode for x in a.addresses if x.role.value == role and x.postcode}
        if postcodes & {x.postcode for x in b.addresses if x.role.value == role and x.postcode}:
            return True
    pa, pb = _party(a, PartyRole.sender), _party(b, PartyRole.sender)
    return pa is not None and pb is not None and _same_party(pa, pb)


def _raised(prev: LetterState | None, reply: LetterState, heading: str | None) -> list[tuple[str, int]]:
    """The recommendations a reply is expected to answer.

    Those the answered letter states (or, if it states none, names), less a
    report's conclusions; where a coroner's report sends concerns to named
    bodies, only those sent to the reply's writer (under ``heading``, see
    ``_writers_heading``); and where the report numbers no concerns but the
    replies do ("your second concern"), 1 to the highest.
    """
    if prev is None:
        return []
    pool = _pool(prev)
    if heading is not None:  # and those sent to every addressee ("For both agencies:")
        pool = [r for r in pool if r.addressee == heading or (r.addressee and _shared_with(r.addressee, heading))]
    raised = list(dict.fromkeys((r.label, r.number) for r in pool))
    if not raised and prev.seg.form is Form.report:
        top = max((r.number for r in reply.refs), default=0)
        raised = [(str(n), n) for n in range(1, top + 1)]
    return raised


QUOTED_RAISED = 2  # recommendations a quoted message sets out, at least, for them to be what a reply answers


def _quoted_below(reply: LetterState, text: str) -> list[tuple[str, int]]:
    """The recommendations the message a reply quotes below it sets out ("-----Original Message-----" over
    the visit report's "Recommendation 1: ..."), where the file has no letter it answers and the reply takes
    up most of them in turn: those it was asked to answer, so one it passes over is not addressed."""
    quoted = answers_mod.QUOTED_MAIL.search(text, reply.seg.start + 1, reply.seg.end)
    if quoted is None:
        return []
    raised = list(dict.fromkeys((r.label, r.number) for r in reply.refs if r.stated and r.start > quoted.start()))
    # (where the reply takes up most of them: not "Recommendation 3 is the one for Ofwat" over a request
    # that set out three, for three bodies)
    taken = {r.label for r in reply.refs if r.start < quoted.start()} & {lab for lab, _ in raised}
    return raised if len(raised) >= QUOTED_RAISED and len(taken) * 2 > len(raised) else []


def _trail(reply: LetterState, same_file: list[LetterState], text: str) -> LetterState | None:
    """The next segment, where it is the trail this e-mail quotes under its signature: a thread saved newest
    first ("--" / the signature / "On 26/06/2025 11:08, Carys Pemberton wrote:" / "> Dear Folake, ..." / ">>
    the recommendations are: 1. ..."), the quoted messages a segment of their own (one of them answers)."""
    nxt = next((ls for ls in same_file if ls.letter.index == reply.letter.index + 1), None)
    if nxt is None or answers_mod.QUOTED_MAIL.search(text, reply.seg.body_start, reply.seg.end):
        return None
    return nxt if answers_mod.opens_trail(text, nxt.seg) else None


def _trail_raised(reply: LetterState, trail: LetterState | None) -> list[tuple[str, int]]:
    """The recommendations the original at the foot of the trail sets out, where the reply takes up at least
    one of them by its number: those it was asked to answer (it may answer the rest by topic)."""
    if trail is None:
        return []
    raised = list(dict.fromkeys((r.label, r.number) for r in trail.refs if r.stated))
    taken = {r.label for r in reply.refs} & {lab for lab, _ in raised}
    return raised if len(raised) >= QUOTED_RAISED and taken else []


_SHARED = re.compile(r"(?:both|all|each|every|joint|shared)\b", re.I)  # "Joint recommendations" too
# a joint heading that names each body by its common noun alone: "the club and the Council"
_NOUNS = (r"club|council|trust|board|department|government|authority|agency|service|company|operator|school|"
          r"practice|provider|home|university|college|charity|police|force|ministry|commission|executive")
_BODY_NOUN = re.compile(rf"\b(?:{_NOUNS})$", re.I)
_JOINT_NOUNS = re.compile(rf"the\s+(?:{_NOUNS})\s+and\s+the\s+(?:{_NOUNS})(?:\s+(?:together|jointly))?", re.I)


_PROPER_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def _joint_short_name(addressee: str, heading: str) -> bool:
    """"For the Department and the Probation Board" names the Probation Board for Northern Ireland by
    the short name of its own heading, a body's noun last (not "the Castlebridge" of "the Castlebridge
    and Wolvering Combined Authority", a name with its own "and"); each part is "the ...", so "the
    Police and Crime Commissioner for Downsford", one body's name, is no pair."""
    parts = [p.strip() for p in re.split(r"\s+and\s+", addressee)]
    # (or a name of its own beside it: "Police Scotland and the Authority", the Scottish Police Authority)
    return len(parts) > 1 and all(re.match(r"the\s", p, re.I) or _PROPER_NAME.fullmatch(p) for p in parts) \
        and any((m := _SHORT_NAME.fullmatch(p)) is not None and _short_for(m.group(1), heading)
                and (_BODY_NOUN.search(m.group(1)) is not None or _phrase_in(m.group(1), heading)) for p in parts)


def _phrase_in(short: str, name: str) -> bool:
    """"Bike Park" in "Hollinsclough Bike Park Ltd": two words or more of a name, in its order."""
    return len(short.split()) >= 2 and re.search(r"\b" + re.escape(short) + r"\b", name) is not None


def _shared_with(addressee: str, heading: str) -> bool:
    """Sent to every addressee ("For both agencies:"), or to several bodies the writer's among them
    ("I recommend that the Health Board and the Council together:", answered by the Council)."""
    initials = _initials_of(heading)
    return bool(_SHARED.match(addressee)) or (
        " and " in addressee and re.search(r"\b" + re.escape(heading) + r"\b", addressee, re.I) is not None) or (
        # "SCTS and the Scottish Government" names the Scottish Courts and Tribunals Service by its initials
        " and " in addressee and len(initials) >= 2 and re.search(rf"\b{initials}\b", addressee) is not None) or (
        _joint_short_name(addressee, heading)) or (
        # "For the club and the Council:" names "Castlebridge Town Football Club" by its noun
        _JOINT_NOUNS.fullmatch(addressee) is not None
        and any(re.search(rf"\b{noun}\b", heading, re.I) for noun in re.findall(r"\w+", addressee)
                if noun.lower() not in ("the", "and", "together", "jointly")) and not _JOINT_NOUNS.fullmatch(heading))


def _pool(prev: LetterState) -> list:
    refs = [r for r in prev.refs if not r.conclusion]
    stated = [r for r in refs if r.stated and not r.implicit]
    # (and one opening a line under a heading whose next is stated: "For the Home Office" / "Recommendation
    # 1:<tab>Establish ..." / "Recommendation 2:<tab>Publish ...", its own words not read)
    said = {r.label for r in stated}
    under = [r for r in refs if not r.stated and r.anchor and r.addressee and r.label not in said
             and any(s.addressee == r.addressee and s.number == r.number + 1 for s in stated)]
    return (stated + under + [r for r in refs if r.implicit]) if stated else refs


OPENING = 1200  # characters of a reply (letterhead, addresses, first paragraph) that say whom it speaks for


def _initials_of(name: str) -> str:
    """"WLGA" of "Welsh Local Government Association" (its capitalised words' first letters, "The" aside)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper() and w.lower() != "the")


def _own_part(heading: str, heads: list[str], writer: str, document: str, lex: Lexicons) -> str:
    """The writer's own body in a joint heading that is the only one naming it ("(Gambling Commission
    and DCMS)", with "(Gambling Commission and Treasury)" further on and no heading of its own): the
    writer owes every concern any joint heading shares with it, not those of one pair alone."""
    parts = [p.strip() for p in re.split(r"\s+and\s+", heading)]
    own = [p for p in parts if _same_addressee(p, writer, document, lex)] if len(parts) > 1 else []
    others = [h for h in heads if h != heading and len(own) == 1 and _shared_with(h, own[0])]
    return own[0] if len(own) == 1 and others and own[0] not in heads else heading


def _writers_heading(prev: LetterState | None, reply: LetterState, document: str, lex: Lexicons) -> str | None:
    """The addressee heading ("TO THE TRUST:") in the answered report that sends concerns to
    the reply's writer, if the report has such headings and one names the writer."""
    if prev is None:
        return None
    heads = list(dict.fromkeys(r.addressee for r in _pool(prev) if r.addressee))
    if not heads:
        return None
    every = tuple(heads)
    heads.sort(key=lambda h: _joint(h, every))  # a body's own heading before one it shares
    snd = _party(reply, PartyRole.sender)
    writer = snd.organisation or snd.position if snd is not None else None
    matched = [h for h in heads if _same_addressee(h, writer, document, lex)] if writer else []
    # (the Welsh Local Government Association is "the WLGA", by its initials, not "the Welsh Government",
    # whose words its name holds)
    exact = [h for h in matched if _initials_of(writer) == re.sub(r"^the\s+", "", h, flags=re.I)]
    # ("North East Ambulance Service NHS Foundation Trust" is "the Ambulance Service", whose words its name
    # holds, before "the Trust", which any NHS trust's name ends in)
    matched.sort(key=lambda h: -len(_words_held(h, writer)))
    if matched:
        return _own_part((exact or matched)[0], heads, writer, document, lex)
    # "We act for Calloway Home Products Limited, to whom your report was sent": a solicitor, or an
    # officer answering for a body, names it in the letterhead or the opening lines
    opening = _COPY_LINES.sub("", document[reply.seg.start:min(reply.seg.end, reply.seg.start + OPENING)])
    # (a body the report names that no word marks as one: "British Rowing")
    # (a letterhead names it without "the": "Department of Health and Social Care<tab>7 Whitcombe Street")
    def names(text: str) -> list[str]:
        return [h for h in heads if any(len(n.split()) >= 2 and any(
            not _OTHERS_FOR.search(text, max(0, m.start() - OTHERS_CHARS), m.start())
            for m in re.finditer(r"\b" + re.escape(n) + r"\b", text, re.I))
            for b in _bodies(h, lex) or [h] for n in dict.fromkeys((b, re.sub(r"^the\s+", "", b, flags=re.I))))]
    # a page titled by its writer, "# Department of Health response to ...", is the Department's (a heading
    # "For the Department of Health:" names it with "the")
    title = next((ln for ln in opening.splitlines() if ln.strip()), "")
    titled = [h for h in heads if (b := re.sub(r"^the\s+", "", h, flags=re.I)) != h and len(b.split()) >= 2
              and re.match(r"[#\s]*" + re.escape(b) + r"\b", title, re.I)]
    if len(titled) == 1:
        return titled[0]
    named = names(opening)
    own = [h for h in named if not _joint(h, heads)]  # the Department, not "the Trust and the Department"
    if len(own) > 1 and reply.seg.salutation is not None:
        # the one its letterhead names, above the greeting (not the club its condolences go to)
        above = names(_COPY_LINES.sub("", document[reply.seg.start:reply.seg.salutation.start]))
        own = [h for h in above if not _joint(h, heads)] or own
    if own or named:
        return own[0] if len(own) == 1 else named[0] if len(named) == 1 else None
    return _heading_by_numbers(prev, reply, every)


def _words_held(heading: str, writer: str) -> list[str]:
    """The words of the heading's name (without "the"), where the writer's name holds it word for word."""
    name = re.sub(r"^the\s+", "", heading, flags=re.I)
    return name.split() if re.search(r"\b" + re.escape(name) + r"\b", writer, re.I) else []


# a body the opening names as another's addressee: "Three of them (7.4, 7.5 and 7.6) are for us; the others
# are for the Environment Agency and Kestford District Council"
_OTHERS_FOR = re.compile(r"\b(?:others?|rest|remaining(?:\s+\w+)?)\s+(?:are|is)\s+(?:for|addressed\s+to|directed\s+to)\b[^.;]*$",
                         re.I)
OTHERS_CHARS = 120  # characters before a body's name in which its sentence may say it is another's

# an e-mail's To and Cc lines name whom it went to, not who wrote it ("Cc: Ellery Mark (WYVERNBROOK
# HOSPITALS NHS FOUNDATION TRUST)" on the ICB's reply)
_COPY_LINES = re.compile(r"^[ \t>]*(?:to|cc|bcc)\s*:[^\n]*", re.I | re.M)


def _heading_by_numbers(prev: LetterState, reply: LetterState, heads: tuple[str, ...]) -> str | None:
    """The one addressee heading whose recommendations hold every one the reply names by number
    (two at least): a water company's e-mail from "Moorhead, Declan" that answers 1 and 2 of
    those headed "Recommendations for Northern Ireland Water" is that body's reply."""
    named = {r.label for r in reply.refs if not r.ordinal and not r.sent_to}
    if len(named) < 2:
        return None
    fits = [h for h in heads if not _joint(h, heads)
            and named <= {r.label for r in _pool(prev) if r.addressee == h}]
    return fits[0] if len(fits) == 1 else None


def _own_ordinals(refs: list, raised: list[tuple[str, int]], counted_only: bool = False) -> list:
    """A reply's ordinals counted among the recommendations sent to its writer alone, where none of
    them names one of those, and another one, as counted in the whole letter ("your first and second
    recommendations" answering 5 and 6 are 5 and 6; "the third, fourth and fifth concerns"
    answering 3 to 5 stay as they are). With ``counted_only`` (``raised`` is all the letter
    raised, not those sent to the writer) only ordinals that follow a count are counted so."""
    ords = [r for r in refs if r.ordinal and r.counted is None]
    own = {lab for lab, _ in raised}
    # (an ordinal that names the same one both ways, "your first concern" answering 1, 2, 5 and 6, tells
    # nothing; "your third concern" there, where 3 was sent to another body, counts the writer's own)
    both = lambda r: r.number <= len(raised) and raised[r.number - 1][0] == r.label
    whole = counted_only or not ords or any(r.label in own and not both(r) for r in ords) \
        or max(r.number for r in ords) > len(raised)
    # "You asked us to respond on two points. The first was ...": counted among its own, whatever
    # else the reply counts in the whole letter ("the problem you describe in your third concern")
    return [replace(r, label=raised[r.number - 1][0], number=raised[r.number - 1][1])
            if r.ordinal and (r.counted is not None or not whole) and r.number <= len(raised) else r
            for r in refs]


# "Your report makes two recommendations to the Department": how many the writer counts as its own
_COUNT_WORDS = {w: n for n, w in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                             "eleven", "twelve"), 2)}
_OWN_COUNT = re.compile(rf"\b({'|'.join(list(_COUNT_WORDS)[:5])})\s+(?:recommendations|concerns|matters)\b", re.I)


def _counted_own(prev: LetterState, reply: LetterState, heading: str | None) -> list[tuple[str, int]]:
    """What a reply's writer counts as its own when it says "your third concern": those sent to it
    with those it shares with another body (concern 3, for both, then 4 and 5 for it: "your first
    concern" is 3), unless it says it was sent as many as are its alone ("Your report makes two
    recommendations to the Department")."""
    every = _raised(prev, reply, heading)
    if heading is None:
        return every
    mine = list(dict.fromkeys((r.label, r.number) for r in _pool(prev) if r.addressee == heading))
    said = _OWN_COUNT.search(reply.letter.text or "")
    return mine if mine and said and _COUNT_WORDS[said.group(1).lower()] == len(mine) != len(every) else every


QUOTE_SAME = 0.8  # share of a quote's words the report's recommendation holds, for the quote to be of it
# (or, where the report's recommendations share many words, "the Authority ... applications ...", how much more
# of them the other holds than the one its number names)
QUOTE_MARGIN = 0.25
QUOTE_WORDS = 6  # words of a quote, at least, for that (not a title's few, "checking containers before lifting")


_ANSWER_UNDER = re.compile(r"\s(?:(?:our\s+)?(?:reply|response|answer|comment)|status|position)\s*:", re.I)


def _by_quote(refs: list, report: list, stop: frozenset[str]) -> list:
    """A reply's quoted recommendations under the labels the report gives them, where the reply numbers
    its quotes its own way (the Trust's '1.  "Mrs E's swallowing assessment was not repeated ..."' is the
    report's concern 2): a quote that is another recommendation's words, not those of the one its number
    names, takes that one's label."""
    said = {r.label: answers_mod.stems(r.text, stop) for r in report if r.stated and r.text}
    if len(said) < 2:
        return refs
    keys = {norm_label(lab): lab for lab in said}
    out = []
    for r in refs:
        # (the quote only, not the answer typed under it with no blank line: "1. the Authority clears ...;" /
        # "Reply: Agreed. A dedicated backlog team ...")
        words = answers_mod.stems(_ANSWER_UNDER.split(r.text, 1)[0], stop) if r.stated and r.text else set()
        share = {lab: len(words & w) / len(words) for lab, w in said.items()} if len(words) >= 4 else {}
        best = max(share, key=share.__getitem__, default=None)
        own = keys.get(norm_label(r.label))
        # (only one concern's number for another's, where the report states both: not a part's quote, "2a", to
        # the whole that holds its words, "2", nor "1" to a paragraph "10.2" that restates it)
        if best is not None and own is not None and own != best and r.label.isdigit() and best.isdigit() \
                and len(said[own]) >= 4 and share[best] >= QUOTE_SAME \
                and (share[own] < 1 - QUOTE_SAME or (share[best] - share[own] >= QUOTE_MARGIN
                                                     and len(words) >= QUOTE_WORDS)):
            r = replace(r, label=best, number=next(x.number for x in report if x.label == best))
        out.append(r)
    return out


def _counted_alone(reply: LetterState, text: str) -> list[tuple[str, int]]:
    """What a reply whose report is not in the file was asked, where it counts them before its first answer
    ("Your report set out two matters of concern for the Council, numbered 1 and 2 under our heading") and
    numbers its answers within that count: 1 to the count, so one it passes over is not addressed."""
    nums = {r.number for r in reply.refs}
    # (its parts, "3a" and "3b" or "5(a)", answered one by one, are its number's)
    if not nums or any(not re.fullmatch(rf"{r.number}(?:[a-h]|\([a-h]\))?", r.label) for r in reply.refs):
        return []
    first = min(r.start for r in reply.refs)
    said = _ALL_COUNT.search(text, reply.seg.start, first)
    count = (int(said.group(1)) if said.group(1).isdigit() else _COUNT_WORDS[said.group(1).lower()]) if said else 0
    # (answering most of them: one that takes up a few of the count answers its own share, "This paper responds
    # to recommendation 3, the one addressed to the Department")
    return [(str(n), n) for n in range(1, count + 1)] if max(nums) <= count and 2 * len(nums) >= count else []


# "The report makes eight recommendations": how many the reply says there are, before its first answer
# (up to twelve: _OWN_COUNT's words only go to six)
# (or in figures: "The review made 8 recommendations.")
_ALL_COUNT = re.compile(rf"\b({'|'.join(_COUNT_WORDS)}|[2-9]|1[0-9])\s+(?:recommendations|concerns|matters)\b", re.I)


def _bodies_sent(refs) -> set[str]:
    """The bodies a report sends its concerns to, by name ("For both agencies:" and "the Health
    Board and the Council together:" are none of them)."""
    named = {r.addressee for r in refs if r.addressee and not _SHARED.match(r.addressee)}
    return {h for h in named if not _joint(h, named)}


def _joint(head: str, heads) -> bool:
    """A heading that names another heading's body among several ("... the Council together")."""
    return any(o != head and _shared_with(head, o) for o in heads)


def _by_elimination(heading_of: dict[str, str | None], answered: dict, everyone: list[LetterState]) -> None:
    """A report sent to two bodies, one reply matched to its body and one to none (a minister
    who names no department): each body replies once, so the other reply is the other body's."""
    replies: dict[str, list[str]] = {}
    reports: dict[str, LetterState] = {}
    for ls in everyone:
        prev = answered.get(ls.letter.letter_id)
        if prev is not None and ls.letter.kind is Kind.reply:
            replies.setdefault(prev.letter.letter_id, []).append(ls.letter.letter_id)
            reports[prev.letter.letter_id] = prev
    for prev_id, ids in replies.items():
        prev = reports[prev_id]
        bodies = _bodies_sent(_pool(prev))
        left = bodies - {heading_of.get(i) for i in ids}
        open_ = [i for i in ids if heading_of.get(i) is None]
        if len(left) == 1 and len(open_) == 1 and len(ids) == len(bodies):
            heading_of[open_[0]] = left.pop()


def _writers(reply: LetterState) -> list[str]:
    snd = _party(reply, PartyRole.sender)
    return [w for w in (snd.organisation, snd.position) if w] if snd is not None else []


def _sent_elsewhere(reply: LetterState, document: str, lex: Lexicons) -> set[str]:
    """The concerns a reply says were sent to another body ("Concern 3 is addressed to Stenfield
    Borough Council and I do not respond to it here"), and names nowhere else: it answers none of
    them. Where its writer is unknown, none."""
    said = [r for r in reply.refs if r.sent_to]
    writers = _writers(reply)
    if not said or not writers:
        return set()
    elsewhere = {r.label for r in said if not any(_names_writer(r.sent_to, w, document, lex) for w in writers)}
    return elsewhere - {r.label for r in reply.refs if not r.sent_to}


def _said_own(reply: LetterState, document: str, lex: Lexicons) -> set[str]:
    """The concerns a reply says were sent to its own writer ("Concerns 4 and 5 were addressed to
    the ICB"), not shared with another body ("both", "also")."""
    writers = _writers(reply)
    return {r.label for r in reply.refs if r.sent_to and not _SHARED.match(r.sent_to)
            and any(_names_writer(r.sent_to, w, document, lex) for w in writers)}


_OWN = re.compile(r"(?:us|me|it|this|our|my)\b", re.I)


def _names_writer(who: str, writer: str, document: str, lex: Lexicons) -> bool:
    """"us", "both", "the Trust" for Elmbridge Community Health NHS Trust, "the ICB" for NHS Wexmoor
    Integrated Care Board, or the writer's body however spelled."""
    if _OWN.match(who) or _SHARED.match(who) or _same_addressee(who, writer, document, lex):
        return True
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", writer)}
    own = [w for w in re.findall(r"[A-Za-z][\w'’-]*", who) if w.lower() != "the"]
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", writer) if w[0].isupper()).lower()
    return bool(own) and (all(w.lower() in words for w in own)
                          or any(w.isupper() and len(w) > 1 and w.lower() in initials for w in own))


def _bodies(name: str, lex: Lexicons) -> list[str]:
    """The parts of "The Partners, Tollgate Lane Surgery, Greystone" or "PRACTICE MANAGER, Tollgate
    Lane Surgery (NHS ... ICB)" that may name a body: not a post ("The Chief Executive")."""
    parts = (p.strip() for p in re.split(r"\s*[,/()]\s*|\s+[-–]\s+", name))
    # a body's name has a body word ("Agency", "Council", "NHS") or runs to three words: "Road
    # Safety" after "Deputy Director," is a brief, not a body
    return [p for p in parts if re.search(r"[A-Za-z]{3}", p) and not lex.role_re.search(p)
            and (lex.org_re.search(p) or len(p.split()) >= 3)]


_SHORT_NAME = re.compile(r"(?i:the)\s+((?:[A-Z][a-z]{2,}\s+){0,2}[A-Z][a-z]{2,}|[A-Z]{2,5})")
_BARE_SHORT_NAME = re.compile(r"[A-Z][a-z]{2,}")
# what a report's short name may stand for in the body's full name ("the Practice": a surgery)
_SHORT_FOR = {"practice": ("practice", "surgery", "medical centre", "health centre"),
              "force": ("force", "constabulary", "police")}


def _short_for(short: str, writer: str) -> bool:
    """"The Practice" is Brindle Street Surgery, "the Trust" a foundation trust, "the ICB" an
    integrated care board, "the Ambulance Service" South Lyne Ambulance Service NHS Foundation
    Trust: each word of the short name is a word of the full name (or what stands for it), or it
    is the initials of its last words."""
    if short.isupper():
        words = re.findall(r"[A-Za-z][\w'’-]*", writer)
        return "".join(w[0] for w in words[-len(short):]).upper() == short or re.search(r"\b" + short + r"\b", writer) is not None
    return all(any(re.search(r"\b" + w + r"\b", writer, re.I) for w in _SHORT_FOR.get(word.lower(), (word,)))
               for word in short.split())


def _same_addressee(heading: str, writer: str, document: str, lex: Lexicons) -> bool:
    """"THE PROBATION SERVICE/MOJ" is the Probation Service; "S2R" is Steps2Recovery where
    the report writes "Steps2Recovery (S2R)"; the report's "The Partners, Tollgate Lane Surgery"
    is the surgery whose practice manager writes."""
    parts = re.split(r"\s*/\s*|\s+and\s+", heading)
    if any(same_body(part, writer) for part in parts):
        return True
    # "The Trust is asked to respond to concerns 1 to 3 and the Practice to concerns 3 and 4"
    if any((m := _SHORT_NAME.fullmatch(part.strip())) and _short_for(m.group(1), writer) for part in parts):
        return True
    # (or by its initials alone: "(ICB)" over a concern, Carrow Valley Integrated Care Board writing)
    # (a body's name, its noun last: not "Inclusion Carrow Borough", a charity that happens to share them)
    if _BODY_NOUN.search(writer.strip()) and any(re.fullmatch(r"[A-Z]{2,5}", part.strip())
                                                 and _short_for(part.strip(), writer) for part in parts):
        return True
    # "(Council) The Council's service specification ...": a report may drop the "the" before a short
    # name it gives alone (not a word of a longer name: "Halstow" of "Halstow and Wenning Hospitals")
    if len(parts) == 1 and (m := _BARE_SHORT_NAME.fullmatch(heading.strip())) and _short_for(m.group(0), writer):
        return True
    if any(same_body(a, b) for a in _bodies(heading, lex) for b in _bodies(writer, lex)):
        return True
    short = re.sub(r"^the\s+", "", heading, flags=re.I).strip()
    return re.search(re.escape(writer) + r"\s*\(\s*" + re.escape(short) + r"\s*\)", document, re.I) is not None


def _sentence(doc: DocState, start: int, end: int) -> str | None:
    for a, b in doc.sentences:
        if a <= start < b:
            return clean(doc.text[a:b])
    return None


def _from_original(doc: DocState, stances: list[Stance]) -> list[Stance]:
    """Evidence as printed in the file, so ``text[start:end] == evidence`` holds."""
    return [s.model_copy(update={"evidence": doc.original[s.evidence_char_start:s.evidence_char_end]})
            if s.evidence is not None else s for s in stances]


def link(docs: list[DocState], lex: Lexicons, model=None, *, candidates: Iterable[LetterState] = ()) -> Linked:
    """Threads, register, mentions and stances over the whole corpus; ``model`` is the learned
    stance model (None: the lexicon decides alone).

    ``candidates`` are letters of other files that a reply here may be found to answer by its
    cited date; they only take part in that choice (``incremental`` links a part of the corpus
    and passes the rest this way, and makes sure none of them is chosen)."""
    docs = sorted(docs, key=lambda d: d.document.source_path)
    everyone = [ls for d in docs for ls in d.letters]
    doc_of = {id(ls): d for d in docs for ls in d.letters}
    by_date: dict[object, list[LetterState]] = {}  # cross-file candidates, found by the cited date
    for ls in [*everyone, *candidates]:
        by_date.setdefault(ls.letter.date, []).append(ls)
    answered: dict[str, LetterState | None] = {}
    for d in docs:
        for ls in d.letters:
            if ls.letter.kind is Kind.reply:
                answered[ls.letter.letter_id] = _answered(ls, d.letters, by_date)

    # "R/2025/061: installation before discharge": a reply answering under the codes the report gave
    # its recommendations refers to them by number
    for ls in everyone:
        prev = answered.get(ls.letter.letter_id)
        if prev is not None:
            # (a reply that lists them under their codes, where the report numbers them and codes each: the
            # report's numbers)
            codes = report_codes(doc_of[id(prev)].text, prev.refs)
            ls.refs = [replace(r, label=codes[r.label].label, number=codes[r.label].number)
                       if r.label in codes and codes[r.label].label != r.label else r for r in ls.refs]
            coded = code_refs(doc_of[id(ls)].text, ls.seg, doc_of[id(prev)].text, prev.refs, ls.refs)
            coded += paragraph_heading_refs(doc_of[id(ls)].text, ls.seg, prev.refs, ls.refs + coded)
            if coded:
                ls.refs = sorted([*ls.refs, *coded], key=lambda r: r.start)

    # a reply writes a label its own way ("Concern 1(a)" for the report's "1a"), or names the item whose
    # lettered points the report sends ("Concern 1" over points 1a and 1b): the report's labels
    # (what the report states and which of its recommendations come in parts: read once a report, however many
    # replies answer it)
    read_of: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    for ls in everyone:
        prev = answered.get(ls.letter.letter_id)
        if prev is not None and ls.refs:
            if id(prev) not in read_of:
                read_of[id(prev)] = (frozenset(r.label for r in prev.refs if r.stated),
                                     _in_parts(doc_of[id(prev)].text, prev.refs))
            stated, lettered = read_of[id(prev)]
            text = doc_of[id(ls)].text
            ls.refs = part_refs(text, ls.seg, _as_reported(ls.refs, [r.label for r in prev.refs], stated, lettered,
                                                           text), stated)

    # a reply to a reply, from the one who wrote the first letter, answers the
    # reply, not the recommendations: it takes no stance on them
    follow_ups = set()
    for ls in everyone:
        prev = answered.get(ls.letter.letter_id)
        first = answered.get(prev.letter.letter_id) if prev is not None else None
        if first is not None and _same_writer(ls, first):
            follow_ups.add(ls.letter.letter_id)
    # a covering letter whose answers are the paper it encloses ("set out in the enclosed action
    # plan") takes no stance of its own: the paper after it does (not a letter answering under a
    # heading to each recommendation, that encloses a plan for one of them)
    cover_of = {nxt.letter.letter_id: ls for d in docs for ls, nxt in zip(d.letters, d.letters[1:])
                if ls.letter.kind is Kind.reply and nxt.letter.kind is Kind.reply and nxt.seg.salutation is None
                and ls.seg.salutation is not None and ENCLOSES.search(d.text, ls.seg.start, ls.seg.end)
                and sum(1 for r in ls.refs if r.heading) < 2}
    covering = {ls.letter.letter_id for ls in cover_of.values()}

    # reports and sender organisations carry over from the letter answered
    for ls in everyone:
        prev = answered.get(ls.letter.letter_id)
        update = {}
        if prev is not None:
            update["in_reply_to"] = prev.letter.letter_id
            if ls.letter.report_title is None and prev.letter.report_title and (ls.refs or prev.refs):
                update["report_title"] = prev.letter.report_title
        if ls.letter.report_title and not ls.refs and not (prev and prev.refs):
            update["report_title"] = None
        if update:
            ls.letter = ls.letter.model_copy(update=update)
        snd = _party(ls, PartyRole.sender)
        # a report sent to several bodies does not say which of them this reply's writer is
        several = prev is not None and len(_bodies_sent(prev.refs)) > 1
        if prev is not None and snd is not None and snd.organisation is None and not several:
            rec = _party(prev, PartyRole.recipient)
            # not where the writer's own title names another body ("Practice Manager, Tollgate Lane
            # Surgery" answering a report whose last addressee was the DVLA)
            own = _bodies(snd.position, lex) if snd.position else []
            if rec is not None and rec.organisation and \
                    (not own or any(same_body(a, b) for a in own for b in _bodies(rec.organisation, lex))):
                ls.parties = [p.model_copy(update={"organisation": rec.organisation}) if p is snd else p for p in ls.parties]

    out = Linked()
    register = Register()
    ids: dict[tuple[str, str, str | None], Entry] = {}  # (letter_id, label, addressee) -> register entry
    first: dict[tuple[str, str], Entry] = {}  # (letter_id, label) -> the entry of its first mention

    def root_of(ls: LetterState) -> LetterState:
        while answered.get(ls.letter.letter_id) is not None:
            ls = answered[ls.letter.letter_id]
        return ls

    # a report that never names itself takes the title a reply gives it ("Re: Regulation 28
    # Report - ..."), so its concerns and the reply's are one set, not two
    named_by_reply: dict[str, str] = {}
    for ls in everyone:
        if ls.letter.report_title:
            named_by_reply.setdefault(root_of(ls).letter.letter_id, ls.letter.report_title)

    # the addressee heading that sends the answered report's concerns to each reply's writer
    heading_of = {ls.letter.letter_id: _writers_heading(prev, ls, doc_of[id(prev)].text, lex)
                  for ls in everyone if (prev := answered.get(ls.letter.letter_id)) is not None}
    _by_elimination(heading_of, answered, everyone)
    # "Your first recommendation to the Department": the writer counts from the first sent to it
    for ls in everyone:
        prev, heading = answered.get(ls.letter.letter_id), heading_of.get(ls.letter.letter_id)
        if prev is None:
            continue
        ls.refs = _by_quote(ls.refs, prev.refs, lex.stopwords)
        own = _counted_own(prev, ls, heading)
        # "Your report raises two matters for BAPEN. The first is that ...": an ordinal with no noun
        # counts what its writer was sent, which is known only where as many were sent to it (the
        # report's seven concerns, three bodies and no headings: the first is not concern 1)
        ls.refs = _own_ordinals([r for r in ls.refs if r.counted is None or r.counted == len(own)], own,
                                counted_only=heading is None)

    def scope(ls: LetterState) -> str:
        root = root_of(ls).letter.letter_id
        return report_key(ls.letter.report_title) or report_key(named_by_reply.get(root)) or f"thread:{root}"

    def texts(ls: LetterState, heading: str | None = None) -> dict[str, str]:
        """Each label's text as stated; of a report's concerns, those sent to ``heading`` (or to no one)."""
        own = {r.label: r.text for r in sorted(ls.refs, key=lambda r: not r.stated)
               if r.text and (heading is None or r.addressee in (None, heading))}
        prev = answered.get(ls.letter.letter_id)
        if prev is None:
            return own
        return {**texts(prev, heading_of[ls.letter.letter_id]), **own}

    for ls in everyone:
        with _working_on(ls):
            known = texts(ls)
            for r in ls.refs:
                # a report that numbers its concerns afresh for each addressee has two "concern 1"s,
                # told apart by the body each is sent to, each with its own text
                key = (ls.letter.letter_id, r.label, r.addressee)
                text = r.text if r.addressee and r.text else known.get(r.label)
                if key not in ids:
                    ids[key] = register.resolve(scope(ls), ls.letter.report_title, r.label, r.number, text,
                                                ls.letter.letter_id, r.addressee)
                    first.setdefault((ls.letter.letter_id, r.label), ids[key])
                if r.implicit:  # never written as a number: no mention, but a recommendation all the same
                    continue
                out.mentions.append(RecommendationMention(
                    letter_id=ls.letter.letter_id, recommendation_id=ids[key].recommendation_id, number=r.number,
                    label=r.label, char_start=r.start, char_end=r.end,
                    sentence=_sentence(doc_of[id(ls)], r.start, r.end)))
    for ls in everyone:
        with _working_on(ls):
            if ls.letter.kind is not Kind.reply or ls.letter.letter_id in follow_ups | covering:
                continue
            prev = answered.get(ls.letter.letter_id)
            heading = heading_of.get(ls.letter.letter_id)
            trail = _trail(ls, doc_of[id(ls)].letters, doc_of[id(ls)].text) if prev is None else None
            raised = _raised(prev, ls, heading) if prev is not None \
                else _quoted_below(ls, doc_of[id(ls)].text) or _trail_raised(ls, trail) \
                or _counted_alone(ls, doc_of[id(ls)].text)
            if prev is not None and not raised and not prev.refs:
                # (what it answers names none, a covering letter: the paper's own count says how many there are)
                raised = _counted_alone(ls, doc_of[id(ls)].text)
            gone = _sent_elsewhere(ls, doc_of[id(ls)].text, lex)
            # (only a covering letter's: another body's reply before this one speaks for its own writer)
            if (cover := cover_of.get(ls.letter.letter_id)) is not None:
                # (the covering letter above a paper says whose the rest are: "Recommendations 4, 6 and 7
                # are addressed to Natural Resources Wales, and I understand that NRW is responding to you
                # directly"; or which are its writer's: "The report made recommendations 1 to 7 to the
                # Department")
                # (not those the paper itself answers, which it states or heads: a passing "NRW's response to
                # recommendation 6 will ..." answers nothing)
                answered_here = {r.label for r in ls.refs if r.stated or r.heading or r.anchor}
                gone |= _sent_elsewhere(cover, doc_of[id(cover)].text, lex) - answered_here
                if mine := _said_own(cover, doc_of[id(cover)].text, lex):
                    gone |= {lab for lab, _ in raised} - mine - answered_here
            own = _said_own(ls, doc_of[id(ls)].text, lex)
            if own:  # "Concerns 4 and 5 were addressed to the ICB": the rest are someone else's
                gone |= {lab for lab, _ in raised} - own - {r.label for r in ls.refs}
            if not ({lab for lab, _ in raised} | {r.label for r in ls.refs}) - gone:
                gone = set()  # a reply is never left answering nothing
            refs = [r for r in ls.refs if r.label not in gone]
            raised = [x for x in raised if x[0] not in gone and not _parts_answered(x[0], refs)]
            labels = {lab: num for lab, num in raised} | {r.label: r.number for r in refs}
            if not labels:
                continue
            entries = {}
            for lab, num in labels.items():
                entries[lab] = (ids.get((ls.letter.letter_id, lab, None))
                                or (ids.get((prev.letter.letter_id, lab, heading))
                                    or first.get((prev.letter.letter_id, lab)) if prev is not None else None)
                                or (first.get((trail.letter.letter_id, lab)) if trail is not None else None)
                                or register.resolve(scope(ls), ls.letter.report_title, lab, num, None,
                                                    prev.letter.letter_id if prev else ls.letter.letter_id))
            doc = doc_of[id(ls)]
            out.stances += _from_original(doc, stance_mod.stances(
                doc.text, ls.seg, ls.letter.letter_id, prev.letter.letter_id if prev else None, refs, raised,
                {lab: e.recommendation_id for lab, e in entries.items()}, doc.sentences, lex,
                {lab: e.text for lab, e in entries.items()}, model))
    out.recommendations = sorted(register.records(),
                                 key=lambda r: (r.report_title or "", r.number, r.label, r.recommendation_id))
    out.letters = [ls.letter for ls in everyone]
    out.parties = [p for ls in everyone for p in ls.parties]
    return out
