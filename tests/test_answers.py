"""Tests for pipeline.stages.answers: where a reply answers each recommendation, and which
of its sentences are the answer (not the heading, not the quoted recommendation)."""
from __future__ import annotations

import pytest

from pipeline.nlp import analyse
from pipeline.stages import recommendations as R
from pipeline.stages import answers as A
from pipeline.stages.answers import body_range, find_answers, whole_reply
from pipeline.stages.segment import segment
from tests.conftest import EASY_READ_ITEMS, TITLED_CONCERNS_LETTER, WRAPPED_TITLE_REPLY


@pytest.fixture(scope="module")
def rules(settings):
    return R.load_rules(settings.models_dir)


def gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


def run(text, lex, nlp, settings, rules, labels=None, rec_texts=None):
    """find_answers as the pipeline calls it: the reply's own references, spaCy's sentences, and the
    labels and texts of the report answered (by default, what the reply itself states)."""
    (seg,) = segment(text, lex)
    refs = R.find_refs(text, seg, rules, lex.addressee_heading)
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    labels = {r.label: r.number for r in refs} if labels is None else labels
    rec_texts = {r.label: r.text for r in refs} if rec_texts is None else rec_texts
    return find_answers(text, seg, refs, labels, rec_texts, sentences, lex.stopwords)


def answers(text, lex, nlp, settings, rules, **kw) -> dict[str, tuple[str, list[str]]]:
    found, _ = run(text, lex, nlp, settings, rules, **kw)
    return {lab: (a.how, [text[s:e] for s, e in a.spans]) for lab, a in sorted(found.items())}


def reply(*paragraphs: str, salutation: str = "Dear Ms Harrow,", name: str = "Owen Pritchard MP") -> str:
    """A reply in web layout: a blank line between paragraphs."""
    return "\n\n".join((salutation,) + paragraphs + ("Yours sincerely,", name)) + "\n"


THANKS = "Thank you for your letter of 3 March enclosing the committee's report on cladding remediation."
REC1 = "The department should publish remediation data every quarter."
REC2 = "Building owners should be barred from passing costs to leaseholders."
ACCEPT1 = "The Government accepts this recommendation."
JUNE = "We will publish the first figures in June."
REJECT2 = "We do not accept this recommendation, as the Building Safety Act already protects leaseholders."

WEB = reply(THANKS, "Recommendation 1", REC1, f"{ACCEPT1} {JUNE}", "Recommendation 2", REC2, REJECT2)

MARKDOWN_HEADING = reply(
    "Thank you for the committee's report.", "## Recommendation 6",
    "The department should fund an independent advocate for every leaseholder.",
    "We agree that leaseholders need advice. We will fund an advice service from April.")

CONCERN_HEADINGS = reply(
    "Thank you for your report of 14 May 2023 about the death of Mr Owain Rees.", "Response to Concern 1:",
    "A new assessment area opened in June, and crews now hand over patients within thirty minutes.",
    "Response to Concern 2:",
    "The script has been rewritten so that every caller who has fallen is asked whether they can get up.",
    salutation="Dear Coroner,", name="Karen Lyle")

# PDF layout: no blank lines; the quoted recommendation runs on into the status line
PDF = """Dear Ms Harrow,
Thank you for your letter of 3 March enclosing the committee's report on cladding remediation.
Recommendation 1
The department should publish remediation data every quarter and set out how many buildings
remain unsafe in each region. The Government accepts this recommendation.
We will publish the first figures in June.
Recommendation 2
Building owners should be barred from passing costs to leaseholders. The Government does not accept this
recommendation, as the Building Safety Act already protects leaseholders.
Yours sincerely,
Owen Pritchard MP
"""

# two bare headings, each over a quote that speaks as a recommendation, answered together
GROUPED = reply(
    THANKS, "Recommendation 3", "That local authorities be given powers to inspect every high-rise building each year.",
    "Recommendation 4", "That each inspection report be published within a month.",
    "The Government agrees with the aim of these recommendations. Councils already have powers to inspect, and we "
    "will consult on publication this summer.")
GROUPED_ANSWER = ["The Government agrees with the aim of these recommendations.",
                  "Councils already have powers to inspect, and we will consult on publication this summer."]

# the answer repeats the recommendation's words in the same sentence as the status
ECHO = reply("Recommendation 1", REC1,
             "The Government accepts this recommendation and will publish remediation data every quarter.",
             "Recommendation 2", REC2, "The Government does not accept this recommendation.")

CONTENTS = reply(
    THANKS,
    "Contents\nRecommendation 1 – Publishing data\nRecommendation 2 – Leaseholder costs\n"
    "Recommendation 3 – Inspection powers",
    "Recommendation 1", "The Government accepts this recommendation and will publish data every quarter.",
    "Recommendation 2", "The Government does not accept this recommendation.",
    "Recommendation 3", "The Government will consider this recommendation in the autumn.")

XREFS = reply(
    "Thank you for your letter of 3 March.",
    "Recommendation 1", "The Government accepts this recommendation and will publish data every quarter.",
    "Recommendation 2", "This is addressed through the response to recommendation 1.",
    "Recommendation 3", "See recommendation 1.",
    "Recommendation 4", "As set out in recommendation 1, the data will be published quarterly. We accept this "
                        "recommendation.",
    "Recommendation 5", "We do not set targets for individual sectors. We will not fund it. The approach paper "
                        "described in our response to recommendation 1 will explain our priorities.")

# a paper that states each recommendation on its label's line, one of them for two at once
STATED = reply(
    "Recommendation 1(a): NHS England should publish staffing data for every maternity unit.",
    "Response: Accepted. NHS England will publish staffing data quarterly from April.",
    "Recommendations 3 and 4: The Department should fund more midwife training places and report on them.",
    "Response: Accepted. Funding for 1,000 places has been confirmed.",
    salutation="Dear Chair,")

# a committee's numbered recommendations with "Government response" under each, as pdftotext
# gives them: the label line runs on into the recommendation's paragraph
COMMITTEE_PDF = reply(
    "1. The Ministry should publish annual data on the qualifications prisoners gain. (Paragraph 14)\n"
    "Government response\nAgreed. The Ministry will publish these figures each year.",
    "2. The Ministry should guarantee every prisoner a literacy course within a month. (Paragraph 22)\n"
    "Government response\nNot agreed. Assessment on arrival already identifies who needs support.")

# a body's own name for its answers, on a line of its own under each recommendation's heading
OUR_RESPONSE = reply(
    "Recommendation 1", "Natural England should publish licensing data every month.", "Our response",
    "From January we will publish a monthly dataset of every licence granted.",
    "Recommendation 2", "Natural England should name a case officer for every large scheme.",
    "Scottish Government response", "We do not have enough advisers to offer this to every scheme.")

# an agency's "What the review said" / "What we are doing" under each heading, with no blank lines
SAID_AND_DOING = reply(
    "Recommendation 1\nWhat the review said\nThe agency should stop suspending payments during an assessment.\n"
    "What we are doing\nWe have thought carefully about this, but we have not accepted it.",
    "Recommendation 2\nWhat the review said\nThe agency should offer webchat seven days a week.\n"
    "What we have done\nWebchat has been open at weekends since March.")

# a web page copied as text, with no blank lines: heading, quote, status field, answer
STATUS_FIELDS = reply(
    "Recommendation 1\nChief constables should make sure that every device has a written examination strategy.\n"
    "Status: Complete\nSince October the unit has not accepted any device without a written examination strategy.\n"
    "Recommendation 2\nChief constables should offer victims a replacement handset.\nStatus: Not accepted\n"
    "The force has decided not to introduce a replacement handset scheme.")

# the status written on each recommendation's label line, the prose under it
STATUS_ON_LABEL = reply(
    "Recommendation 1 – Accepted\nThe Department will reduce the maximum deduction rate from April.",
    "Recommendation 2 – Not accepted\nThe existing hardship process already provides this flexibility.")

# the answer on the label's line, wrapped by the PDF mid-sentence
WRAPPED_LABEL_LINE = reply(
    THANKS, "Recommendation 1: All staff will be trained by 31 July 2024, and we\nhave set aside funding for this.",
    "Recommendation 3: A lead was appointed in May and reports to the\nBoard each quarter.")

# pdftotext of a committee response: a "Recommendation N" line, the quote with its paragraph
# tag, and the answer, with no blank lines anywhere
PDF_HEADINGS = ("Government Response to the Energy Committee report on heat pumps\nRecommendation 1\n"
                "The Government should extend the Boiler Upgrade Scheme until at least 2028. (Paragraph 18)\n"
                "The Government has extended the Boiler Upgrade Scheme to 2028.\nRecommendation 2\n"
                "The Government should set a target for heat pump installers. (Paragraph 35)\n"
                "The Government does not intend to set a separate target for installers.\n")


# ---- sections under headings

# a Lords committee's recommendations numbered by the report's paragraphs
BY_PARAGRAPH = reply(
    "Thank you for the Committee's report on digital exclusion.",
    "Recommendation (paragraph 3.21): The Government should publish a digital inclusion strategy within a year.",
    "Government response: The Government does not plan to publish a new strategy.",
    "Recommendation (paragraph 4.9): The Government should ensure every provider offers a social tariff.",
    "Government response: The Government agrees. Every major provider already offers one.")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(WEB, {"1": ("heading", [ACCEPT1, JUNE]), "2": ("heading", [REJECT2])},
                 id="web-heading-and-quote-left-out"),
    pytest.param(MARKDOWN_HEADING, {"6": ("heading", ["We agree that leaseholders need advice.",
                                                      "We will fund an advice service from April."])},
                 id="markdown-heading"),
    pytest.param(CONCERN_HEADINGS, {
        "1": ("heading", ["A new assessment area opened in June, and crews now hand over patients within thirty "
                          "minutes."]),
        "2": ("heading", ["The script has been rewritten so that every caller who has fallen is asked whether they "
                          "can get up."]),
    }, id="response-to-concern-headings"),
    pytest.param(GROUPED, {"3": ("grouped", GROUPED_ANSWER), "4": ("heading", GROUPED_ANSWER)},
                 id="grouped-headings-answered-together"),
    pytest.param(CONTENTS, {
        "1": ("heading", ["The Government accepts this recommendation and will publish data every quarter."]),
        "2": ("heading", ["The Government does not accept this recommendation."]),
        "3": ("heading", ["The Government will consider this recommendation in the autumn."]),
    }, id="contents-list-is-not-a-section"),
    pytest.param(ECHO, {
        "1": ("heading", ["The Government accepts this recommendation and will publish remediation data every "
                          "quarter."]),
        "2": ("heading", ["The Government does not accept this recommendation."]),
    }, id="answer-that-repeats-the-recommendation"),
    pytest.param(STATED, {
        "1(a)": ("heading", ["Response: Accepted.", "NHS England will publish staffing data quarterly from April."]),
        "3": ("heading", ["Response: Accepted.", "Funding for 1,000 places has been confirmed."]),
        "4": ("heading", ["Response: Accepted.", "Funding for 1,000 places has been confirmed."]),
    }, id="recommendations-stated-on-the-label-line"),
    pytest.param(COMMITTEE_PDF, {
        "1": ("heading", ["Agreed.", "The Ministry will publish these figures each year."]),
        "2": ("heading", ["Not agreed.", "Assessment on arrival already identifies who needs support."]),
    }, id="numbered-recommendations-with-a-response-label-line"),
    pytest.param(OUR_RESPONSE, {
        "1": ("heading", ["From January we will publish a monthly dataset of every licence granted."]),
        "2": ("heading", ["We do not have enough advisers to offer this to every scheme."]),
    }, id="a-body-s-own-response-label-line"),
    pytest.param(STATUS_FIELDS, {
        "1": ("heading", ["Status: Complete\nSince October the unit has not accepted any device without a written "
                          "examination strategy."]),
        "2": ("heading", ["Status: Not accepted\nThe force has decided not to introduce a replacement handset "
                          "scheme."]),
    }, id="status-field-under-the-quote-with-no-blank-lines"),
    pytest.param(SAID_AND_DOING, {
        "1": ("heading", ["We have thought carefully about this, but we have not accepted it."]),
        "2": ("heading", ["Webchat has been open at weekends since March."]),
    }, id="what-the-review-said-and-what-we-are-doing"),
    pytest.param(STATUS_ON_LABEL, {
        "1": ("heading", ["Recommendation 1 – Accepted",
                          "The Department will reduce the maximum deduction rate from April."]),
        "2": ("heading", ["Recommendation 2 – Not accepted",
                          "The existing hardship process already provides this flexibility."]),
    }, id="status-on-the-label-line-is-part-of-the-answer"),
    pytest.param(WRAPPED_LABEL_LINE, {
        "1": ("heading", ["Recommendation 1: All staff will be trained by 31 July 2024, and we\nhave set aside funding "
                          "for this."]),
        "3": ("heading", ["Recommendation 3: A lead was appointed in May and reports to the\nBoard each quarter."]),
    }, id="answer-on-the-label-line-wrapped-mid-sentence"),
    pytest.param(PDF_HEADINGS, {
        "1": ("heading", ["The Government has extended the Boiler Upgrade Scheme to 2028."]),
        "2": ("heading", ["The Government does not intend to set a separate target for installers."]),
    }, id="pdf-headings-quotes-and-answers-without-blank-lines"),
    pytest.param(BY_PARAGRAPH, {
        "3.21": ("heading", ["Government response: The Government does not plan to publish a new strategy."]),
        "4.9": ("heading", ["Government response: The Government agrees.", "Every major provider already offers one."]),
    }, id="recommendations-numbered-by-paragraph"),
])
def test_heading_sections(text, expected, lex, nlp, settings, rules):
    assert answers(text, lex, nlp, settings, rules) == expected


def test_pdf_paragraph_drops_what_precedes_the_status_line(lex, nlp, settings, rules):
    got = answers(PDF, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["1"] == ("heading", [ACCEPT1, JUNE])
    assert got["2"][1][0] == ("The Government does not accept this\nrecommendation, as the Building Safety Act "
                              "already protects leaseholders.")


def test_pdf_last_answer_stops_at_the_signoff(lex, nlp, settings, rules):
    got = answers(PDF, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["2"] == ("heading", ["The Government does not accept this\nrecommendation, as the Building Safety "
                                    "Act already protects leaseholders."])


# ---- "Recommendation:" / "Response:" blocks with no number

REPORT_TEXTS = {"1": "The department should publish remediation data every quarter",
                "2": "Building owners should be barred from passing remediation costs to leaseholders"}
UNNUMBERED = reply(
    THANKS,
    "Recommendation: Building owners should be barred from passing remediation costs to leaseholders.",
    "Response: The Government does not accept this recommendation, as the Building Safety Act already protects "
    "leaseholders.",
    "Recommendation: The department should publish remediation data every quarter.",
    "Response: The Government accepts this recommendation. The first figures will appear in June.")


def test_unnumbered_blocks_are_matched_to_the_report_by_text(lex, nlp, settings, rules):
    got = answers(UNNUMBERED, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=REPORT_TEXTS)
    assert sorted(got) == ["1", "2"]
    assert "The Government accepts this recommendation." in got["1"][1][0]
    assert got["1"][1][1:] == ["The first figures will appear in June."]
    assert "does not accept this recommendation" in got["2"][1][0]
    for _, sents in got.values():
        assert not any(s.startswith("Recommendation:") for s in sents)


UNNUMBERED_UNDER_CHAPTERS = reply(
    THANKS,
    "1. Leaseholders\nRecommendation: Building owners should be barred from passing remediation costs to "
    "leaseholders.",
    "Response: The Government does not accept this recommendation, as the Building Safety Act already protects "
    "leaseholders.",
    "2. Data and transparency\nRecommendation: The department should publish remediation data every quarter.",
    "Response: The Government accepts this recommendation. The first figures will appear in June.")


def test_chapter_heading_above_a_quoted_recommendation_is_not_the_answer_before_it(lex, nlp, settings, rules):
    """A paper's chapter heading on the line above "Recommendation:" (pdftotext keeps them in one
    paragraph) belongs to the next recommendation, not to the end of the previous answer."""
    got = answers(UNNUMBERED_UNDER_CHAPTERS, lex, nlp, settings, rules, labels={"1": 1, "2": 2},
                  rec_texts=REPORT_TEXTS)
    assert got["2"][1] == ["Response: The Government does not accept this recommendation, as the Building Safety "
                           "Act already protects leaseholders."]
    assert not any("Data and transparency" in s for s in got["1"][1] + got["2"][1])


def test_quoted_recommendation_the_report_does_not_list_still_ends_the_answer(lex, nlp, settings, rules):
    """A "Recommendation:" block quoting something the report answered does not list (a conclusion,
    a recommendation to someone else) is not part of the answer above it."""
    got = answers(UNNUMBERED, lex, nlp, settings, rules, labels={"2": 2}, rec_texts={"2": REPORT_TEXTS["2"]})
    assert got["2"][1] == ["Response: The Government does not accept this recommendation, as the Building Safety "
                           "Act already protects leaseholders."]


def test_unnumbered_blocks_say_how_they_were_found(lex, nlp, settings, rules):
    got = answers(UNNUMBERED, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=REPORT_TEXTS)
    assert {how for how, _ in got.values()} == {"unnumbered"}


def test_what_precedes_the_government_response_label_is_the_recommendation(lex, nlp, settings, rules):
    """A committee's conclusion quoted over "Government response" may run to several sentences,
    only the last of which recommends: all of them are the quote, none the answer."""
    text = reply("2. Bilateral spending on water and sanitation has fallen by two thirds since 2019. This is a "
                 "false economy that will be paid for in disease and lost schooling. The Government should commit "
                 "to restoring it to its 2019 level. (Paragraph 41)",
                 "Government response",
                 "The Government recognises the strength of feeling among the witnesses. We are not able to "
                 "commit to restoring spending to a particular level.", salutation="Dear Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2}, rec_texts={})
    assert got["2"][1] == ["The Government recognises the strength of feeling among the witnesses.",
                           "We are not able to commit to restoring spending to a particular level."]


def test_a_table_header_repeated_at_a_page_break_is_not_a_label_line(lex, nlp, settings, rules):
    """pdftotext repeats an action plan's header ("No. / Review recommendation / MMO response / ...")
    after a page break, under the last row of the page: its "MMO response" is a header cell, and
    the row's answer above it stays the answer."""
    text = ("Annex A - response and action plan\n\nNo.\nReview recommendation\nMMO response\nAction owner\n"
            "Target date\nStatus\n\n1\nThe MMO should publish its licence processing times every month.\n"
            "Accepted. Processing times have been published on GOV.UK each month since April.\nHead of "
            "Licensing\nApril 2026\nComplete\n\n2\nThe MMO should provide a named contact for owners of small "
            "vessels.\nAccepted. Six liaison officers took up post between January and April.\nHead of "
            "Operations\nApril 2026\nComplete\n\nPage 3 of 4\n\fNo.\nReview recommendation\nMMO response\n"
            "Action owner\nTarget date\nStatus\n\n3\nThe MMO should report progress to its Board every six "
            "months.\nAccepted. Progress will be reported to the Board in November.\nDirector\nNovember 2026\n"
            "Green\n")
    got = answers(text, lex, nlp, settings, rules)
    assert got["2"][1][:2] == ["Accepted.", "Six liaison officers took up post between January and April."]


# ---- cross-references

@pytest.mark.parametrize(("label", "xref", "sentences"), [
    pytest.param("1", None, ["The Government accepts this recommendation and will publish data every quarter."],
                 id="answer-with-no-pointer"),
    pytest.param("2", "1", ["This is addressed through the response to recommendation 1."],
                 id="through-the-response-to"),
    pytest.param("3", "1", ["See recommendation 1."], id="see-recommendation"),
    pytest.param("4", "1", ["As set out in recommendation 1, the data will be published quarterly.",
                            "We accept this recommendation."], id="as-set-out-in-keeps-own-answer"),
    # at the end of an answer of its own, the pointer only mentions the other answer
    pytest.param("5", None, ["We do not set targets for individual sectors.", "We will not fund it.",
                             "The approach paper described in our response to recommendation 1 will explain our "
                             "priorities."], id="mention-after-an-answer-of-its-own"),
])
def test_cross_references(label, xref, sentences, lex, nlp, settings, rules):
    found, structured = run(XREFS, lex, nlp, settings, rules)
    assert structured
    answer = found[label]
    assert (answer.xref, [XREFS[s:e] for s, e in answer.spans]) == (xref, sentences)


# ---- answers without a heading: the preamble, inline mentions, subjects

PREAMBLE = reply(
    "Thank you for your report of 14 May 2023 about the death of Mr Owain Rees.",
    "Our ambulance crews now hand over patients within thirty minutes, because a new assessment area opened next to "
    "the emergency department in June.",
    "Every handover is timed and any delay over an hour is reported to the duty manager.",
    "Concern 2",
    "The call handling script now asks every caller who has fallen whether they can get up.",
    salutation="Dear Coroner,", name="Karen Lyle")

CONCERNS = {
    "1": "Ambulance crews were held outside the emergency department for up to six hours because no cubicles were free",
    "2": "The call handler's script did not ask whether an elderly caller who had fallen could get up from the floor",
}
CREWS = ("Ambulance crews are no longer held outside the emergency department: a new assessment area with eight "
         "cubicles opened in June, and crews now hand over patients within thirty minutes.")
SCRIPT = ("The call handler's script has been rewritten so that every elderly caller who has fallen is asked whether "
          "they can get up from the floor, and a welfare call follows within the hour.")
BY_SUBJECT = reply("Thank you for your report of 14 May 2023 about the death of Mr Owain Rees.", CREWS, SCRIPT,
                   "I hope this provides assurance.", salutation="Dear Coroner,", name="Karen Lyle")


def test_numbered_topic_headings_answer_the_concerns_of_those_numbers(lex, nlp, settings, rules):
    """A reply that heads each answer "1. Welfare calls", "2. Falls response", numbered as the report's concerns."""
    text = reply("Thank you for your report dated 3 March 2025.", "1. Welfare calls",
                 "We accept that the welfare calls were not made. A welfare call team has been in place since February.",
                 "2. Falls response", "Extending the falls service overnight would need funding we have not secured.",
                 salutation="Dear Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got == {
        "1": ("heading", ["We accept that the welfare calls were not made.",
                          "A welfare call team has been in place since February."]),
        "2": ("heading", ["Extending the falls service overnight would need funding we have not secured."]),
    }


def test_a_numbered_topic_heading_on_the_line_above_its_answer_is_not_part_of_it(lex, nlp, settings, rules):
    """An e-mail or Word reply puts its answer on the line under "5. Independent audit" with no blank
    line between: the heading line is the heading, and the first sentence under it the answer's first."""
    text = reply("Thank you for your letter of 4 November.",
                 "1. Customer interaction alerts\nDone. Alerts over the limit now go into a priority queue that is "
                 "staffed seven days a week.",
                 "2. Independent audit\nWe have thought about this carefully, but we do not intend to commission an "
                 "external audit. Our internal audit function will review the changes instead.",
                 salutation="Dear Daniel,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["1"][1][0] == "Done."
    assert got["2"][1][0] == ("We have thought about this carefully, but we do not intend to commission an "
                              "external audit.")


@pytest.mark.parametrize("dash", [" - ", " – ", ": "])
def test_a_numbered_heading_may_set_its_title_off_with_a_dash(dash, lex, nlp, settings, rules):
    """An e-mail reply heads its answers "1 and 2 - Deductions", "3 - Training": the number and a
    dash (or colon) instead of a full stop; an answer no heading opens is not answered."""
    text = reply("Thank you for your letter of 6 November. Taking your recommendations in turn:",
                 f"1 and 2{dash}Deductions for late delivery",
                 "We have repaid every deduction taken without evidence.",
                 f"3{dash}Training", "All buying staff have completed this year's training.",
                 salutation="Dear Helen,")
    found, structured = run(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3, "4": 4}, rec_texts={})
    assert structured and sorted(found) == ["1", "2", "3"]
    assert [text[a:z] for a, z in found["2"].spans] == ["We have repaid every deduction taken without evidence."]
    assert [text[a:z] for a, z in found["3"].spans] == ["All buying staff have completed this year's training."]


GOVERNANCE = {
    "1": "recruits at least two governors with recent senior financial experience before the end of term",
    "2": "commissions an external review of governance, to be completed by 31 March",
    "3": "withdraws from all subcontracted adult provision from the start of the next academic year",
    "4": "changes the line management of the Clerk so that the Clerk reports to the Chair",
}


GOVERNANCE_ANSWERS = {
    "1": "Two new governors with senior financial experience joined the board in November.",
    "2": "We have commissioned an external review from Harland Partners, to report in March.",
    "3": "The board has decided that the College will not withdraw from subcontracted adult provision.",
    "4": "From 1 December the Clerk has been line-managed by me as Chair.",
}


def governance_reply(heading: str = "", adult: str = GOVERNANCE_ANSWERS["3"]) -> str:
    """The Corporation's reply under its own topic headings, each set after ``heading`` ("### " on a web page)."""
    titles = ("Board membership", "Review of governance", "Adult provision", "The Clerk")
    answers_ = dict(GOVERNANCE_ANSWERS, **{"3": adult})
    body = [x for k, t in enumerate(titles, 1) for x in (heading + t, answers_[str(k)])]
    return reply("Intervention assessment of the College: the Corporation's response",
                 "Thank you for your letter of 30 September and for the care your team took over the assessment "
                 "of the College.", *body, salutation="Dear Martin,")


def test_headings_of_the_reply_s_own_answer_the_recommendations_in_their_order(lex, nlp, settings, rules):
    """A reply that heads each answer by its topic, with no number ("Review of governance", "The
    Clerk"), in the order of the recommendations: each heading answers the one in its place, even
    where only the paragraph under it shares the recommendation's words; the subject line over
    the first paragraph answers nothing."""
    got = answers(governance_reply(), lex, nlp, settings, rules, labels={lab: int(lab) for lab in GOVERNANCE},
                  rec_texts=GOVERNANCE)
    assert got == {lab: ("heading", [answer]) for lab, answer in GOVERNANCE_ANSWERS.items()}


def test_a_web_page_s_topic_heading_over_a_one_line_answer_answers_it(lex, nlp, settings, rules):
    """On a GOV.UK page each answer is under a "###" heading of its own; one answer may be a single
    short sentence ("I note the recommendation.") and is still that heading's answer, not part of
    the answer above it."""
    got = answers(governance_reply("### ", adult="I note the recommendation."), lex, nlp, settings, rules,
                  labels={lab: int(lab) for lab in GOVERNANCE}, rec_texts=GOVERNANCE)
    assert got["2"] == ("heading", [GOVERNANCE_ANSWERS["2"]])
    assert got["3"] == ("heading", ["I note the recommendation."])


def test_a_topic_heading_out_of_its_place_answers_the_recommendation_it_is_about(lex, nlp, settings, rules):
    """"The Clerk" answered second still answers the Clerk's recommendation; a heading about none
    of them ("Next steps") ends the answer above it and answers nothing."""
    text = reply("Thank you for your letter of 30 September and for the care your team took over the assessment "
                 "of the College.",
                 "Governors", "Two new governors with senior financial experience joined the board in November.",
                 "The Clerk", "From 1 December the Clerk has been line-managed by me as Chair.",
                 "Review of governance",
                 "We have commissioned an external review from Harland Partners, to report in March.",
                 "Adult provision",
                 "The board has decided that the College will not withdraw from subcontracted adult provision.",
                 "Next steps", "We look forward to the first stocktake meeting in January with the whole team.",
                 salutation="Dear Martin,")
    got = answers(text, lex, nlp, settings, rules, labels={lab: int(lab) for lab in GOVERNANCE},
                  rec_texts=GOVERNANCE)
    assert got["4"] == ("heading", ["From 1 December the Clerk has been line-managed by me as Chair."])
    assert got["3"] == ("heading", ["The board has decided that the College will not withdraw from subcontracted "
                                    "adult provision."])


def test_a_recommendation_no_heading_takes_up_is_not_given_a_heading_that_only_shares_its_word(lex, nlp, settings,
                                                                                                  rules):
    """A fifth recommendation, on publishing "the board's minutes", that the reply skips: the
    "Board membership" heading shares its word "board", but the answer under it is about new
    governors, not the minutes; it is left unanswered (before, the heading answered it too)."""
    recs = dict(GOVERNANCE, **{"5": "publishes the minutes of each board meeting on the College website within a "
                                    "month"})
    got = answers(governance_reply(), lex, nlp, settings, rules, labels={lab: int(lab) for lab in recs},
                  rec_texts=recs)
    assert got["1"] == ("heading", [GOVERNANCE_ANSWERS["1"]])
    assert "5" not in got


def test_topic_headings_out_of_the_recommendations_order_answer_the_ones_they_name(lex, nlp, settings, rules):
    """An employer answers the fifth concern first, under "Travel information and clothing", then the
    fourth under "The staff minibus": each heading answers the concern its own words name, not the
    one in its place (before, the two answers were swapped)."""
    recs = {"4": "Norvik withdrew its staff minibus without assessing how night shift staff would get home safely.",
            "5": "Norvik gives staff who walk or cycle no information about travelling safely and no clothing."}
    text = reply("I have been asked to respond to your report on behalf of the company.",
                 "Travel information and clothing",
                 "Every member of staff who walks or cycles has been given a high-visibility jacket and lights.",
                 "The staff minibus",
                 "We do not intend to bring the minibus back or to change our shift times.",
                 salutation="Dear Mrs Hopkins,")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=recs)
    assert got["4"] == ("heading", ["We do not intend to bring the minibus back or to change our shift times."])
    assert got["5"] == ("heading", ["Every member of staff who walks or cycles has been given a high-visibility "
                                    "jacket and lights."])


def test_headings_that_name_only_half_the_recommendations_are_not_read_as_answers(lex, nlp, settings, rules):
    """A guidance note sent in reply, whose three headings name three of six concerns, is not a
    reply headed by topic: a majority of the recommendations must have a heading of their own."""
    recs = dict(GOVERNANCE, **{"5": "reviews the curriculum for sixteen to eighteen year olds and closes small courses",
                               "6": "undertakes a structure and prospects appraisal with the support of my team"})
    text = reply("Thank you for your letter of 30 September and for the care your team took over the assessment "
                 "of the College.",
                 "Governors", "Two new governors with senior financial experience joined the board in November.",
                 "Review of governance",
                 "We have commissioned an external review from Harland Partners, to report in March.",
                 "The Clerk", "From 1 December the Clerk has been line-managed by me as Chair.",
                 salutation="Dear Martin,")
    found, _ = run(text, lex, nlp, settings, rules, labels={lab: int(lab) for lab in recs}, rec_texts=recs)
    assert all(a.how != "heading" for a in found.values())


def test_a_reply_s_own_sections_are_not_topic_headings(lex, nlp, settings, rules):
    """"Background", "Our approach", "Next steps" share no words with the recommendations: they
    are the reply's sections, and the reply is read by subject, as one without headings."""
    text = reply("Thank you for your letter of 30 September and for the care your team took over the assessment "
                 "of the College.",
                 "Background", "The College has faced a difficult financial year with falling adult enrolments.",
                 "Our approach", "The board has met four times since September to consider the assessment.",
                 "Next steps", "We look forward to the first stocktake meeting in January with the whole team.",
                 salutation="Dear Martin,")
    found, structured = run(text, lex, nlp, settings, rules, labels={lab: int(lab) for lab in GOVERNANCE},
                            rec_texts=GOVERNANCE)
    assert not structured and all(a.how != "heading" for a in found.values())


def test_a_mention_under_another_recommendation_s_heading_does_not_take_its_answer(lex, nlp, settings, rules):
    """"The action plan for recommendations 1 and 2 is enclosed." under "Recommendation 3" points back:
    1 and 2 keep the answers under their own headings, and 3 keeps its section."""
    text = reply("Thank you for your letter enclosing your final report.",
                 "Recommendation 1", "Every penalty found by the search has been cancelled and refunded.",
                 "Recommendation 2", "We cannot make the change until the new system is live in 2027.",
                 "Recommendation 3", "The action plan for recommendations 1 and 2 is enclosed. We have also sent a "
                 "copy to Mrs R with a named contact.", salutation="Dear Ombudsman,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts={})
    assert got["1"] == ("heading", ["Every penalty found by the search has been cancelled and refunded."])
    assert got["2"] == ("heading", ["We cannot make the change until the new system is live in 2027."])
    assert "We have also sent a copy to Mrs R with a named contact." in got["3"][1]


@pytest.mark.parametrize("opening", [
    "Our response to concerns 1 to 3 is set out below. The first two concerns are closely connected and I have "
    "answered them together.",
    # what was asked, restated
    "You asked us to respond to concerns 1 to 3. I have used your numbering, but I have answered the first two "
    "concerns together.",
    "Your report asks the Council to respond to concerns 1, 2 and 3, which I do below.",
    "Your report asks Clarion to respond to concerns 1, 2 and 3.",
    "Your report raises concerns 1, 2 and 3 with us.",
    "Concerns 1, 2 and 3 are addressed to the Council.",
    "Your report raises three concerns for the Council, concerns 1, 2 and 3, and I am grateful for the chance to reply.",
], ids=["set-out-below", "you-asked-us", "report-asks", "report-asks-a-name", "raises-with-us", "addressed-to-us",
        "raises-n-concerns-for-us"])
def test_a_sentence_that_says_where_the_answers_are_opens_none_of_them(opening, lex, nlp, settings, rules):
    """"Our response to concerns 1 to 3 is set out below. The first two concerns are closely
    connected and I have answered them together." names the concerns only to say where their
    answers are, and "You asked us to respond to concerns 1 to 3." what they will be: the
    numbered headings under it, one of them "1 and 2.", open the answers."""
    text = reply("Thank you for your report dated 3 March 2025.", opening,
                 "1 and 2. Inspection of memorials",
                 "Every memorial was tested in July and the unsafe ones were laid flat.",
                 "3. The play area", "The Council decided to keep the gate open.", salutation="Dear Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts={})
    memorials = ("heading", ["Every memorial was tested in July and the unsafe ones were laid flat."])
    assert got == {"1": memorials, "2": memorials, "3": ("heading", ["The Council decided to keep the gate open."])}


def test_a_theme_after_the_last_numbered_answer_answers_the_recommendations_it_is_about(
        lex, nlp, settings, rules):
    """After "Recommendation 2" a reply turns to a theme, "Data and the funding formula", over
    prose about the two recommendations no heading opened: the theme is theirs, not 2's."""
    text = reply("Thank you for the Committee's report.", "Recommendation 1",
                 "We will revise the statutory guidance on repeat crisis grants from April.",
                 "Recommendation 2", "This is now the case in every council area.",
                 "Data and the funding formula\nOn statistics, councils will record the reason for each refused "
                 "application, and we will publish the refusal statistics annually.",
                 "As to distribution, we will not commission an independent review of the formula used to "
                 "allocate the funding between councils while the Settlement and Distribution Group considers it.",
                 salutation="Dear Marjorie,")
    recs = {"1": "The Government should revise the statutory guidance on repeat crisis grants.",
            "2": "The Government should ensure that every council offers a free telephone number.",
            "3": "The Government should publish statistics on the reasons applications are refused.",
            "4": "The Government should commission an independent review of the formula used to allocate "
                 "the funding between councils."}
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    assert got["2"] == ("heading", ["This is now the case in every council area."])
    assert got["3"][0] == got["4"][0] == "topic"
    assert "refused" in " ".join(got["3"][1]) and "formula" in " ".join(got["4"][1])


def test_what_precedes_the_first_numbered_answer_answers_the_earlier_number(lex, nlp, settings, rules):
    found, structured = run(PREAMBLE, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert structured
    assert found["1"].how == "preamble"
    got = [PREAMBLE[s:e] for s, e in found["1"].spans]
    assert "Every handover is timed and any delay over an hour is reported to the duty manager." in got
    assert not any("script" in s for s in got)
    assert found["2"].how == "heading"


FERRY_RECS = {"1": "CalMac should publish an accessibility guide for each vessel and each port on the network.",
              "2": "Passengers should be able to book assistance online when they book a ticket.",
              "3": "New vessels should have at least two passenger lifts.",
              "4": "Ports should have accessible toilets at every terminal."}
FERRY_REPLY = reply(
    "Thank you for your letter of 2 February about the accessibility of ferry services. I apologise for the "
    "delay, which was caused by the need to consult CalMac officials.",
    "Transport Scotland has varied the ferry contract so that CalMac must publish an accessibility guide for "
    "each vessel and each port by 30 September.",
    "On booking assistance, I recognise how frustrating it is for passengers to book a ticket online and then "
    "telephone. The booking system is an operational matter for CalMac. I have shared your letter with its "
    "Managing Director.",
    "Your third and fourth recommendations both concern infrastructure. The specification for the next vessels "
    "is being developed and I will write once it has been agreed.", salutation="Dear Ms Fraser,")


def test_paragraphs_before_the_first_number_answer_the_earlier_ones_each_by_subject(lex, nlp, settings, rules):
    """A minister's letter answers the guides, then booking, then "Your third and fourth
    recommendations ...": what comes before the first number answers 1 and 2, a paragraph each
    (before, both were read off all of it, the apology for consulting CalMac included)."""
    got = answers(FERRY_REPLY, lex, nlp, settings, rules, labels={k: int(k) for k in FERRY_RECS}, rec_texts=FERRY_RECS)
    assert got["1"] == ("topic", ["Transport Scotland has varied the ferry contract so that CalMac must publish an "
                                  "accessibility guide for each vessel and each port by 30 September."])
    assert got["2"][0] == "topic" and got["2"][1][0].startswith("On booking assistance")
    assert not any("apologise" in s for lab in "12" for s in got[lab][1])


def test_splitting_the_preamble_by_subject_takes_no_later_recommendation(lex, nlp, settings, rules):
    """A paragraph before the first number that is about a later recommendation (staff met in Oban)
    is not that one's answer: the training made mandatory after the numbered paragraph is."""
    recs = dict(FERRY_RECS, **{"5": "CalMac should train all port and vessel staff in disability awareness every "
                                     "year, with refresher training for ferry crews."})
    text = FERRY_REPLY.replace("Your third and fourth", "I met CalMac port and vessel staff and ferry crews in Oban "
                               "last month and heard directly about their experience of disability on the "
                               "network.\n\nYour third and fourth").replace(
        "I will write once it has been agreed.", "I will write once it has been agreed.\n\nCalMac will make "
        "disability awareness training mandatory for all staff from April, with annual refresher training for crews.")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    assert got["5"][1] == ["CalMac will make disability awareness training mandatory for all staff from April, with "
                           "annual refresher training for crews."]


def test_a_preamble_only_one_earlier_recommendation_is_about_answers_them_all_whole(lex, nlp, settings, rules):
    """Where only one of those before the first number has a paragraph about it (a reply keyed by
    concerns sent to others too, or one answering in two paragraphs of which one shares the words),
    what precedes the number still answers each of them whole."""
    text = FERRY_REPLY.replace("On booking assistance, I recognise how frustrating it is for passengers to book a "
                               "ticket online and then telephone. ", "")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in FERRY_RECS}, rec_texts=FERRY_RECS)
    assert got["1"][0] == got["2"][0] == "preamble" and got["1"][1] == got["2"][1]


GAS_RECS = {"1": "Retailers who sell kitchen installations that include gas work should say who will do the gas work "
                 "and check that the installer is registered.",
            "2": "Reports of illegal gas work made to the Register should be investigated promptly and the backlog of "
                 "reports awaiting investigation cleared."}
GAS_REPLY = reply(
    "Thank you for your report of 3 March about the death of Mr Q.",
    "Turning first to what you say about retailers who sell kitchen installations that include gas work, those "
    "matters are for the retailers themselves and for Trading Standards.",
    "As to the report of illegal gas work about Mr Carrow, it should not have waited eight months for "
    "investigation, and the backlog of reports awaiting investigation rose to 1,900.",
    "In June the Board commissioned an independent review, which will look at how each one is prioritised.",
    "I will write to you again once the Board has considered the review.",
    "I hope this is helpful.", salutation="Dear Coroner,", name="Ruth Allen")


def test_an_answer_opened_by_its_topic_runs_on_to_the_next_topic(lex, nlp, settings, rules):
    """A reply in prose takes the concerns in turn ("Turning first to ...", "As to the report about
    Mr Carrow ..."): the review commissioned and the promise to write again are the answer to the
    second, though only its first paragraph names the subject (before, the answer stopped there and
    read as an apology). The closing courtesy answers nothing."""
    got = answers(GAS_REPLY, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=GAS_RECS)
    assert got["2"][0] == "topic"
    assert got["2"][1][0].startswith("As to the report") and len(got["2"][1]) == 3
    assert got["2"][1][-1] == "I will write to you again once the Board has considered the review."
    assert got["1"][1] == [GAS_REPLY.split("\n\n")[2]]


def test_an_answer_opened_by_what_the_coroner_said_runs_on_to_the_next_topic(lex, nlp, settings, rules):
    """A firm's e-mail takes the concern up in the coroner's words ("You were concerned that the
    report ... waited eight months"), admits it, then says what it has done in the paragraphs
    after: they are the answer (before, it stopped at the admission and read as a refusal)."""
    text = GAS_REPLY.replace("As to the report of illegal gas work about Mr Carrow, it", "You were concerned that "
                             "the report of illegal gas work about Mr Carrow")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=GAS_RECS)
    assert got["2"][0] == "topic" and got["2"][1][0].startswith("You were concerned that")
    assert got["2"][1][-1] == "I will write to you again once the Board has considered the review."


@pytest.mark.parametrize("last", ["A copy of this letter has been sent to Mr Q's family.",
                                  "Retailers who sell kitchen installations must check that the installer is "
                                  "registered, and Trading Standards will look at those who do not."])
def test_an_answer_opened_by_its_topic_stops_at_a_note_of_copies_or_another_subject(last, lex, nlp, settings, rules):
    """The run stops at "A copy of this letter has been sent to ..." and at a paragraph more about
    another concern than its own."""
    text = GAS_REPLY.replace("I will write to you again once the Board has considered the review.",
                             "I will write to you again once the Board has considered the review.\n\n" + last)
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=GAS_RECS)
    assert got["2"][1][-1] == "I will write to you again once the Board has considered the review."


def test_an_answer_opened_by_restating_the_concern_runs_on_to_the_next(lex, nlp, settings, rules):
    """"Your report raises matters for us. The first is that ..." where the report never says
    which of its concerns are ours: the paragraph restating the second is found by its words, and
    the review commissioned and the promise to write again after it are the answer too."""
    text = GAS_REPLY.replace("Turning first to what you say about", "Your report raises matters for us.\n\n"
                             "The first is about").replace("As to the report of", "The second is that the report of")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=GAS_RECS)
    assert got["2"][1][0].startswith("The second is that") and len(got["2"][1]) == 3


TRAINING = ("On training, I share the Committee's concern that too few people are entering the profession, and "
            "the Committee's second and third recommendations both address this. The Department will provide "
            "£3.8 million to the trainee programme. I am not in a position to commit funding for later years.")


def test_a_paragraph_whose_first_sentence_ends_naming_what_it_takes_up_answers_them(lex, nlp, settings, rules):
    """"..., and the Committee's second and third recommendations both address this." ends the
    paragraph's first sentence: the paragraph is their answer, and not part of the answer to the
    first recommendation above it (before, the first took it and the others had that sentence)."""
    text = reply("Turning to the Committee's first recommendation, the Regulator has begun an assessment of the "
                 "workforce. It will be published in November.", TRAINING, salutation="Dear Lord Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3})
    assert got["2"] == got["3"]
    assert got["2"][1][-1] == "I am not in a position to commit funding for later years."
    assert not any("trainee" in s for s in got["1"][1])


@pytest.mark.parametrize(("named", "labs"), [
    ("second and third recommendations both deal with this", ["2", "3"]),
    ("second recommendation deals with this", ["2"]),
    ("second recommendation relates to this", ["2"]),
])
def test_each_recommendation_a_paragraph_s_first_sentence_names_takes_the_whole_paragraph(named, labs, lex, nlp,
                                                                                        settings, rules):
    """"... the Committee's second and third recommendations both deal with this." (or "the
    second recommendation deals with this"): the paragraph answers each of them alike."""
    text = reply("Turning to the Committee's first recommendation, the Regulator has begun an assessment of the "
                 "workforce. It will be published in November.",
                 TRAINING.replace("second and third recommendations both address this", named),
                 salutation="Dear Lord Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3})
    for lab in labs:
        assert got[lab] == got["2"]
        assert got[lab][1][0].startswith("On training") and got[lab][1][-1].endswith("later years.")


def test_a_recommendation_named_in_passing_in_a_paragraph_s_first_sentence_takes_the_paragraph(
        lex, nlp, settings, rules):
    """"The Service agrees that a joint protocol would help, and officers have met DAERA twice
    since the Committee's session (recommendation 3)." opens a paragraph whose other sentences say
    the work waits on DAERA's review: they answer it too (before, only the first sentence did)."""
    text = reply("The Service agrees that a joint protocol with DAERA would help investigators, and officers have met "
                 "its Veterinary Service twice since the Committee's session (recommendation 3). DAERA has asked "
                 "that work on a protocol wait until its review is known. We will take the protocol forward once "
                 "that review has concluded.", "Recommendation 2\nThe Service has published the figures.",
                 salutation="Dear Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2, "3": 3})
    assert got["3"][0] == "inline"
    assert got["3"][1][-1] == "We will take the protocol forward once that review has concluded."


def test_a_lone_thank_you_is_not_a_preamble(lex, nlp, settings, rules):
    text = reply("Thank you for your report.", "Concern 2", "The script now asks every caller whether they can get up.",
                 salutation="Dear Coroner,", name="Karen Lyle")
    found, _ = run(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert sorted(found) == ["2"]


def test_labels_after_the_last_numbered_answer_are_absent(lex, nlp, settings, rules):
    found, _ = run(WEB, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts={})
    assert sorted(found) == ["1", "2"]


BY_ORDINAL_THEN_TOPIC = reply(
    "Thank you for your letter and the Panel's report.",
    "On your first recommendation, the figures have been online since May, updated on the tenth working day.",
    "Your second recommendation asked us to introduce a call-back option. We will not do so this year.",
    "Evening staffing is the most difficult of the recommendations for us. Eight contact handlers move to an "
    "evening shift in June, though we cannot match the day fully without more staff.",
    "Finally, I am happy for members of your Panel to listen to a sample of recorded calls each quarter, with a "
    "call handling supervisor.",
    "I look forward to discussing progress with you in July.",
    salutation="Dear Commissioner,", name="Andrew Pengelly")
PANEL_RECS = {
    "1": "The Force should publish its 101 answer times every month on its website.",
    "2": "The Force should introduce a call-back option for 101 callers.",
    "3": "The Force should increase staffing in the contact centre in the evening so that answer times match "
         "the rest of the day.",
    "4": "The Force should explain how deaf people can contact the police through text relay and video relay.",
    "5": "The Force should give members of the Panel access to a sample of recorded 101 calls each quarter to "
         "scrutinise the quality of call handling.",
}


def test_a_paragraph_no_number_names_answers_the_recommendation_it_is_about(lex, nlp, settings, rules):
    """After "first" and "second", a reply takes the rest by subject: each paragraph goes to the
    recommendation whose words it shares, and one it never takes up (4) stays unanswered."""
    found, structured = run(BY_ORDINAL_THEN_TOPIC, lex, nlp, settings, rules,
                            labels={k: int(k) for k in PANEL_RECS}, rec_texts=PANEL_RECS)
    assert structured
    assert sorted(found) == ["1", "2", "3", "5"]
    assert found["3"].how == found["5"].how == "topic"
    assert BY_ORDINAL_THEN_TOPIC[found["3"].spans[0][0]:].startswith("Evening staffing")
    assert BY_ORDINAL_THEN_TOPIC[found["5"].spans[0][0]:].startswith("Finally, I am happy")


VETERANS_RECS = {
    "1": "The Scottish Government require every public body that it sponsors to operate a guaranteed interview "
         "scheme for veterans.",
    "2": "The Scottish Government publish each year the number of veterans employed across the devolved public "
         "sector, by body.",
    "3": "The Scottish Government fund the SCQF Partnership to complete the credit rating of the military "
         "qualifications most commonly held by service leavers.",
    "4": "The Scottish Government fund a dedicated veterans' employability adviser in each regional economic "
         "partnership.",
}
ORDINALS_WITH_TOPICS_BETWEEN = reply(
    "Thank you for your letter of 30 September and for your report.",
    "Your first recommendation asks that every public body we sponsor operate a guaranteed interview scheme. "
    "I am pleased to accept this recommendation for our own executive agencies.",
    "Our sponsored bodies set their own terms of employment, and I will write to their chairs to commend the "
    "scheme to them.",
    "On the publication of figures on the number of veterans employed across the public sector, the data held "
    "are too incomplete at present. I will consider publishing figures once our new HR system is in place.",
    "I have asked officials to agree funding with the SCQF Partnership so that it can complete the credit "
    "rating of the military qualifications most commonly held by service leavers. A grant has been agreed.",
    "Your fourth recommendation proposes a dedicated employability adviser. I have concluded that we should "
    "not take it forward.",
    salutation="Dear Morag,", name="Ruaridh Kerr MSP")


def test_a_paragraph_about_another_recommendation_ends_an_answer_opened_by_its_ordinal(
        lex, nlp, settings, rules):
    """"Your first recommendation asks ..." runs to "Your fourth recommendation ...", but the
    paragraphs between that are each about a recommendation no number opens (the figures on
    veterans employed, the credit rating of qualifications) answer those; the paragraph that goes on
    with the first recommendation's answer stays with it."""
    text = ORDINALS_WITH_TOPICS_BETWEEN
    found, _ = run(text, lex, nlp, settings, rules, labels={k: int(k) for k in VETERANS_RECS},
                   rec_texts=VETERANS_RECS)
    assert sorted(found) == ["1", "2", "3", "4"]
    first = [text[a:z] for a, z in found["1"].spans]
    assert first[0].startswith("I am pleased") and first[-1].startswith("Our sponsored bodies")
    assert text[found["2"].spans[0][0]:].startswith("On the publication of figures")
    assert text[found["3"].spans[0][0]:].startswith("I have asked officials")
    assert found["2"].how == found["3"].how == "topic"


@pytest.mark.parametrize(("paragraph", "how"), [
    pytest.param("On recommendation 1, the Government will publish remediation data every quarter from June.",
                 "heading", id="reference-opening-a-paragraph"),
    pytest.param("We have also looked closely at how remediation is funded in each region of the country, and "
                 "recommendation 1 will be taken forward through the Building Safety Fund.", "inline",
                 id="reference-in-passing"),
])
def test_inline_answers(paragraph, how, lex, nlp, settings, rules):
    text = reply(THANKS, paragraph)
    assert answers(text, lex, nlp, settings, rules) == {"1": (how, [paragraph])}


def test_answers_by_subject(lex, nlp, settings, rules):
    found, structured = run(BY_SUBJECT, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=CONCERNS)
    assert not structured
    assert {lab: a.how for lab, a in found.items()} == {"1": "topic", "2": "topic"}
    assert [BY_SUBJECT[s:e] for s, e in found["1"].spans][0] == CREWS
    assert [BY_SUBJECT[s:e] for s, e in found["2"].spans][0] == SCRIPT


TOPIC_CONCERNS = {
    "1": "Patients choosing where to have NHS-funded surgery are not told whether the hospital they choose has "
         "critical care on site.",
    "2": "There are no agreed criteria, set by the Integrated Care Board, for deciding which NHS-funded patients "
         "may safely have surgery at a hospital without critical care.",
}
CRITERIA = ("We agree that there should be clear criteria for this.",
            "A clinical review of each provider's criteria is due to report in March 2027.",
            "The Committee will then decide whether to adopt common criteria.")


def test_a_reply_s_own_topic_heading_answers_with_the_paragraph_under_it(lex, nlp, settings, rules):
    """An ICB answers by its own headings ("Which patients are offered surgery at a hospital without
    critical care"): the heading names concern 2's subject more than concern 1's, so concern 2 is
    answered by the whole paragraph under it, and concern 1, never taken up, by nothing."""
    text = reply("Thank you for your report of 13 August 2026.",
                 "Which patients are offered surgery at a hospital without critical care", " ".join(CRITERIA),
                 salutation="Dear Ms Lyle,", name="Dr Ann Lowe")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=TOPIC_CONCERNS)
    assert "1" not in got
    assert got["2"][0] == "topic" and got["2"][1][-3:] == list(CRITERIA)


def test_a_prose_reply_naming_two_concerns_in_passing_answers_the_others_by_subject(lex, nlp, settings, rules):
    """A minister takes "the first two of your concerns" together in one paragraph, then answers the
    last by its subject alone: naming two in passing is no numbered reply that skips the third."""
    last = ("Finally, you suggested that heat illness cases should be investigated beyond unit level. The "
            "Department does not propose to change how heat illness cases are investigated.")
    text = reply("Thank you for your report of 3 June 2026.",
                 "I will take together the first two of your concerns, about how the heat was measured and how "
                 "the recruit was cooled. Every march now has a heat stress monitor and ice on the safety vehicle.",
                 last, salutation="Dear Ms Lyle,", name="Simon Tarrant MP")
    concerns = {"1": "The heat was not measured on the march.", "2": "The recruit was not cooled quickly.",
                "3": "Previous cases of heat illness were investigated only at unit level, so lessons were not "
                     "shared or acted on more widely."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=concerns)
    assert set(got) == {"1", "2", "3"}
    assert got["3"][1][-1] == last.split(". ", 1)[1]


def test_an_answer_by_subject_keeps_to_its_subject(lex, nlp, settings, rules):
    found, _ = run(BY_SUBJECT, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=CONCERNS)
    assert SCRIPT not in [BY_SUBJECT[s:e] for s, e in found["1"].spans]


def test_no_subject_words_no_answer(lex, nlp, settings, rules):
    text = reply("Thank you for your report. The Trust is reviewing its procedures.", salutation="Dear Coroner,",
                 name="Karen Lyle")
    found, structured = run(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=CONCERNS)
    assert (found, structured) == ({}, False)


# ---- the whole reply, and where the answering text lies

def test_whole_reply_runs_from_dear_to_the_signoff(lex, nlp, settings):
    text = reply("Thank you for your report about the death of Mr Rees.",
                 "The Trust is reviewing its handover arrangements and will write to you again when the review ends.",
                 salutation="Dear Coroner,", name="Karen Lyle")
    (seg,) = segment(text, lex)
    answer = whole_reply(text, seg, analyse(nlp, text, [(0, len(text))], settings).sentences)
    got = [text[s:e] for s, e in answer.spans]
    assert answer.how == "whole"
    assert got[-1] == ("The Trust is reviewing its handover arrangements and will write to you again when the "
                       "review ends.")
    assert not any("Yours" in s or "Karen Lyle" in s for s in got)
    assert [p for _, _, p in answer.units] == sorted(p for _, _, p in answer.units)


def test_the_whole_reply_leaves_out_what_it_says_to_the_bereaved(lex, nlp, settings):
    """"We have written to Nurlan's family through their solicitors" and "I have written to Mrs
    Moorcroft separately" are done, but are no stance on a concern the reply never singles out
    (before, they made it accepted)."""
    text = reply("Thank you for your report. We have written to Nurlan's family through their solicitors, and we "
                 "repeat our sincere condolences.",
                 "The supervisors now carry a phone with a translation app.",
                 "I have written to Mrs Moorcroft separately.", salutation="Dear Coroner,", name="Karen Lyle")
    (seg,) = segment(text, lex)
    answer = whole_reply(text, seg, analyse(nlp, text, [(0, len(text))], settings).sentences)
    got = [text[s:e] for s, e in answer.spans]
    assert "The supervisors now carry a phone with a translation app." in got
    assert not any("written to" in s for s in got)
    other = reply("We have met with the partner agencies to agree a revised escalation protocol.",
                  salutation="Dear Coroner,", name="Karen Lyle")
    (seg,) = segment(other, lex)
    kept = whole_reply(other, seg, analyse(nlp, other, [(0, len(other))], settings).sentences)
    assert kept is not None and any("partner agencies" in other[s:e] for s, e in kept.spans)


COVERING_PAGE = """# Letter from the Minister for Housing to the Chair of the Levelling Up Committee

Dear Ms Harrow,

Please find enclosed the department's reply to the committee's report on cladding remediation.

Yours sincerely,

Owen Pritchard MP

Introduction

The department has worked with building owners since 2020 to remove unsafe cladding from high-rise homes.

Progress has been faster in London than in the rest of the country, for reasons set out below.

Recommendation 1

The department should publish remediation data every quarter.

The Government accepts this recommendation and will start in June.

Recommendation 2

Building owners should be barred from passing costs to leaseholders.

The Government does not accept this recommendation.
"""


@pytest.mark.parametrize(("text", "ends_with"), [
    pytest.param(COVERING_PAGE, "The Government does not accept this recommendation.\n", id="paper-after-signature"),
    pytest.param(reply(THANKS, "We accept recommendation 1.") + "\ncc: Chair of the Housing Committee\n",
                 "We accept recommendation 1.\n\n", id="short-letter-stops-at-signoff"),
])
def test_body_range(text, ends_with, lex):
    (seg,) = segment(text, lex)
    lo, hi = body_range(text, seg)
    assert text[lo:].startswith("Dear Ms Harrow,")
    assert text[lo:hi].endswith(ends_with)


def test_paper_after_a_covering_letter_is_answered(lex, nlp, settings, rules):
    got = answers(COVERING_PAGE, lex, nlp, settings, rules)
    assert got == {"1": ("heading", ["The Government accepts this recommendation and will start in June."]),
                   "2": ("heading", ["The Government does not accept this recommendation."])}


# ---- an answer that only restates the concern is answered by what follows it

RESTATED = reply(
    "Thank you for your report of 14 May 2023 about the death of Mr Owain Rees.",
    "Your second concern relates to the fact that ambulances do not carry the antidote. You have raised that "
    "patients often deteriorate before they reach hospital.",
    "The carrying of particular medicines is a matter for each ambulance trust, and we do not mandate it.",
    "I would like to thank you again for bringing this matter to my attention.",
    salutation="Dear Coroner,", name="Karen Lyle")

# the whole reply one paragraph, wrapped as a PDF wraps it
ONE_PARAGRAPH = reply(
    "I refer to your report following the inquest and respond on behalf of the Service. I would like to\n"
    "express my condolences to her family. Linked to your first concern, you commented that officers need\n"
    "to know which places are available. From September every practitioner will attend a briefing on the\n"
    "places available.",
    salutation="Dear Coroner,", name="Karen Lyle")


@pytest.mark.parametrize(("text", "label", "answer"), [
    pytest.param(RESTATED, "2", "The carrying of particular medicines is a matter for each ambulance trust, and we "
                                "do not mandate it.", id="next-paragraph"),
    pytest.param(ONE_PARAGRAPH, "1", "From September every practitioner will attend a briefing on the\nplaces "
                                     "available.", id="rest-of-the-paragraph"),
])
def test_an_answer_that_only_restates_the_concern_runs_on_to_the_reply(text, label, answer, lex, nlp, settings,
                                                                        rules):
    """Coroners' replies restate each concern ("Your second concern relates to ...", "you commented
    that ...") before answering it: the answer is what follows, not the restatement alone."""
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2})
    assert answer in got[label][1]
    assert not any(s.startswith("I would like to thank you") for s in got[label][1])


def test_a_reply_to_one_concern_that_restates_it_is_answered_by_all_that_follows(lex, nlp, settings, rules):
    """A regulator sent one concern restates it, explains who enforces the law, and only then says
    what it will do: every paragraph after the restatement is the answer, not the first alone."""
    text = reply(
        "Your report raises one matter for the Health and Safety Executive, concern 5, about whether the "
        "guidance on operating inflatables is known to small organisers.",
        "The enforcing authority for events such as the fun day is the local authority. HSE's role is to "
        "provide guidance.",
        "HSE's guidance on inflatables is due to be reviewed next year, and HSE will consider then whether it "
        "should say more about small organisers.",
        salutation="Dear Coroner,", name="Dr Jennifer Maclure")
    got = answers(text, lex, nlp, settings, rules, labels={"5": 5})
    assert any(s.startswith("HSE's guidance on inflatables is due to be reviewed") for s in got["5"][1])


QUOTED_CONCERN = reply(
    "Thank you for your report of 14 May 2023 about the death of Mr Owain Rees.",
    "Concern 1",
    "“The Court heard that ambulances do not carry the antidote. The evidence was that patients often "
    "deteriorate before they reach hospital.”",
    "Our medicines group reviewed the antidote in June and will not add it to the formulary, as it cannot be "
    "used safely without a blood test.",
    salutation="Dear Coroner,", name="Karen Lyle")


def test_a_concern_quoted_in_quotation_marks_is_not_the_answer(lex, nlp, settings, rules):
    """Replies quote the coroner's words, in quotation marks, under each heading before answering."""
    got = answers(QUOTED_CONCERN, lex, nlp, settings, rules, labels={"1": 1})
    assert got["1"][1] == ["Our medicines group reviewed the antidote in June and will not add it to the formulary, "
                           "as it cannot be used safely without a blood test."]


def test_a_reply_taking_up_lettered_points_in_turn(lex, nlp, settings, rules):
    text = reply("Thank you for your letter of 4 October. In summary:",
                 "On (a), an audit of all district nursing records will be completed by 30 November.",
                 "On (b), the safeguarding policy was reviewed and re-approved by the Board in October.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts={})
    assert got["1"][1] == ["On (a), an audit of all district nursing records will be completed by 30 November."]
    assert got["2"][1] == ["On (b), the safeguarding policy was reviewed and re-approved by the Board in October."]
    assert "3" not in got


NUMBERED_PARAGRAPHS = reply(
    "Thank you for your report of 19 February. Our response follows, numbered as in your report.",
    "1. All our care staff completed the diet training in March, and it is now part of induction.",
    "2. We do not accept that agency staff were given no written information.")


def test_numbered_paragraphs_answer_the_concerns_of_those_numbers(lex, nlp, settings, rules):
    got = answers(NUMBERED_PARAGRAPHS, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got == {
        "1": ("heading", ["All our care staff completed the diet training in March, and it is now part of induction."]),
        "2": ("heading", ["We do not accept that agency staff were given no written information."])}


def test_a_numbered_paragraph_may_answer_two_concerns_at_once(lex, nlp, settings, rules):
    """"3 and 4. Since your letter, social workers have contacted all 187 families ...": one numbered
    paragraph answers both, among paragraphs numbered one to a concern."""
    text = reply("Thank you for your letter of 2 September. I respond to each recommendation in turn.",
                 "1. The Trust's Short Breaks Statement was published on 3 November.",
                 "2. Ardnagh House reopened for overnight stays on 20 October.",
                 "3 and 4. Since your letter, social workers have contacted all 187 families on the waiting list.",
                 "5. The hourly rate for direct payments is set regionally, and the Department will review it.",
                 salutation="Dear Ms Quinn,", name="Dr Aine Gallagher")
    got = answers(text, lex, nlp, settings, rules, labels={str(n): n for n in range(1, 6)}, rec_texts={})
    joint = ["Since your letter, social workers have contacted all 187 families on the waiting list."]
    assert got["3"] == got["4"] == ("heading", joint)
    assert got["5"][0] == "heading"


def test_a_reply_s_own_numbered_list_is_not_read_as_its_answers(lex, nlp, settings, rules):
    """Two numbered paragraphs for three concerns: the reply's own list, not one answer to each."""
    got = answers(NUMBERED_PARAGRAPHS, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts={})
    assert all(how != "heading" for how, _ in got.values())


# pdftotext of a response paper: no blank lines, a summary of the recommendations first
SUMMARY_THEN_ANSWERS = (
    "Government Response to the Home Affairs Committee Report\n"
    "This paper sets out the Government's response. The Committee's recommendations are listed first,\n"
    "as they appear in the report, and the Government's response to each follows.\n"
    "Summary of the Committee's recommendations\n"
    "1. The Home Office should legislate to dismiss officers who fail re-vetting. (Paragraph 31)\n"
    "2. The Government should reinstate legally qualified chairs for misconduct hearings. (Paragraph 44)\n"
    "3. The Home Office should fund a national confidential reporting line. (Paragraph 85)\n"
    "Government response to the recommendations\n"
    "Recommendation 1\n"
    "The Home Office should legislate to dismiss officers who fail re-vetting. (Paragraph 31)\n"
    "The Police (Vetting) Regulations 2025 will come into force on 1 April 2025 and provide for dismissal.\n"
    "Recommendation 2\n"
    "The Government should reinstate legally qualified chairs for misconduct hearings. (Paragraph 44)\n"
    "The Government does not intend to return to the previous arrangements.\n")


def test_a_summary_of_the_recommendations_is_not_their_answer(lex, nlp, settings, rules):
    """Each answer runs from its own "Recommendation N" line, though no blank line sets it apart;
    the summary's third item, never taken up again, has no answer."""
    got = answers(SUMMARY_THEN_ANSWERS, lex, nlp, settings, rules)
    assert got["1"][1][-1] == "The Police (Vetting) Regulations 2025 will come into force on 1 April 2025 and provide for dismissal."
    assert got["2"][1] == ["The Government does not intend to return to the previous arrangements."]
    assert "3" not in got


# a response table as a web page's converter writes it (html2text: no outer bars) and as Markdown does
_ROWS = [("1", "Local transport authorities should publish a rural bus network plan every three years.",
          "Accepted. We will make the plan a statutory requirement from April 2025."),
         ("2", "The Department should create a ring-fenced fund for rural bus services.",
          "Not accepted. We have no plans to ring-fence funding for rural services."),
         ("3", "The Council should commission an independent audit of supervision in the locality teams.", "")]


def _table(outer: bool) -> str:
    bar = (lambda cells: "| " + " | ".join(cells) + " |") if outer else (lambda cells: " | ".join(cells))
    rows = [bar(("No.", "Recommendation", "Government response")), bar(("---",) * 3)] + [bar(r) for r in _ROWS]
    return ("Government response to the Independent Review of Rural Bus Services\n\n"
            "This document sets out our response to each of the review's recommendations.\n\n"
            + "\n".join(rows) + "\n\nGovernance\n\nThe Director will report progress to the Board each quarter "
            "and will publish the action plan on the Department's website.\n")


@pytest.mark.parametrize("outer", [False, True], ids=["html2text", "markdown"])
def test_a_table_row_holds_its_recommendation_and_its_answer(outer, lex, nlp, settings, rules):
    """The number's cell labels the row, the cell beside it is the recommendation, and the cells
    after it are the answer: a row with an empty response has none, and the text below the table
    answers nothing."""
    text = _table(outer)
    (seg,) = segment(text, lex)
    refs = R.find_refs(text, seg, rules)
    assert [(r.label, r.text) for r in refs] == [(n, rec.rstrip(".")) for n, rec, _ in _ROWS]
    got = answers(text, lex, nlp, settings, rules)
    assert got == {"1": ("heading", [_ROWS[0][2].split(". ", 1)[0] + ".", _ROWS[0][2].split(". ", 1)[1]]),
                   "2": ("heading", [_ROWS[1][2].split(". ", 1)[0] + ".", _ROWS[1][2].split(". ", 1)[1]])}


TAGGED = reply(
    "Thank you for your letter. I have set out the response to each recommendation below, with the recommendation "
    "shown at the end of each section.",
    "Social Security Scotland already publishes statistics each quarter. From June it will also publish monthly "
    "figures on processing times.\n(Recommendation 1)",
    "I do not want to set a target before the independent review has reported. I will consider the Committee's "
    "recommendation then. (Recommendation 2)",
    "For these reasons, the Scottish Government does not intend to introduce interim payments. (Recommendations 3 "
    "and 4)",
    salutation="Dear Collette,", name="Alasdair Munro MSP")


def test_a_tag_that_closes_a_paragraph_names_what_that_paragraph_answers(lex, nlp, settings, rules):
    """"... (Recommendation 1)" at a paragraph's end: that paragraph is the answer, not the one after it."""
    got = answers(TAGGED, lex, nlp, settings, rules, labels={str(n): n for n in range(1, 5)}, rec_texts={})
    assert {lab: spans[0].split()[0] for lab, (_, spans) in got.items()} == {
        "1": "Social", "2": "I", "3": "For", "4": "For"}
    assert got["2"][1] == ["I do not want to set a target before the independent review has reported.",
                           "I will consider the Committee's recommendation then."]


THEMED = reply(
    "Theme 1: Notice of hearings",
    "Recommendation 1: Every party should receive at least 14 days' notice of a hearing.",
    "Recommendation 2: Listing officers should follow one national listing policy.",
    "Recommendation 3: The tribunal should offer hearings outside office hours.",
    "Our response",
    "We agree with the direction of all three recommendations. Since June every notice of a hearing has been sent "
    "at least 14 days before it. A single national listing policy for listing officers was approved in April. "
    "Whether hearings can be offered outside office hours will be considered once the pilot has been evaluated.",
    salutation="Dear Sir Malcolm,", name="HMCTS")


def test_an_answer_to_a_theme_gives_each_recommendation_the_sentences_about_it(lex, nlp, settings, rules):
    """Three recommendations answered together: each keeps the sentences on its own subject and
    the one on none of them, so the third is not answered by the first's "has been sent"."""
    got = answers(THEMED, lex, nlp, settings, rules)
    assert got["3"][1][-2:] == ["We agree with the direction of all three recommendations.",
                                "Whether hearings can be offered outside office hours will be considered once the "
                                "pilot has been evaluated."]
    assert all("Since June" not in s and "April" not in s for s in got["3"][1])
    assert "Since June every notice of a hearing has been sent at least 14 days before it." in got["1"][1]
    assert all("outside office hours" not in s for s in got["1"][1])


def test_a_sentence_about_none_of_a_theme_s_recommendations_goes_on_with_the_one_before_it(
        lex, nlp, settings, rules):
    """"... considered once the pilot has been evaluated. We will not commit to it before then."
    carries on the sentence before it, about the third: the first does not get it; the opening
    "We agree with the direction of all three", about none and after none, goes to all."""
    text = THEMED.replace("has been evaluated.", "has been evaluated. We will not commit to it before then.")
    got = answers(text, lex, nlp, settings, rules)
    assert got["3"][1][-1] == "We will not commit to it before then."
    assert all("We will not commit" not in s for s in got["1"][1] + got["2"][1])
    assert all("We agree with the direction of all three recommendations." in got[lab][1] for lab in "123")


THEME_LIST = reply(
    "Theme 2: Getting repairs right first time",
    "The review recommended that we should:\nRecommendation 3: give every resident a confirmed appointment date "
    "and time slot when they first report a non-emergency repair\nRecommendation 4: give every operative a handheld "
    "device showing the full repairs history of the home they are visiting\nRecommendation 5: bring the responsive "
    "repairs service in-house when the current contract with its contractor ends in March 2027",
    "What we're doing",
    "We accept recommendations 3 and 4 in full. Everyone who reports a repair is now offered an appointment slot. "
    "Our operatives have had handheld devices since the summer.",
    "Whether to bring the repairs service in-house is a decision the Board will take in June 2026, once advisers "
    "have compared the options.",
    salutation="Dear tenants,", name="Pennant Vale Housing")


def test_a_theme_s_list_of_recommendations_shares_the_prose_under_it(lex, nlp, settings, rules):
    """A web page lists a theme's recommendations a line each, with no full stops, then answers
    them together under "What we're doing". The fifth, never named in the prose, is answered by
    what is said about its subject, not by "We accept recommendations 3 and 4 in full."."""
    got = answers(THEME_LIST, lex, nlp, settings, rules)
    assert set(got) >= {"3", "4", "5"}
    assert any("Board will take in June 2026" in s for s in got["5"][1])
    assert all("We accept" not in s for s in got["5"][1])
    assert any("We accept recommendations 3 and 4" in s for s in got["3"][1] + got["4"][1])


def test_an_empty_answer_box_on_a_returned_plan_answers_nothing(lex, nlp, settings, rules):
    """A returned improvement plan whose last box was left empty: the form's sign-off fields under
    it ("Name of registered person: ...", "Date completed: ...") are no answer, nor is the area's
    own heading, so the area is left unanswered (not_addressed)."""
    area = ("Area for improvement {n}\nRef: Standard {n}\nStated: First time\nResponse by registered person "
            "detailing the actions taken:\n{answer}")
    text = reply(area.format(n=1, answer="The rota was changed in March and names the nurse in charge of each "
                                          "shift."),
                 area.format(n=2, answer="").rstrip(),
                 "Name of registered person: Conor Devlin\nDate completed: 2 April 2025\nDate approved:",
                 salutation="Dear Ms McCloskey,", name="Conor Devlin")
    got = answers(text, lex, nlp, settings, rules)
    assert "1" in got and "2" not in got


def test_numbered_paragraphs_that_skip_the_last_recommendation_leave_it_unanswered(lex, nlp, settings, rules):
    """An e-mail answers a six-point action plan in paragraphs numbered 1 to 5 and never reaches
    the sixth: each paragraph answers its number, and the sixth is not addressed."""
    text = reply("Thank you for your letter of 6 May. The trustees met twice to go through it.",
                 *[f"{n}. The trustees dealt with point {n} at their meeting on 24 June and minuted it." for n in
                   range(1, 6)],
                 "I hope this covers everything.", salutation="Dear Mr Pell", name="Graham Tolley")
    found, structured = run(text, lex, nlp, settings, rules, labels={str(n): n for n in range(1, 7)}, rec_texts={})
    assert structured and sorted(found) == ["1", "2", "3", "4", "5"]
    assert found["4"].how == "heading"


@pytest.mark.parametrize("title", ["Review of the pathway plan on a change of accommodation",
                                   "Observations after analgesia and recognition of acute chest syndrome"])
def test_a_numbered_heading_may_be_a_long_title(title, lex, nlp, settings, rules):
    """"2. Review of the pathway plan on a change of accommodation": nine words, no full stop, a
    heading numbered as the report's concern, like "1. Welfare calls"; long words make it wide."""
    text = reply("Thank you for your report of 10 March.", "1. Continuity of personal advisers and caseloads",
                 "We have appointed five additional personal advisers since February.",
                 f"2. {title}",
                 "This has been put right: a change of address now creates a review task.",
                 salutation="Dear Ms Lloyd-Beddoes", name="Andrew Thewlis")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["2"] == ("heading", ["This has been put right: a change of address now creates a review task."])


def test_a_status_in_an_answer_box_field_is_kept(lex, nlp, settings, rules):
    """"Position: Accepted" under a recommendation is the answer, not a form field to drop."""
    text = reply("Recommendation 1\nThe Council should publish its waiting times.\nPosition: Accepted",
                 "Recommendation 2\nThe Council should open on Saturdays.\nPosition: Not accepted",
                 salutation="Dear Ms Harrow,")
    got = answers(text, lex, nlp, settings, rules)
    assert any("Accepted" in x for x in got["1"][1]) and any("Not accepted" in x for x in got["2"][1])


def test_three_numbered_steps_for_four_recommendations_are_the_reply_s_own_list(lex, nlp, settings, rules):
    text = reply("Thank you for your letter. We have taken the following steps:",
                 "1. The ward manager has been reminded of the observation policy in writing.",
                 "2. A new audit of observation records began in March and reports monthly.",
                 "3. Agency staff now receive a local induction before their first shift.")
    got = answers(text, lex, nlp, settings, rules, labels={str(n): n for n in range(1, 5)}, rec_texts={})
    assert all(how != "heading" for how, _ in got.values())


def test_a_status_after_the_topic_of_a_numbered_paragraph_is_part_of_its_answer(lex, nlp, settings, rules):
    """ "2. Technical controls - Done. Since April ...": the status is the answer's first sentence,
    not the recommendation's words repeated; the number and title before the dash are its heading."""
    text = reply("Thank you for your letter. I have kept to the numbering in your letter.",
                 "1. Training - Agreed. All staff completed a session in May.",
                 "2. Technical controls - Done. Since April every e-mail to an outside address carries a banner.",
                 salutation="Dear Ms Rahman,", name="Claire Booth")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2},
                  rec_texts={"1": "Give all staff training.", "2": "Apply technical controls to outgoing e-mail."})
    assert got["1"][1][0] == "Agreed."
    assert got["2"][1][0] == "Done."


BY_TOPIC_ONLY = reply(
    "Thank you for your letter about the Panel's report on 101 calls and the contact centre, which I have read "
    "with the Head of Contact Management.",
    "Since May our 101 answer times have been on the website every month. The page shows each three-hour band.",
    "A call-back option needs a new telephony platform. We will not buy an upgrade for a system we replace next "
    "year.",
    "Evening staffing has been the hardest. Eight contact handlers move to an evening shift in June, though we "
    "cannot match the rest of the day without more staff, and the budget does not allow it.",
    salutation="Dear Commissioner,", name="Andrew Pengelly")


def test_a_reply_by_topic_answers_each_recommendation_with_its_paragraph(lex, nlp, settings, rules):
    """With no numbers anywhere, each paragraph is the whole answer to the recommendation it is about,
    the sentence that says what stays undone included; the opening paragraph answers nothing."""
    found, structured = run(BY_TOPIC_ONLY, lex, nlp, settings, rules,
                            labels={k: int(k) for k in PANEL_RECS}, rec_texts=PANEL_RECS)
    assert not structured
    got = [BY_TOPIC_ONLY[s:e] for s, e in found["3"].spans]
    assert got[0].startswith("Evening staffing") and got[-1].endswith("the budget does not allow it.")
    assert not any(BY_TOPIC_ONLY[s:e].startswith("Thank you") for a in found.values() for s, e in a.spans)


def test_a_topic_paragraph_that_agrees_in_the_recommendation_s_voice_is_still_an_answer(lex, nlp, settings,
                                                                                          rules):
    """ "Finally, I agree with the Committee that families should not face sudden changes ..." says
    "should" as the reply's own view; only a sentence that mostly repeats a recommendation is its quote."""
    text = reply(
        "On your first recommendation, the figures have been online since May, updated on the tenth working day.",
        "Finally, I agree with the Panel that its members should hear real calls. From July they will listen to "
        "a sample of recorded calls each quarter.",
        salutation="Dear Commissioner,", name="Andrew Pengelly")
    found, _ = run(text, lex, nlp, settings, rules, labels={k: int(k) for k in PANEL_RECS}, rec_texts=PANEL_RECS)
    assert text[found["5"].spans[0][0]:].startswith("Finally, I agree")


def test_a_wrapped_line_ending_in_response_is_no_label(lex, nlp, settings, rules):
    """PDF text wraps "... to improve the\\nmulti-agency response." : the line is the sentence's end,
    not a "Government response" label to cut out."""
    text = reply("Recommendation 1", "The Government should improve joint working in emergencies.",
                 "We accept this recommendation. We will work with local resilience forums to improve the\n"
                 "multi-agency response.", salutation="Dear Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1}, rec_texts={})
    assert got["1"][1][-1].endswith("multi-agency response.")


def test_a_paragraph_whose_first_sentence_ends_citing_a_recommendation_answers_it(lex, nlp, settings, rules):
    # a minister's letter restates each recommendation in a paragraph's first sentence and cites
    # it at the end, "(Recommendation 4)."; the rest of the paragraph is the answer, and the
    # paragraph before (opened "On spectrum awards (Recommendation 3), ...") stops there
    text = reply(
        "I want to respond to each of the Committee's recommendations in turn.",
        "On spectrum awards (Recommendation 3), the design of any future award is a matter for Ofcom. "
        "I will consider the case for a target for Wales when Ofcom consults next summer.",
        "You recommended that the Department set up a dedicated fund of at least twenty million pounds to help "
        "community groups build small mobile networks (Recommendation 4). I have considered this carefully. "
        "The Government will therefore not be establishing a dedicated fund.",
        "Finally, I will write to the Committee by 30 September with an update (Recommendation 7).")
    got = answers(text, lex, nlp, settings, rules, labels={"3": 3, "4": 4, "7": 7})
    assert got["4"][0] == "heading"
    assert got["4"][1][-1] == "The Government will therefore not be establishing a dedicated fund."
    assert not any("fund" in s for s in got["3"][1])
    assert got["7"][1] == ["Finally, I will write to the Committee by 30 September with an update (Recommendation 7)."]


def test_a_wrapped_restatement_that_ends_citing_its_recommendation_opens_its_answer(lex, nlp, settings, rules):
    """In PDF text the restating sentence wraps, and "(recommendation 2)." may stand near the start
    of the paragraph's second or third line: it still opens the paragraph's answer."""
    text = reply(
        "I set out the Government's response to each of the Committee's recommendations below.",
        "The Committee recommended that the Government make secure video calls available at every site in\n"
        "the youth secure estate by April 2026 (recommendation 2). We have installed video-call\n"
        "equipment at four of the five sites, and the fifth will follow in June.",
        "The Committee recommended that the Government publish each site's visits data every quarter\n"
        "(recommendation 3). We will publish the first figures in the autumn.")
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2, "3": 3})
    assert got["2"][0] == got["3"][0] == "heading"
    assert any("installed video-call" in s for s in got["2"][1])
    assert any("first figures" in s for s in got["3"][1])


def test_a_reply_s_thanks_for_the_letter_answers_nothing_by_subject(lex, nlp, settings, rules):
    """"Thank you for your letter ... on registers of interests in public bodies" shares the report's
    words with every recommendation; a recommendation the reply never takes up is not answered by it."""
    text = reply(
        "Thank you for your letter of 25 September about the Committee's review of registers of interests in "
        "public bodies, which you copied to me.",
        "The Treasury will publish the interests of every member of its executive board from April.",
        salutation="Dear Dame Harriet,", name="Priya Lathwell MP")
    recs = {"6": "The Treasury should publish the interests of every member of its executive board.",
            "7": "The Treasury should review the registers of interests of public bodies it sponsors every year."}
    got = answers(text, lex, nlp, settings, rules, labels={"6": 6, "7": 7}, rec_texts=recs)
    assert "7" not in got


def test_a_paragraph_that_points_back_to_a_recommendation_does_not_open_its_answer(lex, nlp, settings, rules):
    """"... the reporting duty we set out earlier (Recommendation 2)." inside the answer to 5 only
    points back: it neither opens a second answer to 2 nor cuts 5's answer short."""
    text = reply(
        "Recommendation 2", "We will introduce a reporting duty from April.",
        "Recommendation 5", "We accept this recommendation.",
        "Publication will use the reporting duty we set out earlier (Recommendation 2). The dashboard goes live "
        "in May.")
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2, "5": 5})
    assert got["2"][1] == ["We will introduce a reporting duty from April."]
    assert "The dashboard goes live in May." in got["5"][1]


def test_a_reply_that_restates_each_recommendation_without_a_number_answers_under_it(lex, nlp, settings, rules):
    """A GOV.UK page sets each recommendation in bold, restated and unnumbered ("The Ombudsman
    recommended that the Department ..."), over its answer: each answer is what lies under its own
    restatement, not the restatement, and not the next one's."""
    text = reply(
        "I have set out below each of your recommendations and the Department's response.",
        "**The Ombudsman recommended that the Department publish every quarter, for each Service, the "
        "proportion of complaints resolved within 24 weeks.**",
        "Accepted. The figures will be published every six months rather than every quarter.",
        "**The Ombudsman recommended that the Department appoint a named case manager for every complaint "
        "waiting more than twelve weeks.**",
        "Since April every such complaint has had a named adviser.")
    recs = {"1": "publishes every quarter, for each Service, the proportion of service complaints resolved "
                 "within 24 weeks;",
            "2": "appoints a named case manager for every complaint waiting more than twelve weeks;"}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert got["1"][1] == ["Accepted.", "The figures will be published every six months rather than every quarter."]
    assert got["2"][1] == ["Since April every such complaint has had a named adviser."]


def test_a_reply_that_quotes_each_recommendation_in_a_blockquote_answers_under_it(lex, nlp, settings, rules):
    """A GOV.UK page gives the minister's reply quoting each recommendation in a blockquote, with no
    number ("> publishes information about the benefit for GPs ..."), over its answer: each answer
    is what lies under its own quote, not the quote."""
    text = reply(
        "I have set out below each of the Council's recommendations and my response.",
        "> sets a target time for deciding claims for the respiratory diseases, and publishes its\n"
        "> performance against that target every quarter;",
        "We will set a target once the new claims system is live, and will decide then how often to publish.",
        "> publishes information about the benefit for GPs and respiratory clinicians;",
        "A guide for clinicians was published on GOV.UK in January.")
    recs = {"1": "sets a target time for deciding claims for the respiratory diseases, and publishes its performance "
                 "against that target every quarter;",
            "2": "publishes information about the benefit for GPs and respiratory clinicians;"}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert any(s.startswith("We will set a target") for s in got["1"][1])
    assert got["2"][1][-1] == "A guide for clinicians was published on GOV.UK in January."
    assert not any("publishes information" in s for s in got["1"][1] + got["2"][1])


def test_a_reply_copied_from_word_with_a_paragraph_a_line_answers_under_each_numbered_title(lex, nlp, settings, rules):
    """Text copied from Word keeps each paragraph on one line and no blank line between them: the
    reply's "2. Piece rates" on its own line is the title of the paragraphs under it, as it would be
    with blank lines."""
    opening = ("Thank you for your report. The partners have asked me to respond on their behalf, and we have "
               "discussed your report with our supervisors and with the workers' representatives elected at the "
               "start of the season. I have set out our response below under the numbers you gave to each matter.")
    text = "\n".join([
        "Dear Ms Desai-Holt,", opening,
        "1. Protecting workers from heat",
        "Each tunnel block now has a temperature display at both ends, read every hour by the row supervisor, and "
        "when the reading reaches 28C pickers take a ten-minute paid break in shade every hour; at 32C picking in "
        "that block stops until the temperature falls.",
        "2. Piece rates",
        "Piece rates are used across the industry and most of our pickers prefer them. The partners do not believe "
        "that moving to an hourly rate would help the workers, and we are not going to change the way pickers are "
        "paid, which every picker is told at induction.",
        "Yours sincerely,", "Eleanor Hollins"]) + "\n"
    recs = {"1": "The farm had no plan for protecting workers from heat in the polytunnels.",
            "2": "The piece-rate system discouraged pickers from stopping to rest or drink on hot days."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert got["1"][0] == got["2"][0] == "heading"
    assert got["2"][1][-1].startswith("The partners do not believe")
    assert not any("partners do not believe" in s for s in got["1"][1])


def test_titled_concerns_in_pdf_text_with_no_blank_lines_each_head_their_own_answer(lex, nlp, settings, rules):
    """A trust's reply as pdftotext gives it, with no blank lines: "Concern 2 – Waiting time for the
    service" under the last answer's "Status: Complete" heads its own answer (before, the first
    concern's answer ran on over all three)."""
    text = ("Dear Coroner,\nEach of the three concerns directed to the Trust is set out below.\n"
            "Concern 1 – Letters not treated as referrals\nAction taken: Every letter from a coroner's office is "
            "now registered as a referral on the day it is received.\nLead: Clinical Lead\nStatus: Complete\n"
            "Concern 2 – Waiting time for the service\nAction taken: The Trust has submitted a business case, "
            "which the commissioners will consider in October.\nLead: Divisional Director\nStatus: In progress\n"
            "Concern 3 – Retention of samples\nAction taken: A written procedure requires a sample to be kept "
            "at every post-mortem of a young person.\nLead: Clinical Director\nStatus: Complete\n"
            "Yours sincerely\nDr Rowena Castle\n")
    recs = {"1": "Letters from the coroner's office were not treated as referrals.",
            "2": "Relatives wait 47 weeks to be seen by the service.",
            "3": "No sample suitable for genetic testing was retained."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=recs)
    assert not any("business case" in s for s in got["1"][1])
    assert any("business case" in s for s in got["2"][1])
    assert any("written procedure" in s for s in got["3"][1])


def test_a_restatement_of_one_concern_answers_no_other_that_shares_its_words(lex, nlp, settings, rules):
    """"Your report highlighted that no pathway has been commissioned to make sure that the relatives
    of people who die of a suspected inherited heart condition are offered screening" restates the
    first concern; the second, about telling GPs of such a death, shares its words but is not
    answered by it."""
    text = reply("Your report highlighted that no pathway has been commissioned in this area to make sure that the "
                 "relatives of people who die of a suspected inherited heart condition are offered screening.",
                 "The ICB has now commissioned a cascade screening pathway from the cardiac service, which "
                 "began taking referrals in September.", salutation="Dear Coroner,", name="Ann Lee")
    recs = {"1": "No pathway has been commissioned in the area to make sure that the relatives of people who die "
                 "of a suspected inherited heart condition are offered screening.",
            "2": "GPs are not told when a patient's first-degree relative has died of a suspected inherited heart "
                 "condition, so the relatives are not offered screening."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert not any("highlighted" in s for s in got.get("2", ("", []))[1])


def test_quotes_of_a_recommendation_s_lettered_parts_answer_that_recommendation(lex, nlp, settings, rules):
    """Recommendation 2 asks two things, "(a) publish ..." and "(b) publish ...", and the reply
    quotes each part on its own over its answer: both answers are recommendation 2's, and
    recommendation 1's answer stops at the first of them."""
    text = reply(
        "I have taken the Council's recommendations in turn below.",
        '"Every reconsideration notice should explain, in plain language, why the decision has or has not '
        'been changed."',
        "A new notice goes live in May with a section headed What we looked at again.",
        '"The Department should publish quarterly statistics on the outcomes of reconsideration for every '
        'benefit."',
        "From the June release the quarterly statistics will cover every benefit.",
        '"The Department should publish each year an analysis of the main reasons decisions are overturned '
        'at appeal."',
        "I have asked officials to consider whether an annual analysis would be useful.")
    recs = {"1": "Every reconsideration notice should explain, in plain language, why the decision has or has "
                 "not been changed.",
            "2": "The Department should: (a) publish quarterly statistics on the outcomes of reconsideration for "
                 "every benefit; and (b) publish each year an analysis of the main reasons decisions are "
                 "overturned at appeal."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert got["1"][1] == ["A new notice goes live in May with a section headed What we looked at again."]
    assert "From the June release the quarterly statistics will cover every benefit." in got["2"][1]
    assert got["2"][1][-1] == "I have asked officials to consider whether an annual analysis would be useful."


def test_numbered_headings_answer_though_one_answer_names_another_recommendation(lex, nlp, settings, rules):
    """An e-mail answers under "1. Backlog", "2. Independent assurance", ..., using the regulator's
    numbering; "the data review under recommendation 3" inside the second answer only names the
    third, and the headings still say where each answer is."""
    text = reply(
        "We have set out our response to each of your recommendations below, using your numbering.",
        "1. Backlog of retirement and transfer-out cases",
        "The administrator has cleared two thousand cases since January.",
        "2. Independent assurance over controls",
        "We have commissioned an assurance review from an accounting firm. Member data will be looked at as "
        "part of the data review under recommendation 3, rather than duplicated here.",
        "3. Data review and improvement plan",
        "The board will consider the timing of the review once the new platform is live.",
        salutation="Dear Rebecca", name="Judith Marchetti")
    recs = {"1": "Ensure that every retirement and transfer-out case older than the service level agreement is "
                 "completed by 30 June.",
            "2": "Commission an independent assurance review of the administrator's controls over member records "
                 "and payments on the new platform, and share the report with us.",
            "3": "Carry out a full review of the scheme's common and scheme-specific data, and agree a data "
                 "improvement plan with dated targets."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=recs)
    assert got["1"][1] == ["The administrator has cleared two thousand cases since January."]
    assert got["2"][1][0] == "We have commissioned an assurance review from an accounting firm."
    assert got["3"][1] == ["The board will consider the timing of the review once the new platform is live."]


@pytest.mark.parametrize("whose", [
    "Recommendations 1 and 2 are for the Agency and recommendation 3 is for Defra.",
    "Recommendations 1 and 2 were for the Agency, and recommendation 3 was for Defra.",
    "Recommendation 3 is for Defra and the Agency together, and recommendation 4 is for the Department.",
])
def test_a_sentence_saying_whose_recommendations_they_are_answers_none(whose, lex, nlp, settings, rules):
    """"Recommendations 1 to 6 are for the Environment Agency and recommendation 7 is for Defra." says
    who answers which; a recommendation the page then never takes up is not answered by it."""
    text = reply(f"The review made three recommendations. {whose} We respond to each of them below.",
                 "Recommendation 1", "We accept this recommendation and will publish standards in April.",
                 "Recommendation 2", "Our online service went live in October.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3})
    assert "3" not in got


@pytest.mark.parametrize("number", ["1.4    ", "4. ", "1.4. "])
def test_whose_recommendations_they_are_under_a_paragraph_number_answers_none(number, lex, nlp, settings, rules):
    """A paper numbering its paragraphs says "1.4    Recommendations 1 to 3 are for the Agency.": the
    paragraph number before it does not make it an answer to recommendation 3, which no heading
    takes up."""
    text = reply(f"{number}Recommendations 1 to 3 are for the Agency. Recommendation 4 is for Defra, but we have "
                 "included it for completeness.",
                 "Recommendation 1", "We accept this recommendation and will publish standards in April.",
                 "Recommendation 2", "Our online service went live in October.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3})
    assert "3" not in got


def test_a_web_page_s_answer_ends_at_a_heading_above_its_own(lex, nlp, settings, rules):
    """Under "### Recommendation 2" the answer runs to "## Next steps", a section of the page, and
    not on to the page's end."""
    text = reply("### Recommendation 1", "We accept this recommendation. We will publish in June.",
                 "### Recommendation 2", "This recommendation is for Defra. We have shared the review with Defra.",
                 "## Next steps", "We will publish an update on the action plan every six months.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2})
    assert got["2"][1] == ["This recommendation is for Defra.", "We have shared the review with Defra."]


FEW_CONCERNS = {
    "4": "Outside normal hours a person in crisis in Fellbridge has nowhere to go but the emergency department. "
         "The nearest crisis cafe is in Rowan Valley, 28 miles away, and closes at 10pm.",
    "5": "Mr Halsey had waited 14 months for trauma-focused psychological therapy. I heard that the waiting list "
         "for that service was about 19 months."}


def test_a_reply_to_two_concerns_answers_each_in_a_paragraph_about_it(lex, nlp, settings, rules):
    """An ICB sent concerns 4 and 5 answers each in a paragraph of its own, naming its subject in a
    few of the concern's words ("I turn first to crisis support out of hours"): that paragraph
    answers it."""
    text = reply(
        "Thank you for your report dated 5 June 2025. Concerns 4 and 5 were addressed to the ICB.",
        "I turn first to crisis support out of hours. The ICB Board approved funding for a safe haven in "
        "Fellbridge, which will open by April.",
        "On psychological therapy, I accept that a wait of this length is far too long. We are funding two "
        "more clinical psychologists.", salutation="Dear Mr Pennant")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=FEW_CONCERNS)
    assert any("safe haven" in s for s in got["4"][1])
    assert not any("psychologists" in s for s in got["4"][1])


def test_a_reply_s_opening_that_it_has_considered_the_report_answers_nothing(lex, nlp, settings, rules):
    """"I have considered your report about crisis care in Fellbridge ..." names the subject of a
    concern, as a reply's opening does, and answers none."""
    text = reply(
        "I have considered your report about people in crisis out of hours in Fellbridge and the emergency "
        "department carefully with the Director of Mental Health.",
        "On psychological therapy, I accept that a wait of this length is far too long. We are funding two "
        "more clinical psychologists.", salutation="Dear Mr Pennant")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=FEW_CONCERNS)
    assert "4" not in got


def test_the_last_answer_ends_at_the_paper_s_own_closing_section(lex, nlp, settings, rules):
    """After the last recommendation's response, "Other conclusions" answers the report's conclusions
    that were not recommendations; the last answer ends above it."""
    text = reply("Recommendation 1", "Scottish Government response",
                 "Accepted. We will publish the guidance in April.",
                 "Recommendation 2", "Scottish Government response",
                 "The training of the judiciary is a matter for the Judicial Institute.",
                 "Other conclusions",
                 "The Committee also concluded that the public does not understand monitoring. The Scottish "
                 "Government agrees, and will publish a plain-language guide in spring.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2})
    assert got["2"][1] == ["The training of the judiciary is a matter for the Judicial Institute."]


def test_a_restated_recommendation_between_answers_by_ordinal_opens_its_own_answer(lex, nlp, settings, rules):
    """A minister answers "Your first recommendation ...", "On transfers, which are the subject of the
    third recommendation: agreed." and then "You also recommended that every department give ..."
    with no number: that paragraph answers the fourth, and the third's answer stops above it."""
    text = reply(
        "Your first recommendation was that the Cabinet Office publish a single annual table of performance. "
        "We will publish a consolidated table in May.",
        "On transfers, which are the subject of the second recommendation: agreed. The refreshed guidance "
        "will require the department to tell the Member's office on the same day.",
        "You also recommended that every department give Members' offices a named contact and a direct "
        "telephone line in its correspondence unit. The Government will not be asking departments to take "
        "this step.")
    recs = {"1": "The Cabinet Office should publish a single annual table of performance on correspondence.",
            "2": "Departments should tell the Member's office on the same day when a letter is transferred.",
            "3": "Every department should give Members' offices a named contact and a direct telephone line in "
                 "its correspondence unit."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=recs)
    assert got["3"][1] == ["The Government will not be asking departments to take this step."]
    assert not any("not be asking" in s for s in got["2"][1])


def test_an_e_mail_s_opening_that_it_is_the_response_answers_nothing(lex, nlp, settings, rules):
    """"Please accept this email as Cwm Aran Contracting's response to your report about Gethin" names
    the report's subject, as a reply's opening does, and answers no concern by it."""
    text = reply(
        "Please accept this email as our response to your report about the tipping trailer that touched "
        "the overhead power line at Gethin's farm.",
        "We have fitted the new trailers with a warning buzzer.", salutation="Dear Ms Howells,")
    recs = {"5": "Contractors should survey overhead power lines on every farm before tipping trailer work.",
            "6": "Tipping trailers should be fitted with a warning buzzer."}
    got = answers(text, lex, nlp, settings, rules, labels={"5": 5, "6": 6}, rec_texts=recs)
    assert "5" not in got


def test_an_answer_ends_at_a_numbered_closing_section_though_a_recommendation_is_named_after_it(
        lex, nlp, settings, rules):
    """Under "Recommendations 1 and 2" the answer names "Recommendation 2 is for the Home Office" and
    ends at "4. Next steps": the programme board and the annual report under it answer neither."""
    text = reply("Recommendations 1 and 2", "Our response",
                 "We accept recommendation 1 and have agreed a protocol with each force.",
                 "Recommendation 2 is for the Home Office. We have shared the review with the Home Office.",
                 "4. Next steps",
                 "We will publish an update on our progress in our annual report.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2})
    assert all("annual report" not in s for lab in ("1", "2") for s in got.get(lab, ("", []))[1])


def test_two_topic_headings_answer_two_of_three_concerns_and_leave_the_third(lex, nlp, settings, rules):
    """A contractor sent concerns 4, 5 and 7 answers under "Signs crew" and "Sweeping records", each
    in the concern's own words: those answer 4 and 7, and 5 is left unanswered."""
    recs = {"4": "The contractor's sign removal crew worked from the programme and had no information about "
                 "whether the road had been swept.",
            "5": "A report from a member of the public of loose chippings on the bend was not passed on.",
            "7": "The contractor's sweeping records do not show which parts of a road were swept or at what time."}
    text = reply(
        "Please find below our response to your report. I have covered the points about our signs crew and our "
        "sweeping records.",
        "Signs crew", "The signs crews no longer work from the programme. The crew cannot take the signs down "
        "until the supervisor has recorded that the road has been swept.",
        "Sweeping records", "We accept that a handwritten sheet is not good enough. The directors will decide "
        "whether to fit trackers to the sweepers when the new leases are agreed.", salutation="Dear Mrs Ancrum,")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5, "7": 7}, rec_texts=recs)
    assert got["4"][1][0] == "The signs crews no longer work from the programme."
    assert any("trackers" in s for s in got["7"][1])
    assert "5" not in got


def test_a_sentence_saying_which_concerns_a_report_raises_for_the_writer_answers_none(lex, nlp, settings, rules):
    text = reply("Your report raises concerns 3, 4 and 5 for the Authority. I take first the speed of trams.",
                 "Concern 3", "We have reduced the speed limit to 8 mph.",
                 "Concern 4", "We will review the swept path markings next year.")
    got = answers(text, lex, nlp, settings, rules, labels={"3": 3, "4": 4, "5": 5})
    assert "5" not in got


def test_a_reply_s_own_numbered_sections_do_not_replace_the_answers_that_name_recommendations(
        lex, nlp, settings, rules):
    """"1. Introduction", "2. Background", "3. Our response" number the reply's own sections, not the
    recommendations: the answers that name "recommendation 1" and "recommendation 2" stay theirs."""
    text = reply("1. Introduction", "This letter responds to the Committee's report on school transport.",
                 "2. Background", "The service carries nine thousand pupils a day.",
                 "3. Our response", "We accept recommendation 1 and will publish the routes in May.",
                 "We accept recommendation 2 and have appointed a transport safety officer.")
    recs = {"1": "The council should publish every school transport route.",
            "2": "The council should appoint a transport safety officer.",
            "3": "The council should review its appeals process."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=recs)
    assert any("publish the routes" in s for s in got["1"][1])
    assert not any("nine thousand" in s for lab in got for s in got[lab][1])


def test_guidance_that_recommends_is_not_a_restated_recommendation(lex, nlp, settings, rules):
    """"The NICE guideline recommends that ..." inside an answer quotes guidance, not the report: it
    opens no answer of its own and does not cut the answer it stands in."""
    text = reply("Recommendation 2", "The NICE guideline recommends that every patient who falls has "
                 "neurological observations recorded every hour. Our policy now requires this on every ward.")
    recs = {"2": "The Trust should record neurological observations after every fall.",
            "3": "Every patient who falls should have neurological observations recorded every hour."}
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2, "3": 3}, rec_texts=recs)
    assert "Our policy now requires this on every ward." in got["2"][1]
    assert "3" not in got


def test_an_answer_may_have_a_conclusion_of_its_own(lex, nlp, settings, rules):
    """"Conclusion" under "Concern 1", before "Concern 2", is the answer's own subheading; only after
    the last answer, or numbered, does such a title end one."""
    text = reply("Concern 1", "Background", "The ward had two nurses at night.", "Conclusion",
                 "We have added a third nurse at night from June.", "Concern 2", "We have replaced the monitors.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2})
    assert "We have added a third nurse at night from June." in got["1"][1]


def test_a_single_recommendation_said_to_be_for_another_body_is_still_its_answer(lex, nlp, settings, rules):
    text = reply("Recommendation 1", "We accept this and will publish the data in May.",
                 "Recommendation 3 is for the Home Office. We have shared the review with the Home Office.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "3": 3})
    assert got["3"][1][0] == "Recommendation 3 is for the Home Office."


def test_a_reply_s_condolences_answer_no_concern_by_subject(lex, nlp, settings, rules):
    text = reply(
        "Thank you for your report dated 5 June 2025.",
        "I am so sorry that Mr Halsey waited so many months, and I send my condolences to his family.",
        "On psychological therapy, I accept that a wait of this length is far too long. We are funding two "
        "more clinical psychologists.",
        "If you need anything further about crisis support out of hours in Fellbridge, please let me know.",
        salutation="Dear Mr Pennant")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=FEW_CONCERNS)
    assert "4" not in got
    assert not any("condolences" in s for s in got.get("5", ("", []))[1])


def test_an_opening_saying_which_concerns_a_report_raised_for_a_named_body_answers_neither(
        lex, nlp, settings, rules):
    """"... your report, which raised concerns 6 and 7 for Hexford Borough Council." says which
    concerns are the writer's, as "for the Council" does: the paragraphs after it answer them by
    subject, and the opening sentence is neither one's answer."""
    recs = {"6": "The council's care and support plans did not consider how a person who uses a wheelchair "
                 "would leave her home in a fire.",
            "7": "The council's housing allocation policy places wheelchair users on high floors of tower "
                 "blocks without a plan for their evacuation."}
    text = reply("I write in response to your report of 29 November 2027, which raised concerns 6 and 7 for "
                 "Hexford Borough Council.",
                 "None of our reviews of her care and support plan considered how she would leave her home in a "
                 "fire. The plans are being redesigned, and the question of leaving home in a fire will be "
                 "considered as part of that redesign next year.", salutation="Dear Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"6": 6, "7": 7}, rec_texts=recs)
    assert got["6"][0] == "topic" and any("redesign" in s for s in got["6"][1])
    assert not any(s.startswith("I write in response") for lab in got for s in got[lab][1])


def test_thanks_for_the_work_behind_a_report_answers_no_recommendation_by_subject(lex, nlp, settings, rules):
    """"I am grateful to the Commission, and in particular to the parents and school staff who spoke
    to you, for this careful piece of work" names the people the sixth recommendation is about; it
    thanks, and the reply that never reaches that recommendation has not addressed it."""
    recs = {"1": "The Government should fund free breakfast clubs in every primary school.",
            "6": "The Government should ask schools to consult parents and school staff on the cost of school "
                 "trips each year."}
    text = reply("On your first recommendation, every primary school will have a funded breakfast club from August.",
                 "I am grateful to the Commission, and in particular to the parents, young people and school staff "
                 "who spoke to you about school trips, for this careful piece of work.",
                 salutation="Dear Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "6": 6}, rec_texts=recs)
    assert "6" not in got


def test_thanks_that_goes_on_to_answer_is_an_answer(lex, nlp, settings, rules):
    """"We are grateful for your report and have now introduced a discharge checklist on every ward"
    thanks and answers: read by subject it is the answer to the checklist recommendation."""
    recs = {"1": "The Trust should introduce a discharge checklist on every ward.",
            "2": "The Trust should audit its discharge letters every quarter."}
    text = reply("Thank you for your letter of 3 May.",
                 "We are grateful for your report and have now introduced a discharge checklist on every ward.",
                 salutation="Dear Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert any("discharge checklist" in s for s in got["1"][1])


def test_blockquotes_after_the_answers_head_nothing(lex, nlp, settings, rules):
    """An e-mail that answers first and then quotes the recommendations as "> ..." paragraphs
    under its answer: the quotes head no answer, and the answers are still found by subject."""
    recs = {"1": "The Trust should introduce a discharge checklist on every ward.",
            "2": "The Trust should audit its discharge letters every quarter."}
    text = reply("We have now introduced a discharge checklist on every ward, and the first audit of our "
                 "discharge letters will be completed this quarter.",
                 "For reference, your recommendations were:",
                 "> The Trust should introduce a discharge checklist on every ward.",
                 "> The Trust should audit its discharge letters every quarter.", salutation="Dear Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert got and all(any("We have now introduced" in s for s in got[lab][1]) for lab in got)


@pytest.mark.parametrize("intro", [
    "I am replying to your report about the Kestwick bonfire display and how its stewards were trained on behalf of "
    "the Society.",
    "I am writing as Chair of Trustees of the Society in reply to your report about the Kestwick bonfire display "
    "and how its stewards were trained.",
    "I am writing on behalf of the Chief Executive in response to your report about the Kestwick bonfire display "
    "and how its stewards were trained.",
    "Please find below our response to your report about the Kestwick bonfire display and how its stewards were "
    "trained.",
    "I write as senior partner of the Society in response to your report about the Kestwick bonfire display and how "
    "its stewards were trained.",
])
def test_the_writer_s_introduction_answers_no_concern_by_subject(intro, lex, nlp, settings, rules):
    """The writer introducing themselves names the report's subject, as a reply's opening does,
    and answers none of its concerns: one never mentioned again has not been addressed."""
    text = reply(intro, "We have bought two more trench boxes for the drainage gangs.", salutation="Dear Madam,")
    recs = {"4": "Stewards at the Kestwick bonfire display should be trained and briefed before the event.",
            "5": "Trench boxes should be available to every drainage gang."}
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=recs)
    assert "4" not in got


def test_writing_as_promised_to_confirm_an_action_is_an_answer(lex, nlp, settings, rules):
    """"I write as promised to confirm that all stewards ... are now trained" answers; only the writer
    introducing themselves by role ("I am writing as Chair of Trustees") does not."""
    text = reply("I write as promised to confirm that all stewards at the Kestwick bonfire display are now trained "
                 "and briefed before the event.", salutation="Dear Madam,")
    recs = {"4": "Stewards at the Kestwick bonfire display should be trained and briefed before the event.",
            "5": "Trench boxes should be available to every drainage gang."}
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=recs)
    assert "4" in got


def test_a_bold_restated_recommendation_that_wraps_heads_the_answer_under_it(lex, nlp, settings, rules):
    """A GOV.UK reply restates each recommendation in bold, naming it at the end ("**End releases on
    Fridays, by moving every release date ... to the preceding Thursday (recommendation 4)**"), and
    answers below. Wrapped onto two lines, the bold block was read as a sentence that mentions the
    recommendation, and that sentence was its whole answer."""
    text = reply(
        THANKS,
        "**Publish each year the number of people who die within 28 days of release, by cause of death\n"
        "where known and by the prison from which they were released (recommendation 1)**",
        "From October 2026 the annual statistics will include a new table of those deaths.",
        "**End releases on Fridays, by moving every release date that falls on a Friday to the\n"
        "preceding Thursday (recommendation 4)**",
        "The law already allows a governor to bring a Friday release forward. We do not intend to go further.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "4": 4}, rec_texts={
        "1": "Publish each year the number of people who die within 28 days of release, by cause of death where "
             "known and by the prison from which they were released",
        "4": "End releases on Fridays, by moving every release date that falls on a Friday to the preceding "
             "Thursday"})
    assert got["1"] == ("heading", ["From October 2026 the annual statistics will include a new table of those deaths."])
    assert got["4"][0] == "heading" and got["4"][1][-1] == "We do not intend to go further."


LIBRARIES = {"1": "The council recruits two more librarians for the county's mobile library service before the end "
                  "of 2026.",
             "2": "The council funds a single booking system for all the county's libraries by April 2028.",
             "3": "The council provides a dedicated study room in each of the county's market-town libraries.",
             "4": "The council repays the travel expenses of library volunteers at the rate it pays its own staff.",
             "5": "The council agrees with the university that the county's libraries may use its seminar rooms "
                  "without charge.",
             "6": "The council publishes, every quarter, how often the rooms in the county's libraries are booked."}


def test_a_skipped_recommendation_is_not_given_a_heading_whose_section_shares_only_the_report_s_common_words(
        lex, nlp, settings, rules):
    """A sixth recommendation, on publishing how often "the rooms in the county's libraries" are booked,
    that the reply skips: the section "Study rooms" answers the third and fifth and shares "rooms",
    "county", "libraries" and "every" with it, but most recommendations speak of the county's libraries,
    and "every" (quarter, day) names no subject; only "rooms" is the sixth's own, and it is left
    unanswered (before, the section answered it too)."""
    text = reply(
        "Thank you for your letter of 2 February about the county's libraries.",
        "Mobile library staff", "Two librarians were appointed in March and will start on the mobile routes in May.",
        "Booking system", "The decision on a single booking system will be taken in the budget for 2027-28.",
        "Study rooms", "Your third and fifth recommendations both concern rooms, and I take them together. "
        "A study room is now open every day in each of the market-town libraries. The university's seminar rooms "
        "are a matter for the university.",
        "Volunteers", "We do not intend to change the rate at which volunteers' travel is repaid.",
        salutation="Dear Mr Probert,")
    got = answers(text, lex, nlp, settings, rules, labels={lab: int(lab) for lab in LIBRARIES},
                  rec_texts=LIBRARIES)
    assert got["3"][0] == "heading" and any("study room is now open" in s for s in got["3"][1])
    assert got["4"] == ("heading", ["We do not intend to change the rate at which volunteers' travel is repaid."])
    assert "6" not in got


def test_an_answer_may_run_on_from_its_number_and_a_title_set_off_by_a_dash(lex, nlp, settings, rules):
    """An e-mail answers "Taking your recommendations in turn:" with "2. Commissioner training - The
    board's view ... is that they won't ...": the number and title are the heading, and the words after
    the dash the answer's first sentence (before, the whole sentence was dropped as the heading, and with
    it the refusal)."""
    text = reply("Thank you for your letter of 14 January. Taking your recommendations in turn:",
                 "1. Management system - A revised system went to the board on 19 February and was adopted. It is "
                 "on our website.",
                 "2. Commissioner training - The board's view, I'm afraid, is that they won't be asking "
                 "Commissioners to go on the external course. They are volunteers.",
                 salutation="Hi Ian,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["1"][1] == ["A revised system went to the board on 19 February and was adopted.",
                           "It is on our website."]
    assert got["2"][1][0] == ("The board's view, I'm afraid, is that they won't be asking Commissioners to go on "
                              "the external course.")


def test_a_paper_that_skips_a_recommendation_listed_in_its_annex_does_not_answer_it(lex, nlp, settings, rules):
    """A response paper (PDF text: wrapped, indented lines) says "Recommendations 1 to 4 are for the
    Commission" in its introduction, answers 1 to 3 under their headings, and reproduces all four in an
    annex: the fourth, which it never answers, is not answered by the introduction's sentence, by its own
    words in the annex, nor by the first recommendation quoted above its answer, which shares its words."""
    def wrap(s: str) -> str:
        words, lines, cur = s.split(), [], ""
        for w in words:
            if len(cur) + len(w) > 80:
                lines.append(cur)
                cur = ""
            cur = f"{cur} {w}".strip()
        return "\n       ".join(lines + [cur])
    recs = ["The Commission should publish on its website, and update every month, the expected time a new "
            "complaint will wait before it is allocated to an investigator.",
            "The Commission should offer mediation to both parties in every complaint accepted for investigation.",
            "The Commission should adopt a target of resolving 80% of complaints within nine months of receipt.",
            "The Commission should publish, every quarter, data on the outcome of complaints by area of legal work."]
    text = "\n\n".join([
        "Response to the independent review of complaint handling",
        "1.1    " + wrap("The review made four recommendations, which are reproduced in full in Annex A. "
                         "Recommendations 1 to 4 are for the Commission, and we set out our position on each of "
                         "the first three below."),
        *[x for k, answer in enumerate([
            "Since 1 July the website has shown the expected waiting time, updated on the first working day of "
            "each month.",
            "On 6 June we set up an early resolution team of 14 staff, including four accredited mediators.",
            "We have adopted the target for complaints resolved at or before investigation, but not for those "
            "that go to a committee."], 1)
          for x in (f"Recommendation {k}\n        " + wrap(recs[k - 1]), "Position: Accepted",
                    f"2.{k}    " + wrap(answer))],
        "Annex A: The review's recommendations",
        *[f"{k}.     " + wrap(r) for k, r in enumerate(recs, 1)]]) + "\n"
    # the report's own words for the fourth, which the annex gives at more length
    rec_texts = dict({str(k): r for k, r in enumerate(recs, 1)},
                     **{"4": "The Commission should publish, every quarter, data on the outcome of every new "
                            "complaint, including the proportion in which the complainer received a remedy."})
    got = answers(text, lex, nlp, settings, rules, labels={str(k): k for k in range(1, 5)}, rec_texts=rec_texts)
    assert any("early resolution team" in s for s in got["2"][1])
    assert any("website has shown" in s for s in got["1"][1]) and any("adopted the target" in s for s in got["3"][1])
    assert "4" not in got


def test_a_paper_answering_some_recommendations_under_its_own_label_keeps_each_answer_whole(lex, nlp, settings, rules):
    """An ambulance service's paper (Word text: a line to each paragraph, no blank line inside an answer)
    says which recommendations are its own ("... and we respond to them below") and which another body's
    ("..., which is responding separately"), then quotes each of its own under "Recommendation N", closes
    the quote with the report's paragraph tag and answers under "NIAS response": neither list sentence
    answers anything, and each answer keeps the sentences that repeat the recommendation's words to refuse
    it, in the service's own name (before, the quote ran on into the answer, and the refusal was dropped
    as the recommendation repeated)."""
    text = reply(
        "Response to the Committee's recommendations",
        "The Committee made four recommendations. Recommendations 2, 3 and 4 were addressed to NIAS, and we respond "
        "to them below. Recommendation 1 was addressed to the Department of Health, which is responding to the "
        "Committee separately.",
        'Recommendation 2\n"NIAS should publish each month its response times for each council area." (Paragraph 47)\n'
        "NIAS response\nSince August NIAS has published a monthly performance report on its website.\n"
        "The same figures are reported to the Trust Board in public session each month.",
        'Recommendation 3\n"NIAS should station a rapid response vehicle, staffed 24 hours a day, at each of its rural '
        'ambulance stations." (Paragraph 68)\nNIAS response\nNIAS has considered this recommendation carefully. '
        "A rapid response vehicle cannot take a patient to hospital.\nNIAS does not therefore intend to station a "
        "rapid response vehicle at every rural station.",
        salutation="Dear Clerk,", name="Orla McKeown")
    got = answers(text, lex, nlp, settings, rules)
    assert sorted(got) == ["2", "3"]
    assert got["2"][1] == ["Since August NIAS has published a monthly performance report on its website.",
                           "The same figures are reported to the Trust Board in public session each month."]
    assert got["3"][1][-1] == ("NIAS does not therefore intend to station a rapid response vehicle at every rural "
                               "station.")


def test_a_reply_heading_its_answers_by_matter_number_answers_each_under_its_heading(lex, nlp, settings, rules):
    """A company heads its answers as the coroner's report numbers them, "Matter 1 – Isolation of the
    electricity supply", "Matter 2 – Training, supervision and lone working": each answers its matter,
    without the heading line (before, "Matter" named nothing, and the answers were sought by subject)."""
    text = reply("Thank you for your report of 3 June 2039. We respond to the matters addressed to us.",
                 "Matter 1 – Isolation of the electricity supply",
                 "Since 15 August our method statement requires the supply to be switched off before anyone goes "
                 "into the loft.",
                 "Matter 2 – Training, supervision and lone working",
                 "We accept that Kieran should not have been sent to work alone. All new installers now complete a "
                 "five-day course.", salutation="Dear Dr Onslow,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["1"] == ("heading", ["Since 15 August our method statement requires the supply to be switched off "
                                    "before anyone goes into the loft."])
    assert got["2"] == ("heading", ["We accept that Kieran should not have been sent to work alone.",
                                    "All new installers now complete a five-day course."])


def test_a_status_line_in_the_body_s_own_name_is_part_of_the_answer(lex, nlp, settings, rules):
    """"SLCC position: Not accepted" under the quoted recommendation repeats two of its words ("SLCC",
    "accept"), but it is the paper's status, not the recommendation restated: it opens the answer
    (before, it was dropped as the quote, and the answer read as accepting)."""
    text = reply("Our response to the recommendations",
                 "Recommendation 5\n        Where a complainer is vulnerable, the SLCC should accept a complaint "
                 "without\n        first requiring it to be raised with the practitioner.",
                 "SLCC position: Not accepted",
                 "2.10   The legislation requires that, before we accept a complaint, the complainer should normally\n"
                 "       have raised it with the practitioner. We will therefore keep our current approach.",
                 salutation="Dear Professor Carrick,")
    got = answers(text, lex, nlp, settings, rules, labels={"5": 5},
                  rec_texts={"5": "Where a complainer is vulnerable, the SLCC should accept a complaint without first "
                                  "requiring it to be raised with the practitioner."})
    assert got["5"][1][0] == "SLCC position: Not accepted"


def test_a_refusal_in_the_recommendation_s_own_words_is_part_of_the_answer(lex, nlp, settings, rules):
    """"I do not intend to go further than that by aligning the fees with those paid in tribunals
    administered by HMCTS" repeats the recommendation's words to refuse it: the writer's voice makes it
    the answer (before, it was dropped as the recommendation restated)."""
    rec = ("Increases the daily fees of fee-paid members so that they are no lower than those paid in tribunals "
           "administered by HMCTS.")
    text = reply("Thank you for your letter of 2 February.", "Recommendation 4",
                 "Fees rose by 4% from April 2025. I do not intend to go further than that by aligning the fees with "
                 "those paid in tribunals administered by HMCTS.", salutation="Annwyl Syr Huw,")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4}, rec_texts={"4": rec})
    assert got["4"][1][-1] == ("I do not intend to go further than that by aligning the fees with those paid in "
                               "tribunals administered by HMCTS.")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Panel recommendation: The council should freeze charges.\nResponse: Not agreed\nAction: Officers "
                 "recognise the concern. A freeze would cost £95,000.",
                 ["Panel recommendation: The council should freeze charges.", "Response: Not agreed",
                  "Action: Officers recognise the concern.", "A freeze would cost £95,000."], id="status-over-action"),
    pytest.param("The council has not\naccepted the proposals and\nwill consult again in 2026.",
                 ["The council has not\naccepted the proposals and\nwill consult again in 2026."],
                 id="a-wrapped-sentence-goes-on"),
])
def test_a_status_on_a_line_of_its_own_is_a_sentence_of_its_own(text, expected, nlp, settings):
    """Word fields a line each: "Response: Not agreed" has no full stop, but it is the status, not the
    start of the "Action:" line under it; a wrapped sentence's line that starts "accepted ..." goes on."""
    from pipeline.stages.answers import units
    sentences = analyse(nlp, text, [(0, len(text))], settings).sentences
    assert [text[a:z] for a, z, _ in units(text, [(0, len(text))], sentences)] == expected


def test_recommendations_said_to_be_answered_together_before_the_first_heading_are_answered_there(
        lex, nlp, settings, rules):
    """"Recommendations 1 and 2 are closely connected and I have answered them together." opens the
    answer to both before "Recommendation 3": saying they are answered together is no saying whose
    they are, so the paragraphs before the first heading answer them."""
    text = reply("Thank you for the Panel's report.",
                 "Recommendations 1 and 2 are closely connected and I have answered them together. Both new posts "
                 "were filled in May, and the rota now covers every weekend.",
                 "Recommendation 3", "We will review the helpline's hours in the autumn.", salutation="Dear Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts={})
    assert any("rota now covers every weekend" in s for s in got["1"][1])
    assert any("rota now covers every weekend" in s for s in got["2"][1])


def test_a_status_line_giving_each_grouped_recommendation_its_own_verdict_is_split(lex, nlp, settings, rules):
    """Two recommendations answered together under "Our response: Recommendation 5 agreed;
    recommendation 6 not agreed": each opens with its own clause, so the refusal of the second is not
    read as the first's verdict, nor the agreement to the first as the second's (before, both opened
    with the whole line and were read alike)."""
    rec5 = "SLAB should set up a dedicated team for urgent applications."
    rec6 = "SLAB should give every urgent application a named caseworker."
    text = reply("Our response to the review", "Recommendations 5 and 6", f"5. {rec5}", f"6. {rec6}",
                 "Our response: Recommendation 5 agreed; recommendation 6 not agreed",
                 "Since 15 January all applications for urgent cover have been handled by a dedicated team. We "
                 "considered carefully whether each urgent application should also have a named caseworker, and have "
                 "concluded that it should not.", salutation="Dear Professor Carrick,")
    got = answers(text, lex, nlp, settings, rules, labels={"5": 5, "6": 6}, rec_texts={"5": rec5, "6": rec6})
    assert got["5"][1][0] == "Recommendation 5 agreed" and got["6"][1][0] == "recommendation 6 not agreed"


def test_a_recommendation_no_heading_answers_is_not_given_a_section_by_the_words_it_shares_with_its_own(
        lex, nlp, settings, rules):
    """A reply under topic headings ("Apology", "Payment", ...) that never takes up the sixth
    recommendation (share the report with the teams): the "Apology" section shares "report" and
    "Mrs Fothergill" with it only because the first recommendation, the one it answers, says them too
    (before, the sixth was answered by the apology and read as noted)."""
    recs = {"1": "apologises to Mrs Fothergill in writing for the errors identified in this report",
            "2": "pays Mrs Fothergill £350 for the distress and inconvenience caused",
            "3": "corrects the title plan to include the garage and sends Mrs Fothergill an updated official copy",
            "4": "reviews its guidance on expediting applications so that a sale at serious risk counts",
            "5": "gives any customer whose application is late an estimated completion date on request",
            "6": "shares this report with the teams that dealt with Mrs Fothergill's applications so that the "
                 "lessons from this case are learned"}
    text = reply("Thank you for your final report on Mrs Fothergill's complaint. We accept your findings.",
                 "Apology", "Our Director wrote to Mrs Fothergill on 11 February to apologise for the errors identified "
                 "in your report, including the cancellation of her first application. A copy is attached.",
                 "Payment", "We have paid Mrs Fothergill £350 for the distress and inconvenience caused.",
                 "Title plan", "An updated official copy of the register and title plan was sent to Mrs Fothergill.",
                 "Expedite policy", "We will consider your recommendation as part of our review of expediting "
                 "guidance, which is due to conclude in the summer.",
                 "Completion dates", "We are unable to agree to this recommendation. We are not able to give "
                 "individual customers a reliable completion date.", salutation="Dear Mr Pemberton,")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    assert got["1"][0] == "heading" and got.get("6", (None, []))[1] != got["1"][1]


def test_a_reply_held_to_one_concern_answers_it_in_all_it_says(lex, nlp, settings, rules):
    """HSE's reply to the one concern sent to it, with no numbers: the paragraph naming the subject
    best says only that the investigation goes on; the refusal is two paragraphs on. Every paragraph
    but the opening and the courtesies is the answer (before, only the first was, and the refusal
    was never read)."""
    rec = ("There is no current guidance from HSE that deals specifically with entry into the wet wells of sewage "
           "pumping stations, including the risk from hydrogen sulphide.")
    refusal = "HSE does not consider that separate HSE guidance on sewage wet wells is needed, and it has no plans to produce it."
    text = reply("Thank you for your report of 22 April concerning the death of Mr Kell.",
                 "HSE's investigation into the incident at the pumping station is continuing, and I am not able to "
                 "comment on its findings at this stage. This letter deals with the guidance on wet wells of sewage "
                 "pumping stations and hydrogen sulphide.",
                 "The Approved Code of Practice already requires employers to avoid entry to confined spaces where "
                 "they can, to test the atmosphere and to plan a rescue.",
                 refusal, "Please do not hesitate to contact me if I can help further.", salutation="Dear Sir,")
    got = answers(text, lex, nlp, settings, rules, labels={"7": 7}, rec_texts={"7": rec})
    assert refusal in got["7"][1] and not any("hesitate" in s for s in got["7"][1])


def test_a_matter_counted_off_in_the_reply_s_own_words_is_answered_by_the_paragraph_after_it(
        lex, nlp, settings, rules):
    """"The second matter relates to the emergency departments ..." restates the concern in the
    writer's own count; the answer is the paragraph under it ("I have noted what you say. ... I have
    sent a copy of your report to the network's clinical lead."), not the restatement alone (before,
    the restatement was the whole answer and read as accepting)."""
    rec1 = "Families with open access could not get through to the ward at night."
    rec2 = "Referring emergency departments did not know how to obtain neurosurgical advice about a failed shunt."
    text = reply("Thank you for your report dated 8 April 2042.",
                 "The first of the two matters that you have raised with the Trust concerns the open access number.",
                 "Open access calls now go to a dedicated line held at all times by the nurse specialist.",
                 "The second matter relates to the emergency departments of the hospitals that refer children to us, "
                 "and their knowledge of how to obtain neurosurgical advice about a child whose shunt may have failed.",
                 "I have noted what you say. The guidance is a matter for the network. I have sent a copy of your "
                 "report to the network's clinical lead.", salutation="Dear Mr Whitcombe,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={"1": rec1, "2": rec2})
    assert "I have noted what you say." in got["2"][1]


def test_the_count_an_ordinal_counts_off_is_no_part_of_the_answer(lex, nlp, settings, rules):
    """"You raised two matters with the company. As to the first of them, from 1 August ...": "the first
    of them" names the first concern sent to the writer, and the answer starts there; the count before
    it is what lets the ordinal name a concern, not an answer to it."""
    text = reply("Thank you for your report.",
                 "You raised two matters with the company. As to the first of them, from 1 August 2026 no driver is "
                 "asked to serve a temporary stop until our operations team has visited it and completed a written "
                 "risk assessment.",
                 "We remain committed to working with the Council on the safety of pupils.",
                 salutation="Dear Ms Fairweather,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert got["1"][1][0].startswith("As to the first of them, from 1 August 2026")


def test_an_opening_that_says_which_recommendation_it_responds_to_is_answered_below(lex, nlp, settings, rules):
    """"Thank you ... for the opportunity to respond to the Committee's sixth recommendation, which is the
    one addressed to the Public Prosecution Service." names what the letter answers; the answer is the
    paragraph under it."""
    text = reply("Thank you for your letter of 6 March and for the opportunity to respond to the Committee's sixth "
                 "recommendation, which is the one addressed to the Public Prosecution Service.",
                 "I have considered this carefully. I do not consider that separate guidance would add to the Code "
                 "for Prosecutors, and the PPS will not be issuing it.",
                 salutation="Dear Chair,")
    got = answers(text, lex, nlp, settings, rules, labels={str(n): n for n in range(1, 8)}, rec_texts={})
    assert any("will not be issuing it" in s for s in got["6"][1])


def test_a_grouped_answer_that_names_each_in_turn_gives_each_its_own_part(lex, nlp, settings, rules):
    """Recommendations 7 and 8 quoted together over one "Government response" that takes them in turn
    ("We accept the Committee's seventh recommendation. ... On the eighth recommendation, ..."), as
    pdftotext sets a command paper out: each answer runs from its own name to the next, so the
    refusal in the eighth's is not the seventh's."""
    text = ("Government Response to the Defence Committee\n7. Employers have no single source of advice. The Ministry "
            "of Defence should\npublish guidance for employers on reservists' return to work. (Paragraph 56)\n8. "
            "Reserves are too often an afterthought. Each Service should appoint a Reserves\nChampion at board "
            "level, and report to this Committee every year. (Paragraph 60)\nGovernment response\nWe accept the "
            "Committee's seventh recommendation. Guidance for employers on the\nreturn of reservists will be "
            "published on GOV.UK by 30 June 2026.\nOn the eighth recommendation, each of the three Services already "
            "has a two-star\nReserves lead. The Department will provide the Committee with a written update in "
            "spring\n2027, but does not intend to commit to a standing annual report.\n")
    got = answers(text, lex, nlp, settings, rules, labels={"7": 7, "8": 8},
                  rec_texts={"7": "The Ministry of Defence should publish guidance for employers on reservists' return "
                                  "to work.",
                             "8": "Each Service should appoint a Reserves Champion at board level and report every "
                                  "year."})
    assert not any("does not intend" in s for s in got["7"][1])
    assert got["8"][1][0].startswith("On the eighth recommendation") and any("does not intend" in s for s in got["8"][1])


def test_a_grouped_answer_that_takes_them_together_is_not_cut_at_their_names():
    """"Recommendations 3 and 6 relate to our data and systems. Recommendation 3 is that ...
    Recommendation 6 is that ... we will consider how both can best be provided": the names restate
    the two, and the answer after them is both's, so it is not cut at their names; "We accept the
    seventh recommendation. ... On the eighth recommendation, ..." is."""
    from pipeline.stages.answers import _named_in_turn

    def units(*sentences):
        text, out = "", []
        for k, sent in enumerate(sentences):
            out.append((len(text), len(text) + len(sent), k))
            text += sent + " "
        return text, tuple(out)

    text, us = units("Recommendations 3 and 6 relate to our data and systems.",
                     "Recommendation 3 is that the force should identify repeat victims.",
                     "Recommendation 6 is that the force should report on referrals.",
                     "Once a new system is chosen, we will consider how both can best be provided.")
    assert _named_in_turn(text, us, ["3", "6"]) is None
    text, us = units("Recommendation 7 asks for guidance.", "Recommendation 8 asks for a champion.", "We accept both.")
    assert _named_in_turn(text, us, ["7", "8"]) is None
    text, us = units("We accept the Committee's seventh recommendation.", "Guidance will be published in June.",
                     "On the eighth recommendation, each Service already has a Reserves lead.",
                     "The Department does not intend to commit to an annual report.")
    shares = _named_in_turn(text, us, ["7", "8"])
    assert [len(shares["7"]), len(shares["8"])] == [2, 2]


def test_a_command_paper_s_headings_with_the_report_s_paragraph_open_each_answer(lex, nlp, settings, rules):
    """pdftotext of a command paper, no blank lines: a section's title, then "Recommendation 3
    (paragraph 47)", the quoted recommendation, "Government response" and the answer. The heading is
    the label alone, with the paragraph of the report it stands at; each answer is its own."""
    text = ("Government Response to the Justice Committee's Third Report\n"
            "Funeral directors: inspection\nRecommendation 1 (paragraph 23)\n"
            "The Government should legislate to establish a statutory inspection regime for all\n"
            "funeral directors in England and Wales.\nGovernment response\n"
            "We will bring forward legislation in the second session of this Parliament to create a\n"
            "statutory inspection regime for funeral directors.\n"
            "Standards of care in mortuaries\nRecommendation 2 (paragraph 47)\n"
            "The Ministry of Justice should set binding minimum standards for the care of the\n"
            "deceased in hospital mortuaries.\nGovernment response\n"
            "We will consider whether binding minimum standards are needed once the Human Tissue\n"
            "Authority has reported.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert got["1"][0] == "heading" and got["2"][0] == "heading"
    assert any("bring forward legislation" in s for s in got["1"][1])
    assert not any("Recommendation 2" in s or "should set binding" in s for s in got["1"][1])
    assert any("We will consider" in s for s in got["2"][1])
    assert not any("paragraph 47" in s or "should set binding" in s for s in got["2"][1])


def test_a_titled_label_line_in_pdf_text_opens_its_answer_under_a_running_header(lex, nlp, settings, rules):
    """PDF text with no blank lines: "Recommendation 3 – National advice line" under the second page's
    running header (a long line, no full stop) opens recommendation 3's answer, as the first page's
    labels open theirs; the header is not part of it."""
    text = ("Dear Professor Kinloch,\nThank you for your letter of 3 November. I respond below to the\n"
            "recommendations addressed to the Scottish Government.\n"
            "Recommendation 2 – Carer status and annual figures\n"
            "SAAS will add a carer question to the application form for 2027-28. The first figures will\n"
            "be published in December 2027.\n"
            "Minister for Higher and Further Education – response to the Commissioner for Fair Access\n"
            "Recommendation 3 – National advice line\n"
            "I have decided against funding a separate advice line for student carers. Student carers\n"
            "can already use the advice services run by local carer centres.\n"
            "Yours sincerely,\nIain Lennox-Gray MSP\n")
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2, "3": 3}, rec_texts={"2": None, "3": None})
    assert got["3"][0] == "heading" and got["3"][1][0].startswith("I have decided against funding")
    assert not any("decided against" in s for s in got["2"][1])


@pytest.mark.parametrize("line, below, titled", [
    ("Recommendation 3 – National advice line", "I have decided against funding it.", True),
    ("Concern 2: Staffing at night", "The Trust now rosters two nurses.", True),
    ("Recommendation 3: The Department should", "publish the figures every quarter.", False),  # a quote wrapped
    ("Recommendation 3 – The Department should publish figures", "We accept this.", False),  # it quotes, not titles
    ("recommendation 3 – national advice line", "We accept this.", False),  # a sentence's words wrapped
])
def test_a_label_and_title_line_is_a_label_and_a_short_title_over_a_new_sentence(line, below, titled):
    assert A._label_and_title(line, below) is titled


def test_a_paper_saying_what_it_sets_out_answers_none_of_the_recommendations_it_lists(lex, nlp, settings, rules):
    """"This paper sets out the Government's response to recommendations 1 to 3." says what the paper
    is; a recommendation it names there and answers nowhere else is not answered by it."""
    text = reply("This paper sets out the Government's response to recommendations 1 to 3.",
                 "Recommendation 1", "We will publish the register from April.",
                 "Recommendation 2", "We do not accept this recommendation.")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3},
                  rec_texts={"1": None, "2": None, "3": None})
    assert "3" not in got and got["1"][0] == "heading"


def test_word_text_s_answer_line_under_a_quoted_recommendation_is_the_answer(lex, nlp, settings, rules):
    """Word text keeps each paragraph on one line: under "Recommendation 4 (paragraph 63)", the quoted
    recommendation is one line and the answer starts on the next, with no blank line between them."""
    text = ("Dear Convener,\n\nRecommendation 4 (paragraph 63)\n"
            "The Scottish Government should place a statutory duty on NHS Boards to provide locum cover for remote "
            "and rural practices when a GP is absent.\n"
            "I am not persuaded that legislation is the right way to deal with this. The Scottish Government will not "
            "be bringing forward legislation of this kind.\n\n"
            "Recommendation 5 (paragraph 72)\n"
            "The Scottish Government should work with NHS Boards and local authorities to provide dedicated housing "
            "for health and care staff in remote communities.\n"
            "We agree, and work is already well under way with three island Boards and their councils this year.\n\n"
            "Yours sincerely,\n\nJane Brown\n")
    got = answers(text, lex, nlp, settings, rules)
    assert got["4"][1][0].startswith("I am not persuaded")
    assert not any("should place a statutory duty" in s for s in got["4"][1])
    assert got["5"][1][0].startswith("We agree")


def test_a_reply_typed_above_the_message_it_answers_ends_at_original_message(lex, nlp, settings, rules):
    """An e-mail reply signed with a first name alone over "-----Original Message-----": the quoted
    message's list and its "Kind regards," are its writer's, not the reply's answers."""
    original = ("From: Drysdale, Euan <euan.drysdale@fss.example.scot>\n"
                "Sent: Monday, January 11, 2027 10:32 AM\nSubject: FSS audit - recommendations\n"
                "Dear Morag and Callum,\n\nOur recommendations are below.\n\n"
                "4. Tornbrae Council should keep a competency record for every authorised officer.\n"
                "5. Tornbrae Council should stop using contractors for approved establishments.\n\n"
                "We will publish the report, with your responses, on our website in March.\n\nKind regards,\n\n"
                "Euan Drysdale\n")
    text = original + ("\fFrom: Reekie, Callum <callum.reekie@tornbrae.example.gov.uk>\nSent: 12 February 2027 16:40\n"
            "To: Drysdale, Euan <euan.drysdale@fss.example.scot>\nSubject: RE: FSS audit - recommendations\n\n"
            "Euan,\n\nTornbrae's response is below.\n\n"
            "\"Tornbrae Council should keep a competency record for every authorised officer.\"\n"
            "All seven competency records were brought up to date on 30 November 2026.\n\nCallum\n\n"
            "-----Original Message-----\n") + original
    seg = segment(text, lex)[-1]
    assert text[seg.start:].startswith("\fFrom: Reekie")
    lo, hi = body_range(text, seg)
    assert "All seven competency records" in text[lo:hi]
    assert "We will publish the report" not in text[lo:hi]


@pytest.mark.parametrize("sentence", [
    "This letter sets out our response to recommendation 2, which we accept in full.",
    "This response sets out the Council's position on recommendations 2 and 3: we accept both.",
])
def test_a_paper_saying_what_it_sets_out_about_one_recommendation_answers_it(sentence, lex, nlp, settings, rules):
    """Saying what the paper is announces nothing where the sentence goes on to answer: "... to
    recommendation 2, which we accept in full." is the answer."""
    text = reply(sentence, "We will publish the register from April.")
    assert "2" in answers(text, lex, nlp, settings, rules, labels={"2": 2, "3": 3}, rec_texts={"2": None, "3": None})


def test_a_reply_signed_with_a_first_name_over_the_quoted_message_ends_at_the_marker(lex):
    """"Dear Euan," ... "Callum" over "-----Original Message-----": the quoted message's own "Kind
    regards," is not the reply's sign-off, and its text is not the reply's."""
    text = ("Dear Euan,\n\nAll seven competency records were brought up to date on 30 November 2026.\n\nCallum\n\n"
            "-----Original Message-----\nFrom: Drysdale, Euan <euan.drysdale@fss.example.scot>\n"
            "Sent: Monday, January 11, 2027 10:32 AM\n\n4. Keep a competency record for every officer.\n\n"
            "We will publish the report, with your responses, on our website in March.\n\nKind regards,\n\n"
            "Euan Drysdale\n")
    seg = segment(text, lex)[0]
    lo, hi = body_range(text, seg)
    assert "All seven competency records" in text[lo:hi] and "We will publish" not in text[lo:hi]


def test_a_blockquoted_recommendation_s_wrapped_lines_are_never_its_answer(lex, nlp, settings, rules):
    """A GOV.UK page through html2text quotes two recommendations as blockquotes wrapped at eighty
    columns, then answers both under "### Government response": the quote's wrapped lines ("> online
    front door ...") are the report's words, and both take the answer under them (before, 2.1's
    answer was the rest of its own quote)."""
    text = ("# Government response to the Independent Review of NHS Complaints\n\n"
            "## 3. Making it easier to complain\n\nThe review's chapter 2 made 2 recommendations:\n\n"
            "> **Recommendation 2.1:** NHS England should establish a single national\n"
            "> online front door through which any complaint about NHS-funded care can be\n"
            "> made and routed to the right organisation.\n\n"
            "> **Recommendation 2.2:** Every person who makes a formal complaint should be\n"
            "> given a named case handler, who remains their point of contact until the\n"
            "> complaint is closed.\n\n"
            "### Government response\n\n"
            "We will consult in summer 2027 on options for a single front door, and will take a decision in the "
            "light of the consultation responses.\n\n"
            "From 1 October 2027 every provider will be required to name a case handler for every formal "
            "complaint.\n")
    got = answers(text, lex, nlp, settings, rules, labels={"2.1": 2, "2.2": 2}, rec_texts={"2.1": None, "2.2": None})
    assert set(got) == {"2.1", "2.2"}
    for _, spans in got.values():
        assert spans and not any(s.lstrip().startswith((">", "online front door", "given a named")) for s in spans)
        assert any("consult in summer 2027" in s for s in spans)


# ---- round 54

_GATE_RECS = {"1": "There is no requirement for maintenance engineers to measure closing forces on powered gates.",
              "2": "The maintenance contract did not say who was responsible for the annual risk assessment of the gate.",
              "3": "Reports by residents of the gate reopening slowly were not passed to the maintenance contractor."}
_GATE_REPLY = ("Dear Madam,\nRe: Regulation 28 Report - Oliver Fenwick\n"
               "I am the Managing Director of Gatewise Automation Ltd and I write in response to the report\n"
               "you issued on 28 July 2026 following the inquest into Oliver's death. All of us at Gatewise\n"
               "were deeply saddened by what happened, and our thoughts remain with Oliver's family.\n"
               "Safety devices and force measurement\n"
               "Every Gatewise engineer now carries a calibrated force measuring device, and a service visit\n"
               "cannot be closed on our system unless the closing forces have been measured and recorded at\n"
               "the leading edge of the gate. All 212 gates we maintain were audited over the summer.\n"
               "Contract scope\n"
               "The risk assessment of a gate is, in our view, a duty which rests with the person in control\n"
               "of the premises. We do not propose to amend our standard terms so as to take on that\n"
               "responsibility, and we do not consider that it would be appropriate for a contractor to do so.\n"
               "Reports made by residents\n"
               "We note what the court found about the reports made by residents through the estate portal\n"
               "between October and January. None of those reports was passed to us before the inquest.\n"
               "I trust this is of assistance.\nYours faithfully,\nSteven Garside\nManaging Director\n")


def test_topic_titles_in_pdf_text_with_no_blank_lines_head_their_answers(lex, nlp, settings, rules):
    """pdftotext of a letter with no blank lines: "Contract scope", a short line after a finished
    sentence and over wrapped prose, is a title over its answer, as a blank line would have set it."""
    got = answers(_GATE_REPLY, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=_GATE_RECS)
    assert any("do not propose to amend our standard terms" in s for s in got["2"][1])
    assert got["1"][0] == "heading" and any("All 212 gates we maintain" in s for s in got["1"][1])
    assert not any("standard terms" in s for s in got["1"][1])


# a wider page (lines of some ninety characters) whose titles run longer than fifty
_WIDE_REPLY = ("Dear Dr Faraday-Singh\nThank you for your report dated 11 November 2026. I should like first to repeat the\n"
               "apology the Trust has given to Mrs Ambrose and her family. In this letter I describe the action the\n"
               "Trust has taken under the three headings of your report that were addressed to the Trust.\n"
               "Competence in confirming tube position on X-ray\n"
               "Since 1 December 2026 only clinicians whose names appear on the Trust's competency register may\n"
               "document that a nasogastric tube is safe to use on the basis of an X-ray, and all 212 doctors\n"
               "had completed the process by 20 December 2026, as a spot audit of sixty confirmations showed.\n"
               "Recording of position checks in the electronic patient record\n"
               "We have looked at adding a mandatory field for the position check to the electronic record. Our\n"
               "Digital Clinical Safety Group will consider in March 2027 whether an interim build is justified,\n"
               "and I will let you know the outcome of its consideration as soon as it has been reached.\n"
               "Yours sincerely\nProfessor Adaeze Lindqvist\nChief Executive\n")
_WIDE_RECS = {"1": "Doctors who interpret X-rays to confirm nasogastric tube position are not required to have "
                   "demonstrated competence before doing so.",
              "2": "The electronic patient record does not require the method and result of the position check to "
                   "be recorded before feed is started."}


def test_a_short_line_of_prose_that_runs_on_is_no_title():
    """The guard (review): "Following the inquest the Medical Director and the Head of", well short of
    a wide page's lines, runs on into the next ("Patient Safety reviewed ..."): prose, not a title."""
    from pipeline.stages import answers as A
    from pipeline.text import split_lines, to_blocks

    text = ("We have considered each of the concerns raised in your report with the clinical teams involved.\n"
            "The Trust accepts the first concern and has taken the following steps to address it in full.\n"
            "Following the inquest the Medical Director and the Head of\n"
            "Patient Safety reviewed the observation policy with ward managers and the matrons of each unit,\n"
            "and the revised policy was approved by the Quality and Safety Committee on 3 February 2027.\n"
            "All registered nurses on the adult inpatient wards have since completed the updated training.\n")
    blocks = A._titled_paragraphs(A.line_paragraphs(to_blocks(split_lines(text, 0, len(text)))))
    assert len(blocks) == 1


def test_a_long_title_on_a_wide_page_heads_its_answer(lex, nlp, settings, rules):
    """"Recording of position checks in the electronic patient record" (62 characters) on a page whose
    prose runs to ninety is a title too: the answer under it is concern 2's, which was left unanswered."""
    got = answers(_WIDE_REPLY, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=_WIDE_RECS)
    assert got["2"][0] == "heading" and any("Digital Clinical Safety Group will consider" in s for s in got["2"][1])


_PAGE = ("# Departmental response to the Committee's report on school transport\n\nDate published: 9 June 2027\n\n"
         "## The Committee's recommendations\n\n"
         "  1. The Department should reduce the statutory eligibility distance for post-primary pupils to two miles.\n"
         "  2. The Authority should publish the number of seats available on every route each year.\n"
         "  3. The Committee considers that the 2009 transport policy no longer reflects school provision.\n"
         "  4. The Department should place a duty on the Authority to assess whether walking routes are safe.\n\n"
         "## Departmental response\n\n### Eligibility distance\n\nThe Department has looked closely at the cost of a "
         "two-mile distance. It would cost £24 million a year, which is not affordable, and the change will apply "
         "only to pupils entitled to free school meals.\n\n"
         "### Information about routes and capacity (Recommendation 2)\n\nAccepted. The Authority will publish "
         "route-level information from the autumn term.\n\n"
         "### The 2009 policy\n\nThe Department notes the Committee's conclusion about the 2009 policy.\n\n"
         "### Safer walking routes\n\nThe Department will consult in 2028 on a duty to assess walking routes, and a "
         "decision will be taken in the light of the responses.\n\n## Next steps\n\nThe Department will keep the "
         "Committee informed of progress.\n")


# html2text wraps a list item at 78 columns, its words run on under the item's own
_WRAPPED_PAGE = _PAGE.replace("post-primary pupils to two miles.", "post-primary\n     pupils to two miles.").replace(
    "to assess whether walking routes are safe.", "to assess\n     whether walking routes are safe.")


@pytest.mark.parametrize("page", [_PAGE, _WRAPPED_PAGE], ids=["a-line-each", "wrapped-as-html2text-wraps"])
def test_a_page_listing_the_recommendations_answers_the_unnumbered_ones_under_their_titles(lex, nlp, settings, rules,
                                                                                          page):
    """A web page restates the recommendations as a list, then answers under "###" headings, some
    numbered ("(Recommendation 2)") and some only titled in the recommendation's words ("Safer
    walking routes"): the list answers nothing, and each title answers its own."""
    got = answers(page, lex, nlp, settings, rules)
    assert got["1"][1][0].startswith("The Department has looked closely")
    assert got["3"][1][0].startswith("The Department notes the Committee's conclusion")
    assert got["4"][1][0].startswith("The Department will consult in 2028")
    assert got["2"][1][0].startswith("Accepted.")



# ---- guards from the second review of round 54's mends

_LISTED_WITH_ANSWERS = "# Government response to the Transport Committee's report on rural bus services\n\nPublished 9 June 2027\n\n## The Committee's recommendations and our response\n\nThe Government is grateful to the Committee for its report. Our response to each recommendation is summarised below, with further detail on the two that need it.\n\n  1. The Department should publish a national strategy for rural bus services within twelve months. Accepted: the strategy will be published by the end of 2027.\n  2. The Department should give local transport authorities multi-year funding settlements for bus services. Not accepted: funding will remain annual.\n  3. Local transport authorities should improve the accessibility of bus stops in rural areas. Accepted: £20 million will be made available from April.\n  4. The Department should review concessionary fares for young people. Not accepted: there are no plans to extend the scheme.\n\n## Further detail\n\n### Recommendation 2\n\nMulti-year settlements would reduce flexibility to respond to changing demand. The Government will keep this under review at the next spending review.\n\n### Recommendation 4\n\nThe cost of a national young person's concession would be around £300 million a year, which is not affordable at present.\n"


def test_a_list_whose_lines_carry_their_status_is_read_as_answers(lex, nlp, settings, rules):
    """"1. The Department should ... Accepted: the strategy will be published ...": each line of the
    list answers its recommendation after restating it, so the list is not a bare restatement."""
    got = answers(_LISTED_WITH_ANSWERS, lex, nlp, settings, rules)
    assert any("Accepted: the strategy will be published" in s for s in got["1"][1])
    assert any("£20 million" in s for s in got["3"][1])


def test_a_sentence_left_without_a_full_stop_is_no_title(lex, nlp, settings, rules):
    """"We have gone further than this" on a line of its own in PDF text with no blank lines is a
    sentence its writer left unfinished, not a topic title cutting the answer in two."""
    text = _GATE_REPLY.replace("the leading edge of the gate. All 212 gates we maintain were audited over the summer.\n",
                               "the leading edge of the gate.\nWe have gone further than this\nAll 212 gates we "
                               "maintain were audited over the summer, and 14 gates were\ntaken out of service until "
                               "they were made safe.\n")
    assert "We have gone further than this" in text
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=_GATE_RECS)
    assert not any("standard terms" in s for s in got["1"][1])
    assert any("14 gates were" in s for s in got["1"][1])


# ---- round 55

_CIW_TABLE = ("Care Inspectorate Wales – response to the recommendations of Being Heard\n\n"
              "This table sets out CIW's response to the recommendations addressed to CIW in the review (recommendations 4\n"
              "and 5). It was agreed by CIW's Senior Leadership Team on 21 September 2027.\n\n"
              " Rec   Recommendation                         CIW response                              Lead\n\n"
              " 4     Make complaints handling a specific    Agreed. From January complaints handling  Head of\n"
              "       line of enquiry in every inspection.   will be a line of enquiry in every full    Inspection\n"
              "                                              inspection of a care home.\n\n"
              " 5     Publish a national thematic report on  We will consider a thematic review when   Director of\n"
              "       complaints handling within 12 months.  we agree our review programme in spring.  Policy\n")


def test_a_table_s_opening_sentence_naming_the_recommendations_it_answers_answers_neither(lex, nlp, settings, rules):
    """"This table sets out CIW's response to ... (recommendations 4 and 5)." says where the answers
    are: each is answered in its own row, not by that sentence."""
    got = answers(_CIW_TABLE, lex, nlp, settings, rules, labels={"4": 4, "5": 5})
    assert not any("This table sets out" in s for lab in ("4", "5") for s in got[lab][1])
    assert any("review programme" in s for s in got["5"][1])


_LAYOUT_TABLE = ("Forestry Commission\n\nResponse to the Independent Review of Tree Health Biosecurity\n\n"
         "No.   Recommendation                             Forestry Commission response\n\n"
         "1     Increase the number of plant health        Accepted. We will fund 14 additional\n"
         "      inspectors at the principal points of      inspector posts from April 2027.\n"
         "      entry by at least 25% by 2028.\n\n"
         "2     Publish an annual report on\n"
         "      interceptions of regulated pests at the\n"
         "      border, showing species and origin.\n\n"
         "3     Revise and exercise the contingency plan   A revised contingency plan was published\n"
         "      for the beetle within twelve months.       on 8 September 2026 and exercised in\n"
         "                                                 October with four local authorities.\n")


def test_a_response_table_s_rows_open_their_answers_and_an_empty_row_answers_nothing(lex, nlp, settings, rules):
    """A response paper set out by pdftotext -layout: each row numbers its recommendation with the answer
    beside it; row 2 has nothing beside its quote, so it is left unanswered, not given row 3's answer."""
    got = answers(_LAYOUT_TABLE, lex, nlp, settings, rules)
    assert any("fund 14 additional" in s for s in got["1"][1])
    assert any("8 September 2026" in s for s in got["3"][1])
    assert "2" not in got


def test_an_annex_listing_the_recommendations_answers_none_of_them(lex, nlp, settings, rules):
    """A web response arranged by theme, its annex a table of the recommendations' words alone: a
    recommendation the themes never take up is left unanswered, not answered by its own words."""
    text = reply(
        "This response is arranged by theme. A full list of the recommendations is at Annex A.",
        "## Triage", "Since March every serious incident report has passed through a triage desk, which closes "
        "low-risk reports with written guidance.",
        "## Annex A", "Paragraph | Recommendation\n---|---\n4.12 | Introduce risk-based triage of incoming reports.\n"
        "7.11 | Agree with the tribunal users' group a short guide for trustees on which decisions can be "
        "challenged.")
    got = answers(text, lex, nlp, settings, rules, labels={"4.12": 4, "7.11": 7},
                  rec_texts={"4.12": "Introduce risk-based triage of incoming reports.",
                             "7.11": "Agree with the tribunal users' group a short guide for trustees on which "
                                     "decisions can be challenged."})
    assert "7.11" not in got or not any("short guide for trustees" in s for s in got["7.11"][1])


def test_paragraphs_set_with_a_hanging_indent_are_answered_together_as_before(lex, nlp, settings, rules):
    """pdftotext -layout sets a paper's numbered paragraphs "4.    The Department should ..." with a wide
    gap after the number: no table's rows, so two quoted together share the answer under them."""
    text = ("Government Response to the Transport Committee report on rural bus services\n\nThe Committee's "
            "recommendations are set out below in bold, followed by the Government's response.\n\n"
            "4.    The Department should publish annual data on rural "
            "bus mileage by local\n      authority.\n\n5.    The Department should publish the formula it uses to "
            "allocate the rural\n      bus grant.\n\nWe accept both recommendations. The Department will publish both "
            "from April.\n\n6.    The Department should fund demand responsive transport pilots in ten\n      counties."
            "\n\nWe do not accept this recommendation.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert any("We accept both recommendations" in s for s in got["4"][1])


def test_word_paragraphs_numbered_with_a_tab_are_still_one_a_line():
    """Word text with no blank lines: "1.<tab>Scottish Water supplies ..." and "Response:<tab>Agreed in
    part." carry a tab, but they are a paragraph's number or label, not a table's row, so each line is
    still a paragraph of its own (before, the tabs kept the whole response one paragraph)."""
    from pipeline.text import line_paragraphs, split_lines, to_blocks

    long = "Scottish Water supplies around 1.4 billion litres of drinking water each day. " * 4
    text = (f"Scottish Water response to the Committee\nIntroduction\n1.\t{long}\nParagraph 38\n"
            f"The Committee recommends that Scottish Water publishes reservoir levels.\nResponse:\tAccepted.\n{long}\n")
    blocks = line_paragraphs(to_blocks(split_lines(text)))
    assert len(blocks) == 7


def test_recommendations_taken_together_and_named_nowhere_else_are_answered_after_that_sentence(
        lex, nlp, settings, rules):
    """"Your seventh and eighth recommendations are closely related, and I will take them together."."""
    thanks = "Thank you for the Committee's report on library services, which I read with interest."
    together = "Your seventh and eighth recommendations are closely related, and I will take them together."
    prose = reply(thanks, f"{together} From September every branch library will open on Saturday afternoons, and the "
                  "mobile library will add two evening stops in each of the market towns.", "I hope this is helpful.",
                  salutation="Dear Councillor Brannigan,", name="Ffion Lysaght")
    got = answers(prose, lex, nlp, settings, rules, labels={"7": 7, "8": 8}, rec_texts={})
    for lab in ("7", "8"):
        assert any("open on Saturday afternoons" in s for s in got.get(lab, ("", []))[1])
    # named again under their own numbers, the sentence only says where the answers are
    numbered = reply(thanks, together, "Recommendation 7", "From September every branch library will open on "
                     "Saturday afternoons.", "Recommendation 8",
                     "The mobile library will add two evening stops in each of the market towns.",
                     salutation="Dear Councillor Brannigan,", name="Ffion Lysaght")
    got = answers(numbered, lex, nlp, settings, rules, labels={"7": 7, "8": 8}, rec_texts={})
    assert got["7"][1] == ["From September every branch library will open on Saturday afternoons."]
    assert got["8"][1] == ["The mobile library will add two evening stops in each of the market towns."]


def test_pdf_prose_with_no_blank_lines_gives_each_recommendation_its_own_paragraph(lex, nlp, settings, rules):
    """pdftotext prose: "burden on local authorities." / "On your ...", "Finally, ...", "... and the" / "south-west"."""
    recs = {"1": "The Government should extend free school transport to every pupil who lives more than two miles "
                 "from school.",
            "2": "The Government should legislate to require councils to publish their school transport policies "
                 "each year.",
            "3": "The Government should fund a pilot of electric minibuses for rural schools."}
    blanked = " " * 62 + "\n\n  \n"  # the page's footnote and its number, masked as furniture
    text = ("Dear Ms Harrow,\n"
            "Thank you for your letter of 3 March enclosing the Committee's report on home to school\n"
            "travel. I have considered its three recommendations with care, and I set out the\n"
            "Government's position on each of them in this letter.\n"
            "The Committee asked us to extend free school transport to every pupil who lives more\n"
            "than two miles from school. We have looked closely at the cost of doing so, which we\n"
            "estimate at £310 million a year. I have concluded that we cannot accept it, as it would\n"
            "place a significant new burden on local authorities.\n"
            "On your call for legislation, councils are already required to publish their school\n"
            "transport policies. From September the statutory guidance will require them to do so\n"
            "by 31 May each year, so that parents can plan before the year begins. We will write to\n"
            "every council that misses the date and publish the names of those that do.\n"
            "Finally, I share the Committee's interest in cleaner vehicles for rural routes, and the\n"
            "Department will fund a pilot of electric minibuses for schools in the north-east and the\n"
            f"\n{blanked}"
            "\fsouth-west. It will run for three years from the spring term of 2028, and its results\n"
            "will be published.\n"
            "Yours sincerely,\n"
            "Owen Pritchard MP\n")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    said = {lab: " ".join(" ".join(s.split()) for s in spans) for lab, (_, spans) in got.items()}
    assert "we cannot accept it" in said["1"] and "legislation" not in said["1"]
    assert "publish the names of those that do" in said["2"] and "minibuses" not in said["2"]
    assert "spring term of 2028" in said["3"] and "cannot accept" not in said["3"]


def test_a_reply_to_the_first_four_recommendations_says_which_it_answers_and_its_titles_answer_them(
        lex, nlp, settings, rules):
    """"I am responding on behalf of the Ministry of Justice to the first four recommendations; my colleague ..."."""
    recs = {"1": "The Ministry should double the number of registered court interpreters by 2030.",
            "2": "The Ministry should publish the waiting times for family court hearings in each region.",
            "3": "The Ministry should fund legal advice for every parent in care proceedings.",
            "4": "The Ministry should end the use of video links for vulnerable witnesses in the youth court.",
            "5": "The Department should fund a family hub in every local authority.",
            "6": "The Department should extend free childcare to kinship carers."}
    paragraphs = {
        "1": "We have recruited 140 new registered interpreters this year and will recruit a further 200 by 2029.",
        "2": "Since January we have published the waiting time for a first family court hearing in each region every "
             "quarter, on the Ministry's website.",
        "3": "Every parent in care proceedings is already entitled to non-means-tested legal aid, so no further "
             "funding is needed.",
        "4": "Vulnerable witnesses in the youth court may now ask to give evidence in person, and most do."}
    text = reply("Thank you for the Committee's report on the family justice system.",
                 "I am responding on behalf of the Ministry of Justice to the first four recommendations; my colleague "
                 "the Minister for Children will respond separately on those addressed to the Department for "
                 "Education.",
                 "Court interpreters", paragraphs["1"], "Waiting times for family hearings", paragraphs["2"],
                 "Legal advice for parents", paragraphs["3"], "Video links", paragraphs["4"],
                 salutation="Dear Sir Robert,", name="Imogen Thwaite MP")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    assert {lab: spans for lab, (_, spans) in got.items()} == {lab: [p] for lab, p in paragraphs.items()}


def test_a_title_with_a_relative_clause_over_its_paragraph_answers_by_topic(lex, nlp, settings, rules):
    """"Calls that are not answered" over a paragraph, in a block with no blank lines: a topic title, not a sentence."""
    recs = {"1": "The Trust should make sure that calls from relatives to the ward at night are answered.",
            "2": "The Trust should review the staffing of its wards overnight.",
            "3": "The Trust should share care plans with the out-of-hours service."}
    calls = ("Calls to the ward at night now divert to the site manager's phone after six rings, and every call that "
             "goes unanswered is logged and reviewed the next morning.")
    nights = "A second registered nurse has been rostered on the unit every night since March."
    plans = "The out-of-hours service has had read access to our care plans since 1 May."
    text = reply("Thank you for your report following the inquest into the death of Mrs Ruby Calder.",
                 f"Calls that are not answered\n{calls}", f"Night staffing\n{nights}", f"Sharing care plans\n{plans}",
                 salutation="Dear Mr Haldane,", name="Dr Sunita Varley")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    assert {lab: spans for lab, (_, spans) in got.items()} == {"1": [calls], "2": [nights], "3": [plans]}


def test_a_restatement_over_its_answer_s_label_is_answered_by_what_follows_the_label(lex, nlp, settings, rules):
    """"The fifth recommendation asks the Authority to publish ..." / "Authority response" / the answer: the answer
    is what follows the label, not the restatement."""
    recs = {"1": "The Authority should publish its bus punctuality figures every month.",
            "2": "The Authority should pilot demand-responsive minibuses on rural routes."}
    first = "Monthly figures have been published on our website since April, route by route."
    second = ("Six minibuses will run on routes around Kilmarne from September, and the pilot will be evaluated "
              "after a year.")
    more = (" The Authority has also agreed with the three operators concerned how the service will be "
            "promoted to residents, including through community councils, schools and the health centre, and how "
            "bookings will be taken by telephone as well as online.")
    text = "\n".join([
        "Dear Convener,", "Thank you for the Committee's report on rural transport, which the Authority's board "
        "considered at its meeting in June. The Authority welcomes the Committee's interest in rural services and "
        "sets out its response to each of the recommendations below, under the headings the report used.",
        "Theme\tRecommendation\tLead", "Punctuality\tFirst\tAuthority", "Rural routes\tSecond\tAuthority",
        "Punctuality",
        "The first recommendation asks the Authority to publish its bus punctuality figures every month.",
        "Authority response", first + more,
        "Rural routes",
        "The second recommendation is that the Authority should pilot demand-responsive minibuses on rural routes.",
        "Authority response", second + more,
        "Transport Authority for the Western Isles"]) + "\n"
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in recs}, rec_texts=recs)
    said = {lab: " ".join(spans) for lab, (_, spans) in got.items()}
    assert "every month" not in said["2"] and "pilot demand-responsive" not in said["2"]
    assert "Six minibuses will run" in said["2"] and "Monthly figures" in said["1"]


def test_a_paragraph_s_last_sentence_about_another_recommendation_is_that_one_s_answer(
        lex, nlp, settings, rules):
    """"... any changes will be published once that consultation has concluded. I have noted what you say about
    the national training programme for custody staff ...": the last sentence answers the second concern."""
    recs = {"1": "The guidance on detention says officers should consider a hospital assessment where drug "
                 "swallowing is suspected, but does not require one.",
            "2": "The national training programme for custody staff contains no practical training in rousing checks."}
    text = reply(
        "Thank you for your report of 9 October, which raises two matters for the Academy. I offer my condolences "
        "to the family of Mr Dunmore.",
        "The detention guidance is being reviewed with custody practitioners and healthcare providers. The group "
        "will consider the wording on suspected drug swallowing, including whether a hospital assessment should "
        "be required. We expect to consult on revised guidance in the autumn, and any changes will be published "
        "once that consultation has concluded. I have noted what you say about the national training programme "
        "for custody staff, and I have passed your report to the Academy's curriculum team. I hope this response "
        "is of assistance. If I can be of further help, please contact my office.",
        salutation="Dear Mr Orchardson,", name="Dr Petra Lindqvist")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    said = {lab: " ".join(" ".join(s.split()) for s in spans) for lab, (_, spans) in got.items()}
    assert "national training programme" in said["2"] and "national training programme" not in said["1"]
    assert "consult on revised guidance" in said["1"]


def test_recommendations_quoted_in_one_blockquote_share_the_answer_under_it(lex, nlp, settings, rules):
    """Pandoc's blockquote that quotes two recommendations, a "> " line between them, over one answer:
    both share it (before, the quoted blank line did not part them, the second was never anchored and
    had no answer)."""
    text = reply("Thank you for the review.", "### Regional estimates",
                 "> **Recommendation 2a:** ONS should bring forward the first publication of\n"
                 "> regional GVA estimates.\n>\n"
                 "> **Recommendation 2b:** ONS should publish an experimental quarterly\n> estimate of GVA for each area.",
                 "Accepted. We will consider both once the business survey redevelopment is complete.",
                 "### Small-area earnings",
                 "> **Recommendation 3:** ONS should increase the sample size of the earnings survey.",
                 "We will not be increasing the sample size.")
    got = answers(text, lex, nlp, settings, rules)
    assert got["2a"][1] == got["2b"][1]
    assert got["2b"][1][0].startswith("Accepted.")


def test_parts_named_in_turn_by_their_numbers_alone_take_their_own_paragraphs(lex, nlp, settings, rules):
    """Two parts quoted together, then "On 4(a), we will ..." and "On 4(b), ...": each takes the paragraph
    that names it (before, "4(a)" and a bare part number named nothing, and each took both)."""
    text = reply("Thank you for the review.",
                 "> **Recommendation 4(a):** ONS should publish a single release calendar.\n>\n"
                 "> **Recommendation 4(b):** ONS should produce all statistics on a consistent set of geographies.",
                 "On 4(a), we will publish a dedicated release calendar from July 2025.",
                 "On 4(b), our regional accounts already use the current boundaries, and we are not able to commit "
                 "to producing the other outputs on them.")
    got = answers(text, lex, nlp, settings, rules)
    assert [s[:8] for s in got["4(a)"][1]] == ["On 4(a),"]
    assert [s[:8] for s in got["4(b)"][1]] == ["On 4(b),"]


def test_a_reply_s_answers_end_above_the_message_it_quotes(lex):
    """The guard (review): an e-mail reply signed "Best wishes," over the message it quotes, set off by ">",
    which signs off "> Regards,": the reply answers above the quote, not in it (before, the quote's sign-off
    ended the reply and a quoted recommendation was read as the reply's answer, accepted)."""
    text = ("Oversight Unit\n1 Westfield Avenue\nLondon E20 1HZ\n\n4 February 2026\n\nDear Ms Hart,\n\n"
            "We recommend that:\n\n1. The Association should clear its complaints backlog.\n\n"
            "2. The Association should publish its monitoring outcomes.\n\nYours sincerely,\n\nRuth Ames\n"
            "Head of Oversight\n\n\fFrom: Hart, Jo <jo.hart@example-association.org>\nSent: 9 April 2026 11:07\n"
            "To: Ames, Ruth <ruth.ames@example.gov.uk>\nSubject: RE: Monitoring review\n\nDear Ruth,\n\n"
            "1 - Backlog: we have cleared it.\n\n2 - Outcomes: the Board noted this recommendation.\n\n"
            "Best wishes,\nJo Hart\nChief Executive\n\n"
            "> From: Ames, Ruth <ruth.ames@example.gov.uk>\n> Sent: 04 February 2026 10:00\n> Subject: Monitoring review\n"
            ">\n> Dear Ms Hart,\n>\n> 2. The Association should publish its monitoring outcomes.\n>\n> Regards,\n>\n"
            "> Ruth Ames\n")
    segs = segment(text, lex)
    lo, hi = body_range(text, segs[-1])
    assert "the Board noted" in text[lo:hi] and "> From:" not in text[lo:hi]


_BOARD_RECS = {"1": "The Board should review its membership so that education and health are represented.",
               "2": "Assessments should be completed within 20 working days of the start of an order.",
               "3": "The Board should commission an analysis of the over-representation of Black children on remand.",
               "4": "The Board should secure a dedicated speech and language therapist for the service.",
               "5": "The service should move its office out of the police station."}


def test_plain_titles_head_the_answers_a_numbered_heading_does_not_name(lex, nlp, settings, rules):
    """A Word reply heading its answers in plain lines ("Board membership", "Timeliness of assessments",
    "Speech and language therapy") and its last by number ("Recommendation 5"): each title answers the one
    its words name (before, only Markdown titles did, and every answer above the number was the reply's
    first paragraph)."""
    text = reply("Thank you for your letter of 24 June 2025 and for the review.",
                 "Board membership", "The Board has revised its terms of reference and they were approved in August.",
                 "Timeliness of assessments", "Every assessment is now allocated on the day the order is made.",
                 "Speech and language therapy", "The Board will consider a bid for a therapist in the 2026 budget.",
                 "Recommendation 5", "There are no plans to move the office.", salutation="Dear Dr Pettifer,")
    got = answers(text, lex, nlp, settings, rules, labels={k: int(k) for k in _BOARD_RECS}, rec_texts=_BOARD_RECS)
    assert got["1"][1] == ["The Board has revised its terms of reference and they were approved in August."]
    assert got["2"][1] == ["Every assessment is now allocated on the day the order is made."]
    assert got["4"][1] == ["The Board will consider a bid for a therapist in the 2026 budget."]
    assert "3" not in got


def test_the_paper_s_conclusion_ends_the_last_answer_over_its_own_numbered_paragraph(lex, nlp, settings, rules):
    """pdftotext leaves no blank line between "Conclusion" and the paper's "10. The Government is grateful
    ...": the last recommendation quoted, which the paper does not answer, has no answer (before, the
    conclusion was its answer)."""
    text = ("\fGovernment Response to the Committee's Report\n\nRecommendation 1\n"
            "The Government should publish a consolidated guide to classification. (Paragraph 21)\n"
            "1. We will publish a consolidated guide by 31 January 2026.\n\nRecommendation 2\n"
            "The Government should set a target date for all areas to reach Class A. (Paragraph 60)\n\n"
            "Conclusion\n10. The Government is grateful to the Committee for its work. We will continue to engage\n"
            "with the sector through the industry forum.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "1" in got
    assert not any("grateful" in " ".join(said) for _, said in got.values())


def test_a_markdown_title_under_the_last_quoted_recommendation_answers_nothing(lex, nlp, settings, rules):
    """A web page quoting the review's recommendations in a blockquote, then "## Triage and early
    resolution" over its answers under headings of their own: the title is no answer to the last one
    quoted (before, it was R2's answer, read as accepted)."""
    text = ("\f# Our response to the independent review\n\n"
            "The review made two recommendations.\n\n"
            "> **R1** The ICO should publish the criteria it uses to decide whether to investigate.\n>\n"
            "> **R2** The ICO should publish an annual report on complaint outcomes by sector.\n\n"
            "## Triage and early resolution\n\n### Our decision criteria (R1)\n\n"
            "On 28 April 2025 we published our triage criteria alongside our complaints guidance.\n\n"
            "## Next steps\n\nWe will publish an update on progress in our annual report.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "R1" in got and "R2" not in got


def test_a_sentence_saying_which_concerns_the_report_gives_the_body_answers_none(lex, nlp, settings, rules):
    """"Your report identifies concerns 1, 2 and 5 as matters on which the council has power to act." says
    whose they are; concern 5, answered nowhere under its own heading, has no answer (before, that sentence
    was read as 5's answer, accepted)."""
    text = reply("Thank you for your report of 5 May 2025.",
                 "Your report identifies concerns 1, 2 and 5 as matters on which the council has power to act. "
                 "I set out our response to each in turn below.",
                 "Concern 1\tPosition of the crossing times",
                 "A second crossing-times board will be erected by 31 August 2025.",
                 "Concern 2\tAbsence of a barrier",
                 "The council will consult on a barrier and report to Cabinet in the autumn.",
                 salutation="Dear Ms Lowther-Bain,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "5": 5}, rec_texts={})
    assert "1" in got and "2" in got and "5" not in got


def test_a_sentence_saying_what_was_done_on_a_date_is_answer_not_quote(lex, nlp, settings, rules):
    """"Call recording was installed on the helpline on 1 August 2027." repeats the concern's words, but
    says what was done and when: part of the answer (before, it was dropped as a restatement)."""
    recs = {"1": "The helpline should be staffed by a dedicated nurse at night.",
            "2": "Call recording should be installed on the helpline in August, and calls audited monthly."}
    text = reply("Thank you for your report.", "### Concern 1", "A business case for a night nurse is being prepared.",
                 "### Recording and audit of helpline calls",
                 "Agreed. Call recording was installed on the helpline on 1 August 2027. An audit of calls is "
                 "planned but has not yet started.", salutation="Dear Mr Ashby-Crane,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=recs)
    assert "Call recording was installed on the helpline on 1 August 2027." in got["2"][1]


def test_an_opening_of_courtesies_alone_answers_no_concern_before_the_first_number(lex, nlp, settings, rules):
    """"I am writing on behalf of ... in response to the Regulation 28 Report ... I would like to begin by
    offering my condolences ..." over "Concerns 4 and 5": concern 3, sent to the body but answered nowhere,
    has no answer (before, the opening was read as its answer, noted)."""
    text = reply("I am writing on behalf of Meridian Custodial Health Ltd in response to the Regulation 28 Report "
                 "dated 19 August 2025. I would like to begin by offering my condolences to Mr Mekonnen's family.",
                 "Concerns 4 and 5 (mental health cover and interpreting)",
                 "The commissioners are reviewing the specification and any change to night cover would follow "
                 "from that review.", salutation="Dear Senior Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"3": 3, "4": 4, "5": 5}, rec_texts={})
    assert "3" not in got and "4" in got and "5" in got


def test_a_sentence_of_both_matters_is_each_one_s_in_a_grouped_answer(lex, nlp, settings, rules):
    """Under "Concerns 4 and 5", the answer's sentences go to the concern each is about, but "both matters
    will be considered as part of their review" is both's (before, it went to the one the sentence before
    it was about)."""
    recs = {"4": "There is no mental health nurse on site at Fenmoor at night or at weekends.",
            "5": "Mental health assessments of detainees who do not speak English are conducted through telephone "
                 "interpreters only, and the mental health nurse told me that this made it difficult to assess risk."}
    both = ("We have shared your report with the commissioners, who have confirmed that both matters will be "
            "considered as part of their review of the healthcare specification, which is now under way.")
    text = reply("Thank you for your report.", "Concerns 4 and 5 (mental health cover and interpreting)",
                 "Meridian provides healthcare at Fenmoor under a contract commissioned by NHS England. The contract "
                 "specification sets the hours of mental health nursing cover and the interpreting arrangements. "
                 + both + " Any change to night and weekend cover, or to the use of face-to-face interpreters, would "
                 "follow from that review.", salutation="Dear Senior Coroner,")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=recs)
    assert both in got["4"][1] and both in got["5"][1]


def test_a_table_of_two_columns_rec_and_response_answers_each_r_numbered_row(lex, nlp, settings, rules):
    """"Rec | Our response" over "R1 | We will publish ...": the cell beside the label is the answer to R1,
    not R1 quoted (before, the rows were read as quotes, labelled 1 to 4, and answered nothing). A file that
    labels its recommendations "R1" keeps the letter; a reply's "R1" rows over a coroner's concerns do not."""
    text = reply("Thank you for your review and its recommendations.", "Rec | Our response\n"
                 "R1  | We will publish call-back times on our website every month from October.\n"
                 "R2  | We will not commission a walk-in base. Demand does not support it.",
                 salutation="Dear Ms Okafor,")
    got = answers(text, lex, nlp, settings, rules, labels={"R1": 1, "R2": 2}, rec_texts={})
    assert "We will publish call-back times on our website every month from October." in " ".join(got["R1"][1])
    assert "Demand does not support it." in " ".join(got["R2"][1])


def test_an_opening_with_its_subject_line_answers_no_concern_it_skips(lex, nlp, settings, rules):
    """The subject line ("Regulation 28 Report: Mrs Joan Whitley"), thanks, condolences and "Our response to
    your concerns is set out below." before the first numbered answer: none of it answers the concern the
    reply skips (before, the subject line and the thanks were its answer, noted)."""
    text = reply("Regulation 28 Report: Mrs Joan Whitley",
                 "Thank you for your Regulation 28 report dated 23 January 2024. I would like to offer the Trust's "
                 "sincere condolences to Mrs Whitley's family. Our response to your concerns is set out below.",
                 "Concern 2", "Call handlers now call back every patient who has fallen within 30 minutes.",
                 salutation="Dear Mrs Hutton,")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts={})
    assert "1" not in got and "2" in got


def _answered_in_the_letter(*quotes_and_answers: str) -> str:
    """An operator's e-mail that answers in the body of the letter it quotes: its note, signed, then each
    quote set off by ">" with what is typed under it."""
    return ("Dear Commissioner,\n\nThank you for your letter of 2 April. I have answered each of the "
            "recommendations addressed to us below, in the body of your letter.\n\nKind regards,\nRosa Nkem\n\n"
            + "".join(quotes_and_answers))


def test_the_company_footer_under_an_e_mail_s_last_quoted_recommendation_answers_nothing(lex, nlp, settings, rules):
    """An operator answering in the body of the letter it quotes leaves the last quoted recommendation
    with nothing under it but its registration footer ("Citylink Buses Ltd, Depot Road, Harnford HF4 7BS.
    Registered in England No. 04417730."): unanswered (before, the footer was its answer)."""
    text = _answered_in_the_letter(
            "> 6.4 The operator should register revised timetables for routes 12 and 14.\n\n"
            "Revised registrations were submitted on 22 May 2025 and take effect from 20 July 2025.\n\n"
            "> 6.5 The operator should publish its punctuality performance monthly.\n\n"
            "Noted.\n\n"
            "> 6.6 The council and the operator should establish a joint punctuality group.\n\n"
            "Citylink Buses Ltd, Depot Road, Harnford HF4 7BS. Registered in England No. 04417730.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "6.4" in got and "6.5" in got
    assert not any("Registered" in s for s in got.get("6.6", ("", []))[1])


def test_the_context_a_reply_sets_out_before_turning_to_the_recommendations_answers_none(lex, nlp, settings, rules):
    """"Before turning to the Committee's recommendations, I want to set out the wider context. ... village
    shops and post offices ...", then answers under titles of its own that skip the rates relief
    recommendation: that one is not answered by the context's words (before, it took them by subject)."""
    text = reply(
        "Thank you for your letter of 3 October setting out the Committee's recommendations.",
        "Before turning to the Committee's recommendations, I want to set out the wider context. Our rural "
        "action plan commits us to supporting the services, such as village shops and post offices, that keep "
        "rural communities viable, including through business rates relief.",
        "Business support", "Business Wales will launch a dedicated advice service for community shops from "
        "1 April 2026.",
        "Volunteers", "Accredited training for volunteers can already be funded through the Volunteering Grants "
        "scheme.")
    recs = {"1": "Business Wales should offer a dedicated advice service for community shops.",
            "2": "The Government should extend small business rates relief to all community shops that host a "
                 "post office counter.",
            "3": "The Government should fund accredited training for community shop volunteers."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=recs)
    assert "1" in got and "3" in got
    assert "2" not in got or not any("rates relief" in s for s in got["2"][1])


def test_a_footer_wrapped_with_its_office_and_notice_under_the_last_quote_answers_nothing(lex, nlp, settings, rules):
    """The same footer wrapped over lines with its registered office and a confidentiality notice ("Kestrel
    Buses Ltd. Registered in England No. 05512874. Registered office:" / "Unit 3, ... FA2 7QQ." / "This
    e-mail ... is confidential ..."): still no answer (review)."""
    text = _answered_in_the_letter(
            "> 6.4 The operator should restore the evening service on route 42.\n\n"
            "The evening service will be restored from 2 June 2026.\n\n"
            "> 6.5 The operator should publish its punctuality performance monthly.\n\n"
            "Noted.\n\n"
            "> 6.6 The operator should consult parish councils before any timetable change.\n\n"
            "Kestrel Buses Ltd. Registered in England No. 05512874. Registered office:\nUnit 3, Moorside Depot, "
            "Holme Road, Farnley FA2 7QQ.\nThis e-mail and any attachments are confidential and intended only "
            "for the addressee.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "6.4" in got and "6.5" in got
    assert not any("Registered" in s for s in got.get("6.6", ("", []))[1])


def test_an_annex_restating_the_recommendations_answers_none_and_leaves_the_skipped_one_unanswered(
        lex, nlp, settings, rules):
    """A licensing authority's response paper answers recommendations 1 to 3 under their headings, then
    "Annex A: Recommendations of the Independent Review" lists all four again, "1.    The Authority should
    ...", one paragraph each. The annex answers nothing (the last answer ends above its title), and
    recommendation 4, never answered, stays so (before, the item's "4." read as a sentence's end, the list
    was no restatement, and 4's "answer" ran on into Annex B)."""
    recs = ["The Authority should publish its inspection reports within eight weeks of each visit.",
            "The Authority should give licence holders a named contact for each inspection.",
            "The Authority should review its fees for small establishments every three years.",
            "The Authority should require every establishment to report near misses to it within a week."]
    text = ("Response of the Tissue Licensing Authority to the Independent Review of Inspections\n\n"
            "Recommendation 1\n\nAccepted. Reports are now published within six weeks of each visit.\n\n"
            "Recommendation 2\n\nAccepted. Every licence holder was given a named contact in March 2026.\n\n"
            "Recommendation 3\n\nAccepted in part. Fees will be reviewed in 2027 and then every five years.\n\n"
            "Annex A: Recommendations of the Independent Review\n\n"
            + "".join(f"{n}.    {r}\n\n" for n, r in enumerate(recs, 1))
            + "Annex B: Members of the review panel\n\nProfessor Ann Morley (chair) and Dr Tomas Reyes.\n")
    got = answers(text, lex, nlp, settings, rules, labels={str(n): n for n in range(1, 5)},
                  rec_texts={str(n): r for n, r in enumerate(recs, 1)})
    assert sorted(got) == ["1", "2", "3"]
    assert got["3"][1] == ["Accepted in part.", "Fees will be reviewed in 2027 and then every five years."]


def test_bare_recommendation_blocks_are_matched_by_the_topics_the_reply_names_them_by(lex, nlp, settings, rules):
    """NRW's reply to a committee report not in the file: "The report made three recommendations to NRW:
    recommendation 4, on water safety signage ...; recommendation 6, on ...; and recommendation 7, on ...",
    then a bare "Recommendation:" over the recommendation's words, unquoted, and "Our response:" for two of
    them. Each answer is its recommendation's by the topic the reply gave it, and 6 is unanswered (before,
    the naming sentence was taken for every answer)."""
    text = reply(
        "Thank you for sending the Committee's report on inland water safety.",
        "The report made three recommendations to NRW: recommendation 4, on water safety signage at sites we "
        "manage; recommendation 6, on sharing incident information with partners; and recommendation 7, on "
        "training for volunteer wardens. I set out our response to the first and last below.",
        "Recommendation:\nReplace faded water safety signage at every reservoir and lake that the body manages.",
        "Our response:\nAccepted. New signs were installed at all forty sites by the end of May.",
        "Recommendation:\nOffer accredited water safety training to every volunteer warden.",
        "Our response:\nAccepted. The first course for volunteer wardens ran in September.",
        salutation="Dear Chair,", name="Ceri Vaughan")
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "6": 6, "7": 7},
                  rec_texts={"4": None, "6": None, "7": None})
    assert sorted(got) == ["4", "7"]
    assert "New signs were installed at all forty sites by the end of May." in got["4"][1]
    assert "The first course for volunteer wardens ran in September." in got["7"][1]


def test_a_count_of_the_recommendations_and_their_labels_answers_none(lex, nlp, settings, rules):
    """A council's response paper says "The review made eight recommendations, labelled R1 to R8." and answers R1
    to R6 and R8 under their labels. R7, which it never takes up, has no answer (before, the count was its answer,
    and the recommendation read as taken up rather than not addressed)."""
    said = {1: "Accepted. Opening hours at the branch libraries were restored in April.",
            2: "Accepted. A mobile library now visits the six largest villages each week.",
            3: "Accepted. Every library has had free wifi since May.",
            4: "Accepted in part. Sunday opening will be trialled at the central library only.",
            5: "Accepted. The volunteer handbook was published in June.",
            6: "Not accepted. The council cannot fund a second archive post.",
            8: "Accepted. Usage figures will be published every quarter from October."}
    text = ("Kernow Libraries: response to the Independent Review of the Library Service\n\n"
            "The review made eight recommendations, labelled R1 to R8.\n\n"
            + "".join(f"R{n}\n\n{answer}\n\n" for n, answer in said.items()))
    got = answers(text, lex, nlp, settings, rules, labels={f"R{n}": n for n in range(1, 9)}, rec_texts={})
    assert sorted(got) == [f"R{n}" for n in (1, 2, 3, 4, 5, 6, 8)]
    assert got["R8"][1] == ["Accepted.", "Usage figures will be published every quarter from October."]


def test_the_title_of_a_list_restated_after_the_answers_is_no_part_of_the_last_answer(lex, nlp, settings, rules):
    """A health board answers recommendations 1 to 3 under their headings, then lists them again under "Annex A:
    Recommendations of the Review". The annex's title line ends the last answer with the list (before, it was
    the last sentence of the answer to 3)."""
    recs = {"1": "The Board should offer every patient a written discharge plan before they leave hospital.",
            "2": "The Board should report delayed discharges to its public meeting every quarter.",
            "3": "The Board should appoint a discharge lead in each of its three hospitals."}
    text = ("Response of Glanmorfa Health Board to the Review of Hospital Discharge\n\n"
            "Recommendation 1\n\nAccepted. Written discharge plans have been given to every patient since January.\n\n"
            "Recommendation 2\n\nAccepted. The first quarterly figures went to the Board in March.\n\n"
            "Recommendation 3\n\nAccepted. Discharge leads started work at all three hospitals in April.\n\n"
            "Annex A: Recommendations of the Review\n\n" + "".join(f"{n}.    {r}\n\n" for n, r in recs.items()))
    got = answers(text, lex, nlp, settings, rules, labels={n: int(n) for n in recs}, rec_texts=recs)
    assert got["3"][1] == ["Accepted.", "Discharge leads started work at all three hospitals in April."]


def test_quotes_under_their_own_grouped_heading_are_answered_by_the_prose_after_them(lex, nlp, settings, rules):
    """A command paper heads three answers together, "Recommendations 7, 8 and 9: Endoscopy", over the quotes "7.
    ...", "8. ...", "9. ..." and then the prose that answers them. The quotes are the heading's, no list restated
    after the answers, and the prose answers all three (before, only 7 was answered, by its subject)."""
    recs = {"6": "The Department should publish imaging waiting times each month.",
            "7": "The number of endoscopy lists run at weekends should be doubled.",
            "8": "The Department should fund a second endoscopy suite at each district hospital.",
            "9": "The Department should train more nurse endoscopists."}
    prose = ("Weekend endoscopy lists doubled in the spring, funding for second suites was announced in March, and "
             "two hundred nurses began endoscopy training in May.")
    text = ("Government Response to the Health Committee Report on Diagnostic Waiting Times\n\n"
            f"Recommendation 6: Imaging\n\n6.    {recs['6']}\n\n"
            "The Government agrees. Monthly imaging figures have been published since January 2026.\n\n"
            "Recommendations 7, 8 and 9: Endoscopy\n\n" + "".join(f"{n}.    {recs[n]}\n\n" for n in "789")
            + f"The Government accepts these recommendations. {prose}\n")
    got = answers(text, lex, nlp, settings, rules, labels={n: int(n) for n in recs}, rec_texts=recs)
    assert all(prose in got[n][1] for n in "789")


_APPEALS_PAGE = ("# Government response to the Review of Planning Appeals\n\nPublished 3 June 2025\n\n"
                 "Foreword\nSpeed of appeals\nResourcing\nTransparency\nNext steps\n\n"
                 "Foreword\nThe Government welcomes the review and thanks the panel for its work.\n\n"
                 "Speed of appeals\n"
                 "Recommendation 4: The Inspectorate should decide every written appeal within 16 weeks.\n"
                 "We accept this recommendation. Median decision times fell to 14 weeks in March.\n\n"
                 "Resourcing\n"
                 "The Inspectorate will recruit forty more inspectors this year and train them by the spring.\n\n"
                 "Transparency\n"
                 "Every appeal decision will carry a short plain English summary from September.\n\n"
                 "Next steps\nWe will report on progress to Parliament in a year.\n\n"
                 "Annex A: list of the review's recommendations\n\n"
                 "4\tDecide every written appeal within 16 weeks.\n\n"
                 "5\tMake published appeal decisions easier to follow with a plain English summary of each.\n")


def test_a_web_page_s_contents_titles_end_each_answer_and_answer_by_topic(lex, nlp, settings, rules):
    """A GOV.UK page (html2text, no blank line under a title) lists its sections ("Foreword" / "Speed of appeals"
    / "Resourcing" / ...) and sets each again over its section: the quoted recommendation 4's answer stops at
    the next title (before, it ran on through "Resourcing" and "Transparency"), and 5, listed only in the
    annex, is answered by the section whose words it shares."""
    text = _APPEALS_PAGE
    got = answers(text, lex, nlp, settings, rules)
    assert got["4"][1] == ["We accept this recommendation.", "Median decision times fell to 14 weeks in March."]
    recs = {"4": "The Inspectorate should decide every written appeal within 16 weeks.",
            "5": "Make published appeal decisions easier to follow with a plain English summary of each."}
    got = answers(text, lex, nlp, settings, rules, labels={"4": 4, "5": 5}, rec_texts=recs)
    assert got["4"][1] == ["We accept this recommendation.", "Median decision times fell to 14 weeks in March."]
    assert got["5"] == ("topic", ["Every appeal decision will carry a short plain English summary from September."])
    from pipeline.stages.answers import contents_titles

    assert {"resourcing", "transparency", "next steps"} <= contents_titles(text, 0, len(text))


def test_a_form_s_labels_repeated_over_every_answer_are_no_contents_list():
    """An HMPPS action plan repeats "Agreed / Partly agreed / Not agreed", "Agreed" and "HMPPS response and
    action" over each answer: labels, not a contents list's titles, which name each section once, in order
    (the first reading took them for one and cut every answer at them)."""
    from pipeline.stages.answers import contents_titles

    items = [("The prison should answer cell bells within five minutes.", "Cell bell times are now checked daily."),
             ("The prison should reopen the library every weekday.", "The library opened on weekdays from May."),
             ("The prison should offer work to every prisoner.", "Forty new workshop places opened in June.")]
    text = "HMPPS action plan\n\n" + "\n".join(
        f"Recommendation {n}\n{rec}\nAgreed / Partly agreed / Not agreed\nAgreed\nHMPPS response and action\n{ans}\n"
        for n, (rec, ans) in enumerate(items, 1))
    assert contents_titles(text, 0, len(text)) == set()


def test_a_conclusion_under_the_last_quote_in_raw_pdf_text_answers_nothing(lex, nlp, settings, rules):
    """pdftotext's raw text leaves no blank lines: "8. The Board should review ... (Paragraph 60)" / "Conclusion"
    / "The Board is grateful ...". The paper does not answer 8, and the conclusion is no answer to it (before,
    it was, and 8 read as answered)."""
    text = ("Government Response to the Committee's Report on Port Health\n"
            "Recommendation 7\n"
            "7. The Board should publish its inspection results for each port every year. (Paragraph 52)\n"
            "The Board accepts this recommendation. Results for 2024 were published in March.\n"
            "Recommendation 8\n"
            "8. The Board should review the charges it makes to small ports. (Paragraph 60)\n"
            "Conclusion\n"
            "The Board is grateful to the Committee for its report and will keep it informed of progress.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "7" in got and "8" not in got


def test_other_matters_raised_in_the_report_is_the_paper_s_own_section(lex, nlp, settings, rules):
    """A reply answers recommendation 1 and passes over 2, then turns to "Other matters raised in the report":
    that section is the reply's own, no answer to 2 (before, only "Other matters" alone was such a title)."""
    text = reply("Thank you for the Committee's report on river bathing waters.",
                 "Recommendation 1", "The Agency should test bathing waters weekly from May to September.",
                 "We accept this recommendation. Weekly testing began on 1 May.",
                 "Recommendation 2", "The Agency should publish its test results within two days.",
                 "Other matters raised in the report",
                 "The Committee also asked about funding for volunteer groups. We have written to the groups.")
    got = answers(text, lex, nlp, settings, rules)
    assert "1" in got and "2" not in got


def _stances(tmp_path, settings, nlp, text: str) -> dict[str, str]:
    """Each recommendation's stance where ``text`` is the only file of a corpus run."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    return {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}


def test_an_r_labelled_list_of_imperatives_under_its_lead_in_is_no_answer_to_itself(tmp_path, settings, nlp):
    """A government response as a web page lists the review's recommendations under "The review made the
    following recommendations:" as "* **R1** Publish ...", imperatives with no "should", then answers R1 to R3
    under "### Recommendation R1: ..." headings. R4, never answered, is not addressed (before, its own list line
    was read as its answer)."""
    page = ("# Government response to the Independent Review of Village Libraries\n\n"
            "Published 12 March 2026\n\n## Introduction\n\n"
            "The review made the following recommendations:\n\n"
            "* **R1** Publish a standard for opening hours in every village library.\n"
            "* **R2** Fund a mobile library for each rural district.\n"
            "* **R3** Train volunteers to help residents use digital services.\n"
            "* **R4** Establish a national fund for library building repairs.\n\n"
            "We set out our response to each below.\n\n"
            "### Recommendation R1: opening hours\n\n"
            "We accept this recommendation. The standard will be published in June 2026.\n\n"
            "### Recommendation R2: mobile libraries\n\n"
            "We accept this recommendation and will fund twelve new vehicles.\n\n"
            "### Recommendation R3: digital help\n\n"
            "We do not accept this recommendation, as councils already run digital skills courses.\n")
    got = _stances(tmp_path, settings, nlp, page)
    assert sorted(got) == ["R1", "R2", "R3", "R4"]
    assert [lab for lab, stance in sorted(got.items()) if stance == "not_addressed"] == ["R4"]


def test_items_a_quoted_list_skips_are_not_addressed_by_their_own_words_or_the_next_title(tmp_path, settings, nlp):
    """A response page copied from a browser (no markdown) lists "1. Establish ..." to "5. Review ...", then
    answers under topic titles, each over "Recommendation: <its words>" / "Response: ...", only 1 and 3. The
    others are not addressed (before, each skipped one took the title over the first quote, "Booking and
    support", as its answer, the last one straight from the list above it)."""
    page = ("Response to the review of patient transport in Kellmoor\n\nPublished 2 April 2026\n\n"
            "The review made five recommendations:\n\n"
            "1. Establish a single booking line for patient transport across the county.\n\n"
            "2. Increase the mileage allowance paid to volunteer drivers.\n\n"
            "3. Publish monthly figures on journeys that arrive late.\n\n"
            "4. Offer a return journey to every patient discharged after 8pm.\n\n"
            "5. Review the eligibility criteria every two years.\n\n"
            "Booking and support\n\n"
            "Recommendation: Establish a single booking line for patient transport across the county.\n\n"
            "Response: The single booking line opened on 1 March 2026.\n\n"
            "Performance\n\n"
            "Recommendation: Publish monthly figures on journeys that arrive late.\n\n"
            "Response: Figures are published on the board's website each month.\n")
    got = _stances(tmp_path, settings, nlp, page)
    assert sorted(got) == ["1", "2", "3", "4", "5"]
    assert [lab for lab, stance in sorted(got.items()) if stance == "not_addressed"] == ["2", "4", "5"]


def test_a_quote_with_nothing_under_it_takes_the_next_answer_over_the_opening_s_mention(tmp_path, settings, nlp):
    """A command paper as pdftotext gives it wraps its opening paragraph so that "Recommendations 4 and 5
    are answered together." opens a line, then quotes recommendation 4 with nothing under it and answers it
    with 5. Both are refused (before, 4 took the opening's sentence and the titles under it, read as noted);
    an earlier answer that names the next quote ("We accept recommendations 2 and 3.") still answers it."""
    page = ("Government Response to the Harbour Committee: Ferry Services\n\n"
            "     1.  The Government welcomes the Committee's report on ferry services and is\n"
            "         grateful to all who gave evidence. Its recommendations are set out below.\n"
            "         Recommendations 4 and 5 are answered together.\n\n"
            "     Recommendation 1\n\n         The Department should publish ferry punctuality figures monthly.\n\n"
            "     2.  We accept this recommendation. Figures will be published from June 2026.\n\n"
            "     Recommendation 2\n\n         The Department should fund new ferry berths at Carrow.\n\n"
            "     3.  We accept recommendations 2 and 3. Both berths will be funded from April 2026.\n\n"
            "     Recommendation 3\n\n         The Department should fund a new ferry berth at Lindsey.\n\n"
            "     Recommendation 4\n\n         Operators should be required to refund every cancelled crossing.\n\n"
            "     Recommendation 5\n\n         Operators should publish a passenger charter by 2026.\n\n"
            "     4.  Requiring refunds or a charter would cut across the contracts now in force. The\n"
            "         Government does not intend to impose either requirement on operators.\n")
    got = _stances(tmp_path, settings, nlp, page)
    assert got["4"] == got["5"] == "rejected"
    assert got["3"] == got["2"] == "accepted"


def test_a_recommendation_a_paper_lists_and_never_answers_is_not_addressed(tmp_path, settings, nlp):
    """A response page lists the review's recommendations "* **R1** ..." to "* **R5** ..." and then answers
    four of them in its own list ("* **R1** Not accepted. ..."). The fifth is not addressed (before, the
    fifth, listed with the others, took the first answer)."""
    page = ("Department for Culture and Heritage\n"
            "\n"
            "Government response to the Independent Review of Museum Funding\n"
            "\n"
            "Published 12 September 2024\n"
            "\n"
            "Introduction\n"
            "\n"
            "The Independent Review of Museum Funding reported in March 2024.\n"
            "\n"
            "The Government welcomes the review and thanks the panel for its work.\n"
            "\n"
            "The review made the following recommendations:\n"
            "\n"
            "* **R1** Introduce a ten-year funding settlement for national museums.\n"
            "* **R2** Create a capital fund for regional museum buildings.\n"
            "* **R3** Require national museums to lend more of their collections to regional museums.\n"
            "* **R4** Set a target for the share of museum visitors from deprived areas.\n"
            "* **R5** Review the museum accreditation scheme.\n"
            "\n"
            "Our response to the recommendations is as follows:\n"
            "\n"
            "* **R1** Not accepted. Funding settlements will continue to follow spending reviews and we"
            " will not commit to ten years.\n"
            "* **R2** Accepted. A £50 million regional capital fund will open in 2025.\n"
            "* **R3** National museums already lend around 40,000 objects a year under the existing par"
            "tnership scheme, which covers some of this; we will not make lending a requirement.\n"
            "* **R4** We will consider a target once the new participation survey has reported in 2025."
            "\n"
            "\n"
            "Next steps\n"
            "\n"
            "The Department will publish an update in 2025.\n"
            "\n"
            "Annex A: members of the review panel\n"
            "\n"
            "Professor Jane Ellery (chair)\n"
            "Dr Samuel Osei\n"
            "Ms Ruth Brannigan\n")
    got = _stances(tmp_path, settings, nlp, page)
    assert got["R5"] == "not_addressed"
    assert "not_addressed" not in (got["R1"], got["R2"])


def test_a_paper_s_restated_list_answers_no_recommendation(tmp_path, settings, nlp):
    """A council's response paper restates the review's four recommendations under its lead-in in one block
    ("The review made four recommendations:" / "* 1.1 ..."), then answers by theme, one answer opening
    "Recommendation 2.1: Agreed.". The list is an index: 4.1, which the prose never takes up, is not addressed,
    and no answer is a list line (before, the list lines answered the others by subject and 4.1 took one)."""
    from pipeline.run import run_corpus

    items = ["Extend the opening hours of the central library into the evenings.",
             "Replace the mobile library van that serves the rural villages.",
             "Train library staff to help residents apply for benefits online.",
             "Transfer the local history archive to the county record office."]
    page = ("Response to the Independent Review of Library Services\n\nIntroduction\n\n"
            "The Council welcomes the independent review of its library services and thanks the reviewer.\n\n"
            "The review made four recommendations:\n"
            + "".join(f"* {n}.1 {item}\n" for n, item in enumerate(items, 1))
            + "\nOpening hours\n\nFrom September the central library will open until eight o'clock on weekday "
            "evenings.\n\nRural villages\n\nRecommendation 2.1: Agreed. A new mobile library van will be bought in "
            "2026 and will serve every rural village once a fortnight.\n\nDigital help\n\nAll library staff will "
            "complete training on helping residents apply for benefits online by the end of March.\n")
    (tmp_path / "response.txt").write_text(page, encoding="utf-8")
    rows = {s["label"]: s for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert set(rows) == {"1.1", "2.1", "3.1", "4.1"}
    assert rows["4.1"]["stance"] == "not_addressed"
    for s in rows.values():
        assert not any(item[:30] in (s["evidence"] or "") for item in items), s
    assert "weekday evenings" in rows["1.1"]["evidence"]


def test_a_heading_naming_two_gives_each_its_own_paragraph(tmp_path, settings, nlp):
    """A hospital's reply to a Healthwatch visit answers "R1" (a children's waiting area) and "R2" (an audit of
    the entrances) under one heading, "Waiting areas and entrances (R1 and R2)", a paragraph each. R1's answer is
    the first paragraph and R2's the second (before, the first paragraph's opening sentence, about neither, was
    R2's too, and read as its evidence)."""
    from pipeline.run import run_corpus

    text = ("Dear Ms Adeyemi,\n\nThank you for welcoming our volunteers on 12 December 2024. Our report makes two "
            "recommendations.\n\nR1 Provide a separate waiting area for children, away from adult patients in the "
            "emergency department.\n\nR2 Carry out an audit of the hospital entrances to check that wheelchair "
            "users can reach reception unaided.\n\nYours sincerely,\n\nTom Reddy\nChief Officer, Healthwatch "
            "Marston\n\n\fMarston General Hospital NHS Trust\nHospital Road\nMarston MR4 7LB\n\n24 February 2025\n\n"
            "Dear Mr Reddy,\n\nThank you for your report. Our response to the two recommendations is below.\n\n"
            "Waiting areas and entrances (R1 and R2)\n\nThis was our first priority after your visit. Since January "
            "children have had a waiting area of their own, with seating for their parents. Play staff visit it "
            "each afternoon.\n\nOur estates team audited every hospital entrance in February. Wheelchair users "
            "could not reach reception unaided from two of them. New automatic doors will be fitted at both by "
            "June.\n\nYours sincerely,\n\nGrace Adeyemi\nChief Executive\n")
    (tmp_path / "visit.txt").write_text(text, encoding="utf-8")
    evidence = {s["label"]: s["evidence"] or "" for s in run_corpus(tmp_path, settings, nlp).tables["stances"]
                .to_pylist()}
    first = text[text.index("This was our first"):text.index("Our estates team")]
    second = text[text.index("Our estates team"):text.index("\n\nYours sincerely,\n\nGrace")]
    assert evidence["R1"] and evidence["R1"] in first
    assert evidence["R2"] and evidence["R2"] in second


def _rows_of(tmp_path, settings, nlp, text: str, first_letter: bool = False) -> dict[str, dict]:
    """Each recommendation's stance row where ``text`` is the only file of a corpus run (with ``first_letter``,
    only the rows of the file's first letter)."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    first = {ls["letter_id"] for ls in tables["letters"].to_pylist() if ls["index"] == 0}
    return {s["label"]: s for s in tables["stances"].to_pylist() if not first_letter or s["letter_id"] in first}


def _own_rows(text: str, rows: dict[str, dict], cells: dict[str, tuple[str, str]]) -> dict[str, bool]:
    """For each label, whether its evidence is text of the file that lies between its row's first words and
    the next row's (``cells``: label -> (where its row starts, where the next starts))."""
    out = {}
    for lab, (head, nxt) in cells.items():
        s, e = rows[lab]["evidence_char_start"], rows[lab]["evidence_char_end"]
        lo = text.index(head)
        out[lab] = text[s:e] == rows[lab]["evidence"] and lo <= s and e <= text.index(nxt, lo)
    return out


_VAN_CONCERNS = ["Heating appliances are put into converted vans with no check that the flue is sealed.",
                 "No carbon monoxide alarm is required in a converted van, and approval schemes do not cover alarms.",
                 "A van altered for sleeping keeps its original description on the vehicle register."]


def _van_report() -> str:
    """A coroner's report on a death in a converted van, its three concerns lettered (a) to (c)."""
    return ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nTHIS REPORT IS BEING SENT TO:\n"
            "1. The Chief Executive, Office for Product Safety and Standards\n\n"
            "1 CORONER\n\nI am Rebecca Lindqvist, Area Coroner for the area of North Marlshire.\n\n"
            "4 CIRCUMSTANCES OF THE DEATH\n\nMr Harold Vickery died of carbon monoxide poisoning while asleep in a "
            "van converted into a camper.\n\n5 CORONER'S CONCERNS\n\nThe MATTERS OF CONCERN are as follows.\n\n"
            + "".join(f"({m}) {c}\n\n" for m, c in zip("abc", _VAN_CONCERNS))
            + "6 ACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths.\n\n"
            "9 20 October 2025\n\nRebecca Lindqvist\nArea Coroner\n")


def _van_reply(body: str) -> str:
    """The regulator's reply to that report on a page of its own, ``body`` its answers."""
    return ("\fOffice for Product Safety and Standards\n4th Floor, Cannon House\nBirmingham B1 1BD\n\n"
            "15 December 2025\n\nDear Ms Lindqvist,\n\nThank you for your report of 20 October 2025 about the death "
            f"of Mr Vickery. Our position on each of your concerns is set out below.\n\n{body}\n\n"
            "Yours sincerely,\n\nDr Miriam Osei\nChief Executive\n")


def test_a_reply_s_lettered_headings_answer_the_report_s_lettered_concerns_with_their_own_paragraphs(
        tmp_path, settings, nlp):
    """The coroner letters her concerns (a) to (c); the regulator's reply heads each answer with its letter and
    its own title, "(a) Installation by the converter            Position: Noted", alone over a blank line and
    the paragraph that answers it. Each concern takes the paragraph under its own heading (before, one took
    its heading line and another the paragraph under (a))."""
    paragraphs = ["Responsibility for this work lies with the business that carries it out, and we have written to "
                  "the trade association to remind its members of their duties.",
                  "We will ask the scheme operator to widen its coverage from April 2026.",
                  "We will work with the licensing agency on new criteria by the summer."]
    headings = ["(a) Installation by the converter            Position: Noted",
                "(b) Carbon monoxide alarms; scope of approval scheme     Position: Supported",
                "(c) Body type change criteria                 Position: Accepted"]
    text = _van_report() + _van_reply(
        "\n\n".join(f"{h}\n\n{p}" for h, p in zip(headings, paragraphs)))
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert sorted(rows) == ["1", "2", "3"]
    for lab, paragraph in zip(["1", "2", "3"], paragraphs):
        assert rows[lab]["evidence"] and rows[lab]["evidence"] in paragraph, rows[lab]


def test_a_reply_s_matter_of_concern_table_a_cell_a_line_answers_each_concern_from_its_own_row(
        tmp_path, settings, nlp):
    """A regulator's reply, filed without the report, answers in a table pdftotext sets out a cell a line with a
    blank line between cells: "Matter of concern" / "Summary" / "OPSS response" / "Status", then rows "1", "2",
    "3". Each concern is answered from its own row (before, "Matter of concern" named no rows, and the reply
    answered nothing)."""
    cells = ["Matter of concern", "Summary", "OPSS response", "Status",
             "1", "Flue not checked", "Responsibility for this work lies with the business that carries it out, "
             "and we have written to the trade association to remind its members of their duties.", "Complete",
             "2", "No alarm required", "We will ask the scheme operator to widen its coverage from April 2026.", "Open",
             "3", "Register description", "We will work with the licensing agency on new criteria by the summer.",
             "Open"]
    text = _van_reply("\n\n".join(cells))
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert sorted(rows) == ["1", "2", "3"]
    own = _own_rows(text, rows, {"1": ("\n\n1\n\nFlue", "\n\n2\n\n"), "2": ("\n\n2\n\nNo alarm", "\n\n3\n\n"),
                                 "3": ("\n\n3\n\nRegister", "Yours sincerely")})
    assert own == {"1": True, "2": True, "3": True}, rows


def test_a_spreadsheet_saved_as_csv_answers_each_recommendation_from_its_own_row(tmp_path, settings, nlp):
    """A dental school's action plan exported from a spreadsheet as comma-separated text: a title row, the header
    "Ref,GDC recommendation,Lead,Status,RAG,School response,Target date", then a row per recommendation, its
    quoted response cell running over two lines. Each recommendation is answered from its own row (before, the
    file was one line of commas after another, and nothing was answered)."""
    text = ('Northgate Dental School - GDC inspection 2025 - action plan,,,,,,\n'
            'Ref,GDC recommendation,Lead,Status,RAG,School response,Target date\n'
            '1,"The School must keep a single longitudinal record of each student\'s clinical experience.",'
            'Director of Clinical Studies,Agreed - in progress,Amber,"A single e-portfolio was introduced for all '
            'students in September 2025.\nRecords from earlier years are being moved into it.",31/03/2026\n'
            '2,"The School should train all outreach supervisors in the assessment of students.",Head of Outreach,'
            'Agreed - complete,Green,"All 42 outreach supervisors completed the training in October 2025.",'
            '31/10/2025\n'
            '3,"The School must give patients a way to comment on the care students provide.",Patient Liaison Lead,'
            'Agreed - in progress,Amber,"A patient feedback card is being piloted in the adult clinic.\nIt will be '
            'used in every clinic from January.",31/01/2026\n')
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert sorted(rows) == ["1", "2", "3"]
    assert "not_addressed" not in {s["stance"] for s in rows.values()}
    own = _own_rows(text, rows, {"1": ('\n1,"', '\n2,"'), "2": ('\n2,"', '\n3,"'), "3": ('\n3,"', "31/01/2026")})
    assert own == {"1": True, "2": True, "3": True}, rows


def test_a_word_table_a_cell_a_line_numbered_as_paragraphs_answers_each_row_with_its_own_response(
        tmp_path, settings, nlp):
    """A service's response saved from Word as text, a cell a line and no blank line anywhere: the header "Rec.
    No." / "Recommendation" / "IPS Response" / "Action / Commentary" / "Responsible" / "Timeframe", then rows
    numbered as the report's paragraphs, "2.1", "2.2", "3.1". Each row's answer is its own: accepted, partly
    and not (before, the rows were one run of lines and nothing was answered)."""
    table = [("2.1", "The Service should publish its waiting times for assessment each month.", "Accepted",
              "Monthly figures have been published on the website since August 2025.", "Head of Performance",
              "Complete"),
             ("2.2", "The Service should offer an appointment within ten days to every young person referred.",
              "Partially accepted", "We aim to meet this for urgent referrals; other referrals will be seen within "
              "twenty days.", "Clinical Director", "March 2026"),
             ("3.1", "The Service should appoint a carers' lead in each region.", "Not accepted",
              "Each regional team already has a named contact for carers, and a separate post is not funded.",
              "Director of Operations", "N/A")]
    header = ["Rec. No.", "Recommendation", "IPS Response", "Action / Commentary", "Responsible", "Timeframe"]
    text = ("Irwell Psychology Service\nResponse to the Inspection of Child Assessment Services\n\n"
            "This document sets out the Service's response to each recommendation in the inspection report.\n\n"
            + "\n".join(header) + "\n" + "".join("\n".join(row) + "\n" for row in table))
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert sorted(rows) == ["2.1", "2.2", "3.1"]
    assert [rows[lab]["stance"] for lab in ["2.1", "2.2", "3.1"]] == ["accepted", "partially_addressed", "rejected"]
    own = _own_rows(text, rows, {"2.1": ("\n2.1\n", "\n2.2\n"), "2.2": ("\n2.2\n", "\n3.1\n"),
                                 "3.1": ("\n3.1\n", "N/A")})
    assert own == {"2.1": True, "2.2": True, "3.1": True}, rows


def test_an_answer_above_a_quoted_trail_takes_a_stance_on_what_the_quoted_original_recommends(
        tmp_path, settings, nlp):
    """An e-mail thread saved newest first: the nursery's answer under topic headings (one "(recommendation 1)"),
    its "--" signature, then "On ..., Folake wrote:" over her quoted holding reply, and under it, quoted twice,
    the inspector's message: "the recommendations are: 1. ... 7. ...". The answer takes a stance on each one it
    takes up, matched by its headings' topics, and 6 (menus), which it leaves out, is not addressed (before, the
    answer had recommendation 1 alone to answer)."""
    recs = ["The nursery should review its safeguarding policy and share it with every parent.",
            "Staff should record each accident in the accident book on the day it happens.",
            "The nursery should fit a lock to the kitchen door that children cannot reach.",
            "The manager should hold a supervision meeting with each key person every month.",
            "The garden fence should be repaired so that no gap is wider than ten centimetres.",
            "Menus should be displayed for parents each week, with allergens marked.",
            "The nursery should arrange paediatric first aid training for the two new staff."]
    answers = {"1": "We have revised the policy and sent a copy to every parent on 4 July.",
               "2": "Every accident is now written in the accident book before the child goes home, and the deputy "
                    "checks the book each evening.",
               "3": "A lock was fitted at adult height on 30 June.",
               "4": "I now meet each key person once a month and keep a note of each meeting.",
               "5": "The fence was repaired by a contractor on 2 July.",
               "7": "Both new members of staff will complete paediatric first aid training in September."}
    headings = {"1": "Safeguarding policy (recommendation 1)", "2": "Accident records", "3": "Kitchen door",
                "4": "Supervision of key persons", "5": "Garden fence", "7": "First aid training"}
    folake = "Folake Adeyemi <manager@littleacorns.example.co.uk>"
    carys = "Carys Pemberton <carys.pemberton@inspect.example.gov.uk>"
    text = (f"From: {folake}\nSent: 11 July 2025 16:40\nTo: {carys}\n"
            "Subject: RE: Final inspection report - Little Acorns Nursery\n\n"
            "Dear Carys,\n\nPlease find our response to the report below.\n\n"
            + "".join(f"{headings[lab]}\n\n{answers[lab]}\n\n" for lab in headings)
            + "Kind regards,\n\nFolake\n\n--\nFolake Adeyemi\nNursery Manager, Little Acorns Nursery\n\n"
            f"On 26/06/2025 11:08, {folake} wrote:\n"
            "> Dear Carys,\n>\n> Thank you for your email and for the final report. I will send our response by "
            "Friday.\n>\n> Kind regards,\n> Folake\n>\n"
            f"> On 24/06/2025 09:30, {carys} wrote:\n"
            ">> Dear Folake,\n>>\n>> Please find attached the final report of our inspection of Little Acorns "
            "Nursery on 3 June. In summary, the recommendations are:\n>>\n"
            + "".join(f">> {n}. {rec}\n" for n, rec in enumerate(recs, 1))
            + ">>\n>> Please send your response within twenty working days.\n>>\n>> Kind regards,\n"
            ">> Carys Pemberton\n>> Early Years Inspector\n")
    rows = _rows_of(tmp_path, settings, nlp, text, first_letter=True)
    assert sorted(rows) == ["1", "2", "3", "4", "5", "6", "7"]
    assert rows["6"]["stance"] == "not_addressed"
    for lab, answer in answers.items():
        assert rows[lab]["stance"] != "not_addressed" and rows[lab]["evidence"] in answer, rows[lab]


def test_a_word_table_a_cell_a_line_gives_each_row_its_own_response_though_no_status_opens_it(
        tmp_path, settings, nlp):
    """A trust's response table saved as text a cell a line ("Rec. No." / "Recommendation" / "Response" / ...),
    its rows numbered as the report's paragraphs. A response cell that opens with no status word ("Additional
    Saturday clinics have cleared ...") is its row's answer: the recommendation's cell, which has no full stop,
    ends at its line (before, the two read as one sentence, dropped as a quote, and each row took the next
    row's answer)."""
    report = ("Independent Investigation into Follow-up Waiting Lists\n\nWe recommend:\n"
              "2.1 The Trust should assign a clinical risk rating to every patient on the follow-up list.\n"
              "2.2 Patients rated high risk should be offered an appointment within six weeks.\n"
              "3.1 The Trust should carry out a harm review of every patient who waited too long.\n\n")
    rows = [("2.1", "Assign a clinical risk rating to every patient on the follow-up list",
             "Completed. All 14,212 patients were given a risk rating by 30 September 2024."),
            ("2.2", "Offer overdue high-risk patients an appointment within six weeks",
             "Additional Saturday clinics have cleared about half of the backlog. We cannot yet meet the "
             "six-week standard for all patients and will review this in March."),
            ("3.1", "Harm review of all patients who waited more than twice their interval",
             "The Trust will decide how to carry out the review once national guidance is published.")]
    table = "".join(f"{n}\n{rec}\n{answer}\nMedical Director\nOngoing\n" for n, rec, answer in rows)
    text = (report + "Ashdown Eye Hospital NHS Trust\nResponse to the report of the Investigation Panel\n\n"
            "Our response to each recommendation is set out below.\n\n"
            "Rec. No.\nRecommendation\nResponse\nAction owner\nTimescale\n" + table)
    got = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: got[lab]["stance"] for lab in ("2.1", "2.2", "3.1")} == {
        "2.1": "accepted", "2.2": "partially_addressed", "3.1": "deferred"}
    for n, _, answer in rows:
        assert got[n]["evidence"] and got[n]["evidence"] in answer, (n, got[n]["evidence"])


def test_year_coded_recommendations_alone_on_their_lines_are_read_once_with_their_own_answers(
        tmp_path, settings, nlp):
    """A progress report codes each recommendation "R2025-004" alone on a line, its words under it, then
    "Government response: Agree" and prose; an annex indexes the codes again ("R2025-004 Electricity supply DESNZ
    Agree 5"). Each code is a recommendation once in the register, its text the quoted words, not the index row,
    and its answer is its own section (before, the codes were not read, and the report answered nothing)."""
    from pipeline.run import run_corpus

    recs = [("R2025-004", "The government should publish a plan for securing the electricity supply to water "
             "treatment works during extended power cuts.", "Agree",
             "The Department published a resilience plan for treatment works in March 2026, and will update it "
             "every two years.", "Electricity supply DESNZ Agree 5"),
            ("R2025-007", "Water companies should hold at least seven days of treatment chemicals at every major "
             "works.", "Partially agree", "Stock levels will rise to five days from April 2026; a seven-day standard "
             "will be reviewed with the industry in 2027.", "Treatment chemicals Defra Partially agree 6"),
            ("R2025-011", "The regulator should report each year on the condition of reservoir outlet valves.",
             "Disagree", "Reservoir safety reporting already covers outlet valves, and a separate annual report "
             "would duplicate it.", "Reservoir valves EA Disagree 7")]
    text = ("Water Resilience Review: Government Response and Progress Report\n\nChapter 2: Supply resilience\n\n"
            + "".join(f"{code}\n{rec}\nGovernment response: {answer}\n{prose}\n\n"
                      for code, rec, answer, prose, _ in recs)
            + "Annex A: Index of recommendations\n\n" + "".join(f"{code} {row}\n" for code, *_, row in recs))
    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    register = {r["label"]: r["text"] for r in tables["recommendations"].to_pylist()}
    assert sorted(register) == ["R2025-004", "R2025-007", "R2025-011"]
    assert tables["recommendations"].num_rows == 3
    for code, rec, *_ in recs:
        assert register[code] and register[code] in rec, (code, register[code])
    rows = {s["label"]: s for s in tables["stances"].to_pylist()}
    assert {code: rows[code]["stance"] for code, *_ in recs} == {
        "R2025-004": "accepted", "R2025-007": "partially_addressed", "R2025-011": "rejected"}
    own = _own_rows(text, rows, {"R2025-004": ("R2025-004\n", "R2025-007\n"),
                                 "R2025-007": ("R2025-007\n", "R2025-011\n"),
                                 "R2025-011": ("R2025-011\n", "Annex A")})
    assert own == {"R2025-004": True, "R2025-007": True, "R2025-011": True}, rows


def test_an_easy_read_paper_s_what_we_think_answers_and_its_summary_s_last_item_left_unanswered(
        tmp_path, settings, nlp):
    """An Easy Read response lists "The 8 recommendations" in short lines, then "A message from the Minister", then
    takes up 1 to 7 in turn: "Recommendation 2:" / its title / "The review said ..." / "What we think:" / "We agree
    with some of this." / "What we will do:" / prose. Recommendation 2 is partially addressed; 8, never taken up
    again, is not addressed, the Minister's message under the list being no answer to it (before, the paper was
    read as answering nothing)."""
    titles = ["Clear information", "A named worker", "Holiday breaks", "Safe breaks", "Asking young people",
              "Free transport", "Shorter waiting lists"]
    said = {1: ("We agree.", "We will write new guidance for councils by next spring."),
            2: ("We agree with some of this.", "Named workers will be tried in 10 areas first."),
            3: ("We agree.", "Councils will get money for holiday breaks from next summer."),
            4: ("We agree.", "Inspectors will check short breaks from next year."),
            5: ("We agree.", "Councils must ask young people what they like when they plan breaks."),
            6: ("We do not agree.", "Councils already help some families with the cost of transport."),
            7: ("We agree.", "We will ask councils to tell us how long families wait.")}
    text = ("Short Breaks for Disabled Children\nThe government's answer - Easy Read\n\n"
            "The review looked at short breaks for disabled children and their families.\n\nThe 8 recommendations\n\n"
            + "".join(f"{n}. {a}\n{b}\n\n" for n, (a, b) in enumerate(EASY_READ_ITEMS, 1))
            + "A message from the Minister\n\nThank you to all the families who spoke to the review. We want every "
            "disabled child to enjoy a break with friends, and this answer says what we will do.\n\n"
            + "".join(f"Recommendation {n}:\n{titles[n - 1]}\n\nThe review said {a[0].lower()}{a[1:]} {b}\n\n"
                      f"What we think:\n{said[n][0]}\n\nWhat we will do:\n{said[n][1]}\n\n"
                      for n, (a, b) in enumerate(EASY_READ_ITEMS[:7], 1)))
    stances = _stances(tmp_path, settings, nlp, text)
    assert stances.get("2") == "partially_addressed", stances
    assert stances.get("8") == "not_addressed", stances


def test_a_grouped_heading_s_quotes_closed_by_their_tags_share_the_response_under_them(tmp_path, settings, nlp):
    """Under "### Recommendations 2 and 7" a paper quotes each, ending "(Recommendation 2)" and "(Recommendation 7)",
    then gives one "**Government response: Accepted in part**" and its prose: both take that response, not the tag
    closing their quote (before, recommendation 2's tag was its answer)."""
    text = ("# Government response to the Public Accounts Committee report on rural bus services\n\n"
            "## Introduction\n\nThe Government welcomes the Committee's report and responds to its recommendations "
            "below.\n\n### Recommendation 1\n\n> The Department should publish the number of rural bus routes "
            "withdrawn each year. (Recommendation 1)\n\n**Government response: Accepted**\n\nThe Department will "
            "publish the figures each spring, starting in 2026.\n\n### Recommendations 2 and 7\n\n"
            "> The Department should set a minimum level of service for every rural community by 2027. "
            "(Recommendation 2)\n\n"
            "> The Department should report on progress towards that level of service each quarter. "
            "(Recommendation 7)\n\n**Government response: Accepted in part**\n\n"
            "The Department will consult on a minimum level of service this year, but it will report on progress "
            "once a year rather than each quarter, as local authorities collect the data annually.\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    shared = text[text.index("**Government response: Accepted in part**"):]
    for lab in ("2", "7"):
        assert rows[lab]["stance"] == "partially_addressed", rows[lab]
        assert rows[lab]["evidence"] and rows[lab]["evidence"] in shared, rows[lab]
        assert "(Recommendation" not in rows[lab]["evidence"]


def test_plain_titles_after_numbered_headings_answer_the_recommendations_their_sections_speak_of(
        tmp_path, settings, nlp):
    """A minister answers "Recommendation 1" and "Recommendation 2" (perpetrator programmes) under those headings,
    then goes on under plain titles: "Evaluation of the programme" over the independent evaluation recommendation 3
    asked for, and "Partner support service" over recommendation 4's. Each title answers its own recommendation,
    though "programme" is a word of recommendation 2 as "evaluation" is of 3 (before, 3 and 4 were not addressed)."""
    report = ("Domestic Abuse Review Panel\nReport to the Minister for Community Safety\n\n"
              "The Panel makes four recommendations:\n\n"
              "1. The Department should fund a domestic abuse advocate in every hospital emergency department.\n\n"
              "2. The Department should extend perpetrator programmes to every local authority area.\n\n"
              "3. The Department should commission an independent evaluation of the advocate scheme.\n\n"
              "4. The Department should fund a support service for the partners of men attending programmes.\n\n"
              "Dr Eleri Vaughan\nChair of the Panel\n\n")
    evaluation = ("An independent evaluation of the advocate scheme will be commissioned this autumn, and its findings "
                  "will be published.")
    partners = ("Funding for a partner support service is not available this year, but I will keep the matter under "
                "review.")
    reply = ("\fMinister for Community Safety\nCrown Buildings\nCathays Park\nCardiff CF10 3NQ\n\n12 September 2025\n\n"
             "Dear Dr Vaughan,\n\nThank you for the Panel's report. I respond to each of its recommendations below.\n\n"
             "Recommendation 1\n\nI accept this recommendation. Advocates will be in place in every emergency "
             "department by April 2026.\n\nRecommendation 2\n\nI accept this recommendation. Perpetrator programmes "
             "will be extended to the remaining six local authority areas next year.\n\n"
             f"Evaluation of the programme\n\n{evaluation}\n\nPartner support service\n\n{partners}\n\n"
             "Yours sincerely,\n\nRhodri Mathias MS\nMinister for Community Safety\n")
    rows = _rows_of(tmp_path, settings, nlp, report + reply)
    assert rows["3"]["stance"] != "not_addressed" and rows["3"]["evidence"] in evaluation, rows["3"]
    assert rows["4"]["stance"] != "not_addressed" and rows["4"]["evidence"] in partners, rows["4"]


def test_quotes_under_a_grouped_heading_each_with_its_own_response_keep_their_own(tmp_path, settings, nlp):
    """A command paper heads a chapter "Recommendations 1 to 3" and then quotes each recommendation, closed by its
    tag "(Recommendation 1)", with its own "Government response: ..." under it: each keeps its own answer (the
    sharing-out of a group's one response must not blend three answers into one)."""
    text = ("Government Response to the Transport Committee Report: Rural Bus Services\n\n"
            "Each recommendation is reproduced below, followed by the Government's response to it.\n\n"
            "Recommendations 1 to 3\n\n"
            "\"The Department should guarantee funding for rural bus routes until 2030.\" (Recommendation 1)\n\n"
            "Government response: Agree\n\nWe will guarantee the rural bus grant at its present level until 2030.\n\n"
            "\"The Department should cap every rural fare at one pound.\" (Recommendation 2)\n\n"
            "Government response: Disagree\n\nA national cap would cost far more than the benefit it would bring, and "
            "the Government does not intend to introduce one.\n\n"
            "\"The Department should publish the punctuality of every rural route.\" (Recommendation 3)\n\n"
            "Government response: Agree in principle\n\nWe will consider publishing route punctuality once the new "
            "ticketing data are available in 2026, and decide then.\n\n"
            "Conclusion\n\nThe Government will update the Committee in twelve months.\n")
    got = _stances(tmp_path, settings, nlp, text)
    assert got["1"] == "accepted" and got["2"] == "rejected" and got["3"] == "deferred", got


def test_headings_glued_to_their_answers_still_head_them_numbered_or_titled(tmp_path, settings, nlp):
    """A Word reply copied without the blank line under each heading: "Recommendation 1" / its answer on the
    next line, then "Recommendation 2", then topic titles in the reply's own words ("Volunteer drivers") over
    the rest. The titles answer the recommendations their words and sections name, as they do with blank lines
    (before, the glued numbered headings kept the titles from being read, and 3 and 4 went unanswered)."""
    text = ("Rural Transport Forum\n\n3 February 2025\n\nDear Cabinet Secretary,\n\nThe Forum makes four "
            "recommendations.\n\n1. Every county should publish a timetable for demand-responsive buses.\n\n"
            "2. Concessionary passes should be valid before 9.30am on rural routes.\n\n"
            "3. The Government should fund a national scheme of volunteer drivers for hospital appointments.\n\n"
            "4. Bus shelters on rural routes should be surveyed for safety every year.\n\n"
            "Yours sincerely,\n\nMorgan Hale\nChair, Rural Transport Forum\n\n"
            "Welsh Government\n\n14 March 2025\n\nDear Mr Hale,\n\nThank you for your letter of 3 February setting "
            "out the Forum's recommendations. I have set out my response to each below.\n\n"
            "Recommendation 1\nEvery county will publish its demand-responsive timetable online from June 2025, as part "
            "of the new bus network plans.\n\n"
            "Recommendation 2\nWe will not be extending the concession before 9.30am, which would cost far more than the "
            "budget allows.\n\n"
            "Volunteer drivers\nI recognise the value of volunteer drivers for hospital appointments. Officials will "
            "consider the case for a national scheme once the evaluation of the Powys pilot is published in the "
            "autumn.\n\n"
            "Shelter surveys\nI am pleased to confirm that every county now surveys the bus shelters on its rural routes "
            "each spring, and the results are published with the network plans.\n\n"
            "Yours sincerely,\n\nRhian Price MS\nCabinet Secretary for Transport\n")
    got = _stances(tmp_path, settings, nlp, text)
    assert got.get("3") == "deferred" and got.get("4") == "accepted", got


def test_a_reply_s_titles_that_name_a_point_in_brackets_answer_those_concerns_and_no_other(tmp_path, settings, nlp):
    """A prison health partnership titles its answers by the coroner's numbering in brackets, "Health questions
    (point 1) - reception screening" and "Medicines (point 3) - collection", to a report with concerns 1 to 3 for
    it: 1 and 3 are answered and 2, which no title names, is not addressed (before, "(point 1)" named nothing, and
    the whole reply answered all three)."""
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO:\n1. Chief Executive, Westvale Prison Health Partnership\n\n"
              "1 CORONER\n\nI am Sara Quinn, Assistant Coroner for West Vale.\n\n"
              "4 CIRCUMSTANCES OF THE DEATH\n\nMr Lee Carter died in HMP Westvale on 2 October 2024 of an untreated "
              "chest infection.\n\n5 CORONER'S CONCERNS\n\n"
              "During the course of the inquest the evidence revealed matters giving rise to concern. The MATTERS OF "
              "CONCERN are as follows.\n\n"
              "1. On arrival Mr Carter was not asked whether he had difficulty breathing.\n\n"
              "2. Nurses on the wing could not see the GP's notes on the prison computer system.\n\n"
              "3. No one checked that Mr Carter had collected his antibiotics from the pharmacy.\n\n"
              "6 ACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths.\n\n"
              "9 14 November 2024\n\nSara Quinn\nAssistant Coroner\n\n")
    reply = ("\fWestvale Prison Health Partnership\nHealthcare Centre\nWestvale WV3 8PQ\n\n6 January 2025\n\n"
             "Dear Ms Quinn,\n\nThank you for your report following the inquest into the death of Mr Lee Carter. "
             "I set out our response below.\n\n"
             "Health questions (point 1) - reception screening\n\n"
             "Our reception form now includes a set of chest symptom checks, and every reception officer was trained "
             "in its use in December.\n\n"
             "Medicines (point 3) - collection\n\n"
             "The dispensary now tells the wing each day of any prescription left waiting, and staff follow "
             "it up the same day.\n\n"
             "Yours sincerely,\n\nDr Priya Nair\nClinical Director\n")
    got = _stances(tmp_path, settings, nlp, report + reply)
    assert got["2"] == "not_addressed", got
    assert got["1"] != "not_addressed" and got["3"] != "not_addressed", got


def test_an_observation_s_heading_ends_the_answer_of_the_recommendation_above_it(tmp_path, settings, nlp):
    """A council's web page answers the regulator's "#### OPR Recommendation 6 – Renewable energy targets" under
    "**Response**": "The recommendation is noted. ...", then "#### OPR Observation 1 – Town centre boundaries" and
    its "Agreed. ...". The observation's heading ends recommendation 6's answer, which is noted, not accepted by
    the observation's "Agreed" (before, the observation's answer ran on as the recommendation's)."""
    page = ("# Kestrel District Council: response to the OPR review of plan making\n\n"
            "Published 4 April 2025\n\n"
            "The Office of the Planning Regulator reviewed the Council's plan making in 2024. Its report made "
            "recommendations and observations, and the Council's response to each is set out below.\n\n"
            "#### OPR Recommendation 5 – Housing land supply\n\n**Response**\n\n"
            "Agreed. The housing land supply statement will be published each October.\n\n"
            "#### OPR Recommendation 6 – Renewable energy targets\n\n**Response**\n\n"
            "The recommendation is noted. Renewable energy is covered by policy CC2 of the adopted plan.\n\n"
            "#### OPR Observation 1 – Town centre boundaries\n\n**Response**\n\n"
            "Agreed. The town centre boundaries will be mapped in the next draft of the plan.\n")
    got = _stances(tmp_path, settings, nlp, page)
    assert got["6"] == "noted" and got["5"] == "accepted", got


def test_answers_typed_inline_under_a_quoted_message_with_the_mark_the_reply_names_are_read(tmp_path, settings, nlp):
    """A reply says "I've put the authority's response to each of your points inline below (marked >>)" over
    "-----Original Message-----" and the wardens' message, which quotes its points "> P1 ...", "> P2 ...", "> P3
    ...": the ">>" lines are the reply's own answers, not the quote's, and the quoted message's "Kind regards" and
    name are no answer. P1 is accepted, P2 deferred ("will consider whether ... and will decide at that point")
    and P3, with nothing typed under it, not addressed (before, every point was accepted by its own quoted line)."""
    text = ("From: Sam Okoro <sam.okoro@ashgrove.example.gov.uk>\nSent: 12 May 2025 10:02\n"
            "To: Tree Wardens Network <wardens@treewardens.example.org.uk>\nSubject: RE: Street trees review\n\n"
            "Hi Joanna,\n\nThanks for sending the review. I've put the authority's response to each of your points "
            "inline below (marked >>).\n\nSam\n\n"
            "-----Original Message-----\nFrom: Joanna Hale <joanna@treewardens.example.org.uk>\n"
            "Sent: 2 April 2025 15:30\nTo: Sam Okoro <sam.okoro@ashgrove.example.gov.uk>\n"
            "Subject: Street trees review\n\n"
            "Dear Sam,\n\nThe wardens have finished their review of street trees. The review makes the following "
            "recommendations:\n\n"
            "> P1 Require a street tree strategy for every new estate.\n\n"
            ">> Agreed. The strategy will be part of the design code from July.\n\n"
            "> P2 Replace every felled street tree within one planting season.\n\n"
            ">> Accepted. The authority will consider whether the planting budget can cover it in next year's plan, "
            "and will decide at that point.\n\n"
            "> P3 Coordinate with the utility companies before trenching near trees.\n\n"
            "Kind regards,\n\nJoanna Hale\nCoordinator, Tree Wardens Network\n")
    got = _stances(tmp_path, settings, nlp, text)
    assert got == {"P1": "accepted", "P2": "deferred", "P3": "not_addressed"}, got


def test_a_reply_that_names_its_concerns_by_their_places_in_the_list_leaves_the_other_unanswered(
        tmp_path, settings, nlp):
    """The Home Office writes "Your report raises two concerns for the Home Office, which are the sixth and
    seventh concerns listed." and then one paragraph on support for victims of stalking, concern 6's subject:
    6 is answered by that paragraph, and 7, on stalking protection orders, is not addressed (before, the sentence
    that counts them off was read as the answer to both)."""
    concerns = ["The police did not record the earlier reports of harassment as crimes.",
                "The call handler did not check the address history before grading the call.",
                "No officer visited Ms Lane in the week before her death.",
                "The force's risk assessment form was not completed.",
                "Officers were not trained to recognise stalking behaviour.",
                "There is no national scheme to fund independent support for victims of stalking.",
                "Stalking protection orders cannot be applied for by anyone but the police."]
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO:\n1. Chief Constable, Midshire Police\n2. The Home Secretary\n\n"
              "1 CORONER\n\nI am Karen Doyle, Senior Coroner for Midshire.\n\n"
              "4 CIRCUMSTANCES OF THE DEATH\n\nMs Erin Lane was killed by a former partner on 3 June 2024 after "
              "months of stalking.\n\n5 CORONER'S CONCERNS\n\n"
              "During the course of the inquest the evidence revealed matters giving rise to concern. The MATTERS OF "
              "CONCERN are as follows.\n\n" + "".join(f"{n}. {c}\n\n" for n, c in enumerate(concerns, 1))
              + "6 ACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths.\n\n"
              "9 1 August 2024\n\nKaren Doyle\nSenior Coroner\n\n")
    support = ("The Government funds the Victims' Support Fund, which pays for independent advocates for victims of "
               "stalking in every police area, and its budget rose by ten per cent this year.")
    reply = ("\fHome Office\n2 Marsham Street\nLondon SW1P 4DF\n\n20 September 2024\n\n"
             "Dear Ms Doyle,\n\nThank you for your report following the inquest into the death of Ms Erin Lane. "
             "Your report raises two concerns for the Home Office, which are the sixth and seventh concerns "
             f"listed.\n\n{support}\n\nYours sincerely,\n\nJames Whitby\nMinister for Safeguarding\n")
    rows = _rows_of(tmp_path, settings, nlp, report + reply)
    assert rows["7"]["stance"] == "not_addressed", rows["7"]
    assert rows["6"]["stance"] != "not_addressed" and rows["6"]["evidence"] in support, rows["6"]


def test_a_paper_that_counts_the_report_s_recommendations_leaves_the_one_it_passes_over_unanswered(
        tmp_path, settings, nlp):
    """A response paper filed without the report says "The report makes five recommendations." and answers 1, 2,
    3 in its two parts ("Recommendation 3a", "Recommendation 3b") and 4 under headings: recommendation 5, never
    taken up, is not addressed (before, the parts' labels kept the count from being read, and 5 was not listed)."""
    heads = [("1", "Accepted. The Department will publish the waiting list figures for each county every month "
                   "from April."),
             ("2", "Accepted. A named contact for every family on the list will be in place by the summer."),
             ("3a", "Not accepted. The present eligibility rules already reflect the guidance."),
             ("3b", "Accepted. The rules will be published on the Department's website by June."),
             ("4", "Accepted in part. The Department will review the assessment form, but it will not shorten it "
                   "this year.")]
    paper = ("Department for Communities\n\nResponse to the Communities Committee report on respite care for carers\n\n"
             "The report makes five recommendations. The Department welcomes the report and sets out its response "
             "below.\n\n" + "".join(f"Recommendation {n}\n\n{a}\n\n" for n, a in heads)
             + "The Department will update the Committee on its progress in twelve months.\n")
    got = _stances(tmp_path, settings, nlp, paper)
    assert got.get("5") == "not_addressed", got
    assert got["1"] == "accepted" and got["4"] == "partially_addressed", got


def test_a_paper_that_answers_one_of_the_recommendations_it_counts_lists_no_others(tmp_path, settings, nlp):
    """The guard: "The Committee made seven recommendations in its report. This paper responds to recommendation
    3, the one addressed to the Department" answers its own share; the six others are for other bodies and are
    not listed as not addressed by this paper."""
    paper = ("Department for Communities\n\nResponse to the Communities Committee report on respite care for carers\n\n"
             "The Committee made seven recommendations in its report. This paper responds to recommendation 3, the "
             "one addressed to the Department; the others are for the health trusts.\n\n"
             "Recommendation 3\n\nAccepted. The Department will publish the eligibility rules for respite grants on "
             "its website by June.\n")
    got = _stances(tmp_path, settings, nlp, paper)
    assert set(got) <= {"3", "3a", "3b", "3c"} and got.get("3") == "accepted", got


def test_a_chief_executive_s_response_that_will_not_amend_the_plan_rejects_under_its_noted_recommendation(
        tmp_path, settings, nlp):
    """A county council's report on submissions to its draft plan answers each of a forum's recommendations under
    "Chief Executive's Response", prose that ends "... and it is not proposed to amend it.", and then "Chief
    Executive's Recommendation" / "Noted. No change to the Draft Plan.": the plan stays as it is, so the forum's
    recommendation is rejected, not merely noted (before, "it is not proposed to amend" was no refusal, and the
    status word "Noted." stood)."""
    paper = ("Marlow Vale County Council\n\nDraft County Development Plan 2026-2032\n\n"
             "Chief Executive's Report on the Submissions Received\n\nSubmission from the Marlow Vale Cycling Forum\n\n"
             "The Forum makes two recommendations on the draft plan. This paper responds to each of the Forum's "
             "recommendations in turn.\n\n"
             "Recommendation 1\n\nChief Executive's Response\n\nThe Forum asks that the plan require a segregated "
             "cycle route on every new distributor road. Policy TR4 follows the national cycle design manual, which "
             "sets out when a segregated route is needed on a road of each kind. The policy is considered sound as "
             "drafted, and it is not proposed to amend it.\n\n"
             "Chief Executive's Recommendation\n\nNoted. No change to the Draft Plan.\n\n"
             "Recommendation 2\n\nChief Executive's Response\n\nThe Forum asks that secure cycle parking be provided "
             "at every rural bus stop. The Council agrees that this would encourage cycling to the bus, and a new "
             "objective will be added to the transport chapter.\n\n"
             "Chief Executive's Recommendation\n\nAmend the Draft Plan to add objective TR-O9: provide secure cycle "
             "parking at rural bus stops.\n")
    got = _stances(tmp_path, settings, nlp, paper)
    assert got == {"1": "rejected", "2": "accepted"}, got


def test_a_paper_s_what_happens_next_section_is_no_part_of_its_last_answer(tmp_path, settings, nlp):
    """A department's response paper answers its last recommendation "We acknowledge this recommendation. The work
    on rural post office counters is led by the Post Office Network Board." and then closes with a section of its
    own, "What happens next" / "We will report progress on these actions to the Committee in April, and we will
    publish ...": that section speaks of the paper as a whole, so recommendation 3 is noted, by its own answer
    (before, the section ran on in the last answer, and its "we will publish" accepted recommendation 3)."""
    paper = ("Department for Rural Affairs\n\nResponse to the Rural Affairs Committee report on village shops\n\n"
             "The Department welcomes the Committee's report and sets out its response to each recommendation "
             "below.\n\n"
             "Recommendation 1\n\nAccepted. The Department will publish guidance for community-owned shops on "
             "business rates relief by September.\n\n"
             "Recommendation 2\n\nAccepted. A grant of up to £5,000 for shop refits will open to applications in the "
             "spring.\n\n"
             "Recommendation 3\n\nWe acknowledge this recommendation. The work on rural post office counters is led "
             "by the Post Office Network Board.\n\n"
             "What happens next\n\nWe will report progress on these actions to the Committee in April, and we will "
             "publish the results of the grant scheme on our website.\n")
    rows = _rows_of(tmp_path, settings, nlp, paper)
    assert rows["3"]["stance"] == "noted", rows["3"]
    assert "report progress" not in (rows["3"]["evidence"] or ""), rows["3"]
    assert rows["1"]["stance"] == rows["2"]["stance"] == "accepted"


def test_a_you_said_we_will_paper_under_a_covering_letter_leaves_the_recommendation_it_skips_unanswered(
        tmp_path, settings, nlp):
    """A council's covering letter ("Dear Ms Oduya, Please find enclosed ... Yours sincerely") and then its "You
    said / We will" paper, which says "Healthwatch made seven recommendations to the Council." and answers
    Recommendations 1 to 6 under their headings: recommendation 7, which the paper never takes up, is listed as
    not addressed (before, the covering letter, which names no recommendation, kept the paper's own count from
    being read, and 7 was not listed at all)."""
    said = [("Information about care homes", "Families could not find out when they may visit a care home.",
             "Each care home's visiting times will be on the Council's website from June."),
            ("Transport to day centres", "People in the villages have no way to reach the Oakfield day centre.",
             "We will pay for a minibus to the Oakfield day centre from September."),
            ("Carers' assessments", "Carers wait months for an assessment of their own needs.",
             "We will offer every carer an assessment within four weeks of asking for one."),
            ("Complaints", "People do not know whether complaints about home care lead to any change.",
             "We will publish the number of complaints about home care, and what changed, every quarter."),
            ("Direct payments", "Managing a direct payment is hard for people without help.",
             "A support worker will help anyone who chooses a direct payment to set it up."),
            ("Leaving hospital", "Families are told about a discharge on the day it happens.",
             "The discharge team will tell families at least two days before a discharge.")]
    cover = ("Brackley Borough Council\nAdult Social Care\nCivic Centre\nBrackley BR3 2AA\n\n14 May 2025\n\n"
             "Dear Ms Oduya,\n\nPlease find enclosed the Council's response to Healthwatch Brackley's report on adult "
             "social care. I am grateful to your volunteers for the time they gave to it.\n\n"
             "Yours sincerely,\n\nPeter Lang\nDirector of Adult Social Care\n\n")
    paper = ("\fResponse to Healthwatch Brackley: adult social care\n\n"
             "Healthwatch made seven recommendations to the Council. This paper sets out what Healthwatch told us "
             "and what we will do.\n\n"
             + "".join(f"Recommendation {n}: {title}\n\nYou said: {s}\n\nWe will: {w}\n\n"
                       for n, (title, s, w) in enumerate(said, 1)))
    got = _stances(tmp_path, settings, nlp, cover + paper)
    assert got.get("7") == "not_addressed", got
    assert all(got.get(str(n)) not in (None, "not_addressed") for n in range(1, 7)), got


def test_accepted_over_a_proposal_put_out_to_consultation_before_a_final_decision_is_deferred(
        tmp_path, settings, nlp):
    """A council's response paper sets "Status: Accepted" over "... We will therefore include this proposal in the
    wider consultation on the parking strategy this summer, and Council will take a final decision in the light of
    the responses received.": nothing is decided yet, so the recommendation is deferred through the whole
    pipeline, the stance model included, which would read the status word (before, "take a final decision" was
    not read as a decision to come, and the model, weighing "Accepted", would have accepted it anyway)."""
    paper = ("Harbourside City Council\n\nResponse to the Scrutiny Committee's review of parking charges\n\n"
             "This paper responds to each of the Committee's recommendations in turn.\n\n"
             "Recommendation 1: The Council should offer free parking for the first hour in district centres.\n\n"
             "Status: Accepted\n\nThe Committee's case for an hour's free parking is a strong one, but it would "
             "reduce the Council's parking income by about £400,000 a year. We will therefore include this proposal "
             "in the wider consultation on the parking strategy this summer, and Council will take a final decision "
             "in the light of the responses received.\n\n"
             "Recommendation 2: The Council should publish its parking income and spending each year.\n\n"
             "Status: Accepted\n\nThe annual parking report will be published each July, starting this year.\n")
    got = _stances(tmp_path, settings, nlp, paper)
    assert got == {"1": "deferred", "2": "accepted"}, got


def test_answers_marked_inline_under_an_original_message_whose_lines_stand_bare_are_read(tmp_path, settings, nlp):
    """A council officer's e-mail says "My answers are inline below (marked >>)." over "-----Original Message-----",
    its "From:" / "Sent:" / "To:" / "Subject:" lines and the cycling group's message, whose recommendations stand
    bare, "1. Replace ...", each with the officer's ">> ..." under it: the marks alone set the answers apart, so
    recommendation 1 is accepted by ">> Done. ..." and 2 is answered by its own line (before, the marks were
    blanked as if the message's own lines were quoted with ">", and nothing was answered)."""
    text = ("From: Priya Shah <priya.shah@northfield.example.gov.uk>\nSent: 20 June 2025 14:12\n"
            "To: Tom Beck <tom.beck@cyclenorthfield.example.org.uk>\nSubject: RE: Cycle parking audit\n\n"
            "Hi Tom,\n\nThanks for the audit. My answers are inline below (marked >>).\n\nPriya\n\n"
            "-----Original Message-----\nFrom: Tom Beck <tom.beck@cyclenorthfield.example.org.uk>\n"
            "Sent: 2 June 2025 09:40\nTo: Priya Shah <priya.shah@northfield.example.gov.uk>\n"
            "Subject: Cycle parking audit\n\n"
            "Dear Priya,\n\nOur members have audited the cycle parking at the Council's offices and libraries. We "
            "recommend:\n\n"
            "1. Replace the wheel-bender stands at the Civic Centre with Sheffield stands.\n\n"
            ">> Done. Twelve Sheffield stands were fitted at the Civic Centre in May.\n\n"
            "2. Add covered cycle parking at the three branch libraries.\n\n"
            ">> We will review the case for covers once the library refurbishment budget is set in the autumn.\n\n"
            "We would be glad to show your officers round the sites we audited.\n\n"
            "Best wishes,\n\nTom Beck\nSecretary, Cycle Northfield\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["1"]["stance"] == "accepted", rows["1"]
    assert rows["2"]["stance"] != "not_addressed" and "review the case for covers" in rows["2"]["evidence"], rows["2"]


def test_answers_numbered_in_square_brackets_answer_the_recommendations_of_those_numbers(tmp_path, settings, nlp):
    """An older people's forum lists its recommendations "[1] ...", "[2] ...", "[3] ..." and the hospital trust's
    reply answers in paragraphs numbered the same way, "[1] We agree. ...", "[2] ...", "[3] We will consider ...":
    each recommendation is answered by the paragraph of its own number, and 3 is deferred by its own (before, "[1]"
    did not number a paragraph as "1." does, and 3 took its answer from the reply as a whole, [2]'s text)."""
    letter = ("Kingsmere Older People's Forum\n3 Abbey Walk\nKingsmere KM2 4RP\n\n6 January 2026\n\n"
              "Dear Dr Fenwick,\n\nOur members met in December to discuss the Trust's outpatient services. We make "
              "three recommendations:\n\n"
              "[1] Appointment letters should be printed in a large typeface for patients who ask for it.\n\n"
              "[2] The hospital shuttle bus should run from the railway station every half hour.\n\n"
              "[3] A volunteer should meet patients at the main entrance and take them to their clinic.\n\n"
              "We would be grateful for your reply by the end of February.\n\n"
              "Yours sincerely,\n\nJoan Meadows\nChair, Kingsmere Older People's Forum\n\n")
    answers = {"1": "[1] We agree. From March, patients can ask for their letters in large print when they book.",
               "2": "[2] The shuttle bus contract runs until 2028, and we are not able to change its timetable before "
                    "then.",
               "3": "[3] We will consider this with our volunteer service and decide by the summer whether we can "
                    "staff it."}
    reply = ("Kingsmere Hospitals NHS Trust\nKingsmere KM1 1QQ\n\n12 February 2026\n\nDear Mrs Meadows,\n\n"
             "Thank you for your letter of 6 January with the Forum's recommendations. I reply to each in turn.\n\n"
             + "".join(a + "\n\n" for a in answers.values())
             + "Yours sincerely,\n\nDr Ruth Fenwick\nChief Executive\n")
    rows = _rows_of(tmp_path, settings, nlp, letter + reply)
    evidence = {lab: rows[lab]["evidence"] or "" for lab in answers}
    assert all(evidence[lab] and evidence[lab] in answers[lab] for lab in answers), evidence
    assert rows["1"]["stance"] == "accepted" and rows["3"]["stance"] == "deferred", rows


def test_a_force_that_does_not_agree_in_the_recommendation_s_own_words_rejects_it(tmp_path, settings, nlp):
    """Under "Recommendation Three" a police force writes "Dunmoor Police do not agree that attendance in person or
    by video is needed at every strategy discussion.", most of its words the recommendation's own, and then how it
    takes part instead: that sentence refuses the recommendation, which is rejected (before, it was set aside as a
    quote of the recommendation, and the telephone arrangement after it read as accepting)."""
    letter = ("Dunmoor Safeguarding Children Partnership\nDunmoor DN4 2XL\n\n9 September 2025\n\n"
              "Dear Chief Constable,\n\nChild Safeguarding Practice Review: Child M\n\n"
              "The review makes three recommendations for the police.\n\n"
              "1. Officers should record the name of every adult present at a home visit.\n\n"
              "2. The force should share its missing-from-home reports with the school on the next working day.\n\n"
              "3. A police officer should attend every strategy discussion in person or by video.\n\n"
              "I would be grateful for your response by 31 October 2025.\n\n"
              "Yours sincerely,\n\nDr Helen Croft\nIndependent Scrutineer\n\n")
    reply = ("Dunmoor Police\nHeadquarters\nDunmoor DN1 5AA\n\n24 October 2025\n\nDear Dr Croft,\n\n"
             "Thank you for your letter of 9 September setting out the review's recommendations for the force.\n\n"
             "Recommendation One\n\nWe accept this recommendation. The home visit form was changed in October to "
             "record every adult present.\n\n"
             "Recommendation Two\n\nWe accept this recommendation. Missing-from-home reports are now sent to the "
             "school on the next working day.\n\n"
             "Recommendation Three\n\nDunmoor Police do not agree that attendance in person or by video is needed at "
             "every strategy discussion. An officer from the referral unit takes part in each discussion by "
             "telephone, which allows discussions to be held on the day of the referral.\n\n"
             "Yours sincerely,\n\nSarah Kendal\nChief Constable\n")
    rows = _rows_of(tmp_path, settings, nlp, letter + reply)
    assert rows["3"]["stance"] == "rejected", rows["3"]
    assert (rows["3"]["evidence"] or "").startswith("Dunmoor Police do not agree"), rows["3"]


def test_noted_over_a_sentence_that_only_says_whose_decision_it_is_stays_noted(tmp_path, settings, nlp):
    """A government paper answers "Response: Noted." and then "It is for local partnerships to decide how the
    funding is used, as they are best placed to know what their areas need.": that says whose decision it is, and
    refuses nothing, so the recommendation stays noted through the whole pipeline (before, the sentence was read
    as the refusal that "noted, then declined" looks for, and the recommendation was rejected)."""
    paper = ("Welsh Government\n\nResponse to the Local Government Committee report on community grants\n\n"
             "The Welsh Government welcomes the Committee's report. This paper responds to each of the Committee's "
             "recommendations.\n\n"
             "Recommendation 1: The Welsh Government should publish plain-language guidance on applying for "
             "community grants.\n\nResponse: Accepted. The guidance will be published by the end of June.\n\n"
             "Recommendation 2: The Welsh Government should require every local partnership to spend a fifth of its "
             "grant on youth services.\n\nResponse: Noted. It is for local partnerships to decide how the funding is "
             "used, as they are best placed to know what their areas need.\n")
    got = _stances(tmp_path, settings, nlp, paper)
    assert got == {"1": "accepted", "2": "noted"}, got


def test_a_slide_s_bullets_under_a_not_accepted_status_do_not_turn_it_into_acceptance(tmp_path, settings, nlp):
    """A council's reply as slides, no blank line inside a slide: "Recommendation 4 – In-house collection" /
    "Status: Not accepted ✘" / "• costed at £2m a year extra" / "• contract monitoring doubled". The bullets are
    points of their own, not more of the status line, so recommendation 4 is rejected, and the others, "Status:
    Accepted ✔", accepted (before, the status ran on into its bullets and 4 was read as accepted)."""
    deck = ("===== Slide 1 =====\nRefuse collection in Kelvinside\n"
            "Response to the Community Council's recommendations\nFebruary 2026\n\n"
            "===== Slide 2 =====\nRecommendation 1 – Weekly garden waste\nStatus: Accepted ✔\n"
            "• Weekly collections will run from April to October 2026\n\n"
            "===== Slide 3 =====\nRecommendation 2 – Collection days online\nStatus: Accepted ✔\n"
            "• Every street's collection day was published on the website in January\n\n"
            "===== Slide 4 =====\nRecommendation 3 – Bin replacement\nStatus: Accepted ✔\n"
            "• Damaged bins are now replaced within eight working days\n\n"
            "===== Slide 5 =====\nRecommendation 4 – In-house collection\nStatus: Not accepted ✘\n"
            "• costed at £2m a year extra\n"
            "• contract monitoring doubled\n")
    got = _stances(tmp_path, settings, nlp, deck)
    assert got == {"1": "accepted", "2": "accepted", "3": "accepted", "4": "rejected"}, got


_FORM_ROWS = ("Dunmore Council\n"
              "Response to the Children's Services Scrutiny Panel review of school safeguarding\n"
              "The Council has considered the Panel's recommendations and sets out its response to each below.\n"
              "Recommendation (d) – Safeguarding audit\n"
              "☒ Accepted ☐ Partially accepted ☐ Not accepted\n"
              "Council response:\n"
              "Every school will complete the safeguarding audit by the end of the spring term.\n"
              "Lead officer: Head of Education Target date: April 2026\n"
              "Recommendation (e) – refresher training for designated safeguarding leads\n"
              "☐ Accepted ☐ Partially accepted ☒ Not accepted\n"
              "Council response:\n"
              "Designated leads already complete refresher training every two years under the national guidance, "
              "and a yearly course would take them out of school too often.\n"
              "Lead officer: Head of Education Target date: n/a\n")


def test_a_response_form_s_lettered_labels_each_head_their_own_answer(lex, nlp, settings, rules):
    """A council's response form in PDF text with no blank lines: "Recommendation (d) – Safeguarding audit" over
    its ticked row, "Council response:", its prose and "Lead officer: ... Target date: ...", then "Recommendation
    (e) – refresher training for designated safeguarding leads", its title in lower case, over its own. Each
    label heads its own answer, so (e)'s answer is found under its label and not inline in (d)'s last line (before,
    the lettered label with a lower-case title was not read as a heading over an answer)."""
    got = answers(_FORM_ROWS, lex, nlp, settings, rules)
    assert set(got) == {"4", "5"} and got["4"][0] == "heading" and got["5"][0] == "heading", got
    assert any("yearly course" in s for s in got["5"][1]), got["5"]
    assert not any("April 2026" in s or "Recommendation (e)" in s for s in got["5"][1]), got["5"]
    assert not any("refresher training" in s for s in got["4"][1]), got["4"]


def test_a_response_form_s_ticked_not_accepted_under_a_lettered_label_rejects_it(tmp_path, settings, nlp):
    """The same form through the whole pipeline: (d), ticked "Accepted", is accepted, and (e), ticked "Not
    accepted" under its own label, is rejected (before, (e) took its answer from (d)'s last line and was only
    noted)."""
    got = _stances(tmp_path, settings, nlp, _FORM_ROWS)
    assert got == {"4": "accepted", "5": "rejected"}, got


def test_a_label_with_its_title_in_lower_case_in_pdf_text_heads_its_own_answer(tmp_path, settings, nlp):
    """A minister's reply in PDF text with no blank lines heads each answer "Recommendation 3 – registration of
    accommodation" over "Reject. The distinction ...", then "Recommendation 4 – nursing workforce" over "I note the
    review's findings on the nursing workforce." and "Yours sincerely". A title in lower case after the dash is a
    title all the same: a user relies on each answer being found under its own label, so 4 is noted and 3 rejected
    (before, neither label was read as a heading, 4 was not addressed and 3 took the wrong answer)."""
    text = ("Welsh Government\nCathays Park\nCardiff\nCF10 3NQ\n"
            "18 July 2024\n"
            "Dear Ms Morgan,\n"
            "Thank you for your review of learning disability services and its four recommendations. I respond to "
            "each\nbelow.\n"
            "Recommendation 1 – annual health checks\n"
            "Accept. Every health board will offer an annual health check from April 2025.\n"
            "Recommendation 2 – day services\n"
            "Accept. A day service co-ordinator will be funded in each local authority.\n"
            "Recommendation 3 – registration of accommodation\n"
            "Reject. The distinction between supported living and care homes is already set out in law, and a new\n"
            "register would add cost without improving care.\n"
            "Recommendation 4 – nursing workforce\n"
            "I note the review's findings on the nursing workforce.\n"
            "Yours sincerely,\n"
            "Dawn Price MS\n"
            "Minister for Social Care\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["4"]["stance"] == "noted", rows["4"]
    assert "nursing workforce" in (rows["4"]["evidence"] or ""), rows["4"]
    assert rows["3"]["stance"] == "rejected", rows["3"]


def test_a_reply_that_has_no_plans_to_do_what_was_recommended_in_its_own_words_rejects_it(tmp_path, settings, nlp):
    """An investigation branch's letter sets each safety recommendation under "Safety recommendation 4" and its
    words, "The Department should commission a national public awareness campaign on carbon monoxide poisoning in
    caravans and tents."; the department's reply heads its answer "Safety recommendation 4" over "Response: Not
    accepted" and a paragraph whose second sentence is "In the current financial context the Department has no
    plans to commission a further national public awareness campaign on carbon monoxide poisoning in caravans and
    tents.". Most of its words are the recommendation's own, but it refuses it: a user relies on that sentence
    being read as the answer, and recommendation 4 rejected by it (before, it was set aside as a quote of the
    recommendation, and 4 was only noted), while 1 to 3, "Response: Accepted", are accepted."""
    letter = ("Caravan and Leisure Safety Investigations Branch\nUnit 4, Harbour Court\nFalworth\nFW2 8LN\n\n"
              "11 March 2025\n\nDear Permanent Secretary,\n\n"
              "Investigation report: carbon monoxide poisoning at holiday parks\n\n"
              "Our investigation into the deaths of two guests at a holiday park is complete. It makes four safety "
              "recommendations to the Department, which are set out below. Please tell us within 90 days what "
              "action you will take on each.\n\n"
              "Safety recommendation 1\n\nThe Department should require holiday park operators to fit a carbon "
              "monoxide alarm in every caravan they let.\n\n"
              "Safety recommendation 2\n\nThe Department should publish guidance for park operators on the annual "
              "servicing of gas appliances in caravans.\n\n"
              "Safety recommendation 3\n\nThe Department should require park operators to keep a record of every gas "
              "safety check for five years.\n\n"
              "Safety recommendation 4\n\nThe Department should commission a national public awareness campaign on "
              "carbon monoxide poisoning in caravans and tents.\n\n"
              "Yours sincerely,\n\nDr Imogen Pascoe\nChief Investigator\n\n")
    reply = ("Department for Leisure and Tourism\n1 Victoria Street\nLondon\nSW1H 0ET\n\n9 June 2025\n\n"
             "Dear Dr Pascoe,\n\nThank you for your letter of 11 March and for the Branch's report. Our response to "
             "each safety recommendation is set out below.\n\n"
             "Safety recommendation 1\nResponse: Accepted\n\nRegulations requiring an alarm in every let caravan "
             "will be laid before Parliament in the autumn.\n\n"
             "Safety recommendation 2\nResponse: Accepted\n\nThe guidance was published on 2 June 2025 and has been "
             "sent to every licensed park.\n\n"
             "Safety recommendation 3\nResponse: Accepted\n\nThe record-keeping duty will be included in the same "
             "regulations as the alarms.\n\n"
             "Safety recommendation 4\nResponse: Not accepted\n\nPublic awareness campaigns are costly, and the "
             "evidence that they change behaviour is limited. In the current financial context the Department has "
             "no plans to commission a further national public awareness campaign on carbon monoxide poisoning in "
             "caravans and tents.\n\n"
             "Yours sincerely,\n\nMark Daventry\nPermanent Secretary\n")
    rows = _rows_of(tmp_path, settings, nlp, letter + reply)
    assert rows["4"]["stance"] == "rejected", rows["4"]
    assert "rejected:no-plans" in rows["4"]["cues"], rows["4"]
    assert [rows[lab]["stance"] for lab in ("1", "2", "3")] == ["accepted"] * 3, rows


_DENTAL_LETTER = ("Harbourside Health Board\nPlas Gwyn\nAbermor\nAB4 7PQ\n\n12 May 2026\n\nDear Mr Trevelyan,\n\n"
                  "Thank you for the Inspectorate's review of out-of-hours dental care. Our management response form, "
                  "which answers each of the review's three recommendations, is enclosed.\n\n"
                  "Yours sincerely,\n\nGlenys Parry\nChief Executive\n")
_DENTAL_RECS = ("The Board should publish the out-of-hours dental rota on its website each week.",
                "The Board should open a second emergency dental clinic in the north of the county.",
                "The Board should text each patient the time of their appointment.")
_TICKED = "☒ Accepted\n☐ Partially accepted\n☐ Not accepted"


def _dental_form(number_sep: str, last_answer: str) -> str:
    """The covering letter, then its management response form as pdftotext reads it, one field a line, a page
    to each recommendation: the number under "Recommendation number" (or beside it, ``number_sep`` a space), the
    last page's answer ``last_answer`` over its lead officer and target date, both left empty."""
    answers_ = [("The rota has been on the Board's website since March and is updated every Friday.",
                 "Head of Dental Services", "March 2026"),
                ("A second clinic will open at Llanfor Community Hospital in September.",
                 "Director of Primary Care", "September 2026")]
    pages = [f"\fManagement Response Form – Page {n} of 3\nRecommendation number{number_sep}{n}\nRecommendation\n"
             f"{rec}\nResponse category\n{_TICKED}\nManagement response\n{said}\nLead officer\n{who}\n"
             f"Target date\n{when}\n" for n, (rec, (said, who, when)) in enumerate(zip(_DENTAL_RECS, answers_), 1)]
    pages.append(f"\fManagement Response Form – Page 3 of 3\nRecommendation number{number_sep}3\nRecommendation\n"
                 f"{_DENTAL_RECS[2]}\nResponse category\n{_TICKED}\nManagement response\n\n{last_answer}"
                 "Lead officer\nTarget date\n")
    return _DENTAL_LETTER + "".join(pages)


def test_a_response_form_read_one_field_a_line_answers_each_recommendation_by_its_number(tmp_path, settings, nlp):
    """A health board's covering letter, then its management response form in PDF text, one field a line:
    "Recommendation number" / "1" / "Recommendation" / its words / "Response category" / the ticked box /
    "Management response" / the answer / "Lead officer" / ... on a page to each. A user relies on the form's
    answers being keyed by the numbers it gives them: stances for 1, 2 and 3 (before, each bare number under its
    label read as a page's number, and the form keyed nothing)."""
    got = _stances(tmp_path, settings, nlp, _dental_form("\n", ""))
    assert sorted(got) == ["1", "2", "3"], got
    assert got["1"] == "accepted" and got["2"] == "accepted", got


def test_a_response_form_s_answer_left_blank_over_its_next_fields_is_not_addressed(tmp_path, settings, nlp):
    """The same form, its last page's "Management response" left empty: under it only the labels of the next
    fields, "Lead officer" and "Target date", with nothing beside them. A user relies on that recommendation being
    not addressed: the labels are no answer (before, they were read as the answer's words, and it was noted)."""
    got = _stances(tmp_path, settings, nlp, _dental_form("\n", ""))
    assert got == {"1": "accepted", "2": "accepted", "3": "not_addressed"}, got


@pytest.mark.parametrize("status", ["Ongoing", "In progress"])
def test_a_response_form_s_answer_that_is_only_a_status_is_not_made_not_addressed(status, tmp_path, settings, nlp):
    """The guard: the form's last answer is only a status, "Ongoing" or "In progress", over the empty "Lead
    officer" and "Target date". That is the writer's word on the recommendation, not a field's label: it is
    not read as an answer left blank, so the recommendation is not made not addressed by it (here, with no
    cue either way, it is noted)."""
    got = _stances(tmp_path, settings, nlp, _dental_form(" ", status + "\n"))
    assert got["3"] != "not_addressed" and got["1"] == "accepted", got


def test_a_later_paragraph_that_names_a_headed_recommendation_does_not_take_its_answer(tmp_path, settings, nlp):
    """A minister's reply answers each recommendation under its own heading, "Recommendation 2" / its words /
    "The Government does not accept this recommendation ...", and after the headings of the others a closing
    section says "4.1 We will report on progress against recommendations 2 and 3 ...". A user relies on 2's
    answer staying the one under its own heading, so 2 is rejected by it (before, the later mention took the
    answer over, and 2 was read as accepted from a promise to report)."""
    text = ("Dear Ms Harrow,\n\nThank you for the Committee's report on county lines. The Government's response to "
            "each recommendation is set out below.\n\n"
            "Recommendation 1\n\nThe Home Office should fund a specialist officer in every force.\n\n"
            "The Government accepts this recommendation, and funding for the officers will start in April.\n\n"
            "Recommendation 2\n\nThe Home Office should agree a single definition of cuckooing.\n\n"
            "The Government does not accept this recommendation, as a statutory definition would be too narrow.\n\n"
            "Recommendation 3\n\nCouncils should record every case of cuckooing they learn of.\n\n"
            "The Government accepts this recommendation and will write to every council.\n\n"
            "4. Next steps\n\n"
            "4.1 We will report on progress against recommendations 2 and 3 in our annual report on serious "
            "violence, which is published each autumn.\n\n"
            "Yours sincerely,\n\nOwen Pritchard MP\nMinister for Policing\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["2"]["stance"] == "rejected", rows["2"]
    assert "does not accept" in (rows["2"]["evidence"] or ""), rows["2"]
    assert rows["1"]["stance"] == "accepted", rows["1"]


def test_a_reply_s_own_list_of_the_recommendations_is_answered_by_the_prose_below_it(lex, nlp, settings, rules):
    """The guard: a councillor's reply lists the Panel's two recommendations in its own words, a note beside each,
    "1. introduce a maximum fare. The Panel costed this at £1.2m a year." / "2. extend ...", then answers below in
    prose, "I accept the first recommendation. ...". The list's item is no heading over an answer: a user relies
    on 1 still being answered by that prose, though a list item came first (only an answer under a heading of its
    own stands against a later mention)."""
    text = reply("Thank you for the Panel's report on bus fares. It recommended that the Council should:",
                 "1. introduce a maximum fare. The Panel costed this at £1.2m a year.\n"
                 "2. extend the concessionary pass to carers. The Panel found 400 carers would use it.",
                 "I accept the first recommendation. The £2 fare will apply on every county route from September.",
                 "I do not accept the second, as the pass is set by national rules the Council cannot change.",
                 salutation="Dear Cllr Baines,", name="Cllr Ann Forde")
    report = {"1": "The Council should cap the single fare on every bus route it supports at two pounds.",
              "2": "The Council should let carers who travel with a disabled passenger use the concessionary pass."}
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2}, rec_texts=report)
    assert got["1"][1][:1] == ["I accept the first recommendation."], got["1"]
    assert not any("costed" in s for s in got["1"][1]), got["1"]


def test_a_wrapped_heading_s_recommendation_is_answered_by_the_prose_under_it(tmp_path, settings, nlp):
    """A minister's reply in PDF text with no blank lines heads each answer with a title wrapped over two lines,
    "National guidance on bins and parked vehicles" / "(recommendation 1)", over "I agree that local authorities
    would benefit from clearer national guidance ...". A user relies on that paragraph being the answer to 1, so
    1 is accepted by it (before, it was read as the recommendation's own words, and 1 took its answer from the
    next recommendation's paragraph)."""
    text = WRAPPED_TITLE_REPLY
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["1"]["stance"] == "accepted", rows["1"]
    assert "I agree" in (rows["1"]["evidence"] or "") and "Councils already" not in (rows["1"]["evidence"] or ""), \
        rows["1"]
    assert rows["2"]["stance"] == "rejected", rows["2"]


def test_a_title_wrapped_over_two_lines_closed_by_its_label_heads_the_answer_under_it(tmp_path, settings, nlp):
    """A minister's reply heads each answer with a title of its own, some wrapped over two lines and closed by the
    label in brackets, "Involving disabled people in scheme design" / "(recommendation 4)" and "Default limits on
    shared" / "streets (recommendation 3)", a blank line and the answer under each. A user relies on each stance
    coming from the answer under its own title: 1 accepted, 4 partially addressed ("I agree ... I am not able to
    extend it to ..."), 3 rejected (before, the two-line titles were no headings, and no answer was found)."""
    text = ("Department for Active Travel\n4 Pier Street\nLondon\nSW1A 7TT\n\n14 January 2027\n\nDear Ms Okonjo,\n\n"
            "Thank you for the Panel's report on streets for walking and wheeling. I set out my response to its "
            "recommendations below, under headings of my own.\n\n"
            "Safer crossings outside schools\n(recommendation 1)\n\n"
            "I accept this recommendation. Every council will receive funding for a zebra crossing outside each "
            "primary school by 2028.\n\n"
            "Involving disabled people in scheme design\n(recommendation 4)\n\n"
            "I agree that disabled people should be involved from the start of each scheme, and from April it will be "
            "a condition of the Department's funding. I am not able to extend it to schemes that councils pay for "
            "themselves.\n\n"
            "Default limits on shared\nstreets (recommendation 3)\n\n"
            "I do not accept this recommendation. Councils are best placed to set the limits on their own streets.\n\n"
            "Yours sincerely,\n\nMarcus Lyle MP\nMinister for Active Travel\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: row["stance"] for lab, row in rows.items()} == \
        {"1": "accepted", "3": "rejected", "4": "partially_addressed"}, rows
    assert "(recommendation" not in (rows["4"]["evidence"] or ""), rows["4"]
    assert (rows["3"]["evidence"] or "").startswith("I do not accept"), rows["3"]


def test_a_numbered_section_s_title_between_keeps_a_headed_answer_from_a_later_mention(tmp_path, settings, nlp):
    """A care board's reply in numbered paragraphs answers each recommendation under its own heading, the last
    "Recommendation 5: dental access group" / "2.5 We will decide whether ... after the national review ...", then
    goes on to "3. Other matters" and "4. Monitoring" / "4.1 We will report on progress against recommendations 2
    and 5 ...". No other recommendation's heading stands between: a user relies on 5's answer staying the one
    under its own heading, deferred (before, 4.1 took it over, and 5 was read as accepted from a promise to
    report)."""
    text = ("Marlow Vale Integrated Care Board\nRiverside House\nMarlow Vale\nMV2 8HH\n\n6 October 2026\n\n"
            "Dear Cllr Ashdown,\n\n1. Introduction\n\n"
            "1.1 Thank you for the Health Scrutiny Committee's report on dental services. Our response to each of its "
            "five recommendations is set out below.\n\n"
            "2. Our response to the recommendations\n\n"
            "Recommendation 1: emergency appointments\n\n"
            "2.1 We accept this recommendation. A booking line for emergency appointments opened in September.\n\n"
            "Recommendation 2: children's check-ups\n\n"
            "2.2 We accept this recommendation and will fund school visits by dental nurses from January.\n\n"
            "Recommendation 3: new practices\n\n"
            "2.3 We do not accept this recommendation, as the contracts for new practices are let nationally.\n\n"
            "Recommendation 4: care home residents\n\n"
            "2.4 We accept this recommendation. Every care home will have a named practice by March.\n\n"
            "Recommendation 5: dental access group\n\n"
            "2.5 We will decide whether to set up a dental access group after the national review of dental "
            "contracts reports next spring.\n\n"
            "3. Other matters\n\n"
            "3.1 The Committee also asked about the waiting list for orthodontic treatment, which has fallen by a "
            "third since April.\n\n"
            "4. Monitoring\n\n"
            "4.1 We will report on progress against recommendations 2 and 5 to the Committee's meeting in June, and "
            "we will publish the report on our website.\n\n"
            "Yours sincerely,\n\nDr Imogen Starr\nChief Executive\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["5"]["stance"] == "deferred", rows["5"]
    assert "decide whether" in (rows["5"]["evidence"] or ""), rows["5"]
    assert "report on progress" not in (rows["5"]["evidence"] or ""), rows["5"]
    assert rows["3"]["stance"] == "rejected" and rows["2"]["stance"] == "accepted", rows


def test_a_table_row_wrapped_over_two_lines_does_not_take_a_headed_answer(tmp_path, settings, nlp):
    """The guard: a minister's reply answers each recommendation under "**Recommendation 2a**" and the like, then
    sets out a timetable as a pandoc table whose rows wrap, the cells apart, "  Consult on revised engagement
    April to June 2027" / "  requirements (recommendation 2a)". That is a table's row, not a title wrapped over two
    lines and closed by its label: a user relies on 2a's stance still coming from its own answer, "I do not accept
    this recommendation." (a reading of every two-line block closed by a label as a heading took 2a's answer from
    the table)."""
    text = ("Dear Ms Varley,\n\n"
            "Thank you for the Panel's report on engaging communities in planning. My response to each of its "
            "recommendations follows, with a timetable at the end.\n\n"
            "**Recommendation 1**\n\n"
            "I accept this recommendation. The guidance on pre-application engagement will be published in March.\n\n"
            "**Recommendation 2a**\n\n"
            "I do not accept this recommendation. Developers will not be required to hold a public meeting on every "
            "application, as most applications are too small to justify one.\n\n"
            "**Recommendation 2b**\n\n"
            "I accept this recommendation, and the guidance will set out how councils should record what residents "
            "say.\n\n"
            "Timetable\n\n"
            "  ------------------------------------------------------------\n"
            "  Action                                  When\n"
            "  --------------------------------------- --------------------\n"
            "  Publish the engagement guidance         March 2027\n"
            "  (recommendation 1)\n\n"
            "  Consult on revised engagement           April to June 2027\n"
            "  requirements (recommendation 2a)\n\n"
            "  Publish the recording template          September 2027\n"
            "  (recommendation 2b)\n"
            "  ------------------------------------------------------------\n\n"
            "Yours sincerely,\n\nRt Hon Leona Barrett MP\nMinister for Planning\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["2a"]["stance"] == "rejected", rows["2a"]
    assert (rows["2a"]["evidence"] or "").startswith("I do not accept"), rows["2a"]
    assert (rows["2b"]["evidence"] or "").startswith("I accept"), rows["2b"]


def test_a_side_headed_answer_does_not_take_in_the_next_recommendation_s_words(tmp_path, lex, nlp, settings,
                                                                              rules):
    """A reply in pdftotext -layout text sets each recommendation under a side heading, " Recommendation" beside its
    words and the number under it in the margin, then " Government response" beside the answer. The answer to 1
    refuses it, "The Government will not fund such officers."; the words of 2 beside its side heading say that
    forces "have already introduced" courses. A user relies on 1 staying rejected on its own answer (before, its
    answer ran on into 2's words, which read as something done, and 1 was read as partially addressed)."""
    text = ("Dear Ms Harrow,\n\n"
            "Thank you for the Committee's report on county lines. The Government's response to each of its\n"
            "recommendations is set out below.\n\n"
            " Recommendation        The Home Office should fund a specialist officer for\n"
            " 1                     exploited children in every police force.\n\n"
            " Government response   The Government will not fund such officers. Forces already\n"
            "                       fund them from their own budgets.\n\n"
            " Recommendation        The Home Office should publish the training courses that\n"
            " 2                     some forces have already introduced for their staff.\n\n"
            " Government response   The Government accepts this recommendation and will publish\n"
            "                       the plan in the spring.\n\n"
            "Yours sincerely,\n\nOwen Pritchard MP\nMinister for Policing\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert rows["1"]["stance"] == "rejected", rows["1"]
    assert (rows["1"]["evidence"] or "").startswith("The Government will not fund"), rows["1"]
    assert not any(c.startswith("accepted:") for c in rows["1"]["cues"]), rows["1"]
    assert rows["2"]["stance"] == "accepted", rows["2"]
    got = answers(text, lex, nlp, settings, rules)
    assert got["1"][1][0] == "The Government will not fund such officers.", got["1"]
    assert not any("Recommendation" in s or "training courses" in s for s in got["1"][1]), got["1"]


def test_a_paper_whose_labels_and_status_lines_are_struck_twice_gives_each_recommendation_its_stance(tmp_path,
                                                                                                     settings, nlp):
    """pdfminer gives a response paper's fake-bold lines with every character doubled:
    "RReeccoommmmeennddaattiioonn  11" over the recommendation, then "GGoovveerrnnmmeenntt  rreessppoonnssee::
    AAcccceepptteedd" over the answer. A user relies on each recommendation taking the status under its own label,
    accepted, not accepted, noted (before, no label was read and the paper answered nothing)."""
    def bold(line: str) -> str:
        return "".join(c * 2 for c in line)

    parts = [("1", "The Department should publish a timetable standard for rural routes.", "Accepted",
              "The standard will be published in September and every operator will be asked to follow it."),
             ("2", "The Department should fund a free bus pass for every apprentice.", "Not accepted",
              "Apprentices can already apply for the young person's discount, and a second scheme would "
              "duplicate it."),
             ("3", "The Department should review the bus grant formula.", "Noted",
              "The formula was last reviewed in 2024.")]
    text = ("Department for Rural Transport\n4 Wharf Row\nLondon\nSE1 9ZZ\n\n12 March 2026\n\nDear Mr Pellow,\n\n"
            "Thank you for the Committee's report on rural bus services. The Government's response to each of its "
            "three recommendations is set out below.\n\n"
            + "".join(f"{bold('Recommendation ' + n)}\n\n{rec}\n\n"
                      f"{bold('Government response: ' + status)}\n\n{said}\n\n" for n, rec, status, said in parts)
            + "Yours sincerely,\n\nRt Hon Alys Trevena MP\nMinister for Rural Transport\n")
    assert "RReeccoommmmeennddaattiioonn  11" in text
    assert "GGoovveerrnnmmeenntt  rreessppoonnssee::  NNoott  aacccceepptteedd" in text
    assert _stances(tmp_path, settings, nlp, text) == {"1": "accepted", "2": "rejected", "3": "noted"}


def test_recommendations_boxed_in_an_html_table_are_answered_by_the_paragraph_under_each_box(tmp_path, settings,
                                                                                             nlp):
    """A Markdown export sets each recommendation in a one-cell HTML table, "<table>" / "<tr>" / "<td>Recommendation
    2<br>The Department should ...</td>" / "</tr>" / "</table>", the department's answer in the paragraph under it.
    A user relies on each recommendation taking the stance of the paragraph under its own box: accepted, rejected,
    noted (before, the tags were read with the words, each box was answered by itself, and 2 was only noted)."""
    def box(n: str, rec: str) -> str:
        return f"<table>\n<tr>\n<td>Recommendation {n}<br>{rec}</td>\n</tr>\n</table>\n\n"

    text = ("# Response of the Department for Coastal Affairs to the Harbours Panel\n\n"
            "The Department thanks the Panel for its report on small harbours. Each recommendation is set out in a "
            "box, with our response under it.\n\n"
            + box("1", "The Department should publish a register of harbour walls at risk.")
            + "We accept this recommendation. The register will be published on our website in May.\n\n"
            + box("2", "The Department should pay for a harbour master in every small port.")
            + "We do not accept this recommendation. Harbour masters are employed by the harbour authorities, and we "
              "will not fund these posts.\n\n"
            + box("3", "The Department should survey the silting of tidal berths each year.")
            + "We note this recommendation. Surveys are a matter for each harbour authority.\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: r["stance"] for lab, r in rows.items()} == {"1": "accepted", "2": "rejected", "3": "noted"}, rows
    assert (rows["1"]["evidence"] or "").startswith("We accept"), rows["1"]
    assert (rows["2"]["evidence"] or "").startswith("We do not accept"), rows["2"]
    assert (rows["3"]["evidence"] or "").startswith("We note"), rows["3"]


def test_a_council_report_s_table_split_by_merged_title_rows_gives_every_numbered_row_its_stance(tmp_path, settings,
                                                                                                nlp):
    """A council report with no greeting asks "That Council: ... approves the responses to the Panel's
    recommendations set out in Appendix A", and python-docx gives the appendix's tab table with each merged title
    row's words in every cell ("Special Responsibility Allowances<tab>Special Responsibility Allowances<tab>..."),
    one of them under a row whose comment ran on to a line of its own. A user relies on the report being a reply and
    on every numbered row taking its own response: Agree, Do not agree, Noted, Defer (before, only the first row was
    read; the rows under the second title were lost)."""
    def merged(title: str) -> str:
        return "\t".join([title] * 4) + "\n"

    text = ("KILNSEY DISTRICT COUNCIL\n\n"
            "Members' Allowances 2026/27 - Report of the Independent Remuneration Panel\n\n"
            "Recommendations\nThat Council:\nnotes the report of the Panel and thanks its members;\n"
            "approves the responses to the Panel's recommendations set out in Appendix A; and\n"
            "adopts the scheme of allowances at Appendix B from 1 April 2026.\n\n"
            "Background\nThe Panel met three times in the autumn and heard from eleven Members. A working group of "
            "Members met twice in January to consider its report.\n\n"
            + merged("APPENDIX A - PANEL RECOMMENDATIONS AND PROPOSED RESPONSES")
            + "No.\tPanel recommendation\tResponse\tComments\n"
            + merged("Basic Allowance")
            + "1\tThat the Basic Allowance be increased by 4 per cent from 1 April 2026.\tAgree\tIncrease of 2 per "
              "cent from April.\nThe balance to be considered in setting the 2027/28 budget.\n"
            + merged("Special Responsibility Allowances")
            + "2\tThat the Basic Allowance be paid monthly rather than quarterly.\tDo not agree\tPayroll runs "
              "quarterly for all office holders.\n"
              "3\tThat the SRA for the Chair of Planning be reviewed.\tNoted\t\n"
              "4\tThat the allowance for group leaders be reviewed after the election.\tDefer\tTo follow the May 2027 "
              "election.\n")
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    assert [ls["kind"] for ls in tables["letters"].to_pylist()] == ["reply"]
    assert {s["label"]: s["stance"] for s in tables["stances"].to_pylist()} == {
        "1": "accepted", "2": "rejected", "3": "noted", "4": "deferred"}


def test_a_reply_answering_under_the_concerns_titles_alone_gives_each_concern_its_own_stance(tmp_path, settings,
                                                                                            nlp):
    """A coroner heads each concern with its number and title, "Concern No. 1 - Core temperature monitoring", and the
    firm's reply answers under the titles alone, "Core temperature monitoring" / its answer, "Limits on exposure" /
    its answer, no numbers. A user relies on each concern taking the stance of the answer under its own title,
    accepted and rejected (before, the report's titles were not read as its concerns', and both concerns took the
    whole reply's verdict)."""
    text = (TITLED_CONCERNS_LETTER + "\n"
            "Brackley Roofing Ltd\nUnit 9, Tanner's Yard\nHexford HX3 8LP\n\n2 September 2025\n\nDear Ms Marsh,\n\n"
            "Thank you for your letter about the death of our colleague Lewis Tarrant. Our answers are below.\n\n"
            "Core temperature monitoring\n\n"
            "Every supervisor has now completed a heat illness course, and each crew carries a thermometer to check "
            "workers every hour when the temperature is above 25 degrees.\n\n"
            "Limits on exposure\n\n"
            "We do not accept that a fixed limit is needed. Our crews already stop when the supervisor judges it too "
            "hot, and a fixed rule would not suit every roof.\n\n"
            "Yours sincerely,\n\nOwen Brackley\nManaging Director\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: r["stance"] for lab, r in rows.items()} == {"1": "accepted", "2": "rejected"}, rows
    assert (rows["1"]["evidence"] or "").startswith("Every supervisor"), rows["1"]
    assert (rows["2"]["evidence"] or "").startswith("We do not accept"), rows["2"]


def test_each_line_of_an_at_a_glance_status_list_answers_its_own_recommendation(tmp_path, settings, nlp):
    """A chief executive's e-mail opens its response with "At a glance" over a bulleted list, one line a
    recommendation and no full stops: "* Rec 1 (named case handler) - agreed", "* Rec 2 (...) - agreed in part",
    "* Rec 4 (appeals panel) - noted". A user relies on each recommendation taking its own line's status, accepted,
    partially addressed, noted (before, the list was one sentence and every recommendation took its one verdict)."""
    text = ("From: Saoirse Lennon <saoirse.lennon@tenancydeposits.example.org>\nSent: 3 April 2026 15:20\n"
            "To: Rhys Cadogan <rhys.cadogan@cadoganreview.example.co.uk>\n"
            "Subject: RE: Review of deposit dispute handling - response to recommendations\n\n"
            "Dear Rhys\n\n"
            "Thank you for your final report on how we handle deposit disputes. The Board discussed it on 1 April, "
            "and this is our response to its recommendations.\n\n"
            "At a glance\n\n"
            "* Rec 1 (named case handler) - agreed\n"
            "* Rec 2 (evidence checklist for landlords) - agreed in part\n"
            "* Rec 4 (appeals panel) - noted\n\n"
            "More detail on each is below.\n\n"
            "A named case handler will be given to every dispute from 1 June, and the handler will stay with it until "
            "the adjudicator's decision.\n\n"
            "We will publish a checklist for landlords in May, but we will not make it compulsory, as many landlords "
            "already send the evidence we need.\n\n"
            "The Board has noted the proposal for an appeals panel and will return to it when the review of our "
            "adjudication rules is complete.\n\n"
            "Kind regards\n\nSaoirse Lennon\nChief Executive\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: r["stance"] for lab, r in rows.items()} == {
        "1": "accepted", "2": "partially_addressed", "4": "noted"}, rows
    assert rows["1"]["evidence"] == "* Rec 1 (named case handler) - agreed", rows["1"]


def test_a_summary_list_restating_the_recommendations_answers_none_of_them(tmp_path, settings, nlp):
    """The guard: a reply restates the review's recommendations as a bulleted list under "In summary, it recommended
    that I should:", "• publish ... (recommendation 1);" to "• report each year ... (recommendation 3).", then
    answers 1 and 2 under "Recommendation 1" and "Recommendation 2" headings. A list item is a sentence of its own,
    but this list says what was asked, not what was done: a user relies on 3, never answered, staying not addressed
    (reading its own summary line as its answer would make it noted)."""
    text = ("Dear Professor Quill,\n\n"
            "Thank you for your review of staff wellbeing at the Agency, published in January. In summary, it "
            "recommended that I should:\n\n"
            "• publish the results of the annual staff survey within a month of its close (recommendation 1);\n"
            "• open a confidential channel for staff to raise concerns about bullying (recommendation 2);\n"
            "• report each year to the Board on the steps taken to reduce sickness absence (recommendation 3).\n\n"
            "I set out my response to the first two below.\n\n"
            "Recommendation 1\n\n"
            "I accept this recommendation. This year's results were published on 14 March, three weeks after the "
            "survey closed.\n\n"
            "Recommendation 2\n\n"
            "I accept this recommendation. The confidential channel opened on 1 April and is run by an independent "
            "provider.\n\n"
            "Yours sincerely,\n\nDr Marcus Fell\nChief Executive\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: r["stance"] for lab, r in rows.items()} == {
        "1": "accepted", "2": "accepted", "3": "not_addressed"}, rows
    assert not rows["3"]["evidence"], rows["3"]


def test_a_department_s_reply_to_its_own_two_recommendations_gives_no_stance_to_another_body_s(tmp_path, settings,
                                                                                               nlp):
    """An inspector's letter numbered by paragraph sends its recommendations in groups, "2. Recommendations for the
    HSE: workforce and access" / "2.1 ..." / "2.2 ...", "3. Recommendations for the HSE: data and reporting",
    "4. Recommendations for the Department of Health" / "4.1 ..." / "4.2 ...". The Department's reply sets out "the
    Department's position on the two recommendations (4.1 and 4.2) that are addressed to us", answers each under its
    heading and names 3.2 in passing. A user relies on 4.1 and 4.2 being the letter's own recommendations, accepted
    and rejected, and on the HSE's 2.1 and 2.2 (and 3.1) getting no stance from the Department's reply (before, the
    letter's groups were not read; with them read but not the bracketed labels, the HSE's were all noted)."""
    text = ("Dear Minister,\n\n"
            "I write with the findings of my review of the ambulance service in the north west, which was published on "
            "3 March.\n\n"
            "1. Background\n\n"
            "1.1 We carried out visits to nine ambulance stations and spoke to more than sixty staff over the "
            "summer.\n\n"
            "2. Recommendations for the HSE: workforce and access\n\n"
            "2.1 The HSE should recruit forty more paramedics for the rural stations by the end of next year.\n\n"
            "2.2 The HSE should publish its response times for each county every quarter.\n\n"
            "3. Recommendations for the HSE: data and reporting\n\n"
            "3.1 The HSE should record the time each crew waits at a hospital door.\n\n"
            "3.2 The HSE should share those records with each hospital every month.\n\n"
            "4. Recommendations for the Department of Health\n\n"
            "4.1 The Department should fund a second air ambulance for the region.\n\n"
            "4.2 The Department should set a national standard for ambulance handover times.\n\n"
            "5. Next steps\n\n"
            "5.1 I would ask you to let me have your response to these recommendations within three months.\n\n"
            "Yours sincerely,\n\nNiamh Corrigan\nChief Inspector\n\n"
            "12 June 2026\n\nDear Ms Corrigan,\n\n"
            "Thank you for your report on the ambulance service in the north west. I set out below the Department's "
            "position on the two recommendations (4.1 and 4.2) that are addressed to us.\n\n"
            "Recommendation 4.1\n\n"
            "The Department accepts this recommendation. A second air ambulance will be funded from January and will "
            "be based at Sligo.\n\n"
            "Recommendation 4.2\n\n"
            "The Department does not accept this recommendation. Handover times are best set by each hospital group, "
            "and the HSE's monthly records under recommendation 3.2 will show where they slip.\n\n"
            "Yours sincerely,\n\nDeclan Furlong\nSecretary General\n")
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    stated = {r["label"]: r["text"] for r in tables["recommendations"].to_pylist()}
    assert (stated.get("4.1") or "").startswith("The Department should fund a second air ambulance"), stated
    assert (stated.get("2.1") or "").startswith("The HSE should recruit forty more paramedics"), stated
    got = {s["label"]: s["stance"] for s in tables["stances"].to_pylist()}
    assert got["4.1"] == "accepted" and got["4.2"] == "rejected", got
    assert not {"2.1", "2.2", "3.1"} & set(got), got


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["no-blank-line", "blank-line"])
def test_a_care_home_answering_two_of_four_concerns_under_their_titles_leaves_the_other_two_not_addressed(
        tmp_path, settings, nlp, gap):
    """A coroner's report lists "The MATTERS OF CONCERN are as follows:", then "CONCERN No.1 - Use of the bed sensor
    mat" over its sentences (no blank line between, as pdftotext gives it), up to "CONCERN No.4 - Records of falls".
    The care home answers only the two that concern its own practice, under their titles alone, "Use of the bed
    sensor mat" / its answer and "Post-fall observations" / its answer. A user relies on those two taking their own
    answers' stances, and on concerns 2 and 4 being not addressed (before, 2 and 4 took the
    answer under "Post-fall observations" as theirs too, and were rejected with it). So too with a blank line under
    each heading, where a concern's text is its title and its sentences ("Staffing at night: Two carers ...")."""
    text = ("HM Coroner for the County of Westholme\nThe Coroner's Court\nMarket Hill\nWestholme WH1 4QR\n\n"
            "REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
            "THIS REPORT IS BEING SENT TO: The Registered Manager, Larkfield House Care Home\n\n"
            "On 4 February 2026 I concluded the inquest into the death of Mrs Edna Pryce, who died at Larkfield House "
            "after a fall from her bed at night.\n\n"
            "During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion "
            "there is a risk that future deaths will occur unless action is taken.\n\n"
            "The MATTERS OF CONCERN are as follows:\n\n"
            "CONCERN No.1 - Use of the bed sensor mat" + gap +
            "The sensor mat beside Mrs Pryce's bed had been unplugged for cleaning and was not plugged back in, so no "
            "alarm sounded when she got up.\n\n"
            "CONCERN No.2 - Staffing at night" + gap +
            "Two carers were on duty for thirty-one residents across two floors.\n\n"
            "CONCERN No.3 - Post-fall observations" + gap +
            "After the fall no observations were recorded for four hours, although Mrs Pryce had hit her head.\n\n"
            "CONCERN No.4 - Records of falls" + gap +
            "Earlier falls were recorded in a separate book that the night staff did not see.\n\n"
            "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
            "Dated: 11 February 2026\n\nAnna Whitlock\nAssistant Coroner for Westholme\n\n"
            "Larkfield House Care Home\n12 Orchard Lane\nWestholme WH3 7JP\n\n30 March 2026\n\n"
            "Dear Ms Whitlock,\n\n"
            "Thank you for your report following the inquest into the death of Mrs Pryce. I am sorry for her family's "
            "loss. I respond below on the matters that concern the home's own practice.\n\n"
            "Use of the bed sensor mat\n\n"
            "We accept this concern. Every sensor mat is now checked at the start of each night shift, and the check "
            "is signed on the resident's chart.\n\n"
            "Post-fall observations\n\n"
            "We do not accept that a separate chart is needed. Our falls policy already sets the observations after a "
            "head injury, and the staff on duty that night have been retrained in it.\n\n"
            "Yours sincerely,\n\nGrace Okafor\nRegistered Manager\n")
    rows = _rows_of(tmp_path, settings, nlp, text)
    stances = {lab: r["stance"] for lab, r in rows.items()}
    assert stances["1"] == "accepted" and stances["2"] == stances["4"] == "not_addressed", stances
    # (the answer under "Post-fall observations" declines and points to the policy it already has: a refusal with the
    # title alone to go on, part done where the concern's sentences are known too; never another concern's verdict)
    assert stances["3"] in ("rejected", "partially_addressed"), stances
    assert (rows["1"]["evidence"] or "").startswith("We accept this concern"), rows["1"]
    said = " ".join((rows["3"]["evidence"] or "").split())
    assert said and said in " ".join(text[text.index("Post-fall observations\n\n"):].split()), rows["3"]


def _renal_report_and_reply(heading: str) -> str:
    """A coroner's report with six titled concerns and a society's reply under topic headings of its own, one of
    them ``heading`` (the third concern's title word for word, or not)."""
    return ("Dear Chief Executive,\n\n"
            "Following the inquest into the death of Mrs Ada Quill I raise the following matters of concern.\n\n"
            "Concern 1: Contacting specialist centres\nStaff at the general hospital did not know whom to call at the "
            "renal centre out of hours.\n\n"
            "Concern 2: Sharing records with specialist centres\nThe renal centre could not see the patient's blood "
            "results for two days.\n\n"
            "Concern 3: Access to dialysis guidelines\nThe ward could not find the centre's guidance on dialysis "
            "patients.\n\n"
            "Concern 4: Transfer responsibility\nNobody was clear which hospital was responsible for arranging the "
            "transfer.\n\n"
            "Concern 5: Decisions on where patients are treated\nThe decision to keep her on a general ward was not "
            "reviewed by a renal consultant.\n\n"
            "Concern 6: Coordination between hospitals\nThe two hospitals' teams did not meet to plan her care.\n\n"
            "I should be grateful for your response within 56 days.\n\nYours faithfully,\n\nMartin Hale\n"
            "Area Coroner\n\n"
            "Renal Society\n4 Park Row\nLeeds LS1 5HD\n\n3 January 2025\n\nDear Mr Hale,\n\n"
            "Thank you for your report. We set out below the Society's view on each matter.\n\n"
            "Contacting the centres and sharing their records\n\n"
            "We have written to every renal centre asking it to publish a single out-of-hours number, and we will "
            "issue guidance on sharing results with referring hospitals by March.\n\n"
            f"{heading}\n\n"
            "We do not think a separate guideline for general wards would help; care for dialysis patients should be "
            "directed by the renal team, which holds the current guidance.\n\n"
            "Transfers, coordination and decisions on where patients are treated\n\n"
            "Our new standard makes the renal centre responsible for arranging every transfer and for reviewing "
            "where each patient is treated within a day.\n\n"
            "Yours sincerely,\n\nDr Ruth Ames\nPresident\n")


def test_one_heading_that_is_a_concern_s_title_among_headings_of_the_reply_s_own_changes_nothing(tmp_path, settings,
                                                                                                  nlp):
    """A reply answers six titled concerns under three headings of its own, two of them taking several concerns
    together; one heading happens to be the third concern's title word for word. A user relies on that coincidence
    changing nothing: the reply is read by its topics as it would be under any other wording of that heading
    (before, the one exact title answered the third concern alone and the reply's other headings answered none)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    exact = _rows_of(tmp_path / "a", settings, nlp, _renal_report_and_reply("Access to dialysis guidelines"))
    other = _rows_of(tmp_path / "b", settings, nlp, _renal_report_and_reply("Guidelines on dialysis for the wards"))
    said = lambda rows: {lab: r["stance"] for lab, r in rows.items()}
    assert said(exact) == said(other), (said(exact), said(other))


def test_a_reply_headed_by_a_hyphenated_code_answers_the_recommendation_so_coded(tmp_path, settings, nlp):
    """An inspectorate's letter codes its recommendations "R-01", "R-02", "R-03", and the Force answers under "R-01 -
    Single system", "R-02 - Review within one hour" and "R-03 - Repeat flag". A user relies on each answer taking its
    own recommendation's stance, R-03 rejected (before, the codes were not read, and nothing was answered)."""
    letter = ("Dear Chief Constable,\n\n"
              "I write with the findings of our inspection of the Force's missing persons unit. We make the following "
              "recommendations.\n\n"
              "R-01   The Force should record every missing person report on a single system.\n\n"
              "R-02   The Force should review each high-risk case within one hour.\n\n"
              "R-03   The Force should flag repeat missing persons on the command and control system.\n\n"
              "I would be grateful for your response within three months.\n\nYours sincerely,\n\nAnne Clough\n"
              "HM Inspector\n\n")
    reply = ("Force Headquarters\nCastle Road\nHarrowdale HD1 4XX\n\n2 September 2024\n\n"
             "Dear Ms Clough,\n\nThank you for your report on the missing persons unit. Our response to each "
             "recommendation is set out below.\n\n"
             "R-01 - Single system\n\nWe accept this recommendation. Every report has been recorded on one system "
             "since July.\n\n"
             "R-02 - Review within one hour\n\nWe accept this recommendation. A duty inspector now reviews each "
             "high-risk case within the hour.\n\n"
             "R-03 - Repeat flag\n\nWe do not accept this recommendation. The command and control system cannot hold "
             "the flag, and repeat cases are already marked on the missing persons system.\n\n"
             "Yours sincerely,\n\nMark Dorey\nChief Constable\n")
    text = letter + reply
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: r["stance"] for lab, r in rows.items()} == {
        "R-01": "accepted", "R-02": "accepted", "R-03": "rejected"}, rows
    said = rows["R-03"]["evidence"] or ""
    assert said and text.index("R-03 - Repeat flag") < rows["R-03"]["evidence_char_start"], rows["R-03"]


_FOURTH_CONCERN_REPORT = ("REGULATION 28 REPORT TO PREVENT FUTURE DEATHS\n\n"
                          "THIS REPORT IS BEING SENT TO: The Chief Executive, Westvale Community Health\n\n"
                          "On 9 January 2024 I concluded the inquest into the death of Mrs Beryl Tansley.\n\n"
                          "The MATTERS OF CONCERN are as follows:\n\n"
                          "1. District nurses did not have access to the hospital's discharge notes.\n\n"
                          "2. No one checked that the pressure mattress had been delivered.\n\n"
                          "3. The out-of-hours team could not see the care plan.\n\n"
                          "4. The family were not told whom to call at night.\n\n"
                          "You are under a duty to respond to this report within 56 days of the date of this report."
                          "\n\nDated: 20 January 2024\n\nMartin Hale\nArea Coroner for North Dale\n\n")


def test_a_forwarded_message_s_subject_line_naming_a_concern_is_not_its_answer(tmp_path, settings, nlp):
    """An e-mail to the coroner's office forwards the governance team's message ("Please see below the Trust's
    response"), and under "Begin forwarded message:" its header carries "Subject: Reg 28 response - concern 4" over
    the body, "We have noted the concern. ...". A user relies on concern 4's answer being the message's body, not its
    subject line: noted, its evidence the body's sentence (before, the header was the evidence, read as accepted)."""
    mail = ("From: Lisa Holt <lisa.holt@westvale.nhs.uk>\nSent: 13 March 2024 10:02\n"
            "To: North Dale Coroners <coroners@northdale.gov.uk>\n"
            "Subject: FW: Reg 28 response - concern 4\n\n"
            "Dear Mr Hale,\n\n"
            "Please see below the Trust's response, which I am forwarding as requested.\n\nKind regards\n\n"
            "Lisa Holt\n\n"
            "Begin forwarded message:\n\n"
            "From: Governance Team <governance@westvale.nhs.uk>\nSubject: Reg 28 response - concern 4\n"
            "Date: 12 March 2024 at 09:41:07 GMT\nTo: Lisa Holt <lisa.holt@westvale.nhs.uk>\n\n"
            "We have noted the concern. The family information leaflet will be reviewed by the patient experience "
            "team later this year.\n\n"
            "Kind regards\n\nGovernance Team\n")
    text = _FOURTH_CONCERN_REPORT + mail
    rows = _rows_of(tmp_path, settings, nlp, text)
    said = rows["4"]["evidence"] or ""
    assert rows["4"]["stance"] == "noted", rows["4"]
    assert "Subject:" not in said and said.startswith("We have noted the concern"), rows["4"]


def _numbered_answers(verdicts: list[str]) -> str:
    """Each verdict under its "Recommendation N" heading, numbered from 1."""
    return "".join(f"Recommendation {n}\n\n{v}\n\n" for n, v in enumerate(verdicts, 1))


_TRANSPORT_VERDICTS = [
    "The Department accepts this recommendation and will publish new guidance on school transport by September.",
    "The Department accepts this recommendation. Councils will report their figures each year from 2025.",
    "The Department does not accept this recommendation, as the cost would fall on councils.",
    "The Department accepts this recommendation and has written to every council.",
    "The Department accepts this recommendation in part: the pilot will run in two regions only.",
    "The Department accepts this recommendation, and the first review will take place in the spring.",
    "The Department does not accept this recommendation; the existing appeals route already covers it."]


def test_a_count_of_recommendations_in_figures_leaves_the_one_not_answered_not_addressed(tmp_path, settings, nlp):
    """A government response paper, with no report in the file, says "The review made 8 recommendations." and answers
    1 to 7 under "Recommendation N" headings. A user relies on recommendation 8 being not addressed, the count in
    figures read as the count in words is (before, 8 was never known and the paper looked complete)."""
    text = ("Government response to the Independent Review of Home to School Transport\n\n"
            "Introduction\n\nThe review made 8 recommendations. This paper sets out the Government's response to the "
            "first seven, which fall to the Department.\n\n" + _numbered_answers(_TRANSPORT_VERDICTS))
    got = _stances(tmp_path, settings, nlp, text)
    assert got.get("8") == "not_addressed", got
    assert got["3"] == "rejected" and got["1"] == "accepted", got


def test_a_part_named_by_its_bracketed_letter_lets_the_count_stand(tmp_path, settings, nlp):
    """A council's reply says "The Report contains six recommendations.", mentions "Recommendation 5(a)" as answered
    with 5, and answers 1 to 5 under their headings. A user relies on recommendation 6 being not addressed: a part,
    "5(a)", is its number's, and leaves the count standing (before, the part's label kept the count from being
    used)."""
    text = ("Dear Coroner,\n\nThank you for your report. The Report contains six recommendations, and the Council's "
            "response to each of those it can act on is set out below. Recommendation 5(a), on the timing of "
            "reviews, is answered with recommendation 5.\n\n"
            + _numbered_answers([v.replace("Department", "Council") for v in _TRANSPORT_VERDICTS[:5]])
            + "Yours sincerely,\n\nAnna Pryce\nChief Executive\n")
    got = _stances(tmp_path, settings, nlp, text)
    assert got.get("6") == "not_addressed", got
    assert got["5"] == "partially_addressed", got


def test_a_web_reply_under_decimal_headings_answers_each_under_its_own(tmp_path, settings, nlp):
    """A letter numbers its recommendations 1.1, 1.2, 2.1 and 3.1; the company's web page answers under "### 1.1 One
    checklist", "### 1.2 A longer returns window" and "### 2.1 Commission on finance", the number and a space alone
    before each title. A user relies on each answer being its heading's, and on 3.1, which no heading takes up, being
    not addressed (before, the decimal headings were not read as the reply's, and 3.1 took the page's opening)."""
    letter = ("Dear Managing Director,\n\n"
              "I write with the findings of our review of used car sales at your showrooms. Our recommendations are "
              "set out below.\n\n"
              "1.1 The company should introduce a single checklist for the inspection of every car before it is "
              "sold.\n\n"
              "1.2 The company should extend the window in which a buyer may return a faulty car to 30 days.\n\n"
              "2.1 The company should tell every buyer in writing what commission it earns on finance.\n\n"
              "3.1 The company should pay its sales staff a salary that does not depend on finance sales.\n\n"
              "I would be grateful for your response by 30 September.\n\nYours sincerely,\n\nJoanne Reid\n"
              "Head of Trading Standards\n\n")
    page = ("# Our response to the Trading Standards review\n\n"
            "Published 20 September 2024\n\n"
            "Thank you to the Trading Standards team for their review. We have made changes in all our showrooms.\n\n"
            "### 1.1 One checklist\n\n"
            "We accept this recommendation. Every car now goes through the same forty-point checklist, signed by the "
            "workshop manager.\n\n"
            "### 1.2 A longer returns window\n\n"
            "We accept this recommendation. Buyers can now return a faulty car within 30 days of collection.\n\n"
            "### 2.1 Commission on finance\n\n"
            "We do not accept this recommendation. The commission is already set out in the finance agreement each "
            "buyer signs.\n\n")
    text = letter + page
    rows = _rows_of(tmp_path, settings, nlp, text)
    assert {lab: r["stance"] for lab, r in rows.items()} == {
        "1.1": "accepted", "1.2": "accepted", "2.1": "rejected", "3.1": "not_addressed"}, rows
    heads = ["### 1.1 One checklist", "### 1.2 A longer returns window", "### 2.1 Commission on finance"]
    for lab, head, nxt in zip(["1.1", "1.2", "2.1"], heads, heads[1:] + [None]):
        s = rows[lab]["evidence_char_start"]
        assert text.index(head) < s < (text.index(nxt) if nxt else len(text)), rows[lab]


_PROCUREMENT_LETTER = ("Dear Ms Whitby,\n\n"
                       "Following our audit of the Council's contracts register, we make three recommendations.\n\n"
                       "R1   The Council should publish every contract over £5,000 within 30 days of its award.\n\n"
                       "R2   The Council should record the reason for every waiver of the procurement rules.\n\n"
                       "R3   The Council should train all budget holders in the procurement rules each year.\n\n"
                       "We would be grateful for your response by 31 May.\n\nYours sincerely,\n\nOwen Marsh\n"
                       "Audit Manager\n\n")
_PROCUREMENT_REPLY = ("From: Jade Whitby <jade.whitby@harbridge.gov.uk>\nSent: 28 May 2024 16:12\n"
                      "To: Owen Marsh <owen.marsh@audit.example.gov.uk>\nSubject: RE: Contracts register audit\n\n"
                      "Dear Owen,\n\nThank you for the audit report. Our responses are below.\n\n"
                      "R1 - Accepted\n\nEvery contract over £5,000 is now published within 30 days of its award.\n\n"
                      "R2 - Partially accepted\n\nWaivers above £25,000 are now recorded with their reasons; smaller "
                      "waivers will be added when the new system goes live.\n\n"
                      "R3 -{r3}\n\n"
                      "Jade Whitby\nHead of Procurement\nHarbridge Borough Council\n")


def test_a_label_left_empty_over_the_signature_is_not_addressed(tmp_path, settings, nlp):
    """An e-mail reply answers "R1 - Accepted" and "R2 - Partially accepted", each over its answer, then "R3 -" with
    nothing after it, a blank line and the signature "Jade Whitby" / "Head of Procurement" / "Harbridge Borough
    Council": sent before it was finished. A user relies on R3 being not addressed, the signature no answer (before,
    R3 was accepted on the strength of the writer's name)."""
    rows = _rows_of(tmp_path, settings, nlp, _PROCUREMENT_LETTER + _PROCUREMENT_REPLY.format(r3=""))
    assert rows["R3"]["stance"] == "not_addressed" and not rows["R3"]["evidence"], rows["R3"]
    assert rows["R1"]["stance"] == "accepted" and rows["R2"]["stance"] == "partially_addressed", rows


def test_a_label_with_its_verdict_over_the_signature_keeps_it(tmp_path, settings, nlp):
    """The guard: the same reply with "R3 - Agreed" over the signature. A user relies on R3 being accepted, its
    evidence "R3 - Agreed" (only a label with nothing but the signature under it is left empty)."""
    rows = _rows_of(tmp_path, settings, nlp, _PROCUREMENT_LETTER + _PROCUREMENT_REPLY.format(r3=" Agreed"))
    assert rows["R3"]["stance"] == "accepted", rows["R3"]
    assert (rows["R3"]["evidence"] or "").startswith("R3 - Agreed"), rows["R3"]


def test_a_numbered_preamble_saying_which_matters_the_report_raises_answers_none_of_them(tmp_path, settings, nlp):
    """A council's reply numbers its paragraphs: "1.1 Thank you for your report, which raises matters 2, 5 and 6 with
    the Council ...", "1.2 This response has been prepared by the Countryside and Rights of Way service ...", its
    subject line "Inquest touching the death of Peter Lindell - Regulation 28 Report dated 12 April 2024", then "2.
    Matter 5 - Inspection of the towpath" and "3. Matter 6 - Status of the towpath" over their answers. A user relies
    on matter 2, which no section takes up, being not addressed: the preamble says what the report raises and who
    wrote the reply, and answers nothing (before, matter 2 was noted on the preamble's words)."""
    report = ("REGULATION 28 REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO: The Chief Executive, Fenwick District Council\n\n"
              "On 2 April 2024 I concluded the inquest into the death of Mr Peter Lindell, who drowned after falling "
              "from the towpath of the Fenwick Canal.\n\n"
              "The MATTERS OF CONCERN are as follows:\n\n"
              "1. The towpath has no lighting between the lock and the footbridge.\n\n"
              "2. There is no life-saving equipment on the towpath between the lock and the footbridge.\n\n"
              "3. The canal company's inspections are not shared with the emergency services.\n\n"
              "4. No warning signs mark the unfenced stretch by the weir.\n\n"
              "5. The Council does not inspect the towpath surface.\n\n"
              "6. The Council's rights of way team did not know that the towpath was a public footpath.\n\n"
              "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
              "Dated: 12 April 2024\n\nMartin Hale\nArea Coroner for North Dale\n\n")
    reply = ("Fenwick District Council\nCouncil Offices\nFenwick FW1 2AB\n\n5 June 2024\n\n"
             "Mr M Hale\nArea Coroner for North Dale\nThe Coroner's Court\nNorthdale ND1 4QT\n\n"
             "Dear Mr Hale,\n\n"
             "1.1 Thank you for your report, which raises matters 2, 5 and 6 with the Council, among others directed "
             "to the canal company.\n\n"
             "1.2 This response has been prepared by the Countryside and Rights of Way service, in consultation with "
             "Legal Services.\n\n"
             "Inquest touching the death of Peter Lindell - Regulation 28 Report dated 12 April 2024\n\n"
             "2. Matter 5 - Inspection of the towpath\n\n"
             "2.1 The Council accepts this concern. The towpath will be inspected every six months from July, and the "
             "inspections will be recorded on the rights of way system.\n\n"
             "3. Matter 6 - Status of the towpath\n\n"
             "3.1 The Council accepts this concern. The rights of way team has added the towpath to its register and "
             "trained its officers in the canal's status.\n\n"
             "Yours sincerely,\n\nClaire Doyle\nChief Executive\n")
    rows = _rows_of(tmp_path, settings, nlp, report + reply)
    assert rows["2"]["stance"] == "not_addressed" and not rows["2"]["evidence"], rows["2"]
    assert rows["5"]["stance"] == rows["6"]["stance"] == "accepted", rows


def _stances_by_reply(tmp_path, settings, nlp, text: str) -> dict[int, dict[str, str]]:
    """Each reply's stances, by its segment's index, where ``text`` is the only file of a corpus run."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    index = {r["letter_id"]: r["index"] for r in tables["letters"].to_pylist()}
    out: dict[int, dict[str, str]] = {}
    for s in tables["stances"].to_pylist():
        out.setdefault(index[s["letter_id"]], {})[s["label"]] = s["stance"]
    return out


HYPHEN_CODED_LETTER = (
    "Dear Chief Executive,\n\nReview of station safety\n\nWe make three recommendations, coded R-01 to R-03.\n\n"
    "R-01   The Trust should publish a safety plan for each station by June.\n\n"
    "R-02   The Trust should train all platform staff in crowd management.\n\n"
    "R-03   The Trust should install barriers at the three busiest stations.\n\n"
    "Please reply by 1 May.\n\nYours sincerely,\n\nAnne Body\nChair\n\n")


@pytest.mark.parametrize("heading", ["Recommendation {n}", "R{n}"], ids=["in-words", "r-code"])
def test_a_reply_numbering_a_hyphen_coded_letter_s_recommendations_answers_them(heading, tmp_path, settings, nlp):
    """A letter codes its recommendations "R-01" to "R-03"; the reply heads its answers "Recommendation 1" (or
    "R1"). A user relies on each code getting the answer under its number, once: not R-01 to R-03 left not
    addressed beside stances keyed 1 to 3."""
    answers = ["We accept this. The plans were published in April.",
               "We do not accept this recommendation. Training is already provided to every member of staff.",
               "We will consider this once the station survey reports next year."]
    reply = "Dear Ms Body,\n\nThank you for your letter.\n\n" + "".join(
        f"{heading.format(n=n)}\n{a}\n\n" for n, a in enumerate(answers, 1)) + "Yours sincerely,\n\nCarl Dee\n"
    got = _stances_by_reply(tmp_path, settings, nlp, HYPHEN_CODED_LETTER + reply)[1]
    assert got == {"R-01": "accepted", "R-02": "rejected", "R-03": "deferred"}


def test_a_reply_under_a_chaser_answers_the_letter_that_set_out_the_recommendations(tmp_path, settings, nlp):
    """A letter sets out three recommendations; a chaser e-mail asks when the response will come and sets out
    none; the reply under it answers recommendations 1 and 3. A user relies on the reply being linked to the letter
    with the recommendations, so that the one it passes over, 2, is not addressed (before, it was linked to the
    chaser, which asks nothing, and recommendation 2 had no stance at all)."""
    text = ("Dear Dr Marsh,\n\nThe Panel makes the following recommendations to the Trust:\n\n"
            "1. Introduce a standardised triage tool in the maternity assessment unit.\n"
            "2. Ensure a second midwife is rostered to triage on every night shift.\n"
            "3. Audit waiting times each month and report them to the Trust board.\n\n"
            "Please send the Trust's response by 5 April 2024.\n\nKind regards,\n\nStephen Achebe\nPanel Secretary\n\n"
            "From: Panel Office <panel@review.example.org.uk>\nSent: 10 April 2024 09:00\n"
            "To: Helen Marsh <helen.marsh@trust.example.nhs.uk>\nSubject: Chaser\n\n"
            "Dear Dr Marsh,\n\nCould you let us know when we can expect the Trust's response?\n\n"
            "Kind regards,\n\nPanel Office\n\n"
            "From: Helen Marsh <helen.marsh@trust.example.nhs.uk>\nSent: 12 April 2024 14:02\n"
            "To: Panel Office <panel@review.example.org.uk>\nSubject: RE: Chaser\n\n"
            "Dear Mr Achebe,\n\nApologies for the delay. Our response to the Panel's recommendations follows.\n\n"
            "Recommendation 1\nWe accept this recommendation. The triage tool was introduced on 18 March 2024.\n\n"
            "Recommendation 3\nWe do not agree that a monthly board report is needed and will not be providing one."
            "\n\n"
            "Regards,\n\nHelen Marsh\nMedical Director\n")
    got = _stances_by_reply(tmp_path, settings, nlp, text)
    assert got[2] == {"1": "accepted", "2": "not_addressed", "3": "rejected"}


def test_numbered_answers_on_consecutive_lines_answer_their_numbers(tmp_path, settings, nlp):
    """An e-mail answers the Panel's three recommendations on consecutive lines, no blank line between them
    ("1. We support ...", "2. We will consider ...", "3. We do not agree ..."), over a note and the trail it quotes.
    A user relies on each line being the answer to its number (before, only a block's first line was read as a
    numbered answer, and recommendations 1 and 3 were left not addressed). The last of such a list right above
    the sign-off is still read wrongly, its line taken for a quoted recommendation."""
    text = ("From: Review Panel <panel@review.example.org.uk>\nSent: 04 March 2024 09:30\n"
            "To: Helen Marsh <helen.marsh@trust.example.nhs.uk>\nSubject: Triage review - recommendations\n\n"
            "Dear Dr Marsh,\n\nThe Panel makes the following recommendations to the Trust:\n\n"
            "1. Introduce a standardised triage tool in the maternity assessment unit.\n"
            "2. Ensure a second midwife is rostered to triage on every night shift.\n"
            "3. Audit waiting times each month and report them to the Trust board.\n\n"
            "Please send the Trust's response by 5 April 2024.\n\nKind regards,\n\nStephen Achebe\n\n"
            "From: Angela Forde <angela.forde@icb.example.nhs.uk>\nSent: 12 April 2024 14:02\n"
            "To: Review Panel <panel@review.example.org.uk>\nSubject: RE: Triage review - recommendations\n\n"
            "Dear Mr Achebe,\n\nAs Chief Nurse of the Integrated Care Board, which commissions the service, I write "
            "in reply to the Panel's recommendations, which the Trust shared with us.\n\n"
            "1. We support this recommendation and have funded the triage tool and training for the Trust.\n"
            "2. We will consider funding a second night triage midwife once the Trust's establishment review reports "
            "in September 2024.\n"
            "3. We do not agree that a monthly report to the Trust board is needed and will not be asking for one.\n\n"
            "For reference, my earlier exchange with the Trust is quoted below.\n\nRegards,\n\nAngela Forde\n"
            "Chief Nurse\n\n"
            "> On 2 Feb 2024, at 10:15, Helen Marsh wrote:\n>> Thanks Angela - a fuller reply will follow.\n")
    got = _stances_by_reply(tmp_path, settings, nlp, text)
    assert got[1] == {"1": "accepted", "2": "deferred", "3": "rejected"}


_ROAD_CLOSURE_LETTER = (
    "Office of the Integrity Commissioner\n200 King Street\nLakeport ON L4B 2K1\n\n10 January 2025\n\n"
    "Mayor Robert Kwan\nTownship of Pine Ridge\n\nDear Mayor Kwan,\n\n"
    "Re: Report on the conduct of the Township's road closure consultation\n\n"
    "My report makes six recommendations to Council:\n\n"
    "1. Council should adopt a written policy on public notice of road closures.\n\n"
    "2. Council should send a letter of apology to the residents of Birch Lane.\n\n"
    "3. Council should publish the minutes of its closed meetings on road closures once the matter is decided.\n\n"
    "4. Council should train its members on the rules for closed meetings.\n\n"
    "5. Council should require staff to post notices on the affected street at least 14 days before a closure.\n\n"
    "6. Council should review the consultation process after twelve months.\n\n"
    "Please tell me what Council decides.\n\nYours truly,\n\nAnne Marchetti\nIntegrity Commissioner\n\n")
# the mayor's reply, up to the first clause of the resolution it quotes
_MAYORS_REPLY_OPENING = (
    "Township of Pine Ridge\nOffice of the Mayor\n1 Main Street\nPine Ridge ON L0K 1P0\n\n"
    "February 20, 2025\n\n"
    "Dear Ms. Marchetti,\n\n"
    "At its meeting of February 11, 2025, Council considered your report and passed the following resolution:\n\n"
    "THAT Council receive the report of the Integrity Commissioner dated January 10, 2025;\n")


def test_a_council_resolution_quoted_clause_by_clause_decides_each_recommendation_it_names(tmp_path, settings, nlp):
    """The mayor's letter quotes Council's resolution, a clause a line with no full stop between: "THAT Council
    receive the report ...;" / "AND THAT Council adopt Recommendation 5 ...;" / "AND THAT Council not adopt
    Recommendation 2, as ...;" / "AND THAT Council receive Recommendation 6 for information."; a later paragraph
    says "Council decided that no apology letter will be issued under Recommendation 2 ...". A user relies on each
    clause deciding its own recommendation (5 accepted, 2 rejected, 6 noted) and on 1, 3 and 4, which the resolution
    never names, being not addressed: a sentence about recommendation 2 alone takes no position on the others (before,
    the resolution was read as one sentence, 5 and 6 rejected with 2, and 1, 3 and 4 accepted on the apology
    sentence's words)."""
    reply = (_MAYORS_REPLY_OPENING +
             "AND THAT Council adopt Recommendation 5 and direct staff to post notices on the affected street at "
             "least 14 days before a closure;\n"
             "AND THAT Council not adopt Recommendation 2 of the report, as Council does not agree that an apology is "
             "warranted;\n"
             "AND THAT Council receive Recommendation 6 for information.\n\n"
             "The debate was a long one. Council decided that no apology letter will be issued under Recommendation "
             "2, as the residents of Birch Lane were consulted in the usual way.\n\n"
             "Yours truly,\n\nRobert Kwan\nMayor\n")
    got = _stances_by_reply(tmp_path, settings, nlp, _ROAD_CLOSURE_LETTER + reply)[1]
    assert got == {"1": "not_addressed", "2": "rejected", "3": "not_addressed", "4": "not_addressed",
                   "5": "accepted", "6": "noted"}, got


_SCHOOL_TRANSPORT = [
    ("The Welsh Government should publish a national standard for school transport for pupils with additional "
     "learning needs.", "Accept",
     "We will publish the standard in September 2025, after consulting local authorities and parents."),
    ("The Welsh Government should fund a passenger assistant on every home-to-school route that carries a pupil with "
     "additional learning needs.", "Accept in principle",
     "We agree that assistants make journeys safer, and we will work with local authorities on how this can be "
     "funded within existing budgets."),
    ("The Welsh Government should make local authorities publish the cost of each home-to-school route.", "Reject",
     "We do not accept this recommendation. The cost of individual routes is commercially sensitive, and publishing "
     "it would weaken authorities' position when they tender."),
    ("The Welsh Government should review the Learner Travel Measure.", "Noted",
     "The Welsh Government notes the Committee's view and will take it into account."),
]


def test_a_two_column_summary_before_the_full_sections_leaves_each_stance_to_its_section(tmp_path, settings, nlp):
    """A Welsh Government response opens with a summary table, "Recommendation<tab>Welsh Government response" over
    "1<tab>Accept", "2<tab>Accept in principle", ..., then sets each recommendation out in full: "Recommendation 3",
    the quote, "Response: Reject" and the refusal. A user relies on each stance coming from its own section (3
    rejected, 4 noted), its evidence there (before, the summary's two columns ran on over the sections and blanked
    their labels, and 2, 3 and 4 were left not addressed)."""
    summary = "Recommendation\tWelsh Government response\n" + "".join(
        f"{n}\t{status}\n" for n, (_, status, _) in enumerate(_SCHOOL_TRANSPORT, 1))
    sections = "".join(f"Recommendation {n}\n\n{rec}\n\nResponse: {status}\n\n{answer}\n\n"
                       for n, (rec, status, answer) in enumerate(_SCHOOL_TRANSPORT, 1))
    text = ("Welsh Government response to the Children, Young People and Education Committee report: School transport "
            "for pupils with additional learning needs\n\nMarch 2025\n\n"
            "The Welsh Government welcomes the Committee's report. Our response to each recommendation is summarised "
            "below and set out in full after the summary.\n\n" + summary + "\n" + sections)
    rows = _rows_of(tmp_path, settings, nlp, text)
    got = {lab: r["stance"] for lab, r in rows.items()}
    assert {lab: got[lab] for lab in ("1", "3", "4")} == {"1": "accepted", "3": "rejected", "4": "noted"}, got
    assert got["2"] != "not_addressed", got
    for n in range(1, 5):
        own = text.index(f"Recommendation {n}\n\n")
        nxt = text.index(f"Recommendation {n + 1}\n\n") if n < 4 else len(text)
        assert own < rows[str(n)]["evidence_char_start"] < nxt, (n, rows[str(n)]["evidence"])


def test_a_reply_citing_the_date_of_the_covering_e_mail_answers_the_report_it_sent(tmp_path, settings, nlp):
    """The coroner's office e-mails the report on 3 December ("Please find attached the Senior Coroner's Regulation 28
    report ..."); the report under it sets out two concerns and is dated only at its foot, "Dated: 03/12/2024". The
    trust replies "Thank you for your report dated 3 December 2024". A user relies on the reply answering the report,
    whose concerns it takes up, not the covering e-mail of that date, which sets out none (before, the reply was
    linked to the e-mail and no concern had a stance)."""
    cover = ("From: Coroner's Office <coroners.office@westdale.gov.uk>\nSent: 03 December 2024 10:14\n"
             "To: Patient Safety Team <patient.safety@westdale-hospitals.nhs.uk>\n"
             "Subject: Regulation 28 report - Mr Keith Armitage\n\n"
             "Dear Sir or Madam,\n\nPlease find attached the Senior Coroner's Regulation 28 report following the "
             "inquest into the death of Mr Keith Armitage. A response is due within 56 days.\n\n"
             "Kind regards,\n\nJoanne Pell\nCoroner's Officer\n\n")
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO: The Chief Executive, Westdale Hospitals NHS Foundation Trust\n\n"
              "On 19 November 2024 I concluded the inquest into the death of Mr Keith Armitage, who died of sepsis "
              "after waiting nine hours in the emergency department.\n\n"
              "The MATTERS OF CONCERN are as follows:\n\n"
              "1. Patients waiting in the corridor did not have their observations repeated each hour.\n\n"
              "2. The sepsis screening tool was not completed when Mr Armitage's temperature rose.\n\n"
              "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
              "Martin Crane\nSenior Coroner for Westdale\nDated: 03/12/2024\n\n")
    reply = ("Westdale Hospitals NHS Foundation Trust\nWestdale General Hospital\nWestdale WD3 9PL\n\n"
             "20 January 2025\n\n"
             "Dear Mr Crane,\n\n"
             "Thank you for your report dated 3 December 2024 following the inquest into the death of Mr Armitage.\n\n"
             "Since the inquest, every patient waiting in the corridor has observations repeated each hour, and the "
             "nurse in charge checks the record at the start of each hour.\n\n"
             "The Trust has also added the sepsis screening tool to the electronic observations chart, where it now "
             "opens automatically when a patient's temperature rises.\n\n"
             "Yours sincerely,\n\nDr Fiona Adebayo\nChief Medical Officer\n")
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(cover + report + reply, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    letters = {r["index"]: r for r in tables["letters"].to_pylist()}
    assert [letters[k]["kind"] for k in sorted(letters)] == ["letter", "letter", "reply"], letters
    stances = [s for s in tables["stances"].to_pylist() if s["letter_id"] == letters[2]["letter_id"]]
    assert {s["label"]: s["stance"] for s in stances} == {"1": "accepted", "2": "accepted"}, stances
    assert {s["responds_to"] for s in stances} == {letters[1]["letter_id"]}, stances


def test_options_brought_for_decision_defer_a_system_that_rejects_is_no_refusal_and_partly_complete_is_partial(
        tmp_path, settings, nlp):
    """Three answers the lexicon read wrongly: "Staff will bring forward options for a limit on permits per
    household, for Council's consideration, as part of the 2026 rate study. No by-law amendment is proposed at this
    time." waits for Council's decision; "The permit system now rejects authorisation by any manager who supervises the
    officer ..." is a thing done, not a refusal; "Status: Partially complete" is a partial answer. A user relies on
    the stances deferred, accepted and partially addressed (before: rejected, rejected and accepted)."""
    letter = ("Dear Mayor Fenwick,\n\nFollowing my investigation of complaints about the Town's parking permits, "
              "I make three recommendations:\n\n"
              "1. The Town should limit the number of residential parking permits issued to each household.\n\n"
              "2. The Town should stop managers from authorising refunds of their own team's parking fines.\n\n"
              "3. The Town should train all enforcement officers in the appeals process.\n\n"
              "Please tell me within three months what the Town has done.\n\nYours truly,\n\nDaniel Shaw\n"
              "Ombudsman\n\n")
    reply = ("Dear Mr Shaw,\n\nThank you for your letter. Our response to each recommendation follows.\n\n"
             "Recommendation 1\nStaff will bring forward options for a limit on permits per household, for Council's "
             "consideration, as part of the 2026 rate study. No by-law amendment is proposed at this time.\n\n"
             "Recommendation 2\nThe permit system now rejects authorisation by any manager who supervises the officer "
             "who issued the fine.\n\n"
             "Recommendation 3\nStatus: Partially complete\n\n"
             "Fourteen of the twenty officers have been trained, and the rest will be trained by June.\n\n"
             "Yours truly,\n\nClaire Fenwick\nMayor\n")
    got = _stances_by_reply(tmp_path, settings, nlp, letter + reply)[1]
    assert got == {"1": "deferred", "2": "accepted", "3": "partially_addressed"}, got


def test_a_dealer_s_reply_under_its_trading_name_is_keyed_to_the_concern_sent_to_it(tmp_path, settings, nlp):
    """A coroner sends concern 1 "To Priory Lane Motors and Sorano Motor UK Limited", concerns 2 and 3 to the DVSA and
    4 to the county council; the dealer replies under its letterhead, "PRIORY LANE MOTORS" over its address. A user
    relies on the reply being keyed to concern 1 alone, the one the dealer was sent (before, "Motors" named no
    business, and the dealer's reply left concerns 2 to 4 not addressed as though they were its own)."""
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO:\n1. Priory Lane Motors\n2. Sorano Motor UK Limited\n"
              "3. Driver and Vehicle Standards Agency\n4. Westbrook County Council\n\n"
              "On 4 October 2024 I concluded the inquest into the death of Mrs Carol Benham, who died when the airbag "
              "of her second-hand car failed to deploy in a collision on the A614.\n\n"
              "The MATTERS OF CONCERN are as follows:\n\n"
              "1. To Priory Lane Motors and Sorano Motor UK Limited: the car was sold without the outstanding airbag "
              "recall being carried out, and the dealer did not check the manufacturer's recall database.\n\n"
              "2. To the Driver and Vehicle Standards Agency: the MOT test does not check whether a safety recall is "
              "outstanding.\n\n"
              "3. To the Driver and Vehicle Standards Agency: recall letters go only to the first registered "
              "keeper.\n\n"
              "4. To Westbrook County Council: the junction where the collision happened has no warning signs.\n\n"
              "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
              "Helen Ashdown\nSenior Coroner for Westbrook\n11 October 2024\n\n")
    reply = ("PRIORY LANE MOTORS\nUnit 4, Priory Lane Trading Estate\nWestbrook WB7 3HT\n\n2 December 2024\n\n"
             "Dear Mrs Ashdown,\n\nThank you for your report following the inquest into the death of Mrs Benham.\n\n"
             "We now check the manufacturer's recall database for every car before it is offered for sale, and no car "
             "with an outstanding recall leaves the forecourt until the work has been done.\n\n"
             "All of our sales staff were trained in the new check in November.\n\n"
             "Yours sincerely,\n\nGraham Tolley\nDealer Principal\n")
    got = _stances_by_reply(tmp_path, settings, nlp, report + reply)
    assert got == {1: {"1": "accepted"}}, got


# ---- guards from the reviews of round 94's mends

def test_bare_resolution_clauses_adopt_or_decline_the_recommendation_each_names(tmp_path, settings, nlp):
    """A clause that only adopts ("AND THAT Council adopt Recommendation 1 of the report;") accepts it, one that
    only declines ("AND THAT Council not adopt Recommendation 3 respecting ...;") rejects it, whatever clause comes
    before, and a clause whose subject is in lower case ("AND THAT staff bring forward ...") is a clause of its own
    (review B: before, the bare clauses gave noted or nothing)."""
    reply = (_MAYORS_REPLY_OPENING +
             "AND THAT Council not adopt Recommendation 3 respecting the closure notices on Birch Lane;\n"
             "AND THAT Council adopt Recommendation 1 of the report;\n"
             "AND THAT staff bring forward options on Recommendation 4 for a later meeting.\n\n"
             "Yours truly,\n\nRobert Kwan\nMayor\n")
    got = _stances_by_reply(tmp_path, settings, nlp, _ROAD_CLOSURE_LETTER + reply)[1]
    assert (got["1"], got["3"]) == ("accepted", "rejected"), got
    assert got["2"] == "not_addressed", got


def test_an_opening_that_takes_no_position_leaves_an_unanswered_recommendation_not_addressed(tmp_path, settings,
                                                                                            nlp):
    """Before a reply's first answer under a number stand its opening and the resolution's clauses, which name
    other recommendations by number; a recommendation the reply never takes up (2 here) gets no stance from them:
    it is not addressed (review B: once the clauses had cues of their own, the opening lent them to 2)."""
    reply = ("Township of Pine Ridge\nOffice of the Mayor\n1 Main Street\nPine Ridge ON L0K 1P0\n\n"
             "February 20, 2025\n\n"
             "Dear Ms. Marchetti,\n\n"
             "Re: Your report on the Birch Lane closures\n\n"
             "I write further to your report dated January 10, 2025. At its regular meeting of February 11, 2025, "
             "Council passed the following resolution:\n\n"
             "THAT Council receive the report of the Integrity Commissioner;\n"
             "AND THAT Council adopt Recommendation 4, and direct the Clerk to arrange the training in March;\n"
             "AND THAT Council not adopt Recommendation 3 respecting the minutes of closed meetings;\n"
             "AND THAT Council adopt Recommendation 1 of the report.\n\n"
             "On Recommendation 3, Council was advised by the Clerk that publishing closed minutes would need a "
             "change to the procedure by-law, which Council did not support.\n\n"
             "Yours truly,\n\nRobert Kwan\nMayor\n")
    got = _stances_by_reply(tmp_path, settings, nlp, _ROAD_CLOSURE_LETTER + reply)[1]
    assert got["2"] == "not_addressed", got
    assert (got["1"], got["4"]) == ("accepted", "accepted"), got


# ---- guards for round 95's mends

_FINAL_OPINION = (
    "Public Services Ombudsman\n3 Castle Quay\nHollinsbridge HB1 4AA\n\n14 March 2025\n\n"
    "Sir Alan Petrie KCB\nPermanent Secretary\nMinistry of Housing and Communities\n\n"
    "Ms Carys Bowen\nChief Executive\nNorthmere Housing Authority\n\n"
    "Dear Sir Alan and Ms Bowen,\n\n"
    "Final Opinion: complaint 2024/0917 about the handling of homelessness applications\n\n"
    "I enclose my Final Opinion on Ms F's complaint. I found maladministration by both bodies: the Ministry's "
    "guidance on the timescale for homelessness decisions was unclear, and the Authority took eleven months to "
    "decide Ms F's application and did not offer her interim accommodation.\n\n"
    "I make the following recommendations.\n\nTo the Ministry of Housing and Communities:\n\n"
    "1. The Ministry should revise its guidance to state the time within which a homelessness decision must be "
    "made.\n\n"
    "2. The Ministry should write to every housing authority to draw its attention to the revised guidance.\n\n"
    "To Northmere Housing Authority:\n\n"
    "3. The Authority should apologise to Ms F in writing for the delay in deciding her application.\n\n"
    "4. The Authority should pay Ms F £1,500 for the distress and inconvenience the delay caused her.\n\n"
    "5. The Authority should clear its backlog of homelessness applications older than eight weeks within six "
    "months.\n\n"
    "6. The Authority should train its housing officers in the duty to provide interim accommodation.\n\n"
    "7. The Authority should report its homelessness decision times to its board every quarter.\n\n"
    "Please tell me within two months what you have done in response to these recommendations.\n\n"
    "Yours sincerely,\n\nDr Helen Achebe\nPublic Services Ombudsman\n\n")
_MINISTRY_REPLY = (
    "Ministry of Housing and Communities\n2 Marsham Court\nLondon SW1P 9ZZ\n\n9 May 2025\n\n"
    "Dear Dr Achebe,\n\nThank you for your letter of 14 March 2025 enclosing your Final Opinion on Ms F's "
    "complaint.\n\n"
    "The Ministry accepts your first recommendation. Revised guidance setting a decision time of 56 days was "
    "published on 2 May.\n\n"
    "The Ministry also accepts your second recommendation and wrote to every housing authority about the revised "
    "guidance on 6 May.\n\n"
    "I am copying this letter to the Chief Executive of Northmere Housing Authority, who will reply to you on the "
    "Authority's recommendations.\n\nYours sincerely,\n\nSir Alan Petrie KCB\nPermanent Secretary\n\n")
_AUTHORITY_MAIL = (
    "From: Carys Bowen <carys.bowen@northmere-housing.gov.uk>\nSent: 16 May 2025 15:02\n"
    "To: Ombudsman Casework <casework@ombudsman.example.org.uk>\n"
    "Subject: Complaint 2024/0917 - Northmere Housing Authority response\n\n"
    "Dear Dr Achebe,\n\n"
    "Further to your Final Opinion of 14 March 2025, and to the Permanent Secretary's letter of 9 May, I set out "
    "below the Authority's response to the recommendations you made to it. I have pasted each recommendation with "
    "our reply under it.\n\n"
    "1. The Authority should apologise to Ms F in writing for the delay in deciding her application.\n"
    "Reply: Agreed. I wrote to Ms F on 2 April 2025 to apologise.\n\n"
    "2. The Authority should pay Ms F £1,500 for the distress and inconvenience the delay caused her.\n"
    "Reply: Agreed. The payment was made to Ms F on 4 April 2025.\n\n"
    "3. The Authority should clear its backlog of homelessness applications older than eight weeks within six "
    "months.\n"
    "Reply: Agreed. A dedicated backlog team started work in April, and 212 of the 340 older applications have now "
    "been decided.\n\n"
    "4. The Authority should report its homelessness decision times to its board every quarter.\n"
    "Reply: Agreed. The first report went to the board on 14 May 2025.\n\n"
    "Kind regards,\n\nCarys Bowen\nChief Executive\nNorthmere Housing Authority\n")


def test_an_authority_s_e_mail_further_to_the_final_opinion_answers_the_ombudsman_s_own_recommendations(
        tmp_path, settings, nlp):
    """An ombudsman's Final Opinion makes seven recommendations, 1 and 2 to a ministry and 3 to 7 to an authority;
    the ministry replies, then the authority e-mails "Further to your Final Opinion of 14 March 2025, and to the
    Permanent Secretary's letter of 9 May ...", pasting recommendations 3, 4, 5 and 7 renumbered "1." to "4.", each
    with "Reply: Agreed. ..." typed under it. A user relies on the e-mail answering the ombudsman's letter (its
    reply-to date 14 March 2025) and its answers being keyed 3, 4, 5 and 7 by their words, 6 left not addressed
    (before, the e-mail answered the ministry's letter, and its answers were keyed 1 to 4)."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(_FINAL_OPINION + _MINISTRY_REPLY + _AUTHORITY_MAIL, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    letters = sorted(tables["letters"].to_pylist(), key=lambda r: r["index"])
    assert [r["kind"] for r in letters] == ["letter", "reply", "reply"], letters
    assert str(letters[2]["reply_to_date"]) == "2025-03-14", letters[2]
    stances = [s for s in tables["stances"].to_pylist() if s["letter_id"] == letters[2]["letter_id"]]
    assert {s["responds_to"] for s in stances} == {letters[0]["letter_id"]}, stances
    got = {s["label"]: s["stance"] for s in stances}
    assert got == {"3": "accepted", "4": "accepted", "5": "accepted", "6": "not_addressed", "7": "accepted"}, got


def _reply_stances(tmp_path, settings, nlp, text):
    """Each reply's stances by label, in file order, through the whole pipeline."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    letters = sorted(tables["letters"].to_pylist(), key=lambda r: r["index"])
    return [{s["label"]: s["stance"] for s in tables["stances"].to_pylist() if s["letter_id"] == L["letter_id"]}
            for L in letters if L["kind"] == "reply"]


_HOMECARE_LETTER = (
    "Care Inspectorate North\n4 Quayside\nNewcastle upon Tyne NE1 3DX\n\n2 October 2024\n\n"
    "Mr Stephen Larkholme\nBrackenfold Homecare Ltd\nUnit 4, Tanner Row, Skipton BD23 2LW\n\n"
    "Dear Mr Larkholme\n\nFollowing our assessment in September we make the recommendations below and ask you to "
    "tell us what you have done by 1 November 2024.\n\n"
    "1.   Make sure every care plan sets out how the person wants their medicines given.\n\n"
    "2.   Make sure all care workers receive supervision at least every three months.\n\n"
    "3.   Late and missed visits.\n(a) Record every late and missed visit on the call monitoring system.\n"
    "(b) Tell the person or their family when a visit will be more than 30 minutes late.\n\n"
    "Yours sincerely\n\nNaomi Fairbrass\nOperations Manager\n\n")


def test_a_reply_s_own_points_under_a_whole_recommendation_answer_it_and_a_split_one_s_parts_their_own(
        tmp_path, settings, nlp):
    """The provider answers "2.   Supervision." in points "(a)", "(b)" and "(c)" of its own, though the letter's
    recommendation 2 has no parts, and "3.   Late and missed visits." in "(a)" and "(b)", the letter's own parts
    of 3. A user relies on the points under 2 answering 2, together (partly: day staff now supervised, night staff
    not), and on 3a and 3b each taking its own answer (before, the points under 2 were keyed 2a, 2b and 2c, and 2
    itself left unanswered)."""
    reply = ("Brackenfold Homecare Ltd\nUnit 4, Tanner Row, Skipton BD23 2LW\n\n30 October 2024\n\n"
             "Naomi Fairbrass\nOperations Manager\nCare Inspectorate North\n\nDear Ms Fairbrass\n\n"
             "Thank you for your letter of 2 October 2024. Our responses to the recommendations are below.\n\n"
             "1.   Medicines in care plans.\nEvery care plan has been checked by a senior carer and now states how "
             "the person wants their medicines given. This was completed on 25 October 2024.\n\n"
             "2.   Supervision.\n(a) We have appointed two additional field supervisors, who started on 14 October "
             "2024, so that day staff will be supervised every three months.\n"
             "(b) Our twelve night-only care workers are supervised through spot checks and will stay on six-monthly "
             "supervision. We do not intend to change this.\n"
             "(c) We do not think a further supervisor post can be justified at present.\n\n"
             "3.   Late and missed visits.\n(a) All visits have been logged on the call monitoring system since "
             "7 October 2024, and late and missed visits are reported to the registered manager every morning.\n"
             "(b) We will consider this once the new rota system is in place in the new year, as the office cannot "
             "yet see in real time which visits are running late.\n\n"
             "Yours sincerely\n\nStephen Larkholme\nNominated Individual\n")
    (got,) = _reply_stances(tmp_path, settings, nlp, _HOMECARE_LETTER + reply)
    assert not {"2a", "2b", "2c"} & set(got), got
    assert got["2"] == "partially_addressed", got
    assert (got["3a"], got["3b"]) == ("accepted", "deferred"), got


def test_a_second_pasted_list_numbered_from_one_again_is_keyed_by_the_words_it_quotes(tmp_path, settings, nlp):
    """A council pastes the fire officer's recommendations under "Completed" and again under "In progress", the
    second list numbered from 1 again, each quote's words the letter's own though its recommendations differ by a
    few words ("residential care homes" / "nursing homes", "three months" / "six months"). A user relies on
    "1. The Council reviews the personal evacuation plans of all nursing homes ..." answering the letter's 4, the
    one whose words it quotes whole, though it shares half its words with the letter's 1 (before, it kept the
    number 1, and 4 was left unanswered). The document is one a reviewer wrote for this mend."""
    letter = ("Kesteven Fire and Rescue Service\n"
              "Protection Department, Fire Headquarters, Sleaford NG34 7TB\n"
              "\n"
              "11 September 2024\n"
              "\n"
              "Mr Paul Hedgecombe\n"
              "Director of Commissioning\n"
              "Ancholme County Council\n"
              "\n"
              "Dear Mr Hedgecombe\n"
              "\n"
              "Fire at Brierley Court, 2 June 2024: learning review\n"
              "\n"
              "Following the learning review into the fire at Brierley Court, the Service makes\n"
              "the recommendations below to the Council as commissioner of care services.\n"
              "\n"
              "Recommendations\n"
              "\n"
              "1. The Council reviews the fire risk assessments of all residential care homes\n"
              "it commissions within three months.\n"
              "2. The Council reviews the fire risk assessments of all nursing homes it\n"
              "commissions within three months.\n"
              "3. The Council reviews the personal evacuation plans of all residential care\n"
              "homes it commissions within six months.\n"
              "4. The Council reviews the personal evacuation plans of all nursing homes it\n"
              "commissions within six months.\n"
              "5. The Council reviews the personal evacuation plans of all supported living\n"
              "schemes it commissions within six months.\n"
              "\n"
              "I would welcome an update by 31 December 2024.\n"
              "\n"
              "Yours sincerely\n"
              "\n"
              "Group Manager Alison Tremayne\n"
              "Head of Protection\n"
              "\n")
    reply = ("From: Paul Hedgecombe <paul.hedgecombe@ancholme.gov.uk>\n"
             "Sent: 19 December 2024 11:48\n"
             "To: Alison Tremayne <alison.tremayne@kesteven-fire.gov.uk>\n"
             "Subject: RE: Brierley Court learning review - Council update\n"
             "\n"
             "Dear Alison,\n"
             "\n"
             "Thank you for your letter of 11 September. I have copied your recommendations\n"
             "into this e-mail with our update under each.\n"
             "\n"
             "Completed\n"
             "\n"
             "1. The Council reviews the fire risk assessments of all residential care homes\n"
             "it commissions within three months.\n"
             "Reply: Done. All 64 residential homes were reviewed by 30 November.\n"
             "2. The Council reviews the fire risk assessments of all nursing homes it\n"
             "commissions within three months.\n"
             "Reply: Done. All 21 nursing homes were reviewed by 6 December.\n"
             "\n"
             "In progress\n"
             "\n"
             "1. The Council reviews the personal evacuation plans of all nursing homes it\n"
             "commissions within six months.\n"
             "Reply: Agreed. Twelve of the 21 nursing homes have been visited and the rest\n"
             "are booked before 28 February 2025.\n"
             "2. The Council reviews the personal evacuation plans of all residential care\n"
             "homes it commissions within six months.\n"
             "Reply: We have started with the homes rated high risk, 18 of 64 so far, but we\n"
             "do not have the officer time to review every home within six months. The others\n"
             "will be reviewed at their annual contract visit.\n"
             "3. The Council reviews the personal evacuation plans of all supported living\n"
             "schemes it commissions within six months.\n"
             "Reply: Supported living tenants hold their own tenancies and the Council does\n"
             "not commission their accommodation. We will not be reviewing these plans.\n"
             "\n"
             "Regards\n"
             "\n"
             "Paul Hedgecombe\n"
             "Director of Commissioning\n"
             "Ancholme County Council\n")
    (got,) = _reply_stances(tmp_path, settings, nlp, letter + reply)
    assert (got["1"], got["2"], got["4"], got["5"]) == ("accepted", "accepted", "accepted", "rejected"), got
    assert got["3"] != "not_addressed", got


# ---- round 96's mends: indented answers under a paper's paragraph, suggested actions, full-width labels

_NOISE_PAPER = ("Brackenfield Borough Council\n\n"
                "Report to Cabinet, 12 May 2026\n\n"
                "Response to the Ombudsman's investigation of the Council's handling of noise complaints\n\n"
                "5.    The Ombudsman's suggested actions\n\n"
                "5.1   The Ombudsman made two suggested actions. They are set out below with the position proposed\n"
                "      for each.\n"
                "         Suggested action 1\n"
                "         Position: Agreed\n"
                "         Officers will reply to every noise complaint within ten working days.\n"
                "         Suggested action 2\n"
                "         Position: Noted\n")
_NOISE_SECTION_6 = ("6.    Financial implications\n"
                    "6.1   The cost of the new reply times will be met from existing budgets.\n")


def test_the_last_indented_answer_ends_at_the_paper_s_next_numbered_paragraph_at_the_margin(lex, nlp, settings,
                                                                                            rules):
    """A council's paper indents the answers under its paragraph 5.1 ("Suggested action 2" / "Position: Noted" /
    ...) and goes on at the margin, "5.2   The positions above have been discussed ... One alternative would be to
    reject both actions ...". A user relies on the last answer being its own three lines (before, it ran on through
    5.2 and section 6, and read "reject both actions" as its own)."""
    text = (_NOISE_PAPER + "         The out-of-hours noise service will be reviewed when the contract is renewed.\n"
            "5.2   The positions above have been discussed with the Cabinet Member. One alternative would be\n"
            "      to reject both actions, which is not recommended, as the Ombudsman may publish a further report.\n"
            + _NOISE_SECTION_6)
    got = answers(text, lex, nlp, settings, rules)
    assert sorted(got) == ["1", "2"], got
    spans = got["2"][1]
    assert spans[-1].endswith("when the contract is renewed."), spans
    assert not any("5.2" in s or "reject" in s or "budgets" in s for s in spans), spans


@pytest.mark.parametrize("wrapped", [
    pytest.param("         The out-of-hours noise service will be reviewed when the contract\n"
                 "is renewed in 2027, and the findings of the review will be reported to Cabinet.\n", id="words"),
    pytest.param("         The out-of-hours noise service will be reviewed within the next\n"
                 "12 months, and the findings of the review will be reported to Cabinet.\n", id="a-number"),
])
def test_an_indented_answer_that_wraps_back_to_the_margin_keeps_its_text(wrapped, lex, nlp, settings, rules):
    """The negative: the last answer's sentence wraps back to the margin, its line opening with a word or with a
    number that is no paragraph's ("12 months, and ..."). A user relies on the answer keeping its whole sentence,
    to "reported to Cabinet." (only the paper's paragraph number back at the margin ends it)."""
    text = _NOISE_PAPER + wrapped + "\n" + _NOISE_SECTION_6
    got = answers(text, lex, nlp, settings, rules)
    assert got["2"][1][-1].endswith("will be reported to Cabinet."), got["2"]


def test_an_indented_answer_s_own_numbered_list_at_the_margin_stays_in_the_answer(lex, nlp, settings, rules):
    """The negative: the last answer says "The Council will take two steps ..." and lists them at the margin, "1.
    Officers will ask ..." and "2. Officers will survey ...", before the paper's section 6. A user relies on both
    steps being part of the answer (at 6558fd8 the answer ends at "1.", read as the paper's next paragraph number,
    though the paper's own next one would be 5.2)."""
    text = (_NOISE_PAPER + "         The Council will take two steps before the contract is renewed.\n"
            "1. Officers will ask neighbouring councils how they staff their night services.\n"
            "2. Officers will survey residents who reported noise at night in 2025.\n\n" + _NOISE_SECTION_6)
    got = answers(text, lex, nlp, settings, rules)
    assert any("survey residents" in s for s in got["2"][1]), got["2"]


def test_suggested_actions_answered_under_their_labels_take_their_positions(tmp_path, settings, nlp):
    """A surgery answers an ombudsman's suggested actions under their labels, "Suggested action 1" / "Position:
    Agree" and "Suggested action 2" / "Position: Disagree". A user relies on 1 being accepted and 2 rejected (before,
    neither label was read, and the reply took no stance)."""
    text = ("Dear Ms Okafor,\n\n"
            "Thank you for your investigation report about the care of Mr P at Fernbrook Surgery. Our position on "
            "each of the suggested actions is set out below.\n\n"
            "Suggested action 1\n\nPosition: Agree\n\n"
            "The practice has written to Mr P to apologise for the delay in his referral.\n\n"
            "Suggested action 2\n\nPosition: Disagree\n\n"
            "The practice already checks every urgent referral on the day it is made, and will not add a second "
            "check.\n\nYours sincerely,\n\nDr Helen Marr\nSenior Partner\n")
    assert _reply_stances(tmp_path, settings, nlp, text) == [{"1": "accepted", "2": "rejected"}]


def test_a_reply_labelling_its_answers_with_full_width_brackets_takes_a_stance_on_each(tmp_path, settings, nlp):
    """A department types its labels with a Chinese input method: "OUR REF.：HD／MS／2026／04" and "Recommendation
    （１）", "Recommendation （２）" with full-width digits and brackets. A user relies on 1 being accepted and 2
    rejected (before, the full-width labels matched no pattern, and no recommendation was answered)."""
    text = ("Harbour Department\nHarbour Building, 38 Pier Road, Central\n\n"
            "OUR REF.：HD／MS／2026／04\n\n14 April 2026\n\nDear Dr Lau,\n\n"
            "Thank you for your letter of 3 March 2026 enclosing the Panel's report on ferry pier safety. The "
            "Department's response to each recommendation is set out below.\n\n"
            "Recommendation （１）\n\n"
            "The Department accepts this recommendation. Lifebuoys have been fitted at all twelve piers.\n\n"
            "Recommendation （２）\n\n"
            "The Department does not accept this recommendation, as the piers are already inspected every week.\n\n"
            "Yours sincerely,\n\nWong Ka-ming\nfor Director of Marine\n")
    assert _reply_stances(tmp_path, settings, nlp, text) == [{"1": "accepted", "2": "rejected"}]


def test_an_indented_recommendation_answered_at_the_margin_keeps_its_last_answer(tmp_path, settings, nlp):
    """The review's case: a command paper indents each recommendation and answers in a numbered paragraph at the
    margin ("3.    The Government does not accept ..."). A user relies on the last recommendation keeping its
    answer (before, the answer at the margin was taken for the paper's next paragraph and cut off, leaving the
    recommendation not addressed)."""
    text = ("Government Response to the Transport Committee's Report on Rural Buses\n\n"
            "1.    The Government welcomes the Committee's report and responds to its two recommendations below.\n\n"
            "      Recommendation 1: The Department should publish the rural bus timetable data each quarter.\n\n"
            "2.    The Government accepts this recommendation and will publish the data from July.\n\n"
            "      Recommendation 2: The Department should fund a national demand-responsive bus scheme.\n\n"
            "3.    The Government does not accept this recommendation. Local authorities are best placed to decide "
            "where such services are needed, and no national scheme will be funded.\n")
    assert _reply_stances(tmp_path, settings, nlp, text) == [{"1": "accepted", "2": "rejected"}]


def test_suggested_actions_beside_numbered_recommendations_leave_the_recommendations_answers(tmp_path, settings, nlp):
    """The review's case: a council answers an ombudsman's Recommendations 1 and 2 (both agreed) and then the
    ombudsman's Suggested actions 1 and 2 (one declined, one noted). A user relies on recommendation 2 keeping its
    own answer (before, "Suggested action 2" was read as recommendation 2 and its "Noted" overwrote "Agree")."""
    text = ("Dear Ms Okafor,\n\nThank you for your report. Our position on each recommendation and suggested action "
            "is below.\n\nRecommendation 1\n\nPosition: Agree. We have apologised to Mr P in writing.\n\n"
            "Recommendation 2\n\nPosition: Agree. We have refunded the charge in full.\n\n"
            "Suggested action 1\n\nPosition: Disagree. We will not change the charging policy.\n\n"
            "Suggested action 2\n\nPosition: Noted.\n\nYours sincerely,\n\nDr Helen Marr\nDirector\n")
    got = _reply_stances(tmp_path, settings, nlp, text)
    assert got and got[0].get("1") == "accepted" and got[0].get("2") == "accepted", got


# ---- round 98's mends: guards (each fails on its mend's parent) and negatives (the near-misses each must leave)

def test_a_restated_recommendation_in_the_present_tense_is_answered_by_the_paragraph_after_it(
        lex, nlp, settings, rules):
    """A response paper restates each recommendation as "The Reviewer recommends (paragraph 6.5) that ..." and
    answers in the paragraph under it. A user relies on 6.5's answer holding "The Government does not accept this
    recommendation." (before, only "recommended (paragraph ...) that" restated, and 6.5's answer was its own
    restatement alone)."""
    text = ("Government Response to the Independent Review of Coastal Lifeguard Services\n\n"
            "Beach safety signs\n\n"
            "The Reviewer recommends (paragraph 6.4) that councils put up a standard safety sign at every beach "
            "entrance.\n\n"
            "The Government accepts this recommendation. The standard sign will be published in June.\n\n"
            "Lifeguard hours\n\n"
            "The Reviewer recommends (paragraph 6.5) that lifeguards be on duty until eight in the evening in "
            "August.\n\n"
            "The Government does not accept this recommendation. Councils are best placed to set the hours.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "The Government does not accept this recommendation." in got["6.5"][1], got["6.5"]


def test_a_web_page_s_bulleted_contents_titles_end_the_answer_above_them(lex, nlp, settings, rules):
    """A GOV.UK page lists its sections as bullets ("- Foreword", "- Training of pilots", "- Boarding arrangements",
    "- Next steps") and sets each title again over its section. A user relies on recommendation 3's answer ending
    before the next section's title, "Boarding arrangements" (before, bulleted entries named no titles and the answer
    ran on into the next section)."""
    from pipeline.stages.answers import contents_titles

    text = ("# Government response to the Review of Harbour Pilotage\n\nPublished 9 May 2026\n\n"
            "- Foreword\n- Training of pilots\n- Boarding arrangements\n- Next steps\n\n"
            "Foreword\nThe Government thanks the reviewer for a careful report.\n\n"
            "Training of pilots\n"
            "Recommendation 3: Every harbour authority should train its pilots on a simulator each year.\n"
            "We accept this recommendation. Simulator courses begin in September.\n\n"
            "Boarding arrangements\n"
            "Recommendation 4: Pilot ladders should be inspected before every boarding.\n"
            "We accept this recommendation in part. Ladders will be inspected each week.\n\n"
            "Next steps\nThe Department will meet the harbour authorities in the autumn to agree a timetable, "
            "and will report to Parliament next year.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert got["3"][1] == ["We accept this recommendation.", "Simulator courses begin in September."]
    assert got["4"][1] == ["We accept this recommendation in part.", "Ladders will be inspected each week."]
    assert {"boarding arrangements", "next steps"} <= contents_titles(text, 0, len(text))


_LIFEGUARD_PARTS = ("Government Response to the Independent Review of Coastal Lifeguard Services\n\n"
                    "Beach safety signs\n\n"
                    "The Reviewer recommended (paragraph 5.8) that councils put up a standard safety sign at every "
                    "beach entrance.\n\nThe Government accepts this recommendation. The sign will be published in "
                    "June.\n\n")


def test_the_second_part_of_a_recommendation_answered_later_adds_to_its_answer(lex, nlp, settings, rules):
    """A response paper answers the first of the two proposals at paragraph 5.9 under its heading, then under a later
    heading writes "The second part of the recommendation at paragraph 5.9, on rescue boards, is not accepted ...".
    A user relies on 5.9's answer holding both ("accepts the first proposal" and "is not accepted"); before, the
    later paragraph replaced the first answer."""
    second = ("The second part of the recommendation at paragraph 5.9, on rescue boards, is not accepted, because "
              "councils already buy their own equipment.")
    text = (_LIFEGUARD_PARTS + "Training and equipment\n\n"
            "The Reviewer recommended (paragraph 5.9) that every lifeguard hold a national qualification and that "
            "every patrolled beach have a rescue board.\n\n"
            "The Government accepts the first proposal. The national qualification will be required from next "
            f"season.\n\nFunding\n\n{second}\n\nNext steps\n\nThe Department will report on progress next year.\n")
    got = answers(text, lex, nlp, settings, rules)
    assert "The Government accepts the first proposal." in got["5.9"][1], got["5.9"]
    assert second in got["5.9"][1], got["5.9"]


def test_the_second_part_of_the_report_in_prose_adds_nothing_to_an_answer(lex, nlp, settings, rules):
    """The negative: after 5.9's answer the paper says "The second part of the report, after the recommendation at
    paragraph 5.9, sets out the history of the service." A user relies on 5.9's answer staying its own paragraph,
    "The Government does not accept ...", as before (a part of the report is no part of the recommendation)."""
    prose = ("The second part of the report, after the recommendation at paragraph 5.9, sets out the history of the "
             "service.")
    text = (_LIFEGUARD_PARTS + "Rescue boards\n\n"
            "The Reviewer recommended (paragraph 5.9) that every patrolled beach have a rescue board.\n\n"
            "The Government does not accept this recommendation, because councils already buy their own "
            f"equipment.\n\n{prose}\n")
    got = answers(text, lex, nlp, settings, rules)
    assert got["5.9"][1][-1] == ("The Government does not accept this recommendation, because councils already buy "
                                 "their own equipment.")
    assert prose not in got["5.9"][1]


# ---- round 98's review mends: guards (each fails at 204336b)

_RURAL_BUS = ("Department for Rural Transport\n\n"
              "Government Response to the Independent Review of Rural Bus Services\n\n"
              "Responses to the recommendations\n\n"
              "Recommendation 1.1: Local transport authorities should publish a rural bus plan every three years.\n\n"
              "2.1 The Government accepts this recommendation. Guidance on the plans will be issued in the autumn.\n\n"
              "Recommendation 1.2: The Department should fund demand-responsive services in every county.\n\n"
              "2.2 The Government partially accepts this recommendation, and will fund services in the twenty "
              "counties with the fewest scheduled routes.\n\n"
              "Paragraph 2.1 sets out the timetable for the plans. We do not intend to require any single ticket or "
              "to change the law on fares.\n\n"
              "Recommendation 2.1: Operators should accept a single ticket across all rural routes in a county.\n\n"
              "2.3 The Government will consider this once the plans have been published, and will report in 2027. "
              "Fares remain a matter for operators, as paragraph 1.2 of the statutory guidance makes clear.\n\n"
              "Recommendation 2.2: The Department should publish the number of rural bus miles run each year.\n\n"
              "2.4 The Government accepts this recommendation and will publish the figures from next year.\n")


def test_a_paper_s_own_paragraph_number_cited_in_an_answer_leaves_the_answer_alone(tmp_path, settings, nlp):
    """A response paper numbers its own paragraphs "2.1 The Government accepts ..." and also answers
    recommendation 2.1. In the answer to 1.2 it says "Paragraph 2.1 sets out the timetable for the plans." and in
    the answer to 2.1 "as paragraph 1.2 of the statutory guidance makes clear". A user relies on 1.2 staying partially
    addressed and on neither citation being a mention (at 204336b both were read as mentions of recommendations
    2.1 and 1.2, and "Paragraph 2.1 ..." opened an answer that cut 1.2's short, so 1.2 was read as accepted)."""
    from pipeline.run import run_corpus

    (tmp_path / "paper.txt").write_text(_RURAL_BUS, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    stances = {s["label"]: s["stance"] for s in tables["stances"].to_pylist()}
    assert stances["1.2"] == "partially_addressed", stances
    cited = [_RURAL_BUS.index(c) for c in ("Paragraph 2.1", "paragraph 1.2 of")]
    assert not [m["label"] for m in tables["recommendation_mentions"].to_pylist()
                if any(c <= m["char_start"] < c + 20 for c in cited)]


def test_in_the_second_half_of_a_year_adds_no_part_to_an_earlier_mention(tmp_path, settings, nlp):
    """A response paper's introduction says recommendation 3 was answered in full in 2023, "accepting the
    recommendation made then"; its answer to 3 says the Government "will consider this recommendation when the
    review reports in the second half of 2026". A user relies on 3's stance being deferred (at 204336b "second half
    of" was read as the second part of a recommendation, the answer was merged with the introduction's mention,
    and 3 was read as accepted)."""
    text = ("Government Response to the Transport Committee's Report on Rural Rail Stations\n\n"
            "Introduction\n\nThe Government welcomes the Committee's report and has accepted most of its "
            "recommendations.\n\n"
            "Recommendation 3 was also the subject of the Committee's earlier inquiry, to which the Government replied "
            "in full in 2023, accepting the recommendation made then.\n\n"
            "Responses to the recommendations\n\n"
            "Recommendation 1: The Department should publish a list of unstaffed stations each year. The Government "
            "accepts this recommendation and will publish the first list in September.\n\n"
            "Recommendation 2: Network Rail should put a help point at every unstaffed station. The Government "
            "accepts this recommendation; help points will be in place by March 2027.\n\n"
            "Recommendation 3: The Department should make every rural station step-free by 2030. The Government will "
            "consider this recommendation when the rail investment review reports in the second half of 2026.\n")
    got = _reply_stances(tmp_path, settings, nlp, text)
    assert got and got[0].get("3") == "deferred", got


def test_a_bulleted_list_of_themes_an_answer_then_heads_does_not_cut_the_answer(tmp_path, settings, nlp):
    """An answer says "our work on this recommendation falls under three themes:" over the bullets "- Escort
    training", "- Vehicle standards", "- Complaints handling", and then sets each theme over a paragraph. A user
    relies on the whole answer being 1's, and 1 staying accepted (at 204336b the bullets were read as a contents list
    whose titles end each answer, so the answer stopped at the first theme and 1 was read as noted)."""
    text = ("Welsh Government response to the Commissioner's review of school transport\n\nPublished 10 April 2026\n\n"
            "Recommendation 1: The Welsh Government should make school transport safe for every pupil with "
            "additional learning needs.\n\n"
            "Our response: our work on this recommendation falls under three themes:\n\n"
            "- Escort training\n- Vehicle standards\n- Complaints handling\n\n"
            "Escort training\n\nFrom September every escort will complete accredited training before working with "
            "pupils, and councils will check the training records each term.\n\n"
            "Vehicle standards\n\nNew standards for accessible vehicles will be in force from January.\n\n"
            "Complaints handling\n\nParents will be able to complain to a single point in each council.\n\n"
            "Recommendation 2: The Welsh Government should publish how many pupils with additional learning needs "
            "travel more than an hour each way.\n\n"
            "Our response: we will consider this when the new data system is ready in 2028.\n")
    got = _reply_stances(tmp_path, settings, nlp, text)
    assert got and got[0].get("1") == "accepted", got


# ---- round 99's mends: guards (each fails on its mend's parent) and negatives (the near-misses each must leave)

_LOUNGE = "Residents are no longer left in the quiet lounge after midnight unless a carer stays with them."
_MATS = "Every resident assessed as at risk of falling now has a sensor mat beside the bed."
_CARERS = "A third carer has been added to the night shift since February."


def _elmcroft_reply(*sections: tuple[str, str]) -> str:
    return ("Dear Mr Quayle,\n\nThank you for your report following the inquest into the death of Mrs Nora Bexley at "
            "Elmcroft House. Our response to your concerns is as follows:\n\n"
            + "".join(f"{title}\n\n{body}\n\n" for title, body in sections)
            + "Yours sincerely,\n\nJoanna Pell\nRegistered Manager\n")


def test_a_reply_s_own_numbered_section_answers_the_concern_its_title_names(lex, nlp, settings, rules):
    """A care home numbers its own sections "## 1." to "## 3." and names in each title the concern it answers: "## 3.
    Use of the quiet lounge after midnight (your concern (2))" answers concern 2. A user relies on concern 2's answer
    being the lounge paragraph and concern 3's the night shift's (before, the section's number was read as a
    recommendation it restated, so 2 took the night shift's answer and 3 the lounge's)."""
    text = _elmcroft_reply(("## 1. Falls at night (your concern (1))", _MATS),
                           ("## 2. Staffing of the night shift (your concern (3))", _CARERS),
                           ("## 3. Use of the quiet lounge after midnight (your concern (2))", _LOUNGE))
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3})
    assert got["2"][1] == [_LOUNGE], got
    assert _CARERS in got["3"][1] and _LOUNGE not in got["3"][1], got


def test_a_reply_s_numbered_section_whose_number_is_the_concern_it_names_answers_it(lex, nlp, settings, rules):
    """The negative: the sections are "1. Our response to concern 1" to "3. Our response to concern 3", each number
    the concern it names. A user relies on each section answering its own concern, as before."""
    text = _elmcroft_reply(("1. Our response to concern 1", _MATS), ("2. Our response to concern 2", _LOUNGE),
                           ("3. Our response to concern 3", _CARERS))
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3})
    assert {lab: spans for lab, (_, spans) in got.items()} == {"1": [_MATS], "2": [_LOUNGE], "3": [_CARERS]}


_GANNET_SIGNS = ("The Shire has installed four warning signs at the start of the path, in English, Vietnamese and "
                 "Mandarin.")
_GANNET_RING = "An angel ring was fitted beside the fishing platform in August, and it is checked each week."
_GANNET_RECS = {"angel ring": "That the Shire of Culver Bay install an angel ring beside the fishing platform at "
                              "Gannet Point.",
                "signs": "That the Shire of Culver Bay install warning signs at the path to Gannet Point.",
                "track": "That the Shire of Culver Bay close the access track to vehicles at night."}


def _shire_reply(*sections: tuple[str, str]) -> str:
    return ("Dear Coroner,\n\nThank you for your findings into the death of Mr Tomas Reilly at Gannet Point. The "
            "Shire's response follows.\n\n" + "".join(f"{title}\n\n{body}\n\n" for title, body in sections)
            + "Yours faithfully,\n\nKeith Ambrose\nChief Executive Officer\n")


def test_a_reply_s_own_sections_numbered_one_to_five_are_not_the_recommendations_asked(lex, nlp, settings, rules):
    """A Shire was asked recommendations 2 (an angel ring), 3a (signs), 3b (the track) and 5 (the Department's
    records); its reply numbers its own sections "1. Background" to "5. Conclusion", its section on signs being "2.".
    A user relies on 2 taking the angel ring's paragraph and 3a the signs' (before, its "2." and "5." were read as
    answers to 2 and 5, so the signs answered the angel ring and the conclusion answered 5)."""
    background = ("Gannet Point is reached by a gravel track from the coast road, and about two hundred anglers fish "
                  "from the rocks each summer.")
    text = _shire_reply(("1. Background", background),
                        ("2. Warning signs at Gannet Point", _GANNET_SIGNS),
                        ("3. The access track", "The access track will be closed to vehicles at night from October."),
                        ("4. Rescue equipment", _GANNET_RING),
                        ("5. Conclusion", "The Shire thanks the Coroner for the recommendations and will keep the site "
                                          "under review."))
    recs = {"2": _GANNET_RECS["angel ring"], "3a": _GANNET_RECS["signs"], "3b": _GANNET_RECS["track"],
            "5": "That the Department of Fisheries share its records of rock fishing incidents with the Shire."}
    got = answers(text, lex, nlp, settings, rules, labels={"2": 2, "3a": 3, "3b": 3, "5": 5}, rec_texts=recs)
    assert got["2"][1] == [_GANNET_RING], got
    assert got["3a"][1] == [_GANNET_SIGNS], got


_SHIRE_SECTIONS = (("1. Signs", "The Shire has installed four new boards at the start of the path."),
                   ("2. Vehicles", "The gravel road will be closed to cars at night from October."),
                   ("3. Equipment", "A flotation device was fitted beside the platform in August."))
_SHIRE_ASKED = {"1": _GANNET_RECS["signs"], "2": _GANNET_RECS["track"], "3": _GANNET_RECS["angel ring"]}


def test_a_reply_s_sections_numbered_as_the_recommendations_asked_answer_them(lex, nlp, settings, rules):
    """The negative: the Shire was asked 1, 2 and 3 and numbers its sections "1. Signs", "2. Vehicles", "3.
    Equipment", one for each. A user relies on each section answering the recommendation of its number, as before
    (the numbers are the ones asked)."""
    got = answers(_shire_reply(*_SHIRE_SECTIONS), lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3},
                  rec_texts=_SHIRE_ASKED)
    assert {lab: spans for lab, (_, spans) in got.items()} == {lab: [body] for lab, (_, body) in
                                                                zip("123", _SHIRE_SECTIONS)}


def test_a_closing_numbered_section_after_sections_numbered_as_the_recommendations_leaves_them(
        lex, nlp, settings, rules):
    """The negative: the same reply adds a closing section, "4. Next steps", after "1. Signs", "2. Vehicles" and "3.
    Equipment". A user relies on 1 to 3 still being answered by their sections, as they were before round 99 (a
    reply that numbers its sections as the recommendations may well number its last words too)."""
    text = _shire_reply(*_SHIRE_SECTIONS, ("4. Next steps", "The Shire will report to the Council in December on the "
                                                            "work at Gannet Point."))
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "2": 2, "3": 3}, rec_texts=_SHIRE_ASKED)
    assert {lab: spans for lab, (_, spans) in got.items()} == {lab: [body] for lab, (_, body) in
                                                                zip("123", _SHIRE_SECTIONS)}


def test_a_wrapped_line_opening_with_a_date_does_not_end_a_subsection_s_answer(lex, nlp, settings, rules):
    """The negative: a supplier answers matter (3) under its subsection "3.2 Visits before disconnection (matter
    (3))", in text wrapped at short lines, one of which opens with the date "4 March 2025, and has been followed in
    every case"; the answer ends "We do not accept that a second visit is needed.", before "4. Next steps and
    reporting". A user relies on that last sentence being part of 3's answer, as it was before round 99 (a line of
    prose that opens with a day's number is no section title)."""
    text = ("Dear Ms Allard,\n\nThank you for your report following the inquest into the death of Mrs Edith Parrow.\n\n"
            "3. Our response\n\n"
            "3.1 Register of vulnerable customers (matter (1))\n\n"
            "Every customer is now checked against the register before any letter about\ndisconnection is sent.\n\n"
            "3.2 Visits before disconnection (matter (3))\n\n"
            "We changed our procedure so that an engineer must visit before any supply is cut off. It took effect on\n"
            "4 March 2025, and has been followed in every case\n"
            "since then, with no exceptions. We do not accept that a second visit is needed.\n\n"
            "4. Next steps and reporting\n\n"
            "We will send you our audit of the new procedure in the autumn.\n\n"
            "Yours sincerely,\n\nDavid Orme\nChief Executive, Northwold Energy\n")
    got = answers(text, lex, nlp, settings, rules, labels={"1": 1, "3": 3})
    assert "We do not accept that a second visit is needed." in got["3"][1], got


_BRACEWELL_REPORT = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
                     "THIS REPORT IS BEING SENT TO: Chief Executive, Wendle Valley Mental Health NHS Trust\n\n"
                     "On 3 June 2024 I concluded the inquest into the death of Owen Bracewell, who died four days "
                     "after he left hospital.\n\n"
                     "The MATTERS OF CONCERN are as follows:\n\n"
                     "1. Mr Bracewell left the ward without a crisis plan that told him whom to call.\n\n"
                     "2. No one telephoned him after he left the ward.\n\n"
                     "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
                     "Rachel Doyle\nSenior Coroner\n10 June 2024\n\n")
_BRACEWELL_HEAD = ("Wendle Valley Mental Health NHS Trust\nTrust Headquarters\nWendle WE4 2PL\n\n1 August 2024\n\n"
                   "Dear Ms Doyle,\n\nThank you for your report about the death of Mr Bracewell. ")
_ACTIONS_HEADER = "Action | Matter of concern | Lead | Date | Status\n"
_BRACEWELL_SIGNED = "Yours sincerely,\n\nDr Imogen Sale\nChief Executive\n"


def test_a_summary_table_of_actions_after_titled_answers_only_sums_them_up(tmp_path, settings, nlp):
    """A trust answers each concern under a title that names it ("Crisis planning when people leave hospital (matter
    of concern 1)"): the new crisis plan "will be considered by the Trust Board in December". It then sums up in a
    table "Action | Matter of concern | Lead | Date | Status" whose row "1 | 1 | ... | Complete" numbers its action
    1. A user relies on concern 1's stance coming from the prose, deferred (before, the row was kept as concern 1's
    answer, and its "Complete" made 1 accepted)."""
    reply = (_BRACEWELL_HEAD + "Our response follows.\n\n"
             "Crisis planning when people leave hospital (matter of concern 1)\n\n"
             "A new crisis plan template, drafted with patients and families, will be considered by the Trust Board in "
             "December. Until then the wards use the old form.\n\n"
             "Telephone calls after discharge (matter of concern 2)\n\n"
             "Every patient now receives a call from the community team within 72 hours of leaving the ward.\n\n"
             "Summary of actions\n\n" + _ACTIONS_HEADER
             + "1 | 1 | Director of Nursing | 01/11/2024 | Complete\n"
             "2 | 2 | Head of Community Services | 01/07/2024 | Complete\n\n" + _BRACEWELL_SIGNED)
    rows = _rows_of(tmp_path, settings, nlp, _BRACEWELL_REPORT + reply)
    assert rows["1"]["stance"] == "deferred", rows["1"]
    assert rows["1"]["evidence"] != "Complete" and rows["2"]["evidence"] != "Complete", (rows["1"], rows["2"])


def test_a_table_of_actions_with_no_titled_answers_is_the_answer(tmp_path, settings, nlp):
    """The negative: the trust's reply is only the table, "1 | 1 | ... | Complete" and "2 | 2 | ... | Not started",
    with no prose under titles naming the concerns. A user relies on each row staying its concern's answer, its
    status the evidence, as before."""
    reply = (_BRACEWELL_HEAD + "The actions the Trust has taken are shown below.\n\n" + _ACTIONS_HEADER
             + "1 | 1 | Director of Nursing | 01/07/2024 | Complete\n"
             "2 | 2 | Head of Community Services | 01/12/2024 | Not started\n\n" + _BRACEWELL_SIGNED)
    rows = _rows_of(tmp_path, settings, nlp, _BRACEWELL_REPORT + reply)
    assert (rows["1"]["evidence"], rows["2"]["evidence"]) == ("Complete", "Not started"), (rows["1"], rows["2"])


def _empty_homes_review(*recommendations: str) -> str:
    """Audit Wales's letter labelling its recommendations by the paragraphs of its review."""
    return ("Audit Wales\n24 Cathedral Road\nCardiff CF11 9LJ\n\n3 February 2026\n\n"
            "Chief Executive\nBrynmawr County Borough Council\n\nDear Chief Executive,\n\n"
            "Our review of the Council's management of empty council homes is complete.\n\n"
            + "".join(f"Recommendation {r}\n\n" for r in recommendations)
            + "I should be grateful for your response by 31 March 2026.\n\n"
            "Yours sincerely,\n\nCatrin Howells\nDirector of Audit\n\n")


_RELET = "3.4: The Council should re-let empty homes within 28 days of their being vacated."
_EMPTY_FIGURES = "3.9: The Council should publish the number of homes empty for more than six months each quarter."
_BRYNMAWR_HEAD = ("Brynmawr County Borough Council\nCivic Centre\nBrynmawr NP23 6XX\n\n20 March 2026\n\n"
                  "Dear Ms Howells,\n\nThank you for your review of empty council homes.")
_BRYNMAWR_SIGNED = "Yours sincerely,\n\nHuw Pennant\nChief Executive\n"


def test_a_reply_s_theme_citing_the_report_s_paragraphs_names_those_recommendations(tmp_path, settings, nlp):
    """Audit Wales labels its recommendations by the paragraphs of its review, 3.4, 3.9 and 4.6; the Council's reply
    answers by theme, "Theme A - Getting homes back into use (report paragraphs 3.4 and 3.9)". A user relies on that
    title naming recommendations 3.4 and 3.9 (before, "report paragraphs ..." named nothing, and the theme answered
    them only by its words)."""
    from pipeline.run import run_corpus

    reply = (_BRYNMAWR_HEAD + " Our response is set out by theme.\n\n"
             "Theme A - Getting homes back into use (report paragraphs 3.4 and 3.9)\n\n"
             "We do not accept the 28-day target, as many homes need major repairs first. We will publish the number "
             "of long-term empty homes on our website every quarter from April.\n\n"
             "Theme B - Repairs (paragraph 4.6)\n\n"
             "Agreed. Training for all repairs staff was completed in February.\n\n" + _BRYNMAWR_SIGNED)
    text = _empty_homes_review(_RELET, _EMPTY_FIGURES, "4.6: The Council should train its repairs staff to record "
                                                       "the reasons for each delay.") + reply
    (tmp_path / "review.txt").write_text(text, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    theme = text.index("Theme A")
    named = {m["label"] for m in tables["recommendation_mentions"].to_pylist()
             if theme <= m["char_start"] < text.index("\n", theme)}
    assert named == {"3.4", "3.9"}, named


_RESPONSES_BY_PARAGRAPH = (_BRYNMAWR_HEAD + "\n\n"
                           "Response to paragraph 3.4: Not agreed. Many homes need major repairs first, and the "
                           "repairs must meet the standard that paragraph 4.6 of the Welsh Government's guidance "
                           "sets.\n\n"
                           "Response to paragraph 3.9: Agreed. We will publish the figures on our website every "
                           "quarter from April.\n\n" + _BRYNMAWR_SIGNED)


def test_a_response_to_a_paragraph_the_report_labels_a_recommendation_answers_it(tmp_path, settings, nlp):
    """The Council answers "Response to paragraph 3.4: Not agreed. ..." and "Response to paragraph 3.9: Agreed. ...",
    where Audit Wales labels its recommendations 3.4 and 3.9 by paragraph. A user relies on 3.4 being rejected and
    3.9 accepted (before, neither line named a recommendation, and both took 3.9's answer and were accepted)."""
    rows = _rows_of(tmp_path, settings, nlp, _empty_homes_review(_RELET, _EMPTY_FIGURES) + _RESPONSES_BY_PARAGRAPH)
    assert (rows["3.4"]["stance"], rows["3.9"]["stance"]) == ("rejected", "accepted"), (rows["3.4"], rows["3.9"])


def test_a_paragraph_of_other_guidance_the_report_does_not_label_names_no_recommendation(tmp_path, settings, nlp):
    """The negative: the same reply cites "paragraph 4.6 of the Welsh Government's guidance", and Audit Wales made
    no recommendation 4.6. A user relies on no recommendation 4.6 being named or answered, and on 3.9 staying
    accepted, as before (a paragraph number is a recommendation's label only where the report labels one so)."""
    from pipeline.run import run_corpus

    (tmp_path / "review.txt").write_text(_empty_homes_review(_RELET, _EMPTY_FIGURES) + _RESPONSES_BY_PARAGRAPH,
                                         encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    assert "4.6" not in {m["label"] for m in tables["recommendation_mentions"].to_pylist()}
    stances = {s["label"]: s["stance"] for s in tables["stances"].to_pylist()}
    assert "4.6" not in stances and stances.get("3.9") == "accepted", stances


# ---- round 99's review mends (references): guards, each failing at a5f6277

def _corpus_tables(tmp_path, settings, nlp, text: str) -> dict[str, list[dict]]:
    """The tables of a corpus run whose only file is ``text``, as lists of rows."""
    from pipeline.run import run_corpus

    (tmp_path / "thread.txt").write_text(text, encoding="utf-8")
    return {name: table.to_pylist() for name, table in run_corpus(tmp_path, settings, nlp).tables.items()}


_FERRY_INSPECTION = ("Office of the Chief Inspector of Ferry Services\n12 Harbour Wynd\nOban PA34 9ZZ\n\n"
                     "Ms Elspeth Garvie\nChief Executive\nWestern Isles Ferries\nPier Road\nStornoway HS1 9ZZ\n\n"
                     "4 February 2025\n\nDear Ms Garvie,\n\nInspection of Western Isles Ferries\n\n"
                     "2. Recommendations for the Company\n\n"
                     "2.1 The Company should publish its sailing cancellations for each route every month.\n\n"
                     "2.2 The Company should train every deckhand in first aid by the end of 2025.\n\n"
                     "3. Recommendations for the Health Board\n\n"
                     "3.1 The Health Board should station a paramedic at each island's pier during the summer.\n\n"
                     "I would ask you to let me have your response within three months.\n\n"
                     "Yours sincerely,\n\nAngus Macrae\nChief Inspector\n\n")
_FERRY_REPLY = ("Western Isles Ferries\nPier Road\nStornoway HS1 9ZZ\n\n28 April 2025\n\nDear Mr Macrae,\n\n"
                "Thank you for your letter of 4 February 2025 and the report of your inspection.\n\n"
                "Paragraph 2.1\n\n"
                "We accept this recommendation. Cancellations for each route will be published monthly from June.\n\n"
                "Paragraph 2.2\n\n"
                "We accept this recommendation. Every deckhand will hold a first aid certificate by December 2025 (see "
                "paragraph 3.1 of the national maritime first aid guidance, which sets the standard).\n\n"
                "Yours sincerely,\n\nElspeth Garvie\nChief Executive\n")


def test_another_document_s_paragraph_cited_in_a_reply_names_no_recommendation(tmp_path, settings, nlp):
    """An inspector numbers recommendations by paragraph: 2.1 and 2.2 for the ferry company, 3.1 for the Health Board.
    The company's reply answers 2.1 and 2.2, citing in brackets "paragraph 3.1 of the national maritime first aid
    guidance". A user relies on the reply not mentioning or answering 3.1, the Health Board's (at a5f6277, the
    guidance's paragraph was read as the report's 3.1, a mention of it in the reply, with a stance)."""
    tables = _corpus_tables(tmp_path, settings, nlp, _FERRY_INSPECTION + _FERRY_REPLY)
    replies = {r["letter_id"] for r in tables["letters"] if r["kind"] == "reply"}
    assert replies, tables["letters"]
    mentioned = {m["label"] for m in tables["recommendation_mentions"] if m["char_start"] >= len(_FERRY_INSPECTION)}
    answered = {s["label"]: s["stance"] for s in tables["stances"] if s["letter_id"] in replies}
    assert "3.1" not in mentioned and "3.1" not in answered, (mentioned, answered)
    assert answered.get("2.2") == "accepted", answered


_DISCHARGE_REVIEW = ("Care Standards Inspectorate\n4 Tay Street\nPerth PH1 9ZZ\n\n10 March 2025\n\n"
                     "Dear Chief Executive,\n\nReview of hospital discharge for older people\n\n"
                     "Our review of hospital discharge for older people is complete. We recommend as follows.\n\n"
                     "1. Each council should assess every older person referred for care at home within seven days.\n\n"
                     "2. Each council should name a lead officer for hospital discharge.\n\n"
                     "Please send us your response within three months.\n\n"
                     "Yours sincerely,\n\nMorven Tait\nChief Inspector\n\n")
_DISCHARGE_REPLY = ("Glenairlie Council\nCouncil Offices\nGlenairlie PH7 9ZZ\n\n2 June 2025\n\nDear Ms Tait,\n\n"
                    "Thank you for your review of hospital discharge for older people.\n\n"
                    "Recommendations 1 and 2\n\n"
                    "We accept both. Every person referred will be assessed within seven days from September, and our "
                    "Head of Adult Care is now the lead officer for discharge. Our therapists already follow NICE "
                    "recommendations NG27 and NG74 when people move from hospital to care at home.\n\n"
                    "Yours sincerely,\n\nCallum Birse\nChief Executive\n")


def test_guideline_codes_named_as_nice_recommendations_are_no_labels(tmp_path, settings, nlp):
    """An inspectorate's letter numbers its recommendations 1 and 2; the council's reply says its therapists "already
    follow NICE recommendations NG27 and NG74". A user relies on NG27 and NG74 being no labels at all, neither
    mentioned nor answered, the reply answering 1 and 2 (at a5f6277, a list of codes after "recommendations" was read
    as labels NG27 and NG74, each with a stance, though the letter sets out no such codes)."""
    tables = _corpus_tables(tmp_path, settings, nlp, _DISCHARGE_REVIEW + _DISCHARGE_REPLY)
    labels = ({m["label"] for m in tables["recommendation_mentions"]} | {s["label"] for s in tables["stances"]}
              | {r["label"] for r in tables["recommendations"]})
    assert not labels & {"NG27", "NG74"}, labels
    assert {"1", "2"} <= labels, labels


def test_a_summary_table_under_one_title_naming_every_concern_still_answers_them(tmp_path, settings, nlp):
    """An integrated care board titles its whole reply "Our response to concerns 1 to 3", accepts them in a
    paragraph, and sums up in a table of actions whose rows "1 | 1 | ... | Complete", "2 | 2 | ... | Complete" and
    "3 | 3 | ... | Not started: the Board has decided not to vary the contract" each answer their concern. A user
    relies on concern 3 being rejected, as its row says (at a5f6277, the one title naming all three made every row
    a mere summary, all were dropped, and 3 took the paragraph's acceptance)."""
    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO: The Chief Executive, Harrowdale Integrated Care Board\n\n"
              "On 2 May 2024 I concluded the inquest into the death of Samir Aziz, who died three days after he left "
              "a crisis house.\n\n"
              "The MATTERS OF CONCERN are as follows:\n\n"
              "1. No service follows up people who leave a crisis house within 72 hours.\n\n"
              "2. GP practices are not told when a patient leaves a crisis house.\n\n"
              "3. The crisis house contract does not require a discharge plan to be shared with the family.\n\n"
              "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
              "Tobias Grange\nSenior Coroner\n9 May 2024\n\n")
    reply = ("HARROWDALE INTEGRATED CARE BOARD\nRiverside House, Quay Street, Harrowdale HD1 6DD\n\n1 July 2024\n\n"
             "Dear Mr Grange\n\nOur response to concerns 1 to 3\n\n"
             "We accept the concerns. Since 1 June every person leaving a crisis house is telephoned by the home "
             "treatment team within 72 hours.\n\n"
             "The table below sets out each action, the concern it answers and its status.\n\n"
             "| Action | Concern | Lead | Status |\n|---|---|---|---|\n"
             "| 1 | 1 | Director of Mental Health | Complete |\n"
             "| 2 | 2 | Head of Primary Care | Complete: practices are told on the day |\n"
             "| 3 | 3 | Contracts Manager | Not started: the Board has decided not to vary the contract |\n\n"
             "Yours sincerely\n\nDr Nadia Ferris\nChief Executive\n")
    rows = _rows_of(tmp_path, settings, nlp, report + reply)
    assert rows["3"]["stance"] == "rejected", rows["3"]
