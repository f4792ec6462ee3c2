"""Re-take the screenshots in docs/ from a real store (e.g. `make demo`'s), in headless Chromium.

    .venv/bin/eventwire ingest ../shared/dev/articles.jsonl ../shared/dev-world/articles.jsonl --db demo.duckdb
    .venv/bin/python docs/take_screenshots.py demo.duckdb

PNGs are reduced to a 256-colour palette to keep the repository small.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "serve"))
from conftest import LiveServer  # noqa: E402  (the tests' real-uvicorn harness)

DOCS = ROOT / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def small_png(src: Path, dst: Path) -> None:
    Image.open(src).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(dst, optimize=True)
    print(dst.relative_to(ROOT), f"{dst.stat().st_size // 1024} KB")


def main(db: Path) -> None:
    from eventwire.report.sitrep import build_sitrep, write_sitrep
    from eventwire.store import Store
    from eventwire.store import queries as q

    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        with Store(db) as s:
            report = build_sitrep(s, q.EventFilter(country="UKR"))
        sitrep = tmpd / "sitrep.html"
        write_sitrep(report, sitrep)
        with LiveServer(db) as srv, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(srv.url + "/")
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
            time.sleep(1)
            page.screenshot(path=tmpd / "a.png")
            small_png(tmpd / "a.png", DOCS / "dashboard.png")

            page.select_option("#f-country", "UKR")
            page.wait_for_timeout(1500)
            box = page.locator("#tl-svg .brush .overlay").bounding_box()
            y = box["y"] + box["height"] / 2
            page.mouse.move(box["x"] + box["width"] * 0.02, y)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
            page.mouse.up()
            page.wait_for_timeout(800)
            page.screenshot(path=tmpd / "b.png")
            small_png(tmpd / "b.png", DOCS / "dashboard-brushed.png")

            page.select_option("#f-type", "shelling_artillery_missile")
            page.wait_for_timeout(1500)
            # A town-level event shows the map and the highlight best.
            rows = page.locator("#events tbody tr")
            places = rows.evaluate_all("rs => rs.map(r => r.children[2].textContent)")
            pick = next((i for i, p in enumerate(places) if p and p != "Ukraine"), 0)
            rows.nth(pick).click()
            page.locator("#panel mark.evidence").first.wait_for()
            page.wait_for_timeout(500)
            page.screenshot(path=tmpd / "c.png")
            small_png(tmpd / "c.png", DOCS / "dashboard-evidence.png")

            page.goto(sitrep.as_uri())
            page.set_viewport_size({"width": 1100, "height": 1500})
            page.screenshot(path=tmpd / "d.png")
            small_png(tmpd / "d.png", DOCS / "sitrep.png")
            page.evaluate("document.querySelectorAll('h2')[1].scrollIntoView()")
            page.screenshot(path=tmpd / "e.png")
            small_png(tmpd / "e.png", DOCS / "sitrep-map-timeline.png")
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "demo.duckdb"))
