"""Extraction speed and memory: the full eventwire extractor vs. the bare spaCy pass.

Both run over the same cleaned dev texts (../shared/dev and ../shared/dev-world, or the
repository's samples/ when ../shared is absent), repeated until each side has done at least
``--seconds`` of work. Each side runs in its own fresh process (so peak RSS is its own), the sides
alternating over several rounds in this one run (a shared machine's speed drifts; alternating
puts the drift on both sides); the ratio is pipeline time / bare time per article.

    .venv/bin/python benchmarks/extract.py            # >= 120 s per side
    .venv/bin/python benchmarks/extract.py --seconds 20
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_articles():
    from eventwire.ingest import read
    from eventwire.records import Article

    paths = [SHARED / "dev" / "articles.jsonl", SHARED / "dev-world" / "articles.jsonl"]
    paths = [p for p in paths if p.exists()] or [ROOT / "samples"]
    return [a for a in read([str(p) for p in paths]) if isinstance(a, Article)]


def _run(kind: str, seconds: float, out: "mp.Queue") -> None:
    import spacy

    from eventwire.extract.pipeline import MODEL, extract_many, get_nlp

    articles = load_articles()
    # The baseline is the model as shipped. The extractor's own get_nlp() swaps two rule
    # components for exact faster twins; "bare-fast" times that model's bare pass too.
    nlp = get_nlp() if kind == "bare-fast" else spacy.load(MODEL)
    # Warm up: model, gazetteer, embeddings and lexicons load once per process, outside the
    # clock. One whole pass, since some of them load only when a sentence first needs them.
    list(extract_many(articles)) if kind == "pipeline" else list(nlp.pipe(a.text for a in articles))
    done = 0
    events = figures = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while time.perf_counter() - t0 < seconds:
        if kind != "pipeline":
            for _ in nlp.pipe((a.text for a in articles), batch_size=32):
                done += 1
        else:
            for x in extract_many(articles):
                done += 1
                events += len(x.events)
                figures += len(x.figures)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put({"kind": kind, "articles": done, "seconds": elapsed, "per_s": done / elapsed,
             "cpu_seconds": cpu, "cpu_per_article": cpu / max(1, done),
             "peak_rss_mb": rss_mb, "events": events, "figures": figures,
             "chars": sum(len(a.text) for a in articles), "corpus": len(articles)})


def measure(kind: str, seconds: float) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_run, args=(kind, seconds, q))
    p.start()
    result = q.get()
    p.join()
    return result


def _pool(rs: list[dict]) -> dict:
    """One side's rounds as one run: articles and seconds summed, the largest peak RSS."""
    out = dict(rs[0])
    for key in ("articles", "seconds", "cpu_seconds", "events", "figures"):
        out[key] = sum(r[key] for r in rs)
    out["per_s"] = out["articles"] / out["seconds"]
    out["cpu_per_article"] = out["cpu_seconds"] / max(1, out["articles"])
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in rs)
    out["rounds_per_s"] = [round(r["per_s"], 3) for r in rs]
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=120.0, help="minimum work per side (default 120)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--fast-bare", action="store_true",
                    help="also time the bare pass of the extractor's accelerated model")
    ap.add_argument("--rounds", type=int, default=3,
                    help="alternate the sides this many times (default 3), each round a fresh process "
                         "per side with seconds/rounds of work, so that a shared machine's drift "
                         "falls on both sides alike")
    args = ap.parse_args(argv)
    kinds = ["bare", "pipeline"] + (["bare-fast"] if args.fast_bare else [])
    runs: dict[str, list[dict]] = {k: [] for k in kinds}
    for _ in range(max(1, args.rounds)):
        for k in kinds:
            runs[k].append(measure(k, args.seconds / max(1, args.rounds)))
    bare, full = _pool(runs["bare"]), _pool(runs["pipeline"])
    fast = _pool(runs["bare-fast"]) if args.fast_bare else None
    ratio = bare["per_s"] / full["per_s"]
    cpu_ratio = full["cpu_per_article"] / bare["cpu_per_article"]
    result = {"bare_spacy": bare, "pipeline": full, "time_ratio_pipeline_over_bare": round(ratio, 3),
              "cpu_ratio_pipeline_over_bare": round(cpu_ratio, 3),
              "rss_ratio": round(full["peak_rss_mb"] / bare["peak_rss_mb"], 3)}
    if fast:
        result["bare_spacy_accelerated"] = fast
        result["time_ratio_pipeline_over_accelerated_bare"] = round(fast["per_s"] / full["per_s"], 3)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"corpus: {bare['corpus']} articles, {bare['chars']:,} chars; "
          f"≥ {args.seconds:.0f} s of work per side in {max(1, args.rounds)} alternating rounds, "
          f"each a fresh process")
    print(f"{'':24}{'articles/s':>12}{'peak RSS MB':>14}{'articles':>10}{'seconds':>10}{'CPU s':>10}")
    rows = [("bare spaCy nlp.pipe", bare), ("eventwire extractor", full)]
    rows += [("bare, accelerated model", fast)] if fast else []
    for name, r in rows:
        print(f"{name:24}{r['per_s']:12.2f}{r['peak_rss_mb']:14.0f}{r['articles']:10d}"
              f"{r['seconds']:10.1f}{r['cpu_seconds']:10.1f}")
    for name, r in rows:
        print(f"  {name}: articles/s per round {r['rounds_per_s']}")
    print(f"time ratio (pipeline / bare, per article): {ratio:.3f}   "
          f"(≤ 1.0 means the full pipeline is no slower than the bare spaCy pass)")
    # Wall time swings with whatever else the machine runs; CPU time per article much less.
    print(f"CPU-time ratio (pipeline / bare, per article): {cpu_ratio:.3f}")
    if fast:
        print(f"time ratio (pipeline / bare pass of the accelerated model): "
              f"{result['time_ratio_pipeline_over_accelerated_bare']:.3f}")
    print(f"peak RSS ratio: {result['rss_ratio']:.2f}; per pass: {full['events'] / max(1, full['articles']):.1f} "
          f"events and {full['figures'] / max(1, full['articles']):.1f} figures an article")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
