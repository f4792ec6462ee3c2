"""eventwire: structured, sourced conflict-event data from raw news, offline.

The small public API::

    import eventwire
    summary = eventwire.ingest(["articles.jsonl"], db="eventwire.duckdb")
    extraction = eventwire.extract(article)
"""
from __future__ import annotations

from .records import Actor, Article, Event, Evidence, Extraction, Figure, Location

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Figure", "Location", "Actor", "Evidence", "Extraction",
           "ingest", "extract", "read", "open_store"]


def open_store(db="eventwire.duckdb", read_only: bool = False):
    from .store import Store
    return Store(db, read_only=read_only)


def read(paths, **options):
    """Yield Articles (and QuarantineItems) from files, folders and globs."""
    from .ingest import read as _read
    return _read(paths, **options)


def ingest(paths, db="eventwire.duckdb", **options):
    """Read, clean, de-duplicate and store articles; returns the ingest summary."""
    from .ingest import ingest as _ingest
    return _ingest(paths, db=db, **options)


def extract(article: Article) -> Extraction:
    """Events and figures of one article, each traced to its evidence."""
    from .extract import extract as _extract
    return _extract(article)
