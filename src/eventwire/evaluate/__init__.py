"""evaluate stage: score extractions against gold annotations (CODEBOOK.md s.5).

``score_dataset(gold_dir, predictions) -> Report`` for article datasets,
``score_snippets(snippets, predictions) -> SnippetReport`` for snippet sets.
"""
from .items import EvalInputError
from .score import Report, score_dataset
from .snippets import SnippetReport, score_snippets

__all__ = ["EvalInputError", "Report", "SnippetReport", "score_dataset", "score_snippets"]
