"""Golden tests over the annotated fixtures of every shape the pipeline takes.

tests/data/fixtures/<shape>/ holds realistic documents and their annotations
in the gold format: letters with every way of citing a recommendation,
government response papers (label lines, grouped answers, PDF debris) and
coroners' reports with the replies to them. The floors are the bar set for
unseen documents: recommendation references F1 0.95, stance macro-F1 0.80.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import evaluate
from pipeline.run import run_corpus

FIXTURES = Path(__file__).parent / "data" / "fixtures"
SHAPES = sorted(p.name for p in FIXTURES.iterdir() if (p / "gold.jsonl").exists())


@pytest.fixture(scope="module", params=SHAPES)
def report(request, settings, nlp):
    folder = FIXTURES / request.param
    result = run_corpus(folder, settings, nlp)
    return evaluate.score(evaluate.load_gold(folder / "gold.jsonl"), evaluate.predicted_from_tables(result.tables))


def test_every_segment_is_found(report):
    assert report.segments["f1"] == 1.0, evaluate.render(report)


def test_recommendation_references(report):
    assert report.fields["recommendations_mentioned"]["f1"] >= 0.95, evaluate.render(report)


def test_stance_macro_f1(report):
    assert report.stances["macro_f1"] >= 0.80, evaluate.render(report)
    assert report.stances["missing"] == 0


def test_kinds_and_threads(report):
    assert report.fields["kind"]["value"] == 1.0, evaluate.render(report)
    assert report.fields["replies_to"]["value"] == 1.0, evaluate.render(report)
