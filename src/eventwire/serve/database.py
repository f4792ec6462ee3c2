"""How the server shares one DuckDB file between many readers and one writer.

DuckDB allows one writing process per file, and inside it many connections. The server opens
the file once; every request reads through its own cursor (a connection of its own, with a
consistent snapshot), and all writes run one at a time on a single worker thread with its own
connection. So a long ingest never blocks reads, and two ingests never race each other.
"""
from __future__ import annotations

import asyncio
import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import duckdb

from ..store import Store

T = TypeVar("T")


class DatabaseUnavailable(RuntimeError):
    pass


class _ConnectionStore(Store):
    """A Store that runs on one given DuckDB connection (a cursor of the server's store)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str):  # noqa: D401 - no migrate
        self.path = path
        self.con = con
        self._lock = threading.RLock()


class Database:
    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self._root = Store(self.path)
        except duckdb.IOException as exc:
            raise DatabaseUnavailable(
                f"cannot open {self.path}: {exc}. Another eventwire process (an ingest?) may hold "
                "it; wait for it to finish, or serve a copy of the file.") from None
        # The root connection only hands out cursors; it never runs a query itself, so no two
        # threads ever use the same connection.
        self._cursor_lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-writer")
        self._write_store: _ConnectionStore | None = None

    def _new_connection(self) -> duckdb.DuckDBPyConnection:
        with self._cursor_lock:
            return self._root.con.cursor()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        con = self._new_connection()
        try:
            yield _ConnectionStore(con, self.path)
        finally:
            con.close()

    def _run_write(self, fn: Callable[[Store], T]) -> T:
        if self._write_store is None:
            self._write_store = _ConnectionStore(self._new_connection(), self.path)
        return fn(self._write_store)

    async def write(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` on the writer thread; concurrent calls queue up."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, self._run_write, fn)

    def write_sync(self, fn: Callable[[Store], T]) -> T:
        return self._writer.submit(self._run_write, fn).result()

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        if self._write_store is not None:
            self._write_store.con.close()
        self._root.close()
