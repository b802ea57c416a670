"""Store, query, export and the CLI on a few sample-corpus articles (CC BY 2.5, see
src/eventscope/data/sample/ATTRIBUTION.md) plus deliberately broken input."""
import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

import eventscope
from eventscope.runner import sample_corpus
from eventscope.store import SCHEMA_VERSION, Store


def cli(*args, input=None):
    return subprocess.run([sys.executable, "-m", "eventscope", *args], capture_output=True, text=True,
                          input=input, timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    lines = sample_corpus().read_text("utf-8").splitlines()[:4]
    path = d / "mini.jsonl"
    path.write_text("\n".join(lines[:2] + ["{not json", '{"id": 5, "title": "no text"}'] + lines[2:]) + "\n")
    return path


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "events.duckdb"
    summary = eventscope.run([corpus], path)
    assert summary.articles == 4 and summary.events > 0
    assert len(summary.problems) == 2  # the two broken lines
    return path


def test_store_tables_and_schema_version(db):
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert n_events == con.execute("SELECT count(DISTINCT event_id) FROM events").fetchone()[0]
    run = con.execute("SELECT status, config, versions FROM runs").fetchone()
    assert run[0] == "done" and json.loads(run[1])["nlp"]["model"] and "spacy" in json.loads(run[2])
    problems = [r[0] for r in con.execute("SELECT message FROM problems").fetchall()]
    assert any("mini.jsonl:3" in m for m in problems) and any("mini.jsonl:4" in m for m in problems)
    con.close()


def test_rerun_is_idempotent_and_resume_skips(db, corpus):
    before = eventscope.query(db)
    eventscope.run([corpus], db)
    after = eventscope.query(db)
    assert sorted(before.event_id) == sorted(after.event_id)
    summary = eventscope.run([corpus], db, resume=True)
    assert summary.skipped == 4 and summary.articles == 0


def test_query_filters(db):
    df = eventscope.query(db)
    assert isinstance(df, pd.DataFrame) and len(df) > 0
    some_type = df.event_type.iloc[0]
    only = eventscope.query(db, event_type=some_type.lower())
    assert len(only) and set(only.event_type) == {some_type}
    assert len(eventscope.query(db, since="2100-01-01")) == 0
    assert len(eventscope.query(db, limit=1)) == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "geojson", "gdelt", "acled"])
def test_exports(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    r = cli("export", "--db", str(db), "--format", fmt, "--out", str(out))
    assert r.returncode == 0, r.stderr
    n = len(eventscope.query(db))
    if fmt == "csv":
        assert len(pd.read_csv(out)) == n
    elif fmt == "parquet":
        assert len(pd.read_parquet(out)) == n
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(rows) == n and all("evidence" in r for r in rows)
    elif fmt == "gdelt":
        from eventscope.exports import GDELT_COLUMNS

        df = pd.read_csv(out, sep="\t")
        assert list(df.columns) == GDELT_COLUMNS and len(df) == n
        assert df.GLOBALEVENTID.dtype == "int64" and df.GLOBALEVENTID.is_unique
        assert df.QuadClass.between(1, 4).all() and df.GoldsteinScale.between(-10, 10).all()
        assert df.SQLDATE.dropna().astype(int).astype(str).str.fullmatch(r"(19|20)\d{6}").all()
    elif fmt == "acled":
        from eventscope.exports import ACLED_COLUMNS

        df = pd.read_csv(out, keep_default_na=False)
        assert list(df.columns) == ACLED_COLUMNS
        events = eventscope.query(db).set_index("event_id")
        exported = events.loc[[i.split("-", 1)[1] for i in df.event_id_cnty]]
        assert len(df) > 0 and exported.acled_event_type.notna().all()
        # ACLED records events that took place: nothing planned, hypothetical or negated is exported
        assert not exported.factuality.isin(["planned", "hypothetical", "negated"]).any()  # (test_acled.py has a
        # case where such events exist and are left out)
        assert set(df.event_type) <= {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                      "Protests", "Riots", "Strategic developments"}
        assert df.fatalities.dtype == "int64" and (df.fatalities >= 0).all()
        assert df.time_precision.isin([1, 2, 3]).all() and df.inter1.between(0, 8).all()
    else:
        fc = json.loads(out.read_text())
        assert fc["type"] == "FeatureCollection"
        assert all(-90 <= f["geometry"]["coordinates"][1] <= 90 for f in fc["features"])


def test_cli_query_formats(db):
    r = cli("query", "--db", str(db), "--format", "jsonl", "--limit", "2")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.strip().splitlines()) == 2
    r = cli("query", "--db", str(db), "--format", "csv")
    assert r.stdout.startswith("event_id,")


def test_cli_errors_are_one_line_with_code(tmp_path):
    r = cli("extract", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "E101" in r.stderr and "Traceback" not in r.stderr
    r = cli("query", "--db", str(tmp_path / "nope.duckdb"))
    assert r.returncode == 2 and "E303" in r.stderr
    r = cli("run", "--sample", "--db", str(tmp_path / "x.duckdb"), "--set", "engine.nope=1")
    assert r.returncode == 2 and "E001" in r.stderr


def test_cli_extract_stdin_and_version():
    r = cli("extract", "-", "--published", "2019-10-10", input="Police arrested 40 protesters in Hong Kong on Monday.\n")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    ev = next(e for e in events if e["event_type"] == "COERCE")
    assert ev["date"]["value"] == "2019-10-07"
    assert cli("--version").stdout.startswith("eventscope ")


def test_read_only_store_rejects_foreign_db(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(eventscope.EventscopeError) as exc:
        Store(path, read_only=True)
    assert exc.value.code == "E301"


def test_cli_more_user_mistakes_are_numbered(tmp_path, db):
    cases = [
        (("query", "--db", "README.md"), "E304"),
        (("run", "--sample", "--db", str(tmp_path / "no" / "dir.duckdb")), "E304"),
        (("query", "--db", str(db), "--type", "NOPE"), "E406"),
        (("query", "--db", str(db), "--since", "yesterday"), "E508"),
        (("run", "--sample", "--set", "nonsense"), "E004"),
        (("run", "--sample", "--set", "engine.batch_size=0"), "E005"),
        (("export", "--db", str(db), "--out", str(tmp_path / "no" / "x.csv")), "E305"),
    ]
    for args, code in cases:
        r = cli(*args)
        assert r.returncode == 2 and code in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
    assert not (tmp_path / "no").exists()


def test_query_table_and_python_filters(db):
    r = cli("query", "--db", str(db), "--limit", "3")
    assert r.returncode == 0, r.stderr
    assert "evidence" in r.stdout and "3 events" in r.stderr
    with pytest.raises(eventscope.EventscopeError) as exc:
        eventscope.query(db, contry="AFG")
    assert exc.value.code == "E405"


def test_extract_api_rejects_empty_article():
    with pytest.raises(eventscope.EventscopeError) as exc:
        eventscope.extract("   \n\n  ")
    assert exc.value.code == "E110"


def test_appeals_and_demands_keep_their_cameo_root_and_gdelt_quad_class():
    """PLOVER REQUEST holds CAMEO's appeals (02, verbal cooperation in GDELT's QuadClass) and demands
    (10, verbal conflict): the CAMEO code says which, and the GDELT export's QuadClass follows it."""
    from eventscope.exports import to_gdelt

    cases = {"The president urged the rebels to lay down their arms.": ("02", 1),
             "The opposition demanded the resignation of the prime minister.": ("10", 3)}
    for text, (root, quad) in cases.items():
        (ev,) = [e for e in eventscope.extract(text, published="2024-05-02") if e.event_type == "REQUEST"]
        assert ev.cameo_root == root, text
        df = to_gdelt([(ev.model_dump(mode="json"), {})])
        assert (df.EventRootCode[0], df.QuadClass[0]) == (root, quad), text


def test_export_filters_and_python_path(db, tmp_path):
    """`export` takes the query filters (factuality may list several values) and the Python export takes a
    database path as well as a Store."""
    from eventscope.exports import export

    happened = tmp_path / "happened.tsv"
    r = cli("export", "--db", str(db), "--format", "gdelt", "--out", str(happened),
            "--factuality", "asserted,historical,reported-claim")
    assert r.returncode == 0, r.stderr
    events = eventscope.query(db)
    expected = events.factuality.isin(["asserted", "historical", "reported-claim"]).sum()
    assert 0 < expected < len(events)  # the sample has events that did not happen: the filter must drop them
    assert len(pd.read_csv(happened, sep="\t")) == expected
    assert export(db, "gdelt", tmp_path / "all.tsv") == len(events)
    assert cli("export", "--db", str(db), "--type", "nonsense").returncode == 2


def test_acled_export_names_unnamed_actors_as_acled_does():
    """ACLED's generic actors: an unnamed perpetrator of violence is an Unidentified Armed Group (3) of the event's
    country, its unnamed victims Civilians (7), unnamed demonstrators Protesters (6); a place name is not repeated."""
    from eventscope.exports import to_acled, to_gdelt

    def record(acled_type, sub, source=None, target=None):
        return {"event_id": "e" * 16, "event_type": "ASSAULT", "acled_event_type": acled_type,
                "acled_sub_event_type": sub, "factuality": "asserted", "source": source, "target": target,
                "location": {"name": "Kabul", "country": "AFG", "admin1": "Kabul", "lat": 34.5, "lon": 69.2,
                             "precision": "city"},
                "date": {"value": "2024-03-01", "precision": "day"}, "evidence": {"text": "x"}}

    df = to_acled([(record("Violence against civilians", "Attack"), {})])
    assert (df.actor1[0], df.inter1[0], df.actor2[0], df.inter2[0], df.interaction[0]) == (
        "Unidentified Armed Group (Afghanistan)", 3, "Civilians (Afghanistan)", 7, 37)
    assert df.civilian_targeting[0] == "Civilian targeting"
    named = record("Violence against civilians", "Attack", source={"text": "Taliban", "country": "AFG", "sector": "REB"},
                   target={"text": "a teacher"})
    df = to_acled([(named, {})])
    assert (df.actor1[0], df.inter1[0], df.actor2[0], df.inter2[0]) == ("Taliban (Afghanistan)", 2, "a teacher", 7)
    df = to_acled([(record("Protests", "Peaceful protest"), {})])
    assert (df.actor1[0], df.inter1[0], df.actor2[0], df.interaction[0]) == ("Protesters (Afghanistan)", 6, "", 60)
    assert to_gdelt([(record("Protests", "Peaceful protest"), {})]).ActionGeo_FullName[0] == "Kabul, Afghanistan"


def test_acled_export_country_names_and_blocs():
    """ACLED's country spellings ("Iran", "Democratic Republic of Congo", "Turkey"), and an actor coded with a
    region or bloc code of the actor tables (NATO: WST) exports without a country instead of failing."""
    from eventscope.exports import _country, to_acled

    assert [_country(c)[0] for c in ("IRN", "COD", "TUR", "SYR")] == ["Iran", "Democratic Republic of Congo", "Turkey", "Syria"]
    rec = {"event_id": "f" * 16, "event_type": "ASSAULT", "acled_event_type": "Explosions/Remote violence",
           "acled_sub_event_type": "Air/drone strike", "factuality": "asserted",
           "source": {"text": "NATO warplanes", "name": "NATO", "country": "WST", "sector": "IGO"}, "target": None,
           "location": {"name": "Pristina", "country": "XKX", "lat": 42.7, "lon": 21.2, "precision": "city"},
           "date": {"value": "1999-04-01", "precision": "day"}, "evidence": {"text": "x"}}
    assert to_acled([(rec, {})]).actor1[0] == "NATO"


def test_factuality_filter_values_are_checked(db):
    assert len(eventscope.query(db, factuality="Asserted,HISTORICAL")) > 0
    r = cli("query", "--db", str(db), "--factuality", "bogus")
    assert r.returncode == 2 and "E407" in r.stderr
    assert cli("export", "--db", str(db), "--factuality", ",").returncode == 2


def test_acled_export_describes_unnamed_attackers_and_demonstrators_by_place(tmp_path, db):
    """"Unidentified gunmen" is ACLED's Unidentified Armed Group (3), demonstrators named only as such take the
    place's country; `export --out DIR` and an empty date range are user mistakes, not tracebacks."""
    from eventscope.exports import to_acled

    loc = {"name": "Maiduguri", "country": "NGA", "lat": 11.8, "lon": 13.2, "precision": "city"}
    base = {"event_id": "a" * 16, "event_type": "ASSAULT", "factuality": "asserted", "location": loc,
            "date": {"value": "2024-03-01", "precision": "day"}, "evidence": {"text": "x"}}
    attack = dict(base, acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
                  source={"text": "unidentified gunmen", "sector": "REB"}, target=None)
    df = to_acled([(attack, {})])
    assert (df.actor1[0], df.inter1[0]) == ("Unidentified Armed Group (Nigeria)", 3)
    protest = dict(base, event_type="PROTEST", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
                   source={"text": "protesters", "sector": "OPP"}, target=None)
    assert to_acled([(protest, {})]).actor1[0] == "Protesters (Nigeria)"
    r = cli("export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path))
    assert r.returncode == 2 and "E305" in r.stderr
    r = cli("query", "--db", str(db), "--since", "2020-01-02", "--until", "2020-01-01")
    assert r.returncode == 2 and "E509" in r.stderr
