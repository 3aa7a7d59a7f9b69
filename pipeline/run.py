"""Load -> extract -> link -> tables: the whole pipeline over a corpus folder.

A file that fails at any stage becomes an ``errors`` row naming the file and
the problem, and the run goes on; every good file's rows are kept.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from spacy.language import Language

from pipeline import corrections as corrections_mod, executors, lexicon, link as link_mod, write
from pipeline.cache import Cache, code_version, file_hash
from pipeline.config import Settings
from pipeline.executors import FileResult
from pipeline.learn.stance_model import StanceModel
from pipeline.readers import page_at
from pipeline.records import Document, Letter, Stance
from pipeline.stages import load

log = logging.getLogger("pipeline")

MODEL_FROM_SETTINGS = object()  # run_corpus's default: the stance model trained into models/
CORRECTIONS_BESIDE_CORPUS = object()  # run_corpus's default: corrections.csv/.jsonl in the corpus folder

EXIT_OK = 0
EXIT_FILE_ERRORS = 1
EXIT_USAGE = 2
EXIT_FATAL = 3


@dataclass
class RunResult:
    tables: dict[str, pa.Table]
    n_files: int
    extracted: int = 0
    cached: int = 0
    left_out: int = 0  # files --include/--exclude left out
    manifest: dict[str, str | None] | None = None
    cache: Cache | None = None

    @property
    def failed_files(self) -> int:
        errs = self.tables["errors"].to_pylist()
        return len({e["source_path"] for e in errs if e["error"].startswith("E")})

    def summary(self) -> dict[str, int | dict[str, int]]:
        t = self.tables
        kinds = Counter(t["letters"].column("kind").to_pylist())
        return {
            "files": self.n_files,
            "left out": self.left_out,
            "documents": t["documents"].num_rows,
            "letters": t["letters"].num_rows,
            "kinds": dict(sorted(kinds.items())),
            "parties": t["parties"].num_rows,
            "addresses": t["addresses"].num_rows,
            "dates": t["dates"].num_rows,
            "recommendations": t["recommendations"].num_rows,
            "mentions": t["recommendation_mentions"].num_rows,
            "stances": t["stances"].num_rows,
            "extracted": self.extracted,
            "from cache": self.cached,
            "errors": self.failed_files,
            "corrections": t["corrections"].num_rows,
            "warnings": sum(1 for e in t["errors"].column("error").to_pylist() if not e.startswith("E")),
        }


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", disable=not enabled, dynamic_ncols=True, leave=False)


def run_corpus(corpus: Path, settings: Settings, nlp: Language | None = None, *, workers: int = 1,
               executor: str = "local", scheduler: str | None = None, out_dir: Path | None = None,
               full: bool = False, progress: bool = False, stance_model=MODEL_FROM_SETTINGS,
               corrections=CORRECTIONS_BESIDE_CORPUS) -> RunResult:
    """Every stage over every file of ``corpus``.

    With ``out_dir``, unchanged files (same path, same bytes, same code and
    models) are taken from the cache there and only the rest is extracted;
    ``full`` extracts everything again. The analysts' corrections in the
    corpus folder (or in the files ``corrections`` lists) are applied to the
    linked rows; ``corrections=None`` applies none, as ``evaluate`` scores the
    pipeline alone.
    """
    lex = lexicon.load(settings.models_dir)
    files, left_out = load.select(corpus, settings)
    sources = [p.relative_to(corpus).as_posix() for p in files]
    cache = Cache(out_dir, code_version(settings)) if out_dir is not None else None
    results: dict[str, FileResult] = {}
    hashes: dict[str, str | None] = {}
    todo: list[str] = []
    for path, src in zip(files, sources):
        if cache is not None:
            hashes[src] = file_hash(path)
            hit = cache.get(src, hashes[src]) if hashes[src] and not full else None
            if isinstance(hit, FileResult):
                results[src] = hit
                continue
        todo.append(str(path))
    if executor == "dask":
        runner = executors.dask(corpus, settings, scheduler, workers)
    else:
        runner = executors.local(corpus, settings, workers, nlp)
    started = time.perf_counter()
    letters = 0
    with _progress(len(todo), progress) as bar:
        for res in runner(todo):
            results[res.source_path] = res
            if cache is not None and res.doc is not None and res.sha256:
                cache.put(res.source_path, res.sha256, res)
            letters += sum(len(r.doc.letters) for r in res.flat() if r.doc)
            bar.update(1)
            bar.set_postfix(letters_per_s=f"{letters / max(1e-9, time.perf_counter() - started):.1f}", refresh=False)
    ordered = [r for s in sources if s in results for r in results[s].flat()]
    docs = [r.doc for r in ordered if r.doc is not None]
    errors = [e for r in ordered for e in r.errors]
    if stance_model is MODEL_FROM_SETTINGS:
        stance_model = StanceModel.load(settings.models_dir)
    linked = link_mod.link(docs, lex, stance_model)
    found, bad = corrections_mod.load(corrections_mod.beside(corpus) if corrections is CORRECTIONS_BESIDE_CORPUS
                                      else list(corrections or []))
    paged = _stance_pages(linked.stances, linked.letters, [d.document for d in docs])
    fixed = corrections_mod.apply(linked.letters, linked.parties, paged, linked.recommendations, found)
    records = {
        "documents": [d.document for d in docs],
        "letters": fixed.letters,
        "parties": fixed.parties,
        "addresses": [a for d in docs for ls in d.letters for a in ls.addresses],
        "dates": [x for d in docs for ls in d.letters for x in ls.dates],
        "recommendations": linked.recommendations,
        "recommendation_mentions": linked.mentions,
        "stances": fixed.stances,
        "errors": errors + bad + fixed.errors,
        "corrections": fixed.applied,
    }
    tables = {name: write.to_table(name, rows) for name, rows in records.items()}
    if cache is not None:
        cache.prune({cache.entry(s, h) for s, h in hashes.items() if h})
    return RunResult(tables, len(files), extracted=len(todo), cached=len(files) - len(todo),
                     left_out=len(left_out), manifest=hashes if cache is not None else None, cache=cache)


def _stance_pages(stances: list[Stance], letters: list[Letter], documents: list[Document]) -> list[Stance]:
    """Each stance with the page its evidence starts on, read from its document's page map."""
    starts = {d.document_id: d.page_starts for d in documents}
    doc_of = {le.letter_id: le.document_id for le in letters}
    return [s.model_copy(update={"page": page_at(starts.get(doc_of.get(s.letter_id, ""), []), s.evidence_char_start)})
            if s.evidence_char_start is not None else s for s in stances]


def write_outputs(result: RunResult, out_dir: Path) -> None:
    """Tables first, the manifest last: a run killed in between reruns its extraction."""
    write.write_tables(result.tables, out_dir)
    if result.cache is not None and result.manifest is not None:
        result.cache.save_manifest(result.manifest)
