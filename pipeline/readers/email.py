"""E-mail (.eml): the headers that name the parties and the date, then the body.

The text starts with the From, To, Cc, Date and Subject headers as lines
(``From: Jane Smith <jane@x.gov.uk>``; the date day-first in words, '10
February 2021'), so an analyst sees them and rows read from them point at
them. They are handed on as ``head`` too: a letter in the body names its own
writer and date, so the stages read the body alone, and the headers only
fill in the first letter's sender, recipients, copies and date where the
letter gives none (``stages/mailhead.py``). The body follows:
the plain-text part where there is one, else the HTML part through the web
page reader. Attachments are handed back for ``load`` to read as documents
of their own, linked to the e-mail; a forwarded message counts as one.
"""
from __future__ import annotations

import email.utils
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from pipeline.config import Settings
from pipeline.readers import Attachment, Extracted, HeadLine, ReadFailure
from pipeline.readers.text import newlines

HEADERS = ("From", "To", "Cc", "Date", "Subject")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _header(msg: EmailMessage, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - a malformed header the parser cannot fold is left out
        return None
    if value is None:
        return None
    if name == "Date":
        try:
            when = email.utils.parsedate_to_datetime(str(value))
        except (TypeError, ValueError, IndexError):
            return " ".join(str(value).split())
        return f"{when.day} {MONTHS[when.month - 1]} {when.year}"  # not %B, which follows the locale
    return " ".join(str(value).split())


def head(msg: EmailMessage) -> tuple[str, tuple[HeadLine, ...]]:
    """The header lines, in a fixed order, each once; and where each value sits in them."""
    lines: list[str] = []
    spans: list[HeadLine] = []
    pos = 0
    for name in HEADERS:
        value = _header(msg, name)
        if not value:
            continue
        line = f"{name}: {value}"
        spans.append(HeadLine(name, value, pos + len(name) + 2, pos + len(line)))
        lines.append(line)
        pos += len(line) + 1
    return "\n".join(lines), tuple(spans)


def body(msg: EmailMessage) -> str:
    """The message's own text: plain text preferred, HTML converted, '' where there is neither."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying charset
        content = (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        from pipeline.readers.html import page_text

        return page_text(content.encode("utf-8") if isinstance(content, str) else content, message=True)
    return newlines(content if isinstance(content, str) else content.decode("utf-8", errors="replace"))


def attachments(msg: EmailMessage) -> tuple[Attachment, ...]:
    out = []
    for n, part in enumerate(msg.iter_attachments(), start=1):
        name = part.get_filename()
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            data = inner.as_bytes() if isinstance(inner, EmailMessage) else bytes(inner)
            name = name or f"message-{n}.eml"
        else:
            data = part.get_payload(decode=True) or b""
            name = name or f"attachment-{n}"
        out.append(Attachment(name, data))
    return tuple(out)


def read(raw: bytes, settings: Settings) -> Extracted:
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    if not any(msg.get(h) for h in ("From", "To", "Date", "Subject", "Message-ID")):
        raise ReadFailure("E009", "is not an e-mail message (no From, To, Date or Subject header)")
    top, spans = head(msg)
    text = body(msg).strip("\n")
    full = "\n\n".join(x for x in (top, text) if x)
    return Extracted(full + "\n", attachments=attachments(msg), head=spans)
