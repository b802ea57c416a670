"""Latency of the REST API and the dashboard's first render, on a synthetic database.

    python bench/api_latency.py --events 100000 --requests 400 [--db /tmp/synthetic.duckdb] [--json]

Builds (or reuses) a database of N synthetic events written through the real Store (10 events per
article, 12 countries with admin1 areas, 14 event types, 2 years of dates, actors), serves it with
uvicorn on 127.0.0.1 only, and measures

* p50/p95/max latency of GET /events.json with filters (a fixed, seeded mix of type, country,
  admin1, actor, factuality, date range, bbox, full text and paging; limit 100), one request at a time;
* the dashboard's first render in headless Chromium (/usr/bin/chromium): from navigation start until
  every panel is drawn and the map is idle (``body[data-ready]``), median of --renders page loads.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

COUNTRIES = {  # ISO3: (lon, lat, [admin1...])
    "AFG": (67.7, 33.9, ["Kabul", "Kandahar", "Herat"]), "SDN": (30.2, 12.9, ["Khartoum", "North Darfur"]),
    "UKR": (31.2, 48.4, ["Kyiv", "Kharkiv", "Donetsk"]), "NGA": (8.7, 9.1, ["Lagos", "Borno", "Kano"]),
    "MEX": (-102.5, 23.6, ["Jalisco", "Sinaloa"]), "COL": (-74.3, 4.6, ["Antioquia", "Cauca"]),
    "IND": (78.9, 20.6, ["Manipur", "Punjab"]), "MMR": (95.9, 21.9, ["Rakhine", "Shan"]),
    "FRA": (2.2, 46.2, ["Île-de-France", "Occitanie"]), "USA": (-98.6, 39.8, ["California", "Texas"]),
    "SOM": (46.2, 5.2, ["Banaadir", "Bay"]), "SYR": (38.9, 34.8, ["Idlib", "Aleppo"]),
}
TYPES = ["ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE", "REQUEST", "AGREE", "CONSULT",
         "SUPPORT", "AID", "SANCTION", "RETREAT", "REJECT"]
ACTORS = [("police", "COP"), ("army", "MIL"), ("rebels", "REB"), ("protesters", "CVL"), ("government", "GOV"),
          ("militia", "REB"), ("students", "CVL"), ("ministry", "GOV")]
WORDS = "attack clash protest arrest meeting agreement aid strike march raid rally talks ceasefire".split()


def build(path: Path, n_events: int, seed: int = 7) -> None:
    """Write ``n_events`` synthetic events (10 per article) into a new database at ``path``."""
    from eventscope.schema import Actor, Article, Event, EventDate, Place, Span, Work
    from eventscope.store import Store

    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    codes = list(COUNTRIES)
    with Store(path) as store:
        run = store.start_run(["synthetic"], {}, {})
        batch: list[Work] = []
        for a in range(n_events // 10):
            published = start + dt.timedelta(days=rng.randrange(730))
            sentences = [f"Sentence {i}: {rng.choice(WORDS)} near {rng.choice(WORDS)} with {rng.choice(WORDS)}."
                         for i in range(10)]
            text = " ".join(sentences)
            article = Article(article_id=f"syn-{a}", text=text, title=f"Synthetic report {a}",
                              published=published.isoformat(), published_from="record", source="synthetic")
            events, offset = [], 0
            for i, sentence in enumerate(sentences):
                country = rng.choice(codes)
                lon, lat, admins = COUNTRIES[country]
                day = published - dt.timedelta(days=rng.randrange(3))
                src, tgt = rng.sample(ACTORS, 2)
                etype = rng.choice(TYPES)
                events.append(Event(
                    event_id=f"syn-{a}-{i}", article_id=article.article_id, event_type=etype,
                    trigger=Span(text=sentence[13:19], start=offset + 13, end=offset + 19),
                    source=Actor(text=src[0], country=country, sector=src[1], reason="synthetic"),
                    target=Actor(text=tgt[0], country=country, sector=tgt[1], reason="synthetic"),
                    location=Place(name=f"Town {rng.randrange(50)}", country=country, admin1=rng.choice(admins),
                                   lat=lat + rng.uniform(-3, 3), lon=lon + rng.uniform(-3, 3), reason="synthetic"),
                    date=EventDate(value=day.isoformat(), precision="day", reason="synthetic"),
                    factuality=rng.choices(["asserted", "planned", "negated"], [0.85, 0.1, 0.05])[0],
                    fatalities=rng.choice([None, 0, 1, 3]) if etype == "ASSAULT" else None,
                    evidence=Span(text=sentence, start=offset, end=offset + len(sentence)),
                    confidence=0.8, reasons={"type": "synthetic"}))
                offset += len(sentence) + 1
            batch.append(Work(article=article, events=events))
            if len(batch) == 1000:
                store.write_batch(batch, run)
                batch = []
        if batch:
            store.write_batch(batch, run)


def queries(n: int, seed: int = 11) -> list[dict]:
    """A seeded mix of filter combinations like the dashboard sends."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        country = rng.choice(list(COUNTRIES))
        lon, lat, admins = COUNTRIES[country]
        since = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(600))
        options = [
            {"type": rng.choice(TYPES)},
            {"country": country},
            {"country": country, "admin1": rng.choice(admins)},
            {"actor": rng.choice(ACTORS)[0]},
            {"factuality": "asserted", "type": rng.choice(TYPES)},
            {"since": since.isoformat(), "until": (since + dt.timedelta(days=30)).isoformat()},
            {"bbox": f"{lon - 4:.2f},{lat - 4:.2f},{lon + 4:.2f},{lat + 4:.2f}"},
            {"q": rng.choice(WORDS)},
            {"type": rng.choice(TYPES), "country": country, "since": since.isoformat(), "sort": "-date"},
            {"offset": rng.randrange(0, 5000)},
        ]
        params = dict(rng.choice(options))
        params["limit"] = 100
        out.append(params)
    return out


def serve(db: Path):
    """Start the app with uvicorn on 127.0.0.1 (a free port) in a thread; return (server, base url)."""
    import uvicorn

    from eventscope.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def latency(base: str, n_requests: int) -> dict:
    import httpx

    times = []
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get("/events.json", params={"limit": 1})  # warm-up
        for params in queries(n_requests):
            t0 = time.perf_counter()
            r = client.get("/events.json", params=params)
            times.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{r.status_code} for {params}: {r.text[:200]}")
    times.sort()
    return {"requests": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1)}


def first_render(base: str, renders: int) -> dict:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"]
    values = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(renders):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready]", timeout=120000)
            values.append(page.evaluate("window.__firstRenderSinceNavigationMs"))
            page.close()
        browser.close()
    return {"renders": renders, "first_render_ms_median": round(statistics.median(values), 0),
            "first_render_ms_all": [round(v) for v in values]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--renders", type=int, default=3)
    ap.add_argument("--db", type=Path, default=Path("/tmp/eventscope-bench-synthetic.duckdb"))
    ap.add_argument("--no-browser", action="store_true", help="Skip the Chromium first-render measurement.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result: dict = {"events": args.events, "db": str(args.db)}
    import duckdb

    existing = 0
    if args.db.exists():
        with duckdb.connect(str(args.db), read_only=True) as con:
            existing = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if existing != args.events:
        args.db.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(args.db, args.events)
        result["build_s"] = round(time.perf_counter() - t0, 1)
    server, base = serve(args.db)
    try:
        result["events_json"] = latency(base, args.requests)
        if not args.no_browser:
            result["dashboard"] = first_render(base, args.renders)
    finally:
        server.should_exit = True
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>12}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
