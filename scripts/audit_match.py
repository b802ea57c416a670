"""Match a blind audit's items in a newer output of ``eventscope run --sample`` (``eval/sample_audit/``): each item's
event by its id, else the one event of the same article and sentence (with the same trigger, when several), and
which judged fields changed (key ``changed``).  Changed items are what a new blind reviewer re-judges.

    python scripts/audit_match.py ITEMS DB OUT
"""
from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_draw import item  # noqa: E402

FIELDS = ["plover", "mode", "cameo_code", "acled_event_type", "acled_sub_event_type", "source", "target", "place",
          "date", "date_precision", "factuality", "fatalities"]


def main(argv: list[str]) -> int:
    items_path, db, out = argv
    new = [json.loads(line) for line in subprocess.run(
        ["eventscope", "query", "--db", db, "--format", "jsonl", "--limit", "100000"],
        capture_output=True, text=True, check=True).stdout.splitlines()]
    by_id = {r["event_id"]: r for r in new}
    matched, lost = [], []
    for it in (json.loads(line) for line in open(items_path, encoding="utf-8") if line.strip()):
        r, how = by_id.get(it["event_id"]), "same id"
        if r is None:  # the same sentence's event under another id (its type changed)
            cands = [x for x in new if x["article_id"] == it["article_id"] and x["evidence"]["text"] == it["evidence"]]
            cands = [x for x in cands if x["trigger"]["text"] == it["trigger"]] or cands
            r, how = (cands[0] if len(cands) == 1 else None), "same sentence"
        if r is None:
            lost.append(it["n"])
            continue
        ni = item(r, it["n"])
        ni["changed"] = [f for f in FIELDS if ni[f] != it[f]] + (["trigger"] if ni["trigger"] != it["trigger"] else [])
        ni["matched_by"] = how
        matched.append(ni)
    with open(out, "w", encoding="utf-8") as f:
        for ni in matched:
            f.write(json.dumps(ni, ensure_ascii=False) + "\n")
    print("matched", len(matched), "changed", sum(bool(ni["changed"]) for ni in matched), "lost", lost)
    print(dict(collections.Counter(f for ni in matched for f in ni["changed"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
