"""CLI commands of the serve stage: ``serve`` (REST API + dashboard) and ``sitrep``."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from .options import DbOption


def _fail(msg: str) -> None:
    typer.secho(f"error: {msg}", fg=typer.colors.RED, err=True)
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command()
    def serve(
        db: Path = DbOption,
        host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for all)."),
        port: int = typer.Option(8000, help="TCP port."),
        max_body_mb: int = typer.Option(10, help="Largest POST /articles body, in MB."),
    ) -> None:
        """Serve the REST API and the dashboard over the store.

        POST /articles is enabled only when EVENTWIRE_TOKEN is set (clients send it as a bearer
        token); otherwise the server is read-only and says so.
        """
        import uvicorn

        from ..serve.app import create_app
        from ..serve.database import DatabaseUnavailable

        if not db.exists():
            _fail(f"{db} does not exist; run `eventwire ingest ... --db {db}` first, or pass --db.")
        token = os.environ.get("EVENTWIRE_TOKEN") or None
        try:
            api = create_app(db, token=token, max_body_bytes=max_body_mb * 1024 * 1024)
        except DatabaseUnavailable as exc:
            _fail(str(exc))
        writes = "enabled (bearer token from EVENTWIRE_TOKEN)" if token else \
            "disabled (set EVENTWIRE_TOKEN to accept POST /articles)"
        typer.echo(f"eventwire: dashboard http://{host}:{port}/  API docs http://{host}:{port}/docs  "
                   f"store {db}  writes {writes}")
        uvicorn.run(api, host=host, port=port, log_level="warning")

    @app.command()
    def sitrep(
        out: Path = typer.Option(..., "--out", help="report.md (PNG figures beside it) or report.html "
                                                     "(one self-contained file)."),
        since: Optional[str] = typer.Option(None, help="First event date, YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, help="Last event date, YYYY-MM-DD."),
        country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-3, e.g. UKR."),
        place: Optional[str] = typer.Option(None, help="Part of a place or region name."),
        db: Path = DbOption,
    ) -> None:
        """Write a situation report: headline numbers, key developments, map, timeline, contested figures."""
        from ..report.sitrep import build_sitrep, write_sitrep
        from ..store import Store
        from ..store import queries as q

        if out.suffix.lower() not in (".md", ".markdown", ".html", ".htm"):
            _fail(f"--out {out}: the file name must end in .md or .html.")
        if not db.exists():
            _fail(f"{db} does not exist; run `eventwire ingest ... --db {db}` first, or pass --db.")
        try:
            flt = q.EventFilter(since=since, until=until, country=country.upper() if country else None,
                                place=place)
        except q.QueryError as exc:
            _fail(str(exc))
        with Store(db) as store:
            report = build_sitrep(store, flt)
        files = write_sitrep(report, out)
        if report.map_note:
            typer.secho(f"warning: {report.map_note}", fg=typer.colors.YELLOW, err=True)
        typer.echo(f"sitrep: {report.n_events} events, {report.n_articles} articles -> "
                   + ", ".join(str(f) for f in files))
