"""One query layer over the events table, shared by the CLI, exports, the REST API and the Python API.

Filters become parameterised SQL (never string-formatted values).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from .errors import EventscopeError
from .store import Store


@dataclass
class Filters:
    event_type: str | None = None  # PLOVER type, case-insensitive
    country: str | None = None  # ISO3 of the location, source or target
    actor: str | None = None  # substring of a source/target text or name
    since: dt.date | str | None = None  # event date range overlaps [since, until]
    until: dt.date | str | None = None
    factuality: str | None = None  # one value, or several comma-separated
    admin1: str | None = None  # first-level division of the location (name, case-insensitive)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north of the location
    q: str | None = None  # full text: every word must occur in the evidence, trigger, place or an actor
    article_id: str | None = None
    located: bool = False  # only events with coordinates
    newest_first: bool = False  # order by date descending (default: ascending)
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.event_type:
            clauses.append("upper(event_type) = upper(?)")
            params.append(self.event_type)
        if self.country:
            clauses.append("upper(?) IN (location_country, source_country, target_country)")
            params.append(self.country)
        if self.actor:
            clauses.append(
                "(source_text ILIKE ? OR source_name ILIKE ? OR target_text ILIKE ? OR target_name ILIKE ?)")
            params += [f"%{self.actor}%"] * 4
        if self.since:
            clauses.append("date_end >= CAST(? AS DATE)")
            params.append(str(self.since))
        if self.until:
            clauses.append("date_start <= CAST(? AS DATE)")
            params.append(str(self.until))
        if self.factuality:  # one value or several, comma-separated ("asserted,historical")
            values = factualities(self.factuality)
            clauses.append(f"factuality IN ({', '.join('?' * len(values))})")
            params.extend(values)
        if self.admin1:
            clauses.append("lower(location_admin1) = lower(?)")
            params.append(self.admin1)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = (float(v) for v in self.bbox)
            # west > east: the box crosses the antimeridian
            lon_clause = "lon BETWEEN ? AND ?" if min_lon <= max_lon else "(lon >= ? OR lon <= ?)"
            clauses.append(f"{lon_clause} AND lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        for word in (self.q or "").split():
            clauses.append(f"{_TEXT} ILIKE ? ESCAPE '\\'")
            params.append(f"%{escape_like(word)}%")
        if self.article_id:
            clauses.append("article_id = ?")
            params.append(self.article_id)
        if self.located:
            clauses.append("lat IS NOT NULL AND lon IS NOT NULL")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# What the full-text filter searches: the evidence sentence, trigger, place name and actor texts and names.
_TEXT = ("concat_ws(' ', evidence, trigger, location_name, source_text, source_name, target_text, target_name,"
         " quote_speaker)")


def escape_like(text: str) -> str:
    """``text`` with LIKE wildcards (``%``, ``_``) and the escape character taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def count_events(store: Store, filters: Filters | None = None) -> int:
    """How many events match ``filters`` (ignoring its limit and offset)."""
    where, params = (filters or Filters()).where()
    return store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]


def events_sql(filters: Filters | None = None, columns: str = "*") -> tuple[str, list]:
    """The parameterised SELECT of matching events, ordered by date then id, and its parameters."""
    filters = filters or Filters()
    where, params = filters.where()
    order = "date_start DESC NULLS LAST, event_id DESC" if filters.newest_first else "date_start NULLS LAST, event_id"
    sql = f"SELECT {columns} FROM events{where} ORDER BY {order}"
    if filters.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(filters.limit), int(filters.offset)]
    return sql, params


FACTUALITIES = ("asserted", "planned", "hypothetical", "negated", "historical", "reported-claim")


def factualities(value: str) -> list[str]:
    """The factuality values of a filter ("asserted,historical", any case); an unknown one is error E407."""
    values = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [v for v in values if v not in FACTUALITIES]
    if bad or not values:
        raise EventscopeError("E407", value=value, choices=", ".join(FACTUALITIES))
    return values


def select_events(store: Store, filters: Filters | None = None, columns: str = "*"):
    """Matching events (an executed DuckDB result), ordered by date then id."""
    sql, params = events_sql(filters, columns)
    return store.con.execute(sql, params)


def query(db: str, **kwargs):
    """Python API: matching events as a pandas DataFrame (``eventscope.query("events.duckdb", country="AFG")``)."""
    names = {f.name for f in fields(Filters)}
    unknown = sorted(set(kwargs) - names)
    if unknown:
        raise EventscopeError("E405", names=", ".join(unknown), known=", ".join(sorted(names)))
    with Store(db, read_only=True) as store:
        return select_events(store, Filters(**kwargs)).df()
