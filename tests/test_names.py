"""Tests for pipeline.names: parsing personal names and telling them from other short lines."""
from __future__ import annotations

import pytest

from pipeline.names import first_last_from_email, looks_like_person, parse


# ---- parse: the name as people use it, honorifics and post-nominals kept apart

@pytest.mark.parametrize(
    ("raw", "name", "honorific", "postnominals"),
    [
        pytest.param("Rt Hon Priti Patel MP", "Priti Patel", "Rt Hon", "MP", id="rt-hon-mp"),
        pytest.param("Dame Sara Thornton DBE QPM", "Sara Thornton", "Dame", "DBE QPM", id="dame-two-postnominals"),
        pytest.param("Ms Jenny Coles", "Jenny Coles", "Ms", None, id="ms"),
        pytest.param("Rachel Maclean MP", "Rachel Maclean", None, "MP", id="mp-only"),
        pytest.param("Dr Ian Hart OBE", "Ian Hart", "Dr", "OBE", id="dr-obe"),
        pytest.param("Cllr Maria Lopez", "Maria Lopez", "Cllr", None, id="cllr"),
        pytest.param("Baroness Jane Doe CBE", "Jane Doe", "Baroness", "CBE", id="baroness-cbe"),
        pytest.param("Mr John Paul Jones", "John Paul Jones", "Mr", None, id="middle-name-kept"),
        pytest.param("Jacinta Kane", "Jacinta Kane", None, None, id="plain"),
        pytest.param("  Jacinta Kane,  ", "Jacinta Kane", None, None, id="trailing-comma-and-spaces"),
        pytest.param("**Rt Hon Priti Patel MP**", "Priti Patel", "Rt Hon", "MP", id="markdown-bold"),
        pytest.param("Mark O'Connor", "Mark O'Connor", None, None, id="apostrophe"),
        pytest.param("Anne-Marie Trevelyan", "Anne-Marie Trevelyan", None, None, id="hyphenated-first"),
        pytest.param(
            "Professor Sir John Smith KC", "John Smith", "Professor Sir", "KC", id="professor-sir-kc",
        ),
        pytest.param(
            "Sir Keir Starmer KC MP", "Keir Starmer", "Sir", "KC MP", id="kc-mp",
        ),
    ],
)
def test_parse_splits_honorifics_and_postnominals(raw, name, honorific, postnominals):
    parsed = parse(raw)
    assert parsed is not None
    assert parsed.name == name
    assert parsed.honorific == honorific
    assert parsed.postnominals == postnominals


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Sara", id="first-name-only"),
        pytest.param("Dame Sara", id="honorific-and-first-name"),
        pytest.param("Manchester", id="one-word-place"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
    ],
)
def test_parse_needs_first_and_last_name(raw):
    assert parse(raw) is None


# ---- looks_like_person: a line that is only a name

@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Rt Hon Priti Patel MP", id="rt-hon-mp"),
        pytest.param("Dame Sara Thornton DBE QPM", id="dame-postnominals"),
        pytest.param("Jenny Coles", id="plain"),
        pytest.param("Ms Jenny Coles", id="ms"),
        pytest.param("Councillor Alan Reeves", id="councillor"),
        pytest.param("**Rt Hon Priti Patel MP**", id="markdown-bold"),
        pytest.param("Ursula von der Leyen", id="lower-case-particles"),
        pytest.param("Sir JOHN SMITH", id="capitals-with-honorific"),
        pytest.param(
            "Damian Green MP", id="surname-is-street-word-green",
        ),
        pytest.param(
            "Sarah Lane", id="surname-is-street-word-lane",
            marks=pytest.mark.xfail(reason="'Lane' is a street word, so a cc line 'Sarah Lane, Chief Officer, ...' "
                                           "loses its name and position"),
        ),
        pytest.param(
            "Rachel Head", id="surname-is-role-word",
            marks=pytest.mark.xfail(reason="'Head' is a role word, so the name reads as a position"),
        ),
    ],
)
def test_looks_like_person_true_for_names(line, lex):
    assert looks_like_person(line, lex)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Home Office", id="organisation"),
        pytest.param("Home Secretary", id="position"),
        pytest.param("Independent Anti-Slavery Commissioner", id="long-position"),
        pytest.param("Department for Education", id="department"),
        pytest.param("London Borough of Harrow", id="borough"),
        pytest.param("Crown Prosecution Service", id="service"),
        pytest.param("89 Eccleston Square", id="street-with-number"),
        pytest.param("Globe House", id="building"),
        pytest.param("Marsham Street", id="street"),
        pytest.param("Stormont Estate", id="estate"),
        pytest.param("Riverside Trading Estate", id="trading-estate"),
        pytest.param("BY EMAIL ONLY", id="header-cue-capitals"),
        pytest.param("By email: jane.doe@homeoffice.gov.uk", id="email-line"),
        pytest.param("Manchester", id="one-word-place"),
        pytest.param("Senior Coroner", id="coroner"),
        pytest.param("Yours sincerely", id="signoff"),
        pytest.param("Kind regards", id="signoff-regards"),
        pytest.param("A handwritten signature appearing to read 'Sanjiv Mehta'", id="alt-text"),
        pytest.param("JOHN SMITH", id="all-capitals-without-honorific"),
        pytest.param("jane doe", id="lower-case"),
        pytest.param("SW1P 4DF", id="postcode"),
        pytest.param(
            "Greater Manchester", id="county-name",
            marks=pytest.mark.xfail(reason="two capitalised words with no org/street/role word read as a name; "
                                           "an address line 'Greater Manchester' stops the upward address scan"),
        ),
        pytest.param(
            "Independent Child Trafficking Guardian", id="position-without-role-word",
        ),
        pytest.param(
            "Dear Sir", id="salutation",
        ),
        pytest.param("Strathallan Royal Infirmary", id="hospital-name"),
        pytest.param("Ashgrove Community Hospital", id="hospital-word"),
    ],
)
def test_looks_like_person_false_for_other_lines(line, lex):
    assert not looks_like_person(line, lex)


# ---- first_last_from_email: a name guessed from an address's local part

@pytest.mark.parametrize(
    ("local", "expected"),
    [
        pytest.param("yvette.stanley", "Yvette Stanley", id="dot"),
        pytest.param("Yvette.stanley", "Yvette Stanley", id="mixed-case"),
        pytest.param("john_smith", "John Smith", id="underscore"),
        pytest.param("sara-thornton", "Sara Thornton", id="hyphen"),
        pytest.param("homesecretarycorrespondence", None, id="mailbox-name"),
        pytest.param("info", None, id="single-word"),
        pytest.param("j.smith", None, id="initial-only"),
        pytest.param("john.smith2", None, id="digit"),
        pytest.param("private.office.minister", None, id="three-parts"),
        pytest.param(
            "April.McCoig", "April McCoig", id="internal-capital",
        ),
    ],
)
def test_first_last_from_email(local, expected):
    assert first_last_from_email(local) == expected
