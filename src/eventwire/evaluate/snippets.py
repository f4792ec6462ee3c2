"""Event typing on a snippet set: each snippet has one labelled type, or ``none``.

The prediction for a snippet is the type of its top-confidence event, ``none`` when the
extractor finds no event. ``none`` is not one of the 30 types, so it carries no weight in the
F1 averages; it still counts where it belongs:

- a typed snippet predicted ``none`` is a miss for its type (lowers that type's recall);
- a ``none`` snippet given a type is a false positive of that type (lowers its precision);
- accuracy is over every snippet, ``none`` = ``none`` being correct;
- the ``none`` row (how well the extractor abstains) is reported beside the types.

Weighted F1 weights each type's F1 by its gold support; macro F1 averages the types that have
gold support.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from .. import taxonomy
from .items import EvalInputError, document_from_obj, iter_jsonl
from .metrics import PRF

NONE = "none"


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    type: str


def snippets_file(path: Union[str, Path]) -> Path:
    """A snippets JSONL file, or the folder holding ``snippets.jsonl``."""
    path = Path(path)
    if path.is_dir():
        path = path / "snippets.jsonl"
    if not path.is_file():
        raise EvalInputError(f"{path}: no snippet set here. A snippet set is a snippets.jsonl "
                             f"file of {{id, text, type}} lines.")
    return path


def is_snippet_set(path: Union[str, Path]) -> bool:
    path = Path(path)
    return (path.is_dir() and (path / "snippets.jsonl").is_file()) or \
        (path.is_file() and path.suffix == ".jsonl")


def read_snippets(path: Union[str, Path]) -> list[Snippet]:
    out: list[Snippet] = []
    seen: set[str] = set()
    for where, obj in iter_jsonl(snippets_file(path)):
        if not isinstance(obj, dict) or not obj.get("id") or not isinstance(obj.get("text"), str):
            raise EvalInputError(f"{where}: a snippet needs 'id', 'text' and 'type'.")
        label = str(obj.get("type") or "").strip()
        if label != NONE and label not in taxonomy.EVENT_TYPES:
            raise EvalInputError(f"{where}: type {label!r} is neither one of the 30 codebook "
                                 f"types nor 'none'.")
        sid = str(obj["id"])
        if sid in seen:
            raise EvalInputError(f"{where}: snippet id {sid!r} appears twice.")
        seen.add(sid)
        out.append(Snippet(sid, obj["text"], label))
    if not out:
        raise EvalInputError(f"{snippets_file(path)}: holds no snippets.")
    return out


def top_type(record: Any, where: str) -> tuple[str, str]:
    """(snippet id, predicted type) from a gold-shaped record or an ``{id, type}`` line."""
    if hasattr(record, "to_gold_shape"):
        record = record.to_gold_shape()
    if isinstance(record, dict) and "events" not in record and "type" in record:
        return str(record.get("id")), str(record.get("type") or NONE)
    doc = document_from_obj(record, where)
    if not doc.events:
        return doc.article_id, NONE
    # The first event wins a tie: the extractor lists events in reading order.
    best = max(doc.events, key=lambda e: (e.confidence if e.confidence is not None else 0.0,
                                          -e.index))
    return doc.article_id, best.type


def read_snippet_predictions(source: Any) -> dict[str, str]:
    """Snippet id -> predicted type, from a mapping, a JSONL path or an iterable of records."""
    if isinstance(source, Mapping):
        return {str(k): str(v or NONE) for k, v in source.items()}
    if isinstance(source, (str, Path)):
        items = list(iter_jsonl(Path(source)))
    else:
        items = [(f"prediction #{i + 1}", r) for i, r in enumerate(source)]
    return dict(top_type(record, where) for where, record in items)


@dataclass
class SnippetReport:
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF()
                                                              for t in taxonomy.EVENT_TYPES})
    none: PRF = field(default_factory=PRF)
    correct: int = 0
    total: int = 0
    missing: int = 0
    confusions: list[tuple[Snippet, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def weighted_f1(self) -> float:
        support = sum(m.gold for m in self.per_type.values())
        if not support:
            return 0.0
        return sum(m.f1 * m.gold for m in self.per_type.values()) / support

    @property
    def macro_f1(self) -> float:
        scored = [m.f1 for m in self.per_type.values() if m.gold]
        return sum(scored) / len(scored) if scored else 0.0

    def to_json(self) -> dict:
        return {"weighted_f1": round(self.weighted_f1, 4), "macro_f1": round(self.macro_f1, 4),
                "accuracy": round(self.accuracy, 4), "n": self.total,
                "missing_predictions": self.missing, "none": self.none.to_json(),
                "per_type": {t: m.to_json() for t, m in self.per_type.items()}}


def _count(report: SnippetReport, label: str, tp: int, gold: int, pred: int) -> None:
    target = report.none if label == NONE else report.per_type.setdefault(label, PRF())
    target.add(tp, gold, pred)


def score_snippets(snippets: Union[str, Path, list[Snippet]], predictions: Any) -> SnippetReport:
    """Score predicted types (see ``read_snippet_predictions``) against a snippet set.

    A snippet without a prediction counts as predicted ``none``.
    """
    items = read_snippets(snippets) if isinstance(snippets, (str, Path)) else list(snippets)
    predicted = read_snippet_predictions(predictions)
    report = SnippetReport()
    for snip in items:
        guess: Optional[str] = predicted.get(snip.id)
        if guess is None:
            report.missing += 1
            guess = NONE
        ok = guess == snip.type
        report.total += 1
        report.correct += int(ok)
        _count(report, snip.type, int(ok), 1, 0)
        _count(report, guess, 0, 0, 1)
        if not ok:
            report.confusions.append((snip, guess))
    return report
