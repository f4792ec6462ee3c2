"""Run the extractor over a dataset or a snippet set, for ``eval`` without ``--pred``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..records import Article
from .items import EvalInputError
from .snippets import Snippet


def _unavailable(what: str, exc: ImportError) -> EvalInputError:
    return EvalInputError(f"{what} could not be loaded ({exc}). Score a prediction file "
                          f"instead: eventwire eval DATASET --pred OUT.jsonl")


def _run_extractor(articles: list[Article], fragment: bool = False) -> list[Any]:
    # The extractor imports its parts lazily, so a broken build shows up on the first call.
    try:
        from ..extract import extract_many
        return list(extract_many(articles, fragment=fragment))
    except ImportError as exc:
        raise _unavailable("the extractor (eventwire.extract.extract_many)", exc) from None


def read_dataset_articles(dataset: Path) -> tuple[list[Article], list[str]]:
    """The dataset's articles through the ingest readers and cleaner, and what was quarantined."""
    path = Path(dataset) / "articles.jsonl"
    if not path.is_file():
        raise EvalInputError(f"{dataset}: no articles.jsonl to run the extractor on. Pass "
                             f"--pred with predictions, or point at a dataset folder.")
    try:
        from ..ingest import read
    except ImportError as exc:
        raise _unavailable("the ingest readers (eventwire.ingest.read)", exc) from None
    articles: list[Article] = []
    quarantined: list[str] = []
    for item in read([path]):
        if isinstance(item, Article):
            articles.append(item)
        else:
            where = f"{item.source} {item.locator or ''}".strip()
            quarantined.append(f"{where}: {item.reason} ({item.detail})")
    return articles, quarantined


def extract_dataset(dataset: Path) -> tuple[list[Any], list[str]]:
    """Extractions of every readable article of the dataset, and warnings for the rest."""
    articles, quarantined = read_dataset_articles(dataset)
    warnings = [f"quarantined, not extracted: {q}" for q in quarantined]
    return _run_extractor(articles), warnings


def extract_snippets(snippets: list[Snippet]) -> list[Any]:
    """Snippets are already clean sentences cut from articles: they become articles directly,
    with no date, extracted as fragments (their place may lie outside the cut)."""
    return _run_extractor([Article(id=s.id, text=s.text) for s in snippets], fragment=True)
