"""The ``eventwire`` command line. Each stage adds its commands from its own module."""
from __future__ import annotations

import typer

from . import evaluate, extract, ingest, resolve, serve

app = typer.Typer(
    name="eventwire",
    help="Turn raw conflict news into structured, sourced event data — offline.\n\n"
         "Pipeline: ingest → clean → extract → resolve → store → serve/report. "
         "Every command takes --db PATH (default ./eventwire.duckdb).",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)

@app.command()
def version() -> None:
    """Print eventwire's version."""
    from .. import __version__
    typer.echo(__version__)


for module in (ingest, extract, evaluate, resolve, serve):
    module.register(app)


def main() -> None:
    app()
