"""Tests for pipeline.evaluate: table folding, normalisation, scoring, output."""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline import evaluate as ev
from pipeline import schema
from pipeline.gold_match import lead

SEEDS = Path(__file__).parent / "data" / "seeds.jsonl"


# ---- helpers

def _d(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def make_tables(**rows: list[dict]) -> dict[str, pa.Table]:
    """Tables with the pinned schemas, so tests see what the pipeline writes."""
    return {name: pa.Table.from_pylist(r, schema=schema.TABLES[name]) for name, r in rows.items()}


def letter(lid: str, path: str, index: int, text: str, **kw) -> dict:
    row = {"letter_id": lid, "document_id": "doc-" + path, "source_path": path, "index": index,
           "kind": "letter", "char_start": 0, "char_end": len(text), "references": [],
           "text": text}
    row.update(kw)
    return row


def party(lid: str, role: str, name=None, position=None, organisation=None, email=None) -> dict:
    return {"letter_id": lid, "role": role, "name": name, "position": position,
            "organisation": organisation, "email": email}


def tables_from_gold(gold: list[dict]) -> dict[str, pa.Table]:
    """Write gold as the pipeline would, to test the fold back end to end.

    Each file's segments tile it from offset 0, as the pipeline's do, and
    every label is in the register, so labels survive the round trip.
    """
    ids = {(g["file"], g["index"]): f"L{i}" for i, g in enumerate(gold)}
    rows: dict[str, list] = {k: [] for k in
                             ("letters", "parties", "addresses", "dates", "recommendations",
                              "recommendation_mentions", "stances")}
    at: dict[str, int] = {}
    labels: set[str] = set()
    for g in sorted(gold, key=lambda g: (g["file"], g["index"])):
        lid = ids[(g["file"], g["index"])]
        text = f"\n  \n{g['starts_with']}   \nbody\n"
        start = at.get(g["file"], 0)
        at[g["file"]] = start + len(text)
        rows["letters"].append(letter(
            lid, f"corpus/{g['file']}", g["index"], text, char_start=start, char_end=start + len(text),
            kind=g["kind"], date=_d(g["date"]), reply_to_date=_d(g["reply_to_date"]),
            in_reply_to=ids.get((g["file"], g["replies_to"])), report_title=g["report"],
            references=g["references"]))
        people = [("sender", g["sender"])] if g["sender"] else []
        people += [(role, p) for field, role in ev.PARTY_LISTS.items()
                   for p in g.get(field, [])]
        for role, p in people:
            rows["parties"].append(party(lid, role, p["name"], p["role"], p["organisation"]))
        for e in g["emails"]:
            rows["parties"].append(party(lid, "mentioned", email=e.upper()))
        for a in g["addresses"]:
            rows["addresses"].append({"letter_id": lid, "role": a["role"], "lines": a["lines"],
                                      "postcode": a["postcode"], "postcode_valid": True})
        for iso in g["deadlines"]:
            rows["dates"].append({"letter_id": lid, "kind": "deadline", "value": _d(iso),
                                  "text": iso})
        for n in g["recommendations_mentioned"]:
            labels.add(str(n))
            rows["recommendation_mentions"].append(
                {"letter_id": lid, "recommendation_id": f"R{n}", "number": int(lead(str(n))),
                 "label": str(n)})
        for k, stance in g["stances"].items():
            labels.add(k)
            rows["stances"].append({"letter_id": lid, "recommendation_id": f"R{k}",
                                    "recommendation_number": int(lead(k)), "stance": stance,
                                    "confidence": 0.9})
    rows["recommendations"] = [{"recommendation_id": f"R{k}", "number": int(lead(k)), "label": k,
                                "letter_id": "L0"} for k in sorted(labels)]
    return make_tables(**rows)


def seg(file="a.txt", index=0, starts_with="Dear X", **kw) -> dict:
    base = {"file": file, "index": index, "kind": "letter", "starts_with": starts_with,
            "date": None, "replies_to": None, "reply_to_date": None, "sender": None,
            "recipients": [], "cc": [], "participants": [], "addresses": [], "deadlines": [],
            "emails": [], "references": [], "report": None, "recommendations_mentioned": [],
            "stances": {}}
    base.update(kw)
    return base


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return ev.load_gold(SEEDS)


# ---- predicted_from_tables

A0_TEXT = "\n\n  4 February 2021  \r\nDear Minister\n"


@pytest.fixture(scope="module")
def folded() -> list[dict]:
    tables = make_tables(
        letters=[
            letter("A0", "/x/corpus/f.txt", 0, A0_TEXT,
                   date=dt.date(2021, 2, 4), report_title="Report T", references=["MIN/1"]),
            letter("A1", "/x/corpus/f.txt", 1, "Home Office\nbody", kind="reply", char_start=len(A0_TEXT),
                   in_reply_to="A0", reply_to_date=dt.date(2021, 2, 4)),
            letter("B0", "/x/corpus/g.txt", 0, "Other", kind="reply", in_reply_to="A0"),
        ],
        parties=[
            party("A0", "recipient", "Priti Patel", "Home Secretary", "Home Office",
                  "Priti@HO.gov.uk"),
            party("A0", "mentioned", "Someone Else", email="x@y.org"),
            party("A0", "sender", None, "Commissioner", None, "priti@ho.gov.uk"),
            party("A0", "sender", "Second Sender"),
            party("A0", "cc", "C One", None, "Ofsted"),
            party("A0", "recipient", "R Two"),
            party("A1", "participant", "P One", "Chair", "Org"),
        ],
        addresses=[{"letter_id": "A0", "role": "recipient", "lines": ["2 Marsham St", "SW1P 4DF"],
                    "postcode": "SW1P 4DF", "postcode_valid": True}],
        dates=[{"letter_id": "A0", "kind": k, "value": dt.date(2021, 1, d), "text": "t"}
               for k, d in [("deadline", 15), ("dateline", 4), ("deadline", 15),
                            ("deadline", 1)]],
        recommendations=[{"recommendation_id": rid, "number": n, "label": lab, "letter_id": "A0"}
                         for rid, n, lab in [("R8.2", 8, "8.2"), ("R8.3", 8, "8.3"), ("R6", 7, "7")]],
        recommendation_mentions=[
            {"letter_id": "A0", "recommendation_id": f"R{lab}", "number": int(lead(lab)), "label": lab}
            for lab in ("7", "8.14", "3", "7", "4A (ii)", "4a(ii)")],
        stances=[{"letter_id": "A1", "recommendation_id": rid, "recommendation_number": n,
                  "stance": s, "confidence": c}
                 for rid, n, s, c in [("R8.2", 8, "noted", 0.4), ("R8.3", 8, "accepted", 0.8),
                                      ("R6", 6, "rejected", 0.5), ("R9", 9, "deferred", 0.9),
                                      ("R9", 9, "accepted", 0.2)]],
    )
    return ev.predicted_from_tables(tables)


@pytest.mark.parametrize("i, field, expected", [
    (0, "file", "f.txt"),
    (0, "index", 0),
    (0, "letter_id", "A0"),
    (0, "char_start", 0),
    (0, "text", A0_TEXT),
    (0, "kind", "letter"),
    (0, "starts_with", "  4 February 2021"),
    (0, "date", "2021-02-04"),
    (0, "replies_to", None),
    (0, "report", "Report T"),
    (0, "references", ["MIN/1"]),
    (0, "sender", {"name": None, "role": "Commissioner", "organisation": None}),
    (0, "senders", [{"name": None, "role": "Commissioner", "organisation": None},
                    {"name": "Second Sender", "role": None, "organisation": None}]),
    (0, "recipients", [{"name": "Priti Patel", "role": "Home Secretary",
                        "organisation": "Home Office"},
                       {"name": "R Two", "role": None, "organisation": None}]),
    (0, "cc", [{"name": "C One", "role": None, "organisation": "Ofsted"}]),
    (0, "participants", []),
    (0, "emails", ["priti@ho.gov.uk", "x@y.org"]),
    (0, "addresses", [{"role": "recipient", "postcode": "SW1P 4DF",
                       "lines": ["2 Marsham St", "SW1P 4DF"]}]),
    (0, "deadlines", ["2021-01-15", "2021-01-01"]),
    # labels as written, each once after normalisation, whole numbers as ints
    (0, "recommendations_mentioned", [3, "4a(ii)", 7, "8.14"]),
    (0, "stances", {}),
    (1, "char_start", len(A0_TEXT)),
    (1, "kind", "reply"),
    (1, "replies_to", 0),
    (1, "reply_to_date", "2021-02-04"),
    (1, "sender", None),
    (1, "senders", []),
    (1, "participants", [{"name": "P One", "role": "Chair", "organisation": "Org"}]),
    # register labels; R6's register label starts with another number, so the stance keeps 6;
    # R9 is not in the register, and of its two rows the last one stands
    (1, "stances", {"8.2": "noted", "8.3": "accepted", "6": "rejected", "9": "accepted"}),
    (1, "references", []),
    (2, "replies_to", None),  # answers a letter in another file
])
def test_predicted_from_tables(folded, i, field, expected):
    assert folded[i][field] == expected


def test_stances_label_column_is_used_where_the_table_has_it():
    with_label = schema.STANCES.append(pa.field("label", pa.string()))
    rows = [{"letter_id": "A0", "recommendation_id": "R1", "recommendation_number": 4, "stance": "accepted",
             "confidence": 0.9, "label": "4a(ii)"},
            {"letter_id": "A0", "recommendation_id": "R2", "recommendation_number": 5, "stance": "noted",
             "confidence": 0.9, "label": None}]
    tables = make_tables(letters=[letter("A0", "f.txt", 0, "Hello")],
                         recommendations=[{"recommendation_id": "R1", "number": 4, "label": "4",
                                           "letter_id": "A0"}])
    tables["stances"] = pa.Table.from_pylist(rows, schema=with_label)
    [out] = ev.predicted_from_tables(tables)
    assert out["stances"] == {"4a(ii)": "accepted", "5": "noted"}


@pytest.mark.parametrize("row, register, expected", [
    ({"recommendation_id": "R", "recommendation_number": 8, "label": "8.14"}, {"R": "8"}, "8.14"),
    ({"recommendation_id": "R", "recommendation_number": 8}, {"R": "8.14"}, "8.14"),
    ({"recommendation_id": "R", "recommendation_number": 4}, {"R": "4A (ii)"}, "4A (ii)"),
    ({"recommendation_id": "R", "recommendation_number": 8}, {"R": "7"}, "8"),
    ({"recommendation_id": "R", "recommendation_number": 8}, {}, "8"),
    ({"recommendation_id": "R", "recommendation_number": None}, {"R": "2b"}, "2b"),
])
def test_stance_label(row, register, expected):
    assert ev.stance_label(row, register) == expected


def test_predicted_from_tables_tolerates_missing_tables():
    tables = make_tables(letters=[letter("A0", "f.txt", 0, "Hello")])
    [out] = ev.predicted_from_tables(tables)
    assert out["sender"] is None and out["stances"] == {} and out["emails"] == []


def test_gold_round_trips_through_tables(gold):
    report = ev.score(gold, ev.predicted_from_tables(tables_from_gold(gold)))
    assert report.disagreements == []
    assert all(v == 1.0 for v in ev.headline(report).values())


def test_string_labels_round_trip_through_tables(gold):
    gold = copy.deepcopy(gold)
    reply = next(g for g in gold if g["stances"])
    reply["stances"] = {"8.14": "accepted", "4a(ii)": "rejected", "2b": "noted"}
    reply["recommendations_mentioned"] = [6, "8.14", "4a(ii)"]
    report = ev.score(gold, ev.predicted_from_tables(tables_from_gold(gold)))
    assert report.disagreements == []
    assert report.stances["accuracy"] == 1.0


# ---- normalisation of the fields the official scorer leaves out

@pytest.mark.parametrize("raw, expected", [
    ("  Home\n Office. ", "home office"),
    ("\u201cThe Report\u201d", "the report"),
    ("Children\u2019s Services", "children's services"),
    ("(Chair)", "chair"),
    ("MIN/0273550/22", "min/0273550/22"),
    (" , ", None),
    (None, None),
    (6, 6),
    (dt.date(2021, 1, 2), "2021-01-02"),
])
def test_norm(raw, expected):
    assert ev.norm(raw) == expected


# ---- scoring

def test_perfect_prediction_scores_one_everywhere(gold):
    report = ev.score(gold, copy.deepcopy(gold))
    head = ev.headline(report)
    assert all(v == 1.0 for v in head.values()), head
    assert report.segments["matched"] == len(gold)
    assert report.disagreements == []


def test_seeds_file_as_gold_and_prediction():
    report = ev.score(ev.load_gold(SEEDS), ev.load_gold(SEEDS))
    assert set(ev.headline(report).values()) == {1.0}
    assert report.stances["support"] > 0 and report.stances["spurious"] == 0


def test_wrong_stance_lowers_accuracy_and_shows_in_confusion(gold):
    pred = copy.deepcopy(gold)
    reply = next(p for p in pred if len(p["stances"]) >= 3)
    key, was = next(iter(reply["stances"].items()))
    reply["stances"][key] = "rejected"
    dropped = [k for k in reply["stances"] if k != key][0]
    dropped_label = reply["stances"].pop(dropped)
    reply["stances"]["99"] = "noted"
    st = ev.score(gold, pred).stances
    total = sum(len(g["stances"]) for g in gold)
    assert st["accuracy"] == pytest.approx((total - 2) / total)
    assert st["support"] == total and st["missing"] == 1 and st["spurious"] == 1
    assert st["confusion"][was]["rejected"] == 1
    assert st["confusion"][dropped_label][ev.MISSING] == 1
    # a spurious key is counted apart; the confusion table holds gold keys only
    assert ev.MISSING not in st["confusion"]
    assert st["labels"]["rejected"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert "noted" not in st["labels"]
    assert st["macro_f1"] < 1.0


@pytest.mark.parametrize("gold_stances, pred_stances, accuracy, missing, spurious", [
    ({"6": "accepted"}, {"6": "accepted"}, 1.0, 0, 0),
    ({"4a(ii)": "accepted"}, {"4A (ii)": "accepted"}, 1.0, 0, 0),  # labels compare normalised
    ({"6": "accepted"}, {"6": "rejected"}, 0.0, 0, 0),
    ({"6": "accepted"}, {}, 0.0, 1, 0),
    ({"6": "accepted"}, {"7": "accepted"}, 0.0, 1, 1),
    # a whole number answered in parts takes the stance most of them have
    ({"8": "accepted"}, {"8a": "accepted", "8b": "accepted", "8c": "rejected"}, 1.0, 0, 0),
    ({"8": "accepted"}, {"8a": "rejected", "8b": "rejected", "8c": "accepted"}, 0.0, 0, 0),
    ({"8": "accepted"}, {"8": "accepted", "8a": "rejected"}, 1.0, 0, 1),
    ({"8": "accepted"}, {"8.14": "accepted"}, 1.0, 0, 0),
    ({"8a": "accepted"}, {"8": "accepted"}, 0.0, 1, 1),  # a whole does not answer its part
])
def test_stance_keys(gold_stances, pred_stances, accuracy, missing, spurious):
    st = ev.score([seg(kind="reply", stances=gold_stances)],
                  [seg(kind="reply", stances=pred_stances)]).stances
    assert (st["accuracy"], st["missing"], st["spurious"]) == (accuracy, missing, spurious)


def test_macro_f1_averages_the_labels_gold_uses():
    gold = [seg(kind="reply", stances={"1": "accepted", "2": "accepted", "3": "rejected"})]
    pred = [seg(kind="reply", stances={"1": "accepted", "2": "noted", "3": "rejected"})]
    st = ev.score(gold, pred).stances
    # accepted P=1 R=1/2, rejected P=R=1; "noted" is listed but only gold's labels are averaged
    assert st["macro_f1"] == pytest.approx((2 / 3 + 1.0) / 2)
    assert st["labels"]["noted"]["support"] == 0


@pytest.mark.parametrize("change, field, value", [
    ({"kind": "reply"}, "kind", 0.0),
    ({"date": "2021-01-01"}, "date", 0.0),
    ({"replies_to": 3}, "replies_to", 0.0),
    ({"report": "  the REPORT. "}, "report", 1.0),
    ({"sender": {"name": "Rt Hon Priti Patel MP", "role": "home secretary",
                 "organisation": "Home Office"}}, "sender", 1.0),
    # a named sender is found by the name: the role is scored apart
    ({"sender": {"name": "Priti Patel", "role": "Minister", "organisation": "Home Office"}},
     "sender", 1.0),
    ({"sender": {"name": "Priti Patel", "role": "Minister", "organisation": "Home Office"}},
     "sender.role", 0.0),
    ({"sender": {"name": "Priti Patel", "role": "Minister", "organisation": "Home Office"}},
     "sender.name", 1.0),
    ({"sender": {"name": "Sajid Javid", "role": "Home Secretary", "organisation": "Home Office"}},
     "sender", 0.0),
    ({"sender": None}, "sender", 0.0),
    ({"sender": None}, "sender.name", 0.0),
    # any of the predicted senders may be the one
    ({"senders": [{"name": "Sajid Javid", "role": None, "organisation": None},
                  {"name": "Priti Patel", "role": None, "organisation": None}]}, "sender", 1.0),
    ({"emails": ["A@B.ORG", "c@d.org"]}, "emails", 2 / 3),  # P=1/2, R=1
    ({"emails": []}, "emails", 0.0),
    ({"recipients": [{"name": "Mr Bob Lee", "role": "CEO", "organisation": None}]},
     "recipients", 1.0),
    ({"recipients": [{"name": "Bob Lee", "role": "Chair", "organisation": None}]},
     "recipients", 1.0),
    ({"recipients": [{"name": "Bob Lee", "role": "Chair", "organisation": None}]},
     "recipients.role", 0.0),
    ({"recipients": [{"name": "Bob Lee", "role": "CEO", "organisation": None},
                     {"name": None, "role": None, "organisation": None}]}, "recipients", 1.0),
    ({"recipients": [{"name": "Bob Lee", "role": "CEO", "organisation": None},
                     {"name": "Bob Lee", "role": None, "organisation": None}]}, "recipients", 2 / 3),
    ({"recommendations_mentioned": ["3", 4]}, "recommendations_mentioned", 1.0),
    ({"recommendations_mentioned": ["3a", "4.1"]}, "recommendations_mentioned", 1.0),
    ({"recommendations_mentioned": [3]}, "recommendations_mentioned", 2 / 3),
    ({"addresses": [{"role": "recipient", "postcode": "sw1p 4df",
                     "lines": ["2 Marsham Street", "SW1P 4DF"]}]}, "addresses", 1.0),
    ({"addresses": [{"role": "sender", "postcode": "SW1P4DF", "lines": ["Home Office"]}]},
     "addresses", 0.0),
    ({"addresses": [{"role": "sender", "postcode": "SW1P4DF", "lines": ["Home Office"]}]},
     "postcodes", 1.0),
    ({"deadlines": ["2021-01-15", "2021-02-01"]}, "deadlines", 2 / 3),
])
def test_single_field_changes(change, field, value):
    g = seg(report="The Report",
            sender={"name": "Priti Patel", "role": "Home Secretary",
                    "organisation": "Home Office"},
            emails=["a@b.org"], deadlines=["2021-01-15"], recommendations_mentioned=[3, 4],
            recipients=[{"name": "Bob Lee", "role": "CEO", "organisation": None}],
            addresses=[{"role": "recipient", "postcode": "SW1P 4DF",
                        "lines": ["2 Marsham Street", "SW1P 4DF"]}])
    report = ev.score([g], [{**g, **change}])
    assert ev.headline(report)[field] == pytest.approx(value)
    if value < 1.0 and "." not in field:
        assert field in [d["field"] for d in report.disagreements]


UNNAMED = {"name": None, "role": "Chief Executive", "organisation": "NHS England"}


@pytest.mark.parametrize("gold_party, pred_party, found", [
    (UNNAMED, {"name": None, "role": "Chief Executive Officer", "organisation": None}, True),
    (UNNAMED, {"name": "Amanda Pritchard", "role": None, "organisation": "NHS England"}, True),
    (UNNAMED, {"name": None, "role": None, "organisation": "Care Quality Commission"}, False),
    ({"name": "Amanda Pritchard", "role": None, "organisation": "NHS England"},
     {"name": None, "role": "Chief Executive", "organisation": "NHS England"}, False),
])
def test_parties_match_by_name_or_else_by_body(gold_party, pred_party, found):
    g = seg(sender=gold_party, recipients=[gold_party])
    head = ev.headline(ev.score([g], [seg(sender=pred_party, recipients=[pred_party])]))
    assert (head["sender"], head["recipients"]) == (float(found), float(found))


def test_sender_and_reply_to_date_are_scored_only_where_gold_has_them():
    gold = [seg(sender={"name": None, "role": None, "organisation": None}),
            seg(index=1, starts_with="B", reply_to_date="2021-01-01",
                sender={"name": None, "role": "Chair", "organisation": None})]
    fields = ev.score(gold, copy.deepcopy(gold)).fields
    assert (fields["sender"]["support"], fields["reply_to_date"]["support"]) == (1, 1)


@pytest.mark.parametrize("gold_starts, pred_starts, precision, recall", [
    (["A", "B", "C", "D"], ["A", "B", "C", "D"], 1.0, 1.0),
    (["A", "B", "C", "D"], ["A", "B"], 1.0, 0.5),
    (["A", "B"], ["A", "B", "X", "Y"], 0.5, 1.0),
    (["A", "B"], ["  A ", "B\t\n"], 1.0, 1.0),  # white space around the line is not compared
    (["A", "B"], ["a", "b"], 0.0, 0.0),  # case is
    (["A", "A"], ["A"], 1.0, 0.5),  # repeated first lines pair one to one
    (["A", "B"], ["B", "A"], 0.5, 0.5),  # in file order: B then A can only find one of them
    ([], [], 1.0, 1.0),
])
def test_segment_matching(gold_starts, pred_starts, precision, recall):
    gold = [seg(index=i, starts_with=s) for i, s in enumerate(gold_starts)]
    pred = [seg(index=i, starts_with=s) for i, s in enumerate(pred_starts)]
    segs = ev.score(gold, pred).segments
    assert (segs["precision"], segs["recall"]) == (precision, recall)


BODY = "line of body text\n" * 5


def _file(*segments: str, path: str = "a.txt") -> list[dict]:
    """Predicted segments that tile a file, as the pipeline writes them."""
    rows, at = [], 0
    for i, text in enumerate(segments):
        rows.append(letter(f"L{i}", path, i, text, char_start=at, char_end=at + len(text)))
        at += len(text)
    return ev.predicted_from_tables(make_tables(letters=rows))


def test_segment_found_by_position_when_its_first_line_differs():
    # the pipeline gave the title line above "Dear B" to the second segment
    pred = _file(f"Dear A\n{BODY}", f"Title\nDear B\n{BODY}")
    gold = [seg(index=0, starts_with="Dear A"), seg(index=1, starts_with="Dear B", kind="reply")]
    report = ev.score(gold, pred)
    assert (report.segments["matched"], report.segments["by_position"]) == (2, 1)
    assert report.fields["kind"]["accuracy"] == 0.5  # found, and then scored like any other


def test_segment_too_far_from_the_gold_start_is_not_found():
    pred = _file(f"Dear A\n{BODY}", f"Title\n{BODY * 3}Dear B\n")
    report = ev.score([seg(index=0, starts_with="Dear A"), seg(index=1, starts_with="Dear B")], pred)
    assert report.segments["matched"] == 1


def test_file_text_finds_a_gold_start_before_the_first_predicted_segment():
    # a masked print header before the first segment: only the file's text has gold's first line
    header = "Print this page\n\n"
    rows = [letter("L0", "a.txt", 0, f"Dear A\n{BODY}", char_start=len(header))]
    pred = ev.predicted_from_tables(make_tables(letters=rows))
    gold = [seg(starts_with="Print this page")]
    assert ev.score(gold, pred).segments["matched"] == 0
    texts = {"a.txt": header + f"Dear A\n{BODY}"}
    assert ev.score(gold, pred, texts).segments["matched"] == 1


def test_replies_to_is_compared_through_the_segment_matching():
    # an extra predicted segment shifts the predicted indexes by one
    pred = _file("Extra\n", "Dear A\n", "Dear B\n")
    pred[2]["replies_to"] = 1
    gold = [seg(index=0, starts_with="Dear A"), seg(index=1, starts_with="Dear B", replies_to=0)]
    assert ev.score(gold, pred).fields["replies_to"]["accuracy"] == 1.0


def test_missing_segment_counts_against_every_field_but_lists_once(gold):
    lost = gold[-1]
    report = ev.score(gold, gold[:-1])
    n = len(gold)
    assert report.segments["recall"] == pytest.approx((n - 1) / n)
    assert report.segments["precision"] == 1.0
    assert report.disagreements == [{"file": lost["file"], "index": lost["index"], "field": "segment",
                                     "gold": lost["starts_with"], "predicted": None}]
    head = ev.headline(report)
    assert head["kind"] == head["date"] == head["report"] == pytest.approx((n - 1) / n)


def test_reply_to_a_segment_that_was_not_found_is_wrong(gold):
    report = ev.score(gold, gold[1:])
    assert report.fields["replies_to"]["correct"] == len(gold) - 2
    assert [d["field"] for d in report.disagreements] == ["segment", "replies_to"]


def test_missing_reply_loses_its_stances():
    gold = [seg(), seg(index=1, starts_with="B", kind="reply", stances={"1": "accepted"})]
    st = ev.score(gold, gold[:1]).stances
    assert (st["accuracy"], st["missing"]) == (0.0, 1)


def test_predictions_for_unannotated_files_are_ignored():
    report = ev.score([seg()], [seg(), seg(file="other.txt")])
    assert report.segments["precision"] == 1.0
    assert report.segments["ignored_predicted"] == 1


@pytest.mark.parametrize("field", ["references", "participants", "participants.name",
                                   "cc", "deadlines", "addresses", "postcodes"])
def test_empty_fields_score_one_with_zero_support(field):
    report = ev.score([seg(), seg(index=1, starts_with="B")],
                      [seg(), seg(index=1, starts_with="B")])
    assert report.fields[field]["value"] == 1.0
    assert report.fields[field]["support"] == 0


def test_no_gold_stances_scores_one():
    st = ev.score([seg()], [seg()]).stances
    assert (st["accuracy"], st["macro_f1"], st["support"]) == (1.0, 1.0, 0)


def test_predictions_where_gold_is_empty_lower_precision():
    report = ev.score([seg()], [seg(references=["X/1"])])
    f = report.fields["references"]
    assert (f["precision"], f["recall"], f["f1"], f["support"]) == (0.0, 0.0, 0.0, 0)


def test_match_segments(gold):
    pred = copy.deepcopy(gold[1:])
    matched = ev.match_segments(gold, pred)
    assert set(matched) == {(g["file"], g["index"]) for g in gold[1:]}
    assert all(matched[g["file"], g["index"]] is p for g, p in zip(gold[1:], pred))


# ---- output

def test_render_and_json(gold):
    pred = copy.deepcopy(gold)
    pred[1]["stances"]["6"] = "accepted"
    pred[0]["emails"] = []
    report = ev.score(gold, pred)
    text = ev.render(report, max_disagreements=1)
    for needle in ("segments:", "recipients.name", "stances: accuracy", "not_addressed",
                   "gold \\ predicted", "disagreements: 2 (first 1)", "emails", "postcodes"):
        assert needle in text
    assert "by file" not in text
    data = json.loads(ev.to_json(report))
    assert set(data) == {"segments", "fields", "stances", "disagreements"}
    assert data["stances"]["confusion"]["not_addressed"]["accepted"] == 1
    assert data["fields"]["emails"]["fn"] == 3
    assert ev.to_json(report) == ev.to_json(ev.score(gold, pred))


def test_by_file_table_and_json(gold):
    pred = [p for p in copy.deepcopy(gold) if p["file"] != gold[-1]["file"]]
    pred[1]["stances"]["6"] = "accepted"
    report = ev.score(gold, pred)
    lines = ev.render(report, by_file=True).splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("file "))
    for word in ("segs g/p/m", "kind", "date", "sender", "recip", "partic", "recs", "stance", "n_st"):
        assert word in lines[head]
    rows = {line.split()[0]: line.split()[1:] for line in lines[head + 1:head + 7]}
    files = sorted({g["file"] for g in gold})
    assert list(rows) == files + ["total"]
    assert rows[gold[1]["file"]] == ["2/2/2", "1.000", "1.000", "1.000", "1.000", "-", "1.000", "0.500", "2"]
    assert rows[gold[-1]["file"]] == ["1/0/0", "0.000", "0.000", "-", "-", "0.000", "-", "-", "0"]
    assert rows["total"][0] == f"{len(gold)}/{len(gold) - 1}/{len(gold) - 1}"
    assert len({len(line) for line in lines[head:head + 7]}) == 1  # fixed width

    data = json.loads(ev.to_json(report, by_file=True))
    assert set(data["by_file"]) == set(files)
    assert data["by_file"][gold[1]["file"]] == {
        "segments_gold": 2, "segments_predicted": 2, "segments_matched": 2, "kind": 1.0, "date": 1.0,
        "sender": 1.0, "recipients": 1.0, "participants": None, "recommendations_mentioned": 1.0,
        "stance_accuracy": 0.5, "stances": 2}


def test_headline_keys(gold):
    head = ev.headline(ev.score(gold, gold))
    for key in ("segments", "kind", "sender", "sender.name", "recipients", "emails", "postcodes",
                "stances.accuracy", "stances.macro_f1"):
        assert key in head


def test_official_names_and_rounding():
    gold = [seg(kind="reply", stances={"1": "accepted", "2": "accepted", "3": "rejected"})]
    pred = [seg(kind="reply", stances={"1": "accepted", "2": "noted"})]
    figures = ev.official(ev.score(gold, pred))
    assert figures == {
        "segments_f1": 1.0, "kind_acc": 1.0, "date_acc": 1.0, "reply_to_date_acc": None,
        "sender_acc": None, "recipients_f1": 1.0, "cc_f1": 1.0, "participants_f1": 1.0,
        "postcodes_f1": 1.0, "deadlines_f1": 1.0, "recs_f1": 1.0, "stance_acc": 0.333,
        "stance_macro_f1": 0.333, "stance_n": 3,
        "stance_confusion": {"accepted->noted": 1, "rejected->missing": 1}}
    assert "stance_acc" not in ev.official(ev.score([seg()], [seg()]))


# ---- load_gold

@pytest.mark.parametrize("lines, line_no", [
    (['{"file": "a", "starts_with": "x"}', "", '{"file": "a", starts_with: 1}'], 3),
    (["[1, 2]"], 1),
    (['{"file": "a", "starts_with": "x"}', '{"file": "a"}'], 2),
])
def test_load_gold_errors_name_file_and_line(tmp_path, lines, line_no):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ev.GoldFormatError, match=rf"bad\.jsonl:{line_no}:"):
        ev.load_gold(path)


def test_load_gold_reads_seeds(gold):
    assert len(gold) == 8 and all({"file", "starts_with", "stances"} <= set(g) for g in gold)


def test_read_sources_reads_as_the_official_scorer_does(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfDear A\r\nx\xff\n")
    texts = ev.read_sources(tmp_path, [seg(file="a.txt"), seg(file="gone.txt")])
    assert texts == {"a.txt": "\ufeffDear A\nx\ufffd\n"}  # UTF-8, bad bytes replaced, universal newlines
