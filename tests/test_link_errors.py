"""A file that breaks linking costs the batch nothing but its own links: its letters are still
written (unlinked), an E502 row names it and the exception, and every other file, including
those it would have been linked with, keeps its threads and stances.

Linking has no known input that raises, so the fault is injected: the function that finishes
each reply's stances raises for one file, as a bug in any per-letter step would.
"""
from __future__ import annotations

import pytest

from pipeline import link as link_mod
from pipeline.run import run_corpus
from tests.conftest import CORPUS

THREAD = "000_97d8e1f8a8c848d3.txt"  # a letter and its reply, split below into two files
OTHER = "001_d64e5799566db373.txt"  # about the same report: linked in one group with the thread
APART = "002_880e136a12dd28ec.txt"  # another report: a group of its own


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, settings, nlp):
    """The seed thread split into a letter file and a reply file (linked across files by the
    date the reply cites), beside another seed thread about the same report and one about
    another report."""
    root = tmp_path_factory.mktemp("link_errors")
    whole = run_corpus(CORPUS, settings, nlp).tables["letters"].to_pylist()
    letter, reply = sorted((r for r in whole if r["source_path"] == THREAD), key=lambda r: r["char_start"])
    text = (CORPUS / THREAD).read_text(encoding="utf-8")
    (root / "a_letter.txt").write_text(text[:reply["char_start"]], encoding="utf-8")
    (root / "b_reply.txt").write_text(text[reply["char_start"]:], encoding="utf-8")
    (root / "c_other.txt").write_text((CORPUS / OTHER).read_text(encoding="utf-8"), encoding="utf-8")
    (root / "d_apart.txt").write_text((CORPUS / APART).read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _breaking(bad: str):
    """``link._from_original`` (run on each reply's stances) raising for the replies of ``bad``."""
    real = link_mod._from_original

    def breaks(doc, stances):
        if doc.document.source_path == bad:
            raise RuntimeError("injected fault")
        return real(doc, stances)
    return breaks


def _run(corpus, settings, nlp, monkeypatch, bad: str | None):
    with monkeypatch.context() as m:
        m.setattr(link_mod, "_from_original", _breaking(bad))
        return run_corpus(corpus, settings, nlp).tables


def _rows(tables, name, path=None):
    letters = {r["letter_id"]: r["source_path"] for r in tables["letters"].to_pylist()}
    rows = tables[name].to_pylist()
    if path is None:
        return rows
    return [r for r in rows if (r.get("source_path") or letters.get(r.get("letter_id"))) == path]


def _key(row: dict) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


@pytest.fixture(scope="module")
def clean(corpus, settings, nlp):
    return run_corpus(corpus, settings, nlp).tables


def test_the_split_thread_links_across_files(clean):
    reply = [r for r in _rows(clean, "letters", "b_reply.txt") if r["kind"] == "reply"]
    letter = _rows(clean, "letters", "a_letter.txt")
    assert reply and reply[0]["in_reply_to"] == letter[0]["letter_id"]
    assert all(_rows(clean, "stances", p) for p in ("b_reply.txt", "c_other.txt", "d_apart.txt"))


def test_a_file_that_breaks_linking_is_one_error_row(corpus, settings, nlp, monkeypatch, clean):
    got = _run(corpus, settings, nlp, monkeypatch, "c_other.txt")
    errors = [e for e in got["errors"].to_pylist() if e["error"].startswith("E")]
    assert [(e["source_path"], e["error"], e["stage"]) for e in errors] == [("c_other.txt", "E502", "link")]
    assert "c_other.txt" in errors[0]["message"] and "RuntimeError: injected fault" in errors[0]["message"]
    # its letters, parties, dates and addresses are kept, unlinked; it has no stances or mentions
    for name in ("documents", "dates", "addresses"):
        assert sorted(map(_key, _rows(got, name, "c_other.txt"))) == sorted(map(_key, _rows(clean, name, "c_other.txt")))
    mine = _rows(got, "letters", "c_other.txt")
    assert [r["letter_id"] for r in mine] == [r["letter_id"] for r in _rows(clean, "letters", "c_other.txt")]
    assert all(r["in_reply_to"] is None for r in mine)
    assert len(_rows(got, "parties", "c_other.txt")) >= len(mine)
    assert not _rows(got, "stances", "c_other.txt") and not _rows(got, "recommendation_mentions", "c_other.txt")
    # the other files' rows are exactly those of a run without the fault
    for name in ("letters", "parties", "stances", "recommendation_mentions"):
        for path in ("a_letter.txt", "b_reply.txt", "d_apart.txt"):
            assert sorted(map(_key, _rows(got, name, path))) == sorted(map(_key, _rows(clean, name, path))), (name, path)


def test_a_bad_file_in_a_thread_leaves_the_letter_it_answers_whole(corpus, settings, nlp, monkeypatch, clean):
    got = _run(corpus, settings, nlp, monkeypatch, "b_reply.txt")
    errors = [(e["source_path"], e["error"]) for e in got["errors"].to_pylist() if e["error"].startswith("E")]
    assert errors == [("b_reply.txt", "E502")]
    assert [r["in_reply_to"] for r in _rows(got, "letters", "b_reply.txt")] == [None]
    assert not _rows(got, "stances", "b_reply.txt")
    for name in ("letters", "parties", "stances", "recommendation_mentions"):
        assert sorted(map(_key, _rows(got, name, "c_other.txt"))) == sorted(map(_key, _rows(clean, name, "c_other.txt")))
    assert [r["letter_id"] for r in _rows(got, "letters", "a_letter.txt")] == \
        [r["letter_id"] for r in _rows(clean, "letters", "a_letter.txt")]


def test_the_run_reports_the_file_as_failed(corpus, settings, nlp, monkeypatch):
    monkeypatch.setattr(link_mod, "_from_original", _breaking("c_other.txt"))
    result = run_corpus(corpus, settings, nlp)
    assert result.failed_files == 1 and result.summary()["errors"] == 1


def test_a_group_that_fails_only_together_is_linked_a_file_at_a_time(corpus, settings, nlp, monkeypatch, clean):
    """A failure in a step over the whole group names no file: each of its files is linked alone
    and told so; the files of other groups are untouched."""
    real = link_mod._by_elimination

    def breaks(heading_of, answered, everyone):
        if {"a_letter.txt", "b_reply.txt"} <= {ls.letter.source_path for ls in everyone}:
            raise ValueError("injected group fault")
        return real(heading_of, answered, everyone)

    monkeypatch.setattr(link_mod, "_by_elimination", breaks)
    got = run_corpus(corpus, settings, nlp).tables
    errors = {e["source_path"]: e for e in got["errors"].to_pylist() if e["error"].startswith("E")}
    assert sorted(errors) == ["a_letter.txt", "b_reply.txt", "c_other.txt"]
    assert all("linked alone" in e["message"] and "ValueError: injected group fault" in e["message"]
               for e in errors.values())
    assert [r["in_reply_to"] for r in _rows(got, "letters", "b_reply.txt")] == [None]
    assert _rows(got, "stances", "c_other.txt")  # linked alone, it still answers its own letter
    for name in ("letters", "parties", "stances", "recommendation_mentions"):
        assert sorted(map(_key, _rows(got, name, "d_apart.txt"))) == sorted(map(_key, _rows(clean, name, "d_apart.txt")))


def test_the_error_row_survives_a_rerun_from_the_cache(corpus, settings, nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(link_mod, "_from_original", _breaking("c_other.txt"))
    out = tmp_path / "out"
    first = run_corpus(corpus, settings, nlp, out_dir=out)
    from pipeline.run import write_outputs
    write_outputs(first, out)
    again = run_corpus(corpus, settings, nlp, out_dir=out)
    assert again.extracted == 0 and again.failed_files == 1


# ---- round 98's mends: a guard (it fails on its mend's parent)

def _one_file(tmp_path, settings, nlp, name: str, text: str) -> tuple[list[dict], dict[str, dict[str, str]]]:
    """The letters of a corpus of one file, in file order, and each letter's stances by label (a letter with
    none has no entry)."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    stances: dict[str, dict[str, str]] = {}
    for s in tables["stances"].to_pylist():
        stances.setdefault(s["letter_id"], {})[s["label"]] = s["stance"]
    return sorted(tables["letters"].to_pylist(), key=lambda r: r["index"]), stances


def test_a_full_reply_after_its_writer_s_holding_reply_answers_the_letter(tmp_path, settings, nlp):
    """A coroner's letter makes two recommendations; the board's chief executive sends a holding e-mail on 5 December,
    then the full reply: "Further to your report and to my email of 5 December, I attach the Board's response",
    answering only recommendation 1. A user relies on the full reply answering the coroner's letter, 1 accepted and 2
    not addressed (before, the date it cites matched the writer's own holding e-mail, the reply was linked to that,
    and it took no stance on the recommendation it skipped)."""
    letter = ("Office of the Coroner for North Lanvale\nCounty Hall\nLanvale LV1 2AB\n\n3 November 2025\n\n"
              "Dear Chief Executive,\n\nFollowing the inquest into the death of Mr Gethin Poole, I make two "
              "recommendations to the Board.\n\n"
              "1. The Board should make sure that every ward has a working bladder scanner.\n\n"
              "2. The Board should train all night staff to use the early warning score.\n\n"
              "I should be grateful for your response within 56 days.\n\nYours sincerely,\n\nDr Ffion Mather\n"
              "Coroner\n\n")
    holding = ("From: Alun Reece <alun.reece@lanvalehb.example.wales>\nSent: 05 December 2025 16:20\n"
               "To: Coroner's Office <coroner@lanvale.example.gov.uk>\nSubject: RE: Report - Mr Gethin Poole\n\n"
               "Dear Dr Mather,\n\nThank you for your letter of 3 November. The Board is preparing its response and "
               "will send it to you by 19 December.\n\nKind regards,\n\nAlun Reece\nChief Executive\n\n")
    full = ("From: Alun Reece <alun.reece@lanvalehb.example.wales>\nSent: 18 December 2025 11:05\n"
            "To: Coroner's Office <coroner@lanvale.example.gov.uk>\nSubject: RE: Report - Mr Gethin Poole\n\n"
            "Dear Dr Mather,\n\nFurther to your report and to my email of 5 December, I attach the Board's response "
            "to your report.\n\nRecommendation 1\n\nThe Board accepts this recommendation. Every ward was given a "
            "new bladder scanner in November.\n\nKind regards,\n\nAlun Reece\nChief Executive\n")
    rows, stances = _one_file(tmp_path, settings, nlp, "thread.txt", letter + holding + full)
    assert [r["kind"] for r in rows] == ["letter", "reply", "reply"]
    assert rows[2]["in_reply_to"] == rows[0]["letter_id"]
    assert stances.get(rows[2]["letter_id"], {}) == {"1": "accepted", "2": "not_addressed"}


# ---- round 98's review mends: a guard (it fails at 204336b)

def test_a_follow_up_from_another_writer_with_the_same_post_answers_the_reply_it_thanks(tmp_path, settings, nlp):
    """A committee's chair writes to a harbour board's chair with three recommendations; the board's chair replies;
    the committee's chair then thanks him for his letter of 9 April. Both sign as "Chair". A user relies on the
    follow-up being linked to the board's reply and taking no stances (at 204336b the shared post made the two
    writers one, the board's reply was passed over as the committee's own holding reply, and the follow-up was linked
    to the committee's first letter with a stance on each of its recommendations)."""
    committee = ("Public Accounts Committee\nSenedd Building, Castle Square, Porthmawr PM1 1AA\n\n")
    board = "Mr Dafydd Rowlands\nChair\nPorthmawr Harbour Board\nDock Road, Porthmawr PM4 2BB\n\n"
    letter = (committee + "3 March 2025\n\n" + board + "Dear Mr Rowlands,\n\n"
              "Our report on the harbour dredging contract made three recommendations to the Board.\n\n"
              "Recommendation 1: The Board should publish the dredging contract in full.\n"
              "Recommendation 2: The Board should appoint an independent member to its audit committee.\n"
              "Recommendation 3: The Board should retender the contract by April 2026.\n\n"
              "I would be grateful for a response by 11 April 2025.\n\n"
              "Yours sincerely,\n\nMegan Pryce MS\nChair\nPublic Accounts Committee\n\n\n\n")
    reply = ("Porthmawr Harbour Board\nDock Road, Porthmawr PM4 2BB\n\n9 April 2025\n\n"
             "Megan Pryce MS\nChair\nPublic Accounts Committee\nSenedd Building, Porthmawr PM1 1AA\n\n"
             "Dear Ms Pryce,\n\nThank you for your letter of 3 March 2025.\n\n"
             "Recommendation 1 is accepted. The contract will be published on the Board's website in May.\n\n"
             "Recommendation 2 is accepted. An independent member joined the audit committee in March.\n\n"
             "Recommendation 3 is not accepted. The Board cannot retender the contract before it ends in 2028.\n\n"
             "Yours sincerely,\n\nDafydd Rowlands\nChair\nPorthmawr Harbour Board\n\n\n\n")
    follow_up = (committee + "22 May 2025\n\n" + board + "Dear Mr Rowlands,\n\n"
                 "Thank you for your letter of 9 April 2025 responding to the Committee's recommendations.\n\n"
                 "The Committee welcomes the Board's acceptance of recommendations 1 and 2. On recommendation 3, the "
                 "Committee notes the Board's position and will return to it next year.\n\n"
                 "Yours sincerely,\n\nMegan Pryce MS\nChair\nPublic Accounts Committee\n")
    rows, stances = _one_file(tmp_path, settings, nlp, "thread.txt", letter + reply + follow_up)
    assert [r["kind"] for r in rows] == ["letter", "reply", "reply"]
    assert rows[1]["in_reply_to"] == rows[0]["letter_id"]
    assert rows[2]["in_reply_to"] == rows[1]["letter_id"]
    assert rows[2]["letter_id"] not in stances


def test_a_second_body_s_reply_does_not_answer_the_first_reply_dated_as_the_report(tmp_path, settings, nlp):
    """A coroner's report of 3 February sends concerns 1 and 2 to a trust and 3 to an ICB. The trust's reply is
    dated 3 February too; the ICB then answers "your report of 3 February". A user relies on the ICB's letter being
    linked to the report and answering concern 3 (before, the date matched the trust's reply, which the ICB was
    taken to answer, with stances on the trust's concerns)."""
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nDate: 3 February 2025\n\n"
              "THIS REPORT IS BEING SENT TO:\n1. Chief Executive, Eastwold Hospitals NHS Trust\n"
              "2. Chief Executive, NHS Eastwold Integrated Care Board\n\n"
              "CORONER'S CONCERNS\n\nThe MATTERS OF CONCERN are as follows:\n\n"
              "1. The ward had no nurse trained in tracheostomy care at night.\n\n"
              "2. The emergency tracheostomy box was not stocked.\n\n"
              "3. There is no community service for patients discharged with a tracheostomy.\n\n"
              "Concerns 1 and 2 are for the Trust and concern 3 is for the ICB.\n\n"
              "Signed: Ruth Allard, Assistant Coroner for Eastwold\n\n\n")
    trust = ("Eastwold Hospitals NHS Trust\nQuay Road, Eastwold EW1 4AA\n\n3 February 2025\n\n"
             "Ms Ruth Allard\nAssistant Coroner for Eastwold\n\nDear Ms Allard,\n\n"
             "Thank you for your report. Every ward now has a nurse trained in tracheostomy care on each night shift, "
             "and the emergency boxes are checked and restocked daily.\n\n"
             "Yours sincerely,\n\nDr Peter Vane\nChief Executive\n\n\n")
    icb = ("NHS Eastwold Integrated Care Board\nHarbour House, Eastwold EW2 7BB\n\n28 March 2025\n\n"
           "Ms Ruth Allard\nAssistant Coroner for Eastwold\n\nDear Ms Allard,\n\n"
           "Thank you for your report of 3 February 2025. The ICB has commissioned a community tracheostomy "
           "service, which will start taking referrals in June.\n\n"
           "Yours sincerely,\n\nSarah Lowe\nChief Executive\n")
    rows, stances = _one_file(tmp_path, settings, nlp, "pfd.txt", report + trust + icb)
    assert [r["kind"] for r in rows] == ["letter", "reply", "reply"]
    assert rows[2]["in_reply_to"] == rows[0]["letter_id"]
    assert set(stances.get(rows[2]["letter_id"], {})) == {"3"}
