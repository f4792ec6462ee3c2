"""Reading and writing articles, their raw inputs and the quarantine.

Every write of one article (its raw bytes and its row) is a single transaction, so an ingest
killed half-way leaves either the whole article or none of it, and a re-run completes the rest.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterator, Optional

from ..records import Article, QuarantineItem
from .db import Store

ARTICLE_LIST_COLUMNS = ("id", "title", "outlet", "published", "flags", "near_duplicate_of", "chars")


@dataclass(frozen=True)
class RawInput:
    """The bytes one article (or one bad input) came from, and where they were read."""
    source: str
    locator: Optional[str]
    format: Optional[str]
    size: int
    content: Optional[bytes]        # None when too large to keep: the location still is

    @property
    def id(self) -> str:
        if self.content is not None:
            return hashlib.sha256(self.content).hexdigest()
        where = f"{self.source}\0{self.locator or ''}\0{self.size}"
        return "loc-" + hashlib.sha256(where.encode()).hexdigest()


@dataclass(frozen=True)
class PendingArticle:
    article: Article
    raw: Optional[RawInput]
    text_sha: str
    minhash: Optional[list[int]]


_ARTICLE_COLUMNS = ("id", "raw_id", "title", "outlet", "url", "published", "published_date", "text",
                    "raw_text", "raw_format", "source", "flags", "near_duplicate_of",
                    "rewritten_copy_of", "text_sha", "minhash", "chars", "ingested_at")
_RAW_COLUMNS = ("id", "source", "locator", "format", "size", "content")


def save_article(store: Store, article: Article, raw: Optional[RawInput], text_sha: str,
                 minhash: Optional[list[int]]) -> bool:
    """Insert ``article`` with its raw input in one transaction; False when its id is taken."""
    return save_articles(store, [PendingArticle(article, raw, text_sha, minhash)]) == 1


def save_articles(store: Store, batch: list[PendingArticle]) -> int:
    """Insert whole articles, each with its raw input, in one transaction: all of them or none.

    Single-row inserts cost DuckDB a few milliseconds each, so the ingest hands over a small
    batch at a time (as Arrow tables, one statement per table). Returns how many were new.
    """
    import pyarrow as pa

    with store.transaction() as con:
        ids = [p.article.id for p in batch]
        taken = {r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))",
                                           [ids]).fetchall()}
        fresh, seen = [], set(taken)
        for p in batch:
            if p.article.id not in seen:
                seen.add(p.article.id)
                fresh.append(p)
        if not fresh:
            return 0
        raws = {p.raw.id: p.raw for p in fresh if p.raw is not None}
        if raws:
            raw_table = pa.table({
                "id": list(raws), "source": [r.source for r in raws.values()],
                "locator": [r.locator for r in raws.values()],
                "format": [r.format for r in raws.values()],
                "size": pa.array([r.size for r in raws.values()], pa.int64()),
                "content": pa.array([r.content for r in raws.values()], pa.binary())})
            _insert_arrow(con, "raw_inputs", raw_table, _RAW_COLUMNS, "ON CONFLICT DO NOTHING")
        now = datetime.now(timezone.utc)
        rows = [[p.article.id, p.raw.id if p.raw else None, p.article.title, p.article.outlet,
                 p.article.url, p.article.published, _iso_date(p.article.published), p.article.text,
                 p.article.raw, p.article.raw_format, p.article.source, list(p.article.flags),
                 p.article.near_duplicate_of, p.article.rewritten_copy_of, p.text_sha, p.minhash,
                 len(p.article.text), p.article.ingested_at or now] for p in fresh]
        columns = list(zip(*rows))
        types = {"flags": pa.list_(pa.string()), "minhash": pa.list_(pa.uint64()),
                 "chars": pa.int32(), "ingested_at": pa.timestamp("us", tz="UTC")}
        table = pa.table({name: pa.array(list(col), types.get(name, pa.string()))
                          for name, col in zip(_ARTICLE_COLUMNS, columns)})
        _insert_arrow(con, "articles", table, _ARTICLE_COLUMNS)
    return len(fresh)


def _insert_arrow(con: Any, table_name: str, data: Any, columns: tuple[str, ...], tail: str = "") -> None:
    view = f"_incoming_{table_name}"
    con.register(view, data)
    try:
        select = ", ".join(f"CAST({c} AS DATE)" if c == "published_date" else c for c in columns)
        con.execute(f"INSERT INTO {table_name} ({', '.join(columns)}) SELECT {select} FROM {view} {tail}")
    finally:
        con.unregister(view)


def quarantine_id(item: QuarantineItem) -> str:
    key = f"{item.source}\0{item.locator or ''}\0{item.reason}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def save_quarantine(store: Store, item: QuarantineItem, raw: Optional[RawInput]) -> bool:
    """Record a bad input (once: the same source, place and reason is not stored twice)."""
    with store.transaction() as con:
        qid = quarantine_id(item)
        if con.execute("SELECT 1 FROM quarantine WHERE id = ?", [qid]).fetchone():
            return False
        raw_id = _insert_raw(con, raw) if raw is not None else item.raw_id
        con.execute("INSERT INTO quarantine (id, source, locator, reason, detail, raw_id, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [qid, item.source, item.locator, item.reason, item.detail, raw_id, item.created_at])
    return True


def _insert_raw(con: Any, raw: RawInput) -> str:
    """One raw input (quarantine path: rare, so a plain insert)."""
    raw_id = raw.id
    con.execute("INSERT INTO raw_inputs (id, source, locator, format, size, content) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [raw_id, raw.source, raw.locator, raw.format, raw.size, raw.content])
    return raw_id


def known_keys(store: Store) -> tuple[set[str], dict[str, str]]:
    """Ids of stored articles, and text hash -> id, for exact-duplicate checks without a query
    per article."""
    ids: set[str] = set()
    by_sha: dict[str, str] = {}
    for article_id, sha in store.cursor().execute("SELECT id, text_sha FROM articles").fetchall():
        ids.add(article_id)
        if sha:
            by_sha.setdefault(sha, article_id)
    return ids, by_sha


def original_minhashes(store: Store) -> Iterator[tuple[str, list[int]]]:
    """(id, minhash) of stored articles that are not themselves near-duplicates, first seen first."""
    cur = store.cursor().execute(
        "SELECT id, minhash FROM articles WHERE near_duplicate_of IS NULL AND minhash IS NOT NULL "
        "ORDER BY ingested_at, id")
    while rows := cur.fetchmany(1000):
        yield from rows


def list_articles(store: Store) -> list[dict[str, Any]]:
    rows = store.cursor().execute(
        f"SELECT {', '.join(ARTICLE_LIST_COLUMNS)} FROM articles ORDER BY ingested_at, id").fetchall()
    return [_row(ARTICLE_LIST_COLUMNS, r) for r in rows]


_FULL_COLUMNS = ("id", "title", "outlet", "url", "published", "flags", "near_duplicate_of",
                 "rewritten_copy_of", "chars", "raw_format", "source", "raw_id", "text_sha",
                 "extracted", "ingested_at", "text", "raw_text")


def get_article(store: Store, article_id: str) -> Optional[dict[str, Any]]:
    """The full record of ``article_id`` (a unique prefix of it is enough)."""
    cur = store.cursor()
    row = cur.execute(f"SELECT {', '.join(_FULL_COLUMNS)} FROM articles WHERE id = ?",
                      [article_id]).fetchone()
    if row is None and len(article_id) >= 4:
        rows = cur.execute(f"SELECT {', '.join(_FULL_COLUMNS)} FROM articles WHERE starts_with(id, ?) "
                           "LIMIT 2", [article_id]).fetchall()
        row = rows[0] if len(rows) == 1 else None
    return _row(_FULL_COLUMNS, row) if row else None


def count_articles(store: Store) -> int:
    return store.cursor().execute("SELECT count(*) FROM articles").fetchone()[0]


_QUARANTINE_COLUMNS = ("id", "source", "locator", "reason", "detail", "raw_id", "created_at")


def list_quarantine(store: Store) -> list[dict[str, Any]]:
    rows = store.cursor().execute(
        f"SELECT {', '.join(_QUARANTINE_COLUMNS)} FROM quarantine ORDER BY created_at, source, locator"
    ).fetchall()
    return [_row(_QUARANTINE_COLUMNS, r) for r in rows]


def _row(columns: tuple[str, ...], values: tuple) -> dict[str, Any]:
    out = {}
    for name, value in zip(columns, values):
        if isinstance(value, (datetime, date)):
            value = value.isoformat()
        out[name] = list(value) if name == "flags" and value is not None else value
    return out


def _iso_date(published: Optional[str]) -> Optional[str]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def to_json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)
