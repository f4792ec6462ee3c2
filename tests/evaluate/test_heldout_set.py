"""The authored held-out set (benchmarks/heldout) stays valid against CODEBOOK s.5.

A broken held-out file would silently lower (or inflate) the generalisation numbers, so every
rule the scorer relies on is checked here: evidence is a substring of its article, types,
quantities, qualifiers, sectors and countries are codebook values, dates are ISO and not after
publication, and every one of the 30 types has snippets. Each checker is also run on a
deliberately broken record, so a checker that stops catching anything fails too.
"""
from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Optional

import pycountry
import pytest

from eventwire import taxonomy
from eventwire.evaluate.items import read_gold
from eventwire.evaluate.snippets import NONE, read_snippets

HELDOUT = Path(__file__).resolve().parents[2] / "benchmarks" / "heldout"
SNIPPETS = HELDOUT / "snippets" / "snippets.jsonl"
ARTICLES = HELDOUT / "articles"
SOURCE = "eventwire held-out (authored)"
MIN_PER_TYPE = 3
MIN_NONE = 8


# --- checkers: each returns a list of problems, empty when the record is valid ----------------

def _iso(value: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_iso3(code: Any) -> bool:
    return isinstance(code, str) and len(code) == 3 and \
        pycountry.countries.get(alpha_3=code) is not None


def snippet_problems(obj: dict) -> list[str]:
    out = []
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        out.append("no id")
    text = obj.get("text")
    if not isinstance(text, str) or len(text.split()) < 6:
        out.append("text missing or too short to be a news snippet")
    if obj.get("type") != NONE and obj.get("type") not in taxonomy.EVENT_TYPES:
        out.append(f"type {obj.get('type')!r} is not a codebook type")
    if obj.get("source") != SOURCE:
        out.append(f"source should be {SOURCE!r}")
    if "note" in obj and not (isinstance(obj["note"], str) and obj["note"].strip()):
        out.append("empty note")
    return out


def location_problems(loc: Any, where: str) -> list[str]:
    if loc is None:
        return []
    if not isinstance(loc, dict):
        return [f"{where}: location is not an object"]
    out = []
    if not loc.get("name"):
        out.append(f"{where}: location has no name")
    if not loc.get("admin1"):
        out.append(f"{where}: location has no admin1")
    if not _is_iso3(loc.get("country")):
        out.append(f"{where}: location country {loc.get('country')!r} is not ISO 3166 alpha-3")
    return out


def actor_problems(actor: Any, where: str) -> list[str]:
    if actor is None:
        return []
    out = []
    if not actor.get("name"):
        out.append(f"{where}: actor has no name")
    if actor.get("country") is not None and not _is_iso3(actor["country"]):
        out.append(f"{where}: actor country {actor['country']!r} is not ISO3")
    if actor.get("sector") not in taxonomy.SECTORS:
        out.append(f"{where}: sector {actor.get('sector')!r} is not a codebook sector")
    return out


def event_problems(ev: dict, text: str, published: date, where: str) -> list[str]:
    out = []
    if ev.get("type") not in taxonomy.EVENT_TYPES:
        out.append(f"{where}: type {ev.get('type')!r} is not one of the 30")
    if not ev.get("evidence") or ev["evidence"] not in text:
        out.append(f"{where}: evidence is not a substring of the article text")
    if ev.get("date") is not None:
        when = _iso(ev["date"])
        if when is None:
            out.append(f"{where}: date {ev['date']!r} is not ISO")
        elif when > published:
            out.append(f"{where}: date {when} is after publication {published}")
        if ev.get("date_precision") not in taxonomy.DATE_PRECISIONS:
            out.append(f"{where}: date_precision {ev.get('date_precision')!r} invalid")
    if ev.get("location") is None and ev.get("type") not in taxonomy.PLACELESS_TYPES:
        out.append(f"{where}: a {ev.get('type')} event needs a location (CODEBOOK 3.5)")
    out += location_problems(ev.get("location"), where)
    out += actor_problems(ev.get("actor1"), f"{where}.actor1")
    out += actor_problems(ev.get("actor2"), f"{where}.actor2")
    for key in ("fatalities", "injured"):
        if ev.get(key) is not None and (not isinstance(ev[key], int) or ev[key] < 0):
            out.append(f"{where}: {key} must be a non-negative integer or null")
    return out


def figure_problems(fig: dict, text: str, where: str) -> list[str]:
    out = []
    if fig.get("quantity") not in taxonomy.QUANTITIES:
        out.append(f"{where}: quantity {fig.get('quantity')!r} is not a codebook quantity")
    if fig.get("qualifier") not in taxonomy.QUALIFIERS:
        out.append(f"{where}: qualifier {fig.get('qualifier')!r} is not a codebook qualifier")
    value = fig.get("value")
    if not isinstance(value, int) or value <= 0:
        out.append(f"{where}: value must be a positive integer")
    elif not fig.get("low", value) <= value <= fig.get("high", value):
        out.append(f"{where}: value outside [low, high]")
    if not fig.get("evidence") or fig["evidence"] not in text:
        out.append(f"{where}: evidence is not a substring of the article text")
    subject = fig.get("subject") or {}
    if subject.get("country") is not None and not _is_iso3(subject["country"]):
        out.append(f"{where}: subject country {subject['country']!r} is not ISO3")
    if subject.get("sector") is not None and subject["sector"] not in taxonomy.SECTORS:
        out.append(f"{where}: subject sector {subject['sector']!r} invalid")
    out += location_problems(fig.get("place"), f"{where}.place")
    return out


def gold_problems(gold: dict, article: dict) -> list[str]:
    text, published = article["text"], _iso(article["published"])
    if published is None:
        return [f"{article['id']}: published {article['published']!r} is not ISO"]
    out = []
    if gold.get("article", {}).get("id") != article["id"]:
        out.append(f"{article['id']}: gold names another article id")
    for i, ev in enumerate(gold.get("events") or []):
        out += event_problems(ev, text, published, f"{article['id']} events[{i}]")
    for i, fig in enumerate(gold.get("figures") or []):
        out += figure_problems(fig, text, f"{article['id']} figures[{i}]")
    for flag in gold.get("flags") or []:
        if flag not in taxonomy.FLAGS:
            out.append(f"{article['id']}: unknown flag {flag!r}")
    return out


# --- loading -------------------------------------------------------------------------------------

def _snippets() -> list[dict]:
    return [json.loads(line) for line in SNIPPETS.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _articles() -> list[dict]:
    lines = (ARTICLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _gold(article_id: str) -> dict:
    return json.loads((ARTICLES / "gold" / f"{article_id}.gold.json").read_text(encoding="utf-8"))


# --- the set itself -----------------------------------------------------------------------------

def test_snippets_are_valid_and_unique():
    rows = _snippets()
    assert len(rows) >= 95
    problems = [f"{r.get('id')}: {p}" for r in rows for p in snippet_problems(r)]
    assert problems == []
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "a snippet text appears twice"
    assert len(read_snippets(SNIPPETS)) == len(rows)  # the evaluator reads the file too


def test_every_codebook_type_has_snippets():
    counts = Counter(r["type"] for r in _snippets())
    thin = {t: counts.get(t, 0) for t in taxonomy.EVENT_TYPES if counts.get(t, 0) < MIN_PER_TYPE}
    assert thin == {}, f"types with fewer than {MIN_PER_TYPE} snippets: {thin}"
    assert counts[NONE] >= MIN_NONE


def test_articles_and_gold_pair_up():
    articles = _articles()
    assert len(articles) >= 6
    ids = {a["id"] for a in articles}
    assert len(ids) == len(articles)
    gold_ids = {p.name.removesuffix(".gold.json") for p in (ARTICLES / "gold").glob("*.gold.json")}
    assert gold_ids == ids
    for a in articles:
        assert a.get("title") and a.get("outlet") and a.get("text")
        assert 10 <= a["text"].count(". ") + a["text"].count(".\n") + 1 <= 20, a["id"]
    assert set(read_gold(ARTICLES)) == ids  # parses with the evaluator's own reader


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a["id"])
def test_gold_follows_codebook(article):
    gold = _gold(article["id"])
    assert gold_problems(gold, article) == []
    assert len(gold["events"]) >= 4
    assert len({e["type"] for e in gold["events"]}) >= 4, "events of several types"
    assert gold["figures"], "every held-out article states at least one figure"


# --- the checkers catch what they should --------------------------------------------------------

@pytest.fixture
def good_pair() -> tuple[dict, dict]:
    article = _articles()[0]
    return copy.deepcopy(_gold(article["id"])), article


@pytest.mark.parametrize("breakage", [
    lambda g: g["events"][0].update(evidence=g["events"][0]["evidence"] + " (edited)"),
    lambda g: g["events"][0].update(type="battle"),
    lambda g: g["events"][0].update(date="2999-01-01"),
    lambda g: g["events"][0].update(date="last Sunday"),
    lambda g: g["events"][0]["location"].update(country="NG"),
    lambda g: g["events"][0].update(location=None),
    lambda g: g["events"][0]["actor1"].update(sector="terrorists"),
    lambda g: g["figures"][0].update(quantity="deaths"),
    lambda g: g["figures"][0].update(qualifier="roughly"),
    lambda g: g["figures"][0].update(evidence="Nobody said this."),
    lambda g: g["figures"][0].update(value=-3),
    lambda g: g.update(flags=["looks_odd"]),
], ids=["evidence", "type", "future-date", "non-iso-date", "iso2", "no-location", "sector",
        "quantity", "qualifier", "figure-evidence", "value", "flag"])
def test_checkers_reject_a_broken_gold(good_pair, breakage):
    gold, article = good_pair
    assert gold_problems(gold, article) == []
    breakage(gold)
    assert gold_problems(gold, article) != []


@pytest.mark.parametrize("broken", [
    {"id": "x", "text": "Troops shelled the town on Monday, officials said.", "type": "shelling"},
    {"id": "x", "text": "Too short.", "type": "attack", "source": SOURCE},
    {"id": "", "text": "Troops shelled the town on Monday, officials said.", "type": "none",
     "source": SOURCE},
    {"id": "x", "text": "Troops shelled the town on Monday, officials said.",
     "type": "shelling_artillery_missile", "source": "some corpus"},
])
def test_checker_rejects_a_broken_snippet(broken):
    assert snippet_problems(broken) != []
