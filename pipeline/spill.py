"""Rows of a first run kept on disk, by part, until they are written.

A first run over a large corpus makes every row of every table before any
part can be written (a part holds the rows of the link groups that fall in
it, and a group is known only once it is linked). Held in memory, the letters'
and documents' texts alone come to about 1 GB per 100,000 letters. Instead each
batch of rows goes to a Parquet file under ``OUT_DIR/.cache/spill/``, sorted
by the part each row belongs to, one row group per part; parts are read back
from those row groups a chunk of about 32 MB at a time when they are written,
so memory holds a chunk of one table.
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import TABLES

FOLDER = "spill"


@dataclass
class Spill:
    """Where a run's batches go, and which row groups of which file hold each part's rows."""

    root: Path
    n_parts: int
    # (table, part) -> (file, row group, rows, bytes in memory)
    index: dict[tuple[str, int], list[tuple[Path, int, int, int]]] = field(default_factory=lambda: defaultdict(list))
    files: int = 0

    @classmethod
    def under(cls, cache_root: Path, n_parts: int) -> Spill:
        """A fresh spill folder; one left by a run that never wrote its tables is removed (a run
        holds the output folder's lock, so no other run is using it)."""
        root = cache_root / FOLDER
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        return cls(root, n_parts)

    def add(self, name: str, table: pa.Table, buckets: list[int]) -> None:
        """One batch of a table's rows, each with the part it belongs to."""
        if not table.num_rows:
            return
        b = np.asarray(buckets, dtype=np.int64)
        order = np.argsort(b, kind="stable")
        sorted_b, table = b[order], table.take(pa.array(order))
        edges = np.flatnonzero(np.diff(sorted_b)) + 1
        starts, ends = np.concatenate([[0], edges]), np.concatenate([edges, [len(sorted_b)]])
        path = self.root / f"{self.files:06d}-{name}.parquet"
        self.files += 1
        # no statistics: nothing filters on them, and min/max of the text columns make every footer
        # large, and a footer is read for every chunk
        with pq.ParquetWriter(path, TABLES[name], compression="zstd", write_statistics=False) as writer:
            for group, (s, e) in enumerate(zip(starts, ends)):
                piece = table.slice(int(s), int(e - s))
                writer.write_table(piece, row_group_size=piece.num_rows)
                self.index[(name, int(sorted_b[s]))].append((path, group, piece.num_rows, piece.nbytes))

    def rows(self, name: str, bucket: int) -> int:
        return sum(n for _, _, n, _ in self.index.get((name, bucket), ()))

    def nbytes(self, name: str, bucket: int) -> int:
        return sum(b for _, _, _, b in self.index.get((name, bucket), ()))

    def read(self, name: str, bucket: int, columns: list[str] | None = None) -> pa.Table | None:
        """A part's rows as they were added (None when it has none)."""
        return self.read_many(name, [bucket], columns)[bucket]

    def read_many(self, name: str, buckets: list[int], columns: list[str] | None = None
                  ) -> dict[int, pa.Table | None]:
        """Several parts' rows at once, each file read in one call: a first run of 100,000
        letters has hundreds of parts and hundreds of batch files, and a read per part and
        file cost more than the writing."""
        wanted: dict[Path, list[tuple[int, int, int]]] = defaultdict(list)  # file -> (row group, bucket, rows)
        for b in buckets:
            for path, group, rows, _ in self.index.get((name, b), ()):
                wanted[path].append((group, b, rows))
        pieces: dict[int, list[pa.Table]] = defaultdict(list)
        for path, groups in wanted.items():
            groups.sort()
            table = pq.ParquetFile(path).read_row_groups([g for g, _, _ in groups], columns=columns)
            at = 0
            for _, b, rows in groups:
                pieces[b].append(table.slice(at, rows))
                at += rows
        return {b: pa.concat_tables(pieces[b]) if pieces[b] else None for b in buckets}

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class SpilledPart:
    """A part whose rows are on disk, with any rows to add to them (the corrections' warnings)."""

    spill: Spill
    name: str
    bucket: int
    extra: pa.Table | None = None

    @property
    def num_rows(self) -> int:
        return self.spill.rows(self.name, self.bucket) + (self.extra.num_rows if self.extra is not None else 0)

    def load(self, columns: list[str] | None = None, rows: pa.Table | None = None) -> pa.Table | None:
        """Its rows (``rows`` when already read with its neighbours), with the extra ones."""
        if rows is None:
            rows = self.spill.read(self.name, self.bucket, columns)
        got = [t for t in (rows, self.extra.select(columns) if self.extra is not None and columns else self.extra)
               if t is not None and t.num_rows]
        return pa.concat_tables(got) if got else None


def _chunks(parts: dict[int, object], name: str, limit: int) -> list[list[int]]:
    """Consecutive parts, as many at a time as hold about ``limit`` bytes of spilled rows."""
    out: list[list[int]] = [[]]
    held = 0
    for b in sorted(parts):
        n = parts[b].spill.nbytes(name, b) if isinstance(parts[b], SpilledPart) else 0
        if out[-1] and held + n > limit:
            out.append([])
            held = 0
        out[-1].append(b)
        held += n
    return out


def load_in_chunks(parts: dict[int, object], name: str, limit: int = 32 * 2**20):
    """(bucket, table) for every part, spilled ones read a chunk of about ``limit`` bytes at a
    time: memory holds a chunk, and each batch file is read once a chunk."""
    for block in _chunks(parts, name, limit):
        spilled = [b for b in block if isinstance(parts[b], SpilledPart)]
        read = parts[spilled[0]].spill.read_many(name, spilled) if spilled else {}
        for b in block:
            part = parts[b]
            yield b, part.load(rows=read[b]) if isinstance(part, SpilledPart) else part


__all__ = ["Spill", "SpilledPart", "load_in_chunks"]
