"""Readers: one module per input format, each a pure function from a file's bytes
to its extracted text and a page map.

Every stage after loading reads one string, so every format is turned into
the text a person would read: paragraphs separated by blank lines, page
furniture left where the page puts it (the layout masking blanks it), the
title of a web page and the headers of an e-mail kept as lines. Offsets in
every table index this text, which is kept in ``documents.text``.

A reader never touches the file system or the network. It raises
``ReadFailure`` with a stable code when the bytes cannot give text at all,
and returns ``Note``s for what the analyst should know (a scanned page that
could not be read, an attachment left out).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pipeline.config import Settings


class Note(NamedTuple):
    """A warning about one file: a stable ``W`` code and what happened (without the file name)."""

    code: str
    message: str


class ReadFailure(Exception):
    """The bytes cannot give any text: a stable ``E`` code and the reason."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class HeadLine(NamedTuple):
    """A header the file carries apart from its text (an e-mail's From, To, Cc, Date), written as a line
    of the text; ``start``/``end`` span its value, so rows read from it point at it."""

    name: str
    value: str
    start: int
    end: int

    @property
    def line(self) -> tuple[int, int]:
        """The whole line, 'Name: value', which the stages do not read."""
        return self.start - len(self.name) - 2, self.end


@dataclass(frozen=True)
class Attachment:
    """A file carried inside another (an e-mail's attachment), read as a document of its own."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Extracted:
    """What a reader makes of one file.

    ``page_starts`` holds the offset where each page begins (the first is 0),
    and is empty for formats that have no pages (web pages, Word, e-mail).
    """

    text: str
    page_starts: tuple[int, ...] = ()
    notes: tuple[Note, ...] = ()
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    encoding: str = ""
    head: tuple[HeadLine, ...] = ()  # header lines the stages should take as fallbacks, not as the letter's head


def page_at(page_starts: tuple[int, ...] | list[int], offset: int | None) -> int | None:
    """1-based page holding ``offset``; None where the format has no pages or there is no offset."""
    if not page_starts or offset is None:
        return None
    return max(1, bisect_right(page_starts, offset))


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces: same length, so every offset still holds."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


Reader = Callable[[bytes, "Settings"], Extracted]

# suffix -> format name; the module that reads each is picked in ``reader_for``
FORMATS: dict[str, str] = {
    ".txt": "txt", ".md": "md", ".pdf": "pdf", ".docx": "docx",
    ".html": "html", ".htm": "html", ".eml": "eml",
}

# what common files are, to say so in the errors row of a format not read
KNOWN_OTHERS: dict[str, str] = {
    ".doc": "an old binary Word document (save it as .docx)",
    ".odt": "an OpenDocument text (save it as .docx or PDF)",
    ".rtf": "a rich-text document (save it as .docx)",
    ".xlsx": "a spreadsheet", ".xls": "a spreadsheet", ".ods": "a spreadsheet", ".csv": "a table",
    ".pptx": "a presentation", ".ppt": "a presentation",
    ".msg": "an Outlook message (save it as .eml)",
    ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".tif": "an image",
    ".tiff": "an image", ".bmp": "an image", ".webp": "an image",
    ".zip": "an archive", ".gz": "an archive", ".tgz": "an archive", ".tar": "an archive", ".7z": "an archive",
    ".rar": "an archive", ".bz2": "an archive", ".xz": "an archive",
}


def format_of(name: str) -> str | None:
    """The format a file name says it holds, or None for a format the pipeline does not read."""
    return FORMATS.get(PurePosixPath(name).suffix.lower())


def unsupported(name: str) -> str:
    """Why a file is not read, for its errors row."""
    suffix = PurePosixPath(name).suffix.lower()
    what = KNOWN_OTHERS.get(suffix, f"a {suffix} file" if suffix else "a file without a suffix")
    readable = ", ".join(sorted(set(FORMATS)))
    return f"is {what}, which the pipeline does not read (it reads {readable})"


def reader_for(fmt: str) -> Reader:
    """The function that reads ``fmt``; imported on demand, so a format's library loads only when used."""
    if fmt in ("txt", "md"):
        from pipeline.readers.text import read
    elif fmt == "pdf":
        from pipeline.readers.pdf import read
    elif fmt == "docx":
        from pipeline.readers.docx import read
    elif fmt == "html":
        from pipeline.readers.html import read
    elif fmt == "eml":
        from pipeline.readers.email import read
    else:
        raise KeyError(fmt)
    return read
