"""A pdftotext -layout response table read down its answer's column (pipeline.stages.columns)."""
from __future__ import annotations

from pipeline.stages.columns import answer_columns

TABLE = (
    "  Appendix A - Response to the Commission's recommendations\n\n"
    "  No.   Recommendation          Response                                      Lead officer    Target\n"
    "                                                                                              date\n\n"
    "  1     Independent review of   Agreed. Internal Audit has added a review     Head of Legal   March 2027\n"
    "        the print contract      of the contract to the 2026/27 audit plan.\n\n"
    "  2     Letter to each          Not accepted. An apology was published on     Returning       n/a\n"
    "        affected elector        the Council website on 9 May 2026.            Officer\n\n"
    "  The Committee is asked to note the responses above and to receive a further report in March 2027.\n"
    "  Independent review of the print contract is on the audit plan.\n")


# Word centres a table's headings: each stands inside its column, right of where the column's words start
CENTRED = (
    "  No.       Recommendation                           Response                     Lead officer    Target date\n\n"
    "  1     Commission an independent review     Agreed. Internal Audit has added a        Head of Legal    March 2027\n"
    "        of the print contract.               review of the contract to the\n"
    "                                             2026/27 audit plan.\n\n"
    "  2     Write to each affected elector       Not accepted. The Council published       Returning        n/a\n"
    "        with an apology.                     an apology on its website on 9 May         Officer\n")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_a_rows_answer_reads_on_without_the_recommendation_owner_and_date_beside_it():
    view = answer_columns(TABLE, 0, len(TABLE))
    assert len(view) == len(TABLE)  # offsets hold: blanked characters become spaces
    assert "1 Agreed. Internal Audit has added a review of the contract to the 2026/27 audit plan." in _words(view)
    assert "2 Not accepted. An apology was published on the Council website on 9 May 2026." in _words(view)
    for gone in ("the print contract      of", "Head of Legal", "March 2027\n", "affected elector", "Officer\n"):
        assert gone not in view


def test_prose_across_the_columns_ends_the_table():
    """A paragraph across the page under the table is the paper's own text, kept whole."""
    view = answer_columns(TABLE, 0, len(TABLE))
    assert "The Committee is asked to note the responses above" in view
    assert "Independent review of the print contract is on the audit plan." in view


def test_a_text_with_no_response_table_is_returned_as_it_is():
    prose = "No.   Item\n\n1     The Council should publish the plan.   Agreed\n"
    assert answer_columns(prose, 0, len(prose)) is prose


def test_centred_headings_still_name_their_columns():
    """Headings centred over their columns: the words under "Recommendation" are the recommendation,
    and the answer under "Response" is kept, not the other way about."""
    view = _words(answer_columns(CENTRED, 0, len(CENTRED)))
    assert "1 Agreed. Internal Audit has added a review of the contract to the 2026/27 audit plan." in view
    assert "2 Not accepted. The Council published an apology on its website on 9 May" in view
    assert "Commission an independent review" not in view and "Head of Legal" not in view
