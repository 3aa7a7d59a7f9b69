"""Plain text (.txt, .md): bytes to text, as Python reads a text file.

A byte-order mark decides the encoding where there is one; otherwise each
configured encoding is tried in turn, and falling back past the first is a
warning. Line ends become one newline (CRLF and CR too), so offsets mean the
same for an analyst's ``open(path).read()``, the scorer and the pipeline.
Form feeds (``pdftotext`` puts one between pages) give the page map.
"""
from __future__ import annotations

from pipeline.config import Settings
from pipeline.readers import Extracted, Note, ReadFailure

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_EMPTY = "file is empty or holds only white space"


def newlines(text: str) -> str:
    """Line ends as Python reads a text file (universal newlines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def form_feed_pages(text: str) -> tuple[int, ...]:
    """Where each page starts in text that marks page breaks with form feeds; () where it marks none."""
    if "\f" not in text:
        return ()
    return (0, *(i + 1 for i, ch in enumerate(text) if ch == "\f" and i + 1 < len(text)))


def decode(raw: bytes, settings: Settings) -> tuple[str, str, tuple[Note, ...]]:
    """Bytes to (text, encoding, warnings): BOM first, then each configured encoding in turn."""
    if not raw.strip():
        raise ReadFailure("E004", _EMPTY)
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise ReadFailure("E006", f"has a {enc} byte-order mark but does not decode: {exc}") from None
            if not text.strip():
                raise ReadFailure("E004", _EMPTY)
            return newlines(text), enc, ()
    if b"\x00" in raw[:65536]:
        raise ReadFailure("E005", "looks binary (NUL bytes) and has no UTF-16 byte-order mark")
    notes: list[Note] = []
    for n, enc in enumerate(settings.encodings):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as exc:
            if n == 0:
                notes.append(Note("W001", f"not valid {enc} ({exc.reason} at byte {exc.start})"))
            continue
        if not text.strip():  # no-break spaces, ideographic spaces, line separators
            raise ReadFailure("E004", _EMPTY)
        if n > 0:
            notes.append(Note("W002", f"decoded as {enc} instead"))
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls > max(8, len(text[:65536]) // 50):
            raise ReadFailure("E005", f"looks binary ({controls} control characters)")
        return newlines(text), enc, tuple(notes)
    raise ReadFailure("E006", f"cannot be decoded as any of {', '.join(settings.encodings)}")


def read(raw: bytes, settings: Settings) -> Extracted:
    text, encoding, notes = decode(raw, settings)
    return Extracted(text, form_feed_pages(text), notes, encoding=encoding)
