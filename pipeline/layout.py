"""Masks the debris of PDF and web conversion without moving any offset.

Page numbers, running headers and footers repeated on every page, horizontal
rules and footnote lines interrupt paragraphs, sometimes mid-sentence. Every
stage runs on a copy of the text in which those lines are blanked with spaces
of the same length, so offsets still point into the original file and a
paragraph broken by a page break reads as one paragraph again.
"""
from __future__ import annotations

import html
import re
from collections import Counter

from pipeline.text import DATE_WORDS, SPREAD_CELLS, WROTE, has_postcode, header_above, names_its_rows, sentence_end

_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$", re.I)
# the foot a browser prints each page with: the page's address, then the page's number of the pages printed
# ("https://www.judiciary.uk/...   2/3")
_PRINT_FOOT = re.compile(r"^\s*https?://\S+(?:\s+\S+){0,2}?\s+\d{1,3}/\d{1,3}\s*$")
# a footer or header that carries its own page number ("Trust – Response to Healthwatch   Page 2 of 4",
# "Northbeam Scaffolding Limited · Registered in England and Wales No. 05873321 · Page 1 of 2")
_PAGED_LINE = re.compile(r"^\s*page\s+\d{1,4}\s+of\s+\d{1,4}\s*[|–—-]"
                         r"|\S(?:\s{2,}(?:[|–—-]\s*)?|\s+[·•|–—-]\s+)page\s+\d{1,4}\s+of\s+\d{1,4}\s*$"
                         # a reference then its page, one space apart ("ICB/QS/PFD/2028-11 Page 1 of 2"): short,
                         # no sentence in it, a code (with a digit or a slash) before "Page", capitalised
                         r"|^[^.!?]{0,60}?[^\s.!?]*[\d/][^\s.!?]*\s(?-i:Page)\s\d{1,4}\sof\s\d{1,4}\s*$", re.I)
_LEADERS = re.compile(r"\.{4,}\s*\d{1,4}\s*$|(?:\s\.){4,}\s*\d{1,4}\s*$")  # contents pages (see _leaders)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,}|\f+)\s*$")
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*\d{1,3}\s*</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\d{1,3}\]:?)\s*\S"
                       r"|^\s*\d{1,3}\.\s.*↩\s*$")  # a web page's footnote ends with its back-link arrow
# repeated lines that carry content, not furniture: a status sentence ("The government accepts
# this recommendation."), a label that names one in its first words ("Recommendation #",
# "Response to concern #", an action plan's "Rec no.: #", "Area for improvement #", and
# "Response by registered person ...:" under each); a running title that only ends with
# "... report's recommendations" is furniture like any other
_KEEP = re.compile(r"recommend.*[.:;)]\W*$|concern.*[.:;)]\W*$|^\W*(?:[\w’'.:-]+\s+){0,3}(?:recommend|concern|rec\b|areas? for improvement)"
                   r"|^\W*(question|response|answer|government response|minutes|action|decision)\W*$"
                   r"|^\W*response (?:by|from)\b[^:]*:\W*$"
                   r"|^\W*(accepted|agreed|noted|rejected|not accepted|partially accepted)\W*$"
                   # each letter of a thread greets the same person ("Dear Mr Prosser,"): a greeting, not furniture
                   r"|^\W*dear\s+(?:\S+\s+){0,4}\S+?,?\s*$"
                   # (and so does each one's e-mail header, "Sent: 30 August 2024 16:51" under each page's "\fFrom:")
                   r"|^\W*(?:from|sent|to|cc|subject)\s*:\s*\S", re.I)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_OWN_PAGE = re.compile(r"\S\s{3,}(?P<end>\d{1,4})\s*$|^\s*(?P<start>\d{1,4})\s{3,}\S")
CELLS_APART = re.compile(r"\S(?: {3,}|\t)\S")  # cells set apart by wide gaps or tabs
REPEATS = 3
NOTICE_WORDS = 70  # words a licence notice runs to as one line (Word's paragraph): more is prose that names it


# what only a notice says, however long its one line: "except where otherwise stated", "Information
# Policy Team", an e-mail's "This e-mail and any attachments ... does not accept liability"
_NOTICE_ONLY = re.compile(r"except where otherwise stated|information policy team|nationalarchives|copyright holders?\b|"
                          r"\bthis (?:e-?mail|message)\b[^.]{0,40}\battachments?\b|does not accept (?:any )?liability|"
                          r"intended (?:solely |only )?for the (?:use of the )?(?:addressee|intended recipient)", re.I)


def _notice(line: str) -> bool:
    """Whether a line that names a licence or a page's chrome is that notice, not a paragraph or a
    table's row that mentions it ("... the data will be released under the Open Government Licence"
    in a Word table's response cell, its row a line): short, or in words only a notice uses."""
    return "\t" not in line.strip() and (len(line.split()) <= NOTICE_WORDS or _NOTICE_ONLY.search(line) is not None)
NEAR = 3  # lines from a page number within which a repeated line is a header or footer
ADDRESS_LINES = 4  # lines of an address under a body's name, its postcode on the last


def _leaders(line: str) -> int | None:
    """Where ``_LEADERS.search(line)`` would start, read backwards from the line's end.

    The same answer in time linear in the line: searching forwards tries every
    dot of a long line of dots as a start and runs each to the end.
    """
    s = line.rstrip()
    j = len(s)
    while j > 0 and len(s) - j < 5 and s[j - 1].isdecimal():
        j -= 1
    if not 1 <= len(s) - j <= 4 or (j > 0 and s[j - 1].isdecimal()):
        return None
    k = j
    while k > 0 and s[k - 1].isspace():
        k -= 1
    starts = []
    d = k
    while d > 0 and s[d - 1] == ".":
        d -= 1
    if k - d >= 4:
        starts.append(d)
    p, pairs = k, 0
    while p >= 2 and s[p - 1] == "." and s[p - 2].isspace():
        p, pairs = p - 2, pairs + 1
    if pairs >= 4:
        starts.append(p)
    return min(starts, default=None)


def _norm(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


_ROW_NUMBER = re.compile(r"^\f?\d{1,3}\.?\s*$")
CELL_WORDS = 8  # words of a table's first cell, a title, under its row's number
# pdftotext -layout's side heading: the keyword on one line, its number under it in the margin, the
# recommendation's words in the column beside both (" Recommendation        Officers should report ..." / " 5")
SIDE_KEYWORD = re.compile(r"^\f?[ \t]{0,4}(?:recommendation|concern)[ \t]{3,}(?=\S)", re.I)
_SIDE_NUMBER = re.compile(r"^[ \t]{0,4}\d{1,3}[a-z]?[ \t]*$")  # (its number alone, the words on the keyword's line)


def _row_number(text: str, content: list[tuple[int, int]], k: int, counts: Counter, last: int | None) -> bool:
    """"1" at the left margin after a blank line, or under a table header's last cell, or the
    row after ``last`` (the table's last row number), with a line of words right under it: the
    number of a table's row as a table pasted from Word or a web page reads, one cell a line. A
    page number sits right-aligned or centred, or has a page's first line (a running header, a
    form feed) or a blank line under it."""
    a = content[k][0]
    if k + 1 >= len(content):
        return False
    na, nb = content[k + 1]
    nxt = text[na:nb]
    if text[a:a + 1] == "\f":  # a page that opens with a number: a row's only where it is the next row's
        return last is not None and text[a:content[k][1]].strip().rstrip(".") == str(last + 1) \
            and len(nxt.split()) >= 3 and not nxt[:1].isspace()
    if a > 1 and text[a - 2:a] != "\n\n":
        # pdftotext of a Word table with no blank lines: the number right under the header's last
        # cell ("Rec" / "Review recommendation" / ... / "RAG status" / "1" / "All grievances ..."),
        # and each row's after it ("Green" / "2" / "The Service should ...")
        if text[a - 1:a] != "\n" or len(nxt.split()) < 3 or text[a:a + 1].isspace():
            return False
        if last is not None and text[a:content[k][1]].strip().rstrip(".") == str(last + 1):
            return True
        above = [text[x:y] for x, y in content[max(0, k - SPREAD_CELLS):k]]
        return header_above(above) is not None
    if "\f" in nxt or nxt[:1].isspace() or text[a:a + 1].isspace() or counts[_norm(nxt)] >= REPEATS:
        return False
    gap = text[content[k][1]:na].count("\n")
    if gap == 1:
        return len(nxt.split()) >= 3
    # pdftotext of a table with a blank line between cells: "1", then the row's first cell, a
    # short title ("Drug supply"), then the cells after it; the line above is the last cell of the
    # row before ("Complete") or of the header ("Target date"), where a page number follows prose
    prev = text[content[k - 1][0]:content[k - 1][1]].strip() if k else ""
    if gap != 2 or "\f" in text[content[k][1]:na] or not 1 <= len(prev.split()) <= CELL_WORDS \
            or prev.endswith((".", ":", ";", ",")) or not nxt[:1].isupper():
        return False
    if 1 <= len(nxt.split()) <= CELL_WORDS and not nxt.rstrip().endswith((".", ":")):
        return True
    # (or a row whose first cell is its answer's prose, as docx2txt gives a reply's action table: "1" under
    # the header's cells, "Concern" / ... / "Status", or the next row's number under the last row's "Complete")
    if last is not None:
        return text[a:content[k][1]].strip().rstrip(".") == str(last + 1)
    above = [text[x:y] for x, y in content[max(0, k - SPREAD_CELLS):k]]
    return text[a:content[k][1]].strip().rstrip(".") == "1" and header_above(above) is not None


def _groups(text: str, content: list[tuple[int, int]], ks: list[int]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for k in ks:
        groups.setdefault(_norm(text[content[k][0]:content[k][1]]), []).append(k)
    return groups


def _pages_count_up(text: str, content: list[tuple[int, int]], ks: list[int]) -> bool:
    """Whether the page numbers these repeated lines carry (after or before a run of spaces) go up
    one or two at a time, as a footer's do from page to page."""
    nums = []
    for k in ks:
        m = _OWN_PAGE.search(text[content[k][0]:content[k][1]])
        if m is None:
            return False
        nums.append(int(m.group("end") or m.group("start")))
    return len(nums) >= REPEATS and all(0 < b - a <= 2 for a, b in zip(nums, nums[1:]))


_BREAK_AFTER = re.compile(r"[ \t\r\n]*\f")
_SENTENCE_END = re.compile(r"[.!?:;)\]]\W*$")
_WRAPPED_BANNER = re.compile(r"\bcookies\b", re.I)  # GOV.UK's cookie banner, its sentences wrapped by html2text
# an e-mail's confidentiality notice, wrapped by the mail client ("... If you are not the intended recipient please
# inform the" / "sender that you have received ..."): its sentence runs on in lower case
_WRAPPED_NOTICE = re.compile(r"\bintended\s+recipient\b|"
                             r"\breceived\s+(?:this|it|the)\s+(?:e-?mail|message)?\s*in\s+error\b", re.I)
_ENDS_NUMBER = re.compile(r"(?:\+44\s?|\b0)\d[\d\s()-]{8,14}\W*$")  # "... | 0121 496 0842": a telephone number


# pdftotext's footnote at a page's foot: "2 Department for Energy Security and Net Zero, ... 2026."
_PDF_FOOTNOTE = re.compile(r"[ \t]*(?P<n>\d{1,2}) (?=[A-Z“\"‘'])\S")
FOOT_LINES = 4  # lines a page's footnotes and its number may take below the footnote's first
_FOOT_RULE = re.compile(r"[_—–-]{5,}")  # the rule pdftotext keeps above a page's footnotes
FOOT_ABOVE = 50  # characters: a line of prose the page's foot cut, not a heading, above a blank line and a footnote
_DATE_START = re.compile(rf"\d{{1,2}} (?:{DATE_WORDS})[a-z]*\b", re.I)


def _page_footnote(text: str, a: int, b: int) -> bool:
    """The line at a..b is a footnote as pdftotext sets it: its number, one space, its words, in the
    last lines of a page, the number glued as a marker to a word above it on the page ("... or
    above.3", "... Report2"), not a list's item or a table's row (their markers are not glued)."""
    m = _PDF_FOOTNOTE.match(text, a, b)
    if m is None or _DATE_START.match(text, m.start("n"), b):
        return False  # ("1 April 2027. All ward staff ...": a sentence wrapped at its date)
    brk = text.find("\f", b)
    if brk < 0 or text.count("\n", b, brk) > FOOT_LINES:
        return False
    page = text.rfind("\f", 0, a) + 1
    above = text[page:a].rstrip().rsplit("\n", 1)[-1].rstrip()
    # (a paragraph broken by the page's foot leaves a blank line between its last line there and the footnote)
    # (not under a heading: "Concern 2: falls pathway" / "12 Trusts in the region have ...")
    blank_between = re.search(r"\n[ \t]*\n[ \t]*$", text[page:a]) is not None and len(above) >= FOOT_ABOVE
    # (nor the rule that sets the footnotes apart: "_____________________")
    if above and not blank_between and not above.endswith((".", "!", "?", ")", "”", "’", '"', ":")) \
            and not _PDF_FOOTNOTE.match(above) and not _FOOT_RULE.fullmatch(above.strip()):
        return False  # under a line that runs on, a line of the sentence ("... will write to the" / "12 Trusts ...")
    # the marker glued to a word ("... or above.3", "... Report2"), not a decimal ("section 3.1", "£1.5m")
    # (not a postcode's district, "Leeds LS12 4QP")
    # (nor a number its sentence's full stop follows: "... upright in a chair1. No dressing ...")
    return re.search(rf"(?:[a-z]{{2}}[.,;:)’”]?|[A-Za-z]{{2}}[.,;:)’”]){m.group('n')}(?![\d%]|\.\d)", text[page:a]) \
        is not None


_REF_CODE = re.compile(r"[ \t]*\f[ \t]*(?P<code>[A-Z][A-Z0-9]*(?:[/-][A-Z0-9]+){2,})[ \t]*")


def _continuation_ref(text: str, a: int, b: int) -> bool:
    """The line at a..b heads a letter's continuation page with the letter's own reference
    ("PSO/DFI/0931/26" under the form feed, after "Our reference: PSO/DFI/0931/26" on its first
    page): the page's furniture, not a heading over what follows it."""
    m = _REF_CODE.fullmatch(text, a, b)
    # (given on page 1 as the letter's reference: not a case code that heads each answer's page)
    return m is not None and re.search(rf"(?im)^[^\n]*\bref(?:erence)?\b[^\n]*(?<![\w/-]){re.escape(m.group('code'))}(?![\w/-])",
                                       text[:a]) is not None


def _at_page_break(text: str, a: int, b: int) -> bool:
    """The line at a..b is the last of its page (a form feed follows) or the first (it opens with one)."""
    return text[a:b].startswith("\f") or _BREAK_AFTER.match(text, b) is not None


def _consecutive_pages(text: str, pair: list[tuple[int, int]]) -> bool:
    """Two alike lines one page apart, counted by form feeds, or by the "Page n of m" footers right above
    them where a PDF viewer's copy has no form feeds: "Page 1 of 3" over the first, "Page 2 of 3" over
    the second."""
    if text.count("\f", pair[0][0] + 1, pair[1][0] + 1) == 1:
        return True
    above = [_under_page_of(text, a) for a, _ in pair]
    return above[0] is not None and above[1] is not None and above[1] == above[0] + 1


PAGE_OF = re.compile(r"\bpage\s+(\d{1,3})\s+of\s+\d{1,3}\s*$", re.I)  # a page's footer: "... Page 2 of 3"


def _under_page_of(text: str, a: int) -> int | None:
    """The page number of the "Page n of m" footer on the line right above offset ``a``, if any (its
    "Page" opening the line or after a space)."""
    end = max(a - 1, 0)
    line = text[text.rfind("\n", 0, end) + 1:end].strip()
    m = PAGE_OF.search(line)
    return int(m.group(1)) if m and (m.start() == 0 or line[m.start() - 1].isspace()) else None


def _number_pages(text: str, pair: list[tuple[int, int]]) -> bool:
    """The numbers two alike lines carry after (or before) a run of spaces go up by the pages between
    them, counted by form feeds: a letter's footer numbering its own pages ("... 1", "... 2"), not a
    table's rows that happen to count up. (A letter in a longer file numbers from its own first page.)"""
    nums, pages = [], []
    for a, b in pair:
        m = _OWN_PAGE.search(text[a:b])
        if m is None:
            return False
        nums.append(int(m.group("end") or m.group("start")))
        pages.append(text.count("\f", 0, a + 1))  # a line that opens with a form feed is on the page it opens
    return nums[1] > nums[0] and nums[1] - nums[0] == pages[1] - pages[0]


# a printed report's running head with its page's number at the outer edge, one space off it:
# "Visitor Access and Tours: Commission Response 3" on a right-hand page, "4 Visitor Access ..." on a left
_BOOK_HEAD = re.compile(r"^\f?\s*(?:(?P<start>\d{1,3}) (?=[A-Z])(?P<a>.+?)|(?P<b>[A-Z].+?) (?P<end>\d{1,3}))\s*$")
BOOK_HEAD_WORDS = (3, 16)  # words such a head runs to, its number aside


def _book_heads(text: str, content: list[tuple[int, int]]) -> list[int]:
    """The lines of such heads: the same words two pages at least, each time at a page break, the
    number on either side going up with the pages (a list's "3 Visitor numbers ..." items do not)."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for k, (a, b) in enumerate(content):
        m = _BOOK_HEAD.match(text[a:b])
        if m is None or not _at_page_break(text, a, b):
            continue
        words = m.group("a") or m.group("b")
        if BOOK_HEAD_WORDS[0] <= len(words.split()) <= BOOK_HEAD_WORDS[1]:
            groups.setdefault(_norm(words), []).append((k, int(m.group("start") or m.group("end"))))
    out = []
    for found in groups.values():
        pages = [text.count("\f", 0, content[k][0] + 1) for k, _ in found]
        if len(found) >= 2 and all(n2 - n1 == p2 - p1 > 0 for (_, n1), (_, n2), p1, p2
                                   in zip(found, found[1:], pages, pages[1:])):
            out += [k for k, _ in found]
    return out


_NOTICE_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-e]\)|[-•*])\s+\S")  # "1. inform the sender ...", "(a) ..."


def noise_lines(text: str, boilerplate: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Spans (without line ends) of lines that are page furniture or publishing boilerplate, not content."""
    lines = [(m.start(), m.start() + len(m.group(0).rstrip("\r\n"))) for m in _LINE.finditer(text) if m.group(0)]
    counts = Counter(_norm(text[a:b]) for a, b in lines)
    content = [(a, b) for a, b in lines if text[a:b].strip()]
    furniture, candidates, chrome = [], [], []
    twice = []  # a two-page letter's footer: a line found twice, each time at a page break
    entries: list[tuple[int, int]] = []
    last_row: int | None = None  # the last table row number kept
    for k, (a, b) in enumerate(content):
        line = text[a:b]
        leaders = _leaders(line)
        if leaders and re.search(r"[A-Za-z]", line[:leaders]):
            entries.append((a + leaders, b))  # a contents entry keeps its words, loses its dots and page
        elif _SIDE_NUMBER.match(line) and k and text[content[k - 1][1]:a] == "\n" \
                and SIDE_KEYWORD.match(text[content[k - 1][0]:content[k - 1][1]]):
            continue  # the number of a side heading, under its keyword in the margin, its words beside them
        elif _ROW_NUMBER.match(line) and _row_number(text, content, k, counts, last_row):
            last_row = int(line.strip().rstrip("."))
            continue  # a table's row number, its cells below it one a line
        elif _PAGE_NUMBER.match(line) or _PAGED_LINE.search(line) or _RULE.match(line) or _FOOTNOTE.match(line) \
                or _PRINT_FOOT.match(line) \
                or leaders is not None or _page_footnote(text, a, b) or _continuation_ref(text, a, b):
            furniture.append(k)
        elif boilerplate is not None and boilerplate.search(line) and _notice(line):
            chrome.append(k)
        elif counts[_norm(line)] >= REPEATS and (3 <= len(line.split()) <= 25 or (
                # "www.slab.example.org.uk      6": a footer of two words, its page one of them, at a page break
                # (not a status column's "   1     Agreed.")
                _OWN_PAGE.search(line) and _at_page_break(text, a, b))) and not _KEEP.search(line):
            candidates.append(k)
        elif counts[_norm(line)] == 2 and 3 <= len(line.split()) <= 25 and not _KEEP.search(line) \
                and (_at_page_break(text, a, b) or _under_page_of(text, a) is not None):
            twice.append(k)
    # a boilerplate sentence wrapped over lines ("We'd also like to set some additional cookies so we can see
    # how GOV.UK is" / "used, remember your settings ..."): the lines it runs on to are boilerplate too
    # (the banner's sentences only, two lines on at most, and no line read as something else already)
    taken = set(furniture) | {k for k, (a, _) in enumerate(content) if any(x <= a < y for x, y in entries)}
    for c in list(chrome):  # (a copy: the lines a notice runs on to are added to chrome below, no notices themselves)
        line = text[content[c][0]:content[c][1]]
        cookies = _WRAPPED_BANNER.search(line) is not None
        if not (cookies or _WRAPPED_NOTICE.search(line)):
            continue
        for n in (c + 1, c + 2):
            a, b = content[n - 1]
            if n >= len(content) or n in chrome or n in taken or _SENTENCE_END.search(text[a:b]) \
                    or text[b:content[n][0]].count("\n") != 1 \
                    or not (cookies or text[content[n][0]:content[n][1]].lstrip()[:1].islower()):
                break
            chrome.append(n)
    # a notice that leads into a list ("If you are not the intended recipient please:" / "1. inform the sender
    # ..."): the list, straight under it, is the notice's too
    for c in [c for c in chrome if text[content[c][0]:content[c][1]].rstrip().endswith(":")]:
        n = c + 1
        while n < len(content) and n not in chrome and n not in taken and _NOTICE_ITEM.match(
                text[content[n][0]:content[n][1]]) and text[content[n - 1][1]:content[n][0]].count("\n") == 1:
            chrome.append(n)
            n += 1
    chrome.sort()
    # A running header sits at page breaks: next to a page number, or inside a
    # sentence that runs on across the page. A letterhead repeated by each
    # letter of a thread does neither.
    # ... or a footer that carries the page's number itself, set off by spaces ("December 2026      3"),
    # counting up page by page (a table's rows "Falls on ward 1    4" count nothing)
    groups = _groups(text, content, candidates)
    own_page = [k for ks in groups.values() if _pages_count_up(text, content, ks) for k in ks]
    twice_groups = _groups(text, content, twice).values()
    paged_twice = [k for ks in twice_groups if len(ks) == 2 and _number_pages(text, [content[k] for k in ks]) for k in ks]
    near_page = {j for k in furniture + own_page for j in range(k - NEAR, k + NEAR + 1)}

    def mid_sentence(k: int) -> bool:  # (not under a signature's address or telephone line, which ends no sentence)
        prev = text[content[k - 1][0]:content[k - 1][1]].strip() if k else ""
        return len(prev.split()) >= 8 and not prev.endswith((".", ":", "!", "?", '"', "”", "'", "’")) \
            and not has_postcode(prev) and not _ENDS_NUMBER.search(prev)

    def letterhead(k: int) -> bool:  # a body's name over its address: "Health and Safety Executive / ... ZJ1 2HS"
        # ("Trust Headquarters / Queensbury General Hospital / Infirmary Road / Queensbury QZ9 7GH")
        return any(has_postcode(text[a:b]) for a, b in content[k + 1:k + 1 + ADDRESS_LINES])

    # (a body's name over its address opening a page near the last page's number is a letterhead there
    # where it is the name's only letterhead: the rest of it a report's addressee, a signature's last
    # line; a letter headed again on each page repeats it as furniture)
    def one_head(ks: list[int]) -> bool:
        return sum(1 for k in ks if letterhead(k)) == 1

    # (a list's items that read alike but for their numbers, "(3) Standard 5.3 [3.3.1]" and "(4) Standard
    # 12.1 [3.4.3]", numbered upwards, are not a header unless a page break parts each two)
    fed = set(furniture)

    def paged_apart(ks: list[int]) -> bool:
        nums = [m.group(1) for k in ks if (m := _ITEM_NUMBER.match(text, content[k][0], content[k][1]))]
        if len(nums) < len(ks) or any(int(a) >= int(b) for a, b in zip(nums, nums[1:])):
            return True  # not items numbered in turn: the same line each time, or a page's number in it
        return all("\f" in text[content[x][1]:content[y][1]] or any(x < f < y for f in fed)
                   for x, y in zip(ks, ks[1:]))

    paged = "\f" in text
    page_numbers = [k for k in furniture if _PAGE_NUMBER.match(ln := text[content[k][0]:content[k][1]])
                    or _PAGED_LINE.search(ln)] + own_page
    numbered = {j for k in page_numbers for j in range(k - NEAR, k + NEAR + 1)}

    def at_break(k: int) -> bool:  # (near a page's number or its break; a rule under a signature is neither)
        if not paged:
            return k in near_page or mid_sentence(k)
        return k in numbered or any(_at_page_break(text, *content[j])
                                    for j in range(max(0, k - NEAR), min(len(content), k + NEAR + 1)))

    # a running header stands at two page breaks at least, or where the text has none, inside two
    # sentences: a body's name once over a page and again in an address and a signature is the head of
    # the document that page starts
    def at_breaks(ks: list[int]) -> bool:
        return sum(1 for k in ks if at_break(k)) >= 2

    repeated = [k for ks in groups.values() if any(k in near_page or mid_sentence(k) for k in ks) and paged_apart(ks)
                and at_breaks(ks) for k in ks if not letterhead(k) or (k in near_page and not one_head(ks))]
    # a running header on the second and third pages only ("Regulation 28: ... – Ref 2026-0417"), each
    # time opening the page under the last one's "Page n of 3": not a letterhead over its address
    # (not a table's header row repeated over its second page: "Action   Lead   Timescale")
    paged_twice += [k for ks in twice_groups
                    if len(ks) == 2 and all(k in near_page and not letterhead(k) and k not in paged_twice
                                            and not CELLS_APART.search(text[content[k][0]:content[k][1]].strip())
                                            for k in ks)
                    and _consecutive_pages(text, [content[k] for k in ks]) for k in ks]
    # a file of one repeated line is content, not furniture
    if len(repeated) * 2 > len(content):
        repeated = []
    books = _book_heads(text, content) if paged else []
    return sorted({content[k] for k in furniture + repeated + paged_twice + chrome + books} | set(entries))


_ITEM_NUMBER = re.compile(r"[ \t\f]*\(?(\d{1,3})[.)]\s")  # "(3) ...", "3. ...": a list item's number
_ESCAPED_NUMBER = re.compile(r"^([ \t\f]*)(\d{1,3})\\(?=[.)])", re.M)


# a markdown writer's escape of a mark that would otherwise be markup: "No\. 5", "Recommendation 2\.1", "\(Vote 13\)"
_MD_ESCAPE = re.compile(r"\\(?=[.()\[\]\-_*#+!`{}])")
_MD_ESCAPED_WORD = re.compile(r"(?<!\S)\S*?\\[.()\[\]\-_*#+!`{}]\S*")
MD_ESCAPES = 5  # escapes, at least, that mark a file as a markdown writer's (a Windows path has a backslash or two)


_MD_UNDERSCORE_BOLD = re.compile(r"(?<![\w_])__(?=[^\s_])([^\n]{1,200}?)(?<=[^\s_])__(?![\w_])")  # "__Response__"


def unescape_markdown(text: str) -> str:
    """``text`` with the backslashes a markdown writer (mammoth, markdownify) sets before every full stop and
    bracket taken out of the words, so "Recommendation 2\\.1" is read as "2.1"; each word keeps its start and
    spaces after it make up its width, so nothing after it moves. Only in a file that escapes so throughout.
    Its bold set in underscores ("__Recommendation 2.1__") is blanked to spaces, as "**" is read through."""
    if "__" in text:
        text = _MD_UNDERSCORE_BOLD.sub(lambda m: "  " + m.group(1) + "  ", text)
    if len(_MD_ESCAPE.findall(text)) < MD_ESCAPES:
        return text
    return _MD_ESCAPED_WORD.sub(lambda m: _padded(_MD_ESCAPE.sub("", m.group(0)), len(m.group(0))), text)


def unescape_numbers(text: str) -> str:
    """``text`` with html2text's escaped paragraph numbers ("1\\. PAC recommendation") read as numbers.

    html2text writes a backslash after a number that opens a line so that Markdown will not make a
    list of it; on a GOV.UK page that number is often the one that names a recommendation. The
    backslash becomes a space before the number, so no offset moves.

    A number set as a dingbat ("❸ Appoint a permanent Director ...", "recommendations ❸ to ❽") is read
    as its digit, one character for one; so is the full-width digit, letter or bracket a Chinese or Japanese
    input method types in an English sentence ("Recommendation （３）", "OUR REF.："), as NFKC reads it."""
    text = _ESCAPED_NUMBER.sub(lambda m: m.group(1) + " " + m.group(2), text)
    if _FULL_WIDTH_CHAR.search(text):  # (a cheap test first: str.translate visits every character)
        text = text.translate(_FULL_WIDTH)
    return _DINGBAT.sub(lambda m: _dingbat_digit(m.group(0)), text)


# the full-width forms of digits, letters and the marks that frame a label or a reference ("（３）", "REF.：",
# "FEHD／HQ"), and the ideographic space; not "＃", "＞", "｜", "＊" or "－", which mean structure in ASCII text
_FULL_WIDTH = {0xFF10 + k: 0x30 + k for k in range(10)} | {0xFF21 + k: 0x41 + k for k in range(26)} \
    | {0xFF41 + k: 0x61 + k for k in range(26)} | {ord(c): ord(a) for c, a in zip("（）：．／", "():./")} \
    | {0x3000: 0x20}
_FULL_WIDTH_CHAR = re.compile("[" + "".join(map(chr, sorted(_FULL_WIDTH))) + "]")


# the circled numbers one to nine in their four sets: "①", "❶", "➀", "➊"
_DINGBAT_SETS = (0x2460, 0x2776, 0x2780, 0x278A)
_DINGBAT = re.compile("[" + "".join(f"{chr(b)}-{chr(b + 8)}" for b in _DINGBAT_SETS) + "]")


def _dingbat_digit(glyph: str) -> str:
    return next(str(ord(glyph) - b + 1) for b in _DINGBAT_SETS if b <= ord(glyph) <= b + 8)


_GRID_RULE = re.compile(r"[ \t]*\+(?:[-=:]{3,}\+){2,}[ \t]*")  # "+------+-------+": a grid table's rule
_GRID_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*")
# or a form boxed with underscores, as a Word form printed to text draws it: " ______" over its first row,
# "|___|______|" under each
_UNDER_RULE = re.compile(r"[ \t]*\|(?:_{3,}\|){2,}[ \t]*")
_UNDER_TOP = re.compile(r"[ \t]*_{20,}[ \t]*")
# or drawn with box characters, as w3m, elinks and lynx dump a web page's table: "┌───┬────┐", "│1  │... │",
# "├───┼────┤"
_BOX_RULE = re.compile(r"\f?[ \t]*[┌├└╔╠╚╒╞╘╓╟╙][─═┬┼┴╦╬╩╤╪╧╥╫╨]{3,}[┐┤┘╗╣╝╕╡╛╖╢╜][ \t]*")
_BOX_ROW = re.compile(r"[ \t]*[│║].*[│║][ \t]*")
_BOX_BARS = "│║┌├└╔╠╚╒╞╘╓╟╙┬┼┴╦╬╩╤╪╧╥╫╨┐┤┘╗╣╝╕╡╛╖╢╜"


def unbox_grid_tables(text: str) -> str:
    """``text`` with pandoc's grid tables ("+----+----+" rules, "| 1 | The Department ... |" rows whose
    cells wrap over several lines) drawn with spaces, as ``pdftotext -layout`` draws a table: each cell's
    lines stay in their column, so the columns are read as a -layout table's are, and a row's number
    stands at its left. A rule becomes a blank line between rows; a bar where the rule above has a "+"
    becomes a space. Same length, same line breaks."""
    if "+-" not in text and "+=" not in text and "|___" not in text and "─" not in text and "═" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    k = 0
    while k < len(lines):
        under = _UNDER_TOP.fullmatch(lines[k]) or _UNDER_RULE.fullmatch(lines[k])
        box = _BOX_RULE.fullmatch(lines[k])
        if not (_GRID_RULE.fullmatch(lines[k]) or under or box):
            k += 1
            continue
        ruled, row, bars = (_UNDER_RULE, _GRID_ROW, "|") if under else (_BOX_RULE, _BOX_ROW, _BOX_BARS) if box \
            else (_GRID_RULE, _GRID_ROW, "|")
        rule, z = lines[k], k + 1
        while z < len(lines) and (ruled.fullmatch(lines[z]) or row.fullmatch(lines[z])):
            z += 1
        rules = [j for j in range(k, z) if ruled.fullmatch(lines[j]) or j == k]
        if len(rules) >= 2 and z - k > len(rules):
            # (an underscored box's joints are its rules' bars: "|___|____|"; a drawn box's, its corners and tees)
            rule = lines[rules[1]] if under else rule
            # (measured from the margin: the form feed that opens a page before the rule takes no column)
            joints = {i for i, ch in enumerate(rule.lstrip("\f")) if ch in "+|" or ch in _BOX_BARS}
            for j in range(k, z):
                if j in rules:  # (the page break a rule opens a page with stays)
                    out[j] = "".join(ch if ch == "\f" else " " for ch in lines[j])
                else:
                    out[j] = "".join(" " if ch in bars and i in joints else ch for i, ch in enumerate(lines[j]))
        k = z
    return "\n".join(out)


CSV_CELLS = 4  # cells a spreadsheet's header row saved as comma-separated text has, at least
CSV_HEAD_WORDS = 4  # words each of its cells runs to, at most ("Ref", "GDC recommendation", "Target date")


def _csv_cells(line: str, sep: str = ",") -> list[str] | None:
    """The cells of a header row as a spreadsheet saves it ('Ref,Coroner's concern,"Action(s)",Owner'), None
    where the line has a quote left open or too few cells."""
    cells, cur, quoted = [], [], False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    cells.append("".join(cur).strip())
    return None if quoted or len(cells) < CSV_CELLS else cells


def untab_csv(text: str) -> str:
    """``text`` with a spreadsheet saved as comma-separated values (an action plan exported from Excel:
    'Ref,GDC recommendation,Lead,Status,RAG,School response,Target date' over '1,"Single longitudinal
    record ...",Director of Clinical Studies,Agreed - in progress,...') read as a Word table saved as text
    is: each comma between cells a tab, each quote round a cell a space, a cell's own line breaks kept.
    Saved as tab-separated values, the tabs stand and only the quotes go. The table runs from a header of
    short cells that name the rows to a blank line outside any cell. Same length; the same line breaks,
    but for a blank line inside a cell, which becomes a space."""
    if '",' not in text and ',"' not in text and '\t"' not in text:
        return text
    out = list(text)
    pos = 0
    for line in re.finditer(r"[^\n]*", text):
        sep = "\t" if "\t" in line.group(0) else ","
        if line.start() < pos or sep not in line.group(0):
            continue
        cells = _csv_cells(line.group(0).rstrip("\r"), sep)
        if not cells or not all(len(c.split()) <= CSV_HEAD_WORDS for c in cells) or not names_its_rows(
                [c for c in cells if c]):
            continue
        quoted, k = False, line.start()
        while k < len(text):
            ch = text[k]
            if ch == '"':
                if quoted and text.startswith('""', k):
                    out[k + 1] = " "  # (a quote inside a cell, doubled)
                    k += 2
                    continue
                # (between tabs, only a quote that opens a cell or closes one: a cell's own words may quote)
                opens = text[k - 1:k] in ("\t", "\n", "")
                closes = text[k + 1:k + 2] in ("\t", "\n", "\r", "")
                if sep == "," or (closes if quoted else opens):
                    quoted, out[k] = not quoted, " "
            elif ch == sep and not quoted:
                out[k] = "\t"
            elif ch == "\n" and quoted and text[k + 1:k + 2] == "\n":
                out[k + 1] = " "  # (a blank line between a cell's paragraphs: the cell goes on, as Word's would)
            elif ch == "\n" and not quoted and text[k + 1:k + 2] in ("\n", "\r", ""):
                break  # (a blank line outside any cell ends the table)
            k += 1
        pos = k
    return "".join(out)


# a table a converter left in HTML inside its Markdown (Azure Document Intelligence, markitdown, pandoc for a
# table with merged cells): "<table>" / "<tr>" / "<td>Recommendation 2<br>The government should ...</td>"
_HTML_ROW_LINE = re.compile(r"^[ \t]*</?(?:table|thead|tbody|tr)>[ \t]*$|^[ \t]*<t[dh](?:\s[^<>\n]*)?>.*$", re.M | re.I)
_HTML_CELL_TAG = re.compile(r"</?t[dh](?:\s[^<>\n]*)?>|</?(?:table|thead|tbody|tr)>", re.I)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)


def untag_html_tables(text: str) -> str:
    """``text`` with the HTML of its tables taken out: each tag a run of spaces, a row's and a table's own
    lines blank, and a "<br>" inside a cell a line break, so a one-cell box, "Recommendation 2<br>The
    government should ...", reads as the label over the recommendation it is. Same length."""
    if "<t" not in text and "<T" not in text:
        return text

    def bare(m: re.Match[str]) -> str:
        line = _HTML_CELL_TAG.sub(lambda t: " " * len(t.group(0)), m.group(0))
        return _HTML_BREAK.sub(lambda t: " " * (len(t.group(0)) - 1) + "\n", line)

    return _HTML_ROW_LINE.sub(bare, text)


MERGED_WORDS = 2  # words a cell repeated across a row of two must run to ("Yes" / "Yes" may be two answers)


def unrepeat_merged_cells(text: str) -> str:
    """``text`` with each row that repeats one cell's words in every cell written once: a Word table's merged
    cell, as python-docx and some converters give it ("Special Responsibility Allowances<tab>Special
    Responsibility Allowances<tab>..."), is a title across the table, not a row of the same words in each
    column. The repeats become spaces; same length."""
    if "\t" not in text:
        return text

    def once(line: str) -> str:
        cells = line.split("\t")
        said = {c.strip() for c in cells}
        if len(cells) < 2 or len(said) != 1 or not cells[0].strip() \
                or (len(cells) < 3 and len(cells[0].split()) < MERGED_WORDS):
            return line
        return cells[0] + " " * (len(line) - len(cells[0]))

    return "\n".join(once(line) if "\t" in line else line for line in text.split("\n"))


def mask_noise(text: str, boilerplate: re.Pattern[str] | None = None) -> str:
    """``text`` with noise lines replaced by spaces; same length, same line breaks, and the same page
    breaks: a form feed opening a web page's masked "Skip to main content" still opens its page."""
    spans = noise_lines(text, boilerplate)
    if not spans:
        return text
    parts, pos = [], 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(re.sub(r"[^\f]", " ", text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


_BOX = "☐☒☑□■"
_CHECKED = "☒☑■"
# a line of statuses to choose from ("☐ Accepted ☐ Partially accepted ☐ Not accepted"), not a question's "☐ Yes ☐ No"
_STATUS_OPTION = re.compile(r"\b(?:accept|agree|reject|not\s+accepted|noted|support)", re.I)
# an option of a tick-box form: its box and its words, up to the next box ("☐ Partially accepted ")
_OPTION = re.compile(rf"[{_BOX}][^{_BOX}\n]*")


# a form's field that numbers what it answers, its value on the line below, as pdftotext reads a form one
# field a line: "Recommendation number" / "1", "Concern no." / "3"
_STACKED_NUMBER = re.compile(r"^(\f?[ \t]*(?:recommendation|concern|finding)[ \t]+(?:number|no\.?|ref(?:erence)?)"
                             r"[ \t]*:?[ \t]*)\n(?=[ \t]*\d{1,3}(?:\.\d{1,2})?[a-z]?[ \t]*$)", re.I | re.M)


def unstack_fields(text: str) -> str:
    """``text`` with a form's number field read on one line with its label: "Recommendation number 1",
    as the form shows it, not a bare "1" that reads as a page's number. Same length; only the line
    break between the two is a space."""
    return _STACKED_NUMBER.sub(lambda m: m.group(1) + " ", text)


def unchecked_options(text: str) -> str:
    """``text`` with the options a form's writer did not tick blanked out: "Trust position: ☒ Accepted
    ☐ Partially accepted ☐ Not accepted" says "Accepted", and the words of the other boxes are the
    form's, not the reply's. Only a line that offers a choice, in a form whose writer ticked boxes:
    a line of statuses with none ticked chose none of them ("☐ Accepted ☐ Partially accepted ☐ Not
    accepted" over "The Council notes it."; a question's "☐ Yes ☐ No" stays). Same length, same
    line breaks."""
    if not any(c in text for c in _CHECKED):
        return text
    out = []
    for line in text.split("\n"):
        boxes = [c for c in line if c in _BOX]
        ticked = any(c in _CHECKED for c in boxes)
        if len(boxes) >= 2 and any(c not in _CHECKED for c in boxes) and (ticked or _STATUS_OPTION.search(line)):
            line = _OPTION.sub(lambda m: m.group(0) if m.group(0)[0] in _CHECKED else " " * len(m.group(0)), line)
        out.append(line)
    return "\n".join(out)


ROTATED_RUN = 3  # lines, at least, a rotated heading's letters stand on, one under the other


def unrotate_headings(text: str) -> str:
    """``text`` with a table's rotated headings blanked, where pdftotext -layout sets their letters one a
    line, one under the other in the column they head ("s" / "u" / "t" / "a" / "t" / "S" over "Status"):
    a letter alone on a line, and the same column's letters on the lines above and below it standing
    apart from any word, are no words of the page's. The header's own line then opens its table, as
    the heading of any other table does. Same length, same line breaks."""
    if "\n" not in text:
        return text
    lines = text.split("\n")

    def lone(line: str, c: int) -> bool:  # a letter at column c with no word within two spaces of it
        return c < len(line) and line[c].isalpha() and not line[max(0, c - 2):c].strip() \
            and not line[c + 1:c + 3].strip()

    blank: set[tuple[int, int]] = set()
    for n, line in enumerate(lines):
        body = line.strip()
        if len(body) != 1 or not body.isalpha():
            continue
        c = line.index(body)
        if (n - 1, c) in blank:
            continue  # (already in the run above)
        lo = n
        while lo > 0 and lone(lines[lo - 1], c):
            lo -= 1
        hi = n
        while hi + 1 < len(lines) and lone(lines[hi + 1], c):
            hi += 1
        if hi - lo + 1 >= ROTATED_RUN:
            blank.update((m, c) for m in range(lo, hi + 1))
    if not blank:
        return text
    out = [list(x) for x in lines]
    for n, c in blank:
        out[n][c] = " "
    return "\n".join("".join(x) for x in out)


# the line breaks a word processor writes as characters of their own: Unicode's line and paragraph
# separators (a Mac's text export of a .docx), and the vertical tab a manual line break becomes in Word
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x0b": "\n"})


def unseparate_lines(text: str) -> str:
    """``text`` with a line separator read as the line break it shows, so a paragraph's lines, a heading
    over its answer and a status line under it stand apart, as in any other file. Same length."""
    if not any(c in text for c in "\u2028\u2029\x0b"):
        return text
    return text.translate(_SEPARATORS)


# a letter alone at a line's end, two spaces or more after the line's words, or alone on its line, or between
# two columns, two spaces or more either side of it
_LONE_LETTER = re.compile(r"(?:^[ \t]*|(?<=\S)[ \t]{2,})(?P<letter>[A-Z])(?:[ \t]*$|[ \t]{2,}(?=\S))", re.M)
WATERMARK_LETTERS = 3  # scattered letters, at least, on a page to read as its watermark


def unmark_watermark(text: str, words: tuple[str, ...]) -> str:
    """``text`` with the letters of a page's diagonal watermark blanked: pdftotext -layout scatters "DRAFT" a
    letter a line down the page, at the ends of table rows ("... the estates mailbox  T"), between its columns
    and alone on lines, where a letter reads as a cell of the row. A page's lone letters are its watermark's
    only where, in order down the page or up it, they spell a watermark word (``words``), letters hidden by
    the text allowed: not a table's "Y" / "N" column. Same length, same line breaks."""
    if not words:
        return text
    blank: list[int] = []
    start = 0
    for page in text.split("\f"):
        lone = [(start + m.start("letter"), m.group("letter")) for m in _LONE_LETTER.finditer(page)]
        seq = "".join(c for _, c in lone)
        if len(seq) >= WATERMARK_LETTERS and any(_spelt_in(seq, w) or _spelt_in(seq[::-1], w) for w in words):
            blank += [at for at, _ in lone]
        start += len(page) + 1
    if not blank:
        return text  # (most files: no page's lone letters spell a watermark, and the text is not copied)
    out = list(text)
    for at in blank:
        out[at] = " "
    return "".join(out)


def _spelt_in(letters: str, word: str) -> bool:
    """Whether ``letters`` are letters of ``word`` in its order, each used once."""
    it = iter(word)
    return all(c in it for c in letters)


DOUBLED_LINES = 20  # lines of text, at least, in a copy that may be double spaced
DOUBLED_SHARE = 0.8  # of its lines with a blank line or more under them (the last of each page's aside)
RUN_ON_SHARE = 0.2  # of those, at least, whose sentence runs on to the next line: wrapped lines, not paragraphs
RUN_ON_LINES = 5
WRAPPED_MAX = 120  # characters of a page's line, at most: a longer line is a paragraph Word kept on one line


def undouble_spacing(text: str) -> str:
    """``text`` with the blank line a PDF viewer's copy (or a Word export) sets under every line taken
    out where a sentence runs on to the next line (it does not end, the next line goes on in lower case,
    and it is no longer than a page's line), so a paragraph's lines read as one paragraph and not each
    as a heading of its own. Only in a copy so spaced throughout, where many sentences run on so:
    one-line paragraphs a blank line apart are paragraphs. Same length: the line's break becomes a
    space at its end, the blank line's break the line's."""
    lines = text.split("\n")
    full = [k for k, ln in enumerate(lines) if ln.strip()]
    if len(full) < DOUBLED_LINES:
        return text
    # (a paragraph may stand two or three blank lines under the last; a page break is no line's run-on)
    spaced = [(a, b) for a, b in zip(full, full[1:]) if b >= a + 2]
    run_on = [(a, b) for a, b in spaced if b == a + 2 and not lines[a + 1].strip("\f") and not sentence_end(lines[a])
              and lines[b].lstrip()[:1].islower() and len(lines[a].rstrip()) <= WRAPPED_MAX]
    if len(spaced) < DOUBLED_SHARE * (len(full) - 1) or len(run_on) < max(RUN_ON_LINES, RUN_ON_SHARE * len(spaced)):
        return text
    out = list(text)
    pos = [0]
    for ln in lines:
        pos.append(pos[-1] + len(ln) + 1)
    for a, _ in run_on:
        out[pos[a + 1] - 1] = " "  # (the line's own break; the blank line's is now the break under it)
    return "".join(out)


# the line over a message an e-mail client quotes: "On Tue, 18 Feb 2025 at 16:20, Standards Commission wrote:"
_WROTE_LINE = re.compile(rf"^[ \t>]*{WROTE}[ \t]*$", re.I | re.M)
PIPE_QUOTED = 2  # lines, at least, set off by "|" under it


def unpipe_quotes(text: str) -> str:
    """``text`` with the "|" some mail programs set a quoted message off with read as the ">" most use,
    in the lines straight under "On ..., X wrote:": the message quoted is the reply's, whichever mark
    sets it off. Not a table's rows, which close with "|" as they open. Same length, same line breaks."""
    if "wrote" not in text or "|" not in text:
        return text
    out = list(text)
    for m in _WROTE_LINE.finditer(text):
        marks = []
        pos = m.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            line = text[pos:end if end >= 0 else len(text)]
            body = line.lstrip(" \t")
            if not body.startswith("|") or (len(body.rstrip()) > 1 and body.rstrip().endswith("|")) \
                    or body[1:2] not in ("", " ", "\t", "|", ">"):
                break
            marks.append(pos + len(line) - len(body))
            if end < 0:
                break
            pos = end + 1
        if len(marks) >= PIPE_QUOTED:
            for k in marks:
                out[k] = ">"
    return "".join(out)


# a Google Docs export's anchors for its comments and footnotes, "... Contrast Therapy Association.[a]",
# "... expiring on 14 November 2023[1]", and the notes themselves at the file's end, "[a]Rosalind - ..."
_ANCHOR = re.compile(r"(?<=\S)\[(?:[a-z]{1,2}|\d{1,2})\]")  # set on the word it marks, no space between
_NOTE_LINE = re.compile(r"^[ \t]*(\[(?:[a-z]{1,2}|\d{1,2})\])", re.M)


def unmark_anchors(text: str) -> str:
    """``text`` with the anchors of a document's comments and footnotes blanked in its lines, where the notes
    they point to open lines of their own: "Association.[a]" ends its sentence, as the page shows it. Same
    length, same line breaks."""
    notes = {m.group(1) for m in _NOTE_LINE.finditer(text)}
    if not notes:
        return text
    return _ANCHOR.sub(lambda m: " " * len(m.group(0)) if m.group(0) in notes else m.group(0), text)


# the page furniture a PDF-to-markdown converter writes as lines of its own: Azure Document Intelligence's
# '<!-- PageHeader="OFFICIAL" -->', '<!-- PageFooter="..." -->', '<!-- PageNumber="2" -->' (its page breaks,
# "<!-- PageBreak -->", stay: they tell that the file is a converter's)
_CONVERTER_FURNITURE = re.compile(r"^[ \t]*<!--[ \t]*page(?P<kind>header|footer|number)[ \t]*=[ \t]*"
                                  r"\"(?P<said>[^\n]*?)\"[ \t]*-->[ \t]*$", re.M | re.I)
_CONVERTER_BREAK = re.compile(r"<!--[ \t]*pagebreak[ \t]*-->", re.I)


def unmark_converted_pages(text: str) -> str:
    """``text`` with the running headers, footers and page numbers a converter marks blanked, as noise is:
    "<!-- PageHeader=..." over a reply's appendix is no title of a document of its own. Only in a file of
    several pages (a one-page file's marks are all that tell it is a converter's), and only a number or words
    said on more than one page: a header said once is the letterhead ("Our ref: DRA/2025/0417"), its words kept
    where they stand and the markup round them blanked. Same length, same line breaks."""
    if "<!--" not in text or not _CONVERTER_BREAK.search(text):
        return text
    said = Counter(m.group("said").strip().lower() for m in _CONVERTER_FURNITURE.finditer(text))

    def unmarked(m: re.Match[str]) -> str:
        if m.group("kind").lower() == "number" or said[m.group("said").strip().lower()] > 1:
            return " " * len(m.group(0))
        a, b = m.start("said") - m.start(), m.end("said") - m.start()
        return " " * a + m.group("said") + " " * (len(m.group(0)) - b)

    return _CONVERTER_FURNITURE.sub(unmarked, text)


# a line numbered in the margin, as Word's line numbering prints it: "  3          appeal to the hearing; and"
_MARGIN_NUMBER = re.compile(r"^(?P<lead>[ \t]{0,6})(?P<n>\d{1,3})(?=[ \t]{2,}\S)", re.M)
MARGIN_RUN = 10  # lines, at least, numbered one by one from 1 on a page
MARGIN_WRAPPED = 0.2  # share of them, at least, that carry on a sentence from the line above (no table's rows do)


def unnumber_margin(text: str) -> str:
    """``text`` with the line numbers of a paper that numbers its lines in the margin blanked: on each page,
    every line from 1 counting up, wrapped lines of a sentence among them ("  2          (a) The HCPC should
    set ..." / "  3          appeal to the hearing; and"); not a table's rows, one a line, each a sentence of
    its own. Same length, same line breaks."""
    if not _MARGIN_NUMBER.search(text):
        return text
    out = list(text)
    pos = 0
    for page in text.split("\f"):
        run: list[re.Match[str]] = []
        for m in _MARGIN_NUMBER.finditer(page):
            if int(m.group("n")) == len(run) + 1:
                run.append(m)
            elif int(m.group("n")) == 1:
                run = [m]
        if len(run) >= MARGIN_RUN and _wrapped(page, run) >= MARGIN_WRAPPED * len(run):
            for m in run:
                out[pos + m.start("n"):pos + m.end("n")] = " " * len(m.group("n"))
        pos += len(page) + 1
    return "".join(out)


def _wrapped(page: str, run: list[re.Match[str]]) -> int:
    """How many of the numbered lines carry on a sentence from the line above: their words start in lower case."""
    ends = (page.find("\n", m.end()) for m in run)
    return sum(1 for m, e in zip(run, ends) if page[m.end():e if e >= 0 else len(page)].strip()[:1].islower())


def _padded(word: str, width: int) -> str:
    """``word`` rewritten in place of ``width`` characters, spaces after it making up the width, so it
    starts where the old one did and nothing after it moves."""
    return word + " " * (width - len(word))


# a heading set letter-spaced, as pdftotext gives a tracked-out title: "R E C O M M E N D A T I O N S",
# "W H A T  I  F O U N D" (its words two spaces apart), "C H I L D R E N ' S  S E R V I C E S"; a kerned pair
# may keep no space between its letters ("S U M M A RY", "R E C O M M E N D AT I O N")
_SPACED_RUN = re.compile(r"[A-Z’'] [A-Z’'&] [A-Z’'&] [A-Z’'&]")  # a cheap test first: most files have none
_SPACED_HEADING = re.compile(r"^(?P<lead>[ \t\f]*)(?P<words>[A-Z’'&]{1,2}(?: {1,2}[A-Z’'&]{1,2}){4,})"
                             r"(?P<tail>[ \t]*)$", re.M)
SPACED_WORD = 20  # letters, at most, of one word of such a heading


def unspace_headings(text: str, words: frozenset[str] = frozenset()) -> str:
    """``text`` with its letter-spaced headings written as words ("RECOMMENDATIONS", "WHAT I FOUND"),
    so the heading that leads into a list, or labels an answer, is read as one; the spaces taken out
    pad the line's end, so no offset moves. Two spaces part words; where pdftotext lost them
    ("G O V E R N M E N T R E S P O N S E"), the letters are split into the heading ``words`` that
    cover them, or kept as one word where none do."""
    if words and _SMALL_CAPS_RUN.search(text):
        text = _SMALL_CAPS_LINE.sub(lambda m: _small_caps_joined(m.group(0), words), text)
    if not _SPACED_RUN.search(text):
        return text

    def joined(m: re.Match[str]) -> str:
        said = " ".join(_split_words(w.replace(" ", ""), words) for w in m.group("words").split("  "))
        return m.group("lead") + _padded(said, len(m.group("words"))) + m.group("tail")

    text = _SPACED_HEADING.sub(joined, text)
    # (such a heading's number set in a box of its own, alone on the next line: "RECOMMENDATION" / "1" is
    # "RECOMMENDATION 1", the line break a space; not a running footer's title over its page number, at the
    # page's foot)
    return _LABEL_OVER_NUMBER.sub(lambda m: m.group(1) + " " + m.group(2), text)


# a heading set in small capitals, its first letter full size: pdftotext parts that letter from the rest of
# the word ("R ECOMMENDATION 1", "G OVERNMENT RESPONSE"); only the heading words are joined, since "SECTION C
# RESPONSES" or "ANNEX A" part real words
_SMALL_CAPS_RUN = re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Z]* )*[A-Z] [A-Z]{3,}")  # a cheap test first
_SMALL_CAPS_LINE = re.compile(r"(?m)^[ \t]*[A-Z][^a-z\n]*$")
_SMALL_CAPS_WORD = re.compile(r"\b([A-Z]) ([A-Z]{3,})\b")


def _small_caps_joined(line: str, words: frozenset[str]) -> str:
    """``line`` with the heading words whose first letter stands apart joined up; the spaces taken out
    pad the line's end, so nothing after the line moves."""
    said = _SMALL_CAPS_WORD.sub(lambda m: m.group(1) + m.group(2) if (m.group(1) + m.group(2)).lower() in words
                                else m.group(0), line)
    return _padded(said, len(line))


_LABEL_OVER_NUMBER = re.compile(r"^([ \t]*(?-i:RECOMMENDATION|CONCLUSION|CONCERN)[ \t]*)\n"
                                r"([ \t]*\d{1,3}(?:\.\d{1,3})?[a-z]?[ \t]*)$(?!\n*\f|\n*\Z)", re.M)


def _split_words(letters: str, words: frozenset[str]) -> str:
    """``letters`` as the ``words`` that spell them, spaced, with as few letters as may be left over
    in words it does not know ("SUMMARY OF THE OEP’S KEY FINDINGS"), then as few words as may be."""
    low = letters.lower()
    # best[i]: (letters in unknown words, words) and the words, spelling low[:i]
    best: list[tuple[tuple[int, int], list[str]] | None] = [((0, 0), [])] + [None] * len(low)
    for i in range(1, len(low) + 1):
        for j in range(max(0, i - SPACED_WORD), i):
            if best[j] is None:
                continue
            piece = low[j:i]
            known = piece in words or (j and piece in ("’s", "'s"))
            (unknown, n), said = best[j]
            cost = (unknown + (0 if known else i - j), n + 1)
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, said + [letters[j:i]])
    out: list[str] = []
    for w in best[len(low)][1]:
        if out and w in ("’S", "'S"):  # (a possessive stays on its word: "COMMISSIONER’S")
            out[-1] += w
        elif out and w.lower() not in words and out[-1].lower() not in words:
            out[-1] += w  # (letters it does not know read as one word)
        else:
            out.append(w)
    return " ".join(out)


# a ligature pdfminer could not map, written as its glyph's number in the font: Calibri's "ti" and "tt"
# ("Recommenda(cid:415)on", "le(cid:425)er"), as Word's PDFs set them
CID_LIGATURES = {"415": "ti", "425": "tt"}
# Calibri's "tf" and "ft" ("por(cid:414)olio", "a(cid:332)er"): read so inside a word only, where a glyph number
# standing alone may be a box or a tick another font draws
CID_IN_WORD = {"414": "tf", "332": "ft"}
_CID_WORD = re.compile(r"[^\s(]*(?:\(cid:\d{1,5}\)[^\s(]*)+")


def unglyph_ligatures(text: str) -> str:
    """``text`` with the ligatures pdfminer wrote as glyph numbers spelt out ("Recommendation"), so
    the words are read; the characters the number took pad the word's end, so the word starts where
    it did and the text after it does not move. Numbers of glyphs it does not know are left."""
    if "(cid:" not in text:
        return text

    def spelt(m: re.Match[str]) -> str:
        in_word = re.search(r"[a-z](?=\(cid:)|(?<=\))[a-z]", m.group(0)) is not None
        glyphs = CID_LIGATURES | CID_IN_WORD if in_word else CID_LIGATURES
        word = re.sub(r"\(cid:(\d{1,5})\)", lambda g: glyphs.get(g.group(1), g.group(0)), m.group(0))
        return _padded(word, len(m.group(0)))

    return _CID_WORD.sub(spelt, text)


# the bullets of Word's Symbol and Wingdings fonts, as "Save as plain text" writes them: the glyph's code in
# the font read as a Latin-1 letter, then the tab Word sets after every bullet ("§" a square, "Ø" an arrow,
# "ü" a tick, "Ÿ" a dot; not Wingdings' diamond, "v", which a list numbered in roman numerals has too)
_WORD_BULLET = re.compile(r"(?m)^([ \t]*)[§ØüŸ](?=\t\S)")


def unglyph_bullets(text: str) -> str:
    """``text`` with Word's bullet glyphs, written as the letters their codes stand for in Latin-1, set as
    bullets ("•"), so a list of concerns is read as one; one character for one, so no offset moves."""
    if "\t" not in text:
        return text
    return _WORD_BULLET.sub(lambda m: m.group(1) + "•", text)


# a line set in "fake bold", each glyph struck twice a hair apart, as pdfminer and some pdftotext builds give it:
# every letter doubled, "RReeccoommmmeennddaattiioonn  11" / "GGoovveerrnnmmeenntt  rreessppoonnssee::  AAccc..."
# (a cheap test first, a capital struck twice and two more letters: most files have none)
_DOUBLED_RUN = re.compile(r"([A-Z])\1(?:([a-z])\2([a-z])\3|([A-Z])\4([A-Z])\5([A-Z])\6)")
DOUBLED_WORD = 6  # characters, at least, of one of such a line's words: shorter pairs ("ee", "11") may be real


def _doubled(word: str) -> bool:
    return len(word) % 2 == 0 and word[0::2] == word[1::2]


def undouble_bold(text: str) -> str:
    """``text`` with its fake-bold lines written once ("Recommendation 1"), so a heading struck twice is
    read as the label it is; the characters taken out pad the line's end, so no offset moves. Only a
    line whose every word is doubled, one of them long, is rewritten: "bookkeeper" keeps its letters."""
    if not _DOUBLED_RUN.search(text):
        return text

    def once(m: re.Match[str]) -> str:
        line = m.group(0)
        words = line.split()
        if not words or not all(_doubled(w) for w in words) or max(map(len, words)) < DOUBLED_WORD:
            return line
        lead = line[:len(line) - len(line.lstrip(" \t\f"))]
        body = line[len(lead):].rstrip(" \t")
        return lead + _padded(" ".join(w[0::2] for w in words), len(body)) + line[len(lead) + len(body):]

    return re.sub(r"[^\n]+", once, text)


# a character a web page's export left as its HTML entity: "Trust&#8217;s", "Hollins &amp; Vane", "&ldquo;Call for
# Concern&rdquo;" ("R&D" and "Q&A" are no entities: no closing semicolon)
_ENTITY_WORD = re.compile(r"\S*&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z]{2,8});\S*", re.I)


def unescape_entities(text: str) -> str:
    """``text`` with the HTML entities a CMS export left in it written as the characters they stand for
    ("Trust’s"), so the words round them are read; the characters an entity took pad its word's end, so
    the word starts where it did and the text after it does not move. A non-breaking space is a space."""
    if "&" not in text or ";" not in text:
        return text

    def said(m: re.Match[str]) -> str:
        word = html.unescape(m.group(0)).replace("\u00a0", " ")
        return _padded(word, len(m.group(0))) if len(word) <= len(m.group(0)) else m.group(0)

    return _ENTITY_WORD.sub(said, text)


# a change pandoc's "--track-changes=all" keeps in a Word file it converts: '[the words]{.insertion
# author="..." date="..."}', the same as '.deletion', and a comment, '[its words]{.comment-start id="0" ...}'
# before the words it is on and '[]{.comment-end id="0"}' after them
_TRACKED = re.compile(r"\[(?P<body>[^\[\]]*)\]\{\.(?P<kind>insertion|deletion|comment-start|comment-end|"
                      r"paragraph-insertion|paragraph-deletion)\b[^{}]*\}")


def accept_changes(text: str) -> str:
    """``text`` as its writer meant it once the changes are accepted: a deletion and a comment are blanked,
    an insertion keeps its words and loses its marks. A draft released with its tracked changes is read
    for what the body would say, not for what it said before or what its reviewers asked. Same length,
    same line breaks."""
    if "]{." not in text:
        return text

    def blank(s: str) -> str:
        return re.sub(r"[^\n]", " ", s)

    def accepted(m: re.Match[str]) -> str:
        if m.group("kind") == "insertion":
            return " " + m.group("body") + blank(m.group(0)[m.end("body") - m.start():])
        return blank(m.group(0))

    return _TRACKED.sub(accepted, text)


# characters a browser's copy keeps that the page never shows: a soft hyphen where a word may break
# ("recom­men­da­tion"), a zero-width space, joiner or word joiner, a byte-order mark
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# (inside a word, a visible character on each side: a mark alone on its line, as Outlook on the web leaves
# one between a message's header fields, keeps the line it holds as it was)
_SOFT_WORD = re.compile(rf"[^\s{_INVISIBLE}]+[{_INVISIBLE}](?=[^\s{_INVISIBLE}])[^\s]*")


def unsoften(text: str) -> str:
    """``text`` with the characters a page never shows taken out of its words, so "Recom­mendation
    6" is read as the heading it is; the characters they took pad the word's end, so no later
    offset moves. Same length, same line breaks."""
    if not any(c in text for c in _INVISIBLE):
        return text

    def joined(m: re.Match[str]) -> str:
        return _padded("".join(c for c in m.group(0) if c not in _INVISIBLE), len(m.group(0)))

    return _SOFT_WORD.sub(joined, text)
