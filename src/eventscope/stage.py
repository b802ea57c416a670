"""The stage contract shared by the local and the Ray engines.

A stage is constructed with a ``Config`` (cheap, picklable), loads its models
and tables in ``setup()`` (once per process/worker) and transforms a batch of
``Work`` records in ``process(batch) -> batch``.  Stages never import an
engine, and an article a stage cannot handle gets ``work.error`` set instead of
an exception escaping (later stages skip it).
"""
from __future__ import annotations

from .config import Config
from .schema import Work


class Stage:
    name = "stage"

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self._ready = False

    def setup(self) -> None:
        self._ready = True

    def ensure_setup(self) -> None:
        if not self._ready:
            self.setup()
            self._ready = True

    def process(self, batch: list[Work]) -> list[Work]:
        raise NotImplementedError
