"""Per-file extraction: one decoded file to its records, before corpus linking.

Pure given its inputs (text, model, lexicons, settings). What needs the whole
corpus (which letter a reply answers, the recommendation register, stances)
waits for ``link``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from pipeline import nlp as nlp_mod
from pipeline.config import Settings
from pipeline.layout import (accept_changes, mask_noise, unbox_grid_tables, unchecked_options, undouble_bold,
                             undouble_spacing, unescape_entities, unescape_markdown, unescape_numbers, unglyph_bullets,
                             unglyph_ligatures, unmark_anchors, unmark_converted_pages, unmark_watermark,
                             unnumber_margin, unpipe_quotes, unrepeat_merged_cells, unrotate_headings,
                             unseparate_lines, unsoften, unspace_headings, unstack_fields, untab_csv, untag_html_tables)
from pipeline.lexicon import Lexicons
from pipeline.readers import blank, page_at
from pipeline.records import Address, DateKind, DateMention, Document, Kind, Letter, Party, PartyRole
from pipeline.stages import addresses as addr_mod
from pipeline.stages import answers as answers_mod
from pipeline.stages import fold as fold_mod
from pipeline.stages import headings, speakers
from pipeline.stages import dates as dates_mod
from pipeline.stages import paper_parties as paper_mod
from pipeline.stages import parties as parties_mod
from pipeline.stages import recommendations as rec_mod
from pipeline.stages.answers import body_range
from pipeline.stages.load import Loaded
from pipeline.stages.segment import Segment, segment
from pipeline.stages.shapes import Form
from pipeline.text import split_lines, to_blocks


@dataclass
class LetterState:
    seg: Segment
    letter: Letter
    parties: list[Party]
    addresses: list[Address]
    dates: list[DateMention]
    refs: list[rec_mod.Ref]


@dataclass
class DocState:
    document: Document
    text: str  # the file with page furniture masked (same offsets); stages read this
    original: str
    letters: list[LetterState] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


def _nlp_spans(text: str, seg: Segment, refs: list[rec_mod.Ref]) -> list[tuple[int, int]]:
    """Paragraphs whose sentences the later stages need: mentions, and a reply's answering
    text as the stance stage reads it (``answers.body_range``: a response paper goes on
    after its covering letter's sign-off, and its answers need real sentences, not the
    full-stop fallback that cuts "8.14" and web addresses apart)."""
    spans = {(r.block_start, r.block_end) for r in refs}
    if seg.kind is Kind.reply:
        lo, hi = body_range(text, seg)
        spans |= {(b.start, b.end) for b in to_blocks(split_lines(text, lo, hi))}
    return sorted(spans)


def _references(text: str, seg: Segment, lex: Lexicons) -> list[str]:
    return list(dict.fromkeys(m.group("code") for m in lex.reference.finditer(text, seg.start, seg.end)))


def _trail_refs(text: str, seg: Segment, refs: list[rec_mod.Ref], rules: rec_mod.RecRules,
                lex: Lexicons) -> list[rec_mod.Ref]:
    """The recommendations the first message of a quoted trail sets out, where the segment is that trail (an
    e-mail thread saved newest first: under the answer's signature, "On 26/06/2025, Carys wrote:" over the
    holding reply, and under it, quoted twice, the inspector's "the recommendations are: 1. ..."). They are
    read as the letter's they are, which a reply's own numbered paragraphs are not."""
    if seg.kind is not Kind.reply or any(r.stated for r in refs) or not answers_mod.opens_trail(text, seg):
        return []
    first = list(answers_mod.QUOTED_MAIL.finditer(text, seg.start, seg.end))[-1]  # (its foot: the first message sent)
    quoted = Segment(seg.index, Kind.letter, first.start(), seg.end)
    have = {r.label for r in refs}
    return [r for r in rec_mod.find_refs(text, quoted, rules, lex.addressee_heading)
            if r.stated and r.label not in have]


def extract(loaded: Loaded, nlp: Language, lex: Lexicons, settings: Settings) -> DocState:
    # (a page's watermark blanked, a draft's changes accepted, its words without invisible marks, its line
    # separators breaks, a copy's double spacing taken out of its paragraphs, the quote a mail program sets
    # off with "|" a quote, a table's rotated headings blanked)
    shown = unrotate_headings(unpipe_quotes(unsoften(accept_changes(undouble_spacing(unseparate_lines(
        unmark_watermark(loaded.text, lex.watermarks)))))))
    unescaped = unescape_markdown(unescape_entities(undouble_bold(shown)))
    read = unspace_headings(unescape_numbers(unglyph_bullets(unglyph_ligatures(unescaped))), lex.heading_words)
    tables = unchecked_options(unrepeat_merged_cells(untab_csv(unstack_fields(unbox_grid_tables(untag_html_tables(
        read))))))
    marked = unmark_anchors(unmark_converted_pages(tables))
    text = blank(mask_noise(unnumber_margin(marked), lex.boilerplate), [h.line for h in loaded.head])
    doc_id = loaded.document_id
    segs = segment(text, lex)
    state = DocState(Document(document_id=doc_id, source_path=loaded.source_path, sha256=loaded.sha256,
                              format=loaded.format, pages=len(loaded.page_starts) or None,
                              page_starts=list(loaded.page_starts), n_chars=len(text), n_segments=len(segs),
                              attached_to=loaded.attached_to, text=loaded.text), text, loaded.text)
    rec_rules = rec_mod.load_rules(settings.models_dir)
    party_rules = parties_mod.load_rules(settings.models_dir, lex.role_words)
    pending: list[tuple[Segment, str, list[rec_mod.Ref]]] = []
    spans: list[tuple[int, int]] = []
    entity_spans: list[tuple[int, int]] = []  # people and bodies in Q&A and minutes, the publisher of a Q&A
    by_paragraph: set[str] = set()  # the labels of a letter above that numbers its recommendations by paragraph
    for seg in segs:
        refs = rec_mod.find_refs(text, seg, rec_rules, lex.addressee_heading)
        refs += _trail_refs(text, seg, refs, rec_rules, lex)
        if seg.kind is Kind.letter:
            by_paragraph |= {r.label for r in refs if r.stated and rec_mod.DECIMAL_LABEL.fullmatch(r.label)}
        elif seg.kind is Kind.reply and by_paragraph:
            have = {(r.label, r.start) for r in refs}
            refs += [r for r in rec_mod.cited_paragraphs(text, to_blocks(split_lines(text, seg.start, seg.end)),
                                                         by_paragraph, rec_rules) if (r.label, r.start) not in have]
        pending.append((seg, f"{doc_id}-{seg.index:03d}", refs))
        spans.extend(_nlp_spans(text, seg, refs))
        if seg.kind in (Kind.qa, Kind.minutes):
            entity_spans.extend((b.start, b.end) for b in to_blocks(split_lines(text, seg.start, seg.end)))
    analysis = nlp_mod.analyse(nlp, text, spans, settings, entity_spans)
    state.sentences = sorted(set(analysis.sentences))
    report_to: list[Party] = []  # the addressees of a coroner's report, whom the replies after it speak for
    datelines = [dates_mod.find_dateline(text, seg, settings) for seg, _, _ in pending]
    for k, (seg, letter_id, refs) in enumerate(pending):
        blocks = addr_mod.find_blocks(text, seg, lex)
        dl = datelines[k]
        base = dl.value if dl else None
        # a year-less date in an undated letter takes its year from the nearest dated one in the file
        near = sorted((abs(j - k), d.value) for j, d in enumerate(datelines) if d is not None and j != k)
        dates = dates_mod.find_dates(text, seg, letter_id, base or (near[0][1] if near else None), settings)
        reply_to = next((d.value for d in dates if d.kind is DateKind.reply_to), None)
        parties = _parties(text, seg, letter_id, lex, blocks, party_rules, analysis, report_to)
        if seg.form is Form.report:
            report_to = [p for p in parties if p.role is PartyRole.recipient]
        parties = _attach_header_emails(text, seg, parties, lex)
        known = {p.email for p in parties if p.email}
        parties += parties_mod.mentioned_emails(text, seg, letter_id, known, lex)
        subject = rec_mod.subject(text, seg, rec_rules)
        title = rec_mod.report_title(text, seg, rec_rules) if refs or seg.kind is Kind.reply else None
        letter = Letter(
            letter_id=letter_id, document_id=doc_id, source_path=loaded.source_path, index=seg.index,
            kind=seg.kind, char_start=seg.start, char_end=seg.end, page=page_at(loaded.page_starts, seg.start),
            date=base, reply_to_date=reply_to,
            report_title=title, references=_references(text, seg, lex), subject=subject,
            text=loaded.text[seg.start:seg.end],
        )
        state.letters.append(LetterState(seg, letter, parties, addr_mod.addresses(text, seg, letter_id, lex, blocks), dates, refs))
    return state


def _parties(text: str, seg: Segment, letter_id: str, lex: Lexicons, blocks: list[addr_mod.AddressBlock],
             rules: parties_mod.PartyRules, analysis: nlp_mod.Analysis, report_to: list[Party]) -> list[Party]:
    """Sender, recipients, cc and participants, read where this form of document puts them."""
    parties: list[Party] = []
    snd: Party | None = None
    if seg.form is Form.report:
        return paper_mod.report_parties(text, seg, letter_id, lex)
    if seg.form is Form.response:
        snd = paper_mod.response_sender(text, seg, letter_id, report_to, lex)
        parties = ([snd] if snd else []) + paper_mod.response_recipients(text, seg, letter_id)
    elif seg.salutation is None and seg.kind is Kind.reply:
        parties += [p for p in paper_mod.paper_parties(text, seg, letter_id, lex) if p.name or p.position or p.organisation]
        # (a response form filled in: its fields name the body and the person who respond)
        parties = fold_mod.fold(parties, [paper_mod.form_responder(text, seg, letter_id, lex)])
    else:
        snd = parties_mod.sender(text, seg, letter_id, lex, blocks, text, rules)
        if snd is not None:
            parties.append(snd)
        parties += parties_mod.recipients(text, seg, letter_id, lex, blocks)
        if seg.salutation is None:
            parties += paper_mod.addressee_list(text, seg, letter_id, lex)
            intro = paper_mod.self_introduced(text, seg, letter_id)
            if intro is not None:  # stated by the writer: better than a guess from the last lines
                parties = [intro] + [p for p in parties if p.role is not PartyRole.sender]
                snd = intro
    head_end = seg.salutation.start if seg.salutation else min(seg.end, seg.start + 3000)
    frm, to = headings.from_to_lines(text, seg.start, head_end, lex)
    extra = [fold_mod.from_named(letter_id, PartyRole.sender, frm),
             fold_mod.from_named(letter_id, PartyRole.recipient, to)]
    if seg.title is not None:
        t_from, t_to = headings.title_parties(seg.title.text, lex)
        extra += [fold_mod.from_named(letter_id, PartyRole.sender, t_from),
                  fold_mod.from_named(letter_id, PartyRole.recipient, t_to)]
    parties = fold_mod.fold(parties, extra)
    if seg.salutation is not None:
        dear = fold_mod.from_named(letter_id, PartyRole.recipient, headings.salutation_party(seg.salutation.text, lex))
        parties = fold_mod.fold(parties, [dear], fallback=True)
    parties += parties_mod.cc(text, seg, letter_id, lex, text)
    copied = [fold_mod.from_named(letter_id, PartyRole.cc, n)
              for n in headings.copied_to(text, seg.body_start, seg.end, lex)]
    parties = fold_mod.fold(parties, copied)
    if seg.kind in (Kind.qa, Kind.minutes):
        if seg.kind is Kind.qa:
            speaker, people = speakers.qa_parties(text, seg, letter_id, lex)
        else:
            speaker, people = speakers.minutes_parties(text, seg, letter_id, lex, rules.speech_verbs)
        if speaker is not None and snd is None:
            snd = speaker
            parties.insert(0, speaker)
        persons = [(a, b) for a, b in analysis.persons if seg.start <= a < seg.end]
        listed = paper_mod.participants(text, seg, letter_id, lex, rules, persons)
        parties += people + [p for p in listed if not any(q.name and p.name and fold_mod.same_person(q.name, p.name)
                                                          for q in people)]
        if seg.kind is Kind.qa and snd is None:
            first = split_lines(text, seg.start, seg.end)[0]
            orgs = [(a, b) for a, b in analysis.orgs if first.start <= a < first.end]
            pub = paper_mod.publisher(first.text, first.start, orgs)
            if pub:
                parties.insert(0, Party(letter_id=letter_id, role=PartyRole.sender, organisation=pub[0],
                                        char_start=pub[1], char_end=pub[2]))
    # a row must name someone
    return [p for p in parties if p.name or p.position or p.organisation]


def _attach_header_emails(text: str, seg: Segment, parties: list[Party], lex: Lexicons) -> list[Party]:
    """"By email: x@y" in the letter head is the recipient's address."""
    if seg.salutation is None:
        return parties
    head = text[seg.start:seg.header_end]
    found = [m.group(0).lower() for m in parties_mod.EMAIL.finditer(head)
             if not lex.cc_line.match(head[head.rfind("\n", 0, m.start()) + 1: m.start()].strip() or "x")]
    taken = {p.email for p in parties if p.email}
    out = list(parties)
    for i, p in enumerate(out):
        if p.role is PartyRole.recipient and p.email is None:
            email = next((e for e in found if e not in taken), None)
            if email:
                out[i] = p.model_copy(update={"email": email})
                taken.add(email)
            break
    return out
