"""The recommendation register: each recommendation of a report once.

Letters number the same recommendation differently (a letter about two of a
report's ten recommendations may call them 1 and 2, or a second letter may
shift the numbers by one). Recommendations are therefore linked by their text
where a letter states it, and by report and label where none does; a
recommendation known under more than one label records the others in
``conflicts``, so an analyst can find and check each such case.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from pipeline.records import Recommendation

# share of the shorter text's words two statements must have in common to be
# one recommendation under different labels, and under the same label
SAME_TEXT = 0.7
SAME_LABEL_TEXT = 0.3
_STOP = frozenset("the a an of to and or in on for by with that this be should must will would all its their "
                  "which who is are as at from it they them into".split())


def words(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in _STOP and len(w) > 2)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if len(a) < 4 or len(b) < 4:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def report_key(title: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (title or "").lower()).strip()


@dataclass
class Entry:
    scope: str
    report_title: str | None
    label: str
    number: int
    letter_id: str
    text: str | None = None
    labels: list[str] = field(default_factory=list)
    addressee: str | None = None  # the body a coroner's report sends this concern to

    @property
    def recommendation_id(self) -> str:
        seed = f"{self.scope}|{self.label.lower()}|{' '.join(sorted(words(self.text or '')))[:200]}"
        return hashlib.sha256(seed.encode()).hexdigest()[:16]


@dataclass
class Register:
    entries: list[Entry] = field(default_factory=list)
    # entries of each scope, in order: a reference is compared with its own report's entries
    # only, so resolving stays linear in the corpus
    _by_scope: dict[str, list[Entry]] = field(default_factory=dict, repr=False)

    def resolve(self, scope: str, title: str | None, label: str, number: int, text: str | None,
                letter_id: str, addressee: str | None = None) -> Entry:
        """The entry for this reference, creating or enriching one as needed."""
        # two labels of one letter are two recommendations, however alike their words; so is
        # one label sent to two addressees (a report that numbers each body's concerns from 1)
        same_scope = [e for e in self._by_scope.get(scope, ())
                      if e.letter_id != letter_id or (e.label == label and e.addressee == addressee)]
        if text:
            w = words(text)
            best = max(same_scope, key=lambda e: overlap(w, words(e.text or "")), default=None)
            if best is not None and overlap(w, words(best.text or "")) >= SAME_TEXT:
                return self._add_label(best, label)
            for e in same_scope:
                if e.label == label and (e.text is None or words(e.text) == w or overlap(w, words(e.text)) >= SAME_LABEL_TEXT):
                    if e.text is None:
                        e.text = text
                    return e
        else:
            for e in same_scope:
                if label in e.labels:
                    return e
        entry = Entry(scope, title, label, number, letter_id, text, [label], addressee)
        self.entries.append(entry)
        self._by_scope.setdefault(scope, []).append(entry)
        return entry

    @staticmethod
    def _add_label(e: Entry, label: str) -> Entry:
        if label not in e.labels:
            e.labels.append(label)
        return e

    def records(self) -> list[Recommendation]:
        """One row per recommendation id: entries that hash alike are one recommendation."""
        out: dict[str, Recommendation] = {}
        for e in self.entries:
            rid = e.recommendation_id
            conflicts = [x for x in e.labels if x != e.label]
            if rid in out:
                merged = sorted(set(out[rid].conflicts) | set(conflicts))
                out[rid] = out[rid].model_copy(update={"conflicts": merged})
                continue
            out[rid] = Recommendation(recommendation_id=rid, report_title=e.report_title, number=e.number,
                                      label=e.label, text=e.text, letter_id=e.letter_id, conflicts=conflicts)
        return list(out.values())
