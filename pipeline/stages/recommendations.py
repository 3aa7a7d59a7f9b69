"""Stage 6: every reference to a numbered recommendation, and the report it is from.

References come in three shapes: inline ("recommendation 6",
"recommendations 3, 4 and 8", "recommendations 8-10"), numbered list items
under a lead-in that speaks of recommendations, and statement lines
("Recommendation 6 for the Home Office - To commence ..."). A number counts
only next to the word "recommendation" or inside such a list, so section,
paragraph and footnote numbers and statute years are never references.

This module reads lists, statement lines and inline references; the ``Ref``
record and the rules are in ``refs``, and the rarer forms (ordinals, "R1",
(i)-(iv) requests) in ``ref_forms``.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
import re
from itertools import takewhile
from functools import lru_cache

from pipeline.gold_match import norm_label
from pipeline.layout import PAGE_OF
from pipeline.records import Kind
from pipeline.stages.ref_forms import (bare_codes, cited_paragraphs, coded_refs, concern_letters,  # noqa: F401
                                      elided_refs, hyphen_codes, labels_r, lettered_concern_refs, listed_refs,
                                      paragraph_refs, short_refs, side_refs, word_refs)
from pipeline.stages.refs import (  # noqa: F401  (Ref, RecRules, load_rules, expand, ANCHOR_CHARS, BARE_LABEL: this stage's API)
    ANCHOR_CHARS, BARE_LABEL, FORM_SECTION, LIST_GAP, MODAL, RecRules, Ref, anchored, clean_text, expand, heading_line,
    is_heading, label_offset, leading_number, load_rules)
from pipeline.stages.segment import NAME_FILLER, Segment
from pipeline.stages.shapes import Form
from pipeline.stages.table_refs import (bulleted_concerns, concerned_lines, continues_rows, header_row, row_block,
                                       split_cell_rows, split_layout_rows, spread_rows, table_items, titled_concerns,
                                       ordinal_concerns, filled_concerns, paragraph_concerns, tagged_concerns,
                                       READ_WITH, RESPOND_TO_PLACE, ORDINAL_NUMBERS)
from pipeline.text import (BULLET_ITEM, LIGATURES, Block, Line, clean, is_prose, marking_block, sentence_end,
                           short_cell, split_lines, strip_quotes, table_cells, to_blocks, unwrap)


# every reference form contains one of these (OCR slips included), or "R<n>"
_KEYWORD_HINT = re.compile(r"re[ce][o0]|requirement|concern|\br\d|rec\b|improvement|action|point|step|matter|paragraph|"
                           r"shortfall")

# "Conclusions and recommendations", "Areas for improvement": a heading over the list
_LIST_HEADING = re.compile(r"\brecommendations\b|\bareas for (?:improvement|development)\b", re.I)
# a regulator's letter that requires numbered actions ("We require MST to take the following actions:")
_ASKS_ACTIONS = re.compile(r"^\W*(?:required actions|actions required)\W*$|\bthe following (?:actions?|steps?)\s*:\s*$|"
                           r"\b(?:provide|send|let (?:us|me) have) (?:us |me )?the following\b[^.\n]{0,60}:\s*$|"
                           # "Please let us know how Carronbank is taking forward these actions"
                           r"\b(?:taking forward|take forward) (?:these|each of these|all of these) actions\b|"
                           # "We do, however, expect each company (each supplier) to take the actions below" (asked
                           # of the reader: not a reply's "we will complete the actions below", nor "I have asked
                           # each depot to ...")
                           # (or "... at this stage, provided that the trustees complete the actions below")
                           r"\b(?:you|each (?:of you|company|body|organisation|provider|supplier|licensee|operator|firm|"
                           r"retailer|council|trust|board|authority|force|school|college|university|home|practice|"
                           r"charity)|the (?:company|council|trust|board|"
                           r"provider|operator|force|service|trustees|governors|directors|charity))\s+"
                           r"(?:(?:to|should|must|will need to)\s+)?(?:take|carry out|complete) "
                           r"the actions (?:set out |listed |described )?(?:below|overleaf)\b|"
                           # "I am therefore asking each designated retailer to take the following actions and to tell me ..."
                           r"\b(?:asking|ask|require|requiring|expect|expecting)\s+(?:you|each\s+[\w ]{1,40}?)\s+to\s+take\s+"
                           r"the\s+following\s+(?:actions|steps)\b", re.I | re.M)

_REC_HEAD = re.compile(r"recommendations?\b", re.I)  # a heading ref that names itself "Recommendation 5"
# such a heading on a line of its own, however it goes on ("Recommendation 1 (paragraph 34): a consumer
# protection plan"), not a sentence that starts with the words
_REC_HEAD_LINE = re.compile(r"^[^\w\n]{0,4}recommendations?\s+\d{1,3}(?:\.\d{1,3})?[a-z]?\b(?![^\n]*[.;]\s*$)",
                            re.I | re.M)


_FULL_STOP = re.compile(r"(?<=[a-z)])\.\s")  # a sentence's end (not "7." opening an item)
_HEADING_NUMBERS = re.compile(r"recommendations?\s+(\d{1,3}(?:\s*(?:,|and|&|to|-|–|—)\s*\d{1,3})*)", re.I)


HEADED_LETTER = 2  # "Recommendation N" lines, at least, for a letter's numbered paragraphs to be its own
# what leads into a list of recommendations straight under it: a colon, or "... makes three further
# recommendations to the Cabinet."
_LIST_LEAD = re.compile(r":\s*$|\b(?:makes?|made|sets?\s+out|has|have)\s+(?:the\s+following|\w+)\s+"
                        r"(?:further\s+|new\s+|more\s+)?recommendations\b[^.:\n]*[.:]\s*$", re.I)
_REC_LABEL_LINE = re.compile(r"^[^\w\n]{0,4}recommendation\s+\d{1,3}[a-z]?\s*(?:[:–—]|-\s|$)", re.I | re.M)


def _own_paragraph(text: str, seg: Segment, b: Block, label_lines: list[int], num: int) -> bool:
    """Whether a numbered paragraph is the letter's own, where the letter sets out its recommendations on
    lines of their own ("Recommendation 5: ..."): not one quoting a recommendation in step with them, nor
    an item of a list that something just above leads into."""
    return len(label_lines) >= HEADED_LETTER and not _LIST_LEAD.search(text[max(seg.start, b.start - 200):b.start]) \
        and not _quotes_in_step(text, label_lines, b.start, num)


def _above_label(b: Block) -> str:
    """A numbered paragraph's own words: up to a "Recommendation N:" line PDF text runs into it."""
    own = list(takewhile(lambda ln: not _REC_LABEL_LINE.match(ln.text), b.lines)) or b.lines[:1]
    return " ".join(ln.text for ln in own)


def _heading_numbers(text: str, at: int) -> set[int]:
    """The numbers a "Recommendation(s) ..." heading line names, its ranges spread out ("1 to 3", "4-6")."""
    end = text.find("\n", at)
    m = _HEADING_NUMBERS.search(text, at, end if end >= 0 else len(text))
    line = m.group(1) if m else ""  # (not the report's paragraph: "Recommendation 1 (paragraph 34)")
    out = {int(n) for n in re.findall(r"\d{1,3}", line)}
    for a, z in re.findall(r"(\d{1,3})\s*(?:to|-|–|—)\s*(\d{1,3})", line):
        if int(a) < int(z) <= int(a) + 50:
            out |= set(range(int(a), int(z) + 1))
    return out


def _quotes_in_step(text: str, head_lines: list[int], at: int, num: int) -> bool:
    """Whether a numbered paragraph at ``at`` may be the quote of recommendation ``num``: the heading
    above names it ("Recommendations 7, 8 and 9: Endoscopy", "Recommendations 1 to 3"), or its
    number falls between those of the headings around it (a quote under a topic heading between
    "Recommendation 1" and "Recommendation 3"), as a paper's own paragraph numbers do not ("6." between
    "Recommendation 2" and "Recommendation 3")."""
    above = [h for h in head_lines if h < at]
    below = [h for h in head_lines if h > at]
    named = _heading_numbers(text, above[-1]) if above else set()
    if num in named:
        return True
    after = _heading_numbers(text, below[0]) if below else set()
    return bool(named) and bool(after) and max(named) < num < min(after)


# an ombudsman's "suggested actions" in place of recommendations: "Suggested action 3" over the body's answer
_SUGGESTED_ACTION = re.compile(r"\bsuggested\s+actions?\s+\(?\d", re.I)
_NUMBERED_RECOMMENDATION = re.compile(r"\brecommendations?\s+(?:no\.?\s*)?\(?\d", re.I)


@lru_cache(maxsize=4)
def asks_actions(text: str) -> bool:
    """Whether the file's letter requires numbered actions: read once per file, not once per
    segment (a file of thousands of letters would be read thousands of times). So does a file that
    numbers suggested actions and no recommendations: they are what the body answers (where it numbers
    both, "Recommendation 2" and "Suggested action 2" are two things, and the recommendations are keyed)."""
    return _ASKS_ACTIONS.search(text) is not None or (
        _SUGGESTED_ACTION.search(text) is not None and _NUMBERED_RECOMMENDATION.search(text) is None)


# "Recommendation 1   Replace the sirens ...": pdftotext -layout sets the label and its text in two
# columns, a wide gap between them where another layout has a colon
_COLUMN_GAP = re.compile(r"(?<=\d)(?: {3,}|\t+)(?=[A-Z])")


# "Recommendation 1 (Department)", "Recommendation 7 (Department and NI Water)": a letter's heading
# naming, in brackets after the label, the body the recommendation below it is for (not a status,
# a priority or a paragraph: those say nothing of whose it is)
# (a domestic homicide review's action plan tags it "(Single agency – Brackley Homes)", or "(Multi-agency –
# all three organisations)": every addressee's)
_HEADING_BODY = re.compile(r"\(\s*(?:(?i:single|multi|partner)[ -]agency\s*[-–—:]\s+)?(?P<who>(?:the\s+)?[A-Z][\w&'’.-]*"
                           r"(?:\s+(?:[A-Z][\w&'’.-]*|and|of|for|the|&)){0,7}|(?i:all|both|each)(?:\s+[a-z]+){1,3})\s*\)\W*$")
_NOT_HEADING_BODY = re.compile(r"(?:accepted|rejected|noted|agreed|partially|partly|not|priority|high|medium|low|"
                               r"urgent|continued|cont|new|revised|updated|amended|repeated|part|see|page|annex|"
                               r"appendix|paragraphs?|para|section|chapter|key|all)\b", re.I)


TITLE_TEXT_WORDS = 4  # words a stated label's text runs to when it only titles what follows ("forecasting")


def _quoted_beside(line: str) -> bool:
    """A line of two columns, the label and beside it words that recommend ("Recommendation 3      HSE
    should review its guidance ..."): the quote, not a table's answer cell."""
    cells = _COLUMN_GAP.split(line.strip())
    # (not the answer's own status beside it: "Recommendation 4    Not accepted. Patients must ...")
    return len(cells) == 2 and MODAL.search(cells[1]) is not None and not _REPLY_VOICE.match(cells[1]) \
        and not _ANSWER_START.match(cells[1])


# the kind of recommendation a heading names before its number: "Learning recommendation 4", "Safety
# recommendation 2", "Key recommendation 1"
_QUALIFIED = re.compile(r"\b(?:learning|safety|key|priority|strategic|main|principal|interim|final|further|"
                        r"additional|specific|system|national|local)\s+$", re.I)


def _rest(line: str, m: re.Match[str], qualified: bool = True) -> str:
    """The line without its reference, or (``qualified``) the word that says what kind of
    recommendation it is."""
    c, ref = clean(line) or "", clean(m.group(0)) or ""
    at = c.find(ref)
    before = c[:at] if at >= 0 else ""
    if qualified and (q := _QUALIFIED.search(before)) is not None:
        before = before[:q.start()]
    return before + c[at + len(ref):] if at >= 0 else c


def _heading_body(line: str, m: re.Match[str]) -> str | None:
    """The body a line that is only the reference and a name in brackets sends its recommendation
    to: "Recommendation 4 (NI Water)" gives "NI Water", and so does "Learning recommendation 4 (NI Water)"."""
    rest = _rest(line, m)
    found = _HEADING_BODY.fullmatch(rest.strip())
    if found is None or _NOT_HEADING_BODY.match(found.group("who")) and not _TO_ALL.fullmatch(found.group("who")):
        return None  # (a status or a page, but "all three organisations" is every addressee)
    return found.group("who")


def _bare_heading(line: str, m: re.Match[str], qualified: bool) -> bool:
    """A line that is only the reference: "Recommendation 9", "**Recommendation 4.7**", and with the
    report's paragraph it stands at, as command papers give it: "Recommendation 1 (paragraph 23)".
    ``qualified`` (in the letter that makes them): "Safety recommendation 2" too; in a reply such a
    heading stands over the answer, "Response: Not accepted", not over a quote."""
    rest = _rest(line, m, qualified)
    return not re.search(r"\w", PARAGRAPH_TAG.sub("", rest))


# the first line of an answer: a status statement, or the responding body speaking
# (a status field under the quote, "Status: Complete", "Our position: Agreed", answers too)
_ANSWER_START = re.compile(r"^\W*(?:(?:government\s+)?response\s*:|(?:(?:our|the)\s+)?(?:status|position|decision)\s*:|"
                           r"(?:(?:the\s+)?(?:uk\s+|scottish\s+|welsh\s+)?"
                           r"(?:government|department|ministry|council|trust|board|home office)|we|i)\b"
                           # not "The Department should pay support workers": a recommendation's verb first
                           r"(?:(?!\b(?:should|must|ought)\b)[^.]){0,40}?\b"
                           r"(?:accepts?|agrees?|supports?|notes?|rejects?|does not|do not|will|has|have|welcomes?|recognises?)\b)", re.I)


def _statement(s: str) -> str:
    """The recommendation a statement line gives, without the answer a reply runs on into
    on the same line ("Concern 2: sepsis induction. The Trust accepts ...")."""
    parts = re.split(r"(?<=[.!?])\**\s+", s)
    keep = [parts[0]] + list(takewhile(lambda x: not _ANSWER_START.match(x), parts[1:]))
    return " ".join(keep)


# where a statement's sentence ends: text.sentence_end, and also a list item's ";" and a full stop
# inside a bold label's closing "**" or a bracket
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)*_]*\s*$")
WRAP_WIDTH = 60  # characters from which a line that stops mid-sentence was wrapped, not ended
# a reply's status line or a list item under the statement is not more of it
_NOT_WRAPPED = re.compile(r"^\W*(?:(?:not |partially |partly )?(?:accepted|agreed|noted|rejected|supported)\b|"
                          r"(?:[ivx]{1,4}|[a-z]|\d{1,2})[.)]\s)", re.I)


def _wrapped_on(stated: str, b: Block, ln: Line, heading: re.Pattern[str]) -> str:
    """A statement line that stops mid-sentence ("... set out in the regulations") runs on over the
    block's next lines ("themselves, and not only in guidance, ...") to the end of its sentence: a
    web page wrapped at eighty columns."""
    if not stated or _SENTENCE_END.search(stated) or len(ln.text.strip()) < WRAP_WIDTH:
        return stated
    parts = [stated]
    for x in (x for x in b.lines if x.start > ln.start):
        line = clean(x.text) or ""
        # a line that opens with a capital starts a sentence of its own: "Concern 1: Contacting
        # specialist centres" is a title over the concern, not a sentence wrapped
        if not line[:1].islower() or _ANSWER_START.match(line) or heading.match(line) or _NOT_WRAPPED.match(line):
            break
        parts.append(line)
        if _SENTENCE_END.search(line):
            break
    return " ".join(parts)


def _quoted_after(text: str, blocks: list[Block], bi: int, ln, letter: bool = False
                  ) -> tuple[tuple[int, int] | None, str | None]:
    """The recommendation quoted under a bare heading: the rest of its block, or the
    next block when that reads as a recommendation ("... should ..."). In a letter, words
    that run from the heading to the next label alone on its line are the recommendation
    however they are phrased ("That a review ... is carried out", "Publish an annual
    report"), as PDF text with no blank lines sets a list of them out."""
    b = blocks[bi]
    below = [x for x in b.lines if x.start > ln.start]
    after = _quote_lines(below)
    if after:
        span = (after[0].start, min(after[-1].end, b.end))
    elif bi + 1 < len(blocks) and (MODAL.search(blocks[bi + 1].text)
                                   or (letter and _THAT_MOTION.match(blocks[bi + 1].text))):
        # (in a letter, a motion too: "Recommendation No. 1" / "That DPIRD progress amendments to make ...")
        span = (blocks[bi + 1].start, blocks[bi + 1].end)
    else:
        return None, None
    body = text[span[0]:span[1]]
    # (the line after it, in its block or opening the next, the next label alone)
    nxt = below[len(after)] if len(after) < len(below) else blocks[bi + 1].lines[0] if bi + 1 < len(blocks) else None
    labelled = letter and bool(after) and nxt is not None and _NEXT_LABEL.match(nxt.text) is not None
    if not MODAL.search(body) and not _THAT_MOTION.match(body) and not labelled:
        return None, None
    if not letter and _ANSWER_START.match(body):
        # (a reply's answer under a heading that wraps: "... vehicles" / "(recommendation 1)" / "I agree ...")
        return None, None
    return span, clean_text(PARAGRAPH_TAG.sub("", " ".join(body.split())))


# a recommendation written as a motion, with no "should": "That all elected members receive ...", "That the
# Council adds ..." (not an answer's "That is why ...")
_THAT_MOTION = re.compile(r"\W*that\s+(?!(?:is|was|were|would|said|being|has|had|will|may)\b)"
                          r"(?:(?:the|all|each|every|its|their)\s+|(?-i:[A-Z]))", re.I)


def _quoted_in_turn(text: str, blocks: list[Block], bi: int, first: tuple[int, int],
                    n: int) -> tuple[tuple[int, int], list[str | None]] | None:
    """The recommendations quoted one after another under a grouped heading ("Recommendations 5
    and 6"), each closed by the report's paragraph tag ("... and training. (Paragraph 96)"): each
    label's own words, in turn, so that the answer under them can be shared out by subject."""
    if not PARAGRAPH_TAG.search(text[first[0]:first[1]]) or _OWN_LABEL.match(text, first[0]):
        return None  # (each under its own label, "Recommendation 6: The Government should ...", is a ref of its own)
    texts: list[str | None] = [clean_text(PARAGRAPH_TAG.sub("", " ".join(text[first[0]:first[1]].split())))]
    lines = [x for b in blocks[bi:] for x in b.lines if x.start >= first[1]][:QUOTE_LINES * n]
    end = first[1]
    for _ in range(n - 1):
        got = _quote_lines(lines)
        body = text[got[0].start:got[-1].end] if got else ""
        if not got or not PARAGRAPH_TAG.search(body) or not MODAL.search(body) \
                or _ANSWER_START.match(clean(got[0].text) or "") or _OWN_LABEL.match(body):
            return None  # (not the answer under a joint quote, however it cites the report's paragraph)
        texts.append(clean_text(PARAGRAPH_TAG.sub("", " ".join(body.split()))))
        end = got[-1].end
        lines = lines[len(got):]
    return (first[0], end), texts


QUOTE_LINES = 12  # lines a quoted recommendation runs to, at most, in a group quoted in turn
_OWN_LABEL = re.compile(r"\W*(?:recommendation|conclusion)s?\s+\d", re.I)


PARAGRAPH_LINE = 110  # characters past which a line is a paragraph Word kept whole, not one pdftotext wrapped


# "Recommendation 4 - Caledon Fibre Networks Ltd" over what it asks: a title naming the body it is
# sent to (a name with a body's word, rules.body_title, or in capitals; "both organisations"), set off
# by a dash, not a colon (not a topic: "Recommendation 1 - Improve Data Sharing")
_BODY_TITLE = re.compile(r"(?:(?:[A-Z][\w'’&().-]*|and|of|for|the|&)\s*){1,10}")
_JOINT_TITLE = re.compile(r"(?:to\s+)?(?:both|all|each)(?:\s+(?:of\s+(?:you|them)|organisations|organizations|bodies|"
                          r"addressees|parties|authorities))?(?:\s+jointly)?", re.I)


def _titled_to(stated: re.Match[str], b: Block, ln: Line, rules: RecRules) -> tuple[str, str | None] | None:
    """The body a keyword title sends its recommendation to, and what the lines under it ask:
    "Recommendation 3 - both organisations" / "Ensure that a representative ...". None where the
    title's words are the recommendation itself."""
    said = stated.group("text").strip()
    if stated.group("mid").strip() or not re.search(r"[-–—]\s*$", stated.string[:stated.start("text")]) \
            or _SENTENCE_END.search(said) or MODAL.search(said) \
            or not ((_BODY_TITLE.fullmatch(said) and rules.body_title is not None and rules.body_title.search(said))
                    or _JOINT_TITLE.fullmatch(said)):
        return None
    under = []
    for x in (x for x in b.lines if x.start > ln.start):
        line = clean(x.text) or ""
        if not line or re.match(r"\W*(?:recommendation|concern|action)s?\s+\d", line, re.I):
            break
        under.append(line)
    if not under:
        return None
    return said, clean_text(" ".join(under))


def _jointly_titled(refs: list[Ref]) -> list[Ref]:
    """A recommendation titled to "both organisations" is sent to each body the others' titles name."""
    if not any(r.addressee and _JOINT_TITLE.fullmatch(r.addressee) for r in refs):
        return refs
    named = list(dict.fromkeys(r.addressee for r in refs if r.addressee and not _JOINT_TITLE.fullmatch(r.addressee)))
    if len(named) < 2:
        return refs
    return [dataclasses.replace(r, addressee=" and ".join(named)) if r.addressee and _JOINT_TITLE.fullmatch(r.addressee)
            else r for r in refs]


def _quote_lines(lines: list) -> list:
    """The lines of a quoted recommendation, where PDF or Word text runs it on into its answer
    with no blank line: up to the answer's first line (a status, "We will ...", or the paper's label
    over it, "NIAS response", under a finished sentence), or to the report's paragraph tag that
    closes the quote ("... where they live." (Paragraph 47))."""
    out = []
    whole = False  # a line seen that is a paragraph kept whole (Word text): each line is a paragraph
    for k, x in enumerate(lines):
        c = clean(x.text) or ""
        above = clean(lines[k - 1].text) or "" if k else ""
        whole = whole or len(c) > PARAGRAPH_LINE
        # (or under its tag, which a PDF may hyphenate: "... by March 2029. (Para-" / "graph 42)")
        if k and (_ANSWER_START.match(c) or (_LABEL_ALONE.match(c) and (sentence_end(above) or above.endswith(")")))
                  or _NEXT_LABEL.match(c)):
            break
        out.append(x)
        # (a line that is a whole paragraph, as Word text keeps one, ends the quote where its sentence
        # ends, unless the next recommends too ("It should also require ..."): the answer's first line
        # under it is no more of it)
        nxt = clean(lines[k + 1].text) or "" if k + 1 < len(lines) else ""
        if PARAGRAPH_TAG.search(c) or (whole and sentence_end(c) and not MODAL.search(nxt)):
            break
    return out


# the next recommendation's label alone on its line, where PDF text leaves no blank line between them
# ("Recommendation 2"; or its label in the other language of a bilingual page, "Moladh 2", "Argymhelliad 2")
_NEXT_LABEL = re.compile(r"^[\W_]*(?-i:[A-Z])[\w’'-]+\s+\d{1,3}[a-z]?[\s*_:]*$")
# the label over a paper's answer, alone on its line: "NIAS response", "The Trust's response"
_LABEL_ALONE = re.compile(r"^[\W_]*(?:(?:the|our)\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+){0,3}response[\s*_:]*$", re.I)
# "Government response", "The Scottish Government's response", "Response": the paper's label over an answer
_RESPONSE_WORDS = (r"^\W*(?:(?:the\s+)?(?:uk\s+|scottish\s+|welsh\s+)?(?:government(?:'s|’s)?|department(?:al)?|"
                   r"ministry)\s+)?response")
# a committee's numbered recommendation quoted in its government response, and the answer under it
_RESPONSE_BELOW = re.compile(_RESPONSE_WORDS + r"\b|^\W*(?:fully |partially |partly )?(?:accepted|agreed|not accepted|"
                             r"not agreed|rejected|noted|supported|disagreed?)\b"
                             # a table row's response cell, on the line under the recommendation's
                             r"|^\W*(?:done|completed?|implemented|in progress|on track|not started|under consideration)\b"
                             r"|^\W*we (?:will|have|do not|don't|are|accept|agree|do not accept|cannot)\b", re.I)


# the paper's label over each answer, alone on its line
_RESPONSE_HEAD = re.compile(_RESPONSE_WORDS + r"\W*$", re.I)


def _answered_below(item_text: str, blocks: list[Block], bi: int) -> bool:
    """"1. The Ministry should publish ... (Paragraph 14)" with "Government response:" under
    it: a recommendation, though no lead-in says so (a paper's own numbered paragraphs
    are not followed by a response label). A committee may open the paragraph with what it heard
    ("1. We heard that ... The Government should require ..."), so the whole quote up to its
    paragraph tag may recommend."""
    lines = blocks[bi].lines
    tag = _tag_line(lines)
    below = [b for b in blocks[bi + 1: bi + 4] if not _LONE_NUMBER.match(clean(b.text) or "")]
    # a page break in the middle of the quote ("... completing it should be" / page number and running
    # header / "mandatory for every officer ... (Paragraph 44)"): its paragraph runs on below
    runs_on = tag is None and bool(below) and not sentence_end(clean(lines[-1].text) or "") \
        and _tag_line(below[0].lines) is not None
    quoted = lines if runs_on else lines[:tag + 1] if tag is not None else []
    if not MODAL.search(item_text) and not MODAL.search(" ".join(clean(ln.text) or "" for ln in quoted)):
        # "4. We are concerned that ... (Paragraph 58)" over "Government response": a conclusion the
        # paper numbers among the recommendations and answers as one
        nxt = next(iter(below), None)
        return tag is not None and nxt is not None and bool(_RESPONSE_HEAD.match(clean(nxt.lines[0].text) or ""))
    if tag is not None or runs_on or _response_line(lines[1:]) is not None:
        return True
    nxt = below[0] if below else None
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
_LABEL_FIRST = re.compile(r"^\W{0,4}(?P<num>\d{1,3}[a-z]?)[.:]?\s+(?:(?-i:[A-Z]{2,6})\s+|(?:the\s+)?committee(?:'s|’s)?\s+)?"
                          r"recommendation\s*[:.–—-]\s*(?P<text>\S.{10,})$", re.I)
# a paper quoting recommendations by the report's paragraph numbers: "Paragraph 3.4: The University should ..."
_BY_PARAGRAPH = re.compile(r"^\W{0,4}paragraph\s+(?P<num>\d{1,3}(?:\.\d{1,3})?)\s*[:.–—-](?!\d)\s*"
                          r"(?P<text>\S.{10,})$", re.I)
# a lead-in that ends in a full stop: "I make the following recommendations."
# (or "to take the actions below, and I should be grateful if ...": the list the sentence points to)
_OTHER_LIST = re.compile(r"\W*(?:(?:our|the)\s+)?(?:(?:main|key|summary\s+of(?:\s+(?:our|the))?)\s+)?"
                         r"(?:findings|observations)\W*$", re.I)
_CONTENTS_TITLE = re.compile(r"\W*(?:table\s+of\s+)?contents\W*$", re.I)
_LEADS_ON = re.compile(r"as follows\W*$|\bthe following\b[^.:]{0,60}\W*$|"
                       # (not "subject to the recommendations below being addressed before the proposal proceeds
                       # ...", a mention in passing whose sentence goes on to say something of them)
                       r"\bthe (?:actions|recommendations|steps) (?:set out |listed )?below\b"
                       r"(?!\s+being\b)", re.I)
ROW_TAIL = 4  # cells a row's tail may have (lead, target date, status, RAG)


def _row_tail(b: Block) -> bool:
    # (not the letter's next section, "3    Next steps": a number of its own opens it; a theme's heading
    # between the rows, "Theme 2: Safety data", keeps the table open)
    return len(b.lines) <= ROW_TAIL and all(short_cell(clean(ln.text) or "") for ln in b.lines) \
        and not _SECTION_TITLE.match(b.lines[0].text)


_SECTION_TITLE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?(?:\.\s+|\s{2,})[A-Z]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_SUB_POINT = re.compile(r"\(?[a-h]\)\s")  # "(a) there is no system ...": a lettered point's own marker
_LONE_NUMBER = re.compile(r"^\W{0,4}(?P<num>\d{1,3})\.?\s*$")
_AS_FOLLOWS = re.compile(r"\b(?:matters\s+of\s+concern|concerns|recommendations)\s+(?:are|is)\s+(?:as\s+follows|"
                         r"set\s+out\s+in\s+paragraphs\s+\d{1,2}\.\d{1,2}\s+to\s+\d{1,2}\.\d{1,2})\b", re.I)
# a list of what the writer will do about the concerns is not a list of the concerns
_ACTION_LEAD = re.compile(r"\b(?:steps|actions?|measures|changes|work)\b[^:.]{0,120}\b(?:address|respond(?:ing)? to|tackle|meet)\b", re.I)
LONE_GAP = 4  # paragraphs (page breaks included) a "N." line's text may run over
_NUMBER_OVER = re.compile(r"^\W{0,4}\d{1,3}[.)]\s*$")


def _line_item(lines: tuple[Line, ...], k: int, rules: RecRules,
               decimal: bool = False, voiced: bool = False) -> tuple[re.Match[str] | None, int]:
    """The numbered item line ``k`` starts, and how many lines its number and first words take:
    pdftotext sets a list's "1." on a line of its own with the item's words on the line under it,
    which a reader takes as one line. With ``decimal`` (under a list's lead-in) a paragraph number
    with no full stop after it numbers an item too ("I recommend that the Commission:" / "7.1
    Apologise to Mr C ..."). With ``voiced`` (a letter's list under its lead-in) an item may speak
    in the writer's voice or of what a body does, as a coroner's concerns do ("5.5 I heard evidence
    of ...", "5.7 The Trust's template does not prompt ..."): in a paper those open its answers."""
    line = clean(lines[k].text) or ""
    m = rules.list_item.match(line) or (_PARAGRAPH_ITEM.match(line) if decimal else None)
    if m and m.re is _PARAGRAPH_ITEM and not voiced \
            and (_ANSWER_START.match(m.group("text")) or _OWN_VOICE.match(m.group("text"))):
        m = None  # "1.1 The government agrees with the Committee's recommendation.": the paper's own paragraph
    if m or k + 1 >= len(lines) or not _NUMBER_OVER.match(line):
        return m, 1
    before = clean(lines[k - 1].text) or "" if k else ""
    if k and not (sentence_end(before) or heading_line(lines[k - 1].text) and before[:1].isupper()):
        return None, 1  # "(Paragraph\n24)": the end of a wrapped reference, not a number over an item
    under = clean(lines[k + 1].text) or ""
    if not under.lstrip("[(“‘\"'")[:1].isupper():  # ("[To the Practice] ...": the body it is sent to, first)
        return None, 1
    return rules.list_item.match(f"{line.strip()} {under}"), 2


# "6 ACTION SHOULD BE TAKEN": a section heading of a form, which ends the list above it
_CAPS_HEADING = re.compile(r"^\W{0,4}(?:\d{1,2}\.?\s+)?[A-Z][A-Z’'&,-]+(?:\s+[A-Z][A-Z’'&,-]*){1,7}\W*$")


# "Concern 2 – Waiting time for the ICC service": a label and its title, heading the answer under it
_LABEL_TITLE = re.compile(r"^\W{0,4}(?:recommendation|concern|matter(?: of concern)?)\s+(?:no\.?\s*)?"
                          r"\(?\d{1,3}[a-z]?\)?\s*[-–—:.]\s+(?-i:[A-Z])[^.]{0,80}$", re.I)


_FIELD_LINE = re.compile(r"^\W*[A-Z][\w ]{1,30}:\s+\S")  # "Status: Complete", "Lead: Clinical Director"


_COLUMN_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")  # the gap before the next column's words on a -layout line
COLUMN_SLACK = 2  # characters a column's left edge may wander by


def _left_column(lines: tuple[Line, ...]) -> str | None:
    """An item's own words where pdftotext -layout sets its answer in a column beside it ("2. For the
    purposes of the published      The Government does not agree. ..."): the words left of the column
    its lines share, not both columns' run together; None where its lines share no such column."""
    edges = [[g.end() for g in _COLUMN_GAP.finditer(ln.text)] for ln in lines]
    later = [e[0] for e in edges[1:] if e]
    if not later or max(later) - min(later) > COLUMN_SLACK or not any(abs(x - min(later)) <= COLUMN_SLACK
                                                                         for x in edges[0]):
        return None
    col = min(later)
    head = _OWN_NUMBER.sub("", lines[0].text[:col].strip(), count=1)
    return " ".join([head] + [ln.text[:col].strip() for ln in lines[1:] if ln.text[:col].strip()])


_OWN_NUMBER = re.compile(r"^\W{0,4}\d{1,3}(?:\.\d{1,3})?[a-z]?[.)]?\s+")  # the item's number, opening its first line


def _ends_answer(line: str) -> bool:
    """A line an answer may end with: a finished sentence or a field of an action plan's row (not a
    contents list's title, nor its wrapped line, over the next title)."""
    return (sentence_end(line) or bool(_FIELD_LINE.match(line))) and not _LABEL_TITLE.match(line)


def label_title_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks cut before each "Concern 2 – Waiting time for the ICC service" line that follows a
    finished sentence or an action plan's field ("Status: Complete"): in PDF text with no blank
    lines, each answer's own paragraph, as the reply set it under its title."""
    out: list[Block] = []
    for b in blocks:
        cur, gap = [b.lines[0]], b.gap
        for prev, ln in zip(b.lines, b.lines[1:]):
            if _LABEL_TITLE.match(clean(ln.text) or "") and _ends_answer(clean(prev.text) or ""):
                out.append(Block(tuple(cur), gap))
                cur, gap = [], 0
            cur.append(ln)
        out.append(Block(tuple(cur), gap))
    return out


# "Recommendations to the Mid-Ulster and Erne Health and Social Care Trust": a heading that sends the
# items under it, however long the body's name
_SENT_HEADING = re.compile(r"^\W*(?i:recommendations?|concerns?)\s+(?:to|for)\s+(?:the\s+)?[A-Z][^.:;]*$|"
                           # "To Vantaro Fitness, Inc. and Vantaro Fitness UK Ltd": the body its concerns go to
                           r"^\W*(?i:to)\s+(?:(?i:the)\s+)?(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Professor|Prof|Whom)\b)"
                           r"[A-Z][\w'’&.-]*(?:,?\s+(?:(?i:and|of|for|the|&)\s+)?[A-Z][\w'’&.-]*){1,9}\s*$")


def _own_section_paragraph(text: str, seg: Segment, label: str, refs: list[Ref]) -> bool:
    """"2.2<tab>The signal was repaired on 23 March 2026 ...": a Word reply's own numbered paragraph, in
    a section it numbers itself ("2.<tab>Concern (1) – the warning signal"), whose paragraph before it
    ("2.1") was no recommendation either (not a table's rows quoting "3.2", "3.3" in turn)."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", label)
    if m is not None and m.group(2) == "1":
        # (its section's first, right under the section's title: "1.<tab>INTRODUCTION" / "1.1<tab>The Council ...")
        head = rf"^[ \t]*{m.group(1)}\.\t[^\n.]+\n[ \t]*{m.group(1)}\.1\t"
        return re.search(head, text[seg.start:seg.end], re.M) is not None
    if m is None or int(m.group(2)) < 2 or any(r.label == f"{m.group(1)}.{int(m.group(2)) - 1}" for r in refs):
        return False
    return re.search(rf"^[ \t]*{m.group(1)}\.\t", text[seg.start:seg.end], re.M) is not None


_FIELD_LABEL = re.compile(r"^\W*(?:[^\W\d_][\w'’ -]{0,25}/\s*)?(?:status|(?:[\w'’ ]{0,30}\s)?response)\s*:", re.I)


def _item_blocks(blocks: list[Block], rules: RecRules, letter: bool = False) -> list[Block]:
    """Paragraphs as a reader sees them in PDF text with no blank lines: a numbered item
    ("2. The council should ...", "6.1 The Combined Authority should ...") or a "Recommendation 2" line after a finished sentence or a
    heading starts a new one, and so do a "Concern 2 – Waiting times" title where an answer ended
    and a capitals heading after a finished sentence; so, in a letter or report, does any line after a
    paragraph of one line, in text saved from Word with no blank lines (a reply's answers keep the
    paragraphs read as before); and a bilingual label alone over its quote and fields is a heading."""
    out: list[Block] = []
    for b in label_title_blocks(blocks):
        cur, gap = [b.lines[0]], b.gap
        # (each line longer than a page is wide, but a lead-in's: not a table's cells, one a line)
        one_a_line = letter and all(len(c) > PARAGRAPH_LINE or c.endswith(":") for c in (clean(x.text) or "" for x in b.lines))
        # (a label in two languages alone over its quote and the fields Word kept under it, "Moladh 1 /
        # Recommendation 1" / "..." / "Inbhe / Status:<tab>Aontaichte / Agreed" / "Freagairt / Response:": the label
        # is a heading of its own; one language's, "Recommendation 2" over "Departmental Response: Accepted ...",
        # leads the block as before)
        # (its own block, the next label under a blank line: not "Recommendation 1" / ... / "Recommendation 2" / ...
        # run together, read as one)
        fields = len(b.lines) >= 3 and any(_FIELD_LABEL.match(x.text) for x in b.lines[2:]) \
            and not any(BARE_LABEL.match(x.text) for x in b.lines[1:])
        # (a list of such numbers already running: "\f4." at a page's head carries it on)
        running = len(out) >= 2 and bool(_LONE_NUMBER.match(clean(out[-2].lines[-1].text) or ""))
        for k, (prev, ln) in enumerate(zip(b.lines, b.lines[1:])):
            before = clean(prev.text) or ""
            line = clean(ln.text) or ""
            # (or after a page's footer, which text copied from a PDF viewer keeps: "... Page 2 of 2" / "5.5 The
            # Trust should ...")
            if ((rules.list_item.match(line) or BARE_LABEL.match(ln.text) or _PARAGRAPH_ITEM.match(line))
                    and (sentence_end(before) or before.endswith(")") or heading_line(prev.text)
                         or PAGE_OF.search(before) or _SENT_HEADING.match(before))) \
                    or ((_CAPS_HEADING.match(line) or _SENT_HEADING.match(line)) and sentence_end(before)) \
                    or (one_a_line and (sentence_end(before) or before.endswith(":")) and line[:1].isupper()) \
                    or (prev is b.lines[0] and fields and "/" in prev.text and BARE_LABEL.match(prev.text)) \
                    or (letter and (_lone_item(b.lines, k, running) or _lone_item(b.lines, k + 1))):
                out.append(Block(tuple(cur), gap))
                cur, gap = [], 0
            cur.append(ln)
        out.append(Block(tuple(cur), gap))
    return out


def _lone_item(lines: tuple[Line, ...], k: int, running: bool = False) -> bool:
    """Whether line ``k`` is a list's number alone on its line, where raw PDF text sets it apart from
    its item's words ("1." / "reviews its Protocol ..."), between the sentence or lead-in above it
    and the words under it: the number is a paragraph of its own, as blank lines would make it."""
    below = clean(lines[k + 1].text) or "" if k + 1 < len(lines) else ""
    if not _LONE_ITEM.match(clean(lines[k].text) or "") or below.isupper() or not below[:1].isalpha():
        return False
    if not k:
        # (at its paragraph's head, the words under it are the item's as they stand, unless such a list runs on)
        return running
    above = clean(lines[k - 1].text) or ""
    return sentence_end(above) or above.endswith((":", ";")) or bool(_LIST_JOIN.search(above)) \
        or bool(PAGE_OF.search(above))


# "1." (not the form's "6" over "ACTION SHOULD BE TAKEN", nor "(3)", which a list in brackets reads as before)
_LONE_ITEM = re.compile(r"^[^\w(\[]{0,4}\d{1,3}\.\s*$")
# the word a list's last item but one ends with: "...; and", "... , or"
_LIST_JOIN = re.compile(r"[;,]\s*(?:and|or)$")


# a recommendation in note form, its body and the verb ("The Trust to audit the use of its pathway ..."), or
# in a resolution's ("That the Trust audits ...")
_BODY_TO = re.compile(r"^\W*(?:(?:the\s+)?(?:[A-Z][\w&’'-]*\s+){1,5}to\s+(?!be\b|date\b)[a-z]{3,}\b|"
                      r"[Tt]hat\s+(?:the\s+)?[A-Z][\w&’'-]*\s)")


# the paper speaking for itself ("2.9 We can see the benefit ..., but a plan may need to change"): its
# "need to" is no recommendation's, unless it asks ("We recommend that ...", "We believe the Board should")
_OWN_VOICE = re.compile(r"^\W*(?:we|our|i)\b", re.I)
# the heading over what a letter sends with it, which it may number: "Attached:", "Enclosures (3):", "Encs."
_SENT_WITH = re.compile(r"^\W*(?:attached|attachments?|enclosed|enclosures?|encs?\.?|documents\s+attached)"
                       r"(?:\s*\(\d{1,2}\))?(?:\s*:)?\s*$", re.I)
# the writer asking for the reply ("I ask the Commission to tell me ... what action it has taken")
_ASKS_REPLY = re.compile(r"^\W*(?:i|we)\s+(?:would\s+)?(?:ask|request|invite)\b[^.]{0,80}?\bto\s+(?:tell|inform|let|send|"
                         r"provide)\s+(?:me|us)\b", re.I)
_ASKS = re.compile(r"\b(?:should|must|ought to|recommends?|urges?|calls? on)\b", re.I)
# a letter's closing words, numbered as its paragraphs are: "4.1 Please send us your responses ...", "4.2 If
# you wish to discuss any of the findings please contact ..."
_CLOSING_ASK = re.compile(r"^\W*(?:please\s+(?:send|reply|respond|let\s+(?:me|us)\s+know|contact|write)|"
                          r"if\s+you\s+(?:wish|would\s+like|have\s+any)\b|"
                          # "6. The panel would be grateful for a response to these recommendations by 31 October"
                          r"(?:i|we|the\s+\w+)\s+(?:would|should)\s+be\s+grateful\s+(?:for|if|to)\b)", re.I)
_WRAPPED_NUMS = re.compile(r"[ \t]*(?P<join>and|to|&)\s+(?P<num>\d{1,3}(?:\.\d{1,3})?)\b(?!\.\d)"
                           r"(?=\s*(?:[,.;:)]|(?:are|is|were|was|have|has|in|of|from|which|concern|relate)\b))", re.I)
# "... and recommendation" / "11 are addressed to the Government.": the number PDF text wrapped onto the next
# line, going on with the sentence (not a paragraph's own number: "11. These recommendations ...")
_KEYWORD_ENDS = re.compile(r"\b(?:recommendations?|concerns?)\s*$", re.I)
# (not "of" or "in": "Following the Panel's recommendation" / "3 of our 5 care homes ..." counts homes)
_GOES_ON = re.compile(r"\s*[,;:)]|\s+(?:are|is|were|was|have|has|from|which|concerns?|relates?|asks?|calls?|says?)\b",
                      re.I)


def _wrapped_keyword(text: str, b: Block, ln: Line, nxt: Line | None, rules: RecRules) -> list[Ref]:
    """The references whose keyword ends a line and whose numbers open the next (``nxt``), in the same paragraph."""
    end = _KEYWORD_ENDS.search(ln.text) if nxt is not None else None
    if end is None:
        return []
    lead = ln.text[end.start():].strip() + " "
    said = text[nxt.start:nxt.end]
    m = rules.inline.match(lead + said.lstrip())
    if m is None or m.start("nums") < len(lead) or not _GOES_ON.match(m.string, m.end()):
        return []
    labels = expand(m.group("nums"), rules)
    if (len(labels) > 1) != lead.rstrip().lower().endswith("s"):
        return []  # "Of the Panel's recommendations" / "2 are for the County Council": a count, not a number
    at = nxt.start + len(said) - len(said.lstrip()) - len(lead)  # the match's offsets, in the text
    return [Ref(lab, leading_number(lab), at + m.start("nums"), at + m.end("nums"), b.start, b.end, False, False, False)
            for lab in labels]


# a reply that quotes each numbered recommendation in quotation marks over its answer ("For clarity I have
# quoted each area for improvement": '"1. (Brackwater Borough Council) The identification ..."', or the number
# outside the quote: '1.  "The dispensing system displayed ..."'); two at least
_QUOTED_ITEM = re.compile(r"^[ \t\f]*(?:[\"“]\s*\d{1,2}(?:\.\d{1,2})?[.)]?\s+\S"
                          r"|\d{1,2}(?:\.\d{1,2})?[.)]\s+[\"“]\s*[A-Z])")
QUOTED_ITEMS = 2
_QUOTE_CLOSED = re.compile(r"[A-Za-z)][.!?,;:]?[”\"]\s*$")  # its closing mark at a line's end


# a report's section that holds its recommendations, numbered as its paragraphs will be: "6. Recommendations"
_SECTION_HEAD = re.compile(r"^\W{0,4}(?P<num>\d{1,2})\.?\s+(?:(?i:(?:summary\s+of\s+|conclusions\s+and\s+|our\s+|the\s+panel['’]s\s+)?"
                           r"recommendations)|RECOMMENDATIONS)"
                           # "4. Recommendations to Calderbrook Homes (Principal Accountable Person)": the section
                           # of those sent to one body
                           r"(?:\s+(?i:to)\s+(?:the\s+)?(?P<body>[A-Z][^\n]{2,80}?))?\W*$")
# a letter that sets its recommendations out under its findings: "Each finding is followed by the
# recommendations that flow from it", over "Finding 1 - Pre-delivery inspection" / ... / "1.1 Introduce ..."
_FOLLOWED_BY = re.compile(r"\b(?:finding|conclusion|theme)s?\b[^.]{0,60}?\bfollowed\s+by\s+(?:the\s+|its\s+|our\s+)?"
                          r"recommendations?\b", re.I)
# an item in the imperative, its first word a verb: "Introduce a single checklist ...", not "Mr H's capacity was
# never assessed", "Staff were not told ..." nor "The Trust has ..." (what a finding found)
_IMPERATIVE = re.compile(r"^(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|we|i|it|he|she|they|"
                         r"there|in|on|at|of|for|from|by|with|as|since|when|although|while|during|after|before|"
                         r"mr|mrs|ms|miss|dr|all|some|most|many|no|none|each|every|one|two|three)\b)"
                         r"(?-i:[A-Z])[a-z]+\s+(?!(?:was|were|is|are|has|had|have|did|does|do|said|told)\b)[a-z]", re.I)
_FINDING_HEAD = re.compile(r"^\W{0,4}(?:finding|conclusion|theme)\s+(?P<num>\d{1,2})\b\s*(?:[:.–—-]\s*\S.*)?$",
                           re.I)


def _opened(head: re.Match[str], groups: dict[int, str]) -> tuple[int, bool]:
    """The section a "6. Recommendations" heading opens, and whether it names the body its items are sent
    to (noted in ``groups``), wherever the heading stands: on a block's first line or closing the one above."""
    section, sent = int(head.group("num")), head.group("body") is not None
    if sent:
        groups[section] = clean_text(head.group("body"))
    return section, sent


CLOSING_HEAD_LINES = 2  # lines under a block-closing section heading, at most (its first group's heading)


def _closing_head(b: Block) -> re.Match[str] | None:
    """A section heading that ends a block of PDF text, under its last paragraph, with at most the
    headings of its first group after it ("2.5 DBS does not ..." / "6. Recommendations" / "For the
    Disclosure and Barring Service", text copied from a PDF viewer, where no blank line stands between)."""
    for k in range(len(b.lines) - 1, 0, -1):
        line = clean(b.lines[k].text) or ""
        if (head := _SECTION_HEAD.match(line)) is not None:
            return head
        if len(line.split()) > GROUP_HEAD_WORDS or sentence_end(line) or len(b.lines) - k > CLOSING_HEAD_LINES:
            return None
    return None


# a section heading numbered as a whole ("7. Publication"), which ends the section before it
_NUMBERED_SECTION = re.compile(r"^\W{0,4}\d{1,2}\.?\s+[A-Z][\w’' ,&-]{2,60}$")
FURNITURE_WORDS = 14  # words in a page's footer or running header ("SI/2026/0147 1 of 2")


def _past_page_break(b: Block, rules: RecRules) -> Block:
    """A paragraph that opens with the last page's footer and the next page's running header, in
    PDF text with no blank line after them ("SI/2026/0147 1 of 2" / "<form feed>Marlstone Vale
    Homes ... – 17 November 2026" / "4. Appoint ..."): what follows them, where a list goes on."""
    k = next((k for k, ln in enumerate(b.lines[:3]) if ln.text.startswith("\f")), None)
    if k is None or k + 1 >= len(b.lines) or not rules.list_item.match(clean(b.lines[k + 1].text) or ""):
        return b
    furniture = [clean(ln.text) or "" for ln in b.lines[:k + 1]]
    if any(len(c.split()) > FURNITURE_WORDS or sentence_end(c) or is_prose(c) for c in furniture):
        return b
    return Block(b.lines[k + 1:], 0)


# (under the addressee it is sent to, in brackets: "5.1 [Ambulance Trust] The computer-aided dispatch ...")
_PARAGRAPH_ITEM = re.compile(r"^\W{0,4}(?P<num>\d{1,3}\.\d{1,3})\s+(?P<text>(?:[\[(][A-Z][^\[\]()]{1,80}[\])]\s+"
                             r"[A-Z]\S*(?:\s+\S+){2,}|[A-Z]\S*(?:\s+\S+){5,}).*)$")


# a letter that asks for what its list says, with no word for recommendation: "The trustees should:",
# "The health board is required to address the following:", a regulator's "we expect Cordell to:"
# "We would ask the Trust to:", "we require the airport to:" or a forum's "The Forum advises the
# Council to:" (the writer advising, not guidance that "advises clinicians to:"); not what the reply
# should contain
_ASKS_LEAD = re.compile(r"^(?!.*\b(?:your|the) (?:response|reply|letter)\b)(?:.*\b)?(?:(?:should|must|(?:is|are) required to|"
                        r"(?:is|are) asked to)\b[^.]*|(?:expects?|requires?|ask|asks|urges?|calls? (?:up)?on|(?:(?<=\bi )|(?<=\bwe )|(?<=forum )|(?<=committee )|"
                        r"(?<=panel )|(?<=commission )|(?<=board )|(?<=group ))(?:advises?|invites?|encourages?))\s+(?!to\b)[^.:]{1,60}?"
                        r"\bto):\s*$", re.I | re.S)


def _body_line(b: Block) -> bool:
    """A body's name alone on its line, heading the items sent to it: "NHS England", "Department of
    Health and Social Care", "NHS England and CQC jointly"."""
    name = clean(b.text) or ""
    words = [w for w in re.findall(r"[\w&'’-]+", name) if w.lower() not in NAME_FILLER | _JOINTLY]
    return len(b.lines) == 1 and bool(_BARE_NAME.match(name)) and 0 < len(words) <= 10 \
        and all(w[0].isupper() or w[0].isdigit() for w in words) and not MODAL.search(name)


_JOINTLY = frozenset({"jointly", "together"})


def _opens_list(joined: str, after: list[Block], kind: Kind, rules: RecRules,
                addressee: re.Pattern[str] | None = None) -> bool:
    """"... I have identified five as priority concerns. I am writing to draw these to your
    attention." right above "1. Time out of cell. ...": in a letter, a paragraph that names
    its concerns or recommendations leads into the list numbered from 1 that follows it; so
    does one that asks for it ("The trustees should:"), where the items are sentences."""
    if kind is not Kind.letter or not after or not (rules.lead_in.search(joined) or _ASKS_LEAD.search(joined)):
        return False
    if len(after) > 1 and ((addressee is not None and addressee.match(clean(after[0].text) or ""))
                           or _body_line(after[0])):
        after = after[1:]  # "For the Council:" (or "NHS England" alone) over the first of them
    item = rules.list_item.match(clean(after[0].lines[0].text) or "")
    return bool(item and item.group("num") == "1" and len(item.group("text").split()) >= 6)


def _order(label: str) -> tuple[int, ...]:
    """Where a quoted label stands in the report: 3.22 follows 3.14, and 4 follows both."""
    return tuple(int(n) for n in re.findall(r"\d+", label))


_R_LEAD = re.compile(r"\W{0,3}([A-Z])(\d{1,2})\b(?!\.\d)")  # "**R1** The Department should ...": an item's own label


_LAST_SENTENCE = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")  # where a paragraph's sentences part
# a lead-in to a coroner's concerns, her own findings in her voice ("The MATTERS OF CONCERN are as follows"), not a
# paper's "responses to the Committee's concerns and recommendations are set out below"
_CONCERN_LEAD = re.compile(r"\bmatters?\s+of\s+concern\b|\b(?:my|coroner['’]s)\s+concerns?\b|"
                           r"\bconcerns?\s+(?:are|is)\s+(?:as\s+follows|set\s+out\s+below)\b", re.I)
_OWN_VOICE_LEAD = re.compile(r"\b(?:we|I)\s+(?:will|shall|have|are|plan|propose|intend|aim)\b", re.I)


def find_refs(text: str, seg: Segment, rules: RecRules, addressee: re.Pattern[str] | None = None) -> list[Ref]:
    """Every reference in the segment, in text order, one per label.

    In a coroner's report, ``addressee`` matches the "TO THE PROBATION SERVICE:"
    headings that send the concerns under them to one body; an unnumbered
    concern under such a heading takes the next number.
    """
    refs: list[Ref] = []
    # "R1" means a recommendation only where the document itself labels them "R1", "R2" ...
    short = labels_r(text)
    hyphened = hyphen_codes(text)  # "HC-01", "GP3/2": a code the file sets out, named with no "recommendation" ahead
    by_letter = concern_letters(text)  # "Concern A (Harbourside Learning Partnership) – ...": concerns by letter
    if rules.actions is not None and asks_actions(text):
        rules = rules.actions  # "Action 3" names the third of them, in the letter and in its replies
    lines = split_lines(text, seg.start, seg.end, cells=True)
    blocks = _item_blocks(split_layout_rows(split_cell_rows(to_blocks(lines), text)), rules,
                          seg.kind is Kind.letter)
    # (nor in a reply that names them in words, "Recommendation One": its "(a) approves the Executive
    # response ..." is its own resolution)
    if seg.kind in (Kind.letter, Kind.reply) and not any(rules.inline.search(text, b.start, b.end) for b in blocks) \
            and not (seg.kind is Kind.reply and any(rules.word_ref.search(text, b.start, b.end) for b in blocks)):
        refs += listed_refs(text, blocks, rules, indented=seg.kind is Kind.letter)
    # a coroner's report as the data set keeps it: its numbered paragraphs after the facts are the concerns
    concerns = seg.form is Form.report
    list_heading = False
    lead_in = False
    concern_lead = False  # the lead-in leads into a coroner's concerns ("The MATTERS OF CONCERN are as follows.")
    led_by = -2  # the block whose sentence last led into a list
    item_indent: int | None = None  # how far the last item's number stands in from the margin
    sub_next = 1  # the number the next of its nested lettered points would have
    after_statement = False  # the lead-in is a statement line ("Recommendation 12: ..."), not a list's lead
    last_item: int | None = None  # number of the last list item, while a list is open
    point_after = ""  # the label of a tab-set list's last lettered row ("1a"), "" at its lead-in
    decimal_head: int | None = None  # the leading number of a list numbered "7.1", "7.2" under its lead-in
    last_plain = False  # the list's last item was numbered "2." and leads into its points ("Support after discharge:")
    section: int | None = None  # the number of a "6. Recommendations" section, whose "6.1", "6.2" are the list
    sent = False  # that section's heading sends them to a body ("4. Recommendations to Calderbrook Homes"): its
    # items are recommendations in the imperative too ("4.1 Revise the resident engagement strategy ...")
    gap = 0
    # In a response paper the recommendations are quoted as numbered paragraphs,
    # each followed by its answer: once the paper says they are reproduced
    # below, every numbered paragraph whose number goes up is one.
    numbered: tuple[int, ...] | None = None  # last number quoted so far ((3, 14) for 3.14); None until the paper says so
    rows_open = False  # under a table's header row whose cells are one a line
    row_head: str | None = None  # the first line of that header (which column holds the recommendation)
    last_row: Ref | None = None  # such a table's last row read (its number, and its label as written: "2.1")
    spread = spread_rows(blocks)
    groups: dict[int, str] = {}  # a group heading's number -> the body it names ("2. Education Authority")
    grouped = False  # a group heading has opened the list
    own = own_numbering(text, seg)  # a reply that numbers its own paragraphs ("1. Thank you for ...")
    headed, seen = False, 0  # a "Recommendation 5" heading over the words it quotes has been read; refs read for it
    head_lines = [m.start() for m in _REC_HEAD_LINE.finditer(text, seg.start, seg.end)] \
        if seg.kind is Kind.reply else []
    # (a letter's own: "Recommendation 1: The Port should ...", or the words alone on their line)
    label_lines = [m.start() for m in _REC_LABEL_LINE.finditer(text, seg.start, seg.end)] \
        if seg.kind is Kind.letter else []
    refs += spread
    in_rows = {x for r in spread for x in (r.block_start, r.quote[0] if r.quote else r.block_start)}
    closing_head: re.Match[str] | None = None  # a section heading on the last line of the block before
    quoted_items = sum(1 for b in blocks if _QUOTED_ITEM.match(b.lines[0].text))
    findings = seg.kind is Kind.letter and _FOLLOWED_BY.search(text, seg.start, seg.end) is not None
    imperative = False  # the section is a finding's, whose items may ask in the imperative ("Introduce ...")
    for bi, b in enumerate(blocks):
        if closing_head is not None:
            section, sent = _opened(closing_head, groups)
            imperative = False
            decimal_head = None  # (the list of the section before has ended)
        # pdftotext without -layout sets no blank line before "5 Recommendations to Ashcombe Homes plc": the
        # heading ends the paragraph above it, and the section it opens starts with the next
        closing_head = _closing_head(b)
        if b.start in in_rows:
            continue
        b = _past_page_break(b, rules)
        if side := [r for ln, nxt in zip(b.lines, b.lines[1:]) for r in side_refs(text, b, ln, nxt)]:
            refs += side  # a recommendation headed in the margin beside its words: the block is it
            continue
        if last_item is not None and b.lines[0].text.startswith("\f") and (clean(b.text) or "A")[:1].islower():
            continue  # the item's words run on over a page break: "<form feed>guardian and kept no log of checks."
        # under the list's lead-in ("The MATTERS OF CONCERN are as follows."), a tab-set list's next item
        # is one whatever its words ("(1)<tab>[To the ICB] The protocol dates from 2019 ...")
        following = (last_item or 0) + 1 if lead_in or last_item is not None else None
        rows = table_items(text, b, rules, following, point_after)
        if rows and seg.kind is Kind.letter and not _REC_LABEL_LINE.match(text, b.start):
            # "3.<tab>The evidence we heard ...": a Word letter's own numbered paragraph, set as a list's item
            # (not "Recommendation 1:<tab>Establish ...", one of the lines that label them)
            rows = [r for r in rows if "." in r.label or not _own_paragraph(text, seg, b, label_lines, r.number)]
        if rows and seg.kind is Kind.reply:
            rows = [r for r in rows if not _own_section_paragraph(text, seg, r.label, refs)]
        if rows:
            refs += rows
            row = rows[-1]
            # a tab-set list ("4.<tab>The Trust has no guidance ... should ...") reads as a table's row
            # where its words recommend: the list it carries on goes on past it to "5.", "6."
            if following is not None and row.number == following:
                last_item, gap = row.number, -LONE_GAP + LIST_GAP
            if following is not None:
                point_after = row.label
            continue
        row = row_block(b, seg.kind is Kind.reply, row_head) \
            if rows_open or continues_rows(b, last_row.number if last_row else None) else None
        if row and last_row is not None and ("." in row.label) != ("." in last_row.label):
            # "5.   Recommendation 3.3 is addressed to both bodies ..." under rows 2.1 to 4.2: the letter's
            # own next paragraph, in the numbering of those above the table, not a row
            row, rows_open, last_row = None, False, None
        if row:
            refs.append(row)
            last_row = row
            continue
        # a protective marking at a page break ("OFFICIAL") leaves the table open, and so do the last
        # short cells of a row ("Complete" / "Blue") that a masked repeated cell cut from it
        if header_row(b):
            row_head = b.lines[0].text.lstrip("\f")  # (a page's first line: the form feed is no column)
        rows_open = header_row(b) or (rows_open and (marking_block(b) or _row_tail(b)))
        joined = clean(b.text) or ""
        if not lead_in and last_item is None:
            decimal_head = None  # the list has closed
        first_line = clean(b.lines[0].text) or ""
        if (head := _SECTION_HEAD.match(first_line)) is not None:
            section, sent = _opened(head, groups)
            imperative = False
        elif findings and (head := _FINDING_HEAD.match(first_line)) is not None:
            # "Finding 1 - Pre-delivery inspection" in a letter that says each finding is followed by its
            # recommendations: its "1.1 Introduce a single PDI checklist ..." are those, in the imperative too
            section, sent, decimal_head, imperative = int(head.group("num")), False, None, True
        elif _NUMBERED_SECTION.match(first_line):
            section = None  # "7. Publication": the recommendations' section has ended
        # (or in a reply or paper, under its lead-in: "The review made seven recommendations, numbered by the
        # chapter of the report in which they appear:" over "1.1 Reduce ...")
        decimal = ((lead_in or section is not None) and seg.kind is Kind.letter) \
            or (lead_in and (led_by == bi - 1 or decimal_head is not None))
        voiced = seg.kind is Kind.letter and (concerns or (lead_in and concern_lead))
        item, took = _line_item(b.lines, 0, rules, decimal, voiced)
        if item and seg.kind is Kind.reply and (named := rules.inline.search(item.group("text"))) is not None \
                and item.group("num") not in expand(named.group("nums"), rules):
            # "## 3. Use of the lounge overnight (your concern (2))": the reply's own section, which names the
            # recommendation it answers
            item = None
        if item and bi and _SENT_WITH.match(clean(blocks[bi - 1].lines[-1].text) or "") and not MODAL.search(joined):
            # "Attached:" / "1. Letter of apology to Mr and Mrs Ward": what the letter sends with it (not "1. The Trust
            # should review ...", a recommendation it sets out there)
            item = None
        # a web page's nested list under an item ("1. (Trust) Calls ... In particular:" / "    1. (a) there is
        # no system ..." / "    2. (b) ..."): the item's lettered points, not items of their own
        # (numbered afresh under it: "1. (a)", "2. (b)"; not "3. (a)" after item 2, a list's own next item)
        nested = bool(item and last_item is not None and item_indent is not None and _SUB_POINT.match(item.group("text"))
                      and _indent(b.lines[0].text) > item_indent and leading_number(item.group("num")) == sub_next)
        if nested:
            sub_next += 1 + sum(1 for ln in b.lines[took:] if rules.list_item.match(clean(ln.text) or ""))
            point, item = " ".join([item.group("text")] + [ln.text.strip() for ln in b.lines[took:]]), None
            if refs and refs[-1].number == last_item and refs[-1].text:  # (its words are the item's too)
                refs[-1] = dataclasses.replace(refs[-1], text=clean_text(f"{refs[-1].text} {point}"))
        # a paper that heads its answers "Recommendation 5" over the words it quotes numbers its own paragraphs
        # ("9. Around 17,000 people ...", "10. The Department will provide ..."): none of those is a quote
        headed = headed or any(r.heading and r.stated and _REC_HEAD.match(text, r.start) for r in refs[seen:])
        seen = len(refs)
        asks = bool(item) and MODAL.search(_FULL_STOP.split(joined, maxsplit=1)[0]) is not None
        # (its paragraphs before the first heading too, "2. There were, on average, 412 children ...", where
        # nothing in them recommends)
        # (not a list a lead-in opens, "It made the following recommendations:" / "1. That the fixed penalty ...")
        before = len(head_lines) >= HEADED_LETTER and b.start < head_lines[0] and not lead_in \
            and last_item is None and not MODAL.search(joined)
        if item and (headed or before) and seg.kind is Kind.reply and "." not in item.group("num") \
                and not _quotes_in_step(text, head_lines, b.start, leading_number(item.group("num"))) \
                and (any(h > b.start for h in head_lines)
                     or ((last_item != leading_number(item.group("num")) - 1 or _ANSWER_START.match(item.group("text")))
                         and not asks)):
            # (a list after the last heading restating the recommendations in full is theirs; not the paper's
            # closing "13. The Government is grateful to the Committee ...", nor its answer to the last two
            # quoted together, "9. We do not agree that ...")
            item = None
        if item and seg.kind is Kind.letter and last_item != leading_number(item.group("num")) - 1 \
                and "." not in item.group("num") and not MODAL.search(_above_label(b)) \
                and _own_paragraph(text, seg, b, label_lines, leading_number(item.group("num"))):
            # a letter that sets out its recommendations on lines of their own ("Recommendation 5: Brackmoor Range
            # Services Ltd should ...") numbers its own paragraphs of findings between them ("8. The contractor's
            # ATV training is a one-day course ..."): those recommend nothing (not a list under "recommends that
            # the Cabinet:", "1. Publishes ...", "2. Ends ...")
            item = None
        if item and own is not None and own[0] < b.lines[0].start < own[1]:
            item = None  # "4. Regional rate cap (Recommendation 1). ...": the reply's own paragraph, read for what it names
        # (a section's item asks: a modal, "The Trust to ...", or under a finding an imperative, "Introduce ...")
        asks_here = item is not None and section is not None and item.re is _PARAGRAPH_ITEM \
            and bool(MODAL.search(item.group("text")) or _BODY_TO.match(item.group("text"))
                     or (imperative and _IMPERATIVE.match(item.group("text"))))
        if item and section is not None and item.re is _PARAGRAPH_ITEM and not lead_in \
                and (leading_number(item.group("num")) != section or (clean(b.text) or "").endswith(":")
                     or not (sent or asks_here)):
            # "7.1 This report will be published ...": a later section's paragraph; "3.1 The Group
            # recommends that the Cabinet:" leads into the list under it; "6.2 The panel met twice"
            # recommends nothing
            item = None
        if item and imperative and section is not None and item.re is _PARAGRAPH_ITEM and not asks_here:
            item = None  # (under a finding, what it found: "2.1 Mr H's capacity ... was never formally assessed")
        if item and FORM_SECTION.match(item.group("text")):
            concerns, item, last_item, lead_in = False, None, None, False  # the concerns end where the form goes on
        # (its words wrapped on to the lines under it, an Easy Read version's short lines: "1. Councils should
        # give clear" / "information about short breaks.")
        said = " ".join([item.group("text")] + [ln.text.strip() for ln in takewhile(
            lambda ln: ln.text.strip()[:1].islower(), b.lines[took:])]) if item else ""
        quotes_text = item and (len(said.split()) >= 6 or sentence_end(said))
        # "3.14 The Environment Agency should ...": paragraph numbers with no full stop, where the paper
        # says its recommendations follow
        para = _PARAGRAPH_ITEM.match(clean(b.lines[0].text) or "") if numbered is not None and not item else None
        # not the paper's own numbered paragraphs ("1.1 The government agrees ...", "2.2 Since the collapse ...")
        if para and (_ANSWER_START.match(para.group("text")) or not MODAL.search(joined.split(". ")[0])
                     or (_OWN_VOICE.match(para.group("text")) and not _ASKS.search(joined.split(". ")[0]))):
            para = None
        # (not a group's own heading under a paper that says its recommendations follow: "2. Recommendations for the
        # HSE: workforce and access" over "2.1 The HSE should ..." heads them, sent to the body it names)
        named_group = item is not None and seg.kind is Kind.letter and _names_group(item, rules)
        heads = named_group and _heads_group(item, b, blocks[bi + 1] if bi + 1 < len(blocks) else None, True)
        if (para or item and quotes_text) and numbered is not None and not lead_in and not heads \
                and _order((para or item).group("num")) > numbered:
            m = para or item
            lab = m.group("num")
            ln = b.lines[0]
            off = label_offset(ln.text, lab)
            # the whole paragraph, over the lines a PDF wraps it into
            # (not the report's paragraph tag that closes it)
            first = 0 if para else took - 1  # the line the recommendation's words start on
            # (or its own column's words, where -layout sets the answer beside it)
            wrapped = _left_column(tuple(b.lines[first:])) \
                or " ".join([m.group("text")] + [x.text for x in _quote_lines(list(b.lines[first:]))[1:]])
            words = PARAGRAPH_TAG.sub("", clean(wrapped) or "")
            refs.append(Ref(lab, leading_number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                            True, True, True, clean_text(words)))
            numbered = _order(lab)
            continue
        if numbered is None and rules.numbered_lead.search(joined):
            numbered = (0,)
        # a list runs on over consecutive items, and over a paragraph or two
        # when the numbering then carries on (multi-paragraph concerns)
        # "Conclusions and recommendations" over the first item: a section heading that opens a list
        list_heading = list_heading or any(heading_line(ln.text) and _LIST_HEADING.search(ln.text) for ln in b.lines)
        lone = _LONE_NUMBER.match(clean(b.lines[-1].text) or "")
        if lone and seg.kind is Kind.letter and _own_paragraph(text, seg, b, label_lines, int(lone.group("num"))):
            lone = None  # ("4." over "Get You Home (Travel) helps ...", under "Recommendation 1: ...")
        # (the list's next number; then the item's words however few: "records informal concerns ...; and")
        running = lone is not None and last_item is not None and int(lone.group("num")) == last_item + 1
        if lone and bi + 1 < len(blocks) and (is_prose(blocks[bi + 1].text) or running and seg.kind is Kind.letter
                                              and (clean(blocks[bi + 1].lines[0].text) or "")[:1].islower()) and \
                (lead_in or concerns or running
                 or (last_item is None and int(lone.group("num")) == 1 and list_heading)):
            lab = lone.group("num")  # "1." alone on its line, the paragraphs under it up to the next "N."
            ln = b.lines[-1]
            off = label_offset(ln.text, lab)
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
                            True, True, True, clean_text(" ".join(" ".join(body).split()))))
            last_item, gap, lead_in = int(lab), -LONE_GAP + LIST_GAP, False
            continue
        if item and seg.kind is Kind.reply and (_ANSWER_START.match(item.group("text"))
                                                or (after_statement and not MODAL.search(item.group("text")))):
            item = None  # "7. The Government will consider this ...": the reply's own numbered paragraph
        if item and _ASKS_REPLY.match(item.group("text")):
            item = None  # "7. I ask the Commission to tell me by 27 February what action it has taken": no recommendation
        # (the first group's own heading may open the list: "2. Recommendations for the HSE" over "2.1 The HSE
        # should ...", after the letter's own "1. Background" / "1.1 ...")
        if item and seg.kind is Kind.letter and (lead_in or last_item is not None or decimal_head is not None
                                                 or named_group) \
                and (grouped or _NAME_WORD.search(item.group("text")) or named_group) \
                and _heads_group(item, b, blocks[bi + 1] if bi + 1 < len(blocks) else None,
                                 (grouped or last_item is not None) and named_group):
            # "2. Education Authority" over "2.1 The EA should ...": the heading of the list's next group,
            # which keeps the list open and sends its items to the body it names (the first group's names
            # a body; a topic's, "3. Funding", only follows one)
            decimal_head, lead_in, last_item, grouped = int(item.group("num")), True, None, True
            if _NAME_WORD.search(item.group("text")) or _ACRONYM_GROUP.match(item.group("text")):
                # ("5. Recommendations to Harnshire Fire and Rescue Service": the body; not the topic after a colon,
                # "2. Recommendations for the HSE: workforce and access")
                groups[decimal_head] = _GROUP_LEAD.sub("", clean_text(item.group("text"))).split(":")[0].strip()
            elif joint := _JOINT_GROUP.search(item.group("text")):
                groups[decimal_head] = joint.group("who")  # "6. Recommendation to both undertakers": every addressee's
            continue
        if item and decimal_head is not None and ("." not in item.group("num")
                                                  or leading_number(item.group("num")) != decimal_head):
            if "." in item.group("num") and item.group("num").split(".")[1] == "1" \
                    and leading_number(item.group("num")) == decimal_head + 1 and refs and refs[-1].label.startswith(
                        f"{decimal_head}.") and gap == 0 and seg.kind is not Kind.letter:
                # (a reply's list numbered by the report's chapters, "1.1", "1.2", "2.1", "3.1": the next
                # chapter's first, straight under the last)
                decimal_head = leading_number(item.group("num"))
            else:
                # "8. Publication" / "8.1 This report will be published ...": the next section, not the list
                item, lead_in, last_item, decimal_head = None, False, None, None
        if item and refs and refs[-1].label[:1].isalpha() and _NUMBERED_SECTION.match(first_line):
            # (a list labelled "R1" ... "R6", or "AFI-1" ..., is followed by "4. Next steps", the next section)
            item = None
        if item and (lead_in or concerns or (last_item is not None and leading_number(item.group("num")) == last_item + 1)
                     or (section is not None and item.re is _PARAGRAPH_ITEM)
                     or (last_item is None and list_heading and leading_number(item.group("num")) == 1 and quotes_text
                         and MODAL.search(item.group("text")))
                     or _answered_below(item.group("text"), blocks, bi)
                     or (seg.kind is Kind.reply and quoted_items >= QUOTED_ITEMS and _QUOTED_ITEM.match(b.lines[0].text))):
            items = [(k, m, took) for k in range(len(b.lines))
                     for m, took in [_line_item(b.lines, k, rules, decimal, voiced)] if m]
            for n, (k, m, took) in enumerate(items):
                ln = b.lines[k]
                lab = m.group("num")
                off = label_offset(ln.text, lab)
                # ("1. **R1** The Department should ...": a numbered list of the items the file labels "R1",
                # "R2" ..., keyed as the file labels them)
                if short and (r_lab := _R_LEAD.match(m.group("text"))) and r_lab.group(1) in short \
                        and int(r_lab.group(2)) == leading_number(lab):
                    lab, off = r_lab.group(1) + r_lab.group(2), ln.text.find(r_lab.group(1) + r_lab.group(2), off)
                # an item runs on over the lines a PDF wraps it into, up to the next item
                upto = items[n + 1][0] if n + 1 < len(items) else len(b.lines)
                answer_at = _response_line(b.lines[k + 1:upto])
                upto = k + 1 + answer_at if answer_at is not None else upto
                tag_at = _tag_line(b.lines[k:upto])
                upto = k + tag_at + 1 if tag_at is not None else upto  # the answer follows the tag
                if _QUOTED_ITEM.match(ln.text):  # (or the quote's closing mark)
                    upto = next((x + 1 for x in range(k, upto) if _QUOTE_CLOSED.search(b.lines[x].text)), upto)
                rest = " ".join(x.text for x in b.lines[k + took:upto] if not _LONE_NUMBER.match(clean(x.text) or ""))
                said = _left_column(b.lines[k:upto]) if took == 1 else None
                refs.append(Ref(lab, leading_number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                                True, False, True, clean_text(said or f"{m.group('text')} {rest}")))
                # (not the points of the list's own item: "2. Support after discharge:" / "2.1 ...", "2.2 ...",
                # then "3. ...")
                parent = last_item == leading_number(lab) and last_plain
                last_item, item_indent, sub_next = leading_number(lab), _indent(ln.text), 1
                last_plain = (m.re is not _PARAGRAPH_ITEM and m.group("text").rstrip().endswith(":")) or parent
                if m.re is _PARAGRAPH_ITEM and decimal_head is None and not parent:
                    decimal_head = last_item  # a list of 7.1, 7.2, ...: its items share the leading number
            lead_in, gap = True, 0
            continue
        if item:
            last_item = None  # a numbered item that is not one of ours: another list has begun
        # (an item's lettered points, "(a)<tab>Repeat prescriptions ...", keep its list open however many)
        lettered = _LETTERED.match(b.lines[0].text) or _LONE_LETTER.match(b.lines[0].text) or nested
        if last_item is not None and not (lettered or (bi and _LONE_LETTER.match(blocks[bi - 1].lines[-1].text))):
            gap += 1
            if gap > LIST_GAP:
                last_item = None
        if lead_in and is_heading(b) and (_OTHER_LIST.match(joined) or _CONTENTS_TITLE.match(joined)):
            # "Our findings": a list of another kind follows ("... our main findings and the recommendations"); so
            # does "Table of Contents", the report's own over the sections it numbers from 1 again
            lead_in, last_item = False, None
        elif lead_in and (is_heading(b) or (addressee is not None and addressee.match(joined))) \
                and not rules.inline.search(joined) \
                and not (by_letter and lettered_concern_refs(text, b, b.lines[0], True)):
            continue  # "To Shireford County Council:": a sub-heading inside the list (not "## Concern A – Poolside")
        tail = joined.rstrip("* ")
        flat = " ".join(tail.split())  # (a lead-in's words wrap: "the following areas for" / "improvement:")
        # (in a reply that leads into a list in its own voice, that sentence alone: not "We accept this
        # recommendation and will launch the scheme. To do so we will:" over the reply's own numbered steps;
        # "The report made eight recommendations. ... The Commissioner asked councils to:" still leads)
        last = _LAST_SENTENCE.split(flat)[-1]
        said = last if seg.kind is Kind.reply and _OWN_VOICE_LEAD.search(last) else flat
        lead_in = ((bool(rules.lead_in.search(said)) and (tail.endswith(":") or _LEADS_ON.search(tail))
                    and not rules.lead_in_not.search(flat) and not _ACTION_LEAD.search(tail))
                   # "To the Trust:" over the concerns sent to it
                   or bool(addressee is not None and seg.kind is Kind.letter and addressee.match(joined))
                   # "By 30 June 2025, the force should:" under a "Recommendations" heading, or in a
                   # letter's open list ("I recommend that:", then "Within one month, the Council should:")
                   or (tail.endswith(":") and bool(MODAL.search(tail))
                       and (list_heading or (seg.kind is Kind.letter and (lead_in or last_item is not None))))
                   # "The MATTERS OF CONCERN are as follows. Concerns 1 to 3 are for ...": the form's
                   # lead, though a sentence saying where the concerns go follows it
                   or bool(_AS_FOLLOWS.search(joined) and seg.kind is Kind.letter)
                   or _opens_list(joined, blocks[bi + 1:bi + 3], seg.kind, rules, addressee))
        if lead_in and _OTHER_LIST.match(clean(b.lines[-1].text) or ""):
            lead_in = False  # (or ends its block, where PDF text leaves no blank line under it)

        if lead_in:
            last_item, point_after = None, ""
            led_by = bi
            concern_lead = bool(_CONCERN_LEAD.search(flat)) \
                or (concern_lead and addressee is not None and bool(addressee.match(joined)))
        for li, ln in enumerate(b.lines):
            nxt = b.lines[li + 1] if li + 1 < len(b.lines) else None  # where PDF text wraps a reference
            low = ln.text.lower()
            # "Paragraph 3.4: The University should ...": a recommendation numbered by the report's paragraph
            first = _BY_PARAGRAPH.match(clean(ln.text) or "") if low.lstrip(" *#_").startswith("paragraph") else None
            if first and (not MODAL.search(first.group("text")) or _ANSWER_START.match(first.group("text"))):
                first = None
            if not first:
                if seg.kind is Kind.reply and ("the " in low or "ly, that " in low):
                    refs.extend(elided_refs(text, b, ln, rules, seg.start))
                if not _KEYWORD_HINT.search(low) and not (nxt and _KEYWORD_HINT.search(nxt.text[:24].lower())) \
                        and not (short and any(f"{c}{d}" in ln.text or f"{c}-{d}" in ln.text
                                               for c in short for d in "0123456789")) \
                        and not (hyphened and bare_codes(hyphened).search(ln.text)):
                    continue  # most lines name no recommendation; skip the patterns (PDF text may wrap its noun)
                first = _LABEL_FIRST.match(clean(ln.text) or "")
            if first:  # Treasury Minutes: "1a. PAC recommendation: The Department should ..."
                lab = first.group("num")
                off = label_offset(ln.text, lab)
                refs.append(Ref(lab, leading_number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                                True, False, True, clean_text(first.group("text"))))
                continue
            stated = rules.stated_heading.match(clean(ln.text) or "")
            if stated is None and (seg.kind is not Kind.reply or _quoted_beside(ln.text)):
                # (in a reply's table the column beside the label is its answer: "Recommendation 2   Accepted";
                # but a paper set in two columns quotes it there: "Recommendation 3      HSE should review ...")
                stated = rules.stated_heading.match(clean(_COLUMN_GAP.sub(": ", ln.text.strip(), 1)) or "")
            if stated and (_ANSWER_START.match(stated.group("text")) or (
                    seg.kind is Kind.reply and (_REPLY_VOICE.search(stated.group("text"))
                                                or _OWN_VOICE.match(stated.group("text")))
                    and not MODAL.search(stated.group("text")))):
                # "Recommendation 1: We accept this ..." states the answer, not the recommendation (and so does
                # "Concern 3: We are reviewing how ... and will decide ...", in the writer's own voice)
                stated = None
            for m in rules.inline.finditer(text, ln.start, ln.end):
                raw_tail = text[m.end(): b.end]
                rec_text = sent_to = None
                if stated:
                    rec_text = clean_text(_statement(_wrapped_on(stated.group("text"), b, ln, rules.stated_heading)))
                    if seg.kind is not Kind.reply and rec_text and len(rec_text.split()) <= TITLE_TEXT_WORDS \
                            and len(b.lines) == 1 and bi + 1 < len(blocks) and is_prose(blocks[bi + 1].text):
                        # "### Action 2: forecasting" over what it asks: the title and the paragraph under it
                        rec_text = f"{rec_text}: {clean_text(' '.join(blocks[bi + 1].text.split()))}"
                    if stated.group("mid").lstrip().startswith("("):
                        # "Recommendation 4 (Care Inspectorate Wales): Make ...": the body it is sent to, as
                        # a concern that opens with its body in brackets has it
                        rec_text = f"{stated.group('mid').strip()} {rec_text}"
                    elif seg.kind is not Kind.reply and (sent := _titled_to(stated, b, ln, rules)) is not None:
                        sent_to, rec_text = sent
                else:
                    pm = rules.parenthetical.match(clean(raw_tail) or "") or rules.that_clause.match(raw_tail)
                    if pm:
                        rec_text = clean_text(pm.group("text"))
                labels = expand(m.group("nums"), rules)
                # "Recommendations 5" / "and 6 are addressed to ...": a range the PDF wrapped after its first number
                wrapped = _WRAPPED_NUMS.match(text, ln.end + 1) if not text[m.end():ln.end].strip() else None
                if wrapped is not None and ln.end + 1 < b.end and len(labels) == 1 \
                        and re.search(r"s\s*$", text[m.start():m.start("nums")]):  # "Recommendations 5": plural
                    labels = expand(f"{m.group('nums')} {wrapped.group('join')} {wrapped.group('num')}", rules)
                quote = None
                each: list[str | None] = [None] * len(labels)
                body = _heading_body(ln.text, m) if not stated and seg.kind is not Kind.reply else None
                if not stated and (body or _bare_heading(ln.text, m, seg.kind is not Kind.reply)):
                    quote, q_text = _quoted_after(text, blocks, bi, ln, seg.kind is Kind.letter)
                    rec_text = rec_text or q_text if body is None else q_text and f"({body}) {q_text}"
                    if quote is not None and len(labels) > 1 and (grouped := _quoted_in_turn(text, blocks, bi, quote,
                                                                                            len(labels))):
                        quote, each = grouped
                if len(labels) == 1:
                    each = [rec_text]
                for lab, own_text in zip(labels, each):
                    refs.append(Ref(lab, leading_number(lab), m.start(), m.end(), b.start, b.end,
                                    anchored(text, b, m.start()), is_heading(b) or quote is not None,
                                    bool(stated) or quote is not None, own_text, quote, addressee=sent_to))
            refs.extend(_wrapped_keyword(text, b, ln, nxt, rules))
            refs.extend(word_refs(text, b, ln, rules, nxt))
            refs.extend(paragraph_refs(text, b, ln, rules, seg.kind is Kind.reply))
            refs.extend(coded_refs(text, b, ln, hyphened))
            if by_letter:
                refs.extend(lettered_concern_refs(text, b, ln, seg.kind is Kind.reply))
            if short:
                refs.extend(short_refs(text, b, ln, rules, short))
        after_statement = any(r.stated for r in refs if r.block_start == b.start)
        if after_statement:
            lead_in = True
    if seg.kind is Kind.reply:
        refs = _tagged_quotes(text, blocks, refs)
        refs = _inline_parts(text, seg, refs)
        refs = _lettered_answers(text, refs)
        refs = _quoted_parts(text, seg, refs)
    refs = _jointly_titled(refs)
    if groups:
        refs = [dataclasses.replace(r, addressee=groups[r.number]) if r.number in groups and r.addressee is None
                else r for r in refs]
    if (seg.form is Form.report or seg.kind is Kind.letter) and addressee is not None:
        refs = _by_addressee(text, blocks, refs, addressee)
    if seg.form is Form.report or seg.kind is Kind.letter:
        refs = _points_sent_with(_assigned(text, seg, _coded_items(text, seg, _lettered_parts(text, seg, refs)), rules))
    elif seg.kind is Kind.reply:
        # (a reply's annex may list them under their codes as the report did, each over its answer)
        refs = _said_sent(text, seg, _coded_items(text, seg, refs), rules)
        refs = _paragraphs_cited(text, blocks, refs)
        refs = _without_menu(text, refs)
        refs = _without_own_numbers(text, own, refs)
        refs = _without_action_numbers(text, refs)
    if seg.kind is Kind.letter and not any(r.stated for r in refs):
        found = _intent_items(text, seg) or _recommending_paragraphs(text, blocks) or _bold_paragraphs(text, seg) \
            or _counted_paragraphs(blocks, rules)
        refs = sorted(refs + found, key=lambda r: r.start)
    # ("5<tab>CORONER’S CONCERNS": the form's heading in capitals, read as an item of a tab-set list, is none;
    # nor the letter's own closing paragraphs, "4.1 Please send us your responses ...")
    refs = [r for r in refs if not (r.stated and seg.kind is Kind.letter
                                    and (_CAPS_HEADING.match((r.text or "x").split("\n")[0])
                                         or _CLOSING_ASK.match(r.text or "")))]
    if (concerns or seg.kind is Kind.letter) and not any(r.stated for r in refs):
        # the form's own sections ("6 ACTION SHOULD BE TAKEN") mark a coroner's report in any layout,
        # whose unnumbered paragraphs under "The MATTERS OF CONCERN are as follows." are its concerns
        # (in text copied from a PDF viewer, with no blank line between, the sections' lines run on in one
        # block: "6 ACTION SHOULD BE TAKEN In my opinion ...")
        form = seg.form is Form.report or any(FORM_SECTION.match(clean(b.lines[0].text) or "") for b in blocks) \
            or sum(1 for b in blocks for ln in b.lines if FORM_SECTION.match(clean(ln.text) or "")) >= FORM_SECTIONS
        unnumbered = (_labelled_items(blocks) if seg.kind is Kind.letter else []) \
            or bulleted_concerns(blocks, paragraphs=form) or concerned_lines(blocks) \
            or (titled_concerns(blocks) or ordinal_concerns(blocks) or tagged_concerns(blocks)
                or paragraph_concerns(blocks) if form else [])
        filled = filled_concerns(blocks) if form and not unnumbered else []
        without = refs  # (as they were, should the concerns counted by their lines not stand)
        refs = sorted(refs + unnumbered + filled, key=lambda r: r.start)
        if unnumbered and addressee is not None and not any(r.addressee for r in refs):
            refs = _by_addressee(text, blocks, refs, addressee)  # ("To North Yorkshire Police:" over its bullets)
        if (unnumbered or filled) and not any(r.addressee for r in refs) \
                and (seg.form is Form.report or seg.kind is Kind.letter):
            refs = _assigned(text, seg, refs, rules)  # (the sentence that says whom they are for, read again)
        if filled and not _sent_to_named(text[seg.start:filled[0].start], [r for r in refs if r.text and r.stated]):
            # (concerns told apart only by their lines' lengths stand where the allocation that counts them
            # sends each to a body the report named: "the practice", where the report names "Willowbank
            # Surgery", leaves the reply that is the practice's to answer what it names, as before)
            refs = without
    refs = _also_directed(refs)
    if seg.kind is Kind.letter:
        refs = _within_set_out(text, seg, refs, rules)
    if seg.kind is Kind.reply:
        refs = _linked_rows(text, refs)
    # ("concerns 3(a) and 3(b) to Stannard" names the points the report sets out as 3a and 3b)
    written = {norm_label(r.label): r.label for r in refs if r.stated}
    refs = [dataclasses.replace(r, label=written[k]) if not r.stated and (k := norm_label(r.label)) in written
            and written[k] != r.label else r for r in refs]
    # ("### R9: follow-up review" in a paper that lists "Recommendation 9": its 9, "R" only a short form)
    plain = {r.label for r in refs if r.label.isdigit()}
    refs = [dataclasses.replace(r, label=r.label[1:]) if r.label[:1] == "R" and r.label[1:] in plain else r for r in refs]
    return [dataclasses.replace(r, conclusion=True) if _is_conclusion(r.text) else r for r in refs]


# a determination that says which of its numbered paragraphs are its recommendations: "I make the
# recommendations set out at paragraphs [25] to [29] of the Note below" (a sheriff's, whose Note numbers
# every paragraph alike)
_SET_OUT_AT = re.compile(r"\brecommendations?\s+(?:(?:are|is)\s+)?(?:set\s+out|made|contained)\s+(?:at|in)\s+"
                         r"paragraphs?\s+(?P<nums>\[?\d{1,3}\]?(?:\s*(?:,|and|to|-|–)\s*\[?\d{1,3}\]?)*)"
                         # (not another document's: "the inspector's recommendations set out at paragraph 4 of her
                         # letter")
                         r"(?!\s+of\s+(?:her|his|its|their|the|this|that)\s+(?!note\b|determination\b)\w)", re.I)


def _within_set_out(text: str, seg: Segment, refs: list[Ref], rules: RecRules) -> list[Ref]:
    """Only the paragraphs the report says are its recommendations, where it says so and sets them out;
    the Note's other numbered paragraphs ("[1] This inquiry was held ...") recommend nothing. A kept
    paragraph that lists its recommendations as items ("[84] I make the following recommendations ...:"
    over "(1) ...", "(6) ...") is those items."""
    said = _SET_OUT_AT.search(unwrap(text[seg.start:seg.end]))
    if said is None:
        return refs
    keep = set(expand(re.sub(r"[\[\]]", "", said.group("nums")), rules))
    paragraphs = sorted(r.start for r in refs if r.stated and text[r.start - 1:r.start] == "[")
    kept = [r for r in refs if r.stated and r.label in keep and r.start in paragraphs]
    if not kept:
        return refs

    # (each kept paragraph runs to the next paragraph)
    spans = [(p.start, next((x for x in paragraphs if x > p.start), seg.end)) for p in kept]

    def inside(r: Ref) -> bool:  # an item of a kept paragraph
        return any(a < r.start < z for a, z in spans)
    listed = {p.start for p in kept if any(r.stated and r.start not in paragraphs and inside(r) for r in refs)}
    if not listed:
        return [r for r in refs if not r.stated or r.start not in paragraphs or r.label in keep]
    return [r for r in refs if not r.stated or (r.start not in paragraphs and inside(r))
            or (r.start in paragraphs and r.label in keep and r.start not in listed)]


# "Recommendation: Police Scotland should report BWV activation rates by division ...": a letter's
# recommendation with no number of its own, set among its prose under a theme
_LABELLED_ITEM = re.compile(r"^\W{0,4}recommendation\s*:\s*(?P<text>\S.*)$", re.I)
LABELLED_MIN = 2  # such recommendations a letter sets out before they are counted 1..n
LABELLED_LINES = 8  # lines one may run to before its full stop


# an action log's row naming what it answers: "Linked concern: 2(a)", "Related recommendation: 4 and 5"
_LINKED_LIST = r"\d{1,2}(?:\s*\(?[a-h]\)?)?"  # "1", "2(a)", "2 (b)"
_LINKED = re.compile(r"^[ \t]*(?:linked|related|relevant)\s+(?:to\s+)?"
                     r"(?:concerns?|recommendations?|matters?\s+of\s+concern)\s*(?:no\.?\s*)?[:\t]\s*"
                     rf"(?P<list>{_LINKED_LIST}(?:\s*(?:,|and|&)\s*{_LINKED_LIST})*)\s*$", re.I | re.M)
LINKED_LINES = 3  # lines under a row's code, at most, to the line that links it


def _linked_rows(text: str, refs: list[Ref]) -> list[Ref]:
    """A reply's action log, its rows under its own codes ("SA3  Give MSK clinicians a route to request
    D-dimer" / "Linked concern: 2(a)" / "Status: Partially complete" ...): each row answers the concern it
    links to, not a recommendation of its code's. A row linked to none ("Linked concern: –") keeps its
    code, which the letter never set out."""
    out: list[Ref] = []
    for r in refs:
        # (its code opens its line: rows with no blank line between them are one paragraph)
        at_line = not text[text.rfind("\n", 0, r.start) + 1:r.start].strip()
        if not at_line or r.label.isdigit() or not re.fullmatch(r"[A-Z]{1,4}\d{1,2}", r.label):
            out.append(r)
            continue
        eol = text.find("\n", r.start)
        below = text[eol + 1:r.block_end] if eol >= 0 else ""
        m = _LINKED.search("\n".join(below.split("\n")[:LINKED_LINES]))
        if m is None:
            out.append(r)
            continue
        for part in re.findall(_LINKED_LIST, m.group("list")):
            label = re.sub(r"[\s()]", "", part)
            out.append(dataclasses.replace(r, label=label, number=leading_number(label), stated=False, text=None))
    return out


def _labelled_items(blocks: list[Block]) -> list[Ref]:
    """A letter's unnumbered "Recommendation: ..." paragraphs, counted 1..n in order, each up to
    its first full stop at a line's end (in text with no blank lines the letter's prose runs on)."""
    lines = [ln for b in blocks for ln in b.lines]
    # (each asks something: not a form's "Recommendation: none.")
    starts = [k for k, ln in enumerate(lines) if (m := _LABELLED_ITEM.match(clean(ln.text) or ""))
              and (MODAL.search(m.group("text")) or MODAL.search(lines[k + 1].text if k + 1 < len(lines) else ""))]
    if len(starts) < LABELLED_MIN:
        return []
    out = []
    for n, k in enumerate(starts, 1):
        upto = next((x + 1 for x in range(k, min(len(lines), k + LABELLED_LINES))
                     if _SENTENCE_END.search(lines[x].text) or (x + 1 < len(lines) and x + 1 in starts)), k + 1)
        words = _LABELLED_ITEM.match(clean(" ".join(ln.text for ln in lines[k:upto])) or "")
        ln = lines[k]
        out.append(Ref(str(n), n, ln.start, ln.start, ln.start, lines[upto - 1].end, True, False, True,
                       words.group("text") if words else None, None, None, True))
    return out


# a concern sent to a second body in its own words: "This concern is also directed to Thornbury Vale District
# Council, which enforces ..."
_ALSO_DIRECTED = re.compile(r"\bthis\s+(?:concern|matter|recommendation)\s+is\s+also\s+(?:directed|addressed|sent)\s+to\s+"
                            r"(?P<who>(?:the\s+)?(?-i:[A-Z])[\w&'’-]*(?:\s+(?:(?:of|for|and|the|&)\s+)?(?-i:[A-Z])[\w&'’-]*){0,7})", re.I)


def _also_directed(refs: list[Ref]) -> list[Ref]:
    """A stated concern whose words send it to another body too is that body's as well as its own."""
    out = []
    for r in refs:
        m = _ALSO_DIRECTED.search(r.text or "") if r.stated and r.addressee else None
        out.append(dataclasses.replace(r, addressee=f"{r.addressee} and {m.group('who')}") if m else r)
    return out


# "2.4    We recommend that the Department bring forward legislation ...": a committee's letter that
# numbers its paragraphs and recommends in some of them, the paragraph's number its label
# (after a clause or not: "2.4 In the light of this evidence, we recommend that ...", "3.2 The Sub-Committee
# recommends", "2.3 We would recommend"; not "We recommended" in an earlier letter)
# (or tagged so: "3.4<tab>Recommendation: Scottish Water should publish a quarterly dashboard ...")
_RECOMMENDING_PARAGRAPH = re.compile(
    r"^\W{0,4}(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?:(?:[A-Z][^.\n]{0,80}?,\s+)?(?:(?i:we|I)|(?:The|the)\s+"
    r"(?:[A-Z][\w-]*\s+){0,3}?(?:Committee|Sub-Committee|Panel|Inquiry|Review|Commission(?:er)?|Group|Board|"
    r"Ombudsman))\s+"
    r"(?:(?:would|therefore|also|further|strongly|now)\s+)*recommends?\b|(?i:recommendation)\s*:(?=\s+\S))"
    r"(?P<text>.*)$")
_DECIMAL_PARAGRAPH = re.compile(r"^\W{0,4}(?P<num>\d{1,2}\.\d{1,2})\.?\s+[A-Z]")
_ADVICE_SECTION = re.compile(r"^\W{0,4}(?P<n>\d{1,2})\.?\s+(?:(?:the\s+)?(?:panel|committee|board)['’]s\s+|our\s+)?"
                             r"(?:advice|recommendations)\s*$", re.I)
_SHOULD = re.compile(r"\b(?:should|must)\b")
NUMBERED_PARAGRAPHS = 4  # paragraphs a letter numbers "2.1", "2.2", at least, for its numbers to be labels
FORM_SECTIONS = 2  # of the form's own section titles inside its lines, at least, to mark a coroner's report


# an accident investigation report's recommendation: "2 The intent of this recommendation is to ensure ...",
# then "Whistlecombe Valley Railway should:" over its parts "a) brief all ..." and "b) establish ..."
_INTENT_ITEM = re.compile(r"^[ \t\f]*(?P<num>\d{1,2})[ \t]+the intent of this recommendation is\b", re.I | re.M)
_INTENT_PART = re.compile(r"^[ \t]*\(?(?P<part>[a-h])\)[ \t]+\S", re.M)
_INTENT_WHO = re.compile(r"^[ \t]*(?P<who>(?-i:[A-Z])[^.\n]{2,80}?)\s+should\b", re.M)
# what ends the last of them: the report's learning points, or its next numbered paragraph ("126 RAIB has ...")
_INTENT_END = re.compile(r"^[ \t\f]*(?:learning points|observations?\b|\d{3}[ \t])", re.I | re.M)


def _intent_items(text: str, seg: Segment) -> list[Ref]:
    """A rail, marine or air accident report's recommendations, each numbered over "The intent of this
    recommendation is ...", then whom it asks ("The Heritage Railway Association should ..."): each a
    recommendation sent to that body, its lettered parts ("a) brief ...", "b) establish ...") each one of
    its own ("2a", "2b"), as the replies answer them."""
    items = list(_INTENT_ITEM.finditer(text, seg.start, seg.end))
    out: list[Ref] = []
    for k, m in enumerate(items):
        end = items[k + 1].start() if k + 1 < len(items) else seg.end
        if (stop := _INTENT_END.search(text, m.end(), end)) is not None:
            end = stop.start()
        num = m.group("num")
        who = _INTENT_WHO.search(text, m.end(), end)
        sent = " ".join(who.group("who").split()) if who else None
        parts = list(_INTENT_PART.finditer(text, who.end() if who else m.end(), end))
        if len(parts) < 2:
            out.append(Ref(num, int(num), m.start("num"), m.end("num"), m.start(), end, True, False, True,
                           clean_text(" ".join(text[m.start("num") + len(num):end].split())), addressee=sent))
            continue
        for j, p in enumerate(parts):
            upto = parts[j + 1].start() if j + 1 < len(parts) else end
            out.append(Ref(f"{num}{p.group('part')}", int(num), p.start("part"), p.end("part"), p.start(), upto,
                           True, False, True, clean_text(" ".join(text[p.end("part") + 1:upto].split())),
                           addressee=sent))
    return out


# a letter that says its recommendations stand out in type its text has lost: "Our recommendations are shown in
# bold.", "Our conclusions and recommendations are printed in bold type"
_IN_BOLD = re.compile(r"\brecommendations\s+(?:are|appear)\s+(?:(?:shown|printed|set\s+out|highlighted)\s+)?"
                      r"in\s+bold\b", re.I)
# its numbered paragraph that recommends: "12. We recommend that the Government publish ...", "17. The
# Government should seek to negotiate ..." (not "6. We heard ... which professions should be prioritised")
_BOLD_PARAGRAPH = re.compile(r"^\W{0,4}(?P<num>\d{1,3})\.[ \t]+(?:(?:We|I)\s+(?:(?:would|therefore|also|further|"
                             r"strongly)\s+)*recommend\b|(?:The|the)\s+[A-Z][\w’'-]*"
                             r"(?:\s+(?:[A-Z][\w’'-]*|of|for|and)){0,5}\s+(?:should|must)\b)")


def _bold_paragraphs(text: str, seg: Segment) -> list[Ref]:
    """The numbered paragraphs that recommend in a letter whose recommendations "are shown in bold": the
    bold is lost as text, the paragraph number labels each, as FORMAT.md keys a report's recommendations
    numbered by paragraph. A paragraph runs to the next numbered one."""
    if not _IN_BOLD.search(text, seg.start, seg.end):
        return []
    lines = split_lines(text, seg.start, seg.end)
    numbered = [k for k, ln in enumerate(lines) if re.match(r"\W{0,4}\d{1,3}\.[ \t]+\S", ln.text)]
    out = []
    for n, k in enumerate(numbered):
        if not (m := _BOLD_PARAGRAPH.match(lines[k].text)):
            continue
        upto = numbered[n + 1] if n + 1 < len(numbered) else min(len(lines), k + BOLD_LINES)
        upto = next((x for x in range(k + 1, upto) if not lines[x].text.strip()), upto)  # (or a blank line)
        ln, lab = lines[k], m.group("num")
        off = label_offset(ln.text, lab)
        words = clean_text(" ".join(" ".join(x.text for x in lines[k:upto]).split()))
        out.append(Ref(lab, int(lab), ln.start + off, ln.start + off + len(lab), ln.start, lines[upto - 1].end,
                       True, False, True, words[words.find(lab) + len(lab):].lstrip(". ") if words else words))
    return out if len(out) >= 2 else []


BOLD_LINES = 8  # lines the last recommending paragraph runs to, at most, where no numbered one follows


# a letter's count of the recommendations it sets out under it: "We make seven recommendations, which are set
# out below.", "The Panel makes the following five recommendations:"
_COUNTED_BELOW = re.compile(r"\b(?:we|i|the\s+(?:report|review|panel|group|committee|board|inspection|inquiry))\s+"
                            r"(?:make|makes|made|have\s+made|has\s+made|set\s+out|sets\s+out)\s+(?:the\s+following\s+)?"
                            r"(?P<count>\d{1,2}|[a-z]+)\s+recommendations\b"
                            r"(?:[^.]{0,60}?\b(?:below|as\s+follows)\b|\s*:)", re.I)


def _counted_paragraphs(blocks: list[Block], rules: RecRules) -> list[Ref]:
    """A letter whose list lost its numbers (Word's automatic numbering, gone as text): where it says how
    many it makes and just that many paragraphs under the count each say what someone "should" do, each
    is a recommendation, counted 1..n in order as the reply numbers them."""
    for k, b in enumerate(blocks):
        m = _COUNTED_BELOW.search(" ".join(b.text.split()))
        if m is None:
            continue
        count = m.group("count").lower()
        n = int(count) if count.isdigit() else rules.number_words.get(count, 0)
        items = blocks[k + 1:k + 1 + n]
        if n < 2 or len(items) < n or not all(is_prose(x.text) and _SHOULD.search(x.text) for x in items) \
                or any(re.match(r"\W{0,4}(?:\d{1,2}|[a-z])[.)]\s", x.lines[0].text) for x in items):
            continue
        return [Ref(str(j), j, x.start, x.start, x.start, x.end, True, False, True,
                    clean_text(" ".join(x.text.split())), None, None, True) for j, x in enumerate(items, 1)]
    return []


def _recommending_paragraphs(text: str, blocks: list[Block]) -> list[Ref]:
    """The paragraphs of a letter numbered "1.1", "1.2", ... that recommend ("2.4 We recommend that
    ..."), each labelled by its number as FORMAT.md keys a report's recommendations numbered by
    paragraph (its other paragraphs, findings and next steps, recommend nothing)."""
    firsts = [(b, clean(b.lines[0].text) or "") for b in blocks]
    if sum(1 for _, line in firsts if _DECIMAL_PARAGRAPH.match(line)) < NUMBERED_PARAGRAPHS:
        return []
    # (or any that asks "should" in a section headed as the writer's advice: "3<tab>Advice" over "3.2 The
    # Secretary of State should ask NHS England to ...")
    advice = {m.group("n") for _, line in firsts if (m := _ADVICE_SECTION.match(line))}
    out = []
    for b, line in firsts:
        m = _RECOMMENDING_PARAGRAPH.match(line)
        if m is None and (d := _DECIMAL_PARAGRAPH.match(line)) and d.group("num").split(".")[0] in advice \
                and _SHOULD.search(" ".join(ln.text for ln in b.lines)) \
                and not READ_WITH.match(line[d.end("num"):].lstrip(". ")):  # ("3.1 This advice should be read with ...")
            m = d
        if m is None:
            continue
        lab = m.group("num")
        ln = b.lines[0]
        off = label_offset(ln.text, lab)
        words = clean_text(" ".join(" ".join(x.text for x in b.lines).split()))
        words = words[words.find(lab) + len(lab):].lstrip(". ") if words else words
        out.append(Ref(lab, leading_number(lab), ln.start + off, ln.start + off + len(lab), b.start, b.end,
                       True, False, True, words))
    return out if len(out) >= 2 else []


# "... before each phase of mandation begins. (Paragraph 47)": one paragraph's tag closing a quote
_ONE_TAG = re.compile(r"\(\s*paragraph\s+(?P<num>\d{1,3}(?:\.\d{1,3})?)\s*\)[\W_]*$", re.I)
_QUOTE_MARK = re.compile(r"^[>\s]+")
QUOTED_WORDS = 8  # words a quoted recommendation has, at least
TAGGED_MIN = 2  # quotes so tagged, at least, for a paper to be keying its recommendations by the tag


# a quoted recommendation's lettered parts run on in its sentence: "(a) NI Water should agree ...; and (b)
# the Committee notes ...", "NI Water should: (a) publish ...; (b) install ...; and (c) publish ..."
_INLINE_PART = re.compile(r"(?:^|(?<=[:;,]\s)|(?<=[:;,]\s\s)|(?<=\band\s)|(?<=\bor\s)|(?<=\n))[ \t]*\((?P<letter>[a-h])\)\s+(?=\S)")
PART_WORDS = 3  # words a part says, at least
_ASKS_PARTS = re.compile(r"\b(?:should|must|shall|to)\s*:?\s*$", re.I)
# a response paper's answer to one part: "Response to 2(a):", "Response to recommendation 4(b): Accepted"
_PART_ANSWER = re.compile(r"^\W*(?:[\w’'-]+\s+)?response\s+to\s+(?:recommendation\s+)?(?P<num>\d{1,3})\s*\(?(?P<letter>[a-h])\)?\s*:",
                          re.I | re.M)
# or by its letter alone, under the recommendation's answer: "7.<spaces>On part (a), the Model Services Contract ..."
_ON_PART = re.compile(r"^[ \t]*(?:\d{1,3}\.?[ \t]+)?on\s+part\s+\((?P<letter>[a-h])\)\s*[,:]", re.I | re.M)


# or by its number and letter, opening the paragraph that answers it: "Response: On 3(a), we will adopt ...",
# "On 3(b), we will report ..."
_ON_NUMBERED_PART = re.compile(r"^\W*(?:(?:[\w’'-]+\s+)?response\s*:\s*)?on\s+(?:recommendation\s+)?"
                               r"(?P<num>\d{1,3})\s*\((?P<letter>[a-h])\)\s*[,:]", re.I | re.M)


def _part_answers(text: str, seg: Segment, refs: list[Ref]) -> list[tuple[str, str, int, int, int]]:
    """Each answer a response paper gives one lettered part: (number, letter, label's start, its end,
    the answer line's start), by "Response to 2(a):" or, under the recommendation's own answer, "On
    part (a), ..."."""
    out = [(m.group("num"), m.group("letter").lower(), m.start("num"), m.end("letter"), m.start())
           for pattern in (_PART_ANSWER, _ON_NUMBERED_PART) for m in pattern.finditer(text, seg.start, seg.end)]
    stated = [r for r in refs if r.stated and r.label.isdigit()]
    for m in _ON_PART.finditer(text, seg.start, seg.end):
        owner = max((r for r in stated if r.start < m.start()), key=lambda r: r.start, default=None)
        if owner is not None:
            out.append((owner.label, m.group("letter").lower(), m.start("letter") - 1, m.end("letter") + 1, m.start()))
    return out


def _points_sent_with(refs: list[Ref]) -> list[Ref]:
    """A concern's numbered points go where the concern goes: "2. (Ministry of Defence) Support after
    discharge:" over "2.1 Contact from his unit welfare officer ..." and "2.2 ...", which name no body."""
    heads = {r.label: r for r in refs if r.addressee and r.text and r.label.isdigit()
             and (r.text.rstrip().endswith(":") or len(r.text.split()) <= TITLE_TEXT_WORDS + 4)}
    return [dataclasses.replace(r, addressee=head.addressee)
            if r.addressee is None and (m := re.fullmatch(r"(\d{1,3})\.\d{1,3}", r.label))
            and (head := heads.get(m.group(1))) is not None and head.start < r.start else r for r in refs]


# a reply's answer to one lettered part, at its line's start: "(a) V1P Lanbrae already covers ...", under
# its recommendation's label alone on its line ("Rec 6", "**Recommendation 6**")
_PART_LINE = re.compile(r"[ \t]*\((?P<letter>[a-h])\)[ \t]+\S")
# a numbered answer's title alone on its line: "3.   Deadlegs and pipework survey."
_NUMBERED_HEAD = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+[A-Z][^.:;\n]{0,60}\.?[ \t]*$")
PART_SPAN_LINES = 40  # lines, at most, that a heading's lettered parts run to
_ITEM_OR_LABEL = re.compile(r"^[ \t]*(?:\d{1,2}[.)][ \t]|(?:recommendation|concern)s?\b)", re.I)


def _parts_under(text: str, at: int) -> list[tuple[re.Match[str], int, int]]:
    """The lettered parts "(a) ...", "(b) ..." in turn from ``at``, each with its start and the end of its last
    line: a part runs on over the lines straight under it, up to the next part, which a blank line or a page's
    foot may stand before; the parts end at the next numbered item or label, or before any part."""
    out: list[list] = []
    want, gap = "a", False
    for _ in range(PART_SPAN_LINES):
        if at >= len(text):
            break
        nl = text.find("\n", at)
        nl = len(text) if nl < 0 else nl
        line = text[at:nl]
        if not line.strip(" \t\f"):
            gap = True
        elif (m := _PART_LINE.match(text, at)) and m.group("letter") == want:
            out.append([m, at, nl])
            want, gap = chr(ord(want) + 1), False
        elif not out or m or _ITEM_OR_LABEL.match(line):  # (m: a part out of turn)
            break
        elif not gap:
            out[-1][2] = nl  # (the part's next line)
        at = nl + 1
    return [(m, a, z) for m, a, z in out]


def _lettered_answers(text: str, refs: list[Ref]) -> list[Ref]:
    """A reply's heading "Rec 6" alone on its line (or with its title, or a numbered title: "3.   Deadlegs and
    pipework survey.") over "(a) ..." and "(b) ..." answers the recommendation's parts one by one: each part,
    to the next, is the answer to its part ("6a", "6b"), which the link stage keys as the report does (the
    report's "6" asking "(a) ensure ...; and (b) publish ...")."""
    out = list(refs)
    for r in refs:
        start, end = text.rfind("\n", 0, r.start) + 1, text.find("\n", r.end)
        # (or with its title: "Recommendation 3 – Registration")
        line = text[start:end]
        if not r.label.isdigit() or end < 0 or len(re.findall(r"\d+", line)) != 1 or not (
                BARE_LABEL.match(line) or _LABEL_TITLE.match(line) or _NUMBERED_HEAD.match(line)):
            continue
        parts = _parts_under(text, end + 1)
        parts = [Ref(f"{r.label}{m.group('letter')}", r.number, m.start("letter") - 1, m.end("letter") + 1, at, upto,
                     True, True, False) for m, at, upto in parts]
        if len(parts) >= 2:
            out = [x for x in out if x is not r] + parts  # (the label over them answers nothing of its own)
    return sorted(out, key=lambda r: r.start)


# a part quoted on a line of its own in an e-mail that answers under each: "> (b) extend the Cyber ..."
_QUOTED_PART = re.compile(r"[ \t]*>[ \t]*\((?P<letter>[a-h])\)[ \t]+(?P<text>\S.*)")
_QUOTED_ITEM_LINE = re.compile(r"[ \t]*>[ \t]*\d{1,2}[.)][ \t]+\S")


def _quoted_parts(text: str, seg: Segment, refs: list[Ref]) -> list[Ref]:
    """A reply that quotes a recommendation set off by ">" ("> 4. The Department ... should:") and its
    lettered parts one at a time, its answer under each ("> (a) fund ...", "DSIT RESPONSE: ...", "> (b)
    extend ...", "DSIT RESPONSE: ..."): each part is a recommendation of its own ("4a", "4b"), its quote
    opening its answer; the whole is no longer one."""
    out = list(refs)
    for r in refs:
        start = text.rfind("\n", 0, r.start) + 1
        if not (r.stated and r.label.isdigit() and text[start:r.start].lstrip().startswith(">")):
            continue
        nxt = min((x.start for x in refs if x.start > r.end and x.label != r.label), default=seg.end)
        parts, want = [], "a"
        for ln in split_lines(text, r.end, nxt):
            if _QUOTED_ITEM_LINE.match(ln.text):
                break  # the next recommendation quoted
            if (m := _QUOTED_PART.match(ln.text)) and m.group("letter") == want:
                at = ln.start + m.start("letter") - 1
                parts.append(Ref(f"{r.label}{want}", r.number, at, at + 3, ln.start, ln.end, True, True, True,
                                 clean_text(m.group("text"))))
                want = chr(ord(want) + 1)
        if len(parts) >= 2:
            out = [x for x in out if x is not r] + parts
    return sorted(out, key=lambda r: r.start)


PART_LOOKBACK = 400  # characters back from a quote's end in which its last lettered part opens
_NEXT_PART = re.compile(r"\n[ \t]*\n[ \t]*\((?P<letter>[a-h])\)[ \t]+\S")


def _parts_run_on(text: str, end: int, limit: int) -> int:
    """Where a quote whose lettered parts are set a paragraph each ends: "(a) ... training data; and",
    a blank line, "(b) the Government should legislate ..." runs on to the last part's paragraph (and
    from a lead-in of its own, "The Department should:", to its "(a)"; "and" may wrap to a line alone)."""
    while True:
        tail = " ".join(text[max(0, end - PART_LOOKBACK):end].split())
        m = re.search(r"\(([a-h])\)[^()]*$", tail)
        want = "a" if tail.endswith(":") else chr(ord(m.group(1)) + 1) \
            if m and tail.endswith((";", "; and", "; or", ",", ", and", ", or")) else None
        nxt = _NEXT_PART.match(text, end) if want else None
        if nxt is None or nxt.group("letter") != want:
            return end
        stop = text.find("\n\n", nxt.end())
        end = min(limit, stop if stop >= 0 else limit)


def _inline_parts(text: str, seg: Segment, refs: list[Ref]) -> list[Ref]:
    """A response paper's quoted recommendation whose lettered parts run on inside it, where the paper
    answers a part by its label ("Response to 2(a):"), or where each part asks a thing of its own
    ("should: (a) publish ...; (b) install ...; and (c) publish ..."): each part a recommendation of its
    own ("2a", "2b"), keyed as the reply answers it; the whole is no longer one."""
    parts = _part_answers(text, seg, refs)
    answered = {(num, letter) for num, letter, *_ in parts}
    out: list[Ref] = []
    for r in refs:
        span = r.quote or (r.end, r.block_end)
        if not r.stated or not r.label.isdigit() or span[1] <= span[0]:
            out.append(r)
            continue
        span = (span[0], _parts_run_on(text, span[1], seg.end))
        quoted = text[span[0]:span[1]]
        marks = list(_INLINE_PART.finditer(quoted))
        letters = [m.group("letter") for m in marks]
        if len(marks) < 2 or letters != list("abcdefgh"[:len(marks)]):
            out.append(r)
            continue
        ends = [m.start() for m in marks[1:]] + [len(quoted)]
        said = [clean_text(" ".join(quoted[m.end():e].split()).rstrip(" ;,").removesuffix(" and").removesuffix(" or"))
                for m, e in zip(marks, ends)]
        own = any((r.label, x) in answered for x in letters)
        # (each asked in turn: "NI Water should: (a) publish ...; (b) install ...", not examples of one
        # ask: "... consider options, such as: (a) extending ..., (b) allowing ...")
        asks = _ASKS_PARTS.search(quoted[:marks[0].start()]) is not None
        if any(len((w or "").split()) < PART_WORDS for w in said) or not (own or asks):
            out.append(r)
            continue
        for m, words in zip(marks, said):
            at = span[0] + m.start("letter")
            out.append(dataclasses.replace(r, label=f"{r.label}{m.group('letter')}", start=at, end=at + 1, text=words,
                                           quote=(span[0] + m.start(), span[1]), anchor=False))
    # each part's answer, under its own label
    for num, letter, at, upto, line in parts:
        lab = f"{num}{letter}"
        if any(r.label == lab for r in out):
            line_end = text.find("\n", line)
            out.append(Ref(lab, int(num), at, upto, line, line_end if line_end >= 0 else seg.end, True, True, False))
    return sorted(out, key=lambda r: r.start)


def _tagged_quotes(text: str, blocks: list[Block], refs: list[Ref]) -> list[Ref]:
    """A response that quotes the report's recommendations without numbers, each closed by the
    paragraph of the report it stands at ("HMRC should publish ... (Paragraph 47)"), as a Lords
    committee's report lists them: each quote is that recommendation, keyed by its paragraph, and
    the answer under it answers it. A quote that names another label, or does not recommend, is not;
    nor is any where the paper numbers its recommendations ("Recommendation 1" over the quote that
    ends "(Paragraph 18)"): the number is their label."""
    if any(r.stated for r in refs):
        return refs
    found = []
    for bi, b in enumerate(blocks):
        # (nor one under a line that names it: "On recommendation 1, the Committee said:")
        if any(b.start <= r.start < b.end or (bi and blocks[bi - 1].start <= r.start < blocks[bi - 1].end) for r in refs):
            continue
        words = [_QUOTE_MARK.sub("", clean(ln.text) or "") for ln in b.lines]  # ("> 74)_": a wrapped quote's line)
        m = _ONE_TAG.search(" ".join(words[-2:]))
        body = clean_text(PARAGRAPH_TAG.sub("", " ".join(words).strip("_* "))) or ""  # (no "_" of its italics)
        if m is None or len(body.split()) < QUOTED_WORDS:
            continue
        nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
        if not MODAL.search(body) and not (nxt is not None and _RESPONSE_HEAD.match(clean(nxt.lines[0].text) or "")):
            continue  # (a conclusion is one where the paper answers it: "Government response" under it)
        lab = m.group("num")
        at = text.rfind(lab, b.start, b.end)
        found.append(Ref(lab, leading_number(lab), at, at + len(lab), b.start, b.end, True, True, True, body))
    if len(found) < TAGGED_MIN:
        return refs
    taken = {r.label for r in refs}
    return sorted(refs + [r for r in found if r.label not in taken], key=lambda r: r.start)


# a committee report tags each numbered paragraph "(Conclusion, Paragraph 6)" or "(Recommendation, Paragraph 17)"
_TAG = re.compile(r"\(\s*(conclusion|recommendation)\s*,\s*paragraph\s+\d+\s*\)", re.I)


GROUP_HEAD_WORDS = 8  # words in a group's heading ("3. Funding and participation")


_GROUP_LEAD = re.compile(r"^\W*(?:recommendations?|concerns?)\s+(?:to|for)\s+(?=\S)", re.I)
_JOINT_GROUP = re.compile(r"\b(?:to|for)\s+(?P<who>(?:both|all|each)\b[\w ]{0,40}?)\W*$", re.I)


def _names_group(item: re.Match[str], rules: RecRules) -> bool:
    """A numbered heading that names its items as recommendations to a body, or to every one: "5.
    Recommendations to Harnshire Fire and Rescue Service", "6. Recommendation to both undertakers" (not
    "4. Recommendations for Future Work")."""
    words = item.group("text")
    return rules.lead_in.search(words) is not None and (
        _JOINT_GROUP.search(words) is not None or _ACRONYM_GROUP.match(words) is not None
        or (_GROUP_LEAD.match(words) is not None and _NAME_WORD.search(words) is not None))


# a group's heading that names its body by its initials, a topic after a colon or none: "2. Recommendations for the
# HSE: workforce and access", "3. Recommendations to the ICB"
_ACRONYM_GROUP = re.compile(r"^\W*(?:recommendations?|concerns?)\s+(?:to|for)\s+(?:the\s+)?(?-i:[A-Z]{2,6})(?::|\s*$)",
                            re.I)


def _heads_group(item: re.Match[str], b: Block, nxt: Block | None, named: bool = False) -> bool:
    """Whether a numbered line is the heading of a group of items numbered under it ("2. Education
    Authority" over "2.1", "2.2"): a whole number over a few words that ask nothing and end no
    sentence, the group's first item straight under it (its next line, or the next block's first),
    asking something as the list's items do (not "8. Publication" over "8.1 This report will be
    published ..."). A heading ``named`` as recommendations, after groups of them ("6. Recommendation
    to both undertakers" over "6.1 Agree and put in writing ..."), need not have its item ask in so
    many words: items in the imperative ask nothing MODAL sees."""
    num, words = item.group("num"), item.group("text")
    if "." in num or len(words.split()) > GROUP_HEAD_WORDS or MODAL.search(words) or sentence_end(words) \
            or _SECTION_NAME.match(words):
        return False
    under = b.lines[1] if len(b.lines) > 1 else (nxt.lines[0] if nxt is not None else None)
    first = re.match(rf"\W{{0,4}}{num}\.1\b\s*(?P<text>.*)", clean(under.text) or "") if under is not None else None
    # (asking something of the reader, not recommending: "3.1 You should send us your response by ...")
    return first is not None and (named or MODAL.search(first.group("text")) is not None) \
        and not _ASKS_REPLY.match(first.group("text")) and not _OWN_ASK.match(first.group("text"))


# a letter's own sections, numbered as its groups are: "3. Next steps", "4. Publication"
_SECTION_NAME = re.compile(r"(?:next steps|publication|responses?|background|findings?|conclusions?|introduction|"
                           r"summary|purpose|scope|method(?:ology)?|context|recommendations?)\W*$", re.I)
_OWN_ASK = re.compile(r"you\b|[^.]*\bshould have\b", re.I)


def _is_conclusion(text: str | None) -> bool:
    tags = _TAG.findall(text or "")
    return bool(tags) and tags[-1].lower() == "conclusion"


# a concern closed by the name of the body it is sent to, in brackets, as each of a report's may be;
# it must name a body ("(Nightjar Displays Ltd)"), not an acronym defined ("(CMHT)"), a person or a term
# (or in square brackets: "... before the first cycle of CPR. [North Calder Ambulance Service NHS Trust]")
# (or two, "[Westmere Community Health NHS Trust; Eastvale Fire and Rescue Service]": both)
# (or after "To:", as a form sets it: "(To: Meadowbank Surgery; the ICB)")
_CLOSING_BODY = re.compile(r"[(\[]\s*(?:[Ff]or\s*:?\s+|[Tt]o\s*:?\s+)?"
                           r"(?P<who>(?:the\s+)?[A-Z][\w&'’.-]*(?:[,;]?\s+(?:[A-Z][\w&'’.-]*|and|of|for|"
                           r"the|&))*)\s*[)\]]\W*$")
# a concern opened by the name of the body it is sent to and a colon, as a report that says "I have
# indicated at the start of each concern the person to whom it is directed" has them; a topic's name
# ("Staff training:", "Trust Policy:") is no body's: the name must end in a body's word or be one the
# report named before, word for word
# ("To Larchfield: restrictors on the upper floors ...": sent to it in so many words)
_OPENING_BODY = re.compile(r"^\W*(?P<to>[Tt]o\s+)?(?P<who>(?:the\s+)?[A-Z][\w&'’.-]*(?:,?\s+(?:[A-Z][\w&'’.-]*|and|of|for|the|&)){0,9})"
                           r"\s*:\s+\S")
_BRACKETED_ALL = re.compile(r"^\s*[(\[]\s*(?:to\s+|for\s+)?(?P<who>[^()\[\]]{2,40}?)\s*[)\]]\s+\S", re.I)
_ROMAN = re.compile(r"[ivxlc]+", re.I)
# ("(To the Health and Safety Executive and to Calverley Grain Systems Ltd)" sends it to both)
# (or in square brackets: "[To the ICB and the Trust] The lithium shared care protocol ...")
# (in a web page's italics too: "_(Ministry of Defence)_ There was no handover ...")
_BRACKETED_BODY = re.compile(r"^\s*[_*]{0,2}[(\[]\s*(?P<to>[Tt]o\s+|[Ff]or\s+)?(?P<who>(?:the\s+)?[A-Z][\w&'’.-]*"
                             r"(?:[,;]?\s+(?:[A-Z][\w&'’.-]*|and(?:\s+to)?|of|for|the|&|plc|ltd|llp)){0,12})"
                             r"\s*[)\]][_*]{0,2}\s+\S")
_NOT_BODY = re.compile(r"(?:the\s+)?(?:paragraphs?|para|recommendations?|conclusions?|see|page|section|annex|appendix|"
                       r"figure|table|chapter)\b", re.I)


def _names_its_body(m: re.Match[str], square: bool, concerns: bool, before: str) -> bool:
    """Whether the name opening a concern ("1. R & T Fenwick: ...", "(Brightpath) ...", "To Larchfield:
    ...") is the body it is sent to: a name ending in a body's word, or one the report named before it.
    In a letter of recommendations, "1. Clinical Practice: the trust should ..." opens with a topic, so
    there the name must be one named before; square brackets may hold "[REDACTED]", so there it must end
    in a body's word or follow "To"."""
    who = m.group("who")
    if _NOT_BODY.match(who):
        return False
    if ";" in who and m.re is _BRACKETED_BODY:
        # "(Crag & Beck; HSE)": several bodies, each named before it (by name, or by its initials)
        return all(_named_before(part, before) if re.fullmatch(r"[A-Z]{2,6}", part)
                   else re.search(rf"(?<![\w&]){re.escape(part)}(?![\w&])", before) is not None
                   for part in (p.strip() for p in who.split(";")) if part)
    if m.group("to") is not None and _named_before(who, before):
        return True
    if square and m.group("to") is None:
        return _NAME_WORD.fullmatch(who.split()[-1]) is not None
    if _NAME_WORD.fullmatch(who.split()[-1]) and (concerns or m.re is not _OPENING_BODY):
        return True
    # ("(HSE)": a body the report named in full before, the Health and Safety Executive, by its initials)
    initials = m.re is _BRACKETED_BODY and re.fullmatch(r"[A-Z]{2,6}", who) is not None and _named_before(who, before)
    if (len(who.split()) >= 2 or (m.re is _BRACKETED_BODY and len(who) >= 3 and not _ROMAN.fullmatch(who))) \
            and (re.search(rf"(?<![\w&]){re.escape(who)}(?![\w&])", before) is not None or initials):
        return True
    # "(Gambling Commission and DCMS)": each a body, by its word or named before (by its initials);
    # "[To the Centre, the Council and the Secretary of State]": each a short name for one the list of
    # addressees gave in full (square brackets need the "To" there)
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s+(?=the\s)", who)]
    return m.re is _BRACKETED_BODY and (not square or m.group("to") is not None) and len(parts) > 1 and all(
        p and (_NAME_WORD.fullmatch(p.split()[-1]) or _named_before(p, before)) for p in parts)


def _named_before(who: str, before: str) -> bool:
    """Whether the body a concern is sent to "To ..." is one the report named before it (its list of
    addressees): by name ("Larchfield" in "Larchfield Student Living Ltd"), or by the initials of its
    name ("the MHRA", the Medicines and Healthcare products Regulatory Agency)."""
    bare = re.sub(r"^the\s+", "", who, flags=re.I)
    if re.search(rf"(?<![\w&]){re.escape(bare)}(?![\w&])", before, re.I):
        return True
    if not re.fullmatch(r"[A-Z]{2,6}", bare):
        return False
    initials = r",?\s+(?:[a-z][\w'’-]*\s+)*?".join(rf"{c}[\w'’-]*" for c in bare)  # ("Culture, Media and Sport")
    return re.search(rf"\b{initials}\b", before) is not None


_JOINT_TAIL = re.compile(r"\s+(?:jointly|together)$", re.I)
_RUN_ON = re.compile(r"[a-z0-9]{3}[.!?]\s+\W*[A-Z]")  # "... are as follows. - For the Trust": a sentence's end inside
_ONLY_TAIL = re.compile(r"\s+(?:only|alone)$", re.I)
_REST_TO = re.compile(r"\b(?:the\s+(?:others|rest|remaining\s+(?:recommendations|concerns|ones)|other\s+(?:recommendations|concerns))|"
                      r"all\s+(?:the\s+)?others)\s+(?:are|is)\s+(?:for|to|(?:addressed|directed|sent)\s+to)\s+"
                      r"(?P<who>(?:both|all|each|the\s+(?-i:[A-Z])|(?-i:[A-Z]))[^.;:\n]{1,60}?)\s*(?:[.;]|$)", re.I)


def _sent_to_named(before: str, concerns: list[Ref]) -> bool:
    """Whether every concern is sent, and each body it is sent to is one the report named before them."""
    return bool(concerns) and all(
        r.addressee and all(_named_before(part, before) for part in re.split(r"\s+and\s+", r.addressee))
        for r in concerns)


def _by_place(ords: str, listed: list[str], rules: RecRules) -> list[str]:
    """The labels ordinals name in the order the report lists its concerns: "the second, third and
    final concerns" are 2, 3 and the last listed."""
    words = [w.lower() for w in re.findall(r"[a-z]+", ords, re.I)]
    return [listed[-1] if w in ("last", "final") else str(rules.ordinals[w])
            for w in words if w in rules.ordinals or (w in ("last", "final") and listed)]


def _sentences_asking_by_place(body: str) -> list[tuple[int, int]]:
    """The sentences that ask bodies to respond to concerns by their places ("The practice should respond
    to the first, second and fourth concerns; the Network to ..."): from the sentence's start to its end."""
    out = []
    for m in RESPOND_TO_PLACE.finditer(body):
        start = max(body.rfind(". ", 0, m.start()) + 2, 0)
        end = body.find(".", m.end())
        out.append((start, len(body) if end < 0 else end + 1))
    return out


_BROKEN_WORD = re.compile(r"(?<=[a-z])-\s+(?=[a-z])")
_AND_FOR = re.compile(r"\band\s+(?:for|to)\s+")


MASKED_LINE = 3  # spaces, at least, that stand for a line of page furniture masked out
_OVER_MASKED = re.compile(r"(?<=\w)[ \t]*\n[ \t]{3,}\n[ \t]*(?=[A-Za-z])")  # a masked line inside a sentence


def _assigned(text: str, seg: Segment, refs: list[Ref], rules: RecRules) -> list[Ref]:
    """Each concern with the body a sentence of the report sends it to ("Concerns 1 to 3 are for
    Kestrel Buses Limited and concerns 4 and 5 are for the Department for Transport", "The Council
    is asked to respond to concerns 1 to 3, and the Department to concerns 4 and 5", "I ask the
    Council to respond to concerns 1 to 3"), or its list
    of addressees does ("2. The Chief Executive, DVLA (concerns (3) to (5))"), or each concern closes
    with its body's name in brackets, where no heading has already."""
    # (a report of concerns, or a letter of recommendations, "areas for priority action" ...: "MATTERS OF
    # CONCERN" in capitals may be the only mention)
    if not refs or any(r.addressee for r in refs) or not rules.lead_in.search(text, seg.start, seg.end):
        return refs
    concerns = "oncern" in text[seg.start:seg.end].lower()
    owners: dict[str, list[str]] = {}

    def send(labs: list[str], who: str) -> None:
        # "for Police Scotland and the Authority jointly"; "for you both"
        who = re.sub(r"^you\s+", "", _JOINT_TAIL.sub("", _ONLY_TAIL.sub("", who.strip(" ,"))), flags=re.I)
        who = re.sub(r"^(?:for|to)\s+(?=the\s)", "", who, flags=re.I)  # "For the Trust (concerns 1 to 5)"
        who = _BROKEN_WORD.sub("", who)  # "to De-" / "fra, and ...": PDF text hyphenates a name at a line's end
        who = _AND_FOR.sub("and ", who)  # "for the Bike Park and for the Ambulance Service": both
        # ("concerns 3(a) and 3(b)" are the points the report labels "(a)" and "(b)" under its concern 3: 3a, 3b)
        for lab in dict.fromkeys(x for lab in labs for x in (lab, re.sub(r"[()\[\]]", "", lab))):
            names = owners.setdefault(lab, [])
            if who not in names:
                names.append(who)

    body = unwrap(text[seg.start:seg.end]).translate(LIGATURES)  # ("The ﬁrst and second matters are for ...")
    # (a sentence runs on over the page's masked furniture: "... the second and third to Castleford Steel" /
    # "<the next page's running head, masked>" / "Stockholders Ltd; and the fourth and fifth to ...")
    body = _OVER_MASKED.sub(" ", body)
    for pattern in (rules.assignment, rules.recipients, rules.respondents, rules.askers, rules.powers, rules.directed):
        for m in pattern.finditer(body) if pattern is not None else ():
            found = m.groupdict()
            if pattern is rules.recipients and _RUN_ON.search(found["who"]):
                continue  # sentences run on to the name from above it (read line by line below)
            for who, nums in ((found["who"], found["nums"]), (found.get("who2"), found.get("nums2"))):
                if who and nums:
                    send(expand(nums, rules), who)
            end = m.end()
            while rules.next_body is not None and (more := rules.next_body.match(body, end)):
                send(expand(more.group("nums"), rules), more.group("who"))  # a third body, and more
                end = more.end()
    # the addressees' lines over their concerns, which unwrapping runs into the paragraph above ("The
    # MATTERS OF CONCERN are as follows. -" / "For the Trust (concerns 1 to 5)"): read line by line, a
    # line that starts afresh (not one that goes on from a line above it ending mid-sentence)
    raw = text[seg.start:seg.end]
    for m in rules.recipients.finditer(raw) if rules.recipients is not None and not owners else ():
        line_start = raw.rfind("\n", 0, m.start("who")) + 1
        above = raw[max(0, raw.rfind("\n", 0, max(0, line_start - 1)) + 1):max(0, line_start - 1)].strip()
        if raw[line_start:m.start("who")].strip() == "" and (not above or above.endswith((".", ":", "-", "–", "—"))):
            send(expand(m.group("nums"), rules), m.group("who"))
    # "The first four concerns are for the Trust", "the last two for the Council": counted in the
    # order the report lists them, after the concerns numbered outright
    listed = sorted(dict.fromkeys(r.label for r in refs if r.text), key=_order)
    # "Recommendations 3 and 4 are for the GDC only ... The others are for both councils."
    if owners and (rest := _REST_TO.search(body)):
        send([lab for lab in listed if lab not in owners], rest.group("who"))
    for m in rules.counted.finditer(body) if rules.counted is not None else ():
        count = m.group("count").lower()
        n = int(count) if count.isdigit() else rules.number_words.get(count, 0)
        end = m.group("end").lower()
        labs = (listed[:n] if end == "first" else listed[-n:] if end in ("last", "final")
                else [lab for lab in listed if lab not in owners][:n])
        # ("The first three concerns and the fifth are directed to the Trust")
        plus = str(rules.ordinals.get((m.groupdict().get("plus") or "").lower(), 0))
        if 0 < n == len(labs):
            send(labs + ([plus] if plus in listed and plus not in labs else []), m.group("who"))
            # ("I direct the first four matters of concern above to the operator, the fourth and fifth to the
            # landowner, and the final matter to the Health and Safety Executive": its clauses in turn)
            end = m.end()
            while rules.placed_more is not None and (more := rules.placed_more.match(body[end:])) is not None:
                end += more.end()
                placed = _by_place(more.group("ords"), listed, rules)
                if placed and all(lab in listed for lab in placed):
                    send(placed, more.group("who"))
    # "The first and second matters are for Zipbite Ltd. The third is for Northgate City Council.", "I also
    # ask Zipbite to respond to the fifth": the concerns in the order the report lists them
    # (or "The practice should respond to the first, second and fourth concerns; the Network to the second
    # and third; and the ICB to the second, fourth and fifth.", clause by clause in its sentence)
    asked = [body[a:z] for a, z in _sentences_asking_by_place(body)] if rules.placed_clauses is not None else []
    for pattern, part in ((rules.placed, body), (rules.placed_askers, body), (rules.in_respect, body),
                          *((rules.placed_clauses, x) for x in asked)):
        for m in pattern.finditer(part) if pattern is not None and listed else ():
            clauses = [m]
            end = m.end()
            while pattern is rules.placed and rules.placed_more is not None \
                    and (more := rules.placed_more.match(part[end:])) is not None:
                clauses.append(more)
                end += more.end()
            for c in clauses:
                labs = _by_place(c.group("ords"), listed, rules)
                if labs and all(lab in listed for lab in labs):
                    send(labs, c.group("who"))
    before = text[seg.start:min((r.start for r in refs), default=seg.start)]
    if not owners:  # "... no written procedure for changes made on site. (Nightjar Displays Ltd)"
        tags = {r.label: _closing_tag(text, r) for r in refs}
        # (where every concern closes with one, a short name the report used above will do: "[Club]",
        # "[Club; Council]" under "The body or bodies to whom each concern is directed are shown in
        # brackets"; a lone "(CMHT)" among untagged concerns is still a term, not a body)
        every = len(refs) >= 2 and all(tags.values())
        for r in refs:
            m = tags[r.label]
            if m and not _NOT_BODY.match(m.group("who")) \
                    and (_NAME_WORD.search(m.group("who")) or _named_above(m.group("who"), before)
                         or every and _short_names_above(m.group("who"), before)):
                send([r.label], " ".join(m.group("who").replace(";", " and").split()))
    # "1. R & T Fenwick: there was no safe system of work ...", and those a sentence left to their own
    # brackets ("Recommendation 8 is for the Partnership itself" over "Recommendation 3 (Brackley Homes)")
    said = set(owners)
    for r in (r for r in refs if r.label not in said):
        # "1. (Brightpath) Callum's support plan ...": in brackets, one word named before will do
        if (every := _BRACKETED_ALL.match(r.text or "")) \
                and (_TO_ALL.fullmatch(w := every.group("who").lower()) or w in ("both", "all")):
            send([r.label], every.group("who"))  # "(All addressees) A carer's report ...": every body's
            continue
        m = _OPENING_BODY.match(r.text or "") or _BRACKETED_BODY.match(r.text or "")
        if m and _names_its_body(m, (r.text or "").lstrip().startswith("["), concerns, before):
            # ("[National Park Authority; Contourly Limited]": both)
            send([r.label], " ".join(m.group("who").replace(";", " and").split()))  # ("and to": send reads it)
    # "(Brackenlea and Keystone) The agency worker ...": two bodies other concerns are sent to
    named = {who for names in owners.values() for who in names}
    # (either name may have its own "and": "Brightway Stores plc and the Office for Product Safety and
    # Standards" is cut where both halves are names sent concerns, a "the" before one or not)
    bare = {re.sub(r"^the\s+", "", who, flags=re.I) for who in named}
    for r in refs:
        m = _BRACKETED_BODY.match(r.text or "")
        who = " ".join(m.group("who").split()) if m and r.label not in owners else ""
        cuts = list(_AND_JOIN.finditer(who))
        splits = [_AND_JOIN.split(who)] if len(cuts) > 1 else []
        for parts in splits + [[who[:c.start()], who[c.end():]] for c in cuts]:
            if all(re.sub(r"^the\s+", "", part, flags=re.I) in bare for part in parts):
                send([r.label], " and ".join(parts))
                break
    if len({who for names in owners.values() for who in names}) < 2:
        return refs  # one body named: nothing to tell the replies apart by
    # a concern in two bodies' ranges ("(concerns 1 to 3)", "(concerns 3 to 5)") is sent to both,
    # as a heading "X and Y together:" sends it (see link._shared_with)
    # ("Concern 1 (both parts) and concern 2 are directed to Hollinsby Park Ltd": 1a and 1b with it)
    whole = {lab: " and ".join(who) for lab, who in owners.items() if lab.isdigit()}
    out = [dataclasses.replace(r, addressee=" and ".join(owners[r.label])) if r.label in owners
           else dataclasses.replace(r, addressee=whole[str(r.number)])
           if _PART_LABEL.fullmatch(r.label) and str(r.number) in whole and r.addressee is None and r.stated else r
           for r in refs]
    # (and a concern's points closed by one body's name, "(b) ... [Ashgrove Learning Trust]": each of them its,
    # though a sentence sent other concerns)
    sibling = {r.number: r.addressee for r in out if _PART_LABEL.fullmatch(r.label) and r.addressee and r.stated}
    for r in out:
        if _PART_LABEL.fullmatch(r.label) and r.stated and r.number not in sibling \
                and (m := _CLOSING_BODY.search(r.text or "")) and _NAME_WORD.search(m.group("who")) \
                and not _NOT_BODY.match(m.group("who")):
            sibling[r.number] = " ".join(m.group("who").replace(";", " and").split())
    return [dataclasses.replace(r, addressee=sibling[r.number]) if _PART_LABEL.fullmatch(r.label) and r.stated
            and r.addressee is None and r.number in sibling else r for r in out]


_PART_LABEL = re.compile(r"\d{1,2}[a-h]")  # a concern's point: "1a", "2b"


def _closing_tag(text: str, r: Ref) -> re.Match[str] | None:
    """The bracketed name closing a concern, in its text or at its own line's end (where a Word list's
    last item runs on into the letter's next paragraph)."""
    own_line = text[r.start:(text.find("\n", r.start) + 1 or len(text) + 1) - 1]
    return _CLOSING_BODY.search(r.text or "") or _CLOSING_BODY.search(own_line)


def _short_names_above(who: str, before: str) -> bool:
    """Whether each body a closing tag names is a word or words the report used, with a capital, above
    its concerns ("Club" for "Hollins Moor Golf Club")."""
    parts = [" ".join(p.split()) for p in re.split(r";|\band\b", who)]
    flat = " ".join(before.split())
    return all(p and re.search(rf"(?<![\w&]){re.escape(p)}(?![\w&])", flat) for p in parts)


def _named_above(who: str, before: str) -> bool:
    """Whether each body a closing tag names ("Castlebrook Detention Services; Meridian Custodial
    Health") is named, word for word and in two words at least, in the report above its concerns."""
    parts = [" ".join(p.split()) for p in re.split(r";|\band\b", who)]
    flat = " ".join(before.split())
    return all(len(p.split()) >= 2 and re.search(rf"\b{re.escape(p)}\b", flat) for p in parts)


# a numbered item that only says whom the lettered points under it are for: "(2)<tab>[To the Practice]",
# "1. To Brightwater Home Care Ltd:"
_PARENT_ITEM = re.compile(r"^\W{0,4}(?P<num>\d{1,2})\\?[.)\]]?[ \t]+[\[(]?\s*(?:to|for)\s+(?P<who>(?:the\s+)?"
                          r"(?-i:[A-Z])[^\[\]():\n]{1,80}?)\s*[\])]?\s*:?\s*$", re.I)
# its points: "(a)<tab>Repeat prescriptions ...", "(b) There was no record ...", "c) ..."
_LETTERED = re.compile(r"^[ \t]*\(?(?P<letter>[a-h])\)[ \t]+(?P<text>\S.*)$")
# "a. the Department for Transport should ..."
_DOTTED_POINT = re.compile(r"^[ \t]*(?P<letter>[a-h])\.[ \t]+(?P<text>\S.*)$")
# a numbered item that only says who should act: "6.   The Trust should:" over its points ("4. That
# integrated care boards be required to:")
# (its words may name the topic first, or a body whose name holds a comma: "2. On incident reporting, the
# Cabinet Office should:", "4. The Department for Science, Innovation and Technology should:"; or its keyword
# first: "Recommendation 2: The Home Office should:")
_ASKING_PARENT = re.compile(r"^[ \t]*\W{0,4}(?:(?i:recommendation)\s+)?(?P<num>\d{1,2})[.):]?[ \t]+"
                            r"(?:the\s+)?[A-Z][\w'’&-]*"
                            r"(?:,?\s+[\w'’&-]+){0,8}?"
                            r"\s+(?:should|must|be\s+(?:required|asked|expected)\s+to)(?:\s+(?:also|now))?\s*:\s*$")
_ASKING_LEAD = re.compile(r"^[ \t]*\W{0,4}(?P<num>\d{1,2})[.)][ \t]+[A-Z][^:\n]*\b(?:should|must)\b[^:\n]*:\s*$")
_POINT_ASKS = re.compile(r"\b(?:should|must)\b")
# a point that only illustrates the ask above it: "(a) for example, review cases such as ..."
_EXAMPLE = re.compile(r"\W*(?:for example|for instance|e\.g\.|such as|including|in particular)\b", re.I)
# a numbered item that opens with its first point: "3.  (a) Semi-automatic quick hitches ..."
_OPENING_POINT = re.compile(r"^[ \t]*\W{0,4}(?P<num>\d{1,2})[.)]?[ \t]+\((?P<letter>a)\)[ \t]+(?P<text>\S.*)$")
# or a titled group over points coded with its own number: "Recommendation 1 – Harnmouth City Council" /
# "1a<tab>Install public rescue equipment ..." / "1b<tab>Extend ..."
_GROUP_PARENT = re.compile(r"^\W{0,4}recommendations?\s+(?P<num>\d{1,2})\s*[–—:-]\s*(?P<who>(?-i:[A-Z])[^\n]{1,80}?)\s*$", re.I)
_CODED_POINT = re.compile(r"^[ \t]*(?P<num>\d{1,2})(?P<letter>[a-h])[.)]?[ \t]+(?P<text>\S.*)$")
# or a concern's numbered title over its points: "1.<tab>Engineering and staffing controls at the Park:" /
# "<tab>(a)<tab>The slide doors ..." / "<tab>(b)<tab>... lone working was routine ...": concerns 1a and 1b
# (or with no colon, where the title is no sentence: "1. Secondary guarding" / "(a) Liftwell supplied ...")
_TITLE_PARENT = re.compile(r"^\W{0,4}(?P<num>\d{1,2})[.)][ \t]+(?P<title>(?-i:[A-Z])(?:[^:\n]{2,80}(?=:)|[^:.!?;,\n]{2,80}?(?=\s*$)))"
                           r":?\s*$")
# words such a title runs to, at most (12: a second TITLE_WORDS below, for paragraph headings, had set it so
# since round 72, and the probes read with it)
PARENT_TITLE_WORDS = 12
_MATTERS_OF_CONCERN = re.compile(r"matters\s+of\s+concern", re.I)
_CONCERN_LEAD_ITEM = re.compile(r"^\W{0,4}(?P<num>\d{1,2})[.)][ \t]+(?P<title>(?-i:[A-Z])\S.*)$")
LEAD_LINES = 2  # lines, at most, that a concern's sentence leading into its points wraps on to
_HEADED_PARENT = re.compile(r"^[ \t]*\W{0,4}recommendation\s+(?:no\.?\s*)?(?P<num>\d{1,2})(?P<title>)[\s*_:.]*$", re.I)
HEAD_LEAD_SPAN = 8  # lines under such a heading, blank ones too, in which its lead and first point stand
_LONE_LETTER = re.compile(r"^[ \t]*\([a-h]\)[ \t]*$")  # a point's letter in a cell of its own
# (the next item: "2. The ...", "2." alone, "6 ACTION SHOULD BE TAKEN", "Concern 2: ...")
_NEXT_ITEM = re.compile(r"^\W{0,4}\d{1,2}\\?[.)\]](?:[ \t]|\s*$)|^\W{0,4}\d{1,2}[ \t]+(?-i:[A-Z]{3,})"
                        r"|^\W*(?:concern|recommendation|matter)s?\s+\d", re.I)


def _point(line: str, num: str, coded: bool) -> re.Match[str] | None:
    """A lettered point of item ``num``: "(a) ..." under it, or "1a ..." coded with its number (the only
    kind under a titled group)."""
    m = _CODED_POINT.match(line) if coded else _LETTERED.match(line) or _DOTTED_POINT.match(line) \
        or _CODED_POINT.match(line)
    return m if m and m.groupdict().get("num") in (None, num) else None


def _opens_points(line: str) -> bool:
    """Whether the line is a list's first lettered point, "(a) ..." or "a. ..."."""
    first = _point(line, "", False)
    return first is not None and first.group("letter") == "a"


def _lettered_parts(text: str, seg: Segment, refs: list[Ref]) -> list[Ref]:
    """A report's numbered item that only names whom it is for, over lettered points ("(2) [To the
    Practice]" / "(a) Repeat prescriptions were issued ..." / "(b) ..."): the points are what it
    raises, each a recommendation of its own ("2a", "2b"), sent to that body. An item with words of
    its own keeps its points inside it ("Recommendation 4: That the Secretary of State appoint a
    Chief Construction Adviser ..., including: a) ... b) ..." is one recommendation). So, too, an item that
    says only who should act ("6. The Trust should:") over points that each ask, and one that is only its
    points ("3.  (a) ...") where the report names them ("concerns 3(a) and 3(b)")."""
    lines = split_lines(text, seg.start, seg.end)
    parts: list[Ref] = []
    spans: list[tuple[int, int]] = []  # each parent's span, over its points
    k = 0
    while k < len(lines):
        # "3.  (a) Semi-automatic quick hitches ..." / "(b) Stannard has developed ...": an item that is its
        # points and nothing else, where the report names a point by its label ("concerns 3(a) and 3(b)")
        if (opening := _OPENING_POINT.match(lines[k].text)) is not None and re.search(
                rf"\b(?:concerns?|matters?|points?|recommendations?|paragraphs?|items?)\s+(?:\d{{1,2}}(?:\s?\([a-h]\))?"
                rf"\s*(?:,|and|&)\s*)*{opening.group('num')}\s?\((?:a|b)\)",
                text[seg.start:lines[k].start] + text[lines[k].end:seg.end], re.I):
            num, who, titled, topic = opening.group("num"), None, False, False
            found = [("a", opening, lines[k], [opening.group("text")])]
            j, last, blank = k + 1, k, False
        else:
            found = []
        # "6.   The Trust should:" over "(a) ensure that ..." and "(b) ...": each point asks a thing of its own
        asking = None if found else _ASKING_PARENT.match(lines[k].text)
        # (or an item that asks in its own words and leads into points that each ask of a body: "2. Competitive
        # funding should be consolidated:" / "a. the Department for Transport should publish ..." / "b. HM
        # Treasury should agree ...")
        leads = None if found or asking else _ASKING_LEAD.match(lines[k].text)
        asking = asking or leads
        if asking is not None:
            num, who, titled, topic = asking.group("num"), None, False, False
            j, last, blank = k + 1, k, False
        parent = None if found or asking else _PARENT_ITEM.match(lines[k].text)
        titled = parent is None and not (found or asking) and (parent := _GROUP_PARENT.match(lines[k].text)) is not None
        # (a coroner's concern only, under the form's "The MATTERS OF CONCERN are as follows": in a letter,
        # "1. Background:" over "(a)" and "(b)" tells the facts, and "1. Monitoring of storm overflows:" is
        # answered whole)
        topic = parent is None and not (found or asking) and (parent := _TITLE_PARENT.match(lines[k].text)) is not None \
            and len(parent.group("title").split()) <= PARENT_TITLE_WORDS \
            and _MATTERS_OF_CONCERN.search(text, seg.start, lines[k].start) is not None
        # (or a concern's sentence that leads into its points, wrapped: "3. The arrangements between the Trust and
        # the out-of-area hospital were inadequate in" / "two respects:" / "(a) clinicians in the Trust ...")
        wrapped = 0
        lead_at: list[int] = []  # the lines of a heading's lead into its points, where blank lines part them
        if not (found or asking or topic) and (head := _HEADED_PARENT.match(lines[k].text)) is not None:
            # (or a heading over a lead and its points, each a paragraph of its own: "Recommendation No. 3" /
            # "That the Shire of Westbrook:" / "(a) install multilingual warning signage ..." / "(b) ...")
            said_at = [x for x in range(k + 1, min(len(lines), k + HEAD_LEAD_SPAN)) if lines[x].text.strip()]
            w = next((w for w in range(1, LEAD_LINES + 2) if len(said_at) > w
                      and lines[said_at[w - 1]].text.rstrip().endswith(":")
                      and _opens_points(lines[said_at[w]].text)
                      and not any(_point(lines[x].text, "", False) for x in said_at[:w])
                      # (a motion or an ask: not "We found that:" over the findings)
                      and (_THAT_MOTION.match(lines[said_at[0]].text)
                           or MODAL.search(" ".join(lines[x].text for x in said_at[:w])))), 0)
            if w:
                parent, topic, lead_at = head, True, said_at[:w]
        if not (found or asking or topic) and (lead := _CONCERN_LEAD_ITEM.match(lines[k].text)) is not None \
                and _MATTERS_OF_CONCERN.search(text, seg.start, lines[k].start) is not None:
            wrapped = next((w for w in range(1, LEAD_LINES + 1) if k + w + 1 < len(lines)
                            and lines[k + w].text.rstrip().endswith(":") and _opens_points(lines[k + w + 1].text)
                            and not any(_point(lines[x].text, "", False) or _NEXT_ITEM.match(lines[x].text)
                                        or lines[x - 1].text.rstrip().endswith((".", ")", ";"))
                                        for x in range(k + 1, k + w + 1))), 0)
            if wrapped and not MODAL.search(" ".join(ln.text for ln in lines[k:k + wrapped + 1])):
                parent, topic = lead, True
            else:
                wrapped = 0
        # (not "Recommendation 1: Harnmouth City Council should ensure that" over its parts, nor a letter's title)
        if not (found or asking) and (parent is None or (parent.re is _TITLE_PARENT and not topic)
                                      or ((titled or topic) and MODAL.search(parent.group(0)) is not None)):
            k += 1
            continue
        if not (found or asking):
            num = parent.group("num")
            lead_at = lead_at or list(range(k + 1, k + wrapped + 1))
            who = " ".join(" ".join([parent.group("title" if topic else "who")]
                                    + [lines[x].text for x in lead_at]).rstrip(": ").split())
            j, last, blank = (lead_at[-1] if lead_at else k) + 1, lead_at[-1] if lead_at else k, False
        while j < len(lines):
            ln = lines[j]
            m = _point(ln.text, num, titled)
            if m and m.group("letter") == "abcdefgh"[len(found)]:
                found.append((m.group("letter"), m, ln, [m.group("text")]))
            elif not ln.text.strip():
                # (not the page's foot and head, masked, between a point's wrapped lines)
                # (unless the point above ends its sentence: a commentary paragraph after the points is none of theirs)
                blank = blank or len(ln.text) < MASKED_LINE or sentence_end(lines[last].text.rstrip())
            # (a point runs on over its wrapped lines, never past a blank line: what follows one is the
            # next point or no longer the item's)
            elif found and not blank and not (_NEXT_ITEM.match(ln.text) or FORM_SECTION.match(clean(ln.text) or "")):
                found[-1][3].append(ln.text)
            else:
                break
            if ln.text.strip():
                last, blank = j, False
            j += 1
        # (not examples inside one ask, "(a) for example, review cases such as ...", nor points a sentence
        # runs on past: "... (b) ..." / "and use these lessons to improve its placement policy.")
        after = next((x for x in lines[j:] if x.text.strip()), None)
        if asking is not None and (any(_EXAMPLE.match(words[0]) for *_, words in found)
                                   or (after is not None and re.match(r"\s*[a-z]", after.text))):
            found = []
        if leads is not None and not all(_POINT_ASKS.search(" ".join(words)) for *_, words in found):
            found = []
        if len(found) >= 2:
            spans.append((lines[k].start, lines[last].end))
            # (the body a heading over the whole sent it to is its points')
            sent = next((r.addressee for r in refs if r.label == num and lines[k].start <= r.start <= lines[k].end), None)
            for letter, m, ln, words in found:
                dotted = m.re is _DOTTED_POINT  # ("a." spans its letter and stop, "(a)" its brackets)
                at, end = ln.start + m.start("letter") - (not dotted), ln.start + m.end("letter") + dotted
                # (a topic's title is no body to send it to)
                said = f"{who}: " if topic else f"(To {who}) " if who else ""
                parts.append(Ref(f"{num}{letter}", int(num), at, end, ln.start, ln.end, True, True, True,
                                 clean_text(said + " ".join(words)), addressee=sent))
        k = max(j, k + 1)
    if not parts:
        return refs
    # the parent, and whatever its points were read as besides (a list of its own, counted 1, 2, 3)
    kept = [r for r in refs if not any(a <= r.start < z for a, z in spans)]
    return sorted(kept + parts, key=lambda r: r.start)


# an investigation body's safety recommendation under the code it gives it, the year and a serial
# ("2027/112 Amend its surveyor instructions so that ..."), under the body it is for ("The Maritime and
# Coastguard Agency is recommended to:")
# ("R/2027/012": HSSIB's; not its safety observations, "O/2027/004", which ask nothing)
# "R2025-004": a progress report's code, its letter, the year and a serial (a register's "2023/104" has no letter)
_YEAR_CODE = r"[A-Z]{1,3}(?:19|20)\d{2}-\d{2,3}(?!\d)"
CODE_LABEL = re.compile(rf"(?:(?!O/)[A-Z]{{1,3}}/)?(?:19|20)\d{{2}}/\d{{3}}|{_YEAR_CODE}")
_CODED_ITEM = re.compile(rf"^\W{{0,4}}(?P<code>{CODE_LABEL.pattern})[ \t]+(?P<text>[A-Z].*)$")
# "R2025-004" alone on its line, the recommendation's words under it: the code is a heading
_CODED_ALONE = re.compile(rf"^[ \t#*_]*(?P<code>{_YEAR_CODE})[ \t*_:]*$")
# "### Safety recommendation R/2026/061": its code alone on the heading over its words
_CODED_HEAD = re.compile(rf"^[ \t#*_]*(?:safety\s+)?recommendation\s+(?P<code>[A-Z]{{1,3}}/(?:19|20)\d{{2}}/\d{{3}})[ \t*_:]*$",
                         re.I)
# "HSSIB recommends that the Medicines and Healthcare products Regulatory Agency (MHRA) updates ..."
_RECOMMENDS_BODY = re.compile(r"^\W*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+recommends\s+that\s+(?P<who>(?:the\s+)?[A-Z][\w’'&-]*"
                              r"(?:\s+(?:[A-Z][\w’'&-]*|and|of|for|products))*(?:\s+\([A-Z]{2,8}\))?)\s+[a-z]+s\b")
_RECOMMENDED_TO = re.compile(r"^\W*(?P<who>(?:the\s+)?[A-Z][^:\n]{2,100}?)\s+(?:is|are)\s+recommended\s+to\s*:?\s*$")


def _coded_items(text: str, seg: Segment, refs: list[Ref]) -> list[Ref]:
    """The safety recommendations a letter lists under their codes, two at least: each keyed by its
    code as written, its words running on over the wrapped lines to its full stop (or, under a heading
    that names it, "### Safety recommendation R/2026/061", the paragraph under it)."""
    lines = split_lines(text, seg.start, seg.end)
    heads = [(k, m) for k, ln in enumerate(lines)
             if (m := _CODED_ITEM.match(ln.text) or _CODED_HEAD.match(ln.text) or _CODED_ALONE.match(ln.text))]
    # (a list of safety recommendations, said so above it, or under the body each is for: not a planning
    # register's "2023/104 Land at Mill Lane was approved ...")
    above = lines[:heads[0][0]] if heads else []
    # (one under a heading that names it a recommendation will do)
    headed = bool(heads) and all(m.re is _CODED_HEAD for _, m in heads) \
        or sum(m.re is _CODED_ALONE for _, m in heads) >= 2
    if (len(heads) < 2 and not headed) or not (any(_RECOMMENDED_TO.match(clean(ln.text) or "") for ln in above)
                                               or "safety recommendation" in " ".join(ln.text for ln in above).lower()
                                               or headed):
        return refs
    out = []
    for n, (k, m) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        words, end = [m.groupdict().get("text") or ""], lines[k].end
        for ln in lines[k + 1:stop]:
            if not words[-1] and not ln.text.strip():
                continue  # (the blank line under its heading)
            if sentence_end(words[-1]) or not ln.text.strip():
                break
            words.append(ln.text)
            end = ln.end
        who = next((w.group("who") for ln in reversed(lines[:k]) if (w := _RECOMMENDED_TO.match(clean(ln.text) or ""))), None)
        said = " ".join(" ".join(words).split())
        if who is None and (w := _RECOMMENDS_BODY.match(said)):
            who = w.group("who")  # "HSSIB recommends that NHS England develops ...": the body it is for
        code = m.group("code")
        at = lines[k].start + lines[k].text.index(code)
        # (a code named again, an annex's index row "R2025-004 Electricity supply DESNZ Agree 5": its words
        # are the first naming's)
        again = any(r.label == code for r in out)
        out.append(Ref(code, leading_number(code), at, at + len(code), lines[k].start, end, True, True, not again,
                       None if again else clean_text(said), addressee=who))
    # ("the MHRA" after "the Medicines and Healthcare products Regulatory Agency (MHRA)": one body)
    named = {m.group(1): r.addressee for r in out if r.addressee and (m := re.search(r"\(([A-Z]{2,8})\)$", r.addressee))}
    out = [dataclasses.replace(r, addressee=named[m.group(1)])
           if r.addressee and (m := re.fullmatch(r"(?:the\s+)?([A-Z]{2,8})", r.addressee)) and m.group(1) in named else r
           for r in out]
    spans = [(r.block_start, r.block_end) for r in out]
    return sorted([r for r in refs if not any(a <= r.start < z for a, z in spans)] + out, key=lambda r: r.start)


# "1. Thank you for your report of 14 April ...": a reply that numbers its own paragraphs, from its thanks on
# (not "1. In response to this concern, ...", an answer numbered as the concern it answers)
_OWN_FIRST_PARAGRAPH = re.compile(r"^[ \t]*1[.)]\s+(?:thank\s+you|thanks|(?:i|we)\s+(?:write|am\s+writing|are\s+writing)|"
                                  r"(?:further|in\s+(?:response|reply))\s+to\s+your)\b", re.I | re.M)
_FIRST_ITEM = re.compile(r"^[ \t]*1[.)]\s", re.M)
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]?")


def own_numbering(text: str, seg: Segment) -> tuple[int, int] | None:
    """Where a reply numbers its own paragraphs: from "1. Thank you for your report ..." up to a list
    that numbers from 1 again (the recommendations it quotes, each over its answer), if one does."""
    first = _OWN_FIRST_PARAGRAPH.search(text, seg.start, seg.end) if seg.kind is Kind.reply else None
    if first is None:
        return None
    again = _FIRST_ITEM.search(text, first.end(), seg.end)
    return first.start(), again.start() if again else seg.end


def _without_own_numbers(text: str, own: tuple[int, int] | None, refs: list[Ref]) -> list[Ref]:
    """A reply whose paragraphs are numbered from its opening thanks ("1. Thank you for your report",
    "2. The ICB recognises ...") names no recommendation by those numbers: only by what it writes
    ("Waiting times for assessment (your concern 1)")."""
    if own is None:
        return refs

    def numbers_a_paragraph(r: Ref) -> bool:
        line_start = text.rfind("\n", 0, r.start) + 1
        return own[0] < r.start < own[1] and not text[line_start:r.start].strip() \
            and _LIST_NUMBER.fullmatch(text[r.start:r.end].strip()) is not None
    return [r for r in refs if not numbers_a_paragraph(r)]


_ACTION_HEAD = re.compile(r"\baction", re.I)
_RECOMMENDATION_HEAD = re.compile(r"\brecommendation|\bconcern", re.I)


def _without_action_numbers(text: str, refs: list[Ref]) -> list[Ref]:
    """A reply's table that numbers its own actions in its first column and names the recommendation each
    serves in another ("CIP action | Description | Review recommendation | Lead"): the first column's numbers
    are the actions', not the recommendations'."""
    cells = table_cells(text) if any(text[r.start - 1:r.start] in ("\t", "|", " ", "\n") for r in refs) else {}

    def numbers_an_action(r: Ref) -> bool:
        c = cells.get(r.start)
        if c is None or c.index != 0 or not c.header or c.row == c.header:
            return False
        heads = [text[a:z] for a, z in c.header]
        col = next((k for k, h in enumerate(heads) if k and _RECOMMENDATION_HEAD.search(h)), None)
        if col is None or not _ACTION_HEAD.search(heads[0]) or _RECOMMENDATION_HEAD.search(heads[0]):
            return False
        # (not where the row's action serves the recommendation of its own number: "1 | ... | 1 | Lead"; unless
        # the reply answers that one in its prose, under a title that names it, and the table only sums up)
        said = text[c.row[col][0]:c.row[col][1]] if col < len(c.row) else ""
        return re.match(rf"\W*{r.number}\b", said) is None or r.number in named
    # (a title naming one concern: not "Our response to concerns 1 to 3" over the whole reply)
    per_title: dict[int, set[int]] = {}
    for x in refs:
        if not x.stated and x.heading:
            per_title.setdefault(x.block_start, set()).add(x.number)
    named = {n for ns in per_title.values() if len(ns) == 1 for n in ns}
    return [r for r in refs if not numbers_an_action(r)] if cells else refs


def _without_menu(text: str, refs: list[Ref]) -> list[Ref]:
    """"Your report raises two matters for UKHSA. The first is ... The second is ...", then "On the
    first matter, ..." and "On the second matter, ...": the paragraph that counts the concerns off
    in turn is a menu, and each is answered where it is taken up again, not in the menu. An
    ordinal after such a count with no noun of its own but the count's ("the second matter", not
    "your second recommendation to the Department") is counted by the nearest count before it."""
    menus = defaultdict(set)
    for r in refs:
        if r.ordinal and r.counted:
            menus[r.block_start].add(r.label)
    menus = {b for b, labs in menus.items() if len(labs) >= 2}
    later = lambda r: any(o.ordinal and o.label == r.label and o.block_start > r.block_start for o in refs)
    counted = [r for r in refs if r.ordinal and r.counted]
    refs = [r for r in refs if not (r.block_start in menus and r.ordinal and r.counted and later(r))]
    out = []
    for r in refs:
        count = next((c.counted for c in reversed(counted) if c.start < r.start), None)
        if r.ordinal and r.counted is None and count and r.number <= count \
                and _MATTER_ORDINAL.search(text, r.start, min(len(text), r.end + 12)):
            r = dataclasses.replace(r, counted=count)
        out.append(r)
    return out


_MATTER_ORDINAL = re.compile(r"\b\w+\s+matters?\b", re.I)


# a line break inside a paragraph, read as a space so a sentence may wrap (same length: offsets hold)
_INNER_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


# "1 to 4", "5.1, 5.2 and 5.4", "R5 to R7"
_NUMS_NAMED = r"R?\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|and|to|-|–)\s*R?\d{1,2}(?:\.\d{1,2})?)*"
_ANSWERED_APART = re.compile(r"(?P<who>\b(?:the\s+)?(?-i:[A-Z])[\w&'’-]*(?:\s+(?:(?:of|for|and|&)\s+)?(?-i:[A-Z])[\w&'’-]*){0,6})"
                             r"(?:\s+\((?-i:[A-Z]{2,8})\))?\s+"  # ("Nuclear Waste Services (NWS) will reply ...")
                             r"(?:has|have|will|is|are)\s+(?:responded|replied|respond|reply|responding|replying|written)\s+"
                             r"(?:to\s+you\s+)?(?:separately|directly)\s+(?:on|to|about)\s+(?:the\s+)?(?:recommendations?|concerns?)\s+"
                             + _NUMS_NAMED, re.I)


# "Recommendations 1 to 4 were addressed to Kellingford Hospitals NHS Foundation Trust, which responded directly",
# "Recommendation 6.3 is for the ambulance service, which will reply to you directly."
_SENT_AND_ANSWERED = re.compile(r"\b(?:recommendations?|concerns?)\s+" + _NUMS_NAMED +
                                r"\s+(?:were|was|are|is)\s+(?:(?:addressed|directed|sent|made)\s+to|for)\s+(?P<who>(?:the\s+\w|(?-i:[A-Z]))[^,.;\n]{1,80}?),?"
                                r"\s+which\s+(?:has\s+)?(?:responded|replied|will\s+respond|will\s+reply|is\s+responding)\b", re.I)


# "Recommendations R3 and R4 are for Eastwater Services Ltd; we understand that Eastwater will respond to you
# separately on those recommendations.", "... are addressed to Natural Resources Wales, and I understand that
# NRW is responding to you directly."
_FOR_ANOTHER_APART = re.compile(r"\b(?:recommendations?|concerns?)\s+" + _NUMS_NAMED +
                                r"\s+(?:were|was|are|is)\s+(?:(?:addressed|directed|sent|made)\s+to|for)\s+"
                                r"(?P<who>(?:the\s+\w|(?-i:[A-Z]))[^,.;\n]{1,80}?)[;,]\s+[^.;]{0,80}?"
                                r"\b(?:will|has|have|is|are)\s+(?:respond|reply|write|responded|replied|written|"
                                r"responding|replying|writing)\b[^.;]{0,30}?"
                                r"\b(?:separately|directly)\b", re.I)
# "Your report made recommendations 1 to 7 to the Department; our response is enclosed."
_MADE_NUMS_TO = re.compile(r"\b(?:made|makes|addressed|directed)\s+(?:recommendations|concerns)\s+" + _NUMS_NAMED +
                           r"\s+to\s+(?P<who>(?:the\s+\w|(?-i:[A-Z]))[^,.;:\n]{1,80}?)"
                           r"(?=\s*[,.;:]|\s+(?:and|which|who)\b)", re.I)
# "The report made three recommendations to NRW: recommendation 4, on ...; recommendation 6, on ...; and
# recommendation 7, on ...": the writer's own, named in the sentence that follows the colon
_MADE_TO = re.compile(r"\b(?:made|makes|addressed|directed)\s+(?:\w+\s+)?(?:recommendations|concerns)\s+to\s+"
                      r"(?P<who>(?:the\s+\w|(?-i:[A-Z]))[^,.;:\n]{1,80}?)\s*:\s*"
                      r"(?=(?:recommendations?|concerns?)\s+\d)[^.>]+", re.I)
# "Concerns (2) and (3) were not directed to the Council and I make no comment on them": another body's
_NOT_SENT_HERE = re.compile(r"\b(?:recommendations?|concerns?|matters?)\s+(?P<nums>\(?\d{1,2}\)?(?:\s*(?:,|and|to|-|–)\s*\(?\d{1,2}\)?)*)"
                            r"\s+(?:were|was|are|is)\s+not\s+(?:addressed|directed|sent|made)\s+to\s+(?:the\s+)?(?:council|trust|board|"
                            r"department|us|me|this\s+\w+|my\s+\w+|our\s+\w+)\b", re.I)
ANOTHER_BODY = "another body"  # whom a concern went to, where the reply says only that it was not its writer
# "the Department's position on the two recommendations (4.1 and 4.2) that are addressed to us": its own, the
# report's others another body's
_ADDRESSED_TO_US = re.compile(r"\b(?:recommendations?|concerns?)\s+\(?" + _NUMS_NAMED + r"\)?\s+(?:(?:that|which)\s+"
                              r"(?:are|were|is|was)\s+)?(?:addressed|directed|made|sent)\s+to\s+(?P<who>us|me)\b", re.I)


def _said_sent(text: str, seg: Segment, refs: list[Ref], rules: RecRules) -> list[Ref]:
    """A reply's references inside its own sentence saying whose concerns they are ("Concern 3 is
    addressed to Stenfield Borough Council and I do not respond to it here", "Concerns 4 and 5 were
    addressed to the ICB"), with that body: the link stage compares it with the reply's writer, whom
    this stage does not know, and a concern the reply says went to someone else is not one it answers."""
    if not refs or rules.assignment is None:
        return refs
    body = _INNER_BREAK.sub(" ", text[seg.start:seg.end])
    concerns = "oncern" in body.lower()  # (the assignment pattern is read only where the reply speaks of concerns)
    spans = [(seg.start + m.start(), seg.start + m.end("nums"), " ".join(m.group("who").split()).strip(" ,"))
             for m in (rules.assignment.finditer(body) if concerns else ())
             # "is also addressed to": shared, this writer's too; "I have referred matter 2 to the Medical
             # Director": a reply's "matter" is its own business, not whose concern it is
             # (a paper's "Recommendations 1, 2, 4, 5, 7 and 9 are addressed to TfW" says which it answers, by a
             # name of its writer's this stage cannot check: only concerns are read so)
             if not re.search(r"\balso\b", m.group(0), re.I) and m.group(0).lower().startswith("concern")]
    # (but another body's answer, sent apart, is never the writer's: "The PSNI has responded separately on
    # recommendations 1 to 4.")
    # (whoever it names: "the PSNI", whose initials a writer's long name may hold, is still not the writer, who
    # is answering here and now)
    spans += [(seg.start + m.start(), seg.start + m.end(), ANOTHER_BODY)
              for pattern in (_ANSWERED_APART, _SENT_AND_ANSWERED, _FOR_ANOTHER_APART) for m in pattern.finditer(body)]
    spans += [(seg.start + m.start(), seg.start + m.end(), ANOTHER_BODY) for m in _NOT_SENT_HERE.finditer(body)]
    spans += [(seg.start + m.start(), seg.start + m.end(), m.group("who")) for m in _ADDRESSED_TO_US.finditer(body)]
    spans += [(seg.start + m.end("who"), seg.start + m.end(), " ".join(m.group("who").split()))
              for m in _MADE_TO.finditer(body)]
    spans += [(seg.start + m.start(), seg.start + m.end(), " ".join(m.group("who").split()))
              for m in _MADE_NUMS_TO.finditer(body)]
    if not spans:
        return refs
    return [dataclasses.replace(r, sent_to=who) if (who := next((w for a, b, w in spans if a <= r.start < b), None))
            else r for r in refs]


# what an addressee heading says before the body: "To ", "For ", "Recommendations to ", "I recommend that "
# (or the committee's words: "The Committee recommends that ScotRail:")
# (under its own letter: "A. To Hollowmere Steam Fair Limited")
_ADDRESSEE_LEAD = re.compile(r"^\W*(?:(?-i:[A-H]|[IVX]{1,3})[.)]\s+)?(?:(?:recommendations?\s+)?(?:to|for)|"
                            r"(?:i|we)\s+(?:\w+\s+)?recommend\s+that|"
                            r"the\s+(?:committee|panel|commission|board|inspectorate|review)\s+(?:\w+\s+)?recommends\s+that|"
                            r"leaders\s+(?:at|in|of|from))\s+", re.I)
# an inspectorate's "Leaders across the local area partnership should:": every body it inspected
_ACROSS_LEAD = re.compile(r"^\W*leaders\s+across\s+", re.I)
# "Trust should", "Ofgem, we recommend that it" (from "For Ofgem, we recommend that it:")
_SHOULD_TAIL = re.compile(r"\s+(?:should|must)$|,?\s+(?:we|i)\s+(?:would\s+)?(?:also\s+)?recommend\s+that\s+(?:it|they|you)$",
                          re.I)


# a line set in bold (or italics) on its own that names a body ("**To Mereby Urgent Care CIC**",
# "_To the Ambulance Service_" on the judiciary's page) is a heading, as a colon makes one in plain
# text; "**For Action**" and "**To Note**" are not
_BOLD_LINE = re.compile(r"^\s*(\*\*|__|\*|_)(?P<inner>[^*_\n]+?)\1\s*$")
_BODY_WORDS = (r"trust|board|council|icb|cic|agency|department|service|authority|police|constabulary|office|ministry|"
               r"commission|government|executive|limited|ltd|plc|llp|university|college|group|partnership|nhs|practice|"
               r"surgery|hospitals?|school|company|society|foundation")
_BODY_WORD = re.compile(rf"\b(?:{_BODY_WORDS})\b", re.I)
_TO_BODY = re.compile(r"To\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:and|of|for|the|&))*\s+[A-Z]")


def _heading_text(line: str) -> str:
    bold = _BOLD_LINE.match(line)
    # ("**To Health Education and Improvement Wales**": "To" and two capitalised words name a body too)
    if bold and (_BODY_WORD.search(bold.group("inner")) or _TO_BODY.match(bold.group("inner"))):
        return bold.group("inner").strip().rstrip(":") + ":"
    return clean(line) or ""


# a body's name alone on its line: "Brook Lane Medical Practice", "NHS England", "Tamebridge and
# Aldersey Hospitals NHS Foundation Trust (Tamebridge Bowel Cancer Screening Hub)"
# (a company's abbreviated "Inc." or "Ltd." in it is no full stop: "Vantaro Fitness, Inc. and Vantaro Fitness UK Ltd")
_BARE_NAME = re.compile(r"^(?=[A-Z])(?:[^.:;!?]|(?:(?<=\bInc)|(?<=\bLtd)|(?<=\bCo)|(?<=\bCorp)|(?<=\bplc))\.){2,120}$")
# (or a post a report is sent to: "[Secretary of State for Education]")
_NAME_WORD = re.compile(rf"\b(?:{_BODY_WORDS}|association|institute|federation|register|regulator|union|centre|center|"
                        rf"clinic|secretary\s+of\s+state)\b", re.I)
_CONCERNS_LEAD = re.compile(r"\bconcerns?\b|\bwhat (?:we|i) (?:are|am) (?:asking|calling) for\b", re.I)
_RECOMMEND_LEAD = re.compile(r"\brecommend", re.I)
_AND_TO = re.compile(r"\band\s+to\b")
_AND_JOIN = re.compile(r"\s+and\s+(?:to\s+)?")  # between two bodies' names: "A and B", "A and to B"
_TO_LEAD = re.compile(r"^To\s+(?:the\s+)?(?=[A-Z]|(?:both|all|each)\b)")
# ("(All safeguarding partners)": a word may say which)
_TO_ALL = re.compile(r"(?:both|all|each)(?:\s+(?:of\s+(?:you|them|us)|(?:the\s+)?(?:two|three|four|five|six|[2-6])?\s*"
                     r"(?:[a-z]+\s+)?(?:bodies|organisations|organizations|addressees|recipients|agencies|services|"
                     r"partners)))\W*")


def _bare_names(text: str, blocks: list[Block], refs: list[Ref]) -> list[tuple[Block, str]]:
    """A coroner's concerns list split by the bodies' names alone on their lines ("Brook Lane
    Medical Practice", "NHS England"), each over the first of its numbered concerns: proper names,
    every word but "and", "of" and the like capitalised (not a topic heading, "Hospital services"
    or "Workforce planning in England"), under a mention of the concerns, two at least (one name
    over the whole list, or a line of a letterhead, sends nothing). "To Natural Resources Wales"
    (or "To the MHRA") needs no body's word, "To" says it is one; with no blank lines it ends the
    block above."""
    opens = {r.block_start for r in refs if r.anchor}
    cells = table_cells(text)
    out = []
    every_led = True
    for b, nxt in zip(blocks, blocks[1:]):
        ln = b.lines[0] if len(b.lines) == 1 else b.lines[-1]
        if ln.start in cells:
            continue  # a table's "For" column ("Fenreach Staffing Ltd"), beside its row: no heading over the next
        line = clean(ln.text) or ""
        name = _TO_LEAD.sub("", line)
        led = name != line
        if len(b.lines) > 1 and not sentence_end((clean(b.lines[-2].text) or "").rstrip(" –—-")):
            continue  # "... then sent on / to Harnford General Hospital": a sentence that wraps
        words = [w for w in re.findall(r"[\w&'’-]+", name) if w.lower() not in NAME_FILLER | _JOINTLY]
        if led and _TO_ALL.fullmatch(name) and nxt.start in opens and len(b.lines) == 1:
            out.append((b, name))  # "To both bodies": the concerns under it are every addressee's
            continue
        # under a finished sentence in the same block only where a body's word says it is one: text
        # from Word with no blank lines ("... 999 was called." / "AgriWork Placements Ltd" / "4. ...")
        if (len(b.lines) == 1 or led or _NAME_WORD.search(name)) and nxt.start in opens and _BARE_NAME.match(name) \
                and (_NAME_WORD.search(name) or (led and (len(words) >= 2 or (len(words) == 1 and words[0].isupper())))) \
                and len(name.split()) <= 14 and not MODAL.search(name) and all(w[0].isupper() or w[0].isdigit()
                                                                               for w in words):
            out.append((b if len(b.lines) == 1 else Block((ln,), 0), name))
            # (or a name the letter gave above it, in its addressees or its opening: a body, not a topic)
            named = re.search(r"\b" + re.escape(re.sub(r"^the\s+", "", name, flags=re.I)) + r"\b",
                              text[blocks[0].start:out[0][0].start], re.I) is not None
            every_led = every_led and (led or named)
    # (under recommendations, not concerns, only names "To" leads or the letter named above: "Hospital
    # Discharge" over a letter's items is a topic; "To the MHRA", or "Tywi County Council" it wrote to, a body)
    if len(out) < 2 or not (_CONCERNS_LEAD.search(text, blocks[0].start, out[0][0].start)
                            or (every_led and _RECOMMEND_LEAD.search(text, blocks[0].start, out[0][0].start))):
        return []
    return out


_ONE_NAME_HEAD = re.compile(r"^\W*(?:for|to)\s+(?P<who>(?-i:[A-Z])[\w'’&-]+)\W*$", re.I)


def _named_heads(blocks: list[Block], refs: list[Ref], known: set[int]) -> list[tuple[Block, str]]:
    """"For Translink" over "5. Translink should publish ...": a heading of one name, a body's, where the
    first recommendation under it asks that body by that name (not "For information" over a paragraph)."""
    out = []
    for b in blocks:
        if b.start in known or len(b.lines) != 1 or not (m := _ONE_NAME_HEAD.match(clean(b.lines[0].text) or "")):
            continue
        first = next((r for r in refs if r.start > b.start and r.stated and r.text), None)
        if first is not None and re.match(rf"(?:the\s+)?{re.escape(m.group('who'))}\s+(?:should|must)\b", first.text):
            out.append((b, m.group("who")))
    return out


def _by_addressee(text: str, blocks: list[Block], refs: list[Ref], addressee: re.Pattern[str]) -> list[Ref]:
    """Each concern with the body its heading sends it to; a heading over an unnumbered
    paragraph gives that paragraph the next number."""
    # ("To the Trust and to NHS England:" is the Trust's and NHS England's, as "To the Trust and NHS England:" is)
    # (in PDF text with no blank lines a heading line stands inside the block, after a finished sentence:
    # "... no injury had yet been reported." / "To the Chief Executive of Marchshire NHS Trust" / "1. ...")
    heads = [(Block(b.lines[k:], 0), _AND_TO.sub("and", _SHOULD_TAIL.sub("", _ACROSS_LEAD.sub("all of ", _ADDRESSEE_LEAD.sub(
                  "", m.group(0).strip(" :")))).strip()))
             for b in blocks for k, ln in enumerate(b.lines)
             if k == 0 or sentence_end(b.lines[k - 1].text)
             for m in [addressee.match(_heading_text(ln.text))] if m]
    heads = heads + _named_heads(blocks, refs, {b.start for b, _ in heads})
    # (and the names "To" leads alone among them: "To Banksia Ridge Care Ltd" over 1 to 3, where "To the Minister
    # for Health and the Secretary, NSW Health" heads 4 to 6 in a form the headings above read)
    # (only names "To" leads: under "To Tenmouth Hospitals NHS Foundation Trust:" a topic's own heading, "Hospital
    # Discharge Planning", sends nothing)
    taken = {b.lines[0].start for b, _ in heads}
    bare = [(b, name) for b, name in _bare_names(text, blocks, refs) if b.lines[0].start not in taken
            and (not heads or _TO_LEAD.match(clean(b.lines[0].text) or ""))]
    heads = sorted(heads + bare, key=lambda h: h[0].start)
    if not heads:
        return refs
    out = []
    for r in refs:
        owner = next((name for b, name in reversed(heads) if b.start <= r.start), None)
        out.append(dataclasses.replace(r, addressee=owner) if owner else r)
    if any(len(b.lines) > 1 and BULLET_ITEM.match(b.lines[1].text) for b, _ in heads):
        return sorted(out, key=lambda r: r.start)  # (bullets under the headings: the concerns, counted as bullets are)
    for k, (b, name) in enumerate(heads):
        nxt = heads[k + 1][0].start if k + 1 < len(heads) else blocks[-1].end + 1
        if any(b.start <= r.start < nxt for r in refs):
            continue
        para = next((x for x in blocks if b.end < x.start < nxt and is_prose(x.text)), None)
        if para is not None:
            n = max((r.number for r in out), default=0) + 1
            out.append(Ref(str(n), n, para.start, para.start, para.start, para.end, True, False, True,
                           clean_text(" ".join(para.text.split())), None, name, True))
    return sorted(out, key=lambda r: r.start)


# "the Reviewer's proposal, at paragraph 4.18, for an annual statement": a paper that lists the report's
# recommendations by the report's paragraph numbers (an annex's "4.18 | The Home Office should ...") cites them
# so in its prose, with no word that recommends
# (not the paper's own, "paragraph 2.1 above", nor another document's, "paragraph 1.2 of the statutory guidance")
_PARAGRAPH_CITED = re.compile(r"\bparagraphs?\s+(?P<num>\d{1,2}\.\d{1,3})\b(?!\.\d)"
                              r"(?!\s+(?:above|below|earlier|later)\b)"
                              r"(?!\s+(?:of|in)\s+(?:the|this|our|its|that)\s+"
                              r"(?!(?:[\w’'-]+\s+){0,2}?(?:report|review)\b))", re.I)
CITED_LABELS = 3  # recommendations, at least, the paper itself lists by paragraph number


def _paragraphs_cited(text: str, blocks: list[Block], refs: list[Ref]) -> list[Ref]:
    """A reply's mentions of "paragraph 4.18" where it lists 4.18 among the recommendations it states (not
    "paragraph 5.11", a conclusion it does not list)."""
    listed = {r.label for r in refs if r.stated and DECIMAL_LABEL.fullmatch(r.label)}
    if len(listed) < CITED_LABELS:
        return refs
    # (nor where the paper numbers its own paragraphs so, "2.1 The Government accepts ...": "Paragraph 2.1" is its own)
    stated_at = {r.start for r in refs if r.stated}
    own = {m.group(1) for b in blocks for ln in b.lines if (m := _OWN_PARAGRAPH.match(ln.text))
           and ln.start + m.start(1) not in stated_at}
    found = []
    for b in blocks:
        for m in _PARAGRAPH_CITED.finditer(text, b.start, b.end):
            at = m.start("num")
            if m.group("num") in listed and m.group("num") not in own and not any(r.start <= at < r.end for r in refs):
                found.append(Ref(m.group("num"), leading_number(m.group("num")), at, m.end("num"), b.start, b.end,
                                 False, False, False, None))  # (named in passing: it opens no answer of its own)
    return sorted(refs + found, key=lambda r: r.start) if found else refs


DECIMAL_LABEL = re.compile(r"\d{1,2}\.\d{1,3}")  # "4.18": a recommendation labelled by the report's paragraph
_OWN_PARAGRAPH = re.compile(r"[ \t]*(\d{1,2}\.\d{1,3})[ \t]+[A-Z]")


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


# "Safety recommendation 1 (R/2025/061)": a report that gives each recommendation a reference code
_CODE_AFTER = re.compile(r"[\s*_]*\(\s*(?P<code>[A-Z]{1,5}/\d{2,4}/\d{2,4}[A-Za-z]?)\s*\)")
CODE_HEADING_CHARS = 90  # a line this short that opens with a code is the answer's heading


def report_codes(report_text: str, report_refs: list[Ref]) -> dict[str, Ref]:
    """The report's recommendations by the codes it gives them ("Safety recommendation 1 (R/2025/061)")."""
    codes: dict[str, Ref] = {}
    for r in report_refs:
        m = _CODE_AFTER.match(report_text, r.end)
        if m:
            codes.setdefault(m.group("code"), r)
        elif CODE_LABEL.fullmatch(r.label):
            codes.setdefault(r.label, r)  # "2027/111": keyed by its code, as the replies name it
    return codes


def code_refs(text: str, seg: Segment, report_text: str, report_refs: list[Ref], refs: list[Ref]) -> list[Ref]:
    """References to the report's recommendations by the codes it gave them: an investigation body
    numbers its safety recommendations and codes each ("Safety recommendation 1 (R/2025/061)"), and
    the replies answer under the codes alone ("R/2025/061: installation before discharge"). Each
    code in the reply, outside the references already found, refers to its recommendation."""
    codes = report_codes(report_text, report_refs)
    if not codes:
        return []
    found = re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
                       + r")(?![\w/])")
    blocks = to_blocks(split_lines(text, seg.start, seg.end))
    out = []
    for m in found.finditer(text, seg.start, seg.end):
        if any(r.start <= m.start() < r.end for r in refs):
            continue
        b = next((b for b in blocks if b.start <= m.start() < b.end), None)
        if b is None:
            continue
        line = next(ln for ln in b.lines if ln.start <= m.start() <= ln.end)
        said = clean(line.text) or ""
        heading = len(said) <= CODE_HEADING_CHARS and not sentence_end(said) \
            and len(clean(text[line.start:m.start()]) or "") <= ANCHOR_CHARS
        r = codes[m.group(0)]
        out.append(Ref(r.label, r.number, m.start(), m.end(), b.start, b.end, anchor=heading, heading=heading,
                       stated=False))
    return out


# "Paragraph 2.4: registered office service providers": a minister's heading over the answer to the
# recommendation a committee's letter made at its paragraph 2.4
# (or several, "Paragraphs 2.3 and 2.4 (verification and data)", "Para 3.2: costs")
_PARAGRAPH_HEADING = re.compile(r"^[\s*#_]*(?:paragraphs?|paras?\.?)\s+(?P<nums>\d{1,2}\.\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2}\.\d{1,2})*)"
                                r"\b[\s*_]*(?:[:.–—-]\s*(?P<title>[^\n]*)|\((?P<topic>[^()\n]{1,80})\)[\s*_]*)?$", re.I | re.M)
TITLE_WORDS = 12  # words a heading's title runs to, at most
# "Headline award (paragraph 4.22)": the reply's own title over its answer, the report's paragraph after it
_TITLED_PARAGRAPH = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|\*\*|__)?(?P<title>(?-i:[A-Z])[^\n()]{0,80}?)[ \t]*"
                               r"\((?:see\s+)?(?:paragraphs?|paras?\.?)\s+"
                               r"(?P<nums>\d{1,2}\.\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2}\.\d{1,2})*)\)[\s*_:]*$",
                               re.I | re.M)
# "### 5.1 Independent inspections before completion": the label alone over its title, where the reply
# heads two or more of its answers so with the report's labels (one such line may be its own section)
_BARE_PARAGRAPH_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|\*\*|__)?(?P<nums>\d{1,2}\.\d{1,2})[*_]*(?:[:.–—-])?[ \t]+"
                                     r"(?P<title>[A-Z][^\n]*?)[\s*_]*$", re.M)
BARE_HEADINGS = 2
# "6.1 - Agreed. Version 9 of the QAF ...": the label and a spaced dash opening the paragraph that answers
# it, where the reply so opens two or more (not "4.3 Training for ...", the reply's own numbered paragraph)
_DASHED_PARAGRAPH = re.compile(r"^[ \t]*(?:\*\*|__)?(?P<nums>\d{1,2}\.\d{1,2})[*_]*[ \t]+[–—-][ \t]+(?P<title>\S[^\n]*)$",
                               re.M)


def _opens_paragraph(text: str, lo: int, at: int) -> bool:
    """Whether the line at ``at`` opens a paragraph: a blank line above it, a finished sentence, or the
    page's running header ("Response to Public Interest Report 202504817    Page 1 of 2")."""
    above = text[text.rfind("\n", lo, max(lo, at - 1)) + 1:max(lo, at - 1)].strip()
    return not above or sentence_end(above) or re.search(r"\bpage\s+\d+\s+of\s+\d+\s*$", above, re.I) is not None


_OWN_SECTION_LINE = re.compile(r"^[ \t\f]*(\d{1,2})\.[ \t]+(?-i:[A-Z])[^.\n]{0,60}$", re.M)  # "4. Actions taken"
_LABELLED_PARAGRAPH = re.compile(r"^[ \t\f]*(?P<nums>\d{1,2}\.\d{1,2})[ \t]+(?P<title>(?-i:[A-Z])[^\n]*)$", re.M)


def paragraph_heading_refs(text: str, seg: Segment, report_refs: list[Ref], refs: list[Ref]) -> list[Ref]:
    """Headings naming the report's recommendations by the paragraphs it numbered them by: only
    labels the report itself gave ("2.4"), so a reply's other paragraph numbers name nothing."""
    labels = {r.label for r in report_refs if "." in r.label and r.stated}
    if not labels:
        return []
    blocks = to_blocks(split_lines(text, seg.start, seg.end))
    out = []
    # (a heading stands alone over a blank line: not "4.3  Training for nursing staff ... once the", the first
    # line of the reply's own paragraph)
    bare = [m for m in _BARE_PARAGRAPH_HEADING.finditer(text, seg.start, seg.end) if m.group("nums") in labels
            and len(m.group("title").split()) <= TITLE_WORDS and re.match(r"[ \t]*\n[ \t]*(?:\n|$)", text[m.end():])]
    dashed = [m for m in _DASHED_PARAGRAPH.finditer(text, seg.start, seg.end) if m.group("nums") in labels]
    # ("4.1 We have noted the Panel's findings ...", "4.2 All 38 of our advisers will ...": each paragraph
    # opened by the label it answers, where every paragraph the reply so numbers has one of the report's)
    opened = [m for m in _LABELLED_PARAGRAPH.finditer(text, seg.start, seg.end)
              if _opens_paragraph(text, seg.start, m.start())]
    # (not the reply's own paragraphs under a section it numbers itself, "4. Actions taken" over "4.1 We will
    # not pay ...", whatever order the report's 4.1 to 4.3 came in)
    own = {m.group(1) for m in _OWN_SECTION_LINE.finditer(text, seg.start, seg.end)}
    opened = opened if len(opened) >= BARE_HEADINGS and all(m.group("nums") in labels for m in opened) \
        and not any(m.group("nums").split(".")[0] in own for m in opened) else []
    found = list(_PARAGRAPH_HEADING.finditer(text, seg.start, seg.end)) \
        + list(_TITLED_PARAGRAPH.finditer(text, seg.start, seg.end)) + (bare if len(bare) >= BARE_HEADINGS else []) \
        + (dashed if len(dashed) >= BARE_HEADINGS else []) + [m for m in opened if m.group("nums") not in
                                                                 {d.group("nums") for d in dashed}]
    for m in found:
        title = (m.group("title") or "").strip()
        b = next((b for b in blocks if b.start <= m.start("nums") < b.end), None)
        # ("Paragraph 5.3 - We accept that ...": the answer itself after the label, at the paragraph's start)
        heading = len(title.split()) <= TITLE_WORDS and not sentence_end(title)
        if b is None or not (heading or (m.re is not _BARE_PARAGRAPH_HEADING and m.start() <= b.start and title)):
            continue
        for n in re.finditer(r"\d{1,2}\.\d{1,2}", m.group("nums")):
            at = m.start("nums") + n.start()
            if n.group() in labels and not any(r.start <= at < r.end for r in refs):
                out.append(Ref(n.group(), leading_number(n.group()), at, at + len(n.group()), b.start, b.end,
                               anchor=True, heading=heading, stated=False))
    return out


# "As to the first part, ...", "the second part of your first concern", "the first part of concern 1": a point
# of a concern the report sets out in lettered points ("1. Secondary guarding" / "(a) ..." / "(b) ..."), named
# by its place
_PART_BY_PLACE = re.compile(r"\bthe\s+(?P<part>first|second|third|fourth|fifth|sixth)\s+part\b(?:\s+of\s+(?:(?:your|the|my)\s+"
                            r"(?P<whole>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
                            r"(?:concern|recommendation|matter)\b|(?:(?:your|the|my)\s+)?(?:concern|recommendation|matter)\s+"
                            r"(?P<num>\d{1,2})\b))?", re.I)


def part_refs(text: str, seg: Segment, refs: list[Ref], reported: frozenset[str]) -> list[Ref]:
    """A reply's references to the lettered points of a concern by their place ("Your first concern had
    two parts. As to the first part, ..."): each names that point ("1a"), of the concern it names, or of
    the last one named before it; the concern it names so ("of your first concern") names no other."""
    out = list(refs)
    for m in _PART_BY_PLACE.finditer(text, seg.start, seg.end):
        if m.group("whole") or m.group("num"):  # ("the first part of concern 1")
            num = ORDINAL_NUMBERS[m.group("whole").lower()] if m.group("whole") else int(m.group("num"))
        else:
            before = [r for r in out if r.start < m.start()]
            if not before:
                continue
            num = before[-1].number
        lab = f"{num}{'abcdef'[ORDINAL_NUMBERS[m.group('part').lower()] - 1]}"
        if lab not in reported:
            continue
        line_start = text.rfind("\n", seg.start, m.start()) + 1
        line_end = text.find("\n", m.end(), seg.end)
        out = [r for r in out if not (m.start() <= r.start < m.end())]
        out.append(Ref(lab, num, m.start(), m.end(), line_start, line_end if line_end >= 0 else seg.end,
                       True, False, False, ordinal=True))
    return sorted(out, key=lambda r: r.start)
