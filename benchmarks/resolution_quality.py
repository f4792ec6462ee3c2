"""Resolution quality on *extracted* events: pairwise precision/recall of "same happening".

Ingests ../shared/dev and ../shared/dev-world into a fresh store (extraction and resolution
on), pairs each gold event with the extracted mention that matches it (CODEBOOK s.5 matching,
type level), and scores the labelled gold pairs of tests/resolve/data/gold_event_pairs.json
over the pairs whose two gold events were both found. The same score on gold events alone is
in tests/resolve (independent of the extractor).

    .venv/bin/python benchmarks/resolution_quality.py
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    from eventwire.evaluate.items import document_from_obj
    from eventwire.evaluate.matching import events_match, match_one_to_one
    from eventwire.ingest import ingest
    from eventwire.resolve.goldset import pairwise_scores
    from eventwire.store import Store

    datasets = [d for d in ("dev", "dev-world") if (SHARED / d).is_dir()]
    if not datasets:
        print("../shared is absent: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "r.duckdb")
        ingest([SHARED / d / "articles.jsonl" for d in datasets], db=store)
        rows = store.con.execute("SELECT id, record FROM events").fetchall()
        by_article: dict[str, list[tuple[str, dict]]] = {}
        for eid, rec in rows:
            d = json.loads(rec)
            by_article.setdefault(d["article_id"], []).append((eid, d))
        found: dict[tuple[str, int], str] = {}
        for d in datasets:
            for gold_path in sorted((SHARED / d / "gold").glob("*.gold.json")):
                gold = json.loads(gold_path.read_text())
                aid = gold["article"]["id"]
                preds = by_article.get(aid, [])
                gdoc = document_from_obj(gold, str(gold_path))
                pdoc = document_from_obj({"article": {"id": aid}, "events": [p for _, p in preds],
                                          "figures": []}, "pred")
                for gi, pi, _ in match_one_to_one(gdoc.events, pdoc.events,
                                                  lambda g, p: events_match(g, p, "type")):
                    found[(f"{d}/gold/{gold_path.name}", gi)] = preds[pi][0]
        pairs = json.loads((ROOT / "tests/resolve/data/gold_event_pairs.json").read_text())["pairs"]
        usable = [p for p in pairs if tuple(p["a"]) in found and tuple(p["b"]) in found]
        scores = pairwise_scores(store, found, usable)
        n_mentions = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        n_resolved = store.con.execute("SELECT count(*) FROM resolved_events").fetchone()[0]
        store.close()
    print(f"labelled pairs: {len(pairs)}; with both gold events extracted: {len(usable)} "
          f"({scores['positives']} same-happening)")
    print(f"pairwise precision {scores['precision']}  recall {scores['recall']}  "
          f"(tp {scores['tp']}, fp {scores['fp']}, fn {scores['fn']})")
    print(f"mentions {n_mentions} -> resolved events {n_resolved}")
    for kind, a, b in scores["errors"]:
        print(f"  {kind}: {a} ~ {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
