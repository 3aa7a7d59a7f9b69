"""Where per-file extraction runs: in this process, in a pool of processes, or on
a Dask cluster. Every executor returns results in input order, so the tables
do not depend on the worker count, the order of completion or the executor.

Each worker process loads the spaCy model once and keeps it for every file it
is given (``_worker_nlp``), on a local pool and on Dask workers alike.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from pipeline import deadline, lexicon
from pipeline import nlp as nlp_mod
from pipeline.config import Settings
from pipeline.extract import DocState, extract
from pipeline.records import ErrorRow
from pipeline.stages import load, mailhead

log = logging.getLogger("pipeline")

_MODELS: dict[str, Language] = {}


@dataclass
class FileResult:
    """One file's extraction, or the errors that stopped it; warnings either way."""

    source_path: str
    sha256: str | None
    doc: DocState | None = None
    errors: list[ErrorRow] = field(default_factory=list)
    timeout: float | None = None  # the budget it ran out of, if it did: a larger one tries again
    attachments: list[FileResult] = field(default_factory=list)  # an e-mail's, each a document of its own

    def flat(self) -> list[FileResult]:
        """This file's result followed by its attachments' (and theirs), in order."""
        return [self, *(r for a in self.attachments for r in a.flat())]


def _worker_nlp(settings: Settings) -> Language:
    key = settings.model_dump_json()
    if key not in _MODELS:
        _MODELS[key] = nlp_mod.load(settings)
    return _MODELS[key]


def _extract(loaded: load.Loaded | ErrorRow, settings: Settings, nlp: Language | None) -> FileResult:
    if isinstance(loaded, ErrorRow):
        return FileResult(loaded.source_path, None, errors=[loaded])
    attachments = [_extract(a, settings, nlp) for a in loaded.attachments]
    if not loaded.text.strip():  # nothing readable, and a warning that says why (a scan without OCR)
        return FileResult(loaded.source_path, loaded.sha256, None, list(loaded.warnings), attachments=attachments)
    model, lex = nlp or _worker_nlp(settings), lexicon.load(settings.models_dir)
    try:
        with deadline.within(settings.file_timeout):
            doc = extract(loaded, model, lex, settings)
            mailhead.apply(doc, loaded.head, lex)
    except deadline.FileTimeout:
        log.warning("%s: extraction stopped after %s s", loaded.source_path, settings.file_timeout)
        err = ErrorRow(source_path=loaded.source_path, stage="extract", error="E501",
                       message=f"{loaded.source_path}: extraction took longer than {settings.file_timeout:g} s "
                               f"(--file-timeout) and was stopped; the file has no rows but this one")
        return FileResult(loaded.source_path, loaded.sha256, errors=[*loaded.warnings, err],
                          timeout=settings.file_timeout, attachments=attachments)
    except Exception as exc:  # noqa: BLE001 - reported as an errors row
        log.exception("extraction failed for %s", loaded.source_path)
        err = ErrorRow(source_path=loaded.source_path, stage="extract", error="E500",
                       message=f"{loaded.source_path}: {type(exc).__name__}: {exc}")
        return FileResult(loaded.source_path, loaded.sha256, errors=[*loaded.warnings, err], attachments=attachments)
    return FileResult(loaded.source_path, loaded.sha256, doc, list(loaded.warnings), attachments=attachments)


def process_file(path: str, corpus: str, settings: Settings, nlp: Language | None = None) -> FileResult:
    """Load and extract one file (and an e-mail's attachments); never raises, so one bad file
    cannot stop a batch."""
    return _extract(load.read(Path(path), Path(corpus), settings), settings, nlp)


Runner = Callable[[list[str]], Iterator[FileResult]]


def local(corpus: Path, settings: Settings, workers: int, nlp: Language | None = None) -> Runner:
    def run(paths: list[str]) -> Iterator[FileResult]:
        if not paths:
            return
        if workers <= 1 or len(paths) <= 1:
            model = nlp or _worker_nlp(settings)
            for p in paths:
                yield process_file(p, str(corpus), settings, model)
            return
        chunk = max(1, min(16, len(paths) // (workers * 8) or 1))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(process_file, paths, [str(corpus)] * len(paths), [settings] * len(paths),
                                chunksize=chunk)
    return run


def dask(corpus: Path, settings: Settings, scheduler: str | None, workers: int) -> Runner:
    """The same stages on a Dask distributed cluster; without an address, a local one."""
    def run(paths: list[str]) -> Iterator[FileResult]:
        if not paths:
            return
        from dask.distributed import Client, LocalCluster

        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            futures = client.map(process_file, paths, corpus=str(corpus), settings=settings, pure=False)
            for fut in futures:  # in input order
                yield fut.result()
                fut.release()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return run
