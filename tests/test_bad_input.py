"""Bad input never stops a batch: each bad file is one clear errors row, good files are kept."""
from __future__ import annotations

import io
import shutil

import pytest

from pipeline.run import run_corpus
from tests import render
from tests.conftest import CORPUS

GOOD = "001_d64e5799566db373.txt"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, settings, nlp):
    corpus = tmp_path_factory.mktemp("hostile")
    shutil.copy(CORPUS / GOOD, corpus / GOOD)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"  \n\n\t\n")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "undecodable.txt").write_bytes("Dear Sir,\n".encode() + b"\x81\x8d\x8f\x90\x9d" * 10)
    (corpus / "cp1252.txt").write_bytes("14 May 2021\n\nDear Minister,\n\nThank you \u201cfor\u201d your letter of 2 May.\n\nYours sincerely,\n\nJo Bloggs\n".encode("cp1252"))
    (corpus / "utf16.txt").write_bytes("3 June 2021\n\nDear Chair,\n\nOn recommendation 4, we agree.\n".encode("utf-16"))
    (corpus / "noletter.txt").write_text("Section 45 of the Modern Slavery Act 2015 applies. 1, 2, 3 and 2015.\n" * 5)
    (corpus / "big.txt").write_text(("The committee considered section 12 and paragraph 4.5 of the Act 2015 in detail. " * 12 + "\n\n") * 3500)
    (corpus / "oneline.txt").write_text("word " * 220_000)
    (corpus / "folder.txt").mkdir()
    (corpus / "nul_inside.txt").write_bytes(b"14 May 2021\n\nDear Minister,\x00\x00 hidden\n")
    letter = (CORPUS / GOOD).read_text(encoding="utf-8")
    (corpus / "crlf.txt").write_bytes(letter.replace("\n", "\r\n").encode())
    lines = letter.split("\n")
    mixed = "".join(ln + ("\r\n", "\n", "\r\n")[i % 3] for i, ln in enumerate(lines))
    (corpus / "mixed_endings.txt").write_bytes(mixed.encode())
    para = "The committee considered the evidence from councils and health bodies in detail over many months. "
    (corpus / "twenty_mb.txt").write_text((para * 20 + "\n\n") * (20 * 2**20 // (len(para) * 20 + 2) + 1))
    (corpus / "link_to_good.txt").symlink_to(corpus / GOOD)
    (corpus / "link_to_dir.txt").symlink_to(corpus / "folder.txt")
    (corpus / "broken_link.txt").symlink_to(corpus / "missing.txt")
    # formats the pipeline does not read, and documents it cannot open
    (corpus / "budget.xlsx").write_bytes(b"PK\x03\x04" + bytes(200))
    (corpus / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (corpus / "bundle.zip").write_bytes(b"PK\x03\x04" + bytes(200))
    (corpus / "locked.pdf").write_bytes(_locked_pdf())
    (corpus / "damaged.pdf").write_bytes(render.to_pdf(letter)[:2000])
    (corpus / "damaged.docx").write_bytes(render.to_docx(letter)[:3000])
    (corpus / "old_word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    (corpus / "empty.pdf").write_bytes(b"")
    (corpus / "not_mail.eml").write_bytes(b"just some words, no headers\n")
    # no time budget: on a busy machine the 20 MB file may need longer than the default, and this
    # test is about what each file gives, not about time (tests/test_safe_outputs.py tests the budget)
    return corpus, run_corpus(corpus, settings.model_copy(update={"file_timeout": None}), nlp)


def _locked_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128))
    c.drawString(72, 700, "Dear Minister, on recommendation 4 we agree.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _errors(result):
    return {e["source_path"]: e for e in result.tables["errors"].to_pylist() if e["error"].startswith("E")}


BAD = {"empty.txt": "E004", "blank.txt": "E004", "binary.txt": "E005", "undecodable.txt": "E006",
       "folder.txt": "E002", "nul_inside.txt": "E005", "link_to_dir.txt": "E002", "broken_link.txt": "E002",
       "budget.xlsx": "E007", "photo.png": "E007", "bundle.zip": "E007", "locked.pdf": "E008", "damaged.pdf": "E009",
       "damaged.docx": "E009", "old_word.docx": "E008", "empty.pdf": "E004", "not_mail.eml": "E009"}


@pytest.mark.parametrize("name, code", sorted(BAD.items()))
def test_bad_file_gives_one_clear_error_row(hostile, name, code):
    _, result = hostile
    err = _errors(result)[name]
    assert err["error"] == code
    assert name in err["message"]


def test_only_bad_files_have_errors(hostile):
    _, result = hostile
    assert set(_errors(result)) == set(BAD)


def test_each_bad_file_has_exactly_one_row(hostile):
    _, result = hostile
    rows = [e["source_path"] for e in result.tables["errors"].to_pylist() if e["error"].startswith("E")]
    assert sorted(rows) == sorted(BAD)


def test_good_file_rows_are_all_written(hostile):
    _, result = hostile
    letters = [r for r in result.tables["letters"].to_pylist() if r["source_path"] == GOOD]
    assert [r["kind"] for r in letters] == ["letter", "reply"]
    ids = {r["letter_id"] for r in letters}
    assert len([s for s in result.tables["stances"].to_pylist() if s["letter_id"] in ids]) == 6


def test_cp1252_is_read_with_a_warning(hostile):
    _, result = hostile
    warnings = [e for e in result.tables["errors"].to_pylist() if e["source_path"] == "cp1252.txt"]
    assert warnings and all(w["error"].startswith("W") for w in warnings)
    letter = next(r for r in result.tables["letters"].to_pylist() if r["source_path"] == "cp1252.txt")
    assert "\u201cfor\u201d" in letter["text"]


def test_utf16_with_bom_is_read(hostile):
    _, result = hostile
    letter = next(r for r in result.tables["letters"].to_pylist() if r["source_path"] == "utf16.txt")
    assert letter["text"].startswith("3 June 2021")
    assert str(letter["date"]) == "2021-06-03"


@pytest.mark.parametrize("name", ["crlf.txt", "mixed_endings.txt", "link_to_good.txt"])
def test_line_endings_and_links_give_the_same_letters(hostile, name):
    _, result = hostile
    rows = result.tables["letters"].to_pylist()
    want = [(r["kind"], r["date"], r["reply_to_date"]) for r in rows if r["source_path"] == GOOD]
    got = [(r["kind"], r["date"], r["reply_to_date"]) for r in rows if r["source_path"] == name]
    assert got == want
    stances = result.tables["stances"].to_pylist()
    ids = {r["letter_id"] for r in rows if r["source_path"] == name}
    assert sorted(s["stance"] for s in stances if s["letter_id"] in ids) == sorted(
        s["stance"] for s in stances if s["letter_id"] in {r["letter_id"] for r in rows if r["source_path"] == GOOD})


@pytest.mark.parametrize("name", ["noletter.txt", "big.txt", "oneline.txt", "twenty_mb.txt"])
def test_text_without_letters_gives_a_sensible_result(hostile, name):
    """Statute sections, years and number lists must not turn into dates or recommendations."""
    _, result = hostile
    letters = [r for r in result.tables["letters"].to_pylist() if r["source_path"] == name]
    assert [r["kind"] for r in letters] == ["other"]
    ids = {r["letter_id"] for r in letters}
    assert not [d for d in result.tables["dates"].to_pylist() if d["letter_id"] in ids]
    assert not [m for m in result.tables["recommendation_mentions"].to_pylist() if m["letter_id"] in ids]
