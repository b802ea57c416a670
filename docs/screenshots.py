"""Screenshots of the dashboard for the docs: ``python docs/screenshots.py DB`` (e.g. a database from
``eventscope run --sample``) writes docs/dashboard.png (overview) and docs/dashboard-event.png
(filtered to ASSAULT, one event open with its evidence highlighted).  Headless /usr/bin/chromium,
server on 127.0.0.1 only."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from api_latency import serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
OUT = Path(__file__).parent


def main(db: str) -> None:
    server, base = serve(Path(db))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1100})
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready]")
            page.screenshot(path=str(OUT / "dashboard.png"))
            event = page.request.get(base + "/events.json?type=ASSAULT&country=POL&limit=1&sort=-date").json()
            page.goto(f"{base}/?type=ASSAULT&event={event['events'][0]['event_id']}")
            page.wait_for_selector("body[data-ready]")
            page.screenshot(path=str(OUT / "dashboard-event.png"))
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1])
