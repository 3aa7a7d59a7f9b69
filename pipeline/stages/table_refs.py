"""Recommendations laid out as rows and bullets rather than numbered prose.

Response tables and action plans reach us three ways: a pipe table (html2text's web pages,
Markdown), a table pasted from Word or a web page with each cell on its own line, and the web
and Word readers' own rendering of a row (a paragraph, a cell a line). In each, the row's first
cell numbers the recommendation, the cell beside it says it, and the rest is the response.
Coroners often bullet their matters of concern instead of numbering them; the replies count
them 1..n.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from pipeline.layout import PAGE_OF
from pipeline.stages.columns import ANSWER_HEAD, CHUNK
from pipeline.stages.ref_forms import labels_r
from pipeline.stages.refs import FORM_SECTION, MODAL, RecRules, Ref, clean_text, label_offset, leading_number
from pipeline.stages.shapes import PFD_CLOSING
from pipeline.text import (ANSWER_CELL, SHOULD_DO, SPREAD_CELLS, Block, Line, answers_only, clean, header_above,
                           is_prose, names_its_rows, sentence_end, short_cell, table_cells)


# the first cell of a table row that numbers a recommendation: "1", "2.", "R3", "Rec 4", "3.14", "2a"
# (or a part of one: "3(i)", "4a(ii)")
_TABLE_LABEL = re.compile(r"^\W{0,4}(?:(?P<pre>rec(?:ommendation)?s?|r)\.?\s*)?"
                          r"(?P<num>\d{1,3}(?:\.\d{1,3})?[a-z]?(?:\((?:[ivx]{1,4}|[a-z])\))?)[.):]?"
                          # a row answering two at once ("6, 7", "1 and 2 (payment and resit)"; not "1,500")
                          r"(?P<more>(?:(?:\s*,\s+|\s+and\s+|\s*&\s*)\d{1,3}(?:\.\d{1,3})?[a-z]?)*)(?:\s+\([^()]{2,40}\))?\s*$", re.I)
# or the number and the recommendation's short title, under a header that names the column: "6.1 Joint
# incident protocol" beside the response to it
_TITLED_LABEL = re.compile(r"^\W{0,4}(?P<num>\d{1,3}(?:\.\d{1,3})?[a-z]?)[.):]?\s+(?P<text>[A-Z][\w'’&/,() -]{2,60})$")
# a first cell that numbers its recommendation and says it, a part's letter after the number: "3a. Designate ..."
_CELL_ITEM = re.compile(r"^\W{0,4}(?P<num>\d{1,3}(?:\.\d{1,3})?[a-z])[.)]\s+(?P<text>\S.*)$")
_TITLED_HEAD = re.compile(r"recommend|concern", re.I)  # a column of recommendations, not of actions taken
_DATE_CELL = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)  # "12 March 2026"
_TABLE_HEAD = re.compile(r"recommend|concern|finding|requirement|improvement|action|\bmatters?\b|\brecs?\b", re.I)


_ANSWER_CELL_HEAD = re.compile(r"\b(?:response|reply|answer|update|progress|comments?|position)\b", re.I)
_STANDARD_CODE = re.compile(r"[A-Z]{1,4}\d{1,2}(?:\.\d{1,2})?(?:\([a-z]\))?")  # "PFE2(e)", "GQ1(a)", "C1(b)"


# a paper's own numbered paragraph on how to read it, not a recommendation: "3.<tab>The response should be
# read alongside the BSL Health Action Plan ...", "The Scottish Government's response should be read in
# conjunction with ...", "It should be read with ..." ("should" there asks nothing of anyone; "The document
# should be read and signed by every new member of staff" does)
READ_WITH = re.compile(r"^\W*(?:(?:this|the|our)\s+(?:[\w’'-]+\s+){0,3}?(?:response|paper|report|document|letter|reply|advice)|it)"
                        r"\s+should\s+be\s+read\s+(?:alongside|with|in\s+conjunction|together)\b", re.I)


def table_items(text: str, b: Block, rules: RecRules, following: int | None = None, after: str = "") -> list[Ref]:
    """The recommendations a table's row numbers in its first cell: one, or each of a row that
    answers several at once ("6, 7", "1 and 2 (payment and resit)"), with the cell beside it.
    ``following`` is the number a list open above it goes on to, ``after`` its last lettered row
    (see ``table_item``)."""
    ref = table_item(text, b, rules, following, after)
    if ref is None:
        return []
    m = _TABLE_LABEL.match(b.text.strip())
    if m is None or not m.group("more"):
        return [ref]
    # each number where the cell writes it; the row's quote is all of theirs, so no one text for each
    lead = len(b.text) - len(b.text.lstrip())
    more = [(b.start + lead + m.start("more") + x.start(), x.group())
            for x in re.finditer(r"\d{1,3}(?:\.\d{1,3})?[a-z]?", m.group("more"))]
    return [replace(ref, text=None)] + [replace(ref, label=lab, number=leading_number(lab), start=at, end=at + len(lab),
                                                text=None) for at, lab in more]


def table_item(text: str, b: Block, rules: RecRules, following: int | None = None, after: str = "") -> Ref | None:
    """A table's row that numbers a recommendation in its first cell: "1 | The council should ... |
    Accepted ...", as an action plan or a response table lays it out. The recommendation is the
    cell beside the number, or the first cell's own words ("1. The council should ..."), never
    the response beside it; the row is one only in a table about recommendations, in words
    that recommend, or as the ``following`` item of a list open above it."""
    if len(b.lines) != 1:
        return None
    cell = table_cells(text).get(b.start)
    own = clean(b.text) or ""
    # (a table with no header, as Word numbers a list with a tab, "1a.<tab>The Company should ...", or a
    # report's section "7.1<tab>The Environment Agency should ...": its first row is a row, the first of the
    # list, not a form's "5<tab>CORONER'S CONCERNS")
    first = _TABLE_LABEL.match(own)
    if cell is None or cell.index != 0 or len(cell.row) < 2 or (cell.row == cell.header and not (
            first and (leading_number(first.group("num")) == 1
                       or first.group("num").endswith(".1")
                       and MODAL.search(" ".join(text[a:z] for a, z in cell.row)) is not None)
            and not (clean(text[cell.row[1][0]:cell.row[1][1]]) or "").isupper())):
        return None
    head = " ".join(text[a:z] for a, z in cell.header)
    m = _TABLE_LABEL.match(own)
    if m:
        quote = cell.row[1]
        words = clean(text[quote[0]:quote[1]]) or ""
        if _STANDARD_CODE.fullmatch(words) and len(cell.row) > 2:
            # "1<tab>PFE2(e)<tab>Remote alarm repaired ...": the standard the row's finding is under, then its words
            quote = cell.row[2]
            words = clean(text[quote[0]:quote[1]]) or ""
    elif (m := rules.list_item.match(own) or _CELL_ITEM.match(own) or _TITLED_LABEL.match(own)) is None:
        return None
    else:
        quote, words = (b.start, b.end), m.group("text")
    # (an index's every row, not the short ones of a summary table whose other rows quote the recommendation
    # at length: "4 | Wraparound childcare for families overseas | MOD" among them is one)
    header = [text[a:z] for a, z in cell.header] if cell.header != cell.row else []
    if _index_row(text, cell.row, header, words) and all(
            _index_row(text, c.row, header, clean(text[c.row[1][0]:c.row[1][1]]) or "")
            for c in table_cells(text).values() if c.header == cell.header and c.row != c.header and len(c.row) > 1):
        return None
    titled = m.re is _TITLED_LABEL and _TITLED_HEAD.search(head) is not None and not _DATE_CELL.match(words)
    # (the report form's own numbered sections, "6<tab>ACTION SHOULD BE TAKEN", in a Word report's tab rows)
    lab = m.group("num")
    listed = following is not None and (lab == str(following) or _next_point(lab, after))
    if not (_TABLE_HEAD.search(head) or MODAL.search(words) and not READ_WITH.match(words) or listed) \
            or (len(words.split()) < 3 and not titled and not (listed and words.endswith(":"))) \
            or FORM_SECTION.match(words):
        return None
    # (a row labelled "R1" answers the report's "R1", and keeps its letter as the report's label does, where
    # the file labels its recommendations so; a reply's "R1" rows over a coroner's concerns are concerns 1..n)
    written = f"R{lab}" if m.re is _TABLE_LABEL and (m.group("pre") or "").lower() == "r" and labels_r(text) else lab
    off = b.start + label_offset(b.text, written)
    # (in a table of two columns, "Rec | Our response", the cell beside the number is the answer, not a quote)
    answered = quote == cell.row[1] and len(cell.header) == 2 and cell.header != cell.row \
        and _ANSWER_CELL_HEAD.search(text[cell.header[1][0]:cell.header[1][1]]) is not None
    if answered:
        return Ref(written, leading_number(lab), off, off + len(written), b.start, b.end, True, True, False)
    return Ref(written, leading_number(lab), off, off + len(written), b.start, quote[1], True, True, True,
               clean_text(words), quote if quote[0] != b.start else None)


def _next_point(lab: str, after: str) -> bool:
    """A lettered row that goes on with the list open above it: "1a" under its lead-in ("The review
    recommended that the Council:" / "1a<tab>clears the backlog ..."), or "1b" after "1a"; its words
    need not recommend, the lead-in did."""
    m = re.fullmatch(r"(\d{1,3})([a-h])", lab)
    if m is None:
        return False
    if not after:
        return m.group(2) == "a"
    a = re.fullmatch(r"(\d{1,3})([a-h])", after)
    return a is not None and a.group(1) == m.group(1) and ord(m.group(2)) == ord(a.group(2)) + 1


INDEX_CELL_WORDS = 6  # words an index table's cells run to, at most: "Listing and timeliness", "Coroner areas, MoJ"


def _index_row(text: str, row: list[tuple[int, int]], header: list[str], words: str) -> bool:
    """A row of an index of the recommendations ("4c | Listing and timeliness | Chief Coroner, MoJ" under
    "Recommendation | Theme | Lead"): three short cells or more that name a theme and an owner, under a
    header that names its rows and has no column for an answer; it states nothing and answers nothing."""
    return len(row) >= 3 and names_its_rows(header) and not ANSWER_HEAD.search(" ".join(header)) \
        and not MODAL.search(words) and all(len((clean(text[a:z]) or "").split()) <= INDEX_CELL_WORDS for a, z in row[1:])


# a table row's number on its own line: "1", "2a", "iii."
_ROW_LABEL = re.compile(r"^\W{0,2}(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]?|(?P<roman>i{1,3}|iv|vi{0,3}|ix|x))[.)]?\s*$",
                        re.I)
_ROMAN_NUMBERS = {r: n for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], 1)}


def header_row(b: Block) -> bool:
    """"Ref / Coroner's concern / Trust response / Lead / Status", a cell a line (or "Ref |
    Recommendation | ..."): the header of a table pasted from Word or a web page; or, from
    pdftotext -layout, one line of cells set apart by wide gaps ("No.   Recommendation   Priority")."""
    cells = [c.strip() for ln in b.lines for c in ln.text.split("|") if c.strip()]
    if len(b.lines) == 1 and len(cells) == 1:
        cells = [c for c in _WIDE_GAP.split(b.lines[0].text.strip()) if c]
    elif "|" not in b.text and len(b.lines) <= HEADER_LINES:
        # (its longer headings wrapped on to a line under it: "... Lead officer   Target" / "date")
        first = [c for c in _WIDE_GAP.split(b.lines[0].text.strip()) if c]
        if len(first) >= 3 and all(short_cell(c) for ln in b.lines[1:] for c in _WIDE_GAP.split(ln.text.strip()) if c):
            cells = first
    return all(short_cell(c) for c in cells) and names_its_rows(cells)


HEADER_LINES = 6  # lines a pdftotext -layout header's wrapped headings run to ("Agreed/" / "Partly" / "Agreed/" / "Not" ...)


_WIDE_GAP = re.compile(r"\s{3,}")
# dashes under each of a header's columns, or under all (or a box-drawing rule: "──────")
_RULE = re.compile(r"^\s*(?:[-─━═]{3,}(?:\s+[-─━═]{3,})+|[-─━═]{10,})\s*$")
SHORT_COLUMN = 3  # words in a column after the recommendation's: a priority, a date, an owner ("High")
# pdftotext -layout: a row's number, then its first cell after a wide gap ("  6     The Council should ...",
# a paragraph-numbered one under a letter's indented margin: "          2.1    Set and publish ...")
# (a part's label fills its column: "2(a)  Make routine inspections ..." under "Rec   Recommendation")
_LAYOUT_ROW = re.compile(r"^\s{0,12}(?P<num>R?\d{1,3}(?:\.\d{1,2})?(?:[a-z]|\([a-h]\))?)[.)]?"
                         r"(?:\s{3,}|(?<=[a-h]\))\s{2})(?=\S)")
# the same under a header already read, where a narrow number column leaves two spaces before the
# row's first cell (" 1  The Minister should   MfI  Accept   Officers have agreed ...")
_HEADED_ROW = re.compile(r"^\s{0,12}(?P<num>R?\d{1,3}(?:\.\d{1,2})?[a-z]?)[.)]?\s{2,}(?=[A-Z])")


def spread_rows(blocks: list[Block]) -> list[Ref]:
    """Rows of a table pdftotext sets out with a blank line between cells: a header of short
    cells ("No." / "Matter raised" / "HMPPS response" / "Target date"), then each row's number
    alone, its title ("Drug supply") and the cells after it. Rows count up from 1 under the header.
    Under a header of answers alone ("Concern" / "Action taken / planned" / "Lead" / ... / "Status",
    as docx2txt gives a reply's action table) the cell after the number is the answer, however
    long: the row names the concern it answers and quotes none."""
    out: list[Ref] = []
    if not any(len(b.lines) == 1 and b.lines[0].text.strip().isdigit() for b in blocks):
        return out  # no row number stands alone: most files, read without testing each block for a header
    k = 0
    while k < len(blocks):
        n = _spread_header(blocks, k)
        if not n:
            k += 1
            continue
        answering = answers_only("\t".join(_cell(b.text) for b in blocks[k:k + n]))
        k += n
        want = 1
        while k + 1 < len(blocks):
            b, title = blocks[k], blocks[k + 1]
            if len(b.lines) == 1 and (clean(b.text) or "").strip() == str(want) \
                    and (answering or 1 <= len(title.text.split()) <= 8):
                lab = str(want)
                off = b.start + label_offset(b.text, lab)
                out.append(Ref(lab, want, off, off + len(lab), b.start, b.end, True, True, False)
                           if answering else Ref(lab, want, off, off + len(lab), b.start, title.end, True, True, True,
                                                 clean_text(title.text), (title.start, title.end)))
                want += 1
            k += 1
    return out


def _cell(s: str) -> str:
    """A cell's words on one line, as a header's cells are compared."""
    return " ".join((clean(s) or "").split())


def _spread_header(blocks: list[Block], k: int) -> int:
    """How many blocks from ``k`` make such a header, 0 where none starts there."""
    cells = []
    for b in blocks[k:k + SPREAD_CELLS]:
        c = _cell(b.text)
        if len(b.lines) > 3 or not short_cell(c) or c.isdigit():
            break  # a long cell, or the first row's number
        cells.append(c)
    return len(cells) if names_its_rows(cells) else 0


LONE_ROW = re.compile(r"^\s*(?P<num>\d{1,2})(?:\.(?P<minor>\d{1,2}))?\s*$")


CELL_BLOCKS = 8  # paragraphs from a row's number to the next row's, at most (its cells, a page's foot)
ROW_CELLS = 6  # cells the table's last row holds, at most: recommendation, status, action, date, owner, RAG
HEADER_CELL_LINES = 12  # lines a header given a cell a paragraph runs to ("Accepted /" / "Partially" / ...)


def _lone_row(b: Block) -> bool:
    return len(b.lines) == 1 and LONE_ROW.match(b.lines[0].text) is not None


_REF_CELL = re.compile(r"^\W*(?:(?:our|your)\s+)?ref(?:erence)?\b\.?\s*(?:no\.?\s*)?:?\s*\S*\d", re.I)


def _head_cells(text: str, blocks: list[Block], i: int) -> int | None:
    """Where the first row's number stands, under a header given a cell a paragraph that starts at ``i``."""
    r = i
    while r < len(blocks) and r - i <= HEADER_CELL_LINES and not (r > i and _lone_row(blocks[r])) \
            and all(short_cell(_cell(x.text)) for x in blocks[r].lines):
        r += 1
    head = [x.text for b in blocks[i:r] for x in b.lines]
    # (a blank line between each: a tab-set or a pipe table's cells, cut from one line, are read as they stand)
    if r == i or r >= len(blocks) or not _lone_row(blocks[r]) or len(head) > HEADER_CELL_LINES \
            or header_above(head) != 0 or any(text.count("\n", a.end, b.start) < 2
                                              for a, b in zip(blocks[i:r], blocks[i + 1:r + 1])):
        return None
    # (nor a reply's table of answers alone, "Concern" / "Action taken" / "Lead": its rows are read a cell a block)
    if answers_only("\t".join(_cell(b.text) for b in blocks[i:r])):
        return None
    # (nor a letterhead's or a decision's short lines, "Ref 25 004 318" / "Kelby Borough Council" / "Date:"; a
    # column's own date, "Progress at 31 March 2026", is the table's)
    if any(_REF_CELL.match(x) or x.rstrip().endswith(":") for x in head):
        return None
    # (its first row quoting what was asked, "... should receive a private first-night interview", and a cell or
    # more beside it, its status or action: not a reply's table of its own summaries of the concerns, "Flue not
    # checked", read a cell a block, nor a decision's numbered paragraphs, one paragraph to each number)
    cells = list(takewhile(lambda b: not _lone_row(b), blocks[r + 1:r + 1 + ROW_CELLS]))
    return r if len(cells) >= 2 and MODAL.search(cells[0].text) else None


def _glued_cells(text: str, blocks: list[Block]) -> list[Block]:
    """A table pdftotext gives a cell a paragraph, a blank line between each: its header's cells ("No." /
    "Recommendation" / "Accepted / Partially Accepted / Not Accepted" / "Action Plan"), then each row's number
    alone ("2.1"), its recommendation, its status and its action, each a paragraph; the header again on each
    page. The table's paragraphs are joined into one block, as the same table with no blank lines reads, so
    its rows are cut where its numbers stand alone."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        r = _head_cells(text, blocks, i)
        if r is None:
            out.append(blocks[i])
            i += 1
            continue
        last, z = r, r + 1
        while z < len(blocks) and z - last <= CELL_BLOCKS:
            if _lone_row(blocks[z]):
                last = z
            elif (again := _head_cells(text, blocks, z)) is not None:
                last, z = again, again
            z += 1
        # (the last row's cells, as many as the header has, not the letter's paragraphs after the table)
        z = min(z, last + min(ROW_CELLS, max(2, r - i - 1)) + 1)
        out.append(Block(tuple(x for b in blocks[i:z] for x in b.lines), blocks[i].gap))
        i = z
    return out


def split_cell_rows(blocks: list[Block], text: str | None = None) -> list[Block]:
    """A Word table as pdftotext gives it with no blank lines: its header a cell a line ("Rec" /
    "Review recommendation" / "Service response" / ... / "RAG status"), then each row's number
    alone on a line and its cells wrapped over the lines under it, the header repeated at each
    page. Each header and each row becomes a block of its own, as a blank line would have made
    them; rows count up from 1 under the first header. (With ``text``, the same table a cell a paragraph.)"""
    if text is not None:
        blocks = _glued_cells(text, blocks)
    if not any(LONE_ROW.match(ln.text) for b in blocks for ln in b.lines[1:]):
        return blocks  # no row number stands alone inside a paragraph: most files
    out: list[Block] = []
    want = None  # the next row's number, once a header has been seen
    last_para: tuple[int, int] | None = None  # the last row numbered as a paragraph ("2.1")
    for b in blocks:
        cuts = set()
        lines = b.lines
        for j, ln in enumerate(lines):
            m = LONE_ROW.match(ln.text)
            if not m or j + 1 >= len(lines) or len((clean(lines[j + 1].text) or "").split()) < 3:
                continue
            if m.group("minor"):
                # (rows numbered as the report's paragraphs, "2.1", "2.2", "3.1": from any under the header, then
                # each the next, in its section or the first of the next)
                key = (int(m.group("num")), int(m.group("minor")))
                head = _header_before(lines, j)
                if head is not None and want is None:
                    cuts |= {head, j}
                    last_para = key
                elif last_para is not None and key in ((last_para[0], last_para[1] + 1), (last_para[0] + 1, 1)):
                    cuts.add(j)
                    last_para = key
                continue
            num = int(m.group("num"))
            head = _header_before(lines, j)
            if head is not None and num in (1, want):
                cuts |= {head, j}
                want = num + 1
            elif want is not None and num == want:
                cuts.add(j)
                want += 1
        cuts.discard(0)
        edges = [0, *sorted(cuts), len(lines)]
        out += [Block(lines[a:z], b.gap if a == 0 else 0) for a, z in zip(edges, edges[1:]) if z > a]
    return out


def split_layout_rows(blocks: list[Block]) -> list[Block]:
    """A table as pdftotext -layout gives it with no blank lines: a header of cells set apart by
    wide gaps ("No.   Recommendation (summary)   Response   Owner   Target"), then each row's
    number and its cells beside it, wrapped over the lines under it. The header and each row become
    blocks of their own, as ``row_block`` reads them; rows count up under the header (a reply's table
    leaves out the rows another body answers: "4", then "6")."""
    if not any(_LAYOUT_ROW.match(ln.text) or _HEADED_ROW.match(ln.text) for b in blocks for ln in b.lines[1:]):
        return blocks  # no row opens a line inside a paragraph: most files
    out: list[Block] = []
    above: Block | None = None
    for b in blocks:
        lines, cuts = b.lines, set()
        last, indent = None, None  # the last row's number and where rows' numbers stand
        for j, ln in enumerate(lines):
            # (under rules drawn across the table, a narrow number column's two spaces: " 1  The Minister should")
            m = _LAYOUT_ROW.match(ln.text) or (_HEADED_ROW.match(ln.text) if j and _RULE.match(lines[j - 1].text)
                                               else None)
            if m is not None and last is not None and _row_key(m.group("num")) > last \
                    and m.start("num") == indent:
                cuts.add(j)
                last = _row_key(m.group("num"))
            elif m is not None and j == 0 and above is not None and header_row(above):
                # (the header a block of its own, cut off above by the table's cells: its rows start this one)
                last, indent = _row_key(m.group("num")), m.start("num")
            elif m is not None and j and header_row(Block((lines[j - 1],), 0)):
                cuts |= {j - 1, j}
                last, indent = _row_key(m.group("num")), m.start("num")
            elif m is not None and j > 1 and (_RULE.match(lines[j - 1].text) or _wrapped_head(lines[j - 2:j])) \
                    and header_row(Block(lines[j - 2:j], 0)):
                # (the header ruled off with dashes under each column: " No.  Area    Recommendation" / " ---  ----";
                # or a letter's, a heading wrapped on to a second line: "...   For   Report" / "para"; a reply's
                # table of answers, "Government" / "response", reads as before)
                cuts |= {j - 2, j}
                last, indent = _row_key(m.group("num")), m.start("num")
            elif m is not None and j > 2 and _RULE.match(lines[j - 1].text) and _WRAPPED_HEAD.match(lines[j - 2].text) \
                    and header_row(Block(lines[j - 3:j - 1], 0)):
                # (both: "Concern   Trust response   Owner   Target   Status" / "date" / "-------   -----")
                cuts |= {j - 3, j}
                last, indent = _row_key(m.group("num")), m.start("num")
        cuts.discard(0)
        edges = [0, *sorted(cuts), len(lines)]
        out += [Block(lines[a:z], b.gap if a == 0 else 0) for a, z in zip(edges, edges[1:]) if z > a]
        above = b
    return out


# a header's heading wrapped alone under it, far right ("para", "to see, and date")
_WRAPPED_HEAD = re.compile(r"^\s{8,}\S+(?:\s\S+){0,3}\s*$")


def _wrapped_head(two: tuple[Line, ...]) -> bool:
    """A letter's table header with a heading wrapped on to the line under it ("...   For   Report" / "para");
    not a reply's table of answers ("Government" / "response"), whose rows are read as before."""
    return _WRAPPED_HEAD.match(two[1].text) is not None and not ANSWER_HEAD.search(f"{two[0].text} {two[1].text}")


def _row_key(num: str) -> tuple[int, ...]:
    """A row's number to count up by: "4" as (4,), "3.1" as (3, 1); a lettered part after its
    number ("3(a)", "3(b)", "4a") counts up within it: (3, 0, 1), (3, 0, 2)."""
    bare = num.rstrip(")").lstrip("R")
    letter = bare[-1:] if bare[-1:].isalpha() else ""
    whole = tuple(int(x) for x in bare.rstrip("abcdefgh").rstrip("(").split("."))
    return whole + ((0, ord(letter) - ord("a") + 1) if letter else ())


def _header_before(lines: tuple[Line, ...], j: int) -> int | None:
    """Where a header of short cells that name the rows starts, ending just above line ``j``."""
    above = max(0, j - HEADER_CELL_LINES)  # (its wrapped headings and a section's title under them)
    k = header_above([ln.text for ln in lines[above:j]])
    return None if k is None else above + k


# a wrapped cell's line that stops mid-sentence: "... to the People and" / "Culture Committee ..."
_RUNS_ON = re.compile(r"(?:,|\b(?:and|or|the|of|to|for|in|on|by|with|a|an|that|should|must|be|its|their|from|at))\s*$",
                      re.I)


def row_block(b: Block, answered: bool = False, head: str | None = None) -> Ref | None:
    """A row of such a table: its number alone on the first line, the recommendation on the
    next (wrapped over the lines under it while its sentence runs on), then the response, lead,
    date and status. With ``answered`` (in a reply) a pdftotext -layout row may carry its answer in
    the columns beside the recommendation. ``head`` is the first line of the table's header, whose
    cells say which column holds the recommendation."""
    laid = _LAYOUT_ROW.match(b.lines[0].text) or (_HEADED_ROW.match(b.lines[0].text) if head else None)
    if laid and answered and head and answers_only(head) and len(b.text.split()) > SHORT_COLUMN + 1:
        # (under "Rec   Response   Owner   Date   Status" the row's first cell is its answer: nothing is quoted;
        # not the paper's next section under the table, "3.    Resources")
        ln, lab = b.lines[0], laid.group("num")
        return Ref(lab, leading_number(lab), ln.start + laid.start("num"), ln.start + laid.end("num"), b.start, b.end,
                   True, True, False)
    if laid:
        at = _recommendation_column(head, laid.end()) if head else None
        # (a row with a long column beside its recommendation, a reply's response, reads as before)
        row = (_column_row(b, laid, at) if at is not None else None) or _layout_row(b, laid, answered, bool(
            answered and head and ANSWER_CELL.search(head)))
        owner = _owner_cell(head, [ln.text for ln in b.lines]) if head and row is not None and not answered else None
        return replace(row, addressee=owner) if owner else row
    if len(b.lines) < 3:
        return None
    m = _ROW_LABEL.match(clean(b.lines[0].text) or "")
    words = clean(b.lines[1].text) or ""
    if not m or len(words.split()) < 4:
        return None
    lab = str(_ROMAN_NUMBERS[m.group("roman").lower()]) if m.group("roman") else m.group("num")
    ln, rec = b.lines[0], b.lines[1]
    k = 1
    while k + 1 < len(b.lines) and not sentence_end(b.lines[k].text) \
            and (_RUNS_ON.search(b.lines[k].text) or not b.lines[k + 1].text.lstrip()[:1].isupper()):
        k += 1
    if k > 1 and sentence_end(b.lines[k].text):
        rec = Line(rec.start, b.lines[k].end, " ".join((clean(x.text) or "") for x in b.lines[1:k + 1]))
        words = rec.text
    off = ln.start + (label_offset(ln.text, m.group("num")) if not m.group("roman") else ln.text.index(m.group("num")))
    return Ref(lab, leading_number(lab), off, off + len(m.group("num")), b.start, rec.end, True, True, True,
               clean_text(words), (rec.start, rec.end))


def continues_rows(b: Block, last: int | None) -> bool:
    """Whether the block is the next row of a pdftotext -layout table whose last row was ``last``, on
    the page after it, below the page's furniture (its repeated header, its footer)."""
    m = _LAYOUT_ROW.match(b.lines[0].text)
    return m is not None and last is not None and m.group("num") == str(last + 1)


def _layout_row(b: Block, m: re.Match, answered: bool = False, answer_column: bool = False) -> Ref | None:
    """A row as pdftotext -layout sets it: the number, the recommendation in the column after it,
    wrapped on the lines below at the same indent, and short columns after a wide gap (a
    priority, a date); a row with a response beside the recommendation is read only in a reply,
    whose answers such a table holds (in a letter it is a table of someone else's answers)."""
    col = m.end()
    parts, beside = [], 0
    for ln in b.lines:
        # a line of the row's column starts at it; one that starts further right holds only later columns
        at_col = ln is b.lines[0] or (len(ln.text) > col and not ln.text[:col].strip() and ln.text[col] != " ")
        first, *rest = _WIDE_GAP.split(ln.text[col:].strip()) if at_col else ["", ln.text.strip()]
        beside += sum(len(c.split()) for c in rest if c)
        if first:
            parts.append(first)
    if beside > SHORT_COLUMN * len(b.lines) and not answered:
        return None  # a response beside it: a reply's table, not a list of recommendations
    words = " ".join(parts)
    if len(words.split()) < 4:
        return None
    lab = m.group("num")
    ln = b.lines[0]
    # (with the answer beside it, the row's first line is the answer's too: not a quote to drop whole)
    # (under a header's column of answers, what stands beside the recommendation answers it however short:
    # "As R2.")
    return Ref(lab, leading_number(lab), ln.start + m.start("num"), ln.start + m.end("num"), b.start, b.end, True,
               True, beside <= SHORT_COLUMN * len(b.lines) and not answer_column, clean_text(words),
               (ln.start + col, b.end))


# the header cell over a -layout table's recommendations: "Recommendation", "Concern", "Finding"
_ITEM_HEAD = re.compile(r"recommend|concern|finding|requirement|" + SHOULD_DO, re.I)


# the header cell over the column that says whom each row is for: "For", "Owner", "Addressed to"
_OWNER_HEAD = re.compile(r"for|to|owner|addressed\s+to|for\s+action\s+by|responsible\s+body", re.I)
OWNER_SLACK = 2  # characters a row's cell may stand off its header's start
OWNER_WORDS = 6  # words a body's name in that column runs to, at most


def _owner_cell(head: str, lines: list[str]) -> str | None:
    """The body a -layout row is for, in the column its header heads "For" ("1   Body-worn video should
    ...   PSNI   4.22" under "No.   Recommendation   For   Report para"), its name wrapped on ("Society and" /
    "Faculty")."""
    at = next((m.start() for m in CHUNK.finditer(head) if _OWNER_HEAD.fullmatch(m.group())), None)
    if at is None:
        return None
    cells = [next((m.group() for m in CHUNK.finditer(ln) if abs(m.start() - at) <= OWNER_SLACK), None)
             for ln in lines]
    cell = cells[0]
    for more in cells[1:]:
        if not (cell and more and re.search(r"(?:\band|&|,)$", cell)):
            break
        cell = f"{cell} {more}"
    return cell if cell and cell[0].isupper() and len(cell.split()) <= OWNER_WORDS else None


def _recommendation_column(head: str, after: int) -> int | None:
    """Where a -layout table's recommendation column starts, when its header sets another column
    between the number and it ("No.   Area of practice   Recommendation   Category"): the
    row's first cell is then a topic, not the recommendation."""
    cells = [(m.start(), m.group()) for m in CHUNK.finditer(head)]
    at = next((a for a, c in cells if _ITEM_HEAD.search(c)), None)
    return at if at is not None and at > after + 1 and sum(1 for a, _ in cells if a < at) >= 2 else None


def _column_row(b: Block, m: re.Match, col: int) -> Ref | None:
    """A row read down its header's recommendation column: each line's cell that starts there
    (a cell ends at a wide gap), the topic before it and the short columns after it set aside."""
    parts, beside = [], 0
    for ln in b.lines:
        t = ln.text
        if len(t) <= col or t[col] == " " or t[col - 1] != " ":
            continue
        first, *rest = _WIDE_GAP.split(t[col:].strip())
        parts.append(first)
        beside += sum(len(c.split()) for c in rest if c)
    words = " ".join(parts)
    if len(words.split()) < 4 or beside > SHORT_COLUMN * len(b.lines):
        return None
    lab, ln = m.group("num"), b.lines[0]
    return Ref(lab, leading_number(lab), ln.start + m.start("num"), ln.start + m.end("num"), b.start, b.end, True,
               True, True, clean_text(words), (ln.start + col, b.end))


_BULLET = re.compile(r"^\s*[-•*–·▪●]\s+(?=\S)")
_CONCERNS_HEAD = re.compile(r"matters? of concern|coroner(?:'|’)?s concerns", re.I)
# "... it is my statutory duty to report to you. My concerns are as follows:" over unnumbered paragraphs
# ... or with a sentence after it that says whom they are for ("The first three are for Wyremoor Police;
# the third, fourth and fifth are for the Probation Service.")
_CONCERNS_LEAD = re.compile(r"\b(?:(?:my|the) concerns|(?:the )?matters of concern) (?:are|were)"
                            r"(?: as follows| these| set out below)?(?:\W*$|[.:]\s+[^.]{0,300}?\b(?:are|is) "
                            r"(?:for|addressed to|directed to|sent to)\b[^.]{0,300}\.\s*$)", re.I)


# a line past the concerns: the form's next section, its closing words, or whom the concerns are for
_PAST_CONCERNS = re.compile(rf"{FORM_SECTION.pattern}|(?i:{PFD_CLOSING.pattern})|"
                            r"(?i:this report is (?:being |also )?(?:sent|addressed|directed) to\b|"
                            r"(?:i am|i have) sen(?:ding|t) this report\b)", re.I)


def _past_concerns(line: str) -> bool:
    """A line past the concerns' bullets: ``_PAST_CONCERNS``, or a lead of its own into another list."""
    c = clean(line) or ""
    return bool(_PAST_CONCERNS.match(c)) or (not _BULLET.match(line) and c.rstrip().endswith(":"))


# the sentence under the bullets that sends them by their places: "I consider that the first, second and
# sixth of these matters are for the Trust; ..."
_ALLOCATES_BY_PLACE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|last)\b[^.]{0,80}?\b(?:is|are)\s+"
                                 r"(?:for|addressed\s+to|directed\s+to|sent\s+to)\b|"
                                 # "I direct the first four matters of concern above to ..."
                                 r"\b(?:direct|address|send)\s+the\s+(?:first|second|third|fourth|fifth|sixth|last)\b",
                                 re.I)


def bulleted_concerns(blocks: list[Block], paragraphs: bool = False) -> list[Ref]:
    """A coroner's report that bullets its matters of concern: each bullet is a concern,
    counted 1..n in order (an implicit number, as the replies count them). With
    ``paragraphs`` (a report in the data set's layout), plain paragraphs under "My concerns
    are as follows:" count the same way, up to the report's closing words."""
    out: list[Ref] = []
    opened = lead = bulleted = False
    for b in blocks:
        first = clean(b.lines[0].text) or ""
        if FORM_SECTION.match(first) or (out and lead and (not is_prose(b.text) or PFD_CLOSING.search(first))):
            break
        below = 0  # the block's first line that may hold a concern
        if not opened or (paragraphs and not lead and not out):
            # the section's heading opens it; its lead ("The MATTERS OF CONCERN are as follows.") may
            # come a paragraph or two under the heading
            was = opened
            heads = [k for k, ln in enumerate(b.lines) if _CONCERNS_HEAD.search(ln.text)]
            opened = opened or bool(heads)
            lead = paragraphs and bool(_CONCERNS_LEAD.search(clean(b.text) or ""))
            opened = opened or lead
            if not was or lead:
                # text with no blank lines (pdftotext of a PDF report) holds the heading, its lead and
                # the bullets in one block: they count from the line straight under the lead ("The
                # MATTERS OF CONCERN are as follows."), not a list above it ("I heard evidence from: •
                # ...": its last words may wrap on to a line of their own, "... are as" / "follows.", though a
                # bullet under the lead is no more of it)
                leads = [k for k, ln in enumerate(b.lines) if heads and k > heads[0] and (
                    _AS_FOLLOWS.search(clean(ln.text) or "") or (not _BULLET.match(ln.text) and _AS_FOLLOWS.search(
                        clean(b.lines[k - 1].text + " " + ln.text) or "")))]
                below = leads[-1] + 1 if leads else len(b.lines)
                if below >= len(b.lines) or not _BULLET.match(b.lines[below].text):
                    continue
        bullets = [(k, m) for k, ln in enumerate(b.lines) for m in [_BULLET.match(ln.text)] if m and k >= below]
        if not bullets and (bulleted or out) and _ALLOCATES_BY_PLACE.search(b.text):
            continue  # a paragraph after the concerns, "I consider that the first ... are for the Trust": none
        if not bullets and lead and is_prose(b.text) and not PFD_CLOSING.search(first):
            n = len(out) + 1
            out.append(Ref(str(n), n, b.start, b.start, b.start, b.end, True, False, True,
                           clean_text(" ".join(b.text.split())), None, None, True))
            continue
        # lines past the concerns, read once for the block
        past = [j for j in range(bullets[0][0] + 1, len(b.lines)) if _past_concerns(b.lines[j].text)] if bullets else []
        if below and past:
            # where no blank line ends them, the concerns end at a line past them, or a new lead ("In reaching
            # these concerns I took account of the following:"), and the bullets under that are no concerns
            bullets = [(k, m) for k, m in bullets if k < past[0]]
        bulleted = bulleted or bool(bullets)
        # (nor a last bullet that says whom they are for: "- I direct the first two concerns to ...")
        bullets = [(k, m) for k, m in bullets if not _ALLOCATES_BY_PLACE.search(b.lines[k].text)]
        for i, (k, m) in enumerate(bullets):
            ln = b.lines[k]
            upto = bullets[i + 1][0] if i + 1 < len(bullets) else len(b.lines)
            # the last runs on to the form's next section or the words that say whom the concerns are
            # for ("This report is sent to the Council in respect of ..."), where no blank line ends it
            upto = next((j for j in past if k < j < upto), upto)
            words = clean_text(" ".join(x.text for x in b.lines[k:upto])[m.end():])
            n = len(out) + 1
            out.append(Ref(str(n), n, ln.start + m.end(), ln.start + m.end(), ln.start, b.lines[upto - 1].end,
                           True, False, True, words, None, None, True))
        if bullets and below and any(j > bullets[-1][0] for j in past):
            break  # the section ended inside the block
    return out


# "I am concerned that ...", "I am also concerned that ...": each opens a concern of its own, where
# text copied from a PDF viewer leaves no blank line between the paragraphs
_CONCERNED = re.compile(r"^\W*I\s+(?:am|was|remain)\s+(?:also\s+|further\s+|particularly\s+|additionally\s+)?"
                        r"concerned\s+(?:that|about|by|at)\b")
CONCERNED_MIN = 2  # such openings, at least, for the section to be read this way
# (or with one more sentence after it, on how the list marks whom each is for: "I have indicated in brackets after
# each concern the organisation or organisations to which it is directed.")
_AS_FOLLOWS = re.compile(r"\b(?:are|were) as follows(?:[.:]\s+[^.]{0,200}?\b(?:directed|addressed|sent|for)\b"
                         r"[^.]{0,120}\.)?\W*$|"
                         r"\bconcerns? (?:are|is)\W*$|\bset out below\W*$", re.I)


TITLE_MAX_WORDS = 8  # words a concern's title runs to, at most
TITLE_SHARE = 0.6  # of the section's longest line: a title is short beside the prose it heads


def titled_concerns(blocks: list[Block]) -> list[Ref]:
    """A coroner's concerns each under a short title of its own, no number or bullet ("Driver training
    and competence" / "Drivers of wheelchair accessible vehicles can carry ..."), as text copied from
    a PDF viewer gives them with no blank lines: each title straight under the lead ("The MATTERS OF
    CONCERN are as follows:") or under a finished sentence, over prose, starts one, counted 1..n; the
    last runs to the form's next section. Two such titles at least."""
    section = _concerns_section(blocks)
    if len(section) < 4:
        return []
    width = max(len(ln.text.strip()) for ln in section)
    titles = [k for k, ln in enumerate(section) if k + 1 < len(section) and _concern_title(ln.text, width)
              and (k == 0 or sentence_end(clean(section[k - 1].text) or ""))
              and is_prose(section[k + 1].text)]
    if len(titles) < CONCERNED_MIN or titles[0] != 0 or any(_BODY_TITLE.search(section[k].text) for k in titles):
        return []  # (titles that name bodies, "Northmoor Hospitals NHS Foundation Trust", group the concerns by addressee)
    return _counted(section, titles)


def _counted(section: list[Line], starts: list[int]) -> list[Ref]:
    """The concerns the lines at ``starts`` open, numbered 1..n in turn, each running to the next and
    the last to the section's end: implicit (a report that numbers none of them)."""
    out = []
    for n, k in enumerate(starts, 1):
        upto = starts[n] if n < len(starts) else len(section)
        ln = section[k]
        words = clean_text(" ".join(x.text for x in section[k:upto]))
        out.append(Ref(str(n), n, ln.start, ln.start, ln.start, section[upto - 1].end, True, False, True,
                       words, None, None, True))
    return out


def _rejoined(lines: list[Line], k: int) -> str:
    """Line ``k`` with the word PDF text hyphenated over its end made whole ("... are as fol-" / "lows."),
    where line ``k`` is that word's second half; "" otherwise."""
    if k == 0 or not re.search(r"[a-z]-\s*$", lines[k - 1].text):
        return ""
    return (clean(lines[k - 1].text.rstrip()[:-1] + lines[k].text.lstrip()) or "")


def _concerns_section(blocks: list[Block], after: int = 0) -> list[Line]:
    """The lines under a report's lead to its concerns ("The MATTERS OF CONCERN are as follows:"), up to
    the form's next section or its closing words (and ``after`` lines more); none where the report has
    no such lead."""
    lines = [ln for b in blocks for ln in b.lines]
    start = next((k for k, ln in enumerate(lines) if _CONCERNS_HEAD.search(ln.text)), None)
    lead = next((k for k in range(start + 1, len(lines)) if _AS_FOLLOWS.search(clean(lines[k].text) or "")
                 or _AS_FOLLOWS.search(_rejoined(lines, k))), None) if start is not None else None
    if lead is None:
        return []
    end = next((k for k in range(lead + 1, len(lines)) if FORM_SECTION.match(clean(lines[k].text) or "")
                or PFD_CLOSING.search(clean(lines[k].text) or "")), len(lines))
    return lines[lead + 1:end + after]


_ORDINAL_OPENING = re.compile(r"^\W{0,3}(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last)"
                              r"(?:ly)?,\s+\S", re.I)
ORDINAL_NUMBERS = {w: n for n, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), 1)}


def ordinal_concerns(blocks: list[Block]) -> list[Ref]:
    """A coroner's concerns as paragraphs opening "Firstly, ...", "Secondly, ...", ... under the lead:
    each starts one, numbered by its word, so long as the words count up from the first; the replies
    answer them by the same words ("On the seventh, ...") or by number."""
    # (a PDF viewer's copy keeps the page's footer among the lines: "Regulation 28 – M J Pascoe Page 2 of 4")
    section = [ln for ln in _concerns_section(blocks) if not PAGE_OF.search(ln.text)]
    starts = [(k, ORDINAL_NUMBERS.get(m.group("word").lower(), 0)) for k, ln in enumerate(section)
              if (m := _ORDINAL_OPENING.match(clean(ln.text) or ""))
              and (k == 0 or sentence_end(clean(section[k - 1].text) or ""))]
    if starts and starts[-1][1] == 0:  # "Finally, ...": the last, one after the one before it
        starts[-1] = (starts[-1][0], len(starts))
    if len(starts) < CONCERNED_MIN or starts[0][0] != 0 or [n for _, n in starts] != list(range(1, len(starts) + 1)):
        return []
    return _counted(section, [k for k, _ in starts])  # (their words count 1..n, so their places number them)


# the report's sentence that allocates its concerns by their places: "The first and second matters are for
# Zipbite Ltd. The third is for ..."; it ends the concerns, and its last ordinal counts them
_ALLOCATES = re.compile(r"^\W*(?:the|my)\s+(?:first|second|third)\b(?:\s+(?:and|,)\s+(?:the\s+)?\w+)*"
                        r"(?:\s+(?:matters?|concerns?|points?|issues?))?\s+(?:is|are)\s+(?:for|addressed\s+to|directed\s+to|sent\s+to)\b",
                        re.I)
_ORDINAL_WORD = re.compile(rf"\b(?:{'|'.join(ORDINAL_NUMBERS)})\b", re.I)
FILL_SLACK = 6  # characters a wrapped line may fall short of the widest line by, a proportional font's doing
_RUN_IN_TITLE = re.compile(r"^[A-Z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5}\.\s+[A-Z]")  # "Oversight of practice mergers. The ICB ..."
ACTION_LINES = 8  # lines of the form's next section in which it may allocate the concerns by place
# "... should respond to the first, second and fourth concerns": concerns allocated by their places
# (or "The first and second concerns above are directed to Ridgeway Haulage Ltd; the second and third to ...")
RESPOND_TO_PLACE = re.compile(r"\brespond\s+to\s+the\s+(?:first|second|third)\b|\bthe\s+first\s+(?:and|,)\s+[^.]{0,40}?"
                              r"(?:concerns?|matters?)\s+(?:(?:set\s+out\s+)?above\s+)?(?:is|are)\s+"
                              r"(?:for|addressed\s+to|directed\s+to|sent\s+to)\b", re.I)


def filled_concerns(blocks: list[Block]) -> list[Ref]:
    """A coroner's concerns as unnumbered paragraphs run together, as a PDF viewer copies them (no blank
    line between, none opening "I am concerned"): a paragraph ends on a finished sentence whose line
    stops short of the others, so short that the next line's first word would have fitted on it. Read
    only where the report then counts them in allocating them ("The first and second matters are for
    ... The fourth and fifth are for ..."), and the count agrees."""
    section = _concerns_section(blocks)
    cut = next((k for k, ln in enumerate(section) if _ALLOCATES.match(clean(ln.text) or "")), None)
    if cut is None:
        # (or the form's next section does: "ACTION SHOULD BE TAKEN ... The practice should respond to the
        # first, second and fourth concerns; the Network to the second and third; ...")
        below = _concerns_section(blocks, ACTION_LINES)[len(section):]
        said = " ".join(clean(ln.text) or "" for ln in below)
        section = section[:len(section) - next((k for k, ln in enumerate(reversed(section))
                                                if not LONE_ROW.match(clean(ln.text) or "")), 0)]
        cut = len(section) if RESPOND_TO_PLACE.search(said) else None
    else:
        said = " ".join(clean(ln.text) or "" for ln in section[cut:])
    if cut is None or cut < 2:
        return []
    count = max((ORDINAL_NUMBERS[w.lower()] for w in _ORDINAL_WORD.findall(said)), default=0)
    lines = section[:cut]
    width = max(len(ln.text.rstrip()) for ln in lines)
    # (or a concern's run-in title opens the line: "Safety-netting. Mrs Astbury was not told ...", whose
    # first word would not have fitted on the line above)
    starts = [0] + [k for k in range(1, len(lines))
                    if sentence_end(clean(lines[k - 1].text) or "") and (clean(lines[k].text) or "")[:1].isupper()
                    and (len(lines[k - 1].text.rstrip()) + 1 + len(lines[k].text.split()[0]) + FILL_SLACK <= width
                         or _RUN_IN_TITLE.match(clean(lines[k].text) or ""))]
    if len(starts) != count:
        # (or, where the lines' lengths do not tell, every finished sentence at a line's end under which a
        # capital opens the next line, so long as the count agrees: a paragraph's last line may be long)
        ends = [0] + [k for k in range(1, len(lines)) if sentence_end(clean(lines[k - 1].text) or "")
                      and (clean(lines[k].text) or "")[:1].isupper()]
        starts = ends if len(ends) == count else starts
    if len(starts) < CONCERNED_MIN or len(starts) != count:
        return []
    return _counted(lines, starts)


# a concern's paragraph number alone on its line, over its text: "5.1" / "Vantis engineers are paid ..."
# (or opening the line its text starts on: "5.1 Pedestrians and lift trucks are not physically separated")
_CONCERN_PARAGRAPH = re.compile(r"^\W{0,3}(?P<num>(?P<head>\d{1,2})\.(?P<sub>\d{1,2}))\.?(?:\s*$|\s+(?P<text>[A-Z].*))")
# the sentence that names the concerns by their paragraphs ("I direct the concerns at paragraphs 5.1 and 5.2
# to Vantis, ..."), not "at 10.30" or "14.5 minutes"
_NAMES_PARAGRAPHS = re.compile(r"\bparagraphs?\s+\d{1,2}\.\d{1,2}\b", re.I)


# the body a concern is for, in brackets closing it: "(For the agency.)", "(For the agency and the council.)"
# (not an aside: "(For example, the ward.)", "(For the avoidance of doubt, ...)")
_TAG_CLOSE = re.compile(r"[(\[]\s*(?:for|to)\s*:?\s+(?!example\b|instance\b|the\s+avoidance\b|more\b|further\b|"
                        r"details?\b|reference\b|information\b|comparison\b)(?P<who>[^()\[\],]{2,80})[)\]]\W*$", re.I)


def tagged_concerns(blocks: list[Block]) -> list[Ref]:
    """A coroner's unnumbered concerns run together in PDF text with no blank line between, each closed
    by the body it is for in brackets ("... or by any sign on site. (For the" / "agency.)"): each tag
    ends one, and the next line opens the next. Read only where the section's last line closes one too,
    so that every concern is told apart by its tag."""
    section = [ln for ln in _concerns_section(blocks) if not PAGE_OF.search(ln.text) and ln.text.strip()]
    tags = [(k, m) for k in range(len(section)) if (m := _tag_closing(section, k)) is not None]
    if len(tags) < CONCERNED_MIN or tags[-1][0] != len(section) - 1:
        return []
    # (each sent to the body its tag names, "the agency and the council" to both)
    return [replace(r, addressee=m.string[m.start("who"):m.end()].strip(" .)]"))
            for r, (_, m) in zip(_counted(section, [0] + [k + 1 for k, _ in tags[:-1]]), tags)]


def _tag_closing(section: list[Line], k: int) -> re.Match[str] | None:
    """The tag that line ``k`` closes a concern with, on the line or wrapped on to it from the line above."""
    line = clean(section[k].text) or ""
    if (own := _TAG_CLOSE.search(line)) is not None or not k or ")" not in line:
        return own
    above = clean(section[k - 1].text) or ""
    return None if _TAG_CLOSE.search(above) else _TAG_CLOSE.search(f"{above} {line}")


def paragraph_concerns(blocks: list[Block]) -> list[Ref]:
    """A coroner's concerns numbered by paragraph, each number alone on its line over the concern (a
    PDF's text with the number in a column of its own) or opening it, in PDF text with no blank line
    between them: "5.1", "5.2", ... counting up from 1 under one
    section number, each keyed by its number as FORMAT.md keys a report's paragraphs. A paragraph that
    itself names the others ("I direct the concerns at paragraphs 5.1 and 5.2 to Vantis, ...")
    allocates them and is none."""
    section = _concerns_section(blocks)
    starts = [(k, m) for k, ln in enumerate(section) if (m := _CONCERN_PARAGRAPH.match(clean(ln.text) or ""))]
    if len(starts) < CONCERNED_MIN or starts[0][0] != 0 or len({m.group("head") for _, m in starts}) != 1 \
            or [int(m.group("sub")) for _, m in starts] != list(range(1, len(starts) + 1)):
        return []
    # (the section's end: the form's next number alone on its line before its title, "6" / "ACTION ...")
    end = len(section) - next((k for k, ln in enumerate(reversed(section))
                               if not LONE_ROW.match(clean(ln.text) or "")), 0)
    out = []
    for n, (k, m) in enumerate(starts):
        upto = starts[n + 1][0] if n + 1 < len(starts) else end
        words = clean_text(" ".join([m.group("text") or ""] + [x.text for x in section[k + 1:upto]])) or ""
        if (named := _NAMES_PARAGRAPHS.search(words)) is not None:
            # (the allocation: a paragraph of its own, "5.7", or the sentences run on after the last concern)
            words = words[:words.rfind(". ", 0, named.start()) + 1]
        if not words:
            continue
        ln = section[k]
        at = ln.start + ln.text.index(m.group("num"))
        out.append(Ref(m.group("num"), int(m.group("head")), at, at + len(m.group("num")), ln.start,
                       section[upto - 1].end, True, False, True, words))
    return out if len(out) >= CONCERNED_MIN else []


# a title that names a body or a post, not a concern's subject: "Northmoor Medical Equipment Ltd", "Chief
# Executive, Network Rail", "To the Trust" (not "NHS 111 call categorisation")
_BODY_TITLE = re.compile(r"\b(?:Ltd|Limited|plc|LLP|Trust|Council|Board|Authority|Agency|Department|NHS|Police|"
                         r"Commission|Ministry|Group|Association|Service|Rail|Office)\W*$|"
                         r"^\W*(?:(?i:to|for)\s+(?:the\s+)?[A-Z]|(?:Secretary of State|Chief Executive|Chief Constable|"
                         r"Minister|Director|Chair|Registered Manager|Medical Director)\b)")


def _concern_title(raw: str, width: int) -> bool:
    """A short capitalised line that ends no sentence: "Complaints about securement"."""
    c = (clean(raw) or "").strip()
    return 0 < len(c.split()) <= TITLE_MAX_WORDS and len(c) < TITLE_SHARE * width and c[:1].isupper() \
        and not sentence_end(c) and not c.endswith((",", ";", ":")) and not MODAL.search(c)


def concerned_lines(blocks: list[Block]) -> list[Ref]:
    """A coroner's concerns as unnumbered paragraphs run together (no blank line between them): each
    "I am concerned that" line under the concerns' heading starts one, up to the next, counted 1..n,
    and the last runs to the form's next section."""
    lines = [ln for b in blocks for ln in b.lines]
    opened = False
    starts: list[int] = []
    lead: int | None = None  # the line that says they follow ("The MATTERS OF CONCERN are as follows.")
    end = len(lines)
    for k, ln in enumerate(lines):
        c = clean(ln.text) or ""
        if not opened:
            opened = bool(_CONCERNS_HEAD.search(c))
            continue
        if FORM_SECTION.match(c) or PFD_CLOSING.search(c):
            end = k
            break
        if _CONCERNED.match(c):
            starts.append(k)
        elif not starts and _AS_FOLLOWS.search(c):
            lead = k
    # (each of them so opened, the first straight under the lead: not where a first concern in other
    # words would be lost and the rest counted from 1)
    if len(starts) < CONCERNED_MIN or lead is None or starts[0] != lead + 1:
        return []
    out = []
    for n, k in enumerate(starts, 1):
        upto = starts[n] if n < len(starts) else end
        words = clean_text(" ".join(x.text for x in lines[k:upto]))
        ln = lines[k]
        out.append(Ref(str(n), n, ln.start, ln.start, ln.start, lines[upto - 1].end, True, False, True,
                       words, None, None, True))
    return out
