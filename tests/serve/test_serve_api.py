"""The REST API against a real uvicorn server on 127.0.0.1 over a real DuckDB file."""
from __future__ import annotations

import csv
import io


def test_events_json_all_and_filtered(live):
    with live.client() as c:
        r = c.get("/events")
        assert r.status_code == 200
        body = r.json()
        assert body["level"] == "mention"
        assert {e["type"] for e in body["items"]} == {
            "shelling_artillery_missile", "armed_clash", "air_drone_strike", "agreement", "remote_explosive"}
        assert body["next_cursor"] is None
        dates = [e["date"] for e in body["items"]]
        assert dates == sorted(dates, reverse=True)

        somalia = c.get("/events", params={"country": "SOM"}).json()["items"]
        assert [e["location"]["name"] for e in somalia] == ["Mogadishu"]
        assert c.get("/events", params={"type": "armed_clash"}).json()["count"] == 1
        assert c.get("/events", params={"parent": "Battles"}).json()["count"] == 1
        assert c.get("/events", params={"min_confidence": 0.8}).json()["count"] == 2
        window = c.get("/events", params={"since": "2022-03-02", "until": "2022-03-02"}).json()
        assert [e["type"] for e in window["items"]] == ["air_drone_strike"]
        kharkiv_box = c.get("/events", params={"bbox": "35,49,38,51"}).json()["items"]
        assert {e["location"]["name"] for e in kharkiv_box} == {"Kharkiv", "Izium"}
        assert [e["location"]["name"] for e in c.get("/events", params={"place": "kyi"}).json()["items"]] == ["Kyiv"]


def test_cursor_pagination_walks_every_event_once(live):
    with live.client() as c:
        seen, cursor, pages = [], None, 0
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            r = c.get("/events", params=params)
            assert r.status_code == 200
            body = r.json()
            seen += [e["id"] for e in body["items"]]
            pages += 1
            cursor = body["next_cursor"]
            if cursor:
                assert r.headers["X-Next-Cursor"] == cursor
                assert 'rel="next"' in r.headers["Link"]
            else:
                break
        assert pages == 3 and len(seen) == 5 == len(set(seen))


def test_csv_and_geojson(live):
    with live.client() as c:
        r = c.get("/events", params={"format": "csv"})
        assert r.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == 5
        moga = next(x for x in rows if x["location_name"] == "Mogadishu")
        assert moga["fatalities"] == "5" and moga["location_country"] == "SOM"

        r = c.get("/events", headers={"Accept": "application/geo+json"})
        assert r.headers["content-type"].startswith("application/geo+json")
        fc = r.json()
        assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 5
        kyiv = next(f for f in fc["features"] if f["properties"]["type"] == "air_drone_strike")
        assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
        agreement = next(f for f in fc["features"] if f["properties"]["type"] == "agreement")
        assert agreement["geometry"] is None


def test_one_event_has_mentions_with_evidence_offsets(live):
    with live.client() as c:
        ev = c.get("/events", params={"type": "remote_explosive"}).json()["items"][0]
        full = c.get(f"/events/{ev['id']}").json()
        (mention,) = full["mentions"]
        art = c.get(f"/articles/{mention['article_id']}").json()
        ev_span = mention["evidence"]
        assert art["text"][ev_span["start"]:ev_span["end"]] == ev_span["text"]
        assert ev_span["text"].startswith("A car bomb exploded")
        assert c.get("/events/nope").status_code == 404
        assert "no event" in c.get("/events/nope").json()["detail"]


def test_figures_articles_and_errors(live):
    with live.client() as c:
        figs = c.get("/figures", params={"quantity": "killed"}).json()["items"]
        assert sorted(f["value"] for f in figs) == [11, 227, 2000]
        arts = c.get("/articles").json()
        assert {a["id"] for a in arts["items"]} == {"art-kharkiv", "art-kyiv", "art-mogadishu"}
        assert c.get("/articles", params={"format": "csv"}).text.startswith("id,")
        assert c.get("/articles/missing").status_code == 404

        bad = {"type": "bombing", "country": "Ukraine", "since": "March 1", "bbox": "1,2,3",
               "cursor": "garbage!!", "format": "xml"}
        for key, value in bad.items():
            r = c.get("/events", params={key: value})
            assert r.status_code == 400, (key, r.text)
            assert r.json()["detail"], key
        assert c.get("/events", params={"min_confidence": 3}).status_code == 422
        assert c.get("/events", params={"limit": 0}).status_code == 422


def test_openapi_meta_sitrep_and_dashboard(live):
    with live.client() as c:
        spec = c.get("/openapi.json").json()
        for path in ("/events", "/events/{event_id}", "/figures", "/articles", "/articles/{article_id}", "/sitrep"):
            assert path in spec["paths"], path
        assert "post" in spec["paths"]["/articles"]
        meta = c.get("/meta").json()
        assert meta["total"] == 5 and meta["writes_enabled"] is False
        assert {x["code"] for x in meta["countries"]} == {"UKR", "SOM"}
        html = c.get("/sitrep", params={"country": "SOM"})
        assert html.status_code == 200 and "Mogadishu" in html.text and "data:image/png;base64," in html.text
        assert "Kharkiv" not in html.text
        md = c.get("/sitrep", params={"format": "md"}).text
        assert md.startswith("# Situation report")
        page = c.get("/")
        assert page.status_code in (200, 503)
        if page.status_code == 200:
            assert "static/app.js" in page.text and "http" not in page.text.split("<body>")[0].replace(
                'http-equiv', '')
            assert c.get("/static/app.js").status_code == 200
