"""The stages after ingest, run over articles already in the store: extract, store the
mentions, then fold them into resolved events. ``ingest`` calls this for new articles."""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from .records import Article
from .store import Store

ProgressFn = Callable[[int], None]


def load_articles(store: Store, article_ids: Optional[Iterable[str]] = None) -> list[Article]:
    sql = ("SELECT id, title, outlet, url, published, text, raw_format, source, flags, "
           "near_duplicate_of, rewritten_copy_of FROM articles")
    params: list = []
    if article_ids is not None:
        sql += " WHERE id IN (SELECT unnest(?::VARCHAR[]))"
        params = [list(article_ids)]
    rows = store.cursor().execute(sql + " ORDER BY ingested_at, id", params).fetchall()
    return [Article(id=r[0], title=r[1], outlet=r[2], url=r[3], published=r[4], text=r[5],
                    raw_format=r[6], source=r[7], flags=list(r[8] or []),
                    near_duplicate_of=r[9], rewritten_copy_of=r[10]) for r in rows]


def process_articles(store: Store, article_ids: Optional[Iterable[str]] = None,
                     progress: Optional[ProgressFn] = None, resolve: bool = True) -> dict:
    """Extract the given articles (all not yet extracted when None), store events, figures and
    evidence (one transaction per article), then update resolution. Returns counts."""
    from .extract import extract_many
    from .store.extractions import save_extraction

    if article_ids is None:
        ids = [r[0] for r in store.cursor().execute(
            "SELECT id FROM articles WHERE NOT extracted ORDER BY ingested_at, id").fetchall()]
    else:
        ids = list(article_ids)
    n_events = n_figures = 0
    done: list[str] = []
    for extraction in extract_many(load_articles(store, ids)):
        save_extraction(store, extraction)
        n_events += len(extraction.events)
        n_figures += len(extraction.figures)
        done.append(extraction.article.id)
        if progress:
            progress(1)
    resolved = None
    if resolve and done:
        from . import resolve as resolution
        if hasattr(resolution, "update"):
            resolved = resolution.update(store, done)
    return {"articles": len(done), "events": n_events, "figures": n_figures, "resolved": resolved}
