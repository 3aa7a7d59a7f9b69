"""A response table as ``pdftotext -layout`` sets it, read column by column.

pdftotext -layout keeps a table's columns side by side, so each line of a row carries a piece
of every cell: the recommendation, the response, the owner, the date. Read as prose, the answer
is interleaved with the words it answers ("Independent review of   Agreed. The Council's Internal
Audit service   Head of Legal   March 2027"), and the stance of a row is read off a jumble. The
table's header says where each column starts; this module blanks, in a reply's rows, the columns
that are not its answer (the recommendation quoted, the owner, the target date), so the answer's
words run on as the sentences they are. Offsets are kept: blanked characters become spaces.
"""
from __future__ import annotations

import re
from itertools import takewhile

from pipeline.stages.refs import leading_number

# a header's cell over the answer: "Response", "HMPPS response", "Agreed/ Partly Agreed/ Not Agreed",
# "Action", "Status", "Progress update", "Comments"
ANSWER_HEAD = re.compile(r"respon(?!sib)|reply|position|action|agree|accept|status|progress|update|comment|decision", re.I)
# over what is not: the recommendation quoted, and the row's owner and date
_QUOTED_HEAD = r"recommend|concern|finding|matter"
_QUOTED = re.compile(_QUOTED_HEAD, re.I)
_OTHER_HEAD = re.compile(rf"{_QUOTED_HEAD}|issue|owner|lead|responsible|officer|target|date|deadline|timescale|when|rag\b",
                         re.I)
# and a column of whom each row is for, headed by a word alone ("To   Accept/Reject   Comments": "MfI")
_OWNER_HEAD = re.compile(r"to|for|by|who", re.I)
_NUMBER_HEAD = re.compile(r"no\.?|ref\.?|#|number|item", re.I)  # a heading over the rows' numbers alone
CHUNK = re.compile(r"\S+(?: \S+)*")  # a cell's words on one line: single spaces inside, two or more around
HEADER_CELL_WORDS = 6
ANSWER_WORDS = 6  # words a row's answer columns hold, on average, in a table of answers, not of statuses
HEADER_CELLS = 3
PROSE_WORDS = 8  # words, at least, of a line's run of words across both columns of a two-column table: prose


def header(line: str) -> list[tuple[int, int, bool, bool]] | None:
    """Each column's heading (its span on the line), whether it heads the answer and whether the
    recommendation, if ``line`` heads a response table: three short cells at least, one over the
    answer and one over the recommendation (or just those two). The first column numbers the rows:
    no answer's, whatever it is called."""
    cells = [(m.start(), m.end(), m.group()) for m in CHUNK.finditer(line)]
    # (or two, side by side, the recommendation's over the answer's: "Committee recommendation   Government
    # response", the paper's rows numbered inside the first)
    pair = len(cells) == 2 and bool(_QUOTED.search(cells[0][2])) and bool(ANSWER_HEAD.search(cells[1][2])) \
        and not ANSWER_HEAD.search(cells[0][2])
    if (len(cells) < HEADER_CELLS and not pair) or any(len(c.split()) > HEADER_CELL_WORDS
                                                       or c.endswith(".") and len(c) > 3 for _, _, c in cells):
        return None
    answer = [k > 0 and bool(ANSWER_HEAD.search(c)) for k, (_, _, c) in enumerate(cells)]
    quoted = [not a and bool(_QUOTED.search(c)) for (_, _, c), a in zip(cells, answer)]
    # (or none over the recommendation, where the first column numbers the rows: "No.  Response  Owner  Status")
    if not any(answer) or not (any(quoted) or _NUMBER_HEAD.fullmatch(cells[0][2])):
        return None
    return [(a, z, k > 0 and (ans or not (_OTHER_HEAD.search(c) or _OWNER_HEAD.fullmatch(c))), q)
            for k, ((a, z, c), ans, q) in enumerate(zip(cells, answer, quoted))]


def _column(columns: list[tuple[int, int, bool, bool]], a: int, z: int) -> int:
    """The column of a cell's words at a..z: the heading they run under most (a centred heading
    stands inside its column, not at its left edge), else the nearest."""
    overlap = [min(z, cz) - max(a, ca) for ca, cz, _, _ in columns]
    best = max(range(len(columns)), key=lambda k: overlap[k])
    if overlap[best] > 0:
        return best
    return min(range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - (a + z) / 2))


_ROW_NUMBER = re.compile(r"[ \t]*\d{1,3}(?:[a-z]|\([a-h]\))?[.)]?(?=\s|$)")  # "3", "3a", "2(a)"


def answer_columns(text: str, start: int, end: int) -> tuple[str, list[tuple[int, int, tuple[int, ...]]]]:
    """``text`` with the non-answer columns of each -layout response table in ``start``-``end``
    blanked (the row's number kept, which numbers its answer); the text itself where there is no
    such table. A line of prose across the columns ends the table; a table whose answer columns
    hold a status word a row, or would be left empty (its columns not where its headings say), is
    left as it is."""
    cuts: list[tuple[int, int]] = []  # spans to blank
    # each table read by its columns, header to last row, and where each row's answer starts on its first line
    regions: list[tuple[int, int, tuple[int, ...]]] = []
    firsts: list[int] = []  # the current table's
    table: list[tuple[int, int]] = []  # the current table's
    kept = 0  # words the current table's answer columns hold
    rows = 0  # and its numbered rows
    last = 0  # where its last line ends (its last row's answer may run on below the other columns)
    columns: list[tuple[int, int, bool, bool]] | None = None
    row_no = -1  # the number of the last row read
    opened: int | None = None  # where the current table's first line of cells starts

    def close() -> bool:
        nonlocal kept, rows, opened
        # (a summary whose answer column is a status word a row, "Accepted", "Under consideration", reads
        # well enough across: its rows are the answers' index, their prose under headings further on)
        read = kept > ANSWER_WORDS * max(rows, 1) and bool(table)
        if read:
            cuts.extend(table)
            # (from its first line of cells: the row's answer may start left of the first cut, "We will publish
            # ...   Accepted", or beside a quote kept on the row's first line)
            regions.append((opened, max(last, table[-1][1]), tuple(firsts)))
        table.clear()
        firsts.clear()
        kept = rows = 0
        opened = None
        return read

    pos = start
    lines = text[start:end].split("\n")
    under: dict[str, list[str]] = {}  # a header's words -> the words of the lines it wraps on to, first time set
    again: list[str] = []  # those lines, still to come under the header set again over the next page
    for n, line in enumerate(lines):
        body = line.lstrip("\f")
        lead = pos + len(line) - len(body)
        head = header(body)
        if again and " ".join(body.split()) == again[0]:
            # ("Reject   of action/" under "To   Accept/   Comments   Target date" on the next page): the
            # header's, no part of the row that goes on under it
            cuts.append((lead, lead + len(body)))
            again.pop(0)
            pos += len(line) + 1
            continue
        again = []
        if head is not None:
            key = " ".join(body.split())
            if key in under:
                again = list(under[key])
            else:
                wrapped = takewhile(lambda x: x.strip() and header(x) is None and _ROW_NUMBER.match(x) is None,
                                    lines[n + 1:n + 1 + HEADER_WRAP])
                under[key] = [" ".join(x.split()) for x in wrapped]
            if close() and columns is not None and len(head) == 2:
                # a two-column table's header again at the next page's top is no part of the last row's
                # answer ("Government response" there would read as the label its answer follows; a wider
                # table's is read as the page's furniture, see stance._within_tables)
                cuts.append((lead, lead + len(body)))
            columns = head
        elif columns is not None and _RULE.fullmatch(body):
            pass  # a rule under the header or between rows ("-----"): the table goes on
        elif columns is not None and not table and rows == 0 and _ROW_NUMBER.match(body) is None \
                and 0 < len(body.split()) <= 2:
            pass  # a heading wrapped on to the line under the header ("Target" / "date"): still the header
        elif columns is not None and body.strip():
            chunks = list(CHUNK.finditer(body))
            cols = [_column(columns, m.start(), m.end()) for m in chunks]
            num = _ROW_NUMBER.match(body)
            # (the table's next row goes on, however its cells run together: pdftotext leaves one space
            # between a status and its comment's words, "Partially The real-time ... screens Q1 2025")
            nxt = num is not None and leading_number(num.group()) == row_no + 1
            # (in a table of two columns, a sentence across both: "The Welsh Government should publish ..."
            # under a summary "Recommendation<tab>Response" whose rows are done)
            if not nxt and any(sum(1 for ca, cz, _, _ in columns if ca < m.end() and cz > m.start()) > 2
                               or k + 2 < len(columns) and m.end() > columns[k + 2][0]
                               or (len(columns) == 2 and m.start() < columns[0][1] and m.end() > columns[1][0]
                                   and len(m.group().split()) >= PROSE_WORDS)
                               for m, k in zip(chunks, cols)):
                close()
                columns = None  # a paragraph across the page: the table has ended
            else:
                last = pos + len(line)
                opened = pos if opened is None else opened  # (the table's first line of cells)
                rows += num is not None
                row_no = leading_number(num.group()) if num is not None else row_no
                # (the row's answer starts a sentence of its own beside the quote's first words: "3   Give
                # governors monthly   We do not agree.")
                at = next((m.start() for m, k in zip(chunks, cols) if num is not None and columns[k][2]
                           and m.start() >= num.end()), None)
                if at is not None:
                    firsts.append(lead + at)
                for m, k in zip(chunks, cols):
                    if columns[k][2]:
                        kept += len(m.group().split()) if num is None or m.start() >= num.end() else 0
                        continue
                    if num is not None and columns[k][3]:
                        continue  # the row's first words of its recommendation, beside its number, mark the row
                                  # as the answers stage reads a table's rows (a quote with an answer beside it)
                    cut = num.end() if num is not None and m.start() < num.end() else m.start()
                    if cut < m.end():
                        table.append((lead + cut, lead + m.end()))
        pos += len(line) + 1
    close()
    if not cuts:
        return text, []
    out = list(text)
    for a, z in cuts:
        out[a:z] = " " * (z - a)
    return "".join(out), regions


HEADER_WRAP = 3  # lines a header's cells wrap on to, at most ("Accept/" / "Reject", "Target date" / "of action/")
_RULE = re.compile(r"[ \t]*[-=_─━]{3,}[-=_─━ \t]*")  # a table's rule drawn in dashes across its columns
_ROW_START = re.compile(r"\n[ \t\f]*(?:\n|\d{1,3}(?:[a-z]|\([a-h]\))?[.)]?[ \t])")  # a blank line, or a row's number
_SENTENCE = re.compile(r"\S(?:.|\n)*?(?:[.!?](?=[’”\"')]*\s)|$)")


def column_sentences(view: str, regions: list[tuple[int, int, tuple[int, ...]]],
                     sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of a text read by ``answer_columns``: in its tables, the answers' sentences as
    they run down their column, cut at each row (the sentences found across the page cut the
    columns' words at random); elsewhere ``sentences`` as they were."""
    if not regions:
        return sentences
    out = [(a, z) for a, z in sentences if not any(a < rz and z > ra for ra, rz, _ in regions)]
    for ra, rz, firsts in regions:
        rows = [m.start() for m in _ROW_START.finditer(view, ra, rz)]
        # a row's first line keeps its number and its recommendation's first words, which mark the row, beside
        # the answer's first words, where its answer column starts: the answer starts a sentence of its own
        # there, or its first sentence would be read as the recommendation and dropped with it
        cuts = sorted({ra, *rows, *firsts, rz})
        for a, z in zip(cuts, cuts[1:]):
            out += [(a + m.start(), a + m.end()) for m in _SENTENCE.finditer(view[a:z])]
    return sorted(out)
