"""Exports of the events table: csv, jsonl (the event contract), parquet, geojson."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import EventscopeError
from .queries import Filters, select_events
from .store import EVENT_COLUMNS, Store

FORMATS = ("csv", "jsonl", "parquet", "geojson")
FLAT_COLUMNS = ", ".join(c for c in EVENT_COLUMNS if c != "record")


def export(store: Store, fmt: str, out: str | Path, filters: Filters | None = None) -> int:
    """Write matching events to ``out``; returns the number of events written."""
    if fmt not in FORMATS:
        raise EventscopeError("E403", fmt=fmt, choices=", ".join(FORMATS))
    out = Path(out)
    if fmt in ("csv", "parquet"):
        table = select_events(store, filters, FLAT_COLUMNS).to_arrow_table()
        if fmt == "csv":
            pacsv.write_csv(table, out)
        else:
            pq.write_table(table, out)
        return table.num_rows
    records = [json.loads(r[0]) for r in select_events(store, filters, "record").fetchall()]
    with out.open("w", encoding="utf-8") as fh:
        if fmt == "jsonl":
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            json.dump(to_geojson(records), fh, ensure_ascii=False)
    return len(records)


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
