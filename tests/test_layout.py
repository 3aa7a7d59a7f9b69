"""Page furniture is masked in place: same length, same offsets, paragraphs rejoined."""
from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.layout import mask_noise, noise_lines, unescape_numbers
from pipeline.stages.load import decode

HEADER = "Government Response to the Justice Committee Report – CP 412"
PAGED = (
    f"{HEADER}\n\nRecommendation 1\n\nThe Government accepts this\n\n4\n\n{HEADER}\n\nrecommendation.\n\n"
    f"Recommendation 2\n\nPage 5 of 9\n\n{HEADER}\n\nNot accepted.\n"
)


@pytest.mark.parametrize(("line", "noise"), [
    ("12", True), ("Page 3 of 14", True), ("- 7 -", True), ("---", True),
    ("<sup>1</sup> HM Government (2018), 'Working Together'.", True),
    ("¹Group of Experts (2021), 'Evaluation Report'.", True),
    ("2 Marsham Street", False), ("1 April 2022", False), ("Recommendation 12", False),
    ("1. The SCA should improve recording.", False),
    ("Kestrel Trust – Response to Healthwatch – May 2025          Page 2 of 4", True),
    ("Page 2 of 4 | Kestrel Trust response", True),
    ("Northbeam Scaffolding Limited · Registered in England and Wales No. 05873321 · Page 1 of 2", True),
    ("Kestrel Trust response - Page 3 of 7", True),
    ("ICB/QS/PFD/2028-11 Page 1 of 2", True),
    ("The details are in the annex. See Page 2 of 4", False),
    ("The evidence is summarised in Annex B Page 3 of 10", False),
    ("The figures are set out on page 2 of the annex.", False),
    ("The figures for each region are  set out in the annex at  page 12", False),
], ids=lambda v: repr(v)[:30] if isinstance(v, str) else None)
def test_single_lines(line, noise):
    text = f"Dear Minister,\n\n{line}\n\nYours sincerely,\n"
    found = [text[a:b] for a, b in noise_lines(text)]
    assert (line.strip() in [f.strip() for f in found]) is noise


def test_running_header_repeated_on_every_page_is_masked():
    found = {PAGED[a:b] for a, b in noise_lines(PAGED)}
    assert found == {HEADER, "4", "Page 5 of 9"}


def test_masking_keeps_length_and_line_breaks():
    masked = mask_noise(PAGED)
    assert len(masked) == len(PAGED)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(PAGED) if c == "\n"]
    assert HEADER not in masked and "Recommendation 2" in masked


def test_repeated_content_lines_are_kept():
    """Label lines repeat in response papers; they are content."""
    text = "\n\n".join(["Recommendation accepted", "Question", "Response"] * 4)
    assert noise_lines(text) == []


def test_an_action_plan_s_row_label_is_kept_though_it_repeats():
    """"Rec no.: 1" heads each row of a council's response form; after a row's last line (eight
    words, no full stop) it reads like a running header broken into a sentence, but it is content."""
    rows = [f"Rec no.: {n}\nTask and Finish Group recommendation:\nThat the Council appoints an officer.\n"
            f"Executive response:\nAgreed.\nTimescale: Postholder in post by 6 January 2025" for n in range(1, 5)]
    text = "\n\n".join(rows) + "\n"
    assert not any(text[a:b].startswith("Rec no") for a, b in noise_lines(text))


def test_an_inspection_plan_s_area_label_is_kept_though_it_repeats():
    """An inspectorate's quality improvement plan heads each item "Area for improvement 1", and the
    plan the provider returns repeats every heading; after an answer's last line (no full stop) the
    heading reads like a running header, but it names the item answered."""
    rows = [f"Area for improvement {n}\nRef: Regulation 13 ({n})\nStated: First time\nResponse by registered "
            f"person detailing the actions taken:\nAll shower chairs are now cleaned after each use and tagged"
            for n in range(1, 5)]
    text = "\n\n".join(rows) + "\n"
    assert not any(text[a:b].startswith(("Area for", "Response by")) for a, b in noise_lines(text))


def test_a_file_of_one_repeated_line_is_not_all_furniture():
    text = "Section 45 of the Modern Slavery Act 2015 applies to this case.\n" * 6
    assert noise_lines(text) == []


def test_running_title_ending_in_recommendations_is_masked_but_status_lines_are_kept():
    """A chapter's running title may end "... report's recommendations" and still be furniture;
    the status sentence a paper repeats under every recommendation is content."""
    title = "Chapter 2: Government response to the Flood Review's recommendations"
    pages = []
    for n in range(1, 5):
        pages.append(f"{title}\n\nRecommendation {n}\n\nThe government accepts this recommendation.\n\n"
                     f"Work on the register\n\n{n + 10}\n")
    text = "\n".join(pages)
    found = {text[a:b] for a, b in noise_lines(text)}
    assert title in found
    assert not any("accepts this recommendation" in f or f.startswith("Recommendation") for f in found)


@pytest.mark.parametrize(("text", "masked"), [
    ("No.\nRecommendation\nProgress update\n\n1\nReplace paper observation records with an electronic system.\n"
     "Went live on 3 March 2025.\n\n2\nAppoint a substantive ward manager.\nAppointed in April.\n", []),
    ("The government accepts this\n\n4\n\nrecommendation in full.\n", ["4"]),
    ("The government accepts this\n\n                         4\nGovernment Response to the Review\n", ["4"]),
    ("Matter raised\n\nTarget date\n\n1\n\nDrug supply\n\nAll mail is now screened.\n\nComplete\n\n2\n\n"
     "Time out of cell\n\nA revised regime began in June.\n", []),
    ("set out in the response to the\n\n4\n\nCommittee on standards in public life.\n", ["4"]),
    ("It will publish its plan later this year.\n\n6\n\nIntroduction\n", ["6"]),
    # pdftotext of a Word table with no blank lines: the row's number right under the header's last cell
    ("Rec\nReview recommendation\nService response\nLead officer\nRAG status\n1\nAll grievances raised against\n"
     "officers should be investigated from outside.\nAgreed. A contract was awarded in June.\n", []),
    ("the recommendations were accepted\nin full by the Board.\n7\nThe next steps are set out below.\n", ["7"]),
    # a page that opens with the next row: pdftotext puts the form feed before the row's number
    ("No.\nRecommendation\nCabinet response\n\n1\nThat the Council extends its monitoring.\nAgreed.\n\n"
     "2\nThat the Council runs a campaign.\nAgreed.\n\nPage 51\n\f3\nThat the Council funds screening.\nNoted.\n",
     ["Page 51"]),
    ("No.\nRecommendation\nCabinet response\n\n1\nThat the Council extends its monitoring.\nAgreed.\n\n"
     "\f7\nThe next steps are set out below.\n", ["7"]),
], ids=["table-row-numbers", "page-number-between-blank-lines", "right-aligned-page-number",
        "pdftotext-table-cells-between-blank-lines", "page-number-mid-sentence", "page-number-after-prose",
        "row-number-under-a-header-with-no-blank-lines", "page-number-under-prose-with-no-blank-lines",
        "next-row-opening-a-page", "page-number-opening-a-page"])
def test_a_table_row_number_is_not_a_page_number(text, masked):
    """A number at the margin with its row's first cell right under it is a table's, not the page's."""
    assert [text[a:b].strip() for a, b in noise_lines(text)] == masked


def test_a_body_named_under_a_signature_s_telephone_line_is_no_running_header():
    """A coroner's concerns list names each body on a line of its own, and the same name heads
    that body's reply under the last reply's signature ("... | 0121 496 0842") and closes its own
    signature: a line three times over, but no running header cut into a sentence."""
    name = "Gangmasters and Labour Abuse Authority"
    text = ("The MATTERS OF CONCERN are as follows:\nAgriWork Placements Ltd\n4. Messages were not read.\n"
            f"{name}\n5. The inspection does not test whether workers can raise concerns.\n\n"
            "Kind regards\nGrant Lowther\nChief Executive\nAgriWork Placements Ltd | 2 Mercer Court, Kingsmere "
            f"QJ2 9DE | 0121 496 0842\n\n{name}\nPO Box 9901\nNottingham QN9 9ZB\n\nDear Ms Holt,\n\n"
            f"Thank you for your report.\n\nYours sincerely,\n\nAnn Lee\nChief Executive\n{name}\n")
    assert not any(text[a:b] == name for a, b in noise_lines(text))



def test_a_body_s_letterhead_opening_a_page_is_kept_though_its_name_repeats():
    """A report names the body among its addressees, the body's letter opens a page under the last
    page's "Page 1 of 1" with its name over its address, and the name closes its signature: near a
    page number, but a letterhead, not a running header (its other lines stand at no page break)."""
    name = "NHS Vale and Downs Integrated Care Board"
    text = (f"**This report is being sent to:** Brackenfield Hospitals NHS Trust |\n{name}\n\nThe MATTERS OF "
            f"CONCERN are as follows.\n\nTo the Trust:\n\n1. There was no transition clinic.\n\nTo the\n{name}:\n\n"
            "2. There was no review of the service.\n\n"
            "  1      No transition clinic      Monthly clinic from January      On track\n\n"
            f"                                                      Page 1 of 1\n\f{name}\nQuayside House, 40 Mill "
            "Lane, Downsford QZ8 2JJ\n29 July 2026\nDear Ms Lakhani\nThank you for your report.\nYours sincerely\n"
            f"Dr Ruth Okafor\nChief Medical Officer\n{name}\n")
    page_top = text.index(f"\f{name}")
    assert not any(a <= page_top + 1 < b for a, b in noise_lines(text))


GOVUK_FOOTER = ("8. The Department should publish an annual report on the bus workforce.\n\n"
                "[ Back to top ](#contents)\n\n## Is this page useful?\n\n"
                "  * [ Maybe ](https://www.gov.uk/contact/govuk)\n  * Yes this page is useful\n"
                "  * No this page is not useful\n\nThank you for your feedback\n\n## Topics\n\n"
                "  * [Benefits](https://www.gov.uk/browse/benefits)\n  * [Driving and transport](https://www.gov.uk/browse/"
                "driving)\n\n## Government activity\n\n  * [Departments](https://www.gov.uk/government/organisations)\n"
                "  * [News](https://www.gov.uk/search/news-and-communications)\n")


def test_a_govuk_page_s_footer_as_html2text_writes_it_is_boilerplate(lex):
    """A GOV.UK page saved as text ends in its feedback box and topic links; read as content, they
    were the answer to the recommendation listed last. The listed recommendation itself stays."""
    masked = {GOVUK_FOOTER[a:b] for a, b in noise_lines(GOVUK_FOOTER, lex.boilerplate)}
    kept = [ln for ln in GOVUK_FOOTER.splitlines() if ln.strip() and ln not in masked]
    assert kept == ["8. The Department should publish an annual report on the bus workforce."]


GOVUK_BANNER = ("Skip to main content\n\nCookies on GOV.UK\n\nWe use some essential cookies to make this site work.\n\n"
                "We'd also like to set some additional cookies so we can see how GOV.UK is\nused, remember your "
                "settings and improve our services.\n\nSome cookies are set by other sites so that we can show "
                "content from their\nservices.\n\nThe Committee on Fuel Poverty wrote to the Minister about energy "
                "debt.\n\n  * [Government Digital Service](/government/organisations/government-digital-service)\n")


def test_a_govuk_cookie_banner_wrapped_over_lines_is_boilerplate_to_its_last_line(lex):
    """html2text wraps the banner's sentences: the lines they run on to ("used, remember your
    settings ...", "services.") are the banner's too, not a paragraph of the page that would open a
    letter of its own; and a footer link under /government/organisations is chrome."""
    masked = {GOVUK_BANNER[a:b] for a, b in noise_lines(GOVUK_BANNER, lex.boilerplate)}
    kept = [ln for ln in GOVUK_BANNER.splitlines() if ln.strip() and ln not in masked]
    assert kept == ["The Committee on Fuel Poverty wrote to the Minister about energy debt."]


@pytest.mark.parametrize("line", [
    "Rydym yn croesawu gohebiaeth yn Gymraeg. We welcome correspondence in Welsh.",
    "Croesewir gohebiaeth yn Gymraeg. Byddwn yn ateb yn Gymraeg heb oedi.",
    "We welcome receiving correspondence in Welsh. Corresponding in Welsh will not lead to a delay in responding.",
])
def test_a_welsh_body_s_language_statement_is_boilerplate(line, lex):
    """Under a Welsh council's signature, "Rydym yn croesawu gohebiaeth yn Gymraeg. We welcome
    correspondence in Welsh." was taken for the head of the next letter, so the holiday park's
    e-mail under it never started a reply of its own."""
    text = f"Yn gywir / Yours sincerely\n\nRhian Glyn-Davies\nDirector of Place\n\n{line}\n\nFrom: Lowri\n"
    assert [text[a:b] for a, b in noise_lines(text, lex.boilerplate)] == [line]


_ROW_NAMING_THE_LICENCE = (
    "1\tThe Mayor should publish a heat vulnerability map and make the data openly available.\tThe GLA has "
    "commissioned a heat vulnerability map at neighbourhood level, combining satellite surface temperature data "
    "for five summers with census, health and housing data, and officers have worked with borough public health "
    "teams on what it should show. The map will be published on the London Datastore in May 2027, and the "
    "underlying data will be released under the Open Government Licence at the same time.")


@pytest.mark.parametrize("line", [
    _ROW_NAMING_THE_LICENCE,
    _ROW_NAMING_THE_LICENCE.replace("\t", " "),
], ids=["a-word-table-row", "a-long-paragraph"])
def test_a_row_or_paragraph_that_names_the_licence_is_kept(line, lex):
    """A Word table's row (a line, its cells tab apart) or a long paragraph whose answer says the data
    will be released "under the Open Government Licence" is content, not the licence notice: blanked,
    it took a recommendation and its answer with it."""
    text = f"No.\tRecommendation\tResponse\n{line}\n"
    assert noise_lines(text, lex.boilerplate) == []


@pytest.mark.parametrize("line", ["SEND", "Support for children with SEND", "The Council said that we welcome "
                                  "correspondence in Welsh and in English, and it has published its scheme."])
def test_a_send_heading_and_prose_about_welsh_correspondence_are_kept(line, lex):
    """"SEND" (special educational needs) heads an education reply's answer, unlike GOV.UK's "Send"
    button; prose that mentions correspondence in Welsh is not the language statement."""
    text = f"Recommendation 4\n\n{line}\n\nWe have funded forty more places.\n"
    assert noise_lines(text, lex.boilerplate) == []


@pytest.mark.parametrize("line", [
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received "
    "it in error, please notify the sender and delete it. Brantmoor does not accept liability for any loss or "
    "damage caused by viruses.",
    "This email and any attachments are confidential and may be legally privileged.",
    "addressee. If you have received this e-mail in error, please notify the",
    "Is the information in this e-mail appropriate for sharing? Please think before you forward.",
])
def test_an_e_mail_s_confidentiality_disclaimer_is_boilerplate(line, lex):
    """Under a pasted e-mail's signature, "... does not accept liability for any loss or damage" was read
    as the reply declining the last recommendation it answered."""
    text = f"Recommendation 7\n\nWe have agreed to pay small suppliers within 30 days.\n\nRegards,\nTom\n\n{line}\n"
    masked = [text[a:b] for a, b in noise_lines(text, lex.boilerplate)]
    assert masked == [line]


COOKIE_BANNER = """Skip to main content

Cookies on GOV.UK

We use some essential cookies to make this website work.

We'd like to set additional cookies to understand how you use GOV.UK, remember
your settings and improve government services.

We also use cookies set by other sites to help us deliver content from their
services.

Accept additional cookies Reject additional cookies [View
cookies](/help/cookies)

# Registers of interests in public bodies
"""


def test_govuk_s_cookie_banner_as_html2text_wraps_it_is_boilerplate(lex):
    """Left in, the banner was a document of its own before the page's letters, and every letter's
    index moved by one; its sentences wrapped on to a line of their own ("services.") go with it."""
    masked = {COOKIE_BANNER[a:b] for a, b in noise_lines(COOKIE_BANNER, lex.boilerplate)}
    kept = [ln for ln in COOKIE_BANNER.splitlines() if ln.strip() and ln not in masked]
    assert kept == ["# Registers of interests in public bodies"]


@pytest.mark.parametrize("text, kept", [
    ("Contents\n1 Introduction\n2 Our response to the recommendations\nThe Department welcomes the report and sets "
     "out its response below.\n", ["1 Introduction", "2 Our response to the recommendations"]),
    ("Records of the review will be transferred to The National Archives\nunder the Public Records Act once the "
     "transfer is complete. We have also\nupdated our retention policy.\n",
     ["under the Public Records Act once the transfer is complete. We have also", "updated our retention policy."]),
], ids=["contents-heading", "national-archives-in-a-letter"])
def test_only_the_cookie_banner_s_wrapped_sentences_run_on(text, kept, lex):
    """A boilerplate line that ends mid-sentence masks the lines it runs on to only in the cookie
    banner: under a "Contents" heading or a letter's mention of The National Archives, the text
    goes on as content."""
    masked = {text[a:b] for a, b in noise_lines(text, lex.boilerplate)}
    got = [ln for ln in text.splitlines() if ln.strip() and ln not in masked]
    assert all(k in got for k in kept)


def test_a_footer_that_carries_its_page_number_is_furniture():
    """pdftotext -layout sets "December 2026" and the page's number on one footer line, with no
    page number of its own for the running title under it to sit beside: both repeat on every
    page and are masked; the paragraphs between them stay."""
    words = ["timeliness", "quality", "templates", "meetings", "training", "data", "governance", "reviews"]
    pages = ["".join(f"Paragraph on {w} and {v} sets out what the CPS has done since the inspection.\n\n"
                     for w in words for v in words[n:n + 1])
             + f"December 2026{' ' * 60}{n}\n\fCPS response to HMCPSI - Explaining decisions to victims\n\n"
             for n in range(1, 5)]
    text = "".join(pages)
    masked = {text[a:b].strip("\f ") for a, b in noise_lines(text)}
    assert "CPS response to HMCPSI - Explaining decisions to victims" in masked
    assert any(m.startswith("December 2026") for m in masked)
    assert not any(m.startswith("Paragraph") for m in masked)


def test_a_two_page_letter_s_footer_at_each_page_break_is_furniture():
    """A two-page letter carries its footer ("Trust name    reference    1") twice, once at the foot of
    each page: too few to repeat like a running header, but at a page break with a page number
    that counts up it is furniture, and the heading under the break ("Concern 3 - The clinic
    letter") opens its own paragraph again."""
    footer = "Marrowby Partnership NHS Foundation Trust    CEO/GT/0417    {}"
    text = ("Concern 2 - Driving\n\nThe Trust does not propose to change its procedure.\n\n"
            + footer.format(1) + "\n\fConcern 3 - The clinic letter\n\nThe template now has a section on driving."
            "\n\nYours sincerely\n\nDr Nadia Holmes\n\n" + footer.format(2) + "\n\f\nFrom: Dr Owen Stride\n")
    masked = [text[a:b].strip("\f ") for a, b in noise_lines(text)]
    assert masked.count(footer.format(1)) == 1 and masked.count(footer.format(2)) == 1
    assert not any("Concern" in m for m in masked)


def test_a_line_twice_at_a_page_break_that_counts_nothing_is_kept():
    """Two lines alike at page breaks whose numbers do not number the pages (a table's "Total    4"
    on one page and "9" on the next, or "4" and "5" two pages apart) are content."""
    text = ("Falls in the quarter\n\nTotal falls recorded on wards    4\n\fDeaths in the quarter\n\n"
            "Total falls recorded on wards    9\n\fEnd of the tables.\n")
    assert not any("Total" in text[a:b] for a, b in noise_lines(text))
    # nor a table's row that counts up by one, two pages on: its numbers are not the pages'
    text = ("Falls in the quarter\n\nWard B falls in the quarter    4\n\fDeaths in the quarter\n\n"
            "Every death was reviewed.\n\fTransfers in the quarter\n\nWard B falls in the quarter    5\n\n\n"
            "\fEnd of the tables.\n")
    assert not any("Ward B" in text[a:b] for a, b in noise_lines(text))


def test_a_space_aligned_table_s_repeated_rows_are_not_a_footer():
    """Rows that differ only in their numbers and end in a number after spaces ("Falls on ward 1 in the
    quarter          4") are a table, not a footer carrying its page: their numbers do not count up."""
    rows = "".join(f"Falls on ward {w} in the quarter{' ' * 12}{n}\n" for w, n in ((1, 4), (2, 7), (3, 2), (4, 9)))
    text = "The falls recorded in each ward were as follows.\n\n" + rows + "\nEvery fall was reviewed.\n"
    assert noise_lines(text) == []


def test_a_table_s_header_starts_at_its_first_cell():
    from pipeline.text import header_above

    assert header_above(["The plan is below.", "No.", "Recommendation", "Response", "Lead officer", "Status"]) == 1


GOVUK_FEEDBACK_FORM = """### Recommendation 7

This recommendation is for Defra.

  * [ Maybe ](/contact/govuk)
  * Yes this page is useful
  * No this page is not useful

Thank you for your feedback

### Help us improve GOV.UK

Don’t include personal or financial information like your National Insurance
number or credit card details.

This field is for robots only. Please leave blank

What were you doing?

What went wrong?

Send

## Topics

  * [Benefits](/browse/benefits)
  * [How government works](/government/how-government-works)

## Support links

  * [Help](/help)
  * [Rhestr o Wasanaethau Cymraeg](/cymraeg)

All content is available under the [Open Government Licence
v3.0](https://www.example.gov.uk/doc/open-government-licence/version/3/),
except where otherwise stated

[ © Crown
copyright](https://www.example.gov.uk/information-management/re-using-public-sector-information/crown-copyright/)
"""


def test_govuk_s_feedback_form_and_footer_as_html2text_writes_them_are_boilerplate(lex):
    """Under the last answer of a GOV.UK page come its feedback form, its topic and support links and
    its licence, with relative links; left in, they were read as part of that answer."""
    masked = {GOVUK_FEEDBACK_FORM[a:b] for a, b in noise_lines(GOVUK_FEEDBACK_FORM, lex.boilerplate)}
    kept = [ln for ln in GOVUK_FEEDBACK_FORM.splitlines() if ln.strip() and ln not in masked]
    assert kept == ["### Recommendation 7", "This recommendation is for Defra."]


_LONG_LICENCE = ("This publication is licensed under the terms of the Open Government Licence v3.0 except where otherwise "
                 "stated. To view this licence, visit nationalarchives.gov.uk/doc/open-government-licence/version/3 or "
                 "write to the Information Policy Team, The National Archives, Kew, London TW9 4DU, or email: "
                 "psi@nationalarchives.gov.uk. Where we have identified any third party copyright information you will "
                 "need to obtain permission from the copyright holders concerned. This publication is available at "
                 "www.gov.uk/official-documents. Any enquiries regarding this publication should be sent to us at the "
                 "Department for Education, Sanctuary Buildings, Great Smith Street, London SW1P 3BT.")


@pytest.mark.parametrize("line", [
    _LONG_LICENCE,  # Word's one line for the whole notice, some ninety words
    "(C) Crown copyright 2026",
    "[nationalarchives.example.gov.uk/doc/open-government-licence/version/3](https://www.nationalarchives.example.gov.uk/doc/open-government-licence/version/3/)",
    "If any material in this publication belongs to a third party, you will need the",
    "permission of that copyright holder to re-use it.",
])
def test_a_licence_notice_as_text_writes_it_is_boilerplate(line, lex):
    """"(C) Crown copyright" (html2text's "©") and the wrapped lines of the licence notice on a GOV.UK
    page above the letters it publishes: left in, their prose made the page's head a document."""
    text = f"Correspondence\n\n{line}\n\nDear Minister,\n"
    assert [text[a:b] for a, b in noise_lines(text, lex.boilerplate)] == [line]


def test_a_sentence_about_land_that_belongs_to_a_third_party_is_kept(lex):
    """Only the licence notice's "material in this publication belongs to a third party" is boilerplate."""
    line = "Concern 3: the footpath where Mr Hale fell belongs to a third party, Network Rail, and we have written."
    text = f"Dear Coroner,\n\n{line}\n\nYours sincerely,\n"
    assert noise_lines(text, lex.boilerplate) == []


def test_a_thread_s_greeting_is_kept_though_each_reply_repeats_it():
    """Three replies to one coroner, copied from Word with no blank lines inside them, each open
    "Dear Mr Prosser,": the greeting repeats like a running header, and under an e-mail's long
    Subject line it reads like one broken into a sentence, but it is what starts each reply."""
    heads = ["Dyddiad / Date: 9 Ionawr 2033 / 9 January 2033",
             "Subject: PD/2032/0077 - HomeNest Furniture Ltd - response to Regulation 28 report (Osian Rhys Bevan)",
             "24 January 2033"]
    replies = [f"{head}\nDear Mr Prosser,\nThank you for your report dated 17 November 2032 about the death of "
               f"Osian.\nYours sincerely,\nRhian Llewellyn" for head in heads]
    text = "\n\n".join(replies) + "\n"
    assert not any(text[a:b].startswith("Dear") for a, b in noise_lines(text))



def test_a_body_s_name_over_its_address_is_a_letterhead_though_it_repeats_mid_sentence():
    """A judiciary page wraps "This report is being sent to: R & T Fenwick | Corvale Grain Systems Ltd
    |" so the last name, "Health and Safety Executive", falls on a line of its own, as it does again
    over HSE's address and under its signature. Three times, once inside a sentence, read as a
    running header: the letterhead was masked and HSE's reply lost its writer."""
    name = "Health and Safety Executive"
    text = ("**This report is being sent to:** R & T Fenwick | Corvale Grain Systems Ltd |\n" + name + "\n\n"
            "1. The guidance does not deal with bridging.\n\n" + name + "\n\nField Operations Directorate\n\n"
            "2 Carrick Square, Tolbury ZJ1 2HS\n\nDear Mr Dacre\n\nWe will revise the guidance.\n\n"
            "Yours sincerely\n\nKevin Marsland\n\n" + name + "\n")
    assert name in mask_noise(text).split("\n\n")[2]
    # a running header over no address is still masked where it breaks a sentence
    header = "Annual report of the Westhope Trust"
    paged = ("The board has met six times this year and its committees\n" + header + "\nhave met monthly.\n\n") * 3
    assert header not in mask_noise(paged)


def test_a_running_header_is_masked_where_it_breaks_sentences_though_it_heads_a_letter_once():
    """The letterhead over an address is kept; the same name breaking sentences elsewhere is still
    a running header."""
    name = "Northbeam NHS Foundation Trust"
    text = (name + "\n\n12 Mill Row, Harnford VX4 1AA\n\n"
            + "".join(f"The board met in month {n} and agreed the\n{name}\nplan for the wards.\n\n" for n in range(3)))
    masked = mask_noise(text)
    assert masked.startswith(name) and masked.count(name) == 1


def test_a_footer_of_a_web_address_and_its_page_number_and_the_header_after_it_are_masked():
    """pdftotext -layout of a body's response: each page ends "www.slab.example.org.uk      6" and the
    next opens with the running header "Scottish Legal Aid Board      ...: Our Response". A footer of
    two words, its page one of them, counts up from page to page: both are page furniture (before,
    they stayed as text and ended the answer that ran on over the page)."""
    header = "Scottish Legal Aid Board                    Civil Legal Aid Application Review: Our Response"
    said = ["We considered whether each urgent application should also have a named caseworker.",
            "Solicitors can already submit most application forms through our online portal.",
            "From September we will no longer ask for paper copies of uploaded documents.",
            "The team works in shifts, and an urgent case is often decided within a few hours."]
    topics = ["caseworkers", "portals", "documents", "shifts"]
    pages = "".join(f"        2.{n}  {words}\n        The review's findings on {topics[n - 1]} are set out above.\n"
                    f"        Our answer on {topics[n - 1]} follows the review's order.\n\n\n"
                    f"www.slab.example.org.uk{' ' * 60}{n + 1}\n\f{header}\n\n"
                    for n, words in enumerate(said, 1))
    masked = mask_noise(pages)
    assert "www.slab" not in masked and "Our Response" not in masked and all(words in masked for words in said)


def test_a_status_column_s_numbered_rows_are_not_a_footer():
    """pdftotext -layout of a response table: "   1     Agreed." to "   4     Agreed." are two words
    each, the first a number counting up, as a footer's page is; but no page break stands by them, so
    they are the table's rows and stay."""
    rows = "".join(f"   {n}     Agreed.\n" for n in range(1, 5))
    prose = "".join(f"Paragraph {w} of the response sets out what the {w} team has done.\n"
                    for w in ("first", "second", "third", "fourth", "fifth", "sixth"))
    text = "Response to the review's recommendations\n\n" + prose + "\n" + rows + "\nWe will report progress in a year.\n"
    assert mask_noise(text) == text


def test_a_running_header_on_the_second_and_third_pages_only_is_masked():
    """A three-page report whose running header ("Regulation 28: ... – Ref 2026-0417") heads pages 2
    and 3 only, each time under the last page's "Page n of 3": the header is page furniture though it
    stands twice, and the list it interrupts runs on under it (before, "(4)" to "(7)" were cut off)."""
    head = "Regulation 28: Prevention of Future Deaths – Kian Mortlake – Ref 2026-0417"
    text = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\nThe MATTERS OF CONCERN are as follows.\n"
            "(1) The temporary stop was placed with no road safety audit.\nPage 1 of 3\n"
            f"\f{head}\n(2) There is no crossing facility between the stop and the estate.\nPage 2 of 3\n"
            f"\f{head}\n(3) National statistics do not record casualties at bus stops.\nPage 3 of 3\n")
    masked = mask_noise(text)
    assert head not in masked and "(2) There is no crossing" in masked


def test_a_letterhead_over_its_address_on_two_pages_is_kept():
    """Two letters from one body, each opening a page under the last one's page number, each with its
    address under its name: a letterhead, not a running header."""
    letter = "\fWendle Vale District Council\nCouncil Offices, Mill Street, Wendle QX4 2AB\nDear Coroner,\nThank you.\n"
    text = "REGULATION 28 REPORT\nThe concerns are set out below.\nPage 1 of 1\n" + letter + "Page 1 of 1\n" + letter
    assert mask_noise(text).count("Wendle Vale District Council") == 2


def test_a_table_header_on_the_second_and_third_pages_is_kept_and_offsets_hold():
    """A table's header row repeated at the top of pages 2 and 3 ("Action   Lead   Timescale") is the
    table's, not a running header; and a footer that two rules take for furniture is masked once, so
    the text keeps its length and every offset after it."""
    text = ("Trust action plan\nThe actions below answer the report.\nPage 1 of 3\n"
            "\fAction   Lead   Timescale   Progress\nAudit every ward   Director   May   Done\nPage 2 of 3\n"
            "\fAction   Lead   Timescale   Progress\nTrain every nurse   Matron   June   Done\nPage 3 of 3\n")
    assert mask_noise(text).count("Action   Lead   Timescale") == 2
    footer = ("Report\nThe concerns are set out below and run on.\nPage 1 of 3\n"
              "\fLeeds Trust response to Regulation 28 report     2\nMore of the response.\nPage 2 of 3\n"
              "\fLeeds Trust response to Regulation 28 report     3\nEnd of the response.\nPage 3 of 3\n")
    assert len(mask_noise(footer)) == len(footer)


@pytest.mark.parametrize("line, read", [
    ("1\\. PAC recommendation: The department should publish", " 1. PAC recommendation: The department should publish"),
    ("  12\\) The Board should", "   12) The Board should"),
    ("\f3\\. PAC recommendation", "\f 3. PAC recommendation"),  # at a page's start
    ("in 2029\\. The department", "in 2029\\. The department"),  # not at a line's start: left as written
])
def test_html2text_s_escaped_paragraph_number_reads_as_a_number(line, read):
    assert unescape_numbers(line) == read
    assert len(unescape_numbers(line)) == len(line)


def test_treasury_minutes_on_a_web_page_keep_their_numbered_recommendations(nlp, lex, settings):
    """GOV.UK's Treasury Minutes through html2text: "1\\. PAC recommendation: ..." names recommendation 1."""
    page = ("# Treasury Minutes – Government response to the Committee of Public Accounts\n\n"
            "### Government response to the committee\n\n"
            "1\\. PAC conclusion: The department cannot say when the work will end.\n\n"
            "1\\. PAC recommendation: The department should publish a timetable for the remaining\n"
            "work, with milestones it reports against every six months.\n\n"
            "1.1 The government agrees with the committee’s recommendation.\n\n"
            "2\\. PAC conclusion: Too few inspectors are trained.\n\n"
            "2\\. PAC recommendation: The department should fund a national training scheme for\n"
            "inspectors from next year.\n\n"
            "2.1 The government disagrees with the committee’s recommendation.\n")
    state = extract(decode(page.encode(), "minutes.txt", settings), nlp, lex, settings)
    labels = {r.label for ls in state.letters for r in ls.refs}
    assert {"1", "2"} <= labels


_FOOTNOTED_PAGE = ("Recommendation 2: The Government should evaluate the scheme.\nGovernment response\nThe evaluation "
                   "will report in 2027, as the scoping report sets out.2 We will publish it in full.\n"
                   "{foot}\n5\n\fRecommendation 3: The Government should publish the data.\n")


def test_a_footnote_at_a_page_s_foot_is_furniture(lex):
    """pdftotext sets a footnote at its page's foot as "2 Department for ..., February 2026.", its
    number glued to a word above ("... sets out.2"): furniture, not the answer's last sentence."""
    text = _FOOTNOTED_PAGE.format(foot="2 Department for Energy, Evaluation Scoping Report, February 2026.")
    assert "2 Department for Energy, Evaluation Scoping Report, February 2026." in {
        text[a:b] for a, b in noise_lines(text, lex.boilerplate)}


def test_a_numbered_line_at_a_page_s_foot_with_no_marker_above_is_kept(lex):
    """The guard: a list's item at the foot of a page ("3 The Council will publish ...") whose number
    no word above carries as a marker is content."""
    text = _FOOTNOTED_PAGE.format(foot="3 The Council will publish the data each quarter.")
    assert "3 The Council will publish the data each quarter." not in {
        text[a:b] for a, b in noise_lines(text, lex.boilerplate)}


def test_a_letterhead_over_a_four_line_address_is_kept_where_it_heads_the_next_page_too():
    """A trust's name over "Trust Headquarters / Queensbury General Hospital / Infirmary Road /
    Queensbury QZ9 7GH", and again as page 2's running header inside a sentence: a letterhead, not
    a header repeated on two pages (masked, its reply lost its writer and was held to every body's
    concerns)."""
    name = "Queensbury Hospitals NHS Foundation Trust"
    text = ("Yours sincerely\n\nDr Imogen Faraday-Singh\nAssistant Coroner\nPage 3 of 3\n\f" + name + "\nTrust "
            "Headquarters\nQueensbury General Hospital\nInfirmary Road\nQueensbury QZ9 7GH\n\nDear Dr Faraday-Singh\n"
            "We have looked at adding a mandatory field for the check, and our supplier has advised that\nPage 1 of 2\n"
            "\f" + name + "\na change to the existing system would take six to nine months to build and test.\n"
            "Yours sincerely\n\nProfessor Adaeze Lindqvist\nChief Executive\nPage 2 of 2\n")
    masked = mask_noise(text)
    assert ("\f" + name + "\nTrust Headquarters") in masked


@pytest.mark.parametrize("page", [
    # a date opening a wrapped line, a decimal above ("section 3.1"), no footnote marker glued to a word
    "As set out in section 3.1 of our action plan, the revised duty came into force on\n1 April 2027. All ward staff "
    "have completed the new training.\n   Page 2 of 4\n\fNext page\n",
    # a line running on into the next ("... will write to the" / "12 Trusts ..."), a paragraph number above
    "Under paragraph 2.12 of the report we met the boards in May and will write to the\n12 Trusts that have not "
    "replied by the end of the year.\n\fNext page\n",
    "We published version v1 of the guidance in January.\n1 The guidance will be revised by March.\n\f",
], ids=["a-date-after-a-decimal", "a-line-run-on-to", "a-list-item-under-a-version"])
def test_a_numbered_line_at_a_page_s_foot_that_no_marker_notes_is_kept(page, lex):
    """The guard (review): a decimal ("3.1", "2.12", "v1") is no footnote marker, a wrapped line that
    opens with a date or a count is the sentence's, and a list's item stays."""
    kept = [ln for ln in page.split("\n") if ln[:1].isdigit()]
    masked = {page[a:b] for a, b in noise_lines(page, lex.boilerplate)}
    assert not any(ln in masked for ln in kept)


def test_a_footnote_under_a_blank_line_below_a_paragraph_that_runs_on_is_furniture(lex):
    """"... return1, ..." / "... in the north-east and the" / blank / "1 Children looked after by ..." / blank / "2"."""
    note = "1 Children looked after by local authorities in England, year ending 31 March 2026."
    text = ("Dear Minister,\n\nThe council's annual placement return1, and the survey behind it, show that the number "
            "of children placed\nout of area rose by a fifth, most sharply in the north-east and the\n\n"
            f"{note}\n\n2\n\fsouth-west, where two in five placements are now more than twenty miles from home.\n\n"
            "Yours sincerely,\n\nAnna Bell\n")
    masked = [text[a:b] for a, b in noise_lines(text, lex.boilerplate)]
    assert note in masked
    assert not any("south-west" in m or "north-east" in m for m in masked)


def test_a_masked_line_keeps_the_form_feed_that_opens_its_page(lex):
    """A web page pasted after a letter opens "<form feed>[Skip to main content](#main)": the link is
    masked as page furniture, but its page still starts there (before, the form feed was masked with it)."""
    text = "Yours sincerely,\n\nDr Ben Okafor\n\n\f[Skip to main content](#main)\n\n**Royal College**\n"
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert "Skip" not in masked
    assert masked.index("\f") == text.index("\f")


def test_footnotes_under_a_rule_whose_markers_end_a_sentence_are_furniture(lex):
    """A coroner's report in pdftotext, its markers glued before a full stop ("... upright in a chair1.")
    and its footnotes under a rule of underscores at the page's foot: furniture (before, the rule above the
    first and the full stop after the marker kept them, and the numbered concerns stopped at them)."""
    first, second = "1 Statement of the ward manager, paragraph 14.", "2 Evidence of the consultant intensivist."
    text = ("5.3 The catheter was removed while he sat upright in a chair1. No dressing was applied.\n"
            "5.4 Staff did not recognise the signs of an air embolism2.\n_____________________\n"
            f"{first}\n{second}\nPage 1 of 2\n\f5.5 No national alert has been issued.\n")
    masked = {text[a:b] for a, b in noise_lines(text, lex.boilerplate)}
    assert first in masked and second in masked
    assert not any("5.5" in m for m in masked)


def test_a_printed_report_s_running_head_numbered_at_alternate_edges_is_furniture(lex):
    """pdftotext's raw text of a printed board response sets its running head with the page number at the
    outer edge: "... Board Response 3" closing a right-hand page, "4 Visitor Access ..." opening a left one.
    The two forms never repeated line for line, so the head stayed in the answers (before); a list item that
    opens with a number ("3 Visitor numbers rose ...") is still content."""
    head = "Visitor Access Review: Board Response"
    item = "3 Visitor numbers rose by a tenth over the summer months at the north gate."
    text = ("Recommendation 2\nThe Board should publish the figures each year.\n"
            f"The Board agrees and will publish them from the spring.\n{head} 3\n\f4 {head}\n"
            f"Recommendation 3\nThe Board should count visitors at each gate.\n{item}\n"
            "The Board accepts this and counts them already.\n"
            f"\fRecommendation 4\nThe Board should train the stewards.\nAgreed.\n{head} 5\n\f6 {head}\n"
            "Recommendation 5\nThe Board should open the west gate on Sundays.\nNot agreed.\n")
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert "Visitor Access" not in masked.replace(item, "")
    assert item in masked


# a coroner's Word form printed to text: boxed with underscores, each cell's words wrapped inside it
_UNDERSCORE_FORM = (
    " ____________________________________________________________________________\n"
    "| 2  | THIS REPORT IS BEING SENT TO:                                         |\n"
    "|    | 1. Fenmarsh Freight Ltd                                               |\n"
    "|    | 2. Marshside Borough Council                                          |\n"
    "|____|_______________________________________________________________________|\n"
    "| 5  | CORONER'S CONCERNS                                                    |\n"
    "|    | The MATTERS OF CONCERN are as follows:                                |\n"
    "|    | 5.1 Drivers were not told the height of the rail bridge on the        |\n"
    "|    |     diversion route. (To: Fenmarsh Freight Ltd)                       |\n"
    "|    | 5.2 The company's route planning software held no bridge heights.     |\n"
    "|    |     (To: Fenmarsh Freight Ltd)                                        |\n"
    "|    | 5.3 The warning signs before the bridge were hidden by trees.         |\n"
    "|    |     (To: Marshside Borough Council)                                   |\n"
    "|    | 5.4 The diversion was set up without a check of the route by any      |\n"
    "|    |     officer. (To: Marshside Borough Council)                          |\n"
    "|____|_______________________________________________________________________|\n"
    "| 6  | ACTION SHOULD BE TAKEN                                                |\n"
    "|    | In my opinion action should be taken to prevent future deaths.        |\n"
    "|____|_______________________________________________________________________|\n")


def test_an_underscore_boxed_form_is_unboxed_and_its_wrapped_concerns_read_whole(nlp, lex, settings):
    """A coroner's form printed to text with underscore rules (" ____" over its first row, "|____|____|" under
    each) is drawn with spaces, same length and line breaks: its rules blank, the bars at its column joints
    spaces, so each concern's wrapped line stays with it and 5.1 to 5.4 are read whole (before, the form was
    read as a pipe table, each wrapped line a paragraph of its own)."""
    from pipeline.layout import unbox_grid_tables

    text = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n" + _UNDERSCORE_FORM
            + "\nKaren Whitlow\nAssistant Coroner\n")
    out = unbox_grid_tables(text)
    assert [len(x) for x in out.split("\n")] == [len(x) for x in text.split("\n")]
    lines = out.split("\n")
    assert lines[2].strip() == "" and lines[6].strip() == "" and "|" not in out
    assert lines[7].rstrip() == "  5    CORONER'S CONCERNS"
    assert lines[10].rstrip() == "           diversion route. (To: Fenmarsh Freight Ltd)"
    state = extract(decode(text.encode(), "report.txt", settings), nlp, lex, settings)
    refs = [r for ls in state.letters for r in ls.refs if r.stated]
    assert [r.label for r in refs] == ["5.1", "5.2", "5.3", "5.4"]
    assert refs[3].text == "The diversion was set up without a check of the route by any officer. " \
                           "(To: Marshside Borough Council)"


def test_a_running_head_under_page_n_of_m_footers_is_furniture_without_form_feeds(lex):
    """A coroner's report copied from a PDF viewer has no form feeds: the line right under the footers "Page 1
    of 3" and "Page 2 of 3", "Regulation 28 – Mr Tobias Renwick" both times, is the running head and is masked
    (before, only form feeds told the pages apart, and the head stayed between the concerns). The guard: a
    sentence the report says twice, under no footer, is content."""
    head = "Regulation 28 – Mr Tobias Renwick"
    said = "The club told the inquest that no rescue boat was available that evening."
    text = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n"
            f"1. No rescue boat was on the water during the evening race on 3 May.\n{said}\n"
            f"Page 1 of 3\n{head}\n"
            f"2. The slipway had no lifebuoy or throwline on the day of the race.\n{said}\n"
            f"Page 2 of 3\n{head}\n"
            "3. The club had no written plan for recovering a capsized sailor.\n"
            "Page 3 of 3\n")
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert head not in masked and "Page 2 of 3" not in masked
    assert masked.count(said) == 2
    assert "2. The slipway had no lifebuoy" in masked


# a web page's table as w3m or elinks dumps it, drawn with box characters
_BOX_DRAWN = (
    "Our response to each recommendation\n\n"
    "┌────┬──────────────────────────────────┬──────────────┐\n"
    "│No. │Recommendation                    │Response      │\n"
    "├────┼──────────────────────────────────┼──────────────┤\n"
    "│1   │Publish the ferry timetable a     │Accepted.     │\n"
    "│    │month ahead of each season.       │              │\n"
    "├────┼──────────────────────────────────┼──────────────┤\n"
    "│2   │Add a second crossing on Sundays. │Not accepted. │\n"
    "└────┴──────────────────────────────────┴──────────────┘\n"
    "\nYours sincerely,\n")


def test_a_table_drawn_with_box_characters_is_unboxed_keeping_its_words_and_offsets():
    """A web page's response table dumped by w3m or elinks is drawn with "┌───┬───┐", "│1  │...│" and "├───┼───┤":
    its bars and rules become spaces, every line keeping its length and its line break, so each cell's words stay
    in their column and every offset still points at the file's own text (before, the box was left as it was)."""
    from pipeline.layout import unbox_grid_tables

    out = unbox_grid_tables(_BOX_DRAWN)
    assert [len(x) for x in out.split("\n")] == [len(x) for x in _BOX_DRAWN.split("\n")]
    box = "┌┬┐├┼┤└┴┘─│"
    assert not set(out) & set(box)
    assert out.split() == "".join(" " if ch in box else ch for ch in _BOX_DRAWN).split()
    lines = out.split("\n")
    assert lines[3].split() == ["No.", "Recommendation", "Response"]
    assert lines[5].split() == ["1", "Publish", "the", "ferry", "timetable", "a", "Accepted."]
    assert lines[6].split() == ["month", "ahead", "of", "each", "season."]
    assert lines[4].strip() == "" and lines[7].strip() == "" and lines[9].strip() == ""


def test_a_tick_box_form_keeps_only_the_option_ticked():
    """"Trust position: ☒ Accepted ☐ Partially accepted ☐ Not accepted" says "Accepted": the unticked options are
    the form's words, not the reply's, and are blanked, same length (before, all three status words were read and
    every answer came out partial). A line with one box, or with none ticked, offers no choice and is left alone."""
    from pipeline.layout import unchecked_options

    chosen = "Trust position: ☒ Accepted ☐ Partially accepted ☐ Not accepted"
    one_box = "☒ I confirm that this response has been approved by the Board."
    none_ticked = "Further action planned: ☐ Yes ☐ No"
    text = f"Recommendation 3\n{chosen}\n{one_box}\n{none_ticked}\n"
    out = unchecked_options(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert len(lines[1]) == len(chosen) and lines[1].rstrip() == "Trust position: ☒ Accepted"
    assert lines[2] == one_box and lines[3] == none_ticked
    assert unchecked_options(f"{none_ticked}\n") == f"{none_ticked}\n"


def test_the_sent_lines_of_an_outlook_print_opening_every_page_are_not_a_running_header(lex):
    """An Outlook print of a conversation opens each message's page with its header, "From:" / "Sent:" / "To:" /
    "Subject:", the To and Subject lines the same on every page and the dates alike but for their digits. The
    header is each message's own, not page furniture: its "Sent:" lines stay (before, they were masked as a
    running header, and the messages lost their headers and ran together). The page footers are still masked."""
    msgs = [("Tomasz Wren <t.wren@harbourtrust.example.org.uk>", "12 June 2025 09:12",
             "We have now fitted the new gates at the slipway."),
            ("Priya Caldwell <p.caldwell@ombudsman.example.org.uk>", "10 June 2025 14:40",
             "Thank you. Could you confirm when the gates will be fitted?"),
            ("Tomasz Wren <t.wren@harbourtrust.example.org.uk>", "6 June 2025 16:05",
             "We accept the recommendation to fit gates at the slipway."),
            ("Priya Caldwell <p.caldwell@ombudsman.example.org.uk>", "2 June 2025 11:27",
             "Please find attached our report, which makes two recommendations.")]
    text = "".join(f"\fFrom: {who}\nSent: {when}\nTo: Harbour Complaints <complaints@harbourtrust.example.org.uk>\n"
                   f"Subject: RE: Slipway access - our ref HT/2025/114\n\nDear colleague,\n\n{body}\n\n"
                   f"Kind regards,\n\n{who.split(' <')[0]}\nPage {n} of 4\n"
                   for n, (who, when, body) in enumerate(msgs, 1))
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert [ln for ln in masked.split("\n") if ln.startswith("Sent:")] == [f"Sent: {when}" for _, when, _ in msgs]
    assert masked.count("To: Harbour Complaints") == 4
    assert "Page 2 of 4" not in masked


def test_a_tab_separated_export_loses_the_quotes_round_its_cells_and_keeps_a_cell_s_paragraphs_together():
    """An action plan saved from a spreadsheet as tab-separated values quotes each cell that runs over lines, and
    a reply's answer of two paragraphs holds a blank line inside its cell: the quotes are blanked and the blank
    line's break becomes a space, so the cell reads as one answer and no blank line ends the row inside it; the
    tabs stand, same length (before, only comma-separated files were read and the file was left as it was)."""
    from pipeline.layout import untab_csv

    text = ("Ref\tRecommendation\tPriority\tResponse\tStatus\tOwner\n"
            "1\tKeep the ferry log online.\tHigh\t\"We agree. The log went online in May.\n\n"
            "The harbour master checks it each week.\"\tComplete\tHarbour Office\n"
            "2\tFit lights on the slipway.\tMedium\t\"Accepted.\n\nLights are due in the spring.\"\tOpen\tEstates\n")
    out = untab_csv(text)
    assert len(out) == len(text) and '"' not in out
    assert out.count("\t") == text.count("\t")
    lines = out.split("\n")
    assert lines[1] == "1\tKeep the ferry log online.\tHigh\t We agree. The log went online in May."
    assert "\n\n" not in out and out.count("\n") == text.count("\n") - 2
    assert lines[2] == " The harbour master checks it each week. \tComplete\tHarbour Office"
    assert lines[3] == "2\tFit lights on the slipway.\tMedium\t Accepted."
    assert lines[4] == " Lights are due in the spring. \tOpen\tEstates"


def test_a_google_docs_export_s_comment_and_footnote_anchors_are_blanked_and_its_notes_kept():
    """A Google Docs export sets the anchors of its comments and footnotes on the word they mark ("... ends its
    sentence.[a]", "... in 2023[1]") and the notes themselves at the file's end ("[a]Comment ...", "[1] Footnote
    ..."): the anchors are blanked, so the sentence ends where the page shows it, and the note lines are kept,
    same length (before, "[a]" and "[1]" stayed in the sentence)."""
    from pipeline.layout import unmark_anchors

    text = ("Dear Ms Hallam,\n\n"
            "The club joined the Open Water Swimming Association.[a] Its lifeguards hold the award,\n"
            "the last of which was renewed in 2023[1] and runs for three years.\n\nYours sincerely,\n\nPeter Lund\n\n"
            "[a]Check the date the club joined.\n[1] The award is renewed each spring.\n")
    out = unmark_anchors(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert "Swimming Association.    Its lifeguards" in out
    assert "renewed in 2023    and runs" in out
    assert out.endswith("[a]Check the date the club joined.\n[1] The award is renewed each spring.\n")


def test_bracketed_numbers_after_a_space_are_references_to_listed_items_and_not_anchors(nlp, lex, settings):
    """"Concerns [1] to [3] are for the Police" over the items "[1] ...", "[2] ...", "[3] ...": the numbers
    after a space name the items, and the items' own markers open their lines; none is a note's anchor, and the
    file reads as written (an anchor is set on the word it marks, with no space between)."""
    text = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
            "CORONER'S CONCERNS\n\nDuring the inquest the evidence revealed matters giving rise to concern.\n"
            "Concerns [1] to [3] are for the Police.\n\n"
            "[1] Officers did not attend the scene for two hours after the first call.\n"
            "[2] The call handler logged the call as a low priority.\n"
            "[3] No welfare check was made on the family that evening.\n\n"
            "ACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths.\n")
    state = extract(decode(text.encode(), "report.txt", settings), nlp, lex, settings)
    assert state.text == text


# a tribunal's decision whose lines Word numbers in the margin, from 1 on each page; wrapped lines among them
_MARGIN_PAGES = (
    ["THE TRIBUNAL'S DECISION", "The panel heard the appeal over two days in March.", "(a) The Council should set",
     "out the route of appeal in each letter it sends; and", "(b) The Council should tell each parent",
     "of the hearing date in writing.", "The panel found that the letters did not", "say how to appeal.",
     "It also found that no parent was told", "the date of the hearing in time.", "The panel allowed the appeal.",
     "It made no order for costs."],
    ["REASONS", "The Council accepted that its letters were", "unclear and that it would write them again.",
     "It told the panel that a new letter", "would be in use from the summer term.", "The panel was not told",
     "who would check the new letters.", "It asks the Council to say so", "in its reply to this decision.",
     "The parents were represented by", "a volunteer from the advice service.", "Signed by the Chair."])


def test_a_paper_s_margin_line_numbers_restarting_on_each_page_are_blanked():
    """A paper that numbers its lines in the margin ("  3          out the route of appeal ...") from 1 on each
    page, wrapped lines of its sentences among them: the numbers are blanked on both pages, so a wrapped line
    does not read as a numbered item; same length and line breaks (before, each line kept its number)."""
    from pipeline.layout import unnumber_margin

    text = "\f".join("".join(f"{n:>3}          {t}\n" for n, t in enumerate(page, 1)) for page in _MARGIN_PAGES)
    out = unnumber_margin(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n") and out.count("\f") == 1
    lines = [ln.lstrip("\f") for ln in out.split("\n") if ln.strip()]
    assert len(lines) == sum(len(p) for p in _MARGIN_PAGES)
    assert all(ln.startswith(" " * 13) for ln in lines)
    assert lines[3] == " " * 13 + "out the route of appeal in each letter it sends; and"
    assert lines[12] == " " * 13 + "REASONS"


def test_a_table_s_numbered_one_line_rows_keep_their_numbers(nlp, lex, settings):
    """A table of ten rows, one a line, "1   Training   Agreed   HR" down to "10  Reporting ...", counts up from
    1 as a margin does, but no row carries on a sentence from the row above: the numbers are the rows', and the
    file reads as written."""
    rows = ["Training", "Recruitment", "Supervision", "Records", "Audit", "Handover", "Escalation", "Equipment",
            "Staffing", "Reporting"]
    text = ("Action plan\n\n" + "".join(f"{n:<5} {r:<14} Agreed   HR\n" for n, r in enumerate(rows, 1)))
    state = extract(decode(text.encode(), "plan.txt", settings), nlp, lex, settings)
    assert state.text == text


def test_ligatures_pdfminer_wrote_as_glyph_numbers_are_spelt_out_and_nothing_after_them_moves():
    """pdfminer writes a Word PDF's "ti" and "tt" ligatures as glyph numbers, "Recommenda(cid:415)on" and
    "le(cid:425)er": they read "Recommendation" and "letter", padded to the same length so every offset after them
    still points at the file's own text; a glyph number it does not know, "(cid:999)", is left as it is (before,
    the words were read as written and "Recommendation" was never found)."""
    from pipeline.layout import unglyph_ligatures

    text = ("The Recommenda(cid:415)on and the le(cid:425)er of 4 May were sent to the board.\n"
            "The form (cid:999)B was not.\n")
    out = unglyph_ligatures(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.split()[:5] == ["The", "Recommendation", "and", "the", "letter"]
    for words in ("of 4 May were sent", "The form (cid:999)B was not."):
        assert out.index(words) == text.index(words)


def test_letter_spaced_headings_are_read_as_their_words_and_keep_their_length(lex):
    """A designed report's tracked-out headings come out of pdftotext a letter at a time: "R E C O M M E N D A T I
    O N S", "W H A T  I  F O U N D" (two spaces between words) and "G O V E R N M E N T R E S P O N S E" (the gaps
    between words lost). They read as their words, the spaces taken out padding the line, so no offset moves; a
    heading "RECOMMENDATION" over its number alone on the next line reads "RECOMMENDATION 1" (before, neither was
    read as a heading, and the list under it was not found)."""
    from pipeline.layout import unspace_headings

    text = ("G O V E R N M E N T R E S P O N S E\n\nThe Department thanks the Panel for its report.\n\n"
            "W H A T  I  F O U N D\n\nThe ferry timetable was not published.\n\n"
            "R E C O M M E N D A T I O N S\n\n"
            "R E C O M M E N D A T I O N\n1\n\nThe Department should publish the ferry timetable.\n")
    out = unspace_headings(text, lex.heading_words)
    assert len(out) == len(text)
    lines = out.split("\n")
    assert lines[0].rstrip() == "GOVERNMENT RESPONSE" and len(lines[0]) == len(text.split("\n")[0])
    assert lines[4].rstrip() == "WHAT I FOUND" and len(lines[4]) == len(text.split("\n")[4])
    assert lines[8].rstrip() == "RECOMMENDATIONS"
    assert lines[10].split() == ["RECOMMENDATION", "1"]
    assert out.index("The Department should publish") == text.index("The Department should publish")


def test_a_letter_spaced_heading_that_opens_its_page_is_read_after_the_form_feed(lex):
    """pdftotext starts each page with a form feed, and a designed report's chapter opens its page with its
    tracked-out heading: "<form feed>R E S P O N S E T O T H E R E C O M M E N D AT I O N S" reads as its words
    too, the form feed kept where it was."""
    from pipeline.layout import unspace_headings

    text = ("The Department thanks the Panel.\n\fR E S P O N S E T O T H E R E C O M M E N D AT I O N S\n"
            "Recommendation 1\nThe Department should publish the timetable.\n")
    out = unspace_headings(text, lex.heading_words)
    assert len(out) == len(text)
    assert out.split("\n")[1].rstrip() == "\fRESPONSE TO THE RECOMMENDATIONS"


def test_ordinary_capitals_and_short_runs_of_single_letters_are_not_letter_spaced_headings(nlp, lex, settings):
    """The guard: in a file that does set a heading letter-spaced, "S U M M A R Y  O F  F I N D I N G S", a line
    of ordinary capitals, "NHS BSA", and three single letters, "A B C" (fewer than five, so no tracked-out word),
    stay as written: only the spaced heading is rewritten."""
    text = ("Fenmoor Community Health Partnership\n\nS U M M A R Y  O F  F I N D I N G S\n\n"
            "The partnership reviewed the prescription service run for it by the NHS BSA.\n\n"
            "NHS BSA\n\nThe authority answered every query within a week.\n\n"
            "A B C\n\nThe three ward teams, A B C, kept their own lists.\n")
    state = extract(decode(text.encode(), "review.txt", settings), nlp, lex, settings)
    assert len(state.text) == len(text)
    lines = state.text.split("\n")
    assert lines[6] == "NHS BSA" and lines[10] == "A B C"
    assert "teams, A B C, kept" in state.text and "by the NHS BSA." in state.text


def test_numbers_set_as_circled_dingbats_read_as_their_digits():
    """A report numbers its recommendations with dingbats, "❶ Issue ...", and a reply names them "recommendations
    ❸ to ❽": each reads as its digit, one character for one, so "1 Issue" and "3 to 8" are found and no offset
    moves (before, the dingbats were left, and neither the item nor the range named a recommendation)."""
    text = "❶ Issue the revised pilotage guidance to every harbour.\nWe accept recommendations ❸ to ❽ in full.\n"
    out = unescape_numbers(text)
    assert len(out) == len(text)
    assert out.startswith("1 Issue the revised pilotage guidance")
    assert "recommendations 3 to 8 in full." in out


def test_a_row_of_options_none_ticked_in_a_form_that_ticks_elsewhere_is_blanked():
    """A council's response form ticks "☒ Accepted" under one recommendation and, under another, leaves "☐ Accepted
    ☐ Partially accepted ☐ Not accepted" with no box ticked: the writer chose none of those options, so the row's
    words are the form's and are blanked, same length (before, the row was kept, and "Not accepted" was read as
    the answer to a recommendation the council only noted)."""
    from pipeline.layout import unchecked_options

    chosen = "☒ Accepted ☐ Partially accepted ☐ Not accepted"
    none_ticked = "☐ Accepted ☐ Partially accepted ☐ Not accepted"
    text = (f"Recommendation 1 – publish the allotment waiting list\n{chosen}\nThe list is now online.\n"
            f"Recommendation 2 – open a second site at Mill Lane\n{none_ticked}\nThe Council notes this.\n")
    out = unchecked_options(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert lines[1].rstrip() == "☒ Accepted"
    assert lines[4] == " " * len(none_ticked)
    assert lines[5] == "The Council notes this."


def test_a_form_with_no_box_ticked_anywhere_is_left_as_it_is():
    """The guard: a blank form whose writer ticked no box at all, "☐ Accepted ☐ Partially accepted ☐ Not accepted"
    under each recommendation, says nothing about what was chosen: the file is left as it is (only a form whose
    writer ticked boxes elsewhere shows that an unticked row chose none of its options)."""
    from pipeline.layout import unchecked_options

    row = "☐ Accepted ☐ Partially accepted ☐ Not accepted"
    text = (f"Recommendation 1 – publish the allotment waiting list\n{row}\n"
            f"Recommendation 2 – open a second site at Mill Lane\n{row}\n")
    assert unchecked_options(text) == text


def test_an_unticked_yes_no_question_in_a_form_that_ticks_elsewhere_is_kept_and_an_unticked_status_row_blanked():
    """A council's response form ticks "☒ Accepted" under recommendation 1 and asks under it "Further action
    planned: ☐ Yes ☐ No" with neither box ticked; under recommendation 2 it leaves "☐ Accepted ☐ Partially
    accepted ☐ Not accepted" unticked. The question's options are no statuses: an unticked question is one the
    writer left open, and its words stay as written, while the unticked row of statuses chose none of them and is
    blanked (before, any line of unticked boxes was blanked, and the question lost its "Yes" and "No")."""
    from pipeline.layout import unchecked_options

    ticked = "☒ Accepted ☐ Partially accepted ☐ Not accepted"
    question = "Further action planned: ☐ Yes ☐ No"
    none_ticked = "☐ Accepted ☐ Partially accepted ☐ Not accepted"
    text = (f"Recommendation 1 – repair the footbridge at Orme Park\n{ticked}\n{question}\n"
            f"The bridge reopened in June.\n"
            f"Recommendation 2 – light the towpath\n{none_ticked}\nThe Council notes this.\n")
    out = unchecked_options(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert lines[1].rstrip() == "☒ Accepted"
    assert lines[2] == question
    assert lines[5] == " " * len(none_ticked)


def test_a_letter_spaced_running_footer_over_its_page_number_is_no_recommendation_label(lex):
    """A designed report's running footer, letter-spaced "R E C O M M E N D A T I O N", sits over its page number
    "5" at the foot of a page, just before the form feed; on the next page the same heading stands over "1" and
    the recommendation's text. The footer reads as its word and stays two lines, no "RECOMMENDATION 5" label made
    of a page number, while the heading over "1" followed by its text is joined, "RECOMMENDATION 1" (before, the
    footer and its page number were joined into a label too)."""
    from pipeline.layout import unspace_headings

    text = ("Recommendation 4 asked the Trust to publish its waiting times, and it now does so each month.\n\n"
            "R E C O M M E N D A T I O N\n5\n\f"
            "Outpatient waiting times review\n\n"
            "R E C O M M E N D A T I O N\n1\n\nThe Trust should publish its waiting times every month.\n")
    out = unspace_headings(text, lex.heading_words)
    assert len(out) == len(text) and out.count("\n") == text.count("\n") - 1  # only the heading's break a space
    lines = out.split("\n")
    assert lines[2].rstrip() == "RECOMMENDATION" and lines[3] == "5"
    assert lines[6].split() == ["RECOMMENDATION", "1"] and lines[7] == ""
    assert out.index("The Trust should publish") == text.index("The Trust should publish")


def _read(text: str, nlp, lex, settings) -> str:
    """The text the pipeline reads from a file holding ``text``, once its layout is undone."""
    return extract(decode(text.encode(), "reply.txt", settings), nlp, lex, settings).text


def test_a_tracked_change_draft_is_read_with_its_changes_accepted_and_its_comments_gone(nlp, lex, settings):
    """pandoc's "--track-changes=all" keeps a Word draft's changes as marks: "[We will recruit two nurses.]{.deletion
    ...}" then "[Staffing will be considered next year.]{.insertion ...}", and a reviewer's comment "[Can we soften
    this?]{.comment-start ...}" before "The Board agrees." and "[]{.comment-end ...}" after it. A user relies on the
    reply being read for what the body now says: the deleted promise and the comment are blanked, the inserted words
    and "The Board agrees." stay, same length and same line breaks (before, the marks and the deleted words were
    read as the reply's own)."""
    text = ("Dear Ms Hale,\n\nThank you for the Panel's report on Rowan Ward.\n\n"
            '[We will recruit two nurses.]{.deletion author="A. Grey" date="2024-08-14T09:12:00Z"}'
            '[Staffing will be considered next year.]{.insertion author="A. Grey"\ndate="2024-08-14T09:13:00Z"}\n\n'
            '[Can we soften this?]{.comment-start id="0" author="B. Lowe" date="2024-08-15T10:00:00Z"}'
            'The Board agrees.[]{.comment-end id="0"}\n\nYours sincerely,\n\nAnna Grey\nChief Executive\n')
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for gone in ("recruit two nurses", "soften this", "{.", "]{", "author=", "date="):
        assert gone not in out, gone
    assert "Staffing will be considered next year." in out and "The Board agrees." in out
    assert out.index("The Board agrees.") == text.index("The Board agrees.")


def test_ordinary_square_brackets_in_a_reply_are_no_tracked_changes(nlp, lex, settings):
    """The guard: a reply that quotes "was unsafe [sic] at night" and cites "its report [1]" has square brackets but
    no pandoc change marks after them, "{.insertion ...}": the text is read exactly as written (only a bracket
    followed by a change's or a comment's mark is a tracked change)."""
    text = ('Dear Ms Hale,\n\nThe Panel wrote that the ward "was unsafe [sic] at night", and we accept the findings '
            "set out in its report [1] in full.\n\nYours sincerely,\n\nAnna Grey\nChief Executive\n")
    assert _read(text, nlp, lex, settings) == text


def test_soft_hyphens_and_zero_width_spaces_copied_from_a_web_page_are_read_as_the_page_shows_them(nlp, lex, settings):
    """A reply copied from a web page keeps characters the page never shows: soft hyphens inside
    "Recom\\u00admen\\u00addation 6" and a zero-width space in "GTC\\u200bScotland". A user relies on the heading
    being found as "Recommendation 6": the word reads whole from the same start, the characters taken out padding
    its end, and the zero-width space is taken out as the page shows it, as nothing; same length (before, neither
    word was read as written on the page)."""
    text = ("Dear Ms Hale,\n\nRecom\u00admen\u00addation 6\n\n"
            "The GTC\u200bScotland register will be checked for every new teacher.\n\n"
            "Yours sincerely,\n\nAnna Grey\nChief Executive\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    at = text.index("Recom")
    assert out[at:at + len("Recommendation")] == "Recommendation"
    assert out.split("\n")[2].split() == ["Recommendation", "6"]
    assert "The GTCScotland  register" in out  # (the mark taken out pads the word's end)
    assert "\u00ad" not in out and "\u200b" not in out


def test_a_line_holding_only_a_zero_width_space_is_left_as_it_is(nlp, lex, settings):
    """The guard: Outlook on the web leaves a lone zero-width space on a line between a message's header fields. It
    stands between no two words, so the line keeps it and does not become a blank line that would part the header's
    fields (only a zero-width space inside a word is taken out of it)."""
    text = ("From: Anna Grey <anna.grey@rowan.example>\n\u200b\nSent: 3 May 2024 10:00\n"
            "To: Rowan Panel <panel@rowan.example>\nSubject: Rowan Ward report\n\n"
            "Dear Ms Hale,\n\nThe Board accepts the Panel's report in full.\n\nKind regards,\n\nAnna Grey\n")
    out = _read(text, nlp, lex, settings)
    assert out.split("\n")[1] == "\u200b"
    assert out == text


_ANSWER_TABLE_ROWS = [
    "Concern", "Action taken / planned", "Lead", "Target date", "Status",
    "1", "The pharmacy team has rewritten the discharge checklist so that every patient leaving the ward on "
         "anticoagulants is given a written dosing plan.",
    "Chief Pharmacist", "March 2024", "Complete",
    "2", "Ward managers now audit a sample of ten discharges every month and report the results to the medicines "
         "safety group for review.",
    "Director of Nursing", "June 2024", "In progress"]
# a trust's reply whose action table docx2txt writes a cell a paragraph, a blank line between cells
ANSWER_TABLE_REPLY = ("Riverside Community NHS Trust\nTrust Headquarters\nRiverside\nRV2 6HG\n\n21 February 2024\n\n"
                      "Dear Mrs Whitlock,\n\nThank you for your report following the inquest into the death of Mr "
                      "Weir. Our actions against each of your concerns are set out in the table below.\n\n"
                      + "\n\n".join(_ANSWER_TABLE_ROWS) + "\n\nYours sincerely,\n\nDr Jane Doe\nChief Nurse\n")


def test_the_row_numbers_of_an_answer_table_a_cell_a_paragraph_are_not_page_numbers():
    """docx2txt writes a reply's action table a cell a paragraph: "Concern" / "Action taken / planned" / "Lead" /
    "Target date" / "Status", then "1", the answer's long sentence, its lead, date and status, then "2" and the next
    row. "1" and "2" number the rows, the concerns they answer; a user relies on them being kept, not masked as page
    numbers (before, a row whose first cell is a long answer was taken for prose under a page number)."""
    text = ANSWER_TABLE_REPLY
    masked = [text[a:b].strip() for a, b in noise_lines(text)]
    assert "1" not in masked and "2" not in masked, masked
    assert mask_noise(text) == text


def test_a_lone_number_between_paragraphs_of_prose_with_no_table_header_is_still_a_page_number():
    """The guard: with no table's header above it, "2" between two paragraphs of prose is the page's number, whether
    the page breaks after a sentence or in the middle of one, before a name: it is masked as before (only a number
    under a header's cells, or the row after the last one read, numbers a row whose first cell is prose)."""
    after_sentence = ("Thank you for your report. The Trust has reviewed its discharge process in detail and has "
                      "made changes to it.\n\n2\n\nThe ward now audits a sample of discharges every month and reports "
                      "the results to the Board.\n")
    mid_sentence = ("The learning from this review will be shared with staff across the Trust and with\n"
                    "our partners in the\n\n2\n\nRiverside Integrated Care Board, who commission the discharge "
                    "service and will monitor it.\n")
    for text in (after_sentence, mid_sentence):
        assert [text[a:b].strip() for a, b in noise_lines(text)] == ["2"], text


def test_a_box_drawn_table_opening_a_page_is_unboxed_and_keeps_its_form_feed():
    """pdftotext opens each page with a form feed, and a box-drawn table at a page's top has it before its top rule,
    "\\f ┌────┬──────────┐", then rows " │ 5  │ CONCERNS │" ... " └────┴──────────┘". A user relies on the rows
    being read as their words: the bars go from every row, the page break stays where it was, same length (before,
    the table whose rule opened a page was left boxed)."""
    from pipeline.layout import unbox_grid_tables

    text = ("The report's sections are set out below.\n"
            "\f ┌────┬──────────────────────┐\n"
            " │ 5  │ CORONER'S CONCERNS   │\n"
            " ├────┼──────────────────────┤\n"
            " │ 6  │ ACTION SHOULD BE     │\n"
            " │    │ TAKEN                │\n"
            " └────┴──────────────────────┘\n"
            "End of the table.\n")
    out = unbox_grid_tables(text)
    assert len(out) == len(text)
    assert [len(x) for x in out.split("\n")] == [len(x) for x in text.split("\n")]
    lines = out.split("\n")
    assert lines[1].startswith("\f") and lines[1].strip() == ""
    assert not set(out) & set("┌┬┐├┼┤└┴┘─│")
    assert lines[2].split() == ["5", "CORONER'S", "CONCERNS"]
    assert lines[4].split() == ["6", "ACTION", "SHOULD", "BE"] and lines[5].split() == ["TAKEN"]
    assert out.index("CORONER'S CONCERNS") == text.index("CORONER'S CONCERNS")


def test_a_zero_width_space_inside_a_heading_s_word_is_taken_out_as_a_soft_hyphen_is(nlp, lex, settings):
    """A reply copied from a web page keeps a zero-width space the page set inside a word, "Re\\u200bcommendation 3",
    where it shows nothing. A user relies on the heading being read as the page shows it: "Recommendation" whole
    from the same start, the mark taken out padding the word's end, so "Recommendation 3" heads the answer under
    it; same length (before, the mark became a space, and "Re commendation 3" was no heading)."""
    text = ("Dear Mr Quayle,\n\nThank you for the Board's review of the Larkfield walk-in centre.\n\n"
            "Re\u200bcommendation 3\n\nThe walk-in centre will stay open until 10pm on weekdays from October.\n\n"
            "Yours sincerely,\n\nRuth Carne\nDirector of Operations\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    at = text.index("Re\u200bcommendation")
    assert out[at:at + len("Recommendation")] == "Recommendation"
    assert out.split("\n")[4].split() == ["Recommendation", "3"]
    assert "\u200b" not in out


def test_a_form_s_number_field_under_its_label_is_read_on_the_label_s_line(nlp, lex, settings):
    """pdftotext reads a form one field a line: "Recommendation number" over its value "3", "Concern no." over "2". A
    user relies on the number keying the answer as the form shows it, "Recommendation number 3" on one line (the
    line break read as a space), not a bare "3" under its label read as a page's number; same length (before, the
    label and its value stayed two lines, the number alone on its own)."""
    text = ("\fRecommendation number\n3\nRecommendation\nThe Board should publish its dental rota online every week.\n"
            "Concern no.\n2\nConcern\nPatients were not told the time of their appointment.\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    lines = [ln.strip("\f ") for ln in out.split("\n")]
    assert "Recommendation number 3" in lines and "Concern no. 2" in lines, lines
    assert "3" not in lines and "2" not in lines, lines
    from pipeline.layout import unstack_fields

    assert unstack_fields(text) == text.replace("number\n3", "number 3").replace("no.\n2", "no. 2")


def test_a_field_label_over_prose_and_a_bare_number_under_a_sentence_keep_their_lines(nlp, lex, settings):
    """The guard: "Recommendation number" over "The Board should ..." (no number under it) and a bare "3" under an
    ordinary sentence are no form's number field: a user relies on their lines being read as they are, every line
    break where it was (only a number field's label over a number alone on its line is read as one line)."""
    text = ("Dear Dr Hale,\n\nThe form we were sent has a box headed\nRecommendation number\n"
            "The Board should publish its dental rota online every week.\n\n"
            "The rota has been on the Board's website since March and is updated every Friday\n3\n"
            "Yours sincerely,\n\nGlenys Parry\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert "Recommendation number" in out.split("\n")


def test_a_fake_bold_heading_and_status_line_are_read_once_in_place(nlp, lex, settings):
    """pdfminer gives a heading set in fake bold with every character struck twice: "RReeccoommmmeennddaattiioonn  44"
    over "GGoovveerrnnmmeenntt  rreessppoonnssee::  NNoott  aacccceepptteedd". A user relies on the label and the status
    being read as the paper prints them, "Recommendation 4" and "Government response: Not accepted", each line's
    freed characters padding its end, so no offset after it moves (before, both stayed doubled letters: no
    label and no status)."""
    text = ("Our response to the Committee's fourth recommendation follows.\n\n"
            "RReeccoommmmeennddaattiioonn  44\n\n"
            "GGoovveerrnnmmeenntt  rreessppoonnssee::  NNoott  aacccceepptteedd\n\n"
            "The Department will not fund a second inspection of each ferry.\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert [len(x) for x in out.split("\n")] == [len(x) for x in text.split("\n")]
    lines = out.split("\n")
    assert lines[2].rstrip() == "Recommendation 4" and lines[4].rstrip() == "Government response: Not accepted"
    assert lines[2].startswith("Recommendation") and lines[4].startswith("Government")
    assert out.index("The Department will not") == text.index("The Department will not")
    assert lines[0] == text.split("\n")[0]
    from pipeline.layout import undouble_bold

    assert undouble_bold(text) == out  # (the layout function alone reads it so)


@pytest.mark.parametrize("line", [
    pytest.param("The bookkeeper keeps the accounts of the harbour trust.", id="bookkeeper"),
    pytest.param("aa bb", id="short-doubled-words-only"),
    pytest.param("RReeccoommmmeennddaattiioonn 5 was accepted in full", id="doubled-and-plain-words"),
])
def test_a_line_that_is_not_all_fake_bold_keeps_its_letters(line, nlp, lex, settings):
    """The guard: "bookkeeper" has its own double letters, "aa bb" is doubled only in short pairs that may be real,
    and a line that mixes a doubled word with plain ones ("... 5 was accepted in full") is no fake-bold line. A user
    relies on each being read with every letter it has (only a line whose every word is doubled, one of them long,
    is written once)."""
    text = ("Dear Mr Tolley,\n\nThe minutes of the harbour board record the following line.\n\n"
            f"{line}\n\nThe board will meet again in May.\n\nYours sincerely,\n\nNerys Vaughan\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert line in out.split("\n"), out


def test_an_html_table_in_markdown_reads_as_the_label_over_its_recommendation(nlp, lex, settings):
    """A Markdown export leaves a table with merged cells as HTML: "<table>" / "<tr>" / "<td>Recommendation 2<br>The
    Department should ...</td>" / "</tr>" / "</table>", the answer under it. A user relies on the box reading as its
    label over the recommendation: each tag is spaces, "<br>" a line break, every other character where it was and
    the answer where it was (before, the tags were read as words and the label was no heading)."""
    text = ("## Our response\n\n<table>\n<tr>\n"
            "<td>Recommendation 2<br>The Department should survey the silting of tidal berths each year.</td>\n"
            "</tr>\n</table>\n\nWe do not accept this recommendation.\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert "<" not in out and ">" not in out
    lines = [ln.strip() for ln in out.split("\n")]
    at = lines.index("Recommendation 2")
    assert lines[at + 1] == "The Department should survey the silting of tidal berths each year."
    assert lines[at - 2:at] == ["", ""] and lines[at + 2:at + 4] == ["", ""]
    assert out.index("Recommendation 2") == text.index("Recommendation 2")
    assert out.index("We do not accept") == text.index("We do not accept")
    assert out.count("\n") == text.count("\n") + 1  # (the "<br>" is the one new line break)
    from pipeline.layout import untag_html_tables

    assert untag_html_tables(text) == out  # (the layout function alone reads it so)


@pytest.mark.parametrize("line", [
    pytest.param("We use <b>bold</b> type for the actions that are overdue.", id="bold-tag"),
    pytest.param("The test is whether a < b > c for every berth in the survey.", id="angle-brackets"),
])
def test_markup_that_is_no_html_table_is_kept(line, nlp, lex, settings):
    """The guard: a "<b>" tag in prose and a comparison written "a < b > c" are no table's markup. A user relies on
    each line being read as it is (only a table's "<table>", "<tr>", "<td>" and the "<br>" in its cells go)."""
    text = f"Dear Ms Arkell,\n\nThank you for the survey of the berths.\n\n{line}\n\nYours sincerely,\n\nIvo Penrice\n"
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert line in out.split("\n"), out


def test_html_entities_from_a_web_export_are_read_as_the_characters_they_stand_for(nlp, lex, settings):
    """A CMS export leaves characters as HTML entities: "the Trust&#8217;s response", "Hollins &amp; Vane",
    "&ldquo;Call for Concern&rdquo;". A user relies on the words being read as the page shows them ("Trust’s",
    "&", the quotation marks), each word where it started and padded at its end, so no offset moves (before, the
    entities cut the words apart, and "the Trust’s response" was not read as one)."""
    text = ("I enclose the Trust&#8217;s response, drafted with Hollins &amp; Vane, to the report "
            "&ldquo;Call for Concern&rdquo; of May.\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert out.index("Trust’s") == text.index("Trust&#8217;s")
    assert out[text.index("Trust&#8217;s"):text.index(" response")] == "Trust’s" + " " * (len("&#8217;") - 1)
    assert out[text.index("&amp;"):text.index(" Vane")] == "&    "
    assert out[text.index("&ldquo;"):text.index(" for Concern")] == "“Call" + " " * (len("&ldquo;") - 1)
    assert out[text.index("Concern&rdquo;"):text.index(" of May")] == "Concern”" + " " * (len("&rdquo;") - 1)
    assert "&#" not in out and "&amp;" not in out and "&ldquo;" not in out
    from pipeline.layout import unescape_entities

    assert unescape_entities(text) == out  # (the layout function alone reads it so)


@pytest.mark.parametrize("line", [
    pytest.param("The R&D budget was cut by a tenth.", id="R&D"),
    pytest.param("We held a Q&A session; next year there will be two.", id="Q&A-then-semicolon"),
    pytest.param("Our supplier is AT&T; its contract ends in March.", id="AT&T;"),
    pytest.param("The map is at https://maps.example.org/find?area=north&region=west&copy=2 on our site.",
                 id="address-with-query"),
])
def test_an_ampersand_that_opens_no_entity_is_kept(line, nlp, lex, settings):
    """The guard: "R&D", "Q&A session; next", "AT&T;" and a web address's query, "?area=north&region=west&copy=2",
    hold an ampersand that opens no entity a CMS wrote (an HTML reader would take "&region" for "®ion" and "&copy"
    for "©"). A user relies on each line being read as written (only a whole entity, closed by its semicolon, is
    a character)."""
    text = f"Dear Mr Oduya,\n\nThank you for your letter.\n\n{line}\n\nYours sincerely,\n\nLeah Stroud\n"
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert line in out.split("\n"), out


def test_a_merged_cell_repeated_in_every_cell_of_its_row_is_read_once(nlp, lex, settings):
    """python-docx gives a Word table's merged cell as its words in every cell of the row: "Basic Allowance<tab>Basic
    Allowance<tab>Basic Allowance". A user relies on the row reading as the one title it is, its first cell kept and
    the repeats spaces, the rows round it as they were and no offset moved (before, the title was three cells)."""
    text = ("No.\tRecommendation\tResponse\n"
            "Basic Allowance\tBasic Allowance\tBasic Allowance\n"
            "1\tThat the Basic Allowance rise by 4 per cent.\tAgree\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    lines = out.split("\n")
    assert lines[1] == "Basic Allowance" + " " * (len(text.split("\n")[1]) - len("Basic Allowance"))
    assert lines[0] == text.split("\n")[0] and lines[2] == text.split("\n")[2]
    from pipeline.layout import unrepeat_merged_cells

    assert unrepeat_merged_cells(text) == out  # (the layout function alone reads it so)


@pytest.mark.parametrize("row", [
    pytest.param("Yes\tYes", id="two-short-cells"),
    pytest.param("1\tAgree\tAgree", id="number-then-two-answers"),
])
def test_a_row_of_short_answers_or_one_that_differs_is_no_merged_cell(row, nlp, lex, settings):
    """The guard: two cells that each say "Yes" may be two answers, and a row "1<tab>Agree<tab>Agree" has its own
    number in its first cell. A user relies on each cell being read (only a row whose every cell repeats the same
    words, two of them or more where the row has only two cells, is one merged cell)."""
    text = ("Dear Cllr Moss,\n\nThe table below gives our answers.\n\n"
            f"Item\tPanel\tCouncil\n{row}\n\nYours sincerely,\n\nRuth Denby\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert row in out.split("\n"), out


def test_line_and_paragraph_separators_of_a_word_export_read_as_line_breaks(nlp, lex, settings):
    """A Mac's text export of a Word file breaks the lines inside a paragraph with U+2028 and its paragraphs with
    U+2029, and Word's manual line break comes out as a vertical tab. A user relies on each being read as the line
    break it shows, every other character where it was, so a label, its quote and its status stand on lines of their
    own (before, the paragraph was one line and the status was lost inside it)."""
    text = ("Recommendation 1\u2028The Harbour Board should publish its berth charges each April.\u2029"
            "Response:\x0bAccepted\u2029The charges for 2025 were published on 1 April.\u2029")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert out.split("\n")[:5] == ["Recommendation 1", "The Harbour Board should publish its berth charges each April.",
                                   "Response:", "Accepted", "The charges for 2025 were published on 1 April."], out
    from pipeline.layout import unseparate_lines

    assert unseparate_lines(text) == text.translate({0x2028: "\n", 0x2029: "\n", 0x0B: "\n"})


_SEPARATED_PAPER = "".join(
    f"Recommendation {n}\u2028The Department should {ask}\nResponse: {status}\n{answer}\u2029"
    for n, ask, status, answer in [
        (1, "publish a national standard for rural bus timetables.", "Accept",
         "We will publish the standard in the spring, after consulting the operators."),
        (2, "fund a demand-responsive bus service in every rural county.", "Reject",
         "We do not accept this recommendation. Funding for local services is a matter for each transport "
         "authority."),
        (3, "review the concessionary fare scheme within a year.", "Accept",
         "We will review the scheme and report to the Committee by next summer."),
    ])


def test_a_response_paper_broken_by_line_separators_takes_each_stance_from_its_own_response_line(tmp_path, settings,
                                                                                                 nlp):
    """A government response exported from Word on a Mac: "Recommendation 1<U+2028>The Department should ...", then
    "Response: Accept" and the answer, each recommendation's block closed by U+2029. A user relies on each
    recommendation's stance coming from its own "Response:" line (before, the label and the quote ran together on one
    line and the stances were read from the wrong words: noted, accepted, partially addressed)."""
    from pipeline.run import run_corpus

    text = ("Government Response to the Transport Committee's Report on Rural Bus Services\u2029"
            "The Government welcomes the Committee's report and responds to each recommendation below.\u2029"
            + _SEPARATED_PAPER)
    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    rows = {s["label"]: s for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert {lab: r["stance"] for lab, r in rows.items()} == {"1": "accepted", "2": "rejected", "3": "accepted"}, rows
    assert all((r["evidence"] or "").startswith("Response: ") for r in rows.values()), rows


_PIPE_QUOTED = ("On Tue, 18 Feb 2025 at 16:20, Standards Secretariat wrote:\n"
                "| Dear Mr Okafor,\n"
                "|\n"
                "| Please find attached the Commission's letter about the handling of councillor complaints, which "
                "makes three recommendations to the Council.\n"
                "|\n"
                "| Yours sincerely,\n"
                "|\n"
                "| Priya Lal\n"
                "| Standards Secretariat\n")


def test_a_message_quoted_with_pipes_under_its_wrote_line_reads_as_a_quote(nlp, lex, settings):
    """Some mail programs set the message a reply quotes off with "|" rather than ">": "On Tue, 18 Feb 2025 at 16:20,
    Standards Secretariat wrote:" over "| Dear Mr Okafor," / "|" / "| Please find attached ...". A user relies on
    those lines reading as the "> " quote they are, each "|" a ">" where it stood (same length, same line breaks),
    so the quoted greeting is part of the reply, not a letter of its own."""
    text = "Kind regards,\n\nDaniel Okafor\n\n" + _PIPE_QUOTED
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    lines, given = out.split("\n"), text.split("\n")
    assert lines[5:8] == ["> Dear Mr Okafor,", ">", "> " + given[7][2:]], lines
    assert all(ln == (">" + g[1:] if g.startswith("|") else g) for ln, g in zip(lines, given)), lines
    from pipeline.layout import unpipe_quotes

    assert unpipe_quotes(text) == out  # (the layout function alone reads it so)


def test_a_markdown_table_under_a_wrote_line_keeps_its_pipes(nlp, lex, settings):
    """The guard: under the same "On ..., Standards Secretariat wrote:" line, a Markdown table, "| Recommendation |
    Response |" / "| --- | --- |" / "| 1 | Accepted |": its rows open and close with "|" and are a table's cells, not
    a quote. A user relies on every row being read as written (only lines that "|" opens alone are a quote)."""
    table = "| Recommendation | Response |\n| --- | --- |\n| 1 | Accepted |\n| 2 | Not accepted |\n"
    text = ("Please see our answers below.\n\nOn Tue, 18 Feb 2025 at 16:20, Standards Secretariat wrote:\n" + table
            + "\nKind regards,\n\nDaniel Okafor\n")
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert table in out, out
    assert ">" not in out


def test_a_holding_reply_s_pipe_quoted_covering_note_starts_no_segment(tmp_path, settings, nlp):
    """A council's holding e-mail ("we will send our full response by the end of March") quotes the Secretariat's
    covering note under it, set off by "|", then the council's web page answers the Commission's three recommendations
    by topic. A user relies on two segments, the e-mail and the page, both replies: the quoted "| Dear Mr Okafor," is
    the e-mail's own trail (before, it started a letter of its own between them)."""
    from pipeline.run import run_corpus

    mail = ("From: Daniel Okafor <d.okafor@harbridge.gov.uk>\nSent: 20 February 2025 09:12\n"
            "To: Standards Secretariat <secretariat@standards.example.org.uk>\n"
            "Subject: RE: Letter from the Standards Commission - councillor complaints\n\n"
            "Dear Secretariat,\n\nThank you for sending the Commission's letter. The Council will send its full "
            "response by the end of March, once the Monitoring Officer has reported to the Standards Committee.\n\n"
            "Kind regards,\n\nDaniel Okafor\nDemocratic Services Manager\n\n" + _PIPE_QUOTED + "\n")
    page = ("# Harbridge Borough Council: our response to the Standards Commission\n\nPublished: 28 March 2025\n\n"
            "## Publishing complaint outcomes\n\nWe accept the Commission's first recommendation. Outcomes of "
            "complaints about councillors are now published on our website each quarter.\n\n"
            "## Training for councillors\n\nWe accept the second recommendation. Every councillor will complete "
            "training on the code of conduct by June.\n\n"
            "## An independent person\n\nWe do not accept the third recommendation. The Council already appoints two "
            "independent persons.\n")
    text = mail + page
    (tmp_path / "thread.txt").write_text(text, encoding="utf-8")
    letters = sorted(run_corpus(tmp_path, settings, nlp).tables["letters"].to_pylist(), key=lambda r: r["index"])
    assert [(r["kind"], r["char_start"]) for r in letters] == [("reply", 0), ("reply", len(mail))], letters


def test_a_rotated_column_heading_set_a_letter_a_line_is_blanked(nlp, lex, settings):
    """pdftotext -layout prints a landscape table's rotated heading one letter a line in its column, "s" / "u" / "t" /
    "a" / "t" / "S" over the header line. A user relies on those letters being blanked, each line keeping its length
    and every other word where it was, so the header line opens the table as any other table's does (before, the
    letters were read as lines of the page above the header)."""
    rotated = [" " * 60 + ch for ch in "sutatS"]
    header = "No.   Recommendation                            Lead officer"
    row = "1     Review the falls risk tool each quarter   Matron"
    text = "The table below sets out our recommendations.\n\n" + "\n".join(rotated + [header, row]) + "\n"
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert [len(x) for x in out.split("\n")] == [len(x) for x in text.split("\n")]
    lines = out.split("\n")
    assert all(not ln.strip() for ln in lines[2:8]), lines[2:8]
    assert lines[8:10] == [header, row]
    from pipeline.layout import unrotate_headings

    assert unrotate_headings(text) == out  # (the layout function alone reads it so)


@pytest.mark.parametrize("paragraph", [
    pytest.param("When  the  Panel  met  in  May  I  asked  what  the  Trust\n"
                 "had  done  since  his  falls,   a  nurse  now  leads  on\n"
                 "falls.  On  my  visit  in  May  I  saw  the  new  checks.\n", id="justified-one-letter-words"),
    pytest.param("The Panel asked what the Trust had done, and\nI\nam glad to report that each ward now has\na\n"
                 "named nurse for falls.\n", id="lone-words-under-words"),
])
def test_one_letter_words_at_one_column_of_a_paragraph_are_kept(paragraph, nlp, lex, settings):
    """The guard: in a justified paragraph from pdftotext -layout the words "I", "a" and "I" may stand at one
    column on consecutive lines, two spaces either side; in a ragged one "I" and "a" may end up alone on their lines,
    under words that start at the same column. A user relies on every word being read (only letters that stand
    apart from any word, one under the other on three lines or more with one of them alone on its line, are a
    rotated heading)."""
    text = f"Dear Mrs Pemberton,\n\n{paragraph}\nYours sincerely,\n\nHelen Marsh\n"
    out = _read(text, nlp, lex, settings)
    assert len(out) == len(text)
    assert paragraph in out, out


def _rotated_table_letter() -> str:
    """A panel's letter as pdftotext -layout gives it: its recommendations in a table whose "Priority" heading is
    rotated, a letter a line over the header, a blank line between rows; then the trust's reply to two of them."""
    cols = [0, 6, 53, 75, 90]

    def line(*cells: str) -> str:
        s = ""
        for c, x in zip(cols, cells):
            s = s.ljust(c) + x
        return s.rstrip()

    rows = [("1", "The Trust should audit the use of its falls", "risk tool on every ward each quarter.",
             "Director of Nursing", "March 2025", "High"),
            ("2", "The Trust should provide a low bed for each", "patient at high risk of falling.",
             "Estates Manager", "June 2025", "Medium"),
            ("3", "The Trust should train its night staff in", "the post-fall protocol.",
             "Practice Educator", "May 2025", "High")]
    table = [" " * cols[4] + ch for ch in "ytiroirP"]
    table.append(line("No.", "Recommendation", "Lead officer", "Target completion date"))
    for n, first, second, lead, date, priority in rows:
        table += ["", line(n, first, lead, date, priority), line("", second)]
    return ("Dear Dr Marsh,\n\nThe Panel has completed its review of falls at Elmstead Hospital. Our recommendations "
            "to the Trust\nare set out in the table below.\n\n" + "\n".join(table) + "\n\n"
            "Please send the Trust's response by 5 April 2025.\n\nYours sincerely,\n\nJune Pemberton\nPanel Chair\n\n"
            "Dear Mrs Pemberton,\n\nThank you for the Panel's report on falls.\n\n"
            "Recommendation 1\nWe accept this recommendation. The first audit was completed in June.\n\n"
            "Recommendation 3\nWe accept this recommendation. Training began in May.\n\n"
            "Yours sincerely,\n\nDr Helen Marsh\nChief Nurse\n")


def test_a_letter_s_table_under_a_rotated_heading_states_its_recommendations(tmp_path, settings, nlp):
    """The same rotated heading over a letter's table of recommendations ("No.   Recommendation   Lead officer
    Target completion date", a row a paragraph), then the trust's reply answering recommendations 1 and 3. A user
    relies on the table's rows being the letter's three recommendations, each with its words, so that 2, which the
    reply passes over, is not addressed (before, the letters hid the header and the rows were read as nothing: 2
    had no stance at all)."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(_rotated_table_letter(), encoding="utf-8")
    tables = run_corpus(tmp_path, settings, nlp).tables
    stated = {r["label"]: r["text"] or "" for r in tables["recommendations"].to_pylist()}
    assert sorted(stated) == ["1", "2", "3"], stated
    assert stated["2"].startswith("The Trust should provide a low bed for each patient"), stated
    got = {s["label"]: s["stance"] for s in tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "not_addressed", "3": "accepted"}, got


# ---- guards for round 95's mends

def test_small_capital_headings_whose_first_letter_stands_apart_are_joined(lex):
    """pdftotext gives a heading set in small capitals with its full-size first letter parted from the rest, "R
    ECOMMENDATION 1" and "G OVERNMENT RESPONSE" on lines of their own. A user relies on them reading as the heading
    words they are, "RECOMMENDATION 1" and "GOVERNMENT RESPONSE", the space taken out padding the line's end so that
    no offset moves (before, the parted words were no label at all)."""
    from pipeline.layout import unspace_headings

    text = ("The Committee made one recommendation.\n\nR ECOMMENDATION 1\n\nThe Board should publish its minutes.\n\n"
            "G OVERNMENT RESPONSE\n\nAccepted.\n")
    out = unspace_headings(text, lex.heading_words)
    assert len(out) == len(text)
    assert out.split("\n")[2] == "RECOMMENDATION 1 " and out.split("\n")[6] == "GOVERNMENT RESPONSE ", out
    assert out.replace("RECOMMENDATION 1 ", "R ECOMMENDATION 1").replace(
        "GOVERNMENT RESPONSE ", "G OVERNMENT RESPONSE") == text


def test_a_letter_set_apart_before_a_word_that_is_no_heading_word_stays_apart(lex):
    """The guard: "SECTION C RESPONSES" and "ANNEX A" also hold a capital letter standing alone before or after a
    word, but "C" is the section's letter and "A" the annex's. A user relies on both lines being read as written
    (only a letter that makes a heading word with the capitals after it is joined to them)."""
    from pipeline.layout import unspace_headings

    text = ("SECTION C RESPONSES\n\nThe responses of the three boards are set out below.\n\nANNEX A\n\n"
            "List of the bodies consulted.\n")
    assert unspace_headings(text, lex.heading_words) == text


def test_a_command_paper_headed_in_small_capitals_has_each_answer_keyed_to_its_recommendation(tmp_path, settings,
                                                                                             nlp):
    """A command paper's three recommendations, each under "R ECOMMENDATION n" as pdftotext gives a small-capital
    heading, with its answer under "G OVERNMENT RESPONSE". A user relies on the three being read as recommendations
    1 to 3, each with the stance of its own answer: accepted, rejected, deferred (before, none was read and the paper
    had no stances)."""
    from pipeline.run import run_corpus

    text = ("Government Response to the Rural Affairs Committee's Report on Village Bus Services\n\n"
            "Presented to Parliament by the Secretary of State for Transport by Command of His Majesty\n\n"
            "April 2026\n\nCP 1187\n\nIntroduction\n\n"
            "The Government welcomes the Committee's report on bus services in rural areas and thanks those who gave "
            "evidence. This paper responds to each of the Committee's three recommendations in turn.\n\n"
            "R ECOMMENDATION 1\n\n"
            "The Department should publish a map of every village that has lost its last bus service since 2015.\n\n"
            "G OVERNMENT RESPONSE\n\n"
            "The Government accepts this recommendation. The map was published on the Department's website in "
            "March.\n\n"
            "R ECOMMENDATION 2\n\n"
            "The Department should guarantee funding for demand-responsive transport in every county.\n\n"
            "G OVERNMENT RESPONSE\n\n"
            "The Government does not accept this recommendation. Local transport authorities are best placed to "
            "decide how their funding is spent.\n\n"
            "R ECOMMENDATION 3\n\n"
            "The Department should review the concessionary fares scheme for older people in rural areas.\n\n"
            "G OVERNMENT RESPONSE\n\n"
            "The Government will consider this as part of the spending review next year and will update the "
            "Committee in due course.\n")
    (tmp_path / "response.txt").write_text(text, encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "rejected", "3": "deferred"}, got


def test_word_s_wingdings_bullets_in_plain_text_are_read_as_bullets():
    """Word's "Save as plain text" writes a Wingdings or Symbol bullet as the Latin-1 letter of its code, then a tab:
    "Ø\\t..." for an arrow, "§\\t..." for a square. A user relies on each becoming a bullet, "•", one character for
    one (same length), so that the list reads as a list (before, "Ø" and "§" were read as words)."""
    from pipeline.layout import unglyph_bullets

    text = ("The matters of concern are as follows.\n\nØ\tNo one checked the harness before the climb.\n"
            "§\tThe instructor had not been trained in rescue.\n  Ø\tThe rope log was not kept.\n")
    out = unglyph_bullets(text)
    assert len(out) == len(text)
    assert out == text.replace("Ø\t", "•\t").replace("§\t", "•\t"), out


def test_a_roman_list_s_v_before_a_tab_is_no_bullet(nlp, lex, settings):
    """The guard: a list numbered in roman numerals writes its fifth item "v\\tthe ..." (and Wingdings' diamond is
    "v" too). A user relies on the pipeline reading that item with its number, as written (only the glyphs no list
    numbers with, "§", "Ø", "ü", "Ÿ", are bullets)."""
    text = ("The Panel found that:\n\niv\tthe ward had no falls lead;\nv\tthe night staff were not trained in the "
            "use of the hoist.\n")
    assert _read(text, nlp, lex, settings) == text


def test_a_coroner_s_concerns_bulleted_with_word_s_arrow_glyph_are_all_read(tmp_path, settings, nlp):
    """A coroner's report saved from Word as plain text bullets its matters of concern "Ø\\t..." under "The MATTERS
    OF CONCERN are as follows.". A user relies on all four bullets being the report's concerns, counted 1 to 4,
    each with its words (before, only the first was read)."""
    from pipeline.run import run_corpus

    concerns = ["Mr Quayle's swallowing assessment was not shared with the kitchen staff who prepared his meals.",
                "No member of staff on duty at lunchtime had been trained in first aid for choking.",
                "The home's records did not show who had supervised residents during the meal.",
                "The agency staff on duty were not told which residents needed a modified diet."]
    text = ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS\n\n"
            "THIS REPORT IS BEING SENT TO: The Chief Executive, Larkhill Valley Care Homes Ltd\n\n"
            "1\tCORONER\n\nI am Sarah Middleton, Assistant Coroner for the area of Larkhill.\n\n"
            "2\tINVESTIGATION and INQUEST\n\n"
            "On 3 June 2025 I concluded the inquest into the death of Mr Albert Quayle, aged 88, who choked on his "
            "lunch at a care home.\n\n3\tCORONER'S CONCERNS\n\n"
            "During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion "
            "there is a risk that future deaths will occur unless action is taken.\n\n"
            "The MATTERS OF CONCERN are as follows.\n\n" + "".join(f"Ø\t{c}\n" for c in concerns) + "\n"
            "4\tACTION SHOULD BE TAKEN\n\nIn my opinion action should be taken to prevent future deaths and I "
            "believe you have the power to take such action.\n\n5\tYOUR RESPONSE\n\n"
            "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
            "Sarah Middleton\nAssistant Coroner for Larkhill\n12 June 2025\n")
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    stated = {r["label"]: r["text"] or "" for r in run_corpus(tmp_path, settings, nlp).tables["recommendations"]
              .to_pylist()}
    assert sorted(stated) == ["1", "2", "3", "4"], stated
    assert [stated[str(n)].split()[:3] for n in range(1, 5)] == [c.split()[:3] for c in concerns], stated


_PRINT_URL = ("https://www.judiciary.uk/prevention-of-future-death-reports/"
              "edith-marlow-prevention-of-future-deaths-report/")


def test_a_browser_s_print_foot_is_page_furniture():
    """A page printed from a browser ends with its address and its number of the pages printed,
    "https://www.example.gov.uk/some/page/   2/3", on a line of its own. A user relies on that line being blanked as
    page furniture, however often it occurs (before, it was read as a line of the letter)."""
    foot = "https://www.example.gov.uk/guidance/fire-safety-in-care-homes   2/3"
    text = f"Dear Minister,\n\nThe homes were inspected in May.\n\n{foot}\n\nYours sincerely,\n"
    masked = mask_noise(text)
    assert len(masked) == len(text)
    assert foot not in masked and not masked.split("\n")[4].strip(), masked
    assert "The homes were inspected in May." in masked


def test_numbered_concerns_across_a_browser_s_page_foot_and_print_head_are_all_read(tmp_path, settings, nlp):
    """The judiciary's page for a report, printed from a browser: each page ends with the page's address and "1/3",
    and the next opens with the print's head, "15/07/2025, 09:32   Edith Marlow: ... - Courts and Tribunals
    Judiciary", the third concern running on across them. A user relies on all six concerns being read, 1 to 6
    (before, the foot and head broke the list after the third)."""
    from pipeline.run import run_corpus

    head = ("15/07/2025, 09:32           Edith Marlow: Prevention of future deaths report - Courts and Tribunals "
            "Judiciary")
    text = (
        head + "\n\n\nEdith Marlow: Prevention of future deaths report\n"
        "Hospital Death (Clinical Procedures and medical management) related deaths\n\n"
        "Date of report: 10/07/2025\nRef: 2025-0412\nDeceased name: Edith Marlow\nCoroner name: Thomas Beckett\n"
        "This report is being sent to: Eastmoor Hospitals NHS Trust\n\nREGULATION 28 REPORT TO PREVENT DEATHS\n\n"
        "INVESTIGATION and INQUEST\n"
        "On 2 February 2025 I commenced an investigation into the death of Edith Marlow, aged 79. The\n"
        "investigation concluded at the end of the inquest on 1 July 2025. The conclusion was a narrative\n\n"
        f"{_PRINT_URL}   1/3\n\n{head}\n\n"
        "conclusion recording that her deterioration on the ward was not recognised in time.\n\n"
        "CORONER'S CONCERNS\n"
        "During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion there\n"
        "is a risk that future deaths will occur unless action is taken. In the circumstances it is my statutory\n"
        "duty to report to you. The MATTERS OF CONCERN are as follows:\n\n"
        "1. The ward had no written procedure for escalating a rising early warning score during the night, and\n"
        "nurses told the inquest they did not know whom to call after midnight.\n\n"
        "2. The doctor on call covered four wards and was not told of Mrs Marlow's deterioration for three\n"
        "hours.\n\n"
        "3. Mrs Marlow's fluid balance chart was not completed after 6pm on the day before she died, and no one\n"
        "reviewed her urine output overnight, although she had been admitted with an acute kidney injury and the\n\n"
        f"{_PRINT_URL}   2/3\n\n{head}\n\n"
        "admitting doctor had asked for hourly readings.\n\n"
        "4. The electronic observations system did not alert the nurse in charge when a set of observations was\n"
        "missed.\n\n"
        "5. Bank nurses on the ward had not been trained in the use of the Trust's sepsis screening tool.\n\n"
        "6. The handover between day and night staff was given at the bedside and was not recorded.\n\n"
        "ACTION SHOULD BE TAKEN\n"
        "In my opinion action should be taken to prevent future deaths and I believe you have the power to take such\n"
        "action.\n\nYOUR RESPONSE\n"
        "You are under a duty to respond to this report within 56 days of the date of this report.\n\n"
        "Date: 10 July 2025          Thomas Beckett, Assistant Coroner for Eastmoor\n\n"
        f"{_PRINT_URL}   3/3\n")
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    stated = {r["label"]: r["text"] or "" for r in run_corpus(tmp_path, settings, nlp).tables["recommendations"]
              .to_pylist()}
    assert sorted(stated) == [str(n) for n in range(1, 7)], stated
    assert stated["6"].startswith("The handover between day and night staff"), stated


_DISCLAIMER = ("This message may contain confidential information. If you are not the intended recipient please:\n"
               "1. let the sender know at once that the message reached you in error, then delete it;\n"
               "2. not copy, disclose or distribute this e-mail or any of its attachments, nor act on its contents;\n"
               "3. be aware that NHSmail is monitored for viruses and for compliance with its policies.\n")


def test_the_numbered_list_under_a_mail_disclaimer_that_ends_please_is_the_disclaimer_s(lex):
    """A mail disclaimer the boilerplate lexicon knows ends "If you are not the intended recipient please:" and
    goes on in a numbered list straight under it, "1. let the sender know ...", "2. not copy ...", "3. be aware
    ...". A user relies on the list being blanked with the notice, not read as the e-mail's own numbered points
    (before, only the notice's first line was)."""
    text = "Kind regards\n\nGrace\n\n" + _DISCLAIMER + "\nDear Mr Beckett,\n\nThank you for your report.\n"
    found = [text[a:b] for a, b in noise_lines(text, lex.boilerplate)]
    assert found == _DISCLAIMER.rstrip("\n").split("\n"), found


def test_a_letter_under_an_nhsmail_disclaimer_starts_at_its_letterhead(tmp_path, settings, nlp):
    """An NHSmail reply to a coroner, signed, then the disclaimer with its numbered list between rows of asterisks;
    under it the next body's letter, its letterhead and address over "Dear Mr Beckett,". A user relies on the next
    segment starting at the letterhead (before, it started at "1. let the sender know ...", as though the
    disclaimer's list opened the letter)."""
    from pipeline.run import run_corpus

    stars = "*" * 100
    mail = ("From: Okafor Grace (EASTMOOR HOSPITALS NHS TRUST) <grace.okafor3@nhs.net>\n"
            "Sent: 02 September 2025 14:20\nTo: Coroner's Office <coroners@eastmoor.gov.uk>\n"
            "Subject: RE: Regulation 28 report - Edith Marlow\n\nDear Mr Beckett,\n\n"
            "Thank you for your report following the inquest into the death of Mrs Edith Marlow. The Trust accepts "
            "your concerns. A written escalation procedure for night shifts was issued to every ward in August, and "
            "the observations system now alerts the nurse in charge when a set of observations is missed.\n\n"
            f"Kind regards\n\nGrace Okafor\nDirector of Nursing\nEastmoor Hospitals NHS Trust\n\n{stars}\n\n"
            + _DISCLAIMER + f"\n{stars}\n\n")
    letter = ("Eastmoor Ambulance Service NHS Trust\nUnit 7, Kingsway Business Park\nEastmoor\nEM4 6TQ\n\n"
              "5 September 2025\n\nDear Mr Beckett,\n\nThank you for sending us a copy of your report. Although none "
              "of the concerns is addressed to the Ambulance Service, we have shared it with our clinical teams.\n\n"
              "Yours sincerely,\n\nDr Martin Hale\nMedical Director\n")
    (tmp_path / "thread.txt").write_text(mail + letter, encoding="utf-8")
    letters = sorted(run_corpus(tmp_path, settings, nlp).tables["letters"].to_pylist(), key=lambda r: r["index"])
    assert [r["char_start"] for r in letters] == [0, len(mail)], letters


_DOUBLED_LINES = [
    "Marlow Borough Council",
    "Response to the Overview and Scrutiny Committee's review of",
    "street cleansing",
    "October 2025",
    "Introduction",
    "The Council welcomes the Committee's review and thanks the members",
    "who took part. Our response to each of the five recommendations is",
    "set out below.",
    "Recommendation 1",
    "The Council should publish the street cleansing schedule for every",
    "ward on its website.",
    "Our response",
    "We agree. The schedule for each ward was published on the website",
    "in September and is updated every month.",
    "Recommendation 2",
    "The Council should buy two more mechanical sweepers.",
    "Our response",
    "We have looked at the use of the two sweepers we have, and neither",
    "is in use for more than half of each shift. We will not be buying",
    "more sweepers, and the money is better spent on crews. The same",
    "answer applies to the sweeper for the market square, which is",
    "the subject of Recommendation 5.",
    "Recommendation 3",
    "The Council should review the routes its crews take on market days.",
    "Our response",
    "We agree. The routes were reviewed in August and the crews now",
    "start an hour earlier on market days.",
    "Recommendation 4",
    "The Council should report fly-tipping figures to the Committee.",
    "Our response",
    "We agree. Figures will be reported to the Committee at each of its",
    "meetings from November.",
    "Recommendation 5",
    "The Council should keep a sweeper on standby for the market square.",
    "Our response",
    "We agree. As our response to Recommendation 2 explains, a crew with a",
    "hand cart is now on standby in the square on every market day.",
    "Next steps",
    "Progress will be reported to the Committee in the spring, when the",
    "first year's figures are available.",
]
# a PDF viewer's copy: a blank line under every line, each line with a trailing space
DOUBLED_RESPONSE = "".join(ln + " \n\n" for ln in _DOUBLED_LINES)


def test_the_blank_line_inside_a_run_on_sentence_of_a_double_spaced_copy_is_taken_out():
    """A PDF viewer's copy sets a blank line under every line, so each line of a paragraph reads as a paragraph of
    its own. A user relies on the blank line going where a sentence runs on into a line in lower case ("... and
    neither" / "is in use ..."), the paragraph's lines then read as one (same length: the line's break becomes a
    space), while a heading ("Our response") stays a paragraph of its own."""
    from pipeline.layout import undouble_spacing

    out = undouble_spacing(DOUBLED_RESPONSE)
    assert len(out) == len(DOUBLED_RESPONSE)
    lines = out.split("\n")
    k = lines.index("We have looked at the use of the two sweepers we have, and neither  ")
    assert lines[k + 1] == "is in use for more than half of each shift. We will not be buying  ", lines[k:k + 3]
    r = lines.index("Our response ")
    assert lines[r - 1] == lines[r + 1] == "", lines[r - 2:r + 3]
    assert "Our response \n\nWe agree. The schedule" in out


def test_one_line_paragraphs_a_blank_line_apart_are_not_joined(nlp, lex, settings):
    """The guard: a document of one-line paragraphs, each a blank line from the next and each ending its sentence,
    is spaced like a viewer's copy, and some paragraphs open with a word in lower case ("eConsult", "iPads"), but
    no sentence runs on. A user relies on the pipeline reading it as written, each paragraph its own (only the
    blank line after a line that does not end its sentence, in a copy where many sentences run on so, is taken
    out)."""
    paragraphs = [f"Ward {n} now checks its resuscitation trolley every morning." for n in range(1, 10)]
    paragraphs += ["eConsult is now open to the patients of every practice in the network.",
                   "iPads have been given to each district nursing team.",
                   "e-learning on sepsis is now part of every new starter's induction.",
                   "eGFR results are sent to the renal team on the day they are reported.",
                   "iStumble is used in every care home before a fallen resident is lifted.",
                   "eRostering went live on all wards in March."]
    paragraphs += [f"The check on ward {n} is recorded by the nurse in charge." for n in range(1, 10)]
    text = "\n\n".join(["Our response", *paragraphs, "Yours sincerely,", "Dr Ruth Allen"]) + "\n"
    assert _read(text, nlp, lex, settings) == text


def test_a_double_spaced_response_paper_gives_each_recommendation_the_stance_of_its_own_answer(tmp_path, settings,
                                                                                              nlp):
    """The same double-spaced copy of a council's response: "Recommendation n" / its words / "Our response" / the
    answer, a blank line under every line. The answer to 2 ends on a line that names "Recommendation 5" in the middle
    of its sentence, and the answer to 5 refers back to 2. A user relies on each recommendation taking its own
    answer's stance, 2 rejected and 5 accepted (before, the line naming 5 was read as a paragraph answering it, and 2
    took 5's answer)."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(DOUBLED_RESPONSE, encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "rejected", "3": "accepted", "4": "accepted", "5": "accepted"}, got


_WATERMARK_COLS = [2, 7, 40, 84]


def _cells(*cells: str) -> str:
    s = ""
    for c, x in zip(_WATERMARK_COLS, cells):
        s = s.ljust(c) + x
    return s.rstrip()


# a council's table as pdftotext -layout gives it, "DRAFT" set diagonally across its first page: the letters,
# read up the page, at a row's end, where row 2's empty response cell would be, and alone on lines
_WATERMARKED_PAGE = "\n".join([
    "  Holbeck District Council", "", "  Cabinet – 9 September 2025", "",
    "  Executive response to the Overview and Scrutiny Committee review of allotment provision", "",
    "  The Committee made four recommendations. The Executive's response to each is set out in the", "  table below.",
    "",
    _cells("No.", "Scrutiny recommendation", "Executive response", "Agreed?"),
    " " * 78 + "T",
    _cells("1", "That the Council publishes the", "Agreed. The waiting list for each site", "Yes"),
    _cells("", "waiting list for each allotment", "was published on the Council's website"),
    _cells("", "site on its website.", "in July 2025."),
    "",
    _cells("2", "That plots left uncultivated for"),
    _cells("", "a year are offered to the next"),
    _cells("", "person on the waiting list.") + "      F",
    "",
    _cells("3", "That the Council provides water", "Not agreed. The Council will not be", "No"),
    _cells("", "troughs on every site.", "installing troughs on the four sites"),
    _cells("", "", "without a mains supply, as the cost") + "  A",
    _cells("", "", "would fall on plot holders."),
    "", " " * 36 + "R", "", "", " " * 22 + "D", "", " " * 44 + "Page 14",
]) + "\n\f" + "\n".join([
    "",
    _cells("No.", "Scrutiny recommendation", "Executive response", "Agreed?"),
    "",
    _cells("4", "That allotment rents are frozen", "Agreed. Rents will stay at the 2024 level", "Yes"),
    _cells("", "for two years.", "until March 2027."),
    "", "  Agreed? column: Yes = agreed; No = not agreed.", "", " " * 44 + "Page 15", "",
])


def test_a_diagonal_watermark_s_scattered_letters_are_blanked(lex):
    """pdftotext -layout scatters a "DRAFT" watermark a letter a line: "T" under the table's header, "F" where an
    empty response cell would be, "A" two spaces after a row's last words, "R" and "D" alone on lines, in order up
    the page. A user relies on those five letters being blanked, each line keeping its length, and every other
    character where it was (before, they were read as cells and lines of the table)."""
    from pipeline.layout import unmark_watermark

    out = unmark_watermark(_WATERMARKED_PAGE, lex.watermarks)
    assert len(out) == len(_WATERMARKED_PAGE)
    changed = [(k, _WATERMARKED_PAGE[k]) for k in range(len(out)) if out[k] != _WATERMARKED_PAGE[k]]
    assert [c for _, c in changed] == ["T", "F", "A", "R", "D"], changed
    assert all(out[k] == " " for k, _ in changed)


def test_a_yes_no_column_of_lone_letters_is_no_watermark(nlp, lex, settings):
    """The guard: a table's "Agreed?" column answers "Y" or "N", each letter alone at its row's end, two spaces or
    more after the row's words. A user relies on the pipeline keeping every answer (only lone letters that spell a
    watermark word, in order down or up the page, are a watermark)."""
    rows = [("1", "Publish the waiting list for each site", "Y"), ("2", "Offer uncultivated plots on", "N"),
            ("3", "Provide water troughs on every site", "N"), ("4", "Freeze allotment rents for two years", "Y"),
            ("5", "Review the allotment rules", "Y")]
    text = "  No.  Recommendation                              Agreed?\n" + "".join(
        f"  {n:<4} {rec:<40}    {yn}\n" for n, rec, yn in rows)
    assert _read(text, nlp, lex, settings) == text


def test_a_watermarked_table_response_reads_every_row_and_an_empty_cell_answers_nothing(tmp_path, settings, nlp):
    """The same watermarked table in a council's response: its rows answer recommendations 1, 3 and 4, row 2's
    response cell is empty but for the watermark's "F". A user relies on 1, 3 and 4 taking their rows' stances and 2
    being not addressed (before, the watermark's "T" under the header cut the table off: only 4, on the next page,
    was read)."""
    from pipeline.run import run_corpus

    (tmp_path / "response.txt").write_text(_WATERMARKED_PAGE, encoding="utf-8")
    got = {s["label"]: s["stance"] for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert got == {"1": "accepted", "2": "not_addressed", "3": "rejected", "4": "accepted"}, got


def test_one_line_paragraphs_longer_than_a_page_s_line_are_not_joined_though_none_ends_a_sentence():
    """A quick e-mail typed with one paragraph a line, each of them longer than any page's line, a blank line
    apart, in lower case and without full stops ("re recommendation 2 - ... so that one's a no from me"), is no
    double-spaced copy of a page. A user relies on its paragraphs staying apart, so that each answer keeps its
    own words (before, every paragraph was joined to the next)."""
    from pipeline.layout import undouble_spacing

    paragraphs = [f"re recommendation {n} - we have talked this over with the trustees and the volunteers at the "
                  f"hall and the short version is that item {n} is something we can manage with what we have now, "
                  f"as long as the rota holds up over the winter months" for n in range(1, 25)]
    text = "\n\n".join(paragraphs) + "\n"
    assert all(len(p) > 150 for p in paragraphs)
    assert undouble_spacing(text) == text


# ---- round 96's mends: full-width forms, Calibri's other ligatures, a converter's page furniture

def test_full_width_digits_brackets_and_colons_read_as_ascii_one_character_for_one():
    """A Hong Kong department types some labels with a Chinese input method: "Recommendation （３）", "OUR REF.：
    ＨＤ／２０２６／１７" and an ideographic space. A user relies on them reading "Recommendation (3)", "OUR REF.:HD/2026/17"
    and a space, one character for one, so that the labels are found and no offset moves (before, the full-width
    forms were left, and matched no label)."""
    text = "Recommendation （３） is accepted.\nOUR REF.：ＨＤ／２０２６／１７\nMr\u3000Chan\n"
    out = unescape_numbers(text)
    assert len(out) == len(text)
    assert out == "Recommendation (3) is accepted.\nOUR REF.:HD/2026/17\nMr Chan\n"


def test_chinese_characters_and_their_own_punctuation_are_left_as_written():
    """The negative: a Chinese name and a line with the ideographic comma and full stop, "陳大文" and "已收到、謝謝。", and
    the yen sign "￥" (outside the full-width forms of ASCII). A user relies on them being left as written: only
    the full-width forms of ASCII's printable characters are read as ASCII."""
    text = "陳大文\n已收到、謝謝。\nFee: ￥500\n"
    assert unescape_numbers(text) == text


def test_calibri_s_tf_and_ft_ligatures_pdfminer_wrote_as_glyph_numbers_are_spelt_out():
    """pdfminer writes Calibri's "ft" and "tf" ligatures, which have no ToUnicode entry, as glyph numbers:
    "a(cid:332)er", "dra(cid:332)", "por(cid:414)olio". A user relies on them reading "after", "draft" and
    "portfolio", padded so that the text keeps its length and every word after them its offset (before, they were
    left as written, and "draft" and "after" were never read)."""
    from pipeline.layout import unglyph_ligatures

    text = "The dra(cid:332) por(cid:414)olio was sent a(cid:332)er the board met.\nNext line.\n"
    out = unglyph_ligatures(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.split()[:7] == ["The", "draft", "portfolio", "was", "sent", "after", "the"]
    assert out.index("the board met.") == text.index("the board met.")


def test_glyph_numbers_beside_calibri_s_ligatures_are_left_as_written():
    """The negative: glyph numbers next to the ones Calibri draws ligatures with, "(cid:331)", "(cid:333)" and
    "(cid:413)", in a form's field labels. A user relies on them being left as written (only the glyph numbers
    known to draw "ti", "tt", "tf" and "ft" are spelt out)."""
    from pipeline.layout import unglyph_ligatures

    text = "Box (cid:331)A ticked; box (cid:333)B and box (cid:413)C left empty.\n"
    assert unglyph_ligatures(text) == text


_CONVERTED_REPLY = ("<!-- PageHeader=\"OFFICIAL - SENSITIVE\" -->\n\n"
                    "Fernvale Mental Health Trust\n\n2 June 2026\n\nDear Mrs Corrie,\n\n"
                    "Thank you for your report of 10 April 2026 following the inquest into the death of Mr Kyle "
                    "Dawson. Our action plan, enclosed as Appendix A, sets out what the Trust has done about each of "
                    "your concerns.\n\nYours sincerely,\n\nDr Owen Blake\nChief Executive\n\n"
                    "<!-- PageFooter=\"Fernvale Mental Health Trust\" -->\n\n<!-- PageNumber=\"1\" -->\n\n"
                    "<!-- PageBreak -->\n\n"
                    "<!-- PageHeader=\"OFFICIAL - SENSITIVE\" -->\n\n"
                    "Action plan: response to the Regulation 28 report\n\n"
                    "Concern 1: Observation records are now made on a handheld device at the time of each check. "
                    "Complete.\n\n"
                    "Concern 2: Every agency nurse is given the observation list at the start of the shift. "
                    "Complete.\n\n"
                    "<!-- PageNumber=\"2\" -->\n")


def test_a_converter_s_running_headers_footers_and_page_numbers_are_blanked_and_its_page_breaks_stay():
    """Azure Document Intelligence writes each page's header, footer and number as a comment line of its own,
    '<!-- PageHeader="OFFICIAL - SENSITIVE" -->', '<!-- PageFooter="..." -->', '<!-- PageNumber="2" -->'. A user
    relies on those lines being blanked, each keeping its length, with every other character where it was and the
    "<!-- PageBreak -->" kept (it tells that the file is a converter's); before, they were read as the pages'
    text."""
    from pipeline.layout import unmark_converted_pages

    text = _CONVERTED_REPLY
    out = unmark_converted_pages(text)
    assert len(out) == len(text) and [i for i, c in enumerate(out) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]
    assert "PageHeader" not in out and "PageFooter" not in out and "PageNumber" not in out
    assert out.count("<!-- PageBreak -->") == 1
    changed = {k for k in range(len(text)) if out[k] != text[k]}
    assert all(out[k] == " " for k in changed)
    assert all(text[k] != "\n" for k in changed)
    assert out.index("Dear Mrs Corrie,") == text.index("Dear Mrs Corrie,")


def test_a_reply_a_converter_wrote_starts_at_its_letterhead_not_at_the_page_header(tmp_path, settings, nlp):
    """The trust's reply converted to markdown, its first line the page header '<!-- PageHeader="OFFICIAL -
    SENSITIVE" -->' over the trust's name. A user relies on the reply starting at "Fernvale Mental Health Trust"
    (before, the page header was read as the reply's first line)."""
    from pipeline.run import run_corpus

    (tmp_path / "reply.md").write_text(_CONVERTED_REPLY, encoding="utf-8")
    letters = run_corpus(tmp_path, settings, nlp).tables["letters"].to_pylist()
    assert [(L["kind"], L["char_start"]) for L in letters] == [
        ("reply", _CONVERTED_REPLY.index("Fernvale Mental Health Trust"))], letters


def test_comments_that_are_no_converter_s_page_furniture_are_read_as_written(nlp, lex, settings):
    """The negative: a reply holding "<!-- image -->", "<!-- PageBreak -->", a comment of the writer's own and a
    sentence that quotes '<!-- PageHeader="OFFICIAL" -->' inside its line. A user relies on the text being read as
    written (only a header, footer or page number on a line of its own is page furniture)."""
    text = ("Dear Mrs Corrie,\n\n"
            "Thank you for your report. The photograph of the ward is below.\n\n"
            "<!-- image -->\n\n"
            "The header of each page reads <!-- PageHeader=\"OFFICIAL\" --> in the draft we sent you.\n\n"
            "<!-- PageBreak -->\n\n"
            "<!-- Reviewed by the Board on 3 June -->\n\n"
            "Yours sincerely,\n\nDr Owen Blake\n")
    assert _read(text, nlp, lex, settings) == text


def test_a_one_page_converted_file_keeps_its_marks_and_a_letterhead_said_once_keeps_its_words():
    """Azure marks page 1's letterhead as a page header. A user relies on a one-page file's marks staying (they
    are all that tell it is a converter's) and, across pages, on a header said once keeping its words (the
    reference "Our ref: DRA/2026/0417" is read) while one said on every page and the page numbers are blanked."""
    from pipeline.layout import unmark_converted_pages
    one = '<!-- PageHeader="OFFICIAL" -->\n\n# Background\n\nText.\n\n<!-- PageNumber="1" -->\n'
    assert unmark_converted_pages(one) == one
    two = ('<!-- PageHeader="Our ref: DRA/2026/0417" -->\n\nDear Sir,\n\n<!-- PageNumber="1" -->\n<!-- PageBreak -->\n'
           '<!-- PageHeader="OFFICIAL" -->\n\nText.\n<!-- PageHeader="OFFICIAL" -->\n<!-- PageNumber="2" -->\n')
    out = unmark_converted_pages(two)
    assert len(out) == len(two) and out.count("\n") == two.count("\n")
    assert "Our ref: DRA/2026/0417" in out and "OFFICIAL" not in out and "PageNumber" not in out
    assert "<!-- PageBreak -->" in out and "<!--" not in out.replace("<!-- PageBreak -->", "")


def test_full_width_marks_of_structure_stay_as_written():
    """A bilingual reply's Chinese half heads itself "＃　海港工程署回覆" and quotes with "＞". A user relies on those
    staying full-width (read as "#" the line became a markdown heading and opened a document of its own), while the
    digits and brackets of a label are read as ASCII."""
    line = "＃　海港工程署回覆 ＞ 建議（３）"
    out = unescape_numbers(line)
    assert out.startswith("＃") and "＞" in out and out.endswith("(3)") and len(out) == len(line)


# ---- round 97's mends: a markdown writer's escapes and underscore bold

_ESCAPED_MINUTE = (
    "# Minister's Minute\n\n"
    "__Response to the Report of the Joint Committee on Harbour Safety__\n\n"
    "The Minister for the Marine welcomes the Committee's report \\(Vote 31\\) and responds to its recommendations "
    "below\\.\n\n"
    "__Recommendation 2\\.1__\n\nThat every harbour authority publishes its berthing rules\\.\n\n"
    "__Response__\n\nAccepted\\. The rules for all five harbours were published in March\\.\n\n"
    "__Recommendation 2\\.2__\n\nThat pilots hold a refresher certificate every three years\\.\n\n"
    "__Response__\n\nNot accepted\\. The Department considers a five\\-year cycle sufficient\\.\n")


def test_a_markdown_writer_s_escapes_and_underscore_bold_are_read_through_in_place():
    """mammoth and markdownify escape every full stop and bracket ("Recommendation 2\\.1", "\\(Vote 31\\)") and set
    bold in underscores ("__Response__"). A user relies on the minute being read as "Recommendation 2.1" and
    "(Vote 31)" (each word padded at its end), the underscores blanked, with the same length and the same line
    breaks, each word at its own start (before, the backslashes stayed inside the labels: no layout function
    took them out)."""
    from pipeline.layout import unescape_markdown

    out = unescape_markdown(_ESCAPED_MINUTE)
    assert len(out) == len(_ESCAPED_MINUTE)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(_ESCAPED_MINUTE) if c == "\n"]
    assert "\\" not in out and "__" not in out
    assert "Recommendation 2.1" in out and "five-year" in out and {"(Vote", "31)"} <= set(out.split())
    assert out.index("Recommendation 2.2") == _ESCAPED_MINUTE.index("Recommendation 2\\.2")


def test_labels_and_stances_of_a_minute_a_markdown_writer_escaped_are_read(tmp_path, settings, nlp):
    """A Minister's Minute converted to markdown, every full stop escaped and each heading in underscore bold
    ("__Recommendation 2\\.1__" / "__Response__" / "Accepted\\. ..."). A user relies on recommendations 2.1 and
    2.2 being found, 2.1 accepted and 2.2 rejected (before, no label was read in the minute at all)."""
    from pipeline.run import run_corpus

    (tmp_path / "minute.md").write_text(_ESCAPED_MINUTE, encoding="utf-8")
    rows = {s["label"]: s for s in run_corpus(tmp_path, settings, nlp).tables["stances"].to_pylist()}
    assert {lab: r["stance"] for lab, r in rows.items()} == {"2.1": "accepted", "2.2": "rejected"}, rows
    assert rows["2.1"]["evidence"].startswith("Accepted") and rows["2.2"]["evidence"].startswith("Not accepted")


@pytest.mark.parametrize("name", ["reply.txt", "reply.md"])
def test_a_windows_path_with_a_backslash_or_two_before_marks_is_read_as_written(name, nlp, lex, settings):
    """The negative: a reply that gives its shared-drive paths, "S:\\Harbours\\_Rules\\(2026)" and
    "P:\\Pilots\\_Log", three backslashes before a mark in the whole file, and a form's signature line of
    underscores. A user relies on the text being read as written, paths and all (only a file that escapes so at
    least five times is a markdown writer's, and a run of underscores is no bold)."""
    text = ("Dear Ms Quigley,\n\nThank you for the Committee's report. The berthing rules are kept on the shared drive "
            "at S:\\Harbours\\_Rules\\(2026) and the pilots' log at P:\\Pilots\\_Log.\n\n"
            "Recommendation 2.1 is accepted.\n\nSigned: ______________ Date: ______________\n\n"
            "Yours sincerely,\n\nConor Whelan\n")
    assert extract(decode(text.encode(), name, settings), nlp, lex, settings).text == text


# ---- round 98's mends: guards (each fails on its mend's parent) and negatives (the near-misses each must leave)

_WARD_MAIL = ("From: Ward Manager <ward7.manager@nhs.net>\nSent: 14 March 2026 09:12\nTo: Coroner's Office\n"
              "Subject: Response to report - Mrs Alma Ridge\n\nPlease find our response below.\n\nKind regards,\n\n"
              "Tessa\n\n{notice}\n\n"
              "Pennick Valley Hospitals NHS Trust\nRiverside Road\nPennick PN4 6TT\n\n13 March 2026\n\n"
              "Dear Mr Hale,\n\n"
              "Thank you for your report of 2 February. We accept both of your concerns.\n\nYours sincerely,\n\n"
              "Tessa Lane\n")


@pytest.mark.parametrize("notice", [
    "This message may contain confidential information. If you are not the intended recipient please inform the\n"
    "sender that you have received the message in error before deleting it.",
    "NHSmail is the secure email and collaboration service for health and care staff.\n"
    "Please do not disclose, copy or distribute the contents of this email to anyone else.",
], ids=["wrapped-notice", "nhsmail-footer"])
def test_an_e_mail_s_confidentiality_notice_wrapped_over_lines_is_blanked_whole(notice, lex):
    """A ward's e-mail ends with its mail service's notice wrapped over two lines ("... If you are not the intended
    recipient please inform the" / "sender that you have received the message in error ..."; or NHSmail's footer
    lines), and the trust's letter is pasted under it. A user relies on both lines being blanked, the text keeping
    its length and line breaks and the letter its letterhead (before, only the first line was blanked, or none)."""
    text = _WARD_MAIL.format(notice=notice)
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert sorted(text[a:b] for a, b in noise_lines(text, lex.boilerplate)) == sorted(notice.split("\n"))
    assert "Pennick Valley Hospitals NHS Trust\nRiverside Road" in masked and "Dear Mr Hale," in masked


def test_a_letterhead_straight_under_a_wrapped_notice_is_kept(lex):
    """The negative: the trust's name stands on the line straight under the notice's last line, no blank line
    between. A user relies on the letterhead being kept, as before (the notice's wrapped lines end with its
    sentence)."""
    notice = ("This message may contain confidential information. If you are not the intended recipient please "
              "inform the\nsender that you have received the message in error before deleting it.\n"
              "Pennick Valley Hospitals NHS Trust")
    text = _WARD_MAIL.format(notice=notice)
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert masked.count("Pennick Valley Hospitals NHS Trust") == 2


def test_an_answer_that_asks_the_reader_not_to_forward_the_email_is_kept(lex):
    """The negative: a trust's e-mailed reply answers "We accept this recommendation and have told every ward. Please
    do not forward this email beyond the review team until the report is published.", one paragraph on one line. A
    user relies on that answer being kept, as before round 98 (at 204336b the whole line is blanked as boilerplate,
    and recommendation 2 turns from accepted to not addressed)."""
    text = ("Dear Mr Hale,\n\nRecommendation 2\n\nWe accept this recommendation and have told every ward. Please do "
            "not forward this email beyond the review team until the report is published.\n\nKind regards,\n\n"
            "Tessa Lane\n")
    assert noise_lines(text, lex.boilerplate) == []
    assert mask_noise(text, lex.boilerplate) == text


# ---- round 98's review mends: a guard (it fails at 204336b)

def test_a_notice_with_no_full_stop_over_the_next_message_s_header_leaves_the_header(lex):
    """A coroner's office's e-mail ends with its notice, "... If you are not the intended recipient please tell the
    sender" (no full stop), and the trust's reply is pasted straight under it, "From:" and "Sent:" on the next lines.
    A user relies on the notice alone being blanked, and the reply keeping its "From:" and "Sent:" lines and so its
    date (at 204336b the notice was read as running on over the two lines under it, and both were blanked)."""
    notice = ("This e-mail is confidential and meant for the addressee only. If you are not the intended recipient "
              "please tell the sender")
    header = ("From: Patient Safety Team <patientsafety@ashgrove.example.nhs.uk>\nSent: 28 March 2026 16:02\n"
              "To: Coroner's Office <coroners@ashgrove.example.gov.uk>\nSubject: RE: Report - Mr Ivor Penn")
    text = ("From: Coroner's Office <coroners@ashgrove.example.gov.uk>\nSent: 03 February 2026 10:15\n"
            "To: Patient Safety Team <patientsafety@ashgrove.example.nhs.uk>\nSubject: Report - Mr Ivor Penn\n\n"
            "Dear Patient Safety Team,\n\nPlease find the coroner's report attached. Please respond within 56 days.\n\n"
            f"Kind regards,\n\nCoroner's Office\n{notice}\n{header}\n\nDear Coroner,\n\n"
            "Thank you for your report. The Trust accepts both concerns.\n\nKind regards,\n\nPatient Safety Team\n")
    masked = mask_noise(text, lex.boilerplate)
    assert len(masked) == len(text)
    assert [text[a:b] for a, b in noise_lines(text, lex.boilerplate)] == [notice]
    assert header in masked
