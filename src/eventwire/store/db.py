"""The embedded DuckDB store: connection, schema migrations and transactions."""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Iterator

import duckdb

from .migrations import MIGRATIONS

DEFAULT_DB = "eventwire.duckdb"


class Store:
    """One DuckDB file. Open with ``Store(path)``; the schema is brought up to date on open.

    DuckDB connections are not shared across threads: ``cursor()`` gives a thread its own.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path, read_only=read_only)
        self._lock = threading.RLock()
        if not read_only:
            self.migrate()

    # -- schema ---------------------------------------------------------------------------
    def schema_version(self) -> int:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                         "version INTEGER PRIMARY KEY, description VARCHAR, "
                         "applied_at TIMESTAMPTZ DEFAULT current_timestamp)")
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0

    def migrate(self) -> int:
        current = self.schema_version()
        for version, description, sql in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                                 [version, description])
            current = version
        return current

    # -- transactions ---------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: an exception (or a kill) inside leaves the store as it was."""
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
