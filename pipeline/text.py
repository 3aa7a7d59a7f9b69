"""Line, block and markup helpers shared by the stages.

The corpus is text converted from web pages and PDFs: markdown emphasis,
links, ``<sup>`` footnote markers and hard page breaks sit inside the text.
Stages keep offsets into the raw text and clean only the values they report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# link text holds no "[" but a bracketed "[1]": from a run of "[" each try stops at the next
# one, so a line of thousands of brackets is read once, not once per bracket
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*\)")
_ANGLE_URL = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_SUP = re.compile(r"<sup>\s*([^<]{0,12}?)\s*</sup>", re.I)
_TAG = re.compile(r"</?[a-z][^>]{0,40}>", re.I)
_EMPH = re.compile(r"(\*{1,3}|_{2,3})")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")

DATE_WORDS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive non-blank lines; ``gap`` counts blank lines before it."""

    lines: tuple[Line, ...]
    gap: int

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Lines of ``text[start:end]`` with offsets into ``text``; handles CR, CRLF."""
    end = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    for m in re.finditer(r"\r\n|\r|\n", text[start:end]):
        stop = start + m.start()
        out.append(Line(pos, stop, text[pos:stop]))
        pos = start + m.end()
    if pos < end or not out:
        out.append(Line(pos, end, text[pos:end]))
    return out


def to_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    cur: list[Line] = []
    gap = 0
    for ln in lines:
        if ln.blank:
            if cur:
                blocks.append(Block(tuple(cur), gap))
                cur, gap = [], 0
            gap += 1
        else:
            cur.append(ln)
    if cur:
        blocks.append(Block(tuple(cur), gap))
    return blocks


def clean(s: str | None) -> str | None:
    """A value as a reader sees it: markup removed, spaces collapsed."""
    if s is None:
        return None
    return _clean(s)


@lru_cache(maxsize=1 << 16)
def _clean(s: str) -> str | None:
    # each pattern only where its marker occurs: most lines carry no markup
    if "[" in s:
        s = _LINK.sub(r"\1", s)
    if "<" in s:
        s = _TAG.sub("", _SUP.sub(r"\1", _ANGLE_URL.sub(r"\1", s)))
    if "*" in s or "_" in s:
        s = _EMPH.sub("", s)
    s = _WS.sub(" ", s).strip()
    return s or None


def strip_quotes(s: str | None) -> str | None:
    if s is None:
        return None
    s = s.strip().strip("'\"‘’“”").strip()
    return s or None


def word_count(s: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'’&-]*", s))


def is_prose(s: str) -> bool:
    """A sentence-like line, as opposed to a header, signature or heading line."""
    c = clean(s) or ""
    return word_count(c) >= 14 or (word_count(c) >= 8 and c.rstrip().endswith((".", ",", ";")))


def sentence_end(s: str) -> bool:
    c = (clean(s) or "").rstrip()
    return c.endswith((".", "!", "?", ":", ".'", ".’", '."', ".”"))


# Outward code + inward code. Validation (which areas and letters exist) is
# done by ukpostcodeutils; this only finds candidates.
POSTCODE_RE = re.compile(r"\b(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})\b")

# A whole line that is only a date: "4 February 2021", "Friday 15 January 2021",
# "26th November 2020", "February 4, 2021", "04/02/2021".
# A section number or "Date:"/"Published" may stand before it ("9  22 May 2024").
DATE_BODY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + DATE_WORDS + r")\.?,?\s+\d{4}"
    r"|(?:" + DATE_WORDS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))"
)
DATELINE_RE = re.compile(
    r"^(?:\d{1,2}\s+|(?:date|dated|(?:first\s+)?published|issued|sent)(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>" + DATE_BODY + r")\.?(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?$",  # "Sent: 12 June 2024 09:14"
    re.I,
)


def has_postcode(s: str) -> bool:
    return POSTCODE_RE.search(clean(s) or "") is not None


def is_dateline(s: str) -> bool:
    return DATELINE_RE.match(clean(s) or "") is not None
