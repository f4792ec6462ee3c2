"""The records every stage passes on: Article, Event, Figure and their parts (CODEBOOK.md s.1).

Defined once here; stages import them and never redefine them. ``model_dump(by_alias=True,
exclude={...})`` of an Event or Figure gives the codebook's gold shape.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Sector = Literal["military", "police", "government", "rebels", "militia", "civilians",
                 "protesters", "rioters", "unknown"]
Quantity = Literal["killed", "injured", "displaced", "detained", "missing", "buildings_damaged",
                   "equipment_lost", "without_services", "other"]
Qualifier = Literal["exact", "at_least", "about", "up_to"]
DatePrecision = Literal["day", "week", "month", "year"]
Flag = Literal["boilerplate_removed", "near_duplicate", "rewritten_copy", "inconsistent_entity",
               "self_interaction"]


class Record(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Evidence(Record):
    """A span of the article's cleaned text: ``text == article.text[start:end]``."""
    text: str
    start: int
    end: int


class Location(Record):
    name: str
    admin1: Optional[str] = None
    country: Optional[str] = None          # ISO 3166 alpha-3
    lat: Optional[float] = None
    lon: Optional[float] = None
    precision: Optional[int] = None        # 1 town/village, 2 district/region, 3 country
    geonameid: Optional[int] = None
    evidence: Optional[Evidence] = None    # where the place name was read


class Actor(Record):
    name: Optional[str] = None
    country: Optional[str] = None          # ISO 3166 alpha-3
    sector: Sector = "unknown"
    evidence: Optional[Evidence] = None


class Subject(Record):
    country: Optional[str] = None
    sector: Optional[Sector] = None


class Period(Record):
    from_: Optional[str] = Field(default=None, alias="from")
    to: Optional[str] = None


class Event(Record):
    id: Optional[str] = None
    article_id: Optional[str] = None
    type: str
    date: Optional[str] = None             # ISO date
    date_precision: Optional[DatePrecision] = None
    location: Optional[Location] = None
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    fatalities: Optional[int] = None
    injured: Optional[int] = None
    evidence: Evidence
    confidence: float = 0.5
    trigger: Optional[Evidence] = None     # the word(s) that named the happening
    # Field name -> the span that decided it (date expression, number, claimant...).
    provenance: dict[str, Evidence] = Field(default_factory=dict)
    claimant: Optional[str] = None
    why: list[str] = Field(default_factory=list)   # the rules that fired, for explanation


class Figure(Record):
    id: Optional[str] = None
    article_id: Optional[str] = None
    quantity: Quantity
    value: int
    low: Optional[int] = None
    high: Optional[int] = None
    qualifier: Qualifier = "exact"
    subject: Subject = Field(default_factory=Subject)
    place: Optional[Location] = None
    period: Optional[Period] = None
    claimant: Optional[str] = None
    date: Optional[str] = None             # date the figure was stated (article date unless said)
    evidence: Evidence
    confidence: float = 0.5
    provenance: dict[str, Evidence] = Field(default_factory=dict)


class Article(Record):
    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None        # ISO date or datetime
    text: str                              # cleaned body
    raw: Optional[str] = None              # the input as it came (decoded), beside the cleaned text
    raw_format: Optional[str] = None       # text | html | jsonl | warc | rss | atom
    source: Optional[str] = None           # file path (and locator) it was read from
    flags: list[str] = Field(default_factory=list)
    near_duplicate_of: Optional[str] = None
    rewritten_copy_of: Optional[str] = None
    ingested_at: Optional[datetime] = None

    @property
    def published_date(self) -> Optional[str]:
        return self.published[:10] if self.published else None


class Extraction(Record):
    """What the extractor makes of one article: the codebook's gold shape plus provenance."""
    article: Article
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)

    def to_gold_shape(self) -> dict:
        """One JSON line of ``eventwire extract``: CODEBOOK s.5 keys plus offsets and confidence."""
        a = self.article
        return {
            "article": {"id": a.id, "published": a.published, "outlet": a.outlet,
                        "title": a.title, "url": a.url},
            "events": [e.model_dump(by_alias=True, mode="json", exclude_none=False)
                       for e in self.events],
            "figures": [f.model_dump(by_alias=True, mode="json", exclude_none=False)
                        for f in self.figures],
            "flags": list(self.flags),
        }


class QuarantineItem(Record):
    """An input that could not become an article, and why."""
    source: str                            # file path
    locator: Optional[str] = None          # "line 17", "record 3", "item 2"
    reason: str                            # short machine-readable code, e.g. "broken_json"
    detail: str                            # what is wrong and what to do, for people
    raw_id: Optional[str] = None           # key of the raw bytes in the raw_inputs table
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
