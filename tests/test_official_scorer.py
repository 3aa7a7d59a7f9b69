"""evaluate and the official scorer give the same figures for the same output.

The official scorer (``../shared/tools/score.py`` from the repository root)
judges the project on unseen documents; ``evaluate`` is what developers run.
If the two drifted apart, local gains would not be judged gains. Both score
the pipeline's output over corpus/ (against the seeds), over every fixture
folder and over a seed file with CRLF line ends, and every figure both define
must be equal. Skipped, with the reason, where the scorer is not beside the
repository.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

import pytest

from pipeline import evaluate, write
from pipeline.run import run_corpus
from tests.conftest import CORPUS, GOLD, ROOT

SCORER = ROOT.parent / "shared" / "tools" / "score.py"
FIXTURES = ROOT / "tests" / "data" / "fixtures"
SETS = {"seeds": (CORPUS, GOLD)} | {p.name: (p, p / "gold.jsonl")
                                    for p in sorted(FIXTURES.iterdir()) if (p / "gold.jsonl").exists()}
CRLF = "001_d64e5799566db373.txt"  # a seed letter and its reply, copied with CRLF line ends
# the official scorer's name -> evaluate's headline key
FIGURES = {
    "segments_f1": "segments", "kind_acc": "kind", "date_acc": "date",
    "reply_to_date_acc": "reply_to_date", "sender_acc": "sender", "recipients_f1": "recipients",
    "cc_f1": "cc", "participants_f1": "participants", "postcodes_f1": "postcodes",
    "deadlines_f1": "deadlines", "recs_f1": "recommendations_mentioned",
    "stance_acc": "stances.accuracy", "stance_macro_f1": "stances.macro_f1",
}


@pytest.fixture(scope="module")
def scorer():
    if not SCORER.exists():
        pytest.skip(f"the official scorer is not at {SCORER}: it lives outside the repository, "
                    "in the shared folder beside it")
    spec = importlib.util.spec_from_file_location("official_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _crlf_copy(folder: Path) -> tuple[Path, Path]:
    """A file whose offsets the pipeline counts with each CR, which the scorer's text lacks."""
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / CRLF).write_bytes((CORPUS / CRLF).read_bytes().replace(b"\n", b"\r\n"))
    gold = folder / "gold.jsonl"
    gold.write_text("".join(line for line in GOLD.read_text(encoding="utf-8").splitlines(keepends=True)
                            if CRLF in line), encoding="utf-8")
    return corpus, gold


@pytest.fixture(scope="module", params=[*SETS, "crlf"])
def scored(request, scorer, settings, nlp, tmp_path_factory):
    """(evaluate's report, the official scorer's figures) for one corpus and its gold."""
    if request.param == "crlf":
        corpus, gold_path = _crlf_copy(tmp_path_factory.mktemp("crlf"))
    else:
        corpus, gold_path = SETS[request.param]
    result = run_corpus(corpus, settings, nlp)
    out = tmp_path_factory.mktemp(f"out_{request.param}")
    write.write_tables(result.tables, out)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        scorer.main(str(corpus), str(gold_path), str(out))
    gold = evaluate.load_gold(gold_path)
    report = evaluate.score(gold, evaluate.predicted_from_tables(result.tables),
                            evaluate.read_sources(Path(corpus), gold))
    return report, json.loads(printed.getvalue())


@pytest.mark.parametrize("figure", FIGURES)
def test_headline_figure_agrees(scored, figure):
    report, official = scored
    if figure not in official:
        pytest.skip(f"the official scorer reports no {figure} here")
    if official[figure] is None:  # an accuracy over nothing
        assert report.fields[FIGURES[figure]]["support"] == 0
    else:
        assert round(evaluate.headline(report)[FIGURES[figure]], 3) == official[figure]


def test_every_official_figure_agrees(scored):
    """Stance counts and the confusion pairs too, under the official scorer's names."""
    report, official = scored
    assert evaluate.official(report) == official
