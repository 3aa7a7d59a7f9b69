"""What a reference to a recommendation is, and the rules that find one.

The rules are data (``models/patterns/recommendations.json``). The stage that finds
references (``recommendations``), the other forms they take (``ref_forms``) and the
stage that reads the answers to them (``answers``) share these definitions, so a label
is read, expanded and anchored the same way everywhere.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.layout import CELLS_APART
from pipeline.text import Block, Line, clean, sentence_end, strip_quotes


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
    # "Concerns 1 to 3 are for the Trust and concerns 4 and 5 for the Council": a report's sentence
    # sending its concerns to each addressee, where it has no "TO THE TRUST:" headings
    assignment: re.Pattern[str] | None = None
    # "2. The Chief Executive, DVLA (concerns (3) to (5))": the form's list of the bodies it is sent to
    recipients: re.Pattern[str] | None = None
    # "The Council is asked to respond to concerns 1 to 3, and the Department to concerns 4 and 5"
    respondents: re.Pattern[str] | None = None
    # "I ask the Council to respond to concerns 1 to 3, and the Trustees to respond to concerns 4 and 5"
    askers: re.Pattern[str] | None = None
    # ", the Trust to respond to concerns 2 and 3, and Ofcom to concern 4": each body after the
    # first two of such a sentence, read on from where the last one ended
    next_body: re.Pattern[str] | None = None
    # "I believe that Hartsdale Inflatables Limited has the power to act on concerns 1 and 2, Hartsdale
    # Town Council on concerns 3 and 4, ...": the form's "you have the power to take such action", per body
    powers: re.Pattern[str] | None = None
    # "I direct the concerns at paragraphs 5.1 and 5.2 to Vantis, those at paragraphs 5.3 and 5.4 to PFGN":
    # a report's concerns numbered by paragraph, sent clause by clause
    directed: re.Pattern[str] | None = None
    # "My first four concerns are for Carrowmed Direct Limited and the last two for the Council"
    counted: re.Pattern[str] | None = None
    # "The first and second matters are for Zipbite Ltd. The third is for ...", "I also ask Zipbite to
    # respond to the fifth": unnumbered concerns sent by their places
    placed: re.Pattern[str] | None = None
    # "; the third and fourth for Willowmere Care Ltd; and the fifth and sixth for the Ambulance Service":
    # the clauses after one of those, read on in its sentence
    placed_more: re.Pattern[str] | None = None
    placed_askers: re.Pattern[str] | None = None
    # "The practice should respond to the first, second and fourth concerns; the Network to the second
    # and third; and the ICB to the second, fourth and fifth.": read clause by clause
    placed_clauses: re.Pattern[str] | None = None
    # "I send this report to Kestrel Harriers Athletic Club in respect of the first and second of the matters set
    # out above, to Corrbridge City Council in respect of the third and fourth, ...": each clause a body's
    in_respect: re.Pattern[str] | None = None
    # "You raised two matters with the Department. The first is that ...": an ordinal whose noun is
    # the count before it, and that count
    elided: re.Pattern[str] | None = None
    count_lead: re.Pattern[str] | None = None
    # "At paragraph 27 the Committee recommends that ...", "the recommendations at paragraphs 27, 33 and 46":
    # a report whose recommendations are known only by the paragraphs that make them
    paragraph: re.Pattern[str] | None = None
    # "Recommendation 4 - Caledon Fibre Networks Ltd": a body's word that makes a title after a dash the
    # body the recommendation is sent to, not its topic
    body_title: re.Pattern[str] | None = None
    # the same rules reading "Action 3" as a recommendation, for a letter that asks for numbered actions
    actions: RecRules | None = None


@lru_cache(maxsize=4)
def load_rules(models_dir: Path) -> RecRules:
    raw = json.loads((models_dir / "patterns" / "recommendations.json").read_text(encoding="utf-8"))
    with_actions = {**raw, "keyword": f"(?:{raw['keyword']}|{raw['action_keyword']})",
                    "lead_in": f"{raw['lead_in']}|{raw['action_lead_in']}",
                    "stated_heading": raw["stated_heading"].replace("(?:recommendations?|", f"(?:{raw['action_keyword']}|"),
                    # "Turning to the second action", "the third and fourth actions" (not "the third step in
                    # our plan")
                    "ordinal_ref": raw["ordinal_ref"].replace("|recommendations?|", "|recommendations?|actions?|", 1)}
    assert with_actions["ordinal_ref"] != raw["ordinal_ref"], "ordinal_ref names no recommendations"
    return dataclasses.replace(_rules(raw), actions=_rules(with_actions))


# a date's day after a joiner, no further label: "recommendations 2 to 6 to 24 January 2025", "1 to 4 to 30 June"
# (the first number may stand before one: "Recommendation 7   June 2025   In progress", a tracker's row)
_NOT_A_DAY = (r"(?!\s+(?:january|february|march|april|june|july|august|september|october|november|december)\b"
              r"|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})")


def _rules(raw: dict) -> RecRules:
    num, join = raw["number"], raw["joiner"]
    ords = "(?:" + "|".join(raw["ordinals"])
    # "Rec no.: 1", as an action plan's form labels its rows
    # (a part's sibling by its letter alone: "Recommendation 3(a) and (b)")
    # (or several in brackets: "the two recommendations (4.1 and 4.2) that are addressed to us"; not "Concern (1)",
    # whose brackets are its label's)
    bracketed = r"\((?=\d[\d.]*(?:\s*(?:,|and\b|&|to\b|-|–)|\s*$))"
    inline = raw["keyword"] + r"\s+(?:no\.?\s*:?\s*|number\s*:?\s*|#\s*|" + bracketed + r")?(?P<nums>" + num \
        + r"(?:" + join + num + _NOT_A_DAY + r")*" + _SIBLINGS + r")(?![\w/])"
    c = lambda p, f=re.I: re.compile(p, f)
    return RecRules(
        inline=c(inline), number=c(num), lead_in=c(raw["lead_in"]), lead_in_not=c(raw["lead_in_not"]),
        numbered_lead=c(raw["numbered_lead"]), short_ref=re.compile(raw["short_ref"]),
        list_item=c(raw["list_item"]),
        stated_heading=c(raw["stated_heading"].replace("NUM", num).replace("JOIN ", join)),
        parenthetical=c(raw["parenthetical"]), that_clause=c(raw["that_clause"]),
        report_subject=c(raw["report_subject"]), report_named=re.compile(raw["report_named"]),
        ordinal_ref=c(raw["ordinal_ref"].replace("ORD", ords + r"|\d{1,2}(?:st|nd|rd|th))")),
        word_ref=c(raw["word_ref"].replace("WORD", "(?:" + "|".join(raw["number_words"]) + ")")),
        ordinals={w: n for n, w in enumerate(raw["ordinals"], 1)},
        number_words={w: n for n, w in enumerate(raw["number_words"], 1)},
        assignment=c(raw["concern_assignment"]), recipients=c(raw["concern_recipients"]),
        respondents=c(raw["concern_respondents"]), askers=c(raw["concern_askers"]), counted=c(raw["concern_counted"]),
        next_body=c(raw["concern_next"]), powers=c(raw["concern_powers"]),
        directed=c(raw["concern_directed"].replace("PARA", r"\d{1,3}(?:\.\d{1,3})?")),
        elided=c("(?m)" + raw["elided_ordinal"].replace("ORD", ords + ")")),
        count_lead=c(raw["count_lead"]), body_title=c(raw["body_title"]),
        placed=c(raw["concern_placed"].replace("ORD", ords + ")")),
        # (its last clause may name the last: "..., and the final matter to the Health and Safety Executive")
        placed_more=c(raw["concern_placed_more"].replace("ORD", ords + "|last|final)")),
        placed_askers=c(raw["concern_placed_askers"].replace("ORD", ords + ")")),
        placed_clauses=c(raw["concern_placed_clauses"].replace("ORD", ords + ")")),
        in_respect=c(raw["concern_in_respect"].replace("ORD", ords + ")")),
        paragraph=c(raw["paragraph_ref"].replace("PARA", r"\d{1,3}(?:\.\d{1,3})?").replace("JOIN ", join)),
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
    ordinal: bool = False  # "your first recommendation": may count only those sent to the reply's writer
    sent_to: str | None = None  # a reply's "Concern 3 is addressed to the Council": the body it says has it
    counted: int | None = None  # "two matters ... The first is that": an ordinal with no noun, and the count it follows


# "6.  ACTION SHOULD BE TAKEN", "8.  COPIES and PUBLICATION": the sections after a prevention of future
# deaths report's concerns, numbered like one; they end the concerns
FORM_SECTION = re.compile(r"^\W*(?:\d{1,2}\.?\s+)?(?-i:ACTION SHOULD BE TAKEN|YOUR RESPONSE|COPIES (?i:and) PUBLICATION)\b",
                          re.I)
# words that recommend: a recommendation quoted, as against an answer to one
# (or, opening it, the question a monitoring board puts to a minister: "Will the Minister provide capital
# funding ...?", "What is the Prison Service doing to ...?")
MODAL = re.compile(r"\b(should|must|ought to|recommends?|needs? to|be required to|we urge|calls? on(?!\s+\d))\b|"
                   r"^\W*(?:will|can)\s+the\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,3}\s+(?:\w+\s+){0,2}?"
                   r"(?:provide|ensure|take|restore|reduce|commit|review|fund|publish|introduce|increase|address|"
                   r"improve|arrange|act|intervene)\b|"
                   r"^\W*what\s+(?:is|are|will)\s+the\s+(?-i:[A-Z])[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+"
                   r"(?:be\s+)?doing\b",
                   re.I)


# "Recommendation 4", "Concern 2:", "Recommendations 8.3 and 8.4" alone on a line, or with the report's
# paragraph it stands at, as command papers give it ("Recommendation 1 (paragraph 23)")
# (capitalised, no full stop: "recommendation 47." is a sentence's end wrapped onto its own line)
# (after its label in another language too: "Moladh 1 / Recommendation 1", "Argymhelliad 4 / Recommendation 4")
BARE_LABEL = re.compile(r"^[\s*#_]*(?:[^\W\d_][\w'’-]{2,20}\s+\d{1,3}(?:\.\d{1,3})*[a-z]?\s*/\s*)?"
                        r"(?:R(?i:ecommendations?|ec\.?)|C(?i:oncerns?)|M(?i:atters? of concern)|RECOMMENDATIONS?|"
                         r"CONCERNS?)\s+(?:\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:\s*(?:and|&|,|to|-|–)\s*"
                         r"(?:\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})*[a-z]?))*"
                         r"(?:\s*\((?i:paragraphs?|paras?\.?)\s+\d{1,3}(?:\.\d{1,3})?(?:\s*(?:,|and|-|–|to)\s*\d{1,3}(?:\.\d{1,3})?)*\))?"
                         r"[\s:*_]*$")


# a reference this close to the start of its paragraph opens an answer to it
ANCHOR_CHARS = 60
# paragraphs a numbered list may run over between two items
LIST_GAP = 2


def leading_number(label: str) -> int:
    return int(re.search(r"\d+", label).group(0))


def _balanced(label: str) -> str:
    """"10a)" in "recommendations 10a) and 10b)" is "10a"; "10a)v" keeps its bracket."""
    return label[:-1] if label.endswith(")") and label.count(")") > label.count("(") else label


# "(3)" and "[3]" are 3; "Recommendation (paragraph 3.21)", where a report numbers its recommendations by paragraph, is 3.21
_PARENS = re.compile(r"^\((?:paragraphs?|paras?\.?)?(\d+(?:\.\d+)?)\)$|^\[(\d+)\]$", re.I)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|through)\s*$", re.I)
RANGE_SPAN = 50  # "1-100" is two references, not a hundred
_DECIMAL = re.compile(r"^(\d+)\.(\d+)$")


_SIBLINGS = r"(?:\s*(?:,|and|&|to|-|–|—)\s*\([a-h]\))*"
_SIBLING = re.compile(r"\(([a-h])\)\s*$")
_PART_RANGE = re.compile(r"(\d{1,3})\s?\(([a-h])\)\s*(?:to|-|–|—)\s*\(([a-h])\)")


def _parts_run(m: re.Match[str]) -> str:
    num, a, z = m.groups()
    return ", ".join(f"{num}({chr(c)})" for c in range(ord(a), ord(z) + 1)) if a < z else m.group(0)


_PART_OF_BRACKETED = re.compile(r"\((\d{1,3})\)\s?(?=\([a-h]\))")  # "(2)(a)": a coroner's matter (2), its part (a)


def expand(nums: str, rules: RecRules) -> list[str]:
    """"3, 4 and 8" -> 3, 4, 8; "8-10" -> 8, 9, 10, also inside a list ("1, 3 and 5-7");
    "2.1 to 2.3" -> 2.1, 2.2, 2.3; "4a(ii)" stays whole; "3(a) and (b)" -> 3(a), 3(b)."""
    nums = _PART_OF_BRACKETED.sub(r"\1", nums)  # "(2)(a)" is 2(a)
    nums = _PART_RANGE.sub(_parts_run, nums)  # "4 (a) to (c)": the parts of one recommendation, a to c
    parts = re.split(r"\s*(?:,|and|&)\s*(?=\([a-h]\)\s*(?:$|,|and|&))", nums)
    if len(parts) > 1 and (base := re.fullmatch(r"(.*\d)\(([a-h])\)", parts[0].strip())) is not None:
        head = expand(parts[0], rules)
        return head + [f"{base.group(1)}({m.group(1)})" for p in parts[1:] if (m := _SIBLING.match(p.strip()))]
    found = list(rules.number.finditer(nums))
    labels = [_balanced(_PARENS.sub(r"\1\2", m.group(0).replace(" ", ""))) for m in found]
    out: list[str] = []
    for k, lab in enumerate(labels):
        prev = labels[k - 1] if k else None
        between = nums[found[k - 1].end():found[k].start()] if k else ""
        if prev and prev.isdigit() and lab.isdigit() and _RANGE.match(between) \
                and int(prev) < int(lab) <= int(prev) + RANGE_SPAN:
            out += [str(n) for n in range(int(prev) + 1, int(lab)) if str(n) not in out]
        # "2.1 to 2.3": a range within one section of a report numbered by section
        a, b = _DECIMAL.match(prev or ""), _DECIMAL.match(lab)
        if a and b and a.group(1) == b.group(1) and _RANGE.match(between) \
                and int(a.group(2)) < int(b.group(2)) <= int(a.group(2)) + RANGE_SPAN:
            out += [f"{a.group(1)}.{n}" for n in range(int(a.group(2)) + 1, int(b.group(2)))
                    if f"{a.group(1)}.{n}" not in out]
        if lab not in out:
            out.append(lab)
    return out


def clean_text(s: str) -> str | None:
    s = clean(s) or ""
    s = strip_quotes(s.rstrip(" ;.,")) or ""
    return s.rstrip(" ;.,") or None


def is_heading(b: Block) -> bool:
    """A one-line block without closing punctuation: a section heading. Set in bold whole, it may
    wrap: a GOV.UK reply restates each recommendation in bold over its answer ("**Make sure that
    every person leaving prison ... on the day of release (recommendation 2)**")."""
    line = clean(b.lines[0].text) or ""
    if len(b.lines) == 1:
        return not sentence_end(line) and len(line.split()) <= 25
    said = f"{line} {clean(b.lines[1].text) or ''}" if len(b.lines) == 2 else ""
    if said and _LABEL_END.search(said) and not sentence_end(line) and len(said.split()) <= 25 \
            and not any(CELLS_APART.search(ln.text.strip()) for ln in b.lines):  # (not a table's row)
        return True  # (a title wrapped over two lines, its label closing it: "Involving disabled people in scheme
        # design" / "(recommendation 4)", "Tactile paving at temporary" / "crossing points (recommendation 2)")
    raw = b.text.strip()
    whole = " ".join(clean(ln.text) or "" for ln in b.lines)
    return len(b.lines) <= BOLD_LINES and raw[:2] in ("**", "__") and raw[-2:] == raw[:2] \
        and raw.count(raw[:2]) == 2 and not sentence_end(whole) and len(whole.split()) <= 60


BOLD_LINES = 3  # a heading set in bold may wrap onto this many lines
# a label in brackets that closes a title: "... scheme design (recommendation 4)"
_LABEL_END = re.compile(r"\(\s*(?:recommendations?|concerns?)\s+\d{1,3}[a-z]?(?:\s*(?:,|and|&)\s*\d{1,3}[a-z]?)*\s*\)$",
                        re.I)


def heading_line(raw: str) -> bool:
    """A short line that is no sentence: a title or a section heading."""
    c = clean(raw) or ""
    return 0 < len(c.split()) <= 8 and not sentence_end(c)


def label_offset(raw: str, label: str) -> int:
    """Where a list item's number starts in the raw line, even when markup splits
    it ("1*.*2."): the label was read from the cleaned line."""
    at = raw.find(label)
    if at >= 0:
        return at
    digit = re.search(r"\d", raw)
    return digit.start() if digit else 0


def anchored(text: str, b: Block, pos: int) -> bool:
    return len(clean(text[b.start:pos]) or "") <= ANCHOR_CHARS or is_heading(b) or _bracketed_title(text, b, pos)


def _bracketed_title(text: str, b: Block, pos: int) -> bool:
    return len(b.lines) > 1 and closes_title(text, b.lines[0], pos)


def closes_title(text: str, ln: Line, pos: int) -> bool:
    """The reference at ``pos`` closes the title on line ``ln`` in brackets, however long the title: "2. Pulse
    oximeters supplied through the Care Home Equipment Scheme (your third concern)" over the answer."""
    line = ln.text.rstrip()
    opened = line.rfind("(")
    return ln.start <= pos < ln.end and line.endswith(")") and opened >= 0 and ln.start + opened < pos \
        and not _SENTENCE_STOP.search(text, ln.start, ln.start + opened)


_SENTENCE_STOP = re.compile(r"[a-z)][.!?]\s")  # a sentence ends inside the line

