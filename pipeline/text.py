"""Line, block and markup helpers shared by the stages.

The corpus is text converted from web pages and PDFs: markdown emphasis,
links, ``<sup>`` footnote markers and hard page breaks sit inside the text.
Stages keep offsets into the raw text and clean only the values they report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# link text holds no "[" but a bracketed "[1]": from a run of "[" each try stops at the next
# one, so a line of thousands of brackets is read once, not once per bracket
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*\)")
_ANGLE_URL = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_SUP = re.compile(r"<sup>\s*([^<]{0,12}?)\s*</sup>", re.I)
_TAG = re.compile(r"</?[a-z][^>]{0,40}>", re.I)
_EMPH = re.compile(r"(\*{1,3}|_{2,3})")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")

DATE_WORDS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        # (a quoted blank line, "> " alone, parts a quoted message's paragraphs as a blank line does)
        return not self.text.strip().lstrip(">").strip()


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive non-blank lines; ``gap`` counts blank lines before it."""

    lines: tuple[Line, ...]
    gap: int

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends: its newline, or the text's end."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def split_lines(text: str, start: int = 0, end: int | None = None, *, cells: bool = False) -> list[Line]:
    """Lines of ``text[start:end]`` with offsets into ``text``; handles CR, CRLF.

    With ``cells``, a pipe table's row becomes its cells, each a paragraph of its own, the way the
    web reader renders a table: a recommendation's number, its words and the response beside them
    are then read as they are in prose."""
    end = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    for m in re.finditer(r"\r\n|\r|\n", text[start:end]):
        stop = start + m.start()
        out.append(Line(pos, stop, text[pos:stop]))
        pos = start + m.end()
    if pos < end or not out:
        out.append(Line(pos, end, text[pos:end]))
    if cells and (text.find("|", start, end) != -1 or text.find("\t", start, end) != -1):
        rows = table_rows(text)
        if rows:
            out = [part for ln in out for part in _as_cells(ln, rows.get(ln.start), start, end)]
    return out


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
_CELL_BAR = re.compile(r"(?<!\\)\|")
_CELL_TAB = re.compile(r"\t+")  # a table copied from Word or a spreadsheet: its cells split by tabs
TABLE_ROWS = 3  # rows of equal width that make a table when no "---|---" rule says so
_ROW_START = re.compile(r"^\W{0,4}(?:\d{1,3}(?:\.\d{1,3})?[a-z]?|[ivx]{1,4})[.)]?\t", re.I)  # "3<tab>", "2.1.<tab>": a new row
# what no cell's further paragraph opens with: the table's source ("Source: HIE account management
# system ..."), or the report's paragraph alone on its line ("Paragraph 3.9" over the next quoted
# conclusion, under "Response:<tab>..."); the table ends above it
_AFTER_TABLE = re.compile(r"^\W*sources?\s*:|^[\W_]*paragraph\s+\d{1,3}\.\d{1,3}[\s:*_]*$", re.I)
# a recommendation's heading alone on its line ("Recommendation 4.1" over the words it quotes): under a
# Word section's numbered title ("2.<tab>Our response to the recommendations") it opens the section's
# text, not a further paragraph of that title's cell
# (with its title or the report's paragraph: "Recommendation 3.1: Caseload weighting", "Recommendation 3.1
# (paragraph 3.14)")
_REC_LABEL_ALONE = re.compile(r"^[\W_]*(?:recommendation|concern)\s+\d{1,3}(?:\.\d{1,3})?[a-z]?"
                              r"(?:\s*\((?:paragraphs?|paras?\.?)\s*\d{1,3}(?:\.\d{1,3})?\))?"
                              r"(?:\s*[:–—-]\s*[^\t.]{0,80})?[\s:*_]*$", re.I)


def _titles_section(row: str) -> bool:
    """Whether a tab row is a numbered section's title: "2.<tab>Our response to the recommendations"."""
    cells = [c.strip() for c in row.split("\t") if c.strip()]
    return len(cells) == 2 and _ROW_START.match(row) is not None and len(cells[1].split()) <= 8 \
        and not cells[1].rstrip().endswith((".", ":", ";"))


_BULLET_TAB = re.compile(r"^\s*[-•*–·▪●◦]\t[^\t]*$")  # Word's "•<tab>publish ...": a bullet, not a row of cells


@dataclass(frozen=True, slots=True)
class Cell:
    """A pipe table's cell: its row's cell spans, its place in the row, and the table's first row."""

    row: tuple[tuple[int, int], ...]
    index: int
    header: tuple[tuple[int, int], ...]


def _row_kind(line: str) -> str:
    """What a row's first cell starts with: a number, a letter ("(a)"), or its word ("recommendation")."""
    m = re.match(r"\W*([^\W_]+)", line)
    word = m.group(1).lower() if m else ""
    stem = re.sub(r"\d+[a-z]?$", "", word)  # "r1" and "r2", "pfd1" and "pfd2" are one kind
    # ("(h)" then "(i)", "(i)" then "(ii)": letters and roman numerals mark one kind of list)
    return "number" if not stem else "letter" if len(word) == 1 or re.fullmatch(r"[ivx]+", word) else stem


ROW_PARAGRAPHS = 4  # further paragraphs a row's cell may hold before the line with the row's other cells
CELL_LINES = 12  # untabbed lines under a table's last row that may still be its cell's; more are the text under the table


def _next_tabbed(lines: list[str], li: int) -> str:
    """The next line after ``lines[li]`` that holds a tab, over a cell's untabbed paragraphs ("" if none near)."""
    nxt = next((x for x in lines[li + 1:li + 2 + ROW_PARAGRAPHS] if "\t" in x.strip()), "")
    return "" if _ROW_START.match(nxt) else nxt  # (the next row's start carries no cells of this one)


def _one_tab(line: str) -> bool:
    """A line that one run of tabs splits in two: a Word list's number and its paragraph."""
    return len(_CELL_TAB.findall(line.strip(" \r\f"))) == 1  # (a row's empty last cells keep their tabs)


def _cuts_run(line: str, first: str, lines: list[str], li: int) -> bool:
    """Whether tab line ``li`` starts a new run: Word's numbered paragraphs, one tab to a line ("2.1<tab>The
    table below sets out ..."), meet a table's header ("Rec<tab>Recommendation<tab>Trust response<tab>...")
    or its last row ("3.<tab>Monitoring"), ``first`` being the run's first line; not where the row's other
    cells follow a few lines on ("6, 7<tab>6. HES should ..." / "7. HES should report ...<tab>We do not
    intend ...<tab>...")."""
    one = _one_tab(line)
    if one == _one_tab(first):
        return False
    return not (one and len(_CELL_TAB.findall(line.strip(" \r\f"))) + len(_CELL_TAB.findall(_next_tabbed(lines, li)))
                == len(_CELL_TAB.findall(first)))


# a list's marker alone in a tab row's first cell: "3.", "(a)", "ii)"
_MARKER_CELL = re.compile(r"\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]", re.I)


def _item_and_points(text: str, rows: list, sep: re.Pattern[str]) -> bool:
    """Whether tab rows are a Word list's numbered item and its lettered points, each marker and its words
    ("3.<tab>On registration:" / "(a)<tab>registration on ..." / "(b)<tab>..."): a list, not a table."""
    if sep is not _CELL_TAB or any(len(cells) != 2 for _, _, cells in rows):
        return False
    marks = [text[cells[0][0]:cells[0][1]] for _, _, cells in rows]
    return all(_MARKER_CELL.fullmatch(m) for m in marks) and marks[0][:1].isdigit() \
        and all(not m[:1].isdigit() for m in marks[1:])


@lru_cache(maxsize=8)
def _tables(text: str) -> tuple[tuple[tuple[int, tuple[tuple[int, int], ...]], ...], ...]:
    """``text``'s pipe tables (Markdown's, or a web page's as html2text writes it) and tables whose
    cells a tab splits (pasted from Word or a spreadsheet), each a tuple of rows: the row's line
    start and its cells' spans; a rule row ("---|---") has no cells.

    A run of lines holding "|" (or tabs between words) is a table when a rule row marks it or when
    at least TABLE_ROWS of them have the same number of cells, so one "Name | Role | Body"
    signature line stays a line."""
    if "|" not in text and "\t" not in text:
        return ()
    out = []
    run: list[tuple[int, int]] = []
    run_sep = _CELL_BAR  # what splits the cells of the run's rows

    def close() -> None:
        if not run:
            return
        rows = [(s, run_sep is _CELL_BAR and _TABLE_RULE.match(text, s, e) is not None, _cells(text, s, e, run_sep))
                for s, e in run]
        bars = [len(run_sep.findall(text, s, e)) for s, e in run]  # empty cells count: "7 | ... | | |"
        # Word writes an empty cell as a second tab ("5<tab>LFB should ...<tab><tab>"), where one cut
        # of the text by runs of tabs is narrower than its neighbours; a tab each keeps its width
        tabs = [text.count("\t", s, e) for s, e in run] if run_sep is _CELL_TAB else bars
        if any(rule for _, rule, _ in rows) or (len(bars) >= TABLE_ROWS and 1 in (len(set(bars)), len(set(tabs)))
                                                 and not _item_and_points(text, rows, run_sep)):
            out.append(tuple((s, () if rule else cells) for s, rule, cells in rows))
        run.clear()

    pos = 0
    pending: int | None = None  # the end of untabbed lines under a tab row, which may be its last cell's
    held = 0  # how many such lines
    lines = text.split("\n")
    for li, line in enumerate(lines):
        end = pos + len(line)
        sep = _CELL_BAR if "|" in line else _CELL_TAB if "\t" in line.strip() and not _BULLET_TAB.match(line) else None
        if sep is not None and line.strip():
            held = 0
            if run and sep is not run_sep:
                close()
            elif run and sep is _CELL_TAB and len(run) > 1 and not _ROW_START.match(line) \
                    and len(sep.findall(text, *run[-1])) < \
                    len(sep.findall(text, *run[0])) == len(sep.findall(text, *run[-1])) + len(sep.findall(line)):
                # a cell's further paragraph that Word writes with the row's remaining cells after it ("2<tab>
                # ...<tab>Tourism NI recognises ..." / "From April 2028 ...<tab>N/A"): the row runs on over it
                run[-1], pending = (run[-1][0], end), None
                pos = end + 1
                continue
            elif run and sep is _CELL_TAB and _cuts_run(line, text[run[0][0]:text.find("\n", run[0][0])], lines, li):
                close()
            elif pending is not None:
                # a cell's further paragraphs, which Word writes on lines of their own with no tab, run
                # on the row above where a row of the same shape follows ("1.<tab>The Committee recommends
                # ...<tab>Accepted." / "From 1 April 2047 ..." / "2.<tab>...")
                if len(run_sep.findall(line)) == len(run_sep.findall(text, *run[-1])) \
                        and _row_kind(line) == _row_kind(text[run[-1][0]:run[-1][1]]):
                    run[-1] = (run[-1][0], pending)
                else:
                    close()  # (or a list of another kind under the paragraphs: "(c)<tab>..." / "Recommendation 1<tab>...")
            pending = None
            run_sep = sep
            run.append((pos, end))
        elif run and run_sep is _CELL_TAB and line.strip() and not line.startswith("\f") and not _AFTER_TABLE.match(line) \
                and not (_REC_LABEL_ALONE.match(line) and _titles_section(text[run[-1][0]:run[-1][1]])):
            pending, held = end, held + 1
        else:
            # the last row's, up to the blank line that ends the table; but not more paragraphs than a
            # cell holds: there the text goes on under the table (Word's "3.<tab>The response should be
            # read ..." over the paper's sections, to the page break before its annex)
            if pending is not None and held <= CELL_LINES:
                run[-1] = (run[-1][0], pending)
            pending = None
            close()
        pos = end + 1
    if pending is not None and held <= CELL_LINES:
        run[-1] = (run[-1][0], pending)
    close()
    return tuple(out)


@lru_cache(maxsize=8)
def table_rows(text: str) -> dict[int, tuple[tuple[int, int], ...]]:
    """Each table row's line start to its cells' spans."""
    return {s: cells for table in _tables(text) for s, cells in table}


@lru_cache(maxsize=8)
def table_cells(text: str) -> dict[int, Cell]:
    """Each table cell's start to the cell."""
    out: dict[int, Cell] = {}
    for table in _tables(text):
        header = next((cells for _, cells in table if cells), ())
        for _, cells in table:
            for k, (a, _z) in enumerate(cells):
                out[a] = Cell(cells, k, header)
    return out


def _cells(text: str, s: int, e: int, sep: re.Pattern[str] = _CELL_BAR) -> tuple[tuple[int, int], ...]:
    bars = [(m.start(), m.end()) for m in sep.finditer(text, s, e)]
    edges = [(s, s), *bars, (e, e)]
    spans = []
    for (_, a), (z, _) in zip(edges, edges[1:]):
        while a < z and text[a].isspace():
            a += 1
        while z > a and text[z - 1].isspace():
            z -= 1
        if z > a:
            spans.append((a, z))
    return tuple(spans)


def _as_cells(ln: Line, cells: tuple[tuple[int, int], ...] | None, lo: int, hi: int) -> list[Line]:
    if cells is None:
        return [ln]
    out = [Line(ln.start, ln.start, "")]
    for a, z in cells:
        a, z = max(a, lo), min(z, hi)
        if z > a:
            out += [Line(a, z, ln.text[a - ln.start:z - ln.start]), Line(z, z, "")]
    return out


def to_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    cur: list[Line] = []
    gap = 0
    for ln in lines:
        if ln.blank:
            if cur:
                blocks.append(Block(tuple(cur), gap))
                cur, gap = [], 0
            gap += 1
        else:
            cur.append(ln)
    if cur:
        blocks.append(Block(tuple(cur), gap))
    return blocks


PARAGRAPH_LINE = 250  # characters: no page wraps a line this long, a paragraph a line does
CELL_ROW = re.compile(r"\S {3,}\S|\t|\|")  # a table's row: pdftotext -layout's columns, tabs, pipes


def line_paragraphs(blocks: list[Block]) -> list[Block]:
    """Text copied from Word or a web page with no blank lines between paragraphs holds each
    paragraph on a line of its own: in a block with a line longer than any page wraps, each
    line is a paragraph (a heading, a "Status:" line, a sentence's worth of prose), with the
    bulleted lines under it, as blank lines would have made them. A table's rows are not."""
    out: list[Block] = []
    for b in blocks:
        lines = b.lines
        long = [ln for ln in lines if len(ln.text) >= PARAGRAPH_LINE and "://" not in ln.text]
        # (most of the block's prose in such lines: a wrapped paragraph with one long link line is no such text)
        if len(lines) < 3 or 2 * sum(len(ln.text) for ln in long) < sum(len(ln.text) for ln in lines) \
                or any(CELL_ROW.search(ln.text) and not _LABEL_TAB.match(ln.text) for ln in lines):
            out.append(b)
            continue
        cur = [lines[0]]
        for ln in lines[1:]:
            if BULLET_ITEM.match(ln.text):
                cur.append(ln)  # a bullet of the list its paragraph leads into ("... include:")
                continue
            out.append(Block(tuple(cur), b.gap if cur[0] is lines[0] else 0))
            cur = [ln]
        out.append(Block(tuple(cur), b.gap if cur[0] is lines[0] else 0))
    return out


# Word's "1.<tab>Scottish Water supplies ..." and "Response:<tab>Accepted.": a paragraph's number or label and
# one tab, no table's row (a label in two languages too: "Inbhe / Status:<tab>Aontaichte / Agreed")
_LABEL_TAB = re.compile(r"^\W{0,4}(?:\d{1,3}(?:\.\d{1,3})*[a-z]?[.)]?|[^\W\d_][\w ]{0,20}(?:/[\w ]{1,20})?:)\t[^\t]+$")
BULLET_ITEM = re.compile(r"^\s*(?:[-•*–·▪●◦]\s|[\x00-\x08\x0e-\x1f])")  # "• ...", "- ...", Word's bullet glyphs
# the protective marking a police force, a prison or a fire service puts on every page, and a mail system on a
# message ("OFFICIAL" between its header and its greeting)
MARKING = re.compile(r"^\s*(?:OFFICIAL(?:\s*[-–:]?\s*SENSITIVE)?|NOT PROTECTIVELY MARKED|UNCLASSIFIED)\s*$")


def marking_block(b: Block) -> bool:
    """Whether a block holds nothing but protective markings."""
    return all(MARKING.match(ln.text) for ln in b.lines)


# the warning a mail system puts over a message from outside ("You don't often get email from ... Learn why this
# is important", "[EXTERNAL] This email originated from outside the Council. Do not click links ...",
# "CAUTION: This message came from outside the organisation"): the mail system's words, not the writer's
MAIL_BANNER = re.compile(r"^\W*(?:you\s+don['’]t\s+often\s+get\s+e-?mail\s+from\b"
                         # (a marker over it, "[EXTERNAL]", "CAUTION:"; or the banner's own verb, "originated"; or
                         # the warning after it: not the writer's "This email came from outside the UK and ...")
                         r"|(?:(?:\[[^\]\n]{1,30}\]|caution|warning|external(?:\s+e-?mail)?|attention|notice)"
                         r"\W{0,3}\s*)+this\s+(?:e-?mail|message)\s+(?:has\s+)?(?:originated|came|come|was\s+sent|"
                         r"arrived)\s+from\s+(?:outside|an?\s+external)\b"
                         r"|this\s+(?:e-?mail|message)\s+(?:has\s+)?originated\s+from\s+(?:outside|an?\s+external)\b"
                         r"|this\s+(?:e-?mail|message)\s+(?:came|was\s+sent|arrived)\s+from\s+"
                         r"(?:outside|an?\s+external)\b[^\n]*\b(?:click|links?|attachments?|sender)\b)", re.I)
BANNER_LINES = 3  # lines a wrapped banner runs to


def banner_block(b: Block) -> bool:
    """Whether a block is a mail system's warning about where the message came from."""
    return len(b.lines) <= BANNER_LINES and MAIL_BANNER.match(b.lines[0].text) is not None


# a greeting's words in another language before the English ones, the "Dear ..." read after the slash:
# "Annwyl Mr Jones / Dear Mr Jones", "A Euain, a charaid / Dear Mr Lamont"
OTHER_TONGUE_GREETING = r"(?:[^/\n]{1,40}/\s*)?"
# the line over a message an e-mail client quotes under a reply: "On 16/02/2027 10:31, Industry and
# Regulators Committee wrote:" (the layout's "|" quotes, the segments and the answers all read it)
WROTE = r"on\s[^\n]{4,160}?\swrote\s*:"
# an e-mail address, in a header line, a signature or prose
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


def clean(s: str | None) -> str | None:
    """A value as a reader sees it: markup removed, spaces collapsed."""
    if s is None:
        return None
    return _clean(s)


_WRAP = re.compile(r"[ \t]*\n[ \t]*(?=\S)")  # a line break inside a paragraph


# a PDF font's ligature glyphs, which its text keeps where a viewer copies it ("The ﬁrst and second matters")
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})


def unwrap(s: str) -> str:
    """``s`` with the line breaks inside its paragraphs read as spaces: PDF text and plain-text
    letters wrap lines mid-sentence, and a phrase looked for ("does not accept", "your letter
    of") must not stop at the wrap. Blank lines between paragraphs stay."""
    return _WRAP.sub(" ", s) if "\n" in s else s


# an e-mail's "we don't believe", "we'll publish", "I can’t": the lexicon's phrases are written out
# ("do not believe", "we will publish"), as formal replies write them
_CONTRACTION = re.compile(r"\b(?:(?P<irregular>won|can|shan)|(?P<stem>[a-z]+)n)['’]t\b|"
                          r"\b(?P<who>i|we|you|they|he|she|it|that|there|this)['’](?P<verb>ll|ve|re|m)\b", re.I)
_IRREGULAR = {"won": "will not", "can": "cannot", "shan": "shall not"}
_AUX = {"ll": "will", "ve": "have", "re": "are", "m": "am"}


def _expand(m: re.Match[str]) -> str:
    if m.group("who"):
        return f"{m.group('who')} {_AUX[m.group('verb').lower()]}"
    if m.group("stem"):
        return f"{m.group('stem')} not"
    word = _IRREGULAR[m.group("irregular").lower()]
    return word[0].upper() + word[1:] if m.group(0)[0].isupper() else word


def sentence_text(s: str) -> str:
    """A sentence as the lexicon reads it: markup removed, on one line, contractions written out."""
    s = unwrap(_clean(s) or "")
    return _CONTRACTION.sub(_expand, s) if "'" in s or "’" in s else s


@lru_cache(maxsize=1 << 16)
def _clean(s: str) -> str | None:
    # each pattern only where its marker occurs: most lines carry no markup
    if "[" in s:
        s = _LINK.sub(r"\1", s)
    if "<" in s:
        s = _TAG.sub("", _SUP.sub(r"\1", _ANGLE_URL.sub(r"\1", s)))
    if "*" in s or "_" in s:
        s = _EMPH.sub("", s)
    s = _WS.sub(" ", s).strip()
    return s or None


def strip_quotes(s: str | None) -> str | None:
    if s is None:
        return None
    s = s.strip().strip("'\"‘’“”").strip()
    return s or None


def word_count(s: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'’&-]*", s))


def is_prose(s: str) -> bool:
    """A sentence-like line, as opposed to a header, signature or heading line."""
    c = clean(s) or ""
    return word_count(c) >= 14 or (word_count(c) >= 8 and c.rstrip().endswith((".", ",", ";")))


def sentence_end(s: str) -> bool:
    c = (clean(s) or "").rstrip()
    return c.endswith((".", "!", "?", ":", ".'", ".’", '."', ".”"))


# Outward code + inward code. Validation (which areas and letters exist) is
# done by ukpostcodeutils; this only finds candidates.
POSTCODE_RE = re.compile(r"\b(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})\b")

# A whole line that is only a date: "4 February 2021", "Friday 15 January 2021",
# "26th November 2020", "February 4, 2021", "04/02/2021".
# A section number or "Date:"/"Published" may stand before it ("9  22 May 2024").
DATE_BODY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + DATE_WORDS + r")\.?,?\s+\d{4}"
    r"|(?:" + DATE_WORDS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))"
)
DATELINE_RE = re.compile(
    r"^(?:\d{1,2}\s+|(?:date|dated|(?:first\s+)?published|issued|sent)(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>" + DATE_BODY + r")\.?(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?$",  # "Sent: 12 June 2024 09:14"
    re.I,
)


def has_postcode(s: str) -> bool:
    return POSTCODE_RE.search(clean(s) or "") is not None


def is_dateline(s: str) -> bool:
    return DATELINE_RE.match(clean(s) or "") is not None


# ---- a table's header row, a cell a line ("Rec" / "Review recommendation" / "Service response" / ...)

SPREAD_CELLS = 8  # header cells a table set out a cell a line may have
_HEADER_CELL = re.compile(r"^\W*(?:rec(?:ommendations?)?|(?:\w+'s\s+|matters?\s+of\s+)?concerns?|ref(?:erence)?|"
                          r"no|number|para(?:graph)?s?|#)\b", re.I)
# an ombudsman's column of what the body should do: "No. | What we found | What the Board should do | Evidence we
# need to see", as the SPSO sets them (not a complainant's next steps, "What you should do")
SHOULD_DO = r"(?<!\byou\s)(?<!\bwe\s)(?<!\bi\s)\bshould\s+do\b"
_HEAD_WORDS = re.compile(r"recommend|concern|action|finding|matter|" + SHOULD_DO, re.I)
ANSWER_CELL = re.compile(r"\brespon", re.I)  # a header's column of answers ("Our response", "Trust response")
_QUOTING_WORDS = re.compile(r"recommend|concern|finding|matter|\bask|\bissue|\bproposal", re.I)


def _answers_alone(cells: list[str]) -> bool:
    return any(ANSWER_CELL.search(c) for c in cells) and not any(_QUOTING_WORDS.search(c) for c in cells)


def answers_only(head: str) -> bool:
    """Whether a table's header line sets out a reply's answers alone, with no column quoting what was
    asked ("Rec   Response   Owner   Date   Status"): each row's first cell is then its answer."""
    cells = [c for c in re.split(r"\s{2,}|\t|\|", head) if c.strip()]
    if len(cells) >= 3 and len(cells[0].split()) == 1 and _HEADER_CELL.match(cells[0]) \
            and _ACTION_CELL.match(cells[1]) and not any(_QUOTING_WORDS.search(c) for c in cells[1:]):
        return True  # ("Concern   Action   Owner   Due   Status": the first column numbers the concerns answered)
    return _answers_alone(cells)


# ("Action taken / planned", "Actions taken or proposed")
_ACTION_CELL = re.compile(r"\W*(?:actions?(?: (?:taken|agreed|planned|proposed)"
                          r"(?:\s*(?:/|or|and)\s*(?:taken|agreed|planned|proposed))?)?|"
                          r"what we (?:have done|will do))\W*$", re.I)


def short_cell(c: str) -> bool:
    # (an abbreviation's full stop ends no sentence: "No.", "Rec.", "Ref.", "Para.")
    return (len(c.split()) <= 6 and not c.endswith((".", ":"))) or re.fullmatch(r"[A-Za-z]{1,5}\.", c) is not None


def names_its_rows(cells: list[str]) -> bool:
    """Header cells that number the rows ("No.", "Ref") and say what they hold ("Matter raised")."""
    # (or a reply's rows of answers alone, no column of what was asked: "Rec   Status   Trust response   Lead
    # Target date"; "Rec   What the Committee asked   Government response" is read across)
    return len(cells) >= 3 and any(_HEADER_CELL.match(clean(c) or "") for c in cells) \
        and (any(_HEAD_WORDS.search(c) for c in cells) or _answers_alone(cells))


def header_above(lines: list[str]) -> int | None:
    """Where, in the lines just above a table row's number, a header of short cells that name the
    rows starts and runs to the last of them; None where they end in no such header."""
    found = None  # the topmost cell that starts one: "No." over "Recommendation", not "Recommendation"
    for k in range(len(lines) - 1, -1, -1):
        cells = [" ".join((clean(x) or "").split()) for x in lines[k:]]
        if not all(short_cell(c) for c in cells):
            break
        if _HEADER_CELL.match(cells[0]) and names_its_rows(cells):
            found = k
    return found
