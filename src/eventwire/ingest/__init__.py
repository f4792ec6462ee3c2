"""ingest stage: read files, folders and globs; clean; de-duplicate; store.

    read(paths)            -> Article | QuarantineItem, one at a time (nothing stored)
    ingest(paths, db=...)  -> IngestSummary (articles and quarantine rows written to the store)
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator, Optional, Union

from ..records import Article, QuarantineItem
from ..store import Store
from ..store import articles as repo
from .build import build_article, text_hash
from .dedup import NearDuplicateIndex, from_stored, signature, to_stored
from .readers import DEFAULT_MAX_BYTES, Doc, Problem, problem, read_file
from .sources import expand

__all__ = ["read", "ingest", "store_article", "IngestSummary", "DEFAULT_MAX_BYTES", "input_bytes",
           "quarantine_line"]

PathsArg = Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]]


@dataclass
class IngestSummary:
    read: int = 0                   # article inputs turned into articles (new or not)
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    quarantined: int = 0
    new_ids: list[str] = field(default_factory=list)
    problems: list[QuarantineItem] = field(default_factory=list)
    extraction: Optional[dict] = None
    extraction_error: Optional[str] = None

    @property
    def nothing_read(self) -> bool:
        return self.read == 0

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "duplicate": self.duplicate,
                "near_duplicate": self.near_duplicate, "quarantined": self.quarantined,
                "extraction": self.extraction}


def _as_list(paths: PathsArg) -> list[Union[str, os.PathLike]]:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def input_bytes(paths: PathsArg) -> int:
    """Total size of the files ``paths`` name, for a progress bar over bytes."""
    total = 0
    for path, exists in expand(_as_list(paths)):
        if exists:
            try:
                total += path.stat().st_size
            except OSError:
                pass
    return total


def _items(paths: PathsArg, max_bytes: int, on_bytes: Optional[Callable[[int], None]],
           skip: frozenset[str] = frozenset()) -> Iterator[Union[Article, Problem, tuple]]:
    """Articles (with their raw input) and problems, in input order. ``skip``: real paths
    never to read (the store's own files, when it lies inside an input folder)."""
    for path, exists in expand(_as_list(paths)):
        if skip and os.path.realpath(path) in skip:
            continue
        if not exists:
            yield problem(str(path), None, "not_found", "no such file or folder; check the path")
            continue
        for item in read_file(path, max_bytes=max_bytes, on_bytes=on_bytes):
            if isinstance(item, Doc):
                built = _build_safely(item)
                yield built if isinstance(built, Problem) else (built, item)
            else:
                yield item


def _build_safely(doc: Doc) -> Union[Article, Problem]:
    """One odd page must not stop a run of thousands: a failure in a parser becomes a
    quarantine row naming the input."""
    try:
        return build_article(doc)
    except Exception as err:  # noqa: BLE001 - third-party parsers raise anything
        return problem(doc.source, doc.locator, "unprocessable",
                       f"it could not be processed ({type(err).__name__}: {err}); check the input "
                       "or report it", doc.raw)


def read(paths: PathsArg, max_bytes: int = DEFAULT_MAX_BYTES,
         **_ignored: object) -> Iterator[Union[Article, QuarantineItem]]:
    """Yield an Article (cleaned, with ``raw``) or a QuarantineItem for every input, streaming."""
    for item in _items(paths, max_bytes, None):
        yield item.item if isinstance(item, Problem) else item[0]


def ingest(paths: PathsArg, db: Union[str, os.PathLike, Store] = "eventwire.duckdb", *,
           max_bytes: int = DEFAULT_MAX_BYTES, extract: bool = True, batch_size: int = 64,
           on_bytes: Optional[Callable[[int], None]] = None,
           on_problem: Optional[Callable[[QuarantineItem], None]] = None,
           on_article: Optional[Callable[[str, Article], None]] = None) -> IngestSummary:
    """Read, clean, de-duplicate and store everything ``paths`` names; extract new articles.

    Articles are written whole, with their raw input, in transactions of up to ``batch_size``
    articles: a run killed half-way leaves no partial article (at most the last uncommitted
    batch is missing) and running it again completes the rest. Exact duplicates (same id or same cleaned
    text) are not stored again; near-duplicates are stored, flagged ``near_duplicate`` and
    pointed at the first-seen copy. ``on_article`` gets ``"new" | "duplicate" |
    "near_duplicate"`` and the article.
    """
    store = db if isinstance(db, Store) else Store(db)
    try:
        summary = _ingest_into(store, paths, max_bytes, max(1, batch_size), on_bytes, on_problem,
                               on_article)
        if extract and summary.new_ids:
            _run_extraction(store, summary)
        return summary
    finally:
        if not isinstance(db, Store):
            store.close()


def _ingest_into(store: Store, paths: PathsArg, max_bytes: int, batch_size: int,
                 on_bytes: Optional[Callable[[int], None]],
                 on_problem: Optional[Callable[[QuarantineItem], None]],
                 on_article: Optional[Callable[[str, Article], None]]) -> IngestSummary:
    summary = IngestSummary()
    ids, by_sha = repo.known_keys(store)
    index = NearDuplicateIndex()
    for article_id, values in repo.original_minhashes(store):
        index.add(article_id, from_stored(values))
    pending: list[repo.PendingArticle] = []
    own = os.path.realpath(store.path)
    for item in _items(paths, max_bytes, on_bytes, frozenset({own, own + ".wal"})):
        if isinstance(item, Problem):
            summary.quarantined += 1
            summary.problems.append(item.item)
            repo.save_quarantine(store, item.item, item.raw)
            if on_problem:
                on_problem(item.item)
            continue
        article, doc = item
        summary.read += 1
        sha = text_hash(article.text)
        if article.id in ids or sha in by_sha:
            summary.duplicate += 1
            if on_article:
                on_article("duplicate", article)
            continue
        sig = signature(article.text)
        original = index.original_of(sig)
        if original is not None:
            article.flags.append("near_duplicate")
            article.near_duplicate_of = original
        article.ingested_at = datetime.now(timezone.utc)
        pending.append(repo.PendingArticle(article, doc.raw, sha, to_stored(sig)))
        ids.add(article.id)
        by_sha[sha] = article.id
        if original is None:
            index.add(article.id, sig)
        else:
            summary.near_duplicate += 1
        summary.new += 1
        summary.new_ids.append(article.id)
        if on_article:
            on_article("near_duplicate" if original else "new", article)
        if len(pending) >= batch_size:
            repo.save_articles(store, pending)
            pending.clear()
    if pending:
        repo.save_articles(store, pending)
    return summary


def _run_extraction(store: Store, summary: IngestSummary) -> None:
    """Hand new articles to the later stages. A missing pipeline module (an install without the
    extractor) is reported in the summary, never raised at the user."""
    try:
        from ..pipeline import process_articles
    except ImportError as err:
        summary.extraction_error = f"extraction is not available ({err}); run with --no-extract"
        return
    summary.extraction = process_articles(store, summary.new_ids)


def quarantine_line(item: QuarantineItem) -> str:
    """One line for people: where, what is wrong, what to do."""
    where = item.source + (f", {item.locator}" if item.locator else "")
    return f"{where}: {item.detail} [{item.reason}]"


def store_article(store: Store, article: Article) -> bool:
    """Store one already-built article (from :func:`read`) as ingest would, without the
    duplicate checks; False when its id is already stored."""
    raw_bytes = (article.raw if article.raw is not None else article.text).encode("utf-8")
    source = article.source or "(api)"
    path, _, locator = source.partition("#")
    raw = repo.RawInput(source=path, locator=locator or None, format=article.raw_format,
                        size=len(raw_bytes), content=raw_bytes)
    if article.ingested_at is None:
        article = article.model_copy(update={"ingested_at": datetime.now(timezone.utc)})
    return repo.save_article(store, article, raw, text_hash(article.text),
                             to_stored(signature(article.text)))
