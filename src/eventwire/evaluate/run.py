"""Run the extractor over a dataset or a snippet set, for ``eval`` without ``--pred``."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..records import Article
from .items import EvalInputError
from .snippets import Snippet


def _extract_many() -> Callable[[list[Article]], list[Any]]:
    try:
        from ..extract import extract_many
    except ImportError:
        raise EvalInputError("the extractor is not available in this build "
                             "(eventwire.extract.extract_many). Score a prediction file "
                             "instead: eventwire eval DATASET --pred OUT.jsonl") from None
    return extract_many


def read_dataset_articles(dataset: Path) -> tuple[list[Article], list[str]]:
    """The dataset's articles through the ingest readers and cleaner, and what was quarantined."""
    path = Path(dataset) / "articles.jsonl"
    if not path.is_file():
        raise EvalInputError(f"{dataset}: no articles.jsonl to run the extractor on. Pass "
                             f"--pred with predictions, or point at a dataset folder.")
    try:
        from ..ingest import read
    except ImportError:
        raise EvalInputError("the ingest readers are not available in this build "
                             "(eventwire.ingest.read). Score a prediction file instead: "
                             "eventwire eval DATASET --pred OUT.jsonl") from None
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
    extract_many = _extract_many()
    warnings = [f"quarantined, not extracted: {q}" for q in quarantined]
    return list(extract_many(articles)), warnings


def extract_snippets(snippets: list[Snippet]) -> list[Any]:
    """Snippets are already clean sentences: they become articles directly, with no date."""
    extract_many = _extract_many()
    articles = [Article(id=s.id, text=s.text) for s in snippets]
    return list(extract_many(articles))
