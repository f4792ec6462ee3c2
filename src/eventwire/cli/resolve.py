"""CLI commands of the resolve stage: ``events``, ``figures``, ``sources`` and ``resolve``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from .options import DbOption

FormatOption = typer.Option("jsonl", "--format", "-f",
                            help="jsonl | csv (ACLED column layout) | geojson | parquet.")


def _fail(message: str) -> None:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(2)


def _open_store(db: Path, write: bool = False):
    from ..store import Store

    if not write and not Path(db).exists():
        _fail(f"no store at {db}; ingest articles first (eventwire ingest ...) or pass --db PATH.")
    try:
        return Store(db)
    except Exception as exc:       # a locked or corrupt file: say which and what to do
        _fail(f"cannot open the store {db}: {exc}. Is another eventwire process using it?")


def _filter(type_, since, until, place, country, bbox, min_confidence, article, quantity=None):
    from ..store.queries import QueryError, filter_from_dict

    try:
        return filter_from_dict({"type": type_, "since": since, "until": until, "place": place,
                                 "country": country.upper() if country else None, "bbox": bbox,
                                 "min_confidence": min_confidence, "article_id": article,
                                 "quantity": quantity})
    except QueryError as exc:
        _fail(str(exc))


def _export(db: Path, out: Optional[Path], write: Callable[[Any], int], what: str) -> None:
    """Run one export over the store at ``db``; with ``out``, say on stderr how many ``what``."""
    from ..store.export import ExportError

    store = _open_store(db)
    try:
        n = write(store)
    except ExportError as exc:
        _fail(str(exc))
    finally:
        store.close()
    if out:
        typer.echo(f"{n} {what} written to {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("events")
    def events_cmd(
        resolved: bool = typer.Option(False, "--resolved", help="One row per happening (merged "
                                      "across outlets) instead of one per article mention."),
        type_: Optional[str] = typer.Option(None, "--type", help="Codebook event type id."),
        since: Optional[str] = typer.Option(None, "--since", help="Earliest date, YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, "--until", help="Latest date, YYYY-MM-DD."),
        place: Optional[str] = typer.Option(None, "--place", help="Place name contains (any case)."),
        country: Optional[str] = typer.Option(None, "--country", help="ISO 3166 alpha-3, e.g. UKR."),
        bbox: Optional[str] = typer.Option(None, "--bbox", help="min_lon,min_lat,max_lon,max_lat"),
        min_confidence: Optional[float] = typer.Option(None, "--min-confidence"),
        article: Optional[str] = typer.Option(None, "--article", help="Only this article's events."),
        fmt: str = FormatOption,
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (default stdout)."),
        db: Path = DbOption,
    ) -> None:
        """Export events, filtered, as JSON lines, ACLED-style CSV, GeoJSON or Parquet."""
        from ..store.export import export_events

        flt = _filter(type_, since, until, place, country, bbox, min_confidence, article)
        _export(db, out, lambda store: export_events(store, fmt, out, flt, resolved=resolved),
                "resolved events" if resolved else "events")

    @app.command("figures")
    def figures_cmd(
        grouped: bool = typer.Option(False, "--grouped", help="One row per counted quantity "
                                     "with low / best / high and every claim."),
        quantity: Optional[str] = typer.Option(None, "--quantity", help="killed, injured, displaced..."),
        since: Optional[str] = typer.Option(None, "--since"),
        until: Optional[str] = typer.Option(None, "--until"),
        place: Optional[str] = typer.Option(None, "--place"),
        country: Optional[str] = typer.Option(None, "--country"),
        bbox: Optional[str] = typer.Option(None, "--bbox"),
        min_confidence: Optional[float] = typer.Option(None, "--min-confidence"),
        article: Optional[str] = typer.Option(None, "--article"),
        fmt: str = FormatOption,
        out: Optional[Path] = typer.Option(None, "--out", "-o"),
        db: Path = DbOption,
    ) -> None:
        """Export figures (casualty tolls, displaced...) with their claimants."""
        from ..store.export import export_figures
        from ..taxonomy import QUANTITIES

        if quantity and quantity not in QUANTITIES:
            _fail(f"unknown quantity {quantity!r}; use one of {', '.join(QUANTITIES)}.")
        flt = _filter(None, since, until, place, country, bbox, min_confidence, article, quantity)
        _export(db, out, lambda store: export_figures(store, fmt, out, flt, grouped=grouped),
                "figure groups" if grouped else "figures")

    @app.command("sources")
    def sources_cmd(
        event_id: str = typer.Argument(..., help="A resolved or mention-level event id."),
        as_json: bool = typer.Option(False, "--json", help="Print the event as JSON."),
        db: Path = DbOption,
    ) -> None:
        """Every mention of an event: article, outlet, date and the sentence that tells it."""
        from ..store.queries import get_event

        store = _open_store(db)
        try:
            ev = get_event(store, event_id)
        finally:
            store.close()
        if ev is None:
            _fail(f"no event with id {event_id!r}; list ids with `eventwire events --resolved`.")
        if as_json:
            typer.echo(json.dumps(ev, ensure_ascii=False, indent=1, default=str))
            return
        loc = (ev.get("location") or {}).get("name") or "?"
        typer.echo(f"{ev['id']}  {ev['type']}  {ev.get('date') or 'undated'}  {loc}  "
                   f"{ev['mention_count']} mention(s), {ev['source_count']} independent source(s)")
        for m in ev["mentions"]:
            tag = "" if m.get("independent", True) else "  [copy]"
            why = f"  merged on: {', '.join(m['reasons'])}" if m.get("reasons") else ""
            typer.echo(f"- {m.get('outlet') or '?'} | {m.get('published') or '?'} | "
                       f"{m['article_id']}{tag}{why}")
            typer.echo(f"    “{m['evidence']['text']}” [{m['evidence']['start']}:{m['evidence']['end']}]")

    @app.command("resolve")
    def resolve_cmd(db: Path = DbOption) -> None:
        """Rebuild resolved events and figure groups from every stored extraction."""
        from .. import resolve

        store = _open_store(db, write=True)
        try:
            result = resolve.rebuild(store)
        finally:
            store.close()
        typer.echo(json.dumps(result))
