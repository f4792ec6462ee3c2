"""Ingest throughput and peak memory (``--no-extract``): a JSON-lines file of 10,000 articles
and a folder of 1,000 HTML pages, generated at run time from the dev texts with variations.

Articles are assembled from sentences of ``../shared/dev*`` articles (shuffled mixes of two
sources, numbers changed, page noise added), so cleaning, hashing, MinHash/LSH and the store
all do real work; about 3% are exact copies and 3% lightly edited copies, so duplicate paths
run too. Each scenario runs in a fresh process so its peak RSS is its own.

    python benchmarks/ingest.py [--articles 10000] [--pages 1000] [--tracemalloc]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

NOISE = ["Skip to content", "Share on Facebook Share on Twitter", "Advertisement",
         "Sign up for our daily newsletter and get the top stories in your inbox.",
         "Photograph: Staff Photographer/Reuters", "Read more: latest updates"]
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Bench Wire</title>
<meta property="og:site_name" content="Bench Wire"><meta property="article:published_time" content="{date}">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/europe">Europe</a></nav>
<div class="share"><a>Share on Facebook</a> <a>Share on Twitter</a></div><main><article><h1>{title}</h1>
{body}
<p>Readers like you keep our journalism free. Please support our reporting with a donation today.</p>
</article></main><footer><p>We use cookies to improve your experience. Accept all cookies</p>
<p>© 2022 Bench Wire</p></footer></body></html>"""


def dev_sentences() -> list[list[str]]:
    """Sentences of each dev article (their raw text, so the cleaner sees the real noise too)."""
    out = []
    for name in ("dev", "dev-world"):
        path = SHARED / name / "articles.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                text = json.loads(line)["text"]
                out.append([s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", text) if len(s) > 30])
    if not out:
        sys.exit("needs ../shared/dev (the benchmark builds its corpus from the dev texts)")
    return out


def vary(sentence: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), sentence)


def make_article(pool: list[list[str]], rng: random.Random) -> list[str]:
    a, b = rng.sample(pool, 2)
    picked = rng.sample(a, min(len(a), rng.randint(8, 18))) + rng.sample(b, min(len(b), rng.randint(3, 8)))
    rng.shuffle(picked)
    paragraphs = [" ".join(vary(s, rng) for s in picked[i:i + 3]) for i in range(0, len(picked), 3)]
    if rng.random() < 0.5:
        paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(NOISE))
    return paragraphs


def edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A light edit: another header, a few words changed, a different tail."""
    edited = [p.replace(" said", " stated", 2) for p in paragraphs[:-1]]
    return ["UPDATED — wire copy, corrected version."] + edited + [
        f"This report was updated at {rng.randint(10, 23)}:00 GMT."]


def corpus(n: int, seed: int) -> list[list[str]]:
    pool, rng = dev_sentences(), random.Random(seed)
    articles: list[list[str]] = []
    for _ in range(n):
        roll = rng.random()
        if articles and roll < 0.03:
            articles.append(rng.choice(articles))
        elif articles and roll < 0.06:
            articles.append(edit(rng.choice(articles), rng))
        else:
            articles.append(make_article(pool, rng))
    return articles


def write_jsonl(folder: Path, n: int) -> Path:
    path = folder / "bench.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, paragraphs in enumerate(corpus(n, seed=1)):
            fh.write(json.dumps({"title": f"Bench report {i}", "outlet": "Bench Wire",
                                 "published": f"2022-03-{1 + i % 28:02d}",
                                 "text": "\n\n".join(paragraphs)}, ensure_ascii=False) + "\n")
    return path


def write_pages(folder: Path, n: int) -> Path:
    pages = folder / "pages"
    pages.mkdir()
    for i, paragraphs in enumerate(corpus(n, seed=2)):
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
        (pages / f"page{i:05d}.html").write_text(
            PAGE.format(title=f"Bench page {i}", date=f"2022-04-{1 + i % 28:02d}", body=body),
            encoding="utf-8")
    return pages


def run_one(path: str, db: str, trace: bool) -> dict:
    """Child process: ingest ``path`` and report time and memory."""
    from eventwire.ingest import ingest

    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    summary = ingest([path], db=db, extract=False)
    secs = time.perf_counter() - start
    result = {"secs": secs, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              **summary.as_dict()}
    if trace:
        result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=1_000)
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(*args.child, trace=args.tracemalloc)))
        return
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        folder = Path(tmp)
        scenarios = [(f"JSON lines, {args.articles:,} articles", write_jsonl(folder, args.articles)),
                     (f"HTML, {args.pages:,} pages", write_pages(folder, args.pages))]
        rows = []
        for i, (name, path) in enumerate(scenarios):
            cmd = [sys.executable, __file__, "--child", str(path), str(folder / f"bench{i}.duckdb")]
            if args.tracemalloc:
                cmd.append("--tracemalloc")
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            rows.append((name, json.loads(out.strip().splitlines()[-1])))
    print(f"{'scenario':30} {'read':>6} {'new':>6} {'dup':>5} {'near':>5} {'secs':>7} {'art/s':>7} "
          f"{'peak RSS MB':>11}" + (f" {'traced MB':>9}" if args.tracemalloc else ""))
    for name, r in rows:
        line = (f"{name:30} {r['read']:>6} {r['new']:>6} {r['duplicate']:>5} {r['near_duplicate']:>5} "
                f"{r['secs']:>7.1f} {r['read'] / r['secs']:>7.1f} {r['maxrss_mb']:>11.0f}")
        if args.tracemalloc:
            line += f" {r['traced_peak_mb']:>9.1f}"
        print(line)


if __name__ == "__main__":
    main()
