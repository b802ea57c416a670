"""eventscope: news articles in, auditable political events out.

Python API (mirrors the CLI)::

    import eventscope
    events = eventscope.extract(text, published="2015-09-29")   # list[eventscope.Event]
    summary = eventscope.run(["articles.jsonl"], db="events.duckdb")
    df = eventscope.query("events.duckdb", country="AFG", event_type="ASSAULT")
"""
from __future__ import annotations

import functools
import json

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .errors import EventscopeError  # noqa: E402
from .schema import Event  # noqa: E402


@functools.lru_cache(maxsize=4)
def _pipeline(config_json: str):
    from .pipeline import Pipeline

    return Pipeline(Config(json.loads(config_json))).setup()


def extract(text: str, *, published: str | None = None, url: str | None = None, title: str | None = None,
            config: Config | None = None) -> list[Event]:
    """Events of one article (no database). ``published`` is YYYY-MM-DD (anchor for relative dates).

    Offsets (``trigger``, ``evidence``) index the cleaned article text, i.e.
    ``eventscope.ingest.make_article(text).text`` (page-chrome lines removed, whitespace
    normalised); for already clean text that is ``text`` itself.  An article that cannot be
    processed (empty, too short) raises ``EventscopeError`` E110.
    """
    from .ingest import make_article

    config = config or Config()
    article = make_article(text, published=published, url=url, title=title)
    work = _pipeline(json.dumps(config.to_dict(), sort_keys=True)).process([article])[0]
    if work.error:
        raise EventscopeError("E110", detail=work.error)
    return work.events


def run(paths, db, **kwargs):
    """Process files/directories into a DuckDB database (see ``eventscope.runner.run``)."""
    from .runner import run as _run

    return _run([str(p) for p in paths], db, **kwargs)


def query(db, **filters):
    """Matching events as a pandas DataFrame (see ``eventscope.query.Filters``)."""
    from .queries import query as _query

    return _query(str(db), **filters)


def canonical_events(db, **filters):
    """Deduplicated real-world events (one row per canonical event) as a pandas DataFrame."""
    from .dedup import canonical_events as _canonical

    return _canonical(str(db), **filters)


__all__ = ["canonical_events", "Config", "Event", "EventscopeError", "extract", "query", "run", "__version__"]
