"""Stage 6: every reference to a numbered recommendation, and the report it is from.

References come in three shapes: inline ("recommendation 6",
"recommendations 3, 4 and 8", "recommendations 8-10"), numbered list items
under a lead-in that speaks of recommendations, and statement lines
("Recommendation 6 for the Home Office - To commence ..."). A number counts
only next to the word "recommendation" or inside such a list, so section,
paragraph and footnote numbers and statute years are never references.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.stages.segment import Segment
from pipeline.records import Kind
from pipeline.stages.shapes import Form
from pipeline.text import Block, clean, is_prose, sentence_end, split_lines, strip_quotes, to_blocks


@dataclass(frozen=True)
class RecRules:
    inline: re.Pattern[str]
    number: re.Pattern[str]
    lead_in: re.Pattern[str]
    lead_in_not: re.Pattern[str]
    numbered_lead: re.Pattern[str]
    short_ref: re.Pattern[str]
    list_item: re.Pattern[str]
    stated_heading: re.Pattern[str]
    parenthetical: re.Pattern[str]
    that_clause: re.Pattern[str]
    report_subject: re.Pattern[str]
    report_named: re.Pattern[str]
    ordinal_ref: re.Pattern[str]
    word_ref: re.Pattern[str]
    ordinals: dict[str, int]
    number_words: dict[str, int]


@lru_cache(maxsize=4)
def load_rules(models_dir: Path) -> RecRules:
    raw = json.loads((models_dir / "patterns" / "recommendations.json").read_text(encoding="utf-8"))
    num, join = raw["number"], raw["joiner"]
    inline = raw["keyword"] + r"\s+(?:no\.?\s*|number\s+|#\s*)?(?P<nums>" + num + r"(?:" + join + num + r")*)(?![\w/])"
    c = lambda p, f=re.I: re.compile(p, f)
    return RecRules(
        inline=c(inline), number=c(num), lead_in=c(raw["lead_in"]), lead_in_not=c(raw["lead_in_not"]),
        numbered_lead=c(raw["numbered_lead"]), short_ref=re.compile(raw["short_ref"]),
        list_item=c(raw["list_item"]),
        stated_heading=c(raw["stated_heading"].replace("NUM", num).replace("JOIN ", join)),
        parenthetical=c(raw["parenthetical"]), that_clause=c(raw["that_clause"]),
        report_subject=c(raw["report_subject"]), report_named=re.compile(raw["report_named"]),
        ordinal_ref=c(raw["ordinal_ref"].replace("ORD", "(?:" + "|".join(raw["ordinals"]) + r"|\d{1,2}(?:st|nd|rd|th))")),
        word_ref=c(raw["word_ref"].replace("WORD", "(?:" + "|".join(raw["number_words"]) + ")")),
        ordinals={w: n for n, w in enumerate(raw["ordinals"], 1)},
        number_words={w: n for n, w in enumerate(raw["number_words"], 1)},
    )


@dataclass(frozen=True)
class Ref:
    """One reference to one recommendation; ``anchor`` marks where an answer opens."""

    label: str
    number: int
    start: int
    end: int
    block_start: int
    block_end: int
    anchor: bool
    heading: bool
    stated: bool
    text: str | None = None
    quote: tuple[int, int] | None = None  # where the recommendation is quoted, when not its own block
    addressee: str | None = None  # "TO S2R:": whom a coroner's report sends this concern
    implicit: bool = False  # an unnumbered concern, counted in order but never written as a number
    conclusion: bool = False  # a report's conclusion in its numbered list: nothing to answer


# a reference this close to the start of its paragraph opens an answer to it
ANCHOR_CHARS = 60
# paragraphs a numbered list may run over between two items
LIST_GAP = 2


def _number(label: str) -> int:
    return int(re.search(r"\d+", label).group(0))


def _balanced(label: str) -> str:
    """"10a)" in "recommendations 10a) and 10b)" is "10a"; "10a)v" keeps its bracket."""
    return label[:-1] if label.endswith(")") and label.count(")") > label.count("(") else label


_RANGE = re.compile(r"^\s*(?:-|–|—|to|through)\s*$", re.I)
RANGE_SPAN = 50  # "1-100" is two references, not a hundred


def expand(nums: str, rules: RecRules) -> list[str]:
    """"3, 4 and 8" -> 3, 4, 8; "8-10" -> 8, 9, 10, also inside a list ("1, 3 and 5-7");
    "4a(ii)" stays whole."""
    found = list(rules.number.finditer(nums))
    labels = [_balanced(re.sub(r"^\((\d+)\)$", r"\1", m.group(0).replace(" ", ""))) for m in found]
    out: list[str] = []
    for k, lab in enumerate(labels):
        prev = labels[k - 1] if k else None
        between = nums[found[k - 1].end():found[k].start()] if k else ""
        if prev and prev.isdigit() and lab.isdigit() and _RANGE.match(between) \
                and int(prev) < int(lab) <= int(prev) + RANGE_SPAN:
            out += [str(n) for n in range(int(prev) + 1, int(lab)) if str(n) not in out]
        if lab not in out:
            out.append(lab)
    return out


def _clean_text(s: str) -> str | None:
    s = clean(s) or ""
    s = strip_quotes(s.rstrip(" ;.,")) or ""
    return s.rstrip(" ;.,") or None


def _is_heading(b: Block) -> bool:
    """A one-line block without closing punctuation: a section heading."""
    line = clean(b.lines[0].text) or ""
    return len(b.lines) == 1 and not sentence_end(line) and len(line.split()) <= 25


def _heading_line(raw: str) -> bool:
    """A short line that is no sentence: a title or a section heading."""
    c = clean(raw) or ""
    return 0 < len(c.split()) <= 8 and not sentence_end(c)


def _label_offset(raw: str, label: str) -> int:
    """Where a list item's number starts in the raw line, even when markup splits
    it ("1*.*2."): the label was read from the cleaned line."""
    at = raw.find(label)
    if at >= 0:
        return at
    digit = re.search(r"\d", raw)
    return digit.start() if digit else 0


def _anchor(text: str, b: Block, pos: int) -> bool:
    return len(clean(text[b.start:pos]) or "") <= ANCHOR_CHARS or _is_heading(b)


def _word_refs(text: str, b: Block, ln, rules: RecRules) -> list[Ref]:
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
                out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end, _anchor(text, b, m.start()),
                               _is_heading(b), False))
    return out


# every reference form contains one of these (OCR slips included), or "R<n>"
_KEYWORD_HINT = re.compile(r"re[ce][o0]|concern|\br\d|rec\b")
_MODAL = re.compile(r"\b(should|must|ought to|recommends?|needs? to|be required to|we urge|calls? on)\b", re.I)


def _bare_heading(line: str, m: re.Match[str]) -> bool:
    """A line that is only the reference: "Recommendation 9", "**Recommendation 4.7**"."""
    rest = (clean(line) or "").replace(clean(m.group(0)) or "", "", 1)
    return not re.search(r"\w", rest)


# the first line of an answer: a status statement, or the responding body speaking
_ANSWER_START = re.compile(r"^\W*(?:(?:government\s+)?response\s*:|(?:(?:the\s+)?(?:uk\s+|scottish\s+|welsh\s+)?"
                           r"(?:government|department|ministry|council|trust|board|home office)|we|i)\b[^.]{0,40}?\b"
                           r"(?:accepts?|agrees?|supports?|notes?|rejects?|does not|do not|will|has|have|welcomes?|recognises?)\b)", re.I)


def _statement(s: str) -> str:
    """The recommendation a statement line gives, without the answer a reply runs on into
    on the same line ("Concern 2: sepsis induction. The Trust accepts ...")."""
    parts = re.split(r"(?<=[.!?])\**\s+", s)
    keep = [parts[0]] + list(itertools.takewhile(lambda x: not _ANSWER_START.match(x), parts[1:]))
    return " ".join(keep)


def _quoted_after(text: str, blocks: list[Block], bi: int, ln) -> tuple[tuple[int, int] | None, str | None]:
    """The recommendation quoted under a bare heading: the rest of its block, or the
    next block when that reads as a recommendation ("... should ...")."""
    b = blocks[bi]
    after = [x for x in b.lines if x.start > ln.start]
    if after:
        # in PDF text the block runs on into the answer: the quote stops where the answer starts
        stop = next((x for x in after[1:] if _ANSWER_START.match(clean(x.text) or "")), None)
        span = (after[0].start, stop.start - 1 if stop is not None else b.end)
    elif bi + 1 < len(blocks) and _MODAL.search(blocks[bi + 1].text):
        span = (blocks[bi + 1].start, blocks[bi + 1].end)
    else:
        return None, None
    body = text[span[0]:span[1]]
    if not _MODAL.search(body):
        return None, None
    return span, _clean_text(" ".join(body.split()))


def _short_refs(text: str, b: Block, ln, rules: RecRules) -> list[Ref]:
    """"R1", "R2 and R4": a report's recommendations by letter and number."""
    out = []
    for m in rules.short_ref.finditer(text, ln.start, ln.end):
        nums = [int(n) for n in re.findall(r"\d+", m.group("nums"))]
        if re.search(r"\bto\b|[-–]", m.group("nums")) and len(nums) == 2 and nums[0] < nums[1] <= nums[0] + 50:
            nums = list(range(nums[0], nums[1] + 1))
        at_start = not (clean(text[b.start:m.start()]) or "")
        rest = _clean_text(text[m.end():b.end]) if at_start else None
        stated = bool(rest and len(rest.split()) >= 4 and len(nums) == 1)
        for n in nums:
            out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end, _anchor(text, b, m.start()),
                           _is_heading(b), stated, rest if stated and len(nums) == 1 else None))
    return out


_ROMAN = {r: n for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"], 1)}
_ROMAN_ITEM = re.compile(r"(?<![\w(])\((?P<r>i{1,3}|iv|vi{0,3}|ix|x|xi{1,2})\)(?=\s+\S)")
_REQUEST = re.compile(r"\b(?:be (?:informed|told|provided|given|made aware)|please|grateful|i (?:ask|request|would ask)|"
                      r"i need to know|key points|as follows)\b", re.I)
_ITEM_REF = re.compile(r"\b(?:items?|points?|requests?|questions?)\s+(?P<list>\((?:i{1,3}|iv|vi{0,3}|ix|x)\)"
                       r"(?:\s*(?:,|and|&|or|to)\s*\((?:i{1,3}|iv|vi{0,3}|ix|x)\))*)", re.I)


def _roman_refs(text: str, blocks: list[Block]) -> list[Ref]:
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
                        True, _clean_text(text[m.end():rb.end])) for m, rb in run]
        run = []
        inline = list(_ROMAN_ITEM.finditer(text, b.start, b.end))
        seq = [m for k, m in enumerate(inline) if k < len(inline) and _ROMAN[m.group("r")] == k + 1]
        if len(seq) >= 3 and _REQUEST.search(text, b.start, b.end):
            for k, m in enumerate(seq):  # each request runs to the next marker, or to its sentence's end
                stop = seq[k + 1].start() if k + 1 < len(seq) else (text.find(".", m.end(), b.end) + 1 or b.end)
                out.append(Ref(str(_ROMAN[m.group("r")]), _ROMAN[m.group("r")], m.start(), m.end(), b.start, b.end,
                               False, False, True, _clean_text(text[m.end():stop].rstrip(" ;,and"))))
        for m in _ITEM_REF.finditer(text, b.start, b.end):
            for r in re.findall(r"\(([ivx]+)\)", m.group("list").lower()):
                out.append(Ref(str(_ROMAN[r]), _ROMAN[r], m.start(), m.end(), b.start, b.end,
                               _anchor(text, b, m.start()), False, False, None))
    if len(run) >= 3:
        out += [Ref(str(_ROMAN[m.group("r")]), _ROMAN[m.group("r")], m.start(), m.end(), rb.start, rb.end, True, False,
                    True, _clean_text(text[m.end():rb.end])) for m, rb in run]
    return out


# a committee's numbered recommendation quoted in its government response, and the answer under it
_RESPONSE_BELOW = re.compile(r"^\W*(?:(?:the\s+)?(?:uk\s+|scottish\s+|welsh\s+)?(?:government(?:'s|’s)?|department(?:al)?|"
                             r"ministry)\s+)?response\b|^\W*(?:fully |partially |partly )?(?:accepted|agreed|not accepted|"
                             r"not agreed|rejected|noted|supported|disagreed?)\b", re.I)


def _answered_below(item_text: str, blocks: list[Block], bi: int) -> bool:
    """"1. The Ministry should publish ... (Paragraph 14)" with "Government response:" under
    it: a recommendation, though no lead-in says so (a paper's own numbered paragraphs
    are not followed by a response label)."""
    if not _MODAL.search(item_text):
        return False
    if _tag_line(blocks[bi].lines) is not None or _response_line(blocks[bi].lines[1:]) is not None:
        return True
    nxt = next((b for b in blocks[bi + 1: bi + 3] if not _LONE_NUMBER.match(clean(b.text) or "")), None)
    first = clean(nxt.lines[0].text) or "" if nxt is not None else ""
    return bool(_RESPONSE_BELOW.match(first) or _ANSWER_START.match(first))


# "(Paragraph 24)", "(Paragraphs 31 and 32)": where a committee's report makes the recommendation,
# closing its quote (a PDF may break it: "(Paragraph" / "31)")
PARAGRAPH_TAG = re.compile(r"\(\s*(?:paragraphs?|paras?\.?)\s+\d+(?:\.\d+)?(?:\s*(?:,|and|-|–|to)\s*\d+(?:\.\d+)?)*\s*\)\W*$",
                            re.I)
TAG_LINES = 6  # lines a quoted recommendation may run over before its tag


def _tag_line(lines) -> int | None:
    """Index of the line that closes an item's quote with its paragraph tag, if any."""
    for k in range(min(len(lines), TAG_LINES)):
        joined = " ".join(clean(ln.text) or "" for ln in lines[max(0, k - 1):k + 1])
        if PARAGRAPH_TAG.search(joined):  # anchored at the line's end
            return k
        if k and _ANSWER_START.match(clean(lines[k].text) or ""):
            return None
    return None


def _response_line(lines) -> int | None:
    """Index of the "Government response" line among an item's lines, if it runs on into its answer."""
    return next((k for k, ln in enumerate(lines) if _RESPONSE_BELOW.match(clean(ln.text) or "")), None)


# in a reply, "Recommendation 1: All staff will be trained by July." is the answer on the label's line
_REPLY_VOICE = re.compile(r"^\W*(?:fully |partially |partly )?(?:accepted|agreed|not accepted|not agreed|rejected|noted|"
                          r"supported|implemented|completed?)\b|\b(?:will|shall)\b|\b(?:has|have|had)\s+(?:been\s+)?"
                          r"\w+(?:ed|en)\b|\b(?:was|were)\s+\w+(?:ed|en)\b", re.I)
_LABEL_FIRST = re.compile(r"^\W{0,4}(?P<num>\d{1,3}[a-z]?)\.?\s+(?:(?-i:[A-Z]{2,6})\s+|(?:the\s+)?committee(?:'s|’s)?\s+)?"
                          r"recommendation\s*[:.–—-]\s*(?P<text>\S.{10,})$", re.I)
# a lead-in that ends in a full stop: "I make the following recommendations."
_LEADS_ON = re.compile(r"as follows\W*$|\bthe following\b[^.:]{0,60}\W*$", re.I)
_LONE_NUMBER = re.compile(r"^\W{0,4}(?P<num>\d{1,3})\.?\s*$")
# a list of what the writer will do about the concerns is not a list of the concerns
_ACTION_LEAD = re.compile(r"\b(?:steps|actions?|measures|changes|work)\b[^:.]{0,120}\b(?:address|respond(?:ing)? to|tackle|meet)\b", re.I)
LONE_GAP = 4  # paragraphs (page breaks included) a "N." line's text may run over


@lru_cache(maxsize=4)
def _labels_r(text: str) -> bool:
    """Whether the document labels its recommendations "R1", "R2" ...: read once per file, not
    once per segment (a file of thousands of letters would be read thousands of times)."""
    return re.search(r"\brecommendations?\b", text, re.I) is not None and \
        re.search(r"^\W{0,4}R\d{1,2}\b", text, re.M) is not None


# "6 ACTION SHOULD BE TAKEN": a section heading of a form, which ends the list above it
_CAPS_HEADING = re.compile(r"^\W{0,4}(?:\d{1,2}\.?\s+)?[A-Z][A-Z’'&,-]+(?:\s+[A-Z][A-Z’'&,-]*){1,7}\W*$")


def _item_blocks(blocks: list[Block], rules: RecRules) -> list[Block]:
    """Paragraphs as a reader sees them in PDF text with no blank lines: a numbered item
    ("2. The council should ...") after a finished sentence or a heading starts a new one,
    and so does a capitals heading after a finished sentence."""
    out: list[Block] = []
    for b in blocks:
        cur, gap = [b.lines[0]], b.gap
        for prev, ln in zip(b.lines, b.lines[1:]):
            before = clean(prev.text) or ""
            line = clean(ln.text) or ""
            if (rules.list_item.match(line) and (sentence_end(before) or before.endswith(")") or _heading_line(prev.text))) \
                    or (_CAPS_HEADING.match(line) and sentence_end(before)):
                out.append(Block(tuple(cur), gap))
                cur, gap = [], 0
            cur.append(ln)
        out.append(Block(tuple(cur), gap))
    return out


def find_refs(text: str, seg: Segment, rules: RecRules, addressee: re.Pattern[str] | None = None) -> list[Ref]:
    """Every reference in the segment, in text order, one per label.

    In a coroner's report, ``addressee`` matches the "TO THE PROBATION SERVICE:"
    headings that send the concerns under them to one body; an unnumbered
    concern under such a heading takes the next number.
    """
    refs: list[Ref] = []
    # "R1" means a recommendation only where the document itself labels them "R1", "R2" ...
    short = _labels_r(text)
    blocks = _item_blocks(to_blocks(split_lines(text, seg.start, seg.end)), rules)
    if seg.kind in (Kind.letter, Kind.reply) and not any(rules.inline.search(text, b.start, b.end) for b in blocks):
        refs += _roman_refs(text, blocks)
    # a coroner's report as the data set keeps it: its numbered paragraphs after the facts are the concerns
    concerns = seg.form is Form.report
    list_heading = False
    lead_in = False
    after_statement = False  # the lead-in is a statement line ("Recommendation 12: ..."), not a list's lead
    last_item: int | None = None  # number of the last list item, while a list is open
    gap = 0
    # In a response paper the recommendations are quoted as numbered paragraphs,
    # each followed by its answer: once the paper says they are reproduced
    # below, every numbered paragraph whose number goes up is one.
    numbered: int | None = None  # last number quoted so far; None until the paper says so
    for bi, b in enumerate(blocks):
        joined = clean(b.text) or ""
        item = rules.list_item.match(clean(b.lines[0].text) or "")
        quotes_text = item and (len(item.group("text").split()) >= 6 or sentence_end(item.group("text")))
        if item and quotes_text and numbered is not None and _number(item.group("num")) > numbered and not lead_in:
            m = item
            lab = m.group("num")
            ln = b.lines[0]
            off = _label_offset(ln.text, lab)
            refs.append(Ref(lab, _number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                            True, True, True, _clean_text(m.group("text"))))
            numbered = _number(lab)
            continue
        if numbered is None and rules.numbered_lead.search(joined):
            numbered = 0
        # a list runs on over consecutive items, and over a paragraph or two
        # when the numbering then carries on (multi-paragraph concerns)
        # "Conclusions and recommendations" over the first item: a section heading that opens a list
        list_heading = list_heading or any(_heading_line(ln.text) and re.search(r"\brecommendations\b", ln.text, re.I)
                                           for ln in b.lines)
        lone = _LONE_NUMBER.match(clean(b.lines[-1].text) or "")
        if lone and bi + 1 < len(blocks) and is_prose(blocks[bi + 1].text) and \
                (lead_in or concerns or (last_item is not None and int(lone.group("num")) == last_item + 1)
                 or (last_item is None and int(lone.group("num")) == 1 and list_heading)):
            lab = lone.group("num")  # "1." alone on its line, the paragraphs under it up to the next "N."
            ln = b.lines[-1]
            off = _label_offset(ln.text, lab)
            body: list[str] = []
            end = blocks[bi + 1].end
            for nb in blocks[bi + 1: bi + 1 + LONE_GAP]:
                if body and rules.list_item.match(clean(nb.lines[0].text) or ""):
                    break  # the next item, numbered on its own text line
                last_lone = _LONE_NUMBER.match(clean(nb.lines[-1].text) or "")
                body += [x.text for x in (nb.lines[:-1] if last_lone else nb.lines)]
                end = nb.end
                if last_lone:
                    break
            refs.append(Ref(lab, int(lab), ln.start + off, ln.start + off + len(lab), b.start, end,
                            True, True, True, _clean_text(" ".join(" ".join(body).split()))))
            last_item, gap, lead_in = int(lab), -LONE_GAP + LIST_GAP, False
            continue
        if item and seg.kind is Kind.reply and (_ANSWER_START.match(item.group("text"))
                                                or (after_statement and not _MODAL.search(item.group("text")))):
            item = None  # "7. The Government will consider this ...": the reply's own numbered paragraph
        if item and (lead_in or concerns or (last_item is not None and _number(item.group("num")) == last_item + 1)
                     or (last_item is None and list_heading and _number(item.group("num")) == 1 and quotes_text
                         and _MODAL.search(item.group("text")))
                     or _answered_below(item.group("text"), blocks, bi)):
            items = [(k, m) for k, ln in enumerate(b.lines) for m in [rules.list_item.match(clean(ln.text) or "")] if m]
            for n, (k, m) in enumerate(items):
                ln = b.lines[k]
                lab = m.group("num")
                off = _label_offset(ln.text, lab)
                # an item runs on over the lines a PDF wraps it into, up to the next item
                upto = items[n + 1][0] if n + 1 < len(items) else len(b.lines)
                answer_at = _response_line(b.lines[k + 1:upto])
                upto = k + 1 + answer_at if answer_at is not None else upto
                tag_at = _tag_line(b.lines[k:upto])
                upto = k + tag_at + 1 if tag_at is not None else upto  # the answer follows the tag
                rest = " ".join(x.text for x in b.lines[k + 1:upto] if not _LONE_NUMBER.match(clean(x.text) or ""))
                refs.append(Ref(lab, _number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                                True, False, True, _clean_text(f"{m.group('text')} {rest}")))
                last_item = _number(lab)
            lead_in, gap = True, 0
            continue
        if item:
            last_item = None  # a numbered item that is not one of ours: another list has begun
        if last_item is not None:
            gap += 1
            if gap > LIST_GAP:
                last_item = None
        if lead_in and (_is_heading(b) or (addressee is not None and addressee.match(joined))) \
                and not rules.inline.search(joined):
            continue  # "To Shireford County Council:": a sub-heading inside the list
        tail = joined.rstrip("* ")
        lead_in = (bool(rules.lead_in.search(joined)) and (tail.endswith(":") or _LEADS_ON.search(tail))
                   and not rules.lead_in_not.search(tail) and not _ACTION_LEAD.search(tail))

        if lead_in:
            last_item = None
        for ln in b.lines:
            low = ln.text.lower()
            if not _KEYWORD_HINT.search(low):
                continue  # most lines name no recommendation; skip the patterns
            first = _LABEL_FIRST.match(clean(ln.text) or "")
            if first:  # Treasury Minutes: "1a. PAC recommendation: The Department should ..."
                lab = first.group("num")
                off = _label_offset(ln.text, lab)
                refs.append(Ref(lab, _number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                                True, False, True, _clean_text(first.group("text"))))
                continue
            stated = rules.stated_heading.match(clean(ln.text) or "")
            if stated and (_ANSWER_START.match(stated.group("text")) or (
                    seg.kind is Kind.reply and _REPLY_VOICE.search(stated.group("text"))
                    and not _MODAL.search(stated.group("text")))):
                stated = None  # "Recommendation 1: We accept this ..." states the answer, not the recommendation
            for m in rules.inline.finditer(text, ln.start, ln.end):
                raw_tail = text[m.end(): b.end]
                rec_text = None
                if stated:
                    rec_text = _clean_text(_statement(stated.group("text")))
                else:
                    pm = rules.parenthetical.match(clean(raw_tail) or "") or rules.that_clause.match(raw_tail)
                    if pm:
                        rec_text = _clean_text(pm.group("text"))
                labels = expand(m.group("nums"), rules)
                quote = None
                if not stated and _bare_heading(ln.text, m):
                    quote, q_text = _quoted_after(text, blocks, bi, ln)
                    rec_text = rec_text or q_text
                for lab in labels:
                    refs.append(Ref(lab, _number(lab), m.start(), m.end(), b.start, b.end,
                                    _anchor(text, b, m.start()), _is_heading(b) or quote is not None,
                                    bool(stated) or quote is not None,
                                    rec_text if len(labels) == 1 else None, quote))
            refs.extend(_word_refs(text, b, ln, rules))
            if short:
                refs.extend(_short_refs(text, b, ln, rules))
        after_statement = any(r.stated for r in refs if r.block_start == b.start)
        if after_statement:
            lead_in = True
    if (seg.form is Form.report or seg.kind is Kind.letter) and addressee is not None:
        refs = _by_addressee(text, blocks, refs, addressee)
    return [dataclasses.replace(r, conclusion=True) if _is_conclusion(r.text) else r for r in refs]


# a committee report tags each numbered paragraph "(Conclusion, Paragraph 6)" or "(Recommendation, Paragraph 17)"
_TAG = re.compile(r"\(\s*(conclusion|recommendation)\s*,\s*paragraph\s+\d+\s*\)", re.I)


def _is_conclusion(text: str | None) -> bool:
    tags = _TAG.findall(text or "")
    return bool(tags) and tags[-1].lower() == "conclusion"


def _by_addressee(text: str, blocks: list[Block], refs: list[Ref], addressee: re.Pattern[str]) -> list[Ref]:
    """Each concern with the body its heading sends it to; a heading over an unnumbered
    paragraph gives that paragraph the next number."""
    heads = [(b, (m.group(0).strip(" :").removeprefix("TO ").removeprefix("To ").strip()))
             for b in blocks for m in [addressee.match(clean(b.lines[0].text) or "")] if m]
    if not heads:
        return refs
    out = []
    for r in refs:
        owner = next((name for b, name in reversed(heads) if b.start <= r.start), None)
        out.append(dataclasses.replace(r, addressee=owner) if owner else r)
    for k, (b, name) in enumerate(heads):
        nxt = heads[k + 1][0].start if k + 1 < len(heads) else blocks[-1].end + 1
        if any(b.start <= r.start < nxt for r in refs):
            continue
        para = next((x for x in blocks if b.end < x.start < nxt and is_prose(x.text)), None)
        if para is not None:
            n = max((r.number for r in out), default=0) + 1
            out.append(Ref(str(n), n, para.start, para.start, para.start, para.end, True, False, True,
                           _clean_text(" ".join(para.text.split())), None, name, True))
    return sorted(out, key=lambda r: r.start)


def subject(text: str, seg: Segment, rules: RecRules) -> str | None:
    """The subject line just after "Dear ...": bold, or "Re:"/"Subject:"."""
    if seg.salutation is None:
        return None
    for ln in split_lines(text, seg.salutation.end, min(seg.end, seg.salutation.end + 600))[:6]:
        raw = ln.text.strip()
        if not raw:
            continue
        m = rules.report_subject.match(clean(raw) or "")
        if m:
            return strip_quotes(clean(m.group("title")))
        if raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and len(raw.split()) <= 40:
            return strip_quotes(clean(raw))
        return None
    return None


def report_title(text: str, seg: Segment, rules: RecRules) -> str | None:
    """The report's title: the subject line, else a quoted or linked title after "report"/"review"."""
    s = subject(text, seg, rules)
    if s:
        return s
    m = rules.report_named.search(text, seg.body_start, seg.body_end)
    if m:
        return strip_quotes(clean(m.group("title")).rstrip(" .,;"))
    return None
