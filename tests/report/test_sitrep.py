"""The sitrep's headline numbers agree with what the store holds."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.report import basemap
from eventwire.report.sitrep import build_sitrep, render_html, render_markdown, write_sitrep
from eventwire.store import Store
from eventwire.store import queries as q

_spec = importlib.util.spec_from_file_location(
    "serve_fixture_store", Path(__file__).resolve().parent.parent / "serve" / "conftest.py")
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return fx.build_store(tmp_path_factory.mktemp("sitrep") / "s.duckdb")


def _store_truth(db: Path, country: str | None = None) -> dict:
    """Counts straight from the tables, independent of the report code."""
    with Store(db) as s:
        where = "WHERE country = ?" if country else ""
        params = [country] if country else []
        by_type = dict(s.con.execute(f"SELECT type, count(*) FROM events {where} GROUP BY 1", params).fetchall())
        killed = s.con.execute(f"SELECT coalesce(sum(fatalities), 0) FROM events {where}", params).fetchone()[0]
        claims = s.con.execute("SELECT quantity, claimant, value FROM figures").fetchall()
    return {"by_type": by_type, "killed": killed, "claims": claims}


def test_headline_numbers_match_the_store(db):
    truth = _store_truth(db)
    with Store(db) as s:
        r = build_sitrep(s, q.EventFilter())
    assert r.n_events == sum(truth["by_type"].values()) == 5
    assert {t.type: t.events for t in r.by_type} == truth["by_type"]
    assert sum(t.fatalities_best for t in r.by_type) == truth["killed"] == 16
    assert r.n_articles == 3
    # Each stated number shows up with its claimant under its quantity.
    shown = {(l.quantity, c.claimant, c.value) for ls in r.headline.values() for l in ls for c in l.claims}
    expected = {(qty, cl, v) for qty, cl, v in truth["claims"] if qty in ("killed", "displaced")}
    assert shown == expected
    killed = r.headline["killed"]
    assert [l.best for l in killed] == sorted((v for qty, _, v in truth["claims"] if qty == "killed"), reverse=True)
    # Key developments are in date order and each names its source.
    dates = [d.date for d in r.developments]
    assert dates == sorted(dates) and len(dates) == 5
    assert all(d.sources and d.evidence for d in r.developments)


def test_country_scope(db):
    truth = _store_truth(db, "SOM")
    with Store(db) as s:
        r = build_sitrep(s, q.EventFilter(country="SOM"))
    assert {t.type: t.events for t in r.by_type} == truth["by_type"] == {"remote_explosive": 1}
    assert r.by_type[0].fatalities_best == 5
    # Ukrainian tolls are out of scope for a Somalia report.
    assert r.headline == {"killed": [], "displaced": []}
    assert r.title.endswith("Somalia")


def test_html_is_self_contained_and_markdown_has_pngs_beside(db, tmp_path):
    with Store(db) as s:
        r = build_sitrep(s, q.EventFilter(country="UKR"))
    html = render_html(r)
    assert html.count("data:image/png;base64,") == 2
    assert not re.search(r"""(src|href)=["']https?://(?!example\.org)""", html)
    assert "<link" not in html and "<script" not in html
    assert "Kharkiv" in html and "Oleh Syniehubov: 11" in html
    files = write_sitrep(r, tmp_path / "report.md")
    md = files[0].read_text()
    assert "![Map of located events](report-map.png)" in md
    for png in files[1:]:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000
    assert "| shelling artillery missile | Explosions/Remote violence | 1 | 11 | 11 | 11 | 1 |" in md
    with pytest.raises(ValueError, match=r"\.md or \.html"):
        write_sitrep(r, tmp_path / "report.pdf")


def test_map_draws_the_offline_base_layer(db):
    try:
        basemap.find_atlas()
    except basemap.BasemapMissing:
        pytest.skip("world-atlas not installed: run `make -C web install`")
    with Store(db) as s:
        r = build_sitrep(s, q.EventFilter())
    assert r.map_note is None and len(r.map_png) > 20000
    ukraine = next(c for c in basemap.countries() if c["id"] == basemap.iso3_numeric("UKR"))
    ring = max((rg for poly in ukraine["polygons"] for rg in poly), key=len)
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    assert 22 < min(lons) < 23 and 40 < max(lons) < 41 and 44 < min(lats) < 46 and 52 < max(lats) < 53


def test_topojson_decoding_of_a_tiny_topology():
    topo = {"type": "Topology", "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "1", "arcs": [[0, 1]], "properties": {"name": "A"}},
                {"type": "MultiPolygon", "id": "2", "arcs": [[[~1, 2]]]}]}},
            "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, -2]], [[2, 2], [0, 4], [4, -4]]]}
    a, b = basemap.decode_topojson(topo, "countries")
    assert a["name"] == "A"
    assert a["polygons"] == [[[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 20.0)]]]
    assert b["polygons"][0][0] == [(10.0, 20.0), (11.0, 21.0), (11.0, 23.0), (13.0, 21.0)]


def test_cli_sitrep(db, tmp_path):
    out = tmp_path / "r.html"
    eventwire = Path(sys.executable).with_name("eventwire")
    res = subprocess.run([str(eventwire), "sitrep", "--db", str(db), "--country", "ukr", "--out", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "3 events" in res.stdout and out.exists()
    bad = subprocess.run([str(eventwire), "sitrep", "--db", str(db), "--since", "yesterday", "--out", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
