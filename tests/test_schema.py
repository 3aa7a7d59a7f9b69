"""The written tables carry exactly the pinned schemas analysts query."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import schema, write
from pipeline.records import ErrorRow


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_written_table_matches_pinned_schema(corpus_run, tmp_path, name):
    write.write_tables(corpus_run.tables, tmp_path)
    table = pq.read_table(tmp_path / f"{name}.parquet")
    assert table.schema.equals(schema.TABLES[name], check_metadata=False), f"{table.schema}\n!=\n{schema.TABLES[name]}"


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_empty_tables_keep_their_types(name):
    """An empty corpus must not turn columns into type null."""
    table = write.to_table(name, [])
    assert table.num_rows == 0
    assert table.schema.equals(schema.TABLES[name], check_metadata=False)


def test_check_prints_both_schemas_on_drift():
    bad = pa.table({"source_path": ["a"], "stage": ["load"]})
    with pytest.raises(schema.SchemaMismatch) as exc:
        schema.check("errors", bad)
    assert "expected:" in str(exc.value) and "actual:" in str(exc.value)


def test_same_input_gives_byte_identical_tables(corpus_run, settings, nlp, tmp_path):
    from pipeline.run import run_corpus
    from tests.conftest import CORPUS

    write.write_tables(corpus_run.tables, tmp_path / "a")
    write.write_tables(run_corpus(CORPUS, settings, nlp).tables, tmp_path / "b")
    for name in schema.TABLES:
        a, b = sorted((tmp_path / "a" / f"{name}.parquet").iterdir()), sorted((tmp_path / "b" / f"{name}.parquet").iterdir())
        assert [p.name for p in a] == [p.name for p in b] and a, name
        assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b], name


def test_write_leaves_no_temporary_files(corpus_run, tmp_path):
    write.write_tables(corpus_run.tables, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in schema.TABLES)
    for folder in tmp_path.iterdir():
        assert all(write.PART.match(p.name) for p in folder.iterdir()), sorted(folder.iterdir())


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_canonical_order_does_not_depend_on_input_order(corpus_run, name):
    table = corpus_run.tables[name]
    reversed_ = table.take(pa.array(range(table.num_rows - 1, -1, -1), type=pa.int64()))
    assert write.canonical(name, reversed_).equals(table)


def test_errors_table_round_trips():
    row = ErrorRow(source_path="x.txt", stage="load", error="E004", message="x.txt: empty")
    table = write.to_table("errors", [row])
    assert table.to_pylist() == [row.model_dump()]
