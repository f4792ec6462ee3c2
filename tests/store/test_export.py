"""Exports of the query layer's rows: ACLED-style CSV, JSON lines, GeoJSON, Parquet."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventwire.store.export import (ACLED_COLUMNS, EVENT_COLUMNS, ExportError, export_events,
                                    export_figures)
from eventwire.store.queries import EventFilter
from test_queries import TEXT_A, build_store  # noqa: E402  (same folder, pytest puts it on sys.path)


@pytest.fixture()
def store():
    s = build_store()
    yield s
    s.close()


def test_csv_has_acled_columns_first_then_ours(store, tmp_path):
    out = tmp_path / "events.csv"
    n = export_events(store, "csv", out)
    assert n == 4
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
        assert tuple(reader.fieldnames) == EVENT_COLUMNS
        rows = list(reader)
    shelling = [r for r in rows if r["location"] == "Kharkiv"][0]
    assert shelling["event_type"] == "Explosions/Remote violence"
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shelling["country"] == "Ukraine" and shelling["iso3"] == "UKR"
    assert shelling["fatalities"] == "9" and shelling["source"] == "Wire One"
    ev = json.loads(shelling["evidence"])[0]
    assert TEXT_A[ev["start"]:ev["end"]] == ev["text"]


def test_jsonl_and_filters(store, tmp_path):
    out = tmp_path / "e.jsonl"
    n = export_events(store, "jsonl", out, EventFilter(place="lviv"))
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert n == 1 and lines[0]["type"] == "peaceful_protest"
    assert lines[0]["mentions"][0]["article_id"] == "art-b"


def test_geojson_points_and_null_geometry(store, tmp_path):
    out = tmp_path / "e.geojson"
    export_events(store, "geojson", out)
    fc = json.loads(out.read_text())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 4
    lviv = [f for f in fc["features"] if f["properties"]["location"]["name"] == "Lviv"][0]
    assert lviv["geometry"] == {"type": "Point", "coordinates": [24.03, 49.84]}
    store.con.execute("UPDATE events SET lat = NULL, lon = NULL")
    export_events(store, "geojson", out)
    assert all(f["geometry"] is None for f in json.loads(out.read_text())["features"])


def test_parquet_roundtrip(store, tmp_path):
    out = tmp_path / "e.parquet"
    export_events(store, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 4 and table.column_names == list(EVENT_COLUMNS)
    figs = tmp_path / "f.parquet"
    assert export_figures(store, "parquet", figs) == 1
    assert pq.read_table(figs).column("value").to_pylist() == [9]


def test_unknown_format(store):
    with pytest.raises(ExportError, match="use one of"):
        export_events(store, "xlsx")
