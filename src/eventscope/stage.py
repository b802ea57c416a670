"""The stage contract shared by the local and the Ray engines.

A stage is constructed with a ``Config`` (cheap, picklable), loads its models
and tables in ``setup()`` (once per process/worker) and transforms a batch of
``Work`` records in ``process(batch) -> batch``.  Stages never import an
engine, and an article a stage cannot handle gets ``work.error`` set instead of
an exception escaping (later stages skip it).  Most stages implement
``process_one(work)``; the default ``process`` applies it to the batch.
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
        """Default: ``process_one`` on every article no earlier stage marked failed.
        Stages that need the whole batch at once (``nlp``: one ``nlp.pipe`` call) override this."""
        self.ensure_setup()
        for work in batch:
            if not work.error:
                self.process_one(work)
        return batch

    def process_one(self, work: Work) -> None:
        raise NotImplementedError
