"""One query layer over the events table, shared by the CLI, exports and the Python API.

Filters become parameterised SQL (never string-formatted values).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from .store import Store


@dataclass
class Filters:
    event_type: str | None = None  # PLOVER type, case-insensitive
    country: str | None = None  # ISO3 of the location, source or target
    actor: str | None = None  # substring of a source/target text or name
    since: dt.date | str | None = None  # event date range overlaps [since, until]
    until: dt.date | str | None = None
    factuality: str | None = None
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
        if self.factuality:
            clauses.append("factuality = ?")
            params.append(self.factuality)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_events(store: Store, filters: Filters | None = None, columns: str = "*"):
    """A DuckDB relation of matching events, ordered by date then id."""
    filters = filters or Filters()
    where, params = filters.where()
    sql = f"SELECT {columns} FROM events{where} ORDER BY date_start NULLS LAST, event_id"
    if filters.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(filters.limit), int(filters.offset)]
    return store.con.execute(sql, params)


def query(db: str, **kwargs):
    """Python API: matching events as a pandas DataFrame (``eventscope.query("events.duckdb", country="AFG")``)."""
    names = {f.name for f in fields(Filters)}
    with Store(db, read_only=True) as store:
        return select_events(store, Filters(**{k: v for k, v in kwargs.items() if k in names})).df()
