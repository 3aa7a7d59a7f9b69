"""A letter's text as HTML with every extracted span highlighted.

Pure functions: text and spans in, escaped markup out. Spans may overlap in
any way (an address holds a party's name, two stances share one evidence
sentence, a date runs across a sentence's end); the output is always well
nested, because a span that an enclosing span outlives is closed and reopened
around the boundary. Only the first piece of a span carries its ``id``, and
spans are opened longest first (evidence before the words inside it), so an
anchor such as ``#ev-2`` targets the whole evidence wherever it can.

Every character of the text is escaped; class names come from ``KINDS``, never
from the data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# highlight type -> (element, rank at equal extent: lower opens first, outside)
KINDS: dict[str, tuple[str, int]] = {
    "evidence": ("mark", 0),
    "address": ("span", 1),
    "mention": ("span", 2),
    "party": ("span", 3),
    "date": ("span", 4),
}
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    id: str | None = None
    title: str | None = None
    variant: str | None = None  # a second class from a fixed set, e.g. the stance label

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"[E701] unknown highlight kind {self.kind!r}; one of {', '.join(KINDS)}")
        if self.id is not None and not _ID.match(self.id):
            raise ValueError(f"[E702] highlight id {self.id!r} is not a plain HTML id")
        if self.variant is not None and not _ID.match(self.variant):
            raise ValueError(f"[E703] highlight variant {self.variant!r} is not a plain class name")


def clip(spans: list[Span], length: int) -> list[Span]:
    """Spans cut to ``[0, length)``; empty and outside ones dropped."""
    out = []
    for s in spans:
        a, b = max(0, s.start), min(length, s.end)
        if a < b:
            out.append(s if (a, b) == (s.start, s.end) else Span(a, b, s.kind, s.id, s.title, s.variant))
    return out


def _open(s: Span, first: bool) -> str:
    tag = KINDS[s.kind][0]
    classes = f"hl hl-{s.kind}" + (f" v-{s.variant}" if s.variant else "") + ("" if first else " hl-cont")
    attrs = f' class="{classes}"'
    if first and s.id:
        attrs += f' id="{s.id}"'
    if s.title:
        attrs += f' title="{escape(s.title)}"'
    return f"<{tag}{attrs}>"


def render(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in its element; always well nested."""
    spans = clip(spans, len(text))
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    for group in starts.values():
        group.sort(key=lambda s: (-s.end, KINDS[s.kind][1]))
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    last = 0
    for pos in bounds:
        out.append(str(escape(text[last:pos])))
        low = next((k for k, s in enumerate(stack) if s.end <= pos), None)
        if low is not None:
            reopen = [s for s in stack[low:] if s.end > pos]
            out.extend(f"</{KINDS[s.kind][0]}>" for s in reversed(stack[low:]))
            del stack[low:]
            for s in reopen:
                out.append(_open(s, first=False))
                stack.append(s)
        for s in starts.get(pos, []):
            out.append(_open(s, first=True))
            stack.append(s)
        last = pos
    out.extend(f"</{KINDS[s.kind][0]}>" for s in reversed(stack))
    return Markup("".join(out))
