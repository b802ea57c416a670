"""Cross-article dedup (dedup.py): the linking rule, order-independent canonical ids, the
schema 1 -> 2 migration, and dedup in query/export.  Events are built here by hand; the run
uses a few articles of the bundled sample corpus (Wikinews, CC BY 2.5, see
src/eventscope/data/sample/ATTRIBUTION.md)."""
from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import eventscope
from eventscope.dedup import DedupRule, canonical_id, canonical_events, deduplicate_rows, type_families
from eventscope.runner import sample_corpus
from eventscope.store import SCHEMA_VERSION, Store

DAY = dt.date(2024, 3, 4)


def ev(event_id, article_id, *, type="ASSAULT", country="AFG", lat=34.53, lon=69.17, day=DAY, precision="city",
       evidence="A car bomb exploded near the ministry in Kabul, killing twelve people", outlet=None, **extra):
    return {"event_id": event_id, "article_id": article_id, "event_type": type, "factuality": "asserted",
            "location_country": country, "location_precision": precision, "lat": lat, "lon": lon,
            "date_start": day, "date_precision": "day" if day else None, "evidence": evidence, "confidence": 0.6,
            "published": DAY, "outlet": outlet or f"outlet-{article_id}", **extra}


def groups(rows, rule=DedupRule()):
    canonical, mentions = deduplicate_rows(rows, rule)
    by = {}
    for m in mentions:
        by.setdefault(m["canonical_id"], set()).add(m["event_id"])
    return sorted(sorted(g) for g in by.values()), canonical, mentions


def test_two_outlets_reporting_one_bombing_become_one_event():
    rows = [ev("e1", "a1"),
            ev("e2", "a2", lat=34.55, lon=69.20, day=DAY + dt.timedelta(days=1),
               evidence="Twelve people died when a car bomb exploded in central Kabul near the ministry"),
            ev("e3", "a3", type="MOBILIZE", evidence="Troops moved into Kabul after the car bomb near the ministry")]
    found, canonical, mentions = groups(rows)
    assert found == [["e1", "e2", "e3"]]  # MOBILIZE is in ASSAULT's family (type_families.tsv)
    (c,) = canonical
    assert c["mentions"] == 3 and c["sources"] == 3 and c["articles"] == 3
    assert c["canonical_id"] == canonical_id("e1") and "3 mentions" in c["reason"]
    linked = {m["event_id"]: m for m in mentions}
    assert linked["e2"]["linked_to"] in ("e1", "e3") and "km" in linked["e2"]["reason"]


@pytest.mark.parametrize("change, why", [
    ({"country": "PAK", "lat": 34.0, "lon": 71.5}, "another country"),
    ({"lat": 36.7, "lon": 67.1}, "Mazar-i-Sharif is 300 km away"),
    ({"day": DAY + dt.timedelta(days=9)}, "nine days later"),
    ({"day": None}, "undated"),
    ({"type": "AGREE"}, "another type family"),
    ({"evidence": "Parliament approved the national budget for next year"}, "unrelated evidence"),
    ({"source_country": "USA"}, "source country differs"),
    ({"article_id": "a1"}, "same article"),
])
def test_what_keeps_reports_apart(change, why):
    rows = [ev("e1", "a1", source_country="AFG"), {**ev("e2", "a2", source_country="AFG"), **{
        ("date_start" if k == "day" else "location_country" if k == "country" else "event_type" if k == "type"
         else k): v for k, v in change.items()}}]
    if "day" in change and change["day"] is None:
        rows[1]["date_precision"] = None
    found, _, _ = groups(rows)
    assert found == [["e1"], ["e2"]], why


def test_country_level_place_matches_a_city_in_that_country():
    rows = [ev("e1", "a1"), ev("e2", "a2", precision="country", lat=33.0, lon=65.0)]
    assert groups(rows)[0] == [["e1", "e2"]]


def test_every_plover_type_has_a_family():
    from eventscope.schema import PLOVER_TYPES

    assert set(type_families()) == set(PLOVER_TYPES)


_event = st.builds(
    lambda i, art, type, country, dd, km, words: ev(
        f"e{i:04d}", f"a{art}", type=type, country=country, day=DAY + dt.timedelta(days=dd),
        lat=34.5 + km / 111, lon=69.2, evidence=" ".join(words)),
    st.integers(0, 9999), st.integers(0, 5), st.sampled_from(["ASSAULT", "MOBILIZE", "PROTEST", "AGREE"]),
    st.sampled_from(["AFG", "PAK"]), st.integers(0, 8), st.integers(0, 80),
    st.lists(st.sampled_from(["bomb", "kabul", "ministry", "protest", "crowd", "troops", "talks", "killed"]),
             min_size=1, max_size=5))


@settings(max_examples=40, deadline=None)
@given(st.lists(_event, max_size=25, unique_by=lambda r: r["event_id"]), st.randoms(use_true_random=False))
def test_canonical_ids_do_not_depend_on_input_order(rows, rnd):
    _, canonical, mentions = groups(rows)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    _, canonical2, mentions2 = groups(shuffled)
    assert canonical == canonical2 and mentions == mentions2
    assert {m["event_id"] for m in mentions} == {r["event_id"] for r in rows}  # every event has a canonical


def test_blocking_keeps_cost_near_linear():
    """Doubling the events (same density per day) must not quadruple the time."""
    import time

    def synthetic(n, seed=1):
        rnd = random.Random(seed)
        rows = []
        for i in range(n):
            real = rnd.randrange(n // 3)  # about three reports per real event
            rows.append(ev(f"e{i:07d}", f"a{i}", type=["ASSAULT", "PROTEST", "AGREE"][real % 3],
                           country=["AFG", "PAK", "IRQ", "SYR"][real % 4],
                           day=DAY + dt.timedelta(days=real // 40 + rnd.randrange(2)),
                           lat=30 + (real % 97) / 10, lon=60 + (real % 89) / 10,
                           evidence=f"report {real} about event {real % 1000} and place {real % 77}"))
        return rows

    times = []
    for n in (4000, 8000):
        rows = synthetic(n)
        t0 = time.perf_counter()
        deduplicate_rows(rows)
        times.append(time.perf_counter() - t0)
    assert times[1] < 3.5 * times[0] + 0.5


# -- store, query, export -----------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("dedup")
    lines = sample_corpus().read_text("utf-8").splitlines()[:3]
    corpus = d / "mini.jsonl"
    # the same story from a second outlet: a copy under another id and source
    twin = json.loads(lines[0]) | {"id": "twin-of-first", "source": "Another Outlet"}
    corpus.write_text("\n".join(lines + [json.dumps(twin)]) + "\n")
    path = d / "events.duckdb"
    summary = eventscope.run([corpus], path)
    assert summary.canonical < summary.events
    return path


def test_copied_story_gets_two_sources(db):
    df = canonical_events(db)
    assert (df.mentions >= 2).any() and df.sources.max() == 2
    assert df.canonical_id.is_unique
    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == n_events  # every event linked
    assert con.execute("SELECT sum(mentions) FROM canonical_events").fetchone()[0] == n_events


def test_query_canonical_and_gdelt_counts(db, tmp_path):
    r = subprocess.run([sys.executable, "-m", "eventscope", "query", "--db", str(db), "--canonical", "--format",
                        "jsonl"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and {"canonical_id", "mentions", "sources", "first_seen", "last_seen"} <= set(rows[0])
    assert len(rows) == len(canonical_events(db))
    out = tmp_path / "g.tsv"
    r = subprocess.run([sys.executable, "-m", "eventscope", "export", "--db", str(db), "--format", "gdelt", "--out",
                        str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(out, sep="\t")
    assert df.NumSources.max() == 2 and (df.NumMentions >= df.NumSources).all()


def test_schema_1_database_is_read_then_migrated(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))  # make it look like a schema-1 database
    con.execute("DROP TABLE canonical_events; DROP TABLE event_mentions")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    assert len(eventscope.query(path)) == 0  # still readable
    with Store(path) as store:  # opened for writing: migrated
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert version == str(SCHEMA_VERSION) == "2" and {"canonical_events", "event_mentions"} <= tables
