"""store: the embedded DuckDB database every command reads and writes."""
from .db import DEFAULT_DB, Store

__all__ = ["Store", "DEFAULT_DB"]
