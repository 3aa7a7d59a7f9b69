"""The Parquet tables a run wrote, read and grouped by letter for the review site.

The site reads these tables and nothing else (not the corpus, not the cache),
so what an analyst sees is exactly what the tables say. Tables written before
a column or table existed (``source``, ``corrections``) read as empty.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

NEEDED = ("letters",)
OPTIONAL = ("parties", "addresses", "dates", "recommendations", "recommendation_mentions", "stances",
            "errors", "corrections")


class TablesMissing(FileNotFoundError):
    """The folder holds no tables of a run."""


@dataclass
class Tables:
    letters: list[dict]
    parties: list[dict] = field(default_factory=list)
    addresses: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    recommendations: list[dict] = field(default_factory=list)
    recommendation_mentions: list[dict] = field(default_factory=list)
    stances: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)


def read(out_dir: Path) -> Tables:
    """Every table of a run in ``out_dir``; ``letters.parquet`` must be there."""
    for name in NEEDED:
        if not (out_dir / f"{name}.parquet").exists():
            raise TablesMissing(f"[E704] {out_dir} holds no {name}.parquet: run `python -m pipeline run "
                                f"CORPUS --out {out_dir}` first")
    found = {}
    for name in NEEDED + OPTIONAL:
        path = out_dir / f"{name}.parquet"
        # a folder of parts (this version) or one file (an older one) reads the same way
        found[name] = pq.read_table(path).to_pylist() if path.exists() else []
    return Tables(**found)


def by_letter(rows: list[dict], key: str = "letter_id") -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get(key) is not None:
            out[r[key]].append(r)
    return out
