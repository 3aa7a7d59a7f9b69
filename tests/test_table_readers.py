"""One path per table reads the whole table in pandas, DuckDB, Polars and pyarrow, and the
README's DuckDB examples run against an output folder as they are written."""
from __future__ import annotations

import re

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline import schema, write
from pipeline.cli import main
from tests.conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readers") / "outputs"
    assert main(["run", str(CORPUS), "--out", str(folder), "--quiet"]) == 0
    return folder


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_every_reader_sees_the_whole_table(out, corpus_run, name):
    path = out / f"{name}.parquet"
    want = corpus_run.tables[name]
    assert write.canonical(name, pq.read_table(path)).equals(want)
    assert len(pd.read_parquet(path)) == want.num_rows
    assert pl.read_parquet(path).height == want.num_rows
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall() == [(want.num_rows,)]
    assert list(pd.read_parquet(path).columns) == schema.TABLES[name].names


def test_readme_duckdb_examples_run(out, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.S)
    assert len(queries) >= 3
    monkeypatch.chdir(out.parent)  # the examples name 'outputs/...'
    for q in queries:
        duckdb.sql(q).fetchall()
