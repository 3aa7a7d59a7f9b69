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
# a harbour board's response table: the parts of recommendation 2 labelled "2(a)", "2(b)", the label filling its
# column so that two spaces, not three, part it from the recommendation (read by the column and table guards)
PART_ROWS_TABLE = (
    "Rec   Recommendation                           Response\n\n"
    "1     Publish the pilotage exemption rules      Accepted. The rules were published on\n"
    "      on the Board's website.                   the website on 4 May 2026.\n\n"
    "2(a)  Make routine inspections of the           Accepted. Monthly inspections began in\n"
    "      mooring chains at the outer berths.       June 2026.\n\n"
    "2(b)  Record each inspection in the             Not accepted. Inspections are already\n"
    "      harbour master's log.                     recorded in the maintenance system.\n")


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
