"""Show, for each stance that disagrees with a gold file, the evidence and cues.

    python scripts/stance_debug.py GOLD CORPUS_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline import evaluate
from pipeline.config import Settings
from pipeline.run import run_corpus


def main(gold_path: str, corpus: str) -> None:
    gold = evaluate.load_gold(gold_path)
    result = run_corpus(Path(corpus), Settings())
    letters = {r["letter_id"]: r for r in result.tables["letters"].to_pylist()}
    by_key = {}
    for s in result.tables["stances"].to_pylist():
        l = letters[s["letter_id"]]
        by_key[(Path(l["source_path"]).name, l["index"], str(s["recommendation_number"]))] = s
    for g in gold:
        for num, label in g.get("stances", {}).items():
            s = by_key.get((g["file"], g["index"], num))
            if s is None or s["stance"] != label:
                print(f"--- {g['file']}#{g['index']} rec {num}: gold {label} predicted {s and s['stance']} conf {s and s['confidence']}")
                if s:
                    print("    cues:", s["cues"])
                    print("    evidence:", (s["evidence"] or "")[:300].replace("\n", " "))


if __name__ == "__main__":
    main(*sys.argv[1:])
