"""Tests for pipeline.stages.addresses: postal address blocks in a letter's head and signature."""
from __future__ import annotations

import pytest

from pipeline.records import AddressRole
from pipeline.stages.addresses import addresses, normalise_postcode
from pipeline.stages.segment import segment

RECIPIENT, SENDER = AddressRole.recipient, AddressRole.sender

BODY = """

Dear Home Secretary,

I write about the recommendations of my report published on 8 October 2020, which I set out below for your department to consider.

Yours sincerely,

Sara Thornton
"""


def found(text: str, lex):
    seg = segment(text, lex)[0]
    return addresses(text, seg, "L1", lex)


def span_words(text: str, a) -> list[str]:
    return text[a.char_start:a.char_end].split()


# ---- recipient blocks: only the address lines

@pytest.mark.parametrize("head, expected", [
    ("Rt Hon Priti Patel MP\nHome Secretary\nHome Office\n2 Marsham Street\nLondon\nSW1P 4DF",
     ["Home Office", "2 Marsham Street", "London", "SW1P 4DF"]),
    ("Ms Jenny Coles  \nPresident of the Association of Directors of Children's Services Ltd  \n"
     "49 Piccadilly  \nManchester  \nM1 2AP",
     ["49 Piccadilly", "Manchester", "M1 2AP"]),
    ("Rt Hon Priti Patel MP\nHome Office\nHome Secretary\n2 Marsham Street\nLondon SW1P 4DF",
     ["2 Marsham Street", "London SW1P 4DF"]),
    ("Councillor Ian Ward\nLeader of the Council\nBirmingham City Council\nCouncil House\nVictoria Square\n"
     "Birmingham\nB1 1BB",
     ["Birmingham City Council", "Council House", "Victoria Square", "Birmingham", "B1 1BB"]),
    ("Mr Rob Behrens CBE, Parliamentary and Health Service Ombudsman\nMillbank Tower\n30 Millbank\nLondon\nSW1P 4QP",
     ["Millbank Tower", "30 Millbank", "London", "SW1P 4QP"]),
], ids=["org_above_street_kept", "long_position_dropped", "org_above_position_dropped", "council_leader",
        "name_and_position_on_one_line"])
def test_recipient_block_keeps_only_address_lines(head, expected, lex):
    text = head + BODY
    [a] = found(text, lex)
    assert a.role is RECIPIENT
    assert a.lines == expected
    assert a.postcode_valid
    assert span_words(text, a) == " ".join(expected).split()


# ---- letterheads and signatures: the sender

LETTERHEAD = """Home Office
2 Marsham Street
London SW1P 4DF
[www.gov.uk/home-office](http://www.gov.uk/home-office)

1 March 2021

Dame Sara Thornton DBE QPM
Independent Anti-Slavery Commissioner
5th Floor, Globe House
89 Eccleston Square
London
SW1V 1PN"""


def test_letterhead_is_sender_and_recipient_block_is_recipient(lex):
    text = LETTERHEAD + BODY
    sender, recipient = found(text, lex)
    assert (sender.role, sender.lines) == (SENDER, ["Home Office", "2 Marsham Street", "London SW1P 4DF"])
    assert text[sender.char_start:sender.char_end] == "Home Office\n2 Marsham Street\nLondon SW1P 4DF"
    assert (recipient.role, recipient.lines) == (
        RECIPIENT, ["5th Floor, Globe House", "89 Eccleston Square", "London", "SW1V 1PN"])


@pytest.mark.parametrize("head, expected", [
    ("Coroner's Court\nFleet Street\nLondon\nEC4A 1DE\n\n**Senior Coroner for Inner London**",
     ["Coroner's Court", "Fleet Street", "London", "EC4A 1DE"]),
    ("Home Office\nwww.gov.uk/home-office\n2 Marsham Street\nLondon SW1P 4DF",
     ["2 Marsham Street", "London SW1P 4DF"]),
    ("Cabinet Office\n70 Whitehall\nLondon SW1A 2AS\nEmail: publiccorrespondence@cabinetoffice.gov.uk\n"
     "[https://www.gov.uk/cabinet-office](https://www.gov.uk/cabinet-office)",
     ["Cabinet Office", "70 Whitehall", "London SW1A 2AS"]),
], ids=["coroner_letterhead", "url_above_street_not_included", "email_and_url_below_not_included"])
def test_letterhead_without_a_person_is_the_sender(head, expected, lex):
    text = head + BODY
    [a] = found(text, lex)
    assert (a.role, a.lines) == (SENDER, expected)
    assert span_words(text, a) == " ".join(expected).split()


def test_address_under_the_signature_is_the_sender(lex):
    text = ("Dear Ms Chapman,\n\nI write about the recommendations in our joint report.\n\n"
            "Kind regards,\n\nDeborah Cadman\nChief Executive\nBirmingham City Council\nCouncil House\n"
            "Victoria Square\nBirmingham\nB1 1BB\n")
    [a] = found(text, lex)
    assert a.role is SENDER
    assert a.lines == ["Birmingham City Council", "Council House", "Victoria Square", "Birmingham", "B1 1BB"]
    assert text[a.char_start:a.char_end].startswith("Birmingham City Council\n")


# ---- how lines are reported

@pytest.mark.parametrize("last_lines, expected_tail", [
    ("89 Eccleston square\nLondon. SW1V 1PN", ["89 Eccleston square", "London", "SW1V 1PN"]),
    ("2 Marsham Street\nLondon SW1P 4DF", ["2 Marsham Street", "London SW1P 4DF"]),
    ("49 Piccadilly\nManchester, M1 2AP", ["49 Piccadilly", "Manchester, M1 2AP"]),
    ("5<sup>th</sup> Floor, **Globe House**\nLondon SW1V 1PN", ["5th Floor, Globe House", "London SW1V 1PN"]),
], ids=["full_stop_before_postcode_splits", "space_before_postcode_stays", "comma_before_postcode_stays",
        "markup_removed"])
def test_lines_as_printed(last_lines, expected_tail, lex):
    text = "Dame Sara Thornton DBE QPM\nIndependent Anti-Slavery Commissioner\n" + last_lines + BODY
    [a] = found(text, lex)
    assert a.lines == expected_tail
    assert text[a.char_start:a.char_end] == last_lines


@pytest.mark.parametrize("postcode, valid", [
    ("SW1A 2AA", True),
    ("EC4A 1DE", True),
    ("M1 2AP", True),
    ("B1 1BB", True),
    ("QQ1 1AA", False),
    ("M1 1IA", False),
], ids=["sw1a_2aa", "ec4a_1de", "m1_2ap", "b1_1bb", "unknown_area", "letter_not_used_inward"])
def test_postcode_validity_is_reported(postcode, valid, lex):
    text = f"Treasury Solicitor's Department\n102 Petty France\nLondon\n{postcode}" + BODY
    [a] = found(text, lex)
    assert (a.postcode, a.postcode_valid) == (postcode, valid)
    assert a.lines[-1] == postcode


@pytest.mark.parametrize("raw, expected", [
    ("sw1v1pn", ("SW1V 1PN", True)),
    ("EC4A  1DE", ("EC4A 1DE", True)),
    ("m12ap", ("M1 2AP", True)),
    ("QQ11AA", ("QQ1 1AA", False)),
], ids=["lower_no_space", "double_space", "short_outward", "invalid"])
def test_normalise_postcode(raw, expected):
    assert normalise_postcode(raw) == expected


# ---- no addresses outside the head and signature

@pytest.mark.parametrize("text", [
    "Dear Sir,\n\nOur offices at 10 Fleet Street, London EC4A 1DE will close on 1 May 2021.\n\n"
    "Please write instead to\n2 Marsham Street\nLondon SW1P 4DF\n\nYours faithfully,\n\nJane Smith\n",
    "**Question 1**\n\nWhere should councils send referrals?\n\n**Response**\n\n"
    "To the Single Competent Authority, 2 Marsham Street, London SW1P 4DF.\n\n"
    "**Question 2**\n\nIs there a deadline?\n",
    pytest.param(
        "Sent by email. Replies should be addressed to the Home Office at 2 Marsham Street, London SW1P 4DF "
        "and marked for the attention of the Modern Slavery Unit.\n\n1 March 2021" + BODY),
], ids=["body_paragraphs", "qa_document", "prose_paragraph_in_head"])
def test_no_address_from_prose(text, lex):
    assert found(text, lex) == []
