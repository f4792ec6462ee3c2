"""Options shared by every command, defined once."""
from __future__ import annotations

from pathlib import Path

import typer

from ..store import DEFAULT_DB

DbOption = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file of the store.",
                        envvar="EVENTWIRE_DB", show_default=True)
