"""Render a seed letter (markdown-ish text, as corpus/ holds it) in the formats letters arrive in.

Tests build every PDF, Word file, web page and e-mail from the seed text at
test time, so no binary fixture is copied from anywhere. Each rendering is
what an author or a publisher would make of the same letter:

- PDF: A4 pages of wrapped lines, bold where the text is bold, a running
  header and a page number on every page (reportlab);
- scanned PDF: those pages rendered to images and saved as a PDF with no
  text layer, as a scanner makes;
- Word: one paragraph per line with an empty paragraph per blank line (typed
  with Enter twice), or one paragraph per block with line breaks inside and
  Word's space after paragraphs (python-docx);
- web page: the text through markdown-it inside a page with navigation, a
  cookie banner, scripts and a footer;
- e-mail: the letter as the body (plain text or HTML), or a covering note
  with the letter attached.
"""
from __future__ import annotations

import hashlib
import io
import re
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape as html_escape
from xml.sax.saxutils import escape

_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_TOKEN = re.compile(r"(\*\*|<sup>|</sup>|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")

HEADER = "Independent Anti-Slavery Commissioner - correspondence"


def runs(line: str) -> list[tuple[str, bool, bool, bool]]:
    """A line's text as (text, bold, italic, superscript) runs, with markdown links as their words."""
    line = _LINK.sub(lambda m: m.group(1), line.rstrip())
    out: list[tuple[str, bool, bool, bool]] = []
    bold = italic = sup = False
    for part in _TOKEN.split(line):
        if part == "**":
            bold = not bold
        elif part == "<sup>":
            sup = True
        elif part == "</sup>":
            sup = False
        elif part == "*":
            italic = not italic
        elif part:
            out.append((part, bold, italic, sup))
    return out


def plain(line: str) -> str:
    return "".join(r[0] for r in runs(line))


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """(blank lines before, lines) for each block of consecutive non-blank lines."""
    out: list[tuple[int, list[str]]] = []
    gap, cur = 0, []
    for line in text.split("\n"):
        if line.strip():
            cur.append(line)
            continue
        if cur:
            out.append((gap, cur))
            gap, cur = 0, []
        gap += 1
    if cur:
        out.append((gap, cur))
    return out


# ---- PDF

def to_pdf(text: str, *, header: str | None = HEADER) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    def markup(line: str) -> str:
        parts = []
        for t, b, i, s in runs(line):
            t = escape(t)
            t = f"<super>{t}</super>" if s else t
            t = f"<i>{t}</i>" if i else t
            parts.append(f"<b>{t}</b>" if b else t)
        return "".join(parts)

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(25 * mm, A4[1] - 12 * mm, header)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, str(doc.page))
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm,
                            bottomMargin=22 * mm, title="", author="", creator="")
    flow = []
    for gap, lines in blocks(text):
        if flow and gap:
            flow.append(Spacer(1, 8 * gap))
        flow += [Paragraph(markup(line) or "&nbsp;", body) for line in lines]
    doc.build(flow, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


def to_scanned_pdf(pdf: bytes, *, dpi: int = 200) -> bytes:
    """The PDF's pages as images in a PDF with no text layer, as a scanner makes it."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in doc]
    doc.close()
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


# ---- Word

def to_docx(text: str, *, spaced: bool = False) -> bytes:
    """``spaced``: a paragraph per block, line breaks inside, 8pt after each (Word's modern default);
    otherwise a paragraph per line and an empty paragraph per blank line."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.paragraph_format.space_after = Pt(8 if spaced else 0)

    def add(lines: list[str]):
        p = document.add_paragraph()
        for k, line in enumerate(lines):
            for t, b, i, s in runs(line):
                run = p.add_run(t)
                run.bold, run.italic, run.font.superscript = b or None, i or None, s or None
            if k < len(lines) - 1:
                p.add_run().add_break()
        return p

    for n, (gap, lines) in enumerate(blocks(text)):
        if spaced:
            for _ in range(max(0, gap - 1) if n else 0):
                document.add_paragraph()
            add(lines)
        else:
            for _ in range(gap if n else 0):
                document.add_paragraph()
            for line in lines:
                add([line])
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ---- web page

CHROME_TOP = """<header class="govuk-header"><a href="/" class="govuk-header__link">GOV.UK</a>
<nav aria-label="Menu"><ul><li><a href="/browse/crime">Crime, justice and law</a></li>
<li><a href="/government/organisations">Departments</a></li><li><a href="/search/news">News and communications</a></li>
<li><a href="/search">Search GOV.UK</a></li></ul></nav></header>
<div id="global-cookie-message" class="cookie-banner" role="region" aria-label="Cookies on GOV.UK">
<h2>Cookies on GOV.UK</h2><p>We use some essential cookies to make this website work.</p>
<p>We'd like to set additional cookies to understand how you use GOV.UK, remember your settings and improve
government services.</p><button type="button">Accept additional cookies</button>
<button type="button">Reject additional cookies</button><a href="/help/cookies">View cookies</a></div>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
<div class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/crime">Crime, justice and law</a></li></ol></div>"""

CHROME_BOTTOM = """<div class="share"><h2>Share this page</h2><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul></div>
<footer class="govuk-footer"><h2>Topics</h2><ul><li><a href="/benefits">Benefits</a></li><li><a href="/births">Births, death, marriages and care</a></li>
<li><a href="/business">Business and self-employed</a></li><li><a href="/childcare">Childcare and parenting</a></li></ul>
<ul><li><a href="/help">Help</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/cookies">Cookies</a></li>
<li><a href="/accessibility">Accessibility statement</a></li></ul>
<p>All content is available under the Open Government Licence v3.0, except where otherwise stated</p>
<p>&copy; Crown copyright</p></footer>
<script src="/assets/application.js"></script>"""


def body_html(text: str) -> str:
    """The letter as HTML: markdown-it, with each list item keeping the number its author gave it (markdown
    renumbers '3. 4. 8.' as 3, 4, 5) and three or more blank lines (a gap between two letters) as a rule."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "breaks": True})
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n){2,}", "\n\n<hr>\n\n", text.strip("\n"))
    tokens = md.parse(text)
    for tok in tokens:
        if tok.type == "list_item_open" and tok.info.isdigit():
            tok.attrSet("value", tok.info)
    return md.renderer.render(tokens, md.options, {})


def to_html(text: str, title: str, *, heading: bool = True) -> str:
    """A saved page: ``title`` in the head and, with ``heading``, as the page's h1."""
    h1 = f'<h1 class="gem-c-title">{html_escape(title)}</h1>' if heading else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html_escape(title)} - GOV.UK</title>'
            f'<meta name="viewport" content="width=device-width"><style>body {{ font-family: sans-serif; }}</style>'
            f'</head><body>{CHROME_TOP}<main id="content" role="main">{h1}'
            f'<div class="govspeak">{body_html(text)}</div></main>{CHROME_BOTTOM}</body></html>\n')


# ---- e-mail

def to_eml(body: str, *, sender: str, to: str, date, subject: str, cc: str | None = None, html: str | None = None,
           attachments: tuple[tuple[str, bytes, str], ...] = ()) -> bytes:
    """An e-mail with a plain-text body (and an HTML one where given), and files attached as (name, bytes, mime)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    if cc:
        msg["Cc"] = cc
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = f"<{hashlib.sha256(f'{subject}{date}'.encode()).hexdigest()[:20]}@example.org>"
    if body is not None:
        msg.set_content(body)
    if html is not None:
        if body is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    for name, data, mime in attachments:
        if mime == "message/rfc822":  # a forwarded message is attached as a message, not as bytes
            from email import policy
            from email.parser import BytesParser

            msg.add_attachment(BytesParser(policy=policy.default).parsebytes(data), filename=name)
            continue
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(msg)
