"""Tests for pipeline.stages.dates: the dateline, answered letters, deadlines, other dates."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.records import DateKind
from pipeline.stages.dates import find_dateline, find_dates, parse_span
from pipeline.stages.segment import segment

D = dt.date
DL, REPLY_TO, DEADLINE, MENTIONED = DateKind.dateline, DateKind.reply_to, DateKind.deadline, DateKind.mentioned


def letter(dateline: str | None, body: str) -> str:
    """A Home Office letter to the Commissioner with ``body`` as its one paragraph."""
    date = f"{dateline}\n\n" if dateline else ""
    return (
        "Home Office\n2 Marsham Street\nLondon SW1P 4DF\n\n"
        f"{date}"
        "Dame Sara Thornton DBE QPM\nIndependent Anti-Slavery Commissioner\n"
        "5th Floor, Globe House\n89 Eccleston Square\nLondon\nSW1V 1PN\n\n"
        "Dear Sara,\n\n"
        f"{body}\n\n"
        "Yours sincerely,\n\nPriti Patel\n"
    )


def dates_of(text: str, lex, settings, seg_index: int = 0):
    """Dates as the pipeline finds them: the dateline lends its year to the rest."""
    seg = segment(text, lex)[seg_index]
    dl = find_dateline(text, seg, settings)
    return find_dates(text, seg, "L1", dl.value if dl else None, settings)


# ---- the dateline

@pytest.mark.parametrize("line, expected", [
    ("4 February 2021", D(2021, 2, 4)),
    ("26th November 2020", D(2020, 11, 26)),
    ("Friday 15 January 2021", D(2021, 1, 15)),
    ("1st March 2021", D(2021, 3, 1)),
    ("February 4, 2021", D(2021, 2, 4)),
    ("04/02/2021", D(2021, 2, 4)),
    ("Dyddiad / Date: 13 Ebrill / April 2027", D(2027, 4, 13)),
], ids=["day_month_year", "ordinal", "weekday", "first", "us_order_words", "numeric_day_first", "welsh_and_english"])
def test_dateline_forms(line, expected, lex, settings):
    text = letter(line, "Thank you for meeting me last week.")
    dl = find_dateline(text, segment(text, lex)[0], settings)
    assert dl.kind is DL
    assert dl.value == expected
    assert dl.text == line
    assert text[dl.char_start:dl.char_end] == line


def test_dateline_below_the_recipient_block(lex, settings):
    text = ("Rt Hon Priti Patel MP\nHome Secretary\nHome Office\n2 Marsham Street\nLondon\nSW1P 4DF\n\n"
            "6 November 2020\n\nDear Home Secretary,\n\nOn 8 October 2020, I published my review.\n")
    dl = find_dateline(text, segment(text, lex)[0], settings)
    assert (dl.value, text[dl.char_start:dl.char_end]) == (D(2020, 11, 6), "6 November 2020")


def test_date_on_its_own_line_in_the_body_is_not_the_dateline(lex, settings):
    text = letter(None, "My review was published on\n\n8 October 2020\n\nand made ten recommendations.")
    assert find_dateline(text, segment(text, lex)[0], settings) is None


# ---- kinds and values of the other dates

@pytest.mark.parametrize("dateline, body, expected", [
    ("1 March 2021", "Thank you for your letter of 6 November regarding the recommendations from your call for evidence.",
     [(REPLY_TO, D(2020, 11, 6), "6 November")]),
    ("10 February 2021", "Thank you for your letter of the 4 February, which you also copied to Yvette Stanley at Ofsted.",
     [(REPLY_TO, D(2021, 2, 4), "4 February")]),
    ("5 January 2021", "Thank you for your letter of 20 December about the pilot.",
     [(REPLY_TO, D(2020, 12, 20), "20 December")]),
    ("1 March 2021", "Further to your email of 12 February, I attach our response.",
     [(REPLY_TO, D(2021, 2, 12), "12 February")]),
    ("6 November 2020", "I would be grateful to receive a formal update by Friday 15 January 2021.",
     [(DEADLINE, D(2021, 1, 15), "Friday 15 January 2021")]),
    ("6 November 2020", "I would be grateful to receive a formal update by 15 January.",
     [(DEADLINE, D(2021, 1, 15), "15 January")]),
    ("20 December 2020", "Please reply no later than 5 January so that we can brief the Board.",
     [(DEADLINE, D(2021, 1, 5), "5 January")]),
    ("4 February 2021", "On 8 October I published my review of the statutory defence.",
     [(MENTIONED, D(2020, 10, 8), "8 October")]),
    ("4 February 2021", "On 8 October 2020 I published my review of the statutory defence.",
     [(MENTIONED, D(2020, 10, 8), "8 October 2020")]),
    ("1 March 2022", "The pilot runs until 31 March 2022 in ten local authority areas.",
     [(MENTIONED, D(2022, 3, 31), "31 March 2022")]),
    ("1 March 2021", "Thank you for your letter of 6 November. We met on Tuesday 2nd February, and I will "
                     "send a full response by 31 March.",
     [(REPLY_TO, D(2020, 11, 6), "6 November"), (MENTIONED, D(2021, 2, 2), "Tuesday 2nd February"),
      (MENTIONED, D(2021, 3, 31), "31 March")]),
    # FORMAT.md: the writer's own commitment is no deadline; what it asks of the reader is
    ("1 June 2000", "I hope to complete my written response for you soon and am aiming to have this with you "
                    "by 3rd July.",
     [(MENTIONED, D(2000, 7, 3), "3rd July")]),
    ("1 June 2000", "We will need your response by 3 July so that the Board can consider it.",
     [(DEADLINE, D(2000, 7, 3), "3 July")]),
    ("6 November 2020", "I intend to review progress in the New Year and would therefore be grateful to receive "
                        "an update by 15 January.",
     [(DEADLINE, D(2021, 1, 15), "15 January")]),
    pytest.param("6 November 2020", "The Board next meets on 15/01/21 to consider your report.",
                 [(MENTIONED, D(2021, 1, 15), "15/01/21")]),
], ids=["reply_to_earlier_year", "reply_to_the_same_year", "reply_to_across_new_year", "reply_to_email",
        "deadline_with_weekday", "deadline_without_year", "deadline_no_later_than", "mentioned_without_year",
        "mentioned_with_year", "until_without_request_is_mentioned", "three_kinds_in_one_paragraph",
        "own_commitment_is_no_deadline", "what_the_writer_needs_is_a_deadline", "own_intent_then_a_request",
        "two_digit_year_after_dateline"])
def test_kind_and_value_of_each_date(dateline, body, expected, lex, settings):
    text = letter(dateline, body)
    found = dates_of(text, lex, settings)
    assert found[0].kind is DL and found[0].text == dateline
    assert [(m.kind, m.value, m.text) for m in found[1:]] == expected
    for m in found:
        assert text[m.char_start:m.char_end] == m.text
        assert m.letter_id == "L1"


# ---- things that are not dates

@pytest.mark.parametrize("body", [
    "I write as Commissioner under the Modern Slavery Act 2015.",
    "A strategy discussion should be convened under Section 47 of the Children Act 1989.",
    "The defence under section 45 of the Modern Slavery Act 2015 is set out in section 45(1).",
    "The guidance at paragraph 11.6, and paragraphs 3.2, 4.1 and 10.12, applies.",
    "We accept recommendations 1, 2, 3 and 4 and will consider recommendations 9 and 10.",
    "In 2018, 19% of referrals were made by councils; by 2020, 28% of 10,613 referrals.",
    "My Strategic Plan 2019-2021 sets out four priorities.",
    "The councils may 2 weeks ago have received the guidance.",
    "Our offices are at 2 Marsham Street and 4 Decima Street.",
    pytest.param("We accept recommendations 4/5/10 and will report on them."),
], ids=["statute_year", "children_act", "section_number", "paragraph_numbers", "number_list",
        "percentages_and_years", "year_range", "lower_case_may", "street_starting_with_month_letters",
        "slash_separated_list"])
def test_numbers_and_statutes_are_not_dates(body, lex, settings):
    text = letter("1 March 2021", body)
    assert [m.kind for m in dates_of(text, lex, settings)] == [DL]


def test_year_less_date_without_a_dateline_is_skipped(lex, settings):
    text = letter(None, "I would be grateful for an update by 15 January. I published my review on 8 October 2020.")
    found = dates_of(text, lex, settings)
    assert [(m.kind, m.value, text[m.char_start:m.char_end]) for m in found] == [
        (MENTIONED, D(2020, 10, 8), "8 October 2020")]


def test_offsets_of_a_later_letter_are_into_the_whole_file(lex, settings):
    first = letter("6 November 2020", "I would be grateful to receive a formal update by Friday 15 January 2021.")
    text = first + "\n\n" + letter("1 March 2021", "Thank you for your letter of 6 November.")
    found = dates_of(text, lex, settings, seg_index=1)
    assert [(m.kind, m.value) for m in found] == [(DL, D(2021, 3, 1)), (REPLY_TO, D(2020, 11, 6))]
    for m in found:
        assert m.char_start > len(first)
        assert text[m.char_start:m.char_end] == m.text


# ---- parse_span on its own

@pytest.mark.parametrize("span, base, prefer, expected", [
    ("6 November", D(2021, 3, 1), "past", D(2020, 11, 6)),
    ("4 February", D(2021, 2, 10), "past", D(2021, 2, 4)),
    ("15 January", D(2020, 11, 6), "future", D(2021, 1, 15)),
    ("the 4th of February 2021", None, "past", D(2021, 2, 4)),
    ("Friday 15 January 2021", None, "future", D(2021, 1, 15)),
    ("04/02/2021", None, "past", D(2021, 2, 4)),
    ("15 January", None, "future", None),
    ("30 February 2021", None, "past", None),
    pytest.param("12/04/21", D(2021, 3, 1), "past", D(2021, 4, 12)),
], ids=["past_takes_previous_year", "past_keeps_same_year", "future_takes_next_year", "ordinal_of",
        "weekday", "day_first", "no_year_no_base", "impossible_day", "two_digit_year"])
def test_parse_span(span, base, prefer, expected, settings):
    assert parse_span(span, base, prefer, settings) == expected


@pytest.mark.parametrize("span", [
    "12 March 2021", "1 May 2020", "31 December 1999", "3 Sept 2022", "3 Sep 2022", "9 Jan. 2023",
    "March 12, 2021", "March 12 2021", "Dec 1, 2019", "12 march 2021", "30 February 2021", "12 Smarch 2021",
    "June 31 2021",
])
def test_plain_dates_read_directly_as_dateparser_reads_them(span):
    """The fast path for '12 March 2021' and 'March 12, 2021' gives what dateparser gives."""
    import datetime as dt

    import dateparser

    from pipeline.stages.dates import _plain_date

    cfg = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month"], "STRICT_PARSING": False,
           "RETURN_AS_TIMEZONE_AWARE": False, "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
    slow = dateparser.parse(span, languages=["en"], settings=cfg)
    assert _plain_date(span) == (slow.date() if slow is not None else None)


def test_a_dateline_written_in_gaelic_and_then_in_english_is_read(lex, settings):
    """A Western Isles letter dates itself in both languages, the Gaelic first: "17 Màrt 2025 / 17 March 2025".
    The English date is the dateline, 17 March 2025 (before, the Gaelic month hid it and the letter had no
    date)."""
    text = ("Comhairle nan Eilean\nSandwick Road\nStornoway\nHS1 2BW\n\n17 Màrt 2025 / 17 March 2025\n\n"
            "Mòrag NicLeòid\nBalmartin Historical Society\nBalmartin\nHS9 4QT\n\nDear Ms NicLeòid,\n\n"
            "Thank you for your letter about the old schoolhouse at Balmartin.\n\n"
            "Yours sincerely,\n\nEuan Lamont\n")
    dl = find_dateline(text, segment(text, lex)[0], settings)
    assert dl is not None and dl.kind is DL and dl.value == D(2025, 3, 17)
    assert text[dl.char_start:dl.char_end] == dl.text
