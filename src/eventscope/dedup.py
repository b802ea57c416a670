"""Cross-article dedup: events from different articles that report the same real event become
one *canonical event* with its mentions, like GDELT's NumMentions/NumSources but auditable.

The rule (``DedupRule``; every link records why it was made):

Two events A and B of **different articles** are *linked* when all of these hold:

1. **type family**: their PLOVER types share a family (``data/dedup/type_families.tsv``:
   e.g. ASSAULT and MOBILIZE are ``force``, COERCE and SANCTION ``coercion``);
2. **place**: the same location country (or both without a location); when both locations are
   points (city, admin2 or point precision with coordinates) they lie within ``max_km``
   (great-circle distance); a country- or admin1-level location is compatible with any place
   in that country;
3. **date**: both have a day-like date (precision ``day`` or ``article`` -- around publication --
   use their day, ``week`` its middle) no more than ``window_days`` apart; events dated only to a
   month or year, or unanchored, are never linked (they stay canonical events of one mention);
4. **actors**: for source and for target, the countries are equal when both are known, and the
   sectors are equal when both are known;
5. **factuality**: the same (a negated attack is not the attack);
6. **evidence**: the Jaccard similarity of the two evidence sentences' word sets (lower-cased
   words of four letters or more, minus ``data/dedup/stopwords.tsv``) is at least
   ``min_similarity``.

Canonical events are the connected components of the links (so the result does not depend on
input order).  The canonical id is ``"c"`` + the first 15 hex digits of sha1 of the smallest
event id in the component: the same events in any order give the same ids.  The
*representative* mention (whose fields the canonical event shows) is the one with the highest
confidence, ties to the smallest event id.  ``mentions`` counts the events, ``articles`` their
articles, ``sources`` the distinct outlets (the article's ``source``, else its URL host, else
its id); ``first_seen`` / ``last_seen`` are the earliest and latest publication dates.

Cost is near-linear: events are *blocked* by (family, country, date bucket of ``window_days``
days) and only events in the same or an adjacent bucket are compared, inside DuckDB; the
components are found with a union-find over the links.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from .tables import load_table

POINT_PRECISIONS = ("city", "point", "admin2")

#: Columns of the relation ``deduplicate`` reads (one row per event).
INPUT_COLUMNS = {
    "event_id": pa.string(), "article_id": pa.string(), "event_type": pa.string(), "factuality": pa.string(),
    "location_country": pa.string(), "location_precision": pa.string(), "lat": pa.float64(), "lon": pa.float64(),
    "date_start": pa.date32(), "date_precision": pa.string(), "source_country": pa.string(),
    "source_sector": pa.string(), "target_country": pa.string(), "target_sector": pa.string(),
    "evidence": pa.string(), "confidence": pa.float64(), "published": pa.date32(), "outlet": pa.string(),
    "refers_to": pa.string(),  # an earlier event of the same article this one repeats ("the shooting"), or null
}

#: The events of a store in the shape of ``INPUT_COLUMNS`` (outlet: source, else URL host, else article id).
STORE_INPUT_SQL = """
SELECT e.event_id, e.article_id, e.event_type, e.factuality, e.location_country, e.location_precision, e.lat, e.lon,
       e.date_start, e.date_precision, e.source_country, e.source_sector, e.target_country, e.target_sector,
       e.evidence, e.confidence, a.published,
       coalesce(nullif(a.source, ''), nullif(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)', 1), ''),
                e.article_id) AS outlet,
       nullif(regexp_extract(coalesce(json_extract_string(e.record, '$.reasons.coref'), ''),
                             '^repeats event ([0-9a-f]+)', 1), '') AS refers_to
FROM events e LEFT JOIN articles a USING (article_id)
"""


@dataclass(frozen=True)
class DedupRule:
    """Thresholds of the linking rule (see the module docstring)."""

    window_days: int = 3  # dates at most this many days apart
    max_km: float = 50.0  # point locations at most this far apart
    min_similarity: float = 0.2  # Jaccard similarity of the evidence word sets

    def describe(self) -> str:
        return (f"same type family and factuality, same country, points within {self.max_km:g} km, "
                f"dates within {self.window_days} days, compatible actors, evidence similarity >= "
                f"{self.min_similarity:g}")


@functools.lru_cache(maxsize=None)
def type_families() -> dict[str, str]:
    """PLOVER type -> dedup family (``data/dedup/type_families.tsv``)."""
    return {r["plover"]: r["family"] for r in load_table("dedup/type_families.tsv")}


@functools.lru_cache(maxsize=None)
def stopwords() -> tuple[str, ...]:
    """Words left out of the evidence word sets (``data/dedup/stopwords.tsv``)."""
    return tuple(sorted(r["word"] for r in load_table("dedup/stopwords.tsv")))


def canonical_id(smallest_event_id: str) -> str:
    """Deterministic id of the canonical event whose smallest mention id is ``smallest_event_id``."""
    return "c" + hashlib.sha1(smallest_event_id.encode("utf-8")).hexdigest()[:15]


def _prepare(con: duckdb.DuckDBPyConnection, relation: str, rule: DedupRule) -> None:
    """``_dd_m``: one row per event with its integer index, family, day, bucket and word set."""
    fam = pa.table({"plover": list(type_families()), "family": list(type_families().values())})
    con.register("_dd_fam", fam)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _dd_m AS
        WITH src AS (SELECT * FROM ({relation})),
        d AS (
          SELECT src.*, coalesce(f.family, src.event_type) AS family,
                 coalesce(src.location_country, '') AS country,
                 CASE WHEN src.date_precision IN ('day', 'article') THEN src.date_start
                      WHEN src.date_precision = 'week' THEN src.date_start + 3 END AS day
          FROM src LEFT JOIN _dd_fam f ON f.plover = src.event_type)
        SELECT row_number() OVER (ORDER BY event_id) - 1 AS idx, *,
               (day - DATE '1970-01-01') // {int(rule.window_days)} AS bucket,
               list_distinct(list_filter(regexp_extract_all(lower(coalesce(evidence, '')), '\\p{{L}}{{4,}}'),
                                         lambda w: NOT list_contains(?, w))) AS words,
               (location_precision IN {POINT_PRECISIONS} AND lat IS NOT NULL AND lon IS NOT NULL) AS is_point
        FROM d
    """, [list(stopwords())]).fetchall()
    con.unregister("_dd_fam")


_LINKS_SQL = """
WITH b AS (SELECT m.*, m.bucket + s.shift AS jbucket FROM _dd_m m, (VALUES (-1), (0), (1)) s(shift)
           WHERE m.day IS NOT NULL),
pairs AS (
  SELECT a.idx AS a, b.idx AS b,
         len(list_intersect(a.words, b.words)) / greatest(len(list_distinct(list_concat(a.words, b.words))), 1)
           AS similarity,
         CASE WHEN a.is_point AND b.is_point THEN 2 * 6371.0088 * asin(sqrt(
              pow(sin(radians(b.lat - a.lat) / 2), 2)
              + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2))) END AS km,
         abs(a.day - b.day) AS days
  FROM _dd_m a JOIN b ON a.family = b.family AND a.country = b.country AND a.bucket = b.jbucket AND a.idx < b.idx
  WHERE a.day IS NOT NULL AND abs(a.day - b.day) <= ?
    AND a.article_id <> b.article_id AND a.factuality IS NOT DISTINCT FROM b.factuality
    AND (a.source_country IS NULL OR b.source_country IS NULL OR a.source_country = b.source_country)
    AND (a.source_sector IS NULL OR b.source_sector IS NULL OR a.source_sector = b.source_sector)
    AND (a.target_country IS NULL OR b.target_country IS NULL OR a.target_country = b.target_country)
    AND (a.target_sector IS NULL OR b.target_sector IS NULL OR a.target_sector = b.target_sector))
SELECT a, b, similarity, km, days FROM pairs WHERE similarity >= ? AND (km IS NULL OR km <= ?)
UNION ALL  -- a later mention of an event in the same article ("the shooting"): one event, whatever the rule says
SELECT a.idx, b.idx, 1.0, NULL, NULL FROM _dd_m a JOIN _dd_m b ON b.refers_to = a.event_id AND b.article_id = a.article_id
"""


def _components(n: int, a, b) -> list[int]:
    """Union-find over ``n`` nodes and the edges ``a[i] -- b[i]``; returns each node's root,
    the smallest node index of its component (nodes are numbered in event-id order)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(a, b):
        rx, ry = find(x), find(y)
        if rx != ry:
            if rx < ry:
                parent[ry] = rx
            else:
                parent[rx] = ry
    return [find(x) for x in range(n)]


def deduplicate(con: duckdb.DuckDBPyConnection, relation: str, rule: DedupRule = DedupRule()
                ) -> tuple[pa.Table, pa.Table]:
    """Cluster the events of ``relation`` (a SELECT or table name giving ``INPUT_COLUMNS``).

    Returns ``(canonical, mentions)`` Arrow tables with the columns of the store's
    ``canonical_events`` and ``event_mentions`` tables (without ``run_id``)."""
    _prepare(con, relation, rule)
    n = con.execute("SELECT count(*) FROM _dd_m").fetchall()[0][0]
    links = con.sql(_LINKS_SQL, params=[int(rule.window_days), float(rule.min_similarity), float(rule.max_km)]
                    ).to_arrow_table()
    roots = _components(n, links.column("a").to_pylist(), links.column("b").to_pylist())
    con.register("_dd_roots", pa.table({"idx": pa.array(range(n), pa.int64()), "root": pa.array(roots, pa.int64())}))
    con.register("_dd_links", links)
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _dd_cluster AS
            SELECT m.*, r.root, first_value(m.event_id) OVER (PARTITION BY r.root ORDER BY m.idx) AS min_id
            FROM _dd_m m JOIN _dd_roots r USING (idx)""").fetchall()
        ids = con.execute("SELECT DISTINCT min_id FROM _dd_cluster").fetchall()
        con.register("_dd_ids", pa.table({"min_id": [i for (i,) in ids],
                                          "canonical_id": [canonical_id(i) for (i,) in ids]}))
        mentions = con.sql("""
            WITH edges AS (SELECT a AS x, b AS y, similarity, km, days FROM _dd_links
                           UNION ALL SELECT b, a, similarity, km, days FROM _dd_links),
            best AS (SELECT x, arg_min(y, (-similarity, y)) AS y, max(similarity) AS similarity,
                            arg_min(km, (-similarity, y)) AS km, arg_min(days, (-similarity, y)) AS days
                     FROM edges GROUP BY x)
            SELECT i.canonical_id, c.event_id, c.article_id, c.outlet, c.published,
                   o.event_id AS linked_to, best.similarity,
                   CASE WHEN o.event_id IS NULL THEN 'no other report matched the rule'
                        WHEN best.days IS NULL THEN printf('the same event as %s, mentioned again in its article',
                                                           o.event_id)
                        ELSE printf('linked to %s: evidence similarity %.2f, %s, %d day(s) apart', o.event_id,
                                    best.similarity, coalesce(printf('%.0f km', best.km), 'same country'),
                                    best.days) END AS reason
            FROM _dd_cluster c JOIN _dd_ids i USING (min_id)
            LEFT JOIN best ON best.x = c.idx LEFT JOIN _dd_m o ON o.idx = best.y
            ORDER BY c.event_id""").to_arrow_table()
        con.register("_dd_mentions", mentions)
        canonical = con.sql("""
            SELECT i.canonical_id,
                   first(c.event_id ORDER BY c.confidence DESC NULLS LAST, c.event_id) AS event_id,
                   first(c.family) AS family,
                   count(*) AS mentions, count(DISTINCT c.article_id) AS articles,
                   count(DISTINCT c.outlet) AS sources,
                   min(c.published) AS first_seen, max(c.published) AS last_seen,
                   min(c.day) AS day_first, max(c.day) AS day_last,
                   CASE WHEN count(*) = 1 THEN 'one mention'
                        ELSE printf('%d mentions in %d articles from %d sources; rule: %s', count(*),
                                    count(DISTINCT c.article_id), count(DISTINCT c.outlet), ?) END AS reason
            FROM _dd_cluster c JOIN _dd_ids i USING (min_id)
            GROUP BY i.canonical_id ORDER BY i.canonical_id""", params=[rule.describe()]).to_arrow_table()
    finally:
        for name in ("_dd_roots", "_dd_links", "_dd_ids", "_dd_mentions"):
            try:
                con.unregister(name)
            except duckdb.Error:
                pass
        con.execute("DROP TABLE IF EXISTS _dd_cluster; DROP TABLE IF EXISTS _dd_m").fetchall()
    return canonical, mentions


def deduplicate_rows(rows: list[dict[str, Any]], rule: DedupRule = DedupRule()) -> tuple[list[dict], list[dict]]:
    """``deduplicate`` over plain dicts (keys of ``INPUT_COLUMNS``; missing keys are null), in memory."""
    table = pa.table({name: pa.array([r.get(name) for r in rows], type=kind) for name, kind in INPUT_COLUMNS.items()})
    con = duckdb.connect()
    try:
        con.register("_dd_input", table)
        canonical, mentions = deduplicate(con, "SELECT * FROM _dd_input", rule)
    finally:
        con.close()
    return canonical.to_pylist(), mentions.to_pylist()


def rebuild(store, rule: DedupRule = DedupRule()) -> int:
    """Recompute the dedup tables of ``store`` (a writable ``Store``) over all its events."""
    canonical, mentions = deduplicate(store.con, STORE_INPUT_SQL, rule)
    return store.write_canonical(canonical, mentions)


# -- reading the stored result ----------------------------------------------------

#: Events joined with their canonical event; the column names of ``events`` stay, so
#: ``queries.Filters`` applies unchanged.
CANONICAL_RELATION = """(SELECT e.*, c.canonical_id, c.mentions, c.articles, c.sources, c.first_seen, c.last_seen,
       c.reason AS canonical_reason
FROM canonical_events c JOIN events e USING (event_id)) AS events"""

CANONICAL_COLUMNS = ("canonical_id, mentions, articles, sources, CAST(first_seen AS VARCHAR) AS first_seen, "
                     "CAST(last_seen AS VARCHAR) AS last_seen, event_id, event_type, mode, "
                     "date_value, location_name, location_country, source_text, target_text, fatalities, evidence, "
                     "canonical_reason")


def has_canonical(store) -> bool:
    """Whether the database has the dedup tables (schema 2) with content."""
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return "canonical_events" in tables


def select_canonical(store, filters=None, columns: str = CANONICAL_COLUMNS):
    """Canonical events (their representative mention's fields plus the counts), filtered like events."""
    from .errors import EventscopeError
    from .queries import Filters, events_sql

    if not has_canonical(store):
        raise EventscopeError("E302", path=store.path, found=1, expected="2 for canonical events: run "
                              "`eventscope run --resume` on it once")
    sql, params = events_sql(filters or Filters(), columns)
    return store.con.execute(sql.replace(" FROM events", " FROM " + CANONICAL_RELATION, 1), params)


def mention_counts(store) -> dict[str, tuple[int, int]]:
    """event_id -> (mentions, sources) of its canonical event; empty without dedup tables."""
    if not has_canonical(store):
        return {}
    rows = store.con.execute("""SELECT m.event_id, c.mentions, c.sources FROM event_mentions m
                                JOIN canonical_events c USING (canonical_id)""").fetchall()
    return {event_id: (mentions, sources) for event_id, mentions, sources in rows}


def canonical_events(db, **filters):
    """Python API: canonical events as a pandas DataFrame (filters as for ``eventscope.query``)."""
    from .queries import Filters
    from .store import Store

    with Store(db, read_only=True) as store:
        return select_canonical(store, Filters(**filters)).df()


def event_mentions(db, canonical: str):
    """Python API: the mentions of one canonical event (with why each was linked) as a DataFrame."""
    from .store import Store

    with Store(db, read_only=True) as store:
        return store.con.execute("""SELECT m.*, e.evidence FROM event_mentions m JOIN events e USING (event_id)
                                    WHERE canonical_id = ? ORDER BY published NULLS LAST, event_id""",
                                 [canonical]).df()
