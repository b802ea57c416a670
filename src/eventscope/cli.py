"""The ``eventscope`` command line (typer + rich). Mirrors the Python API.

User mistakes print one line ``error[E101]: ...`` and exit with status 2;
a bad article inside a run is reported, skipped, and the run goes on.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .config import Config
from .errors import EventscopeError
from .alerts import Scope as AlertScope
from .schema import PLOVER_TYPES

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news articles into auditable political event data.")
err = Console(stderr=True)
out = Console() if sys.stdout.isatty() else Console(width=200)  # piped tables are not squeezed to 80 columns

ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML file layered over the defaults.")]
SetOpt = Annotated[Optional[list[str]], typer.Option("--set", help="Dotted override, e.g. --set engine.workers=2")]


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class AlertsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class EngineName(str, Enum):
    local = "local"
    ray = "ray"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    geojson = "geojson"
    gdelt = "gdelt"
    acled = "acled"


def _config(path: Path | None, sets: list[str] | None, **direct) -> Config:
    cfg = Config.load(path, sets or [])
    for key, value in direct.items():
        if value is not None:
            cfg.set(key, value)
    return cfg


def _version(value: bool):
    if value:
        out.print(f"eventscope {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                       help="Print the version and exit.")] = False):
    """eventscope: news in, events out (PLOVER / CAMEO / ACLED), offline."""


@app.command()
def run(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories, or - for stdin.")] = None,
    db: Annotated[Path, typer.Option(help="DuckDB file to write.")] = Path("events.duckdb"),
    sample: Annotated[bool, typer.Option("--sample", help="Process the bundled sample corpus.")] = False,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for inputs lacking one.")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Worker processes (engine.workers).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Skip articles already stored in --db.")] = False,
    engine: Annotated[EngineName, typer.Option("--engine", help="local (default) or ray (needs the 'ray' extra).")
                      ] = EngineName.local,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Existing Ray cluster "
                                                       "(e.g. ray://head:10001); default: start a local one.")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
):
    """Extract events from articles into a DuckDB database."""
    from .runner import run as do_run, sample_corpus

    cfg = _config(config, set_, **{"engine.workers": workers})
    inputs = list(paths or []) + ([str(sample_corpus())] if sample else [])
    if not inputs:
        raise EventscopeError("E101", path="(no input: give PATH... or --sample)")
    columns = (TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(), TimeRemainingColumn())
    total = _count_inputs(inputs)
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("run", total=total, rate="0.0")

        def advance(n: int) -> None:
            progress.advance(task, n)
            t = progress.tasks[0]
            progress.update(task, rate=f"{(t.completed / t.elapsed) if t.elapsed else 0:.1f}")

        summary = do_run(inputs, db, config=cfg, published=published, resume=resume,
                         on_problem=_warn, on_batch=advance, engine=engine.value, ray_address=ray_address)
        progress.update(task, total=progress.tasks[0].completed)  # bad lines were counted but not processed
    stats = summary.as_dict()
    table = Table(title=f"run {stats['run_id']} -> {db}", show_header=False)
    for key, value in stats.items():
        table.add_row(key, str(value))
    err.print(table)


def _count_inputs(inputs: list[str]) -> int | None:
    """Rough article count for the progress bar (JSONL lines + other files); None if unknown."""
    total = 0
    for item in inputs:
        p = Path(item)
        if item == "-" or not p.exists():
            return None
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
        for f in files:
            if f.suffix in (".jsonl", ".json"):
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif f.suffix in (".txt", ".html", ".htm"):
                total += 1
    return total


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A text/HTML/JSONL file, or - for stdin.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.jsonl,
    config: ConfigOpt = None,
    set_: SetOpt = None,
):
    """Print the events of FILE to stdout (no database)."""
    from .engine import run_local
    from .ingest import iter_articles

    cfg = _config(config, set_)
    problems: list[str] = []
    articles = iter_articles([file], published=published, config=cfg, on_problem=problems.append)
    events = []
    for batch in run_local(articles, cfg):
        for work in batch:
            if work.error:
                problems.append(f"{work.article.origin}: skipped: {work.error}")
            events.extend(work.events)
    for msg in problems:
        _warn(msg)
    if format is ExtractFormat.jsonl:
        for ev in events:
            sys.stdout.write(ev.model_dump_json() + "\n")
    elif format is ExtractFormat.json:
        sys.stdout.write(json.dumps([ev.model_dump(mode="json") for ev in events], indent=2, ensure_ascii=False) + "\n")
    else:
        out.print(_events_table([ev.model_dump(mode="json") for ev in events]))


def _confusion_table(field: str, table: dict[str, dict[str, int]]) -> Table:
    """Gold labels as rows, predictions as columns ("-" = none)."""
    labels = sorted(set(table) | {p for row in table.values() for p in row})
    grid = Table(title=f"confusion: {field} (rows gold, columns predicted)")
    grid.add_column("gold")
    for lab in labels:
        grid.add_column(lab[:8], justify="right")
    for g in labels:
        if g in table:
            grid.add_row(g, *(str(table[g].get(p, "")) for p in labels))
    return grid


def _warn(message: str) -> None:
    err.print(f"[yellow]warning[/]: {escape(message)}", highlight=False)


def _actor(actor: dict | None) -> str:
    if not actor:
        return ""
    code = " ".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{actor['text']} ({code})" if code else actor["text"]


def _events_table(records: list[dict]) -> Table:
    """One table layout for `extract` and `query`: short columns never wrap, evidence folds."""
    table = Table(show_lines=False)
    for name, low, high in (("date", 10, 10), ("type", 8, 9), ("mode", 4, 10), ("source", 10, 24),
                            ("target", 10, 24), ("place", 8, 14), ("fact.", 8, 12), ("dead", 4, 4)):
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=low, max_width=high)
    table.add_column("evidence", min_width=24, overflow="fold")
    for rec in records:
        date, loc = rec.get("date") or {}, rec.get("location") or {}
        dead = rec.get("fatalities")
        table.add_row(date.get("value") or "", rec["event_type"], rec.get("mode") or "", _actor(rec.get("source")),
                      _actor(rec.get("target")), loc.get("name") or "", rec["factuality"],
                      "" if dead is None else str(dead), rec["evidence"]["text"])
    return table


@app.command()
def query(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `eventscope run`.")] = Path("events.duckdb"),
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of place, source or target.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Substring of an actor's text or name.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Events on/after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on/before YYYY-MM-DD.")] = None,
    factuality: Annotated[Optional[str], typer.Option(help="asserted|planned|hypothetical|negated|historical|reported-claim")] = None,
    limit: Annotated[Optional[int], typer.Option(min=0, help="At most this many events.")] = None,
    format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
    canonical: Annotated[bool, typer.Option("--canonical", help="One row per real-world event (cross-article "
                                            "dedup) with its mentions and sources.")] = False,
):
    """Filter stored events."""
    from .queries import Filters, select_events
    from .store import Store

    if type and type.upper() not in PLOVER_TYPES:
        raise EventscopeError("E406", value=type, choices=", ".join(PLOVER_TYPES))
    _valid_range(since, until)
    filters = Filters(event_type=type, country=country, actor=actor, since=since, until=until,
                      factuality=factuality, limit=limit)
    if canonical:
        return _query_canonical(db, filters, format)
    with Store(db, read_only=True) as store:
        if format is QueryFormat.jsonl:
            for (record,) in select_events(store, filters, "record").fetchall():
                sys.stdout.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
            return
        if format is QueryFormat.csv:
            from .exports import FLAT_COLUMNS

            select_events(store, filters, FLAT_COLUMNS).df().to_csv(sys.stdout, index=False)
            return
        records = [json.loads(r) for (r,) in select_events(store, filters, "record").fetchall()]
    out.print(_events_table(records))
    err.print(f"{len(records)} events")


def _query_canonical(db: Path, filters, format: QueryFormat) -> None:
    """``query --canonical``: canonical events with mentions, sources, first/last seen."""
    import pandas as pd

    from .dedup import CANONICAL_COLUMNS, select_canonical
    from .store import Store

    with Store(db, read_only=True) as store:
        df = select_canonical(store, filters, CANONICAL_COLUMNS).df()
    if format is QueryFormat.csv:
        df.to_csv(sys.stdout, index=False)
    elif format is QueryFormat.jsonl:
        sys.stdout.write(df.to_json(orient="records", lines=True, date_format="iso", force_ascii=False))
    else:
        table = Table("canonical_id", "mentions", "sources", "first seen", "last seen", "date", "type", "place",
                      "evidence")
        for r in df.itertuples():
            table.add_row(*(("" if pd.isna(v) else str(v)) for v in (
                r.canonical_id, r.mentions, r.sources, r.first_seen, r.last_seen, r.date_value, r.event_type,
                r.location_name, r.evidence)))
        out.print(table)
        err.print(f"{len(df)} canonical events")


@app.command()
def export(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `eventscope run`.")] = Path("events.duckdb"),
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.csv,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="File to write (default events.<format>).")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of place, source or target.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Substring of an actor's text or name.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Events on/after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on/before YYYY-MM-DD.")] = None,
    factuality: Annotated[Optional[str], typer.Option(help="One or several, comma-separated: asserted,historical,"
                                                      "reported-claim (what happened), planned, hypothetical, negated")] = None,
):
    """Export stored events (all, or those the filters select) to a file (gdelt: GDELT 2.0 event columns, TSV;
    acled: ACLED columns, CSV, only the events that happened)."""
    from .exports import DEFAULT_NAMES, export as do_export
    from .queries import Filters

    if type and type.upper() not in PLOVER_TYPES:
        raise EventscopeError("E406", value=type, choices=", ".join(PLOVER_TYPES))
    _valid_range(since, until)
    filters = Filters(event_type=type, country=country, actor=actor, since=since, until=until, factuality=factuality)
    out_path = out_path or Path(DEFAULT_NAMES[format.value])
    n = do_export(db, format.value, out_path, filters)
    what = {"geojson": "events with coordinates", "acled": "events of ACLED's types that happened"}.get(format.value, "events")
    err.print(f"wrote {n} {what} to {out_path}")


@app.command("eval")
def eval_(
    task: Annotated[str, typer.Argument(help="geo | dates | events | pronouns")],
    gold: Annotated[Path, typer.Option(help="Gold JSONL file (see shared/data/*/PROVENANCE.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    baseline: Annotated[Optional[Path], typer.Option(help="Baseline file: exit 1 if a metric drops below it.")] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
):
    """Score a stage on gold data."""
    from .eval import check_baseline, evaluate

    result = evaluate(task, gold, _config(config, set_))
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
    else:
        for key, value in result.items():
            if not isinstance(value, dict):
                out.print(f"{key:>24}: {value}")
        for key, value in result.items():
            if isinstance(value, dict) and key not in ("gold", "confusion"):
                out.print(f"{key:>24}: {json.dumps(value)[:400]}")
        for field, table in result.get("confusion", {}).items():
            out.print(_confusion_table(field, table))
    if baseline:
        failures = check_baseline(result, baseline)
        for msg in failures:
            err.print(f"[red]below baseline[/]: {msg}")
        if failures:
            raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `eventscope run` (opened read-only).")] = Path(
        "events.duckdb"),
    host: Annotated[str, typer.Option(help="Address to bind; beyond loopback a --token is required.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="EVENTSCOPE_TOKEN",
                                                 help="Clients must send 'Authorization: Bearer TOKEN' "
                                                      "(the dashboard: open /?token=TOKEN once).")] = None,
):
    """Serve the REST API (docs at /docs) and the dashboard (at /) over a database, read-only."""
    from .api import check_bind, create_app

    check_bind(host, token)
    application = create_app(db, token=token)
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    err.print(f"eventscope: serving {db} read-only on http://{shown}:{port}/ (API docs: /docs)", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="info")


@app.command()
def alerts(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `eventscope run`.")] = Path("events.duckdb"),
    since: Annotated[Optional[str], typer.Option(help="Report every week from this date's week on "
                                                      "(default: only the latest week with dated events).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Last week to report (YYYY-MM-DD in it).")] = None,
    scope: Annotated[Optional[AlertScope], typer.Option(help="Only this scope.")] = None,
    min_baseline: Annotated[int, typer.Option(help="Fewer events the week before: level 'low baseline'.",
                                              min=1)] = 3,
    all_: Annotated[bool, typer.Option("--all", help="Every active key, not only notable changes and surges.")] = False,
    format: Annotated[AlertsFormat, typer.Option("--format")] = AlertsFormat.table,
):
    """Weekly change per country / admin1 / event type (ACLED Trendfinder levels) and surges."""
    from .alerts import SCOPES, weekly_alerts
    from .store import Store

    for option, value in (("--since", since), ("--until", until)):
        _valid_date(value, option)
    with Store(db, read_only=True) as store:
        found = weekly_alerts(store.con, since=since, until=until, min_baseline=min_baseline, include_all=all_,
                              scopes=(scope.value,) if scope else SCOPES)
    if format is AlertsFormat.json:
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    elif format is AlertsFormat.jsonl:
        for alert in found:
            sys.stdout.write(json.dumps(alert, ensure_ascii=False) + "\n")
    else:
        table = Table("week", "scope", "key", "events", "week before", "change", "level", "4-week avg", "surge")
        for a in found:
            change = "" if a["change_pct"] is None else f"{a['change_pct']:+.0f} %"
            surge = f"{a['surge_pct']:+.0f} %" if a["surge"] else ""
            table.add_row(a["week_start"], a["scope"], a["label"], str(a["count"]), str(a["previous"]), change,
                          a["level"], f"{a['prior4_avg']:.2f}", surge)
        out.print(table)
        err.print(f"{len(found)} alerts")


def _valid_range(since: str | None, until: str | None) -> None:
    """Both dates well formed, and the range not empty (E508, E509)."""
    _valid_date(since, "--since")
    _valid_date(until, "--until")
    if since and until and since > until:
        raise EventscopeError("E509", since=since, until=until)


def _valid_date(value: str | None, option: str) -> None:
    import datetime as dt

    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise EventscopeError("E508", value=value, option=option) from None


def main() -> None:
    try:
        app()
    except EventscopeError as exc:
        err.print(f"[red]error[{exc.code}][/]: {exc.detail}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted: stored batches are kept; continue with --resume")
        sys.exit(130)


if __name__ == "__main__":
    main()
