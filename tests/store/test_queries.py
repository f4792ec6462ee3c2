"""The shared query layer on a small hand-made store (mention level; the resolved layer is
exercised in tests/resolve)."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Subject
from eventwire.store import Store
from eventwire.store.extractions import save_extraction
from eventwire.store.queries import (EventFilter, QueryError, filter_from_dict, get_article,
                                     get_event, query_articles, query_events, query_figures)

TEXT_A = ("Russian forces shelled residential districts of Kharkiv on Monday, killing at least "
          "nine civilians, the regional governor said. In Kyiv, air raid sirens sounded overnight.")
TEXT_B = ("Artillery fire hit apartment blocks in Kharkov on Monday. Nine people died, officials "
          "said. Protesters gathered in Lviv against the war.")


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def insert_article(store: Store, art: Article) -> None:
    store.con.execute(
        "INSERT INTO articles (id, title, outlet, url, published, published_date, text, flags, "
        "near_duplicate_of, rewritten_copy_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [art.id, art.title, art.outlet, art.url, art.published, art.published_date, art.text,
         art.flags, art.near_duplicate_of, art.rewritten_copy_of])


def build_store() -> Store:
    store = Store(":memory:")
    a = Article(id="art-a", title="Kharkiv shelled", outlet="Wire One", url="https://one.example/a",
                published="2022-03-01", text=TEXT_A)
    b = Article(id="art-b", title="Shelling in Kharkov", outlet="Paper Two",
                url="https://two.example/b", published="2022-03-02", text=TEXT_B)
    for art in (a, b):
        insert_article(store, art)
    kharkiv = Location(name="Kharkiv", admin1="Kharkiv Oblast", country="UKR", lat=49.99,
                       lon=36.23, precision=1)
    save_extraction(store, Extraction(article=a, events=[
        Event(type="shelling_artillery_missile", date="2022-02-28", date_precision="day",
              location=kharkiv, actor1=Actor(name="Russian forces", country="RUS", sector="military"),
              fatalities=9, evidence=_ev(TEXT_A, TEXT_A.split(". ")[0] + "."), confidence=0.8),
        Event(type="other", date="2022-03-01", date_precision="day",
              location=Location(name="Kyiv", country="UKR", lat=50.45, lon=30.52, precision=1),
              evidence=_ev(TEXT_A, "In Kyiv, air raid sirens sounded overnight."), confidence=0.3),
    ], figures=[
        Figure(quantity="killed", value=9, low=9, high=9, qualifier="at_least",
               subject=Subject(country="UKR", sector="civilians"), place=kharkiv,
               claimant="regional governor", date="2022-03-01",
               evidence=_ev(TEXT_A, TEXT_A.split(". ")[0] + "."))]))
    save_extraction(store, Extraction(article=b, events=[
        Event(type="shelling_artillery_missile", date="2022-02-28", date_precision="day",
              location=Location(name="Kharkov", country="UKR", lat=49.98, lon=36.25, precision=1),
              evidence=_ev(TEXT_B, "Artillery fire hit apartment blocks in Kharkov on Monday."),
              confidence=0.6),
        Event(type="peaceful_protest", date="2022-03-02", date_precision="day",
              location=Location(name="Lviv", admin1="Lviv Oblast", country="UKR", lat=49.84,
                                lon=24.03, precision=1),
              actor1=Actor(name="Protesters", country="UKR", sector="protesters"),
              evidence=_ev(TEXT_B, "Protesters gathered in Lviv against the war."), confidence=0.7),
    ]))
    return store


@pytest.fixture()
def store():
    s = build_store()
    yield s
    s.close()


def test_events_are_in_codebook_shape_newest_first(store):
    rows, cursor = query_events(store)
    assert cursor is None
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    first = rows[0]
    assert first["type"] == "peaceful_protest" and first["parent_type"] == "Protests"
    assert first["location"]["name"] == "Lviv" and first["location"]["country"] == "UKR"
    assert first["actor1"] == {"name": "Protesters", "country": "UKR", "sector": "protesters"}
    assert first["actor2"] is None
    ev = first["evidence"]
    assert TEXT_B[ev["start"]:ev["end"]] == ev["text"]
    assert first["mentions"][0]["article_id"] == "art-b"
    assert first["mentions"][0]["outlet"] == "Paper Two"


@pytest.mark.parametrize("flt,expected", [
    (EventFilter(type="shelling_artillery_missile"), 2),
    (EventFilter(parent="Explosions/Remote violence"), 2),
    (EventFilter(place="KHARK"), 2),            # case-insensitive substring, both spellings
    (EventFilter(place="oblast"), 2),           # admin1 matches too
    (EventFilter(country="ukr"), 4),
    (EventFilter(since="2022-03-01"), 2),
    (EventFilter(until="2022-02-28"), 2),
    (EventFilter(bbox=(35.0, 49.0, 37.0, 51.0)), 2),
    (EventFilter(min_confidence=0.65), 2),
    (EventFilter(article_id="art-a"), 2),
    (EventFilter(type="peaceful_protest", country="RUS"), 0),
])
def test_filters(store, flt, expected):
    rows, _ = query_events(store, flt)
    assert len(rows) == expected


def test_keyset_pagination_visits_every_row_once(store):
    seen, cursor = [], None
    while True:
        rows, cursor = query_events(store, cursor=cursor, limit=1)
        seen += [r["id"] for r in rows]
        if cursor is None:
            break
    all_rows, _ = query_events(store, limit=100)
    assert seen == [r["id"] for r in all_rows] and len(seen) == 4


def test_get_event_has_its_own_mention_with_article(store):
    rows, _ = query_events(store, EventFilter(article_id="art-a", type="other"))
    ev = get_event(store, rows[0]["id"])
    assert ev["mentions"][0]["evidence"]["text"] == "In Kyiv, air raid sirens sounded overnight."
    assert ev["mentions"][0]["title"] == "Kharkiv shelled"
    assert get_event(store, "nope") is None


def test_figures_mention_level(store):
    rows, _ = query_figures(store, EventFilter(quantity="killed"))
    assert len(rows) == 1
    f = rows[0]
    assert f["value"] == 9 and f["qualifier"] == "at_least" and f["claimant"] == "regional governor"
    assert f["subject"] == {"country": "UKR", "sector": "civilians"}
    assert f["date"] == "2022-03-01"


def test_articles(store):
    rows, _ = query_articles(store)
    assert [r["id"] for r in rows] == ["art-b", "art-a"]
    assert rows[1]["event_count"] == 2 and rows[1]["figure_count"] == 1
    art = get_article(store, "art-a")
    assert art["text"] == TEXT_A and len(art["event_ids"]) == 2
    assert get_article(store, "missing") is None


@pytest.mark.parametrize("kwargs", [
    {"type": "bombing"}, {"since": "last week"}, {"country": "Ukraine"},
    {"bbox": (40, 10, 30, 20)}, {"min_confidence": 2},
])
def test_bad_filters_say_what_to_fix(kwargs):
    with pytest.raises(QueryError):
        EventFilter(**kwargs)


def test_bad_cursor_and_filter_dict(store):
    with pytest.raises(QueryError, match="cursor"):
        query_events(store, cursor="garbage")
    with pytest.raises(QueryError, match="unknown filter"):
        filter_from_dict({"colour": "red"})
    assert filter_from_dict({"bbox": "30,45,40,55", "type": None}).bbox == (30.0, 45.0, 40.0, 55.0)
