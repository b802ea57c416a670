"""The dashboard in headless Debian Chromium (Playwright, executable /usr/bin/chromium), served on
127.0.0.1 over a database built from the bundled sample corpus: it loads, a filter changes the map
markers, the table rows and the URL, and opening an event shows its article with the evidence
highlighted and the reasons.  Skipped only when Chromium is absent and CI is not "true"."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

if os.environ.get("CI") != "true":
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed (apt-get install chromium); required under CI=true",
                    allow_module_level=True)
    pytest.importorskip("playwright")

from playwright.sync_api import expect, sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from eventscope.runner import run, sample_corpus

    path = tmp_path_factory.mktemp("web") / "sample.duckdb"
    run([str(sample_corpus())], path)
    return path


@pytest.fixture(scope="module")
def base_url(sample_db):
    import uvicorn

    from eventscope.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(sample_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        assert time.time() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    context.close()


def wait_rendered(page, after: int = 0) -> int:
    """Wait until the dashboard finished a render later than render number ``after``; return its number."""
    page.wait_for_function(
        "n => Number(document.body.dataset.renders || 0) > n && !document.body.dataset.loading", arg=after,
        timeout=30000)
    return int(page.evaluate("document.body.dataset.renders"))


def test_dashboard_filter_and_event(page, base_url):
    page.goto(base_url + "/")
    page.wait_for_selector("body[data-ready]", timeout=30000)
    renders = wait_rendered(page)
    all_markers = int(page.get_attribute("#map", "data-markers"))
    assert all_markers > 0
    assert page.locator("#events-table tbody tr").count() == 50  # first page
    assert page.locator("#timeline .bar").count() > 0 and page.locator("#network .node").count() > 0
    assert page.locator("#map canvas").count() == 1  # MapLibre rendered with WebGL

    # apply a filter: the type selector
    page.select_option("#filters select[name=type]", "ASSAULT")
    renders = wait_rendered(page, renders)
    assert "type=ASSAULT" in page.url
    api = page.request.get(base_url + "/events.geojson?type=ASSAULT&limit=100000").json()
    markers = int(page.get_attribute("#map", "data-markers"))
    assert markers == len(api["features"]) and markers < all_markers
    rows = page.locator("#events-table tbody tr")
    total = page.request.get(base_url + "/events.json?type=ASSAULT&limit=1").json()["total"]
    assert rows.count() == min(50, total)
    assert all(t.startswith("ASSAULT") for t in rows.locator("td:nth-child(2)").all_inner_texts())

    # a text filter narrows further and lands in the URL too
    page.fill("#filters input[name=q]", "police")
    page.press("#filters input[name=q]", "Enter")
    renders = wait_rendered(page, renders)
    assert "q=police" in page.url and "type=ASSAULT" in page.url
    narrowed = page.request.get(base_url + "/events.json?type=ASSAULT&q=police&limit=100&sort=-date").json()
    assert rows.count() == narrowed["total"] > 0

    # open an event: its article with the evidence sentence highlighted, and the reasons
    first = narrowed["events"][0]
    rows.first.click()
    mark = page.locator("#detail mark.evidence")
    expect(mark).to_be_visible()
    assert mark.inner_text().strip() == first["evidence"]["text"].strip()
    assert f"event={first['event_id']}" in page.url
    reasons = page.locator("#detail .reasons dt").all_inner_texts()
    assert "type" in reasons and "factuality" in reasons
    assert first["trigger"]["text"] in page.locator("#detail mark.evidence strong").inner_text()
    assert not page.errors


def test_shared_link_restores_filters(page, base_url):
    event = page.request.get(base_url + "/events.json?country=USA&limit=1&sort=-date").json()["events"][0]
    page.goto(f"{base_url}/?country=USA&since=2019-01-01&event={event['event_id']}")
    page.wait_for_selector("body[data-ready]", timeout=30000)
    assert page.input_value("#filters select[name=country]") == "USA"
    assert page.input_value("#filters input[name=since]") == "2019-01-01"
    expect(page.locator("#detail mark.evidence")).to_have_text(event["evidence"]["text"])
    total = page.request.get(base_url + "/events.json?country=USA&since=2019-01-01&limit=1").json()["total"]
    assert page.locator("#summary").inner_text() == f"{total} events"
    # back to the unfiltered dashboard through the browser history after clearing
    page.click("#clear")
    page.wait_for_function("!location.search")
    assert not page.errors
