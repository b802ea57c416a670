"""Early-warning alerts (eventscope.alerts): Trendfinder levels at their boundaries, the low-baseline
guard, surges over the prior four-week average, and which events count."""
from __future__ import annotations

import datetime as dt

import pytest

from eventscope.alerts import (LARGE_DECREASE, LARGE_INCREASE, LIMITED_CHANGE, LOW_BASELINE, MODERATE_INCREASE,
                               trend_level, weekly_alerts)
from eventscope.store import Store

MONDAY = dt.date(2024, 6, 3)  # the week under review; weeks before it are MONDAY - k weeks


@pytest.mark.parametrize("current, previous, level, pct", [
    (13, 10, LARGE_INCREASE, 30.0),
    (12, 8, LARGE_INCREASE, 50.0),
    (10, 8, MODERATE_INCREASE, 25.0),   # +25 % is still moderate ("> +25 %" is large)
    (11, 10, MODERATE_INCREASE, 10.0),  # +10 % is moderate
    (109, 100, LIMITED_CHANGE, 9.0),
    (75, 100, LIMITED_CHANGE, -25.0),   # -25 % is still limited
    (74, 100, LARGE_DECREASE, -26.0),
    (0, 5, LARGE_DECREASE, -100.0),
    (9, 2, LOW_BASELINE, 350.0),        # fewer than 3 the week before: no level claimed
    (4, 0, LOW_BASELINE, None),
])
def test_trend_levels(current, previous, level, pct):
    assert trend_level(current, previous, min_baseline=3) == (level, pct)


def _db(tmp_path, weekly: dict[str, list[int]], extra: list[tuple] = ()) -> Store:
    """A database whose events are ``weekly[country][k]`` events in week MONDAY - k weeks (k = 0..)."""
    path = tmp_path / "alerts.duckdb"
    rows = []
    for country, counts in weekly.items():
        for k, n in enumerate(counts):
            day = MONDAY - dt.timedelta(weeks=k) + dt.timedelta(days=2)
            rows += [(f"{country}-{k}-{i}", "PROTEST", country, "North", day, "day", "asserted") for i in range(n)]
    rows += list(extra)
    with Store(path) as store:
        store.con.executemany(
            "INSERT INTO events (event_id, event_type, location_country, location_admin1, date_start, "
            "date_precision, factuality) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return Store(path, read_only=True)


def test_weekly_alerts_levels_and_surge(tmp_path):
    # this week, week before, then three more weeks back
    store = _db(tmp_path, {"AAA": [12, 4, 3, 2, 3], "BBB": [10, 10, 10, 10, 10], "CCC": [2, 8, 9, 8, 7]})
    alerts = weekly_alerts(store.con, scopes=("country",), include_all=True)
    by_key = {a["key"]: a for a in alerts}
    aaa = by_key["AAA"]
    assert aaa["week_start"] == MONDAY.isoformat() and aaa["week_end"] == "2024-06-09"
    assert (aaa["count"], aaa["previous"], aaa["change_pct"], aaa["level"]) == (12, 4, 200.0, LARGE_INCREASE)
    assert aaa["prior4_avg"] == 3.0 and aaa["surge"] and aaa["surge_pct"] == 300.0
    assert "12 events" in aaa["reason"] and "surge" in aaa["reason"]
    assert by_key["BBB"]["level"] == LIMITED_CHANGE and not by_key["BBB"]["surge"]
    assert by_key["CCC"]["level"] == LARGE_DECREASE and by_key["CCC"]["change_pct"] == -75.0
    # by default only notable rows: BBB's limited change is left out; surges come first
    notable = weekly_alerts(store.con, scopes=("country",))
    assert [a["key"] for a in notable] == ["AAA", "CCC"]


def test_surge_needs_a_baseline_and_doubling(tmp_path):
    # prior four weeks hold 2 events (< min_baseline 3): no surge even though 6 >> 0.5
    store = _db(tmp_path, {"DDD": [6, 1, 0, 1, 0], "EEE": [7, 4, 4, 4, 4]})
    by_key = {a["key"]: a for a in weekly_alerts(store.con, scopes=("country",), include_all=True)}
    assert not by_key["DDD"]["surge"] and by_key["DDD"]["level"] == LOW_BASELINE
    assert not by_key["EEE"]["surge"]  # 7 < 2 x 4
    assert by_key["EEE"]["level"] == LARGE_INCREASE  # +75 %


def test_scopes_and_counted_events(tmp_path):
    day = MONDAY + dt.timedelta(days=1)
    extra = [
        ("planned", "PROTEST", "AAA", "North", day, "day", "planned"),  # did not happen: not counted
        ("yearly", "PROTEST", "AAA", "North", dt.date(2024, 1, 1), "year", "asserted"),  # too coarse
        ("article", "PROTEST", "AAA", "North", day, "article", "asserted"),  # around publication: counted
    ]
    store = _db(tmp_path, {"AAA": [3, 3]}, extra)
    alerts = weekly_alerts(store.con, include_all=True)
    keys = {(a["scope"], a["key"]): a["count"] for a in alerts if a["week_start"] == MONDAY.isoformat()}
    assert keys == {("country", "AAA"): 4, ("admin1", "AAA/North"): 4, ("event_type", "PROTEST"): 4}
    assert {a["label"] for a in alerts if a["scope"] == "admin1"} == {"North, AAA"}


def test_since_reports_every_week_and_clamps(tmp_path):
    store = _db(tmp_path, {"AAA": [0, 6, 0, 3]})
    weeks = {a["week_start"] for a in weekly_alerts(store.con, since="0001-01-01", until="9999-12-31",
                                                    include_all=True, scopes=("country",))}
    # activity 3 and 1 weeks before MONDAY and the drop after the first; the data end a week before
    # MONDAY, so the range stops there
    assert weeks == {(MONDAY - dt.timedelta(weeks=k)).isoformat() for k in (3, 2, 1)}
    latest = weekly_alerts(store.con, weeks=2, include_all=True, scopes=("country",))
    assert [a["week_start"] for a in latest] == ["2024-05-27", "2024-05-20"]
