"""Draw the items of a blind audit of the sample (``eval/sample_audit/``): N events at random (seed SEED) from a
database ``eventscope run --sample --db DB`` wrote, leaving out events whose evidence sentence an earlier audit's
items file (EXCLUDE...) already showed.

    python scripts/audit_draw.py DB SEED N OUT [EXCLUDE ...]

Each item holds what a reviewer judges: the evidence sentence, trigger, PLOVER type and mode, CAMEO code, ACLED
types, source and target (text, country, sector, name), place, date and precision, factuality, fatalities.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys


def _actor(a: dict | None) -> dict | None:
    return None if not a else {k: a.get(k) for k in ("text", "country", "sector", "name")}


def item(r: dict, n: int) -> dict:
    """The audit item ``n`` of one event record of ``eventscope query --format jsonl``."""
    loc = r.get("location")
    return {"n": n, "article_id": r["article_id"], "event_id": r["event_id"], "evidence": r["evidence"]["text"],
            "trigger": r["trigger"]["text"], "plover": r["event_type"], "mode": r["mode"], "cameo_code": r["cameo_code"],
            "acled_event_type": r["acled_event_type"], "acled_sub_event_type": r["acled_sub_event_type"],
            "source": _actor(r["source"]), "target": _actor(r["target"]),
            "place": None if not loc else {"name": loc["name"], "country": loc["country"], "precision": loc["precision"]},
            "date": (r.get("date") or {}).get("value"), "date_precision": (r.get("date") or {}).get("precision"),
            "factuality": r["factuality"], "fatalities": r["fatalities"]}


def main(argv: list[str]) -> int:
    db, seed, n, out, *exclude = argv
    seen = {json.loads(line)["evidence"] for path in exclude for line in open(path, encoding="utf-8") if line.strip()}
    rows = [json.loads(line) for line in subprocess.run(
        ["eventscope", "query", "--db", db, "--format", "jsonl", "--limit", "100000"],
        capture_output=True, text=True, check=True).stdout.splitlines()]
    rows.sort(key=lambda r: r["event_id"])
    pool = [r for r in rows if r["evidence"]["text"] not in seen]
    pick = random.Random(int(seed)).sample(pool, int(n))
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(pick, 1):
            f.write(json.dumps(item(r, i), ensure_ascii=False) + "\n")
    print(len(rows), "events;", len(pool), "not audited before;", n, "drawn")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
