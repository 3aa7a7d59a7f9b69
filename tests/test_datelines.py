"""Tests for pipeline.stages.dates: where the dateline is looked for, in the order letters, pages,
minutes, questions and papers put it, and which report dates are the date of the report answered."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.records import DateKind
from pipeline.stages.dates import find_dateline, find_dates
from pipeline.stages.segment import segment

D = dt.date


def dateline(text, lex, settings):
    segs = segment(text, lex)
    found = find_dateline(text, segs[0], settings)
    if found is None:
        return None
    assert text[found.char_start:found.char_end] == found.text
    assert found.kind is DateKind.dateline
    return found.value, found.text


def gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


HEAD = "Home Office\n2 Marsham Street\nLondon SW1P 4DF\n\n"
PAGE_TITLE = "# Letter from the Minister for Children to the Children's Commissioner\n\n"
BODY = "Thank you for your letter about children in custody."
CLOSE = "Yours sincerely,\n\nNadia Okoro\n"


# ---- letters: head, under "Dear" and its subject, under the signature

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(f"{HEAD}4 February 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}", (D(2021, 2, 4), "4 February 2021"),
                 id="in-the-head"),
    pytest.param(f"{HEAD}February 4, 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}",
                 (D(2021, 2, 4), "February 4, 2021"), id="month-first-in-the-head"),
    pytest.param(f"Dear Ms Allard,\n\n4 February 2021\n\n{BODY}\n\n{CLOSE}", (D(2021, 2, 4), "4 February 2021"),
                 id="under-dear"),
    pytest.param(f"Dear Ms Allard,\n\n**Children in custody**\n\n4 February 2021\n\n{BODY}\n\n{CLOSE}",
                 (D(2021, 2, 4), "4 February 2021"), id="under-dear-after-a-subject-heading"),
    pytest.param(f"Dear Ms Allard,\n\n{BODY}\n\nYours sincerely,\n\nNadia Okoro\nMinister for Children\n"
                 "4 February 2021\n", (D(2021, 2, 4), "4 February 2021"), id="under-the-signature"),
    pytest.param(f"Dear Ms Allard,\n\n{BODY}\n\n{CLOSE}\nDated: 4 February 2021\n", (D(2021, 2, 4), "4 February 2021"),
                 id="dated-label-under-the-signature"),
    pytest.param(f"Home Office\n\n4 February 2021\n\nDear Ms Allard,\n\nThank you.\n\n{CLOSE}5 February 2021\n",
                 (D(2021, 2, 4), "4 February 2021"), id="head-before-signature"),
    pytest.param(f"Dear Ms Allard,\n\n{BODY}\n\nThe review was published on\n\n8 October 2020\n\nand we accepted it."
                 f"\n\n{CLOSE}", None, id="a-date-line-inside-the-body-is-not-the-dateline"),
    pytest.param("Dear Ms Allard,\n\nThank you for your letter of 4 January 2021 about children in custody.\n\n"
                 + CLOSE, None, id="a-date-inside-a-sentence-is-not-the-dateline"),
    pytest.param("From: Nadia Okoro <nadia.okoro@example.gov.uk>\nSent: 04 February 2021 16:41\nTo: Ms Allard\n"
                 f"Subject: RE: Children in custody\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}",
                 (D(2021, 2, 4), "04 February 2021"), id="pasted-e-mail-sent-line-with-its-time"),
])
def test_letter_datelines(text, expected, lex, settings):
    assert dateline(text, lex, settings) == expected


# ---- web pages: "Published" only where the page has no other date

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(f"{PAGE_TITLE}Published 12 March 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}",
                 (D(2021, 3, 12), "12 March 2021"), id="published-as-a-fallback"),
    pytest.param(f"{PAGE_TITLE}Published 12 March 2021\n\n4 February 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}",
                 (D(2021, 2, 4), "4 February 2021"), id="letter-date-over-published"),
    pytest.param(f"{PAGE_TITLE}Published 12 March 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}4 February 2021\n",
                 (D(2021, 2, 4), "4 February 2021"), id="signature-date-over-published"),
    pytest.param(f"{PAGE_TITLE}First published 12 March 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}",
                 (D(2021, 3, 12), "12 March 2021"), id="first-published-as-a-fallback"),
    # FORMAT.md: "Updated" stamps are not the dateline
    pytest.param(f"{PAGE_TITLE}Last updated 12 March 2021\n\nDear Ms Allard,\n\n{BODY}\n\n{CLOSE}",
                 None, id="last-updated-is-no-dateline"),
])
def test_page_datelines(text, expected, lex, settings):
    assert dateline(text, lex, settings) == expected


# ---- documents without "Dear": minutes, questions, Hansard, coroners' records, papers

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Meeting: 22/06/2023 - Cabinet (Item 12)\n\nDecision: that the housing strategy be approved.\n",
                 (D(2023, 6, 22), "22/06/2023"), id="meeting-line"),
    pytest.param("Health Panel – 28 July 2014\n\nCouncillor Mrs Joan Ames in the chair.\n",
                 (D(2014, 7, 28), "28 July 2014"), id="title-dash-date"),
    pytest.param("Note of the meeting of the Housing Board held on Tuesday 3 May 2022\n\nThe board noted the report.\n",
                 (D(2022, 5, 3), "3 May 2022"), id="meeting-held-on"),
    pytest.param("Housing Board\n\nDate of meeting: 3 May 2022\n\nThe board noted the report.\n",
                 (D(2022, 5, 3), "3 May 2022"), id="date-of-meeting"),
    pytest.param("Asked by: Morag Ellison, MSP for Glasgow Kelvin, Scottish Green Party\n\nDate lodged: 1 December "
                 "2022\n\nTo ask the Scottish Government how many young people were held on remand.\n\nAnswered by "
                 "Callum Baird on 22 December 2022\n\nThe figures are published monthly.\n",
                 (D(2022, 12, 22), "22 December 2022"), id="answered-by-over-date-lodged"),
    pytest.param("HC Deb 16 December 1953 vol 521 cc1120-1\n\n14. Mr. Arthur Penhale\n\nasked the Minister of "
                 "Transport if he will make a statement on the level crossing at Wexley.\n",
                 (D(1953, 12, 16), "16 December 1953"), id="hansard"),
    pytest.param("2024-11-12\n\nAled Pryce\n\nNorth Wales\n\nChief Executive, Clwyd Valley University Health Board\n\n"
                 "On 2 February 2024 I commenced an investigation into the death of Owain Rees.\n",
                 (D(2024, 11, 12), "2024-11-12"), id="iso-date-of-a-coroner-record"),
    pytest.param("Government response to the Justice Committee's report\n\nThe Government response was received on "
                 "18 June 2025 and is published below.\n\nThe Government welcomes the report.\n",
                 (D(2025, 6, 18), "18 June 2025"), id="response-was-received-on"),
    pytest.param("Government response to the Justice Committee's report\n\nThe Government welcomes the report and "
                 "accepts its recommendations.\n\nMinistry of Justice\n\n4 March 2025\n",
                 (D(2025, 3, 4), "4 March 2025"), id="paper-dated-where-it-is-signed"),
    pytest.param("Housing Board\n\nThe board noted the report.\n", None, id="no-date"),
])
def test_document_datelines(text, expected, lex, settings):
    assert dateline(text, lex, settings) == expected


# ---- the date of the report answered

def coroner_reply(body: str) -> str:
    return f"{HEAD}1 March 2024\n\nDear Coroner,\n\n{body}\n\n{CLOSE}"


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Thank you for your Report to Prevent Future Deaths dated 14 December 2023 concerning the death of "
                 "Mr Rees.", [(DateKind.reply_to, D(2023, 12, 14))], id="your-report-dated"),
    pytest.param("Thank you for your Regulation 28 Report, dated 14th December 2023, about the death of Mr Rees.",
                 [(DateKind.reply_to, D(2023, 12, 14))], id="your-report-comma-dated-ordinal"),
    pytest.param("Thank you for your report of 14 December about the death of Mr Rees.",
                 [(DateKind.reply_to, D(2023, 12, 14))], id="your-report-of-without-year"),
    pytest.param("I write in response to the report issued on 14 December 2023 following the inquest.",
                 [(DateKind.reply_to, D(2023, 12, 14))], id="report-issued-on"),
    pytest.param("The Committee published its fourth report of the session on 14 December 2023, and we respond to it "
                 "here.", [(DateKind.reply_to, D(2023, 12, 14))], id="published-its-report-on"),
    pytest.param("On 14 December 2023, the Committee published its report on remand.",
                 [(DateKind.reply_to, D(2023, 12, 14))], id="date-then-published-its-report"),
    pytest.param("The coroner's report, dated 14 December 2023, was received on 2 January 2024.",
                 [(DateKind.reply_to, D(2023, 12, 14)), (DateKind.mentioned, D(2024, 1, 2))],
                 id="report-dated-then-another-date"),
    pytest.param("I published my review on 14 December 2023 and made six recommendations.",
                 [(DateKind.mentioned, D(2023, 12, 14))], id="i-published-my-review-is-not-reply-to"),
    pytest.param("We published our report on 14 December 2023.", [(DateKind.mentioned, D(2023, 12, 14))],
                 id="we-published-our-report-is-not-reply-to"),
    pytest.param("The inquest concluded on 12 December 2023.", [(DateKind.mentioned, D(2023, 12, 12))],
                 id="inquest-date-is-mentioned"),
    pytest.param("I write about the Prevention of Future Deaths report sent to the Trust on 14 December 2023.",
                 [(DateKind.reply_to, D(2023, 12, 14))], id="report-sent-on"),
])
def test_reply_to_dates(body, expected, lex, settings):
    text = coroner_reply(body)
    seg = segment(text, lex)[0]
    dl = find_dateline(text, seg, settings)
    assert dl.value == D(2024, 3, 1)
    found = find_dates(text, seg, "L1", dl.value, settings)
    assert [(m.kind, m.value) for m in found[1:]] == expected
