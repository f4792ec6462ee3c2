"""Exports of the query layer's rows: ACLED-style CSV, JSON lines, GeoJSON, Parquet."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventwire.store.export import (ACLED_COLUMNS, EVENT_COLUMNS, ExportError, event_row,
                                    export_events, export_figures, iter_event_rows)
from eventwire.store.queries import EventFilter, iter_events
from test_queries import (TEXT_A, build_paging_store,  # noqa: E402  (same folder, on sys.path)
                          build_store)


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


def test_flat_rows_for_csv_and_parquet_equal_event_row_of_the_query_layer():
    """CSV and Parquet are written from a flat query; it must say exactly what the event dicts
    say, for both levels, with copies, unnamed places, missing outlets and undated events."""
    store = build_paging_store()
    try:
        con = store.con
        con.execute("UPDATE events SET location_name = NULL, country = NULL "
                    "WHERE id IN ('ev-003', 'ev-010', 'ev-150')")    # coordinates, no place
        con.execute("UPDATE events SET admin1 = 'Oblast ' || id, actor2_name = 'Group B', "
                    "fatalities = 3, injured = 1 WHERE id < 'ev-050'")
        con.execute("UPDATE articles SET outlet = NULL WHERE id IN ('art-02', 'art-05')")
        con.execute("UPDATE articles SET outlet = '' WHERE id = 'art-07'")
        con.execute("UPDATE resolved_events SET location_name = NULL, country = NULL "
                    "WHERE id = 'res-004'")
        for resolved in (False, True):
            for flt in (None, EventFilter(country="UKR"), EventFilter(since="2022-03-01")):
                expected = [event_row(ev) for ev in iter_events(store, flt, resolved=resolved)]
                assert expected
                assert list(iter_event_rows(store, flt, resolved=resolved)) == expected
    finally:
        store.close()


def test_csv_export_of_resolved_events_lists_every_mention(tmp_path):
    store = build_paging_store()
    try:
        out = tmp_path / "resolved.csv"
        n = export_events(store, "csv", out, resolved=True)
        with open(out, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert n == len(rows) == store.con.execute(
            "SELECT count(*) FROM resolved_events").fetchone()[0]
        counts = dict(store.con.execute(
            "SELECT resolved_id, count(*) FROM event_mentions GROUP BY 1").fetchall())
        for r in rows:
            assert int(r["mentions"]) == counts[r["event_id"]] == len(json.loads(r["evidence"]))
    finally:
        store.close()
