"""Over the real dev sets (../shared): ingest + extract, then the dashboard in headless Chromium
and the sitrep's headline numbers. Skipped only when ../shared is absent."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import httpx
import pytest
from conftest import LiveServer
from test_serve_dashboard import _browser_or_skip

from eventwire.report.sitrep import build_sitrep, render_html
from eventwire.store import Store
from eventwire.store import queries as q

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SETS = [SHARED / "dev" / "articles.jsonl", SHARED / "dev-world" / "articles.jsonl"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory) -> Path:
    if not all(p.exists() for p in SETS):
        pytest.skip(f"dev sets not found under {SHARED}")
    from eventwire.ingest import ingest
    db = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    summary = ingest(SETS, db)
    assert summary.extraction_error is None, summary.extraction_error
    return db


@pytest.fixture(scope="module")
def dev_server(dev_db):
    with LiveServer(dev_db) as srv:
        yield srv


def test_sitrep_headline_numbers_over_the_dev_sets(dev_db):
    with Store(dev_db) as s:
        resolved = s.con.execute("SELECT count(*) FROM resolved_events").fetchone()[0] > 0
        table = "resolved_events" if resolved else "events"
        truth = dict(s.con.execute(f"SELECT type, count(*) FROM {table} GROUP BY 1").fetchall())
        ukr = s.con.execute(f"SELECT count(*) FROM {table} WHERE country = 'UKR'").fetchone()[0]
        fatal = s.con.execute(f"SELECT coalesce(sum(fatalities), 0) FROM {table}").fetchone()[0]
        report = build_sitrep(s, q.EventFilter())
        ukr_report = build_sitrep(s, q.EventFilter(country="UKR"), with_figures=False)
    assert truth, "the extractor produced no events over the dev sets"
    assert {t.type: t.events for t in report.by_type} == truth
    assert report.n_events == sum(truth.values())
    assert sum(t.fatalities_best for t in report.by_type) == fatal
    assert ukr_report.n_events == ukr
    assert report.developments and all(d.sources for d in report.developments)
    html = render_html(report)
    assert "data:image/png;base64," in html


def test_dashboard_over_the_dev_sets(dev_server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright not installed")
    with httpx.Client(base_url=dev_server.url) as c:
        events = c.get("/events", params={"limit": 5000}).json()["items"]
    assert events
    top_type, n = Counter(e["type"] for e in events).most_common(1)[0]
    with sync_api.sync_playwright() as pw:
        browser = _browser_or_skip(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(dev_server.url + "/")
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30000)
        page.select_option("#f-type", top_type)
        page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length === {n}", timeout=20000)
        types = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.type)")
        assert set(types) == {top_type}
        row = page.locator("#events tbody tr").first
        event_id = row.get_attribute("data-id")
        row.click()
        page.locator("#panel mark.evidence").first.wait_for(timeout=15000)
        with httpx.Client(base_url=dev_server.url) as c:
            ev = c.get(f"/events/{event_id}").json()
        marks = page.locator("#panel mark.evidence").all_inner_texts()
        assert ev["mentions"][0]["evidence"]["text"] == marks[0]
        assert len(marks) == len(ev["mentions"])
        browser.close()
