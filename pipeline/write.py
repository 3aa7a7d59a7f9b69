"""Records to Arrow tables with the pinned schemas, and tables to Parquet datasets.

The only output I/O. Each table is a folder of Parquet parts,
``OUT_DIR/<table>.parquet/part-BBBB-of-NNNN.parquet``, that pandas, DuckDB,
Polars and pyarrow read as one table through the folder's path. A file's rows
sit in one part (chosen by a hash of its link group, see ``incremental``), so
a rerun rewrites only the parts whose files changed. Every part is written
beside its final name and renamed into place, so a run killed at any moment
leaves every part whole. Rows are in one canonical order (``canonical``), so
the same input gives byte-identical parts whatever order it was computed in.
Files are created with the user's umask, as any tool would.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
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
PART = re.compile(r"^part-(\d{4})-of-(\d{4})\.parquet$")


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask would, for every thread)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def file_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0666 less the umask (0644 at umask 022)."""
    return 0o666 & ~_umask()


def atomic_write(path: Path, write) -> None:
    """``write(tmp_path)`` beside ``path``, then the user's mode, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, file_mode())  # mkstemp makes 0600
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(data))


def plain_rows(records: Iterable[Record]) -> list[dict]:
    rows = [r.model_dump(mode="python") for r in records]
    for row in rows:
        for k, v in row.items():
            if hasattr(v, "value") and not isinstance(v, (int, float, str)):
                row[k] = v.value
    return rows


def to_table(name: str, records: Iterable[Record]) -> pa.Table:
    table = pa.Table.from_pylist(plain_rows(records), schema=schema.TABLES[name])
    return canonical(name, table)


def canonical(name: str, table: pa.Table) -> pa.Table:
    """Rows sorted by the table's keys, then by every other scalar column (nulls last), one chunk,
    category columns encoded in order of first appearance: one layout for the same rows however
    they were gathered."""
    expected = schema.TABLES[name]
    table = table.cast(expected) if not table.schema.equals(expected) else table
    keys = list(SORT_KEYS[name]) + [f.name for f in expected if f.name not in SORT_KEYS[name]
                                    and not pa.types.is_list(f.type) and not pa.types.is_large_string(f.type)]
    if table.num_rows > 1:
        sortable = pa.table({k: (table[k].cast(pa.string()) if pa.types.is_dictionary(table[k].type) else table[k])
                             for k in keys})
        order = pc.sort_indices(sortable, options=pc.SortOptions([(k, "ascending", "at_end") for k in keys]))
        table = table.take(order)
    cols = []
    for f in expected:
        col = table[f.name]
        if pa.types.is_dictionary(f.type):
            col = pc.dictionary_encode(col.cast(pa.string()).combine_chunks())
        cols.append(col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col)
    out = pa.Table.from_arrays(cols, schema=expected)
    schema.check(name, out)
    return out


def bucket_of(key: str, n_parts: int) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % n_parts


def part_name(bucket: int, n_parts: int) -> str:
    return f"part-{bucket:04d}-of-{n_parts:04d}.parquet"


def table_dir(out_dir: Path, name: str) -> Path:
    return out_dir / f"{name}.parquet"


def _as_dir(path: Path) -> None:
    """A table written by an older version as one file becomes a folder of parts."""
    if path.is_file() or path.is_symlink():
        path.unlink()
    path.mkdir(parents=True, exist_ok=True)


def write_part(out_dir: Path, name: str, bucket: int, n_parts: int, table: pa.Table | None) -> Path:
    """Replace one part. An empty part is removed, but for part 0, which always exists, so that a
    table with no rows still has its columns and types for readers."""
    folder = table_dir(out_dir, name)
    _as_dir(folder)
    final = folder / part_name(bucket, n_parts)
    if table is None or table.num_rows == 0:
        if bucket != 0:
            final.unlink(missing_ok=True)
            return final
        table = schema.TABLES[name].empty_table()
    schema.check(name, table)
    atomic_write(final, lambda tmp: pq.write_table(table, tmp, compression="zstd"))
    return final


def read_part(out_dir: Path, name: str, bucket: int, n_parts: int) -> pa.Table | None:
    path = table_dir(out_dir, name) / part_name(bucket, n_parts)
    try:
        return pq.read_table(path, schema=schema.TABLES[name])
    except FileNotFoundError:
        return None


def part_rows(out_dir: Path, name: str, bucket: int, n_parts: int) -> int:
    path = table_dir(out_dir, name) / part_name(bucket, n_parts)
    try:
        return pq.ParquetFile(path).metadata.num_rows
    except FileNotFoundError:
        return 0


def remove_stale_parts(out_dir: Path, name: str, n_parts: int) -> None:
    """Parts of another layout (the corpus grew and was re-partitioned) and stray temporary files."""
    folder = table_dir(out_dir, name)
    if not folder.is_dir():
        return
    for p in folder.iterdir():
        m = PART.match(p.name)
        if (m and int(m.group(2)) != n_parts) or p.name.endswith(".tmp"):
            p.unlink(missing_ok=True)


def read_table(out_dir: Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """A whole table from its folder, as an analyst's ``pq.read_table(folder)`` gives it."""
    folder = table_dir(out_dir, name)
    files = sorted(p for p in folder.glob("part-*.parquet")) if folder.is_dir() else []
    sch = schema.TABLES[name]
    if columns is not None:
        sch = pa.schema([sch.field(c) for c in columns])
    if not files:
        return sch.empty_table()
    return pa.concat_tables([pq.read_table(p, schema=sch, columns=columns) for p in files])


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> list[Path]:
    """Whole tables, each as a dataset of one part (what a run without a link state writes)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        schema.check(name, table)
        written.append(write_part(out_dir, name, 0, 1, table))
        remove_stale_parts(out_dir, name, 1)
    return written


def clear_table(out_dir: Path, name: str) -> None:
    folder = table_dir(out_dir, name)
    if folder.is_dir():
        shutil.rmtree(folder)
