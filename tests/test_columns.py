"""A pdftotext -layout response table read down its answer's column (pipeline.stages.columns)."""
from __future__ import annotations

import pytest

from pipeline.stages.columns import answer_columns, column_sentences
from tests.conftest import PART_ROWS_TABLE

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
    """The answer's words run on down their column; the recommendation keeps only its first words,
    beside the row's number, which mark the row as one (a quote with its answer beside it)."""
    view, tables = answer_columns(TABLE, 0, len(TABLE))
    assert len(view) == len(TABLE) and len(tables) == 1  # offsets hold: blanked characters become spaces
    assert "1 Independent review of Agreed. Internal Audit has added a review of the contract to the 2026/27 audit " \
           "plan." in _words(view)
    assert "Not accepted. An apology was published on the Council website on 9 May 2026." in _words(view)
    for gone in ("the print contract      of", "Head of Legal", "March 2027\n", "affected elector", "Officer\n"):
        assert gone not in view


def test_prose_across_the_columns_ends_the_table():
    """A paragraph across the page under the table is the paper's own text, kept whole."""
    view, _ = answer_columns(TABLE, 0, len(TABLE))
    assert "The Committee is asked to note the responses above" in view
    assert "Independent review of the print contract is on the audit plan." in view


def test_a_text_with_no_response_table_is_returned_as_it_is():
    prose = "No.   Item\n\n1     The Council should publish the plan.   Agreed\n"
    assert answer_columns(prose, 0, len(prose)) == (prose, [])


def test_centred_headings_still_name_their_columns():
    """Headings centred over their columns: the words under "Recommendation" are the recommendation,
    and the answer under "Response" is kept, not the other way about."""
    view = _words(answer_columns(CENTRED, 0, len(CENTRED))[0])
    assert "Agreed. Internal Audit has added a review of the contract to the 2026/27 audit plan." in view
    assert "Not accepted. The Council published an apology on its website on 9 May" in view
    assert "of the print contract" not in view and "Head of Legal" not in view


@pytest.mark.parametrize("indent", ["", " " * 8], ids=["at-the-margin", "indented-as-pdftotext-sets-a-page"])
def test_a_summary_of_status_words_is_left_as_it_is(indent):
    """A table whose answer column holds a status a row ("Accepted", "Under consideration") indexes
    answers given in prose further on: read across, as it was, however far in pdftotext sets it."""
    summary = ("  No.   Recommendation (summary)                    Our position         Timescale\n\n"
               "  1     Acknowledge complaints within one working   Accepted             October 2032\n"
               "        day and give the outcome within ten days\n\n"
               "  2     Publish a live online map of complaints     Under consideration  2034\n")
    summary = "\n".join(indent + ln if ln else ln for ln in summary.split("\n"))
    assert answer_columns(summary, 0, len(summary)) == (summary, [])


def test_sentences_in_a_table_run_down_its_answer_column():
    """The sentences the stance stage reads in a table are its answers', each within its row."""
    view, tables = answer_columns(TABLE, 0, len(TABLE))
    said = [_words(view[a:z]) for a, z in column_sentences(view, tables, [])]
    assert "of the contract to the 2026/27 audit plan." in " ".join(said)
    assert any(s.startswith("An apology was published on") for s in said)
    assert not any("Not accepted" in s and "Agreed" in s for s in said)


# a prison's action plan: its header over two lines, "Responsible officer" as a column, a rule of dashes
# under the header and between its pages' rows
RULED = (
    "------------------------------------------------------------------------------------------------------\n"
    "No     Recommendation                     Accepted /    Action taken / planned            Responsible\n"
    "                                          Not                                             officer\n"
    "                                          accepted\n"
    "------------------------------------------------------------------------------------------------------\n"
    "1      The Governor should ensure that    Accepted      Cell call response times are      Head of\n"
    "       staff answer cell bells within                   now monitored daily by the duty   Residence\n"
    "       five minutes.                                    governor.\n\n"
    "------------------------------------------------------------------------------------------------------\n"
    "2      The Governor should ensure that    Noted         The Prison Group Director has     Prison Group\n"
    "       the findings are shared.                         received a copy of the report.    Director\n")


def test_a_rule_of_dashes_does_not_end_the_table_nor_is_the_responsible_officer_an_answer():
    """Dashes under the header and between rows are the table's rules, not prose across the page, and
    "Responsible officer" heads the owner, not the answer (before, the rule under the header ended the
    table, and every row was read across its columns)."""
    view, tables = answer_columns(RULED, 0, len(RULED))
    assert len(tables) == 1
    assert "Cell call response times are now monitored daily by the duty governor." in _words(view)
    assert "The Prison Group Director has received a copy of the report." in _words(view)
    for gone in ("Head of", "Residence", "staff answer cell bells", "the findings are shared"):
        assert gone not in view


def test_a_row_labelled_with_its_part_keeps_its_label_beside_its_answer():
    """Each part's row keeps its label ("2(a)") and first words beside the answer, which mark it as a row
    of its own (before, the label was blanked with the recommendation, and the parts' answers ran on under
    row 1's)."""
    view, tables = answer_columns(PART_ROWS_TABLE, 0, len(PART_ROWS_TABLE))
    assert len(tables) == 1
    assert "2(a) Make routine inspections of the Accepted. Monthly inspections began in June 2026." in _words(view)
    assert "2(b) Record each inspection in the Not accepted." in _words(view)



# a department's reply table as pdftotext -layout sets it: a one-word "To" column of whom each row is for, a
# narrow number column two spaces off the recommendation, and headings wrapped on to the line below
REPLY_HEAD = (" Recommendations                To    Accept/    Comments                        Target date\n"
              "                                      Reject\n\n")


def test_an_owner_column_headed_to_is_blanked_and_a_row_run_together_keeps_the_table():
    """A minister's reply table: "To" heads the owner ("MfI"), which was kept as if it were an answer, and
    row 4, whose status and comment pdftotext runs together with single spaces ("Partially The live screens
    ... Q1 2025"), ended the table, so row 5 was read across its columns (before)."""
    text = REPLY_HEAD + (
        " 3  The Minister should         MfI   Accept     A review of signage began in    March 2025\n"
        "    review the signage.                          January.\n\n"
        " 4  The Minister should         MfI   Partially The live screens at main stops Q1 2025\n"
        "    install live screens.                        are in place; the rest follow by spring.\n\n"
        " 5  The Minister should         MfI   Accept     The data will be published      May 2025\n"
        "    publish punctuality data.                    each month from May.\n")
    view, tables = answer_columns(text, 0, len(text))
    assert len(view) == len(text) and len(tables) == 1 and tables[0][1] >= text.index("each month from May.")
    assert "MfI" not in view
    assert "Partially The live screens at main stops Q1 2025 are in place; the rest follow by spring." \
        in _words(view)
    assert "The data will be published each month from May." in _words(view)
    assert "May 2025" not in view and "punctuality data" not in view


def test_a_row_s_answer_ends_before_the_footer_and_header_repeated_over_the_next_page(tmp_path, settings, nlp):
    """The last row on a reply table's first page answers "Accept ..." in its own cell; the page's footer
    and the header repeated over the next page ("Accept/" / "Reject") are no part of it (before, the
    header's "Reject" was read as row 2's answer, and the row was rejected)."""
    from pipeline.run import run_corpus

    text = ("Dear Chair,\n\nThank you for the Committee's report on museum access. Our response to each "
            "recommendation is set out below.\n\n" + REPLY_HEAD +
            " 1  The Minister should         MfI   Accept     Officers have agreed a new      June 2025\n"
            "    publish opening hours.                       timetable with the trustees.\n\n"
            " 2  The Minister should         MfI   Accept     Free entry for school groups    April 2025\n"
            "    fund free school visits.                     was introduced on 1 April.\n\n"
            "Department for Infrastructure                                              Page 1 of 2\n"
            "\f" + REPLY_HEAD +
            " 3  The Minister should         MfI   Accept     A review of signage began in    March 2025\n"
            "    review the signage.                          January.\n\n"
            "Yours sincerely,\n\nAlex Brennan\nMinister for Infrastructure\n")
    (tmp_path / "reply.txt").write_text(text, encoding="utf-8")
    got = {s["label"]: s for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert (got["1"]["stance"], got["2"]["stance"]) == ("accepted", "accepted")
    assert not any(c.startswith("rejected:") for c in got["2"]["cues"])


def _two_column_page(rows: list[tuple[str, str]]) -> list[str]:
    head = "Committee recommendation              Government response"
    return [head, ""] + [(a.ljust(38) + b).rstrip() for a, b in rows]


# a department's reply letter whose table has two columns only, the Committee's words beside the Government's,
# over two pages, its header repeated at the second page's top under the page number and running head
TWO_COLUMN_REPLY = "\n".join(
    ["Dear Chair,", "", "Thank you for the Transport Committee's report on rural bus services. The Government's "
     "response to", "each of the Committee's recommendations is set out in the table below.", ""]
    + _two_column_page([("1. The Department should publish", "The Government agrees. The first annual"),
                        ("   the number of rural bus routes", "report on rural bus routes will be"),
                        ("   withdrawn each year.", "published in July 2026."), ("", ""),
                        ("2. The Department should set a", "The Government does not agree. Local"),
                        ("   national minimum frequency for", "authorities are best placed to decide"),
                        ("   rural bus services.", "how often their services should run.")])
    + ["", " " * 42 + "1", "\fGovernment response: rural bus services", ""]
    + _two_column_page([("3. The Department should fund", "The Government agrees in part. Funding"),
                        ("   demand-responsive transport in", "for demand-responsive pilots in ten"),
                        ("   every county.", "counties was confirmed in May 2026."), ("", ""),
                        ("4. The Department should review", "The Government will consider this once"),
                        ("   concessionary fares for young", "the fares evaluation has reported in"),
                        ("   people.", "spring 2027.")])
    + ["", "Yours sincerely,", "", "Simon Ferris MP", "Minister for Local Transport", ""])


def test_a_two_column_table_s_last_row_on_a_page_keeps_its_own_answer(tmp_path, settings, nlp):
    """A government reply sets each Committee recommendation beside its response in two columns over two
    pages, the header "Committee recommendation   Government response" again at the second page's top. Row 2,
    the first page's last, is answered by its own response column (before, two cells were no table, and the
    repeated header read as a label the row's answer followed: row 2 took row 3's words)."""
    from pipeline.run import run_corpus

    (tmp_path / "reply.txt").write_text(TWO_COLUMN_REPLY, encoding="utf-8")
    rows = run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()
    evidence = {r["label"]: " ".join((r["evidence"] or "").split()) for r in rows}
    assert set(evidence) == {"1", "2", "3", "4"}
    assert any(w in evidence["2"] for w in ("does not agree", "best placed", "how often"))
    assert not any(w in evidence["2"] for w in ("demand-responsive", "counties", "Funding", "Government response"))


def test_two_cells_head_a_table_only_as_recommendation_and_response():
    """"Committee recommendation   Government response" heads a response table of two columns (before, a header
    needed three cells); two other cells side by side are no header."""
    from pipeline.stages.columns import header

    assert header("Committee recommendation      Government response") is not None
    assert header("Some words here      other words") is None


# a care home's reply to a coroner, answering in a -layout action table that quotes no concern: its first column
# numbers the rows, and each row's response cell wraps over two to four lines beside its owner, date and status
NUMBERED_ACTIONS_REPLY = """Beechcroft Care Home
Dunmore DN3 8AW

30 June 2025

Dear Ms Kerr

Thank you for your report on the death of Mr Yates. Our actions on each of your concerns are set out below.

No.   Response                                   Owner            Target      Status
1     All night staff attended sepsis training   Home Manager     31/05/25    Complete
      run by the community nursing team in
      May.
2     Fluid charts are now kept on tablets and   Deputy Manager   30/06/25    Complete
      the nurse in charge reviews them at the
      end of every shift.
3     A flowchart by each nursing station        Clinical Lead    31/07/25    In progress
      tells staff when to ring the out-of-hours
      doctor, and agency carers are shown it
      on their first night.

We will send you a further update when the flowchart has been in use for three months.

Yours sincerely

Rachel Dunne
Registered Manager
"""


def test_a_table_numbering_its_rows_beside_their_responses_answers_each_from_its_own_cell(tmp_path, settings, nlp):
    """A care home answers a coroner in a -layout table headed "No.   Response   Owner   Target   Status", no
    column quoting the concerns. Each row's evidence is its own response cell, run on over its wrapped lines
    (before, a header needed a quoted column, so the table was read across the page and row 3's answer ran on
    into the letter's closing paragraph, the promised update its evidence)."""
    from pipeline.run import run_corpus

    (tmp_path / "reply.txt").write_text(NUMBERED_ACTIONS_REPLY, encoding="utf-8")
    rows = run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()
    evidence = {r["label"]: " ".join((r["evidence"] or "").split()) for r in rows}
    assert set(evidence) == {"1", "2", "3"}
    own = {"1": ("sepsis training", "community nursing team"), "2": ("Fluid charts", "nurse in charge"),
           "3": ("A flowchart", "tells staff when to ring", "agency carers")}
    for label, words in own.items():
        assert words[-1] in evidence[label], (label, evidence[label])
        assert not any(w in evidence[label] for other, ws in own.items() if other != label for w in ws)
        assert "further update" not in evidence[label]
    assert "tells staff when to ring the out-of-hours" in evidence["3"]


# a department's two-column reply table in which the Committee's second recommendation has nothing beside it
UNANSWERED_ROW_REPLY = "\n".join(
    ["Dear Chair,", "",
     "Thank you for the Housing Committee's report on empty homes, which made three recommendations.",
     "The Government's response to the Committee's recommendations is set out in the table below.", ""]
    + _two_column_page([("1. The Ministry should publish the", "The Government agrees. Figures for each"),
                        ("   number of homes empty for more", "council will be published from"),
                        ("   than two years.", "October 2026."), ("", ""),
                        ("2. The Ministry should fund repairs.", ""), ("", ""),
                        ("3. The Ministry should double the", "The Government does not agree. The"),
                        ("   council tax premium on empty", "current premium is already high"),
                        ("   homes.", "enough to deter owners.")])
    + ["", "Yours sincerely,", "", "Joanna Pell MP", "Minister for Housing", ""])


def test_a_two_column_row_with_nothing_beside_its_quote_is_not_addressed(tmp_path, settings, nlp):
    """A minister's reply sets each Committee recommendation beside the Government's response in two columns;
    row 2 quotes its recommendation with nothing in the response column. It is not addressed (before, its quote
    was read as waiting for an answer, and it took row 3's, "The Government does not agree")."""
    from pipeline.run import run_corpus

    (tmp_path / "reply.txt").write_text(UNANSWERED_ROW_REPLY, encoding="utf-8")
    got = {r["label"]: r for r in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert set(got) == {"1", "2", "3"}
    assert got["2"]["stance"] == "not_addressed" and not got["2"]["evidence"]
    assert "does not agree" in (got["3"]["evidence"] or "")


# a hospital's action plan as pdftotext -layout sets it: the concern's number, the action wrapping in its own column,
# then the action's owner, due date and status on its first line
ACTION_PLAN = (
    "Concern   Action                                  Owner            Due          Status\n"
    "1         Ward sisters now audit the falls risk   Jane Okafor      30/06/2025   Complete\n"
    "          assessments of ten patients a week.\n"
    "2         A sensor mat is offered to every        Tom Reilly       31/08/2025   In progress\n"
    "          patient who has fallen before.\n")


def test_a_row_s_answer_starts_where_its_answer_column_does():
    """An action plan headed "Concern   Action   Owner   Due   Status": each row's answer starts where the Action
    column does on its first line, and its first sentence runs from the action's first word on to its wrapped
    line (before, the row's first line was cut at its third cell, so the action's first words made a sentence
    with the row's number and its wrapped line one with the date and status)."""
    view, tables = answer_columns(ACTION_PLAN, 0, len(ACTION_PLAN))
    assert len(tables) == 1
    assert tables[0][2] == (ACTION_PLAN.index("Ward sisters"), ACTION_PLAN.index("A sensor mat"))
    said = [_words(view[a:z]) for a, z in column_sentences(view, tables, [])]
    first = next(s for s in said if "falls risk" in s)
    assert first.startswith("Ward sisters now audit") and first.endswith("assessments of ten patients a week.")
    assert any(s.startswith("A sensor mat") and s.endswith("patient who has fallen before.") for s in said)
