"""Dedup cost as the number of events grows (must stay near-linear).

Synthetic events at a constant density: ``n / 3`` real events spread over ``n / 600`` days
(about 200 real events a day, like a large national feed), each reported about three times by
different articles with a day of jitter, about 2 km apart, sharing four of the six evidence
words (other events share about none), at random spots in an 8 x 8 degree box per country;
4 countries, 4 PLOVER types.  Reported: seconds for ``dedup.deduplicate`` (blocking, pairwise
links in DuckDB, union-find, canonical tables) and seconds per 1,000 events.

    python bench/dedup_scale.py [--sizes 10000 100000 1000000] [--json]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

import duckdb
import numpy as np
import pyarrow as pa

from eventscope.dedup import INPUT_COLUMNS, deduplicate

TYPES = np.array(["ASSAULT", "PROTEST", "AGREE", "COERCE"])
COUNTRIES = np.array(["AFG", "PAK", "IRQ", "SYR"])


def _letters(k: int) -> str:
    """A word of letters for the number ``k`` (dedup compares words of letters only)."""
    out = ""
    while True:
        k, r = divmod(k, 26)
        out += chr(97 + r)
        if not k:
            return "word" + out


def synthetic(n: int, seed: int = 0) -> pa.Table:
    rng = np.random.default_rng(seed)
    real = rng.integers(0, max(n // 3, 1), n)
    days = real // 200 + rng.integers(0, 2, n)
    vocab = np.array([_letters(k) for k in range(400)])
    # three words of the real event (shared by its reports), its own tag, one random word per report
    evidence = [" ".join(vocab[(r * (k + 7) * 2654435761) % 400] for k in range(3)) + f" case{_letters(r)} " + vocab[j]
                for r, j in zip(real.tolist(), rng.integers(0, 400, n).tolist())]
    spot = np.random.default_rng(seed + 1).uniform(0, 1, (max(n // 3, 1), 2))[real]  # where the real event is
    start = dt.date(2020, 1, 1)
    cols = {
        "event_id": [f"e{i:08d}" for i in range(n)], "article_id": [f"a{i}" for i in range(n)],
        "event_type": TYPES[real % 4], "factuality": ["asserted"] * n, "location_country": COUNTRIES[(real // 4) % 4],
        "location_precision": ["city"] * n, "lat": 30 + 8 * spot[:, 0] + rng.normal(0, 0.02, n),
        "lon": 60 + 8 * spot[:, 1] + rng.normal(0, 0.02, n),
        "date_start": [start + dt.timedelta(days=int(d)) for d in days], "date_precision": ["day"] * n,
        "source_country": None, "source_sector": None, "target_country": None, "target_sector": None,
        "evidence": evidence, "confidence": rng.uniform(0.3, 0.9, n), "published": None,
        "outlet": [f"outlet{k}" for k in rng.integers(0, 50, n).tolist()],
    }
    return pa.table({name: pa.array(cols[name] if cols[name] is not None else [None] * n, type=kind)
                     for name, kind in INPUT_COLUMNS.items()})


def main(argv: list[str] | None = None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results = []
    for n in args.sizes:
        table = synthetic(n)
        con = duckdb.connect()
        con.register("synthetic", table)
        t0 = time.perf_counter()
        canonical, _ = deduplicate(con, "SELECT * FROM synthetic")
        seconds = time.perf_counter() - t0
        con.close()
        results.append({"events": n, "canonical": canonical.num_rows, "seconds": round(seconds, 2),
                        "ms_per_1000_events": round(1000 * seconds / n * 1000, 1)})
        if not args.json:
            print(results[-1], flush=True)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
    return results


if __name__ == "__main__":
    main()
