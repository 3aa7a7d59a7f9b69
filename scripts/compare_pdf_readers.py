"""Compare PDF text extractors on speed and reading order, to choose the PDF reader.

    python -m venv /tmp/cmp && /tmp/cmp/bin/pip install pypdfium2 pdfplumber pypdf reportlab pydantic
    /tmp/cmp/bin/python scripts/compare_pdf_readers.py

pdfplumber and pypdf are not project dependencies; a library that is not installed is left out.
The PDFs are made here from the project's own text (corpus/ and tests/data/fixtures/), with
tests/render.py: A4 pages, a running header and a page number that reportlab draws before the
body, and one two-column page. For each library it reports:

- pages per second over every page (best of three runs, one process);
- word order: how much of each document's words come out in the source's order (difflib ratio
  over the word sequence, header and page-number words removed), averaged over documents;
- furniture at the edges: the share of pages whose text starts with the running header and ends
  with the page number (where the stages' page-furniture masking expects them);
- columns: whether a two-column page gives the left column whole before the right one.

'pypdfium2 (raw)' is PDFium's text in drawing order; 'pypdfium2 + recpipe layout' is what
pipeline/readers/pdf.py makes of it (furniture to the page edges, paragraph gaps as blank lines).
"""
from __future__ import annotations

import difflib
import io
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import render  # noqa: E402

HEADER = render.HEADER


def _pdfium_raw(raw: bytes) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(raw)
    out = []
    for page in pdf:
        tp = page.get_textpage()
        out.append(tp.get_text_range().replace("\r\n", "\n"))
        tp.close()
        page.close()
    pdf.close()
    return out


def _pdfium_layout(raw: bytes) -> list[str]:
    from pipeline.config import Settings
    from pipeline.readers import pdf

    got = pdf.read(raw, Settings(tesseract_cmd="no-ocr-in-this-comparison"))
    starts = [*got.page_starts, len(got.text)]
    return [got.text[a:b] for a, b in zip(starts, starts[1:])]


def _pdfplumber(raw: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _pdfminer(raw: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(raw)).split("\f")[:-1]


def _pypdf(raw: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(raw)).pages]


LIBRARIES = {"pypdfium2 (raw)": ("pypdfium2", _pdfium_raw), "pypdfium2 + recpipe layout": ("pypdfium2", _pdfium_layout),
             "pdfplumber": ("pdfplumber", _pdfplumber), "pdfminer.six": ("pdfminer", _pdfminer),
             "pypdf": ("pypdf", _pypdf)}


def _words(text: str) -> list[str]:
    text = text.replace(HEADER, " ")
    return [w for w in re.findall(r"[A-Za-z]{2,}", text)]


def _two_columns() -> tuple[bytes, str, str]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    left = " ".join(f"Leftword{i}" for i in range(120))
    right = " ".join(f"Rightword{i}" for i in range(120))
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4)
    w, h = A4
    doc.addPageTemplates([PageTemplate(frames=[Frame(40, 60, w / 2 - 50, h - 120), Frame(w / 2 + 10, 60, w / 2 - 50, h - 120)])])
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    doc.build([Paragraph(left, style), FrameBreak(), Paragraph(right, style)])
    return buf.getvalue(), left, right


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for root in (ROOT / "corpus", ROOT / "tests" / "data" / "fixtures")
             for p in sorted(root.rglob("*.txt"))]
    docs = [(render.to_pdf(t), t) for t in texts]
    cols, left, right = _two_columns()
    import pypdfium2

    n_pages = sum(len(pypdfium2.PdfDocument(raw)) for raw, _ in docs)
    print(f"{len(docs)} documents, {n_pages} pages; two-column page separately\n")
    print(f"{'library':28}{'pages/s':>9}{'word order':>12}{'furniture at edges':>20}{'columns whole':>15}")
    for name, (module, fn) in LIBRARIES.items():
        try:
            __import__(module)
        except ImportError:
            print(f"{name:28}  not installed")
            continue
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            outs = [fn(raw) for raw, _ in docs]
            best = min(best, time.perf_counter() - t0)
        order, edges, pages = [], 0, 0
        for pages_text, (_, source) in zip(outs, docs):
            want = _words("\n".join(render.plain(ln) for ln in source.split("\n")))
            got = _words("\n".join(pages_text))
            order.append(difflib.SequenceMatcher(None, want, got, autojunk=False).ratio())
            for n, page in enumerate(pages_text, start=1):
                lines = [ln.strip() for ln in page.split("\n") if ln.strip()]
                pages += 1
                edges += bool(lines) and lines[0] == HEADER and lines[-1] == str(n)
        col_text = "\n".join(fn(cols))
        whole = col_text.find("Rightword0") > col_text.find("Leftword119") >= 0
        print(f"{name:28}{n_pages / best:9.0f}{statistics.mean(order):12.4f}{edges / pages:20.0%}{'yes' if whole else 'no':>15}")


if __name__ == "__main__":
    main()
