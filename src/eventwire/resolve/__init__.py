"""resolve stage: one event per happening across outlets, figures reconciled, copies exposed.

``update(store, article_ids)`` is called by ``pipeline.process_articles`` once an article's
extraction is stored: it flags paraphrased copies (so they do not count as independent
sources), folds the articles' events into resolved events and regroups their figures.
``rebuild(store)`` recomputes the whole layer and gives the same result.
"""
from __future__ import annotations

from typing import Iterable

from ..store import Store


def update(store: Store, article_ids: Iterable[str], detect_copies: bool = True) -> dict:
    from . import events, figures

    ids = sorted(set(article_ids))
    copies: dict[str, str] = {}
    if detect_copies and ids:
        from .quality import mark_rewritten_copies
        copies = mark_rewritten_copies(store, ids)
    ev = events.update(store, ids)
    n_groups = figures.update(store, ids)
    return {**ev.as_dict(), "figure_groups": n_groups, "rewritten_copies": copies}


def rebuild(store: Store) -> dict:
    from . import events, figures

    ev = events.rebuild(store)
    return {**ev.as_dict(), "figure_groups": figures.rebuild(store)}


__all__ = ["update", "rebuild"]
