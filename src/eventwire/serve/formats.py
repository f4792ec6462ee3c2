"""Response bodies for one page of rows: JSON, CSV (flat columns) and GeoJSON."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Optional

FORMATS = ("json", "csv", "geojson")
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
               "geojson": "application/geo+json"}


def pick_format(requested: Optional[str], accept: str) -> str:
    """Explicit ``format=`` wins; else the Accept header; else JSON."""
    if requested:
        fmt = requested.lower()
        if fmt not in FORMATS:
            raise ValueError(f"format={requested!r} is not supported; use one of {', '.join(FORMATS)}.")
        return fmt
    accept = (accept or "").lower()
    if "application/geo+json" in accept:
        return "geojson"
    if "text/csv" in accept:
        return "csv"
    return "json"


# A null place or actor still gets its columns, so every CSV page has the same header.
NESTED = {"location": ("name", "admin1", "country", "lat", "lon", "precision"),
          "place": ("name", "admin1", "country", "lat", "lon", "precision"),
          "actor1": ("name", "country", "sector"), "actor2": ("name", "country", "sector"),
          "subject": ("country", "sector"), "period": ("from", "to")}


def _flatten(prefix: str, value: Any, out: dict) -> None:
    if value is None and prefix in NESTED:
        for k in NESTED[prefix]:
            out[f"{prefix}_{k}"] = None
    elif isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}_{k}" if prefix else k, v, out)
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            out[prefix] = ";".join("" if v is None else str(v) for v in value)
        # Lists of records (mentions, claims, sources) do not fit one CSV cell: their count does.
        else:
            out[prefix + "_count"] = len(value)
    else:
        out[prefix] = value


def flat_row(row: dict) -> dict:
    out: dict = {}
    _flatten("", row, out)
    return out


def to_csv(rows: Iterable[dict]) -> str:
    flat = [flat_row(r) for r in rows]
    columns: list[str] = []
    seen: set[str] = set()
    for r in flat:
        for k in r:
            if k not in seen:
                seen.add(k)
                columns.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()


def _point(row: dict) -> Optional[dict]:
    loc = row.get("location") or row.get("place")
    if not loc or loc.get("lat") is None or loc.get("lon") is None:
        return None
    return {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}


def to_geojson(rows: Iterable[dict], next_cursor: Optional[str]) -> dict:
    """A FeatureCollection; rows without coordinates get a null geometry (still listed)."""
    feats = []
    for r in rows:
        props = {k: v for k, v in r.items() if k not in ("mentions", "claims")}
        feats.append({"type": "Feature", "id": r.get("id"), "geometry": _point(r),
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats, "next_cursor": next_cursor}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)
