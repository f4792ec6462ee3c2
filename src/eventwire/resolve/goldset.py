"""Gold datasets (CODEBOOK s.5) as store content, and pairwise scores of the resolution.

Used to measure resolution on hand-annotated events (independent of the extractor) and to make
synthetic corpora for the benchmark. Nothing here is used by the pipeline itself.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Period, Subject
from ..store import Store
from ..store.extractions import save_extraction


class GoldError(ValueError):
    """A gold file or dataset that cannot be read."""


def _evidence(text: str, sentence: str, where: str) -> Evidence:
    start = text.find(sentence)
    if start < 0:
        raise GoldError(f"{where}: evidence is not a substring of the article text: {sentence[:60]!r}")
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def _location(d: Optional[dict]) -> Optional[Location]:
    if not d or not (d.get("name") or d.get("country")):
        return None
    return Location(name=d.get("name") or d.get("country"), admin1=d.get("admin1"),
                    country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                    precision=d.get("precision") or (3 if not d.get("name") else None))


def _actor(d: Optional[dict]) -> Optional[Actor]:
    if not d:
        return None
    return Actor(name=d.get("name"), country=d.get("country"), sector=d.get("sector") or "unknown")


def gold_extraction(gold: dict, article: dict, where: str = "gold") -> Extraction:
    """A gold file as the Extraction the extractor would have produced for the article."""
    text = article["text"]
    art = Article(id=article["id"], title=article.get("title"), outlet=article.get("outlet"),
                  url=article.get("url"), published=article.get("published"), text=text)
    events = []
    for i, e in enumerate(gold.get("events", [])):
        events.append(Event(
            type=e["type"], date=e.get("date"), date_precision=e.get("date_precision") or
            ("day" if e.get("date") else None), location=_location(e.get("location")),
            actor1=_actor(e.get("actor1")), actor2=_actor(e.get("actor2")),
            fatalities=e.get("fatalities"), injured=e.get("injured"),
            evidence=_evidence(text, e["evidence"], f"{where} event {i}"), confidence=0.9))
    figures = []
    for i, f in enumerate(gold.get("figures", [])):
        period = f.get("period") or None
        figures.append(Figure(
            quantity=f["quantity"], value=f["value"], low=f.get("low"), high=f.get("high"),
            qualifier=f.get("qualifier") or "exact", subject=Subject(**(f.get("subject") or {})),
            place=_location(f.get("place")),
            period=Period(**{"from": period.get("from"), "to": period.get("to")}) if period else None,
            claimant=f.get("claimant"), date=f.get("date") or art.published_date,
            evidence=_evidence(text, f["evidence"], f"{where} figure {i}"), confidence=0.9))
    return Extraction(article=art, events=events, figures=figures, flags=list(gold.get("flags", [])))


@dataclass
class GoldDoc:
    dataset: str                  # e.g. "dev"
    gold_file: str                # "dev/gold/<id>.gold.json", relative to the shared folder
    article: dict
    gold: dict


def load_gold_docs(shared: Path, datasets: Iterable[str] = ("dev", "dev-world")) -> list[GoldDoc]:
    docs = []
    for ds in datasets:
        folder = shared / ds
        arts_path = folder / "articles.jsonl"
        if not arts_path.is_file():
            raise GoldError(f"{arts_path} not found; point --shared at the folder holding {ds}/.")
        articles = {}
        for n, line in enumerate(arts_path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                a = json.loads(line)
                articles[a["id"]] = a
        for gf in sorted((folder / "gold").glob("*.gold.json")):
            gold = json.loads(gf.read_text(encoding="utf-8"))
            aid = gold["article"]["id"]
            if aid not in articles:
                raise GoldError(f"{gf}: article {aid} is not in {arts_path}.")
            docs.append(GoldDoc(ds, f"{ds}/gold/{gf.name}", articles[aid], gold))
    return docs


def insert_article(store: Store, art: Article) -> None:
    """A minimal articles row (what ingest would have written), for gold-built stores."""
    store.con.execute(
        "INSERT OR REPLACE INTO articles (id, title, outlet, url, published, published_date, text, "
        "flags, near_duplicate_of, rewritten_copy_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [art.id, art.title, art.outlet, art.url, art.published, art.published_date, art.text,
         list(art.flags), art.near_duplicate_of, art.rewritten_copy_of])


def load_into_store(store: Store, docs: Iterable[GoldDoc]) -> dict[tuple[str, int], str]:
    """Store every gold doc's events and figures; returns (gold_file, index) -> event id."""
    ids: dict[tuple[str, int], str] = {}
    for d in docs:
        ex = gold_extraction(d.gold, d.article, d.gold_file)
        insert_article(store, ex.article)
        save_extraction(store, ex)
        for i, e in enumerate(ex.events):
            ids[(d.gold_file, i)] = e.id
    return ids


def pairwise_scores(store: Store, event_ids: dict[tuple[str, int], str], pairs: list[dict]) -> dict:
    """Precision / recall of 'same resolved event' over labelled pairs."""
    resolved = dict(store.con.execute("SELECT event_id, resolved_id FROM event_mentions").fetchall())
    tp = fp = fn = tn = 0
    errors = []
    for p in pairs:
        a, b = event_ids[tuple(p["a"])], event_ids[tuple(p["b"])]
        predicted = resolved.get(a) is not None and resolved.get(a) == resolved.get(b)
        if predicted and p["same"]:
            tp += 1
        elif predicted:
            fp += 1
            errors.append(("false_merge", p["a"], p["b"]))
        elif p["same"]:
            fn += 1
            errors.append(("missed", p["a"], p["b"]))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs": len(pairs), "positives": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(precision, 3), "recall": round(recall, 3), "errors": errors}
