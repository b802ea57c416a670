"""Throughput of the eventscope pipeline against bare spaCy, measured in one run.

Engines: ``--engine local`` (default; ``--processes`` worker processes) or ``--engine ray`` (a
local Ray instance, an actor pool of ``--processes`` actors; its time includes starting Ray).
Peak RSS per worker is sampled from /proc every 0.2 s (local: the worker processes, or this
process for one worker; Ray: its ``ray::`` actor processes).

Both sides get the same texts (the bundled sample corpus, repeated --repeat
times), the same model and the same process count; bare spaCy parses the same
paragraphs with ``nlp.pipe(n_process=...)``.  Reported: words/s of each and
their ratio (pipeline / spaCy; 1.0 would mean eventscope adds nothing to the
parse).  Words = whitespace-separated tokens of the article texts.

    python bench/throughput.py [--processes 2] [--repeat 2] [--engine local|ray] [--json]
"""
from __future__ import annotations

import argparse
import os
import threading
import time
from pathlib import Path

from _report import report
from eventscope.config import Config
from eventscope.engine import run_engine
from eventscope.ingest import iter_articles
from eventscope.nlp import load_model, split_paragraphs
from eventscope.runner import sample_corpus


class RssSampler(threading.Thread):
    """Peak resident memory (MB) per worker process, sampled from /proc while the run goes on."""

    def __init__(self, engine: str):
        super().__init__(daemon=True)
        self.engine, self.peak, self.stop = engine, {}, threading.Event()

    def _workers(self) -> list[int]:
        """Ray worker processes, or every descendant of this process (pool workers are
        grandchildren when they are forked from a fork server)."""
        me = os.getpid()
        parents: dict[int, int] = {}
        ray_workers = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if self.engine == "ray" and (entry / "cmdline").read_bytes().startswith(b"ray::"):
                    ray_workers.append(int(entry.name))
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
        if self.engine == "ray":
            return ray_workers

        def descends(pid: int) -> bool:
            for _ in range(10):
                pid = parents.get(pid, 0)
                if pid == me:
                    return True
                if pid <= 1:
                    return False
            return False

        found = [pid for pid in parents if descends(pid)]
        return found or [me]

    def run(self) -> None:
        while not self.stop.wait(0.2):
            for pid in self._workers():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
                self.peak[pid] = max(self.peak.get(pid, 0), kb // 1024)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2, help="passes over the sample corpus")
    ap.add_argument("--engine", choices=("local", "ray"), default="local")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    base = list(iter_articles([str(sample_corpus())]))
    articles = []
    for r in range(args.repeat):  # distinct ids so nothing is cached across passes
        articles += [a.model_copy(update={"article_id": f"{a.article_id}-{r}"}) for a in base]
    words = sum(len(a.text.split()) for a in articles)
    config = Config.load(overrides={"engine.workers": args.processes})

    # bare spaCy: same model, same paragraphs, same process count
    nlp = load_model(config["nlp.model"])
    paragraphs = [p for a in articles for _, p in split_paragraphs(a.text)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=config["nlp.batch_size"], n_process=args.processes):
        pass
    spacy_s = time.perf_counter() - t0

    sampler = RssSampler(args.engine)
    sampler.start()
    t0 = time.perf_counter()
    n_events = sum(len(w.events) for batch in run_engine(iter(articles), config, engine=args.engine) for w in batch)
    pipe_s = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    # the busiest processes are the workers (Ray also runs small helper processes)
    rss = sorted(sampler.peak.values(), reverse=True)[:args.processes]

    result = {
        "engine": args.engine, "processes": args.processes, "articles": len(articles), "words": words, "events": n_events,
        "spacy_wps": round(words / spacy_s, 1), "pipeline_wps": round(words / pipe_s, 1),
        "ratio": round(spacy_s / pipe_s, 3), "spacy_s": round(spacy_s, 2), "pipeline_s": round(pipe_s, 2),
        "articles_per_s": round(len(articles) / pipe_s, 2), "peak_rss_mb_per_worker": rss,
        "note": "pipeline time includes loading the model, gazetteer and tables in each worker",
    }
    return report(result, args.json, width=14)


if __name__ == "__main__":
    main()
