"""CLI commands of the ingest stage: ingest, articles, show, quarantine."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table

from .options import DbOption

out = Console()
err = Console(stderr=True)


def _open_store(db: Path, read_only: bool = True):
    """The store at ``db``, or a clear exit when there is none (reading never creates one)."""
    from ..store import Store

    if read_only and not db.exists():
        err.print(f"[red]No store at {escape(str(db))}.[/] Run `eventwire ingest PATH --db {escape(str(db))}` "
                  "first, or pass --db.")
        raise typer.Exit(1)
    try:
        return Store(db, read_only=read_only)
    except Exception as e:  # duckdb raises its own IOException family; say it plainly
        err.print(f"[red]Cannot open the store {escape(str(db))}:[/] {escape(str(e).splitlines()[0])}")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("ingest")
    def ingest_cmd(
        paths: List[str] = typer.Argument(..., help="Files, folders or globs: plain text, HTML, "
                                          "JSON lines, WARC (.gz too), RSS/Atom."),
        db: Path = DbOption,
        extract: bool = typer.Option(True, "--extract/--no-extract",
                                     help="Extract events and figures from the new articles."),
        strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any input was quarantined."),
        max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1,
                                      help="Largest input accepted for one article, in bytes."),
    ) -> None:
        """Read, clean, de-duplicate and store articles; bad inputs go to the quarantine."""
        from ..ingest import ingest, input_bytes, quarantine_line

        store = _open_store(db, read_only=False)
        columns = (TextColumn("[bold]ingest[/]"), BarColumn(), DownloadColumn(),
                   TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), TimeRemainingColumn())
        counts = {"new": 0, "duplicate": 0, "near_duplicate": 0, "quarantined": 0}

        def label() -> str:
            return (f"{counts['new']} new · {counts['duplicate']} dup · "
                    f"{counts['near_duplicate']} near-dup · {counts['quarantined']} quarantined")

        try:
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("ingest", total=input_bytes(paths) or None, counts=label())

                def on_problem(item) -> None:
                    counts["quarantined"] += 1
                    bar.console.print(f"[yellow]quarantined[/] {escape(quarantine_line(item))}",
                                      soft_wrap=True)
                    bar.update(task, counts=label())

                def on_article(status: str, article) -> None:
                    counts[status] += 1
                    bar.update(task, counts=label())

                summary = ingest(paths, db=store, max_bytes=max_bytes, extract=False,
                                 on_bytes=lambda n: bar.advance(task, n),
                                 on_problem=on_problem, on_article=on_article)
            if extract and summary.new_ids:
                _extract_new(store, summary)
        finally:
            store.close()
        _print_summary(summary, db)
        if summary.nothing_read:
            err.print("[red]Nothing could be read.[/] See the reasons above; "
                      f"`eventwire quarantine --db {escape(str(db))}` lists them.")
            raise typer.Exit(1)
        if strict and summary.quarantined:
            raise typer.Exit(2)

    @app.command("articles")
    def articles_cmd(db: Path = DbOption,
                     as_json: bool = typer.Option(False, "--json", help="One JSON object a line.")) -> None:
        """List stored articles: id, title, outlet, published, flags, near_duplicate_of, chars."""
        from ..store.articles import list_articles, to_json_line

        store = _open_store(db)
        rows = list_articles(store)
        store.close()
        if as_json:
            for r in rows:
                out.print(to_json_line(r), markup=False, highlight=False, soft_wrap=True)
            return
        table = Table(title=f"{len(rows)} articles in {db}")
        table.add_column("id", no_wrap=True)
        table.add_column("title", max_width=40, no_wrap=True)
        for name in ("outlet", "published", "flags", "near dup of", "chars"):
            table.add_column(name)
        for r in rows:
            table.add_row(r["id"], escape((r["title"] or "")[:60]), escape(r["outlet"] or ""),
                          (r["published"] or "")[:10], ", ".join(r["flags"] or []),
                          r["near_duplicate_of"] or "", str(r["chars"]))
        out.print(table)

    @app.command("show")
    def show_cmd(article_id: str = typer.Argument(..., help="Article id (a unique prefix will do)."),
                 db: Path = DbOption,
                 as_json: bool = typer.Option(False, "--json", help="The record as one JSON object.")) -> None:
        """Show one article in full: metadata, flags, cleaned text and the raw input."""
        from ..store.articles import get_article, to_json_line

        store = _open_store(db)
        record = get_article(store, article_id)
        store.close()
        if record is None:
            err.print(f"[red]No article {escape(article_id)} in {escape(str(db))}.[/] "
                      "`eventwire articles` lists the ids.")
            raise typer.Exit(1)
        if as_json:
            out.print(to_json_line(record), markup=False, highlight=False, soft_wrap=True)
            return
        for key in ("id", "title", "outlet", "url", "published", "source", "raw_format", "flags",
                    "near_duplicate_of", "rewritten_copy_of", "chars", "ingested_at"):
            value = record[key]
            if value not in (None, [], ""):
                out.print(f"[bold]{key}[/]: {escape(str(value))}")
        out.rule("cleaned text")
        out.print(escape(record["text"]))
        out.rule("raw input")
        out.print(escape(record["raw_text"] or ""), markup=False, highlight=False)

    @app.command("quarantine")
    def quarantine_cmd(db: Path = DbOption,
                       as_json: bool = typer.Option(False, "--json", help="One JSON object a line.")) -> None:
        """List inputs that could not be read, where they are and why."""
        from ..store.articles import list_quarantine, to_json_line

        store = _open_store(db)
        rows = list_quarantine(store)
        store.close()
        if as_json:
            for r in rows:
                out.print(to_json_line(r), markup=False, highlight=False, soft_wrap=True)
            return
        if not rows:
            out.print("The quarantine is empty.")
            return
        table = Table("source", "where", "reason", "what is wrong / what to do",
                      title=f"{len(rows)} quarantined inputs in {db}")
        for r in rows:
            table.add_row(escape(r["source"]), r["locator"] or "", r["reason"], escape(r["detail"]))
        out.print(table)


def _extract_new(store, summary) -> None:
    """Run the later stages on the new articles, with their own progress bar."""
    try:
        from ..pipeline import process_articles
    except ImportError as e:
        summary.extraction_error = f"extraction is not available ({e}); ingest with --no-extract"
        return
    with Progress(TextColumn("[bold]extract[/]"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("extract", total=len(summary.new_ids))
        try:
            summary.extraction = process_articles(store, summary.new_ids,
                                                  progress=lambda n: bar.advance(task, n))
        except Exception as e:  # noqa: BLE001 - the articles are stored; say so, no traceback
            summary.extraction_error = (f"extraction failed ({type(e).__name__}: {e}); the articles "
                                        "are stored; ingest again with --no-extract to skip it")


def _print_summary(summary, db: Path) -> None:
    table = Table(title=f"ingest → {db}", show_header=False)
    for name, value in (("read", summary.read), ("new", summary.new),
                        ("duplicate", summary.duplicate), ("near-duplicate", summary.near_duplicate),
                        ("quarantined", summary.quarantined)):
        table.add_row(name, str(value))
    x = summary.extraction
    if x:
        table.add_row("events", str(x.get("events", 0)))
        table.add_row("figures", str(x.get("figures", 0)))
    out.print(table)
    if summary.extraction_error:
        err.print(f"[yellow]{escape(summary.extraction_error)}[/]")
