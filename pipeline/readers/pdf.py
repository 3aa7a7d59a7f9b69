"""PDF: the text layer through PDFium, and Tesseract OCR for pages that have none.

PDFium (pypdfium2) was chosen over pdfminer.six/pdfplumber and pypdf: it is
the engine Chrome uses, permissively licensed (Apache-2.0/BSD-3), ships as a
binary wheel with nothing to compile, renders pages for OCR, and with this
module's layout still read the test pages about 4 times as fast as pypdf and
14-39 times as fast as pdfminer.six and pdfplumber. It keeps the order the
PDF draws its text in, so columns stay whole, and ``pages.reading_order``
moves running headers and page numbers to the page's edges (README, "Input
formats", has the comparison; scripts/compare_pdf_readers.py makes it).

A page needs OCR when its text layer holds almost nothing and it carries an
image (a scan); only those pages are rendered and read by Tesseract. Where
Tesseract is missing they are left empty and the file gets a warning naming
the pages, never a silent empty result.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.config import Settings
from pipeline.readers import Extracted, Note, ReadFailure, ocr
from pipeline.readers.pages import PageLine, join_pages, page_text


def _lines(textpage: pdfium.PdfTextPage, height: float) -> list[PageLine]:
    """The text layer's lines as PDFium breaks them, each placed by a few of its characters' boxes."""
    text = textpage.get_text_range()
    n = min(len(text), textpage.count_chars())
    out: list[PageLine] = []
    start = 0
    while start < n:
        end = text.find("\r\n", start, n)
        end = n if end < 0 else end
        line = text[start:end]
        if line.strip():
            idx = [i for i in range(start, end) if not text[i].isspace()]
            probe = {idx[0], idx[len(idx) // 2], idx[-1]}
            boxes = [textpage.get_charbox(i, loose=True) for i in probe]  # (left, bottom, right, top), y up
            bottom = min(b[1] for b in boxes)  # a superscript's box sits higher; the line's lowest is its own
            top = max(b[3] for b in boxes)
            out.append(PageLine(line, height - top, height - bottom, min(b[0] for b in boxes),
                                max(b[2] for b in boxes), all(_bold(textpage, i) for i in probe)))
        start = end + 2
    return out


_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    """Whether a character is set bold: its font's weight, or (for fonts that give none) its name."""
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.byref(flags))
    return any(word in name.value.decode("latin-1").lower() for word in _BOLD_NAMES)


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _open(raw: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise ReadFailure("E008", "is a password-protected PDF; save an unprotected copy to read it") from None
        why = reason[reason.find("PDFium:"):].rstrip(".)") if "PDFium:" in reason else reason
        raise ReadFailure("E009", f"cannot be read as a PDF: damaged, or not a PDF ({why})") from None


def _ranges(pages: list[int]) -> str:
    """[1, 2, 3, 7] -> '1-3, 7'."""
    out, run = [], [pages[0]]
    for p in pages[1:]:
        if p == run[-1] + 1:
            run.append(p)
            continue
        out.append(run)
        run = [p]
    out.append(run)
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in out)


def read(raw: bytes, settings: Settings) -> Extracted:
    pdf = _open(raw)
    try:
        if len(pdf) == 0:
            raise ReadFailure("E004", "is a PDF with no pages")
        texts: list[str] = []
        scanned: list[int] = []
        unread: list[int] = []
        can_ocr = ocr.available(settings)
        for number, page in enumerate(pdf, start=1):
            try:
                height = page.get_height()
                textpage = page.get_textpage()
                try:
                    lines = _lines(textpage, height)
                finally:
                    textpage.close()
                if sum(len(ln.text.strip()) for ln in lines) < settings.ocr_min_chars and _has_image(page):
                    scanned.append(number)
                    if can_ocr:
                        lines = ocr.page_lines(page, settings)
                        if not lines:
                            unread.append(number)
                texts.append(page_text(lines, height))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ReadFailure("E009", f"is a damaged PDF ({exc})") from None
    finally:
        pdf.close()
    notes: list[Note] = []
    if scanned and not can_ocr:
        notes.append(Note("W003", f"page(s) {_ranges(scanned)} are scanned images with no text layer and were "
                                  f"not read: {ocr.missing_reason(settings)}"))
    elif unread:
        notes.append(Note("W004", f"OCR found no text on scanned page(s) {_ranges(unread)}"))
    text, starts = join_pages(texts)
    return Extracted(text, starts, tuple(notes))
