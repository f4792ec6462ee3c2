"""Finding input files and telling what they hold from their bytes, not their names."""
from __future__ import annotations

import glob
import gzip
import io
import os
import re
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

GZIP_MAGIC = b"\x1f\x8b"
_HEAD = 4096
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|"
                         rb"meta|title|section|h1)\b", re.I | re.S)
_GLOB_CHARS = re.compile(r"[*?\[]")

# Text-like extensions used only when the content gives no clue (a plain text file).
_EXT_KIND = {".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
             ".warc": "warc", ".rss": "rss", ".atom": "atom", ".xml": "rss", ".txt": "text"}


def expand(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, bool]]:
    """Files named by ``paths`` (files, folders walked recursively, globs), in a stable order.

    Yields ``(path, exists)``; a name matching nothing comes back with ``exists`` False so the
    caller can report it. Hidden files and folders are skipped inside folders.
    """
    seen: set[Path] = set()
    for raw in paths:
        name = str(raw)
        if _GLOB_CHARS.search(name) and not os.path.exists(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Path(name), False
            candidates: Iterable[Path] = (Path(m) for m in matches)
        else:
            candidates = [Path(name)]
        for path in candidates:
            if path.is_dir():
                for file in _walk(path):
                    if file not in seen:
                        seen.add(file)
                        yield file, True
            elif path not in seen:
                seen.add(path)
                yield path, path.exists() or path.is_symlink()


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


def sniff(head: bytes, name: str = "") -> str:
    """Kind of input from its first bytes (already decompressed): warc, jsonl, rss, atom, html, text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:_HEAD].lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    if lowered.startswith(b"<?xml") or lowered.startswith((b"<rss", b"<feed", b"<rdf")):
        if b"<rss" in lowered or b"<rdf:rdf" in lowered:
            return "rss"
        if b"<feed" in lowered:
            return "atom"
    if _HTML_START.match(start[:_HEAD]):
        return "html"
    ext = Path(name.removesuffix(".gz")).suffix.lower()
    # A page fragment without a root tag is still HTML when its name says so.
    return "html" if _EXT_KIND.get(ext) == "html" and b"<" in lowered else "text"


class CountingReader(io.RawIOBase):
    """A read-only file that reports every byte consumed, for a progress bar over bytes."""

    def __init__(self, raw: BinaryIO, on_bytes: Callable[[int], None] | None):
        self._raw = raw
        self._on_bytes = on_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        n = self._raw.readinto(buffer)
        if n and self._on_bytes:
            self._on_bytes(n)
        return n or 0

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_stream(path: Path, on_bytes: Callable[[int], None] | None = None) -> tuple[BinaryIO, bool]:
    """Open ``path`` for streaming; gzip is undone here (except for WARC, which warcio reads
    member by member). Returns the stream and whether the file is gzipped."""
    raw = io.BufferedReader(CountingReader(open(path, "rb", buffering=0), on_bytes), 1 << 16)
    gz = raw.peek(2)[:2] == GZIP_MAGIC
    return raw, gz


def peek_head(path: Path) -> tuple[bytes, bool]:
    """First bytes of ``path`` after decompression, and whether it is gzipped."""
    with open(path, "rb") as f:
        head = f.read(_HEAD)
    if not head.startswith(GZIP_MAGIC):
        return head, False
    try:
        with gzip.open(path, "rb") as g:
            return g.read(_HEAD), True
    except (EOFError, OSError):
        # A truncated gzip still yields what was written before the cut.
        with open(path, "rb") as f:
            d = gzip.GzipFile(fileobj=f)
            out = bytearray()
            try:
                while len(out) < _HEAD and (chunk := d.read(256)):
                    out += chunk
            except (EOFError, OSError):
                pass
            return bytes(out), True
