"""The stage chain and the Python API behind ``eventscope extract``.

``Pipeline(config)`` builds the stages in order and ``setup()``s them once;
``process(articles)`` runs one batch through all of them and returns
``Work`` records without the spaCy docs (so results pickle cheaply between
processes and engines).
"""
from __future__ import annotations

from .actors import ActorPlaceStage, ActorsStage
from .attributes import AttributesStage
from .config import Config
from .dates import DatesStage
from .events import EventsStage
from .geo import GeoStage
from .ingest import IngestStage
from .errors import warning
from .nlp import NlpStage
from .schema import Article, Work

STAGES = (IngestStage, NlpStage, EventsStage, ActorsStage, GeoStage, ActorPlaceStage, DatesStage, AttributesStage)


class Pipeline:
    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.stages = [cls(self.config) for cls in STAGES]
        self._ready = False

    def setup(self) -> "Pipeline":
        if not self._ready:
            for stage in self.stages:
                stage.ensure_setup()
            self._ready = True
        return self

    def process(self, articles: list[Article]) -> list[Work]:
        """Run a batch through every stage; if a stage fails on the batch, the articles are
        retried one by one so that only the article that breaks it is marked failed."""
        self.setup()
        try:
            batch = self._run([Work(article=a) for a in articles])
        except Exception:  # noqa: BLE001 - find the article that breaks the batch
            batch = [self._run_one(a) for a in articles]
        for work in batch:
            work.paragraphs = []  # drop spaCy docs: results cross process boundaries
        return batch

    def _run(self, batch: list[Work]) -> list[Work]:
        for stage in self.stages:
            batch = stage.process(batch)
        return batch

    def _run_one(self, article: Article) -> Work:
        work = Work(article=article)
        for stage in self.stages:
            try:
                work = stage.process([work])[0]
            except Exception as exc:  # noqa: BLE001 - a bad article must not stop the run
                return Work(article=article, error=warning("W104", stage=stage.name, kind=type(exc).__name__,
                                                           detail=str(exc)[:200]))
        return work
