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

from pipeline.learn.stance_model import features_for
from pipeline.lexicon import Lexicons
from pipeline.names import looks_like_person
from pipeline.records import Stance, StanceLabel, leading
from pipeline.stages import answers as answers_mod
from pipeline.stages.columns import answer_columns, column_sentences, header
from pipeline.stages.recommendations import Ref
from pipeline.stages.segment import Segment, signature_line
from pipeline.text import sentence_end, sentence_text

PRIORITY = (StanceLabel.rejected, StanceLabel.deferred, StanceLabel.partially_addressed,
            StanceLabel.accepted, StanceLabel.noted, StanceLabel.not_addressed)
@dataclass(frozen=True)
class Verdict:
    label: StanceLabel
    confidence: float
    evidence: tuple[int, int] | None
    cues: tuple[str, ...]
    scores: tuple[tuple[str, float], ...] = ()  # cue weight per label, for the learned model
    best_unit: tuple[tuple[str, tuple[int, int]], ...] = ()  # the sentence that weighed most, per label


# Later paragraphs of a passage drift from the recommendation; a sentence that
# echoes the recommendation's own words is the direct answer.
PARAGRAPH_DECAY = 0.25
ECHO_BOOST = 1.5
ECHO_MIN_WORDS = 3
_CONTRAST = re.compile(r"\b(?:but|however|although)\b|;\s*(?:however|nevertheless)\b", re.I)
_CONCESSIVE = re.compile(r"^\W*(?:whilst|while|although|though|despite|notwithstanding)\b[^,;]{3,200}[,;]", re.I)
CONTRAST_AFTER = 1.5
CONTRAST_BEFORE = 0.75
# a status line that other sentences of the answer contradict: below the model's RULE_TRUST (0.8),
# so the model weighs it with the rest
CONTESTED = 0.75
CONTEST_WEIGHT = 0.5  # cue weight for another position that contests a status line (one weak cue, undecayed)
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


_CLAUSE = re.compile(r"[,;:]|\b(but|however|although|while|whilst)\b", re.I)


def _negated(sent: str, m: re.Match[str], lex: Lexicons) -> bool:
    """A negation inside the cue or just before it, in the same clause:
    "we are unable to accept", "does not accept"; not "while we do not ..., we accept"."""
    start = max(0, m.start() - 30)
    for b in _CLAUSE.finditer(sent, start, m.start()):
        start = b.end()
    return lex.negators.search(sent, start, m.end()) is not None


# "Agreed / Partly agreed / Not agreed": an action plan's form lists the statuses to choose from
# over every answer; only the one chosen below it is the answer's
_STATUS = r"(?:fully |partly |partially |not )?(?:agreed|accepted|rejected|noted|implemented|complete)"
_OPTIONS = re.compile(rf"\b{_STATUS}(?:\s*/\s*{_STATUS}\b){{1,4}}", re.I)


# "If ..., ", "Where ..., ", "Unless ..., ": the condition a sentence opens with, to its first comma, in
# someone else's words ("Where possible we will not ..." is the writer's own)
_CONDITION = re.compile(r"^\W*" + answers_mod.PARA_NUMBER + r"(?:if|where|unless|in the event that|should)\b"
                        r"(?![^,;.]*\b(?:we|i|our)\b)[^,;.]{3,200}?,", re.I)


# what an answer waits for: "... before the review has reported", "... until the business case has been approved",
# "... once a decision has been made"
_UNTIL_DECIDED = re.compile(r"\b(?:before|until|pending|once)\b[^.;,]{0,100}?\b(?:review|evaluation|consultation|pilot|"
                            r"trial|study|research|business case|decision|assessment|appraisal)\b[^.;,]{0,60}?\b"
                            r"(?:has (?:been )?(?:reported|completed|concluded|approved|made|published|taken)|reports|"
                            r"is (?:complete|completed|approved|made|known|published|taken)|concludes|"
                            r"(?:outcome|findings|conclusions) (?:is|are) "
                            r"(?:known|published|available))\b", re.I)
WAIT_AFTER = 80  # characters between a refusal and the wait it holds for
# (or a wait that names the decision only as "then", before the refusal or after it: "until then no change will
# be made to the existing system", "no change will be made to the current rota until then")
_UNTIL_THEN = re.compile(r"\b(?:until (?:then|that (?:time|point|decision|review|has happened))|in the meantime|"
                         r"pending (?:that|this|the outcome|its outcome|a decision|that decision)|"
                         r"in advance of (?:its|the|their|that) (?:conclusions?|outcome|findings|report|decision))\b",
                         re.I)
WAIT_BEFORE = 40  # characters between that wait and the refusal it holds
# (a decision that "then" stands for, in its sentence or the one before: not a date a change starts on)
_DECISION_WORDS = re.compile(r"\b(?:decid\w*|decision|review\w*|consider\w*|report(?:s|ed)?|conclu\w*|evaluat\w*|"
                             r"assess\w*|appraisal|outcome)\b", re.I)


def sentence_cues(sent: str, lex: Lexicons, rec_text: str | None = None) -> list[tuple]:
    """The cues that fire in one sentence, with their matches; a cue that reads the words
    better hides the ones it overrides where they overlap. A cue that answers one kind of
    recommendation fires only where ``rec_text`` is of that kind."""
    if "/" in sent:
        sent = _OPTIONS.sub(lambda m: " " * len(m.group(0)), sent)
    matches = [(cue, m) for cue in lex.stance_cues
               if (cue.asked is None or (rec_text and cue.asked.search(rec_text))) and (m := cue.pattern.search(sent))]
    hidden = {cue.name for over, om in matches if over.overrides
              for cue, m in matches if cue.name in over.overrides and m.start() < om.end() and om.start() < m.end()}
    return [(cue, m) for cue, m in matches if cue.name not in hidden]


_IN_PRINCIPLE = frozenset({"accept-in-principle", "in-principle"})
# what a refusal gives as its reason: the provision that exists already ("Approved Document B already
# requires ...; we do not propose to ..."), no part of what was asked done
# (what "is in place", given as the reason for declining, as the provision that exists is; not what "has become" so)
_EXISTING = frozenset({"partially_addressed:already-does", "partially_addressed:existing-provision",
                       "partially_addressed:guidance-covers", "partially_addressed:best-practice",
                       "accepted:in-place"})


def classify(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]], lex: Lexicons,
             rec_text: str | None = None, units: list[tuple[int, int, int]] | None = None) -> Verdict:
    scores: dict[StanceLabel, float] = defaultdict(float)
    per_unit: dict[tuple[int, int], dict[StanceLabel, float]] = defaultdict(lambda: defaultdict(float))
    fired: list[str] = []
    explicit = False
    principle = 0.0  # weight of agreement in principle only, which does nothing of itself
    waits_itself = False  # a sentence that puts off the thing itself ("We will consider how best to ..."), not more
    units = answers_mod.units(text, spans, sentences) if units is None else units
    before = ""  # the sentence before: where "until then" names the decision it waits for
    for a, z, para in units:
        unit = (a, z)
        sent = sentence_text(text[a:z])
        factor = (ECHO_BOOST if echoes(sent, rec_text, lex.stopwords) else 1.0) / (1 + PARAGRAPH_DECAY * para)
        # "X but Y": what follows the "but" is what the writer stands by; so is what
        # follows the comma of "Whilst we acknowledge X, Y"
        turn = _CONCESSIVE.match(sent) or _CONTRAST.search(sent)
        cond = _CONDITION.match(sent)
        until = [w.span() for w in _UNTIL_DECIDED.finditer(sent)]
        then = [w.span() for w in _UNTIL_THEN.finditer(sent)]
        for cue, m in sentence_cues(sent, lex, rec_text):
            label, name = StanceLabel(cue.label), cue.name
            if cue.negatable and _negated(sent, m, lex):
                label, name = StanceLabel.rejected, f"not:{cue.name}"
            if cond and label is StanceLabel.rejected and m.end() <= cond.end():
                # a refusal inside the condition is a case the writer provides for, not theirs ("If the
                # householder will not agree to the supply being switched off, the job is not started")
                continue
            refusal = label is StanceLabel.rejected and not name.startswith("label-")
            held_from = refusal and any(0 <= m.start() - z <= WAIT_BEFORE for _, z in then)
            held = refusal and (held_from or any(0 <= a - m.end() <= WAIT_AFTER for a, _ in then))
            if held and not (_DECISION_WORDS.search(sent) or _DECISION_WORDS.search(before)):
                if held_from:
                    continue  # "It starts on 1 September. Until then no change will be made": a date awaited
                held = False  # "We have no plan to replace it before 2028, and until then staff ...": refused
            if refusal and (held or any(0 <= a - m.end() <= WAIT_AFTER for a, _ in until)):
                # "We do not intend to change the figures before the review has reported": not yet, not never
                label, name = StanceLabel.deferred, f"not-until:{name}"
            if label is StanceLabel.accepted and any(a <= m.start() and m.end() <= z for a, z in until):
                continue  # "... until the business case has been approved": what is awaited, not done
            explicit = explicit or name.startswith("label-")
            weight = cue.weight * factor * ((CONTRAST_AFTER if m.start() >= turn.end() else CONTRAST_BEFORE) if turn else 1.0)
            scores[label] += weight
            per_unit[unit][label] += weight
            fired.append(f"{label.value}:{name}")
            if label is StanceLabel.deferred and f"deferred:{name}" in _WAITS_ON_IT and not _GOING_FURTHER.search(sent):
                waits_itself = True
            if name in _IN_PRINCIPLE:
                principle += weight
        before = sent
    if not scores:
        first = units[0][:2] if units else None
        return Verdict(StanceLabel.noted, 0.35, first, ())
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], PRIORITY.index(kv[0])))
    label, top = ranked[0]
    # declining one part while doing, committing to or considering another is a partial answer
    positive = sum(scores.get(k, 0.0) for k in (StanceLabel.accepted, StanceLabel.partially_addressed,
                                                 StanceLabel.deferred))
    rejected = scores.get(StanceLabel.rejected, 0.0)
    # (agreeing "in principle" and then having "no plans to" do it declines it: the agreement does no part;
    # so the probes key it, pointing to existing guidance or not: "We agree in principle ..., and our
    # guidance says so" over a refusal is rejected)
    # (nor does the provision that already exists, given as the reason for declining: so the probes key 41
    # of the 47 answers whose only other cues point to it)
    reasons_only = all(f in _EXISTING for f in fired if f.startswith(("accepted:", "partially_addressed:", "deferred:"))
                       and f.split(":", 1)[1] not in _IN_PRINCIPLE)
    mixed = not explicit and (
        (label is StanceLabel.rejected and positive - principle >= MIXED_SHARE * top and not reasons_only)
        or (label is StanceLabel.accepted and rejected >= MIXED_SHARE * top))
    # doing it, or accepting it, and then saying a part cannot be done ("We are not yet able to
    # extend it to the remaining sites"): the part left undone makes the answer partial
    mixed = mixed or (label is StanceLabel.accepted and "partially_addressed:part-not-done" in fired)
    # "Response: Note" over a refusal of one part and action on another: partial, as without the status
    noted_status = label is StanceLabel.noted and any(f.startswith("noted:label-") for f in fired)
    mixed = mixed or (noted_status and rejected > 0 and positive >= MIXED_SHARE * rejected)
    if mixed:
        label, top = StanceLabel.partially_addressed, positive + rejected
        fired.append("partially_addressed:mixed")
    # "Response: Note" over "We have no plans to ...": a recommendation noted and then declined is
    # refused (so keyed in every labelled answer with both, development and probes alike)
    # (not one that only says whose decision it is, "Public Services Boards are best placed to decide": noted)
    declined = noted_status and not mixed and rejected > 0 \
        and any(f.startswith("rejected:") and f != "rejected:for-others-to-decide" for f in fired)
    if declined:
        label, top = StanceLabel.rejected, scores[StanceLabel.rejected] + scores[StanceLabel.noted]
        fired.append("rejected:noted-then-declined")
    # "Response: Note" over "We will consider whether to commission research ... when we develop the
    # plan": a recommendation noted and then put off waits, as one noted and declined is refused
    # (not one that says whose matter it is, or passes it on: "a matter for the Home Office, which will
    # respond in due course" is still noted)
    put_off = noted_status and not (mixed or declined) and scores.get(StanceLabel.deferred, 0.0) > 0 \
        and not scores.get(StanceLabel.accepted) and not scores.get(StanceLabel.partially_addressed) \
        and not any(f in fired for f in ("noted:points-elsewhere", "noted:passed-on"))
    if put_off:
        label, top = StanceLabel.deferred, scores[StanceLabel.deferred] + scores[StanceLabel.noted]
        fired.append("deferred:noted-then-waits")
    # "Noted." over "On 9 May the defibrillator was moved to the entrance": a recommendation noted and
    # then done is done, as one noted and declined is refused (not one passed on to another body)
    done = noted_status and not (mixed or declined or put_off) and scores.get(StanceLabel.accepted, 0.0) > 0 \
        and not scores.get(StanceLabel.rejected) and not scores.get(StanceLabel.deferred) \
        and not any(f in fired for f in ("noted:points-elsewhere", "noted:passed-on"))
    if done:
        label, top = StanceLabel.accepted, scores[StanceLabel.accepted] + scores[StanceLabel.noted]
        fired.append("accepted:noted-then-done")
    # accepted while the decision itself is still to come ("Accepted. Ministers will decide in the
    # autumn whether to legislate"): the answer waits (keyed deferred in 29 of the 38 probe answers
    # the lexicon read as accepted with decide-later firing)
    # (not where something is already done: "We have fitted the gates. The Board will decide in May
    # how often they are inspected" has done what was asked)
    # (so does one whose only acceptance is its status word, "Accepted.", over a review that will consider
    # it: "... is being reviewed by a working group ..., and lone working will be one of the matters it considers")
    status_only = all(f.split(":", 1)[1].startswith("label-") for f in fired if f.startswith("accepted:"))
    waits = label is StanceLabel.accepted and not any(f in fired for f in _DONE_CUES) and (
        "deferred:decide-later" in fired
        or (status_only and (waits_itself or any(f in fired for f in _WAITS_FOR))
            and not scores.get(StanceLabel.rejected)
            and not scores.get(StanceLabel.partially_addressed)))
    if waits:
        label, top = StanceLabel.deferred, scores[StanceLabel.deferred] + scores[StanceLabel.accepted]
        fired.append("deferred:decision-to-come")
    # at most one of these applies (each needs the label the one before it changed away from);
    # the label it gives pools the evidence it weighed, so there is no runner-up
    overridden = mixed or declined or put_off or done or waits
    second = 0.0 if overridden else max((v for k, v in scores.items() if k is not label), default=0.0)
    # how clearly the winner beats the runner-up, times how much evidence there is (none where a rule above
    # chose it over a runner-up that weighs more: "noted, then done" over a heavier deferral)
    confidence = 0.4 + 0.55 * max(0.0, (top - second) / top) * min(1.0, top / STRONG_EVIDENCE)
    # a status line ("Agreed.", "Accepted") is sure only where nothing else in the answer points
    # another way: "Agreed." over a pilot is evidence, not the verdict
    # (a partial status is borne out, not contested, by the cues of doing one part and not another)
    agrees = {label, StanceLabel.noted} | ({StanceLabel.accepted, StanceLabel.rejected}
                                           if label is StanceLabel.partially_addressed else set())
    contested = sum(v for k, v in scores.items() if k not in agrees) >= CONTEST_WEIGHT
    if explicit:  # a verdict other than the status line's own is contested by it
        confidence = min(confidence, CONTESTED) if contested or overridden else max(confidence, 0.95)
    evidence = max(per_unit, key=lambda u: (per_unit[u].get(label, 0.0), -u[0]))
    best = tuple((lab.value, max(per_unit, key=lambda u: (per_unit[u].get(lab, 0.0), -u[0]))) for lab in scores)
    return Verdict(label, round(min(confidence, 0.99), 3), evidence, tuple(dict.fromkeys(fired)),
                   tuple((k.value, round(v, 3)) for k, v in sorted(scores.items())), best)


def passages(text: str, seg: Segment, refs: list[Ref], sentences: list[tuple[int, int]],
             lex: Lexicons | None = None) -> dict[str, list[tuple[int, int]]]:
    """The sentences of the reply that answer each recommendation it names."""
    labels = {r.label: r.number for r in refs}
    found, _ = answers_mod.find_answers(text, seg, refs, labels, {r.label: r.text for r in refs}, sentences,
                                        lex.stopwords if lex else frozenset())
    return {lab: a.spans for lab, a in found.items()}


def _with_reply_wide(text: str, found: dict, whole, lex: Lexicons) -> dict:
    """Answers found by subject, each with the sentences that state the reply's position on
    every concern ("... the appropriate organisation to respond to the concerns raised. NHS
    England has asked to be sighted on the Trust's response"): the subject sentences alone
    miss that the reply leaves the answer to someone else."""
    wide = [u for u in whole.units if lex.reply_wide.search(sentence_text(text[u[0]:u[1]]))]
    if not wide:
        return found
    out = dict(found)
    for lab, a in found.items():
        if a.how != "topic":
            continue
        have = {u[0] for u in a.units}
        last = max(p for _, _, p in a.units) + 1
        extra = tuple((x, y, last) for x, y, _ in wide if x not in have)
        if extra:
            out[lab] = answers_mod.Answer(tuple(sorted(a.units + extra)), a.how, a.xref, a.opens)
    return out


def _doing_what_was_asked(text: str, found: dict, whole, labels: dict[str, int], rec_texts: dict[str, str],
                          lex: Lexicons) -> dict:
    """A recommendation no answer singled out is answered by the sentences that do just what it
    asks: "I will write to the Committee again in March 2027 with an update on each of its
    recommendations" answers "reports to the Committee in twelve months' time on the progress it
    has made", though the two share too few words to be matched by subject."""
    out = dict(found)
    taken = {u[0] for a in found.values() for u in a.units}
    for lab in labels:
        rec = rec_texts.get(lab)
        if lab in found or not rec:
            continue
        cues = [c for c in lex.stance_cues if c.asked is not None and c.asked.search(rec)]
        want = answers_mod.stems(rec, lex.stopwords)
        # a sentence another answer holds, or one about another subject ("an independent audit of our
        # discharge letters" for "review the guidance on bed rails"), is not this one's
        hit = tuple(u for u in whole.units if u[0] not in taken and not answers_mod.quoted_unit(text, u)
                    and want & answers_mod.stems(text[u[0]:u[1]], lex.stopwords)
                    and any(c.pattern.search(sentence_text(text[u[0]:u[1]])) for c in cues))
        if hit:
            out[lab] = answers_mod.Answer(hit, "topic", None, hit[0][0])
    return out


# what an acceptance by its status word alone may wait on: the thing under review, not "we will consider
# whether to go further"
_WAITS_FOR = ("deferred:will-be-considered", "deferred:wait-for-findings", "deferred:not-until-review",
              "deferred:subject-to")
# or, said of the thing itself and not of going further, what puts it off: "Accepted." over "We will consider how
# best to ...", a promise to come back, "when ... then ..." (not a pilot or a consultation, which may be what was
# asked: "Accepted. National Highways will run a trial in 2027"; nor "We will consider whether to go further")
_WAITS_ON_IT = frozenset({"deferred:will-consider", "deferred:come-back-later", "deferred:when-then"})
_GOING_FURTHER = re.compile(r"\bgo(?:ing)?\s+further\b|\bbeyond\b|\bin\s+addition\b|\balso\b|\bextend", re.I)
# cues of a thing already done
_DONE_CUES = ("accepted:has-done", "accepted:we-did", "accepted:was-done", "accepted:now-does",
              "accepted:in-place-now", "accepted:in-place", "accepted:done-in-full")


def _one_within(a: str, b: str) -> bool:
    """"4" and "4a(ii)": one label the other's part (a paragraph's "7.1" is not "7.6"'s)."""
    short, long_ = sorted((a, b), key=len)
    rest = long_[len(short):]
    return long_.startswith(short) and not rest[:1].isdigit() and not ("." in short and rest[:1] == ".")


def _about_answered(unit: tuple[int, int, int], refs: list[Ref], found: dict[str, answers_mod.Answer],
                    labels: dict[str, int]) -> bool:
    """Whether a sentence names recommendations by their labels, each of them one the reply answers on its
    own, and not every one: it speaks of those, not of the rest."""
    named = {r.label for r in refs if unit[0] <= r.start < unit[1] and r.label in labels}
    return bool(named) and named <= set(found) and len(named) < len(labels)


def _within_tables(text: str, found: dict[str, answers_mod.Answer],
                   tables: list[tuple[int, int, tuple[int, ...]]]) -> dict[str, answers_mod.Answer]:
    """A -layout table's last row answers in its own cell: the line across the page that ended the
    reply's last table ("Status key: Planned - action agreed ...; Noted - as recorded by ...") and
    what follows it are no part of that row's answer."""
    out = dict(found)
    # (a table whose header repeats over the next page goes on there, its row's cell with it: what stands
    # between, the page's furniture and the repeated header, "Recommendations   To   Accept/", is no part of it)
    ordered = sorted(tables)
    for lab, a in found.items():
        k = next((k for k, (ra, rz, *_) in enumerate(ordered) if ra <= a.opens < rz), None)
        if k is None:
            continue
        after = ordered[k + 1][0] if k + 1 < len(ordered) else None
        # (a sentence under the repeated header is the cell going on over the page, "Trust response (continued)";
        # one above it, under a theme's title, is the paper's own)
        heads = [u[0] for u in a.units if ordered[k][1] <= u[0] < (after or 0) and header(text[u[0]:u[1]].strip())]
        inside = tuple(u for u in a.units if u[0] < ordered[k][1] or after is not None and (
            u[0] >= after or heads and u[0] > heads[-1] and len(text[u[0]:u[1]].split()) >= GAP_SENTENCE_WORDS
            and sentence_end(text[u[0]:u[1]])))
        if inside and len(inside) < len(a.units):
            out[lab] = answers_mod.Answer(inside, a.how, a.xref, a.opens)
    return out


GAP_SENTENCE_WORDS = 5  # words, at least, of a sentence between a table and its continuation: no page furniture
# the labels of a form's fields under its answer's, which an answer left empty runs on to: "Lead officer",
# "Target date", "Timescale", "Status"
_FIELD_LABEL = re.compile(r"^\W*(?:(?:lead|responsible|accountable|action)\s+(?:officer|director|person|owner|lead)|"
                          r"owner|lead|(?:target|due|completion)\s+date|timescales?|deadline|(?:rag\s+)?status|"
                          r"progress(?:\s+update)?)\W*$", re.I)


def _left_blank(text: str, answer: answers_mod.Answer, lex: Lexicons) -> bool:
    """Whether an answer says nothing: its lines only the labels of the form's next fields ("Management
    response" left empty over "Lead officer" / "Target date"), or only the writer's signature under a label
    left empty ("R3 -" over "Jade Whitlock" / "Head of Procurement", an e-mail sent before it was finished)."""
    lines = [x for a, z in answer.spans for x in text[a:z].split("\n") if x.strip()]
    signed = bool(lines) and len(lines) <= SIGNATURE_LINES and looks_like_person(lines[0], lex) \
        and all(signature_line(x) and ":" not in x for x in lines)
    return bool(lines) and (signed or all(_FIELD_LABEL.match(x) for x in lines))


SIGNATURE_LINES = 4  # a name, a post, a body and a telephone number


TOPIC_DISCOUNT = 0.8  # an answer found by subject is less certain than one found by number
WHOLE_DISCOUNT = 0.6  # and one read off the whole reply less certain still


def stances(text: str, seg: Segment, letter_id: str, responds_to: str | None, refs: list[Ref],
            raised: list[tuple[str, int]], rec_ids: dict[str, str], sentences: list[tuple[int, int]],
            lex: Lexicons, rec_texts: dict[str, str | None] | None = None, model=None) -> list[Stance]:
    """One stance per recommendation raised by the answered letter or answered here.

    A reply that answers by number and skips a recommendation has not
    addressed it, unless a sentence outside its answers does just what that
    one asks ("I will send you a written update ..., as you ask"). A reply with no numbers at all is read by subject, and a
    recommendation it never singles out takes the stance of what the reply says
    besides its answers to the others (an NHS body that defers to the providers
    defers on every concern); where that is nothing, it has not addressed it.
    """
    rec_texts = {k: v for k, v in (rec_texts or {}).items() if v}
    labels: dict[str, int] = dict(raised)
    lo, hi = answers_mod.body_range(text, seg)
    # a -layout response table read down its answer's column, not across the recommendation beside it
    # (the evidence's offsets hold: link prints it from the file)
    text, tables = answer_columns(answers_mod.typed_marks(text, seg), lo, hi)
    sentences = column_sentences(text, tables, sentences)
    for r in refs:
        if lo <= r.start < hi:
            labels.setdefault(r.label, r.number)
    # (or names them only by their place, "On the first recommendation", "The Committee's third
    # recommendation": the quoted message says which there are)
    named = [r for r in refs if lo <= r.start < hi]
    by_place = not raised and named and all(r.ordinal for r in named)
    quoted = answers_mod.quoted_below(text, hi, seg.end) if not labels or by_place else None
    for r in refs:
        # a reply that names none: those the message quoted under it states (the one it answers, its
        # only copy here); where it names some, it has said which of the quoted ones are its own
        if quoted is not None and r.stated and r.start >= quoted:
            labels.setdefault(r.label, r.number)
    found, structured = answers_mod.find_answers(text, seg, refs, labels, rec_texts, sentences, lex.stopwords)
    found = _within_tables(text, found, tables)
    # the letter's "4" and the reply's "4a(ii)" are one recommendation when only one is answered
    # (not paragraphs 7.1 and 7.6, which share a leading number and are two)
    for lab in list(labels):
        # (not a paragraph "1.3" for its heading's "1", answered: "Cause of concern 1" over "1.1 | ...", "1.3 | ...")
        if lab not in found and any(labels.get(o) == labels[lab] and _one_within(lab, o)
                                    and not lab.startswith(o + ".") for o in found if o != lab):
            del labels[lab]
    # (nor "3", named only in passing, "numbered 1 to 6 with recommendation 3 in two parts", where its
    # parts "3a" and "3b" are answered each under its own label)
    for lab in list(labels):
        parts = [o for o in found
                 if o != lab and labels.get(o) == labels[lab] and _one_within(lab, o) and len(o) > len(lab)]
        if len(parts) >= 2 and lab in found and found[lab].how not in ("heading", "grouped") \
                and not any(r.label == lab and r.stated for r in refs):
            del labels[lab], found[lab]
    whole = None if structured or not found and not labels else answers_mod.whole_reply(text, seg, sentences)
    if structured and any(lab not in found for lab in labels) \
            and (rest := answers_mod.whole_reply(text, seg, sentences)) is not None:
        # a reply that answers by number may still do, outside its answers, just what one it skips asks
        # ("I will send you a written update on all of the above by 30 September, as you ask")
        found = _doing_what_was_asked(text, found, rest, labels, rec_texts, lex)
    if whole is not None:
        # what the reply says of the others is no stance on one it never singles out: that comes
        # from the rest of it (its opening and closing, a position it takes on every concern)
        found = _doing_what_was_asked(text, found, whole, labels, rec_texts, lex)
        taken = {u[0] for a in found.values() for u in a.units}
        found = _with_reply_wide(text, found, whole, lex)
        # (nor a sentence that names only ones answered on their own: "On Recommendation 2, Council was advised
        # ..." is about that one, wherever it stands)
        rest = tuple(u for u in whole.units if u[0] not in taken and not _about_answered(u, refs, found, labels))
        whole = answers_mod.Answer(rest, whole.how, whole.xref, whole.opens) if rest else None
    verdicts: dict[str, Verdict] = {}
    how: dict[str, str] = {}
    order = sorted(labels, key=lambda x: (labels[x], x))
    for lab in order:
        answer = found.get(lab) or whole
        if answer is None:
            continue
        how[lab] = answer.how
        v = classify(text, [], sentences, lex, rec_texts.get(lab), list(answer.units))
        if answer.how in ("whole", "preamble") and not v.cues:
            # a reply that takes no position anywhere (nor in its opening) has not addressed what it never
            # singles out
            continue
        if not v.cues and _left_blank(text, answer, lex):
            continue  # a form's answer field left empty, its next fields' labels read as its words
        if model is not None:
            v = model.decide(features_for(text, answer, v, lex, rec_texts.get(lab)), v, (letter_id, lab))
        discount = {"topic": TOPIC_DISCOUNT, "whole": WHOLE_DISCOUNT}.get(answer.how, 1.0)
        extra = (f"how:{answer.how}",) if answer.how != "heading" else ()
        verdicts[lab] = Verdict(v.label, round(v.confidence * discount, 3), v.evidence, extra + v.cues)
    for lab in order:  # "see recommendation 29" shares recommendation 29's stance, unless it says its own
        answer = found.get(lab)
        ref = answer.xref if answer else None
        # ("As R2." in a reply whose letter numbers them, "see recommendation 2" in one that writes "R2")
        ref = next((k for k in (ref, ref.removeprefix("R"), f"R{ref}") if k in verdicts), ref) if ref else ref
        if lab not in verdicts or ref not in verdicts or ref == lab:
            continue
        own = verdicts[lab]
        if own.confidence >= 0.95 and own.label is not StanceLabel.noted:
            continue
        v = verdicts[ref]
        verdicts[lab] = Verdict(v.label, round(v.confidence * 0.9, 3), own.evidence,
                                own.cues + (f"{v.label.value}:see-recommendation-{ref}",))
    out: list[Stance] = []
    for lab in order:
        rid = rec_ids[lab]
        if lab not in verdicts:
            out.append(Stance(letter_id=letter_id, responds_to=responds_to, recommendation_id=rid,
                              recommendation_number=leading(lab, labels[lab]), label=lab, stance=StanceLabel.not_addressed,
                              confidence=0.9 if found else 0.7))
            continue
        v = verdicts[lab]
        ev = v.evidence
        out.append(Stance(letter_id=letter_id, responds_to=responds_to, recommendation_id=rid,
                          recommendation_number=leading(lab, labels[lab]), label=lab, stance=v.label, confidence=v.confidence,
                          evidence=text[ev[0]:ev[1]] if ev else None,
                          evidence_char_start=ev[0] if ev else None, evidence_char_end=ev[1] if ev else None,
                          cues=list(v.cues)))
    return out
