"""The register links one recommendation across letters that number it differently."""
from __future__ import annotations

import pytest

from pipeline.register import Register, overlap, words

HS_WRITE = "The Home Secretary should write to all local authorities to ensure that they understand what the NRM means"
UPDATE_GUIDANCE = "Working Together to Safeguard Children Statutory Guidance should be updated to reflect extra-familial harm"


def test_same_text_under_another_label_is_one_recommendation_with_a_conflict():
    reg = Register()
    a = reg.resolve("report", "Report", "7", 7, HS_WRITE, "L1")
    b = reg.resolve("report", "Report", "8", 8, HS_WRITE + ";", "L2")
    assert a is b
    (rec,) = reg.records()
    assert (rec.label, rec.conflicts, rec.letter_id) == ("7", ["8"], "L1")


def test_same_label_with_different_text_is_another_recommendation():
    reg = Register()
    a = reg.resolve("report", "Report", "7", 7, HS_WRITE, "L1")
    b = reg.resolve("report", "Report", "7", 7, UPDATE_GUIDANCE, "L2")
    assert a is not b
    assert len({r.recommendation_id for r in reg.records()}) == 2


def test_a_mention_without_text_joins_the_label_it_names():
    reg = Register()
    a = reg.resolve("report", "Report", "6", 6, None, "L1")
    b = reg.resolve("report", "Report", "6", 6, "Every child in the NRM should be referred to children's social care", "L2")
    c = reg.resolve("report", "Report", "6", 6, None, "L3")
    assert a is b is c
    assert reg.records()[0].text.startswith("Every child")


def test_reports_are_separate_scopes():
    reg = Register()
    assert reg.resolve("a", "A", "1", 1, None, "L1") is not reg.resolve("b", "B", "1", 1, None, "L2")


@pytest.mark.parametrize(("a", "b", "low", "high"), [
    (HS_WRITE, HS_WRITE.upper(), 1.0, 1.0),
    (HS_WRITE, UPDATE_GUIDANCE, 0.0, 0.3),
    ("Short text", "Short text", 0.0, 0.0),  # too few words to judge
])
def test_overlap(a, b, low, high):
    assert low <= overlap(words(a), words(b)) <= high


def test_ids_are_stable_across_runs():
    def build():
        reg = Register()
        reg.resolve("report", "Report", "7", 7, HS_WRITE, "L1")
        reg.resolve("report", "Report", "3", 3, None, "L1")
        return [r.recommendation_id for r in reg.records()]

    assert build() == build()


def test_corpus_case_seven_and_eight(corpus_run):
    """The corpus's real case: 'The Home Secretary should write ...' is 7 in one letter, 8 in another."""
    recs = [r for r in corpus_run.tables["recommendations"].to_pylist() if r["conflicts"]]
    assert [(r["label"], r["conflicts"]) for r in recs] == [("7", ["8"])]
    assert recs[0]["text"].startswith("The Home Secretary should write")
    stance = [s for s in corpus_run.tables["stances"].to_pylist() if s["recommendation_id"] == recs[0]["recommendation_id"]]
    assert {(s["recommendation_number"], s["stance"]) for s in stance} == {(7, "not_addressed"), (8, "deferred")}
