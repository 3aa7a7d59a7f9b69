"""Load -> extract -> link -> tables: the whole pipeline over a corpus folder.

A file that fails at any stage becomes an ``errors`` row naming the file and
the problem, and the run goes on; every good file's rows are kept.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from spacy.language import Language

from pipeline import lexicon, link as link_mod, nlp as nlp_mod, write
from pipeline.config import Settings
from pipeline.extract import DocState, extract
from pipeline.records import ErrorRow
from pipeline.stages import load

log = logging.getLogger("pipeline")

EXIT_OK = 0
EXIT_FILE_ERRORS = 1
EXIT_USAGE = 2
EXIT_FATAL = 3


@dataclass
class RunResult:
    tables: dict[str, pa.Table]
    n_files: int

    @property
    def failed_files(self) -> int:
        errs = self.tables["errors"].to_pylist()
        return len({e["source_path"] for e in errs if e["error"].startswith("E")})

    def summary(self) -> dict[str, int]:
        t = self.tables
        kinds = Counter(t["letters"].column("kind").to_pylist())
        return {
            "files": self.n_files,
            "documents": t["documents"].num_rows,
            "letters": t["letters"].num_rows,
            **{f"  {k}": v for k, v in sorted(kinds.items())},
            "parties": t["parties"].num_rows,
            "addresses": t["addresses"].num_rows,
            "dates": t["dates"].num_rows,
            "recommendations": t["recommendations"].num_rows,
            "mentions": t["recommendation_mentions"].num_rows,
            "stances": t["stances"].num_rows,
            "errors": self.failed_files,
            "warnings": sum(1 for e in t["errors"].column("error").to_pylist() if not e.startswith("E")),
        }


def run_corpus(corpus: Path, settings: Settings, nlp: Language | None = None) -> RunResult:
    lex = lexicon.load(settings.models_dir)
    nlp = nlp or nlp_mod.load(settings)
    files = load.list_files(corpus, settings)
    docs: list[DocState] = []
    errors: list[ErrorRow] = []
    for path in files:
        loaded = load.read(path, corpus, settings)
        if isinstance(loaded, ErrorRow):
            log.warning(loaded.message)
            errors.append(loaded)
            continue
        errors.extend(loaded.warnings)
        try:
            docs.append(extract(loaded, nlp, lex, settings))
        except Exception as exc:  # one bad file must not stop the batch
            log.exception("extraction failed for %s", loaded.source_path)
            errors.append(ErrorRow(source_path=loaded.source_path, stage="extract", error="E500",
                                   message=f"{loaded.source_path}: {type(exc).__name__}: {exc}"))
    linked = link_mod.link(docs, lex)
    records = {
        "documents": [d.document for d in docs],
        "letters": linked.letters,
        "parties": linked.parties,
        "addresses": [a for d in docs for ls in d.letters for a in ls.addresses],
        "dates": [x for d in docs for ls in d.letters for x in ls.dates],
        "recommendations": linked.recommendations,
        "recommendation_mentions": linked.mentions,
        "stances": linked.stances,
        "errors": errors,
    }
    tables = {name: write.to_table(name, rows) for name, rows in records.items()}
    return RunResult(tables, len(files))
