"""GET /events latency with 100,000 events in the store, with and without filters.

Builds a synthetic store (10,000 articles x 10 events spread over 365 days, 30 types, 12
countries) with SQL, starts the real server (uvicorn on 127.0.0.1, random port) and times
sequential requests over HTTP. Prints p50/p95 per scenario; exits 1 when a filtered page of
100 has p95 >= 100 ms (the target).

    .venv/bin/python benchmarks/api.py [--events 100000] [--requests 200] [--db PATH]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "serve"))

from eventwire.store import Store  # noqa: E402
from eventwire.taxonomy import EVENT_TYPES  # noqa: E402

COUNTRIES = [("UKR", 48.4, 31.2), ("SYR", 35.0, 38.5), ("SOM", 5.2, 46.2), ("AFG", 33.9, 67.7),
             ("PAK", 30.4, 69.3), ("YEM", 15.6, 48.5), ("SDN", 12.9, 30.2), ("MLI", 17.6, -4.0),
             ("NGA", 9.1, 8.7), ("COD", -4.0, 21.8), ("IRQ", 33.2, 43.7), ("MMR", 21.9, 95.9)]


def build(path: Path, n_events: int, per_article: int = 10) -> None:
    types = list(EVENT_TYPES)
    n_articles = max(1, n_events // per_article)
    with Store(path) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE types AS SELECT * FROM (VALUES "
                    + ", ".join(f"({i}, '{t}', '{EVENT_TYPES[t]}')" for i, t in enumerate(types))
                    + ") t(ti, type, parent)")
        con.execute("CREATE TEMP TABLE countries AS SELECT * FROM (VALUES "
                    + ", ".join(f"({i}, '{c}', {lat}, {lon})" for i, (c, lat, lon) in enumerate(COUNTRIES))
                    + ") t(ci, code, lat, lon)")
        con.execute(f"""INSERT INTO articles (id, title, outlet, url, published, published_date, text, chars)
            SELECT 'a' || lpad(i::VARCHAR, 7, '0'), 'Synthetic report ' || i, 'Bench Wire',
                   'https://example.org/' || i, strftime(DATE '2022-01-01' + (i % 365)::INTEGER, '%Y-%m-%d'),
                   DATE '2022-01-01' + (i % 365)::INTEGER,
                   repeat('Forces shelled the town on Monday, officials said. ', 20), 1000
            FROM range({n_articles}) r(i)""")
        con.execute(f"""INSERT INTO events (id, article_id, type, parent_type, date, date_precision,
                location_name, admin1, country, lat, lon, geo_precision, actor1_name, actor1_country,
                actor1_sector, fatalities, confidence, evidence_text, evidence_start, evidence_end, record)
            SELECT 'e' || lpad(i::VARCHAR, 8, '0'), 'a' || lpad((i // {per_article})::VARCHAR, 7, '0'),
                   t.type, t.parent, DATE '2022-01-01' + ((i // {per_article}) % 365)::INTEGER, 'day',
                   'Town ' || (i % 997), 'Region ' || (i % 31), c.code,
                   c.lat + ((hash(i) % 400)::DOUBLE / 100.0 - 2), c.lon + ((hash(i * 7) % 400)::DOUBLE / 100.0 - 2),
                   1, 'Armed group ' || (i % 13), c.code, 'military',
                   CASE WHEN i % 4 = 0 THEN (i % 23)::INTEGER END, ((i * 37) % 100)::DOUBLE / 100.0,
                   'Forces shelled the town on Monday, officials said.', 0, 50, '{{}}'
            FROM range({n_events}) r(i)
            JOIN types t ON t.ti = i % {len(types)}
            JOIN countries c ON c.ci = (i // 3) % {len(COUNTRIES)}""")
        con.execute("CHECKPOINT")


SCENARIOS = [
    ("no filter, first page", {}),
    ("no filter, page 50 (cursor)", "deep"),
    ("type", {"type": "shelling_artillery_missile"}),
    ("country + month", {"country": "SYR", "since": "2022-06-01", "until": "2022-06-30"}),
    ("bbox + min_confidence", {"bbox": "28,44,40,53", "min_confidence": 0.5}),
    ("type + country + dates + confidence", {"type": "armed_clash", "country": "UKR",
                                             "since": "2022-03-01", "until": "2022-09-30",
                                             "min_confidence": 0.3}),
    ("place substring", {"place": "Town 42"}),
]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def run(url: str, n_requests: int) -> list[tuple[str, float, float, int]]:
    out = []
    with httpx.Client(base_url=url, timeout=30) as c:
        for name, params in SCENARIOS:
            if params == "deep":
                cursor = None
                for _ in range(49):
                    cursor = c.get("/events", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()["next_cursor"]
                params = {"cursor": cursor}
            params = {**params, "limit": 100}
            c.get("/events", params=params)   # warm
            times, count = [], 0
            for _ in range(n_requests):
                t0 = time.perf_counter()
                r = c.get("/events", params=params)
                times.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
                count = r.json()["count"]
            out.append((name, statistics.median(times), pct(times, 95), count))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None, help="reuse/keep the synthetic store here")
    args = ap.parse_args()
    from conftest import LiveServer  # the same real-server harness as the API tests

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.events)
            print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f}s -> {db}")
        with LiveServer(db) as srv:
            results = run(srv.url, args.requests)
    print(f"\nGET /events, {args.events:,} events, limit=100, {args.requests} sequential requests each")
    print(f"{'scenario':40s} {'p50 ms':>8s} {'p95 ms':>8s} {'rows':>5s}")
    for name, p50, p95, n in results:
        print(f"{name:40s} {p50:8.1f} {p95:8.1f} {n:5d}")
    filtered = [p95 for name, _, p95, _ in results if not name.startswith("no filter")]
    worst = max(filtered)
    print(f"\nworst filtered p95: {worst:.1f} ms (target < 100 ms): {'OK' if worst < 100 else 'MISSED'}")
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
