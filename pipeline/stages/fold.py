"""Two mentions of one party: telling them apart and folding them into one row.

A letter names its sender and recipients in several places (the signature, a
"From:" line, the page title, the salutation), each giving part of the
picture. These functions decide whether two mentions are one person or body
("Evans" and "Evans of Weardale"; "DfE" and "Department for Education") and
fold what each says into a single row, field by field.
"""
from __future__ import annotations

import re

from pipeline.records import Party, PartyRole
from pipeline.stages.headings import Named
from pipeline.text import clean


def from_named(letter_id: str, role: PartyRole, named: Named) -> Party | None:
    """A party row for what a heading, title or phrase names; None when it names nobody."""
    if named.empty:
        return None
    span = (named.start, named.end) if named.start is not None else None
    return Party(letter_id=letter_id, role=role, name=named.name, position=clean(named.position),
                 organisation=clean(named.organisation), char_start=span[0] if span else None,
                 char_end=span[1] if span else None)


_BODY_STOP = frozenset({"of", "and", "the", "for", "&", "to", "on", "in"})


def _words(s: str | None) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", (s or "").lower()) if w and w not in _BODY_STOP}


# initials so many bodies' names begin with that they stand for none in particular
_COMMON_INITIALS = frozenset({"NHS"})


def _initials_for(short: str, long: str) -> set[str]:
    """The words of ``long`` with each run whose initials spell one of ``short``'s acronyms put in
    its place: "Crown Prosecution Service - North Marches" reads {cps, north, marches} beside
    "CPS North Marches"."""
    words = [w for w in re.findall(r"[A-Za-z0-9][\w'’-]*", long) if w.lower() not in _BODY_STOP]
    for acr in re.findall(r"\b[A-Z]{3,6}\b", short):
        if acr in _COMMON_INITIALS:
            continue
        n = len(acr)
        for k in range(len(words) - n + 1):
            run = words[k:k + n]
            if all(w[0].isupper() for w in run) and "".join(w[0] for w in run) == acr:
                words[k:k + n] = [acr]
                break
    return _words(" ".join(words))


def same_body(a: str | None, b: str | None) -> bool:
    """Two spellings of one organisation or post: most words shared, or one the other's acronym."""
    if not a or not b:
        return False
    wa, wb = _words(a), _words(b)
    shared = lambda x, y: bool(x and y) and len(x & y) / len(x | y) >= 0.5
    if shared(wa, wb) or shared(wa, _initials_for(a, b)) or shared(_initials_for(b, a), wb):
        return True
    acr = lambda s: "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", s) if w.lower() not in _BODY_STOP).lower()
    a1, b1 = a.strip().lower(), b.strip().lower()
    return (a1.isalpha() and a1 == acr(b)) or (b1.isalpha() and b1 == acr(a))


def same_person(a: str, b: str) -> bool:
    """"Evans" and "Evans of Weardale", "Bell" and "Brian Bell": one person named twice."""
    ta, tb = a.lower().replace(".", "").split(), b.lower().replace(".", "").split()
    if " of " in f" {a.lower()} " or " of " in f" {b.lower()} ":  # peers are known by the first word of the title
        return ta[0] == tb[0]
    if len(ta) == 1 or len(tb) == 1:  # "Bell" for Brian Bell, "Helen" for Helen Ward
        one, full = (ta, tb) if len(ta) == 1 else (tb, ta)
        return one[0] in (full[0], full[-1])
    return ta[-1] == tb[-1] and ta[0][0] == tb[0][0]


def _compatible(p: Party, x: Party) -> bool:
    if p.name and x.name:
        return same_person(p.name, x.name)
    clash = lambda u, v: bool(u and v and not same_body(u, v))
    return not clash(p.organisation, x.organisation) and not clash(p.position, x.position)


def fold(parties: list[Party], extra: list[Party | None], *, fallback: bool = False) -> list[Party]:
    """Add what other places say about the same parties, field by field.

    A title's "to the MAC" and the salutation's "Dear Professor Bell" are one
    recipient; the signature's name and a "From:" line's post are one sender.
    What ``parties`` already says wins; a row that names someone else is added,
    except for a second sender, and except when ``fallback`` (the salutation,
    which only stands in for a missing recipient block) and the role is taken.
    """
    out = list(parties)
    for x in extra:
        if x is None or not (x.name or x.position or x.organisation):
            continue
        same_role = [i for i, p in enumerate(out) if p.role is x.role]
        hit = next((i for i in same_role if _compatible(out[i], x)
                    and (x.role is PartyRole.sender or out[i].name or x.name or len(same_role) == 1)), None)
        if hit is None:
            if (x.role is not PartyRole.sender and not fallback) or not same_role:
                out.append(x)
            continue
        p = out[hit]
        name = p.name if not x.name or (p.name and len(p.name) >= len(x.name)) else x.name
        update = {"name": name, "position": p.position or x.position, "organisation": p.organisation or x.organisation,
                  "honorific": p.honorific or x.honorific}
        if p.char_start is None and x.char_start is not None:
            update |= {"char_start": x.char_start, "char_end": x.char_end}
        out[hit] = p.model_copy(update=update)
    return out
