"""Stage 7: the stance a reply takes on each recommendation of the letter it answers.

Each recommendation gets its passage: from the paragraph or heading that
opens the answer ("On recommendation 6, ...", "Recommendation 7 ...") to the
next such opening; an inline answer that closes the reply keeps only its own
paragraph (and its continuation across a page break). Cues from
``models/lexicons/stance_cues.jsonl`` fire on the passage's sentences; a
negated commitment ("we will not implement") counts for ``rejected``. The
label with the most weight wins; confidence is the winner's margin. A
recommendation the answered letter raised but the reply never takes up is
``not_addressed``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.lexicon import Lexicons
from pipeline.records import Stance, StanceLabel
from pipeline.stages.recommendations import Ref
from pipeline.stages.segment import Segment
from pipeline.text import clean, sentence_end, split_lines, to_blocks

PRIORITY = (StanceLabel.rejected, StanceLabel.deferred, StanceLabel.partially_addressed,
            StanceLabel.accepted, StanceLabel.noted, StanceLabel.not_addressed)
# "see the response to recommendation 2": an answer that points at another
XREF = re.compile(r"\b(?:see|as set out in|as described in|refer(?:s)? to|covered (?:in|by))\s+(?:the\s+|our\s+)?"
                  r"(?:government's\s+)?(?:response|answer)s?\s+to\s+(?:rec\w{0,14}|concern)\s+(?P<label>\d{1,3}(?:\.\d{1,3})?)", re.I)
_FALLBACK_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@dataclass(frozen=True)
class Verdict:
    label: StanceLabel
    confidence: float
    evidence: tuple[int, int] | None
    cues: tuple[str, ...]


def passages(text: str, seg: Segment, refs: list[Ref], sentences: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """Spans of the reply that answer each recommendation label.

    A reference inside "see the response to recommendation 2" opens nothing:
    it points elsewhere from inside another answer.
    """
    xrefs = [m.span() for m in XREF.finditer(text, seg.body_start, seg.body_end)]
    body = [r for r in refs if seg.body_start <= r.start < seg.body_end
            and not any(a <= r.start < z for a, z in xrefs)]
    blocks = to_blocks(split_lines(text, seg.body_start, seg.body_end))
    anchors: dict[int, tuple[int, bool, set[str]]] = {}
    for r in body:
        if r.anchor:
            end, heading, labels = anchors.get(r.block_start, (r.block_end, r.heading, set()))
            labels.add(r.label)
            anchors[r.block_start] = (end, heading, labels)
    order = sorted(anchors)
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, start in enumerate(order):
        end, heading, labels = anchors[start]
        if k + 1 < len(order):
            stop = order[k + 1]
        elif heading:
            stop = seg.body_end
        else:
            stop = end
            following = [b for b in blocks if b.start >= end]
            prev_text = text[start:end]
            for b in following:
                if sentence_end(prev_text):
                    break
                stop, prev_text = b.end, b.text
        for lab in labels:
            out[lab].append((start, stop))
    for r in body:
        if r.label not in out:
            sent = next(((a, b) for a, b in sentences if a <= r.start < b), (r.block_start, r.block_end))
            out[r.label].append(sent)
    return dict(out)


# Later paragraphs of a passage drift from the recommendation; a sentence that
# echoes the recommendation's own words is the direct answer.
PARAGRAPH_DECAY = 0.25
ECHO_BOOST = 1.5
ECHO_MIN_WORDS = 3
# cue weight at which a clear winner earns full confidence (one explicit commitment)
STRONG_EVIDENCE = 4.0
# a rejection counts as partial when the positive cues reach this share of it
MIXED_SHARE = 0.5


def _stems(s: str, stop: frozenset[str]) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z][a-z'-]+", s.lower()) if w not in stop and len(w) > 2}


def echoes(unit: str, rec_text: str | None, stop: frozenset[str]) -> bool:
    """Whether a sentence repeats enough of the recommendation's words to be answering it."""
    if not rec_text:
        return False
    return len(_stems(unit, stop) & _stems(rec_text, stop)) >= ECHO_MIN_WORDS


def _units(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Sentences inside the spans with their paragraph's place in the passage,
    cut at paragraph breaks so a label line stands alone."""
    units: list[tuple[int, int, int]] = []
    for s, e in spans:
        for para, b in enumerate(to_blocks(split_lines(text, s, e))):
            inside = [(max(a, b.start), min(z, b.end)) for a, z in sentences if a < b.end and z > b.start]
            if not inside:
                inside = [(b.start + m.start(), b.start + m.end()) for m in _FALLBACK_SENT.finditer(text[b.start:b.end])]
            for a, z in inside:
                while a < z and text[a].isspace():
                    a += 1
                while z > a and text[z - 1].isspace():
                    z -= 1
                if z > a and re.search(r"[A-Za-z0-9]", text[a:z]):
                    units.append((a, z, para))
    return units


_CLAUSE = re.compile(r"[,;:]|\b(but|however|although|while|whilst)\b", re.I)


def _negated(sent: str, m: re.Match[str], lex: Lexicons) -> bool:
    """A negation inside the cue or just before it, in the same clause:
    "we are unable to accept", "does not accept"; not "while we do not ..., we accept"."""
    start = max(0, m.start() - 30)
    for b in _CLAUSE.finditer(sent, start, m.start()):
        start = b.end()
    return lex.negators.search(sent, start, m.end()) is not None


def _quoted(refs: list[Ref]) -> list[tuple[int, int]]:
    return [r.quote or (r.block_start, r.block_end) for r in refs if r.stated]


def assign_units(text: str, seg: Segment, refs: list[Ref], sentences: list[tuple[int, int]],
                 found: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int, int]]]:
    """The sentences of the reply that answer each label, with their paragraph's
    distance from where the answer opens.

    A sentence belongs to the passages that contain it, except that a sentence
    naming other recommendations belongs to those, and so does the rest of its
    paragraph ("We do not agree ... (recommendation 5). The distances ...").
    Quoted recommendation text is nobody's answer, and a later paragraph that
    speaks of "the recommendations" in general ("Your report also makes
    recommendations to ...") is not an answer to the one before it.
    """
    quoted = _quoted(refs)
    xrefs = [m.span() for m in XREF.finditer(text, seg.body_start, seg.body_end)]
    named_at = [(r.start, r.label) for r in refs if not r.stated and seg.body_start <= r.start < seg.body_end
                and not any(a <= r.start < z for a, z in xrefs)]
    opens: dict[str, int] = {}
    units = _units(text, [(seg.body_start, seg.body_end)], sentences)
    para_of = {}
    out: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    anchor_paras = {para for a, z, para in units for r in refs if r.anchor and a <= r.start < z}
    owner: set[str] | None = None
    cur = None
    for a, z, para in units:
        para_of[a] = para
        if para != cur:
            cur, owner = para, None
        if any(min(z, qz) - max(a, qa) > (z - a) // 2 for qa, qz in quoted):
            continue
        named = {lab for pos, lab in named_at if a <= pos < z}
        if named:
            owner = named
        elif para not in anchor_paras and _GENERIC.search(text, a, z):
            owner = set()
        labels = owner if owner is not None else {lab for lab, spans in found.items()
                                                  if any(s <= a < e for s, e in spans)}
        for lab in labels:
            opens.setdefault(lab, para)
            out[lab].append((a, z, para - opens[lab]))
    return dict(out)


_GENERIC = re.compile(r"\b(?:recommendations|concerns)\b(?!\s*\(?\d)", re.I)
# an answer by topic, with no number: the paragraph sharing the most of the
# recommendation's words, if it shares at least this many and this share
TOPIC_WORDS = 4
TOPIC_SHARE = 0.3
TOPIC_DISCOUNT = 0.8  # an answer found by subject is less certain than one found by number


def topic_units(text: str, seg: Segment, sentences: list[tuple[int, int]], rec_text: str | None,
                taken: set[int], stop: frozenset[str]) -> list[tuple[int, int, int]]:
    """The paragraph that answers a recommendation by its subject, not its number."""
    if not rec_text:
        return []
    want = _stems(rec_text, stop)
    best, best_score = [], 0.0
    for b in to_blocks(split_lines(text, seg.body_start, seg.body_end)):
        units = [u for u in _units(text, [(b.start, b.end)], sentences) if u[0] not in taken]
        if not units:
            continue
        shared = len(want & _stems(text[b.start:b.end], stop))
        if shared >= TOPIC_WORDS and shared / max(1, len(want)) >= TOPIC_SHARE and shared > best_score:
            best, best_score = units, shared
    return [(a, z, 0) for a, z, _ in best]


def cross_reference(text: str, units: list[tuple[int, int, int]], rx: re.Pattern[str]) -> str | None:
    """"See the response to recommendation 2": the label whose answer this one shares."""
    for a, z, _ in units:
        m = rx.search(text, a, z)
        if m:
            return m.group("label")
    return None


def classify(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]], lex: Lexicons,
             rec_text: str | None = None, units: list[tuple[int, int, int]] | None = None) -> Verdict:
    scores: dict[StanceLabel, float] = defaultdict(float)
    per_unit: dict[tuple[int, int], dict[StanceLabel, float]] = defaultdict(lambda: defaultdict(float))
    fired: list[str] = []
    explicit = False
    units = _units(text, spans, sentences) if units is None else units
    for a, z, para in units:
        unit = (a, z)
        sent = clean(text[a:z]) or ""
        factor = (ECHO_BOOST if echoes(sent, rec_text, lex.stopwords) else 1.0) / (1 + PARAGRAPH_DECAY * para)
        for cue in lex.stance_cues:
            m = cue.pattern.search(sent)
            if not m:
                continue
            label, name = StanceLabel(cue.label), cue.name
            if cue.negatable and _negated(sent, m, lex):
                label, name = StanceLabel.rejected, f"not:{cue.name}"
            explicit = explicit or name.startswith("label-")
            scores[label] += cue.weight * factor
            per_unit[unit][label] += cue.weight * factor
            fired.append(f"{label.value}:{name}")
    if not scores:
        first = units[0][:2] if units else None
        return Verdict(StanceLabel.noted, 0.35, first, ())
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], PRIORITY.index(kv[0])))
    label, top = ranked[0]
    # declining one part while doing, committing to or considering another is a partial answer
    positive = sum(scores.get(k, 0.0) for k in (StanceLabel.accepted, StanceLabel.partially_addressed,
                                                 StanceLabel.deferred))
    rejected = scores.get(StanceLabel.rejected, 0.0)
    mixed = not explicit and (
        (label is StanceLabel.rejected and positive >= MIXED_SHARE * top)
        or (label is StanceLabel.accepted and rejected >= MIXED_SHARE * top))
    if mixed:
        label, top = StanceLabel.partially_addressed, positive + rejected
        fired.append("partially_addressed:mixed")
    second = max((v for k, v in scores.items() if k is not label and not mixed), default=0.0)
    # how clearly the winner beats the runner-up, times how much evidence there is
    confidence = 0.4 + 0.55 * ((top - second) / top) * min(1.0, top / STRONG_EVIDENCE)
    if explicit:
        confidence = max(confidence, 0.95)
    evidence = max(per_unit, key=lambda u: (per_unit[u].get(label, 0.0), -u[0]))
    return Verdict(label, round(min(confidence, 0.99), 3), evidence, tuple(dict.fromkeys(fired)))


def stances(text: str, seg: Segment, letter_id: str, responds_to: str | None, refs: list[Ref],
            raised: list[tuple[str, int]], rec_ids: dict[str, str], sentences: list[tuple[int, int]],
            lex: Lexicons, rec_texts: dict[str, str | None] | None = None) -> list[Stance]:
    """One stance per recommendation raised by the answered letter or answered here."""
    found = passages(text, seg, refs, sentences)
    assigned = assign_units(text, seg, refs, sentences, found)
    labels: dict[str, int] = dict(raised)
    for r in refs:
        if seg.body_start <= r.start < seg.body_end:
            labels.setdefault(r.label, r.number)
    # the letter's "4" and the reply's "4a(ii)" are one recommendation when only one is answered
    answered = set(found) | set(assigned)
    for lab in list(labels):
        if lab not in answered and any(labels[o] == labels[lab] for o in answered if o != lab):
            del labels[lab]
    answered_any = bool(found)
    verdicts: dict[str, Verdict] = {}
    order = sorted(labels, key=lambda x: (labels[x], x))
    taken = {a for units in assigned.values() for a, _, _ in units}
    for lab in order:
        if lab in found or lab in assigned:
            verdicts[lab] = classify(text, found.get(lab, []), sentences, lex, (rec_texts or {}).get(lab),
                                     assigned.get(lab, []))
            continue
        by_topic = topic_units(text, seg, sentences, (rec_texts or {}).get(lab), taken, lex.stopwords)
        if by_topic:
            v = classify(text, [], sentences, lex, (rec_texts or {}).get(lab), by_topic)
            verdicts[lab] = Verdict(v.label, round(v.confidence * TOPIC_DISCOUNT, 3), v.evidence,
                                    ("topic-match",) + v.cues)
    for lab in order:  # "see the response to recommendation 2" shares recommendation 2's stance
        ref = cross_reference(text, assigned.get(lab, []), XREF)
        if lab in verdicts and ref in verdicts and ref != lab and verdicts[lab].confidence < 0.95:
            v = verdicts[ref]
            verdicts[lab] = Verdict(v.label, round(v.confidence * 0.9, 3), verdicts[lab].evidence,
                                    verdicts[lab].cues + (f"{v.label.value}:see-recommendation-{ref}",))
    out: list[Stance] = []
    for lab in order:
        rid = rec_ids[lab]
        if lab not in verdicts:
            out.append(Stance(letter_id=letter_id, responds_to=responds_to, recommendation_id=rid,
                              recommendation_number=labels[lab], stance=StanceLabel.not_addressed,
                              confidence=0.9 if answered_any else 0.7))
            continue
        v = verdicts[lab]
        ev = v.evidence
        out.append(Stance(letter_id=letter_id, responds_to=responds_to, recommendation_id=rid,
                          recommendation_number=labels[lab], stance=v.label, confidence=v.confidence,
                          evidence=text[ev[0]:ev[1]] if ev else None,
                          evidence_char_start=ev[0] if ev else None, evidence_char_end=ev[1] if ev else None,
                          cues=list(v.cues)))
    return out
