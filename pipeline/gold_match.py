"""How a prediction is lined up with gold: segments, parties, labels, stances.

These are the comparison rules of the official scorer (``shared/tools/score.py``,
which judges the project on unseen documents), written as small pure functions
so that ``evaluate`` reports the same figures the project is judged by, and so
that each rule can be tested alone. Where a rule looks odd (a curly apostrophe
splits a name, a gold line with leading spaces only matches by position) it is
kept because the official scorer does the same: a local score that differs
from the judged one would mislead whoever tunes against it.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

# the predicted side of a gold key nobody answered, in reports and the confusion table
MISSING = "(missing)"
# a predicted start this close to the gold start still finds the segment
# (a masked print header, a title line given to the neighbour)
TOLERANCE = 200

_HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rt",
    "hon", "the", "right", "honourable", "baroness", "baron", "rev", "cllr", "councillor"})
_POSTNOMINALS = frozenset({
    "mp", "dbe", "qpm", "cbe", "obe", "mbe", "kc", "qc", "frs", "frcp", "phd", "msp", "ms", "am",
    "ma", "mla", "kbe", "cb", "pc"})
_STOP = frozenset({"of", "and", "the", "for", "&", "to", "on", "in"})
_PARTY_KEYS = ("name", "organisation", "role")


# ---- names and bodies
def norm_name(value: Any) -> str | None:
    """A person's name without the honorifics before it or post-nominals after it.

    Styling ("Rt Hon ... MP", "Dame ... DBE QPM") says nothing about who the
    person is, and writers and annotators use it differently.
    """
    if not value:
        return None
    words = [w for w in re.split(r"[^a-z'\-]+", unicodedata.normalize("NFKC", str(value)).lower()) if w]
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    while words and words[-1] in _POSTNOMINALS | _HONORIFICS:
        words.pop()
    return " ".join(words) or None


def _words(value: str | None) -> set[str]:
    text = unicodedata.normalize("NFKC", value or "").lower()
    return {w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _STOP}


def acronym(value: str | None) -> str:
    """Initials of the content words: "Care Quality Commission" is "cqc"."""
    return "".join(w[0] for w in re.split(r"[^A-Za-z]+", value or "")
                   if w and w.lower() not in _STOP).lower()


def same_body(a: str | None, b: str | None) -> bool:
    """An organisation or role named two ways: half the content words shared, or an acronym.

    Bodies are written in full, shortened and abbreviated in the same letter
    ("the Department for Education", "DfE"), so exact equality would call the
    same body two.
    """
    if not a or not b:
        return False
    wa, wb = _words(a), _words(b)
    if wa and wb and len(wa & wb) / len(wa | wb) >= 0.5:
        return True
    a1, b1 = a.strip().lower(), b.strip().lower()
    return (a1.isalpha() and a1 == acronym(b)) or (b1.isalpha() and b1 == acronym(a))


def has_party(party: dict | None) -> bool:
    """A party with nothing to compare by is neither gold to find nor a prediction to count."""
    return bool(party) and any(party.get(k) for k in _PARTY_KEYS)


def party_matches(gold: dict, row: dict) -> bool:
    """A named gold party matches on the name; an unnamed one on its body or role.

    ``row`` is gold-shaped (``role`` holds the job title, the table's
    ``position``). Without a name, gold's organisation or role may be what the
    extractor put in any of the row's fields, so each is tried.
    """
    if gold.get("name"):
        return norm_name(gold["name"]) == norm_name(row.get("name"))
    fields = (row.get("organisation"), row.get("role"), row.get("name"))
    return any(same_body(gold.get("organisation"), f) or same_body(gold.get("role"), f)
               for f in fields)


def match_parties(golds: Iterable[dict], rows: Iterable[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """One-to-one greedy matching in gold order: (pairs, unmatched gold, unmatched rows).

    Callers drop gold parties and rows that ``has_party`` rejects first; the
    counts for precision and recall are then ``len(pairs)``, the rows and the golds.
    """
    free, pairs, lost = list(rows), [], []
    for g in golds:
        hit = next((i for i, r in enumerate(free) if party_matches(g, r)), None)
        if hit is None:
            lost.append(g)
        else:
            pairs.append((g, free.pop(hit)))
    return pairs, lost, free


# ---- recommendation labels and stances
def norm_label(value: Any) -> str:
    """A label as FORMAT.md compares it: lower case, no spaces or brackets; 6 is "6"."""
    return re.sub(r"[\s()\[\]]", "", str(value)).lower()


def lead(label: str) -> str:
    """The whole number a label starts with ("8" of "8.14"), or the label itself."""
    m = re.match(r"\d+", label)
    return m.group(0) if m else label


def coarsen(predicted: Iterable[str], gold: set[str]) -> set[str]:
    """Predicted labels at gold's granularity.

    A sub-label ("5a") counts as its whole number unless gold names that
    sub-label itself: annotators key a recommendation the way the letter
    numbers it, and a finer reading of the same reference is not an error.
    """
    return {p if p in gold else lead(p) for p in predicted}


def stance_for(predicted: dict[str, str], key: str) -> str | None:
    """The predicted stance for a normalised gold key, or None.

    A whole-number key whose parts were answered separately ("8a", "8b")
    takes the stance most of its parts have (the first seen wins a tie).
    """
    if key in predicted:
        return predicted[key]
    if key.isdigit():
        parts = [v for k, v in predicted.items() if lead(k) == key and k != key]
        if parts:
            return Counter(parts).most_common(1)[0][0]
    return None


# ---- segments
def first_line_at(text: str, start: int) -> str:
    """The first non-blank line from ``start``, without surrounding white space."""
    s = first_char(text, start)
    e = text.find("\n", s)
    return text[s:len(text) if e < 0 else e].rstrip()


def first_char(text: str, start: int) -> int:
    """Where a segment's first visible character is: its start for matching."""
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def gold_offsets(starts_with: Sequence[str], text: str) -> list[int | None]:
    """Each gold segment's line start in ``text``, searched in file order.

    Searching from the previous hit means a first line that also occurs
    earlier (an organisation in an address block) is found where gold means it.
    """
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line.rstrip()))
        at += len(line) + 1
    offs: list[int | None] = []
    pos = 0
    for want in starts_with:
        off = next((s for s, line in lines if s >= pos and line == want), None)
        offs.append(off)
        pos = off + 1 if off is not None else pos
    return offs


def align(starts_with: Sequence[str], firsts: Sequence[str], chars: Sequence[int | None],
          text: str | None) -> list[int | None]:
    """For each gold segment (in file order), the index of its predicted segment or None.

    Both sides are in file order, so they are matched in order: first on the
    first line, which cannot misalign on a line repeated earlier; failing
    that, on a predicted start (``chars``) within ``TOLERANCE`` characters of
    the gold start that stays between the neighbouring gold starts. Without
    the file ``text`` there are no gold starts and only first lines match.
    """
    offs = gold_offsets(starts_with, text) if text is not None else [None] * len(starts_with)
    out: list[int | None] = []
    j = 0
    for n, want in enumerate(starts_with):
        hit = next((k for k in range(j, len(firsts)) if firsts[k] == want), None)
        if hit is None and offs[n] is not None:
            lo = offs[n - 1] + 1 if n and offs[n - 1] is not None else 0
            hi = offs[n + 1] if n + 1 < len(offs) and offs[n + 1] is not None else len(text) + 1
            hit = next((k for k in range(j, len(firsts)) if chars[k] is not None
                        and abs(chars[k] - offs[n]) <= TOLERANCE and lo <= chars[k] < hi), None)
        out.append(hit)
        if hit is not None:
            j = hit + 1
    return out


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; nothing predicted where nothing was due is perfect, not NaN."""
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))
