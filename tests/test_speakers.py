"""Tests for pipeline.stages.speakers: who asks, answers and speaks in Q&A documents and
minutes, and whose meeting the minutes record."""
from __future__ import annotations

import pytest

from pipeline.records import PartyRole
from pipeline.stages import parties as parties_mod
from pipeline.stages.segment import segment
from pipeline.stages.speakers import meeting_body, minutes_parties, qa_parties


@pytest.fixture(scope="module")
def speech_verbs(settings, lex):
    return parties_mod.load_rules(settings.models_dir, lex.role_words).speech_verbs


def who(p) -> tuple[str | None, str | None, str | None] | None:
    return None if p is None else (p.name, p.position, p.organisation)


def only_segment(text, lex):
    (seg,) = segment(text, lex)
    return seg


def qa(text, lex):
    snd, found = qa_parties(text, only_segment(text, lex), "L1", lex)
    return who(snd), [who(p) for p in found]


def minutes(text, lex, speech_verbs):
    snd, found = minutes_parties(text, only_segment(text, lex), "L1", lex, speech_verbs)
    return who(snd), [who(p) for p in found]


def gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


# ---- written questions

SCOTTISH_QUESTION = """Asked by: Morag Ellison, MSP for Glasgow Kelvin, Scottish Green Party

Date lodged: 1 December 2022

To ask the Scottish Government how many young people were held on remand in each month of 2022.

Answered by Callum Baird on 14 December 2022

The information requested is published monthly by the Scottish Prison Service on its website.
"""

# ---- Hansard

HANSARD_OFFICE = """HC Deb 16 December 1953 vol 521 cc1120-1

14. Mr. Arthur Penhale

asked the Minister of Transport if he will make a statement on the level crossing at Wexley.

The Minister of Transport (Mr. Giles Barrow)

I am having the crossing examined and will write to the hon. Member.

Mr. Penhale

Will the Minister ensure the crossing is staffed at night?

Mr. Barrow

Yes, Sir.
"""

HANSARD_NAME_ONLY = """HC Deb 17 December 1953 vol 521 cc1301-2

22. Mrs. Edith Corran

asked the Minister of Health how many hospital beds are closed for want of nurses.

Mr. Howard Lisle

I regret that the figures are not yet available.
"""

HANSARD_CAPITALS = """HC Deb 2 March 1938 vol 332 cc1901-2

31. Mr. Ernest Pryor

asked the Secretary of State for the Colonies whether he will make a statement about the harbour at Port Elwin.

The SECRETARY of STATE for the COLONIES (Mr. Malcolm Fairley)

The harbour works will be finished next year.
"""

# ---- evidence transcripts

LORDS_EVIDENCE = """Constitution Committee

Corrected oral evidence: Public services after the pandemic

Tuesday 4 May 2021

Members present: Lord Fenwick of Harrowgate (The Chair); Baroness Ashdown; Lord Pell.

Witnesses

I: Marion Quayle, Deputy Director, Centre for Public Policy; Dr Owen Tarrant, Senior Fellow, Wexley University.

Q12 The Chair: Welcome to our witnesses. Could you start by introducing yourselves?

Marion Quayle: I am the deputy director of the Centre for Public Policy.

Dr Owen Tarrant: I lead the public services programme at Wexley University.

Q13 Baroness Ashdown: What changed in care homes?

Marion Quayle: Staffing, above all.
"""

COMMONS_EVIDENCE = """Public Accounts Committee

Oral evidence: Ambulance handover delays

Witnesses: Karen Lyle, Chief Executive, Wexley Hospitals NHS Foundation Trust; Martin Shaw, Medical Director, Wexley Hospitals NHS Foundation Trust

Q1 The Chair: Good morning. Why are handovers taking six hours?

Karen Lyle: Because the department is full.

Q2 Mr. Peter Hale: What is being done about it?

Martin Shaw: We have opened an assessment area.
"""

UNNAMED_CHAIR = """Oral evidence: Ambulance handover delays

Q1 The Chair: Good morning. Why are handovers taking six hours?

Karen Lyle: Because the department is full.
"""

TRUST = "Wexley Hospitals NHS Foundation Trust"


@pytest.mark.parametrize(("text", "sender", "people"), [
    pytest.param(SCOTTISH_QUESTION, ("Callum Baird", None, "Scottish Government"), [
        ("Morag Ellison", "MSP for Glasgow Kelvin", "Scottish Green Party"),
        ("Callum Baird", None, "Scottish Government"),
    ], id="asked-by-answered-by-to-ask"),
    pytest.param(SCOTTISH_QUESTION.replace("To ask", "Question: To ask"),
                 ("Callum Baird", None, "Scottish Government"), [
        ("Morag Ellison", "MSP for Glasgow Kelvin", "Scottish Green Party"),
        ("Callum Baird", None, "Scottish Government"),
    ], id="question-label-before-to-ask"),
    pytest.param(HANSARD_OFFICE, ("Giles Barrow", "Minister of Transport", None), [
        ("Arthur Penhale", None, None),
        ("Giles Barrow", "Minister of Transport", None),
    ], id="hansard-answerer-under-office-and-follow-ups-merged"),
    pytest.param(HANSARD_NAME_ONLY, ("Howard Lisle", "Minister of Health", None), [
        ("Edith Corran", None, None),
        ("Howard Lisle", "Minister of Health", None),
    ], id="hansard-answerer-on-own-line-takes-asked-office"),
    pytest.param(HANSARD_CAPITALS, ("Malcolm Fairley", "Secretary of State for the Colonies", None), [
        ("Ernest Pryor", None, None),
        ("Malcolm Fairley", "Secretary of State for the Colonies", None),
    ], id="hansard-office-in-capitals"),
    pytest.param(LORDS_EVIDENCE, None, [
        ("Fenwick of Harrowgate", "Chair", "Constitution Committee"),
        ("Marion Quayle", "Deputy Director", "Centre for Public Policy"),
        ("Owen Tarrant", "Senior Fellow", "Wexley University"),
        ("Ashdown", None, None),
    ], id="lords-evidence-chair-and-witnesses"),
    pytest.param(COMMONS_EVIDENCE, None, [
        ("Karen Lyle", "Chief Executive", TRUST),
        ("Peter Hale", None, None),
        ("Martin Shaw", "Medical Director", TRUST),
    ], id="witnesses-line-gives-posts"),
    pytest.param(UNNAMED_CHAIR, None, [("Karen Lyle", None, None)], id="chair-never-named-is-left-out"),
])
def test_qa_parties(text, sender, people, lex):
    assert qa(text, lex) == (sender, people)


def test_chair_of_lords_evidence_is_named_from_members_present(lex):
    _, people = qa(LORDS_EVIDENCE, lex)
    assert people[0] == ("Fenwick of Harrowgate", "Chair", "Constitution Committee")
    assert ("Marion Quayle", "Deputy Director", "Centre for Public Policy") in people


def test_qa_parties_are_participants_and_point_at_their_lines(lex):
    seg = only_segment(SCOTTISH_QUESTION, lex)
    snd, found = qa_parties(SCOTTISH_QUESTION, seg, "L1", lex)
    assert snd.role is PartyRole.sender and snd.letter_id == "L1"
    assert {p.role for p in found} == {PartyRole.participant}
    assert [SCOTTISH_QUESTION[p.char_start:p.char_end] for p in found] == [
        "Asked by: Morag Ellison, MSP for Glasgow Kelvin, Scottish Green Party",
        "Answered by Callum Baird on 14 December 2022",
    ]


# ---- minutes

CHAIR_AND_WELCOMED = """Health Scrutiny Panel – 28 July 2014

Present: Councillor Mrs Joan Ames in the chair; Councillors Boyle, Crane and Dunn.

The Chairman welcomed Karen Lyle, Chief Executive, Martin Shaw, Medical Director, and Alison Teague, Director of Nursing, Wexley Hospitals NHS Foundation Trust to the meeting.

Karen Lyle explained the trust's plans for the emergency department.
"""

TOOK_EVIDENCE = """Justice Committee

Minutes of the 12th meeting, 2023

The Committee took evidence from—

Callum Baird, Cabinet Secretary for Justice and Veterans, and Nia Rowe, Head of Remand Policy, Scottish Government.

The Committee agreed to consider its report in private.
"""

POST_SPEAKS = """Criminal Justice Committee

Cabinet Secretary for Justice and Veterans, Callum Baird MSP
Director of Justice, Nia Rowe

The Cabinet Secretary for Justice and Veterans opened the discussion on remand.
"""

MEMBERS_ONLY = """Housing Board

Members present: Iris Ames, Tom Boyle and Ravi Crane

Resolved: that the housing strategy be approved.
"""

MEMBERS_AND_SPEAKER = """Housing Board

Members present: Iris Ames, Tom Boyle and Ravi Crane

The Chairman welcomed Karen Lyle, Chief Executive, Wexley Homes to the meeting.
"""

APOLOGIES_ONLY = """Housing Board

Apologies: Iris Ames, Tom Boyle

Resolved: that the housing strategy be approved.
"""


@pytest.mark.parametrize(("text", "sender", "people"), [
    pytest.param(CHAIR_AND_WELCOMED, (None, None, "Health Scrutiny Panel"), [
        ("Joan Ames", "Chairman", "Health Scrutiny Panel"),
        ("Karen Lyle", "Chief Executive", TRUST),
        ("Martin Shaw", "Medical Director", TRUST),
        ("Alison Teague", "Director of Nursing", TRUST),
    ], id="in-the-chair-and-welcomed-list-with-trailing-body"),
    pytest.param(TOOK_EVIDENCE, (None, None, "Justice Committee"), [
        ("Callum Baird", "Cabinet Secretary for Justice and Veterans", "Scottish Government"),
        ("Nia Rowe", "Head of Remand Policy", "Scottish Government"),
    ], id="took-evidence-from"),
    pytest.param(POST_SPEAKS, (None, None, "Criminal Justice Committee"), [
        ("Callum Baird", "Cabinet Secretary for Justice and Veterans", None),
    ], id="post-that-speaks-resolved-through-attendance"),
    pytest.param(POST_SPEAKS.replace("The Cabinet Secretary for Justice and Veterans opened",
                                     "The Director of Justice was not asked to speak. The Cabinet Secretary for "
                                     "Justice and Veterans opened"), (None, None, "Criminal Justice Committee"), [
        ("Callum Baird", "Cabinet Secretary for Justice and Veterans", None),
    ], id="post-that-does-not-speak"),
    pytest.param(MEMBERS_ONLY, (None, None, "Housing Board"), [
        ("Iris Ames", None, None), ("Tom Boyle", None, None), ("Ravi Crane", None, None),
    ], id="members-list-when-nobody-speaks"),
    pytest.param(MEMBERS_AND_SPEAKER, (None, None, "Housing Board"), [
        ("Karen Lyle", "Chief Executive", "Wexley Homes"),
    ], id="members-list-ignored-when-someone-speaks"),
    pytest.param(APOLOGIES_ONLY, (None, None, "Housing Board"), [], id="apologies-are-not-participants"),
])
def test_minutes_parties(text, sender, people, lex, speech_verbs):
    assert minutes(text, lex, speech_verbs) == (sender, people)


def test_minutes_sender_is_the_body(lex, speech_verbs):
    seg = only_segment(TOOK_EVIDENCE, lex)
    snd, found = minutes_parties(TOOK_EVIDENCE, seg, "L1", lex, speech_verbs)
    assert snd.role is PartyRole.sender and snd.name is None
    assert {p.role for p in found} == {PartyRole.participant}


# ---- meeting_body

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Meeting: 22/06/2023 - Cabinet (Item 12)\n\nDecision: that the strategy be approved.\n", "Cabinet",
                 id="meeting-line"),
    pytest.param("Meeting: 15/12/2022 - Overview and Scrutiny Board (Item 4)\n\nThe board noted the report.\n",
                 "Overview and Scrutiny Board", id="meeting-line-long-body"),
    pytest.param("Health Scrutiny Panel – 28 July 2014\n\nThe panel noted the report.\n", "Health Scrutiny Panel",
                 id="title-with-dash-date"),
    pytest.param("Licensing Sub Committee minutes - 5 May 2022\n\nThe Sub Committee considered an application.\n",
                 "Licensing Sub Committee", id="title-with-minutes-suffix"),
    pytest.param("The application was considered by the Sub-Committee, and the Wexley Licensing Sub-Committee "
                 "granted the licence.\n", "Wexley Licensing Sub-Committee", id="named-form-of-the-sub-committee"),
    pytest.param("Note of decisions\n\nThe Board agreed the budget.\n", None, id="no-body-named"),
    pytest.param("Minutes of the meeting of the Health Scrutiny Panel held on 28 July 2014\n\nCouncillor Mrs Joan "
                 "Ames in the chair.\n", "Health Scrutiny Panel", id="minutes-of-the-meeting-of"),
    pytest.param("Wexley Borough Council\n\nHealth Scrutiny Panel – 28 July 2014\n\nThe panel noted the report.\n",
                 "Health Scrutiny Panel", id="council-letterhead-over-panel-title"),
    pytest.param("The Sub-Committee considered an application. The Wexley Licensing Sub-Committee granted the "
                 "licence.\n", "Wexley Licensing Sub-Committee", id="named-form-opening-a-sentence"),
])
def test_meeting_body(text, expected, lex):
    assert meeting_body(text, only_segment(text, lex)) == expected
