"""Ray engine: the same stage objects on Ray Data (``eventscope run --engine ray``).

The driver ingests articles and hands them to Ray in *rounds* of ``ROUND_ARTICLES``
articles.  Each round is one Ray Data pipeline::

    from_items(articles) -> map_batches(PipelineActor, actor pool of engine.workers)
                         -> write_parquet(round folder)

``PipelineActor`` builds one ``Pipeline`` per actor (spaCy model, gazetteer and tables load
once per worker per round) and turns a batch of articles into rows of JSON (article, events,
places, error).  The driver then reads the round's Parquet shards back in input order and
yields ``Work`` batches of ``engine.batch_size``: the runner writes them to DuckDB exactly as
for the local engine (the driver stays the only database writer, each batch one transaction,
so ``--resume`` works the same; a killed run redoes at most the round in flight).

Without an address a local Ray instance is started (``RAY_AUTH_MODE=disabled``,
``RAY_USAGE_STATS_ENABLED=0``, temp files under ``ray_temp_dir()``) and stopped at the end.
With ``address`` (``ray://host:10001`` or ``host:6379``) the engine joins that cluster; the
shards then go to ``$EVENTSCOPE_RAY_SHARDS`` (a folder or URI every node and the driver can
reach, e.g. a shared mount or ``s3://bucket/prefix``), else under the driver's temp folder,
which is only right for a single-node cluster.

Ray is an optional extra (``pip install 'eventscope[ray]'``); nothing else imports this module.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from .config import Config
from .pipeline import Pipeline
from .schema import Article, Event, Place, Work

ROUND_ARTICLES = 4096  # articles per Ray Data pipeline (one model load per actor per round)
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
SHARDS_ENV = "EVENTSCOPE_RAY_SHARDS"


def ray_temp_dir() -> Path:
    """Ray's session folder for a local instance: short (Ray's socket paths must stay under 108
    characters) and per user, in the system temp folder."""
    return Path(tempfile.gettempdir()) / f"eventscope-ray-{os.getuid()}"


class PipelineActor:
    """A Ray Data callable class: one ``Pipeline`` per actor, set up once in ``__init__``."""

    def __init__(self, config_data: dict):
        self.pipeline = Pipeline(Config(config_data)).setup()

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles = [Article.model_validate_json(s) for s in batch.column("article").to_pylist()]
        works = self.pipeline.process(articles)
        return pa.table({
            "seq": batch.column("seq"),
            "article": [w.article.model_dump_json() for w in works],
            "events": [json.dumps([e.model_dump(mode="json") for e in w.events]) for w in works],
            "places": [json.dumps([p.model_dump(mode="json") for p in w.places]) for w in works],
            "error": pa.array([w.error for w in works], pa.string()),
        })


def work_from_row(row: dict) -> Work:
    """Rebuild the ``Work`` record of one output row (what ``Store.write_batch`` needs)."""
    return Work(article=Article.model_validate_json(row["article"]),
                events=[Event.model_validate(e) for e in json.loads(row["events"])],
                places=[Place.model_validate(p) for p in json.loads(row["places"])],
                error=row["error"])


def _connect(address: str | None, workers: int):
    """Import Ray with the environment it needs and join ``address`` or start a local instance.
    Returns ``(ray, started_here)``."""
    for key, value in RAY_ENV.items():
        os.environ.setdefault(key, value)
    import ray
    import ray.data

    if ray.is_initialized():
        return ray, False
    if address:
        ray.init(address=address, log_to_driver=False, logging_level="ERROR")
    else:
        ray_temp_dir().mkdir(parents=True, exist_ok=True)
        ray.init(num_cpus=max(os.cpu_count() or 1, workers + 1), include_dashboard=False, log_to_driver=False,
                 logging_level="ERROR", _temp_dir=str(ray_temp_dir()))
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    return ray, True


def _shard_root(address: str | None) -> str:
    """Where rounds write their Parquet shards (see the module docstring)."""
    root = os.environ.get(SHARDS_ENV) or str(ray_temp_dir() / "shards")
    if "://" not in root:
        Path(root).mkdir(parents=True, exist_ok=True)
        root = str(Path(root).resolve())
    return root.rstrip("/") + f"/{uuid.uuid4().hex[:12]}"


def run_ray(articles: Iterable[Article], config: Config, address: str | None = None,
            round_articles: int = ROUND_ARTICLES) -> Iterator[list[Work]]:
    """Yield processed batches in input order, computed on Ray Data (see the module docstring)."""
    workers = int(config["engine.workers"])
    batch_size = int(config["engine.batch_size"])
    ray, started = _connect(address, workers)
    root = _shard_root(address)
    fs, base = pafs.FileSystem.from_uri(root if "://" in root else "file://" + root)
    try:
        it = iter(articles)
        for number in itertools.count():
            chunk = list(itertools.islice(it, round_articles))
            if not chunk:
                return
            folder = f"{base}/round-{number:06d}"
            items = [{"seq": i, "article": a.model_dump_json()} for i, a in enumerate(chunk)]
            blocks = max(1, min(len(items) // batch_size, workers * 8))
            (ray.data.from_items(items, override_num_blocks=blocks)
             .map_batches(PipelineActor, fn_constructor_args=(config.to_dict(),), batch_size=batch_size,
                          batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
             .write_parquet(folder, filesystem=fs))
            table = pq.read_table(folder, filesystem=fs).sort_by("seq")
            rows = table.to_pylist()
            for start in range(0, len(rows), batch_size):
                yield [work_from_row(r) for r in rows[start:start + batch_size]]
            fs.delete_dir(folder)
    finally:
        try:
            fs.delete_dir(base)
        except (FileNotFoundError, OSError):
            pass
        if started:
            ray.shutdown()
