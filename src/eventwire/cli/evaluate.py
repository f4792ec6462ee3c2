"""CLI commands of the evaluate stage: ``eventwire eval``."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Iterable, Optional

import typer
from rich.console import Console

HELP = """Score extractions against a gold dataset (CODEBOOK.md s.5).

DATASET is a folder with articles.jsonl and gold/<id>.gold.json, or a snippet set (a folder with snippets.jsonl, or the .jsonl file itself). Without --pred the extractor runs first over the dataset's articles.

Examples:

eventwire eval ../shared/dev

eventwire eval ../shared/dev --pred out.jsonl --errors | grep '^FN event'

eventwire eval ../shared/dev --pred ../shared/dev/gold   (gold against itself: all 1.0)

eventwire eval ../shared/dev-snippets --json
"""


def _write_lines(lines: Iterable[str], out: Optional[Path], to_stderr: bool) -> None:
    if out is not None:
        with out.open("w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line + "\n")
        return
    stream = sys.stderr if to_stderr else sys.stdout
    for line in lines:
        stream.write(line + "\n")


def _fail(message: str) -> None:
    typer.echo(f"eventwire eval: {message}", err=True)
    raise typer.Exit(code=2)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("eval", help=HELP)
    def eval_command(
        dataset: Path = typer.Argument(..., help="Dataset folder, or a snippet set."),
        pred: Optional[Path] = typer.Option(
            None, "--pred", help="Predictions: JSONL in the gold shape (one line per article), "
                                 "or a folder of *.gold.json files. Default: run the extractor."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object, nothing else."),
        errors: bool = typer.Option(False, "--errors",
                                    help="List misses, false alarms and field mismatches per "
                                         "article (to stderr with --json)."),
        errors_out: Optional[Path] = typer.Option(None, "--errors-out",
                                                  help="Write the error listing to this file."),
    ) -> None:
        from ..evaluate import EvalInputError
        try:
            _run(dataset, pred, as_json, errors, errors_out)
        except EvalInputError as exc:
            _fail(str(exc))


def _run(dataset: Path, pred: Optional[Path], as_json: bool, errors: bool,
         errors_out: Optional[Path]) -> None:
    from ..evaluate import score_dataset, score_snippets
    from ..evaluate.items import EvalInputError
    from ..evaluate.render import (error_lines, print_report, print_snippet_report,
                                   snippet_error_lines)
    from ..evaluate.run import extract_dataset, extract_snippets
    from ..evaluate.snippets import is_snippet_set, read_snippets

    if not dataset.exists():
        raise EvalInputError(f"{dataset}: no such dataset folder.")
    console = Console(stderr=False, highlight=False)
    started = time.perf_counter()
    if is_snippet_set(dataset) and not (dataset.is_dir() and (dataset / "gold").is_dir()):
        snippets = read_snippets(dataset)
        predictions = pred if pred is not None else extract_snippets(snippets)
        report = score_snippets(snippets, predictions)
        if as_json:
            typer.echo(json.dumps({"snippets": report.to_json()}))
        else:
            print_snippet_report(report, console, f"eventwire eval {dataset}")
        if errors or errors_out:
            _write_lines(snippet_error_lines(report), errors_out, to_stderr=as_json)
        return

    warnings: list[str] = []
    if pred is None:
        predictions, warnings = extract_dataset(dataset)
    else:
        predictions = pred
    report = score_dataset(dataset, predictions)
    report.warnings[:0] = warnings
    if as_json:
        typer.echo(json.dumps(report.to_json()))
    else:
        if errors and errors_out is None:
            _write_lines(error_lines(report), None, to_stderr=False)
        print_report(report, console, f"eventwire eval {dataset} "
                                      f"({time.perf_counter() - started:.1f} s)")
    if errors_out is not None or (errors and as_json):
        _write_lines(error_lines(report), errors_out, to_stderr=as_json)
