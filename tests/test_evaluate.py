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
    """Write gold as the pipeline would, to test the fold back end to end."""
    ids = {(g["file"], g["index"]): f"L{i}" for i, g in enumerate(gold)}
    rows: dict[str, list] = {k: [] for k in
                             ("letters", "parties", "addresses", "dates",
                              "recommendation_mentions", "stances")}
    for g in gold:
        lid = ids[(g["file"], g["index"])]
        rows["letters"].append(letter(
            lid, f"corpus/{g['file']}", g["index"], f"\n  \n{g['starts_with']}   \nbody\n",
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
            rows["recommendation_mentions"].append(
                {"letter_id": lid, "recommendation_id": f"R{n}", "number": n, "label": str(n)})
        for k, stance in g["stances"].items():
            rows["stances"].append({"letter_id": lid, "recommendation_id": f"R{k}",
                                    "recommendation_number": int(k), "stance": stance,
                                    "confidence": 0.9})
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

@pytest.fixture(scope="module")
def folded() -> list[dict]:
    tables = make_tables(
        letters=[
            letter("A0", "/x/corpus/f.txt", 0, "\n\n  4 February 2021  \r\nDear Minister\n",
                   date=dt.date(2021, 2, 4), report_title="Report T", references=["MIN/1"]),
            letter("A1", "/x/corpus/f.txt", 1, "Home Office\nbody", kind="reply",
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
        recommendation_mentions=[
            {"letter_id": "A0", "recommendation_id": f"R{n}", "number": n, "label": str(n)}
            for n in (7, 3, 7)],
        stances=[{"letter_id": "A1", "recommendation_id": rid, "recommendation_number": n,
                  "stance": s, "confidence": c}
                 for rid, n, s, c in [("R8.2", 8, "noted", 0.4), ("R8.3", 8, "accepted", 0.8),
                                      ("R6", 6, "rejected", 0.5)]],
    )
    return ev.predicted_from_tables(tables)


@pytest.mark.parametrize("i, field, expected", [
    (0, "file", "f.txt"),
    (0, "index", 0),
    (0, "kind", "letter"),
    (0, "starts_with", "  4 February 2021"),
    (0, "date", "2021-02-04"),
    (0, "replies_to", None),
    (0, "report", "Report T"),
    (0, "references", ["MIN/1"]),
    (0, "sender", {"name": None, "role": "Commissioner", "organisation": None}),
    (0, "recipients", [{"name": "Priti Patel", "role": "Home Secretary",
                        "organisation": "Home Office"},
                       {"name": "R Two", "role": None, "organisation": None}]),
    (0, "cc", [{"name": "C One", "role": None, "organisation": "Ofsted"}]),
    (0, "participants", []),
    (0, "emails", ["priti@ho.gov.uk", "x@y.org"]),
    (0, "addresses", [{"role": "recipient", "postcode": "SW1P 4DF",
                       "lines": ["2 Marsham St", "SW1P 4DF"]}]),
    (0, "deadlines", ["2021-01-15", "2021-01-01"]),
    (0, "recommendations_mentioned", [3, 7]),
    (0, "stances", {}),
    (1, "kind", "reply"),
    (1, "replies_to", 0),
    (1, "reply_to_date", "2021-02-04"),
    (1, "sender", None),
    (1, "participants", [{"name": "P One", "role": "Chair", "organisation": "Org"}]),
    (1, "stances", {"8": "accepted", "6": "rejected"}),
    (1, "references", []),
    (2, "replies_to", None),  # answers a letter in another file
])
def test_predicted_from_tables(folded, i, field, expected):
    assert folded[i][field] == expected


def test_predicted_from_tables_tolerates_missing_tables():
    tables = make_tables(letters=[letter("A0", "f.txt", 0, "Hello")])
    [out] = ev.predicted_from_tables(tables)
    assert out["sender"] is None and out["stances"] == {} and out["emails"] == []


def test_gold_round_trips_through_tables(gold):
    report = ev.score(gold, ev.predicted_from_tables(tables_from_gold(gold)))
    assert report.disagreements == []
    assert all(v == 1.0 for v in ev.headline(report).values())


# ---- normalisation

@pytest.mark.parametrize("raw, expected", [
    ("Rt Hon Priti Patel MP", "priti patel"),
    ("Dame Sara Thornton DBE QPM", "sara thornton"),
    ("Priti Patel", "priti patel"),
    ("  JENNY   Coles ", "jenny coles"),
    ("Dr. Jane Smith", "jane smith"),
    ("Sir Keir Starmer KC MP", "keir starmer"),
    ("Mr Dan O\u2019Brien", "dan o'brien"),
    ("Baroness Williams of Trafford", "williams of trafford"),
    ("", None),
    (None, None),
])
def test_norm_name(raw, expected):
    assert ev.norm_name(raw) == expected


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
    assert st["confusion"][ev.MISSING]["noted"] == 1
    assert st["labels"]["rejected"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                        "support": 0}
    assert st["macro_f1"] < 1.0


@pytest.mark.parametrize("change, field, value", [
    ({"kind": "reply"}, "kind", 0.0),
    ({"date": "2021-01-01"}, "date", 0.0),
    ({"replies_to": 3}, "replies_to", 0.0),
    ({"report": "  the REPORT. "}, "report", 1.0),
    ({"sender": {"name": "Rt Hon Priti Patel MP", "role": "home secretary",
                 "organisation": "Home Office"}}, "sender", 1.0),
    ({"sender": {"name": "Priti Patel", "role": "Minister", "organisation": "Home Office"}},
     "sender", 0.0),
    ({"sender": {"name": "Priti Patel", "role": "Minister", "organisation": "Home Office"}},
     "sender.name", 1.0),
    ({"sender": None}, "sender.name", 0.0),
    ({"emails": ["A@B.ORG", "c@d.org"]}, "emails", 2 / 3),  # P=1/2, R=1
    ({"emails": []}, "emails", 0.0),
    ({"recipients": [{"name": "Mr Bob Lee", "role": "CEO", "organisation": None}]},
     "recipients", 1.0),
    ({"recipients": [{"name": "Bob Lee", "role": "Chair", "organisation": None}]},
     "recipients", 0.0),
    ({"recipients": [{"name": "Bob Lee", "role": "Chair", "organisation": None}]},
     "recipients.name", 1.0),
    ({"recommendations_mentioned": ["3", 4]}, "recommendations_mentioned", 1.0),
    ({"addresses": [{"role": "recipient", "postcode": "sw1p 4df",
                     "lines": ["2 Marsham Street", "SW1P 4DF"]}]}, "addresses", 1.0),
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
        assert [d["field"] for d in report.disagreements] == [field]


@pytest.mark.parametrize("gold_starts, pred_starts, precision, recall", [
    (["A", "B", "C", "D"], ["A", "B", "C", "D"], 1.0, 1.0),
    (["A", "B", "C", "D"], ["A", "B"], 1.0, 0.5),
    (["A", "B"], ["A", "B", "X", "Y"], 0.5, 1.0),
    (["A", "B"], ["  A ", "B\t\n"], 1.0, 1.0),  # whitespace is normalised
    (["A", "B"], ["a", "b"], 0.0, 0.0),  # case is not
    (["A", "A"], ["A"], 1.0, 0.5),  # repeated first lines pair one to one
    ([], [], 1.0, 1.0),
])
def test_segment_matching(gold_starts, pred_starts, precision, recall):
    gold = [seg(index=i, starts_with=s) for i, s in enumerate(gold_starts)]
    pred = [seg(index=i, starts_with=s) for i, s in enumerate(pred_starts)]
    segs = ev.score(gold, pred).segments
    assert (segs["precision"], segs["recall"]) == (precision, recall)


def test_missing_segment_is_a_disagreement_and_not_a_field_error(gold):
    report = ev.score(gold, gold[1:])
    assert report.segments["recall"] == pytest.approx((len(gold) - 1) / len(gold))
    assert report.segments["precision"] == 1.0
    assert report.disagreements == [{"file": gold[0]["file"], "index": 0, "field": "segment",
                                     "gold": gold[0]["starts_with"], "predicted": None}]
    assert ev.headline(report)["kind"] == 1.0


def test_predictions_for_unannotated_files_are_ignored():
    report = ev.score([seg()], [seg(), seg(file="other.txt")])
    assert report.segments["precision"] == 1.0
    assert report.segments["ignored_predicted"] == 1


@pytest.mark.parametrize("field", ["references", "participants", "participants.name",
                                   "cc", "deadlines", "addresses"])
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


# ---- output

def test_render_and_json(gold):
    pred = copy.deepcopy(gold)
    pred[1]["stances"]["6"] = "accepted"
    pred[0]["emails"] = []
    report = ev.score(gold, pred)
    text = ev.render(report, max_disagreements=1)
    for needle in ("segments:", "recipients.name", "stances: accuracy", "not_addressed",
                   "gold \\ predicted", "disagreements: 2 (first 1)", "emails"):
        assert needle in text
    data = json.loads(ev.to_json(report))
    assert set(data) == {"segments", "fields", "stances", "disagreements"}
    assert data["stances"]["confusion"]["not_addressed"]["accepted"] == 1
    assert data["fields"]["emails"]["fn"] == 3
    assert ev.to_json(report) == ev.to_json(ev.score(gold, pred))


def test_headline_keys(gold):
    head = ev.headline(ev.score(gold, gold))
    for key in ("segments", "kind", "sender", "sender.name", "recipients", "emails",
                "stances.accuracy", "stances.macro_f1"):
        assert key in head


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
