"""Analyst corrections: read, checked, applied, and never applied to changed text or dropped."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline import corrections as cx
from pipeline.cli import main
from pipeline.records import Kind, Letter, Party, PartyRole, Recommendation, Source, Stance, StanceLabel
from tests.conftest import CORPUS

REPLY_TEXT = "Dear Ms Coles,\nWe accept recommendation 6. We reject recommendation 7.\nYours, A Minister"
SHA = cx.fingerprint(REPLY_TEXT)


def _letters():
    return [
        Letter(letter_id="d1-000", document_id="d1", source_path="a.txt", index=0, kind=Kind.letter, char_start=0,
               char_end=5, text="Dear.", report_title="Report R"),
        Letter(letter_id="d1-001", document_id="d1", source_path="a.txt", index=1, kind=Kind.reply, char_start=5,
               char_end=5 + len(REPLY_TEXT), date=dt.date(2021, 2, 10), in_reply_to="d1-000", report_title="Report R",
               text=REPLY_TEXT),
    ]


def _parties():
    return [Party(letter_id="d1-001", role=PartyRole.sender, name="A Minister", organisation="Home Office")]


def _stances():
    return [Stance(letter_id="d1-001", responds_to="d1-000", recommendation_id="r6", recommendation_number=6,
                   label="6", stance=StanceLabel.accepted, confidence=0.8, cues=["how:heading", "model:accepted"])]


def _register():
    return [Recommendation(recommendation_id=f"r{n}", report_title="Report R", number=n, label=str(n),
                           letter_id="d1-000") for n in (6, 7)]


def _apply(*rows: dict):
    parsed = [cx.parse_row(r, f"corrections.csv:{i + 2}") for i, r in enumerate(rows)]
    assert all(isinstance(p, cx.Correction) for p in parsed), parsed
    return cx.apply(_letters(), _parties(), _stances(), _register(), parsed)


def row(**kw) -> dict:
    base = {"letter_id": "d1-001", "text_sha256": SHA[:16]}
    return {**base, **kw}


@pytest.mark.parametrize("raw, problem", [
    (row(field="colour", value="blue"), "cannot be corrected"),
    (row(field="date", value="10/02/2021"), "YYYY-MM-DD"),
    (row(field="kind", value="memo"), "is not one of"),
    (row(field="stance", value="accepted"), "needs the recommendation"),
    (row(field="stance", recommendation="6", value="agreed"), "is not one of"),
    (row(field="date", value="2021-02-11", text_sha256=""), "text_sha256"),
    (row(field="date", value="2021-02-11", text_sha256="abc"), "at least 8 hex"),
    ({"file": "a.txt", "text_sha256": SHA, "field": "date", "value": "2021-02-11"}, "names no letter"),
    (row(field="date", value="2021-02-11", index="first", file="a.txt"), "not a whole number"),
    (row(field="date", value="2021-02-11", recomendation="6"), "unknown column"),
], ids=["field", "date", "kind", "stance-without-rec", "stance-label", "no-sha", "short-sha", "no-letter",
        "index", "unknown-column"])
def test_a_row_that_cannot_be_applied_says_why(raw, problem):
    got = cx.parse_row(raw, "corrections.csv:2")
    assert got.error == "W603" and problem in got.message and got.message.startswith("corrections.csv:2: ")


def test_a_letter_field_is_corrected_and_marked_manual():
    out = _apply(row(field="date", value="2021-02-11", note="misread dateline"))
    reply = out.letters[1]
    assert reply.date == dt.date(2021, 2, 11) and reply.source is Source.manual
    assert out.letters[0].source is Source.extracted
    [done] = out.applied
    assert (done.table, done.field, done.previous, done.value, done.note) == (
        "letters", "date", "2021-02-10", "2021-02-11", "misread dateline")


def test_an_empty_value_clears_a_field():
    out = _apply(row(field="report_title", value=""))
    assert out.letters[1].report_title is None and out.applied[0].previous == "Report R"


def test_a_letter_is_found_by_file_and_index():
    out = _apply({"file": "a.txt", "index": "1", "text_sha256": SHA, "field": "kind", "value": "letter"})
    assert out.letters[1].kind is Kind.letter and not out.errors


def test_changed_text_makes_a_correction_stale_not_applied():
    other = cx.fingerprint(REPLY_TEXT + " P.S.")
    out = _apply(row(field="date", value="2021-02-11", text_sha256=other[:16]))
    assert out.letters[1].date == dt.date(2021, 2, 10) and out.letters[1].source is Source.extracted
    [err] = out.errors
    assert err.error == "W601" and "stale" in err.message and "d1-001" in err.message
    assert not out.applied


def test_a_missing_letter_is_reported():
    out = _apply(row(letter_id="gone-003", field="kind", value="letter"))
    assert [e.error for e in out.errors] == ["W602"] and "gone-003" in out.errors[0].message


def test_a_stance_is_corrected_with_full_confidence():
    out = _apply(row(field="stance", recommendation="6", value="rejected"))
    [s] = out.stances
    assert (s.stance, s.confidence, s.source) == (StanceLabel.rejected, 1.0, Source.manual)
    assert s.cues == ["how:heading", "model:accepted"], "cues keep what the pipeline saw"
    assert out.applied[0].previous == "accepted" and out.applied[0].recommendation_id == "r6"


def test_a_stance_the_pipeline_missed_is_added_from_the_register():
    out = _apply(row(field="stance", recommendation="7", value="rejected"))
    added = out.stances[-1]
    assert (added.recommendation_id, added.label, added.stance, added.source) == ("r7", "7", StanceLabel.rejected,
                                                                                  Source.manual)
    assert added.responds_to == "d1-000" and added.evidence is None


def test_a_stance_on_an_unknown_recommendation_is_reported():
    out = _apply(row(field="stance", recommendation="99", value="rejected"))
    assert [e.error for e in out.errors] == ["W603"] and "'99'" in out.errors[0].message


def test_a_party_is_corrected_or_added():
    out = _apply(row(field="sender.organisation", value="Cabinet Office"), row(field="recipient", value="Jenny Coles"))
    snd, rec = out.parties
    assert snd.organisation == "Cabinet Office" and snd.name == "A Minister" and snd.source is Source.manual
    assert (rec.role, rec.name, rec.source, rec.char_start) == (PartyRole.recipient, "Jenny Coles", Source.manual, None)


def test_in_reply_to_must_name_a_letter():
    out = _apply(row(field="in_reply_to", value="nowhere-000"))
    assert [e.error for e in out.errors] == ["W603"] and out.letters[1].in_reply_to == "d1-000"


def test_csv_and_jsonl_files_are_read_with_line_numbers(tmp_path):
    csv_file = tmp_path / "corrections.csv"
    csv_file.write_text("\ufeffletter_id,text_sha256,field,value\n\n"
                        f"d1-001,{SHA[:10]},date,2021-02-11\n"
                        f"d1-001,{SHA[:10]},colour,red\n", encoding="utf-8")
    found, errors = cx.read(csv_file, "corrections.csv")
    assert [c.origin for c in found] == ["corrections.csv:3"]
    assert [(e.error, e.message.split(": ")[0]) for e in errors] == [("W603", "corrections.csv:4")]
    jsonl = tmp_path / "corrections.jsonl"
    jsonl.write_text(json.dumps({"file": "a.txt", "index": 1, "text_sha256": SHA, "field": "stance",
                                 "recommendation": "6", "value": "noted"}) + "\n{oops\n", encoding="utf-8")
    found, errors = cx.read(jsonl, "corrections.jsonl")
    assert found[0].index == 1 and found[0].value == "noted"
    assert errors[0].error == "W603" and errors[0].message.startswith("corrections.jsonl:2")


def test_an_unreadable_corrections_file_is_an_error(tmp_path):
    bad = tmp_path / "corrections.csv"
    bad.write_bytes(b"letter_id,field\n\xff\xfe\x00bad")
    found, errors = cx.read(bad, "corrections.csv")
    assert found == [] and errors[0].error == "E601"


# --- over the real corpus, through the command line ---------------------------------------------

REPLY = ("000_97d8e1f8a8c848d3.txt", 1)


@pytest.fixture()
def corrected_corpus(tmp_path, corpus_run):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    letters = {(r["source_path"], r["index"]): r for r in corpus_run.tables["letters"].to_pylist()}
    reply = letters[REPLY]
    stance = next(s for s in corpus_run.tables["stances"].to_pylist() if s["letter_id"] == reply["letter_id"])
    sha = cx.fingerprint(reply["text"])[:16]
    (corpus / "corrections.csv").write_text(
        "letter_id,file,index,text_sha256,field,recommendation,value,note\n"
        f",{REPLY[0]},{REPLY[1]},{sha},date,,2021-02-11,dateline misread\n"
        f",{REPLY[0]},{REPLY[1]},{sha},stance,{stance['label']},deferred,\n", encoding="utf-8")
    return corpus, reply, stance


def _tables(out):
    return {n: pq.read_table(out / f"{n}.parquet").to_pylist() for n in ("letters", "stances", "errors", "corrections")}


def test_every_run_applies_the_corrections_beside_the_corpus(corrected_corpus, tmp_path, capsys):
    corpus, reply, stance = corrected_corpus
    out = tmp_path / "out"
    for _ in range(2):  # the second run takes every file from the cache and still applies them
        assert main(["run", str(corpus), "--out", str(out), "--json"]) == 0
        t = _tables(out)
        row = next(r for r in t["letters"] if r["letter_id"] == reply["letter_id"])
        assert row["date"] == dt.date(2021, 2, 11) and row["source"] == "manual"
        st = next(s for s in t["stances"] if s["letter_id"] == reply["letter_id"] and s["label"] == stance["label"])
        assert st["stance"] == "deferred" and st["source"] == "manual"
        assert {r["source"] for r in t["letters"] if r["letter_id"] != reply["letter_id"]} == {"extracted"}
        assert [(c["field"], c["previous"]) for c in sorted(t["corrections"], key=lambda c: c["origin"])] == [
            ("date", "2021-02-10"), ("stance", stance["stance"])]
        assert t["errors"] == []
    last = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert last["extracted"] == 0 and last["from cache"] == last["files"] and last["corrections"] == 2


def test_a_correction_to_a_letter_whose_text_changed_is_reported_stale(corrected_corpus, tmp_path):
    corpus, reply, _ = corrected_corpus
    path = corpus / REPLY[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("If you feel it would be helpful", "If you think it would be useful"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "-q"]) == 0, "a stale correction is a warning"
    t = _tables(out)
    assert t["corrections"] == []
    assert [e["error"] for e in t["errors"]] == ["W601", "W601"]
    assert all(e["source_path"] == "corrections.csv" and e["stage"] == "correct" and "stale" in e["message"]
               for e in t["errors"])
    row = next(r for r in t["letters"] if (r["source_path"], r["index"]) == REPLY)
    assert row["date"] == dt.date(2021, 2, 10) and row["source"] == "extracted"


def test_evaluate_scores_the_pipeline_without_corrections(corrected_corpus, settings, nlp):
    from pipeline.run import run_corpus

    corpus, _, _ = corrected_corpus
    result = run_corpus(corpus, settings, nlp, corrections=None)
    assert result.tables["corrections"].num_rows == 0
    assert set(result.tables["letters"].column("source").to_pylist()) == {"extracted"}
