"""Property-based tests (hypothesis): every stage survives any text, keeps its
offsets inside the text and gives the same output for the same input.

Plain ``st.text()`` rarely reaches past the first ``if`` of a stage, so most
inputs are built from letter-like fragments (salutations, sign-offs, dates,
address lines, cc lines, recommendation lists, Q&A and minutes headings, page
furniture) interleaved with arbitrary text, odd unicode, control characters,
CR/CRLF line ends and very long lines.
"""
from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings as hsettings, strategies as st

from pipeline import names
from pipeline.extract import extract
from pipeline.layout import mask_noise, noise_lines
from pipeline.nlp import Analysis, analyse
from pipeline.records import DateMention, ErrorRow, Party, PartyRole
from pipeline.stages import addresses as addr_mod
from pipeline.stages import fold as fold_mod
from pipeline.stages import headings, speakers
from pipeline.stages import dates as dates_mod
from pipeline.stages import load
from pipeline.stages import paper_parties as paper_mod
from pipeline.stages import parties as parties_mod
from pipeline.stages import recommendations as rec_mod
from pipeline.stages import stance as stance_mod
from pipeline.stages.segment import Segment, segment

# PROP_EXAMPLES=500 for a longer hunt; 40 keeps the file well under a minute
PROPS = hsettings(max_examples=int(os.environ.get("PROP_EXAMPLES", "40")), deadline=None, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                         HealthCheck.data_too_large])

# ---------------------------------------------------------------- strategies

FRAGMENTS = [
    "Dear Minister,", "Dear Sir or Madam", "Dear Ms Patel,", "dear  colleague", "**Dear Chair**,",
    "Yours sincerely,", "Yours faithfully", "Kind regards,", "Best wishes", "Yours ever,",
    "4 February 2021", "Friday 15 January 2021", "26th November 2020", "February 4, 2021", "04/02/2021",
    "Date: 3 March 2022", "9  22 May 2024", "31/02/21", "29 February", "the 6th of June", "May 2",
    "Rt Hon Jane Smith MP", "Jane Smith", "Dr Sam Lee", "Professor Sir Ian Gray KC", "The Chief Executive",
    "Secretary of State for the Home Department", "Chief Inspector", "Minister for Children",
    "Home Office", "Department for Education", "Ofsted", "Shireford County Council", "Housing Ombudsman",
    "2 Marsham Street", "London SW1P 4DF", "London. SW1V 1PN", "Piccadilly Gate", "Manchester M1 2WD",
    "GIR 0AA", "ZZ9 9ZZ", "Our ref: ABC/123-45", "Your ref: XY12345", "By email: jane.smith@homeoffice.gov.uk",
    "CC: Sam Lee, Chief Officer, Ofsted: [sam.lee@ofsted.gov.uk](mailto:sam.lee@ofsted.gov.uk)",
    "cc: Jo Bloggs", "Copy to:", "[a.b@example.org](mailto:a.b@example.org)", "j.doe@dfe.gov.uk",
    "The report made ten recommendations:", "The recommendations are set out below.",
    "1. The SCA should publish guidance for every force within six months.",
    "2. The Home Office should review the funding.", "3) Local authorities must appoint a lead.",
    "10. We urge the Department to act.",
    "On recommendation 6, we accept this recommendation.", "Recommendation 4", "**Recommendation 4.7**",
    "Recommendation 5 for the Home Office - To commence the statutory duty without delay.",
    "Recommendations 3, 4 and 8 are accepted.", "recommendations 8-10", "R1 and R2", "the sixth recommendation",
    "recommendation one", "Matters of concern", "(1) The Trust should review staffing.",
    "We do not accept this recommendation.", "We will consider this as part of the review.",
    "Recommendation accepted", "Not accepted", "See the response to recommendation 2.",
    "Response: Reject", "Response", "Question", "Question 2", "Answer", "Minutes:", "Present:",
    "Apologies: Jane Smith", "Action: DfE to write.", "Agenda item 3", "Matters arising",
    "THIS REPORT IS BEING SENT TO:", "- The Chief Coroner", "Government response to the Committee report",
    "Page 3 of 9", "3", "- 4 -", "---", "***", "\f", "<sup>1</sup> footnote", "¹ A footnote.", "[^2]: note",
    "Contents .......... 4",
    "Thank you for your letter of 6 November.", "I would be grateful for a reply by 30 June.",
    "Re: The Inquiry into Child Sexual Abuse", "Subject: 'Working Together'",
    "The review 'Safer Streets for Everyone' found", "[Report title](https://example.org/report)",
    "<img alt='a handwritten signature appearing to read J Smith'>", "![signature](sig.png)",
    "Running header of the document here", "Running header of the document here",
    "Ms Jane Smith said the board should meet.", "Dame Rachel de Souza DBE",
    "Jacinta Kane, Head of Service at London Borough of Harrow",
    # the shapes of real published documents
    "# Letter from Lord True to Lord Evans about the Bill", "#  Government response to the Committee", "Annex 10",
    "Letter to the Parliamentary Commissioner from Dr Jo Reid MP", "Published 18 March 2022",
    "- Asked by: Jo Bloggs, MSP for Fife, Scottish Labour", "Answered by Sam Lee on 22 December 2022",
    "To ask the Scottish Government what assessment it has made.", "HC Deb 16 December 1953 vol 522 cc68-9W",
    "106. Mr. Ernest Smith", "asked the Minister of Transport if he will make a statement.", "Mr. Lennox-Jones",
    "The MINISTER of TRANSPORT (Mr. Jones)", "Lord Smith of Finsbury asked His Majesty's Government whether.",
    "2024-11-12", "L. Lee", "NHS England; The Chief Executive Officer of Shire Hospital NHS Trust",
    "Thank you for your Report to Prevent Future Deaths dated 12 November 2024.", "TO THE TRUST:",
    "Concern 1: staffing on the ward", "Response to Concern 2:", "I am writing to you in response to the Regulation 28 report.",
    "Q12 The Chair: Good morning.", "Emma Jones: I am the director of the charity.",
    "Members present: Lord Smith of Finsbury (The Chair); Baroness Jones.",
    "I: Emma Jones, Director, Shire Trust; Neil Brown, Monitor.", "Councillor Mrs Brown in the chair.",
    "The Chairman welcomed Jo Bloggs, Chief Executive, and Sam Lee, Chief Nurse, Shire Trust to the meeting.",
    "The Committee took evidence from—", "Cabinet Secretary for Justice, Humza Smith MSP",
    "Recommendation: The Government should publish guidance.", "Response:", "(Conclusion, Paragraph 6)",
    "(Recommendation, Paragraph 17)", "1.", "(i) what has been said (ii) by whom (iii) when. Please tell me.",
    "I note item (ii).", "Meeting: 22/06/2023 - Cabinet (Item 12)", "From: Kemi Smith MP – Minister of State",
    "To: Lord Evans of Weardale, KCB – Chair, Committee on Standards", "I am copying this letter to the Home Secretary.",
    "The government accepts this recommendation in principle.", "See recommendation 29.",
    "I am Jane Doe, Area Coroner for the area of Shire.", "First Special Report",
]

WEIRD = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f", "\x85", "\u2028",
         "\u2029", "\ufeff", "\u200b", "\u200d", "\xa0", "\u3000", "\t", "é", "ß", "İ", "ı", "ﬁ", "ẞ",
         "\U0001F600", "\u0301", "Ⅻ", "٣", "𝟓", "²", "¹", "ǅ", "ς", "Σ", "\ufffd", "‘", "’", "“", "”", "–",
         "—", "•", "·", "…", "[", "]", "(", ")", "*", "_", "<", ">", "@", ":", "/", "#"]

SEPARATORS = ["\n", "\n", "\n\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", " ", "", "\n \n", "\t\n"]

weird_piece = st.lists(st.sampled_from(WEIRD), min_size=1, max_size=6).map("".join)
long_line = st.one_of(
    st.builds(lambda w, n: (w + " ") * n, st.sampled_from(["word", "Recommendation", "4", "Dear", "the report"]),
              st.integers(100, 900)),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "-", ".", " ", "\t", "*", "1"]), st.integers(200, 3000)),
)
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.text(max_size=25),
    weird_piece,
    st.builds(lambda f, w: f + w, st.sampled_from(FRAGMENTS), weird_piece),
    st.builds(lambda f: f.upper(), st.sampled_from(FRAGMENTS)),
    long_line,
)


@st.composite
def letter_like(draw) -> str:
    parts = draw(st.lists(fragment, min_size=0, max_size=40))
    out = [draw(st.sampled_from(["", "", "\n", "\n\n", " "]))]
    for p in parts:
        out.append(draw(st.sampled_from(["", "", "", "  ", "\t"])) + p)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


texts = st.one_of(st.text(), letter_like(), letter_like(), letter_like())


# ---------------------------------------------------------------- helpers

def in_text(text: str, start, end, what="") -> None:
    assert isinstance(start, int) and isinstance(end, int), (what, start, end)
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))


def spanned(text: str, rec, what="") -> None:
    """A record's optional char_start/char_end lie inside ``text``."""
    if rec.char_start is None:
        assert rec.char_end is None
        return
    in_text(text, rec.char_start, rec.char_end, what or type(rec).__name__)


def check_date(text: str, d: DateMention) -> None:
    spanned(text, d, "date")
    assert text[d.char_start:d.char_end] == d.text, (d, text[d.char_start:d.char_end])


def check_segments(text: str, segs: list[Segment]) -> None:
    for k, s in enumerate(segs):
        assert s.index == k
        in_text(text, s.start, s.end, "segment")
        for ln in (s.salutation, s.signoff):
            if ln is not None:
                in_text(text, ln.start, ln.end, "segment line")
                assert s.start <= ln.start <= ln.end <= s.end, (s, ln)
                assert text[ln.start:ln.end] == ln.text
        assert s.start <= s.header_end <= s.end
        assert s.start <= s.body_start <= s.body_end <= s.end, s
    for a, b in zip(segs, segs[1:]):
        assert a.start < b.start, (a, b)
        assert a.end == b.start, (a, b)
    if segs:
        assert segs[-1].end == len(text)


def check_ref(text: str, r: rec_mod.Ref) -> None:
    in_text(text, r.start, r.end, "ref")
    in_text(text, r.block_start, r.block_end, "ref block")
    assert r.block_start <= r.start, r
    if r.quote is not None:
        in_text(text, *r.quote, "ref quote")


def segs_of(text: str, lex) -> list[Segment]:
    return segment(text, lex)


# ---------------------------------------------------------------- load.decode

def _encodings(t: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from([
        t.encode("utf-8"), t.encode("utf-8-sig"), t.encode("utf-16"), t.encode("utf-16-le"),
        t.encode("cp1252", errors="replace"), t.encode("latin-1", errors="replace"),
        b"\xef\xbb\xbf" + t.encode("utf-16-le"), b"\xfe\xff" + t.encode("utf-8"),
    ])


raw_bytes = st.one_of(
    st.binary(max_size=400),
    texts.flatmap(_encodings),
    st.builds(lambda a, b: a + b, texts.map(lambda t: t.encode("utf-8")), st.binary(max_size=30)),
    st.builds(lambda bom, b: bom + b, st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), st.binary(max_size=60)),
)


@PROPS
@given(raw=raw_bytes, source=st.one_of(st.just("x.txt"), st.text(min_size=1, max_size=20)))
def test_decode_any_bytes(settings, raw, source):
    out = load.decode(raw, source, settings)
    assert isinstance(out, (load.Loaded, ErrorRow))
    if isinstance(out, ErrorRow):
        assert source in out.message
        assert out.source_path == source and out.stage == "load"
    else:
        assert isinstance(out.text, str) and out.source_path == source
        assert out.text.strip()
        for w in out.warnings:
            assert isinstance(w, ErrorRow) and source in w.message
    assert load.decode(raw, source, settings) == out


# ---------------------------------------------------------------- layout

@PROPS
@given(text=texts)
def test_mask_noise_keeps_length_and_line_breaks(text):
    masked = mask_noise(text)
    assert len(masked) == len(text)
    assert [i for i, ch in enumerate(masked) if ch in "\r\n"] == [i for i, ch in enumerate(text) if ch in "\r\n"]
    assert all(m == t or m == " " for m, t in zip(masked, text))
    for a, b in noise_lines(text):
        in_text(text, a, b, "noise line")
    assert mask_noise(text) == masked
    assert noise_lines(text) == noise_lines(text)


# ---------------------------------------------------------------- segment

@PROPS
@given(text=texts)
def test_segment_in_order_contiguous_and_covering(lex, text):
    segs = segment(text, lex)
    check_segments(text, segs)
    assert segment(text, lex) == segs


@PROPS
@given(text=texts)
def test_segment_of_masked_text(lex, text):
    masked = mask_noise(text)
    segs = segment(masked, lex)
    check_segments(masked, segs)
    assert segment(masked, lex) == segs


# ---------------------------------------------------------------- dates

bases = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
def _check_dates(lex, settings, text, base):
    for seg in segs_of(text, lex):
        dl = dates_mod.find_dateline(text, seg, settings)
        if dl is not None:
            check_date(text, dl)
        assert dates_mod.find_dateline(text, seg, settings) == dl
        for b in (base, dl.value if dl else None):
            found = dates_mod.find_dates(text, seg, "L", b, settings)
            for d in found:
                check_date(text, d)
                assert d.letter_id == "L"
            assert dates_mod.find_dates(text, seg, "L", b, settings) == found


@PROPS
@example(text="29 FEB", base=dt.date(2002, 1, 1))  # found by hypothesis: no leap year within a year of 2002
@example(text="x 4\n---\nMay 2021", base=None)
@given(text=texts, base=bases)
def test_dates(lex, settings, text, base):
    _check_dates(lex, settings, text, base)


@pytest.mark.parametrize("text, base, expected", [
    ("29 FEB", dt.date(2002, 1, 1), dt.date(2000, 2, 29)),
    ("Thank you for your letter of 29 February.", dt.date(2002, 6, 1), dt.date(2000, 2, 29)),
    ("I would be grateful for a reply by 29 February.", dt.date(2002, 6, 1), dt.date(2004, 2, 29)),
])
def test_a_yearless_29_february_goes_to_the_nearest_leap_year(lex, settings, text, base, expected):
    seg = segment(text, lex)[0]
    assert [d.value for d in dates_mod.find_dates(text, seg, "L", base, settings)] == [expected]


@pytest.mark.parametrize("text", ["x 4\n---\nMay 2021", "met on 4\n\nPage 2 of 3\n\nMay 2021."])
def test_no_date_across_a_paragraph_or_masked_line(lex, settings, nlp, text):
    state = extract(load.decode(text.encode(), "x.txt", settings), nlp, lex, settings)
    assert [d.text for ls in state.letters for d in ls.dates] == []


# ---------------------------------------------------------------- addresses

@PROPS
@given(text=texts)
def test_addresses(lex, text):
    for seg in segs_of(text, lex):
        blocks = addr_mod.find_blocks(text, seg, lex)
        for ab in blocks:
            for ln in ab.block.lines + ab.lead + ab.address:
                in_text(text, ln.start, ln.end, "address line")
                assert text[ln.start:ln.end] == ln.text
            assert ab.address
        assert addr_mod.find_blocks(text, seg, lex) == blocks
        found = addr_mod.addresses(text, seg, "L", lex)
        for a in found:
            spanned(text, a, "address")
        assert [a.model_dump() for a in addr_mod.addresses(text, seg, "L", lex)] == [a.model_dump() for a in found]


# ---------------------------------------------------------------- parties

def _all_parties(text, seg, lex, settings, persons) -> list[Party]:
    rules = parties_mod.load_rules(settings.models_dir, lex.role_words)
    blocks = addr_mod.find_blocks(text, seg, lex)
    out: list[Party] = []
    snd = parties_mod.sender(text, seg, "L", lex, blocks, text, rules)
    if snd is not None:
        out.append(snd)
    out += parties_mod.recipients(text, seg, "L", lex, blocks)
    out += parties_mod.cc(text, seg, "L", lex, text)
    out += parties_mod.mentioned_emails(text, seg, "L", set(), lex)
    out += paper_mod.participants(text, seg, "L", lex, rules, persons)
    out += paper_mod.addressee_list(text, seg, "L", lex)
    out += paper_mod.paper_parties(text, seg, "L", lex)
    out += paper_mod.report_parties(text, seg, "L", lex)
    snd = paper_mod.response_sender(text, seg, "L", [p for p in out if p.role.value == "recipient"], lex)
    out += [snd] if snd is not None else []
    out += paper_mod.response_recipients(text, seg, "L")
    intro = paper_mod.self_introduced(text, seg, "L")
    out += [intro] if intro is not None else []
    for speaker, people in (speakers.qa_parties(text, seg, "L", lex),
                            speakers.minutes_parties(text, seg, "L", lex, rules.speech_verbs)):
        out += ([speaker] if speaker is not None else []) + people
    named = [*headings.from_to_lines(text, seg.start, seg.end, lex), *headings.copied_to(text, seg.start, seg.end, lex)]
    if seg.title is not None:
        named += list(headings.title_parties(seg.title.text, lex))
    if seg.salutation is not None:
        named.append(headings.salutation_party(seg.salutation.text, lex))
    out += [p for n in named for p in [fold_mod.from_named("L", PartyRole.cc, n)] if p is not None]
    return fold_mod.fold(out, [])


@PROPS
@given(text=texts)
def test_parties(lex, settings, nlp, text):
    segs = segs_of(text, lex)
    ana = analyse(nlp, text, [], settings, [(s.start, s.end) for s in segs])
    for seg in segs:
        persons = [(a, b) for a, b in ana.persons if seg.start <= a < seg.end]
        found = _all_parties(text, seg, lex, settings, persons)
        for p in found:
            spanned(text, p, f"party {p.role}")
            assert p.letter_id == "L"
        again = _all_parties(text, seg, lex, settings, persons)
        assert [p.model_dump() for p in again] == [p.model_dump() for p in found]


@PROPS
@given(title=texts, orgs=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple), max_size=3))
def test_publisher(title, orgs):
    """publisher() gets the first line of a Q&A and the ORG spans inside it."""
    start = 7
    orgs = [(start + a, start + b) for a, b in orgs if b <= len(title)]
    text = "x" * start + title
    got = paper_mod.publisher(title, start, orgs)
    if got is not None:
        name, a, b = got
        in_text(text, a, b, "publisher")
        assert name
    assert paper_mod.publisher(title, start, orgs) == got


# ---------------------------------------------------------------- recommendations

@PROPS
@given(text=texts)
def test_recommendations(lex, settings, text):
    rules = rec_mod.load_rules(settings.models_dir)
    for seg in segs_of(text, lex):
        refs = rec_mod.find_refs(text, seg, rules)
        for r in refs:
            check_ref(text, r)
            assert r.number >= 0
        assert rec_mod.find_refs(text, seg, rules) == refs
        subj = rec_mod.subject(text, seg, rules)
        title = rec_mod.report_title(text, seg, rules)
        assert subj is None or isinstance(subj, str)
        assert title is None or isinstance(title, str)
        assert rec_mod.subject(text, seg, rules) == subj
        assert rec_mod.report_title(text, seg, rules) == title


# ---------------------------------------------------------------- stance

@PROPS
@given(text=texts, extra=st.lists(st.integers(1, 30), max_size=3))
def test_stance(lex, settings, nlp, text, extra):
    rules = rec_mod.load_rules(settings.models_dir)
    from pipeline.text import split_lines, to_blocks
    for seg in segs_of(text, lex):
        refs = rec_mod.find_refs(text, seg, rules)
        spans = sorted({(r.block_start, r.block_end) for r in refs}
                       | {(b.start, b.end) for b in to_blocks(split_lines(text, seg.body_start, seg.body_end))})
        sentences = sorted(set(analyse(nlp, text, spans, settings).sentences))
        found = stance_mod.passages(text, seg, refs, sentences, lex)
        for lab, ss in found.items():
            for a, b in ss:
                in_text(text, a, b, f"passage {lab}")
        for lab, ss in found.items():
            v = stance_mod.classify(text, ss, sentences, lex, None)
            if v.evidence is not None:
                in_text(text, *v.evidence, "verdict evidence")
            assert 0.0 <= v.confidence <= 1.0
        raised = [(str(n), n) for n in extra]
        labels = {lab for lab, _ in raised} | {r.label for r in refs}
        rec_ids = {lab: f"rec-{lab}" for lab in labels}
        rec_texts = {r.label: r.text for r in refs}
        out = stance_mod.stances(text, seg, "L", None, refs, raised, rec_ids, sentences, lex, rec_texts)
        for s in out:
            if s.evidence is None:
                assert s.evidence_char_start is None and s.evidence_char_end is None
            else:
                in_text(text, s.evidence_char_start, s.evidence_char_end, "stance evidence")
                assert text[s.evidence_char_start:s.evidence_char_end] == s.evidence
        again = stance_mod.stances(text, seg, "L", None, refs, raised, rec_ids, sentences, lex, rec_texts)
        assert [s.model_dump() for s in again] == [s.model_dump() for s in out]


# ---------------------------------------------------------------- nlp.analyse

@st.composite
def text_and_spans(draw):
    text = draw(texts)
    n = len(text)
    span = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda p: (min(p), max(p)))
    return text, draw(st.lists(span, max_size=4)), draw(st.lists(span, max_size=2))


@PROPS
@given(data=text_and_spans())
def test_analyse(nlp, settings, data):
    text, spans, entity_spans = data
    ana = analyse(nlp, text, spans, settings, entity_spans)
    assert isinstance(ana, Analysis)
    wanted = spans + entity_spans
    for what, found in (("sentence", ana.sentences), ("person", ana.persons), ("org", ana.orgs)):
        for a, b in found:
            in_text(text, a, b, what)
            assert any(s <= a <= b <= e for s, e in wanted), (what, a, b, wanted)
    for a, b in ana.persons + ana.orgs:
        assert any(s <= a <= b <= e for s, e in entity_spans), (a, b, entity_spans)
    assert analyse(nlp, text, spans, settings, entity_spans) == ana


# ---------------------------------------------------------------- names

@PROPS
@given(s=st.one_of(st.text(max_size=60), st.sampled_from(FRAGMENTS), letter_like().map(lambda t: t[:200])))
def test_names(lex, s):
    p = names.parse(s)
    if p is not None:
        assert p.name and p.name == p.name.strip()
    assert names.parse(s) == p
    lp = names.looks_like_person(s, lex)
    assert isinstance(lp, bool)
    assert names.looks_like_person(s, lex) == lp
    local = s.split("@")[0]
    assert names.first_last_from_email(local) == names.first_last_from_email(local)


# ---------------------------------------------------------------- whole file

def _dump(state) -> list:
    return [(ls.letter.model_dump(), [p.model_dump() for p in ls.parties], [a.model_dump() for a in ls.addresses],
             [d.model_dump() for d in ls.dates], ls.refs) for ls in state.letters]


@PROPS
@given(text=texts)
def test_extract(nlp, lex, settings, text):
    loaded = load.decode(text.encode("utf-8"), "x.txt", settings)
    if isinstance(loaded, ErrorRow):
        assert "x.txt" in loaded.message
        assume(False)
    original = loaded.text
    state = extract(loaded, nlp, lex, settings)
    assert state.original == original
    assert len(state.text) == len(original)
    assert state.document.n_segments == len(state.letters)
    check_segments(state.text, [ls.seg for ls in state.letters])
    for ls in state.letters:
        le = ls.letter
        in_text(original, le.char_start, le.char_end, "letter")
        assert le.text == original[le.char_start:le.char_end]
        for p in ls.parties:
            spanned(original, p, f"party {p.role}")
        for a in ls.addresses:
            spanned(original, a, "address")
        for d in ls.dates:
            # offsets are into the source file: the row can be checked against it
            check_date(original, d)
        for r in ls.refs:
            check_ref(original, r)
    for a, b in state.sentences:
        in_text(original, a, b, "sentence")
    assert _dump(extract(loaded, nlp, lex, settings)) == _dump(state)


@pytest.mark.parametrize("raw", [b"\xc2\xa0", b"\xc2\x85", "\u3000\n".encode(), b"\xe2\x80\xa8"])
def test_decode_unicode_whitespace_only_is_e004(settings, raw):
    out = load.decode(raw, "x.txt", settings)
    assert isinstance(out, ErrorRow) and out.error == "E004"


def test_list_item_ref_offsets_point_at_the_item(lex, settings):
    """A number split by markup ("1*.*2.") still gets an offset inside its own item."""
    text = "The report made ten recommendations:\n\n1*.*2. The SCA should publish guidance for every force.\n"
    rules = rec_mod.load_rules(settings.models_dir)
    (seg,) = segment(text, lex)
    for r in rec_mod.find_refs(text, seg, rules):
        assert r.block_start <= r.start < r.end <= r.block_end
