"""Tests for pipeline.stages.headings: who a phrase names, page titles, "From:"/"To:" lines,
"I am copying this letter to ..." and whom "Dear ..." addresses."""
from __future__ import annotations

import pytest

from pipeline.stages.headings import copied_to, describe_phrase, from_to_lines, salutation_party, title_parties


def who(named) -> tuple[str | None, str | None, str | None]:
    return (named.name, named.position, named.organisation)


NOBODY = (None, None, None)


def gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


POST_READ_AS_NAME = ("nameparser reads 'Minister' and 'Secretary of State' as honorifics, so a short post "
                     "('Minister for X', 'Secretary of State for X') passes _is_person_phrase as a person named "
                     "'for X'")


# ---- describe_phrase: person, post, body, or a mix

@pytest.mark.parametrize(("phrase", "expected"), [
    # people
    pytest.param("the Rt Hon Dr Helen Marsh MP", ("Helen Marsh", None, None), id="person-with-honorifics"),
    pytest.param("Lord Fenwick of Harrowgate", ("Fenwick of Harrowgate", None, None), id="peer-of-place"),
    pytest.param("Baroness Ashdown", ("Ashdown", None, None), id="peer-by-title-alone"),
    # posts and bodies
    pytest.param("the Parliamentary Commissioner for Standards",
                 (None, "Parliamentary Commissioner for Standards", None), id="post"),
    pytest.param("Chair of the Committee on Standards in Public Life",
                 (None, "Chair", "Committee on Standards in Public Life"), id="post-of-body"),
    pytest.param("Chair, Migration Advisory Committee", (None, "Chair", "Migration Advisory Committee"),
                 id="post-comma-body"),
    pytest.param("Secretary of State for Environment, Food and Rural Affairs",
                 (None, "Secretary of State for Environment, Food and Rural Affairs", None),
                 id="comma-inside-a-post"),
    pytest.param("the MAC", (None, None, "MAC"), id="body-acronym"),
    # person with post and body
    pytest.param("Nadia Okoro MP – Minister of State for Schools",
                 ("Nadia Okoro", "Minister of State for Schools", None), id="name-mp-dash-post"),
    pytest.param("Nadia Okoro MP – Minister of State for Schools, Department for Education",
                 ("Nadia Okoro", "Minister of State for Schools", "Department for Education"),
                 id="name-mp-dash-post-comma-body"),
    pytest.param("Rt Hon Tom Aske MP, Secretary of State for Environment, Food and Rural Affairs",
                 ("Tom Aske", "Secretary of State for Environment, Food and Rural Affairs", None),
                 id="name-then-post-with-commas"),
    pytest.param("Dr Ruth Pinder, Chief Executive, Care Quality Commission",
                 ("Ruth Pinder", "Chief Executive", "Care Quality Commission"), id="name-post-body"),
    pytest.param("Lord Fenwick of Harrowgate, Chair of the Constitution Committee",
                 ("Fenwick of Harrowgate", "Chair", "Constitution Committee"), id="peer-with-post"),
    pytest.param("", NOBODY, id="empty"),
    # where a post is taken for a person
    pytest.param("the Minister for Prisons", (None, "Minister for Prisons", None), id="minister-for"),
    pytest.param("the Secretary of State for Justice", (None, "Secretary of State for Justice", None),
                 id="secretary-of-state-for"),
    pytest.param("the Chief Executive of NHS England", (None, "Chief Executive", "NHS England"),
                 id="chief-executive-of-nhs-england"),
    pytest.param("Director General, Border Force", (None, "Director General", "Border Force"),
                 id="director-general"),
    pytest.param("the Lord Chancellor", (None, "Lord Chancellor", None), id="lord-chancellor"),
])
def test_describe_phrase(phrase, expected, lex):
    assert who(describe_phrase(phrase, lex)) == expected


# ---- title_parties: "Letter from A to B", "Letter to B from A"

@pytest.mark.parametrize(("title", "sender", "recipient"), [
    pytest.param("# Letter from Lord Fenwick of Harrowgate to the Chair of the Public Accounts Committee",
                 ("Fenwick of Harrowgate", None, None), (None, "Chair", "Public Accounts Committee"),
                 id="from-peer-to-post-of-body"),
    pytest.param("Letter to the Parliamentary Commissioner for Standards from the Rt Hon Dr Helen Marsh MP",
                 ("Helen Marsh", None, None), (None, "Parliamentary Commissioner for Standards", None),
                 id="to-then-from"),
    pytest.param("Letter from the Home Secretary to Dame Ruth Allard, 4 March 2022",
                 (None, "Home Secretary", None), ("Ruth Allard", None, None), id="trailing-comma-date"),
    pytest.param("Letter from Tom Aske MP to Jane Moss regarding flood defences",
                 ("Tom Aske", None, None), ("Jane Moss", None, None), id="trailing-regarding"),
    pytest.param("Reply from the Scottish Government to the Justice Committee on remand",
                 (None, None, "Scottish Government"), (None, None, "Justice Committee"), id="reply-bodies-on"),
    pytest.param("Email from the Chief Executive of Wexley Borough Council to the Local Government Ombudsman",
                 (None, "Chief Executive", "Wexley Borough Council"), (None, "Local Government Ombudsman", None),
                 id="email-post-of-council"),
    pytest.param("Letter from the Secretary of State for Environment, Food and Rural Affairs to the Chair of the "
                 "EFRA Committee", (None, "Secretary of State for Environment, Food and Rural Affairs", None),
                 (None, "Chair", "EFRA Committee"), id="comma-inside-sender-post"),
    pytest.param("Letter from Nadia Okoro MP – Minister of State for Schools",
                 ("Nadia Okoro", "Minister of State for Schools", None), NOBODY, id="from-only"),
    pytest.param("Letter to the Chief Inspector of Prisons", NOBODY, (None, "Chief Inspector of Prisons", None),
                 id="to-only"),
    pytest.param("Annual report 2022", NOBODY, NOBODY, id="not-a-letter-title"),
    pytest.param("Letter from the Minister for Schools to the Children's Commissioner about school meals",
                 (None, "Minister for Schools", None), (None, "Children's Commissioner", None),
                 id="minister-for-sender"),
])
def test_title_parties(title, sender, recipient, lex):
    s, r = title_parties(title, lex)
    assert (who(s), who(r)) == (sender, recipient)


# ---- from_to_lines: a memo-style head

@pytest.mark.parametrize(("head", "sender", "recipient"), [
    pytest.param("From: Nadia Okoro MP – Minister of State for Schools\nTo: Dame Ruth Allard – Children's "
                 "Commissioner\n\nDear Ruth,\n", ("Nadia Okoro", "Minister of State for Schools", None),
                 ("Ruth Allard", "Children's Commissioner", None), id="name-dash-post"),
    pytest.param("From: Rt Hon Tom Aske MP, Secretary of State for Environment, Food and Rural Affairs\nTo: Jane Moss, "
                 "Chair of the Wexley Flood Partnership\n",
                 ("Tom Aske", "Secretary of State for Environment, Food and Rural Affairs", None),
                 ("Jane Moss", "Chair", "Wexley Flood Partnership"), id="name-comma-post"),
    pytest.param("FROM: Home Office\nTO: Ofsted\n", (None, None, "Home Office"), (None, None, "Ofsted"),
                 id="bodies-in-capitals"),
    pytest.param("Sender: Lord Fenwick of Harrowgate\nRecipient: the Chair of the Public Accounts Committee\n",
                 ("Fenwick of Harrowgate", None, None), (None, "Chair", "Public Accounts Committee"),
                 id="sender-recipient"),
    pytest.param("**From:** Nadia Okoro MP\n**To:** the Chief Inspector of Prisons\n", ("Nadia Okoro", None, None),
                 (None, "Chief Inspector of Prisons", None), id="bold-labels"),
    pytest.param("To: Jane Moss\nTo: Peter Hale\n", NOBODY, ("Jane Moss", None, None), id="first-to-line-wins"),
    pytest.param("From the Minister for Schools\nTo all headteachers\n", NOBODY, NOBODY, id="no-colon-no-line"),
    pytest.param("From: Lucy Fenwick <lucy.fenwick@education.example.gov.uk>\nSent: 28 June 2024 17:02\n"
                 "To: Dame Rachel Hartley <commissioner@example.gov.uk>\nSubject: RE: Children missing education\n",
                 ("Lucy Fenwick", None, None), ("Rachel Hartley", None, None), id="pasted-e-mail-headers"),
])
def test_from_to_lines(head, sender, recipient, lex):
    s, r = from_to_lines(head, 0, len(head), lex)
    assert (who(s), who(r)) == (sender, recipient)


def test_from_to_lines_point_at_their_lines(lex):
    head = "Our ref: MC/2022/104\nFrom: Nadia Okoro MP\nTo: Dame Ruth Allard\n"
    s, r = from_to_lines(head, 0, len(head), lex)
    assert head[s.start:s.end] == "From: Nadia Okoro MP"
    assert head[r.start:r.end] == "To: Dame Ruth Allard"


# ---- copied_to: "I am copying this letter to ..."

def letter(body: str) -> str:
    return f"Dear Minister,\n\n{body}\n\nYours sincerely,\n\nAnn Lee\n"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I am copying this letter to the Home Secretary and the Chief Inspector of Prisons.",
                 [(None, "Home Secretary", None), (None, "Chief Inspector of Prisons", None)], id="two-posts"),
    pytest.param("I am copying this letter to the Home Secretary, the Chief Inspector of Prisons and the Chair of the "
                 "Justice Committee.", [(None, "Home Secretary", None), (None, "Chief Inspector of Prisons", None),
                                        (None, "Chair", "Justice Committee")], id="list-of-three"),
    pytest.param("We are copying this response to the Chair of the Wexley Safeguarding Partnership.",
                 [(None, "Chair", "Wexley Safeguarding Partnership")], id="we-copying-this-response"),
    pytest.param("I will be sending copies of this letter to Ofsted and the Care Quality Commission.",
                 [(None, None, "Ofsted"), (None, None, "Care Quality Commission")], id="sending-copies"),
    pytest.param("I am grateful for the support of the Chief Inspector of Prisons, to whom this correspondence is "
                 "also copied.", [(None, "Chief Inspector of Prisons", None)], id="to-whom-also-copied"),
    pytest.param("I would welcome a copy of your letter to the Home Secretary.", [], id="not-a-copy-line"),
    pytest.param("I have sent a copy of this letter to the Secretary of State for Environment, Food and Rural Affairs.",
                 [(None, "Secretary of State for Environment, Food and Rural Affairs", None)],
                 id="have-sent-a-copy"),
    pytest.param("I am copying this letter to Jane Moss MP and Peter Hale MP.",
                 [("Jane Moss", None, None), ("Peter Hale", None, None)], id="two-people"),
    pytest.param("I am also copying this letter to Dame Ruth Allard, the Children's Commissioner.",
                 [("Ruth Allard", "Children's Commissioner", None)], id="name-then-post-in-apposition"),
])
def test_copied_to(sentence, expected, lex):
    text = letter(sentence)
    assert [who(n) for n in copied_to(text, 0, len(text), lex)] == expected


def test_copied_to_points_at_the_list(lex):
    text = letter("I am copying this letter to the Home Secretary and the Chief Inspector of Prisons.")
    spans = {text[n.start:n.end] for n in copied_to(text, 0, len(text), lex)}
    assert spans == {"the Home Secretary and the Chief Inspector of Prisons"}


def test_copied_to_only_looks_inside_the_range(lex):
    text = letter("I am copying this letter to the Home Secretary.")
    assert copied_to(text, 0, text.index("I am copying"), lex) == []


# ---- salutation_party: whom "Dear ..." addresses

@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("Dear Professor Bell,", ("Bell", None, None), id="honorific-surname"),
    pytest.param("Dear Geraint,", ("Geraint", None, None), id="first-name"),
    pytest.param("Dear Dame Ruth,", ("Ruth", None, None), id="dame-first-name"),
    pytest.param("Dear Lord Fenwick,", ("Fenwick", None, None), id="peer"),
    pytest.param("Dear Councillor Ames,", ("Ames", None, None), id="councillor-surname"),
    pytest.param("Dear Home Secretary,", (None, "Home Secretary", None), id="post"),
    pytest.param("Dear Secretary of State,", (None, "Secretary of State", None), id="secretary-of-state"),
    pytest.param("Dear Sir or Madam,", NOBODY, id="sir-or-madam"),
    pytest.param("Dear Colleagues,", NOBODY, id="colleagues"),
    pytest.param("Dear Coroner,", NOBODY, id="coroner"),
    pytest.param("Dear Sir Alan,", ("Alan", None, None), id="knight-first-name"),
    pytest.param("Dear Mr Chairman,", (None, "Chairman", None), id="mr-chairman"),
    pytest.param("Dear Councillor,", (None, "Councillor", None), id="councillor-alone"),
])
def test_salutation_party(line, expected, lex):
    assert who(salutation_party(line, lex)) == expected
