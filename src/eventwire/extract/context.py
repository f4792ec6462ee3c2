"""The article as the extractors see it: cleaned text cut into sentences, with spaCy parses
only for the sentences that may hold an event or a figure (parsing is the costly part)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from ..records import Article, Evidence

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "sen", "rep", "gov",
    "pres", "st", "u.s", "u.n", "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "co", "corp", "jr", "sr",
    "lt.-gen", "adm", "brig", "cmdr", "prof", "rev", "mt", "ft", "approx", "est", "dept",
}
# Words that open a sentence but not a name: "... on the platform X. The G7 talks" ends at
# "X." even though a single capital and a period usually mark an initial ("George W. Bush").
_STARTS_SENTENCE = re.compile(r"[\"“‘(]?(?:The|A|An|In|On|At|He|She|It|They|We|I|But|And|However|"
                              r"This|That|These|Those|His|Her|Their|Its|There|Meanwhile|After|"
                              r"Before|When|While|According)\b")
_BOUNDARY = re.compile(r"(?<=[.!?])([\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")


# A wire dateline: "MOGADISHU, March 18 (Horn Wire) - ", "KYIV, Ukraine (AP) — ", "PESHAWAR: ".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.\-]{2,}(?:(?:\s+|/)[A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2})?"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([^()]{1,40}\)\s*)?[-–—:]\s+")


def dateline_end(text: str) -> int:
    """Length of the dateline that opens ``text`` (0 when there is none): where the reporter
    filed from, which is not where the story's events happened when the sentence says so."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


@dataclass
class Sentence:
    index: int
    start: int                 # offset of the sentence in the article text
    end: int
    text: str
    paragraph: int
    doc: Any = None            # spaCy Doc of this sentence (offsets relative to ``start``), if parsed

    def evidence(self, start: Optional[int] = None, end: Optional[int] = None) -> Evidence:
        """An Evidence span for this sentence, or for [start, end) given relative to it."""
        s = 0 if start is None else start
        e = len(self.text) if end is None else end
        return Evidence(text=self.text[s:e], start=self.start + s, end=self.start + e)


@dataclass
class ArticleContext:
    article: Article
    text: str
    published: Optional[date]
    sentences: list[Sentence]
    places: Any = None         # extract.places.PlaceContext, filled by the pipeline
    extra: dict[str, Any] = field(default_factory=dict)

    def sentence_at(self, offset: int, *, closing: bool = False) -> Optional[Sentence]:
        """The sentence holding the article offset; with ``closing``, also the one whose end
        it sits right on (a quote's closing mark just after the full stop)."""
        reach = 1 if closing else 0
        return next((s for s in self.sentences if s.start <= offset < s.end + reach), None)


# The signature that closes an embedded tweet, "— Rob Lee (@RALee85) February 25, 2022", ends
# a sentence though no stop follows it: the page's own prose goes on right after.
_TWEET_END = re.compile(r"\(@\w{1,30}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}()\s+(?=[A-Z])")


def _split_paragraph(text: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    marks = sorted([(m.start(), m.start() + len(m.group(1)), m.end(), True) for m in _BOUNDARY.finditer(text)]
                   + [(m.end(1), m.end(1), m.end(), False) for m in _TWEET_END.finditer(text)])
    for at, close, resume, stop in marks:
        if at < start:
            continue
        head = text[start:at]
        last = re.search(r"([A-Za-z][A-Za-z.\-]*)\.$", head)
        if stop and last and (last.group(1).lower() in _ABBREV or len(last.group(1)) == 1) \
                and not _STARTS_SENTENCE.match(text, resume):
            continue
        spans.append((base + start, base + close))
        start = resume
    if text[start:].strip():
        spans.append((base + start, base + len(text.rstrip())))
    return spans


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for each sentence; paragraphs are separated by newlines."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for p, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            for s, e in _split_paragraph(stripped, pos + lead):
                out.append((s, e, p))
        pos += len(line) + 1
    return out


def build_context(article: Article) -> ArticleContext:
    text = article.text
    sentences = [Sentence(i, s, e, text[s:e], p) for i, (s, e, p) in enumerate(split_sentences(text))]
    published = None
    if article.published:
        try:
            published = date.fromisoformat(article.published[:10])
        except ValueError:
            published = None
    return ArticleContext(article=article, text=text, published=published, sentences=sentences)
