"""Shared fixtures: one settings object, one lexicon set, one loaded model per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import lexicon
from pipeline import nlp as nlp_mod
from pipeline.config import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "seeds.jsonl"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def lex(settings):
    return lexicon.load(settings.models_dir)


@pytest.fixture(scope="session")
def nlp(settings):
    return nlp_mod.load(settings)


@pytest.fixture(scope="session")
def corpus_run(settings, nlp):
    """The pipeline over corpus/, once per test session."""
    from pipeline.run import run_corpus

    return run_corpus(CORPUS, settings, nlp)
