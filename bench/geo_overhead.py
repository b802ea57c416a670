"""What the geo stage adds to the pipeline's time, measured in one run.

The stages are built and set up once (model, gazetteer and tables loaded; load times are
reported apart).  Then the bundled sample corpus goes through the whole chain with the geo
stage and through the same chain without it, alternating, ``--repeat`` times each; the
fastest pass of each variant is kept.  Reported: seconds with and without geo and their ratio
(the issue's budget is <= 1.10), in wall time and in CPU time (``ratio_cpu``: the figure to
trust on a machine shared with other jobs), the CPU seconds of the geo stage itself and
``ratio_stage_cpu`` = pass CPU / (pass CPU - geo CPU) within the same pass (least noisy), the share of events that got a location, and the gazetteer's
load time and peak memory (RSS) measured in a fresh process.

    python bench/geo_overhead.py [--repeat 3] [--json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter

from _report import report
from eventscope.config import Config
from eventscope.geo import GeoStage
from eventscope.ingest import iter_articles
from eventscope.pipeline import Pipeline
from eventscope.runner import sample_corpus
from eventscope.schema import Work

_LOAD_PROBE = """
import json, time
t0, c0 = time.perf_counter(), time.process_time()
from eventscope.geo import Gazetteer
g = Gazetteer(cache=False)
hwm = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
print(json.dumps({"load_s": time.perf_counter() - t0, "load_cpu_s": time.process_time() - c0,
                  "gazetteer_s": g.load_seconds, "peak_rss_mb": int(hwm) / 1024,
                  "from_disk_cache_s": Gazetteer().load_seconds}))
"""


def gazetteer_load() -> dict:
    """Import + build time (wall and CPU: a busy machine inflates the wall time) and peak RSS
    (VmHWM: ``ru_maxrss`` would inherit the parent's peak) of the gazetteer alone, built without
    the disk cache, in a fresh interpreter; then the time to load it from the disk cache."""
    out = subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True)
    d = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: round(v, 2) for k, v in d.items()}


def _rule(reason: str) -> str:
    """The event-location rule named at the start of a location's reason."""
    for key in ("prep", "target", "only non-actor", "paragraph", "article focus", "capital"):
        if key in reason.split(";")[0]:
            return key
    return "other"


def _pass(stages, articles) -> tuple[float, float, float, list[Work]]:
    """One pass: wall seconds, CPU seconds, CPU seconds spent in the geo stage, the works."""
    batch = [Work(article=a) for a in articles]
    t0, c0 = time.perf_counter(), time.process_time()
    geo_cpu = 0.0
    for stage in stages:
        c = time.process_time()
        batch = stage.process(batch)
        if isinstance(stage, GeoStage):
            geo_cpu += time.process_time() - c
    return time.perf_counter() - t0, time.process_time() - c0, geo_cpu, batch


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes of each variant (fastest kept)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    articles = list(iter_articles([str(sample_corpus())]))
    pipe = Pipeline(Config())
    t0 = time.perf_counter()
    pipe.setup()
    setup_s = time.perf_counter() - t0
    with_geo = pipe.stages
    without_geo = [s for s in pipe.stages if not isinstance(s, GeoStage)]
    best = {k: float("inf") for k in ("with", "without", "with_cpu", "without_cpu", "geo_cpu")}
    works: list[Work] = []
    for _ in range(args.repeat):
        wall, cpu, geo_cpu, works = _pass(with_geo, articles)
        best["with"], best["with_cpu"] = min(best["with"], wall), min(best["with_cpu"], cpu)
        best["geo_cpu"] = min(best["geo_cpu"], geo_cpu)
        wall, cpu, _geo, _ = _pass(without_geo, articles)
        best["without"], best["without_cpu"] = min(best["without"], wall), min(best["without_cpu"], cpu)
    events = [e for w in works for e in w.events]
    rules = Counter(_rule(e.location.reason) if e.location else "none" for e in events)
    result = {
        "articles": len(articles), "events": len(events),
        "share_with_place": round(sum(e.location is not None for e in events) / max(1, len(events)), 3),
        "location_rules": dict(rules.most_common()),
        "with_geo_s": round(best["with"], 2), "without_geo_s": round(best["without"], 2),
        "ratio": round(best["with"] / best["without"], 3),
        "with_geo_cpu_s": round(best["with_cpu"], 2), "without_geo_cpu_s": round(best["without_cpu"], 2),
        "ratio_cpu": round(best["with_cpu"] / best["without_cpu"], 3),
        "geo_stage_cpu_s": round(best["geo_cpu"], 2),
        "ratio_stage_cpu": round(best["with_cpu"] / (best["with_cpu"] - best["geo_cpu"]), 3),
        "setup_s": round(setup_s, 2), "gazetteer": gazetteer_load(),
    }
    return report(result, args.json, width=16)


if __name__ == "__main__":
    main()
