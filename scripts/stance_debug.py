"""Show, for each stance that disagrees with a gold file, the evidence and cues.

    python scripts/stance_debug.py GOLD CORPUS_DIR

Segments and labels are matched as ``evaluate`` matches them (first line or
position; labels as written, compared normalised; a whole number answered in
parts takes the majority of its parts), so the list is the one the score counts.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from pipeline import evaluate
from pipeline.config import Settings
from pipeline.gold_match import lead, norm_label, stance_for
from pipeline.run import run_corpus


def main(gold_path: str, corpus_dir: str) -> None:
    gold = evaluate.load_gold(gold_path)
    corpus = Path(corpus_dir)
    result = run_corpus(corpus, Settings())
    matched = evaluate.match_segments(gold, evaluate.predicted_from_tables(result.tables),
                                      evaluate.read_sources(corpus, gold))
    register = {r["recommendation_id"]: r["label"] for r in result.tables["recommendations"].to_pylist()}
    rows: dict[str, dict[str, dict]] = defaultdict(dict)  # letter -> label -> row; the last row stands
    for s in result.tables["stances"].to_pylist():
        if label := evaluate.stance_label(s, register):
            rows[s["letter_id"]][norm_label(label)] = s
    for g in gold:
        p = matched.get((g["file"], g["index"]))
        said = rows.get(p["letter_id"], {}) if p else {}
        for key, want in g.get("stances", {}).items():
            k = norm_label(key)
            got = stance_for({x: r["stance"] for x, r in said.items()}, k)
            if got == want:
                continue
            print(f"--- {g['file']}#{g['index']} rec {key}: gold {want} predicted {got}"
                  + ("" if p else " (segment not found)"))
            for x, s in said.items():
                if x == k or (k not in said and k.isdigit() and lead(x) == k):
                    print(f"    {x}: {s['stance']} conf {s['confidence']:.2f} cues: {s['cues']}")
                    print("    evidence:", (s["evidence"] or "")[:300].replace("\n", " "))


if __name__ == "__main__":
    main(*sys.argv[1:])
