"""Scores of a hand audit of events (``eval/sample_audit/``): how many records are real events, and for the
real ones the share of each field a reviewer judged right.

    python scripts/audit_scores.py eval/sample_audit/judgements.jsonl [--json]

A judgement line holds ``event_real`` (yes / no / doubtful) and ``<field>_ok`` (true / false / null when the
field does not apply) for the fields below; see ``eval/sample_audit/README.md``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

FIELDS = ("plover", "source", "target", "place", "date", "factuality", "fatalities", "acled")


def scores(judgements: list[dict]) -> dict:
    real = [j for j in judgements if j["event_real"] == "yes"]
    out: dict = {"records": len(judgements),
                 "event_real": {k: sum(j["event_real"] == k for j in judgements) for k in ("yes", "doubtful", "no")}}
    for field in FIELDS:
        judged = [j[f"{field}_ok"] for j in real if j.get(f"{field}_ok") is not None]
        out[field] = {"right": sum(bool(v) for v in judged), "judged": len(judged),
                      "share": round(sum(bool(v) for v in judged) / len(judged), 3) if judged else None}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("judgements", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.judgements.read_text("utf-8").splitlines() if line.strip()]
    result = scores(rows)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    e = result["event_real"]
    print(f"{result['records']} records: {e['yes']} real events, {e['doubtful']} doubtful, {e['no']} no event")
    for field in FIELDS:
        r = result[field]
        share = f"{r['right'] / r['judged']:.0%}" if r["judged"] else "-"
        print(f"  {field:<11} {r['right']:>3}/{r['judged']:<3} {share}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
