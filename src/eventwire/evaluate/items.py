"""The gold shape (CODEBOOK s.5) read into small immutable items the scorer compares.

Gold files and predictions share one reader: a prediction is a gold-shaped JSON object whose
evidence may also be ``{text, start, end}`` and which may carry extra keys (ignored).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .. import taxonomy
from .normalize import country_code, evidence_bag


class EvalInputError(ValueError):
    """A gold or prediction file the scorer cannot read; the message says where and what to do."""


@dataclass(frozen=True)
class Place:
    name: Optional[str]
    admin1: Optional[str]
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]

    def label(self) -> str:
        parts = [self.name or "?"]
        if self.admin1:
            parts.append(self.admin1)
        if self.country:
            parts.append(self.country)
        return ", ".join(parts)


@dataclass(frozen=True)
class ActorKey:
    """What actor accuracy compares: country and sector (the name is shown, never scored)."""
    name: Optional[str]
    country: Optional[str]
    sector: Optional[str]

    def key(self) -> tuple[Optional[str], Optional[str]]:
        return self.country, self.sector

    def label(self) -> str:
        who = f"{self.country or '-'}/{self.sector or '-'}"
        return f"{who} ({self.name})" if self.name else who


@dataclass(frozen=True)
class EventItem:
    index: int
    type: str
    date: Optional[date]
    date_text: Optional[str]
    place: Optional[Place]
    actor1: Optional[ActorKey]
    actor2: Optional[ActorKey]
    fatalities: Optional[int]
    evidence: str
    bag: Counter = field(compare=False, repr=False)
    confidence: Optional[float] = None

    @property
    def parent(self) -> str:
        return taxonomy.EVENT_TYPES.get(self.type, f"? {self.type}")


@dataclass(frozen=True)
class FigureItem:
    index: int
    quantity: str
    value: Optional[int]
    qualifier: Optional[str]
    subject_country: Optional[str]
    subject_sector: Optional[str]
    claimant: Optional[str]
    evidence: str
    bag: Counter = field(compare=False, repr=False)


@dataclass(frozen=True)
class Document:
    """One article's annotations (gold) or extraction (prediction)."""
    article_id: str
    title: Optional[str]
    events: tuple[EventItem, ...]
    figures: tuple[FigureItem, ...]
    flags: frozenset[str]
    source: str


# --- field readers ------------------------------------------------------------------------------

def _where(source: str, path: str) -> str:
    return f"{source}: {path}"


def _as_obj(value: Any, source: str, path: str) -> dict:
    if not isinstance(value, dict):
        raise EvalInputError(f"{_where(source, path)} should be a JSON object, got "
                             f"{type(value).__name__}. Write it in the gold shape of CODEBOOK s.5.")
    return value


def _as_list(value: Any, source: str, path: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise EvalInputError(f"{_where(source, path)} should be a list, got "
                             f"{type(value).__name__}.")
    return value


def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any, source: str, path: str) -> Optional[int]:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise EvalInputError(f"{_where(source, path)} should be a number, got {value!r}.")
    try:
        return int(round(float(value)))
    except (TypeError, ValueError):
        raise EvalInputError(f"{_where(source, path)} should be a number, got {value!r}.") from None


def _float(value: Any) -> Optional[float]:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _date(value: Any) -> Optional[date]:
    """ISO date or datetime; anything unreadable counts as no date (and never matches a date)."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def evidence_text(value: Any) -> str:
    """Evidence as a string: gold gives the sentence, predictions may give {text, start, end}."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("text") or "")
    if isinstance(value, list):
        return " ".join(evidence_text(v) for v in value)
    return str(value)


def _place(value: Any, source: str, path: str) -> Optional[Place]:
    if value is None:
        return None
    if isinstance(value, str):
        return Place(_text(value), None, None, None, None) if value.strip() else None
    obj = _as_obj(value, source, path)
    place = Place(_text(obj.get("name")), _text(obj.get("admin1")),
                  country_code(_text(obj.get("country"))), _float(obj.get("lat")),
                  _float(obj.get("lon")))
    if not (place.name or place.admin1 or place.country or place.lat is not None):
        return None
    return place


def _actor(value: Any, source: str, path: str) -> Optional[ActorKey]:
    """An actor with neither name, country nor a known sector is no actor at all."""
    if value is None:
        return None
    obj = _as_obj(value, source, path)
    sector = _text(obj.get("sector"))
    sector = sector.lower() if sector else None
    actor = ActorKey(_text(obj.get("name")), country_code(_text(obj.get("country"))), sector)
    if actor.name is None and actor.country is None and sector in (None, "unknown"):
        return None
    return actor


def _event(obj: Any, i: int, source: str) -> EventItem:
    path = f"events[{i}]"
    obj = _as_obj(obj, source, path)
    etype = _text(obj.get("type"))
    if etype is None:
        raise EvalInputError(f"{_where(source, path)} has no 'type'. Every event needs one of "
                             f"the 30 codebook types.")
    ev = evidence_text(obj.get("evidence"))
    return EventItem(
        index=i, type=etype, date=_date(obj.get("date")), date_text=_text(obj.get("date")),
        place=_place(obj.get("location"), source, f"{path}.location"),
        actor1=_actor(obj.get("actor1"), source, f"{path}.actor1"),
        actor2=_actor(obj.get("actor2"), source, f"{path}.actor2"),
        fatalities=_int(obj.get("fatalities"), source, f"{path}.fatalities"),
        evidence=ev, bag=evidence_bag(ev), confidence=_float(obj.get("confidence")))


def _figure(obj: Any, i: int, source: str) -> FigureItem:
    path = f"figures[{i}]"
    obj = _as_obj(obj, source, path)
    quantity = _text(obj.get("quantity"))
    if quantity is None:
        raise EvalInputError(f"{_where(source, path)} has no 'quantity'.")
    subject = obj.get("subject") or {}
    subject = _as_obj(subject, source, f"{path}.subject")
    sector = _text(subject.get("sector"))
    ev = evidence_text(obj.get("evidence"))
    return FigureItem(
        index=i, quantity=quantity, value=_int(obj.get("value"), source, f"{path}.value"),
        qualifier=_text(obj.get("qualifier")),
        subject_country=country_code(_text(subject.get("country"))),
        subject_sector=sector.lower() if sector else None,
        claimant=_text(obj.get("claimant")), evidence=ev, bag=evidence_bag(ev))


def document_from_obj(obj: Any, source: str) -> Document:
    """Read one gold-shaped object (a gold file, or one prediction line)."""
    obj = _as_obj(obj, source, "the record")
    article = obj.get("article")
    if isinstance(article, dict):
        article_id, title = _text(article.get("id")), _text(article.get("title"))
    else:
        article_id, title = _text(obj.get("id") or obj.get("article_id")), _text(obj.get("title"))
    if article_id is None:
        raise EvalInputError(f"{source}: no article id. Each record needs 'article': {{'id': ...}}"
                             f" naming the article of the dataset it belongs to.")
    events = tuple(_event(e, i, source)
                   for i, e in enumerate(_as_list(obj.get("events"), source, "events")))
    figures = tuple(_figure(f, i, source)
                    for i, f in enumerate(_as_list(obj.get("figures"), source, "figures")))
    flags = frozenset(str(f) for f in _as_list(obj.get("flags"), source, "flags")
                      if isinstance(f, str))
    return Document(article_id, title, events, figures, flags, source)


# --- files --------------------------------------------------------------------------------------

def gold_folder(path: Path) -> Path:
    """A dataset folder (holding gold/) or the gold folder itself."""
    path = Path(path)
    if (path / "gold").is_dir():
        return path / "gold"
    if path.is_dir() and any(path.glob("*.gold.json")):
        return path
    raise EvalInputError(f"{path}: no gold annotations found. A dataset folder holds "
                         f"articles.jsonl and gold/<id>.gold.json (CODEBOOK s.5).")


def read_json_file(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalInputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                             f"{exc.msg}). Fix or remove the file.") from None
    except OSError as exc:
        raise EvalInputError(f"{path}: cannot read it ({exc.strerror}).") from None


def read_gold(path: Path) -> dict[str, Document]:
    """Every ``*.gold.json`` of a dataset, by article id."""
    folder = gold_folder(path)
    docs: dict[str, Document] = {}
    for file in sorted(folder.glob("*.gold.json")):
        doc = document_from_obj(read_json_file(file), str(file))
        if doc.article_id in docs:
            raise EvalInputError(f"{file}: article id {doc.article_id!r} is annotated twice "
                                 f"(also in {docs[doc.article_id].source}). Keep one file.")
        docs[doc.article_id] = doc
    return docs


def iter_jsonl(path: Path) -> Iterator[tuple[str, Any]]:
    """(locator, parsed object) for each non-blank line; a broken line stops with its number."""
    try:
        handle = Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise EvalInputError(f"{path}: cannot read it ({exc.strerror}).") from None
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{n}", json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalInputError(f"{path}, line {n}: not valid JSON ({exc.msg}, column "
                                     f"{exc.colno}). Each line must be one JSON object.") from None


def read_predictions(source: Any) -> list[Document]:
    """Predictions from a JSONL file, a folder of ``*.gold.json`` / ``*.json`` files, or objects.

    Objects may be gold-shaped dicts or anything with ``to_gold_shape()`` (an ``Extraction``).
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            files = sorted(path.glob("*.gold.json")) or sorted(path.glob("*.json"))
            if not files:
                raise EvalInputError(f"{path}: a prediction folder must hold *.json files.")
            return [document_from_obj(read_json_file(f), str(f)) for f in files]
        if not path.exists():
            raise EvalInputError(f"{path}: no such prediction file. Write one with "
                                 f"`eventwire extract ... --out {path.name}`.")
        return [document_from_obj(obj, where) for where, obj in iter_jsonl(path)]
    docs = []
    for i, item in enumerate(_iterable(source)):
        obj = item.to_gold_shape() if hasattr(item, "to_gold_shape") else item
        docs.append(document_from_obj(obj, f"prediction #{i + 1}"))
    return docs


def _iterable(source: Any) -> Iterable:
    if isinstance(source, dict) or not hasattr(source, "__iter__"):
        raise EvalInputError("predictions must be a path, or an iterable of gold-shaped dicts "
                             "or Extraction records.")
    return source
