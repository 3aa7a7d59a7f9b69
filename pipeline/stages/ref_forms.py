"""The other ways a letter names a recommendation: ordinals and number words ("your third
recommendation", "the Panel's 14th", "recommendation one"), "R1" labels where a document
labels its recommendations so, and the (i)-(iv) requests of a letter and a reply's
"item (iii)". Each finder reads one line or one paragraph and returns ``Ref`` records.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.stages.refs import RecRules, Ref, anchored, clean_text, is_heading
from pipeline.text import Block, clean


def word_refs(text: str, b: Block, ln, rules: RecRules) -> list[Ref]:
    """"the sixth recommendation", "your first and third recommendations", "recommendation one"."""
    out = []
    for pattern, group, table in ((rules.ordinal_ref, "ords", rules.ordinals), (rules.word_ref, "words", rules.number_words)):
        for m in pattern.finditer(text, ln.start, ln.end):
            found = m.group(group).lower()
            count = re.fullmatch(r"first\s+(\w+)", found)  # "your first two concerns": 1 and 2
            if count and count.group(1) in rules.number_words:
                nums = list(range(1, rules.number_words[count.group(1)] + 1))
            else:  # "the third", "the 14th"
                nums = [int(w) if w.isdigit() else table[w] for w in re.findall(r"\d+|[a-z]+", found)
                        if w in table or w.isdigit()]
            for n in nums:
                out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end, anchored(text, b, m.start()),
                               is_heading(b), False))
    return out



def short_refs(text: str, b: Block, ln, rules: RecRules) -> list[Ref]:
    """"R1", "R2 and R4": a report's recommendations by letter and number."""
    out = []
    for m in rules.short_ref.finditer(text, ln.start, ln.end):
        nums = [int(n) for n in re.findall(r"\d+", m.group("nums"))]
        if re.search(r"\bto\b|[-–]", m.group("nums")) and len(nums) == 2 and nums[0] < nums[1] <= nums[0] + 50:
            nums = list(range(nums[0], nums[1] + 1))
        at_start = not (clean(text[b.start:m.start()]) or "")
        rest = clean_text(text[m.end():b.end]) if at_start else None
        stated = bool(rest and len(rest.split()) >= 4 and len(nums) == 1)
        for n in nums:
            out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end, anchored(text, b, m.start()),
                           is_heading(b), stated, rest if stated and len(nums) == 1 else None))
    return out



_ROMAN = {r: n for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"], 1)}
_ROMAN_ITEM = re.compile(r"(?<![\w(])\((?P<r>i{1,3}|iv|vi{0,3}|ix|x|xi{1,2})\)(?=\s+\S)")
_REQUEST = re.compile(r"\b(?:be (?:informed|told|provided|given|made aware)|please|grateful|i (?:ask|request|would ask)|"
                      r"i need to know|key points|as follows)\b", re.I)
_ITEM_REF = re.compile(r"\b(?:items?|points?|requests?|questions?)\s+(?P<list>\((?:i{1,3}|iv|vi{0,3}|ix|x)\)"
                       r"(?:\s*(?:,|and|&|or|to)\s*\((?:i{1,3}|iv|vi{0,3}|ix|x)\))*)", re.I)


def roman_refs(text: str, blocks: list[Block]) -> list[Ref]:
    """Requests or points a letter numbers (i), (ii), (iii) ...: as list paragraphs, or inline
    in a paragraph that asks for something; and a reply's "item (i)", "items (iii) and (iv)".

    They count as recommendations 1..n: the letter's numbered asks, which the
    reply answers one by one.
    """
    out: list[Ref] = []
    run: list[tuple[re.Match[str], Block]] = []
    for b in blocks:
        m = _ROMAN_ITEM.match(text, b.start + len(b.lines[0].text) - len(b.lines[0].text.lstrip()))
        if m and _ROMAN[m.group("r")] == len(run) + 1:
            run.append((m, b))
            continue
        if len(run) >= 3:
            out += [Ref(str(_ROMAN[m.group("r")]), _ROMAN[m.group("r")], m.start(), m.end(), rb.start, rb.end, True, False,
                        True, clean_text(text[m.end():rb.end])) for m, rb in run]
        run = []
        inline = list(_ROMAN_ITEM.finditer(text, b.start, b.end))
        seq = [m for k, m in enumerate(inline) if k < len(inline) and _ROMAN[m.group("r")] == k + 1]
        if len(seq) >= 3 and _REQUEST.search(text, b.start, b.end):
            for k, m in enumerate(seq):  # each request runs to the next marker, or to its sentence's end
                stop = seq[k + 1].start() if k + 1 < len(seq) else (text.find(".", m.end(), b.end) + 1 or b.end)
                out.append(Ref(str(_ROMAN[m.group("r")]), _ROMAN[m.group("r")], m.start(), m.end(), b.start, b.end,
                               False, False, True, clean_text(text[m.end():stop].rstrip(" ;,and"))))
        for m in _ITEM_REF.finditer(text, b.start, b.end):
            for r in re.findall(r"\(([ivx]+)\)", m.group("list").lower()):
                out.append(Ref(str(_ROMAN[r]), _ROMAN[r], m.start(), m.end(), b.start, b.end,
                               anchored(text, b, m.start()), False, False, None))
    if len(run) >= 3:
        out += [Ref(str(_ROMAN[m.group("r")]), _ROMAN[m.group("r")], m.start(), m.end(), rb.start, rb.end, True, False,
                    True, clean_text(text[m.end():rb.end])) for m, rb in run]
    return out



@lru_cache(maxsize=4)
def labels_r(text: str) -> bool:
    """Whether the document labels its recommendations "R1", "R2" ...: read once per file, not
    once per segment (a file of thousands of letters would be read thousands of times)."""
    return re.search(r"\brecommendations?\b", text, re.I) is not None and \
        re.search(r"^\W{0,4}R\d{1,2}\b", text, re.M) is not None

