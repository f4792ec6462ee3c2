"""Streaming readers: each turns one input file into article inputs (:class:`Doc`) and
problems (:class:`Problem`), one at a time, so memory stays flat however large the file.

A reader never raises for bad content: what cannot be read becomes a Problem that says where
(file, line, record, item), what is wrong and what to do, and the reader carries on.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, Optional, Union

from ..clean.html import fragment_text
from ..clean.encoding import EncodingProblem, binary_kind, decode_bytes
from ..records import QuarantineItem
from ..store.articles import RawInput
from .sources import open_stream, peek_head, sniff

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_FEED_FACTOR = 20           # a feed is parsed whole: allow it many articles' worth of bytes
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)
_META_KEYS = ("id", "title", "outlet", "url", "published")


@dataclass
class Doc:
    """One article's input, decoded, before cleaning."""
    source: str
    locator: Optional[str]
    kind: str                           # text | html | jsonl | warc | rss | atom
    raw: RawInput
    text: Optional[str] = None          # plain text body
    html: Optional[str] = None          # or an HTML page / fragment
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Problem:
    item: QuarantineItem
    raw: Optional[RawInput] = None


Item = Union[Doc, Problem]
ByteCounter = Optional[Callable[[int], None]]


def problem(source: str, locator: Optional[str], reason: str, detail: str,
            raw: Optional[RawInput] = None) -> Problem:
    return Problem(QuarantineItem(source=source, locator=locator, reason=reason, detail=detail), raw)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, on_bytes: ByteCounter = None) -> Iterator[Item]:
    """Everything in one file, whatever its kind."""
    src = str(path)
    try:
        size = path.stat().st_size
        head, gz = peek_head(path)
    except OSError as err:
        yield problem(src, None, "unreadable", f"cannot open it ({err.strerror or err}); check the "
                      "path and its permissions")
        return
    if size == 0:
        yield problem(src, None, "empty", "the file is empty; remove it or fill it", _raw(src, None, None, b""))
        return
    bin_kind = binary_kind(head) if head else None
    if bin_kind:
        keep = _read_limited(path, max_bytes)
        yield problem(src, None, "binary", f"this is {bin_kind}, not an article; remove it from the "
                      "input", _raw(src, None, "binary", keep, size))
        _count(on_bytes, size)
        return
    kind = sniff(head, path.name)
    if kind == "jsonl":
        yield from _stream(path, on_bytes, lambda f: read_jsonl(f, src, max_bytes))
    elif kind == "warc":
        yield from _stream(path, on_bytes, lambda f: read_warc(f, src, max_bytes), gz_ok=True)
    else:
        limit = max_bytes * (_FEED_FACTOR if kind in ("rss", "atom") else 1)
        yield from _whole_file(path, src, kind, gz, size, limit, on_bytes)


def _stream(path: Path, on_bytes: ByteCounter, reader: Callable[[BinaryIO], Iterator[Item]],
            gz_ok: bool = False) -> Iterator[Item]:
    stream, gz = open_stream(path, on_bytes)
    try:
        if gz and not gz_ok:
            stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
        yield from reader(stream)
    finally:
        stream.close()


def _whole_file(path: Path, src: str, kind: str, gz: bool, size: int, limit: int,
                on_bytes: ByteCounter) -> Iterator[Item]:
    if size > limit and not gz:
        _count(on_bytes, size)
        yield problem(src, None, "oversized", f"the file is {_mb(size)}, over the {_mb(limit)} limit "
                      "for one article; split it or raise --max-bytes",
                      _raw(src, None, kind, None, size))
        return
    data, truncated = _read_all(path, limit, gz)
    _count(on_bytes, size)
    if data is None:
        yield problem(src, None, "oversized", f"it unpacks to more than {_mb(limit)}; split it or "
                      "raise --max-bytes", _raw(src, None, kind, None, size))
        return
    if truncated:
        yield problem(src, None, "truncated_gzip", "the gzip file is cut short (it ends before its "
                      "end marker); download or copy it again", _raw(src, None, kind, data, size))
        return
    if kind in ("rss", "atom"):
        yield from read_feed(data, src, limit // _FEED_FACTOR)
        return
    raw = _raw(src, None, kind, data)
    try:
        declared = _declared_charset(data) if kind == "html" else None
        decoded = decode_bytes(data, declared)
    except EncodingProblem as err:
        yield problem(src, None, err.reason, f"{err.detail}", raw)
        return
    if kind == "html":
        yield Doc(src, None, kind, raw, html=decoded.text)
    else:
        yield Doc(src, None, kind, raw, text=decoded.text)


def _read_all(path: Path, limit: int, gz: bool) -> tuple[Optional[bytes], bool]:
    """(bytes, truncated); bytes None when over ``limit``."""
    if not gz:
        return path.read_bytes(), False
    out = bytearray()
    with gzip.open(path, "rb") as g:
        try:
            while chunk := g.read(1 << 16):
                out += chunk
                if len(out) > limit:
                    return None, False
        except (EOFError, zlib.error, gzip.BadGzipFile):
            return bytes(out), True
    return bytes(out), False


def _read_limited(path: Path, limit: int) -> Optional[bytes]:
    if path.stat().st_size > limit:
        return None
    return path.read_bytes()


# -- JSON lines ---------------------------------------------------------------------------------
def read_jsonl(stream: BinaryIO, src: str, max_bytes: int) -> Iterator[Item]:
    """One article per line: ``id, title, outlet, url, published`` and ``text`` or ``html``."""
    number = 0
    while True:
        number += 1
        loc = f"line {number}"
        try:
            line = stream.readline(max_bytes + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as err:
            yield problem(src, f"after line {number - 1}", "truncated_gzip",
                          f"the compressed file is cut short ({err}); the lines before were read; "
                          "copy or download it again", _whole_file_location(src, "jsonl"))
            return
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            skipped = len(line) + _skip_line(stream, max_bytes)
            yield problem(src, loc, "oversized", f"the line is {_mb(skipped)}, over the "
                          f"{_mb(max_bytes)} limit for one article; shorten it or raise --max-bytes",
                          _raw(src, loc, "jsonl", None, skipped))
            continue
        if not line.strip():
            continue
        yield _jsonl_item(line.rstrip(b"\r\n"), src, loc)


def _skip_line(stream: BinaryIO, chunk: int) -> int:
    skipped = 0
    while part := stream.readline(chunk):
        skipped += len(part)
        if part.endswith(b"\n"):
            break
    return skipped


def _jsonl_item(line: bytes, src: str, loc: str) -> Item:
    raw = _raw(src, loc, "jsonl", line)
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            decoded = decode_bytes(line).text
        except EncodingProblem as err:
            return problem(src, loc, err.reason, err.detail, raw)
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as err:
        return problem(src, loc, "broken_json", f"not valid JSON ({err.msg} at column {err.colno}); "
                       "fix or remove the line", raw)
    if not isinstance(obj, dict):
        return problem(src, loc, "broken_json", f"expected a JSON object, found {type(obj).__name__}; "
                       "each line must be one article object", raw)
    meta = {k: _clean_meta(obj.get(k)) for k in _META_KEYS if obj.get(k) not in (None, "")}
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return problem(src, loc, "empty", "the object has no \"text\" or \"html\" string; add the "
                       "article body", raw)
    if isinstance(text, str) and text.strip():
        return Doc(src, loc, "jsonl", raw, text=text, meta=meta)
    if isinstance(html, str) and html.strip():
        return Doc(src, loc, "jsonl", raw, html=html, meta=meta)
    return problem(src, loc, "empty", "the article body is empty; add its text or drop the line", raw)


def _clean_meta(value: Any) -> Optional[str]:
    return None if value is None else str(value).strip() or None


# -- WARC ---------------------------------------------------------------------------------------
def read_warc(stream: BinaryIO, src: str, max_bytes: int) -> Iterator[Item]:
    """HTML pages in the ``response`` (and ``resource``) records of a WARC file, gzipped or not."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            item = _warc_item(record, src, f"record {number}", max_bytes)
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError, OSError) as err:
        yield problem(src, f"after record {number}", "truncated_warc",
                      f"the WARC file is cut short or damaged ({_short(err)}); the records before "
                      "were read; fetch or copy the file again", _whole_file_location(src, "warc"))


def _warc_item(record: Any, src: str, loc: str, max_bytes: int) -> Optional[Item]:
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    if http is not None and not http.get_statuscode().startswith("2"):
        return None
    body = record.content_stream().read(max_bytes + 1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        # warcio hands back a short body when the file ends inside a record; its declared
        # Content-Length is the only witness.
        raise EOFError(f"{loc} declares {record.length} bytes but the file ends "
                       f"{record.raw_stream.limit} bytes early")
    if "html" not in ctype.lower() and not sniff(body[:4096]) == "html":
        return None
    if len(body) > max_bytes:
        return problem(src, loc, "oversized", f"the page is over the {_mb(max_bytes)} limit; raise "
                       "--max-bytes to read it", _raw(src, loc, "warc", None, len(body)))
    raw = _raw(src, loc, "warc", body)
    charset = re.search(r"charset=([\w-]+)", ctype, re.I)
    try:
        decoded = decode_bytes(body, charset.group(1) if charset else _declared_charset(body))
    except EncodingProblem as err:
        return problem(src, loc, err.reason, err.detail, raw)
    return Doc(src, loc, "warc", raw, html=decoded.text, meta={"url": url} if url else {})


# -- RSS / Atom ---------------------------------------------------------------------------------
def read_feed(data: bytes, src: str, max_bytes: int) -> Iterator[Item]:
    """Items of an RSS or Atom feed: full content where the feed carries it, else the summary."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = "broken_feed" if feed.bozo else "empty"
        why = _short(feed.get("bozo_exception", "")) or "it has no items"
        yield problem(src, None, reason, f"no feed items could be read ({why}); check that it is a "
                      "complete RSS or Atom file", _raw(src, None, "feed", data))
        return
    kind = "atom" if feed.version.startswith("atom") else "rss"
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        loc = f"item {number}"
        body = _entry_body(entry)
        raw = _raw(src, loc, kind, body.encode("utf-8"))
        if len(raw.content or b"") > max_bytes:
            yield problem(src, loc, "oversized", f"the item is over the {_mb(max_bytes)} limit; raise "
                          "--max-bytes", _raw(src, loc, kind, None, raw.size))
            continue
        meta = {"title": entry.get("title"), "url": entry.get("link"), "outlet": outlet,
                "published": _entry_date(entry)}
        yield Doc(src, loc, kind, raw, text=fragment_text(body), meta={k: v for k, v in meta.items() if v})


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _entry_date(entry: Any) -> Optional[str]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(parsed[:6])


# -- helpers ------------------------------------------------------------------------------------
def _raw(src: str, loc: Optional[str], fmt: Optional[str], content: Optional[bytes],
         size: Optional[int] = None) -> RawInput:
    return RawInput(source=src, locator=loc, format=fmt,
                    size=size if size is not None else len(content or b""), content=content)


def _whole_file_location(src: str, fmt: str) -> RawInput:
    """Where a damaged container lies; its bytes stay in the file rather than in the store."""
    try:
        size = os.path.getsize(src)
    except OSError:
        size = 0
    return _raw(src, None, fmt, None, size)


def _declared_charset(data: bytes) -> Optional[str]:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _count(on_bytes: ByteCounter, n: int) -> None:
    if on_bytes:
        on_bytes(n)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _short(err: Any) -> str:
    text = str(err).strip() or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."
