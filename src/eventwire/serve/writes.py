"""``POST /articles``: the body's articles go through the same ingest and extraction as the CLI."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from ..store import Store


class PayloadError(ValueError):
    """The body cannot be read as articles; the message says where and what to do."""


ARTICLE_KEYS = ("id", "title", "outlet", "url", "published", "text")


def _check_article(obj: Any, where: str) -> dict:
    if not isinstance(obj, dict):
        raise PayloadError(f"{where}: expected a JSON object with at least a \"text\" field, "
                           f"got {type(obj).__name__}.")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise PayloadError(f"{where}: \"text\" is missing or empty; send the article body as a string.")
    for key in ("id", "title", "outlet", "url", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise PayloadError(f"{where}: \"{key}\" must be a string.")
    return obj


def parse_articles(body: bytes) -> list[dict]:
    """One article as a JSON object, a JSON array of them, or JSON lines (one per line)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PayloadError(f"the body is not UTF-8 (byte {exc.start}); send UTF-8 JSON.") from None
    if not text.strip():
        raise PayloadError("the body is empty; send one article as JSON or several as JSON lines.")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        return [_check_article(whole, "body")]
    if isinstance(whole, list):
        if not whole:
            raise PayloadError("the JSON array is empty; send at least one article.")
        return [_check_article(o, f"item {i}") for i, o in enumerate(whole, 1)]
    if whole is not None:
        raise PayloadError("the body is JSON but not an article object, array or JSON lines.")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PayloadError(f"line {n}: not valid JSON ({exc.msg} at column {exc.colno}); send "
                               "one article object per line.") from None
        out.append(_check_article(obj, f"line {n}"))
    return out


def ingest_articles(store: Store, articles: list[dict]) -> dict:
    """Ingest (clean, dedupe), extract and resolve; runs on the writer thread.

    The articles go through a temporary JSON-lines file so they take exactly the path a file
    given to ``eventwire ingest`` takes: same cleaning, same quarantine, same flags.
    """
    from ..ingest import ingest, quarantine_line

    with tempfile.TemporaryDirectory(prefix="eventwire-post-") as tmp:
        path = Path(tmp) / "POST-articles.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({k: a.get(k) for k in ARTICLE_KEYS if a.get(k) is not None},
                                    ensure_ascii=False) + "\n")
        summary = ingest([path], store, extract=True)
    extraction = summary.extraction or {}
    return {"received": len(articles), "new": summary.new, "article_ids": list(summary.new_ids),
            "duplicate": summary.duplicate, "near_duplicate": summary.near_duplicate,
            "quarantined": [quarantine_line(q) for q in summary.problems],
            "events": extraction.get("events", 0), "figures": extraction.get("figures", 0),
            "extraction_error": summary.extraction_error}
