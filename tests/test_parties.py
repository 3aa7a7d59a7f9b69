"""Tests for pipeline.stages.parties: sender, recipients, cc, mentioned e-mails, participants."""
from __future__ import annotations

import pytest

from pipeline.nlp import analyse
from pipeline.records import Kind, PartyRole
from pipeline.stages import paper_parties as PP
from pipeline.stages import parties as P
from pipeline.stages.addresses import find_blocks
from pipeline.stages.segment import segment


@pytest.fixture(scope="module")
def rules(settings, lex):
    return P.load_rules(settings.models_dir, lex.role_words)


def only_segment(text, lex):
    segs = segment(text, lex)
    assert len(segs) == 1
    return segs[0]


def recipients_of(text, lex):
    seg = only_segment(text, lex)
    return P.recipients(text, seg, "L1", lex, find_blocks(text, seg, lex))


def sender_of(text, lex, rules):
    seg = only_segment(text, lex)
    return P.sender(text, seg, "L1", lex, find_blocks(text, seg, lex), text, rules)


def cc_of(text, lex):
    return P.cc(text, only_segment(text, lex), "L1", lex, text)


def participants_of(text, lex, rules, nlp, settings):
    seg = only_segment(text, lex)
    persons = analyse(nlp, text, [], settings, entity_spans=[(0, len(text))]).persons
    return seg, PP.participants(text, seg, "L1", lex, rules, persons)


# ---- recipients: the block above "Dear"

CORONER_TO_COUNCIL = """\
12 March 2023

Councillor Alan Reeves
Leader
Northshire County Council
Town Hall
Market Street
Northtown
NT1 2AB

Dear Councillor Reeves,

**Prevention of Future Deaths Report: Mr David Owen**

I write following the inquest into the death of Mr David Owen, which concluded last month.

Yours sincerely,

Mary Hollins
Senior Coroner for Northshire
"""

TO_ASSOCIATION_PRESIDENT = """\
10 June 2021

Mr Paul Jarvis
President of the Association of Chief Fire Officers Ltd
10 Albert Embankment
London
SE1 7SP

Dear Mr Jarvis,

**Review of fire safety inspections**

I am writing in my capacity as the Chief Fire Safety Adviser to share the findings of my review.

Yours sincerely,

**Chief Fire Safety Adviser**
"""

NAME_AND_POSITION_ON_ONE_LINE = """\
3 May 2022

Dame Jane Doe DBE, Chief Inspector
HM Inspectorate of Probation
1st Floor, Civil Justice Centre
1 Bridge Street West
Manchester
M3 3FX

Dear Dame Jane,

**Inspection of youth offending services**

Thank you for your letter of 12 April. I am responding as the Minister responsible for youth justice.

I have asked officials to consider the recommendations of your inspection carefully.

Yours sincerely,

A handwritten signature in blue ink, appearing to read 'Sanjiv'

Sanjiv Mehta
"""

LETTERHEAD_NO_POSTCODE_RECIPIENT = """\
Ministry of Justice
Minister of State for Prisons and Probation
102 Petty France
London
SW1H 9AJ

3 May 2022

Dame Jane Doe DBE
Chief Inspector of Probation
HM Inspectorate of Probation

Dear Dame Jane,

Thank you for your letter of 12 April about the recommendations of your report.

We accept recommendation 2 and will publish revised guidance by March.

Yours sincerely,

A handwritten signature appearing to read 'Sanjiv'
"""

TO_UNNAMED_CHIEF_EXECUTIVE = """\
14 July 2022

The Chief Executive
Northshire NHS Foundation Trust
Trust Headquarters
Infirmary Road
Northtown
NT4 7QP

Dear Chief Executive,

**Regulation 28 Report to Prevent Future Deaths**

I enclose a report under paragraph 7 of Schedule 5 to the Coroners and Justice Act 2009.

Yours faithfully,

Helen Marsh
HM Senior Coroner
"""


@pytest.mark.parametrize(
    ("text", "name", "honorific", "position", "organisation", "first_line"),
    [
        pytest.param(CORONER_TO_COUNCIL, "Alan Reeves", "Councillor", "Leader", "Northshire County Council",
                     "Councillor Alan Reeves", id="name-position-organisation-block"),
        pytest.param(TO_ASSOCIATION_PRESIDENT, "Paul Jarvis", "Mr", "President",
                     "Association of Chief Fire Officers Ltd", "Mr Paul Jarvis", id="president-of-the-association"),
        pytest.param(NAME_AND_POSITION_ON_ONE_LINE, "Jane Doe", "Dame", "Chief Inspector",
                     "HM Inspectorate of Probation", "Dame Jane Doe DBE, Chief Inspector",
                     id="name-comma-position-one-line"),
        pytest.param(LETTERHEAD_NO_POSTCODE_RECIPIENT, "Jane Doe", "Dame", "Chief Inspector of Probation",
                     "HM Inspectorate of Probation", "Dame Jane Doe DBE", id="block-without-postcode"),
    ],
)
def test_recipient_from_block_above_dear(text, name, honorific, position, organisation, first_line, lex):
    (rec,) = recipients_of(text, lex)
    assert rec.role is PartyRole.recipient
    assert (rec.name, rec.honorific, rec.position, rec.organisation) == (name, honorific, position, organisation)
    assert text[rec.char_start:rec.char_end] == first_line


def test_recipient_position_of_the_council_kept_whole(lex):
    text = CORONER_TO_COUNCIL.replace("Leader\n", "Leader of the Council\n")
    (rec,) = recipients_of(text, lex)
    assert (rec.position, rec.organisation) == ("Leader of the Council", "Northshire County Council")


def test_recipient_organisation_not_the_building(lex):
    text = CORONER_TO_COUNCIL.replace("Leader\nNorthshire County Council\nTown Hall",
                                      "Leader of Northshire County Council\nCounty Hall")
    (rec,) = recipients_of(text, lex)
    assert rec.position == "Leader of Northshire County Council"
    assert rec.organisation != "County Hall"


def test_recipient_addressed_by_position_only(lex):
    (rec,) = recipients_of(TO_UNNAMED_CHIEF_EXECUTIVE, lex)
    assert (rec.name, rec.position, rec.organisation) == (None, "Chief Executive", "Northshire NHS Foundation Trust")


def test_no_recipient_without_salutation(lex):
    text = "Minutes of the Safer Communities Board\n\nPresent: Cllr Maria Lopez (Chair)\n\nThe Board noted the report.\n"
    assert recipients_of(text, lex) == []


# ---- sender: typed signature, letterhead, "I am responding as ..."

@pytest.mark.parametrize(
    ("text", "name", "position", "organisation"),
    [
        pytest.param(CORONER_TO_COUNCIL, "Mary Hollins", "Senior Coroner for Northshire", None,
                     id="typed-name-and-position"),
        pytest.param(TO_ASSOCIATION_PRESIDENT, None, "Chief Fire Safety Adviser", None,
                     id="position-only-signature"),
        pytest.param(NAME_AND_POSITION_ON_ONE_LINE, "Sanjiv Mehta", "Minister", None,
                     id="alt-text-skipped-position-from-responding-as"),
        pytest.param(LETTERHEAD_NO_POSTCODE_RECIPIENT, None, "Minister of State for Prisons and Probation",
                     "Ministry of Justice", id="alt-text-only-position-from-letterhead"),
    ],
)
def test_sender(text, name, position, organisation, lex, rules):
    snd = sender_of(text, lex, rules)
    assert snd.role is PartyRole.sender
    assert (snd.name, snd.position, snd.organisation) == (name, position, organisation)
    if name is None:
        assert snd.char_start is None
    else:
        assert text[snd.char_start:snd.char_end].startswith(name)


@pytest.mark.parametrize("closing, expected", [
    # a partner signs "On behalf of the Partners, <surgery>": the post is "Senior Partner" and the
    # body the surgery, not the words "On behalf of"
    pytest.param("Yours sincerely\n\nDr Priya Nandakumar\nSenior Partner\nOn behalf of the Partners, Brookfield Road "
                 "Surgery\n", ("Priya Nandakumar", "Senior Partner", "Brookfield Road Surgery"),
                 id="gp-partner-for-the-practice"),
    # housing associations are often "<place> Homes": the signature's last line is the body
    pytest.param("Yours sincerely\n\nJoanne Mercer\nChief Executive\nBrookvale Homes\n",
                 ("Joanne Mercer", "Chief Executive", "Brookvale Homes"), id="housing-association-homes"),
    # an e-mail's signature runs on into the practice's address and telephone with no blank line:
    # the postcode there is the sender's own address, not the head of a letter that follows
    pytest.param("Kind regards,\n\nDr Simon Okeke\nSenior Partner\non behalf of the Partners\nBrindle Street Medical "
                 "Practice\n14 Brindle Street, Ryalbridge RB3 2JN\nTel: 0113 496 0583\n",
                 ("Simon Okeke", "Senior Partner", "Brindle Street Medical Practice"),
                 id="e-mail-signature-over-the-address"),
    # the line under the post names the body though no word of it says "organisation" ("International")
    pytest.param("Yours sincerely\n\nDr Fiona Gale\nChief Executive\nIRATA International\n",
                 ("Fiona Gale", "Chief Executive", "IRATA International"), id="body-under-the-post"),
])
def test_a_signature_names_the_sender_and_the_body_it_signs_for(closing, expected, lex, rules):
    text = ("Dear Mr Penhaligon\n\nThank you for your report of 28 July 2026. We have reviewed every repeat "
            "prescription for reliever inhalers.\n\n" + closing)
    snd = sender_of(text, lex, rules)
    assert (snd.name, snd.position, snd.organisation) == expected


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param("A handwritten signature in black ink, appearing to read 'Sanjiv'", id="appearing-to-read"),
        pytest.param("Signature of Sanjiv Mehta", id="signature-of"),
        pytest.param("[signature]", id="bracketed-placeholder"),
    ],
)
def test_alt_text_signature_is_never_the_sender_name(signature, lex, rules):
    text = ("Dear Ms Clarke,\n\nThank you for your letter of 2 June about the review of youth custody.\n\n"
            f"Yours sincerely,\n\n{signature}\n\nMinister for Youth Justice\n")
    snd = sender_of(text, lex, rules)
    assert snd.name is None
    assert snd.position == "Minister for Youth Justice"


def test_sender_position_from_capacity_sentence(lex, rules):
    text = ("Dear Minister,\n\nI am writing in my capacity as the UK's Independent Anti-Slavery Commissioner, "
            "a statutory role created by the Modern Slavery Act 2015.\n\nYours sincerely,\n\nDame Sara Thornton DBE QPM\n")
    snd = sender_of(text, lex, rules)
    assert (snd.name, snd.honorific, snd.position) == ("Sara Thornton", "Dame", "Independent Anti-Slavery Commissioner")


def test_signature_position_wins_over_capacity_sentence(lex, rules):
    text = ("Dear Chair,\n\nI am responding as the Minister responsible for safeguarding.\n\nYours sincerely,\n\n"
            "Rachel Maclean MP\nParliamentary Under-Secretary of State for Safeguarding\n")
    snd = sender_of(text, lex, rules)
    assert (snd.name, snd.position) == ("Rachel Maclean", "Parliamentary Under-Secretary of State for Safeguarding")


def test_sender_organisation_from_acronym_in_position(lex, rules):
    text = ("Dear Dame Rachel\n\nThank you for your letter of 2 March, which you also copied to the "
            "Local Government Association.\n\nYours sincerely\n\n\n\nCllr Mark Hughes\n\nLGA Chair 2020/21\n")
    snd = sender_of(text, lex, rules)
    assert (snd.name, snd.honorific, snd.position, snd.organisation) == (
        "Mark Hughes", "Cllr", "LGA Chair 2020/21", "Local Government Association")


def test_no_sender_for_qa_document(lex, rules):
    text = ("Answers to questions from the county lines webinar\n\nQuestion\n\nIs the pilot working?\n\n"
            "Response\n\nThe Home Office responds that it is too early to say.\n\nQuestion\n\nWhen will it end?\n\n"
            "Response\n\nIn March.\n")
    assert only_segment(text, lex).kind is Kind.qa
    assert sender_of(text, lex, rules) is None


def test_sender_organisation_not_taken_from_unnamed_recipient_block(lex, rules):
    snd = sender_of(TO_UNNAMED_CHIEF_EXECUTIVE, lex, rules)
    assert snd.name == "Helen Marsh"
    assert snd.organisation != "Northshire NHS Foundation Trust"


def test_sender_organisation_not_an_email_line(lex, rules):
    text = ("Dear Mr Jarvis,\n\nThank you for your letter about fire safety inspections in high-rise blocks.\n\n"
            "Yours sincerely,\n\nTom Baxter\nDirector of Building Safety\n"
            "Email: [private.office@levellingup.gov.uk](mailto:private.office@levellingup.gov.uk)\n")
    snd = sender_of(text, lex, rules)
    assert snd.name == "Tom Baxter"
    assert snd.organisation is None


# ---- expand_acronym

ACRONYM_DOC = (
    "The Association of Directors of Children's Services (ADCS) and the Local Government Association work with "
    "the Crown Prosecution Service, the National Police Chiefs' Council and Her Majesty's Inspectorate of "
    "Constabulary and Fire & Rescue Services. The Single Competent Authority makes decisions."
)


@pytest.mark.parametrize(
    ("acronym", "expected"),
    [
        pytest.param("ADCS", "Association of Directors of Children's Services", id="ADCS-apostrophe"),
        pytest.param("adcs", "Association of Directors of Children's Services", id="lower-case-domain-label"),
        pytest.param("LGA", "Local Government Association", id="LGA"),
        pytest.param("CPS", "Crown Prosecution Service", id="CPS"),
        pytest.param("NPCC", "National Police Chiefs' Council", id="NPCC-trailing-apostrophe"),
        pytest.param("HMICFRS", "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
                     id="HMICFRS-and-ampersand"),
        pytest.param("SCA", "Single Competent Authority", id="SCA"),
        pytest.param("CQC", None, id="not-spelled-out"),
        pytest.param("NRM", None, id="absent"),
    ],
)
def test_expand_acronym(acronym, expected):
    assert P.expand_acronym(acronym, ACRONYM_DOC) == expected


def test_expand_acronym_ignores_lower_case_phrases():
    assert P.expand_acronym("CQC", "we met the care quality commission last week") is None


# ---- cc lines

CC_LETTER = """\
Dear Mr Patel,

Thank you for meeting the Care Quality Commission last month. I have shared this letter with Tom Grant.

Yours sincerely,

Kate Lyons
Chief Inspector of Adult Social Care

CC: Sarah Caton, Chief Officer, Association of Directors of Adult Social Services: [sarah.caton@adass.org.uk](mailto:sarah.caton@adass.org.uk)  
Mark Tully, Director of Quality, NHS England: [Mark.Tully@nhs.net](mailto:Mark.Tully@nhs.net)
Cc: [Tom.Grant@cqc.org.uk](mailto:Tom.Grant@cqc.org.uk)
Cc: [r.singh@cqc.org.uk](mailto:r.singh@cqc.org.uk)
Cc: [Helen.Price@cqc.org.uk](mailto:Helen.Price@cqc.org.uk)
"""


@pytest.mark.parametrize(
    ("index", "name", "position", "organisation", "email"),
    [
        pytest.param(0, "Sarah Caton", "Chief Officer", "Association of Directors of Adult Social Services",
                     "sarah.caton@adass.org.uk", id="name-position-organisation-email"),
        pytest.param(1, "Mark Tully", "Director of Quality", "NHS England", "mark.tully@nhs.net",
                     id="continuation-line-lower-cased-email"),
        pytest.param(2, "Tom Grant", None, "Care Quality Commission", "tom.grant@cqc.org.uk",
                     id="email-only-person-named-in-letter"),
        pytest.param(3, None, None, "Care Quality Commission", "r.singh@cqc.org.uk",
                     id="email-only-no-name-guess"),
        pytest.param(4, None, None, "Care Quality Commission", "helen.price@cqc.org.uk",
                     id="email-only-person-not-named-in-letter"),
    ],
)
def test_cc_lines(index, name, position, organisation, email, lex):
    parties = cc_of(CC_LETTER, lex)
    assert len(parties) == 5
    p = parties[index]
    assert p.role is PartyRole.cc
    assert (p.name, p.position, p.organisation, p.email) == (name, position, organisation, email)
    assert CC_LETTER[p.char_start:p.char_end].lower().find(email) != -1


def test_cc_not_read_from_prose_mentioning_copy(lex):
    text = ("Dear Ms Green,\n\nThank you for your letter. Copied to the Chief Constable for information, it raised "
            "several points about data sharing between forces and councils.\n\nYours sincerely,\n\nJo Bloggs\n")
    assert cc_of(text, lex) == []


# ---- mentioned e-mails

def test_mentioned_emails_skip_known_and_lower_case(lex):
    text = ("Dear Dame Rachel\n\nIf you would like to discuss this please contact my office at "
            "[Policy.Team@LGA.gov.uk](mailto:Policy.Team@LGA.gov.uk) or Amir Khan at "
            "[amir.khan@lga.gov.uk](mailto:amir.khan@lga.gov.uk). Papers went to "
            "[Helen.Price@lga.gov.uk](mailto:Helen.Price@lga.gov.uk).\n\nYours sincerely\n\nCllr Mark Hughes\n")
    seg = only_segment(text, lex)
    known = {"helen.price@lga.gov.uk"}
    found = P.mentioned_emails(text, seg, "L1", known, lex)
    assert [(p.email, p.name) for p in found] == [
        ("policy.team@lga.gov.uk", None),
        ("amir.khan@lga.gov.uk", "Amir Khan"),
    ]
    assert all(p.role is PartyRole.mentioned for p in found)
    assert text[found[1].char_start:found[1].char_end] == "amir.khan@lga.gov.uk"


def test_mentioned_email_repeated_is_kept_once(lex):
    text = ("Dear Sir\n\nWrite to [casework@ncrm.org.uk](mailto:casework@ncrm.org.uk) or "
            "CASEWORK@ncrm.org.uk.\n\nYours faithfully\n\nJo Bloggs\n")
    found = P.mentioned_emails(text, only_segment(text, lex), "L1", set(), lex)
    assert [p.email for p in found] == ["casework@ncrm.org.uk"]


# ---- participants: Q&A responders and minutes speakers

QA_DOC = """\
Answers to questions raised at the Northshire Safeguarding Partnership webinar on county lines

15th March 2022

Following the webinar on 1 March 2022, we are pleased to share answers to the questions we did not have time to cover.

The responses below were provided by:

- Dave Lamb from the Home Office Modern Slavery Unit
- Jacinta Kane, Head of Service at London Borough of Harrow
- The National Crime Agency (NCA)
- Every Child Protected Against Trafficking (ECPAT UK)

Question

How are referrals shared between police and children's services?

Response

Jacinta Kane responds that referrals are shared through the multi-agency safeguarding hub within one working day.

Question

Will the pilot be extended to other areas?

Response

The Home Office responds that the evaluation will report in the summer. Dave Lamb added that ministers will decide on next steps after that.

Question

What training is available for foster carers?

Response

Jacinta Kane explained that Harrow runs quarterly sessions for carers and social workers.
"""

MINUTES_DOC = """\
Minutes of the Safer Communities Board

Agenda item

Knife crime prevention - update from the Victims' Commissioner Dame Vera Baird DBE QC

Minutes:

The Chair introduced the item and welcomed the Victims' Commissioner Dame Vera Baird DBE QC to the meeting.

The Chair invited Dame Vera to give some opening remarks. The Commissioner highlighted that victims of knife crime often wait too long for support.

·       Members asked about funding for local victim services. Dame Vera replied that the new funding settlement would be announced in the spring.

·       Councillor Peter Walsh noted that rural areas faced particular problems with transport to services.

·       Mr Okafor asked whether schools were involved.

Decision:

The Board noted the update.
"""


def test_qa_participants_from_responder_list(lex, rules, nlp, settings):
    seg, found = participants_of(QA_DOC, lex, rules, nlp, settings)
    assert seg.kind is Kind.qa
    got = {(p.name, p.position, p.organisation) for p in found}
    assert got == {
        ("Dave Lamb", None, "Home Office Modern Slavery Unit"),
        ("Jacinta Kane", "Head of Service", "London Borough of Harrow"),
    }
    for p in found:
        assert p.role is PartyRole.participant
        assert QA_DOC[p.char_start:p.char_end].startswith("- " + p.name)


def test_qa_organisations_are_not_participants(lex, rules, nlp, settings):
    _, found = participants_of(QA_DOC, lex, rules, nlp, settings)
    orgs = " ".join(filter(None, (p.name for p in found)))
    assert "Crime Agency" not in orgs and "ECPAT" not in orgs and "Home Office" not in orgs


def test_minutes_speaker_with_honorific_merged_with_full_name(lex, rules, nlp, settings):
    seg, found = participants_of(MINUTES_DOC, lex, rules, nlp, settings)
    assert seg.kind is Kind.minutes
    by_name = {p.name: p for p in found}
    assert set(by_name) == {"Vera Baird", "Peter Walsh"}
    vera = by_name["Vera Baird"]
    assert (vera.honorific, vera.position) == ("Dame", "Victims' Commissioner")
    assert MINUTES_DOC[vera.char_start:vera.char_end].startswith("Dame Vera Baird")
    assert by_name["Peter Walsh"].honorific == "Councillor"


def test_minutes_surname_only_speaker_is_not_a_participant(lex, rules, nlp, settings):
    _, found = participants_of(MINUTES_DOC, lex, rules, nlp, settings)
    assert not any("Okafor" in (p.name or "") for p in found)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param("Dave Lamb from the Home Office Modern Slavery Unit",
                     ("Dave Lamb", None, "Home Office Modern Slavery Unit"), id="from-the-org"),
        pytest.param("Jacinta Kane, Head of Service at London Borough of Harrow",
                     ("Jacinta Kane", "Head of Service", "London Borough of Harrow"), id="comma-role-at-org"),
        pytest.param("Priya Shah, Detective Inspector, Northshire Police",
                     ("Priya Shah", "Detective Inspector", "Northshire Police"), id="comma-role-comma-org"),
        pytest.param("Sam Cole, Policy Lead for the Children's Society",
                     ("Sam Cole", "Policy Lead", "Children's Society"), id="role-for-the-org"),
        pytest.param("Helen Ward, Independent Chair", ("Helen Ward", "Independent Chair", None), id="role-only"),
    ],
)
def test_split_item(item, expected):
    assert PP.split_item(item) == expected


def test_qa_listed_responder_found_without_person_entity(lex, rules, nlp, settings):
    text = QA_DOC.replace(
        "- Jacinta Kane, Head of Service at London Borough of Harrow\n",
        "- Jacinta Kane, Head of Service at London Borough of Harrow\n- Priya Shah, Detective Inspector, Northshire Police\n",
    ).replace("Jacinta Kane explained", "The council explained").replace("Jacinta Kane responds", "Harrow responds")
    _, found = participants_of(text, lex, rules, nlp, settings)
    assert "Jacinta Kane" in {p.name for p in found}


def test_pasted_e_mail_headers_are_not_an_address_block(tmp_path, settings, nlp):
    """"From: ... / Sent: ... / To: ..." above "Dear Rachel," names the writer and the addressee;
    read as an address block it made a recipient called "From: Lucy Fenwick"."""
    from pipeline.run import run_corpus

    (tmp_path / "mail.txt").write_text(
        "From: Lucy Fenwick <lucy.fenwick@education.example.gov.uk>\nSent: 28 June 2024 17:02\n"
        "To: Dame Rachel Hartley <commissioner@example.gov.uk>\nSubject: RE: Children missing education\n\n"
        "Dear Rachel,\n\nThank you for your email about children missing education.\n\n"
        "Best wishes,\n\nLucy Fenwick\nMinister for Children and Families\n", encoding="utf-8")
    run = run_corpus(tmp_path, settings, nlp)
    recipients = [p["name"] for p in run.tables["parties"].to_pylist() if p["role"] == "recipient"]
    assert recipients == ["Rachel Hartley"]
    assert [str(l["date"]) for l in run.tables["letters"].to_pylist()] == ["2024-06-28"]


@pytest.mark.parametrize("line, name", [
    ("From: Moorhead, Declan <declan.moorhead@water.example.com>", "Declan Moorhead"),
    ("From: McAleese, Grainne Mary <g.mcaleese@water.example.com>", "Grainne Mary McAleese"),
])
def test_an_outlook_from_line_puts_the_surname_first(line, name, tmp_path, settings, nlp):
    """Outlook in many public bodies shows "Surname, Forename": the writer is Declan Moorhead, not
    a body called "Moorhead"."""
    from pipeline.run import run_corpus

    (tmp_path / "mail.txt").write_text(
        f"{line}\nSent: 11 December 2025 16:42\nTo: Orla Devenney <orla@council.example.org>\n"
        "Subject: RE: trunk main failure\n\nDear Orla,\n\nThank you for your letter about the trunk main.\n\n"
        "Regards,\n\nDeclan\n", encoding="utf-8")
    run = run_corpus(tmp_path, settings, nlp)
    senders = [(p["name"], p["organisation"]) for p in run.tables["parties"].to_pylist() if p["role"] == "sender"]
    assert senders == [(name, None)]


def test_a_from_line_with_a_post_after_the_comma_keeps_its_order(lex):
    from pipeline.stages.headings import from_to_lines

    text = "From: Harris, Chief Executive\nTo: Orla Devenney\n"
    sender, _ = from_to_lines(text, 0, len(text), lex)
    assert sender.name != "Chief Executive Harris" and sender.position == "Chief Executive"


@pytest.mark.parametrize("shown, expected", [
    ("Pryce Joanna (NHS WYRE AND TEME ICB)", ("Pryce Joanna", None, "NHS WYRE AND TEME ICB")),
    ("Moorhead, Declan (NI Water)", ("Declan Moorhead", None, "NI Water")),
    ("Dr John Reid (Chair)", ("John Reid", "Chair", None)),
    ("Jane Smith (she/her)", ("Jane Smith", None, None)),
    ("Jane Smith (Acting)", ("Jane Smith", None, None)),
    ("Jane Smith (by email)", ("Jane Smith", None, None)),
])
def test_a_display_name_with_its_body_in_brackets_names_the_person_and_the_body(shown, expected, lex):
    """NHSmail shows a person with their body in brackets, "Pryce Joanna (NHS WYRE AND TEME ICB)": the
    bracket is the sender's organisation, or post; pronouns or a note ("(Acting)", "(by email)") are
    neither, and no part of a body's name."""
    from pipeline.stages.headings import describe_phrase

    got = describe_phrase(shown, lex)
    assert (got.name, got.position, got.organisation) == expected


def test_the_company_footer_under_a_signature_names_no_organisation(lex, rules):
    """"Willowbrook Home Care Limited is registered in England and Wales, company no. 08127745. /
    Registered with the Care Quality Commission." closes the agency's letter: the footer is the
    signature's, but the regulator it names is not the writer's body (before, the reply was taken
    for the Commission's and sent the Commission's concerns)."""
    text = ("Dear Mr Wetherall\n\nThank you for your report. We now phone every client after a missed visit.\n\n"
            "Yours sincerely\n\nMartin Calloway\nDirector\n\n"
            "Willowbrook Home Care Limited is registered in England and Wales, company no. 08127745.\n"
            "Registered with the Care Quality Commission.\n")
    snd = sender_of(text, lex, rules)
    assert (snd.name, snd.position) == ("Martin Calloway", "Director")
    assert snd.organisation is None


def test_an_enclosure_line_under_the_signature_names_no_organisation(lex, rules):
    """"Enc.<tab>Terms of reference, North Marches Joint Disclosure Board" is what the letter encloses,
    not the body its writer signs for."""
    text = ("Dear Ms Hale,\n\nThank you for your letter of 14 April about the follow-up inspection.\n\n"
            "Yours sincerely\n\nDaniel Reeve\nChief Crown Prosecutor\nEnc.\tTerms of reference, North Marches Joint "
            "Disclosure Board\ncc:\tChief Constable, Marches Police\n")
    snd = sender_of(text, lex, rules)
    assert snd.name == "Daniel Reeve" and snd.position == "Chief Crown Prosecutor"
    assert snd.organisation is None


@pytest.mark.parametrize("a, b, same", [
    ("CPS North Marches", "Crown Prosecution Service – North Marches", True),
    ("Crown Prosecution Service North Marches", "CPS North Marches", True),
    ("CQC", "Care Quality Commission", True),
    ("NHS England", "NHS Improvement", False),
    ("CPS North Marches", "Crown Prosecution Service – South Downs", False),
    ("North Marches Police", "Crown Prosecution Service – North Marches", False),
    # two letters, or the initials so many bodies begin with, stand for no one body
    ("PC Jones, North Marches Police", "Parish Council, North Marches", False),
    ("HM Senior Coroner for North Marches", "Head of Midwifery, North Marches", False),
    ("Chief Executive, NHS Wessex", "Chief Executive, North Harbour Surgery Wessex", False),
])
def test_a_body_named_by_its_initials_inside_a_longer_name_is_the_same_body(a, b, same):
    """A heading's "CPS North Marches" and a letterhead's "Crown Prosecution Service – North Marches"
    are one body: the initials stand for the words they spell, not for other bodies of the area."""
    from pipeline.stages.fold import same_body

    assert same_body(a, b) is same


@pytest.mark.parametrize("closing, expected", [
    # a Member of the Senedd signs with the post-nominal in both languages (Aelod o'r Senedd / Member of the Senedd)
    pytest.param("Yours sincerely,\n\nGwion Pryce AS/MS\nMinister for Transport\n",
                 ("Gwion Pryce", "Minister for Transport", None), id="bilingual-post-nominal"),
    # a Welsh body's name in Welsh and in English on one line under the post
    pytest.param("Yours sincerely,\n\nCeri Vaughan\nChief Executive\n"
                 "Cyfoeth Naturiol Cymru / Natural Resources Wales\n",
                 ("Ceri Vaughan", "Chief Executive", "Natural Resources Wales"), id="bilingual-body"),
])
def test_a_welsh_signature_in_both_languages_names_the_writer_and_the_body_in_english(closing, expected, lex, rules):
    """Replies to Senedd committees sign in Welsh and English. Before, "Gwion Pryce AS/MS" was no person's
    name (the reply's writer was unknown), and the body's bilingual line named no organisation, so whose
    recommendations the reply answered could not be told."""
    text = ("Dear Mr Rowlands,\n\nThank you for your letter of 3 March about water safety at the reservoirs we "
            "manage. We have replaced the signs at each site.\n\n" + closing)
    snd = sender_of(text, lex, rules)
    assert (snd.name, snd.position, snd.organisation) == expected


def test_a_filled_in_response_form_names_its_sender_and_answers_only_the_concerns_sent_to_it(tmp_path, settings, nlp):
    """A coroner's report to three bodies sets its concerns under "To ..." headings, 5.1 and 5.2 to a pharmacy and
    5.3 and 5.4 to an NHS trust; the trust answers on the coroner's form, with no letterhead or signature: "# RESPONSE
    TO A REGULATION 28 REPORT" / "Responding organisation:   Riverside Community NHS Trust" / "Name and role of
    person responding:" over "   Dr Jane Doe, Chief Nurse" / "Concern number(s): 5.3" / "Response:" and its prose.
    A user relies on the form's fields to say who answers: the reply is sent by the trust (Dr Jane Doe, Chief
    Nurse), so its stances are on the trust's concerns alone, 5.3 answered and 5.4 not addressed, and none on the
    pharmacy's (before, the form named no sender, and only the concern it quoted had a stance)."""
    from pipeline.run import run_corpus

    report = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
              "THIS REPORT IS BEING SENT TO:\n"
              "1. Chief Executive, Hartwell Pharmacy Ltd\n"
              "2. Chief Executive, Riverside Community NHS Trust\n"
              "3. Chief Executive, Riverside Integrated Care Board\n\n"
              "1 CORONER\n\nI am Anne Whitlock, Area Coroner for Riverside.\n\n"
              "4 CIRCUMSTANCES OF THE DEATH\n\nMr Colin Weir died on 2 January 2025 of an overdose of a medicine he "
              "had bought online from a pharmacy.\n\n"
              "5 CORONER'S CONCERNS\n\nDuring the course of the inquest the evidence revealed matters giving rise to "
              "concern. The MATTERS OF CONCERN are as follows.\n\n"
              "To Hartwell Pharmacy Ltd\n\n"
              "5.1 The online listing did not warn buyers of the risk of taking the medicine with alcohol.\n\n"
              "5.2 The pharmacy's checks did not ask how many packs a buyer had bought in the last month.\n\n"
              "To Riverside Community NHS Trust\n\n"
              "5.3 The district nurses were not told that Mr Weir had been discharged with a new medicine.\n\n"
              "5.4 The Trust's discharge template does not prompt staff to record who will check a patient's "
              "medicines.\n\n"
              "6 ACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths and I "
              "believe each of you has the power to take such action.\n\n"
              "9 14 March 2025\n\nAnne Whitlock\nArea Coroner for Riverside\n\n")
    form = ("# RESPONSE TO A REGULATION 28 REPORT\n\n"
            "Responding organisation:   Riverside Community NHS Trust\n\n"
            "Name and role of person responding:\n"
            "   Dr Jane Doe, Chief Nurse\n\n"
            "Concern number(s): 5.3\n\n"
            "Response:\n\n"
            "The district nursing team now receives an electronic notice from the ward whenever a patient is "
            "discharged with a new medicine, and a nurse visits within two days.\n")
    (tmp_path / "report.txt").write_text(report + form, encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    replies = {ls["letter_id"] for ls in tables["letters"].to_pylist() if ls["kind"] == "reply"}
    assert len(replies) == 1
    senders = [(p["name"], p["position"], p["organisation"]) for p in tables["parties"].to_pylist()
               if p["letter_id"] in replies and p["role"] == "sender"]
    assert senders == [("Jane Doe", "Chief Nurse", "Riverside Community NHS Trust")], senders
    stances = {s["label"]: s["stance"] for s in tables["stances"].to_pylist() if s["letter_id"] in replies}
    assert sorted(stances) == ["5.3", "5.4"], stances
    assert stances["5.4"] == "not_addressed" and stances["5.3"] != "not_addressed", stances
