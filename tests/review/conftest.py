"""One review site for the tests of this folder: the real pipeline over corpus/ plus a hostile
letter and its reply (tests/data/review/hostile.txt), with analyst corrections beside them."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import corrections as cx
from pipeline.review import build
from tests.conftest import CORPUS, ROOT

HOSTILE = ROOT / "tests" / "data" / "review" / "hostile.txt"
REPLY = ("000_97d8e1f8a8c848d3.txt", 1)  # a reply whose date and first stance the analyst corrects


@dataclass
class ReviewSite:
    corpus: Path
    out: Path
    site: Path
    tables: dict[str, list[dict]]

    def letter(self, source_path: str, index: int) -> dict:
        return next(r for r in self.tables["letters"] if (r["source_path"], r["index"]) == (source_path, index))

    def page(self, letter_id: str) -> Path:
        return self.site / "letters" / f"{letter_id}.html"


@pytest.fixture(scope="session")
def review_site(tmp_path_factory, settings, nlp) -> ReviewSite:
    from pipeline.run import run_corpus, write_outputs

    root = tmp_path_factory.mktemp("review")
    corpus = root / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt")) + [HOSTILE]:
        shutil.copy(p, corpus)
    first = run_corpus(corpus, settings, nlp)
    letters = {(r["source_path"], r["index"]): r for r in first.tables["letters"].to_pylist()}
    reply = letters[REPLY]
    stance = next(s for s in first.tables["stances"].to_pylist() if s["letter_id"] == reply["letter_id"])
    sha = cx.fingerprint(reply["text"])[:16]
    (corpus / "corrections.csv").write_text(
        "letter_id,file,index,text_sha256,field,recommendation,value,note\n"
        f"{reply['letter_id']},,,{sha},date,,2021-02-11,dateline misread\n"
        f"{reply['letter_id']},,,{sha},stance,{stance['label']},deferred,\n"
        f"{reply['letter_id']},,,0123456789abcdef,kind,,letter,made against older text\n", encoding="utf-8")
    out = root / "out"
    write_outputs(run_corpus(corpus, settings, nlp), out)
    site = root / "site"
    build(out, site)
    tables = {p.stem: pq.read_table(p).to_pylist() for p in out.glob("*.parquet")}
    return ReviewSite(corpus, out, site, tables)


@pytest.fixture(scope="session")
def big_site(review_site, tmp_path_factory) -> Path:
    """A site of 450 letters and 20x the register: the run's real rows, copied under new ids, so the
    index and the tracker have more rows than one page shows."""
    import pyarrow as pa

    from pipeline import schema

    out = tmp_path_factory.mktemp("big") / "out"
    out.mkdir()
    letters, recs = review_site.tables["letters"], review_site.tables["recommendations"]
    many = [{**lt, "letter_id": f"{lt['letter_id']}-c{k}"} for k in range(45) for lt in letters][:450]
    register = [{**r, "recommendation_id": f"{r['recommendation_id']}c{k}"} for k in range(20) for r in recs]
    pq.write_table(pa.Table.from_pylist(many, schema=schema.LETTERS), out / "letters.parquet")
    pq.write_table(pa.Table.from_pylist(register, schema=schema.RECOMMENDATIONS), out / "recommendations.parquet")
    site = out / "review"
    build(out, site)
    return site
