"""From a decoded input to an Article: clean it, name it, flag it."""
from __future__ import annotations

import hashlib
import re
from typing import Optional, Union

from ..clean import clean_text
from ..clean.boilerplate import Cleaned
from ..clean.html import extract_html
from ..records import Article
from .readers import Doc, Problem, problem

MIN_WORDS = 5          # below this a "body" is a stub: nothing an extractor could use


def text_hash(text: str) -> str:
    """Hash of the cleaned text with whitespace normalised, so layout alone never makes a new article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def build_article(doc: Doc) -> Union[Article, Problem]:
    meta = doc.meta
    title: Optional[str] = meta.get("title")
    published, outlet, url = meta.get("published"), meta.get("outlet"), meta.get("url")
    if doc.html is not None:
        page = extract_html(doc.html, url=url)
        if page is None:
            return problem(doc.source, doc.locator, "no_article_text",
                           "the page holds no article text (only navigation, or nothing); check "
                           "that it is a news article page", doc.raw)
        cleaned: Cleaned = page.cleaned
        title = title or page.title
        published = published or page.published
        outlet = outlet or page.outlet
        url = url or page.url
        raw_text = doc.html
    else:
        # Feed items keep their HTML fragment as the raw input; their text is its plain text.
        raw_text = doc.raw.content.decode("utf-8") if doc.kind in ("rss", "atom") and doc.raw.content \
            else doc.text or ""
        cleaned = clean_text(doc.text or "", title=title)
        title = title or cleaned.title
    words = len(cleaned.text.split())
    if words < MIN_WORDS and doc.html is not None:
        return problem(doc.source, doc.locator, "no_article_text",
                       f"the page holds no article text ({words} word(s) outside navigation and "
                       "page furniture); check that it is a news article page", doc.raw)
    if words < MIN_WORDS:
        what = "is empty" if not raw_text.strip() else (
            f"has only {words} word(s) of article text after cleaning")
        return problem(doc.source, doc.locator, "empty", f"the article {what}; check the input "
                       "or drop it", doc.raw)
    flags = ["boilerplate_removed"] if cleaned.boilerplate_removed else []
    source = doc.source if doc.locator is None else f"{doc.source}#{doc.locator}"
    return Article(id=meta.get("id") or text_hash(cleaned.text)[:16], title=title, outlet=outlet,
                   url=url, published=_iso(published), text=cleaned.text, raw=raw_text,
                   raw_format=doc.kind, source=source, flags=flags)


def _iso(value: Optional[str]) -> Optional[str]:
    """Dates as ISO strings: feeds and pages give many shapes; the store wants one."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value
    import dateparser

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                               "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else value
