"""Personal names: honorifics and post-nominals off, the name as people use it.

nameparser knows the honorific and post-nominal vocabulary ("Rt Hon", "Dame",
"DBE", "QPM", "MP"); this module adds the judgement of whether a short line
is a person at all rather than a position, a body or an address line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser import HumanName
from nameparser.config import Constants

from pipeline.lexicon import Lexicons
from pipeline.text import clean

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*")
# a police officer's temporary or acting rank: "T/Supt Daniel Okoro", "A/DCI Priya Shah" (the rank is his honorific)
_ACTING = re.compile(r"^\W*(?:T|A|Actg|Temp)/(?=[A-Z])")
# the small words inside a name: "Ursula von der Leyen", "Llyr ap Dafydd" (a Welsh patronymic)
_PARTICLES = frozenset({"de", "van", "von", "der", "la", "le", "du", "of", "ap", "ab", "ferch"})
# a Member of the Senedd's post-nominal in both languages: "Jane Hutt AS/MS" (Aelod o'r Senedd), "AM/AC" before 2020
_BILINGUAL_POST = re.compile(r"\s(?:AS|MS|AC|AM)\s*/\s*(?:AS|MS|AC|AM)$")
# A private copy of nameparser's vocabulary, so adding post-nominals it lacks
# does not change how any other module parses names.
_CONSTANTS = Constants()
_CONSTANTS.suffix_acronyms.add("mp", "ms", "msp", "mla", "mep", "kc", "qc", "qpm", "dbe", "cbe", "obe", "mbe", "kbe",
                               "frs", "pc", "jp", "dl", "kcb", "gcb", "cb", "cvo", "lvo", "kcmg", "cmg", "frcp", "frcs",
                               "frsa", "fmedsci", "frse", "fba", "freng", "ma", "phd", "ms")
_CONSTANTS.titles.add("lieut.-colonel", "lieut-colonel", "lieutenant-colonel", "colonel", "major", "captain",
                      "commander", "brigadier", "viscount", "viscountess", "earl", "countess", "marquess", "duke",
                      "duchess", "baron", "councillor", "cllr", "hon.", "rt.", "the",
                      # police ranks, as officers sign
                      "supt", "dsupt", "dci", "det", "insp", "sgt", "ch", "ci", "ds", "dc", "acc", "dcc")
# A peer is known by the title's name alone: "Lord True", "Baroness Sanderson of Welton".
PEERAGES = frozenset({"lord", "baroness", "baron", "lady", "viscount", "viscountess", "earl", "countess", "marquess",
                      "duke", "duchess"})


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    honorific: str | None
    postnominals: str | None


def parse(s: str, *, single: bool = False) -> Name | None:
    """Split ``s`` into name, honorific and post-nominals.

    A name needs a first and a last name, except a peer's ("Lord True") and,
    where the caller knows the text names a person (a salutation, a Hansard
    speaker line), an honorific with a surname ("Professor Bell", "Mr. Riley").
    """
    c = clean(s)
    if not c:
        return None
    c = _ACTING.sub("", c.strip(" ,;:."))
    if m := _BILINGUAL_POST.search(c):  # (the English one of the two, which nameparser knows)
        c = c[:m.start()] + (" AM" if "AM" in m.group(0) else " MS")
    hn = HumanName(c, constants=_CONSTANTS)
    first, last = hn.first.strip(), hn.last.strip()
    title = hn.title.strip() or None
    suffix = hn.suffix.strip().replace(",", "").strip() or None
    if not first or not last:
        alone = (last or first).strip(" ,.")
        peer = title is not None and title.split()[-1].lower().strip(".") in PEERAGES
        if alone and title and (peer or single) and alone[0].isupper():
            return Name(alone, title, suffix)
        return None
    core = " ".join(p for p in (first, hn.middle.strip(), last) if p)
    return Name(core, title, suffix)


def looks_like_person(s: str, lex: Lexicons) -> bool:
    """A line that is only a personal name, possibly with honorifics and post-nominals."""
    c = _BILINGUAL_POST.sub(" MS", _ACTING.sub("", (clean(s) or "").strip(" ,;:.")))
    if not c or any(ch.isdigit() for ch in c) or "@" in c or "/" in c:
        return False
    if lex.header_cue_lines.match(c) or lex.alt_text.search(c) or lex.salutation.match(c):
        return False
    tokens = _TOKEN.findall(c)
    if not 2 <= len(tokens) <= 7:
        return False
    if any(not (t[0].isupper()) for t in tokens if t.lower() not in _PARTICLES):
        return False
    parsed = parse(c)
    if parsed is None:
        return False
    if lex.org_re.search(parsed.name):
        return False
    # "Damian Green MP" is a person; a bare "Sarah Lane" could be a street
    # nameparser counts "Chief" as a title; only a personal honorific makes a name
    titled = parsed.postnominals is not None or (
        parsed.honorific is not None and not lex.role_re.search(parsed.honorific))
    if not titled and (lex.role_re.search(parsed.name) or lex.street_re.search(parsed.name)):
        return False
    core_tokens = parsed.name.split()
    if parsed.name.isupper() and not (parsed.honorific or parsed.postnominals):
        return False
    if len(core_tokens) == 1 or " of " in parsed.name:  # a peer: "Lord True", "Lord Evans of Weardale"
        # not a post nameparser takes for a title: "Director General", "Chief Executive of NHS England"
        return parsed.honorific is not None and not lex.role_re.search(parsed.honorific) and len(core_tokens) <= 4
    return 2 <= len(core_tokens) <= 4


def first_last_from_email(local: str) -> str | None:
    """``yvette.stanley`` gives "Yvette Stanley"; anything else gives None."""
    parts = [p for p in re.split(r"[._-]", local) if p]
    if len(parts) != 2 or not all(p.isalpha() and len(p) > 1 for p in parts):
        return None
    return " ".join(p[0].upper() + (p[1:] if any(ch.isupper() for ch in p[1:]) else p[1:].lower()) for p in parts)
