"""Stage 1: corpus files to extracted text. The only input I/O of the pipeline.

This module picks the files (``--include``/``--exclude``), reads their
bytes and hands them to the reader of their format (``pipeline.readers``);
it knows nothing of any format itself. A file that cannot be turned into
text becomes an ``ErrorRow`` naming the file and the reason; it never
raises, so one bad file cannot stop a batch. Attachments of an e-mail are
loaded as documents of their own, named ``mail.eml#attachment.pdf``.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from pipeline.config import Settings
from pipeline.readers import FORMATS, Extracted, HeadLine, ReadFailure, format_of, reader_for, unsupported
from pipeline.records import ErrorRow

MAX_NESTING = 3  # e-mails attached to e-mails attached to e-mails ...


@dataclass(frozen=True)
class Loaded:
    source_path: str
    text: str
    sha256: str
    encoding: str = ""
    warnings: tuple[ErrorRow, ...] = field(default_factory=tuple)
    format: str = "txt"
    page_starts: tuple[int, ...] = ()
    attached_to: str | None = None  # document_id of the e-mail this file came with
    attachments: tuple[Loaded | ErrorRow, ...] = ()
    head: tuple[HeadLine, ...] = ()  # an e-mail's headers: fallbacks for the first letter (stages/mailhead.py)

    @property
    def document_id(self) -> str:
        """The path is part of the id, so two copies of one file keep distinct rows."""
        return hashlib.sha256(f"{self.source_path}\0{self.sha256}".encode()).hexdigest()[:16]


# ---- choosing files

def _matches(rel: PurePosixPath, pattern: str, *, folders: bool) -> bool:
    """A pattern with a '/' matches the whole relative path; one without matches the file's name
    (or, with ``folders``, any folder's name on the way, so ``--exclude drafts`` leaves a folder out)."""
    pattern = pattern.lower()
    if "/" in pattern:
        return fnmatchcase(rel.as_posix().lower(), pattern.strip("/"))
    names = rel.parts if folders else rel.parts[-1:]
    return any(fnmatchcase(name.lower(), pattern) for name in names)


def selected(rel: PurePosixPath, settings: Settings) -> bool:
    if any(_matches(rel, p, folders=True) for p in settings.exclude):
        return False
    return any(_matches(rel, p, folders=False) for p in settings.include)


def select(corpus: Path, settings: Settings) -> tuple[list[Path], list[Path]]:
    """(files to read, files left out by --include/--exclude), each in sorted order.

    Folders are walked, not read, except a folder or link whose name says it
    is a document ('letters.pdf/'): that is listed so it gets its errors row.
    """
    chosen, left_out = [], []
    for path in corpus.rglob("*"):
        rel = PurePosixPath(path.relative_to(corpus).as_posix())
        if path.is_dir() and format_of(path.name) is None:
            continue
        (chosen if selected(rel, settings) else left_out).append(path)
    key = lambda p: p.relative_to(corpus).as_posix()  # noqa: E731
    return sorted(chosen, key=key), sorted(left_out, key=key)


def list_files(corpus: Path, settings: Settings) -> list[Path]:
    """Files to read, in sorted order, so output order never depends on the file system."""
    return select(corpus, settings)[0]


# ---- reading

def _err(source: str, code: str, message: str) -> ErrorRow:
    return ErrorRow(source_path=source, stage="load", error=code, message=f"{source}: {message}")


def _attachment_names(source: str, names: list[str]) -> list[str]:
    """Unique source paths for an e-mail's attachments: ``mail.eml#name``, ``mail.eml#2-name`` for a repeat."""
    seen: set[str] = set()
    out = []
    for i, name in enumerate(names, start=1):
        base = PurePosixPath(name.replace("\\", "/")).name or f"attachment-{i}"
        path = f"{source}#{base}"
        if path in seen:
            path = f"{source}#{i}-{base}"
        seen.add(path)
        out.append(path)
    return out


def load_bytes(raw: bytes, source: str, fmt: str, settings: Settings, *, attached_to: str | None = None,
               depth: int = 0) -> Loaded | ErrorRow:
    """One file's bytes, read as ``fmt``, to its text, warnings and loaded attachments."""
    if not raw.strip():
        return _err(source, "E004", "file is empty or holds only white space")
    try:
        got: Extracted = reader_for(fmt)(raw, settings)
    except ReadFailure as exc:
        return _err(source, exc.code, exc.message)
    except Exception as exc:  # noqa: BLE001 - a format library failing on damaged bytes
        return _err(source, "E009", f"cannot be read as {fmt} ({type(exc).__name__}: {exc})")
    warnings = [_err(source, n.code, n.message) for n in got.notes]
    digest = hashlib.sha256(raw).hexdigest()
    loaded = Loaded(source, got.text, digest, got.encoding, (), fmt, got.page_starts, attached_to)
    attachments: list[Loaded | ErrorRow] = []
    skipped: list[str] = []
    for att, path in zip(got.attachments, _attachment_names(source, [a.name for a in got.attachments])):
        att_fmt = format_of(path)
        if att_fmt is None or depth >= MAX_NESTING:
            skipped.append(path.rsplit("#", 1)[1])
            continue
        attachments.append(load_bytes(att.data, path, att_fmt, settings, attached_to=loaded.document_id,
                                      depth=depth + 1))
    if skipped:
        warnings.append(_err(source, "W005", f"attachment(s) not read, in a format the pipeline does not read: "
                                             f"{', '.join(skipped)}"))
    if not got.text.strip() and not warnings:
        return _err(source, "E004", f"holds no text (an empty {fmt} document)")
    return Loaded(source, got.text, digest, got.encoding, tuple(warnings), fmt, got.page_starts, attached_to,
                  tuple(attachments), got.head)


def decode(raw: bytes, source: str, settings: Settings) -> Loaded | ErrorRow:
    """Bytes of a plain-text file to text: BOM first, then each configured encoding in turn."""
    return load_bytes(raw, source, "txt", settings)


def source_of(path: Path, corpus: Path) -> str:
    try:
        return path.relative_to(corpus).as_posix()
    except ValueError:
        return path.as_posix()


def link_outside(path: Path, corpus: Path, settings: Settings) -> ErrorRow | None:
    """An errors row for a link that leads out of the corpus folder, unless links are followed:
    a batch job must not read /etc because a corpus held a link to it."""
    if settings.follow_links or not path.is_symlink():
        return None
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(corpus))
    if target == root or root in target.parents:
        return None
    return _err(source_of(path, corpus), "E010",
                f"is a link to {target}, outside the corpus folder; not followed (--follow-links reads it)")


def read(path: Path, corpus: Path, settings: Settings) -> Loaded | ErrorRow:
    source = source_of(path, corpus)
    outside = link_outside(path, corpus, settings)
    if outside is not None:
        return outside
    try:
        if path.is_symlink() and not path.exists():
            return _err(source, "E002", "is a broken link")
        if not path.exists():
            return _err(source, "E001", "does not exist")
        if not path.is_file():
            return _err(source, "E002", "is not a regular file (a directory or device)")
        fmt = format_of(path.name)
        if fmt is None:
            return _err(source, "E007", unsupported(path.name))
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            return _err(source, "E003", f"is {size} bytes, over the {settings.max_file_bytes}-byte limit")
        raw = path.read_bytes()
    except OSError as exc:
        return _err(source, "E001", f"cannot be read: {exc.strerror or exc}")
    return load_bytes(raw, source, fmt, settings)


__all__ = ["FORMATS", "Loaded", "decode", "list_files", "load_bytes", "read", "select", "selected"]
