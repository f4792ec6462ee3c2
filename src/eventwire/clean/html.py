"""Main text and metadata of an HTML news page (trafilatura), then the text cleaner on top.

trafilatura drops the page chrome outside the article container (menus, footers, sidebars);
appeals, captions and "Read more" lines that sit *inside* the container survive it, so the
plain-text cleaner runs on its output too.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura

from .boilerplate import Cleaned, Cut, clean_text

# trafilatura logs every page it finds thin; the ingest reports those as quarantine instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")
_MIN_CHROME_WORDS = 3


@dataclass
class HtmlArticle:
    cleaned: Cleaned
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """The article in ``html``, or None when the page holds no article text."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        return None
    cleaned = clean_text(doc.text, title=doc.title)
    chrome = _page_chrome(html, cleaned.text + "\n" + (doc.title or ""))
    if chrome:
        cleaned.cuts.insert(0, Cut("page", chrome))
    return HtmlArticle(cleaned=cleaned, title=doc.title or cleaned.title,
                       published=doc.date, outlet=doc.sitename,
                       url=doc.url or url)


def _page_chrome(html: str, kept: str) -> str:
    """Visible text of the page that did not make it into the article (menus, share bars...)."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.iter(*_INVISIBLE):
        bad.drop_tree() if bad.getparent() is not None else None
    kept_words = set(re.findall(r"\w+", kept.lower()))
    lost = []
    for block in root.itertext():
        words = re.findall(r"\w+", block.lower())
        if len(words) >= _MIN_CHROME_WORDS and sum(w not in kept_words for w in words) > len(words) / 2:
            lost.append(block.strip())
    return "\n".join(lost)


_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "figcaption", "tr", "section", "article")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one paragraph a line.

    trafilatura wants a whole page and gives up on a two-sentence description; a fragment
    needs only its tags turned into line breaks.
    """
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in list(root.iter(*_INVISIBLE)):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return re.sub(r"\n\s*\n+", "\n", root.text_content()).strip()
