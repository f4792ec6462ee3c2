"""The one read layer of the store: every reader (CLI, REST API, sitrep, exports) goes through it.

Events and figures come back as plain dicts in the codebook's JSON shape (CODEBOOK.md s.1),
plus ``id``, ``parent_type``, ``article_id`` / ``article_ids``, ``sources`` and ``mentions``.
The same filter (``EventFilter``) reads the mention-level tables (one row per event an article
tells) or the resolved layer (one row per happening, ``resolved=True``).

Pagination is keyset ("seek"): rows are ordered by date descending (undated last), then id;
``next_cursor`` is an opaque string that resumes after the last row returned, so pages stay
stable while new rows are inserted. A page costs about the same at page 1 and page 500: the
page's rows are chosen on a few narrow columns first and only they are joined (``_page_sql``);
``_fetch_page`` runs every paged read (events, figures, groups, articles) the same way.
``iter_events`` / ``iter_figures`` stream one query instead of paging (exports, reports).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import partial
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from ..taxonomy import EVENT_TYPES
from .db import Store

MAX_LIMIT = 10_000


class QueryError(ValueError):
    """A filter or cursor that cannot be used; the message says what to change."""


@dataclass(frozen=True)
class EventFilter:
    """What to select. Every field is optional; set fields combine with AND.

    ``place`` is a case-insensitive substring of the place name (or its admin1);
    ``bbox`` is (min_lon, min_lat, max_lon, max_lat) in degrees; ``since``/``until`` are ISO
    dates, inclusive. For figures, ``type``/``parent`` are ignored and ``quantity`` applies.
    """
    type: Optional[str] = None
    parent: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    place: Optional[str] = None
    country: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    min_confidence: Optional[float] = None
    article_id: Optional[str] = None
    quantity: Optional[str] = None

    def __post_init__(self) -> None:
        validate_filter(self)


@dataclass(frozen=True)
class ArticleFilter:
    since: Optional[str] = None            # published date, inclusive
    until: Optional[str] = None
    outlet: Optional[str] = None           # case-insensitive substring
    flag: Optional[str] = None             # e.g. "rewritten_copy"
    text: Optional[str] = None             # case-insensitive substring of title or text

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            _check_date(getattr(self, name), name)


# -- validation ------------------------------------------------------------------------------
def _check_date(value: Optional[str], name: str) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(str(value)[:10])
    except ValueError:
        raise QueryError(f"{name}={value!r} is not an ISO date; write it as YYYY-MM-DD.") from None


def validate_filter(flt: EventFilter) -> None:
    if flt.type is not None and flt.type not in EVENT_TYPES:
        raise QueryError(f"unknown event type {flt.type!r}; use one of the 30 codebook ids "
                         f"(e.g. {', '.join(sorted(EVENT_TYPES)[:4])}, ...).")
    if flt.parent is not None and flt.parent not in set(EVENT_TYPES.values()):
        raise QueryError(f"unknown parent type {flt.parent!r}; use one of: "
                         f"{', '.join(sorted(set(EVENT_TYPES.values())))}.")
    _check_date(flt.since, "since")
    _check_date(flt.until, "until")
    if flt.country is not None and (len(flt.country) != 3 or not flt.country.isalpha()):
        raise QueryError(f"country={flt.country!r} is not an ISO 3166 alpha-3 code (e.g. UKR).")
    if flt.bbox is not None:
        if len(flt.bbox) != 4:
            raise QueryError("bbox needs four numbers: min_lon,min_lat,max_lon,max_lat.")
        x0, y0, x1, y1 = (float(v) for v in flt.bbox)
        if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
            raise QueryError(f"bbox {flt.bbox} is not min_lon,min_lat,max_lon,max_lat within "
                             "[-180,180] x [-90,90] with min <= max.")
    if flt.min_confidence is not None and not 0 <= flt.min_confidence <= 1:
        raise QueryError(f"min_confidence={flt.min_confidence} must lie between 0 and 1.")


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' -> tuple, with a clear error for bad input."""
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError:
        raise QueryError(f"bbox {text!r} must be four comma-separated numbers: "
                         "min_lon,min_lat,max_lon,max_lat.") from None
    if len(parts) != 4:
        raise QueryError(f"bbox {text!r} must have four numbers, not {len(parts)}.")
    return parts  # type: ignore[return-value]


# -- cursors ---------------------------------------------------------------------------------
def _encode_cursor(d: Optional[str], rid: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([d, rid]).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[Optional[str], str]:
    try:
        pad = "=" * (-len(cursor) % 4)
        d, rid = json.loads(base64.urlsafe_b64decode(cursor + pad))
        if d is not None:
            date.fromisoformat(d)
        return d, str(rid)
    except Exception:
        raise QueryError(f"cursor {cursor!r} is not one this server issued; start again "
                         "without a cursor.") from None


def _keyset(date_col: str, id_col: str, cursor: Optional[str]) -> tuple[str, list]:
    """WHERE clause resuming after the cursor row in ORDER BY date DESC NULLS LAST, id."""
    if not cursor:
        return "", []
    d, rid = _decode_cursor(cursor)
    if d is None:
        return f"({date_col} IS NULL AND {id_col} > ?)", [rid]
    return (f"({date_col} < ?::DATE OR ({date_col} = ?::DATE AND {id_col} > ?) "
            f"OR {date_col} IS NULL)", [d, d, rid])


def _limit(limit: int) -> int:
    if limit < 1 or limit > MAX_LIMIT:
        raise QueryError(f"limit={limit} must lie between 1 and {MAX_LIMIT}.")
    return limit


# -- helpers ---------------------------------------------------------------------------------
def _iso(v: Any) -> Optional[str]:
    if v is None:
        return None
    if isinstance(v, (date, datetime)):
        return v.isoformat()[:10] if isinstance(v, date) and not isinstance(v, datetime) \
            else v.isoformat()
    return str(v)


def _rows(con, sql: str, params: Sequence) -> list[dict]:
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _location(r: dict, prefix: str = "") -> Optional[dict]:
    name = r.get(prefix + "location_name") if prefix + "location_name" in r else r.get(prefix + "place_name")
    if name is None and r.get(prefix + "country") is None:
        return None
    return {"name": name, "admin1": r.get(prefix + "admin1"), "country": r.get(prefix + "country"),
            "lat": r.get(prefix + "lat"), "lon": r.get(prefix + "lon"),
            "precision": r.get(prefix + "geo_precision")}


def _actor(r: dict, n: int) -> Optional[dict]:
    name, country, sector = r.get(f"actor{n}_name"), r.get(f"actor{n}_country"), r.get(f"actor{n}_sector")
    if name is None and country is None and sector in (None, "unknown"):
        return None
    return {"name": name, "country": country, "sector": sector or "unknown"}


def _place_conditions(flt: EventFilter, alias: str, name_col: str) -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    if flt.place:
        where.append(f"(strpos(lower({alias}.{name_col}), lower(?)) > 0 "
                     f"OR strpos(lower({alias}.admin1), lower(?)) > 0)")
        params += [flt.place, flt.place]
    if flt.country:
        where.append(f"{alias}.country = ?")
        params.append(flt.country.upper())
    if flt.bbox:
        x0, y0, x1, y1 = (float(v) for v in flt.bbox)
        where.append(f"{alias}.lon BETWEEN ? AND ? AND {alias}.lat BETWEEN ? AND ?")
        params += [x0, x1, y0, y1]
    return where, params


def _filter_conditions(flt: EventFilter, alias: str, name_col: str, equal: dict[str, Optional[str]],
                       when: str, article_cond: str) -> tuple[list[str], list]:
    """WHERE terms shared by events and figures; ``equal`` maps column -> wanted value, ``when``
    is the date the since/until bounds apply to, ``article_cond`` tests one article id."""
    where, params = _place_conditions(flt, alias, name_col)
    terms = [(f"{alias}.{col} = ?", value) for col, value in equal.items()]
    terms += [(f"{when} >= ?::DATE", flt.since and flt.since[:10]),
              (f"{when} <= ?::DATE", flt.until and flt.until[:10])]
    for cond, value in terms:
        if value:
            where.append(cond)
            params.append(value)
    if flt.min_confidence is not None:
        where.append(f"{alias}.confidence >= ?")
        params.append(flt.min_confidence)
    if flt.article_id:
        where.append(article_cond)
        params.append(flt.article_id)
    return where, params


def _event_conditions(flt: EventFilter, alias: str, resolved: bool) -> tuple[list[str], list]:
    article = (f"list_contains({alias}.article_ids, ?)" if resolved else f"{alias}.article_id = ?")
    return _filter_conditions(flt, alias, "location_name",
                              {"type": flt.type, "parent_type": flt.parent}, f"{alias}.date",
                              article)


def _and(where: Iterable[str]) -> str:
    w = [c for c in where if c]
    return (" WHERE " + " AND ".join(w)) if w else ""


def _article_ref(r: dict) -> dict:
    return {"article_id": r["article_id"], "title": r.get("title"), "outlet": r.get("outlet"),
            "url": r.get("url"), "published": _iso(r.get("published"))}


# -- paging ----------------------------------------------------------------------------------
# Every page is read in two steps inside one statement: first the rowids of the page (a top-N
# over the few columns the filter and the order need), then the page's details by rowid
# (DuckDB turns ``rowid IN (page)`` into a filter on the scan, so only those rows are fetched
# and joined). Sorting and joining every matching row, as one flat query does, cost 3-10x more
# on 100,000 events, and most on deep pages.
def _page_sql(table: str, alias: str, joins: str, where: list[str], order: str) -> str:
    return (f"page AS (SELECT {alias}.rowid AS rid FROM {table} {alias}{joins}{_and(where)} "
            f"ORDER BY {order} LIMIT ?)")


def _stream(store: Store, sql: str, params: Sequence, size: int) -> Iterator[dict]:
    """Rows of one query as dicts, fetched ``size`` at a time (one snapshot for an export)."""
    con = store.cursor()
    try:
        cur = con.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        while True:
            batch = cur.fetchmany(size)
            if not batch:
                return
            for r in batch:
                yield dict(zip(cols, r))
    finally:
        con.close()


_Shape = Callable[[Any, list[dict]], list[dict]]


def _each(make: Callable[[dict], dict]) -> _Shape:
    return lambda _con, rows: [make(r) for r in rows]


@dataclass(frozen=True)
class _PagedQuery:
    """One keyset-paged read. ``sql`` turns WHERE terms into a statement whose last parameter is
    the LIMIT; ``fetch`` runs it (the resolved layer folds its per-mention rows there, before the
    page is cut); ``shape`` makes the page's dicts, whose ``date`` and ``id`` are what
    ``date_col`` and ``id_col`` hold, so that the cursor resumes after the last one."""
    date_col: str
    id_col: str
    sql: Callable[[list[str]], str]
    shape: _Shape
    fetch: Callable[[Any, str, list], list[dict]] = _rows


def _fetch_page(store: Store, query: _PagedQuery, where: list[str], params: list,
                cursor: Optional[str], limit: int) -> tuple[list[dict], Optional[str]]:
    """(page, next_cursor or None when no more): reads one row past the page to know."""
    limit = _limit(limit)
    ks, kp = _keyset(query.date_col, query.id_col, cursor)
    con = store.cursor()
    try:
        rows = query.fetch(con, query.sql(where + [ks]), params + kp + [limit + 1])
        out = query.shape(con, rows[:limit])
    finally:
        con.close()
    nxt = _encode_cursor(out[-1]["date"], out[-1]["id"]) if len(rows) > limit else None
    return out, nxt


# -- events ----------------------------------------------------------------------------------
_EVENT_ORDER = "{0}.date DESC NULLS LAST, {0}.id"

_EVENT_COLS = """e.id, e.article_id, e.type, e.parent_type, e.date, e.date_precision,
    e.location_name, e.admin1, e.country, e.lat, e.lon, e.geo_precision, e.actor1_name,
    e.actor1_country, e.actor1_sector, e.actor2_name, e.actor2_country, e.actor2_sector,
    e.fatalities, e.injured, e.claimant, e.confidence, e.evidence_text, e.evidence_start,
    e.evidence_end"""
_ARTICLE_REF_COLS = "a.title, a.outlet, a.url, a.published, a.near_duplicate_of, a.rewritten_copy_of"
# Dates are cast in SQL: cheaper than a Python isoformat per value, and the same text.
_MENTION_SELECT = (f"{_EVENT_COLS.replace('e.date,', 'CAST(e.date AS VARCHAR) AS date,')}, "
                   f"{_ARTICLE_REF_COLS}, m.resolved_id")

# Only what the dicts use: every column fetched costs a pass over its compressed segments.
_RESOLVED_COLS = """r.id, r.type, r.parent_type, r.date, r.date_precision, r.date_from, r.date_to,
    r.location_name, r.admin1, r.country, r.lat, r.lon, r.geo_precision, r.actor1_name,
    r.actor1_country, r.actor1_sector, r.actor2_name, r.actor2_country, r.actor2_sector,
    r.fatalities, r.injured, r.confidence, r.evidence_event_id, r.evidence_article_id,
    r.evidence_text, r.evidence_start, r.evidence_end, r.mention_count, r.source_count,
    r.article_ids"""
_RESOLVED_SELECT = """r.id, r.type, r.parent_type, CAST(r.date AS VARCHAR) AS date,
    r.date_precision, CAST(r.date_from AS VARCHAR) AS date_from,
    CAST(r.date_to AS VARCHAR) AS date_to, r.location_name, r.admin1, r.country, r.lat, r.lon,
    r.geo_precision, r.actor1_name, r.actor1_country, r.actor1_sector, r.actor2_name,
    r.actor2_country, r.actor2_sector, r.fatalities, r.injured, r.confidence,
    r.evidence_event_id, r.evidence_article_id, r.evidence_text, r.evidence_start,
    r.evidence_end, r.mention_count, r.source_count, r.article_ids"""

# One mention of a resolved event, shaped by DuckDB as the dict the API returns.
_MENTION_STRUCT = """{'event_id': e.id, 'article_id': e.article_id, 'title': a.title,
    'outlet': a.outlet, 'url': a.url, 'published': a.published,
    'evidence': {'text': e.evidence_text, 'start': e.evidence_start, 'end': e.evidence_end},
    'type': e.type, 'date': CAST(e.date AS VARCHAR), 'location_name': e.location_name,
    'fatalities': e.fatalities, 'reasons': coalesce(m.reasons, []::VARCHAR[]),
    'matched_event_id': m.matched_event_id, 'independent': coalesce(m.independent, false),
    'source_root': m.source_root}"""


def _mention_level_sql(where: list[str], paged: bool) -> str:
    """Mention-level events with their article and resolved id.

    Paged, the joins see only the page: joining first and cutting the page afterwards builds
    hash tables over every article and every mention for 100 rows.
    """
    order = _EVENT_ORDER.format("e")
    if not paged:
        return (f"SELECT {_MENTION_SELECT} FROM events e "
                "LEFT JOIN articles a ON a.id = e.article_id "
                f"LEFT JOIN event_mentions m ON m.event_id = e.id{_and(where)} ORDER BY {order}")
    return f"""WITH {_page_sql('events', 'e', '', where, order)},
        pe AS (SELECT {_EVENT_COLS} FROM events e WHERE e.rowid IN (SELECT rid FROM page)),
        pa AS (SELECT id, title, outlet, url, published, near_duplicate_of, rewritten_copy_of
               FROM articles WHERE id IN (SELECT article_id FROM pe)),
        pm AS (SELECT event_id, resolved_id FROM event_mentions
               WHERE event_id IN (SELECT id FROM pe))
        SELECT {_MENTION_SELECT} FROM pe e LEFT JOIN pa a ON a.id = e.article_id
        LEFT JOIN pm m ON m.event_id = e.id ORDER BY {order}"""


def _resolved_level_sql(chosen: str) -> str:
    """Resolved events picked by the CTE ``chosen``, one row per mention (in mention order) so
    that a resolved event's rows are adjacent; ``_group_mentions`` folds them."""
    return f"""WITH {chosen},
        pm AS (SELECT event_id, resolved_id, matched_event_id, reasons, independent, source_root
               FROM event_mentions WHERE resolved_id IN (SELECT id FROM chosen)),
        pe AS (SELECT id, article_id, type, date, location_name, fatalities, evidence_text,
                      evidence_start, evidence_end FROM events WHERE id IN (SELECT event_id FROM pm)),
        pa AS (SELECT id, title, outlet, url, published FROM articles
               WHERE id IN (SELECT article_id FROM pe)),
        ms AS (SELECT m.resolved_id, {_MENTION_STRUCT} AS mention, e.date AS m_date,
                      a.published AS m_published, e.id AS m_id
               FROM pm m JOIN pe e ON e.id = m.event_id LEFT JOIN pa a ON a.id = e.article_id)
        SELECT {_RESOLVED_SELECT}, x.mention FROM chosen r LEFT JOIN ms x ON x.resolved_id = r.id
        ORDER BY {_EVENT_ORDER.format('r')}, x.m_date ASC NULLS LAST,
                 x.m_published ASC NULLS LAST, x.m_id"""


def _resolved_chosen(where: list[str], paged: bool) -> str:
    if not paged:
        return f"chosen AS (SELECT {_RESOLVED_COLS} FROM resolved_events r{_and(where)})"
    return (f"{_page_sql('resolved_events', 'r', '', where, _EVENT_ORDER.format('r'))}, "
            f"chosen AS (SELECT {_RESOLVED_COLS} FROM resolved_events r "
            "WHERE r.rowid IN (SELECT rid FROM page))")


def _group_mentions(rows: Iterable[dict]) -> Iterator[dict]:
    """Adjacent rows of one resolved event (one per mention) -> one row with ``mentions``."""
    current: Optional[dict] = None
    for r in rows:
        if current is not None and r["id"] == current["id"]:
            current["mentions"].append(r["mention"])
            continue
        if current is not None:
            yield current
        current = r
        current["mentions"] = [r["mention"]] if r["mention"] is not None else []
    if current is not None:
        yield current


def _mention_dict(r: dict) -> dict:
    """A mention-level event row as codebook dict; it is its own (only) mention."""
    evidence = {"text": r["evidence_text"], "start": r["evidence_start"], "end": r["evidence_end"]}
    independent = (r["near_duplicate_of"] or r["rewritten_copy_of"]) is None
    source = {"article_id": r["article_id"], "title": r["title"], "outlet": r["outlet"],
              "url": r["url"], "published": r["published"]}
    mention = {"event_id": r["id"], **source, "evidence": evidence, "type": r["type"],
               "date": r["date"], "location_name": r["location_name"],
               "fatalities": r["fatalities"], "reasons": [], "matched_event_id": None,
               "independent": independent}
    return {
        "id": r["id"], "level": "mention", "type": r["type"], "parent_type": r["parent_type"],
        "date": r["date"], "date_precision": r["date_precision"],
        "location": _location(r), "actor1": _actor(r, 1), "actor2": _actor(r, 2),
        "fatalities": r["fatalities"], "injured": r["injured"], "evidence": evidence,
        "confidence": r["confidence"], "claimant": r["claimant"],
        "article_id": r["article_id"], "article_ids": [r["article_id"]],
        "resolved_id": r["resolved_id"],
        "sources": [source] if independent else [],
        "source_count": 1 if independent else 0,
        "mention_count": 1,
        "mentions": [mention],
    }


def _resolved_dict(r: dict) -> dict:
    mentions = r["mentions"]
    evidence = {"text": r["evidence_text"], "start": r["evidence_start"], "end": r["evidence_end"],
                "article_id": r["evidence_article_id"], "event_id": r["evidence_event_id"]}
    return {
        "id": r["id"], "level": "resolved", "type": r["type"], "parent_type": r["parent_type"],
        "date": r["date"], "date_precision": r["date_precision"],
        "date_range": [r["date_from"], r["date_to"]],
        "location": _location(r), "actor1": _actor(r, 1), "actor2": _actor(r, 2),
        "fatalities": r["fatalities"], "injured": r["injured"], "evidence": evidence,
        "confidence": r["confidence"],
        "article_id": r["evidence_article_id"], "article_ids": list(r["article_ids"] or []),
        "sources": _sources_of(mentions), "source_count": r["source_count"],
        "mention_count": r["mention_count"], "mentions": mentions,
    }


def _sources_of(mentions: list[dict]) -> list[dict]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m["independent"] and m["article_id"] not in seen:
            seen.add(m["article_id"])
            out.append({k: m[k] for k in ("article_id", "title", "outlet", "url", "published")})
    return out


_MENTION_PAGE = _PagedQuery("e.date", "e.id", partial(_mention_level_sql, paged=True),
                            _each(_mention_dict))
_RESOLVED_PAGE = _PagedQuery("r.date", "r.id",
                             lambda where: _resolved_level_sql(_resolved_chosen(where, paged=True)),
                             _each(_resolved_dict),
                             fetch=lambda con, sql, ps: list(_group_mentions(_rows(con, sql, ps))))


def query_events(store: Store, flt: EventFilter | None = None, resolved: bool = False,
                 cursor: str | None = None, limit: int = 100) -> tuple[list[dict], Optional[str]]:
    """One page of events matching ``flt``: (rows, next_cursor or None when no more)."""
    flt = flt or EventFilter()
    where, params = _event_conditions(flt, "r" if resolved else "e", resolved)
    query = _RESOLVED_PAGE if resolved else _MENTION_PAGE
    return _fetch_page(store, query, where, params, cursor, limit)


def iter_events(store: Store, flt: EventFilter | None = None, resolved: bool = False,
                page_size: int = 1000) -> Iterator[dict]:
    """Every matching event in page order, from one streamed query (for exports and reports)."""
    flt = flt or EventFilter()
    where, params = _event_conditions(flt, "r" if resolved else "e", resolved)
    size = max(1, page_size)
    if resolved:
        rows = _stream(store, _resolved_level_sql(_resolved_chosen(where, paged=False)), params,
                       size)
        for r in _group_mentions(rows):
            yield _resolved_dict(r)
    else:
        for r in _stream(store, _mention_level_sql(where, paged=False), params, size):
            yield _mention_dict(r)


def count_events(store: Store, flt: EventFilter | None = None, resolved: bool = False) -> int:
    flt = flt or EventFilter()
    alias, table = ("r", "resolved_events") if resolved else ("e", "events")
    where, params = _event_conditions(flt, alias, resolved)
    con = store.cursor()
    try:
        return con.execute(f"SELECT count(*) FROM {table} {alias}{_and(where)}", params).fetchone()[0]
    finally:
        con.close()


def get_event(store: Store, event_id: str) -> Optional[dict]:
    """A resolved event (id from the resolved layer) or a mention-level event, with mentions."""
    con = store.cursor()
    try:
        rows = _rows(con, _resolved_level_sql(
            f"chosen AS (SELECT {_RESOLVED_COLS} FROM resolved_events r WHERE r.id = ?)"),
            [event_id])
        if rows:
            return _resolved_dict(next(_group_mentions(rows)))
        rows = _rows(con, _mention_level_sql(["e.id = ?"], paged=True), [event_id, 1])
        return _mention_dict(rows[0]) if rows else None
    finally:
        con.close()


# -- figures ---------------------------------------------------------------------------------
def _figure_conditions(flt: EventFilter, alias: str, grouped: bool) -> tuple[list[str], list]:
    if grouped:
        when = f"coalesce({alias}.period_to, {alias}.last_stated)"
        article = f"{alias}.id IN (SELECT group_id FROM figure_claims WHERE article_id = ?)"
    else:
        when = f"coalesce({alias}.period_to, {alias}.stated_date, a.published_date)"
        article = f"{alias}.article_id = ?"
    return _filter_conditions(flt, alias, "place_name", {"quantity": flt.quantity}, when, article)


def _figure_dict(r: dict) -> dict:
    return {
        "id": r["id"], "level": "mention", "quantity": r["quantity"], "value": r["value"],
        "low": r["low"], "high": r["high"], "qualifier": r["qualifier"],
        "subject": {"country": r["subject_country"], "sector": r["subject_sector"]},
        "place": _location(r),
        "period": ({"from": _iso(r["period_from"]), "to": _iso(r["period_to"])}
                   if r["period_from"] or r["period_to"] else None),
        "claimant": r["claimant"], "date": _iso(r["stated_date"]) or _iso(r.get("published_date")),
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"],
                     "end": r["evidence_end"]},
        "confidence": r["confidence"], "article_id": r["article_id"],
        "article": _article_ref(r), "group_id": r.get("group_id"),
    }


# ``record`` (the full JSON) is left out: no reader here needs it and it is the widest column.
_FIG_COLS = ("f.* EXCLUDE (record), a.title, a.outlet, a.url, a.published, a.published_date, "
             "c.group_id, c.claimant_type, c.role")
_FIG_FROM = (" FROM figures f LEFT JOIN articles a ON a.id = f.article_id"
             " LEFT JOIN figure_claims c ON c.figure_id = f.id")
_FIG_ORDER = "coalesce(f.stated_date, a.published_date) DESC NULLS LAST, f.id"
_GROUP_ORDER = "g.last_stated DESC NULLS LAST, g.id"


def _claims_of(con, group_ids: list[str]) -> dict[str, list[dict]]:
    if not group_ids:
        return {}
    rows = _rows(con, f"""SELECT {_FIG_COLS} FROM figure_claims c JOIN figures f ON f.id = c.figure_id
        LEFT JOIN articles a ON a.id = f.article_id
        WHERE c.group_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY c.group_id, c.stated_date NULLS FIRST, f.id""", [group_ids])
    out: dict[str, list[dict]] = {}
    for r in rows:
        d = _figure_dict(r)
        d["claimant_type"] = r["claimant_type"]
        d["role"] = r["role"]
        out.setdefault(r["group_id"], []).append(d)
    return out


def _group_dict(r: dict, claims: list[dict]) -> dict:
    return {
        "id": r["id"], "level": "group", "quantity": r["quantity"],
        "subject": {"country": r["subject_country"], "sector": r["subject_sector"]},
        "place": _location(r),
        "period": ({"from": _iso(r["period_from"]), "to": _iso(r["period_to"])}
                   if r["period_from"] or r["period_to"] else None),
        "low": r["low"], "best": r["best"], "high": r["high"],
        "best_figure_id": r["best_figure_id"], "best_rule": r["best_rule"],
        "time_series": bool(r["time_series"]), "claim_count": r["claim_count"],
        "date": _iso(r["last_stated"]), "first_stated": _iso(r["first_stated"]),
        "confidence": r["confidence"],
        "series": _series(claims) if r["time_series"] else [],
        "claims": claims,
    }


def _series(claims: list[dict]) -> list[dict]:
    """The highest claim per stated date: how the toll evolved."""
    by_day: dict[str, dict] = {}
    for c in claims:
        d = c["date"]
        if d and (d not in by_day or c["value"] > by_day[d]["value"]):
            by_day[d] = c
    return [{"date": d, "value": c["value"], "qualifier": c["qualifier"], "claimant": c["claimant"],
             "figure_id": c["id"]} for d, c in sorted(by_day.items())]


def _figures_sql(where: list[str], paged: bool) -> str:
    if not paged:
        return f"SELECT {_FIG_COLS}{_FIG_FROM}{_and(where)} ORDER BY {_FIG_ORDER}"
    page = _page_sql("figures", "f", " LEFT JOIN articles a ON a.id = f.article_id", where,
                     _FIG_ORDER)
    return (f"WITH {page} SELECT {_FIG_COLS}{_FIG_FROM} "
            f"WHERE f.rowid IN (SELECT rid FROM page) ORDER BY {_FIG_ORDER}")


def _groups_sql(where: list[str], paged: bool) -> str:
    if not paged:
        return f"SELECT g.* FROM figure_groups g{_and(where)} ORDER BY {_GROUP_ORDER}"
    return (f"WITH {_page_sql('figure_groups', 'g', '', where, _GROUP_ORDER)} "
            "SELECT g.* FROM figure_groups g WHERE g.rowid IN (SELECT rid FROM page) "
            f"ORDER BY {_GROUP_ORDER}")


def _groups_with_claims(con, rows: list[dict]) -> list[dict]:
    claims = _claims_of(con, [r["id"] for r in rows])
    return [_group_dict(r, claims.get(r["id"], [])) for r in rows]


_FIGURE_PAGE = _PagedQuery("coalesce(f.stated_date, a.published_date)", "f.id",
                           partial(_figures_sql, paged=True), _each(_figure_dict))
_GROUP_PAGE = _PagedQuery("g.last_stated", "g.id", partial(_groups_sql, paged=True),
                          _groups_with_claims)


def query_figures(store: Store, flt: EventFilter | None = None, grouped: bool = False,
                  cursor: str | None = None, limit: int = 100) -> tuple[list[dict], Optional[str]]:
    """Figures (one per stated number) or, with ``grouped``, the low/best/high groups."""
    flt = flt or EventFilter()
    where, params = _figure_conditions(flt, "g" if grouped else "f", grouped)
    return _fetch_page(store, _GROUP_PAGE if grouped else _FIGURE_PAGE, where, params, cursor,
                       limit)


def _batches(it: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for item in it:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_figures(store: Store, flt: EventFilter | None = None, grouped: bool = False,
                 page_size: int = 1000) -> Iterator[dict]:
    """Every matching figure (or group) in page order, from one streamed query."""
    flt = flt or EventFilter()
    size = max(1, page_size)
    if not grouped:
        where, params = _figure_conditions(flt, "f", False)
        for r in _stream(store, _figures_sql(where, paged=False), params, size):
            yield _figure_dict(r)
        return
    where, params = _figure_conditions(flt, "g", True)
    for batch in _batches(_stream(store, _groups_sql(where, paged=False), params, size), size):
        con = store.cursor()
        try:
            claims = _claims_of(con, [r["id"] for r in batch])
        finally:
            con.close()
        for r in batch:
            yield _group_dict(r, claims.get(r["id"], []))


def get_figure_group(store: Store, group_id: str) -> Optional[dict]:
    con = store.cursor()
    try:
        rows = _rows(con, "SELECT * FROM figure_groups WHERE id = ?", [group_id])
        if not rows:
            return None
        return _group_dict(rows[0], _claims_of(con, [group_id]).get(group_id, []))
    finally:
        con.close()


# -- articles --------------------------------------------------------------------------------
_ARTICLE_COLS = ("a.id, a.title, a.outlet, a.url, a.published, a.published_date, a.source, "
                 "a.flags, a.near_duplicate_of, a.rewritten_copy_of, a.chars, a.extracted, "
                 "a.ingested_at")


def _article_dict(r: dict) -> dict:
    d = {k: r[k] for k in ("id", "title", "outlet", "url", "source", "near_duplicate_of",
                           "rewritten_copy_of", "chars")}
    d["published"] = _iso(r["published"])
    d["date"] = _iso(r["published_date"])
    d["flags"] = list(r["flags"] or [])
    d["extracted"] = bool(r["extracted"])
    d["ingested_at"] = _iso(r["ingested_at"])
    d["event_count"] = r.get("event_count", 0)
    d["figure_count"] = r.get("figure_count", 0)
    return d


_ARTICLE_ORDER = "a.published_date DESC NULLS LAST, a.id"


def _articles_sql(where: list[str]) -> str:
    # Events and figures are counted for the page's articles only, not for every article.
    return f"""WITH {_page_sql('articles', 'a', '', where, _ARTICLE_ORDER)},
            chosen AS (SELECT {_ARTICLE_COLS} FROM articles a WHERE a.rowid IN (SELECT rid FROM page))
        SELECT a.*,
            (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS event_count,
            (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figure_count
        FROM chosen a ORDER BY {_ARTICLE_ORDER}"""


_ARTICLE_PAGE = _PagedQuery("a.published_date", "a.id", _articles_sql, _each(_article_dict))


def query_articles(store: Store, flt: ArticleFilter | None = None, cursor: str | None = None,
                   limit: int = 100) -> tuple[list[dict], Optional[str]]:
    """Articles (metadata, flags, counts; no text), newest first."""
    flt = flt or ArticleFilter()
    where: list[str] = []
    params: list = []
    if flt.since:
        where.append("a.published_date >= ?::DATE")
        params.append(flt.since[:10])
    if flt.until:
        where.append("a.published_date <= ?::DATE")
        params.append(flt.until[:10])
    if flt.outlet:
        where.append("strpos(lower(a.outlet), lower(?)) > 0")
        params.append(flt.outlet)
    if flt.flag:
        where.append("list_contains(a.flags, ?)")
        params.append(flt.flag)
    if flt.text:
        where.append("(strpos(lower(a.title), lower(?)) > 0 OR strpos(lower(a.text), lower(?)) > 0)")
        params += [flt.text, flt.text]
    return _fetch_page(store, _ARTICLE_PAGE, where, params, cursor, limit)


def get_article(store: Store, article_id: str, with_text: bool = True) -> Optional[dict]:
    """One article with its flags, text, and the ids of its events and figures."""
    con = store.cursor()
    try:
        rows = _rows(con, f"SELECT {_ARTICLE_COLS}, a.text FROM articles a WHERE a.id = ?",
                     [article_id])
        if not rows:
            return None
        d = _article_dict(rows[0])
        if with_text:
            d["text"] = rows[0]["text"]
        d["event_ids"] = [r[0] for r in con.execute(
            "SELECT id FROM events WHERE article_id = ? ORDER BY evidence_start, id",
            [article_id]).fetchall()]
        d["figure_ids"] = [r[0] for r in con.execute(
            "SELECT id FROM figures WHERE article_id = ? ORDER BY evidence_start, id",
            [article_id]).fetchall()]
        d["resolved_event_ids"] = [r[0] for r in con.execute(
            "SELECT DISTINCT resolved_id FROM event_mentions WHERE article_id = ? ORDER BY 1",
            [article_id]).fetchall()]
        d["event_count"], d["figure_count"] = len(d["event_ids"]), len(d["figure_ids"])
        return d
    finally:
        con.close()


def filter_from_dict(params: dict) -> EventFilter:
    """An EventFilter from loose key/value pairs (query strings, CLI), ignoring None values."""
    known = {f.name for f in fields(EventFilter)}
    unknown = sorted(k for k, v in params.items() if v is not None and k not in known)
    if unknown:
        raise QueryError(f"unknown filter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}.")
    values = {k: v for k, v in params.items() if v is not None}
    if isinstance(values.get("bbox"), str):
        values["bbox"] = parse_bbox(values["bbox"])
    if isinstance(values.get("min_confidence"), str):
        try:
            values["min_confidence"] = float(values["min_confidence"])
        except ValueError:
            raise QueryError(f"min_confidence={values['min_confidence']!r} is not a number.") from None
    return EventFilter(**values)
