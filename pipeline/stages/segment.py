"""Stage 2: split a file into letters, replies, Q&A documents and minutes.

A letter runs from its head (address block or dateline) through "Dear ..." to
the sign-off, signature and cc block. The next letter usually opens with its
recipient's address block, so the boundary between two letters is found by
walking forward from the first letter's sign-off over what belongs to a
signature, not by looking for the next address (which a signature can carry).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice, takewhile

from pipeline.lexicon import Lexicons
from pipeline.names import looks_like_person
from pipeline.records import Kind
from pipeline.stages.shapes import (CELL_GAP, LINK_LINE, RESPONSE_STATEMENT, RESPONSE_TITLE, SLIDE_MARK, Form, Start,
                                    classify_document, hard_starts, response_page)
from pipeline.text import (DATE_WORDS, EMAIL, OTHER_TONGUE_GREETING, WROTE, Block, Line, banner_block, clean,
                           has_postcode, is_dateline, is_prose, marking_block, sentence_end, split_lines, to_blocks,
                           unwrap, word_count)

# (a bilingual letter's "13 Ebrill / April 2027" too)
_HAS_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:[^\W\d_]+\s*/\s*)?(?:" + DATE_WORDS + r")\.?,?\s+\d{4}\b", re.I)
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
    form: Form = Form.letter
    title: Line | None = None  # a web page's or annex's title line

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
    return lex.signs_off(line.text)


def _emails_only(block: Block) -> bool:
    return all(_EMAIL_ONLY.match(clean(ln.text) or "") for ln in block.lines)


def _names_another(signed: Block, b: Block, lex: Lexicons) -> bool:
    """Block ``b``, under a signature that names its writer, names someone else of another body: the
    next letter's head ("Ministry of Housing, Communities and Local Government / Minister of State
    for Housing and Planning / Oliver Stannard MP"), not a second signatory of the same body
    ("Sunita Rai / Chief Executive, Healthwatch Oakbridge" over "Mike Fenwick / Chair, Healthwatch
    Oakbridge")."""
    first = clean(signed.lines[0].text) or ""
    if not _person_line(first, lex):
        return False
    surname = first.split()[-1].lower()
    lines = [clean(ln.text) or "" for ln in b.lines]
    if not any(_person_line(c, lex) and surname not in c.lower() for c in lines):
        return False
    parts = lambda block_lines: {p.strip().lower() for c in block_lines if not _person_line(c, lex)
                                 for p in c.split(",") if len(p.split()) >= 2}
    return not parts([clean(ln.text) or "" for ln in signed.lines]) & parts(lines)


def _person_line(c: str, lex: Lexicons) -> bool:
    """A line that is a person's name ("Oliver Stannard MP", "From Dame Helen Carradine MP", "Lord
    Haverleigh of Stokesay"), not a post."""
    c = re.sub(r"^from\s+", "", c, flags=re.I)
    if _PEER.match(c):
        return True
    return bool(_SIGNED_NAME.match(re.sub(r"\s+(?:MP|MSP|MS|AM|MLA|KC|QC|CBE|OBE|MBE|DBE)$", "", c))) \
        and looks_like_person(c, lex)


_PEER = re.compile(r"^(?:the\s+)?(?:rt\.?\s+hon\.?\s+)?(?:Lord|Baroness)\s+[A-Z][\w'’-]+(?:\s+of\s+[A-Z][\w'’-]+"
                   r"(?:\s+[A-Z][\w'’-]+)*)?$")


ALT_TEXT_LINES = 3


_ATTACHED_FILES = re.compile(r"(?:\(see\s+attached\s+file:[^()]*\)\s*)+", re.I)


def end_of_signature(blocks: list[Block], i: int, limit: int, lex: Lexicons,
                     own_head: frozenset[str] = frozenset(), inner: tuple[Line, ...] = ()) -> int:
    """Index of the first block after the signature and cc lines that follow a sign-off.

    The first short block is the signature whatever the gap before it; a
    second one counts only when it follows closely (a name, then a role), and
    not under a signature that already ends with an address or a telephone
    number. A third, the writer's body, counts when the signed letter's own
    head (``own_head``: its lines, folded) names it: in a Word copy with a
    blank line under every line, "Director of Quality / Sovereign Oak Care Ltd
    / Caledon Home Products UK Ltd / Riverside Works ..." is a signature, then
    the next letter's head. Image alt-text is skipped; a block with a postcode
    or a date is the next letter's head. ``inner`` are the lines under the sign-off in its own block:
    in Word text with no blank lines the signature stands there ("Yours sincerely, / Denise Farrimond /
    Chief Executive Officer / ... / Tel: ..."), and the next block is no signature's.
    """
    signed = 0
    closed = False  # the signature so far ends with an address or a telephone number
    if inner and looks_like_person(clean(inner[0].text) or "", lex):
        signed = 1
        closed = _closes_signature(inner)
    own_body = False
    under = i  # the first block after the sign-off
    while i < limit:
        b = blocks[i]
        first = _first(b)
        # (an image's description is a line or two; a form's "Signature of person(s) completing the QIP"
        # inside a long block is a paper's)
        if len(b.lines) <= ALT_TEXT_LINES and lex.alt_text.search(clean(b.text) or ""):
            i += 1
            continue
        if lex.cc_line.match(first):
            i += 1
            while i < limit and _emails_only(blocks[i]):
                i += 1
            continue
        # "Joanne Petrakis / Operations Director / ... KM2 7RD / Tel: ...": an e-mail's signature (a
        # second block only under the first name the writer signs with: "Niamh / Niamh McCartan / ...")
        if signed and b.lines[0].text.startswith("\f") and (len(CELL_GAP.split(b.lines[0].text.strip())) > 1
                                                            or lex.answers(b.text) or (
                own_head and not _ROLE_LINE.search(first) and not any(_fold(ln.text) in own_head for ln in b.lines)
                and i + 1 < limit and any(has_postcode(ln.text) for ln in blocks[i + 1].lines))):
            # a page opened by a running header ("Harrowfield Borough Council      Audit and Standards
            # Committee"), or by a body the signed letter's head does not name over an address ("Medicines &
            # Healthcare products / Regulatory Agency"), or by a title that says it answers ("NORTHGATE FIBRE
            # NETWORKS LTD / Response to Ofcom's review ..."): the next paper's head, not the post or the body
            # of a signature run on to the page
            break
        if signed <= 1 and _signature_block(blocks, i, lex, under):
            signed += 1
            closed = _closes_signature(b.lines)
            i += 1
            continue
        if b.lines[0].text.rstrip() == "--":
            # the mail program's signature under "-- " (RFC 3676's delimiter): the writer's, whatever it holds,
            # an address with its postcode among it
            signed, closed = signed + 1, True
            i += 1
            continue
        if signed and _ATTACHED_FILES.fullmatch(" ".join(b.text.split())):
            i += 1  # "(See attached file: Minister to CJ.doc)": Lotus Notes' note of what the message carries
            continue
        if signed and all(_NOTE_LINE.match(ln.text) for ln in b.lines):
            i += 1  # the signed letter's footnotes, "[1] The PSTN migration charter ..." / "¹ Revised in 2023"
            continue
        if signed and company_footer(b):
            i += 1  # "Registered in England No. 04418277. Registered office: ... VX6 3TR": the signed letter's footer
            closed = True  # and the signature's last line
            continue
        if signed and not closed and _contact_row(b):
            # "States Greffe | 12 Rue des Prés | St Helier | JE2 4QT" / "Tel: ...": an e-mail signature's address
            i += 1
            closed = True
            continue
        if signed and len(b.lines) == 1 and is_dateline(first) and _dated_signature(blocks, i + 1, limit, lex):
            i += 1  # "David Kernaghan / Chief Executive Officer / 10 July 2024": the letter dated under its signature
            continue
        if any(has_postcode(ln.text) or is_dateline(ln.text) for ln in b.lines):
            break
        if lex.salutation.match(first):
            break
        # a body's name over "From: ..." is the next letter's letterhead, not the signature's body
        memo_next = i + 1 < limit and any(p.match(_first(blocks[i + 1])) for p in (_MAIL_FROM, _MINISTER_FROM))
        # nor a body the signed letter's head does not name, with an address under it: the fire service's
        # letterhead under the council's signature ("WEST CAMBRIA FIRE AND RESCUE SERVICE / Headquarters, ...")
        other_head = bool(own_head) and len(b.lines) <= 2 and _body_name(first, lex) and not _ROLE_LINE.search(first) \
            and not any(_fold(ln.text) in own_head for ln in b.lines) and i + 1 < limit \
            and any(has_postcode(ln.text) for ln in blocks[i + 1].lines)
        if _signature_like(b) and (signed == 0 or (signed == 1 and b.gap <= 1 and not memo_next and not closed
                                                   and not other_head and not _names_another(blocks[i - 1], b, lex))):
            signed += 1
            i += 1
            continue
        # (not where an address or a date follows it: then it heads the next letter, from the same body)
        if signed and not own_body and not closed and len(b.lines) == 1 and b.gap <= 1 \
                and _fold(first) in own_head and not (i + 1 < limit and any(
                    has_postcode(ln.text) or is_dateline(ln.text) for ln in blocks[i + 1].lines)):
            own_body = True
            i += 1
            continue
        break
    return i


def _dated_signature(blocks: list[Block], j: int, limit: int, lex: Lexicons) -> bool:
    """Whether a date alone under a signature is the letter's own, as Australian and Irish letters date
    them: no letter's head follows it (no address, no name, no greeting), only the page's foot, its marking
    or the end."""
    if j >= limit:
        return False  # (straight over the next letter's greeting, the limit: that letter's date)
    for b in blocks[j:min(limit, j + SIGNATURE_FOOT)]:
        first = _first(b)
        if marking_block(b) or _LAST_PAGE.match(first):
            continue
        return not (any(has_postcode(ln.text) or is_dateline(ln.text) for ln in b.lines)
                    or lex.salutation.match(first) or looks_like_person(clean(first) or "", lex))
    return True


SIGNATURE_FOOT = 3  # blocks under a signature's date that may be the page's foot


_ROW_SEPARATOR = re.compile(r"\s[|•·]\s")  # "12 Rue des Prés | St Helier", "Quay Street • Carrigmore"
ADDRESS_ROW_PARTS = 3


def _contact_row(b: Block) -> bool:
    """An e-mail signature's address on one line, its parts set apart by bars, over its telephone number
    or web address (a letterhead sets its address a part to a line)."""
    first = b.lines[0].text
    return len(_ROW_SEPARATOR.split(first)) >= ADDRESS_ROW_PARTS and has_postcode(first) \
        and all(_CONTACT.search(ln.text) or _PHONE_LINE.match(ln.text) for ln in b.lines[1:])


def _closes_signature(lines) -> bool:
    """A signature's lines end with the writer's address, a web or e-mail address or a telephone
    number: nothing of the signature follows (what does is the next letter's)."""
    return any(_CONTACT.search(ln.text) or has_postcode(ln.text) or _PHONE_LINE.match(ln.text) for ln in lines)


# what else an e-mail's footer says: its registered office (and its address: has_postcode), its confidentiality notice
_FOOTER_SENTENCE = re.compile(r"\bregistered\b|\bcompany\s+(?:no|number)\b|\bconfidential\b|"
                              r"\bintended\s+(?:only\s+)?for\b|\bintended\s+only\b|\bVAT\b")


def registration_line(s: str) -> bool:
    """Whether ``s`` is a company's registration footer and nothing more ("... Ltd. Registered in England
    No. 04417730. Registered office: Unit 3, ... FA2 7QQ. This e-mail is confidential ..."), not a page's
    footer with the page's own text run on under it."""
    m = _REGISTERED.match(s)
    rest = re.split(r"(?<=[.!?])\s+(?=[A-Z])", s[m.end():].strip()) if m is not None else []
    return m is not None and all(_FOOTER_SENTENCE.search(x) or has_postcode(x) for x in rest[1:])


def company_footer(b: Block) -> bool:
    """A company's registration footer under its signature ("... is registered in England and Wales,
    company no. 08127745. / Registered with the Care Quality Commission."): the signature's, but no
    line of it names the writer's post or body."""
    return bool(_REGISTERED.match(_first(b)))


def _fold(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", line).lower().split())


def head_lines(blocks: list[Block]) -> frozenset[str]:
    """A letterhead's lines, folded, for ``end_of_signature`` to know the writer's body by: those
    above its first address or date (below them come the addressee's, such as the coroner's court)."""
    out = []
    for b in blocks:
        for ln in b.lines:
            if has_postcode(ln.text) or is_dateline(ln.text):
                return frozenset(out)
            if f := _fold(clean(ln.text) or ""):
                out.append(f)
    return frozenset(out)


SIGNATURE_LINES = 6  # a name, a post, a body, an address, a telephone number


_TITLE = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Professor|Prof|Sir|Dame|Revd|Rev)\.?\s+")


def _signed_off_above(blocks: list[Block], i: int, first: str, lex: Lexicons, under: int | None) -> bool:
    """Block ``i`` is right under the sign-off (``under``, where known, is the first block after
    it), or under the first name the writer signs with ("Kind regards, / Niamh / Niamh McCartan ...")."""
    if i > 0 and _is_signoff(blocks[i - 1].lines[-1], lex):
        return True
    given = next(iter(_TITLE.sub("", first).split()), "")  # "Owen" over "Dr Owen Threlkeld"
    return i > 0 and len(blocks[i - 1].lines) == 1 and _first(blocks[i - 1]) == given \
        and (i - 1 == under or (i > 1 and _is_signoff(blocks[i - 2].lines[-1], lex)))


def _signature_block(blocks: list[Block], i: int, lex: Lexicons, under: int | None = None) -> bool:
    """Block ``i``, right under a block that ends with the sign-off, opens with a person's name and
    runs on to the writer's post, body and address: their signature, whatever postcode it holds."""
    b = blocks[i]
    first = _first(b)
    name = _SIGNED_NAME.match(first)
    return i > 0 and b.gap <= 1 and 2 <= len(b.lines) <= SIGNATURE_LINES and name is not None \
        and _signed_off_above(blocks, i, first, lex, under) and looks_like_person(first, lex) \
        and not (has_postcode(b.lines[0].text) or is_dateline(b.lines[0].text)) \
        and not _greeted(name.group("surname"), blocks[i + 1:i + 1 + HEAD_BLOCKS], lex)


# an inside address written on one line, as Word text keeps it: "Mr L Farrow-Greaves, HM Assistant
# Coroner, Southmere Coroner's Court, Abbey Lane, Southmere QX14 2AA" (long, but no sentence)
_ADDRESS_LINE = re.compile(r",[^.!?]*\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


# a letter head's field, however long what it names: "**To:** Tobias Renwick-Hale MP, Minister of State for
# Nuclear, Department for ...", "**Copied to:** ..." (a web page's letter)
_HEAD_FIELD = re.compile(r"^[\s*_]*(?:to|copied\s+to|copy\s+to|cc)[\s*_]*:", re.I)


_BAR = re.compile(r"(?<!\s)\s+\|\s+")  # (linear: one run of spaces is tried once, not from each of its spaces)


def _head_prose(line: str, page: bool = False, bars: bool = True) -> bool:
    """A line of prose, which a letter head has none of (its one-line address is long, but no sentence;
    on a letterhead that opens a ``page``, Word may set its telephone and e-mail beside it, a tab apart,
    where the same line closing a letter above is its footer; anywhere, a letterhead's one line of address,
    telephone and e-mail set apart by bars: "Ardach, by Dingwall IV15 9RT   |   Tel 01632 960 410   |   ...";
    not a block's first line, where a report's own footer may be set so, above the body's name)."""
    cells = [c for cell in (CELL_GAP.split(line) if page else [line]) for c in (_BAR.split(cell) if bars else [cell])]
    return is_prose(line) and not any(_ADDRESS_LINE.search(clean(cell) or "") for cell in cells) \
        and not _HEAD_FIELD.match(line)


def _from_starts_mail(blocks: list[Block], j: int, lex: Lexicons) -> bool:
    """Whether a pasted e-mail starts at block ``j``, its "From:" line, and what is above it is the
    foot of what precedes: a name that signs it (or its "cc:", or the "-----END PGP SIGNATURE-----" a
    signed message closes with); two lines or more of it, not a mail system's one-line print head over a
    "From:" with an address; or the foot of the last page, the header opening the next ("... Ltd, 5
    Wharfside Place ..." / "<form feed>From: ...")."""
    head, above = blocks[j], blocks[j - 1]
    # (GroupWise sets its header subject first: "Subject:   Re: Regulation 28 Report ..." / "From:      Joanne
    # Pickersgill" / "To:        coroners.officers@...": a header of its own wherever it stands)
    if _SUBJECT.match(_first(head)) and any(_MAIL_FROM.match(ln.text) for ln in head.lines[1:HEAD_FIELDS]) \
            and any("@" in ln.text for ln in head.lines[:HEAD_FIELDS + 1]) \
            and not any(lex.mail_header.match(ln.text) for ln in above.lines) and not _letterhead(above, lex) \
            and not (len(above.lines) <= 2 and _body_name(above.lines[0].text.strip(), lex)):
        return True
    if not _MAIL_FROM.match(_first(head)):
        return False
    return bool(_SIGNED_NAME.match(_first(above)) or lex.cc_line.match(_first(above))
                or _PGP_END.match(above.lines[-1].text)
                or (len(above.lines) >= 2 and "@" in head.lines[0].text
                    and not any(lex.mail_header.match(ln.text) for ln in above.lines))
                or head.lines[0].text.startswith("\f"))


_SUBJECT_HEAD = re.compile(r"^\W*(?:re|subject)\s*:\s*\S", re.I)
# (a title and a name before its first comma, all in capitals: not "1. The Council should, within one month, ...")
# (and after "The" a title of two words at least: "The Secretary General,", not "3. The Council, which had known ...")
_ADDRESSEE_ITEM = re.compile(r"^\W{0,2}\d{1,2}[.)][ \t]+(?:(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame)\b\.?"
                            r"(?:\s+(?-i:[A-Z])[\w'’.-]*)+|the(?:\s+(?-i:[A-Z])[\w'’.-]*){2,}),", re.I)


def _start_without_signoff(blocks: list[Block], prev_sal: int, sal: int, lex: Lexicons) -> int:
    """No sign-off before a salutation: walk back over the letter head.

    The walk stops at prose, at a second date (a letter head has one; the
    one above belongs to what comes before, such as a coroner's report),
    after a block that follows a page gap (two or more blank lines) and at a
    letterhead that opens a page (a form feed, then an address), in a block of
    its own or under the last lines of what precedes.
    """
    j = sal
    seen_date = False
    while j - 1 > prev_sal:
        if j < sal and _opens_page_with_address(blocks[j], blocks[j + 1:sal]):
            break  # a letter whose letterhead opens a page starts there: above is the last page of what precedes
        if j < sal and _from_starts_mail(blocks, j, lex):
            break  # a pasted e-mail starts at its "From:" line
        if j < sal and web_mail_head(blocks[j]):
            # (its subject alone above it, a blank line between: "RE: Review of ..." over the initials "ME")
            if j - 1 > prev_sal and _AVATAR.match(blocks[j].lines[0].text) and len(blocks[j - 1].lines) == 1 \
                    and _REPLY_SUBJECT.match(blocks[j - 1].lines[0].text):
                j -= 1
            j = _gmail_print_top(blocks, j, prev_sal)
            break  # or a web mail's print header opens it
        if j < sal and _FORWARDED_BY.match(_first(blocks[j])) and j + 1 < sal \
                and _MAIL_FROM.match(_first(blocks[j + 1])):
            break  # or the line that says it was sent on, over its header
        b = blocks[j - 1]
        if _page_start(b, lex) > b.start:
            j -= 1  # its letterhead opens a page inside the block that closes what precedes (cut there)
            break
        if (h := _header_over_quote(blocks, j, prev_sal, lex)) is not None:
            j = h  # a bottom-posted reply: its header, then "On ..., X wrote:" and the quote, then its greeting
            break
        if banner_block(b):
            j -= 1  # the mail system's warning over the greeting ("[EXTERNAL] This email originated ..."): its header
            continue
        # an e-mail's header is no prose, however long its "Subject:" line; nor is a schedule of the letter's
        # addressees, each numbered with an address ("1.<tab>Mr Fergal Doyle, Regional Executive Officer, ..."), nor
        # the letter's own subject over its greeting, wrapped ("Re: Inquest into the death of ... late of 17" / ...)
        if not _mail_from(b.lines, 0, lex) and not _ADDRESSEE_ITEM.match(b.lines[0].text) \
                and not (j == sal and _SUBJECT_HEAD.match(b.lines[0].text) and len(b.lines) <= TITLE_LINES
                         and not sentence_end(b.lines[-1].text.strip())) \
                and any(_head_prose(ln.text, b.lines[0].text.startswith("\f"), n > 0) for n, ln in enumerate(b.lines)):
            break
        dated = any(_HAS_DATE.search(ln.text) for ln in b.lines)
        if dated and seen_date:
            break
        seen_date = seen_date or dated
        j -= 1
        if b.gap >= 2 and j < sal:
            # a body's letterhead may stand two blank lines over the addressee block it heads
            # (not where a lone first name signs above it: that block is the e-mail's own signature)
            if j - 1 > prev_sal and _letterhead(blocks[j - 1], lex) and not (
                    j - 2 > prev_sal and len(blocks[j - 2].lines) == 1
                    and (len(_first(blocks[j - 2]).split()) == 1 or _is_signoff(blocks[j - 2].lines[0], lex))):
                j -= 1
            break
    if j + 1 < sal:
        j += _signs_what_precedes(blocks, j, sal, lex)
    # the footer of the web page the report was published on (its links, its copyright line) is the
    # page's, not the letter's: the letter starts under the last of it
    footer = [k for k in range(j, sal - 1) if _page_furniture(blocks[k])]
    return footer[-1] + 1 if footer else j


# a web page's furniture between a report and the letter pasted under it: its lists of links
# ("* [Response from Lowfield Farm](https://...)", "* [Privacy](...)") and its copyright line
_LINK_ITEM = re.compile(r"^\s*[*+-]\s+\[[^\]]+\]\([^)]*\)\s*$")  # a list item: a letterhead's own link is none
_LINKS = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|https?://\S+")  # a Markdown link or image, a bare address
# (or a site's own: "© West Rutherford County Council"; and its feedback line, "Was this page useful? [Yes](#)")
_COPYRIGHT = re.compile(r"^\W*(?:(?:\(c\)|©)\s*(?:(?:crown|parliamentary) copyright\b|"
                        r"(?:\d{4}\s+)?(?-i:[A-Z])[^.\n]{2,80}$)|"
                        r"(?:was|is) this page useful\b)", re.I)


def _page_furniture(b: Block) -> bool:
    # (a copyright line may carry the site's links: "© 2024 Office of the Ombudsman | [Privacy](/privacy/) | ...")
    return all(_LINK_ITEM.match(ln.text) or _COPYRIGHT.match(_LINKS.sub("", ln.text)) for ln in b.lines)


# "Graham Ibbotson", "O J Penhaligon", "Siân E Pugh", "A. Chaudhry-Welland": a name alone on its line,
# with any letters after it that have two capitals ("Amrit Sandhu MPharm", "Jo Hale BSc (Hons), RGN")
_SIGNED_NAME = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|HHJ)\.?\s+)?(?:[A-Z]\.?\s+){0,3}"
                          r"(?:[A-Z](?:[^\W\d_A-Z]|['’-][A-Z]?)+\s+(?:[A-Z]\.?\s+)?){0,2}(?P<surname>(?:Ma?c|O['’])?[A-Z](?:[^\W\d_A-Z]|['’-][A-Z]?)+|[A-Z]{2,})"
                          r"(?:,?\s+(?!Ma?c[A-Z])(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,7}(?:\s*\(Hons\))?){0,4}$")


HEAD_BLOCKS = 4  # blocks after a signature in which the next letter names its addressee


def _unglued_signatures(blocks: list[Block], lex: Lexicons) -> list[Block]:
    """A signature with the next letter's letterhead straight under it ("Sophie Mallinder / Senior
    Director / Calderwick Water Services Limited / Riverside House / ... CW3 8LT") is two blocks:
    the name and title sign the letter above, where the next letter's head names them again as
    its addressee."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        lines = b.lines
        signed = i > 0 and _is_signoff(blocks[i - 1].lines[-1], lex)  # right under "Yours sincerely"
        m = _SIGNED_NAME.match(clean(lines[0].text) or "") if len(lines) >= 4 and signed else None
        if m and i + 1 < len(blocks) and _MAIL_FROM.match(blocks[i + 1].lines[0].text):
            m = None  # (the next message's e-mail header under it: its address is the signature's)
        if m and _ROLE_LINE.search(lines[1].text) and any(has_postcode(ln.text) for ln in lines[2:]):
            if _named_again(m.group("surname"), blocks[i + 1:i + 1 + HEAD_BLOCKS], lex) \
                    or _another_body(lines[2], _own_head(blocks, i, lex), blocks[i + 1:i + 1 + HEAD_BLOCKS], lex,
                                     _next_letter(blocks, i, lex)):
                out += [Block(lines[:2], b.gap), Block(lines[2:], 0)]
                continue
        # pdftotext -layout: a signature closed by its address or telephone number, then the next
        # letter's letterhead (an address, a date or a greeting soon under it) set to the right
        # ("Lee Dawson / ... / Tel: 01632 960 471 / <40 spaces>Castlebridge / <40 spaces>Borough Council")
        k = next((k for k in range(2, len(lines)) if _indent(lines[k].text) >= RIGHT_SET
                  and all(_indent(ln.text) <= 4 for ln in lines[:k])), None) if signed else None
        below = [ln.text for ln in lines[k:]] + [ln.text for x in blocks[i + 1:i + 4] for ln in x.lines] \
            if k is not None else []
        # a body's name and address ("Castlebridge / Borough Council", "County Hall, ... QS1 1AB"), not a
        # footer's slogan ("Working together for ...")
        named = k is not None and all(w[0].isupper() or w[0].isdigit() or w.lower() in NAME_FILLER | WELSH_FILLER
                                      for ln in lines[k:] for w in re.findall(r"[\w&'’-]+", ln.text))
        heads = named and _heads_letter(below[:8], lex)
        # (under a signature closed by its address or telephone number, or that is only a name and its posts)
        if k is not None and heads and (_closes_signature(lines[:k])
                                        or (k <= 4 and looks_like_person(clean(lines[0].text) or "", lex)
                                            and all(_ROLE_LINE.search(ln.text) or _ON_BEHALF.match(ln.text)
                                                    for ln in lines[1:k]))):
            out += [Block(lines[:k], b.gap), Block(lines[k:], 0)]
            continue
        # a company's registration footer closes the signature, and a body's name straight under it heads
        # the next letter ("Registered in England and Wales No. 04419826 / Department for Energy Security
        # and Net Zero", then "From ... MP", an address, a date)
        k = next((k for k in range(1, len(lines) - 1) if _REGISTERED.match(clean(lines[k].text) or "")), None) \
            if signed else None
        if k is not None and (_body_name(clean(lines[k + 1].text) or "", lex)
                              or any(has_postcode(ln.text) for ln in lines[k + 2:])) \
                and _heads_letter([ln.text for x in blocks[i + 1:i + 1 + HEAD_BLOCKS] for ln in x.lines], lex):
            out += [Block(lines[:k], b.gap), Block(lines[k:k + 1], 0), Block(lines[k + 1:], 0)]
            continue
        out.append(b)
    return out


_ON_BEHALF = re.compile(r"^\W*(?:for and )?on behalf of\b", re.I)  # "for and on behalf of Meridian ... Ltd"
OWN_HEAD_BLOCKS = 8  # blocks above a letter's greeting that hold its head: letterhead, addressee, date, references


def _own_head(blocks: list[Block], i: int, lex: Lexicons) -> list[Block]:
    """The head of the letter whose signature is block ``i``: the blocks above its greeting, up to
    the prose of what precedes it."""
    sal = next((k for k in range(i - 1, -1, -1) if lex.salutation.match(_first(blocks[k]))), None)
    if sal is None:
        return []
    k = sal
    while k > max(0, sal - OWN_HEAD_BLOCKS) and not is_prose(blocks[k - 1].text):
        k -= 1
    return blocks[k:sal]


def _another_body(line: Line, above: list[Block], below: list[Block], lex: Lexicons,
                  next_letter: list[Block] = ()) -> bool:
    """Whether a body's name under a name and a post ("Chief Constable" / "MERIDIAN SECURE
    TRANSPORT SERVICES LTD" / its address) is the next letter's letterhead: the letter signed above
    never names that body on a line of its own (a force signs under its own "WEALDMOOR POLICE"),
    and a letter's head (an address, a date, a greeting) follows. In capitals it is a letterhead's;
    in ordinary case ("NHS England") only where the next letter signs under that name itself."""
    name = clean(line.text) or ""
    if not _body_name(name, lex) or not above:
        return False
    if not name.isupper() and _fold(name) not in {_fold(ln.text) for b in next_letter for ln in b.lines}:
        return False
    return _fold(name) not in {_fold(ln.text) for b in above for ln in b.lines} \
        and _heads_letter([ln.text for b in below for ln in b.lines], lex)


def _next_letter(blocks: list[Block], i: int, lex: Lexicons) -> list[Block]:
    """The blocks of the letter after block ``i``: from its greeting to the next greeting."""
    greets = [k for k in range(i + 1, len(blocks)) if lex.salutation.match(_first(blocks[k]))][:2]
    return blocks[greets[0]:greets[1] if len(greets) > 1 else len(blocks)] if greets else []


def _heads_letter(lines: list[str], lex: Lexicons) -> bool:
    """Lines a letter's head holds: an address with its postcode, a date or a greeting."""
    return any(has_postcode(t) or is_dateline(t) or lex.salutation.match(clean(t) or "") for t in lines)


RIGHT_SET = 20  # spaces before a line set to the right of the page
# the small words a proper name may hold uncapitalised ("Department for Education", "R & T Fenwick")
NAME_FILLER = frozenset({"and", "of", "for", "the", "in", "on", "at", "&"})
# and in Welsh, as a bilingual letterhead gives it ("Addysg a Gwella Iechyd Cymru", "Comisiynydd y Gymraeg")
WELSH_FILLER = frozenset({"a", "ac", "y", "yr"})


def _indent(line: str) -> int:
    line = line.lstrip("\f")  # a page break's form feed before the first line of a page is no indent
    return len(line) - len(line.lstrip(" "))


def _body_name(line: str, lex: Lexicons) -> bool:
    """A body's name, as a letterhead opens with it: in capitals or with a body's word, and no person's."""
    return not looks_like_person(line, lex) and (line.isupper() or bool(lex.org_re.search(line)))


def _letterhead(b: Block, lex: Lexicons) -> bool:
    """A body's letterhead on its own: its name first (in capitals, or with a body's word; not a
    person's, as a signature's is), then its address or telephone number, and no prose. An e-mail
    signature on one line ("Euan Mathers | Head of Policy | Crown Office ...") is read by its
    first cell, the person's name."""
    first = (clean(b.lines[0].text) or "").split("|")[0].strip()
    # (not a web page's list of links, "  * [Ashcombe Homes trading update ...](https://...)")
    return len(b.lines) <= SIGNATURE_LINES and not LINK_LINE.match(b.lines[0].text) \
        and not any(is_prose(ln.text) for ln in b.lines) and _body_name(first, lex) and not has_postcode(first) \
        and any(has_postcode(ln.text) or _CONTACT.search(ln.text) or _PHONE_WORD.search(ln.text) for ln in b.lines[1:])


_PHONE_WORD = re.compile(r"\b(?:telephone|tel|phone)\b\.?\s*:?\s*\+?\d", re.I)


def _signs_what_precedes(blocks: list[Block], j: int, sal: int, lex: Lexicons) -> int:
    """How many blocks from ``j``, first in a letter head, are the name and title that sign the
    document above it (a coroner's report), 0 if none: the head below names the same person again,
    as whom the letter is to. The title may stand in a block of its own under the name ("Siân E
    Pugh", then "HM Senior Coroner for Dyfi and Teifi")."""
    b = blocks[j]
    first = clean(b.lines[0].text) or ""
    m = _SIGNED_NAME.match(first)
    if not m and len(b.lines) == 1 and (role := _ROLE_LINE.search(first)):
        # "Jonathan Everard Assistant Coroner for Kingsmere and the Vale": name and title on one line
        m = _SIGNED_NAME.match(_TITLE_LEAD.sub("", first[:role.start()]))
        return 1 if m and _named_again(m.group("surname"), blocks[j + 1:sal + 1], lex) else 0
    if not m or len(b.lines) > 3:
        return 0
    span = 1 if any(_ROLE_LINE.search(ln.text) for ln in b.lines[1:]) else \
        2 if len(b.lines) == 1 and j + 2 < sal and len(blocks[j + 1].lines) <= 2 \
        and _ROLE_LINE.search(blocks[j + 1].lines[0].text) else 0
    return span if span and _named_again(m.group("surname"), blocks[j + span:sal + 1], lex) else 0


def _greeted(surname: str, below: list[Block], lex: Lexicons) -> bool:
    """Whether the next salutation greets the person ("Dear Mrs Oyelaran,"): their block is the
    addressee's, not the signature above it."""
    for x in below:
        first = clean(x.lines[0].text) or ""
        if lex.salutation.match(first):
            return re.search(r"\b" + re.escape(surname) + r"\b", first, re.I) is not None
    return False


def _named_again(surname: str, head: list[Block], lex: Lexicons) -> bool:
    """Whether a letter head names the person again in its addressee block, before its "Dear"
    (the greeting alone names whom the letter is to, not who signed above it). An e-mail's header
    ("From: ... / Cc: Ridgeway, Jonathan") is no letter head: the signature above it, address and
    all, is the last e-mail's, whoever the next one is sent to."""
    below = []
    for x in head:
        # (the header may stand under "-----Original Message-----" in its block)
        if lex.salutation.match(clean(x.lines[0].text) or "") or any(_MAIL_FROM.match(ln.text) for ln in x.lines):
            break
        below += [ln.text for ln in x.lines]
    return re.search(r"\b" + re.escape(surname) + r"\b", " ".join(below), re.I) is not None


def _find_signoff(blocks: list[Block], lo: int, hi: int, lex: Lexicons) -> tuple[int, Line] | None:
    """The last sign-off after block ``lo`` (the salutation's) and before ``hi``; in text from a
    PDF, with no blank lines, it may stand in the salutation's own block."""
    for bi in range(hi - 1, max(lo, -1), -1):
        for ln in blocks[bi].lines:
            if _is_signoff(ln, lex):
                return bi, ln
    if 0 <= lo < len(blocks):
        for ln in reversed(blocks[lo].lines[1:]):
            if _is_signoff(ln, lex):
                return lo, ln
    return None


def classify_unsaluted(text: str, lex: Lexicons) -> Kind:
    """Kind of a segment with no "Dear ...": Q&A, minutes, a response paper or other."""
    return classify_document(text, lex)


# an e-mail's header line "Subject: RE: ...": the message answers the one it quotes
# "Subject: RE: ...", or a subject that says what it is: "... - response to inspection letter",
# "Regulation 28 - reply from Dunmere Recovery", "... - response of Caerwern University", "... - Norvik Logistics response" (not a "request for a response")
# (its label in bold, as html2text gives an Outlook header: "**Subject:** RE: ...")
_RE_SUBJECT = re.compile(r"^\W*subject[*_]*\s*:[\s*_]*(?:re|aw|sv|automatic\s+reply|auto[- ]?reply)\s*:"
                         r"|^\W*subject[*_]*\s*:(?![^\n]*\b(?:due|required|awaited|awaiting|deadline|reminder|chas\w+|"
                         r"request(?:ed|ing)?\s+(?:for\s+)?(?:a\s+|the\s+)?(?:government(?:'s|’s)?\s+)?(?:response|reply)|"
                         r"to be sent|by \d|"
                         # "... - recommendations for response": what the message asks for, not what it is
                         r"for\s+(?:a\s+|your\s+)?(?:response|reply)\W*$))"
                         r"(?:[^\n]*?\b(?:response|reply) (?:from\b|of\b|to (?:your |the |our )?(?:[\w'’-]+ ){0,3}?"
                         r"(?:letter|report|recommendations|review|inspection)\b)"
                         r"|[^\n]*\s[-–—]\s+(?:[\w&'’.]+\s+){0,5}(?:response|reply)\s*(?:$|[-–—]\s))", re.I | re.M)


# a reply that sends its answers as a paper under it: "set out in the enclosed action plan", "Enc. Action plan",
# "I enclose the Trust's action plan",
# a minister's "in the annex to this letter"
ENCLOSES = re.compile(r"\b(?:enclosed|attached|accompanying|appended)\s+(?:[\w-]+\s+){0,2}?(?:action plan|plan|"
                       r"response|table|annex)\b|\b(?:i|we)\s+(?:enclose|attach)\s+(?:[\w’'-]+\s+){0,3}?(?:action plan|plan|"
                       r"response|table|annex)\b|\b(?:writing|write|pleased|glad)\s+to\s+(?:enclose|attach)\s+(?:[\w’'-]+\s+){0,3}?"
                       r"(?:action plan|plan|response|table|annex)\b|^\W*enc(?:losures?|s)?\b\.?\s*:?\s*\S|\b(?:in|at)\s+(?:the\s+)?"
                       r"annex\b|\bannexed\b|"
                       # "Please find enclosed the Welsh Government's response to the report."
                       r"\bfind\s+(?:enclosed|attached)\s+(?:[\w’'-]+\s+){0,4}?"
                       r"(?:action plan|plan|response|table|annex)\b|"
                       r"\b(?:our|my|the)\s+(?:[\w’'-]+\s+){0,2}?(?:response|action plan|plan)\s+(?:is|are)\s+"
                       r"(?:enclosed|attached)\b|"
                       # "Our response to each of the five matters of concern is set out in the action plan below"
                       r"\b(?:set\s+out|given|shown)\s+in\s+the\s+(?:action\s+plan|plan|table|annex)\s+"
                       r"(?:below|overleaf|that\s+follows)\b",
                       re.I | re.M)


# a letter asks for the reply it expects by a date; a reply refers to "your letter" or "your report"
_ASKS_FOR_REPLY = re.compile(r"\bplease (?:reply|respond)\b[^.]{0,40}?\b(?:by|within|no later than)\b|\bgrateful "
                             # "... grateful to receive each organisation's response to the recommendations
                             # directed to it by 31 March", "... grateful for the Government's response by 18 May"
                             r"(?:for|to receive) (?:a|your|(?:each|every|the) [\w’'-]+(?:'s|’s)) "
                             r"(?:further |full |written )?"
                             r"(?:reply|response)\b[^.]{0,60}?\b(?:by|within)\b|"
                             # "I would ask that you each let me have a written response to the recommendations
                             # directed to you by 31 January 2025"
                             r"\blet (?:me|us) have (?:a|your|each|the) (?:[\w’'-]+ ){0,2}?(?:reply|response)\b"
                             r"[^.]{0,100}?\b(?:by|within|no later than)\b|"
                             # "Please send your agency's response to the Board's business unit by 14 August 2026."
                             r"\bplease send (?:us |me )?(?:your|its|their|a|the [\w’'-]+(?:'s|’s)) (?:[\w’'-]+ ){0,2}?(?:reply|response)\b"
                             r"[^.]{0,60}?\b(?:by|within|no later than)\b|"
                             # "The Panel asks that the ICB writes to you, copying the Panel, by 26 February 2027"
                             r"\b(?:asks?|requests?)\s+that\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+(?:writes?|responds?|replies|reply)"
                             r"\b[^.]{0,80}?\b(?:by|within|no later than)\b", re.I)
# a follow-up that thanks for the reply, says what it left unanswered and asks again: "Your response does not,
# however, address two of the concerns in my report", "your letter did not respond to our fifth recommendation"
_UNANSWERED = re.compile(r"\b(?:does|did)\s+not(?:,?\s+however,?)?\s+(?:address|answer|respond\s+to|deal\s+with)\s+"
                         r"(?:[\w’'-]+\s+){0,3}?(?:of\s+)?(?:the|my|our)\s+(?:[\w’'-]+\s+)?"
                         r"(?:concerns?|recommendations?|matters?)\b",
                         re.I)
_NAMES_WHAT_IT_ANSWERS = re.compile(r"\byour (?:[\w’'-]+ ){0,3}?(?:letter|e-?mail|report|correspondence|decision|"
                                    r"recommendations?|concerns?)\b", re.I)


# the writer making recommendations: "we recommend that you:", "I therefore recommend that the Council:"
_RECOMMENDS = re.compile(r"\b(?:i|we)\s+(?:would\s+)?(?:therefore\s+|also\s+)?recommend\s+that\b", re.I)
# an advisory body's letter that thanks for the request it answers ("Thank you for your letter of 4 September
# asking the Independent Reconfiguration Panel to provide advice on ...") and gives it: "The Panel offers the
# following advice." ("asking the Clinical Senate to review ..." / "the Senate makes the following recommendations")
_ASKED_FOR_ADVICE = re.compile(r"\byour\s+(?:[\w’'-]+\s+){0,3}?(?:letter|e-?mail|referral|request)\b[^.]{0,160}?\b(?:asking|"
                               r"requesting|inviting|seeking)\b[^.]{0,80}?\b(?:advice|to\s+advise|to\s+review)\b", re.I)
_GIVES_ADVICE = re.compile(r"\b(?:offers?|gives?|makes?|sets?\s+out)\s+(?:the\s+following|its)\s+(?:advice|recommendations)\b",
                           re.I)


def _classify_letter(text: str, body_start: int, end: int, lex: Lexicons, head: str = "") -> Kind:
    """A reply says it answers something; but "Thank you for the incident report your team sent us"
    in a regulator's letter that asks for a reply by a date thanks, and answers nothing; so does
    "Thank you for your report of 23 May" in one that goes on "we recommend that you:"."""
    opening = text[body_start: min(end, body_start + 1500)]
    if _RE_SUBJECT.search(head) or _web_mail_reply(head):
        return Kind.reply
    if not lex.answers(opening):
        return Kind.letter
    body = unwrap(text[body_start:end])
    asks = _ASKS_FOR_REPLY.search(body) is not None
    advice = _ASKED_FOR_ADVICE.search(unwrap(opening)) is not None and _GIVES_ADVICE.search(body) is not None
    return Kind.letter if asks and (not _NAMES_WHAT_IT_ANSWERS.search(unwrap(opening)) or _RECOMMENDS.search(body)
                                    or advice or _UNANSWERED.search(body)) else Kind.reply


def _web_mail_reply(head: str) -> bool:
    """A web mail's print of a reply: its subject "RE: ..." first, over its sender "Name <address>" (a letter's
    own "Re: Draft Development Plan" under its addressee is its subject, and no reply); Gmail's print may set
    its own head and the account printed from above the subject."""
    lines = [ln for ln in head.splitlines() if ln.strip("\u200b\u200e\u200f\ufeff \t")]
    while lines and _GMAIL_PRINT.match(lines[0]) and len(lines) > 1:
        lines = lines[1:]
    return bool(lines) and _REPLY_SUBJECT.match(lines[0]) is not None \
        and any(_OWA_SENDER.match(ln) or _GMAIL_SENDER.match(ln) for ln in lines[1:SUBJECT_LINES + 2])


PAGE_HEAD = 200  # characters of a page's head (a letterhead, an address) above its title
# the title of the answer a report's subject writes under its own letterhead: "Management Response to Internal
# Audit Report IA/24/031", "Provider response to Healthwatch Southbury Enter and View report" (not a reply's
# own page, "Response to the Regulation 28 Report ...: supporting information", nor a report's "Response to
# consultation" chapter)
# (or a cabinet's: "CABINET RESPONSE AND ACTION PLAN: REVIEW OF PLANNING ENFORCEMENT")
_PROVIDER_RESPONSE = re.compile(r"^\W*(?:post[- ]inspection\s+action\s+plan\b|(?:(?:management|provider)(?:['’]s)?"
                                r"\s+response\s+to\b|(?:[\w'’]+\s+){0,2}?response\s+and\s+action\s+plan\b|"
                                r"action\s+plan\b)"
                                r".*\b(?:report|review|inspection|audit|visit)\b)", re.I)


def _response_after_report(text: str, blocks: list[Block], lex: Lexicons) -> int | None:
    """Where a government response starts after the report section it answers.

    A committee publishes the response as a special report, often after the
    report's own list of conclusions and recommendations: the response opens at
    a title line ("First Special Report", "Government Response") below text
    that sets out recommendations and answers none of them.
    """
    start, end = blocks[0].start, blocks[-1].end
    for b in blocks[2:]:
        for ln in b.lines:
            line = clean(ln.text) or ""
            # (or the answer the report's subject writes to it, on a page of its own: "Management Response to
            # Internal Audit Report ...", its recommendations in a list under one "Recommendations" heading)
            # (not a contents page's entry for it, the title set again further on over the response itself,
            # the entry's leaders and page number aside: "... Before Paying Contractors ..... 4")
            page = _page_top(text, max(start, ln.start - PAGE_HEAD), ln.start, lex) \
                if _PROVIDER_RESPONSE.match(line) and _CONTENTS_PAGE.sub("", line) not in text[ln.end:end] else None
            provider = page is not None
            if not (lex.response_title.match(line) or provider):
                continue
            # (the report's list of attachments may name the response by its title: "Appendix 1: Management's
            # Response to the Auditor General's Report Entitled: ..."; that names it, and answers nothing)
            before = text[start:ln.start].replace(line, "") if provider else text[start:ln.start]
            if lex.answers(before) or RESPONSE_STATEMENT.search(before) or \
                    len(re.findall(r"\brecommend", before, re.I)) < (1 if provider else 2):
                return None
            if classify_unsaluted(text[ln.start:end], lex) is Kind.reply:
                # (from its letterhead: the page break above its title, or on the title's own line)
                return page if provider else ln.start
    return None


_CONTENTS_PAGE = re.compile(r"(?:[ \t.…]{2,}|[ \t]+)\d{1,4}[ \t]*$")  # a contents entry's page number, leaders and all


def _page_top(text: str, start: int, at: int, lex: Lexicons) -> int | None:
    """Where the page holding ``at`` begins, if it begins after ``start``: at its form feed or, where the
    extraction kept none (pdfplumber, a viewer's copy), at the annex title on the line above ("Appendix 1" over
    "Management's Response to ..."), which opens a page of its own."""
    feed = text.rfind("\f", start, at + 1)
    if feed >= 0:
        return feed
    top = text[start:at].rstrip()  # (a blank line may stand between the annex title and the response's)
    above = top.rfind("\n")
    return start + above + 1 if above >= 0 and lex.annex_title.match(top[above + 1:].strip()) else None


MAIL_HEAD_BLOCKS = 3  # blocks above a bare greeting that may hold its e-mail's header ("OFFICIAL" between)


_WROTE = re.compile(rf"^\W*{WROTE}\s*$", re.I)
WROTE_BLOCKS = 2  # blocks between "... wrote:" and the quoted greeting (a quoted blank line, "> ")
QUOTED_BLOCKS = 6  # blocks of a quoted message whose opening says whether it answers


def _quoted_under_wrote(blocks: list[Block], i: int, lex: Lexicons) -> bool:
    """Whether block ``i`` is inside the message a reply quotes under "On ..., X wrote:" or a quoted
    "> From: ..." header, its lines set off by ">": the reply's, not a letter of its own (as under
    "-----Original Message-----"). A quoted message that itself answers ("> Thank you for your letter of
    12 March ...", a clerk sending on the only copy of a minister's reply) is a letter of its own."""
    if not blocks[i].lines[0].text.lstrip().startswith(">"):
        return False
    # (its own lines: not the next letter's under it, "Thank you for your report ...", on the page after)
    lines = list(takewhile(lambda ln: ln.text.lstrip().startswith(">"),
                           (ln for b in blocks[i:i + QUOTED_BLOCKS] for ln in b.lines)))
    quoted = " ".join(ln.text.lstrip(" \t>") for ln in lines)
    # (not the covering e-mail the reply answers, which asks for the response: "I'd be grateful for your
    # response to the recommendations by 20 June"; the letter that sets them out, "> 1. Open visiting
    # should ...", is one of its own all the same)
    listed = sum(1 for ln in lines if _QUOTED_ITEM.match(ln.text)) >= 2
    if lex.answers(quoted) and _NAMES_WHAT_IT_ANSWERS.search(quoted) and (listed or not _ASKS_FOR_REPLY.search(quoted)):
        return False
    # (from the greeting up: a page break under the quote may run on in its block, the next letter's head)
    above = [ln for b in blocks[max(0, i - WROTE_BLOCKS):i] for ln in b.lines] + [blocks[i].lines[0]]
    for ln in reversed(above):
        # ("> From: ... / > Sent: ...": Outlook's quoted header stands for "wrote:")
        if _WROTE.match(ln.text) or (ln.text.lstrip().startswith(">") and lex.mail_header.match(ln.text)):
            return True
        if not ln.text.lstrip().startswith(">"):
            return False
    return False


def _quotes_below(run: list[Block]) -> bool:
    """Whether blocks after a signature end with the message an e-mail quotes: "On Tue, 10 Nov 2026 at
    15:30, Coroners Office <...> wrote:" and nothing after it but lines set off by ">" (the signature
    above it, however it reads: "Tom and Sally Brackenridge / Brackenfold Open Farm")."""
    at = next((k for k, b in enumerate(run) if _WROTE.match(b.lines[-1].text)), None)
    return at is not None and at + 1 < len(run) \
        and all(ln.text.lstrip().startswith(">") for b in run[at + 1:] for ln in b.lines)


# a reply that types its answers into the letter it quotes: "I have answered each of the recommendations
# addressed to us below, in the body of your letter."
_ANSWERS_INLINE = re.compile(r"\b(?:answered|responded\s+to|replied\s+to|commented\s+on)\b[^.]{0,80}?"
                             r"\b(?:below|in\s+the\s+body\s+of|inline|in\s+(?:red|bold|blue))\b", re.I)
INLINE_QUOTES = 2  # blocks set off by ">" under the signature, at least, that the reply answers between


def _answered_inline(said: str, rest: list[Block]) -> bool:
    """Whether the blocks under a reply's signature are the letter it answers, quoted with its answers
    typed between the quotes, as its body says ("Agreed - ..." under "> 6.4 The operator should ..."):
    the reply's own, however much they read as a response paper."""
    quoted = sum(1 for b in rest if b.lines[0].text.lstrip().startswith(">"))
    return quoted >= INLINE_QUOTES and _ANSWERS_INLINE.search(" ".join(said.split())) is not None


# a page's lead over the letter it sets out as a quotation: "Our response, sent to the coroner on 30
# October 2026, is reproduced below."
_QUOTED_BELOW = re.compile(r"\b(?:is|are)\s+(?:reproduced|copied|set\s+out|quoted)\s+(?:in\s+full\s+)?below\W*$", re.I)


def _quoted_below_its_lead(blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` is a greeting set off by ">" straight under a lead saying the letter is
    reproduced below: a web page quoting its own letter (html2text's blockquote), one document."""
    if i == 0 or not blocks[i].lines[0].text.lstrip().startswith(">"):
        return False
    if not _QUOTED_BELOW.search(" ".join(ln.text for ln in blocks[i - 1].lines)):
        return False
    # (one quoted letter on the page: a page that quotes two, a committee's letter and the minister's reply,
    # holds two letters, whatever leads them in and whatever heads the quote above its greeting)
    return sum(1 for b in blocks for ln in b.lines if _QUOTED_GREETING.match(ln.text)) == 1


# a report's numbered paragraph: "[20] ...", "20. ..."
_PARAGRAPH_NO = re.compile(r"^\W{0,2}?(?:\[(\d{1,3})\]|(\d{1,3})\.)[ \t]")
QUOTE_RUN = 6  # blocks a letter a report quotes runs to, at most, before the report's next paragraph


def _quoted_between_paragraphs(blocks: list[Block], i: int) -> bool:
    """Whether block ``i``'s greeting opens a letter a report quotes between its own numbered paragraphs: "[20]
    Waka Kotahi's comments were provided in a letter of 14 December 2023. Its material part reads:" over "Kia ora
    Coroner Lomax, ...", the report going on at "[21]". The report's, not a letter of its own (a letter whose own
    paragraphs are numbered from 1, a minister's reply a committee publishes, is one all the same)."""
    if i == 0 or not blocks[i - 1].lines[-1].text.rstrip().endswith(":"):
        return False
    m = _PARAGRAPH_NO.match(blocks[i - 1].lines[0].text)
    if m is None:
        return False
    after = str(int(m.group(1) or m.group(2)) + 1)
    n = next((n for b in blocks[i + 1:i + 1 + QUOTE_RUN] if (n := _PARAGRAPH_NO.match(b.lines[0].text))), None)
    return n is not None and (n.group(1) or n.group(2)) == after


# the old closing a bare "Sir," stands in: "I have the honour to be, / Sir, / Your obedient servant,"
_HONOUR_ABOVE = re.compile(r"(?:\bto\s+be|^\W*i\s+(?:am|remain)),?\s*$", re.I)
_HONOUR_BELOW = re.compile(r"^\W*your\s+(?:most\s+|very\s+)?(?:obedient|humble|faithful)\b", re.I)
_BARE_SIR = re.compile(r"^\W*(?:sir|madam)\W*$", re.I)
_LISTED_GREETING = re.compile(r"^\W*(?:good\s+(?:morning|afternoon|evening)|hi|hello)\s+[^,&\n]+"
                              r"(?:,\s*\S|\s(?:&|and)\s)", re.I)


def _bare_address(blocks: list[Block], i: int) -> bool:
    """Whether the bare "Sir," that opens block ``i`` is no letter's greeting (``_no_greeting``); nor is "Hi" over a
    list of capitalised words with more lines in its block ("Hi Vis Vests, Helmets" / "Safety Boots & Gloves"), where
    a greeting of several people ("Hi Joanne, Kwame") stands alone."""
    lines = [ln.text for ln in blocks[i].lines]
    if len(lines) > 1 and _LISTED_GREETING.match(lines[0]):
        return True
    above = blocks[i - 1].lines[-1].text if i else ""
    below = lines[1] if len(lines) > 1 else blocks[i + 1].lines[0].text if i + 1 < len(blocks) else ""
    return _no_greeting(above, lines[0], below)


def _no_greeting(above: str, line: str, below: str) -> bool:
    """Whether a bare "Sir," or "Madam," between ``above`` and ``below`` is the middle line of a letter's
    closing ("I have the honour to be, / Sir, / Your obedient servant,") or a speaker's address to the chair
    in a record ("Mr Hale:" over "Sir," over "the crossing will close ..."), not a letter's greeting."""
    return _BARE_SIR.match(line) is not None and (
        _HONOUR_ABOVE.search(above) is not None or _HONOUR_BELOW.match(below) is not None
        or above.rstrip().endswith(":") or below.lstrip()[:1].islower())


_QUOTED_ITEM = re.compile(r"^\s*(?:>\s*)+\(?\d{1,2}[.)]\s+\S")  # "> 1. Open visiting should be introduced ..."
_QUOTED_GREETING = re.compile(r"^\s*>\s*(?:dear|hi|hello)\b", re.I)


def _greets(blocks: list[Block], i: int, lex: Lexicons) -> bool:
    """Whether block ``i`` opens a letter: "Dear ...", "Hi Janet,", or in an e-mail thread a bare
    "Good morning," or the reader's name alone under the message's From:/Subject: lines (in minutes
    or a transcript a bare "Good morning" is speech, not a salutation)."""
    first = _first(blocks[i])
    if _quoted_under_wrote(blocks, i, lex) or _quoted_below_its_lead(blocks, i):
        return False
    if lex.salutation.match(first):
        return not _quoted_between_paragraphs(blocks, i) and not _bare_address(blocks, i)
    m = lex.mail_greeting.match(first)
    if m is None:
        # (a Notes memo greets by first name alone, no comma: "Roisin", straight under its head; so does
        # an Outlook message, "Alastair" alone on its line straight under "From: ..." / "Subject: ...")
        return bool(i and _FIRST_NAME.fullmatch(first)
                    and (any(_LOTUS_HEAD.match(ln.text) for ln in blocks[i - 1].lines)
                         or (len(blocks[i].lines) == 1 and _GROUP_WORD.fullmatch(first) is None
                             and _MAIL_FROM.match(blocks[i - 1].lines[0].text) is not None
                             and not blocks[i - 1].lines[0].text.lstrip().startswith(">")
                             and sum(bool(lex.mail_header.match(ln.text)) for ln in blocks[i - 1].lines) >= 3)))
    # the reader's name alone ("Dermot,") only straight under the header: further down, "Sarah," signs off
    # (a protective marking between, "OFFICIAL", is the mail system's, not the message's)
    top = i
    # (and so is a signed message's armour, "-----BEGIN PGP SIGNED MESSAGE-----" / "Hash: SHA256")
    # (so is its warning that the message came from outside, "[EXTERNAL] This email originated ...")
    while m.groupdict().get("name") and top > 0 and (
            marking_block(blocks[top - 1]) or banner_block(blocks[top - 1])
            or all(_PGP_ARMOUR.match(ln.text) for ln in blocks[top - 1].lines)):
        top -= 1
    above = blocks[max(0, top - (1 if m.groupdict().get("name") else MAIL_HEAD_BLOCKS)):i]
    if not m.groupdict().get("name") and _GROUP_GREETING.match(first):
        # "Hello Healthwatch team," under a header that opens a page of its own (an e-mail pasted after a
        # web page), from one body to another: not "Hi all," in a staff e-mail a reply pastes or appends
        head = next((b for b in above if b.lines[0].text.startswith("\f")
                     and lex.mail_header.match(b.lines[0].text.lstrip("\f"))), None)
        if head is None:
            return False
        domains = {k: _domain(ln.text) for ln in head.lines for k in ("from", "to")
                   if re.match(rf"^\W*{k}\s*:", ln.text, re.I)}
        return not (domains.get("from") and domains.get("from") == domains.get("to"))
    return any(lex.mail_header.match(ln.text) for b in above for ln in b.lines)


_GROUP_GREETING = re.compile(r"^\W*(?:hi|hello)\s+(?!there\b)\S", re.I)  # "Hello Healthwatch team,", "Hi all,"
_PGP_END = re.compile(r"^\s*-----END PGP SIGNATURE-----\s*$")
_PGP_ARMOUR = re.compile(r"^\s*(?:-----BEGIN PGP SIGNED MESSAGE-----|Hash:\s*[\w-]+)\s*$")


def _domain(line: str) -> str | None:
    """The mail domain of a header line's first address."""
    m = re.search(r"@([\w.-]+)", line)
    return m.group(1).lower() if m else None


def _paper(text: str, run: list[Block], end: int, lex: Lexicons) -> bool:
    """Whether blocks after a signature, up to ``end``, are a paper of their own (an enclosed action
    plan, a response under its covering letter): prose enough, and a kind of document."""
    return (prose_paragraphs(run) >= PROSE_BLOCKS or prose_lines(run) >= 2 * PROSE_LINES) \
        and classify_unsaluted(text[run[0].start:end], lex) is not Kind.other


def _headed_page(text: str, run: list[Block], end: int, lex: Lexicons) -> bool:
    """Whether blocks after a signature open a new page with a body's letterhead over a document with
    no "Dear ..." (a council's response table under its own letterhead): a document of its own,
    however little prose its table leaves."""
    return run[0].lines[0].text.startswith("\f") and _letterhead(run[0], lex) \
        and classify_unsaluted(text[run[0].start:end], lex) is not Kind.other


HEAD_LINES = 6  # lines of a page's head: a body's name, its service, the title
# a form's title that says the reply fills it in: "Management Response Form", "Scrutiny Review: Cabinet Response Form"
_FORM_NAME = re.compile(r"^\W*(?:[\w’'&-]+:?\s+){0,5}response\s+form\W*$", re.I)
OPENING_CHARS = 600  # characters from a page's first within which its first paragraph may say what it answers
PAGE_LINES = 6  # lines of such a page at least, however few of them are prose (a table's rows)


# an Easy Read version's own mark under its title: "Easy Read", "Easy Read version", "This is an Easy Read
# version of a letter from the Welsh Government."
_EASY_READ = re.compile(r"^\W*(?:an\s+)?easy\s+read(?:\s+version)?\W*$|\bthis\s+is\s+an\s+easy\s+read\s+version\b",
                        re.I)
EASY_READ_BLOCKS = 10  # blocks from the signature within which the version names itself


def _easy_read(run: list[Block]) -> int | None:
    """Where, in blocks after a signature, an Easy Read version of the letter starts: at its title,
    the blocks of short lines just above its "Easy Read" mark (not the letter's footer, its address
    and telephone over the version); None where none names itself so."""
    mark = next((k for k, b in enumerate(run[:EASY_READ_BLOCKS]) if _EASY_READ.search(clean(b.text) or "")), None)
    if mark is None:
        return None
    top = mark
    while top > 0 and len(run[top - 1].lines) <= 3 and not sentence_end(run[top - 1].text) \
            and not any(c.isdigit() or "@" in c for c in run[top - 1].text):
        top -= 1  # (the body's name and the title over the mark; not the footer's address, telephone, notices)
    return top


_RESPONSE_OF = re.compile(r"^\W*response\s+of\s+(?:the\s+)?(?-i:[A-Z])[^.:\n]{2,80}?\s+to\s+(?:the\s+|a\s+|your\s+)?"
                          r"(?:regulation\s+28|report\s+to\s+prevent|prevention\s+of\s+future)", re.I)


# a title that names the body whose response it is: "Queensland Government response to the coronial inquest into
# the death of ...", "Welsh Government Response to the Committee's report"
_BODY_RESPONSE = re.compile(r"^\W*(?-i:[A-Z])[\w'’&.-]*(?:\s+(?-i:[A-Z])[\w'’&.-]*){0,4}\s+(?:government|department|"
                            r"ministry|council|trust|board|executive|authority|agency|commission)(?:'s|’s)?\s+"
                            r"response\s+to\s+(?:the\s+|a\s+)?\w", re.I)


def _titled_by_body(lines: tuple[Line, ...]) -> bool:
    """A short block, its first or second line a title naming the body whose response follows."""
    return len(lines) <= TITLE_LINES and any(_body_response(ln.text) for ln in lines[:2])


def _body_response(line: str) -> bool:
    """A title naming the body whose response follows: a line of its own, no sentence ("The Welsh Government
    response to the consultation was published in May." is prose) nor one that runs on ("Gympie Regional Council
    response to the storm was quick, but the grader crews were"), nor an enclosure's name under a signature. (Its
    block holds a few lines at most: a title, the site's name over it, a reading time under it.)"""
    said = line.strip()
    return _BODY_RESPONSE.match(said) is not None and not sentence_end(said) and not _ENCLOSED.match(said) \
        and _RUNS_ON_WORD.search(said) is None and _FINITE_VERB.search(said) is None and "," not in said


TITLE_LINES = 3  # lines of the block a body's response title stands in, at most
_FINITE_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|did|does)\b", re.I)  # a sentence's, no title's
_RUNS_ON_WORD = re.compile(r"\b(?:the|a|an|and|or|but|of|to|in|for|with|by|on|at|from|that|which)\s*$", re.I)


_ENCLOSED = re.compile(r"^\W*(?:enc|encl|enclosure|attach(?:ed|ment)?s?)\b", re.I)


def _titled_head(b: Block, lex: Lexicons) -> bool:
    """A body's name over the title that says it answers ("Meridian Diagnostics Ltd / Response to Regulation
    28 Report to Prevent Future Deaths"): a page's head, though Word's text leaves no page break above it."""
    # (or a title that names the body itself: "RESPONSE OF NORTH WEST AMBULANCE SERVICE NHS TRUST TO A REPORT TO
    # PREVENT FUTURE DEATHS", a witness statement's)
    return (len(b.lines) >= 2 and (RESPONSE_TITLE.match(b.lines[1].text.strip()) is not None
                                   or _PFD_RESPONSE_TITLE.match(b.lines[1].text) is not None)
            and _body_name(b.lines[0].text.strip(), lex)) \
        or _RESPONSE_OF.match(" ".join(ln.text.strip() for ln in b.lines[:2])) is not None \
        or _titled_by_body(b.lines)


def _after_page_break(text: str, at: int) -> bool:
    """Whether the blank lines just above ``at`` hold a page break (a form feed on a line of its own)."""
    # (not a form feed over a line blanked as the page's running header, nor a line's own, "\fGovernment ...":
    # only line ends between it and the block)
    k = at - 1
    while k >= 0 and text[k] in "\n\r":
        k -= 1
    return k >= 0 and text[k] == "\f" and text[k + 1:k + 2] in ("\n", "\r")


def _answering_page(text: str, run: list[Block], end: int, lex: Lexicons, own: frozenset[str] = frozenset()) -> bool:
    """Whether blocks open a new page headed by a title that says it answers ("Kinloch and Morven
    Council / Roads and Infrastructure Service / Response to the Scottish Road Works Commissioner",
    "GARROWBY AGGREGATES LTD – ACTION PLAN / Response to Regulation 28 Report ..."), over a response
    with no "Dear ...": a paper of its own, after a signature or before the next letter's head, however
    few lines of prose its table leaves it. ``own`` are the (folded) head lines of the letter above it:
    its own body's annex is no paper of another's."""
    # (or a page break on a line of its own above a title that names the body whose answer it is: "Queensland
    # Government response to coronial recommendations"; not a body's name alone there, nor a report's own heading,
    # "Response to the serious incident investigation", on a page of the report, nor a web page's title over its
    # links, the page that publishes the letter under it)
    if not run or not (run[0].lines[0].text.startswith("\f") or _titled_head(run[0], lex)
                       or (_after_page_break(text, run[0].start) and lex.answers(run[0].lines[0].text)
                           and _body_response(run[0].lines[0].text)
                           and not any(_LINKS.search(b.text) or lex.pfd_report.search(b.text) for b in run))):
        return False  # (most blocks: tested before the page's lines are gathered)
    # (a body's name opens it, not the signed letter's own body: "Annex A / Response to ...", a page of
    # "supporting information" or a report's "Response to consultation" chapter are the letter's)
    # (or a title that says so, alone: "Response to the Independent Review of Blue Badge Eligibility
    # Assessments" over the body's own paper, which a covering letter's "I enclose" sends)
    name = run[0].lines[0].text.strip("\f \t")
    head = list(islice((ln.text for b in run for ln in b.lines), HEAD_LINES))
    # (or its title says it is the form the reply fills in, "Scrutiny Review: Cabinet Response Form", the
    # letter's own council's answer to its committee as much as another body's)
    form = any(_FORM_NAME.match(x) for x in head[1:])
    # (not a web page's head, its site's name a link home over its links: the page publishes the letter)
    titled = _RESPONSE_OF.match(" ".join(head[:2]).strip("\f")) is not None \
        or _titled_by_body(run[0].lines)  # (a title that names its body)
    if not (_body_name(name, lex) or RESPONSE_TITLE.match(name) or titled) or (_fold(name) in own and not form) \
            or LINK_LINE.match(name):
        return False
    lines = [ln.text for b in run for ln in b.lines]
    # (or its first paragraph under a form's fields, "HTA licence number:<tab>12487" / ...: "This plan
    # responds to the shortfalls set out in the HTA's letter of 6 March 2026.")
    if not form and not titled and not lex.answers("\n".join(head)) and not lex.answers(next(
            (b.text for b in run if is_prose(b.text) and b.lines[0].start - run[0].start < OPENING_CHARS), "")):
        return False
    return (prose_lines(run) >= PROSE_LINES or len(lines) >= PAGE_LINES) \
        and classify_unsaluted(text[run[0].start:end], lex) is Kind.reply


# a covering note over the letter it carries in its own body: "Please see below a letter from the
# Commissioner.", "The Inspector's letter is set out below.", "Please find below, and attached in
# full, the recommendations arising from ..." (not "find below our response to the recommendations")
_LETTER_BELOW = re.compile(r"\b(?:see|find|read)\s+(?:below|underneath)(?:,[^,.\n]{1,40},)?\s+(?:a|the|my|our|his|her|their)\s+"
                           r"(?:(?!(?:response|reply|answer|update)\b)[\w’'-]+\s+){0,3}?(?:letter|recommendations)\b"
                           # (not "... the recommendations you made, together with our responses", "... the
                           # Coroner's letter, with the Trust's responses inserted in bold"; a letter "in response
                           # to" another is one still)
                           r"(?![^.\n]*(?<!\bin )\b(?:responses?|repl(?:y|ies)|answers?|updates?|comments)\b)|\bletter\b(?:\s+from\s[^.\n]{1,80}?)?\s+(?:is\s+)?"
                           r"(?:pasted|copied|set\s+out|reproduced)\s+(?:below|underneath)\b|\bbelow\s+is\s+(?:a|the)\s+(?:[\w’'-]+\s+){0,3}?letter\b|"
                           # "Please find our letter below (also attached as a PDF)"
                           r"\b(?:see|find|read)\s+(?:a|the|my|our|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?letter\s+(?:below|underneath)\b", re.I)
# a private office's note over the text of its minister's reply: "Please find below the text of the
# Government's response to the Committee's report", "the text below is identical to it"
# (or its response itself: "Please find attached and copied below the ICB's response to the Regulation 28 report")
_TEXT_BELOW = re.compile(r"\b(?:see|find|read)\s+below\s+the\s+(?:full\s+)?text\s+of\b|"
                         # "I am forwarding below the Parish Council's response to your Regulation 28 report"
                         r"\b(?:forward(?:ing)?|send(?:ing)?\s+on)\s+(?:below|underneath)\s+"
                         r"(?:the|our|my|a|his|her|their)\s+(?:[\w’'-]+\s+){0,4}?(?:response|reply|letter)\b|"
                         r"\b(?:see|find)\s+(?:attached\s+and\s+)?(?:copied|pasted)\s+below\s+(?:the|our|my|a)\s+"
                         r"(?:[\w’'-]+\s+){0,3}?(?:response|reply|letter)\b|"
                         r"\bthe\s+text\s+(?:below|underneath)\s+is\s+(?:identical|the\s+same)\b|"
                         # "Please find attached a letter from ... For accessibility the text is also set out below."
                         r"\b(?:the|its)\s+(?:full\s+)?text\s+is\s+(?:also\s+)?"
                         r"(?:set\s+out|pasted|copied|reproduced|included)\s+(?:below|underneath)\b|"
                         # "For convenience, the text of the letter is also set out below."
                         r"\bthe\s+(?:full\s+)?text\s+of\s+(?:the|our|my|this|that)\s+(?:[\w’'-]+\s+){0,2}?(?:letter|response|reply)\s+"
                         r"(?:is\s+)?(?:also\s+)?(?:set\s+out|pasted|copied|reproduced|included)\s+(?:below|underneath)\b", re.I)
NOTE_BLOCKS = 4  # prose paragraphs a covering note over a pasted letter may have
NOTE_PROSE_LINES = 3  # lines of prose a note that only sends the response below it runs to
# a covering e-mail over another's reply it forwards: "Please see below the response of NHS England to your
# Regulation 28 report", "Please find below the Mayor's response to the Committee's letter" (read as a carrier
# only where that is all the note says; not "find below our response", the note's own answers, unless the
# note goes on to say whose message below it is: "Please treat Mark's message below as the formal response")
_RESPONSE_BELOW = re.compile(r"\b(?:see|find)\s+below\s+the\s+"
                             r"(?:(?:[\w’'-]+\s+){0,3}?(?:response|reply)\s+(?:of|from)\b|"
                             r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+['’]s\s+(?:[\w’'-]+\s+)?(?:response|reply)\b)|"
                             r"\b(?:treat|take)\s+(?:[\w’'-]+\s+){1,3}?(?:message|e-?mail|letter|text)\s+below\s+"
                             r"as\s+(?:the|our|my)\s+(?:formal\s+|official\s+|full\s+)?(?:response|reply)\b",
                             re.I)


# "Dear Mr Okonedo,": whom the greeting names (or after the same greeting in another language: "Annwyl Mr
# Okonedo / Dear Mr Okonedo")
_DEAR_WHOM = re.compile(r"\W*" + OTHER_TONGUE_GREETING + r"dear\s+(.+?)[\s,:;.!]*$", re.I)


def _greets_note_writer(blocks: list[Block], note: int, letter: int, lex: Lexicons) -> bool:
    """Whether the letter greets the note's own writer: an answer to the note, not the letter it
    carries (a reply's quoted copy of "From: Naveen Castellino ... Please find our letter below",
    then the minister's "Dear Naveen," on the next page)."""
    m = _DEAR_WHOM.match(blocks[letter].lines[0].text)
    named = {w.lower() for w in re.findall(r"[A-Z][\w'’-]{2,}", m.group(1))} if m else set()
    sender = next((ln.text for b in blocks[max(0, note - MAIL_HEAD_BLOCKS):note] for ln in b.lines
                   if _MAIL_FROM.match(ln.text)), "")
    # (a person, by name: not "Office of the Chief Executive" over "Dear Chief Executive")
    who = re.sub(r"^\W*from\s*:\s*", "", sender, flags=re.I).split("<")[0].strip(" \t\"'")
    return looks_like_person(who, lex) and bool(named & {w.lower() for w in re.findall(r"[\w'’-]+", who)})


def _carries_letter(text: str, blocks: list[Block], note: int, letter: int, lex: Lexicons) -> bool:
    """Whether the greeting at ``note`` opens a covering note whose message is the letter greeted at
    ``letter``, pasted below it in the same e-mail: one message, the letter's, not two (not a reply
    that answers a letter and copies it below: "Thank you for your letter ... reproduced below")."""
    between = blocks[note:letter]
    said = " ".join(text[between[0].start:between[-1].end].split())
    if _greets_note_writer(blocks, note, letter, lex) or prose_paragraphs(between) > NOTE_BLOCKS:
        return False
    below = _LETTER_BELOW.search(said)
    if below is None:
        return _TEXT_BELOW.search(said) is not None or (_RESPONSE_BELOW.search(said) is not None
                                                         and _says_only_that(blocks, note, letter, lex))
    # (what the letter below answers is no answer of the note's: "Please see below a letter from the
    # Minister ..., in response to the Chair's letter of 22 June")
    after = said.find(". ", below.end())
    return not lex.answers(said[:below.start()]) and not (after >= 0 and lex.answers(said[after:]))


def _says_only_that(blocks: list[Block], note: int, letter: int, lex: Lexicons) -> bool:
    """Whether the note greeted at ``note`` says one thing before its sign-off, a paragraph of a few
    lines ("Please see below the response of ..."), so the reply below is the one it sends on, not its
    own answers above its sign-off (nor the next body's letter after them)."""
    found = _find_signoff(blocks, note, letter, lex)
    if found is None:
        # (signed with a name alone, "Helen Saward" / "PA to the Managing Director", over the forwarded
        # message's header: the note is what stands above both)
        # (its words may run on under the greeting with no blank line: "Dear Coroner," / "Please see below ...")
        own = [Block(blocks[note].lines[1:], 0)] if len(blocks[note].lines) > 1 else []
        said = [b for b in own + blocks[note + 1:letter]
                if not all(signature_line(ln.text) or _HEADER_FIELD.match(ln.text) for ln in b.lines)]
    else:
        said = [Block(kept, b.gap) for b in blocks[note + 1:found[0] + 1]
                if (kept := tuple(ln for ln in b.lines if ln.start < found[1].start))]
    return prose_paragraphs(said) == 1 and prose_lines(said) <= NOTE_PROSE_LINES


def _enclosed_page(text: str, blocks: list[Block], letter: int, j: int, lex: Lexicons) -> bool:
    """Whether block ``j``, after the signature of the letter greeted at ``letter``, opens a page
    holding the plan that letter says it encloses, however short its rows (not the next letter's
    letterhead opening that page)."""
    return blocks[j].lines[0].text.startswith("\f") and not _letterhead(blocks[j], lex) \
        and not _opens_head(blocks[j].lines, 0, lex) \
        and ENCLOSES.search(text, blocks[letter].start, blocks[j].start) is not None


# a letter that gives its answers in a table under its own signature: "Our response to each of the
# recommendations ... is set out in the table below" (not "the enclosed table", a paper of its own)
TABLE_BELOW = re.compile(r"\b(?:table|schedule|grid)\s+(?:below|underneath|that\s+follows)\b|"
                          r"\bbelow\s+(?:in|is)\s+(?:a|the)\s+table\b|\b(?:following|below)\s+table\b", re.I)


def _table_below(text: str, blocks: list[Block], letter: int, j: int) -> bool:
    """Whether the blocks from ``j``, under the signature of the letter greeted at ``letter``, are the
    table that letter says is below it, starting at its header row: the letter's own, not a paper."""
    row = blocks[j].lines[0].text.strip("\f")
    return CELL_GAP.search(row.strip()) is not None and len(CELL_GAP.split(row.strip())) >= 3 \
        and TABLE_BELOW.search(unwrap(text[blocks[letter].start:blocks[j].start])) is not None


# a web page that publishes a letter, titled for it: "# Letter to the Metropolitan Police and CPS London on ..."
_LETTER_TITLE = re.compile(r"^#{1,3}\s+(?:[^\n]*\s)?letters?\b", re.I)
PAGE_INTRO_BLOCKS = 2  # paragraphs such a page says of the letter before it


def _page_of_letter(before: list[Block], head: Block | None = None) -> bool:
    """Whether what stands above a letter's head is the page that publishes it: its title names a
    letter (under the site's logo and links), and a paragraph or two introduce it ("The Commissioner
    has written to ... The responses will be published on this page"). The page and the letter are one
    document; a report is not so short."""
    # (or whose last paragraph says the letter is below: "We have today sent our response, which is
    # reproduced below.")
    below = any(_QUOTED_BELOW.search(" ".join(ln.text for ln in b.lines)) for b in before[-2:])
    # (the letter's own title may open its head, under the page's: "# Kilbarrow County Council: ..." /
    # "Published: ..." / a paragraph / "## Letter to the Chief Executive" / "Our ref: ...")
    titled = before + [head] if head is not None else before
    # (the site's furniture is no paragraph of it, however many words its links run to: "The Wayback Machine -
    # https://web.archive.org/...", "[![Office of the Ombudsman](/images/logo.svg)](/)")
    said = sum(1 for b in before if any(is_prose(_LINKS.sub(" ", ln.text)) for ln in b.lines))
    return (below or any(_LETTER_TITLE.match(b.lines[0].text.lstrip("\f")) for b in titled)) \
        and said <= PAGE_INTRO_BLOCKS


def _letters(text: str, blocks: list[Block], lex: Lexicons) -> list[tuple[int, int, Line | None, Line | None, Kind]]:
    """Letters in ``blocks`` split at their heads: (start, end, salutation, sign-off, kind)."""
    if not blocks:
        return []
    region_end = blocks[-1].end
    sal = [i for i in range(len(blocks)) if _greets(blocks, i, lex)]
    # a committee's special report that appends several bodies' responses, a letter among them or none
    # ("Appendix 2: Financial Conduct Authority Response" over "Dear Dame Rosalind, ...")
    # (the special report's own text may say "recommendations" once: two bodies' appendices say the rest)
    cuts = _response_headings(text, blocks, _APPENDIX_RESPONSE, 1) if not sal or sal[0] > 1 else []
    if len(cuts) > 1 and (not sal or sal[0] > cuts[0]):
        return _report_and_responses(text, blocks, cuts, lex)
    if not sal:
        blocks = _split_at_form_titles(blocks)
        start = blocks[0].start
        # (a coroner's report, then each body's response under its name and title, none a letter)
        # (or a report's recommendations, then the body's "Response to the report of the Investigation Panel")
        # (or the coroner's own response form, filled in, its title alone over its fields: "RESPONSE TO REGULATION
        # 28 REPORT TO PREVENT FUTURE DEATHS" / "Name of deceased: ..." / "Responding organisation: ...")
        heads = [k for k, b in enumerate(blocks) if k and (_response_head(b.lines, 0, lex) or _titled_head(b, lex)
                                                           or _response_form(blocks, k))]
        before = text[start:blocks[heads[0]].start] if heads else ""
        if heads and (lex.pfd_report.search(before) or re.search(r"\brecommend", before, re.I)) \
                and not lex.answers(before):
            return _report_and_responses(text, blocks, heads, lex)
        cut = _response_after_report(text, blocks, lex)
        if cut is not None:
            return [(start, cut, None, None, Kind.letter), (cut, region_end, None, None, Kind.reply)]
        return [(start, region_end, None, None, classify_unsaluted(text[start:region_end], lex))]

    starts = [0]
    page_cut: dict[int, int] = {}  # a start block -> the page break inside it where the segment starts
    # a report or paper before the first letter (a coroner's report, then the reply)
    head = _start_without_signoff(blocks, -1, sal[0], lex)
    before = blocks[:head]
    # (and a body's action plan on a page of its own between the report and the letter: "<form feed>HOLTBY
    # STONE LTD - ACTION PLAN / Response to Regulation 28 Report ...", then HSE's letterhead)
    plan = next((p for p in range(1, head) if _answering_page(text, blocks[p:head], blocks[head].start, lex)
                 or _response_form(blocks, p)), None)
    if plan is not None and (prose_paragraphs(blocks[:plan]) >= PROSE_BLOCKS or prose_lines(blocks[:plan]) >= PROSE_LINES):
        starts.append(plan)
    if head > 0 and not _page_of_letter(before, blocks[head]) and (
            prose_paragraphs(before) >= PROSE_BLOCKS or prose_lines(before) >= PROSE_LINES
            or _find_signoff(blocks, -1, head, lex) or _answering_page(text, before, blocks[head].start, lex)):
        starts.append(head)
    carried = set()  # a covering note's greeting: the letter pasted under it greets for the message
    for k in range(1, len(sal)):
        if _carries_letter(text, blocks, sal[k - 1], sal[k], lex):
            carried.add(sal[k - 1])
            continue
        found = _find_signoff(blocks, sal[k - 1], sal[k], lex)
        if found:
            bi, line = found
            # the sign-off's own block may carry the signature too
            inner = tuple(ln for ln in blocks[bi].lines if ln.start > line.start)
            j = end_of_signature(blocks, bi + 1, sal[k], lex, head_lines(blocks[starts[-1]:sal[k - 1]]), inner)
            j = _mail_starts(text, blocks, j, sal[k], lex)
            paged = (p := _page_starts(blocks, j, sal[k], lex)) != j  # the page from j to the greeting is its head
            j = p
            if (q := _page_under_quote(blocks, j, sal[k], lex)) is not None:
                j, page_cut[q[0]], paged = q[0], q[1], True
            while j < sal[k] and _letter_foot(blocks[j]) and not blocks[j].lines[0].text.startswith("\f"):
                # the foot of its last page ("Chair: ...   Chief Executive: ...   Registered office as above"); not
                # the same line atop the next page, the next letter's letterhead
                j += 1
            # a paper between the signature and the next letter's head (a trust's action plan, "Enc.
            # Appendix A", then the ambulance trust's letterhead): a segment of its own
            h = _start_without_signoff(blocks, j - 1, sal[k], lex)
            # (or the message a pasted e-mail quotes under its signature, then the next letter on a page
            # of its own: "From: MAIB Recommendations ... Please find attached ...", then the agency's
            # letterhead; the quote is the e-mail's, the letter starts at its letterhead)
            if h > j and _page_section(blocks, starts[-1], sal[k - 1], j, lex):
                j = h  # the page's next section ("## Response to the recommendations"): the same page's
            elif h > j and _own_enclosure(text, blocks, sal[k - 1], j, h, lex):
                # the report extract the letter sends: the letter's, up to the next letter's head, or up to
                # the page where a body's response to it begins (an action plan with no "Dear ...")
                # (its page break may fall inside a block, pdftotext leaving no blank line above it)
                plan = next(((x, ln.start) for x in range(j, h) for n, ln in enumerate(blocks[x].lines)
                             if (n or x > j) and ln.text.startswith("\f")
                             and classify_unsaluted(text[ln.start:blocks[h].start], lex) is Kind.reply), None)
                if plan is not None and plan[0] > starts[-1]:
                    starts.append(plan[0])
                    page_cut[plan[0]] = plan[1]
                j = h
            elif h > j and not paged and _table_below(text, blocks, sal[k - 1], j):
                j = h  # the letter's own table runs on to the next letter's head
            elif h > j and _appends(unwrap(text[blocks[sal[k - 1]].start:blocks[j].start])) \
                    and _classify_letter(text, blocks[sal[k - 1]].lines[0].start, blocks[j].start, lex) is Kind.reply \
                    and not _titled_head(blocks[j], lex) \
                    and classify_unsaluted(text[blocks[j].start:blocks[h].start], lex) is not Kind.reply:
                j = h  # what a reply says it reproduces at its end ("The relevant minute is reproduced at the end
                # of this letter."): the reply's, up to the next letter's head (a report's extract under the
                # letter that sends it is read above, as the report's own; an action plan "appended below" that
                # answers is a paper of its own)
            elif h > j and (foot := [x for x in range(j, h) if _page_furniture(blocks[x])]):
                # the foot of the web page that published the letter, down to its copyright line ("Office of the
                # Ombudsman, 6 Earlsfort Lane ... | Tel: ..." / "© 2024 Office of the Ombudsman | [Privacy](...)"):
                # the page's, the next letter's head under it
                j = foot[-1] + 1
            elif h > j and _own_annex(text, blocks[j:h], lex):
                j = h  # its annex of figures, up to the next letter's letterhead on a page of its own
            elif h > j and _quotes_below(blocks[j:h]):
                j = h  # the message it quotes under "On ..., X wrote:" is the e-mail's, up to the next letter's head
            elif h > j and (easy := _easy_read(blocks[j:h])) is not None:
                # the letter's Easy Read version after it, its own title over "Easy Read": a document of its own,
                # up to the next letter's head, however short its lines leave its prose
                starts.append(max(j + easy, starts[-1] + 1))
                j = h
            elif h > j and not paged and _titled_head(blocks[j], lex):
                # a body's name over the title of its answer to the report, however short its table (a trust's
                # "Regulation 28 Action Plan" between one reply's signature and the next letter's head)
                starts.append(max(j, starts[-1] + 1))
                j = h
            elif h > j and _answering_page(text, blocks[j:h], blocks[h].start, lex,
                                           head_lines(blocks[starts[-1]:sal[k - 1] + 1])):
                # (on a page of its own, "paged" or not: the page is the paper's, the next letter's head after it)
                starts.append(max(j, starts[-1] + 1))
                j = h
            elif h > j and not paged and (_paper(text, blocks[j:h], blocks[h].start, lex)
                          or _enclosed_page(text, blocks, sal[k - 1], j, lex)
                          or (_MAIL_FROM.match(_first(blocks[j])) is not None
                              and _opens_page_with_address(blocks[h], blocks[h + 1:sal[k]]))):
                starts.append(max(j, starts[-1] + 1))
                j = h
        else:
            j = _start_without_signoff(blocks, sal[k - 1], sal[k], lex)
        starts.append(max(j, starts[-1] + 1))

    # a paper after the last letter's signature (a covering letter, then the response)
    last = _find_signoff(blocks, sal[-1], len(blocks), lex)
    if last:
        tail = end_of_signature(blocks, last[0] + 1, len(blocks), lex)
        rest = blocks[tail:]
        if rest and not _table_below(text, blocks, sal[-1], tail) \
                and (_paper(text, rest, region_end, lex) or _headed_page(text, rest, region_end, lex)
                     or _statement_page(text, rest) or _later_message(blocks[starts[-1]:sal[-1]], rest)
                     or _answering_page(text, rest, region_end, lex, head_lines(blocks[starts[-1]:sal[-1] + 1]))) \
                and not (_lists_recommendations(rest) and _classify_letter(
                    text, blocks[sal[-1]].lines[0].start, rest[0].start, lex) is Kind.reply) \
                and not _own_enclosure(text, blocks, sal[-1], tail, len(blocks), lex) \
                and not _answered_inline(text[blocks[sal[-1]].start:blocks[last[0]].end], rest) \
                and not _page_section(blocks, starts[-1], sal[-1], tail, lex):
            # (the report extract a letter sends under its signature is the letter's: "The recommendations
            # from the report are reproduced on the following page.")
            starts.append(tail)
        else:
            # (or a page of it inside the signature's block, Word text leaving no blank line under the
            # signature: "Bazaarly Marketplace Ltd, 1 Quayside Yard ..." then "<form feed>Harrowdale Fire
            # and Rescue Service / Action Plan in response to Regulation 28 Report")
            paged = next(((x, n) for x in range(last[0] + 1, min(tail + 1, len(blocks)))
                          for n, ln in enumerate(blocks[x].lines) if n and ln.text.startswith("\f")), None)
            if paged is not None and paged[0] > starts[-1] and _answering_page(
                    text, [Block(blocks[paged[0]].lines[paged[1]:], 0), *blocks[paged[0] + 1:]], region_end, lex,
                    head_lines(blocks[starts[-1]:sal[-1] + 1])):
                starts.append(paged[0])
                page_cut[paged[0]] = blocks[paged[0]].lines[paged[1]].start

    owner = {}  # segment start block -> its salutation block, if any
    for bi in starts:
        nxt = min((x for x in starts if x > bi), default=len(blocks))
        owner[bi] = next((x for x in sal if bi <= x < nxt and x not in carried), None)
    out = []
    at = [page_cut.get(bi) or (_page_start(blocks[bi], lex) if k else blocks[bi].start) for k, bi in enumerate(starts)]
    # the signature above a letter's head that has the next letter's letterhead on a new page under it
    # ("Dr Lindsay Marchbank / Chief Executive / <form feed>Eastern Shires Ambulance Service NHS Trust")
    at = [p if k and bi - 1 > starts[k - 1] and (p := _page_start(blocks[bi - 1], lex)) > blocks[bi - 1].start
          else a for k, (bi, a) in enumerate(zip(starts, at))]
    for k, bi in enumerate(starts):
        start = at[k]
        end = at[k + 1] if k + 1 < len(starts) else region_end
        if owner[bi] is None:
            kind = classify_unsaluted(text[start:end], lex)
            if kind is Kind.other and _MAIL_FROM.match(_first(blocks[bi])) \
                    and _RE_SUBJECT.search(text, start, blocks[bi].end):
                kind = Kind.reply  # a message with no greeting that answers one ("Subject: Automatic reply: ...")
            elif out and out[-1][4] is Kind.reply and ENCLOSES.search(text, out[-1][0], start):
                kind = Kind.reply  # the action plan a reply encloses ("set out in the enclosed action plan")
            elif out and _easy_read(blocks[bi:bi + EASY_READ_BLOCKS]) is not None:
                kind = out[-1][4]  # the Easy Read version of the letter above: a reply if that is one
            elif kind in (Kind.other, Kind.letter) \
                    and _statement_page(text, blocks[bi:starts[k + 1] if k + 1 < len(starts) else len(blocks)]):
                # a body's statement on the report it was sent, under its own title, though it "notes the
                # coroner's concern" as a report would
                kind = Kind.reply
            out.append((start, end, None, None, kind))
            continue
        sal_line = blocks[owner[bi]].lines[0]
        nxt = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        so = _find_signoff(blocks, owner[bi], nxt, lex)
        out.append((start, end, sal_line, so[1] if so else None,
                    _classify_letter(text, sal_line.start, end, lex, text[start:sal_line.start])))
    return out


# (led by the company's name: "Lindenmoor Inns Limited. Registered in England and Wales No. 08841236.",
# "Bramwell Reproductive Health Limited, registered in England and Wales, company number 09183774.",
# or its name and address: "Harnford Citylink Buses Ltd, Depot Road, Harnford HF4 7BS. Registered in ...")
_REGISTERED = re.compile(r"^\W*(?:[^.,\n]{2,80}?\b(?:Ltd|Limited|plc|LLP|CIC|Trust|Charity)\.?"
                         r"(?:,[^.\n]{2,80}?\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?=\.))?"
                         r"(?:[.,]\s+|\s+is\s+(?:a\s+)?|,?\s+a\s+))?"
                         r"(?:(?:company|charity)\s+registered\s+in\b|registered\s+(?:in\s+(?:england|scotland|wales|northern\s+ireland)|office|charity|"
                         r"company)|(?:company|charity)\s+(?:registration\s+)?(?:no|number)\b)", re.I)
_PHONE_LINE = re.compile(r"^\W*(?:\+44\s?|0)\d[\d\s()-]{8,14}\s*$")  # "07700 900561" under a signature
_CONTACT = re.compile(r"www\.|https?://|@|\b(?:tel|t|telephone|phone)\s*:", re.I)


def _opens_page_with_address(b: Block, under: list[Block] = ()) -> bool:
    """The block opens a page (a form feed) with a letterhead: a body's name over its address, in
    the block or in the few lines ``under`` it before the "Dear ..." (Word's letterhead lines, each
    a block of its own)."""
    lines = (*b.lines, *(ln for x in under for ln in x.lines))
    return b.lines[0].text.startswith("\f") and (any(has_postcode(ln.text) for ln in b.lines) or _letterhead_at(lines, 0))


# the posts a signature's line names
_ROLE_WORDS = r"\b(?:coroner|chair|commissioner|ombudsman|inspector|director|secretary|chief|officer)\b"


# a coroner's report closes on its date and signature ("9  26 March 2042  Rosalind Tennant-Hughes,
# Area Coroner for Eastvale and Marden"): a date, then a post
_DATED_SIGNATURE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{DATE_WORDS})\s+\d{{4}}\b.*{_ROLE_WORDS}", re.I)


_NUMBER_OR_DATE = re.compile(rf"\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{DATE_WORDS})\s+\d{{4}}", re.I)


_ANNEX_TITLE = re.compile(r"^\W*(?:annexe?|appendix|enclosure)\b", re.I)


def _own_annex(text: str, run: list[Block], lex: Lexicons) -> bool:
    """Whether the pages between a letter's signature and the next letter's head are its annex
    ("Annex: complaints accepted about Northvale Delay Repay handling, 2026" over a table of
    figures): so titled, and no response of another's."""
    said = [c for b in run for ln in b.lines if (c := clean(ln.text)) and not _PAGE_FOOT.match(c)]
    # (or under the page's running head, the letter's writer and reference: "Three Counties Ambulance Service NHS
    # Trust - TCAS/PFD/25/011" over "Annex A - Obstetric education, completion at 31 March 2025")
    titled = bool(said) and (_ANNEX_TITLE.match(said[0]) is not None or (
        len(said) > 1 and _RUNNING_HEAD.search(said[0]) is not None and _ANNEX_TITLE.match(said[1]) is not None))
    return titled and classify_unsaluted(text[run[0].start:run[-1].end], lex) is not Kind.reply


# a line of a letter's printed foot: its chair and chief executive, where it is registered
_FOOT_LINE = re.compile(r"^\W*(?:chair(?:man|person)?\s*:.*\bchief\s+executive\s*:|"
                        r"registered\s+(?:office|charity|company|"
                        r"in\s+(?:england|scotland|wales|northern\s+ireland|ireland))\b|"
                        r"company\s+(?:no|number|registration)\b)", re.I)


def _letter_foot(b: Block) -> bool:
    """A block of a letter's last page's foot alone: its page number, its chair and chief executive, its registered
    office."""
    said = [c for ln in b.lines if (c := clean(ln.text))]
    return bool(said) and all(_PAGE_FOOT.match(c) or _FOOT_LINE.match(c) for c in said) \
        and any(_FOOT_LINE.match(c) for c in said)


# a page's running head naming the letter it belongs to by its reference: "... NHS Trust - TCAS/PFD/25/011"
_RUNNING_HEAD = re.compile(r"\s[-–—|]\s+(?:(?i:our|your)\s+(?i:ref(?:erence)?)\W*\s*)?"
                           r"[A-Z]{2}[A-Z0-9]*(?:/[A-Z0-9-]+){1,4}\W*$")


# "Page 3 of 3": the foot of a document's last page, whatever follows it is another's
_LAST_PAGE = re.compile(r"^\W*page\s+(\d{1,3})\s+of\s+(\d{1,3})\W*$", re.I)
# a page's number at its foot: "3", "Page 3 of 4", an agenda pack's "Pack Page 33"
_PAGE_FOOT = re.compile(r"^\W*(?:(?:pack\s+)?page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\W*$", re.I)
_PARAGRAPH_END = re.compile(r"[.!?][\"'”’)]*$")


def _ends_paragraph(lines) -> bool:
    """The page before ends on a full sentence, its page number under it: what it held has ended
    (a response paper's last answer, "... or introducing a separate annual report." over "Pack Page 33")."""
    said = [c for ln in lines if (c := clean(ln.text)) and not _PAGE_FOOT.match(c)]
    return bool(said) and _PARAGRAPH_END.search(said[-1]) is not None


def _last_page(lines) -> bool:
    """Nothing above the page break but the last page's footer ("Page 3 of 3"), or page furniture
    masked blank: what precedes has ended."""
    said = [c for ln in lines if (c := clean(ln.text))]
    return not said or (len(said) == 1 and (m := _LAST_PAGE.match(said[0])) is not None and m.group(1) == m.group(2))


def _signer(line: str, lex: Lexicons) -> bool:
    """A signature's name line, or the name under the signer's rank on the same line ("Deputy Chief
    Constable Simon Akers-Brathwaite"), as police and service letters sign."""
    if looks_like_person(line, lex):
        return True
    words = line.split()
    return any(lex.role_re.search(" ".join(words[:-n])) is not None and looks_like_person(" ".join(words[-n:]), lex)
               for n in (2, 3) if len(words) > n)


def _page_start(b: Block, lex: Lexicons) -> int:
    """Where a letter whose letterhead opens a page starts: at the page break inside its first block,
    where pdftotext puts the form feed straight under the last lines of the page before, and those
    lines close what precedes (a report's contact block: an address, a web or e-mail address, a
    telephone number, or its dated signature; a name and its posts; nothing that greets or heads a
    mail); otherwise at the block."""
    for n, ln in enumerate(b.lines[1:], 1):
        if not ln.text.startswith("\f"):
            continue
        above, below = b.lines[:n], b.lines[n:]
        if _mail_from(below, 0, lex):
            return ln.start  # an e-mail's header opens the page ("<form feed>From: ..." under "Date:<tab>15 April")
        # (in text with no blank lines the letter above runs in the same block: its signature is what
        # follows its sign-off)
        off = max((k for k, x in enumerate(above) if _is_signoff(x, lex)), default=None)
        if off is not None and 0 < len(above) - off - 1 <= 3:
            above = above[off + 1:]
        # (the report form's last section number and its date over the coroner's name: "9 / 11 June 2027")
        while len(above) > 1 and _NUMBER_OR_DATE.fullmatch(clean(above[0].text) or ""):
            above = above[1:]
        # (or a signature that is only a name and its posts: "Dr Lindsay Marchbank / Chief Executive")
        # over a body's name that opens the page, or its letterhead's address (a post over the body's
        # name: "National Medical Director / NHS England / 7 Quadrant Walk / Leeds QX3 9NE")
        # (its posts and the body it signs for: "Chair, Safety and Training Committee / British Skydiving")
        signs = len(above) <= 3 and _signer(clean(above[0].text) or "", lex) \
            and all(_ROLE_LINE.search(x.text) or _body_name(c := clean(x.text) or "", lex) or _TITLE_CASE.fullmatch(c)
                    for x in above[1:]) and (_body_name(clean(below[0].text) or "", lex)
                                             or _letterhead_at(below, 0)
                                             # (or the next writer's own name block: "Eluned Parry AS/MS /
                                             # Minister for Climate Change")
                                             or (len(below) > 1 and looks_like_person(clean(below[0].text) or "", lex)
                                                 and any(lex.role_re.search(x.text) for x in below[1:3])))
        # (or the message an e-mail quotes, "> From: ... / > Dear Joanne, ...", ends its page: the e-mail's)
        quoted = all(x.text.lstrip().startswith(">") for x in above)
        closes = quoted or (_closes_signature(above) or _DATED_SIGNATURE.search(above[-1].text) is not None or signs
                            or _last_page(above)) and not any(
            is_prose(x.text) or lex.salutation.match(clean(x.text) or "") or _MAIL_FROM.match(clean(x.text) or "")
            for x in above)
        # (its address, or on a page of its own a body's name alone: "Association of British Theatre
        # Technicians" under the last message's "Tel: 0117 496 0558")
        name = clean(below[0].text) or ""
        heads = any(has_postcode(x.text) for x in below) or _body_name(name, lex) \
            or _TITLE_CASE.fullmatch(name) is not None or (signs and looks_like_person(name, lex))
        # (or a paragraph ends the page above a letterhead, address and date: an agenda pack's next letter)
        dated = any(has_postcode(x.text) for x in below) and any(is_dateline(x.text) for x in below)
        return ln.start if (closes and heads) or (dated and _ends_paragraph(above)) else b.start
    return b.start


# "Annex: The Committee's recommendations", "Annex A - List of recommendations"
_RECOMMENDATIONS_ANNEX = re.compile(r"^\W*(?:annexe?|appendix)\b[^\n]{0,60}\brecommendations\W*$", re.I)
ANNEX_TITLE_LINES = 6  # lines after a sign-off in which the annex's title may stand, below the signature


# a letter that sends its report's recommendations with it: "For convenience, chapter 7 is attached to
# this letter.", "I enclose my report", "The recommendations are set out in the enclosed extract."
_SENDS_REPORT = re.compile(r"\b(?:enclos|attach)(?:e|ed|es|ing)?\b[^.]{0,80}\b(?:report|chapter|extract|recommendations)\b|"
                           r"\b(?:report|chapter|extract|recommendations)\b[^.]{0,80}\b(?:is|are)\s+(?:enclosed|attached)\b|"
                           r"\bpasted\s+(?:below|underneath)\b[^.]{0,80}\b(?:report|recommendations)\b|"
                           # "The recommendations from the report are reproduced on the following page."
                           r"\b(?:report|chapter|extract|recommendations)\b[^.]{0,60}\b(?:is|are)\s+(?:reproduced|copied|"
                           r"set\s+out|included)\s+(?:on\s+the\s+(?:following|next)\s+pages?|overleaf|below)\b|"
                           # "we have reproduced the relevant conclusions from Chapters 4 to 7 for ease of reference"
                           r"\breproduced\b[^.]{0,60}\b(?:report|chapters?|extract|recommendations|conclusions)\b|"
                           # "please see below the summary of recommendations from the review"
                           r"\bsee\s+below\s+(?:the|a|our)\s+(?:summary|list|extract)\s+of\s+(?:the\s+)?recommendations\b", re.I)
# a note that pastes the report itself under it: "Please find below the Regulation 28 Report issued today"
# (or "The Senior Coroner has asked me to send you the report below.")
_REPORT_BELOW = re.compile(r"(?:\b(?:see|find)\s+below\s+(?:the|a|my|our|his|her)\s+(?:[\w’'-]+\s+){0,4}?report\b|"
                           r"\b(?:send|forward|pass|share)\s+(?:(?:on\s+)?to\s+)?(?:you\s+)?(?:the|a|my|our|his|her)\s+"
                           r"(?:[\w’'-]+\s+){0,4}?report\s+(?:pasted\s+)?below\b)"
                           r"(?![^.\n]*\b(?:responses?|repl(?:y|ies)|answers?)\b)", re.I)
# a letter's own appendix, said in its body: "The relevant minute is reproduced at the end of this letter.", "A copy
# of the council's resolution is appended below." (not its response, which a covering letter's paper is)
_APPENDED = re.compile(r"\b(?:is|are)\s+(?:reproduced|copied|appended|pasted)\s+(?:in\s+full\s+)?(?:at\s+the\s+"
                       r"(?:end|foot)\s+of\s+this\s+(?:letter|e-?mail|reply)|below|overleaf)\b", re.I)
_ANSWERING_WORD = re.compile(r"\b(?:responses?|repl(?:y|ies)|answers?|action\s+plan)\b", re.I)


def _appends(said: str) -> bool:
    """Whether a letter says it reproduces something at its end, in a sentence that does not say it is the
    letter's response, reply or action plan (a covering letter's paper is a segment of its own)."""
    for m in _APPENDED.finditer(said):
        a, z = said.rfind(".", 0, m.start()) + 1, said.find(".", m.end())
        if not _ANSWERING_WORD.search(said, a, z if z >= 0 else len(said)):
            return True
    return False


OWN_RECOMMENDATIONS = 2  # recommendations an enclosed extract numbers from 1, at least
_STATUS = re.compile(r"(?:^|[-–—:.]\s+)(?:not\s+)?(?:accepted|agreed|rejected)\b", re.I)
# "1. The Trust should ...", "(1) Standard 3.1", "Recommendation 1: The JAC should ..."
# (or "R1 Write to Mr Hallworth ...": labelled as the report labels them)
_OWN_ITEM = re.compile(r"\W{0,4}(?:(\d{1,2})[.)]|recommendation\s+(\d{1,2})[.:)]|(?-i:R)(\d{1,2})\b)\s+\S", re.I)
_SHOULD_WORD = re.compile(r"\b(?:should|must)\b")  # what an extract's recommendations ask
_SIDE_LABEL = re.compile(r"\S {3,}recommendation\s+(\d{1,2})\s*$", re.I)
_RECOMMENDING_PARAGRAPH = re.compile(r"\W{0,4}\d{1,2}\.\d{1,2}\s+(?:we|the\s+(?:review\s+)?body)\s+"
                                     r"(?:therefore\s+|also\s+)?recommends?\b", re.I)
_ANSWER_LABEL = re.compile(r"^\W*(?:(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+)?response\s*:", re.I)  # "Government response:"
# (at the line's head or after a clause: "7.1 In addition to ..., HM Land Registry should:")
_ASKS_ALL = re.compile(r"(?:^|[,.]\s+)\s*(?:the\s+)?[A-Z][\w' ]{1,60}?\s+(?:should|must|is\s+recommended\s+to)\s*:\s*$")


def _own_enclosure(text: str, blocks: list[Block], letter: int, j: int, h: int, lex: Lexicons) -> bool:
    """Whether the paper under a letter's signature is the report extract the letter sends with it:
    the letter asks for replies (it answers nothing), says it encloses its report or its chapter,
    and the paper sets out numbered recommendations ("Recommendations to the Trust" / "1. The Trust
    should ..."), which the replies below answer: one mailing, the letter's (as a reply's enclosed
    action plan is a paper of its own)."""
    said = unwrap(text[blocks[letter].start:blocks[j].start])
    below = _REPORT_BELOW.search(said) is not None
    if _classify_letter(text, blocks[letter].lines[0].start, blocks[j].start, lex) is not Kind.letter \
            or not (below or _SENDS_REPORT.search(said)):
        return False
    # (numbered from 1: a report's own paragraphs, "52.", "58.", "70. ... the Council should within one month:",
    # are read in a report's own way, as a segment of their own)
    # (or under a lead-in that asks for them all: "The Council should:" over "(1) Standard 3.1 [3.1.4]")
    # (not a plan that answers them under its lead-in: "1. ... - Accepted. Published on 1 April")
    lines = [ln.text for b in blocks[j:h] for ln in b.lines]
    # (not a paper that answers them: "Government Response to the ... Report" / "Government response: The
    # Government partially accepts this recommendation."; a plan on a page of its own below the extract
    # is set apart after this)
    paper = text[blocks[j].start:blocks[h - 1].end]
    paper = paper[:paper.find("\f", 1)] if "\f" in paper[1:] else paper
    if any(_ANSWER_LABEL.match(t) for t in paper.split("\n")) or classify_unsaluted(paper, lex) is Kind.reply:
        return False
    if below:
        return True  # (the report's text, its concerns in bullets or numbered, as the note says it is)
    led = any(_ASKS_ALL.search(t) for t in lines) and not any(_STATUS.search(t) for t in lines)
    items = {int(m.group(1) or m.group(2) or m.group(3)) for t in lines
             if (m := _OWN_ITEM.match(t)) and (led or _SHOULD_WORD.search(t))}
    # (or each over its words in a column of its own, pdftotext -layout setting the report's paragraphs beside
    # it: "7.1 Over the course of this review ...   Recommendation 1" / "...   The Chief Fire Officer should")
    if any(_SHOULD_WORD.search(t) for t in lines):
        items |= {int(m.group(1)) for t in lines if (m := _SIDE_LABEL.search(t))}
    # (or a chapter's paragraphs that recommend, numbered by the paragraph: "6.4  We recommend a 4.0 per
    # cent increase ...", as the letter says: "we have numbered our recommendations by the paragraph")
    paragraphs = sum(1 for t in lines if _RECOMMENDING_PARAGRAPH.match(t))
    return set(range(1, OWN_RECOMMENDATIONS + 1)) <= items or paragraphs >= OWN_RECOMMENDATIONS


_MD_HEADING = re.compile(r"^(#{2,6})\s+\S")
SECTION_GREETING = 3  # blocks under a page's heading within which a greeting makes it a letter's


def _page_section(blocks: list[Block], top: int, greeting: int, j: int, lex: Lexicons) -> bool:
    """Whether what follows a letter's signature is the next section of the web page the letter is a
    section of: "## Letter from the Minister" over the letter, "## Response to the recommendations"
    (or its "### Recommendation 1") under it, as a GOV.UK correspondence page sets them out (html2text
    keeps the heading marks). One
    page is one document, however many sections it has; a PDF's covering letter and the paper after
    it are two."""
    if j >= len(blocks) or not (under := _MD_HEADING.match(blocks[j].lines[0].text.lstrip("\f"))):
        return False
    if any(_greets(blocks, x, lex) for x in range(j, min(j + SECTION_GREETING, len(blocks)))):
        return False  # "## Letter from Thornmoor Water ..." over "Dear Sir Alan,": the next letter's own heading
    return any((over := _MD_HEADING.match(ln.text)) and len(over.group(1)) <= len(under.group(1))
               for b in blocks[top:greeting] for ln in b.lines)


def _lists_recommendations(rest: list[Block]) -> bool:
    """Whether what follows a reply's signature is its annex listing the recommendations it
    answers ("For ease of reference the recommendations are listed in the annex"): part of the
    reply, which answers some of them by subject, not a report of its own."""
    lines = [ln for b in rest for ln in b.lines][:ANNEX_TITLE_LINES]
    return any(_RECOMMENDATIONS_ANNEX.match(ln.text) for ln in lines)


OPENING_HEAD = 1500  # characters of a letter's opening, or of a page's letterhead and title


# a news page's title saying its body has answered: "College responds to coroner's report on farm worker death"
_RESPONDS_TITLE = re.compile(r"\b(?:responds|responded|replies|replied)\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                             r"(?:report|coroner|recommendations|review|inspection|letter)\b", re.I)
# or its statement on the report it was sent: "Statement on the Regulation 28 report following the death of ...",
# over "The College has received a report to prevent future deaths from ...", "We have now responded to the Area
# Coroner's report" (not the coroner's own statement)
_STATEMENT_TITLE = re.compile(r"^\W*statement\s+(?:on|in\s+response\s+to|responding\s+to|regarding)\s+(?:the\s+|a\s+)?"
                              r"(?:[\w'’-]+\s+){0,3}?(?:report|recommendations|findings)\b", re.I)
_RECEIVED_REPORT = re.compile(r"\b(?:has|have)\s+(?:now\s+)?(?:received|responded\s+to|replied\s+to|written\s+to)\s+"
                              r"(?:a|the|your)\s+(?:[\w'’-]+\s+){0,5}?(?:report|coroner)\b", re.I)
# a body's news page published under its own title: "# England Golf statement: Hollins Moor Golf Club
# inquest", "Statement following the coroner's report", over "England Golf has responded to the Prevention of
# Future Deaths report issued by HM Senior Coroner ..."
_OWN_STATEMENT_TITLE = re.compile(r"^[\W_]*(?:[A-Z][\w&'’.-]*\s+){1,6}statement\s*:|"
                                  r"^[\W_]*statement\s+(?:following|after)\s+(?:the\s+|a\s+)?", re.I)


STATEMENT_BLOCKS = 7  # blocks of a statement's page (title, date, lead paragraphs) that say what it answers


def _statement_page(text: str, run: list[Block]) -> bool:
    """Whether blocks after a signature are a body's statement on the report it was sent, under a title of
    its own: a document of its own, however short its prose."""
    title = clean(run[0].lines[0].text) or ""
    said = text[run[0].start:run[min(len(run), STATEMENT_BLOCKS) - 1].end]
    return (_STATEMENT_TITLE.search(title) is not None or _OWN_STATEMENT_TITLE.search(title) is not None) \
        and _RECEIVED_REPORT.search(said) is not None


def _single(text: str, start: int, end: int, st: Start, lex: Lexicons) -> tuple[int, int, Line | None, Line | None, Kind]:
    """A region between two hard starts is one document, whatever letters it quotes."""
    blocks = to_blocks(split_lines(text, start, end))
    sal_i = next((i for i, b in enumerate(blocks) if lex.salutation.match(_first(b))), None)
    if sal_i is None:
        # (its own "Dear ..." under its head, PDF text leaving no blank line above it: as a reader finds it, with
        # no prose before it, where a paper's quoted letter has some)
        blocks = reading_blocks(text, lex, start, end)
        sal_i = next((i for i, b in enumerate(blocks) if lex.salutation.match(_first(b))), None)
        if sal_i is not None and prose_paragraphs(blocks[:sal_i]):
            blocks, sal_i = to_blocks(split_lines(text, start, end)), None
    sal_line = blocks[sal_i].lines[0] if sal_i is not None else None
    so = _find_signoff(blocks, sal_i, len(blocks), lex) if sal_i is not None else None
    body = text[start:end]
    if st.form is Form.report:
        kind = Kind.letter
    elif st.form is Form.response:
        kind = Kind.reply
    elif st.form is Form.qa:
        kind = Kind.qa
    else:
        # (its own: not the title of the next document, where the letter is short)
        opening = text[sal_line.start: min(end, sal_line.start + OPENING_HEAD)] if sal_line else body[:3000]
        title = clean(st.title.text) if st.title else ""
        # (or a page titled as a body's response, with no "Dear ...": "Regulation 28 Action Plan – Mrs ...")
        statement = _STATEMENT_TITLE.search(title or "") is not None and _RECEIVED_REPORT.search(body) is not None
        if lex.answers(title or "") or _RESPONDS_TITLE.search(title or "") or statement or lex.answers(opening) \
                or RESPONSE_STATEMENT.search(body) or sal_line is None \
                and response_page([ln for ln in split_lines(text, start, min(end, start + OPENING_HEAD)) if not ln.blank], 0):
            kind = Kind.reply
        elif sal_line is not None or lex.letter_title.match(re.sub(r"^#+\s*", "", title or "")):
            kind = Kind.letter
        else:
            kind = classify_document(body, lex)
    return (start, end, sal_line, so[1] if so else None, kind)


def _signed_letters(text: str, st: Start, end: int, lex: Lexicons):
    """A titled page holding whole letters one after another (a letter and its reply, each signed
    off before the next one's head), or a coroner's report page with the replies pasted under it,
    is read letter by letter, as the same letters without a title are."""
    blocks = reading_blocks(text, lex, st.offset, end)
    cuts = _response_headings(text, blocks)
    if cuts:
        return _report_and_responses(text, blocks, cuts, lex)
    sal = [i for i in range(len(blocks)) if _greets(blocks, i, lex)]
    if len(sal) == 1 and lex.pfd_report.search(text, st.offset, blocks[sal[0]].start):
        return _letters(text, blocks, lex)
    # a letter on a page of its own under the page (a body's web page of responses, then another
    # body's letter with its letterhead on the next page)
    # (or under a slide deck, markitdown's "<!-- Slide number: 6 -->" above its last slide: the deck is one
    # document and the letter after it another)
    if len(sal) == 1 and (h := _start_without_signoff(blocks, -1, sal[0], lex)) > 0 \
            and (text.startswith("\f", blocks[h].start)
                 or any(SLIDE_MARK.match(ln.text) for b in blocks[:h] for ln in b.lines)):
        (start, cut, *_), *rest = _letters(text, blocks, lex)
        return [_single(text, start, cut, st, lex), *rest] if rest else None
    if len(sal) < 2 or not all(_find_signoff(blocks, a, b, lex) for a, b in zip(sal, sal[1:])):
        # (or several, each on a page of its own, though one is signed in its run-on paragraph: a body's
        # web post, then another's e-mail "From: ..." and a third's letter, each after a page break)
        several = _letters(text, blocks, lex) if len(sal) >= 2 else []
        for k in range(1, len(several)):
            if several[k - 1][3] is None:
                # (the document above unsigned, a report or a one-paragraph e-mail: the next may start under its
                # letterhead and address on its own page)
                at = _letterhead_page(text, several[k][0], several[k - 1][0])
                several[k - 1] = (several[k - 1][0], at, *several[k - 1][2:])
                several[k] = (at, *several[k][1:])
        if len(several) > len(sal) and all(text.startswith("\f", seg[0]) for seg in several[1:]):
            (start, cut, *_), *rest = several
            return [_single(text, start, cut, st, lex), *rest]
        return None
    return _letters(text, blocks, lex)


# "### Response from NHS England, received 14 January 2026": a report's web page publishing the
# replies under it, each under a heading of its own
_RESPONSE_FROM = re.compile(r"^#{1,4}\s+(?:the\s+)?(?:response|reply)\s+(?:from|of|by)\s+(?P<body>[^,\n]+)", re.I)
REPORT_MENTIONS = 2  # "recommend..." words above the first such heading that make it a report's page


# a committee's special report that appends the replies of several bodies, each under its own
# heading: "Appendix 1: Government response", "Appendix 2: Ofgem response"
_APPENDIX_RESPONSE = re.compile(r"^\W*appendix\s+[0-9a-z]{1,3}\s*[:.–—-]\s*(?=[^\n]*\b(?:response|reply)\b)"
                                r"(?:(?:the\s+)?(?:response|reply)\s+(?:from|of|by)\s+)?(?:the\s+)?(?P<body>[^\n]{2,80}?)"
                                r"(?:['’]s)?(?:\s+(?:response|reply))?\W*$", re.I)
# what such an appendix is, not whose: "Appendix 2: Consultation response", "Appendix 3: Stakeholder response"
_NO_BODY = re.compile(r"(?:consultation|stakeholder|public|management|summary|draft|interim|final|full|initial|"
                      r"written|formal|detailed)\W*$", re.I)


def _response_headings(text: str, blocks: list[Block], heading: re.Pattern[str] = _RESPONSE_FROM,
                       mentions: int = REPORT_MENTIONS) -> list[int]:
    """The blocks of a report's page that open a reply published under it, each from another body
    (a response paper's "### Response from the Department" under every recommendation is one reply)."""
    found = [(k, m.group("body").strip(" *_.").lower()) for k, b in enumerate(blocks)
             if k and (m := heading.match(b.lines[0].text)) and not _NO_BODY.match(m.group("body"))]
    if not found or len({body for _, body in found}) < len(found) \
            or len(re.findall(r"\brecommend", text[blocks[0].start:blocks[found[0][0]].start], re.I)) < mentions:
        return []
    return [k for k, _ in found]


def _report_and_responses(text: str, blocks: list[Block], cuts: list[int], lex: Lexicons):
    """The report, then each reply from its heading: a reply that writes as a letter ("Dear Chief
    Investigator, ... Yours sincerely,") is read as one."""
    out = []
    bounds = [0, *cuts, len(blocks)]
    for a, z in zip(bounds, bounds[1:]):
        piece = blocks[a:z]
        start, stop = piece[0].start, piece[-1].end
        if a == 0:
            out.append((start, stop, None, None, Kind.letter))
        elif any(_greets(piece, i, lex) for i in range(len(piece))):
            letters = _letters(text, piece, lex)  # published as responses, whatever their openings say
            out += [(start if i == 0 else x[0], *x[1:4], Kind.reply) for i, x in enumerate(letters)]
        else:
            out.append((start, stop, None, None, Kind.reply))
    return out


_NAME_LINE = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|HHJ)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?"
                        r"(?:\s+[A-Z][a-z'’-]+){1,2}$")
_TITLE_LEAD = re.compile(r"(?:\s+(?:HM|His|Her|Majesty['’]s|Senior|Area|Assistant|Deputy|Acting|Chief))*\s*$")
_ROLE_LINE = re.compile(_ROLE_WORDS, re.I)
# prose lines that make what precedes the first letter a document of its own, where PDF
# text without blank lines gives it as a single paragraph
PROSE_LINES = 4


def prose_paragraphs(blocks: list[Block]) -> int:
    return sum(1 for b in blocks if any(is_prose(ln.text) for ln in b.lines))


def prose_lines(blocks: list[Block]) -> int:
    """Lines of prose: what counts where PDF text with no blank lines has no paragraphs to count."""
    return sum(1 for b in blocks for ln in b.lines if is_prose(ln.text))


def reading_blocks(text: str, lex: Lexicons, start: int = 0, end: int | None = None) -> list[Block]:
    """Paragraphs as a reader of letters sees them: a signature apart from the next letter's
    letterhead glued under it, and a "Dear ..." apart from the head above it (a web page of replies
    as much as a file of them)."""
    return _titled_responses(_enclosed_titles(_salutation_blocks(_unglued_signatures(
        _paged_mail_heads(to_blocks(split_lines(text, start, end))), lex), lex), lex), lex)


def _paged_mail_heads(blocks: list[Block]) -> list[Block]:
    """An Outlook print opens each message's page with its header under the last message's signature,
    no blank line between ("... Birmingham B2 5QP" / "\fFrom: Marcus Ellery <...>"): the header opens a
    paragraph, and the address above it closes the signature, not the next letter's letterhead."""
    out: list[Block] = []
    for b in blocks:
        cuts = [k for k in range(1, len(b.lines))
                if b.lines[k].text.startswith("\f") and _MAIL_FROM.match(b.lines[k].text)]
        for lo, hi in zip([0, *cuts], [*cuts, len(b.lines)]):
            out.append(Block(b.lines[lo:hi], b.gap if lo == 0 else 0))
    return out


# the title of a body's response to a coroner's report, under the body's name: "Response to Regulation 28
# Report to Prevent Future Deaths: Mrs Eileen Marsh"
# (or the action plan a body returns in its place: "Regulation 28 Action Plan – Miss Joanne Marie Pell – v1.3")
_PFD_RESPONSE_TITLE = re.compile(r"^\W*(?:our\s+|the\s+)?response\s+to\s+(?:the\s+|your\s+|a\s+)?(?:regulation\s+28|"
                                 r"prevention\s+of\s+future\s+deaths|report\s+to\s+prevent)\b|"
                                 r"^\W*(?:regulation\s+28|prevention\s+of\s+future\s+deaths|pfd)\s+(?:report\s+)?"
                                 r"(?:response\s+and\s+)?action\s+plan\b", re.I)


# a form's fields that name the response's writer or its subject ("Responding organisation:", "Name of deceased:")
# (a form's field, its value after a colon or, in Word's text of a table, a tab: "Name of deceased<tab>Calum ...")
_RESPONSE_FIELD = re.compile(r"^\W*(?:responding\s+organi[sz]ation|name\s+of\s+(?:the\s+)?deceased|name\s+(?:and\s+"
                             r"(?:role|job\s+title|position)\s+)?of\s+(?:the\s+)?person\s+responding)\s*(?::|\t)", re.I)
FORM_FIELD_LINES = 8  # lines under a response form's title within which its fields start


def _response_form(blocks: list[Block], k: int) -> bool:
    """Block ``k`` opens with the title of a response to a coroner's report, and a form's fields that
    name who responds or whose death it was follow within a few lines, one at least filled in: a response
    form returned (a blank one the report attaches for the reply is the report's)."""
    if not _form_title(blocks[k].lines[0].text):
        return False
    lines = [ln for x in blocks[k:k + FORM_FIELD_LINES] for ln in x.lines][1:FORM_FIELD_LINES]
    return any((m := _RESPONSE_FIELD.match(ln.text)) and ln.text[m.end():].strip(" \t_.") for ln in lines)


def _split_at_form_titles(blocks: list[Block]) -> list[Block]:
    """Blocks split where a page opens with a response form's title inside one: pdftotext leaves no blank
    line between the coroner's signature and the form feed over "Regulation 28 response form"."""
    out = []
    for b in blocks:
        cuts = [j for j, ln in enumerate(b.lines) if j and ln.text.startswith("\f") and _form_title(ln.text)]
        for lo, hi in zip([0, *cuts], [*cuts, len(b.lines)]):
            out.append(Block(b.lines[lo:hi], b.gap if lo == 0 else 0))
    return out


# (or the Scottish courts' form for a fatal accident inquiry's: "RESPONSE TO RECOMMENDATIONS", its fields under it)
_RESPONSE_FORM_TITLE = re.compile(r"^\W*(?:(?:regulation\s+28|pfd|prevention\s+of\s+future\s+deaths)\s+(?:report\s+)?"
                                  r"response(?:\s+form)?|response\s+to\s+recommendations)\W*$", re.I)


def _form_title(line: str) -> bool:
    """A line that titles a response to a coroner's report, or her response form, a page's form feed aside."""
    title = line.strip("\f \t")
    return bool(_PFD_RESPONSE_TITLE.match(title) or _RESPONSE_FORM_TITLE.match(title))


def _response_head(lines: tuple[Line, ...], k: int, lex: Lexicons) -> bool:
    """Line ``k`` is a body's name over the title of its response to a coroner's report (the title tested
    first: this runs on every line, and few are titles)."""
    # (not a sentence wrapped over it: "... authorised by the Trust's Chief Executive to make this statement in" /
    # "response to the Report to Prevent Future Deaths issued by ...")
    return k + 1 < len(lines) and _PFD_RESPONSE_TITLE.match(lines[k + 1].text) is not None \
        and lines[k].text.strip()[:1].isupper() and _body_name(lines[k].text.strip(), lex)


def _titled_responses(blocks: list[Block], lex: Lexicons) -> list[Block]:
    """Word text with no blank lines runs a coroner's signature into the response under it ("Assistant
    Coroner for Westvale" / "Harrowfield Community Health NHS Trust" / "Response to Regulation 28 Report
    ..."): the response's head, the body's name over that title, is a paragraph of its own; so is a web
    mail's message header."""
    out: list[Block] = []
    for b in blocks:
        cuts = [k for k in range(1, len(b.lines) - 1) if _response_head(b.lines, k, lex)]
        # (and a web mail's print runs a message's header into the last lines of the one before: its subject,
        # "Sender <address>", "Tue 10/06/2025 16:21" under "Chair, Severn Vale Housing Complaints Panel")
        cuts += [k - 1 for k in range(2, len(b.lines)) if _owa_sender(b.lines, k)]
        cuts += [k for k in range(1, len(b.lines)) if _GMAIL_SENDER.match(b.lines[k].text)]
        cuts = sorted(set(cuts))
        for lo, hi in zip([0, *cuts], [*cuts, len(b.lines)]):
            out.append(Block(b.lines[lo:hi], b.gap if lo == 0 else 0))
    return out


# "Enc.<tab>Trust Board response and action plan (version 1.3)", "Enclosure: Response to the review"
_ENCLOSURE_LINE = re.compile(r"^\W*(?:encs?|encls?|enclosures?)\b\.?\s*:?\s*(?P<title>\S.{8,})$", re.I)
SIGNATURE_SPAN = 12  # lines from the sign-off to the enclosure line under its signature
TITLE_GAP = 3  # lines from the enclosure line to the enclosed document's title (its body's name above it)
TITLE_WORDS = 3  # words of the enclosure's name its title must repeat, at least


def _words_of(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _enclosed_titles(blocks: list[Block], lex: Lexicons) -> list[Block]:
    """Word text with no blank lines runs a covering letter's signature, its "Enc. Trust Board
    response and action plan" line and the enclosed paper ("Quexley and Ryburn Hospitals NHS
    Foundation Trust" / "Trust Board Response and Action Plan" / ...) into one paragraph: where the
    enclosure's name comes back as a title within a few lines, the paper starts under the letter's
    enclosure and copy lines, a paragraph of its own."""
    out: list[Block] = []
    for b in blocks:
        lines, cut = b.lines, None
        signed = next((k for k, ln in enumerate(lines) if _is_signoff(ln, lex)), None)
        for k in range(signed + 1, min(len(lines), signed + SIGNATURE_SPAN)) if signed is not None else ():
            m = _ENCLOSURE_LINE.match(clean(lines[k].text) or "")
            named = _words_of(m.group("title")) if m else []
            if len(named) < TITLE_WORDS:
                continue
            title = next((t for t in range(k + 1, min(len(lines), k + 1 + TITLE_GAP))
                          if len(w := _words_of(lines[t].text)) >= TITLE_WORDS and named[:len(w)] == w), None)
            if title is not None:
                cut = next(t for t in range(k + 1, title + 1) if not lex.cc_line.match(clean(lines[t].text) or ""))
            break
        if cut is None:
            out.append(b)
            continue
        out += [Block(lines[:cut], b.gap), Block(lines[cut:], 0)]
    return out


HEAD_NAME_WORDS = 8  # words a body's name opening its letterhead may have ("Civil Aviation Authority")


def _opens_head(lines: tuple[Line, ...], k: int, lex: Lexicons) -> bool:
    """Whether line ``k``, opening a page, opens the next letter's head (a body's name alone, or over
    its address): the page break then cuts nothing off the signature above; _page_start decides."""
    name = clean(lines[k].text) or ""
    return _letterhead_at(lines, k) or (_body_name(name, lex) and len(name.split()) <= HEAD_NAME_WORDS)


def _salutation_blocks(blocks: list[Block], lex: Lexicons) -> list[Block]:
    """In PDF text with no blank lines a letter's "Dear ..." sits mid-paragraph, under its letter
    head: it starts a paragraph of its own, as it does in a letter laid out with blank lines."""
    out: list[Block] = []
    for n, b in enumerate(blocks):
        cut: list[int] = []
        pages: set[int] = set()  # cuts at a new page, whose first line may open the next letter's head
        # (the sign-off may close the paragraph above, the signature under it running on to the page break)
        signed_above = bool(n) and _is_signoff(blocks[n - 1].lines[-1], lex)
        for k, ln in enumerate(b.lines):
            if k and _mail_from(b.lines, k, lex):
                # "From: ..." straight under the signature of the letter it answers (with the header's
                # lines above it: "Subject: RE: ..." / "Date: ...")
                h = k
                while h > 0 and lex.mail_header.match(b.lines[h - 1].text) and not _MAIL_FROM.match(b.lines[h - 1].text):
                    h -= 1
                cut.append(h)
                continue
            above = b.lines[max(cut, default=0):k]
            if k and ln.text.startswith("\f") and not looks_like_person(clean(ln.text) or "", lex) \
                    and (any(_is_signoff(x, lex) for x in above) or (signed_above and not cut and not _opens_head(b.lines, k, lex)) or (
                        _letterhead_at(b.lines, k) and not any(_CONTACT.search(x.text) or _PHONE_LINE.match(x.text)
                                                               for x in above))):
                # a new page under a signature ("Yours sincerely", or a sheriff's name and office): the
                # next letter, or the paper it covers (under a contact block, _page_start finds it; a
                # name opening the page is the signature going on)
                cut.append(k)
                pages.add(k)
                continue
            if not k or not lex.salutation.match(clean(ln.text) or "") \
                    or _no_greeting(b.lines[k - 1].text, ln.text, b.lines[k + 1].text if k + 1 < len(b.lines) else "") \
                    or (k + 1 < len(b.lines) and _LISTED_GREETING.match(ln.text)):
                continue
            if ln.text.lstrip().startswith(">") and any(x.text.lstrip().startswith(">") for x in b.lines[:k]):
                continue  # ("> On 2 Feb, Helen Marsh wrote:" / ">> Thanks" / ">>> Dear Ms Forde,": the reply's quote)
            # its letter head, as far as the text above allows (not into the letter before)
            floor = (cut[-1] if cut[-1] in pages else cut[-1] + 1) if cut else 0
            cut += [max(_head_lines(b.lines, k), floor), k]
        cut = sorted({x for x in cut if x > 0})
        for lo, hi in zip([0] + cut, cut + [len(b.lines)]):
            out.append(Block(b.lines[lo:hi], b.gap if lo == 0 else 0))
    return out


# a mail account's name and address, as a web mail prints them: "Dan Harwood <dan@harwoodleisure.co.uk>"
MAIL_NAME = r"[^<>:\n]{1,80}<[^<>\s]+@[^<>\s]+>"
# "From: ...", or the line a web mail's print opens each message with: "Name <address>   Tue, 4 Jun 2024 at 14:52"
# (set out in the reader's locale: "Tue, Jun 4, 2024 at 2:52 PM" in the United States)
GMAIL_SENDER = MAIL_NAME + r"\s{2,}(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+" \
               r"(?:\d{1,2}\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,2},?)\s+\d{4}" \
               r"(?:,?\s+at\s+\d{1,2}:\d{2}(?:\s*[ap]m)?)?\s*$"
# (or Lotus Notes' memo head, its sender by the hierarchical name Notes gives: "Colm Harkin/CMB/PSNI", "Ciaran
# Mulholland/DOJ/NIGOV      To  Committee Justice/NIA@NIA")
LOTUS_SENDER = r"(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]*){1,3}(?:/[A-Z][A-Za-z&.-]{1,19}){2,4})(?:\s{3,}to\s+\S.*)?\s*$"
_MAIL_FROM = re.compile(r"^\W*(?:from\s*:\s*\S|" + GMAIL_SENDER + "|" + LOTUS_SENDER + ")", re.I)
_LOTUS_HEAD = re.compile(r"^\W*" + LOTUS_SENDER, re.I)
_FIRST_NAME = re.compile(r"(?-i:[A-Z][a-z'’-]+)")
# a group greeted with no comma, which is no one's first name: "All", "Colleagues"
_GROUP_WORD = re.compile(r"all|colleagues|everyone|everybody|team|folks|both|hi|hello|morning|afternoon", re.I)
# the line Lotus Notes sets over a message sent on: "----- Forwarded by Committee Justice/NIA on 15/04/2014 09:14 -----"
_FORWARDED_BY = re.compile(r"^\W*-{3,}\s*forwarded\s+by\s+[^\n]{2,120}?-{3,}\s*$", re.I)
_GMAIL_SENDER = re.compile(r"^\W*" + GMAIL_SENDER, re.I)  # (its own line: "To:" may stand apart)
# Outlook on the web's print: the subject, then "Name <address>" alone, then "Tue 10/06/2025 16:21", then "To:"
_OWA_SENDER = re.compile(r"^\W*" + MAIL_NAME + r"\s*$")
_OWA_SENT = re.compile(r"^\W*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*$",
                       re.I)
SUBJECT_LINES = 2  # lines of an Outlook print's subject above its sender
# a web mail print's subject: "RE: Review of ..."
_REPLY_SUBJECT = re.compile(r"^\W*(?:re|fw|fwd|aw|sv)\s*:\s*\S", re.I)


def web_mail_head(b: Block) -> bool:
    """A web mail's print opens this block with a message's header: Gmail's "Name <address>   Tue, 4 Jun
    2024 at 14:52", or Outlook's subject over "Name <address>" over "Tue 10/06/2025 16:21". The message
    starts there: whatever stands above it closes the one before (its signature, a table's last row)."""
    return _GMAIL_SENDER.match(b.lines[0].text) is not None \
        or any(_owa_sender(b.lines, k) for k in range(SUBJECT_LINES + 1))


def _owa_sender(lines: tuple[Line, ...], k: int) -> bool:
    """Line ``k`` is the sender of an Outlook on the web print: "Name <address>" over "Tue 10/06/2025 16:21"
    (or over its "To:" and "Cc:" lines first, as a copy from the reading pane gives them)."""
    if k + 1 >= len(lines) or _OWA_SENDER.match(lines[k].text) is None:
        return False
    below = list(takewhile(lambda ln: _OWA_BETWEEN.match(ln.text), lines[k + 1:k + 1 + OWA_BETWEEN_LINES]))
    return k + 1 + len(below) < len(lines) and _OWA_SENT.match(lines[k + 1 + len(below)].text) is not None


# what a reading pane copy sets between the sender and the date: "To:\u200e\u200bScrutiny Office", a line of
# zero-width spaces
_OWA_BETWEEN = re.compile(r"^[\s\u200b\u200e\u200f\ufeff]*(?:(?:to|cc|bcc)[\s\u200b\u200e\u200f]*:.*)?$", re.I)
OWA_BETWEEN_LINES = 5
# the sender's initials over the sender, where the avatar was: "ME"
_AVATAR = re.compile(r"^\s*[A-Z]{1,3}\s*$")
# the furniture Gmail prints over a message: its head "04/03/2025, 16:47     Gmail - Re: ...", the account printed
# from "Name <address>" (or "Gmail     Name <address>"), and under the subject the count "1 message"
GMAIL_HEAD = r"^\W*(?:\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[ap]m)?\s+)?gmail\s+-\s+\S"
_GMAIL_HEAD = re.compile(GMAIL_HEAD, re.I)
_GMAIL_PRINT = re.compile(GMAIL_HEAD + r"|^\W*(?:gmail\s+)?" + MAIL_NAME + r"\s*$|^\s*\d{1,3}\s+messages?\s*$", re.I)
# a footnote: "[1] The ...", "² Revised in 2023" (not a text browser's link numbers, "[1]Skip to main content")
_NOTE_LINE = re.compile(r"^\s*(?:\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]+)\s+\S")
GMAIL_PRINT_BLOCKS = 3  # blocks of that furniture over the message's own header


def _print_furniture(b: Block) -> bool:
    """A block that may be Gmail's print furniture: a line alone, or two lines of it (the subject over
    "1 message")."""
    return len(b.lines) == 1 or len(b.lines) == 2 and all(
        _GMAIL_PRINT.match(ln.text) or (n == 0 and _REPLY_SUBJECT.match(ln.text)) for n, ln in enumerate(b.lines))


def _gmail_print_top(blocks: list[Block], j: int, prev_sal: int) -> int:
    """The block Gmail's print of the message headed at block ``j`` starts with: its print head, when the
    blocks between are only the account, the subject and the message count."""
    k = j
    while k - 1 > prev_sal and j - k < GMAIL_PRINT_BLOCKS and _print_furniture(blocks[k - 1]):
        k -= 1
        if _GMAIL_HEAD.match(blocks[k].lines[0].text):
            return k
    return j
# a body's name in title case and nothing else: "British Ice Skating", "Association of British Theatre Technicians"
_TITLE_CASE = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|" + "|".join(sorted(NAME_FILLER)) + r")){1,7}")
LETTERHEAD_LINES = 7  # lines from a page's first in which a letterhead's postcode stands


def _letterhead_at(lines: tuple[Line, ...], k: int) -> bool:
    """Whether line ``k`` may open a letterhead: a short line with no full stop, as a body's name is, over an
    address whose postcode follows within a few lines."""
    first = clean(lines[k].text) or ""
    return len(first.split()) <= 8 and not sentence_end(first) \
        and any(has_postcode(x.text) for x in lines[k:k + LETTERHEAD_LINES])


def _mail_starts(text: str, blocks: list[Block], j: int, sal: int, lex: Lexicons) -> int:
    """Where the next letter starts, ``j`` or below it: an e-mail's header ("From: ... <...@...>" /
    "Sent: ...") under the last message's signature starts it, and what lies between (its "Our ref",
    its confidentiality notice) is the last message's; not a letterhead, nor a paper."""
    m = next((x for x in range(j, sal) if _GMAIL_SENDER.match(blocks[x].lines[0].text) or (
        lex.mail_header.match(blocks[x].lines[0].text) and any(
            _mail_from(blocks[x].lines, k, lex) and "@" in ln.text for k, ln in enumerate(blocks[x].lines)))), None)
    # the header's lines above its "From:" ("Subject: RE: ..." / "Date: ...")
    while m is not None and m > j and all(lex.mail_header.match(ln.text) for ln in blocks[m - 1].lines):
        m -= 1
    if m is None or m == j or any(_letterhead(blocks[x], lex) for x in range(j, m)) \
            or _paper(text, blocks[j:m], blocks[m].start, lex) \
            or _answering_page(text, blocks[j:m], blocks[m].start, lex) or _easy_read(blocks[j:m]) is not None:
        return j
    return m
FOOTER_LINES = 8  # lines of a page's foot (related links, "Back to top", the publisher's address)


def _page_under_quote(blocks: list[Block], j: int, sal: int, lex: Lexicons) -> tuple[int, int] | None:
    """(block, offset) of the page break that ends the message an e-mail quotes under its signature
    ("> From: ... / > Dear Joanne, please find attached ...", or "-----Original Message----- / From: ...
    / Please find attached ..."), where the next letter's head opens the page (pdftotext may leave no
    blank line above its form feed, the quote and the letterhead sharing a block). None where the
    blocks from ``j`` are no such quote, or the page it runs to holds no letter's head."""
    if j >= sal:
        return None
    first = blocks[j].lines[0].text
    marked = first.lstrip().startswith(">")
    # (on the signature's page: a covering e-mail on a page of its own is the next letter's)
    if first.startswith("\f") or not (marked or _ORIGINAL_MESSAGE.match(first) or lex.mail_header.match(first)):
        return None
    lines = [(x, n, ln) for x in range(j, sal) for n, ln in enumerate(blocks[x].lines)]
    for k, (x, n, ln) in enumerate(lines):
        if k > QUOTE_LINES:
            return None  # (a letter quoted in full under "-----Original Message-----" breaks its own pages)
        if ln.text.startswith("\f") and (n or x > j):
            head = [y.text for _, _, y in lines[k:]]
            return (x, ln.start) if any(is_dateline(y) or has_postcode(y) for y in head) else None
        if marked and not ln.text.lstrip().startswith(">"):
            return None
    return None


QUOTE_LINES = 15  # lines of a covering message quoted under a holding e-mail's signature


def _page_starts(blocks: list[Block], j: int, sal: int, lex: Lexicons) -> int:
    """Where the next letter starts, ``j`` or below it: a letter whose head opens a page of its own (a
    form feed, then its letterhead, address and date) starts at that page, and what lies between it
    and the last letter's signature (a web page's related links, "Back to top", its footer) is the
    last one's."""
    p = next((x for x in range(j + 1, sal) if blocks[x].lines[0].text.startswith("\f")), None)
    # (a few lines of furniture: not an enclosed plan, however short, nor a letter)
    # (nor a covering e-mail's header, "From: ... / Sent: ...", nor a dated note: the next letter's own)
    if p is None or sum(len(b.lines) for b in blocks[j:p]) > FOOTER_LINES \
            or any(_greets(blocks, x, lex) for x in range(j, p)) \
            or any(lex.mail_header.match(ln.text) or is_dateline(ln.text) for b in blocks[j:p] for ln in b.lines):
        return j
    head = [ln.text for b in blocks[p:sal] for ln in b.lines]
    return p if any(is_dateline(ln) or has_postcode(ln) for ln in head) else j


# a minister's letterhead: "From the Minister for Early Education"
_MINISTER_FROM = re.compile(r"^\W*from\s+the\s+(?:rt\.?\s+hon\.?\s+)?(?:minister|secretary of state|"
                            r"parliamentary under|permanent secretary|chief secretary)\b", re.I)


def _header_over_quote(blocks: list[Block], j: int, prev_sal: int, lex: Lexicons) -> int | None:
    """The block of the e-mail header over the message a reply quotes above its greeting (block ``j``),
    as a mail program that sets the reply under the quote writes it: "Date: ... / From: ... / Subject: Re:
    ...", "On Tue, Dec 03, 2024 at 11:20:14AM +0000, X wrote:", the quoted lines set off by ">", then "Dear
    Mr Reeve,". None where no such quote and header stand above."""
    k = j - 1
    while k > prev_sal and all(ln.text.lstrip().startswith(">") for ln in blocks[k].lines):
        k -= 1
    if k <= prev_sal or not _WROTE.match(blocks[k].lines[0].text) \
            or not all(ln.text.lstrip().startswith(">") for ln in blocks[k].lines[1:]):
        return None
    head = blocks[k - 1].lines
    if k - 1 <= prev_sal or not lex.mail_header.match(head[0].text) \
            or not any(_mail_from(head, n, lex) for n in range(len(head))):
        return None
    return k - 1


def _mail_from(lines: tuple[Line, ...], k: int, lex: Lexicons) -> bool:
    """Line ``k`` opens an e-mail's header: "From: ..." with "Sent:", "To:" or "Date:" under it."""
    return bool(_MAIL_FROM.match(lines[k].text)) and k + 1 < len(lines) \
        and bool(lex.mail_header.match(lines[k + 1].text)) and not _MAIL_FROM.match(lines[k + 1].text)


def _head_lines(lines: tuple[Line, ...], sal: int) -> int:
    """Where the letter head above line ``sal`` starts: the lines back to prose or to a second
    date (the one above belongs to what comes before, such as a coroner's report)."""
    j, seen_date = sal, False
    while j > 0 and not _head_prose(lines[j - 1].text):
        dated = bool(_HAS_DATE.search(lines[j - 1].text))
        if dated and seen_date:
            # the name and role under the earlier date sign what comes before
            if j < sal and _NAME_LINE.match(clean(lines[j].text) or ""):
                j += 1
                if j < sal and _ROLE_LINE.search(lines[j].text):
                    j += 1
            break
        seen_date = seen_date or dated
        j -= 1
    return j


def _greeting(text: str, sal: Line | None) -> str | None:
    """"Dear Mr Okonedo," as "mr okonedo": whom a letter greets, by name."""
    if sal is None:
        return None
    m = _DEAR_WHOM.match(text[sal.start:sal.end])
    who = " ".join(m.group(1).lower().split()) if m else None
    # "Dear Coroner", "Dear Sir or Madam": a greeting by office, not by name, says nothing of who writes
    return who if who and len(who.split()) >= 2 and not re.match(r"(?:sir|madam|colleague|all)\b", who) else None


# the addressee block of a letter to a coroner: "Mr Owain Pritchard / Assistant Coroner, Saltmarsh and
# Fenwold", "Ms Helen Sagar / Senior Coroner for Greater Wexcombe"
_ADDRESSEE_PERSON = re.compile(r"^\W*(?:mr|mrs|ms|miss|dr|professor|prof|sir|dame|his honour|hh)\.?\s+(?:[A-Z][.\w'’-]*\s+){0,3}([A-Z][\w'’-]+)\s*,?$", re.I)
_CORONER_POST = re.compile(r"^\W*(?:hm\s+|his majesty['’]s\s+)?(?:(?:senior|area|assistant|deputy|acting)\s+)*coroner\b", re.I)
ADDRESSEE_LINES = 8  # lines above a "Dear ..." in which its addressee block stands
SIGNATURE_CHARS = 200  # characters at a letter's end in which its signature stands


# the findings of a coroner outside England and Wales, with the recommendations the letters below answer:
# Western Australia's "RECORD OF INVESTIGATION INTO DEATH", Victoria's "FINDING INTO DEATH WITH INQUEST",
# Queensland's "Findings of Inquest"
# (each a title opening its line: not "the Finding into Death with Inquest" named in a minister's letter)
_CORONER_FINDINGS = re.compile(r"^\W*(?:record\s+of\s+investigation\s+into\s+death|finding\s+into\s+death|"
                               r"findings?\s+of\s+(?:the\s+)?inquest)\b", re.I | re.M)
# "Dear Coroner", "Dear HM Senior Coroner": a greeting a coroner's own letter never opens with
_DEAR_CORONER = re.compile(r"^\W*dear\s+(?:hm\s+|his\s+majesty['’]s\s+)?(?:(?:senior|area|assistant)\s+)?coroner\b",
                           re.I)
# the report's own words on who wrote it: "I am Nathaniel Crewe, Senior Coroner for the area of ..."
_I_AM_CORONER = re.compile(r"\bI\s+am\s+(?:[A-Z][\w'’-]*\.?\s+){0,3}(?P<surname>[A-Z][\w'’-]+),?\s+(?:HM\s+)?"
                           r"(?:(?:Senior|Area|Assistant|Deputy|Acting)\s+)*Coroner\b")

_CORONER_FIELD = re.compile(r"^[ \t|*_]*(?i:coroner)[ \t*_]*:[ \t*_]*(?:(?:HHJ|Dr|Mr|Mrs|Ms|Miss)\.?\s+)?"
                            r"(?:[A-Z][\w'’-]*\.?[ \t]+){0,3}(?P<surname>[A-Z][\w'’-]+)\b", re.M)
_SIGNED_CORONER = re.compile(r"^[ \t]*(?:[A-Z][\w'’-]*\.?[ \t]+){1,3}(?P<surname>[A-Z][\w'’-]+)[ \t]*\n[ \t]*(?:HM\s+)?"
                             r"(?:(?:Senior|Area|Assistant|Deputy|Acting)\s+)*Coroner\b", re.M)


def _greets_the_coroner(text: str, sal: Line | None, report: str) -> bool:
    """Whether a letter under a coroner's report greets its writer: "Dear Coroner", or "Dear Mr Crewe" where
    the report says "I am Nathaniel Crewe, Senior Coroner ...": a reply, however it opens."""
    if sal is None:
        return False
    said = text[sal.start:sal.end]
    if _DEAR_CORONER.match(said):
        return True
    # (or named in the report's own field, "Coroner:   Teresa Allonby-Marsh, Senior Coroner for Cumbria", or
    # signed over the post, "Teresa Allonby-Marsh / HM Senior Coroner for Cumbria")
    m = _I_AM_CORONER.search(report) or _CORONER_FIELD.search(report) or _SIGNED_CORONER.search(report)
    who = _DEAR_WHOM.match(said)
    return m is not None and who is not None and len(who.group(1).split()) >= 2 \
        and who.group(1).split()[-1].strip(",.").lower() == m.group("surname").lower()


# an e-mail's header sending it to the coroner's office: "To: Cleveshire Coroners <coroners@cleveshire.gov.uk>"
_TO_CORONER = re.compile(r"^[\W_]*to[*_]*\s*:[^\n]*\bcoroners?(?:['’]s?)?\b", re.I | re.M)
_FROM_OR_SENT = re.compile(r"^[\W_]*(?:from|sent)[*_]*\s*:", re.I | re.M)
MAIL_HEAD_CHARS = 600  # characters of an e-mail's header above its "Dear ..."


def _mailed_to_coroner(text: str, start: int, sal: Line | None) -> bool:
    """An e-mail under the coroner's report sent to the coroner's office, with its header over its
    "Dear Sir/Madam" (a provider asking for more time, its answer): it answers the report."""
    if sal is None or sal.start - start > MAIL_HEAD_CHARS:
        return False
    head = text[start:sal.start]
    return _TO_CORONER.search(head) is not None and _FROM_OR_SENT.search(head) is not None


def _to_the_coroner(text: str, start: int, end: int, sal: Line | None, who: str | None, report: str) -> bool:
    """A letter whose addressee block, over its "Dear ...", is the coroner who signed the report above
    (a name the report bears, then a coroner's post), greeted as such or as "Dear Sir": a reply
    however it opens ("I am the Managing Director ... and I respond on behalf of the company"). A
    coroner's own letter has its letterhead there, over someone else's name and greeting."""
    if sal is None:
        return False
    head = [ln.strip() for ln in text[start:sal.start].splitlines() if ln.strip()]
    lines = head[-ADDRESSEE_LINES:]
    for k, (above, line) in enumerate(zip(lines, lines[1:])):
        m = _ADDRESSEE_PERSON.match(above)
        # (not the letter's own first lines: there the coroner's name and post are the letterhead of a
        # letter the coroner writes, as is a letter the coroner signs)
        if m and _CORONER_POST.match(line) and m.group(1) in report and len(head) - len(lines) + k > 0 \
                and m.group(1) not in text[sal.end:end][-SIGNATURE_CHARS:]:
            return who is None or who.split()[-1] == m.group(1).lower()
    return False


def segment(text: str, lex: Lexicons) -> list[Segment]:
    """Segments of ``text`` in file order; each runs to the next one's start."""
    blocks = reading_blocks(text, lex)
    if not blocks:
        return []
    starts = hard_starts(text, lex)
    found: list[tuple[tuple[int, int, Line | None, Line | None, Kind], Form, Line | None]] = []
    lead_end = starts[0].offset if starts else len(text)
    # (cut at the first start: in PDF text with no blank lines the block that ends the lead runs on past it)
    straddles = any(b.start < lead_end < b.end for b in blocks)
    lead = reading_blocks(text, lex, 0, lead_end) if straddles else [b for b in blocks if b.start < lead_end]
    if lead:
        # (or greets as an e-mail or a memo does, "David," under its "To:" / "From:" / "Subject:" head)
        has_letter = any(lex.salutation.match(_first(b)) for b in lead) or any(_greets(lead, i, lex)
                                                                               for i in range(1, len(lead)))
        # (in PDF text with no blank lines, a coroner's report above a titled response: its lines of prose)
        prose = prose_paragraphs(lead) >= PROSE_BLOCKS or (prose_lines(lead) >= 2 * PROSE_LINES and any(
            lex.pfd_report.search(b.text) for b in lead))
        if starts and not prose:
            # (or a coroner's report on pages of its own, however short, before the page a form feed opens)
            prose = text.startswith("\f", starts[0].offset) and prose_paragraphs(lead) >= 1 \
                and any(lex.pfd_report.search(b.text) for b in lead)
        if not starts or has_letter or prose:
            for seg in _letters(text, lead, lex):
                found.append((seg, Form.letter if seg[2] is not None else Form.document, None))
        else:  # a listing header or page furniture: part of the first document
            starts[0] = Start(lead[0].start, starts[0].form, starts[0].title)
    for k, st in enumerate(starts):
        end = starts[k + 1].offset if k + 1 < len(starts) else len(text)
        several = _signed_letters(text, st, end, lex) if st.form is Form.page else None
        if several:
            found += [(seg, Form.page if i == 0 else Form.letter, st.title if i == 0 else None)
                      for i, seg in enumerate(several)]
            continue
        # a letter pasted on a page of its own with another document after its signature (a council's
        # response under its own letterhead on the next page): read letter by letter, as the letters
        # before the first hard start are
        several = _letters(text, reading_blocks(text, lex, st.offset, end), lex) if st.form is Form.letter else None
        # (each on a page of its own: a "Dear ..." quoted inside the letter starts nothing)
        if several and len(several) > 1 and all(text[seg[0]:seg[0] + 1] == "\f" for seg in several[1:]):
            found += [(seg, Form.letter, None) for seg in several]
            continue
        found.append((_single(text, st.offset, end, st, lex), st.form, st.title))
    out = []
    greeted: set[str] = set()  # whom the replies so far greet
    report = None  # the coroner's report the letters below it may answer
    for i, ((start, end, sal, so, kind), form, title) in enumerate(found):
        who = _greeting(text, sal)
        if kind is Kind.letter and who and who in greeted:
            kind = Kind.reply  # the replier writes again to the same person: a further reply in the thread
        if kind is Kind.letter and report is not None and (_to_the_coroner(text, start, end, sal, who, report)
                                                           or _greets_the_coroner(text, sal, report)
                                                           or _mailed_to_coroner(text, start, sal)):
            kind = Kind.reply  # a letter to the coroner under the coroner's report answers it, however it opens
        if report is None and (lex.pfd_report.search(text, start, end) or _CORONER_FINDINGS.search(text, start, end)):
            report = text[start:end]
        if kind is Kind.reply and who:
            greeted.add(who)
        out.append(Segment(i, kind, start, end, sal, so, form, title))
    out = _without_quoted_copies(text, out)
    out = [x for seg in out for x in _response_set_out_below(text, seg)]
    # (a page of print codes alone, a command paper's back page, "E03412276" / "978-1-5286-6107-4", is the
    # paper's, not a document of its own)
    out = [s for k, s in enumerate(out) if not (k and _codes_only(text[s.start:s.end]))]
    out = [dataclasses.replace(s, start=_from_page_break(text, s.start, out[k - 1].start)) if k else s
           for k, s in enumerate(out)]
    out = [dataclasses.replace(s, start=_past_page_foot(text, s.start, out[k + 1].start if k + 1 < len(out)
                                                        else len(text))) if k else s for k, s in enumerate(out)]
    out = [dataclasses.replace(s, start=_under_site_links(text, s.start, out[k - 1].start))
           if k and s.form is Form.page else s for k, s in enumerate(out)]
    out = _one_publication(out)
    out = _joined(out, lambda prev, s: _page_over_its_letter(text, prev, s))
    out = _joined(out, lambda prev, s: _report_appending_its_response(text, prev, s))
    # each segment runs to the next one's start
    return [dataclasses.replace(s, index=k, end=out[k + 1].start if k + 1 < len(out) else len(text))
            for k, s in enumerate(out)]


# a saved web page's own furniture: its menu's or breadcrumb's "Home" ("  * Home", "  1. Home", "Home > News >
# Safety"), its search box and menu button, a menu of links alone ("  * [Find a home](https://...)")
_WEB_CHROME = re.compile(r"^\W*(?:(?:[*•·-]|\d{1,2}[.)])\s+)?home\s*$|^\W*home\s*[>›»/]\s*\w"
                         r"|^\W*(?:menu|search(?: (?:this site|the site|gov\.\w{2,5}))?)\s*$"
                         r"|^\s*[*•·-]\s+\[[^\]\n]{1,60}\]\((?:https?://|/)[^)\s]{0,200}\)\s*$", re.I)
BANNER_HEAD = 3  # lines from a page's top within which its cookie banner stands
PAGE_PROSE_LINES = 6  # lines of prose a web page may set over the letter it publishes: its summary
_COOKIES = re.compile(r"\bcookies?\b", re.I)  # its cookie banner's sentences are not its own prose
_LIST_ITEM = re.compile(r"\s*[*•·-]\s")
# a page that sets out recommendations or concerns of its own: a report's, not a page over a letter
_RECOMMENDS = re.compile(r"\bmatters?\s+of\s+concern\b|\bcoroner['’]?s\s+concerns\b"
                         r"|\b(?:I|we)\s+(?:therefore\s+|also\s+)?recommend\b|^\W*(?:recommendations?|concerns?)\W*$",
                         re.I | re.M)


def _web_page(head: str) -> bool:
    """Whether ``head`` is a saved web page's: a cookie banner at its top, or its menu or breadcrumbs above
    its first sentence (not a report's footer of links, under its text)."""
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if any(_COOKIES.search(ln) for ln in lines[:BANNER_HEAD]):
        return True
    return any(_WEB_CHROME.match(ln) for ln in takewhile(lambda ln: not is_prose(ln), lines))


def _joined(segs: list[Segment], join: Callable[[Segment, Segment], Segment | None]) -> list[Segment]:
    """``segs`` with each segment that ``join`` takes into the one before it (``join(prev, s)``: the two as one
    segment, or None where they stay apart) joined to it."""
    out: list[Segment] = []
    for s in segs:
        one = join(out[-1], s) if out else None
        if one is None:
            out.append(s)
        else:
            out[-1] = one
    return out


def _page_over_its_letter(text: str, prev: Segment, s: Segment) -> Segment | None:
    """A web page saved as text that publishes a letter: its menu or its title, its summary and "Published"
    date over the letter's "Dear ...", with no page break between, are the letter's page, one document (a
    correspondence page on GOV.UK or a body's site). Not a document of its own words over a letter, however
    short: more prose than a summary, a greeting or a sign-off of its own keeps it apart."""
    # (a page's contents list may name the letter by its greeting, "  * Dear Mr Melksham": no greeting of its own)
    if s.salutation is not None and prev.signoff is None \
            and (prev.salutation is None or _LIST_ITEM.match(prev.salutation.text)) \
            and "\f" not in text[prev.start:s.salutation.start].lstrip("\f") \
            and _web_page(text[prev.start:s.start]) and not _RECOMMENDS.search(text, prev.start, s.start) \
            and sum(is_prose(ln) and not _COOKIES.search(ln)
                    for ln in text[prev.start:s.start].splitlines()) <= PAGE_PROSE_LINES:
        return dataclasses.replace(s, start=prev.start, form=prev.form, title=prev.title or s.title)
    return None


# a committee's special report that publishes the response it received: "The Government's response was received on
# 25 March 2025 and is appended to this Report." / "... response is reproduced in the annex"
# (a committee's, its title on a line of its own, "Fifth Special Report of Session 2024-25": not a paper naming one
# in passing, nor an ombudsman's "Special report by the Public Services Ombudsman", which recommends)
_SPECIAL_REPORT = re.compile(r"^\W*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                             r"twelfth|\d{1,2}(?:st|nd|rd|th))\s+special\s+report\b", re.I | re.M)
COVER_LINES = 15  # lines of a report's cover, where it names itself ("Fifth Special Report of Session 2024-25")
APPENDIX_HEAD_LINES = 12  # lines between the note and the letter's greeting: the appendix's title, the letter's own
# title, letterhead, address and date
APPENDIX_PROSE_LINES = 2  # of them prose, at most ("Letter from the Minister ..., dated 25 March 2025")


def _cover(text: str, start: int, end: int) -> str:
    """The first lines with words of ``text[start:end]``: a report's cover and title."""
    return "\n".join([ln for ln in text[start:end].splitlines() if ln.strip()][:COVER_LINES])


def _letter_head_only(between: str) -> bool:
    """Whether the lines between a report's note and a letter's greeting are only the appendix's title and the
    letter's head (its title, letterhead, address, date), not a paper's answers."""
    lines = [ln for ln in between.splitlines() if ln.strip()]
    return len(lines) <= APPENDIX_HEAD_LINES and sum(is_prose(ln) for ln in lines) <= APPENDIX_PROSE_LINES


_APPENDS_RESPONSE = re.compile(r"\bresponse\b[^.]{0,80}?\b(?:is|are|was|were)\s+(?:appended|reproduced|published)\s+"
                               r"(?:to\s+this\s+report|below|(?:in|at|as)\s+(?:an?\s+|the\s+)?(?:appendix|annex))",
                               re.I)


def _report_appending_its_response(text: str, prev: Segment, s: Segment) -> Segment | None:
    """A special report that publishes a response (its cover, the committee's note that the response "is
    appended to this Report", then "Appendix: Government Response" and the minister's letter) is one document,
    the response paper, however the letter under it opens. Not a report whose note names no response, nor a
    government's own response paper that reproduces another body's letter at its annex (a reply of its own),
    nor another body's letter after the response the report appends (its answers between the note and the
    letter's greeting)."""
    # (the letter a reply: not the committee's own letter published first, "The Committee's letter and the
    # Secretary of State's reply are published below")
    if s.salutation is not None and prev.salutation is None and prev.signoff is None \
            and s.kind is Kind.reply and _SPECIAL_REPORT.search(_cover(text, prev.start, s.start)) \
            and (note := _APPENDS_RESPONSE.search(_with_last_sentence(text, prev.start, s.start))) \
            and _letter_head_only(text[text.find("\n", prev.start + note.end()) + 1:s.salutation.start]):
        return dataclasses.replace(s, start=prev.start, form=prev.form, title=prev.title)
    return None


SENTENCE_TAIL = 80  # characters past a segment's end within which its cut sentence ends


def _with_last_sentence(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its last sentence run on to its full stop, where the next segment's start cut it
    ("... is appended to this" / "Report.")."""
    stop = text.find(".", end, end + SENTENCE_TAIL)
    return text[start:stop + 1 if stop >= 0 else end]


def _one_publication(segs: list[Segment]) -> list[Segment]:
    """A publication a site sets out over several pages, saved page after page: each page repeats the
    publication's title over its own chapter ("# Independent Review ...: Scottish Government response"),
    and is the same document, not one more of its kind. Not a site's pages of correspondence under one
    title, each a letter that greets its reader ("Dear Minister", then "Dear Chair" on the next page)."""
    out: list[Segment] = []
    for s in segs:
        prev = out[-1] if out else None
        if prev is not None and s.form is Form.page and prev.form is Form.page and s.kind is prev.kind \
                and s.salutation is None and prev.salutation is None \
                and s.title is not None and prev.title is not None \
                and " ".join(s.title.text.split()) == " ".join(prev.title.text.split()):
            continue
        out.append(s)
    return out


_CODE_LINE = re.compile(r"(?:[A-Z]{1,4}\s?)?\d[\d\W_]*")  # "E03412276", "978-1-5286-6107-4", "CP 1387", "6"


# a page's lead over the response it publishes under its writer's signature: "The Chief Constable's response,
# which I have considered, is set out below."
_PUBLISHED_BELOW = re.compile(r"\b(?:response|reply)\b[^.]{0,80}?\b(?:is|are)\s+(?:set\s+out|reproduced|published|"
                             r"given|included)\s+(?:in\s+full\s+)?below\b", re.I)
# its title, whose response it is: "Chief Constable's response", "Response from Marchfield Constabulary"
_WHOSE_RESPONSE = re.compile(r"^\W*(?:(?:the\s+)?(?-i:[A-Z])[\w’'&-]*(?:\s+[\w’'&-]+){0,5}(?:'s|’s)\s+response|"
                             r"response\s+(?:from|of|by)\s+(?:the\s+)?(?-i:[A-Z])[\w’'&-]*(?:\s+[\w’'&-]+){0,5})\W*$",
                             re.I)
SIGNATURE_ROWS = (2, 4)  # lines of the signature between the lead and the title: a name, a post, a body


def _response_set_out_below(text: str, seg: Segment) -> list[Segment]:
    """A published comment that ends by saying the response it answers for is set out below, signed
    (a police and crime commissioner's section 55 comments, the Chief Constable's response under them):
    the response, from its title under the signature, is a reply of its own, as a covering letter and
    its paper are two."""
    if seg.kind not in (Kind.reply, Kind.letter) or seg.salutation is not None:
        return [seg]
    blocks = to_blocks(split_lines(text, seg.start, seg.end))
    for k in range(2, len(blocks)):
        title, signed, lead = blocks[k], blocks[k - 1], blocks[k - 2]
        if len(title.lines) != 1 or not _WHOSE_RESPONSE.match(title.lines[0].text) \
                or not SIGNATURE_ROWS[0] <= len(signed.lines) <= SIGNATURE_ROWS[1] \
                or not _SIGNED_NAME.match(clean(signed.lines[0].text) or "") \
                or not _PUBLISHED_BELOW.search(" ".join(lead.text.split())):
            continue
        return [dataclasses.replace(seg, end=title.start),
                Segment(seg.index, Kind.reply, title.start, seg.end, None, None, Form.document, None)]
    return [seg]


def _codes_only(part: str) -> bool:
    """Nothing but print codes and numbers on the page."""
    lines = [ln.strip() for ln in part.replace("\f", "\n").splitlines() if ln.strip()]
    return bool(lines) and all(_CODE_LINE.fullmatch(ln) for ln in lines)


def _from_page_break(text: str, start: int, floor: int) -> int:
    """A segment whose first words are the first of their page starts with the page: the lines
    above them on the page are blank or masked (a running header, "Harrowfield Borough Council
    Audit and Standards Committee", repeated on the next page), and belong to it, not to the
    signature of the letter on the page before."""
    brk = text.rfind("\f", floor + 1, start)
    # (after the form feed itself, which closes the page before: the segment's page is its own)
    return brk + 1 if brk >= 0 and not text[brk + 1:start].strip() else start


PAGE_FOOT_LINES = 2  # lines, at most, of the page foot above the form feed a segment's page opens with
_PAGE_NO = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\s*$", re.I)


def _past_page_foot(text: str, start: int, end: int) -> int:
    """A segment that opens on the last page's foot ("[2024] WACOR 14    Page 5", then the form feed, then the
    Shire's letterhead) starts on its own page: the foot closes the report above, as its other pages' feet
    do. A foot line ends with its page number or repeats a line that closed a page before."""
    brk = text.find("\f", start, end)
    if brk < 0:
        return start
    lines = [ln.strip() for ln in text[start:brk].splitlines() if ln.strip()]
    if not lines or len(lines) > PAGE_FOOT_LINES or not text[brk + 1:end].strip():
        return start
    # (a repeated line is a foot where it stood over a form feed before: not a paper's title page that repeats the
    # covering letter's subject line)
    foot = all(_PAGE_NO.search(ln) or re.search(r"(?m)^[ \t]*" + re.escape(ln) + r"[ \t]*\n(?:[^\n\f]*\n)"
                                                 + f"{{0,{PAGE_FOOT_LINES}}}" + r"[ \t]*\f", text[:start])
               for ln in lines)
    return brk + 1 if foot else start


SITE_LINKS = 2  # lines of a site's links, at least, that open a page printed under the e-mail before it


def _under_site_links(text: str, start: int, floor: int) -> int:
    """A web page printed under an e-mail starts with the site's own links over its title ("[Skip to
    content](#content)", its logo, "  * [Used cars](/used-cars/)"), as the page opening the file does:
    they are the page's, not the e-mail's above it."""
    top, pos, seen, logo = start, start, 0, False
    while pos > floor:
        a = text.rfind("\n", floor, pos - 1) + 1
        line = text[a:pos].strip()
        if line and re.sub(r"[\s*+|>›»()\[\]-]", "", _LINKS.sub("", line)):
            break
        if line:
            top, seen, logo = a, seen + 1, logo or "![" in line
        elif text[a:pos].strip("\n") and seen:
            top = a  # (a line the masking of boilerplate left blank: "[Skip to content](#content)")
        pos = a
    # (its logo among them, an image linked home: a letter's own footer links, "[Privacy](...)", under its
    # last page are the letter's)
    return top if seen >= SITE_LINKS and logo else start


LETTERHEAD_LINES = 8  # a body's name over a letter's address at the top of its page, and its date
LETTERHEAD_WORDS = 6


def _letterhead_page(text: str, start: int, floor: int) -> int:
    """Where a letter starts that a form feed opens under its body's name ("Tamsbridge University
    Hospitals" / "NHS Foundation Trust" centred over the address): its page, when the document above
    is a page or a report, unsigned, so that nothing of a signature can have run on to it."""
    brk = text.rfind("\f", floor + 1, start)
    if brk < 0:
        return start
    lines = [ln.strip() for ln in text[brk + 1:start].splitlines() if ln.strip()]
    if len(lines) <= LETTERHEAD_LINES and all(len(ln.split()) <= LETTERHEAD_WORDS and not sentence_end(ln)
                                              and ln[:1].isalnum() and not ln[:1].islower() for ln in lines):
        return brk
    return start


_SENT_LINE = re.compile(r"^\W*(?:sent|date)\s*:", re.I)
# the line Outlook puts over the message a reply quotes, or GroupWise's ">>> BTPA Secretariat <...> 26/02/2024
# 15:02 >>>"
ORIGINAL_MESSAGE = r"(?:-{2,}\s*original message\s*-{2,}|>>>[^\n]{3,160}?>>>)"
_ORIGINAL_MESSAGE = re.compile(rf"^\W*{ORIGINAL_MESSAGE}\s*$", re.I)


MARKER_LINES = 3  # lines of a segment's start within which "-----Original Message-----" makes it a quoted copy
MARKED_SIGNATURE_LINES = 10  # or, under a signature's short lines, within these
SIGNATURE_WIDTH = 60  # characters a signature's line runs to, at most
# (not a message of its own: "From: Peter Oakes" / "Sent: ..." / "Subject: FW: ..." / "FYI" over the marker)
_HEADER_FIELD = re.compile(r"^\W*(?:from|sent|to|cc|subject|date)\s*:", re.I)


def signature_line(line: str) -> bool:
    """A line of a signature: short and no sentence (a name, a post, a body, an address, a phone)."""
    said = line.strip()
    return len(said) <= SIGNATURE_WIDTH and not sentence_end(said)


def _without_quoted_copies(text: str, segs: list[Segment]) -> list[Segment]:
    """An e-mail whose header ("From: ..." and the "Sent: ..." under it) is an earlier segment's own
    is that message quoted again under a reply, answers typed in it or not: part of the reply; so
    is one under "-----Original Message-----" below a reply (the covering e-mail it answers, quoted
    below it; under a letter it is the reply, an e-mail chain pasted oldest first)."""
    out: list[Segment] = []
    seen: set[tuple[str, ...]] = set()
    sent: set[tuple[str, tuple[int, ...]]] = set()  # each message's writer and the minute it was sent
    for s in segs:
        lines = text[s.start:s.end].lstrip().split("\n", MARKED_SIGNATURE_LINES + 2)
        # (the reply's own sign-off, a first name alone, may open the segment above the marker; or its
        # whole signature, "Conor" / "Conor Mullan" / "Governor" / ... / "Tel: 0207 946 0723")
        marker = next((k for k, ln in enumerate(lines[:MARKER_LINES]) if _ORIGINAL_MESSAGE.match(ln)), None)
        if marker is None:
            marker = next((k for k, ln in enumerate(lines[:MARKED_SIGNATURE_LINES]) if _ORIGINAL_MESSAGE.match(ln)
                           and all(signature_line(x) and not _HEADER_FIELD.match(x) for x in lines[:k])), None)
        head = tuple(" ".join(ln.split()).lower() for ln in lines[(0 if marker is None else marker + 1):][:2])
        if marker is None:
            # (or the quoted header under the tail of the reply's signature, below Outlook's rule, which the
            # masking of page furniture leaves blank)
            head = tuple(" ".join(ln.split()).lower() for ln in lines[_quoted_header_at(lines):][:2])
        mail = bool(head) and bool(_MAIL_FROM.match(head[0])) and len(head) == 2 and bool(_SENT_LINE.match(head[1]))
        above = text[:s.start].rstrip().rsplit("\n", 1)[-1]
        quoted = marker is not None or _ORIGINAL_MESSAGE.match(above) \
            or (mail and out and _answers_subject(text, out[-1], s) and not _replied_to_twice(text, out))
        # (a message quoted under the marker without its header, the greeting straight under it, is a copy too)
        # (or a message forwarded by the one it was sent to, "Begin forwarded message:" over "From: Dr Kaur ... To:
        # Joanne Whitlock <...>" under Joanne's own e-mail: she sends it on for its writer, one message; sent to
        # anyone else, a committee whose clerk forwards it, it is a letter of its own)
        handed = bool(out) and _FORWARD_MARK.match(above) is not None and _handed_on(text, out[-1], s)
        # (or under the reply's own signature, the marker a few lines down: GroupWise's '>>> "Coroner's Officers"
        # <...> 26/07/2024 09:41 >>>' over "Dear Ms Pickersgill", the message the reply quotes)
        # (or the same message in another client's dates, "Sent: Tue, 08 Apr 2025 11:42:17 +0100" above and
        # "Sent: Tuesday 8 April 2025 11:42" quoted under a colleague's reply: one writer, one minute)
        key = _sent_by(text, s) if mail else None
        if handed or out and (mail or marker is not None or _ORIGINAL_MESSAGE.match(above)) \
                and (head in seen or key in sent or (quoted and out[-1].kind is Kind.reply)):
            seen.add(head)  # (the same message quoted under the next reply is a copy too, not a thread's foot)
            continue
        if mail:
            seen.add(head)
            if key is not None:
                sent.add(key)
        out.append(s)
    return out


_FORWARD_MARK = re.compile(r"^\W*begin\s+forwarded\s+message\s*:\s*$", re.I)  # Apple Mail's


def _handed_on(text: str, forwarder: Segment, s: Segment) -> bool:
    """Whether the message a segment forwards was sent to the forwarder's own address: its writer handing it
    on to be sent."""
    sent_by = {a.lower() for v in _header(text, forwarder, _FROM_FIELD) for a in EMAIL.findall(v)}
    sent_to = {a.lower() for v in _header(text, s, _TO_FIELD) for a in EMAIL.findall(v)}
    return bool(sent_by & sent_to)


_SUBJECT = re.compile(r"^\W*subject\s*:\s*(?P<value>.+)$", re.I | re.M)
_FROM_FIELD = re.compile(r"^\W*from\s*:\s*(?P<value>.+)$", re.I | re.M)
_TO_FIELD = re.compile(r"^\W*(?:to|cc)\s*:\s*(?P<value>.+)$", re.I | re.M)
_REPLY_PREFIX = re.compile(r"^(?:re|aw|sv)\s*:\s*", re.I)
# (or in words: "Subject: Response to Regulation 28 Report - Mr Tomasz Wieczorek (Ref 2027-0021)")
_ANSWERING_PREFIX = re.compile(r"^(?:(?:re|aw|sv)\s*:\s*|(?:our\s+)?(?:response|reply)\s+to\s*:?\s*)", re.I)
HEADER_LINES = 8  # lines of a message's start that hold its header, Subject included


# a protective marking a mail system adds: "[OFFICIAL-SENSITIVE]", "[OFFICIAL]", "[NOT PROTECTIVELY MARKED]"
_SUBJECT_MARKING = re.compile(r"\s*\[(?:official|sensitive|not protectively marked|unclassified|restricted|protect)\b[^\]\n]*\]\s*",
                              re.I)


def _quoted_header_at(lines: list[str]) -> int:
    """The line where a segment's e-mail header starts: its first, or a "From:" line just below a
    few lines of the reply's signature that the segment opens with."""
    return next((k for k, ln in enumerate(lines[:MARKER_LINES + 2]) if _MAIL_FROM.match(ln)
                 and k + 1 < len(lines) and _SENT_LINE.match(" ".join(lines[k + 1].split()).lower())), 0)


def _header(text: str, s: Segment, field: re.Pattern[str]) -> list[str]:
    lines = text[s.start:s.end].lstrip().split("\n", HEADER_LINES + MARKER_LINES + 2)
    head = "\n".join(lines[_quoted_header_at(lines):][:HEADER_LINES])
    return [" ".join(_SUBJECT_MARKING.sub(" ", m.group("value")).split()).lower() for m in field.finditer(head)]


def _sent_by(text: str, s: Segment) -> tuple[str, tuple[int, ...]] | None:
    """A message's writer's address and the minute its header says it was sent, where it gives both."""
    writer, when = _header(text, s, _FROM_FIELD)[:1], _header(text, s, _SENT_FIELD)[:1]
    address = EMAIL.search(writer[0]) if writer else None
    at = _sent_when(when[0]) if when and re.search(r"\d:\d\d", when[0]) else None
    return (address.group(0).lower(), at) if address and at else None


def _replied_to_twice(text: str, segs: list[Segment]) -> bool:
    """Two replies stacked newest first over one message (a reply-all thread each body answered):
    the message at the foot is the letter both answer, not a copy quoted under the last of them."""
    subjects = [_header(text, s, _SUBJECT)[:1] for s in segs[-2:]]
    return len(segs) >= 2 and all(subjects) and subjects[0] == subjects[1] and bool(_REPLY_PREFIX.match(subjects[0][0]))


def _answers_subject(text: str, reply: Segment, s: Segment) -> bool:
    """The message below a reply is the one it answers, quoted under it as Outlook does with no
    "Original Message" line, when the reply's Subject is this one's with "RE:" before it and this
    one was sent to the reply's writer (not a second reply with the same "RE: ...", nor the same
    request sent on to another body, in a thread pasted oldest first)."""
    mine, theirs = _header(text, reply, _SUBJECT)[:1], _header(text, s, _SUBJECT)[:1]
    writer = _header(text, reply, _FROM_FIELD)[:1]
    if not (mine and theirs and writer):
        return False
    who = EMAIL.findall(writer[0]) or [re.sub(r"\s*<.*", "", writer[0]).strip()]
    sent_to = " ".join(_header(text, s, _TO_FIELD))
    # ("RE: HMICS/TI/2026/014 - custody thematic follow-up - SPA response": the subject, then what the reply is)
    answered = _ANSWERING_PREFIX.sub("", mine[0], count=1)
    # (sent to the writer, or to a shared mailbox of the writer's body, "Compliance <compliance@brightreel...>",
    # when it only sends something on: "Please find attached a Regulation 28 report."; a request that sets out
    # the recommendations is the letter the reply answers)
    domain = who[0].rpartition("@")[2] if "@" in who[0] else ""
    shared = bool(domain) and "@" + domain in sent_to and _covering_note(text[s.start:s.end]) \
        and not _sent_after(_header(text, s, _SENT_FIELD)[:1], _header(text, reply, _SENT_FIELD)[:1])
    return bool(_ANSWERING_PREFIX.match(mine[0]) and (answered == theirs[0] or answered.startswith(theirs[0] + " "))
                and who[0] and (who[0] in sent_to or shared))


NOTE_LINES = 12  # lines of text a message that only sends something on runs to, header included
_SENT_FIELD = re.compile(r"^\W*(?:sent|date)\s*:\s*(?P<value>.+)$", re.I | re.M)
_SENT_AT = re.compile(r"(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})"
                      r"(?:\D{1,4}(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:([ap])\.?m\b)?)?", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _sent_when(value: str | None) -> tuple[int, ...] | None:
    """When a message was sent or a letter dated ("14 March 2025 16:07"): year, month, day, hour, minute."""
    m = _SENT_AT.search(value) if value else None
    if m is None or m.group(2).lower() not in _MONTHS:
        return None
    hour = int(m.group(4) or 0)
    if m.group(6):  # a twelve-hour clock: "9:12 PM" is 21:12, "12:05 AM" is 0:05
        hour = hour % 12 + (12 if m.group(6).lower() == "p" else 0)
    return (int(m.group(3)), _MONTHS.index(m.group(2).lower()), int(m.group(1)), hour, int(m.group(5) or 0))


def _sent_after(quoted: list[str], reply: list[str]) -> bool:
    """Whether the message below a reply was sent after it ("Sent: 15 October" under "Sent: 14
    October"): a later message in a thread pasted oldest first, which no reply can quote."""
    q, r = _sent_when(quoted[0] if quoted else None), _sent_when(reply[0] if reply else None)
    return q is not None and r is not None and q > r


HEAD_FIELDS = 4  # lines of a message's header from its "From:" to its "Sent:", at most


def _later_message(head: list[Block], rest: list[Block]) -> bool:
    """A message under a dated letter's signature, sent on the letter's day or after it (an automatic
    acknowledgement after the letter it acknowledges, in a file kept oldest first): a message of its own.
    One sent before the letter is what the letter quotes; with either date unknown, nothing is said."""
    first = next((b for b in rest if not _page_furniture(b)), None)
    if first is None or not _MAIL_FROM.match(first.lines[0].text):
        return False
    sent = next((m.group("value") for ln in first.lines[1:HEAD_FIELDS] if (m := _SENT_FIELD.match(ln.text))), None)
    dated = next((ln.text for b in head for ln in b.lines if is_dateline(ln.text)), None)
    sent_on, dated_on = _sent_when(sent), _sent_when(dated)
    # (by the day: a dateline gives no hour)
    return sent_on is not None and dated_on is not None and sent_on[:3] >= dated_on[:3]


def _covering_note(message: str) -> bool:
    """A short message with no numbered list: it sends a report on, and sets out nothing."""
    lines = [ln for ln in message.split("\n") if ln.strip()]
    return len(lines) <= NOTE_LINES and not any(_OWN_ITEM.match(ln) for ln in lines)
