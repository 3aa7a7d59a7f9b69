"""Saved web pages (.html, .htm): the main content, as the text of a page reads.

trafilatura finds the main content: navigation, cookie banners, scripts,
sharing links and footers are dropped by its boilerplate detection, not by
rules of ours. Its result is a small XML tree (``head``, ``p``, ``list``,
``item``, ``lb``, ``table``, ...), rendered here the way the project's web
text reads: the page title as a ``#`` line first (it often names the
letter's writer and addressee), paragraphs separated by blank lines, line
breaks kept inside a paragraph (an address block stays one block), list
items one a line, a table row as a paragraph with a cell a line.

trafilatura loses the numbers of ordered lists (``<ol start="3">`` becomes
"1.", or a bullet), and recommendations are often numbered that way, so
each item's number is written into its text before extraction.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from pipeline.config import Settings
from pipeline.readers import Extracted, ReadFailure

_WS = re.compile(r"[ \t\r\n\u00a0]+")
_BLOCKS = {"p", "head", "list", "table", "quote", "code", "div"}
_EMPHASIS = {"#b": "**", "#i": "*"}  # trafilatura's marks for <b>/<strong> and <i>/<em>


def _number_ordered_lists(root: etree._Element) -> None:
    """Write each ``<ol>`` item's number ('3. ') into its text, honouring ``start``, ``reversed`` and ``value``."""
    for ol in root.iter("ol"):
        try:
            n = int(ol.get("start", "1"))
        except ValueError:
            n = 1
        step = -1 if ol.get("reversed") is not None else 1
        for li in ol.iterchildren("li"):
            value = li.get("value")
            if value and value.strip().lstrip("-").isdigit():
                n = int(value)
            li.text = f"{n}. " + (li.text or "").lstrip()
            n += step
        ol.tag = "ul"  # the number is in the text now; a bullet would be printed twice otherwise
        ol.set("class", (ol.get("class", "") + " recpipe-numbered").strip())


def _mark_rules(root: etree._Element) -> None:
    """A horizontal rule (``<hr>``, often between two letters on one page) as a '---' line, as web text
    writes it; trafilatura would drop the empty element. The layout masking blanks it."""
    for hr in list(root.iter("hr")):
        p = etree.Element("p")
        p.text = "---"
        p.tail = hr.tail
        hr.getparent().replace(hr, p)


def _emphasise(text: str, mark: str) -> str:
    """'**bold**' around each line's words, spaces kept outside, as markdown needs them."""
    out = []
    for line in text.split("\n"):
        core = line.strip()
        if not core:
            out.append(line)
            continue
        lead, trail = line[:len(line) - len(line.lstrip())], line[len(line.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "\n".join(out)


def _flat(node: etree._Element) -> str:
    """A node's text with ``lb`` as a newline and bold and italic marked, as web text writes them."""
    if node.tag == "lb":
        return "\n" + (node.tail or "")
    inner = (node.text or "") + "".join(_flat(child) for child in node)
    mark = _EMPHASIS.get(node.get("rend", "")) if node.tag == "hi" else None
    if mark and inner.strip():
        inner = _emphasise(inner, mark)
    return inner + (node.tail or "")


def _inline(el: etree._Element) -> str:
    """An element's text as a browser shows it: spaces folded, line breaks kept, emphasis marked."""
    text = (el.text or "") + "".join(_flat(child) for child in el)
    lines = [_WS.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _render(el: etree._Element, out: list[str]) -> None:
    """Trafilatura's content tree to blocks of text, each block one item of ``out``."""
    for child in el:
        tag = child.tag
        if tag == "head":
            level = (child.get("rend") or "h2")[1:]
            text = _inline(child)
            if text:
                out.append("#" * (int(level) if level.isdigit() else 2) + " " + text.replace("\n", " "))
        elif tag == "list":
            items = []
            for item in child.iterchildren("item"):
                text = _inline(item)
                if text:
                    numbered = re.match(r"\d+\.\s", text)
                    items.append(text if numbered else "- " + text)
            if items:
                out.append("\n".join(items))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_inline(c) for c in row.iterchildren("cell")]
                cells = [c for c in cells if c]
                if cells:  # a row of several cells: one paragraph, a cell a line
                    out.append(cells[0] if len(cells) == 1 else "\n".join(" ".join(c.split()) for c in cells))
        elif tag in ("p", "quote", "code"):
            nested = [c for c in child if c.tag in _BLOCKS]
            if nested:
                _render(child, out)
            else:
                text = _inline(child)
                if text:
                    out.append(text)
        else:
            text = _inline(child)
            if text:
                out.append(text)


def _as_article(tree: etree._Element) -> None:
    """Everything in the body as one article: an e-mail's HTML is all message, with no site around it,
    and trafilatura keeps what an article holds (short lines such as 'Question' included)."""
    body = tree.find(".//body")
    if body is None:
        return
    article = etree.SubElement(body, "article")
    for child in list(body):
        if child is not article:
            article.append(child)
    article.text, body.text = body.text, None


def page_text(raw: bytes | str, *, message: bool = False) -> str:
    """The main content of a web page as text with its title first; '' where none is found.

    ``message``: the HTML body of an e-mail, read whole and without a title (its subject is a header).
    """
    import trafilatura

    try:
        tree = lxml_html.fromstring(raw)
    except (etree.ParserError, ValueError) as exc:
        raise ReadFailure("E009", f"cannot be parsed as HTML ({exc})") from None
    _number_ordered_lists(tree)
    _mark_rules(tree)
    if message:
        _as_article(tree)
    doc = trafilatura.bare_extraction(tree, include_tables=True, include_comments=False,
                                      include_links=False, include_images=False, include_formatting=True,
                                      deduplicate=False, with_metadata=True)
    blocks: list[str] = []
    if doc is not None and doc.body is not None:
        _render(doc.body, blocks)
    name = "" if message else page_title(doc.title if doc is not None and doc.title else _title_tag(tree))
    if name and not (blocks and blocks[0].startswith("#") and blocks[0].lstrip("# ") == name):
        blocks.insert(0, f"# {name}")
    return "\n\n".join(blocks) + "\n" if blocks else ""


def page_title(title: str) -> str:
    """A page title without the site's name after it ('Letter from X to Y - GOV.UK' -> 'Letter from X to Y')."""
    title = _WS.sub(" ", title or "").strip()
    site = re.search(r"\s+[-–—|]\s+([^-–—|]{1,40})$", title)
    if site and site.start() >= 10 and not re.search(r"\d", site.group(1)) and \
            all(w[:1].isupper() for w in site.group(1).split()):
        return title[:site.start()]
    return title


def _title_tag(tree: etree._Element) -> str:
    found = tree.find(".//title")
    return found.text_content() if found is not None else ""


def read(raw: bytes, settings: Settings) -> Extracted:
    text = page_text(raw)
    if not text.strip():
        raise ReadFailure("E004", "is a web page with no main content to read")
    return Extracted(text)
