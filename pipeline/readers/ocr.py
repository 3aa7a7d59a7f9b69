"""OCR of scanned PDF pages with Tesseract, through pytesseract.

pytesseract drives the ``tesseract`` program, so whether OCR can run is
whether that program (and its language data) is installed: Debian's
``tesseract-ocr`` package brings both. A page is rendered at
``settings.ocr_dpi`` and read word by word with boxes, so its lines go
through the same layout rules as a text layer's (``pages.page_text``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache

from pipeline.config import Settings
from pipeline.readers.pages import PageLine

INSTALL = "install Debian's tesseract-ocr package (apt-get install tesseract-ocr)"


@lru_cache(maxsize=8)
def _languages(cmd: str) -> frozenset[str]:
    """Languages the installed Tesseract has data for; empty where it is missing or broken."""
    path = shutil.which(cmd)
    if path is None:
        return frozenset()
    try:
        done = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    # the first line is a heading ('List of available languages in "...":')
    return frozenset(ln.strip() for ln in done.stdout.splitlines()[1:] if ln.strip())


def available(settings: Settings) -> bool:
    langs = _languages(settings.tesseract_cmd)
    return all(lang in langs for lang in settings.ocr_languages.split("+"))


def missing_reason(settings: Settings) -> str:
    if shutil.which(settings.tesseract_cmd) is None:
        return f"the {settings.tesseract_cmd} program (Tesseract OCR) is not installed; {INSTALL}"
    missing = [x for x in settings.ocr_languages.split("+") if x not in _languages(settings.tesseract_cmd)]
    return (f"Tesseract has no language data for {', '.join(missing)}; install Debian's "
            f"tesseract-ocr-{missing[0]} package")


def words_to_lines(data: dict[str, list], scale: float) -> list[PageLine]:
    """Tesseract's word table (``image_to_data``) to lines in points, in Tesseract's reading order."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if str(word).strip() and float(data["conf"][i]) >= 0:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    out = []
    for idx in lines.values():
        idx.sort(key=lambda i: data["word_num"][i])
        top = min(data["top"][i] for i in idx)
        bottom = max(data["top"][i] + data["height"][i] for i in idx)
        left = min(data["left"][i] for i in idx)
        right = max(data["left"][i] + data["width"][i] for i in idx)
        out.append(PageLine(" ".join(str(data["text"][i]) for i in idx), top / scale, bottom / scale, left / scale,
                            right / scale))
    return out


def page_lines(page, settings: Settings) -> list[PageLine]:
    """Render one PDF page (a ``pypdfium2.PdfPage``) and read its lines; [] if Tesseract fails on it."""
    import pytesseract

    pytesseract.pytesseract.tesseract_cmd = settings.tesseract_cmd  # the binding's only way to name the program
    # Tesseract's own threads make it 3-4 times slower on a page here, and pages are read in parallel by
    # the pipeline's workers anyway; a limit the user set is kept
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    scale = settings.ocr_dpi / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    try:
        data = pytesseract.image_to_data(image, lang=settings.ocr_languages, output_type=pytesseract.Output.DICT,
                                         timeout=settings.ocr_timeout_s)
    except (RuntimeError, pytesseract.TesseractError, OSError):
        return []
    return words_to_lines(data, scale)
