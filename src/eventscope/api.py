"""The REST API and the dashboard: ``create_app(db_path, token=None)`` -> a FastAPI app.

Read-only over one eventscope database (DuckDB opened with ``read_only=True``; each request works
on its own cursor).  Format suffixes like datasette: ``/events.json``, ``/events.csv``,
``/events.geojson`` share one set of filters (``type``, ``country``, ``admin1``, ``actor``,
``factuality``, ``since``/``until``, ``bbox``, ``q``; ``limit``/``offset``) that become
parameterised SQL in ``queries.Filters``.  Every error, whatever its cause, is one JSON envelope
``{"error": {"code": "E5xx", "status": 4xx, "message": "...", "details": [...]}}``.

With a ``token`` every data endpoint wants ``Authorization: Bearer <token>``, ``?token=<token>``
or the cookie that opening the dashboard as ``/?token=<token>`` sets; the dashboard page, its
static files and the OpenAPI documentation (``/docs``, ``/openapi.json``) hold no data and stay open.
"""

import datetime as dt
import hmac
import io
import ipaddress
import json
import logging
import math
import mimetypes
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import pyarrow.csv as pacsv
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .alerts import SCOPES, Scope, weekly_alerts
from .errors import EventscopeError
from .queries import Filters, count_events, escape_like, events_sql, select_events
from .exports import FLAT_COLUMNS, to_geojson
from .store import Store

log = logging.getLogger("eventscope.api")
STATIC = Path(__file__).parent / "web" / "static"
MAX_LIMIT = 100_000
TOKEN_COOKIE = "eventscope_token"
mimetypes.add_type("text/javascript", ".mjs")


# -- response models (for the OpenAPI document; handlers build their JSON directly) --------------
class ErrorBody(BaseModel):
    code: str = Field(description="Stable error code, e.g. E501 (see errors.py).")
    status: int
    message: str
    details: list[Any] = []


class ErrorEnvelope(BaseModel):
    error: ErrorBody


class EventsPage(BaseModel):
    total: int = Field(description="Events matching the filters, ignoring limit/offset.")
    limit: int
    offset: int
    count: int = Field(description="Events in this page.")
    events: list[dict[str, Any]] = Field(description="Event records (the `extract --format jsonl` contract).")


class EventDetail(BaseModel):
    event: dict[str, Any]
    evidence: dict[str, Any]
    reasons: dict[str, Optional[str]]
    actors: list[dict[str, Any]]
    article: dict[str, Any]


class ArticlesPage(BaseModel):
    total: int
    limit: int
    offset: int
    articles: list[dict[str, Any]]


class ActorsGraph(BaseModel):
    actors: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class Timeline(BaseModel):
    interval: str
    series: list[dict[str, Any]]
    totals: list[dict[str, Any]]
    undated: int = Field(description="Matching events whose date is too coarse for the interval.")


class AlertsList(BaseModel):
    alerts: list[dict[str, Any]]


class Facets(BaseModel):
    event_types: list[str]
    countries: list[str]
    admin1: list[dict[str, Any]]
    factualities: list[str]
    date_min: Optional[str]
    date_max: Optional[str]
    n_events: int
    n_articles: int


ERROR_RESPONSES = {status: {"model": ErrorEnvelope, "description": text} for status, text in
                   ((400, "Bad filter value"), (401, "Missing or wrong token"), (404, "Not found"),
                    (405, "Method not allowed"), (422, "Invalid parameter"))}


class Factuality(str, Enum):
    asserted = "asserted"
    planned = "planned"
    hypothetical = "hypothetical"
    negated = "negated"
    historical = "historical"
    reported_claim = "reported-claim"


class Interval(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class Sort(str, Enum):
    oldest = "date"
    newest = "-date"


# Events precise enough to be counted in a period of each interval (coarser ones are "undated").
PRECISIONS = {"day": ["day", "article"], "week": ["day", "article", "week"],
              "month": ["day", "article", "week", "month"]}


class _Db:
    """What ``queries`` expects of a store: a ``con`` (here a per-request DuckDB cursor)."""

    def __init__(self, con):
        self.con = con


def _error(status: int, code: str, message: str, details: list | None = None, headers=None) -> JSONResponse:
    body = {"error": {"code": code, "status": status, "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def _iso_date(value: Any) -> Any:
    """Accept only YYYY-MM-DD for date parameters (pydantic alone would read "0" as 1970-01-01)."""
    if isinstance(value, str) and (len(value) != 10 or value[4] != "-" or value[7] != "-"):
        raise ValueError("expected a date YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


BBOX_PATTERN = r"^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?){3}\s*$"


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """Parse ``west,south,east,north``; latitudes are clamped to ±90 and put in order, longitudes
    clamped to ±180 (west > east is a box across the antimeridian).  E506 unless four finite numbers."""
    if value is None or value == "":
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        raise EventscopeError("E506", value=value) from None
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise EventscopeError("E506", value=value)
    west, south, east, north = (max(-lim, min(lim, v)) for v, lim in zip(parts, (180, 90, 180, 90)))
    return west, min(south, north), east, max(south, north)


def event_filters(
    type: Annotated[Optional[str], Query(max_length=64, description="PLOVER event type, e.g. ASSAULT.")] = None,
    country: Annotated[Optional[str], Query(max_length=8, description="ISO3 of the place, source or target.")] = None,
    admin1: Annotated[Optional[str], Query(max_length=200, description="First-level division of the place.")] = None,
    actor: Annotated[Optional[str], Query(max_length=200, description="Substring of a source/target.")] = None,
    factuality: Annotated[Optional[Factuality], Query()] = None,
    since: Annotated[Optional[IsoDate], Query(description="Events on/after this date.")] = None,
    until: Annotated[Optional[IsoDate], Query(description="Events on/before this date.")] = None,
    bbox: Annotated[Optional[str], Query(max_length=200, pattern=BBOX_PATTERN,
                                         description="west,south,east,north (degrees) around the place; "
                                                     "west > east crosses the antimeridian.")] = None,
    q: Annotated[Optional[str], Query(max_length=200, description="Words that must all occur in the evidence, "
                                                                  "trigger, place or actors.")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    sort: Annotated[Optional[Sort], Query(description="`date` (oldest first) or `-date` (newest first).")] = None,
) -> Filters:
    """The shared filters of the event endpoints."""
    return Filters(event_type=type or None, country=country or None, admin1=admin1 or None, actor=actor or None,
                   factuality=factuality.value if factuality else None, since=since, until=until,
                   bbox=_bbox(bbox), q=q or None, limit=limit, offset=offset,
                   newest_first=sort is Sort.newest)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); any other name or address is not."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse (E504) to serve beyond loopback without a token."""
    if not token and not is_loopback(host):
        raise EventscopeError("E504", host=host)


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The API + dashboard over ``db_path`` (opened read-only; E303/E301/E302 if it is not a database)."""
    store = Store(db_path, read_only=True)
    app = FastAPI(title="eventscope", version=__version__, docs_url=None, redoc_url=None,
                  description="Events extracted by eventscope: filter, page, export; timeline, actors, alerts. "
                              "Read-only. Every error is `{\"error\": {code, status, message, details}}`.")
    app.state.store = store

    def db() -> Iterator[_Db]:
        cursor = store.con.cursor()
        try:
            yield _Db(cursor)
        finally:
            cursor.close()

    def check_token(request: Request) -> None:
        if token is None:
            return
        given = request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise StarletteHTTPException(401)

    Db = Annotated[_Db, Depends(db)]
    EventFilters = Annotated[Filters, Depends(event_filters)]
    api = APIRouter(dependencies=[Depends(check_token)], responses=ERROR_RESPONSES)

    @api.get("/events.json", response_model=EventsPage, tags=["events"])
    def events_json(filters: EventFilters, con: Db):
        """Matching events as full records, ordered by date then id, with the total count."""
        total = count_events(con, filters)
        records = [r[0] for r in select_events(con, filters, "record").fetchall()]
        head = json.dumps({"total": total, "limit": filters.limit, "offset": filters.offset, "count": len(records)})
        return Response(head[:-1] + ', "events": [' + ",".join(records) + "]}", media_type="application/json")

    @api.get("/events.csv", tags=["events"], response_class=Response,
             responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"}})
    def events_csv(filters: EventFilters, con: Db):
        """Matching events as CSV, one flat row per event (the columns of `eventscope export --format csv`)."""
        buffer = io.BytesIO()
        sql, params = events_sql(filters, FLAT_COLUMNS)
        reader = con.con.sql(sql, params=params).to_arrow_reader()
        with pacsv.CSVWriter(buffer, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")

    @api.get("/events.geojson", tags=["events"], response_class=Response,
             responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}},
                              "description": "GeoJSON FeatureCollection"}})
    def events_geojson(filters: EventFilters, con: Db):
        """Matching events that have coordinates, as a GeoJSON FeatureCollection of points.

        Paging counts located events only, so every page is full."""
        filters.located = True
        records = [json.loads(r[0]) for r in select_events(con, filters, "record").fetchall()]
        body = to_geojson(records)
        body["total"] = count_events(con, filters)
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json")

    @api.get("/events/{event_id}.json", response_model=EventDetail, tags=["events"])
    def event_detail(event_id: Annotated[str, PathParam(max_length=200)], con: Db):
        """One event with its evidence sentence, the reasons for its type, place, date and actors, and
        its article's text (the evidence offsets index into it)."""
        row = con.con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
        if row is None:
            raise EventscopeError("E502", event_id=event_id)
        record = json.loads(row[0])
        art = con.con.execute("SELECT article_id, title, url, source, CAST(published AS VARCHAR), published_from, "
                              "text FROM articles WHERE article_id = ?", [record["article_id"]]).fetchone()
        article = dict(zip(("article_id", "title", "url", "source", "published", "published_from", "text"),
                           art)) if art else {"article_id": record["article_id"], "text": None}
        actors = [dict(zip(("role", "text", "country", "sector", "name", "reason"), r)) for r in con.con.execute(
            "SELECT role, text, country, sector, name, reason FROM actors WHERE event_id = ? ORDER BY role",
            [event_id]).fetchall()]
        return {"event": record, "evidence": record.get("evidence") or {}, "reasons": _reasons(record),
                "actors": actors, "article": article}

    @api.get("/articles.json", response_model=ArticlesPage, tags=["articles"])
    def articles_json(con: Db, q: Annotated[Optional[str], Query(max_length=200,
                                                                 description="Substring of the title.")] = None,
                      limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 100,
                      offset: Annotated[int, Query(ge=0, le=10**9)] = 0):
        """Articles (without their text), newest first, with their number of events."""
        where, params = "", []
        if q:
            where, params = " WHERE a.title ILIKE ? ESCAPE '\\'", [f"%{escape_like(q)}%"]
        total = con.con.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
        rows = con.con.execute(
            "SELECT a.article_id, a.title, a.url, a.source, CAST(a.published AS VARCHAR), a.error, "
            f"(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) FROM articles a{where} "
            "ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
        keys = ("article_id", "title", "url", "source", "published", "error", "n_events")
        return {"total": total, "limit": limit, "offset": offset, "articles": [dict(zip(keys, r)) for r in rows]}

    @api.get("/actors.json", response_model=ActorsGraph, tags=["actors"])
    def actors_json(filters: EventFilters, con: Db):
        """Who acts on whom among the matching events: actors (by coded name, else their lower-cased text) with their
        counts as source and target, and source -> target edges with counts by event type.  ``limit``
        caps the number of actors (the most active) and edges."""
        where, params = filters.where()
        base = (f"SELECT event_type, coalesce(source_name, {_uncoded('source_text')}) AS s, source_country AS sc, "
                f"source_sector AS ss, coalesce(target_name, {_uncoded('target_text')}) AS t, target_country AS tc, "
                f"target_sector AS ts FROM events{where}")
        actors = con.con.execute(
            f"WITH m AS ({base}), roles AS (SELECT s AS actor, sc AS country, ss AS sector, 1 AS src, 0 AS tgt "
            "FROM m WHERE s IS NOT NULL UNION ALL SELECT t, tc, ts, 0, 1 FROM m WHERE t IS NOT NULL) "
            "SELECT actor, mode(country), mode(sector), sum(src) + sum(tgt) AS n, sum(src), sum(tgt) FROM roles "
            "GROUP BY actor ORDER BY n DESC, actor LIMIT ?", params + [filters.limit]).fetchall()
        edges = con.con.execute(
            f"WITH m AS ({base}) SELECT s, t, count(*) AS n, list(DISTINCT event_type ORDER BY event_type) "
            "FROM m WHERE s IS NOT NULL AND t IS NOT NULL GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?",
            params + [filters.limit]).fetchall()
        return {"actors": [dict(zip(("actor", "country", "sector", "n_events", "as_source", "as_target"), r))
                           for r in actors],
                "edges": [dict(zip(("source", "target", "n_events", "event_types"), r)) for r in edges]}

    @api.get("/timeline.json", response_model=Timeline, tags=["events"])
    def timeline_json(filters: EventFilters, con: Db, interval: Interval = Interval.week):
        """Counts of matching events per period (day, ISO week from Monday, month) and per event type.
        Events whose date is coarser than the interval (a year, a month for weekly counts, unanchored)
        are counted as ``undated``; ``limit``/``offset`` are ignored."""
        where, params = filters.where()
        precisions = PRECISIONS[interval.value]
        sql = (f"SELECT CAST(CAST(date_trunc(?, date_start) AS DATE) AS VARCHAR) AS period, event_type, count(*) "
               f"FROM events{where}{' AND' if where else ' WHERE'} date_start IS NOT NULL "
               "AND date_precision IN (SELECT unnest(?)) GROUP BY ALL ORDER BY period, event_type")
        rows = con.con.execute(sql, [interval.value] + params + [precisions]).fetchall()
        totals: dict[str, int] = {}
        for period, _, n in rows:
            totals[period] = totals.get(period, 0) + n
        filters.limit = None
        undated = count_events(con, filters) - sum(totals.values())
        return {"interval": interval.value,
                "series": [{"period": p, "event_type": t, "count": n} for p, t, n in rows],
                "totals": [{"period": p, "count": n} for p, n in totals.items()], "undated": undated}

    @api.get("/alerts.json", response_model=AlertsList, tags=["alerts"])
    def alerts_json(con: Db, since: Optional[IsoDate] = None, until: Optional[IsoDate] = None,
                    scope: Optional[Scope] = None, min_baseline: Annotated[int, Query(ge=1, le=1000)] = 3,
                    include_all: bool = False, weeks: Annotated[int, Query(ge=1, le=520)] = 1):
        """Weekly change per country / admin1 / event type in ACLED Trendfinder levels, and surges
        (>= 100 % over the prior four-week average), for the weeks from ``since`` to ``until``
        (default: the last ``weeks`` weeks up to the latest week with dated events).  Each alert carries
        its numbers and a reason."""
        scopes = (scope.value,) if scope else SCOPES
        return {"alerts": weekly_alerts(con.con, since=since, until=until, min_baseline=min_baseline,
                                        include_all=include_all, scopes=scopes, weeks=weeks)}

    @api.get("/facets.json", response_model=Facets, tags=["events"])
    def facets_json(con: Db):
        """The values the filters can take in this database (for the dashboard's selectors)."""
        c = con.con

        def column(sql: str) -> list:
            return [r[0] for r in c.execute(sql).fetchall()]

        dmin, dmax, n = c.execute("SELECT CAST(min(date_start) AS VARCHAR), CAST(max(date_end) AS VARCHAR), "
                                  "count(*) FROM events").fetchone()
        return {
            "event_types": column("SELECT DISTINCT event_type FROM events WHERE event_type IS NOT NULL ORDER BY 1"),
            "countries": column("SELECT DISTINCT location_country FROM events WHERE location_country IS NOT NULL "
                                "ORDER BY 1"),
            "admin1": [{"country": r[0], "admin1": r[1]} for r in c.execute(
                "SELECT DISTINCT location_country, location_admin1 FROM events WHERE location_admin1 IS NOT NULL "
                "ORDER BY 1, 2").fetchall()],
            "factualities": column("SELECT DISTINCT factuality FROM events WHERE factuality IS NOT NULL ORDER BY 1"),
            "date_min": dmin, "date_max": dmax, "n_events": n,
            "n_articles": c.execute("SELECT count(*) FROM articles").fetchone()[0],
        }

    app.include_router(api)
    _dashboard(app, token)
    _error_handlers(app)
    return app


def _uncoded(column: str) -> str:
    """SQL naming an actor that has no coded name by its text, lower-cased without a leading article
    ("The police", "the police" and "police" are one node)."""
    return f"lower(regexp_replace({column}, '^(the|a|an) ', '', 'i'))"


def _reasons(record: dict) -> dict[str, str | None]:
    """Why the event has its type, mode, factuality, fatalities, place, date and actors."""
    reasons = dict(record.get("reasons") or {})
    for key, field in (("place", "location"), ("date", "date"), ("source", "source"), ("target", "target")):
        reasons[key] = (record.get(field) or {}).get("reason")
    return {k: (v if v is None else str(v)) for k, v in reasons.items()}


def _dashboard(app: FastAPI, token: str | None) -> None:
    """``/`` (the dashboard), ``/static`` (its files) and ``/docs`` (Swagger UI from the same files)."""

    @app.get("/", include_in_schema=False)
    def index(request: Request):
        response = FileResponse(STATIC / "index.html", media_type="text/html")
        given = request.query_params.get("token")
        if token is not None and given and hmac.compare_digest(given.encode(), token.encode()):
            response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict")
        return response

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventscope API",
                                   swagger_js_url="/static/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static/docs/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")


def _error_handlers(app: FastAPI) -> None:
    """Every error as one envelope: ``{"error": {"code", "status", "message", "details"}}``."""

    @app.exception_handler(EventscopeError)
    async def eventscope_error(request: Request, exc: EventscopeError):
        status = {"E502": 404, "E503": 401, "E505": 404}.get(exc.code, 400)
        return _error(status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        where = "; ".join(f"{'.'.join(str(x) for x in d['loc'])}: {d['msg']}" for d in details)
        return _error(422, "E501", EventscopeError("E501", detail=where).detail, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 401:
            return _error(401, "E503", EventscopeError("E503").detail)
        if exc.status_code == 404:
            return _error(404, "E505", EventscopeError("E505", path=request.url.path).detail)
        return _error(exc.status_code, "E501", EventscopeError("E501", detail=str(exc.detail)).detail,
                      headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return _error(500, "E507", EventscopeError("E507", kind=type(exc).__name__).detail)
