"""Validity of the authored held-out D set (benchmarks/heldout-d): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor."""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from eventwire import taxonomy
from eventwire.evaluate.items import read_gold
from eventwire.evaluate.snippets import NONE, read_snippets

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "benchmarks" / "heldout-d"
SNIPPETS = SET / "snippets" / "snippets.jsonl"
ARTICLES = SET / "articles" / "articles.jsonl"
GOLD = SET / "articles" / "gold"
SOURCE = "eventwire held-out D (authored)"
# Sets whose texts this one must not reuse; each is optional so the test runs in any checkout.
OTHER_SNIPPETS = (
    ROOT.parent / "shared" / "dev-snippets" / "snippets.jsonl",
    ROOT / "benchmarks" / "heldout" / "snippets" / "snippets.jsonl",
    ROOT / "benchmarks" / "heldout-b" / "snippets" / "snippets.jsonl",
    ROOT / "benchmarks" / "heldout-c" / "snippets" / "snippets.jsonl",
)
OTHER_ARTICLES = (
    ROOT / "benchmarks" / "heldout" / "articles" / "articles.jsonl",
    ROOT / "benchmarks" / "heldout-b" / "articles" / "articles.jsonl",
    ROOT / "benchmarks" / "heldout-c" / "articles" / "articles.jsonl",
    ROOT.parent / "shared" / "dev" / "articles.jsonl",
    ROOT.parent / "shared" / "dev-world" / "articles.jsonl",
)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _articles() -> dict[str, dict]:
    return {a["id"]: a for a in _jsonl(ARTICLES)}


def _gold_files() -> dict[str, dict]:
    out = {}
    for f in sorted(GOLD.glob("*.gold.json")):
        obj = json.loads(f.read_text(encoding="utf-8"))
        assert f.name == f"{obj['article']['id']}.gold.json", f"{f.name}: id and file name differ"
        out[obj["article"]["id"]] = obj
    return out


def _iso(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        pytest.fail(f"{where}: {value!r} is not an ISO date")


def _sentences(text: str) -> list[str]:
    """Long sentences only: short boilerplate lines may legitimately recur across sets."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) >= 60]


# --- snippets -----------------------------------------------------------------------------------

def test_snippets_parse_with_the_evaluator_reader():
    assert len(read_snippets(SNIPPETS)) == 100


def test_every_codebook_type_has_three_snippets_and_ten_are_none():
    counts = Counter(s.type for s in read_snippets(SNIPPETS))
    wrong = {t: counts[t] for t in taxonomy.EVENT_TYPES if counts[t] != 3}
    assert not wrong, f"types without exactly 3 snippets: {wrong}"
    assert counts[NONE] == 10
    assert set(counts) <= set(taxonomy.EVENT_TYPES) | {NONE}


def test_snippet_lines_are_well_formed_and_distinct():
    rows = _jsonl(SNIPPETS)
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids), "a snippet id appears twice"
    for row in rows:
        assert row["source"] == SOURCE, row["id"]
        assert 1 <= row["text"].count(". ") + 1 <= 4, row["id"]
        assert "note" not in row or row["note"].strip(), row["id"]
    texts = [r["text"].strip() for r in rows]
    assert len(set(texts)) == len(texts), "a snippet text appears twice"


@pytest.mark.parametrize("other", OTHER_SNIPPETS, ids=lambda p: p.parent.parent.name)
def test_no_snippet_is_copied_from_another_set(other: Path):
    if not other.is_file():
        pytest.skip(f"{other} not present")
    theirs = {r["text"].strip() for r in _jsonl(other)}
    copied = [r["id"] for r in _jsonl(SNIPPETS) if r["text"].strip() in theirs]
    assert not copied


@pytest.mark.parametrize("other", OTHER_ARTICLES, ids=lambda p: p.parent.parent.name)
def test_no_article_sentence_is_copied_from_another_set(other: Path):
    if not other.is_file():
        pytest.skip(f"{other} not present")
    theirs = {s for a in _jsonl(other) for s in _sentences(a["text"])}
    copied = [s[:50] for a in _articles().values() for s in _sentences(a["text"]) if s in theirs]
    assert not copied


# --- articles -----------------------------------------------------------------------------------

def test_every_article_has_exactly_one_gold_file_and_the_reader_accepts_it():
    articles, docs = _articles(), read_gold(SET / "articles")
    assert len(articles) == 6 == len(_jsonl(ARTICLES)), "article ids must be unique"
    assert set(docs) == set(articles)
    assert set(_gold_files()) == set(articles)


def test_articles_have_metadata_and_a_body_of_12_to_20_sentences():
    outlets = set()
    for aid, art in _articles().items():
        for key in ("title", "outlet", "url", "published", "text"):
            assert art.get(key), f"{aid}: no {key}"
        _iso(art["published"], aid)
        outlets.add(art["outlet"])
        sentences = sum(art["text"].count(end) for end in (". ", ".\n", '." ')) + 1
        assert 13 <= sentences <= 20, f"{aid}: {sentences} sentences"
    assert len(outlets) == 6, "each article comes from a different house style/outlet"


def test_every_evidence_is_an_exact_substring_of_its_article():
    articles = _articles()
    for aid, gold in _gold_files().items():
        text = articles[aid]["text"]
        for kind in ("events", "figures"):
            for i, item in enumerate(gold[kind]):
                assert item["evidence"] and item["evidence"] in text, f"{aid} {kind}[{i}]"


def test_gold_article_header_matches_the_article_line():
    articles = _articles()
    for aid, gold in _gold_files().items():
        for key in ("published", "outlet", "title"):
            assert gold["article"][key] == articles[aid][key], f"{aid}: {key}"


def _check_actor(actor, where: str) -> None:
    if actor is None:
        return
    assert actor["name"], where
    assert actor["sector"] in taxonomy.SECTORS, where
    assert actor["country"] is None or (len(actor["country"]) == 3 and actor["country"].isupper()), where


def _check_place(place, where: str) -> None:
    """admin1 may be null only for a country-wide place (precision 3)."""
    if place is None:
        return
    assert place["name"] and "admin1" in place, where
    assert len(place["country"]) == 3 and place["country"].isupper(), where


def test_events_use_codebook_vocabularies_and_plausible_dates():
    articles = _articles()
    for aid, gold in _gold_files().items():
        published = _iso(articles[aid]["published"], aid)
        assert gold["events"], f"{aid}: no events"
        for i, ev in enumerate(gold["events"]):
            where = f"{aid} events[{i}]"
            assert ev["type"] in taxonomy.EVENT_TYPES, where
            if ev["date"] is not None:
                delta = (published - _iso(ev["date"], where)).days
                assert 0 <= delta <= 31, f"{where}: date {ev['date']} vs published {published}"
                assert ev["date_precision"] in taxonomy.DATE_PRECISIONS, where
            else:
                assert ev["date_precision"] is None, where
            if ev["type"] not in taxonomy.PLACELESS_TYPES:
                assert ev["location"] is not None, f"{where}: only placeless types may omit it"
            _check_place(ev["location"], where)
            assert ev["actor1"] is not None, f"{where}: every event has an acting side"
            _check_actor(ev["actor1"], where + ".actor1")
            _check_actor(ev["actor2"], where + ".actor2")
            for key in ("fatalities", "injured"):
                assert ev[key] is None or (isinstance(ev[key], int) and ev[key] >= 0), where


def test_figures_use_codebook_vocabularies():
    for aid, gold in _gold_files().items():
        assert gold["figures"], f"{aid}: no figures"
        for i, fig in enumerate(gold["figures"]):
            where = f"{aid} figures[{i}]"
            assert fig["quantity"] in taxonomy.QUANTITIES, where
            assert fig["qualifier"] in taxonomy.QUALIFIERS, where
            assert isinstance(fig["value"], int) and fig["low"] <= fig["value"] <= fig["high"], where
            sector = fig["subject"]["sector"]
            assert sector is None or sector in taxonomy.SECTORS, where
            _check_place(fig["place"], where)
            if fig["period"]:
                assert _iso(fig["period"]["from"], where) <= _iso(fig["period"]["to"], where)


def test_flags_are_codebook_flags_and_boilerplate_is_flagged():
    for aid, gold in _gold_files().items():
        assert set(gold["flags"]) <= set(taxonomy.FLAGS), aid
        assert "boilerplate_removed" in gold["flags"], f"{aid}: every article carries boilerplate"


def test_the_set_spans_types_beyond_one_parent():
    types = Counter(ev["type"] for g in _gold_files().values() for ev in g["events"])
    parents = {taxonomy.parent_of(t) for t in types}
    assert len(types) >= 15 and len(parents) >= 5
    quantities = {f["quantity"] for g in _gold_files().values() for f in g["figures"]}
    assert len(quantities) >= 5


def test_no_snippet_is_a_near_copy_of_another_set():
    """A snippet may not be a lightly edited copy of another set's snippet either."""
    from rapidfuzz import fuzz
    ours = [r["text"].strip() for r in _jsonl(SNIPPETS)]
    for other in OTHER_SNIPPETS:
        if not other.is_file():
            continue
        theirs = [r["text"].strip() for r in _jsonl(other)]
        close = [o[:50] for o in ours for t in theirs if fuzz.ratio(o, t) >= 90]
        assert not close, f"near copies of {other}: {close}"


def test_gold_figures_and_events_keep_the_conservative_reading():
    """Ranges keep their low end, and an event's fatalities never exceed what the killed
    figures of its own evidence sentence add up to (CODEBOOK 3.3: conservative tolls)."""
    for aid, gold in _gold_files().items():
        for i, fig in enumerate(gold["figures"]):
            if fig["low"] != fig["high"]:
                assert fig["value"] == fig["low"], f"{aid} figures[{i}]: a range keeps its low end"
        for i, ev in enumerate(gold["events"]):
            if ev["fatalities"] is None:
                continue
            tolls = [f["value"] for f in gold["figures"]
                     if f["quantity"] == "killed" and f["evidence"] == ev["evidence"]]
            assert not tolls or ev["fatalities"] <= sum(tolls), f"{aid} events[{i}]"


def test_the_set_has_a_balance_of_plain_and_varied_snippets():
    rows = _jsonl(SNIPPETS)
    noted = sum(1 for r in rows if r.get("note"))
    assert 40 <= noted <= 90, "hard calls are explained in a note, but not every snippet is one"
    headlines = [r for r in rows if not r["text"].rstrip().endswith((".", '"'))]
    assert len(headlines) >= 3, "headline-style snippets are part of the varied half"
