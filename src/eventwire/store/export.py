"""Writers for events and figures read through ``store.queries``: JSON lines, an ACLED-style CSV,
GeoJSON and Parquet.

The CSV keeps ACLED's column names and order (so analysts' scripts read it unchanged), then
appends eventwire's own columns: ``sources`` (independent sources), ``confidence`` and
``evidence`` (every mention's sentence with article id and offsets, as JSON).
"""
from __future__ import annotations

import csv
import io
import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from ..taxonomy import ACLED_SUB_EVENT
from .db import Store
from .queries import (_EVENT_ORDER, EventFilter, _and, _event_conditions, _stream, iter_events,
                      iter_figures)

FORMATS = ("jsonl", "csv", "geojson", "parquet")

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities")
OUR_COLUMNS = ("sources", "confidence", "evidence", "event_id", "iso3", "type", "injured",
               "date_precision", "mentions")
EVENT_COLUMNS = ACLED_COLUMNS + OUR_COLUMNS

FIGURE_COLUMNS = ("figure_id", "level", "quantity", "value", "low", "best", "high", "qualifier",
                  "subject_country", "subject_sector", "place", "admin1", "country", "latitude",
                  "longitude", "period_from", "period_to", "date", "claimant", "claimant_type",
                  "best_rule", "time_series", "claims", "article_id", "evidence")


class ExportError(ValueError):
    """An export that cannot be written; the message says what to change."""


@lru_cache(maxsize=512)
def country_name(iso3: Optional[str]) -> Optional[str]:
    """ACLED writes country names, not codes."""
    if not iso3:
        return None
    try:
        import pycountry
        c = pycountry.countries.get(alpha_3=iso3.upper())
    except Exception:
        c = None
    return getattr(c, "common_name", None) or getattr(c, "name", None) or iso3


def event_row(ev: dict) -> dict:
    """One event dict (from the query layer) as a flat ACLED-style row."""
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
    mentions = ev.get("mentions") or []
    outlets: list[str] = []
    for m in mentions:
        name = m.get("outlet") or m.get("article_id")
        if name and name not in outlets:
            outlets.append(name)
    evidence = [{"article_id": m.get("article_id"), "text": m["evidence"]["text"],
                 "start": m["evidence"]["start"], "end": m["evidence"]["end"]} for m in mentions]
    return {
        "event_date": ev.get("date"),
        "event_type": ev.get("parent_type"),   # ACLED event type = our parent
        "sub_event_type": ACLED_SUB_EVENT.get(ev.get("type", ""), ev.get("type")),
        "actor1": a1.get("name"),
        "actor2": a2.get("name"),
        "country": country_name(loc.get("country")),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "source": "; ".join(outlets),
        "notes": (ev.get("evidence") or {}).get("text"),
        "fatalities": ev.get("fatalities"),
        "sources": ev.get("source_count"),
        "confidence": ev.get("confidence"),
        "evidence": json.dumps(evidence, ensure_ascii=False),
        "event_id": ev.get("id"),
        "iso3": loc.get("country"),
        "type": ev.get("type"),
        "injured": ev.get("injured"),
        "date_precision": ev.get("date_precision"),
        "mentions": len(mentions),
    }


def figure_row(fg: dict) -> dict:
    """A figure or a figure group as a flat row."""
    place = fg.get("place") or {}
    subject = fg.get("subject") or {}
    period = fg.get("period") or {}
    grouped = fg.get("level") == "group"
    claims = fg.get("claims") or []
    return {
        "figure_id": fg.get("id"), "level": fg.get("level"), "quantity": fg.get("quantity"),
        "value": fg.get("best") if grouped else fg.get("value"),
        "low": fg.get("low"), "best": fg.get("best") if grouped else fg.get("value"),
        "high": fg.get("high"), "qualifier": None if grouped else fg.get("qualifier"),
        "subject_country": subject.get("country"), "subject_sector": subject.get("sector"),
        "place": place.get("name"), "admin1": place.get("admin1"), "country": place.get("country"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "period_from": period.get("from"), "period_to": period.get("to"), "date": fg.get("date"),
        "claimant": None if grouped else fg.get("claimant"),
        "claimant_type": fg.get("claimant_type"), "best_rule": fg.get("best_rule"),
        "time_series": fg.get("time_series"),
        "claims": json.dumps([{k: c.get(k) for k in ("id", "value", "qualifier", "claimant",
                                                       "claimant_type", "date", "article_id")}
                              for c in claims], ensure_ascii=False) if grouped else None,
        "article_id": None if grouped else fg.get("article_id"),
        "evidence": json.dumps((fg.get("evidence") or {}).get("text"), ensure_ascii=False)
        if not grouped else None,
    }


# -- flat rows straight from SQL ---------------------------------------------------------------
# CSV and Parquet need only the flat ACLED row, so they skip the nested event dicts: one query
# returns the columns ``event_row`` would pick out (a mention-level event) or one row per
# mention of each resolved event (adjacent, in mention order), and ``_flat_row`` finishes them.
# tests/store/test_export.py checks that these rows equal ``event_row`` of the query layer.
_HAS_LOC = "({0}.location_name IS NOT NULL OR {0}.country IS NOT NULL)"
_FLAT_COLS = """CAST({0}.date AS VARCHAR) AS event_date, {0}.parent_type, {0}.type,
    {0}.actor1_name AS actor1, {0}.actor2_name AS actor2, {1} AS has_loc, {0}.country AS iso3,
    {0}.admin1, {0}.location_name AS location, {0}.lat AS latitude, {0}.lon AS longitude,
    {0}.geo_precision, {0}.evidence_text AS notes, {0}.fatalities, {0}.confidence,
    {0}.id AS event_id, {0}.injured, {0}.date_precision"""


def _mention_flat_sql(where: list[str]) -> str:
    # An article is independent unless it copies another (same rule as the query layer).
    return f"""SELECT {_FLAT_COLS.format('e', _HAS_LOC.format('e'))},
            CASE WHEN coalesce(a.near_duplicate_of, '') = '' AND a.rewritten_copy_of IS NULL
                 THEN 1 ELSE 0 END AS sources,
            e.article_id AS m_article_id, a.outlet AS m_outlet, e.evidence_text AS m_text,
            e.evidence_start AS m_start, e.evidence_end AS m_end, e.id AS m_id
        FROM events e LEFT JOIN articles a ON a.id = e.article_id{_and(where)}
        ORDER BY {_EVENT_ORDER.format('e')}"""


def _resolved_flat_sql(where: list[str]) -> str:
    return f"""WITH chosen AS (SELECT * FROM resolved_events r{_and(where)}),
        pm AS (SELECT event_id, resolved_id FROM event_mentions
               WHERE resolved_id IN (SELECT id FROM chosen)),
        pe AS (SELECT id, article_id, date, evidence_text, evidence_start, evidence_end
               FROM events WHERE id IN (SELECT event_id FROM pm)),
        pa AS (SELECT id, outlet, published FROM articles WHERE id IN (SELECT article_id FROM pe)),
        ms AS (SELECT m.resolved_id, e.article_id AS m_article_id, a.outlet AS m_outlet,
                      e.evidence_text AS m_text, e.evidence_start AS m_start,
                      e.evidence_end AS m_end, e.id AS m_id, e.date AS m_date,
                      a.published AS m_published
               FROM pm m JOIN pe e ON e.id = m.event_id LEFT JOIN pa a ON a.id = e.article_id)
        SELECT {_FLAT_COLS.format('r', _HAS_LOC.format('r'))}, r.source_count AS sources,
               x.m_article_id, x.m_outlet, x.m_text, x.m_start, x.m_end, x.m_id
        FROM chosen r LEFT JOIN ms x ON x.resolved_id = r.id
        ORDER BY {_EVENT_ORDER.format('r')}, x.m_date ASC NULLS LAST,
                 x.m_published ASC NULLS LAST, x.m_id"""


def _flat_row(r: dict, mentions: list[dict]) -> dict:
    loc = r["has_loc"]
    outlets: list[str] = []
    for m in mentions:
        name = m["m_outlet"] or m["m_article_id"]
        if name and name not in outlets:
            outlets.append(name)
    evidence = [{"article_id": m["m_article_id"], "text": m["m_text"], "start": m["m_start"],
                 "end": m["m_end"]} for m in mentions]
    return {
        "event_date": r["event_date"], "event_type": r["parent_type"],
        "sub_event_type": ACLED_SUB_EVENT.get(r["type"] or "", r["type"]),
        "actor1": r["actor1"], "actor2": r["actor2"],
        "country": country_name(r["iso3"]) if loc else None,
        "admin1": r["admin1"] if loc else None, "location": r["location"] if loc else None,
        "latitude": r["latitude"] if loc else None, "longitude": r["longitude"] if loc else None,
        "geo_precision": r["geo_precision"] if loc else None,
        "source": "; ".join(outlets), "notes": r["notes"], "fatalities": r["fatalities"],
        "sources": r["sources"], "confidence": r["confidence"],
        "evidence": json.dumps(evidence, ensure_ascii=False),
        "event_id": r["event_id"], "iso3": r["iso3"] if loc else None, "type": r["type"],
        "injured": r["injured"], "date_precision": r["date_precision"],
        "mentions": len(mentions),
    }


def iter_event_rows(store: Store, flt: EventFilter | None = None,
                    resolved: bool = False) -> Iterator[dict]:
    """``event_row`` of every matching event, in page order, without building event dicts."""
    flt = flt or EventFilter()
    where, params = _event_conditions(flt, "r" if resolved else "e", resolved)
    sql = _resolved_flat_sql(where) if resolved else _mention_flat_sql(where)
    current: Optional[dict] = None
    mentions: list[dict] = []
    for r in _stream(store, sql, params, 5000):
        if current is not None and r["event_id"] == current["event_id"]:
            mentions.append(r)
            continue
        if current is not None:
            yield _flat_row(current, mentions)
        current, mentions = r, ([r] if r["m_id"] is not None else [])
    if current is not None:
        yield _flat_row(current, mentions)


# -- writers ---------------------------------------------------------------------------------
def write_jsonl(items: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], out: IO[str], columns: tuple[str, ...]) -> int:
    # A plain writer over lists: DictWriter's per-row checks cost more than the row itself.
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    n = 0
    for r in rows:
        w.writerow(["" if (v := r.get(c)) is None else v for c in columns])
        n += 1
    return n


def write_geojson(items: Iterable[dict], out: IO[str], place_key: str = "location") -> int:
    """A FeatureCollection; an item without coordinates gets a null geometry (RFC 7946 s.3.2)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for item in items:
        loc = item.get(place_key) or {}
        geom = ({"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
                if loc.get("lat") is not None and loc.get("lon") is not None else None)
        feature = {"type": "Feature", "id": item.get("id"), "geometry": geom, "properties": item}
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


def write_parquet(rows: Iterable[dict], path: Path | IO[bytes], columns: tuple[str, ...]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [] for c in columns}
    for r in rows:
        for c in columns:
            data[c].append(r.get(c))
    table = pa.table({c: pa.array(v) if any(x is not None for x in v) else pa.array(v, pa.string())
                      for c, v in data.items()})
    pq.write_table(table, path)
    return table.num_rows


# -- store-level exports -----------------------------------------------------------------------
def _check_format(fmt: str) -> str:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return fmt


def _write(fmt: str, items: Iterator[dict], flat, columns: tuple[str, ...], out: Optional[Path],
           place_key: str) -> int:
    if fmt == "parquet":
        if out is None:
            buf = io.BytesIO()
            n = write_parquet((flat(i) for i in items), buf, columns)
            sys.stdout.buffer.write(buf.getvalue())
            return n
        return write_parquet((flat(i) for i in items), out, columns)
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "jsonl":
            return write_jsonl(items, stream)
        if fmt == "csv":
            return write_csv((flat(i) for i in items), stream, columns)
        return write_geojson(items, stream, place_key)
    finally:
        if out:
            stream.close()


def export_events(store: Store, fmt: str = "jsonl", out: Optional[Path] = None,
                  flt: EventFilter | None = None, resolved: bool = False) -> int:
    """Write every matching event to ``out`` (stdout when None); returns how many."""
    fmt = _check_format(fmt)
    if fmt in ("csv", "parquet"):
        return _write(fmt, iter_event_rows(store, flt, resolved=resolved), lambda r: r,
                      EVENT_COLUMNS, out, "location")
    return _write(fmt, iter_events(store, flt, resolved=resolved), event_row, EVENT_COLUMNS,
                  out, "location")


def export_figures(store: Store, fmt: str = "jsonl", out: Optional[Path] = None,
                   flt: EventFilter | None = None, grouped: bool = False) -> int:
    fmt = _check_format(fmt)
    return _write(fmt, iter_figures(store, flt, grouped=grouped), figure_row, FIGURE_COLUMNS,
                  out, "place")
