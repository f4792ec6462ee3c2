"""Figures quality on the dev sets: P/R/F1, qualifier and claimant accuracy (CODEBOOK s.5).

Runs only the figure extractor (with the pipeline's article preparation, and the spaCy parse of
candidate sentences unless --no-parse) and scores it with ``eventwire.evaluate``.

    .venv/bin/python benchmarks/figures_quality.py [--no-parse] [--show] [DATASET...]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.evaluate.score import score_dataset
from eventwire.extract import figures as figure_extractor
from eventwire.extract import pipeline, places
from eventwire.extract.context import build_context
from eventwire.records import Article, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = [ROOT.parent / "shared" / "dev", ROOT.parent / "shared" / "dev-world"]


def load_articles(dataset: Path) -> list[Article]:
    path = dataset / "articles.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found: give a dataset folder holding articles.jsonl and gold/")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            out.append(Article(id=obj["id"], title=obj.get("title"), outlet=obj.get("outlet"),
                               url=obj.get("url"), published=obj.get("published"),
                               text=obj["text"]))
    return out


def _prepare(article: Article):
    """The pipeline's preparation, as far as figures need it: sentences and place context."""
    ctx = build_context(article)
    ctx.places = places.PlaceContext.from_text(ctx.text)
    return ctx


def predict(articles: list[Article], parse: bool) -> list[dict]:
    ctxs = [_prepare(a) for a in articles]
    if parse:
        nlp = pipeline.get_nlp()
        todo = [s for c in ctxs for s in c.sentences if pipeline.needs_parse(s.text)]
        for sent, doc in zip(todo, nlp.pipe((s.text for s in todo), batch_size=256)):
            sent.doc = doc
    return [Extraction(article=c.article, figures=figure_extractor.extract_figures(c)).to_gold_shape()
            for c in ctxs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("datasets", nargs="*", type=Path, default=DEFAULT_SETS)
    ap.add_argument("--no-parse", action="store_true")
    ap.add_argument("--show", action="store_true", help="print missed and spurious figures")
    args = ap.parse_args()
    for ds in args.datasets:
        preds = predict(load_articles(ds), not args.no_parse)
        report = score_dataset(ds, preds)
        f = report.figures
        q = report.fields.get("qualifier")
        c = report.fields.get("claimant")
        print(f"{ds.name}: figures P={f.p:.3f} R={f.r:.3f} F1={f.f1:.3f} "
              f"(tp={f.tp} gold={f.gold} pred={f.pred}) qualifier={q.acc if q else float('nan'):.3f} "
              f"claimant={c.acc if c else float('nan'):.3f}")
        if args.show:
            for art in report.articles:
                matched_g = {gi for gi, _, _ in art.figure_pairs}
                matched_p = {pi for _, pi, _ in art.figure_pairs}
                for gi, g in enumerate(art.gold.figures):
                    if gi not in matched_g:
                        print(f"  MISS {art.gold.article_id} {g.quantity} {g.value} "
                              f"{g.subject_country}/{g.subject_sector} :: {g.evidence[:110]}")
                for pi, p in enumerate(art.pred.figures):
                    if pi not in matched_p:
                        print(f"  FP   {art.gold.article_id} {p.quantity} {p.value} "
                              f"{p.subject_country}/{p.subject_sector} :: {p.evidence[:110]}")
                for gi, pi, _ in art.figure_pairs:
                    g, p = art.gold.figures[gi], art.pred.figures[pi]
                    if g.qualifier != p.qualifier or not _same(g.claimant, p.claimant):
                        print(f"  FIELD {g.quantity} {g.value} qual {g.qualifier}/{p.qualifier} "
                              f"claimant {g.claimant!r}/{p.claimant!r}")


def _same(a, b) -> bool:
    from eventwire.evaluate.normalize import same_claimant
    return same_claimant(a, b)


if __name__ == "__main__":
    main()
