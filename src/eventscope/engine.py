"""Engines: ``run_engine`` picks one; the local engine (the default) runs in-process for one
worker or in a process pool for more; ``engine_ray.run_ray`` (optional extra ``ray``) runs the
same stages on Ray Data and is imported only when asked for.

Local engine:

Each worker process builds its own ``Pipeline`` once (spaCy model, gazetteer,
tables) and then handles whole batches; the parent keeps the order of batches
and is the only writer of the database.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterable, Iterator

from .config import Config
from .errors import EventscopeError
from .pipeline import Pipeline
from .schema import Article, Work

_WORKER: Pipeline | None = None


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _init_worker(config_data: dict) -> None:
    global _WORKER  # one pipeline per worker process, built once
    _WORKER = Pipeline(Config(config_data)).setup()


def _run_batch(batch: list[Article]) -> list[Work]:
    assert _WORKER is not None
    return _WORKER.process(batch)


def _context():
    """A start method that never forks this process (it may hold DuckDB or BLAS threads).

    On Linux/macOS a fork server imports the pipeline's modules once and forks the workers
    from that clean process, which saves each worker the imports; elsewhere, spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["eventscope.pipeline"])
        return ctx
    return mp.get_context("spawn")


def run_local(articles: Iterable[Article], config: Config) -> Iterator[list[Work]]:
    """Yield processed batches in input order."""
    workers = int(config["engine.workers"])
    batches = batched(articles, int(config["engine.batch_size"]))
    if workers <= 1:
        pipeline = Pipeline(config).setup()
        for batch in batches:
            yield pipeline.process(batch)
        return
    ctx = _context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(config.to_dict(),)) as pool:
        yield from pool.imap(_run_batch, batches)


ENGINES = ("local", "ray")


def run_engine(articles: Iterable[Article], config: Config, engine: str = "local",
               ray_address: str | None = None) -> Iterator[list[Work]]:
    """Yield processed batches from the chosen engine (``local`` or ``ray``)."""
    if engine == "ray":
        from .engine_ray import run_ray  # Ray is imported only here

        return run_ray(articles, config, address=ray_address)
    if engine != "local":
        raise EventscopeError("E002", key="engine", kind="one of " + ", ".join(ENGINES), value=engine)
    return run_local(articles, config)
