"""Stance accuracy on the layout probes in tests/data/layouts, one line per family.

    python scripts/score_layouts.py [--detail]

The probes are documents we wrote in the layouts real publishers use (pdftotext
of a coroner's report and its replies with no blank lines, Treasury Minutes,
select-committee special reports, Welsh Government responses, pasted e-mails,
...), each with the stance its writer meant for every recommendation
(``expected.jsonl``: file, segment index or null for any, labels). They were
written to find layouts the pipeline misses, and rules were then written
against what they found: the figure shows whether a layout still reads, it is
no estimate for unseen documents (the real development set in ../shared/dev
is). The stance model trains on these labels as well, so the figure is in-sample
for it; ``make train-stance`` reports them held out by file. Labels compare as
the scorer compares them; a whole number answered in parts takes the majority
of its parts.
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from pipeline.config import Settings
from pipeline.gold_match import lead, norm_label
from pipeline.learn.train_stance import LAYOUT_KEY, probe_documents
from pipeline.run import run_corpus

LAYOUTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "layouts"


def _stance(got: dict[str, str], key: str) -> str | None:
    if key in got:
        return got[key]
    parts = [v for k, v in got.items() if k != key and lead(k) == key]
    return Counter(parts).most_common(1)[0][0] if parts else None


def score_family(folder: Path, settings: Settings, detail: bool = False) -> tuple[int, int, int]:
    """(right, labels, labels with no stance at all) for one family's probes."""
    with tempfile.TemporaryDirectory() as tmp:
        probe_documents(folder, Path(tmp))
        tables = run_corpus(Path(tmp), settings, corrections=None).tables
    letters = {row["letter_id"]: row for row in tables["letters"].to_pylist()}
    said: dict[tuple[str, int], dict[str, str]] = {}
    for s in tables["stances"].to_pylist():
        letter = letters[s["letter_id"]]
        said.setdefault((letter["source_path"], letter["index"]), {})[norm_label(s["label"])] = s["stance"]
    right = total = missing = 0
    for line in (folder / LAYOUT_KEY).read_text(encoding="utf-8").splitlines():
        want = json.loads(line)
        got: dict[str, str] = {}
        for (path, index), stances in said.items():
            if Path(path).name == want["file"] and want["index"] in (None, index):
                got.update(stances)
        for label, stance in want["labels"].items():
            found = _stance(got, norm_label(label))
            total, right, missing = total + 1, right + (found == stance), missing + (found is None)
            if detail and found != stance:
                print(f"  {want['file']}#{want['index']} {label}: expected {stance}, got {found}")
    return right, total, missing


def main(argv: list[str]) -> None:
    settings = Settings()
    right_all = total_all = 0
    for folder in sorted(p for p in LAYOUTS.iterdir() if (p / LAYOUT_KEY).exists()):
        right, total, missing = score_family(folder, settings, "--detail" in argv)
        right_all, total_all = right_all + right, total_all + total
        print(f"{folder.name:10s} {right}/{total} = {right / total:.2f}   no stance: {missing}")
    print(f"{'all':10s} {right_all}/{total_all} = {right_all / total_all:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
