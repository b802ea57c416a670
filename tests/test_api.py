"""The REST API (eventscope.api): filters, formats, the error envelope, read-only access, tokens,
and `eventscope serve` refusing a non-loopback bind without a token.  Runs on a small database
written through the real Store from hand-made events whose answers are known."""
from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventscope.api import create_app, is_loopback
from eventscope.cli import app as cli_app
from eventscope.schema import Actor, Article, Event, EventDate, Place, Span, Work
from eventscope.store import Store

TEXT = ("Rebels attacked the army base in Kabul on Monday. Police arrested forty protesters in Paris. "
        "The ministers met in Berlin to sign a trade deal. Nothing happened in Lyon.")

KABUL = Place(name="Kabul", country="AFG", admin1="Kabul", lat=34.53, lon=69.17, reason="gazetteer: capital")
PARIS = Place(name="Paris", country="FRA", admin1="Île-de-France", lat=48.85, lon=2.35, reason="gazetteer: capital")
BERLIN = Place(name="Berlin", country="DEU", admin1="Berlin", lat=52.52, lon=13.40, reason="gazetteer: capital")


def _event(n: int, etype: str, sentence: str, trigger: str, place: Place | None, date: str, *, source=None,
           target=None, factuality="asserted", article_id="a1") -> Event:
    start = TEXT.index(sentence)
    t0 = TEXT.index(trigger, start)
    return Event(
        event_id=f"ev{n}", article_id=article_id, event_type=etype, trigger=Span(text=trigger, start=t0,
                                                                                  end=t0 + len(trigger)),
        source=source, target=target, location=place,
        date=EventDate(value=date, precision="day", text="Monday", reason="weekday before publication"),
        factuality=factuality, evidence=Span(text=sentence, start=start, end=start + len(sentence)),
        reasons={"type": f"verb trigger '{trigger}' -> {etype}", "factuality": "no cue"})


def build_db(path) -> str:
    """Four events in one article: ASSAULT in Kabul, COERCE in Paris, AGREE in Berlin (negated
    COERCE in Lyon has no coordinates)."""
    rebels = Actor(text="Rebels", sector="REB", reason="agent noun 'rebels' -> REB")
    army = Actor(text="the army base", country="AFG", sector="MIL", reason="organisation -> AFG MIL")
    police = Actor(text="Police", country="FRA", sector="COP", reason="agent noun 'police' -> COP")
    events = [
        _event(1, "ASSAULT", "Rebels attacked the army base in Kabul on Monday.", "attacked", KABUL, "2024-03-04",
               source=rebels, target=army),
        _event(2, "COERCE", "Police arrested forty protesters in Paris.", "arrested", PARIS, "2024-03-12",
               source=police),
        _event(3, "AGREE", "The ministers met in Berlin to sign a trade deal.", "sign", BERLIN, "2024-04-02"),
        _event(4, "COERCE", "Nothing happened in Lyon.", "happened", None, "2024-04-03", factuality="negated"),
    ]
    article = Article(article_id="a1", text=TEXT, title="Test wire", url="https://example.org/a1",
                      source="example", published="2024-04-05", published_from="record")
    with Store(path) as store:
        run = store.start_run(["test"], {}, {})
        store.write_batch([Work(article=article, events=events)], run)
    return str(path)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path)) as c:
        yield c


def ids(body) -> list[str]:
    return [e["event_id"] for e in body["events"]]


@pytest.mark.parametrize("query, expected", [
    ("", ["ev1", "ev2", "ev3", "ev4"]),
    ("type=coerce", ["ev2", "ev4"]),
    ("country=FRA", ["ev2"]),
    ("admin1=berlin", ["ev3"]),
    ("actor=police", ["ev2"]),
    ("factuality=negated", ["ev4"]),
    ("since=2024-03-10&until=2024-04-02", ["ev2", "ev3"]),
    ("bbox=-5,40,20,55", ["ev2", "ev3"]),
    ("bbox=20,40,-5,30", ["ev1"]),  # west > east: across the antimeridian; latitudes put in order
    ("bbox=-500,-100,500,100", ["ev1", "ev2", "ev3"]),  # clamped to the globe
    ("q=army%20Kabul", ["ev1"]),
    ("q=100%25", []),  # a literal percent sign is not a wildcard
    ("type=COERCE&factuality=asserted", ["ev2"]),
    ("sort=-date", ["ev4", "ev3", "ev2", "ev1"]),
])
def test_events_filters(client, query, expected):
    r = client.get(f"/events.json?{query}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert ids(body) == expected
    assert body["total"] == len(expected)


def test_events_paging(client):
    body = client.get("/events.json?limit=2&offset=1").json()
    assert ids(body) == ["ev2", "ev3"] and body["total"] == 4 and body["count"] == 2


def test_events_record_is_the_contract(client):
    event = client.get("/events.json?country=AFG").json()["events"][0]
    assert event["evidence"]["text"] == TEXT[event["evidence"]["start"]:event["evidence"]["end"]]
    assert event["location"]["name"] == "Kabul" and event["source"]["sector"] == "REB"


def test_events_csv(client):
    r = client.get("/events.csv?type=COERCE")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["event_id"] for row in rows] == ["ev2", "ev4"]
    assert rows[0]["location_name"] == "Paris" and "record" not in rows[0]


def test_events_geojson_has_only_located_events(client):
    r = client.get("/events.geojson?type=COERCE")
    assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
    body = r.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 1
    (feature,) = body["features"]
    assert feature["id"] == "ev2" and feature["geometry"] == {"type": "Point", "coordinates": [2.35, 48.85]}


def test_event_detail(client):
    body = client.get("/events/ev1.json").json()
    assert body["event"]["event_type"] == "ASSAULT"
    ev = body["evidence"]
    assert body["article"]["text"][ev["start"]:ev["end"]] == ev["text"]
    assert body["reasons"]["type"] == "verb trigger 'attacked' -> ASSAULT"
    assert body["reasons"]["place"] == "gazetteer: capital" and body["reasons"]["date"].startswith("weekday")
    assert {a["role"] for a in body["actors"]} == {"source", "target"}


def test_articles_actors_timeline(client):
    arts = client.get("/articles.json").json()
    assert arts["total"] == 1 and arts["articles"][0]["n_events"] == 4 and "text" not in arts["articles"][0]
    graph = client.get("/actors.json").json()
    assert {a["actor"] for a in graph["actors"]} == {"rebels", "army base", "police"}
    assert graph["edges"] == [{"source": "rebels", "target": "army base", "n_events": 1,
                               "event_types": ["ASSAULT"]}]
    month = client.get("/timeline.json?interval=month").json()
    assert month["totals"] == [{"period": "2024-03-01", "count": 2}, {"period": "2024-04-01", "count": 2}]
    week = client.get("/timeline.json?interval=week&type=COERCE").json()
    assert week["series"] == [{"period": "2024-03-11", "event_type": "COERCE", "count": 1},
                              {"period": "2024-04-01", "event_type": "COERCE", "count": 1}]
    assert week["undated"] == 0


def test_alerts_endpoint(client):
    body = client.get("/alerts.json?since=2024-03-01&include_all=true&scope=country").json()
    rows = {(a["week_start"], a["key"]): a for a in body["alerts"]}
    # ev1 is in AFG in the week of 2024-03-04, nothing the week after
    assert rows[("2024-03-04", "AFG")]["count"] == 1
    assert rows[("2024-03-11", "AFG")]["previous"] == 1 and rows[("2024-03-11", "AFG")]["count"] == 0
    assert all("reason" in a for a in body["alerts"])


@pytest.mark.parametrize("url, status, code", [
    ("/events.json?limit=-1", 422, "E501"),
    ("/events.json?since=2024-13-01", 422, "E501"),
    ("/events.json?factuality=maybe", 422, "E501"),
    ("/events.json?bbox=1,2,3", 422, "E501"),
    ("/events.json?bbox=nan,0,1,1", 422, "E501"),
    ("/events/nope.json", 404, "E502"),
    ("/no-such-page", 404, "E505"),
    ("/timeline.json?interval=year", 422, "E501"),
])
def test_error_envelope(client, url, status, code):
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["status"] == status and body["error"]["message"]


def test_bbox_parser():
    from eventscope.api import _bbox
    from eventscope.errors import EventscopeError

    assert _bbox("170,10,-170,-10") == (170.0, -10.0, -170.0, 10.0)
    with pytest.raises(EventscopeError, match="E506"):
        _bbox("1,2,inf,4")


def test_sql_injection_is_just_a_value(client, db_path):
    r = client.get("/events.json", params={"type": "x'; DROP TABLE events; --", "q": "' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/events.json").json()["total"] == 4


def test_database_is_opened_read_only(db_path):
    app = create_app(db_path)
    with pytest.raises(duckdb.Error):
        app.state.store.con.execute("DELETE FROM events")
    # a second reader can open it at the same time (no writer lock is held)
    other = create_app(db_path)
    assert other.state.store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_token_required_when_set(db_path):
    with TestClient(create_app(db_path, token="s3cret")) as c:
        r = c.get("/events.json")
        assert r.status_code == 401 and r.json()["error"]["code"] == "E503"
        assert c.get("/events.json", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/events.json", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/events.json?token=s3cret").status_code == 200
        assert c.get("/").status_code == 200 and c.get("/openapi.json").status_code == 200
        # opening the dashboard with the token sets a cookie that the page's requests then carry
        c.get("/?token=s3cret")
        assert c.get("/facets.json").status_code == 200


def test_dashboard_and_docs_are_served_offline(client):
    index = client.get("/")
    assert index.status_code == 200 and "/static/app.js" in index.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/countries-50m.json").json()["type"] == "Topology"
    worker = client.get("/static/maplibre-gl-worker.mjs")
    assert worker.status_code == 200 and "javascript" in worker.headers["content-type"]
    docs = client.get("/docs").text
    assert "/static/docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events.json", "/events.csv", "/events.geojson", "/events/{event_id}.json", "/articles.json",
            "/actors.json", "/timeline.json", "/alerts.json"} <= set(paths)


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                            ("::", False), ("example.org", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_refuses_non_loopback_without_token(db_path, monkeypatch):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(kw))
    from eventscope.cli import main

    runner = CliRunner()
    result = runner.invoke(cli_app, ["serve", "--db", db_path, "--host", "0.0.0.0"])
    assert result.exit_code != 0 and result.exception.code == "E504" and not started
    result = runner.invoke(cli_app, ["serve", "--db", db_path, "--host", "0.0.0.0", "--token", "t"])
    assert result.exit_code == 0 and started == [{"host": "0.0.0.0", "port": 8000, "log_level": "info"}]
    started.clear()
    result = runner.invoke(cli_app, ["serve", "--db", db_path])
    assert result.exit_code == 0 and started[0]["host"] == "127.0.0.1"
    # through main(): the numbered error and exit status 2
    monkeypatch.setattr("sys.argv", ["eventscope", "serve", "--db", db_path, "--host", "10.1.2.3"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2


def test_alerts_command(db_path):
    result = CliRunner().invoke(cli_app, ["alerts", "--db", db_path, "--since", "2024-03-01", "--all",
                                          "--format", "json"])
    assert result.exit_code == 0, result.output
    alerts = json.loads(result.stdout)
    assert any(a["key"] == "COERCE" and a["week_start"] == "2024-03-11" and a["count"] == 1 for a in alerts)
    bad = CliRunner().invoke(cli_app, ["alerts", "--db", db_path, "--since", "soon"])
    assert bad.exception.code == "E508"


# -- schemathesis: every operation of the OpenAPI document, no 5xx ------------------------------
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402



def _schema_app():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="eventscope-schemathesis-"))
    return create_app(build_db(folder / "events.duckdb"))


schema = schemathesis.openapi.from_asgi("/openapi.json", _schema_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_openapi_no_server_errors(case):
    """Schemathesis generates valid and invalid requests for every operation: none may answer 5xx,
    and each answer must conform to the documented schema and status codes."""
    case.call_and_validate()
