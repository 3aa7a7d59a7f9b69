"""Where a document starts when it does not start with a letter head, and what
kind of document it is when it has no "Dear ...".

Real files hold documents that a salutation does not separate: web pages saved
one after another (each under its own title), a report's annexes ("Annex 10",
then "Letter to ... from ..."), written questions listed on one page (each
"Asked by: ..."), Hansard extracts, and the coroners' data-set records, where
the report's fields are followed by one reply after another with no letterhead
or signature. Each of these starts is a hard boundary: what lies between two
of them is one document, whatever letters it quotes or encloses.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pipeline.lexicon import Lexicons
from pipeline.records import Kind
from pipeline.text import Line, clean, has_postcode, is_dateline, is_prose, split_lines, to_blocks, word_count


class Form(StrEnum):
    """How a segment is laid out, which tells the later stages where to look."""

    letter = "letter"  # letter head, "Dear ...", sign-off
    page = "page"  # a titled web page or annex: title, then a letter or a paper
    report = "report"  # a coroner's report as the data set stores it: date, coroner, area, addressees
    response = "response"  # a reply with no letterhead: one of the replies after a coroner's report
    qa = "qa"  # a written or oral question with its answer
    document = "document"  # anything else without "Dear": a paper, minutes, a report section


@dataclass(frozen=True, slots=True)
class Start:
    offset: int
    form: Form
    title: Line | None = None


# the first sentence of a paragraph is enough to tell a reply's opening
OPENING_CHARS = 400
_CLOSING = re.compile(r"\b(?:i hope (?:this|that|the|my)|please (?:do not|don't) hesitate|if you (?:have|require|need) any"
                      r"|should you (?:require|need|have)|yours (?:sincerely|faithfully)|kind regards|best wishes"
                      r"|further assurances?\b|happy to (?:assist|help|discuss))", re.I)


def _nonblank(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if not ln.blank]


def _page_tops(lines: list[Line]) -> set[int]:
    """The offsets of the first lines with words on a page a form feed opens (the form feed's own line may be
    blank, its running header masked)."""
    tops, fed = set(), False
    for ln in lines:
        if "\f" in ln.text and not ln.text.rsplit("\f", 1)[1].strip():
            fed = True  # (a form feed at the line's end, "Monitoring Officer<form feed>": the next page's top is below)
            continue
        fed = fed or "\f" in ln.text
        if fed and not ln.blank:
            tops.add(ln.start)
            fed = False
    return tops


def page_starts(lines: list[Line], lex: Lexicons) -> list[Start]:
    """Web page titles ("# Letter from ...") and annex headings followed by a letter title, and
    the cover of a government's response printed after the report it answers."""
    out: list[Start] = []
    paged = _page_tops(lines)
    lines = _nonblank(lines)
    # (a PDF a converter turned into markdown marks every heading "#": the document's own sections, "# Background",
    # not web pages; only a heading that titles a letter, a response, minutes or a Q&A, or one under a signature,
    # opens one)
    converted = any(CONVERTER_MARK.match(ln.text) for ln in lines)
    marks = _Marks(lines, lex)
    banners: dict[int, int] = {}  # the offsets of the pages a cookie banner opens, with the banner's line
    titles: set[str] = set()  # the titles of the minutes read so far
    for k, ln in enumerate(lines):
        c = clean(ln.text) or ""
        if lex.page_title.match(ln.text):
            if converted and not (lex.letter_title.match(c) or RESPONSE_TITLE.match(c) or _WHOSE_TITLE.match(c)
                                  or lex.answers(c) or _titles_other_document(lines, k, c, lex)):
                continue
            # (not a slide's title after the first, as markitdown writes a deck: "<!-- Slide number: 3 -->" over
            # "# Concern (a) – Call handling": the deck is one document)
            if k and (slide := SLIDE_MARK.match(lines[k - 1].text)) and int(slide.group(1)) > 1:
                continue
            # (not a heading inside a letter greeted and not yet signed off, as pandoc turns a Word letter's
            # headings into "# The Crofting Bill": unless it titles a letter or a response of its own)
            if marks.letter_open(out[-1].offset if out else 0, k) and not (
                    lex.letter_title.match(c) or RESPONSE_TITLE.match(c) or _WHOSE_TITLE.match(c) or lex.answers(c)):
                continue
            # (nor the letter's subject under its greeting, "Dear Dr Aberdour-Pike," / "# Response of Harbourside
            # Learning Partnership to the Regulation 28 Report": its own title, however it is worded)
            if k and lex.salutation.match(clean(lines[k - 1].text) or ""):
                continue
            # (nor the next line of a title block pandoc gives as headings, "# DETERMINATION" / "# BY" /
            # "# SHERIFF ...": a page has no text of its own yet, only its title and a citation or a case number)
            # (not one over a document of its own, though the page above has only its title and a date: a letter's
            # greeting, a question's "Asked by", minutes' "Present:", a few lines under it)
            if out and out[-1].form is Form.page and marks.title_block(out[-1].offset, k) and not (
                    lex.letter_title.match(c) or RESPONSE_TITLE.match(c) or _WHOSE_TITLE.match(c) or lex.answers(c)
                    or _opens_document(lines[k + 1:k + 1 + OPENING_LINES], lex)):
                continue
            # (the title of a page whose cookie banner opened it: one page, from its banner)
            if out and out[-1].offset in banners and banners[out[-1].offset] >= k - BANNER_LINES:
                out[-1] = Start(out[-1].offset, Form.page, ln)
            else:
                out.append(Start(ln.start, Form.page, ln))
        # (not inside a letter greeted and not yet signed off: its own paragraph "This site uses cookies even
        # before ...", or the minutes it quotes at the top of its second page)
        elif lex.web_page_open.match(c) and _saved_page(lines, k, lex, marks) \
                and not marks.letter_open(out[-1].offset if out else 0, k):
            banners[ln.start] = k
            out.append(Start(ln.start, Form.page, None))
        elif lex.annex_title.match(c) and k + 1 < len(lines) and lex.letter_title.match(clean(lines[k + 1].text) or ""):
            out.append(Start(ln.start, Form.page, lines[k + 1]))
        elif lex.annex_title.match(c) and (title := next((x for x in lines[k + 1:k + 1 + ANNEX_TITLE_LINES]
                                                          if lex.answers(clean(x.text) or "")), None)) is not None \
                and _greeted_above(lines, out[-1].offset if out else 0, k, lex):
            # "APPENDIX A" over "EXECUTIVE RESPONSE TO THE ... REVIEW": the response a covering letter sends,
            # a paper of its own (its title within a line or two, under a meeting's reference; not a paper's
            # own annex, "Annex A / Response to the Committee's recommendations: timetable")
            out.append(Start(ln.start, Form.page, title))
        elif ln.start in paged and (_committee_report(lines, k, paged) or _minutes_page(lines, k, paged, titles)) \
                and marks.prose_above(k) and not marks.letter_open(out[-1].offset if out else 0, k):
            out.append(Start(ln.start, Form.page, None))
    cover = _response_cover(lines)
    if cover is not None:
        out.append(Start(cover.start, Form.page, cover))
    # an e-mail or a letter pasted on a new page after a web page or a titled response that holds no
    # letter ("(C) Crown copyright", then "From: Chair, Scottish Canals <...>"; a government's response
    # table, then "Scottish SPCA / ... QY5 2LT / Dear Professor Corstorphine,"): the page has no sign-off
    # to end it, and the message is a letter of its own (a coroner's report page with its replies
    # pasted under it is read letter by letter as it is)
    # a coroner's report in PDF text, a page of its own kind for a titled response after it
    # (the file's own opening: not a reply's "Re: Regulation 28 Report" under its "Dear ...")
    first = next((x for x in lines if lex.pfd_report.search(x.text) or lex.salutation.match(clean(x.text) or "")), None)
    report = first.start if first is not None and lex.pfd_report.search(first.text) else None
    paper = _titled_response(lines, lex)
    for k, ln in enumerate(lines):
        page = max((st.offset for st in out if st.form is Form.page and st.offset < ln.start), default=None)
        titled = page if page is not None else report if report is not None and report < ln.start else None
        if titled is None and paper is not None and paper(ln):
            titled = lines[0].start
        if titled is not None and response_page(lines, k) and not marks.letter_open(titled, k):
            # a body's response on a page of its own after the page ("Wessendale Community Health NHS
            # Trust / Response to Regulation 28 Report - ..."), with no "Dear ..." to start it: a
            # document of its own, after a coroner's report page too
            out.append(Start(ln.start, Form.letter, None))
            continue
        if page is None or not (_mail_page(lines, k) or _letter_page(lines, k, lex)):
            continue
        before = [x for x in lines[:k] if x.start >= page]
        # (a page of its own words, not a title over the e-mail that is its only content)
        if len(before) >= PAGE_LINES and not any(
                lex.salutation.match(clean(x.text) or "") or lex.pfd_report.search(x.text) for x in before):
            out.append(Start(ln.start, Form.letter, None))
    return sorted(out, key=lambda st: st.offset)


ANNEX_TITLE_LINES = 3  # lines under an annex's heading within which the title says it is a response
# the labels over a record's list of who came: "Present:", "In attendance:", "Apologies for absence:"
_WHO_CAME = r"(?:present|in attendance|attendees|apologies(?: for absence)?)"
BANNER_LINES = 12  # lines a saved web page's cookie banner runs to, its buttons and settings link with it


# the fields over a council's or a board's committee report: "Report to: Cabinet", "Date of meeting: 12 March 2025"
_COMMITTEE_FIELD = re.compile(r"^\W*(?:report (?:to|of|author|by)|date of (?:the )?meeting|meeting date"
                              r"|portfolio holder|cabinet member|lead member|wards? affected|key decision"
                              r"|forward plan ref\w*)\s*:", re.I)
# (one of them says which meeting the paper goes to: not a paper's contact block on its last page, "Report author:")
_COMMITTEE_OPENING = re.compile(r"^\W*(?:report to|date of (?:the )?meeting|meeting date)\s*:", re.I)
COMMITTEE_HEAD_LINES = 5  # lines from a page's top within which a committee report's fields begin


def _committee_report(lines: list[Line], k: int, tops: set[int]) -> bool:
    """Whether the page line ``k`` opens is a committee report's first ("Agenda Item 8" / "Wendleby District
    Council" / "Report to: Cabinet" / "Date of meeting: ..."): a council's or a board's paper, pasted on a page
    of its own after the report or the letter it answers, a document of its own."""
    head = _own_page(lines[k:k + COMMITTEE_HEAD_LINES + 2], tops)
    return sum(_COMMITTEE_FIELD.match(clean(x.text) or "") is not None for x in head) >= 2 \
        and any(_COMMITTEE_OPENING.match(clean(x.text) or "") for x in head[:COMMITTEE_HEAD_LINES])


def _own_page(head: list[Line], tops: set[int]) -> list[Line]:
    """``head``, a page's first lines, up to the next page's top."""
    return head[:next((j for j, x in enumerate(head) if j and x.start in tops), len(head))]


_MINUTES_TITLE = re.compile(r"^\W*(?:(?:draft|confirmed|unconfirmed)\s+)?minutes\s+of\s+(?:the\s+)?"
                            r"(?:[\w'’-]+\s+){0,4}?(?:meeting|proceedings)\b", re.I)


def _minutes_page(lines: list[Line], k: int, tops: set[int], titles: set[str]) -> bool:
    """Whether the page line ``k`` opens is a set of minutes' first: its title ("Minutes of the meeting held on
    10 April 2025") under the body's name, then who was present, a few lines down. Not their next page, its
    title repeated over "In attendance for item 3:" (``titles``: the minutes' titles read so far)."""
    head = _own_page(lines[k:k + COMMITTEE_HEAD_LINES], tops)
    at = next((j for j, x in enumerate(head) if _MINUTES_TITLE.match(clean(x.text) or "")), None)
    if at is None:
        return False
    title = " ".join((clean(head[at].text) or "").lower().split())
    if title in titles:
        return False
    titles.add(title)
    return any(_PRESENT.match(x.text) for x in _own_page(lines[k + at + 1:k + at + 1 + OPENING_LINES], tops))


_PRESENT = re.compile(rf"^\W*{_WHO_CAME}\s*(?::|$)", re.I)  # the list's label alone, not "Present practice ..."


def _saved_page(lines: list[Line], k: int, lex: Lexicons, marks: _Marks) -> bool:
    """Whether line ``k``, a cookie banner's, opens a web page saved as text after a document above it
    ("This site uses cookies" / "Accept all cookies" / "Skip to main content" over the site's menu): the page
    is a document of its own, whatever it publishes. Not the banner's later lines, nor a file's first page, nor
    a sentence about cookies with no banner's buttons or settings under it."""
    if any(lex.web_page_open.match(clean(x.text) or "") for x in lines[max(0, k - BANNER_LINES):k]):
        return False
    return marks.prose_above(k) and any(_BANNER_MORE.search(x.text) for x in lines[k + 1:k + 1 + BANNER_MORE_LINES])


# a banner's other lines: its buttons and its settings ("Accept all cookies", "Cookie settings"), its further
# sentences about cookies, the skip link under it (what boilerplate masking leaves of them)
_BANNER_MORE = re.compile(r"\bcookies?\b|^\W*skip to (?:main )?content\W*$", re.I)
BANNER_MORE_LINES = 4


def _since(lines: list[Line], start: int, k: int) -> list[Line]:
    """The lines above line ``k`` from offset ``start`` on (``lines`` in the file's order): a page's own, up to
    a heading, found without reading the file's earlier pages line by line."""
    return lines[bisect_left(lines, start, 0, k, key=lambda x: x.start):k]


def _greeted_above(lines: list[Line], start: int, k: int, lex: Lexicons) -> bool:
    """Whether a letter greets its reader between ``start`` and line ``k``: "Dear ...", or a name alone
    ("David,") as a memo or an e-mail greets."""
    return any(lex.salutation.match(c) or ((m := lex.mail_greeting.match(c)) and m.groupdict().get("name"))
               for x in _since(lines, start, k) if (c := clean(x.text) or ""))


SLIDE_MARK = re.compile(r"^\s*<!--\s*slide\s+number\s*:\s*(\d{1,3})\s*-->\s*$", re.I)  # markitdown's, over each slide
# the marks a PDF-to-markdown converter leaves: docling's "<!-- image -->", marker's "![](_page_0_Picture_0.jpeg)",
# its page separators "{3}------" and anchors '<span id="page-10-0"></span>', Azure's "<!-- PageBreak -->"
CONVERTER_MARK = re.compile(r"^\s*(?:<!--\s*(?:image|pagebreak|pageheader|pagefooter|pagenumber)\b[^>]*-->|!\[[^\]]*\]"
                            r"\(_page_\d+_|\{\d{1,4}\}-{10,}\s*$|#{1,6}\s+<span\s+id=[\"']page-\d)", re.I)
_MAIL_PAGE = re.compile(r"^\f\W*from\s*:[^\n]*@", re.I)  # "<form feed>From: Name <name@body.example>"
LONG_HEAD_LINES = 20  # lines a letterhead, its references and the addressee's address may take, at most
LETTER_HEAD_LINES = 8  # lines from a page's first within which its letterhead's postcode and "Dear ..." stand


def _mail_page(lines: list[Line], k: int) -> bool:
    return _MAIL_PAGE.match(lines[k].text) is not None \
        and any(_MAIL_SUBJECT.match(x.text) for x in lines[k + 1:k + MAIL_HEADER_LINES])


def _page_head(line: Line) -> bool:
    """A line that opens a page with a body's name: a form feed, a few words, no sentence."""
    first = clean(line.text) or ""
    # (a Welsh body's name in both languages, "Bwrdd Iechyd Prifysgol Tywi / Tywi University Health
    # Board", is counted by its words, not its slash)
    words = len(first.split()) if " / " not in first else word_count(first) / 2
    return line.text.startswith("\f") and 0 < words <= 8 and not is_prose(first) and not first.endswith(".")


SIGNED_LINES = 6  # lines above a converted file's heading within which a letter's sign-off ends the letter
_QA_TITLE = re.compile(r"^\W*(?:questions?\s+and\s+answers|q\s*&\s*a)\b", re.I)


def _titles_other_document(lines: list[Line], k: int, title: str, lex: Lexicons) -> bool:
    """Whether a converted file's heading opens a document of its own all the same: the minutes or the
    questions and answers it titles ("# Minutes of the Cabinet meeting held on 9 October 2024"), or whatever
    follows a letter signed just above it (the council's letter, then the minutes it encloses)."""
    return bool(lex.minutes_markers.search(title) or _QA_TITLE.match(title)
                or any(lex.signs_off(x.text) for x in lines[max(0, k - SIGNED_LINES):k]))


TITLE_BLOCK_LINES = 3  # lines under a title that are not headings: a citation, a case number, a date
OPENING_LINES = 4  # lines under a heading within which a document of its own opens


# minutes' opening list of who came (not any minutes word: a decision's own "Decision: upheld" under its title)
_ATTENDANCE = re.compile(rf"^\W*{_WHO_CAME}\b", re.I)


def _opens_document(lines: list[Line], lex: Lexicons) -> bool:
    # (not a coroner's report's own title lines, "# REGULATION 28 REPORT ...", under the deceased's name)
    return any(lex.salutation.match(clean(x.text) or "") or lex.qa_item.match(clean(x.text) or "")
               or _ATTENDANCE.match(x.text) for x in lines)


class _Marks:
    """What each of a file's lines is, read once and on first asking: which greet a reader ("Dear ..."), which
    sign off, which are a title block's plain lines and which of those are prose. The questions below are asked at
    every heading about the lines since the page began, and a converted file may have thousands of headings on
    one page: read line by line each time, they cost the square of the file."""

    def __init__(self, lines: list[Line], lex: Lexicons) -> None:
        self.lines, self.lex = lines, lex
        self._greet: list[int] | None = None  # per line k: the last line above k that greets, or -1
        self._sign: list[int] = []  # per line k: the last line above k that signs off (and does not greet), or -1
        self._plain: list[int] | None = None  # per line k: how many plain (not heading) lines lie above k
        self._prose: list[int] = []  # per line k: how many of those are prose
        self._first_prose: int | None = None  # the first line of prose

    def _index(self, start: int, k: int) -> int:
        return bisect_left(self.lines, start, 0, k, key=lambda x: x.start)

    def letter_open(self, start: int, k: int) -> bool:
        """Whether a letter greeted since offset ``start`` is still running at line ``k`` (no sign-off under
        its "Dear ..."): a page that opens with the body's name and its title is then its running header."""
        if self._greet is None:
            self._greet, self._sign = [-1], [-1]
            for j, x in enumerate(self.lines):
                greets = self.lex.salutation.match(clean(x.text) or "") is not None
                self._greet.append(j if greets else self._greet[-1])
                self._sign.append(j if not greets and self.lex.signs_off(x.text) else self._sign[-1])
        greeted = self._greet[k]
        return greeted >= self._index(start, k) and greeted > self._sign[k]

    def prose_above(self, k: int) -> bool:
        """Whether a line of prose stands above line ``k``: a document there already."""
        if self._first_prose is None:
            self._first_prose = next((j for j, x in enumerate(self.lines) if is_prose(x.text)), len(self.lines))
        return self._first_prose < k

    def title_block(self, start: int, k: int) -> bool:
        """Whether the lines from the page opened at offset ``start`` to line ``k`` are its title block still:
        headings and a few short lines, no sentence (a web page whose text has begun is over when the next
        title comes)."""
        if self._plain is None:
            self._plain, self._prose = [0], [0]
            for x in self.lines:
                plain = self.lex.page_title.match(x.text) is None
                self._plain.append(self._plain[-1] + plain)
                self._prose.append(self._prose[-1] + (plain and is_prose(x.text)))
        lo = self._index(start, k)
        return k > lo and self._plain[k] - self._plain[lo] <= TITLE_BLOCK_LINES \
            and self._prose[k] == self._prose[lo]


# "Response to Regulation 28 Report - Mrs ...", "Regulation 28 Action Plan – Mrs ...", "SkyVault
# Leisure Limited – Response and Action Plan – 12 August 2026"
RESPONSE_TITLE = re.compile(r"^\W*(?:action plan\s*[:–—-]\s*)?(?:our\s+|the\s+)?response to (?:the\s+)?\w"
                             # "Care Inspectorate Wales – response to the recommendations of Being Heard"
                             # (a body's name, not a subject line's "Harriet Vane – response to Regulation 28 report")
                             r"|^\W*(?!(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|re|subject)\b)(?-i:[A-Z])"
                             r"[^.:\n]{0,60}?\b(?:inspectorate|commission|council|agency|authority|trust|board|department|"
                             r"government|service|office|ombudsman|regulator|executive|directorate|nhs|police|university|"
                             r"college|limited|ltd|plc)\b[^.:\n]{0,30}?\s[–—-]\s+(?:our\s+|the\s+|formal\s+)?response to "
                             r"(?:the\s+)?\w"
                             r"|^(?:[^.:\n]{0,80}\s)?(?:response and action plan|action plan)\s*[–—-]\s", re.I)


def response_page(lines: list[Line], k: int) -> bool:
    """Line ``k`` opens a page with a body's name over the title of its response ("Response to
    Regulation 28 Report - Mrs ..."), under its letterhead's address lines if it has them."""
    if not _page_head(lines[k]):
        return False
    for j, x in enumerate(lines[k + 1:k + LETTER_HEAD_LINES]):
        c = clean(x.text) or ""
        if RESPONSE_TITLE.match(c):
            return True
        if j and (is_prose(c) or not (re.search(r"\d|@", c) or len(c.split()) <= 6)):
            return False  # the page's prose or another title: no response title under its head (an
            # address, a telephone number or a short line may stand between)
    return False


def _sentence(c: str) -> bool:
    """A line of prose, mostly words in lower case (not "Our ref: ... / Date: 28 April 2027")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", c)
    return is_prose(c) and 2 * sum(w[0].islower() for w in words) >= len(words)


def _letter_page(lines: list[Line], k: int, lex: Lexicons) -> bool:
    """Line ``k`` opens a page with a letterhead: a body's name (a short line, no sentence) over an
    address with its postcode, then "Dear ..."."""
    if not _page_head(lines[k]):
        return False
    # (a letterhead in two languages, its references and date and the addressee's own address may
    # run past eight lines: "Dear ..." still opens the letter if no sentence stands above it, and the
    # postcode may be the addressee's, under a minister's letterhead that gives none)
    prose = False
    for j, x in enumerate(lines[k + 1:k + LONG_HEAD_LINES], start=1):
        c = clean(x.text) or ""
        if lex.salutation.match(c):
            if j < LETTER_HEAD_LINES:
                return any(has_postcode(y.text) for y in lines[k:k + LETTER_HEAD_LINES])
            return not prose and any(has_postcode(y.text) for y in lines[k:k + j])
        prose = prose or _sentence(c)  # (a page of prose, then a letter it quotes: no letter's head)
        if j >= LETTER_HEAD_LINES - 1 and (_sentence(c) or x.text.startswith("\f")):
            return False
    return False


_MAIL_SUBJECT = re.compile(r"^\W*subject\s*:", re.I)
PAGE_LINES = 5  # lines a web page holds before a pasted e-mail, at least, to be a document of its own
MAIL_HEADER_LINES = 6  # the header's "Sent:", "To:", "Cc:" and "Subject:" lines under its "From:"


# "<form feed>Government response to the Animal Sentience Committee's report ...": a response paper's
# cover page, in a file that holds the report first (a committee's web page, then the PDF that answers it)
_RESPONSE_COVER = re.compile(r"^\W*(?:the\s+)?(?:(?:uk|scottish|welsh|hm)\s+)?government(?:['’]s)?\s+response\s+to\b", re.I)
REPORT_LINES = 20  # lines of the report above such a cover, at least


TITLE_LINES = 8  # lines of a paper's cover in which its title says it responds
ANSWERED_HEADINGS = 2  # "Recommendation 3" headings the first paper has answered under, at least
HEAD_DATE_LINES = 6  # lines under a second paper's first within which it is dated
_ANNEX_HEAD = re.compile(r"^\W*(?:annex|appendix|schedule)\b", re.I)
_REC_HEADING = re.compile(r"^[^\w\n]{0,4}recommendations?\s+\d{1,3}\b(?![^\n]*[.;]\s*$)", re.I)


def _titled_response(lines: list[Line], lex: Lexicons) -> Callable[[Line], bool] | None:
    """For a file that opens with a response paper's title ("Government Response to the Health and
    Social Care Committee's report ..."): which page heads may open another body's response after it
    ("NHS Blood and Transplant / Response to the ... report" on a page of its own). Not the paper's own
    name, nor a head met on more than one page: those are its running headers."""
    cover = [_fold_line(x) for x in lines[:TITLE_LINES]]
    if not lex.answers(" ".join(clean(x.text) or "" for x in lines[:TITLE_LINES])):
        return None
    heads = Counter(_fold_line(x) for x in lines if x.text.startswith("\f"))
    # (after the paper has answered: its own recommendations' headings above, not its cover and summary
    # over its first page, "Department for Transport / Response to the Transport Committee report")
    # (and a document of its own, dated under its head: "13 May 2027", not a running header over the
    # rest of a quote, nor "Annex A / Response to the Committee's recommendations: timetable")
    answered = [x.start for x in lines if _REC_HEADING.match(x.text)]
    at = {x.start: k for k, x in enumerate(lines)}
    return lambda ln: ln.text.startswith("\f") and heads[_fold_line(ln)] == 1 and _fold_line(ln) not in cover \
        and sum(1 for a in answered if a < ln.start) >= ANSWERED_HEADINGS and not _ANNEX_HEAD.match(ln.text) \
        and any(is_dateline(clean(x.text) or "") for x in lines[at[ln.start] + 1:at[ln.start] + HEAD_DATE_LINES])


def _fold_line(ln: Line) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", clean(ln.text) or "").lower().split())


def _response_cover(lines: list[Line]) -> Line | None:
    """The first page that opens with such a title, under a report that recommends and no title of
    the kind above it: a paper that opens with its own title repeats it as every page's running
    header, and those pages are the paper's, not new documents."""
    for k, ln in enumerate(lines):
        if _RESPONSE_COVER.match(clean(ln.text) or ""):
            if k < REPORT_LINES or not ln.text.startswith("\f") \
                    or not any(re.search(r"\brecommend", x.text, re.I) for x in lines[:k]):
                return None
            return ln
    return None


def qa_starts(lines: list[Line], lex: Lexicons) -> list[Start]:
    """Each listed written question ("Asked by: ..."), from the reference line above it where
    there is one ("Question S6W-12345"), and each Hansard extract ("HC Deb 16 December 1953 ...")."""
    lines = _nonblank(lines)
    out = []
    for k, ln in enumerate(lines):
        c = clean(ln.text) or ""
        if lex.hansard_head.match(c):
            out.append(Start(ln.start, Form.qa, ln))
        elif lex.qa_item.match(c):
            ref = next((lines[j] for j in range(k - 1, max(-1, k - 3), -1)
                        if lex.qa_reference.match(clean(lines[j].text) or "")), None)
            out.append(Start((ref or ln).start, Form.qa, ref or ln))
    return out


def is_pfd_record(lines: list[Line], lex: Lexicons) -> bool:
    """The data set's layout: an ISO date, the coroner, the area, the addressees, then the inquest."""
    head = lines[:12]
    if not head or not lex.pfd_head.match(head[0].text):
        return False
    return any(re.search(r"\b(?:inquest|investigation)\b", ln.text, re.I) for ln in head)


def _opening(line: Line) -> str:
    return (clean(line.text[:OPENING_CHARS]) or "").lstrip("-*•· ")


# the report's own closing paragraphs, where a copy keeps them after the concerns
PFD_CLOSING = re.compile(r"(?:in my opinion )?action should be taken\b|you are under a duty to respond\b|"
                         r"your response must contain\b|i have sent a copy of (?:my|this) report\b|"
                         r"i am (?:sending|also sending) (?:this|my) report to\b|"
                         r"i am also under a duty\b|the chief coroner may publish\b", re.I)


def pfd_reply_starts(lines: list[Line], lex: Lexicons) -> list[Start]:
    """Where each reply after a coroner's report begins.

    A reply opens by answering the report ("Thank you for your Report ...", "I
    write in response to the Regulation 28 report ...", "We acknowledge receipt
    ..."). The first reply may instead open with condolences, or, right after
    the report's numbered concerns, with any paragraph that does not carry the
    last concern on; later replies open only with an answer to the report, so a
    reply's own "Thank you for the report" or condolences stay inside it.
    """
    paras = [b.lines[0] for b in to_blocks(lines)][4:]  # date, coroner, area and addressees come first
    out: list[Start] = []
    numbered = 0  # numbered concerns in a row just before this paragraph
    under_heading = False  # inside "TO S2R:", where an unnumbered concern follows
    prev = ""
    after_dear = False  # the paragraph under a reply's own "Dear Coroner," opens nothing new
    for ln in paras:
        c = _opening(ln)
        dear = lex.salutation.match(c) is not None
        opens = (lex.pfd_reply_openers.match(c) is not None and not after_dear) or dear
        # "Dear Mr Rasmussen", then a subject line: the paragraph under both opens nothing new either
        after_dear = dear or (after_dear and not is_prose(c))
        first_only = lex.pfd_first_reply_openers.match(c) is not None
        if not out:
            after_concerns = (numbered and not under_heading and is_prose(c) and not PFD_CLOSING.search(c)
                              and not lex.concern_item.match(c) and not lex.concern_continuation.match(c))
            if opens or first_only or after_concerns:
                out.append(Start(ln.start, Form.response, ln))
            elif lex.concern_item.match(c):
                numbered += 1
                under_heading = False
            elif lex.addressee_heading.match(c):
                under_heading = True
            else:
                numbered = 0 if is_prose(c) else numbered
        elif opens or (first_only and _CLOSING.search(prev)):
            out.append(Start(ln.start, Form.response, ln))
        prev = clean(ln.text[-OPENING_CHARS:]) or ""
    return out


def hard_starts(text: str, lex: Lexicons) -> list[Start]:
    """Every hard boundary in the file, in order; the first region may lack one."""
    lines = split_lines(text)
    if is_pfd_record(lines, lex):
        first = _nonblank(lines)[0]
        return [Start(first.start, Form.report, first)] + pfd_reply_starts(lines, lex)
    starts = {s.offset: s for s in page_starts(lines, lex)}
    for s in qa_starts(lines, lex):
        starts.setdefault(s.offset, s)
    # (files joined by head or tail, each under "==> name <==": each file a document of its own)
    for ln in lines:
        if _FILE_HEAD.match(ln.text):
            starts[ln.start] = Start(ln.start, Form.letter)
    out: list[Start] = []
    for k in sorted(starts):
        st = starts[k]
        # a web page's logo and menu after a form feed, over its title ("# Our response to the coroner"):
        # the page starts at the logo, not a document of links of its own before it
        if out and st.form is Form.page and st.title is not None and _links_only(text[out[-1].offset:st.offset]):
            out[-1] = Start(out[-1].offset, Form.page, st.title)
            continue
        # (or under the last page of the letter before it, the page's own form feed over its logo: the letter
        # ends at the form feed, not with the logo; footer links of the letter's page, no logo, stay its own)
        ff = text.rfind("\f", out[-1].offset + 1 if out else 0, st.offset)
        if st.form is Form.page and st.title is not None and ff >= 0 and _site_head(text[ff:st.offset]):
            st = Start(ff, Form.page, st.title)
        out.append(st)
    return out


# a page's title naming whose response or reply it is: "# Response from the Council", "# The Trust's reply"
_WHOSE_TITLE = re.compile(r"^\W*(?:(?:our|the)\s+)?(?:response|reply)\s+(?:from|of|by)\s+\S|^\W*[^\n]{2,60}(?:'s|’s)\s+"
                          r"(?:response|reply)\b", re.I)
_FILE_HEAD = re.compile(r"^==> [^\n<>]{1,200} <==\s*$")
# a line of a page's links and nothing else: "[![Hollinsclough Bike Park](.../logo.svg)](https://...)",
# "  * [Trails](https://...)"
LINK_LINE = re.compile(r"^\s*(?:[*+-]\s+)?(?:!?\[(?:[^\[\]]|!?\[[^\]]*\]\([^)]*\))*\]\([^)]*\)\s*)+$")


# a page's breadcrumb trail: "[Home](/) > [About us](/about-us) > [News](/news) > Statement"
# (or as a list item: "  * [Home](/) > [Publications](/publications/) > Response to ...")
BREADCRUMB = re.compile(r"^\s*(?:[*+-]\s+)?(?:\[[^\[\]]*\]\([^)]*\)\s*[>›»|/]\s*)+"
                        r"(?:\[[^\[\]]*\]\([^)]*\)|[^\[\]()>›»|]{1,120})\s*$")


_HOME_LINK = re.compile(r"^\s*\[[^\[\]]{2,80}\]\(https?://[^/)\s]+/?\)\s*$")
# a site's name in bold over its menu, where html2text gives no logo: "**Royal College of Nursing**"
_SITE_NAME = re.compile(r"^\s*\*\*[^*\n]{2,80}\*\*\s*$")


def _site_head(region: str) -> bool:
    """Whether ``region``, from a form feed to a page's title, is the page's own head: its logo (or
    its name in bold) over its links; a letter's footer links, with neither, stay the letter's."""
    lines = [ln for ln in region.replace("\f", "\n").splitlines() if ln.strip()]
    if not lines:
        return False
    # (or its name as a link home: "[NHS England](https://www.england.nhs.uk/)"; not a letter's footer links,
    # "  * [Privacy](...)", nor a skip link)
    if lines[0].lstrip().startswith("[![") or _HOME_LINK.match(lines[0]):
        return _links_only(region)
    return bool(_SITE_NAME.match(lines[0])) and len(lines) >= 2 and all(map(_link_line, lines[1:]))


def _links_only(region: str) -> bool:
    """Whether every line of ``region`` is a line of links or a breadcrumb trail (or blank), two at least."""
    lines = [ln for ln in region.replace("\f", "\n").splitlines() if ln.strip()]
    return len(lines) >= 2 and all(map(_link_line, lines))


def _link_line(line: str) -> bool:
    return bool(LINK_LINE.match(line) or BREADCRUMB.match(line))


# the cover sheet of a paper to a board or committee meeting: its title, author and purpose
_BOARD_PAPER = re.compile(r"^\W*(?:(?:report|paper) (?:title|of|author|no\.?|number)|purpose(?: of (?:the|this) "
                          r"(?:report|paper))?|executive (?:sponsor|lead)|enclosure|paper|presented by|"
                          r"meeting date)\s*:|"
                          # a council's "STAFF REPORT" titled so under its agenda item
                          r"^\W*(?:staff|officers?['’]?|director['’]s)\s+report\s*$|"
                          r"^\W*(?:the )?(?:senate|board|council|committee|cabinet) is (?:invited|asked|requested) to\b",
                          re.I | re.M)


# a council report's own headings at its head: "Report of the Returning Officer", "1.  Purpose"
_REPORT_HEAD = re.compile(r"^\W*report of the (?:[\w’'-]+\s+){0,5}[\w’'-]+\s*$|^\W*(?:\d{1,2}\.?\s+)?purpose of "
                          r"(?:the|this) (?:report|paper)\s*$|^\W*\d{1,2}\.?\s+purpose\s*$", re.I | re.M)
# what only a record of the meeting says: who was there, what it resolved or did with a report
_RECORD = re.compile(r"^\W*(?:present|in attendance|apologies)\b|\bresolved\b|\b(?:committee|board|cabinet|council) "
                     r"(?:noted|received|considered|agreed|approved)\b", re.I | re.M)
REPORT_HEAD_LINES = 15  # lines of a paper's head in which a council report names itself


def _board_paper(head: str, lines: list[str]) -> bool:
    """A paper to a meeting ("Agenda item: 11", "Meeting: 25 March"), not a record of it; or a
    council report under its agenda item, which names itself in its first lines ("Report of the
    Returning Officer", "1. Purpose") and records nothing ("Present", "RESOLVED")."""
    if _BOARD_PAPER.search(head):
        return True
    first = "\n".join([ln for ln in lines if ln][:REPORT_HEAD_LINES])
    return _REPORT_HEAD.search(first) is not None and _RECORD.search(head) is None


# a record of a meeting a paper cites (its minutes, its note), and what only the record's own title says
_CITED_RECORD = re.compile(r"\bminutes\b|\bnote of (?:the )?(?:decisions|meeting)\b", re.I)
_RECORD_TITLE = re.compile(r"\b(?:held|meeting)\s+(?:on|at)\b", re.I)
_ATTENDED = re.compile(rf"^\W*(?:{_WHO_CAME}|attendance|members\s+present)\b", re.I)  # (lines cleaned: single spaces)
_BACKGROUND = re.compile(r"^\W*(?:\d{1,2}\.?\s+)?(?:background|supporting)\s+(?:papers|documents)\b", re.I)
CITED_LINES = 10  # lines under a "Background papers" heading that cite what the paper drew on


def _own_record(lines: list[str], k: int) -> bool:
    """Whether the "Minutes of ..." line ``k`` below a paper's head titles a record of its own: who attended under
    it, or its meeting's date ("... meeting held on 27 March 2025") outside a list of background papers."""
    if any(_ATTENDED.match(x) for x in lines[k + 1:k + 1 + OPENING_LINES]):
        return True
    return _RECORD_TITLE.search(lines[k]) is not None \
        and not any(_BACKGROUND.match(x) for x in lines[max(0, k - CITED_LINES):k])


# the report form's own line, under its title: "THIS REPORT IS BEING SENT TO:"
_PFD_FORM = re.compile(r"^\W*this report is being sent to\b", re.I | re.M)


def classify_document(text: str, lex: Lexicons) -> Kind:
    """Kind of a segment with no "Dear ...": Q&A, minutes, a response paper, a report, or other."""
    head = text[:6000]
    lines = [clean(ln) or "" for ln in head.splitlines()]
    if _qa(head, lines, lex):
        return Kind.qa
    markers = [(k, m.group(0)) for k, ln in enumerate(lines) for m in [lex.minutes_markers.search(ln)] if m]
    if _board_paper(head, lines):  # a paper to a meeting is no record of it
        # (nor are the minutes it cites below its title, "Background papers: Minutes of the Overview and
        # Scrutiny Committee, 14 November 2024")
        # (a record's own title keeps its word: "Minutes of the Trust Board meeting held on 6 March 2025", or
        # one with who was present just under it, below a board pack's cover sheet)
        worded = [k for k, ln in enumerate(lines) if ln]
        below = worded[REPORT_HEAD_LINES] if len(worded) > REPORT_HEAD_LINES else len(lines)
        markers = [(k, m) for k, m in markers if not re.match(r"\W*(?:agenda item\b|meeting\s*:)", m, re.I)
                   and not (k >= below and _CITED_RECORD.search(m) and not _own_record(lines, k))]
    markers = [m for _, m in markers]
    # "Action:" alone is weak; with a meeting, a chair or members it is a record
    strong = [m for m in markers if not re.match(r"\W*(action|actions|decision|decisions|resolved)\b", m, re.I)]
    if strong or (markers and re.search(r"\b(meeting|chair|board|members|committee|council|cabinet)\b", head, re.I)):
        return Kind.minutes
    # the coroner's report form itself, whatever its concerns say of others' responses ("The Home Office
    # response to the Rule 35 report was not made ..."): the report
    if _PFD_FORM.search(head) and re.search(r"\bmatters? of concern\b|\bcoroner['’]?s concerns\b", head, re.I):
        return Kind.letter
    # a cover title runs over several lines: "UK Government / Response to the Covid-19 / Inquiry ..."
    title = " ".join(ln for ln in lines[:15] if ln)
    # (an audit report whose action plan sets management's response beside the recommendations it makes
    # is the report: "We make three recommendations, set out in the action plan below")
    if lex.answers(head) or lex.answers(title) or RESPONSE_STATEMENT.search(text) or _TO_GROUP.search(title) \
            or (response_table(head) and not _MAKES.search(head)):
        return Kind.reply
    if re.search(r"\brecommendations?\b|\bmatters? of concern\b|\bconcerns?\b", text, re.I):
        return Kind.letter
    # (a report's background says so too, "The panel concluded that ...": only a page that never says
    # "recommendation" or "concern" answers by it)
    return Kind.reply if len(_REPORTS_WHAT.findall(text)) >= REPORTED_ASKS else Kind.other


# a deck or paper titled as the answer to a group's work: "Response to the Task and Finish Group" (only in its
# title: a letter may end with the title of the paper after it)
_TO_GROUP = re.compile(r"\bresponse to the (?:[\w’'-]+ ){0,5}?(?:working |task and finish |review |scrutiny )?"
                       r"(?:group|panel|taskforce)\b", re.I)


# a paper that states its position on the recommendations it quotes answers them
RESPONSE_STATEMENT = re.compile(
    r"\b(?:(?:the )?(?:uk |scottish |welsh )?(?:government|department|ministry|home office)|we)\s+(?:(?:fully|partially|"
    r"partly) )?(?:accepts?|agrees?(?: with)?|supports?|does not accept|do not accept|rejects?|notes?)\s+"
    r"(?:this|the|these|all)\s+recommendations?\b"
    r"|^\W*(?:government\s+|our\s+|(?:the\s+)?(?:\w+\s+){0,2}?\w+(?:'s|’s)\s+)?response\s*:"
    # a returned action plan's "Response by registered person detailing the actions taken:" (its answer
    # under it, or in the next cell of a Word table saved as text: "...taken:<tab>From 3 May 2027 ...")
    r"|^\W*response (?:by|from) [^:\n]{3,80}:(?:\s*$|\t|[ \t]{3,}\S)"
    # an action plan's "Board response: Accepted", "Cabinet response: Agreed in part", "Our position: Agreed"
    # (or a web page's "**Status:** Partially accepted" under each recommendation's "### Response")
    r"|^[#\s]*response[\s*_:]*\n(?:[ \t]*\n){0,2}\W*status\s*:[\s*_]*(?:(?:not |partially |partly )?(?:accepted|agreed)|rejected|noted|supported)\b"
    # (or beside it in a two-column page from pdftotext -layout: "ONR response          Accepted. ONR ...")
    r"|^\W*(?!your\b)(?:(?:[\w’'-]+\s+){1,3}response|(?:[\w’'-]+\s+){0,3}position)(?:\s*:|[ \t]{3,})[\s*_]*(?:(?:not |partially |partly )?(?:accepted|agreed)|accept|agree|"
    r"rejected|noted|supported)\b"
    # (or an Easy Read version's "What we think:" / "We agree with some of this.")
    r"|^\W*what\s+we\s+think\s*:\s*we\s+(?:(?:do\s+not\s+|don['’]t\s+)?agree|disagree)\b"
    r"|^\W*(?:accepted|not accepted|accepted in (?:principle|part|full)|"
    r"(?:partially|partly) (?:accepted|agreed)|agreed(?: in part| in principle)?|not agreed|rejected)(?:\W*$|\.\s|\s*[-–—:]\s)",
    re.I | re.M)


_MAKES = re.compile(r"\b(?:i|we)\s+(?:make|have made|made|recommend)\b", re.I)
# a minister's written statement takes a report's proposals in turn, in the past tense and the third person
# ("The Review Body concluded that ...", "The Review Body proposed that ..."), never saying "recommendation"
_REPORTS_WHAT = re.compile(r"\b(?:the|its)\s+(?:review\s+body|committee|commission|panel|inquiry|reviewer|report)\s+"
                           r"(?:proposed|recommended|concluded|suggested)\s+that\b", re.I)
REPORTED_ASKS = 2  # such sentences, at least
CELL_GAP = re.compile(r"\t+|[ ]{3,}")  # between two cells of a line: a tab, or a wide gap
_HEADER_CELL = re.compile(r"(?:(?-i:[A-Z])[\w’'-]*\s)?(?:response|position)", re.I)
_ROW_CELL = re.compile(r"(?:[\w’'-]+\s){0,2}(?:recommendations?|concerns?|findings?)", re.I)
HEADER_CELL_WORDS = 4  # words a table header's cell runs to ("Accounts Commission recommendation")


def response_table(text: str) -> bool:
    """An action plan's table, its header setting the body's "Council response" beside the
    recommendations: three short cells at least, a tab or a wide gap apart, one of them the response
    and one the recommendation (its words may wrap on to the header's next line: "Accounts
    Commission" / "recommendation"). Not a justified line of prose that ends on "response"."""
    lines = text.splitlines()
    for k, line in enumerate(lines):
        cells = [c.strip() for c in CELL_GAP.split(line.strip())]
        if len(cells) < 3 or any(not c or len(c.split()) > HEADER_CELL_WORDS for c in cells) \
                or not any(_HEADER_CELL.fullmatch(c) for c in cells):
            continue
        under = " ".join(CELL_GAP.split(lines[k + 1].strip())) if k + 1 < len(lines) else ""
        if any(_ROW_CELL.search(c) for c in cells) or _ROW_CELL.fullmatch(under.strip()):
            return True
    return False


def _qa(head: str, lines: list[str], lex: Lexicons) -> bool:
    questions = sum(1 for ln in lines if lex.qa_heading.match(ln))
    answers = sum(1 for ln in lines if lex.qa_answer_heading.match(ln))
    if questions >= 2 and answers >= 1:
        return True
    return bool(QA_MARKERS.search(head))


# written and oral questions, Hansard extracts and evidence transcripts
QA_MARKERS = re.compile(
    # (a label, not prose that PDF text wrapped at it: "The call was / answered by the nurse in charge")
    r"^\W*asked by\s*:|^\W*answered by\b(?:\s*:|\s*$|\s+(?-i:[A-Z]))|^\W*(?-i:T)o ask (?:the|his|her)\b|^\W*asked the (?:secretary|minister|chancellor|"
    r"prime minister|attorney|solicitor|lord|leader|first minister|cabinet secretary)|^\W*H[CL] Deb\b"
    r"|^\W*(?:corrected |uncorrected )?oral evidence\b|^\W*Q\d{1,4}\s+[A-Z]|^\W*question for\s+(?:the\s+)?[A-Z]"
    r"|^\W*(?:\d+\.\s+)?(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|captain|major|colonel)\.?\s+[A-Z][\w'’ .-]{1,40}?"
    r"\s+asked the\b"
    r"|\basked (?:his|her) majesty['’]s government\b", re.I | re.M)
