"""Tests for pipeline.readers: each format's bytes to the text the stages read, and its page map.

Every file is built here from text (reportlab, python-docx, the standard library's e-mail
package), never copied in as a binary fixture.
"""
from __future__ import annotations

import datetime as dt
import io

import pytest

from pipeline.config import Settings
from pipeline.readers import Extracted, ReadFailure, ocr, page_at
from pipeline.readers import docx as docx_reader
from pipeline.readers import email as email_reader
from pipeline.readers import html as html_reader
from pipeline.readers import pdf as pdf_reader
from pipeline.readers import text as text_reader
from pipeline.readers.ocr import words_to_lines
from pipeline.readers.pages import PageLine, join_pages, page_text
from tests import render

NO_TESSERACT = {"tesseract_cmd": "tesseract-is-not-installed-here"}


# ---- page maps

@pytest.mark.parametrize("starts, offset, page", [
    ((0, 100, 250), 0, 1), ((0, 100, 250), 99, 1), ((0, 100, 250), 100, 2), ((0, 100, 250), 900, 3),
    ((), 5, None), ((0, 100), None, None),
])
def test_page_at(starts, offset, page):
    assert page_at(starts, offset) == page


@pytest.mark.parametrize("text, starts", [
    ("one page\n", ()),
    ("page one\n\fpage two\n\fpage three\n", (0, 10, 20)),
    ("page one\n\f", (0,)),  # pdftotext ends with a form feed: no empty page after it
])
def test_form_feeds_give_the_page_map(text, starts, settings):
    got = text_reader.read(text.encode(), settings)
    assert got.page_starts == starts
    for s in starts[1:]:
        assert got.text[s - 1] == "\f"


# ---- lines on a page to text (shared by the PDF text layer and OCR)

def L(text, top, size=11.0, left=72.0, right=None):  # noqa: N802 - a table helper
    return PageLine(text, top, top + size, left, right if right is not None else left + 6 * len(text))


@pytest.mark.parametrize("lines, expected", [
    ([L("Dear Minister,", 100), L("Thank you for your letter of", 122), L("6 November.", 136)],
     "Dear Minister,\n\nThank you for your letter of\n6 November."),
    # a page number drawn first and a running header drawn last go to the page's edges
    ([L("3", 800), L("Body line one", 100), L("body line two", 114), L("OFFICIAL - Home Office", 20)],
     "OFFICIAL - Home Office\n\nBody line one\nbody line two\n\n3"),
    # the space for a signature holds blank lines, as many as lines would fit in it
    ([L("Yours sincerely,", 100), L("next", 114), L("Jane Smith", 170)],
     "Yours sincerely,\nnext\n\n\n\nJane Smith"),
    # text after a superscript stays on its line
    ([L("5", 100, right=78), L("th Floor, Globe House", 100, left=78)], "5th Floor, Globe House"),
    # a second column (the text goes back up the page) starts a new paragraph
    ([L("left column one", 100), L("left column two", 114), L("right column one", 100, left=320)],
     "left column one\nleft column two\n\nright column one"),
    ([L("   ", 100), L("\ufb01nal \x02text ", 114)], "final text"),
    ([], ""),
], ids=["paragraph_gap", "header_and_page_number", "signature_space", "superscript", "columns", "cleaned", "empty"])
def test_page_text(lines, expected):
    assert page_text(lines, 842.0) == expected


def test_pages_meet_at_a_form_feed_line():
    text, starts = join_pages(["first page", "second page", ""])
    assert text == "first page\n\f\nsecond page\n\f\n"
    assert starts == (0, 13, 27)
    assert text[starts[1]:].startswith("second page")


def test_ocr_words_become_lines_in_points():
    data = {"text": ["", "Dear", "Minister,", "Thank", "you"], "conf": [-1, 90, 91, 88, 87],
            "block_num": [1, 1, 1, 1, 1], "par_num": [1, 1, 1, 2, 2], "line_num": [1, 1, 1, 1, 1],
            "word_num": [0, 1, 2, 1, 2], "left": [0, 300, 420, 300, 450], "top": [0, 600, 602, 700, 700],
            "width": [0, 100, 160, 120, 60], "height": [0, 40, 38, 40, 40]}
    lines = words_to_lines(data, scale=300 / 72)
    assert [ln.text for ln in lines] == ["Dear Minister,", "Thank you"]
    assert lines[0].top == pytest.approx(600 * 72 / 300) and lines[0].right == pytest.approx(580 * 72 / 300)


# ---- PDF

LETTER = ("4 February 2021\n\nRt Hon Priti Patel MP\nHome Secretary\n\nDear Home Secretary,\n\n"
          + "I am writing about **recommendation 6** of my review, which the Home Office has not yet answered. " * 12
          + "\n\nYours sincerely,\n\n\n\nDame Sara Thornton\n")


def test_pdf_text_layer_keeps_lines_pages_and_furniture_at_the_edges(settings):
    got = pdf_reader.read(render.to_pdf(LETTER * 3), settings)
    assert got.notes == ()
    assert len(got.page_starts) >= 2
    pages = [got.text[a:b] for a, b in zip(got.page_starts, [*got.page_starts[1:], len(got.text)])]
    for n, page in enumerate(pages, start=1):
        lines = [ln for ln in page.split("\n") if ln.strip() and ln != "\f"]
        assert lines[0] == render.HEADER  # drawn last by reportlab, read first
        assert lines[-1] == str(n)  # the page number, drawn first, read last
    assert "Rt Hon Priti Patel MP\nHome Secretary\n\nDear Home Secretary," in got.text
    assert "**" not in got.text and "recommendation 6 of my review" in got.text.replace("\n", " ")
    assert "Yours sincerely,\n\n\n" in got.text  # the signature's space


def test_pdf_with_a_user_password_is_e008_and_one_with_only_an_owner_password_is_read(settings):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    def make(user: str) -> bytes:
        buf = io.BytesIO()
        c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption(user, ownerPassword="owner", strength=128))
        c.drawString(72, 700, "Dear Minister, thank you for your letter.")
        c.showPage()
        c.save()
        return buf.getvalue()

    with pytest.raises(ReadFailure) as exc:
        pdf_reader.read(make("secret"), settings)
    assert exc.value.code == "E008" and "password" in exc.value.message
    assert pdf_reader.read(make(""), settings).text.startswith("Dear Minister")


@pytest.mark.parametrize("raw", [b"%PDF-1.7\n" + b"\x00not a pdf " * 50, render.to_pdf(LETTER)[:-300], b"<html></html>"],
                         ids=["garbage", "truncated", "html_named_pdf"])
def test_damaged_pdf_is_e009(raw, settings):
    with pytest.raises(ReadFailure) as exc:
        pdf_reader.read(raw, settings)
    assert exc.value.code == "E009" and "PDF" in exc.value.message


def test_scanned_pages_without_tesseract_are_named_in_a_warning(settings):
    scan = render.to_scanned_pdf(render.to_pdf(LETTER * 3), dpi=72)
    got = pdf_reader.read(scan, settings.model_copy(update=NO_TESSERACT))
    assert got.text.strip() == ""
    assert [n.code for n in got.notes] == ["W003"]
    assert "page(s) 1-" in got.notes[0].message and "apt-get install tesseract-ocr" in got.notes[0].message


def test_text_pages_are_not_read_by_ocr(settings, monkeypatch):
    from pipeline.readers import ocr

    monkeypatch.setattr(ocr, "page_lines", lambda *a: pytest.fail("OCR ran on a page with a text layer"))
    monkeypatch.setattr(ocr, "available", lambda s: True)
    assert "Dear Home Secretary" in pdf_reader.read(render.to_pdf(LETTER), settings).text


# ---- Word

def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = 0
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_line_breaks_and_empty_paragraphs(settings):
    def build(d):
        p = d.add_paragraph("Rt Hon Priti Patel MP")
        p.add_run().add_break()
        p.add_run("Home Secretary")
        d.add_paragraph()
        d.add_paragraph("Dear Home Secretary,")
        d.add_paragraph()
        d.add_paragraph("Thank you for your letter.")
        d.add_paragraph("On recommendation 6, we agree.")

    got = docx_reader.read(_docx(build), settings)
    assert got.text == ("Rt Hon Priti Patel MP\nHome Secretary\n\nDear Home Secretary,\n\n"
                        "Thank you for your letter.\nOn recommendation 6, we agree.\n")
    assert got.page_starts == ()


def test_docx_space_after_a_paragraph_reads_as_a_blank_line(settings):
    from docx.shared import Pt

    def build(d):
        d.styles["Normal"].paragraph_format.space_after = Pt(8)
        d.add_paragraph("Dear Home Secretary,")
        d.add_paragraph("Thank you for your letter.")

    assert docx_reader.read(_docx(build), settings).text == "Dear Home Secretary,\n\nThank you for your letter.\n"


def test_docx_tables_are_flattened_a_row_a_paragraph_a_cell_a_line(settings):
    def build(d):
        d.add_paragraph("The government's response:")
        table = d.add_table(rows=3, cols=2)
        for r, (a, b) in enumerate([("Recommendation", "Response"), ("1. Publish the guidance.", "Accepted."),
                                    ("2. Fund the service.", "Not accepted.")]):
            table.cell(r, 0).text, table.cell(r, 1).text = a, b
        merged = d.add_table(rows=1, cols=2)
        merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Annex"
        d.add_paragraph("Yours sincerely,")

    assert docx_reader.read(_docx(build), settings).text == (
        "The government's response:\n\nRecommendation\nResponse\n\n1. Publish the guidance.\nAccepted.\n\n"
        "2. Fund the service.\nNot accepted.\n\nAnnex\n\nYours sincerely,\n")


@pytest.mark.parametrize("raw, code", [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "E008"),
                                       (b"PK\x03\x04 broken zip", "E009"), (b"Dear Sir, plain text", "E009")],
                         ids=["encrypted_or_doc", "broken_zip", "text_named_docx"])
def test_docx_that_cannot_be_read(raw, code, settings):
    with pytest.raises(ReadFailure) as exc:
        docx_reader.read(raw, settings)
    assert exc.value.code == code


# ---- web pages

def test_web_page_keeps_the_main_content_and_title_and_drops_the_chrome(settings):
    text = ("6 November 2020\n\nDear Home Secretary,\n\nThe report made ten recommendations:\n\n"
            "3. The CPS should request the full minute;\n4. The SCA should share information;\n"
            "8. The Home Secretary should write to all local authorities;\n\n"
            "Rt Hon Priti Patel MP  \nHome Secretary  \n2 Marsham Street\n\nYours sincerely,\n")
    got = html_reader.read(render.to_html(text, "Letter from Dame Sara Thornton to the Home Secretary").encode(),
                           settings).text
    assert got.startswith("# Letter from Dame Sara Thornton to the Home Secretary\n\n6 November 2020\n")
    assert "3. The CPS should request the full minute;\n4. The SCA" in got
    assert "8. The Home Secretary should write" in got  # the author's number, not markdown's 5
    assert "Rt Hon Priti Patel MP\nHome Secretary\n2 Marsham Street" in got  # line breaks inside one block
    for chrome in ("cookies", "Cookies", "Accept additional", "dataLayer", "Crown copyright", "Share this page",
                   "Departments", "GOV.UK"):
        assert chrome not in got, chrome


@pytest.mark.parametrize("title, expected", [
    ("Letter from Lord True to Lord Evans - GOV.UK", "Letter from Lord True to Lord Evans"),
    ("Response to the committee | UK Parliament", "Response to the committee"),
    ("Letter to the Chair – 5 April 2022", "Letter to the Chair – 5 April 2022"),
    ("Recommendation 3 - response", "Recommendation 3 - response"),
    ("  Minutes\n of the meeting ", "Minutes of the meeting"),
])
def test_page_title_loses_only_the_site_name(title, expected):
    assert html_reader.page_title(title) == expected


def test_ordered_lists_keep_start_value_and_reversed(settings):
    page = ("<html><head><title>Reply</title></head><body><main><p>We respond to each recommendation in turn "
            "below, setting out what the government will do.</p><ol start='3'><li>Agreed in full.</li>"
            "<li value='9'>Agreed in part.</li><li>Not agreed.</li></ol><hr><p>Annex: the letter we answer, "
            "as it was sent to us by the committee.</p></main></body></html>")
    got = html_reader.read(page.encode(), settings).text
    assert "3. Agreed in full.\n9. Agreed in part.\n10. Not agreed." in got
    assert "\n---\n" in got


def test_web_page_with_nothing_to_read_is_e004(settings):
    with pytest.raises(ReadFailure) as exc:
        html_reader.read(b"<html><head></head><body><script>var x = 1;</script></body></html>", settings)
    assert exc.value.code == "E004"


# ---- e-mail

WHEN = dt.datetime(2021, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
MAIL = dict(sender="Jo Bloggs <jo.bloggs@example.gov.uk>", to="Dame Sara Thornton <sara@example.org>",
            cc='"Stanley, Yvette" <yvette@example.org>, office@example.org', date=WHEN,
            subject="Recommendation 6")


def test_email_headers_come_first_as_lines_with_their_spans(settings):
    got = email_reader.read(render.to_eml("Dear Sara,\r\n\r\nWe accept recommendation 6.\r\n\r\nJo\r\n", **MAIL),
                            settings)
    assert got.text == ("From: Jo Bloggs <jo.bloggs@example.gov.uk>\nTo: Dame Sara Thornton <sara@example.org>\n"
                        "Cc: \"Stanley, Yvette\" <yvette@example.org>, office@example.org\nDate: 1 March 2021\n"
                        "Subject: Recommendation 6\n\nDear Sara,\n\nWe accept recommendation 6.\n\nJo\n")
    assert [(h.name, got.text[h.start:h.end]) for h in got.head] == [
        ("From", "Jo Bloggs <jo.bloggs@example.gov.uk>"), ("To", "Dame Sara Thornton <sara@example.org>"),
        ("Cc", "\"Stanley, Yvette\" <yvette@example.org>, office@example.org"), ("Date", "1 March 2021"),
        ("Subject", "Recommendation 6")]
    assert all(got.text[slice(*h.line)].startswith(h.name + ": ") for h in got.head)


def test_email_prefers_plain_text_and_converts_html(settings):
    both = render.to_eml("Plain: we accept recommendation 6.", html="<p>HTML: we accept it.</p>", **MAIL)
    assert "Plain: we accept" in email_reader.read(both, settings).text
    only_html = render.to_eml(None, html="<html><body><p>Dear Sara,</p><p>Question</p><ol start='6'><li>We accept."
                                         "</li></ol><p>Jo</p></body></html>", **MAIL)
    got = email_reader.read(only_html, settings).text
    assert got.endswith("Dear Sara,\n\nQuestion\n\n6. We accept.\n\nJo\n")
    assert "# " not in got


def test_email_attachments_are_handed_back_whole(settings):
    pdf = render.to_pdf(LETTER)
    forwarded = render.to_eml("The original letter.", **MAIL)
    raw = render.to_eml("Please find our reply attached.", attachments=(
        ("reply.pdf", pdf, "application/pdf"), ("logo.png", b"\x89PNG fake", "image/png"),
        ("original.eml", forwarded, "message/rfc822")), **MAIL)
    got = email_reader.read(raw, settings)
    assert [a.name for a in got.attachments] == ["reply.pdf", "logo.png", "original.eml"]
    assert got.attachments[0].data == pdf
    assert b"The original letter." in got.attachments[2].data


def test_not_an_email_is_e009(settings):
    with pytest.raises(ReadFailure) as exc:
        email_reader.read(b"Dear Sir,\n\nNo headers here.\n", settings)
    assert exc.value.code == "E009"


def test_every_reader_returns_extracted(settings):
    for got in (text_reader.read(b"Dear Sir,\n", settings), pdf_reader.read(render.to_pdf("Dear Sir,"), settings),
                docx_reader.read(render.to_docx("Dear Sir,"), settings),
                html_reader.read(render.to_html("Dear Sir,", "A letter").encode(), settings),
                email_reader.read(render.to_eml("Dear Sir,", **MAIL), settings)):
        assert isinstance(got, Extracted) and "Dear Sir," in got.text and got.text.endswith("\n")


# ---- pages with nothing to read

def _image_pdf(blank: bool) -> bytes:
    """One A4 page holding only an image: blank white, or a grey square (no words either way)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1654, 2339), 255)
    if not blank:
        ImageDraw.Draw(image).rectangle((400, 400, 900, 900), fill=128)
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=200)
    return buf.getvalue()


def test_a_pdf_with_no_text_and_no_image_is_e004(settings):
    from reportlab.pdfgen import canvas

    from pipeline.stages.load import load_bytes

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.showPage()
    c.save()
    got = load_bytes(buf.getvalue(), "blank.pdf", "pdf", settings)
    assert (got.error, got.source_path) == ("E004", "blank.pdf")


@pytest.mark.skipif(not ocr.available(Settings()),
                    reason="the tesseract program (Debian: tesseract-ocr) is not installed here")
def test_ocr_that_finds_no_words_says_so(settings):
    got = pdf_reader.read(_image_pdf(blank=False), settings)
    assert got.text.strip() == "" and [n.code for n in got.notes] == ["W004"]
    assert "page(s) 1" in got.notes[0].message


# ---- any bytes, any format: text or one error row, never an exception

@pytest.mark.parametrize("fmt", ["txt", "md", "pdf", "docx", "html", "eml"])
def test_any_bytes_in_any_format_give_text_or_an_error_row(fmt, settings):
    from hypothesis import given, settings as hsettings, strategies as st

    from pipeline.records import ErrorRow
    from pipeline.stages.load import Loaded, load_bytes

    prefixes = {"pdf": b"%PDF-1.7\n", "docx": b"PK\x03\x04", "html": b"<html><body><p>", "eml": b"From: a@b.org\n\n"}

    @hsettings(max_examples=40, deadline=None, derandomize=True)
    @given(st.binary(max_size=300))
    def check(raw):
        got = load_bytes(prefixes.get(fmt, b"") + raw, f"x.{fmt}", fmt, settings.model_copy(update=NO_TESSERACT))
        assert isinstance(got, (Loaded, ErrorRow))
        if isinstance(got, ErrorRow):
            assert got.source_path == f"x.{fmt}" and f"x.{fmt}" in got.message

    check()


@pytest.mark.parametrize("n", range(5))
def test_page_text_of_any_lines_keeps_every_line(n):
    import random

    rng = random.Random(n)
    lines = [PageLine(f"line{k} text", top, top + rng.uniform(6, 14), rng.uniform(40, 300), rng.uniform(300, 560))
             for k, top in enumerate(sorted(rng.uniform(0, 830) for _ in range(rng.randrange(1, 60))))]
    rng.shuffle(lines)
    text = page_text(lines, 842.0)
    for ln in lines:  # in some order, alone on its line or after one on its baseline
        assert ln.text in text


# ---- bold and italic, marked as web text marks them

@pytest.mark.parametrize("lines, bold, expected", [
    (["Dear Sir,", "", "The statutory defence", "a call for evidence", "", "I write"],
     [False, False, True, True, False, False],
     ["Dear Sir,", "", "**The statutory defence", "a call for evidence**", "", "I write"]),
    (["Heading", "body"], [True, False], ["**Heading**", "body"]),
    (["", " "], [True, True], ["", " "]),
])
def test_embolden(lines, bold, expected):
    from pipeline.readers.pages import embolden

    assert embolden(lines, bold) == expected


def test_pdf_bold_lines_are_marked(settings):
    got = pdf_reader.read(render.to_pdf("Dear Sir,\n\n**'The Modern Slavery Act 2015 statutory defence'**\n\n"
                                        "I write about **recommendation 6** today.\n"), settings).text
    assert "\n**'The Modern Slavery Act 2015 statutory defence'**\n" in got
    assert "I write about recommendation 6 today." in got  # a word in bold inside a line is not marked


def test_docx_bold_and_italic_runs_are_marked(settings):
    def build(d):
        p = d.add_paragraph()
        p.add_run("'The statutory defence'").bold = True
        d.add_paragraph().add_run("Dear ")
        p = d.add_paragraph("See ")
        p.add_run("A review of what works ").italic = True
        p.add_run("and ")
        b = p.add_run("Rt Hon X")
        b.bold = True
        b.add_break()
        p.add_run("Minister").bold = True

    assert docx_reader.read(_docx(build), settings).text == (
        "**'The statutory defence'**\nDear\nSee *A review of what works* and **Rt Hon X**\n**Minister**\n")


def test_web_bold_and_italic_are_marked(settings):
    page = ("<html><head><title>A letter</title></head><body><main><p>Dear Sir,</p><p><strong>'The statutory "
            "defence: a call for evidence'</strong></p><p>We published <em>A review of what works</em> in "
            "August, and we set out our findings in full in that review for everyone to read.</p></main></body></html>")
    got = html_reader.read(page.encode(), settings).text
    assert "\n**'The statutory defence: a call for evidence'**\n" in got
    assert "We published *A review of what works* in August" in got
