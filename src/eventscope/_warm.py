"""Imported by the local engine's fork server only (``engine.PRELOAD``): builds, once, the
pipeline for the config the engine put in ``$EVENTSCOPE_WARM_CONFIG`` when it started the fork
server, so that every worker forked from it starts with the pipeline set up (spaCy model,
gazetteer, tables: one setup for all workers instead of one per worker, shared copy-on-write).

A worker uses it only if its own config equals that config outside ``[engine]`` (``key``);
otherwise, or if building failed here, the worker sets up its own pipeline as before.
"""
from __future__ import annotations

import json
import os
import time

ENV = "EVENTSCOPE_WARM_CONFIG"  # = engine.WARM_ENV (set only in the fork server's environment)
KEY: str | None = None  # ``key(config)`` of PIPELINE
PIPELINE = None
SECONDS = 0.0  # how long building PIPELINE took in the fork server


def key(config_data: dict) -> str:
    """What makes two configs build the same pipeline: everything but the ``[engine]`` section."""
    return json.dumps({k: v for k, v in config_data.items() if k != "engine"}, sort_keys=True, default=str)


def _build() -> None:
    global KEY, PIPELINE, SECONDS
    data = os.environ.get(ENV)
    if not data:
        return
    started = time.perf_counter()
    try:
        from .config import Config
        from .pipeline import Pipeline

        config_data = json.loads(data)
        PIPELINE = Pipeline(Config(config_data)).setup()
        KEY = key(config_data)
    except Exception:  # noqa: BLE001 - the fork server must start anyway; workers then set up themselves
        PIPELINE = KEY = None
    SECONDS = time.perf_counter() - started


_build()
