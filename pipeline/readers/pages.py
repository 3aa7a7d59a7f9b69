"""Lines placed on a page to the text a person reads: shared by the PDF text layer and OCR.

Both give lines with their place on the page. Two things the stages rely on
are rebuilt here from geometry, as ``pdftotext`` does: running headers and
page numbers sit at the top and bottom of each page's text whatever order the
PDF drew them in (so the layout masking finds them at the page break), and a
paragraph ends with a blank line where the page leaves a larger gap than
between its lines (the stages read paragraphs as blocks).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from pipeline.text import LIGATURES

MARGIN = 0.075  # of the page height: lines in the top or bottom band are page furniture's place
PARAGRAPH_GAP = 1.3  # a step between lines this many times the usual one ends a paragraph
MAX_BLANKS = 6
PAGE_BREAK = "\f"

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class PageLine:
    """One line of a page; ``top`` and ``bottom`` measured down from the top edge, in points."""

    text: str
    top: float
    bottom: float
    left: float = 0.0
    right: float = 0.0
    bold: bool = False


def clean(text: str) -> str:
    """Ligatures as letters, no control characters, no trailing space."""
    return _CONTROLS.sub("", text.translate(LIGATURES)).rstrip()


def reading_order(lines: list[PageLine], height: float) -> list[PageLine]:
    """Body lines in the order the page gives them, between the header band and the footer band.

    The order a PDF draws its text in is the author's reading order for the
    body (columns stay whole), but producers often draw running headers and
    page numbers first or last; those are put where the page shows them.
    """
    top_band, bottom_band = height * MARGIN, height * (1 - MARGIN)
    head = sorted((ln for ln in lines if ln.bottom <= top_band), key=lambda ln: (ln.top, ln.left))
    foot = sorted((ln for ln in lines if ln.top >= bottom_band), key=lambda ln: (ln.top, ln.left))
    body = [ln for ln in lines if ln.bottom > top_band and ln.top < bottom_band]
    return head + body + foot


def line_step(lines: list[PageLine]) -> float:
    """The step from one line of a paragraph to the next: the low end of the page's steps, so a page
    of short paragraphs (a signature block) still measures its lines, not its paragraphs."""
    steps = sorted(b.bottom - a.bottom for a, b in zip(lines, lines[1:])
                   if b.bottom - a.bottom > 0.5 * (b.bottom - b.top))
    if steps:
        return steps[len(steps) // 5]
    return median([ln.bottom - ln.top for ln in lines]) * 1.2 if lines else 0.0


def _same_line(a: PageLine, b: PageLine) -> bool:
    """``b`` continues ``a`` on its baseline, to its right: text after a superscript ('5' 'th Floor')."""
    height = max(1.0, a.bottom - a.top)
    return abs(b.bottom - a.bottom) <= 0.3 * height and b.left >= a.right - 0.2 * height


def page_text(lines: list[PageLine], height: float) -> str:
    """The page's lines in reading order, a blank line where a paragraph or a page band ends."""
    ordered = [ln for ln in reading_order(lines, height) if clean(ln.text).strip()]
    if not ordered:
        return ""
    top_band, bottom_band = height * MARGIN, height * (1 - MARGIN)
    in_band = {id(ln) for ln in ordered if ln.bottom <= top_band or ln.top >= bottom_band}
    step = line_step([ln for ln in ordered if id(ln) not in in_band] or ordered)
    out = [clean(ordered[0].text)]
    bold = [ordered[0].bold]
    for a, b in zip(ordered, ordered[1:]):
        if _same_line(a, b):
            gap = b.left - a.right
            out[-1] += ("" if gap < 0.15 * (a.bottom - a.top) else " ") + clean(b.text).lstrip()
            continue
        down = b.bottom - a.bottom
        if down < 0 or (id(a) in in_band) != (id(b) in in_band):  # a new column; the edge of a page band
            out.append("")
            bold.append(False)
        elif down > PARAGRAPH_GAP * step:
            # as many blank lines as the space holds lines: a signature's space, the gap before a new letter
            blanks = min(MAX_BLANKS, max(1, round((down - step) / step)))
            out.extend([""] * blanks)
            bold.extend([False] * blanks)
        out.append(clean(b.text))
        bold.append(b.bold)
    return "\n".join(embolden(out, bold))


def embolden(lines: list[str], bold: list[bool]) -> list[str]:
    """Each run of bold lines in one paragraph as '**...**', as web text marks a subject line or a
    heading (the stages read a letter's subject and a report's title from such lines)."""
    out = list(lines)
    k = 0
    while k < len(out):
        if not (bold[k] and out[k].strip()):
            k += 1
            continue
        end = k
        while end + 1 < len(out) and bold[end + 1] and out[end + 1].strip():
            end += 1
        out[k] = "**" + out[k].lstrip()
        out[end] = out[end].rstrip() + "**"
        k = end + 1
    return out


def join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """Pages joined with a form feed on a line of its own (masked as a rule); where each page starts."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, page in enumerate(pages):
        if i:
            sep = "\n" + PAGE_BREAK + "\n"
            parts.append(sep)
            pos += len(sep)
        starts.append(pos)
        parts.append(page)
        pos += len(page)
    text = "".join(parts)
    return (text + "\n" if text and not text.endswith("\n") else text), tuple(starts)
