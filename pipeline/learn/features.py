"""What the stance model sees of one answer: the lexicon's verdict and cues, where
the answer was found, and the words it uses.

The lexicon names the phrases that decide most answers ("does not accept",
"in principle", "no plans to"); what it cannot weigh is how they combine in a
real answer, and the plainer wording of answers that state no position at all
("The SLA sets up a clear framework ..."). The model learns both from
labelled answers, so these features must be computed identically at training
and at run time: this module is the only place they are defined.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from pipeline.text import clean, sentence_text

_WORD = re.compile(r"[a-z][a-z'-]+|\d+")
# enough words to read a long answer's gist without letting it drown the cues
MAX_WORDS = 400
# the status line ("The government accepts this recommendation in principle.") weighs apart
FIRST_UNITS = 2
# a cue split in two for the rules that the model still reads as the one it learned ("is in place" was
# "in-place-now" until the rules needed to tell a provision that exists from one that has just become so)
SAME_WORDS = {"accepted:in-place": "accepted:in-place-now"}


def passage_features(text: str, units: list[tuple[int, int, int]], how: str, rule_label: str,
                     rule_scores: dict[str, float], cues: list[str], first_cues: list[str]) -> dict[str, float]:
    """Sparse features of one answer; values are small so a linear model can weigh them."""
    f: dict[str, float] = {f"rule={rule_label}": 1.0, f"how={how}": 1.0}
    total = sum(rule_scores.values()) or 1.0
    for label, score in rule_scores.items():
        f[f"score:{label}"] = min(score, 12.0) / 12.0
        f[f"share:{label}"] = score / total
    for cue in cues:
        f[f"cue:{SAME_WORDS.get(cue, cue)}"] = 1.0
    for cue in first_cues:
        f[f"first:{SAME_WORDS.get(cue, cue)}"] = 1.0
    status = _status(first_cues)
    actions = _actions(cues)
    f[f"status={status}"] = 1.0
    for a in actions:
        f[f"status={status}&{a}"] = 1.0
    if len(actions) == 1:
        f[f"status={status}&only_{next(iter(actions))}"] = 1.0
    if not actions:
        f[f"status={status}&no_action"] = 1.0
    n = len(units)
    f[f"units={'1' if n <= 1 else '2-3' if n <= 3 else '4-8' if n <= 8 else '9+'}"] = 1.0
    words = _words(text, units)
    for w in set(words):
        f[f"w:{w}"] = 1.0
    for a, b in set(zip(words, words[1:])):
        f[f"b:{a} {b}"] = 1.0
    f["log_words"] = math.log1p(len(words)) / 7.0
    f.update(modality_features([sentence_text(text[a:z]) for a, z, _ in units], status))
    return f


# What each sentence does with its verb, read from its grammar rather than from the
# lexicon's phrases: the conventions tell the labels apart by what the reply does
# ("will do" is accepted, "will consider" deferred, "has done"/"already" a reply that
# points to work done or under way, "not"/"no plans" a refusal, "should"/"a matter for"
# leaves it to others). Checked in this order, so a sentence takes its strongest mode.
_MODES = (
    ("decline", re.compile(
        # not right after "where", nor a condition set on what is done ("the display will not start
        # until the line is clear"); a clause that tells the story ("the 38 pupils who did not have
        # one") is _RULE_CLAUSE's to read, as sentence_mode checks every match
        r"(?<!\bwhere )"
        r"\b(?:will|shall|do|does|did|can|could|would|is|are)\s?(?:not|n't)\b(?!\s+only\b)(?![^.,;]{0,40}\buntil\b)|\bno (?:immediate |current "
        r"|present |further )?(?:plans?|intention|need)\b|\bunable to\b|\bnot (?:necessary|appropriate|proportionate|"
        r"persuaded|convinced)\b", re.I)),
    ("consider", re.compile(
        r"\b(?:will|shall|would|to|intends? to|plans? to)\s+(?:\w+ly\s+|also\s+|now\s+|further\s+|continue to\s+)?"
        r"(?:consider|explore|review|reflect|examine|assess|evaluate|engage|consult|look at|look into|seek views|"
        r"work with|keep\b[^.]{0,30}\bunder review)\b|\bunder (?:review|consideration)\b|\bconsidering\b|"
        r"\bfurther consideration\b|\bin due course\b|\b(?:green|white) paper\b|\bconsultation\b|\bpilot\w*\b|"
        r"\bnot yet\b|\b(?:will|shall|would) be (?:\w+ly |further |also )?(?:considered|explored|examined|assessed|"
        r"reviewed|looked at)\b|\bbeing (?:considered|explored|examined|assessed|reviewed)\b", re.I)),
    ("commit", re.compile(
        r"\b(?:will|shall|intends? to|plans? to|(?:is|are) committed to|commits? to)\s+(?:now\s+|also\s+|then\s+|"
        r"therefore\s+|\w+ly\s+)?(?!be\b|have\b|need\b|continue\b)[a-z]{3,}", re.I)),
    ("done", re.compile(
        r"\b(?:has|have|had)\s+(?:now\s+|already\s+|recently\s+|also\s+)?(?:been\s+)?[a-z]+(?:ed|en|un|ne|de|t)\b"
        r"|\b(?:was|were)\s+(?:\w+ly\s+)?[a-z]+ed\b|\balready\b|\bin (?:19|20)\d\d\b", re.I)),
    ("ongoing", re.compile(
        r"\b(?:is|are)\s+(?:currently\s+|now\s+|also\s+)?(?:being\s+)?[a-z]{3,}ing\b|\bcontinues? to\b|"
        r"\bongoing\b|\bexisting\b|\bcurrently\b|\bin place\b", re.I)),
    ("others", re.compile(
        r"\b(?:should|must|ought to)\b|\b(?:a )?matters? for\b|\b(?:it is|is|are) (?:for|up to) \w+|"
        r"\bresponsibility of\b|\bbest practice\b", re.I)),
)


# A sentence that marks where what was done stops: a contrast with a refusal ("The Scottish
# Government is not, however, in a position to extend ..."), the rest left as it is ("The remaining
# centres will continue to ..."), a scope ("only where ...", "not all"), or a cost. After a sentence
# that does or commits to something, it is what tells a partial answer from a full one.
_LIMIT = re.compile(
    r"\b(?:however|but|although|though|whilst|while|except)\b[^.]{0,200}?\b(?:not|no|cannot|unable|only)\b|"
    r"\b(?:not(?! only)|no|cannot|unable)\b[^.]{0,200}?\b(?:however|but)\b|"
    r"\bthe (?:remaining|other)\b[^.]{0,80}\b(?:not|will continue|continue to|cannot|only)\b|"
    r"\bnot (?:all|every|yet|extend\w*|include\w*|included|covered)\b|\bonly (?:in|for|where|when|at|to|on)\b|"
    r"\bnot (?:be )?(?:possible|practical|practicable|feasible|affordable|available)\b|\bdisproportionate\b|"
    r"\btoo (?:low|high|small|few|costly|expensive)\b|\bdecided not to\b|\bno (?:funding|budget)\b", re.I)


# weighs the limit above a plain indicator: one feature among thousands of words, it is otherwise
# regularised to almost nothing (by-file cross-validation over 1, 2, 3 and 5; 2 was best on
# development, the earlier blind rounds and the fresh tenth round alike)
LIMIT_WEIGHT = 2.0


# a negation in a clause that sets a condition ("if", "unless", "until", "once"), a safeguard ("so
# they cannot be pushed forward") or a rule on others ("Any steward who does not come ... will not
# steward") is no refusal by the writer; a reason ("because", "so it will not be possible") may be
_RULE_CLAUSE = re.compile(r"^\s*(?:any|no|every|each)\s+\w+(?:\s+\w+)?\s+(?:who|that)\b|\b(?:so that|so they|if|unless|"
                          r"who|until|once)\b", re.I)


def _rule_clause(before: str) -> bool:
    return bool(_RULE_CLAUSE.search(re.split(r"[,;:(]", before)[-1]))


def sentence_mode(sent: str) -> str:
    for name, pattern in _MODES:
        if name == "decline":
            if any(not _rule_clause(sent[:m.start()]) for m in pattern.finditer(sent)):
                return name
            continue
        if pattern.search(sent):
            return name
    return "none"


def modality_features(sents: list[str], status: str) -> dict[str, float]:
    """The answer's profile of sentence modes: the share of its sentences in each, the
    mode of its status lines, of its last sentence that takes one and the commonest,
    the last two crossed with the status the answer opens with; and whether a sentence limits
    what an earlier one did or committed to."""
    modes = [sentence_mode(s) for s in sents if s.strip()]
    if not modes:
        return {}
    f: dict[str, float] = {}
    counted = Counter(m for m in modes if m != "none")
    n = len(modes)
    for m, k in counted.items():
        f[f"mode:{m}"] = 1.0
        f[f"mode_share:{m}"] = k / n
    for m in set(modes[:FIRST_UNITS]):
        f[f"mode_first:{m}"] = 1.0
    last = next((m for m in reversed(modes) if m != "none"), "none")
    f[f"mode_last:{last}"] = 1.0
    top = counted.most_common(1)[0][0] if counted else "none"
    f[f"mode_top:{top}"] = 1.0
    f[f"status={status}&mode_top:{top}"] = 1.0
    f[f"status={status}&mode_last:{last}"] = 1.0
    said = [s for s in sents if s.strip()]
    acted = next((i for i, m in enumerate(modes) if m in ("done", "commit", "ongoing")), None)
    if acted is not None and any(_LIMIT.search(s) for s in said[acted + 1:]):
        f["limit_after_act"] = LIMIT_WEIGHT
        f[f"status={status}&limit_after_act"] = LIMIT_WEIGHT
    return f


# the answer's opening position, read from the cues in its first sentences
_STATUS = (("reject", ("rejected:",)), ("na", ("not_addressed:",)), ("part", ("partially_addressed:accept-in-part",
           "partially_addressed:accept-parts", "partially_addressed:label-partial")),
           ("principle", ("partially_addressed:accept-in-principle", "deferred:in-principle")),
           ("accept", ("accepted:accept-recommendation", "accepted:subject-accepts", "accepted:label-accepted",
                       "accepted:recommendation-is-accepted")),
           ("note", ("noted:",)))
# what the answer does, by the kind of cue that fires anywhere in it
_ACTIONS = {"accepted:will-act": "commit", "accepted:will-do": "commit", "accepted:look-to-roll-out": "commit",
            "accepted:has-done": "done", "accepted:done-in-full": "done", "accepted:in-place-now": "done",
            "accepted:in-place": "done",
            "accepted:fully-meets": "done"}


def _status(first_cues: list[str]) -> str:
    for name, prefixes in _STATUS:
        if any(c.startswith(prefixes) for c in first_cues):
            return name
    return "none"


def _actions(cues: list[str]) -> set[str]:
    out = set()
    for c in cues:
        label = c.split(":", 1)[0]
        if c in _ACTIONS:
            out.add(_ACTIONS[c])
        elif label == "partially_addressed" and "principle" not in c and "mixed" not in c:
            out.add("existing")
        elif label == "deferred" and "principle" not in c:
            out.add("wait")
        elif label == "rejected":
            out.add("decline")
        elif label == "not_addressed":
            out.add("na")
    return out


def _words(text: str, units: list[tuple[int, int, int]]) -> list[str]:
    out: list[str] = []
    for a, z, _ in units:
        out += _WORD.findall((clean(text[a:z]) or "").lower())
        if len(out) >= MAX_WORDS:
            break
    return out[:MAX_WORDS]
