"""The shared query layer on a small hand-made store (mention level; the resolved layer is
exercised in tests/resolve)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from eventwire.records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Subject
from eventwire.store import Store
from eventwire.store.extractions import save_extraction
from eventwire.store.queries import (EventFilter, QueryError, filter_from_dict, get_article,
                                     get_event, iter_events, iter_figures, query_articles,
                                     query_events, query_figures)

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


# -- deep keyset paging on a larger store ------------------------------------------------------
# 200 mention-level events over 40 days (many share a day, some have no date) grouped into
# resolved events of one to three mentions: enough ties and nulls that a wrong cursor
# condition skips or repeats rows somewhere in the walk.
N_EVENTS = 200


def _event_date(i: int) -> date | None:
    return None if i % 13 == 0 else date(2022, 2, 1) + timedelta(days=(i * 7) % 40)


def build_paging_store() -> Store:
    store = Store(":memory:")
    con = store.con
    for a in range(30):
        con.execute("INSERT INTO articles (id, title, outlet, published, published_date, text, "
                    "rewritten_copy_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [f"art-{a:02d}", f"Report {a}", f"Outlet {a % 4}", f"2022-03-{1 + a % 28:02d}",
                     date(2022, 3, 1 + a % 28), "Shelling was reported in the district.",
                     "art-00" if a % 7 == 6 else None])
    types = ["shelling_artillery_missile", "armed_clash", "air_drone_strike", "peaceful_protest"]
    for i in range(N_EVENTS):
        # Ids are not in date order, so the id tie-break inside a day is exercised.
        con.execute("INSERT INTO events (id, article_id, type, parent_type, date, location_name, "
                    "country, lat, lon, confidence, evidence_text, evidence_start, evidence_end) "
                    "VALUES (?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, 'Shelling was reported.', 0, 22)",
                    [f"ev-{(i * 37) % N_EVENTS:03d}", f"art-{i % 30:02d}", types[i % 4],
                     _event_date(i), f"Town {i % 9}", "UKR" if i % 4 else "SYR",
                     48.0 + i % 5, 35.0 + i % 4, (i % 10) / 10])
    # Resolved events of three or two mentions (the third of every other triple stays
    # unresolved, as before a resolution run); every eleventh happening has no date.
    ids = [r[0] for r in con.execute("SELECT id FROM events ORDER BY id").fetchall()]
    for k in range(0, len(ids), 3):
        group = ids[k:k + 3 - (k // 3) % 2]
        rid = f"res-{k // 3:03d}"
        undated = (k // 3) % 11 == 0
        for n, eid in enumerate(group):
            con.execute("INSERT INTO event_mentions (event_id, resolved_id, component, article_id, "
                        "matched_event_id, reasons, independent, source_root) "
                        "SELECT id, ?, ?, article_id, ?, ?, ?, article_id FROM events WHERE id = ?",
                        [rid, rid, group[n - 1] if n else None, ["type", "place"] if n else None,
                         n % 2 == 0, eid])
        con.execute("""INSERT INTO resolved_events (id, component, type, parent_type, date,
                date_from, date_to, location_name, country, lat, lon, confidence,
                evidence_event_id, evidence_article_id, evidence_text, evidence_start,
                evidence_end, mention_count, source_count, article_ids)
            SELECT ?, ?, arg_min(type, id), 'x', CASE WHEN ? THEN NULL ELSE min(date) END,
                   min(date), max(date),
                   arg_min(location_name, id), arg_min(country, id), arg_min(lat, id),
                   arg_min(lon, id), max(confidence), min(id), arg_min(article_id, id),
                   'Shelling was reported.', 0, 22, count(*), count(*), list(article_id)
            FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))""", [rid, rid, undated, group])
    return store


@pytest.fixture(scope="module")
def paging_store():
    s = build_paging_store()
    yield s
    s.close()


def _expected_order(store: Store, table: str, flt_sql: str = "") -> list[str]:
    """Ids in page order, computed in Python from the raw rows (date desc, undated last, id)."""
    rows = store.con.execute(f"SELECT id, date FROM {table} {flt_sql}").fetchall()
    dated = sorted((r for r in rows if r[1] is not None), key=lambda r: r[0])
    dated.sort(key=lambda r: r[1], reverse=True)          # stable: ids stay ascending per day
    undated = sorted(r[0] for r in rows if r[1] is None)
    return [r[0] for r in dated] + undated


def _walk(store: Store, flt: EventFilter | None, resolved: bool, limit: int) -> list[dict]:
    seen, cursor, pages = [], None, 0
    while True:
        rows, cursor = query_events(store, flt, resolved=resolved, cursor=cursor, limit=limit)
        seen += rows
        pages += 1
        assert len(rows) == limit or cursor is None
        if cursor is None:
            return seen
        assert pages < 1000, "paging does not end"


@pytest.mark.parametrize("resolved", [False, True])
@pytest.mark.parametrize("flt,where", [
    (None, ""),
    (EventFilter(country="UKR"), "WHERE country = 'UKR'"),
    (EventFilter(since="2022-02-10", min_confidence=0.3),
     "WHERE date >= DATE '2022-02-10' AND confidence >= 0.3"),
    (EventFilter(place="town 4"), "WHERE location_name ILIKE '%town 4%'"),
])
@pytest.mark.parametrize("limit", [6, 50])
def test_walking_all_pages_yields_every_event_once_in_order(paging_store, resolved, flt, where,
                                                            limit):
    table = "resolved_events" if resolved else "events"
    expected = _expected_order(paging_store, table, where)
    assert len(expected) > 6            # more than one page at the smaller limit
    got = [r["id"] for r in _walk(paging_store, flt, resolved, limit)]
    assert got == expected
    assert [r["id"] for r in iter_events(paging_store, flt, resolved=resolved, page_size=limit)] \
        == expected


def test_paged_rows_equal_streamed_rows_and_carry_their_mentions(paging_store):
    for resolved in (False, True):
        paged = _walk(paging_store, None, resolved, 13)
        assert paged == list(iter_events(paging_store, resolved=resolved, page_size=13))
    resolved_rows = _walk(paging_store, None, True, 13)
    by_id = {r["id"]: r for r in resolved_rows}
    counts = dict(paging_store.con.execute(
        "SELECT resolved_id, count(*) FROM event_mentions GROUP BY 1").fetchall())
    assert {k: len(v["mentions"]) for k, v in by_id.items()} == counts
    for r in resolved_rows:
        dates = [m["date"] or "9999" for m in r["mentions"]]
        assert dates == sorted(dates)                 # oldest mention first, undated last
        # The first mention of a happening matched nothing, so it has no reasons (not null).
        assert all((m["matched_event_id"] is None) == (m["reasons"] == []) for m in r["mentions"])
        assert [s["article_id"] for s in r["sources"]] == list(dict.fromkeys(
            m["article_id"] for m in r["mentions"] if m["independent"]))
        assert r == get_event(paging_store, r["id"])
    copies = [r for r in _walk(paging_store, None, False, 100) if r["article_id"] == "art-06"]
    assert copies and all(r["source_count"] == 0 and not r["mentions"][0]["independent"]
                          for r in copies)


def test_cursor_resumes_after_its_row_when_rows_are_inserted_meanwhile(paging_store):
    rows, cursor = query_events(paging_store, limit=20)
    expected_rest = _expected_order(paging_store, "events")[20:]
    paging_store.con.execute(
        "INSERT INTO events (id, article_id, type, date, evidence_text, evidence_start, "
        "evidence_end) VALUES ('ev-new-top', 'art-01', 'armed_clash', DATE '2023-01-01', 'x', "
        "0, 1), ('ev-new-old', 'art-01', 'armed_clash', DATE '2021-01-01', 'x', 0, 1)")
    try:
        rest = [r["id"] for r in iter_events(paging_store)]
        cursor_rest = []
        while cursor:
            page, cursor = query_events(paging_store, cursor=cursor, limit=20)
            cursor_rest += [r["id"] for r in page]
        # The newer row sorts before the cursor: not seen again; the older one is picked up.
        assert "ev-new-top" not in cursor_rest and "ev-new-top" == rest[0]
        assert cursor_rest == [i for i in rest if i != "ev-new-top"][20:]
        assert [i for i in cursor_rest if i != "ev-new-old"] == expected_rest
    finally:
        paging_store.con.execute("DELETE FROM events WHERE id LIKE 'ev-new-%'")


def test_articles_page_counts_only_their_own_rows(paging_store):
    seen, cursor = [], None
    while True:
        rows, cursor = query_articles(paging_store, cursor=cursor, limit=4)
        seen += rows
        if cursor is None:
            break
    assert len({r["id"] for r in seen}) == len(seen) == 30
    assert sum(r["event_count"] for r in seen) == N_EVENTS
    assert [r["date"] for r in seen] == sorted((r["date"] for r in seen), reverse=True)


def test_walking_figure_pages_yields_every_figure_and_group_once_in_order(paging_store):
    con = paging_store.con
    for i in range(40):
        # Every fifth figure states no date: it is dated by its article's publication.
        con.execute("INSERT INTO figures (id, article_id, quantity, value, stated_date, "
                    "evidence_text, evidence_start, evidence_end) VALUES (?, ?, 'killed', ?, ?, "
                    "'Nine people died.', 0, 17)",
                    [f"fig-{(i * 7) % 40:02d}", f"art-{i % 30:02d}", i,
                     None if i % 5 == 0 else date(2022, 2, 1) + timedelta(days=i % 9)])
    for g in range(12):
        con.execute("INSERT INTO figure_groups (id, group_key, quantity, last_stated, claim_count) "
                    "VALUES (?, ?, 'killed', ?, 1)",
                    [f"grp-{(g * 5) % 12:02d}", f"k{g}",
                     None if g % 4 == 0 else date(2022, 3, 1) + timedelta(days=g % 3)])
    con.execute("INSERT INTO figure_claims (figure_id, group_id, article_id, stated_date) "
                "SELECT id, 'grp-' || lpad((value % 12)::VARCHAR, 2, '0'), article_id, stated_date "
                "FROM figures")
    try:
        rows = con.execute("SELECT f.id, coalesce(f.stated_date, a.published_date) FROM figures f "
                           "LEFT JOIN articles a ON a.id = f.article_id").fetchall()
        expected = [r[0] for r in sorted(sorted(rows), key=lambda r: r[1], reverse=True)]
        groups = con.execute("SELECT id, last_stated FROM figure_groups").fetchall()
        expected_groups = [r[0] for r in sorted(sorted(g for g in groups if g[1]),
                                                key=lambda r: r[1], reverse=True)]
        expected_groups += sorted(g[0] for g in groups if g[1] is None)
        for grouped, want in ((False, expected), (True, expected_groups)):
            seen, cursor = [], None
            while True:
                page, cursor = query_figures(paging_store, grouped=grouped, cursor=cursor, limit=3)
                seen += page
                if cursor is None:
                    break
            assert [f["id"] for f in seen] == want
            assert seen == list(iter_figures(paging_store, grouped=grouped, page_size=3))
        claims = {g["id"]: len(g["claims"]) for g in iter_figures(paging_store, grouped=True)}
        assert sum(claims.values()) == 40 and all(n > 0 for n in claims.values())
    finally:
        con.execute("DELETE FROM figure_claims; DELETE FROM figure_groups; DELETE FROM figures")
