"""End to end in headless Chromium: load the dashboard, filter by a type, open an event, and
see its evidence sentence highlighted inside the article text."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from eventwire.serve.app import STATIC

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _browser_or_skip(pw):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
                    "(or set EVENTWIRE_CHROMIUM) to run the dashboard test")
    if not (STATIC / "vendor" / "leaflet" / "leaflet.js").is_file():
        pytest.fail("dashboard assets missing: run `make -C web install` (npm) first")
    return pw.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                              else shutil.which("chromium"), args=ARGS)


@pytest.fixture(scope="module")
def page(live):
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="python playwright not installed: pip install playwright")
    with sync_api.sync_playwright() as pw:
        browser = _browser_or_skip(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside: list[str] = []
        # Offline by construction: any request leaving the server is recorded and refused.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live.url)
                   else (outside.append(route.request.url), route.abort()))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(live.url + "/")
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)
        page.outside, page.errors = outside, errors
        yield page
        browser.close()


def test_dashboard_loads_offline_with_map_timeline_and_table(page):
    assert page.outside == [] and page.errors == []
    assert page.locator("#events tbody tr").count() == 5
    assert page.locator("#map path.leaflet-interactive, #map .leaflet-overlay-pane path").count() > 100
    assert page.locator("#tl-svg rect").count() >= 4
    assert page.locator("#f-type option").count() == 31


def test_filter_by_type_open_event_shows_highlighted_evidence(page):
    page.select_option("#f-type", "remote_explosive")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 1")
    row = page.locator("#events tbody tr").first
    assert row.get_attribute("data-type") == "remote_explosive"
    row.click()
    mark = page.locator("#panel mark.evidence")
    mark.wait_for(timeout=10000)
    # The sentence follows an emoji: offsets count code points, and the highlight must still fit.
    assert mark.inner_text() == ("A car bomb exploded near a checkpoint in Mogadishu on Thursday, "
                                 "killing 5 people, police said.")
    text = page.locator("#panel .article-text").inner_text()
    assert text.startswith("🇸🇴 Breaking") and "Residents said the blast shook the market." in text
    bg = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#panel h2").inner_text() == "remote explosive"


def test_brushing_the_timeline_narrows_the_table(page):
    page.select_option("#f-type", "")
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 5")
    box = page.locator("#tl-svg .brush .overlay").bounding_box()
    # Drag over the left part of the time axis: the earliest day(s) only.
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.querySelectorAll('#events tbody tr').length < 5")
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert dates and all(d <= "2022-03-02" for d in dates)
    assert "dates" in page.locator("#brush-info").inner_text()
