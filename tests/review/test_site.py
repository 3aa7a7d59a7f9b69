"""The review site's pages as written: every letter, every link and anchor, the tracker, the
corrections, and untrusted text kept inert. (tests/review/test_browser.py opens them in Chromium.)"""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.review import build
from tests.conftest import ROOT
from tests.review.conftest import REPLY


class Page(HTMLParser):
    """Elements with their attributes and text, enough to check links, anchors and markup."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "col", "area", "base", "embed"}

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(el)
        if tag not in self.VOID:
            self.open.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.open and self.open[-1]["tag"] == tag, f"</{tag}> closes <{self.open[-1]['tag'] if self.open else None}>"
        self.open.pop()

    def handle_data(self, data):
        for el in self.open:
            el["text"] += data

    def ids(self) -> dict[str, dict]:
        return {e["attrs"]["id"]: e for e in self.elements if "id" in e["attrs"]}

    def find(self, tag: str | None = None, cls: str | None = None) -> list[dict]:
        return [e for e in self.elements if (tag is None or e["tag"] == tag)
                and (cls is None or cls in (e["attrs"].get("class") or "").split())]


def pages(site: Path) -> list[Path]:
    return sorted([site / "index.html", site / "tracker.html", *(site / "letters").glob("*.html")])


def test_index_lists_every_letter_and_links_to_its_page(review_site):
    index = Page(review_site.site / "index.html")
    rows = index.find("tr")[1:]
    assert len(rows) == len(review_site.tables["letters"])
    links = [a["attrs"]["href"] for a in index.find("a") if a["attrs"]["href"].startswith("letters/")]
    assert sorted(links) == sorted(f"letters/{r['letter_id']}.html" for r in review_site.tables["letters"])
    assert all((review_site.site / h).is_file() for h in links)
    for label in ("Date", "Kind", "Sender", "Recipients", "Report", "Mentions", "Stances"):
        assert any(b["text"] == label for b in index.find("button")), label


def test_every_anchor_a_letter_page_links_to_exists(review_site):
    for lt in review_site.tables["letters"]:
        page = Page(review_site.page(lt["letter_id"]))
        ids = page.ids()
        for a in page.find("a"):
            href = a["attrs"]["href"]
            if href.startswith("#"):
                assert href[1:] in ids, f"{lt['letter_id']}: {href} has no target"
            else:
                target, _, frag = href.partition("#")
                path = (review_site.page(lt["letter_id"]).parent / target).resolve()
                assert path.is_file(), href
                if frag:
                    assert f'id="{frag}"' in path.read_text(encoding="utf-8"), href


def test_each_stance_links_to_its_evidence_highlighted_in_the_text(review_site):
    stances = [s for s in review_site.tables["stances"] if s["evidence"]]
    assert len(stances) >= 8
    for lid in {s["letter_id"] for s in stances}:
        page = Page(review_site.page(lid))
        ids = page.ids()
        want = sorted(s["evidence"] for s in stances if s["letter_id"] == lid)
        linked = [ids[a["attrs"]["href"][1:]] for a in page.find("a", "stance")]
        assert all(m["tag"] == "mark" and "hl-evidence" in m["attrs"]["class"] for m in linked)
        assert sorted(m["text"] for m in linked) == want


def test_spans_of_every_type_are_highlighted(review_site):
    lt = review_site.letter("000_97d8e1f8a8c848d3.txt", 0)
    page = Page(review_site.page(lt["letter_id"]))
    text = page.ids()["text"]["text"].removeprefix("\n")  # the newline a <pre> starts with is not shown
    assert text == lt["text"], "the highlighted text is the letter's text, every character"
    parties = [p for p in review_site.tables["parties"] if p["letter_id"] == lt["letter_id"] and p["char_start"] is not None]
    shown = {e["text"] for e in page.find("span", "hl-party")}
    assert {lt["text"][p["char_start"] - lt["char_start"]:p["char_end"] - lt["char_start"]] for p in parties} <= shown
    for cls in ("hl-date", "hl-address", "hl-mention"):
        assert page.find("span", cls), cls


def test_a_reply_links_to_the_letter_it_answers_and_back(review_site):
    reply = review_site.letter(*REPLY)
    page = Page(review_site.page(reply["letter_id"]))
    [link] = page.find("a", "in-reply-to")
    assert link["attrs"]["href"] == f"../letters/{reply['in_reply_to']}.html"
    answered = Page(review_site.page(reply["in_reply_to"]))
    assert f"../letters/{reply['letter_id']}.html" in [a["attrs"]["href"] for a in answered.find("a", "answered-by")]


def test_tracker_has_a_row_per_recommendation_with_each_replys_stance(review_site):
    tracker = Page(review_site.site / "tracker.html")
    ids = tracker.ids()
    register = review_site.tables["recommendations"]
    rows = [e for e in tracker.find("tr") if e["attrs"].get("id", "").startswith("r-")]
    assert sorted(r["attrs"]["id"] for r in rows) == sorted(f"r-{r['recommendation_id']}" for r in register)
    chips = Counter(a["attrs"]["class"].split()[1] for a in tracker.find("a", "st"))
    assert chips == Counter(f"st-{s['stance']}" for s in review_site.tables["stances"])
    for s in review_site.tables["stances"]:
        assert s["stance"].replace("_", " ") in ids[f"r-{s['recommendation_id']}"]["text"]


def test_tracker_chart_counts_stances_per_report_in_inline_svg(review_site):
    tracker = Page(review_site.site / "tracker.html")
    [svg] = tracker.find("svg")
    register = {r["recommendation_id"]: r["report_title"] for r in review_site.tables["recommendations"]}
    want = Counter((register[s["recommendation_id"]] or "(no report named)", s["stance"])
                   for s in review_site.tables["stances"])
    got = Counter()
    for rect in tracker.find("rect", "bar"):
        title = tracker.elements[tracker.elements.index(rect) + 1]
        if title["tag"] == "title":
            report, _, rest = title["text"].rpartition(": ")
            n, stance = rest.split(" ", 1)
            got[(report, stance.replace(" ", "_"))] += int(n)
    assert got == want


def test_corrections_show_as_corrected_and_stale_ones_are_listed(review_site):
    reply = review_site.letter(*REPLY)
    assert reply["source"] == "manual"
    page = Page(review_site.page(reply["letter_id"]))
    [date] = [e for e in page.find("td") if e["attrs"].get("data-field") == "date"]
    assert "2021-02-11" in date["text"] and "corrected" in date["text"] and "extracted: 2021-02-10" in date["text"]
    [stance_row] = [r for r in page.find("tr", "stance-row") if "corrected" in r["attrs"]["class"]]
    assert "deferred" in stance_row["text"]
    index = Page(review_site.site / "index.html")
    warnings = index.ids()["correction-warnings"]["text"]
    assert "W601" in warnings and "stale" in warnings and "corrections.csv:4" in warnings
    assert sum(1 for r in index.find("tr") if r["attrs"].get("data-corrected") == "yes") == 1


def test_a_letter_page_offers_correction_rows_that_apply_as_written(review_site):
    from pipeline import corrections as cx

    reply = review_site.letter(*REPLY)
    page = Page(review_site.page(reply["letter_id"]))
    [template] = page.find("pre", "template")
    lines = template["text"].strip().splitlines()
    assert lines[0] == ",".join(cx.COLUMNS)
    rows = list(csv.DictReader(lines))
    parsed = [cx.parse_row(r, f"page:{i}") for i, r in enumerate(rows)]
    assert all(isinstance(p, cx.Correction) for p in parsed), parsed
    assert {p.field for p in parsed} == {"date", "stance"}


def test_untrusted_text_is_escaped_and_nothing_is_built_to_run(review_site):
    hostile = review_site.letter("hostile.txt", 0)
    raw = review_site.page(hostile["letter_id"]).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1" in raw and "onerror=&#34;window.__pwned=2&#34;" in raw
    for path in pages(review_site.site):
        page = Page(path)
        head = [e for e in page.elements if e["tag"] == "meta" and e["attrs"].get("http-equiv")]
        assert head and head[0]["attrs"]["http-equiv"] == "Content-Security-Policy", path
        csp = head[0]["attrs"]["content"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
        for e in page.elements:
            bad = [k for k in e["attrs"] if k.startswith("on") or k in ("style", "srcdoc", "formaction")]
            assert not bad, f"{path.name}: <{e['tag']} {bad}>"
            for k in ("href", "src", "action", "xlink:href"):
                v = (e["attrs"].get(k) or "").strip().lower()
                assert not re.match(r"(javascript|data|vbscript|https?):|//", v), f"{path.name}: {k}={v}"
        scripts = page.find("script")
        assert [s["attrs"].get("src") for s in scripts] in (["assets/review.js"], ["../assets/review.js"])
        assert all(not s["text"].strip() for s in scripts)
        assert not page.find("img") and not page.find("iframe") and not page.find("style")


def test_the_assets_are_files_of_the_site(review_site):
    assert (review_site.site / "assets" / "review.js").is_file()
    assert (review_site.site / "assets" / "review.css").is_file()
    js = (review_site.site / "assets" / "review.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "eval(" not in js and "insertAdjacentHTML" not in js


def test_rebuilding_drops_pages_of_letters_that_left(review_site, tmp_path):
    site = tmp_path / "site"
    (site / "letters").mkdir(parents=True)
    (site / "letters" / "gone-000.html").write_text("old", encoding="utf-8")
    stats = build(review_site.out, site)
    assert not (site / "letters" / "gone-000.html").exists()
    assert stats.letters == len(review_site.tables["letters"]) == len(list((site / "letters").glob("*.html")))


def test_review_command_writes_into_out_dir_review_by_default(review_site, tmp_path, capsys):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(review_site.out, out)
    assert main(["review", str(out)]) == 0
    assert (out / "review" / "index.html").is_file() and (out / "review" / "tracker.html").is_file()
    assert "index.html" in capsys.readouterr().out
    assert main(["review", str(out), "--site", str(tmp_path / "elsewhere")]) == 0
    assert (tmp_path / "elsewhere" / "index.html").is_file()


def test_review_of_a_folder_without_tables_is_a_usage_error(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "letters.parquet" in capsys.readouterr().err


def test_review_command_has_help_and_is_documented():
    done = subprocess.run([sys.executable, "-m", "pipeline", "review", "--help"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0 and "--site" in done.stdout and "exit codes" in done.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"python -m pipeline review\b", readme)
    assert "corrections.csv" in readme and "W601" in readme


def test_a_recommendation_the_register_repeats_has_one_tracker_row(review_site, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline import schema

    out = tmp_path / "out"
    out.mkdir()
    recs = review_site.tables["recommendations"]
    again = {**recs[0], "letter_id": review_site.tables["letters"][-1]["letter_id"]}
    pq.write_table(pa.Table.from_pylist(review_site.tables["letters"], schema=schema.LETTERS), out / "letters.parquet")
    pq.write_table(pa.Table.from_pylist(recs + [again], schema=schema.RECOMMENDATIONS), out / "recommendations.parquet")
    build(out, tmp_path / "site")
    tracker = Page(tmp_path / "site" / "tracker.html")
    ids = [e["attrs"]["id"] for e in tracker.find("tr") if e["attrs"].get("id", "").startswith("r-")]
    assert len(ids) == len(set(ids)) == len(recs)
