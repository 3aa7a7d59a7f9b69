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

# a header's cell over the answer: "Response", "HMPPS response", "Agreed/ Partly Agreed/ Not Agreed",
# "Action", "Status", "Progress update", "Comments"
_ANSWER_HEAD = re.compile(r"respon|reply|position|action|agree|accept|status|progress|update|comment|decision", re.I)
# over what is not: the recommendation quoted, and the row's owner and date
_OTHER_HEAD = re.compile(r"recommend|concern|finding|matter|issue|owner|lead|responsible|officer|target|date|deadline|"
                         r"timescale|when|rag\b", re.I)
_CHUNK = re.compile(r"\S+(?: \S+)*")  # a cell's words on one line: single spaces inside, two or more around
HEADER_CELL_WORDS = 6
HEADER_CELLS = 3
SLACK = 2  # a cell's words may start this far left of their heading


def _header(line: str) -> list[tuple[int, bool]] | None:
    """Where each column starts, and whether it holds the answer, if ``line`` heads a response table:
    three short cells at least, one over the answer and one over the recommendation."""
    cells = [(m.start(), m.group()) for m in _CHUNK.finditer(line)]
    if len(cells) < HEADER_CELLS or any(len(c.split()) > HEADER_CELL_WORDS or c.endswith(".") and len(c) > 3
                                        for _, c in cells):
        return None
    answer = [bool(_ANSWER_HEAD.search(c)) for _, c in cells]
    quoted = [not a and bool(re.search(r"recommend|concern|finding|matter", c, re.I)) for (_, c), a in zip(cells, answer)]
    if not any(answer) or not any(quoted):
        return None
    return [(at, a or not _OTHER_HEAD.search(c)) for (at, c), a in zip(cells, answer)]


def _column(columns: list[tuple[int, bool]], at: int) -> int:
    return max((k for k, (start, _) in enumerate(columns) if start - SLACK <= at), default=0)


_ROW_NUMBER = re.compile(r"\s{0,8}\d{1,3}[a-z]?[.)]?(?=\s|$)")


def answer_columns(text: str, start: int, end: int) -> str:
    """``text`` with the non-answer columns of each -layout response table in ``start``-``end``
    blanked (the row's number kept, which numbers its answer); the text itself where there is no
    such table. A line of prose across the columns ends the table."""
    out: list[str] | None = None
    columns: list[tuple[int, bool]] | None = None
    pos = start
    for line in text[start:end].split("\n"):
        body = line.lstrip("\f")
        lead = len(line) - len(body)
        head = _header(body)
        if head is not None:
            columns = head
        elif columns is not None and body.strip():
            chunks = list(_CHUNK.finditer(body))
            cols = [_column(columns, m.start()) for m in chunks]
            if any(k + 2 < len(columns) and m.end() > columns[k + 2][0] for m, k in zip(chunks, cols)):
                columns = None  # a paragraph across the page: the table has ended
            else:
                num = _ROW_NUMBER.match(body)
                for m, k in zip(chunks, cols):
                    if columns[k][1] or (num is not None and m.start() < num.end() and m.end() <= num.end()):
                        continue
                    cut = max(m.start(), num.end() if num is not None and m.start() < num.end() else m.start())
                    if out is None:
                        out = list(text)
                    a = pos + lead + cut
                    out[a:pos + lead + m.end()] = " " * (m.end() - cut)
        pos += len(line) + 1
    return text if out is None else "".join(out)
