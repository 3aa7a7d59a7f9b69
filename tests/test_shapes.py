"""Tests for pipeline.stages.shapes: hard starts (web pages, annexes, written questions, Hansard),
coroners' data-set records and their replies, and the kind of a document with no "Dear ..."."""
from __future__ import annotations

import pytest

from pipeline.records import Kind
from pipeline.stages.segment import segment
from pipeline.stages.shapes import Form, classify_document, hard_starts, is_pfd_record, pfd_reply_starts
from pipeline.text import split_lines


def first_line(text: str, offset: int) -> str:
    return text[offset:].splitlines()[0]


def starts_of(text: str, lex) -> list[tuple[Form, str]]:
    return [(s.form, first_line(text, s.offset)) for s in hard_starts(text, lex)]


def segments_of(text: str, lex) -> list[tuple[Kind, Form, str]]:
    return [(s.kind, s.form, first_line(text, s.start)) for s in segment(text, lex)]


# ---- fixtures: web pages, annexes, written questions, Hansard

TWO_PAGES = """# Letter from the Minister for Housing to the Chair of the Levelling Up Committee

Published 3 March 2022

Dear Ms Harrow,

Thank you for your letter of 14 February about the committee's report on cladding remediation. I set out the department's position on each of your recommendations below.

Yours sincerely,

Owen Pritchard MP

# Letter from the Chair of the Levelling Up Committee to the Minister for Housing

Published 1 April 2022

Dear Minister,

I am grateful for your reply and for the commitment to publish the remediation data every quarter, which the committee recommended in its report.

Yours sincerely,

Helen Harrow MP
"""

# page furniture above the first title, and a section heading inside the page
PAGE_WITH_FURNITURE = """Skip to main content

Home > Government > Correspondence

# Letter from the Minister for Housing to the Chair of the Levelling Up Committee

## Background

Dear Ms Harrow,

Thank you for your letter of 14 February about the committee's report on cladding remediation.

Yours sincerely,

Owen Pritchard MP

# Letter from the Chair of the Levelling Up Committee to the Minister for Housing

Dear Minister,

I am grateful for your reply.

Yours sincerely,

Helen Harrow MP
"""

REPORT_THEN_ANNEX = """Our inspection found that staff in all twelve establishments had too little training in the use of force, and that records of incidents were often incomplete or late.

We made recommendations to each governor and to the Ministry of Justice, which are set out in the chapters above together with the evidence behind them.

The Ministry's reply to our recommendations is reproduced in the annex below, with its permission, so that readers can follow the progress made.

Annex 3

Letter to the Chief Inspector from the Minister for Prisons

Dear Mr Walcott,

Thank you for your report on the young offender institutions. We accept recommendation 4 and will publish the revised guidance in the autumn.

Yours sincerely,

Dora Fenwick MP
"""

APPENDIX_EMAIL = """Appendix B

Email from the Chief Executive of Wexley Borough Council to the Local Government Ombudsman

Dear Ms Okafor,

We have considered your findings about the complaint and will apologise to the complainant this month.

Kind regards

Idris Mayhew
"""

ANNEX_GLOSSARY = """Annex 3

Glossary of terms used in this report

The terms below are used throughout the report and its recommendations.
"""

WRITTEN_QUESTIONS = """Written questions answered in December 2022

Asked by: Morag Ellison, MSP for Glasgow Kelvin, Scottish Green Party

Date lodged: 1 December 2022

Question: To ask the Scottish Government how many young people were held on remand in each month of 2022.

Answered by Callum Baird on 14 December 2022

Answer: The information requested is published monthly by the Scottish Prison Service on its website.

Asked by: Peter Lindsay, MSP for Mid Fife, Scottish Conservative and Unionist Party

Date lodged: 2 December 2022

Question: To ask the Scottish Government what support it provides to families of people held on remand.

Answered by Callum Baird on 15 December 2022

Answer: The Scottish Government funds family support services in every establishment.
"""

# the same listing with each question's reference line above its "Asked by:"
QUESTIONS_WITH_REFERENCE = WRITTEN_QUESTIONS.replace(
    "Asked by: Morag", "Question reference: S6W-12345\n\nAsked by: Morag").replace(
    "Asked by: Peter", "Question reference: S6W-12399\n\nAsked by: Peter")
QUESTIONS_WITH_SHORT_REFERENCE = QUESTIONS_WITH_REFERENCE.replace("Question reference: ", "Question ")

HANSARD = """HC Deb 16 December 1953 vol 521 cc1120-1

14. Mr. Arthur Penhale

asked the Minister of Transport if he will make a statement on the level crossing at Wexley.

The Minister of Transport (Mr. Giles Barrow)

I am having the crossing examined and will write to the hon. Member.

HC Deb 17 December 1953 vol 521 cc1301-2

22. Mrs. Edith Corran

asked the Minister of Health how many hospital beds are closed for want of nurses.

Mr. Howard Lisle

I regret that the figures are not yet available.
"""


# ---- hard starts

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(TWO_PAGES, [
        (Form.page, "# Letter from the Minister for Housing to the Chair of the Levelling Up Committee"),
        (Form.page, "# Letter from the Chair of the Levelling Up Committee to the Minister for Housing"),
    ], id="page-titles"),
    pytest.param(PAGE_WITH_FURNITURE, [
        (Form.page, "# Letter from the Minister for Housing to the Chair of the Levelling Up Committee"),
        (Form.page, "# Letter from the Chair of the Levelling Up Committee to the Minister for Housing"),
    ], id="section-heading-is-not-a-page"),
    pytest.param(REPORT_THEN_ANNEX, [(Form.page, "Annex 3")], id="annex-over-letter-title"),
    pytest.param(APPENDIX_EMAIL, [(Form.page, "Appendix B")], id="appendix-over-email-title"),
    pytest.param(ANNEX_GLOSSARY, [], id="annex-over-other-title-is-not-a-start"),
    pytest.param(WRITTEN_QUESTIONS, [
        (Form.qa, "Asked by: Morag Ellison, MSP for Glasgow Kelvin, Scottish Green Party"),
        (Form.qa, "Asked by: Peter Lindsay, MSP for Mid Fife, Scottish Conservative and Unionist Party"),
    ], id="asked-by"),
    pytest.param(HANSARD, [
        (Form.qa, "HC Deb 16 December 1953 vol 521 cc1120-1"),
        (Form.qa, "HC Deb 17 December 1953 vol 521 cc1301-2"),
    ], id="hansard-extracts"),
    pytest.param("Dear Minister,\n\nAs your predecessor said (HC Deb 16 December 1953 vol 521 c1120), the crossing "
                 "is dangerous and the questions asked by: residents remain open.\n\nYours sincerely,\n\nAnn Lee\n",
                 [], id="hansard-and-asked-by-inside-a-sentence"),
    pytest.param("Dear Minister,\n\nThe crossing is dangerous.\n\nAsked by the committee, the council agreed to close "
                 "it.\n\nYours sincerely,\n\nAnn Lee\n", [], id="paragraph-opening-asked-by-the"),
])
def test_hard_starts(text, expected, lex):
    assert starts_of(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(TWO_PAGES, [
        (Kind.reply, Form.page, "# Letter from the Minister for Housing to the Chair of the Levelling Up Committee"),
        (Kind.letter, Form.page, "# Letter from the Chair of the Levelling Up Committee to the Minister for Housing"),
    ], id="two-web-pages"),
    pytest.param(PAGE_WITH_FURNITURE, [
        (Kind.reply, Form.page, "Skip to main content"),
        (Kind.letter, Form.page, "# Letter from the Chair of the Levelling Up Committee to the Minister for Housing"),
    ], id="furniture-joins-the-first-page"),
    pytest.param(REPORT_THEN_ANNEX, [
        (Kind.letter, Form.document, "Our inspection found that staff in all twelve establishments had too little "
                                     "training in the use of force, and that records of incidents were often "
                                     "incomplete or late."),
        (Kind.reply, Form.page, "Annex 3"),
    ], id="report-then-annexed-reply"),
    pytest.param(WRITTEN_QUESTIONS, [
        (Kind.qa, Form.qa, "Written questions answered in December 2022"),
        (Kind.qa, Form.qa, "Asked by: Peter Lindsay, MSP for Mid Fife, Scottish Conservative and Unionist Party"),
    ], id="listing-header-joins-the-first-question"),
    pytest.param(HANSARD, [
        (Kind.qa, Form.qa, "HC Deb 16 December 1953 vol 521 cc1120-1"),
        (Kind.qa, Form.qa, "HC Deb 17 December 1953 vol 521 cc1301-2"),
    ], id="hansard"),
    pytest.param(QUESTIONS_WITH_REFERENCE, [
        (Kind.qa, Form.qa, "Written questions answered in December 2022"),
        (Kind.qa, Form.qa, "Question reference: S6W-12399"),
    ], id="reference-line-opens-its-question"),
    pytest.param(QUESTIONS_WITH_SHORT_REFERENCE, [
        (Kind.qa, Form.qa, "Written questions answered in December 2022"),
        (Kind.qa, Form.qa, "Question S6W-12399"),
    ], id="short-reference-line-and-asked-by-are-one-question"),
])
def test_segments_between_hard_starts(text, expected, lex):
    assert segments_of(text, lex) == expected


def test_a_page_keeps_its_title_and_a_letter_title_under_an_annex_is_the_title(lex):
    pages = segment(TWO_PAGES, lex)
    assert [s.title.text for s in pages] == [
        "# Letter from the Minister for Housing to the Chair of the Levelling Up Committee",
        "# Letter from the Chair of the Levelling Up Committee to the Minister for Housing",
    ]
    assert [s.salutation.text for s in pages] == ["Dear Ms Harrow,", "Dear Minister,"]
    annex = segment(REPORT_THEN_ANNEX, lex)[-1]
    assert annex.title.text == "Letter to the Chief Inspector from the Minister for Prisons"
    assert annex.signoff.text == "Yours sincerely,"


def test_a_page_of_whole_signed_letters_is_read_letter_by_letter(lex):
    """A page holding a letter and the letter it encloses, each with its own "Dear" and sign-off,
    gives both letters, as the same text without a title does; the page keeps its title."""
    text = ("# Letter from the Chief Inspector to the Minister for Prisons\n\nDear Minister,\n\nI attach the "
            "governor's letter to me.\n\nYours sincerely,\n\nPaul Walcott\n\nDear Mr Walcott,\n\nThank you for "
            "your letter about the inspection.\n\nYours sincerely,\n\nMaria Quinn\n")
    segs = segment(text, lex)
    assert [(s.salutation.text, s.kind) for s in segs] == [("Dear Minister,", Kind.letter),
                                                            ("Dear Mr Walcott,", Kind.reply)]
    assert segs[0].title is not None and segs[1].title is None


# ---- coroners' data-set records

PFD_HEAD = """2023-05-14

Aled Pryce

North Wales (East and Central)

Chief Executive, Clwyd Valley University Health Board

On 2 February 2023 I commenced an investigation into the death of Owain Rees, aged 71. The investigation concluded at the end of the inquest on 3 May 2023.

Mr Rees fell at home and waited nine hours for an ambulance. He died in hospital two days later from complications of a hip fracture.

During the course of the inquest the evidence revealed matters giving rise to concern. The MATTERS OF CONCERN are as follows:

1. Ambulance crews were held outside the emergency department for up to six hours because no cubicles were free.

2. The call handler's script did not ask whether an elderly caller who had fallen could get up from the floor.
"""

PFD_HEADINGS = """2023-05-14

Aled Pryce

North Wales (East and Central)

Welsh Ambulance Service; Clwyd Valley University Health Board

On 2 February 2023 I commenced an investigation into the death of Owain Rees, aged 71. The investigation concluded at the end of the inquest on 3 May 2023.

During the course of the inquest the evidence revealed matters giving rise to concern. The MATTERS OF CONCERN are as follows:

TO THE HEALTH BOARD:

1. Ambulance crews were held outside the emergency department for up to six hours because no cubicles were free.

TO THE WELSH AMBULANCE SERVICE:

The call handler's script did not ask whether an elderly caller who had fallen could get up from the floor, and no welfare call was made during the wait.
"""

THANKS = ("Thank you for your Report to Prevent Future Deaths dated 14 May 2023 concerning the death of Mr Owain "
          "Rees. I was very sorry to read of the circumstances of his death.")
CONDOLENCES = "I was deeply saddened to learn of the death of Mr Rees and I offer my condolences to his family."
BOARD_PROSE = ("The Health Board has reviewed the handover arrangements at the emergency department since the inquest "
               "and made several changes to the way crews are received.")
ACTION = ("We have opened a new assessment area next to the emergency department so that crews can hand over "
          "patients within thirty minutes.")
REGULATION_28 = ("I write in response to the Regulation 28 report sent to the Welsh Ambulance Service following the "
                 "inquest into the death of Mr Rees.")
ACK = "We acknowledge receipt of the Regulation 28 report issued following the inquest into the death of Mr Rees."
SORRY = "I am very sorry to hear of the death of Mr Rees and I would like to offer my condolences to his family."
HOPE = "I hope this response provides assurance that the Board has taken your concerns seriously."
SCRIPT = "The call handling script was changed in June 2023 to ask every caller who has fallen whether they can get up."
FURTHERMORE = ("Furthermore, the evidence was that no welfare call was made to Mr Rees during the nine hours he waited "
               "on the floor of his kitchen.")
CLOSING_THANKS = "Thank you for bringing these concerns to my attention, which the Board has discussed in full."


def pfd(head: str, *paragraphs: str) -> str:
    return head + "".join(f"\n{p}\n" for p in paragraphs)


def reply_openings(text: str, lex) -> list[str]:
    return [first_line(text, s.offset) for s in pfd_reply_starts(split_lines(text), lex)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(PFD_HEAD, True, id="iso-date-then-inquest"),
    pytest.param("2023-05-14\n\nMinutes of the quality committee\n\nThe committee discussed the handover of "
                 "ambulance patients.\n", False, id="iso-date-without-inquest"),
    pytest.param("14 May 2023\n\nAled Pryce\n\nNorth Wales\n\nOn 2 February 2023 I commenced an investigation into "
                 "the death of Owain Rees.\n", False, id="written-date-is-a-letter"),
    pytest.param("Dear Coroner,\n\n2023-05-14\n\nThe inquest heard evidence about the ambulance.\n", False,
                 id="iso-date-not-first"),
])
def test_is_pfd_record(text, expected, lex):
    assert is_pfd_record(split_lines(text), lex) is expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(pfd(PFD_HEAD), [], id="report-alone"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION), [THANKS], id="thank-you-for-your-report"),
    pytest.param(pfd(PFD_HEAD, CONDOLENCES, ACTION), [CONDOLENCES], id="first-reply-opens-with-condolences"),
    pytest.param(pfd(PFD_HEAD, BOARD_PROSE, ACTION), [BOARD_PROSE], id="first-reply-right-after-numbered-concerns"),
    pytest.param(pfd(PFD_HEAD, FURTHERMORE, THANKS, ACTION), [THANKS], id="concern-continuation-is-not-a-reply"),
    pytest.param(pfd(PFD_HEADINGS, THANKS, ACTION), [THANKS], id="unnumbered-concern-under-to-heading"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION, REGULATION_28, SCRIPT), [THANKS, REGULATION_28],
                 id="later-reply-in-response-to-regulation-28"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION, ACK, SCRIPT), [THANKS, ACK], id="later-reply-acknowledges-receipt"),
    pytest.param(pfd(PFD_HEAD, THANKS, SORRY, ACTION), [THANKS], id="condolences-inside-a-reply"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION, BOARD_PROSE, SCRIPT), [THANKS], id="later-prose-stays-in-the-reply"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION, HOPE, SORRY, SCRIPT), [THANKS, SORRY],
                 id="condolences-after-a-closing-open-a-reply"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION, "Dear Coroner,", "Thank you for your letter and the Regulation 28 "
                     "report about the death of Mr Rees, which the Trust received on 20 May.", SCRIPT),
                 [THANKS, "Dear Coroner,"], id="dear-coroner-and-not-the-paragraph-under-it"),
    pytest.param(pfd(PFD_HEAD, THANKS, ACTION, CLOSING_THANKS), [THANKS], id="closing-thanks-stays-in-the-reply"),
])
def test_pfd_reply_starts(text, expected, lex):
    assert reply_openings(text, lex) == expected


def test_pfd_record_segments_are_the_report_then_each_reply(lex):
    text = pfd(PFD_HEAD, THANKS, ACTION, REGULATION_28, SCRIPT)
    assert segments_of(text, lex) == [
        (Kind.letter, Form.report, "2023-05-14"),
        (Kind.reply, Form.response, THANKS),
        (Kind.reply, Form.response, REGULATION_28),
    ]


def test_a_reply_s_own_dear_coroner_is_its_salutation(lex):
    text = pfd(PFD_HEAD, THANKS, ACTION, "Dear Coroner,", "Thank you for your letter about Mr Rees.", SCRIPT)
    last = segment(text, lex)[-1]
    assert (last.form, last.salutation.text) == (Form.response, "Dear Coroner,")


# ---- the kind of a document with no "Dear ..."

@pytest.mark.parametrize(("text", "expected"), [
    # questions and answers
    pytest.param("Asked by: Fiona Laird, MSP for Dundee East, Scottish National Party\n\nThe Minister replied that "
                 "funding had increased.\n", Kind.qa, id="asked-by"),
    pytest.param("To ask the Scottish Government what progress has been made on the ferry contracts.\n\nThe "
                 "Government expects the first vessel to sail next spring.\n", Kind.qa, id="to-ask"),
    pytest.param("HL Deb 3 March 1998 vol 587 c101\n\nLord Ashby asked Her Majesty's Government whether they will "
                 "review the rules on allotments.\n", Kind.qa, id="hansard-lords"),
    pytest.param("14. Mr. Colin Hartley\n\nasked the Minister of Agriculture whether he will extend the grant to hill "
                 "farmers.\n\nThe Minister of Agriculture (Mr. Basil Ormond)\n\nThe grant will be extended next "
                 "year.\n", Kind.qa, id="hansard-asked-the-minister"),
    pytest.param("Mr. Colin Hartley asked the Minister of Agriculture whether he will extend the grant to hill "
                 "farmers.\n\nThe grant will be extended next year.\n", Kind.qa,
                 id="hansard-asker-and-question-on-one-line"),
    pytest.param("Corrected oral evidence: Public services after the pandemic\n\nTuesday 4 May 2021\n\nThe "
                 "witnesses discussed staffing in care homes.\n", Kind.qa, id="oral-evidence"),
    pytest.param("Public Accounts Committee\n\nQ14 Chair: Why were the accounts late?\n\nJanet Olsen: The auditors "
                 "needed more time.\n", Kind.qa, id="numbered-question-turns"),
    pytest.param("Question 1\n\nHow many inspectors are there?\n\nAnswer\n\nThere are forty.\n\nQuestion 2\n\nWhen "
                 "were they trained?\n\nAnswer\n\nLast year.\n", Kind.qa, id="question-and-answer-headings"),
    # minutes
    pytest.param("Minutes of the Environment Scrutiny Panel\n\nThe panel considered the flood defence report.\n",
                 Kind.minutes, id="minutes-of"),
    pytest.param("Present: Councillors Ames, Boyle and Crane\n\nThe panel considered the flood defence report.\n",
                 Kind.minutes, id="present"),
    pytest.param("The board discussed the new timetable.\n\nAction: write to each school about the new timetable.\n",
                 Kind.minutes, id="action-with-a-board"),
    pytest.param("Action: write to each school about the new timetable.\n\nThe timetable changes in September.\n",
                 Kind.other, id="action-alone-is-not-minutes"),
    # a response paper by its stance statements
    pytest.param("Improving prison education\n\n1. Every prisoner should be assessed on arrival.\n\nThe Government "
                 "accepts this recommendation and will publish a plan.\n", Kind.reply, id="government-accepts"),
    pytest.param("Improving prison education\n\nThe Department notes the recommendation and will keep it under "
                 "review.\n", Kind.reply, id="department-notes"),
    pytest.param("Improving prison education\n\n1. Every prisoner should be assessed on arrival.\n\nAccepted\n\n"
                 "Assessments will begin next year.\n", Kind.reply, id="accepted-label-line"),
    pytest.param("Improving prison education\n\n1. Every prisoner should be assessed on arrival.\n\nGovernment "
                 "response:\n\nAssessments will begin next year.\n", Kind.reply, id="government-response-label"),
    pytest.param("UK Government\nResponse to the Prison\nEducation Review\n\nIntroduction\n\nWe are grateful to the "
                 "review team for its work.\n", Kind.reply, id="cover-title-over-three-lines"),
    pytest.param("Improving prison education\n\nWe accept this recommendation and will publish a plan by March.\n",
                 Kind.reply, id="we-accept-this-recommendation"),
    pytest.param("1. Every prisoner should be assessed on arrival.\n\nAccepted in part\n\nAssessments start next "
                 "year.\n", Kind.reply, id="accepted-in-part-label"),
    pytest.param("Department for Work and Pensions\nResponse to the Social Security Advisory Committee's report on "
                 "deductions\nMarch 2025\n\nThe Department thanks the Committee for its work.\n", Kind.reply,
                 id="response-to-a-named-committees-report"),
    pytest.param("Department of Health and Social Care response to the Independent Inquiry into a care home\n\n"
                 "Recommendation 3\n\nThe government should introduce a minimum staffing ratio.\n\n"
                 "Not accepted. The government does not consider a fixed ratio appropriate.\n", Kind.reply,
                 id="status-word-opening-an-answer-line"),
    pytest.param("Independent Review of Children in Custody: Government Response\n\nJune 2025\n\nRecommendation 3\n\n"
                 "The Review recommended that PAVA spray should be withdrawn.\n\nOur response\n\nWe do not agree.\n",
                 Kind.reply, id="title-ending-government-response"),
    pytest.param("OFFICE OF THE POLICE AND CRIME COMMISSIONER\n\nResponse to His Majesty's Inspectorate of "
                 "Constabulary:\n\"An inspection of how well the force protects vulnerable people\"\n\n"
                 "The report makes six recommendations for the force.\n", Kind.reply,
                 id="title-response-to-an-inspectorate"),
    pytest.param("ACTION PLAN: RESPONSE TO REGULATION 28 REPORT - CHLOE ANNABEL MARSH\n\nConcern 1: Ligature anchor "
                 "point\nAction taken/proposed: Every door has been refitted.\nStatus: Complete\n", Kind.reply,
                 id="title-action-plan-response-to-a-report"),
    pytest.param("Response to the consultation on bus fares\n\nWe set out below our views on the proposed changes "
                 "and our concerns about them.\n", Kind.letter, id="response-to-a-consultation-is-no-reply"),
    pytest.param("Report of the Commission on Student Wellbeing\n\nParagraph 3.4: The University should adopt the "
                 "Charter.\n\nCouncil's response: Council notes the recommendation.\n", Kind.reply,
                 id="a-body-s-response-label"),
    pytest.param("Department of Health and Social Care\nGovernment response to the Health and Social Care "
                 "Committee's Third Report\n\nForeword\n\nThe Committee heard oral evidence from patients and "
                 "clinicians, and we thank them.\n", Kind.reply, id="a-response-that-mentions-oral-evidence"),
    pytest.param("Trust Board - Part 1 (Public)\nAgenda item: 12\nPurpose: For approval\n\nResponse to the "
                 "Independent Review of Maternity Services: Trust response and action plan\n\nThe Trust accepts "
                 "the recommendations of the Review.\n", Kind.reply, id="board-paper-answering-a-review"),
    pytest.param("UNIVERSITY OF LINDFIELD\n\nSENATE\n\nMeeting: 25 March 2026\nPaper: SEN/25-26/37\n\n"
                 "RESPONSE TO THE INDEPENDENT REVIEW OF POSTGRADUATE RESEARCH SUPERVISION\n\nSenate is invited to "
                 "approve the University's response to the recommendations of the review.\n", Kind.reply,
                 id="senate-paper-answering-a-review"),
    pytest.param("RESPONSE OF THE BOARD OF TRUSTEES TO THE INDEPENDENT REVIEW OF\nCOMPETENCE AND CONDUCT\n\n"
                 "October 2025\n\nThe review makes eight recommendations.\n", Kind.reply,
                 id="response-of-a-body-to-the-independent-review"),
    pytest.param("Lindow Safeguarding Adults Board\nSafeguarding Adults Review: Peter\nResponse and Action Plan\n\n"
                 "Recommendation 1: The Board should revise its self-neglect protocol.\n\nRecommendation 1 - "
                 "Protocol\nBoard response: Accepted\nStatus: Complete\nThe protocol was rewritten in October.\n",
                 Kind.reply, id="a-body-s-response-line-with-its-status"),
    pytest.param("Harbury Community Trust\nIndependent Review of Volunteer Safeguarding\n\nRecommendation 1: The "
                 "Trust should vet every volunteer driver.\n\nRecommendation 1 - Vetting\nOur position: Agreed\n"
                 "Progress: Complete\nEvery driver was checked by October.\n", Kind.reply,
                 id="a-body-s-position-line-with-its-status"),
    pytest.param("Trust Board\nAgenda item: 12\nMinutes of the meeting held on 5 December 2024\n\nThe Board noted "
                 "the report.\n", Kind.minutes, id="agenda-item-in-minutes"),
    pytest.param("  Harrowfield Borough Council          Audit and Standards Committee\n\n  Agenda item 9\n\n"
                 "  POSTAL VOTE DISPATCH: RESPONSE TO RECOMMENDATIONS\n\n  Report of the Returning Officer\n\n"
                 "  1.    Purpose\n\n  1.1   To report the response of the Returning Officer to the recommendations "
                 "made by the Electoral Commission.\n\n  2.1   The Returning Officer has agreed both recommendations.\n",
                 Kind.reply, id="council-report-under-its-agenda-item"),
    pytest.param("AUDIT AND STANDARDS COMMITTEE\n\nThursday 12 March 2026\n\nPresent\nCouncillor J Ward (Chair)\n\n"
                 "Agenda item 5\nPOSTAL VOTE DISPATCH: ELECTORAL COMMISSION RECOMMENDATIONS\nReport of the Chief "
                 "Executive\n\nThe Chief Executive introduced the report on the Commission's recommendations.\n\n"
                 "RESOLVED that the proposed response to the recommendations be approved.\n", Kind.minutes,
                 id="minutes-of-an-item-with-its-report"),
    # a report, and anything else
    pytest.param("Prison education review\n\nWe found that most prisoners were not assessed on arrival.\n\n"
                 "Recommendation 1: every prisoner should be assessed on arrival.\n", Kind.letter,
                 id="report-with-recommendations"),
    pytest.param("Modern slavery: statutory guidance\n\nThis guidance is for staff in public bodies.\n", Kind.other,
                 id="guidance"),
])
def test_classify_document(text, expected, lex):
    assert classify_document(text, lex) is expected
    (seg,) = segment(text, lex)
    assert seg.kind is expected


def test_a_coroner_s_closing_paragraphs_and_a_reply_s_subject_line_open_no_reply(lex):
    """In the data set's layout, a copy that keeps the report's closing paragraphs ("In my opinion
    action should be taken ...") has no reply there; and a reply's subject line under "Dear ..."
    does not split the reply from the "Thank you for your Report" under it."""
    text = ("2025-03-04\n\nH. Rasmussen\n\nWessmoor\n\nChief Executive, Tarn Valley NHS Trust\n\n"
            "On 11 June 2024 I commenced an investigation into the death of Laura Jane Pendry, aged 29.\n\n"
            "(1) The Trust's policy does not require any assessment before an informal patient leaves the ward.\n\n"
            "(2) The information given to the police when she was reported missing was incomplete.\n\n"
            "I am sending this report to the Trust. In my opinion action should be taken to prevent future deaths "
            "and I believe that you have the power to take such action.\n\nI have sent a copy of my report to the Chief Coroner and to Ms Pendry's "
            "mother.\n\nDear Mr Rasmussen\n\nResponse to Regulation 28 Report: Laura Jane Pendry\n\n"
            "Thank you for your Report to Prevent Future Deaths dated 4 March 2025. The Trust is deeply sorry.\n")
    starts = [text[s.offset:s.offset + 17] for s in hard_starts(text, lex)]
    assert starts == ["2025-03-04\n\nH. Ra", "Dear Mr Rasmussen"]


def test_a_government_response_s_cover_page_after_the_report_starts_the_response(lex):
    """A committee's report saved from its web page, then the government's response PDF in the same
    file: a page that opens "Government response to the ... report" under a report that recommends is
    the response, a document of its own (before, it ran on as part of the report and answered
    nothing). Its running header repeats the title on later pages, and starts nothing."""
    report = ("# Animal Sentience Committee report: transporting farmed animals in hot weather\n\n"
              + "".join(f"Paragraph {n} of the committee's assessment of the policy.\n\n" for n in range(20))
              + "## Recommendations\n\nWe recommend that Defra:\n\n  1. publishes a plan for monitoring the policy\n\n"
                "  2. publishes the 2024 evidence review\n\nProfessor Gwendolen Firth\nChair, Animal Sentience "
                "Committee\n\n9 October 2025\n\n")
    title = "Government response to the Animal Sentience Committee's report on transport in hot weather"
    response = (f"\f                 {title}\n\n\n                 January 2026\n\n\fIntroduction\n\n1. The Government "
                "welcomes the Committee's report.\n\nRecommendation 1\n\nThe Government does not intend to publish a "
                f"separate plan.\n\n\f{title}\n\nRecommendation 2\n\nThe review will be published in March.\n")
    text = report + response
    segs = segment(text, lex)
    assert [s.kind for s in segs] == [Kind.letter, Kind.reply]
    assert text[segs[1].start:].lstrip("\f ").startswith("Government response to")


def test_a_body_s_titled_response_on_its_own_page_after_a_report_page_is_a_reply(lex):
    """A judiciary page with the report, then on new pages a trust's action plan under its name and
    "Response to Regulation 28 Report - ..." (no "Dear ..."), then an ambulance trust's letter: each
    reply is a segment of its own."""
    report = ("# Margaret Pyott: Prevention of future deaths report\n\n"
              "REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\nTHIS REPORT IS BEING SENT TO:\n\n"
              "  * Chief Executive, Wessendale Community Health NHS Trust\n"
              "  * Chief Executive, Wessendale and Borders Ambulance Service NHS Trust\n\n"
              "**5** CORONER'S CONCERNS\n\nThe MATTERS OF CONCERN are as follows:\n\n"
              "(1) Readings uploaded overnight did not alert a clinician.\n\n"
              "(2) The call handler had no means of knowing that the patient was on a virtual ward.\n\n"
              "**9** Dated: 05/08/2026\n\nOliver Trenchard\nSenior Coroner for Wessendale\n\n(C) Crown copyright\n")
    plan = ("\fWessendale Community Health NHS Trust\nResponse to Regulation 28 Report - Mrs Margaret Pyott\n"
            "Action plan submitted to HM Senior Coroner for Wessendale, 24 September 2026\n\n"
            "The Trust's Board reviewed this action plan on 17 September 2026. Concern (1) was directed to the Trust.\n\n"
            "No.\tCoroner's concern\tAction taken\tStatus\n"
            "1\tReadings did not alert a clinician\tThe remote monitoring platform was reconfigured on 20 May 2026, and "
            "any score of 5 or more now alerts the clinician on duty within fifteen minutes.\tComplete\n\n"
            "The Trust will report progress on the action plan to its Quality Committee every quarter until all "
            "actions are complete.\n\n"
            "Signed: Dr Fiona Castellan, Chief Executive\n")
    letter = ("\fWessendale and Borders Ambulance Service NHS Trust\nTrust HQ, Mill Road, Wessendale QX1 2AB\n\n"
              "30 September 2026\n\nDear Mr Trenchard\n\nThank you for your report. Call handlers now see a flag "
              "for every patient on a virtual ward.\n\nYours sincerely\n\nTom Hale\nChief Executive\n")
    text = report + plan + letter
    segs = segment(text, lex)
    assert [text[s.start:].split("\n", 1)[0] for s in segs] == [
        "# Margaret Pyott: Prevention of future deaths report", "\fWessendale Community Health NHS Trust",
        "\fWessendale and Borders Ambulance Service NHS Trust"]
    assert [s.kind for s in segs] == [Kind.letter, Kind.reply, Kind.reply]


def test_a_reply_s_own_running_header_on_its_second_page_is_no_new_reply(lex):
    """A trust's letter after the judiciary page runs onto a page headed with the trust's name and
    "Response to the Regulation 28 report – ...": its running header, under no sign-off, not a new reply."""
    text = ("# Margaret Pyott: Prevention of future deaths report\n\nREGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
            "The MATTERS OF CONCERN are as follows:\n\n(1) Readings uploaded overnight that were well outside the "
            "expected range did not alert a clinician until the following morning.\n\n"
            "(2) There was no clinician on duty in the service overnight, and calls were diverted to voicemail.\n\n"
            "You are under a duty to respond to this report within 56 days of the date on which it was sent.\n\n"
            "Oliver Trenchard\nSenior Coroner for Wessendale\n\n"
            "(C) Crown copyright\n"
            "\fWessendale Community Health NHS Trust\nTrust HQ, Mill Road, Wessendale QX1 2AB\n\n"
            "Dear Mr Trenchard\n\nConcern 1. The platform now alerts the clinician on duty within fifteen minutes.\n\n"
            "\fWessendale Community Health NHS Trust\nResponse to the Regulation 28 report – Mrs Pyott\n\n"
            "Concern 2. An advanced practitioner is now rostered every night.\n\nYours sincerely\n\nFiona Castellan\n")
    segs = segment(text, lex)
    assert len(segs) == 2 and "Concern 2" in text[segs[1].start:segs[1].end]


PDF_REPORT = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\nTHIS REPORT IS BEING SENT TO:\n"
              "1. The Chief Executive, Hollins Lodge Care Limited\n2. The Chief Executive, Care Quality Commission\n"
              "On 13 April 2026 I commenced an investigation into the death of Edith May Worrall, aged 91. The\n"
              "investigation concluded at the end of the inquest on 20 August 2026. She choked on a sandwich\n"
              "bought for her on an outing, although she had been assessed as needing a soft diet, and the\n"
              "staff with her did not know how to respond when she began to choke in the cafe that afternoon.\n"
              "About three minutes passed before back blows were given, and an ambulance was not called until\n"
              "a member of the public did so. Paramedics restored a heartbeat, but she died in hospital the\n"
              "following day. The agency worker with her had not been told of her diet before the outing began,\n"
              "and the home's handover sheet had no place to record the texture of a resident's food or drink.\n"
              "The MATTERS OF CONCERN are as follows.\n"
              "1. (Hollins Lodge) There was no arrangement for texture-modified food away from the home.\n"
              "2. (Care Quality Commission) Notifications of deaths do not identify choking as a cause.\n"
              "You are under a duty to respond to this report within 56 days of the date of this report.\n"
              "Dated: 4 September 2026    Imogen Sallis, Assistant Coroner\n")


@pytest.mark.parametrize("head", [
    "Hollins Lodge Care Limited\nRegulation 28 Action Plan – Mrs Edith May Worrall\n",
    "                                    Hollins Lodge Care Limited\n                          Unit 4, Brindle Road Trade "
    "Park\n                                 Carrowby QY3 8HD\n                                      0121 496 0382\n\n"
    "Regulation 28 Report – Mrs Edith May Worrall (your ref. 2026-0511)\n"
    "Hollins Lodge Care Limited – Response and Action Plan – 12 October 2026\n",
], ids=["name-over-title", "letterhead-over-title"])
def test_a_titled_action_plan_on_its_own_page_after_a_pdf_report_is_a_reply(head, lex):
    """pdftotext of a coroner's report with no blank lines, then on a new page a care provider's
    action plan under its name (and its address) and a title ("Regulation 28 Action Plan – ...",
    "... – Response and Action Plan – ..."), no "Dear ...": the report, then a reply of its own
    (before, one segment, or the plan a reply with the report's text in it)."""
    plan = ("\f" + head + "This plan covers concern 1. It will be reviewed monthly.\n"
            "Concern\tResponse and action\tLead\tDate\n"
            "1 – Food on outings\tAgreed. From 01/10/2026 the kitchen prepares texture-modified packed meals for every "
            "outing.\tHead of Hospitality\t01/10/2026\n")
    text = PDF_REPORT + plan
    segs = segment(text, lex)
    assert [(s.kind, s.start) for s in segs] == [(Kind.letter, 0), (Kind.reply, len(PDF_REPORT))]


def test_bilingual_letterheads_after_a_web_page_open_letters_of_their_own(lex):
    """A commissioner's web page, then on a new page a council's letter whose letterhead, references and
    addressee run in Welsh and English past eight lines before "Annwyl Gomisiynydd / Dear Commissioner",
    then a health board's page under its name in both languages ("Bwrdd Iechyd ... / ... Health
    Board") and its response's title: three documents."""
    page = ("# Asking once: Welsh language in adult social care\n\nPublished: 2 March 2027\n\n## Recommendations\n\n"
            "**Recommendation 1** – _Glanrhyd County Council_\n\nRecord each person's language preference at first "
            "contact.\n\n**Recommendation 2** – _Tywi University Health Board_\n\nMake discharge information available "
            "in Welsh.\n\n© Comisiynydd y Gymraeg 2027, 14 Heol Glan-yr-Afon, Caerdydd QY10 1GF\n")
    letter = ("\f                      Cyngor Sir Glanrhyd\n                     Glanrhyd County Council\n\n"
              "    Cyfarwyddwr Gwasanaethau Cymdeithasol / Director of Social Services\n"
              "    Neuadd y Sir, Stryd y Bont, Llanfeirion QY12 6HG\n    County Hall, Bridge Street, Llanfeirion QY12 6HG\n"
              "    Ffôn / Tel: 01632 960418\n\n"
              "    Ein cyf / Our ref: DSS/WLC/27/02                     Dyddiad / Date: 28 Ebrill / April 2027\n"
              "    Eich cyf / Your ref: YMH/2026/02\n\n    Heledd ap Rhys\n    Comisiynydd y Gymraeg / Welsh Language "
              "Commissioner\n    14 Heol Glan-yr-Afon\n    Caerdydd QY10 1GF\n\n"
              "    Annwyl Gomisiynydd / Dear Commissioner\n\n    Argymhelliad 1 / Recommendation 1\n\n"
              "    Since November 2026 every new contact has been asked about their preferred language.\n\n"
              "    Yn gywir / Yours sincerely\n\n    Gwenllian Prosser\n    Director of Social Services\n")
    board = ("\fBwrdd Iechyd Prifysgol Tywi / Tywi University Health Board\nResponse to the Welsh Language Commissioner’s "
             "inquiry report “Asking once”\nRec.\tRecommendation\tHealth Board response\n2\tMake discharge information "
             "available in Welsh.\tCompleted. The bilingual leaflet is in use at every site.\n")
    text = page + letter + board
    segs = segment(text, lex)
    assert [text[s.start:].split("\n", 1)[0].strip(" \f") for s in segs] == [
        "# Asking once: Welsh language in adult social care", "Cyngor Sir Glanrhyd",
        "Bwrdd Iechyd Prifysgol Tywi / Tywi University Health Board"]


def test_a_minister_s_letter_on_a_new_page_under_a_letterhead_with_no_address_is_a_letter(lex):
    """"Llywodraeth Cymru / Welsh Government / <minister> / ... / Our ref / <addressee and her address
    with its postcode> / 27 March 2026 / Dear Nia,": the postcode is the addressee's, twelve lines
    down, under a letterhead that gives none; the page still opens a letter after the web page."""
    page = ("# Open letter: children waiting for assessment\n\nPublished 3 February 2026\n\nI am therefore making the "
            "following recommendations.\n\n**1.** Publish a national waiting well standard by the end of 2026.\n\n"
            "**2.** Provide ring-fenced funding to local authorities.\n\nYours sincerely,\n\nDr Nia Pritchard\n"
            "Children's Commissioner for Wales\n")
    letter = ("\fLlywodraeth Cymru\nWelsh Government\nJeremy Evans AS/MS\nYsgrifennydd y Cabinet dros Iechyd\n"
              "Cabinet Secretary for Health\nEin cyf/Our ref: JPE/00742/26\nDr Nia Pritchard\nChildren's Commissioner "
              "for Wales\nTy Llanwern\n6 Heol y Gamlas\nSwansea\nQX3 8WP\n27 March 2026\nDear Nia,\nThank you for your "
              "open letter of 3 February. Recommendation 1 is accepted and will be decided after the review.\n"
              "Yours sincerely,\nJeremy Evans AS/MS\n")
    text = page + letter
    segs = segment(text, lex)
    assert [text[s.start:].split("\n", 1)[0].strip("\f") for s in segs] == [
        "# Open letter: children waiting for assessment", "Llywodraeth Cymru"]


def test_a_response_line_with_its_answer_in_the_next_tab_cell_makes_a_reply(lex):
    """"Response by the Trust detailing the actions taken:<tab>From 3 May ...": the answer in the next cell."""
    text = ("Ferran Valley Care Inspectorate\nQuality Improvement Plan\nService: Brynhafod Care Home, Llanferran\n\n"
            "Area for improvement 1: Medicines are not stored at the right temperature.\n"
            "Response by the Trust detailing the actions taken:\tFrom 3 May 2027 a fridge thermometer is read and "
            "logged twice a day.\n"
            "Area for improvement 2: Staff supervision is not recorded.\n"
            "Response by the Trust detailing the actions taken:\tEach supervision is now written up within a week.\n")
    assert classify_document(text, lex) is Kind.reply
    assert [s.kind for s in segment(text, lex)] == [Kind.reply]


_CLEANSING_RESPONSE = ("Recommendation 1: That the Council publishes its street cleansing schedule online.\n\n"
                       "Response: Accepted. The schedule will be published on the Council's website from December.\n\n"
                       "Recommendation 2: That the Council buys two more mechanical sweepers.\n\n"
                       "Response: Not accepted. The budget for 2026 does not allow for new sweepers.\n\n")


def test_an_executive_response_appended_to_a_memo_is_a_document_of_its_own(lex):
    """A council memo, "To:" / "From:" / "Date:" / "Subject:" over "David," and three paragraphs, signed with a
    name and a post but no sign-off, then "APPENDIX A" / "Executive meeting 7 October 2025, item 9" / "EXECUTIVE
    RESPONSE TO THE SCRUTINY REVIEW: STREET CLEANSING" and the response. A user relies on the response the memo
    sends being read as a document of its own: two segments, the second from "APPENDIX A" (before, the response
    ran on in the memo)."""
    memo = ("To: Cllr David Rowe, Chair, Environment Scrutiny Committee\n"
            "From: Cllr Sian Lloyd, Cabinet Member for Environment\nDate: 14 October 2025\n"
            "Subject: Scrutiny review of street cleansing\n\n"
            "David,\n\nThank you for the Committee's review of street cleansing. The Executive considered it at its "
            "meeting on 7 October, and its response to each recommendation is attached.\n\n"
            "Most of the recommendations are accepted. The Executive does not accept the second, as the budget for "
            "next year has no room for new vehicles.\n\n"
            "I would be happy to attend the Committee's November meeting to discuss it.\n\n"
            "Cllr Sian Lloyd\nCabinet Member for Environment\n\n")
    appendix = ("APPENDIX A\n\nExecutive meeting 7 October 2025, item 9\n\n"
                "EXECUTIVE RESPONSE TO THE SCRUTINY REVIEW: STREET CLEANSING\n\n" + _CLEANSING_RESPONSE)
    text = memo + appendix
    segs = segment(text, lex)
    assert [s.start for s in segs] == [0, len(memo)], segments_of(text, lex)
    assert first_line(text, segs[1].start) == "APPENDIX A"


def test_a_response_paper_s_own_annex_that_says_response_stays_in_the_paper(lex):
    """The guard: a response paper with no greeting, its title and three paragraphs over its answers, then its own
    "Annex A" / "Response to the Committee's recommendations: timetable". No letter greets anyone above the annex:
    it is the paper's own, and a user relies on the paper being one segment (only the response a greeting letter
    sends, under an annex's heading, is a document of its own)."""
    paper = ("Response to the Environment Scrutiny Committee's review of street cleansing\n\n"
             "The Executive welcomes the Committee's review and sets out its response to each recommendation below.\n\n"
             "The Executive considered the review at its meeting on 7 October. Most of the recommendations are "
             "accepted, and the Executive does not accept the second.\n\n"
             "The Cabinet Member for Environment will report on progress to the Committee in a year's time.\n\n"
             + _CLEANSING_RESPONSE)
    annex = ("Annex A\n\nResponse to the Committee's recommendations: timetable\n\n"
             "Recommendation 1: schedule published online by December 2025.\n\nRecommendation 2: no action.\n")
    text = paper + annex
    assert [(s.start, s.end) for s in segment(text, lex)] == [(0, len(text))], segments_of(text, lex)


# ---- round 96's mends: a PDF converted to markdown

_CEMETERY_AUDIT = ("# Review of Cemetery Grounds Maintenance\n\n"
                   "Internal Audit Service, Harrowgate District Council, June 2026\n\n"
                   "# Introduction\n\n"
                   "This review looked at how the grounds of the district's four cemeteries are kept, and how the "
                   "contractor's work is checked.\n\n"
                   "# Background\n\n"
                   "The grounds contract was let in 2023 for five years. Complaints from visitors rose in each year "
                   "since.\n\n"
                   "# Findings and recommendations\n\n"
                   "We recommend that the Council inspects each cemetery once a month and records what it finds.\n\n"
                   "We recommend that the contract sets a time within which fallen memorials are made safe.\n")


def test_a_pdf_converted_to_markdown_keeps_its_section_headings_inside_one_document(lex):
    """An audit report a converter turned from PDF into markdown (docling's "<!-- image -->" for its logo and a
    chart) writes every heading "# ...": "# Introduction", "# Background", "# Findings and recommendations". A user
    relies on the report being one document from its first line (before, each heading was taken for a web page's
    title, and the report was cut into four)."""
    text = "<!-- image -->\n\n" + _CEMETERY_AUDIT.replace("# Findings", "<!-- image -->\n\n# Findings")
    assert [(s.kind, s.start, s.end) for s in segment(text, lex)] == [(Kind.letter, 0, len(text))], \
        segments_of(text, lex)


def test_a_section_heading_on_a_plain_web_page_still_opens_a_page(lex):
    """The negative: the same headings in a file with no converter's marks, as html2text writes a web page. A user
    relies on "# Background" still opening a page of its own there (only a converted PDF's headings are its
    sections)."""
    text = _CEMETERY_AUDIT
    assert "# Background" in [first_line(text, s.start) for s in segment(text, lex)], segments_of(text, lex)


def test_a_response_heading_in_a_pdf_converted_to_markdown_still_opens_the_response(lex):
    """The negative: in the converted file, the manager's answer after "<!-- PageBreak -->" under "# Response of the
    Bereavement Services Manager to the audit". A user relies on that heading still opening a reply of its own
    (a heading that titles a response opens a document in a converted file too)."""
    text = ("<!-- image -->\n\n" + _CEMETERY_AUDIT + "\n<!-- PageBreak -->\n\n"
            "# Response of the Bereavement Services Manager to the audit\n\n"
            "Both recommendations are agreed. Monthly inspections began in July, and the contract now requires a "
            "fallen memorial to be made safe within two working days.\n")
    last = segment(text, lex)[-1]
    assert (last.kind, last.start, last.end) == (Kind.reply, text.index("# Response of"), len(text)), \
        segments_of(text, lex)


def test_a_converted_file_s_minutes_heading_under_a_signed_letter_opens_the_minutes(lex):
    """The review's case: in docling's markdown a council's signed letter is followed by "# Minutes of the Cabinet
    meeting held on 9 October 2026", which the letter encloses. A user relies on the minutes being a document of
    their own (before, every heading of a converted file stayed inside the document above it, and the minutes were
    lost in the letter)."""
    letter = ("<!-- image -->\n\nKelby District Council\nTown Hall, Kelby KB4 2AB\n\n18 October 2026\n\n"
              "Dear Ms Day,\n\nThank you for your report. The Cabinet accepted your three recommendations on 9 October; "
              "I enclose the minutes.\n\nYours sincerely,\n\nGraham Tolley\nChief Executive\n\n<!-- image -->\n\n")
    minutes = ("# Minutes of the Cabinet meeting held on 9 October 2026\n\nPresent: Cllr Anne Marsh (Leader), "
               "Cllr Rob Ellison\n\n## 1. Ombudsman report\n\nResolved: that recommendations 1, 2 and 3 be "
               "accepted.\n")
    text = letter + minutes
    assert [s.start for s in segment(text, lex)] == [0, len(letter)], segments_of(text, lex)


def test_a_council_named_in_a_findings_sentence_that_wraps_opens_no_response(lex):
    """A coroner's findings wrap a sentence at "Lowvale Regional Council response to the storm was quick, but the
    grader crews were" / "not briefed ...". A user relies on the findings staying one letter with the
    recommendation under them (the title rule for a body's own response, round 97, opened a reply there until it
    asked for a title: a short block, no finite verb, no comma)."""
    text = ("CORONERS COURT OF QUEENSLAND\n\nFINDINGS OF INQUEST\n\nInquest into the death of Darcy Whitcombe\n\n"
            "These findings set out how Mr Whitcombe died and the recommendations I make.\n\n"
            "Mr Whitcombe was struck by a reversing grader whose alarm had been disconnected.\n\n"
            "Lowvale Regional Council response to the storm was quick, but the grader crews were\n"
            "not briefed on the use of spotters before they started work.\n\n"
            "I recommend that the Council make the reversing alarm a daily pre-start check.\n\n"
            "Coroner Ingrid Falkner\nBrisbane\n")
    assert [(s.kind, s.start) for s in segment(text, lex)] == [(Kind.letter, 0)], segments_of(text, lex)


# ---- round 100's mends (segmentation): guards, each failing on its mend's parent, and negatives

def test_a_determination_s_title_block_pandoc_gives_as_headings_is_one_page(lex):
    """A sheriff's determination converted from Word to Markdown sets each line of its title block as a heading:
    "# DETERMINATION" / "# BY" / "# SHERIFF FIONA McLAREN" / "# UNDER THE INQUIRIES ..." / "# INTO THE DEATH OF
    CALUM ROSS", then its citation and date, then its text. A user relies on the determination being one segment
    that starts at its first heading (at d41d6de each heading opened a page of its own: five segments)."""
    text = ("# DETERMINATION\n\n# BY\n\n# SHERIFF FIONA McLAREN\n\n"
            "# UNDER THE INQUIRIES INTO FATAL ACCIDENTS AND SUDDEN DEATHS ETC. (SCOTLAND) ACT 2016\n\n"
            "# INTO THE DEATH OF CALUM ROSS\n\n[2026] FAI 41\n\nKirkcaldy, 3 June 2026\n\n"
            "The Sheriff, having considered the evidence led at the inquiry, determines that Calum Ross died at the "
            "Westfield quarry on 9 January 2025 when the vehicle he drove left the haul road.\n\n"
            "The haul road had no edge protection on its southern side, and the quarry manager had not inspected it "
            "since the autumn.\n\nRecommendations\n\n"
            "1. The quarry operator should fit edge protection along the whole of the haul road.\n\n"
            "2. The quarry operator should inspect the haul road every week and keep a record of each inspection.\n")
    assert starts_of(text, lex) == [(Form.page, "# DETERMINATION")]
    segs = segment(text, lex)
    assert [(s.start, s.end) for s in segs] == [(0, len(text))], segments_of(text, lex)


def test_a_second_title_after_a_page_s_prose_still_opens_a_page(lex):
    """Negative: a harbour board's web page "# Harbour Board news" runs a paragraph of prose, then a second title,
    "# Minutes of the May meeting", over the minutes. A user relies on the minutes still opening a segment of their
    own: the page above had text of its own, so the second heading is no line of its title block."""
    text = ("# Harbour Board news\n\nThe Board met on 14 May and agreed a new schedule of dredging for the inner "
            "basin, which will begin in the autumn once the nesting season has ended.\n\n"
            "# Minutes of the May meeting\n\nPresent: the Chair, four members and the harbour master.\n\n"
            "The minutes of the April meeting were agreed.\n")
    assert starts_of(text, lex) == [(Form.page, "# Harbour Board news"), (Form.page, "# Minutes of the May meeting")]
    assert [first_line(text, s.start) for s in segment(text, lex)] == ["# Harbour Board news",
                                                                       "# Minutes of the May meeting"]


# ---- round 100's review mends (segmentation): a guard failing on its mend's parent, and negatives

def test_minutes_under_their_own_heading_after_an_agenda_page_of_a_title_and_a_date_open_a_page(lex):
    """A forum's web page in Markdown: "# Agenda: Ferry Users Forum, June meeting" over its date alone, then
    "# Ferry Users Forum: minutes of the June meeting" over "Present: ..." and the minutes. A user relies on the
    minutes being a segment of their own from their heading, kind minutes (at 9f1d885 the agenda's page, holding only
    its title and a date, was read as a title block and the minutes' heading folded into it: one segment)."""
    text = ("# Agenda: Ferry Users Forum, June meeting\n\n2 June 2026\n\n"
            "# Ferry Users Forum: minutes of the June meeting\n\n"
            "Present: the Chair, six members of the forum and the ferry operator's duty manager.\n\n"
            "The forum asked the operator to reopen the second boarding ramp before the summer timetable starts. "
            "The duty manager said the ramp would be repaired in July.\n")
    assert starts_of(text, lex) == [(Form.page, "# Agenda: Ferry Users Forum, June meeting"),
                                    (Form.page, "# Ferry Users Forum: minutes of the June meeting")]
    segs = segment(text, lex)
    assert [first_line(text, s.start) for s in segs] == ["# Agenda: Ferry Users Forum, June meeting",
                                                         "# Ferry Users Forum: minutes of the June meeting"]
    assert segs[1].kind is Kind.minutes, segments_of(text, lex)


_MACRAE_TEXT = ("The Sheriff, having heard the evidence, determines that Ewan Macrae died on the pier at Uig on "
                "2 October 2024 when a mooring line parted and struck him.\n\n"
                "The mooring lines at the pier had not been replaced since 2019, and no one had inspected them "
                "that year.\n\nRecommendations\n\n"
                "1. The harbour authority should replace the mooring lines at the pier every three years.\n")
_BRODY_TEXT = ("THIS REPORT IS BEING SENT TO: The Chief Executive, Marlow Vale Care Ltd\n\n"
               "1 CORONER\n\nI am Oliver Strand, area coroner for the area of East Kent.\n\n"
               "2 CIRCUMSTANCES OF THE DEATH\n\nMrs Nell Brody choked on a sandwich in the day room of Marlow Vale "
               "care home. Her care plan said her food should be cut small, but the agency carer had not been shown "
               "the plan.\n\n3 CORONER'S CONCERNS\n\nAgency carers are not shown residents' eating plans before a "
               "shift.\n\n4 YOUR RESPONSE\n\nYou are under a duty to respond to this report within 56 days.\n\n"
               "Oliver Strand\nArea Coroner\n")


@pytest.mark.parametrize("text", [
    pytest.param("# DETERMINATION\n\n# OF SHERIFF ALASDAIR KERR\n\n"
                 "# IN THE FATAL ACCIDENT INQUIRY INTO THE DEATH OF EWAN MACRAE\n\n[2026] FAI 17\n\n"
                 "Portree, 11 March 2026\n\n" + _MACRAE_TEXT, id="determination"),
    pytest.param("# Final decision\n\n# Wyvern District Council\n\nReference: 24 113 905\n\nDecision: upheld\n\n"
                 "Mrs Hale complained that the Council took eleven months to repair the damp in her flat. We find "
                 "fault causing injustice, and the Council has agreed to pay her £600.\n", id="ombudsman-decision"),
    pytest.param("# NELL BRODY\n\n# PREVENTION OF FUTURE DEATHS REPORT\n\nRef: 2026-0312\n\n"
                 "# REGULATION 28 REPORT TO PREVENT FUTURE DEATHS\n\n" + _BRODY_TEXT, id="coroner-s-report"),
])
def test_a_title_block_over_the_document_s_own_first_lines_is_one_page(text, lex):
    """Negative: a document converted to Markdown whose title block is a run of headings with a citation, a reference
    or a date between them: a sheriff's determination, an ombudsman's decision ("Decision: upheld" under it), a
    coroner's report ("# NELL BRODY" / "# PREVENTION OF FUTURE DEATHS REPORT" / "# REGULATION 28 REPORT ..."). A
    user relies on each being one segment from its first heading: the document's own first lines under its title
    block open no document of another's."""
    first = text.splitlines()[0]
    assert starts_of(text, lex) == [(Form.page, first)], starts_of(text, lex)
    assert [(s.start, s.end) for s in segment(text, lex)] == [(0, len(text))], segments_of(text, lex)


# ---- round 101's mends (hard starts and kinds): guards, each failing on its mend's parent, and negatives

_FERRY_REVIEW = (
    "Annual review of the ferry service\n\n"
    "The island ferry ran on 341 of its 365 scheduled days last year. Most of the lost days came in January and "
    "February, when storms closed the harbour at Port Ellis.\n\n"
    "Passengers told the review that notice of cancelled sailings often came too late for them to change their "
    "plans.\n\n"
    "The operator has agreed to publish its timetable for the winter months by the end of September.\n\n")


def test_a_cookie_banner_under_a_report_opens_the_saved_web_page(lex):
    """A review with no sign-off, then a council's web page saved as text: "Cookies on Harbourside Council", its
    banner's sentence and buttons, the page's title and its text. A user relies on the web page being a document of
    its own from its cookie banner (at 96d0b24 the banner and the page ran on as the review's own last lines: one
    segment)."""
    page = ("Cookies on Harbourside Council\n\n"
            "We use some essential cookies to make this website work.\n\n"
            "Accept all cookies\n\nReject additional cookies\n\n"
            "Island ferry timetable consultation\n\n"
            "The council is asking residents for their views on the new winter timetable for the island ferry. "
            "The consultation closes on 30 November.\n\n"
            "Residents can reply online or by post to the harbour office.\n")
    text = _FERRY_REVIEW + page
    assert starts_of(text, lex) == [(Form.page, "Cookies on Harbourside Council")], starts_of(text, lex)
    segs = segment(text, lex)
    assert [(s.start, first_line(text, s.start)) for s in segs] == [
        (0, "Annual review of the ferry service"), (len(_FERRY_REVIEW), "Cookies on Harbourside Council")
    ], segments_of(text, lex)


def test_a_cookie_banner_at_the_top_of_a_file_opens_no_second_document(lex):
    """Negative: a council's web page saved as text whose cookie banner ("This site uses cookies ...", its buttons)
    is the file's first line, over the page's notice of harbour works. A user relies on the file staying one
    document from its first line: a banner with nothing above it opens no page after another's."""
    text = ("This site uses cookies to make the site simpler.\n\n"
            "Accept all cookies\n\nReject additional cookies\n\n"
            "Harbour works at Port Ellis\n\n"
            "The council will repair the north wall of the harbour at Port Ellis between April and June. "
            "The slipway will be closed while the work is done.\n\n"
            "Boat owners should use the slipway at Carnmoor during the closure.\n\n"
            "The council thanks residents for their patience.\n")
    assert starts_of(text, lex) == []
    assert [(s.start, s.end) for s in segment(text, lex)] == [(0, len(text))], segments_of(text, lex)


_DRAIN_REPORT = (
    "Report on an investigation into complaint 25 004 118 against Wendleby District Council\n\n"
    "Mr Dale complained that the council did not clear a blocked drain outside his house for nine months, and "
    "that water flooded his garage twice.\n\n"
    "We found fault. The council did not record his reports, and its contractor was never sent to the street.\n\n"
    "To remedy the injustice, the council should apologise to Mr Dale and pay him £400, and it should review how "
    "it records reports of blocked drains.\n\n"
    "Recommendations\n\n"
    "1. The council should apologise to Mr Dale within one month.\n\n"
    "2. The council should review how it records reports of blocked drains within three months.\n\n")


def test_a_cabinet_report_on_a_page_of_its_own_after_the_ombudsman_s_report_opens_a_document(lex):
    """An ombudsman's report with no sign-off, then on a new page (a form feed) the council's Cabinet report that
    answers it: "Agenda Item 8" / the council's name / "Report to: Cabinet" / "Date of meeting: ...". A user relies
    on the Cabinet report being a document of its own from its first line (at 0da1c87 it ran on as the ombudsman's
    report's last page, and its own numbered recommendations were read as the ombudsman's)."""
    cabinet = ("\fAgenda Item 8\nWendleby District Council\nReport to: Cabinet\nDate of meeting: 14 October 2025\n"
               "Report of: Director of Environment\n\n"
               "Ombudsman's report on a blocked drain\n\n"
               "1. Purpose of the report\n\n"
               "1.1 This report tells Cabinet of the Ombudsman's findings and asks it to agree the council's "
               "response.\n\n"
               "2. Recommendations\n\n"
               "2.1 That Cabinet accepts the findings and agrees to apologise to Mr Dale.\n\n"
               "2.2 That Cabinet agrees to review how reports of blocked drains are recorded.\n")
    text = _DRAIN_REPORT + cabinet
    segs = segment(text, lex)
    assert len(segs) == 2 and segs[0].start == 0, segments_of(text, lex)
    assert text[segs[1].start:].lstrip("\f").startswith("Agenda Item 8\n"), segments_of(text, lex)
    assert "2.2 That Cabinet agrees" not in text[segs[0].start:segs[0].end]


def test_minutes_on_a_page_of_their_own_after_the_ombudsman_s_report_open_a_document(lex):
    """The same ombudsman's report, then on a new page whose form feed stands on a line of its own the Cabinet's
    minutes: the council's name, "Minutes of the meeting of the Cabinet held on ...", "Present: ...". A user relies
    on the minutes being a document of their own, kind minutes, from the council's name (at 0da1c87 they ran on as
    the report's last page, and the whole report came out as minutes)."""
    minutes = ("\f\nWendleby District Council\n\n"
               "Minutes of the meeting of the Cabinet held on 14 October 2025\n\n"
               "Present: Councillor Amis (Chair), Councillors Bell, Cho and Dunne\n\n"
               "41. Ombudsman's report on a blocked drain\n\n"
               "Cabinet considered the Ombudsman's report. It agreed to apologise to Mr Dale and to pay him £400.\n\n"
               "RESOLVED that the council review how reports of blocked drains are recorded.\n")
    text = _DRAIN_REPORT + minutes
    segs = segment(text, lex)
    assert len(segs) == 2 and segs[0].start == 0, segments_of(text, lex)
    assert segs[0].kind is not Kind.minutes and segs[1].kind is Kind.minutes, segments_of(text, lex)
    assert text[segs[1].start:].lstrip("\f\n").startswith("Wendleby District Council\n"), segments_of(text, lex)


def test_a_cabinet_report_s_fields_on_its_first_page_open_no_second_document(lex):
    """Negative: a Cabinet report whose "Agenda Item" / "Report to:" / "Date of meeting:" block is on its first page,
    its recommendations and financial implications on the pages after it (each opened by a form feed). A user
    relies on the report being one document from its first line: only the fields at a later page's top open a
    paper pasted after another's."""
    text = ("Agenda Item 6\nWendleby District Council\nReport to: Cabinet\nDate of meeting: 14 October 2025\n"
            "Report of: Director of Environment\n\n"
            "Ombudsman's report on a blocked drain\n\n"
            "1. Purpose of the report\n\n"
            "1.1 This report tells Cabinet of the Ombudsman's findings on a complaint about a blocked drain and asks "
            "it to agree the council's response.\n\n"
            "1.2 The Ombudsman found that the council did not record a resident's reports of the drain for nine "
            "months.\n\n"
            "\f\n2. Recommendations\n\n"
            "2.1 That Cabinet accepts the findings and agrees to apologise to the resident.\n\n"
            "2.2 That Cabinet agrees to review how reports of blocked drains are recorded.\n\n"
            "\f\n3. Financial implications\n\n"
            "3.1 The payment of £400 will be met from the service's existing budget.\n")
    assert starts_of(text, lex) == []
    assert [(s.start, s.end) for s in segment(text, lex)] == [(0, len(text))], segments_of(text, lex)


_DRAIN_LETTER = ("Wendleby District Council\nTown Hall\nWendleby\n\n20 October 2025\n\n"
                 "Dear Ms Okoro,\n\n"
                 "Thank you for your report on Mr Dale's complaint. Cabinet considered it at its meeting last week, "
                 "and I quote the minute below.\n\n"
                 "{brk}Minutes of the meeting of the Cabinet held on 14 October 2025\n\n"
                 "Present: Councillor Amis (Chair), Councillors Bell, Cho and Dunne\n\n"
                 "41. Cabinet agreed to apologise to Mr Dale and to pay him £400.\n\n"
                 "The council has now written to Mr Dale with its apology, and the payment was made on 17 October.\n\n"
                 "Yours sincerely,\n\nPeter Quayle\nChief Executive\n")


def test_minutes_quoted_inside_a_letter_open_no_document(lex):
    """Negative: a council's letter to the ombudsman quotes the Cabinet's minute in its body ("Minutes of the
    meeting of the Cabinet held on ..." / "Present: ..."), then goes on and signs off. A user relies on the letter
    being one reply from its letterhead to its signature: minutes quoted on the letter's own page open nothing."""
    text = _DRAIN_LETTER.format(brk="")
    segs = segment(text, lex)
    assert [(s.kind, s.start, s.end) for s in segs] == [(Kind.reply, 0, len(text))], segments_of(text, lex)


def test_minutes_quoted_at_the_top_of_a_letter_s_second_page_open_no_document(lex):
    """Negative: the same letter with a page break (a form feed) falling just before the quoted minute. A user
    relies on the letter still being one reply from its letterhead to its signature: the page above it greets the
    ombudsman and is not signed, so the minutes are the letter's own quotation, not a paper pasted after it."""
    text = _DRAIN_LETTER.format(brk="\f")
    segs = segment(text, lex)
    assert [(s.kind, s.start, s.end) for s in segs] == [(Kind.reply, 0, len(text))], segments_of(text, lex)


def test_a_cabinet_report_citing_minutes_in_its_background_papers_is_no_minutes(lex):
    """A council's Cabinet report ("Report to: Cabinet", "Report of: Director of Housing") that gives the
    executive's response to a scrutiny review, recommendation by recommendation, and lists among its background
    papers at its end "Minutes of the Overview and Scrutiny Committee, ...". A user relies on the report being read
    as a response, not minutes (at e948cfd the background paper's line was taken for the minutes' own title, and
    the response came out as minutes with no stances)."""
    text = ("Agenda Item 9\n\nHollin Vale Borough Council\n\nReport to: Cabinet\n\n"
            "Date of meeting: 9 December 2025\n\nReport of: Director of Housing\n\n"
            "Executive response to the scrutiny review of temporary accommodation\n\n"
            "1. Purpose\n\n"
            "1.1 To agree the executive's response to the four recommendations of the scrutiny review of temporary "
            "accommodation.\n\n"
            "2. Recommendations\n\n2.1 That Cabinet agrees the response set out in section 3.\n\n"
            "3. Response to the review\n\n"
            "3.1 Recommendation 1 is accepted. Families will not be placed in bed and breakfast for more than six "
            "weeks.\n\n"
            "3.2 Recommendation 2 is accepted in part. A second hostel will be opened when funding allows.\n\n"
            "3.3 Recommendation 3 is accepted. Each family will be given a named officer.\n\n"
            "3.4 Recommendation 4 is not accepted. The council cannot pay removal costs for every family.\n\n"
            "4. Financial implications\n\n4.1 The named officers will be met from the existing staffing budget.\n\n"
            "5. Background papers\n\n"
            "Minutes of the Overview and Scrutiny Committee, 4 November 2025 (minute 37)\n")
    assert classify_document(text, lex) is Kind.reply
    assert [s.kind for s in segment(text, lex)] == [Kind.reply], segments_of(text, lex)


def test_a_board_s_minutes_titled_on_their_first_line_stay_minutes_despite_a_meeting_date_field(lex):
    """Negative: a housing board's minutes, "Minutes of the Housing Board" over "Meeting date: ..." (a field a paper
    to a meeting also has), then many items and, at their end, "Minutes of the previous meeting ... were agreed". A
    user relies on the record still being minutes: its own title stands among its first lines."""
    text = ("Minutes of the Housing Board\n\nMeeting date: 9 December 2025\n\nChair: Councillor Ford\n\n"
            "1. Welcome\n\nThe Chair welcomed the tenants' representatives to their first meeting.\n\n"
            "2. Temporary accommodation\n\nThe Director of Housing set out the response to the scrutiny review.\n\n"
            "3. Repairs\n\nThe repairs manager said that damp cases are now seen within ten days.\n\n"
            "4. Empty homes\n\nThe board heard that 41 homes were empty at the end of November.\n\n"
            "5. Rent arrears\n\nArrears fell by two per cent over the quarter.\n\n"
            "6. Any other business\n\nThere was none.\n\n"
            "7. Date of next meeting\n\n10 March 2026\n\n"
            "Minutes of the previous meeting held on 9 September 2025 were agreed as a true record.\n")
    assert classify_document(text, lex) is Kind.minutes
    assert [s.kind for s in segment(text, lex)] == [Kind.minutes], segments_of(text, lex)


# ---- round 101's review mends (hard starts and kinds): guards, each failing on 697c102, and negatives

_SITE_AUDIT = (
    "Audit of the Wendleby District Council website\n\n"
    "The audit looked at how the council's website treats the people who visit it, and whether it keeps to the "
    "rules that apply to every public body.\n\n"
    "We visited the site on twelve days in September and followed the steps a resident would take to pay a "
    "parking fine.\n\n"
    "The payment pages worked well, but several other pages sent visitors' details to outside companies.\n\n")
_FINE_PAGE = (
    "We use cookies to make this website work and to understand how you use it.\n\n"
    "Accept all cookies\n\nReject additional cookies\n\nSkip to main content\n\n"
    "Pay a parking fine\n\n"
    "You can pay a parking fine online, by telephone or at the Town Hall. You will need the number printed on the "
    "notice.\n\n"
    "If you pay within fourteen days, the fine is halved.\n")


def test_a_report_s_heading_about_cookies_opens_no_web_page(lex):
    """An audit of a council's website, with no sign-off, whose section is headed "Cookies on public sector
    websites" over its own findings and recommendations, no banner's buttons or settings under the heading. A user
    relies on the audit staying one document from its title to its last recommendation (at 697c102 the heading
    was taken for a saved web page's cookie banner, and the findings and recommendations were cut off as another
    document)."""
    text = (_SITE_AUDIT + "Cookies on public sector websites\n\n"
            "A public body must ask a visitor before it stores anything on their device that the site does not need "
            "to work.\n\n"
            "The council's site set three tracking files before the visitor had been asked anything.\n\n"
            "Its privacy notice did not say which companies received the data.\n\n"
            "Recommendations\n\n"
            "1. The council should ask visitors before it sets any tracking file.\n\n"
            "2. The council should name in its privacy notice every company that receives visitors' data.\n")
    assert starts_of(text, lex) == []
    assert [(s.start, s.end) for s in segment(text, lex)] == [(0, len(text))], segments_of(text, lex)


def test_a_saved_page_s_banner_with_its_buttons_under_a_report_still_opens_the_page(lex):
    """Negative: the same audit, then the council's web page saved as text: "We use cookies to make this website
    work ...", "Accept all cookies", "Reject additional cookies", "Skip to main content", the page's title and
    text. A user relies on the web page still being a document of its own from its banner: a banner with its
    buttons under it is a real page's."""
    text = _SITE_AUDIT + _FINE_PAGE
    assert starts_of(text, lex) == [(Form.page, _FINE_PAGE.splitlines()[0])], starts_of(text, lex)
    assert [s.start for s in segment(text, lex)] == [0, len(_SITE_AUDIT)], segments_of(text, lex)


def test_a_cabinet_report_s_contact_block_on_its_last_page_opens_no_document(lex):
    """A council's Cabinet report on three pages: its "Report to:" / "Date of meeting:" fields and response on the
    first, its one recommendation on a short second page, and on the last page its contact block alone ("Report
    author:", "Portfolio holder:", "Wards affected:"). A user relies on the report being one reply from its first
    line to its end (at 697c102 the short page, whose look-ahead ran on into the contact block's fields, and the
    contact block were each taken for a committee report of their own: three documents)."""
    text = ("Agenda Item 7\nHollin Vale Borough Council\nReport to: Cabinet\nDate of meeting: 12 January 2026\n"
            "Report of: Director of Place\n\n"
            "Response to the scrutiny review of street lighting\n\n"
            "1. Purpose\n\n"
            "1.1 This report sets out the executive's response to the three recommendations of the scrutiny review "
            "of street lighting.\n\n"
            "1.2 Recommendation 1 is accepted. Every lamp on a residential street will be changed to an LED lamp by "
            "2028.\n\n"
            "1.3 Recommendation 2 is accepted in part. Lights will be dimmed after midnight only on main roads.\n\n"
            "\f\n2. Recommendations\n\n"
            "2.1 That Cabinet agrees the response in section 1.\n\n"
            "\f\nReport author: Dan Whitlow, Street Lighting Manager\n"
            "Portfolio holder: Councillor Ines Marr\n"
            "Wards affected: All\n")
    assert starts_of(text, lex) == []
    assert [(s.kind, s.start, s.end) for s in segment(text, lex)] == [(Kind.reply, 0, len(text))], \
        segments_of(text, lex)


_LAMP_REVIEW = (
    "Review of street lighting in Hollin Vale\n\n"
    "The review looked at the lamps on residential streets across the borough over the winter.\n\n"
    "Residents told the review that several streets near the station were dark for weeks when lamps failed.\n\n"
    "The council's contractor had no target for how quickly a failed lamp must be mended.\n\n"
    "The review recommends that the council sets its contractor a target of five working days.\n\n")
_LAMP_CABINET = (
    "\fAgenda Item 7\nHollin Vale Borough Council\nReport to: Cabinet\n"
    "Date of meeting: 12 January 2026\nReport of: Director of Place\n\n"
    "Response to the scrutiny review of street lighting\n\n"
    "1.1 The recommendation is accepted. The contractor will be set a target of five working days from April.\n")


def test_a_cabinet_report_s_fields_on_the_next_page_do_not_open_the_short_page_above_it(lex):
    """A review of street lighting, then a short appendix page of the streets it visited, then on the next page the
    council's Cabinet report that answers it ("Agenda Item 7" / "Report to: Cabinet" / "Date of meeting: ...").
    A user relies on the appendix staying the review's and the Cabinet report being a document of its own from
    "Agenda Item 7" (at 697c102 the appendix page was read together with the next page's fields and was taken for
    a committee report of its own: three documents)."""
    review = _LAMP_REVIEW + "\fAppendix: streets visited\n\nStation Road, Mill Lane, Quarry Hill\n"
    text = review + _LAMP_CABINET
    segs = segment(text, lex)
    assert [s.start for s in segs] == [0, len(review)], segments_of(text, lex)
    assert segs[1].kind is Kind.reply and text[segs[1].start:].startswith("\fAgenda Item 7\n")


_LAMP_MINUTES = (
    "Hollin Vale Borough Council\n\n"
    "Minutes of the meeting of the Cabinet held on 12 January 2026\n\n"
    "Present: Councillor Marr (Chair), Councillors Ashe, Bryce and Coles\n\n"
    "1. Apologies\n\nThere were no apologies.\n\n"
    "2. Street lighting\n\nThe Director of Place set out the executive's response to the scrutiny review. "
    "Members asked how much the new lamps would save each year.\n\n"
    "RESOLVED that the response be agreed.\n\n")


def test_minutes_repeating_their_title_over_their_next_page_are_one_record(lex):
    """A Cabinet's minutes on two pages, the second repeating the minutes' title over "In attendance for item 3:
    Mr Pike, ...". A user relies on the minutes being one document, kind minutes, from the council's name to the
    last resolution (at 697c102 the repeated title was taken for another set of minutes on a page of its own, and
    the record came out as a reply)."""
    text = (_LAMP_MINUTES + "\f\nMinutes of the meeting of the Cabinet held on 12 January 2026\n\n"
            "In attendance for item 3: Mr Pike, Head of Waste Services\n\n"
            "3. Garden waste\n\nMr Pike reported that the garden waste service had gained two thousand new "
            "customers. Members welcomed the news.\n\n"
            "RESOLVED that the report be noted.\n")
    assert starts_of(text, lex) == []
    assert [(s.kind, s.start, s.end) for s in segment(text, lex)] == [(Kind.minutes, 0, len(text))], \
        segments_of(text, lex)


def test_a_report_s_page_naming_minutes_over_a_line_beginning_present_opens_no_document(lex):
    """A review of taxi licensing whose second page begins "Minutes of the meeting of the Licensing Committee held
    on ... are set out at Annex B." and goes on "Present practice is for every renewal to be checked ...". A user
    relies on the review staying one document to its last recommendation: "Present" opens a list of who attended
    only as a label (at 697c102 the word "Present" was taken for the attendance, and the review's second page was
    cut off as minutes of their own)."""
    text = ("Review of taxi licensing in Hollin Vale\n\n"
            "The review looked at how the council checks the drivers and vehicles it licenses.\n\n"
            "Drivers told the review that renewing a licence took up to four months, and several had stopped "
            "working while they waited.\n\n"
            "The council had no target for how long a renewal should take.\n\n"
            "\f\nMinutes of the meeting of the Licensing Committee held on 3 March 2026 are set out at Annex B.\n\n"
            "Present practice is for every renewal to be checked by the same two officers.\n\n"
            "The review found that this causes long delays in the spring, when most licences fall due.\n\n"
            "The review recommends that the council sets a target of six weeks for each renewal.\n")
    assert starts_of(text, lex) == []
    assert [(s.start, s.end) for s in segment(text, lex)] == [(0, len(text))], segments_of(text, lex)


def test_minutes_on_a_page_of_their_own_with_present_alone_on_its_line_still_open_a_document(lex):
    """Negative: the review of street lighting, then on a new page the Cabinet's minutes: the council's name, the
    minutes' title, "Present" alone on its line over the members' names, then the item and its resolution. A user
    relies on the minutes still being a document of their own, kind minutes, from the council's name: "Present" at
    a line's end is the attendance's label."""
    minutes = ("\f\nHollin Vale Borough Council\n\n"
               "Minutes of the meeting of the Cabinet held on 12 January 2026\n\n"
               "Present\n\nCouncillor Marr (Chair), Councillors Ashe, Bryce and Coles\n\n"
               "4. Street lighting review\n\nCabinet considered the review. It agreed that failed lamps should be "
               "mended within five working days.\n\n"
               "RESOLVED that the contractor be set a target for mending failed lamps.\n")
    text = _LAMP_REVIEW + minutes
    assert starts_of(text, lex) == [(Form.page, "Hollin Vale Borough Council")], starts_of(text, lex)
    segs = segment(text, lex)
    assert len(segs) == 2 and segs[0].start == 0, segments_of(text, lex)
    assert segs[0].kind is not Kind.minutes and segs[1].kind is Kind.minutes, segments_of(text, lex)
    assert text[segs[1].start:].lstrip("\f\n").startswith("Hollin Vale Borough Council\n"), segments_of(text, lex)


_LAMP_LETTER = ("Hollin Vale Borough Council\nCivic Centre\nHollin Vale\n\n5 January 2026\n\n"
                "Dear Mrs Trent,\n\n"
                "Thank you for the review of street lighting. The report that sets out the council's response is "
                "enclosed, and Cabinet will consider it next week.\n\n"
                "Yours sincerely,\n\nMaria Lund\nMonitoring Officer")


def test_a_cabinet_report_on_a_page_of_its_own_after_a_signed_letter_still_opens_a_document(lex):
    """Negative: a council's covering letter to the review's chair, signed, then on a new page its Cabinet report
    ("Agenda Item 7" / "Report to: Cabinet" / "Date of meeting: ..."). A user relies on the Cabinet report still
    being a reply of its own from "Agenda Item 7", the letter ending at its signature: fields that say which
    meeting the paper goes to, on the page's own first lines, open it."""
    text = _LAMP_LETTER + "\n" + _LAMP_CABINET
    segs = segment(text, lex)
    assert [(s.kind, s.start) for s in segs] == [(Kind.reply, 0), (Kind.reply, len(_LAMP_LETTER) + 1)], \
        segments_of(text, lex)


def test_a_form_feed_at_the_end_of_a_signature_s_line_leaves_the_signature_with_its_letter(lex):
    """The same letter and Cabinet report, the page's form feed at the end of the signature's last line ("Monitoring
    Officer<form feed>") rather than at the start of the next. A user relies on the Cabinet report opening at
    "Agenda Item 7" and the letter keeping its signer's post (at 697c102 the signature's line was taken for the
    next page's top, and "Monitoring Officer" opened the Cabinet report)."""
    text = _LAMP_LETTER + _LAMP_CABINET.replace("\f", "\f\n", 1)
    assert starts_of(text, lex) == [(Form.page, "Agenda Item 7")], starts_of(text, lex)
    segs = segment(text, lex)
    assert len(segs) == 2, segments_of(text, lex)
    assert text[segs[0].start:segs[0].end].rstrip("\f\n").endswith("Maria Lund\nMonitoring Officer")
    assert text[segs[1].start:].lstrip("\f\n").startswith("Agenda Item 7\n"), segments_of(text, lex)


def test_files_with_no_prose_above_their_banners_or_committee_fields_answer_as_before(lex):
    """Negative for finding a file's prose once, not per candidate page: a file of sixty cookie banners and no
    prose; and a file of committee fields, page after page with no prose, then the website audit and a saved
    page. A user relies on the same answer: no page opened in the first file, one document; in the second the
    saved page alone opened, from its banner."""
    banners = "".join(f"Cookies on page {n} of the archive\nAccept all cookies\nReject additional cookies\n\n"
                      for n in range(60))
    assert starts_of(banners, lex) == []
    assert [(s.start, s.end) for s in segment(banners, lex)] == [(0, len(banners))]
    fields = "".join(f"\fReport to: Cabinet\nDate of meeting: {n} May 2026\n" for n in range(1, 29))
    text = fields + _SITE_AUDIT + _FINE_PAGE
    assert starts_of(text, lex) == [(Form.page, _FINE_PAGE.splitlines()[0])], starts_of(text, lex)
    assert [s.start for s in segment(text, lex)] == [0, len(fields + _SITE_AUDIT)], segments_of(text, lex)


_BOARD_SHEET = (
    "Northmoor Community Health NHS Trust\n\nBoard of Directors\n\nPaper: B\n\nAgenda item: 4\n\n"
    "Paper title: Minutes of the previous meeting\n\nPresented by: Chair\n\nExecutive lead: Company Secretary\n\n"
    "Purpose of the paper: For approval\n\nPreviously considered by: Not applicable\n\n"
    "Link to strategic aims: All\n\nLink to risk register: None\n\nEquality impact: None\n\n"
    "Financial impact: None\n\n"
    "Recommendation: The Board is asked to approve the minutes as a true record.\n\n"
    "Author: Deputy Company Secretary\n\nDate of paper: 28 April 2026\n\n")


def test_a_board_s_minutes_under_their_cover_sheet_are_minutes(lex):
    """A trust board's pack: a cover sheet of sixteen fields ("Paper: B", "Presented by: Chair", ...), then the
    minutes' own title, "Minutes of the Trust Board meeting held on 2 April 2026", who attended and the items. A
    user relies on the record being minutes (at 697c102 the cover sheet made it a paper to a meeting, and the
    minutes' own title, far below it, was dropped as if the paper only cited them: the record came out a letter)."""
    text = (_BOARD_SHEET + "Minutes of the Trust Board meeting held on 2 April 2026\n\n"
            "Attendance\n\nMs Jo Farrant, Chair\nMr Raj Dev, Chief Executive\nDr Pia Lund, Medical Director\n\n"
            "1. Welcome and apologies\n\nThe Chair welcomed members. There were no apologies.\n\n"
            "2. Community nursing\n\nThe Board noted the report on waiting times for community nursing visits.\n\n"
            "3. Any other business\n\nThere was none.\n")
    assert classify_document(text, lex) is Kind.minutes
    assert [s.kind for s in segment(text, lex)] == [Kind.minutes], segments_of(text, lex)


_LIBRARY_CABINET = (
    "Agenda Item 9\n\nHollin Vale Borough Council\n\nReport to: Cabinet\n\n"
    "Date of meeting: 9 February 2026\n\nReport of: Director of Communities\n\n"
    "Executive response to the task group's review of library opening hours\n\n"
    "1. Purpose\n\n"
    "1.1 To agree the executive's response to the three recommendations of the task group's review of library "
    "opening hours.\n\n"
    "2. Recommendations\n\n2.1 That Cabinet agrees the response set out in section 3.\n\n"
    "3. Response to the review\n\n"
    "3.1 Recommendation 1 is accepted. Every branch library will open on Saturday mornings from April.\n\n"
    "3.2 Recommendation 2 is accepted in part. Two branches will open late on Thursdays.\n\n"
    "3.3 Recommendation 3 is not accepted. The council cannot open its libraries on Sundays.\n\n"
    "4. Financial implications\n\n4.1 The longer hours will be met from the libraries' existing budget.\n\n"
    "5. Background papers\n\n")


def test_a_cabinet_report_citing_a_note_of_a_meeting_in_its_background_papers_is_no_minutes(lex):
    """A council's Cabinet report giving the executive's response to a task group's review, recommendation by
    recommendation, which lists among its background papers at its end "Note of the meeting of the Libraries Task
    Group, ...". A user relies on the report being read as a response, not minutes (at 697c102 only a cited
    "Minutes of ..." was dropped, and the cited note made the whole response minutes, with no stances)."""
    text = _LIBRARY_CABINET + "Note of the meeting of the Libraries Task Group, 12 January 2026\n"
    assert classify_document(text, lex) is Kind.reply
    assert [s.kind for s in segment(text, lex)] == [Kind.reply], segments_of(text, lex)


def test_a_cabinet_report_citing_minutes_of_a_meeting_held_on_a_date_is_no_minutes(lex):
    """Negative: the same Cabinet report, its background paper cited by the minutes' full title, "Minutes of the
    meeting of the Overview and Scrutiny Committee held on 14 January 2026". A user relies on the report still
    being read as a response: a line under "Background papers" at the report's end cites the record, whatever its
    wording, and is no record's own title."""
    text = (_LIBRARY_CABINET
            + "Minutes of the meeting of the Overview and Scrutiny Committee held on 14 January 2026\n")
    assert classify_document(text, lex) is Kind.reply
    assert [s.kind for s in segment(text, lex)] == [Kind.reply], segments_of(text, lex)
