"""Event resolution: merges across outlets, keeps distinct happenings apart, is incremental."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from eventwire.records import Actor, Article, Event, Evidence, Extraction, Location
from eventwire.resolve import events as rev
from eventwire.resolve.goldset import (insert_article, load_gold_docs, load_into_store,
                                       pairwise_scores)
from eventwire.store import Store
from eventwire.store.extractions import save_extraction
from eventwire.store.queries import EventFilter, get_event, query_events

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PAIRS = Path(__file__).parent / "data" / "gold_event_pairs.json"


def _ev(text: str, sentence: str) -> Evidence:
    i = text.index(sentence)
    return Evidence(text=sentence, start=i, end=i + len(sentence))


def _article(store: Store, aid: str, published: str, text: str, events: list[dict],
             copy_of: str | None = None) -> None:
    art = Article(id=aid, outlet=f"Outlet {aid}", published=published, text=text,
                  near_duplicate_of=copy_of, flags=["near_duplicate"] if copy_of else [])
    insert_article(store, art)
    save_extraction(store, Extraction(article=art, events=[
        Event(evidence=_ev(text, e.pop("sentence")), **e) for e in events]))


KHARKIV = dict(name="Kharkiv", admin1="Kharkiv Oblast", country="UKR", lat=49.99, lon=36.23, precision=1)
RUS = Actor(name="Russian forces", country="RUS", sector="military")


def _corpus(store: Store) -> None:
    t1 = "Russian forces shelled Kharkiv on Monday. Separately, protesters marched in Lviv."
    _article(store, "a1", "2022-03-01", t1, [
        dict(type="shelling_artillery_missile", date="2022-02-28", date_precision="day",
             location=Location(**KHARKIV), actor1=RUS, fatalities=9, confidence=0.7,
             sentence="Russian forces shelled Kharkiv on Monday."),
        dict(type="peaceful_protest", date="2022-02-28", date_precision="day",
             location=Location(name="Lviv", country="UKR", lat=49.84, lon=24.03, precision=1),
             actor1=Actor(name="protesters", country="UKR", sector="protesters"),
             sentence="Separately, protesters marched in Lviv.")])
    t2 = "Russian artillery pounded Kharkov on Monday, killing 11. Kyiv was calm."
    _article(store, "a2", "2022-03-02", t2, [
        dict(type="shelling_artillery_missile", date="2022-02-28", date_precision="day",
             location=Location(name="Kharkov", country="UKR", lat=49.98, lon=36.25, precision=1),
             actor1=Actor(name="Russian artillery", country="RUS", sector="military"),
             fatalities=11, confidence=0.6,
             sentence="Russian artillery pounded Kharkov on Monday, killing 11.")])
    # A wire copy of a2: tells the same shelling, must not count as another source.
    _article(store, "a3", "2022-03-02", t2, [
        dict(type="shelling_artillery_missile", date="2022-02-28", date_precision="day",
             location=Location(name="Kharkov", country="UKR", lat=49.98, lon=36.25, precision=1),
             actor1=Actor(name="Russian artillery", country="RUS", sector="military"),
             fatalities=11, confidence=0.6,
             sentence="Russian artillery pounded Kharkov on Monday, killing 11.")], copy_of="a2")
    # Same place and day, another act: a different happening.
    t4 = "Ukrainian police arrested two looters in Kharkiv on Monday."
    _article(store, "a4", "2022-03-01", t4, [
        dict(type="arrests", date="2022-02-28", date_precision="day", location=Location(**KHARKIV),
             actor1=Actor(name="Ukrainian police", country="UKR", sector="police"),
             sentence="Ukrainian police arrested two looters in Kharkiv on Monday.")])
    # Shelling of Kharkiv a week later: a different happening.
    t5 = "Russian forces shelled Kharkiv again on Monday."
    _article(store, "a5", "2022-03-08", t5, [
        dict(type="shelling_artillery_missile", date="2022-03-07", date_precision="day",
             location=Location(**KHARKIV), actor1=RUS, sentence=t5)])


def _snapshot(store: Store) -> tuple:
    r = store.con.execute(f"SELECT {', '.join(rev.RESOLVED_COLUMNS)} FROM resolved_events ORDER BY id").fetchall()
    m = store.con.execute(f"SELECT {', '.join(rev.MENTION_COLUMNS)} FROM event_mentions ORDER BY event_id").fetchall()
    return r, m


@pytest.fixture()
def store():
    s = Store(":memory:")
    _corpus(s)
    yield s
    s.close()


def test_same_shelling_told_by_three_outlets_is_one_event_with_two_sources(store):
    rev.rebuild(store)
    rows, _ = query_events(store, EventFilter(type="shelling_artillery_missile"), resolved=True)
    assert len(rows) == 2                                    # 28 Feb and 7 Mar
    feb = [r for r in rows if r["date"] == "2022-02-28"][0]
    assert feb["mention_count"] == 3 and feb["source_count"] == 2
    assert sorted(s["article_id"] for s in feb["sources"]) == ["a1", "a2"]
    assert feb["fatalities"] == 11                           # the most recent report
    joined = [m for m in feb["mentions"] if m["matched_event_id"]]
    assert all({"type", "date", "place_name"} <= set(m["reasons"]) for m in joined)
    assert get_event(store, feb["id"])["mention_count"] == 3


def test_distinct_happenings_stay_apart(store):
    rev.rebuild(store)
    rows, _ = query_events(store, resolved=True)
    assert len(rows) == 4          # shelling 28 Feb, shelling 7 Mar, protest, arrests
    assert {r["type"] for r in rows} == {"shelling_artillery_missile", "peaceful_protest", "arrests"}


def test_one_by_one_equals_batch_in_any_order(store):
    rev.rebuild(store)
    batch = _snapshot(store)
    ids = ["a1", "a2", "a3", "a4", "a5"]
    for seed in range(3):
        store.con.execute("DELETE FROM resolved_events; DELETE FROM event_mentions")
        random.Random(seed).shuffle(ids)
        for aid in ids:
            rev.update(store, [aid])
        assert _snapshot(store) == batch


def test_reextracting_an_article_splits_what_it_held_together(store):
    rev.rebuild(store)
    t = "Russian forces shelled Kharkiv on Monday. Separately, protesters marched in Lviv."
    art = Article(id="a1", published="2022-03-01", text=t)
    save_extraction(store, Extraction(article=art, events=[]))     # extractor now finds nothing
    rev.update(store, ["a1"])
    after = _snapshot(store)
    rev.rebuild(store)
    assert _snapshot(store) == after
    rows, _ = query_events(store, EventFilter(article_id="a1"), resolved=True)
    assert rows == []


@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="../shared dev sets absent")
def test_gold_pairs_precision_recall_and_incremental_equals_batch():
    docs = load_gold_docs(SHARED)
    pairs = json.loads(PAIRS.read_text())["pairs"]
    s = Store(":memory:")
    ids = load_into_store(s, docs)
    rev.rebuild(s)
    scores = pairwise_scores(s, ids, pairs)
    assert scores["precision"] >= 0.8 and scores["recall"] >= 0.75, scores
    batch = _snapshot(s)
    s.con.execute("DELETE FROM resolved_events; DELETE FROM event_mentions")
    for d in reversed(docs):
        rev.update(s, [d.article["id"]])
    assert _snapshot(s) == batch
    # The train hijacking told on 12 and 14 March 2025 is one event with two sources.
    rows, _ = query_events(s, EventFilter(type="attack", country="PAK"), resolved=True)
    assert any(r["source_count"] == 2 for r in rows)
