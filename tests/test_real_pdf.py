"""A real response paper read from its PDF scores within 0.05 of the same paper read from pdftotext text.

The development set's response papers (``B*``) are stored as ``pdftotext`` gave them; their
PDFs are not in the repository (the set's text is read where it lies, never copied) and this
machine cannot fetch them. Put a paper's PDF beside the set as ``../shared/dev/pdf/B03.pdf``
(or in the folder ``RECPIPE_REAL_PDF_DIR`` names) and this test reads it with the PDF reader,
scores it against the same gold as the text, and compares. Without one it is skipped, saying so.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline import evaluate
from pipeline.run import run_corpus
from tests.conftest import ROOT

DEV = ROOT.parent / "shared" / "dev"
PDF_DIR = Path(os.environ.get("RECPIPE_REAL_PDF_DIR", DEV / "pdf"))
TOLERANCE = 0.05
COMPARED = ("segments", "kind", "date", "sender", "recommendations_mentioned", "stances.accuracy")


def _papers() -> list[Path]:
    if not (DEV / "gold.jsonl").is_file() or not PDF_DIR.is_dir():
        return []
    return sorted(p for p in PDF_DIR.glob("*.pdf") if (DEV / "corpus" / f"{p.stem}.txt").is_file())


PAPERS = _papers()


def _headline(folder: Path, name: str, gold: list[dict], settings, nlp) -> dict[str, float]:
    result = run_corpus(folder, settings, nlp)
    predicted = evaluate.predicted_from_tables(result.tables)
    for row in predicted:  # the PDF is scored as the paper its gold names
        row["file"] = f"{Path(row['file']).stem}.txt"
    texts = {f"{Path(d['source_path']).stem}.txt": d["text"] for d in result.tables["documents"].to_pylist()}
    return evaluate.headline(evaluate.score(gold, predicted, texts))


@pytest.mark.skipif(not PAPERS, reason=f"no real response-paper PDF here: the development set keeps only "
                                       f"pdftotext text, and this machine cannot fetch the PDFs; put one as "
                                       f"{PDF_DIR}/<paper>.pdf (e.g. B03.pdf) to run this check")
@pytest.mark.parametrize("pdf", PAPERS, ids=[p.stem for p in PAPERS])
def test_pdf_scores_within_tolerance_of_pdftotext_text(pdf, tmp_path, settings, nlp):
    name = f"{pdf.stem}.txt"
    gold = [g for g in evaluate.load_gold(DEV / "gold.jsonl") if g["file"] == name]
    (tmp_path / "txt").mkdir()
    (tmp_path / "pdf").mkdir()
    shutil.copy(DEV / "corpus" / name, tmp_path / "txt" / name)  # into a temporary folder only, never the repo
    shutil.copy(pdf, tmp_path / "pdf" / pdf.name)
    from_text = _headline(tmp_path / "txt", name, gold, settings, nlp)
    from_pdf = _headline(tmp_path / "pdf", name, gold, settings, nlp)
    worse = {k: (from_text[k], from_pdf[k]) for k in COMPARED if from_text[k] - from_pdf[k] > TOLERANCE}
    assert not worse, f"PDF scores more than {TOLERANCE} below pdftotext text: {worse}"
