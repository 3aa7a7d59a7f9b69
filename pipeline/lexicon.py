"""Loads patterns and lexicons from ``models/`` once per models directory.

Patterns are data so that a researcher can extend them without touching code;
this module only compiles them and fails with the file's name when one is bad.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.text import clean, unwrap


class LexiconError(ValueError):
    """A data file in models/ is missing or malformed."""


def _lines(path: Path) -> list[str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"[E101] cannot read lexicon {path}: {exc}") from exc
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _compile(pattern: str, source: Path, flags: int = re.I) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise LexiconError(f"[E102] bad pattern {pattern!r} in {source}: {exc}") from exc


def _any(patterns: list[str], source: Path) -> re.Pattern[str]:
    return _compile("|".join(f"(?:{p})" for p in patterns), source)


@dataclass(frozen=True)
class StanceCue:
    label: str
    name: str
    pattern: re.Pattern[str]
    weight: float
    negatable: bool
    # cues this one reads better where their matches overlap: "it is for local authorities to
    # consider" is a refusal, not the government's own "to consider"
    overrides: frozenset[str] = frozenset()
    # a cue that reads an answer only to a recommendation asking for it: "I will write to the
    # Committee with a further update" does what "provide the Committee with an update" asks, and
    # elsewhere only promises news
    asked: re.Pattern[str] | None = None


BILINGUAL_SIGNOFF = 60  # characters, at most, of a sign-off given in two languages


@dataclass(frozen=True)
class Lexicons:
    signoff: re.Pattern[str]
    alt_text: re.Pattern[str]
    role_words: frozenset[str]
    role_re: re.Pattern[str]
    org_words: frozenset[str]
    org_re: re.Pattern[str]
    street_re: re.Pattern[str]
    salutation: re.Pattern[str]
    reply_cues: re.Pattern[str]
    qa_heading: re.Pattern[str]
    qa_answer_heading: re.Pattern[str]
    minutes_markers: re.Pattern[str]
    cc_line: re.Pattern[str]
    pfd_report: re.Pattern[str]  # a coroner's report form ("REGULATION 28 REPORT", "CORONER'S CONCERNS")
    mail_greeting: re.Pattern[str]  # "Good morning," with no name: a salutation only under an e-mail's header
    mail_header: re.Pattern[str]
    header_cue_lines: re.Pattern[str]
    reference: re.Pattern[str]
    page_title: re.Pattern[str]
    annex_title: re.Pattern[str]
    letter_title: re.Pattern[str]
    qa_item: re.Pattern[str]
    qa_reference: re.Pattern[str]
    hansard_head: re.Pattern[str]
    pfd_head: re.Pattern[str]
    pfd_reply_openers: re.Pattern[str]
    pfd_first_reply_openers: re.Pattern[str]
    concern_item: re.Pattern[str]
    concern_continuation: re.Pattern[str]
    addressee_heading: re.Pattern[str]
    response_title: re.Pattern[str]
    web_page_open: re.Pattern[str]  # a saved web page's first words: its cookie banner
    boilerplate: re.Pattern[str]
    stance_cues: tuple[StanceCue, ...]
    reply_wide: re.Pattern[str]  # a sentence stating the reply's position on every concern at once
    negators: re.Pattern[str]
    stopwords: frozenset[str]
    heading_words: frozenset[str] = frozenset()  # the words of letter-spaced headings, lower case
    watermarks: tuple[str, ...] = ()  # words a watermark sets across a page ("DRAFT"), upper case

    def answers(self, text: str) -> bool:
        """Whether ``text`` says it answers something ("Thank you for your letter of ..."), also
        where a hard-wrapped line breaks the phrase ("... in your\nletter of 28 January")."""
        return self.reply_cues.search(text) is not None or \
            ("\n" in text and self.reply_cues.search(unwrap(text)) is not None)

    def signs_off(self, line: str) -> bool:
        """Whether ``line`` is a sign-off ("Yours sincerely,", "Kind regards"), its punctuation aside;
        or one after the same words in another language ("Le dùrachd / Yours sincerely,", "Yn gywir /
        Yours sincerely"); or one Word numbered with the paragraphs above it ("13.<tab>Yours sincerely")."""
        said = _PARAGRAPH_NUMBER.sub("", clean(line) or "", count=1)
        if "/" in said and len(said) <= BILINGUAL_SIGNOFF:
            said = said.rsplit("/", 1)[1]
        c = re.sub(r"[^\w\s]", "", said).strip().lower()
        return bool(c) and self.signoff.match(c) is not None


_PARAGRAPH_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s+")  # "13.<tab>", "(13) ": a numbered paragraph's own number


def _load_cues(path: Path) -> tuple[StanceCue, ...]:
    cues = []
    for n, line in enumerate(_lines(path), 1):
        try:
            obj = json.loads(line)
            cues.append(StanceCue(
                label=obj["label"], name=obj.get("name") or obj["pattern"],
                pattern=_compile(obj["pattern"], path), weight=float(obj.get("weight", 1.0)),
                negatable=bool(obj.get("negatable", False)),
                overrides=frozenset(obj.get("overrides", ())),
                asked=_compile(obj["asked"], path) if obj.get("asked") else None,
            ))
        except (ValueError, KeyError, TypeError) as exc:
            raise LexiconError(f"[E103] {path}:{n}: bad stance cue: {exc}") from exc
    return tuple(cues)


@lru_cache(maxsize=8)
def load(models_dir: Path) -> Lexicons:
    lex = models_dir / "lexicons"
    pat_path = models_dir / "patterns" / "segment.json"
    try:
        pat = json.loads(pat_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"[E104] cannot load {pat_path}: {exc}") from exc
    roles = _lines(lex / "roles.txt")
    orgs = _lines(lex / "org_words.txt")
    word_alt = lambda words: r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    return Lexicons(
        signoff=_compile(r"^(?:" + "|".join(_lines(lex / "signoffs.txt")) + r")$", lex / "signoffs.txt"),
        alt_text=_any(_lines(lex / "alt_text.txt"), lex / "alt_text.txt"),
        role_words=frozenset(roles),
        role_re=_compile(word_alt(roles), lex / "roles.txt"),
        org_words=frozenset(orgs),
        org_re=_compile(word_alt(orgs), lex / "org_words.txt"),
        street_re=_compile(word_alt(_lines(lex / "street_words.txt")), lex / "street_words.txt"),
        salutation=_compile(pat["salutation"], pat_path),
        reply_cues=_any(pat["reply_cues"], pat_path),
        qa_heading=_compile(pat["qa_heading"], pat_path),
        qa_answer_heading=_compile(pat["qa_answer_heading"], pat_path),
        minutes_markers=_any(pat["minutes_markers"], pat_path),
        cc_line=_compile(pat["cc_line"], pat_path),
        pfd_report=_compile(pat["pfd_report"], pat_path),
        mail_greeting=_compile(pat["mail_greeting"], pat_path),
        mail_header=_compile(pat["mail_header"], pat_path),
        header_cue_lines=_compile(pat["header_cue_lines"], pat_path),
        reference=_compile(pat["reference"], pat_path, 0),
        page_title=_compile(pat["page_title"], pat_path),
        annex_title=_compile(pat["annex_title"], pat_path),
        letter_title=_compile(pat["letter_title"], pat_path),
        qa_item=_compile(pat["qa_item"], pat_path, 0),
        qa_reference=_compile(pat["qa_reference"], pat_path),
        hansard_head=_compile(pat["hansard_head"], pat_path, 0),
        pfd_head=_compile(pat["pfd_head"], pat_path),
        pfd_reply_openers=_any(pat["pfd_reply_openers"], pat_path),
        pfd_first_reply_openers=_any(pat["pfd_first_reply_openers"], pat_path),
        concern_item=_compile(pat["concern_item"], pat_path),
        concern_continuation=_compile(pat["concern_continuation"], pat_path, 0),
        addressee_heading=_compile(pat["addressee_heading"], pat_path, 0),
        response_title=_compile(pat["response_title"], pat_path),
        web_page_open=_any(pat["web_page_open"], pat_path),
        boilerplate=_any(_lines(lex / "boilerplate.txt"), lex / "boilerplate.txt"),
        stance_cues=_load_cues(lex / "stance_cues.jsonl"),
        reply_wide=_any(_lines(lex / "reply_wide.txt"), lex / "reply_wide.txt"),
        stopwords=frozenset(_lines(lex / "stopwords.txt")),
        heading_words=frozenset(w.lower() for w in _lines(lex / "heading_words.txt")),
        watermarks=tuple(w.upper() for w in _lines(lex / "watermarks.txt")),
        negators=_compile(r"\b(?:not|never|no|cannot|can't|won't|unable|neither|nor)\b|n't\b", lex),
    )
