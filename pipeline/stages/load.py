"""Stage 1: read corpus files into text. The only input I/O of the pipeline.

A file that cannot be turned into text becomes an ``ErrorRow`` naming the file
and the problem; it never raises, so one bad file cannot stop a batch.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import Settings
from pipeline.records import ErrorRow

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class Loaded:
    source_path: str
    text: str
    sha256: str
    encoding: str
    warnings: tuple[ErrorRow, ...] = field(default_factory=tuple)


def list_files(corpus: Path, settings: Settings) -> list[Path]:
    """Matching entries in sorted order, so output order never depends on the file system."""
    return sorted(corpus.rglob(settings.file_glob), key=lambda p: p.relative_to(corpus).as_posix())


def _err(source: str, code: str, message: str) -> ErrorRow:
    return ErrorRow(source_path=source, stage="load", error=code, message=f"{source}: {message}")


def _newlines(text: str) -> str:
    """Line ends as Python reads a text file (universal newlines), so every offset means the
    same for an analyst's ``open(path).read()`` and for the scorer as for the pipeline."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode(raw: bytes, source: str, settings: Settings) -> Loaded | ErrorRow:
    """Bytes to text: BOM first, then each configured encoding in turn."""
    digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        return _err(source, "E004", "file is empty or holds only white space")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                return _err(source, "E006", f"has a {enc} byte-order mark but does not decode: {exc}")
            if not text.strip():
                return _err(source, "E004", "file is empty or holds only white space")
            return Loaded(source, _newlines(text), digest, enc)
    if b"\x00" in raw[:65536]:
        return _err(source, "E005", "looks binary (NUL bytes) and has no UTF-16 byte-order mark")
    warnings: list[ErrorRow] = []
    for n, enc in enumerate(settings.encodings):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as exc:
            if n == 0:
                warnings.append(_err(source, "W001", f"not valid {enc} ({exc.reason} at byte {exc.start})"))
            continue
        if not text.strip():  # no-break spaces, ideographic spaces, line separators
            return _err(source, "E004", "file is empty or holds only white space")
        if n > 0:
            warnings.append(_err(source, "W002", f"decoded as {enc} instead"))
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls > max(8, len(text[:65536]) // 50):
            return _err(source, "E005", f"looks binary ({controls} control characters)")
        return Loaded(source, _newlines(text), digest, enc, tuple(warnings))
    return _err(source, "E006", f"cannot be decoded as any of {', '.join(settings.encodings)}")


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
    return _err(source_of(path, corpus), "E007",
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
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            return _err(source, "E003", f"is {size} bytes, over the {settings.max_file_bytes}-byte limit")
        raw = path.read_bytes()
    except OSError as exc:
        return _err(source, "E001", f"cannot be read: {exc.strerror or exc}")
    return decode(raw, source, settings)
