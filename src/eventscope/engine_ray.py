"""Ray engine: the same stage objects on Ray Data (``eventscope run --engine ray``).

The driver ingests the articles into Arrow blocks of ``BLOCK_BATCHES * engine.batch_size``
articles, puts them in Ray's object store and runs *one* Ray Data pipeline over the whole
input::

    from_arrow_refs(blocks) -> map_batches(PipelineActor, concurrency=engine.workers)
                            -> iter_batches() back to the driver

``PipelineActor`` builds one ``Pipeline`` per actor, once for the whole run (spaCy model,
gazetteer and tables load once per worker), and turns a batch of articles into rows of JSON
(article, events, places, error).  Results stream back to the driver while the actors work (no
files in between); the driver puts them back in input order and yields ``Work`` batches of
``engine.batch_size``: the runner writes them to DuckDB exactly as for the local engine (the
driver stays the only database writer, each batch one transaction, so ``--resume`` works the
same and a killed run loses at most the batches in flight).  Ray spills the object store to
disk when the input does not fit in memory.

Without an address a local Ray instance is started (``RAY_AUTH_MODE=disabled``,
``RAY_USAGE_STATS_ENABLED=0``, temp files under ``ray_temp_dir()``) and stopped at the end.
With ``address`` (``ray://host:10001`` or ``host:6379``) the engine joins that cluster; the
input and the results travel through Ray's object store, so no shared folder is needed.

``LAST_RUN`` holds the timings of the latest run (``ray_start_s``: starting or joining Ray;
``first_batch_s``: from the call until the first results, i.e. Ray start, actor setup and the
first batch); ``bench/ray_vs_local.py`` reports them.

Ray is an optional extra (``pip install 'eventscope[ray]'``); nothing else imports this module.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa

from .config import Config
from .pipeline import Pipeline
from .schema import Article, Event, Place, Work

BLOCK_BATCHES = 1  # engine.batch_size batches per input block (the unit Ray hands to an actor)
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
LAST_RUN: dict[str, float] = {}


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


def _blocks(ray, articles: Iterable[Article], size: int) -> list:
    """Object refs of Arrow tables (seq, article JSON) of ``size`` articles each."""
    refs, it = [], iter(articles)
    for seq in itertools.count(step=size):
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return refs
        refs.append(ray.put(pa.table({"seq": pa.array(range(seq, seq + len(chunk)), pa.int64()),
                                      "article": [a.model_dump_json() for a in chunk]})))


def run_ray(articles: Iterable[Article], config: Config, address: str | None = None) -> Iterator[list[Work]]:
    """Yield processed batches in input order, computed on Ray Data (see the module docstring)."""
    workers = int(config["engine.workers"])
    batch_size = int(config["engine.batch_size"])
    started = time.perf_counter()
    LAST_RUN.clear()
    ray, started_here = _connect(address, workers)
    LAST_RUN["ray_start_s"] = time.perf_counter() - started
    try:
        refs = _blocks(ray, articles, batch_size * BLOCK_BATCHES)
        if not refs:
            return
        results = (ray.data.from_arrow_refs(refs)
                   .map_batches(PipelineActor, fn_constructor_args=(config.to_dict(),), batch_size=batch_size,
                                batch_format="pyarrow", concurrency=workers, num_cpus=1)
                   .iter_batches(batch_size=None, batch_format="pyarrow"))
        pending: dict[int, dict] = {}  # rows that arrived before an earlier one
        out: list[Work] = []
        next_seq = 0
        for table in results:
            LAST_RUN.setdefault("first_batch_s", time.perf_counter() - started)
            for row in table.to_pylist():
                pending[row["seq"]] = row
            while next_seq in pending:
                out.append(work_from_row(pending.pop(next_seq)))
                next_seq += 1
                if len(out) == batch_size:
                    yield out
                    out = []
        if out:
            yield out
        if pending:  # cannot happen: every seq comes back exactly once
            raise RuntimeError(f"Ray engine: {len(pending)} results out of sequence")
    finally:
        LAST_RUN["total_s"] = time.perf_counter() - started
        if started_here:
            ray.shutdown()
