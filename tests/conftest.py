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
# an Easy Read version's summary list, each item wrapped over two short lines (read by the recommendation
# and answer guards)
EASY_READ_ITEMS = [("Councils should give clear", "information about short breaks."),
                   ("Every family should have", "a named worker to call."),
                   ("Short breaks should be", "offered in the school holidays."),
                   ("Councils should check", "that breaks are safe."),
                   ("Young people should be asked", "what they like to do."),
                   ("Transport to breaks", "should be free."),
                   ("Waiting lists should be", "shorter than three months."),
                   ("The government should count", "how many families get a break.")]

# a coroner's letter heading each concern "Concern No. 1 - title" over its paragraph (read by the recommendation
# and answer guards)
TITLED_CONCERNS_LETTER = (
    "Dear Chief Executive,\n\n"
    "Following the inquest into the death of Mr Lewis Tarrant, a roofer who collapsed on a hot afternoon in "
    "July, I raise the following matters of concern with your company.\n\n"
    "Concern No. 1 - Core temperature monitoring\n\n"
    "No member of the crew was trained to recognise heat illness, and no one checked the workers' "
    "temperatures during the afternoon.\n\n"
    "Concern No. 2 - Limits on exposure\n\n"
    "The crew worked on the roof for six hours without a break in the shade, though the forecast warned of "
    "extreme heat.\n\n"
    "I should be grateful for your response within 56 days.\n\nYours faithfully,\n\nHelen Marsh\n"
    "Area Coroner\n")

# a minister's reply in PDF text with no blank lines, each heading wrapped so that its label stands on a line of its
# own under the title, the answer under it (read by the recommendation and answer guards)
WRAPPED_TITLE_REPLY = (
    "Department for Local Roads\nGreat Minster Walk\nLondon\nSW1P 4XX\n9 October 2025\nDear Mr Ashworth,\n"
    "Thank you for the Panel's report on refuse collection in narrow streets. My response to its two\n"
    "recommendations follows.\n"
    "National guidance on bins and parked vehicles\n(recommendation 1)\n"
    "I agree that local authorities would benefit from clearer national guidance on collecting bins from\n"
    "streets where parked vehicles block the lorries, and the guidance should be published next year.\n"
    "Funding for smaller vehicles\n(recommendation 2)\n"
    "I do not accept this recommendation. Councils already receive funding for their fleets through the\n"
    "local government settlement.\n"
    "Yours sincerely,\nRt Hon Nadia Coombe MP\nMinister for Local Roads\n")


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
