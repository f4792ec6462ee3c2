"""Writing extracted events, figures and their evidence (mention level) to the store."""
from __future__ import annotations

import hashlib

from ..records import Event, Evidence, Extraction, Figure
from ..taxonomy import EVENT_TYPES
from .db import Store


def _record_id(kind: str, article_id: str, index: int, ev: Evidence, label: str) -> str:
    key = f"{kind}|{article_id}|{index}|{ev.start}|{ev.end}|{label}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def assign_ids(extraction: Extraction) -> Extraction:
    """Stable ids for an article's events and figures (same input, same ids)."""
    aid = extraction.article.id
    for i, e in enumerate(extraction.events):
        e.article_id = aid
        e.id = e.id or "e" + _record_id("event", aid, i, e.evidence, e.type)
    for i, f in enumerate(extraction.figures):
        f.article_id = aid
        f.id = f.id or "f" + _record_id("figure", aid, i, f.evidence, f.quantity)
    return extraction


def _evidence_rows(kind: str, owner_id: str, article_id: str, main: Evidence,
                   provenance: dict[str, Evidence]) -> list[tuple]:
    rows = [(kind, owner_id, "record", article_id, main.start, main.end, main.text)]
    rows += [(kind, owner_id, name, article_id, ev.start, ev.end, ev.text)
             for name, ev in provenance.items()]
    return rows


def _event_row(e: Event) -> tuple:
    loc, a1, a2 = e.location, e.actor1, e.actor2
    return (e.id, e.article_id, e.type, EVENT_TYPES.get(e.type), e.date, e.date_precision,
            loc.name if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, loc.precision if loc else None,
            a1.name if a1 else None, a1.country if a1 else None, a1.sector if a1 else None,
            a2.name if a2 else None, a2.country if a2 else None, a2.sector if a2 else None,
            e.fatalities, e.injured, e.claimant, e.confidence,
            e.evidence.text, e.evidence.start, e.evidence.end,
            e.model_dump_json(by_alias=True))


def _figure_row(f: Figure) -> tuple:
    p = f.place
    period = f.period
    return (f.id, f.article_id, f.quantity, f.value, f.low, f.high, f.qualifier,
            f.subject.country, f.subject.sector,
            p.name if p else None, p.admin1 if p else None, p.country if p else None,
            p.lat if p else None, p.lon if p else None,
            period.from_ if period else None, period.to if period else None,
            f.claimant, f.date, f.confidence,
            f.evidence.text, f.evidence.start, f.evidence.end,
            f.model_dump_json(by_alias=True))


def save_extraction(store: Store, extraction: Extraction) -> None:
    """Replace the article's events, figures and evidence with this extraction, atomically."""
    assign_ids(extraction)
    aid = extraction.article.id
    with store.transaction() as con:
        con.execute("DELETE FROM evidence WHERE article_id = ?", [aid])
        con.execute("DELETE FROM events WHERE article_id = ?", [aid])
        con.execute("DELETE FROM figures WHERE article_id = ?", [aid])
        if extraction.events:
            con.executemany(f"INSERT INTO events VALUES ({', '.join(['?'] * 26)})",
                            [_event_row(e) for e in extraction.events])
        if extraction.figures:
            con.executemany(f"INSERT INTO figures VALUES ({', '.join(['?'] * 23)})",
                            [_figure_row(f) for f in extraction.figures])
        rows: list[tuple] = []
        for e in extraction.events:
            rows += _evidence_rows("event", e.id, aid, e.evidence, e.provenance)
        for f in extraction.figures:
            rows += _evidence_rows("figure", f.id, aid, f.evidence, f.provenance)
        if rows:
            con.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        # Flags found by extraction join those ingest set; the list stays sorted and unique.
        con.execute("UPDATE articles SET extracted = true, flags = list_sort(list_distinct("
                    "list_concat(coalesce(flags, []), ?::VARCHAR[]))) WHERE id = ?",
                    [list(extraction.flags), aid])
