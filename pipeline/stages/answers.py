"""Where a reply answers each recommendation, and which of its words are the answer.

Replies lay their answers out in a handful of ways, all seen in real papers:

- a heading per recommendation ("Recommendation 6", "## Recommendation 6",
  "Concern 1: Contacting specialist centres", "Response to Concern 2:"), often
  followed by the recommendation quoted in full, a status line ("The government
  accepts this recommendation in principle.") and prose that may qualify it;
- several headings with nothing under them but the quoted recommendation,
  answered together under the last one;
- "Recommendation:" and "Response:" blocks with no number, matched to the
  report's numbered list by what they quote;
- an answer that opens a paragraph ("On recommendation 6, ..."), or a sentence
  that names the recommendation in passing;
- no numbers at all: a reply that answers the concerns by their subject.

A section runs from one heading to the next. The recommendation quoted under a
heading is not part of the answer: it is found where the section opens, before
the first sentence that responds, and wherever a sentence repeats the
recommendation's own words. A section that only points elsewhere ("See
recommendation 29.") records the recommendation it points to.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import islice, takewhile
from dataclasses import dataclass, replace

from pipeline.layout import SIDE_KEYWORD
from pipeline.stages.recommendations import ANCHOR_CHARS, BARE_LABEL, MODAL, PARAGRAPH_TAG, Ref, label_title_blocks
from pipeline.stages.refs import closes_title, heading_line, is_heading
from pipeline.stages.segment import (ORIGINAL_MESSAGE, TABLE_BELOW, Segment, prose_lines, prose_paragraphs,
                                     registration_line)
from pipeline.stages.table_refs import LONE_ROW, row_block, split_cell_rows, split_layout_rows
from pipeline.text import (BULLET_ITEM, CELL_ROW, WROTE, Block, Line, clean, is_prose, line_end, line_paragraphs,
                           sentence_end, sentence_text, split_lines, table_cells, to_blocks, word_count)

Unit = tuple[int, int, int]  # sentence start, end, paragraph index within the passage


@dataclass(frozen=True)
class Answer:
    units: tuple[Unit, ...]
    how: str  # heading | grouped | unnumbered | inline | topic | whole
    xref: str | None = None  # the label whose answer this one points to
    opens: int | None = None  # where the answer opens, for evidence when nothing else decides

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(a, z) for a, z, _ in self.units]


# a numbered section's title on a line of its own: "4. Monitoring", "3. Other matters"
_SECTION_LINE = re.compile(r"^[ \t]*\d{1,2}\.?[ \t]+[A-Z][^\n.!?:]{2,60}$", re.M)
# "see the response to recommendation 2", "See recommendation 29.", "through the response to recommendation 5"
XREF = re.compile(
    r"\b(?:see(?: also)?|as(?=\s+R\d)|as set out in|as described in|refers? to|covered (?:in|by)"
    r"|(?:through|in|under|by) (?:the|our))"
    r"\s+(?:the\s+|our\s+)?(?:government's\s+)?(?:(?:response|answer)s?\s+to\s+)?(?:(?:rec\w{0,14}|concern)\s+|(?=R\d))"
    r"(?P<label>(?-i:R)?\d{1,3}(?:\.\d{1,3})?)", re.I)  # (or the label alone where it names itself: "See R2.")
# a sentence that starts answering: a status statement or a response label
# a body named by its initials ("NIAS", "SLCC"), in a pattern that ignores case
ACRONYM = r"(?-i:[A-Z]{2,6})"
RESPONSE_START = re.compile(
    r"^\W*(?:(?:government\s+|" + ACRONYM + r"\s+)?response\s*:|" + ACRONYM + r"\s+(?:position|status|decision)\s*:|"
    r"(?:fully |partially |partly )?(?:accepted|agreed|not accepted|not agreed|"
    r"rejected|disagreed|noted|supported)\b)"
    # the status on the label's own line: "Recommendation 2 – Not accepted"
    r"|^\W*(?:recommendations?|rec\.?|concerns?)\s+[\w().,&\s]{1,20}?\s*[-–—:]\s*(?:fully |partially |partly )?"
    r"(?:accepted|agreed|not accepted|not agreed|rejected|disagreed|noted|supported|implemented)\b"
    # or after its topic: "2. Technical controls - Done."
    r"|^\W*(?:\d{1,2}[.)]\s+)?[a-z][\w'’,&/() -]{2,50}?\s[-–—]\s*(?:fully |partially |partly |not )?"
    r"(?:accepted|agreed|rejected|noted|implemented|complete|completed|done)\W*$"
    r"|\b(?:accepts?|agrees?(?: with)?|supports?|rejects?|does not accept|do not accept|notes?|welcomes?)\s+"
    r"(?:this|the|these|that|all|both)\s+(?:recommendations?|concerns?)\b"
    r"|\bnot for the [\w ]{2,30} to respond to\b", re.I)
_UNNUMBERED = re.compile(r"^\W*recommendation\s*:\s*(?=\S)", re.I)
# or the label alone over the quote: "Coroner's concern" / '"Patients with a tracheostomy continue ...'
_UNNUMBERED_OVER = re.compile(r"^\W*(?:(?:the\s+)?coroner['’]s\s+|your\s+)?(?:concern|recommendation|matter\s+of\s+concern)\W*$", re.I)
_OPENS_QUOTE = re.compile(r"[ \t]*[\"“]\w")
_RESPONSE_LABEL = re.compile(r"^\W*(?:government\s+|department(?:al)?\s+)?response\s*:\s*", re.I)
# "Government response", "Our response", "Scottish Government response", "The Trust's response";
# an agency's "What the review said" over the quote and "What we are doing" over its answer
_LABEL_LINE = re.compile(r"^\W*(?:(?:the\s+)?(?:government(?:'s|’s)?|department(?:al)?)\s+)?response\W*$|"
                         r"^[\W_]*(?!(?i:we|i|they|this|that|it|no)\b)(?:(?i:the|our)\s+|(?-i:[A-Z]))"
                         r"[\w’'-]*(?:\s+[\w’'-]+){0,2}\s+response[\s*_:]*$|"
                         r"^[\W_]*what\s+(?:we|the\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+"
                         r"(?:are doing|have done|will do|did|think|say|said|"
                         r"recommended|found|asked(?:\s+for)?)[\s*_:]*$", re.I)
_COLUMN_LABEL = re.compile(r"^[ \t]*(?P<label>\S(?:\S| (?! ))*)[ \t]{3,}(?=\S)")
_FALLBACK_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_STEM = re.compile(r"[a-z][a-z'-]+")
# a heading line of its own: short, no full stop (a colon may end it)
HEADING_WORDS = 14
QUOTE_SHARE = 0.6  # share of a sentence's words that repeat the recommendation for it to be the quote
ROW_QUOTE_SHARE = 0.9  # share of a paragraph's words that are a recommendation's when it only quotes it
TOPIC_WORDS = 4  # shared words for a paragraph to answer a recommendation by its subject
TOPIC_SHARE = 0.25
TOPIC_UNITS = 4  # sentences an answer by subject keeps, best first
FEW_LABELS = 3  # a reply held to this many recommendations or fewer ...
FEW_WORDS = 3  # ... answers one by a paragraph sharing this many of its words and twice another's


def stems(s: str, stop: frozenset[str]) -> set[str]:
    return {w[:6] for w in _STEM.findall(s.lower()) if w not in stop and len(w) > 2}


def units(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[Unit]:
    """Sentences inside the spans with their paragraph's place, cut at paragraph breaks
    and at heading lines, so a label line or a heading stands alone."""
    out: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    para = -1
    for s, e in spans:
        for b in label_title_blocks(line_paragraphs(split_cell_rows(to_blocks(split_lines(text, s, e, cells=True))))):
            para += 1
            first = b.lines[0]
            # a heading line ends there, unless the sentence runs on ("... by July, and we\nhave set aside ...")
            own_line = len(b.lines) > 1 \
                and (_heading_line(first.text) or _numbered_title(first.text, b.lines[1].text, len(b.lines) == 2)) \
                and not _RUNS_ON.search(first.text) and not re.match(r"\s*[a-z]", b.lines[1].text)
            cuts = {b.start, b.end} | ({first.end} if own_line else set())
            # a Word table's row a cell a line ("2.2" / the recommendation / the response / ...): the quoted
            # recommendation ends at its cell's end, though it has no full stop, and the answer starts its own
            if LONE_ROW.match(first.text) and (row := row_block(b)) is not None and row.quote is not None:
                cuts |= {first.end, row.quote[1]}
            # a title over the prose under it, as the answers read it ("Leashes" over its answer), not a
            # label ("FSA response" over "Agreed."), which reads with its answer's first sentence
            cuts |= {x for k in _title_lines(b.lines) if not _LABEL_LINE.match(b.lines[k].text)
                     for x in (b.lines[k].start, b.lines[k].end)}
            titled = _TITLE_DASH.match(first.text)  # "4. Commissioner training - The board's view is ..."
            if titled and len(titled.group("title").split()) <= TITLE_DASH_WORDS:
                cuts.add(first.start + titled.end())
            # a two-column page from pdftotext -layout: "ONR response          Accepted. ONR published ...",
            # its label in the left column, the answer beside it
            for ln in b.lines:
                if (m := _COLUMN_LABEL.match(ln.text)) and _LABEL_LINE.match(m.group("label")):
                    cuts |= {ln.start, ln.start + m.end("label")}
            # in PDF text's paragraphs: "Government response:", "Recommendation 2", "Response: Not agreed"
            for k, ln in enumerate(b.lines[1:], 1):
                if _LABEL_LINE.match(ln.text) or BARE_LABEL.match(ln.text) or _status_line(ln.text, b.lines[k - 1].text) \
                        or _label_and_title(ln.text, b.lines[k + 1].text if k + 1 < len(b.lines) else ""):
                    cuts |= {ln.start, min(ln.end, b.end)}
                elif PARAGRAPH_TAG.search(clean(ln.text) or ""):  # "(Paragraph 18)" closes the quoted recommendation
                    cuts.add(min(ln.end, b.end))
                # a council's resolution, a clause a line with no full stop between: "THAT Council receive the
                # report; " / "AND THAT Council not adopt Recommendation 2 ...;": each clause decides on its own
                elif _RESOLVED.match(ln.text) and (clean(b.lines[k - 1].text) or "").endswith((";", ":", ",", ".")):
                    cuts.add(ln.start)
                # a bullet under a line that does not lead into it (a slide's "Status: Not accepted ✘" over
                # "• In-house model costed at ..."): a point of its own, not more of the status; so is each of a
                # list's items, no full stop between ("* Rec 1 (named case handler) - agreed" / "* Rec 2 ...")
                elif BULLET_ITEM.match(ln.text) and not (clean(b.lines[k - 1].text) or "").endswith(":"):
                    cuts.add(ln.start)
                # PDF text with no blank lines: a quote closed at a line's end, the answer on the next line
                # ('Recommendation 2(b): "publish a summary ... into account"' / "The board has noted ..."), is a
                # sentence of its own, though the quote has no full stop
                if _QUOTE_CLOSED.search(b.lines[k - 1].text) and re.match(r"\s*[A-Z]", ln.text) \
                        and _quote_opened(text[b.start:b.lines[k - 1].end]):
                    cuts.add(ln.start)
            cuts = sorted(cuts)
            pieces = list(zip(cuts, cuts[1:]))
            for ps, pe in pieces:
                inside = [(max(a, ps), min(z, pe)) for a, z in sentences if a < pe and z > ps]
                if not inside:
                    inside = [(ps + m.start(), ps + m.end()) for m in _FALLBACK_SENT.finditer(text[ps:pe])]
                for a, z in inside:
                    while a < z and text[a].isspace():
                        a += 1
                    while z > a and text[z - 1].isspace():
                        z -= 1
                    # "1." or "3 and 4." alone is a list number, not a sentence (nor one sentence twice, where
                    # the parser's sentences overlap at a line end)
                    if z > a and re.search(r"[A-Za-z]{2}", text[a:z]) and not _LIST_NUMBERS.match(text[a:z]) \
                            and (a, z) not in seen:
                        seen.add((a, z))
                        out.append((a, z, para))
    return out


# "AND THAT Council ...", "AND THAT staff bring forward ...", "That the Board ..."
_RESOLVED = re.compile(r"^\W*(?:AND\s+|And\s+)?(?:THAT\s+\w|That\s+(?:the\s+)?[A-Z])")
_QUOTE_CLOSED = re.compile(r"[A-Za-z][”\"]\s*$")
QUOTED_WORDS = 5  # words a quote closed at a line's end runs to, at least, to be a recommendation quoted


def _quote_opened(said: str) -> bool:
    """Whether the quote a line closes opened above it, round a recommendation's words (not a name in
    quotes inside a sentence: 'its "Home First"' / "Discharge Scheme ...")."""
    said = said.rstrip()
    if said.count('"') % 2 == 0 and said.count('"') >= 2:
        opened = said.rfind('"', 0, len(said) - 1)
    else:
        opened = said.rfind("“")
    return opened >= 0 and len(said[opened:].split()) >= QUOTED_WORDS


# an e-mail's answers each under its number and a short title set off by a dash, on the answer's own
# line ("2. Risk assessment - Half done. We held a workshop ..."): the title is the heading, the rest the
# answer's first sentence
_TITLE_DASH = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<title>(?!(?:We|I|It|This|They|Our)\b)[A-Z][^.;:!?\n]{0,50}?)"
                         r"\s+[-–—]\s+(?=[A-Z“\"'‘])")
TITLE_DASH_WORDS = 6


STATUS_WORDS = 6  # words a status line on its own may run to ("Response: Agreed – action under way")


def _status_line(raw: str, above: str) -> bool:
    """A status on a line of its own, with no full stop to end it, over the answer's next line
    ("Response: Not agreed" over "Action: Officers recognise ..."): a sentence of its own. It opens
    with a capital under a finished line, so a wrapped sentence's "accepted the proposals and" goes on."""
    c = (clean(raw) or "").strip()
    return 0 < len(c.split()) <= STATUS_WORDS and c[:1].isupper() and not sentence_end(c) \
        and sentence_end(clean(above) or "") and bool(RESPONSE_START.match(c))


# "Recommendation 3 – National advice line" alone on its line, in PDF text with no blank lines (or lettered, its
# title in lower case: "Recommendation (e) – refresher training for designated safeguarding leads")
# (after a dash, a title in lower case too: "Recommendation 4 – learning disability nursing workforce")
_LABEL_AND_TITLE = re.compile(r"^[\W_]*(?-i:Recommendation|Concern)\s+(?:\d{1,3}(?:\.\d{1,3})?[a-z]?\s*(?:[-–—:]\s*"
                           r"(?P<title>(?-i:[A-Z])[^.!?;]*)|[-–—]\s*(?P<plain>[a-z][^.!?;]*))|"
                           r"\([a-h]\)\s*[-–—:]\s*(?P<lettered>[A-Za-z][^.!?;]*))$")
LABEL_AND_TITLE_WORDS = 8


def _label_and_title(raw: str, next_line: str) -> bool:
    """A label and its recommendation's short title over the answer's first line, which starts a
    sentence of its own (not "Recommendation 3: The Department should" wrapped onto "publish ...")."""
    m = _LABEL_AND_TITLE.match((clean(raw) or "").strip())
    if m is None:
        return False
    title = m.group("title") or m.group("plain") or m.group("lettered")
    # (the answer's first line may open with the form's ticked box: "☒ Partially accepted")
    opens = next_line.strip()[:1].isupper() or (m.group("lettered") is not None and re.match(r"\W*[A-Z]", next_line))
    return bool(title) and len(title.split()) <= LABEL_AND_TITLE_WORDS and not MODAL.search(title) and bool(opens)


# "3 and 4." that spaCy leaves as a sentence of its own over a joint answer
_LIST_NUMBERS = re.compile(r"^\W*\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+[.)]?\W*$")


# a line that stops mid-sentence: a comma or a little word last
_RUNS_ON = re.compile(r"(?:,|\b(?:the|a|an|and|or|but|of|to|in|for|with|by|on|at|from|that|which|we|is|are|will))\s*$",
                      re.I)
_HEADING_START = re.compile(r"^\W*(?:#|recommendations?\b|concerns?\b|(?:matters? of )?concern\b|matters?\s+\d|response\b|"
                            r"conclusions?\b|areas? for improvement\b)", re.I)


# a returned form's fields around its answer box: "Ref: Standard 12", "Stated: First time", "To be
# completed by: 4 April", "Response by registered person ...:", and its sign-off ("Date completed: ...")
_FORM_FIELD = re.compile(r"^\W*(?:(?:name|date|signed|signature|job title|approved by|ref|reference|stated|"
                         r"to be completed by|target date)\b[^:\n]{0,40}:(?![^\n]*\b(?:accept|agree|reject|declin|"
                         r"note|support|complete|partial|defer|consider)\w*)[^.\n]{0,60}|response (?:by|from)\b[^:\n]*:\s*)$",
                         re.I)
_LISTED = re.compile(r"^\W*(?:recommendation|concern)s?\s+\d", re.I)


# a -layout table's row: its label ("8", "R5", "2(a)") and cells set apart by wide gaps
_TABLE_ROW_LINE = re.compile(r"[ \t\f]{0,8}R?\d{1,3}(?:[a-z]|\([a-h]\))?[.)]?[ ]{2,}\S[^\n]*?\S[ ]{3,}\S")
# "5. Independent audit": a numbered title at the margin, with no sentence's punctuation in it (also the paper's
# next section under a -layout table: "4.      Financial implications")
_NUMBERED_TITLE = re.compile(r"\f?\d{1,2}\.\s+[A-Z][^.:;\n]{0,60}$")


def _numbered_title(raw: str, next_line: str, last: bool = False) -> bool:
    """"5. Independent audit" over its answer's first line, with no blank line between (an e-mail, a
    Word copy): short beside the line under it, where a paragraph's wrapped first line runs as wide;
    or over a short answer that is the paragraph's ``last`` line and a sentence of its own ("5.
    Add-ons information" / "Noted, thank you.")."""
    return len(raw.split()) <= 8 and bool(_NUMBERED_TITLE.match(raw.rstrip())) \
        and (len(next_line.strip()) > len(raw.strip()) + 10
             or last and next_line.strip()[:1].isupper() and sentence_end(next_line)
             and len(raw.split()) <= SHORT_TITLE_WORDS and not _SENTENCE_OPENING.match(raw))


SHORT_TITLE_WORDS = 5  # "5. Add-ons information": a number and a few words
# a numbered paragraph's first words, not a title's: "1. We have updated ...", "3. The Council will ..."
_SENTENCE_OPENING = re.compile(r"^\s*\d{1,2}[.)]?\s+(?:we|i|our|it|this|these|they|the|a|an|all|no|there|in|on|"
                               r"from|since|as)\b", re.I)


# "8" alone: a table row's first cell ("8." alone numbers a paragraph, which may quote one of a group)
_LONE_ROW_NUMBER = re.compile(r"[ \t\f]{0,4}\d{1,3}[a-z]?[ \t]*(?:\n|$)")
# "  7     Revise the contingency plan    A revised plan was published ...": a pdftotext -layout table's
# row, its number, its first cell and a cell beside it (not a paragraph's hanging indent, "4.    The
# Department should ...")
_ROW_NUMBER = re.compile(r"[ \t\f]{0,8}\d{1,3}[a-z]?[.)]?[ ]{3,}\S")  # a row's number, then its first cell
_ITEM_START = re.compile(r"[ \t\f]{0,8}\d{1,3}[a-z]?[.)][ ]\S")  # a numbered item's first line
_SIDE_ROW = re.compile(r"[ \t\f]{0,8}\d{1,3}[a-z]?[.)][ ]\S[^\n]*?\S[ ]{3,}\S")  # and a cell beside it
_LAYOUT_ROW_START = re.compile(r"[ \t\f]{0,8}\d{1,3}[a-z]?[.)]?[ ]{3,}\S[^\n]*?\S[ ]{3,}\S")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _heading_line(raw: str) -> bool:
    """A paragraph's first line that is a heading of its own: "Recommendation 1: ...",
    "Response to Concern 2:", "## Recommendation 4", or any short line ending with a colon."""
    c = (clean(raw) or "").strip()
    words = c.split()
    if not 0 < len(words) <= HEADING_WORDS:
        return False
    return c.endswith(":") or (bool(_HEADING_START.match(raw)) and not c.endswith("."))


def body_range(text: str, seg: Segment) -> tuple[int, int]:
    """The reply's answering text: from "Dear ..." (or its start) to the sign-off, or to the
    end when a paper follows the covering letter's signature."""
    start = seg.body_start
    end = seg.end
    # (an e-mail's signature under its delimiter, "-- " alone on its line, or "- -- " as a signed message escapes
    # it, and the signature's armour: nothing the reply answers with; unless the message it quotes, answers
    # typed in it, follows)
    if (sig := _SIGNATURE_RULE.search(text, start, end)) is not None and not QUOTED_MAIL.search(text, sig.end(), end):
        end = sig.start()
    # a sign-off found under "-----Original Message-----" is the quoted message's own: the reply, signed
    # with a first name alone, ends at the marker
    marker = _ORIGINAL.search(text, start + 1, seg.signoff.start) if seg.signoff else None
    if marker and not _typed_in(text, marker.start(), seg.end):
        return start, marker.start()
    # (the message quoted under the reply's signature may sign off too, "> Regards,": then its header is above)
    own = seg.signoff is not None and not seg.signoff.text.lstrip().startswith(">")
    quoted = QUOTED_MAIL.search(text, seg.signoff.end if own else start + 1, seg.end)
    if quoted and _FORWARDS_BELOW.search(text, start, quoted.start()) \
            and _FORWARDED.search(text, seg.start, quoted.start()) \
            and prose_paragraphs(to_blocks(split_lines(text, start, quoted.start()))) <= NOTE_PARAGRAPHS:
        # a short note forwarding the response below it ("Please see below the response of ..."): the
        # forwarded message answers (not answers typed under such a line, over the letter they quote)
        quoted = None
    tagged = _marked_inline(text, start, quoted.start(), seg.end) if quoted else None
    if tagged is not None:
        # (the quoted message's own sign-off after the last answer ends what the reply typed into it, not one
        # above the recommendations it pastes under its signature)
        closing = _QUOTED_CLOSING.search(text, tagged, seg.end)
        return start, closing.start() if closing else end
    typed = quoted is not None and _typed_in(text, quoted.start(), seg.end)
    if quoted and not any(RESPONSE_START.match(ln) for ln in text[quoted.start():seg.end].splitlines()) and not typed:
        # the message answered, quoted under the reply's signature (or under an e-mail that signs off
        # with a first name alone): what it says is its writer's, not the reply's, unless the reply is
        # typed into it ("NU RESPONSE: ..." under each recommendation)
        end = quoted.start()
    elif typed:
        # (typed into it: up to the quoted message's own sign-off under its last quoted line, "Kind regards")
        last = max((m.start() for m in re.finditer(r"(?m)^[ \t]*>", text[quoted.start():seg.end])), default=None)
        closing = _QUOTED_CLOSING.search(text, quoted.start() + last, seg.end) if last is not None else None
        end = closing.start() if closing else end
    if seg.signoff is None or end < seg.signoff.start:
        return start, end  # (or its quote's sign-off, the reply's own above the quote)
    after = to_blocks(split_lines(text, seg.signoff.end, end))
    # a paper's paragraphs, or in PDF text with no blank lines its lines of prose
    if sum(1 for b in after if is_prose(b.text)) >= 3 or prose_lines(after) >= 6:
        return start, end
    # the letter's answers in "the table below" its signature, however little prose its cells leave
    if TABLE_BELOW.search(" ".join(text[start:seg.signoff.start].split())) \
            and any(CELL_ROW.search(ln.text.strip()) for b in after for ln in b.lines):
        return start, end
    return start, seg.body_end


_SIGNATURE_RULE = re.compile(r"^(?:- )?-- ?$|^-----BEGIN PGP SIGNATURE-----\s*$", re.M)
_QUOTE_MARK = re.compile(r"[ \t]*>")
# an e-mail that sends on the body's response in the message under it
# (someone else's: not "Please see below our response to your three recommendations" over typed answers)
_FORWARDS_BELOW = re.compile(r"\b(?:see|find|read)\s+(?:below|underneath)\s+(?:the|his|her|their)\s+"
                             r"(?:[\w’'-]+\s+){0,3}?(?:response|reply)\b|"
                             # "Please accept the partners' response below, which Dr Kaur asked me to forward"
                             r"\b(?:the|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:response|reply)\s+"
                             r"(?:below|underneath)\b", re.I)
NOTE_PARAGRAPHS = 2  # paragraphs of prose a forwarding note runs to, at most
_SUBJECT_LINE = re.compile(r"[ \t>*_]*subject[*_]*\s*:", re.I)
_FORWARDED = re.compile(r"\bforward(?:ed|ing)?\b|^\W*subject\s*:\s*(?:fw|fwd)\s*:", re.I | re.M)
TYPED_PARAGRAPHS = 2  # paragraphs of its own a reply types between the lines it quotes, to answer in them


def _typed_in(text: str, start: int, end: int) -> bool:
    """Whether a reply answers inside the message it quotes under "On ..., X wrote:": paragraphs not
    set off by ">" between quoted ones ("I've put our responses inline below, under each of the
    recommendations"), or under "-----Original Message-----" and its header ("... your email below,
    marked [ECHT]")."""
    if not (_WROTE_LINE.match(text, start) or QUOTED_MAIL.match(text, start)):
        return False
    own, seen_quote = 0, False
    for b in to_blocks(split_lines(text, start, end)):
        quoted = _quoted_block(b)
        if quoted:
            seen_quote = True
        elif seen_quote and is_prose(b.text):
            own += 1
    return own >= TYPED_PARAGRAPHS


# the reply says where its answers are: "I have set out our responses inline below, marked [NHS CARNBRAE]",
# "our comments are marked [GLENARD] under each recommendation"
# (or "my answers start [JP]", "each reply begins with [NHS GG]", "I've tagged my answers [DPH]": the tag
# they open with)
_SAYS_INLINE = re.compile(r"\b(?:responses?|answers?|comments?|replies)\b[^.]{0,60}?\b(?:in-?line|in\s+line|marked|tagged|"
                          r"prefixed|(?:start|begin)(?:s|ning)?(?:\s+with)?)\b|\b(?:tagged|marked|prefixed)\s+(?:my|our|the)\s+"
                          r"(?:responses?|answers?|comments?|replies)\b"
                          # ("I have answered in capitals under each recommendation in your email below")
                          r"|\b(?:answered|responded|replied|commented)\b[^.]{0,40}?\b(?:in\s+(?:capitals|caps|upper\s*case|"
                          r"bold|italics|red|blue|green)|in-?line|(?:under|below|beneath)\s+each)\b", re.I)
_TAG = re.compile(r"\[(?P<tag>[A-Z][^\]\n]{1,40})\]")  # "[NHS CARNBRAE]", "[Council response]"
# or the body's name in capitals opening each answer: "ATBP: THE REVISED RISK MODEL ...", "ATBP RESPONSE
# TO RECOMMENDATIONS 4 AND 5: ..."
_CAPS_TAG = re.compile(r"^[ \t]*(?P<tag>[A-Z][A-Z&]{1,11})\b(?:[ \t]+[A-Z0-9&]+){0,8}[ \t]*:", re.M)
_NOT_TAG = frozenset({"RECOMMENDATION", "RECOMMENDATIONS", "CONCERN", "CONCERNS", "FROM", "TO", "CC", "SENT", "SUBJECT",
                      "DATE", "RE", "NOTE", "NB", "PS"})


_QUOTED_CLOSING = re.compile(r"^\W*(?:yours\s+(?:sincerely|faithfully|truly)|(?:with\s+)?(?:kind|best|warm)(?:est)?\s+"
                             r"(?:regards|wishes)|regards|(?:many\s+)?thanks|thank\s+you)\W*$", re.I | re.M)


def _marked_inline(text: str, start: int, quoted: int, end: int) -> int | None:
    """Where the last answer starts, where a reply answers inside the message quoted under its signature
    without ">" marks, each answer opening with the tag the reply names ("marked [NHS CARNBRAE]"), two at
    least; None where it does not."""
    said = _SAYS_INLINE.search(text, start, quoted)
    if said is None:
        return None
    tag = _TAG.search(text, said.end(), quoted)
    if tag is not None:
        opens = [m.start() for m in re.compile(rf"^[ \t]*{re.escape(tag.group())}", re.M).finditer(text, quoted, end)]
    else:
        caps = Counter(m.group("tag") for m in _CAPS_TAG.finditer(text, quoted, end) if m.group("tag") not in _NOT_TAG)
        word = caps.most_common(1)[0][0] if caps else None
        opens = [m.start() for m in _CAPS_TAG.finditer(text, quoted, end) if m.group("tag") == word]
    return opens[-1] if len(opens) >= TYPED_PARAGRAPHS else None


_MARKER = re.compile(r"\bmarked\s+\(?[\"“']?(?P<mark>>{2,3})")  # "inline below (marked >>)"


def typed_marks(text: str, seg: Segment) -> str:
    """``text`` with the marks a reply opens its typed-in answers with blanked, where it says it marked them
    so ("I've put the authority's response ... inline below (marked >>)"): under the quoted message's
    "> P1 Require a street tree strategy ...", the ">> Agreed. ..." lines are the reply's own words, not the
    quote's. Same length."""
    quoted = QUOTED_MAIL.search(text, seg.body_start + 1, seg.end)
    said = _SAYS_INLINE.search(text, seg.body_start, quoted.start()) if quoted else None
    mark = _MARKER.search(text, said.start(), quoted.start()) if said else None
    # (only where the quoted message's own lines are set off by ">": there the marks tell the two apart; where
    # they stand bare, the marks alone set the answers off, and stay)
    if mark is None or not re.search(r"(?m)^[ \t]*>(?!>)", text[quoted.start():seg.end]):
        return text
    lead = re.compile(rf"^[ \t]*{re.escape(mark.group('mark'))}(?!>)", re.M)
    typed = lead.sub(lambda m: " " * len(m.group()), text[quoted.start():seg.end])
    return text[:quoted.start()] + typed + text[seg.end:]


def _quoted_block(b: Block) -> bool:
    """Every line of the paragraph set off by ">", as a quoted message's lines are."""
    return all(_QUOTE_MARK.match(ln.text) for ln in b.lines)


def quoted_unit(text: str, u: Unit) -> bool:
    """A sentence wholly inside a markdown blockquote: the recommendation a page quotes, no answer."""
    return _blockquoted(text, u[0]) and _blockquoted(text, u[1] - 1)


def _blockquoted(text: str, at: int) -> bool:
    """The line holding ``at`` is a markdown blockquote's ("> ..."), as html2text sets quoted words."""
    return _QUOTE_MARK.match(text, text.rfind("\n", 0, at) + 1) is not None


def quoted_below(text: str, start: int, end: int) -> int | None:
    """Where the message a reply quotes under its answers starts (its header), if it does."""
    m = QUOTED_MAIL.search(text, start, end)
    return m.start() if m else None


# (or "On 16/02/2027 10:31, Industry and Regulators Committee wrote:" over the message set off by ">")
_WROTE = rf"^\W*{WROTE}[ \t]*\n[ \t]*>"
_WROTE_LINE = re.compile(rf"\W*{WROTE}", re.I)
_ORIGINAL = re.compile(rf"^{ORIGINAL_MESSAGE}|{_WROTE}", re.I | re.M)  # the marker alone, within QUOTED_MAIL below
# the header of a quoted message: "-----Original Message-----", or "From: ... <...@...>" over "Sent:"/"Date:"
QUOTED_MAIL = re.compile(rf"^{ORIGINAL_MESSAGE}|^\W*from:[^\n]*@[^\n]*\n\W*(?:sent|date):|{_WROTE}", re.I | re.M)
TRAIL_CHARS = 400  # characters from a segment's start within which the trail of quoted messages it is opens


def opens_trail(text: str, seg: Segment) -> bool:
    """Whether the segment is the trail of messages the e-mail above it quotes (a thread saved newest first:
    "On 26/06/2025, Carys wrote:" under the answer's signature, over the holding reply and the original)."""
    return QUOTED_MAIL.search(text, seg.start, min(seg.end, seg.start + TRAIL_CHARS)) is not None


def _contents_block(text: str, b: Block, refs: list[Ref]) -> bool:
    """A contents list: a paragraph of three or more lines, most of them naming a recommendation."""
    lines_with = [ln for ln in b.lines if any(ln.start <= r.start < ln.end for r in refs)]
    short = [ln for ln in lines_with if len((clean(ln.text) or "").split()) <= 15]
    return len(short) >= 3 and len(short) * 2 >= len(b.lines)


LIST_SLACK = 12  # characters a restated item's line may have beyond its number and statement


def _quoted_list(b: Block, refs: list[Ref]) -> bool:
    """The recommendations restated as a list, one a line and nothing between them ("The Committee's
    recommendations" on a web page, each item a line as html2text leaves a list): no answer is in it
    (not a line that goes on past its statement: "1. The Department should ... Accepted: ...")."""
    mine = [r for r in refs if b.start <= r.start < b.end and r.stated and r.text]
    if len(mine) < SUMMARY_ITEMS or any(_STATUS_IN_LINE.search(ln.text) for ln in b.lines):
        return False
    # each item from the line its number opens, over the lines it wraps on to ("  1. publish, each month,
    # the number ..." / "     requiring action ...", as html2text wraps a list at 78 columns)
    items: list[tuple[Ref, list[str]]] = []
    for ln in b.lines:
        opens = next((r for r in mine if ln.start <= r.start < min(ln.end, ln.start + ANCHOR_CHARS)), None)
        if opens is not None:
            items.append((opens, [ln.text]))
        elif items and ln.text[:1].isspace() and ln.text.strip():
            items[-1][1].append(ln.text)
        elif not items and ln.text.rstrip().endswith(":"):
            continue  # its lead-in, where no blank line sets it off: "The review made seven recommendations:"
        else:
            return False
    return len(items) == len(mine) and all(len(clean(" ".join(lines)) or "") <= len(r.text) + LIST_SLACK
                                           for r, lines in items)


def _headed_elsewhere(text: str, b: Block, refs: list[Ref]) -> bool:
    """Whether headings after a quoted list take up its own items: then they answer them, not the prose
    under the list (a theme's "3a." to "3c." over "Our response", in a paper that heads its other
    answers "Recommendation 4a", are answered by that prose). So do headings above it: an annex listing
    them all again after their answers ("## Annex: the review's recommendations") answers none, not even
    one the headings passed over; but not the heading straight over the list, its own ("### Recommendations
    7 to 9" over "7. ...", "8. ...", "9. ...", and the answer under them)."""
    listed = {r.label for r in refs if b.start <= r.start < b.end}
    own = any(r.heading and r.start < b.start and not text[line_end(text, r.start):b.start].strip() for r in refs)
    # (or a label opening its answer's line after it: "Recommendation 2.1: Agreed." under a theme's heading)
    return any((r.heading and r.label in listed and (r.start >= b.end or (r.start < b.start and not own)))
               or (r.anchor and not r.stated and r.label in listed and r.start >= b.end
                   and _LABEL_OPENS.fullmatch(text, _line_start(text, r.start), r.end) is not None
                   and text[r.start:r.end].endswith(r.label)) for r in refs)


_LABEL_OPENS = re.compile(r"[\W_]*(?:(?:recommendation|concern)\s+)?[\w.()]+", re.I)  # a label opening its line


def _titled_from(blocks: list[Block], at: int) -> int:
    """Where a list of the recommendations restated from ``at`` starts with its title: the line alone
    above it ("Annex A: Recommendations of the Independent Review"), which ends the answer before it too."""
    k = next((k for k, b in enumerate(blocks) if b.start == at), None)
    above = blocks[k - 1] if k else None
    if above is not None and len(above.lines) == 1 and not sentence_end(above.text) \
            and len(above.text.split()) <= TITLE_LINE_WORDS:
        return above.start
    return at


TITLE_LINE_WORDS = 12  # words of a list's title, at most
RESTATED_CHARS = 400  # a recommendation restated in a list, at most
RESTATED_WORDS = 8  # and at least, on its own lines, where it reads as a heading
_FOOTER_LINE = re.compile(r"^\s*(?:www\.|https?://)\S+\s*$|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\s*$")
_NEXT_SENTENCE = re.compile(r"[.;!?]\s+[A-Z]")  # a second sentence after the statement: an answer


def _restated_after(text: str, blocks: list[Block], refs: list[Ref]) -> tuple[list[tuple[int, int]], set[int]]:
    """The recommendations listed again after their answers, a paragraph each ("Annex: the
    Commissioner's recommendations in full" / "Recommendation 4 – amend the ... regulations (MHCLG)."):
    each paragraph only states one that a heading above has already answered, or that was never
    answered; nothing in them answers (not an answer that opens "Recommendation 4 – accepted."). With
    them, the starts of those lists that are the quotes straight under their own heading, which the prose
    after them answers ("Recommendations 7, 8 and 9: Endoscopy" over "7. The number of ...", "8. ...",
    "9. ..."): those end no answer."""
    first_heading = min((r.start for r in refs if r.heading), default=None)
    if first_heading is None:
        return [], set()
    run: list[tuple[int, int]] = []
    out: list[tuple[int, int]] = []
    headed: set[int] = set()
    above: Block | None = None  # the block before the run

    def restates() -> bool:
        in_run = {r.label for r in refs if any(a <= r.start < z for a, z in run)}
        if len(run) >= SUMMARY_ITEMS and above is not None and any(
                r.label in in_run and above.start <= r.start < above.end for r in refs):
            headed.update(a for a, _ in run)
        return len(run) >= SUMMARY_ITEMS

    for k, b in enumerate(blocks):
        mine = [r for r in refs if b.start <= r.start < b.end]
        r = mine[0] if len(mine) == 1 else None
        # (the item's number's own stop is no sentence's end: "7.    The HTA should ...")
        # (nor is a page's footer run on under the last item: "St Andrew's House, ... EH1 3DG" / "www.gov.scot")
        upto = next((ln.start for ln in b.lines if ln.start > r.start and _FOOTER_LINE.search(ln.text)), b.end) \
            if r is not None else b.end
        said = (clean(text[r.end:upto]) or "").lstrip(".): \t") if r is not None else ""
        # (one never answered may read as a heading, the list's last: "7.    The HTA should require ...")
        listed = r is not None and r.heading and bool(run) and len(said.split()) >= RESTATED_WORDS
        one = r is not None and (r.stated or listed) and bool(r.text) and (not r.heading or listed) \
            and b.start > first_heading and r.start - b.start <= ANCHOR_CHARS and len(said) <= RESTATED_CHARS \
            and not _NEXT_SENTENCE.search(said) \
            and not RESPONSE_START.match(r.text or "") and not any(_STATUS_IN_LINE.search(ln.text) for ln in b.lines)
        if one:
            if not run:
                above = blocks[k - 1] if k else None
            run.append((b.start, b.end))
            continue
        if mine or is_prose(b.text):
            if restates():
                out += run
            run = []
    return out + (run if restates() else []), headed


# "... within twelve months. Accepted: the strategy will be published ...": a status after the statement
_STATUS_IN_LINE = re.compile(r"[.;:]\s+(?:(?:government\s+)?response\s*:|(?:not\s+|partially\s+)?(?:accepted|agreed|"
                             r"rejected|noted|supported)\b)", re.I)


# "Our response to concerns 1 to 4 is set out below.", "I take your recommendations in turn."
PARA_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"  # a paper's own paragraph number: "4. ", "1.4    "
# the ordinals a reply names recommendations by ("the sixth and seventh concerns listed"), the first ten of them
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth")
_TENTH = "|".join(_ORDINAL_WORDS[:10])
_ANNOUNCING = re.compile(r"\b(?:(?:set out|given|found|addressed|answered|covered) below|below(?=\W*$)|in turn|as follows|"
                         # how many there are and how labelled: "The review made eight recommendations,
                         # labelled R1 to R8."
                         r"(?:made|makes|contained|contains|set out|sets out)\s+(?:[\w’'-]+\s+){0,2}?"
                         r"recommendations,?\s+(?:labelled|numbered)\b|"
                         # what the paper is: "This paper sets out the Government's response to recommendations 7.1
                         # to 7.5." (several, and nothing said of them: not "... to recommendation 2, which we accept")
                         r"(?:paper|document|response|report|letter|note) (?:sets|set) out (?:the |our |its |this )?"
                         r"(?:[\w’'-]+ ){0,2}?(?:response|answer|reply|position)s? (?:to|on) (?:the |its |our )?(?:[\w’'-]+ ){0,3}?"
                         r"(?:recommendations|concerns) \d+(?:\.\d+)*(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)+(?=\.?\s*$)|"
                         # "This table sets out CIW's response to the recommendations addressed to CIW in the
                         # review (recommendations 4 and 5)."
                         r"(?:paper|document|response|letter|note|table|page|plan) (?:sets|set) out (?:the |our |its |this )?"
                         r"(?:[\w’'-]+ ){0,2}?(?:response|answer|reply|position)s? (?:to|on) [^.()]{0,120}\(\s*"
                         r"(?:recommendations|concerns) \d+(?:\.\d+)*(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)+(?=\s*\)\.?\s*$)|"
                         # whose the report says they are: "Your report identifies concerns 1, 2, 4 and 5 as matters
                         # on which the council has power to act."
                         r"(?:identifies|identified|names|named|lists|listed|directs|directed) (?:concerns|matters|"
                         r"recommendations) \d+(?:(?:,| and|, and| to) \d+)+ (?:as|to)\b|"
                         # what was asked, restated: "You asked us to respond to concerns 1 to 4."
                         r"ask(?:s|ed)? (?:us|me|the [\w ]{1,40}?|(?-i:[A-Z])[\w&'’ -]{1,40}?) to (?:respond|reply) to|"
                         r"rais(?:es|ed) (?:concerns?|matters?|recommendations?) [\d, ]+(?:and|to) \d+ (?:with|for) (?:us|me|the \w+|(?-i:[A-Z])\w+)|"
                         # "Your report raises two concerns for the Society, concerns 5 and 6, and ..."
                         r"rais(?:es|ed) (?:two|three|four|five|six|\d) (?:concerns|matters) (?:for|with) [^.,]{1,60},? "
                         r"(?:namely )?concerns? \d+(?:(?:, | and | to )\d+)+|"
                         # "... two concerns for the Home Office, which are the sixth and seventh concerns listed"
                         r"rais(?:es|ed) (?:two|three|four|five|six|\d) (?:concerns|matters|recommendations) "
                         r"(?:for|with) [^.,]{1,60},? (?:namely |which (?:are|were) )?(?:the )?(?:" + _TENTH + r")"
                         r"(?:(?:, | and )(?:the )?(?:" + _TENTH + r"))+|"
                         # which of them the reply takes: "I am responding on behalf of the Ministry of Justice to the
                         # first four recommendations; my colleague ... will respond separately on those ..."
                         r"(?:i am|i'm|we are|we're) (?:responding|replying|writing)\b[^.;]{0,80}? to (?:the |your )?"
                         r"(?:first|last|final|remaining) (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
                         r"(?:recommendations|concerns|points))\b", re.I)
# "The first two concerns are closely connected and I have answered them together."
_TOGETHER = re.compile(r"\b(?:answer|address|deal with|respond to|take)(?:ed)? (?:them|these|both|the (?:first |last )?two)"
                       r"(?: \w+){0,2} together\b", re.I)
# whose they are, which says where their answers are too: "Recommendations 1, 2, 3, 4, 6 and 8 are addressed
# to Police Scotland.", "... were addressed to the Department of Health, which is responding separately.",
# "Recommendations 1 to 6 are for the Environment Agency and recommendation 7 is for Defra."
_WHOSE = re.compile(r"\b(?:are|is|were|was) (?:addressed|directed|made) to (?:us|me|the [\w ]{1,40}?|(?-i:[A-Z])[\w&'’ -]{1,40}?)"
                    r"(?:\W*$|,? and (?:recommendations?|concerns?) \d|,\s*(?:which|who)\s+(?:is|are|will)\b)|"
                    # (under a paper's own paragraph number: "1.4    Recommendations 1 to 7 are for ...")
                    r"^\W*" + PARA_NUMBER + r"(?:the\s+)?(?:recommendations|concerns)\s+\d[\d,\s]*"
                    r"(?:(?:and|to|-|–)\s*\d+[\d,\s]*)*(?:are|were) for\b|"
                    # "Recommendation 6 is for Ofqual ..., and recommendation 7 is for the Department."
                    r"^\W*" + PARA_NUMBER + r"(?:the\s+)?(?:recommendation|concern)\s+\d+\s+(?:is|was) for\b"
                    r"[^.]{1,120}?,?\s+and\s+"
                    r"(?:recommendations?|concerns?)\s+\d", re.I)


def _bare_items(text: str, lo: int, hi: int, labels: set[str]) -> bool:
    """Whether the reply numbers a paragraph of its own for each of ``labels`` ("3. We accept ...", "4. We
    do not accept ..."): its answers to them, one by one (not the reply's own "5. I hope this helps" alone)."""
    return all(re.search(rf"(?m)^\W{{0,4}}{re.escape(lab)}[.)]\s", text[lo:hi]) for lab in labels)


def _announces(text: str, all_units: list[Unit], starts: list[int], r: Ref,
               patterns: tuple[re.Pattern[str], ...] = (_ANNOUNCING, _TOGETHER, _WHOSE)) -> bool:
    """Whether the sentence naming ``r`` only says where its answers are: it answers nothing, and
    the answers under their own numbers below it are the reply's structure."""
    k = bisect_right(starts, r.start) - 1
    if k < 0 or r.start >= all_units[k][1]:
        return False
    a, z, _ = all_units[k]
    # from the sentence's own start where spaCy ran two together over a PDF's line break ("... in full in
    # Annex A.\n       Recommendations 1 to 7 are for the SLCC.")
    own = max((m.end() - 1 for m in _SENTENCE_BREAK.finditer(text, a, r.start + 1)), default=a)
    if any(p.search(text[a:z]) or p.search(text[own:z]) for p in patterns):
        return True
    # (or the sentence after it does, of "these": "The report directs recommendations to HIE at
    # paragraphs 38, 41, ... and 104. I have taken these in turn, quoting the relevant text in each case.")
    # (not a sentence that answers them: "The Authority accepts recommendations 1, 2 and 4 and does not
    # accept recommendation 3. We have considered each of them carefully, ... set out below.")
    nxt = text[all_units[k + 1][0]:all_units[k + 1][1]] if k + 1 < len(all_units) else ""
    return _ANNOUNCING in patterns and _THESE.match(nxt) is not None and _ANNOUNCING.search(nxt) is not None \
        and not _TAKES_POSITION.search(text[own:z])


_TAKES_POSITION = re.compile(r"\b(?:accept|agree|reject|support|decline|welcome)(?:s|d|ed)?\b|\bdo(?:es)?\s+not\b", re.I)
_THESE = re.compile(r"\W*(?:i|we)\s+(?:have\s+|will\s+|shall\s+)?(?:take|taken|took|address(?:ed)?|answer(?:ed)?|"
                    r"respond(?:ed)?\s+to|deal(?:t)?\s+with|consider(?:ed)?)\s+(?:these|them|each(?:\s+of\s+(?:these|them))?)\b",
                    re.I)


THEME_WORDS = 8  # words a theme's title line may have ("Data and the funding formula")


def _theme_after(text: str, blocks: list[Block], start: int, stop_at: int, openers: dict[int, set[str]],
                 labels: dict[str, int], rec_texts: dict[str, str | None], stop: frozenset[str]) -> int:
    """Where the last numbered answer ends when a theme follows it: a title line ("Data and the
    funding formula") over prose about recommendations no heading opened ("The Committee's other
    recommendations concern ..."), which the paragraphs under it answer by subject."""
    opened = {lab for labs in openers.values() for lab in labs}
    rest = {lab: stems(t, stop) for lab, t in rec_texts.items() if t and lab in labels and lab not in opened}
    mine = [stems(rec_texts.get(lab) or "", stop) for lab in openers[start]]
    for b in blocks:
        if not start < b.start < stop_at:
            continue
        for ln in b.lines:
            title = (clean(ln.text) or "").strip()
            if ln.start <= start or not title[:1].isupper() or not 0 < len(title.split()) <= THEME_WORDS \
                    or title[-1:] in ".:;,?!" or _HEADING_START.match(ln.text):
                continue
            words = stems(text[ln.start:stop_at], stop)
            theirs = max((len(words & w) for w in rest.values()), default=0)
            if theirs >= 2 * TOPIC_WORDS and theirs > max((len(words & w) for w in mine), default=0):
                return ln.start
    return stop_at


# the paper's own sections after its last answer: "Other conclusions", "Next steps", "Annex B"
_CLOSING_TITLE = re.compile(r"^[\W_]*(?:\d{1,2}\.?\s+)?(?:other (?:conclusions|matters|issues|points|observations)"
                            r"(?: raised(?: (?:in|by) (?:the|its|this) (?:report|committee|inquiry))?)?|"
                            r"conclusions?|next steps|what happens (?:next|now)|annex(?:es)?|appendix|appendices|"
                            r"glossary|further information|"
                            r"contact (?:us|details)|abbreviations)(?:\s+[A-Z0-9]{1,2})?[\s*_:]*$|"
                            # "Annex A: The Committee's recommendations", "Appendix 2 – List of recommendations"
                            r"^[\W_]*(?:annex|appendix)(?:\s+[A-Z0-9]{1,2})?\s*[:–—-]\s+[^.]{0,60}?recommendations[\s*_]*$",
                            re.I)
# "3. Summary of ONR's position": the paper's table of statuses after its answers, numbered as its sections
# are, or "5.<tab>Summary of actions" (not "Summary of progress" under each answer of a progress report)
# (or "## Summary" alone, over a web page's table of statuses)
_SUMMARY_SECTION = re.compile(r"^[\W_]*(?:(?:\d{1,2}\.?\s+|#+\s*)summary(?:\s+table)?|(?:\d{1,2}\.?\s+|#+\s*)?summary\s+of\s+"
                              r"(?:[\w’'-]+\s+){0,2}?(?:position|responses|actions))[\s*_:]*$", re.I)


# a reply's numbered section titles, alone on their lines ("2.    Background", "3. What we have changed"),
# and those of its own opening sections ("1.    Introduction")
_SECTION_TITLE = re.compile(r"^[\W_]*\d{1,2}\.?\s+[A-Z][^.:;]{0,60}$")
_OWN_SECTION = re.compile(r"^[\W_]*\d{1,2}\.?\s+(?:introduction|background|context|purpose)[\s*_:]*$", re.I)


_MD_TITLE = re.compile(r"#{1,6}[ \t]+\S[^\n]*")  # a Markdown title, the whole of a line


# the title over an item of a report's series that is not its recommendations: "OPR Observation 3 – Monitoring",
# "Area for improvement 2", "Suggestion 4"
_OTHER_SERIES = re.compile(r"^[\W_]*(?:#{1,6}[ \t]+)?(?:[A-Z][\w&'’-]*[ \t]+){0,3}?"
                           r"(?:observation|suggestion|advisory\s+point|area\s+for\s+(?:improvement|development)|"
                           r"point\s+for\s+consideration)[ \t]+\d{1,2}\b", re.I)


def _closing_section(blocks: list[Block], start: int, stop_at: int, last: bool) -> int:
    """Where an answer ends at a section of the paper's own: a title alone in its block ("Other
    conclusions", "4. Next steps") over what the paper says outside its answers. Before the last
    answer only a numbered or Markdown title counts: an answer may have a "Conclusion" of its own."""
    for b in blocks:
        # (or over the paper's own numbered paragraph, pdftotext leaving no blank line under it: "Conclusion" /
        # "10. The Government is grateful to the Committee ...")
        # (or, on a web page or in pdftotext's raw text, which leave no blank line under a title, over the paper's
        # closing words: "Next steps" / "We will publish our consultation ...")
        alone = len(b.lines) == 1 or (last and re.match(r"^\s*(?:\d{1,2}\.\s+)?[A-Z]", b.lines[1].text) is not None)
        if start < b.start < stop_at and alone and (_CLOSING_TITLE.match(clean(b.lines[0].text) or "") \
                and (last or re.match(r"^\s*(?:#+\s|\d{1,2}\.?\s)", b.lines[0].text)) or _SUMMARY_SECTION.match(b.lines[0].text)):
            return b.start
        if last and b.start < stop_at and b.end > start:
            # (or, in pdftotext's raw text, which leaves no blank lines, a line of the block after a finished
            # sentence: "... (Paragraph 60)" / "Conclusion" / "The Commission is grateful to the Committee ...")
            for prev, ln, nxt in zip(b.lines, b.lines[1:], b.lines[2:]):
                if start < ln.start < stop_at and _CLOSING_TITLE.match(ln.text) \
                        and (sentence_end(prev.text) or prev.text.rstrip().endswith(")")) \
                        and nxt.text.lstrip()[:1].isupper():
                    return ln.start
    return stop_at


# a later paragraph taking up the rest of a recommendation answered above: "The second part of the recommendation
# at paragraph 5.9 ...", "On the other limb of recommendation 4, ..."
_FURTHER_PART = re.compile(r"\b(?:second|other|remaining|latter|final)\s+(?:part|limb|element|proposal)s?\s+"
                           r"(?:of|in)\s+(?:the|this|that|your)\s+(?:[\w’'-]+\s+)?"
                           r"(?:recommendation|proposal|paragraph)\b", re.I)
_BULLET_MARK = re.compile(r"^[-•·▪◦–]\s+")
CONTENTS_TITLE_WORDS = 8  # words a contents list's entry runs to, at most
CONTENTS_TITLES = 3  # entries, at least, that the paper sets again as its sections' titles


def _title_key(line: str) -> str | None:
    # (a web page's contents list may set its entries as bullets: "- Next steps")
    title = _BULLET_MARK.sub("", " ".join(line.split()).strip("#*_ ")).rstrip(":").lower()
    return title if title and len(title.split()) <= CONTENTS_TITLE_WORDS and title[:1].isalpha() \
        and not sentence_end(title) else None


def _unheaded(out: dict[str, Answer], lab: str, stated_at: set[int]) -> bool:
    """Whether a heading with nothing under it may take the next one's answer: its label has none yet, or
    only one a mention in the paper's opening opened, above every quote ("Recommendations 4 and 5 are
    answered together."), not one under an earlier heading that names it ("We accept recommendations 2
    and 3.")."""
    return lab not in out or out[lab].opens < min(stated_at, default=0)


def _titles_quote(text: str, u: Unit, quotes: set[int]) -> bool:
    """Whether a unit is a title alone on its line right over a quote with no number ("Booking and
    support" over "Recommendation: Establish a single point of contact ...")."""
    nxt = u[1]
    while nxt < len(text) and text[nxt] in " \t\n":
        nxt += 1
    return _title_key(text[u[0]:u[1]]) is not None and nxt in quotes


def contents_titles(text: str, lo: int, hi: int) -> set[str]:
    """The section titles a paper's contents list names ("Foreword" / "Transparency" / "Next steps", a
    title a line, its "Contents" heading masked as a page's chrome), those it sets again alone on a line
    over each section: on a web page, no blank line under them."""
    lines = text[lo:hi].split("\n")
    keys = [_title_key(ln) for ln in lines]
    for k in range(len(lines) - CONTENTS_TITLES + 1):
        run = list(takewhile(lambda x: x is not None, keys[k:]))
        if len(run) < CONTENTS_TITLES or (k and keys[k - 1] is not None):
            continue
        above = next((ln for ln in reversed(lines[:k]) if ln.strip()), "")
        if above.rstrip().endswith(":") and _BULLET_MARK.match(lines[k].strip()):
            continue  # (an answer's own list of themes it then heads: "... falls under three themes:" / "- Escort ...")
        # (each set again once, in the list's order: not a form's labels repeated over every answer,
        # "Agreed / Partly agreed / Not agreed" / "HMPPS response and action")
        # and each over a section of its own, not on the lines next to each other ("Stated: First time" /
        # "To be completed by: 4 April 2025" under each area for improvement)
        later = keys[k + len(run):]
        again = [t for t in run if later.count(t) == 1]
        at = [later.index(t) for t in again]
        if len(again) >= max(CONTENTS_TITLES, len(run) // 2) and at == sorted(at) \
                and all(b - a > 1 for a, b in zip(at, at[1:])):
            return set(again)
    return set()


def _next_title(text: str, start: int, stop_at: int, titles: set[str]) -> int:
    """Where the next of those titles stands alone on a line after ``start``: a section of the paper's own
    (a theme, "Transparency", or "Resourcing"), which no answer above it runs on into."""
    if not titles:
        return stop_at
    for m in re.finditer(r"(?m)^[^\n]+$", text[start:stop_at]):
        if m.start() and _title_key(m.group()) in titles:
            return start + m.start()
    return stop_at


def _xrefs(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("label")) for m in XREF.finditer(text, lo, hi)]


def find_answers(text: str, seg: Segment, refs: list[Ref], labels: dict[str, int],
                 rec_texts: dict[str, str | None], sentences: list[tuple[int, int]],
                 stop: frozenset[str]) -> tuple[dict[str, Answer], bool]:
    """The answer to each label the reply takes up (labels it never takes up are absent),
    and whether the reply answers by number (headings or "Recommendation:" blocks)."""
    lo, hi = body_range(text, seg)
    blocks = _short_line_paragraphs(text, _titled_paragraphs(label_title_blocks(line_paragraphs(split_layout_rows(
        to_blocks(split_lines(text, lo, hi, cells=True)))))))
    # (the header of a message the reply types its answers into answers nothing: "-----Original Message-----")
    all_units = [u for u in units(text, [(lo, hi)], sentences) if not QUOTED_MAIL.match(text, u[0])]
    xrefs = _xrefs(text, lo, hi)
    in_xref = lambda pos: any(a <= pos < z for a, z, _ in xrefs)
    body_refs = [r for r in refs if lo <= r.start < hi and not in_xref(r.start)]
    # (a quoted recommendation that names its parts again inside it: "Recommendations 5 and 6: HMCTS should
    # publish ... (recommendation 5), and should break these figures down ... (recommendation 6)")
    body_refs = [r for r in body_refs if r.stated or not any(
        o.stated and o.label == r.label and o.block_start == r.block_start and o.start < r.start for o in body_refs)]
    tagged = _tagged_paragraphs(text, blocks, body_refs)
    body_refs = [r for r in body_refs if not any(tag <= r.start < end for _, tag, end, _ in tagged)]
    starts = [u[0] for u in all_units]  # units are in text order
    kept: list[Ref] = []
    announced: set[str] = set()  # named only to say whose it is ("Recommendation 1 was addressed to the
    # Department of Health, which is responding separately"): no preamble answers it
    for r in body_refs:
        if r.heading or not _announces(text, all_units, starts, r):
            kept.append(r)
        elif _announces(text, all_units, starts, r, (_TOGETHER,)) and not _announces(
                text, all_units, starts, r, (_ANNOUNCING, _WHOSE)) \
                and not any(o.label == r.label and o.start != r.start for o in body_refs) \
                and not _bare_items(text, lo, hi, {o.label for o in body_refs if o.block_start == r.block_start}):
            # "Your seventh and eighth recommendations are closely related, and I will take them
            # together.": named nowhere else, they are answered after it, not under numbers of their own
            # (nor under a bare "3." of the reply's)
            kept.append(r)
        elif _announces(text, all_units, starts, r, (_WHOSE,)):
            announced.add(r.label)
    announced -= {r.label for r in kept}
    body_refs = kept
    # (not a list that quotes them whole: "  * **3a.** Customers should be able to upload ...")
    contents = {b.start for b in blocks if _contents_block(text, b, body_refs) and not _quoted_list(b, body_refs)}
    # (where headings of its own open the answers after it: a list followed only by prose is read
    # as before, its last item's section the answers to the items together)
    annexes = [(b.start, b.end) for b in blocks if _quoted_list(b, body_refs) and _headed_elsewhere(text, b, body_refs)]
    relisted, under_own = _restated_after(text, blocks, body_refs)
    lists = annexes + relisted
    openers: dict[int, set[str]] = {}  # line start -> labels whose answer opens there
    heading_at: dict[int, bool] = {}
    stated_at: set[int] = set()  # "Recommendations 3 and 4: The Department should ...": the line quotes them
    led_at: set[int] = set()
    for r in body_refs:
        ln = _opening_line(text, blocks, r)
        if ln is not None and r.block_start not in contents and not any(a <= r.start < z for a, z in lists):
            openers.setdefault(ln.start, set()).add(r.label)
            heading_at[ln.start] = heading_at.get(ln.start, False) or r.heading or r.stated or _heading_line(ln.text)
            if r.stated and r.start - ln.start <= ANCHOR_CHARS:
                stated_at.add(ln.start)
            elif not r.stated and not re.search(r"\w", text[ln.start:r.start]):
                led_at.add(ln.start)  # "* **R1** Not accepted. ...": an answer its label leads
    unnumbered = set()
    ends = set()  # a quoted recommendation this reply's report does not list ends the answer before it
    # (and so does the heading of the report's other series, "#### OPR Observation 1 – Renewable Energy")
    ends |= {b.start for b in blocks if _OTHER_SERIES.match(b.lines[0].text)
             and word_count(b.lines[0].text) <= HEADING_WORDS and not sentence_end(b.lines[0].text)}
    # (and so does a list of them all after the headed answers: "Annex A: The review's recommendations")
    ends |= {_titled_from(blocks, a) for a, _ in annexes + relisted
             if a not in under_own and any(r.heading and r.start < a for r in body_refs)}
    for start, label in _unnumbered(text, blocks, rec_texts, labels, stop):
        if label is None:
            ends.add(start)
            continue
        openers.setdefault(start, set()).add(label)
        heading_at[start] = True
        unnumbered.add(start)
    # "1. Welfare calls" over each answer: the reply numbers its headings as the concerns, and
    # may name one in passing under another ("... as part of the data review under recommendation 4")
    # (where most of their titles name their recommendation's words: not a reply's own "1.
    # Introduction", "2. Background" over answers that name the recommendations)
    numbered = _numbered_headings(blocks, labels)
    # (the opening's "our response to the recommendations addressed to us, Recommendations 6, 7, 8 and
    # 10" names what the headings then take up: under them, only their own numbers may be named)
    first = numbered[0][0] if numbered else hi
    named_above = set().union(*(labs for at, labs in openers.items() if at < first and not heading_at.get(at)))
    by_refs = set().union(*(labs for at, labs in openers.items() if at >= first or heading_at.get(at)))
    if numbered and by_refs < set().union(*(labs for _, labs in numbered)) \
            and {at for at, h in heading_at.items() if h} <= {at for at, _ in numbered} \
            and (not openers or _titles_name_theirs(text, numbered, rec_texts, stop)
                 or _named_above(numbered, named_above)):
        openers, heading_at, stated_at = {}, {}, set()
        for start, labs in numbered:
            openers[start] = labs
            heading_at[start] = True
            stated_at.add(start)  # the heading line is not part of the answer
    if not openers:  # "1. All 46 members of staff completed ...": one numbered paragraph to each concern
        for start, labs in _numbered_paragraphs(blocks, labels):
            openers[start] = labs
            heading_at[start] = True
    # "The Ombudsman recommended that ...", "You also recommended that ...": a paragraph that opens by
    # restating a recommendation no number has opened, over its answer (in a reply with no other
    # structure, two at least: one "You also asked us to ..." among paragraphs answering by subject
    # is one of those paragraphs)
    opened = set().union(*openers.values()) if openers else set()
    restated = _restated(text, blocks, all_units, starts, rec_texts, labels, opened, stop)
    for start, lab in restated if opened or len(restated) >= 2 else []:
        openers.setdefault(start, set()).add(lab)
        heading_at[start] = True
        stated_at.add(start)  # the restatement is not part of the answer
    by_topic = False
    # "Review of governance", "The Clerk": a heading of its own over each, in the report's order; also
    # where the prose under one names its recommendation in passing ("Statutory capacity target" / "I
    # have given your third recommendation careful thought"), each such name under the heading the
    # words gave it
    # (not over numbered headings of its own, "Recommendation 4": they answer by number)
    restated_starts = {start for start, _ in restated}
    by_number = any(h and x not in restated_starts and (x in stated_at or word_count(text[x:line_end(text, x)]) <= 10)
                    for x, h in heading_at.items())  # (not "Recommendation 8 asks the Department ...")
    # (nor where quotes tagged "(recommendation 7.3)" head the answers under them)
    # (where the prose names some, a title answers only the ones its own words give it)
    topics = _topic_headings(blocks, labels, rec_texts, stop, leftovers=not openers) \
        if not by_number and not (openers and tagged) else []
    if openers and not _topics_agree(topics, openers):
        topics = []
    elif openers:
        # a section whose prose names its recommendations answers those it names, not others its words
        # touch ("The Committee's fourth and fifth recommendations ..." under the last title, not the sixth)
        named_in: dict[int, set[str]] = {}
        for x, labs in openers.items():
            named_in.setdefault(bisect_right([start for start, _ in topics], x) - 1, set()).update(labs)
        topics = [(start, labs & named_in[k] if k in named_in else labs) for k, (start, labs) in enumerate(topics)]
    named_too = bool(openers)  # a reply that names some by number answers by number, its titles aside
    # ("### Small sale proceeds" / "> The Commission recommended ... (recommendation 7.3)": the quote under
    # the title is no part of the answer)
    quoted_names = {x for x in openers if _blockquoted(text, x)} if topics else set()
    if topics:
        openers, heading_at, stated_at = {}, {}, set()
        for start, labs in topics:
            if not labs:
                ends.add(start)
                continue
            openers[start] = labs
            heading_at[start] = by_topic = True
            stated_at.add(start)
    if openers and not by_topic:
        # "### Eligibility distance" among "### ... (Recommendation 2)": the reply heads the others in
        # their own words, at the same level as the numbered ones
        for start, lab in _titles_for_rest(text, blocks, openers, heading_at, labels, rec_texts, stop):
            openers[start] = {lab}
            heading_at[start] = True
            stated_at.add(start)
    order = sorted(openers)

    def says_nothing() -> list[bool]:
        return [_says_nothing(text, _without_quote(
            text, [u for u in all_units if start <= u[0] < (order[k + 1] if k + 1 < len(order) else hi)],
            [rec_texts.get(lab) for lab in openers[start]], stop, stated=start in stated_at, quoted_under=not by_topic))
            for k, start in enumerate(order)]

    bare = says_nothing()
    # a recommendation answered under a heading of its own is answered there: "The action plan for
    # recommendations 3 to 5 is enclosed" under "Recommendation 6" cross-refers, and opens nothing
    # (under its own group's heading, "We accept Recommendation 1 in full." splits the group)
    headed = {lab for k, start in enumerate(order) if heading_at[start] and not bare[k] for lab in openers[start]}
    crossing = []
    over: int | None = None  # the heading whose section we are in (not a quote under it)
    for x in order:
        if heading_at[x]:
            over = x if x not in stated_at else over
            continue
        elsewhere = openers[x] & headed - (openers[over] if over is not None else set())
        if over is not None and elsewhere:
            crossing.append(x)
            openers[x] -= elsewhere
    for start in crossing:
        if not openers[start]:
            del openers[start]
    if crossing:
        order = sorted(openers)
        bare = says_nothing()
    # a summary of the recommendations before the answers ("Summary of the Committee's
    # recommendations: 1. ... 8. ..."): quotes with nothing under them whose labels are
    # opened again further on; a label the paper never takes up again is not addressed
    for run in _runs(bare):
        labels_run = {lab for k in run for lab in openers[order[k]]}
        # taken up again under headings or quotes of their own, not named in the prose after them
        later = {lab for start in order[run[-1] + 1:] if heading_at[start] for lab in openers[start]}
        if len(run) >= SUMMARY_ITEMS and len(labels_run & later) * 2 >= len(labels_run):
            # (and the summary's last item, the prose after the summary under it, where the paper never
            # takes it up again: "8. The government should count ..." over "A message from the Minister")
            last = order[run[-1] + 1] if run[-1] + 1 < len(order) else None
            top = max((labels.get(lab, 0) for lab in labels_run), default=0)
            again = {lab for start in order[run[-1] + 2:] if heading_at[start] for lab in openers[start]}
            if last is not None and last in stated_at and openers[last].isdisjoint(again) \
                    and {labels.get(lab) for lab in openers[last]} == {top + 1}:
                del openers[last]
            for k in run:
                del openers[order[k]]
    # every recommendation quoted with nothing under it (a list in an annex, "reproduced as they
    # appear in the report"): the reply answers them by subject elsewhere, never under the quotes
    listed: list[tuple[int, int]] = []
    tail = next((run for run in _runs(bare) if run[-1] == len(order) - 1), [])
    if len(tail) >= SUMMARY_ITEMS and not tagged and all(order[k] in openers for k in tail):
        listed = [(r.block_start, r.block_end) for r in body_refs if r.stated and r.block_start >= order[tail[0]]]
        ends.add(order[tail[0]])  # the list ends the answer before it
        for k in tail:
            del openers[order[k]]
    order = sorted(openers)
    named: dict[int, set[str]] = {}  # sentence start -> the labels it names by number
    for r in body_refs:
        k = bisect_right(starts, r.start) - 1  # units are in text order
        if k >= 0 and r.start < all_units[k][1] and not r.stated:
            named.setdefault(all_units[k][0], set()).add(r.label)
    cells = table_cells(text)
    titles = contents_titles(text, lo, hi)
    out: dict[str, Answer] = {}
    restated_at = {start for start, _ in restated}
    parts: dict[str, int] = {}  # a restated recommendation answered -> its answer's first paragraph
    pending: list[str] = []  # headings with nothing under them: answered with the next one
    for k, start in enumerate(order):
        stop_at = full_stop = min([order[k + 1] if k + 1 < len(order) else hi] + [e for e in ends if e > start])
        quotes = [rec_texts.get(lab) for lab in openers[start]]
        if k + 1 == len(order) and not heading_at[start]:
            # an inline answer that closes the reply keeps its paragraph; a restated
            # recommendation that closes a list is answered by what follows the list
            own = _paragraph_end(text, blocks, start)
            # (not a restatement over its answer's label: "The sixth recommendation is that ..." / "EA response")
            label = re.match(r"\s*([^\n]*)", text[own:hi]).group(1)
            if _without_quote(text, [u for u in all_units if start <= u[0] < own], quotes, stop) \
                    and not _is_label_line(sentence_text(label)):
                stop_at = own
        row = cells.get(start)
        if row is not None and (_heading_row(text, row.row) or _listed_row(text, start, row.row)):
            # "2.<tab>Concern (1) – the warning signal": a Word heading numbered by the reply, no row (nor a
            # list's item set with a tab, "1a<tab>clears the backlog ...", under no header of its own)
            row = None
        if row is not None:  # a table's row holds its recommendation's whole answer, or none
            stop_at = min(stop_at, row.row[-1][1])
        if k + 1 == len(order):
            stop_at = _theme_after(text, blocks, start, stop_at, openers, labels, rec_texts, stop)
        if heading_at[start]:
            stop_at = _section_end(text, start, stop_at)
        if k + 1 == len(order):
            cut = _outdented_end(text, start, stop_at)
            if cut < stop_at and _without_quote(text, [u for u in all_units if start <= u[0] < cut], quotes, stop,
                                                stated=start in stated_at, quoted_under=not by_topic):
                stop_at = cut
        full_stop = _closing_section(blocks, start, _next_title(text, start, full_stop, titles), k + 1 == len(order))
        if _TABLE_ROW_LINE.match(text, _line_start(text, start)):
            # a -layout table's row ends where the paper's next numbered section starts under the table ("4.
            # Financial implications"), though that section names the row's recommendation again
            full_stop = next((b.start for b in blocks if start < b.start < full_stop and len(b.lines) == 1
                              and _NUMBERED_TITLE.match(b.lines[0].text)), full_stop)
        stop_at = min(stop_at, full_stop)
        section = [u for u in all_units if start <= u[0] < stop_at]
        # (under a title of the reply's own no recommendation is quoted: "Leashes" / "Since 2024 our
        # guidance has said that paddlers should wear ..." is the answer)
        answer = _without_quote(text, section, quotes, stop, stated=start in stated_at, quoted_under=not by_topic)
        if _blockquoted(text, start) or any(start <= q < stop_at for q in quoted_names):
            # the rest of a blockquote that opens with the recommendation quotes it too, as html2text sets
            # a page's "> **Recommendation 2.1:** NHS England should ..." / "> online front door ..."
            answer = [u for u in answer if not _blockquoted(text, u[0])]
        if answer and registration_line(" ".join(" ".join(text[a:z].split()) for a, z, _ in answer)):
            answer = []  # only the company's footer under the e-mail's last quoted recommendation: left unanswered
        if answer and k + 1 == len(order) and _PARTING.match(text, answer[0][0], answer[0][1]) \
                and _says_nothing(text, answer):
            answer = []  # (or only the reply's parting words, "Happy to walk through any of this", and its name)
        if not answer:
            # a heading over the next one's answer, unless the next is a table row of its own: a
            # row that quotes its recommendation and has no response beside it answers nothing
            nxt = _line_start(text, order[k + 1]) if k + 1 < len(order) else None
            # (a -layout row with nothing beside its quote, the next row with its answer beside it)
            # (or a two-column table's, "2. The Ministry should publish ..." with nothing beside it, over "3. The
            # Ministry should ...   The Government does not accept ...")
            if row is None and not (nxt is not None and (_LONE_ROW_NUMBER.match(text, nxt) or (
                    _ROW_NUMBER.match(text, _line_start(text, start)) and _LAYOUT_ROW_START.match(text, nxt)) or (
                    _ITEM_START.match(text, _line_start(text, start)) and _SIDE_ROW.match(text, nxt)))):
                pending += sorted(openers[start])
            continue
        # "See the response to recommendation 29." points to the answer; "the approach paper described in
        # our response to recommendation 1 will explain ..." at the end of an answer of its own only mentions it
        lead_end = answer[min(len(answer), XREF_UNITS) - 1][1]
        xref = next((lab for a, z, lab in xrefs if start <= a < min(stop_at, lead_end) and lab not in openers[start]),
                    None)
        base = answer[0][2]
        rel = tuple((a, z, p - base) for a, z, p in answer)
        if start in led_at and start not in stated_at and openers[start] & set(pending):
            # (the reply's own answer to one of the recommendations it listed together, "**R1** Not accepted.",
            # under "Our response to the recommendations is as follows:": the others' answers are their own)
            pending = []
        # (a list of them on lines of their own, no blank line or heading between: not headed apart, each
        # "## Recommendation 10" with its quote, over the five paragraphs that answer them together)
        listed_at = min((x for x in order[:k] if openers[x] & set(pending)), default=start) if pending else start
        in_turn = _in_turn(text, pending + sorted(openers[start]), answer, named, rec_texts, stop) \
            if not re.search(r"\n[ \t]*\n", text[listed_at:start]) else []
        if in_turn:
            # (quoted together, "1a ...", "1b ...", "1c ...", then "Council response" and a paragraph
            # to each, as many as they are: each answered in the order quoted)
            for lab, mine in in_turn:
                out[lab] = Answer(tuple((a, z, p - mine[0][2]) for a, z, p in mine), "heading", xref, start)
            pending = []
            continue
        for lab in sorted(openers[start]):
            if lab in parts and start in restated_at:  # the quote of a further part: both answers are its
                a0 = out[lab]
                out[lab] = Answer(a0.units + tuple((a, z, p - parts[lab]) for a, z, p in answer), a0.how,
                                  a0.xref or xref, a0.opens)
                continue
            if row is not None and lab in out and _label_heading(text, out[lab].opens, lab) \
                    and not _points_to_plan(text, out[lab]):
                continue  # an action plan's row under the answers sums up the answer above it, under its heading
            if lab in out and heading_at.get(out[lab].opens) and not heading_at[start] \
                    and _TABLE_ROW_LINE.match(text, _line_start(text, out[lab].opens)) \
                    and re.search(rf"\((?:recommendations?|rec\.?)\s+{re.escape(lab)}\b",
                                  text[start:text.find("\n\n", start) % (len(text) + 1)], re.I):
                continue  # ("The cost of ... (recommendation 8) will be met ...", under the table whose row 8
                          # answered it)
            if lab in out and heading_at.get(out[lab].opens) and not heading_at[start] and start not in stated_at \
                    and out[lab].units \
                    and out[lab].units[0][0] > line_end(text, out[lab].opens) \
                    and (any(heading_at.get(x) and out[lab].opens < x < start for x in order)
                         or _SECTION_LINE.search(text, out[lab].opens, start) is not None) \
                    and not any(lab in openers[x] for x in order if out[lab].opens < x < start) \
                    and not re.match(rf"\W*(?:recommendations?\s+)?{re.escape(lab)}\b", text[start:start + 40], re.I):
                continue  # ("4.1 We will report on progress against recommendations 2 and 5 ...", past the
                          # headings of others or a section's title: the answer under its own heading
                          # stands; not a list's item, answered below it, "1. introduce a maximum fare
                          # ..." / "I accept the first ...", nor a paragraph its label opens, "**A3:** We
                          # already publish ...")
            if lab in out and out[lab].units and _FURTHER_PART.search(text, start, line_end(text, start)):
                # ("Paragraph 5.9 of the report contains two proposals ... The government deals with the first
                # ...", then under a later heading "The second part of the recommendation at paragraph 5.9 ...":
                # one answer in two places, both its)
                a0 = out[lab]
                shift = a0.units[-1][2] + 1
                out[lab] = Answer(a0.units + tuple((a, z, p - base + shift) for a, z, p in answer), a0.how,
                                  a0.xref or xref, a0.opens)
                continue
            out[lab] = Answer(rel, "unnumbered" if start in unnumbered else "heading", xref, start)
            if start in restated_at:
                parts[lab] = base
        if pending and full_stop != stop_at:
            # quoted above an inline answer that keeps to its paragraph ("We accept recommendations
            # 3 and 4 in full."): the others are answered by all the prose under them, less the
            # sentences that name other recommendations by number
            full = _without_quote(text, [u for u in all_units if start <= u[0] < full_stop], quotes, stop)
            for lab in pending:
                mine = [u for u in full if lab in named.get(u[0], {lab})]
                if mine and _unheaded(out, lab, stated_at):
                    out[lab] = Answer(tuple((a, z, p - mine[0][2]) for a, z, p in mine), "grouped", xref, start)
        for lab in pending:
            if _unheaded(out, lab, stated_at):
                out[lab] = Answer(rel, "grouped", xref, start)
        pending = []
    closed = {lab for *_, labs in tagged for lab in labs}  # a tagged paragraph is the whole answer
    for start, tag, _, labs in tagged:
        answer = [u for u in all_units if start <= u[0] < tag]
        if answer:
            rel = tuple((a, min(z, tag), p - answer[0][2]) for a, z, p in answer)
            for lab in labs:
                out.setdefault(lab, Answer(rel, "heading", None, start))
    out = _own_verdicts(text, _share_out(text, out, rec_texts, stop))
    # a sentence naming a recommendation in passing answers it, where nothing else does; a
    # heading with nothing under it (a form's empty answer box) answers nothing
    opened = {lab for labs in openers.values() for lab in labs}
    taken_before = {u[0] for a in out.values() for u in a.units}  # what the inline answers may not take
    first_head = min((x for x in openers if heading_at.get(x)), default=None)
    for r in body_refs:
        if r.label in out or r.stated or (r.label in opened and heading_at.get(_line_start(text, r.start), False)):
            continue
        k = bisect_right(starts, r.start) - 1
        unit = all_units[k] if k >= 0 and r.start < all_units[k][1] else None
        # (not the quoted message's own words, "> P3 Coordinate with ...", which the reply typed nothing under)
        # (a list's item is a sentence of its own, but the list says what the headings below answer, or not)
        # (nor an e-mail's subject line, "Subject: Reg 28 response - Mrs B Sallis - concern 4": what the message
        # is about, answered in its body)
        if unit is not None and not _themes_map(text, unit, body_refs) \
                and not _scope(text, _whole_list(text, unit), body_refs, first_head) and not quoted_unit(text, unit) \
                and not _SUBJECT_LINE.match(text, _line_start(text, r.start)):
            out[r.label] = Answer(_opening_paragraph(text, all_units, k, body_refs, taken_before) or ((unit[0], unit[1], 0),),
                                  "inline", None, unit[0])
    # a table's column heads alone ("Owner", "Target date") under a sentence that lists the labels the table
    # answers ("five matters directed to the Trust, R1 to R4 and R7") answer nothing: the one the table
    # leaves out is not addressed
    for lab, a in list(out.items()):
        if all(_COLUMN_HEAD.fullmatch(" ".join(text[x:y].split())) for x, y, _ in a.units):
            del out[lab]
    # an answer that only restates the concern ("Your second concern relates to ...", "you
    # commented that ...") is answered by the paragraph after it
    stops = sorted(set(openers) | ends | {r.start for r in body_refs})
    for lab, a in list(out.items()):
        # (or says what the recommendation asks, over its answer's label: "The fifth recommendation asks
        # the EA to publish ..." / "EA response" / ...)
        asks = a.how == "inline" and len(a.units) == 1 and _SAYS_WHAT_IT_ASKS.match(text[a.units[0][0]:a.units[0][1]]) \
            and not _AND_ANSWERS.search(text[a.units[0][0]:a.units[0][1]])
        if a.how not in ("heading", "inline") or lab in closed or not (_restates_only(text, a.units) or asks):
            continue
        first = next((u for u in all_units if u[0] == a.units[0][0]), None)
        # (the label ends no answer: a title of the reply's own there ends what is above it)
        limit = next((x for x in stops if x >= a.units[-1][1]
                      and not (asks and _is_label_line(sentence_text(text[x:line_end(text, x)])))), hi)
        after = [u for u in all_units if a.units[-1][1] <= u[0] < limit]
        if first is None or not after:
            continue
        # the next paragraph, or everything after it where the reply is held to that one alone (or what
        # follows its answer's label, up to the next answer)
        if asks and not _is_label_line(sentence_text(text[after[0][0]:line_end(text, after[0][0])])):
            continue
        base = after[0][2] if asks else first[2]  # (what follows the label stands on its own, from its first paragraph)
        nxt = tuple((x, y, max(0, p - base)) for x, y, p in after if asks or p == after[0][2] or len(labels) == 1)
        out[lab] = Answer(nxt if asks else a.units + nxt, a.how, a.xref, a.opens)  # (the restatement is no answer)
    # "You raised two matters with the company. As to the first of them, ...": the count that lets the
    # ordinal name a concern is no part of that concern's answer
    for r in body_refs:
        a = out.get(r.label)
        if r.ordinal and r.counted and a is not None:
            rest = tuple(u for u in a.units if not (r.block_start <= u[0] < u[1] <= r.start
                                                    and _COUNT_SENTENCE.search(text, u[0], u[1])))
            if rest and len(rest) < len(a.units):
                out[r.label] = Answer(rest, a.how, a.xref, a.opens)
    if listed:  # what the body names by number it answers there; the rest by subject
        _by_subject(text, [u for u in all_units if not any(a <= u[0] < z for a, z in listed)], labels,
                    rec_texts, out, stop)
    if openers or tagged:
        # a reply that answers by number and skips one has not addressed it, except
        # that what comes before the first numbered answer answers the earlier ones
        # ("... NHS Pathways ...", then "Your second concern relates to ..."), and a
        # paragraph left over that is about it answers it
        first = min(openers, default=lo)  # a reply of tagged paragraphs only has no preamble to read
        numbered = [labels.get(lab) for labs in openers.values() for lab in labs if labels.get(lab)]
        before = [u for u in all_units if u[0] < first and u[2] > 0]
        early = [lab for lab, num in labels.items() if lab not in out and lab not in announced
                 and numbered and num < min(numbered)]
        if len(early) > 1 and len(before) >= 2:
            # two or more answered before the first number ("Your third and fourth recommendations
            # ..." after a paragraph on guides and one on booking): each takes the paragraph about
            # it, as in a reply with no numbers, where each of them has one; otherwise the preamble
            # answers them whole ("In the weeks after the inquest ..." and "The agreement sets out
            # ..." both answer a fourth concern)
            split = dict(out)
            _by_paragraph(text, [b for b in blocks if b.end <= first], all_units, labels, rec_texts, split, stop)
            if all(lab in split for lab in early):
                out.update({lab: split[lab] for lab in early})  # a later one is answered after its number
                taken = {u[0] for a in out.values() for u in a.units}
                before = [u for u in before if u[0] not in taken]
        # (not a preamble of the reply's own titled sections, "1. Introduction", "2. Background", over
        # a section headed "3. Concern 3: the licensing inspection": that is where it begins to answer)
        # (only those: a paper whose "3. What we have changed" comes before its annex answers there)
        titles = [b.lines[0].text for b in blocks if len(b.lines) == 1 and b.end <= first
                  and _SECTION_TITLE.match(b.lines[0].text)]
        own = bool(titles) and all(_OWN_SECTION.match(t) for t in titles)
        # (nor one that says which it answers: "the two recommendations in your letter that are addressed to
        # CPS London alone", before answering 5 and 6: the joint fourth is not among them)
        own = own or any(_THESE_ALONE.search(text, a, z) for a, z, _ in before)
        # (nor its opening courtesies alone: "I am writing on behalf of ... in response to the Regulation 28
        # Report ... I would like to begin by offering my condolences ...", then the concerns it answers)
        # (its subject line among them: "Regulation 28 Report: Mr Dawit Mekonnen")
        own = own or not any(not any(p.search(text[a:z]) for p in (_OPENING, _THANKS, _COURTESY, _ABOUT_LETTER,
                                                                    _CASE_TITLE))
                             and not heading_line(text[a:z]) for a, z, _ in before)
        # (nor a sentence of it that names others by number: "AND THAT Council adopt Recommendation 1;" is
        # about 1, not the preamble's word on 2)
        before = [u for u in before if not named.get(u[0], set()) - set(early)]
        for lab in early:
            if lab not in out and len(before) >= 2 and not own:
                base = before[0][2]
                out[lab] = Answer(tuple((a, z, p - base) for a, z, p in before), "preamble", None, before[0][0])
        # "Your first recommendation asks ..." runs on to the next number it names; a paragraph after
        # its first that is about a recommendation no number opens may answer that one instead
        loose = {u[0]: labs for start, labs in openers.items() if not heading_at[start]
                 for lab in labs if lab in out and out[lab].opens == start for u in out[lab].units if u[2] > 0}
        _by_paragraph(text, [b for b in blocks if b.start >= first], all_units, labels, rec_texts, out, stop, loose)
        if not tagged and (by_topic or not any(heading_at[x] for x in openers)):
            # a reply in prose that names some recommendations in passing ("I will take together the
            # first two of your concerns") answers the others by subject, as one that names none does
            # (never from a list restating them, whose items answer nothing)
            _by_subject(text, [u for u in all_units if not any(a <= u[0] < z for a, z in lists)], labels, rec_texts,
                        out, stop)
        _typed_under_quotes(text, blocks, all_units, labels, rec_texts, out, stop)
        _acknowledged(text, all_units, labels, rec_texts, out, stop)
        _points_together(text, labels, rec_texts, out, stop)
        _answered_later(text, all_units, labels, out)
        # (the last quoted recommendation of a list, under which the paper's next section opens: "## Triage and
        # early resolution" is its title, no answer; the answers come under their own headings below)
        # (nor the item's own words in the list the paper quotes first, "4. Increase the mileage allowance ...",
        # nor the title over the next quote, "Booking and support", where the answers come under quotes that
        # carry no number, "Recommendation: ..." / "Response: ...", and skip it)
        own = {lab: [(r.start, text.find("\n", r.start) % (len(text) + 1))
                     for r in body_refs if r.label == lab and r.stated] for lab in out} if unnumbered else {}
        for lab in [lab for lab, a in out.items() if a.units and all(
                _MD_TITLE.fullmatch(text[u[0]:u[1]].strip())
                or (unnumbered and (_titles_quote(text, u, unnumbered) or any(a <= u[0] < z for a, z in own[lab])))
                for u in a.units)]:
            del out[lab]
        _outside_lists(out, lists)
        # a reply headed by topic may answer the rest in its prose as a whole, as unheaded replies do
        return out, not by_topic or named_too
    _typed_under_quotes(text, blocks, all_units, labels, rec_texts, out, stop)
    _by_paragraph(text, blocks, all_units, labels, rec_texts, out, stop)
    _run_on(text, blocks, all_units, out, rec_texts, stop)
    _acknowledged(text, all_units, labels, rec_texts, out, stop)
    _by_subject(text, all_units, labels, rec_texts, out, stop)
    _sole_answer(text, blocks, all_units, labels, out)
    _points_together(text, labels, rec_texts, out, stop)
    _answered_later(text, all_units, labels, out)
    return out, False


_POINT = re.compile(r"(?P<num>\d{1,2})(?P<letter>[a-h])")  # a concern's lettered point, "1b"


def _points_together(text: str, labels: dict[str, int], rec_texts: dict[str, str | None], out: dict[str, Answer],
                     stop: frozenset[str]) -> None:
    """A paragraph found by subject for one lettered point of a concern answers the point beside it too,
    where it speaks of that point's own words ("Time to antibiotics is now audited weekly" for "(b)
    Antibiotics were given three hours after ...", under "1. Sepsis screening"): one paragraph answering
    the whole concern, which its points split."""
    for lab in labels:
        m = _POINT.fullmatch(lab)
        if m is None or lab in out or not rec_texts.get(lab):
            continue
        own = stems(rec_texts[lab].split(": ", 1)[-1], stop)  # (not the concern's title, which each point carries)
        for sib, ans in list(out.items()):
            if sib != lab and ans.how == "topic" and (s := _POINT.fullmatch(sib)) and s.group("num") == m.group("num") \
                    and own & stems(" ".join(text[a:z] for a, z, _ in ans.units), stop):
                out[lab] = ans
                break


# a holding reply's word on what it has not answered yet: "The remaining recommendations will be answered
# in that statement.", "We will respond to the other recommendations once the review reports."
_LATER = re.compile(r"\b(?:(?:the\s+)?(?:remaining|other)|the\s+rest\s+of\s+(?:your|the))\s+(?:recommendations|concerns|proposals)\s+"
                    r"(?:will|are\s+to)\s+be\s+"
                    r"(?:answered|responded\s+to|addressed|dealt\s+with|covered)\b|"
                    r"\bwill\s+(?:respond|reply)\s+(?:to|on)\s+(?:the\s+)?(?:remaining|other)\s+(?:recommendations|concerns)\b",
                    re.I)


def _answered_later(text: str, all_units: list[Unit], labels: dict[str, int], out: dict[str, Answer]) -> None:
    """Gives the recommendations no answer has taken the sentence that puts them off to a later reply:
    they are not ignored but deferred."""
    later = next(((a, z) for a, z, _ in all_units if _LATER.search(text, a, z)), None)
    if later is None or len(out) >= len(labels):
        return
    for lab in labels:
        if lab not in out:
            out[lab] = Answer(((later[0], later[1], 0),), "preamble", None, later[0])


# "We have also noted what you say about the wording of digital menus", "We have also read what the report
# says about the length of shifts": an acknowledgement naming its subject in a few words
_ACK_ABOUT = re.compile(r"\b(?:i|we)\s+(?:have\s+)?(?:also\s+)?(?:noted|note|read|taken\s+note\s+of|considered)\s+"
                        r"(?:carefully\s+)?what\s+(?:you\s+(?:say|said|have\s+said)|(?:your|the)\s+(?:\w+\s+)?"
                        r"(?:report|letter)\s+(?:says|said))\s+(?:about|on|regarding|concerning)\s+(?P<topic>[^.;]+)", re.I)
ACK_WORDS = 2  # words its subject shares with the recommendation's, at least


def _singular(words: set[str]) -> set[str]:
    """"shifts" and "shift" as one word: a subject named in a few words needs each of them."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def _acknowledged(text: str, all_units: list[Unit], labels: dict[str, int], rec_texts: dict[str, str | None],
                  out: dict[str, Answer], stop: frozenset[str]) -> None:
    """A sentence acknowledging what the letter says about a subject answers the recommendation that
    subject is most plainly, where nothing else has: too few words for an answer by subject, but
    the writer has said what they are about. It leaves the answer it closed, if any."""
    for a, z, _ in all_units:
        m = _ACK_ABOUT.search(text, a, z)
        if m is None:
            continue
        topic = _singular(stems(m.group("topic"), stop))
        shared = sorted(((len(topic & _singular(stems(t, stop))), lab) for lab, t in rec_texts.items()
                         if t and lab in labels), reverse=True)
        if not shared or shared[0][0] < ACK_WORDS or len(shared) > 1 and shared[1][0] == shared[0][0]:
            continue
        lab = shared[0][1]
        if lab in out and out[lab].how not in ("whole", "preamble"):
            continue
        for other, ans in list(out.items()):
            rest = tuple(u for u in ans.units if not (u[0] <= a < u[1] or a <= u[0] < z))
            if rest and len(rest) < len(ans.units):
                out[other] = Answer(rest, ans.how, ans.xref, ans.opens)
        out[lab] = Answer(((a, z, 0),), "topic", None, a)


def _sole_answer(text: str, blocks: list[Block], all_units: list[Unit], labels: dict[str, int],
                 out: dict[str, Answer]) -> None:
    """A reply with no numbers, held to one recommendation, answers it in all it says besides its
    opening and its courtesies: the paragraph that names the subject best ("HSE's investigation ...
    is continuing") is often not the one that decides it, three paragraphs on ("HSE does not
    consider that separate guidance is needed, and it has no plans to produce it")."""
    if len(labels) != 1 or len(out) != 1:
        return
    (lab, a), = out.items()
    if a.how != "topic":
        return
    starts = [u[0] for u in all_units]
    body = [u for b in blocks if is_prose(b.text)
            for u in all_units[bisect_left(starts, b.start):bisect_left(starts, b.end)]
            if not any(p.search(text[u[0]:u[1]]) for p in (_OPENING, _THANKS, _COURTESY, _ABOUT_LETTER))]
    if len(body) > len(a.units):
        base = body[0][2]
        out[lab] = Answer(tuple((x, y, p - base) for x, y, p in body), "topic", None, a.opens)


_ORDINALS = "first|second|third|fourth|fifth|sixth|next|other|last|final"  # a writer counting the concerns off


# a reply in prose taking the concerns in turn opens each answer with the topic: "As to the report
# about Mr Carrow ...", "Turning to the training of fitters ..."
_TOPIC_OPENER = re.compile(r"^\W*(?:turning\s+(?:first\s+|next\s+|now\s+|finally\s+)?to|as\s+(?:to|for|regards)\s|"
                           r"with\s+(?:regard|respect)\s+to|in\s+(?:relation|respect)\s+to|regarding\s|"
                           r"on\s+the\s+(?:question|issue|matter|subject)\s+of|finally,\s|"
                           # "You were concerned that our driver ...", "You said we had no written procedure ..."
                           r"you\s+(?:were\s+(?:also\s+)?concerned|(?:also\s+)?(?:expressed|raised)\s+(?:a\s+|some\s+)?concerns?|"
                           r"said|noted|found|pointed\s+out|highlighted)\b|"
                           r"your\s+(?:\w+\s+)?concern\s+(?:was|is|relates|concerns)\b|"
                           # "Your report raises two matters for BAPEN ... The first is that ...", where
                           # the report does not say which of its concerns those are
                           rf"the\s+(?:{_ORDINALS})\s+"
                           r"(?:(?:concern|matter|point|issue)\s+)?(?:is|was|concerns|relates)\b)", re.I)


# a closing line about the letter itself: "A copy of this letter has been sent to Mr Q's family."
# a reply's subject line naming the inquest or the report, under its greeting: "Inquest touching the death of Peter
# Lionel Gaskell - Regulation 28 Report dated 24 May 2024"
_CASE_TITLE = re.compile(r"^\W*(?:re\b\W*)?(?:inquest|regulation\s+28|prevention\s+of\s+future\s+deaths|"
                         r"report\s+to\s+prevent)\b[^.!?\n]{0,160}$", re.I)
_ABOUT_LETTER = re.compile(r"\b(?:cop(?:y|ies) of this (?:letter|e-?mail|response|reply)|(?:am|are) copying|"
                           r"copied (?:this|to)|(?:may|will) be published|publication of this|"
                           # "I believe that this letter responds to each of the matters you raised"
                           r"(?:this|my|our) (?:letter|response|reply|e-?mail) "
                           r"(?:responds|addresses|answers|covers|deals with)|"
                           r"(?:happy|content) for (?:it|this (?:letter|response|reply)) to be published|"
                           # "This response has been prepared by the Outdoor Partnerships service, ... in consultation
                           # with Legal Services": who wrote it, answering nothing
                           r"(?:this|my|our) (?:letter|response|reply) (?:has been|was|is) (?:prepared|written|drafted|"
                           r"compiled)|"
                           # "Our response to your concerns is set out below."
                           r"(?:our|my|the) (?:response|responses|answers?|reply) (?:to (?:each of )?(?:your|the) "
                           r"(?:[\w’'-]+ ){0,3}?(?:concerns?|recommendations?|points?|matters?) )?(?:is|are) set out "
                           r"(?:below|in turn|overleaf))\b", re.I)


def _run_on(text: str, blocks: list[Block], all_units: list[Unit], out: dict[str, Answer],
            rec_texts: dict[str, str | None], stop: frozenset[str]) -> None:
    """An answer by subject whose paragraph opens with its topic ("As to the report about Mr Carrow
    ...") runs on over the paragraphs after it that no answer has taken, up to the next topic, a
    paragraph more about another recommendation than this one, the reply's closing courtesies,
    a note of who has a copy, or its sign-off: the review commissioned and the promise to write
    again are the answer, though only the first paragraph names the subject."""
    starts = [u[0] for u in all_units]
    taken = {u[0] for a in out.values() for u in a.units}
    wants = {lab: stems(t, stop) for lab, t in rec_texts.items() if t}
    for lab, a in list(out.items()):
        if a.how != "topic" or not _TOPIC_OPENER.match(text[a.units[0][0]:a.units[0][1]]):
            continue
        k = next((i for i, b in enumerate(blocks) if b.start <= a.units[0][0] < b.end), None)
        if k is None or any(not (blocks[k].start <= x < blocks[k].end) for x, _, _ in a.units):
            continue  # not one paragraph taken whole
        more: list[Unit] = []
        for b in blocks[k + 1:]:
            mine = all_units[bisect_left(starts, b.start):bisect_left(starts, b.end)]
            if not mine:
                continue
            first = text[mine[0][0]:mine[0][1]]
            words = stems(text[b.start:b.end], stop)
            own = len(words & wants.get(lab, set()))
            if any(u[0] in taken for u in mine) or not is_prose(b.text) or _TOPIC_OPENER.match(first) \
                    or _OPENING.search(first) or any(len(words & w) > own for o, w in wants.items() if o != lab) \
                    or any(_COURTESY.search(text[x:y]) or _THANKS.search(text[x:y]) or _ABOUT_LETTER.search(text[x:y])
                           for x, y, _ in mine):
                break
            more += mine
        if more:
            base = more[0][2] - (a.units[-1][2] + 1)
            out[lab] = Answer(a.units + tuple((x, y, p - base) for x, y, p in more), a.how, a.xref, a.opens)
            taken |= {u[0] for u in more}


# "... of our testing Delivery Partners (recommendations 1 to 4); the capture of test data (recommendations 5
# and 6); ...": a bracketed reference after each theme
_BRACKETED_REF = re.compile(r"\(\s*(?:see\s+)?(?:(?:recommendations?|concerns?)\s+)?$", re.I)
THEMES_MAPPED = 3  # bracketed references a sentence sorts the recommendations by, at least
# what a map says of the recommendations: they cover, fall into, relate to areas or themes
_MAPS = re.compile(r"\b(?:cover(?:s|ed)?|fall(?:s)?\s+(?:into|under)|(?:are\s+)?grouped|relat(?:e|es|ing)\s+to|"
                   r"deal(?:s)?\s+with|are\s+about|span(?:s)?|themes?|areas?|headings?)\b", re.I)
_TAKES_A_STAND = re.compile(r"\b(?:accept(?:s|ed)?|agree(?:s|d)?|reject(?:s|ed)?|support(?:s|ed)?|welcome(?:s|d)?|"
                            r"not(?:e|es|ed)?|will|shall|(?:has|have)\s+(?:already\s+)?\w+ed|(?:has|have|had)\s+been|declines?|intends?|"
                            r"(?:is|are)\s+(?:now\s+)?(?:under\s*way|in\s+place|being))\b", re.I)


def _themes_map(text: str, unit: Unit, refs: list[Ref]) -> bool:
    """A sentence that sorts the recommendations into themes, a bracketed reference after each ("The
    recommendations cover four areas: the performance of ... (recommendations 1 to 4); ...
    (recommendation 7); ..."): a map of the paper, which answers none of them."""
    at = {r.start for r in refs if unit[0] <= r.start < unit[1]
          and _BRACKETED_REF.search(text, max(unit[0], r.start - 30), r.start)}
    # (not "The Government accepts the recommendations on towpath lighting (recommendations 1 and 2), ...")
    return len(at) >= THEMES_MAPPED and _MAPS.search(text, unit[0], unit[1]) is not None \
        and not _TAKES_A_STAND.search(text, unit[0], unit[1])


def _label_heading(text: str, at: int, lab: str) -> bool:
    """Whether the line at ``at`` heads an answer with its label in words: "Recommendation 4.1" (not
    a paper's own "2. Recommendations" over its summary), or in its code."""
    line = text[_line_start(text, at):line_end(text, at)]
    # (or by its code: "### R8: staff skills", "### Transparency (R6)")
    # (alone: under "### R3 and R4: ..." the row tells the two apart)
    codes = re.findall(r"(?<![\w/])R(\d{1,3})\b", line)
    # (after its label in another language: "Moladh 1 / Recommendation 1")
    return re.match(rf"[\W_]*(?:[^\W\d_][\w'’-]{{2,20}}\s+{re.escape(lab)}\s*/\s*)?(?:recommendation|rec\.?|concern)\s+"
                    rf"{re.escape(lab)}\b", line, re.I) is not None \
        or codes == [lab.removeprefix("R")]  # ("R8", keyed as written, or 8)


# an answer that sends the reader to the table for it: "See action plan, row 3.1.", "Please refer to the
# action plan at Appendix A."
# (the whole of it, from its first word: not "Not accepted. Our reasons are set out in the action plan")
_TO_PLAN = re.compile(r"^\W*(?:please\s+)?(?:see|refer\s+to|(?:this\s+is\s+)?(?:addressed|covered|answered)\s+in)\b[^.]{0,40}?"
                      r"\b(?:action\s+plan|table|row|appendix|annex)\b(?:[^.]|\.\d){0,30}\.?\W*$", re.I)
POINTER_WORDS = 20  # words such a pointer runs to, at most


def _points_to_plan(text: str, answer: Answer) -> bool:
    said = " ".join(" ".join(text[a:z] for a, z, _ in answer.units).split())
    return len(said.split()) <= POINTER_WORDS and _TO_PLAN.match(said) is not None


def _scope(text: str, unit: Unit, refs: list[Ref], first_head: int | None) -> bool:
    """An opening sentence that lists what the headings below answer, or what another body answers
    ("... the recommendations addressed to us, Recommendations 6, 7, 8 and 10"), taking no stand:
    it answers none of them; one the headings never take up is not addressed."""
    named = {r.label for r in refs if unit[0] <= r.start < unit[1]}
    return first_head is not None and unit[1] <= first_head and len(named) >= SCOPE_LABELS \
        and not _TAKES_A_STAND.search(text, unit[0], unit[1])


SCOPE_LABELS = 3


def _whole_list(text: str, unit: Unit) -> Unit:
    """The bulleted list a unit is an item of ("In summary, it recommended that I should:" / "• publish the annual
    survey results ... (recommendation 1);" / "• open a confidential channel ... (recommendation 2);" ...): its
    items and their wrapped lines, no blank line between; the unit itself where it is no list's item."""
    a = _line_start(text, unit[0])
    item = lambda x, y: BULLET_ITEM.match(text[x:y]) is not None
    if not item(a, line_end(text, a)):
        return unit
    # (up: its items; down: its items, and the lines that carry on an item that ended no sentence)
    while a > 0:
        up = _line_start(text, a - 1)
        if not text[up:a - 1].strip() or not item(up, a - 1):
            break
        a = up
    z = line_end(text, unit[0])
    while z < len(text):
        nxt = line_end(text, z + 1)
        said = text[z + 1:nxt]
        if not said.strip() or not (item(z + 1, nxt) or not sentence_end(clean(text[_line_start(text, z):z]) or "")):
            break
        z = nxt
    return (a, max(z, unit[1]), unit[2])


# "This responds to your recommendation 9.": the paragraph above it is the answer
_ANSWERED_ABOVE = re.compile(r"\W*this (?:responds|relates|is (?:our|my) (?:response|answer)) to (?:your |the )?(?:[\w’'-]+ )?"
                             r"recommendations? \d", re.I)


def _opening_paragraph(text: str, all_units: list[Unit], k: int, refs: list[Ref], taken: set[int]) -> tuple | None:
    """The whole paragraph whose first sentence names a recommendation in passing ("The Service
    agrees that a joint protocol would help, and officers have met DAERA twice (recommendation
    3)."), where no other sentence of it names another and no answer by heading or number has
    taken it (``taken``): what follows is the answer, to each recommendation that sentence names.
    None where the sentence is not the first, or the last saying what the paragraph answered."""
    a, z, p = all_units[k]
    if k > 0 and all_units[k - 1][2] == p:
        # (or its last, where it says which it answered: "... We will publish the revised toolkit in
        # February 2027. This responds to your recommendation 9.")
        mine = [u for u in all_units[:k + 1] if u[2] == p]
        closing = k + 1 == len(all_units) or all_units[k + 1][2] != p
        named = {r.label for r in refs if a <= r.start < z}
        if not closing or not _ANSWERED_ABOVE.match(text, a) or any(u[0] in taken for u in mine) \
                or any(r.label not in named for r in refs if mine[0][0] <= r.start < a):
            return None
        return tuple((x, y, 0) for x, y, _ in mine)
    mine = list(takewhile(lambda u: u[2] == p, islice(all_units, k, None)))  # units are in text order
    named = {r.label for r in refs if a <= r.start < z}
    if any(u[0] in taken for u in mine) or any(r.label not in named for r in refs if z <= r.start < mine[-1][1]):
        return None
    return tuple((x, y, 0) for x, y, _ in mine)


# "Before turning to the Committee's recommendations, I want to set out the wider context."
_BEFORE_TURNING = re.compile(r"\bbefore\s+(?:turning|I\s+turn|responding|I\s+respond|coming)\s+to\s+"
                             r"(?:the\s+|your\s+|each\s+of\s+)?(?:[\w’'-]+\s+){0,2}?"
                             r"(?:recommendations|concerns|matters|points)\b", re.I)


def _by_subject(text: str, candidates: list[Unit], labels: dict[str, int], rec_texts: dict[str, str | None],
                out: dict[str, Answer], stop: frozenset[str]) -> None:
    """Adds to ``out`` an answer by subject for each label it lacks, from sentences no answer has taken
    ("Thank you for your letter ... on registers of interests" names the subject and answers nothing)."""
    taken = {u[0] for a in out.values() for u in a.units}
    # (nor the lines set off by ">" of a message the reply quotes, where it types its answers between them)
    candidates = [u for u in candidates if not _opening_only(text[u[0]:u[1]]) and not _THANKS.search(text[u[0]:u[1]])
                  and not quoted_unit(text, u) and not _subject_line(text, u)]
    # (nor the context a reply sets out "before turning to the Committee's recommendations", up to its
    # first answer)
    context = next((u[0] for u in candidates if _BEFORE_TURNING.search(text, u[0], u[1])), None)
    if context is not None and taken and context < min(taken):
        candidates = [u for u in candidates if not context <= u[0] < min(taken)]
    for lab in labels:
        if lab in out or not rec_texts.get(lab):
            continue
        others = [rec_texts[o] for o in labels if o != lab and rec_texts.get(o)]
        found = topic_units(text, candidates, rec_texts[lab], taken, stop, others)
        if found:
            out[lab] = Answer(tuple(found), "topic", None, found[0][0])


_GREETING_LINE = re.compile(r"^\W*(?:dear|annwyl)\b", re.I)
SUBJECT_REACH = 300  # characters above a line in which the greeting over it stands


def _subject_line(text: str, u: Unit) -> bool:
    """The line under the greeting that names the letter's subject ("Dear Mr Okoro" / "Invited service review of
    emergency general surgery at ... (IRM 26/044)"): it names the report's words, and answers nothing (not a
    line that says something, ``_SAYS``: "A second manager check is now required before ...", no full stop)."""
    line = text[u[0]:u[1]].strip()
    above = text[max(0, u[0] - SUBJECT_REACH):u[0]].rstrip()
    return "\n" not in line and not sentence_end(line) and not _SAYS.search(line) \
        and _GREETING_LINE.match(above[above.rfind("\n") + 1:]) is not None


# a reply's opening paragraph names the report and its subject, and answers nothing; nor does the
# writer's introduction of themselves ("I am replying to your report about Kyle on behalf of Dalby
# Civil Engineering", "I am writing as Chair of Trustees of the Society in reply to your report")
# (under the reply's own paragraph number too: "1.1 Thank you for your report, which raises matters 2, 5 and 6")
_OPENING = re.compile(r"(?:^\W*(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?|\n)(?:dear\b|thank you for|i (?:am )?writ(?:e|ing) "
                      r"(?:in response|to respond|in reply|further|on behalf of|as (?:the |a |an )?(?:acting |interim |deputy |senior |joint |managing |executive )?"
                      r"(?:chair|chief|director|head|manager|minister|secretary|owner|partner|trustee|clerk|officer|"
                      r"president|lead|principal))|i am (?:replying|responding)|"
                      r"please find (?:below|attached|enclosed) (?:our|the|my) (?:[\w’'-]+ )?response|"
                      r"(?:i|we) (?:have )?(?:received|read) your|"
                      r"(?:i|we) have (?:carefully )?considered your (?:\w+ )?(?:report|letter)|further to your|"
                      r"please (?:accept|treat) this (?:e-?mail|letter) as)\b", re.I)


RUN_ON_WORDS = 60  # words a sentence that opens the reply runs to, at least, to be its whole answer too


def _opening_only(said: str) -> bool:
    """An opening sentence that names the report and answers nothing; not an e-mail's one run-on paragraph
    that opens so and goes on, clause after clause, to say what was done ("Dear Mr ..., I am writing on
    behalf of ... about your report ...; since the inquest we have rewritten our procedures ...")."""
    return _OPENING.search(said) is not None and not (len(said.split()) >= RUN_ON_WORDS and ";" in said)


# thanks for the work behind the report ("I am grateful to the Commission, and in particular to the
# parents, young people and school staff who spoke to you, for this careful piece of work"): it names
# the people a recommendation is about, and answers nothing (a sentence that goes on, "... for your
# report and have now introduced a checklist", answers)
_THANKS = re.compile(r"\b(?:grateful|thanks?|thank you)\b[^.]{0,160}?\bfor (?:this|their|your|the|all) (?:[\w'’-]+ ){0,3}?"
                     r"(?:work|report|time|evidence|contributions?|efforts?|inquiry|review|help)\W*$", re.I)


# a reply's condolences and closing offer, which name the subject of a concern and answer none
_COURTESY = re.compile(r"\b(?:condolences|sympathy|deeply sorry|so sorry|(?:i|we) (?:am|are) sorry|if you (?:need|have|would "
                       r"like|require)|(?:do not|don't) hesitate|i hope (?:this|that)|please (?:contact|let me know))\b", re.I)


TAIL_WORDS = 5  # words a paragraph's last sentence shares with another recommendation (twice its own) to be that one's


_QUOTED_NUMBER = re.compile(r"^[>\s]*(?:recommendation\s+|concern\s+)?\(?(?P<num>\d{1,2}(?:\.\d{1,2})?[a-z]?)\b[.)]?\s+\S",
                            re.I)


def _typed_under_quotes(text: str, blocks: list[Block], all_units: list[Unit], labels: dict[str, int],
                        rec_texts: dict[str, str | None], out: dict[str, Answer], stop: frozenset[str]) -> None:
    """A reply typed into the message it quotes ("> 4.5 That the Trust reduces ..." / "[ECHT] The median
    wait is now ..."): the reply's own paragraphs under a quoted recommendation, up to the next quoted
    line, answer it, however few of its words they share. The quote names it by its number, or
    repeats most of its words."""
    if not blocks or QUOTED_MAIL.search(text, blocks[0].start, blocks[-1].end) is None:
        return  # (an html2text pull-quote of the writer's own words is no message quoted)
    starts = [u[0] for u in all_units]
    quoted = [_quoted_block(b) for b in blocks]
    wants = {lab: stems(t, stop) for lab, t in rec_texts.items() if t and lab in labels}
    for k, b in enumerate(blocks):
        if not quoted[k] or k + 1 >= len(blocks) or quoted[k + 1]:
            continue
        # the quoted block's last paragraph (it may open with the message's own lines: "> Dear Ms Alder," ...
        # ">" / "> 3.1 That ..."), not a quoted sign-off over a footer
        last = _last_quoted_paragraph(b)
        m = _QUOTED_NUMBER.match(last[0].text)
        lab = m.group("num") if m and m.group("num") in labels else None
        if lab is None:
            words = stems(" ".join(ln.text for ln in last), stop)
            close = [x for x, w in wants.items() if w and len(words & w) >= QUOTE_SHARE * len(w)]
            lab = close[0] if len(close) == 1 else None
        if lab is None or lab in out:
            continue
        mine: list[Unit] = []
        for j in range(k + 1, len(blocks)):
            if quoted[j]:
                break
            mine += all_units[bisect_left(starts, blocks[j].start):bisect_left(starts, blocks[j].end)]
        if mine:
            out[lab] = Answer(tuple((a, z, p - mine[0][2]) for a, z, p in mine), "topic", None, mine[0][0])


def _outside_lists(out: dict[str, Answer], lists: list[tuple[int, int]]) -> None:
    """Answers by subject keep no sentence of a list restating the recommendations: an item's words
    share the most with its own recommendation, and answer nothing."""
    for lab, a in list(out.items()):
        if a.how != "topic":
            continue
        rest = tuple(u for u in a.units if not any(x <= u[0] < z for x, z in lists))
        if not rest:
            del out[lab]
        elif len(rest) < len(a.units):
            out[lab] = Answer(rest, a.how, a.xref, rest[0][0])


def _last_quoted_paragraph(b: Block) -> list:
    """The lines of a ">"-quoted block after its last line that is ">" alone."""
    k = max((i for i, ln in enumerate(b.lines) if not ln.text.strip(" \t>")), default=-1)
    return b.lines[k + 1:] or b.lines[-1:]


def _by_paragraph(text: str, blocks: list[Block], all_units: list[Unit], labels: dict[str, int],
                  rec_texts: dict[str, str | None], out: dict[str, Answer], stop: frozenset[str],
                  loose: dict[int, set[str]] | None = None) -> None:
    """Adds to ``out`` the paragraph no answer has taken that is about a recommendation with no
    answer yet: in a reply with no numbers, or one answering by number that takes the rest by
    subject ("Evening staffing is the most difficult of the recommendations for us. ..." between
    "The third recommendation" and "Finally, ..."). A paragraph goes to the recommendation it
    shares most words with, or to each of several that share as many; a recommendation takes
    the paragraph it shares most with. One that shares fewer words with a paragraph about
    another gets none of it, and at best the sentences left over. A paragraph in ``loose`` (one
    after the first of an answer opened by a number in its prose) is taken too, where it is about
    a recommendation with no answer more than about its own; its own answer then goes without it."""
    missing = [lab for lab in labels if lab not in out and rec_texts.get(lab)]
    if not missing:
        return
    loose = loose or {}
    taken = {u[0] for a in out.values() for u in a.units} - set(loose)
    wants = {lab: stems(t, stop) for lab, t in rec_texts.items() if t and lab in labels}
    best: dict[str, tuple[int, list[Unit]]] = {}
    starts = [u[0] for u in all_units]  # units are in text order
    for b in blocks:
        mine = all_units[bisect_left(starts, b.start):bisect_left(starts, b.end)]
        if not mine or any(u[0] in taken for u in mine) or not is_prose(b.text) or all(quoted_unit(text, u) for u in mine):
            continue  # (nor a page's blockquote, "> **Recommendation 3:** coroner areas should ...": the quote)
        words = stems(text[b.start:b.end], stop)
        shared = sorted(((len(words & w), lab) for lab, w in wants.items()), reverse=True)
        top = shared[0][0]
        first = text[mine[0][0]:mine[0][1]]
        said = stems(first, stop)
        quoted = _RECOMMENDATION_VOICE.search(first) and \
            max(len(said & w) for w in wants.values()) >= QUOTE_SHARE * len(said)
        # (or the recommendation's own words and nothing else: a table's row with nothing beside the quote,
        # "6     Publish an annual report on ...", or an annex listing the recommendations)
        quoted = quoted or (len(words) >= FEW_WORDS and top >= ROW_QUOTE_SHARE * len(words))
        if quoted or _opening_only(first) \
                or all(_RESTATING.search(text[a:z]) for a, z, _ in mine) \
                or all(_THANKS.search(text[a:z]) for a, z, _ in mine):
            continue  # the recommendation quoted in a list or a row, the reply's opening, the concerns retold, thanks
        # the recommendations it is about: the one it shares most words with, or several it shares
        # as many with ("On training and on data, ..."), each taking it whole
        # a reply held to two or three concerns names each one's subject in fewer words ("I turn
        # first to crisis support out of hours"): a paragraph clearly about one of them is its answer
        # (not its condolences or its closing offer, which name the subject too)
        runner = next((n for n, _ in shared[1:]), 0)
        few = len(wants) <= FEW_LABELS and top >= 2 * runner and not _COURTESY.search(text[b.start:b.end])
        enough, share = (FEW_WORDS, TOPIC_SHARE / 2) if few else (TOPIC_WORDS, TOPIC_SHARE)
        owners = set().union(*(loose.get(u[0], set()) for u in mine))
        if owners and not (all(u[0] in loose for u in mine) and all(top > len(words & wants.get(o, set()))
                                                                     for o in owners)):
            continue
        for x in [x for n, x in shared if n == top and x in missing]:
            if top >= enough and top / len(wants[x]) >= share and top > best.get(x, (0, []))[0]:
                best[x] = (top, mine)
    # (a paragraph's last sentences about another recommendation no paragraph answers are that one's, left
    # for the sentences' reading: "... will not be legislating in this area. I have also noted your
    # observations on the timing of the confirmation of winter funding ...")
    unanswered = {lab: wants[lab] for lab in missing if lab not in best}
    # (over its courtesies: "I hope this response is of assistance.")
    for lab, (top, mine) in list(best.items()):
        cut = k = len(mine)
        while k > 1:
            said = stems(text[mine[k - 1][0]:mine[k - 1][1]], stop)
            if any(len(said & w) >= TAIL_WORDS and len(said & w) >= 2 * len(said & wants[lab]) for w in unanswered.values()):
                cut = k - 1
            elif said & wants[lab] and not _COURTESY.search(text[mine[k - 1][0]:mine[k - 1][1]]):
                break
            k -= 1
        best[lab] = (top, mine[:max(cut, 1)])
    for lab, (_, mine) in best.items():
        out[lab] = Answer(tuple((a, z, p - mine[0][2]) for a, z, p in mine), "topic", None, mine[0][0])
        gone = {u[0] for u in mine}
        for owner in set().union(*(loose.get(x, set()) for x in gone)):
            kept = tuple(u for u in out[owner].units if u[0] not in gone)
            out[owner] = Answer(kept, out[owner].how, out[owner].xref, out[owner].opens)


# "Recommendation 5 agreed; recommendation 6 not agreed": one status line giving each of the answer's
# recommendations its own verdict, clause by clause
_VERDICT_CLAUSE = re.compile(r"(?<![\w-])(?:recommendation|rec\.?|concern)\s+(?P<num>\d{1,3}[a-z]?)\b[^;,.\n]{0,30}?"
                             r"\b(?:not\s+|partially\s+|partly\s+)?(?:agreed|accepted|rejected|noted|supported|declined|"
                             r"complete|implemented)(?:\s+in\s+(?:part|principle|full))?(?=\s*(?:[;,.]|$|and\b))", re.I | re.M)


def _own_verdicts(text: str, out: dict[str, Answer]) -> dict[str, Answer]:
    """An answer shared by several recommendations (each keeping its own sentences, see ``_share_out``)
    whose first sentence gives each its own verdict (a status word) in a clause of its own: each opens with its clause instead of the whole line, so that the verdict
    given to the next one is not read as its own."""
    groups: dict[Unit, list[str]] = {}
    for lab, ans in out.items():
        if ans.units:
            groups.setdefault(ans.units[0], []).append(lab)
    new = dict(out)
    for (a, z, p), labs in groups.items():
        if len(labs) < 2:
            continue
        clauses = {m.group("num").lower(): m for m in _VERDICT_CLAUSE.finditer(text, a, z)}
        if len(clauses) != len(_VERDICT_CLAUSE.findall(text, a, z)) or set(clauses) != {lab.lower() for lab in labs}:
            continue  # each named once, and none but these
        for lab in labs:
            m = clauses[lab.lower()]
            new[lab] = replace(out[lab], units=((m.start(), m.end(), p), *out[lab].units[1:]))
    return new


SHARED_UNITS = 4  # sentences a shared answer needs before each recommendation keeps only its own
SUBJECT_WORDS = 2  # words a sentence shares with a recommendation to be about it
PLAIN_MARGIN = 3  # words more that it shares with one than with any other, to be plainly about that one


# the tag that closes a quoted recommendation with its number: "(Recommendation 7)"
_NUMBER_TAG = r"\(\s*(?:recommendations?|concerns?|matters? of concern)\s+[^()]{1,40}\)"
_ONLY_TAG = re.compile(rf"\W*{_NUMBER_TAG}\W*", re.I)


def _quotes_only(text: str, units) -> bool:
    """Nothing but quoted recommendations and the tags that close them: no answer."""
    for a, z, _ in units:
        said = " ".join(text[a:z].split())
        if not (_ONLY_TAG.fullmatch(said) or _asks_as_recommendation(said)):
            return False
    return True


def _share_out(text: str, out: dict[str, Answer], rec_texts: dict[str, str | None],
               stop: frozenset[str]) -> dict[str, Answer]:
    """One answer under a theme or a grouped heading ("Recommendations 7 to 9") given to each
    recommendation in it: where the answer names each of them in turn ("We accept the Committee's
    seventh recommendation. ... On the eighth recommendation, ..."), each takes what follows its
    name; otherwise each keeps the sentences about its own subject, with those about none of
    them ("We agree with the direction of all three"), so the sentence that decides one is not
    read as deciding the others. A recommendation no sentence names keeps it all."""
    groups: dict[tuple, list[str]] = {}
    for lab, a in out.items():
        groups.setdefault(a.units, []).append(lab)
    new = dict(out)
    for units, labs in groups.items():
        named = _named_in_turn(text, units, labs)
        if named:
            for lab in labs:
                # (a share that only quotes, "DLUHC should publish ... each quarter. (Recommendation 7)", the
                # group's one response under the quotes: the whole answer is its)
                if not _quotes_only(text, named[lab]):
                    new[lab] = Answer(named[lab], out[lab].how, out[lab].xref, out[lab].opens)
            continue
        want = {lab: stems(rec_texts.get(lab) or "", stop) for lab in labs}
        if len(labs) < 2 or len(units) < SHARED_UNITS or sum(len(w) >= 3 for w in want.values()) < 2:
            continue
        if (paras := _paragraph_each(text, units, want, stop)) is not None:
            # (a sentence plainly about another one goes to it, wherever it stands: "Nor does the Department
            # propose to set its own target ..." closing the paragraph on the monitoring data)
            home = {u: lab for lab, us in paras.items() for u in us}
            mine = {lab: [] for lab in labs}
            for u in units:
                words = stems(text[u[0]:u[1]], stop)
                overlap = {lab: len(words & w) for lab, w in want.items()}
                best = max(overlap, key=lambda lab: overlap[lab])
                plain = overlap[best] - max(n for lab, n in overlap.items() if lab != best) >= PLAIN_MARGIN
                mine[best if plain and overlap[best] - overlap[home[u]] >= PLAIN_MARGIN else home[u]].append(u)
            if all(mine.values()):
                for lab in labs:
                    new[lab] = Answer(tuple(mine[lab]), out[lab].how, out[lab].xref, out[lab].opens)
                continue
        mine: dict[str, list[Unit]] = {lab: [] for lab in labs}
        own: dict[str, int] = dict.fromkeys(labs, 0)
        last: tuple[int, list[str]] = (-1, [])  # the paragraph of the last sentence with a subject, and whose it was
        for u in units:
            words = stems(text[u[0]:u[1]], stop)
            overlap = {lab: len(words & w) for lab, w in want.items()}
            best = max(overlap.values())
            if best >= SUBJECT_WORDS:
                last = (u[2], [lab for lab in labs if overlap[lab] == best])
            # "The Committee also asked that the patrols be reinstated. I do not intend to do so.":
            # a sentence about none goes on with the one before it in its paragraph
            whose = last[1] if best < SUBJECT_WORDS and last[0] == u[2] else None
            # (a sentence of them all, "both matters will be considered as part of their review", is each one's)
            every = _BOTH_OF_THEM.search(text, u[0], u[1]) is not None
            for lab in labs:
                if every or ((whose is None or lab in whose) if best < SUBJECT_WORDS else overlap[lab] == best):
                    mine[lab].append(u)
                    own[lab] += best >= SUBJECT_WORDS
        for lab in labs:
            if own[lab] and len(mine[lab]) < len(units):
                a = out[lab]
                new[lab] = Answer(tuple(mine[lab]), a.how, a.xref, a.opens)
    return new


def _paragraph_each(text: str, units: tuple[Unit, ...], want: dict[str, set[str]],
                    stop: frozenset[str]) -> dict[str, tuple[Unit, ...]] | None:
    """Each recommendation's paragraph, where a grouped answer has one paragraph to each and the
    paragraphs are each about a different one ("Separate waiting areas and entrances (R1 and R2)" over a
    paragraph on the waiting areas and one on the audit): whole paragraphs, not the sentences that happen
    to share most words with one, answer each. None otherwise."""
    paras: dict[int, list[Unit]] = {}
    for u in units:
        paras.setdefault(u[2], []).append(u)
    if len(paras) != len(want):
        return None
    tops: list[tuple[set[str], tuple[Unit, ...]]] = []
    for us in paras.values():
        words = stems(" ".join(text[a:z] for a, z, _ in us), stop)
        overlap = {lab: len(words & w) for lab, w in want.items()}
        top = max(overlap.values())
        if top < SUBJECT_WORDS:
            return None
        tops.append(({lab for lab, n in overlap.items() if n == top}, tuple(us)))
    whose: dict[str, tuple[Unit, ...]] = {}
    # (a paragraph as much about two of them goes to the one no other paragraph is plainly about)
    for best, us in sorted(tops, key=lambda t: len(t[0])):
        left = best - set(whose)
        if len(left) != 1:
            return None
        whose[left.pop()] = us
    return whose


_BOTH_OF_THEM = re.compile(r"\b(?:both|all)\s+(?:of\s+)?(?:these\s+|those\s+|the\s+)?"
                           r"(?:matters|concerns|recommendations|issues|points)\b", re.I)
_COUNT_SENTENCE = re.compile(r"\b(?:two|three|four|five|six)\s+(?:matters|concerns|recommendations|issues|points)\b", re.I)
# (the ordinals a grouped answer names its recommendations by, _ORDINAL_WORDS above, and the number each stands for)
_ORDINAL_NUMBER = {w: str(n) for n, w in enumerate(_ORDINAL_WORDS, 1)}
# (a part by its number alone where a sentence opens on it: "On 4(a), we will publish ...", "On 2b, ...")
_NAMED = re.compile(r"\b(?:recommendation|concern)\s+(?P<num>\d{1,3}(?:\.\d{1,3})?(?:[a-z]|\([a-z]\))?)(?!\w)|"
                    r"^\W*(?:on|as\s+for|turning\s+to|regarding)\s+(?P<part>\d{1,3}(?:[a-z]|\([a-z]\)))\s*[,:]|"
                    rf"\b(?P<ord>{'|'.join(_ORDINAL_WORDS)})\s+(?:recommendation|concern)\b", re.I)
_NAMED_TOGETHER = re.compile(r"\b(?:recommendations|concerns)\s+\d|\b(?:both|all)\s+(?:of\s+)?(?:these|those|the)\s+"
                             r"(?:recommendations|concerns)\b|\bboth\b(?=\s*(?:[.,;:]|of\s+(?:them|these|those)\b|recommendations\b|"
                             r"concerns\b))|\b(?:these|those)\s+(?:two\s+|three\s+)?"
                             rf"(?:recommendations|concerns)\b|\b(?:{_TENTH})\s+and\s+(?:{_TENTH})\b", re.I)


def _named_in_turn(text: str, units: tuple[Unit, ...], labs: list[str]) -> dict[str, tuple[Unit, ...]] | None:
    """Each label's share of a grouped answer that names every one of them once, in turn, by number
    or ordinal ("We accept the Committee's seventh recommendation. ... On the eighth
    recommendation, ..."): the sentences from its name to the next one's, and, for the first,
    what comes before it."""
    if len(labs) < 2:
        return None
    names: list[tuple[int, str]] = []  # (unit, label) in order
    if any(_NAMED_TOGETHER.search(text, a, z) for a, z, _ in units):
        return None  # "Recommendations 3 and 6 relate to our systems": an answer to them together
    as_written = {re.sub(r"[()]", "", lab).lower(): lab for lab in labs}
    for k, (a, z, _) in enumerate(units):
        for m in _NAMED.finditer(text[a:z]):
            said = m.group("num") or m.group("part")
            lab = as_written.get(re.sub(r"[()]", "", said).lower(), said) if said \
                else _ORDINAL_NUMBER[m.group("ord").lower()]
            if lab not in labs:
                return None  # another recommendation named inside: not a group named in turn
            names.append((k, lab))
    if sorted(lab for _, lab in names) != sorted(labs) or len({k for k, _ in names}) != len(names):
        return None  # one named twice or not at all, or two in one sentence ("the seventh and eighth")
    shares: dict[str, list[Unit]] = {lab: [] for lab in labs}
    j = 0
    for k, u in enumerate(units):
        while j + 1 < len(names) and names[j + 1][0] <= k:
            j += 1
        shares[names[j][1]].append(u)
    return {lab: tuple(us) for lab, us in shares.items()}


# "... will continue to be published every month. (Recommendation 1)": a tag that closes the paragraph answering it
_TAIL_TAG = re.compile(rf"[.!?][”\"'’]?\s*{_NUMBER_TAG}\W*$", re.I)


def _tagged_paragraphs(text: str, blocks: list[Block], refs: list[Ref]) -> list[tuple[int, int, int, set[str]]]:
    """Paragraphs that end by naming what they answer, as a Scottish Government letter or a
    committee's own report tags them: (paragraph start, where the tag starts, its end, its labels)."""
    out = []
    for b in blocks:
        m = _TAIL_TAG.search(text, b.start, b.end)
        if not m:
            continue
        tag = text.index("(", m.start())
        labs = {r.label for r in refs if tag <= r.start < b.end}
        if labs and clean(text[b.start:tag]):
            out.append((b.start, tag, b.end, labs))
    return out


# "1. Welfare calls"; "1 and 2. Inspection of memorials" over one answer to both; an e-mail's
# "3 - Training" or "3: Training"
# (or by the letter's decimal numbers, a space alone after them: "### 3.2 How our sales team are rewarded")
_NUMBERED_HEADING = re.compile(r"^[\W_]{0,4}(?P<num>\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|and|&)\s*\d{1,2}(?:\.\d{1,2})?)*)"
                               r"(?:[.)]|\s*[-–—:]|(?<=\.\d)|(?<=\.\d\d))\s+(?P<title>[^.!?:]{2,90})[\s*_:]*$")


XREF_UNITS = 2  # sentences from an answer's start within which a pointer to another answer makes it that one
SUMMARY_ITEMS = 3  # quoted recommendations in a row with no answer between them that make a summary


def _says_nothing(text: str, answer: list[Unit]) -> bool:
    """No answer, or only a title line ("Government response to the recommendations"), or only the reply's
    parting words ("Happy to walk through any of this on a call.") and its name."""
    return all(heading_line(text[a:z]) or _PARTING.match(text, a, z) for a, z, _ in answer)


# what a reply says as it closes, of all its answers: "Happy to walk through any of this on a call.", "I hope this
# is helpful.", "Please let me know if you have any questions."
_PARTING = re.compile(r"\W*(?:(?:i\s+am|i'm|we\s+are|we're|i\s+would\s+be|we\s+would\s+be)\s+)?"
                      r"(?:happy|glad|pleased)\s+to\s+(?:discuss|talk|walk|meet|go\s+through|answer|help)\b"
                      r"[^.]{0,80}[.!]?\s*$|"
                      r"\W*(?:i|we)\s+hope\s+(?:this|that)\s+(?:is|was|has\s+been)\s+(?:helpful|of\s+help|useful)\W*$|"
                      r"\W*please\s+(?:let\s+(?:me|us)\s+know|do\s+not\s+hesitate|don't\s+hesitate|get\s+in\s+touch)\b"
                      r"[^.]{0,80}[.!]?\s*$", re.I)


def _runs(flags: list[bool]) -> list[list[int]]:
    """The maximal runs of consecutive true flags, as lists of positions."""
    out: list[list[int]] = []
    for k, flag in enumerate(flags):
        if flag and out and out[-1][-1] == k - 1:
            out[-1].append(k)
        elif flag:
            out.append([k])
    return out


_NUMBERED_PARAGRAPH = re.compile(r"^[\W_]{0,4}(?P<num>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)[.)\]]\s+\S")


NUMBERED_MIN = 5  # recommendations from which numbered paragraphs may skip one and still answer by number


def _numbered_paragraphs(blocks: list[Block], labels: dict[str, int]) -> list[tuple[int, set[str]]]:
    """Numbered paragraphs 1..n in a reply that was sent concerns 1..n, one paragraph to each
    ("Our response follows, numbered as in your report. 1. ... 2. ...", "3 and 4." over a joint
    answer): the numbers must be the labels in order, all of them or, of five or more, all but one
    (a reply that skips one has not addressed it), so a reply's own shorter list of actions is not
    read as its answers; nor its own sections, numbered 1 to n (``_own_numbering``)."""
    if _own_numbering(blocks, labels):
        return []
    found = []
    for b in blocks:
        # (or each line of a list with no blank lines, "1. We support ..." / "2. We will consider ...", where the
        # line above ends its sentence)
        for k, ln in enumerate(b.lines):
            if k and not sentence_end((clean(b.lines[k - 1].text) or "").rstrip()):
                continue
            m = _NUMBERED_PARAGRAPH.match(clean(ln.text) or "")
            nums = re.findall(r"\d+", m.group("num")) if m else []
            if nums and all(n in labels for n in nums):
                found.append((ln.start, nums))
    flat = [int(n) for _, nums in found for n in nums]
    wanted = sorted(n for lab, n in labels.items() if lab == str(n))
    in_order = all(a < b for a, b in zip(flat, flat[1:])) and set(flat) <= set(wanted)
    enough = len(flat) == len(wanted) or (len(wanted) >= NUMBERED_MIN and len(flat) == len(wanted) - 1)
    return [(at, set(nums)) for at, nums in found] if len(found) >= 2 and enough and in_order else []


# "2. Review of the pathway plan on a change of accommodation": a title, not a sentence (no full stop)
NUMBERED_TITLE_WORDS = 10


_MD_HEADING = re.compile(r"^(#{1,6})\s+\S", re.M)


_COLUMN_HEAD = re.compile(r"\W*(?:(?:action\s+)?owner|lead(?:\s+officer)?|responsible(?:\s+officer)?|"
                          r"target(?:\s+date)?|timescales?|deadlines?|(?:completion\s+|due\s+)?date|by\s+when|"
                          r"status|progress|rag)\W*", re.I)


def _heading_row(text: str, row: list[tuple[int, int]]) -> bool:
    """A "row" of two cells that is the reply's own section number and a title ("2.<tab>Concern (1) –
    the warning signal and fault escalation"): Word's numbered heading, over the paragraphs that answer."""
    if len(row) != 2 or re.fullmatch(r"\d{1,2}\.", text[row[0][0]:row[0][1]].strip()) is None:
        return False
    title = clean(text[row[1][0]:row[1][1]]) or ""
    # (not a list's item, "1.<tab>the publication of college travel support policies (Recommendation 1);")
    return title[:1].isupper() and not sentence_end(title) and not title.endswith((";", ","))


_LABEL_CELL = re.compile(r"\W{0,2}\d{1,3}(?:\.\d{1,3})*[a-h]?[.)]?")


def _listed_row(text: str, start: int, row: list[tuple[int, int]]) -> bool:
    """A label and its recommendation a tab apart, in a run of such lines with no header over them ("The
    review recommended that the Council:" / "1a<tab>clears the backlog ..." / "1b<tab>..."): Word's list,
    whose answer follows the list, not a table's row that holds it (its run has a header: "No.<tab>Panel
    recommendation")."""
    k = _line_start(text, start)
    if len(row) != 2 or "\t" not in text[k:line_end(text, k)]:
        return False
    while k > 0:
        above = text[text.rfind("\n", 0, k - 1) + 1:k - 1]
        if "\t" not in above:  # (the list's lead-in, which speaks of recommendations: not "... updates on:")
            return re.search(r"\brecommend", above, re.I) is not None and above.rstrip().endswith(":")
        if not _LABEL_CELL.fullmatch(above.split("\t", 1)[0].strip()):
            return False
        k -= len(above) + 1
    return False


_SUBSECTION_TITLE = re.compile(r"[ \t]*(?P<top>\d{1,2})\.\d{1,2}\.?[ \t]+[A-Z]")
# (its number's full stop or tab: not a wrapped line opening with a date, "4 March 2025, and has been ...")
_TOP_TITLE = re.compile(r"^[ \t]*(?P<top>\d{1,2})(?:\.[ \t]+|\t[ \t]*)[A-Z][^.:;\n]{0,60}$", re.M)


def _section_end(text: str, start: int, stop_at: int) -> int:
    """Where a web page's section ends: under "### Recommendation 7", at the next heading of a
    higher level ("## 4. Next steps"), not at the page's end."""
    own = _MD_HEADING.match(text, start)
    if own is None:
        # (or, under a reply's own subsection "3.2 Vulnerability information (matters (2)(a) and (2)(b))", at its
        # next section's title, "4. Next steps and reporting")
        sub = _SUBSECTION_TITLE.match(text, start)
        nxt = next((m.start() for m in _TOP_TITLE.finditer(text, start, stop_at)
                    if int(m.group("top")) == int(sub.group("top")) + 1), None) if sub else None
        return stop_at if nxt is None else nxt
    level = len(own.group(1))
    for m in _MD_HEADING.finditer(text, own.end(), stop_at):
        if len(m.group(1)) < level:
            return m.start()
    return stop_at


_PARAGRAPH_NUMBER = re.compile(r"[ \t]*\d{1,2}\.(?:\d{1,2}\.?){0,2}[ \t]+\S")  # "5.2    The positions above ..."
INDENTED = 2  # spaces, at least, before an answer's title that its whole answer keeps


def _outdented_end(text: str, start: int, stop_at: int) -> int:
    """Where the last answer ends when the paper indents its answers under a numbered paragraph of its own
    ("5.1 The suggested actions are reproduced below ..." over "       Suggested action 1 ..."): at the paper's
    next paragraph number back at the margin ("5.2    The positions above have been discussed ..."), every line
    of the answer above it indented at least as far as the answer's title (no centred title over prose at the
    margin)."""
    lines = split_lines(text, _line_start(text, start), stop_at)
    if not lines or len(lines[0].text) - len(lines[0].text.lstrip(" ")) < INDENTED:
        return stop_at
    own = len(lines[0].text) - len(lines[0].text.lstrip(" "))
    for ln in lines[1:]:
        if ln.blank or not ln.text.strip():
            continue
        if len(ln.text) - len(ln.text.lstrip(" ")) >= own:
            continue
        return ln.start if _PARAGRAPH_NUMBER.match(ln.text) and _numbers_on(text, start, ln.text) else stop_at
    return stop_at


def _numbers_on(text: str, start: int, line: str) -> bool:
    """Whether the number opening ``line`` is the next of the paper's own above the answers ("5.2" under "5.1",
    "6." under "5."): not the answer's own list at the margin, "1. Officers will ask ...")."""
    m = re.match(r"[ \t]*(\d{1,2})\.(\d{1,2})?", line)
    whole, part = int(m.group(1)), m.group(2)
    before = f"{whole}.{int(part) - 1}" if part else f"{whole - 1}."
    return (not part or int(part) > 1) and whole > (0 if part else 1) \
        and re.search(rf"(?m)^[ \t]*{re.escape(before)}(?!\d)", text[:start]) is not None


def _named_above(numbered: list[tuple[int, set[str]]], named: set[str]) -> bool:
    """Whether numbered headings take up the recommendations the opening named, starting past the
    first ("6. A single route for Field Safety Notices" under "Recommendations 6, 7, 8 and 10"): a
    reply's own sections ("1. Introduction") start at one."""
    labs = set().union(*(labs for _, labs in numbered))
    return min(int(n) for n in labs) > 1 and labs <= named


def _titles_name_theirs(text: str, numbered: list[tuple[int, set[str]]], rec_texts: dict[str, str | None],
                        stop: frozenset[str]) -> bool:
    """Whether most numbered headings share a word with the recommendations they number."""
    named = 0
    for at, labs in numbered:
        end = text.find("\n", at)
        title = stems(text[at:end if end >= 0 else len(text)], stop)
        named += any(title & stems(rec_texts.get(lab) or "", stop) for lab in labs)
    return named * 2 > len(numbered)


def _numbered_headings(blocks: list[Block], labels: dict[str, int]) -> list[tuple[int, set[str]]]:
    """Short numbered headings ("1. Welfare calls", "2. Falls response") whose numbers are the
    concerns raised, in order: two at least, so one numbered line is not taken for a scheme. Not the
    reply's own sections numbered 1 to n (``_own_numbering``)."""
    if _own_numbering(blocks, labels):
        return []
    found = []
    for b in blocks:
        m = _NUMBERED_HEADING.match(clean(b.lines[0].text) or "")
        nums = re.findall(r"\d+(?:\.\d+)?", m.group("num")) if m else []
        if m and len(m.group("title").split()) <= NUMBERED_TITLE_WORDS and all(n in labels for n in nums):
            found.append((b.lines[0].start, nums))
    order = [tuple(map(int, n.split("."))) for _, nums in found for n in nums]
    return [(at, set(nums)) for at, nums in found] if len(found) >= 2 and order == sorted(set(order)) else []


OWN_SECTIONS = 3  # numbered titles, at least, 1 to n, by which a reply numbers its own sections


def _own_numbering(blocks: list[Block], labels: dict[str, int]) -> bool:
    """Whether the reply numbers its own sections 1 to n by short titles, a number between two asked of it
    not asked ("1. Background", "2. Signage at Kettle Rocks", ... "5. Conclusion" from a body asked 2, 3a, 3b
    and 5): its 2 and its 5 are its sections', not the recommendations' (not "4. Next steps" after answers
    numbered 1 to 3). Its titles may stand inside blocks, under a finished sentence, where the text leaves no
    blank lines."""
    own = [m.group("num") for b in blocks for k, ln in enumerate(b.lines)
           if (not k or sentence_end((clean(b.lines[k - 1].text) or "").rstrip()))
           and (m := _NUMBERED_HEADING.match(clean(ln.text) or "")) is not None and m.group("num").isdigit()
           and len(m.group("title").split()) <= NUMBERED_TITLE_WORDS]
    asked = sorted({n for n in labels.values() if str(n) in own})
    return len(own) >= OWN_SECTIONS and own == [str(n) for n in range(1, len(own) + 1)] and len(asked) >= 2 \
        and any(asked[0] < int(n) < asked[-1] and int(n) not in asked for n in own)


# words a section's text (not just its heading) must share with a recommendation no heading takes up
# for the section to answer it too: one shared word ("treatment" in "Treatment add-ons" and in "outstanding
# treatment and outcome data") is chance; the two the probes' out-of-place answers share were the least
LEFTOVER_WORDS = 2
_THESE_ALONE = re.compile(r"\bthe (?:two|three|four|five|six|\d) (?:recommendations|concerns|matters)\b"
                          r"[^.]{0,80}?\b(?:alone|only)\b", re.I)
GAP_WORDS = 2  # words a heading left in its place shares with the recommendation left in its place
TOPIC_HEADINGS = 3  # headings a reply must match to the recommendations, in order, to be read by them (all of two)
# a web page's stock sections at its foot, which end the answer above them and answer nothing
_STOCK_TITLE = re.compile(r"^[#\s*_]*(?:contact(?:\s+us)?|(?:related|useful|more|further)\s+(?:links|information|news|"
                          r"content|pages|reading)|share\s+this\s+page|page\s+feedback|help\s+us\s+improve[^\n]*)[\s*_:]*$",
                          re.I)


TITLED_BODY_WORDS = 2  # words of a recommendation a one-word title's section must share with it too


def _titles_for_rest(text: str, blocks: list[Block], openers: dict[int, set[str]], heading_at: dict[int, bool],
                     labels: dict[str, int], rec_texts: dict[str, str | None],
                     stop: frozenset[str]) -> list[tuple[int, str]]:
    """Markdown headings of the level the reply's numbered headings have, over answers to the
    recommendations no number opened: each to the one its own words name, one to one. A title
    answers one that stands between the numbered headings around it (the reply keeps the report's
    order), shares two of its words with it (or one, and its section two more), and says more of
    it than of the recommendation answered above it (not "How rural bus funding is allocated",
    going on with the answer above); the reply's own sections ("Next steps") answer nothing."""
    levels = {m.group(1) for x, h in heading_at.items() if h and (m := _MD_HEADING.match(text, x))}
    if not levels and _plain_headings(text, blocks, heading_at):
        levels = {""}  # (or plain lines, as Word leaves them: "Board membership" before "Recommendations 7 and 8")
    opened = set().union(*openers.values())
    rest = [(lab, stems(rec_texts[lab], stop)) for lab in sorted(labels, key=lambda x: (labels[x], x))
            if lab not in opened and rec_texts.get(lab)]
    if len(levels) != 1 or not rest:
        return []
    level = levels.pop()
    titles = [k for k, b in enumerate(blocks[:-1]) if b.start not in openers and len(b.lines) == 1
              and ((m := _MD_HEADING.match(b.lines[0].text)) and m.group(1) == level
                   or not level and not _MD_HEADING.match(b.lines[0].text))
              and _title_line(b.lines[0].text) and is_prose(blocks[k + 1].text)
              and not _CLOSING_TITLE.match(clean(b.lines[0].text) or "")]
    bounds = sorted({blocks[k].start for k in titles} | set(openers))
    numbered = sorted((x, min(labels.get(lab, 0) for lab in labs)) for x, labs in openers.items() if labs)
    scored = []
    for k in titles:
        a = blocks[k].start
        z = next((x for x in bounds if x > a), blocks[-1].end)
        head = stems(blocks[k].text, stop)
        body = stems(" ".join(b.text for b in blocks[k + 1:] if b.end <= z), stop)
        low = max((n for x, n in numbered if x < a), default=0)
        high = min((n for x, n in numbered if x > a), default=None)
        above = next((openers[x] for x in reversed(sorted(openers)) if x < a), set())
        # (its title and its section both: "Evaluation of the programme" shares a word with "perpetrator
        # programmes" above as with "an independent evaluation", its section only with the latter)
        said_above = max((3 * len(head & (w := stems(rec_texts.get(lab) or "", stop))) + len(body & w)
                          for lab in above), default=0)
        for lab, words in rest:
            shared = len(head & words)
            if not (low < labels[lab] and (high is None or labels[lab] < high)):
                continue
            if (shared >= 2 or (shared and len(body & words) >= TITLED_BODY_WORDS)) \
                    and 3 * shared + len(body & words) > said_above:
                scored.append((3 * shared + len(body & words), a, lab))
    out: dict[int, str] = {}
    taken: set[str] = set()
    for _, a, lab in sorted(scored, reverse=True):
        if a not in out and lab not in taken:
            out[a] = lab
            taken.add(lab)
    # (plain lines head the answers only as the reply's own pattern, two of them at least: one plain title
    # over the prose after the last number is a theme, whose paragraphs answer by subject)
    if not level and len(out) < PLAIN_TITLES:
        return []
    return sorted(out.items())


PLAIN_TITLES = 2  # plain title lines over answers, at least, for a reply to be heading them so


def _plain_headings(text: str, blocks: list[Block], heading_at: dict[int, bool]) -> bool:
    """Whether every numbered heading of the reply is a plain line standing over its answer
    ("Recommendations 7 and 8"), no markdown about it: alone in its block, or opening it where a Word
    copy lost the blank line under it ("Recommendation 1" / "All health boards will publish ...")."""
    opening = {b.start for b in blocks}
    heads = [x for x, h in heading_at.items() if h]
    return bool(heads) and all(x in opening and _title_line(text[x:line_end(text, x)]) for x in heads)


def _topics_agree(topics: list[tuple[int, set[str]]], openers: dict[int, set[str]]) -> bool:
    """Whether each recommendation a reply's prose names by number or ordinal stands in the
    section whose heading's words gave it that recommendation."""
    starts = [start for start, _ in topics]
    for x, labs in openers.items():
        k = bisect_right(starts, x) - 1
        if k < 0 or not labs <= topics[k][1]:
            return False
    return bool(topics)


def _topic_headings(blocks: list[Block], labels: dict[str, int], rec_texts: dict[str, str | None],
                    stop: frozenset[str], leftovers: bool = True) -> list[tuple[int, set[str]]]:
    """Headings of the reply's own with no number ("Review of governance", "The Clerk"), each
    over its answer, in the order of the recommendations they answer. Each is matched to the
    recommendation whose words it and its section share, keeping the order, so a heading whose
    words are not the recommendation's ("Financial recovery" over a plan that "returns the College to
    an operating surplus") still answers the one in its place. Most headings must match, three
    at least (both, of a reply to two), and a majority of the recommendations must have a heading
    in their own words, so a reply's own sections ("Background", "Next steps") and a guidance note
    whose sections touch some of the concerns are not read as answers. Every heading is
    returned, with the labels it answers (none: it only ends the answer above it)."""
    recs = [(lab, stems(rec_texts[lab], stop)) for lab in sorted(labels, key=lambda x: (labels[x], x))
            if rec_texts.get(lab)]
    # not the subject line over the first paragraph ("Inquest touching the death of ...")
    first = next((k for k, b in enumerate(blocks) if is_prose(b.text)), len(blocks))
    # (a web page's "### Testing of claimant messages" may head an answer of a few words)
    titles = [k for k, b in enumerate(blocks[:-1]) if k > first
              and len(b.lines) == 1 and _title_line(b.lines[0].text)
              and (is_prose(blocks[k + 1].text) or (_MD_HEADING.match(b.lines[0].text.lstrip())
                                                    and sentence_end(blocks[k + 1].text)
                                                    and word_count(clean(blocks[k + 1].text) or "") >= 3))]
    # a reply to two concerns may have two headings, and so may one to three that heads two of them
    # in their own words (the majority rule below)
    need = min(TOPIC_HEADINGS, len(recs), max(2, sum(1 for k in titles if not _STOCK_TITLE.match(blocks[k].text))))
    if len(recs) < 2 or len(titles) < need:
        return []
    sections = []
    for n, k in enumerate(titles):
        end = titles[n + 1] if n + 1 < len(titles) else len(blocks)
        sections.append((stems(blocks[k].text, stop), stems(" ".join(b.text for b in blocks[k + 1:end]), stop)))

    def score(i: int, j: int) -> int:
        head, body = sections[i]
        shared_head, shared_body = len(head & recs[j][1]), len(body & recs[j][1])
        return 3 * shared_head + shared_body if shared_head or shared_body >= TOPIC_WORDS else 0
    # the best match that keeps both orders (each heading to one recommendation at most)
    n, m = len(sections), len(recs)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = score(i - 1, j - 1)
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + s if s else 0)
    pairs = []
    i, j = n, m
    while i and j:
        s = score(i - 1, j - 1)
        if s and best[i][j] == best[i - 1][j - 1] + s:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    # headings out of the recommendations' order ("Travel information and clothing" over the fifth, then
    # "The staff minibus" over the fourth): each heading to the one its own words name best, where every
    # heading names a different one and the headings' words name them better than in order; the same
    # recommendations as in order, unless too few headings keep the order to be read at all
    named = [max(range(m), key=lambda j: (len(sections[i][0] & recs[j][1]), score(i, j))) for i in range(n)]
    if (len(pairs) < need or (len(pairs) == n and set(named) == {j for _, j in pairs})) and len(set(named)) == n \
            and all(sections[i][0] & recs[j][1] for i, j in enumerate(named)) \
            and sum(len(sections[i][0] & recs[j][1]) for i, j in enumerate(named)) \
            > sum(len(sections[i][0] & recs[j][1]) for i, j in pairs):
        pairs = list(enumerate(named))
    headed = sum(1 for i, j in pairs if sections[i][0] & recs[j][1])
    # (a reply whose every heading is a concern's own title, word for word, answers those however few it heads:
    # "Post-fall observations" under the report's "CONCERN No.3 – Post-fall observations"; the others it leaves
    # unanswered; not one whose other headings take several concerns together, "Transfer of responsibility and care
    # coordination")
    titled = [(i, j) for i in range(n) for j in range(m) if _same_title(blocks[titles[i]].text, rec_texts[recs[j][0]])]
    own = {i for i, k in enumerate(titles) if not _STOCK_TITLE.match(blocks[k].text)}
    if titled and len({i for i, _ in titled}) == len(titled) == len({j for _, j in titled}) == len(own) \
            and {i for i, _ in titled} == own and (len(pairs) < need or headed * 2 <= m):
        return [(blocks[k].start, {recs[j][0] for i2, j in titled if i2 == i}) for i, k in enumerate(titles)]
    if len(pairs) < need or headed * 2 <= m:
        return []
    # (one heading left between two that answer in order, over one recommendation left between theirs: it
    # answers that one in its place, where its words are the recommendation's too, if fewer than a match
    # needs: "The local supply chain" over "local firms ... the site" for "firms based within 30 miles of
    # the site")
    held = sorted(pairs)
    for (i0, j0), (i1, j1) in zip([(-1, -1)] + held, held + [(n, m)]):
        if i1 - i0 == 2 and j1 - j0 == 2 \
                and len((sections[i0 + 1][0] | sections[i0 + 1][1]) & recs[j0 + 1][1]) >= GAP_WORDS:
            pairs.append((i0 + 1, j0 + 1))
    found: list[set[str]] = [set() for _ in sections]
    for i, j in pairs:
        found[i].add(recs[j][0])
    # a recommendation out of its place ("Property" answered second), or one answered under
    # another's heading ("Finding and repairing faults" over the priority repairs and the patrols
    # declined), goes with the section most about it, where the section's text speaks of it too
    # (not with two headings over three recommendations: the third is the one the reply leaves out)
    # (by the words that are its own: not "county" and "libraries", where most recommendations
    # speak of the county's libraries)
    common = {w for w in set().union(*(words for _, words in recs))
              if sum(w in words for _, words in recs) * 2 > m}
    # (nor by the words it shares with the one the section answers already: "apologise for the errors
    # identified in your report" under "Apology" says nothing of sharing "this report" with the teams)
    words_of = dict(recs)
    # (where the prose names some, only under a title that itself names it: "Allocation of AIRR time" over
    # the second and the third, not "Enforcement" over a last request to write in a year's time)
    for j in sorted(set(range(m)) - {j for _, j in pairs}) if n >= TOPIC_HEADINGS else ():
        i = max(range(n), key=lambda x: score(x, j))
        own = set().union(*(words_of[lab] for lab in found[i]))
        if score(i, j) and len((sections[i][1] & recs[j][1]) - common - own) >= LEFTOVER_WORDS \
                and (leftovers or (sections[i][0] & recs[j][1]) - common):
            found[i].add(recs[j][0])
    if sum(1 for labs in found if labs) * 3 < len(titles) * 2:
        return []  # most headings are the reply's own sections
    # a heading that answers none ends the answer above it
    return [(blocks[k].start, labs) for k, labs in zip(titles, found)]


def _same_title(heading: str, rec_text: str | None) -> bool:
    """Whether a reply's heading is the recommendation's own title, word for word (its case and stops aside): its
    whole text, or the title its text opens with ("Night staffing levels: Two care assistants covered ...")."""
    said = lambda s: " ".join(re.findall(r"\w+", (clean(s) or "").lower()))
    title = (rec_text or "").split(": ", 1)[0]
    return bool(title) and len(title.split()) <= TITLE_ONLY_WORDS and said(heading) == said(title)


TITLE_ONLY_WORDS = 10  # words a recommendation's text runs to when it is only a title
_NUMBERED_LINE = re.compile(r"^[\W_]{0,3}\d{1,2}[.)]\s+[A-Z]")  # "2. Pulse oximeters supplied ..."


def _opening_line(text: str, blocks: list[Block], r: Ref):
    """The line where an answer to ``r`` opens: the reference stands near the start of a
    paragraph, which in text from a PDF may be any line that follows a finished sentence."""
    b = next((b for b in blocks if b.start <= r.start < b.end + 1), None)
    if b is None:
        return None
    if len(b.lines) > 1 and is_heading(b):
        return b.lines[0]  # a bold heading that wraps, naming it at its end: "**End releases ... (recommendation 4)**"
    if len(b.lines) > 1 and b.lines[1].start <= r.start <= b.lines[1].end and SIDE_KEYWORD.match(b.lines[0].text):
        return b.lines[0]  # a side heading's number, under its keyword: the block is the recommendation's
    for k, ln in enumerate(b.lines):
        if not ln.start <= r.start <= ln.end:
            continue
        if _cited_first(text, b.start, r) or _closes_opening(text, b.start, r):
            # "You recommended that the Department ... (Recommendation 4). I have considered ...":
            # a paragraph that restates a recommendation in its first sentence and cites it there
            return b.lines[0]
        # (a numbered title the reference closes in brackets, under a finished sentence: "2. Pulse oximeters
        # supplied through the Care Home Equipment Scheme (your third concern)")
        if (k == 0 or sentence_end(clean(b.lines[k - 1].text) or "")) and _NUMBERED_LINE.match(ln.text) \
                and closes_title(text, ln, r.start):
            return ln
        if len(clean(text[ln.start:r.start]) or "") > ANCHOR_CHARS:
            return None
        # ("R2025-048" alone on its line: the label is the line's heading, whatever is above it)
        alone = (clean(ln.text) or "").strip(" *#_:") == r.label
        if k == 0 or alone or BARE_LABEL.match(ln.text) or (r.stated and _PARAGRAPH_LINE.match(ln.text)) \
                or _label_and_title(ln.text, b.lines[k + 1].text if k + 1 < len(b.lines) else "") \
                or (r.stated and re.match(r"[\W_]*\d", text[ln.start:r.end])):
            # a paragraph's first line; in PDF text, a "Recommendation 1" line (with its title:
            # "Recommendation 3 – National advice line") or "1. The ... should"
            return ln
        prev = clean(b.lines[k - 1].text) or ""
        # a list of quoted recommendations, a line each and no full stops ("Recommendation 2: offer ...")
        listed = _LISTED.match(prev) is not None and _LISTED.match(ln.text) is not None
        return ln if sentence_end(prev) or _heading_line(b.lines[k - 1].text) or prev.endswith(")") or listed else None
    return None


# "Paragraph 3.4" alone over the conclusion it quotes, in a paper keyed by the report's paragraphs
_PARAGRAPH_LINE = re.compile(r"^[\s*#_]*(?:paragraphs?|paras?\.?)\s+\d{1,3}\.\d{1,3}[\s:*_]*$", re.I)
_CITED = re.compile(r"\(\s*$")
_CITED_END = re.compile(r"\s*\)[.:](?:\s|$)")  # it ends the sentence: ") and ..." only mentions it
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"'‘“(]")


# the sentence restates what was asked: "You recommended that ...", "The Committee also asked for ..."
# "..., and we began doing so on 1 March 2027": the answer, in the sentence that restates it
_AND_ANSWERS = re.compile(r"[,;]\s*(?:and|but|which)\s+(?:we|i|it|this|the\s+(?:department|government|trust|council|board|"
                          r"authority|service|agency))\b|[,;]\s*(?:we|i)\s", re.I)
# ("The fifth recommendation asks the EA to publish ...", "In its fourth recommendation the Committee
# expressed the view that ...")
_SAYS_WHAT_IT_ASKS = re.compile(rf"^\W*(?:the\s+)?(?:[\w’'-]+(?:'s|’s)\s+)?(?:(?:{_ORDINALS})\s+)?"
                                r"(?:recommendation|concern)\s+(?:(?:is|was)\s+that|asks|asked|calls\s+for|called\s+for|"
                                r"urges|urged|proposes|proposed)\b|"
                                rf"^\W*in\s+its\s+(?:{_ORDINALS})\s+recommendation,?\s+the\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+"
                                r"(?:expressed|said|asked|recommended|called|urged|proposed)\b", re.I)
_RESTATES_ASK = re.compile(r"\b(?:recommend(?:ed|s)?|ask(?:ed|s)|call(?:ed|s) for|propos(?:ed|es)|urg(?:ed|es)|"
                           r"suggest(?:ed|s)|want(?:ed|s))\b", re.I)


# "..., and the Committee's second and seventh recommendations both address this."
_CLOSES = re.compile(r"\s*(?:(?:both|all|each|also|together)\s+)?(?:(?:address|concern|cover)(?:es|s)?|deals?\s+with|"
                     r"relates?\s+to|touch(?:es)?\s+on|(?:is|are)\s+about)\s+(?:this|that|it|these|them)\s*[.:]", re.I)


def _closes_opening(text: str, start: int, r: Ref) -> bool:
    """The paragraph's first sentence ends by naming what it takes up ("On training, I share the
    Committee's concern that too few people are entering the profession, and the Committee's
    second and seventh recommendations both address this."): the paragraph answers them."""
    return _CLOSES.match(text, r.end) is not None and _SENTENCE_BREAK.search(text, start, r.start) is None


def _cited_first(text: str, start: int, r: Ref) -> bool:
    """The reference closes the paragraph's first sentence, which restates what was asked, in
    brackets of its own ("... the reporting duty we set out earlier (Recommendation 2)." only
    points back)."""
    return (_CITED.search(text[max(start, r.start - 3):r.start]) is not None
            and _CITED_END.match(text, r.end) is not None
            and _SENTENCE_BREAK.search(text, start, r.start) is None
            and _RESTATES_ASK.search(text, start, r.start) is not None)


def whole_reply(text: str, seg: Segment, sentences: list[tuple[int, int]]) -> Answer | None:
    """The whole reply, for a recommendation an unstructured reply never singles out; less what it
    says to and of the bereaved ("I have written to Mrs Moorcroft separately", "we repeat our
    sincere condolences"), which is courtesy, not a stance on any concern."""
    lo, hi = body_range(text, seg)
    if seg.salutation is not None:
        lo = max(lo, seg.salutation.end)  # "Dear Coroner," answers nothing
    found = [u for u in units(text, [(lo, hi)], sentences) if not _BEREAVED.search(text[u[0]:u[1]])]
    return Answer(tuple(found), "whole", None, found[0][0]) if found else None


# the writer's dealings with the bereaved: "We have written to Nurlan's family through their solicitors",
# "our condolences to his parents", "I have written to Mrs Moorcroft separately"
_BEREAVED = re.compile(r"\b(?:condolences?|sympathies)\b|\b(?:written|wrote|write|spoken|spoke|met|meet|meeting|contacted|"
                       r"apologised|apologise)\b[^.;]{0,40}?(?:\b(?:the|his|her|their|[A-Z][\w'’-]+['’]s) (?:family|parents|"
                       r"mother|father|widow|widower|husband|wife|partner|son|daughter|sister|brother|relatives)\b"
                       r"(?!\s+(?:organisations?|agenc\w*|bod(?:y|ies)|trusts?|services?|and baby|units?))|"
                       r"\b(?:Mrs|Mr|Ms|Miss)\.? [A-Z][\w'’-]+ (?:separately|directly|personally)\b)")


def _paragraph_end(text: str, blocks: list[Block], start: int) -> int:
    """An inline answer that closes the reply keeps its paragraph, and its continuation
    over a page break when the paragraph stops mid-sentence."""
    idx = next(i for i, b in enumerate(blocks) if b.start <= start < b.end + 1)
    stop = blocks[idx].end
    prev = text[blocks[idx].start:blocks[idx].end]
    for b in blocks[idx + 1:]:
        if sentence_end(prev):
            break
        stop, prev = b.end, b.text
    return stop


# (after a connective too: "However, we have no plans to establish a dedicated relocation fund.")
_ANSWER_VOICE = re.compile(r"^\W*(?:(?:however|therefore|nonetheless|nevertheless|instead|accordingly|as\s+a\s+result|"
                           r"for\s+(?:this|that|these)\s+reasons?|in\s+(?:addition|the\s+meantime)),?\s+)?"
                           r"(?:the\s+)?(?:uk\s+|scottish\s+|welsh\s+|this\s+)?(?:government|department|ministry|"
                           r"we|i|ministers?|trust|council|board|" + ACRONYM + r")\b"
                           # not "HMRC should ensure that all staff are trained": the recommendation's voice
                           r"(?:(?!\b(?:should|must|ought|needs? to)\b)[^.]){0,30}?\b(?:accepts?|agrees?|supports?|notes?|will|"
                           r"has|have|is|are|recognises?|welcomes?|believes?|considers?|does|do|did|would|can|already)\b", re.I)
# "NHS England will publish staffing data quarterly": the recommendation's own words, said
# as done or to be done, answer it (a restatement says "should" or "you raised")
# (or done on a date: "Call recording was installed on the helpline on 1 August 2027.")
_DOING = re.compile(r"\b(?:will|shall)\s+(?!not\b)\w+|\b(?:has|have)\s+(?:now\s+|already\s+)?(?:been\s+)?\w+(?:ed|en)\b|"
                    r"\balready\b|\b(?:was|were)\s+\w+(?:ed|en)\b[^.;]{0,60}?\b(?:19|20)\d{2}\b", re.I)


def _says_done(sent: str) -> bool:
    return bool(_DOING.search(sent)) and not _RECOMMENDATION_VOICE.search(sent) and not _RESTATING.search(sent)


_RECOMMENDATION_VOICE = re.compile(r"\b(?:should|must|ought to|needs? to|be required to|we recommend|recommend that)\b"
                                   r"|^\W*(?:\d{1,3}[a-z]?[.)]?\s+)?that\s+(?:the|a|an|all|each|every|it|local)\b|^\W*[●•·▪-]", re.I)


def _asks_as_recommendation(sent: str) -> bool:
    """A sentence in the recommendation's voice ("HMRC should ensure ...") and not the answer's ("The
    Department will ...", "Accepted."): a quote of what was asked."""
    return bool(_RECOMMENDATION_VOICE.search(sent)) and not _ANSWER_VOICE.match(sent) \
        and not RESPONSE_START.search(sent)


def _without_quote(text: str, section: list[Unit], rec_texts: list[str | None], stop: frozenset[str],
                   stated: bool = False, quoted_under: bool = True) -> list[Unit]:
    """The section's answer: the heading and the quoted recommendation removed.

    Quoted are: the heading line, or the line that states the recommendation
    after its label (``stated``: "Recommendations 3 and 4: The Department
    should ..."); the run of sentences after it that speak as
    a recommendation ("... should ...", "That the government ...") and not as
    the answer ("The government ...", "We ..."); in a paragraph running on from
    the heading (PDF text has no blank lines), whatever precedes the first
    sentence that responds ("The government accepts this recommendation."); and
    any sentence that mostly repeats the recommendation's own words. Without ``quoted_under`` (a
    title of the reply's own heads the section) no sentence under the heading is taken for a quote
    for speaking as a recommendation does.
    """
    if not section:
        return []
    known = set().union(*(stems(t, stop) for t in rec_texts if t)) if any(rec_texts) else set()
    head_para = section[0][2]
    first_response = next((i for i, (a, z, p) in enumerate(section)
                           if p == head_para and RESPONSE_START.search(sentence_text(text[a:z]))), None)
    quoted = _quoted_run(text, section)
    # "Government response" on a line of its own: what comes before it is the recommendation, however
    # many sentences it runs to ("... This is a false economy that will be paid for in ...")
    # (not a table's header repeated at a page break, "MMO response", after the answer has begun)
    labelled = next((i for i, (a, z, _) in enumerate(section) if i and _is_label_line(sentence_text(text[a:z]))), 0)
    if first_response is not None and first_response < labelled:
        labelled = 0
    elif labelled and first_response is not None:
        # (the answer starts under the label, however far into it a sentence says "we do not intend to")
        first_response = None
    out = []
    in_quote = True
    for i, (a, z, p) in enumerate(section):
        sent = sentence_text(text[a:z])
        if i < quoted or i < labelled:
            continue  # the concern quoted word for word, in quotation marks, or over the answer's label
        if i == 0 and (stated or _heading_line(text[a:z]) or _NUMBERED_TITLE.match(text[a:z])) \
                and not RESPONSE_START.search(sent):
            continue  # the heading itself
        if i <= 1 and not out and _SAYS_WHAT_IT_ASKS.match(sent) and not _AND_ANSWERS.search(sent):
            continue  # under its title, "The Committee's first recommendation is that we publish ...": the quote
        if first_response is not None and i < first_response:
            continue  # quoted between the heading and the status line
        if quoted_under and in_quote and i > 0 and _asks_as_recommendation(sent):
            continue  # the recommendation quoted under its heading
        in_quote = False
        words = stems(sent, stop)
        if known and len(words) >= 3 and len(words & known) >= QUOTE_SHARE * len(words) \
                and not RESPONSE_START.search(sent) and not _ANSWER_VOICE.match(sent) and not _says_done(sent) \
                and not _DISPUTES.search(sent):
            continue  # repeats the recommendation, without answering it ("X do not agree that ..." answers it)
        if _is_label_line(sent) or PARAGRAPH_TAG.match(sent):
            continue
        if all(_FORM_FIELD.match(ln) or not ln.strip() for ln in text[a:z].splitlines()):
            continue  # a form's fields, not what the answer box says
        out.append((a, z, p))
    return out


# its words in a refusal: "Westmarch Police do not agree that in-person or video attendance is needed ...", "NHS
# England has no plans to commission a further national public awareness campaign on sepsis"
_DISPUTES = re.compile(r"\b(?:do|does|did|will|would|can|could)(?:\s+not|n['’]t)\s+"
                       r"(?:agree|accept|support|consider|believe|think|intend|propose|plan)\b|"
                       r"\b(?:has|have)\s+no\s+(?:plans?|intention|proposals?)\s+(?:to|of)\b", re.I)


IN_TURN = 3  # recommendations quoted together, at least, for paragraphs as many to answer each in turn (two
# paragraphs under two quotes are as often one answer to both, its context and its commitment)


def _in_turn(text: str, labs: list[str], answer: list[tuple[int, int, int]], named: dict[int, set[str]],
             rec_texts: dict[str, str | None], stop: frozenset[str]) -> list[tuple[str, list[tuple[int, int, int]]]]:
    """Recommendations quoted together, three or more, over an answer of as many paragraphs, none naming
    a recommendation by number: each paragraph, in order, answers the one quoted in that place ("The
    review recommended that the Council:" / "1a ...", "1b ...", "1c ..." / "Council response" / "2.1
    ...", "2.2 ...", "2.3 ..."), where each paragraph's words are likelier its own's than any other's (not
    an opening "We are grateful ..." or a closing thanks that happen to make the count). Otherwise none
    (one answer to them all)."""
    if len(labs) < IN_TURN or len(set(labs)) != len(labs) or any(u[0] in named for u in answer):
        return []
    # (its headings and lead-ins aside: "Council response", "3.<tab>Theme 2: ...", "The review recommended that:")
    said = [u for u in answer if not _is_label_line(t := sentence_text(text[u[0]:u[1]])) and sentence_end(t)
            and not t.rstrip().endswith(":")]
    for key in (lambda u: u[2], lambda u: _line_start(text, u[0])):  # (or a line each, as Word text sets them)
        paras: dict[int, list[tuple[int, int, int]]] = {}
        for u in said:
            paras.setdefault(key(u), []).append(u)
        if len(paras) == len(labs):
            pairs = list(zip(labs, paras.values()))
            quoted = {lab: stems(rec_texts.get(lab) or "", stop) for lab in labs}
            for lab, units in pairs:
                words = stems(" ".join(text[a:z] for a, z, _ in units), stop)
                shared = {other: len(words & quoted[other]) for other in labs}
                if not shared[lab] or shared[lab] < max(shared.values()):
                    return []
            return pairs
    return []


def _is_label_line(sent: str) -> bool:
    return bool(_RESPONSE_LABEL.fullmatch(sent) or _LABEL_LINE.match(sent))


# (or under a few words that say whose words they are: 'You recommended (5.2): "Agree with ..."', not a
# response label's 'Our response: "..."')
_OPEN_QUOTE = re.compile(r"^\W{0,3}(?:(?![^:\n]*\b(?i:response|answer|reply)\b)[^“\":.\n]{1,60}:\s+)?[“\"]")
QUOTED_UNITS = 12  # sentences a quoted concern may run to before its closing mark


def _quoted_run(text: str, section: list[Unit]) -> int:
    """How many of the section's first sentences (after a heading) are a passage in quotation
    marks: a reply that quotes the coroner's concern ("“The Court heard that ...”") before
    answering it. 0 where nothing is quoted or the quote never closes."""
    start = 1 if section and _heading_line(text[section[0][0]:section[0][1]]) and len(section) > 1 else 0
    if start >= len(section) or not _OPEN_QUOTE.match(text[section[start][0]:section[start][1]]):
        return 0
    a0 = section[start][0]
    for i in range(start, min(len(section), start + QUOTED_UNITS)):
        a, z, _ = section[i]
        if re.search(r"[”\"]\W{0,3}$", text[a:z]) or ("”" in text[a:z] and text.find("“", a0 + 1, z) < 0):
            return i + 1 if i + 1 < len(section) else 0
    return 0


WRAPPED_LINE = 50  # characters: a line of prose pdftotext wrapped, as against a title's
TITLE_SHARE = 0.75  # or, on a wider page, this share of its usual line


def _usual_width(lines: tuple[Line, ...]) -> int:
    """A block's usual line: a long title, "Recording of position checks in the electronic patient
    record", is still well short of the lines of a page whose prose runs to ninety characters."""
    return sorted(len(ln.text.strip()) for ln in lines)[len(lines) // 2]


def _titled_paragraphs(blocks: list[Block]) -> list[Block]:
    """In PDF text with no blank lines a letter's topic titles ("Contract scope") run in its one
    block: a short line that ends no sentence, after a finished sentence and over a wrapped line of
    prose, is a title alone in its block, the paragraph under it a block of its own, as blank
    lines would have set them."""
    out: list[Block] = []
    for b in blocks:
        titles = set(_title_lines(b.lines))
        if not titles:
            out.append(b)
            continue
        cur, gap = [], b.gap
        for k, ln in enumerate(b.lines):
            if k in titles:
                if cur:
                    out.append(Block(tuple(cur), gap))
                    gap = 0
                out.append(Block((ln,), gap))
                cur, gap = [], 0
                continue
            cur.append(ln)
        if cur:
            out.append(Block(tuple(cur), gap))
    return out


# a line that opens with the reply's own next step ("Finally, I agree that ...") opens its paragraph,
# however long the line before it
_OPENS_PARAGRAPH = re.compile(r"(?:finally|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|lastly|"
                              r"turning\s+(?:now\s+|next\s+)?to)\b", re.I)
PARAGRAPH_END_SHARE = 0.7  # a paragraph's last line stops this far short of the page's usual line, or further


def _short_line_paragraphs(text: str, blocks: list[Block]) -> list[Block]:
    """In PDF text with no blank lines a letter's paragraphs run in one block: a finished sentence on a
    line well short of the page's width ("burden on local authorities."), over a line that opens with a
    capital ("On your request for legislation, ..."), ends its paragraph, as a blank line would have.
    (Not in a table's rows, nor in a block of short lines: an address, a list.)"""
    out: list[Block] = []
    for b in _page_joined(text, blocks):
        lines = b.lines
        width = _usual_width(lines) if len(lines) >= 4 else 0
        # (nor where the reply quotes what it answers: its quotes, read as they are, say where each answer starts)
        if width < WRAPPED_LINE or any(CELL_ROW.search(ln.text) or _OPEN_QUOTE.match(ln.text.lstrip("\f "))
                                       for ln in lines):
            out.append(b)
            continue
        cur, gap = [], b.gap
        for k, ln in enumerate(lines):
            cur.append(ln)
            said = (clean(ln.text) or "").strip()
            nxt = (clean(lines[k + 1].text) or "").strip() if k + 1 < len(lines) else ""
            if nxt[:1].isupper() and sentence_end(said) and not BULLET_ITEM.match(lines[k + 1].text) \
                    and (len(said) < PARAGRAPH_END_SHARE * width or _OPENS_PARAGRAPH.match(nxt)):
                out.append(Block(tuple(cur), gap))
                cur, gap = [], 0
        if cur:
            out.append(Block(tuple(cur), gap))
    return out


def _page_joined(text: str, blocks: list[Block]) -> list[Block]:
    """A paragraph a page break cuts ("... in the north-east and the south-west," / footnote / page
    number / "with £18 million over three years, ..."): one block again, its sentence whole."""
    out: list[Block] = []
    for b in blocks:
        # (the page's foot and head between them, blanked as furniture, or its form feed)
        if out and b.lines[0].text.lstrip("\f ")[:1].islower() and re.search(r"\f|[^\S\n]{3}", text[out[-1].end:b.start + 1]) \
                and not sentence_end((clean(out[-1].lines[-1].text) or "").strip()) \
                and not CELL_ROW.search(out[-1].lines[-1].text) and not CELL_ROW.search(b.lines[0].text):
            out[-1] = Block(out[-1].lines + b.lines, out[-1].gap)
            continue
        out.append(b)
    return out


def _title_lines(lines: tuple[Line, ...]) -> list[int]:
    """Which lines of a block are titles over the prose under them. The block's first line counts too,
    where the page furniture above it is blanked ("Statutory capacity target" at the head of a letter's
    second page); in a block of two or three lines only the first ("Pre-development enquiries" over an
    e-mail's paragraph on one line)."""
    width = _usual_width(lines)
    if len(lines) < 2 or width < WRAPPED_LINE:
        return []
    scan = len(lines) - 1 if len(lines) >= 4 else 1
    return [k for k in range(scan) if _titles_prose(lines, k, width)]


def _titles_prose(lines: tuple[Line, ...], k: int, width: int) -> bool:
    """Whether line ``k`` of a block is a title over the prose under it: a short line that ends no
    sentence, after a finished sentence (or opening the block), over a line of prose."""
    prev = clean(lines[k - 1].text) or "" if k else ""
    ln, nxt = (clean(x.text) or "" for x in lines[k:k + 2])
    numbered = _NUMBER_OFF.match(ln)
    # (not a line that runs on, "Following the inquest the Medical Director and the Head of")
    return _title_line(ln) and (len(ln) < WRAPPED_LINE or len(ln) < TITLE_SHARE * width and not _RUNS_ON.search(ln)) \
        and ln[numbered.end() if numbered else 0:][:1].isupper() and not (numbered and _QUOTE_LABEL.match(nxt)) \
        and not CELL_ROW.search(lines[k].text) \
        and (not k or sentence_end(prev)) and nxt[:1].isupper() and len(nxt) >= WRAPPED_LINE \
        and not lines[k].text.startswith("\f") and not _SAYS.search(ln) \
        and ":" not in ln and not _LABELLED.search(ln) and not _GREETING.match(ln)


# a title numbered as its recommendation: "6. A single route for ..." over its answer (not a chapter's "2. Data
# and transparency" over the "Recommendation:" it quotes)
_NUMBER_OFF = re.compile(r"^\d{1,2}[.)]\s+")
_QUOTE_LABEL = re.compile(r"\W*(?:recommendations?|responses?|concerns?|conclusions?)\b", re.I)
# not a title: "Dear Mr Pengelly-Ross" over the subject line (nor "Status: Complete", a status with its colon,
# nor "Committee recommendation 6", a label with its number)
_GREETING = re.compile(r"\W*(?:dear|hi|hello|good (?:morning|afternoon))\b", re.I)
_LABELLED = re.compile(r"\b(?:recommendations?|concerns?|matters?|points?|rec)\.?\s+\(?\d", re.I)


# a line that says something ("We have gone further than this"): a sentence its writer left without
# a full stop, not a title, which names a topic
# (a verb in a relative clause says nothing: "Calls that are not answered" is a title)
_SAYS = re.compile(r"^(?:we|i|it|this|that|these|those|they|he|she|you|there|our|my|your|their)\b|"
                   r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )"
                   r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|do|does|did|been)\b", re.I)


def _title_line(raw: str) -> bool:
    """A short line that ends no sentence: a heading, not prose cut by the line width."""
    c = (clean(raw) or "").strip()
    return 0 < len(c.split()) <= HEADING_WORDS and not sentence_end(c) and not c.endswith((",", ";"))


def _unnumbered(text: str, blocks: list[Block], rec_texts: dict[str, str | None], labels: dict[str, int],
                stop: frozenset[str]) -> list[tuple[int, str | None]]:
    """"Recommendation: <quoted text>" blocks with no number, matched to the numbered list
    of the report answered by the words they quote (None: it quotes none of them, yet it
    still ends the answer before it)."""
    out: list[tuple[int, str | None]] = []
    known = {lab: stems(t, stop) for lab, t in rec_texts.items() if t and lab in labels}
    if blocks:  # (where the report is not in the file, what the reply says each one is about)
        known |= {lab: stems(t, stop) for lab, t in _described(text, blocks[0].start, blocks[-1].end).items()
                  if lab in labels and lab not in known}
    if not known:
        return out
    for b in blocks:
        for ln in b.lines:
            over = _UNNUMBERED_OVER.match(clean(ln.text) or "") and (
                _OPENS_QUOTE.match(text, ln.end + 1) or _answered_under(text, ln.end + 1))
            if not (over or _UNNUMBERED.match(clean(ln.text) or "")):
                continue
            quote = []
            for nxt in split_lines(text, ln.start, min(len(text), ln.start + 2000)):
                if quote and (_RESPONSE_LABEL.match(clean(nxt.text) or "") or (over and _LABEL_LINE.match(nxt.text))):
                    break
                quote.append(nxt.text)
            words = stems(" ".join(quote), stop)
            best = _best_match(words, known)
            # a chapter heading on the lines above ("3. National policing response") goes with it
            above = [x for x in b.lines if x.start < ln.start]
            at = b.start if all(_title_line(x.text) for x in above) else ln.start
            out.append((at, best if len(words & known[best]) >= 0.5 * max(1, len(known[best])) else None))
    return out


# "The report made three recommendations to NRW: recommendation 4, on water safety signage at sites we manage;
# recommendation 6, on sharing incident information with partners; ..."
_DESCRIBED = re.compile(r"\brecommendation\s+(?P<label>\d{1,3}(?:\.\d{1,3})?[a-z]?)\s*,\s*(?:on|about|concerning|"
                        r"regarding|which\s+(?:relates|refers)\s+to)\s+(?P<what>[^;.:()]{8,200})", re.I)
UNQUOTED_LINES = 8  # lines of an unquoted recommendation under a bare "Recommendation:" before its response label


def _described(text: str, lo: int, hi: int) -> dict[str, str]:
    """What the reply says each recommendation it names is about, by label."""
    out: dict[str, str] = {}
    for m in _DESCRIBED.finditer(" ".join(text[lo:hi].split("\n"))):
        out.setdefault(m.group("label"), m.group("what"))
    return out


def _answered_under(text: str, at: int) -> bool:
    """A bare "Recommendation:" line over the recommendation's words, unquoted, then the response's own
    label ("Our response:") within a few lines: the pair a reply answers in."""
    lines = split_lines(text, at, min(len(text), at + 2000))[:UNQUOTED_LINES + 1]
    label = next((k for k, ln in enumerate(lines) if k and (
        _RESPONSE_LABEL.match(c := clean(ln.text) or "") or _LABEL_LINE.match(c))), None)
    return label is not None and is_prose(" ".join(ln.text for ln in lines[:label]))


def _quote(b: Block) -> bool:
    """A web page's blockquote, or a paragraph set whole in quotation marks: a letter's
    "The Department should publish ..." over its answer."""
    return all(ln.text.lstrip().startswith(">") for ln in b.lines) or bool(_IN_QUOTES.match(b.text))


# one quotation, the whole paragraph: no closing mark before its end
_IN_QUOTES = re.compile(r'^\s*["“‘](?:[^"”’]|’(?=\w))+["”’]\W*$')


def _best_match(words: set[str], known: dict[str, set[str]]) -> str:
    """The recommendation whose words ``words`` cover the largest share of."""
    return max(known, key=lambda lab: len(words & known[lab]) / max(1, len(known[lab])))


def _restated(text: str, blocks: list[Block], all_units: list[Unit], starts: list[int],
              rec_texts: dict[str, str | None], labels: dict[str, int], opened: set[str],
              stop: frozenset[str]) -> list[tuple[int, str]]:
    """Paragraphs whose first sentence restates a recommendation that no number has opened: a
    GOV.UK page's bold "The Ombudsman recommended that the Department publish ..." over each
    answer, a minister's "You also recommended that every department ..." between answers to
    recommendations named by ordinal; or a web page's blockquote that quotes it whole. The
    sentence must be the restatement and nothing more:
    most of its words are the recommendation's, and most of the recommendation's are in it."""
    known = {lab: stems(t, stop) for lab, t in rec_texts.items() if t and lab in labels and lab not in opened}
    out: list[tuple[int, str]] = []
    for i, b in enumerate(blocks if known else []):
        k = bisect_left(starts, b.start)
        if k >= len(all_units) or all_units[k][0] >= b.end:
            continue
        said = sentence_text(text[all_units[k][0]:all_units[k][1]])
        # a web page's blockquote ("> accepts a report from a consultant ...") quotes it whole, and
        # heads the answer where prose follows it (quotes after the answers head nothing)
        quoted = _quote(b) and i + 1 < len(blocks) and not _quote(blocks[i + 1]) and is_prose(blocks[i + 1].text)
        if not quoted and not _RESTATED_ASK.match(said):
            continue
        words = stems(text[b.start:b.end] if quoted else said, stop)
        best = _best_match(words, known)
        shared = len(words & known[best])
        if shared >= RESTATED_SHARE * max(1, len(known[best])) and shared >= RESTATED_SHARE * len(words):
            out.append((b.start, best))
        elif quoted:  # a quote of one lettered part ("(a) publish quarterly statistics ...") under its stem
            part = max(known, key=lambda lab: len(words & known[lab]))
            if len(words & known[part]) >= RESTATED_SHARE * len(words) >= 1:
                out.append((b.start, part))
    return out


# a paragraph that opens by saying who asked what ("The Ombudsman recommended that", "You asked
# us to", "The Committee recommends that"); it restates a recommendation where it shares most
# of its words
_RESTATED_ASK = re.compile(r"^\W*(?:(?:the|your)\s+(?:[\w’'-]+\s+){0,3}?(?:coroner|committee|ombudsman|review(?:er)?|report|"
                           r"inquiry|panel|commissioner|inspectorate|inspectors?|investigation|regulator|commission|"
                           r"board|authority|audit|guardian|assembly|senedd|parliament|council)(?:['’]s)?\s+|you\s+)(?:also\s+)?"
                           r"(?:recommend(?:ed|s)|ask(?:ed|s)|call(?:ed|s) for|urg(?:ed|es))\s+(?:that|us|the|for)\b", re.I)
RESTATED_SHARE = 0.6


def _restates_only(text: str, answer: tuple[Unit, ...]) -> bool:
    """Whether an answer's few sentences only restate what was raised."""
    return 0 < len(answer) <= 3 and all(_RESTATING.search(text[a:z]) for a, z, _ in answer)


_RESTATING = re.compile(r"\b(?:you (?:have )?(?:raised|noted|said|found|stated|highlighted|commented|expressed)|"
                        # 'You recommended (5.2): "..."', not "As you recommended, every home now has ..."
                        r"you (?:have )?(?:recommended|proposed)(?=(?:\s*\([^()\n]{1,12}\))?\s*:)|"
                        # "You recommended (recommendation 11) that Ofsted establish ...", "the reviewer recommended
                        # (paragraph 6.2) that the PCA publish ...": what it asked
                        r"(?:you|the [\w’'-]+) (?:have |has )?recommend(?:ed|s)\s*\([^()\n]{1,30}\)\s*that\b|"
                        r"your (?:concerns?|report|findings?)|"
                        r"(?:the )?(?:matters? of )?concerns? (?:is|was|were|relates?|in your)|it was heard|the court heard|"
                        # "Thank you ... for the opportunity to respond to the Committee's sixth recommendation": it
                        # says what the letter answers, and the answer follows
                        r"(?:opportunity|chance|invitation) to respond to|"
                        # "I will therefore confine this letter to your fifth concern": which it answers, below
                        r"(?:confine|limit|restrict) (?:this|my|our) (?:letter|response|reply) to|"
                        # "I take your sixth and eighth points together": the writer saying how it answers them
                        r"(?:i|we)(?: will|'ll|’ll)? (?:take|deal with|answer|address|consider|respond to|turn to) "
                        r"(?:your|the|these|those|both)\b[^.]{0,60}?\btogether|"
                        # "The second matter relates to the emergency departments ...": the writer counting them off
                        rf"(?:{_ORDINALS}) (?:matter|concern|point|issue)s? "
                        r"(?:is|was|relates?|concerns))\b", re.I)


def _titles(text: str, candidates: list[Unit], i: int) -> bool:
    """Whether unit ``i`` is a heading of the reply's own: a paragraph of one line with no full stop."""
    a, z, p = candidates[i]
    alone = all(c[2] != p for k, c in enumerate(candidates) if k != i and abs(k - i) <= 1)
    return alone and "\n" not in text[a:z] and not re.search(r"[.!?:;]\W*$", text[a:z])


def topic_units(text: str, candidates: list[Unit], rec_text: str, taken: set[int], stop: frozenset[str],
                others: list[str] | None = None) -> list[Unit]:
    """The sentences that answer a recommendation by its subject: those sharing the most of
    its words, each with the sentence after it unless that one is about another recommendation."""
    want = stems(rec_text, stop)
    if len(want) < 3:
        return []
    rivals = [stems(t, stop) for t in others or []]

    def elsewhere(i: int) -> bool:
        words = stems(text[candidates[i][0]:candidates[i][1]], stop)
        mine = len(words & want)
        return any(len(words & r) >= TOPIC_WORDS and len(words & r) > mine for r in rivals)
    scored = []
    for i, (a, z, p) in enumerate(candidates):
        if a in taken:
            continue
        words = stems(text[a:z], stop)
        shared = len(want & words)
        if shared >= TOPIC_WORDS and shared / len(want) >= TOPIC_SHARE:
            restated = len(words) and shared / len(words) >= QUOTE_SHARE and \
                (_RECOMMENDATION_VOICE.search(text[a:z]) or _RESTATING.search(text[a:z]))
            scored.append((shared, i, bool(restated)))
    keep: list[int] = []
    for _, i, restated in sorted(scored, reverse=True)[:TOPIC_UNITS]:
        # a sentence restating the concern is followed by the answer to it; a heading of the
        # reply's own ("Transfer arrangements") by the paragraph under it, where the heading names
        # this recommendation's subject more than another's
        after = (i + 1, i + 2) if restated else (i + 1,)
        said = text[candidates[i][0]:candidates[i][1]]
        if elsewhere(i) and (_RECOMMENDATION_VOICE.search(said) or _RESTATING.search(said)):
            continue  # another recommendation quoted or restated above its answer, in words this one shares
        if _titles(text, candidates, i):
            if elsewhere(i):
                continue
            after = tuple(j for j in range(i + 1, len(candidates)) if candidates[j][2] == candidates[i][2] + 1)
        follow = [j for j in after if j < len(candidates) and not elsewhere(j)]
        keep += ([] if restated else [i]) + follow
    return [(candidates[i][0], candidates[i][1], 0) for i in sorted(set(keep)) if candidates[i][0] not in taken]
