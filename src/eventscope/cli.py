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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .config import Config
from .errors import EventscopeError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news articles into auditable political event data.")
err = Console(stderr=True)
out = Console()

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
                         on_problem=lambda m: err.print(f"[yellow]warning[/]: {m}", markup=True, highlight=False),
                         on_batch=advance)
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
        err.print(f"[yellow]warning[/]: {msg}", markup=True, highlight=False)
    if format is ExtractFormat.jsonl:
        for ev in events:
            sys.stdout.write(ev.model_dump_json() + "\n")
    elif format is ExtractFormat.json:
        sys.stdout.write(json.dumps([ev.model_dump(mode="json") for ev in events], indent=2, ensure_ascii=False) + "\n")
    else:
        table = Table("type", "mode", "source", "target", "place", "date", "fact.", "dead", "evidence")
        for ev in events:
            table.add_row(ev.event_type, ev.mode or "", _actor(ev.source), _actor(ev.target),
                          ev.location.name if ev.location else "", ev.date.value or "" if ev.date else "",
                          ev.factuality, "" if ev.fatalities is None else str(ev.fatalities),
                          ev.evidence.text[:80])
        out.print(table)


def _actor(actor) -> str:
    if actor is None:
        return ""
    code = "".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.text} ({code})" if code else actor.text


@app.command()
def query(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `eventscope run`.")] = Path("events.duckdb"),
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of place, source or target.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Substring of an actor's text or name.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Events on/after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on/before YYYY-MM-DD.")] = None,
    factuality: Annotated[Optional[str], typer.Option(help="asserted|planned|hypothetical|negated|historical")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
):
    """Filter stored events."""
    from .queries import Filters, select_events
    from .store import Store

    filters = Filters(event_type=type, country=country, actor=actor, since=_date(since), until=_date(until),
                      factuality=factuality, limit=limit)
    with Store(db, read_only=True) as store:
        if format is QueryFormat.jsonl:
            for (record,) in select_events(store, filters, "record").fetchall():
                sys.stdout.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
            return
        from .exports import FLAT_COLUMNS

        df = select_events(store, filters, FLAT_COLUMNS).df()
    if format is QueryFormat.csv:
        df.to_csv(sys.stdout, index=False)
        return
    table = Table("date", "type", "source", "target", "place", "fact.", "dead", "evidence")
    for r in df.itertuples():
        table.add_row(str(r.date_value or ""), r.event_type, str(r.source_text or ""), str(r.target_text or ""),
                      str(r.location_name or ""), r.factuality, "" if r.fatalities != r.fatalities or r.fatalities is None
                      else str(int(r.fatalities)), str(r.evidence)[:70])
    out.print(table)
    err.print(f"{len(df)} events")


def _date(value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise EventscopeError("E108", value=value, where="") from None
    return value


@app.command()
def export(
    db: Annotated[Path, typer.Option(help="DuckDB file written by `eventscope run`.")] = Path("events.duckdb"),
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.csv,
    out_path: Annotated[Path, typer.Option("--out", help="File to write.")] = Path("events.csv"),
):
    """Export all stored events to a file."""
    from .exports import export as do_export
    from .store import Store

    with Store(db, read_only=True) as store:
        n = do_export(store, format.value, out_path)
    err.print(f"wrote {n} events to {out_path}")


@app.command("eval")
def eval_(
    task: Annotated[str, typer.Argument(help="geo | dates | events")],
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
            if isinstance(value, dict) and key != "gold":
                out.print(f"{key:>24}: {json.dumps(value)[:400]}")
    if baseline:
        failures = check_baseline(result, baseline)
        for msg in failures:
            err.print(f"[red]below baseline[/]: {msg}")
        if failures:
            raise typer.Exit(1)


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
