"""Golden tests: the whole pipeline over corpus/ against the hand-annotated seeds.

The seeds are a copy kept in the project, so these pass on a machine without
../shared. Every field must score 1.0 and stance at least 0.85 accuracy.
"""
from __future__ import annotations

import pytest

from pipeline import evaluate
from tests.conftest import GOLD

STANCE_FLOOR = 0.85


@pytest.fixture(scope="module")
def report(corpus_run):
    gold = evaluate.load_gold(GOLD)
    return evaluate.score(gold, evaluate.predicted_from_tables(corpus_run.tables))


def test_every_gold_segment_is_found(report):
    seg = report.segments
    assert (seg["recall"], seg["precision"]) == (1.0, 1.0), evaluate.render(report)


FIELDS = ["kind", "date", "replies_to", "reply_to_date", "report", "sender", "recipients", "cc",
          "participants", "addresses", "deadlines", "emails", "references", "recommendations_mentioned"]


@pytest.mark.parametrize("field", FIELDS)
def test_field_scores_one(report, field):
    assert report.fields[field]["value"] == 1.0, evaluate.render(report)


def test_stance_accuracy_floor(report):
    assert report.stances["accuracy"] >= STANCE_FLOOR, evaluate.render(report)
    assert report.stances["missing"] == 0


def test_offsets_point_into_the_source(corpus_run):
    """Every offset an analyst can follow leads to the text the row reports."""
    from tests.conftest import CORPUS

    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    letters = {r["letter_id"]: r for r in corpus_run.tables["letters"].to_pylist()}
    for row in corpus_run.tables["dates"].to_pylist():
        text = texts[letters[row["letter_id"]]["source_path"]]
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    for row in corpus_run.tables["stances"].to_pylist():
        if row["evidence"] is not None:
            text = texts[letters[row["letter_id"]]["source_path"]]
            assert text[row["evidence_char_start"]:row["evidence_char_end"]] == row["evidence"]
    for row in corpus_run.tables["letters"].to_pylist():
        assert texts[row["source_path"]][row["char_start"]:row["char_end"]] == row["text"]


def test_recommendation_ids_link_mentions_and_stances(corpus_run):
    ids = set(corpus_run.tables["recommendations"].column("recommendation_id").to_pylist())
    assert set(corpus_run.tables["recommendation_mentions"].column("recommendation_id").to_pylist()) <= ids
    assert set(corpus_run.tables["stances"].column("recommendation_id").to_pylist()) <= ids


def test_alt_text_is_not_a_name(corpus_run):
    names = {p["name"] for p in corpus_run.tables["parties"].to_pylist() if p["name"]}
    assert not any("Sanjiv" in n for n in names)
