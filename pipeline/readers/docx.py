"""Word documents (.docx): paragraphs and line breaks as the author wrote them.

Each paragraph is a line and each line break (Shift+Enter) a newline inside
it, so an address typed line by line stays one block. Where the author left
an empty paragraph, or the paragraph style leaves space between two
paragraphs (Word's default of 8pt after), there is a blank line, as the
stages read paragraphs as blocks. Tables are flattened in reading order:
row by row, each cell's paragraphs a block of their own. Headers, footers
and comments are page furniture and are not read.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from pipeline.config import Settings
from pipeline.readers import Extracted, ReadFailure

PARAGRAPH_SPACE_PT = 6  # space between two paragraphs from this much on reads as a paragraph break
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx, or an old .doc, is an OLE compound file


@dataclass(frozen=True)
class _Defaults:
    """The document's default paragraph spacing (``w:docDefaults``), in points."""

    before: float = 0.0
    after: float = 0.0


def _defaults(document) -> _Defaults:
    from docx.oxml.ns import qn

    spacing = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is None:
        return _Defaults()

    def pt(name: str) -> float:
        value = spacing.get(qn(f"w:{name}"))
        return int(value) / 20 if value and value.lstrip("-").isdigit() else 0.0  # twentieths of a point

    return _Defaults(pt("before"), pt("after"))


def _space(paragraph, side: str, defaults: _Defaults) -> float:
    """Space before or after a paragraph in points: its own, else its style's or a base style's, else the default."""
    length = getattr(paragraph.paragraph_format, f"space_{side}")
    style = paragraph.style
    while length is None and style is not None:
        length = getattr(style.paragraph_format, f"space_{side}")
        style = style.base_style
    return length.pt if length is not None else getattr(defaults, side)


def _contextual(paragraph) -> bool:
    """Word's 'don't add space between paragraphs of the same style' (list styles use it)."""
    from docx.oxml.ns import qn

    style = paragraph.style
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.find(qn("w:contextualSpacing")) is not None:
            return True
        style = style.base_style
    return False


def _spaced(a, b, defaults: _Defaults) -> bool:
    """Whether the page leaves a paragraph's worth of space between paragraphs ``a`` and ``b``."""
    if a.style is not None and b.style is not None and a.style.style_id == b.style.style_id and _contextual(a):
        return False
    return _space(a, "after", defaults) + _space(b, "before", defaults) >= PARAGRAPH_SPACE_PT


def _marked_text(paragraph) -> str:
    """A paragraph's text with its bold and italic runs marked as web text marks them ('**subject**'):
    the stages read a letter's subject line and a report's title from bold lines."""
    from docx.text.hyperlink import Hyperlink

    pieces: list[tuple[str, str]] = []  # (text, mark) with neighbouring runs of one mark merged
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        for run in runs:
            mark = "**" if run.bold else "*" if run.italic else ""
            if pieces and pieces[-1][1] == mark:
                pieces[-1] = (pieces[-1][0] + run.text, mark)
            else:
                pieces.append((run.text, mark))
    out = []
    for text, mark in pieces:
        if not mark:
            out.append(text)
            continue
        for n, line in enumerate(text.split("\n")):
            core = line.strip()
            lead, trail = line[:len(line) - len(line.lstrip())], line[len(line.rstrip()):]
            out.append(("\n" if n else "") + (f"{lead}{mark}{core}{mark}{trail}" if core else line))
    return "".join(out)


def _blocks(container, defaults: _Defaults) -> list[str]:
    """Lines of a document body or table cell; '' marks a blank line."""
    from docx.table import Table

    lines: list[str] = []
    prev = None  # the last paragraph with text, while no blank line followed it
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            if lines and lines[-1] != "":
                lines.append("")
            lines += _table(item, defaults)
            lines.append("")
            prev = None
            continue
        text = _marked_text(item).replace("\r", "\n").rstrip()
        if not text.strip():  # an empty paragraph: the author's own blank line
            lines.append("")
            prev = None
            continue
        if prev is not None and _spaced(prev, item, defaults):
            lines.append("")
        lines += text.split("\n")
        prev = item
    return lines


def _table(table, defaults: _Defaults) -> list[str]:
    """A row of several cells as one paragraph, a cell a line (as the web reader writes a row, so
    a recommendation's number, its words and the response beside them stay together); a row of
    one cell, such as a merged heading, as its own paragraphs."""
    lines: list[str] = []
    for row in table.rows:
        seen: list = []
        cells: list[list[str]] = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # a merged cell is returned once per column it spans
                continue
            seen.append(cell._tc)
            cell_lines = _blocks(cell, defaults)
            while cell_lines and cell_lines[-1] == "":
                cell_lines.pop()
            while cell_lines and cell_lines[0] == "":
                cell_lines.pop(0)
            if cell_lines:
                cells.append(cell_lines)
        if not cells:
            continue
        if lines and lines[-1] != "":
            lines.append("")
        if len(cells) == 1:
            lines += cells[0]
        else:
            lines += [" ".join(ln for ln in c if ln) for c in cells]
    return lines


def _open(raw: bytes):
    import docx

    if raw.startswith(_OLE):
        raise ReadFailure("E008", "is password-protected, or an old binary .doc saved with a .docx name; "
                                  "save an unprotected .docx to read it")
    try:
        return docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadFailure("E009", f"cannot be read as a Word .docx document ({type(exc).__name__}: {exc})") from None


def read(raw: bytes, settings: Settings) -> Extracted:
    document = _open(raw)
    lines = _blocks(document, _defaults(document))
    text = "\n".join(lines).strip("\n")
    return Extracted(text + "\n" if text else "")
