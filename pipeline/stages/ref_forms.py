"""The other ways a letter names a recommendation: ordinals and number words ("your third
recommendation", "the Panel's 14th", "recommendation one"), "R1" labels where a document
labels its recommendations so, the (i)-(iv) or a)-c) points of a letter, and a reply's
"item (iii)" or "On (b), ...". Each finder reads one line or one paragraph and returns ``Ref`` records.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.layout import SIDE_KEYWORD
from pipeline.stages.refs import (MODAL, RANGE_SPAN, RecRules, Ref, anchored, clean_text, expand, is_heading,
                                  leading_number)
from pipeline.text import Block, clean, line_end, sentence_end


# whose the ordinal's recommendation is: "your", "the Committee's" ("This is the second" / "concern about ..."
# is another sense)
_OWNED = re.compile(r"(?:your|[a-z]+(?:'s|’s))\s", re.I)
_COPULA = re.compile(r"\b(?:is|was|be|been|are|were)\s+(?:the\s+)?$", re.I)


def word_refs(text: str, b: Block, ln, rules: RecRules, nxt=None) -> list[Ref]:
    """"the sixth recommendation", "your first and third recommendations", "recommendation one"."""
    out = []
    # (read on into the paragraph's next line ``nxt``, which PDF text may have wrapped the noun onto: "As to
    # your fourth" / "concern, ..."; only a match that starts on this line is its)
    end = nxt.end if nxt is not None else ln.end
    for pattern, group, table in ((rules.ordinal_ref, "ords", rules.ordinals), (rules.word_ref, "words", rules.number_words)):
        for m in pattern.finditer(text, ln.start, end):
            if m.start() >= ln.end:
                break
            if m.end() > ln.end and (not _OWNED.match(m.group(0))
                                     or _COPULA.search(text, max(ln.start, m.start() - 16), m.start())):
                # across the line only "your fourth" / "concern", "the Panel's second" / "recommendation" (not
                # "this is the Committee's second" / "recommendation on bus shelters in three years")
                continue
            found = m.group(group).lower()
            count = re.fullmatch(r"first\s+(\w+)", found)  # "your first two concerns": 1 and 2
            if count and count.group(1) in rules.number_words:
                nums = list(range(1, rules.number_words[count.group(1)] + 1))
            else:  # "the third", "the 14th"
                nums = [int(w) if w.isdigit() else table[w] for w in re.findall(r"\d+|[a-z]+", found)
                        if w in table or w.isdigit()]
            for n in nums:
                out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end, anchored(text, b, m.start()),
                               is_heading(b), False, ordinal=table is rules.ordinals))
    return out


def _ordinals_before(text: str, lo: int, hi: int, rules: RecRules) -> set[int]:
    """The numbers the reply's ordinals with their noun ("your second concern") name before ``hi``."""
    return {rules.ordinals[w] for m in rules.ordinal_ref.finditer(text, lo, hi)
            for w in re.findall(r"[a-z]+", m.group("ords").lower()) if w in rules.ordinals}


# "Firstly, that the clinician did not review ...": a paragraph restating the counted concern it answers
_ORDINAL_THAT = re.compile(r"(?m)^[\W_]{0,3}(?P<ords>first|second|third|fourth|fifth|sixth)ly,\s+that\s", re.I)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s")


def elided_refs(text: str, b: Block, ln, rules: RecRules, lo: int) -> list[Ref]:
    """"You raised two matters with the Department. The first is that ...": a reply taking the
    concerns sent to it in turn by ordinals whose noun is the count earlier in the reply (``lo``
    is where the reply starts), a count of what the report raised ("you raised", "your report
    raises", "two concerns for us"). Without it, "The first is that ..." may be a reason, a finding
    or one of the writer's own issues ("Our investigation identified three issues"), so it names
    nothing."""
    out = []
    if rules.elided is None or rules.count_lead is None:
        return out
    for m in [*rules.elided.finditer(text, ln.start, ln.end), *_ORDINAL_THAT.finditer(text, ln.start, ln.end)]:
        n = rules.ordinals[m.group("ords").lower()]
        counts = list(rules.count_lead.finditer(text, lo, m.start()))
        count = rules.number_words[(counts[-1].group("count") or counts[-1].group("count2")).lower()] if counts else 0
        if n <= count:
            # (the concern as the reply restates it, "Firstly, that ...": its words, which answer nothing)
            said = _SENTENCE_END.split(text[m.end():b.end], 1)[0] if m.re is _ORDINAL_THAT else None
            out.append(Ref(str(n), n, m.start("ords"), m.end("ords"), b.start, b.end,
                           anchored(text, b, m.start("ords")), is_heading(b), False, clean_text(said) if said else None,
                           ordinal=True, counted=count))
        elif not counts and m.group("led") and n - 1 in _ordinals_before(text, lo, m.start(), rules):
            # "Your first concern ... Turning to your second concern ... As to the third, ...": the next
            # in a run of the reply's own ordinals, counted as they are (where it gave no count to follow)
            out.append(Ref(str(n), n, m.start("ords"), m.end("ords"), b.start, b.end,
                           anchored(text, b, m.start("ords")), is_heading(b), False, ordinal=True))
    return out


# a side heading's number in the margin, the words beside it (" 2                     single definition of ...")
_SIDE_NUMBER = re.compile(r"^[ \t]{0,4}(?P<num>\d{1,3}[a-z]?)(?:[ \t]{3,}(?=\S)|[ \t]*$)")


def side_refs(text: str, b: Block, ln, nxt) -> list[Ref]:
    """A recommendation headed in the margin, its keyword and number on two lines beside its words,
    which run down the column to the block's end: the number keys it, the column states it."""
    kw = SIDE_KEYWORD.match(ln.text) if nxt is not None else None
    num = _SIDE_NUMBER.match(nxt.text) if kw is not None else None
    if num is None:
        return []
    feed = ln.text.startswith("\f")  # (a page's form feed before the keyword: no column of its own)
    col = kw.end() - feed
    if num.end() != col and num.end() < len(nxt.text):
        return []  # (the words of both lines start at one column; or the number is alone, its words on one line)
    words = " ".join(x.text[col + (x is ln and feed):] for x in b.lines if x.start >= ln.start)
    lab = num.group("num")
    return [Ref(lab, leading_number(lab), nxt.start + num.start("num"), nxt.start + num.end("num"), b.start, b.end,
                True, True, True, clean_text(words))]


def paragraph_refs(text: str, b: Block, ln, rules: RecRules, reply: bool = False) -> list[Ref]:
    """"At paragraph 27 the Committee recommends that ...": a minister answering a report that sets its
    recommendations in bold without numbers cites them by the report's paragraph numbers. Opening a
    paragraph, the sentence restates the recommendation, and the answer follows it; "The
    recommendations at paragraphs 27, 33 and 46 call for action" only names them."""
    out = []
    # a list of paragraphs the line wraps ("... at paragraphs 27, 41, 58, 63, 77," / "92 and 104."): read
    # on to the next line's end
    end = ln.end
    if re.search(r"(?:,|\band)\s*$", text[ln.start:ln.end]):
        nl = text.find("\n", ln.end + 1)
        end = len(text) if nl < 0 else nl
    for m in rules.paragraph.finditer(text, ln.start, end) if rules.paragraph is not None else ():
        if m.start() >= ln.end:
            break
        if m.group("nums3"):
            out += _paragraph_heading(text, b, ln, m, rules, reply)
            continue
        group = "nums" if m.group("nums") else "nums2"
        nums = expand(m.group(group), rules)  # "paragraphs 27, 33 and 46", "paragraphs 50 to 52"
        opens = not (clean(text[b.start:m.start()]) or "").strip(" ,")
        said = rules.that_clause.match(text[m.end():b.end]) if opens and group == "nums" and len(nums) == 1 else None
        for n in nums:
            out.append(Ref(n, leading_number(n), m.start(group), m.end(group), b.start, b.end,
                           anchored(text, b, m.start(group)), is_heading(b), said is not None,
                           clean_text(said.group("text")) if said else None))
    return out


_PARAGRAPH_TITLE = re.compile(r"^[\s*#_]*paragraphs?\s+\d", re.I)
# "(report paragraphs 3.4 and 3.9, pages 14 to 17)", "Response to paragraph 4.6:", "(paragraph 5.5)"
# (its numbers whole, a sentence's full stop after them or not; not another document's, "paragraph 3.1 of the
# national guidance", nor "paragraph 2.1 above")
_CITED_PARAGRAPHS = re.compile(r"\bparagraphs?\s+(?P<nums>(?>\d{1,2}\.\d{1,2}"
                               r"(?:\s*(?:,|and|&|to|-|–)\s*\d{1,2}\.\d{1,2})*))"
                               r"(?!\.?\d)(?!\s+(?:above|below|of\s+(?!(?:the|your|this|its)\s+(?:[\w'’-]+\s+){0,3}?"
                               r"(?:report|letter|review|advice)\b)))", re.I)


_BRACKET_OPEN = re.compile(r"\(\s*(?:[\w’'-]+\s+){0,2}$")  # "(report paragraphs 3.4 and 3.9", "(see paragraph 5.5"
_RESPONDS_TO = re.compile(r"^\W*(?:(?:our|the\s+council['’]s|the\s+government['’]s)\s+)?"
                          r"(?:response|reply|answer)\s+to\s+$", re.I)


def cited_paragraphs(text: str, blocks: list[Block], labels: set[str], rules: RecRules) -> list[Ref]:
    """A reply's citations of the report's paragraphs ("report paragraphs 3.4 and 3.9", "Response to paragraph
    4.6") where the report it answers numbers its recommendations by paragraph and these are among them
    (FORMAT: a paragraph number is a recommendation's label there and only there)."""
    out = []
    for b in blocks:
        for m in _CITED_PARAGRAPHS.finditer(text, b.start, b.end):
            nl = text.rfind("\n", b.start, m.start())
            before = text[nl + 1 if nl >= 0 else b.start:m.start()]  # (its line's words before it)
            # (in brackets, or as what an answer responds to; not in the prose of an answer, "on the conditions
            # the Panel set out at paragraphs 3.3 to 3.6", "I note that paragraph 5.5 ... was directed to OPSS")
            named = expand(m.group("nums"), rules)
            if not (_BRACKET_OPEN.search(before) or _RESPONDS_TO.match(before)) \
                    or (len(named) > 1 and text[m.end():line_end(text, m.end())].strip() == ":"):
                continue  # "A short response on paragraphs 4.1 to 4.3:": what the paragraphs below take up
            out += [Ref(n, leading_number(n), m.start("nums"), m.end("nums"), b.start, b.end,
                        anchored(text, b, m.start()), is_heading(b), False, None)
                    for n in dict.fromkeys(named) if n in labels]
    return out


_NEXT_LINE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?(?P<line>[^\n]*\S[^\n]*)")  # the next line, a blank one between or not
# what a committee's words under such a heading do: recommend, commend, urge, ask, or say what "should" be
_ASKS = re.compile(r"\b(?:recommends?|commends?|urges?|asks?|calls? (?:on|for)|encourages?|invites?|should)\b", re.I)


def _paragraph_heading(text: str, b: Block, ln, m: re.Match[str], rules: RecRules,
                       reply: bool = False) -> list[Ref]:
    """"Paragraph 38" alone on its line, over the committee's words that recommend and then the
    answer: a response to a committee that numbers its recommendations by the report's paragraphs,
    as Holyrood's do (not a letter's "Paragraph 4" over what a draft Order does, nor guidance quoted
    under "Paragraph 17": "Caseworkers must consider ..."). In a reply, "Paragraph 23 - a rural share
    of the Fund", the topic after a dash, heads the answer with no quoted words under it: a title,
    not a sentence."""
    title = m.group("title") if "title" in m.re.groupindex else None
    if title is not None:
        # (not a range, "Paragraphs 21 - 23 of the Code also apply", nor one of a list of paragraphs set out
        # line under line for information, "Paragraph 9 - suspension" / "Paragraph 14 - review of decisions")
        k = b.lines.index(ln)
        beside = b.lines[max(0, k - 1):k] + b.lines[k + 1:k + 2]
        if not reply or len(title.split()) > TITLE_WORDS + 4 or sentence_end(title.strip()) \
                or title.lstrip()[:1].isdigit() or any(_PARAGRAPH_TITLE.match(x.text) for x in beside):
            return []
        return [Ref(n, leading_number(n), m.start("nums3"), m.end("nums3"), b.start, b.end, True, True, False)
                for n in expand(m.group("nums3"), rules)]
    quoted = _NEXT_LINE.match(text, ln.end)
    words = clean(quoted.group("line")) or "" if quoted else ""
    if len(words.split()) < 6 or not _ASKS.search(words):
        return []
    nums = expand(m.group("nums3"), rules)  # ("Paragraphs 14 to 16": all three)
    # "Paragraphs 60 and 61" over both recommendations, each closed by its own "(paragraph 61)": each
    # is the line that names it, the first the line under the heading where none does
    lines = [quoted]
    while len(lines) < len(nums) + 2 and (nxt := _NEXT_LINE.match(text, lines[-1].end())) \
            and _ASKS.search(clean(nxt.group("line")) or ""):
        lines.append(nxt)
    out = []
    for k, n in enumerate(nums):
        own = next((q for q in lines if re.search(rf"\(\s*para(?:graph)?\.?\s+{re.escape(n)}\s*\)\W*$", q.group("line"), re.I)),
                   quoted if k == 0 else None)
        out.append(Ref(n, leading_number(n), m.start("nums3"), m.end("nums3"), b.start, b.end, True, True,
                       own is not None, clean_text(own.group("line")) if own else None,
                       (own.start("line"), own.end("line")) if own else None))
    return out


_LIST_LEAD = re.compile(r"[ \t]*(?:[*+•-]|\d{1,2}[.)])[ \t]+[*_]{0,2}")  # a bullet or number, bold or not, before a label


# an answer's words, which a recommendation's have none of (or a recommendation's "should" with them)
# (or points to another's answer: "As R2.")
# (a reply's words: not the imperative a report's own item opens with, "Agree to a period of exclusive
# negotiation ...", nor its "published notes")
_ANSWERING = re.compile(r"^\W*(?:we|i|our)\b|\b(?:will|shall|already|accepts?|accepted|agreed|agrees|noted|rejected|"
                        r"welcomes|acknowledges)\b|\bnotes\s+(?:the|this|that|these|your)\b|\b(?:see|as)\s+R\d", re.I)


TITLE_WORDS = 8  # words of a title line over a list, at most


def _item_above(text: str, b: Block, ln) -> bool:
    """Whether the line above ``ln`` in its block ends what precedes it: a full sentence, or a title
    ("Recommendations for Harrowfield University"), not a sentence wrapped on to ``ln``."""
    above = next((x for x in reversed(b.lines) if x.end < ln.start), None)
    said = (clean(above.text) or "") if above is not None else ""
    return bool(said) and (sentence_end(said) or (len(said.split()) <= TITLE_WORDS and said[:1].isupper()
                                                  and said[-1:].isalnum()) or _PAGE_NUMBERED.search(said) is not None)


# a page's footer, numbered, that pdftotext sets between two items of a list: "... Department for Transport. 1 of 2"
_PAGE_NUMBERED = re.compile(r"[.!?]?\s(?:page\s+)?\d{1,3}\s+of\s+\d{1,3}$", re.I)


def _listed_under_lead(text: str, b: Block, rules: RecRules) -> bool:
    """Whether the list ``b`` is, a label to a line, sits right under a line that says it recommends
    ("The review made the following recommendations:"), not under a reply's own heading."""
    above = [x for x in text[max(0, b.start - LEAD_CHARS):b.start].splitlines() if x.strip()]
    said = clean(above[-1]) if above else ""
    return bool(said) and said.endswith(":") and rules.lead_in.search(said) is not None \
        and rules.lead_in_not.search(said) is None and _REPLY_LEAD.search(said) is None


LEAD_CHARS = 300  # characters above a list in which the line that leads into it lies
# (not a reply's lead over its own list: "Our response to the recommendations is as follows:")
_REPLY_LEAD = re.compile(r"\b(?:respon\w*|repl(?:y|ies|ied)|answer\w*|accept\w*|agree\w*|progress|update\w*|"
                         r"actions?)\b", re.I)


def short_refs(text: str, b: Block, ln, rules: RecRules, letters: frozenset[str] = frozenset("R")) -> list[Ref]:
    """"R1", "R2 and R4": a report's recommendations by letter and number (the ``letters`` the file
    labels them with)."""
    out = []
    for m in rules.short_ref.finditer(text, ln.start, ln.end):
        # (a letter other than R names a recommendation only by a code the file sets out at a line's start: not
        # "grid square P4 of the site plan" in a letter whose recommendations run P1 to P3)
        pre = m.group("pre")
        written = re.findall(r"\d+", m.group("nums"))  # (as written: "R-01" keeps its zero)
        if pre not in letters or (pre != "R" and not all((pre, n) in _line_codes(text) for n in written)):
            continue
        # ("R1 to R4 and R7": each range spelt out, whatever follows it)
        nums, joins = [], re.split(r"[A-Z]?-?\d+", m.group("nums"))[1:]
        for n, join in zip(map(int, written), [""] + joins):
            if nums and re.search(r"\bto\b|[-–]", join) and nums[-1] < n <= nums[-1] + 50:
                nums += range(nums[-1] + 1, n)
            nums.append(n)
        # (at its block's start, or at its own line's in a list: "  * **R7** The Regulator should ...")
        at_start = not (clean(text[b.start:m.start()]) or "")
        # (only where the item asks, as a report sets one out: "**R1** We now require landlords ..." in a reply's
        # list is its answer)
        # (or at its line's start under the item before, with no bullet: "R2 Service user and carer involvement.
        # ... The University should ...", as a PDF viewer copies a report's list, a line an item)
        # (or an imperative, under a line that says what the list is: "The review made the following
        # recommendations:" over "* **R8** Establish a customer panel ..."; or any, under a code the file's
        # lines open with, "DR1 (Critical) – Bus stops. Replace ...", which only a list of them does)
        item = not at_start and (_LIST_LEAD.fullmatch(text[ln.start:m.start()]) is not None
                                 or (not text[ln.start:m.start()].strip() and _item_above(text, b, ln))) \
            and (MODAL.search(text, m.end(), ln.end) is not None or _listed_under_lead(text, b, rules) or pre != "R")
        rest = clean_text(text[m.end():b.end]) if at_start else clean_text(text[m.end():ln.end]) if item else None
        # (not a reply's answer under the label: "R1: We accept this. All nine libraries will remain open.")
        stated = bool(rest and len(rest.split()) >= 4 and len(nums) == 1) \
            and not (_ANSWERING.search(rest) and not MODAL.search(rest))
        # (a part of one, "R6(a)", keyed as written)
        part = f"({m.group('part')})" if m.group("part") and len(nums) == 1 else ""
        # (its hyphen and zeros as written too, "R-01 to R-04": a report that codes them so keys its answers so)
        width = max(map(len, written)) if any(len(w) > 1 and w.startswith("0") for w in written) else 0
        for n in nums:  # keyed as written, "R1" (its number leads no label: see stance.recommendation_number)
            out.append(Ref(f"{pre}{m.group('sep')}{str(n).zfill(width)}{part}", n, m.start(), m.end(), b.start, b.end,
                           anchored(text, b, m.start()), is_heading(b), stated,
                           rest if stated and len(nums) == 1 else None))
    return out



# "Recommendation AFI-1: Revise the client care letter template ...": a recommendation under the code its
# report gives it, capitals and a number, keyed as written ("AFI-1", "AP2"; "R1" is read as above)
_CODED = re.compile(r"\brecommendation\s+(?P<code>(?-i:[A-Z]{2,4})-?\d{1,2})\b(?![./-]\d)", re.I)


_ONE_CODE = r"(?-i:[A-Z]{2,4})-?\d{1,2}"
_CODED_LIST = re.compile(rf"\brecommendations\s+(?P<codes>{_ONE_CODE}(?:\s*(?:,|and|&|to|-|–)\s*{_ONE_CODE})+)\b"
                         r"(?![./-]\d)", re.I)


@lru_cache(maxsize=64)
def _sets_out(text: str, code: str) -> bool:
    """Whether the file sets the code out at a line's start, as it labels a recommendation ("LA2 ...",
    "Recommendation LA2")."""
    return re.search(r"(?im)^\W*(?:recommendation\s+)?" + re.escape(code) + r"\b", text) is not None


def _code_run(said: str) -> list[str]:
    """The codes a list names, a range in full where both ends share their letters: "LA1 to LA3" is LA1,
    LA2 and LA3; "HC2 and HC4" is those two."""
    found = list(re.finditer(_ONE_CODE, said))
    parts = [(pre, int(n)) for m in found for pre, n in [re.match(r"(\D+?)-?(\d+)$", m.group()).groups()]]
    out: list[str] = []
    for k, m in enumerate(found):
        pre, n = parts[k]
        if k and re.fullmatch(r"\s*(?:to|-|–)\s*", said[found[k - 1].end():m.start()]):
            before, start = parts[k - 1]
            if before == pre and start < n <= start + RANGE_SPAN:  # ("HC1 to HC24"; not a hundred codes)
                sep = "-" if "-" in m.group() else ""
                out += [f"{pre}{sep}{x}" for x in range(start + 1, n)]
        out.append(m.group())
    return out


# a code of capitals, a hyphen and a number opening a line, its words beside it: a health check's table rows,
# "HC-01    The navigational risk ...", and the reply's headings over its answers, "**HC-01 - Navigational ..."
_HYPHEN_CODE_LINE = re.compile(r"^[ \t]*\W{0,4}(?P<pre>[A-Z]{2,4})-(?P<n>\d{1,3})\b(?![./-]\d)\W{0,3}[ \t]+[A-Za-z]{2}",
                               re.M)
# the same with the number of the heading, principle or chapter it is made under before a slash: "GP3/2 The
# Council should ...", the second recommendation made under guiding principle 3
_SLASH_CODE_LINE = re.compile(r"^[ \t]*\W{0,4}(?P<pre>[A-Z]{1,3})\d{1,2}/(?P<n>\d{1,2})\b(?![./-]\d)\W{0,3}[ \t]+"
                              r"[A-Za-z]{2}", re.M)
SLASH_CODES = 2  # lines, at least, that open with such codes of the same capitals


@lru_cache(maxsize=4)
def hyphen_codes(text: str) -> frozenset[str]:
    """The stems of the codes a file sets its recommendations out under, as patterns: "HC-" where
    its HC-01 and HC-02 each open a line with words beside them, and "GP\\d{1,2}/" where two lines
    open with GP1/1, GP3/2 ...; in both, "recommendation" is said just above the first (the
    table's header, the line that leads into it). Not a list of plans submitted, "AP-1  Site
    location plan". Read once per file."""
    first: dict[str, int] = {}
    seen = set()
    for m in _HYPHEN_CODE_LINE.finditer(text):
        seen.add((m.group("pre"), int(m.group("n"))))
        if int(m.group("n")) == 1:
            first.setdefault(m.group("pre"), m.start())
    stems = {re.escape(p) + "-": at for p, at in first.items() if (p, 2) in seen}
    # (slashed codes whose lines recommend, or head a reply's answers in bold, "**GP3/1 -- Publication**": not a
    # list of papers by file reference, "KR2/1 Chronology prepared by ...")
    asking = [m for m in _SLASH_CODE_LINE.finditer(text) if MODAL.search(text, m.end(), line_end(text, m.end()))
              or text[m.start():m.start("pre")].strip().startswith(("**", "#", "__"))]
    slashed = Counter(m.group("pre") for m in asking)
    for m in asking:
        if slashed[m.group("pre")] >= SLASH_CODES:
            stems.setdefault(re.escape(m.group("pre")) + r"\d{1,2}/", m.start())
    return frozenset(p for p, at in stems.items()
                     if re.search(r"\brecommendations?\b", text[max(0, at - CODE_LEAD_CHARS):at], re.I))


CODE_LEAD_CHARS = 800  # characters above a code list's first row in which it is said to list recommendations


@lru_cache(maxsize=8)
def bare_codes(stems: frozenset[str]) -> re.Pattern[str]:
    """The file's codes wherever they stand ("HC-01", "GP3/2"): built once per file's stems, not per line."""
    return re.compile(r"\b(?P<code>(?:" + "|".join(sorted(stems)) + r")\d{1,3})\b(?![./-]\d)")


def coded_refs(text: str, b: Block, ln, stems: frozenset[str] = frozenset()) -> list[Ref]:
    """References by such a code: stated where the line opens with it and its words follow, as the
    report sets it out and a reply quotes it over its answer; or by a code of one of the ``stems``
    the file sets out, with no "recommendation" before it."""
    out = []
    codes = [m for m in _CODED.finditer(text, ln.start, ln.end)]
    if stems:
        named = {m.start("code") for m in codes}
        codes += [m for m in bare_codes(stems).finditer(text, ln.start, ln.end) if m.start("code") not in named]
    # (several at once: "Recommendations LA1 to LA3", "Recommendations HC2 and HC4", each a mention)
    for m in _CODED_LIST.finditer(text, ln.start, ln.end):
        for code in dict.fromkeys(_code_run(m.group("codes"))):
            if not _sets_out(text, code):
                continue  # a code the file never sets out: "NICE recommendations NG27 and NG74"
            out.append(Ref(code, leading_number(code), m.start("codes"), m.end("codes"), b.start, b.end,
                           anchored(text, b, m.start()), is_heading(b), False, None))
    for m in sorted(codes, key=lambda m: m.start("code")):
        code = m.group("code")
        at_line = not (clean(text[ln.start:m.start()]) or "").strip("> ")
        rest = clean_text(text[m.end():b.end].lstrip(" :.–—-")) if at_line else None
        stated = bool(rest and len(rest.split()) >= 4) and not (_ANSWERING.search(rest) and not MODAL.search(rest))
        out.append(Ref(code, leading_number(code), m.start("code"), m.end("code"), b.start, b.end,
                       anchored(text, b, m.start()), is_heading(b), stated, rest if stated else None))
    return out


_ROMAN = {r: n for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"], 1)}
_LETTER = {c: n for n, c in enumerate("abcdefgh", 1)}
_ROMAN_ITEM = re.compile(r"(?<![\w(])\((?P<r>i{1,3}|iv|vi{0,3}|ix|x|xi{1,2})\)(?=\s+\S)")
# a list line opening "a)", "(b)", "c.", "ii." or "(iii)"; in a letter also indented, as pdftotext -layout
# sets its list inside a numbered paragraph (a reply's own indented list is its actions, not the letter's)
_LIST_MARK = re.compile(r"^\W{0,3}?(?:\((?P<p>[a-h]|[ivx]{1,4})\)|(?P<d>[a-h]|[ivx]{1,4})[.)])\s+(?=\S)", re.I)
_INDENTED_MARK = re.compile(r"^[ \t]*" + _LIST_MARK.pattern[1:], re.I)
_REQUEST = re.compile(r"\b(?:be (?:informed|told|provided|given|made aware)|please|grateful|i (?:ask|request|would ask)|"
                      r"i need to know|key points|as follows|"
                      # "We would therefore ask the Bank to consider the following:"
                      r"(?:i|we) (?:would )?(?:therefore |also )?(?:ask|invite|urge) (?:you|the \w+) to consider)\b",
                      re.I)
_MARK = r"\((?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\)"
_ITEM_REF = re.compile(r"\b(?:items?|points?|requests?|questions?|concerns?|recommendations?|actions?)\s+(?P<list>"
                       + _MARK + r"(?:\s*(?:,|and|&|or|to)\s*" + _MARK + r")*)", re.I)
# "Recommendation IV - Education plan", "Recommendations II and III": a numeral without brackets, one
# case throughout, ending its phrase (not the pronoun: "the recommendation I made", "the recommendation I was
# given")
_NUMERAL = r"(?:(?-i:XI{1,2}|I?X|VI{0,3}|I?V|I{1,3})|(?-i:xi{1,2}|i?x|vi{0,3}|i?v|i{1,3}))"
_NUMERAL_REF = re.compile(r"\b(?:items?|points?|recommendations?)\s+(?P<list>" + _NUMERAL
                          + r"(?:\s*(?:,|and|&|to|-|–)\s*" + _NUMERAL + r")*)"
                          r"(?=\s*(?:[-–—:.,;)]|$)|(?<!\bI)\s+(?:and|is|are|was|were)\b)", re.I | re.M)
# "On (a), an audit ...": a reply taking up a letter's lettered points in turn
_ON_ITEM = re.compile(r"\W{0,3}(?:on|regarding|as (?:to|for|regards)|in (?:relation|respect) (?:to|of)|turning to|"
                      r"with regard to)\s+(?P<list>" + _MARK + r"(?:\s*(?:,|and|&)\s*" + _MARK + r")*)\s*[,:]", re.I)


def _ordinal(mark: str, scheme: str | None) -> tuple[str, int] | None:
    """(scheme, position) of a list marker: "c" is the third letter, "iii" the third numeral;
    "i" opens a list of numerals, but is the ninth letter inside a list of letters."""
    mark = mark.lower()
    if scheme == "letter" and (mark in _LETTER or mark == "i"):
        return "letter", _LETTER.get(mark, 9)
    if mark in _ROMAN:
        return "roman", _ROMAN[mark]
    return ("letter", _LETTER[mark]) if mark in _LETTER else None


_RUNS_ON_LINE = re.compile(r"[a-z]|\d+\s+[a-z]")  # a line that carries a sentence on: "converted vans ...", "2021 and"
_NUMBERED_ITEM = re.compile(r"^\W{0,3}(?P<num>\d{1,2})[.)]\s+\S")
PARENT_LINES = 3  # lines a numbered item's words run to over its lettered points


# an item that asks nothing until its points say what: "... the council should:" (not "..., whose duties
# should include:", whose points only say what the adviser it asks for would do)
_ASKS_IN_POINTS = re.compile(r"\b(?:should|must|shall|ought\s+to|needs?\s+to|(?:is|are)\s+asked\s+to)\s*:\s*$", re.I)


_OWN_VOICE = re.compile(r"\b(?:I|we)\s+(?:would\s+|therefore\s+|also\s+)?recommend\b", re.I)


def _parent_item(lines: list, first: int) -> str | None:
    """The number of the item whose words lead straight into a lettered list and ask only through it
    (its line, or the line it wraps from, ends "should:" over the first point): "4. As the employer of
    most candidates, the council should:"."""
    if first == 0 or not _ASKS_IN_POINTS.search(lines[first - 1][1].text):
        return None
    for k in range(first - 1, max(-1, first - 1 - PARENT_LINES), -1):
        if m := _NUMBERED_ITEM.match(lines[k][1].text):
            # (not a letter's numbered paragraph that recommends in its own voice: "5. To remedy the injustice
            # I recommend that, within one month, the Council should:" numbers the paragraph, not a
            # recommendation; its points are the recommendations, as before)
            said = " ".join(ln.text for _, ln in lines[k:first])
            return None if _OWN_VOICE.search(said) else m.group("num")
        if k < first - 1 and sentence_end(lines[k][1].text):
            return None  # (a finding above, "3. Falls risk assessments were incomplete.", is no parent)
        if k == first - 1 and k > 0 and sentence_end(lines[k - 1][1].text):
            return None  # (nor the lead's own line under one: "We therefore recommend that the Trust should:")
    return None


def _listed(text: str, blocks: list[Block], rules: RecRules, indented: bool = False) -> list[Ref]:
    """A letter's points listed a), b), c) or i., ii., iii., one to a line or to a paragraph, right
    after a line that recommends, raises concerns or asks ("We recommend that:", "The MATTERS OF
    CONCERN are as follows:"). A line without a marker runs on the item above it; a paragraph
    without one ends the list."""
    lines = [(bi, ln) for bi, b in enumerate(blocks) for ln in b.lines]
    out: list[Ref] = []
    run: list[tuple[int, int, int]] = []  # (index into lines, position in the list, end of its marker)
    scheme: str | None = None

    def close(upto: int) -> None:
        if len(run) < 2:
            return
        before = " ".join(ln.text for _, ln in lines[max(0, run[0][0] - 2):run[0][0]])
        if not (rules.lead_in.search(before) or _REQUEST.search(before)):
            return
        # (the lettered points of a numbered recommendation, "4. As the employer of most candidates, the
        # council should:" / "(a) protect one study day ..." / "(b) ...": its parts 4a and 4b)
        parent = _parent_item(lines, run[0][0]) if scheme == "letter" else None
        for n, (i, pos, mark_end) in enumerate(run):
            bi, ln = lines[i]
            stop = run[n + 1][0] if n + 1 < len(run) else upto
            body = text[mark_end:lines[stop - 1][1].end]
            item = clean_text(re.sub(r"[;,]?\s+(?:and|or)\s*$", "", " ".join(body.split())))
            label, number = (f"{parent}{'abcdefgh'[pos - 1]}", int(parent)) if parent else (str(pos), pos)
            out.append(Ref(label, number, ln.start, mark_end, blocks[bi].start, blocks[bi].end, True, False, True, item))

    for i, (bi, ln) in enumerate(lines):
        m = (_INDENTED_MARK if indented else _LIST_MARK).match(ln.text)
        mark = (m.group("p") or m.group("d")) if m else None
        nxt = _ordinal(mark, scheme) if mark and run else None
        # (a reply's answers may pass over a point they do not answer: "(f) Fire risk assessments", then "(h)
        # Reserves policy", the seventh left unanswered)
        if nxt and (nxt == (scheme, run[-1][1] + 1) or not indented and nxt == (scheme, run[-1][1] + 2)):
            run.append((i, nxt[1], ln.start + m.end()))
            continue
        # (not a sentence run on over a page break, its running header and page number masked: "... a great
        # many" / (blank lines) / "converted vans are in use ...", "... a system upgrade in" / "2021 and had ...")
        # (a page's form feed and -layout's indent before it: "<form feed>           10 working days of ...")
        runs_on = i > 0 and _RUNS_ON_LINE.match(ln.text.lstrip(" \t\f")) is not None \
            and not sentence_end(lines[i - 1][1].text)
        if run and (mark or (ln.start == blocks[bi].start and not runs_on)):  # a new list, or a marker-less paragraph
            close(i)
            run = []
        first = _ordinal(mark, None) if mark else None
        if first and first[1] == 1:
            scheme = first[0]
            run = [(i, 1, ln.start + m.end())]
    close(len(lines))
    return out


# a reply's table row keyed by the report's letter, the answer a column beside it: "  (f)       Care home
# pharmacy cover ..." (pdftotext -layout), "(c)<tab>The ICB has noted ..."
_LETTERED_ROW = re.compile(r"^[ \t]*\((?P<m>[a-h])\)(?:\t|[ ]{2,})\s*\S"
                           # (or its heading, a title alone over a blank line: "(b) Carbon monoxide alarms   Position:
                           # Supported", "(c) Body type change criteria — Accepted"; not a wrapped sentence's line)
                           r"|^[ \t]*\((?P<h>[a-h])\)[ ]+[A-Z][^\n.!?]{2,100}\r?\n[ \t]*\r?$", re.M)
# "Three of your concerns were addressed to the ICB: (c), (f) and (g).": the ones it answers, below
_LETTERED_LIST = re.compile(r":\s*(?P<list>\([a-h]\)(?:\s*(?:,|and|&)\s*\([a-h]\))+)")


def _lettered_rows(text: str, blocks: list[Block]) -> list[Ref]:
    """A reply's rows keyed by the report's lettered points, two or more in the letters' order, each
    the point its letter counts to (the third for "(c)"), and the list that names them before."""
    if not blocks:
        return []
    lo, hi = blocks[0].start, blocks[-1].end
    rows = list(_LETTERED_ROW.finditer(text, lo, hi))
    marks = [_LETTER[m.group("m") or m.group("h")] for m in rows]
    if len(rows) < 2 or marks != sorted(set(marks)):
        return []
    out = []
    for m, n in zip(rows, marks):
        g = "m" if m.group("m") else "h"
        b = next(b for b in blocks if b.start <= m.start(g) < b.end)
        out.append(Ref(str(n), n, m.start(g) - 1, m.end(g) + 1, b.start, b.end, True, True, False))
    for m in _LETTERED_LIST.finditer(text, lo, hi):
        b = next(b for b in blocks if b.start <= m.start() < b.end)
        for x in re.findall(r"\(([a-h])\)", m.group("list")):
            out.append(Ref(str(_LETTER[x]), _LETTER[x], m.start("list"), m.end("list"), b.start, b.end,
                           False, False, False))
    return out


def listed_refs(text: str, blocks: list[Block], rules: RecRules, indented: bool = False) -> list[Ref]:
    """Requests, points or concerns a letter lists (i), (ii), (iii) ... or a), b), c): as list
    paragraphs or lines, or inline in a paragraph that asks for something; and a reply's
    "item (i)", "items (iii) and (iv)", "Concerns (a) and (b):", "On (b), ...".

    They count as recommendations 1..n: the letter's listed asks, which the
    reply answers one by one (the development set keys Dr Reid's (i)-(iv) 1-4).
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
        on = _ON_ITEM.match(text, b.start)
        for m in ([on] if on else []) + list(_ITEM_REF.finditer(text, b.start, b.end)):
            marks = re.findall(r"\(([a-z]+)\)", m.group("list").lower())
            scheme = "letter" if any(x in _LETTER for x in marks) else None
            for x in marks:
                _, n = _ordinal(x, scheme)
                out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end,
                               m is on or anchored(text, b, m.start()), False, False, None))
        for m in _NUMERAL_REF.finditer(text, b.start, b.end):
            # (keyed 1..n as the listed items they name are; "II to IV" names III too)
            nums = [_ROMAN[x.lower()] for x in re.findall(r"[ivx]+", m.group("list"), re.I)]
            if re.search(r"\s(?:to|-|–)\s", m.group("list")) and len(nums) == 2 and nums[0] < nums[1]:
                nums = list(range(nums[0], nums[1] + 1))
            for n in nums:
                out.append(Ref(str(n), n, m.start(), m.end(), b.start, b.end, anchored(text, b, m.start()), False,
                               False, None))
    if len(run) >= 3:
        out += [Ref(str(_ROMAN[m.group("r")]), _ROMAN[m.group("r")], m.start(), m.end(), rb.start, rb.end, True, False,
                    True, clean_text(text[m.end():rb.end])) for m, rb in run]
    if not indented:
        out += _lettered_rows(text, blocks)
    listed = {r.label for r in out if r.stated}
    out += [r for r in _listed(text, blocks, rules, indented) if r.label not in listed]
    return sorted(out, key=lambda r: r.start)


_CODE_LINE = re.compile(r"^[ \t]*\W{0,4}(?P<pre>[A-Z]{1,2})-?(?P<n>\d{1,2})\b(?![./-]\d)"
                        r"(?P<words>\W{0,3}[ \t]+[A-Za-z]{2}|"
                        r"[ \t]+\((?-i:[A-Z])[a-z]+\)[ \t]+\W{0,2}[ \t]*[A-Za-z]{2})?", re.M)


_CAPITAL_WORD = re.compile(r"\W{0,3}[ \t]+[A-Z]")
THEME_WORDS = 5  # words, at least, after a two-letter theme's one code on its line ("CO1: Set up a permanent ...")


_LINE_CODE = re.compile(r"^[ \t]*\W{0,4}([A-Z]{1,2})(\d+)\b", re.M)  # a code opening its line, as written: "P4", "DR12"


@lru_cache(maxsize=4)
def _line_codes(text: str) -> frozenset[tuple[str, str]]:
    """The codes the file sets out at its lines' starts, read once per file, not once per code named."""
    return frozenset(m.groups() for m in _LINE_CODE.finditer(text))


@lru_cache(maxsize=4)
def labels_r(text: str) -> frozenset[str]:
    """The letters the document labels its recommendations with, "R1", "R2" ... (or "A1" for the
    applicant's and "P1" for the planning authority's): read once per file, not once per segment (a
    file of thousands of letters would be read thousands of times). A coroner's concerns count 1..n,
    however a reply labels them, unless she labels them so herself ("For ease of reference I have
    labelled them R1 to R7"); pdftotext -layout sets the labels in from the margin. "R" on one line is
    enough; another letter must open lines with its 1 and its 2 (not a road, "A1 southbound", alone),
    words beside them."""
    if re.search(r"\brecommendations?\b|\bmatters?\s+of\s+concern\b|"
                 r"\b(?:labelled|numbered)\s+(?:them\s+)?(?:as\s+)?R1\b", text, re.I) is None:
        return frozenset()
    # (its words beside it: not an action plan's "A1<tab>1a<tab>Head of Service", whose codes are the actions')
    lines = list(_CODE_LINE.finditer(text))
    seen = {(m.group("pre"), int(m.group("n")), bool(m.group("words"))) for m in lines}
    coded = {p for p, n, words in seen if n == 1 and words and (p, 2, True) in seen}
    # (themes coded A1, A2, B1 ... D1: the last theme may hold one recommendation, its letter next to one read;
    # themes coded by two letters, TR1, TR2, HM1 ... CO1, any of them, where two others hold two or more and
    # its line says as much as a recommendation does, not a site's name, "BM1 Bodmin Community Hospital")
    # (so, too, a theme coded by one letter for its subject, G1, G2, W1, W2 ... S1, V1, the same way)
    paired = {k: sum(len(p) == k for p in coded) for k in (1, 2)}
    said: dict[str, int] = {}  # the most words a code's 1 has beside it on a line of its own
    for m in lines:
        # (a theme of one letter, an item's first word in capitals: not prose wrapped on to a line, "D1 entitlement
        # was added to them ...")
        pre = m.group("pre")
        if m.group("n") == "1" and m.group("words") and (len(pre) == 2 or _CAPITAL_WORD.match(text, m.end("n"))):
            said[pre] = max(said.get(pre, 0), len(text[m.end():line_end(text, m.end())].split()))
    for p in sorted({p for p, n, words in seen if n == 1 and words} - coded):
        if len(p) == 1 and len(coded) >= 2 and chr(ord(p) - 1) in coded:
            coded.add(p)
        elif paired[len(p)] >= 2 and said.get(p, 0) >= THEME_WORDS:
            coded.add(p)
    return frozenset(p for p, n, _ in seen if p == "R") | frozenset(coded)



# a coroner's concern lettered, not numbered, and sent to the body in brackets after its letter: "Concern A
# (Harbourside Learning Partnership) – The school's own pool procedure requires ...", and the reply's heading
# over its answer, "## Concern A – Poolside observation"; counted 1..n by letter, as FORMAT's convention counts
# concerns
_CONCERN_LETTER = r"^[\W_]{0,6}(?:matters?\s+of\s+)?concern\s+(?P<l>(?-i:[A-H]))(?![\w(’'])"
_LETTERED_CONCERN = re.compile(_CONCERN_LETTER + r"\s*(?:\((?P<who>[^()\n]{2,80})\))?"
                               r"\s*(?:[-–—:.]\s*(?P<text>\S.*?))?\s*$", re.I)
_LETTERED_CONCERNS = re.compile(_CONCERN_LETTER, re.I | re.M)  # (any such line's opening, to test a file for them)


@lru_cache(maxsize=4)
def concern_letters(text: str) -> bool:
    """Whether the file letters its concerns so: its "Concern A" and "Concern B" each open a line.
    Read once per file."""
    seen = {m.group("l") for m in _LETTERED_CONCERNS.finditer(text)}
    return {"A", "B"} <= seen


def lettered_concern_refs(text: str, b: Block, ln, reply: bool) -> list[Ref]:
    """The concern a line opens with its letter: in the report, stated with its words (to the next
    concern's line, where PDF text runs them on in one block) and the body it is sent to; in a reply,
    the heading over its answer."""
    m = _LETTERED_CONCERN.match(ln.text)
    if m is None:
        return []
    n = ord(m.group("l")) - ord("A") + 1
    at = ln.start + m.start("l")
    words = [m.group("text") or ""]
    for x in b.lines[b.lines.index(ln) + 1:] if not reply else ():
        if _LETTERED_CONCERN.match(x.text) or not x.text.strip():
            break
        words.append(x.text.strip())
    said = clean_text(" ".join(" ".join(words).split()))
    stated = not reply and len(said.split()) >= 4
    return [Ref(str(n), n, at, at + 1, b.start, b.end, True, is_heading(b) or not stated, stated,
                said if stated else None, addressee=clean(m.group("who")) if m.group("who") else None)]
