"""The DuckDB store: the only writer of an eventscope database.

Tables: ``meta`` (schema version), ``runs`` (config + versions per run),
``articles``, ``events`` (flat columns for querying plus the full JSON
``record``), ``actors`` (one row per event role), ``places`` (resolved
toponym mentions), ``problems`` (skipped inputs), and since schema 2 the
cross-article dedup result: ``canonical_events`` (one row per real-world event
with its mention/source counts) and ``event_mentions`` (every event linked to
its canonical event, with why); see ``dedup.py``.  A schema-1 database is
migrated in place when opened for writing (the two tables are added) and is
readable as it is.  Each batch is written in
one transaction that first deletes whatever the same articles had stored, so
re-running the same article never duplicates its events and an interrupted
run loses at most the batch in flight; ``stored_article_ids()`` lets
``--resume`` skip what is already done.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from .attributes import date_bounds
from .errors import EventscopeError
from .schema import Work

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)  # schema 1 lacks only the dedup tables

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, status VARCHAR,
  inputs JSON, config JSON, versions JSON, n_articles INTEGER, n_events INTEGER, n_problems INTEGER);
CREATE TABLE IF NOT EXISTS articles (
  article_id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, source VARCHAR, published DATE,
  published_from VARCHAR, origin VARCHAR, line INTEGER, text VARCHAR, metadata JSON, error VARCHAR,
  run_id VARCHAR, processed_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY, article_id VARCHAR, event_type VARCHAR, mode VARCHAR, cameo_root VARCHAR,
  acled_event_type VARCHAR, acled_sub_event_type VARCHAR, trigger VARCHAR,
  source_text VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
  target_text VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
  location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
  geonameid BIGINT, location_precision VARCHAR, date_value VARCHAR, date_precision VARCHAR,
  date_start DATE, date_end DATE, factuality VARCHAR, fatalities INTEGER, quote_speaker VARCHAR,
  evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, confidence DOUBLE, record JSON);
CREATE TABLE IF NOT EXISTS actors (
  event_id VARCHAR, article_id VARCHAR, role VARCHAR, text VARCHAR, country VARCHAR, sector VARCHAR,
  name VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS places (
  article_id VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, name VARCHAR, country VARCHAR,
  admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, precision VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS problems (run_id VARCHAR, message VARCHAR, reported_at TIMESTAMP);
"""

# Schema 2: cross-article dedup (written by ``Store.write_canonical``, rebuilt at the end of every run).
DDL_V2 = """
CREATE TABLE IF NOT EXISTS canonical_events (
  canonical_id VARCHAR PRIMARY KEY, event_id VARCHAR, family VARCHAR, mentions INTEGER, articles INTEGER,
  sources INTEGER, first_seen DATE, last_seen DATE, day_first DATE, day_last DATE, reason VARCHAR);
CREATE TABLE IF NOT EXISTS event_mentions (
  canonical_id VARCHAR, event_id VARCHAR PRIMARY KEY, article_id VARCHAR, outlet VARCHAR, published DATE,
  linked_to VARCHAR, similarity DOUBLE, reason VARCHAR);
"""

EVENT_COLUMNS = [
    "event_id", "article_id", "event_type", "mode", "cameo_root", "acled_event_type", "acled_sub_event_type",
    "trigger", "source_text", "source_country", "source_sector", "source_name", "target_text", "target_country",
    "target_sector", "target_name", "location_name", "location_country", "location_admin1", "lat", "lon",
    "geonameid", "location_precision", "date_value", "date_precision", "date_start", "date_end", "factuality",
    "fatalities", "quote_speaker", "evidence", "evidence_start", "evidence_end", "confidence", "record",
]


def event_row(ev) -> list:
    src, tgt, loc, date = ev.source, ev.target, ev.location, ev.date
    bounds = date_bounds(date.value) if date and date.value else None
    return [
        ev.event_id, ev.article_id, ev.event_type, ev.mode, ev.cameo_root, ev.acled_event_type,
        ev.acled_sub_event_type, ev.trigger.text,
        src and src.text, src and src.country, src and src.sector, src and src.name,
        tgt and tgt.text, tgt and tgt.country, tgt and tgt.sector, tgt and tgt.name,
        loc and loc.name, loc and loc.country, loc and loc.admin1, loc and loc.lat, loc and loc.lon,
        loc and loc.geonameid, loc and loc.precision,
        date and date.value, date and date.precision, bounds and bounds[0], bounds and bounds[1],
        ev.factuality, ev.fatalities, ev.quote and ev.quote.speaker,
        ev.evidence.text, ev.evidence.start, ev.evidence.end, ev.confidence, ev.model_dump_json(),
    ]


class Store:
    """Read-write handle (pipeline) or read-only handle (query, export, API)."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self._columns: dict[str, list[str]] = {}  # table -> column names, for _insert
        if read_only and not Path(self.path).exists():
            raise EventscopeError("E303", path=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise EventscopeError("E304", path=self.path, detail=str(exc).splitlines()[0]) from None
        if read_only:
            self._check_schema()
        else:
            self.con.execute(DDL)
            found = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found is not None and int(found[0]) not in READABLE_VERSIONS:
                raise EventscopeError("E302", path=self.path, found=found[0], expected=SCHEMA_VERSION)
            self._migrate()

    def _migrate(self) -> None:
        """Bring a new or schema-1 database to ``SCHEMA_VERSION`` in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(DDL_V2)  # 1 -> 2: add the dedup tables
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _check_schema(self) -> None:
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for table in ("meta", "events", "articles"):
            if table not in tables:
                raise EventscopeError("E301", path=self.path, table=table)
        found = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if not found or int(found[0]) not in READABLE_VERSIONS:
            raise EventscopeError("E302", path=self.path, found=found and found[0], expected=SCHEMA_VERSION)

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- runs -------------------------------------------------------------
    def start_run(self, inputs: list[str], config: dict, versions: dict) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, 'running', ?, ?, ?, 0, 0, 0)",
            [run_id, dt.datetime.now(), json.dumps(inputs), json.dumps(config), json.dumps(versions)],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, n_articles: int, n_events: int, n_problems: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, status = ?, n_articles = ?, n_events = ?, n_problems = ? WHERE run_id = ?",
            [dt.datetime.now(), status, n_articles, n_events, n_problems, run_id],
        )

    def add_problem(self, run_id: str, message: str) -> None:
        self.con.execute("INSERT INTO problems VALUES (?, ?, ?)", [run_id, message, dt.datetime.now()])

    def stored_article_ids(self) -> set[str]:
        """Articles stored without error (a failed article is retried on --resume)."""
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles WHERE error IS NULL").fetchall()}

    # -- writing ----------------------------------------------------------
    def write_batch(self, batch: list[Work], run_id: str) -> int:
        """Store a processed batch atomically; returns the number of events written."""
        now = dt.datetime.now()
        batch = list({w.article.article_id: w for w in batch}.values())  # same article twice: last wins
        ids = [w.article.article_id for w in batch]
        articles = [
            [a.article_id, a.title, a.url, a.source, a.published, a.published_from, a.origin, a.line, a.text,
             json.dumps(a.metadata, default=str), w.error, run_id, now]
            for w in batch for a in [w.article]
        ]
        events = [ev for w in batch for ev in w.events]
        actors = [[ev.event_id, ev.article_id, role, act.text, act.country, act.sector, act.name, act.reason]
                  for ev in events for role, act in (("source", ev.source), ("target", ev.target)) if act]
        places = [[w.article.article_id, p.text, p.start, p.end, p.name, p.country, p.admin1, p.lat, p.lon,
                   p.geonameid, p.precision, p.reason] for w in batch for p in w.places]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in ("events", "actors", "places", "articles"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            self._insert("articles", articles, keyed=True)
            self._insert("events", [event_row(ev) for ev in events], keyed=True)
            self._insert("actors", actors)
            self._insert("places", places)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(events)

    def write_canonical(self, canonical: pa.Table, mentions: pa.Table) -> int:
        """Replace the dedup tables with ``dedup.deduplicate``'s result in one transaction;
        returns the number of canonical events."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, data in (("canonical_events", canonical), ("event_mentions", mentions)):
                self.con.execute(f"DELETE FROM {table}")
                self.con.register("_dedup", data)
                try:
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _dedup")
                finally:
                    self.con.unregister("_dedup")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return canonical.num_rows

    def _insert(self, table: str, rows: list[list], keyed: bool = False) -> None:
        """Bulk insert through Arrow (row-by-row executemany is slow in DuckDB).

        ``keyed`` tables have their primary key in column 0: the last row per key wins
        (the same article twice in one batch is stored once)."""
        if not rows:
            return
        if keyed:
            rows = list({r[0]: r for r in rows}.values())
        names = self._columns.get(table)
        if names is None:  # the store's tables never change shape while it is open
            names = self._columns[table] = [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]
        arrow = pa.table({name: pa.array([r[i] for r in rows]) for i, name in enumerate(names)})
        self.con.register("_batch", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")
