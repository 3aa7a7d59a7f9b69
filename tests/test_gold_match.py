"""Tests for pipeline.gold_match: the official scorer's rules, one table per rule."""
from __future__ import annotations

import pytest

from pipeline import gold_match as gm


@pytest.mark.parametrize("raw, expected", [
    ("Rt Hon Priti Patel MP", "priti patel"),
    ("Dame Sara Thornton DBE QPM", "sara thornton"),
    ("  JENNY   Coles ", "jenny coles"),
    ("Dr. Jane Smith", "jane smith"),
    ("Sir Keir Starmer KC MP", "keir starmer"),
    ("Baroness Williams of Trafford", "williams of trafford"),
    ("Lord Evans of Weardale", "evans of weardale"),
    ("Mr Dan O'Brien", "dan o'brien"),
    # the scorer splits on any character but a-z, ' and -, so a curly apostrophe splits the name
    ("Mr Dan O\u2019Brien", "dan o brien"),
    ("Mr", None),
    ("", None),
    (None, None),
])
def test_norm_name(raw, expected):
    assert gm.norm_name(raw) == expected


@pytest.mark.parametrize("a, b, same", [
    ("Home Office", "The Home Office", True),
    ("Chief Executive", "Chief Executive Officer", True),  # 2 of 3 content words
    ("Care Quality Commission", "CQC", True),
    ("cqc", "Care Quality Commission", True),
    ("Department for Education", "DfE", False),  # initials of content words are "de"
    ("Ministry of Justice", "Department of Health", False),
    ("Home Office", None, False),
    ("", "Home Office", False),
])
def test_same_body(a, b, same):
    assert gm.same_body(a, b) is same


GOLD_NAMED = {"name": "Priti Patel", "role": "Home Secretary", "organisation": "Home Office"}
GOLD_BODY = {"name": None, "role": "Chief Executive", "organisation": "NHS England"}


@pytest.mark.parametrize("gold, row, matches", [
    (GOLD_NAMED, {"name": "Rt Hon Priti Patel MP", "role": None, "organisation": None}, True),
    (GOLD_NAMED, {"name": "priti patel", "role": "Minister", "organisation": "DfE"}, True),
    # a named gold party is found by its name only
    (GOLD_NAMED, {"name": None, "role": "Home Secretary", "organisation": "Home Office"}, False),
    (GOLD_NAMED, {"name": "Patel", "role": "Home Secretary", "organisation": "Home Office"}, False),
    # an unnamed one by its role or organisation, in any field of the row
    (GOLD_BODY, {"name": None, "role": "Chief Executive Officer", "organisation": None}, True),
    (GOLD_BODY, {"name": None, "role": None, "organisation": "NHS England"}, True),
    (GOLD_BODY, {"name": "NHS England", "role": None, "organisation": None}, True),
    (GOLD_BODY, {"name": "Amanda Pritchard", "role": None, "organisation": "Ofsted"}, False),
])
def test_party_matches(gold, row, matches):
    assert gm.party_matches(gold, row) is matches


def test_match_parties_is_one_to_one_and_greedy_in_gold_order():
    golds = [{"name": "A Smith"}, {"name": "A Smith"}, {"name": None, "organisation": "Ofsted"}]
    rows = [{"name": "Ms A Smith"}, {"name": None, "organisation": "Ofsted", "role": None},
            {"name": "B Jones"}]
    pairs, lost, extra = gm.match_parties(golds, rows)
    assert [(g["name"], r["name"]) for g, r in pairs] == [("A Smith", "Ms A Smith"), (None, None)]
    assert lost == [{"name": "A Smith"}] and extra == [{"name": "B Jones"}]


@pytest.mark.parametrize("party, counts", [
    ({"name": None, "role": None, "organisation": None}, False),
    ({"name": "", "role": "Chair", "organisation": None}, True),
    (None, False),
])
def test_has_party(party, counts):
    assert gm.has_party(party) is counts


@pytest.mark.parametrize("raw, expected", [
    (6, "6"), ("6", "6"), ("4A (ii)", "4aii"), ("4a(ii)", "4aii"), ("[8.14]", "8.14"), ("2 b", "2b"),
    ("R3", "r3"),
])
def test_norm_label(raw, expected):
    assert gm.norm_label(raw) == expected


@pytest.mark.parametrize("label, expected", [("8.14", "8"), ("4a(ii)", "4"), ("12", "12"), ("a", "a")])
def test_lead(label, expected):
    assert gm.lead(label) == expected


@pytest.mark.parametrize("predicted, gold, expected", [
    ({"5a", "6"}, {"5", "6"}, {"5", "6"}),
    ({"5a", "5b"}, {"5"}, {"5"}),
    ({"5a"}, {"5a"}, {"5a"}),  # gold names the sub-label: it stays
    ({"8.14"}, {"8"}, {"8"}),
    ({"8.14"}, {"8.14", "8.15"}, {"8.14"}),
    ({"8.16"}, {"8.14"}, {"8"}),  # a sub-label gold does not name counts as its number
    (set(), {"1"}, set()),
])
def test_coarsen(predicted, gold, expected):
    assert gm.coarsen(predicted, gold) == expected


@pytest.mark.parametrize("predicted, key, expected", [
    ({"8": "accepted", "8a": "rejected"}, "8", "accepted"),  # the whole, where answered, wins
    ({"8a": "accepted", "8b": "rejected", "8c": "rejected"}, "8", "rejected"),
    ({"8a": "accepted", "8b": "rejected"}, "8", "accepted"),  # a tie goes to the first part
    ({"8.1": "noted", "8.2": "noted"}, "8", "noted"),
    ({"18a": "accepted"}, "8", None),  # 18a is not a part of 8
    ({"8a": "accepted"}, "8b", None),  # only a whole number takes its parts
    ({"8a": "accepted"}, "8a", "accepted"),
    ({}, "8", None),
])
def test_stance_for(predicted, key, expected):
    assert gm.stance_for(predicted, key) == expected


@pytest.mark.parametrize("text, start, expected", [
    ("\n\n  Dear Minister  \nbody", 0, "Dear Minister"),
    ("one\ntwo\n", 4, "two"),
    ("one\n   \n", 4, ""),
    ("abc", 9, ""),
])
def test_first_line_at(text, start, expected):
    assert gm.first_line_at(text, start) == expected


def test_gold_offsets_search_on_from_the_previous_hit():
    text = "Home Office\nDear X\nbody\nHome Office\nDear Y\n"
    assert gm.gold_offsets(["Dear X", "Home Office", "Nowhere"], text) == [12, 24, None]


FILLER = "line of body text\n" * 5  # 90 characters


def _align(text: str, gold_lines: list[str], pred_starts: list[int], with_text: bool = True):
    firsts = [gm.first_line_at(text, s) for s in pred_starts]
    chars = [gm.first_char(text, s) for s in pred_starts]
    return gm.align(gold_lines, firsts, chars, text if with_text else None)


@pytest.mark.parametrize("text, gold_lines, pred_starts, expected", [
    pytest.param(f"Dear A\n{FILLER}Dear B\n{FILLER}", ["Dear A", "Dear B"], [0, 97], [0, 1],
                 id="first-lines"),
    # the pipeline started the second segment at the title above gold's first line
    pytest.param(f"Dear A\n{FILLER}Title\nDear B\n{FILLER}", ["Dear A", "Dear B"], [0, 97], [0, 1],
                 id="by-position-within-tolerance"),
    pytest.param(f"Dear A\nTitle\n{FILLER * 3}Dear B\n", ["Dear A", "Dear B"], [0, 7], [0, None],
                 id="too-far-from-gold-start"),
    # "Late" is near "Dear B" but past the next gold start, so it can only be "Dear C"
    pytest.param(f"Dear A\nDear B\nx\nDear C\nLate\n{FILLER}", ["Dear A", "Dear B", "Dear C"], [0, 23],
                 [0, None, 1], id="between-the-neighbouring-gold-starts"),
    # "Home Office" heads the second letter and also sits in the first one's address block
    pytest.param(f"Home Office\nDear A\n{FILLER}Home Office\nDear B\n", ["Dear A", "Home Office"],
                 [12, 109], [0, 1], id="in-order-not-first-occurrence"),
    pytest.param(f"Dear A\n{FILLER}Dear B\n", ["Dear A", "Dear B"], [0], [0, None], id="missing-second"),
    pytest.param(f"Dear A\n{FILLER}Dear B\n", ["Dear B"], [0, 97], [1], id="extra-first"),
])
def test_align(text, gold_lines, pred_starts, expected):
    assert _align(text, gold_lines, pred_starts) == expected


def test_align_without_text_matches_first_lines_only():
    text = f"Dear A\n{FILLER}Title\nDear B\n{FILLER}"
    assert _align(text, ["Dear A", "Dear B"], [0, 97], with_text=False) == [0, None]


@pytest.mark.parametrize("counts, expected", [
    ((0, 0, 0), (1.0, 1.0, 1.0)),
    ((0, 1, 0), (0.0, 0.0, 0.0)),
    ((0, 0, 2), (0.0, 0.0, 0.0)),
    ((1, 2, 1), (0.5, 1.0, 2 / 3)),
])
def test_f1(counts, expected):
    assert gm.f1(*counts) == pytest.approx(expected)
