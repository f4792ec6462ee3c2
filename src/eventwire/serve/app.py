"""The REST API and the dashboard, as one FastAPI app over one store file."""
from __future__ import annotations

import contextlib
import hmac
import logging
import os
from pathlib import Path
from typing import Any, Callable, Optional

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import queries as q
from ..taxonomy import EVENT_TYPES
from . import formats
from .database import Database
from .writes import PayloadError, ingest_articles, parse_articles

log = logging.getLogger("eventwire.serve")
STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BODY = 10 * 1024 * 1024
DEFAULT_LIMIT = 100
PARENTS = list(dict.fromkeys(EVENT_TYPES.values()))
LEVELS = ("auto", "resolved", "mention")

VENDOR_MISSING = """<!doctype html><meta charset="utf-8"><title>eventwire</title>
<div style="font:15px system-ui;padding:2em;max-width:40em">
<h1>Dashboard assets are not installed</h1>
<p>The dashboard's front-end libraries (Leaflet, d3, world-atlas) come from npm at build time and
are not part of the repository. Run <code>make install</code> (or <code>make -C web install</code>)
and restart <code>eventwire serve</code>.</p>
<p>The REST API works without them: <a href="docs">/docs</a>, <a href="events">/events</a>.</p></div>"""


def _filter(**params: Any) -> q.EventFilter:
    try:
        return q.filter_from_dict(params)
    except q.QueryError as exc:
        raise HTTPException(400, str(exc)) from None


def _has_resolution(store) -> bool:
    con = store.cursor()
    try:
        return con.execute("SELECT count(*) > 0 FROM (SELECT 1 FROM resolved_events LIMIT 1)").fetchone()[0]
    finally:
        con.close()


def _page_response(rows: list[dict], next_cursor: Optional[str], fmt: str, request: Request,
                   extra: Optional[dict] = None) -> Response:
    headers = {}
    if next_cursor:
        # Clients that cannot read the body (CSV) still find the next page.
        url = request.url.include_query_params(cursor=next_cursor)
        headers["Link"] = f'<{url}>; rel="next"'
        headers["X-Next-Cursor"] = next_cursor
    if fmt == "csv":
        return Response(formats.to_csv(rows), media_type=formats.MEDIA_TYPES["csv"], headers=headers)
    if fmt == "geojson":
        body = formats.to_geojson(rows, next_cursor)
        return Response(formats.dumps(body), media_type=formats.MEDIA_TYPES["geojson"], headers=headers)
    body = {"items": rows, "count": len(rows), "next_cursor": next_cursor, **(extra or {})}
    return Response(formats.dumps(body), media_type="application/json", headers=headers)


def _format(request: Request, requested: Optional[str]) -> str:
    try:
        return formats.pick_format(requested, request.headers.get("accept", ""))
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


def create_app(db_path: str | Path, token: Optional[str] = None,
               max_body_bytes: int = DEFAULT_MAX_BODY) -> FastAPI:
    """``token`` enables POST /articles; None (and no EVENTWIRE_TOKEN) keeps the server read-only."""
    token = token if token is not None else (os.environ.get("EVENTWIRE_TOKEN") or None)
    db = Database(db_path)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        db.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Structured, sourced conflict-event data extracted from news. "
                              "Read endpoints are open; POST /articles needs a bearer token.")
    app.state.db = db
    app.state.writes_enabled = bool(token)

    @app.exception_handler(q.QueryError)
    async def _query_error(_request: Request, exc: q.QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    # ------------------------------------------------------------------ reads
    def level_of(store, level: str) -> bool:
        if level not in LEVELS:
            raise HTTPException(400, f"level={level!r}: use one of {', '.join(LEVELS)}.")
        return _has_resolution(store) if level == "auto" else level == "resolved"

    def one(get: Callable[[Any, str], Optional[dict]], what: str, item_id: str) -> Response:
        """One stored item as JSON, or 404 naming the id that is not there."""
        with db.reader() as store:
            item = get(store, item_id)
        if item is None:
            raise HTTPException(404, f"no {what} with id {item_id!r}.")
        return Response(formats.dumps(item), media_type="application/json")

    @app.get("/events", summary="Events matching the filters, one page at a time")
    def list_events(
        request: Request,
        type: Optional[str] = Query(None, description="codebook event type id"),
        parent: Optional[str] = Query(None, description="ACLED parent type"),
        since: Optional[str] = Query(None, description="YYYY-MM-DD, inclusive"),
        until: Optional[str] = Query(None, description="YYYY-MM-DD, inclusive"),
        country: Optional[str] = Query(None, description="ISO 3166 alpha-3"),
        place: Optional[str] = Query(None, description="substring of the place or admin1 name"),
        bbox: Optional[str] = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
        min_confidence: Optional[float] = Query(None, ge=0, le=1),
        level: str = Query("auto", description="resolved (one row per happening), mention "
                                               "(one per article telling it), or auto"),
        cursor: Optional[str] = None,
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=q.MAX_LIMIT),
        format: Optional[str] = Query(None, description="json, csv or geojson"),
    ) -> Response:
        fmt = _format(request, format)
        flt = _filter(type=type, parent=parent, since=since, until=until, country=country,
                      place=place, bbox=bbox, min_confidence=min_confidence)
        with db.reader() as store:
            resolved = level_of(store, level)
            rows, nxt = q.query_events(store, flt, resolved=resolved, cursor=cursor, limit=limit)
        return _page_response(rows, nxt, fmt, request,
                              {"level": "resolved" if resolved else "mention"})

    @app.get("/events/{event_id}", summary="One event with its mentions and evidence")
    def one_event(event_id: str) -> Response:
        return one(q.get_event, "event", event_id)

    @app.get("/figures", summary="Stated figures, or low/best/high groups with claimants")
    def list_figures(
        request: Request,
        quantity: Optional[str] = Query(None, description="killed, injured, displaced, ..."),
        since: Optional[str] = None, until: Optional[str] = None,
        country: Optional[str] = None, place: Optional[str] = None, bbox: Optional[str] = None,
        min_confidence: Optional[float] = Query(None, ge=0, le=1),
        grouped: bool = Query(False, description="reconciled groups (low/best/high) instead of "
                                                 "one row per stated number"),
        cursor: Optional[str] = None,
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=q.MAX_LIMIT),
        format: Optional[str] = None,
    ) -> Response:
        fmt = _format(request, format)
        flt = _filter(quantity=quantity, since=since, until=until, country=country, place=place,
                      bbox=bbox, min_confidence=min_confidence)
        with db.reader() as store:
            rows, nxt = q.query_figures(store, flt, grouped=grouped, cursor=cursor, limit=limit)
        return _page_response(rows, nxt, fmt, request)

    @app.get("/articles", summary="Articles (metadata, flags, counts)")
    def list_articles(
        request: Request,
        since: Optional[str] = None, until: Optional[str] = None,
        outlet: Optional[str] = None, flag: Optional[str] = None,
        text: Optional[str] = Query(None, description="substring of title or text"),
        cursor: Optional[str] = None,
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=q.MAX_LIMIT),
        format: Optional[str] = None,
    ) -> Response:
        fmt = _format(request, format)
        if fmt == "geojson":
            raise HTTPException(400, "articles have no geometry; use format=json or csv.")
        try:
            flt = q.ArticleFilter(since=since, until=until, outlet=outlet, flag=flag, text=text)
        except q.QueryError as exc:
            raise HTTPException(400, str(exc)) from None
        with db.reader() as store:
            rows, nxt = q.query_articles(store, flt, cursor=cursor, limit=limit)
        return _page_response(rows, nxt, fmt, request)

    @app.get("/articles/{article_id}", summary="One article with its text, flags, event ids")
    def one_article(article_id: str) -> Response:
        return one(q.get_article, "article", article_id)

    @app.get("/sitrep", summary="A situation report (HTML, Markdown or JSON)")
    def sitrep(
        since: Optional[str] = None, until: Optional[str] = None,
        country: Optional[str] = None, place: Optional[str] = None,
        format: str = Query("html", description="html, md or json"),
    ) -> Response:
        from ..report import sitrep as sr
        if format not in ("html", "md", "json"):
            raise HTTPException(400, f"format={format!r}: use html, md or json.")
        flt = _filter(since=since, until=until, country=country, place=place)
        with db.reader() as store:
            report = sr.build_sitrep(store, flt)
        if format == "json":
            return Response(formats.dumps(report.to_dict()), media_type="application/json")
        if format == "md":
            return Response(sr.render_markdown(report, figures=None),
                            media_type="text/markdown; charset=utf-8")
        return HTMLResponse(sr.render_html(report))

    @app.get("/meta", summary="Vocabularies and what the store holds (for the dashboard)")
    def meta() -> dict:
        with db.reader() as store:
            con = store.cursor()
            try:
                resolved = _has_resolution(store)
                table = "resolved_events" if resolved else "events"
                countries = con.execute(
                    f"SELECT country, count(*) FROM {table} WHERE country IS NOT NULL "
                    "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
                dmin, dmax, total = con.execute(
                    f"SELECT min(date), max(date), count(*) FROM {table}").fetchone()
            finally:
                con.close()
        return {"version": __version__, "types": EVENT_TYPES, "parents": PARENTS,
                "level": "resolved" if resolved else "mention",
                "countries": [{"code": c, "count": n} for c, n in countries],
                "date_min": dmin.isoformat() if dmin else None,
                "date_max": dmax.isoformat() if dmax else None, "total": total,
                "writes_enabled": app.state.writes_enabled}

    # ------------------------------------------------------------------ writes
    @app.post("/articles", status_code=201,
              summary="Ingest and extract articles (one JSON object, an array, or JSON lines)",
              responses={401: {"description": "missing or wrong bearer token"},
                         403: {"description": "writes are disabled (no EVENTWIRE_TOKEN)"},
                         413: {"description": "body too large"}})
    async def post_articles(request: Request) -> JSONResponse:
        if not token:
            raise HTTPException(403, "writes are disabled on this server: start it with "
                                     "EVENTWIRE_TOKEN set to accept POST /articles.")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token: send "
                                     "'Authorization: Bearer <EVENTWIRE_TOKEN>'.",
                                headers={"WWW-Authenticate": "Bearer"})
        body = await _read_limited(request, max_body_bytes)
        try:
            articles = parse_articles(body)
        except PayloadError as exc:
            raise HTTPException(400, str(exc)) from None
        try:
            result = await db.write(lambda store: ingest_articles(store, articles))
        except Exception as exc:  # noqa: BLE001 - the client needs an answer, not a dropped socket
            log.exception("POST /articles failed")
            raise HTTPException(500, f"ingest failed ({type(exc).__name__}: {exc}); articles read "
                                     "before the failure may be stored; the server log has details.") from None
        return JSONResponse(result, status_code=201)

    # ------------------------------------------------------------------ dashboard
    vendor_ok = (STATIC / "vendor" / "leaflet" / "leaflet.js").is_file()

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        if not vendor_ok:
            return HTMLResponse(VENDOR_MISSING, status_code=503)
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


async def _read_limited(request: Request, limit: int) -> bytes:
    """The body, refusing (413) before reading when Content-Length says it is too large, and
    while streaming when it does not say."""
    too_big = HTTPException(413, f"body larger than the limit of {limit // (1024 * 1024)} MB; "
                                 "send fewer articles per request.")
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise too_big
        except ValueError:
            raise HTTPException(400, "Content-Length is not a number.") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)
