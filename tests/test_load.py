"""Tests for pipeline.stages.load: bytes to text, and one error row per file that cannot be read."""
from __future__ import annotations

import hashlib

import pytest

from pipeline.records import ErrorRow
from pipeline.readers import format_of
from pipeline.stages.load import Loaded, decode, list_files, read, select

SOURCE = "home_office/reply_2021-03-01.txt"
LETTER = "Dear Dame Sara,\r\nThank you for your letter of 6 November.\r\n"
READ = LETTER.replace("\r\n", "\n")  # line ends as Python reads text: what offsets index


# ---- decode: text out

@pytest.mark.parametrize("raw, text, encoding, warning_codes", [
    ("Dear Ms Coles,\nThe café fund is £5,000 – “ring-fenced”.\n".encode("utf-8"),
     "Dear Ms Coles,\nThe café fund is £5,000 – “ring-fenced”.\n", "utf-8", []),
    (b"Caf\xe9 \x93quoted\x94", "Café “quoted”", "cp1252", ["W001", "W002"]),
    (LETTER.encode("utf-16"), READ, "utf-16", []),
    (b"\xfe\xff" + LETTER.encode("utf-16-be"), READ, "utf-16", []),
    (b"\xef\xbb\xbf" + LETTER.encode("utf-8"), READ, "utf-8-sig", []),
    ("Dear Sir,\rOld Mac line ends.\r\nMixed.\n".encode(), "Dear Sir,\nOld Mac line ends.\nMixed.\n", "utf-8", []),
], ids=["utf8", "cp1252_with_warning", "utf16_le_bom", "utf16_be_bom", "utf8_bom", "cr_and_crlf"])
def test_decode(raw, text, encoding, warning_codes, settings):
    got = decode(raw, SOURCE, settings)
    assert isinstance(got, Loaded)
    assert (got.text, got.encoding) == (text, encoding)
    assert "\ufeff" not in got.text
    assert got.source_path == SOURCE
    assert got.sha256 == hashlib.sha256(raw).hexdigest()
    assert [w.error for w in got.warnings] == warning_codes
    for w in got.warnings:
        assert (w.stage, w.source_path) == ("load", SOURCE)
        assert SOURCE in w.message


# ---- decode: error rows

@pytest.mark.parametrize("raw, code", [
    (b"", "E004"),
    (b"  \r\n\t\n  ", "E004"),
    (b"Dear Sir,\x00\x00 Thank you", "E005"),
    ("Dear Sir".encode("utf-16-le"), "E005"),
    (bytes(range(1, 9)) * 10, "E005"),
    (b"\xff\xfeD\x00\xd8", "E006"),
    pytest.param(b"\xef\xbb\xbf", "E004"),
    pytest.param(" \r\n\t".encode("utf-16"), "E004"),
], ids=["empty", "whitespace_only", "nul_bytes_no_bom", "utf16_without_bom", "control_characters",
        "truncated_utf16", "utf8_bom_only", "utf16_whitespace_only"])
def test_decode_error_rows(raw, code, settings):
    got = decode(raw, SOURCE, settings)
    assert isinstance(got, ErrorRow)
    assert (got.error, got.stage, got.source_path) == (code, "load", SOURCE)
    assert SOURCE in got.message


# ---- read: files on disk

def test_read_names_the_file_relative_to_the_corpus_and_hashes_raw_bytes(tmp_path, settings):
    raw = b"\xef\xbb\xbfDear Ms Hunt,\r\nThank you for your report of 26 November 2020.\r\n"
    path = tmp_path / "dhsc" / "reply.txt"
    path.parent.mkdir()
    path.write_bytes(raw)
    got = read(path, tmp_path, settings)
    assert isinstance(got, Loaded)
    assert got.source_path == "dhsc/reply.txt"
    assert got.text == raw[3:].decode("utf-8").replace("\r\n", "\n")
    assert got.text == path.read_text(encoding="utf-8-sig")  # the text an analyst reads
    assert got.sha256 == hashlib.sha256(raw).hexdigest()


def _directory(tmp_path):
    path = tmp_path / "x.txt"
    path.mkdir()
    return path


def _broken_link(tmp_path):
    path = tmp_path / "moved.txt"
    path.symlink_to(tmp_path / "gone.txt")
    return path


def _empty_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize("make, name, code", [
    (_directory, "x.txt", "E002"),
    (_broken_link, "moved.txt", "E002"),
    (_empty_file, "blank.txt", "E004"),
], ids=["directory_named_txt", "broken_symlink", "empty_file"])
def test_unreadable_entries_become_error_rows_naming_the_file(make, name, code, tmp_path, settings):
    got = read(make(tmp_path), tmp_path, settings)
    assert isinstance(got, ErrorRow)
    assert (got.error, got.source_path) == (code, name)
    assert name in got.message


def test_file_over_the_size_limit_is_e003(tmp_path, settings):
    path = tmp_path / "bundle.txt"
    path.write_bytes(b"Dear Sir, 11")
    small = settings.model_copy(update={"max_file_bytes": 10})
    got = read(path, tmp_path, small)
    assert isinstance(got, ErrorRow)
    assert got.error == "E003"
    assert "bundle.txt" in got.message
    assert isinstance(read(path, tmp_path, settings), Loaded)


# ---- list_files: every file is read or named, unless --include/--exclude leave it out

def _tree(tmp_path, names):
    for rel in names:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Dear Sir,\n", encoding="utf-8")


def test_list_files_is_sorted_recursive_and_keeps_bad_entries(tmp_path, settings):
    _tree(tmp_path, ("b_reply.txt", "a_letter.txt", "home_office/2021/c.txt", "notes.md", "home_office/readme.pdf",
                     "budget.xlsx", ".DS_Store", ".git/config", "home_office/.~lock.reply.docx#"))
    _directory(tmp_path)
    _broken_link(tmp_path)
    (tmp_path / "plain_folder").mkdir()
    files = list_files(tmp_path, settings)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a_letter.txt", "b_reply.txt", "budget.xlsx", "home_office/2021/c.txt", "home_office/readme.pdf",
        "moved.txt", "notes.md", "x.txt"]
    rows = [read(p, tmp_path, settings) for p in files]
    assert [(r.source_path, r.error) for r in rows if isinstance(r, ErrorRow)] == [
        ("budget.xlsx", "E007"), ("home_office/readme.pdf", "E009"), ("moved.txt", "E002"), ("x.txt", "E002")]


@pytest.mark.parametrize("include, exclude, chosen", [
    (("*",), (".*",), ["a.pdf", "drafts/b.txt", "drafts/c.md", "letters/d.TXT", "letters/e.eml"]),
    (("*.txt",), (".*",), ["drafts/b.txt", "letters/d.TXT"]),
    (("*.txt", "*.md"), (".*", "drafts"), ["letters/d.TXT"]),
    (("letters/*",), (), ["letters/d.TXT", "letters/e.eml"]),
    (("*",), ("drafts/*", "*.eml"), [".hidden.txt", "a.pdf", "letters/d.TXT"]),
    (("*",), (), [".hidden.txt", "a.pdf", "drafts/b.txt", "drafts/c.md", "letters/d.TXT", "letters/e.eml"]),
], ids=["default", "txt_only", "exclude_folder_by_name", "include_path", "exclude_path_and_suffix", "no_exclude"])
def test_include_and_exclude_globs(include, exclude, chosen, tmp_path, settings):
    names = ("a.pdf", "drafts/b.txt", "drafts/c.md", "letters/d.TXT", "letters/e.eml", ".hidden.txt")
    _tree(tmp_path, names)
    picked, left_out = select(tmp_path, settings.model_copy(update={"include": include, "exclude": exclude}))
    assert [p.relative_to(tmp_path).as_posix() for p in picked] == chosen
    assert len(picked) + len(left_out) == len(names)


@pytest.mark.parametrize("name, code, words", [
    ("budget.xlsx", "E007", "a spreadsheet"),
    ("scan.png", "E007", "an image"),
    ("bundle.zip", "E007", "an archive"),
    ("old.doc", "E007", "old binary Word"),
    ("README", "E007", "without a suffix"),
    ("letter.pdf", "E009", "cannot be read as a PDF"),
    ("letter.docx", "E009", "cannot be read as a Word"),
    ("letter.eml", "E009", "not an e-mail"),
], ids=["xlsx", "image", "archive", "doc", "no_suffix", "not_a_pdf", "not_a_docx", "not_an_email"])
def test_formats_not_read_give_one_clear_row(name, code, words, tmp_path, settings):
    path = tmp_path / name
    path.write_bytes(b"This is not what the name says it is.\n")
    got = read(path, tmp_path, settings)
    assert isinstance(got, ErrorRow)
    assert (got.error, got.source_path) == (code, name)
    assert name in got.message and words in got.message


@pytest.mark.parametrize("name, fmt", [("a.txt", "txt"), ("a.md", "md"), ("A.PDF", "pdf"), ("a.htm", "html"),
                                       ("a.html", "html"), ("a.docx", "docx"), ("a.eml", "eml"), ("a.xlsx", None),
                                       (".txt", None), ("a", None)])
def test_format_of(name, fmt):
    assert format_of(name) == fmt
