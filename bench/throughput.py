"""Throughput of the eventscope pipeline against bare spaCy, measured in one run.

Both sides get the same texts (the bundled sample corpus, repeated ``--repeat`` times with
distinct ids), the same model and the same number of processes, and each side of each
measurement runs in a fresh Python process with its libraries already imported:

* bare spaCy: ``spacy.load`` (timed as *load*), then ``nlp.pipe(paragraphs, n_process=N)``
  over the paragraphs the pipeline parses (timed as *steady*; with N > 1 spaCy forks N workers
  that share the loaded model);
* eventscope, ``--engine local``: N = 1 builds the ``Pipeline`` in-process (*load*: every stage's
  ``setup()``, i.e. spaCy plus gazetteer and tables) and runs the batches (*steady*); N > 1
  starts the fork server and waits until it has imported everything (before the clock: imports
  are excluded on both sides), then starts a ``WarmPool`` of N workers and waits until every
  worker has its pipeline (*load*: the workers' own setups plus the one setup the fork server
  did for all of them, ``shared_setup_s``), then streams the batches through it (*steady*);
* ``--engine ray``: ``run_engine(engine="ray")`` on a local Ray instance; *load* is the time to
  the first result (Ray start, actor setup, first batch: see ``engine_ray.LAST_RUN``), *steady*
  the rest.

Reported per run and as median/min/max over ``--runs`` runs (sides alternate order each run):
words/s, ``ratio_steady`` = spaCy steady / pipeline steady (1.0 would mean eventscope adds
nothing to the parse), with one process also ``ratio_steady_cpu``, the same ratio of the CPU
seconds each side's process spent (``time.process_time``: what another tenant of a shared machine
takes from the wall clock does not count), and ``ratio_e2e`` = (load + steady) / (load + steady), the 1-minute load
average before each side, and the peak RSS per worker (local: ``ru_maxrss`` of each worker;
Ray: sampled from /proc).  Words = whitespace-separated tokens of the article texts.

    python bench/throughput.py [--processes 2] [--repeat 2] [--runs 3] [--engine local|ray] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from _report import load_average, median_spread, report


def corpus(repeat: int):
    from eventscope.ingest import iter_articles
    from eventscope.runner import sample_corpus

    base = list(iter_articles([str(sample_corpus())]))
    # distinct ids so nothing is cached across passes
    return [a.model_copy(update={"article_id": f"{a.article_id}-{r}"}) for r in range(repeat) for a in base]


def side_spacy(args) -> dict:
    import spacy

    from eventscope.config import Config
    from eventscope.nlp import split_paragraphs

    config = Config()
    articles = corpus(args.repeat)
    paragraphs = [p for a in articles for _, p in split_paragraphs(a.text, config["nlp.max_paragraph_chars"])]
    t0 = time.perf_counter()
    nlp = spacy.load(config["nlp.model"])
    t1, c1 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(paragraphs, batch_size=config["nlp.batch_size"], n_process=args.processes):
        pass
    t2, c2 = time.perf_counter(), time.process_time()
    out = {"load_s": t1 - t0, "steady_s": t2 - t1, "paragraphs": len(paragraphs)}
    if args.processes <= 1:  # (workers' CPU is not this process's)
        out["steady_cpu_s"] = c2 - c1
    return out


def side_pipeline(args) -> dict:
    import spacy  # noqa: F401 - imported before the clock, as on the spaCy side

    from eventscope.config import Config
    from eventscope.engine import WarmPool, _context, batched
    from eventscope.pipeline import Pipeline

    config = Config.load(overrides=[f"engine.workers={args.processes}", *args.set])
    articles = corpus(args.repeat)
    batch_size = config["engine.batch_size"]
    out: dict = {}
    if args.processes <= 1:
        import resource

        t0 = time.perf_counter()
        pipeline = Pipeline(config).setup()
        t1, c1 = time.perf_counter(), time.process_time()
        events = sum(len(w.events) for batch in batched(articles, batch_size) for w in pipeline.process(batch))
        t2, c2 = time.perf_counter(), time.process_time()
        out["steady_cpu_s"] = c2 - c1
        out["peak_rss_mb_per_worker"] = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024]
    else:
        import eventscope.engine as engine

        # the fork server's imports happen before the clock (spaCy is imported before the clock
        # on the other side too): start it and wait until it forks a first process; a pipeline it
        # sets up for all workers (engine.start_forkserver) is added to *load* below
        ctx = _context()  # sets the fork server's preload list
        if hasattr(engine, "start_forkserver"):
            engine.start_forkserver(config)
        probe = ctx.Process(target=os.getpid)
        probe.start()
        probe.join()
        t0 = time.perf_counter()
        with WarmPool(config) as pool:
            t1 = time.perf_counter()
            events = sum(len(w.events) for works in pool.imap(batched(articles, batch_size)) for w in works)
            t2 = time.perf_counter()
            stats = pool.stats()
        shared = max(s.get("shared_setup_s", 0.0) for s in stats)
        t0 -= shared  # the fork server's one setup, which the workers inherited
        out["peak_rss_mb_per_worker"] = [s["peak_rss_mb"] for s in stats]
        out["worker_setup_s"] = [round(s["setup_s"], 2) for s in stats]
        out["shared_setup_s"] = round(shared, 2)
    out.update(load_s=t1 - t0, steady_s=t2 - t1, events=events)
    return out


def side_ray(args) -> dict:
    sys.path.insert(0, os.path.dirname(__file__))
    from _rss import RssSampler

    import eventscope.engine_ray as engine_ray
    from eventscope.config import Config
    from eventscope.engine import run_engine

    config = Config.load(overrides=[f"engine.workers={args.processes}", *args.set])
    articles = corpus(args.repeat)
    sampler = RssSampler("ray")
    sampler.start()
    t0 = time.perf_counter()
    first = None
    events = 0
    for works in run_engine(iter(articles), config, engine="ray"):
        first = first or time.perf_counter()
        events += sum(len(w.events) for w in works)
    t2 = time.perf_counter()
    rss = sampler.finish(args.processes)
    return {"load_s": first - t0, "steady_s": t2 - first, "events": events, "peak_rss_mb_per_worker": rss,
            "ray": {k: round(v, 2) for k, v in engine_ray.LAST_RUN.items()}}


def measure(side: str, args) -> dict:
    """One side in a fresh interpreter (so no side inherits the other's warm caches)."""
    cmd = [sys.executable, __file__, "--side", side, "--processes", str(args.processes), "--repeat",
           str(args.repeat), "--engine", args.engine] + [a for kv in args.set for a in ("--set", kv)]
    load = load_average()
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"{side} failed:\n{r.stderr[-3000:]}")
    result = json.loads(r.stdout.strip().splitlines()[-1])
    result["load_avg_before"] = load
    return result


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2, help="passes over the sample corpus")
    ap.add_argument("--runs", type=int, default=3, help="measurements (each: both sides)")
    ap.add_argument("--engine", choices=("local", "ray"), default="local")
    ap.add_argument("--side", choices=("spacy", "pipeline"), help=argparse.SUPPRESS)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="pipeline config override, e.g. --set events.model=false (repeatable)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    if args.side:
        fn = side_spacy if args.side == "spacy" else side_ray if args.engine == "ray" else side_pipeline
        print(json.dumps(fn(args)))
        return {}

    articles = corpus(args.repeat)
    words = sum(len(a.text.split()) for a in articles)
    runs = []
    for i in range(args.runs):
        order = ("spacy", "pipeline") if i % 2 == 0 else ("pipeline", "spacy")
        got = {side: measure(side, args) for side in order}
        s, p = got["spacy"], got["pipeline"]
        runs.append({
            "ratio_steady": round(s["steady_s"] / p["steady_s"], 3),
            **({"ratio_steady_cpu": round(s["steady_cpu_s"] / p["steady_cpu_s"], 3)}
               if "steady_cpu_s" in s and "steady_cpu_s" in p else {}),
            "ratio_e2e": round((s["load_s"] + s["steady_s"]) / (p["load_s"] + p["steady_s"]), 3),
            "spacy": {k: round(v, 2) if isinstance(v, float) else v for k, v in s.items()},
            "pipeline": {k: round(v, 2) if isinstance(v, float) else v for k, v in p.items()},
        })

    def col(f):
        return [f(r) for r in runs]

    result = {
        "engine": args.engine, "processes": args.processes, "overrides": args.set, "articles": len(articles), "words": words,
        "events": runs[0]["pipeline"]["events"], "runs": len(runs),
        "ratio_steady": median_spread(col(lambda r: r["ratio_steady"])),
        "ratio_e2e": median_spread(col(lambda r: r["ratio_e2e"])),
        **({"ratio_steady_cpu": median_spread(col(lambda r: r["ratio_steady_cpu"]))}
           if all("ratio_steady_cpu" in r for r in runs) else {}),
        "spacy_wps_steady": median_spread(col(lambda r: words / r["spacy"]["steady_s"]), 1),
        "pipeline_wps_steady": median_spread(col(lambda r: words / r["pipeline"]["steady_s"]), 1),
        "spacy_load_s": median_spread(col(lambda r: r["spacy"]["load_s"]), 2),
        "pipeline_load_s": median_spread(col(lambda r: r["pipeline"]["load_s"]), 2),
        "peak_rss_mb_per_worker": median_spread(col(lambda r: max(r["pipeline"]["peak_rss_mb_per_worker"])), 0),
        "load_avg": median_spread(col(lambda r: r["pipeline"]["load_avg_before"]), 2),
        "per_run": runs,
    }
    return report(result, args.json, width=22)


if __name__ == "__main__":
    main()
