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
from .queries import EventFilter, iter_events, iter_figures

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


# -- writers ---------------------------------------------------------------------------------
def write_jsonl(items: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], out: IO[str], columns: tuple[str, ...]) -> int:
    w = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
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
    return _write(fmt, iter_events(store, flt, resolved=resolved), event_row, EVENT_COLUMNS,
                  out, "location")


def export_figures(store: Store, fmt: str = "jsonl", out: Optional[Path] = None,
                   flt: EventFilter | None = None, grouped: bool = False) -> int:
    fmt = _check_format(fmt)
    return _write(fmt, iter_figures(store, flt, grouped=grouped), figure_row, FIGURE_COLUMNS,
                  out, "place")
