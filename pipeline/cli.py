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
                       description="Run every stage over the *.txt files of CORPUS_DIR and write one "
                                   "Parquet file per table into OUT_DIR.")
    r.add_argument("corpus", nargs="?", default="corpus", type=Path, metavar="CORPUS_DIR",
                   help="folder of .txt files (default: corpus/)")
    r.add_argument("--out", default="outputs", type=Path, metavar="OUT_DIR", help="output folder (default: outputs/)")
    r.add_argument("--json", action="store_true", help="print the summary as JSON")
    r.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    e = sub.add_parser("evaluate", help="score the pipeline against a gold file", epilog=EPILOG,
                       description="Run the pipeline over CORPUS_DIR and score it against a gold JSONL "
                                   "file in the shape of tests/data/GOLD_FORMAT.md.")
    e.add_argument("--gold", required=True, type=Path, help="gold annotations (JSONL)")
    e.add_argument("--corpus", default="corpus", type=Path, help="folder the gold file names files in (default: corpus/)")
    e.add_argument("--json", action="store_true", help="print the full report as JSON")
    e.add_argument("--show", type=int, default=30, metavar="N", help="disagreements to list (default 30)")
    return p


def _print_summary(summary: dict[str, int], out: Path, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, sort_keys=True))
        return
    width = max(len(k) for k in summary)
    for k, v in summary.items():
        print(f"{k:<{width}}  {v:>7}")
    print(f"tables written to {out}/")


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    logging.basicConfig(level=logging.ERROR if getattr(args, "quiet", False) else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    from pipeline import evaluate, run, write  # heavy imports after argument errors are reported
    from pipeline.lexicon import LexiconError
    from pipeline.nlp import ModelError

    corpus = args.corpus
    if not corpus.is_dir():
        print(f"error: corpus folder {corpus} does not exist or is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "evaluate":
            gold = evaluate.load_gold(args.gold)
            result = run.run_corpus(corpus, Settings())
            report = evaluate.score(gold, evaluate.predicted_from_tables(result.tables))
            print(evaluate.to_json(report) if args.json else evaluate.render(report, args.show))
            return EXIT_OK
        result = run.run_corpus(corpus, Settings())
        write.write_tables(result.tables, args.out)
    except (ModelError, LexiconError, evaluate.GoldFormatError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    if not args.quiet or args.json:
        _print_summary(result.summary(), args.out, args.json)
    return EXIT_FILE_ERRORS if result.failed_files else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
