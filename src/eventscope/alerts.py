"""Early-warning alerts: weekly change per country, admin1 and event type, in ACLED Trendfinder levels.

For every week under review (ISO weeks, Monday to Sunday) and every scope key (a country's ISO3
code, an admin1 within its country, a PLOVER event type) the week's event count is compared with

* the week before, as a percentage change put into ACLED Trendfinder's levels:
  ``> +25 %`` large increase, ``+10 … +25 %`` moderate increase, ``−25 … +10 %`` limited change,
  ``< −25 %`` large decrease;  when the week before had fewer than ``min_baseline`` events the
  percentage means little (1 → 3 is "+200 %"), so the level is ``low baseline`` instead;
* the average of the four weeks before: a **surge** is a count at least 100 % above that average
  (twice it or more), when those four weeks held at least ``min_baseline`` events and the week
  itself at least ``min_baseline``.

Counted events are those that happened (factuality ``asserted``, ``historical`` or ``reported-claim``) with a date
precise enough to fall in one week (precision ``day``, ``week`` or ``article``, i.e. around the
publication date); month- and year-precision dates and unanchored ones are left out.  Every alert
carries the numbers behind it and a one-line ``reason``.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from enum import Enum

class Scope(str, Enum):
    """What an alert counts by (shared by the CLI and the API)."""

    country = "country"
    admin1 = "admin1"
    event_type = "event_type"


LARGE_INCREASE = "large increase"
MODERATE_INCREASE = "moderate increase"
LIMITED_CHANGE = "limited change"
LARGE_DECREASE = "large decrease"
LOW_BASELINE = "low baseline"
NOTABLE = (LARGE_INCREASE, MODERATE_INCREASE, LARGE_DECREASE)
SCOPES = ("country", "admin1", "event_type")
COUNTED_PRECISIONS = ("day", "week", "article")
COUNTED_FACTUALITY = ("asserted", "historical", "reported-claim")
WEEK = dt.timedelta(days=7)

# One row per (scope, key, week): the events that happened there that week.
_COUNTS_SQL = """
WITH counted AS (
  SELECT event_type, location_country, location_admin1, CAST(date_trunc('week', date_start) AS DATE) AS week
  FROM events
  WHERE date_start IS NOT NULL AND date_precision IN (SELECT unnest(?)) AND factuality IN (SELECT unnest(?))
)
SELECT scope, key, label, week, count(*) AS n FROM (
  SELECT 'country' AS scope, location_country AS key, location_country AS label, week
    FROM counted WHERE location_country IS NOT NULL
  UNION ALL
  SELECT 'admin1', location_country || '/' || location_admin1, location_admin1 || ', ' || location_country, week
    FROM counted WHERE location_country IS NOT NULL AND location_admin1 IS NOT NULL
  UNION ALL
  SELECT 'event_type', event_type, event_type, week FROM counted
) WHERE week >= CAST(? AS DATE) AND week <= CAST(? AS DATE)
GROUP BY ALL
"""


def trend_level(current: int, previous: int, min_baseline: int = 3) -> tuple[str, float | None]:
    """The Trendfinder level of a change from ``previous`` to ``current`` and the change in percent.

    The percentage is None when there was nothing before; below ``min_baseline`` the level is
    ``low baseline`` whatever the percentage."""
    pct = None if previous == 0 else round(100.0 * (current - previous) / previous, 1)
    if previous < min_baseline:
        return LOW_BASELINE, pct
    if pct > 25:
        return LARGE_INCREASE, pct
    if pct >= 10:
        return MODERATE_INCREASE, pct
    if pct >= -25:
        return LIMITED_CHANGE, pct
    return LARGE_DECREASE, pct


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def weekly_alerts(con, since: dt.date | str | None = None, until: dt.date | str | None = None,
                  min_baseline: int = 3, include_all: bool = False, scopes: tuple[str, ...] = SCOPES,
                  weeks: int = 1) -> list[dict]:
    """Alerts for the weeks from ``since`` to ``until`` (default: the latest week with counted events);
    without ``since``, the last ``weeks`` weeks up to ``until``.

    ``con`` is a DuckDB connection to an eventscope database.  Without ``include_all`` only notable
    rows are returned (a large or moderate increase, a large decrease, or a surge); with it every
    key active in the week or the week before.  Newest week first, surges first, then the largest
    changes."""
    first, last = con.execute(
        "SELECT min(date_start), max(date_start) FROM events WHERE date_precision IN (SELECT unnest(?)) "
        "AND factuality IN (SELECT unnest(?))", [list(COUNTED_PRECISIONS), list(COUNTED_FACTUALITY)]).fetchone()
    if last is None:
        return []
    # Weeks outside the data hold nothing: clamp the range to it (also keeps date arithmetic in range).
    until_d = week_start(min(_as_date(until), last) if until else last)
    since_d = week_start(_as_date(since)) if since else until_d - (max(weeks, 1) - 1) * WEEK
    since_d = max(since_d, week_start(first))
    if since_d > until_d:
        return []
    rows = con.execute(_COUNTS_SQL, [list(COUNTED_PRECISIONS), list(COUNTED_FACTUALITY),
                                     since_d - 4 * WEEK, until_d]).fetchall()
    counts: dict[tuple[str, str], dict[dt.date, int]] = defaultdict(dict)
    labels: dict[tuple[str, str], str] = {}
    for scope, key, label, week, n in rows:
        if scope in scopes:
            counts[(scope, key)][week] = n
            labels[(scope, key)] = label
    alerts = []
    for (scope, key), by_week in counts.items():
        # a key can only change in a week where it had events or the week after one
        weeks_seen = sorted({w for w in by_week} | {w + WEEK for w in by_week})
        for week in weeks_seen:
            if not since_d <= week <= until_d:
                continue
            alert = _alert(scope, key, labels[(scope, key)], week, by_week, min_baseline)
            if alert and (include_all or alert["level"] in NOTABLE or alert["surge"]):
                alerts.append(alert)
    alerts.sort(key=lambda a: (a["week_start"], a["surge"], abs(a["change_pct"] or 0), a["count"], a["key"]),
                reverse=True)
    return alerts


def _alert(scope: str, key: str, label: str, week: dt.date, by_week: dict[dt.date, int],
           min_baseline: int) -> dict | None:
    """The numbers of one key in one week, with level, surge and reason; None if it was quiet both weeks."""
    current = by_week.get(week, 0)
    previous = by_week.get(week - WEEK, 0)
    if current == 0 and previous == 0:
        return None
    prior4 = sum(by_week.get(week - k * WEEK, 0) for k in range(1, 5))
    avg4 = prior4 / 4
    level, pct = trend_level(current, previous, min_baseline)
    surge_pct = round(100.0 * (current - avg4) / avg4, 1) if avg4 else None
    surge = bool(avg4 and prior4 >= min_baseline and current >= min_baseline and current >= 2 * avg4)
    change = "n/a" if pct is None else f"{pct:+.0f} %"
    reason = (f"{label}: {current} events in the week of {week.isoformat()} vs {previous} the week before "
              f"({change}): {level}")
    if level == LOW_BASELINE:
        reason += f" (fewer than {min_baseline} events the week before)"
    reason += f"; prior four-week average {avg4:.2f}"
    if surge:
        reason += f" ({surge_pct:+.0f} %): surge"
    return {
        "scope": scope, "key": key, "label": label,
        "week_start": week.isoformat(), "week_end": (week + dt.timedelta(days=6)).isoformat(),
        "count": current, "previous": previous, "change_pct": pct, "level": level,
        "prior4_total": prior4, "prior4_avg": round(avg4, 2), "surge": surge, "surge_pct": surge_pct,
        "reason": reason,
    }


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
