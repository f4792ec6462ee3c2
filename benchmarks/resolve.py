"""Resolution time for 10,000 and 100,000 synthetic events (dev gold events with jittered
places and dates), in memory and through the store. Blocking keeps it near-linear.

    .venv/bin/python benchmarks/resolve.py [--sizes 10000 100000] [--shared ../shared] [--store]

Synthetic corpus: each gold event is copied with a random date inside a span that grows with N
(about 50 happenings a day, like a busy conflict feed), a random place among 600 synthetic towns
(jittered coordinates around the gold event's country), and 1-3 extra mentions of the same
happening from other "articles" for 40% of them (small date/coordinate jitter, renamed places
for transliteration), so merging does real work.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.resolve import events as rev  # noqa: E402
from eventwire.resolve.goldset import load_gold_docs  # noqa: E402
from eventwire.taxonomy import EVENT_TYPES  # noqa: E402

CENTRES = {"UKR": (49.0, 32.0), "PAK": (29.0, 68.0), "SOM": (5.0, 46.0), "AFG": (34.0, 66.0),
           "SYR": (35.0, 38.0)}


def gold_events(shared: Path) -> list[dict]:
    return [e for d in load_gold_docs(shared) for e in d.gold["events"]]


def synthetic_rows(n: int, templates: list[dict], seed: int = 0) -> list[tuple]:
    """Rows in the column order of ``events.MENTION_SQL`` (see ``mention_from_row``)."""
    rnd = random.Random(seed)
    towns = []
    for i in range(600):
        c = rnd.choice(sorted(CENTRES))
        lat0, lon0 = CENTRES[c]
        towns.append((f"Town{i:03d}", f"Region{i // 25:02d}", c,
                      lat0 + rnd.uniform(-3, 3), lon0 + rnd.uniform(-4, 4)))
    start = date(2022, 1, 1)
    span = max(30, n // 50)
    rows: list[tuple] = []
    k = 0
    while len(rows) < n:
        t = rnd.choice(templates)
        town = rnd.choice(towns)
        day = start + timedelta(days=rnd.randrange(span))
        copies = 1 + (rnd.randint(1, 3) if rnd.random() < 0.4 else 0)
        a1, a2 = t.get("actor1") or {}, t.get("actor2") or {}
        for j in range(copies):
            if len(rows) >= n:
                break
            k += 1
            d = day + timedelta(days=rnd.choice((0, 0, 0, 1)) if j else 0)
            name = town[0] if j % 2 == 0 else town[0].replace("Town", "Towne")
            rows.append((f"e{k:07d}", f"art{k:07d}", t["type"], EVENT_TYPES[t["type"]], d,
                         "day", name, town[1], town[2], town[3] + rnd.uniform(-0.05, 0.05),
                         town[4] + rnd.uniform(-0.05, 0.05), 1, a1.get("name"), a1.get("country"),
                         a1.get("sector"), a2.get("name"), a2.get("country"), a2.get("sector"),
                         t.get("fatalities"), t.get("injured"), 0.7, t["evidence"], 0,
                         len(t["evidence"]), d))
    return rows


def bench_memory(rows: list[tuple]) -> dict:
    mentions = [rev.mention_from_row(r, {}) for r in rows]
    t0 = time.perf_counter()
    resolved, mrows, comps = rev.resolve_mentions(mentions)
    secs = time.perf_counter() - t0
    return {"events": len(rows), "seconds": round(secs, 2), "resolved": len(resolved),
            "components": comps, "us_per_event": round(1e6 * secs / len(rows), 1)}


def bench_store(rows: list[tuple]) -> dict:
    from eventwire.store import Store

    s = Store(":memory:")
    cols = ("id", "article_id", "type", "parent_type", "date", "date_precision", "location_name",
            "admin1", "country", "lat", "lon", "geo_precision", "actor1_name", "actor1_country",
            "actor1_sector", "actor2_name", "actor2_country", "actor2_sector", "fatalities",
            "injured", "confidence", "evidence_text", "evidence_start", "evidence_end")
    with s.transaction() as con:
        rev._insert(con, "events", cols, [r[:24] for r in rows])
        arts = sorted({(r[1], r[24]) for r in rows})
        rev._insert(con, "articles", ("id", "published_date", "text"),
                    [(a, d, "") for a, d in arts])
    t0 = time.perf_counter()
    result = rev.rebuild(s)
    secs = time.perf_counter() - t0
    return {"events": len(rows), "seconds": round(secs, 2), "resolved": result.resolved_events}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--store", action="store_true", help="also time rebuild through DuckDB")
    args = ap.parse_args()
    if not (args.shared / "dev").is_dir():
        sys.exit(f"{args.shared}/dev not found; pass --shared PATH to the shared data folder.")
    templates = gold_events(args.shared)
    report = {"memory": [], "store": []}
    for n in args.sizes:
        rows = synthetic_rows(n, templates)
        report["memory"].append(bench_memory(rows))
        print(json.dumps({"memory": report["memory"][-1]}), flush=True)
        if args.store:
            report["store"].append(bench_store(rows))
            print(json.dumps({"store": report["store"][-1]}), flush=True)
    m = report["memory"]
    if len(m) >= 2:
        ratio = (m[-1]["seconds"] / m[0]["seconds"]) / (m[-1]["events"] / m[0]["events"])
        print(json.dumps({"time_ratio_over_size_ratio": round(ratio, 2),
                          "note": "1.0 = linear; 10 would be quadratic for a 10x size step"}))


if __name__ == "__main__":
    main()
