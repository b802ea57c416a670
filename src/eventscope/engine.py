"""Local engine: in-process for one worker, a process pool for more.

Each worker process builds its own ``Pipeline`` once (spaCy model, gazetteer,
tables) and then handles whole batches; the parent keeps the order of batches
and is the only writer of the database.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterable, Iterator

from .config import Config
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


def run_local(articles: Iterable[Article], config: Config) -> Iterator[list[Work]]:
    """Yield processed batches in input order."""
    workers = int(config["engine.workers"])
    batches = batched(articles, int(config["engine.batch_size"]))
    if workers <= 1:
        pipeline = Pipeline(config).setup()
        for batch in batches:
            yield pipeline.process(batch)
        return
    ctx = mp.get_context("spawn")  # no fork of a process holding DuckDB/BLAS threads; works on every OS
    with ctx.Pool(workers, initializer=_init_worker, initargs=(config.to_dict(),)) as pool:
        yield from pool.imap(_run_batch, batches)
