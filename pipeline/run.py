"""Load -> extract -> link -> tables: the whole pipeline over a corpus folder.

A file that fails at any stage becomes an ``errors`` row naming the file and
the problem, and the run goes on; every good file's rows are kept.

With an output folder, a rerun costs what changed: a file whose size and
times are as the last run saw them is not read, only new and changed files
are extracted, only the link groups a change can affect are linked again
(``incremental``), and only the Parquet parts those groups live in are
rewritten (``write``).
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa

from pipeline import corrections as corrections_mod
from pipeline import executors, incremental, lexicon, write
from pipeline.cache import Cache, code_version, file_hash
from pipeline.config import Settings
from pipeline.executors import FileResult
from pipeline.records import ErrorRow
from pipeline.learn.stance_model import StanceModel
from pipeline.schema import TABLES
from pipeline.spill import Spill, SpilledPart, load_in_chunks
from pipeline.stages import load

log = logging.getLogger("pipeline")

MODEL_FROM_SETTINGS = object()  # run_corpus's default: the stance model trained into models/
CORRECTIONS_BESIDE_CORPUS = object()  # run_corpus's default: corrections.csv/.jsonl in the corpus folder
FIXES = "\0corrections"  # owner of the corrections' own errors rows, in the part this key falls in
RETAIN = 2000  # extraction results kept in memory; past that they are read back from the cache
PENDING = "pending"  # in OUT_DIR/.cache while parts are being replaced: the next run links everything

EXIT_OK = 0
EXIT_FILE_ERRORS = 1
EXIT_USAGE = 2
EXIT_FATAL = 3


@dataclass
class RunResult:
    """A run's outcome: whole tables, or (with an output folder) the parts it replaces."""

    n_files: int
    extracted: int = 0
    cached: int = 0
    left_out: int = 0  # files --include/--exclude left out
    manifest: dict[str, str | None] | None = None
    cache: Cache | None = None
    linked_files: int = 0
    out_dir: Path | None = None
    n_parts: int = 1
    parts: dict[str, dict[int, pa.Table | SpilledPart | None]] = field(default_factory=dict)  # table -> bucket -> part
    full_layout: bool = True  # every part is in ``parts`` (a first or full run)
    state: incremental.LinkState | None = None
    stale_cache: set[Path] = field(default_factory=set)
    dirty: bool = True  # anything to write: an unchanged rerun leaves every file as it is
    _tables: dict[str, pa.Table] | None = None

    @property
    def tables(self) -> dict[str, pa.Table]:
        """Whole tables: the parts this run made and, with an output folder, the ones it kept."""
        if self._tables is None:
            self._tables = {name: write.canonical(name, self._whole(name)) for name in TABLES}
        return self._tables

    def _part(self, name: str, bucket: int, columns: list[str] | None = None) -> pa.Table | None:
        mine = self.parts.get(name, {})
        if bucket in mine:
            t = mine[bucket]
            if isinstance(t, SpilledPart):
                return t.load(columns)
            return t.select(columns) if t is not None and columns else t
        if self.full_layout or self.out_dir is None:
            return None
        path = write.table_dir(self.out_dir, name) / write.part_name(bucket, self.n_parts)
        if not path.exists():
            return None
        import pyarrow.parquet as pq

        sch = TABLES[name] if columns is None else pa.schema([TABLES[name].field(c) for c in columns])
        return pq.read_table(path, schema=sch, columns=columns)

    def _whole(self, name: str, columns: list[str] | None = None) -> pa.Table:
        got = [t for b in range(self.n_parts) if (t := self._part(name, b, columns)) is not None]
        sch = TABLES[name] if columns is None else pa.schema([TABLES[name].field(c) for c in columns])
        return pa.concat_tables(got) if got else sch.empty_table()

    def count(self, name: str) -> int:
        if self._tables is not None:
            return self._tables[name].num_rows
        total = 0
        for b in range(self.n_parts):
            mine = self.parts.get(name, {})
            if b in mine:
                total += mine[b].num_rows if mine[b] is not None else 0
            elif not self.full_layout and self.out_dir is not None:
                total += write.part_rows(self.out_dir, name, b, self.n_parts)
        return total

    def column(self, name: str, col: str) -> list:
        if self._tables is not None:
            return self._tables[name].column(col).to_pylist()
        return self._whole(name, [col]).column(col).to_pylist()

    @property
    def failed_files(self) -> int:
        errs = self._whole("errors", ["source_path", "error"]).to_pylist()
        return len({e["source_path"] for e in errs if e["error"].startswith("E")})

    def summary(self) -> dict[str, int | dict[str, int]]:
        kinds = Counter(self.column("letters", "kind"))
        errors = self.column("errors", "error")
        return {
            "files": self.n_files,
            "left out": self.left_out,
            "documents": self.count("documents"),
            "letters": self.count("letters"),
            "kinds": dict(sorted(kinds.items())),
            "parties": self.count("parties"),
            "addresses": self.count("addresses"),
            "dates": self.count("dates"),
            "recommendations": self.count("recommendations"),
            "mentions": self.count("recommendation_mentions"),
            "stances": self.count("stances"),
            "extracted": self.extracted,
            "from cache": self.cached,
            "linked": self.linked_files,
            "errors": self.failed_files,
            "corrections": self.count("corrections"),
            "warnings": sum(1 for e in errors if not e.startswith("E")),
        }


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", disable=not enabled, dynamic_ncols=True, leave=False)


def _stat(path: Path) -> tuple[int, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def run_corpus(corpus: Path, settings: Settings, nlp=None, *, workers: int = 1,
               executor: str = "local", scheduler: str | None = None, out_dir: Path | None = None,
               full: bool = False, progress: bool = False, stance_model=MODEL_FROM_SETTINGS,
               corrections=CORRECTIONS_BESIDE_CORPUS) -> RunResult:
    """Every stage over every file of ``corpus``.

    With ``out_dir``, unchanged files (same path, same bytes, same code and
    models) are taken from the cache there, only the rest is extracted, and
    only what a change can affect is linked again; ``full`` does it all again.
    The analysts' corrections in the corpus folder (or in the files
    ``corrections`` lists) are applied to the linked rows; a change to them
    links everything again. ``corrections=None`` applies none, as ``evaluate``
    scores the pipeline alone.
    """
    lex = lexicon.load(settings.models_dir)
    if stance_model is MODEL_FROM_SETTINGS:
        stance_model = StanceModel.load(settings.models_dir)
    found, bad = corrections_mod.load(corrections_mod.beside(corpus) if corrections is CORRECTIONS_BESIDE_CORPUS
                                      else list(corrections or []))
    fixes = incremental.Fixes(found)
    fixes_print = hashlib.sha256(repr((found, [(e.source_path, e.error, e.message) for e in bad]))
                                 .encode()).hexdigest()
    files, left_out = load.select(corpus, settings)
    sources = [p.relative_to(corpus).as_posix() for p in files]
    version = code_version(settings)
    cache = Cache(out_dir, version) if out_dir is not None else None
    state = None
    if cache is not None and not full and not (cache.root / PENDING).exists():
        state = incremental.LinkState.load(cache.dir)
        if state is not None and (state.version != version or state.follow_links != settings.follow_links
                                  or getattr(state, "fixes", None) != fixes_print
                                  or incremental.needs_new_layout(state.n_parts, len(files))):
            state = None
    results: dict[str, FileResult] = {}
    present: dict[str, tuple[int, ...] | None] = {}
    hashes: dict[str, str | None] = {}
    changed: set[str] = set()
    todo: list[str] = []
    for path, src in zip(files, sources):
        old = state.files.get(src) if state is not None else None
        outside = load.link_outside(path, corpus, settings)
        if outside is not None:  # never stat nor read what it points to
            present[src], hashes[src] = None, None
            results[src] = FileResult(src, None, errors=[outside])
            if old is None or old.stat is not None or old.errors != ((outside.error, outside.message),):
                changed.add(src)
            continue
        st = present[src] = _stat(path)
        if old is not None and old.timeout and (settings.file_timeout is None or settings.file_timeout > old.timeout):
            old = None  # it ran out of a smaller time budget: try again
        if old is not None and st is not None and old.stat == st:
            hashes[src] = old.sha
            continue
        sha = hashes[src] = file_hash(path) if cache is not None else None
        if old is not None and sha is not None and old.sha == sha:
            continue  # touched, not changed
        changed.add(src)
        if cache is not None and sha and not full:
            hit = cache.get(src, sha)
            if isinstance(hit, FileResult) and not (hit.timeout and (settings.file_timeout is None
                                                                     or settings.file_timeout > hit.timeout)):
                if len(results) < RETAIN:
                    results[src] = hit
                continue
        todo.append(str(path))
    deleted = set(state.files) - set(present) if state is not None else set()
    if executor == "dask":
        runner = executors.dask(corpus, settings, scheduler, workers)
    else:
        runner = executors.local(corpus, settings, workers, nlp)
    started = time.perf_counter()
    letters = 0
    with _progress(len(todo), progress) as bar:
        for res in runner(todo):
            if cache is not None and res.sha256:
                cache.put(res.source_path, res.sha256, res)
                if len(todo) > RETAIN:  # read back from the cache when linked: memory holds a part at a time
                    continue
            results[res.source_path] = res
            letters += sum(len(r.doc.letters) for r in res.flat() if r.doc)
            bar.update(1)
            bar.set_postfix(letters_per_s=f"{letters / max(1e-9, time.perf_counter() - started):.1f}", refresh=False)

    def result_of(src: str) -> FileResult:
        if src in results:
            return results[src]
        hit = cache.get(src, hashes[src]) if cache is not None and hashes.get(src) else None
        if not isinstance(hit, FileResult):  # the cache lost it: extract it again
            hit = executors.process_file(str(corpus / src), str(corpus), settings, nlp)
            if cache is not None and hit.sha256:
                cache.put(src, hit.sha256, hit)
        if len(results) < RETAIN:
            results[src] = hit
        return hit

    spill = Spill.under(cache.root, incremental.parts_for(len(present))) if cache is not None and state is None \
        else None
    outcome = incremental.relink(state, present, changed | deleted, result_of, lex, stance_model, fixes, spill)
    result = RunResult(len(files), extracted=len(todo), cached=len(files) - len(todo), left_out=len(left_out),
                       manifest=hashes if cache is not None else None, cache=cache,
                       linked_files=len(outcome.linked_paths & set(present)))
    if cache is None:
        fix_rows = _fix_errors(found, bad, outcome.entries)
        tables = {name: write.canonical(name, pa.concat_tables([t, write.to_table(name, fix_rows)])
                                        if name == "errors" else t) for name, t in outcome.tables.items()}
        result._tables = tables
        result.parts = {name: {0: t} for name, t in tables.items()}
        return result
    _plan_parts(result, out_dir, state, outcome, outcome.tables, present, settings, version,
                (found, bad, fixes_print))
    if state is not None:
        result.stale_cache = {cache.entry(p, state.files[p].sha) for p in (changed | deleted)
                              if p in state.files and state.files[p].sha and state.files[p].sha != hashes.get(p)}
    return result


def _fix_errors(found: list, bad: list[ErrorRow], entries: dict[str, incremental.FileEntry]) -> list[ErrorRow]:
    """The corrections' own errors rows over the whole corpus: the files that could not be read,
    what each file's corrections warned of, and the corrections that found no letter."""
    matched = {o for e in entries.values() for o in e.fixed}
    return [*bad, *(e for p in sorted(entries) for e in entries[p].fix_errors),
            *(corrections_mod.not_found(c) for c in found if c.origin not in matched)]


class _Owners:
    """Which file each row belongs to: by its path or its letter's document id, an e-mail's
    attachments belonging to the e-mail's file, and the corrections' warnings to FIXES."""

    def __init__(self, entries: dict[str, incremental.FileEntry], fix_sources: set[str]):
        self.of_source = {p: p for p in entries}
        self.of_source.update({a: p for p, e in entries.items() for a in e.sources})
        self.of_doc = {d: p for p, e in entries.items() for d in e.doc_ids}
        self.fix_sources = fix_sources

    def __call__(self, name: str, table: pa.Table) -> list[str | None]:
        if name == "errors":
            return [FIXES if s in self.fix_sources and s not in self.of_source else self.of_source.get(s)
                    for s in table.column("source_path").to_pylist()]
        if name in ("documents", "letters"):
            return [self.of_source.get(s) for s in table.column("source_path").to_pylist()]
        return [self.of_doc.get(x[:16]) for x in table.column("letter_id").to_pylist()]


def _split(name: str, table: pa.Table, bucket_of_path: dict[str, int], owners: _Owners) -> dict[int, pa.Table]:
    buckets = np.array([bucket_of_path[o] for o in owners(name, table)], dtype=np.int64)
    out: dict[int, pa.Table] = {}
    if not len(buckets):
        return out
    order = np.argsort(buckets, kind="stable")
    sorted_b = buckets[order]
    taken = table.take(pa.array(order))
    edges = np.flatnonzero(np.diff(sorted_b)) + 1
    starts = np.concatenate([[0], edges])
    ends = np.concatenate([edges, [len(sorted_b)]])
    for s, e in zip(starts, ends):
        out[int(sorted_b[s])] = taken.slice(int(s), int(e - s))
    return out


def _plan_parts(result: RunResult, out_dir: Path, state, outcome: incremental.Outcome,
                tables: dict[str, pa.Table], present: dict, settings: Settings, version: str,
                fixes: tuple) -> None:
    """Which parts this run replaces, and with what: the old part less the linked files' rows,
    plus their new rows. The corrections' warnings are gathered over the whole corpus and
    rewritten, in the part FIXES falls in, whenever they change."""
    full = state is None
    n_parts = incremental.parts_for(len(present)) if full else state.n_parts
    entries = dict(state.files) if state is not None else {}
    for p in outcome.linked_paths:
        entries.pop(p, None)
    kept_paths = set(entries) & set(present)
    restat = 0
    for p in kept_paths:  # touched but not changed: remember the new times, so the next run need not read it
        if entries[p].stat != present[p]:
            entries[p] = dataclasses.replace(entries[p], stat=present[p])
            restat += 1
    entries.update(outcome.entries)
    found, bad, fixes_print = fixes
    live = {p: entries[p] for p in sorted(entries) if p in present}
    fix_rows = _fix_errors(found, bad, live)
    fix_key = tuple((e.source_path, e.error, e.message) for e in fix_rows)
    fix_changed = full or fix_key != getattr(state, "fix_rows", ())
    result.dirty = full or bool(outcome.linked_paths) or restat > 0 or fix_changed
    new_state = incremental.LinkState(version, settings.follow_links, n_parts, live, fixes_print, fix_key)
    bucket_of_path = {p: write.bucket_of(e.group, n_parts) for p, e in outcome.entries.items()}
    bucket_of_path[FIXES] = fix_bucket = write.bucket_of(FIXES, n_parts)
    affected = set(range(n_parts)) if full else (
        {write.bucket_of(state.files[p].group, n_parts) for p in outcome.linked_paths if p in state.files}
        | {write.bucket_of(e.group, n_parts) for e in outcome.entries.values()}
        | ({fix_bucket} if fix_changed else set()))
    if outcome.spill is not None:  # a first run's rows wait on disk, by part, until written
        result.parts = {name: {b: SpilledPart(outcome.spill, name, b) for b in range(n_parts)} for name in TABLES}
        result.parts["errors"][fix_bucket].extra = write.to_table("errors", fix_rows)
        result.out_dir, result.n_parts, result.full_layout, result.state = out_dir, n_parts, full, new_state
        return
    if fix_bucket in affected:  # its old rows go with the part, so the new ones come in whole
        tables["errors"] = pa.concat_tables([tables["errors"], write.to_table("errors", fix_rows)])
    owners = _Owners(live, {e.source_path for e in fix_rows} | {r[0] for r in getattr(state, "fix_rows", ())})
    parts: dict[str, dict[int, pa.Table | None]] = {}
    for name in list(tables):  # each table let go once split: memory holds one copy of the rows
        new = _split(name, tables.pop(name), bucket_of_path, owners)
        parts[name] = {}
        for b in sorted(affected):
            pieces = [new[b]] if b in new else []
            if not full:
                old = write.read_part(out_dir, name, b, n_parts)
                if old is not None and old.num_rows:
                    keep = [o in kept_paths for o in owners(name, old)]
                    pieces.insert(0, old.filter(pa.array(keep, type=pa.bool_())))
            rows = pa.concat_tables(pieces) if pieces else None
            parts[name][b] = rows if rows is not None and rows.num_rows else None  # sorted when written
    result.out_dir, result.n_parts, result.parts = out_dir, n_parts, parts
    result.full_layout, result.state = full, new_state


def write_outputs(result: RunResult, out_dir: Path) -> None:
    """Parts first, then the link state and the manifest. While parts are being replaced a marker
    says so: a run killed in between leaves every part whole, and the next run links everything."""
    if result.state is None or result.cache is None:
        write.write_tables(result.tables, out_dir)
        return
    if not result.dirty:
        return
    marker = result.cache.root / PENDING
    write.atomic_write_bytes(marker, b"parts are being replaced\n")
    for name, parts in result.parts.items():
        for bucket, table in load_in_chunks(parts, name):
            write.write_part(out_dir, name, bucket, result.n_parts,
                             write.canonical(name, table) if table is not None else None)
        if result.full_layout:
            write.remove_stale_parts(out_dir, name, result.n_parts)
    result.state.save(result.cache.dir)
    result.cache.save_manifest(result.manifest or {})
    if result.full_layout:
        keep = {result.cache.entry(p, e.sha) for p, e in result.state.files.items() if e.sha}
        result.cache.prune(keep)
    else:
        result.cache.drop(result.stale_cache)
    os.unlink(marker)
    spilled = next((t.spill for parts in result.parts.values() for t in parts.values()
                    if isinstance(t, SpilledPart)), None)
    if spilled is not None:  # from now on the run's tables are read from the parts just written
        result.parts, result.full_layout = {}, False
        spilled.remove()
