"""Bad input never stops a batch: each bad file is one clear errors row, good files are kept."""
from __future__ import annotations

import shutil

import pytest

from pipeline.run import run_corpus
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
    return corpus, run_corpus(corpus, settings, nlp)


def _errors(result):
    return {e["source_path"]: e for e in result.tables["errors"].to_pylist() if e["error"].startswith("E")}


@pytest.mark.parametrize("name, code", [
    ("empty.txt", "E004"), ("blank.txt", "E004"), ("binary.txt", "E005"),
    ("undecodable.txt", "E006"), ("folder.txt", "E002"),
])
def test_bad_file_gives_one_clear_error_row(hostile, name, code):
    _, result = hostile
    err = _errors(result)[name]
    assert err["error"] == code
    assert name in err["message"]


def test_only_bad_files_have_errors(hostile):
    _, result = hostile
    assert set(_errors(result)) == {"empty.txt", "blank.txt", "binary.txt", "undecodable.txt", "folder.txt"}


def test_good_file_rows_are_all_written(hostile):
    _, result = hostile
    letters = [r for r in result.tables["letters"].to_pylist() if r["source_path"] == GOOD]
    assert [r["kind"] for r in letters] == ["letter", "reply"]
    assert result.tables["stances"].num_rows == 6


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


@pytest.mark.parametrize("name", ["noletter.txt", "big.txt", "oneline.txt"])
def test_text_without_letters_gives_a_sensible_result(hostile, name):
    """Statute sections, years and number lists must not turn into dates or recommendations."""
    _, result = hostile
    letters = [r for r in result.tables["letters"].to_pylist() if r["source_path"] == name]
    assert [r["kind"] for r in letters] == ["other"]
    ids = {r["letter_id"] for r in letters}
    assert not [d for d in result.tables["dates"].to_pylist() if d["letter_id"] in ids]
    assert not [m for m in result.tables["recommendation_mentions"].to_pylist() if m["letter_id"] in ids]
