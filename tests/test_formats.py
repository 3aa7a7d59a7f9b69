"""The same letter gives the same rows whatever format it came in.

Each seed in corpus/ is rendered at test time as a PDF, two kinds of Word file, a saved web
page, Markdown and three kinds of e-mail (tests/render.py), and the pipeline runs once over
all of them beside the .txt seeds. Every rendering must give the seed's letters (kind and
date), senders and stances; every row's offsets must index the document's kept text; PDF
rows name their page. A scanned PDF of one seed is read by OCR where Tesseract is installed,
and named in a warning row where it is not.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.readers import ocr
from pipeline.run import run_corpus
from tests import render
from tests.conftest import CORPUS

SEEDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
# a saved page of a letter and its reply carries a title of its own; Q&A and minutes pages are titled
# by their first line
TITLES = {"000": "The Modern Slavery Act 2015 statutory defence: letter to ADCS and reply",
          "001": "The Modern Slavery Act 2015 statutory defence: letter to the Home Secretary and reply",
          "002": "Child Trafficking in the UK in 2021: letter to the Home Secretary and reply"}
WHEN = dt.datetime(2021, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
MAIL = dict(sender="IASC Office <office@iasc.example.org>", to="Correspondence Unit <correspondence@example.gov.uk>",
            date=WHEN, subject="Correspondence on modern slavery")
FORMATS = ["pdf", "docx", "docx_spaced", "html", "md", "eml", "eml_html", "eml_pdf", "eml_docx"]
SCANNED = "002_880e136a12dd28ec"


def _web_page(text: str, stem: str) -> str:
    if stem[:3] in TITLES:
        return render.to_html(text, TITLES[stem[:3]])
    first, rest = text.lstrip().split("\n", 1)
    return render.to_html(rest, first.strip())


def _write_renderings(folder: Path, stem: str, text: str) -> None:
    pdf, docx = render.to_pdf(text), render.to_docx(text)
    files = {
        f"pdf/{stem}.pdf": pdf,
        f"docx/{stem}.docx": docx,
        f"docx_spaced/{stem}.docx": render.to_docx(text, spaced=True),
        f"html/{stem}.html": _web_page(text, stem).encode(),
        f"md/{stem}.md": text.encode(),
        f"eml/{stem}.eml": render.to_eml(text, **MAIL),
        f"eml_html/{stem}.eml": render.to_eml(None, html=f"<html><body>{render.body_html(text)}</body></html>", **MAIL),
        f"eml_pdf/{stem}.eml": render.to_eml("Please find the letters attached.\n\nIASC Office\n", **MAIL,
                                             attachments=((f"{stem}.pdf", pdf, "application/pdf"),
                                                          ("logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))),
        f"eml_docx/{stem}.eml": render.to_eml(None, html="<p>Letters attached.</p>", **MAIL, attachments=(
            (f"{stem}.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),)),
    }
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, settings, nlp):
    folder = tmp_path_factory.mktemp("formats")
    (folder / "txt").mkdir()
    for stem in SEEDS:
        text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
        shutil.copy(CORPUS / f"{stem}.txt", folder / "txt" / f"{stem}.txt")
        _write_renderings(folder, stem, text)
    result = run_corpus(folder, settings, nlp)
    return {name: t.to_pylist() for name, t in result.tables.items()}


def _by_source(tables: dict) -> dict[str, list[tuple]]:
    """Per file (an attachment by its own path): each letter's kind, date, senders and stances."""
    out: dict[str, list[tuple]] = {}
    for le in sorted(tables["letters"], key=lambda r: (r["source_path"], r["index"])):
        senders = sorted((p["name"], p["organisation"], p["position"]) for p in tables["parties"]
                         if p["letter_id"] == le["letter_id"] and p["role"] == "sender")
        stances = sorted((s["label"], s["stance"]) for s in tables["stances"] if s["letter_id"] == le["letter_id"])
        out.setdefault(le["source_path"], []).append((le["index"], le["kind"], le["date"], senders, stances))
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", SEEDS)
def test_every_format_gives_the_seed_letters_senders_and_stances(rendered, fmt, stem):
    rows = _by_source(rendered)
    want = rows[f"txt/{stem}.txt"]
    path = {"pdf": f"{stem}.pdf", "docx": f"{stem}.docx", "docx_spaced": f"{stem}.docx", "html": f"{stem}.html",
            "md": f"{stem}.md", "eml_pdf": f"{stem}.eml#{stem}.pdf", "eml_docx": f"{stem}.eml#{stem}.docx"}
    got = rows.get(f"{fmt}/{path.get(fmt, f'{stem}.eml')}")
    assert got == want


WRAPPED_TITLE = pytest.mark.xfail(reason="a report title wrapped over two PDF lines ('... in 2021: A' / 'Snapshot') "
                                          "is cut at the wrap: the recommendations stage reads a title from one line")


@pytest.mark.parametrize("fmt, stem", [
    pytest.param(f, s, marks=WRAPPED_TITLE) if f in ("pdf", "eml_pdf") and s.startswith("002") else (f, s)
    for f in FORMATS for s in SEEDS])
def test_every_format_gives_the_seed_report_titles_and_subjects(rendered, fmt, stem):
    """Bold lines are marked as web text marks them, so subject lines and report titles are found alike."""
    def titles(source_prefix: str) -> list[tuple]:
        return [(le["index"], le["report_title"], le["subject"]) for le in
                sorted(rendered["letters"], key=lambda r: (r["source_path"], r["index"]))
                if le["source_path"].startswith(source_prefix) and "#" not in le["source_path"][len(source_prefix):]]

    prefix = {"eml_pdf": f"eml_pdf/{stem}.eml#", "eml_docx": f"eml_docx/{stem}.eml#"}.get(fmt, f"{fmt}/{stem}.")
    assert titles(prefix) == titles(f"txt/{stem}.")


def test_no_rendering_gives_an_error(rendered):
    errors = [e for e in rendered["errors"] if e["error"].startswith("E")]
    assert errors == []


def test_unread_attachments_are_named_in_one_warning(rendered):
    warned = [e for e in rendered["errors"] if e["error"] == "W005"]
    assert sorted(e["source_path"] for e in warned) == sorted(f"eml_pdf/{s}.eml" for s in SEEDS)
    assert all("logo.png" in e["message"] for e in warned)


def test_an_email_and_its_attachment_are_linked_documents(rendered):
    docs = {d["source_path"]: d for d in rendered["documents"]}
    for stem in SEEDS:
        mail, att = docs[f"eml_pdf/{stem}.eml"], docs[f"eml_pdf/{stem}.eml#{stem}.pdf"]
        assert (mail["format"], att["format"]) == ("eml", "pdf")
        assert att["attached_to"] == mail["document_id"] and mail["attached_to"] is None


def test_an_email_message_takes_its_sender_and_date_from_its_headers(rendered):
    """The covering note names nobody and has no date: From and Date fill them, pointing at the header line."""
    docs = {d["document_id"]: d for d in rendered["documents"]}
    note = next(le for le in rendered["letters"] if le["source_path"] == f"eml_pdf/{SEEDS[0]}.eml")
    assert note["date"] == dt.date(2021, 3, 1)
    sender = next(p for p in rendered["parties"] if p["letter_id"] == note["letter_id"] and p["role"] == "sender")
    assert (sender["organisation"], sender["email"]) == ("IASC Office", "office@iasc.example.org")
    text = docs[note["document_id"]]["text"]
    assert text[sender["char_start"]:sender["char_end"]] == "IASC Office <office@iasc.example.org>"
    recipient = next(p for p in rendered["parties"] if p["letter_id"] == note["letter_id"] and p["role"] == "recipient")
    assert recipient["email"] == "correspondence@example.gov.uk"


def test_documents_keep_their_text_format_and_pages(rendered):
    for d in rendered["documents"]:
        fmt = d["source_path"].split("#")[-1].rsplit(".", 1)[-1]
        assert d["format"] == {"htm": "html"}.get(fmt, fmt)
        assert d["n_chars"] == len(d["text"]) > 0
        if d["format"] == "pdf":
            assert d["pages"] == len(d["page_starts"]) >= 1 and d["page_starts"][0] == 0
        else:
            assert d["pages"] is None and d["page_starts"] == []


def test_offsets_index_the_kept_text_in_every_format(rendered):
    texts = {d["document_id"]: d["text"] for d in rendered["documents"]}
    letters = {le["letter_id"]: le for le in rendered["letters"]}
    for le in rendered["letters"]:
        assert texts[le["document_id"]][le["char_start"]:le["char_end"]] == le["text"]
    for row in rendered["dates"]:
        text = texts[letters[row["letter_id"]]["document_id"]]
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    for row in rendered["stances"]:
        if row["evidence"] is not None:
            text = texts[letters[row["letter_id"]]["document_id"]]
            assert text[row["evidence_char_start"]:row["evidence_char_end"]] == row["evidence"]
    for row in rendered["parties"]:
        if row["char_start"] is not None:
            assert texts[letters[row["letter_id"]]["document_id"]][row["char_start"]:row["char_end"]].strip()


def test_pdf_rows_name_the_page_they_start_on(rendered):
    docs = {d["document_id"]: d for d in rendered["documents"]}
    letters = {le["letter_id"]: le for le in rendered["letters"]}
    for le in rendered["letters"]:
        doc = docs[le["document_id"]]
        if doc["format"] != "pdf":
            assert le["page"] is None
            continue
        starts = doc["page_starts"]
        assert 1 <= le["page"] <= doc["pages"]
        assert starts[le["page"] - 1] <= le["char_start"]
        assert le["page"] == doc["pages"] or le["char_start"] < starts[le["page"]]
    reply = next(le for le in rendered["letters"] if le["source_path"] == f"pdf/{SEEDS[1]}.pdf" and le["index"] == 1)
    assert reply["page"] >= 2  # the reply starts after the letter's pages
    for s in rendered["stances"]:
        doc = docs[letters[s["letter_id"]]["document_id"]]
        if doc["format"] == "pdf" and s["evidence_char_start"] is not None:
            assert doc["page_starts"][s["page"] - 1] <= s["evidence_char_start"]
            assert s["page"] >= letters[s["letter_id"]]["page"]
        else:
            assert s["page"] is None


# ---- scanned PDFs

@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scanned")
    text = (CORPUS / f"{SCANNED}.txt").read_text(encoding="utf-8")
    (folder / f"{SCANNED}.pdf").write_bytes(render.to_scanned_pdf(render.to_pdf(text)))
    shutil.copy(CORPUS / f"{SCANNED}.txt", folder / f"{SCANNED}.txt")
    return folder


def test_a_scan_without_tesseract_gets_a_warning_row_naming_the_file(scanned, settings, nlp):
    result = run_corpus(scanned, settings.model_copy(update={"tesseract_cmd": "tesseract-is-not-installed-here"}), nlp)
    errors = result.tables["errors"].to_pylist()
    assert [(e["source_path"], e["error"]) for e in errors] == [(f"{SCANNED}.pdf", "W003")]
    assert f"{SCANNED}.pdf" in errors[0]["message"] and "tesseract-ocr" in errors[0]["message"]
    assert result.failed_files == 0
    assert {le["source_path"] for le in result.tables["letters"].to_pylist()} == {f"{SCANNED}.txt"}


@pytest.mark.skipif(not ocr.available(Settings()),
                    reason="the tesseract program (Debian: tesseract-ocr) is not installed, so scanned pages "
                           "cannot be read here; the warning-row test above covers that case")
def test_a_scanned_pdf_gives_the_same_letters_and_all_but_one_stance(scanned, settings, nlp):
    result = run_corpus(scanned, settings, nlp)
    tables = {name: t.to_pylist() for name, t in result.tables.items()}
    assert [e for e in tables["errors"] if e["source_path"].endswith(".pdf")] == []
    rows = _by_source(tables)
    want, got = rows[f"{SCANNED}.txt"], rows[f"{SCANNED}.pdf"]
    assert [(r[0], r[1], r[2]) for r in got] == [(r[0], r[1], r[2]) for r in want]
    want_stances = [s for r in want for s in r[4]]
    got_stances = {s for r in got for s in r[4]}
    assert sum(1 for s in want_stances if s not in got_stances) <= 1
