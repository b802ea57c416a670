"""Wall time of ``eventscope run`` with the Ray engine against the local engine, same corpus.

The corpus is the bundled sample (77 Wikinews articles) repeated ``--copies`` times with
distinct ids, written once as JSONL to a temp folder.  Each measurement is a fresh Python
process calling ``eventscope.run(corpus, new_db, engine=...)`` with ``--workers`` workers, i.e.
what ``eventscope run corpus.jsonl --engine ENGINE --workers N`` does (ingest, engine, DuckDB
writes, dedup rebuild).  Engines alternate order between runs.

Per measurement: ``wall_s`` (the whole ``run``), ``startup_s`` (until the first batch is
stored: for Ray, starting Ray (``ray_start_s``), starting the actors until the last has its
pipeline (``actors_ready_s``; ``actor_setup_s``: the pipeline setup alone) and the first batch;
for local, worker setup and the first batch), ``steady_aps`` (articles/s over the second half of the
batches: right after the first batch both engines also hand over what they had buffered), the
1-minute load average before it and the peak RSS per worker.  Reported: each engine's median
and spread and ``ray_over_local`` = median Ray wall / median local wall.

    python bench/ray_vs_local.py [--copies 20] [--workers 2] [--runs 3] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _report import load_average, median_spread, report

CHILD = r"""
import json, sys, time
sys.path.insert(0, {bench!r})
from _rss import RssSampler
import eventscope
from eventscope.config import Config

engine, corpus, db, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if __name__ == "__main__":
    sampler = RssSampler(engine)
    sampler.start()
    stamps = []
    t0 = time.perf_counter()
    summary = eventscope.run([corpus], db, config=Config.load(overrides={{"engine.workers": workers}}), engine=engine,
                             on_batch=lambda n: stamps.append((time.perf_counter() - t0, n)))
    wall = time.perf_counter() - t0
    first_t = stamps[0][0]
    last_t = stamps[-1][0]
    # steady state: the second half of the batches (by then neither engine is still handing out
    # results it had buffered while the driver waited for the first one)
    mid = len(stamps) // 2
    mid_t = stamps[mid][0]
    late = sum(n for _, n in stamps[mid + 1:])
    out = {{"wall_s": wall, "startup_s": first_t, "steady_aps": late / (last_t - mid_t) if last_t > mid_t else 0.0,
            "after_last_batch_s": wall - last_t, "articles": summary.articles, "events": summary.events,
            "peak_rss_mb_per_worker": sampler.finish(workers)}}
    if engine == "ray":
        import eventscope.engine_ray as er
        out["ray"] = {{k: round(v, 2) for k, v in getattr(er, "LAST_RUN", {{}}).items()}}
    print(json.dumps(out))
"""


def write_corpus(copies: int, folder: Path) -> Path:
    from eventscope.runner import sample_corpus

    lines = sample_corpus().read_text("utf-8").splitlines()
    path = folder / f"sample-x{copies}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in range(copies):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec['id']}-{r}"
                fh.write(json.dumps(rec) + "\n")
    return path


def measure(engine: str, corpus: Path, folder: Path, workers: int) -> dict:
    db = folder / f"{engine}-{time.time_ns()}.duckdb"
    code = CHILD.format(bench=str(Path(__file__).resolve().parent))
    load = load_average()
    r = subprocess.run([sys.executable, "-c", code, engine, str(corpus), str(db), str(workers)],
                       capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{r.stderr[-3000:]}")
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["load_avg_before"] = load
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20, help="passes over the 77-article sample")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engines", default="local,ray")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory(prefix="eventscope-bench-") as tmp:
        folder = Path(tmp)
        corpus = write_corpus(args.copies, folder)
        runs: dict[str, list[dict]] = {e: [] for e in engines}
        for i in range(args.runs):
            for engine in (engines if i % 2 == 0 else engines[::-1]):
                runs[engine].append(measure(engine, corpus, folder, args.workers))
                print(f"run {i + 1} {engine}: {runs[engine][-1]}", file=sys.stderr, flush=True)
    result: dict = {"articles": runs[engines[0]][0]["articles"], "workers": args.workers, "runs": args.runs}
    for engine, rs in runs.items():
        result[engine] = {key: median_spread([r[key] for r in rs], 2)
                          for key in ("wall_s", "startup_s", "steady_aps", "load_avg_before")}
        result[engine]["peak_rss_mb_per_worker"] = median_spread([max(r["peak_rss_mb_per_worker"]) for r in rs], 0)
        if engine == "ray":
            for key in ("ray_start_s", "actors_ready_s", "actor_setup_s"):
                values = [r["ray"][key] for r in rs if key in r["ray"]]
                if values:
                    result[engine][key] = median_spread(values, 2)
    if "ray" in runs and "local" in runs:
        result["ray_over_local_wall"] = round(result["ray"]["wall_s"]["median"] / result["local"]["wall_s"]["median"], 3)
        result["ray_over_local_steady"] = round(result["local"]["steady_aps"]["median"]
                                                / result["ray"]["steady_aps"]["median"], 3)
    result["per_run"] = runs
    return report(result, args.json, width=22)


if __name__ == "__main__":
    main()
