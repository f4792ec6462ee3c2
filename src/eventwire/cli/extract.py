"""CLI commands of the extract stage."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("extract")
    def extract_cmd(
        inputs: List[Path] = typer.Argument(..., help="Files, folders or globs: anything `ingest` reads."),
        out: Path = typer.Option(..., "--out", "-o", help="Write one JSON line per article here "
                                 "(CODEBOOK s.5 shape, with evidence offsets and confidence)."),
        db: Optional[Path] = typer.Option(None, "--db", help="Also store articles, events and "
                                          "figures in this DuckDB file."),
        workers: int = typer.Option(0, "--workers", help="Run on a local Dask cluster with this "
                                    "many worker processes (0: in this process)."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running "
                                                "Dask scheduler (tcp://host:8786) to run on."),
    ) -> None:
        """Extract events and figures from articles, each traced to its evidence."""
        from ..ingest import read
        from ..records import Article, QuarantineItem

        articles: list[Article] = []
        bad = 0
        for item in read([str(p) for p in inputs]):
            if isinstance(item, QuarantineItem):
                bad += 1
                where = f"{item.source}" + (f" ({item.locator})" if item.locator else "")
                err.print(f"[yellow]skipped[/] {where}: {item.detail}")
            else:
                articles.append(item)
        if not articles:
            err.print("[red]Nothing could be read.[/] Check the paths; `eventwire ingest` "
                      "stores unreadable inputs in the quarantine with the reason.")
            raise typer.Exit(1)
        if workers or scheduler:
            from ..scale import extract_distributed
            extractions = extract_distributed(articles, workers=workers or None, scheduler=scheduler)
        else:
            from ..extract import extract_many
            extractions = extract_many(articles)
        store = None
        if db is not None:
            from ..ingest import store_article
            from ..store import Store
            store = Store(db)
        n_ev = n_fig = 0
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh, Progress(
                TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err, transient=True) as bar:
            task = bar.add_task("extract", total=len(articles))
            for x in extractions:
                fh.write(json.dumps(x.to_gold_shape(), ensure_ascii=False) + "\n")
                n_ev += len(x.events)
                n_fig += len(x.figures)
                if store is not None:
                    from ..store.extractions import save_extraction
                    store_article(store, x.article)
                    save_extraction(store, x)
                bar.advance(task)
        if store is not None:
            from .. import resolve as resolution
            if hasattr(resolution, "update"):
                resolution.update(store, [a.id for a in articles])
            store.close()
        err.print(f"{len(articles)} articles → {n_ev} events, {n_fig} figures → {out}"
                  + (f" ({bad} inputs skipped)" if bad else ""))
