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

While Ray starts, a thread reads the input into Arrow tables (they go to the object store as
soon as Ray is up, and later ones directly), so ingesting overlaps Ray's startup.

``LAST_RUN`` holds the timings of the latest run, in seconds from the call: ``ray_start_s``
(starting or joining Ray), ``input_ready_s`` (the input read and in the object store),
``actors_ready_s`` (the last actor done with its pipeline setup), ``first_batch_s`` (first
results), ``total_s``; and ``actor_setup_s``, the longest pipeline setup of an actor (each actor
reports its pid, setup time and ready time in three extra columns of its output, which the
driver drops); ``bench/ray_vs_local.py`` reports them.

Ray is an optional extra (``pip install 'eventscope[ray]'``); nothing else imports this module.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import tempfile
import threading
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
        started = time.perf_counter()
        self.pipeline = Pipeline(Config(config_data)).setup()
        self.setup_s = time.perf_counter() - started
        self.ready_at = time.time()  # wall clock: compared with the driver's

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles = [Article.model_validate_json(s) for s in batch.column("article").to_pylist()]
        works = self.pipeline.process(articles)
        n = len(works)
        return pa.table({
            "seq": batch.column("seq"),
            "article": [w.article.model_dump_json() for w in works],
            "events": [json.dumps([e.model_dump(mode="json") for e in w.events]) for w in works],
            "places": [json.dumps([p.model_dump(mode="json") for p in w.places]) for w in works],
            "error": pa.array([w.error for w in works], pa.string()),
            # where the time went (read into LAST_RUN by the driver, not part of the results)
            "actor_pid": pa.array([os.getpid()] * n, pa.int64()),
            "actor_setup_s": pa.array([self.setup_s] * n, pa.float64()),
            "actor_ready_at": pa.array([self.ready_at] * n, pa.float64()),
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


def _tables(articles: Iterable[Article], size: int) -> Iterator[pa.Table]:
    """Arrow tables (seq, article JSON) of ``size`` articles each."""
    it = iter(articles)
    for seq in itertools.count(step=size):
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield pa.table({"seq": pa.array(range(seq, seq + len(chunk)), pa.int64()),
                        "article": [a.model_dump_json() for a in chunk]})


class _Ingest(threading.Thread):
    """Reads the input into Arrow tables while the main thread starts Ray (about as long as
    ingesting a few thousand articles); ``refs(ray)`` then puts them in the object store, and
    once Ray is up the tables still to come go there directly, so memory holds at most what was
    read while Ray was starting."""

    def __init__(self, articles: Iterable[Article], size: int):
        super().__init__(name="eventscope-ray-ingest", daemon=True)
        self.articles, self.size = articles, size
        self.ray = None
        self.refs: list = []
        self.waiting: list[pa.Table] = []
        self.error: BaseException | None = None
        self.lock = threading.Lock()
        self.stop = False

    def run(self) -> None:
        try:
            for table in _tables(self.articles, self.size):
                if self.stop:
                    return
                with self.lock:
                    if self.ray is None:
                        self.waiting.append(table)
                    else:
                        self.refs.append(self.ray.put(table))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the driver's thread by refs()
            self.error = exc

    def refs_when_done(self, ray) -> list:
        with self.lock:
            self.ray = ray
            self.refs.extend(ray.put(t) for t in self.waiting)
            self.waiting.clear()
        self.join()
        if self.error is not None:
            raise self.error
        return self.refs

    def abandon(self) -> None:
        """Ray did not start: stop reading (after the table being read) and drop what was read."""
        self.stop = True
        self.join()
        self.waiting.clear()


def run_ray(articles: Iterable[Article], config: Config, address: str | None = None) -> Iterator[list[Work]]:
    """Yield processed batches in input order, computed on Ray Data (see the module docstring)."""
    workers = int(config["engine.workers"])
    batch_size = int(config["engine.batch_size"])
    started, wall_started = time.perf_counter(), time.time()
    LAST_RUN.clear()
    ingest = _Ingest(articles, batch_size * BLOCK_BATCHES)
    ingest.start()  # reads the input while Ray starts
    try:
        ray, started_here = _connect(address, workers)
    except BaseException:
        ingest.abandon()
        raise
    LAST_RUN["ray_start_s"] = time.perf_counter() - started
    try:
        refs = ingest.refs_when_done(ray)
        LAST_RUN["input_ready_s"] = time.perf_counter() - started
        if not refs:
            return
        results = (ray.data.from_arrow_refs(refs)
                   .map_batches(PipelineActor, fn_constructor_args=(config.to_dict(),), batch_size=batch_size,
                                batch_format="pyarrow", concurrency=workers, num_cpus=1)
                   .iter_batches(batch_size=None, batch_format="pyarrow"))
        pending: dict[int, dict] = {}  # rows that arrived before an earlier one
        out: list[Work] = []
        next_seq = 0
        actors: dict[int, tuple[float, float]] = {}
        for table in results:
            LAST_RUN.setdefault("first_batch_s", time.perf_counter() - started)
            for pid, setup_s, ready_at in zip(*(table.column(c).to_pylist() for c in
                                                ("actor_pid", "actor_setup_s", "actor_ready_at"))):
                actors.setdefault(pid, (setup_s, ready_at))
            table = table.drop_columns(["actor_pid", "actor_setup_s", "actor_ready_at"])
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
        # per actor: its pipeline setup, and when it was ready (seconds after the call)
        LAST_RUN["actor_setup_s"] = max((a[0] for a in actors.values()), default=0.0)
        LAST_RUN["actors_ready_s"] = max((a[1] for a in actors.values()), default=wall_started) - wall_started
    finally:
        LAST_RUN["total_s"] = time.perf_counter() - started
        if started_here:
            ray.shutdown()
