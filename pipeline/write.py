"""Records to Arrow tables with the pinned schemas, and tables to Parquet.

The only output I/O. Each table is written beside its final name and renamed
into place, so a run killed at any moment leaves the previous table whole.
Rows are sorted by stable keys, so the same input gives byte-identical files.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.records import Record

SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("source_path",),
    "letters": ("source_path", "index"),
    "parties": ("letter_id", "char_start", "role", "name", "email"),
    "addresses": ("letter_id", "char_start"),
    "dates": ("letter_id", "char_start", "kind"),
    "recommendations": ("report_title", "number", "label", "recommendation_id"),
    "recommendation_mentions": ("letter_id", "char_start", "label"),
    "stances": ("letter_id", "recommendation_number", "recommendation_id"),
    "errors": ("source_path", "stage", "error", "message"),
    "corrections": ("letter_id", "table", "field", "label", "origin"),
}


def _sort_key(row: dict, keys: tuple[str, ...]) -> tuple:
    return tuple((row[k] is None, row[k] if row[k] is not None else 0) if not isinstance(row[k], str) else (False, row[k]) for k in keys)


def to_table(name: str, records: list[Record]) -> pa.Table:
    rows = [r.model_dump(mode="python") for r in records]
    for row in rows:
        for k, v in row.items():
            if hasattr(v, "value") and not isinstance(v, (int, float, str)):
                row[k] = v.value
    rows.sort(key=lambda r: _sort_key(r, SORT_KEYS[name]))
    table = pa.Table.from_pylist(rows, schema=schema.TABLES[name])
    schema.check(name, table)
    return table


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        schema.check(name, table)
        final = out_dir / f"{name}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=out_dir)
        os.close(fd)
        try:
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, final)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        written.append(final)
    return written
