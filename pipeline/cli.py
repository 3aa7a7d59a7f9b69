"""Command line: argument parsing only; library errors become clean exits.

Exit codes: 0 every file processed; 1 the run finished but some file failed
(see the errors table); 2 usage error; 3 fatal (model missing, output not
writable, bad models/ data).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.config import Settings
from pipeline.run import EXIT_FATAL, EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE

EPILOG = "exit codes: 0 ok; 1 some file failed (see the errors table); 2 usage error; 3 fatal error"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline", epilog=EPILOG,
                                description="Extract letters, parties, dates, addresses, recommendations "
                                            "and reply stances from correspondence into Parquet tables.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="extract a corpus folder into Parquet tables", epilog=EPILOG,
                       description="Run every stage over the files of CORPUS_DIR (.txt, .md, .pdf, .docx, "
                                   ".html, .htm, .eml; any other file gets an errors row) and write one "
                                   "Parquet file per table into OUT_DIR.")
    r.add_argument("corpus", nargs="?", default="corpus", type=Path, metavar="CORPUS_DIR",
                   help="folder of documents, read recursively (default: corpus/)")
    r.add_argument("--include", action="append", metavar="GLOB",
                   help="read only files matching GLOB (repeatable; a GLOB with '/' matches the path "
                        "below CORPUS_DIR, one without matches the file name), e.g. --include '*.pdf'")
    r.add_argument("--exclude", action="append", metavar="GLOB",
                   help="leave out files, or folders, matching GLOB (repeatable; hidden files and folders "
                        "are always left out), e.g. --exclude drafts --exclude '*.eml'")
    r.add_argument("--out", default="outputs", type=Path, metavar="OUT_DIR", help="output folder (default: outputs/)")
    r.add_argument("--json", action="store_true", help="print the summary as JSON")
    r.add_argument("--workers", type=int, default=1, metavar="N", help="processes (or Dask workers) to use (default 1)")
    r.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="run on this machine (default) or on a Dask distributed cluster")
    r.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)")
    r.add_argument("--full", action="store_true", help="ignore the cache and extract every file again")
    r.add_argument("--file-timeout", type=float, default=Settings.model_fields["file_timeout"].default,
                   metavar="SECONDS", help="stop a file whose extraction takes longer and report it in the errors "
                                           "table (E501); the batch goes on (default %(default)g; 0: no limit)")
    r.add_argument("--follow-links", action="store_true",
                   help="read links that point outside the corpus folder (by default each is an errors row, E010)")
    r.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="if another run is writing to OUT_DIR, wait this long for it (default: exit at once)")
    noise = r.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    noise.add_argument("-v", "--verbose", action="store_true", help="log each file's warnings and errors")
    e = sub.add_parser("evaluate", help="score the pipeline against a gold file", epilog=EPILOG,
                       description="Run the pipeline over CORPUS_DIR and score it against a gold JSONL "
                                   "file in the shape of tests/data/GOLD_FORMAT.md.")
    e.add_argument("--gold", required=True, type=Path, help="gold annotations (JSONL)")
    e.add_argument("--corpus", default="corpus", type=Path, help="folder the gold file names files in (default: corpus/)")
    e.add_argument("--json", action="store_true", help="print the full report as JSON")
    e.add_argument("--by-file", action="store_true",
                   help="also show a table of each gold file's scores (segments, kind, date, sender, "
                        "recipients, participants, recommendations, stances); with --json, a by_file object")
    e.add_argument("--show", type=int, default=30, metavar="N", help="disagreements to list (default 30)")
    b = sub.add_parser("bench", help="time the pipeline against bare nlp.pipe of the full model", epilog=EPILOG,
                       description="Build a corpus of N letters from varied real-shaped text, run the pipeline "
                                   "on it, time bare nlp.pipe of the full spaCy model over the same texts with the "
                                   "same number of processes, and report letters/s, words/s, peak memory and "
                                   "the ratio; then PDF pages/s for the text layer and for OCR of scans.")
    b.add_argument("--n", type=int, default=2000, help="letters in the corpus (default 2000)")
    b.add_argument("--workers", type=int, default=2, help="processes for both runs (default 2)")
    b.add_argument("--sizes", default="", metavar="N,N", help="also time the pipeline alone at these corpus "
                                                              "sizes, to see time per letter scale (e.g. 500,5000)")
    b.add_argument("--files", default="", metavar="N,N", help="also time a first run, an unchanged rerun and "
                                                              "reruns with one new and one changed file on corpora "
                                                              "of these many files (e.g. 3000,30000)")
    b.add_argument("--link-letters", default="", metavar="N,N", help="also time linking and writing alone, with "
                                                                     "peak memory, over these many generated "
                                                                     "letters (e.g. 10000,100000)")
    b.add_argument("--no-pathological", action="store_true", help="skip the milliseconds per KB on pathological files")
    b.add_argument("--no-bare", action="store_true", help="skip the bare nlp.pipe comparison")
    b.add_argument("--out", type=Path, default=Path("bench/results.json"), help="results file (default bench/results.json)")
    b.add_argument("--pdf-pages", type=int, default=200, metavar="N",
                   help="PDF pages to time the text-layer reader on (default 200; 0 skips the PDF timing)")
    b.add_argument("--ocr-pages", type=int, default=6, metavar="N",
                   help="scanned PDF pages to time OCR on (default 6; 0 skips it)")
    v = sub.add_parser("review", help="write the analyst review site for a run's tables", epilog=EPILOG,
                       description="Write a static site that works offline from the Parquet tables in OUT_DIR: "
                                   "index.html (every letter, sortable and filterable), letters/<letter_id>.html "
                                   "(the text with every extraction highlighted, fields and stances) and "
                                   "tracker.html (every recommendation and the stance each reply took).")
    v.add_argument("out_dir", nargs="?", default="outputs", type=Path, metavar="OUT_DIR",
                   help="folder of a run's tables (default: outputs/)")
    v.add_argument("--site", type=Path, metavar="SITE_DIR", help="where to write the site (default: OUT_DIR/review/)")
    return p


def _print_summary(summary: dict[str, int], out: Path, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, sort_keys=True))
        return
    width = 18
    for k, v in summary.items():
        if isinstance(v, dict):
            for kind, n in v.items():
                print(f"  {kind:<{width - 2}}  {n:>7}")
        else:
            print(f"{k:<{width}}  {v:>7}")
    print(f"tables written to {out}/")


def _review(out_dir: Path, site_dir: Path) -> int:
    from pipeline import review
    from pipeline.review.data import TablesMissing

    try:
        stats = review.build(out_dir, site_dir)
    except TablesMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    print(f"review site for {stats.letters} letters, {stats.recommendations} recommendations and {stats.stances} "
          f"stances written in {stats.seconds:.1f}s; open {site_dir / 'index.html'}")
    return EXIT_OK


def _settings(args: argparse.Namespace) -> Settings:
    """Settings from the command line: --include replaces 'every file', --exclude adds to 'hidden ones'; 0 s is no budget."""
    defaults = Settings()
    return Settings(include=tuple(getattr(args, "include", None) or defaults.include),
                    exclude=(*defaults.exclude, *(getattr(args, "exclude", None) or ())),
                    file_timeout=getattr(args, "file_timeout", defaults.file_timeout) or None,
                    follow_links=getattr(args, "follow_links", False))


def _scored_texts(corpus: Path, gold: list[dict], documents: list[dict]) -> dict[str, str]:
    """Texts positions are scored in: a text file as the scorer reads it, any other format as the reader made it."""
    from pipeline import evaluate

    made = {Path(d["source_path"]).name: d["text"] for d in documents if d["format"] not in ("txt", "md")}
    return {**evaluate.read_sources(corpus, [g for g in gold if g["file"] not in made]), **made}


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    quiet, verbose = getattr(args, "quiet", False), getattr(args, "verbose", False)
    logging.basicConfig(level=logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    if args.command == "review":
        return _review(args.out_dir, args.site or args.out_dir / "review")
    if getattr(args, "workers", 1) < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "file_timeout", 0) < 0:
        print("error: --file-timeout must be 0 (no limit) or more", file=sys.stderr)
        return EXIT_USAGE
    from pipeline import evaluate, lock, run  # heavy imports after argument errors are reported
    from pipeline.lexicon import LexiconError
    from pipeline.nlp import ModelError

    if args.command == "bench":
        from pipeline import bench

        def ints(text: str) -> list[int]:
            return [int(x) for x in text.split(",") if x.strip()]

        print(bench.render(bench.run(args.n, args.workers, ints(args.sizes), args.out, args.pdf_pages, args.ocr_pages,
                                     files=ints(args.files), link_letters=ints(args.link_letters),
                                     pathological=not args.no_pathological, bare=not args.no_bare)))
        print(f"results written to {args.out}")
        return EXIT_OK
    corpus = args.corpus
    if not corpus.is_dir():
        print(f"error: corpus folder {corpus} does not exist or is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "evaluate":
            gold = evaluate.load_gold(args.gold)
            result = run.run_corpus(corpus, _settings(args), corrections=None)  # the pipeline alone
            report = evaluate.score(gold, evaluate.predicted_from_tables(result.tables),
                                    _scored_texts(corpus, gold, result.tables["documents"].to_pylist()))
            print(evaluate.to_json(report, by_file=args.by_file) if args.json
                  else evaluate.render(report, args.show, by_file=args.by_file))
            return EXIT_OK
        settings = _settings(args)
        with lock.hold(args.out, args.wait):
            result = run.run_corpus(corpus, settings, workers=args.workers, executor=args.executor,
                                    scheduler=args.scheduler, out_dir=args.out, full=args.full,
                                    progress=sys.stderr.isatty() and not quiet)
            run.write_outputs(result, args.out)
            summary = result.summary()
        if verbose:
            for e in result.tables["errors"].to_pylist():
                logging.info("%s %s", e["error"], e["message"])
    except (ModelError, LexiconError, evaluate.GoldFormatError, lock.Busy, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    if not args.quiet or args.json:
        _print_summary(summary, args.out, args.json)
    return EXIT_FILE_ERRORS if result.failed_files else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
