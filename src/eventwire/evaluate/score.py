"""Score predictions against a gold dataset, per CODEBOOK s.5 (sum over articles, then divide)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Union

from .. import taxonomy
from .items import (ActorKey, Document, EvalInputError, EventItem, FigureItem, Place, read_gold,
                    read_predictions)
from .matching import LEVELS, events_match, figures_match, match_one_to_one
from .metrics import PRF, Accuracy
from .normalize import same_claimant, same_place_name

Pair = tuple[int, int, float]


def _actor_key(actor: Optional[ActorKey]) -> Optional[tuple[Optional[str], str]]:
    return None if actor is None else (actor.country, actor.sector or "unknown")


def _same_place(g: Optional[Place], p: Optional[Place]) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return same_place_name(g.name, p.name)


# Field -> does the prediction agree with the gold, over events matched at type level.
# Dates must be equal here (the one-day slack is for matching only); null equals null.
EVENT_FIELDS: dict[str, Callable[[EventItem, EventItem], bool]] = {
    "actor1": lambda g, p: _actor_key(g.actor1) == _actor_key(p.actor1),
    "actor2": lambda g, p: _actor_key(g.actor2) == _actor_key(p.actor2),
    "fatalities": lambda g, p: g.fatalities == p.fatalities,
    "date": lambda g, p: g.date == p.date,
    "place": lambda g, p: _same_place(g.place, p.place),
}

# A figure without a qualifier states its number exactly (the record's default).
FIGURE_FIELDS: dict[str, Callable[[FigureItem, FigureItem], bool]] = {
    "qualifier": lambda g, p: (g.qualifier or "exact") == (p.qualifier or "exact"),
    "claimant": lambda g, p: same_claimant(g.claimant, p.claimant),
}


def _agreeing(fields: dict[str, Callable[[Any, Any], bool]]) -> Callable[[Any, Any], int]:
    return lambda g, p: sum(agrees(g, p) for agrees in fields.values())


event_affinity = _agreeing(EVENT_FIELDS)
figure_affinity = _agreeing(FIGURE_FIELDS)


@dataclass
class ArticleResult:
    """One article's pairing, kept for the error listing."""
    gold: Document
    pred: Document
    has_prediction: bool
    event_pairs: dict[str, list[Pair]]
    figure_pairs: list[Pair]

    @property
    def article_id(self) -> str:
        return self.gold.article_id


@dataclass
class Report:
    type: PRF = field(default_factory=PRF)
    parent: PRF = field(default_factory=PRF)
    detect: PRF = field(default_factory=PRF)
    figures: PRF = field(default_factory=PRF)
    fields: dict[str, Accuracy] = field(
        default_factory=lambda: {k: Accuracy() for k in (*EVENT_FIELDS, *FIGURE_FIELDS)})
    flags: dict[str, PRF] = field(default_factory=lambda: {f: PRF() for f in taxonomy.FLAGS})
    per_type: dict[str, PRF] = field(default_factory=dict)
    articles: list[ArticleResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def level(self, name: str) -> PRF:
        return {"type": self.type, "parent": self.parent, "detect": self.detect}[name]

    def to_json(self) -> dict:
        return {
            "type": self.type.to_json(), "parent": self.parent.to_json(),
            "detect": self.detect.to_json(), "figures": self.figures.to_json(),
            "fields": {k: v.to_json() for k, v in self.fields.items()},
            "flags": {k: v.to_json() for k, v in self.flags.items()},
            "per_type": {k: v.to_json() for k, v in sorted(self.per_type.items())},
            "articles": len(self.articles),
            "warnings": list(self.warnings),
        }


def _empty_like(gold: Document) -> Document:
    return Document(gold.article_id, gold.title, (), (), frozenset(), "(no prediction)")


def _index_predictions(preds: list[Document], gold: dict[str, Document],
                       warnings: list[str]) -> dict[str, Document]:
    by_id: dict[str, Document] = {}
    for doc in preds:
        if doc.article_id in by_id:
            raise EvalInputError(f"{doc.source}: article {doc.article_id!r} is predicted twice "
                                 f"(also at {by_id[doc.article_id].source}). Give one line per "
                                 f"article.")
        by_id[doc.article_id] = doc
    unknown = sorted(set(by_id) - set(gold))
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        warnings.append(f"{len(unknown)} predicted article(s) have no gold file and are not "
                        f"scored: {shown}")
    missing = sorted(set(gold) - set(by_id))
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        warnings.append(f"{len(missing)} gold article(s) have no prediction and count as all "
                        f"missed: {shown}")
    return by_id


def score_article(gold: Document, pred: Document, report: Report, has_prediction: bool) -> None:
    pairs_by_level: dict[str, list[Pair]] = {}
    for level in LEVELS:
        pairs = match_one_to_one(gold.events, pred.events,
                                 lambda g, p, lv=level: events_match(g, p, lv), event_affinity)
        pairs_by_level[level] = pairs
        report.level(level).add(len(pairs), len(gold.events), len(pred.events))

    for g in gold.events:
        report.per_type.setdefault(g.type, PRF()).gold += 1
    for p in pred.events:
        report.per_type.setdefault(p.type, PRF()).pred += 1
    for gi, pi, _ in pairs_by_level["type"]:
        g, p = gold.events[gi], pred.events[pi]
        report.per_type[g.type].tp += 1
        for name, agrees in EVENT_FIELDS.items():
            report.fields[name].add(agrees(g, p))

    fig_pairs = match_one_to_one(gold.figures, pred.figures, figures_match, figure_affinity)
    report.figures.add(len(fig_pairs), len(gold.figures), len(pred.figures))
    for gi, pi, _ in fig_pairs:
        for name, agrees in FIGURE_FIELDS.items():
            report.fields[name].add(agrees(gold.figures[gi], pred.figures[pi]))

    for flag in gold.flags | pred.flags:
        report.flags.setdefault(flag, PRF()).add(
            int(flag in gold.flags and flag in pred.flags), int(flag in gold.flags),
            int(flag in pred.flags))

    report.articles.append(ArticleResult(gold, pred, has_prediction, pairs_by_level, fig_pairs))


def score_documents(gold: dict[str, Document], preds: list[Document]) -> Report:
    report = Report()
    by_id = _index_predictions(preds, gold, report.warnings)
    unknown_types = sorted({e.type for d in by_id.values() for e in d.events
                            if e.type not in taxonomy.EVENT_TYPES})
    if unknown_types:
        report.warnings.append("predicted event types outside the codebook (never match): "
                               + ", ".join(unknown_types))
    for article_id in sorted(gold):
        g = gold[article_id]
        p = by_id.get(article_id)
        score_article(g, p if p is not None else _empty_like(g), report, p is not None)
    return report


def score_dataset(gold_dir: Union[str, Path], predictions: Any) -> Report:
    """Score ``predictions`` against the gold files of a dataset.

    ``gold_dir``: a dataset folder (holding ``gold/``) or the gold folder itself.
    ``predictions``: a JSONL path, a folder of gold-shaped ``*.json`` files, or an iterable of
    gold-shaped dicts or ``Extraction`` records.
    """
    return score_documents(read_gold(Path(gold_dir)), read_predictions(predictions))
