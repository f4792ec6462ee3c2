"""extract: events and figures per the codebook, split by what each module finds —
types (what happened), actors (who), places (where), dates (when), numbers and figures
(how many), claimants (according to whom)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import Article, Extraction


def extract(article: "Article") -> "Extraction":
    from .pipeline import extract as _extract
    return _extract(article)


def extract_many(articles, **kw):
    from .pipeline import extract_many as _extract_many
    return _extract_many(articles, **kw)


__all__ = ["extract", "extract_many"]
